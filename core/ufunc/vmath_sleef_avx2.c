/* SLEEF's avx2 kernels (vmath_sleef.h). CMake compiles this file with -mavx2 -mfma;
 * loops_vmath.c calls these functions only on a CPU that has the set. */
#include "vmath_sleef.h"

#ifdef ND_HAVE_SLEEF
#include <immintrin.h>

#define SL_ISA avx2
#define SL_SUFFIX avx2
#define SL_WD 4
#define SL_WF 8
#define SL_VD __m256d
#define SL_VF __m256
#define SL_LOADD _mm256_loadu_pd
#define SL_STORED _mm256_storeu_pd
#define SL_LOADF _mm256_loadu_ps
#define SL_STOREF _mm256_storeu_ps
#define SL_MD __m256d
#define SL_MF __m256
#define SL_SET1D _mm256_set1_pd
#define SL_SET1F _mm256_set1_ps
static inline __m256d sl_okd(__m256d v, __m256d lo, __m256d hi)
{
    __m256d a = _mm256_andnot_pd(_mm256_set1_pd(-0.0), v);
    return _mm256_and_pd(_mm256_cmp_pd(a, lo, _CMP_GE_OQ), _mm256_cmp_pd(a, hi, _CMP_LE_OQ));
}
static inline __m256 sl_okf(__m256 v, __m256 lo, __m256 hi)
{
    __m256 a = _mm256_andnot_ps(_mm256_set1_ps(-0.0f), v);
    return _mm256_and_ps(_mm256_cmp_ps(a, lo, _CMP_GE_OQ), _mm256_cmp_ps(a, hi, _CMP_LE_OQ));
}
static inline __m256d sl_andd(__m256d a, __m256d b) { return _mm256_and_pd(a, b); }
static inline __m256 sl_andf(__m256 a, __m256 b) { return _mm256_and_ps(a, b); }
static inline __m256d sl_onesd(void) { return _mm256_castsi256_pd(_mm256_set1_epi32(-1)); }
static inline __m256 sl_onesf(void) { return _mm256_castsi256_ps(_mm256_set1_epi32(-1)); }
static inline int sl_alld(__m256d m) { return _mm256_movemask_pd(m) == 0xF; }
static inline int sl_allf(__m256 m) { return _mm256_movemask_ps(m) == 0xFF; }
#include "vmath_sleef_kernels.h"
#else
/* ISO C wants a translation unit to declare something. */
typedef int nd__vmath_sleef_avx2_unused;
#endif
