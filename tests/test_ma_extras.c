/* numpy.ma's everyday routines in numc (core/ma/ma_extras.c): concatenate / stack /
 * hstack / vstack, where, dot (strict too), allclose / allequal, compress_rowcols and
 * mask_rowcols, anom, diff, ediff1d, clip, round, choose, resize, put and putmask,
 * against NumPy fixtures (scripts/gen_ma_extras_fixtures.py → tests/data/ma/extras.txt):
 * nomask and all-false masks, all-masked, empty and 0-d operands, transposed views; bad
 * input; allocation failures. */
#define _GNU_SOURCE
#include <numc/ma.h>
#include <numc/manip.h>

#include "faultsim.h"

#define MA_FX NUMC_TEST_DATA "/ma/extras.txt"
#define MA_RTOL 1e-14
#include "ma_fixture.h"

/* The named fixture inputs, loaded once per test. */
typedef struct inputs {
    nd_marray *a, *b, *f, *i, *w, *allm, *e, *r1, *r2, *bb, *c, *p, *z, *cidx;
} inputs;

static inputs load(void)
{
    inputs s = { min_("a"), min_("b"), min_("f"), min_("i"), min_("w"), min_("allm"), min_("e"),
                 min_("r1"), min_("r2"), min_("bb"), min_("c"), min_("p"), min_("z"), min_("cidx") };
    nd_ma_set_fill_value(s.a, ND_F64(-1.0)); /* as the generator sets it */
    return s;
}

static void unload(inputs *s)
{
    nd_marray **all[] = { &s->a, &s->b, &s->f, &s->i, &s->w, &s->allm, &s->e, &s->r1, &s->r2,
                          &s->bb, &s->c, &s->p, &s->z, &s->cidx };
    for (size_t k = 0; k < sizeof all / sizeof *all; k++)
        nd_ma_free(*all[k]);
}

/* A plain result against its one-line fixture (dtype, shape, values). */
static void check_plain(const char *name, nd_array *got)
{
    if (!got) printf("\n%s: NULL (%s)\n", name, nd_errmsg());
    CU_ASSERT_PTR_NOT_NULL_FATAL(got);
    nd_array *want = fixture_load(MA_FX, name);
    if (!want) printf("\nfixture %s missing\n", name);
    CU_ASSERT_TRUE(same_values(name, want, got, NULL, true, 0.0));
    nd_free(want);
    nd_free(got);
}

/* A truth value against its flat fixture line. */
static void check_truth(const char *name, int got)
{
    int want = fx1(name) != 0;
    if (got != want) printf("\n%s: got %d, NumPy %d (%s)\n", name, got, want, got < 0 ? nd_errmsg() : "");
    CU_ASSERT_EQUAL(got, want);
}

/* The error a call gave: its code, and its message contains `part`. */
static void expect_error(const char *what, bool failed, nd_status code, const char *part)
{
    if (!failed || nd_last_error() != code || !strstr(nd_errmsg(), part))
        printf("\n%s: failed %d, code %d, message '%s' (want %d with '%s')\n", what, failed,
               nd_last_error(), nd_errmsg(), code, part);
    CU_ASSERT_TRUE(failed);
    CU_ASSERT_EQUAL(nd_last_error(), code);
    CU_ASSERT_PTR_NOT_NULL(strstr(nd_errmsg(), part));
}

#define L2(x, y) 2, ((const nd_marray *const[]){ (x), (y) })

/* ---- joining ---------------------------------------------------------------------------- */
static void test_join(void)
{
    inputs s = load();
    nd_marray *aT = nd_ma_transpose(s.a), *bT = nd_ma_transpose(s.b);
    check("cat_ab0", nd_ma_concatenate(L2(s.a, s.b), 0));
    check("cat_ab1", nd_ma_concatenate(L2(s.a, s.b), 1));
    check("cat_bb", nd_ma_concatenate(L2(s.b, s.b), 0));
    check("cat_fb", nd_ma_concatenate(L2(s.f, s.b), 0));
    check("cat_ai", nd_ma_concatenate(L2(s.a, s.i), 1));
    check("cat_none", nd_ma_concatenate(L2(s.a, s.w), ND_AXIS_NONE));
    check("cat_ae", nd_ma_concatenate(L2(s.a, s.e), 0));
    check("cat_T", nd_ma_concatenate(L2(aT, bT), 1));
    check("cat_one", nd_ma_concatenate(1, (const nd_marray *const[]){ s.a }, 0));
    check("stack_ab0", nd_ma_stack(L2(s.a, s.b), 0));
    check("stack_ab2", nd_ma_stack(L2(s.a, s.b), 2));
    check("stack_bb", nd_ma_stack(L2(s.b, s.b), -1));
    check("hstack_ab", nd_ma_hstack(L2(s.a, s.b)));
    check("hstack_r", nd_ma_hstack(L2(s.r1, s.r2)));
    check("vstack_ab", nd_ma_vstack(L2(s.a, s.b)));
    check("vstack_r", nd_ma_vstack(L2(s.r1, s.r2)));
    /* bad input */
    expect_error("cat n 0", !nd_ma_concatenate(0, (const nd_marray *const[]){ s.a }, 0), ND_EVALUE,
                 "nd_ma_concatenate: need at least one array, got 0");
    expect_error("cat NULL list", !nd_ma_stack(2, NULL, 0), ND_EVALUE, "nd_ma_stack: array list is NULL");
    expect_error("cat NULL", !nd_ma_hstack(L2(s.a, NULL)), ND_EVALUE, "nd_ma_hstack: array 2 is NULL");
    CU_ASSERT_PTR_NULL(nd_ma_concatenate(L2(s.a, s.w), 0)); /* (2, 3) and (3, 4) */
    CU_ASSERT_EQUAL(nd_last_error(), ND_ESHAPE);
    CU_ASSERT_PTR_NULL(nd_ma_concatenate(L2(s.a, s.b), 2));
    CU_ASSERT_EQUAL(nd_last_error(), ND_EAXIS);
    CU_ASSERT_PTR_NULL(nd_ma_stack(L2(s.a, s.w), 0));
    CU_ASSERT_EQUAL(nd_last_error(), ND_ESHAPE);
    nd_ma_free(aT);
    nd_ma_free(bT);
    unload(&s);
}

