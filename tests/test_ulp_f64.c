/* At most 1 ULP: the float64 (and float32) transcendental loops against correctly rounded
 * references, over millions of random inputs spread across each function's whole domain
 * (uniform in the main range, uniform in log-magnitude from subnormal to DBL_MAX, random
 * bit patterns) and hard cases (arguments next to multiples of pi/2 and the worst case of
 * trigonometric argument reduction, overflow and underflow thresholds, the edges of
 * each domain), on every vector level this CPU has. The references are long double
 * (x87, 64-bit significand): the error of glibc's long double functions is ~2^-11 of a
 * double ULP, so a measured error is exact to about 0.001 ULP. Also the IEEE flags each
 * special input gives (NumPy 1.24's, see tests/data/ulp/flags.txt), the strided,
 * in-place and reduce paths of the two-argument loops. tests/test_ufunc_accuracy.c keeps
 * the 4-ULP floor. NUMC_ULP_N sets the random inputs per function (default 2^21). */
#include <float.h>
#include <numc/numc.h>
#include <numc/ufunc.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "testutil.h"

/* Internal: cap the vector level (0 SSE2 / scalar, 1 AVX2, 2 AVX-512); returns the level. */
int nd__vmath_set_level(int max_level);
/* Internal: 1 when float32 runs on SLEEF's 1-ULP kernels (clang builds), 0 when on
 * glibc's libmvec (gcc builds: its float kernels are 2-6 times faster, 4 ULP). */
int nd__vmath_f32_sleef(void);

typedef struct ufn {
    nd_ufunc f;
    const char *name;
    long double (*ref)(long double);
    double lo, hi;        /* main range of the uniform inputs */
    const double *hard;   /* hard cases, each also taken with its 4 nearest neighbours */
    size_t nhard;
} ufn;

#define LREF(c) static long double l_##c(long double x) { return c##l(x); }
LREF(exp) LREF(exp2) LREF(expm1) LREF(log) LREF(log2) LREF(log10) LREF(log1p)
LREF(sin) LREF(cos) LREF(tan) LREF(asin) LREF(acos) LREF(atan) LREF(sinh) LREF(cosh)
LREF(tanh) LREF(asinh) LREF(acosh) LREF(atanh) LREF(cbrt)

/* Arguments next to multiples of pi/2 (numerators of pi's convergents, k pi/2 as
 * doubles) and 6381956970095103 * 2^797, the double closest to a multiple of pi/2. */
static const double h_trig[] = {
    0x1.921fb54442d18p+0, 0x1.921fb54442d18p+1, 0x1.2d97c7f3321d2p+2, 0x1.921fb54442d18p+2,
    0x1.f6a7a2955385ep+2, 0x1.2d97c7f3321d2p+3, 0x1.5fdbbe9bba775p+3, 0x1.921fb54442d18p+3,
    355, 103993, 104348, 208341, 312689, 833719, 1146408, 4272943, 5419351, 80143857,
    165707065, 245850922, 411557987, 1068966896, 0x1.6ac5b262ca1ffp+849, 1e22, 1e300,
    0x1p1023, DBL_MAX, 0x1p-1022, 0x1p-1074, 0x1p-27, 0x1p-26, 0.785398163397448,
    2.356194490192345, 1e6 * 3.141592653589793, 0x1.921fb54442d18p+52, 0x1.921fb54442d18p+60 };
static const double h_exp[] = { 0x1.62e42fefa39efp+9, -0x1.6232bdd7abcd2p+9, -0x1.74910d52d3051p+9,
                                -0x1.74910d52d3052p+9, -745, -708, 1, -1, 0x1p-54, -0x1p-54,
                                0.5, 0x1.62e42fefa39efp-1, 0x1.62e42fefa39efp-2, 300, -300,
                                /* numc's own kernel (vmath_own_kernels.h): the edges of its
                                 * main range |x| <= 708, of its reduction intervals
                                 * (ln2/32, ln2/256 and odd multiples) and its largest k */
                                708, 0x1.6200000000001p+9, 0x1.62e42fefa39efp-6,
                                -0x1.62e42fefa39efp-6, 0x1.62e42fefa39efp-9, -0x1.62e42fefa39efp-9,
                                0x1.3687a9f1af2b1p-3, 0x1.62039b894df96p+9, -0x1.62039b894df96p+9 };
/* log, and numc's own log kernel: the edges of the subintervals with c = 1 (1 - 2^-7,
 * 1 + 2^-7, 1 - 2^-8) and of the reduction's range [0x1.6p-1, 0x1.6p0), where |log x|
 * is smallest for the tables' other entries */
