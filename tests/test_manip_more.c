/* delete / insert / trim_zeros / block / unstack / asarray_chkfinite / vander, pad (every
 * mode), bits, finfo / iinfo, unique with axis, intersect1d with indices — against NumPy
 * fixtures (scripts/gen_manip_fixtures.py -> tests/data/manip_more). */
#define _GNU_SOURCE
#include <numc/manip.h>
#include <numc/sort.h>

#include "faultsim.h"
#include "fixture.h"

#define FX NUMC_TEST_DATA "/manip_more/manip_more.txt"
#define REPR NUMC_TEST_DATA "/manip_more/repr.txt"

static nd_array *in(const char *name)
{
    nd_array *a = fixture_load(FX, name);
    CU_ASSERT_PTR_NOT_NULL_FATAL(a);
    return a;
}

/* T(x): an intermediate array freed at exit (keeps expressions short). */
static nd_array *pool[64];
static int npool;
static void free_pool(void)
{
    for (int i = 0; i < npool; i++) nd_free(pool[i]);
    npool = 0;
}
static nd_array *T(nd_array *a)
{
    if (npool == 0) atexit(free_pool);
    if (npool < 64) pool[npool++] = a;
    return a;
}

/* An error return with the given code and a message mentioning `word`. */
#define EXPECT_ERR(expr, code, word)                                                         \
    do {                                                                                      \
        nd_array *r_ = (expr);                                                                \
        CU_ASSERT_PTR_NULL(r_);                                                               \
        nd_free(r_);                                                                          \
        CU_ASSERT_EQUAL(nd_last_error(), code);                                               \
        if (!strstr(nd_errmsg(), word)) printf("\n  message '%s' lacks '%s'\n", nd_errmsg(), word); \
        CU_ASSERT_PTR_NOT_NULL(strstr(nd_errmsg(), word));                                    \
    } while (0)

/* Like fixture_check but within a relative tolerance (NumPy's pairwise sums and float32
 * accumulation differ from numc's in the last bits). Frees got. */
static void check_close(const char *name, nd_array *got, double rtol)
{
    nd_array *want = fixture_load(FX, name);
    CU_ASSERT_PTR_NOT_NULL_FATAL(want);
    if (!got) printf("\n%s: NULL (%s)\n", name, nd_errmsg());
    CU_ASSERT_PTR_NOT_NULL_FATAL(got);
    CU_ASSERT_EQUAL(nd_dtype_of(got), nd_dtype_of(want));
    CU_ASSERT_EQUAL_FATAL(nd_ndim(got), nd_ndim(want));
    for (int d = 0; d < nd_ndim(want); d++) CU_ASSERT_EQUAL_FATAL(nd_shape(got)[d], nd_shape(want)[d]);
    int bad = 0;
    for (ptrdiff_t i = 0; i < nd_size(want); i++) {
        nd_scalar a, b;
        nd_get_flat(got, i, &a);
        nd_get_flat(want, i, &b);
        double x = nd_scalar_as_f64(a), y = nd_scalar_as_f64(b);
        if (!(x == y || (isnan(x) && isnan(y)) || fabs(x - y) <= rtol * fabs(y)) && bad++ < 3)
            printf("\n  %s[%td]: %.17g vs %.17g", name, i, x, y);
    }
    CU_ASSERT_EQUAL(bad, 0);
    nd_free(want);
    nd_free(got);
}

static const ptrdiff_t W[4] = { 1, 2, 2, 1 };

static void test_pad_constant_edge_wrap(void)
{
    nd_array *x = in("in_x"), *y = in("in_y");
    nd_scalar cs[4] = { ND_I64(7), ND_I64(8), ND_I64(9), ND_I64(10) };
    fixture_check(FX, "pad_const_sides", nd_pad_ex(x, ND_WIDTH_ARRAY(4, W), .nconstants = 4, .constants = cs));
    fixture_check(FX, "pad_const_f", nd_pad_ex(y, ND_WIDTH_ARRAY(4, W), .constant = ND_F64(-1.5)));
    fixture_check(FX, "pad_edge", nd_pad(x, 4, W, ND_PAD_EDGE, ND_F64(0)));
    fixture_check(FX, "pad_wrap", nd_pad_ex(x, ND_WIDTH_ARRAY(4, W), .mode = ND_PAD_WRAP));
    /* Wraps longer than the axis repeat it (NumPy >= 1.25; 1.24 had a bug here). */
    nd_array *v = nd_arange(0, 3, 1, ND_INT64);
    nd_array *wr = nd_pad_ex(v, ND_WIDTHS(4, 5), .mode = ND_PAD_WRAP);
    int64_t want[] = { 2, 0, 1, 2, 0, 1, 2, 0, 1, 2, 0, 1 };
    CU_ASSERT_EQUAL(nd_size(wr), 12);
    for (int i = 0; i < 12; i++) CU_ASSERT_EQUAL(nd_get_i64(wr, 1, (ptrdiff_t[]){ i }), want[i]);
    nd_free(wr);
    nd_free(v);
    nd_free(x);
    nd_free(y);
}

static void test_pad_reflect_symmetric(void)
{
    nd_array *x = in("in_x"), *y = in("in_y"), *x0 = nd_view(x, "0");
    const char *names[2][2] = { { "pad_reflect_even", "pad_reflect_odd" }, { "pad_symmetric_even", "pad_symmetric_odd" } };
    const char *bigs[2][2] = { { "pad_reflect_even_big", "pad_reflect_odd_big" },
                               { "pad_symmetric_even_big", "pad_symmetric_odd_big" } };
    for (int m = 0; m < 2; m++)
        for (int r = 0; r < 2; r++) {
            nd_pad_mode mode = m ? ND_PAD_SYMMETRIC : ND_PAD_REFLECT;
            fixture_check(FX, names[m][r], nd_pad_ex(y, ND_WIDTH_ARRAY(4, W), .mode = mode, .reflect_type = (nd_reflect_type)r));
            fixture_check(FX, bigs[m][r], nd_pad_ex(x0, ND_WIDTHS(7, 9), .mode = mode,
                                                     .reflect_type = (nd_reflect_type)r));
        }
    nd_array *rev = nd_view(x, "::-1, ::-2");
    fixture_check(FX, "pad_reflect_rev", nd_pad(rev, 4, (ptrdiff_t[]){ 2, 1, 1, 3 }, ND_PAD_REFLECT, ND_F64(0)));
    nd_array *one = in("pad_singleton_reflect"), *o1 = nd_full(ND_SHAPE(1, 1), ND_FLOAT64, ND_F64(4));
    fixture_check(FX, "pad_singleton_reflect", nd_pad_ex(o1, ND_WIDTHS(2), .mode = ND_PAD_REFLECT));
    /* symmetric, 2 elements, a long right pad: NumPy >= 1.25 keeps the period. */
    nd_array *two = nd_arange(1, 3, 1, ND_FLOAT64);
    nd_array *s = nd_pad_ex(two, ND_WIDTHS(1, 8), .mode = ND_PAD_SYMMETRIC);
    double sw[] = { 1, 1, 2, 2, 1, 1, 2, 2, 1, 1, 2 };
    for (int i = 0; i < 11; i++) CU_ASSERT_EQUAL(nd_get_f64(s, 1, (ptrdiff_t[]){ i }), sw[i]);
    nd_free(s);
    nd_free(two);
    nd_free(one);
    nd_free(o1);
    nd_free(rev);
    nd_free(x0);
    nd_free(x);
    nd_free(y);
}

