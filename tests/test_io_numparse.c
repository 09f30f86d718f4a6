/* The number parser of the text readers: every double must come out with exactly the
 * bits strtod gives (round-trip exactness), for printed doubles, arbitrary decimal
 * strings and the classic hard cases; plus the integer and complex grammars. */
#define _POSIX_C_SOURCE 200809L
#include "testutil.h"
#include "io_internal.h"

#include <pthread.h>
#include <stdio.h>
#include <string.h>

static uint64_t rng_state = 0x9E3779B97F4A7C15u;
static uint64_t rnd(void)
{
    rng_state ^= rng_state << 13;
    rng_state ^= rng_state >> 7;
    rng_state ^= rng_state << 17;
    return rng_state;
}

/* Parse s (whole) and compare with strtod's bits; prints the first few failures. */
static long failures;
static bool same_as_strtod(const char *s)
{
    double want = strtod(s, NULL), got = -1234.5;
    const char *e = nd__parse_f64(s, s + strlen(s), &got);
    bool ok = e == s + strlen(s) && memcmp(&want, &got, sizeof got) == 0;
    if (!ok && failures++ < 5) printf("\n  %s: strtod %.17g, numc %.17g\n", s, want, got);
    return ok;
}

typedef struct { long n, bad; uint64_t seed; } job;

static void *parse_many(void *arg)
{
    job *j = arg;
    uint64_t st = j->seed;
    char buf[64];
    for (long i = 0; i < j->n; i++) {
        st ^= st << 13, st ^= st >> 7, st ^= st << 17;
        double d;
        memcpy(&d, &st, 8);
        if (!isfinite(d)) continue;
        int len = snprintf(buf, sizeof buf, "%.17g", d);
        double got;
        if (!nd__parse_f64(buf, buf + len, &got) || memcmp(&got, &d, 8) != 0) j->bad++;
    }
    return NULL;
}

/* First: two threads race to build the power-of-ten table. */
static void test_first_use_from_two_threads(void)
{
    job a = { 200000, 0, 1 }, b = { 200000, 0, 2 };
    pthread_t ta, tb;
    CU_ASSERT_EQUAL_FATAL(pthread_create(&ta, NULL, parse_many, &a), 0);
    CU_ASSERT_EQUAL_FATAL(pthread_create(&tb, NULL, parse_many, &b), 0);
    pthread_join(ta, NULL);
    pthread_join(tb, NULL);
    CU_ASSERT_EQUAL(a.bad + b.bad, 0);
}

static void test_printed_doubles_round_trip(void)
{
    char buf[64];
    long bad = 0;
    for (long i = 0; i < 1000000; i++) {
        uint64_t bits = rnd();
        double d;
        memcpy(&d, &bits, 8);
        if (!isfinite(d)) continue;
        if (i % 2) snprintf(buf, sizeof buf, "%.17g", d);
        else snprintf(buf, sizeof buf, "%.*e", (int)(rnd() % 20), d);
        bad += !same_as_strtod(buf);
    }
    CU_ASSERT_EQUAL(bad, 0);
}

static void test_random_decimal_strings(void)
{
    char buf[96];
    long bad = 0;
    for (long i = 0; i < 1000000; i++) {
        int nd = 1 + (int)(rnd() % 30), p = 0;
        if (rnd() % 4 == 0) buf[p++] = '-';
        for (int k = 0; k < nd; k++) buf[p++] = (char)('0' + rnd() % 10);
        if (rnd() % 2) {
            int pos = (int)(rnd() % (unsigned)(nd + 1)) + (buf[0] == '-');
            memmove(buf + pos + 1, buf + pos, (size_t)(p - pos));
            buf[pos] = '.';
            p++;
        }
        if (p == 1 && buf[0] == '.') buf[p++] = '0';
        p += snprintf(buf + p, sizeof buf - (size_t)p, "e%d", (int)(rnd() % 700) - 350);
        bad += !same_as_strtod(buf);
    }
    CU_ASSERT_EQUAL(bad, 0);
}

/* Integer and fraction parts of 0 to 10 digits, each number followed by a byte that ends
 * it (the neighbours of '0' and '9', bytes >= 0x80, the usual separators) and then by
 * digits again, so that the parser's 8-byte digit runs see the end inside the word, at
 * its last byte, past it and at the buffer's end: the value is strtod's and the number
 * ends where strtod's does. */
