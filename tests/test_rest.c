/* The last NumPy routines of docs/numpy_index.md (numc issue 16): numpy.testing's
 * assert_almost_equal / assert_approx_equal / assert_array_almost_equal / assert_equal /
 * assert_string_equal, polyvalfromroots, array2string, fromstring / fromregex,
 * find_common_type, geterrcall. Texts are NumPy 1.24's, written by
 * scripts/gen_rest_fixtures.py to tests/data/rest/reports.txt. */
#define _POSIX_C_SOURCE 200809L
#include "testutil.h"
#include "faultsim.h"

#include <math.h>
#include <numc/numc.h>
#include <numc/testing.h>
#include <stdio.h>
#include <string.h>

#define REPORTS NUMC_TEST_DATA "/rest/reports.txt"

#include "reports_text.h"

static int load_reports(void) { return reports_load(REPORTS); }

/* Compare a string numc made (freed here with nd_free_mem) with NumPy's text. */
static void check_text(const char *name, char *got)
{
    char *want = expected(name);
    CU_ASSERT_PTR_NOT_NULL_FATAL(want);
    CU_ASSERT_PTR_NOT_NULL(got);
    if (got && strcmp(got, want) != 0)
        fprintf(stderr, "\n  %s: numc\n[%s]\n  NumPy:\n[%s]\n", name, got, want);
    if (got) CU_ASSERT_STRING_EQUAL(got, want);
    free(want);
    nd_free_mem(got);
}

/* One failing assertion: its status, report and last error against NumPy's text. */
static void check(const char *name, const char *who, nd_status rc, char *report)
{
    char *want = expected(name);
    CU_ASSERT_PTR_NOT_NULL_FATAL(want);
    CU_ASSERT_EQUAL(rc, ND_EASSERT);
    CU_ASSERT_EQUAL(nd_last_error(), ND_EASSERT);
    char msg[1100];
    snprintf(msg, sizeof msg, "%s:%s%s", who, want[0] == '\n' ? "" : " ", want);
    if (strlen(msg) < 1023) CU_ASSERT_STRING_EQUAL(nd_errmsg(), msg);
    free(want);
    check_text(name, report);
}

#define CHECK(name, who, call)          \
    do {                                \
        nd_status rc_ = (call);         \
        check((name), (who), rc_, r);   \
    } while (0)

static nd_array *f64(const double *v, ptrdiff_t n) { return nd_from_f64(v, n); }
static nd_array *i64(const int64_t *v, ptrdiff_t n) { return nd_from_i64(v, n); }

/* a reshaped to (r, c); a is freed (the result is a view holding its buffer). */
static nd_array *reshaped(nd_array *a, ptrdiff_t r, ptrdiff_t c)
{
    nd_array *v = nd_reshape(a, ND_SHAPE(r, c));
    nd_free(a);
    return v;
}

/* ---- testing ------------------------------------------------------------------------ */
static void test_assert_almost_equal_scalars(void)
{
    char *r = NULL;
    const char *w = "nd_assert_almost_equal";
    CHECK("almost_scalar", w, nd_assert_almost_equal(1.0, 1.00001, .report = &r));
    CHECK("almost_scalar_decimal", w,
          nd_assert_almost_equal(2.5, 2.7, 1, .err_msg = "hi", .report = &r));
    CHECK("almost_scalar_nan", w, nd_assert_almost_equal(NAN, 1.0, .report = &r));
    CHECK("almost_scalar_int", w, nd_assert_almost_equal(3, 4, .report = &r));
    CHECK("almost_scalar_complex", w,
          nd_assert_almost_equal(ND_C128(1, 2), ND_C128(1, 2.1), .report = &r));
    /* passing: within 1.5e-7, NaN and NaN, equal infinities, decimal 1 */
    CU_ASSERT_EQUAL(nd_assert_almost_equal(1.0, 1.0 + 1.4e-7), ND_OK);
    CU_ASSERT_EQUAL(nd_assert_almost_equal(1.0, 1.0 + 1.6e-7), ND_EASSERT);
    CU_ASSERT_EQUAL(nd_assert_almost_equal(NAN, NAN), ND_OK);
    CU_ASSERT_EQUAL(nd_assert_almost_equal(INFINITY, INFINITY), ND_OK);
    CU_ASSERT_EQUAL(nd_assert_almost_equal(INFINITY, -INFINITY), ND_EASSERT);
    CU_ASSERT_EQUAL(nd_assert_almost_equal(2.5, 2.6, 1), ND_OK);
    CU_ASSERT_EQUAL(nd_assert_almost_equal(3, 4, .decimal = 0), ND_OK); /* |1| < 1.5 */
    CU_ASSERT_EQUAL(nd_last_error(), ND_OK);                            /* cleared */
}

