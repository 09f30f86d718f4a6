/* Indexing with integer and boolean arrays: take, masks, where, nonzero, put. */
#include <numc/manip.h>

#include <string.h>

#include "internal.h"

/* A private C-ordered int64 copy of integer indices, negatives wrapped and bounds
 * checked against `extent` (the caller frees). */
static nd_array *index_copy(const nd_array *ind, ptrdiff_t extent, int axis, const char *who)
{
    if (!ind) return ND_FAIL(ND_EVALUE, "%s: indices are NULL", who);
    if (!nd_dtype_is_integer(ind->dtype))
        return ND_FAIL(ND_EDTYPE, "%s: arrays used as indices must be of integer type, not %s", who,
                       nd_dtype_name(ind->dtype));
    nd_array *c = nd_empty(ind->ndim, ind->shape, ND_INT64);
    if (!c || nd__copy_into(c, ind) < 0) {
        nd_free(c);
        return NULL;
    }
    int64_t *ix = (int64_t *)c->data;
    for (ptrdiff_t i = 0; i < c->size; i++) {
        if (ix[i] < -extent || ix[i] >= extent) {
            nd_set_error(ND_EINDEX, "%s: index %lld is out of bounds for axis %d with size %td", who, (long long)ix[i],
                      axis, extent);
            nd_free(c);
            return NULL;
        }
        if (ix[i] < 0) ix[i] += extent;
    }
    return c;
}

nd_array *nd_take(const nd_array *a, const nd_array *indices, int axis)
{
    if (!a || !indices) return ND_FAIL(ND_EVALUE, "nd_take: array is NULL");
    if (axis == ND_AXIS_NONE) {
        nd_array *f = nd_ravel(a);
        nd_array *out = f ? nd_take(f, indices, 0) : NULL;
        nd_free(f);
        return out;
    }
    if (nd__norm_axis(&axis, a->ndim, "nd_take") < 0) return NULL;
    if (indices && a->ndim - 1 + indices->ndim > ND_MAXDIMS)
        return ND_FAIL(ND_EVALUE, "nd_take: result would have %d dimensions", a->ndim - 1 + indices->ndim);
    nd_array *ind = index_copy(indices, a->shape[axis], axis, "nd_take");
    nd_array *ac = ind ? nd_ascontiguousarray(a) : NULL;
    nd_array *out = NULL;
    if (!ac) goto done;
    ptrdiff_t shape[ND_MAXDIMS];
    int nd = 0;
    for (int d = 0; d < axis; d++) shape[nd++] = a->shape[d];
    for (int d = 0; d < ind->ndim; d++) shape[nd++] = ind->shape[d];
    for (int d = axis + 1; d < a->ndim; d++) shape[nd++] = a->shape[d];
    if (!(out = nd_empty(nd, shape, a->dtype))) goto done;
    /* Rows of `inner` contiguous elements: out[o, i] = a[o, ix[i]]. */
    ptrdiff_t outer = 1, inner = 1, n = a->shape[axis];
    for (int d = 0; d < axis; d++) outer *= a->shape[d];
    for (int d = axis + 1; d < a->ndim; d++) inner *= a->shape[d];
    size_t chunk = (size_t)inner * nd_dtype_size(a->dtype);
    const int64_t *ix = (const int64_t *)ind->data;
    char *dst = out->data;
    for (ptrdiff_t o = 0; o < outer; o++) {
        const char *src = ac->data + (size_t)(o * n) * chunk;
        for (ptrdiff_t i = 0; i < ind->size; i++, dst += chunk) memcpy(dst, src + (size_t)ix[i] * chunk, chunk);
    }
done:
    nd_free(ind);
    nd_free(ac);
    return out;
}

