/* median / percentile / quantile (+ nan-variants) against NumPy 1.24. */
#include <numc/stats.h>
#include <stdio.h>
#include <string.h>

#include "fixture.h"

static double fx[8192];

#define FX NUMC_TEST_DATA "/stats/stats.txt"

static int fixture(const char *name, double *out, int cap) { return fixture_values(FX, name, out, cap); }

/* Fixture as a new float64 array of the given shape. */
static nd_array *load(const char *name, int ndim, const ptrdiff_t *shape)
{
    int n = fixture(name, fx, 8192);
    CU_ASSERT_FATAL(n > 0);
    nd_array *a = nd_from_buffer(fx, ndim, shape, ND_FLOAT64);
    CU_ASSERT_FATAL(nd_size(a) == n);
    return a;
}

/* a equals fixture `name` within rtol (0: exactly; NaN equals NaN). */
static void expect(const nd_array *a, const char *name, double rtol) { fixture_expect(FX, name, a, rtol); }

static const char *methods[] = {
    "linear", "lower", "higher", "nearest", "midpoint", "inverted_cdf",
    "averaged_inverted_cdf", "closest_observation", "interpolated_inverted_cdf", "hazen",
    "weibull", "median_unbiased", "normal_unbiased",
};
static const double QS[8] = { 0, 5, 12.5, 25, 50, 73, 95, 100 };

static void test_percentile_every_method_matches_numpy(void)
{
    nd_array *x37 = load("x37", ND_SHAPE(37)), *x10 = load("x10", ND_SHAPE(10));
    int ni = fixture("ints", fx, 8192);
    int64_t iv[64];
    for (int i = 0; i < ni; i++) iv[i] = (int64_t)fx[i];
    nd_array *ints = nd_from_i64(iv, ni);
    nd_array *q = nd_from_f64(QS, 8);
    for (int m = 0; m < 13; m++) {
        CU_ASSERT_EQUAL(nd_quantile_method_from_name(methods[m]), m);
        CU_ASSERT_STRING_EQUAL(nd_quantile_method_name((nd_quantile_method)m), methods[m]);
        char nm[96];
        nd_array *r = nd_percentiles(x37, q, .method = (nd_quantile_method)m);
        snprintf(nm, sizeof nm, "pct_x37_%s", methods[m]);
        expect(r, nm, 0);
        nd_free(r);
        r = nd_percentiles(x10, q, .method = (nd_quantile_method)m);
        snprintf(nm, sizeof nm, "pct_x10_%s", methods[m]);
        expect(r, nm, 0);
        nd_free(r);
        r = nd_percentiles(ints, q, .method = (nd_quantile_method)m);
        snprintf(nm, sizeof nm, "pct_ints_%s", methods[m]);
        expect(r, nm, 0);
        /* methods that pick an element keep the integer dtype */
        bool disc = m == 1 || m == 2 || m == 3 || m == 5 || m == 7;
        CU_ASSERT_EQUAL(nd_dtype_of(r), disc ? ND_INT64 : ND_FLOAT64);
        nd_free(r);
    }
    nd_array *one = nd_view(x10, ":1"), *r = nd_percentiles(one, q);
    expect(r, "pct_x10_one_elem", 0);
    nd_free(r);
    nd_free(one);
    CU_ASSERT_EQUAL(nd_quantile_method_from_name("bogus"), -1);
    nd_free(q);
    nd_free(x37);
    nd_free(x10);
    nd_free(ints);
}

static void test_scalar_percentile_and_quantile_agree(void)
{
    nd_array *x37 = load("x37", ND_SHAPE(37));
    nd_array *p = nd_percentile(x37, 73, .method = ND_Q_HAZEN);
    nd_array *q = nd_quantile(x37, 0.73, .method = ND_Q_HAZEN);
    CU_ASSERT_EQUAL(nd_ndim(p), 0);
    double want[8];
    fixture("pct_x37_hazen", want, 8);
    ND_ASSERT_CLOSE(nd_item_f64(p), want[5], 1e-15);
    ND_ASSERT_CLOSE(nd_item_f64(q), want[5], 1e-15);
    nd_free(p);
    nd_free(q);
    nd_free(x37);
}

