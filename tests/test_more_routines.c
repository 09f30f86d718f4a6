/* hsplit / vsplit / dsplit, rollaxis, layouts (isfortran, asfortranarray, require),
 * shares_memory, in1d / isin / setdiff1d / setxor1d options, msort, sort_complex,
 * issubdtype, mintypecode, tensorinv, tensorsolve, and NumPy's edge cases of geomspace,
 * logspace, nan_to_num, round, ediff1d, real / imag, against NumPy fixtures
 * (scripts/gen_more_fixtures.py → tests/data/more/more.txt). */
#define _GNU_SOURCE
#include <numc/linalg.h>
#include <numc/manip.h>
#include <numc/sort.h>
#include <numc/ufunc.h>

#include "fixture.h"

#define FX NUMC_TEST_DATA "/more/more.txt"

static nd_array *in(const char *name)
{
    nd_array *a = fixture_load(FX, name);
    if (!a) printf("\nfixture input %s missing\n", name);
    return a;
}

/* Check parts[0..n) against fixtures prefix_0 .. prefix_{n-1} and free them. */
static void check_parts(const char *prefix, nd_array **parts, int n)
{
    for (int i = 0; i < n; i++) {
        char name[64];
        snprintf(name, sizeof name, "%s_%d", prefix, i);
        fixture_check(FX, name, parts[i]);
    }
}

/* A complex fixture (name_re / name_im lines) against got; frees got. */
static void check_complex(const char *name, nd_array *got)
{
    CU_ASSERT_PTR_NOT_NULL_FATAL(got);
    CU_ASSERT_TRUE(nd_dtype_is_complex(nd_dtype_of(got)));
    char re[64], im[64];
    snprintf(re, sizeof re, "%s_re", name);
    snprintf(im, sizeof im, "%s_im", name);
    fixture_check(FX, re, nd_real(got));
    fixture_check(FX, im, nd_imag(got));
    nd_free(got);
}

/* A 1-D array of dtype dt from int64 / double values. */
static nd_array *ints_as(const int64_t *v, ptrdiff_t n, nd_dtype dt)
{
    nd_array *a = nd_from_i64(v, n), *r = nd_astype(a, dt, ND_CAST_UNSAFE);
    nd_free(a);
    return r;
}
static nd_array *doubles_as(const double *v, ptrdiff_t n, nd_dtype dt)
{
    nd_array *a = nd_from_f64(v, n), *r = nd_astype(a, dt, ND_CAST_UNSAFE);
    nd_free(a);
    return r;
}

/* a has the fixture's dtype and shape and its values within rtol (NaN equals NaN). */
static void expect_close(const char *name, const nd_array *a, double rtol)
{
    if (!a) printf("\n%s: NULL (%s)\n", name, nd_errmsg());
    CU_ASSERT_PTR_NOT_NULL_FATAL(a);
    nd_array *want = fixture_load(FX, name);
    CU_ASSERT_PTR_NOT_NULL_FATAL(want);
    bool same = nd_dtype_of(a) == nd_dtype_of(want) && nd_ndim(a) == nd_ndim(want) &&
                !memcmp(nd_shape(a), nd_shape(want), sizeof(ptrdiff_t) * (size_t)nd_ndim(a));
    CU_ASSERT_TRUE(same);
    ptrdiff_t n = nd_size(want);
    double *w = calloc((size_t)n + 1, sizeof *w), *g = calloc((size_t)n + 1, sizeof *g);
    int bad = 0;
    if (same) {
        nd_to_f64(want, w);
        nd_to_f64(a, g);
        for (ptrdiff_t i = 0; i < n; i++)
            if (!((isnan(w[i]) && isnan(g[i])) || fabs(g[i] - w[i]) <= rtol * (1 + fabs(w[i]))) && bad++ < 3)
                printf("\n  %s[%td]: %.17g vs %.17g", name, i, g[i], w[i]);
    }
    CU_ASSERT_EQUAL(bad, 0);
    free(w);
    free(g);
    nd_free(want);
}

static void expect_free(const char *name, nd_array *a, double rtol)
{
    expect_close(name, a, rtol);
    nd_free(a);
}

