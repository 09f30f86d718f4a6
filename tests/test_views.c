/* Views: slicing (structured and string), reshape, permutations, broadcasting. */
#include <numc/numc.h>
#include <string.h>

#include "testutil.h"

static void test_slice_negative_step_is_view(void)
{
    nd_array *a = test_iota(ND_SHAPE(10));
    nd_array *v = nd_sel(a, ND_SLICE(ND_NONE, ND_NONE, -3));
    CU_ASSERT_EQUAL_FATAL(nd_size(v), 4); /* 9 6 3 0 */
    CU_ASSERT_EQUAL(nd_get_i64(v, ND_IDX(0)), 9);
    CU_ASSERT_EQUAL(nd_get_i64(v, ND_IDX(3)), 0);
    CU_ASSERT_EQUAL(nd_strides(v)[0], -24);
    CU_ASSERT_TRUE(nd_is_view(v));
    nd_set_i64(v, ND_IDX(1), 100);
    CU_ASSERT_EQUAL(nd_get_i64(a, ND_IDX(6)), 100);
    nd_free(v);
    nd_free(a);
}

/* Python's slice semantics for a 1-D array of 10: expected first element and length. */
static void check_slice(nd_array *a, const char *spec, ptrdiff_t len, ptrdiff_t first, ptrdiff_t last)
{
    nd_array *v = nd_view(a, spec);
    CU_ASSERT_PTR_NOT_NULL_FATAL(v);
    CU_ASSERT_EQUAL(nd_size(v), len);
    if (len > 0) {
        CU_ASSERT_EQUAL(nd_get_i64(v, ND_IDX(0)), first);
        CU_ASSERT_EQUAL(nd_get_i64(v, ND_IDX(-1)), last);
    }
    nd_free(v);
}

static void test_string_slices_follow_python(void)
{
    nd_array *a = test_iota(ND_SHAPE(10));
    check_slice(a, ":", 10, 0, 9);
    check_slice(a, "::2", 5, 0, 8);
    check_slice(a, "1:-1", 8, 1, 8);
    check_slice(a, "-3:", 3, 7, 9);
    check_slice(a, "::-1", 10, 9, 0);
    check_slice(a, "8:2:-2", 3, 8, 4);
    check_slice(a, "-100:100", 10, 0, 9);
    check_slice(a, "5:5", 0, 0, 0);
    check_slice(a, "7:2", 0, 0, 0);
    check_slice(a, "100::-4", 3, 9, 1);
    check_slice(a, ":-100:-1", 10, 9, 0);
    check_slice(a, "None:None:3", 4, 0, 9);
    nd_free(a);
}

static void test_string_index_full_syntax(void)
{
    nd_array *a = test_iota(ND_SHAPE(4, 5, 6));
    nd_array *v = nd_view(a, "::2, None, 1:-1");
    CU_ASSERT_PTR_NOT_NULL_FATAL(v);
    CU_ASSERT_EQUAL(nd_ndim(v), 4);
    CU_ASSERT_EQUAL(nd_shape(v)[0], 2);
    CU_ASSERT_EQUAL(nd_shape(v)[1], 1);
    CU_ASSERT_EQUAL(nd_shape(v)[2], 3);
    CU_ASSERT_EQUAL(nd_shape(v)[3], 6);
    CU_ASSERT_EQUAL(nd_get_i64(v, ND_IDX(1, 0, 0, 0)), 2 * 30 + 1 * 6);
    nd_free(v);
    v = nd_view(a, "..., 2");
    CU_ASSERT_EQUAL(nd_ndim(v), 2);
    CU_ASSERT_EQUAL(nd_get_i64(v, ND_IDX(3, 4)), 3 * 30 + 4 * 6 + 2);
    nd_free(v);
    v = nd_view(a, "-1, ..., None");
    CU_ASSERT_EQUAL(nd_ndim(v), 3);
    CU_ASSERT_EQUAL(nd_shape(v)[2], 1);
    CU_ASSERT_EQUAL(nd_get_i64(v, ND_IDX(0, 0, 0)), 90);
    nd_free(v);
    v = nd_view(a, "1, 2, 3");
    CU_ASSERT_EQUAL(nd_ndim(v), 0);
    CU_ASSERT_EQUAL(nd_item_i64(v), 30 + 12 + 3);
    nd_free(v);
    nd_free(a);
}

