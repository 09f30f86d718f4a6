/* User-defined ufuncs: typed loops, type resolution, broadcasting, out / where / dtype,
 * several outputs, the worker pool, and the methods, against NumPy fixtures
 * (scripts/gen_ufuncm_fixtures.py → tests/data/ufuncm) and known values. */
#define _GNU_SOURCE
#include <numc/threads.h>
#include <numc/ufunc.h>

#include "fixture.h"

#define FX NUMC_TEST_DATA "/ufuncm/ufuncm.txt"

static nd_array *in(const char *name) { return fixture_load(FX, name); }

/* got has the fixture's shape and values within rtol (NaN equals NaN). */
static void expect(const char *name, const nd_array *got, double rtol)
{
    nd_array *want = in(name);
    CU_ASSERT_PTR_NOT_NULL_FATAL(want);
    CU_ASSERT_PTR_NOT_NULL_FATAL(got);
    CU_ASSERT_TRUE(fixture_same(name, want, got, rtol, false));
    nd_free(want);
}

static double myhypot(double a, double b) { return sqrt(a * a + b * b); }
static double sqrtabs(double a) { return sqrt(fabs(a)); }
static double plain_sub(double a, double b) { return a - b; }

/* 3x + 1 for int64 and for float64 */
static void tp1_i64(char **args, const ptrdiff_t *dims, const ptrdiff_t *steps, void *ctx)
{
    (void)ctx;
    for (ptrdiff_t i = 0; i < dims[0]; i++)
        *(int64_t *)(args[1] + i * steps[1]) = 3 * *(const int64_t *)(args[0] + i * steps[0]) + 1;
}
static void tp1_f64(char **args, const ptrdiff_t *dims, const ptrdiff_t *steps, void *ctx)
{
    (void)ctx;
    for (ptrdiff_t i = 0; i < dims[0]; i++)
        *(double *)(args[1] + i * steps[1]) = 3 * *(const double *)(args[0] + i * steps[0]) + 1;
}
/* |a - b| for int64 (the ctx counts calls: it must be reached) */
static void absdiff_i64(char **args, const ptrdiff_t *dims, const ptrdiff_t *steps, void *ctx)
{
    (void)ctx;
    for (ptrdiff_t i = 0; i < dims[0]; i++) {
        int64_t d = *(const int64_t *)(args[0] + i * steps[0]) - *(const int64_t *)(args[1] + i * steps[1]);
        *(int64_t *)(args[2] + i * steps[2]) = d < 0 ? -d : d;
    }
}
/* x * 2^n with a float64 and an int64 input (a mixed-type loop) */
static void scale2_loop(char **args, const ptrdiff_t *dims, const ptrdiff_t *steps, void *ctx)
{
    (void)ctx;
    for (ptrdiff_t i = 0; i < dims[0]; i++)
        *(double *)(args[2] + i * steps[2]) =
            ldexp(*(const double *)(args[0] + i * steps[0]), (int)*(const int64_t *)(args[1] + i * steps[1]));
}
/* two outputs: fractional and integral parts */
static void split_loop(char **args, const ptrdiff_t *dims, const ptrdiff_t *steps, void *ctx)
{
    (void)ctx;
    for (ptrdiff_t i = 0; i < dims[0]; i++) {
        double ip, x = *(const double *)(args[0] + i * steps[0]);
        *(double *)(args[1] + i * steps[1]) = modf(x, &ip);
        *(double *)(args[2] + i * steps[2]) = ip;
    }
}

