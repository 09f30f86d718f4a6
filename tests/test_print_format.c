/* format_float_positional / format_float_scientific against NumPy
 * (tests/data/iorand/format_float.txt from scripts/gen_iorand_fixtures.py: every value
 * with every option combination, NumPy's text or ERROR) and the scoped print options. */
#include <numc/numc.h>
#include <stdio.h>
#include <string.h>

#include "fixture.h"

#define FX NUMC_TEST_DATA "/iorand/format_float.txt"

/* fixture: -1 is None (numc's 0), 0 is ND_FMT_0 */
static int opt(const char *s)
{
    int v = atoi(s);
    return v == -1 ? 0 : v == 0 ? ND_FMT_0 : v;
}

static void test_format_float_matches_numpy(void)
{
    FILE *f = fopen(FX, "r");
    CU_ASSERT_PTR_NOT_NULL_FATAL(f);
    char *line = NULL;
    size_t cap = 0;
    int cases = 0, bad = 0, errors = 0;
    while (fixture_getline(f, &line, &cap)) {
        char *col[13];
        int n = 0;
        for (char *p = strtok(line, "\t\n"); p && n < 13; p = strtok(NULL, "\t\n")) col[n++] = p;
        if (n != 13) continue;
        bool sci = col[0][0] == 'S';
        if (sci && strcmp(col[9], "-1") != 0) continue;   /* pad_right: not an option there */
        nd_format_float_opts o = { .x = strtod(col[1], NULL) };
        o.float32 = col[2][0] == '1';
        o.precision = opt(col[3]);
        o.no_unique = col[4][0] == '0';
        o.no_fractional = !sci && col[5][0] == '0';
        o.trim = col[6][0];
        o.sign = col[7][0] == '1';
        o.pad_left = opt(col[8]);
        o.pad_right = sci ? 0 : opt(col[9]);
        o.exp_digits = sci ? opt(col[10]) : 0;
        o.min_digits = opt(col[11]);
        char *got = sci ? nd_format_float_scientific_(&o) : nd_format_float_positional_(&o);
        const char *want = col[12];
        bool ok;
        if (strcmp(want, "ERROR") == 0) {
            ok = got == NULL && nd_last_error() == ND_EVALUE;
            errors++;
        } else {
            ok = got && strcmp(got, want) == 0;
        }
        if (!ok && bad++ < 10)
            fprintf(stderr, "\n%s x=%s f32=%s prec=%s uniq=%s frac=%s trim=%s sign=%s pl=%s pr=%s "
                            "ed=%s md=%s: got '%s' want '%s'", col[0], col[1], col[2], col[3],
                    col[4], col[5], col[6], col[7], col[8], col[9], col[10], col[11],
                    got ? got : nd_errmsg(), want);
        nd_free_mem(got);
        cases++;
    }
    free(line);
    fclose(f);
    CU_ASSERT(cases > 3000);
    CU_ASSERT(errors > 50);
    CU_ASSERT_EQUAL(bad, 0);
}

static void test_format_float_known_values_and_errors(void)
{
    char *s = nd_format_float_positional(1.999, .precision = 2);
    CU_ASSERT_STRING_EQUAL(s, "2.");
    nd_free_mem(s);
    s = nd_format_float_positional(0.5, .precision = 3, .no_unique = true);
    CU_ASSERT_STRING_EQUAL(s, "0.500");
    nd_free_mem(s);
    s = nd_format_float_positional(12.0, .trim = '-', .pad_left = 5, .pad_right = 3);
    CU_ASSERT_STRING_EQUAL(s, "   12    ");
    nd_free_mem(s);
    s = nd_format_float_scientific(1e5, .exp_digits = ND_FMT_0);
    CU_ASSERT_STRING_EQUAL(s, "1.e+5");
    nd_free_mem(s);
    s = nd_format_float_scientific(0.1, .float32 = true, .no_unique = true, .precision = 10);
    CU_ASSERT_STRING_EQUAL(s, "1.0000000149e-01");
    nd_free_mem(s);
    s = nd_format_float_positional(2.5, .precision = ND_FMT_0);   /* half to even */
    CU_ASSERT_STRING_EQUAL(s, "2.");
    nd_free_mem(s);
    /* long exact expansions are not cut */
    s = nd_format_float_positional(1e300, .no_unique = true, .precision = 5);
    CU_ASSERT_PTR_NOT_NULL_FATAL(s);
    CU_ASSERT_EQUAL(strlen(s), 301 + 1 + 5);
    nd_free_mem(s);
    CU_ASSERT_PTR_NULL(nd_format_float_positional(1.0, .no_unique = true));
    CU_ASSERT_PTR_NOT_NULL(strstr(nd_errmsg(), "precision"));
    CU_ASSERT_PTR_NULL(nd_format_float_positional(1.0, .trim = 'x'));
    CU_ASSERT_PTR_NOT_NULL(strstr(nd_errmsg(), "trim"));
    CU_ASSERT_PTR_NULL(nd_format_float_positional(1.0, .precision = 2, .min_digits = 3));
    CU_ASSERT_PTR_NULL(nd_format_float_positional(1.0, .precision = -5));
    CU_ASSERT_PTR_NOT_NULL(strstr(nd_errmsg(), "precision = -5"));
    CU_ASSERT_PTR_NULL(nd_format_float_scientific(1.0, .pad_right = 3));
    CU_ASSERT_PTR_NULL(nd_format_float_positional_(NULL));
}

