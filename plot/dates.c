/* Date axes (matplotlib.dates, 3.6): date numbers (float days since 1970-01-01T00:00 UTC),
 * AutoDateLocator with interval_multiples=True (its intervald table, minticks 5 and the
 * per-frequency maxticks), AutoDateFormatter, ConciseDateFormatter (with its offset text)
 * and DateFormatter's strftime codes. Times are handled as int64 microseconds from the
 * epoch, as matplotlib's num2date rounds them. */
#include "dates.h"

#include <math.h>
#include <stdio.h>
#include <string.h>

#include <numc/datetime.h>

#define US_PER_DAY 86400000000.0
#define US_DAY INT64_C(86400000000)

/* A broken-down instant (microsecond resolution). */
typedef struct dtm {
    int64_t y;
    int mo, d, h, mi, s, us;
} dtm;

static int64_t floordiv(int64_t a, int64_t b)
{
    int64_t q = a / b;
    return (a % b != 0 && (a < 0) != (b < 0)) ? q - 1 : q;
}

static int64_t days_from(int64_t y, int m, int d)
{
    int64_t days = 0;
    if (nd_days_from_civil(y, m, d, &days) != ND_OK) return 0;
    return days;
}

static dtm from_us(int64_t t)
{
    dtm r;
    int64_t day = floordiv(t, US_DAY), rem = t - day * US_DAY;
    nd_civil_from_days(day, &r.y, &r.mo, &r.d);
    int64_t sec = rem / 1000000;
    r.us = (int)(rem % 1000000);
    r.h = (int)(sec / 3600);
    r.mi = (int)(sec / 60 % 60);
    r.s = (int)(sec % 60);
    return r;
}

static int64_t to_us(const dtm *t)
{
    return days_from(t->y, t->mo, t->d) * US_DAY +
           ((int64_t)t->h * 3600 + t->mi * 60 + t->s) * 1000000 + t->us;
}

/* matplotlib's num2date: rounded to whole microseconds, and to 20 µs far from the epoch. */
static int64_t num_to_us(double x)
{
    int64_t t = (int64_t)nearbyint(x * US_PER_DAY);
    if (fabs(x) > 70 * 365) {
        int64_t sec = floordiv(t, 1000000), us = t - sec * 1000000;
        int64_t ms = (int64_t)nearbyint((double)us / 20.0) * 20;
        t = sec * 1000000 + ms; /* ms == 1000000 carries into the next second */
    }
    return t;
}

/* Beyond this many days from the epoch, microseconds no longer fit in int64: instants are
 * handled at whole seconds from the day number (the date number's own resolution there is
 * coarser than a millisecond anyway). */
#define FAR_DAYS 1.0e8

/* num2date: the broken-down instant of a date number (|x| <= NPLOT_DATE_MAX_DAYS). */
static dtm num_to_dtm(double x)
{
    if (fabs(x) < FAR_DAYS) return from_us(num_to_us(x));
    double day = floor(x);
    int64_t sec = (int64_t)nearbyint((x - day) * 86400.0), d = (int64_t)day;
    if (sec >= 86400) sec -= 86400, d++;
    dtm r;
    nd_civil_from_days(d, &r.y, &r.mo, &r.d);
    r.h = (int)(sec / 3600);
    r.mi = (int)(sec / 60 % 60);
    r.s = (int)(sec % 60);
    r.us = 0;
    return r;
}

/* matplotlib's date2num of a microsecond instant (whole seconds plus the fraction). */
static double us_to_num(int64_t t)
{
    int64_t sec = floordiv(t, 1000000), frac = t - sec * 1000000;
    double v = (double)sec + (double)(frac * 1000) / 1.0e9;
    return v / 86400.0;
}

double nplot__date2num_value(int64_t value, nd_dtype dtype)
{
    if (value == ND_NAT) return NAN;
    nd_datetimestruct s;
    if (nd_datetime_to_struct(value, dtype, &s) != ND_OK || s.year == ND_NAT) return NAN;
    int64_t days;
    if (nd_days_from_civil(s.year, s.month, s.day, &days) != ND_OK) return NAN;
    /* date2num truncates to microseconds (astype('datetime64[us]')) */
    double sec = (double)days * 86400.0 + (double)((int64_t)s.hour * 3600 + s.min * 60 + s.sec);
    return (sec + (double)((int64_t)s.us * 1000) / 1.0e9) / 86400.0;
}