static void test_scalar_function_ufuncs(void)
{
    nd_userfunc *h = nd_ufunc_from_f64_binary("myhypot", myhypot, &ND_F64(0));
    nd_userfunc *s = nd_ufunc_from_f64("sqrtabs", sqrtabs);
    CU_ASSERT_STRING_EQUAL(nd_userfunc_name(h), "myhypot");
    CU_ASSERT_EQUAL(nd_userfunc_nin(h), 2);
    CU_ASSERT_EQUAL(nd_userfunc_nout(s), 1);
    nd_array *f = in("in_f"), *row = nd_view(f, "0");
    nd_array *r = nd_userfunc_call2(h, f, row); /* broadcasting (3,4) with (4,) */
    expect("uu_f", r, 1e-15);
    nd_free(r);
    expect("uu_sq", r = nd_userfunc_call1(s, f), 1e-15);
    nd_free(r);
    /* a C scalar operand and an int input (cast safely to the float64 loop) */
    nd_array *i3 = nd_from_i64((int64_t[]){ 3, 5, 8 }, 3);
    r = nd_userfunc_call2(h, i3, 4);
    CU_ASSERT_DOUBLE_EQUAL(nd_get_f64(r, 1, (ptrdiff_t[]){ 0 }), 5.0, 1e-15);
    CU_ASSERT_DOUBLE_EQUAL(nd_get_f64(r, 1, (ptrdiff_t[]){ 1 }), sqrt(41.0), 1e-15);
    CU_ASSERT_EQUAL(nd_dtype_of(r), ND_FLOAT64);
    nd_free(r);
    /* 0-d */
    nd_array *z = nd_scalar_array(ND_F64(-9));
    r = nd_userfunc_call1(s, z);
    CU_ASSERT_EQUAL(nd_ndim(r), 0);
    CU_ASSERT_DOUBLE_EQUAL(nd_item_f64(r), 3.0, 0);
    nd_free(r);
    /* complex input does not cast safely to float64 */
    nd_array *c = nd_zeros(ND_SHAPE(2), ND_COMPLEX128);
    CU_ASSERT_PTR_NULL(nd_userfunc_call1(s, c));
    CU_ASSERT_EQUAL(nd_last_error(), ND_EDTYPE);
    CU_ASSERT_PTR_NOT_NULL(strstr(nd_errmsg(), "sqrtabs"));
    nd_array *arr[] = { f, row, i3, z, c };
    for (size_t i = 0; i < sizeof arr / sizeof *arr; i++) nd_free(arr[i]);
    nd_ufunc_free(h);
    nd_ufunc_free(s);
}