static void test_assert_almost_equal_arrays(void)
{
    char *r = NULL;
    nd_array *x = f64((double[]){ 1, 2, 3 }, 3), *y = f64((double[]){ 1, 2.00001, 3.1 }, 3);
    CHECK("almost_array", "nd_assert_almost_equal", nd_assert_almost_equal(x, y, .report = &r));
    CU_ASSERT_EQUAL(nd_assert_almost_equal(x, x), ND_OK);
    nd_free(x);
    nd_free(y);

    const char *w = "nd_assert_array_almost_equal";
    x = f64((double[]){ 1, 2, 3, 4 }, 4);
    y = f64((double[]){ 1, 2.0001, 3, 4.5 }, 4);
    CHECK("array_almost", w, nd_assert_array_almost_equal(x, y, .report = &r));
    nd_free(x);
    nd_free(y);
    x = f64((double[]){ 1, 2 }, 2);
    y = f64((double[]){ 1.01, 2 }, 2);
    CHECK("array_almost_decimal", w, nd_assert_array_almost_equal(x, y, 3, .report = &r));
    CU_ASSERT_EQUAL(nd_assert_array_almost_equal(x, y, 1), ND_OK);
    nd_free(x);
    nd_free(y);
    x = i64((int64_t[]){ 1, 2, 3 }, 3);
    y = i64((int64_t[]){ 1, 2, 4 }, 3);
    CHECK("array_almost_int", w, nd_assert_array_almost_equal(x, y, .report = &r));
    nd_free(x);
    nd_free(y);
    x = f64((double[]){ 1, NAN }, 2);
    y = f64((double[]){ NAN, 1 }, 2);
    CHECK("array_almost_nan", w, nd_assert_array_almost_equal(x, y, .report = &r));
    CU_ASSERT_EQUAL(nd_assert_array_almost_equal(x, x), ND_OK);
    nd_free(x);
    nd_free(y);
    x = nd_zeros(ND_SHAPE(2), ND_FLOAT64);
    y = nd_zeros(ND_SHAPE(3), ND_FLOAT64);
    CHECK("array_almost_shape", w, nd_assert_array_almost_equal(x, y, .report = &r));
    nd_free(x);
    nd_free(y);
    x = f64((double[]){ 1, 1.5 }, 2);
    y = nd_scalar_array(ND_F64(1));
    CHECK("array_almost_scalar", w, nd_assert_array_almost_equal(x, y, .report = &r));
    nd_free(x);
    nd_free(y);
    /* infinities in the same places pass; a non-contiguous view */
    x = f64((double[]){ INFINITY, 1, -INFINITY, 2 }, 4);
    y = f64((double[]){ INFINITY, 1.0000001, -INFINITY, 2 }, 4);
    CU_ASSERT_EQUAL(nd_assert_array_almost_equal(x, y), ND_OK);
    nd_free(x);
    nd_free(y);
}

static void test_assert_approx_equal(void)
{
    char *r = NULL;
    const char *w = "nd_assert_approx_equal";
    CHECK("approx", w, nd_assert_approx_equal(1.0, 1.0001, .report = &r));
    CHECK("approx_sig", w, nd_assert_approx_equal(123456.0, 123476.0, 5, .report = &r));
    CHECK("approx_nan", w, nd_assert_approx_equal(NAN, 1.0, .report = &r));
    CHECK("approx_inf", w, nd_assert_approx_equal(INFINITY, -INFINITY, .report = &r));
    CU_ASSERT_EQUAL(nd_assert_approx_equal(123456.0, 123457.0, 6), ND_OK);
    CU_ASSERT_EQUAL(nd_assert_approx_equal(1e-300, 1.0000000001e-300), ND_OK);
    CU_ASSERT_EQUAL(nd_assert_approx_equal(NAN, NAN), ND_OK);
    CU_ASSERT_EQUAL(nd_assert_approx_equal(0.0, 0.0), ND_OK);
    nd_array *one = nd_scalar_array(ND_F64(2)), *two = nd_zeros(ND_SHAPE(2), ND_FLOAT64);
    CU_ASSERT_EQUAL(nd_assert_approx_equal(one, 2.0), ND_OK);
    CU_ASSERT_EQUAL(nd_assert_approx_equal(two, 2.0), ND_EVALUE);
    CU_ASSERT_PTR_NOT_NULL(strstr(nd_errmsg(), "nd_assert_approx_equal: only scalars"));
    CU_ASSERT_EQUAL(nd_assert_approx_equal(ND_C128(1, 1), 2.0), ND_EDTYPE);
    CU_ASSERT_STRING_EQUAL(nd_errmsg(), "nd_assert_approx_equal: can't convert complex to float");
    nd_free(one);
    nd_free(two);
}

static void test_assert_equal(void)
{
    char *r = NULL;
    const char *w = "nd_assert_equal";
    CHECK("equal_scalar", w, nd_assert_equal(1, 2, .report = &r));
    CHECK("equal_float", w, nd_assert_equal(0.5, 0.25, "msg", .report = &r));
    CHECK("equal_zero_sign", w, nd_assert_equal(0.0, -0.0, .report = &r));
    CHECK("equal_complex", w, nd_assert_equal(ND_C128(1, 1), ND_C128(1, -1), .report = &r));
    CHECK("equal_bool", w, nd_assert_equal(ND_BOOL_S(true), ND_BOOL_S(false), .report = &r));
    CU_ASSERT_EQUAL(nd_assert_equal(NAN, NAN), ND_OK);
    CU_ASSERT_EQUAL(nd_assert_equal(2, 2.0), ND_OK);
    CU_ASSERT_EQUAL(nd_assert_equal(-1, ND_U64(UINT64_MAX)), ND_EASSERT);
    nd_array *x = f64((double[]){ 1, NAN, 3 }, 3), *y = f64((double[]){ 1, NAN, 4 }, 3);
    CHECK("equal_array", w, nd_assert_equal(x, y, .report = &r));
    CU_ASSERT_EQUAL(nd_assert_equal(x, x), ND_OK);
    nd_free(x);
    nd_free(y);
    x = nd_zeros(ND_SHAPE(2, 2), ND_FLOAT64);
    y = nd_zeros(ND_SHAPE(4), ND_FLOAT64);
    CHECK("equal_array_shape", w, nd_assert_equal(x, y, .report = &r));
    nd_free(x);
    nd_free(y);
    CU_ASSERT_EQUAL(nd_assert_equal_(nd_op_array(NULL), nd_op_f64(1), NULL), ND_EVALUE);
    CU_ASSERT_STRING_EQUAL(nd_errmsg(), "nd_assert_equal: array is NULL");
    CU_ASSERT_EQUAL(nd_assert_almost_equal_(nd_op_f64(1), nd_op_array(NULL), NULL), ND_EVALUE);
    CU_ASSERT_EQUAL(nd_assert_array_almost_equal_(nd_op_array(NULL), nd_op_f64(1), NULL),
                    ND_EVALUE);
    CU_ASSERT_EQUAL(nd_assert_approx_equal_(nd_op_array(NULL), nd_op_f64(1), NULL), ND_EVALUE);
}