static void test_pad_ramp_and_stats(void)
{
    nd_array *x = in("in_x"), *y = in("in_y"), *f32 = in("in_f32");
    fixture_check(FX, "pad_ramp_f", nd_pad_ex(y, ND_WIDTH_ARRAY(4, W), .mode = ND_PAD_LINEAR_RAMP, .nend_values = 4,
                                              .end_values = (double[]){ 5, -3, 2, 4 }));
    nd_array *x10 = nd_copy(x, ND_ORDER_C);
    for (ptrdiff_t i = 0; i < nd_size(x10); i++) ((int64_t *)nd_data(x10))[i] *= 10;
    fixture_check(FX, "pad_ramp_i", nd_pad_ex(x10, ND_WIDTHS(2, 3, 3, 2), .mode = ND_PAD_LINEAR_RAMP,
                                              .nend_values = 4, .end_values = (double[]){ 50, 40, 20, 70 }));
    check_close("pad_ramp_0", nd_pad_ex(y, ND_WIDTHS(2), .mode = ND_PAD_LINEAR_RAMP), 1e-13);
    const nd_pad_mode modes[4] = { ND_PAD_MAXIMUM, ND_PAD_MINIMUM, ND_PAD_MEAN, ND_PAD_MEDIAN };
    const char *mn[4] = { "maximum", "minimum", "mean", "median" };
    for (int m = 0; m < 4; m++) {
        char name[64];
        snprintf(name, sizeof name, "pad_%s_f", mn[m]);
        check_close(name, nd_pad_ex(y, ND_WIDTH_ARRAY(4, W), .mode = modes[m]), 1e-14);
        snprintf(name, sizeof name, "pad_%s_i", mn[m]);
        fixture_check(FX, name, nd_pad_ex(x, ND_WIDTH_ARRAY(4, W), .mode = modes[m]));
        snprintf(name, sizeof name, "pad_%s_len", mn[m]);
        nd_array *r = nd_pad_ex(y, ND_WIDTHS(2, 2, 3, 1), .mode = modes[m], .nstat_length = 4,
                      .stat_length = (ptrdiff_t[]){ 1, 2, 3, 2 });
        check_close(name, r, 1e-14);
    }
    fixture_check(FX, "pad_mean_i_len", nd_pad_ex(x, ND_WIDTHS(2), .mode = ND_PAD_MEAN, .nstat_length = 1,
                                                  .stat_length = (ptrdiff_t[]){ 2 }));
    fixture_check(FX, "pad_median_i_len", nd_pad_ex(x, ND_WIDTHS(1, 1, 2, 2), .mode = ND_PAD_MEDIAN,
                                                    .nstat_length = 4, .stat_length = (ptrdiff_t[]){ 2, 3, 2, 4 }));
    check_close("pad_mean_f32", nd_pad_ex(f32, ND_WIDTHS(1), .mode = ND_PAD_MEAN), 1e-6);
    nd_array *bits = in("in_bits"), *b4 = nd_view(bits, ":, :4");
    fixture_check(FX, "pad_bool_max", nd_pad_ex(b4, ND_WIDTHS(1), .mode = ND_PAD_MAXIMUM));
    /* An ND_NONE stat length is the whole axis. */
    check_close("pad_mean_f", nd_pad_ex(y, ND_WIDTH_ARRAY(4, W), .mode = ND_PAD_MEAN, .nstat_length = 2,
                             .stat_length = (ptrdiff_t[]){ ND_NONE, ND_NONE }), 0);
    EXPECT_ERR(nd_pad_ex(y, ND_WIDTHS(1), .mode = ND_PAD_MAXIMUM, .nstat_length = 1,
                         .stat_length = (ptrdiff_t[]){ 0 }),
               ND_EVALUE, "stat_length of 0");
    EXPECT_ERR(nd_pad_ex(y, ND_WIDTHS(1), .mode = ND_PAD_MEAN, .nstat_length = 1,
                         .stat_length = (ptrdiff_t[]){ -2 }),
               ND_EVALUE, "negative");
    nd_free(b4);
    nd_free(bits);
    nd_free(x10);
    nd_free(x);
    nd_free(y);
    nd_free(f32);
}

static int padder(nd_array *vec, ptrdiff_t before, ptrdiff_t after, int axis, void *ctx)
{
    int *calls = ctx;
    ++*calls;
    ptrdiff_t n = nd_shape(vec)[0];
    for (ptrdiff_t i = 0; i < before; i++) nd_set_i64(vec, 1, &i, 10 + axis);
    for (ptrdiff_t i = n - after; i < n; i++) nd_set_i64(vec, 1, &i, -10 - axis);
    return 0;
}

static int failing_padder(nd_array *vec, ptrdiff_t before, ptrdiff_t after, int axis, void *ctx)
{
    (void)vec, (void)before, (void)after, (void)ctx;
    return axis == 1 ? ND_EVALUE : 0;
}

static void test_pad_function_empty_edges(void)
{
    nd_array *x = in("in_x"), *y = in("in_y");
    int calls = 0;
    fixture_check(FX, "pad_function", nd_pad_ex(x, ND_WIDTH_ARRAY(4, W), .mode = ND_PAD_FUNCTION, .fn = padder, .ctx = &calls));
    CU_ASSERT_EQUAL(calls, 7 + 6); /* (6, 7) result: 7 lanes along axis 0, 6 along axis 1 */
    EXPECT_ERR(nd_pad_ex(x, ND_WIDTH_ARRAY(4, W), .mode = ND_PAD_FUNCTION, .fn = failing_padder), ND_EVALUE, "axis 1");
    EXPECT_ERR(nd_pad_ex(x, ND_WIDTH_ARRAY(4, W), .mode = ND_PAD_FUNCTION), ND_EVALUE, ".fn");
    /* empty: the original values in the middle, whatever around them */
    nd_array *e = nd_pad_ex(y, ND_WIDTH_ARRAY(4, W), .mode = ND_PAD_EMPTY), *mid = nd_view(e, "1:4, 2:7");
    CU_ASSERT_EQUAL(nd_shape(e)[0], 6);
    CU_ASSERT_EQUAL(nd_shape(e)[1], 8);
    check_close("in_y", nd_copy(mid, ND_ORDER_C), 0);
    nd_free(mid);
    nd_free(e);
    nd_array *col = nd_view(y, ":, 1");
    fixture_check(FX, "pad_edge_col", nd_pad(col, 2, (ptrdiff_t[]){ 2, 3 }, ND_PAD_EDGE, ND_F64(0)));
    nd_array *z02 = nd_zeros(ND_SHAPE(0, 2), ND_FLOAT64), *z03 = nd_zeros(ND_SHAPE(0, 3), ND_FLOAT64);
    fixture_check(FX, "pad_empty_const", nd_pad_ex(z02, ND_WIDTHS(1), .constant = ND_F64(3)));
    fixture_check(FX, "pad_empty_edge", nd_pad(z03, 4, (ptrdiff_t[]){ 0, 0, 1, 1 }, ND_PAD_EDGE, ND_F64(0)));
    EXPECT_ERR(nd_pad(z03, 4, (ptrdiff_t[]){ 1, 0, 1, 1 }, ND_PAD_EDGE, ND_F64(0)), ND_EVALUE, "empty axis 0");
    nd_array *s = nd_scalar_array(ND_F64(5));
    fixture_check(FX, "pad_scalar", nd_pad_ex(s, ND_WIDTHS(3)));
    EXPECT_ERR(nd_pad(y, 2, (ptrdiff_t[]){ -1, 0 }, ND_PAD_EDGE, ND_F64(0)), ND_EVALUE, "negative");
    EXPECT_ERR(nd_pad(y, 3, W, ND_PAD_EDGE, ND_F64(0)), ND_EVALUE, "3 pad widths");
    EXPECT_ERR(nd_pad(y, 2, W, ND_PAD_FUNCTION, ND_F64(0)), ND_EVALUE, "nd_pad_ex");
    EXPECT_ERR(nd_pad_ex(y, ND_WIDTH_ARRAY(2, W), .mode = (nd_pad_mode)99), ND_EVALUE, "unknown mode");
    EXPECT_ERR(nd_pad_ex(y, ND_WIDTH_ARRAY(2, W), .nconstants = 3, .constants = (nd_scalar[]){ ND_F64(0), ND_F64(0), ND_F64(0) }),
               ND_EVALUE, "3 constant values");
    EXPECT_ERR(nd_pad_ex(y, ND_WIDTH_ARRAY(2, W), .mode = ND_PAD_REFLECT, .reflect_type = (nd_reflect_type)5), ND_EVALUE,
               "reflect_type");
    nd_free(s);
    nd_free(z02);
    nd_free(z03);
    nd_free(col);
    nd_free(x);
    nd_free(y);
}

