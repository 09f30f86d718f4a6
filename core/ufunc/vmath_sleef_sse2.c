/* SLEEF's sse2 kernels (vmath_sleef.h). CMake compiles this file with none (SSE2 is x86-64's baseline);
 * loops_vmath.c calls these functions only on a CPU that has the set. */
#include "vmath_sleef.h"

#ifdef ND_HAVE_SLEEF
#include <immintrin.h>

#define SL_ISA sse2
#define SL_SUFFIX sse2
#define SL_WD 2
#define SL_WF 4
#define SL_VD __m128d
#define SL_VF __m128
#define SL_LOADD _mm_loadu_pd
#define SL_STORED _mm_storeu_pd
#define SL_LOADF _mm_loadu_ps
#define SL_STOREF _mm_storeu_ps
#define SL_MD __m128d
#define SL_MF __m128
#define SL_SET1D _mm_set1_pd
#define SL_SET1F _mm_set1_ps
static inline __m128d sl_okd(__m128d v, __m128d lo, __m128d hi)
{
    __m128d a = _mm_andnot_pd(_mm_set1_pd(-0.0), v);
    return _mm_and_pd(_mm_cmpge_pd(a, lo), _mm_cmple_pd(a, hi));
}
static inline __m128 sl_okf(__m128 v, __m128 lo, __m128 hi)
{
    __m128 a = _mm_andnot_ps(_mm_set1_ps(-0.0f), v);
    return _mm_and_ps(_mm_cmpge_ps(a, lo), _mm_cmple_ps(a, hi));
}
static inline __m128d sl_andd(__m128d a, __m128d b) { return _mm_and_pd(a, b); }
static inline __m128 sl_andf(__m128 a, __m128 b) { return _mm_and_ps(a, b); }
static inline __m128d sl_onesd(void) { return _mm_castsi128_pd(_mm_set1_epi32(-1)); }
static inline __m128 sl_onesf(void) { return _mm_castsi128_ps(_mm_set1_epi32(-1)); }
static inline int sl_alld(__m128d m) { return _mm_movemask_pd(m) == 0x3; }
static inline int sl_allf(__m128 m) { return _mm_movemask_ps(m) == 0xF; }
#include "vmath_sleef_kernels.h"
#else
/* ISO C wants a translation unit to declare something. */
typedef int nd__vmath_sleef_sse2_unused;
#endif