/* ---- where, dot ------------------------------------------------------------------------- */
static void test_where(void)
{
    inputs s = load();
    nd_array *cplain = in("in_cplain");
    nd_marray *b2 = nd_ma_multiply(s.b, 2.0), *r3 = nd_ma_view(s.r1, ":3");
    CU_ASSERT_PTR_NOT_NULL_FATAL(cplain);
    check("where_cab", nd_ma_where(s.c, s.a, s.b));
    check("where_cai", nd_ma_where(s.c, s.a, s.i));
    check("where_plain", nd_ma_where(cplain, s.a, 0.5));
    check("where_bb", nd_ma_where(cplain, s.b, b2));
    check("where_row", nd_ma_where(s.c, r3, -1.0));
    check_("where_z", nd_ma_where(true, s.z, 1.0), false, 0.0);
    /* the result's mask is its own: unmasking an element leaves the condition's mask */
    nd_marray *wc = nd_ma_where(s.c, s.b, s.b);
    bool masked = false;
    CU_ASSERT_PTR_NOT_NULL_FATAL(wc);
    CU_ASSERT_EQUAL(nd_ma_set_f64(wc, ND_IDX(0, 2), 1.0), ND_OK);
    CU_ASSERT_EQUAL(nd_ma_get_f64(s.c, ND_IDX(0, 2), NULL, &masked), ND_OK);
    CU_ASSERT_TRUE(masked);
    nd_ma_free(wc);
    expect_error("where NULL", !nd_ma_where(s.c, (const nd_array *)NULL, s.b), ND_EVALUE,
                 "nd_ma_where: x is NULL");
    expect_error("where shapes", !nd_ma_where(s.c, s.w, s.b), ND_ESHAPE,
                 "nd_ma_where: operands could not be broadcast together with shapes (2, 3) (3, 4) (2, 3)");
    nd_ma_free(b2);
    nd_ma_free(r3);
    nd_free(cplain);
    unload(&s);
}

static void test_dot(void)
{
    inputs s = load();
    nd_marray *bT = nd_ma_transpose(s.b), *w3 = nd_ma_view(s.w, ":, :3"), *r3 = nd_ma_view(s.r1, ":3");
    nd_marray *iT = nd_ma_transpose(s.i), *eT = nd_ma_transpose(s.e);
    check("dot_ab", nd_ma_dot(s.a, bT, false));
    check("dot_ab_s", nd_ma_dot(s.a, bT, true));
    check("dot_aw", nd_ma_dot(s.a, w3, false));
    check("dot_aw_s", nd_ma_dot(s.a, w3, true));
    check("dot_bb", nd_ma_dot(s.b, bT, false));
    check("dot_r", nd_ma_dot(s.r1, s.r2, false));
    check("dot_ar", nd_ma_dot(s.a, r3, true)); /* strict needs two 2-D operands */
    check("dot_i", nd_ma_dot(s.i, iT, false));
    check("dot_allm", nd_ma_dot(s.allm, s.allm, false));
    check("dot_e", nd_ma_dot(eT, s.e, false));
    CU_ASSERT_PTR_NULL(nd_ma_dot(s.a, s.b, false)); /* (2, 3) . (2, 3) */
    CU_ASSERT_EQUAL(nd_last_error(), ND_ESHAPE);
    expect_error("dot NULL", !nd_ma_dot(NULL, s.b, false), ND_EVALUE, "nd_ma_dot: masked array is NULL");
    nd_ma_free(bT);
    nd_ma_free(w3);
    nd_ma_free(r3);
    nd_ma_free(iT);
    nd_ma_free(eT);
    unload(&s);
}

