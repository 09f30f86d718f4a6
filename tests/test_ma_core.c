/* numpy.ma's core in numc: the nd_marray type (masks broadcast and checked, fill values
 * per dtype, views sharing data and mask, hard masks, shrink, filled / compressed /
 * count / take), making masks and masked arrays (make_mask, mask_or, masked_where and
 * the masked_<comparison> family, masked_values, masked_invalid, masked_all,
 * fix_invalid), .npz files and genfromtxt(usemask=True), against NumPy fixtures
 * (scripts/gen_ma_core_fixtures.py → tests/data/ma/core.txt). */
#define _GNU_SOURCE
#include <numc/ma.h>
#include <numc/manip.h>
#include <unistd.h>

#include "faultsim.h"
#include "fixture.h"

#define FX NUMC_TEST_DATA "/ma/core.txt"

static char tmpdir[] = "/tmp/numc_ma_core_XXXXXX";

static int setup(void) { return mkdtemp(tmpdir) ? 0 : 1; }
static int teardown(void)
{
    char cmd[128];
    snprintf(cmd, sizeof cmd, "rm -rf '%s'", tmpdir);
    return system(cmd) == 0 ? 0 : 1;
}

static const char *tmp(const char *name)
{
    static char path[256];
    snprintf(path, sizeof path, "%s/%s", tmpdir, name);
    return path;
}

static nd_array *in(const char *name)
{
    nd_array *a = fixture_load(FX, name);
    if (!a) printf("\nfixture input %s missing\n", name);
    return a;
}

/* The one value of flat fixture `name`. */
static double fx1(const char *name)
{
    double v = NAN;
    if (fixture_values(FX, name, &v, 1) != 1) printf("\nfixture %s missing\n", name);
    return v;
}

/* m against fixtures name_d (data: dtype, shape, values; with `nan_under_mask` the data
 * filled with NaN), name_m (the full mask), name_nomask and name_fill. Frees m. */
static void check_ma_(const char *name, nd_marray *m, bool nan_under_mask)
{
    char n[96];
    if (!m) printf("\n%s: NULL (%s)\n", name, nd_errmsg());
    CU_ASSERT_PTR_NOT_NULL_FATAL(m);
    snprintf(n, sizeof n, "%s_d", name);
    fixture_check(FX, n, nan_under_mask ? nd_ma_filled(m, &ND_F64(NAN)) : nd_ma_getdata(m));
    snprintf(n, sizeof n, "%s_m", name);
    fixture_check(FX, n, nd_ma_getmaskarray(m));
    snprintf(n, sizeof n, "%s_nomask", name);
    bool want_nomask = fx1(n) != 0;
    if (nd_ma_is_nomask(m) != want_nomask) printf("\n%s: nomask %d, NumPy %d\n", name, nd_ma_is_nomask(m), want_nomask);
    CU_ASSERT_EQUAL(nd_ma_is_nomask(m), want_nomask);
    snprintf(n, sizeof n, "%s_fill", name);
    double fill = nd_scalar_as_f64(nd_ma_fill_value(m)), want = fx1(n);
    if (fill != want) printf("\n%s: fill %.17g, NumPy %.17g\n", name, fill, want);
    CU_ASSERT_EQUAL(fill, want);
    nd_ma_free(m);
}
static void check_ma(const char *name, nd_marray *m) { check_ma_(name, m, false); }

/* A make_mask / mask_or result: NULL with no error for nomask, else the bool array. */
static void check_mask(const char *name, nd_array *mk)
{
    char n[96];
    snprintf(n, sizeof n, "%s_nomask", name);
    if (fx1(n) != 0) {
        CU_ASSERT_PTR_NULL(mk);
        CU_ASSERT_EQUAL(nd_last_error(), ND_OK);
        nd_free(mk);
        return;
    }
    fixture_check(FX, name, mk);
}

/* The last call failed with `code` and a message containing each of the words. */
static void expect_error(nd_status code, const char *w1, const char *w2)
{
    if (nd_last_error() != code || (w1 && !strstr(nd_errmsg(), w1)) || (w2 && !strstr(nd_errmsg(), w2)))
        printf("\n  want error %d with '%s' '%s', got %d: %s\n", code, w1 ? w1 : "", w2 ? w2 : "",
               nd_last_error(), nd_errmsg());
    CU_ASSERT_EQUAL(nd_last_error(), code);
    if (w1) CU_ASSERT_PTR_NOT_NULL(strstr(nd_errmsg(), w1));
    if (w2) CU_ASSERT_PTR_NOT_NULL(strstr(nd_errmsg(), w2));
}

/* nd_ma_load refuses the archive of the given members with code and a message holding
 * w1 and w2 (each optional). */
static void load_rejects(size_t n, const char *const *names, const nd_array **arrays, nd_status code,
                         const char *w1, const char *w2)
{
    CU_ASSERT_EQUAL(nd_savez(tmp("bad.npz"), n, names, arrays), ND_OK);
    CU_ASSERT_PTR_NULL(nd_ma_load(tmp("bad.npz")));
    expect_error(code, w1, w2);
}

static nd_array *as(nd_array *a, nd_dtype dt)
{
    nd_array *r = nd_astype(a, dt, ND_CAST_UNSAFE);
    nd_free(a);
    return r;
}

/* ---- making masks ------------------------------------------------------------------------ */
static void test_make_mask(void)
{
    nd_array *f = in("in_f"), *i = in("in_i"), *b = in("in_b");
    check_mask("mk_f", nd_ma_make_mask(f, true)); /* NaN is true, as bool(nan) */
    check_mask("mk_i", nd_ma_make_mask(i, true));
    check_mask("mk_b", nd_ma_make_mask(b, true));
    nd_array *z = nd_zeros(ND_SHAPE(3), ND_FLOAT64);
    nd_set_error(ND_EINDEX, "a stale error");
    check_mask("mk_zero", nd_ma_make_mask(z, true)); /* nomask clears the error state */
    check_mask("mk_zero_full", nd_ma_make_mask(z, false));
    nd_array *c = as(nd_ones(ND_SHAPE(2), ND_FLOAT64), ND_COMPLEX128);
    CU_ASSERT_EQUAL(nd_set(c, ND_IDX(0), ND_C128(0.0, 0.0)), ND_OK);
    CU_ASSERT_EQUAL(nd_set(c, ND_IDX(1), ND_C128(0.0, -2.0)), ND_OK);
    nd_array *cm = nd_ma_make_mask(c, true);
    CU_ASSERT_TRUE(cm && !nd_get_bool(cm, ND_IDX(0)) && nd_get_bool(cm, ND_IDX(1)));
    CU_ASSERT_PTR_NULL(nd_ma_make_mask(NULL, true));
    expect_error(ND_EVALUE, "nd_ma_make_mask", "NULL");
    nd_free(cm);
    nd_free(c);
    nd_free(z);
    nd_free(f);
    nd_free(i);
    nd_free(b);
}

