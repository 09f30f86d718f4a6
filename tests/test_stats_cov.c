/* average, cov, corrcoef, correlate against NumPy 1.24. */
#include <math.h>
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

static void test_average_matches_numpy(void)
{
    nd_array *m = load("m67", ND_SHAPE(6, 7));
    nd_array *r = nd_average(m);
    CU_ASSERT_EQUAL(nd_ndim(r), 0);
    expect(r, "avg_m67", 1e-15);
    nd_free(r);
    const double w7[7] = { 1.0, 2.0, 0.5, 3.0, 1.0, 0.0, 2.0 };
    nd_array *w = nd_from_f64(w7, 7);
    r = nd_average(m, .weights = w, .axis = 1);
    expect(r, "avg_m67_ax1_w", 1e-15);
    nd_free(r);
    /* full-shape weights |m| + 1 with the sums of weights returned */
    double mv[42];
    nd_to_f64(m, mv);
    for (int i = 0; i < 42; i++) mv[i] = fabs(mv[i]) + 1;
    nd_array *wf = nd_from_buffer(mv, ND_SHAPE(6, 7), ND_FLOAT64), *sw = NULL;
    r = nd_average(m, .weights = wf, .axis = 0, .sum_of_weights = &sw);
    expect(r, "avg_m67_ax0_wfull", 1e-15);
    expect(sw, "avg_m67_ax0_wsum", 1e-15);
    nd_free(r);
    nd_free(sw);
    r = nd_average(m, .axis = 1, .keepdims = true);
    CU_ASSERT_EQUAL(nd_ndim(r), 2);
    CU_ASSERT_EQUAL(nd_shape(r)[1], 1);
    nd_free(r);
    /* errors: weights shape, zero sum, no axis */
    nd_array *w6 = nd_ones(ND_SHAPE(6), ND_FLOAT64), *z = nd_zeros(ND_SHAPE(7), ND_FLOAT64);
    CU_ASSERT_PTR_NULL(nd_average(m, .weights = w6, .axis = 1));
    CU_ASSERT_PTR_NOT_NULL(strstr(nd_errmsg(), "Length of weights"));
    CU_ASSERT_PTR_NULL(nd_average(m, .weights = w6));
    CU_ASSERT_PTR_NOT_NULL(strstr(nd_errmsg(), "Axis must be specified"));
    CU_ASSERT_PTR_NULL(nd_average(m, .weights = z, .axis = 1));
    CU_ASSERT_PTR_NOT_NULL(strstr(nd_errmsg(), "Weights sum to zero"));
    nd_free(w6);
    nd_free(z);
    nd_free(w);
    nd_free(wf);
    nd_free(m);
}

