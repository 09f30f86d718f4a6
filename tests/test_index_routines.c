/* NumPy's indexing routines (manip.h "index routines") against NumPy fixtures
 * (scripts/gen_fancy_fixtures.py → tests/data/fancy/fancy.txt). */
#define _GNU_SOURCE
#include <numc/manip.h>

#include "fancy_suite.h"

static void test_indices_and_ix(void)
{
    fixture_check(FX, "indices_23", nd_indices(ND_SHAPE(2, 3)));
    nd_array *g = nd_indices(ND_SHAPE(2, 3), ND_INT32);
    CU_ASSERT_EQUAL(nd_dtype_of(g), ND_INT32);
    nd_free(g);
    nd_array *sp[2];
    CU_ASSERT_EQUAL_FATAL(nd_indices_sparse(ND_SHAPE(2, 3), ND_INT64, sp), ND_OK);
    fixture_check(FX, "indices_sparse_1", sp[1]);
    CU_ASSERT_EQUAL(nd_shape(sp[0])[0], 2);
    CU_ASSERT_EQUAL(nd_shape(sp[0])[1], 1);
    nd_free(sp[0]);
    /* 0-d and empty shapes. */
    nd_array *g0 = nd_indices(0, NULL, ND_INT64), *ge = nd_indices(ND_SHAPE(0, 3));
    CU_ASSERT_EQUAL(nd_ndim(g0), 1);
    CU_ASSERT_EQUAL(nd_size(g0), 0);
    CU_ASSERT_EQUAL(nd_size(ge), 0);
    nd_free(g0);
    nd_free(ge);
    CU_ASSERT_EQUAL(nd_indices_sparse(0, NULL, ND_INT64, sp), ND_EVALUE);
    CU_ASSERT_PTR_NULL(nd_indices(ND_SHAPE(2, -1)));
    expect_error(ND_EVALUE, "negative dimensions");

    nd_array *r = IX(1, 3), *c = IX(2, 4, 0), *out[2];
    CU_ASSERT_EQUAL_FATAL(nd_ix(ND_ARRAYS(r, c), out), ND_OK);
    fixture_check(FX, "ix_0", out[0]);
    fixture_check(FX, "ix_1", out[1]);
    nd_array *b = nd_from_buffer((bool[]){ true, false, true }, 1, (ptrdiff_t[]){ 3 }, ND_BOOL);
    CU_ASSERT_EQUAL_FATAL(nd_ix(1, (const nd_array *[]){ b }, out), ND_OK);
    fixture_check(FX, "ix_bool", out[0]);
    nd_array *m = nd_zeros(ND_SHAPE(2, 2));
    CU_ASSERT_EQUAL(nd_ix(ND_ARRAYS(r, m), out), ND_EVALUE);
    expect_error(ND_EVALUE, "Cross index must be 1 dimensional");
    CU_ASSERT_PTR_NULL(out[0]);
    nd_array *f = nd_zeros(ND_SHAPE(2));
    CU_ASSERT_EQUAL(nd_ix(ND_ARRAYS(f), out), ND_EDTYPE);
    nd_free(r);
    nd_free(c);
    nd_free(b);
    nd_free(m);
    nd_free(f);
}

