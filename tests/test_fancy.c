/* Advanced indexing (nd_getitem / nd_setitem / the string form) against NumPy fixtures
 * (scripts/gen_fancy_fixtures.py → tests/data/fancy/fancy.txt). */
#define _GNU_SOURCE
#include <numc/manip.h>

#include "fancy_suite.h"

static nd_array *bools(ptrdiff_t n, const bool *v) { return nd_from_buffer(v, 1, &n, ND_BOOL); }
#define BX(...) bools((ptrdiff_t)(sizeof((bool[]){ __VA_ARGS__ }) / sizeof(bool)), (bool[]){ __VA_ARGS__ })

static void test_integer_arrays_one_axis(void)
{
    nd_scope_begin(); /* frees the temporaries written inline */
    nd_array *v = in("in_v"), *a2 = in("in_a2");
    nd_array *i1 = IX(3, -1, 0, 3);
    fixture_check(FX, "take1d", nd_getitem(v, ND_ARR(i1)));
    nd_array *i2 = nd_reshape(IX(1, 2, 3, -4), ND_SHAPE(2, 2));
    fixture_check(FX, "take2d_idx", nd_getitem(v, ND_ARR(i2)));
    nd_array *e = nd_empty(ND_SHAPE(0), ND_INT64);
    fixture_check(FX, "empty_idx", nd_getitem(a2, ND_ARR(e)));
    fixture_check(FX, "empty_idx_cols", nd_getitem(a2, ND_ALL, ND_ARR(e)));
    nd_array *r = nd_arange(0, 10, 1, ND_INT64), *rneg = nd_view(r, "::-3");
    fixture_check(FX, "negstride_index", nd_getitem(v, ND_ARR(rneg)));
    nd_array *z = nd_scalar_array(ND_I64(3));
    fixture_check(FX, "zero_d_index", nd_getitem(v, ND_ARR(z)));
    nd_array *i32 = nd_astype(IX(9, 0, 4), ND_INT32, ND_CAST_UNSAFE);
    nd_array *u8 = nd_astype(i32, ND_UINT8, ND_CAST_UNSAFE);
    fixture_check(FX, "idx_int32", nd_getitem(v, ND_ARR(i32)));
    fixture_check(FX, "idx_uint8", nd_getitem(v, ND_ARR(u8)));
    nd_array *i12 = IX(1, 2);
    fixture_check(FX, "newaxis_arr", nd_getitem(v, ND_NEWAXIS, ND_ARR(i12)));
    /* The result is a copy, never a view. */
    nd_array *g = nd_getitem(v, ND_ARR(i1));
    CU_ASSERT_FALSE(nd_may_share_memory(g, v));
    nd_array *arr[] = { v, a2, i1, i2, e, r, rneg, z, i32, u8, i12, g };
    for (size_t i = 0; i < sizeof arr / sizeof *arr; i++) nd_free(arr[i]);
    nd_scope_end();
}

