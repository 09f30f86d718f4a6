/* The text readers' number parser (nd__parse_f64: Clinger's fast path, Eisel-Lemire, then
 * strtod) must return exactly strtod's bits on every input it accepts. Beyond
 * test_io_numparse: exact halfway points written out in full (hundreds of digits), their
 * neighbours one unit in the last digit away, subnormal halfway points, 19- and 20-digit
 * mantissas around 2^64, exponents at and past the limits, what CSV writers print
 * (%.6g, %.15g, %.17g, %f), and numbers inside a row (the parser stops at the delimiter).
 * A few million inputs in all. */
#define _POSIX_C_SOURCE 200809L
#include "testutil.h"
#include "io_internal.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static uint64_t rng_state = 0x853C49E6748FEA9Bu;
static uint64_t rnd(void)
{
    rng_state ^= rng_state << 13;
    rng_state ^= rng_state >> 7;
    rng_state ^= rng_state << 17;
    return rng_state;
}

static long shown;

/* s[0..n) parsed whole must equal strtod's bits (NaN: a NaN of the same sign). */
static bool agrees(const char *s, size_t n)
{
    char *z = malloc(n + 1);
    memcpy(z, s, n);
    z[n] = '\0';
    char *zend;
    double want = strtod(z, &zend), got = -1234.5;
    const char *e = nd__parse_f64(s, s + n, &got);
    bool ok = e == s + n && (size_t)(zend - z) == n &&
              (isnan(want) ? isnan(got) && signbit(got) == signbit(want)
                           : memcmp(&want, &got, sizeof got) == 0);
    if (!ok && shown++ < 8)
        printf("\n  '%.80s'%s: strtod %a, numc %a\n", z, n > 80 ? "..." : "", want, got);
    free(z);
    return ok;
}

static bool agrees_s(const char *s) { return agrees(s, strlen(s)); }

static double random_double(void)
{
    for (;;) {
        uint64_t b = rnd();
        double d;
        memcpy(&d, &b, 8);
        if (isfinite(d)) return d;
    }
}

/* The exact decimal expansion of x ("%.*Le" with enough digits: glibc prints exactly). */
static int exact(char *buf, size_t cap, long double x, int digits)
{
    return snprintf(buf, cap, "%.*Le", digits, x);
}

/* Midpoints between neighbouring doubles, written exactly (up to 770 digits), and the
 * same strings with the last digit moved one up or down (just above / below halfway). */
static void test_exact_halfway_points(void)
{
    static char buf[1024];
    long bad = 0;
    for (long i = 0; i < 60000; i++) {
        double d = fabs(random_double());
        if (i % 3 == 0) d = ldexp((double)(rnd() >> 11), -1074 + (int)(rnd() % 80)); /* small */
        double d2 = nextafter(d, INFINITY);
        if (!isfinite(d2)) continue;
        long double mid = ((long double)d + (long double)d2) / 2;
        int n = exact(buf, sizeof buf, mid, 780);
        /* trim trailing zeros of the mantissa */
        char *e = strchr(buf, 'e');
        char *m = e;
        while (m[-1] == '0') m--;
        if (m[-1] == '.') m--;
        memmove(m, e, strlen(e) + 1);
        n = (int)strlen(buf);
        bad += !agrees(buf, (size_t)n);
        /* one unit in the last digit above and below */
        e = strchr(buf, 'e');
        char *last = e - 1;
        if (*last >= '1' && *last <= '8') {
            (*last)++;
            bad += !agrees(buf, (size_t)n);
            *last = (char)(*last - 2);
            bad += !agrees(buf, (size_t)n);
        }
    }
    CU_ASSERT_EQUAL(bad, 0);
}

/* 19, 20 and more significant digits: around 2^64 and 10^19, random long mantissas. */
static void test_long_mantissas(void)
{
    char buf[128];
    long bad = 0;
    static const char *fixed[] = {
        "18446744073709551615", "18446744073709551616", "18446744073709551617",
        "9999999999999999999", "10000000000000000000", "10000000000000000001",
        "9223372036854775807", "9223372036854775808", "1844674407370955161.5",
        "0.18446744073709551615e20", "12345678901234567890123456789e-10",
        "99999999999999999999999999999999999999999999999999e-50",
        "4503599627370496.5", "4503599627370497.5", "9007199254740993.000000000000000001",
        "9007199254740992.999999999999999999", "2.00000000000000011102230246251565404236316680908203125",
    };
    for (size_t i = 0; i < sizeof fixed / sizeof *fixed; i++) bad += !agrees_s(fixed[i]);
    for (long i = 0; i < 400000; i++) {
        int nd = 19 + (int)(rnd() % 12), p = 0;
        if (rnd() & 1) buf[p++] = '-';
        buf[p++] = (char)('1' + rnd() % 9);
        for (int k = 1; k < nd; k++) buf[p++] = (char)('0' + rnd() % 10);
        int dot = (int)(rnd() % (unsigned)nd);
        if (rnd() & 1) {
            memmove(buf + p - dot + 1, buf + p - dot, (size_t)dot);
            buf[p - dot] = '.';
            p++;
        }
        p += snprintf(buf + p, sizeof buf - (size_t)p, "e%d", (int)(rnd() % 640) - 340);
        bad += !agrees(buf, (size_t)p);
    }
    CU_ASSERT_EQUAL(bad, 0);
}

/* Subnormals and the ends of the range: exponents at the limits, long exponent digit
 * strings, under- and overflow. */