static const double h_logk[] = { 1, 0x1.0000000000001p+0, 0x1.fffffffffffffp-1, 2, 0.5, 10,
                                 0x1p-1022, 0x1p-1074, 1e-310, DBL_MAX, 0x1.6a09e667f3bcdp+0,
                                 0x1.6a09e667f3bccp-1, 2.718281828459045, 1e300, 1e-300,
                                 0x1.fcp-1, 0x1.02p+0, 0x1.fep-1, 0x1.04p+0, 0x1.f8p-1, 0x1.6p-1,
                                 0x1.6p+0, 0x1.6p-2, 0x1.6p+1, 0x1.8p-1022, 0x1.0200000000001p+0,
                                 0x1.fbfffffffffffp-1 };
static const double h_exp2[] = { 1024, 0x1.fffffffffffffp+9, -1022, -1074, -1075, -1075.5, -1023.5,
                                 0.5, -0.5, 0x1p-60, 1e-10, 3.5, 52.5 };
static const double h_expm1[] = { 0x1.62e42fefa39efp+9, 0x1p-54, -0x1p-54, 0x1p-30, -0x1p-30,
                                   0x1.62e42fefa39efp-1, -0x1.62e42fefa39efp-1, 1e-5, -1e-5,
                                   -37.5, -38, 0.125, -0.125, 1e-300 };
static const double h_log[] = { 1, 0x1.0000000000001p+0, 0x1.fffffffffffffp-1, 2, 0.5, 10,
                                 0x1p-1022, 0x1p-1074, 1e-310, DBL_MAX, 0x1.6a09e667f3bcdp+0,
                                 0x1.6a09e667f3bccp-1, 2.718281828459045, 1e300, 1e-300 };
static const double h_log1p[] = { -0x1.fffffffffffffp-1, -0.5, 0x1p-54, -0x1p-54, 1e-300,
                                  0x1p-1074, 1e307, 1.5e307, DBL_MAX, 0x1.6a09e667f3bcdp-1,
                                  -0x1.2bec333018867p-2, 1e-10, 1, 0x1p53 };
static const double h_asin[] = { 1, -1, 0x1.fffffffffffffp-1, -0x1.fffffffffffffp-1, 0.5, -0.5,
                                 0x1p-27, 0x1p-1074, 0.9999, 0.70710678118654757, 0.975 };
static const double h_atan[] = { 1, -1, 0x1p-27, 0x1p27, 1e300, DBL_MAX, 0x1p-1074, 0.4375,
                                 2.4375, 0.6875, 1.1875 };
static const double h_hyp[] = { 709, -709, 0x1.62e42fefa39efp+9, 710, -710, 0x1.633ce8fb9f87dp+9,
                                -0x1.633ce8fb9f87dp+9, 0x1.633ce8fb9f87ep+9, 0x1p-27, 0x1p-1074,
                                1, -1, 22, 19.0615474653984, 40, 0.25, 0x1.62e42fefa39efp-1 };
static const double h_cbrt[] = { 8, -27, 0x1p-1074, 0x1p-1022, DBL_MAX, -DBL_MAX, 1, 3, 0x1p3,
                                 0x1.0000000000001p+0, 1e-300, 1000 };
static const double h_asinh[] = { 0x1.6a09e667f3bccp+511, -0x1.6a09e667f3bccp+511, 1.34e154, 1.35e154,
                                  DBL_MAX, -DBL_MAX, 0x1p-27, 0x1p-1074, 1, 0.5, 1e300, 0x1p28 };
static const double h_acosh[] = { 1, 0x1.0000000000001p+0, 1.34e154, 1.35e154, DBL_MAX, 2, 1.5,
                                  0x1p28, 1e300 };
static const double h_atanh[] = { 0x1.fffffffffffffp-1, -0x1.fffffffffffffp-1, 0.5, -0.5, 0x1p-27,
                                  0x1p-1074, 0.9999, 1e-10 };
#define H(a) a, sizeof a / sizeof a[0]