static void test_several_arrays_broadcast_and_placement(void)
{
    nd_scope_begin(); /* frees the temporaries written inline */
    nd_array *a2 = in("in_a2"), *a3 = in("in_a3");
    nd_array *r = IX(0, 2, 3), *c = IX(1, -1, 0);
    fixture_check(FX, "rows_cols", nd_getitem(a2, ND_ARR(r), ND_ARR(c)));
    nd_array *col = nd_reshape(IX(0, 2), ND_SHAPE(2, 1)), *c13 = IX(1, 3), *c02 = IX(0, 2), *c12 = IX(1, 2);
    fixture_check(FX, "bcast", nd_getitem(a2, ND_ARR(col), ND_ARR(c13)));
    fixture_check(FX, "slice_arr", nd_getitem(a3, ND_ALL, ND_ARR(c02)));
    fixture_check(FX, "arr_slice_arr", nd_getitem(a3, ND_ARR(c02), ND_ALL, ND_ARR(c13)));
    fixture_check(FX, "int_slice_arr", nd_getitem(a3, ND_AT(0), ND_ALL, ND_ARR(c12)));
    fixture_check(FX, "slice_int_arr", nd_getitem(a3, ND_ALL, ND_AT(0), ND_ARR(c12)));
    nd_array *c01 = IX(0, 1), *c40 = IX(4, 0), *c1 = IX(1), *c2 = IX(2);
    fixture_check(FX, "arr_newaxis_arr", nd_getitem(a3, ND_ARR(c01), ND_NEWAXIS, ND_ARR(c12)));
    fixture_check(FX, "ellipsis_arr", nd_getitem(a3, ND_ELLIPSIS, ND_ARR(c40)));
    /* An ellipsis that takes no axis does not separate the arrays (NumPy: shape (1,)). */
    fixture_check(FX, "arr_ellipsis_arr", nd_getitem(a2, ND_ARR(c1), ND_ELLIPSIS, ND_ARR(c2)));
    /* Broadcast (2, 1) x (2,) index arrays, separated (first) and adjacent (in place). */
    fixture_check(FX, "sep_bcast", nd_getitem(a3, ND_ARR(c01), ND_SLICE(1, 3, 1), ND_ARR(nd_reshape(c01, ND_SHAPE(2, 1)))));
    fixture_check(FX, "mid_bcast", nd_getitem(a3, ND_ALL, ND_ARR(nd_reshape(c01, ND_SHAPE(2, 1))), ND_ARR(c12)));
    nd_array *arr[] = { a2, a3, r, c, col, c13, c02, c12, c01, c40, c1, c2 };
    for (size_t i = 0; i < sizeof arr / sizeof *arr; i++) nd_free(arr[i]);
    nd_scope_end();
}

static void test_boolean_masks(void)
{
    nd_array *a2 = in("in_a2"), *a3 = in("in_a3"), *f45 = in("in_f45"), *m45 = in("in_m45");
    nd_array *m = nd_empty(ND_SHAPE(4, 5), ND_BOOL);
    for (int i = 0; i < 20; i++) ((bool *)nd_data(m))[i] = i % 3 == 0;
    fixture_check(FX, "mask_full", nd_getitem(a2, ND_MASK(m)));
    nd_array *m4 = BX(true, false, false, true), *c02 = IX(0, 2);
    fixture_check(FX, "mask_axis1", nd_getitem(a3, ND_ALL, ND_ARR(m4)));
    fixture_check(FX, "int_mask2d", nd_getitem(a3, ND_AT(1), ND_MASK(m45)));
    fixture_check(FX, "arr_mask", nd_getitem(a3, ND_ARR(c02), ND_MASK(m4)));
    fixture_check(FX, "mask_f45", nd_getitem(f45, ND_ARR(m45)));
    nd_array *t = nd_scalar_array(ND_BOOL_S(true)), *f = nd_scalar_array(ND_BOOL_S(false));
    fixture_check(FX, "true0d", nd_getitem(a2, ND_ARR(t)));
    fixture_check(FX, "false0d", nd_getitem(a2, ND_ARR(f)));
    nd_array *s = nd_scalar_array(ND_F64(7.0));
    fixture_check(FX, "scalar0d_true", nd_getitem(s, ND_ARR(t)));
    nd_array *arr[] = { a2, a3, f45, m45, m, m4, c02, t, f, s };
    for (size_t i = 0; i < sizeof arr / sizeof *arr; i++) nd_free(arr[i]);
}

