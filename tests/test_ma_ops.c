/* numpy.ma's operations in numc: masked ufuncs (domains, union of masks with broadcasting
 * and scalars, data under the mask, nomask in and out, int / float / bool dtypes, the
 * fused float64 path against the general one), reductions over every axis choice with
 * keepdims and all-masked slices, ddof, argmin / argmax, cumsum / cumprod, median,
 * average with weights, cov and corrcoef with masked observations, against NumPy fixtures
 * (scripts/gen_ma_ops_fixtures.py → tests/data/ma/ops.txt); bad input. */
#define _GNU_SOURCE
#include <numc/ma.h>
#include <numc/manip.h>

#include "faultsim.h"

#define MA_FX NUMC_TEST_DATA "/ma/ops.txt"
/* Transcendental functions may differ from NumPy's SIMD ones in the last bits. */
#define MA_RTOL 1e-14
#include "ma_fixture.h"

static nd_ufunc uf(const char *name)
{
    for (int f = 0; f < ND_UF_COUNT; f++)
        if (!strcmp(nd_ufunc_name((nd_ufunc)f), name)) return (nd_ufunc)f;
    printf("\nno ufunc %s\n", name);
    CU_FAIL_FATAL("ufunc name");
    return ND_UF_ADD;
}

static nd_marray *un(nd_ufunc f, nd_ma_operand a)
{
    return nd_ma_ufunc_(f, 1, (const nd_ma_operand[]){ a }, NULL);
}
static nd_marray *bin(nd_ufunc f, nd_ma_operand a, nd_ma_operand b)
{
    return nd_ma_ufunc_(f, 2, (const nd_ma_operand[]){ a, b }, NULL);
}

/* ---- ufuncs ----------------------------------------------------------------------------- */
static void test_unary_domains(void)
{
    static const char *names[] = { "log", "log2", "log10", "sqrt", "arcsin", "arccos", "arccosh",
                                   "arctanh", "tan", "exp", "sin", "absolute", "negative", "floor",
                                   "log1p", "reciprocal", "square", "sign" };
    nd_marray *f = min_("f"), *ft = nd_ma_transpose(f);
    char n[64];
    for (size_t k = 0; k < sizeof names / sizeof *names; k++) {
        snprintf(n, sizeof n, "u_%s_f", names[k]);
        check(n, un(uf(names[k]), nd_ma_op_ma(f)));          /* contiguous: the fused path */
        snprintf(n, sizeof n, "u_%s_fT", names[k]);
        check(n, un(uf(names[k]), nd_ma_op_ma(ft)));         /* a transposed view: general */
    }
    nd_ma_free(f);
    nd_ma_free(ft);
}

static void test_unary_more(void)
{
    nd_marray *f32 = min_("f32"), *fn = min_("fnomask"), *fnan = min_("fnan"), *i = min_("i"),
              *b = min_("b");
    check_("u_log_f32", nd_ma_log(f32), true, 1e-6);
    check("u_log_nomask", nd_ma_log(fn));   /* a domain gives a mask even for nomask input */
    check("u_exp_nomask", nd_ma_exp(fn));   /* nomask in, nomask out */
    check("u_log_fnan", nd_ma_log(fnan));   /* NaN and inf results are masked */
    check("u_sqrt_fnan", nd_ma_sqrt(fnan));
    check("u_negative_i", nd_ma_negative(i));
    check("u_absolute_i", nd_ma_absolute(i));
    check("u_sqrt_i", nd_ma_sqrt(i));
    check("u_logical_not_b", nd_ma_unary(ND_UF_LOGICAL_NOT, b));
    nd_ma_free(f32);
    nd_ma_free(fn);
    nd_ma_free(fnan);
    nd_ma_free(i);
    nd_ma_free(b);
}

static void test_binary_float(void)
{
    static const char *names[] = { "add", "subtract", "multiply", "divide", "floor_divide",
                                   "remainder", "fmod", "power", "maximum", "minimum", "equal",
                                   "less", "greater_equal", "hypot", "arctan2" };
    nd_marray *f = min_("f"), *g = min_("g"), *row = min_("row");
    nd_marray *ft = nd_ma_transpose(f), *gt = nd_ma_transpose(g);
    char n[64];
    for (size_t k = 0; k < sizeof names / sizeof *names; k++) {
        nd_ufunc u = uf(names[k]);
        snprintf(n, sizeof n, "u_%s_fg", names[k]);
        check(n, bin(u, nd_ma_op_ma(f), nd_ma_op_ma(g)));
        snprintf(n, sizeof n, "u_%s_fgT", names[k]);
        check(n, bin(u, nd_ma_op_ma(ft), nd_ma_op_ma(gt)));
        snprintf(n, sizeof n, "u_%s_frow", names[k]);        /* (3, 4) with (4,): broadcast */
        check(n, bin(u, nd_ma_op_ma(f), nd_ma_op_ma(row)));
        snprintf(n, sizeof n, "u_%s_sf", names[k]);          /* scalar first */
        check(n, bin(u, ND_MA_OPERAND(2.5), nd_ma_op_ma(f)));
        snprintf(n, sizeof n, "u_%s_fs", names[k]);          /* scalar 0 second */
        check(n, bin(u, nd_ma_op_ma(f), ND_MA_OPERAND(0.0)));
    }
    nd_ma_free(f);
    nd_ma_free(g);
    nd_ma_free(row);
    nd_ma_free(ft);
    nd_ma_free(gt);
}

