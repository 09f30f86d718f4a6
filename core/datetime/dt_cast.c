/* Casts to and from datetime64 / timedelta64 (NumPy 1.24's datetime casts): unit
 * conversions truncating toward -inf, Y/M dates through the calendar, timedeltas between
 * Y/M and the linear units by the 400-year average, NaT kept, int64 overflow an error;
 * dates <-> numbers as their int64 ticks. */
#include <math.h>
#include <string.h>

#include "dt_internal.h"

static bool is_date(nd_dtype t)
{
    return nd_dtype_is_datetime(t) || nd_dtype_is_timedelta(t);
}

bool nd__dt_cast_applies(nd_dtype from, nd_dtype to)
{
    return (is_date(from) || is_date(to)) && !nd_dtype_is_string(from) && !nd_dtype_is_string(to) &&
           nd_dtype_is_valid((int)from) && nd_dtype_is_valid((int)to);
}

/* NumPy's get_datetime_conversion_factor: dst ticks = src ticks * num / denom. */
static nd_status conversion_factor(nd_dtype src, nd_dtype dst, nd__i128 *num, nd__i128 *denom,
                                   const char *who)
{
    nd_dtunit sb = nd_dtype_unit(src), db = nd_dtype_unit(dst);
    if (sb == ND_DT_GENERIC) {
        *num = *denom = 1;
        return ND_OK;
    }
    if (db == ND_DT_GENERIC)
        return nd_set_error(ND_EDTYPE, "%s: Cannot convert from specific units to generic units in "
                            "NumPy datetimes or timedeltas", who);
    bool swapped = sb > db;
    if (swapped) {
        nd_dtunit t = sb;
        sb = db;
        db = t;
    }
    nd__i128 n = 1, d = 1;
    if (sb != db) {
        if (sb == ND_DT_Y || sb == ND_DT_M) {
            if (sb == ND_DT_Y && db == ND_DT_M) {
                n *= 12;
            } else {
                n *= 97 + 400 * 365;
                d *= sb == ND_DT_Y ? 400 : 400 * 12;
                if (db == ND_DT_W) d *= 7;
                else n *= nd__dt_ticks_per_day(db);
            }
        } else if (sb == ND_DT_W) {
            n *= 7 * nd__dt_ticks_per_day(db);
        } else {
            n *= nd__dt_ticks_per_day(db) / nd__dt_ticks_per_day(sb);
        }
    }
    if (swapped) {
        nd__i128 t = n;
        n = d;
        d = t;
    }
    n *= nd_dtype_unit_count(src);
    d *= nd_dtype_unit_count(dst);
    /* in lowest terms */
    nd__i128 a = n, b = d;
    while (b) {
        nd__i128 t = a % b;
        a = b;
        b = t;
    }
    *num = n / a;
    *denom = d / a;
    return ND_OK;
}

static nd__i128 floordiv(nd__i128 a, nd__i128 b)
{
    nd__i128 q = a / b;
    return (a % b != 0 && (a < 0) != (b < 0)) ? q - 1 : q;
}

static nd_status overflow(int64_t v, nd_dtype st, nd_dtype dt, const char *who)
{
    return nd_set_error(ND_EVALUE, "%s: %lld in %s overflows %s (int64 range)", who, (long long)v,
                        nd_dtype_name(st), nd_dtype_name(dt));
}