static const ufn fns[] = {
    { ND_UF_EXP, "exp", l_exp, -745.2, 709.8, H(h_exp) },
    { ND_UF_EXP2, "exp2", l_exp2, -1075, 1024, H(h_exp2) },
    { ND_UF_EXPM1, "expm1", l_expm1, -40, 709.8, H(h_expm1) },
    { ND_UF_LOG, "log", l_log, 0, 1e300, H(h_logk) },
    { ND_UF_LOG2, "log2", l_log2, 0, 1e300, H(h_log) },
    { ND_UF_LOG10, "log10", l_log10, 0, 1e300, H(h_log) },
    { ND_UF_LOG1P, "log1p", l_log1p, -1, 10, H(h_log1p) },
    { ND_UF_SIN, "sin", l_sin, -1e6, 1e6, H(h_trig) },
    { ND_UF_COS, "cos", l_cos, -1e6, 1e6, H(h_trig) },
    { ND_UF_TAN, "tan", l_tan, -1e4, 1e4, H(h_trig) },
    { ND_UF_ARCSIN, "arcsin", l_asin, -1, 1, H(h_asin) },
    { ND_UF_ARCCOS, "arccos", l_acos, -1, 1, H(h_asin) },
    { ND_UF_ARCTAN, "arctan", l_atan, -100, 100, H(h_atan) },
    { ND_UF_SINH, "sinh", l_sinh, -711, 711, H(h_hyp) },
    { ND_UF_COSH, "cosh", l_cosh, -711, 711, H(h_hyp) },
    { ND_UF_TANH, "tanh", l_tanh, -20, 20, H(h_hyp) },
    { ND_UF_ARCSINH, "arcsinh", l_asinh, -1e3, 1e3, H(h_asinh) },
    { ND_UF_ARCCOSH, "arccosh", l_acosh, 1, 1e3, H(h_acosh) },
    { ND_UF_ARCTANH, "arctanh", l_atanh, -1, 1, H(h_atanh) },
    { ND_UF_CBRT, "cbrt", l_cbrt, -1e3, 1e3, H(h_cbrt) },
};
#define NFN (sizeof fns / sizeof fns[0])

static uint64_t rng_state;
static uint64_t rnd64(void)
{
    uint64_t z = (rng_state += 0x9E3779B97F4A7C15u);
    z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9u;
    z = (z ^ (z >> 27)) * 0x94D049BB133111EBu;
    return z ^ (z >> 31);
}
static double unif(void) { return (double)(rnd64() >> 11) * 0x1p-53; }

static ptrdiff_t n_random(void)
{
    const char *e = getenv("NUMC_ULP_N");
    long v = e ? strtol(e, NULL, 10) : 0;
    return v > 0 ? (ptrdiff_t)v : (ptrdiff_t)1 << 21;
}

static const double specials[] = { 0.0, -0.0, INFINITY, -INFINITY, NAN, -NAN, 0x1p-1074, -0x1p-1074,
                                   DBL_MIN, -DBL_MIN, DBL_MAX, -DBL_MAX, 1, -1, 2, -2, 0.5, -0.5 };
#define NSPECIAL ((ptrdiff_t)(sizeof specials / sizeof specials[0]))

/* Specials, hard cases with their neighbours, then random inputs of four kinds. */
static double *make_inputs(const ufn *f, ptrdiff_t nrand, ptrdiff_t *n_out)
{
    ptrdiff_t n = NSPECIAL + (ptrdiff_t)f->nhard * 10 + nrand;
    double *x = malloc(sizeof *x * (size_t)n);
    ptrdiff_t k = 0;
    for (ptrdiff_t i = 0; i < NSPECIAL; i++) x[k++] = specials[i];
    for (size_t h = 0; h < f->nhard; h++)
        for (int s = -1; s <= 1; s += 2) {
            double v = f->hard[h] * s;
            x[k++] = v;
            x[k++] = nextafter(v, INFINITY);
            x[k++] = nextafter(nextafter(v, INFINITY), INFINITY);
            x[k++] = nextafter(v, -INFINITY);
            x[k++] = nextafter(nextafter(v, -INFINITY), -INFINITY);
        }
    for (ptrdiff_t i = 0; i < nrand; i++) {
        double v;
        switch (i % 4) {
        case 0: v = f->lo + (f->hi - f->lo) * unif(); break;
        case 1:
            v = ldexp(1.0 + unif(), (int)(rnd64() % 2098) - 1074);
            if (rnd64() & 1) v = -v;
            break;
        case 2: {
            uint64_t b = rnd64();
            memcpy(&v, &b, sizeof v);
            break;
        }
        default: /* the main range's small end, and around 1 */
            v = (i & 4) ? (f->lo + (f->hi - f->lo) * unif()) * 0x1p-20 : 1 + (unif() - 0.5) * 0x1p-10;
            break;
        }
        x[k++] = v;
    }
    *n_out = k;
    return x;
}

/* The error of `got` in ULPs of the double format at the exact value `r`; -1 when a
 * special outcome (NaN, an infinity, a zero's sign) differs from the correctly rounded
 * one. */
static double ulp_err(double got, long double r)
{
    double rd = (double)r;
    if (isnan(rd) || isnan(got)) return isnan(rd) && isnan(got) ? 0 : -1;
    if (isinf(rd) || isinf(got)) return rd == got ? 0 : -1;
    if (rd == 0 && got == 0) return signbit(rd) == signbit(got) ? 0 : -1;
    int e;
    frexpl(r, &e);
    long double u = ldexpl(1.0L, e - 53 < -1074 ? -1074 : e - 53);
    return (double)(fabsl((long double)got - r) / u);
}

