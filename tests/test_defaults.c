/* NumPy's default arguments may be left out ("the first hour of a C programmer"): each
 * short call gives what NumPy gives for the same call, and every long call still works.
 * Expected values from /usr/bin/python3 (NumPy 2):
 *     a = np.array([[3., 1., 2.], [0., 5., 4.]])
 *     np.sort(a), np.argsort(a), np.eye(3, 4, 1), np.fft.fftfreq(4), np.fft.rfftfreq(4),
 *     np.round([0.5, 1.5, 2.675]), np.round([0.5, 1.5, 2.675], 2), np.linspace(0, 1)[1], np.diff(a),
 *     np.diff([1., 4., 9., 16.], 2)
 *     rng = np.random.default_rng(42); rng.normal(size=3)   (a new rng for each line)
 *     rng.uniform(size=3); rng.normal(5, size=2); rng.integers(10, size=5);
 *     rng.integers(-5, 5, size=4)
 *     np.concatenate((a, a)), np.histogram([0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 9.5])
 * Missing required arguments are in tests/compile_fail (fail_*_missing_*.c). */
#include <numc/numc.h>

#include "testutil.h"

static nd_array *sample(void)
{
    nd_array *flat = nd_from_f64((const double[]){ 3, 1, 2, 0, 5, 4 }, 6);
    nd_array *a = nd_reshape(flat, ND_SHAPE(2, 3));
    nd_free(flat);
    return a;
}

/* Compare r's values (any real dtype) with want[] and free r. */
static void expect_vals(nd_array *r, const double *want, int n)
{
    CU_ASSERT_PTR_NOT_NULL_FATAL(r);
    CU_ASSERT_EQUAL_FATAL(nd_size(r), n);
    double got[64];
    CU_ASSERT_EQUAL(nd_to_f64(r, got), ND_OK);
    for (int i = 0; i < n; i++) CU_ASSERT_DOUBLE_EQUAL(got[i], want[i], 1e-15);
    nd_free(r);
}

static void test_creation_defaults_to_float64(void)
{
    nd_array *z = nd_zeros(ND_SHAPE(2, 3)), *o = nd_ones(ND_SHAPE(4)), *e = nd_empty(ND_SHAPE(1, 2));
    CU_ASSERT_EQUAL(nd_dtype_of(z), ND_FLOAT64);
    CU_ASSERT_EQUAL(nd_dtype_of(o), ND_FLOAT64);
    CU_ASSERT_EQUAL(nd_dtype_of(e), ND_FLOAT64);
    CU_ASSERT_EQUAL(nd_ndim(z), 2);
    expect_vals(o, (const double[]){ 1, 1, 1, 1 }, 4);
    nd_array *i = nd_zeros(ND_SHAPE(2), ND_INT32);
    CU_ASSERT_EQUAL(nd_dtype_of(i), ND_INT32);
    nd_free(i);
    nd_free(z);
    nd_free(e);
}

static void test_eye_and_identity(void)
{
    nd_array *e = nd_eye(3);
    CU_ASSERT_EQUAL(nd_dtype_of(e), ND_FLOAT64);
    CU_ASSERT_EQUAL(nd_shape(e)[1], 3);
    expect_vals(e, (const double[]){ 1, 0, 0, 0, 1, 0, 0, 0, 1 }, 9);
    expect_vals(nd_eye(3, 4, 1), (const double[]){ 0, 1, 0, 0, 0, 0, 1, 0, 0, 0, 0, 1 }, 12);
    nd_array *id = nd_identity(2);
    CU_ASSERT_EQUAL(nd_dtype_of(id), ND_FLOAT64);
    expect_vals(id, (const double[]){ 1, 0, 0, 1 }, 4);
    nd_array *ei = nd_eye(2, 2, 0, ND_INT64);
    CU_ASSERT_EQUAL(nd_dtype_of(ei), ND_INT64);
    nd_free(ei);
}

