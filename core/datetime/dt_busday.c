/* Business days as NumPy's numpy/core/src/multiarray/datetime_busday.c: a weekmask and a
 * sorted holiday list (NaT and weekend holidays dropped), is_busday, busday_offset with the
 * roll modes, busday_count. Dates are datetime64[D] (other units are converted). */
#include <stdlib.h>
#include <string.h>

#include "dt_internal.h"

struct nd_busdaycal {
    bool weekmask[7]; /* Monday first */
    int nbus;         /* business days per week */
    int64_t *holidays;
    ptrdiff_t nholidays;
};

static int dow(int64_t d) /* Monday 0 (1970-01-01 was a Thursday) */
{
    return (int)(((d + 3) % 7 + 7) % 7);
}

static int cmp_i64(const void *a, const void *b)
{
    int64_t x = *(const int64_t *)a, y = *(const int64_t *)b;
    return (x > y) - (x < y);
}

nd_busdaycal *nd_busdaycalendar(const char *weekmask, const nd_array *holidays)
{
    static const char who[] = "nd_busdaycalendar";
    static const char *const days[7] = { "Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun" };
    bool mask[7] = { true, true, true, true, true, false, false };
    if (weekmask) {
        size_t len = strlen(weekmask);
        if (len == 7 && strspn(weekmask, "01") == 7) {
            for (int i = 0; i < 7; i++) mask[i] = weekmask[i] == '1';
        } else {
            memset(mask, 0, sizeof mask);
            const char *p = weekmask;
            while (*p) {
                if (*p == ' ' || *p == '\t') {
                    p++;
                    continue;
                }
                int k = -1;
                for (int i = 0; i < 7; i++)
                    if (strncmp(p, days[i], 3) == 0) k = i;
                if (k < 0)
                    return ND_FAIL(ND_EVALUE, "%s: Invalid business day weekmask string \"%s\"", who, weekmask);
                mask[k] = true;
                p += 3;
            }
        }
    }
    int nbus = 0;
    for (int i = 0; i < 7; i++) nbus += mask[i];
    if (nbus == 0)
        return ND_FAIL(ND_EVALUE, "%s: Cannot construct a numpy busdaycal with a weekmask of all zeros", who);
    nd_array *h = NULL;
    if (holidays) {
        if (!nd_dtype_is_datetime(nd_dtype_of(holidays)))
            return ND_FAIL(ND_EDTYPE, "%s: holidays must be datetime64, not %s", who,
                           nd_dtype_name(nd_dtype_of(holidays)));
        nd_array *flat = nd_ravel(holidays);
        if (!flat) return NULL;
        h = nd_astype(flat, ND_DATETIME64_OF(ND_DT_D), ND_CAST_UNSAFE);
        nd_free(flat);
        if (!h) return NULL;
    }
    ptrdiff_t n = h ? nd_size(h) : 0;
    nd_busdaycal *c = nd_calloc(1, sizeof *c, who);
    int64_t *list = c ? nd__malloc_n(n ? n : 1, sizeof *list, who) : NULL;
    if (!list) {
        nd_free_mem(c);
        nd_free(h);
        return NULL;
    }
    ptrdiff_t k = 0;
    for (ptrdiff_t i = 0; i < n; i++) {
        int64_t d = ((const int64_t *)(const void *)h->data)[i];
        if (d != ND_NAT && mask[dow(d)]) list[k++] = d;
    }
    nd_free(h);
    qsort(list, (size_t)k, sizeof *list, cmp_i64);
    ptrdiff_t u = 0;
    for (ptrdiff_t i = 0; i < k; i++)
        if (u == 0 || list[u - 1] != list[i]) list[u++] = list[i];
    memcpy(c->weekmask, mask, sizeof mask);
    c->nbus = nbus;
    c->holidays = list;
    c->nholidays = u;
    return c;
}

void nd_busdaycal_free(nd_busdaycal *cal)
{
    if (!cal) return;
    nd_free_mem(cal->holidays);
    nd_free_mem(cal);
}

ptrdiff_t nd_busdaycal_holidays(const nd_busdaycal *cal, const int64_t **days)
{
    if (!cal) return 0;
    if (days) *days = cal->holidays;
    return cal->nholidays;
}