static void test_cov_options_match_numpy(void)
{
    nd_array *m = load("m67", ND_SHAPE(6, 7));
    nd_array *r = nd_cov(m, NULL);
    CU_ASSERT_EQUAL(nd_shape(r)[0], 6);
    expect(r, "cov_m67", 1e-13);
    nd_free(r);
    r = nd_cov(m, NULL, .columns_are_vars = true);
    CU_ASSERT_EQUAL(nd_shape(r)[0], 7);
    expect(r, "cov_m67_cols", 1e-13);
    nd_free(r);
    r = nd_cov(m, NULL, .bias = true);
    expect(r, "cov_m67_bias", 1e-13);
    nd_free(r);
    r = nd_cov(m, NULL, .ddof = 3, .has_ddof = true);
    expect(r, "cov_m67_ddof3", 1e-13);
    nd_free(r);
    const int64_t fw[7] = { 1, 2, 1, 3, 1, 2, 2 };
    const double aw[7] = { 0.5, 1.0, 2.0, 1.0, 0.3, 1.5, 1.0 };
    nd_array *f = nd_from_i64(fw, 7), *a = nd_from_f64(aw, 7);
    r = nd_cov(m, NULL, .fweights = f);
    expect(r, "cov_m67_fw", 1e-13);
    nd_free(r);
    r = nd_cov(m, NULL, .aweights = a);
    expect(r, "cov_m67_aw", 1e-13);
    nd_free(r);
    r = nd_cov(m, NULL, .fweights = f, .aweights = a);
    expect(r, "cov_m67_fw_aw", 1e-13);
    nd_free(r);
    nd_array *x10 = load("x10", ND_SHAPE(10)), *x7 = nd_view(x10, ":7"), *row0 = nd_view(m, "0");
    r = nd_cov(x7, row0);
    CU_ASSERT_EQUAL(nd_shape(r)[0], 2);
    expect(r, "cov_xy", 1e-13);
    nd_free(r);
    r = nd_cov(x10, NULL);
    CU_ASSERT_EQUAL(nd_ndim(r), 0); /* one variable squeezes to 0-d */
    expect(r, "cov_1var", 1e-14);
    nd_free(r);
    /* bad weights */
    const double negw[7] = { 1, -1, 1, 1, 1, 1, 1 }, frac[7] = { 1, 1.5, 1, 1, 1, 1, 1 };
    nd_array *nw = nd_from_f64(negw, 7), *fr = nd_from_f64(frac, 7), *w5 = nd_ones(ND_SHAPE(5), ND_FLOAT64);
    CU_ASSERT_PTR_NULL(nd_cov(m, NULL, .aweights = nw));
    CU_ASSERT_PTR_NOT_NULL(strstr(nd_errmsg(), "aweights cannot be negative"));
    CU_ASSERT_PTR_NULL(nd_cov(m, NULL, .fweights = fr));
    CU_ASSERT_PTR_NOT_NULL(strstr(nd_errmsg(), "fweights must be integer"));
    CU_ASSERT_PTR_NULL(nd_cov(m, NULL, .fweights = w5));
    CU_ASSERT_EQUAL(nd_last_error(), ND_ESHAPE);
    nd_array *cube = nd_zeros(ND_SHAPE(2, 2, 2), ND_FLOAT64);
    CU_ASSERT_PTR_NULL(nd_cov(cube, NULL));
    CU_ASSERT_PTR_NOT_NULL(strstr(nd_errmsg(), "more than 2 dimensions"));
    /* ddof >= N: warning, not failure */
    nd_stats_warnings();
    r = nd_cov(m, NULL, .ddof = 7, .has_ddof = true);
    CU_ASSERT_PTR_NOT_NULL(r);
    CU_ASSERT_EQUAL(nd_stats_warnings(), ND_WARN_DOF);
    nd_free(r);
    nd_free(cube);
    nd_free(nw);
    nd_free(fr);
    nd_free(w5);
    nd_free(f);
    nd_free(a);
    nd_free(x7);
    nd_free(x10);
    nd_free(row0);
    nd_free(m);
}

static void test_corrcoef_matches_numpy(void)
{
    nd_array *m = load("m67", ND_SHAPE(6, 7));
    nd_array *r = nd_corrcoef(m, NULL);
    expect(r, "corr_m67", 1e-13);
    for (int i = 0; i < 6; i++) CU_ASSERT_EQUAL(nd_get_f64(r, ND_IDX(i, i)), 1.0);
    nd_free(r);
    r = nd_corrcoef(m, NULL, .columns_are_vars = true);
    expect(r, "corr_m67_cols", 1e-13);
    nd_free(r);
    nd_free(m);
}

static void test_correlate_modes_match_numpy(void)
{
    nd_array *x = load("x10", ND_SHAPE(10));
    const double vv[3] = { 0.5, -1.0, 2.0 }, v4[4] = { 1, 2, 3, 4 };
    nd_array *v = nd_from_f64(vv, 3), *w = nd_from_f64(v4, 4);
    const char *names[3] = { "valid", "same", "full" };
    for (int m = 0; m < 3; m++) {
        char nm[64];
        nd_array *r = nd_correlate(x, v, (nd_correlate_mode)m);
        snprintf(nm, sizeof nm, "correlate_%s", names[m]);
        expect(r, nm, 1e-14);
        nd_free(r);
        r = nd_correlate(v, x, (nd_correlate_mode)m);
        snprintf(nm, sizeof nm, "correlate_rev_%s", names[m]);
        expect(r, nm, 1e-14);
        nd_free(r);
    }
    nd_array *r = nd_correlate(x, w, ND_MODE_SAME);
    expect(r, "correlate_even_same", 1e-14);
    nd_free(r);
    nd_array *e = nd_zeros(ND_SHAPE(0), ND_FLOAT64);
    CU_ASSERT_PTR_NULL(nd_correlate(e, v, ND_MODE_FULL));
    CU_ASSERT_PTR_NOT_NULL(strstr(nd_errmsg(), "cannot be empty"));
    nd_free(e);
    nd_free(x);
    nd_free(v);
    nd_free(w);
}

