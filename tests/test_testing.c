/* numc/testing.h against numpy.testing (NumPy 1.24): assertions that hold return ND_OK;
 * failing ones return ND_EASSERT with NumPy's report, compared word for word with the text
 * tests/data/testing/gen_reports.py wrote to reports.txt from the same arrays. */
#include "testutil.h"

#include <numc/numc.h>
#include <numc/testing.h>
#include <stdio.h>
#include <string.h>

#define REPORTS NUMC_TEST_DATA "/testing/reports.txt"

#include "reports_text.h"

static int load_reports(void) { return reports_load(REPORTS); }

/* Compare one failing call's status, report and last error with NumPy's text. */
static void check(const char *name, const char *who, nd_status rc, char *report)
{
    char *want = expected(name);
    CU_ASSERT_PTR_NOT_NULL_FATAL(want);
    CU_ASSERT_EQUAL(rc, ND_EASSERT);
    CU_ASSERT_EQUAL(nd_last_error(), ND_EASSERT);
    CU_ASSERT_PTR_NOT_NULL(report);
    if (report && strcmp(report, want) != 0)
        fprintf(stderr, "\n  %s: report\n[%s]\n  NumPy:\n[%s]\n", name, report, want);
    if (report) CU_ASSERT_STRING_EQUAL(report, want);
    /* the last error: "who:" + report (a space before a report not starting a line) */
    char msg[1100];
    snprintf(msg, sizeof msg, "%s:%s%s", who, want[0] == '\n' ? "" : " ", want);
    if (strlen(msg) < 1023) CU_ASSERT_STRING_EQUAL(nd_errmsg(), msg);
    free(want);
    nd_free_mem(report);
}

/* The call runs before its report is read (argument evaluation order is unspecified). */
#define CHECK(name, who, call)          \
    do {                                \
        nd_status rc_ = (call);         \
        check((name), (who), rc_, r);   \
    } while (0)

static nd_array *f64(const double *v, ptrdiff_t n) { return nd_from_f64(v, n); }

