/* datetime64 values: the proleptic Gregorian calendar, ticks <-> broken-down dates in every
 * unit, ISO 8601 parsing and formatting as NumPy 1.24's datetime.c / datetime_strings.c,
 * with overflow reported instead of wrapped. */
#include <numc/datetime.h>

#include <ctype.h>
#include <stdio.h>
#include <string.h>
#include <time.h>

#include "internal.h"
#include "dt_internal.h"

static const char *const unit_names[ND_DT_NUNITS] = {
    "Y", "M", "W", "D", "h", "m", "s", "ms", "us", "ns", "ps", "fs", "as", "generic"
};

const char *nd_dtunit_name(nd_dtunit unit)
{
    return (unsigned)unit < ND_DT_NUNITS ? unit_names[unit] : "?";
}

nd_dtunit nd_dtunit_from_name(const char *name)
{
    if (name)
        for (int u = 0; u < ND_DT_NUNITS; u++)
            if (strcmp(name, unit_names[u]) == 0) return (nd_dtunit)u;
    nd_set_error(ND_EVALUE, "nd_dtunit_from_name: unknown datetime unit '%s'", name ? name : "(null)");
    return ND_DT_NUNITS;
}

nd_status nd_datetime_data(nd_dtype dtype, nd_dtunit *unit, int *count)
{
    if (!nd_dtype_is_datetime(dtype) && !nd_dtype_is_timedelta(dtype))
        return nd_set_error(ND_EDTYPE, "nd_datetime_data: %s is not a datetime64 or timedelta64 dtype",
                            nd_dtype_name(dtype));
    if (unit) *unit = nd_dtype_unit(dtype);
    if (count) *count = nd_dtype_unit_count(dtype);
    return ND_OK;
}

/* ---- the calendar ---------------------------------------------------------------------- */

static const int days_in_month[2][12] = {
    { 31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31 },
    { 31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31 },
};

bool nd_is_leapyear(int64_t year)
{
    return (year & 3) == 0 && (year % 100 != 0 || year % 400 == 0);
}

static nd__i128 floordiv128(nd__i128 a, nd__i128 b)
{
    if (b == 1) return a;
    if (a >= INT64_MIN && a <= INT64_MAX && b >= INT64_MIN && b <= INT64_MAX) { /* no __divti3 */
        int64_t x = (int64_t)a, y = (int64_t)b, q = x / y;
        return (x % y != 0 && (x < 0) != (y < 0)) ? q - 1 : q;
    }
    nd__i128 q = a / b;
    return (a % b != 0 && (a < 0) != (b < 0)) ? q - 1 : q;
}

/* Years and days small enough for 64-bit arithmetic (every date of the ns range and far
 * beyond); the 128-bit forms below take the rest. */
#define SMALL_YEAR(y) ((y) > -((nd__i128)1 << 40) && (y) < ((nd__i128)1 << 40))

static int64_t floordiv64(int64_t a, int64_t b)
{
    int64_t q = a / b;
    return (a % b != 0 && (a < 0) != (b < 0)) ? q - 1 : q;
}

/* Howard Hinnant's days_from_civil, in 128 bits so that every int64 year works. */
static nd__i128 days_from_civil128(nd__i128 y, int m, int d)
{
    if (SMALL_YEAR(y)) {
        int64_t y6 = (int64_t)y - (m <= 2);
        int64_t era = floordiv64(y6, 400), yoe = y6 - era * 400;
        int64_t doy = (153 * (m > 2 ? m - 3 : m + 9) + 2) / 5 + d - 1;
        return era * 146097 + yoe * 365 + yoe / 4 - yoe / 100 + doy - 719468;
    }
    y -= m <= 2;
    nd__i128 era = floordiv128(y, 400);
    nd__i128 yoe = y - era * 400;
    nd__i128 doy = (153 * (m > 2 ? m - 3 : m + 9) + 2) / 5 + d - 1;
    nd__i128 doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    return era * 146097 + doe - 719468;
}

