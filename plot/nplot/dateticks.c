/* Date ticks in the manner of matplotlib's AutoDateLocator + AutoDateFormatter: try
 * calendar intervals from the finest up and keep the first that gives few enough ticks;
 * ticks sit on calendar boundaries (1 January, the 1st of a month, midnight, whole
 * hours...), not on multiples of a float. */
#include "nplot_cli.h"

#include <math.h>

typedef enum unit { U_SEC, U_MIN, U_HOUR, U_DAY, U_MONTH, U_YEAR } unit;

typedef struct step {
    unit u;
    int n;
} step;

static const step steps[] = {
    { U_SEC, 1 },    { U_SEC, 2 },     { U_SEC, 5 },    { U_SEC, 10 },   { U_SEC, 15 },
    { U_SEC, 30 },   { U_MIN, 1 },     { U_MIN, 2 },    { U_MIN, 5 },    { U_MIN, 10 },
    { U_MIN, 15 },   { U_MIN, 30 },    { U_HOUR, 1 },   { U_HOUR, 2 },   { U_HOUR, 3 },
    { U_HOUR, 4 },   { U_HOUR, 6 },    { U_HOUR, 12 },  { U_DAY, 1 },    { U_DAY, 2 },
    { U_DAY, 7 },    { U_DAY, 14 },    { U_MONTH, 1 },  { U_MONTH, 2 },  { U_MONTH, 3 },
    { U_MONTH, 4 },  { U_MONTH, 6 },   { U_YEAR, 1 },   { U_YEAR, 2 },   { U_YEAR, 5 },
    { U_YEAR, 10 },  { U_YEAR, 20 },   { U_YEAR, 25 },  { U_YEAR, 50 },  { U_YEAR, 100 },
    { U_YEAR, 200 }, { U_YEAR, 250 },  { U_YEAR, 500 }, { U_YEAR, 1000 }, { U_YEAR, 2000 },
    { U_YEAR, 5000 }, { U_YEAR, 10000 },
};

static double approx_days(step s)
{
    switch (s.u) {
    case U_SEC: return s.n / 86400.0;
    case U_MIN: return s.n / 1440.0;
    case U_HOUR: return s.n / 24.0;
    case U_DAY: return s.n;
    case U_MONTH: return s.n * 30.436875;
    case U_YEAR: return s.n * 365.2425;
    }
    return 1;
}

/* Ticks of one step in [lo, hi]; writes at most cap, returns the true count (stopping
 * once it passes `limit`). */
static int gen(step s, double lo, double hi, double *out, int cap, int limit)
{
    int count = 0;
    const double eps = 1e-9; /* days: tolerate rounding at the ends */
#define EMIT(v)                                                  \
    do {                                                         \
        double v_ = (v);                                         \
        if (v_ >= lo - eps && v_ <= hi + eps) {                  \
            if (count < cap) out[count] = v_;                    \
            if (++count > limit) return count;                   \
        }                                                        \
    } while (0)
    if (s.u <= U_HOUR) {
        double unit_days = s.u == U_SEC ? 1 / 86400.0 : s.u == U_MIN ? 1 / 1440.0 : 1 / 24.0;
        /* Count in whole units from midnight of the first day so 3-hourly ticks fall on
         * 00, 03, 06...; n always divides the units of a day here. */
        double day0 = floor(lo);
        double per_day = 1.0 / unit_days;
        double k = floor((lo - day0) * per_day / s.n) * s.n;
        for (;; k += s.n) {
            double v = day0 + k / per_day;
            if (v > hi + eps) break;
            EMIT(v);
        }
    } else if (s.u == U_DAY) {
        int64_t y;
        int m, d;
        cli_civil_from_days((int64_t)floor(lo), &y, &m, &d);
        if (s.n <= 2) {
            /* Every day or every other day counted from the epoch. */
            double v = floor(lo);
            if (s.n == 2 && fmod(v, 2.0) != 0) v -= 1;
            for (; v <= hi + eps; v += s.n) EMIT(v);
        } else {
            /* Weekly: the 1st, 8th, 15th, 22nd of each month; fortnightly: 1st and 15th. */
            for (;; m++) {
                if (m > 12) m = 1, y++;
                for (int md = 1; md <= 28; md += s.n) {
                    double v = (double)cli_days_from_civil(y, m, md);
                    if (v > hi + eps) return count;
                    EMIT(v);
                }
            }
        }
    } else if (s.u == U_MONTH) {
        int64_t y;
        int m, d;
        cli_civil_from_days((int64_t)floor(lo), &y, &m, &d);
        m = (m - 1) / s.n * s.n + 1;
        for (;; m += s.n) {
            while (m > 12) m -= 12, y++;
            double v = (double)cli_days_from_civil(y, m, 1);
            if (v > hi + eps) break;
            EMIT(v);
        }
    } else {
        int64_t y;
        int m, d;
        cli_civil_from_days((int64_t)floor(lo), &y, &m, &d);
        int64_t y0 = y >= 0 ? y / s.n * s.n : -((-y + s.n - 1) / s.n) * s.n;
        for (int64_t yy = y0;; yy += s.n) {
            double v = (double)cli_days_from_civil(yy, 1, 1);
            if (v > hi + eps) break;
            EMIT(v);
        }
    }
#undef EMIT
    return count;
}

int cli_date_ticks(double lo, double hi, int maxticks, double *out, int cap,
                   const char **fmt)
{
    if (lo > hi) {
        double t = lo;
        lo = hi;
        hi = t;
    }
    if (maxticks < 2) maxticks = 2;
    if (!isfinite(lo) || !isfinite(hi) || fabs(lo) > CLI_DATE_MAX_DAYS ||
        fabs(hi) > CLI_DATE_MAX_DAYS) {
        *fmt = "%Y-%m-%d";
        return 0;
    }
    size_t nsteps = sizeof steps / sizeof steps[0];
    size_t i = 0;
    /* Skip steps that cannot fit before generating anything. */
    while (i + 1 < nsteps && (hi - lo) / approx_days(steps[i]) > 2.0 * maxticks + 2) i++;
    int count = 0;
    for (; i < nsteps; i++) {
        count = gen(steps[i], lo, hi, out, 0, maxticks);
        if (count <= maxticks) break;
    }
    if (i == nsteps) i = nsteps - 1;
    step s = steps[i];
    /* Counting stops past cap: the caller can use no more, and a wide view must not
     * walk every tick of its smallest fitting step. */
    count = gen(s, lo, hi, out, cap, cap);
    if (count > cap) count = cap;
    bool multi_day = floor(hi) > floor(lo);
    switch (s.u) {
    case U_YEAR: *fmt = "%Y"; break;
    case U_MONTH: *fmt = "%Y-%m"; break;
    case U_DAY: *fmt = "%Y-%m-%d"; break;
    case U_HOUR: *fmt = multi_day ? "%m-%d %H:%M" : "%H:%M"; break;
    case U_MIN: *fmt = multi_day ? "%m-%d %H:%M" : "%H:%M"; break;
    case U_SEC: *fmt = "%H:%M:%S"; break;
    }
    return count;
}
