/* numc — masked arrays: the private side shared by core/ma's files.
 *
 * An nd_marray owns two array handles: `data` (a view of the caller's array or a copy)
 * and `mask` (bool, exactly data's shape, or NULL for nomask). Both are detached from
 * autorelease scopes when stored (ma__wrap), so a scope the caller closes never frees
 * what a masked array holds. Views share data and mask by holding views of both. */
#ifndef NUMC_MA_INTERNAL_H
#define NUMC_MA_INTERNAL_H

#include "internal.h"
#include "numc/ma.h"

struct nd_marray {
    nd_array *data;  /* owned handle */
    nd_array *mask;  /* owned handle, ND_BOOL, data's shape; NULL = nomask */
    nd_scalar fill;  /* fill value as an nd_scalar (the dtype's kind: bool, i64, u64, f64, c128) */
    bool hard;       /* hard mask */
};

/* A new masked array holding `data` and `mask` (taken over: freed on failure too;
 * mask may be NULL). fill NULL → the dtype's default. Both handles leave any scope. */
ND_INTERNAL nd_marray *ma__wrap(nd_array *data, nd_array *mask, const nd_scalar *fill, bool hard,
                                const char *who);
/* The mask as a full bool array of m's shape (new; all false for nomask). */
ND_INTERNAL nd_array *ma__maskarray(const nd_marray *m, const char *who);
/* Checks that v fits dtype dt as a fill value and returns it in dt's scalar kind
 * (*out). ND_EVALUE "who: fill value 1.5 does not fit int64" otherwise. */
ND_INTERNAL ND_WARN_UNUSED nd_status ma__fill_check(nd_dtype dt, nd_scalar v, nd_scalar *out,
                                                    const char *who);
/* NULL-argument check: ND_EVALUE "who: masked array is NULL". */
ND_INTERNAL ND_WARN_UNUSED nd_status ma__check(const nd_marray *m, const char *who);
/* *out = any element of the bool array is set (a NULL mask, nomask: false). A failure
 * (out of memory for a non-contiguous mask) is returned, never taken for "nothing set". */
ND_INTERNAL ND_WARN_UNUSED nd_status ma__any(const nd_array *mask, bool *out);

#endif