static void test_allclose_allequal(void)
{
    inputs s = load();
    nd_marray *a2 = min_("a2"), *a3 = min_("a3"), *a4 = min_("a4"), *a5 = min_("a5"), *a6 = min_("a6");
    nd_marray *row = nd_ma_view(s.a, "0");
    check_truth("allclose_aa2", nd_ma_allclose(s.a, a2, true, 1e-5, 1e-8));
    check_truth("allclose_aa2_f", nd_ma_allclose(s.a, a2, false, 1e-5, 1e-8));
    check_truth("allclose_aa3", nd_ma_allclose(s.a, a3, true, 1e-5, 1e-8));
    check_truth("allclose_aa3_t", nd_ma_allclose(s.a, a3, true, 0.0, 1e-9));
    check_truth("allclose_ab", nd_ma_allclose(s.a, s.b, true, 1e-5, 1e-8));
    check_truth("allclose_bb", nd_ma_allclose(s.b, s.b, true, 1e-5, 1e-8));
    check_truth("allclose_a45", nd_ma_allclose(a4, a5, true, 1e-5, 1e-8));
    check_truth("allclose_a46", nd_ma_allclose(a4, a6, true, 1e-5, 1e-8));
    check_truth("allclose_ii", nd_ma_allclose(s.i, s.i, true, 1e-5, 1e-8));
    check_truth("allclose_a_r", nd_ma_allclose(s.a, row, true, 1e-5, 1e-8));
    check_truth("allequal_aa2", nd_ma_allequal(s.a, a2, true));
    check_truth("allequal_aa2_f", nd_ma_allequal(s.a, a2, false));
    check_truth("allequal_aa3", nd_ma_allequal(s.a, a3, true));
    check_truth("allequal_bb", nd_ma_allequal(s.b, s.b, true));
    check_truth("allequal_bb_f", nd_ma_allequal(s.b, s.b, false));
    check_truth("allequal_ab", nd_ma_allequal(s.a, s.b, true));
    /* an all-false mask shrinks away: f == f with fill_value false is still true */
    CU_ASSERT_EQUAL(nd_ma_allequal(s.f, s.f, false), 1);
    CU_ASSERT_EQUAL(nd_ma_allclose(s.a, s.w, true, 1e-5, 1e-8), ND_ESHAPE);
    CU_ASSERT_PTR_NOT_NULL(strstr(nd_errmsg(), "nd_ma_allclose: operands could not be broadcast"));
    CU_ASSERT_EQUAL(nd_ma_allequal(s.a, s.w, true), ND_ESHAPE);
    CU_ASSERT_EQUAL(nd_ma_allequal(NULL, s.w, true), ND_EVALUE);
    CU_ASSERT_EQUAL(nd_ma_allclose(s.a, NULL, true, 1e-5, 1e-8), ND_EVALUE);
    nd_ma_free(a2);
    nd_ma_free(a3);
    nd_ma_free(a4);
    nd_ma_free(a5);
    nd_ma_free(a6);
    nd_ma_free(row);
    unload(&s);
}

/* ---- rows and columns ------------------------------------------------------------------- */
static void test_rowcols(void)
{
    inputs s = load();
    const struct { const char *name; nd_marray *m; } src[] = {
        { "w", s.w }, { "a", s.a }, { "b", s.b }, { "allm", s.allm }, { "f", s.f } };
    static const struct { const char *tag; int axis; } axes[] = { { "n", ND_AXIS_NONE }, { "0", 0 }, { "1", 1 } };
    char n[64];
    for (size_t k = 0; k < sizeof src / sizeof *src; k++)
        for (size_t x = 0; x < 3; x++) {
            snprintf(n, sizeof n, "crc_%s_%s", src[k].name, axes[x].tag);
            check_plain(n, nd_ma_compress_rowcols(src[k].m, axes[x].axis));
            snprintf(n, sizeof n, "mrc_%s_%s", src[k].name, axes[x].tag);
            check(n, nd_ma_mask_rowcols(src[k].m, axes[x].axis));
        }
    nd_marray *wT = nd_ma_transpose(s.w);
    check_plain("crc_wT_n", nd_ma_compress_rowcols(wT, ND_AXIS_NONE));
    check_plain("crc_wT_0", nd_ma_compress_rows(wT));
    check_plain("crc_wT_1", nd_ma_compress_cols(wT));
    check("mrc_wT_0", nd_ma_mask_rows(wT));
    check("mrc_wT_1", nd_ma_mask_cols(wT));
    /* -1 and -2 count from the end in compress_rowcols; mask_rowcols(-2) masks nothing
     * more (NumPy 1.24) */
    check_plain("crc_w_1", nd_ma_compress_rowcols(s.w, -1));
    check_plain("crc_w_0", nd_ma_compress_rowcols(s.w, -2));
    check("mrc_w_1", nd_ma_mask_rowcols(s.w, -1));
    nd_marray *m2 = nd_ma_mask_rowcols(s.w, -2);
    nd_array *k2 = m2 ? nd_ma_getmaskarray(m2) : NULL;
    CU_ASSERT_PTR_NOT_NULL_FATAL(k2);
    CU_ASSERT_EQUAL(nd_ma_count_masked(m2), nd_ma_count_masked(s.w));
    nd_free(k2);
    nd_ma_free(m2);
    /* the result of mask_rowcols shares the data (a view), not the mask */
    nd_marray *mw = nd_ma_mask_rows(s.w);
    CU_ASSERT_PTR_NOT_NULL_FATAL(mw);
    CU_ASSERT_EQUAL(nd_ma_set_f64(mw, ND_IDX(0, 0), 42.0), ND_OK);
    double v = 0;
    CU_ASSERT_EQUAL(nd_ma_get_f64(s.w, ND_IDX(0, 0), &v, NULL), ND_OK);
    CU_ASSERT_EQUAL(v, 42.0);
    CU_ASSERT_EQUAL(nd_ma_count_masked(s.w), 2);
    nd_ma_free(mw);
    /* bad input */
    expect_error("crc 1-D", !nd_ma_compress_rowcols(s.r1, 0), ND_ESHAPE,
                 "nd_ma_compress_rowcols: works for 2-D arrays only, got 1-D");
    expect_error("mrc 0-d", !nd_ma_mask_rowcols(s.z, 0), ND_ESHAPE, "nd_ma_mask_rowcols: works for 2-D arrays only, got 0-D");
    expect_error("crc axis", !nd_ma_compress_rowcols(s.w, 2), ND_EAXIS,
                 "nd_ma_compress_rowcols: axis 2 is out of bounds for array of dimension 2");
    expect_error("mrc axis", !nd_ma_mask_rowcols(s.w, -3), ND_EAXIS, "axis -3 is out of bounds");
    expect_error("crc NULL", !nd_ma_compress_rows(NULL), ND_EVALUE, "nd_ma_compress_rowcols: masked array is NULL");
    nd_ma_free(wT);
    unload(&s);
}

