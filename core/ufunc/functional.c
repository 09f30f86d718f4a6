/* Functional programming: numpy.apply_along_axis, apply_over_axes and piecewise, with C
 * callbacks in place of Python functions. */
#include "ufunc_methods_internal.h"

#include <stdio.h>

/* ---- apply_along_axis ---------------------------------------------------------------------- */
nd_array *nd_apply_along_axis(nd_lane_fn fn, int axis, const nd_array *arr, void *ud)
{
    const char *who = "nd_apply_along_axis";
    if (!fn) return ND_FAIL(ND_EVALUE, "%s: function is NULL", who);
    if (!arr) return ND_FAIL(ND_EVALUE, "%s: array is NULL", who);
    if (arr->ndim == 0) return ND_FAIL(ND_EAXIS, "%s: axis %d is out of bounds for array of dimension 0", who, axis);
    if (nd__norm_axis(&axis, arr->ndim, who) < 0) return NULL;
    /* the iteration shape: every axis but `axis` */
    const int nk = arr->ndim - 1;
    ptrdiff_t ks[ND_MAXDIMS], kst[ND_MAXDIMS], niter = 1;
    for (int d = 0, k = 0; d < arr->ndim; d++) {
        if (d == axis) continue;
        ks[k] = arr->shape[d];
        kst[k++] = arr->strides[d];
        niter *= arr->shape[d];
    }
    if (niter == 0)
        return ND_FAIL(ND_EVALUE, "%s: Cannot apply_along_axis when any iteration dimensions are 0", who);
    const ptrdiff_t lshape = arr->shape[axis], lstride = arr->strides[axis];
    nd_array *lane = nd__view_of(arr, 1, &lshape, &lstride, arr->data, arr->dtype);
    if (!lane) return NULL;
    lane->flags &= ~(unsigned)ND_WRITEABLE;
    nd_array *out = NULL, *res = NULL, *slot = NULL;
    ptrdiff_t pos[ND_MAXDIMS] = { 0 }, rshape[ND_MAXDIMS];
    int rnd = 0;
    for (ptrdiff_t it = 0; it < niter; it++) {
        ptrdiff_t off = 0;
        for (int k = 0; k < nk; k++) off += pos[k] * kst[k];
        lane->data = arr->data + off;
        res = fn(lane, ud);
        if (!res) {
            if (nd_last_error() == ND_OK)
                nd_set_error(ND_EVALUE, "%s: the function returned NULL", who);
            goto fail;
        }
        if (it == 0) {
            /* the result's shape: arr.shape[:axis] + res.shape + arr.shape[axis+1:] */
            rnd = nk + res->ndim;
            if (rnd > ND_MAXDIMS) {
                nd_set_error(ND_EVALUE, "%s: the result would have %d dimensions (at most %d)", who,
                             rnd, ND_MAXDIMS);
                goto fail;
            }
            for (int d = 0; d < axis; d++) rshape[d] = ks[d];
            for (int d = 0; d < res->ndim; d++) rshape[axis + d] = res->shape[d];
            for (int d = axis; d < nk; d++) rshape[res->ndim + d] = ks[d];
            out = nd__alloc(rnd, rshape, res->dtype, false, who);
            if (!out) goto fail;
            slot = nd__view_of(out, res->ndim, res->shape, out->strides + axis, out->data, out->dtype);
            if (!slot) goto fail;
        } else {
            bool same = res->ndim == slot->ndim;
            for (int d = 0; same && d < res->ndim; d++) same = res->shape[d] == slot->shape[d];
            if (!same) {
                char s1[ND_SHAPE_STRLEN], s2[ND_SHAPE_STRLEN];
                nd_set_error(ND_EVALUE, "%s: the function returned shape %s after %s for the first "
                             "slice", who, nd__shape_str(s1, sizeof s1, res->ndim, res->shape),
                             nd__shape_str(s2, sizeof s2, slot->ndim, slot->shape));
                goto fail;
            }
        }
        ptrdiff_t ooff = 0;
        for (int k = 0; k < nk; k++) ooff += pos[k] * out->strides[k < axis ? k : k + res->ndim];
        slot->data = out->data + ooff;
        if (nd__copy_into(slot, res) < 0) goto fail;
        nd_free(res);
        res = NULL;
        for (int k = nk - 1; k >= 0; k--) {
            if (++pos[k] < ks[k]) break;
            pos[k] = 0;
        }
    }
    nd_free(slot);
    nd_free(lane);
    return out;
fail:
    nd_free(res);
    nd_free(slot);
    nd_free(out);
    nd_free(lane);
    return NULL;
}