static void test_ravel_unravel(void)
{
    nd_array *i = IX(0, 2, 3), *j = IX(1, 4, 0);
    fixture_check(FX, "rmi_c", nd_ravel_multi_index(ND_ARRAYS(i, j), ND_SHAPE(4, 5)));
    fixture_check(FX, "rmi_f", nd_ravel_multi_index(ND_ARRAYS(i, j), ND_SHAPE(4, 5), .order = ND_ORDER_F));
    nd_array *wi = IX(5, -1), *wj = IX(7, -6), *mj = IX(4, 2);
    fixture_check(FX, "rmi_wrap", nd_ravel_multi_index(ND_ARRAYS(wi, wj), ND_SHAPE(4, 5), .mode = ND_WRAP));
    fixture_check(FX, "rmi_clip", nd_ravel_multi_index(ND_ARRAYS(wi, wj), ND_SHAPE(4, 5), .mode = ND_CLIP));
    fixture_check(FX, "rmi_mixed", nd_ravel_multi_index(ND_ARRAYS(wi, mj), ND_SHAPE(4, 5),
                                                        .modes = (const nd_clipmode[]){ ND_WRAP, ND_RAISE }));
    CU_ASSERT_PTR_NULL(nd_ravel_multi_index(ND_ARRAYS(wi, wj), ND_SHAPE(4, 5)));
    expect_error(ND_EVALUE, "invalid entry in coordinates array");
    CU_ASSERT_PTR_NULL(nd_ravel_multi_index(ND_ARRAYS(i), ND_SHAPE(4, 5)));
    expect_error(ND_EVALUE, "must be a sequence of length 2");
    nd_array *s3 = IX(0, 1, 2), *s2 = IX(0, 1);
    CU_ASSERT_PTR_NULL(nd_ravel_multi_index(ND_ARRAYS(s3, s2), ND_SHAPE(4, 5)));
    CU_ASSERT_EQUAL(nd_last_error(), ND_ESHAPE);

    nd_array *flat = IX(22, 41, 37), *out[2];
    CU_ASSERT_EQUAL_FATAL(nd_unravel_index(flat, ND_SHAPE(7, 6), out), ND_OK);
    fixture_check(FX, "unravel_c_0", out[0]);
    fixture_check(FX, "unravel_c_1", out[1]);
    nd_array *ff = IX(31, 41, 13);
    CU_ASSERT_EQUAL_FATAL(nd_unravel_index(ff, ND_SHAPE(7, 6), out, .order = ND_ORDER_F), ND_OK);
    fixture_check(FX, "unravel_f_0", out[0]);
    fixture_check(FX, "unravel_f_1", out[1]);
    /* Non-contiguous input and a 0-d index. */
    nd_array *rev = nd_view(flat, "::-1"), *z = nd_scalar_array(ND_I64(41));
    CU_ASSERT_EQUAL_FATAL(nd_unravel_index(rev, ND_SHAPE(7, 6), out), ND_OK);
    CU_ASSERT_EQUAL(nd_get_i64(out[0], ND_IDX(0)), 6);
    CU_ASSERT_EQUAL(nd_get_i64(out[1], ND_IDX(0)), 1);
    nd_free(out[0]);
    nd_free(out[1]);
    CU_ASSERT_EQUAL_FATAL(nd_unravel_index(z, ND_SHAPE(7, 6), out), ND_OK);
    CU_ASSERT_EQUAL(nd_ndim(out[0]), 0);
    CU_ASSERT_EQUAL(nd_item_i64(out[0]), 6);
    CU_ASSERT_EQUAL(nd_item_i64(out[1]), 5);
    nd_free(out[0]);
    nd_free(out[1]);
    nd_array *big = IX(42);
    CU_ASSERT_EQUAL(nd_unravel_index(big, ND_SHAPE(7, 6), out), ND_EVALUE);
    expect_error(ND_EVALUE, "index 42 is out of bounds for array with size 42");
    nd_array *fl = nd_zeros(ND_SHAPE(1));
    CU_ASSERT_EQUAL(nd_unravel_index(fl, ND_SHAPE(7, 6), out), ND_EDTYPE);
    nd_array *arr[] = { i, j, wi, wj, mj, s3, s2, flat, ff, rev, z, big, fl };
    for (size_t k = 0; k < sizeof arr / sizeof *arr; k++) nd_free(arr[k]);
}

/* Row d of a stacked index tuple, as its own array (a copy, like the fixtures). */
static nd_array *row(const nd_array *t, int d)
{
    nd_array *v = nd_sel(t, ND_AT(d)), *c = nd_copy(v, ND_ORDER_C);
    nd_free(v);
    return c;
}