static void civil_from_days128(nd__i128 z, nd__i128 *year, int *month, int *day)
{
    if (SMALL_YEAR(z)) {
        int64_t z6 = (int64_t)z + 719468;
        int64_t era = floordiv64(z6, 146097), doe = z6 - era * 146097;
        int64_t yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
        int64_t doy = doe - (365 * yoe + yoe / 4 - yoe / 100), mp = (5 * doy + 2) / 153;
        *day = (int)(doy - (153 * mp + 2) / 5 + 1);
        *month = (int)(mp < 10 ? mp + 3 : mp - 9);
        *year = yoe + era * 400 + (*month <= 2);
        return;
    }
    z += 719468;
    nd__i128 era = floordiv128(z, 146097);
    nd__i128 doe = z - era * 146097;
    nd__i128 yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
    nd__i128 doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    nd__i128 mp = (5 * doy + 2) / 153;
    *day = (int)(doy - (153 * mp + 2) / 5 + 1);
    *month = (int)(mp < 10 ? mp + 3 : mp - 9);
    *year = yoe + era * 400 + (*month <= 2);
}

nd_status nd_days_from_civil(int64_t year, int month, int day, int64_t *days)
{
    if (month < 1 || month > 12)
        return nd_set_error(ND_EVALUE, "nd_days_from_civil: month %d out of range 1..12", month);
    if (day < 1 || day > days_in_month[nd_is_leapyear(year)][month - 1])
        return nd_set_error(ND_EVALUE, "nd_days_from_civil: day %d out of range for %04lld-%02d",
                            day, (long long)year, month);
    nd__i128 d = days_from_civil128(year, month, day);
    if (d > INT64_MAX || d < -INT64_MAX)
        return nd_set_error(ND_EVALUE, "nd_days_from_civil: year %lld overflows int64 days",
                            (long long)year);
    if (days) *days = (int64_t)d;
    return ND_OK;
}

void nd_civil_from_days(int64_t days, int64_t *year, int *month, int *day)
{
    nd__i128 y;
    int m, d;
    civil_from_days128(days, &y, &m, &d);
    if (year) *year = (int64_t)y;
    if (month) *month = m;
    if (day) *day = d;
}

/* ---- ticks <-> struct ------------------------------------------------------------------ */

/* Ticks of unit u (h and finer) in one second, or in one day for h and m. */
static const int64_t pow10_tab[19] = {
    1, 10, 100, 1000, 10000, 100000, 1000000, 10000000, 100000000, 1000000000,
    10000000000, 100000000000, 1000000000000, 10000000000000, 100000000000000,
    1000000000000000, 10000000000000000, 100000000000000000, 1000000000000000000,
};

/* decimal digits of a second in unit u (s and finer) */
static int sec_digits(nd_dtunit u)
{
    return u == ND_DT_s ? 0 : 3 * (int)(u - ND_DT_s);
}

nd__i128 nd__dt_ticks_per_day(nd_dtunit u)
{
    switch (u) {
    case ND_DT_W: return 0;
    case ND_DT_D: return 1;
    case ND_DT_h: return 24;
    case ND_DT_m: return 1440;
    default: return (nd__i128)86400 * pow10_tab[sec_digits(u)];
    }
}

/* The ticks (unit u, count 1) of a valid struct, in 128 bits (never overflows for int64 years). */
static nd__i128 struct_ticks(const nd_datetimestruct *dts, nd_dtunit u)
{
    if (u == ND_DT_Y) return (nd__i128)dts->year - 1970;
    if (u == ND_DT_M) return ((nd__i128)dts->year - 1970) * 12 + (dts->month - 1);
    nd__i128 days = days_from_civil128(dts->year, dts->month, dts->day);
    if (u == ND_DT_W) return floordiv128(days, 7);
    if (u == ND_DT_D) return days;
    if (u == ND_DT_h) return days * 24 + dts->hour;
    if (u == ND_DT_m) return (days * 24 + dts->hour) * 60 + dts->min;
    nd__i128 secs = ((days * 24 + dts->hour) * 60 + dts->min) * 60 + dts->sec;
    int k = sec_digits(u);
    if (k == 0) return secs;
    /* the fraction in attoseconds, truncated to the unit */
    nd__i128 frac = (nd__i128)dts->us * 1000000000000 + (nd__i128)dts->ps * 1000000 + dts->as;
    return secs * pow10_tab[k] + frac / pow10_tab[18 - k];
}