/* Compare an array numc made (freed here) with NumPy's "shape ..." + values case. */
static void check_values(const char *name, nd_array *got, double tol)
{
    char *want = expected(name);
    CU_ASSERT_PTR_NOT_NULL_FATAL(want);
    CU_ASSERT_PTR_NOT_NULL_FATAL(got);
    char *p = want + 5; /* after "shape" */
    int nd = 0;
    ptrdiff_t shape[ND_MAXDIMS];
    while (*p == ' ') shape[nd++] = (ptrdiff_t)strtol(p, &p, 10);
    CU_ASSERT_EQUAL(nd_ndim(got), nd);
    for (int i = 0; i < nd && i < nd_ndim(got); i++) CU_ASSERT_EQUAL(nd_shape(got)[i], shape[i]);
    bool cplx = nd_dtype_is_complex(nd_dtype_of(got));
    ptrdiff_t n = nd_size(got);
    double *v = malloc(sizeof(double) * 2 * (size_t)(n + 1));
    CU_ASSERT_EQUAL(nd_to_buffer(got, v, cplx ? ND_COMPLEX128 : ND_FLOAT64), ND_OK);
    for (ptrdiff_t i = 0; i < n * (cplx ? 2 : 1); i++) {
        char *e;
        double w = strtod(p, &e);
        CU_ASSERT_FATAL(e != p);
        p = e;
        if (isnan(w)) {
            CU_ASSERT(isnan(v[i]));
        } else {
            ND_ASSERT_CLOSE(v[i], w, tol);
        }
    }
    free(v);
    free(want);
    nd_free(got);
}

/* ---- polyvalfromroots ------------------------------------------------------------------ */
static void test_polyvalfromroots(void)
{
    nd_array *r = f64((double[]){ 1, -2, 0.5 }, 3);
    check_values("vfr_scalar", nd_polynomial_valfromroots(2.5, r), 1e-12);
    nd_free(r);
    r = i64((int64_t[]){ 1, 2, 3 }, 3); /* integer roots become float64 */
    nd_array *x = reshaped(f64((double[]){ 0, 1.5, 2, -3 }, 4), 2, 2);
    nd_array *v = nd_polynomial_valfromroots(x, r);
    CU_ASSERT_EQUAL(nd_dtype_of(v), ND_FLOAT64);
    check_values("vfr_array", v, 1e-12);
    nd_free(x);
    nd_free(r);
    r = reshaped(f64((double[]){ 1, 2, 3, -1 }, 4), 2, 2);
    x = f64((double[]){ -1, 0.5, 4 }, 3);
    check_values("vfr_tensor", nd_polynomial_valfromroots(x, r), 1e-12);
    nd_array *x2 = nd_view(x, ":2"); /* a view */
    check_values("vfr_no_tensor", nd_polynomial_valfromroots(x2, r, .tensor = false), 1e-12);
    CU_ASSERT_PTR_NULL(nd_polynomial_valfromroots(r, r, .tensor = false));
    CU_ASSERT_EQUAL(nd_last_error(), ND_EVALUE);
    CU_ASSERT_PTR_NOT_NULL(strstr(nd_errmsg(), "x.ndim must be < r.ndim when tensor == False"));
    nd_free(x2);
    nd_free(r);
    nd_free(x);
    x = f64((double[]){ 1, 2 }, 2);
    r = nd_zeros(ND_SHAPE(0), ND_FLOAT64);
    check_values("vfr_empty_roots", nd_polynomial_valfromroots(x, r), 0);
    nd_free(r);
    r = nd_zeros(ND_SHAPE(2), ND_COMPLEX128);
    nd_set(r, ND_IDX(0), ND_C128(0, 1));
    nd_set(r, ND_IDX(1), ND_C128(0, -1));
    check_values("vfr_complex", nd_polynomial_valfromroots(x, r), 1e-12);
    nd_free(r);
    /* a 0-d r is one root */
    r = nd_scalar_array(ND_F64(3));
    v = nd_polynomial_valfromroots(x, r);
    CU_ASSERT_EQUAL(nd_ndim(v), 1);
    CU_ASSERT_DOUBLE_EQUAL(nd_get_f64(v, ND_IDX(1)), -1, 0);
    nd_free(v);
    nd_free(r);
    nd_free(x);
    CU_ASSERT_PTR_NULL(nd_polynomial_valfromroots(1.0, NULL));
    CU_ASSERT_STRING_EQUAL(nd_errmsg(), "nd_polynomial_valfromroots: array is NULL");
}