/* ---- anom, diff, ediff1d, clip, round --------------------------------------------------- */
static void test_anom(void)
{
    inputs s = load();
    const struct { const char *name; nd_marray *m; } src[] = {
        { "a", s.a }, { "b", s.b }, { "w", s.w }, { "i", s.i }, { "allm", s.allm } };
    static const struct { const char *tag; int axis; } axes[] = { { "n", ND_AXIS_NONE }, { "0", 0 }, { "1", 1 } };
    char n[64];
    for (size_t k = 0; k < sizeof src / sizeof *src; k++)
        for (size_t x = 0; x < 3; x++) {
            snprintf(n, sizeof n, "anom_%s_%s", src[k].name, axes[x].tag);
            check_(n, nd_ma_anom(src[k].m, axes[x].axis), true, 1e-15);
        }
    nd_marray *wT = nd_ma_transpose(s.w);
    check("anom_wT_0", nd_ma_anom(wT, 0));
    CU_ASSERT_PTR_NULL(nd_ma_anom(s.w, 2));
    CU_ASSERT_EQUAL(nd_last_error(), ND_EAXIS);
    nd_ma_free(wT);
    unload(&s);
}

static void test_diff(void)
{
    inputs s = load();
    nd_marray *wT = nd_ma_transpose(s.w);
    check("diff_a", nd_ma_diff(s.a, 1, -1));
    check("diff_a0", nd_ma_diff(s.a, 1, 0));
    check("diff_w2", nd_ma_diff(s.w, 2, -1));
    check("diff_w20", nd_ma_diff(s.w, 2, 0));
    check("diff_wT", nd_ma_diff(wT, 1, -1));
    check("diff_b", nd_ma_diff(s.b, 1, -1));
    check("diff_i", nd_ma_diff(s.i, 1, -1));
    check("diff_bb", nd_ma_diff(s.bb, 1, -1));
    check("diff_r0", nd_ma_diff(s.r1, 0, -1));
    check("diff_f", nd_ma_diff(s.f, 1, -1));
    nd_marray *r12 = nd_ma_view(s.r1, ":2");
    check("diff_r3", nd_ma_diff(r12, 1, -1));
    nd_ma_free(r12);
    check("diff_r9", nd_ma_diff(s.r1, 9, -1));
    expect_error("diff n", !nd_ma_diff(s.a, -1, -1), ND_EVALUE, "nd_ma_diff: order must be non-negative but got -1");
    expect_error("diff 0-d", !nd_ma_diff(s.z, 1, -1), ND_EVALUE, "at least one dimensional");
    expect_error("diff axis", !nd_ma_diff(s.a, 1, 2), ND_EAXIS, "nd_ma_diff: axis 2 is out of bounds for array of dimension 2");
    /* ediff1d */
    nd_array *te = nd_from_f64((double[]){ 7.0, 8.0 }, 2), *tm = nd_zeros(1, (ptrdiff_t[]){ 2 }, ND_BOOL);
    nd_set(tm, ND_IDX(1), ND_BOOL_S(true));
    nd_marray *to_end = nd_ma_array(te, tm), *to_begin = nd_ma_view(s.r2, ":2"), *r14 = nd_ma_view(s.r1, "2:4");
    check("ed_r", nd_ma_ediff1d(s.r1, NULL, NULL));
    check("ed_w", nd_ma_ediff1d(s.w, NULL, NULL));
    check("ed_r2", nd_ma_ediff1d(s.r2, NULL, NULL));
    check("ed_rbe", nd_ma_ediff1d(s.r1, to_end, to_begin));
    check("ed_rb", nd_ma_ediff1d(s.r2, NULL, r14));
    expect_error("ediff1d NULL", !nd_ma_ediff1d(NULL, NULL, NULL), ND_EVALUE, "nd_ma_ediff1d: masked array is NULL");
    nd_ma_free(to_end);
    nd_ma_free(to_begin);
    nd_ma_free(r14);
    nd_free(te);
    nd_free(tm);
    nd_ma_free(wT);
    unload(&s);
}