nd_array *nd_take_along_axis(const nd_array *a, const nd_array *indices, int axis)
{
    if (!indices || indices->ndim != a->ndim)
        return ND_FAIL(ND_EVALUE, "nd_take_along_axis: indices and arr must have the same number of dimensions");
    if (nd__norm_axis(&axis, a->ndim, "nd_take_along_axis") < 0) return NULL;
    /* Output shape: broadcast of a and indices on every axis but `axis`. */
    ptrdiff_t shape[ND_MAXDIMS];
    for (int d = 0; d < a->ndim; d++) {
        ptrdiff_t x = a->shape[d], y = indices->shape[d];
        if (d == axis) shape[d] = y;
        else if (x == y || y == 1) shape[d] = x;
        else if (x == 1) shape[d] = y;
        else {
            char sa[ND_SHAPE_STRLEN], sb[ND_SHAPE_STRLEN];
            return ND_FAIL(ND_ESHAPE, "nd_take_along_axis: shape mismatch: indices %s and array %s",
                           nd__shape_str(sa, sizeof sa, indices->ndim, indices->shape),
                           nd__shape_str(sb, sizeof sb, a->ndim, a->shape));
        }
    }
    nd_array *ind = index_copy(indices, a->shape[axis], axis, "nd_take_along_axis");
    nd_array *out = ind ? nd_empty(a->ndim, shape, a->dtype) : NULL;
    if (!out) {
        nd_free(ind);
        return NULL;
    }
    size_t isz = nd_dtype_size(a->dtype);
    ptrdiff_t idx[ND_MAXDIMS] = { 0 };
    char *dst = out->data;
    for (ptrdiff_t p = 0; p < out->size; p++, dst += isz) {
        const char *src = a->data;
        ptrdiff_t ioff = 0;
        for (int d = 0; d < a->ndim; d++) {
            ioff = ioff * ind->shape[d] + (ind->shape[d] == 1 ? 0 : idx[d]);
            if (d != axis) src += (a->shape[d] == 1 ? 0 : idx[d]) * a->strides[d];
        }
        src += ((const int64_t *)ind->data)[ioff] * a->strides[axis];
        memcpy(dst, src, isz);
        for (int d = a->ndim - 1; d >= 0; d--) {
            if (++idx[d] < shape[d]) break;
            idx[d] = 0;
        }
    }
    nd_free(ind);
    return out;
}

/* A C-ordered bool copy of mask checked against a's shape. */
static nd_array *mask_copy(const nd_array *a, const nd_array *mask, const char *who)
{
    if (!mask) return ND_FAIL(ND_EVALUE, "%s: mask is NULL", who);
    if (mask->dtype != ND_BOOL)
        return ND_FAIL(ND_EDTYPE, "%s: mask must be a bool array, not %s", who, nd_dtype_name(mask->dtype));
    if (mask->ndim != a->ndim || memcmp(mask->shape, a->shape, sizeof(ptrdiff_t) * (size_t)a->ndim)) {
        char sa[ND_SHAPE_STRLEN], sb[ND_SHAPE_STRLEN];
        return ND_FAIL(ND_ESHAPE, "%s: boolean index of shape %s does not match array of shape %s", who,
                       nd__shape_str(sa, sizeof sa, mask->ndim, mask->shape),
                       nd__shape_str(sb, sizeof sb, a->ndim, a->shape));
    }
    return nd_copy(mask, ND_ORDER_C);
}

nd_array *nd_mask_select(const nd_array *a, const nd_array *mask)
{
    nd_array *m = mask_copy(a, mask, "nd_mask_select");
    nd_array *ac = m ? nd_ascontiguousarray(a) : NULL;
    nd_array *out = NULL;
    if (ac) {
        const bool *mb = (const bool *)m->data;
        ptrdiff_t count = 0;
        for (ptrdiff_t i = 0; i < m->size; i++) count += mb[i];
        if ((out = nd_empty(1, &count, a->dtype))) {
            size_t isz = nd_dtype_size(a->dtype);
            char *dst = out->data;
            for (ptrdiff_t i = 0; i < m->size; i++)
                if (mb[i]) {
                    memcpy(dst, ac->data + (size_t)i * isz, isz);
                    dst += isz;
                }
        }
    }
    nd_free(m);
    nd_free(ac);
    return out;
}