static double ulp_err_f(float got, long double r)
{
    float rf = (float)r;
    if (isnan(rf) || isnan(got)) return isnan(rf) && isnan(got) ? 0 : -1;
    if (isinf(rf) || isinf(got)) return rf == got ? 0 : -1;
    if (rf == 0 && got == 0) return signbit(rf) == signbit(got) ? 0 : -1;
    int e;
    frexpl(r, &e);
    long double u = ldexpl(1.0L, e - 24 < -149 ? -149 : e - 24);
    return (double)(fabsl((long double)got - r) / u);
}

/* The levels to test: each distinct one this CPU runs, highest first. */
static int levels(int *out)
{
    int n = 0, prev = -1;
    for (int l = 2; l >= 0; l--) {
        int got = nd__vmath_set_level(l);
        if (got != prev) out[n++] = got;
        prev = got;
    }
    nd__vmath_set_level(-1);
    return n;
}

static nd_array *apply1(nd_ufunc f, nd_array *a)
{
    return nd_ufunc_apply(f, &(nd_operand){ a, { ND_BOOL, { false } }, ND_OPK_ARRAY }, NULL);
}

static void test_f64_within_1ulp(void)
{
    nd_errstate old = nd_seterr(.all = ND_ERR_IGNORE);
    int lv[3], nl = levels(lv);
    ptrdiff_t nrand = n_random();
    for (size_t k = 0; k < NFN; k++) {
        const ufn *f = &fns[k];
        rng_state = 0x1234567u + k;
        ptrdiff_t n;
        double *x = make_inputs(f, nrand, &n);
        long double *ref = malloc(sizeof *ref * (size_t)n);
        for (ptrdiff_t i = 0; i < n; i++) ref[i] = f->ref((long double)x[i]);
        nd_array *a = nd_from_f64(x, n);
        for (int l = 0; l < nl; l++) {
            nd__vmath_set_level(lv[l]);
            nd_array *y = apply1(f->f, a);
            CU_ASSERT_PTR_NOT_NULL_FATAL(y);
            const double *g = nd_data(y);
            double worst = 0, wx = 0;
            int bad = 0;
            for (ptrdiff_t i = 0; i < n; i++) {
                double e = ulp_err(g[i], ref[i]);
                if (e < 0) {
                    if (bad++ < 3)
                        printf("\n  %s(%a) = %a, correctly rounded %a (level %d)", f->name, x[i],
                               g[i], (double)ref[i], lv[l]);
                } else if (e > worst) {
                    worst = e;
                    wx = x[i];
                }
            }
            printf("\n  %-8s level %d: max %.3f ULP at %a over %td inputs", f->name, lv[l],
                   worst, wx, n);
            CU_ASSERT_TRUE(worst <= 1.0);
            CU_ASSERT_EQUAL(bad, 0);
            nd_free(y);
        }
        nd_free(a);
        free(ref);
        free(x);
    }
    printf("\n");
    nd__vmath_set_level(-1);
    nd_seterr_(&old);
}

/* float32: the same inputs rounded to float: at most 1 ULP on SLEEF's u10 float kernels,
 * 4 on libmvec's (the floor test_ufunc_accuracy also holds). */
static void test_f32_within_1ulp(void)
{
    const double bound = nd__vmath_f32_sleef() ? 1.0 : 4.0;
    printf(" [float32 on %s, bound %.0f ULP]", nd__vmath_f32_sleef() ? "SLEEF" : "libmvec", bound);
    nd_errstate old = nd_seterr(.all = ND_ERR_IGNORE);
    int lv[3], nl = levels(lv);
    ptrdiff_t nrand = n_random() / 2;
    for (size_t k = 0; k < NFN; k++) {
        const ufn *f = &fns[k];
        rng_state = 0x7654321u + k;
        ptrdiff_t n;
        double *x = make_inputs(f, nrand, &n);
        float *xf = malloc(sizeof *xf * (size_t)n);
        long double *ref = malloc(sizeof *ref * (size_t)n);
        for (ptrdiff_t i = 0; i < n; i++) {
            /* bit patterns of floats for the random-bits kind, else the rounded double */
            xf[i] = (float)x[i];
            if (i % 4 == 2) {
                uint32_t b = (uint32_t)rnd64();
                memcpy(&xf[i], &b, sizeof b);
            }
            ref[i] = f->ref((long double)xf[i]);
        }
        nd_array *a = nd_from_buffer(xf, ND_SHAPE(n), ND_FLOAT32);
        for (int l = 0; l < nl; l++) {
            nd__vmath_set_level(lv[l]);
            nd_array *y = apply1(f->f, a);
            CU_ASSERT_PTR_NOT_NULL_FATAL(y);
            const float *g = nd_data(y);
            double worst = 0, wx = 0;
            int bad = 0;
            for (ptrdiff_t i = 0; i < n; i++) {
                double e = ulp_err_f(g[i], ref[i]);
                if (e < 0) {
                    if (bad++ < 3)
                        printf("\n  %sf(%a) = %a, correctly rounded %a (level %d)", f->name,
                               (double)xf[i], (double)g[i], (double)(float)ref[i], lv[l]);
                } else if (e > worst) {
                    worst = e;
                    wx = xf[i];
                }
            }
            printf("\n  %-8s f32 level %d: max %.3f ULP at %a", f->name, lv[l], worst, wx);
            CU_ASSERT_TRUE(worst <= bound);
            CU_ASSERT_EQUAL(bad, 0);
            nd_free(y);
        }
        nd_free(a);
        free(ref);
        free(xf);
        free(x);
    }
    printf("\n");
    nd__vmath_set_level(-1);
    nd_seterr_(&old);
}