static void test_mask_or(void)
{
    nd_array *m1 = in("in_m1"), *m2 = in("in_m2"), *i = in("in_i");
    check_mask("or_bc", nd_ma_mask_or(m1, m2, true));
    check_mask("or_nomask_i", nd_ma_mask_or(NULL, i, true));
    nd_array *f3 = nd_zeros(ND_SHAPE(3), ND_BOOL);
    check_mask("or_false", nd_ma_mask_or(f3, f3, true));
    check_mask("or_false_full", nd_ma_mask_or(f3, f3, false));
    nd_set_error(ND_EINDEX, "a stale error");
    CU_ASSERT_PTR_NULL(nd_ma_mask_or(NULL, NULL, true));
    CU_ASSERT_EQUAL(nd_last_error(), ND_OK);
    CU_ASSERT_PTR_NULL(nd_ma_mask_or(i, m2, true));
    expect_error(ND_EDTYPE, "incompatible dtypes int64 and bool", NULL);
    nd_array *b2 = nd_zeros(ND_SHAPE(2), ND_BOOL);
    CU_ASSERT_PTR_NULL(nd_ma_mask_or(f3, b2, true));
    expect_error(ND_ESHAPE, "(3,)", "(2,)");
    nd_free(b2);
    nd_free(f3);
    nd_free(m1);
    nd_free(m2);
    nd_free(i);
}

/* ---- masked arrays from conditions ------------------------------------------------------- */
static void test_masked_where(void)
{
    nd_array *f = in("in_f"), *i = in("in_i"), *cond = in("in_cond"), *condf = in("in_condf");
    nd_marray *m = nd_ma_masked_where(cond, f);
    CU_ASSERT_PTR_NOT_NULL_FATAL(m);
    CU_ASSERT_FALSE(nd_may_share_memory(nd_ma_data(m), f)); /* NumPy's copy=True */
    CU_ASSERT_FALSE(nd_may_share_memory(nd_ma_mask(m), cond));
    check_ma("where_b", m);
    check_ma("where_f", nd_ma_masked_where(condf, f)); /* nonzero (NaN too) is true */
    nd_array *t0 = nd_full(0, NULL, ND_BOOL, ND_BOOL_S(true)), *f0 = nd_zeros(0, NULL, ND_BOOL);
    check_ma("where_0d_t", nd_ma_masked_where(t0, i));
    check_ma("where_0d_f", nd_ma_masked_where(f0, i));
    nd_array *none = nd_zeros(ND_SHAPE(3, 4), ND_BOOL);
    check_ma("where_none", nd_ma_masked_where(none, f));
    nd_array *e = nd_zeros(ND_SHAPE(0, 3), ND_FLOAT64), *eb = nd_zeros(ND_SHAPE(0, 3), ND_BOOL);
    check_ma("where_empty", nd_ma_masked_where(eb, e));
    /* no broadcasting: a condition of another shape is an error naming both */
    nd_array *row = nd_view(cond, "0:1");
    CU_ASSERT_PTR_NULL(nd_ma_masked_where(row, f));
    expect_error(ND_ESHAPE, "(1, 4)", "(3, 4)");
    CU_ASSERT_PTR_NULL(nd_ma_masked_where(cond, i));
    expect_error(ND_ESHAPE, "(3, 4)", "(2, 5)");
    CU_ASSERT_PTR_NULL(nd_ma_masked_where(NULL, f));
    expect_error(ND_EVALUE, "nd_ma_masked_where", "condition is NULL");
    CU_ASSERT_PTR_NULL(nd_ma_masked_where(cond, NULL));
    expect_error(ND_EVALUE, "nd_ma_masked_where", "array is NULL");
    nd_free(row);
    nd_free(e);
    nd_free(eb);
    nd_free(none);
    nd_free(t0);
    nd_free(f0);
    nd_free(f);
    nd_free(i);
    nd_free(cond);
    nd_free(condf);
}

static void test_masked_invalid(void)
{
    nd_array *f = in("in_f"), *i = in("in_i"), *f32 = in("in_f32");
    check_ma("inv_f", nd_ma_masked_invalid(f));
    check_ma("inv_i", nd_ma_masked_invalid(i)); /* never nomask (gh-22842) */
    check_ma("inv_f32", nd_ma_masked_invalid(f32));
    nd_array *v = nd_view(f, ":, ::2");
    check_ma("inv_fv", nd_ma_masked_invalid(v));
    nd_array *e = nd_zeros(ND_SHAPE(0, 3), ND_FLOAT64);
    check_ma("inv_empty", nd_ma_masked_invalid(e));
    CU_ASSERT_PTR_NULL(nd_ma_masked_invalid(NULL));
    expect_error(ND_EVALUE, "nd_ma_masked_invalid", NULL);
    nd_free(e);
    nd_free(v);
    nd_free(f);
    nd_free(i);
    nd_free(f32);
}

static void test_masked_comparisons(void)
{
    nd_array *f = in("in_f"), *i = in("in_i"), *u8 = in("in_u8"), *b = in("in_b");
    check_ma("eq_f", nd_ma_masked_equal(f, 1.5));
    check_ma("eq_i", nd_ma_masked_equal(i, 2));
    check_ma("eq_i_frac", nd_ma_masked_equal(i, 2.5)); /* fill value 2, as NumPy's cast */
    check_ma("eq_u8", nd_ma_masked_equal(u8, 3.0));
    check_ma("eq_b", nd_ma_masked_equal(b, 1.0));
    nd_array *f32 = in("in_f32");
    check_ma("eq_f32", nd_ma_masked_equal(f32, 0.1)); /* float32(0.1) == 0.1 in float32 */
    nd_free(f32);
    check_ma("ne_f", nd_ma_masked_not_equal(f, 1.5)); /* NaN != 1.5: masked */
    check_ma("gt_f", nd_ma_masked_greater(f, 1.5));
    check_ma("ge_i", nd_ma_masked_greater_equal(i, 2));
    check_ma("lt_f", nd_ma_masked_less(f, 0.0));
    check_ma("le_i", nd_ma_masked_less_equal(i, 2));
    check_ma("gt_none", nd_ma_masked_greater(i, 100));
    check_ma("in_f_r", nd_ma_masked_inside(f, 3.0, -1.0)); /* bounds in either order */
    check_ma("out_f", nd_ma_masked_outside(f, -1.0, 3.0));
    check_ma("in_i_r", nd_ma_masked_inside(i, 5, 2));
    check_ma("out_u8", nd_ma_masked_outside(u8, 3, 200));
    /* a fill value that cannot be the array's: NumPy raises for NaN, wraps 300 into int8 */
    nd_array *i8 = as(nd_ones(ND_SHAPE(3), ND_FLOAT64), ND_INT8);
    CU_ASSERT_PTR_NULL(nd_ma_masked_equal(i8, 300));
    expect_error(ND_EVALUE, "fill value 300 does not fit int8", NULL);
    CU_ASSERT_PTR_NULL(nd_ma_masked_equal(i, NAN));
    expect_error(ND_EVALUE, "nd_ma_masked_equal", "nan");
    CU_ASSERT_PTR_NULL(nd_ma_masked_less(NULL, 1));
    expect_error(ND_EVALUE, "nd_ma_masked_less", "NULL");
    CU_ASSERT_PTR_NULL(nd_ma_masked_outside(NULL, 1, 2));
    expect_error(ND_EVALUE, "nd_ma_masked_outside", "NULL");
    nd_free(i8);
    nd_free(f);
    nd_free(i);
    nd_free(u8);
    nd_free(b);
}