static void test_binary_more(void)
{
    nd_marray *f = min_("f"), *g = min_("g"), *fn = min_("fnomask"), *i = min_("i"), *j = min_("j"),
              *b = min_("b"), *c = min_("c"), *lo = min_("lo");
    nd_array *plain = in("in_plain");
    CU_ASSERT_PTR_NOT_NULL_FATAL(plain);
    check("u_add_fplain", nd_ma_add(f, plain));
    check("u_add_nomask", nd_ma_add(fn, plain));
    check("u_divide_nomask", nd_ma_divide(fn, plain));
    /* a fill value set on the first masked operand carries over */
    nd_marray *ff = nd_ma_copy(f);
    CU_ASSERT_EQUAL(nd_ma_set_fill_value(ff, ND_F64(-5.0)), ND_OK);
    check("u_add_ffill", nd_ma_add(ff, g));
    check("u_equal_ffill", nd_ma_equal(ff, g));
    check("u_log_ffill", nd_ma_log(ff));
    check("u_power_ffill", nd_ma_power(ff, 0.5));
    static const char *inames[] = { "add", "subtract", "multiply", "divide", "floor_divide",
                                    "remainder", "fmod", "maximum", "minimum", "equal", "less",
                                    "bitwise_and", "bitwise_or", "bitwise_xor" };
    char n[64];
    for (size_t k = 0; k < sizeof inames / sizeof *inames; k++) {
        snprintf(n, sizeof n, "u_%s_ij", inames[k]);
        check(n, bin(uf(inames[k]), nd_ma_op_ma(i), nd_ma_op_ma(j)));
    }
    nd_marray *i8 = nd_ma_binary(ND_UF_REMAINDER, i, 8);
    check("u_left_shift_ij", nd_ma_binary(ND_UF_LEFT_SHIFT, i8, 2));
    check("u_right_shift_ij", nd_ma_binary(ND_UF_RIGHT_SHIFT, i8, 1));
    nd_ma_free(i8);
    static const char *bnames[] = { "logical_and", "logical_or", "logical_xor", "equal", "bitwise_and" };
    for (size_t k = 0; k < sizeof bnames / sizeof *bnames; k++) {
        snprintf(n, sizeof n, "u_%s_bc", bnames[k]);
        check(n, bin(uf(bnames[k]), nd_ma_op_ma(b), nd_ma_op_ma(c)));
    }
    check("u_add_bc", nd_ma_add(b, c));
    check("u_add_fi", nd_ma_add(f, i));
    check("u_divide_if", nd_ma_divide(i, f));
    /* clip: nin 3, the lower bound masked array, the upper a scalar */
    check("u_clip_f", nd_ma_ufunc_(ND_UF_CLIP, 3,
                                   (const nd_ma_operand[]){ ND_MA_OPERAND(f), ND_MA_OPERAND(lo),
                                                            ND_MA_OPERAND(2.0) }, NULL));
    nd_free(plain);
    nd_ma_free(ff);
    nd_ma_free(f);
    nd_ma_free(g);
    nd_ma_free(fn);
    nd_ma_free(i);
    nd_ma_free(j);
    nd_ma_free(b);
    nd_ma_free(c);
    nd_ma_free(lo);
}

static unsigned warnings_seen;
static void count_warning(const char *msg, unsigned bits, void *ctx)
{
    (void)msg, (void)bits, (void)ctx;
    warnings_seen++;
}

/* The fused float64 path over several worker-pool chunks against the definition, with no
 * floating-point warning, and the caller's error state restored. */
static void test_fused_large(void)
{
    const ptrdiff_t n = 300001;
    nd_array *x = nd_empty(1, &n, ND_FLOAT64), *k = nd_empty(1, &n, ND_BOOL);
    CU_ASSERT_PTR_NOT_NULL_FATAL(k);
    double *xd = nd_data(x);
    bool *kd = nd_data(k);
    for (ptrdiff_t i = 0; i < n; i++) {
        xd[i] = (double)(i % 97) - 10.0; /* zeros and negatives: out of log's domain */
        kd[i] = i % 10 == 3;
    }
    nd_marray *m = nd_ma_array(x, k);
    void *ctx;
    nd_errcall_fn old_fn = nd_geterrcall(&ctx);
    nd_seterrcall(count_warning, NULL);
    warnings_seen = 0;
    nd_errstate before = nd_geterr();
    nd_marray *r = nd_ma_log(m), *q = nd_ma_divide(1.0, m);
    nd_errstate after = nd_geterr();
    nd_seterrcall(old_fn, ctx);
    CU_ASSERT_EQUAL(warnings_seen, 0);
    CU_ASSERT_EQUAL(before.divide, after.divide);
    CU_ASSERT_EQUAL(before.invalid, after.invalid);
    CU_ASSERT_PTR_NOT_NULL_FATAL(r);
    CU_ASSERT_PTR_NOT_NULL_FATAL(q);
    const double *rd = nd_data(nd_ma_data(r)), *qd = nd_data(nd_ma_data(q));
    const bool *rk = nd_data(nd_ma_mask(r)), *qk = nd_data(nd_ma_mask(q));
    int bad = 0;
    for (ptrdiff_t i = 0; i < n; i++) {
        bool want = kd[i] || xd[i] <= 0.0;
        double v = want ? xd[i] : log(xd[i]);
        if (rk[i] != want || fabs(rd[i] - v) > 1e-15 * fabs(v)) bad++;
        bool qwant = kd[i] || xd[i] == 0.0; /* |1| * tiny >= |x| only for 0 here */
        if (qk[i] != qwant || (!qwant && qd[i] != 1.0 / xd[i]) || (qwant && qd[i] != 1.0)) bad++;
    }
    CU_ASSERT_EQUAL(bad, 0);
    nd_ma_free(r);
    nd_ma_free(q);
    nd_ma_free(m);
    nd_free(x);
    nd_free(k);
}