static void test_clip_round(void)
{
    inputs s = load();
    nd_marray *wT = nd_ma_transpose(s.w);
    check("clip_a", nd_ma_clip(s.a, 2.0, 5.0));
    check("clip_b", nd_ma_clip(s.b, 0.0, 10.0));
    check("clip_i", nd_ma_clip(s.i, -1, 2));
    check("clip_ilo", nd_ma_clip(s.i, 0, ND_NOBOUND));
    check("clip_if", nd_ma_clip(s.i, 0.5, 2.5));
    check("clip_wT", nd_ma_clip(wT, 3.0, 9.0));
    check_("clip_z", nd_ma_clip(s.z, 0.0, 1.0), false, 0.0);
    check("clip_f", nd_ma_clip(s.f, 0.0, 1.0));
    check("round_f", nd_ma_round(s.f, 0));
    check("round_p", nd_ma_round(s.p, 0));
    check("round_p1", nd_ma_round(s.p, 1));
    check("round_a", nd_ma_round(s.a, -1));
    check("round_i", nd_ma_round(s.i, -1));
    check("round_b", nd_ma_round(s.b, 0));
    nd_marray *w3 = nd_ma_divide(wT, 3.0);
    check("round_wT", nd_ma_round(w3, 2));
    /* hardness carries over */
    nd_ma_harden_mask(s.a);
    nd_marray *r = nd_ma_round(s.a, 0), *c = nd_ma_clip(s.a, 0.0, 1.0);
    CU_ASSERT_TRUE(nd_ma_is_hard_mask(r));
    CU_ASSERT_TRUE(nd_ma_is_hard_mask(c));
    nd_ma_free(r);
    nd_ma_free(c);
    expect_error("round NULL", !nd_ma_round(NULL, 0), ND_EVALUE, "nd_ma_round: masked array is NULL");
    expect_error("clip NULL", !nd_ma_clip((const nd_marray *)NULL, 0.0, 1.0), ND_EVALUE,
                 "nd_ma_clip: masked array is NULL");
    nd_ma_free(w3);
    nd_ma_free(wT);
    unload(&s);
}

/* ---- choose, resize ------------------------------------------------------------------- */
static void test_choose_resize(void)
{
    inputs s = load();
    nd_marray *cidx = min_("cidx"), *ch0 = min_("ch0"), *ch1 = min_("ch1"), *ch2 = min_("ch2");
    nd_ma_set_fill_value(ch0, ND_F64(-9.0));
    const nd_marray *const three[] = { ch0, ch1, ch2 };
    check("choose_m", nd_ma_choose(cidx, 3, three, ND_RAISE));
    nd_marray *plain = nd_ma_array(nd_ma_data(cidx), NULL);
    check("choose_n", nd_ma_choose(plain, 3, (const nd_marray *const[]){ ch1, ch2, ch2 }, ND_RAISE));
    nd_marray *twice = nd_ma_multiply(cidx, 2), *plus2 = nd_ma_add(cidx, 2);
    check("choose_clip", nd_ma_choose(twice, 3, three, ND_CLIP));
    check("choose_wrap", nd_ma_choose(plus2, 3, three, ND_WRAP));
    CU_ASSERT_PTR_NULL(nd_ma_choose(twice, 3, three, ND_RAISE)); /* index 4 of 3 choices */
    CU_ASSERT_EQUAL(nd_last_error(), ND_EVALUE);
    expect_error("choose NULL", !nd_ma_choose(cidx, 2, (const nd_marray *const[]){ ch0, NULL }, ND_RAISE),
                 ND_EVALUE, "nd_ma_choose: array 2 is NULL");
    expect_error("choose n", !nd_ma_choose(cidx, 0, three, ND_RAISE), ND_EVALUE,
                 "nd_ma_choose: need at least one array, got 0");
    nd_marray *wT = nd_ma_transpose(s.w);
    check("resize_a", nd_ma_resize(s.a, ND_SHAPE(3, 4)));
    check("resize_b", nd_ma_resize(s.b, ND_SHAPE(4)));
    check("resize_z", nd_ma_resize(s.z, ND_SHAPE(3)));
    check("resize_a0", nd_ma_resize(s.a, 0, NULL));
    check("resize_wT", nd_ma_resize(wT, ND_SHAPE(2, 5)));
    check("resize_ae", nd_ma_resize(s.a, ND_SHAPE(0, 2)));
    CU_ASSERT_PTR_NULL(nd_ma_resize(s.a, ND_SHAPE(-1, 2)));
    CU_ASSERT_PTR_NULL(nd_ma_resize(NULL, ND_SHAPE(2)));
    CU_ASSERT_EQUAL(nd_last_error(), ND_EVALUE);
    nd_ma_free(wT);
    nd_ma_free(twice);
    nd_ma_free(plus2);
    nd_ma_free(plain);
    nd_ma_free(cidx);
    nd_ma_free(ch0);
    nd_ma_free(ch1);
    nd_ma_free(ch2);
    unload(&s);
}

