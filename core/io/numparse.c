/* Number parsing for the text readers: exact decimal → binary64 conversion.
 *
 * Three tiers, each correctly rounded:
 *   1. Clinger's fast path: mantissa ≤ 2^53 and |exponent| ≤ 22, where w·10^q or
 *      w/10^-q is one IEEE operation on exact operands, hence one correct rounding.
 *   2. The Eisel–Lemire algorithm (Lemire, "Number Parsing at a Gigabyte per Second",
 *      2021): multiply the normalised 64-bit mantissa by a 128-bit truncated power of
 *      ten and keep 54 bits; it reports when the truncation error could change the
 *      rounding, and then we fall through to
 *   3. strtod_l in the "C" locale on a NUL-terminated copy (glibc rounds correctly).
 * The power-of-ten table is computed once at first use with exact multi-word integer
 * arithmetic, so no generated table is checked in. */
#include "io_internal.h"

#include <errno.h>
#include <locale.h>
#include <math.h>
#include <pthread.h>
#include <stdlib.h>
#include <string.h>

__extension__ typedef unsigned __int128 nd__u128;

#define POW10_MIN (-342)
#define POW10_MAX 308
#define POW10_N (POW10_MAX - POW10_MIN + 1)

/* 10^q ≈ (hi·2^64 + lo) · 2^(exp2 − 127), hi's top bit set, truncated toward zero. */
static struct pow10_entry {
    uint64_t hi, lo;
    int exp2; /* floor(log2(10^q)) */
} pow10_tab[POW10_N];
static pthread_once_t pow10_once = PTHREAD_ONCE_INIT;
static _Atomic int pow10_ready;
static locale_t c_locale;

static int bitlen(const uint64_t *x, int nw)
{
    for (int i = nw - 1; i >= 0; i--)
        if (x[i]) return i * 64 + 64 - __builtin_clzll(x[i]);
    return 0;
}

/* The leading 128 bits of x (nbits long), truncated. */
static void top128(const uint64_t *x, int nbits, uint64_t *hi, uint64_t *lo)
{
    uint64_t w[2] = { 0, 0 };
    for (int k = 0; k < 128; k++) {
        int bit = nbits - 1 - k;
        if (bit < 0) break;
        if ((x[bit / 64] >> (bit % 64)) & 1) w[(127 - k) / 64] |= (uint64_t)1 << ((127 - k) % 64);
    }
    *hi = w[1];
    *lo = w[0];
}

#define BIGW 22 /* 1408 bits: 2^1344 / 10^342 still has > 128 significant bits */

static void pow10_init(void)
{
    c_locale = newlocale(LC_ALL_MASK, "C", (locale_t)0);

    /* Non-negative powers: x = 10^q exactly, by repeated multiplication. */
    uint64_t x[BIGW] = { 1 };
    for (int q = 0; q <= POW10_MAX; q++) {
        if (q > 0) {
            uint64_t carry = 0;
            for (int i = 0; i < BIGW; i++) {
                nd__u128 t = (nd__u128)x[i] * 10 + carry;
                x[i] = (uint64_t)t;
                carry = (uint64_t)(t >> 64);
            }
        }
        int nb = bitlen(x, BIGW);
        struct pow10_entry *e = &pow10_tab[q - POW10_MIN];
        top128(x, nb, &e->hi, &e->lo);
        e->exp2 = nb - 1;
    }
    /* Negative powers: y = floor(2^K / 10^n); floor of a floor is the floor of the
     * exact quotient, so the leading 128 bits are 2^k / 10^n rounded down. */
    const int K = 64 * (BIGW - 1);
    uint64_t y[BIGW] = { 0 };
    y[BIGW - 1] = 1; /* 2^K */
    for (int n = 1; n <= -POW10_MIN; n++) {
        nd__u128 rem = 0;
        for (int i = BIGW - 1; i >= 0; i--) {
            nd__u128 cur = (rem << 64) | y[i];
            y[i] = (uint64_t)(cur / 10);
            rem = cur % 10;
        }
        int nb = bitlen(y, BIGW);
        struct pow10_entry *e = &pow10_tab[-n - POW10_MIN];
        top128(y, nb, &e->hi, &e->lo);
        /* 10^-n ≈ y·2^-K with y in [2^(nb-1), 2^nb). */
        e->exp2 = nb - 1 - K;
    }
    pow10_ready = 1;
}