/* Two-argument inputs: x, y of every sign over many binades, the special grid, and
 * (pow) bases near 1 with large exponents, results near overflow and underflow. */
static void fill2(double *x, double *y, ptrdiff_t n, bool is_pow)
{
    static const double sp[] = { 0.0, -0.0, INFINITY, -INFINITY, NAN, 1, -1, 2, -2, 0.5, -0.5, 3,
                                 -3, 0x1p-1074, DBL_MAX, 1e-300, 1e300 };
    const ptrdiff_t ns = (ptrdiff_t)(sizeof sp / sizeof sp[0]);
    ptrdiff_t k = 0;
    for (ptrdiff_t i = 0; i < ns; i++)
        for (ptrdiff_t j = 0; j < ns; j++, k++) {
            x[k] = sp[i];
            y[k] = sp[j];
        }
    for (; k < n; k++) {
        switch (k % 5) {
        case 0:
            x[k] = ldexp(1.0 + unif(), (int)(rnd64() % 2098) - 1074);
            y[k] = ldexp(1.0 + unif(), (int)(rnd64() % 2098) - 1074);
            if (!is_pow && (rnd64() & 1)) x[k] = -x[k];
            if (rnd64() & 1) y[k] = -y[k];
            if (is_pow) y[k] = fmod(y[k], 2048);
            break;
        case 1:
            x[k] = ldexp(1.0 + unif(), (int)(rnd64() % 200) - 100);
            y[k] = 80 * unif() - 40;
            break;
        case 2: /* near 1, large exponents */
            x[k] = 1 + (unif() - 0.5) * 0x1p-20;
            y[k] = (unif() - 0.5) * 0x1p40;
            break;
        case 3: /* results near DBL_MAX and the subnormals */
            x[k] = 1 + unif();
            y[k] = (rnd64() & 1 ? 1024 : -1074) / log2(x[k]) * (1 + (unif() - 0.5) * 1e-3);
            break;
        default: /* negative bases, integer exponents */
            x[k] = -ldexp(1.0 + unif(), (int)(rnd64() % 60) - 30);
            y[k] = floor(60 * unif() - 30);
            if (!is_pow) y[k] = 2 * unif() - 1;
            break;
        }
    }
}

static void check2(nd_ufunc f, const char *name, bool is_pow)
{
    nd_errstate old = nd_seterr(.all = ND_ERR_IGNORE);
    int lv[3], nl = levels(lv);
    ptrdiff_t n = n_random();
    double *x = malloc(sizeof *x * (size_t)n), *y = malloc(sizeof *y * (size_t)n);
    long double *ref = malloc(sizeof *ref * (size_t)n);
    rng_state = is_pow ? 99 : 77;
    fill2(x, y, n, is_pow);
    for (ptrdiff_t i = 0; i < n; i++)
        ref[i] = is_pow ? powl(x[i], y[i]) : atan2l(x[i], y[i]);
    nd_array *a = nd_from_f64(x, n), *b = nd_from_f64(y, n);
    for (int l = 0; l < nl; l++) {
        nd__vmath_set_level(lv[l]);
        nd_array *r = nd_ufunc_apply(f, (nd_operand[]){ { a, { ND_BOOL, { false } }, ND_OPK_ARRAY },
                                                       { b, { ND_BOOL, { false } }, ND_OPK_ARRAY } },
                                     NULL);
        CU_ASSERT_PTR_NOT_NULL_FATAL(r);
        const double *g = nd_data(r);
        double worst = 0, wx = 0, wy = 0;
        int bad = 0;
        for (ptrdiff_t i = 0; i < n; i++) {
            double e = ulp_err(g[i], ref[i]);
            if (e < 0) {
                if (bad++ < 3)
                    printf("\n  %s(%a, %a) = %a, correctly rounded %a (level %d)", name, x[i], y[i],
                           g[i], (double)ref[i], lv[l]);
            } else if (e > worst) {
                worst = e;
                wx = x[i];
                wy = y[i];
            }
        }
        printf("\n  %-8s level %d: max %.3f ULP at (%a, %a) over %td inputs", name, lv[l], worst,
               wx, wy, n);
        CU_ASSERT_TRUE(worst <= 1.0);
        CU_ASSERT_EQUAL(bad, 0);
        nd_free(r);
    }
    printf("\n");
    nd_free(a);
    nd_free(b);
    free(ref);
    free(x);
    free(y);
    nd__vmath_set_level(-1);
    nd_seterr_(&old);
}