/* ---- apply_over_axes ------------------------------------------------------------------------ */
nd_array *nd_apply_over_axes(nd_axis_fn fn, const nd_array *a, nd_axes axes, void *ud)
{
    const char *who = "nd_apply_over_axes";
    if (!fn) return ND_FAIL(ND_EVALUE, "%s: function is NULL", who);
    if (!a) return ND_FAIL(ND_EVALUE, "%s: array is NULL", who);
    if (axes.n < 0 || axes.n > ND_MAXDIMS)
        return ND_FAIL(ND_EVALUE, "%s: invalid number of axes %d", who, axes.n);
    const int N = a->ndim;
    nd_array *val = nd_ref(a);
    if (!val) return NULL;
    for (int i = 0; i < axes.n; i++) {
        int axis = axes.ax[i];
        if (axis < 0) axis += N;
        if (axis < 0 || axis >= N) {
            nd_free(val);
            return ND_FAIL(ND_EAXIS, "%s: axis %d is out of bounds for array of dimension %d", who,
                           axes.ax[i], N);
        }
        nd_array *res = fn(val, axis, ud);
        if (!res) {
            if (nd_last_error() == ND_OK) nd_set_error(ND_EVALUE, "%s: the function returned NULL", who);
            nd_free(val);
            return NULL;
        }
        if (res->ndim == val->ndim) {
            nd_free(val);
            val = res;
        } else if (res->ndim == val->ndim - 1) {
            nd_array *e = nd_expand_dims(res, axis);
            nd_free(res);
            nd_free(val);
            if (!e) return NULL;
            val = e;
        } else {
            nd_set_error(ND_EVALUE, "%s: function is not returning an array of the correct shape "
                         "(%d dimensions from %d)", who, res->ndim, val->ndim);
            nd_free(res);
            nd_free(val);
            return NULL;
        }
    }
    return val;
}

/* ---- piecewise ------------------------------------------------------------------------------- */
/* Write `vals` (count values, or one) into y where cond (C-ordered bool, y's size) is true. */
static nd_status scatter(nd_array *y, const bool *cond, ptrdiff_t count, const nd_array *vals,
                         int piece, const char *who)
{
    ptrdiff_t nv = nd_size(vals);
    if (nv != count && nv != 1) {
        char s[ND_SHAPE_STRLEN];
        return nd_set_error(ND_ESHAPE, "%s: piece %d returned shape %s for %td selected values", who,
                            piece, nd__shape_str(s, sizeof s, vals->ndim, vals->shape), count);
    }
    nd_array *vc = nd_astype(vals, y->dtype, ND_CAST_UNSAFE);
    if (!vc) return nd_last_error();
    nd_array *flat = nd_ravel(vc); /* C order */
    nd_free(vc);
    if (!flat) return nd_last_error();
    const size_t isz = nd_dtype_size(y->dtype);
    const ptrdiff_t n = nd_size(y), vs = nv == 1 ? 0 : flat->strides[0];
    ptrdiff_t k = 0;
    for (ptrdiff_t i = 0; i < n; i++)
        if (cond[i]) memcpy(y->data + (size_t)i * isz, flat->data + k++ * vs, isz);
    nd_free(flat);
    return ND_OK;
}

