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
#include "vmath_sleef_kernels.h"
#else
/* ISO C wants a translation unit to declare something. */
typedef int nd__vmath_sleef_avx512_unused;
#endif
