/* The keyword macros mean what NumPy means (issue 14, "wrong numbers without an error"):
 * .axis = k is axis k, a positional argument after the array is NumPy's positional
 * argument, a tuple of axes is .axes, and a stray positional into a ufunc is an error.
 * Expected values are NumPy's for a = np.arange(12.).reshape(3, 4) (checked with
 * python3 -c "import numpy as np; ..."; small enough to write down). The traps that must
 * not compile are in tests/compile_fail. */
#include <math.h>
#include <string.h>

#include <numc/numc.h>

#include "testutil.h"

static nd_array *a34(void)
{
    nd_array *r = nd_arange(0, 12, 1, ND_FLOAT64);
    nd_array *a = nd_reshape(r, ND_SHAPE(3, 4));
    nd_free(r);
    return a;
}

/* r is 1-D (or n-D) float; compare its values with want[] and free it. */
static void expect_vals(nd_array *r, const double *want, int n, double tol)
{
    CU_ASSERT_PTR_NOT_NULL_FATAL(r);
    CU_ASSERT_EQUAL_FATAL(nd_size(r), n);
    double got[64];
    CU_ASSERT_EQUAL(nd_to_f64(r, got), ND_OK);
    for (int i = 0; i < n; i++) CU_ASSERT_DOUBLE_EQUAL(got[i], want[i], tol);
    nd_free(r);
}

static void test_axis_keyword_is_that_axis(void)
{
    nd_array *a = a34();
    /* np.mean(a, axis=1) = [1.5, 5.5, 9.5]; axis=0 = [4, 5, 6, 7] */
    expect_vals(nd_mean(a, .axis = 1), (const double[]){ 1.5, 5.5, 9.5 }, 3, 0);
    expect_vals(nd_mean(a, .axis = 0), (const double[]){ 4, 5, 6, 7 }, 4, 0);
    expect_vals(nd_mean(a, .axis = -1), (const double[]){ 1.5, 5.5, 9.5 }, 3, 0);
    expect_vals(nd_argmax(a, .axis = 1), (const double[]){ 3, 3, 3 }, 3, 0);
    expect_vals(nd_cumsum(a, .axis = 1), (const double[]){ 0, 1, 3, 6, 4, 9, 15, 22, 8, 17, 27, 38 }, 12, 0);
    nd_free(a);
}

static void test_positional_axis_is_numpys(void)
{
    nd_array *a = a34();
    /* a.sum(0) = [12, 15, 18, 21]; a.std(1) = sqrt(1.25) each; a.std() = 3.452052529534663 */
    expect_vals(nd_sum(a, 0), (const double[]){ 12, 15, 18, 21 }, 4, 0);
    expect_vals(nd_std(a, 1), (const double[]){ 1.118033988749895, 1.118033988749895, 1.118033988749895 }, 3, 1e-15);
    expect_vals(nd_std(a), (const double[]){ 3.452052529534663 }, 1, 1e-15);
    /* np.percentile(a, 50, 1) = [1.5, 5.5, 9.5]; np.median(a, 0) = [4, 5, 6, 7];
     * np.average(a, 1) = [1.5, 5.5, 9.5] */
    expect_vals(nd_percentile(a, 50, 1), (const double[]){ 1.5, 5.5, 9.5 }, 3, 0);
    expect_vals(nd_median(a, 0), (const double[]){ 4, 5, 6, 7 }, 4, 0);
    expect_vals(nd_average(a, 1), (const double[]){ 1.5, 5.5, 9.5 }, 3, 0);
    /* np.fft.fft(a, 2, 0): n = 2 along axis 0 → shape (2, 4), first row the column sums
     * of the first two rows [4, 6, 8, 10] */
    nd_array *f = nd_fft(a, 2, 0);
    CU_ASSERT_PTR_NOT_NULL_FATAL(f);
    CU_ASSERT_EQUAL(nd_shape(f)[0], 2);
    CU_ASSERT_EQUAL(nd_shape(f)[1], 4);
    nd_array *fr = nd_real(f);
    expect_vals(fr, (const double[]){ 4, 6, 8, 10, -4, -4, -4, -4 }, 8, 1e-12);
    nd_free(f);
    /* np.linalg.norm(a, None, 1)[0] = sqrt(14) */
    nd_array *nr = nd_norm(a, NULL, 1);
    CU_ASSERT_PTR_NOT_NULL_FATAL(nr);
    CU_ASSERT_EQUAL(nd_size(nr), 3);
    nd_free(nr);
    expect_vals(nd_norm(a, .axis = 1), (const double[]){ sqrt(14.0), sqrt(126.0), sqrt(366.0) }, 3, 1e-12);
    nd_free(a);
}