/* ---- strftime (DateFormatter) ---------------------------------------------------------------- */
static const char *const MONTHS[] = { "January", "February", "March",     "April",   "May",      "June",
                                      "July",    "August",   "September", "October", "November", "December" };
static const char *const WDAYS[] = { "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday" };

static size_t put(char *buf, size_t cap, size_t at, const char *s, size_t n)
{
    for (size_t i = 0; i < n; i++, at++)
        if (at + 1 < cap) buf[at] = s[i];
    return at;
}

static size_t format_dtm(const dtm *t, const char *fmt, char *buf, size_t cap)
{
    size_t at = 0;
    char tmp[48];
    for (const char *p = fmt; *p; p++) {
        if (*p != '%' || !p[1]) {
            at = put(buf, cap, at, p, 1);
            continue;
        }
        int k = 0;
        int64_t days = days_from(t->y, t->mo, t->d);
        int wd = (int)((floordiv(days, 7) * 7 == days ? 0 : days - floordiv(days, 7) * 7) + 3) % 7;
        switch (*++p) {
        case 'Y': k = snprintf(tmp, sizeof tmp, "%lld", (long long)t->y); break;
        case 'y': k = snprintf(tmp, sizeof tmp, "%02d", (int)(((t->y % 100) + 100) % 100)); break;
        case 'm': k = snprintf(tmp, sizeof tmp, "%02d", t->mo); break;
        case 'd': k = snprintf(tmp, sizeof tmp, "%02d", t->d); break;
        case 'e': k = snprintf(tmp, sizeof tmp, "%2d", t->d); break;
        case 'H': k = snprintf(tmp, sizeof tmp, "%02d", t->h); break;
        case 'I': k = snprintf(tmp, sizeof tmp, "%02d", t->h % 12 ? t->h % 12 : 12); break;
        case 'p': k = snprintf(tmp, sizeof tmp, "%s", t->h < 12 ? "AM" : "PM"); break;
        case 'M': k = snprintf(tmp, sizeof tmp, "%02d", t->mi); break;
        case 'S': k = snprintf(tmp, sizeof tmp, "%02d", t->s); break;
        case 'f': k = snprintf(tmp, sizeof tmp, "%06d", t->us); break;
        case 'j':
            k = snprintf(tmp, sizeof tmp, "%03d", (int)(days - days_from(t->y, 1, 1) + 1));
            break;
        case 'b': k = snprintf(tmp, sizeof tmp, "%.3s", MONTHS[t->mo - 1]); break;
        case 'B': k = snprintf(tmp, sizeof tmp, "%s", MONTHS[t->mo - 1]); break;
        case 'a': k = snprintf(tmp, sizeof tmp, "%.3s", WDAYS[wd]); break;
        case 'A': k = snprintf(tmp, sizeof tmp, "%s", WDAYS[wd]); break;
        case '%': k = snprintf(tmp, sizeof tmp, "%%"); break;
        default: k = snprintf(tmp, sizeof tmp, "%%%c", *p); break;
        }
        at = put(buf, cap, at, tmp, k > 0 ? (size_t)k : 0);
    }
    if (cap) buf[at < cap ? at : cap - 1] = '\0';
    return at;
}

size_t nplot_date_format(double days, const char *fmt, char *buf, size_t cap)
{
    if (!buf || cap == 0) return 0;
    buf[0] = '\0';
    if (!fmt || !isfinite(days) || fabs(days) > NPLOT_DATE_MAX_DAYS) return 0;
    dtm t = num_to_dtm(days);
    return format_dtm(&t, fmt, buf, cap);
}

/* ---- AutoDateLocator ------------------------------------------------------------------------- */
enum { F_YEARLY, F_MONTHLY, F_DAILY, F_HOURLY, F_MINUTELY, F_SECONDLY, F_MICRO, F_N };

static const int MAXTICKS[F_N] = { 11, 12, 11, 12, 11, 11, 8 };
static const int IV_YEARLY[] = { 1, 2, 4, 5, 10, 20, 40, 50, 100, 200, 400, 500, 1000, 2000, 4000, 5000, 10000 };
static const int IV_MONTHLY[] = { 1, 2, 3, 4, 6 };
static const int IV_DAILY[] = { 1, 2, 4, 7, 14 }; /* interval_multiples swaps 3 for 4 */
static const int IV_HOURLY[] = { 1, 2, 3, 4, 6, 12 };
static const int IV_MINSEC[] = { 1, 5, 10, 15, 30 };
static const int IV_MICRO[] = { 1, 2, 5, 10, 20, 50, 100, 200, 500, 1000, 2000, 5000, 10000, 20000,
                                50000, 100000, 200000, 500000, 1000000 };

