/* min / max / argmin / argmax of date arrays, as NumPy: NaT propagates (the min or max of a
 * lane holding NaT is NaT, argmin/argmax point at its first NaT). The int64 ticks are
 * reduced: NaT (INT64_MIN) is already the smallest; for max, the ticks minus one (wrapping)
 * make it the largest. */
#include <string.h>

#include <numc/ufunc.h>

#include "dt_internal.h"

/* which: 0 min, 1 max, 2 argmin, 3 argmax */
nd_array *nd__dt_reduce_minmax(const nd_array *a, const void *opts, int which)
{
    const nd_reduce_opts *o = opts;
    static const char *const who[4] = { "nd_amin", "nd_amax", "nd_argmin", "nd_argmax" };
    if (o && (o->dtype || o->initial))
        return ND_FAIL(ND_EDTYPE, "%s: .dtype and .initial are not supported for %s", who[which],
                       nd_dtype_name(a->dtype));
    nd_array *w = nd_astype(a, ND_INT64, ND_CAST_UNSAFE); /* a copy of the ticks */
    if (!w) return NULL;
    bool shifted = which == 1 || which == 3;
    if (shifted) nd__dt_shift_ticks(w, (uint64_t)-1);
    nd_reduce_opts ro = o ? *o : ND_REDUCE_DEFAULTS;
    nd_array *r = which == 0 ? nd_amin_(w, &ro) : which == 1 ? nd_amax_(w, &ro)
                : which == 2 ? nd_argmin_(w, &ro) : nd_argmax_(w, &ro);
    nd_free(w);
    if (!r || which >= 2) return r;
    if (shifted) nd__dt_shift_ticks(r, 1);
    nd_array *out = nd_astype(r, a->dtype, ND_CAST_UNSAFE);
    nd_free(r);
    return out;
}