/* ---- array2string ---------------------------------------------------------------------- */
static void test_array2string(void)
{
    nd_array *a = nd_arange(0, 12, 1, ND_FLOAT64);
    nd_divide_into(a, a, 7);
    check_text("a2s_default", nd_array2string(a));
    check_text("a2s_precision0", nd_array2string(a, .precision = ND_FMT_0));
    check_text("a2s_precision3", nd_array2string(a, .precision = 3));
    check_text("a2s_edge0", nd_array2string(a, .threshold = ND_FMT_0, .edgeitems = ND_FMT_0));
    check_text("a2s_edge1", nd_array2string(a, .threshold = ND_FMT_0, .edgeitems = 1));
    nd_array *m = nd_reshape(a, ND_SHAPE(3, 4));
    check_text("a2s_prefix", nd_array2string(m, .separator = ", ", .prefix = "xx("));
    check_text("a2s_sep", nd_array2string(m, .separator = ";  "));
    nd_free(m);
    nd_free(a);
    a = nd_scalar_array(ND_F64(1.5));
    check_text("a2s_0d", nd_array2string(a));
    nd_free(a);
    a = nd_zeros(ND_SHAPE(2, 0), ND_FLOAT64);
    check_text("a2s_empty", nd_array2string(a));
    nd_free(a);
    a = f64((double[]){ 1e-10, 1 }, 2);
    check_text("a2s_suppress", nd_array2string(a, .suppress_small = true));
    nd_free(a);
    a = nd_arange(0, 30, 1, ND_INT64);
    check_text("a2s_width", nd_array2string(a, .max_line_width = 20, .suffix = ")"));
    nd_free(a);
    a = nd_arange(0, 24, 1, ND_INT64);
    m = nd_reshape(a, ND_SHAPE(2, 3, 4));
    check_text("a2s_3d", nd_array2string(m, .separator = ","));
    nd_free(m);
    nd_free(a);
    a = nd_arange(0, 100, 1, ND_INT64);
    m = nd_reshape(a, ND_SHAPE(10, 10));
    check_text("a2s_summary2d",
               nd_array2string(m, .threshold = 50, .edgeitems = 2, .separator = ", "));
    nd_free(m);
    nd_free(a);
    a = f64((double[]){ 1.5, -2 }, 2);
    check_text("a2s_sign", nd_array2string(a, .sign = '+'));
    CU_ASSERT_PTR_NULL(nd_array2string(a, .sign = 'x'));
    CU_ASSERT_EQUAL(nd_last_error(), ND_EVALUE);
    CU_ASSERT_PTR_NULL(nd_array2string(a, .precision = -3));
    CU_ASSERT_PTR_NULL(nd_array2string(a, .max_line_width = -1));
    CU_ASSERT_PTR_NULL(nd_array2string(NULL));
    CU_ASSERT_STRING_EQUAL(nd_errmsg(), "nd_array2string: the array is NULL");
    /* the thread's print options are left as they were */
    CU_ASSERT_EQUAL(nd_get_printoptions().precision, 8);
    nd_free(a);
    a = nd_zeros(ND_SHAPE(2), ND_COMPLEX128);
    nd_set(a, ND_IDX(0), ND_C128(1, 2));
    nd_set(a, ND_IDX(1), ND_C128(3.5, -1));
    check_text("a2s_complex", nd_array2string(a, .precision = 2));
    nd_free(a);
}

/* ---- fromstring / fromregex ------------------------------------------------------------- */
static void test_fromstring(void)
{
    check_values("fs_space", nd_fromstring("1 2 3.5", .sep = " "), 0);
    nd_array *a = nd_fromstring("1, 2,3", .dtype = ND_INT64, .sep = ",");
    CU_ASSERT_EQUAL(nd_dtype_of(a), ND_INT64);
    check_values("fs_comma_int", a, 0);
    check_values("fs_count", nd_fromstring("1,2,3", .sep = ",", .count = 2), 0);
    check_values("fs_trailing_sep", nd_fromstring("1,2,3,", .sep = ","), 0);
    check_values("fs_empty", nd_fromstring("", .sep = ","), 0);
    a = nd_fromstring("1 300 -129", .dtype = ND_INT8, .sep = " ");
    CU_ASSERT_EQUAL(nd_dtype_of(a), ND_INT8);
    check_values("fs_int8_wrap", a, 0);
    check_values("fs_newlines", nd_fromstring("1\n 2\t3\n", .sep = " "), 0);
    a = nd_fromstring("1 0 2", .bool_dtype = true, .sep = " ");
    CU_ASSERT_EQUAL(nd_dtype_of(a), ND_BOOL);
    CU_ASSERT_EQUAL(nd_size(a), 3);
    nd_free(a);
    /* errors */
    CU_ASSERT_PTR_NULL(nd_fromstring("abcdefgh"));
    CU_ASSERT_EQUAL(nd_last_error(), ND_EVALUE);
    CU_ASSERT_PTR_NOT_NULL(strstr(nd_errmsg(), "nd_frombuffer"));
    CU_ASSERT_PTR_NULL(nd_fromstring("1,2,x", .sep = ","));
    CU_ASSERT_EQUAL(nd_last_error(), ND_EPARSE);
    CU_ASSERT_PTR_NOT_NULL(strstr(nd_errmsg(), "nd_fromstring: string or file could not be "
                                               "read to its end due to unmatched data"));
    CU_ASSERT_PTR_NULL(nd_fromstring("1,2,3", .sep = ",", .count = 5));
    CU_ASSERT_EQUAL(nd_last_error(), ND_EVALUE);
    CU_ASSERT_PTR_NOT_NULL(strstr(nd_errmsg(), "string is smaller than requested size"));
    CU_ASSERT_PTR_NULL(nd_fromstring(NULL, .sep = ","));
    CU_ASSERT_PTR_NULL(nd_fromstring("1", .sep = ",", .dtype = 99));
    CU_ASSERT_EQUAL(nd_last_error(), ND_EDTYPE);
}