static void test_diag_tri_mask_indices(void)
{
    nd_array *t = nd_diag_indices(4, 3);
    CU_ASSERT_EQUAL(nd_shape(t)[0], 3);
    fixture_check(FX, "diag_indices_3", row(t, 2));
    nd_free(t);
    nd_array *sq = nd_zeros(ND_SHAPE(3, 3, 3)), *rect = nd_zeros(ND_SHAPE(3, 4));
    t = nd_diag_indices_from(sq);
    CU_ASSERT_EQUAL(nd_shape(t)[0], 3);
    CU_ASSERT_EQUAL(nd_shape(t)[1], 3);
    nd_free(t);
    CU_ASSERT_PTR_NULL(nd_diag_indices_from(rect));
    expect_error(ND_EVALUE, "All dimensions of input must be of equal length");

    t = nd_tril_indices(4, 0, -1);
    fixture_check(FX, "tril_4_0", row(t, 1));
    nd_free(t);
    t = nd_tril_indices(4, -1, -1);
    fixture_check(FX, "tril_4_m1_r", row(t, 0));
    fixture_check(FX, "tril_4_m1_c", row(t, 1));
    nd_free(t);
    t = nd_triu_indices(3, 1, 5);
    fixture_check(FX, "triu_3_1_5_r", row(t, 0));
    fixture_check(FX, "triu_3_1_5_c", row(t, 1));
    nd_free(t);
    nd_array *z35 = nd_zeros(ND_SHAPE(3, 5));
    t = nd_tril_indices_from(z35, 1);
    fixture_check(FX, "tril_from_r", row(t, 0));
    fixture_check(FX, "tril_from_c", row(t, 1));
    nd_free(t);
    CU_ASSERT_PTR_NULL(nd_triu_indices_from(sq, 0));
    expect_error(ND_EVALUE, "must be 2-d");
    /* Far-off diagonals give everything or nothing; an n×0 matrix nothing. */
    t = nd_triu_indices(3, -100, -1);
    CU_ASSERT_EQUAL(nd_shape(t)[1], 9);
    nd_free(t);
    t = nd_tril_indices(3, -100, -1);
    CU_ASSERT_EQUAL(nd_shape(t)[1], 0);
    nd_free(t);
    t = nd_tril_indices(3, PTRDIFF_MAX, 0);
    CU_ASSERT_EQUAL(nd_shape(t)[1], 0);
    nd_free(t);
    CU_ASSERT_PTR_NULL(nd_tril_indices(-1, 0, -1));

    t = nd_mask_indices(4, nd_triu, 1);
    fixture_check(FX, "mask_indices_triu1_r", row(t, 0));
    fixture_check(FX, "mask_indices_triu1_c", row(t, 1));
    nd_free(t);
    CU_ASSERT_PTR_NULL(nd_mask_indices(4, NULL, 1));
    nd_free(sq);
    nd_free(rect);
    nd_free(z35);
}

static void test_fill_diagonal(void)
{
    nd_array *four = nd_scalar_array(ND_I64(4));
    nd_array *x = nd_zeros(ND_SHAPE(5, 3), ND_INT64);
    CU_ASSERT_EQUAL(nd_fill_diagonal(x, four, false), ND_OK);
    fixture_check(FX, "fill_diag_tall", x);
    x = nd_zeros(ND_SHAPE(7, 3), ND_INT64);
    CU_ASSERT_EQUAL(nd_fill_diagonal(x, four, true), ND_OK);
    fixture_check(FX, "fill_diag_wrap", x);
    x = nd_zeros(ND_SHAPE(3, 3, 3));
    nd_array *v12 = IX(1, 2);
    CU_ASSERT_EQUAL(nd_fill_diagonal(x, v12, false), ND_OK);
    fixture_check(FX, "fill_diag_3d", x);
    /* A transposed (non-contiguous) view is filled through its strides. */
    nd_array *base = nd_zeros(ND_SHAPE(3, 5), ND_INT64), *t = nd_transpose(base);
    CU_ASSERT_EQUAL(nd_fill_diagonal(t, four, false), ND_OK);
    CU_ASSERT_EQUAL(nd_get_i64(base, ND_IDX(2, 2)), 4);
    CU_ASSERT_EQUAL(nd_get_i64(base, ND_IDX(0, 1)), 0);
    nd_array *v = nd_zeros(ND_SHAPE(3)), *bad = nd_zeros(ND_SHAPE(2, 3, 3));
    CU_ASSERT_EQUAL(nd_fill_diagonal(v, four, false), ND_EVALUE);
    expect_error(ND_EVALUE, "at least 2-d");
    CU_ASSERT_EQUAL(nd_fill_diagonal(bad, four, false), ND_EVALUE);
    expect_error(ND_EVALUE, "equal length");
    nd_array *arr[] = { four, v12, base, t, v, bad };
    for (size_t k = 0; k < sizeof arr / sizeof *arr; k++) nd_free(arr[k]);
}