static void test_type_resolution_picks_first_safe_loop(void)
{
    nd_ufunc_loop loops[] = {
        { { ND_INT64, ND_INT64 }, tp1_i64, NULL },
        { { ND_FLOAT64, ND_FLOAT64 }, tp1_f64, NULL },
    };
    nd_userfunc *u = nd_ufunc_new("tp1", 1, 1, 2, loops, NULL);
    CU_ASSERT_PTR_NOT_NULL_FATAL(u);
    nd_array *i = in("in_i");
    nd_array *r = nd_userfunc_call1(u, i);
    fixture_check(FX, "uu_i", r);
    nd_array *i8 = nd_astype(i, ND_INT8, ND_CAST_UNSAFE);
    r = nd_userfunc_call1(u, i8);
    CU_ASSERT_EQUAL(nd_dtype_of(r), ND_INT64); /* int8 → the int64 loop */
    nd_free(r);
    nd_array *f32 = nd_astype(i, ND_FLOAT32, ND_CAST_UNSAFE);
    r = nd_userfunc_call1(u, f32);
    CU_ASSERT_EQUAL(nd_dtype_of(r), ND_FLOAT64); /* float32 → the float64 loop */
    CU_ASSERT_DOUBLE_EQUAL(nd_get_f64(r, 2, (ptrdiff_t[]){ 0, 0 }),
                           3 * nd_get_f64(f32, 2, (ptrdiff_t[]){ 0, 0 }) + 1, 0);
    nd_free(r);
    nd_array *u64 = nd_zeros(ND_SHAPE(2), ND_UINT64);
    r = nd_userfunc_call1(u, u64); /* uint64 does not cast safely to int64: float64 */
    CU_ASSERT_EQUAL(nd_dtype_of(r), ND_FLOAT64);
    nd_free(r);
    /* .dtype picks the loop by its output dtype; .casting governs the inputs then */
    nd_array *f = in("in_f");
    r = nd_userfunc_call1(u, f, .dtype = ND_INT64, .casting = ND_CAST_UNSAFE);
    CU_ASSERT_EQUAL(nd_dtype_of(r), ND_INT64);
    nd_free(r);
    CU_ASSERT_PTR_NULL(nd_userfunc_call1(u, f, .dtype = ND_INT64));
    CU_ASSERT_EQUAL(nd_last_error(), ND_EDTYPE);
    CU_ASSERT_PTR_NULL(nd_userfunc_call1(u, f, .dtype = ND_FLOAT32));
    CU_ASSERT_EQUAL(nd_last_error(), ND_EDTYPE);
    /* a mixed-type loop (float64, int64) -> float64 */
    nd_ufunc_loop sl = { { ND_FLOAT64, ND_INT64, ND_FLOAT64 }, scale2_loop, NULL };
    nd_userfunc *sc = nd_ufunc_new("scale2", 2, 1, 1, &sl, NULL);
    nd_array *e = nd_from_i64((int64_t[]){ 0, 1, 3 }, 3);
    nd_array *e32 = nd_astype(e, ND_INT32, ND_CAST_UNSAFE);
    r = nd_userfunc_call2(sc, 1.5, e32);
    CU_ASSERT_DOUBLE_EQUAL(nd_get_f64(r, 1, (ptrdiff_t[]){ 2 }), 12.0, 0);
    nd_free(r);
    CU_ASSERT_PTR_NULL(nd_userfunc_call2(sc, e32, f)); /* float64 second input: no loop */
    CU_ASSERT_EQUAL(nd_last_error(), ND_EDTYPE);
    /* a mixed loop cannot reduce */
    CU_ASSERT_PTR_NULL(nd_userfunc_reduce(sc, f, NULL));
    CU_ASSERT_EQUAL(nd_last_error(), ND_EDTYPE);
    nd_array *arr[] = { i, i8, f32, u64, f, e, e32 };
    for (size_t k = 0; k < sizeof arr / sizeof *arr; k++) nd_free(arr[k]);
    nd_ufunc_free(sc);
    nd_ufunc_free(u);
}

