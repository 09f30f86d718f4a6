/* Manipulation and array indexing against NumPy fixtures (tests/data/manip). */
#define _GNU_SOURCE
#include <numc/manip.h>
#include <numc/sort.h>

#include "fixture.h"

#define FX NUMC_TEST_DATA "/manip/manip.txt"

static nd_array *in(const char *name) { return fixture_load(FX, name); }

static void test_concatenate_and_stack(void)
{
    nd_array *a = in("in_a"), *b = in("in_b"), *w = in("in_w"), *v = in("in_v");
    nd_array *part = nd_view(a, ":, :2");
    /* a[:, :2] * 10 without the ufunc module: scale a copy element by element. */
    nd_array *p10 = nd_copy(part, ND_ORDER_C);
    for (ptrdiff_t i = 0; i < nd_size(p10); i++) ((int64_t *)nd_data(p10))[i] *= 10;
    fixture_check(FX, "concat_ax1", nd_concatenate(ND_ARRAYS(a, p10), 1));
    nd_array *ones = nd_ones(ND_SHAPE(1, 3), ND_INT32);
    fixture_check(FX, "concat_mixed", nd_concatenate(ND_ARRAYS(b, ones), 0));
    nd_array *b2 = nd_copy(b, ND_ORDER_C);
    for (ptrdiff_t i = 0; i < 6; i++) ((double *)nd_data(b2))[i] *= 2;
    fixture_check(FX, "stack_ax1", nd_stack(2, (const nd_array *[]){ b, b2 }, 1));
    nd_array *v3 = nd_view(v, ":3"), *w2 = nd_view(w, ":2"), *w4 = nd_view(w, ":4"), *w48 = nd_view(w, "4:8");
    fixture_check(FX, "hstack_1d", nd_hstack(2, (const nd_array *[]){ v3, w2 }));
    fixture_check(FX, "vstack_1d", nd_vstack(2, (const nd_array *[]){ w4, w48 }));
    fixture_check(FX, "dstack", nd_dstack(2, (const nd_array *[]){ b, b }));
    nd_array *c1 = nd_view(w, ":3"), *c2 = nd_view(w, "3:6");
    fixture_check(FX, "column_stack", nd_column_stack(2, (const nd_array *[]){ c1, c2 }));
    CU_ASSERT_PTR_NULL(nd_concatenate(ND_ARRAYS(a, b), 0));
    CU_ASSERT_EQUAL(nd_last_error(), ND_ESHAPE);
    CU_ASSERT_PTR_NULL(nd_concatenate(ND_ARRAYS(b, w4), 0));
    CU_ASSERT_PTR_NULL(nd_concatenate(1, (const nd_array *[]){ b }, 2));
    CU_ASSERT_EQUAL(nd_last_error(), ND_EAXIS);
    nd_array *arr[] = { a, b, w, v, part, p10, ones, b2, v3, w2, w4, w48, c1, c2 };
    for (size_t i = 0; i < sizeof arr / sizeof *arr; i++) nd_free(arr[i]);
}

static void test_tile_repeat_flip_roll(void)
{
    nd_array *a = in("in_a"), *b = in("in_b"), *w = in("in_w");
    fixture_check(FX, "tile_23", nd_tile(b, 2, (ptrdiff_t[]){ 2, 3 }));
    nd_array *w3 = nd_view(w, ":3");
    fixture_check(FX, "tile_3d", nd_tile(w3, 3, (ptrdiff_t[]){ 2, 1, 2 }));
    fixture_check(FX, "repeat_ax0", nd_repeat(b, 2, (ptrdiff_t[]){ 1, 3 }, 0));
    fixture_check(FX, "repeat_none", nd_repeat(b, 1, (ptrdiff_t[]){ 2 }, ND_AXIS_NONE));
    fixture_check(FX, "flip_ax1", nd_flip(a, 1, (int[]){ 1 }));
    fixture_check(FX, "roll_ax2", nd_roll(a, 5, 2));
    fixture_check(FX, "roll_none", nd_roll(a, -7, ND_AXIS_NONE));
    fixture_check(FX, "rot90_1", nd_rot90(b, 1));
    fixture_check(FX, "rot90_3", nd_rot90(b, 3));
    fixture_check(FX, "resize", nd_resize(b, ND_SHAPE(4, 4)));
    CU_ASSERT_PTR_NULL(nd_repeat(b, 3, (ptrdiff_t[]){ 1, 2, 3 }, 0));
    CU_ASSERT_PTR_NULL(nd_repeat(b, 1, (ptrdiff_t[]){ -1 }, 0));
    CU_ASSERT_PTR_NULL(nd_tile(b, 1, (ptrdiff_t[]){ -2 }));
    nd_free(w3);
    nd_free(a);
    nd_free(b);
    nd_free(w);
}