static void test_choose_select(void)
{
    nd_array *ch = in("in_choices");
    const nd_array *rows[3];
    nd_array *rv[3];
    for (int k = 0; k < 3; k++) rows[k] = rv[k] = nd_sel(ch, ND_AT(k));
    nd_array *a = IX(2, 0, 1, 1);
    fixture_check(FX, "choose_basic", nd_choose(a, 3, rows, ND_RAISE));
    nd_array *col = nd_reshape((IX(0, 2)), ND_SHAPE(2, 1));
    fixture_check(FX, "choose_bcast", nd_choose(col, 3, rows, ND_RAISE));
    nd_array *w = IX(3, -1, 5, 0);
    fixture_check(FX, "choose_wrap", nd_choose(w, 3, rows, ND_WRAP));
    fixture_check(FX, "choose_clip", nd_choose(w, 3, rows, ND_CLIP));
    CU_ASSERT_PTR_NULL(nd_choose(w, 3, rows, ND_RAISE));
    expect_error(ND_EVALUE, "invalid entry in choice array");
    nd_array *a5 = IX(0, 1, 2, 0, 1);
    CU_ASSERT_PTR_NULL(nd_choose(a5, 3, rows, ND_RAISE));
    CU_ASSERT_EQUAL(nd_last_error(), ND_ESHAPE);

    nd_array *xs = nd_arange(0, 8, 1, ND_INT64), *c1 = nd_empty(ND_SHAPE(8), ND_BOOL), *c2 = nd_empty(ND_SHAPE(8), ND_BOOL);
    nd_array *sq = nd_copy(xs, ND_ORDER_C);
    for (int i = 0; i < 8; i++) {
        ((bool *)nd_data(c1))[i] = i < 3;
        ((bool *)nd_data(c2))[i] = i > 5;
        ((int64_t *)nd_data(sq))[i] = (int64_t)i * i;
    }
    nd_array *m1 = nd_scalar_array(ND_I64(-1)), *nan = nd_scalar_array(ND_F64(NAN));
    fixture_check(FX, "select_basic", nd_select(2, (const nd_array *[]){ c1, c2 }, (const nd_array *[]){ xs, sq }, m1));
    nd_array *half = nd_astype(xs, ND_FLOAT64, ND_CAST_UNSAFE);
    for (int i = 0; i < 8; i++) ((double *)nd_data(half))[i] *= 0.5;
    fixture_check(FX, "select_float",
                  nd_select(2, (const nd_array *[]){ c1, c2 }, (const nd_array *[]){ half, xs }, nan));
    CU_ASSERT_PTR_NULL(nd_select(1, (const nd_array *[]){ xs }, (const nd_array *[]){ xs }, NULL));
    expect_error(ND_EDTYPE, "invalid entry 0 in condlist: should be boolean ndarray");
    nd_array *short3 = IX(1, 2, 3);
    CU_ASSERT_PTR_NULL(nd_select(1, (const nd_array *[]){ c1 }, (const nd_array *[]){ short3 }, NULL));
    expect_error(ND_ESHAPE, "(8,)");
    CU_ASSERT_PTR_NULL(nd_select(0, NULL, NULL, NULL));
    expect_error(ND_EVALUE, "empty condition list");
    /* Negative-stride index and choices; a reversed condition and choice. */
    nd_array *ar = nd_view((IX(1, 1, 0, 2)), "::-1"), *chr = nd_view(ch, ":, ::-1");
    const nd_array *rrows[3];
    for (int k = 0; k < 3; k++) rrows[k] = nd_sel(chr, ND_AT(k));
    fixture_check(FX, "choose_reversed", nd_choose(ar, 3, rrows, ND_RAISE));
    fixture_check(FX, "select_noncontig", nd_select(1, (const nd_array *[]){ nd_view(c1, "::-1") },
                                                    (const nd_array *[]){ nd_view(xs, "::-1") }, m1));
    nd_array *arr[] = { ch, rv[0], rv[1], rv[2], a, col, w, a5, xs, c1, c2, sq, m1, nan, half, short3 };
    for (size_t k = 0; k < sizeof arr / sizeof *arr; k++) nd_free(arr[k]);
}