static void test_out_where_and_two_outputs(void)
{
    nd_userfunc *s = nd_ufunc_from_f64("sqrtabs", sqrtabs);
    nd_array *x = nd_from_f64((double[]){ 4, -9, 16, 25 }, 4);
    nd_array *out = nd_full(ND_SHAPE(4), ND_FLOAT32, ND_F64(-1));
    nd_array *w = nd_from_buffer((bool[]){ true, false, true, false }, 1, (ptrdiff_t[]){ 4 }, ND_BOOL);
    /* float64 loop → float32 out is same_kind; masked-out elements keep their value */
    CU_ASSERT_EQUAL(nd_userfunc_call1_into(s, out, x, .where = w), ND_OK);
    CU_ASSERT_DOUBLE_EQUAL(nd_get_f64(out, 1, (ptrdiff_t[]){ 0 }), 2.0, 0);
    CU_ASSERT_DOUBLE_EQUAL(nd_get_f64(out, 1, (ptrdiff_t[]){ 1 }), -1.0, 0);
    CU_ASSERT_DOUBLE_EQUAL(nd_get_f64(out, 1, (ptrdiff_t[]){ 2 }), 4.0, 0);
    /* in place, the output overlapping the input */
    CU_ASSERT_EQUAL(nd_userfunc_call1_into(s, x, x), ND_OK);
    CU_ASSERT_DOUBLE_EQUAL(nd_get_f64(x, 1, (ptrdiff_t[]){ 1 }), 3.0, 0);
    /* reversed view as out of its own base: element order must not leak */
    nd_array *y = nd_from_f64((double[]){ 1, 4, 9, 16 }, 4), *yr = nd_view(y, "::-1");
    CU_ASSERT_EQUAL(nd_userfunc_call1_into(s, yr, y), ND_OK);
    CU_ASSERT_DOUBLE_EQUAL(nd_get_f64(y, 1, (ptrdiff_t[]){ 0 }), 4.0, 0);
    CU_ASSERT_DOUBLE_EQUAL(nd_get_f64(y, 1, (ptrdiff_t[]){ 3 }), 1.0, 0);
    /* errors: out shape, int out (casting), read-only, where shape */
    nd_array *o3 = nd_zeros(ND_SHAPE(3), ND_FLOAT64), *oi = nd_zeros(ND_SHAPE(4), ND_INT64);
    CU_ASSERT_EQUAL(nd_userfunc_call1_into(s, o3, x), ND_ESHAPE);
    CU_ASSERT_EQUAL(nd_userfunc_call1_into(s, oi, x), ND_EDTYPE);
    CU_ASSERT_EQUAL(nd_userfunc_call1_into(s, oi, x, .casting = ND_CAST_UNSAFE), ND_OK);
    nd_set_readonly(o3);
    nd_array *x3 = nd_from_f64((double[]){ 1, 2, 3 }, 3);
    CU_ASSERT_EQUAL(nd_userfunc_call1_into(s, o3, x3), ND_EVALUE);
    CU_ASSERT_PTR_NULL(nd_userfunc_call1(s, x, .where = x3));
    CU_ASSERT_EQUAL(nd_last_error(), ND_ESHAPE);
    CU_ASSERT_PTR_NULL(nd_userfunc_call2(s, x, x));
    CU_ASSERT_EQUAL(nd_last_error(), ND_EVALUE);
    /* a loop with two outputs */
    nd_ufunc_loop sl = { { ND_FLOAT64, ND_FLOAT64, ND_FLOAT64 }, split_loop, NULL };
    nd_userfunc *sp = nd_ufunc_new("split", 1, 2, 1, &sl, NULL);
    nd_array *outs[2] = { NULL, NULL };
    nd_array *v = nd_from_f64((double[]){ 2.5, -1.25 }, 2);
    CU_ASSERT_EQUAL(nd_userfunc_call_into_(sp, 2, outs, 1, (nd_operand[]){ nd_op_array(v) }, NULL), ND_OK);
    CU_ASSERT_DOUBLE_EQUAL(nd_get_f64(outs[0], 1, (ptrdiff_t[]){ 1 }), -0.25, 0);
    CU_ASSERT_DOUBLE_EQUAL(nd_get_f64(outs[1], 1, (ptrdiff_t[]){ 0 }), 2.0, 0);
    CU_ASSERT_PTR_NULL(nd_userfunc_call1(sp, v)); /* two outputs: the _into_ form */
    nd_array *arr[] = { x, out, w, y, yr, o3, oi, x3, v, outs[0], outs[1] };
    for (size_t k = 0; k < sizeof arr / sizeof *arr; k++) nd_free(arr[k]);
    nd_ufunc_free(sp);
    nd_ufunc_free(s);
}

