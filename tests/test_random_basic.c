/* Basic distributions against NumPy's Generator streams (exact equality). */
#include <numc/random.h>
#include <stdio.h>
#include <string.h>

#include "fixture.h"

#define FX NUMC_TEST_DATA "/random/dist.txt"

static int fixture(const char *name, double *out, int cap) { return fixture_values(FX, name, out, cap); }

static double want[20000];

/* Compare an array (any dtype, read as double) with fixture `name`, exactly. */
static void expect_fixture(const nd_array *a, const char *name)
{
    CU_ASSERT_PTR_NOT_NULL_FATAL(a);
    int n = fixture(name, want, 20000);
    CU_ASSERT_FATAL(n > 0);
    CU_ASSERT_EQUAL_FATAL(nd_size(a), n);
    if (n <= 0) return; /* unreachable after the fatal asserts; tells the compiler n > 0 */
    double *got = malloc((size_t)n * sizeof *got);
    nd_to_f64(a, got);
    int bad = 0, first = -1;
    for (int i = 0; i < n; i++)
        if (got[i] != want[i]) {
            if (first < 0) first = i;
            bad++;
        }
    if (bad)
        printf("\n  %s: %d of %d differ (first at %d: %.17g vs %.17g)\n", name, bad, n, first,
               got[first], want[first]);
    CU_ASSERT_EQUAL(bad, 0);
    free(got);
}

static void test_random_f64_and_f32_match_numpy(void)
{
    nd_rng *r = nd_rng_new(42);
    nd_array *a = nd_rng_random(r, ND_SHAPE(2000), ND_FLOAT64);
    expect_fixture(a, "random_f64");
    nd_array *b = nd_rng_random(r, ND_SHAPE(2000), ND_FLOAT32);
    CU_ASSERT_EQUAL(nd_dtype_of(b), ND_FLOAT32);
    expect_fixture(b, "random_f32");
    nd_free(a);
    nd_free(b);
    nd_rng_free(r);
}

static void test_standard_normal_ziggurat_matches_numpy(void)
{
    nd_rng *r = nd_rng_new(42);
    nd_array *a = nd_rng_standard_normal(r, ND_SHAPE(100, 100), ND_FLOAT64);
    CU_ASSERT_EQUAL(nd_ndim(a), 2);
    expect_fixture(a, "standard_normal_f64");
    nd_free(a);
    nd_rng_free(r);
    r = nd_rng_new(43);
    a = nd_rng_standard_normal(r, ND_SHAPE(5000), ND_FLOAT32);
    expect_fixture(a, "standard_normal_f32");
    nd_free(a);
    nd_rng_free(r);
}

static void test_standard_exponential_ziggurat_matches_numpy(void)
{
    nd_rng *r = nd_rng_new(44);
    nd_array *a = nd_rng_standard_exponential(r, ND_SHAPE(5000), ND_FLOAT64);
    expect_fixture(a, "standard_exponential_f64");
    nd_free(a);
    nd_rng_free(r);
    r = nd_rng_new(45);
    a = nd_rng_standard_exponential(r, ND_SHAPE(5000), ND_FLOAT32);
    expect_fixture(a, "standard_exponential_f32");
    nd_free(a);
    nd_rng_free(r);
}

static void test_normal_uniform_exponential_match_numpy(void)
{
    nd_rng *r = nd_rng_new(46);
    nd_array *a = nd_rng_normal(r, 1.0, 2.0, ND_SHAPE(100));
    expect_fixture(a, "normal_1_2");
    nd_array *b = nd_rng_uniform(r, -2.0, 3.0, ND_SHAPE(100));
    expect_fixture(b, "uniform_m2_3");
    nd_array *c = nd_rng_exponential(r, 3.0, ND_SHAPE(100));
    expect_fixture(c, "exponential_3");
    nd_free(a);
    nd_free(b);
    nd_free(c);
    nd_rng_free(r);
}

static void test_integers_every_path_matches_numpy(void)
{
    nd_rng *r = nd_rng_new(47);
    struct { int64_t lo, hi; nd_dtype dt; bool endpoint; int n; const char *name; } cases[] = {
        { 0, 10, ND_INT64, false, 200, "integers_0_10" },
        { -5, 5, ND_INT64, true, 200, "integers_m5_5_endpoint" },
        { 0, (int64_t)1 << 40, ND_INT64, false, 200, "integers_0_2p40" },
        { -128, 127, ND_INT8, true, 200, "integers_i8_full" },
        { 0, 1000, ND_UINT16, false, 200, "integers_u16_1000" },
        { -7, 100, ND_INT32, false, 200, "integers_i32_m7_100" },
        { 0, 2, ND_BOOL, false, 200, "integers_bool" },
        { INT64_MIN, INT64_MAX, ND_INT64, true, 50, "integers_full_i64" },
        { 0, 200, ND_UINT8, false, 200, "integers_u8_0_200" },
        { 0, 10, ND_INT64, false, 5, "integers_after_u8" },
    };
    for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
        nd_array *a = nd_rng_integers(r, cases[i].lo, cases[i].hi, ND_SHAPE(cases[i].n),
                                      cases[i].dt, cases[i].endpoint);
        CU_ASSERT_EQUAL(nd_dtype_of(a), cases[i].dt);
        if (cases[i].dt == ND_INT64 && cases[i].n == 50) {
            /* beyond double precision: compare the int64 values themselves */
            nd_rng *s = nd_rng_new(47);
            (void)s;
            nd_rng_free(s);
            int n = fixture(cases[i].name, want, 20000);
            CU_ASSERT_EQUAL(n, 50);
            for (int k = 0; k < n; k++)
                ND_ASSERT_CLOSE((double)nd_get_i64(a, ND_IDX(k)), want[k], 1e-15);
        } else {
            expect_fixture(a, cases[i].name);
        }
        nd_free(a);
    }
    nd_rng_free(r);
}

