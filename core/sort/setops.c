/* unique and the sorted set operations, built on a stable argsort. */
#include <numc/manip.h>
#include <numc/sort.h>

#include <string.h>

#include "internal.h"
#include "sort_kernels.h"

/* Two elements of type t are equal in the sense of unique (NaNs equal each other, so
 * NumPy >= 1.21's equal_nan=True behaviour). */
static bool same(const char *x, const char *y, nd_dtype t)
{
    bool (*less)(const void *, const void *) = nd__sort_kernels[t].less;
    return !less(x, y) && !less(y, x);
}

nd_array *nd_unique_(const nd_unique_opts *o)
{
    if (!o || !o->a) return ND_FAIL(ND_EVALUE, "nd_unique: array is NULL");
    nd_array *flat = nd_flatten(o->a);
    nd_array *perm = flat ? nd_argsort(flat, 0, ND_SORT_STABLE) : NULL;
    nd_array *vals = NULL, *index = NULL, *inverse = NULL, *counts = NULL;
    if (!perm) goto fail;
    ptrdiff_t n = flat->size;
    size_t isz = nd_dtype_size(flat->dtype);
    const int64_t *p = (const int64_t *)perm->data;
    /* Count the runs of equal values in sorted order. */
    ptrdiff_t nu = 0;
    for (ptrdiff_t i = 0; i < n; i++)
        if (i == 0 || !same(flat->data + (size_t)p[i] * isz, flat->data + (size_t)p[i - 1] * isz, flat->dtype)) nu++;
    if (!(vals = nd_empty(1, &nu, flat->dtype))) goto fail;
    if (o->index && !(index = nd_empty(1, &nu, ND_INT64))) goto fail;
    if (o->counts && !(counts = nd_empty(1, &nu, ND_INT64))) goto fail;
    if (o->inverse && !(inverse = nd_empty(o->a->ndim, o->a->shape, ND_INT64))) goto fail;
    ptrdiff_t u = -1;
    for (ptrdiff_t i = 0; i < n; i++) {
        const char *x = flat->data + (size_t)p[i] * isz;
        if (i == 0 || !same(x, flat->data + (size_t)p[i - 1] * isz, flat->dtype)) {
            u++;
            memcpy(vals->data + (size_t)u * isz, x, isz);
            if (index) ((int64_t *)index->data)[u] = p[i]; /* stable: the first occurrence */
            if (counts) ((int64_t *)counts->data)[u] = 0;
        }
        if (counts) ((int64_t *)counts->data)[u]++;
        if (inverse) ((int64_t *)inverse->data)[p[i]] = u;
    }
    if (o->index) *o->index = index;
    if (o->inverse) *o->inverse = inverse;
    if (o->counts) *o->counts = counts;
    nd_free(flat);
    nd_free(perm);
    return vals;
fail:
    nd_free(flat);
    nd_free(perm);
    nd_free(vals);
    nd_free(index);
    nd_free(inverse);
    nd_free(counts);
    return NULL;
}

/* Sorted unique values of a converted to dtype t (caller frees). */
static nd_array *unique_as(const nd_array *a, nd_dtype t)
{
    nd_array *c = a->dtype == t ? nd_ref(a) : nd_astype(a, t, ND_CAST_UNSAFE);
    nd_array *u = c ? nd_unique(c) : NULL;
    nd_free(c);
    return u;
}

nd_array *nd_isin(const nd_array *element, const nd_array *test)
{
    if (!element || !test) return ND_FAIL(ND_EVALUE, "nd_isin: arguments must not be NULL");
    nd_dtype t = nd_result_type(element->dtype, test->dtype);
    nd_array *u = unique_as(test, t);
    nd_array *e = u ? nd_astype(element, t, ND_CAST_UNSAFE) : NULL;
    nd_array *pos = e ? nd_searchsorted(u, e, ND_SIDE_LEFT) : NULL;
    nd_array *out = pos ? nd_empty(element->ndim, element->shape, ND_BOOL) : NULL;
    if (out) {
        size_t isz = nd_dtype_size(t);
        nd_array *ec = nd_ascontiguousarray(e);
        if (!ec) {
            nd_free(out);
            out = NULL;
        } else {
            const int64_t *ps = (const int64_t *)pos->data;
            for (ptrdiff_t i = 0; i < ec->size; i++)
                ((bool *)out->data)[i] = ps[i] < u->size &&
                                         same(u->data + (size_t)ps[i] * isz, ec->data + (size_t)i * isz, t);
            nd_free(ec);
        }
    }
    nd_free(u);
    nd_free(e);
    nd_free(pos);
    return out;
}

/* Merge-walk two sorted unique arrays keeping elements by membership:
 * keep_a_only / keep_both / keep_b_only select setdiff, intersect, union, xor. */
static nd_array *merge_sets(const nd_array *a, const nd_array *b, bool keep_a_only, bool keep_both, bool keep_b_only,
                            const char *who)
{
    if (!a || !b) return ND_FAIL(ND_EVALUE, "%s: arguments must not be NULL", who);
    nd_dtype t = nd_result_type(a->dtype, b->dtype);
    nd_array *ua = unique_as(a, t), *ub = ua ? unique_as(b, t) : NULL;
    ptrdiff_t cap = ua && ub ? ua->size + ub->size : 0;
    nd_array *out = ub ? nd_empty(1, &cap, t) : NULL;
    if (!out) {
        nd_free(ua);
        nd_free(ub);
        return NULL;
    }
    bool (*less)(const void *, const void *) = nd__sort_kernels[t].less;
    size_t isz = nd_dtype_size(t);
    ptrdiff_t i = 0, j = 0, k = 0;
    while (i < ua->size || j < ub->size) {
        const char *x = i < ua->size ? ua->data + (size_t)i * isz : NULL;
        const char *y = j < ub->size ? ub->data + (size_t)j * isz : NULL;
        if (x && (!y || less(x, y))) {
            if (keep_a_only) memcpy(out->data + (size_t)k++ * isz, x, isz);
            i++;
        } else if (y && (!x || less(y, x))) {
            if (keep_b_only) memcpy(out->data + (size_t)k++ * isz, y, isz);
            j++;
        } else {
            if (keep_both) memcpy(out->data + (size_t)k++ * isz, x, isz);
            i++;
            j++;
        }
    }
    nd_free(ua);
    nd_free(ub);
    nd_array *cut = nd_sel(out, ND_SLICE(0, k, 1));
    nd_array *res = cut ? nd_copy(cut, ND_ORDER_C) : NULL;
    nd_free(cut);
    nd_free(out);
    return res;
}

nd_array *nd_intersect1d(const nd_array *a, const nd_array *b) { return merge_sets(a, b, false, true, false, "nd_intersect1d"); }
nd_array *nd_union1d(const nd_array *a, const nd_array *b) { return merge_sets(a, b, true, true, true, "nd_union1d"); }
nd_array *nd_setdiff1d(const nd_array *a, const nd_array *b) { return merge_sets(a, b, true, false, false, "nd_setdiff1d"); }
nd_array *nd_setxor1d(const nd_array *a, const nd_array *b) { return merge_sets(a, b, true, false, true, "nd_setxor1d"); }