static void test_allclose_reports(void)
{
    char *r = NULL;
    nd_array *x = nd_arange(0, 10, 1, ND_FLOAT64), *y = nd_arange(0, 10, 1, ND_FLOAT64);
    nd_set_f64(y, ND_IDX(1), 1.001);
    nd_set_f64(y, ND_IDX(4), 6);
    nd_set_f64(y, ND_IDX(7), 2);
    CHECK("allclose_basic", "nd_assert_allclose", nd_assert_allclose(x, y, .report = &r));
    CHECK("allclose_err_msg", "nd_assert_allclose",
          nd_assert_allclose(x, y, .err_msg = "hello", .report = &r));
    CHECK("allclose_long_err_msg", "nd_assert_allclose",
          nd_assert_allclose(x, y, .err_msg = "mmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmm",
                             .report = &r));
    nd_free(x);
    nd_free(y);

    x = nd_arange(0, 3, 1, ND_FLOAT64);
    y = nd_arange(0, 4, 1, ND_FLOAT64);
    CHECK("allclose_shapes", "nd_assert_allclose", nd_assert_allclose(x, y, .report = &r));
    nd_free(x);
    nd_free(y);

    x = f64((double[]){ 1, NAN }, 2);
    y = f64((double[]){ 1, 2 }, 2);
    CHECK("allclose_nan_location", "nd_assert_allclose", nd_assert_allclose(x, y, .report = &r));
    nd_free(x);
    nd_free(y);

    x = nd_scalar_array(ND_F64(1));
    CHECK("allclose_scalars", "nd_assert_allclose", nd_assert_allclose(x, 2, .report = &r));
    nd_free(x);

    x = nd_zeros(ND_SHAPE(2), ND_COMPLEX128);
    y = nd_zeros(ND_SHAPE(2), ND_COMPLEX128);
    nd_set(x, ND_IDX(0), ND_C128(1, 1));
    nd_set(x, ND_IDX(1), ND_C128(2, 0));
    nd_set(y, ND_IDX(0), ND_C128(1, 2));
    nd_set(y, ND_IDX(1), ND_C128(2, 0));
    CHECK("allclose_complex", "nd_assert_allclose", nd_assert_allclose(x, y, .report = &r));
    nd_free(x);
    nd_free(y);

    x = f64((double[]){ 0, 1 }, 2);
    y = f64((double[]){ 0, 0 }, 2);
    CHECK("allclose_rel_inf", "nd_assert_allclose", nd_assert_allclose(x, y, .report = &r));
    nd_free(x);
    nd_free(y);

    x = f64((double[]){ 1, 2, 3 }, 3);
    y = f64((double[]){ 1, 2.1, 3 }, 3);
    CHECK("allclose_tolerances", "nd_assert_allclose",
          nd_assert_allclose(x, y, 1e-3, 1e-5, .report = &r));
    nd_free(x);
    nd_free(y);

    x = f64((double[]){ NAN, 1 }, 2);
    CHECK("allclose_no_equal_nan", "nd_assert_allclose",
          nd_assert_allclose(x, x, .equal_nan = false, .report = &r));
    CU_ASSERT_EQUAL(nd_assert_allclose(x, x), ND_OK); /* equal_nan by default */
    /* NumPy's positional order: rtol, atol, equal_nan, err_msg */
    CU_ASSERT_EQUAL(nd_assert_allclose(x, x, 1e-7, 0, true), ND_OK);
    CU_ASSERT_EQUAL(nd_assert_allclose(x, x, 1e-7, 0, false), ND_EASSERT);
    CU_ASSERT_EQUAL(nd_assert_allclose(x, x, 1e-7, 0, false, "why", .report = &r), ND_EASSERT);
    CU_ASSERT_PTR_NOT_NULL_FATAL(r);
    CU_ASSERT_PTR_NOT_NULL(strstr(r, "why"));
    nd_free_mem(r);
    r = NULL;
    nd_free(x);

    x = nd_from_buffer((float[]){ 1, 2, 3 }, ND_SHAPE(3), ND_FLOAT32);
    y = nd_from_buffer((float[]){ 1, 2.5f, 3 }, ND_SHAPE(3), ND_FLOAT32);
    CHECK("allclose_f32", "nd_assert_allclose", nd_assert_allclose(x, y, .report = &r));
    nd_free(x);
    nd_free(y);

    x = f64((double[]){ 2, 2, 3 }, 3);
    CHECK("allclose_scalar_desired", "nd_assert_allclose",
          nd_assert_allclose(x, 2.0, .report = &r));
    nd_free(x);
}

static nd_array *i64(const int64_t *v, ptrdiff_t n)
{
    return nd_from_buffer(v, ND_SHAPE(n), ND_INT64);
}

static void test_equal_and_less_reports(void)
{
    char *r = NULL;
    nd_array *x = i64((int64_t[]){ 1, 2, 3 }, 3), *y = i64((int64_t[]){ 1, 2, 4 }, 3);
    CHECK("equal_int", "nd_assert_array_equal", nd_assert_array_equal(x, y, .report = &r));
    nd_array *x2 = nd_reshape(x, ND_SHAPE(1, 3));
    CHECK("equal_shapes_2d", "nd_assert_array_equal",
          nd_assert_array_equal(x2, y, .report = &r));
    nd_free(x2);
    nd_free(x);
    nd_free(y);

    x = nd_from_buffer((bool[]){ true, false }, ND_SHAPE(2), ND_BOOL);
    y = nd_from_buffer((bool[]){ true, true }, ND_SHAPE(2), ND_BOOL);
    CHECK("equal_bool", "nd_assert_array_equal", nd_assert_array_equal(x, y, .report = &r));
    nd_free(x);
    nd_free(y);

    x = nd_from_buffer((uint8_t[]){ 5, 10 }, ND_SHAPE(2), ND_UINT8);
    y = nd_from_buffer((uint8_t[]){ 10, 5 }, ND_SHAPE(2), ND_UINT8);
    CHECK("equal_uint8", "nd_assert_array_equal", nd_assert_array_equal(x, y, .report = &r));
    nd_free(x);
    nd_free(y);

    x = f64((double[]){ INFINITY, 1 }, 2);
    y = f64((double[]){ 1, INFINITY }, 2);
    CHECK("equal_inf_location", "nd_assert_array_equal",
          nd_assert_array_equal(x, y, .report = &r));
    nd_free(x);
    nd_free(y);

    x = nd_arange(0, 100, 1, ND_FLOAT64);
    y = nd_arange(0, 100, 1, ND_FLOAT64);
    nd_set_f64(y, ND_IDX(3), -1);
    nd_set_f64(y, ND_IDX(50), 7.5);
    CHECK("equal_long", "nd_assert_array_equal", nd_assert_array_equal(x, y, .report = &r));
    nd_free(x);
    nd_free(y);

    nd_array *flat = nd_arange(0, 6, 1, ND_FLOAT64);
    x = nd_reshape(flat, ND_SHAPE(2, 3));
    y = nd_copy(x, ND_ORDER_C);
    nd_set_f64(y, ND_IDX(1, 2), 6);
    CHECK("equal_2d", "nd_assert_array_equal", nd_assert_array_equal(x, y, .report = &r));
    nd_free(flat);
    nd_free(x);
    nd_free(y);

    x = i64((int64_t[]){ 1, 2, 3 }, 3);
    y = i64((int64_t[]){ 2, 3, 3 }, 3);
    CHECK("less", "nd_assert_array_less", nd_assert_array_less(x, y, .report = &r));
    nd_free(x);
    nd_free(y);

    x = f64((double[]){ 1, 5, NAN }, 3);
    y = f64((double[]){ 2, 4, NAN }, 3);
    CHECK("less_float", "nd_assert_array_less", nd_assert_array_less(x, y, .report = &r));
    nd_free(x);
    nd_free(y);
}