static void test_methods_of_user_ufuncs(void)
{
    nd_userfunc *h = nd_ufunc_from_f64_binary("myhypot", myhypot, &ND_F64(0));
    nd_array *f = in("in_f"), *ix = in("idx"), *v3 = in("v3"), *row = nd_view(f, "0");
    nd_array *r = nd_userfunc_reduce(h, f, &(nd_reduce_opts){ .axis = 0 });
    expect("uu_reduce0", r, 1e-14);
    nd_free(r);
    expect("uu_acc1", r = nd_userfunc_accumulate(h, f, &(nd_accumulate_opts){ .axis = 1 }), 1e-14);
    nd_free(r);
    expect("uu_outer", r = nd_userfunc_outer(h, row, v3, NULL), 1e-15);
    CU_ASSERT_EQUAL(nd_ndim(r), 2);
    nd_free(r);
    expect("uu_reduceat", r = nd_userfunc_reduceat(h, f, ix, &(nd_accumulate_opts){ .axis = 1 }), 1e-14);
    nd_free(r);
    /* reorderable (it has an identity): several axes; empty gives the identity */
    r = nd_userfunc_reduce(h, f, &(nd_reduce_opts){ .axis = ND_AXIS_NONE });
    CU_ASSERT_PTR_NOT_NULL_FATAL(r);
    nd_array *sq = nd_multiply(f, f), *ss = nd_sum(sq);
    CU_ASSERT_DOUBLE_EQUAL(nd_item_f64(r), sqrt(nd_item_f64(ss)), 1e-12);
    nd_free(r);
    nd_array *e = nd_zeros(ND_SHAPE(0, 3), ND_FLOAT64);
    r = nd_userfunc_reduce(h, e, &(nd_reduce_opts){ .axis = 0 });
    CU_ASSERT_EQUAL(nd_shape(r)[0], 3);
    CU_ASSERT_DOUBLE_EQUAL(nd_get_f64(r, 1, (ptrdiff_t[]){ 1 }), 0.0, 0);
    nd_free(r);
    /* without identity: empty is an error, several axes too; one axis goes in order */
    nd_userfunc *d = nd_ufunc_from_f64_binary("sub", plain_sub, NULL);
    CU_ASSERT_PTR_NULL(nd_userfunc_reduce(d, e, &(nd_reduce_opts){ .axis = 0 }));
    CU_ASSERT_PTR_NOT_NULL(strstr(nd_errmsg(), "zero-size array to reduction operation sub which has no identity"));
    CU_ASSERT_PTR_NULL(nd_userfunc_reduce(d, f, &(nd_reduce_opts){ .axis = ND_AXIS_NONE }));
    CU_ASSERT_PTR_NOT_NULL(strstr(nd_errmsg(), "not reorderable"));
    nd_array *s3 = nd_from_f64((double[]){ 10, 1, 2 }, 3);
    r = nd_userfunc_reduce(d, s3, &(nd_reduce_opts){ .axis = 0 });
    CU_ASSERT_DOUBLE_EQUAL(nd_item_f64(r), 7.0, 0);
    nd_free(r);
    nd_array *out = nd_zeros(ND_SHAPE(1), ND_FLOAT32);
    CU_ASSERT_EQUAL(nd_userfunc_reduce_into(d, out, s3, &(nd_reduce_opts){ .axis = 0, .keepdims = true }), ND_OK);
    CU_ASSERT_DOUBLE_EQUAL(nd_get_f64(out, 1, (ptrdiff_t[]){ 0 }), 7.0, 0);
    /* the _into forms: accumulate, reduceat, outer (with where) */
    nd_array *acc_out = nd_zeros(ND_SHAPE(3), ND_FLOAT32);
    CU_ASSERT_EQUAL(nd_userfunc_accumulate_into(d, acc_out, s3, NULL), ND_OK);
    CU_ASSERT_DOUBLE_EQUAL(nd_get_f64(acc_out, 1, (ptrdiff_t[]){ 2 }), 7.0, 0);
    nd_array *seg = nd_from_i64((int64_t[]){ 0, 2, 1 }, 3);
    CU_ASSERT_EQUAL(nd_userfunc_reduceat_into(d, acc_out, s3, seg, NULL), ND_OK);
    CU_ASSERT_DOUBLE_EQUAL(nd_get_f64(acc_out, 1, (ptrdiff_t[]){ 0 }), 9.0, 0);  /* 10 - 1 */
    CU_ASSERT_DOUBLE_EQUAL(nd_get_f64(acc_out, 1, (ptrdiff_t[]){ 1 }), 2.0, 0);  /* a[2] */
    CU_ASSERT_DOUBLE_EQUAL(nd_get_f64(acc_out, 1, (ptrdiff_t[]){ 2 }), -1.0, 0); /* 1 - 2 */
    nd_array *oo = nd_full(ND_SHAPE(3, 3), ND_FLOAT64, ND_F64(-5));
    nd_array *ow = nd_from_buffer((bool[]){ true, false, true }, 1, (ptrdiff_t[]){ 3 }, ND_BOOL);
    CU_ASSERT_EQUAL(nd_userfunc_outer_into(d, oo, s3, s3, &(nd_ufunc_opts){ .where = ow }), ND_OK);
    CU_ASSERT_DOUBLE_EQUAL(nd_get_f64(oo, 2, (ptrdiff_t[]){ 0, 2 }), 8.0, 0);
    CU_ASSERT_DOUBLE_EQUAL(nd_get_f64(oo, 2, (ptrdiff_t[]){ 0, 1 }), -5.0, 0);
    CU_ASSERT_EQUAL(nd_userfunc_outer_into(d, acc_out, s3, s3, NULL), ND_ESHAPE);
    nd_free(acc_out);
    nd_free(seg);
    nd_free(oo);
    nd_free(ow);
    /* at: repeated indices apply once each (np.add.at's semantics) */
    nd_array *z = nd_zeros(ND_SHAPE(5), ND_FLOAT64);
    nd_array *ai = nd_from_i64((int64_t[]){ 0, 1, 1, 4, 4, 4 }, 6);
    CU_ASSERT_EQUAL(nd_userfunc_at(d, z, ai, -0.5), ND_OK); /* z - (-0.5) per occurrence */
    expect("uu_at", z, 0);
    nd_userfunc *s = nd_ufunc_from_f64("sqrtabs", sqrtabs);
    nd_array *q = nd_from_f64((double[]){ 16, 81 }, 2), *i00 = nd_from_i64((int64_t[]){ 0, 0, 1 }, 3);
    CU_ASSERT_EQUAL(nd_userfunc_at(s, q, i00, ND_NOBOUND), ND_OK);
    CU_ASSERT_DOUBLE_EQUAL(nd_get_f64(q, 1, (ptrdiff_t[]){ 0 }), 2.0, 0);
    CU_ASSERT_DOUBLE_EQUAL(nd_get_f64(q, 1, (ptrdiff_t[]){ 1 }), 9.0, 0);
    nd_array *bad = nd_from_i64((int64_t[]){ 2 }, 1);
    CU_ASSERT_EQUAL(nd_userfunc_at(s, q, bad, ND_NOBOUND), ND_EINDEX);
    CU_ASSERT_PTR_NOT_NULL(strstr(nd_errmsg(), "index 2 is out of bounds for axis 0 with size 2"));
    /* unary functions have no reduce / accumulate / outer */
    CU_ASSERT_PTR_NULL(nd_userfunc_reduce(s, f, NULL));
    CU_ASSERT_EQUAL(nd_last_error(), ND_EVALUE);
    CU_ASSERT_PTR_NULL(nd_userfunc_accumulate(s, f, NULL));
    CU_ASSERT_PTR_NULL(nd_userfunc_outer(s, f, f, NULL));
    nd_array *arr[] = { f, ix, v3, row, sq, ss, e, s3, out, z, ai, q, i00, bad };
    for (size_t k = 0; k < sizeof arr / sizeof *arr; k++) nd_free(arr[k]);
    nd_ufunc_free(s);
    nd_ufunc_free(d);
    nd_ufunc_free(h);
}

