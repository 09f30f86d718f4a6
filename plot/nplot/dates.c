/* Dates and times as matplotlib's date numbers: days (with fractions) since
 * 1970-01-01T00:00 UTC in the proleptic Gregorian calendar. */
#include "nplot_cli.h"

#include <ctype.h>
#include <math.h>
#include <stdio.h>
#include <string.h>

/* The civil-calendar conversions count 400-year eras (146097 days each) from 0000-03-01,
 * so that the leap day ends a year and each month's offset is a linear formula. */
int64_t cli_days_from_civil(int64_t y, int m, int d)
{
    y -= m <= 2;
    int64_t era = (y >= 0 ? y : y - 399) / 400;
    int64_t yoe = y - era * 400;                                   /* [0, 399] */
    int64_t doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;  /* [0, 365] */
    int64_t doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;           /* [0, 146096] */
    return era * 146097 + doe - 719468;
}

void cli_civil_from_days(int64_t z, int64_t *y, int *m, int *d)
{
    z += 719468;
    int64_t era = (z >= 0 ? z : z - 146096) / 146097;
    int64_t doe = z - era * 146097;
    int64_t yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
    int64_t doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    int64_t mp = (5 * doy + 2) / 153;
    *d = (int)(doy - (153 * mp + 2) / 5 + 1);
    *m = (int)(mp < 10 ? mp + 3 : mp - 9);
    *y = yoe + era * 400 + (*m <= 2);
}

static int days_in_month(int64_t y, int m)
{
    static const int dm[12] = { 31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31 };
    if (m == 2 && ((y % 4 == 0 && y % 100 != 0) || y % 400 == 0)) return 29;
    return dm[m - 1];
}

static bool valid_date(int64_t y, int m, int d)
{
    return m >= 1 && m <= 12 && d >= 1 && d <= days_in_month(y, m);
}

/* Exactly `count` digits at *p (advanced), or between min and max digits when count < 0. */
static bool digits(const char **p, const char *end, int min, int max, int *out)
{
    int v = 0, k = 0;
    const char *s = *p;
    while (s < end && k < max && isdigit((unsigned char)*s)) {
        v = v * 10 + (*s - '0');
        s++;
        k++;
    }
    if (k < min) return false;
    *p = s;
    *out = v;
    return true;
}

/* HH:MM[:SS[.fff]] → seconds. */
static bool parse_time(const char **p, const char *end, double *sec)
{
    int h, mi, s = 0;
    const char *q = *p;
    if (!digits(&q, end, 1, 2, &h) || q >= end || *q != ':') return false;
    q++;
    if (!digits(&q, end, 2, 2, &mi)) return false;
    double frac = 0;
    if (q < end && *q == ':') {
        q++;
        if (!digits(&q, end, 2, 2, &s)) return false;
        if (q < end && (*q == '.' || *q == ',')) {
            q++;
            double scale = 0.1;
            if (q >= end || !isdigit((unsigned char)*q)) return false;
            while (q < end && isdigit((unsigned char)*q)) {
                frac += (*q - '0') * scale;
                scale *= 0.1;
                q++;
            }
        }
    }
    if (h > 24 || mi > 59 || s > 60 || (h == 24 && (mi || s || frac > 0))) return false;
    *sec = h * 3600.0 + mi * 60.0 + s + frac;
    *p = q;
    return true;
}

/* Z, ±HH, ±HHMM, ±HH:MM → offset east of UTC in seconds. */
static bool parse_zone(const char **p, const char *end, double *off)
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
    if (!digits(&q, end, 2, 2, &h)) return false;
    if (q < end && *q == ':') q++;
    if (q < end && isdigit((unsigned char)*q) && !digits(&q, end, 2, 2, &m)) return false;
    if (h > 23 || m > 59) return false;
    *off = sign * (h * 3600.0 + m * 60.0);
    *p = q;
    return true;
}