/* The fused path (contiguous float64, several pool chunks) against the general one (the
 * same values through a strided view) for every fused kind: plain, unary domains, the
 * division domain, scalars on either side. */
static void test_fused_vs_general(void)
{
    const ptrdiff_t n = 200003;
    const ptrdiff_t shape[2] = { n, 2 };
    nd_array *x2 = nd_empty(2, shape, ND_FLOAT64), *k2 = nd_empty(2, shape, ND_BOOL);
    CU_ASSERT_PTR_NOT_NULL_FATAL(k2);
    double *xd = nd_data(x2);
    bool *kd = nd_data(k2);
    for (ptrdiff_t i = 0; i < 2 * n; i++) {
        xd[i] = sin((double)i * 0.37) * (i % 5 == 0 ? 3.0 : 1.0); /* some outside [-1, 1] */
        if (i % 17 == 0) xd[i] = 0.0;
        kd[i] = i % 7 == 2;
    }
    nd_marray *both = nd_ma_array(x2, k2);
    nd_marray *strided = nd_ma_view(both, ":, 0"), *other = nd_ma_view(both, ":, 1");
    nd_marray *contig = nd_ma_copy(strided), *ocontig = nd_ma_copy(other);
    CU_ASSERT_PTR_NOT_NULL_FATAL(ocontig);
    CU_ASSERT_TRUE(nd_is_c_contiguous(nd_ma_data(contig)));
    CU_ASSERT_FALSE(nd_is_c_contiguous(nd_ma_data(strided)));
    static const nd_ufunc un_fs[] = { ND_UF_LOG, ND_UF_LOG10, ND_UF_SQRT, ND_UF_ARCSIN, ND_UF_ARCCOS,
                                      ND_UF_ARCCOSH, ND_UF_ARCTANH, ND_UF_EXP, ND_UF_NEGATIVE };
    static const nd_ufunc bin_fs[] = { ND_UF_DIVIDE, ND_UF_REMAINDER, ND_UF_FMOD, ND_UF_FLOOR_DIVIDE,
                                       ND_UF_ADD, ND_UF_MULTIPLY, ND_UF_HYPOT };
    char name[64];
    for (size_t k = 0; k < sizeof un_fs / sizeof *un_fs; k++) {
        nd_marray *a = un(un_fs[k], nd_ma_op_ma(contig)), *b = un(un_fs[k], nd_ma_op_ma(strided));
        CU_ASSERT_PTR_NOT_NULL_FATAL(a);
        CU_ASSERT_PTR_NOT_NULL_FATAL(b);
        nd_array *ka = nd_ma_getmaskarray(a), *kb = nd_ma_getmaskarray(b);
        snprintf(name, sizeof name, "fused %s mask", nd_ufunc_name(un_fs[k]));
        CU_ASSERT_TRUE(same_values(name, kb, ka, NULL, true, 0.0));
        snprintf(name, sizeof name, "fused %s data", nd_ufunc_name(un_fs[k]));
        CU_ASSERT_TRUE(same_values(name, nd_ma_data(b), nd_ma_data(a), kb, true, 1e-15));
        nd_free(ka);
        nd_free(kb);
        nd_ma_free(a);
        nd_ma_free(b);
    }
    for (size_t k = 0; k < sizeof bin_fs / sizeof *bin_fs; k++) {
        for (int form = 0; form < 3; form++) { /* array/array, array/scalar 0, scalar/array */
            nd_ma_operand a0 = form == 2 ? ND_MA_OPERAND(1.5) : nd_ma_op_ma(contig);
            nd_ma_operand a1 = form == 1 ? ND_MA_OPERAND(0.0) : nd_ma_op_ma(ocontig);
            nd_ma_operand b0 = form == 2 ? ND_MA_OPERAND(1.5) : nd_ma_op_ma(strided);
            nd_ma_operand b1 = form == 1 ? ND_MA_OPERAND(0.0) : nd_ma_op_ma(other);
            nd_marray *a = bin(bin_fs[k], a0, a1), *b = bin(bin_fs[k], b0, b1);
            CU_ASSERT_PTR_NOT_NULL_FATAL(a);
            CU_ASSERT_PTR_NOT_NULL_FATAL(b);
            nd_array *ka = nd_ma_getmaskarray(a), *kb = nd_ma_getmaskarray(b);
            snprintf(name, sizeof name, "fused %s form %d mask", nd_ufunc_name(bin_fs[k]), form);
            CU_ASSERT_TRUE(same_values(name, kb, ka, NULL, true, 0.0));
            snprintf(name, sizeof name, "fused %s form %d data", nd_ufunc_name(bin_fs[k]), form);
            CU_ASSERT_TRUE(same_values(name, nd_ma_data(b), nd_ma_data(a), kb, true, 1e-15));
            nd_free(ka);
            nd_free(kb);
            nd_ma_free(a);
            nd_ma_free(b);
        }
    }
    nd_ma_free(both);
    nd_ma_free(strided);
    nd_ma_free(other);
    nd_ma_free(contig);
    nd_ma_free(ocontig);
    nd_free(x2);
    nd_free(k2);
}