static void test_ulp_reports(void)
{
    char *r = NULL;
    nd_array *x = f64((double[]){ 1, 2 }, 2), *y = f64((double[]){ 1, 2.0000001 }, 2);
    CHECK("max_ulp", "nd_assert_array_max_ulp", nd_assert_array_max_ulp(x, y, .report = &r));
    CHECK("nulp", "nd_assert_array_almost_equal_nulp",
          nd_assert_array_almost_equal_nulp(x, y, .report = &r));
    /* enough units pass */
    CU_ASSERT_EQUAL(nd_assert_array_max_ulp(x, y, 3e8), ND_OK);
    CU_ASSERT_EQUAL(nd_assert_array_almost_equal_nulp(x, y, 300000000), ND_OK);
    nd_free(x);
    nd_free(y);

    float two = 2, u3 = nextafterf(nextafterf(nextafterf(two, 3), 3), 3);
    x = nd_from_buffer((float[]){ 1, 2 }, ND_SHAPE(2), ND_FLOAT32);
    y = nd_from_buffer((float[]){ 1, u3 }, ND_SHAPE(2), ND_FLOAT32);
    CHECK("max_ulp_f32", "nd_assert_array_max_ulp",
          nd_assert_array_max_ulp(x, y, 2, .report = &r));
    CU_ASSERT_EQUAL(nd_assert_array_max_ulp(x, y, 3), ND_OK);
    nd_free(x);
    nd_free(y);

    x = nd_scalar_array(ND_C128(1, 1));
    y = nd_scalar_array(ND_C128(1, 1.1));
    nd_array *x1 = nd_reshape(x, ND_SHAPE(1)), *y1 = nd_reshape(y, ND_SHAPE(1));
    CHECK("nulp_complex", "nd_assert_array_almost_equal_nulp",
          nd_assert_array_almost_equal_nulp(x1, y1, .report = &r));
    /* NumPy: NotImplementedError */
    CU_ASSERT_EQUAL(nd_assert_array_max_ulp(x1, y1), ND_EDTYPE);
    nd_free(x1);
    nd_free(y1);
    nd_free(x);
    nd_free(y);
}

