/* Order statistics of doubles for the statistics (median, percentile, quantile, histogram
 * bin rules). Internal; defined in select.c from numc's one selection algorithm,
 * select_template.h, which core/sort instantiates for nd_partition / nd_argpartition. */
#ifndef NUMC_SELECT_H
#define NUMC_SELECT_H

#include <stddef.h>

#include "internal.h"

/* Afterwards v[k] is the k-th smallest of v[0..n) for every k in ks (sorted ascending,
 * duplicates allowed), with smaller values before and larger after. No NaN in v. */
ND_INTERNAL void nd__select_multi(double *v, ptrdiff_t n, const ptrdiff_t *ks, int nk);

#endif