static void test_bad_slice_string_names_position(void)
{
    nd_array *a = test_iota(ND_SHAPE(4, 5));
    CU_ASSERT_PTR_NULL(nd_view(a, "1:2, x"));
    CU_ASSERT_EQUAL(nd_last_error(), ND_EPARSE);
    CU_ASSERT_PTR_NOT_NULL(strstr(nd_errmsg(), "position 5"));
    CU_ASSERT_PTR_NULL(nd_view(a, "::0"));
    CU_ASSERT_PTR_NOT_NULL(strstr(nd_errmsg(), "step cannot be zero"));
    CU_ASSERT_PTR_NULL(nd_view(a, "1,2,3"));
    CU_ASSERT_EQUAL(nd_last_error(), ND_EINDEX);
    CU_ASSERT_PTR_NULL(nd_view(a, "..., ..."));
    CU_ASSERT_PTR_NULL(nd_view(a, "7"));
    CU_ASSERT_PTR_NOT_NULL(strstr(nd_errmsg(), "index 7 is out of bounds for axis 0 with size 4"));
    CU_ASSERT_PTR_NULL(nd_view(a, "1::2::3"));
    nd_free(a);
}

static void test_reshape_view_or_copy(void)
{
    nd_array *a = test_iota(ND_SHAPE(4, 6));
    nd_array *r = nd_reshape(a, ND_SHAPE(2, -1, 3));
    CU_ASSERT_EQUAL(nd_shape(r)[1], 4);
    CU_ASSERT_TRUE(nd_may_share_memory(a, r));
    nd_array *t = nd_transpose(a, NULL);
    nd_array *tr = nd_reshape(t, ND_SHAPE(24)); /* not expressible as a view: copies */
    CU_ASSERT_FALSE(nd_may_share_memory(a, tr));
    CU_ASSERT_EQUAL(nd_get_i64(tr, ND_IDX(1)), 6);
    nd_array *sl = nd_view(a, ":, ::2");    /* (4,3) with strides (48,16) */
    nd_array *sr = nd_reshape(sl, ND_SHAPE(2, 2, 3)); /* splitting axis 0 is a view */
    CU_ASSERT_TRUE(nd_may_share_memory(a, sr));
    CU_ASSERT_EQUAL(nd_get_i64(sr, ND_IDX(1, 1, 2)), 22);
    nd_array *tt = nd_reshape(t, ND_SHAPE(3, 2, 4)); /* splitting the transposed axis 0: view */
    CU_ASSERT_TRUE(nd_may_share_memory(a, tt));
    CU_ASSERT_EQUAL(nd_get_i64(tt, ND_IDX(2, 1, 3)), 3 * 6 + 5);
    CU_ASSERT_PTR_NULL(nd_reshape(a, ND_SHAPE(5, 5)));
    CU_ASSERT_EQUAL(nd_last_error(), ND_ESHAPE);
    CU_ASSERT_PTR_NULL(nd_reshape(a, ND_SHAPE(-1, -1)));
    CU_ASSERT_PTR_NULL(nd_reshape(a, ND_SHAPE(-1, 7)));
    nd_array *rv = nd_ravel(a), *fl = nd_flatten(a);
    CU_ASSERT_TRUE(nd_may_share_memory(a, rv));
    CU_ASSERT_FALSE(nd_may_share_memory(a, fl));
    CU_ASSERT_EQUAL(nd_get_i64(fl, ND_IDX(23)), 23);
    nd_array *arr[] = { a, r, t, tr, sl, sr, tt, rv, fl };
    for (size_t i = 0; i < sizeof arr / sizeof *arr; i++) nd_free(arr[i]);
}

static void test_permutations(void)
{
    nd_array *a = test_iota(ND_SHAPE(2, 3, 4));
    nd_array *t = nd_transpose(a, ((int[]){ 1, 2, 0 }));
    CU_ASSERT_EQUAL(nd_shape(t)[0], 3);
    CU_ASSERT_EQUAL(nd_shape(t)[2], 2);
    CU_ASSERT_EQUAL(nd_get_i64(t, ND_IDX(2, 3, 1)), 12 + 8 + 3);
    nd_array *s = nd_swapaxes(a, 0, -1);
    CU_ASSERT_EQUAL(nd_shape(s)[0], 4);
    CU_ASSERT_EQUAL(nd_get_i64(s, ND_IDX(3, 1, 0)), 7);
    nd_array *m = nd_moveaxis(a, 1, (int[]){ 0 }, (int[]){ -1 });
    CU_ASSERT_EQUAL(nd_shape(m)[0], 3);
    CU_ASSERT_EQUAL(nd_shape(m)[1], 4);
    CU_ASSERT_EQUAL(nd_shape(m)[2], 2);
    CU_ASSERT_EQUAL(nd_get_i64(m, ND_IDX(1, 2, 1)), 12 + 4 + 2);
    CU_ASSERT_PTR_NULL(nd_transpose(a, ((int[]){ 0, 0, 1 })));
    CU_ASSERT_EQUAL(nd_last_error(), ND_EAXIS);
    CU_ASSERT_PTR_NULL(nd_swapaxes(a, 0, 3));
    nd_array *e = nd_expand_dims(a, -1);
    CU_ASSERT_EQUAL(nd_ndim(e), 4);
    CU_ASSERT_EQUAL(nd_shape(e)[3], 1);
    nd_array *q = nd_squeeze(e, 0, NULL);
    CU_ASSERT_EQUAL(nd_ndim(q), 3);
    CU_ASSERT_PTR_NULL(nd_squeeze(a, 1, (int[]){ 1 }));
    CU_ASSERT_EQUAL(nd_last_error(), ND_EVALUE);
    nd_array *arr[] = { a, t, s, m, e, q };
    for (size_t i = 0; i < sizeof arr / sizeof *arr; i++) nd_free(arr[i]);
}