/* One summation for the whole library: nd_average and nd_cov centre with the same pairwise
 * sum as nd_mean, bit for bit. The data (wide range, cancellation) round differently under
 * a naive sum and also under NumPy's 128-element/8-accumulator pairwise tree, which
 * nd_average used before the two summations became one. */
static void test_average_and_cov_mean_equal_nd_mean_bitwise(void)
{
    enum { N = 1 << 20, R = 3, C = 100003 };
    nd_array *a = nd_empty(ND_SHAPE(N), ND_FLOAT64);
    CU_ASSERT_FATAL(a != NULL);
    double *p = nd_data(a), naive = 0;
    for (ptrdiff_t i = 0; i < N; i++) {
        p[i] = sin((double)i) * pow(10.0, (double)(i % 13)) + 1.0 / (double)(1 + i % 7);
        naive += p[i];
    }
    nd_array *m = nd_mean(a), *av = nd_average(a);
    CU_ASSERT_FATAL(m && av);
    double mv = *(double *)nd_data(m), avv = *(double *)nd_data(av);
    CU_ASSERT(naive / N != mv); /* the data tell the two summations apart */
    CU_ASSERT(memcmp(&mv, &avv, sizeof mv) == 0);
    nd_free(m);
    nd_free(av);

    /* rows of a 2-D array, averaged along the contiguous axis */
    nd_array *b = nd_empty(ND_SHAPE(R, C), ND_FLOAT64);
    CU_ASSERT_FATAL(b != NULL);
    double *q = nd_data(b);
    for (ptrdiff_t i = 0; i < R * C; i++) q[i] = sin((double)i) * pow(10.0, (double)(i % 13)) + 1.0 / (double)(1 + i % 7);
    m = nd_mean(b, .axis = 1);
    av = nd_average(b, .axis = 1);
    CU_ASSERT_FATAL(m && av);
    CU_ASSERT(memcmp(nd_data(m), nd_data(av), R * sizeof(double)) == 0);
    nd_free(m);
    nd_free(av);
    nd_free(b);

    /* A constant variable (a check against a naive mean; any pairwise tree sums equal
     * values alike): with the pairwise mean mu, every deviation is d = 0.1 - mu
     * (exact, a few ulp), each d*d is exact and any order sums N copies exactly, so the
     * biased covariance is (0.1 - mu)^2 exactly when cov's mean is nd_mean's. */
    naive = 0;
    for (ptrdiff_t i = 0; i < N; i++) {
        p[i] = 0.1;
        naive += p[i];
    }
    m = nd_mean(a);
    nd_array *cv = nd_cov(a, NULL, .bias = true);
    CU_ASSERT_FATAL(m && cv);
    mv = *(double *)nd_data(m);
    CU_ASSERT(naive / N != mv);
    double d = 0.1 - mv, want = d * d, got = *(double *)nd_data(cv);
    CU_ASSERT(memcmp(&want, &got, sizeof got) == 0);
    nd_free(m);
    nd_free(cv);
    nd_free(a);
}

static const ND_TEST tests[] = {
    ND_T(test_average_and_cov_mean_equal_nd_mean_bitwise),
    ND_T(test_average_matches_numpy),
    ND_T(test_cov_options_match_numpy),
    ND_T(test_corrcoef_matches_numpy),
    ND_T(test_correlate_modes_match_numpy),
    { 0 },
};
ND_TEST_MAIN("stats_cov", tests)