static void test_axes_tuple_and_conflicts(void)
{
    nd_array *a = a34();
    expect_vals(nd_sum(a, .axes = ND_AXES(0, 1)), (const double[]){ 66 }, 1, 0);
    expect_vals(nd_sum(a, .axes = ND_AXES(1)), (const double[]){ 6, 22, 38 }, 3, 0);
    CU_ASSERT_PTR_NULL(nd_sum(a, .axis = 1, .axes = ND_AXES(0)));
    CU_ASSERT_EQUAL(nd_last_error(), ND_EVALUE);
    CU_ASSERT_PTR_NOT_NULL(strstr(nd_errmsg(), "not both"));
    CU_ASSERT_PTR_NULL(nd_sum(a, 2));
    CU_ASSERT_EQUAL(nd_last_error(), ND_EAXIS);
    /* code that fills the struct itself starts from the defaults (all axes) */
    nd_reduce_opts o = ND_REDUCE_DEFAULTS;
    expect_vals(nd_sum_(a, &o), (const double[]){ 66 }, 1, 0);
    expect_vals(nd_sum_(a, NULL), (const double[]){ 66 }, 1, 0);
    o.axis = 0;
    expect_vals(nd_sum_(a, &o), (const double[]){ 12, 15, 18, 21 }, 4, 0);
    nd_free(a);
}

static void test_ufunc_stray_positional_is_an_error(void)
{
    nd_array *a = a34();
    /* np.add(a, 1, 2) raises (out must be an array); an array there does not compile */
    CU_ASSERT_PTR_NULL(nd_add(a, 1.0, 2.0));
    CU_ASSERT_EQUAL(nd_last_error(), ND_EVALUE);
    CU_ASSERT_PTR_NOT_NULL(strstr(nd_errmsg(), "positional"));
    CU_ASSERT_PTR_NOT_NULL(strstr(nd_errmsg(), "nd_add_into"));
    nd_array *out = nd_zeros(ND_SHAPE(3, 4), ND_FLOAT64);
    CU_ASSERT_EQUAL(nd_add_into(out, a, 1.0), ND_OK);
    expect_vals(nd_sum(out), (const double[]){ 78 }, 1, 0);
    /* direct callers with a zero-initialised struct are fine */
    nd_array *s = nd_ufunc2_(ND_UF_ADD, ND_OPERAND(a), ND_OPERAND(1.0), &(nd_ufunc_opts){ 0 });
    expect_vals(nd_sum(s), (const double[]){ 78 }, 1, 0);
    nd_free(s);
    nd_free(out);
    nd_free(a);
}

static void test_gradient_positional_axis(void)
{
    nd_array *a = a34(), *g[2] = { NULL, NULL };
    /* np.gradient(a, axis=0) = 4 everywhere; one output */
    CU_ASSERT_EQUAL(nd_gradient(a, g, 0), ND_OK);
    CU_ASSERT_PTR_NULL(g[1]);
    expect_vals(g[0], (const double[]){ 4, 4, 4, 4, 4, 4, 4, 4, 4, 4, 4, 4 }, 12, 0);
    CU_ASSERT_EQUAL(nd_gradient(a, g, .axis = 1), ND_OK);
    expect_vals(g[0], (const double[]){ 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1 }, 12, 0);
    nd_free(a);
}

static void test_histogram_default_is_ten_bins(void)
{
    nd_array *x = nd_arange(0, 100, 1, ND_FLOAT64), *h = NULL, *e = NULL, *h10 = NULL;
    /* np.histogram(np.arange(100.)) → 10 bins of 10 */
    CU_ASSERT_EQUAL(nd_histogram(x, &h, &e), ND_OK);
    CU_ASSERT_EQUAL(nd_size(h), 10);
    CU_ASSERT_EQUAL(nd_size(e), 11);
    CU_ASSERT_EQUAL(nd_histogram(x, &h10, NULL, 10), ND_OK);
    CU_ASSERT_EQUAL(nd_array_equal(h, h10, false), 1);
    expect_vals(h, (const double[]){ 10, 10, 10, 10, 10, 10, 10, 10, 10, 10 }, 10, 0);
    nd_free(h10);
    nd_free(e);
    nd_free(x);
}