static void test_digit_runs_and_their_ends(void)
{
    static const char ends[] = { '/', ':', ',', '\n', ' ', ';', '\x80', '\xb9', '\xba', '\xff',
                                 '\0' };
    char buf[64], copy[64];
    long bad = 0, cases = 0;
    for (int ni = 0; ni <= 10; ni++)
        for (int nf = -1; nf <= 10; nf++) /* nf -1: no decimal point */
            for (size_t t = 0; t < sizeof ends; t++)
                for (int cut = 0; cut < 2; cut++) { /* cut: the buffer ends at the number */
                    if (ni == 0 && nf <= 0) continue;
                    int p = 0;
                    for (int k = 0; k < ni; k++) buf[p++] = (char)('1' + (k * 7 + ni) % 9);
                    if (nf >= 0) buf[p++] = '.';
                    for (int k = 0; k < nf; k++) buf[p++] = (char)('0' + (k * 3 + nf) % 10);
                    int len = p;
                    buf[p++] = ends[t];
                    for (int k = 0; k < 12; k++) buf[p++] = '7';
                    memcpy(copy, buf, (size_t)len);
                    copy[len] = '\0';
                    double want = strtod(copy, NULL), got = -1;
                    const char *e = nd__parse_f64(buf, buf + (cut ? len : p), &got);
                    bool ok = e == buf + len && memcmp(&want, &got, sizeof got) == 0;
                    if (!ok && bad++ < 5)
                        printf("\n  '%s' + 0x%02x (cut %d): strtod %.17g, numc %.17g, %td bytes\n",
                               copy, (unsigned char)ends[t], cut, want, got, e ? e - buf : -1);
                    cases++;
                }
    CU_ASSERT_EQUAL(bad, 0);
    CU_ASSERT(cases > 2000);
}

/* Decimal strings exactly halfway between neighbouring doubles (and a hair off). */
static void test_halfway_cases(void)
{
    char buf[96];
    long bad = 0;
    for (long i = 0; i < 300000; i++) {
        uint64_t bits = rnd() >> 2;
        double d, d2;
        memcpy(&d, &bits, 8);
        d2 = nextafter(d, INFINITY);
        long double mid = ((long double)d + (long double)d2) / 2;
        snprintf(buf, sizeof buf, "%.*Le", 16 + (int)(rnd() % 12), mid);
        bad += !same_as_strtod(buf);
    }
    CU_ASSERT_EQUAL(bad, 0);
}

static void test_hard_cases(void)
{
    static const char *cases[] = {
        "2.2250738585072011e-308", "2.2250738585072012e-308", "9007199254740993",
        "9007199254740992.5", "1e23", "8.98846567431158e307", "4.9406564584124654e-324",
        "2.4703282292062327e-324", "2.4703282292062328e-324", "1.7976931348623157e308",
        "1.7976931348623158e308", "1.7976931348623159e308", "1e-400", "1e400", "0e999999999",
        "3.14159265358979323846264338327950288419716939937510582097494459", "0.1", "-0",
        "123456789012345678901234567890", "0.000000000000000000000000000001",
        "7.038531e-26", "9214843084008499", "30078505129381147446200", "1777820000000000000001",
        "0.3932922657273", "1.00000000000000011102230246251565404236316680908203125",
        "1.00000000000000011102230246251565404236316680908203124", "5e-324", "1e308", "+.5",
        "00000000000000000000000000000000000000001.5", "1.", ".000001e6",
    };
    for (size_t i = 0; i < sizeof cases / sizeof *cases; i++) CU_ASSERT(same_as_strtod(cases[i]));
}

static void test_float_grammar(void)
{
    double v;
    const char *s = "1e";
    CU_ASSERT(nd__parse_f64(s, s + 2, &v) == s + 1 && v == 1);
    s = "1e+";
    CU_ASSERT(nd__parse_f64(s, s + 3, &v) == s + 1);
    s = "2.5E-1x";
    CU_ASSERT(nd__parse_f64(s, s + 7, &v) == s + 6 && v == 0.25);
    const char *none[] = { ".", "-", "+", "e5", " 1", "", "in", "-.e1", "x1" };
    for (size_t i = 0; i < sizeof none / sizeof *none; i++)
        CU_ASSERT_PTR_NULL(nd__parse_f64(none[i], none[i] + strlen(none[i]), &v));
    s = "-Infinity";
    CU_ASSERT(nd__parse_f64(s, s + 9, &v) == s + 9 && v == -INFINITY);
    s = "inf";
    CU_ASSERT(nd__parse_f64(s, s + 3, &v) == s + 3 && v == INFINITY);
    s = "NaN";
    CU_ASSERT(nd__parse_f64(s, s + 3, &v) == s + 3 && isnan(v));
    s = "-0.0";
    CU_ASSERT(nd__parse_f64(s, s + 4, &v) == s + 4 && v == 0 && signbit(v));
    /* bounded by `end`: digits past it are not read */
    s = "12345";
    CU_ASSERT(nd__parse_f64(s, s + 3, &v) == s + 3 && v == 123);
}