static void test_power_within_1ulp(void) { check2(ND_UF_POWER, "power", true); }
static void test_arctan2_within_1ulp(void) { check2(ND_UF_ARCTAN2, "arctan2", false); }

/* ---- IEEE flags: NumPy 1.24's warnings for each special input ------------------------- */
static unsigned seen_bits;
static void collect(const char *msg, unsigned bits, void *ctx)
{
    (void)msg;
    (void)ctx;
    seen_bits |= bits;
}

#define D ND_FPE_DIVIDE
#define O ND_FPE_OVERFLOW
#define U ND_FPE_UNDERFLOW
#define I ND_FPE_INVALID
typedef struct flag_case {
    nd_ufunc f;
    double x, y; /* y: the second operand of power / arctan2 */
    unsigned bits;
} flag_case;

/* From NumPy 1.24 (np.errstate(all='warn'), 21 copies of the input): see
 * tests/data/ulp/flags.py and its output flags.txt. NumPy's float32 tanh and cbrt of a
 * subnormal warn of underflow or not depending on the array's length (its SIMD loops
 * against libm): those two are left out. */
static const flag_case f64_cases[] = {
    { ND_UF_EXP, 1000, 0, O }, { ND_UF_EXP, -1000, 0, U }, { ND_UF_EXP, -INFINITY, 0, 0 },
    { ND_UF_EXP, NAN, 0, 0 }, { ND_UF_EXP, -745.2, 0, U }, { ND_UF_LOG, 0.0, 0, D },
    { ND_UF_LOG, -0.0, 0, D }, { ND_UF_LOG, -1, 0, I }, { ND_UF_LOG, INFINITY, 0, 0 },
    { ND_UF_SIN, INFINITY, 0, I }, { ND_UF_SIN, 1e300, 0, 0 }, { ND_UF_SIN, 5e-324, 0, U },
    { ND_UF_TAN, -INFINITY, 0, I }, { ND_UF_ARCSIN, 2, 0, I }, { ND_UF_ARCCOS, -1.5, 0, I },
    { ND_UF_ARCTAN, 5e-324, 0, U }, { ND_UF_SINH, 710, 0, 0 }, { ND_UF_SINH, -711, 0, O },
    { ND_UF_COSH, 710.4, 0, 0 }, { ND_UF_COSH, 711, 0, O }, { ND_UF_LOG1P, -1, 0, D },
    { ND_UF_LOG1P, -2, 0, I }, { ND_UF_LOG1P, 1e308, 0, 0 }, { ND_UF_ARCTANH, 1, 0, D },
    { ND_UF_ARCTANH, 2, 0, I }, { ND_UF_ARCCOSH, 0.5, 0, I }, { ND_UF_ARCSINH, 1e300, 0, 0 },
    { ND_UF_EXPM1, 710, 0, O }, { ND_UF_EXP2, 1024, 0, O }, { ND_UF_EXP2, -1100, 0, U },
    { ND_UF_EXP2, -1060.5, 0, U }, { ND_UF_LOG2, 0, 0, D }, { ND_UF_LOG10, -0.0, 0, D },
    { ND_UF_CBRT, -INFINITY, 0, 0 }, { ND_UF_TANH, 1e300, 0, 0 }, { ND_UF_TANH, 5e-324, 0, 0 },
    { ND_UF_SINH, 5e-324, 0, U }, { ND_UF_EXPM1, -5e-324, 0, U }, { ND_UF_LOG1P, 5e-324, 0, U },
    { ND_UF_CBRT, 5e-324, 0, 0 }, { ND_UF_ARCTANH, 1e-310, 0, U }, { ND_UF_TAN, 5e-324, 0, U },
    { ND_UF_ARCSIN, 5e-324, 0, U }, { ND_UF_ARCSINH, 5e-324, 0, U },
    { ND_UF_POWER, 0.0, -1.0, D }, { ND_UF_POWER, -1.0, 0.5, I }, { ND_UF_POWER, 10, 400, O },
    { ND_UF_POWER, 0.5, 2000, U }, { ND_UF_POWER, 2, -1074, U }, { ND_UF_POWER, NAN, 0, 0 },
    { ND_UF_POWER, 1, NAN, 0 }, { ND_UF_POWER, -8, 1.0 / 3, I }, { ND_UF_POWER, 0, 0, 0 },
    { ND_UF_POWER, -0.0, -3, D }, { ND_UF_ARCTAN2, 1e-300, 1e300, U },
    { ND_UF_ARCTAN2, NAN, 1, 0 }, { ND_UF_ARCTAN2, INFINITY, INFINITY, 0 },
    { ND_UF_ARCTAN2, 0.0, -0.0, 0 }, { ND_UF_ARCTAN2, -1e-300, -1e300, 0 },
    { ND_UF_ARCTAN2, 5e-324, 3, U },
};
static const flag_case f32_cases[] = {
    { ND_UF_EXP, -104, 0, U }, { ND_UF_EXP, 89, 0, O }, { ND_UF_SINH, 89, 0, 0 },
    { ND_UF_SINH, 89.5, 0, O }, { ND_UF_COSH, -89.3, 0, 0 }, { ND_UF_LOG1P, 3e38, 0, 0 },
    { ND_UF_ARCSINH, 3e38, 0, 0 }, { ND_UF_ARCCOSH, 3e38, 0, 0 }, { ND_UF_LOG, 0, 0, D },
    { ND_UF_SIN, 1e-45, 0, U }, { ND_UF_ARCTAN, -1e-39, 0, U }, { ND_UF_SIN, INFINITY, 0, I },
    { ND_UF_LOG, -1, 0, I },
};