static void test_passing(void)
{
    nd_array *x = nd_linspace(0, 1, 11), *y = nd_copy(x, ND_ORDER_C);
    char *r = (char *)"unset";
    nd_set_f64(y, ND_IDX(5), nd_get_f64(y, ND_IDX(5)) * (1 + 1e-9));
    CU_ASSERT_EQUAL(nd_assert_allclose(x, y, .report = &r), ND_OK);
    CU_ASSERT_PTR_NULL(r); /* NULL when it holds */
    CU_ASSERT_EQUAL(nd_assert_allclose(x, y, 0.0, 1e-9), ND_OK);
    CU_ASSERT_EQUAL(nd_assert_allclose(x, y, 0.0), ND_EASSERT); /* rtol = 0 is honoured */
    CU_ASSERT_EQUAL(nd_assert_array_equal(x, x), ND_OK);
    CU_ASSERT_EQUAL(nd_assert_array_equal(x, y), ND_EASSERT);
    CU_ASSERT_EQUAL(nd_assert_array_max_ulp(x, y, 1e7), ND_OK);
    nd_free(y);
    y = nd_add(x, 1);
    CU_ASSERT_EQUAL(nd_assert_array_less(x, y), ND_OK);
    CU_ASSERT_EQUAL(nd_assert_array_less(y, x), ND_EASSERT);
    CU_ASSERT_EQUAL(nd_assert_array_less(x, 2), ND_OK); /* a scalar broadcasts */

    /* views: reversed and strided operands */
    nd_array *rv = nd_view(x, "::-1"), *rv2 = nd_view(x, "::-1");
    CU_ASSERT_EQUAL(nd_assert_array_equal(rv, rv2), ND_OK);
    nd_array *s2 = nd_view(x, "::2"), *s2b = nd_view(y, "::2");
    CU_ASSERT_EQUAL(nd_assert_array_less(s2, s2b), ND_OK);
    nd_free(rv);
    nd_free(rv2);
    nd_free(s2);
    nd_free(s2b);

    /* empty and 0-d */
    nd_array *e = nd_zeros(ND_SHAPE(0), ND_FLOAT64);
    CU_ASSERT_EQUAL(nd_assert_allclose(e, e), ND_OK);
    CU_ASSERT_EQUAL(nd_assert_array_equal(3, 3.0), ND_OK);
    CU_ASSERT_EQUAL(nd_assert_array_equal(3, 4), ND_EASSERT);
    nd_free(e);

    /* infinities in the same places are equal */
    nd_array *inf = f64((double[]){ INFINITY, -INFINITY, 1 }, 3);
    CU_ASSERT_EQUAL(nd_assert_allclose(inf, inf), ND_OK);
    CU_ASSERT_EQUAL(nd_assert_array_equal(inf, inf), ND_OK);
    nd_free(inf);
    nd_free(x);
    nd_free(y);
}

static void test_errors(void)
{
    nd_array *x = nd_zeros(ND_SHAPE(3), ND_FLOAT64);
    CU_ASSERT_EQUAL(nd_assert_allclose_(nd_op_array(NULL), nd_op_array(x), NULL), ND_EVALUE);
    CU_ASSERT_STRING_EQUAL(nd_errmsg(), "nd_assert_allclose: array is NULL");
    CU_ASSERT_EQUAL(nd_assert_array_equal_(nd_op_array(x), nd_op_array(NULL), NULL), ND_EVALUE);
    CU_ASSERT_EQUAL(nd_assert_array_less_(nd_op_array(NULL), nd_op_array(x), NULL), ND_EVALUE);
    CU_ASSERT_EQUAL(nd_assert_array_max_ulp_(nd_op_array(NULL), nd_op_array(x), NULL), ND_EVALUE);
    CU_ASSERT_EQUAL(nd_assert_array_almost_equal_nulp_(nd_op_array(x), nd_op_array(NULL), NULL),
                    ND_EVALUE);
    /* NULL options mean the defaults */
    CU_ASSERT_EQUAL(nd_assert_allclose_(nd_op_array(x), nd_op_array(x), NULL), ND_OK);
    /* different shapes: ValueError in NumPy's nulp_diff */
    nd_array *y = nd_zeros(ND_SHAPE(4), ND_FLOAT64);
    CU_ASSERT_EQUAL(nd_assert_array_max_ulp(x, y), ND_ESHAPE);
    CU_ASSERT_STRING_EQUAL(nd_errmsg(), "nd_assert_array_max_ulp: x and y do not have the same "
                                        "shape: (3,) - (4,)");
    CU_ASSERT_STRING_EQUAL(nd_status_name(ND_EASSERT), "ND_EASSERT");
    nd_free(x);
    nd_free(y);
}

static const ND_TEST tests[] = {
    ND_T(test_allclose_reports),
    ND_T(test_equal_and_less_reports),
    ND_T(test_ulp_reports),
    ND_T(test_passing),
    ND_T(test_errors),
    { 0 },
};
ND_TEST_MAIN_WITH("testing", tests, load_reports, free_reports)