static void test_median_axes_match_numpy(void)
{
    nd_array *m = load("m67", ND_SHAPE(6, 7));
    nd_array *r = nd_median(m);
    CU_ASSERT_EQUAL(nd_ndim(r), 0);
    expect(r, "median_m67_all", 0);
    nd_free(r);
    r = nd_median(m, .axis = 0);
    expect(r, "median_m67_ax0", 0);
    nd_free(r);
    r = nd_median(m, .axis = -1, .keepdims = true);
    CU_ASSERT_EQUAL(nd_ndim(r), 2);
    CU_ASSERT_EQUAL(nd_shape(r)[0], 6);
    CU_ASSERT_EQUAL(nd_shape(r)[1], 1);
    expect(r, "median_m67_ax1", 0);
    nd_free(r);
    const double qq[2] = { 10, 90 };
    nd_array *q = nd_from_f64(qq, 2);
    r = nd_percentiles(m, q, .axis = 1);
    CU_ASSERT_EQUAL(nd_shape(r)[0], 2);
    CU_ASSERT_EQUAL(nd_shape(r)[1], 6);
    expect(r, "pct_m67_ax1_q", 0);
    nd_free(r);
    nd_free(q);
    nd_array *m3 = load("m3", ND_SHAPE(2, 3, 6));
    r = nd_percentile(m3, 40, .axes = ND_AXES(0, 2));
    expect(r, "pct_m3_ax02", 0);
    nd_free(r);
    const double q2[2] = { 0.2, 0.7 };
    q = nd_from_f64(q2, 2);
    r = nd_quantiles(m3, q, .axes = ND_AXES(1, 2), .method = ND_Q_HAZEN);
    expect(r, "quantile_m3_ax12_hazen", 0);
    nd_free(r);
    nd_free(q);
    nd_free(m3);
    nd_free(m);
    int ni = fixture("ints", fx, 8192);
    int64_t iv[64];
    for (int i = 0; i < ni; i++) iv[i] = (int64_t)fx[i];
    nd_array *ints = nd_from_i64(iv, ni);
    r = nd_median(ints);
    CU_ASSERT_EQUAL(nd_dtype_of(r), ND_FLOAT64);
    expect(r, "median_ints", 0);
    nd_free(r);
    nd_free(ints);
}

static void test_nan_variants_match_numpy(void)
{
    nd_array *m = load("mn", ND_SHAPE(6, 7));
    nd_stats_warnings();
    nd_array *r = nd_nanmedian(m, .axis = 0);
    expect(r, "nanmedian_mn_ax0", 0);
    CU_ASSERT_EQUAL(nd_stats_warnings(), ND_WARN_ALL_NAN); /* column 5 is all NaN */
    CU_ASSERT_EQUAL(nd_stats_warnings(), 0u);
    nd_free(r);
    r = nd_median(m, .axis = 1);
    expect(r, "median_mn_ax1", 0);
    nd_free(r);
    const double qq[2] = { 25, 75 };
    nd_array *q = nd_from_f64(qq, 2);
    r = nd_nanpercentiles(m, q, .axis = 1);
    expect(r, "nanpct_mn_ax1", 0);
    nd_free(r);
    nd_free(q);
    r = nd_nanquantile(m, 0.3);
    expect(r, "nanquantile_mn_all", 0);
    nd_free(r);
    nd_free(m);
}

static void test_empty_input_gives_nan_and_warning(void)
{
    nd_array *e = nd_zeros(ND_SHAPE(0), ND_FLOAT64);
    nd_stats_warnings();
    nd_array *r = nd_median(e);
    CU_ASSERT(isnan(nd_item_f64(r)));
    CU_ASSERT_EQUAL(nd_stats_warnings(), ND_WARN_EMPTY);
    nd_free(r);
    /* NumPy: percentile/quantile of an empty axis raise IndexError, nanpercentile warns */
    nd_clear_error();
    CU_ASSERT_PTR_NULL(nd_percentile(e, 50));
    CU_ASSERT_EQUAL(nd_last_error(), ND_EINDEX);
    CU_ASSERT_PTR_NULL(nd_quantile(e, 0.5));
    r = nd_nanpercentile(e, 50);
    CU_ASSERT(isnan(nd_item_f64(r)));
    CU_ASSERT(nd_stats_warnings() & ND_WARN_EMPTY);
    nd_free(r);
    nd_free(e);
    /* an empty axis over no slices is an empty result, as NumPy's (3, 0) along axis 0 */
    nd_array *e2 = nd_zeros(ND_SHAPE(3, 0), ND_FLOAT64);
    r = nd_percentile(e2, 50, 0);
    CU_ASSERT_PTR_NOT_NULL_FATAL(r);
    CU_ASSERT_EQUAL(nd_size(r), 0);
    nd_free(r);
    nd_free(e2);
}