static bool is_holiday(const nd_busdaycal *c, int64_t d)
{
    ptrdiff_t lo = 0, hi = c->nholidays;
    while (lo < hi) {
        ptrdiff_t mid = lo + (hi - lo) / 2;
        if (c->holidays[mid] < d) lo = mid + 1;
        else hi = mid;
    }
    return lo < c->nholidays && c->holidays[lo] == d;
}

static bool busday(const nd_busdaycal *c, int64_t d)
{
    return c->weekmask[dow(d)] && !is_holiday(c, d);
}

static const nd_busdaycal *default_cal(const nd_busdaycal *cal, nd_busdaycal *tmp)
{
    if (cal) return cal;
    memset(tmp, 0, sizeof *tmp);
    for (int i = 0; i < 5; i++) tmp->weekmask[i] = true;
    tmp->nbus = 5;
    return tmp;
}

/* days as datetime64[D] (a new array) */
static nd_array *as_days(const nd_array *a, const char *who)
{
    if (!a) return ND_FAIL(ND_EVALUE, "%s: array is NULL", who);
    if (!nd_dtype_is_datetime(nd_dtype_of(a)))
        return ND_FAIL(ND_EDTYPE, "%s: dates must be datetime64, not %s", who, nd_dtype_name(nd_dtype_of(a)));
    return nd_astype(a, ND_DATETIME64_OF(ND_DT_D), ND_CAST_UNSAFE);
}

/* Run fn over broadcast (out, x, y) with int64 elements. */
static nd_array *run2(const nd_array *x, const nd_array *y, nd_dtype ot, const char *who,
                      nd_status (*fn)(char *o, int64_t a, int64_t b, const nd_busdaycal *c, int roll),
                      const nd_busdaycal *c, int roll)
{
    nd_array *ops[2] = { (nd_array *)x, (nd_array *)y };
    nd_iter it;
    if (nd_iter_init(&it, y ? 2 : 1, ops, 0, NULL) < 0) return NULL;
    nd_array *out = nd_empty(it.bc_ndim, it.bc_shape, ot);
    if (!out) return NULL;
    nd_array *ops3[3] = { out, (nd_array *)x, (nd_array *)y };
    nd_status st = nd_iter_init(&it, y ? 3 : 2, ops3, nd_ndim(out), nd_shape(out));
    if (st == ND_OK && it.size > 0) {
        do {
            for (ptrdiff_t k = 0; k < it.inner_size && st == ND_OK; k++) {
                int64_t a, b = 0;
                memcpy(&a, it.ptrs[1] + k * it.inner_strides[1], 8);
                if (y) memcpy(&b, it.ptrs[2] + k * it.inner_strides[2], 8);
                st = fn(it.ptrs[0] + k * it.inner_strides[0], a, b, c, roll);
            }
        } while (st == ND_OK && nd_iter_next(&it));
    }
    (void)who;
    if (st < 0) {
        nd_free(out);
        return NULL;
    }
    return out;
}

static nd_status isbus_fn(char *o, int64_t d, int64_t unused, const nd_busdaycal *c, int roll)
{
    *(bool *)(void *)o = d != ND_NAT && busday(c, d);
    return ND_OK;
}

nd_array *nd_is_busday(const nd_array *dates, const nd_busdaycal *cal)
{
    nd_busdaycal tmp;
    nd_array *d = as_days(dates, "nd_is_busday");
    if (!d) return NULL;
    nd_array *r = run2(d, NULL, ND_BOOL, "nd_is_busday", isbus_fn, default_cal(cal, &tmp), 0);
    nd_free(d);
    return r;
}

