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

/* numpy.sum / numpy.mean of timedelta64: the int64 sum of the ticks, NaT where a reduced
 * lane holds a NaT (or, for the mean, has no element); the mean divides truncating toward
 * zero, as NumPy's timedelta64 / int. */
nd_array *nd__dt_reduce_sum_mean(const nd_array *a, const void *opts, bool mean)
{
    const nd_reduce_opts *o = opts;
    const char *who = mean ? "nd_mean" : "nd_sum";
    if (!nd_dtype_is_timedelta(a->dtype))
        return ND_FAIL(ND_EDTYPE, "%s: cannot add %s values (only timedelta64 sums)", who,
                       nd_dtype_name(a->dtype));
    if (o && (o->dtype || o->initial || o->where))
        return ND_FAIL(ND_EDTYPE, "%s: .dtype, .initial and .where are not supported for %s", who,
                       nd_dtype_name(a->dtype));
    nd_array *w = nd_astype(a, ND_INT64, ND_CAST_UNSAFE); /* a copy of the ticks */
    nd_array *nat = w ? nd_empty(w->ndim, w->shape, ND_BOOL) : NULL;
    nd_array *out = NULL, *s = NULL, *any = NULL;
    if (!nat) goto done;
    int64_t *t = (int64_t *)w->data;
    bool *m = (bool *)nat->data;
    for (ptrdiff_t i = 0; i < w->size; i++) {
        m[i] = t[i] == ND_NAT;
        if (m[i]) t[i] = 0;
    }
    nd_reduce_opts ro = o ? *o : ND_REDUCE_DEFAULTS;
    if (!(s = nd_sum_(w, &ro)) || !(any = nd_any_(nat, &ro))) goto done;
    ptrdiff_t count = s->size ? w->size / s->size : 0;
    int64_t *r = (int64_t *)s->data;
    const bool *an = (const bool *)any->data;
    for (ptrdiff_t i = 0; i < s->size; i++) {
        if (an[i] || (mean && count == 0)) r[i] = ND_NAT;
        else if (mean) r[i] /= count;
    }
    out = nd_astype(s, a->dtype, ND_CAST_UNSAFE);
done:
    nd_free(w);
    nd_free(nat);
    nd_free(s);
    nd_free(any);
    return out;
}
