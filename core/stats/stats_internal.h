/* numc statistics: helpers shared by the stats_*.c files (internal). */
#ifndef NUMC_STATS_INTERNAL_H
#define NUMC_STATS_INTERNAL_H

#include <numc/stats.h>

#include "internal.h"
#include "pairwise.h"
#include "select.h"

/* Raise a warning bit (see nd_stats_warnings). */
ND_INTERNAL void nd__stats_warn(unsigned bits);

/* A reduction over a set of axes, laid out for slice-by-slice work: `data` holds the
 * input converted to double, C-ordered with the reduced axes last, so slice i is
 * data[i·m .. (i+1)·m). out_ndim / out_shape is the shape of the result (keepdims
 * applied). */
typedef struct nd__slices {
    double *data;
    ptrdiff_t nslices, m;
    int out_ndim;
    ptrdiff_t out_shape[ND_MAXDIMS];
} nd__slices;
ND_INTERNAL ND_WARN_UNUSED
nd_status nd__slices_init(nd__slices *s, const nd_array *a, nd_axes axes, bool keepdims,
                          const char *who);
ND_INTERNAL void nd__slices_free(nd__slices *s);

#endif
