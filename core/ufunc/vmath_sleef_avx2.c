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
#include "vmath_sleef_kernels.h"
#else
/* ISO C wants a translation unit to declare something. */
typedef int nd__vmath_sleef_avx2_unused;
#endif