static void test_hsplit_vsplit_dsplit(void)
{
    nd_array *a = in("in_a"), *parts[5] = { NULL };
    CU_ASSERT_EQUAL_FATAL(nd_hsplit(a, 3, parts), ND_OK);
    check_parts("hsplit3", parts, 3);
    CU_ASSERT_EQUAL_FATAL(nd_hsplit_at(a, 2, (ptrdiff_t[]){ 1, -1 }, parts), ND_OK);
    check_parts("hsplitat", parts, 3);
    CU_ASSERT_EQUAL_FATAL(nd_vsplit(a, 2, parts), ND_OK);
    CU_ASSERT_TRUE(nd_may_share_memory(parts[0], a)); /* views, like NumPy's */
    check_parts("vsplit2", parts, 2);
    CU_ASSERT_EQUAL_FATAL(nd_dsplit_at(a, 3, (ptrdiff_t[]){ 1, 3, 10 }, parts), ND_OK);
    check_parts("dsplitat", parts, 4);
    CU_ASSERT_EQUAL_FATAL(nd_dsplit(a, 2, parts), ND_OK);
    check_parts("dsplit2", parts, 2);
    nd_array *r = test_iota(1, (ptrdiff_t[]){ 6 });
    CU_ASSERT_EQUAL_FATAL(nd_hsplit(r, 3, parts), ND_OK); /* 1-D: along axis 0 */
    check_parts("hsplit1d", parts, 3);
    nd_array *neg = nd_view(a, ":, ::-1, ::2");
    CU_ASSERT_EQUAL_FATAL(nd_hsplit(neg, 3, parts), ND_OK);
    check_parts("hsplitneg", parts, 3);
    nd_array *e = nd_zeros(ND_SHAPE(0, 4), ND_FLOAT64);
    CU_ASSERT_EQUAL_FATAL(nd_hsplit(e, 2, parts), ND_OK);
    check_parts("hsplitempty", parts, 2);
    /* Errors: too few dimensions, unequal division, no sections. */
    nd_array *s = nd_scalar_array(ND_F64(1));
    CU_ASSERT_EQUAL(nd_hsplit(s, 1, parts), ND_EVALUE);
    CU_ASSERT_PTR_NOT_NULL(strstr(nd_errmsg(), "hsplit only works on arrays of 1 or more dimensions"));
    CU_ASSERT_EQUAL(nd_vsplit(r, 2, parts), ND_EVALUE);
    CU_ASSERT_PTR_NOT_NULL(strstr(nd_errmsg(), "vsplit only works on arrays of 2 or more dimensions"));
    CU_ASSERT_EQUAL(nd_dsplit_at(e, 1, (ptrdiff_t[]){ 1 }, parts), ND_EVALUE);
    CU_ASSERT_PTR_NOT_NULL(strstr(nd_errmsg(), "dsplit only works on arrays of 3 or more dimensions"));
    CU_ASSERT_EQUAL(nd_hsplit(a, 2, parts), ND_EVALUE);
    CU_ASSERT_PTR_NOT_NULL(strstr(nd_errmsg(), "equal division"));
    CU_ASSERT_EQUAL(nd_vsplit(a, 0, parts), ND_EVALUE);
    CU_ASSERT_EQUAL(nd_vsplit(a, 2, NULL), ND_EVALUE);
    CU_ASSERT_EQUAL(nd_hsplit_at(a, -1, NULL, parts), ND_EVALUE);
    nd_array *arr[] = { a, r, neg, e, s };
    for (size_t i = 0; i < sizeof arr / sizeof *arr; i++) nd_free(arr[i]);
}

static void test_rollaxis(void)
{
    nd_array *a = in("in_a");
    nd_array *r = nd_rollaxis(a, 2);
    CU_ASSERT_TRUE(nd_may_share_memory(r, a));
    fixture_check(FX, "roll_2", r);
    fixture_check(FX, "roll_0_3", nd_rollaxis(a, 0, 3));
    fixture_check(FX, "roll_1_m1", nd_rollaxis(a, 1, -1));
    fixture_check(FX, "roll_m1_1", nd_rollaxis(a, -1, 1));
    nd_array *v = nd_view(a, "::-1, :, 1:3");
    fixture_check(FX, "roll_neg", nd_rollaxis(v, 2, 1));
    CU_ASSERT_PTR_NULL(nd_rollaxis(a, 0, 4));
    CU_ASSERT_EQUAL(nd_last_error(), ND_EAXIS);
    CU_ASSERT_PTR_NOT_NULL(strstr(nd_errmsg(), "'start' arg requires -3 <= start < 4, but 4 was passed in"));
    CU_ASSERT_PTR_NULL(nd_rollaxis(a, 0, -4));
    CU_ASSERT_PTR_NULL(nd_rollaxis(a, 3));
    CU_ASSERT_EQUAL(nd_last_error(), ND_EAXIS);
    nd_array *e = nd_zeros(ND_SHAPE(0, 2), ND_FLOAT64), *re = nd_rollaxis(e, 1);
    CU_ASSERT_TRUE(re && nd_shape(re)[0] == 2 && nd_shape(re)[1] == 0);
    nd_free(re);
    nd_free(e);
    nd_array *s = nd_scalar_array(ND_F64(1));
    CU_ASSERT_PTR_NULL(nd_rollaxis(s, 0));
    nd_free(s);
    nd_free(v);
    nd_free(a);
}

static void test_isfortran_asfortranarray(void)
{
    nd_array *c = test_iota(2, (ptrdiff_t[]){ 3, 4 }), *t = nd_transpose(c);
    CU_ASSERT_FALSE(nd_isfortran(c));
    CU_ASSERT_TRUE(nd_isfortran(t));
    nd_array *col = nd_zeros(ND_SHAPE(3, 1), ND_FLOAT64), *v = test_iota(1, (ptrdiff_t[]){ 5 });
    CU_ASSERT_FALSE(nd_isfortran(col)); /* both contiguities: NumPy says False */
    CU_ASSERT_FALSE(nd_isfortran(v));
    nd_array *f = nd_asfortranarray(c);
    CU_ASSERT_TRUE(nd_is_f_contiguous(f));
    CU_ASSERT_FALSE(nd_shares_memory(f, c));
    CU_ASSERT_EQUAL(nd_get_i64(f, ND_IDX(2, 1)), 9);
    nd_array *same = nd_asfortranarray(t);
    CU_ASSERT_EQUAL(nd_data(same), nd_data(t)); /* already Fortran: the same data */
    nd_array *s = nd_scalar_array(ND_F64(3)), *s1 = nd_asfortranarray(s);
    CU_ASSERT_EQUAL(nd_ndim(s1), 1); /* NumPy: ndmin=1 */
    CU_ASSERT_EQUAL(nd_get_f64(s1, ND_IDX(0)), 3.0);
    nd_array *neg = nd_view(c, "::-1, ::2"), *fn = nd_asfortranarray(neg);
    CU_ASSERT_TRUE(nd_is_f_contiguous(fn));
    CU_ASSERT_EQUAL(nd_get_i64(fn, ND_IDX(0, 1)), 10);
    CU_ASSERT_FALSE(nd_isfortran(NULL));
    CU_ASSERT_PTR_NULL(nd_asfortranarray(NULL));
    nd_array *arr[] = { c, t, col, v, f, same, s, s1, neg, fn };
    for (size_t i = 0; i < sizeof arr / sizeof *arr; i++) nd_free(arr[i]);
}