static void test_strided_inputs_and_dtypes(void)
{
    nd_scope_begin(); /* frees the temporaries written inline */
    nd_array *a2 = in("in_a2"), *f45 = in("in_f45"), *m45 = in("in_m45");
    nd_array *neg = nd_view(a2, "::-1, ::2"), *r = IX(0, 2), *c = IX(1, 2);
    fixture_check(FX, "negstride_view", nd_getitem(neg, ND_ARR(r), ND_ARR(c)));
    nd_array *i8 = nd_astype(a2, ND_INT8, ND_CAST_UNSAFE), *r30 = IX(3, 0), *r11 = IX(1, 1);
    fixture_check(FX, "i8_take", nd_getitem(i8, ND_ARR(r30), ND_SLICE(1, ND_NONE, 1)));
    nd_array *f32 = nd_astype(f45, ND_FLOAT32, ND_CAST_UNSAFE);
    fixture_check(FX, "f32_take", nd_getitem(f32, ND_ARR(r11), ND_SLICE(ND_NONE, ND_NONE, -2)));
    fixture_check(FX, "bool_take", nd_getitem(m45, ND_ARR(nd_view(r30, "::-1"))));
    /* complex128 (16-byte elements) and a Fortran-ordered input. */
    nd_array *cx = nd_astype(a2, ND_COMPLEX128, ND_CAST_UNSAFE);
    nd_array *gc = nd_getitem(cx, ND_ARR(r30), ND_ARR(c));
    double re, im;
    CU_ASSERT_EQUAL(nd_get_c128(gc, ND_IDX(0), &re, &im), ND_OK);
    CU_ASSERT_EQUAL(re, 16.0);
    CU_ASSERT_EQUAL(im, 0.0);
    CU_ASSERT_EQUAL(nd_get_c128(gc, ND_IDX(1), &re, &im), ND_OK);
    CU_ASSERT_EQUAL(re, 2.0);
    nd_array *fo = nd_copy(a2, ND_ORDER_F);
    fixture_check(FX, "rows_cols",
                  nd_getitem(fo, ND_ARR((IX(0, 2, 3))), ND_ARR((IX(1, -1, 0)))));
    nd_array *arr[] = { a2, f45, m45, neg, r, c, i8, r30, r11, f32, cx, gc, fo };
    for (size_t i = 0; i < sizeof arr / sizeof *arr; i++) nd_free(arr[i]);
    nd_scope_end();
}

static void test_basic_only_is_view(void)
{
    nd_array *a2 = in("in_a2");
    nd_array *v = nd_getitem(a2, ND_AT(1), ND_SLICE(1, 4, 1));
    CU_ASSERT_PTR_NOT_NULL_FATAL(v);
    CU_ASSERT_TRUE(nd_may_share_memory(v, a2));
    CU_ASSERT_EQUAL(nd_ndim(v), 1);
    CU_ASSERT_EQUAL(nd_get_i64(v, ND_IDX(0)), 6);
    nd_array *z = nd_getitem_(a2, 0, NULL);
    CU_ASSERT_EQUAL(nd_ndim(z), 2);
    nd_free(v);
    nd_free(z);
    nd_free(a2);
}

