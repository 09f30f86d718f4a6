/* Accuracy of the vectorised transcendentals (glibc libmvec, AVX-512 / AVX2) and of
 * the scalar fallback: at most 4 ULP against long-double references over wide
 * ranges, exact special values (±0, ±inf, NaN, subnormals, huge sin/cos arguments),
 * and the IEEE flags the error model relies on. */
#include <float.h>
#include <numc/numc.h>
#include <numc/ufunc.h>
#include <stdint.h>
#include <string.h>

#include "testutil.h"

/* Internal: cap the vector level (0 scalar libm, 1 AVX2, 2 AVX-512) to test each path. */
int nd__vmath_set_level(int max_level);
int nd__vmath_level(void);

typedef struct fn_ref {
    nd_ufunc f;
    const char *name;
    long double (*ref)(long double);
    double lo, hi; /* main range of the random inputs */
} fn_ref;

static long double l_exp(long double x) { return expl(x); }
static long double l_exp2(long double x) { return exp2l(x); }
static long double l_expm1(long double x) { return expm1l(x); }
static long double l_log(long double x) { return logl(x); }
static long double l_log2(long double x) { return log2l(x); }
static long double l_log10(long double x) { return log10l(x); }
static long double l_log1p(long double x) { return log1pl(x); }
static long double l_sin(long double x) { return sinl(x); }
static long double l_cos(long double x) { return cosl(x); }
static long double l_tan(long double x) { return tanl(x); }
static long double l_asin(long double x) { return asinl(x); }
static long double l_acos(long double x) { return acosl(x); }
static long double l_atan(long double x) { return atanl(x); }
static long double l_sinh(long double x) { return sinhl(x); }
static long double l_cosh(long double x) { return coshl(x); }
static long double l_tanh(long double x) { return tanhl(x); }
static long double l_asinh(long double x) { return asinhl(x); }
static long double l_acosh(long double x) { return acoshl(x); }
static long double l_atanh(long double x) { return atanhl(x); }
static long double l_cbrt(long double x) { return cbrtl(x); }

static const fn_ref fns[] = {
    { ND_UF_EXP, "exp", l_exp, -745, 710 },
    { ND_UF_EXP2, "exp2", l_exp2, -1075, 1024 },
    { ND_UF_EXPM1, "expm1", l_expm1, -40, 710 },
    { ND_UF_LOG, "log", l_log, 0, 1e300 },
    { ND_UF_LOG2, "log2", l_log2, 0, 1e300 },
    { ND_UF_LOG10, "log10", l_log10, 0, 1e300 },
    { ND_UF_LOG1P, "log1p", l_log1p, -1, 1e300 },
    { ND_UF_SIN, "sin", l_sin, -1e6, 1e6 },
    { ND_UF_COS, "cos", l_cos, -1e6, 1e6 },
    { ND_UF_TAN, "tan", l_tan, -1e4, 1e4 },
    { ND_UF_ARCSIN, "arcsin", l_asin, -1, 1 },
    { ND_UF_ARCCOS, "arccos", l_acos, -1, 1 },
    { ND_UF_ARCTAN, "arctan", l_atan, -1e5, 1e5 },
    { ND_UF_SINH, "sinh", l_sinh, -710, 710 },
    { ND_UF_COSH, "cosh", l_cosh, -710, 710 },
    { ND_UF_TANH, "tanh", l_tanh, -20, 20 },
    { ND_UF_ARCSINH, "arcsinh", l_asinh, -1e300, 1e300 },
    { ND_UF_ARCCOSH, "arccosh", l_acosh, 1, 1e300 },
    { ND_UF_ARCTANH, "arctanh", l_atanh, -1, 1 },
    { ND_UF_CBRT, "cbrt", l_cbrt, -1e300, 1e300 },
};
#define NFN (sizeof fns / sizeof fns[0])

static uint64_t rng_state = 0x9E3779B97F4A7C15u;
static uint64_t rnd64(void)
{
    uint64_t z = (rng_state += 0x9E3779B97F4A7C15u);
    z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9u;
    z = (z ^ (z >> 27)) * 0x94D049BB133111EBu;
    return z ^ (z >> 31);
}
static double unif(void) { return (double)(rnd64() >> 11) * 0x1p-53; }