static void test_delete(void)
{
    nd_array *x = in("in_x"), *y = in("in_y");
    nd_array *ix = nd_from_i64((int64_t[]){ 0, -1, 0 }, 3);
    fixture_check(FX, "del_ax1", nd_delete(x, ix, 1));
    fixture_check(FX, "del_at0", nd_delete_at(x, 1, 0));
    fixture_check(FX, "del_slice", nd_delete_slice(x, ND_SLICE(ND_NONE, ND_NONE, 2), 1));
    fixture_check(FX, "del_slice_neg", nd_delete_slice(y, ND_SLICE(-1, 0, -2), 1));
    nd_array *mask = nd_zeros(ND_SHAPE(3), ND_BOOL);
    nd_set(mask, 1, (ptrdiff_t[]){ 0 }, ND_BOOL_S(true));
    nd_set(mask, 1, (ptrdiff_t[]){ 2 }, ND_BOOL_S(true));
    fixture_check(FX, "del_mask", nd_delete(x, mask, 0));
    nd_array *fl = nd_from_i64((int64_t[]){ 1, 5, 11 }, 3);
    fixture_check(FX, "del_flat", nd_delete(x, fl, ND_AXIS_NONE));
    nd_array *rev = nd_view(x, "::-1, ::2"), *z = nd_from_i64((int64_t[]){ 0 }, 1);
    fixture_check(FX, "del_rev", nd_delete(rev, z, 1));
    nd_array *none = nd_empty(ND_SHAPE(0), ND_INT64);
    fixture_check(FX, "del_empty_obj", nd_delete(x, none, 0));
    nd_array *big = nd_from_i64((int64_t[]){ 4 }, 1);
    EXPECT_ERR(nd_delete(x, big, 1), ND_EINDEX, "index 4 is out of bounds for axis 1 with size 4");
    EXPECT_ERR(nd_delete_at(x, -4, 0), ND_EINDEX, "index -4");
    EXPECT_ERR(nd_delete(x, ix, 2), ND_EAXIS, "axis");
    nd_array *m2 = nd_zeros(ND_SHAPE(2), ND_BOOL), *fo = nd_zeros(ND_SHAPE(1), ND_FLOAT64);
    EXPECT_ERR(nd_delete(x, m2, 0), ND_EVALUE, "length of 3");
    EXPECT_ERR(nd_delete(x, fo, 0), ND_EINDEX, "integer");
    nd_array *arr[] = { x, y, ix, mask, fl, rev, z, none, big, m2, fo };
    for (size_t i = 0; i < sizeof arr / sizeof *arr; i++) nd_free(arr[i]);
}

static void test_insert(void)
{
    nd_array *x = in("in_x"), *y = in("in_y");
    nd_array *row = nd_from_i64((int64_t[]){ 5, 6, 7, 8 }, 4);
    fixture_check(FX, "ins_row", nd_insert_at(x, 1, row, 0));
    nd_array *nine = nd_scalar_array(ND_I64(9));
    fixture_check(FX, "ins_col_scalar", nd_insert_at(x, 1, nine, 1));
    nd_array *col = nd_reshape(T(nd_from_i64((int64_t[]){ 1, 2, 3 }, 3)), ND_SHAPE(3, 1));
    fixture_check(FX, "ins_block", nd_insert_at(x, 2, col, 1));
    nd_array *two = nd_from_i64((int64_t[]){ 2 }, 1);
    fixture_check(FX, "ins_seq1", nd_insert(x, two, col, 1));
    nd_array *pos = nd_from_i64((int64_t[]){ 1, 3, 1 }, 3), *v789 = nd_from_i64((int64_t[]){ 7, 8, 9 }, 3);
    fixture_check(FX, "ins_multi", nd_insert(x, pos, v789, 1));
    nd_array *zero = nd_scalar_array(ND_I64(0));
    fixture_check(FX, "ins_slice", nd_insert_slice(x, ND_SLICE(1, 3, 1), zero, 0));
    nd_array *p2 = nd_from_i64((int64_t[]){ 2, -1 }, 2), *v12 = nd_from_i64((int64_t[]){ 10, 20 }, 2);
    fixture_check(FX, "ins_flat", nd_insert(x, p2, v12, ND_AXIS_NONE));
    nd_array *fv = nd_from_f64((double[]){ 1.7, -2.2 }, 2);
    fixture_check(FX, "ins_flat_cast", nd_insert_at(x, 3, fv, ND_AXIS_NONE));
    nd_array *f3 = nd_from_f64((double[]){ 1.5, 2.5, 3.5 }, 3);
    fixture_check(FX, "ins_end", nd_insert_at(y, 5, f3, 1));
    nd_array *yr = nd_view(y, "::-1"), *m1 = nd_scalar_array(ND_F64(-1));
    fixture_check(FX, "ins_rev", nd_insert_at(yr, 0, m1, 0));
    EXPECT_ERR(nd_insert_at(x, 5, nine, 1), ND_EINDEX, "index 5 is out of bounds for axis 1 with size 4");
    nd_array *p9 = nd_from_i64((int64_t[]){ 0, 9 }, 2);
    EXPECT_ERR(nd_insert(x, p9, nine, 0), ND_EINDEX, "index 9");
    EXPECT_ERR(nd_insert(x, col, nine, 0), ND_EVALUE, "one dimensional");
    EXPECT_ERR(nd_insert_at(x, 0, v789, 0), ND_ESHAPE, "");
    nd_array *arr[] = { x, y, row, nine, col, two, pos, v789, zero, p2, v12, fv, f3, yr, m1, p9 };
    for (size_t i = 0; i < sizeof arr / sizeof *arr; i++) nd_free(arr[i]);
}

static void test_resize_append_0d(void)
{
    nd_array *x = in("in_x"), *rev = nd_view(x, "::-1, ::2"), *s = nd_scalar_array(ND_I64(5));
    nd_array *seven = nd_scalar_array(ND_I64(7));
    fixture_check(FX, "ins_0d", nd_insert_at(s, 0, seven, ND_AXIS_NONE));
    EXPECT_ERR(nd_insert_at(s, 0, seven, 0), ND_EAXIS, "axis");
    EXPECT_ERR(nd_delete_at(s, 0, 0), ND_EAXIS, "axis");
    fixture_check(FX, "resize_rev", nd_resize(rev, ND_SHAPE(5, 3)));
    nd_array *e = nd_zeros(ND_SHAPE(0), ND_FLOAT64);
    fixture_check(FX, "resize_empty", nd_resize(e, ND_SHAPE(2, 2)));
    CU_ASSERT_PTR_NULL(nd_resize(x, ND_SHAPE(-1, 2)));
    nd_array *v = nd_reshape(T(nd_from_i64((int64_t[]){ 1, 2, 3, 4 }, 4)), ND_SHAPE(2, 2));
    fixture_check(FX, "append_flat", nd_append(x, v, ND_AXIS_NONE));
    nd_array *x0 = nd_view(x, ":1");
    fixture_check(FX, "append_ax0", nd_append(x, x0, 0));
    nd_array *arr[] = { x, rev, s, seven, e, v, x0 };
    for (size_t i = 0; i < sizeof arr / sizeof *arr; i++) nd_free(arr[i]);
}