static nd_status check_struct(const nd_datetimestruct *d, const char *who)
{
    if (d->month < 1 || d->month > 12 || d->day < 1 ||
        d->day > days_in_month[nd_is_leapyear(d->year)][d->month - 1] || d->hour < 0 ||
        d->hour > 23 || d->min < 0 || d->min > 59 || d->sec < 0 || d->sec > 59 || d->us < 0 ||
        d->us > 999999 || d->ps < 0 || d->ps > 999999 || d->as < 0 || d->as > 999999)
        return nd_set_error(ND_EVALUE, "%s: date/time fields out of range (%lld-%d-%d %d:%d:%d)",
                            who, (long long)d->year, d->month, d->day, d->hour, d->min, d->sec);
    return ND_OK;
}

nd_status nd__dt_from_struct(const nd_datetimestruct *dts, nd_dtype dtype, int64_t *out,
                             const char *who)
{
    if (!nd_dtype_is_datetime(dtype))
        return nd_set_error(ND_EDTYPE, "%s: %s is not a datetime64 dtype", who, nd_dtype_name(dtype));
    return nd__dt_from_struct_unit(dts, dtype, nd_dtype_unit(dtype), nd_dtype_unit_count(dtype),
                                   out, who);
}

nd_status nd__dt_from_struct_unit(const nd_datetimestruct *dts, nd_dtype dtype, nd_dtunit u,
                                  int count, int64_t *out, const char *who)
{
    if (dts->year == ND_NAT) {
        *out = ND_NAT;
        return ND_OK;
    }
    if (u == ND_DT_GENERIC)
        return nd_set_error(ND_EDTYPE, "%s: Cannot create a NumPy datetime other than NaT with "
                            "generic units", who);
    nd_status st = check_struct(dts, who);
    if (st < 0) return st;
    nd__i128 t = floordiv128(struct_ticks(dts, u), count);
    if (t > INT64_MAX || t <= INT64_MIN) {
        char buf[ND_DATETIME_STRLEN];
        nd__dt_format_struct(dts, ND_DT_GENERIC, false, buf);
        return nd_set_error(ND_EVALUE, "%s: the date %s is out of range of %s (int64 overflow)", who,
                            buf, nd_dtype_name(dtype));
    }
    *out = (int64_t)t;
    return ND_OK;
}

nd_status nd_datetime_from_struct(const nd_datetimestruct *dts, nd_dtype dtype, int64_t *out)
{
    if (!dts || !out) return nd_set_error(ND_EVALUE, "nd_datetime_from_struct: NULL pointer");
    return nd__dt_from_struct(dts, dtype, out, "nd_datetime_from_struct");
}

nd_status nd__dt_to_struct(int64_t value, nd_dtype dtype, nd_datetimestruct *out, const char *who)
{
    memset(out, 0, sizeof *out);
    out->year = 1970;
    out->month = 1;
    out->day = 1;
    if (!nd_dtype_is_datetime(dtype))
        return nd_set_error(ND_EDTYPE, "%s: %s is not a datetime64 dtype", who, nd_dtype_name(dtype));
    if (value == ND_NAT) {
        out->year = ND_NAT;
        out->month = out->day = 0;
        return ND_OK;
    }
    nd_dtunit u = nd_dtype_unit(dtype);
    if (u == ND_DT_GENERIC)
        return nd_set_error(ND_EDTYPE, "%s: Cannot convert a NumPy datetime value other than NaT "
                            "with generic units", who);
    nd__i128 t = (nd__i128)value * nd_dtype_unit_count(dtype), year;
    int month = 1, day = 1;
    if (u == ND_DT_Y) {
        year = 1970 + t;
    } else if (u == ND_DT_M) {
        year = 1970 + floordiv128(t, 12);
        month = (int)(t - floordiv128(t, 12) * 12) + 1;
    } else if (u == ND_DT_W) {
        civil_from_days128(t * 7, &year, &month, &day);
    } else {
        nd__i128 per_day = nd__dt_ticks_per_day(u);
        nd__i128 days = floordiv128(t, per_day), rem = t - days * per_day;
        civil_from_days128(days, &year, &month, &day);
        if (u == ND_DT_D) {
            /* whole days */
        } else if (u == ND_DT_h) {
            out->hour = (int)rem;
        } else if (u == ND_DT_m) {
            out->hour = (int)(rem / 60);
            out->min = (int)(rem % 60);
        } else {
            int64_t per_sec = pow10_tab[sec_digits(u)];
            int64_t secs = (int64_t)(rem / per_sec);
            nd__i128 frac = (rem % per_sec) * pow10_tab[18 - sec_digits(u)]; /* attoseconds */
            out->hour = (int)(secs / 3600);
            out->min = (int)(secs / 60 % 60);
            out->sec = (int)(secs % 60);
            out->us = (int)(frac / 1000000000000);
            out->ps = (int)(frac / 1000000 % 1000000);
            out->as = (int)(frac % 1000000);
        }
    }
    if (year > INT64_MAX || year <= INT64_MIN)
        return nd_set_error(ND_EVALUE, "%s: %lld ticks of %s give a year out of int64 range", who,
                            (long long)value, nd_dtype_name(dtype));
    out->year = (int64_t)year;
    out->month = month;
    out->day = day;
    return ND_OK;
}

