/* SLEEF's 1-ULP vector functions (Debian libsleef-dev) behind numc's real
 * transcendental loops: the kernels of one instruction set each, over contiguous
 * arrays, compiled in their own file with that set's flags (vmath_sleef_sse2.c,
 * _avx2.c, _avx512.c; CMake adds -mavx2 -mfma / -mavx512f), so that gcc and clang
 * both pass SLEEF's vector arguments in registers as SLEEF expects. loops_vmath.c
 * picks the set from the CPU and applies the IEEE flag model and the few fix-ups.
 *
 * Defined when CMake found SLEEF (NUMC_HAVE_SLEEF) on x86-64: ND_HAVE_SLEEF. */
#ifndef NUMC_VMATH_SLEEF_H
#define NUMC_VMATH_SLEEF_H

#include "ufunc_internal.h"

/* arctan2 (loops_vmath.c): SLEEF's atan2 u10 kernels with SLEEF, else libm's atan2. */
ND_INTERNAL
void nd__vm_arctan2_f32(char **args, const ptrdiff_t *dims, const ptrdiff_t *steps, void *ctx);
ND_INTERNAL
void nd__vm_arctan2_f64(char **args, const ptrdiff_t *dims, const ptrdiff_t *steps, void *ctx);

#if defined(NUMC_HAVE_SLEEF) && defined(__x86_64__) && !defined(NUMC_NO_SLEEF)
#define ND_HAVE_SLEEF 1

/* The kernels of instruction set `isa` (sse2, avx2, avx512): out[i] = f(in[i]) for
 * every function of ND__VMATH_FUNCS, and the two-argument pow and atan2. Tails are
 * padded with a copy of the last element. in and out may be the same array. Each
 * returns nonzero when some |out[i]| is not in [lo, the largest finite value] (NaN,
 * infinities, zeros, subnormals, ...): the results loops_vmath.c then looks at. */
#define ND__SL_DECLARE_1(isa, np, c, nf)                                               \
    ND_INTERNAL int nd__sl_##isa##_##np##_f64(const double *in, double *out, ptrdiff_t n, \
                                              double lo);                              \
    ND_INTERNAL int nd__sl_##isa##_##np##_f32(const float *in, float *out, ptrdiff_t n,  \
                                              float lo);
#define ND__SL_DECLARE_ISA(isa)                                                        \
    ND_INTERNAL int nd__sl_##isa##_pow_f64(const double *x, const double *y, double *out, \
                                           ptrdiff_t n, double lo);                    \
    ND_INTERNAL int nd__sl_##isa##_pow_f32(const float *x, const float *y, float *out,   \
                                           ptrdiff_t n, float lo);                     \
    ND_INTERNAL int nd__sl_##isa##_atan2_f64(const double *y, const double *x,           \
                                             double *out, ptrdiff_t n, double lo);     \
    ND_INTERNAL int nd__sl_##isa##_atan2_f32(const float *y, const float *x, float *out,  \
                                             ptrdiff_t n, float lo);
#define ND__SL_DECLARE_SSE2(np, c, nf) ND__SL_DECLARE_1(sse2, np, c, nf)
#define ND__SL_DECLARE_AVX2(np, c, nf) ND__SL_DECLARE_1(avx2, np, c, nf)
#define ND__SL_DECLARE_AVX512(np, c, nf) ND__SL_DECLARE_1(avx512, np, c, nf)
ND__VMATH_FUNCS(ND__SL_DECLARE_SSE2)
ND__VMATH_FUNCS(ND__SL_DECLARE_AVX2)
ND__VMATH_FUNCS(ND__SL_DECLARE_AVX512)
ND__SL_DECLARE_ISA(sse2)
ND__SL_DECLARE_ISA(avx2)
ND__SL_DECLARE_ISA(avx512)
#endif

#endif