static void test_index_count_is_checked(void)
{
    nd_array *a = a34();
    CU_ASSERT_EQUAL(nd_get_f64(a, ND_IDX(1, 2)), 6);
    CU_ASSERT_EQUAL(nd_get_f64(a, ND_IDX(-1, -1)), 11);
    /* one index into a 2-D array used to read past the index array */
    CU_ASSERT(isnan(nd_get_f64(a, ND_IDX(1))));
    CU_ASSERT_EQUAL(nd_last_error(), ND_EINDEX);
    CU_ASSERT_PTR_NOT_NULL(strstr(nd_errmsg(), "1 indices for a 2-dimensional array"));
    CU_ASSERT_EQUAL(nd_get_i64(a, ND_IDX(0, 1, 2)), 0);
    CU_ASSERT_EQUAL(nd_last_error(), ND_EINDEX);
    CU_ASSERT_PTR_NOT_NULL(strstr(nd_errmsg(), "too many indices for array: array is 2-dimensional, but 3 were indexed"));
    CU_ASSERT_EQUAL(nd_set_f64(a, ND_IDX(2), 1.0), ND_EINDEX);
    CU_ASSERT_EQUAL(nd_set_i64(a, ND_IDX(2, 3, 0), 1), ND_EINDEX);
    CU_ASSERT_EQUAL(nd_get_u64(a, ND_IDX(5)), 0u);
    CU_ASSERT_EQUAL(nd_last_error(), ND_EINDEX);
    CU_ASSERT_EQUAL(nd_get_bool(a, ND_IDX(1)), false);
    CU_ASSERT_EQUAL(nd_last_error(), ND_EINDEX);
    double re = 1, im = 1;
    CU_ASSERT_EQUAL(nd_get_c128(a, ND_IDX(1), &re, &im), ND_EINDEX);
    nd_scalar sc;
    CU_ASSERT_EQUAL(nd_get(a, ND_IDX(0), &sc), ND_EINDEX);
    CU_ASSERT_EQUAL(nd_set(a, 2, NULL, ND_F64(0)), ND_EINDEX);
    CU_ASSERT_PTR_NULL(nd_ptr(a, ND_IDX(1)));
    CU_ASSERT_PTR_NOT_NULL(nd_ptr(a, ND_IDX(1, 1)));
    CU_ASSERT_EQUAL(nd_set_f64(a, ND_IDX(2, 3), 40.5), ND_OK);
    CU_ASSERT_EQUAL(nd_get_f64(a, ND_IDX(2, 3)), 40.5);
    nd_free(a);
}

static void test_item_of_size_one_arrays(void)
{
    nd_array *a = a34();
    nd_array *s = nd_std(a);
    /* np.arange(12.).reshape(3, 4).std().item() */
    CU_ASSERT_EQUAL(nd_item_f64(s), 3.452052529534663);
    nd_free(s);
    s = nd_sum(a, .keepdims = true); /* shape (1, 1): .item() works for any ndim */
    CU_ASSERT_EQUAL(nd_item_i64(s), 66);
    CU_ASSERT_EQUAL(nd_item_u64(s), 66u);
    CU_ASSERT_EQUAL(nd_item_bool(s), true);
    double re = 0, im = 1;
    CU_ASSERT_EQUAL(nd_item_c128(s, &re, &im), ND_OK);
    CU_ASSERT_EQUAL(re, 66);
    CU_ASSERT_EQUAL(im, 0);
    nd_scalar sc;
    CU_ASSERT_EQUAL(nd_item(s, &sc), ND_OK);
    CU_ASSERT_EQUAL(sc.dtype, ND_FLOAT64);
    CU_ASSERT_EQUAL(sc.v.f, 66);
    nd_free(s);
    /* size != 1: ValueError in NumPy */
    CU_ASSERT(isnan(nd_item_f64(a)));
    CU_ASSERT_EQUAL(nd_last_error(), ND_EVALUE);
    CU_ASSERT_PTR_NOT_NULL(strstr(nd_errmsg(), "can only convert an array of size 1"));
    CU_ASSERT_EQUAL(nd_item_i64(a), 0);
    CU_ASSERT_EQUAL(nd_item_c128(a, &re, &im), ND_EVALUE);
    CU_ASSERT_EQUAL(nd_item(a, &sc), ND_EVALUE);
    nd_array *z = nd_zeros(ND_SHAPE(0), ND_FLOAT64);
    CU_ASSERT_EQUAL(nd_item_bool(z), false);
    CU_ASSERT_EQUAL(nd_last_error(), ND_EVALUE);
    nd_free(z);
    nd_free(a);
}

static const ND_TEST tests[] = {
    ND_T(test_axis_keyword_is_that_axis),
    ND_T(test_positional_axis_is_numpys),
    ND_T(test_axes_tuple_and_conflicts),
    ND_T(test_ufunc_stray_positional_is_an_error),
    ND_T(test_gradient_positional_axis),
    ND_T(test_histogram_default_is_ten_bins),
    ND_T(test_index_count_is_checked),
    ND_T(test_item_of_size_one_arrays),
    { 0 },
};
ND_TEST_MAIN("keywords", tests)