nd_status nd_datetime_to_struct(int64_t value, nd_dtype dtype, nd_datetimestruct *out)
{
    if (!out) return nd_set_error(ND_EVALUE, "nd_datetime_to_struct: NULL pointer");
    return nd__dt_to_struct(value, dtype, out, "nd_datetime_to_struct");
}

/* ---- parsing: NumPy's parse_iso_8601_datetime ------------------------------------------ */

/* Add minutes (may be negative) to a struct with a valid date (NumPy's add_minutes_to_datetimestruct). */
static void add_minutes(nd_datetimestruct *d, int minutes)
{
    nd__i128 days = days_from_civil128(d->year, d->month, d->day);
    int64_t m = (int64_t)d->hour * 60 + d->min + minutes;
    int64_t dd = m >= 0 ? m / 1440 : -((-m + 1439) / 1440);
    m -= dd * 1440;
    days += dd;
    d->hour = (int)(m / 60);
    d->min = (int)(m % 60);
    nd__i128 y;
    civil_from_days128(days, &y, &d->month, &d->day);
    d->year = (int64_t)y;
}

static bool ieq(const char *s, const char *word)
{
    for (; *word; s++, word++)
        if (tolower((unsigned char)*s) != *word) return false;
    return *s == '\0';
}

nd_status nd__dt_parse_struct(const char *str, nd_datetimestruct *out, nd_dtunit *bestunit,
                              const char *who)
{
    memset(out, 0, sizeof *out);
    out->year = 1970;
    out->month = 1;
    out->day = 1;
    size_t len = strlen(str);
    if (len == 0 || ieq(str, "nat")) {
        out->year = ND_NAT;
        out->month = out->day = 0;
        *bestunit = ND_DT_GENERIC;
        return ND_OK;
    }
    if (ieq(str, "today")) {
        time_t now = time(NULL);
        struct tm tm;
        if (!localtime_r(&now, &tm)) return nd_set_error(ND_EVALUE, "%s: cannot get the local date", who);
        out->year = tm.tm_year + 1900;
        out->month = tm.tm_mon + 1;
        out->day = tm.tm_mday;
        *bestunit = ND_DT_D;
        return ND_OK;
    }
    if (ieq(str, "now")) {
        int64_t secs = (int64_t)time(NULL);
        nd__i128 y;
        int64_t days = secs >= 0 ? secs / 86400 : -((-secs + 86399) / 86400);
        int64_t rem = secs - days * 86400;
        civil_from_days128(days, &y, &out->month, &out->day);
        out->year = (int64_t)y;
        out->hour = (int)(rem / 3600);
        out->min = (int)(rem / 60 % 60);
        out->sec = (int)(rem % 60);
        *bestunit = ND_DT_s;
        return ND_OK;
    }
    const char *p = str;
    nd_dtunit best;
    while (*p && isspace((unsigned char)*p)) p++;
    if (*p == '-') p++;
    if (*p == '\0') goto parse_error;
    /* the year: digits up to '-' or the end */
    int64_t year = 0;
    int ndig = 0;
    while (isdigit((unsigned char)*p)) {
        if (++ndig > 17)
            return nd_set_error(ND_EVALUE, "%s: Year out of range in datetime string \"%s\"", who, str);
        year = 10 * year + (*p++ - '0');
    }
    if (str[0] == '-') year = -year; /* NumPy looks at the first character, not after blanks */
    out->year = year;
    int leap = nd_is_leapyear(year);
    if (*p == '\0') {
        best = ND_DT_Y;
        goto finish;
    }
    if (*p != '-') goto parse_error;
    p++;
    if (*p == '\0') goto parse_error;
    /* month */
    if (!isdigit((unsigned char)p[0]) || !isdigit((unsigned char)p[1])) goto parse_error;
    out->month = 10 * (p[0] - '0') + (p[1] - '0');
    if (out->month < 1 || out->month > 12)
        return nd_set_error(ND_EVALUE, "%s: Month out of range in datetime string \"%s\"", who, str);
    p += 2;
    if (*p == '\0') {
        best = ND_DT_M;
        goto finish;
    }
    if (*p != '-') goto parse_error;
    p++;
    if (*p == '\0') goto parse_error;
    /* day */
    if (!isdigit((unsigned char)p[0]) || !isdigit((unsigned char)p[1])) goto parse_error;
    out->day = 10 * (p[0] - '0') + (p[1] - '0');
    if (out->day < 1 || out->day > days_in_month[leap][out->month - 1])
        return nd_set_error(ND_EVALUE, "%s: Day out of range in datetime string \"%s\"", who, str);
    p += 2;
    if (*p == '\0') {
        best = ND_DT_D;
        goto finish;
    }
    if (*p != 'T' && *p != ' ') goto parse_error;
    p++;
    /* hours */
    if (!isdigit((unsigned char)p[0]) || !isdigit((unsigned char)p[1])) goto parse_error;
    out->hour = 10 * (p[0] - '0') + (p[1] - '0');
    if (out->hour >= 24)
        return nd_set_error(ND_EVALUE, "%s: Hours out of range in datetime string \"%s\"", who, str);
    p += 2;
    if (*p != ':') {
        best = ND_DT_h;
        goto parse_timezone;
    }
    p++;
    if (*p == '\0') goto parse_error;
    /* minutes */
    if (!isdigit((unsigned char)p[0]) || !isdigit((unsigned char)p[1])) goto parse_error;
    out->min = 10 * (p[0] - '0') + (p[1] - '0');
    if (out->min >= 60)
        return nd_set_error(ND_EVALUE, "%s: Minutes out of range in datetime string \"%s\"", who, str);
    p += 2;
    if (*p != ':') {
        best = ND_DT_m;
        goto parse_timezone;
    }
    p++;
    if (*p == '\0') goto parse_error;
    /* seconds */
    if (!isdigit((unsigned char)p[0]) || !isdigit((unsigned char)p[1])) goto parse_error;
    out->sec = 10 * (p[0] - '0') + (p[1] - '0');
    if (out->sec >= 60)
        return nd_set_error(ND_EVALUE, "%s: Seconds out of range in datetime string \"%s\"", who, str);
    p += 2;
    if (*p != '.') {
        best = ND_DT_s;
        goto parse_timezone;
    }
    p++;
    /* the fraction: three groups of up to six digits (us, ps, as) */
    {
        int32_t *groups[3] = { &out->us, &out->ps, &out->as };
        static const nd_dtunit coarse[3] = { ND_DT_ms, ND_DT_ns, ND_DT_fs };
        for (int g = 0; g < 3; g++) {
            int nd = 0;
            for (int i = 0; i < 6; i++) {
                *groups[g] *= 10;
                if (isdigit((unsigned char)*p)) {
                    *groups[g] += *p++ - '0';
                    nd++;
                }
            }
            best = nd > 3 ? (nd_dtunit)(coarse[g] + 1) : coarse[g];
            if (!isdigit((unsigned char)*p)) break;
        }
    }
parse_timezone:
    if (*p == '\0') goto finish;
    if (*p == 'Z') {
        if (p[1] == '\0') goto finish;
        p++;
    } else if (*p == '-' || *p == '+') {
        bool neg = *p == '-';
        int oh, om = 0;
        p++;
        if (!isdigit((unsigned char)p[0]) || !isdigit((unsigned char)p[1])) goto parse_error;
        oh = 10 * (p[0] - '0') + (p[1] - '0');
        p += 2;
        if (oh >= 24)
            return nd_set_error(ND_EVALUE, "%s: Timezone hours offset out of range in datetime "
                                "string \"%s\"", who, str);
        if (*p) {
            if (*p == ':') p++;
            if (!isdigit((unsigned char)p[0]) || !isdigit((unsigned char)p[1])) goto parse_error;
            om = 10 * (p[0] - '0') + (p[1] - '0');
            p += 2;
            if (om >= 60)
                return nd_set_error(ND_EVALUE, "%s: Timezone minutes offset out of range in "
                                    "datetime string \"%s\"", who, str);
        }
        if (neg) {
            oh = -oh;
            om = -om;
        }
        add_minutes(out, -60 * oh - om);
    }
    while (*p && isspace((unsigned char)*p)) p++;
    if (*p != '\0') goto parse_error;
finish:
    *bestunit = best;
    return ND_OK;
parse_error:
    return nd_set_error(ND_EVALUE, "%s: Error parsing datetime string \"%s\" at position %td", who,
                        str, p - str);
}

