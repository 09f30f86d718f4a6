/* Internal: the default-kind sort and the argsort through Highway's vqsort (sort_simd.c).
 * Present only when libnumc is built with NUMC_HWY (NUMC_HAVE_HWY). */
#ifndef NUMC_SORT_SIMD_H
#define NUMC_SORT_SIMD_H

#include <stdbool.h>
#include <stdint.h>

#include "internal.h"

#if NUMC_HAVE_HWY
/* Whether nd__simd_sort is the fastest way to sort n contiguous elements of dtype t with
 * the default kind (the thresholds were measured: sort_simd.c). */
ND_INTERNAL bool nd__simd_sort_ok(nd_dtype t, ptrdiff_t n);
/* Sort v[0, n) in place, NaNs last (NumPy's order); not stable: equal values, -0.0 and
 * 0.0 among them, come out in any order, and NaNs in any order. Returns ND_OK. */
ND_INTERNAL ND_WARN_UNUSED nd_status nd__simd_sort(void *v, nd_dtype t, ptrdiff_t n);
/* Whether nd__simd_argsort is the fastest argsort for n elements of dtype t. */
ND_INTERNAL bool nd__simd_argsort_ok(nd_dtype t, ptrdiff_t n);
/* ix[0, n) = the ascending order of v[0, n), NaNs last. Stable (ties, -0.0 / 0.0 among
 * them, keep their index order; NaNs last in index order: NumPy's kind='stable') when
 * `stable`, or always for 32-bit dtypes; otherwise ties in any order. ND_ENOMEM on failure. */
ND_INTERNAL ND_WARN_UNUSED nd_status nd__simd_argsort(const void *v, nd_dtype t, ptrdiff_t n, bool stable,
                                                      int64_t *ix);
#endif

#endif