static void test_sort_defaults_to_last_axis(void)
{
    nd_array *a = sample();
    expect_vals(nd_sort(a), (const double[]){ 1, 2, 3, 0, 4, 5 }, 6);
    expect_vals(nd_argsort(a), (const double[]){ 1, 2, 0, 0, 2, 1 }, 6);
    expect_vals(nd_sort(a, 0), (const double[]){ 0, 1, 2, 3, 5, 4 }, 6);
    expect_vals(nd_sort(a, ND_AXIS_NONE, ND_SORT_STABLE), (const double[]){ 0, 1, 2, 3, 4, 5 }, 6);
    nd_free(a);
}

static void test_transpose_reverses_axes(void)
{
    nd_array *a = sample();
    nd_array *t = nd_transpose(a);
    CU_ASSERT_EQUAL(nd_shape(t)[0], 3);
    expect_vals(t, (const double[]){ 3, 0, 1, 5, 2, 4 }, 6);
    nd_free(a);
}

static void test_fftfreq_spacing_defaults_to_one(void)
{
    expect_vals(nd_fftfreq(4), (const double[]){ 0, 0.25, -0.5, -0.25 }, 4);
    expect_vals(nd_rfftfreq(4), (const double[]){ 0, 0.25, 0.5 }, 3);
    expect_vals(nd_fftfreq(4, 0.5), (const double[]){ 0, 0.5, -1, -0.5 }, 4);
}

static void test_round_defaults_to_zero_decimals(void)
{
    nd_array *a = nd_from_f64((const double[]){ 0.5, 1.5, 2.675 }, 3);
    expect_vals(nd_round(a), (const double[]){ 0, 2, 3 }, 3);
    expect_vals(nd_round(a, 2), (const double[]){ 0.5, 1.5, 2.68 }, 3);
    nd_free(a);
}

static void test_linspace_defaults_to_fifty(void)
{
    nd_array *l = nd_linspace(0, 1);
    CU_ASSERT_EQUAL_FATAL(nd_size(l), 50);
    CU_ASSERT_EQUAL(nd_dtype_of(l), ND_FLOAT64);
    double v[50];
    CU_ASSERT_EQUAL(nd_to_f64(l, v), ND_OK);
    CU_ASSERT_EQUAL(v[1], 0.02040816326530612);
    CU_ASSERT_EQUAL(v[49], 1.0);
    nd_free(l);
    expect_vals(nd_linspace(0, 1, 5), (const double[]){ 0, 0.25, 0.5, 0.75, 1 }, 5);
    expect_vals(nd_linspace(0, 1, .num = 4, .no_endpoint = true), (const double[]){ 0, 0.25, 0.5, 0.75 }, 4);
}

static void test_diff_defaults_to_first_order_last_axis(void)
{
    nd_array *a = sample();
    expect_vals(nd_diff(a), (const double[]){ -2, 1, 5, -1 }, 4);
    expect_vals(nd_diff(a, 1, 0), (const double[]){ -3, 4, 2 }, 3);
    expect_vals(nd_diff(a, .axis = 0), (const double[]){ -3, 4, 2 }, 3);
    nd_array *sq = nd_from_f64((const double[]){ 1, 4, 9, 16 }, 4);
    expect_vals(nd_diff(sq, 2), (const double[]){ 2, 2 }, 2);
    expect_vals(nd_diff_(sq, NULL), (const double[]){ 3, 5, 7 }, 3); /* NULL: the defaults */
    nd_free(sq);
    nd_free(a);
}

static void test_rng_draws_default_to_standard_parameters(void)
{
    nd_rng *r = nd_rng_new(42);
    expect_vals(nd_rng_normal(r, ND_SHAPE(3)),
                (const double[]){ 0.30471707975443135, -1.0399841062404955, 0.7504511958064572 }, 3);
    nd_rng_free(r);
    r = nd_rng_new(42);
    expect_vals(nd_rng_uniform(r, ND_SHAPE(3)),
                (const double[]){ 0.7739560485559633, 0.4388784397520523, 0.8585979199113825 }, 3);
    nd_rng_free(r);
    r = nd_rng_new(42);
    expect_vals(nd_rng_normal(r, 5, ND_SHAPE(2)), (const double[]){ 5.304717079754432, 3.9600158937595045 }, 2);
    nd_rng_free(r);
}