nd_status nd_datetime_parse(const char *s, nd_dtype dtype, int64_t *value, nd_dtype *out_dtype)
{
    static const char who[] = "nd_datetime_parse";
    if (!s || !value) return nd_set_error(ND_EVALUE, "%s: NULL pointer", who);
    if (!nd_dtype_is_datetime(dtype))
        return nd_set_error(ND_EDTYPE, "%s: %s is not a datetime64 dtype", who, nd_dtype_name(dtype));
    nd_datetimestruct dts;
    nd_dtunit best;
    nd_status st = nd__dt_parse_struct(s, &dts, &best, who);
    if (st < 0) return st;
    nd_dtype t = dtype;
    if (nd_dtype_unit(dtype) == ND_DT_GENERIC) t = ND_DATETIME64_OF(best);
    st = nd__dt_from_struct(&dts, t, value, who);
    if (st < 0) return st;
    if (out_dtype) *out_dtype = t;
    return ND_OK;
}

/* ---- formatting: NumPy's make_iso_8601_datetime ---------------------------------------- */

/* NumPy's lossless_unit_from_datetimestruct */
static nd_dtunit lossless_unit(const nd_datetimestruct *d)
{
    if (d->as % 1000 != 0) return ND_DT_as;
    if (d->as != 0) return ND_DT_fs;
    if (d->ps % 1000 != 0) return ND_DT_ps;
    if (d->ps != 0) return ND_DT_ns;
    if (d->us % 1000 != 0) return ND_DT_us;
    if (d->us != 0) return ND_DT_ms;
    if (d->sec != 0) return ND_DT_s;
    if (d->min != 0) return ND_DT_m;
    if (d->hour != 0) return ND_DT_h;
    if (d->day != 1) return ND_DT_D;
    if (d->month != 1) return ND_DT_M;
    return ND_DT_Y;
}