/* Date -> date of the same or the other kind. */
static nd_status date_to_date(char *d, nd_dtype dt, ptrdiff_t ds, const char *s, nd_dtype st,
                              ptrdiff_t ss, ptrdiff_t n, const char *who)
{
    nd_dtunit su = nd_dtype_unit(st), du = nd_dtype_unit(dt);
    bool calendar = nd_dtype_is_datetime(st) && nd_dtype_is_datetime(dt) && su != ND_DT_GENERIC &&
                    (su <= ND_DT_M || du <= ND_DT_M);
    if (calendar) {
        for (ptrdiff_t i = 0; i < n; i++, s += ss, d += ds) {
            int64_t v, r;
            memcpy(&v, s, 8);
            nd_datetimestruct dts;
            nd_status e = nd__dt_to_struct(v, st, &dts, who);
            if (e < 0) return e;
            if (du == ND_DT_GENERIC && v != ND_NAT)
                return nd_set_error(ND_EDTYPE, "%s: Cannot convert from specific units to generic "
                                    "units in NumPy datetimes or timedeltas", who);
            e = nd__dt_from_struct(&dts, du == ND_DT_GENERIC ? st : dt, &r, who);
            if (e < 0) return e;
            memcpy(d, &r, 8);
        }
        return ND_OK;
    }
    nd__i128 num = 1, den = 1;
    nd_status e = conversion_factor(st, dt, &num, &den, who);
    if (e < 0) return e;
    for (ptrdiff_t i = 0; i < n; i++, s += ss, d += ds) {
        int64_t v;
        memcpy(&v, s, 8);
        if (v != ND_NAT) {
            nd__i128 r;
            if (__builtin_mul_overflow((nd__i128)v, num, &r)) return overflow(v, st, dt, who);
            r = floordiv(r, den);
            if (r > INT64_MAX || r <= INT64_MIN) return overflow(v, st, dt, who);
            v = (int64_t)r;
        }
        memcpy(d, &v, 8);
    }
    return ND_OK;
}

nd_status nd__dt_cast(void *dst, nd_dtype dt, ptrdiff_t ds, const void *src, nd_dtype st,
                      ptrdiff_t ss, ptrdiff_t n, const char *who)
{
    char *d = dst;
    const char *s = src;
    if (n <= 0) return ND_OK;
    if (is_date(st) && is_date(dt)) return date_to_date(d, dt, ds, s, st, ss, n, who);
    if (is_date(st)) { /* to a number: the int64 ticks (NaT is INT64_MIN, as NumPy's) */
        nd_cast_strided(d, dt, ds, s, ND_INT64, ss, n);
        return ND_OK;
    }
    if (!nd_dtype_is_numeric((int)st))
        return nd_set_error(ND_EDTYPE, "%s: no cast from %s to %s", who, nd_dtype_name(st), nd_dtype_name(dt));
    if (nd_dtype_unit(dt) == ND_DT_GENERIC)
        return nd_set_error(ND_EVALUE, "%s: Converting an integer to a NumPy datetime requires a "
                            "specified unit", who);
    for (ptrdiff_t i = 0; i < n; i++, s += ss, d += ds) {
        int64_t v;
        if (st == ND_FLOAT64 || st == ND_FLOAT32 || st == ND_COMPLEX64 || st == ND_COMPLEX128) {
            double f;
            nd_cast_strided(&f, ND_FLOAT64, 0, s, st, 0, 1);
            v = isnan(f) || f >= 0x1p63 || f < -0x1p63 ? ND_NAT : (int64_t)f;
        } else {
            nd_cast_strided(&v, ND_INT64, 0, s, st, 0, 1);
        }
        memcpy(d, &v, 8);
    }
    return ND_OK;
}

nd_status nd__dt_astype_target(nd_dtype from, nd_dtype *to, nd_casting casting)
{
    static const char who[] = "nd_astype";
    if (is_date(*to) && nd_dtype_unit(*to) == ND_DT_GENERIC && is_date(from))
        *to = nd_dtype_datetime((nd_dtype)nd_dtype_base(*to), nd_dtype_unit(from), nd_dtype_unit_count(from));
    if (casting == ND_CAST_DEFAULT) casting = ND_CAST_UNSAFE;
    if (!nd_can_cast(from, *to, casting))
        return nd_set_error(ND_EDTYPE, "%s: cannot cast array data from dtype('%s') to dtype('%s') "
                            "according to the rule '%s'", who, nd_dtype_name(from), nd_dtype_name(*to),
                            nd_casting_name(casting));
    return ND_OK;
}