static void test_setitem(void)
{
    nd_scope_begin(); /* frees the temporaries written inline */
    nd_array *a2 = in("in_a2"), *a3 = in("in_a3");
    nd_array *x = nd_copy(a2, ND_ORDER_C), *r = IX(0, 2), *c = IX(1, 3), *val = IX(100, 200);
    CU_ASSERT_EQUAL(nd_setitem(x, val, ND_ARR(r), ND_ARR(c)), ND_OK);
    fixture_check(FX, "set_rows_cols", x);
    nd_array *y = nd_zeros(ND_SHAPE(4)), *rep = IX(1, 1, 1, 3);
    nd_array *yv = nd_arange(5, 9, 1, ND_FLOAT64);
    CU_ASSERT_EQUAL(nd_setitem(y, yv, ND_ARR(rep)), ND_OK);
    fixture_check(FX, "set_repeat_last_wins", y);
    x = nd_copy(a3, ND_ORDER_C);
    nd_array *ar5 = nd_arange(0, 5, 1, ND_INT64);
    CU_ASSERT_EQUAL(nd_setitem(x, ar5, ND_ALL, ND_ARR(r)), ND_OK);
    fixture_check(FX, "set_bcast", x);
    x = nd_copy(a2, ND_ORDER_C);
    nd_array *m = nd_empty(ND_SHAPE(4, 5), ND_BOOL);
    for (int i = 0; i < 20; i++) ((bool *)nd_data(m))[i] = i > 10;
    nd_array *minus1 = nd_scalar_array(ND_I64(-1));
    CU_ASSERT_EQUAL(nd_setitem(x, minus1, ND_MASK(m)), ND_OK);
    fixture_check(FX, "set_mask", x);
    x = nd_copy(a2, ND_ORDER_C);
    nd_array *ten = nd_arange(0, 50, 10, ND_INT64);
    CU_ASSERT_EQUAL(nd_setitem(x, ten, ND_SLICE(1, 3, 1)), ND_OK);
    fixture_check(FX, "set_basic", x);
    x = nd_copy(a2, ND_ORDER_C);
    nd_array *fv = nd_reshape((nd_from_f64((double[]){ 2.7, -3.9 }, 2)), ND_SHAPE(2, 1)), *r03 = IX(0, 3);
    CU_ASSERT_EQUAL(nd_setitem(x, fv, ND_ARR(r03)), ND_OK);
    fixture_check(FX, "set_float_into_int", x);
    x = nd_copy(a3, ND_ORDER_C);
    nd_array *v8 = nd_reshape((nd_arange(0, 8, 1, ND_INT64)), ND_SHAPE(2, 4)), *c12 = IX(1, 2);
    CU_ASSERT_EQUAL(nd_setitem(x, v8, ND_AT(0), ND_ALL, ND_ARR(c12)), ND_OK);
    fixture_check(FX, "set_separated", x);
    x = nd_copy(a2, ND_ORDER_C);
    nd_array *neg = nd_view(x, "::-1, ::2"), *r01 = IX(0, 1), *c20 = IX(2, 0), *n99 = nd_scalar_array(ND_I64(99));
    CU_ASSERT_EQUAL(nd_setitem(neg, n99, ND_ARR(r01), ND_ARR(c20)), ND_OK);
    nd_free(neg);
    fixture_check(FX, "set_negstride", x);
    x = nd_copy(a2, ND_ORDER_C);
    nd_array *m5 = BX(true, false, false, true, false), *r12 = IX(1, 2);
    nd_array *v78 = nd_reshape((IX(7, 8)), ND_SHAPE(1, 2));
    CU_ASSERT_EQUAL(nd_setitem(x, v78, ND_ARR(r12), ND_MASK(m5)), ND_OK);
    fixture_check(FX, "set_value_leading1", x);
    x = in("in_v");
    nd_array *t = nd_scalar_array(ND_BOOL_S(true)), *seven = nd_scalar_array(ND_F64(7));
    CU_ASSERT_EQUAL(nd_setitem(x, seven, ND_ARR(t)), ND_OK);
    fixture_check(FX, "set_true0d", x);
    /* The value may be a view of the destination itself. */
    x = nd_arange(0, 5, 1, ND_INT64);
    nd_array *rev = nd_view(x, "::-1");
    CU_ASSERT_EQUAL(nd_setitem(x, rev, ND_ALL), ND_OK);
    CU_ASSERT_EQUAL(nd_get_i64(x, ND_IDX(0)), 4);
    CU_ASSERT_EQUAL(nd_get_i64(x, ND_IDX(4)), 0);
    nd_array *arr[] = { a2, a3, r, c, val, rep, yv, ar5, m, minus1, ten, fv, r03, v8, c12, r01, c20, n99, m5, r12, v78, x, rev };
    for (size_t i = 0; i < sizeof arr / sizeof *arr; i++) nd_free(arr[i]);
    nd_scope_end();
}