static void test_complex_pad(void)
{
    /* complex: odd reflection and the mean work per component; max is lexicographic */
    nd_array *c = nd_zeros(ND_SHAPE(3), ND_COMPLEX128);
    nd_set(c, 1, (ptrdiff_t[]){ 0 }, ND_C128(1, 2));
    nd_set(c, 1, (ptrdiff_t[]){ 1 }, ND_C128(3, -1));
    nd_set(c, 1, (ptrdiff_t[]){ 2 }, ND_C128(3, 5));
    double re, im;
    nd_array *r = nd_pad_ex(c, ND_WIDTHS(1, 0), .mode = ND_PAD_REFLECT, .reflect_type = ND_REFLECT_ODD);
    nd_get_c128(r, 1, (ptrdiff_t[]){ 0 }, &re, &im); /* 2 * (1+2j) - (3-1j) */
    CU_ASSERT_EQUAL(re, -1);
    CU_ASSERT_EQUAL(im, 5);
    nd_free(r);
    r = nd_pad_ex(c, ND_WIDTHS(0, 1), .mode = ND_PAD_MEAN);
    nd_get_c128(r, 1, (ptrdiff_t[]){ 3 }, &re, &im);
    CU_ASSERT_DOUBLE_EQUAL(re, 7.0 / 3, 1e-15);
    CU_ASSERT_DOUBLE_EQUAL(im, 2, 1e-15);
    nd_free(r);
    r = nd_pad_ex(c, ND_WIDTHS(1, 0), .mode = ND_PAD_MAXIMUM);
    nd_get_c128(r, 1, (ptrdiff_t[]){ 0 }, &re, &im);
    CU_ASSERT_EQUAL(re, 3);
    CU_ASSERT_EQUAL(im, 5);
    nd_free(r);
    r = nd_pad_ex(c, ND_WIDTHS(1, 0), .mode = ND_PAD_MEDIAN);
    nd_get_c128(r, 1, (ptrdiff_t[]){ 0 }, &re, &im);
    CU_ASSERT_EQUAL(re, 3);
    CU_ASSERT_EQUAL(im, -1);
    nd_free(r);
    nd_free(c);
}

static void test_pad_integer_wrap(void)
{
    /* odd reflections and ramps in the dtype's own (wrapping) arithmetic, as NumPy */
    nd_array *i8 = nd_astype(T(nd_from_i64((int64_t[]){ 100, -100, 7 }, 3)), ND_INT8, ND_CAST_UNSAFE);
    fixture_check(FX, "pad_i8_odd", nd_pad_ex(i8, ND_WIDTHS(2, 2), .mode = ND_PAD_REFLECT, .reflect_type = ND_REFLECT_ODD));
    nd_array *i82 = nd_view(i8, ":2");
    fixture_check(FX, "pad_i8_ramp", nd_pad_ex(i82, ND_WIDTHS(3, 3), .mode = ND_PAD_LINEAR_RAMP, .nend_values = 2,
                                               .end_values = (double[]){ 120, -120 }));
    nd_array *b = nd_zeros(ND_SHAPE(3), ND_BOOL);
    nd_set(b, 1, (ptrdiff_t[]){ 0 }, ND_BOOL_S(true));
    fixture_check(FX, "pad_bool_odd", nd_pad_ex(b, ND_WIDTHS(2, 2), .mode = ND_PAD_SYMMETRIC, .reflect_type = ND_REFLECT_ODD));
    nd_free(i8);
    nd_free(i82);
    nd_free(b);
}

static void test_trim_block_unstack(void)
{
    nd_array *t = nd_from_i64((int64_t[]){ 0, 0, 1, 2, 0, 3, 0, 0 }, 8);
    fixture_check(FX, "trim_f", nd_trim_zeros(t, "f"));
    fixture_check(FX, "trim_b", nd_trim_zeros(t, "b"));
    fixture_check(FX, "trim_fb", nd_trim_zeros(t, NULL));
    nd_array *z = nd_zeros(ND_SHAPE(4), ND_FLOAT64), *nz = nd_from_f64((double[]){ -0.0, 0.0, 1.5, -0.0 }, 4);
    fixture_check(FX, "trim_all0", nd_trim_zeros(z, "fb"));
    fixture_check(FX, "trim_negzero", nd_trim_zeros(nz, "fb"));
    nd_array *m = nd_zeros(ND_SHAPE(2, 2), ND_FLOAT64);
    EXPECT_ERR(nd_trim_zeros(m, "f"), ND_EVALUE, "1-d");

    nd_array *A = nd_ones(ND_SHAPE(2, 2), ND_FLOAT64), *B = nd_reshape(T(nd_arange(0, 6, 1, ND_INT64)), ND_SHAPE(2, 3));
    nd_array *C = nd_full(ND_SHAPE(1, 2), ND_INT32, ND_I64(7)), *D = nd_from_f64((double[]){ 0, 2.5, 5 }, 3);
    nd_array *D2 = nd_reshape(D, ND_SHAPE(1, 3));
    fixture_check(FX, "block_2x2", nd_block(ND_BLOCK_ROWS(ND_BLOCK_ROW(A, B), ND_BLOCK_ROW(C, D2))));
    nd_array *r1 = nd_arange(0, 3, 1, ND_INT64), *r2 = nd_from_i64((int64_t[]){ 9, 8 }, 2), *r3 = nd_arange(3, 6, 1, ND_INT64);
    fixture_check(FX, "block_1d", nd_block(ND_BLOCK_ROW(r1, r2)));
    fixture_check(FX, "block_rows", nd_block(ND_BLOCK_ROWS(ND_BLOCK_ROW(r1), ND_BLOCK_ROW(r3))));
    nd_array *o = nd_ones(ND_SHAPE(1, 1, 2), ND_FLOAT64), *zz = nd_zeros(ND_SHAPE(1, 1, 1), ND_FLOAT64);
    nd_array *tw = nd_full(ND_SHAPE(1, 1, 3), ND_FLOAT64, ND_F64(2));
    fixture_check(FX, "block_3lvl", nd_block(ND_BLOCK_ROWS(ND_BLOCK_ROWS(ND_BLOCK_ROW(o, zz)),
                                                           ND_BLOCK_ROWS(ND_BLOCK_ROW(tw)))));
    nd_array *s1 = nd_scalar_array(ND_I64(1)), *s2 = nd_scalar_array(ND_I64(2)), *s3 = nd_scalar_array(ND_I64(3)),
             *s4 = nd_scalar_array(ND_I64(4));
    fixture_check(FX, "block_scalars", nd_block(ND_BLOCK_ROWS(ND_BLOCK_ROW(s1, s2), ND_BLOCK_ROW(s3, s4))));
    EXPECT_ERR(nd_block(ND_BLOCK_ROWS(ND_BLOCK_ROW(A, B), ND_BLOCK_ROW(C))), ND_ESHAPE, "");
    EXPECT_ERR(nd_block(ND_BLOCK_ROWS(ND_BLOCK_ROWS(ND_BLOCK_ROW(A)), ND_BLOCK_ROW(B))), ND_EVALUE, "depths");
    EXPECT_ERR(nd_block(((nd_blocks){ 0, NULL, NULL })), ND_EVALUE, "cannot be empty");
    /* a single array: a copy, not a view */
    nd_array *one = nd_block(ND_BLOCK_ROW(A));
    CU_ASSERT_FALSE(nd_may_share_memory(one, A));
    nd_free(one);

    nd_array *parts[3];
    CU_ASSERT_EQUAL(nd_unstack(B, 1, parts), ND_OK);
    for (int i = 0; i < 3; i++) {
        CU_ASSERT_EQUAL(nd_ndim(parts[i]), 1);
        CU_ASSERT_EQUAL(nd_get_i64(parts[i], 1, (ptrdiff_t[]){ 1 }), 3 + i);
        nd_free(parts[i]);
    }
    CU_ASSERT_EQUAL(nd_unstack(B, -2, parts), ND_OK);
    CU_ASSERT_EQUAL(nd_get_i64(parts[1], 1, (ptrdiff_t[]){ 2 }), 5);
    nd_free(parts[0]);
    nd_free(parts[1]);
    CU_ASSERT_EQUAL(nd_unstack(s1, 0, parts), ND_EVALUE);
    CU_ASSERT_EQUAL(nd_unstack(B, 2, parts), ND_EAXIS);
    nd_array *arr[] = { t, z, nz, m, A, B, C, D, D2, r1, r2, r3, o, zz, tw, s1, s2, s3, s4 };
    for (size_t i = 0; i < sizeof arr / sizeof *arr; i++) nd_free(arr[i]);
}