static void test_into_noncontiguous_and_float32_outputs(void)
{
    nd_rng *r = nd_rng_new(42), *s = nd_rng_new(42);
    nd_array *big = nd_zeros(ND_SHAPE(4, 6), ND_FLOAT64);
    nd_array *v = nd_view(big, ":, ::2");
    CU_ASSERT_EQUAL(nd_rng_standard_normal_into(r, v), ND_OK);
    nd_array *ref = nd_rng_standard_normal(s, ND_SHAPE(4, 3), ND_FLOAT64);
    for (int i = 0; i < 4; i++)
        for (int j = 0; j < 3; j++) {
            CU_ASSERT_EQUAL(nd_get_f64(big, ND_IDX(i, 2 * j)), nd_get_f64(ref, ND_IDX(i, j)));
            CU_ASSERT_EQUAL(nd_get_f64(big, ND_IDX(i, 2 * j + 1)), 0.0);
        }
    nd_array *f = nd_empty(ND_SHAPE(10), ND_FLOAT32);
    CU_ASSERT_EQUAL(nd_rng_uniform_into(r, 5.0, 6.0, f), ND_OK);
    for (int i = 0; i < 10; i++) {
        double x = nd_get_f64(f, ND_IDX(i));
        CU_ASSERT(x >= 5.0 && x <= 6.0);
    }
    nd_array *ints = nd_empty(ND_SHAPE(3), ND_INT32);
    CU_ASSERT_EQUAL(nd_rng_normal_into(r, 0, 1, ints), ND_EDTYPE);
    nd_free(big);
    nd_free(v);
    nd_free(ref);
    nd_free(f);
    nd_free(ints);
    nd_rng_free(r);
    nd_rng_free(s);
}

static void test_bad_parameters_are_errors(void)
{
    nd_rng *r = nd_rng_new(1);
    CU_ASSERT_PTR_NULL(nd_rng_normal(r, 0, -1, ND_SHAPE(3)));
    CU_ASSERT_EQUAL(nd_last_error(), ND_EVALUE);
    CU_ASSERT_PTR_NOT_NULL(strstr(nd_errmsg(), "nd_rng_normal"));
    CU_ASSERT_PTR_NULL(nd_rng_exponential(r, -2, ND_SHAPE(3)));
    CU_ASSERT_PTR_NULL(nd_rng_integers(r, 5, 5, ND_SHAPE(3), ND_INT64, false));
    CU_ASSERT_PTR_NOT_NULL(strstr(nd_errmsg(), "low >= high"));
    CU_ASSERT_PTR_NULL(nd_rng_integers(r, 0, 300, ND_SHAPE(3), ND_UINT8, false));
    CU_ASSERT_PTR_NOT_NULL(strstr(nd_errmsg(), "out of bounds for uint8"));
    CU_ASSERT_PTR_NULL(nd_rng_integers(r, -1, 3, ND_SHAPE(3), ND_UINT32, false));
    CU_ASSERT_PTR_NULL(nd_rng_integers(r, 0, 3, ND_SHAPE(3), ND_FLOAT64, false));
    CU_ASSERT_EQUAL(nd_last_error(), ND_EDTYPE);
    CU_ASSERT_PTR_NULL(nd_rng_random(r, ND_SHAPE(3), ND_INT32));
    CU_ASSERT_PTR_NULL(nd_rng_uniform(r, 0, INFINITY, ND_SHAPE(3)));
    CU_ASSERT_PTR_NULL(nd_rng_random(r, ND_SHAPE(-1), ND_FLOAT64));
    nd_array *a = nd_rng_integers(r, 3, 3, ND_SHAPE(4), ND_INT16, true);
    for (int i = 0; i < 4; i++) CU_ASSERT_EQUAL(nd_get_i64(a, ND_IDX(i)), 3);
    nd_free(a);
    nd_rng_free(r);
}

static const ND_TEST tests[] = {
    ND_T(test_random_f64_and_f32_match_numpy),
    ND_T(test_standard_normal_ziggurat_matches_numpy),
    ND_T(test_standard_exponential_ziggurat_matches_numpy),
    ND_T(test_normal_uniform_exponential_match_numpy),
    ND_T(test_integers_every_path_matches_numpy),
    ND_T(test_into_noncontiguous_and_float32_outputs),
    ND_T(test_bad_parameters_are_errors),
    { 0 },
};
ND_TEST_MAIN("random_basic", tests)