nd_array *nd_piecewise(const nd_array *x, int ncond, const nd_array *const *condlist, int nfunc,
                       const nd_piece *funclist)
{
    const char *who = "nd_piecewise";
    if (!x) return ND_FAIL(ND_EVALUE, "%s: x is NULL", who);
    if (ncond < 0 || (ncond > 0 && !condlist)) return ND_FAIL(ND_EVALUE, "%s: condition list is NULL", who);
    if (nfunc > 0 && !funclist) return ND_FAIL(ND_EVALUE, "%s: function list is NULL", who);
    if (nfunc != ncond && nfunc != ncond + 1)
        return ND_FAIL(ND_EVALUE, "%s: with %d condition(s), either %d or %d functions are expected",
                       who, ncond, ncond, ncond + 1);
    for (int i = 0; i < ncond; i++) {
        const nd_array *c = condlist[i];
        if (!c) return ND_FAIL(ND_EVALUE, "%s: condition %d is NULL", who, i);
        if (c->dtype != ND_BOOL)
            return ND_FAIL(ND_EDTYPE, "%s: condition %d has dtype %s; conditions are bool arrays",
                           who, i, nd_dtype_name(c->dtype));
        bool same = c->ndim == x->ndim;
        for (int d = 0; same && d < x->ndim; d++) same = c->shape[d] == x->shape[d];
        if (!same) {
            char s1[ND_SHAPE_STRLEN], s2[ND_SHAPE_STRLEN];
            return ND_FAIL(ND_ESHAPE, "%s: condition %d of shape %s does not match x of shape %s",
                           who, i, nd__shape_str(s1, sizeof s1, c->ndim, c->shape),
                           nd__shape_str(s2, sizeof s2, x->ndim, x->shape));
        }
    }
    const ptrdiff_t n = nd_size(x);
    nd_array *y = nd__alloc_ex(x->ndim, x->shape, x->dtype, false, true, who);
    nd_array *xc = y ? nd_copy(x, ND_ORDER_C) : NULL;
    nd_array *cmask = xc ? nd__alloc(x->ndim, x->shape, ND_BOOL, false, who) : NULL;
    bool *cm = cmask ? (bool *)cmask->data : NULL;
    bool *any = cmask ? nd__malloc_n(n ? n : 1, sizeof(bool), who) : NULL;
    if (!any) goto fail;
    memset(any, 0, (size_t)(n ? n : 1));
    for (int i = 0; i < nfunc; i++) {
        /* the mask: condition i, or for the default piece where no condition holds */
        if (i < ncond) {
            if (nd__copy_into(cmask, condlist[i]) < 0) goto fail;
            for (ptrdiff_t k = 0; k < n; k++) any[k] = any[k] || cm[k];
        } else {
            for (ptrdiff_t k = 0; k < n; k++) cm[k] = !any[k];
        }
        ptrdiff_t count = 0;
        for (ptrdiff_t k = 0; k < n; k++) count += cm[k];
        const nd_piece *p = &funclist[i];
        if (!p->fn) {
            nd_array *v = nd_full(0, NULL, ND_FLOAT64, ND_F64(p->value));
            nd_status rc = v ? scatter(y, cm, count, v, i, who) : nd_last_error();
            nd_free(v);
            if (rc < 0) goto fail;
            continue;
        }
        if (count == 0) continue; /* NumPy calls a function only on a non-empty selection */
        nd_array *sel = nd__alloc(1, &count, x->dtype, false, who);
        if (!sel) goto fail;
        const size_t isz = nd_dtype_size(x->dtype);
        for (ptrdiff_t k = 0, j = 0; k < n; k++)
            if (cm[k]) memcpy(sel->data + (size_t)j++ * isz, xc->data + (size_t)k * isz, isz);
        nd_array *vals = p->fn(sel, p->ud);
        nd_free(sel);
        if (!vals) {
            if (nd_last_error() == ND_OK) nd_set_error(ND_EVALUE, "%s: piece %d returned NULL", who, i);
            goto fail;
        }
        nd_status rc = scatter(y, cm, count, vals, i, who);
        nd_free(vals);
        if (rc < 0) goto fail;
    }
    nd_free_mem(any);
    nd_free(cmask);
    nd_free(xc);
    return y;
fail:
    nd_free_mem(any);
    nd_free(cmask);
    nd_free(xc);
    nd_free(y);
    return NULL;
}