static void test_string_form(void)
{
    nd_array *a2 = in("in_a2"), *a3 = in("in_a3");
    nd_array *m5 = BX(true, false, false, true, false);
    fixture_check(FX, "str_spec", nd_getitem_str(a3, "[0, 2], :, m", ND_NAMED({ "m", m5 })));
    fixture_check(FX, "str_nested", nd_getitem_str(a2, "[[0, 1], [2, 3]], ::2", 0, NULL));
    nd_array *r = IX(3, 1), *c = IX(0, 4);
    fixture_check(FX, "str_named", nd_getitem_str(a2, "rows, cols", ND_NAMED({ "rows", r }, { "cols", c })));
    fixture_check(FX, "true0d", nd_getitem_str(a2, "True", 0, NULL));
    fixture_check(FX, "mask_axis1", nd_getitem_str(a3, ":, [True, False, False, True]", 0, NULL));
    fixture_check(FX, "empty_idx", nd_getitem_str(a2, "[]", 0, NULL));
    nd_array *x = nd_copy(a2, ND_ORDER_C), *val = IX(100, 200);
    CU_ASSERT_EQUAL(nd_setitem_str(x, "[0, 2], [1, 3]", val, 0, NULL), ND_OK);
    fixture_check(FX, "set_rows_cols", x);
    /* Errors: position of a bad character, an unknown name, a ragged list. */
    CU_ASSERT_PTR_NULL(nd_getitem_str(a2, "[0, 2", 0, NULL));
    expect_error(ND_EPARSE, "position 5");
    CU_ASSERT_PTR_NULL(nd_getitem_str(a2, "q", ND_NAMED({ "m", m5 })));
    expect_error(ND_EVALUE, "no operand named 'q'");
    CU_ASSERT_PTR_NULL(nd_getitem_str(a2, "[[0, 1], [2]]", 0, NULL));
    expect_error(ND_EPARSE, "ragged");
    CU_ASSERT_PTR_NULL(nd_getitem_str(a2, "[1, True]", 0, NULL));
    expect_error(ND_EPARSE, "mixes");
    CU_ASSERT_PTR_NULL(nd_getitem_str(a2, "0, ::0", 0, NULL));
    expect_error(ND_EPARSE, "step cannot be zero");
    nd_array *arr[] = { a2, a3, m5, r, c, val };
    for (size_t i = 0; i < sizeof arr / sizeof *arr; i++) nd_free(arr[i]);
}

static void test_errors(void)
{
    nd_array *a2 = in("in_a2"), *i7 = IX(1, 7), *r2 = IX(0, 1), *r3 = IX(0, 1, 2);
    CU_ASSERT_PTR_NULL(nd_getitem(a2, ND_ALL, ND_ARR(i7)));
    expect_error(ND_EINDEX, "index 7 is out of bounds for axis 1 with size 5");
    nd_array *im = IX(-5);
    CU_ASSERT_PTR_NULL(nd_getitem(a2, ND_ARR(im)));
    expect_error(ND_EINDEX, "index -5 is out of bounds for axis 0 with size 4");
    CU_ASSERT_PTR_NULL(nd_getitem(a2, ND_NEWAXIS, ND_ARR(i7)));
    expect_error(ND_EINDEX, "index 7 is out of bounds for axis 0 with size 4");
    CU_ASSERT_PTR_NULL(nd_getitem(a2, ND_AT(9), ND_ARR(r2)));
    expect_error(ND_EINDEX, "index 9 is out of bounds for axis 0 with size 4");
    CU_ASSERT_PTR_NULL(nd_getitem(a2, ND_ARR(r2), ND_ARR(r3)));
    expect_error(ND_EINDEX, "shape mismatch: indexing arrays could not be broadcast together with shapes (2,) (3,)");
    CU_ASSERT_PTR_NULL(nd_getitem(a2, ND_ARR(r2), ND_AT(0), ND_ALL));
    expect_error(ND_EINDEX, "too many indices for array: array is 2-dimensional, but 3 were indexed");
    nd_array *m3 = BX(true, false, true);
    CU_ASSERT_PTR_NULL(nd_getitem(a2, ND_ARR(m3)));
    expect_error(ND_EINDEX, "dimension is 4 but corresponding boolean dimension is 3");
    CU_ASSERT_PTR_NULL(nd_getitem(a2, ND_MASK(r2)));
    expect_error(ND_EDTYPE, "ND_MASK needs a bool array");
    nd_array *fl = nd_from_f64((double[]){ 1.0 }, 1);
    CU_ASSERT_PTR_NULL(nd_getitem(a2, ND_ARR(fl)));
    expect_error(ND_EDTYPE, "arrays used as indices must be of integer (or boolean) type");
    CU_ASSERT_PTR_NULL(nd_getitem(a2, ND_ARR(NULL)));
    expect_error(ND_EVALUE, "is NULL");
    CU_ASSERT_PTR_NULL(nd_getitem(a2, ND_ELLIPSIS, ND_ELLIPSIS, ND_ARR(r2)));
    expect_error(ND_EINDEX, "single ellipsis");
    /* Views cannot take index arrays: the message points to the copying form. */
    CU_ASSERT_PTR_NULL(nd_sel(a2, ND_ALL, ND_ARR(r2)));
    expect_error(ND_EINDEX, "index item 1 is an index array (ND_ARR / ND_MASK): advanced indexing makes a copy, use nd_getitem");
    /* setitem: value shape, read-only destination, bad index (the array is unchanged). */
    nd_array *x = nd_copy(a2, ND_ORDER_C), *v3 = IX(1, 2, 3);
    CU_ASSERT_EQUAL(nd_setitem(x, v3, ND_ARR(r2)), ND_ESHAPE);
    expect_error(ND_ESHAPE, "value array of shape (3,) could not be broadcast to indexing result of shape (2, 5)");
    CU_ASSERT_EQUAL(nd_setitem(x, v3, ND_SLICE(0, 2, 1)), ND_ESHAPE);
    expect_error(ND_ESHAPE, "could not broadcast input array from shape (3,) into shape (2, 5)");
    CU_ASSERT_EQUAL(nd_setitem(x, v3, ND_ALL, ND_ARR(i7)), ND_EINDEX);
    fixture_check(FX, "in_a2", nd_copy(x, ND_ORDER_C));
    nd_set_readonly(x);
    CU_ASSERT_EQUAL(nd_setitem(x, v3, ND_ARR(r3)), ND_EVALUE);
    expect_error(ND_EVALUE, "read-only");
    /* An out-of-range index is an error even when the result is empty (NumPy's announced
     * behaviour; 1.24 only warns). */
    nd_array *z = nd_zeros(ND_SHAPE(0, 5));
    CU_ASSERT_PTR_NULL(nd_getitem(z, ND_ALL, ND_ARR(i7)));
    expect_error(ND_EINDEX, "index 7 is out of bounds for axis 1 with size 5");
    nd_array *arr[] = { a2, i7, r2, r3, im, m3, fl, x, v3, z };
    for (size_t i = 0; i < sizeof arr / sizeof *arr; i++) nd_free(arr[i]);
}