nd_status nd_mask_assign(nd_array *a, const nd_array *mask, nd_scalar value)
{
    if (!a || !mask) return nd_set_error(ND_EVALUE, "nd_mask_assign: array is NULL");
    if (!nd_is_writeable(a)) return nd_set_error(ND_EVALUE, "nd_mask_assign: assignment destination is read-only");
    if (nd__scalar_fits(a->dtype, "nd_mask_assign") < 0) return nd_last_error(); /* elem[16] */
    nd_array *m = mask_copy(a, mask, "nd_mask_assign");
    if (!m) return nd_last_error();
    char elem[16];
    size_t isz = nd_dtype_size(a->dtype);
    nd__scalar_store(elem, a->dtype, value);
    nd_iter it;
    nd_status st = nd_iter_init(&it, 2, (nd_array *[]){ a, m }, 0, NULL);
    if (st == ND_OK && it.size) do {
            for (ptrdiff_t i = 0; i < it.inner_size; i++)
                if (*(const bool *)(it.ptrs[1] + i * it.inner_strides[1]))
                    memcpy(it.ptrs[0] + i * it.inner_strides[0], elem, isz);
        } while (nd_iter_next(&it));
    nd_free(m);
    return st;
}

nd_array *nd_compress(const nd_array *condition, const nd_array *a, int axis)
{
    if (!condition || condition->ndim != 1 || condition->dtype != ND_BOOL)
        return ND_FAIL(ND_EVALUE, "nd_compress: condition must be a 1-d bool array");
    if (axis == ND_AXIS_NONE) {
        nd_array *f = nd_ravel(a);
        nd_array *out = f ? nd_compress(condition, f, 0) : NULL;
        nd_free(f);
        return out;
    }
    if (nd__norm_axis(&axis, a->ndim, "nd_compress") < 0) return NULL;
    ptrdiff_t n = condition->shape[0], count = 0;
    for (ptrdiff_t i = 0; i < n; i++) {
        bool on = *(const bool *)(condition->data + i * condition->strides[0]);
        if (on && i >= a->shape[axis])
            return ND_FAIL(ND_EINDEX, "nd_compress: index %td is out of bounds for axis %d with size %td", i, axis,
                           a->shape[axis]);
        count += on;
    }
    nd_array *ind = nd_empty(1, &count, ND_INT64);
    if (!ind) return NULL;
    int64_t *ix = (int64_t *)ind->data;
    for (ptrdiff_t i = 0; i < n; i++)
        if (*(const bool *)(condition->data + i * condition->strides[0])) *ix++ = i;
    nd_array *out = nd_take(a, ind, axis);
    nd_free(ind);
    return out;
}

nd_array *nd_where(const nd_array *cond, const nd_array *x, const nd_array *y)
{
    if (!cond || !x || !y) return ND_FAIL(ND_EVALUE, "nd_where: arguments must not be NULL");
    int ndims[3] = { cond->ndim, x->ndim, y->ndim };
    const ptrdiff_t *shapes[3] = { cond->shape, x->shape, y->shape };
    int nd;
    ptrdiff_t shape[ND_MAXDIMS];
    if (nd__broadcast(3, ndims, shapes, &nd, shape, "nd_where") < 0) return NULL;
    nd_dtype dt = nd_result_type(x->dtype, y->dtype);
    /* Convert the operands once, so the selection loop only moves bytes. */
    nd_array *c = cond->dtype == ND_BOOL ? nd_ref(cond) : nd_astype(cond, ND_BOOL, ND_CAST_UNSAFE);
    nd_array *xc = x->dtype == dt ? nd_ref(x) : nd_astype(x, dt, ND_CAST_UNSAFE);
    nd_array *yc = y->dtype == dt ? nd_ref(y) : nd_astype(y, dt, ND_CAST_UNSAFE);
    nd_array *out = c && xc && yc ? nd_empty(nd, shape, dt) : NULL;
    nd_iter it;
    if (out && nd_iter_init(&it, 4, (nd_array *[]){ out, c, xc, yc }, nd, shape) == ND_OK && it.size) {
        size_t isz = nd_dtype_size(dt);
        do {
            char *o = it.ptrs[0];
            const char *cp = it.ptrs[1], *xp = it.ptrs[2], *yp = it.ptrs[3];
            for (ptrdiff_t i = 0; i < it.inner_size; i++) {
                memcpy(o, *(const bool *)cp ? xp : yp, isz);
                o += it.inner_strides[0];
                cp += it.inner_strides[1];
                xp += it.inner_strides[2];
                yp += it.inner_strides[3];
            }
        } while (nd_iter_next(&it));
    }
    nd_free(c);
    nd_free(xc);
    nd_free(yc);
    return out;
}

