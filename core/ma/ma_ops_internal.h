/* numc — masked arrays: what the operation files of core/ma share (ufuncs, reductions). */
#ifndef NUMC_MA_OPS_INTERNAL_H
#define NUMC_MA_OPS_INTERNAL_H

#include <string.h>

#include "ma_internal.h"

/* The fill value of a result of dtype dt made from src (NumPy's _update_from): src's
 * fill value when one was set and it fits dt, else dt's default. src NULL: the default. */
ND_INTERNAL nd_scalar ma__result_fill(const nd_marray *src, nd_dtype dt);

/* Frees *p and stores `next` there (NULL on a failure); returns next. */
static inline nd_array *ma__replace(nd_array **p, nd_array *next)
{
    nd_free(*p);
    *p = next;
    return next;
}

static inline bool ma__same_shape(const nd_array *a, const nd_array *b)
{
    return nd_ndim(a) == nd_ndim(b) &&
           !memcmp(nd_shape(a), nd_shape(b), sizeof(ptrdiff_t) * (size_t)nd_ndim(a));
}

/* *acc |= b for masks where NULL is nomask (nothing set); b is taken over. False when
 * it fails (out of memory), with *acc freed and NULL: never read as "nothing masked". */
ND_INTERNAL ND_WARN_UNUSED bool ma__or_into(nd_array **acc, nd_array *b);
/* ~isfinite(v) (all false for integers), or isinf(v) with inf_only (NaN not set). */
ND_INTERNAL nd_array *ma__not_finite(const nd_array *v, bool inf_only);


#endif
