/* Loose date parsing: the forms found in CSV files and data sets (ISO dates and date-times,
 * YYYY/MM/DD, YYYYMMDD, YYYY-MM, quarters such as 2020Q1), shared by nd_read_csv and nplot.
 * Values are exact (fractions of a second to the attosecond) and carry the finest unit their
 * text spells, so a column of them becomes the datetime64 array NumPy would build from the
 * ISO forms of the same values. */
#include <string.h>
#include <strings.h>

#include "dt_internal.h"

static bool is_digit(char c) { return c >= '0' && c <= '9'; }
static bool is_blank(char c) { return c == ' ' || c == '\t' || c == '\r' || c == '\n' || c == '\f' || c == '\v'; }

/* Between min and max digits at *p (advanced past them) into *out. */
static bool digits(const char **p, const char *end, int min, int max, int *out)
{
    int v = 0, k = 0;
    const char *s = *p;
    while (s < end && k < max && is_digit(*s)) {
        v = v * 10 + (*s - '0');
        s++;
        k++;
    }
    if (k < min) return false;
    *p = s;
    *out = v;
    return true;
}

typedef struct ltime {
    int h, mi, s;
    int64_t frac[3]; /* us, ps, as digits of the fraction of a second */
    nd_dtunit unit;
} ltime;

/* HH:MM[:SS[.f…]] (a ',' may stand for the '.'). */
static bool parse_time(const char **p, const char *end, ltime *t)
{
    const char *q = *p;
    memset(t, 0, sizeof *t);
    t->unit = ND_DT_m;
    const char *ph = q, *pm, *ps = NULL;
    if (!digits(&q, end, 1, 2, &t->h) || q >= end || *q != ':') return *p = q, false;
    pm = ++q;
    if (!digits(&q, end, 2, 2, &t->mi)) return *p = q, false;
    if (q < end && *q == ':') {
        ps = ++q;
        if (!digits(&q, end, 2, 2, &t->s)) return *p = q, false;
        t->unit = ND_DT_s;
        if (q < end && (*q == '.' || *q == ',')) {
            q++;
            if (q >= end || !is_digit(*q)) return *p = q, false;
            int nd = 0;
            while (q < end && is_digit(*q)) {
                if (nd < 18) t->frac[nd / 6] = t->frac[nd / 6] * 10 + (*q - '0');
                nd++;
                q++;
            }
            int kept = nd < 18 ? nd : 18;
            for (int k = kept; k < 18; k++) t->frac[k / 6] *= 10;
            t->unit = (nd_dtunit)(ND_DT_ms + (kept - 1) / 3);
        }
    }
    if (t->h > 24) return *p = ph, false;
    if (t->mi > 59) return *p = pm, false;
    if (t->s > 60) return *p = ps, false;
    if (t->h == 24 && (t->mi || t->s || t->frac[0] || t->frac[1] || t->frac[2]))
        return *p = ph, false;
    *p = q;
    return true;
}

/* Z, ±HH, ±HHMM, ±HH:MM → minutes east of UTC. */
static bool parse_zone(const char **p, const char *end, int *off)
{
    const char *q = *p;
    *off = 0;
    if (q >= end) return true;
    if (*q == 'Z' || *q == 'z') {
        *p = q + 1;
        return true;
    }
    if (*q != '+' && *q != '-') return true;
    int sign = *q == '-' ? -1 : 1, h, m = 0;
    q++;
    if (!digits(&q, end, 2, 2, &h)) return *p = q, false;
    if (q < end && *q == ':') q++;
    if (q < end && is_digit(*q) && !digits(&q, end, 2, 2, &m)) return *p = q, false;
    if (h > 23 || m > 59) return false;
    *off = sign * (h * 60 + m);
    *p = q;
    return true;
}

static int month_days(int64_t y, int m)
{
    static const int dm[12] = { 31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31 };
    return m == 2 && nd_is_leapyear(y) ? 29 : dm[m - 1];
}

