/* Internal: per-dtype sort kernels (sort_kernels.c). */
#ifndef NUMC_SORT_KERNELS_H
#define NUMC_SORT_KERNELS_H

#include <stdbool.h>
#include <stdint.h>

#include "internal.h"

typedef struct nd_sort_kernels {
    /* Sort n contiguous elements; buf holds n elements (used when stable). */
    void (*sort)(void *v, ptrdiff_t n, bool stable, void *buf);
    /* Sort indices ix[0..n) by v[ix]; buf holds n int64. */
    void (*argsort)(const void *v, int64_t *ix, ptrdiff_t n, bool stable, int64_t *buf);
    /* Partial sort so that v[kth] is in place (select_template.h); the same over the
     * indices ix[0..n) into v. */
    void (*select)(void *v, ptrdiff_t n, ptrdiff_t kth);
    void (*aselect)(const void *v, int64_t *ix, ptrdiff_t n, ptrdiff_t kth);
    /* *a sorts strictly before *b. */
    bool (*less)(const void *a, const void *b);
} nd_sort_kernels;

ND_INTERNAL extern const nd_sort_kernels nd__sort_kernels[ND_NTYPES];

/* Radix sorts (bool, integers, float32/64; NaNs last). Stable. ND_ENOMEM on failure. */
ND_INTERNAL bool nd__radix_ok(nd_dtype t);
ND_INTERNAL ND_WARN_UNUSED nd_status nd__radix_sort(void *data, nd_dtype t, ptrdiff_t n);
ND_INTERNAL ND_WARN_UNUSED
nd_status nd__radix_argsort(const void *data, nd_dtype t, ptrdiff_t n, int64_t *ix);

/* unique / searchsorted of datetime64 / timedelta64 arrays, NaT last (core/datetime/dt_sort.c) */
struct nd_unique_opts;
ND_INTERNAL ND_WARN_UNUSED nd_array *nd__dt_unique(const struct nd_unique_opts *o);
ND_INTERNAL ND_WARN_UNUSED nd_array *nd__dt_searchsorted(const nd_array *a, const nd_array *v, int side);

#endif
