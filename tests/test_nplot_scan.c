/* nplot's whole-file checks at memory speed (plot/nplot/scan.c) against the byte-at-a-time
 * originals in sniff.c: cli_scan_utf8_invalid must equal cli_utf8_invalid everywhere, and
 * cli_max_fields_over must equal cli_max_fields (count and line) whenever that count is
 * above the limit, and stay at or below the limit otherwise. Random files of short and
 * long lines, with and without quotes, every delimiter mode, small limits so that the
 * windows and long-line counts are exercised. */
#include "testutil.h"
#include "nplot_cli.h"

#include <stdlib.h>
#include <string.h>

static uint64_t rng_state = 0xD1B54A32D192ED03u;
static uint64_t rnd(void)
{
    rng_state ^= rng_state << 13;
    rng_state ^= rng_state >> 7;
    rng_state ^= rng_state << 17;
    return rng_state;
}

/* A random text of n bytes: fields, delimiters, blanks, line ends, rarely quotes, and
 * now and then a long line. */
static void random_text(char *b, size_t n, bool quotes)
{
    static const char alpha[] = "0123456789.,;,\t|  abcxyz-+e";
    size_t i = 0;
    while (i < n) {
        size_t len = rnd() % 8 == 0 ? 20 + rnd() % 300 : rnd() % 30;
        for (size_t k = 0; k < len && i < n; k++) {
            char c = alpha[rnd() % (sizeof alpha - 1)];
            if (quotes && rnd() % 50 == 0) c = '"';
            b[i++] = c;
        }
        if (i < n) b[i++] = rnd() % 5 ? '\n' : rnd() % 2 ? '\r' : ' ';
    }
}

static void test_max_fields_over_matches(void)
{
    static const char delims[] = { 0, ',', ';', '\t', ' ' };
    char *b = malloc(20000);
    long bad = 0;
    for (int it = 0; it < 3000; it++) {
        size_t n = rnd() % 20000;
        random_text(b, n, it % 3 == 0);
        char d = delims[it % 5];
        size_t limit = 1 + rnd() % 64;
        size_t l1 = 0, l2 = 0;
        size_t want = cli_max_fields(b, n, d, &l1), got = cli_max_fields_over(b, n, d, limit, &l2);
        if (want > limit) bad += got != want || l1 != l2;
        else bad += got > limit;
    }
    CU_ASSERT_EQUAL(bad, 0);
    /* A very long line far into a file of short ones, reported with its line. */
    free(b);
    b = malloc(100000);
    size_t n = 0;
    for (int r = 0; r < 5000; r++) n += (size_t)sprintf(b + n, "%d,%d\n", r, r);
    for (int k = 0; k < 40; k++) b[n++] = ',';
    b[n++] = '\n';
    n += (size_t)sprintf(b + n, "1,2");
    size_t line = 0;
    CU_ASSERT_EQUAL(cli_max_fields_over(b, n, ',', 16, &line), 41);
    CU_ASSERT_EQUAL(line, 5001);
    CU_ASSERT_TRUE(cli_max_fields_over(b, n, ',', 64, &line) <= 64);
    free(b);
}

static void test_utf8_scan_matches(void)
{
    unsigned char *b = malloc(4096);
    long bad = 0;
    for (int it = 0; it < 20000; it++) {
        size_t n = rnd() % 4096;
        for (size_t i = 0; i < n; i++) b[i] = (unsigned char)('a' + rnd() % 26);
        /* a few multi-byte sequences, valid or broken, anywhere (also in the last bytes) */
        int k = (int)(rnd() % 4);
        for (int j = 0; j < k && n >= 4; j++) {
            size_t at = rnd() % (n - 3);
            static const char *seqs[] = { "\xC3\xA9", "\xE2\x82\xAC", "\xF0\x9F\x98\x80", "\xC3",
                                          "\xE0\x80\x80", "\xED\xA0\x80", "\xF4\x90\x80\x80", "\xFF" };
            const char *s = seqs[rnd() % 8];
            memcpy(b + at, s, strlen(s));
        }
        bad += cli_scan_utf8_invalid((const char *)b, n) != cli_utf8_invalid((const char *)b, n);
    }
    CU_ASSERT_EQUAL(bad, 0);
    CU_ASSERT_EQUAL(cli_scan_utf8_invalid("", 0), (size_t)-1);
    const char *s = "0123456789012345678901234567890123456789\xC3";
    CU_ASSERT_EQUAL(cli_scan_utf8_invalid(s, strlen(s)), 40);
    free(b);
}

static const ND_TEST tests[] = {
    ND_T(test_max_fields_over_matches),
    ND_T(test_utf8_scan_matches),
    { 0 }
};
ND_TEST_MAIN("nplot_scan", tests)