static void run_flag_cases(const flag_case *c, size_t nc, nd_dtype dt)
{
    nd_errstate old = nd_seterr(.all = ND_ERR_WARN);
    nd_seterrcall(collect, NULL);
    int lv[3], nl = levels(lv);
    for (int l = 0; l < nl; l++) {
        nd__vmath_set_level(lv[l]);
        for (size_t i = 0; i < nc; i++) {
            /* libmvec's sinhf overflows early (sinhf(89) = inf): SLEEF builds only */
            if (dt == ND_FLOAT32 && !nd__vmath_f32_sleef() && c[i].f == ND_UF_SINH) continue;
            nd_array *a = nd_full(ND_SHAPE(21), dt, ND_F64(c[i].x));
            nd_array *b = nd_full(ND_SHAPE(21), dt, ND_F64(c[i].y));
            seen_bits = 0;
            bool two = c[i].f == ND_UF_POWER || c[i].f == ND_UF_ARCTAN2;
            nd_array *r = two ? nd_ufunc_apply(c[i].f,
                                               (nd_operand[]){ { a, { ND_BOOL, { false } }, ND_OPK_ARRAY },
                                                               { b, { ND_BOOL, { false } }, ND_OPK_ARRAY } },
                                               NULL)
                              : apply1(c[i].f, a);
            CU_ASSERT_PTR_NOT_NULL(r);
            if (seen_bits != c[i].bits)
                printf("\n  %s %s(%a%s): flags %#x, NumPy %#x (level %d)",
                       dt == ND_FLOAT32 ? "float32" : "float64", nd_ufunc_name(c[i].f), c[i].x,
                       two ? ", y" : "", seen_bits, c[i].bits, lv[l]);
            CU_ASSERT_EQUAL(seen_bits, c[i].bits);
            nd_free(r);
            nd_free(a);
            nd_free(b);
        }
    }
    nd__vmath_set_level(-1);
    nd_seterrcall(NULL, NULL);
    nd_seterr_(&old);
}

static void test_flags_f64_as_numpy(void) { run_flag_cases(f64_cases, sizeof f64_cases / sizeof f64_cases[0], ND_FLOAT64); }
static void test_flags_f32_as_numpy(void) { run_flag_cases(f32_cases, sizeof f32_cases / sizeof f32_cases[0], ND_FLOAT32); }

/* Results that are finite although SLEEF's u10 kernels give inf there (recomputed). */
static void test_fixed_up_lanes_exact(void)
{
    const double x[] = { 710, -710.4, 0x1.633ce8fb9f87dp+9, 1e300, -1e300, 1e308, 1.5e154, 2, 3, 4, 5 };
    nd_errstate old = nd_seterr(.all = ND_ERR_IGNORE);
    nd_array *a = nd_from_f64(x, 11);
    nd_array *s = nd_sinh(a), *c = nd_cosh(a), *as = nd_arcsinh(a);
    CU_ASSERT_EQUAL(nd_get_f64(s, ND_IDX(0)), (double)sinhl(x[0]));
    CU_ASSERT_EQUAL(nd_get_f64(s, ND_IDX(1)), (double)sinhl(x[1]));
    CU_ASSERT_EQUAL(nd_get_f64(c, ND_IDX(2)), (double)coshl(x[2]));
    CU_ASSERT_TRUE(isfinite(nd_get_f64(c, ND_IDX(2))));
    CU_ASSERT_EQUAL(nd_get_f64(as, ND_IDX(3)), (double)asinhl(x[3]));
    CU_ASSERT_EQUAL(nd_get_f64(as, ND_IDX(4)), (double)asinhl(x[4]));
    nd_array *l1 = nd_log1p(a), *ac = nd_arccosh(a);
    CU_ASSERT_EQUAL(nd_get_f64(l1, ND_IDX(5)), (double)log1pl(x[5]));
    CU_ASSERT_EQUAL(nd_get_f64(ac, ND_IDX(6)), (double)acoshl(x[6]));
    nd_seterr_(&old);
    nd_free(ac);
    nd_free(l1);
    nd_free(as);
    nd_free(c);
    nd_free(s);
    nd_free(a);
}