static inline void pow10_need(void)
{
    if (!pow10_ready) pthread_once(&pow10_once, pow10_init);
}

static const double exact_pow10[23] = {
    1e0, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10, 1e11,
    1e12, 1e13, 1e14, 1e15, 1e16, 1e17, 1e18, 1e19, 1e20, 1e21, 1e22
};

/* Eisel–Lemire: w·10^q for w != 0. Returns false when it cannot decide. */
static bool eisel_lemire(uint64_t w, int q, bool neg, double *out)
{
    if (q < POW10_MIN) { /* w < 2^64 so w·10^q < 2^-1070 / 2: rounds to zero */
        *out = neg ? -0.0 : 0.0;
        return true;
    }
    if (q > POW10_MAX) {
        *out = neg ? -HUGE_VAL : HUGE_VAL;
        return true;
    }
    const struct pow10_entry *t = &pow10_tab[q - POW10_MIN];
    int lz = __builtin_clzll(w);
    w <<= lz;
    nd__u128 p = (nd__u128)w * t->hi;
    uint64_t hi = (uint64_t)(p >> 64), lo = (uint64_t)p;
    /* The dropped part t->lo contributes less than w to (hi,lo); it can only change the
     * kept bits when the 9 bits below them are all ones and lo + w carries. */
    if ((hi & 0x1FF) == 0x1FF && lo + w < lo) {
        nd__u128 p2 = (nd__u128)w * t->lo;
        uint64_t yhi = (uint64_t)(p2 >> 64), ylo = (uint64_t)p2;
        uint64_t mlo = lo + yhi, mhi = hi + (mlo < lo);
        if ((mhi & 0x1FF) == 0x1FF && mlo == UINT64_MAX && ylo + w < ylo) return false;
        hi = mhi;
        lo = mlo;
    }
    unsigned msb = (unsigned)(hi >> 63);
    uint64_t mant = hi >> (msb + 9); /* 54 bits: 53 + one rounding bit */
    /* Exactly halfway in the truncated product: the true value may be just above. */
    if (lo == 0 && (hi & 0x1FF) == 0 && (mant & 3) == 1) return false;
    /* w·10^q ≈ (hi·2^64)·2^(exp2 − 63 − lz); with 53 bits kept after the leading one the
     * unbiased exponent is exp2 + 63 + msb − lz. */
    int be = t->exp2 + 1023 + 63 + (int)msb - lz;
    mant += mant & 1;
    mant >>= 1;
    if (mant >> 53) {
        mant >>= 1;
        be++;
    }
    if (be <= 0 || be >= 0x7FF) return false; /* subnormal or overflow: strtod */
    uint64_t bits = ((uint64_t)be << 52) | (mant & ((UINT64_C(1) << 52) - 1));
    if (neg) bits |= UINT64_C(1) << 63;
    memcpy(out, &bits, sizeof *out);
    return true;
}

static double slow_strtod(const char *p, const char *q)
{
    char stack[128];
    size_t n = (size_t)(q - p);
    char *buf = n < sizeof stack ? stack : nd_malloc(n + 1, "nd_loadtxt");
    if (!buf) return NAN; /* out of memory while parsing a >128-character number */
    memcpy(buf, p, n);
    buf[n] = '\0';
    double v = strtod_l(buf, NULL, c_locale);
    if (buf != stack) nd_free_mem(buf);
    return v;
}

static inline bool is_digit(char c) { return (unsigned)(c - '0') < 10u; }

/* The value of eight ASCII digits loaded as a word (first digit in the lowest byte):
 * combine neighbours into 2-digit, then 4-digit, then the 8-digit number. */
