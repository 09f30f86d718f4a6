/* numc's own float64 exp kernel for AVX-512F (vmath_own.h). CMake compiles this file with
 * -mavx512f -mfma; loops_vmath.c calls these functions only on a CPU that has the set. */
#include "vmath_own.h"

#ifdef ND_HAVE_VMATH_OWN
#include <immintrin.h>

#define VO_ISA avx512
#define VO_W 8
typedef double vo_vd __attribute__((vector_size(64)));
typedef long long vo_vi __attribute__((vector_size(64)));
typedef unsigned long long vo_vu __attribute__((vector_size(64)));
static inline vo_vd vo_fma(vo_vd a, vo_vd b, vo_vd c)
{
    return (vo_vd)_mm512_fmadd_pd((__m512d)a, (__m512d)b, (__m512d)c);
}
/* t[idx[l] & 15] in each lane l, the 16 entries t[] in two registers */
#define VO_TABLE16 1
static inline vo_vd vo_table16(const double *t, vo_vu idx)
{
    return (vo_vd)_mm512_permutex2var_pd(_mm512_loadu_pd(t), (__m512i)idx, _mm512_loadu_pd(t + 8));
}
/* nonzero when some lane of the mask m (0 or all ones) is set */
static inline int vo_any(vo_vi m) { return _mm512_test_epi64_mask((__m512i)m, (__m512i)m) != 0; }
static inline int vo_all(vo_vi m) { return _mm512_test_epi64_mask((__m512i)m, (__m512i)m) == 0xFF; }
#include "vmath_own_kernels.h"
#else
/* ISO C wants a translation unit to declare something. */
typedef int nd__vmath_own_avx512_unused;
#endif