static void test_place_putmask_put_along(void)
{
    nd_array *a2 = in("in_a2");
    nd_array *m = nd_empty(ND_SHAPE(4, 5), ND_BOOL), *m2 = nd_empty(ND_SHAPE(4, 5), ND_BOOL);
    for (int i = 0; i < 20; i++) {
        ((bool *)nd_data(m))[i] = i % 4 == 1;
        ((bool *)nd_data(m2))[i] = i > 13;
    }
    nd_array *x = nd_copy(a2, ND_ORDER_C), *v = IX(-1, -2);
    CU_ASSERT_EQUAL(nd_place(x, m, v), ND_OK);
    fixture_check(FX, "place_cycle", x);
    x = nd_copy(a2, ND_ORDER_C);
    nd_array *v3 = IX(100, 200, 300);
    CU_ASSERT_EQUAL(nd_putmask(x, m2, v3), ND_OK);
    fixture_check(FX, "putmask_cycle", x);
    x = nd_copy(a2, ND_ORDER_C);
    nd_array *xt = nd_transpose(x), *mt = nd_empty(ND_SHAPE(5, 4), ND_BOOL);
    for (int i = 0; i < 5; i++)
        for (int j = 0; j < 4; j++) ((bool *)nd_data(mt))[i * 4 + j] = j * 5 + i > 13;
    CU_ASSERT_EQUAL(nd_putmask(xt, mt, v3), ND_OK);
    fixture_check(FX, "putmask_transposed", xt);
    nd_free(mt);
    nd_free(x);
    x = nd_copy(a2, ND_ORDER_C);
    nd_array *xr = nd_view(x, "::-1"), *mr = nd_empty(ND_SHAPE(4, 5), ND_BOOL);
    for (int i = 0; i < 4; i++)
        for (int j = 0; j < 5; j++) ((bool *)nd_data(mr))[i * 5 + j] = ((3 - i) * 5 + j) % 4 == 1;
    CU_ASSERT_EQUAL(nd_place(xr, mr, v), ND_OK);
    fixture_check(FX, "place_reversed", xr);
    nd_free(mr);
    nd_free(x);
    nd_array *e = nd_empty(ND_SHAPE(0), ND_INT64);
    x = nd_copy(a2, ND_ORDER_C);
    CU_ASSERT_EQUAL(nd_putmask(x, m2, e), ND_OK);
    CU_ASSERT_EQUAL(nd_place(x, m, e), ND_EVALUE);
    expect_error(ND_EVALUE, "Cannot insert from an empty array!");
    nd_array *m3 = nd_zeros(ND_SHAPE(3), ND_BOOL);
    CU_ASSERT_EQUAL(nd_putmask(x, m3, v3), ND_EVALUE);
    expect_error(ND_EVALUE, "mask and data must be the same size");
    nd_free(x);

    x = nd_copy(a2, ND_ORDER_C);
    nd_array *ix = nd_reshape((IX(0, 4, 2, 1)), ND_SHAPE(4, 1)), *m5 = nd_scalar_array(ND_I64(-5));
    CU_ASSERT_EQUAL(nd_put_along_axis(x, ix, m5, 1), ND_OK);
    fixture_check(FX, "put_along_1", x);
    x = nd_copy(a2, ND_ORDER_C);
    nd_array *ix0 = nd_reshape((IX(3, 0, 1, 2, 0)), ND_SHAPE(1, 5));
    nd_array *v0 = nd_reshape((IX(9, 8, 7, 6, 5)), ND_SHAPE(1, 5));
    CU_ASSERT_EQUAL(nd_put_along_axis(x, ix0, v0, 0), ND_OK);
    fixture_check(FX, "put_along_0", x);
    x = nd_copy(a2, ND_ORDER_C);
    CU_ASSERT_EQUAL(nd_put_along_axis(x, v0, v0, 1), ND_EINDEX);
    expect_error(ND_EINDEX, "index 9 is out of bounds for axis 1 with size 5");
    CU_ASSERT_EQUAL(nd_put_along_axis(x, v3, v0, 1), ND_EVALUE);
    expect_error(ND_EVALUE, "same number of dimensions");
    nd_set_readonly(x);
    CU_ASSERT_EQUAL(nd_putmask(x, m2, v3), ND_EVALUE);
    expect_error(ND_EVALUE, "read-only");
    nd_array *arr[] = { a2, m, m2, x, v, v3, e, m3, ix, m5, ix0, v0 };
    for (size_t k = 0; k < sizeof arr / sizeof *arr; k++) nd_free(arr[k]);
}

