/* histogram family, bincount, digitize against NumPy 1.24. */
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

static nd_array *skew(void) { return load("skew", ND_SHAPE(500)); }

static const char *rules[] = { "10", "7", "auto", "fd", "sturges", "scott", "rice", "sqrt", "doane" };

static void test_histogram_counts_and_rules_match_numpy(void)
{
    nd_array *x = skew();
    for (int i = 0; i < 9; i++) {
        nd_array *h = NULL, *e = NULL;
        nd_status st = i < 2 ? nd_histogram(x, &h, &e, i == 0 ? 10 : 7)
                             : nd_histogram(x, &h, &e, 0, .rule = (nd_bin_rule)(i - 1));
        CU_ASSERT_EQUAL(st, ND_OK);
        if (i >= 2) {
            CU_ASSERT_STRING_EQUAL(nd_bin_rule_name((nd_bin_rule)(i - 1)), rules[i]);
            CU_ASSERT_EQUAL(nd_bin_rule_from_name(rules[i]), i - 1);
        }
        char nm[64];
        snprintf(nm, sizeof nm, "hist_skew_%s_counts", rules[i]);
        CU_ASSERT_EQUAL(nd_dtype_of(h), ND_INT64);
        expect(h, nm, 0);
        snprintf(nm, sizeof nm, "hist_skew_%s_edges", rules[i]);
        expect(e, nm, 0);
        nd_array *e2 = i < 2 ? nd_histogram_bin_edges(x, i == 0 ? 10 : 7)
                             : nd_histogram_bin_edges(x, 0, .rule = (nd_bin_rule)(i - 1));
        expect(e2, nm, 0);
        nd_free(e2);
        nd_free(h);
        nd_free(e);
    }
    nd_free(x);
}

static void test_histogram_range_weights_density(void)
{
    nd_array *x = skew(), *w = load("weights500", ND_SHAPE(500));
    nd_array *h, *e;
    CU_ASSERT_EQUAL(nd_histogram(x, &h, &e, 12, .range = (const double[]){ 1.0, 5.0 }), ND_OK);
    expect(h, "hist_range_counts", 0);
    expect(e, "hist_range_edges", 0);
    nd_free(h);
    nd_free(e);
    CU_ASSERT_EQUAL(nd_histogram(x, &h, &e, 0, .rule = ND_BINS_AUTO,
                                 .range = (const double[]){ 1.0, 5.0 }), ND_OK);
    expect(h, "hist_auto_range_counts", 0);
    expect(e, "hist_auto_range_edges", 0);
    nd_free(h);
    nd_free(e);
    CU_ASSERT_EQUAL(nd_histogram(x, &h, NULL, 8, .weights = w), ND_OK);
    CU_ASSERT_EQUAL(nd_dtype_of(h), ND_FLOAT64);
    expect(h, "hist_weights", 1e-13);
    nd_free(h);
    CU_ASSERT_EQUAL(nd_histogram(x, &h, NULL, 8, .density = true), ND_OK);
    expect(h, "hist_density", 1e-14);
    nd_free(h);
    CU_ASSERT_EQUAL(nd_histogram(x, &h, NULL, 8, .weights = w, .density = true), ND_OK);
    expect(h, "hist_weights_density", 1e-13);
    nd_free(h);
    const double ev[7] = { 0.0, 0.5, 1.0, 2.5, 4.0, 4.1, 10.0 };
    nd_array *edges = nd_from_f64(ev, 7);
    CU_ASSERT_EQUAL(nd_histogram(x, &h, &e, 0, .edges = edges), ND_OK);
    expect(h, "hist_edges_counts", 0);
    CU_ASSERT_EQUAL(nd_size(e), 7);
    nd_free(h);
    nd_free(e);
    nd_free(edges);
    nd_free(x);
    nd_free(w);
}

static void test_histogram_integer_and_constant_data(void)
{
    int n = fixture("ints", fx, 8192);
    int64_t iv[64];
    for (int i = 0; i < n; i++) iv[i] = (int64_t)fx[i];
    nd_array *ints = nd_from_i64(iv, n), *h, *e;
    CU_ASSERT_EQUAL(nd_histogram(ints, &h, &e, 5), ND_OK);
    expect(h, "hist_ints_counts", 0);
    expect(e, "hist_ints_edges", 0);
    nd_free(h);
    nd_free(e);
    nd_free(ints);
    nd_array *c = nd_full(ND_SHAPE(5), ND_FLOAT64, ND_F64(3.0));
    CU_ASSERT_EQUAL(nd_histogram(c, &h, &e, 10), ND_OK);
    expect(h, "hist_const_counts", 0);
    expect(e, "hist_const_edges", 0);
    nd_free(h);
    nd_free(e);
    nd_free(c);
}