static void test_ufunc_errors(void)
{
    nd_marray *f = min_("f");
    nd_array *five = nd_zeros(1, (ptrdiff_t[]){ 5 }, ND_FLOAT64);
    CU_ASSERT_PTR_NULL(nd_ma_add(f, five));
    CU_ASSERT_EQUAL(nd_last_error(), ND_ESHAPE);
    CU_ASSERT_PTR_NOT_NULL(strstr(nd_errmsg(), "(3, 4)"));
    CU_ASSERT_PTR_NOT_NULL(strstr(nd_errmsg(), "(5,)"));
    CU_ASSERT_PTR_NOT_NULL(strstr(nd_errmsg(), "nd_ma_add"));
    CU_ASSERT_PTR_NULL(nd_ma_add((nd_marray *)NULL, 1.0));
    CU_ASSERT_EQUAL(nd_last_error(), ND_EVALUE);
    CU_ASSERT_PTR_NOT_NULL(strstr(nd_errmsg(), "operand 1 is NULL"));
    CU_ASSERT_PTR_NULL(nd_ma_multiply(f, (const nd_array *)NULL));
    CU_ASSERT_PTR_NOT_NULL(strstr(nd_errmsg(), "operand 2 is NULL"));
    CU_ASSERT_PTR_NULL(nd_ma_ufunc_(ND_UF_ADD, 1, (const nd_ma_operand[]){ ND_MA_OPERAND(f) }, NULL));
    CU_ASSERT_EQUAL(nd_last_error(), ND_EVALUE);
    CU_ASSERT_PTR_NOT_NULL(strstr(nd_errmsg(), "takes 2 operands, got 1"));
    CU_ASSERT_PTR_NULL(nd_ma_ufunc_(ND_UF_LOG, 1, NULL, NULL));
    CU_ASSERT_EQUAL(nd_last_error(), ND_EVALUE);
    CU_ASSERT_PTR_NULL(nd_ma_ufunc_((nd_ufunc)ND_UF_COUNT, 1, NULL, NULL));
    CU_ASSERT_EQUAL(nd_last_error(), ND_EVALUE);
    /* a bitwise function on floats: the plain ufunc's ND_EDTYPE, nothing leaked */
    CU_ASSERT_PTR_NULL(nd_ma_binary(ND_UF_BITWISE_AND, f, f));
    CU_ASSERT_EQUAL(nd_last_error(), ND_EDTYPE);
    nd_free(five);
    nd_ma_free(f);
}

/* ---- reductions --------------------------------------------------------------------------- */
typedef nd_marray *(*ma_red)(const nd_marray *, const nd_reduce_opts *);

static const struct axis_case {
    const char *name;
    int axis;
    bool keep;
} AXES[] = { { "n", ND_AXIS_NONE, false }, { "0", 0, false }, { "1", 1, false },
             { "1k", 1, true }, { "nk", ND_AXIS_NONE, true } };

static void run_reduction(const char *fname, ma_red fn, const char *src, nd_marray *m, double ddof,
                          int n_axes)
{
    char n[64];
    for (int a = 0; a < n_axes; a++) {
        nd_reduce_opts o = ND_REDUCE_DEFAULTS;
        o.axis = AXES[a].axis;
        o.keepdims = AXES[a].keep;
        o.ddof = ddof;
        snprintf(n, sizeof n, "r_%s_%s_%s", fname, src, AXES[a].name);
        check_(n, fn(m, &o), true, 1e-12);
    }
}

static void test_reductions(void)
{
    static const struct { const char *name; ma_red fn; bool on_bool; } fns[] = {
        { "sum", nd_ma_sum_, true }, { "prod", nd_ma_prod_, true }, { "mean", nd_ma_mean_, true },
        { "var", nd_ma_var_, false }, { "std", nd_ma_std_, false }, { "min", nd_ma_min_, true },
        { "max", nd_ma_max_, true }, { "ptp", nd_ma_ptp_, false }, { "all", nd_ma_all_, true },
        { "any", nd_ma_any_, true } };
    static const char *srcs[] = { "f", "i", "b", "fnomask" };
    for (size_t s = 0; s < 4; s++) {
        nd_marray *m = min_(srcs[s]);
        for (size_t k = 0; k < sizeof fns / sizeof *fns; k++)
            if (strcmp(srcs[s], "b") || fns[k].on_bool)
                run_reduction(fns[k].name, fns[k].fn, srcs[s], m, 0.0, 5);
        nd_ma_free(m);
    }
}