/* Inputs: uniform in [lo, hi], uniform in log-magnitude (subnormal to huge), random
 * bit patterns, and the special values. */
static void fill_inputs(double *x, ptrdiff_t n, const fn_ref *f)
{
    static const double special[] = { 0.0, -0.0, INFINITY, -INFINITY, NAN, 5e-324, -5e-324,
                                      2.2250738585072014e-308, 1e-310, DBL_MAX, -DBL_MAX,
                                      1.0, -1.0, 0.5, 1e22, -1e22, 1e300, 0x1p1023,
                                      3.14159265358979323846, 1.5707963267948966, 709.78,
                                      -745.13, 710.0, 1e-20, -1e-20 };
    const ptrdiff_t ns = (ptrdiff_t)(sizeof special / sizeof special[0]);
    for (ptrdiff_t i = 0; i < n; i++) {
        double v;
        switch (i % 4) {
        case 0: v = f->lo + (f->hi - f->lo) * unif(); break;
        case 1: v = ldexp(1.0 + unif(), (int)(rnd64() % 2098) - 1074); if (rnd64() & 1) v = -v; break;
        case 2: {
            uint64_t b = rnd64();
            memcpy(&v, &b, sizeof v);
            break;
        }
        default: v = (f->lo + (f->hi - f->lo) * unif()) * 1e-3; break;
        }
        x[i] = i < ns ? special[i] : v;
    }
}

static double ulp_of(long double r)
{
    double d = (double)r;
    if (d == 0 || !isfinite(d)) return 0x1p-1074;
    int e;
    frexp(d, &e);
    double u = ldexp(1.0, e - 53);
    return u < 0x1p-1074 ? 0x1p-1074 : u;
}

/* Max ULP error of f's float64 loop at the current vector level; special outcomes
 * (NaN, infinities, signed zeros) must match the reference exactly. */
static double check_f64(const fn_ref *f, ptrdiff_t n, int *bad_special)
{
    double *x = malloc(sizeof *x * (size_t)n);
    fill_inputs(x, n, f);
    nd_array *a = nd_from_f64(x, n);
    nd_array *y = nd_ufunc_apply(f->f, &(nd_operand){ a, { ND_BOOL, { false } }, ND_OPK_ARRAY }, NULL);
    CU_ASSERT_PTR_NOT_NULL_FATAL(y);
    const double *got = nd_data(y);
    double worst = 0;
    for (ptrdiff_t i = 0; i < n; i++) {
        long double r = f->ref((long double)x[i]);
        double rd = (double)r, g = got[i];
        if (isnan(rd) || isinf(rd) || rd == 0 || isnan(g) || isinf(g)) {
            bool same = (isnan(rd) && isnan(g)) || (rd == g && signbit(rd) == signbit(g)) ||
                        (rd == 0 && fabs(g) <= 0x1p-1070); /* underflow to a tiny value */
            if (!same && !(isinf(g) && fabsl(r) > DBL_MAX * 0.999999L)) {
                if (*bad_special < 5)
                    printf("\n  %s(%a) = %a, reference %a", f->name, x[i], g, rd);
                (*bad_special)++;
            }
            continue;
        }
        double e = (double)(fabsl((long double)g - r) / ulp_of(r));
        if (e > worst) worst = e;
    }
    nd_free(y);
    nd_free(a);
    free(x);
    return worst;
}

static void run_level(int level)
{
    nd_errstate old = nd_seterr(.all = ND_ERR_IGNORE);
    int got = nd__vmath_set_level(level);
    printf(" [level %d]", got);
    for (size_t k = 0; k < NFN; k++) {
        int bad = 0;
        double w = check_f64(&fns[k], 200003, &bad);
        if (w > 4.0 || bad) printf("\n  %s: %.2f ULP, %d special mismatches", fns[k].name, w, bad);
        CU_ASSERT_TRUE(w <= 4.0);
        CU_ASSERT_EQUAL(bad, 0);
    }
    nd__vmath_set_level(-1);
    nd_seterr_(&old);
}

static void test_f64_avx512_within_4ulp(void) { run_level(2); }
static void test_f64_avx2_within_4ulp(void) { run_level(1); }
static void test_f64_scalar_within_4ulp(void) { run_level(0); }

