/* Math loops: sqrt, the complex exp/log/trig family (C99 <complex.h> with NumPy's
 * formulas where they differ), logaddexp(2), hypot, deg2rad, rad2deg, sinc,
 * and the tables of every transcendental function (real loops and arctan2: loops_vmath.c). */
#include "ufunc_internal.h"
#include "vmath_sleef.h"

#include <complex.h>

/* C11's CMPLX/CMPLXF: glibc defines them only for GCC >= 4.7, which clang does not claim. */
#ifndef CMPLX
#define CMPLX(x, y) __builtin_complex((double)(x), (double)(y))
#endif
#ifndef CMPLXF
#define CMPLXF(x, y) __builtin_complex((float)(x), (float)(y))
#endif

ND__FILE_NO_MATH_ERRNO

#define ND_LN2 0.693147180559945309417232121458176568
#define ND_LN10 2.30258509299404568401799145468436421
#define ND_LOG2E 1.44269504088896340735992468100189214
#define ND_PI 3.14159265358979323846264338327950288


/* ---- complex: convert to C99 complex, apply, convert back ------------------------------ */
static inline double complex tc128(nd__c128 z) { return CMPLX(z.re, z.im); }
static inline float complex tc64(nd__c64 z) { return CMPLXF(z.re, z.im); }
static inline nd__c128 fc128(double complex z) { return (nd__c128){ creal(z), cimag(z) }; }
static inline nd__c64 fc64(float complex z) { return (nd__c64){ crealf(z), cimagf(z) }; }