/* ---- 0-d and empty operands ------------------------------------------------------------- */
static void test_0d_empty(void)
{
    inputs s = load();
    nd_array *e_pos = nd_greater(nd_ma_data(s.e), 0.0);
    nd_array *t3 = nd_full(0, NULL, ND_FLOAT64, ND_F64(3.0));
    nd_marray *three = nd_ma_array(t3, NULL);
    check_("stack_z", nd_ma_stack(L2(s.z, s.z), 0), false, 0.0);
    check_("round_z", nd_ma_round(s.z, 0), false, 0.0);
    check("anom_e_n", nd_ma_anom(s.e, ND_AXIS_NONE));
    check("anom_e_0", nd_ma_anom(s.e, 0));
    check("diff_e", nd_ma_diff(s.e, 1, -1));
    check("diff_e0", nd_ma_diff(s.e, 1, 0));
    check("ed_e", nd_ma_ediff1d(s.e, NULL, NULL));
    check("ed_z", nd_ma_ediff1d(s.z, NULL, NULL));
    check_plain("crc_e_n", nd_ma_compress_rowcols(s.e, ND_AXIS_NONE));
    check("mrc_e_n", nd_ma_mask_rowcols(s.e, ND_AXIS_NONE));
    check("clip_e", nd_ma_clip(s.e, 0.0, 1.0));
    check_("dot_z", nd_ma_dot(s.z, three, false), false, 0.0);
    check("where_e", nd_ma_where(e_pos, s.e, 1.0));
    /* ma.concatenate([z, z]): "zero-dimensional arrays cannot be concatenated" */
    CU_ASSERT_PTR_NULL(nd_ma_concatenate(L2(s.z, s.z), 0));
    CU_ASSERT_NOT_EQUAL(nd_last_error(), ND_OK);
    nd_ma_free(three);
    nd_free(t3);
    nd_free(e_pos);
    unload(&s);
}

/* ---- put, putmask ---------------------------------------------------------------------- */
static nd_marray *ma_of(const double *v, const bool *mask, ptrdiff_t n)
{
    nd_array *d = nd_from_f64(v, n), *k = NULL;
    if (mask) {
        k = nd_zeros(1, &n, ND_BOOL);
        for (ptrdiff_t i = 0; i < n; i++) nd_set(k, ND_IDX(i), ND_BOOL_S(mask[i]));
    }
    nd_marray *m = nd_ma_array(d, k);
    nd_free(d);
    nd_free(k);
    CU_ASSERT_PTR_NOT_NULL_FATAL(m);
    return m;
}

/* put on a copy of src, compared with the fixture; src unchanged */
static void put_case(const char *name, const nd_marray *src, const nd_array *idx, nd_marray *vals)
{
    nd_marray *m = nd_ma_copy(src);
    nd_status st = nd_ma_put(m, idx, vals);
    if (st < 0) printf("\n%s: %s\n", name, nd_errmsg());
    CU_ASSERT_EQUAL(st, ND_OK);
    check(name, m);
    nd_ma_free(vals);
}

static void putmask_case(const char *name, const nd_marray *src, const nd_array *mask, nd_marray *vals)
{
    nd_marray *m = nd_ma_copy(src);
    nd_status st = nd_ma_putmask(m, mask, vals);
    if (st < 0) printf("\n%s: %s\n", name, nd_errmsg());
    CU_ASSERT_EQUAL(st, ND_OK);
    check(name, m);
    nd_ma_free(vals);
}