static void test_histogram_edge_values_land_like_numpy(void)
{
    /* values on interior edges go right, the last edge is closed, and 0.7 falls below
     * edge 7 = 7 * 0.1 = 0.7000000000000001 (NumPy: [1 1 1 1 0 0 1 0 0 1]) */
    const double v[7] = { 0.0, 0.1, 0.2, 0.30000000000000004, 0.7, 1.0, 1.0000001 };
    nd_array *a = nd_from_f64(v, 7), *h;
    CU_ASSERT_EQUAL(nd_histogram(a, &h, NULL, 10, .range = (const double[]){ 0.0, 1.0 }), ND_OK);
    const int64_t want[10] = { 1, 1, 1, 1, 0, 0, 1, 0, 0, 1 };
    for (int i = 0; i < 10; i++) CU_ASSERT_EQUAL(nd_get_i64(h, ND_IDX(i)), want[i]);
    nd_free(h);
    nd_free(a);
}

static void test_histogram2d_and_dd_match_numpy(void)
{
    nd_array *full = skew(), *x = nd_view(full, ":300");
    nd_array *y = load("ys300", ND_SHAPE(300)), *H, *xe, *ye;
    CU_ASSERT_EQUAL(nd_histogram2d(x, y, &H, &xe, &ye, 0, .bins_each = (const ptrdiff_t[]){ 5, 4 }),
                    ND_OK);
    CU_ASSERT_EQUAL(nd_shape(H)[0], 5);
    CU_ASSERT_EQUAL(nd_shape(H)[1], 4);
    expect(H, "h2d", 0);
    expect(xe, "h2d_xe", 0);
    expect(ye, "h2d_ye", 0);
    nd_free(H);
    nd_free(xe);
    nd_free(ye);
    CU_ASSERT_EQUAL(nd_histogram2d(x, y, &H, NULL, NULL, 6,
                                   .range = (const double[]){ 0, 6, -2, 2 }, .density = true), ND_OK);
    expect(H, "h2d_range_density", 1e-14);
    nd_free(H);
    /* 3-D sample: x, y, x*y with weights */
    double s[900], xv[300], yv[300];
    nd_to_f64(x, xv);
    nd_to_f64(y, yv);
    for (int i = 0; i < 300; i++) {
        s[3 * i] = xv[i];
        s[3 * i + 1] = yv[i];
        s[3 * i + 2] = xv[i] * yv[i];
    }
    nd_array *sample = nd_from_buffer(s, ND_SHAPE(300, 3), ND_FLOAT64);
    nd_array *w = load("weights500", ND_SHAPE(500)), *w300 = nd_view(w, ":300");
    nd_array *ed[3];
    CU_ASSERT_EQUAL(nd_histogramdd(sample, &H, ed, 0, .bins_each = (const ptrdiff_t[]){ 3, 2, 4 },
                                   .weights = w300), ND_OK);
    expect(H, "hdd_w", 1e-13);
    expect(ed[2], "hdd_e2", 0);
    nd_free(H);
    for (int i = 0; i < 3; i++) nd_free(ed[i]);
    nd_free(sample);
    nd_free(w);
    nd_free(w300);
    nd_free(x);
    nd_free(y);
    nd_free(full);
}

static void test_bincount_and_digitize_match_numpy(void)
{
    int n = fixture("bc_x", fx, 8192);
    int64_t iv[64];
    for (int i = 0; i < n; i++) iv[i] = (int64_t)fx[i];
    nd_array *x = nd_from_i64(iv, n), *w = load("weights500", ND_SHAPE(500));
    nd_array *w60 = nd_view(w, ":60");
    nd_array *b = nd_bincount(x, NULL, 0);
    CU_ASSERT_EQUAL(nd_dtype_of(b), ND_INT64);
    expect(b, "bc", 0);
    nd_free(b);
    b = nd_bincount(x, w60, 15);
    expect(b, "bc_w_min", 1e-15);
    nd_free(b);
    nd_free(x);
    nd_free(w);
    nd_free(w60);
    nd_array *dx = load("dig_x", ND_SHAPE(9));
    const double inc[4] = { 0.0, 1.0, 2.5, 4.0 }, dec[4] = { 4.0, 2.5, 1.0, 0.0 };
    nd_array *bi = nd_from_f64(inc, 4), *bd = nd_from_f64(dec, 4);
    nd_array *r = nd_digitize(dx, bi, false);
    expect(r, "dig_inc", 0);
    nd_free(r);
    r = nd_digitize(dx, bi, true);
    expect(r, "dig_inc_right", 0);
    nd_free(r);
    r = nd_digitize(dx, bd, false);
    expect(r, "dig_dec", 0);
    nd_free(r);
    r = nd_digitize(dx, bd, true);
    expect(r, "dig_dec_right", 0);
    nd_free(r);
    nd_free(dx);
    nd_free(bi);
    nd_free(bd);
}