static void test_require(void)
{
    nd_array *c = test_iota(2, (ptrdiff_t[]){ 3, 4 }), *t = nd_transpose(c);
    nd_array *r = nd_require(c);
    CU_ASSERT_EQUAL(nd_data(r), nd_data(c));
    nd_free(r);
    r = nd_require(c, -1, ND_REQ_C | ND_REQ_A | ND_REQ_W | ND_REQ_E); /* has them all */
    CU_ASSERT_EQUAL(nd_data(r), nd_data(c));
    nd_free(r);
    r = nd_require(t, -1, ND_REQ_C);
    CU_ASSERT_TRUE(nd_is_c_contiguous(r));
    CU_ASSERT_FALSE(nd_shares_memory(r, t));
    CU_ASSERT_EQUAL(nd_get_i64(r, ND_IDX(3, 2)), 11);
    nd_free(r);
    r = nd_require(t); /* order A: a Fortran array stays as it is */
    CU_ASSERT_EQUAL(nd_data(r), nd_data(t));
    nd_free(r);
    r = nd_require(t, ND_FLOAT32); /* a new dtype keeps the Fortran order */
    CU_ASSERT_EQUAL(nd_dtype_of(r), ND_FLOAT32);
    CU_ASSERT_TRUE(nd_isfortran(r));
    CU_ASSERT_EQUAL(nd_get_f64(r, ND_IDX(3, 2)), 11.0);
    nd_free(r);
    r = nd_require(c, -1, ND_REQ_F);
    CU_ASSERT_TRUE(nd_isfortran(r));
    nd_free(r);
    nd_array *own = nd_zeros(ND_SHAPE(3, 4), ND_INT64);
    r = nd_require(own, -1, ND_REQ_O | ND_REQ_W); /* owns its data: no copy */
    CU_ASSERT_EQUAL(nd_data(r), nd_data(own));
    nd_free(r);
    nd_free(own);
    r = nd_require(c, -1, ND_REQ_O); /* a reshape of arange is a view, as in NumPy: copied */
    CU_ASSERT_NOT_EQUAL(nd_data(r), nd_data(c));
    nd_free(r);
    nd_array *view = nd_view(c, "1:");
    r = nd_require(view, -1, ND_REQ_O); /* a view does not own its data: copied */
    CU_ASSERT_FALSE(nd_shares_memory(r, c));
    CU_ASSERT_FALSE(nd_is_view(r));
    CU_ASSERT_EQUAL(nd_get_i64(r, ND_IDX(0, 0)), 4);
    nd_free(r);
    r = nd_require(view, -1, ND_REQ_C); /* C-contiguous already: no copy */
    CU_ASSERT_TRUE(nd_shares_memory(r, c) == 1);
    nd_free(r);
    nd_array *ro = nd_copy(c, ND_ORDER_C);
    nd_set_readonly(ro);
    r = nd_require(ro, -1, ND_REQ_W);
    CU_ASSERT_TRUE(nd_is_writeable(r));
    CU_ASSERT_EQUAL(nd_get_i64(r, ND_IDX(2, 3)), 11);
    nd_free(r);
    r = nd_require(ro, ND_FLOAT64, ND_REQ_W); /* the conversion's copy is writeable */
    CU_ASSERT_TRUE(nd_is_writeable(r));
    CU_ASSERT_EQUAL(nd_dtype_of(r), ND_FLOAT64);
    nd_free(r);
    CU_ASSERT_PTR_NULL(nd_require(c, -1, ND_REQ_C | ND_REQ_F));
    CU_ASSERT_EQUAL(nd_last_error(), ND_EVALUE);
    CU_ASSERT_PTR_NOT_NULL(strstr(nd_errmsg(), "Cannot specify both \"C\" and \"F\" order"));
    CU_ASSERT_PTR_NULL(nd_require(c, -1, 1u << 9));
    CU_ASSERT_PTR_NULL(nd_require(c, 99, 0));
    CU_ASSERT_EQUAL(nd_last_error(), ND_EDTYPE);
    nd_free(view);
    nd_free(ro);
    nd_free(t);
    nd_free(c);
}