static inline uint64_t eight_value(uint64_t x)
{
    x -= UINT64_C(0x3030303030303030);
    x = x * 10 + (x >> 8); /* bytes 0,2,4,6 now hold 2-digit values */
    uint64_t pairs = x & UINT64_C(0x000000FF000000FF), pairs2 = (x >> 16) & UINT64_C(0x000000FF000000FF);
    return ((pairs * (100 + (UINT64_C(1000000) << 32))) + (pairs2 * (1 + (UINT64_C(10000) << 32)))) >> 32;
}

/* The digits the 8 bytes at p start with: how many (0 to 8; 8 when all are) and, through
 * *v, their value. A byte is flagged when it is below '0' (the subtraction sets its high
 * bit) or above '9' (the addition does); a borrow or carry only reaches the bytes after a
 * flagged one, so the lowest flag is the first non-digit. One test instead of a branch per
 * digit: the usual number ends within the 8 (6-digit logger output, "0.882249,"). */
static inline int leading_digits(const char *p, uint64_t *v)
{
    static const uint64_t zeros = UINT64_C(0x3030303030303030);
    uint64_t x;
    memcpy(&x, p, 8);
    uint64_t flags = ((x + UINT64_C(0x4646464646464646)) | (x - zeros)) & UINT64_C(0x8080808080808080);
    int k = flags ? __builtin_ctzll(flags) >> 3 : 8;
    /* The k digits moved to the end of a word of '0's: the same number as 8 digits. */
    if (k) *v = eight_value(k == 8 ? x : (x << (8 * (8 - k))) | (zeros >> (8 * k)));
    return k;
}

static const uint64_t pow10_u64[9] = { 1, 10, 100, 1000, 10000, 100000, 1000000, 10000000,
                                       100000000 };

static inline char lower(char c) { return (char)(c | 0x20); }

/* Case-insensitive match of the lower-case word w at p (within end). */
static bool match_word(const char *p, const char *end, const char *w, size_t n)
{
    if ((size_t)(end - p) < n) return false;
    for (size_t i = 0; i < n; i++)
        if (lower(p[i]) != w[i]) return false;
    return true;
}

const char *nd__parse_f64(const char *p, const char *end, double *out)
{
    const char *s = p;
    bool neg = false;
    if (s < end && (*s == '-' || *s == '+')) neg = *s++ == '-';
    if (s >= end) return NULL;
    if (!is_digit(*s) && *s != '.') {
        if (match_word(s, end, "inf", 3)) {
            s += match_word(s, end, "infinity", 8) ? 8 : 3;
            *out = neg ? -HUGE_VAL : HUGE_VAL;
            return s;
        }
        if (match_word(s, end, "nan", 3)) {
            *out = neg ? -NAN : NAN;
            return s + 3;
        }
        return NULL;
    }
    uint64_t w = 0;
    int ndig = 0;      /* significant digits accumulated in w (≤ 19) */
    bool many = false; /* more than 19 significant digits: the slow path decides */
    long long q = 0;   /* decimal exponent of w */
    bool any = false;
    while (s < end && *s == '0') { s++; any = true; }
    if (end - s >= 8) { /* an integer part shorter than 8 digits in one step */
        uint64_t v;
        int k = leading_digits(s, &v);
        if (k < 8) {
            w = k ? v : 0;
            ndig = k;
            s += k;
            any |= k > 0;
        }
    }
    while (s < end && is_digit(*s)) {
        if (ndig < 19) { w = w * 10 + (uint64_t)(*s - '0'); ndig++; }
        else { many = true; q++; }
        s++;
        any = true;
    }
    if (s < end && *s == '.') {
        s++;
        if (ndig == 0)
            while (s < end && *s == '0') { s++; q--; any = true; }
        /* Up to 8 digits a step while w has room for them (19 digits). */
        while (ndig <= 11 && end - s >= 8) {
            uint64_t v;
            int k = leading_digits(s, &v);
            if (!k) break;
            w = w * pow10_u64[k] + v;
            ndig += k;
            q -= k;
            s += k;
            any = true;
            if (k < 8) break;
        }
        while (s < end && is_digit(*s)) {
            if (ndig < 19) { w = w * 10 + (uint64_t)(*s - '0'); ndig++; q--; }
            else many = true;
            s++;
            any = true;
        }
    }
    if (!any) return NULL;
    if (s < end && (*s == 'e' || *s == 'E')) {
        const char *e = s + 1;
        bool eneg = false;
        if (e < end && (*e == '-' || *e == '+')) eneg = *e++ == '-';
        if (e < end && is_digit(*e)) {
            long long x = 0;
            while (e < end && is_digit(*e)) {
                if (x < 100000000) x = x * 10 + (*e - '0');
                e++;
            }
            q += eneg ? -x : x;
            s = e;
        }
    }
    if (w == 0) {
        *out = neg ? -0.0 : 0.0;
        return s;
    }
    if (!many) {
        if (w <= (UINT64_C(1) << 53) && q >= -22 && q <= 22) {
            double d = (double)w;
            d = q < 0 ? d / exact_pow10[-q] : d * exact_pow10[q];
            *out = neg ? -d : d;
            return s;
        }
        pow10_need();
        int qi = q < -100000 ? -100000 : q > 100000 ? 100000 : (int)q;
        if (eisel_lemire(w, qi, neg, out)) return s;
    }
    pow10_need();
    *out = slow_strtod(p, s);
    return s;
}