static void test_rng_integers_defaults(void)
{
    nd_rng *r = nd_rng_new(42);
    nd_array *k = nd_rng_integers(r, 10, ND_SHAPE(5));
    CU_ASSERT_PTR_NOT_NULL_FATAL(k);
    CU_ASSERT_EQUAL(nd_dtype_of(k), ND_INT64);
    expect_vals(k, (const double[]){ 0, 7, 6, 4, 4 }, 5);
    nd_rng_free(r);
    r = nd_rng_new(42);
    expect_vals(nd_rng_integers(r, -5, 5, ND_SHAPE(4)), (const double[]){ -5, 2, 1, -1 }, 4);
    nd_rng_free(r);
    /* The long form still works and gives the same stream. */
    r = nd_rng_new(42);
    expect_vals(nd_rng_integers(r, 0, 10, ND_SHAPE(5), ND_INT64, false),
                (const double[]){ 0, 7, 6, 4, 4 }, 5);
    nd_rng_free(r);
    r = nd_rng_new(42);
    nd_array *u = nd_rng_integers(r, 0, 10, ND_SHAPE(3), ND_UINT8);
    CU_ASSERT_PTR_NOT_NULL_FATAL(u);
    CU_ASSERT_EQUAL(nd_dtype_of(u), ND_UINT8);
    nd_free(u);
    nd_rng_free(r);
}

static void test_concatenate_defaults_to_axis_zero(void)
{
    nd_array *a = sample();
    nd_array *c = nd_concatenate(ND_ARRAYS(a, a));
    CU_ASSERT_PTR_NOT_NULL_FATAL(c);
    CU_ASSERT_EQUAL(nd_shape(c)[0], 4);
    CU_ASSERT_EQUAL(nd_shape(c)[1], 3);
    expect_vals(c, (const double[]){ 3, 1, 2, 0, 5, 4, 3, 1, 2, 0, 5, 4 }, 12);
    const nd_array *list[] = { a, a };
    c = nd_concatenate(2, list);
    CU_ASSERT_EQUAL(nd_shape(c)[0], 4);
    nd_free(c);
    c = nd_concatenate(ND_ARRAYS(a, a), 1);
    CU_ASSERT_EQUAL(nd_shape(c)[1], 6);
    expect_vals(c, (const double[]){ 3, 1, 2, 3, 1, 2, 0, 5, 4, 0, 5, 4 }, 12);
    c = nd_concatenate(2, list, ND_AXIS_NONE);
    CU_ASSERT_EQUAL(nd_ndim(c), 1);
    nd_free(c);
    nd_free(a);
}

static void test_histogram_defaults_to_ten_bins(void)
{
    nd_array *x = nd_from_f64((const double[]){ 0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 9.5 }, 11);
    nd_array *h = NULL, *e = NULL;
    CU_ASSERT_EQUAL_FATAL(nd_histogram(x, &h, &e), ND_OK);
    CU_ASSERT_EQUAL(nd_dtype_of(h), ND_INT64);
    expect_vals(h, (const double[]){ 1, 1, 1, 1, 1, 1, 1, 1, 1, 2 }, 10);
    CU_ASSERT_EQUAL(nd_size(e), 11);
    nd_free(e);
    CU_ASSERT_EQUAL_FATAL(nd_histogram(x, &h, NULL, 5), ND_OK);
    expect_vals(h, (const double[]){ 2, 2, 2, 2, 3 }, 5);
    nd_free(x);
}

static const ND_TEST tests[] = {
    ND_T(test_creation_defaults_to_float64),
    ND_T(test_eye_and_identity),
    ND_T(test_sort_defaults_to_last_axis),
    ND_T(test_transpose_reverses_axes),
    ND_T(test_fftfreq_spacing_defaults_to_one),
    ND_T(test_round_defaults_to_zero_decimals),
    ND_T(test_linspace_defaults_to_fifty),
    ND_T(test_diff_defaults_to_first_order_last_axis),
    ND_T(test_rng_draws_default_to_standard_parameters),
    ND_T(test_rng_integers_defaults),
    ND_T(test_concatenate_defaults_to_axis_zero),
    ND_T(test_histogram_defaults_to_ten_bins),
    { 0 },
};
ND_TEST_MAIN("defaults", tests)
