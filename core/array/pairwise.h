/* numc's one pairwise (cascade) summation, shared by the ufunc reductions (nd_sum,
 * nd_mean, nd_var) and the statistics (nd_average, nd_cov, histogram rules), so that
 * they all round alike. Internal; defined in pairwise.c. */
#ifndef NUMC_PAIRWISE_H
#define NUMC_PAIRWISE_H

#include <stddef.h>

#include "internal.h"

/* Pairwise sums: error O(log n · eps) like NumPy's. `s` is a byte stride. The split
 * points depend only on n, so the result is the same for any thread count. */
ND_INTERNAL double nd__pairwise_sum_f64(const char *p, ptrdiff_t n, ptrdiff_t s);
ND_INTERNAL float nd__pairwise_sum_f32(const char *p, ptrdiff_t n, ptrdiff_t s);
/* Pairwise sum of (x - m)^2 (variance numerators without a temporary). */
ND_INTERNAL double nd__pairwise_sqdev_f64(const char *p, ptrdiff_t n, ptrdiff_t s, double m);
ND_INTERNAL float nd__pairwise_sqdev_f32(const char *p, ptrdiff_t n, ptrdiff_t s, float m);

/* The same sum over n doubles with a stride counted in elements. */
static inline double nd__pairwise_sum(const double *v, ptrdiff_t n, ptrdiff_t stride)
{
    return nd__pairwise_sum_f64((const char *)v, n, stride * (ptrdiff_t)sizeof(double));
}

#endif