static void test_put(void)
{
    inputs s = load();
    nd_array *pidx = in("in_pidx"), *pmask = in("in_pmask");
    CU_ASSERT_PTR_NOT_NULL_FATAL(pidx);
    CU_ASSERT_PTR_NOT_NULL_FATAL(pmask);
    static const double v4[] = { 10.0, 20.0, 30.0, 40.0 }, v2[] = { 10.0, 20.0 };
    put_case("put_a", s.a, pidx, ma_of(v4, NULL, 4));
    put_case("put_a_m", s.a, pidx, ma_of(v4, (const bool[]){ 0, 1, 0, 0 }, 4));
    put_case("put_b", s.b, pidx, ma_of(v2, NULL, 2));
    put_case("put_b_m", s.b, pidx, ma_of(v2, (const bool[]){ 1, 0 }, 2));
    nd_array *one = nd_from_i64((int64_t[]){ 1 }, 1), *three = nd_from_i64((int64_t[]){ 0, 2, -1 }, 3);
    put_case("put_a_unmask", s.a, one, ma_of((const double[]){ 9.0 }, NULL, 1));
    nd_marray *rh = nd_ma_copy(s.r1);
    nd_ma_harden_mask(rh);
    put_case("put_rh", rh, three, ma_of((const double[]){ 10.0, 20.0, 30.0 }, NULL, 3));
    /* putmask: values broadcast to a's shape */
    nd_marray *v6f = ma_of((const double[]){ 10, 20, 30, 40, 50, 60 }, NULL, 6);
    nd_marray *v6 = nd_ma_reshape(v6f, 2, (ptrdiff_t[]){ 2, 3 });
    nd_marray *v6s = ma_of((const double[]){ 10, 20, 30, 40, 50, 60 }, (const bool[]){ 0, 0, 0, 0, 0, 1 }, 6);
    nd_marray *v6m = nd_ma_reshape(v6s, 2, (ptrdiff_t[]){ 2, 3 });
    nd_marray *v6h = ma_of((const double[]){ 10, 20, 30, 40, 50, 60 }, (const bool[]){ 1, 0, 0, 0, 0, 1 }, 6);
    putmask_case("pm_a", s.a, pmask, nd_ma_copy(v6));
    putmask_case("pm_a_m", s.a, pmask, nd_ma_copy(v6m));
    putmask_case("pm_b", s.b, pmask, ma_of((const double[]){ -1, -2, -3 }, NULL, 3));
    putmask_case("pm_b_m", s.b, pmask, ma_of((const double[]){ -1, -2, -3 }, (const bool[]){ 0, 1, 0 }, 3));
    putmask_case("pm_a_s", s.a, pmask, ma_of((const double[]){ -5 }, NULL, 1));
    nd_marray *ah = nd_ma_copy(s.a);
    nd_ma_harden_mask(ah);
    putmask_case("pm_ah_m", ah, pmask, nd_ma_reshape(v6h, 2, (ptrdiff_t[]){ 2, 3 }));
    nd_ma_free(v6h);
    putmask_case("pm_ah", ah, pmask, nd_ma_copy(v6));
    /* a view: put writes through to the parent's data and mask */
    nd_marray *w = nd_ma_copy(s.w), *col = nd_ma_view(w, ":, 1");
    CU_ASSERT_EQUAL(nd_ma_put(col, one, s.r2), ND_OK); /* w[1, 1] = 2.0, unmasked */
    double v = 0;
    bool masked = true;
    CU_ASSERT_EQUAL(nd_ma_get_f64(w, ND_IDX(1, 1), &v, &masked), ND_OK);
    CU_ASSERT_EQUAL(v, 2.0);
    CU_ASSERT_FALSE(masked);
    /* errors leave a as it was */
    nd_array *bad = nd_from_i64((int64_t[]){ 0, 6 }, 2);
    nd_marray *before = nd_ma_copy(s.a), *a = nd_ma_copy(s.a);
    nd_array *imask = nd_zeros(ND_SHAPE(2, 3), ND_INT64);
    nd_array *i23 = nd_zeros(ND_SHAPE(2, 3), ND_INT64);
    nd_marray *ints = nd_ma_array(i23, NULL), *fl = ma_of(v4, NULL, 4);
    CU_ASSERT_EQUAL(nd_ma_put(a, bad, fl), ND_EINDEX);
    CU_ASSERT_EQUAL(nd_ma_putmask(a, imask, v6), ND_EDTYPE);
    CU_ASSERT_PTR_NOT_NULL(strstr(nd_errmsg(), "nd_ma_putmask: mask must be bool, got int64"));
    CU_ASSERT_EQUAL(nd_ma_putmask(a, pmask, fl), ND_ESHAPE);
    CU_ASSERT_PTR_NOT_NULL(strstr(nd_errmsg(), "nd_ma_putmask: operands could not be broadcast"));
    nd_marray *ai = nd_ma_copy(ints);
    CU_ASSERT_EQUAL(nd_ma_putmask(ai, pmask, v6), ND_EDTYPE); /* float into int: same_kind */
    CU_ASSERT_PTR_NOT_NULL(strstr(nd_errmsg(), "cannot cast the values from float64 to int64"));
    CU_ASSERT_EQUAL(nd_ma_put(NULL, one, fl), ND_EVALUE);
    CU_ASSERT_EQUAL(nd_ma_put(a, NULL, fl), ND_EVALUE);
    CU_ASSERT_EQUAL(nd_ma_putmask(a, NULL, fl), ND_EVALUE);
    nd_array *ka = nd_ma_getmaskarray(a), *kb = nd_ma_getmaskarray(before);
    CU_ASSERT_EQUAL(nd_array_equal(nd_ma_data(a), nd_ma_data(before), false), 1);
    CU_ASSERT_EQUAL(nd_array_equal(ka, kb, false), 1);
    nd_free(ka);
    nd_free(kb);
    nd_free(bad);
    nd_free(imask);
    nd_free(i23);
    nd_ma_free(ints);
    nd_ma_free(ai);
    nd_ma_free(fl);
    nd_ma_free(before);
    nd_ma_free(a);
    nd_ma_free(w);
    nd_ma_free(col);
    nd_ma_free(ah);
    nd_ma_free(v6);
    nd_ma_free(v6f);
    nd_ma_free(v6s);
    nd_ma_free(v6m);
    nd_ma_free(rh);
    nd_free(one);
    nd_free(three);
    nd_free(pidx);
    nd_free(pmask);
    unload(&s);
}