static void test_range_limits(void)
{
    char buf[96];
    long bad = 0;
    static const char *fixed[] = {
        "4.9406564584124654e-324", "4.9406564584124654417656879286822137236505980e-324",
        "2.4703282292062327208828439643411068618252990130716238221279284125033775364e-324",
        "2.4703282292062328e-324", "2.4703282292062327e-324", "2.2250738585072014e-308",
        "2.2250738585072011e-308", "2.225073858507201136057409796709131975934819546351645648e-308",
        "1.7976931348623157e308", "1.7976931348623158e308", "1.797693134862315807e308",
        "1.7976931348623159e308", "179769313486231580793728971405303415079934132710037826936173778980444968292764750946649017977587207096330286416692887910946555547851940402630657488671505820681908902000708383676273854845817711531764475730270069855571366959622842914819860834936475292719074168444365510704342711559699508093042880177904174497791.9999999999999999999999999999999999999999999999999999999999999999999999",
        "1e-324", "3e-324", "1e-400", "-1e-400", "1e309", "-1e309", "1e0000000000000000000000000005",
        "1e-00000000000000000000000000005", "0.0000000000000000000000000000000000000001e40",
        "1e999999999999999999999", "1e-999999999999999999999", "0e999999999999999", "-0.0e-5",
    };
    for (size_t i = 0; i < sizeof fixed / sizeof *fixed; i++) bad += !agrees_s(fixed[i]);
    for (long i = 0; i < 300000; i++) {
        /* random subnormals and near-subnormal normals, at every precision */
        uint64_t bits = rnd() >> (12 + rnd() % 8);
        double d;
        memcpy(&d, &bits, 8);
        int n = snprintf(buf, sizeof buf, "%.*e", (int)(rnd() % 20), i & 1 ? d : -d);
        bad += !agrees(buf, (size_t)n);
        /* random values near the top of the range */
        d = ldexp(1.0 + (double)(rnd() >> 12) / 4503599627370496.0, 1000 + (int)(rnd() % 24));
        n = snprintf(buf, sizeof buf, "%.*g", 1 + (int)(rnd() % 18), d);
        bad += !agrees(buf, (size_t)n);
    }
    CU_ASSERT_EQUAL(bad, 0);
}

/* What CSV writers print: %.6g (loggers, numpy.savetxt defaults nearby), %.15g, %.17g
 * (round trip), %f and %.3f. */
static void test_printed_by_writers(void)
{
    static const char *fmts[] = { "%.6g", "%.15g", "%.17g", "%f", "%.3f", "%.10e", "%g" };
    char buf[400];
    long bad = 0;
    for (long i = 0; i < 1400000; i++) {
        double d = random_double();
        if (i % 2) d = ldexp(d, -(int)ilogb(d) + (int)(rnd() % 40) - 20); /* ordinary sizes */
        const char *f = fmts[i % 7];
        int n = snprintf(buf, sizeof buf, f, d);
        if (n <= 0 || (size_t)n >= sizeof buf) continue;
        bad += !agrees(buf, (size_t)n);
    }
    CU_ASSERT_EQUAL(bad, 0);
}

/* Infinity and NaN in the spellings the readers accept (any case, with a sign). */
static void test_inf_nan_spellings(void)
{
    static const char *ok[] = { "inf", "INF", "Inf", "-inf", "+inf", "infinity", "Infinity",
                                "-INFINITY", "nan", "NaN", "NAN", "-nan", "+nan" };
    for (size_t i = 0; i < sizeof ok / sizeof *ok; i++) CU_ASSERT(agrees_s(ok[i]));
    /* Not numbers at all: nothing is consumed. */
    static const char *bad[] = { "", "-", "+", ".", "e5", "-e5", "in", "na", "x1", "+-1", ".e1" };
    for (size_t i = 0; i < sizeof bad / sizeof *bad; i++) {
        double v;
        CU_ASSERT_PTR_NULL(nd__parse_f64(bad[i], bad[i] + strlen(bad[i]), &v));
    }
    /* "infinit" is "inf" followed by text; "nan(1)" is "nan" followed by text. */
    double v;
    const char *s = "infinit";
    CU_ASSERT(nd__parse_f64(s, s + 7, &v) == s + 3 && isinf(v));
    s = "nan(1)";
    CU_ASSERT(nd__parse_f64(s, s + 6, &v) == s + 3 && isnan(v));
}

/* Inside a row the parser stops where the number does and never reads past `end`. */
static void test_inside_rows(void)
{
    char buf[96];
    long bad = 0;
    for (long i = 0; i < 200000; i++) {
        double d = random_double();
        int n = snprintf(buf, sizeof buf, "%.17g", d);
        static const char tails[] = ",;\t \r\n";
        buf[n] = tails[i % 6];
        memcpy(buf + n + 1, "123", 4);
        double got;
        const char *e = nd__parse_f64(buf, buf + n + 4, &got);
        bad += e != buf + n || memcmp(&got, &d, 8) != 0;
        /* cut short: only the first k bytes are the number's */
        int k = 1 + (int)(rnd() % (unsigned)n);
        char z[96];
        memcpy(z, buf, (size_t)k);
        z[k] = '\0';
        char *zend;
        double want = strtod(z, &zend);
        e = nd__parse_f64(buf, buf + k, &got);
        if (e) bad += e != buf + (zend - z) || memcmp(&got, &want, 8) != 0;
        else bad += zend != z && !(zend - z == 1 && (z[0] == '-' || z[0] == '.'));
    }
    CU_ASSERT_EQUAL(bad, 0);
}

static const ND_TEST tests[] = {
    ND_T(test_exact_halfway_points),
    ND_T(test_long_mantissas),
    ND_T(test_range_limits),
    ND_T(test_printed_by_writers),
    ND_T(test_inf_nan_spellings),
    ND_T(test_inside_rows),
    { 0 }
};
ND_TEST_MAIN("fastfloat", tests)