#define REGEX_TXT NUMC_TEST_DATA "/rest/regex.txt"

static void test_fromregex(void)
{
    nd_dtype dts[3] = { ND_INT32, ND_FLOAT64, ND_INT64 };
    nd_array *cols[3];
    CU_ASSERT_EQUAL_FATAL(nd_fromregex_columns(REGEX_TXT, "id=([0-9]+) x=([^ ]+) y=(-?[0-9]+)",
                                               3, dts, cols), ND_OK);
    CU_ASSERT_EQUAL(nd_dtype_of(cols[0]), ND_INT32);
    CU_ASSERT_EQUAL(nd_dtype_of(cols[2]), ND_INT64);
    check_values("fr_id", cols[0], 0);
    check_values("fr_x", cols[1], 0);
    check_values("fr_y", cols[2], 0);
    check_values("fr_one", nd_fromregex(REGEX_TXT, "x=([^ ]+)"), 0);
    check_values("fr_two", nd_fromregex(REGEX_TXT, "id=([0-9]+) x=([^ ]+)"), 0);
    /* no group: the whole match */
    nd_array *a = nd_fromregex(REGEX_TXT, "-?[0-9]+\\.[0-9]+", .dtype = ND_FLOAT32);
    CU_ASSERT_EQUAL(nd_dtype_of(a), ND_FLOAT32);
    CU_ASSERT_EQUAL(nd_size(a), 2); /* 2.5 and -0.125 */
    nd_free(a);
    /* no match at all: empty */
    a = nd_fromregex(REGEX_TXT, "z=([0-9]+)", .dtype = ND_INT64);
    CU_ASSERT_EQUAL(nd_size(a), 0);
    nd_free(a);
    /* errors */
    CU_ASSERT_PTR_NULL(nd_fromregex(REGEX_TXT, "id=([0-9]+"));
    CU_ASSERT_EQUAL(nd_last_error(), ND_EVALUE);
    CU_ASSERT_PTR_NOT_NULL(strstr(nd_errmsg(), "nd_fromregex: bad regular expression"));
    CU_ASSERT_PTR_NULL(nd_fromregex(REGEX_TXT, "([a-z]+)=", .dtype = ND_INT64));
    CU_ASSERT_EQUAL(nd_last_error(), ND_EPARSE);
    CU_ASSERT_STRING_EQUAL(nd_errmsg(), "nd_fromregex: match 0, group 1: could not convert "
                                        "string 'id' to int64");
    CU_ASSERT_PTR_NULL(nd_fromregex(NUMC_TEST_DATA "/rest/no_such_file.txt", "(x)"));
    CU_ASSERT_EQUAL(nd_last_error(), ND_EIO);
    CU_ASSERT_EQUAL(nd_fromregex_columns(REGEX_TXT, "id=([0-9]+)", 3, dts, cols), ND_EVALUE);
    CU_ASSERT_PTR_NULL(cols[0]);
    CU_ASSERT_STRING_EQUAL(nd_errmsg(), "nd_fromregex_columns: the expression has 1 group but "
                                        "3 dtypes are given");
    CU_ASSERT_EQUAL(nd_fromregex_columns(REGEX_TXT, "(x)", 0, dts, cols), ND_EVALUE);
    CU_ASSERT_EQUAL(nd_fromregex_columns(REGEX_TXT, "(x)", 1, NULL, cols), ND_EVALUE);
}

/* ---- find_common_type / geterrcall -------------------------------------------------------- */
/* A comma-separated list of dtype names into t; returns the count. */
static int parse_types(const char *s, const char *end, int *t)
{
    int n = 0;
    while (s < end) {
        const char *c = memchr(s, ',', (size_t)(end - s));
        if (!c) c = end;
        char name[32];
        snprintf(name, sizeof name, "%.*s", (int)(c - s), s);
        t[n++] = nd_dtype_from_name(name);
        s = c + 1;
    }
    return n;
}

static void test_find_common_type(void)
{
    char *want = expected("find_common_type");
    CU_ASSERT_PTR_NOT_NULL_FATAL(want);
    int cases = 0, bad = 0;
    for (char *line = want; line && *line;) {
        char *nl = strchr(line, '\n');
        char *end = nl ? nl : line + strlen(line);
        char *s1 = memchr(line, ';', (size_t)(end - line));
        char *s2 = s1 ? memchr(s1 + 1, ';', (size_t)(end - s1 - 1)) : NULL;
        CU_ASSERT_FATAL(s1 && s2);
        int at[4], st[4];
        int na = parse_types(line, s1, at), ns = parse_types(s1 + 1, s2, st);
        char rname[32];
        snprintf(rname, sizeof rname, "%.*s", (int)(end - s2 - 1), s2 + 1);
        int got = nd_find_common_type(na, at, ns, st);
        if (got != nd_dtype_from_name(rname)) {
            fprintf(stderr, "\n  find_common_type %.*s: numc %s\n", (int)(end - line), line,
                    got >= 0 ? nd_dtype_name((nd_dtype)got) : "error");
            bad++;
        }
        cases++;
        line = nl ? nl + 1 : NULL;
    }
    CU_ASSERT(cases > 300);
    CU_ASSERT_EQUAL(bad, 0);
    free(want);
    /* errors */
    CU_ASSERT_EQUAL(nd_find_common_type(0, NULL, 0, NULL), ND_EVALUE);
    CU_ASSERT_STRING_EQUAL(nd_errmsg(), "nd_find_common_type: no types given (NumPy returns None)");
    int t[2] = { ND_INT8, 77 };
    CU_ASSERT_EQUAL(nd_find_common_type(2, t, 0, NULL), ND_EDTYPE);
    CU_ASSERT_EQUAL(nd_find_common_type(-1, t, 0, NULL), ND_EVALUE);
    CU_ASSERT_EQUAL(nd_find_common_type(1, NULL, 0, NULL), ND_EVALUE);
}