static const int *intervals(int f, int *n)
{
    switch (f) {
    case F_YEARLY: *n = (int)(sizeof IV_YEARLY / sizeof *IV_YEARLY); return IV_YEARLY;
    case F_MONTHLY: *n = (int)(sizeof IV_MONTHLY / sizeof *IV_MONTHLY); return IV_MONTHLY;
    case F_DAILY: *n = (int)(sizeof IV_DAILY / sizeof *IV_DAILY); return IV_DAILY;
    case F_HOURLY: *n = (int)(sizeof IV_HOURLY / sizeof *IV_HOURLY); return IV_HOURLY;
    case F_MINUTELY:
    case F_SECONDLY: *n = (int)(sizeof IV_MINSEC / sizeof *IV_MINSEC); return IV_MINSEC;
    default: *n = (int)(sizeof IV_MICRO / sizeof *IV_MICRO); return IV_MICRO;
    }
}

static int month_days(int64_t y, int m)
{
    static const int md[] = { 31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31 };
    return m == 2 && nd_is_leapyear(y) ? 29 : md[m - 1];
}

/* dateutil's relativedelta(b, a) for a <= b: whole years and months, then the rest as
 * days, hours, minutes. */
static void relative_delta(int64_t ta, int64_t tb, int64_t *years, int64_t *months, int *hours,
                           int *minutes)
{
    dtm a = from_us(ta), b = from_us(tb);
    int64_t mon = (b.y - a.y) * 12 + (b.mo - a.mo);
    int64_t tm;
    for (;;) {
        dtm c = a;
        int64_t mi = (a.mo - 1) + mon;
        c.y = a.y + floordiv(mi, 12);
        c.mo = (int)(mi - floordiv(mi, 12) * 12) + 1;
        int md = month_days(c.y, c.mo);
        if (c.d > md) c.d = md;
        tm = to_us(&c);
        if (tb < tm) mon--;
        else break;
    }
    int64_t rest = (tb - tm) / 1000000; /* whole seconds */
    *years = mon / 12;
    *months = mon % 12;
    *hours = (int)(rest / 3600 % 24);
    *minutes = (int)(rest / 60 % 60);
}

/* Does t (µs) match the rrule's by-sets of frequency f at step iv (interval_multiples)? */
static bool rrule_match(int f, int iv, const dtm *t)
{
    if (t->us) return false;
    switch (f) {
    case F_MONTHLY: return (t->mo - 1) % iv == 0 && t->d == 1 && !t->h && !t->mi && !t->s;
    case F_DAILY:
        if (t->h || t->mi || t->s) return false;
        if (iv == 14) return t->d == 1 || t->d == 15;
        if (iv == 7) return t->d == 1 || t->d == 8 || t->d == 15 || t->d == 22;
        return (t->d - 1) % iv == 0;
    case F_HOURLY: return t->h % iv == 0 && !t->mi && !t->s;
    case F_MINUTELY: return t->mi % iv == 0 && !t->s;
    default: return t->s % iv == 0;
    }
}

/* matplotlib's _Edge_integer(step, 0).le / ge on x. */
static double edge_le(double x, double step)
{
    double d = floor(x / step), m = x - d * step;
    return fabs(m / step - 1) < 1e-10 ? d + 1 : d;
}

static double edge_ge(double x, double step)
{
    double d = floor(x / step), m = x - d * step;
    return fabs(m / step) < 1e-10 ? d : d + 1;
}

#define EMIT(v)                           \
    do {                                  \
        if (count < cap) out[count] = (v); \
        count++;                          \
    } while (0)