static void test_masked_values(void)
{
    nd_array *f = in("in_f"), *i = in("in_i"), *f32 = in("in_f32");
    check_ma("val_f", nd_ma_masked_values(f, 1.5, 1e-5, 1e-8, true)); /* 1.5 + 1e-6 too */
    check_ma("val_f_atol", nd_ma_masked_values(f, 1.5, 0.0, 0.6, true));
    check_ma("val_f_none", nd_ma_masked_values(f, 100.0, 1e-5, 1e-8, true));
    check_ma("val_f_none_full", nd_ma_masked_values(f, 100.0, 1e-5, 1e-8, false));
    check_ma("val_f_inf", nd_ma_masked_values(f, INFINITY, 1e-5, 1e-8, true));
    check_ma("val_i", nd_ma_masked_values(i, 2.0, 1e-5, 1e-8, true));
    check_ma("val_i_frac", nd_ma_masked_values(i, 2.5, 1e-5, 1e-8, true)); /* exact: none */
    check_ma("val_f32", nd_ma_masked_values(f32, 2.5, 1e-5, 1e-8, true));
    /* complex compares exactly (NumPy: not a floating dtype); the fill is value + 0j */
    nd_array *z = as(nd_arange(1, 4, 1, ND_FLOAT64), ND_COMPLEX128);
    CU_ASSERT_EQUAL(nd_set(z, ND_IDX(2), ND_C128(2.0, 1e-9)), ND_OK);
    nd_marray *m = nd_ma_masked_values(z, 2.0, 1e-5, 1e-8, true);
    CU_ASSERT_PTR_NOT_NULL_FATAL(m);
    bool k0, k1, k2;
    nd_ma_get_f64(m, ND_IDX(0), NULL, &k0);
    nd_ma_get_f64(m, ND_IDX(1), NULL, &k1);
    nd_ma_get_f64(m, ND_IDX(2), NULL, &k2);
    CU_ASSERT_TRUE(!k0 && k1 && !k2);
    nd_scalar fv = nd_ma_fill_value(m);
    CU_ASSERT_TRUE(fv.dtype == ND_COMPLEX128 && fv.v.c[0] == 2.0 && fv.v.c[1] == 0.0);
    nd_ma_free(m);
    CU_ASSERT_PTR_NULL(nd_ma_masked_values(i, INFINITY, 1e-5, 1e-8, true));
    expect_error(ND_EVALUE, "nd_ma_masked_values", "does not fit int64");
    nd_free(z);
    nd_free(f);
    nd_free(i);
    nd_free(f32);
}

static void test_masked_all_and_fix_invalid(void)
{
    check_ma("all_i32", nd_ma_masked_all(ND_SHAPE(2, 3), ND_INT32));
    check_ma("all_0d", nd_ma_masked_all(0, NULL, ND_FLOAT64));
    /* the element of a 0-d masked array is NumPy's `masked` */
    nd_marray *z = nd_ma_masked_all(0, NULL, ND_INT16);
    double zv = 1;
    bool zm = false;
    CU_ASSERT_TRUE(nd_ma_item_f64(z, &zv, &zm) == ND_OK && zm && zv == 0.0);
    nd_ma_free(z);
    z = nd_ma_masked_all(ND_SHAPE(2), ND_INT16);
    CU_ASSERT_EQUAL(nd_ma_item_f64(z, &zv, &zm), ND_EVALUE); /* not one element */
    CU_ASSERT_EQUAL(nd_ma_get_f64(z, ND_IDX(2), &zv, &zm), ND_EINDEX);
    nd_ma_free(z);
    nd_array *u8 = in("in_u8"), *f = in("in_f"), *i = in("in_i"), *cond = in("in_cond");
    check_ma("all_like_u8", nd_ma_masked_all_like(u8));
    CU_ASSERT_PTR_NULL(nd_ma_masked_all(ND_SHAPE(2), (nd_dtype)99));
    expect_error(ND_EDTYPE, "nd_ma_masked_all", "99");
    CU_ASSERT_PTR_NULL(nd_ma_masked_all(ND_SHAPE(-2), ND_FLOAT64));
    CU_ASSERT_TRUE(nd_last_error() < 0);
    CU_ASSERT_PTR_NULL(nd_ma_masked_all_like(NULL));
    expect_error(ND_EVALUE, "nd_ma_masked_all_like", NULL);

    nd_marray *plain = nd_ma_array(f, NULL);
    check_ma("fix_f", nd_ma_fix_invalid(plain));
    /* the input is left as it was: still nomask, NaN still in the data */
    CU_ASSERT_TRUE(nd_ma_is_nomask(plain));
    double v;
    CU_ASSERT_EQUAL(nd_ma_get_f64(plain, ND_IDX(0, 1), &v, NULL), ND_OK);
    CU_ASSERT_TRUE(isnan(v));
    nd_marray *mk = nd_ma_array(f, cond, .fill_value = &ND_F64(-7.0));
    check_ma("fix_mask", nd_ma_fix_invalid(mk));
    CU_ASSERT_EQUAL(nd_ma_count_masked(mk), 4);
    nd_marray *mi = nd_ma_array(i, NULL);
    check_ma("fix_i", nd_ma_fix_invalid(mi));
    CU_ASSERT_PTR_NULL(nd_ma_fix_invalid(NULL));
    expect_error(ND_EVALUE, "nd_ma_fix_invalid", "NULL");
    nd_ma_free(plain);
    nd_ma_free(mk);
    nd_ma_free(mi);
    nd_free(u8);
    nd_free(f);
    nd_free(i);
    nd_free(cond);
}

