/* Helpers shared by poly.c, poly1d.c and the polyfam*.c files (private to core/poly). */
#ifndef NUMC_POLY_INTERNAL_H
#define NUMC_POLY_INTERNAL_H

#include "internal.h"

#include <numc/poly.h>

/* ND_EVALUE "who: array is NULL"; returns the status. */
ND_INTERNAL nd_status nd__poly_null(const char *who);
/* Kind order of NumPy's scalar promotion: 0 bool, 1 integer, 2 float, 3 complex. */
ND_INTERNAL int nd__poly_cat(nd_dtype t);
/* All elements of a in C order converted to dt, in a new buffer (nd_free_mem). */
ND_INTERNAL ND_WARN_UNUSED void *nd__poly_buf(const nd_array *a, nd_dtype dt, const char *who);
/* a as 1-d (0-d becomes (1,)); ND_ESHAPE for more dimensions. */
ND_INTERNAL ND_WARN_UNUSED nd_array *nd__poly_1d(const nd_array *a, const char *who);
/* A new 1-d array of dt from n elements of type ct. */
ND_INTERNAL ND_WARN_UNUSED nd_array *nd__poly_from(const void *buf, ptrdiff_t n, nd_dtype ct,
                                                   nd_dtype dt);
/* x as an array: x.array, or x.scalar as a new 0-d array also stored in *tmp (the caller
 * frees *tmp); NULL when that allocation fails. x must be an array or a scalar operand. */
ND_INTERNAL ND_WARN_UNUSED const nd_array *nd__poly_operand(nd_operand x, nd_array **tmp);
/* poly1d's coefficients: leading zeros dropped, [0] when none is left. */
ND_INTERNAL ND_WARN_UNUSED nd_array *nd__poly_trim(const nd_array *a, const char *who);

#endif