static void test_shares_memory(void)
{
    static const char *const pairs[][2] = {
        { "::2", "1::2" },      { "::3", "1::2" },       { ":, ::2", ":, 1::2" },     { "1:3, 2:4", "2:, :3" },
        { "0", "1" },           { "::-1, ::2", ":, 1::2" }, { "::-1, ::-2", ":, 1::2" }, { "0, 5", "1, 0" },
        { "0, 5:", "1, :1" },   { "1:3, 1:3", "::3, ::3" }, { ":2", "2:" },             { "...", "::-1, ::-1" },
        { ":0", "..." },
    };
    nd_array *r = nd_arange(0, 24, 1, ND_FLOAT64), *x = nd_reshape(r, ND_SHAPE(4, 6));
    for (size_t i = 0; i < sizeof pairs / sizeof *pairs; i++) {
        nd_array *a = nd_view(x, pairs[i][0]), *b = nd_view(x, pairs[i][1]);
        char name[32];
        snprintf(name, sizeof name, "shares_%zu", i);
        double want[2] = { -1, -1 };
        CU_ASSERT_EQUAL_FATAL(fixture_values(FX, name, want, 2), 2);
        int got = nd_shares_memory(a, b);
        if (got != (int)want[0]) printf("\n  %s: x[%s] x[%s] got %d\n", name, pairs[i][0], pairs[i][1], got);
        CU_ASSERT_EQUAL(got, (int)want[0]);
        CU_ASSERT_EQUAL(nd_shares_memory(b, a), (int)want[0]);
        CU_ASSERT_EQUAL(nd_shares_memory(a, b, 0), (int)want[1]); /* bounds only */
        CU_ASSERT_EQUAL(nd_may_share_memory(a, b), (int)want[1]);
        nd_free(a);
        nd_free(b);
    }
    /* Real and imaginary parts interleave without sharing a byte. */
    nd_array *cr = nd_arange(0, 12, 1, ND_COMPLEX128), *c = nd_reshape(cr, ND_SHAPE(3, 4));
    nd_array *re = nd_real(c), *im = nd_imag(c);
    double want[3] = { -1, -1, -1 };
    CU_ASSERT_EQUAL_FATAL(fixture_values(FX, "shares_real_imag", want, 2), 2);
    CU_ASSERT_EQUAL(nd_shares_memory(re, im), (int)want[0]);
    CU_ASSERT_EQUAL(nd_may_share_memory(re, im), (int)want[1]);
    CU_ASSERT_TRUE(nd_shares_memory(re, c) == 1);
    nd_array *re1 = nd_view(re, ":, 1"), *im0 = nd_view(im, ":, 0");
    CU_ASSERT_EQUAL(nd_shares_memory(re1, im0), 0);
    nd_array *re2 = nd_view(re, ":, ::2"), *re3 = nd_view(re, "::-1, 2");
    CU_ASSERT_EQUAL(nd_shares_memory(re2, re3), 1);
    /* A budget too small to decide: NumPy's TooHardError. */
    nd_array *big = nd_zeros(ND_SHAPE(4000), ND_INT8);
    nd_array *p = nd_view(big, "::7"), *q = nd_view(big, "3::11");
    nd_array *p2 = nd_view(big, "1:2000:6"), *q2 = nd_view(big, "3:4000:9");
    CU_ASSERT_EQUAL(nd_shares_memory(p, q), 1);
    CU_ASSERT_EQUAL(nd_shares_memory(p2, q2), 0); /* 1 + 6i == 3 + 9j has no solution mod 3 */
    CU_ASSERT_EQUAL(nd_shares_memory(p2, q2, 5), ND_EVALUE);
    CU_ASSERT_PTR_NOT_NULL(strstr(nd_errmsg(), "Exceeded max_work"));
    CU_ASSERT_EQUAL(nd_shares_memory(NULL, q), ND_EVALUE);
    nd_array *arr[] = { r, x, cr, c, re, im, re1, im0, re2, re3, big, p, q, p2, q2 };
    for (size_t i = 0; i < sizeof arr / sizeof *arr; i++) nd_free(arr[i]);
}

static void test_in1d_isin(void)
{
    nd_array *f = in("in_f"), *g = in("in_g"), *i1 = in("in_i1"), *i2 = in("in_i2");
    fixture_check(FX, "in1d_fg", nd_in1d(f, g));
    fixture_check(FX, "in1d_fg_inv", nd_in1d(f, g, .invert = true));
    fixture_check(FX, "in1d_i", nd_in1d(i1, i2));
    fixture_check(FX, "in1d_i_inv", nd_in1d(i1, i2, .invert = true));
    nd_array *fl = nd_from_f64((double[]){ 1.0, 7.5, 9.0 }, 3);
    fixture_check(FX, "in1d_if", nd_in1d(i1, fl));
    nd_array *u1 = nd_from_i64((int64_t[]){ 3, 1, 4 }, 3), *u2 = nd_from_i64((int64_t[]){ 4, 5, 1 }, 3);
    fixture_check(FX, "in1d_unique", nd_in1d(u1, u2, .assume_unique = true));
    nd_array *e = nd_zeros(ND_SHAPE(0), ND_FLOAT64);
    fixture_check(FX, "in1d_empty", nd_in1d(e, g));
    fixture_check(FX, "in1d_empty2", nd_in1d(f, e));
    nd_array *s = nd_scalar_array(ND_F64(1.5)), *s9 = nd_scalar_array(ND_F64(9));
    fixture_check(FX, "in1d_0d", nd_in1d(s, g));
    fixture_check(FX, "isin_i", nd_isin(i1, i2));
    fixture_check(FX, "isin_i_inv", nd_isin(i1, i2, .invert = true));
    nd_array *nc = nd_view(i1, ":, ::-2");
    fixture_check(FX, "isin_noncontig", nd_isin(nc, i2));
    fixture_check(FX, "isin_0d", nd_isin(s9, g));
    CU_ASSERT_PTR_NULL(nd_in1d(NULL, g));
    CU_ASSERT_EQUAL(nd_last_error(), ND_EVALUE);
    CU_ASSERT_PTR_NULL(nd_isin(f, NULL));
    /* bool searched among floats: True == 1.0 */
    nd_array *tf = nd_zeros(ND_SHAPE(2), ND_BOOL), *onef = nd_from_f64((double[]){ 1.0 }, 1);
    CU_ASSERT_EQUAL(nd_set(tf, ND_IDX(0), ND_BOOL_S(true)), ND_OK);
    nd_array *m = nd_in1d(tf, onef);
    CU_ASSERT_TRUE(m && nd_get_bool(m, ND_IDX(0)) && !nd_get_bool(m, ND_IDX(1)));
    nd_free(m);
    nd_free(tf);
    nd_free(onef);
    nd_array *arr[] = { f, g, i1, i2, fl, u1, u2, e, s, s9, nc };
    for (size_t i = 0; i < sizeof arr / sizeof *arr; i++) nd_free(arr[i]);
}

