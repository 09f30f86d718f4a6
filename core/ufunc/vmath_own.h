/* numc's own 1-ULP float64 vector kernels (issue 23): exp, expm1, sinh, cosh, tanh and
 * cbrt at the AVX2 and AVX-512 levels, log and log1p at AVX2, where they are both as
 * accurate as SLEEF's u10 kernels or more (0.5-0.8 ULP, tests/test_ulp_f64.c) and faster
 * (docs/ufunc.md has the timings); SLEEF keeps the rest (log and log1p at AVX-512 and
 * sin/cos lost to SLEEF there: gathers and two polynomials cost more than SLEEF's
 * table-free kernels). Written once with the
 * compilers' vector extensions in vmath_own_kernels.h and compiled per instruction set
 * in vmath_own_avx2.c (-mavx2 -mfma) and vmath_own_avx512.c (-mavx512f -mfma); they need
 * FMA, so the SSE2 level keeps SLEEF's. loops_vmath.c picks them in place of SLEEF's
 * and applies the same IEEE flag model (sl_post).
 *
 * Each kernel has the contract of vmath_sleef.h's: out[i] = f(in[i]) for i < n (in and
 * out may be the same array), returning nonzero when some |out[i]| is not in
 * [lo, DBL_MAX]. Lanes outside a kernel's main range (exp and the functions built on it:
 * |x| > 708 or NaN; log, log1p, cbrt: the argument not a normal finite number) are
 * computed by libm's scalar function (in long double for those whose double version is
 * not within 1 ULP there), so the vector path has no branch; the flags the kernels raise
 * are the caller's to clear.
 *
 * Defined with SLEEF on x86-64 (the dispatch of the SLEEF loops): ND_HAVE_VMATH_OWN. */
#ifndef NUMC_VMATH_OWN_H
#define NUMC_VMATH_OWN_H

#include "vmath_sleef.h"

#ifdef ND_HAVE_SLEEF
#define ND_HAVE_VMATH_OWN 1

ND_INTERNAL int nd__vo_avx2_exp_f64(const double *in, double *out, ptrdiff_t n, double lo);
ND_INTERNAL int nd__vo_avx2_log_f64(const double *in, double *out, ptrdiff_t n, double lo);
ND_INTERNAL int nd__vo_avx512_exp_f64(const double *in, double *out, ptrdiff_t n, double lo);
ND_INTERNAL int nd__vo_avx2_cosh_f64(const double *in, double *out, ptrdiff_t n, double lo);
ND_INTERNAL int nd__vo_avx2_sinh_f64(const double *in, double *out, ptrdiff_t n, double lo);
ND_INTERNAL int nd__vo_avx512_cosh_f64(const double *in, double *out, ptrdiff_t n, double lo);
ND_INTERNAL int nd__vo_avx512_sinh_f64(const double *in, double *out, ptrdiff_t n, double lo);
ND_INTERNAL int nd__vo_avx2_cbrt_f64(const double *in, double *out, ptrdiff_t n, double lo);
ND_INTERNAL int nd__vo_avx512_cbrt_f64(const double *in, double *out, ptrdiff_t n, double lo);
ND_INTERNAL int nd__vo_avx2_tanh_f64(const double *in, double *out, ptrdiff_t n, double lo);
ND_INTERNAL int nd__vo_avx512_tanh_f64(const double *in, double *out, ptrdiff_t n, double lo);
ND_INTERNAL int nd__vo_avx2_expm1_f64(const double *in, double *out, ptrdiff_t n, double lo);
ND_INTERNAL int nd__vo_avx512_expm1_f64(const double *in, double *out, ptrdiff_t n, double lo);
ND_INTERNAL int nd__vo_avx2_log1p_f64(const double *in, double *out, ptrdiff_t n, double lo);
#endif

#endif