/* A transposed view (not contiguous): reducing its axis 0 is reducing f's axis 1. */
static void test_reductions_view(void)
{
    static const struct { const char *name; ma_red fn; } fns[] = {
        { "sum", nd_ma_sum_ }, { "prod", nd_ma_prod_ }, { "mean", nd_ma_mean_ },
        { "var", nd_ma_var_ }, { "std", nd_ma_std_ }, { "min", nd_ma_min_ }, { "max", nd_ma_max_ },
        { "ptp", nd_ma_ptp_ }, { "all", nd_ma_all_ }, { "any", nd_ma_any_ },
        { "median", nd_ma_median_ } };
    nd_marray *f = min_("f"), *ft = nd_ma_transpose(f);
    char n[64];
    for (size_t k = 0; k < sizeof fns / sizeof *fns; k++) {
        nd_reduce_opts o = ND_REDUCE_DEFAULTS;
        o.axis = 0;
        snprintf(n, sizeof n, "r_%s_f_1", fns[k].name);
        check_(n, fns[k].fn(ft, &o), strcmp(fns[k].name, "median") != 0, 1e-12);
    }
    nd_ma_free(ft);
    nd_ma_free(f);
}

/* Empty and 0-d operands (NumPy's answers in the comments). */
static void test_empty_0d(void)
{
    nd_array *z = nd_zeros(1, (ptrdiff_t[]){ 0 }, ND_FLOAT64), *k = nd_zeros(1, (ptrdiff_t[]){ 0 }, ND_BOOL);
    nd_marray *e = nd_ma_array(z, k);
    CU_ASSERT_PTR_NOT_NULL_FATAL(e);
    /* e.sum(), mean, var, prod, all, any, ma.median(e): masked */
    static const ma_red masked_fns[] = { nd_ma_sum_, nd_ma_mean_, nd_ma_var_, nd_ma_prod_, nd_ma_all_,
                                         nd_ma_any_, nd_ma_median_ };
    for (size_t i = 0; i < sizeof masked_fns / sizeof *masked_fns; i++) {
        nd_marray *r = masked_fns[i](e, NULL);
        bool masked = false;
        CU_ASSERT_PTR_NOT_NULL_FATAL(r);
        CU_ASSERT_EQUAL(nd_ma_ndim(r), 0);
        CU_ASSERT_EQUAL(nd_ma_item_f64(r, NULL, &masked), ND_OK);
        CU_ASSERT_TRUE(masked);
        nd_ma_free(r);
    }
    /* e.min(): "zero-size array to reduction operation minimum which has no identity" */
    CU_ASSERT_PTR_NULL(nd_ma_min(e));
    CU_ASSERT_EQUAL(nd_last_error(), ND_EVALUE);
    nd_marray *l = nd_ma_log(e); /* an empty result */
    CU_ASSERT_PTR_NOT_NULL_FATAL(l);
    CU_ASSERT_EQUAL(nd_ma_size(l), 0);
    nd_ma_free(l);
    /* ma.log(ma.array(-1.0)) is masked; ma.log(ma.array(2.0)) is 0.693... */
    nd_array *m1 = nd_full(0, NULL, ND_FLOAT64, ND_F64(-1.0)), *p2 = nd_full(0, NULL, ND_FLOAT64, ND_F64(2.0));
    nd_marray *a = nd_ma_array(m1, NULL), *b = nd_ma_array(p2, NULL);
    nd_marray *la = nd_ma_log(a), *lb = nd_ma_log(b);
    double v = 0;
    bool masked = false;
    CU_ASSERT_PTR_NOT_NULL_FATAL(la);
    CU_ASSERT_PTR_NOT_NULL_FATAL(lb);
    CU_ASSERT_EQUAL(nd_ma_item_f64(la, &v, &masked), ND_OK);
    CU_ASSERT_TRUE(masked);
    CU_ASSERT_EQUAL(v, -1.0); /* the input's data under the mask */
    CU_ASSERT_EQUAL(nd_ma_item_f64(lb, &v, &masked), ND_OK);
    CU_ASSERT_FALSE(masked);
    CU_ASSERT_DOUBLE_EQUAL(v, 0.6931471805599453, 1e-16);
    nd_ma_free(la);
    nd_ma_free(lb);
    nd_ma_free(a);
    nd_ma_free(b);
    nd_free(m1);
    nd_free(p2);
    nd_ma_free(e);
    nd_free(z);
    nd_free(k);
}