/* ---- allocation failures ------------------------------------------------------------------ */
typedef nd_marray *(*fs_op)(const inputs *s);
static nd_marray *fs_cat(const inputs *s) { return nd_ma_concatenate(L2(s->a, s->b), 1); }
static nd_marray *fs_stack(const inputs *s) { return nd_ma_stack(L2(s->a, s->b), 0); }
static nd_marray *fs_where(const inputs *s) { return nd_ma_where(s->c, s->a, s->b); }
static nd_marray *fs_dot(const inputs *s)
{
    nd_marray *t = nd_ma_transpose(s->w), *r = t ? nd_ma_dot(s->w, t, true) : NULL;
    nd_ma_free(t);
    return r;
}
static nd_marray *fs_mrc(const inputs *s) { return nd_ma_mask_rowcols(s->w, ND_AXIS_NONE); }
static nd_marray *fs_anom(const inputs *s) { return nd_ma_anom(s->w, 1); }
static nd_marray *fs_diff(const inputs *s) { return nd_ma_diff(s->w, 2, 0); }
static nd_marray *fs_ediff(const inputs *s) { return nd_ma_ediff1d(s->r1, s->r2, s->r1); }
static nd_marray *fs_clip(const inputs *s) { return nd_ma_clip(s->a, 2.0, 5.0); }
static nd_marray *fs_round(const inputs *s) { return nd_ma_round(s->p, 1); }
static nd_marray *fs_crc(const inputs *s)
{
    nd_array *r = nd_ma_compress_rowcols(s->w, ND_AXIS_NONE);
    nd_marray *m = r ? nd_ma_array(r, NULL) : NULL;
    nd_free(r);
    return m;
}
static nd_marray *fs_put(const inputs *s)
{
    nd_marray *m = nd_ma_copy(s->w);
    nd_array *idx = nd_from_i64((int64_t[]){ 0, 5, 11 }, 3);
    nd_status st = m && idx ? nd_ma_put(m, idx, s->r1) : ND_ENOMEM;
    nd_free(idx);
    if (st < 0) {
        nd_ma_free(m);
        return NULL;
    }
    return m;
}
static nd_marray *fs_putmask(const inputs *s)
{
    nd_marray *m = nd_ma_copy(s->a);
    nd_array *k = nd_ma_getmaskarray(s->c);
    nd_status st = m && k ? nd_ma_putmask(m, k, s->b) : ND_ENOMEM;
    nd_free(k);
    if (st < 0) {
        nd_ma_free(m);
        return NULL;
    }
    return m;
}
static nd_marray *fs_choose(const inputs *s)
{
    return nd_ma_choose(s->cidx, 3, (const nd_marray *const[]){ s->a, s->b, s->f }, ND_WRAP);
}
static nd_marray *fs_resize(const inputs *s) { return nd_ma_resize(s->w, ND_SHAPE(5, 3)); }
static const fs_op FS_OPS[] = { fs_cat, fs_stack, fs_where, fs_dot, fs_mrc, fs_anom, fs_diff,
                                fs_ediff, fs_clip, fs_round, fs_crc, fs_put, fs_putmask,
                                fs_choose, fs_resize };
static int fs_which;
static nd_marray *fs_ref;

static nd_status fs_body(void *ctx)
{
    nd_marray *r = FS_OPS[fs_which]((const inputs *)ctx);
    if (!r)
        return nd_last_error();
    nd_array *k = nd_ma_getmaskarray(r), *kr = k ? nd_ma_getmaskarray(fs_ref) : NULL;
    nd_status st = !kr ? nd_last_error()
                   : same_values("fs_mask", kr, k, NULL, true, 0.0) &&
                             same_values("fs_data", nd_ma_data(fs_ref), nd_ma_data(r), kr, false, 0.0) &&
                             nd_ma_is_nomask(r) == nd_ma_is_nomask(fs_ref)
                         ? ND_OK
                         : ND_EVALUE;
    nd_free(k);
    nd_free(kr);
    nd_ma_free(r);
    return st;
}

static void test_allocation_failures(void)
{
    inputs s = load();
    for (fs_which = 0; fs_which < (int)(sizeof FS_OPS / sizeof *FS_OPS); fs_which++) {
        fs_ref = FS_OPS[fs_which](&s);
        if (!fs_ref) printf("\n  op %d: %s\n", fs_which, nd_errmsg());
        CU_ASSERT_PTR_NOT_NULL_FATAL(fs_ref);
        faultsim_report r = faultsim_run("ma_extras", fs_body, &s);
        if (!r.ok) printf("\n  op %d: %s\n", fs_which, r.why);
        CU_ASSERT_TRUE(r.ok);
        nd_ma_free(fs_ref);
    }
    unload(&s);
}

static const ND_TEST tests[] = {
    ND_T(test_join), ND_T(test_where), ND_T(test_dot), ND_T(test_allclose_allequal),
    ND_T(test_rowcols), ND_T(test_anom), ND_T(test_diff), ND_T(test_clip_round), ND_T(test_choose_resize), ND_T(test_0d_empty), ND_T(test_put),
    ND_T(test_allocation_failures), { 0 } };
ND_TEST_MAIN("ma_extras", tests)