static void test_broadcast(void)
{
    nd_array *v = test_iota(ND_SHAPE(3, 1));
    nd_array *b = nd_broadcast_to(v, ND_SHAPE(2, 3, 4));
    CU_ASSERT_PTR_NOT_NULL_FATAL(b);
    CU_ASSERT_EQUAL(nd_strides(b)[0], 0);
    CU_ASSERT_EQUAL(nd_strides(b)[2], 0);
    CU_ASSERT_FALSE(nd_is_writeable(b));
    CU_ASSERT_EQUAL(nd_get_i64(b, ND_IDX(1, 2, 3)), 2);
    CU_ASSERT_PTR_NULL(nd_broadcast_to(v, ND_SHAPE(4, 4)));
    CU_ASSERT_EQUAL(nd_last_error(), ND_ESHAPE);
    int nd;
    ptrdiff_t out[ND_MAXDIMS];
    const ptrdiff_t s1[] = { 8, 1, 6, 1 }, s2[] = { 7, 1, 5 }, s3[] = { 5 };
    CU_ASSERT_EQUAL(nd_broadcast_shapes(3, (int[]){ 4, 3, 1 }, (const ptrdiff_t *const[]){ s1, s2, s3 }, &nd, out),
                    ND_OK);
    CU_ASSERT_EQUAL(nd, 4);
    CU_ASSERT_EQUAL(out[0], 8);
    CU_ASSERT_EQUAL(out[1], 7);
    CU_ASSERT_EQUAL(out[2], 6);
    CU_ASSERT_EQUAL(out[3], 5);
    const ptrdiff_t s4[] = { 3, 4 }, s5[] = { 5 };
    CU_ASSERT_EQUAL(nd_broadcast_shapes(2, (int[]){ 2, 1 }, (const ptrdiff_t *const[]){ s4, s5 }, &nd, out), ND_ESHAPE);
    CU_ASSERT_STRING_EQUAL(nd_errmsg(), "nd_broadcast_shapes: operands could not be broadcast together with shapes (3, 4) (5,)");
    nd_array *w = test_iota(ND_SHAPE(4));
    const nd_array *in[2] = { v, w };
    nd_array *o[2];
    CU_ASSERT_EQUAL(nd_broadcast_arrays(2, in, o), ND_OK);
    CU_ASSERT_EQUAL(nd_shape(o[0])[1], 4);
    CU_ASSERT_EQUAL(nd_shape(o[1])[0], 3);
    nd_free(o[0]);
    nd_free(o[1]);
    nd_free(v);
    nd_free(b);
    nd_free(w);
}

static void test_diagonal_and_complex_parts(void)
{
    nd_array *a = test_iota(ND_SHAPE(3, 4));
    nd_array *d = nd_diagonal(a, 1, 0, 1);
    CU_ASSERT_EQUAL(nd_size(d), 3);
    CU_ASSERT_EQUAL(nd_get_i64(d, ND_IDX(2)), 11);
    nd_array *d2 = nd_diagonal(a, -2, 0, 1);
    CU_ASSERT_EQUAL(nd_size(d2), 1);
    CU_ASSERT_EQUAL(nd_get_i64(d2, ND_IDX(0)), 8);
    nd_array *c = nd_full(ND_SHAPE(2, 2), ND_COMPLEX128, ND_C128(1.5, -2.5));
    nd_array *re = nd_real(c), *im = nd_imag(c);
    CU_ASSERT_EQUAL(nd_dtype_of(im), ND_FLOAT64);
    CU_ASSERT_EQUAL(nd_get_f64(im, ND_IDX(1, 1)), -2.5);
    nd_set_f64(re, ND_IDX(0, 1), 9);
    double r, i;
    nd_get_c128(c, ND_IDX(0, 1), &r, &i);
    CU_ASSERT_EQUAL(r, 9.0);
    CU_ASSERT_EQUAL(i, -2.5);
    nd_array *arr[] = { a, d, d2, c, re, im };
    for (size_t k = 0; k < sizeof arr / sizeof *arr; k++) nd_free(arr[k]);
}