static void test_setdiff_setxor(void)
{
    nd_array *f = in("in_f"), *g = in("in_g"), *i1 = in("in_i1"), *i2 = in("in_i2");
    fixture_check(FX, "setdiff_fg", nd_setdiff1d(f, g));
    fixture_check(FX, "setdiff_i", nd_setdiff1d(i1, i2));
    nd_array *fl = nd_from_f64((double[]){ 1.0, 7.5 }, 2);
    fixture_check(FX, "setdiff_i_float", nd_setdiff1d(i1, fl)); /* ar1's dtype */
    nd_array *u1 = nd_from_i64((int64_t[]){ 3, 1, 4, 8 }, 4), *u2 = nd_from_i64((int64_t[]){ 4, 5, 1 }, 3);
    fixture_check(FX, "setdiff_unique", nd_setdiff1d(u1, u2, .assume_unique = true));
    fixture_check(FX, "setxor_fg", nd_setxor1d(f, g));
    fixture_check(FX, "setxor_i", nd_setxor1d(i1, i2));
    nd_array *u3 = nd_from_i64((int64_t[]){ 3, 1, 4 }, 3);
    fixture_check(FX, "setxor_unique", nd_setxor1d(u3, u2, .assume_unique = true));
    nd_array *n1 = nd_from_f64((double[]){ NAN }, 1);
    fixture_check(FX, "setxor_nan", nd_setxor1d(n1, n1));
    nd_array *e = nd_zeros(ND_SHAPE(0), ND_INT64);
    fixture_check(FX, "setxor_empty", nd_setxor1d(e, e));
    CU_ASSERT_PTR_NULL(nd_setxor1d(NULL, e));
    CU_ASSERT_PTR_NULL(nd_setdiff1d(e, NULL));
    nd_array *arr[] = { f, g, i1, i2, fl, u1, u2, u3, n1, e };
    for (size_t i = 0; i < sizeof arr / sizeof *arr; i++) nd_free(arr[i]);
}

static void test_msort_sort_complex(void)
{
    nd_array *m = in("in_m");
    fixture_check(FX, "msort_m", nd_msort(m));
    nd_array *neg = nd_view(m, "::-1, ::-2");
    fixture_check(FX, "msort_neg", nd_msort(neg));
    nd_array *zr = in("in_z_re"), *zi = in("in_z_im");
    nd_array *z = nd_astype(zr, ND_COMPLEX128, ND_CAST_UNSAFE), *zim = nd_imag(z);
    CU_ASSERT_EQUAL(nd_assign(zim, zi, ND_CAST_DEFAULT), ND_OK);
    check_complex("sortc_z", nd_sort_complex(z));
    nd_array *u8 = ints_as((int64_t[]){ 200, 3, 77 }, 3, ND_UINT8);
    check_complex("sortc_u8", nd_sort_complex(u8));
    nd_array *f32 = doubles_as((double[]){ 2.5, -1.0, 0.5, 0.25 }, 4, ND_FLOAT32);
    nd_array *f32m = nd_reshape(f32, ND_SHAPE(2, 2));
    check_complex("sortc_f32", nd_sort_complex(f32m));
    nd_array *i64 = nd_from_i64((int64_t[]){ 9, -3, 4 }, 3);
    check_complex("sortc_i64", nd_sort_complex(i64));
    nd_array *s = nd_scalar_array(ND_F64(1));
    CU_ASSERT_PTR_NULL(nd_msort(s));
    CU_ASSERT_EQUAL(nd_last_error(), ND_EAXIS);
    CU_ASSERT_PTR_NULL(nd_sort_complex(s));
    CU_ASSERT_EQUAL(nd_last_error(), ND_EAXIS);
    CU_ASSERT_PTR_NULL(nd_msort(NULL));
    /* Empty inputs keep their shape; sort_complex's dtype rule holds for them too. */
    nd_array *e = nd_zeros(ND_SHAPE(0, 3), ND_FLOAT64), *e8 = nd_zeros(ND_SHAPE(0), ND_INT8);
    nd_array *me = nd_msort(e), *ce = nd_sort_complex(e8);
    CU_ASSERT_TRUE(me && nd_ndim(me) == 2 && nd_shape(me)[0] == 0 && nd_shape(me)[1] == 3);
    CU_ASSERT_TRUE(ce && nd_size(ce) == 0 && nd_dtype_of(ce) == ND_COMPLEX64);
    nd_free(me);
    nd_free(ce);
    nd_free(e);
    nd_free(e8);
    nd_array *arr[] = { m, neg, zr, zi, z, zim, u8, f32, f32m, i64, s };
    for (size_t i = 0; i < sizeof arr / sizeof *arr; i++) nd_free(arr[i]);
}