static void test_chkfinite_vander(void)
{
    nd_array *y = in("in_y");
    nd_array *ok = nd_asarray_chkfinite(y);
    CU_ASSERT_PTR_NOT_NULL(ok);
    CU_ASSERT_TRUE(nd_may_share_memory(ok, y));
    nd_free(ok);
    nd_set_f64(y, 2, (ptrdiff_t[]){ 1, 2 }, NAN);
    nd_set_f64(y, 2, (ptrdiff_t[]){ 2, 0 }, INFINITY);
    EXPECT_ERR(nd_asarray_chkfinite(y), ND_EVALUE, "nan at index (1, 2)");
    nd_array *yt = nd_transpose(y, NULL); /* (5, 3): the inf at (0, 2) comes first in C order */
    EXPECT_ERR(nd_asarray_chkfinite(yt), ND_EVALUE, "inf at index (0, 2)");
    nd_array *c = nd_zeros(ND_SHAPE(2), ND_COMPLEX128);
    nd_set(c, 1, (ptrdiff_t[]){ 1 }, ND_C128(1, -INFINITY));
    EXPECT_ERR(nd_asarray_chkfinite(c), ND_EVALUE, "-inf at index (1,)");
    nd_array *i = nd_zeros(ND_SHAPE(2), ND_INT8);
    nd_array *iok = nd_asarray_chkfinite(i);
    CU_ASSERT_PTR_NOT_NULL(iok);
    nd_free(iok);

    nd_array *v = nd_from_i64((int64_t[]){ 1, 2, 3, 5 }, 4);
    fixture_check(FX, "vander", nd_vander(v));
    fixture_check(FX, "vander_n3_inc", nd_vander(v, 3, true));
    fixture_check(FX, "vander_n0", nd_vander(v, 0));
    nd_array *i8 = nd_astype(T(nd_from_i64((int64_t[]){ -3, 2, 7 }, 3)), ND_INT8, ND_CAST_UNSAFE);
    fixture_check(FX, "vander_i8", nd_vander(i8, 4));
    nd_array *f = nd_astype(T(nd_from_f64((double[]){ 0.5, -1.25 }, 2)), ND_FLOAT32, ND_CAST_UNSAFE);
    fixture_check(FX, "vander_f32", nd_vander(f, 3));
    nd_array *b = nd_zeros(ND_SHAPE(2), ND_BOOL);
    nd_set(b, 1, (ptrdiff_t[]){ 0 }, ND_BOOL_S(true));
    fixture_check(FX, "vander_bool", nd_vander(b));
    nd_array *u = nd_astype(T(nd_from_i64((int64_t[]){ 2, 3 }, 2)), ND_UINT64, ND_CAST_UNSAFE);
    fixture_check(FX, "vander_u64", nd_vander(u));
    nd_array *y2 = in("in_y"), *yr = nd_view(y2, "0, ::-2");
    fixture_check(FX, "vander_rev", nd_vander(yr, 4, true));
    nd_array *three = nd_from_i64((int64_t[]){ 3 }, 1);
    fixture_check(FX, "vander_big", nd_vander(three, 42, true)); /* wraps like NumPy's int64 */
    nd_array *cx = nd_zeros(ND_SHAPE(1), ND_COMPLEX64);
    nd_set(cx, 1, (ptrdiff_t[]){ 0 }, ND_C128(0, 1));
    nd_array *vc = nd_vander(cx, 3, true);
    double re, im;
    CU_ASSERT_EQUAL(nd_dtype_of(vc), ND_COMPLEX128);
    nd_get_c128(vc, 2, (ptrdiff_t[]){ 0, 2 }, &re, &im);
    CU_ASSERT_EQUAL(re, -1);
    CU_ASSERT_EQUAL(im, 0);
    nd_free(vc);
    EXPECT_ERR(nd_vander(v, -1), ND_EVALUE, "negative");
    EXPECT_ERR(nd_vander(y), ND_EVALUE, "one-dimensional");
    nd_array *arr[] = { y, yt, c, i, v, i8, f, b, u, y2, yr, three, cx };
    for (size_t k = 0; k < sizeof arr / sizeof *arr; k++) nd_free(arr[k]);
}

/* Every row length 0..200 (whole 64-element SIMD steps, 8-element groups, a tail) in both
 * bit orders, on one-byte values with only high or low bits set and on a strided view,
 * against the packing done bit by bit here. */
static void test_packbits_lengths(void)
{
    uint8_t v[400], want[26];
    for (int i = 0; i < 400; i++) v[i] = (uint8_t)((i * 37) % 5 == 0 ? 0 : (i % 3 == 0 ? 0x80 : i % 7));
    nd_array *all = nd_from_buffer(v, ND_SHAPE(400), ND_UINT8);
    CU_ASSERT_PTR_NOT_NULL_FATAL(all);
    int bad = 0;
    for (int n = 0; n <= 200; n++) {
        for (int strided = 0; strided < 2; strided++) {
            char sl[32];
            snprintf(sl, sizeof sl, strided ? "0:%d:2" : "0:%d", strided ? 2 * n : n);
            nd_array *a = nd_view(all, sl);
            for (int little = 0; little < 2; little++) {
                memset(want, 0, sizeof want);
                for (int i = 0; i < n; i++)
                    if (v[strided ? 2 * i : i]) want[i / 8] |= (uint8_t)(little ? 1u << (i % 8) : 0x80u >> (i % 8));
                nd_array *p = nd_packbits(a, .bitorder = little ? ND_BITORDER_LITTLE : ND_BITORDER_BIG);
                bool ok = p && nd_size(p) == (n + 7) / 8 && memcmp(nd_data(p), want, (size_t)(n + 7) / 8) == 0;
                if (!ok && bad++ < 3) fprintf(stderr, "\npackbits n=%d strided=%d little=%d differs\n", n, strided, little);
                nd_free(p);
            }
            nd_free(a);
        }
    }
    CU_ASSERT_EQUAL(bad, 0);
    nd_free(all);
}

