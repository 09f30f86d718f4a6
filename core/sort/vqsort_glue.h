/* Internal: Highway's vqsort (hwy/contrib/sort/vqsort.h) behind a C API, for sort_simd.c.
 * Compiled only with NUMC_HWY (CMake option, on when pkg-config finds libhwy-contrib);
 * the C++ side is vqsort_glue.cc, which loads Highway on first use. Call
 * nd__vqsort_available() first: false when Highway could not be loaded (then no other
 * function here may be called). Each call sorts keys[0, n) ascending in place with the
 * best instruction set of the running CPU (AVX-512, AVX2, SSE4, scalar), chosen by
 * Highway at run time. Floats must hold no NaN (the caller moves NaNs out first);
 * -0.0 and 0.0 compare equal and may come out in either order. vqsort allocates no
 * memory in Highway 1.0.x (its buffer is on the stack), so nothing bypasses nd_malloc. */
#ifndef NUMC_VQSORT_GLUE_H
#define NUMC_VQSORT_GLUE_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#ifdef __cplusplus
extern "C" {
#endif

#if defined(__GNUC__)
#define ND_VQ_INTERNAL __attribute__((visibility("hidden")))
#else
#define ND_VQ_INTERNAL
#endif

ND_VQ_INTERNAL bool nd__vqsort_available(void);
ND_VQ_INTERNAL void nd__vqsort_f32(float *keys, size_t n);
ND_VQ_INTERNAL void nd__vqsort_f64(double *keys, size_t n);
ND_VQ_INTERNAL void nd__vqsort_i16(int16_t *keys, size_t n);
ND_VQ_INTERNAL void nd__vqsort_i32(int32_t *keys, size_t n);
ND_VQ_INTERNAL void nd__vqsort_i64(int64_t *keys, size_t n);
ND_VQ_INTERNAL void nd__vqsort_u16(uint16_t *keys, size_t n);
ND_VQ_INTERNAL void nd__vqsort_u32(uint32_t *keys, size_t n);
ND_VQ_INTERNAL void nd__vqsort_u64(uint64_t *keys, size_t n);
/* 128-bit unsigned keys as pairs (lo, hi) of uint64, 16-byte aligned: ordered by hi, then lo. */
ND_VQ_INTERNAL void nd__vqsort_u128(uint64_t *pairs, size_t n);
/* The same pairs ordered by hi alone (Highway's K64V64: lo is a value riding along); pairs
 * with equal hi come out in any order. Faster than nd__vqsort_u128. */
ND_VQ_INTERNAL void nd__vqsort_k64v64(uint64_t *pairs, size_t n);

#ifdef __cplusplus
}
#endif

#endif