/* Flat C-order positions of the nonzero elements of a, as int64 (caller frees). */
static nd_array *nonzero_flat(const nd_array *a, const char *who)
{
    nd_array *b = nd_empty(a->ndim, a->shape, ND_BOOL);
    if (!b || nd__copy_into(b, a) < 0) {
        nd_free(b);
        return NULL;
    }
    const bool *bb = (const bool *)b->data;
    ptrdiff_t count = 0;
    for (ptrdiff_t i = 0; i < b->size; i++) count += bb[i];
    nd_array *out = nd_empty(1, &count, ND_INT64);
    if (out) {
        int64_t *o = (int64_t *)out->data;
        for (ptrdiff_t i = 0; i < b->size; i++)
            if (bb[i]) *o++ = i;
    }
    (void)who;
    nd_free(b);
    return out;
}

nd_array *nd_flatnonzero(const nd_array *a) 
{
    if (!a) return ND_FAIL(ND_EVALUE, "nd_flatnonzero: array is NULL");
    return nonzero_flat(a, "nd_flatnonzero");
}

nd_array *nd_argwhere(const nd_array *a)
{
    if (!a) return ND_FAIL(ND_EVALUE, "nd_argwhere: array is NULL");
    nd_array *flat = nonzero_flat(a, "nd_argwhere");
    if (!flat) return NULL;
    ptrdiff_t shape[2] = { flat->size, a->ndim };
    nd_array *out = nd_empty(2, shape, ND_INT64);
    if (out) {
        const int64_t *f = (const int64_t *)flat->data;
        int64_t *o = (int64_t *)out->data;
        for (ptrdiff_t i = 0; i < flat->size; i++) {
            int64_t p = f[i];
            for (int d = a->ndim - 1; d >= 0; d--) {
                o[i * a->ndim + d] = p % a->shape[d];
                p /= a->shape[d];
            }
        }
    }
    nd_free(flat);
    return out;
}

nd_status nd_nonzero(const nd_array *a, nd_array **out)
{
    if (!a) return nd_set_error(ND_EVALUE, "nd_nonzero: array is NULL");
    if (a->ndim == 0) return nd_set_error(ND_EVALUE, "nd_nonzero: calling nonzero on 0d arrays is not allowed");
    nd_array *w = nd_argwhere(a);
    if (!w) return nd_last_error();
    for (int d = 0; d < a->ndim; d++) out[d] = NULL;
    for (int d = 0; d < a->ndim; d++) {
        nd_array *col = nd_sel(w, ND_ALL, ND_AT(d));
        out[d] = col ? nd_copy(col, ND_ORDER_C) : NULL;
        nd_free(col);
        if (!out[d]) {
            for (int k = 0; k < d; k++) {
                nd_free(out[k]);
                out[k] = NULL;
            }
            nd_free(w);
            return nd_last_error();
        }
    }
    nd_free(w);
    return ND_OK;
}

nd_status nd_put(nd_array *a, const nd_array *indices, const nd_array *values)
{
    if (!a || !indices || !values) return nd_set_error(ND_EVALUE, "nd_put: array is NULL");
    if (!nd_is_writeable(a)) return nd_set_error(ND_EVALUE, "nd_put: assignment destination is read-only");
    if (!values || values->size == 0) return nd_set_error(ND_EVALUE, "nd_put: values must not be empty");
    nd_array *ind = index_copy(indices, a->size, 0, "nd_put");
    nd_array *vals = ind ? nd_empty(1, (ptrdiff_t[]){ values->size }, a->dtype) : NULL;
    nd_array *vflat = vals ? nd_ravel(values) : NULL;
    nd_status st = vflat ? nd__copy_into(vals, vflat) : nd_last_error();
    if (st == ND_OK) {
        size_t isz = nd_dtype_size(a->dtype);
        const int64_t *ix = (const int64_t *)ind->data;
        for (ptrdiff_t i = 0; i < ind->size; i++) {
            ptrdiff_t p = (ptrdiff_t)ix[i];
            char *dst = a->data;
            for (int d = a->ndim - 1; d >= 0; d--) {
                dst += (p % a->shape[d]) * a->strides[d];
                p /= a->shape[d];
            }
            memcpy(dst, vals->data + (size_t)(i % values->size) * isz, isz);
        }
    }
    nd_free(ind);
    nd_free(vals);
    nd_free(vflat);
    return st;
}