static void test_packbits(void)
{
    nd_array *bits = in("in_bits"), *u8 = in("in_u8"), *x = in("in_x");
    fixture_check(FX, "pack_none", nd_packbits(bits));
    fixture_check(FX, "pack_ax0", nd_packbits(bits, 0));
    fixture_check(FX, "pack_ax1", nd_packbits(bits, .axis = 1));
    fixture_check(FX, "pack_little", nd_packbits(bits, .axis = -1, .bitorder = ND_BITORDER_LITTLE));
    fixture_check(FX, "pack_int", nd_packbits(x, 1));
    nd_array *rev = nd_view(bits, "::-1, ::-3");
    fixture_check(FX, "pack_rev", nd_packbits(rev, 1));
    /* long rows take the vector path (64 elements a step) */
    nd_array *lb = in("in_long_bits");
    fixture_check(FX, "pack_long", nd_packbits(lb));
    fixture_check(FX, "pack_long_little", nd_packbits(lb, .bitorder = ND_BITORDER_LITTLE));
    nd_array *nz = nd_astype(lb, ND_BOOL, ND_CAST_UNSAFE), *lr = nd_view(lb, "::-1"), *z = nd_zeros(ND_SHAPE(203), ND_INT8);
    nd_array *eq = nd_zeros(ND_SHAPE(203), ND_BOOL);
    for (ptrdiff_t i = 0; i < 203; i++) nd_set(eq, 1, &i, ND_BOOL_S(nd_get_i64(lr, 1, &i) == 0));
    nd_array *st = nd_stack(ND_ARRAYS(nz, eq), 0);
    fixture_check(FX, "pack_long_2d", nd_packbits(st, .axis = 1, .bitorder = ND_BITORDER_LITTLE));
    nd_free(lb), nd_free(nz), nd_free(lr), nd_free(z), nd_free(eq), nd_free(st);
    nd_array *e = nd_zeros(ND_SHAPE(2, 0), ND_BOOL);
    fixture_check(FX, "pack_empty", nd_packbits(e, 1));
    fixture_check(FX, "unpack_none", nd_unpackbits(u8));
    fixture_check(FX, "unpack_ax0", nd_unpackbits(u8, 0));
    fixture_check(FX, "unpack_ax1_c5", nd_unpackbits(u8, .axis = 1, .count = 5));
    fixture_check(FX, "unpack_ax1_cm3", nd_unpackbits(u8, .axis = 1, .count = -3));
    fixture_check(FX, "unpack_ax1_c50", nd_unpackbits(u8, .axis = 1, .count = 50));
    fixture_check(FX, "unpack_little", nd_unpackbits(u8, .axis = 1, .bitorder = ND_BITORDER_LITTLE));
    nd_array *ur = nd_view(u8, ":, ::-2");
    fixture_check(FX, "unpack_rev", nd_unpackbits(ur, 1));
    /* round trip */
    nd_array *p = nd_packbits(bits, 1), *q = nd_unpackbits(p, .axis = 1, .count = 11);
    nd_array *qb = nd_astype(q, ND_BOOL, ND_CAST_UNSAFE);
    nd_array *bc = nd_copy(bits, ND_ORDER_C);
    CU_ASSERT_EQUAL(memcmp(nd_data(qb), nd_data(bc), 33), 0);
    nd_free(p);
    nd_free(q);
    nd_free(qb);
    nd_free(bc);
    nd_array *fl = nd_zeros(ND_SHAPE(3), ND_FLOAT64);
    EXPECT_ERR(nd_packbits(fl), ND_EDTYPE, "integer or boolean");
    EXPECT_ERR(nd_unpackbits(x), ND_EDTYPE, "unsigned byte");
    EXPECT_ERR(nd_packbits(bits, 2), ND_EAXIS, "axis");
    EXPECT_ERR(nd_packbits(bits, .bitorder = (nd_bitorder)7), ND_EVALUE, "bitorder");
    nd_array *arr[] = { bits, u8, x, rev, e, ur, fl };
    for (size_t i = 0; i < sizeof arr / sizeof *arr; i++) nd_free(arr[i]);
}

static void test_bitwise_count_and_repr(void)
{
    int64_t vals[] = { 0, 1, -1, 7, -128, 127, 255, INT64_MIN, INT64_MAX, 12345 };
    nd_array *v = nd_from_i64(vals, 10);
    fixture_check(FX, "bitcount_i64", nd_astype(T(nd_bitwise_count(v)), ND_INT64, ND_CAST_UNSAFE));
    nd_array *u8 = in("in_u8"), *c = nd_bitwise_count(u8);
    CU_ASSERT_EQUAL(nd_dtype_of(c), ND_UINT8);
    nd_array *flat = nd_flatten(c);
    fixture_check(FX, "bitcount_u8", nd_astype(flat, ND_INT64, ND_CAST_UNSAFE));
    nd_free(flat);
    nd_free(c);
    nd_array *fl = nd_zeros(ND_SHAPE(1), ND_FLOAT32);
    EXPECT_ERR(nd_bitwise_count(fl), ND_EDTYPE, "bitwise_count");
    FILE *f = fopen(REPR, "r");
    CU_ASSERT_PTR_NOT_NULL_FATAL(f);
    char kind[16], want[128];
    long long num, w;
    unsigned long long umax;
    int pad, n = 0;
    char line[256];
    while (fgets(line, sizeof line, f)) {
        if (sscanf(line, "%15s", kind) != 1) continue;
        char *got = NULL;
        if (!strcmp(kind, "binary") && sscanf(line, "%*s %lld %lld %d %127s", &num, &w, &pad, want) == 4) {
            got = nd_binary_repr(num, (int)w);
        } else if (!strcmp(kind, "base") && sscanf(line, "%*s %lld %lld %d %127s", &num, &w, &pad, want) == 4) {
            got = nd_base_repr(num, (int)w, pad);
        } else if (!strcmp(kind, "iinfo") && sscanf(line, "%*s %127s %lld %lld %llu", want, &w, &num, &umax) == 4) {
            nd_iinfo ii;
            CU_ASSERT_EQUAL(nd_iinfo_of((nd_dtype)nd_dtype_from_name(want), &ii), ND_OK);
            CU_ASSERT_EQUAL(ii.bits, w);
            CU_ASSERT_EQUAL(ii.min, num);
            CU_ASSERT_EQUAL(ii.max, umax);
            n++;
            continue;
        } else {
            continue;
        }
        if (!got || strcmp(got, want)) printf("\n  %s: got %s want %s", line, got ? got : nd_errmsg(), want);
        CU_ASSERT_PTR_NOT_NULL(got);
        if (got) CU_ASSERT_STRING_EQUAL(got, want);
        nd_free_mem(got);
        n++;
    }
    fclose(f);
    CU_ASSERT_EQUAL(n, 37);
    char *bad = nd_binary_repr(5, 2);
    CU_ASSERT_PTR_NULL(bad);
    CU_ASSERT_PTR_NOT_NULL(strstr(nd_errmsg(), "width=2"));
    CU_ASSERT_PTR_NULL(nd_binary_repr(-5, 3));
    CU_ASSERT_PTR_NULL(nd_base_repr(5, 37, 0));
    CU_ASSERT_PTR_NOT_NULL(strstr(nd_errmsg(), "greater than 36"));
    CU_ASSERT_PTR_NULL(nd_base_repr(5, 1, 0));
    nd_free(v);
    nd_free(u8);
    nd_free(fl);
}