const char *nd__parse_u64(const char *p, const char *end, uint64_t *out)
{
    const char *s = p;
    if (s < end && *s == '+') s++;
    if (s >= end || !is_digit(*s)) return NULL;
    uint64_t v = 0;
    while (s < end && is_digit(*s)) {
        unsigned d = (unsigned)(*s - '0');
        if (v > (UINT64_MAX - d) / 10) return NULL;
        v = v * 10 + d;
        s++;
    }
    *out = v;
    return s;
}

const char *nd__parse_i64(const char *p, const char *end, int64_t *out)
{
    const char *s = p;
    bool neg = false;
    if (s < end && (*s == '-' || *s == '+')) neg = *s++ == '-';
    if (s < end && *s == '+') return NULL;
    uint64_t v;
    s = nd__parse_u64(s, end, &v);
    if (!s) return NULL;
    if (neg) {
        if (v > (uint64_t)INT64_MAX + 1) return NULL;
        *out = v == (uint64_t)INT64_MAX + 1 ? INT64_MIN : -(int64_t)v;
    } else {
        if (v > (uint64_t)INT64_MAX) return NULL;
        *out = (int64_t)v;
    }
    return s;
}

static inline bool is_j(const char *s, const char *end) { return s < end && (*s == 'j' || *s == 'J'); }

const char *nd__parse_c128(const char *p, const char *end, double *re, double *im)
{
    const char *s = p;
    bool paren = s < end && *s == '(';
    if (paren) s++;
    double a = 0, b = 0;
    const char *t = nd__parse_f64(s, end, &a);
    if (t && is_j(t, end)) { /* "3j" */
        *re = 0;
        *im = a;
        s = t + 1;
    } else if (t && t < end && (*t == '+' || *t == '-')) { /* "1+2j", "1-j", "1+-2j" */
        bool neg = *t == '-';
        s = t + 1;
        if (s < end && (*s == '+' || *s == '-')) {
            neg ^= *s == '-';
            s++;
        }
        if (is_j(s, end)) b = 1;
        else if (!(s < end && (is_digit(*s) || *s == '.' || lower(*s) == 'i' || lower(*s) == 'n'))
                 || !(s = nd__parse_f64(s, end, &b)) || !is_j(s, end))
            return NULL;
        s++;
        *re = a;
        *im = neg ? -b : b;
    } else if (t) { /* "4" */
        *re = a;
        *im = 0;
        s = t;
    } else { /* "j", "-j", "+j" */
        bool neg = false;
        if (s < end && (*s == '+' || *s == '-')) neg = *s++ == '-';
        if (!is_j(s, end)) return NULL;
        *re = 0;
        *im = neg ? -1.0 : 1.0;
        s++;
    }
    if (paren) {
        if (!(s < end && *s == ')')) return NULL;
        s++;
    }
    return s;
}