int nplot__date_locate(double vmin, double vmax, double *out, int cap, int *freq_out)
{
    if (vmin > vmax) {
        double t = vmin;
        vmin = vmax;
        vmax = t;
    }
    *freq_out = F_YEARLY;
    if (!isfinite(vmin) || !isfinite(vmax) || fabs(vmin) > NPLOT_DATE_MAX_DAYS ||
        fabs(vmax) > NPLOT_DATE_MAX_DAYS)
        return 0;
    int count = 0;
    if (fmax(fabs(vmin), fabs(vmax)) >= FAR_DAYS) {
        /* far from the epoch: whole years only (YearLocator), or the view's ends */
        dtm a = num_to_dtm(vmin), b = num_to_dtm(vmax);
        int64_t years = b.y - a.y - ((b.mo < a.mo || (b.mo == a.mo && b.d < a.d)) ? 1 : 0);
        if (years < 5) {
            *freq_out = F_DAILY;
            EMIT(vmin);
            EMIT(vmax);
            return count;
        }
        int ni;
        const int *tab = intervals(F_YEARLY, &ni);
        int k = 0;
        while (k < ni - 1 && !((double)years <= (double)tab[k] * (MAXTICKS[F_YEARLY] - 1))) k++;
        double iv = tab[k], ymin = edge_le((double)a.y, iv) * iv, ymax = edge_ge((double)b.y, iv) * iv;
        for (double y = ymin; y <= ymax; y += iv) EMIT((double)days_from((int64_t)y, 1, 1));
        return count;
    }
    int64_t t0 = num_to_us(vmin), t1 = num_to_us(vmax);
    int64_t years, months;
    int hours, minutes;
    relative_delta(t0, t1, &years, &months, &hours, &minutes);
    int64_t dus = t1 - t0;
    double num_days = (double)floordiv(dus, US_DAY);
    double total_s = (double)dus / 1e6;
    double nums[F_N];
    nums[F_YEARLY] = (double)years;
    nums[F_MONTHLY] = (double)years * 12 + (double)months;
    nums[F_DAILY] = num_days;
    nums[F_HOURLY] = num_days * 24 + hours;
    nums[F_MINUTELY] = nums[F_HOURLY] * 60 + minutes;
    nums[F_SECONDLY] = floor(total_s);
    nums[F_MICRO] = floor(total_s * 1e6);
    int f = F_MICRO, iv = 1;
    for (int i = 0; i < F_N; i++) {
        if (nums[i] < 5) continue; /* minticks */
        int ni;
        const int *tab = intervals(i, &ni);
        int k = 0;
        while (k < ni - 1 && !(nums[i] <= (double)tab[k] * (MAXTICKS[i] - 1))) k++;
        f = i;
        iv = tab[k];
        break;
    }
    *freq_out = f;
    if (f == F_YEARLY) {
        dtm a = from_us(t0), b = from_us(t1);
        double ymin = edge_le((double)a.y, iv) * iv, ymax = edge_ge((double)b.y, iv) * iv;
        if (a.y >= 1 && ymin < 1) ymin = 1; /* python's datetime years 1..9999 */
        if (b.y <= 9999 && ymax > 9999) ymax = 9999;
        for (double y = ymin; y <= ymax; y += iv) {
            dtm t = { (int64_t)y, 1, 1, 0, 0, 0, 0 };
            EMIT(us_to_num(to_us(&t)));
        }
        return count;
    }
    if (f == F_MICRO) {
        /* MicrosecondLocator: a MultipleLocator(iv) over microseconds from the first day */
        double day0 = floor(us_to_num(t0));
        double nmin = (us_to_num(t0) - day0) * US_PER_DAY, nmax = (us_to_num(t1) - day0) * US_PER_DAY;
        double step = iv;
        double lo = edge_ge(nmin, step) * step;
        double n = floor((nmax - lo + 0.001 * step) / step);
        for (double k = 0; k < n + 3; k++) EMIT((lo - step + k * step) / US_PER_DAY + day0);
        return count;
    }
    /* rrule.between(vmin, vmax, inc=True) with interval 1 and the by-sets */
    dtm a = from_us(t0);
    dtm c = a;
    c.us = 0;
    if (f <= F_MINUTELY) c.s = 0;
    if (f <= F_HOURLY) c.mi = 0;
    if (f <= F_DAILY) c.h = 0;
    if (f == F_MONTHLY) c.d = 1;
    for (int guard = 0; guard < 1000000; guard++) {
        int64_t t = to_us(&c);
        if (t > t1) break;
        if (t >= t0 && rrule_match(f, iv, &c)) EMIT(us_to_num(t));
        if (f == F_MONTHLY) {
            if (++c.mo > 12) c.mo = 1, c.y++;
        } else {
            int64_t stepus = f == F_DAILY ? US_DAY : f == F_HOURLY ? INT64_C(3600000000)
                                                   : f == F_MINUTELY ? INT64_C(60000000)
                                                                     : INT64_C(1000000);
            c = from_us(t + stepus);
        }
    }
    if (count == 0) {
        EMIT(us_to_num(t0));
        EMIT(us_to_num(t1));
    }
    return count;
}
#undef EMIT