/* ---- the base type ---------------------------------------------------------------------- */
static void test_array_masks(void)
{
    nd_array *d = nd_arange(0, 6, 1, ND_FLOAT64), *d23 = nd_reshape(d, ND_SHAPE(2, 3));
    nd_array *row = nd_zeros(ND_SHAPE(3), ND_BOOL);
    nd_set(row, ND_IDX(0), ND_BOOL_S(true));
    nd_set(row, ND_IDX(2), ND_BOOL_S(true));
    nd_marray *m = nd_ma_array(d23, row);
    CU_ASSERT_PTR_NOT_NULL_FATAL(m);
    CU_ASSERT_TRUE(nd_may_share_memory(nd_ma_data(m), d23)); /* a view, as NumPy */
    CU_ASSERT_FALSE(nd_may_share_memory(nd_ma_mask(m), row)); /* the mask is copied */
    check_ma("arr_bcast", m);
    nd_array *t = nd_full(0, NULL, ND_BOOL, ND_BOOL_S(true));
    check_ma("arr_0dmask", nd_ma_array(d23, t));
    nd_marray *c = nd_ma_array(d23, row, .copy = true);
    CU_ASSERT_FALSE(nd_may_share_memory(nd_ma_data(c), d23));
    nd_ma_free(c);
    /* bad masks */
    nd_array *im = nd_zeros(ND_SHAPE(3), ND_INT64);
    CU_ASSERT_PTR_NULL(nd_ma_array(d23, im));
    expect_error(ND_EDTYPE, "mask must be bool, got int64", NULL);
    nd_array *b4 = nd_zeros(ND_SHAPE(4), ND_BOOL);
    CU_ASSERT_PTR_NULL(nd_ma_array(d23, b4));
    expect_error(ND_ESHAPE, "(4,)", "(2, 3)");
    /* a mask of the data's size in another shape is read in C order, as NumPy's */
    nd_array *b6 = nd_zeros(ND_SHAPE(6), ND_BOOL);
    CU_ASSERT_EQUAL(nd_set(b6, ND_IDX(4), ND_BOOL_S(true)), ND_OK);
    nd_marray *r6 = nd_ma_array(d23, b6);
    CU_ASSERT_PTR_NOT_NULL_FATAL(r6);
    CU_ASSERT_TRUE(nd_get_bool(nd_ma_mask(r6), ND_IDX(1, 1)));
    CU_ASSERT_EQUAL(nd_ma_count_masked(r6), 1);
    nd_ma_free(r6);
    nd_free(b6);
    CU_ASSERT_PTR_NULL(nd_ma_array(NULL, b4));
    expect_error(ND_EVALUE, "nd_ma_array", "NULL");
    /* shrink: an all-false mask becomes nomask, a mask with a true element stays */
    nd_array *f6 = nd_zeros(ND_SHAPE(2, 3), ND_BOOL);
    nd_marray *s = nd_ma_array(d23, f6);
    CU_ASSERT_FALSE(nd_ma_is_nomask(s));
    CU_ASSERT_FALSE(nd_ma_is_masked(s));
    CU_ASSERT_EQUAL(nd_ma_shrink_mask(s), ND_OK);
    CU_ASSERT_TRUE(nd_ma_is_nomask(s));
    CU_ASSERT_PTR_NULL(nd_ma_mask(s));
    nd_ma_free(s);
    s = nd_ma_array(d23, row);
    CU_ASSERT_EQUAL(nd_ma_shrink_mask(s), ND_OK);
    CU_ASSERT_FALSE(nd_ma_is_nomask(s));
    CU_ASSERT_TRUE(nd_ma_is_masked(s));
    nd_ma_free(s);
    /* getmask of nomask: NULL and no error */
    s = nd_ma_array(d23, NULL);
    nd_set_error(ND_EINDEX, "a stale error");
    CU_ASSERT_PTR_NULL(nd_ma_getmask(s));
    CU_ASSERT_EQUAL(nd_last_error(), ND_OK);
    nd_ma_free(s);
    nd_free(f6);
    nd_free(b4);
    nd_free(im);
    nd_free(t);
    nd_free(row);
    nd_free(d23);
    nd_free(d);
}