static void test_bad_histogram_input(void)
{
    nd_array *x = skew(), *h = NULL, *e = NULL;
    CU_ASSERT_EQUAL(nd_histogram(x, &h, &e, -3), ND_EVALUE);
    CU_ASSERT_PTR_NOT_NULL(strstr(nd_errmsg(), "`bins` must be positive"));
    CU_ASSERT_PTR_NOT_NULL(strstr(nd_errmsg(), "`bins` must be positive"));
    CU_ASSERT_EQUAL(nd_histogram2d(x, x, &h, NULL, NULL, 0), ND_EVALUE);
    CU_ASSERT_PTR_NOT_NULL(strstr(nd_errmsg(), "`bins[0]` must be positive"));
    CU_ASSERT_PTR_NULL(h);
    const double bad[4] = { 0, 2, 1, 3 };
    nd_array *be = nd_from_f64(bad, 4);
    CU_ASSERT_EQUAL(nd_histogram(x, &h, &e, 0, .edges = be), ND_EVALUE);
    CU_ASSERT_PTR_NOT_NULL(strstr(nd_errmsg(), "must increase monotonically"));
    CU_ASSERT_EQUAL(nd_histogram(x, &h, &e, 5, .range = (const double[]){ 3, 1 }), ND_EVALUE);
    CU_ASSERT_PTR_NOT_NULL(strstr(nd_errmsg(), "max must be larger than min"));
    nd_array *w = nd_ones(ND_SHAPE(499), ND_FLOAT64);
    CU_ASSERT_EQUAL(nd_histogram(x, &h, &e, 5, .weights = w), ND_ESHAPE);
    CU_ASSERT_PTR_NOT_NULL(strstr(nd_errmsg(), "weights should have the same shape as a"));
    const double inf[2] = { 1, INFINITY };
    nd_array *fi = nd_from_f64(inf, 2);
    CU_ASSERT_EQUAL(nd_histogram(fi, &h, &e, 5), ND_EVALUE);
    CU_ASSERT_PTR_NOT_NULL(strstr(nd_errmsg(), "not finite"));
    CU_ASSERT_EQUAL(nd_bin_rule_from_name("nope"), -1);
    const int64_t neg[3] = { 1, -2, 3 };
    nd_array *ni = nd_from_i64(neg, 3);
    CU_ASSERT_PTR_NULL(nd_bincount(ni, NULL, 0));
    CU_ASSERT_PTR_NOT_NULL(strstr(nd_errmsg(), "no negative elements"));
    CU_ASSERT_PTR_NULL(nd_bincount(x, NULL, 0));
    CU_ASSERT_EQUAL(nd_last_error(), ND_EDTYPE);
    CU_ASSERT_PTR_NULL(nd_digitize(x, be, false));
    CU_ASSERT_PTR_NOT_NULL(strstr(nd_errmsg(), "monotonically increasing or decreasing"));
    nd_array *empty = nd_zeros(ND_SHAPE(0), ND_INT64), *bc = nd_bincount(empty, NULL, 4);
    CU_ASSERT_EQUAL(nd_size(bc), 4);
    nd_free(bc);
    nd_free(empty);
    nd_free(ni);
    nd_free(fi);
    nd_free(w);
    nd_free(be);
    nd_free(x);
}

static const ND_TEST tests[] = {
    ND_T(test_histogram_counts_and_rules_match_numpy),
    ND_T(test_histogram_range_weights_density),
    ND_T(test_histogram_integer_and_constant_data),
    ND_T(test_histogram_edge_values_land_like_numpy),
    ND_T(test_histogram2d_and_dd_match_numpy),
    ND_T(test_bincount_and_digitize_match_numpy),
    ND_T(test_bad_histogram_input),
    { 0 },
};
ND_TEST_MAIN("stats_hist", tests)