/* ---- formatters -------------------------------------------------------------------------------- */
static const char *const AUTO_FMT[F_N] = { "%Y", "%Y-%m", "%Y-%m-%d", "%m-%d %H", "%d %H:%M",
                                           "%H:%M:%S", "%M:%S.%f" };

const char *nplot__date_auto_format(int freq)
{
    return freq >= 0 && freq < F_N ? AUTO_FMT[freq] : "%Y-%m-%d";
}

/* ConciseDateFormatter.format_ticks: labels[i] (cap bytes each) and the offset text. */
void nplot__date_concise(const double *locs, int n, char (*labels)[NPLOT_DATE_LABEL],
                         char *offset, size_t offcap)
{
    static const char *const fmts[6] = { "%Y", "%b", "%d", "%H:%M", "%H:%M", "%S.%f" };
    static const char *const zero_fmts[6] = { "", "%Y", "%b", "%b-%d", "%H:%M", "%H:%M" };
    static const char *const offset_fmts[6] = { "", "%Y", "%Y-%b", "%Y-%b-%d", "%Y-%b-%d",
                                                "%Y-%b-%d %H:%M" };
    static const int zerovals[6] = { 0, 1, 1, 0, 0, 0 };
    if (offcap) offset[0] = '\0';
    if (n <= 0) return;
    dtm t[NPLOT__DATE_CAP];
    if (n > NPLOT__DATE_CAP) n = NPLOT__DATE_CAP;
    for (int i = 0; i < n; i++)
        t[i] = fabs(locs[i]) <= 2 * NPLOT_DATE_MAX_DAYS ? num_to_dtm(locs[i]) : num_to_dtm(0);
#define FIELD(k, i) ((k) == 0 ? t[i].y : (k) == 1 ? t[i].mo : (k) == 2 ? t[i].d : (k) == 3 ? t[i].h \
                     : (k) == 4 ? t[i].mi : t[i].s)
    bool show_offset = true;
    int level = 5;
    for (int lv = 5; lv >= 0; lv--) {
        bool multi = false, has_one = false;
        for (int i = 0; i < n; i++) {
            if (FIELD(lv, i) != FIELD(lv, 0)) multi = true;
            if (FIELD(lv, i) == 1) has_one = true;
        }
        if (multi) {
            if (lv < 2 && has_one) show_offset = false;
            level = lv;
            break;
        }
        if (lv == 0) level = 5;
    }
    for (int i = 0; i < n; i++) {
        const char *f;
        if (level < 5) f = FIELD(level, i) == zerovals[level] ? zero_fmts[level] : fmts[level];
        else f = t[i].s == 0 && t[i].us == 0 ? zero_fmts[level] : fmts[level];
        format_dtm(&t[i], f, labels[i], NPLOT_DATE_LABEL);
    }
#undef FIELD
    if (level >= 5) {
        /* trailing zeros common to every label with a '.' */
        int trailing = -1;
        for (int i = 0; i < n; i++) {
            if (!strchr(labels[i], '.')) continue;
            size_t len = strlen(labels[i]), z = 0;
            while (z < len && labels[i][len - 1 - z] == '0') z++;
            if (trailing < 0 || (int)z < trailing) trailing = (int)z;
        }
        if (trailing > 0)
            for (int i = 0; i < n; i++) {
                if (!strchr(labels[i], '.')) continue;
                size_t len = strlen(labels[i]);
                labels[i][len - (size_t)trailing] = '\0';
                len -= (size_t)trailing;
                while (len > 0 && labels[i][len - 1] == '.') labels[i][--len] = '\0';
            }
    }
    if (show_offset && offcap) format_dtm(&t[n - 1], offset_fmts[level], offset, offcap);
}

static bool contains_close(double lo, double hi, double v)
{
    double a = fmin(lo, hi), b = fmax(lo, hi), tol = 1e-10 * (b - a);
    return a - tol <= v && v <= b + tol;
}