static void test_float32_median_stays_float32(void)
{
    const float v[4] = { 1.5f, -2.25f, 7.0f, 3.0f };
    nd_array *a = nd_from_buffer(v, ND_SHAPE(4), ND_FLOAT32);
    nd_array *r = nd_median(a);
    CU_ASSERT_EQUAL(nd_dtype_of(r), ND_FLOAT32);
    CU_ASSERT_EQUAL(nd_item_f64(r), 2.25);
    nd_free(r);
    r = nd_percentile(a, 50);
    CU_ASSERT_EQUAL(nd_dtype_of(r), ND_FLOAT64);
    nd_free(r);
    nd_free(a);
}

static void test_selection_on_large_and_adversarial_inputs(void)
{
    /* sorted, reversed, constant and organ-pipe inputs: compare with the definition */
    enum { N = 100001 };
    double *v = malloc(N * sizeof *v);
    for (int kind = 0; kind < 4; kind++) {
        for (int i = 0; i < N; i++)
            v[i] = kind == 0 ? i : kind == 1 ? N - i : kind == 2 ? 5.0 : (i < N / 2 ? i : N - i);
        nd_array *a = nd_from_f64(v, N);
        nd_array *r = nd_median(a);
        double want = kind == 0 ? N / 2 : kind == 1 ? N / 2 + 1 : kind == 2 ? 5.0 : 25000.0;
        CU_ASSERT_EQUAL(nd_item_f64(r), want);
        nd_free(r);
        const double qq[3] = { 5, 50, 95 };
        nd_array *q = nd_from_f64(qq, 3);
        r = nd_percentiles(a, q);
        if (kind == 0) {
            CU_ASSERT_EQUAL(nd_get_f64(r, ND_IDX(0)), 5000.0);
            CU_ASSERT_EQUAL(nd_get_f64(r, ND_IDX(2)), 95000.0);
        }
        nd_free(r);
        nd_free(q);
        nd_free(a);
    }
    free(v);
}

static void test_bad_quantile_arguments(void)
{
    nd_array *a = nd_arange(0, 10, 1, ND_FLOAT64);
    CU_ASSERT_PTR_NULL(nd_percentile(a, 101));
    CU_ASSERT_EQUAL(nd_last_error(), ND_EVALUE);
    CU_ASSERT_PTR_NOT_NULL(strstr(nd_errmsg(), "Percentiles must be in the range [0, 100]"));
    CU_ASSERT_PTR_NULL(nd_quantile(a, -0.1));
    CU_ASSERT_PTR_NOT_NULL(strstr(nd_errmsg(), "nd_quantile: Quantiles"));
    CU_ASSERT_PTR_NULL(nd_percentile(a, NAN));
    CU_ASSERT_PTR_NULL(nd_median(a, .axis = 1));
    CU_ASSERT_EQUAL(nd_last_error(), ND_EAXIS);
    CU_ASSERT_PTR_NULL(nd_percentile(a, 50, .method = (nd_quantile_method)99));
    nd_free(a);
}

static const ND_TEST tests[] = {
    ND_T(test_percentile_every_method_matches_numpy),
    ND_T(test_scalar_percentile_and_quantile_agree),
    ND_T(test_median_axes_match_numpy),
    ND_T(test_nan_variants_match_numpy),
    ND_T(test_empty_input_gives_nan_and_warning),
    ND_T(test_float32_median_stays_float32),
    ND_T(test_selection_on_large_and_adversarial_inputs),
    ND_T(test_bad_quantile_arguments),
    { 0 },
};
ND_TEST_MAIN("stats_quantile", tests)