static void test_int_loop_and_errors_of_new(void)
{
    nd_ufunc_loop l = { { ND_INT64, ND_INT64, ND_INT64 }, absdiff_i64, NULL };
    nd_userfunc *u = nd_ufunc_new("absdiff", 2, 1, 1, &l, NULL);
    nd_array *i = in("in_i"), *ir = nd_view(i, "::-1");
    fixture_check(FX, "uu_absdiff_i", nd_userfunc_call2(u, i, ir));
    /* bad definitions */
    CU_ASSERT_PTR_NULL(nd_ufunc_new(NULL, 2, 1, 1, &l, NULL));
    CU_ASSERT_PTR_NULL(nd_ufunc_new("x", 0, 1, 1, &l, NULL));
    CU_ASSERT_PTR_NULL(nd_ufunc_new("x", 8, 1, 1, &l, NULL));
    CU_ASSERT_PTR_NULL(nd_ufunc_new("x", 2, 1, 0, &l, NULL));
    nd_ufunc_loop nofn = { { ND_INT64, ND_INT64, ND_INT64 }, NULL, NULL };
    CU_ASSERT_PTR_NULL(nd_ufunc_new("x", 2, 1, 1, &nofn, NULL));
    CU_ASSERT_EQUAL(nd_last_error(), ND_EVALUE);
    nd_ufunc_loop badt = { { ND_INT64, (nd_dtype)99, ND_INT64 }, absdiff_i64, NULL };
    CU_ASSERT_PTR_NULL(nd_ufunc_new("x", 2, 1, 1, &badt, NULL));
    CU_ASSERT_PTR_NOT_NULL(strstr(nd_errmsg(), "invalid dtype 99"));
    CU_ASSERT_PTR_NULL(nd_ufunc_from_f64("x", NULL));
    CU_ASSERT_PTR_NULL(nd_userfunc_call2(NULL, i, i));
    CU_ASSERT_EQUAL(nd_last_error(), ND_EVALUE);
    nd_ufunc_free(NULL);
    nd_free(i);
    nd_free(ir);
    nd_ufunc_free(u);
}