#define C99_LOOP(np, c)                                                                \
    ND__UNARY_LOOP(np##_c128, nd__c128, nd__c128, fc128(c(tc128(x))))                  \
    ND__UNARY_LOOP(np##_c64, nd__c64, nd__c64, fc64(c##f(tc64(x))))
C99_LOOP(sqrt, csqrt)
C99_LOOP(exp, cexp)
C99_LOOP(log, clog)
C99_LOOP(sin, csin)
C99_LOOP(cos, ccos)
C99_LOOP(tan, ctan)
C99_LOOP(arcsin, casin)
C99_LOOP(arccos, cacos)
C99_LOOP(arctan, catan)
C99_LOOP(sinh, csinh)
C99_LOOP(cosh, ccosh)
C99_LOOP(tanh, ctanh)
C99_LOOP(arcsinh, casinh)
C99_LOOP(arccosh, cacosh)
C99_LOOP(arctanh, catanh)

/* exp2, log2, log10 by scaling; expm1 and log1p by NumPy's formulas (nc_expm1,
 * nc_log1p), which keep the real part accurate near 0. */
#define CPLX_EXTRA(CT, RT, sfx, CEXP, CLOG, TC, FC, SIN, COS, EXPM1, EXP, HYPOT, ATAN2, LOG) \
    static inline CT exp2_##sfx##_(CT z)                                                \
    {                                                                                  \
        return FC(CEXP(TC(((CT){ z.re * (RT)ND_LN2, z.im * (RT)ND_LN2 }))));           \
    }                                                                                  \
    static inline CT log2_##sfx##_(CT z)                                                \
    {                                                                                  \
        CT r = FC(CLOG(TC(z)));                                                        \
        return (CT){ r.re * (RT)ND_LOG2E, r.im * (RT)ND_LOG2E };                       \
    }                                                                                  \
    static inline CT log10_##sfx##_(CT z)                                               \
    {                                                                                  \
        CT r = FC(CLOG(TC(z)));                                                        \
        return (CT){ r.re / (RT)ND_LN10, r.im / (RT)ND_LN10 };                         \
    }                                                                                  \
    static inline CT expm1_##sfx##_(CT z)                                               \
    {                                                                                  \
        RT a = SIN(z.im / 2);                                                          \
        return (CT){ EXPM1(z.re) * COS(z.im) - 2 * a * a, EXP(z.re) * SIN(z.im) };     \
    }                                                                                  \
    static inline CT log1p_##sfx##_(CT z)                                               \
    {                                                                                  \
        RT l = HYPOT(z.re + 1, z.im);                                                  \
        return (CT){ LOG(l), ATAN2(z.im, z.re + 1) };                                  \
    }                                                                                  \
    ND__UNARY_LOOP(exp2_##sfx, CT, CT, exp2_##sfx##_(x))                               \
    ND__UNARY_LOOP(log2_##sfx, CT, CT, log2_##sfx##_(x))                               \
    ND__UNARY_LOOP(log10_##sfx, CT, CT, log10_##sfx##_(x))                             \
    ND__UNARY_LOOP(expm1_##sfx, CT, CT, expm1_##sfx##_(x))                             \
    ND__UNARY_LOOP(log1p_##sfx, CT, CT, log1p_##sfx##_(x))
CPLX_EXTRA(nd__c128, double, c128, cexp, clog, tc128, fc128, sin, cos, expm1, exp, hypot, atan2, log)
CPLX_EXTRA(nd__c64, float, c64, cexpf, clogf, tc64, fc64, sinf, cosf, expm1f, expf, hypotf, atan2f, logf)

/* ---- logaddexp(2): log(exp(x) + exp(y)) without overflow (NumPy's npy_logaddexp) ------ */
#define LOGADDEXP(T, sfx, LOG1P, EXP, EXP2)                                             \
    static inline T lae_##sfx(T x, T y)                                                \
    {                                                                                  \
        if (x == y) return x + (T)ND_LN2; /* also handles infinities of one sign */    \
        T d = x - y;                                                                   \
        if (d > 0) return x + LOG1P(EXP(-d));                                          \
        if (d <= 0) return y + LOG1P(EXP(d));                                          \
        return d; /* NaN */                                                            \
    }                                                                                  \
    static inline T lae2_##sfx(T x, T y)                                               \
    {                                                                                  \
        if (x == y) return x + 1;                                                      \
        T d = x - y;                                                                   \
        if (d > 0) return x + (T)ND_LOG2E * LOG1P(EXP2(-d));                           \
        if (d <= 0) return y + (T)ND_LOG2E * LOG1P(EXP2(d));                           \
        return d;                                                                      \
    }                                                                                  \
    ND__BINARY_LOOP(logaddexp_##sfx, T, T, lae_##sfx(x, y))                            \
    ND__BINARY_LOOP(logaddexp2_##sfx, T, T, lae2_##sfx(x, y))
LOGADDEXP(float, f32, log1pf, expf, exp2f)
LOGADDEXP(double, f64, log1p, exp, exp2)

ND__BINARY_LOOP(hypot_f32, float, float, hypotf(x, y))
ND__BINARY_LOOP(hypot_f64, double, double, hypot(x, y))

ND__UNARY_LOOP(deg2rad_f32, float, float, x * (float)(ND_PI / 180.0))
ND__UNARY_LOOP(deg2rad_f64, double, double, x * (ND_PI / 180.0))
ND__UNARY_LOOP(rad2deg_f32, float, float, x * (float)(180.0 / ND_PI))
ND__UNARY_LOOP(rad2deg_f64, double, double, x * (180.0 / ND_PI))

/* sinc(x) = sin(pi x) / (pi x); exactly 1 at 0. */
ND__UNARY_LOOP(sinc_f32, float, float,
               x == 0 ? 1.0f : sinf((float)ND_PI * x) / ((float)ND_PI * x))
ND__UNARY_LOOP(sinc_f64, double, double, x == 0 ? 1.0 : sin(ND_PI * x) / (ND_PI * x))
static inline nd__c128 csinc_c128(nd__c128 z)
{
    if (z.re == 0 && z.im == 0) return (nd__c128){ 1, 0 };
    double complex w = ND_PI * tc128(z);
    return fc128(csin(w) / w);
}
static inline nd__c64 csinc_c64(nd__c64 z)
{
    if (z.re == 0 && z.im == 0) return (nd__c64){ 1, 0 };
    float complex w = (float)ND_PI * tc64(z);
    return fc64(csinf(w) / w);
}
ND__UNARY_LOOP(sinc_c128, nd__c128, nd__c128, csinc_c128(x))
ND__UNARY_LOOP(sinc_c64, nd__c64, nd__c64, csinc_c64(x))

/* ---- tables ------------------------------------------------------------------------------ */
#define VM_ROW(np) [ND_FLOAT32] = nd__vm_##np##_f32, [ND_FLOAT64] = nd__vm_##np##_f64
#define C_ROW(np) [ND_COMPLEX64] = np##_c64, [ND_COMPLEX128] = np##_c128
#define F_ROW(np) [ND_FLOAT32] = np##_f32, [ND_FLOAT64] = np##_f64

const nd__loop_fn nd__loops_sqrt[ND_NTYPES] = { [ND_FLOAT32] = nd__vm_sqrt_f32, [ND_FLOAT64] = nd__vm_sqrt_f64, C_ROW(sqrt) };
const nd__loop_fn nd__loops_cbrt[ND_NTYPES] = { VM_ROW(cbrt) };
const nd__loop_fn nd__loops_exp[ND_NTYPES] = { VM_ROW(exp), C_ROW(exp) };
const nd__loop_fn nd__loops_exp2[ND_NTYPES] = { VM_ROW(exp2), C_ROW(exp2) };
const nd__loop_fn nd__loops_expm1[ND_NTYPES] = { VM_ROW(expm1), C_ROW(expm1) };
const nd__loop_fn nd__loops_log[ND_NTYPES] = { VM_ROW(log), C_ROW(log) };
const nd__loop_fn nd__loops_log2[ND_NTYPES] = { VM_ROW(log2), C_ROW(log2) };
const nd__loop_fn nd__loops_log10[ND_NTYPES] = { VM_ROW(log10), C_ROW(log10) };
const nd__loop_fn nd__loops_log1p[ND_NTYPES] = { VM_ROW(log1p), C_ROW(log1p) };
const nd__loop_fn nd__loops_sin[ND_NTYPES] = { VM_ROW(sin), C_ROW(sin) };
const nd__loop_fn nd__loops_cos[ND_NTYPES] = { VM_ROW(cos), C_ROW(cos) };
const nd__loop_fn nd__loops_tan[ND_NTYPES] = { VM_ROW(tan), C_ROW(tan) };
const nd__loop_fn nd__loops_arcsin[ND_NTYPES] = { VM_ROW(arcsin), C_ROW(arcsin) };
const nd__loop_fn nd__loops_arccos[ND_NTYPES] = { VM_ROW(arccos), C_ROW(arccos) };
const nd__loop_fn nd__loops_arctan[ND_NTYPES] = { VM_ROW(arctan), C_ROW(arctan) };
const nd__loop_fn nd__loops_sinh[ND_NTYPES] = { VM_ROW(sinh), C_ROW(sinh) };
const nd__loop_fn nd__loops_cosh[ND_NTYPES] = { VM_ROW(cosh), C_ROW(cosh) };
const nd__loop_fn nd__loops_tanh[ND_NTYPES] = { VM_ROW(tanh), C_ROW(tanh) };
const nd__loop_fn nd__loops_arcsinh[ND_NTYPES] = { VM_ROW(arcsinh), C_ROW(arcsinh) };
const nd__loop_fn nd__loops_arccosh[ND_NTYPES] = { VM_ROW(arccosh), C_ROW(arccosh) };
const nd__loop_fn nd__loops_arctanh[ND_NTYPES] = { VM_ROW(arctanh), C_ROW(arctanh) };
const nd__loop_fn nd__loops_logaddexp[ND_NTYPES] = { F_ROW(logaddexp) };
const nd__loop_fn nd__loops_logaddexp2[ND_NTYPES] = { F_ROW(logaddexp2) };
const nd__loop_fn nd__loops_arctan2[ND_NTYPES] = { VM_ROW(arctan2) };
const nd__loop_fn nd__loops_hypot[ND_NTYPES] = { F_ROW(hypot) };
const nd__loop_fn nd__loops_deg2rad[ND_NTYPES] = { F_ROW(deg2rad) };
const nd__loop_fn nd__loops_rad2deg[ND_NTYPES] = { F_ROW(rad2deg) };
const nd__loop_fn nd__loops_sinc[ND_NTYPES] = { F_ROW(sinc), C_ROW(sinc) };