static void test_pad_modes(void)
{
    nd_array *b = in("in_b"), *w = in("in_w");
    const ptrdiff_t widths[] = { 1, 2, 4, 3 };
    fixture_check(FX, "pad_constant", nd_pad(b, 4, widths, ND_PAD_CONSTANT, ND_F64(0)));
    fixture_check(FX, "pad_edge", nd_pad(b, 4, widths, ND_PAD_EDGE, ND_F64(0)));
    fixture_check(FX, "pad_reflect", nd_pad(b, 4, widths, ND_PAD_REFLECT, ND_F64(0)));
    fixture_check(FX, "pad_symmetric", nd_pad(b, 4, widths, ND_PAD_SYMMETRIC, ND_F64(0)));
    fixture_check(FX, "pad_wrap", nd_pad(b, 4, widths, ND_PAD_WRAP, ND_F64(0)));
    nd_array *w3 = nd_view(w, ":3");
    fixture_check(FX, "pad_reflect_big", nd_pad(w3, 2, (ptrdiff_t[]){ 7, 7 }, ND_PAD_REFLECT, ND_F64(0)));
    CU_ASSERT_PTR_NULL(nd_pad(b, 2, (ptrdiff_t[]){ -1, 0 }, ND_PAD_EDGE, ND_F64(0)));
    CU_ASSERT_PTR_NULL(nd_pad(b, 3, widths, ND_PAD_EDGE, ND_F64(0)));
    nd_free(w3);
    nd_free(b);
    nd_free(w);
}

static void test_take_masks_where(void)
{
    nd_array *a = in("in_a"), *b = in("in_b"), *w = in("in_w");
    int64_t ix[] = { 2, 0, -1, 1 };
    nd_array *ind = nd_wrap(ix, ND_SHAPE(2, 2), NULL, ND_INT64, NULL, NULL);
    fixture_check(FX, "take_ax1", nd_take(a, ind, 1));
    nd_array *order = nd_argsort(b, 1, ND_SORT_STABLE);
    fixture_check(FX, "take_along", nd_take_along_axis(b, order, 1));
    nd_array *mask = nd_empty(nd_ndim(a), nd_shape(a), ND_BOOL), *m5 = nd_empty(nd_ndim(a), nd_shape(a), ND_BOOL);
    nd_array *bpos = nd_empty(nd_ndim(b), nd_shape(b), ND_BOOL);
    for (ptrdiff_t i = 0; i < 24; i++) {
        ((bool *)nd_data(mask))[i] = i % 3 == 1;
        ((bool *)nd_data(m5))[i] = i % 5 == 0;
    }
    for (ptrdiff_t i = 0; i < 6; i++) ((bool *)nd_data(bpos))[i] = ((double *)nd_data(b))[i] > 0;
    fixture_check(FX, "mask_select", nd_mask_select(a, mask));
    nd_array *w3 = nd_view(w, ":3");
    fixture_check(FX, "where", nd_where(bpos, b, w3));
    fixture_check(FX, "argwhere", nd_argwhere(m5));
    bool cond[] = { true, false, true };
    nd_array *c = nd_wrap(cond, ND_SHAPE(3), NULL, ND_BOOL, NULL, NULL);
    fixture_check(FX, "compress", nd_compress(c, b, 1));
    nd_array *nz[3];
    CU_ASSERT_EQUAL(nd_nonzero(m5, nz), ND_OK);
    CU_ASSERT_EQUAL(nd_size(nz[0]), 5);
    CU_ASSERT_EQUAL(nd_get_i64(nz[2], ND_IDX(1)), 1); /* element 5 = (0, 1, 1) */
    for (int d = 0; d < 3; d++) nd_free(nz[d]);
    CU_ASSERT_EQUAL(nd_mask_assign(a, mask, ND_I64(-1)), ND_OK);
    CU_ASSERT_EQUAL(nd_get_i64(a, ND_IDX(0, 0, 1)), -1);
    CU_ASSERT_EQUAL(nd_get_i64(a, ND_IDX(0, 0, 2)), 2);
    int64_t bad[] = { 4 };
    nd_array *badi = nd_wrap(bad, ND_SHAPE(1), NULL, ND_INT64, NULL, NULL);
    CU_ASSERT_PTR_NULL(nd_take(a, badi, 2));
    CU_ASSERT_EQUAL(nd_last_error(), ND_EINDEX);
    CU_ASSERT_PTR_NULL(nd_take(a, b, 0));
    CU_ASSERT_EQUAL(nd_last_error(), ND_EDTYPE);
    CU_ASSERT_PTR_NULL(nd_mask_select(b, mask));
    CU_ASSERT_EQUAL(nd_last_error(), ND_ESHAPE);
    nd_array *flat = nd_zeros(ND_SHAPE(2, 3), ND_FLOAT64);
    int64_t pi[] = { 0, 5, -2 };
    double pv[] = { 7, 8 };
    nd_array *pind = nd_wrap(pi, ND_SHAPE(3), NULL, ND_INT64, NULL, NULL), *pval = nd_from_f64(pv, 2);
    CU_ASSERT_EQUAL(nd_put(flat, pind, pval), ND_OK);
    CU_ASSERT_EQUAL(nd_get_f64(flat, ND_IDX(0, 0)), 7.0);
    CU_ASSERT_EQUAL(nd_get_f64(flat, ND_IDX(1, 2)), 8.0);
    CU_ASSERT_EQUAL(nd_get_f64(flat, ND_IDX(1, 1)), 7.0);
    nd_array *arr[] = { a, b, w, ind, order, mask, m5, bpos, w3, c, badi, flat, pind, pval };
    for (size_t i = 0; i < sizeof arr / sizeof *arr; i++) nd_free(arr[i]);
}