size_t nd__dt_format_struct(const nd_datetimestruct *d, nd_dtunit base, bool utc,
                            char buf[ND_DATETIME_STRLEN])
{
    if (d->year == ND_NAT) return (size_t)snprintf(buf, ND_DATETIME_STRLEN, "NaT");
    if (base == ND_DT_GENERIC) { /* automatic */
        base = lossless_unit(d);
        if (base == ND_DT_h) base = ND_DT_m;
        else if (base < ND_DT_D) base = ND_DT_D;
    } else if (base == ND_DT_W) {
        base = ND_DT_D;
    }
    int n = snprintf(buf, ND_DATETIME_STRLEN, "%04lld", (long long)d->year);
    if (base == ND_DT_Y) return (size_t)n;
    n += snprintf(buf + n, ND_DATETIME_STRLEN - (size_t)n, "-%02d", d->month);
    if (base == ND_DT_M) return (size_t)n;
    n += snprintf(buf + n, ND_DATETIME_STRLEN - (size_t)n, "-%02d", d->day);
    if (base == ND_DT_D) return (size_t)n;
    n += snprintf(buf + n, ND_DATETIME_STRLEN - (size_t)n, "T%02d", d->hour);
    if (base >= ND_DT_m) n += snprintf(buf + n, ND_DATETIME_STRLEN - (size_t)n, ":%02d", d->min);
    if (base >= ND_DT_s) n += snprintf(buf + n, ND_DATETIME_STRLEN - (size_t)n, ":%02d", d->sec);
    if (base >= ND_DT_ms) {
        /* the fraction as 18 digits, cut to the unit's */
        char frac[20];
        snprintf(frac, sizeof frac, "%06d%06d%06d", d->us, d->ps, d->as);
        frac[sec_digits(base)] = '\0';
        n += snprintf(buf + n, ND_DATETIME_STRLEN - (size_t)n, ".%s", frac);
    }
    if (utc) n += snprintf(buf + n, ND_DATETIME_STRLEN - (size_t)n, "Z");
    return (size_t)n;
}