/* A quarter: YYYY[-/ ]?Q<n> or Q<n>[-/ ]?YYYY (Q in either case). */
static bool parse_quarter(const char *p, const char *end, int *y, int *q, const char **stop)
{
    const char *s = p;
    int yy, qq;
    if (digits(&s, end, 4, 4, &yy)) {
        if (s < end && (*s == '-' || *s == '/' || *s == ' ')) s++;
        if (s >= end || (*s != 'Q' && *s != 'q')) return *stop = s, false;
        s++;
        if (!digits(&s, end, 1, 1, &qq)) return *stop = s, false;
    } else {
        s = p;
        if (s >= end || (*s != 'Q' && *s != 'q')) return *stop = s, false;
        s++;
        if (!digits(&s, end, 1, 1, &qq)) return *stop = s, false;
        if (s < end && (*s == '-' || *s == '/' || *s == ' ')) s++;
        if (!digits(&s, end, 4, 4, &yy)) return *stop = s, false;
    }
    if (qq < 1 || qq > 4 || s != end) return *stop = s, false;
    *y = yy;
    *q = qq;
    return true;
}

static bool fail_at(nd_dt_loose *out, const char *s, const char *at)
{
    out->errpos = (size_t)(at - s);
    return false;
}

bool nd_datetime_parse_loose(const char *s, size_t n, int flags, nd_dt_loose *out)
{
    nd_dt_loose tmp;
    if (!out) out = &tmp;
    memset(out, 0, sizeof *out);
    if (!s) return false;
    const char *p = s, *end = s + n;
    while (p < end && is_blank(*p)) p++;
    while (end > p && is_blank(end[-1])) end--;
    if (p == end) return fail_at(out, s, p);
    int y = 1970, m = 1, d = 1, qn;
    int off = 0;
    ltime t = { 0 };
    const char *q = p, *stop = p;
    if (parse_quarter(p, end, &y, &qn, &stop)) {
        m = 3 * (qn - 1) + 1;
        out->unit = ND_DT_M;
        out->what = ND_DT_LOOSE_DATE;
        out->dts = (nd_datetimestruct){ .year = y, .month = m, .day = 1 };
        return true;
    }
    int y4;
    bool date = false;
    if (digits(&q, end, 4, 4, &y4) && q < end && (*q == '-' || *q == '/')) {
        char sep = *q++;
        y = y4;
        if (!digits(&q, end, 1, 2, &m)) return fail_at(out, s, q);
        out->unit = ND_DT_M;
        if (q < end && *q == sep) {
            q++;
            if (!digits(&q, end, 1, 2, &d)) return fail_at(out, s, q);
            out->unit = ND_DT_D;
        } else if (sep != '-') {
            return fail_at(out, s, q); /* "2001/12" is too ambiguous to call a date */
        }
        date = true;
    } else {
        q = p;
        int v8;
        const char *r = q;
        if (digits(&r, end, 8, 8, &v8) && (r == end || *r == 'T' || *r == ' ')) {
            y = v8 / 10000;
            m = v8 / 100 % 100;
            d = v8 % 100;
            q = r;
            out->unit = ND_DT_D;
            date = true;
        }
    }
    if (date) {
        if (m < 1 || m > 12 || d < 1 || d > month_days(y, m)) return fail_at(out, s, p);
        out->what = ND_DT_LOOSE_DATE;
        if (q < end && (*q == 'T' || *q == 't' || *q == ' ')) {
            if (out->unit == ND_DT_M) return fail_at(out, s, q);
            const char *r = q + 1;
            while (r < end && *r == ' ') r++;
            if (!parse_time(&r, end, &t) || !parse_zone(&r, end, &off)) return fail_at(out, s, r);
            q = r;
            out->what |= ND_DT_LOOSE_TIME;
            out->unit = t.unit;
        }
    } else {
        if (!(flags & ND_DT_LOOSE_TIME_ONLY)) return fail_at(out, s, stop > q ? stop : q);
        if (!parse_time(&q, end, &t) || !parse_zone(&q, end, &off)) return fail_at(out, s, q);
        out->what = ND_DT_LOOSE_TIME;
        out->unit = t.unit;
    }
    if (q != end) return fail_at(out, s, q);
    if (out->unit == ND_DT_M) {
        out->dts = (nd_datetimestruct){ .year = y, .month = m, .day = 1 };
        return true;
    }
    /* The time of day less the offset, carried into the date (24:00, leap seconds, zones). */
    int64_t sec = (int64_t)t.h * 3600 + (int64_t)t.mi * 60 + t.s - (int64_t)off * 60;
    int64_t yy = y;
    int mm = m, dd = d;
    if (sec < 0 || sec >= 86400) {
        int64_t days = 0;
        if (nd_days_from_civil(y, m, d, &days) < 0) return fail_at(out, s, p);
        int64_t carry = sec >= 0 ? sec / 86400 : -((-sec + 86399) / 86400);
        days += carry;
        sec -= carry * 86400;
        nd_civil_from_days(days, &yy, &mm, &dd);
    }
    out->dts = (nd_datetimestruct){ .year = yy, .month = mm, .day = dd,
                                    .hour = (int32_t)(sec / 3600), .min = (int32_t)(sec / 60 % 60),
                                    .sec = (int32_t)(sec % 60), .us = (int32_t)t.frac[0],
                                    .ps = (int32_t)t.frac[1], .as = (int32_t)t.frac[2] };
    return true;
}