/* float32: against the double-precision result rounded (at most 4 float ULP). */
static void test_f32_within_4ulp(void)
{
    const ptrdiff_t n = 100003;
    nd_errstate old = nd_seterr(.all = ND_ERR_IGNORE);
    for (int level = 2; level >= 0; level--) {
        nd__vmath_set_level(level);
        for (size_t k = 0; k < NFN; k++) {
            const fn_ref *f = &fns[k];
            double *x = malloc(sizeof *x * (size_t)n);
            fill_inputs(x, n, f);
            float *xf = malloc(sizeof *xf * (size_t)n);
            for (ptrdiff_t i = 0; i < n; i++) xf[i] = (float)x[i];
            nd_array *a = nd_from_buffer(xf, ND_SHAPE(n), ND_FLOAT32);
            nd_array *y = nd_ufunc_apply(f->f, &(nd_operand){ a, { ND_BOOL, { false } }, ND_OPK_ARRAY }, NULL);
            CU_ASSERT_PTR_NOT_NULL_FATAL(y);
            const float *g = nd_data(y);
            double worst = 0;
            int bad = 0;
            for (ptrdiff_t i = 0; i < n; i++) {
                long double r = f->ref((long double)xf[i]);
                float rf = (float)r;
                if (isnan(rf) || isinf(rf) || isnan(g[i]) || isinf(g[i]) || fabsf(rf) < FLT_MIN) {
                    bool same = (isnan(rf) && isnan(g[i])) || rf == g[i] ||
                                (fabsf(rf) < FLT_MIN && fabsf(g[i] - rf) <= 4 * 0x1p-149f) ||
                                (isinf(g[i]) && fabsl(r) > FLT_MAX * 0.9999L);
                    if (!same) {
                        if (bad < 3) printf("\n  %sf(%a) = %a, reference %a (level %d)", f->name,
                                            (double)xf[i], (double)g[i], (double)rf, level);
                        bad++;
                    }
                    continue;
                }
                int e;
                frexpf(rf, &e);
                double u = ldexp(1.0, e - 24);
                double err = (double)(fabsl((long double)g[i] - r) / u);
                if (err > worst) worst = err;
            }
            if (worst > 4.0) printf("\n  %sf: %.2f ULP (level %d)", f->name, worst, level);
            CU_ASSERT_TRUE(worst <= 4.0);
            CU_ASSERT_EQUAL(bad, 0);
            nd_free(y);
            nd_free(a);
            free(xf);
            free(x);
        }
    }
    nd__vmath_set_level(-1);
    nd_seterr_(&old);
}

/* The vector path on a strided view and on odd lengths (tails) equals the contiguous
 * result element for element. */
static void test_strided_and_tails_match_contiguous(void)
{
    const ptrdiff_t n = 1037;
    nd_array *a = nd_linspace(-50, 50, 2 * n);
    nd_array *ev = nd_view(a, "::2"), *c = nd_copy(ev, ND_ORDER_C);
    for (ptrdiff_t len = 1; len < 40; len += 3) {
        nd_array *part = nd_sel(c, ND_SLICE(0, len, 1));
        nd_array *s1 = nd_sin(part), *s2 = nd_sin(c);
        for (ptrdiff_t i = 0; i < len; i++)
            CU_ASSERT_EQUAL(nd_get_f64(s1, ND_IDX(i)), nd_get_f64(s2, ND_IDX(i)));
        nd_free(s1);
        nd_free(s2);
        nd_free(part);
    }
    nd_array *e1 = nd_exp(ev), *e2 = nd_exp(c);
    for (ptrdiff_t i = 0; i < n; i += 7) CU_ASSERT_EQUAL(nd_get_f64(e1, ND_IDX(i)), nd_get_f64(e2, ND_IDX(i)));
    nd_free(e1);
    nd_free(e2);
    nd_free(c);
    nd_free(ev);
    nd_free(a);
}