static void test_finfo_iinfo_types(void)
{
    const char *names[] = { "float32", "float64", "complex64", "complex128" };
    for (int k = 0; k < 4; k++) {
        char name[32];
        snprintf(name, sizeof name, "finfo_%s", names[k]);
        double want[17];
        nd_array *wa = in(name);
        CU_ASSERT_EQUAL_FATAL(nd_size(wa), 17);
        nd_to_f64(wa, want);
        nd_free(wa);
        nd_finfo fi;
        CU_ASSERT_EQUAL(nd_finfo_of((nd_dtype)nd_dtype_from_name(names[k]), &fi), ND_OK);
        double got[17] = { fi.bits, fi.eps, fi.epsneg, fi.max, fi.min, fi.tiny, fi.smallest_normal,
                           fi.smallest_subnormal, fi.resolution, fi.precision, fi.iexp, fi.nexp,
                           fi.machep, fi.negep, fi.maxexp, fi.minexp, fi.nmant };
        for (int i = 0; i < 17; i++) {
            if (got[i] != want[i]) printf("\n  %s field %d: %.17g vs %.17g", name, i, got[i], want[i]);
            CU_ASSERT_EQUAL(got[i], want[i]);
        }
        CU_ASSERT_EQUAL(fi.dtype, k % 2 ? ND_FLOAT64 : ND_FLOAT32);
    }
    nd_finfo fi;
    nd_iinfo ii;
    CU_ASSERT_EQUAL(nd_finfo_of(ND_INT32, &fi), ND_EDTYPE);
    CU_ASSERT_PTR_NOT_NULL(strstr(nd_errmsg(), "int32 not inexact"));
    CU_ASSERT_EQUAL(nd_iinfo_of(ND_FLOAT64, &ii), ND_EDTYPE);
    CU_ASSERT_EQUAL(nd_iinfo_of(ND_BOOL, &ii), ND_EDTYPE);
    CU_ASSERT_EQUAL(nd_finfo_of(ND_FLOAT32, NULL), ND_EVALUE);
    CU_ASSERT_EQUAL(nd_finfo_of((nd_dtype)77, &fi), ND_EDTYPE);

    CU_ASSERT_EQUAL(nd_min_scalar_type(ND_I64(5)), ND_UINT8);
    CU_ASSERT_EQUAL(nd_min_scalar_type(ND_I64(-129)), ND_INT16);
    CU_ASSERT_EQUAL(nd_min_scalar_type(ND_I64(-128)), ND_INT8);
    CU_ASSERT_EQUAL(nd_min_scalar_type(ND_I64(70000)), ND_UINT32);
    CU_ASSERT_EQUAL(nd_min_scalar_type(ND_I64(INT64_MIN)), ND_INT64);
    CU_ASSERT_EQUAL(nd_min_scalar_type(ND_U64(UINT64_MAX)), ND_UINT64);
    CU_ASSERT_EQUAL(nd_min_scalar_type(ND_BOOL_S(true)), ND_BOOL);
    CU_ASSERT_EQUAL(nd_min_scalar_type(ND_F64(1.0)), ND_FLOAT32); /* NumPy: float16 */
    CU_ASSERT_EQUAL(nd_min_scalar_type(ND_F64(INFINITY)), ND_FLOAT32);
    CU_ASSERT_EQUAL(nd_min_scalar_type(ND_F64(1e300)), ND_FLOAT64);
    CU_ASSERT_EQUAL(nd_min_scalar_type(ND_C128(1, 1)), ND_COMPLEX64);
    CU_ASSERT_EQUAL(nd_min_scalar_type(ND_C128(1e39, 0)), ND_COMPLEX128);
    CU_ASSERT_EQUAL(nd_min_scalar_type((nd_scalar){ .dtype = (nd_dtype)99 }), ND_EDTYPE);
    CU_ASSERT_EQUAL(nd_promote_types(ND_INT8, ND_UINT8), ND_INT16);
    CU_ASSERT_EQUAL(nd_promote_types(ND_INT64, ND_UINT64), ND_FLOAT64);
    nd_array *f32 = nd_zeros(ND_SHAPE(1), ND_FLOAT32), *i8 = nd_zeros(ND_SHAPE(1), ND_INT8);
    nd_array *c64 = nd_zeros(ND_SHAPE(1), ND_COMPLEX64), *b = nd_zeros(ND_SHAPE(1), ND_BOOL);
    CU_ASSERT_EQUAL(nd_common_type(ND_ARRAYS(f32, i8)), ND_FLOAT64);
    CU_ASSERT_EQUAL(nd_common_type(ND_ARRAYS(i8)), ND_FLOAT64);
    CU_ASSERT_EQUAL(nd_common_type(ND_ARRAYS(f32)), ND_FLOAT32);
    CU_ASSERT_EQUAL(nd_common_type(ND_ARRAYS(f32, c64)), ND_COMPLEX64);
    CU_ASSERT_EQUAL(nd_common_type(ND_ARRAYS(i8, c64)), ND_COMPLEX128);
    CU_ASSERT_EQUAL(nd_common_type(ND_ARRAYS(f32, b)), ND_EDTYPE);
    CU_ASSERT_EQUAL(nd_common_type(0, NULL), ND_EVALUE);
    nd_free(f32);
    nd_free(i8);
    nd_free(c64);
    nd_free(b);
}

static void test_unique_axis(void)
{
    double uav[] = { 1, NAN, 1, NAN, 0, 2, -0.0, 2, 3, 1, 0, 2 };
    nd_array *ua = nd_reshape(T(nd_from_f64(uav, 12)), ND_SHAPE(6, 2));
    nd_array *idx = NULL, *inv = NULL, *cnt = NULL;
    fixture_check(FX, "uq_ax0", nd_unique(ua, .axis = 0, .index = &idx, .inverse = &inv, .counts = &cnt));
    fixture_check(FX, "uq_ax0_index", idx);
    fixture_check(FX, "uq_ax0_inverse", inv);
    fixture_check(FX, "uq_ax0_counts", cnt);
    nd_array *ub = nd_reshape(T(nd_from_i64((int64_t[]){ 3, 1, 3, 2, 1, 2, 1, 0, 3, 1, 3, 2 }, 12)), ND_SHAPE(3, 4));
    fixture_check(FX, "uq_ax1", nd_unique(ub, .axis = -1, .index = &idx, .inverse = &inv, .counts = &cnt));
    fixture_check(FX, "uq_ax1_index", idx);
    fixture_check(FX, "uq_ax1_inverse", inv);
    fixture_check(FX, "uq_ax1_counts", cnt);
    nd_array *uc = in("in_uc");
    fixture_check(FX, "uq_3d_ax1", nd_unique(uc, .axis = 1));
    nd_array *ubr = nd_view(ub, "::-1, ::-1");
    fixture_check(FX, "uq_rev_ax0", nd_unique(ubr, .axis = 0));
    nd_array *e30 = nd_empty(ND_SHAPE(3, 0), ND_FLOAT64), *e03 = nd_empty(ND_SHAPE(0, 3), ND_FLOAT64);
    fixture_check(FX, "uq_empty_rows", nd_unique(e30, .axis = 0));
    fixture_check(FX, "uq_empty_ax0", nd_unique(e03, .axis = 0));
    nd_array *un = in("in_un");
    fixture_check(FX, "uq_nan", nd_unique(un, .index = &idx, .inverse = &inv, .counts = &cnt));
    fixture_check(FX, "uq_nan_index", idx);
    fixture_check(FX, "uq_nan_inverse", inv);
    fixture_check(FX, "uq_nan_counts", cnt);
    fixture_check(FX, "uq_nan_ne", nd_unique(un, .equal_nan = false, .index = &idx, .inverse = &inv, .counts = &cnt));
    fixture_check(FX, "uq_nan_ne_index", idx);
    fixture_check(FX, "uq_nan_ne_inverse", inv);
    fixture_check(FX, "uq_nan_ne_counts", cnt);
    /* complex: every value holding a NaN is one with equal_nan (NumPy) */
    nd_array *cx = nd_zeros(ND_SHAPE(3), ND_COMPLEX128);
    nd_set(cx, 1, (ptrdiff_t[]){ 0 }, ND_C128(NAN, 1));
    nd_set(cx, 1, (ptrdiff_t[]){ 1 }, ND_C128(1, NAN));
    nd_array *ucx = nd_unique(cx);
    CU_ASSERT_EQUAL(nd_size(ucx), 2);
    nd_free(ucx);
    ucx = nd_unique(cx, .equal_nan = false);
    CU_ASSERT_EQUAL(nd_size(ucx), 3);
    nd_free(ucx);
    nd_array *s = nd_scalar_array(ND_F64(1));
    EXPECT_ERR(nd_unique(s, .axis = 0), ND_EAXIS, "0-d");
    EXPECT_ERR(nd_unique(ub, .axis = 2), ND_EAXIS, "axis");
    nd_array *arr[] = { ua, ub, uc, ubr, e30, e03, un, cx, s };
    for (size_t i = 0; i < sizeof arr / sizeof *arr; i++) nd_free(arr[i]);
}

