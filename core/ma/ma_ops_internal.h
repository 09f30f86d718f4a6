/* numc — masked arrays: what the operation files of core/ma share (ufuncs, reductions). */
#ifndef NUMC_MA_OPS_INTERNAL_H
#define NUMC_MA_OPS_INTERNAL_H

#include "ma_internal.h"

/* The fill value of a result of dtype dt made from src (NumPy's _update_from): src's
 * fill value when one was set and it fits dt, else dt's default. src NULL: the default. */
ND_INTERNAL nd_scalar ma__result_fill(const nd_marray *src, nd_dtype dt);

/* *out = any element of the bool array is true. Unlike ma__any, a failure (out of memory
 * for a non-contiguous array) is returned, never taken for "nothing set". */
ND_INTERNAL ND_WARN_UNUSED nd_status ma__any_of(const nd_array *a, bool *out);

#endif