static void test_ddof_median(void)
{
    static const char *srcs[] = { "f", "i" };
    for (size_t s = 0; s < 2; s++) {
        nd_marray *m = min_(srcs[s]);
        run_reduction("var1", nd_ma_var_, srcs[s], m, 1.0, 5);
        run_reduction("std1", nd_ma_std_, srcs[s], m, 1.0, 5);
        char n[64];
        for (int a = 0; a < 5; a++) { /* NumPy leaves the data of a masked median unspecified */
            nd_reduce_opts o = ND_REDUCE_DEFAULTS;
            o.axis = AXES[a].axis;
            o.keepdims = AXES[a].keep;
            snprintf(n, sizeof n, "r_median_%s_%s", srcs[s], AXES[a].name);
            check_(n, nd_ma_median_(m, &o), false, 1e-15);
        }
        nd_ma_free(m);
    }
    nd_marray *odd = min_("odd"), *fnan = min_("fnan"), *f32 = min_("f32");
    check_("r_median_odd_1", nd_ma_median(odd, 1), false, 0.0); /* 4 and 5 valid values */
    check_("r_median_odd_0", nd_ma_median(odd, 0), false, 0.0);
    check_("r_median_odd_n", nd_ma_median(odd), false, 0.0);
    check_("r_median_fnan_n", nd_ma_median(fnan), false, 0.0);
    check_("r_mean_f32_0", nd_ma_mean(f32, 0), true, 1e-12);
    check_("r_var_f32_1", nd_ma_var(f32, 1), true, 1e-9);
    /* float64 over all axes: NumPy's pairwise tree, so the same bits */
    nd_marray *big = min_("big");
    check_("r_mean_big_n", nd_ma_mean(big), true, 0.0);
    check_("r_var_big_n", nd_ma_var(big), true, 0.0);
    check_("r_std_big_n", nd_ma_std(big), true, 0.0);
    check_("r_var1_big_n", nd_ma_var(big, .ddof = 1), true, 0.0);
    /* along an axis: the last one by NumPy's pairwise tree per row, axis 0 by the plain
     * reductions with where = ~mask (NumPy adds rows in order there): the same bits */
    nd_marray *bigt = min_("bigT");
    static const struct { const char *name; ma_red fn; } lanes[] = {
        { "sum", nd_ma_sum_ }, { "mean", nd_ma_mean_ }, { "var", nd_ma_var_ }, { "std", nd_ma_std_ } };
    for (size_t k = 0; k < 4; k++) {
        char n[64];
        snprintf(n, sizeof n, "r_%s_big_1", lanes[k].name);
        check_(n, lanes[k].fn(big, &(nd_reduce_opts){ .axis = 1 }), true, 0.0);
        snprintf(n, sizeof n, "r_%s_bigT_0", lanes[k].name);
        check_(n, lanes[k].fn(bigt, &(nd_reduce_opts){ .axis = 0 }), true, 0.0);
    }
    check_("r_median_big_1", nd_ma_median(big, 1), false, 0.0);
    nd_ma_free(bigt);
    nd_ma_free(big);
    check("r_sum_fnan_n", nd_ma_sum(fnan));
    check("r_min_fnan_n", nd_ma_min(fnan));
    nd_ma_free(odd);
    nd_ma_free(fnan);
    nd_ma_free(f32);
    /* every element masked: a masked 0-d result */
    nd_array *z = nd_zeros(1, (ptrdiff_t[]){ 2 }, ND_FLOAT64), *t = nd_ones(1, (ptrdiff_t[]){ 2 }, ND_BOOL);
    nd_marray *all = nd_ma_array(z, t);
    nd_free(z);
    nd_free(t);
    CU_ASSERT_PTR_NOT_NULL(all);
    if (all) {
        nd_marray *s = nd_ma_sum(all);
        bool masked = false;
        CU_ASSERT_PTR_NOT_NULL_FATAL(s);
        CU_ASSERT_EQUAL(nd_ma_ndim(s), 0);
        CU_ASSERT_EQUAL(nd_ma_item_f64(s, NULL, &masked), ND_OK);
        CU_ASSERT_TRUE(masked);
        nd_ma_free(s);
        nd_ma_free(all);
    }
}

static void test_arg_cum(void)
{
    static const char *srcs[] = { "f", "i" };
    static const struct { const char *name; int axis; } ax[] = { { "n", ND_AXIS_NONE }, { "0", 0 }, { "1", 1 } };
    char n[64];
    for (size_t s = 0; s < 2; s++) {
        nd_marray *m = min_(srcs[s]);
        for (size_t a = 0; a < 3; a++) {
            nd_reduce_opts o = ND_REDUCE_DEFAULTS;
            o.axis = ax[a].axis;
            snprintf(n, sizeof n, "r_argmin_%s_%s", srcs[s], ax[a].name);
            fixture_check(MA_FX, n, nd_ma_argmin_(m, &o));
            snprintf(n, sizeof n, "r_argmax_%s_%s", srcs[s], ax[a].name);
            fixture_check(MA_FX, n, nd_ma_argmax_(m, &o));
            snprintf(n, sizeof n, "r_cumsum_%s_%s", srcs[s], ax[a].name);
            check_(n, nd_ma_cumsum_(m, &o), true, 1e-15);  /* masked stay masked */
            snprintf(n, sizeof n, "r_cumprod_%s_%s", srcs[s], ax[a].name);
            check_(n, nd_ma_cumprod_(m, &o), true, 1e-15);
        }
        nd_ma_free(m);
    }
}

static void check_scl(const char *name, nd_array *scl)
{
    nd_array *want = fixture_load(MA_FX, name);
    CU_ASSERT_TRUE(same_values(name, want, scl, NULL, true, 1e-15));
    nd_free(want);
    nd_free(scl);
}