static void test_printoptions_scope_restores(void)
{
    nd_printoptions before = nd_get_printoptions();
    const double v[2] = { 1.0 / 3, 2.0 };
    nd_array *a = nd_from_f64(v, 2);
    nd_printoptions o = before;
    o.precision = 3;
    CU_ASSERT_EQUAL(nd_printoptions_begin(&o), ND_OK);
    char *s = nd_str(a);
    CU_ASSERT_STRING_EQUAL(s, "[0.333 2.   ]");
    nd_free_mem(s);
    nd_printoptions inner = o;
    inner.precision = 1;
    CU_ASSERT_EQUAL(nd_printoptions_begin(&inner), ND_OK);   /* nested */
    CU_ASSERT_EQUAL(nd_get_printoptions().precision, 1);
    CU_ASSERT_EQUAL(nd_printoptions_end(), ND_OK);
    CU_ASSERT_EQUAL(nd_get_printoptions().precision, 3);
    CU_ASSERT_EQUAL(nd_printoptions_end(), ND_OK);
    CU_ASSERT_EQUAL(nd_get_printoptions().precision, before.precision);
    s = nd_str(a);
    CU_ASSERT_STRING_EQUAL(s, "[0.33333333 2.        ]");
    nd_free_mem(s);
    /* an end without a begin is an error, not a crash */
    CU_ASSERT_EQUAL(nd_printoptions_end(), ND_EVALUE);
    CU_ASSERT_PTR_NOT_NULL(strstr(nd_errmsg(), "nd_printoptions_begin"));
    nd_free(a);
}

/* The arrays of gen_printoptions() in scripts/gen_iorand_fixtures.py. */
static nd_array *po_array(const char *name)
{
    const double I = INFINITY, N = NAN;
    if (!strcmp(name, "mixed")) {
        const double v[6] = { 1.5, -2.25, N, I, -I, 0.0 };
        return nd_from_f64(v, 6);
    }
    if (!strcmp(name, "pos")) {
        const double v[3] = { 1.5, 2.0, 30.125 };
        return nd_from_f64(v, 3);
    }
    if (!strcmp(name, "posnan")) {
        const double v[3] = { 1.5, N, I };
        return nd_from_f64(v, 3);
    }
    if (!strcmp(name, "neg")) {
        const double v[2] = { -1.0, 2.0 };
        return nd_from_f64(v, 2);
    }
    if (!strcmp(name, "sci")) {
        const double v[4] = { 1e-8, 3.0, 1e9, N };
        return nd_from_f64(v, 4);
    }
    if (!strcmp(name, "allnan")) {
        const double v[2] = { N, I };
        return nd_from_f64(v, 2);
    }
    /* numpy: [1+2j, nan+1j, 3 - inf*1j] (inf*1j is nan+infj) */
    const double c[6] = { 1, 2, N, 1, N, -I };
    return nd_from_buffer(c, ND_SHAPE(3), ND_COMPLEX128);
}

static void test_printoptions_sign_nanstr_infstr_match_numpy(void)
{
    FILE *f = fopen(NUMC_TEST_DATA "/iorand/printoptions.txt", "r");
    CU_ASSERT_PTR_NOT_NULL_FATAL(f);
    char *line = NULL;
    size_t cap = 0;
    int cases = 0, bad = 0;
    while (fixture_getline(f, &line, &cap)) {
        line[strcspn(line, "\n")] = 0;
        char *col[5];
        char *p = line;
        for (int i = 0; i < 5; i++) {
            col[i] = p;
            p = i < 4 ? strchr(p, '|') : NULL;
            if (i < 4) {
                CU_ASSERT_PTR_NOT_NULL_FATAL(p);
                *p++ = 0;
            }
        }
        nd_printoptions o = { 0 };
        o.sign = col[1][0];
        o.nanstr = col[2];
        o.infstr = col[3];
        nd_array *a = po_array(col[0]);
        CU_ASSERT_EQUAL(nd_printoptions_begin(&o), ND_OK);
        char *s = nd_str(a);
        CU_ASSERT_EQUAL(nd_printoptions_end(), ND_OK);
        if (!s || strcmp(s, col[4]) != 0) {
            if (bad++ < 6)
                fprintf(stderr, "\n%s sign '%s' %s/%s: got '%s' want '%s'", col[0], col[1], col[2],
                        col[3], s ? s : "(null)", col[4]);
        }
        nd_free_mem(s);
        nd_free(a);
        cases++;
    }
    free(line);
    fclose(f);
    CU_ASSERT_EQUAL(cases, 63);
    CU_ASSERT_EQUAL(bad, 0);
    nd_printoptions bad_sign = { .sign = 'x' };
    CU_ASSERT_EQUAL(nd_printoptions_begin(&bad_sign), ND_EVALUE);
    CU_ASSERT_EQUAL(nd_get_printoptions().sign, '-');
    CU_ASSERT_STRING_EQUAL(nd_get_printoptions().nanstr, "nan");
}

static const ND_TEST tests[] = {
    ND_T(test_printoptions_sign_nanstr_infstr_match_numpy),
    ND_T(test_format_float_matches_numpy),
    ND_T(test_format_float_known_values_and_errors),
    ND_T(test_printoptions_scope_restores),
    { 0 },
};
ND_TEST_MAIN("print_format", tests)