static void test_issubdtype_mintypecode(void)
{
    int every[ND_NTYPES + 9];
    for (int i = 0; i < ND_NTYPES; i++) every[i] = i;
    for (int k = 0; k < 9; k++) every[ND_NTYPES + k] = ND_KIND_GENERIC + k;
    enum { N = ND_NTYPES + 9 };
    double want[N * N];
    CU_ASSERT_EQUAL_FATAL(fixture_values(FX, "issub", want, N * N), N * N);
    int bad = 0;
    for (int i = 0; i < N; i++)
        for (int j = 0; j < N; j++)
            if (nd_issubdtype(every[i], every[j]) != (want[i * N + j] != 0) && bad++ < 5)
                printf("\n  issubdtype(%d, %d) differs from NumPy", every[i], every[j]);
    CU_ASSERT_EQUAL(bad, 0);
    CU_ASSERT_TRUE(nd_issubdtype(ND_FLOAT32, ND_KIND_FLOATING));
    CU_ASSERT_FALSE(nd_issubdtype(ND_BOOL, ND_KIND_NUMBER));
    CU_ASSERT_FALSE(nd_issubdtype(ND_INT8, 200));
    CU_ASSERT_EQUAL(nd_last_error(), ND_EDTYPE);
    CU_ASSERT_STRING_EQUAL(nd_kind_name(ND_KIND_COMPLEXFLOATING), "complexfloating");
    CU_ASSERT_EQUAL(nd_dtype_char(ND_UINT16), 'H');
    CU_ASSERT_EQUAL(nd_dtype_char(ND_COMPLEX128), 'D');
    static const char *const cases[][3] = { { "fdF", "GDFgdf", "d" }, { "ifQ", "GDFgdf", "d" }, { "ii", "GDFgdf", "d" },
                                            { "fd", "Gg", "d" },      { "fd", "Gg", "G" },      { "bhf", "GDFgdf", "d" },
                                            { "Dd", "GDFgdf", "d" },  { "lLh", "lLhH", "d" },   { "", "GDFgdf", "F" } };
    for (int i = 0; i < 9; i++) {
        char name[32];
        double w = -1;
        snprintf(name, sizeof name, "mintype_%d", i);
        CU_ASSERT_EQUAL_FATAL(fixture_values(FX, name, &w, 1), 1);
        CU_ASSERT_EQUAL(nd_mintypecode(cases[i][0], cases[i][1], cases[i][2][0]), (char)w);
    }
    CU_ASSERT_EQUAL(nd_mintypecode("fdF"), 'D');
    CU_ASSERT_EQUAL(nd_mintypecode("ii"), 'd');
    CU_ASSERT_EQUAL(nd_mintypecode("hf", "hH"), 'h');
    CU_ASSERT_EQUAL(nd_mintypecode("e", "ed"), '\0');
    CU_ASSERT_EQUAL(nd_last_error(), ND_EVALUE);
    CU_ASSERT_EQUAL(nd_mintypecode(NULL), '\0');
}

static void test_tensorinv_tensorsolve(void)
{
    nd_array *t = in("in_t"), *t1 = in("in_t1");
    nd_array *ti = nd_tensorinv(t);
    expect_close("tinv_2", ti, 1e-9);
    CU_ASSERT_EQUAL(nd_ndim(ti), 4);
    CU_ASSERT_EQUAL(nd_shape(ti)[0], 8);
    CU_ASSERT_EQUAL(nd_shape(ti)[3], 6);
    nd_free(ti);
    ti = nd_tensorinv(t1, 1);
    expect_close("tinv_1", ti, 1e-9);
    CU_ASSERT_EQUAL(nd_shape(ti)[0], 2);
    nd_free(ti);
    nd_array *s = in("in_s"), *sb = in("in_sb"), *s2 = in("in_s2");
    nd_array *x = nd_tensorsolve(s, sb);
    expect_close("tsolve", x, 1e-9);
    CU_ASSERT_EQUAL(nd_ndim(x), 3);
    nd_free(x);
    x = nd_tensorsolve(s2, sb, ND_AXES(0, 1, 3));
    expect_close("tsolve_axes", x, 1e-9);
    nd_free(x);
    nd_array *s3 = nd_moveaxis(s2, 1, (int[]){ 3 }, (int[]){ 0 });
    x = nd_tensorsolve(s3, sb, ND_AXES(1, 2, 0, 0)); /* NumPy's list walk: repeats allowed */
    expect_close("tsolve_axes_rep", x, 1e-9);
    nd_free(x);
    /* Errors */
    CU_ASSERT_PTR_NULL(nd_tensorinv(t, 0));
    CU_ASSERT_EQUAL(nd_last_error(), ND_EVALUE);
    CU_ASSERT_PTR_NULL(nd_tensorinv(t, 1)); /* 4 x 144: not square */
    CU_ASSERT_EQUAL(nd_last_error(), ND_ELINALG);
    nd_array *z = nd_zeros(ND_SHAPE(2, 2, 2, 2), ND_FLOAT64);
    CU_ASSERT_PTR_NULL(nd_tensorinv(z)); /* singular */
    CU_ASSERT_EQUAL(nd_last_error(), ND_ELINALG);
    nd_array *z0 = nd_zeros(ND_SHAPE(0, 3), ND_FLOAT64);
    CU_ASSERT_PTR_NULL(nd_tensorinv(z0, 2));
    CU_ASSERT_PTR_NULL(nd_tensorsolve(s, t1));
    CU_ASSERT_EQUAL(nd_last_error(), ND_ELINALG);
    CU_ASSERT_PTR_NOT_NULL(strstr(nd_errmsg(), "prod(a.shape[b.ndim:]) == prod(a.shape[:b.ndim])"));
    CU_ASSERT_PTR_NULL(nd_tensorsolve(s2, sb, ND_AXES(-1)));
    CU_ASSERT_EQUAL(nd_last_error(), ND_EAXIS);
    CU_ASSERT_PTR_NULL(nd_tensorsolve(s2, sb, ND_AXES(5)));
    CU_ASSERT_PTR_NULL(nd_tensorsolve(s2, NULL));
    /* A 2-D a and 1-D b: plain solve; empty operator: empty solution. */
    nd_array *i3 = nd_eye(3, 3, 0, ND_FLOAT64), *b3 = nd_from_f64((double[]){ 1, 2, 3 }, 3);
    x = nd_tensorsolve(i3, b3);
    CU_ASSERT_TRUE(x && nd_ndim(x) == 1 && nd_get_f64(x, ND_IDX(2)) == 3.0);
    nd_free(x);
    nd_array *z00 = nd_zeros(ND_SHAPE(0, 0), ND_FLOAT64), *b0 = nd_zeros(ND_SHAPE(0), ND_FLOAT64);
    x = nd_tensorsolve(z00, b0);
    if (!x) printf("\n  tensorsolve of empty: %s\n", nd_errmsg());
    CU_ASSERT_TRUE(x && nd_ndim(x) == 1 && nd_size(x) == 0);
    nd_free(x);
    nd_free(i3);
    nd_free(b3);
    nd_free(z00);
    nd_free(b0);
    nd_array *arr[] = { t, t1, s, sb, s2, s3, z, z0 };
    for (size_t i = 0; i < sizeof arr / sizeof *arr; i++) nd_free(arr[i]);
}