static void test_average(void)
{
    nd_marray *f = min_("f"), *i = min_("i");
    nd_array *w = in("in_w"), *w1 = in("in_w1"), *wi = in("in_wi"), *scl = NULL;
    static const struct { const char *name; int axis; } ax[] = { { "n", ND_AXIS_NONE }, { "0", 0 }, { "1", 1 } };
    char n[64];
    for (size_t a = 0; a < 3; a++) {
        snprintf(n, sizeof n, "avg_f_%s", ax[a].name);
        check_(n, nd_ma_average(f, ax[a].axis, NULL, &scl), true, 1e-15);
        snprintf(n, sizeof n, "avg_f_%s_scl", ax[a].name);
        check_scl(n, scl);
        snprintf(n, sizeof n, "avgw_f_%s", ax[a].name);
        check_(n, nd_ma_average(f, ax[a].axis, w, &scl), true, 1e-15);
        snprintf(n, sizeof n, "avgw_f_%s_scl", ax[a].name);
        check_scl(n, scl);
    }
    check_("avgw1_f_1", nd_ma_average(f, 1, w1, &scl), true, 1e-15);
    check_scl("avgw1_f_1_scl", scl);
    check_("avgwi_i_0", nd_ma_average(i, 0, wi, &scl), true, 1e-15);
    check_scl("avgwi_i_0_scl", scl);
    /* weights of another shape need an axis, and must be 1-D along it */
    CU_ASSERT_PTR_NULL(nd_ma_average(f, ND_AXIS_NONE, w1, NULL));
    CU_ASSERT_EQUAL(nd_last_error(), ND_ESHAPE);
    CU_ASSERT_PTR_NOT_NULL(strstr(nd_errmsg(), "(3, 4)"));
    CU_ASSERT_PTR_NULL(nd_ma_average(f, 0, w1, NULL));
    CU_ASSERT_EQUAL(nd_last_error(), ND_ESHAPE);
    nd_free(w);
    nd_free(w1);
    nd_free(wi);
    nd_ma_free(f);
    nd_ma_free(i);
}

static void test_cov_corrcoef(void)
{
    nd_marray *x = min_("x"), *y = min_("y");
    check_("cov_x", nd_ma_cov(x, NULL, true, false, -1), true, 1e-12);
    check_("cov_x_rowvarF", nd_ma_cov(x, NULL, false, false, -1), true, 1e-12);
    check_("cov_x_bias", nd_ma_cov(x, NULL, true, true, -1), true, 1e-12);
    check_("cov_x_ddof2", nd_ma_cov(x, NULL, true, false, 2), true, 1e-12);
    check_("cov_xy", nd_ma_cov(x, y, true, false, -1), true, 1e-12);
    nd_marray *x0 = nd_ma_view(x, "0"), *xn = nd_ma_array(nd_ma_data(x), NULL),
              *x4 = nd_ma_view(x, ":, :4");
    check_("cov_x0", nd_ma_cov(x0, NULL, true, false, -1), true, 1e-12);
    check_("cov_xnomask", nd_ma_cov(xn, NULL, true, false, -1), true, 1e-12);
    check_("corr_x", nd_ma_corrcoef(x, NULL, true), true, 1e-12);
    check_("corr_x_rowvarF", nd_ma_corrcoef(x4, NULL, false), true, 1e-12);
    check_("corr_xy", nd_ma_corrcoef(x, y, true), true, 1e-12);
    check_("corr_xnomask", nd_ma_corrcoef(xn, NULL, true), true, 1e-12);
    nd_ma_free(x0);
    nd_ma_free(xn);
    nd_ma_free(x4);
    nd_ma_free(x);
    nd_ma_free(y);
}

static void test_reduce_errors(void)
{
    static const ma_red fns[] = { nd_ma_sum_, nd_ma_prod_, nd_ma_mean_, nd_ma_var_, nd_ma_std_,
                                  nd_ma_min_, nd_ma_max_, nd_ma_ptp_, nd_ma_all_, nd_ma_any_,
                                  nd_ma_median_, nd_ma_cumsum_, nd_ma_cumprod_ };
    for (size_t k = 0; k < sizeof fns / sizeof *fns; k++) {
        nd_clear_error();
        CU_ASSERT_PTR_NULL(fns[k](NULL, NULL));
        CU_ASSERT_EQUAL(nd_last_error(), ND_EVALUE);
        CU_ASSERT_PTR_NOT_NULL(strstr(nd_errmsg(), "masked array is NULL"));
    }
    CU_ASSERT_PTR_NULL(nd_ma_argmin_(NULL, NULL));
    CU_ASSERT_PTR_NULL(nd_ma_cov(NULL, NULL, true, false, -1));
    CU_ASSERT_PTR_NULL(nd_ma_corrcoef(NULL, NULL, true));
    CU_ASSERT_PTR_NULL(nd_ma_average(NULL, 0, NULL, NULL));
    nd_marray *f = min_("f");
    CU_ASSERT_PTR_NULL(nd_ma_sum(f, 2));
    CU_ASSERT_EQUAL(nd_last_error(), ND_EAXIS);
    CU_ASSERT_PTR_NULL(nd_ma_median(f, 5));
    CU_ASSERT_EQUAL(nd_last_error(), ND_EAXIS);
    nd_ma_free(f);
}

/* ---- allocation failures ---------------------------------------------------------------- */
typedef struct fs_ctx {
    nd_marray *f, *g, *ft, *x, *big;
    nd_array *w;
} fs_ctx;