nd_status nd__dt_format_setup(nd_dtype dtype, const nd_dt_format_opts *opts, nd_dtunit *base,
                              bool *utc, const char *who)
{
    if (!nd_dtype_is_datetime(dtype))
        return nd_set_error(ND_EDTYPE, "%s: %s is not a datetime64 dtype", who, nd_dtype_name(dtype));
    nd_dt_format_opts o = opts ? *opts : (nd_dt_format_opts){ 0 };
    *utc = false;
    if (o.timezone && strcmp(o.timezone, "naive") != 0) {
        if (strcmp(o.timezone, "UTC") != 0)
            return nd_set_error(ND_EVALUE, "%s: unsupported timezone '%s' (use \"naive\" or \"UTC\")",
                                who, o.timezone);
        *utc = true;
    }
    nd_dtunit du = nd_dtype_unit(dtype);
    if (!o.unit) {
        *base = du;
        return ND_OK;
    }
    if (strcmp(o.unit, "auto") == 0) {
        *base = ND_DT_GENERIC;
        return ND_OK;
    }
    nd_dtunit u = ND_DT_NUNITS;
    for (int i = 0; i < ND_DT_GENERIC; i++)
        if (strcmp(o.unit, unit_names[i]) == 0) u = (nd_dtunit)i;
    if (u == ND_DT_NUNITS)
        return nd_set_error(ND_EVALUE, "%s: invalid datetime unit '%s'", who, o.unit);
    nd_casting c = o.casting == ND_CAST_DEFAULT ? ND_CAST_SAME_KIND : o.casting;
    if (!nd_can_cast(dtype, ND_DATETIME64_OF(u), c))
        return nd_set_error(ND_EDTYPE, "%s: Cannot create a datetime string as units '%s' from a "
                            "NumPy datetime with units '%s' according to the rule '%s'", who,
                            unit_names[u], unit_names[du], nd_casting_name(c));
    *base = u;
    return ND_OK;
}

nd_status nd_datetime_format(int64_t value, nd_dtype dtype, const nd_dt_format_opts *opts,
                             char *buf, size_t cap)
{
    static const char who[] = "nd_datetime_format";
    nd_dtunit base;
    bool utc;
    nd_status st = nd__dt_format_setup(dtype, opts, &base, &utc, who);
    if (st < 0) return st;
    if (!buf) return nd_set_error(ND_EVALUE, "%s: buf is NULL", who);
    char tmp[ND_DATETIME_STRLEN];
    size_t n;
    if (nd_dtype_unit(dtype) == ND_DT_GENERIC || value == ND_NAT) {
        n = (size_t)snprintf(tmp, sizeof tmp, "NaT");
    } else {
        nd_datetimestruct d;
        st = nd__dt_to_struct(value, dtype, &d, who);
        if (st < 0) return st;
        n = nd__dt_format_struct(&d, base, utc, tmp);
    }
    if (n >= cap)
        return nd_set_error(ND_EVALUE, "%s: a buffer of %zu bytes cannot hold \"%s\"", who, cap, tmp);
    memcpy(buf, tmp, n + 1);
    return ND_OK;
}