/* The FP flags behind nd_seterr come out of the vector code as they should. */
static void test_flags_from_vector_loops(void)
{
    nd_errstate old = nd_seterr(.all = ND_ERR_RAISE, .under = ND_ERR_IGNORE);
    nd_array *ok = nd_linspace(-5, 5, 1001);
    nd_array *r;
    r = nd_exp(ok);
    CU_ASSERT_PTR_NOT_NULL(r);
    nd_free(r);
    r = nd_sin(ok);
    CU_ASSERT_PTR_NOT_NULL(r);
    nd_free(r);
    r = nd_tanh(ok);
    CU_ASSERT_PTR_NOT_NULL(r);
    nd_free(r);
    nd_array *pos = nd_linspace(0.5, 100, 1001);
    r = nd_log(pos);
    CU_ASSERT_PTR_NOT_NULL(r);
    nd_free(r);
    nd_array *big = nd_full(ND_SHAPE(17), ND_FLOAT64, ND_F64(1000));
    CU_ASSERT_PTR_NULL(nd_exp(big));
    CU_ASSERT_PTR_NOT_NULL(strstr(nd_errmsg(), "overflow"));
    nd_array *zero = nd_zeros(ND_SHAPE(17), ND_FLOAT64);
    CU_ASSERT_PTR_NULL(nd_log(zero));
    CU_ASSERT_PTR_NOT_NULL(strstr(nd_errmsg(), "divide by zero"));
    nd_array *neg = nd_full(ND_SHAPE(17), ND_FLOAT64, ND_F64(-1));
    CU_ASSERT_PTR_NULL(nd_log(neg));
    CU_ASSERT_PTR_NOT_NULL(strstr(nd_errmsg(), "invalid"));
    nd_array *inf = nd_full(ND_SHAPE(17), ND_FLOAT64, ND_F64(INFINITY));
    CU_ASSERT_PTR_NULL(nd_sin(inf));
    CU_ASSERT_PTR_NOT_NULL(strstr(nd_errmsg(), "invalid"));
    nd_seterr_(&old);
    nd_free(inf);
    nd_free(neg);
    nd_free(zero);
    nd_free(big);
    nd_free(pos);
    nd_free(ok);
}

/* In-domain finite inputs of any magnitude raise no divide / overflow / invalid flag
 * on any vector level (libmvec's spurious flags on recomputed lanes are cleared). */
static void test_no_spurious_flags(void)
{
    const ptrdiff_t n = 4099;
    double *x = malloc(sizeof *x * (size_t)n);
    nd_errstate old = nd_seterr(.all = ND_ERR_RAISE, .under = ND_ERR_IGNORE);
    for (int level = 2; level >= 0; level--) {
        nd__vmath_set_level(level);
        for (size_t k = 0; k < NFN; k++) {
            const fn_ref *f = &fns[k];
            bool anymag = f->f == ND_UF_SIN || f->f == ND_UF_COS || f->f == ND_UF_TAN ||
                          f->f == ND_UF_ARCTAN || f->f == ND_UF_TANH || f->f == ND_UF_ARCSINH ||
                          f->f == ND_UF_CBRT;
            for (ptrdiff_t i = 0; i < n; i++) {
                double v;
                if (anymag) {
                    v = ldexp(1.0 + unif(), (int)(rnd64() % 2098) - 1074);
                    if (rnd64() & 1) v = -v;
                } else if (f->f == ND_UF_LOG || f->f == ND_UF_LOG2 || f->f == ND_UF_LOG10 ||
                           f->f == ND_UF_ARCCOSH || f->f == ND_UF_LOG1P) {
                    v = ldexp(1.0 + unif(), (int)(rnd64() % 2046) - 1022);
                    if (f->f == ND_UF_ARCCOSH) v = 1 + v;
                } else if (f->f == ND_UF_ARCSIN || f->f == ND_UF_ARCCOS || f->f == ND_UF_ARCTANH) {
                    v = 2 * unif() - 1;
                    if (v == -1) v = 0;
                } else {
                    v = 1400 * unif() - 700;
                }
                x[i] = v;
            }
            nd_array *a = nd_from_f64(x, n);
            nd_array *y = nd_ufunc_apply(f->f, &(nd_operand){ a, { ND_BOOL, { false } }, ND_OPK_ARRAY }, NULL);
            if (!y) printf("\n  %s (level %d): %s", f->name, level, nd_errmsg());
            CU_ASSERT_PTR_NOT_NULL(y);
            nd_free(y);
            nd_array *af = nd_astype(a, ND_FLOAT32, ND_CAST_UNSAFE);
            bool f32_ok = true;
            /* float32: inputs that overflowed to inf are out of the domain */
            nd_array *fin = nd_isfinite(af), *all = nd_all(fin);
            f32_ok = nd_item_bool(all);
            nd_free(fin);
            nd_free(all);
            if (f32_ok && f->f != ND_UF_EXP && f->f != ND_UF_EXP2 && f->f != ND_UF_EXPM1 &&
                f->f != ND_UF_SINH && f->f != ND_UF_COSH) {
                y = nd_ufunc_apply(f->f, &(nd_operand){ af, { ND_BOOL, { false } }, ND_OPK_ARRAY }, NULL);
                if (!y) printf("\n  %sf (level %d): %s", f->name, level, nd_errmsg());
                CU_ASSERT_PTR_NOT_NULL(y);
                nd_free(y);
            }
            nd_free(af);
            nd_free(a);
        }
    }
    nd__vmath_set_level(-1);
    nd_seterr_(&old);
    free(x);
}