typedef nd_marray *(*fs_op)(const fs_ctx *c);
static nd_marray *fs_log(const fs_ctx *c) { return nd_ma_log(c->f); }           /* fused */
static nd_marray *fs_logt(const fs_ctx *c) { return nd_ma_log(c->ft); }         /* general */
static nd_marray *fs_div(const fs_ctx *c) { return nd_ma_divide(c->f, c->g); }
static nd_marray *fs_divt(const fs_ctx *c) { return nd_ma_divide(c->ft, 0.0); }
static nd_marray *fs_pow(const fs_ctx *c) { return nd_ma_power(c->f, c->g); }
static nd_marray *fs_max(const fs_ctx *c) { return nd_ma_maximum(c->f, c->g); }
static nd_marray *fs_add(const fs_ctx *c) { return nd_ma_add(c->ft, 1.0); }
static nd_marray *fs_sum(const fs_ctx *c) { return nd_ma_sum(c->f, 0); }
static nd_marray *fs_mean(const fs_ctx *c) { return nd_ma_mean(c->big); }
static nd_marray *fs_mean1(const fs_ctx *c) { return nd_ma_mean(c->f, 1); }
static nd_marray *fs_var(const fs_ctx *c) { return nd_ma_var(c->f, 0); }
static nd_marray *fs_std(const fs_ctx *c) { return nd_ma_std(c->big, .keepdims = true); }
static nd_marray *fs_min(const fs_ctx *c) { return nd_ma_min(c->f, 1); }
static nd_marray *fs_ptp(const fs_ctx *c) { return nd_ma_ptp(c->f); }
static nd_marray *fs_any(const fs_ctx *c) { return nd_ma_any(c->f, 0); }
static nd_marray *fs_median(const fs_ctx *c) { return nd_ma_median(c->f, 0); }
static nd_marray *fs_cumsum(const fs_ctx *c) { return nd_ma_cumsum(c->f); }
static nd_marray *fs_avg(const fs_ctx *c) { return nd_ma_average(c->f, 1, c->w, NULL); }
static nd_marray *fs_cov(const fs_ctx *c) { return nd_ma_cov(c->x, c->x, true, false, -1); }
static nd_marray *fs_corr(const fs_ctx *c) { return nd_ma_corrcoef(c->x, NULL, true); }

static const fs_op FS_OPS[] = { fs_log, fs_logt, fs_div, fs_divt, fs_pow, fs_max, fs_add,
                                fs_sum, fs_mean, fs_mean1, fs_var, fs_std, fs_min, fs_ptp,
                                fs_any, fs_median, fs_cumsum, fs_avg, fs_cov, fs_corr };
static int fs_which;
static nd_marray *fs_ref; /* the clean run's result */

/* One operation: ND_OK with the clean run's data and mask (an allocation that failed
 * quietly, a mask taken for "nothing masked", shows as ND_EVALUE), else its error. */
static nd_status fs_body(void *ctx)
{
    nd_marray *r = FS_OPS[fs_which]((const fs_ctx *)ctx);
    if (!r)
        return nd_last_error();
    nd_array *k = nd_ma_getmaskarray(r), *kr = k ? nd_ma_getmaskarray(fs_ref) : NULL;
    nd_status st = !kr ? nd_last_error()
                   : same_values("fs_mask", kr, k, NULL, true, 0.0) &&
                             same_values("fs_data", nd_ma_data(fs_ref), nd_ma_data(r), kr, false, 0.0)
                         ? ND_OK
                         : ND_EVALUE;
    nd_free(k);
    nd_free(kr);
    nd_ma_free(r);
    return st;
}

static void test_allocation_failures(void)
{
    fs_ctx c = { min_("f"), min_("g"), NULL, min_("x"), min_("big"), in("in_w1") };
    c.ft = nd_ma_transpose(c.f);
    CU_ASSERT_PTR_NOT_NULL_FATAL(c.ft);
    for (fs_which = 0; fs_which < (int)(sizeof FS_OPS / sizeof *FS_OPS); fs_which++) {
        fs_ref = FS_OPS[fs_which](&c);
        CU_ASSERT_PTR_NOT_NULL_FATAL(fs_ref);
        faultsim_report r = faultsim_run("ma_ops", fs_body, &c);
        if (!r.ok) printf("\n  op %d: %s\n", fs_which, r.why);
        CU_ASSERT_TRUE(r.ok);
        nd_ma_free(fs_ref);
    }
    nd_ma_free(c.f);
    nd_ma_free(c.g);
    nd_ma_free(c.ft);
    nd_ma_free(c.x);
    nd_ma_free(c.big);
    nd_free(c.w);
}

static int suite_setup(void)
{
    nd_seterr(.over = ND_ERR_IGNORE); /* exp(1e300), as the fixture generator */
    return 0;
}

static const ND_TEST tests[] = {
    ND_T(test_unary_domains), ND_T(test_unary_more), ND_T(test_binary_float),
    ND_T(test_binary_more), ND_T(test_fused_large), ND_T(test_fused_vs_general), ND_T(test_ufunc_errors),
    ND_T(test_reductions), ND_T(test_reductions_view), ND_T(test_empty_0d), ND_T(test_ddof_median), ND_T(test_arg_cum), ND_T(test_average),
    ND_T(test_cov_corrcoef), ND_T(test_reduce_errors), ND_T(test_allocation_failures), { 0 } };
ND_TEST_MAIN_WITH("ma_ops", tests, suite_setup, NULL)
