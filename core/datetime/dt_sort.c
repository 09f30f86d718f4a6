/* Sorting dates: NumPy orders NaT after every date. Subtracting one from every tick
 * (wrapping) maps INT64_MIN (NaT) to INT64_MAX and keeps the order of all other values, so
 * the int64 kernels sort dates with NaT last; adding one restores the ticks. */
#include <numc/sort.h>

#include <string.h>

#include "dt_internal.h"

/* Add `by` (wrapping) to every int64 tick of a in place; used here and by dt_reduce.c. */
void nd__dt_shift_ticks(nd_array *a, uint64_t by)
{
    nd_array *ops[1] = { a };
    nd_iter it;
    if (nd_iter_init(&it, 1, ops, 0, NULL) < 0 || it.size == 0) return;
    do {
        char *p = it.ptrs[0];
        for (ptrdiff_t i = 0; i < it.inner_size; i++, p += it.inner_strides[0]) {
            uint64_t v;
            memcpy(&v, p, 8);
            v += by;
            memcpy(p, &v, 8);
        }
    } while (nd_iter_next(&it));
}

nd_status nd__dt_sort_inplace(nd_array *a, int axis, int kind)
{
    nd_array *v = nd__view_of(a, a->ndim, a->shape, a->strides, a->data, ND_INT64);
    if (!v) return nd_last_error();
    nd__dt_shift_ticks(v, (uint64_t)-1);
    nd_status st = nd_sort_inplace(v, axis, (nd_sort_kind)kind);
    nd__dt_shift_ticks(v, 1);
    nd_free(v);
    return st;
}

nd_array *nd__dt_argsort(const nd_array *a, int axis, int kind)
{
    nd_array *w = nd_astype(a, ND_INT64, ND_CAST_UNSAFE);
    if (!w) return NULL;
    nd__dt_shift_ticks(w, (uint64_t)-1);
    nd_array *r = nd_argsort(w, axis, (nd_sort_kind)kind);
    nd_free(w);
    return r;
}

nd_array *nd__dt_unique(const nd_unique_opts *o)
{
    nd_array *w = nd_astype(o->a, ND_INT64, ND_CAST_UNSAFE);
    if (!w) return NULL;
    nd__dt_shift_ticks(w, (uint64_t)-1); /* NaT last; all NaT compare equal (NumPy's equal_nan) */
    nd_unique_opts o2 = *o;
    o2.a = w;
    nd_array *r = nd_unique_(&o2);
    nd_free(w);
    if (!r) return NULL;
    nd__dt_shift_ticks(r, 1);
    nd_array *out = nd_astype(r, nd_dtype_of(o->a), ND_CAST_UNSAFE);
    nd_free(r);
    return out;
}

nd_array *nd__dt_searchsorted(const nd_array *a, const nd_array *v, int side)
{
    int t = nd__flex_promote(nd_dtype_of(a), nd_dtype_of(v), "nd_searchsorted");
    if (t < 0) return NULL;
    nd_array *x = nd_astype(a, (nd_dtype)t, ND_CAST_UNSAFE);
    nd_array *y = x ? nd_astype(v, (nd_dtype)t, ND_CAST_UNSAFE) : NULL;
    nd_array *xi = y ? nd_astype(x, ND_INT64, ND_CAST_UNSAFE) : NULL;
    nd_array *yi = xi ? nd_astype(y, ND_INT64, ND_CAST_UNSAFE) : NULL;
    nd_array *r = NULL;
    if (yi) {
        nd__dt_shift_ticks(xi, (uint64_t)-1);
        nd__dt_shift_ticks(yi, (uint64_t)-1);
        r = nd_searchsorted(xi, yi, (nd_side)side);
    }
    nd_free(yi);
    nd_free(xi);
    nd_free(y);
    nd_free(x);
    return r;
}