static void test_copy_orders_and_astype(void)
{
    nd_array *a = test_iota(ND_SHAPE(3, 4));
    nd_array *t = nd_transpose(a, NULL);
    nd_array *c = nd_copy(t, ND_ORDER_C), *f = nd_copy(t, ND_ORDER_F), *k = nd_copy(t, ND_ORDER_K);
    CU_ASSERT_TRUE(nd_is_c_contiguous(c));
    CU_ASSERT_TRUE(nd_is_f_contiguous(f));
    CU_ASSERT_TRUE(nd_is_f_contiguous(k)); /* keeps the transposed layout */
    CU_ASSERT_EQUAL(nd_get_i64(c, ND_IDX(3, 2)), 11);
    CU_ASSERT_EQUAL(nd_get_i64(f, ND_IDX(3, 2)), 11);
    CU_ASSERT_EQUAL(nd_get_i64(k, ND_IDX(1, 2)), 9);
    nd_array *ac = nd_ascontiguousarray(a);
    CU_ASSERT_EQUAL(nd_data(ac), nd_data(a));
    nd_array *h = nd_astype(a, ND_FLOAT64, ND_CAST_SAFE);
    CU_ASSERT_PTR_NULL(nd_astype(a, ND_FLOAT32, ND_CAST_SAFE)); /* int64 -> float32 loses digits */
    CU_ASSERT_EQUAL_FATAL(nd_dtype_of(h), ND_FLOAT64);
    CU_ASSERT_EQUAL(nd_get_f64(h, ND_IDX(2, 3)), 11.0);
    CU_ASSERT_PTR_NULL(nd_astype(h, ND_INT32, ND_CAST_SAME_KIND));
    CU_ASSERT_EQUAL(nd_last_error(), ND_EDTYPE);
    CU_ASSERT_PTR_NOT_NULL(strstr(nd_errmsg(), "according to the rule 'same_kind'"));
    nd_array *arr[] = { a, t, c, f, k, ac, h };
    for (size_t i = 0; i < sizeof arr / sizeof *arr; i++) nd_free(arr[i]);
}

static void test_assign_overlapping_and_fill(void)
{
    nd_array *a = test_iota(ND_SHAPE(6));
    nd_array *dst = nd_view(a, "1:"), *src = nd_view(a, ":-1");
    CU_ASSERT_EQUAL(nd_assign(dst, src, 0), ND_OK); /* as if src were read first */
    CU_ASSERT_EQUAL(nd_get_i64(a, ND_IDX(5)), 4);
    CU_ASSERT_EQUAL(nd_get_i64(a, ND_IDX(1)), 0);
    CU_ASSERT_EQUAL(nd_fill(dst, ND_F64(7.9)), ND_OK);
    CU_ASSERT_EQUAL(nd_get_i64(a, ND_IDX(3)), 7);
    nd_array *ro = nd_broadcast_to(a, ND_SHAPE(2, 6));
    CU_ASSERT_EQUAL(nd_fill(ro, ND_I64(1)), ND_EVALUE);
    nd_free(ro);
    nd_free(dst);
    nd_free(src);
    nd_free(a);
}

static void test_element_access_errors(void)
{
    nd_array *a = test_iota(ND_SHAPE(2, 3));
    CU_ASSERT_EQUAL(nd_get_i64(a, ND_IDX(-1, -1)), 5);
    CU_ASSERT_TRUE(isnan(nd_get_f64(a, ND_IDX(2, 0))));
    CU_ASSERT_EQUAL(nd_last_error(), ND_EINDEX);
    CU_ASSERT_STRING_EQUAL(nd_errmsg(), "nd_get_f64: index 2 is out of bounds for axis 0 with size 2");
    nd_scalar s;
    CU_ASSERT_EQUAL(nd_get_flat(a, 4, &s), ND_OK);
    CU_ASSERT_EQUAL(s.v.i, 4);
    CU_ASSERT_EQUAL(nd_get_flat(a, 6, &s), ND_EINDEX);
    nd_free(a);
}

static const ND_TEST tests[] = {
    ND_T(test_slice_negative_step_is_view),    ND_T(test_string_slices_follow_python),
    ND_T(test_string_index_full_syntax),       ND_T(test_bad_slice_string_names_position),
    ND_T(test_reshape_view_or_copy),           ND_T(test_permutations),
    ND_T(test_broadcast),                      ND_T(test_diagonal_and_complex_parts),
    ND_T(test_copy_orders_and_astype),         ND_T(test_assign_overlapping_and_fill),
    ND_T(test_element_access_errors),          { 0 }
};
ND_TEST_MAIN("views", tests)