int nplot__date_ticks_fmt(double vmin, double vmax, int kind, const char *fmt, const double *fixed,
                          int nfixed, double *ticks, char (*labels)[NPLOT_DATE_LABEL], int cap,
                          char *offset, size_t offcap)
{
    double locs[NPLOT__DATE_CAP];
    _Thread_local static char tl_lab[NPLOT__DATE_CAP][NPLOT_DATE_LABEL];
    int freq = F_DAILY, n;
    if (fixed) {
        n = nfixed < NPLOT__DATE_CAP ? nfixed : NPLOT__DATE_CAP;
        memcpy(locs, fixed, sizeof(double) * (size_t)(n > 0 ? n : 0));
        /* the locator still runs: AutoDateFormatter picks its format by its frequency */
        double dummy[2];
        nplot__date_locate(vmin, vmax, dummy, 0, &freq);
    } else {
        n = nplot__date_locate(vmin, vmax, locs, NPLOT__DATE_CAP, &freq);
        if (n > NPLOT__DATE_CAP) n = NPLOT__DATE_CAP;
    }
    if (offcap) offset[0] = '\0';
    if (kind == NPLOT__DATEFMT_CONCISE) {
        nplot__date_concise(locs, n, tl_lab, offset, offcap);
    } else {
        const char *f = kind == NPLOT__DATEFMT_STRFTIME && fmt ? fmt : nplot__date_auto_format(freq);
        for (int i = 0; i < n; i++) nplot_date_format(locs[i], f, tl_lab[i], NPLOT_DATE_LABEL);
    }
    int m = 0;
    for (int i = 0; i < n; i++) {
        if (!contains_close(vmin, vmax, locs[i])) continue;
        if (m < cap) {
            ticks[m] = locs[i];
            if (labels) memcpy(labels[m], tl_lab[i], NPLOT_DATE_LABEL);
        }
        m++;
    }
    return m;
}

int nplot_date_ticks(double vmin, double vmax, const char *formatter, double *ticks,
                     char (*labels)[NPLOT_DATE_LABEL], int cap, char *offset, size_t offcap)
{
    static const char *who = "nplot_date_ticks";
    if (cap < 0 || (cap > 0 && !ticks))
        return nplot__fail(NULL, ND_EVALUE, "%s: ticks is NULL or cap is negative", who);
    if (offcap > 0 && !offset) return nplot__fail(NULL, ND_EVALUE, "%s: offset is NULL", who);
    int kind;
    if (nplot__date_formatter_kind(formatter, &kind, who)) return (int)nd_last_error();
    if (!isfinite(vmin) || !isfinite(vmax) || fabs(vmin) > NPLOT_DATE_MAX_DAYS ||
        fabs(vmax) > NPLOT_DATE_MAX_DAYS)
        return nplot__fail(NULL, ND_EVALUE, "%s: the view %g .. %g (days from 1970-01-01) is not "
                           "finite or beyond years -1000000 .. 1000000", who, vmin, vmax);
    return nplot__date_ticks_fmt(vmin, vmax, kind, formatter, NULL, 0, ticks, labels, cap, offset,
                                 offcap);
}

nd_status nplot__date_formatter_kind(const char *formatter, int *kind, const char *who)
{
    if (!formatter || !strcmp(formatter, "auto")) *kind = NPLOT__DATEFMT_AUTO;
    else if (!strcmp(formatter, "concise")) *kind = NPLOT__DATEFMT_CONCISE;
    else if (strchr(formatter, '%') && strlen(formatter) < NPLOT_DATE_LABEL) *kind = NPLOT__DATEFMT_STRFTIME;
    else
        return nplot__fail(NULL, ND_EVALUE, "%s: formatter \"%s\" is none of \"auto\", \"concise\" or a "
                           "strftime format with '%%' codes (shorter than %d bytes)", who, formatter,
                           NPLOT_DATE_LABEL);
    return ND_OK;
}

nd_status nplot_datestr2num(const char *iso, double *days)
{
    static const char *who = "nplot_datestr2num";
    if (!iso || !days) return nplot__fail(NULL, ND_EVALUE, "%s: %s is NULL", who, iso ? "days" : "the date string");
    *days = NAN;
    int64_t v;
    nd_dtype dt;
    if (nd_datetime_parse(iso, nd_dtype_datetime(ND_DATETIME64, ND_DT_GENERIC, 1), &v, &dt) != ND_OK)
        return nplot__fail(NULL, nd_last_error(), "%s: %s", who, nd_errmsg());
    if (v == ND_NAT) return nplot__fail(NULL, ND_EVALUE, "%s: \"%s\" is NaT, not a date", who, iso);
    *days = nplot__date2num_value(v, dt);
    if (!(fabs(*days) <= NPLOT_DATE_MAX_DAYS))
        return nplot__fail(NULL, ND_EVALUE, "%s: \"%s\" is beyond years -1000000 .. 1000000", who, iso);
    return ND_OK;
}