bool cli_parse_datetime(const char *s, size_t n, double *days, int *what)
{
    const char *p = s, *end = s + n;
    while (p < end && isspace((unsigned char)*p)) p++;
    while (end > p && isspace((unsigned char)end[-1])) end--;
    if (p == end) return false;
    int y = 0, m = 1, d = 1;
    double sec = 0, off = 0;
    int got = 0;
    const char *q = p;
    /* A date: 4-digit year then '-' or '/' and month (and day), or 8 digits. */
    int y4;
    if (digits(&q, end, 4, 4, &y4) && q < end && (*q == '-' || *q == '/')) {
        char sep = *q++;
        y = y4;
        if (!digits(&q, end, 1, 2, &m)) return false;
        if (q < end && *q == sep) {
            q++;
            if (!digits(&q, end, 1, 2, &d)) return false;
        } else if (sep != '-') {
            return false; /* "2001/12" is too ambiguous to call a date */
        }
        got = CLI_DT_DATE;
    } else {
        q = p;
        int v8;
        const char *r = q;
        if (digits(&r, end, 8, 8, &v8) && (r == end || *r == 'T' || *r == ' ') &&
            !(r < end && isdigit((unsigned char)*r))) {
            y = v8 / 10000;
            m = v8 / 100 % 100;
            d = v8 % 100;
            q = r;
            got = CLI_DT_DATE;
        }
    }
    if (got) {
        if (!valid_date(y, m, d)) return false;
        if (q < end && (*q == 'T' || *q == 't' || *q == ' ')) {
            const char *r = q + 1;
            while (r < end && *r == ' ') r++;
            if (!parse_time(&r, end, &sec) || !parse_zone(&r, end, &off)) return false;
            q = r;
            got |= CLI_DT_TIME;
        }
    } else {
        if (!parse_time(&q, end, &sec) || !parse_zone(&q, end, &off)) return false;
        got = CLI_DT_TIME;
    }
    if (q != end) return false;
    double day = (got & CLI_DT_DATE) ? (double)cli_days_from_civil(y, m, d) : 0.0;
    *days = day + (sec - off) / 86400.0;
    if (what) *what = got;
    return true;
}

bool cli_yyyymmdd(double v, double *days)
{
    if (!(v >= 10000101.0 && v <= 99991231.0) || v != floor(v)) return false;
    long x = (long)v;
    int y = (int)(x / 10000), m = (int)(x / 100 % 100), d = (int)(x % 100);
    if (!valid_date(y, m, d)) return false;
    *days = (double)cli_days_from_civil(y, m, d);
    return true;
}

static const char *const month_abbr[12] = { "Jan", "Feb", "Mar", "Apr", "May", "Jun",
                                            "Jul", "Aug", "Sep", "Oct", "Nov", "Dec" };
static const char *const month_full[12] = { "January", "February", "March", "April",
                                            "May", "June", "July", "August",
                                            "September", "October", "November", "December" };

size_t cli_format_date(double days, const char *fmt, char *buf, size_t cap)
{
    if (!cap) return 0;
    if (!(fabs(days) <= CLI_DATE_MAX_DAYS)) { /* NaN, inf, past any calendar: no label */
        buf[0] = '\0';
        return 0;
    }
    /* Round to the millisecond so 23:59:59.9999 does not print as the previous day. */
    double ms = floor(days * 86400000.0 + 0.5);
    double day = floor(ms / 86400000.0);
    double rem = ms - day * 86400000.0;
    int64_t y;
    int m, d;
    cli_civil_from_days((int64_t)day, &y, &m, &d);
    int secs = (int)(rem / 1000.0);
    int H = secs / 3600, M = secs / 60 % 60, S = secs % 60;
    size_t len = 0;
    char tmp[48];
    for (const char *f = fmt; *f; f++) {
        const char *piece = tmp;
        if (*f != '%' || !f[1]) {
            tmp[0] = *f;
            tmp[1] = '\0';
        } else {
            f++;
            switch (*f) {
            case 'Y': snprintf(tmp, sizeof tmp, "%lld", (long long)y); break;
            case 'y': snprintf(tmp, sizeof tmp, "%02d", (int)(((y % 100) + 100) % 100)); break;
            case 'm': snprintf(tmp, sizeof tmp, "%02d", m); break;
            case 'd': snprintf(tmp, sizeof tmp, "%02d", d); break;
            case 'H': snprintf(tmp, sizeof tmp, "%02d", H); break;
            case 'M': snprintf(tmp, sizeof tmp, "%02d", M); break;
            case 'S': snprintf(tmp, sizeof tmp, "%02d", S); break;
            case 'b': piece = month_abbr[m - 1]; break;
            case 'B': piece = month_full[m - 1]; break;
            case 'j':
                snprintf(tmp, sizeof tmp, "%03d",
                         (int)(day - (double)cli_days_from_civil(y, 1, 1)) + 1);
                break;
            case '%': piece = "%"; break;
            default: snprintf(tmp, sizeof tmp, "%%%c", *f); break;
            }
        }
        for (const char *c = piece; *c; c++) {
            if (len + 1 < cap) buf[len] = *c;
            len++;
        }
    }
    buf[len + 1 < cap ? len : cap - 1] = '\0';
    return len < cap ? len : cap - 1;
}