/* The one-array fast path and the general path agree on a large random case. */
static void test_large_gather_matches_take(void)
{
    ptrdiff_t n = 100000;
    nd_array *src = nd_arange(0, (double)n, 1, ND_FLOAT64), *ix = nd_empty(1, &n, ND_INT64);
    int64_t *p = nd_data(ix);
    uint64_t s = 88172645463325252ull;
    for (ptrdiff_t i = 0; i < n; i++) {
        s ^= s << 13, s ^= s >> 7, s ^= s << 17;
        p[i] = (int64_t)(s % (uint64_t)(2 * n)) - n;
    }
    nd_array *g = nd_getitem(src, ND_ARR(ix)), *t = nd_take(src, ix, 0);
    CU_ASSERT_PTR_NOT_NULL_FATAL(g);
    CU_ASSERT_EQUAL(memcmp(nd_data(g), nd_data(t), (size_t)n * 8), 0);
    nd_array *ixs = nd_view(ix, "::2"), *g2 = nd_getitem(src, ND_ARR(ixs)), *t2 = nd_take(src, ixs, 0);
    CU_ASSERT_EQUAL(memcmp(nd_data(g2), nd_data(t2), (size_t)(n / 2) * 8), 0);
    nd_array *arr[] = { src, ix, g, t, ixs, g2, t2 };
    for (size_t i = 0; i < sizeof arr / sizeof *arr; i++) nd_free(arr[i]);
}

static const ND_TEST tests[] = {
    ND_T(test_integer_arrays_one_axis), ND_T(test_several_arrays_broadcast_and_placement),
    ND_T(test_boolean_masks),           ND_T(test_strided_inputs_and_dtypes),
    ND_T(test_basic_only_is_view),      ND_T(test_setitem),
    ND_T(test_string_form),             ND_T(test_errors),
    ND_T(test_large_gather_matches_take), { 0 }
};
ND_TEST_MAIN("fancy", tests)