static void test_split(void)
{
    nd_array *r = nd_arange(0, 10, 1, ND_INT64);
    nd_array *parts[4];
    CU_ASSERT_EQUAL(nd_array_split(r, 3, 0, parts), ND_OK);
    CU_ASSERT_EQUAL(nd_size(parts[0]), 4);
    CU_ASSERT_EQUAL(nd_size(parts[1]), 3);
    CU_ASSERT_EQUAL(nd_get_i64(parts[2], ND_IDX(0)), 7);
    CU_ASSERT_TRUE(nd_may_share_memory(parts[1], r));
    for (int i = 0; i < 3; i++) nd_free(parts[i]);
    CU_ASSERT_EQUAL(nd_split(r, 3, 0, parts), ND_EVALUE);
    CU_ASSERT_EQUAL(nd_split_at(r, 2, (ptrdiff_t[]){ 3, -2 }, 0, parts), ND_OK);
    CU_ASSERT_EQUAL(nd_size(parts[0]), 3);
    CU_ASSERT_EQUAL(nd_size(parts[1]), 5);
    CU_ASSERT_EQUAL(nd_size(parts[2]), 2);
    for (int i = 0; i < 3; i++) nd_free(parts[i]);
    nd_free(r);
}

static void test_atleast(void)
{
    nd_array *s = nd_scalar_array(ND_F64(1)), *v = nd_zeros(ND_SHAPE(4), ND_FLOAT64);
    nd_array *s3 = nd_atleast_3d(s), *v2 = nd_atleast_2d(v), *v3 = nd_atleast_3d(v);
    CU_ASSERT_EQUAL(nd_ndim(s3), 3);
    CU_ASSERT_EQUAL(nd_shape(v2)[0], 1);
    CU_ASSERT_EQUAL(nd_shape(v2)[1], 4);
    CU_ASSERT_EQUAL(nd_shape(v3)[1], 4);
    CU_ASSERT_EQUAL(nd_shape(v3)[2], 1);
    nd_array *arr[] = { s, v, s3, v2, v3 };
    for (size_t i = 0; i < sizeof arr / sizeof *arr; i++) nd_free(arr[i]);
}

static const ND_TEST tests[] = {
    ND_T(test_concatenate_and_stack), ND_T(test_tile_repeat_flip_roll), ND_T(test_pad_modes),
    ND_T(test_take_masks_where),      ND_T(test_split),                 ND_T(test_atleast), { 0 }
};
ND_TEST_MAIN("manip", tests)
