/* numc's own float64 kernels for AVX2 + FMA (vmath_own.h). CMake compiles this file
 * with -mavx2 -mfma; loops_vmath.c calls these functions only on a CPU that has both. */
#include "vmath_own.h"

#ifdef ND_HAVE_VMATH_OWN
#include <immintrin.h>

#define VO_ISA avx2
#define VO_W 4
#define VO_WITH_LOG 1
typedef double vo_vd __attribute__((vector_size(32)));
typedef long long vo_vi __attribute__((vector_size(32)));
typedef unsigned long long vo_vu __attribute__((vector_size(32)));
static inline vo_vd vo_fma(vo_vd a, vo_vd b, vo_vd c)
{
    return (vo_vd)_mm256_fmadd_pd((__m256d)a, (__m256d)b, (__m256d)c);
}
/* base[idx[l]] by scalar loads: faster than vgatherqpd on the CPU measured (AMD Zen 4) */
static inline vo_vd vo_gather(const double *base, vo_vu idx)
{
    return (vo_vd){ base[idx[0]], base[idx[1]], base[idx[2]], base[idx[3]] };
}
/* nonzero when some lane of the mask m (0 or all ones) is set */
static inline int vo_any(vo_vi m) { return _mm256_movemask_pd(_mm256_castsi256_pd((__m256i)m)); }
static inline int vo_all(vo_vi m) { return _mm256_movemask_pd(_mm256_castsi256_pd((__m256i)m)) == 0xF; }
#include "vmath_own_kernels.h"
#else
/* ISO C wants a translation unit to declare something. */
typedef int nd__vmath_own_avx2_unused;
#endif
