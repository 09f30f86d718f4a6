/* The flexible dtypes' names, promotion and casting levels (NumPy 1.24's rules):
 * datetime64/timedelta64 with their unit metadata, 'S' and 'U' with their widths. */
#include <numc/dtype.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "internal.h"

static const char *const unit_names[ND_DT_NUNITS] = {
    "Y", "M", "W", "D", "h", "m", "s", "ms", "us", "ns", "ps", "fs", "as", "generic"
};

/* ---- names ---------------------------------------------------------------------------- */

/* "[25s]" (or "" for generic) at p into *unit / *count; false when malformed. */
static bool parse_unit(const char *p, nd_dtunit *unit, int *count)
{
    *unit = ND_DT_GENERIC;
    *count = 1;
    if (*p == '\0') return true;
    if (*p++ != '[') return false;
    long n = 1;
    if (*p >= '0' && *p <= '9') {
        char *end;
        n = strtol(p, &end, 10);
        if (n < 1 || n > ND_DT_MAXCOUNT) return false;
        p = end;
    }
    const char *close = strchr(p, ']');
    if (!close || close[1] != '\0') return false;
    size_t len = (size_t)(close - p);
    for (int u = 0; u < ND_DT_GENERIC; u++)
        if (strlen(unit_names[u]) == len && memcmp(p, unit_names[u], len) == 0) {
            *unit = (nd_dtunit)u;
            *count = (int)n;
            return true;
        }
    return false;
}

/* A width ("" for unsized, else decimal digits only); -1 when malformed or too wide. */
static long parse_width(const char *p)
{
    if (*p == '\0') return 0;
    long w = 0;
    for (; *p; p++) {
        if (*p < '0' || *p > '9') return -1;
        w = w * 10 + (*p - '0');
        if (w > ND_STR_MAXWIDTH) return -1;
    }
    return w;
}

int nd__flex_from_name(const char *name)
{
    static const struct {
        const char *word;
        nd_dtype base;
    } words[] = {
        { "datetime64", ND_DATETIME64 }, { "M8", ND_DATETIME64 },
        { "timedelta64", ND_TIMEDELTA64 }, { "m8", ND_TIMEDELTA64 },
    };
    static const char *const str_words[] = { "str", "str_", "unicode", "unicode_" };
    static const char *const bytes_words[] = { "bytes", "bytes_", "string_" };
    for (size_t i = 0; i < sizeof str_words / sizeof *str_words; i++)
        if (strcmp(name, str_words[i]) == 0) return ND_STR_OF(0);
    for (size_t i = 0; i < sizeof bytes_words / sizeof *bytes_words; i++)
        if (strcmp(name, bytes_words[i]) == 0) return ND_BYTES_OF(0);

    const char *p = name;
    if (*p == '<' || *p == '=' || *p == '|') p++; /* native order ('>' is refused by the caller) */
    for (size_t i = 0; i < sizeof words / sizeof *words; i++) {
        size_t n = strlen(words[i].word);
        if (strncmp(p, words[i].word, n) == 0 && (p[n] == '\0' || p[n] == '[')) {
            nd_dtunit u;
            int count;
            if (!parse_unit(p + n, &u, &count)) return -1;
            return (int)nd_dtype_datetime(words[i].base, u, count);
        }
    }
    if (strcmp(p, "c") == 0) return ND_BYTES_OF(1); /* NumPy's 'c' is 'S1' */
    if (*p == 'U' || *p == 'S' || *p == 'a') { /* 'a' is the old spelling of 'S' */
        long w = parse_width(p + 1);
        if (w < 0) return -1;
        return *p == 'U' ? ND_STR_OF(w) : ND_BYTES_OF(w);
    }
    return -1;
}

/* ---- datetime metadata: NumPy's datetime.c ------------------------------------------- */

/* NumPy's _datetime_factors: ticks of unit u + 1 in one tick of unit u. Y and M count
 * as 1 (NumPy multiplies through them when it mixes them with linear units). */
static const uint64_t unit_step[ND_DT_NUNITS] = {
    [ND_DT_Y] = 1, [ND_DT_M] = 1, [ND_DT_W] = 7, [ND_DT_D] = 24, [ND_DT_h] = 60, [ND_DT_m] = 60,
    [ND_DT_s] = 1000, [ND_DT_ms] = 1000, [ND_DT_us] = 1000, [ND_DT_ns] = 1000, [ND_DT_ps] = 1000,
    [ND_DT_fs] = 1000, [ND_DT_as] = 1,
};

uint64_t nd__dt_unit_factor(nd_dtunit big, nd_dtunit little)
{
    uint64_t f = 1;
    for (int u = big; u < (int)little && u < ND_DT_GENERIC; u++) {
        f *= unit_step[u];
        if (f & 0xff00000000000000u) return 0; /* NumPy's overflow margin */
    }
    return f;
}