/* NaT spellings of a date column: blank, "NaT" and the usual missing-value tokens. */
static bool is_nat_text(const char *s)
{
    static const char *const nat[] = { "NaT", "NA", "N/A", "n/a", "NULL", "null", "None",
                                       "#N/A", "<NA>" };
    while (is_blank(*s)) s++;
    size_t n = strlen(s);
    while (n && is_blank(s[n - 1])) n--;
    if (!n) return true;
    if (n == 3 && strncasecmp(s, "nat", 3) == 0) return true;
    for (size_t i = 0; i < sizeof nat / sizeof *nat; i++)
        if (strlen(nat[i]) == n && memcmp(nat[i], s, n) == 0) return true;
    return false;
}

bool nd_datetime_sniff_loose(ptrdiff_t n, const char *const *strs, int flags, nd_dtunit *unit)
{
    if (n <= 0 || !strs) return false;
    nd_dtunit best = ND_DT_GENERIC;
    bool any = false;
    for (ptrdiff_t i = 0; i < n; i++) {
        if (!strs[i] || is_nat_text(strs[i])) continue;
        nd_dt_loose r;
        if (!nd_datetime_parse_loose(strs[i], strlen(strs[i]), flags, &r)) return false;
        if (!any || r.unit > best) best = r.unit;
        any = true;
    }
    if (any && unit) *unit = best;
    return any;
}

nd_array *nd_datetime64_from_strings_loose(ptrdiff_t n, const char *const *strs, int flags,
                                           nd_dtype dtype)
{
    static const char *who = "nd_datetime64_from_strings_loose";
    if (n < 0) return ND_FAIL(ND_EVALUE, "%s: n = %td is negative", who, n);
    if (n > 0 && !strs) return ND_FAIL(ND_EVALUE, "%s: strs is NULL", who);
    if (!nd_dtype_is_datetime(dtype)) return ND_FAIL(ND_EDTYPE, "%s: dtype is not datetime64", who);
    if (nd_dtype_unit(dtype) == ND_DT_GENERIC) {
        nd_dtunit best = ND_DT_GENERIC;
        for (ptrdiff_t i = 0; i < n; i++) {
            if (!strs[i] || is_nat_text(strs[i])) continue;
            nd_dt_loose r;
            if (!nd_datetime_parse_loose(strs[i], strlen(strs[i]), flags, &r))
                return ND_FAIL(ND_EVALUE, "%s: string %td \"%s\" is not a date (at position %zu)",
                               who, i, strs[i], r.errpos);
            if (best == ND_DT_GENERIC || r.unit > best) best = r.unit;
        }
        dtype = best == ND_DT_GENERIC ? dtype : nd_dtype_datetime(ND_DATETIME64, best, 1);
    }
    nd_array *a = nd_empty(ND_SHAPE(n), dtype);
    if (!a) return NULL;
    int64_t *v = nd_data(a);
    for (ptrdiff_t i = 0; i < n; i++) {
        if (!strs[i] || is_nat_text(strs[i])) {
            v[i] = ND_NAT;
            continue;
        }
        nd_dt_loose r;
        if (!nd_datetime_parse_loose(strs[i], strlen(strs[i]), flags, &r)) {
            nd_free(a);
            return ND_FAIL(ND_EVALUE, "%s: string %td \"%s\" is not a date (at position %zu)", who,
                           i, strs[i], r.errpos);
        }
        if (nd__dt_from_struct(&r.dts, dtype, &v[i], who) < 0) {
            nd_free(a);
            return NULL;
        }
    }
    return a;
}