static void test_intersect_indices(void)
{
    nd_array *ia = in("in_ia"), *ib = in("in_ib"), *i1 = NULL, *i2 = NULL;
    fixture_check(FX, "isect", nd_intersect1d(ia, ib, .indices1 = &i1, .indices2 = &i2));
    fixture_check(FX, "isect_i1", i1);
    fixture_check(FX, "isect_i2", i2);
    fixture_check(FX, "isect", nd_intersect1d(ia, ib));
    nd_array *a = nd_from_i64((int64_t[]){ 5, 1, 3 }, 3), *b = nd_from_i64((int64_t[]){ 3, 9, 5, 0 }, 4);
    fixture_check(FX, "isect_au", nd_intersect1d(a, b, .assume_unique = true, .indices1 = &i1, .indices2 = &i2));
    fixture_check(FX, "isect_au_i1", i1);
    fixture_check(FX, "isect_au_i2", i2);
    nd_array *x = in("in_x"), *xv = nd_view(x, "1:, ::-1"), *xp = nd_copy(xv, ND_ORDER_C);
    for (ptrdiff_t i = 0; i < nd_size(xp); i++) ((int64_t *)nd_data(xp))[i] += 1;
    fixture_check(FX, "isect_2d", nd_intersect1d(x, xp, .indices1 = &i1, .indices2 = &i2));
    fixture_check(FX, "isect_2d_i1", i1);
    fixture_check(FX, "isect_2d_i2", i2);
    EXPECT_ERR(nd_intersect1d(a, NULL), ND_EVALUE, "NULL");
    nd_array *arr[] = { ia, ib, a, b, x, xv, xp };
    for (size_t i = 0; i < sizeof arr / sizeof *arr; i++) nd_free(arr[i]);
}

#define TRY(expr) do { if (!(expr)) { rc = nd_last_error(); goto out; } } while (0)
#define CHECK(cond) do { if (!(cond)) { rc = ND_EVALUE; goto out; } } while (0)

/* Every routine here under allocation failure: ND_ENOMEM and nothing leaked. */
static nd_status faults_body(void *ctx)
{
    (void)ctx;
    nd_status rc = ND_OK;
    nd_array *a = NULL, *p1 = NULL, *p2 = NULL, *p3 = NULL, *d = NULL, *ix = NULL, *in = NULL, *bl = NULL;
    nd_array *u = NULL, *inv = NULL, *cnt = NULL, *i1 = NULL, *i2 = NULL, *is = NULL, *pk = NULL, *up = NULL;
    nd_array *v = NULL, *col = NULL, *ua = NULL, *r = NULL, *nine = NULL;
    char *s = NULL;
    int calls = 0;
    TRY(r = nd_arange(0, 24, 1, ND_INT64));
    TRY(a = nd_reshape(r, ND_SHAPE(4, 6)));
    TRY(nine = nd_scalar_array(ND_I64(9)));
    TRY(p1 = nd_pad_ex(a, ND_WIDTHS(2, 7), .mode = ND_PAD_SYMMETRIC, .reflect_type = ND_REFLECT_ODD));
    TRY(p2 = nd_pad_ex(a, ND_WIDTHS(1, 2), .mode = ND_PAD_MEDIAN, .nstat_length = 1, .stat_length = (ptrdiff_t[]){ 3 }));
    TRY(p3 = nd_pad_ex(a, ND_WIDTHS(1), .mode = ND_PAD_FUNCTION, .fn = padder, .ctx = &calls));
    TRY(ix = nd_from_i64((int64_t[]){ 0, -1, 3 }, 3));
    TRY(d = nd_delete(a, ix, 1));
    TRY(in = nd_insert(a, ix, nine, 1));
    TRY(col = nd_view(a, ":, :2"));
    TRY(bl = nd_block(ND_BLOCK_ROWS(ND_BLOCK_ROW(a, col), ND_BLOCK_ROW(col, a))));
    TRY(ua = nd_view(a, ":, ::3"));
    TRY(u = nd_unique(ua, .axis = 1, .inverse = &inv, .counts = &cnt));
    TRY(is = nd_intersect1d(a, ix, .indices1 = &i1, .indices2 = &i2));
    TRY(pk = nd_packbits(a, 0));
    TRY(up = nd_unpackbits(pk, .axis = 1, .count = 3));
    TRY(v = nd_vander(ix, 4));
    TRY(s = nd_binary_repr(-37, 12));
    CHECK(nd_shape(p1)[1] == 15 && nd_shape(bl)[1] == 8 && nd_size(is) == 2 && !strcmp(s, "111111011011"));
out:
    nd_free(a), nd_free(p1), nd_free(p2), nd_free(p3), nd_free(d), nd_free(ix), nd_free(in), nd_free(bl);
    nd_free(u), nd_free(inv), nd_free(cnt), nd_free(i1), nd_free(i2), nd_free(is), nd_free(pk), nd_free(up);
    nd_free(v), nd_free(col), nd_free(ua), nd_free(r), nd_free(nine);
    nd_free_mem(s);
    return rc;
}

static void test_allocation_failures(void)
{
    faultsim_report r = faultsim_run("manip_more", faults_body, NULL);
    if (!r.ok) printf("\n  %s\n", r.why);
    CU_ASSERT_TRUE(r.ok);
    CU_ASSERT_TRUE(r.runs > 20);
}

static const ND_TEST tests[] = {
    ND_T(test_pad_constant_edge_wrap), ND_T(test_pad_reflect_symmetric), ND_T(test_pad_ramp_and_stats),
    ND_T(test_pad_function_empty_edges), ND_T(test_delete), ND_T(test_insert), ND_T(test_trim_block_unstack),
    ND_T(test_chkfinite_vander), ND_T(test_packbits), ND_T(test_packbits_lengths), ND_T(test_bitwise_count_and_repr),
    ND_T(test_finfo_iinfo_types), ND_T(test_unique_axis), ND_T(test_intersect_indices),
    ND_T(test_resize_append_0d), ND_T(test_complex_pad), ND_T(test_pad_integer_wrap),
    ND_T(test_allocation_failures), { 0 }
};
ND_TEST_MAIN("manip_more", tests)