static void handler(const char *msg, unsigned bits, void *ctx)
{
    (void)msg;
    (void)bits;
    (void)ctx;
}

static void test_geterrcall(void)
{
    void *ctx = &ctx;
    CU_ASSERT_PTR_NULL(nd_geterrcall(&ctx)); /* the default */
    CU_ASSERT_PTR_NULL(ctx);
    int mine = 0;
    nd_seterrcall(handler, &mine);
    CU_ASSERT(nd_geterrcall(&ctx) == handler);
    CU_ASSERT_PTR_EQUAL(ctx, &mine);
    CU_ASSERT(nd_geterrcall(NULL) == handler);
    nd_seterrcall(NULL, NULL);
    CU_ASSERT_PTR_NULL(nd_geterrcall(NULL));
}

/* ---- assert_string_equal ---------------------------------------------------------------- */
static void test_assert_string_equal(void)
{
    char *r = NULL;
    const char *w = "nd_assert_string_equal";
    static const char *const cases[][3] = {
        { "str_word", "hello", "hellp" },
        { "str_lines", "line one\nline two\nline three\n", "line one\nline 2\nline three\n" },
        { "str_unrelated", "abc\n", "xyz\n" },
        { "str_insert_char", "foo bar\n", "foo baar\n" },
        { "str_tabs", "\tx = 1;\n", "\tx = 2;\n" },
        { "str_extra_line", "a\nb\n", "a\nb\nc\n" },
        { "str_missing_line", "a\nb\nc\n", "a\nc\n" },
        { "str_two_blocks", "alpha\nbeta\ngamma\ndelta\n", "alpha\nbeta2\ngamma\ndelta3\n" },
        { "str_utf8", "caf\xc3\xa9 cr\xc3\xa8me\n", "caf\xc3\xa9 crime\n" },
    };
    for (size_t i = 0; i < sizeof cases / sizeof *cases; i++)
        CHECK(cases[i][0], w, nd_assert_string_equal(cases[i][1], cases[i][2], .report = &r));
    /* 250 x's: autojunk makes the x's and y's "popular" in the character matcher */
    char a[300], b[300];
    memset(a, 'x', 250);
    memcpy(a + 250, "ayyyyyyyyyy", 12);
    memcpy(b, a, 262);
    b[250] = 'b';
    CHECK("str_long", w, nd_assert_string_equal(a, b, .report = &r));
    CU_ASSERT_EQUAL(nd_assert_string_equal("same\ntext", "same\ntext"), ND_OK);
    CU_ASSERT_EQUAL(nd_assert_string_equal("", ""), ND_OK);
    CU_ASSERT_EQUAL(nd_assert_string_equal("a", "b"), ND_EASSERT);
    CU_ASSERT_EQUAL(nd_assert_string_equal(NULL, "b"), ND_EVALUE);
    CU_ASSERT_STRING_EQUAL(nd_errmsg(), "nd_assert_string_equal: actual is NULL");
}

/* Append "\npath (i, j) ..." (NumPy's path list without 'einsum_path') to *rep. */
static void nd__test_append_path(char **rep, const nd_einsum_path *p)
{
    if (!*rep) return;
    size_t n = strlen(*rep);
    char *s = malloc(n + 256);
    memcpy(s, *rep, n + 1);
    strcat(s, "\npath");
    for (int c = 0; c < p->ncontract; c++) {
        strcat(s, " (");
        for (int k = 0; k < p->npos[c]; k++) {
            char t[16];
            snprintf(t, sizeof t, k ? ", %d" : "%d", p->pos[c][k]);
            strcat(s, t);
        }
        strcat(s, p->npos[c] == 1 ? ",)" : ")");
    }
    nd_free_mem(*rep);
    char *m = nd_malloc(strlen(s) + 1, "test");
    strcpy(m, s);
    free(s);
    *rep = m;
}

/* ---- einsum_path ------------------------------------------------------------------------ */
typedef struct ecase {
    const char *name, *sub;
    int n;
    int nd[5];
    ptrdiff_t shape[5][4];
} ecase;