static void test_fill_values(void)
{
    static const nd_dtype dts[] = { ND_BOOL, ND_INT8, ND_INT16, ND_INT32, ND_INT64, ND_UINT8,
                                    ND_UINT16, ND_UINT32, ND_UINT64, ND_FLOAT32, ND_FLOAT64 };
    nd_array *mask = nd_zeros(ND_SHAPE(2), ND_BOOL);
    nd_set(mask, ND_IDX(1), ND_BOOL_S(true));
    for (size_t k = 0; k < sizeof dts / sizeof *dts; k++) {
        char name[64];
        snprintf(name, sizeof name, "dfltv_%s", nd_dtype_name(dts[k]));
        CU_ASSERT_EQUAL(nd_scalar_as_f64(nd_ma_default_fill_value(dts[k])), fx1(name));
        /* filled() casts the default into small integer types as NumPy (999999 → 63) */
        nd_array *d = as(nd_from_i64((const int64_t[]){ 1, 0 }, 2), dts[k]);
        nd_marray *m = nd_ma_array(d, mask);
        snprintf(name, sizeof name, "dflt_%s", nd_dtype_name(dts[k]));
        fixture_check(FX, name, nd_ma_filled(m, NULL));
        nd_ma_free(m);
        nd_free(d);
    }
    nd_scalar z = nd_ma_default_fill_value(ND_COMPLEX64);
    CU_ASSERT_TRUE(z.dtype == ND_COMPLEX128 && z.v.c[0] == 1e20 && z.v.c[1] == 0.0);
    /* fill values that do not fit the dtype */
    nd_array *i = nd_from_i64((const int64_t[]){ 1, 2 }, 2), *i8 = as(nd_ref(i), ND_INT8);
    CU_ASSERT_PTR_NULL(nd_ma_array(i, mask, .fill_value = &ND_F64(1.5)));
    expect_error(ND_EVALUE, "fill value 1.5 does not fit int64", NULL);
    CU_ASSERT_PTR_NULL(nd_ma_array(i8, mask, .fill_value = &ND_I64(300)));
    expect_error(ND_EVALUE, "fill value 300 does not fit int8", NULL);
    CU_ASSERT_PTR_NULL(nd_ma_array(i8, NULL, .fill_value = &ND_C128(1, 0)));
    expect_error(ND_EVALUE, "complex fill value does not fit int8", NULL);
    nd_marray *m = nd_ma_array(i8, mask, .fill_value = &ND_I64(-5));
    CU_ASSERT_PTR_NOT_NULL_FATAL(m);
    CU_ASSERT_EQUAL(nd_ma_fill_value(m).v.i, -5);
    nd_array *fl = nd_ma_filled(m, NULL);
    CU_ASSERT_TRUE(fl && nd_dtype_of(fl) == ND_INT8 && nd_get_f64(fl, ND_IDX(1)) == -5.0);
    nd_free(fl);
    CU_ASSERT_EQUAL(nd_ma_set_fill_value(m, ND_U64(200)), ND_EVALUE);
    CU_ASSERT_EQUAL(nd_ma_fill_value(m).v.i, -5); /* unchanged on failure */
    CU_ASSERT_PTR_NULL(nd_ma_filled(m, &ND_F64(-0.5)));
    expect_error(ND_EVALUE, "nd_ma_filled", "-0.5");
    CU_ASSERT_EQUAL(nd_ma_set_fill_value(m, ND_F64(7.0)), ND_OK); /* an integral float fits */
    CU_ASSERT_EQUAL(nd_ma_fill_value(m).v.i, 7);
    /* a scalar of any dtype (its value in its kind's member), as nd_item gives */
    CU_ASSERT_EQUAL(nd_ma_set_fill_value(m, (nd_scalar){ .dtype = ND_INT16, .v.i = -3 }), ND_OK);
    CU_ASSERT_EQUAL(nd_ma_fill_value(m).v.i, -3);
    CU_ASSERT_EQUAL(nd_ma_set_fill_value(m, (nd_scalar){ .dtype = ND_UINT8, .v.u = 200 }), ND_EVALUE);
    CU_ASSERT_EQUAL(nd_ma_set_fill_value(m, (nd_scalar){ .dtype = ND_FLOAT32, .v.f = 2.0 }), ND_OK);
    CU_ASSERT_EQUAL(nd_ma_fill_value(m).v.i, 2);
    nd_ma_free(m);
    /* a given fill value is stored in the array's precision (NumPy: np.float32(0.1)); the
     * default stays 1e20 (NumPy keeps it a float64) */
    nd_array *f32 = as(nd_ref(i), ND_FLOAT32), *c64 = as(nd_ref(i), ND_COMPLEX64);
    m = nd_ma_array(f32, NULL, .fill_value = &ND_F64(0.1));
    CU_ASSERT_TRUE(m && nd_ma_fill_value(m).v.f == (double)0.1f);
    CU_ASSERT_EQUAL(nd_ma_set_fill_value(m, ND_F64(1e300)), ND_OK);
    CU_ASSERT_TRUE(isinf(nd_ma_fill_value(m).v.f));
    nd_ma_free(m);
    m = nd_ma_array(f32, NULL);
    CU_ASSERT_TRUE(m && nd_ma_fill_value(m).v.f == 1e20);
    nd_ma_free(m);
    m = nd_ma_array(c64, NULL, .fill_value = &ND_C128(0.1, -0.2));
    CU_ASSERT_TRUE(m && nd_ma_fill_value(m).v.c[0] == (double)0.1f && nd_ma_fill_value(m).v.c[1] == (double)-0.2f);
    nd_ma_free(m);
    nd_free(f32);
    nd_free(c64);
    nd_free(i8);
    nd_free(i);
    nd_free(mask);
}

/* in_x (3, 4) with mask in_xm. */
static nd_marray *xm(void)
{
    nd_array *x = in("in_x"), *mk = in("in_xm");
    nd_marray *m = nd_ma_array(x, mk);
    nd_free(x);
    nd_free(mk);
    return m;
}

static void test_getting_data_out(void)
{
    nd_marray *m = xm();
    CU_ASSERT_PTR_NOT_NULL_FATAL(m);
    fixture_check(FX, "count_all", nd_ma_count(m));
    fixture_check(FX, "count_0", nd_ma_count(m, 0));
    fixture_check(FX, "count_1k", nd_ma_count(m, .axis = 1, .keepdims = true));
    CU_ASSERT_EQUAL(nd_ma_count_masked(m), (ptrdiff_t)fx1("count_masked"));
    fixture_check(FX, "compressed", nd_ma_compressed(m));
    nd_marray *t = nd_ma_transpose(m);
    fixture_check(FX, "compressed_t", nd_ma_compressed(t)); /* a non-contiguous view */
    fixture_check(FX, "filled", nd_ma_filled(m, NULL));
    fixture_check(FX, "filled_m5", nd_ma_filled(m, &ND_F64(-5.0)));
    fixture_check(FX, "filled_nan", nd_ma_filled_nan(m));
    /* nomask: everything counts, compressed is the flattened data */
    nd_array *x = in("in_x");
    nd_marray *p = nd_ma_array(x, NULL);
    nd_array *c = nd_ma_count(p);
    CU_ASSERT_TRUE(c && nd_item_i64(c) == 12);
    CU_ASSERT_EQUAL(nd_ma_count_masked(p), 0);
    nd_array *cp = nd_ma_compressed(p);
    CU_ASSERT_TRUE(cp && nd_ndim(cp) == 1 && nd_size(cp) == 12);
    nd_array *bad = nd_ma_count(m, 2);
    CU_ASSERT_PTR_NULL(bad);
    CU_ASSERT_EQUAL(nd_last_error(), ND_EAXIS);
    nd_free(cp);
    nd_free(c);
    nd_ma_free(p);
    nd_free(x);
    nd_ma_free(t);
    nd_ma_free(m);
}

static void test_views_share(void)
{
    nd_marray *m = xm();
    CU_ASSERT_PTR_NOT_NULL_FATAL(m);
    check_ma("view", nd_ma_view(m, "1:3, ::2"));
    check_ma("transpose", nd_ma_transpose(m));
    check_ma("ravel", nd_ma_ravel(m));
    check_ma("reshape", nd_ma_reshape(m, ND_SHAPE(2, 6)));
    nd_marray *flat = nd_ma_ravel(m);
    nd_array *idx = nd_from_i64((const int64_t[]){ 11, 0, 5, 1 }, 4);
    check_ma("take", nd_ma_take(flat, idx));
    nd_array *r = nd_arange(0, 12, 1, ND_INT64), *sel = nd_remainder(r, 3),
             *keep = nd_equal(sel, 0);
    check_ma("take_bool", nd_ma_take(flat, keep));
    /* a copy (selection) does not write back */
    nd_marray *tk = nd_ma_take(flat, idx);
    CU_ASSERT_EQUAL(nd_ma_set_f64(tk, ND_IDX(1), 42.0), ND_OK);
    double v;
    nd_ma_get_f64(m, ND_IDX(0, 0), &v, NULL);
    CU_ASSERT_EQUAL(v, 0.0);
    /* writes through a view reach the parent's data and mask */
    nd_marray *s = nd_ma_copy(m), *w = nd_ma_view(s, "1:3, ::2");
    CU_ASSERT_EQUAL(nd_ma_set_masked(w, ND_IDX(0, 1)), ND_OK);
    CU_ASSERT_EQUAL(nd_ma_set_f64(w, ND_IDX(1, 0), 99.0), ND_OK);
    nd_ma_free(w); /* the parent keeps what the view wrote */
    check_ma("viewset", s); /* frees s */
    /* bad views */
    CU_ASSERT_PTR_NULL(nd_ma_view(m, "5"));
    CU_ASSERT_EQUAL(nd_last_error(), ND_EINDEX);
    CU_ASSERT_PTR_NULL(nd_ma_view(m, NULL));
    expect_error(ND_EVALUE, "nd_ma_view", "NULL");
    CU_ASSERT_PTR_NULL(nd_ma_reshape(m, ND_SHAPE(5)));
    CU_ASSERT_TRUE(nd_last_error() < 0);
    CU_ASSERT_PTR_NULL(nd_ma_take(m, NULL));
    expect_error(ND_EVALUE, "nd_ma_take", "NULL");
    /* a view of nomask gets its own mask when an element is masked, as NumPy */
    nd_array *x = in("in_x");
    nd_marray *p = nd_ma_array(x, NULL), *pv = nd_ma_view(p, "0");
    CU_ASSERT_EQUAL(nd_ma_set_masked(pv, ND_IDX(1)), ND_OK);
    CU_ASSERT_TRUE(nd_ma_is_nomask(p));
    CU_ASSERT_EQUAL(nd_ma_count_masked(pv), 1);
    CU_ASSERT_EQUAL(nd_ma_set_masked(pv, ND_IDX(9)), ND_EINDEX);
    nd_ma_free(pv);
    nd_ma_free(p);
    nd_free(x);
    nd_ma_free(tk);
    nd_free(r);
    nd_free(sel);
    nd_free(keep);
    nd_free(idx);
    nd_ma_free(flat);
    nd_ma_free(m);
}