static void test_integers(void)
{
    int64_t i;
    uint64_t u;
    const char *s = "-9223372036854775808";
    CU_ASSERT(nd__parse_i64(s, s + strlen(s), &i) == s + strlen(s) && i == INT64_MIN);
    s = "9223372036854775808";
    CU_ASSERT_PTR_NULL(nd__parse_i64(s, s + strlen(s), &i));
    s = "18446744073709551615";
    CU_ASSERT(nd__parse_u64(s, s + strlen(s), &u) && u == UINT64_MAX);
    s = "18446744073709551616";
    CU_ASSERT_PTR_NULL(nd__parse_u64(s, s + strlen(s), &u));
    s = "+-1";
    CU_ASSERT_PTR_NULL(nd__parse_i64(s, s + 3, &i));
    s = "-1";
    CU_ASSERT_PTR_NULL(nd__parse_u64(s, s + 2, &u));
}

static void test_complex_grammar(void)
{
    const struct { const char *s; double re, im; } ok[] = {
        { "1+2j", 1, 2 }, { "(1-2.5e3j)", 1, -2500 }, { "3j", 0, 3 }, { "-j", 0, -1 },
        { "1+-2j", 1, -2 }, { "4", 4, 0 }, { "(5)", 5, 0 }, { "1e5+1e-5J", 1e5, 1e-5 },
        { "j", 0, 1 }, { "2-j", 2, -1 }, { "-inf+nanj", -INFINITY, NAN },
    };
    for (size_t i = 0; i < sizeof ok / sizeof *ok; i++) {
        double re = 7, im = 7;
        const char *s = ok[i].s, *e = s + strlen(s);
        CU_ASSERT(nd__parse_c128(s, e, &re, &im) == e);
        CU_ASSERT(re == ok[i].re);
        CU_ASSERT(isnan(ok[i].im) ? isnan(im) : im == ok[i].im);
    }
    const char *bad[] = { "(1+2j", "1+", "1+2", "+", "()", "1+2jj" };
    for (size_t i = 0; i < sizeof bad / sizeof *bad; i++) {
        double re, im;
        const char *s = bad[i], *e = s + strlen(s);
        CU_ASSERT(nd__parse_c128(s, e, &re, &im) != e);
    }
}

static void test_cells(void)
{
    union { double d; float f; int8_t i8; uint16_t u16; int64_t i64; bool b; double c[2]; } v;
    const char *s = "  -1.5\t";
    CU_ASSERT(nd__parse_cell(s, s + strlen(s), ND_FLOAT64, &v) && v.d == -1.5);
    s = "1.5 x";
    CU_ASSERT(!nd__parse_cell(s, s + strlen(s), ND_FLOAT64, &v));
    s = "  ";
    CU_ASSERT(!nd__parse_cell(s, s + strlen(s), ND_FLOAT64, &v));
    s = "-128";
    CU_ASSERT(nd__parse_cell(s, s + 4, ND_INT8, &v) && v.i8 == -128);
    s = "128";
    CU_ASSERT(!nd__parse_cell(s, s + 3, ND_INT8, &v));
    s = "6.5e4";
    CU_ASSERT(nd__parse_cell(s, s + 5, ND_UINT16, &v) && v.u16 == 65000);
    s = "1e19";
    CU_ASSERT(!nd__parse_cell(s, s + 4, ND_INT64, &v));
    s = "True";
    CU_ASSERT(nd__parse_cell(s, s + 4, ND_BOOL, &v) && v.b);
    s = "(1-1j)";
    CU_ASSERT(nd__parse_cell(s, s + 6, ND_COMPLEX128, &v) && v.c[0] == 1 && v.c[1] == -1);
    s = "3.4028236e38"; /* rounds to float max's neighbour: infinity */
    CU_ASSERT(nd__parse_cell(s, s + strlen(s), ND_FLOAT32, &v) && v.f == (float)3.4028236e38);
}

static void test_shortest_format(void)
{
    char buf[32];
    long bad = 0;
    for (long i = 0; i < 100000; i++) {
        uint64_t bits = rnd();
        double d, back;
        memcpy(&d, &bits, 8);
        if (!isfinite(d)) continue;
        int n = nd__format_f64(buf, sizeof buf, d);
        bad += !nd__parse_f64(buf, buf + n, &back) || memcmp(&back, &d, 8) != 0;
    }
    CU_ASSERT_EQUAL(bad, 0);
    nd__format_f64(buf, sizeof buf, 0.1);
    CU_ASSERT_STRING_EQUAL(buf, "0.1");
}

static const ND_TEST tests[] = {
    ND_T(test_first_use_from_two_threads),
    ND_T(test_printed_doubles_round_trip),
    ND_T(test_random_decimal_strings),
    ND_T(test_digit_runs_and_their_ends),
    ND_T(test_halfway_cases),
    ND_T(test_hard_cases),
    ND_T(test_float_grammar),
    ND_T(test_integers),
    ND_T(test_complex_grammar),
    ND_T(test_cells),
    ND_T(test_shortest_format),
    { 0 }
};
ND_TEST_MAIN("io_numparse", tests)
