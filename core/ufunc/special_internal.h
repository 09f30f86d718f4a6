/* Private helpers shared by the window / special-function files of core/ufunc
 * (numeric_window.c, ufunc_special.c). */
#ifndef NUMC_SPECIAL_INTERNAL_H
#define NUMC_SPECIAL_INTERNAL_H

#include "ufunc_internal.h"

/* The floating dtype NumPy's float-only ufuncs (frexp, modf, fabs, ldexp) compute a real
 * dtype in: float32 for float32, bool, (u)int8 and (u)int16 (NumPy's float16 for the
 * 8-bit ones, which numc does not have), float64 otherwise. -1 for complex. */
ND_INTERNAL int nd__special_float_type(nd_dtype t);

/* A new C-contiguous array of x's shape holding x converted to dtype t (x may have any
 * strides, negative ones included, and be 0-d or empty). ND_ENOMEM naming `who`. */
ND_INTERNAL ND_WARN_UNUSED
nd_array *nd__special_convert(const nd_array *x, nd_dtype t, const char *who);

#endif
