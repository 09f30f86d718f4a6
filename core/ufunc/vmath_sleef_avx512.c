/* SLEEF's avx512 kernels (vmath_sleef.h). CMake compiles this file with -mavx512f;
 * loops_vmath.c calls these functions only on a CPU that has the set. */
#include "vmath_sleef.h"

#ifdef ND_HAVE_SLEEF
#include <immintrin.h>

#define SL_ISA avx512
#define SL_SUFFIX avx512f
#define SL_WD 8
#define SL_WF 16
#define SL_VD __m512d
#define SL_VF __m512
#define SL_LOADD _mm512_loadu_pd
#define SL_STORED _mm512_storeu_pd
#define SL_LOADF _mm512_loadu_ps
#define SL_STOREF _mm512_storeu_ps
#define SL_MD __mmask8
#define SL_MF __mmask16
#define SL_SET1D _mm512_set1_pd
#define SL_SET1F _mm512_set1_ps
static inline __mmask8 sl_okd(__m512d v, __m512d lo, __m512d hi)
{
    __m512d a = _mm512_abs_pd(v);
    return (__mmask8)(_mm512_cmp_pd_mask(a, lo, _CMP_GE_OQ) & _mm512_cmp_pd_mask(a, hi, _CMP_LE_OQ));
}
static inline __mmask16 sl_okf(__m512 v, __m512 lo, __m512 hi)
{
    __m512 a = _mm512_abs_ps(v);
    return (__mmask16)(_mm512_cmp_ps_mask(a, lo, _CMP_GE_OQ) & _mm512_cmp_ps_mask(a, hi, _CMP_LE_OQ));
}
static inline __mmask8 sl_andd(__mmask8 a, __mmask8 b) { return (__mmask8)(a & b); }
static inline __mmask16 sl_andf(__mmask16 a, __mmask16 b) { return (__mmask16)(a & b); }
static inline __mmask8 sl_onesd(void) { return (__mmask8)0xFF; }
static inline __mmask16 sl_onesf(void) { return (__mmask16)0xFFFF; }
static inline int sl_alld(__mmask8 m) { return m == 0xFF; }
static inline int sl_allf(__mmask16 m) { return m == 0xFFFF; }
#include "vmath_sleef_kernels.h"
#else
/* ISO C wants a translation unit to declare something. */
typedef int nd__vmath_sleef_avx512_unused;
#endif