static nd_status offset_fn(char *o, int64_t d, int64_t off, const nd_busdaycal *c, int roll)
{
    static const char who[] = "nd_busday_offset";
    if (d == ND_NAT) {
        memcpy(o, &d, 8);
        return ND_OK;
    }
    if (!busday(c, d)) {
        int64_t start = d;
        switch ((nd_busday_roll)roll) {
        case ND_ROLL_RAISE:
            return nd_set_error(ND_EVALUE, "%s: Non-business day date in busday_offset", who);
        case ND_ROLL_NAT:
            d = ND_NAT;
            memcpy(o, &d, 8);
            return ND_OK;
        case ND_ROLL_FORWARD:
        case ND_ROLL_MODIFIEDFOLLOWING:
            while (!busday(c, d)) d++;
            if (roll == ND_ROLL_MODIFIEDFOLLOWING) {
                int64_t y0, y1;
                int m0, m1;
                nd_civil_from_days(start, &y0, &m0, NULL);
                nd_civil_from_days(d, &y1, &m1, NULL);
                if (m0 != m1 || y0 != y1)
                    for (d = start; !busday(c, d);) d--;
            }
            break;
        case ND_ROLL_BACKWARD:
        case ND_ROLL_MODIFIEDPRECEDING:
            while (!busday(c, d)) d--;
            if (roll == ND_ROLL_MODIFIEDPRECEDING) {
                int64_t y0, y1;
                int m0, m1;
                nd_civil_from_days(start, &y0, &m0, NULL);
                nd_civil_from_days(d, &y1, &m1, NULL);
                if (m0 != m1 || y0 != y1)
                    for (d = start; !busday(c, d);) d++;
            }
            break;
        }
    }
    /* day by day: each business day passed counts one */
    while (off != 0) {
        d += off > 0 ? 1 : -1;
        if (busday(c, d)) off += off > 0 ? -1 : 1;
        if (d == INT64_MAX || d == INT64_MIN + 1)
            return nd_set_error(ND_EVALUE, "%s: the offset leaves the datetime64[D] range", who);
    }
    memcpy(o, &d, 8);
    return ND_OK;
}

nd_array *nd_busday_offset(const nd_array *dates, const nd_array *offsets, nd_busday_roll roll,
                           const nd_busdaycal *cal)
{
    static const char who[] = "nd_busday_offset";
    if ((unsigned)roll > ND_ROLL_MODIFIEDPRECEDING)
        return ND_FAIL(ND_EVALUE, "%s: invalid roll mode %d", who, (int)roll);
    if (!offsets) return ND_FAIL(ND_EVALUE, "%s: offsets is NULL", who);
    if (!nd_dtype_is_integer(nd_dtype_of(offsets)))
        return ND_FAIL(ND_EDTYPE, "%s: offsets must be integers, not %s", who, nd_dtype_name(nd_dtype_of(offsets)));
    nd_busdaycal tmp;
    nd_array *d = as_days(dates, who);
    nd_array *off = d ? nd_astype(offsets, ND_INT64, ND_CAST_UNSAFE) : NULL;
    nd_array *r = off ? run2(d, off, ND_DATETIME64_OF(ND_DT_D), who, offset_fn, default_cal(cal, &tmp), (int)roll) : NULL;
    nd_free(off);
    nd_free(d);
    return r;
}

static nd_status count_fn(char *o, int64_t a, int64_t b, const nd_busdaycal *c, int roll)
{
    if (a == ND_NAT || b == ND_NAT)
        return nd_set_error(ND_EVALUE, "nd_busday_count: Cannot compute a business day count with "
                            "a NaT (not-a-time) date");
    bool neg = b < a;
    int64_t lo = neg ? b : a, hi = neg ? a : b, n = 0;
    /* whole weeks, then the remaining days; holidays inside [lo, hi) come off */
    int64_t weeks = (hi - lo) / 7;
    n = weeks * c->nbus;
    for (int64_t d = lo + weeks * 7; d < hi; d++) n += c->weekmask[dow(d)];
    for (ptrdiff_t i = 0; i < c->nholidays; i++)
        if (c->holidays[i] >= lo && c->holidays[i] < hi) n--;
    if (neg) n = -n;
    memcpy(o, &n, 8);
    return ND_OK;
}

nd_array *nd_busday_count(const nd_array *begindates, const nd_array *enddates, const nd_busdaycal *cal)
{
    static const char who[] = "nd_busday_count";
    nd_busdaycal tmp;
    nd_array *a = as_days(begindates, who);
    nd_array *b = a ? as_days(enddates, who) : NULL;
    nd_array *r = b ? run2(a, b, ND_INT64, who, count_fn, default_cal(cal, &tmp), 0) : NULL;
    nd_free(a);
    nd_free(b);
    return r;
}