/* Routines that live elsewhere, held to NumPy's edge cases. */
static void test_spaces_nan_to_num_round(void)
{
    fixture_check(FX, "geom_neg", nd_geomspace(-1, -1000, 4));
    fixture_check(FX, "geom_desc", nd_geomspace(8, 2, 3));
    fixture_check(FX, "geom_one", nd_geomspace(1, 1000, 1));
    expect_free("geom_noend", nd_geomspace(1, 16, 4, .no_endpoint = true), 1e-15);
    CU_ASSERT_PTR_NULL(nd_geomspace(0, 1, 3));
    CU_ASSERT_PTR_NOT_NULL(strstr(nd_errmsg(), "geometric sequence cannot include zero"));
    nd_array *e = nd_geomspace(1, 1000, .num = 0);
    CU_ASSERT_EQUAL(nd_size(e), 0);
    nd_free(e);
    fixture_check(FX, "logsp_base2", nd_logspace(0, 3, 4, .base = 2));
    expect_free("logsp_noend", nd_logspace(2, 3, 4, .no_endpoint = true), 1e-15);
    fixture_check(FX, "logsp_f32", nd_logspace(0, 2, 3, .dtype = ND_FLOAT32));
    nd_array *v = nd_from_f64((double[]){ NAN, INFINITY, -INFINITY, 1.0 }, 4);
    fixture_check(FX, "nan2num_opts", nd_nan_to_num(v, 5, 7, -9));
    fixture_check(FX, "nan2num_dflt", nd_nan_to_num(v, 0, NAN, NAN));
    nd_array *i16 = ints_as((int64_t[]){ 3, -4 }, 2, ND_INT16);
    fixture_check(FX, "nan2num_int", nd_nan_to_num(i16, 0, NAN, NAN));
    nd_array *r = in("in_r");
    fixture_check(FX, "round_m2", nd_round(r, -2));
    fixture_check(FX, "round_m1", nd_round(r, -1));
    fixture_check(FX, "round_2", nd_around(r, 2));
    nd_array *ri = nd_from_i64((int64_t[]){ 12, 15, 25, -35, -45 }, 5);
    fixture_check(FX, "round_i_m1", nd_round(ri, -1));
    nd_array *i8 = ints_as((int64_t[]){ 125, -125, 14 }, 3, ND_INT8);
    fixture_check(FX, "round_i8_m1", nd_round(i8, -1));
    nd_array *i32 = ints_as((int64_t[]){ 12, 15 }, 2, ND_INT32);
    fixture_check(FX, "round_i_2", nd_round(i32, 2));
    nd_array *f32 = doubles_as((double[]){ 15, 25, 1234.5 }, 3, ND_FLOAT32);
    fixture_check(FX, "round_f32_m1", nd_round(f32, -1));
    nd_array *d = nd_from_i64((int64_t[]){ 1, 4, 9, 16 }, 4), *d2 = nd_reshape(d, ND_SHAPE(2, 2));
    nd_array *te = nd_from_i64((int64_t[]){ 100, 200 }, 2), *tb = nd_scalar_array(ND_I64(-5));
    fixture_check(FX, "ediff_opts", nd_ediff1d(d2, te, tb));
    nd_array *ef = nd_zeros(ND_SHAPE(0), ND_FLOAT64), *one = nd_from_f64((double[]){ 1.0 }, 1);
    fixture_check(FX, "ediff_empty", nd_ediff1d(ef, NULL, one));
    nd_array *cr = nd_arange(0, 12, 1, ND_COMPLEX128), *c = nd_reshape(cr, ND_SHAPE(3, 4));
    nd_array *ci = nd_imag(c);
    /* c = arange(12) + 1j * arange(12): the imaginary parts equal the real ones. */
    nd_array *cfull = nd_arange(0, 12, 1, ND_FLOAT64), *cf2 = nd_reshape(cfull, ND_SHAPE(3, 4));
    CU_ASSERT_EQUAL(nd_assign(ci, cf2, ND_CAST_DEFAULT), ND_OK); /* imag() of complex is a writable view */
    fixture_check(FX, "real_c", nd_real(c));
    nd_array *cv = nd_view(c, "::-1, 1::2");
    fixture_check(FX, "imag_c", nd_imag(cv));
    nd_array *arr[] = { v, i16, r, ri, i8, i32, f32, d, d2, te, tb, ef, one, cr, c, ci, cfull, cf2, cv };
    for (size_t i = 0; i < sizeof arr / sizeof *arr; i++) nd_free(arr[i]);
}

/* Yields 1.9, -2.5, 300 or 1, 2, 3 (ctx: a counter and the set). */
typedef struct counter {
    int i, n;
    const double *v;
} counter;
static bool next_value(void *ctx, nd_scalar *out)
{
    counter *c = ctx;
    if (c->i >= c->n) return false;
    *out = ND_F64(c->v[c->i++]);
    return true;
}