static void test_sliding_window_view(void)
{
    nd_array *a2 = in("in_a2"), *a3 = in("in_a3"), *r6 = nd_arange(0, 6, 1, ND_INT64);
    nd_array *w = nd_sliding_window_view(r6, ND_SHAPE(3));
    CU_ASSERT_PTR_NOT_NULL_FATAL(w);
    CU_ASSERT_FALSE(nd_is_writeable(w));
    CU_ASSERT_TRUE(nd_may_share_memory(w, r6));
    fixture_check(FX, "swv_1d", w);
    fixture_check(FX, "swv_2d", nd_sliding_window_view(a2, ND_SHAPE(2, 3)));
    fixture_check(FX, "swv_axis", nd_sliding_window_view(a2, ND_SHAPE(2), .axis = 0));
    fixture_check(FX, "swv_axes", nd_sliding_window_view(a3, ND_SHAPE(2, 2), .axes = ND_AXES(0, 2)));
    /* Negative strides: windows of the reversed array. */
    nd_array *rev = nd_view(r6, "::-1"), *wr = nd_sliding_window_view(rev, ND_SHAPE(2));
    CU_ASSERT_EQUAL(nd_get_i64(wr, ND_IDX(0, 1)), 4);
    CU_ASSERT_EQUAL(nd_get_i64(wr, ND_IDX(4, 1)), 0);
    CU_ASSERT_PTR_NULL(nd_sliding_window_view(r6, ND_SHAPE(7)));
    expect_error(ND_EVALUE, "window shape cannot be larger than input array shape");
    CU_ASSERT_PTR_NULL(nd_sliding_window_view(a2, ND_SHAPE(2)));
    expect_error(ND_EVALUE, "must provide window_shape for all dimensions");
    CU_ASSERT_PTR_NULL(nd_sliding_window_view(a2, ND_SHAPE(2, 2), .axis = 0));
    expect_error(ND_EVALUE, "Must provide matching length window_shape and axis");
    CU_ASSERT_PTR_NULL(nd_sliding_window_view(r6, ND_SHAPE(-1)));
    expect_error(ND_EVALUE, "cannot contain negative values");
    CU_ASSERT_PTR_NULL(nd_sliding_window_view(a2, ND_SHAPE(2), .axis = 2));
    CU_ASSERT_EQUAL(nd_last_error(), ND_EAXIS);
    nd_array *arr[] = { a2, a3, r6, rev, wr };
    for (size_t k = 0; k < sizeof arr / sizeof *arr; k++) nd_free(arr[k]);
}

static void test_ndindex_ndenumerate(void)
{
    nd_ndindex it = nd_ndindex_begin(ND_SHAPE(2, 3));
    ptrdiff_t seen = 0, last0 = -1, last1 = -1;
    while (nd_ndindex_next(&it)) {
        CU_ASSERT_EQUAL(it.index[0] * 3 + it.index[1], seen);
        last0 = it.index[0];
        last1 = it.index[1];
        seen++;
    }
    CU_ASSERT_EQUAL(seen, 6);
    CU_ASSERT_EQUAL(last0, 1);
    CU_ASSERT_EQUAL(last1, 2);
    nd_ndindex z = nd_ndindex_begin(0, NULL);
    int n0 = 0;
    while (nd_ndindex_next(&z)) n0++;
    CU_ASSERT_EQUAL(n0, 1); /* ndindex(()) yields one () */
    nd_ndindex e = nd_ndindex_begin(ND_SHAPE(3, 0));
    CU_ASSERT_FALSE(nd_ndindex_next(&e));
    nd_ndindex bad = nd_ndindex_begin(ND_SHAPE(-2));
    CU_ASSERT_EQUAL(bad.status, ND_EVALUE);
    CU_ASSERT_FALSE(nd_ndindex_next(&bad));

    nd_array *a2 = in("in_a2"), *t = nd_view(a2, "::-1, 1::2");
    nd_ndenumerate en = nd_ndenumerate_begin(t);
    int count = 0;
    bool ok = true;
    while (nd_ndenumerate_next(&en)) {
        int64_t want = (3 - en.index[0]) * 5 + 1 + 2 * en.index[1];
        ok = ok && nd_scalar_as_i64(en.value) == want && *(int64_t *)en.ptr == want;
        count++;
    }
    CU_ASSERT_TRUE(ok);
    CU_ASSERT_EQUAL(count, 8);
    nd_ndenumerate nn = nd_ndenumerate_begin(NULL);
    CU_ASSERT_EQUAL(nn.status, ND_EVALUE);
    CU_ASSERT_FALSE(nd_ndenumerate_next(&nn));
    nd_free(a2);
    nd_free(t);
}

static void run_scoped(void (*fn)(void))
{
    nd_scope_begin();
    fn();
    nd_scope_end();
}
static void test_place_putmask_put_along_scoped(void) { run_scoped(test_place_putmask_put_along); }
static void test_choose_select_scoped(void) { run_scoped(test_choose_select); }

static const ND_TEST tests[] = {
    ND_T(test_indices_and_ix),        ND_T(test_ravel_unravel),
    ND_T(test_diag_tri_mask_indices), ND_T(test_fill_diagonal),
    ND_T(test_choose_select_scoped),  ND_T(test_place_putmask_put_along_scoped),
    ND_T(test_sliding_window_view),   ND_T(test_ndindex_ndenumerate), { 0 }
};
ND_TEST_MAIN("index_routines", tests)
