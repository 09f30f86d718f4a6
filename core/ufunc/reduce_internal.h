/* Internal interface of the reductions (reduce*.c). */
#ifndef NUMC_REDUCE_INTERNAL_H
#define NUMC_REDUCE_INTERNAL_H

#include "ufunc_internal.h"

/* Mark the reduced axes of `a` in mask[ndim] (all when ax->n == 0); ND_EAXIS for an
 * axis out of range or repeated. */
ND_INTERNAL ND_WARN_UNUSED
nd_status nd__reduce_axes(const nd_array *a, int axis, const nd_axes *axes, bool *mask,
                          const char *who);
/* NumPy's accumulator for sum/prod: bool and signed → int64, unsigned → uint64. */
ND_INTERNAL nd_dtype nd__sum_default_dtype(nd_dtype t);
/* Drop the reduced (length-1) axes of a freshly allocated result unless keepdims. */
ND_INTERNAL ND_WARN_UNUSED
nd_array *nd__squeeze_reduced(nd_array *out, const bool *mask, bool keepdims);
/* ufunc.reduce of `a` with the binary function f (loops override its table) in loop
 * dtype t_in (o->dtype wins when set); the input is cast to it under `casting`. */
ND_INTERNAL ND_WARN_UNUSED
nd_array *nd__reduce(nd_ufunc f, const nd__loop_fn *loops, const nd_array *a,
                     const nd_reduce_opts *o, int t_in, nd_casting casting, const char *who);

/* min/max/argmin/argmax of a datetime64/timedelta64 array (core/datetime/dt_reduce.c);
 * opts is an nd_reduce_opts (may be NULL); which: 0 min, 1 max, 2 argmin, 3 argmax. */
ND_INTERNAL ND_WARN_UNUSED nd_array *nd__dt_reduce_minmax(const nd_array *a, const void *opts, int which);
/* sum (mean false) or mean of a timedelta64 array (dt_reduce.c): NaT where a lane has one. */
ND_INTERNAL ND_WARN_UNUSED nd_array *nd__dt_reduce_sum_mean(const nd_array *a, const void *opts, bool mean);

#endif