static uint64_t gcd_u64(uint64_t a, uint64_t b)
{
    while (b) {
        uint64_t t = a % b;
        a = b;
        b = t;
    }
    return a;
}

/* compute_datetime_metadata_greatest_common_divisor: the unit both convert to. An operand
 * that is `strict` (a timedelta) refuses to mix its Y/M unit with the linear units. */
static int common_meta(nd_dtype base, nd_dtype a, nd_dtype b, bool strict_a, bool strict_b,
                       const char *who)
{
    nd_dtunit ua = nd_dtype_unit(a), ub = nd_dtype_unit(b);
    if (ua == ND_DT_GENERIC) return (int)nd_dtype_datetime(base, ub, nd_dtype_unit_count(b));
    if (ub == ND_DT_GENERIC) return (int)nd_dtype_datetime(base, ua, nd_dtype_unit_count(a));
    uint64_t na = (uint64_t)nd_dtype_unit_count(a), nb = (uint64_t)nd_dtype_unit_count(b);
    nd_dtunit u = ua;
    if (ua != ub) {
        bool ym = ua == ND_DT_Y || ub == ND_DT_Y;
        bool incompatible = false;
        if (ym && (ua == ND_DT_M || ub == ND_DT_M)) {
            u = ND_DT_M;
            *(ua == ND_DT_Y ? &na : &nb) *= 12;
        } else if (ua <= ND_DT_M || ub <= ND_DT_M) {
            /* Y first, then M, as NumPy tests them */
            bool a_first = ym ? ua == ND_DT_Y : ua == ND_DT_M;
            incompatible = a_first ? strict_a : strict_b;
        }
        if (incompatible)
            return nd_set_error(ND_EDTYPE,
                                "%s: cannot get a common metadata divisor for datetime metadata [%s] "
                                "and [%s] because they have incompatible nonlinear base time units",
                                who, unit_names[ua], unit_names[ub]);
        if (u != ND_DT_M || !ym) {
            /* the finer unit; the coarser count is scaled by the factor between them */
            u = ua > ub ? ua : ub;
            uint64_t f = nd__dt_unit_factor(ua < ub ? ua : ub, u);
            uint64_t *n = ua < ub ? &na : &nb;
            if (!f)
                return nd_set_error(ND_EDTYPE, "%s: integer overflow getting a common metadata "
                                    "divisor for datetime metadata [%s] and [%s]", who,
                                    unit_names[ua], unit_names[ub]);
            *n *= f;
        }
    }
    uint64_t g = gcd_u64(na, nb);
    if (g > ND_DT_MAXCOUNT)
        return nd_set_error(ND_EDTYPE, "%s: the common unit count %llu of %s and %s is too large",
                            who, (unsigned long long)g, nd_dtype_name(a), nd_dtype_name(b));
    return (int)nd_dtype_datetime(base, u, (int)g);
}

int nd__dt_common(nd_dtype a, nd_dtype b, const char *who)
{
    int ba = nd_dtype_base(a), bb = nd_dtype_base(b);
    bool da = ba == ND_DATETIME64 || ba == ND_TIMEDELTA64, db = bb == ND_DATETIME64 || bb == ND_TIMEDELTA64;
    if (!da || !db)
        return nd_set_error(ND_EDTYPE, "%s: %s and %s are not both date types", who,
                            nd_dtype_name(a), nd_dtype_name(b));
    /* datetime64 when either is one, and then Y/M mix with everything (as numpy.promote_types
     * does); two timedelta64 refuse to mix Y/M with the linear units */
    bool td = ba == ND_TIMEDELTA64 && bb == ND_TIMEDELTA64;
    return common_meta(td ? ND_TIMEDELTA64 : ND_DATETIME64, a, b, td, td, who);
}

/* ---- strings: the width numbers need (NumPy 1.24's REQUIRED_STR_LEN) ----------------- */

static size_t numeric_str_len(nd_dtype t)
{
    static const unsigned char len[ND_NTYPES] = {
        [ND_BOOL] = 5, [ND_INT8] = 4, [ND_INT16] = 6, [ND_INT32] = 11, [ND_INT64] = 21,
        [ND_UINT8] = 3, [ND_UINT16] = 5, [ND_UINT32] = 10, [ND_UINT64] = 20,
        [ND_FLOAT32] = 32, [ND_FLOAT64] = 32, [ND_COMPLEX64] = 64, [ND_COMPLEX128] = 64,
    };
    return len[t];
}

static nd_dtype with_width(int base, size_t w)
{
    return base == ND_STR ? ND_STR_OF(w) : ND_BYTES_OF(w);
}