static void test_asarray_frombuffer_fromiter(void)
{
    nd_array *c = test_iota(2, (ptrdiff_t[]){ 3, 4 }), *t = nd_transpose(c);
    nd_array *r = nd_asarray(c);
    CU_ASSERT_EQUAL(nd_data(r), nd_data(c));
    nd_free(r);
    r = nd_asarray(t, -1, ND_ORDER_A); /* F-contiguous: no copy */
    CU_ASSERT_EQUAL(nd_data(r), nd_data(t));
    nd_free(r);
    r = nd_asarray(t, -1, ND_ORDER_C);
    CU_ASSERT_TRUE(nd_is_c_contiguous(r));
    CU_ASSERT_EQUAL(nd_get_i64(r, ND_IDX(3, 1)), 7);
    nd_free(r);
    r = nd_asarray(t, ND_FLOAT32); /* K keeps the layout */
    CU_ASSERT_EQUAL(nd_dtype_of(r), ND_FLOAT32);
    CU_ASSERT_TRUE(nd_isfortran(r));
    nd_free(r);
    nd_array *neg = nd_view(c, "::-1");
    r = nd_asarray(neg, -1, ND_ORDER_A); /* neither contiguity: a C copy */
    CU_ASSERT_TRUE(nd_is_c_contiguous(r));
    CU_ASSERT_EQUAL(nd_get_i64(r, ND_IDX(0, 0)), 8);
    nd_free(r);
    CU_ASSERT_PTR_NULL(nd_asarray(c, 42));
    CU_ASSERT_EQUAL(nd_last_error(), ND_EDTYPE);
    nd_array *a3 = in("in_a"), *va = nd_view(a3, ":, ::-1, 1");
    nd_array *ft = nd_fastCopyAndTranspose(va);
    CU_ASSERT_TRUE(nd_is_c_contiguous(ft));
    fixture_check(FX, "fastcat", ft);
    nd_free(va);
    nd_free(a3);

    unsigned char buf[16];
    for (int i = 0; i < 16; i++) buf[i] = (unsigned char)i;
    nd_array *b = nd_frombuffer(buf, 16, ND_INT32, -1, 4);
    CU_ASSERT_EQUAL(nd_data(b), (void *)(buf + 4)); /* a view of the caller's bytes */
    fixture_check(FX, "frombuf_i32_off4", b);
    fixture_check(FX, "frombuf_u16_cnt3", nd_frombuffer(buf, 16, ND_UINT16, 3, 2));
    fixture_check(FX, "frombuf_end", nd_frombuffer(buf, 16, ND_INT32, -1, 16));
    nd_array *d = nd_frombuffer(buf, 16);
    CU_ASSERT_EQUAL(nd_size(d), 2);
    nd_free(d);
    CU_ASSERT_PTR_NULL(nd_frombuffer(buf, 16, ND_INT32, 5));
    CU_ASSERT_PTR_NOT_NULL(strstr(nd_errmsg(), "buffer is smaller than requested size"));
    CU_ASSERT_PTR_NULL(nd_frombuffer(buf, 16, ND_INT32, -1, 17));
    CU_ASSERT_PTR_NOT_NULL(strstr(nd_errmsg(), "offset must be non-negative and no greater than buffer length (16)"));
    CU_ASSERT_PTR_NULL(nd_frombuffer(buf, 16, ND_INT64, -1, 4));
    CU_ASSERT_PTR_NOT_NULL(strstr(nd_errmsg(), "buffer size must be a multiple of element size"));
    CU_ASSERT_PTR_NULL(nd_frombuffer(NULL, 8));

    counter k = { 0, 3, (const double[]){ 1.9, -2.5, 300.0 } };
    fixture_check(FX, "fromiter_i8", nd_fromiter(next_value, &k, ND_FLOAT32));
    counter k2 = { 0, 3, (const double[]){ 1, 2, 3 } };
    fixture_check(FX, "fromiter_cnt2", nd_fromiter(next_value, &k2, ND_INT16, 2));
    counter k3 = { 0, 3, (const double[]){ 1, 2, 3 } };
    CU_ASSERT_PTR_NULL(nd_fromiter(next_value, &k3, ND_INT8, 5));
    CU_ASSERT_PTR_NOT_NULL(strstr(nd_errmsg(), "iterator too short: Expected 5 but iterator had only 3 items."));
    counter k4 = { 0, 0, NULL };
    nd_array *e = nd_fromiter(next_value, &k4, ND_FLOAT64);
    CU_ASSERT_EQUAL(nd_size(e), 0);
    nd_free(e);
    CU_ASSERT_PTR_NULL(nd_fromiter(NULL, NULL, ND_FLOAT64));
    /* disp: str(a) and a newline, or none */
    FILE *f = tmpfile();
    CU_ASSERT_PTR_NOT_NULL_FATAL(f);
    nd_array *row = nd_view(c, "1");
    CU_ASSERT_EQUAL(nd_disp(row, f), ND_OK);
    CU_ASSERT_EQUAL(nd_disp(row, f, false), ND_OK);
    rewind(f);
    char text[64] = { 0 };
    size_t got = fread(text, 1, sizeof text - 1, f);
    CU_ASSERT_EQUAL(got, strlen("[4 5 6 7]\n[4 5 6 7]"));
    CU_ASSERT_STRING_EQUAL(text, "[4 5 6 7]\n[4 5 6 7]");
    fclose(f);
    nd_free(row);
    CU_ASSERT_EQUAL(nd_disp(NULL), ND_EVALUE);
    nd_free(neg);
    nd_free(t);
    nd_free(c);
}

static const ND_TEST tests[] = {
    ND_T(test_hsplit_vsplit_dsplit),  ND_T(test_rollaxis),
    ND_T(test_isfortran_asfortranarray), ND_T(test_require),
    ND_T(test_shares_memory),         ND_T(test_in1d_isin),
    ND_T(test_setdiff_setxor),        ND_T(test_msort_sort_complex),
    ND_T(test_issubdtype_mintypecode), ND_T(test_tensorinv_tensorsolve),
    ND_T(test_spaces_nan_to_num_round), ND_T(test_asarray_frombuffer_fromiter), { 0 }
};
ND_TEST_MAIN("more_routines", tests)