static inline bool is_blank(char c) { return c == ' ' || c == '\t'; }

bool nd__parse_cell(const char *p, const char *end, nd_dtype dt, void *dst)
{
    while (p < end && is_blank(*p)) p++;
    while (end > p && is_blank(end[-1])) end--;
    if (p == end) return false;
    const char *q;
    switch (dt) {
    case ND_FLOAT64: {
        double v;
        if (!(q = nd__parse_f64(p, end, &v)) || q != end) return false;
        *(double *)dst = v;
        return true;
    }
    case ND_FLOAT32: {
        double v; /* double then float, as NumPy does */
        if (!(q = nd__parse_f64(p, end, &v)) || q != end) return false;
        *(float *)dst = (float)v;
        return true;
    }
    case ND_COMPLEX128:
    case ND_COMPLEX64: {
        double re, im;
        if (!(q = nd__parse_c128(p, end, &re, &im)) || q != end) return false;
        if (dt == ND_COMPLEX128) {
            ((double *)dst)[0] = re;
            ((double *)dst)[1] = im;
        } else {
            ((float *)dst)[0] = (float)re;
            ((float *)dst)[1] = (float)im;
        }
        return true;
    }
    case ND_BOOL: {
        int64_t v;
        if (match_word(p, end, "true", 4) && end - p == 4) { *(bool *)dst = true; return true; }
        if (match_word(p, end, "false", 5) && end - p == 5) { *(bool *)dst = false; return true; }
        if (!(q = nd__parse_i64(p, end, &v)) || q != end) return false;
        *(bool *)dst = v != 0;
        return true;
    }
    default:
        break;
    }
    /* Integers: exact decimal integers, or a float that is integral and in range. */
    bool is_unsigned = dt == ND_UINT8 || dt == ND_UINT16 || dt == ND_UINT32 || dt == ND_UINT64;
    int64_t iv = 0;
    uint64_t uv = 0;
    bool ok;
    if (is_unsigned) ok = (q = nd__parse_u64(p, end, &uv)) && q == end;
    else ok = (q = nd__parse_i64(p, end, &iv)) && q == end;
    if (!ok) {
        double d;
        if (!(q = nd__parse_f64(p, end, &d)) || q != end || d != floor(d)) return false;
        if (is_unsigned) {
            if (!(d >= 0 && d < 18446744073709551616.0)) return false;
            uv = (uint64_t)d;
        } else {
            if (!(d >= -9223372036854775808.0 && d < 9223372036854775808.0)) return false;
            iv = (int64_t)d;
        }
    }
    switch (dt) {
    case ND_INT8: if (iv < INT8_MIN || iv > INT8_MAX) return false; *(int8_t *)dst = (int8_t)iv; return true;
    case ND_INT16: if (iv < INT16_MIN || iv > INT16_MAX) return false; *(int16_t *)dst = (int16_t)iv; return true;
    case ND_INT32: if (iv < INT32_MIN || iv > INT32_MAX) return false; *(int32_t *)dst = (int32_t)iv; return true;
    case ND_INT64: *(int64_t *)dst = iv; return true;
    case ND_UINT8: if (uv > UINT8_MAX) return false; *(uint8_t *)dst = (uint8_t)uv; return true;
    case ND_UINT16: if (uv > UINT16_MAX) return false; *(uint16_t *)dst = (uint16_t)uv; return true;
    case ND_UINT32: if (uv > UINT32_MAX) return false; *(uint32_t *)dst = (uint32_t)uv; return true;
    case ND_UINT64: *(uint64_t *)dst = uv; return true;
    default: return false;
    }
}

int nd__format_f64(char *buf, size_t cap, double v)
{
    int n = 0;
    for (int prec = 15; prec <= 17; prec++) {
        n = snprintf(buf, cap, "%.*g", prec, v);
        if (prec == 17 || !isfinite(v)) break;
        double back;
        const char *e = nd__parse_f64(buf, buf + n, &back);
        if (e && back == v) break;
    }
    return n;
}