/* ---- promotion -------------------------------------------------------------------------- */

int nd__flex_promote(nd_dtype a, nd_dtype b, const char *who)
{
    int ba = nd_dtype_base(a), bb = nd_dtype_base(b);
    bool sa = ba == ND_BYTES || ba == ND_STR, sb = bb == ND_BYTES || bb == ND_STR;
    if (sa && sb) {
        size_t wa = nd_dtype_width(a), wb = nd_dtype_width(b);
        return (int)with_width(ba == ND_STR || bb == ND_STR ? ND_STR : ND_BYTES, wa > wb ? wa : wb);
    }
    if (sa && nd_dtype_is_numeric(bb)) {
        size_t w = nd_dtype_width(a), n = numeric_str_len(b);
        return (int)with_width(ba, w > n ? w : n);
    }
    if (sb && nd_dtype_is_numeric(ba)) return nd__flex_promote(b, a, who);
    if ((ba == ND_DATETIME64 || ba == ND_TIMEDELTA64) && (bb == ND_DATETIME64 || bb == ND_TIMEDELTA64))
        return nd__dt_common(a, b, who);
    /* Integers and bools promote into timedelta64 (its metadata), nothing else does. */
    if (ba == ND_TIMEDELTA64 && (bb == ND_BOOL || nd_dtype_is_integer(b)) && b != ND_UINT64) return (int)a;
    if (bb == ND_TIMEDELTA64 && (ba == ND_BOOL || nd_dtype_is_integer(a)) && a != ND_UINT64) return (int)b;
    return nd_set_error(ND_EDTYPE, "%s: the dtypes %s and %s have no common dtype", who,
                        nd_dtype_name(a), nd_dtype_name(b));
}

/* ---- casting levels ------------------------------------------------------------------- */

/* datetime_metadata_divides: a tick of src is a whole number of dst ticks. Y/M against a
 * linear unit "divide" for datetime64 and do not for timedelta64 (strict). */
static bool meta_divides(nd_dtype src, nd_dtype dst, bool strict)
{
    nd_dtunit us = nd_dtype_unit(src), ud = nd_dtype_unit(dst);
    uint64_t ns = (uint64_t)nd_dtype_unit_count(src), nd = (uint64_t)nd_dtype_unit_count(dst);
    if (us != ud) {
        if (us == ND_DT_Y && ud == ND_DT_M) {
            ns *= 12;
        } else if (us <= ND_DT_M || ud <= ND_DT_M) {
            return !strict;
        } else {
            if (us > ud) return false;
            uint64_t f = nd__dt_unit_factor(us, ud);
            if (!f) return false;
            ns *= f;
        }
    }
    return ns % nd == 0;
}

/* NumPy 1.24's casts between two date dtypes of the same kind. */
static bool dates_cast(bool timedelta, nd_dtype from, nd_dtype to, nd_casting c)
{
    nd_dtunit s = nd_dtype_unit(from), d = nd_dtype_unit(to);
    if (s == ND_DT_GENERIC) return true;
    if (d == ND_DT_GENERIC) return false;
    /* timedelta64 keeps the barrier between Y/M and the linear units */
    if (timedelta && (s <= ND_DT_M) != (d <= ND_DT_M)) return false;
    if (c == ND_CAST_SAME_KIND) return true;
    return s <= d && meta_divides(from, to, timedelta); /* safe */
}

bool nd__flex_can_cast(nd_dtype from, nd_dtype to, nd_casting c)
{
    if (c == ND_CAST_DEFAULT) c = ND_CAST_SAFE;
    if (from == to || c == ND_CAST_UNSAFE) return true;
    if (c == ND_CAST_NO || c == ND_CAST_EQUIV) return false;
    int bf = nd_dtype_base(from), bt = nd_dtype_base(to);
    bool sf = bf == ND_BYTES || bf == ND_STR, st = bt == ND_BYTES || bt == ND_STR;
    if (st && sf) {
        if (bf == ND_STR && bt == ND_BYTES) return false;
        return c == ND_CAST_SAME_KIND || nd_dtype_width(from) <= nd_dtype_width(to);
    }
    if (st && nd_dtype_is_numeric(bf))
        return c == ND_CAST_SAME_KIND || numeric_str_len(from) <= nd_dtype_width(to);
    if (bf == bt && (bf == ND_DATETIME64 || bf == ND_TIMEDELTA64))
        return dates_cast(bf == ND_TIMEDELTA64, from, to, c);
    if (bt == ND_TIMEDELTA64 && (from == ND_BOOL || nd_dtype_is_integer(from)))
        return from != ND_UINT64 || c == ND_CAST_SAME_KIND;
    return false; /* text to numbers or dates, dates to numbers or text: unsafe only */
}
