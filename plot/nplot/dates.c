/* Dates and times as matplotlib's date numbers: days (with fractions) since
 * 1970-01-01T00:00 UTC in the proleptic Gregorian calendar. */
#include "nplot_cli.h"

#include <numc/datetime.h>

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
    nd_civil_from_days(z, y, m, d);
}

/* The text forms are numc's loose date parser (nd_datetime_parse_loose, shared with
 * nd_read_csv's date columns); here they become fractional days. */
bool cli_parse_datetime(const char *s, size_t n, double *days, int *what)
{
    nd_dt_loose r;
    if (!nd_datetime_parse_loose(s, n, ND_DT_LOOSE_TIME_ONLY, &r)) return false;
    int64_t day = 0;
    if (nd_days_from_civil(r.dts.year, r.dts.month, r.dts.day, &day) < 0) return false;
    double sec = r.dts.hour * 3600.0 + r.dts.min * 60.0 + r.dts.sec + r.dts.us * 1e-6 +
                 r.dts.ps * 1e-12 + r.dts.as * 1e-18;
    *days = (double)day + sec / 86400.0;
    if (what) *what = (r.what & ND_DT_LOOSE_DATE ? CLI_DT_DATE : 0) |
                      (r.what & ND_DT_LOOSE_TIME ? CLI_DT_TIME : 0);
    return true;
}

bool cli_yyyymmdd(double v, double *days)
{
    if (!(v >= 10000101.0 && v <= 99991231.0) || v != floor(v)) return false;
    char buf[16];
    int len = snprintf(buf, sizeof buf, "%ld", (long)v);
    double d;
    int what;
    if (len != 8 || !cli_parse_datetime(buf, (size_t)len, &d, &what)) return false;
    *days = d;
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