static void test_hard_mask(void)
{
    nd_array *x = in("in_x"), *mk = in("in_xm"), *xc = nd_copy(x, ND_ORDER_C);
    nd_marray *h = nd_ma_array(xc, mk, .hard_mask = true);
    CU_ASSERT_TRUE(nd_ma_is_hard_mask(h));
    CU_ASSERT_EQUAL(nd_ma_set_f64(h, ND_IDX(0, 1), 50.0), ND_OK); /* stays masked, data kept */
    CU_ASSERT_EQUAL(nd_ma_set_f64(h, ND_IDX(0, 0), 60.0), ND_OK);
    check_ma("hard", nd_ma_ref(h));
    nd_ma_soften_mask(h);
    CU_ASSERT_FALSE(nd_ma_is_hard_mask(h));
    CU_ASSERT_EQUAL(nd_ma_set_f64(h, ND_IDX(0, 1), 50.0), ND_OK);
    double v;
    bool masked;
    CU_ASSERT_EQUAL(nd_ma_get_f64(h, ND_IDX(0, 1), &v, &masked), ND_OK);
    CU_ASSERT_TRUE(v == 50.0 && !masked);
    nd_ma_harden_mask(h);
    CU_ASSERT_TRUE(nd_ma_is_hard_mask(h));
    CU_ASSERT_EQUAL(nd_ma_set_f64(h, ND_IDX(7, 0), 1.0), ND_EINDEX);
    nd_ma_free(h);
    nd_free(xc);
    nd_free(x);
    nd_free(mk);
}

/* ---- genfromtxt(usemask=True) ------------------------------------------------------------ */
/* The text of txt_<name> (its '|' are line ends); free it. */
static char *text(const char *name)
{
    char n[64];
    snprintf(n, sizeof n, "txt_%s", name);
    char *line = fixture_line(FX, n);
    CU_ASSERT_PTR_NOT_NULL_FATAL(line);
    char *t = strdup(line + strlen(n) + 1);
    free(line);
    for (char *p = t; *p; p++)
        if (*p == '|') *p = '\n';
        else if (*p == '\n') *p = '\0';
    return t;
}

static void gft(const char *name, const nd_csv_opts *o)
{
    char *t = text(name), fx[64];
    nd_csv_opts opts = *o;
    opts.delimiter = ',';
    snprintf(fx, sizeof fx, "gft_%s", name);
    check_ma_(fx, nd_ma_genfromtxt_buffer(t, strlen(t), &opts), true);
    free(t);
}

static void test_genfromtxt(void)
{
    const char *na[] = { "NA" }, *tokens[] = { "NA", "-999" };
    gft("header", &(nd_csv_opts){ 0 });
    gft("tokens", &(nd_csv_opts){ .missing_values = tokens, .nmissing_values = 2 });
    gft("allmissing", &(nd_csv_opts){ 0 });
    gft("filling", &(nd_csv_opts){ .filling_value = &(double){ -1.0 } });
    gft("onecol", &(nd_csv_opts){ .missing_values = na, .nmissing_values = 1 });
    gft("unparsable", &(nd_csv_opts){ .missing_values = na, .nmissing_values = 1 });
    gft("nomissing", &(nd_csv_opts){ 0 });
    gft("ragged", &(nd_csv_opts){ .ragged_fill = true });
    /* from a file, with .stats */
    char *t = text("tokens");
    FILE *f = fopen(tmp("tokens.csv"), "w");
    CU_ASSERT_PTR_NOT_NULL_FATAL(f);
    fputs(t, f);
    fclose(f);
    free(t);
    nd_csv_stats st = { 0 };
    check_ma_("gft_tokens", nd_ma_genfromtxt(tmp("tokens.csv"), .missing_values = tokens,
                                              .nmissing_values = 2, .stats = &st), true);
    /* under the mask is the filling value (NumPy keeps a numeric token's own value) */
    nd_marray *fm = nd_ma_genfromtxt_buffer("1,-999\n", 7, &(nd_csv_opts){
        .missing_values = tokens, .nmissing_values = 2, .filling_value = &(double){ -1.0 } });
    double v = 0;
    bool masked = false;
    CU_ASSERT_TRUE(fm && nd_ma_get_f64(fm, ND_IDX(1), &v, &masked) == ND_OK && v == -1.0 && masked);
    nd_ma_free(fm);
    CU_ASSERT_EQUAL(st.nmissing, 3);
    CU_ASSERT_EQUAL(st.first_missing_line, 1);
    /* errors: the reader's, NULL path or data */
    CU_ASSERT_PTR_NULL(nd_ma_genfromtxt(tmp("absent.csv")));
    expect_error(ND_EIO, "absent.csv", NULL);
    CU_ASSERT_PTR_NULL(nd_ma_genfromtxt_(NULL));
    expect_error(ND_EVALUE, "nd_ma_genfromtxt", "NULL");
    CU_ASSERT_PTR_NULL(nd_ma_genfromtxt_buffer(NULL, 3, NULL));
    expect_error(ND_EVALUE, "nd_ma_genfromtxt_buffer", "NULL");
    CU_ASSERT_PTR_NULL(nd_ma_genfromtxt_buffer("1,2\n3\n", 6, NULL));
    expect_error(ND_EPARSE, "line 2", "expected 2 fields, found 1");
    CU_ASSERT_PTR_NULL(nd_ma_genfromtxt_buffer("", 0, NULL));
    expect_error(ND_EPARSE, "empty", NULL);
}