static void test_einsum_path(void)
{
    static const ecase cases[] = {
        { "ep_chain", "ij,jk,kl,lm->im", 4, { 2, 2, 2, 2 }, { { 2, 3 }, { 3, 4 }, { 4, 5 }, { 5, 2 } } },
        { "ep_chain_implicit", "ij,jk,kl,lm", 4, { 2, 2, 2, 2 }, { { 2, 3 }, { 3, 4 }, { 4, 5 }, { 5, 2 } } },
        { "ep_two", "ij,jk->ik", 2, { 2, 2 }, { { 2, 3 }, { 3, 4 } } },
        { "ep_one", "ii->i", 1, { 2 }, { { 4, 4 } } },
        { "ep_big", "ea,fb,abcd,gc,hd->efgh", 5, { 2, 2, 4, 2, 2 },
          { { 10, 10 }, { 10, 10 }, { 10, 10, 10, 10 }, { 10, 10 }, { 10, 10 } } },
        { "ep_outer", "i,j,k->ijk", 3, { 1, 1, 1 }, { { 3 }, { 4 }, { 5 } } },
        { "ep_mixed", "abc,bd,cde,ea->", 4, { 3, 2, 3, 2 }, { { 3, 4, 5 }, { 4, 6 }, { 5, 6, 2 }, { 2, 3 } } },
        { "ep_bcast", "ij,jk,kl->il", 3, { 2, 2, 2 }, { { 1, 3 }, { 3, 7 }, { 7, 2 } } },
        { "ep_rep", "iij,jk,kl->il", 3, { 3, 2, 2 }, { { 3, 3, 4 }, { 4, 5 }, { 5, 6 } } },
    };
    static const char *const kinds[2] = { "greedy", "optimal" };
    for (size_t c = 0; c < sizeof cases / sizeof *cases; c++) {
        const ecase *e = &cases[c];
        nd_array *ops[5];
        for (int i = 0; i < e->n; i++) ops[i] = nd_ones(e->nd[i], e->shape[i], ND_FLOAT64);
        for (int k = 0; k < 2; k++) {
            char name[64], *rep = NULL;
            snprintf(name, sizeof name, "%s_%s", e->name, kinds[k]);
            nd_einsum_path p;
            nd_einsum_path_opts o = { 0, kinds[k], &rep };
            CU_ASSERT_EQUAL(nd_einsum_path_n(e->sub, e->n, (const nd_array *const *)ops, &o, &p), ND_OK);
            /* the report, then the path as NumPy lists it */
            nd__test_append_path(&rep, &p);
            check_text(name, rep);
        }
        for (int i = 0; i < e->n; i++) nd_free(ops[i]);
    }
    nd_array *a = nd_ones(ND_SHAPE(2, 3), ND_FLOAT64), *b = nd_ones(ND_SHAPE(4, 5), ND_FLOAT64);
    nd_einsum_path p;
    CU_ASSERT_EQUAL(nd_einsum_path(&p, "ij,jk->ik", a, a), ND_ESHAPE);
    CU_ASSERT_PTR_NOT_NULL(strstr(nd_errmsg(), "nd_einsum_path:"));
    CU_ASSERT_EQUAL(nd_einsum_path(&p, "ij,jk->ik", a, b), ND_ESHAPE);
    CU_ASSERT_EQUAL(nd_einsum_path(&p, "...j,jk->k", a, b), ND_EVALUE);
    CU_ASSERT_EQUAL(nd_einsum_path(&p, "ij,j?->ik", a, b), ND_EPARSE);
    CU_ASSERT_EQUAL(nd_einsum_path(NULL, "ij,jk->ik", a, b), ND_EVALUE);
    nd_einsum_path_opts bad = { 0, "fastest", NULL };
    const nd_array *two[2] = { a, a };
    CU_ASSERT_EQUAL(nd_einsum_path_n("ij,kj", 2, two, &bad, &p), ND_EVALUE);
    CU_ASSERT_STRING_EQUAL(nd_errmsg(), "nd_einsum_path: Path name fastest not found (\"greedy\" "
                                        "or \"optimal\")");
    CU_ASSERT_EQUAL(nd_einsum_path(&p, "ij,kj", a, a), ND_OK);
    CU_ASSERT_EQUAL(p.ncontract, 1);
    CU_ASSERT_EQUAL(p.npos[0], 2);
    CU_ASSERT_DOUBLE_EQUAL(p.naive_flops, 2 * 3 * 2 * 2, 0);
    nd_free(a);
    nd_free(b);
}

/* ---- float32, complex, 2-d and strided inputs ------------------------------------------- */
static void test_edge_inputs(void)
{
    char *r = NULL;
    const char *w = "nd_assert_array_almost_equal";
    nd_array *x = nd_zeros(ND_SHAPE(2), ND_FLOAT32), *y = nd_zeros(ND_SHAPE(2), ND_FLOAT32);
    nd_set_f64(x, ND_IDX(0), 1);
    nd_set_f64(x, ND_IDX(1), 2);
    nd_set_f64(y, ND_IDX(0), 1);
    nd_set_f64(y, ND_IDX(1), 2.001);
    CHECK("array_almost_f32", w, nd_assert_array_almost_equal(x, y, .report = &r));
    nd_free(x);
    nd_free(y);
    x = nd_zeros(ND_SHAPE(2), ND_COMPLEX128);
    y = nd_zeros(ND_SHAPE(2), ND_COMPLEX128);
    nd_set(x, ND_IDX(0), ND_C128(1, 1));
    nd_set(x, ND_IDX(1), ND_C128(2, 0));
    nd_set(y, ND_IDX(0), ND_C128(1, 1.1));
    nd_set(y, ND_IDX(1), ND_C128(2, 0));
    CHECK("array_almost_complex", w, nd_assert_array_almost_equal(x, y, .report = &r));
    nd_free(x);
    nd_free(y);
    nd_array *a = nd_arange(0, 6, 1, ND_FLOAT64);
    x = nd_reshape(a, ND_SHAPE(2, 3));
    y = nd_copy(x, ND_ORDER_C);
    nd_set_f64(y, ND_IDX(0, 2), 2 + 1e-5);
    CHECK("array_almost_2d", w, nd_assert_array_almost_equal(x, y, .report = &r));
    nd_free(x);
    nd_free(y);
    nd_free(a);
    x = f64((double[]){ INFINITY, 1 }, 2);
    y = f64((double[]){ INFINITY, 1.1 }, 2);
    CHECK("array_almost_inf", w, nd_assert_array_almost_equal(x, y, .report = &r));
    nd_free(x);
    nd_free(y);
    x = nd_scalar_array(ND_F64(1));
    y = nd_scalar_array(ND_F64(1.5));
    CHECK("almost_0d", "nd_assert_almost_equal", nd_assert_almost_equal(x, y, .report = &r));
    nd_free(x);
    nd_free(y);

    a = nd_arange(0, 10, 1, ND_FLOAT64);
    nd_divide_into(a, a, 3);
    x = nd_view(a, "::-3");
    check_text("a2s_reversed", nd_array2string(x, .precision = 4));
    nd_free(x);
    nd_free(a);
    a = nd_arange(0, 6, 1, ND_INT64);
    x = nd_reshape(a, ND_SHAPE(2, 3));
    y = nd_transpose(x);
    check_text("a2s_transposed", nd_array2string(y, .separator = " | "));
    nd_free(y);
    nd_free(x);
    nd_free(a);
    a = f64((double[]){ 1, 2, 3, 4 }, 4);
    nd_array *rv = nd_view(a, "::-2");
    x = f64((double[]){ 0.5, 2 }, 2);
    check_values("vfr_reversed_roots", nd_polynomial_valfromroots(x, rv), 1e-12);
    nd_free(x);
    nd_free(rv);
    nd_free(a);
}