/* Strided, broadcast, in-place and reduce forms give the contiguous results. */
static void test_paths_match_contiguous(void)
{
    const ptrdiff_t n = 2085;
    nd_array *base = nd_linspace(-3, 3, 2 * n);
    nd_array *ev = nd_view(base, "::2"), *c = nd_copy(ev, ND_ORDER_C);
    nd_array *pos = nd_absolute(c);
    /* unary, strided input, and in place */
    nd_array *s1 = nd_sinh(ev), *s2 = nd_sinh(c), *ip = nd_copy(c, ND_ORDER_C);
    CU_ASSERT_EQUAL(nd_sinh_into(ip, ip), ND_OK);
    for (ptrdiff_t i = 0; i < n; i++) {
        CU_ASSERT_EQUAL(nd_get_f64(s1, ND_IDX(i)), nd_get_f64(s2, ND_IDX(i)));
        CU_ASSERT_EQUAL(nd_get_f64(ip, ND_IDX(i)), nd_get_f64(s2, ND_IDX(i)));
    }
    /* binary: strided x, broadcast y, in place on either operand */
    nd_array *p1 = nd_arctan2(ev, 0.75), *p2 = nd_arctan2(c, 0.75);
    nd_array *q = nd_copy(pos, ND_ORDER_C), *q2 = nd_power(pos, c);
    CU_ASSERT_EQUAL(nd_power_into(q, q, c), ND_OK);
    nd_array *r = nd_copy(c, ND_ORDER_C);
    CU_ASSERT_EQUAL(nd_power_into(r, pos, r), ND_OK);
    for (ptrdiff_t i = 0; i < n; i++) {
        CU_ASSERT_EQUAL(nd_get_f64(p1, ND_IDX(i)), nd_get_f64(p2, ND_IDX(i)));
        double e = ulp_err(nd_get_f64(p2, ND_IDX(i)), atan2l(nd_get_f64(c, ND_IDX(i)), 0.75L));
        CU_ASSERT_TRUE(e >= 0 && e <= 1);
        CU_ASSERT_EQUAL(nd_get_f64(q, ND_IDX(i)), nd_get_f64(q2, ND_IDX(i)));
        CU_ASSERT_EQUAL(nd_get_f64(r, ND_IDX(i)), nd_get_f64(q2, ND_IDX(i)));
    }
    /* reduce: arctan2.reduce([a, b, c]) = arctan2(arctan2(a, b), c) */
    nd_array *v = nd_from_f64((double[]){ 2.0, 3.0, 0.5, -1.5 }, 4);
    nd_array *red = nd_ufunc_reduce(ND_UF_ARCTAN2, v, NULL);
    CU_ASSERT_PTR_NOT_NULL_FATAL(red);
    double want = atan2(atan2(atan2(2.0, 3.0), 0.5), -1.5);
    CU_ASSERT_DOUBLE_EQUAL(nd_item_f64(red), want, 1e-15);
    nd_array *pred = nd_ufunc_reduce(ND_UF_POWER, v, NULL);
    CU_ASSERT_PTR_NOT_NULL_FATAL(pred);
    CU_ASSERT_DOUBLE_EQUAL(nd_item_f64(pred), pow(pow(pow(2.0, 3.0), 0.5), -1.5), 1e-15);
    nd_free(pred);
    nd_free(red);
    nd_free(v);
    nd_free(r);
    nd_free(q2);
    nd_free(q);
    nd_free(p2);
    nd_free(p1);
    nd_free(ip);
    nd_free(s2);
    nd_free(s1);
    nd_free(pos);
    nd_free(c);
    nd_free(ev);
    nd_free(base);
}

static const ND_TEST tests[] = {
    ND_T(test_flags_f64_as_numpy),
    ND_T(test_flags_f32_as_numpy),
    ND_T(test_fixed_up_lanes_exact),
    ND_T(test_paths_match_contiguous),
    ND_T(test_power_within_1ulp),
    ND_T(test_arctan2_within_1ulp),
    ND_T(test_f64_within_1ulp),
    ND_T(test_f32_within_1ulp),
    { 0 },
};
ND_TEST_MAIN("ulp_f64", tests)