/* The reader's .missing output directly: genfromtxt's filled cells, none for loadtxt,
 * NULL on failure. */
static void test_reader_missing_output(void)
{
    static const char csv[] = "x,y\n1,\n,4\n5,6\n";
    nd_array *miss = NULL;
    nd_array *a = nd_genfromtxt_buffer(csv, sizeof csv - 1, &(nd_csv_opts){ .missing = &miss });
    CU_ASSERT_TRUE(a && miss && nd_dtype_of(miss) == ND_BOOL && nd_ndim(miss) == 2);
    nd_array *want = nd_isnan(a);
    CU_ASSERT_TRUE(fixture_same("missing", want, miss, 0.0, true));
    nd_free(want);
    nd_free(miss);
    nd_free(a);
    /* squeezed like the result: one column gives a 1-D mask */
    miss = NULL;
    a = nd_genfromtxt_buffer("1\n\n2\nNA\n", 8, &(nd_csv_opts){ .missing = &miss });
    CU_ASSERT_TRUE(a && miss && nd_ndim(miss) == 1 && nd_size(miss) == 3);
    CU_ASSERT_TRUE(miss && nd_get_bool(miss, ND_IDX(2)) && !nd_get_bool(miss, ND_IDX(1)));
    nd_free(miss);
    nd_free(a);
    miss = NULL;
    a = nd_loadtxt_buffer("1 2\n3 4\n", 8, &(nd_csv_opts){ .missing = &miss });
    nd_array *any = miss ? nd_any(miss) : NULL;
    CU_ASSERT_TRUE(a && any && !nd_item_bool(any));
    nd_free(any);
    nd_free(miss);
    nd_free(a);
    miss = (nd_array *)1;
    a = nd_loadtxt_buffer("1 2\n3 x\n", 8, &(nd_csv_opts){ .missing = &miss });
    CU_ASSERT_PTR_NULL(a);
    CU_ASSERT_PTR_NULL(miss);
    /* many rows: the flags grow with the values */
    size_t n = 0, cap = 40000 * 16;
    char *big = malloc(cap);
    for (int r = 0; r < 40000; r++) n += (size_t)sprintf(big + n, r % 7 ? "%d,%d\n" : "%d,\n", r, r);
    miss = NULL;
    a = nd_genfromtxt_buffer(big, n, &(nd_csv_opts){ .missing = &miss });
    nd_array *cnt = miss ? nd_count_nonzero(miss) : NULL;
    CU_ASSERT_TRUE(a && cnt && nd_item_i64(cnt) == (40000 + 6) / 7);
    nd_free(cnt);
    nd_free(miss);
    nd_free(a);
    free(big);
}

/* ---- .npz ----------------------------------------------------------------------------------- */
static void test_save_load(void)
{
    nd_array *i = in("in_i"), *i32 = as(nd_ref(i), ND_INT32), *mk = nd_not_equal(i, 2);
    nd_array *v = nd_view(i32, ":, ::2"), *mv = nd_view(mk, ":, ::2");
    nd_marray *m = nd_ma_array(v, mv, .fill_value = &ND_I64(-1), .hard_mask = true);
    CU_ASSERT_EQUAL_FATAL(nd_ma_save(tmp("m.npz"), m), ND_OK);
    /* the layout NumPy reads back: data, mask (bool), fill_value (0-d, data's dtype) */
    nd_npz *z = nd_npz_open(tmp("m.npz"));
    CU_ASSERT_PTR_NOT_NULL_FATAL(z);
    CU_ASSERT_EQUAL(nd_npz_count(z), 3);
    nd_array *fv = nd_npz_get(z, "fill_value"), *fm = nd_npz_get(z, "mask");
    CU_ASSERT_TRUE(fv && nd_ndim(fv) == 0 && nd_dtype_of(fv) == ND_INT32 && nd_item_i64(fv) == -1);
    CU_ASSERT_TRUE(fm && nd_dtype_of(fm) == ND_BOOL && nd_ndim(fm) == 2);
    nd_free(fv);
    nd_free(fm);
    nd_npz_close(z);
    nd_marray *r = nd_ma_load(tmp("m.npz"));
    if (!r) printf("\n  nd_ma_load: %s\n", nd_errmsg());
    CU_ASSERT_PTR_NOT_NULL_FATAL(r);
    CU_ASSERT_TRUE(fixture_same("load_data", nd_ma_data(m), nd_ma_data(r), 0.0, true));
    CU_ASSERT_TRUE(fixture_same("load_mask", nd_ma_mask(m), nd_ma_mask(r), 0.0, true));
    CU_ASSERT_EQUAL(nd_ma_fill_value(r).v.i, -1);
    nd_ma_free(r);
    /* nomask is saved as an all-false mask, which loads as a full mask */
    nd_marray *p = nd_ma_array(i, NULL);
    CU_ASSERT_EQUAL(nd_ma_save(tmp("p.npz"), p), ND_OK);
    r = nd_ma_load(tmp("p.npz"));
    CU_ASSERT_TRUE(r && !nd_ma_is_nomask(r) && !nd_ma_is_masked(r));
    CU_ASSERT_EQUAL(nd_scalar_as_f64(nd_ma_fill_value(r)), 999999.0);
    nd_ma_free(r);
    /* archives that are not masked arrays */
    const nd_array *three[3] = { i, mk, NULL };
    nd_array *f15 = nd_full(0, NULL, ND_FLOAT64, ND_F64(1.5)), *two = nd_zeros(ND_SHAPE(2), ND_INT64);
    nd_array *b3 = nd_zeros(ND_SHAPE(3), ND_BOOL);
    const char *names[3] = { "data", "mask", "fill_value" }, *nofill[2] = { "data", "mask" };
    load_rejects(2, nofill, three, ND_EVALUE, "no member 'fill_value'", "bad.npz");
    three[2] = f15;
    load_rejects(3, names, three, ND_EVALUE, "fill value 1.5 does not fit int64", NULL);
    three[2] = two;
    load_rejects(3, names, three, ND_EVALUE, "'fill_value' must hold one value", NULL);
    three[1] = i;
    load_rejects(3, names, three, ND_EDTYPE, "'mask' must be bool, got int64", NULL);
    three[1] = b3;
    load_rejects(3, names, three, ND_EVALUE, "'mask' has shape (3,), 'data' has (2, 5)", NULL);
    CU_ASSERT_PTR_NULL(nd_ma_load(tmp("absent.npz")));
    CU_ASSERT_EQUAL(nd_last_error(), ND_EIO);
    CU_ASSERT_PTR_NULL(nd_ma_load(NULL));
    expect_error(ND_EVALUE, "nd_ma_load", "NULL");
    CU_ASSERT_EQUAL(nd_ma_save(NULL, m), ND_EVALUE);
    CU_ASSERT_EQUAL(nd_ma_save(tmp("q.npz"), NULL), ND_EVALUE);
    /* a failed write (the target is a directory) reports ND_EIO */
    CU_ASSERT_EQUAL(nd_ma_save(tmpdir, m), ND_EIO);
    nd_free(b3);
    nd_free(two);
    nd_free(f15);
    nd_ma_free(p);
    nd_ma_free(m);
    nd_free(v);
    nd_free(mv);
    nd_free(mk);
    nd_free(i32);
    nd_free(i);
}