/* ---- out of memory: every allocation of each routine fails once (tests/faultsim.h) ----- */
/* An assertion's status: ND_EASSERT (it failed, as wanted) is success here. */
static nd_status asserted(nd_status rc, char **report)
{
    if (rc == ND_EASSERT && (!report || *report)) {
        if (report) nd_free_mem(*report);
        return ND_OK;
    }
    return rc == ND_OK ? ND_EVALUE : rc;
}

static nd_status testing_body(void *ctx)
{
    (void)ctx;
    char *r = NULL;
    nd_status rc = asserted(nd_assert_almost_equal(1.0, 2.0, .report = &r), &r);
    if (rc == ND_OK) rc = asserted(nd_assert_approx_equal(1.0, 2.0, .report = &r), &r);
    if (rc == ND_OK) rc = asserted(nd_assert_equal(1.0, 2.0, .report = &r), &r);
    if (rc == ND_OK)
        rc = asserted(nd_assert_string_equal("line one\nline two\n", "line one\nline 2\n",
                                             .report = &r), &r);
    if (rc != ND_OK) return rc;
    nd_array *x = nd_arange(0, 5, 1, ND_FLOAT64), *y = x ? nd_arange(0, 5, 1, ND_FLOAT64) : NULL;
    if (!y) {
        nd_free(x);
        return nd_last_error();
    }
    rc = nd_set_f64(y, ND_IDX(2), 7.5);
    if (rc == ND_OK) rc = asserted(nd_assert_array_almost_equal(x, y, .report = &r), &r);
    if (rc == ND_OK) rc = asserted(nd_assert_equal(x, y, .report = &r), &r);
    if (rc == ND_OK) rc = nd_assert_almost_equal(x, x);
    nd_free(x);
    nd_free(y);
    return rc;
}

static nd_status routines_body(void *ctx)
{
    (void)ctx;
    nd_status rc = ND_OK;
    nd_array *r = NULL, *x = NULL, *v = NULL, *s = NULL, *t = NULL;
    char *txt = NULL, *rep = NULL;
    r = nd_from_f64((const double[]){ 1, 2, 3 }, 3);
    x = r ? nd_arange(0, 4, 1, ND_FLOAT64) : NULL;
    v = x ? nd_polynomial_valfromroots(x, r) : NULL;
    txt = v ? nd_array2string(v, .separator = ", ", .prefix = "ab") : NULL;
    s = txt ? nd_fromstring("1, 2, 3", .sep = ",") : NULL;
    t = s ? nd_fromregex(REGEX_TXT, "id=([0-9]+) x=([^ ]+)") : NULL;
    if (!t) {
        rc = nd_last_error();
        goto out;
    }
    const nd_array *ops[4] = { x, x, x, x };
    nd_einsum_path_opts o = { 0, "optimal", &rep };
    nd_einsum_path p;
    rc = nd_einsum_path_n("i,i,i,i->i", 4, ops, &o, &p);
    if (rc == ND_OK && (strcmp(txt, "[-6.,  0., -0.,  0.]") != 0 || !rep)) rc = ND_EVALUE;
out:
    nd_free_mem(txt);
    nd_free_mem(rep);
    nd_free(r), nd_free(x), nd_free(v), nd_free(s), nd_free(t);
    return rc;
}

static void run_faults(const char *what, faultsim_body body)
{
    faultsim_report fr = faultsim_run(what, body, NULL);
    if (!fr.ok) fprintf(stderr, "\nfaultsim: %s\n", fr.why);
    CU_ASSERT(fr.ok);
    CU_ASSERT(fr.runs > 0);
}

static void test_out_of_memory(void)
{
    run_faults("testing", testing_body);
    run_faults("routines", routines_body);
}

static const ND_TEST tests[] = {
    ND_T(test_assert_almost_equal_scalars),
    ND_T(test_assert_almost_equal_arrays),
    ND_T(test_assert_approx_equal),
    ND_T(test_assert_equal),
    ND_T(test_assert_string_equal),
    ND_T(test_polyvalfromroots),
    ND_T(test_array2string),
    ND_T(test_fromstring),
    ND_T(test_fromregex),
    ND_T(test_find_common_type),
    ND_T(test_geterrcall),
    ND_T(test_einsum_path),
    ND_T(test_edge_inputs),
    ND_T(test_out_of_memory),
    { 0 },
};
ND_TEST_MAIN_WITH("rest", tests, load_reports, free_reports)