static void test_large_inputs_use_the_pool(void)
{
    nd_userfunc *h = nd_ufunc_from_f64_binary("myhypot", myhypot, &ND_F64(0));
    const ptrdiff_t n = 1 << 20;
    nd_array *x = nd_linspace(-3.0, 5.0, n), *y = nd_linspace(2.0, -7.0, n);
    nd_array *x2 = nd_reshape(x, 2, (ptrdiff_t[]){ 2, n / 2 });
    int old = nd_get_num_threads();
    nd_set_num_threads(1);
    nd_array *r1 = nd_userfunc_call2(h, x, y);
    nd_array *a1 = nd_userfunc_accumulate(h, x2, NULL);
    nd_set_num_threads(2);
    nd_array *r2 = nd_userfunc_call2(h, x, y);
    nd_array *a2 = nd_userfunc_accumulate(h, x2, NULL);
    nd_set_num_threads(old);
    CU_ASSERT_EQUAL(nd_array_equal(r1, r2, false), 1);
    CU_ASSERT_EQUAL(nd_array_equal(a1, a2, false), 1);
    const double *xp = nd_data(x), *yp = nd_data(y), *rp = nd_data(r2);
    int bad = 0;
    for (ptrdiff_t i = 0; i < n; i += 997) bad += rp[i] != myhypot(xp[i], yp[i]);
    CU_ASSERT_EQUAL(bad, 0);
    nd_array *arr[] = { x, y, r1, r2, a1, a2, x2 };
    for (size_t k = 0; k < sizeof arr / sizeof *arr; k++) nd_free(arr[k]);
    nd_ufunc_free(h);
}

static const ND_TEST tests[] = {
    ND_T(test_scalar_function_ufuncs),
    ND_T(test_type_resolution_picks_first_safe_loop),
    ND_T(test_out_where_and_two_outputs),
    ND_T(test_methods_of_user_ufuncs),
    ND_T(test_int_loop_and_errors_of_new),
    ND_T(test_large_inputs_use_the_pool),
    { 0 },
};
ND_TEST_MAIN("ufunc_user", tests)