/* Archives NumPy wrote (hex in the fixture) load as NumPy reads them back. */
static void test_load_numpy_archives(void)
{
    static const char *const names[] = { "npz_int8", "npz_f32", "npz_nomask" };
    for (int k = 0; k < 3; k++) {
        char *line = fixture_line(FX, names[k]);
        CU_ASSERT_PTR_NOT_NULL_FATAL(line);
        const char *hex = line + strlen(names[k]) + 1;
        FILE *f = fopen(tmp("np.npz"), "wb");
        CU_ASSERT_PTR_NOT_NULL_FATAL(f);
        for (const char *h = hex; h[0] && h[1] && h[0] != '\n'; h += 2) {
            unsigned byte;
            sscanf(h, "%2x", &byte);
            fputc((int)byte, f);
        }
        fclose(f);
        free(line);
        nd_marray *m = nd_ma_load(tmp("np.npz"));
        if (!m) printf("\n  %s: %s\n", names[k], nd_errmsg());
        /* int8's default 999999 loads cast (63), as NumPy reads it back */
        check_ma(names[k], m);
    }
}

/* ---- allocation failures ------------------------------------------------------------------ */
typedef struct fs_ctx {
    nd_array *f, *cond;
    nd_marray *a, *b;
    int calls;
} fs_ctx;

/* Each maker in turn, stopping at the first failure (a later success may clear the
 * error state when it returns nomask). */
static nd_status fs_make(void *p)
{
    fs_ctx *c = p;
    nd_status st = ND_OK;
    for (int k = 0; k < 7 && st == ND_OK; k++) {
        nd_marray *r = NULL;
        nd_array *mk = NULL;
        switch (k) {
        case 0: r = nd_ma_masked_where(c->cond, c->f); break;
        case 1: r = nd_ma_masked_invalid(c->f); break;
        case 2: r = nd_ma_masked_inside(c->f, 0, 2); break;
        case 3: r = nd_ma_masked_values(c->f, 1.5, 1e-5, 1e-8, true); break;
        case 4: r = nd_ma_fix_invalid(c->a); break;
        case 5: r = nd_ma_masked_equal(c->f, 3.0); break;
        default: mk = nd_ma_mask_or(c->cond, c->cond, true); break;
        }
        if (!r && !mk) st = nd_last_error();
        nd_ma_free(r);
        nd_free(mk);
    }
    return st;
}

/* The bytes of path (malloc'd, *n), or NULL. */
static char *slurp(const char *path, size_t *n)
{
    FILE *f = fopen(path, "rb");
    if (!f) return NULL;
    char *buf = malloc(1 << 16);
    *n = fread(buf, 1, 1 << 16, f);
    fclose(f);
    return buf;
}

/* Saves a and b in turn over the same file: a failed save must leave the bytes there. */
static nd_status fs_save(void *p)
{
    fs_ctx *c = p;
    size_t n0 = 0, n1 = 0;
    char *before = slurp(tmp("fs.npz"), &n0);
    nd_status st = nd_ma_save(tmp("fs.npz"), c->calls++ % 2 ? c->a : c->b);
    if (st < 0) {
        char *after = slurp(tmp("fs.npz"), &n1);
        if (!after || n0 != n1 || memcmp(before, after, n0) != 0) st = ND_EVALUE;
        free(after);
    } else {
        nd_marray *r = nd_ma_load(tmp("fs.npz"));
        st = r ? ND_OK : nd_last_error();
        nd_ma_free(r);
    }
    free(before);
    return st;
}

static nd_status fs_gft(void *p)
{
    (void)p;
    static const char csv[] = "a,b\n1,NA\n,4\n";
    nd_marray *m = nd_ma_genfromtxt_buffer(csv, sizeof csv - 1, NULL);
    nd_status st = m ? ND_OK : nd_last_error();
    ptrdiff_t n = m ? nd_ma_count_masked(m) : 2;
    if (n < 0) st = nd_last_error();
    else if (n != 2) st = ND_EVALUE;
    nd_ma_free(m);
    return st;
}

static void test_allocation_failures(void)
{
    fs_ctx c = { in("in_f"), in("in_cond"), NULL, NULL, 0 };
    c.a = nd_ma_array(c.f, c.cond);
    c.b = nd_ma_masked_invalid(c.f);
    CU_ASSERT_EQUAL_FATAL(nd_ma_save(tmp("fs.npz"), c.a), ND_OK);
    faultsim_report r = faultsim_run("ma_make", fs_make, &c);
    if (!r.ok) printf("\n  %s\n", r.why);
    CU_ASSERT_TRUE(r.ok);
    r = faultsim_run("ma_save", fs_save, &c);
    if (!r.ok) printf("\n  %s\n", r.why);
    CU_ASSERT_TRUE(r.ok);
    r = faultsim_run("ma_genfromtxt", fs_gft, NULL);
    if (!r.ok) printf("\n  %s\n", r.why);
    CU_ASSERT_TRUE(r.ok);
    nd_ma_free(c.a);
    nd_ma_free(c.b);
    nd_free(c.f);
    nd_free(c.cond);
}

static const ND_TEST tests[] = {
    ND_T(test_make_mask),
    ND_T(test_mask_or),
    ND_T(test_masked_where),
    ND_T(test_masked_invalid),
    ND_T(test_masked_comparisons),
    ND_T(test_masked_values),
    ND_T(test_masked_all_and_fix_invalid),
    ND_T(test_array_masks),
    ND_T(test_fill_values),
    ND_T(test_getting_data_out),
    ND_T(test_views_share),
    ND_T(test_hard_mask),
    ND_T(test_genfromtxt),
    ND_T(test_reader_missing_output),
    ND_T(test_save_load),
    ND_T(test_load_numpy_archives),
    ND_T(test_allocation_failures),
    { 0 },
};
ND_TEST_MAIN_WITH("ma_core", tests, setup, teardown)
