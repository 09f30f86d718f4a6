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
#include "vmath_sleef_kernels.h"
#else
/* ISO C wants a translation unit to declare something. */
typedef int nd__vmath_sleef_sse2_unused;
#endif