/* pow on the vector kernels: x over many binades, y moderate; specials exact. */
static void test_pow_within_4ulp(void)
{
    const ptrdiff_t n = 100003;
    double *x = malloc(sizeof *x * (size_t)n), *y = malloc(sizeof *y * (size_t)n);
    nd_errstate old = nd_seterr(.all = ND_ERR_IGNORE);
    for (int level = 2; level >= 0; level--) {
        nd__vmath_set_level(level);
        for (ptrdiff_t i = 0; i < n; i++) {
            x[i] = ldexp(1.0 + unif(), (int)(rnd64() % 200) - 100);
            y[i] = 80 * unif() - 40;
            if (i % 5 == 0) x[i] = -x[i], y[i] = floor(y[i]); /* negative bases, integer powers */
        }
        static const double sx[] = { 0.0, -0.0, INFINITY, -INFINITY, NAN, 1.0, -1.0, 2.0, 0.5 };
        static const double sy[] = { -1.5, 3.0, 0.5, -2.0, 0.0, NAN, INFINITY, -INFINITY, 0.5 };
        for (int k = 0; k < 9; k++) {
            x[k] = sx[k];
            y[k] = sy[k];
        }
        nd_array *a = nd_from_f64(x, n), *b = nd_from_f64(y, n);
        nd_array *r = nd_power(a, b);
        CU_ASSERT_PTR_NOT_NULL_FATAL(r);
        const double *g = nd_data(r);
        double worst = 0;
        int bad = 0;
        for (ptrdiff_t i = 0; i < n; i++) {
            long double ref = powl((long double)x[i], (long double)y[i]);
            double rd = (double)ref;
            if (isnan(rd) || isinf(rd) || rd == 0 || isnan(g[i]) || isinf(g[i]) || fabs(rd) < DBL_MIN) {
                bool same = (isnan(rd) && isnan(g[i])) || rd == g[i] ||
                            (fabs(rd) < DBL_MIN && fabs(g[i] - rd) <= 4 * 0x1p-1074);
                if (!same && bad++ < 3) printf("\n  pow(%a, %a) = %a, reference %a", x[i], y[i], g[i], rd);
                continue;
            }
            double e = (double)(fabsl((long double)g[i] - ref) / ulp_of(ref));
            if (e > worst) worst = e;
        }
        if (worst > 4.0) printf("\n  pow: %.2f ULP (level %d)", worst, level);
        CU_ASSERT_TRUE(worst <= 4.0);
        CU_ASSERT_EQUAL(bad, 0);
        nd_free(r);
        nd_free(a);
        nd_free(b);
    }
    nd__vmath_set_level(-1);
    nd_seterr_(&old);
    free(x);
    free(y);
}

static const ND_TEST tests[] = {
    ND_T(test_pow_within_4ulp),
    ND_T(test_no_spurious_flags),
    ND_T(test_f64_avx512_within_4ulp),
    ND_T(test_f64_avx2_within_4ulp),
    ND_T(test_f64_scalar_within_4ulp),
    ND_T(test_f32_within_4ulp),
    ND_T(test_strided_and_tails_match_contiguous),
    ND_T(test_flags_from_vector_loops),
    { 0 },
};
ND_TEST_MAIN("ufunc_accuracy", tests)
