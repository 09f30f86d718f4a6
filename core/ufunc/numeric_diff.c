/* Differences and sums along an axis built from the ufuncs on views: diff, ediff1d,
 * trapz, cross. */
#include "reduce_internal.h"

#include <numc/manip.h>

/* View of a[..., start:stop, ...] along `axis` (0 <= start <= stop <= extent). */
static nd_array *axis_range(const nd_array *a, int axis, ptrdiff_t start, ptrdiff_t stop)
{
    ptrdiff_t shape[ND_MAXDIMS];
    memcpy(shape, a->shape, sizeof(ptrdiff_t) * (size_t)a->ndim);
    shape[axis] = stop - start;
    return nd__view_of(a, a->ndim, shape, a->strides, a->data + start * a->strides[axis],
                       a->dtype);
}

/* `p` broadcast to a's shape except along `axis`, where it keeps its own extent. */
static nd_array *join_part(const nd_array *a, const nd_array *p, int axis, const char *who)
{
    ptrdiff_t shape[ND_MAXDIMS];
    memcpy(shape, a->shape, sizeof(ptrdiff_t) * (size_t)a->ndim);
    if (p->ndim == 0) {
        shape[axis] = 1;
    } else if (p->ndim == a->ndim) {
        shape[axis] = p->shape[axis];
    } else {
        nd_set_error(ND_ESHAPE, "%s: prepend/append must be 0-d or have the array's %d dimensions",
                  who, a->ndim);
        return NULL;
    }
    return nd_broadcast_to(p, a->ndim, shape);
}

nd_array *nd_diff_(const nd_array *a, const nd_diff_opts *opts)
{
    static const char *who = "nd_diff";
    const nd_diff_opts *o = opts ? opts : &ND_DIFF_DEFAULTS;
    int n = o->n, axis = o->axis;
    if (!a) return ND_FAIL(ND_EVALUE, "%s: input is NULL", who);
    if (n < 0) return ND_FAIL(ND_EVALUE, "%s: order must be non-negative but got %d", who, n);
    if (a->ndim == 0) return ND_FAIL(ND_EVALUE, "%s: requires input that is at least one dimensional", who);
    if (nd__norm_axis(&axis, a->ndim, who) < 0) return NULL;
    nd_array *cur = NULL;
    if (o->prepend || o->append) {
        const nd_array *parts[3];
        nd_array *tmp[2] = { NULL, NULL };
        int k = 0;
        if (o->prepend && !(tmp[0] = join_part(a, o->prepend, axis, who))) return NULL;
        if (o->append && !(tmp[1] = join_part(a, o->append, axis, who))) {
            nd_free(tmp[0]);
            return NULL;
        }
        if (tmp[0]) parts[k++] = tmp[0];
        parts[k++] = a;
        if (tmp[1]) parts[k++] = tmp[1];
        cur = nd_concatenate(k, parts, axis);
        nd_free(tmp[0]);
        nd_free(tmp[1]);
    } else {
        cur = nd_ref(a);
    }
    if (!cur) return NULL;
    if (n == 0) {
        nd_array *c = nd_copy(cur, ND_ORDER_K);
        nd_free(cur);
        return c;
    }
    for (int k = 0; k < n; k++) {
        ptrdiff_t len = cur->shape[axis];
        ptrdiff_t m = len > 0 ? len - 1 : 0;
        nd_array *hi = axis_range(cur, axis, len > 0 ? 1 : 0, len > 0 ? len : 0);
        nd_array *lo = axis_range(cur, axis, 0, m);
        nd_array *next = NULL;
        if (hi && lo) {
            next = cur->dtype == ND_BOOL ? nd_not_equal(hi, lo) : nd_subtract(hi, lo);
            /* datetime - datetime is a timedelta, as NumPy's diff gives */
            if (next && next->dtype != cur->dtype && cur->dtype != ND_BOOL &&
                !nd_dtype_is_datetime(cur->dtype)) {
                nd_array *c = nd_astype(next, cur->dtype, ND_CAST_UNSAFE);
                nd_free(next);
                next = c;
            }
        }
        nd_free(hi);
        nd_free(lo);
        nd_free(cur);
        cur = next;
        if (!cur) return NULL;
    }
    return cur;
}

/* x raveled and cast (same kind) to t, a new array; NULL on error. */
static nd_array *flat_as(const nd_array *x, nd_dtype t)
{
    nd_array *f = nd_ravel(x);
    nd_array *r = f ? nd_astype(f, t, ND_CAST_SAME_KIND) : NULL;
    nd_free(f);
    return r;
}

nd_array *nd_ediff1d(const nd_array *a, const nd_array *to_end, const nd_array *to_begin)
{
    static const char *who = "nd_ediff1d";
    if (!a) return ND_FAIL(ND_EVALUE, "%s: input is NULL", who);
    nd_array *flat = nd_ravel(a);
    if (!flat) return NULL;
    nd_array *d = NULL;
    if (flat->shape[0] >= 1) {
        nd_array *hi = axis_range(flat, 0, 1, flat->shape[0]), *lo = axis_range(flat, 0, 0, flat->shape[0] - 1);
        /* NumPy: the result keeps the input's dtype (bool subtract is an error) */
        d = hi && lo ? nd_subtract(hi, lo, .dtype = (int)a->dtype, .casting = ND_CAST_UNSAFE)
                     : NULL;
        nd_free(hi);
        nd_free(lo);
    } else {
        d = nd_empty(ND_SHAPE(0), a->dtype);
    }
    nd_free(flat);
    if (!d || (!to_end && !to_begin)) return d;
    const nd_array *parts[3];
    nd_array *tmp[2] = { NULL, NULL };
    int k = 0;
    if (to_begin) {
        if (!(tmp[0] = flat_as(to_begin, a->dtype))) goto fail;
        parts[k++] = tmp[0];
    }
    parts[k++] = d;
    if (to_end) {
        if (!(tmp[1] = flat_as(to_end, a->dtype))) goto fail;
        parts[k++] = tmp[1];
    }
    nd_array *r = nd_concatenate(k, parts, 0);
    nd_free(tmp[0]);
    nd_free(tmp[1]);
    nd_free(d);
    return r;
fail:
    nd_free(tmp[0]);
    nd_free(tmp[1]);
    nd_free(d);
    return NULL;
}

nd_array *nd_trapz(const nd_array *y, const nd_array *x, double dx, int axis)
{
    static const char *who = "nd_trapz";
    if (!y) return ND_FAIL(ND_EVALUE, "%s: input is NULL", who);
    if (y->ndim == 0) return ND_FAIL(ND_EVALUE, "%s: y must be at least 1-D", who);
    if (nd__norm_axis(&axis, y->ndim, who) < 0) return NULL;
    const ptrdiff_t len = y->shape[axis];
    nd_array *y1 = axis_range(y, axis, len > 0 ? 1 : 0, len);
    nd_array *y0 = axis_range(y, axis, 0, len > 0 ? len - 1 : 0);
    nd_array *d = NULL, *t = NULL, *r = NULL;
    if (!y1 || !y0) goto done;
    if (x) {
        nd_array *dd = nd_diff(x, 1, x->ndim == 1 ? 0 : axis);
        if (!dd) goto done;
        if (x->ndim == 1 && y->ndim > 1) {
            /* shape (1, ..., len-1, ..., 1) so it broadcasts along `axis` */
            ptrdiff_t shape[ND_MAXDIMS];
            for (int k = 0; k < y->ndim; k++) shape[k] = k == axis ? dd->shape[0] : 1;
            d = nd_reshape(dd, y->ndim, shape);
            nd_free(dd);
        } else {
            d = dd;
        }
        if (!d) goto done;
    }
    /* NumPy's order of operations: (d * (y[1:] + y[:-1]) / 2).sum(axis) */
    t = nd_add(y1, y0);
    if (!t) goto done;
    nd_array *u = x ? nd_multiply(d, t) : nd_multiply(t, dx == 0 ? 1.0 : dx);
    nd_free(t);
    t = u;
    if (!t) goto done;
    u = nd_divide(t, 2.0);
    nd_free(t);
    t = u;
    if (!t) goto done;
    r = nd_sum(t, .axis = axis);
done:
    nd_free(y1);
    nd_free(y0);
    nd_free(d);
    nd_free(t);
    return r;
}

/* ---- cross -------------------------------------------------------------------------- */
static nd_array *component(const nd_array *a, int axis, ptrdiff_t k)
{
    ptrdiff_t shape[ND_MAXDIMS], strides[ND_MAXDIMS];
    int nd = 0;
    for (int d = 0; d < a->ndim; d++) {
        if (d == axis) continue;
        shape[nd] = a->shape[d];
        strides[nd] = a->strides[d];
        nd++;
    }
    return nd__view_of(a, nd, shape, strides, a->data + k * a->strides[axis], a->dtype);
}

/* x*y - z*w, or 0 when a factor is absent (a 2-vector's missing z). */
static nd_array *cross_term(const nd_array *x, const nd_array *y, const nd_array *z,
                            const nd_array *w)
{
    nd_array *p = x && y ? nd_multiply(x, y) : NULL;
    nd_array *q = z && w ? nd_multiply(z, w) : NULL;
    nd_array *r;
    if (p && q) r = nd_subtract(p, q);
    else if (p) r = nd_ref(p);
    else if (q) r = nd_negative(q);
    else r = NULL;
    nd_free(p);
    nd_free(q);
    return r;
}

nd_array *nd_cross(const nd_array *a, const nd_array *b, int axis)
{
    static const char *who = "nd_cross";
    if (!a || !b) return ND_FAIL(ND_EVALUE, "%s: input is NULL", who);
    int axa = axis, axb = axis;
    if (a->ndim == 0 || b->ndim == 0) return ND_FAIL(ND_EVALUE, "%s: inputs must be at least 1-D", who);
    if (nd__norm_axis(&axa, a->ndim, who) < 0 || nd__norm_axis(&axb, b->ndim, who) < 0) return NULL;
    ptrdiff_t na = a->shape[axa], nb = b->shape[axb];
    if ((na != 2 && na != 3) || (nb != 2 && nb != 3))
        return ND_FAIL(ND_EVALUE,
                       "%s: incompatible dimensions for cross product (dimension must be 2 or 3, got %td and %td)",
                       who, na, nb);
    nd_array *ac[3] = { NULL, NULL, NULL }, *bc[3] = { NULL, NULL, NULL }, *c[3] = { NULL, NULL, NULL };
    nd_array *out = NULL;
    for (int k = 0; k < 3; k++) {
        if (k < na && !(ac[k] = component(a, axa, k))) goto done;
        if (k < nb && !(bc[k] = component(b, axb, k))) goto done;
    }
    if (na == 2 && nb == 2) {
        out = cross_term(ac[0], bc[1], ac[1], bc[0]);
        goto done;
    }
    c[0] = cross_term(ac[1], bc[2], ac[2], bc[1]);
    c[1] = cross_term(ac[2], bc[0], ac[0], bc[2]);
    c[2] = cross_term(ac[0], bc[1], ac[1], bc[0]);
    if (!c[2]) goto done;
    /* c0/c1 are absent only when both z components are: then they are 0 */
    for (int k = 0; k < 2; k++)
        if (!c[k] && !(c[k] = nd_zeros_like(c[2], -1))) goto done;
    {
        /* stack along the last axis of the broadcast shape; then move it to `axis` */
        ptrdiff_t shape[ND_MAXDIMS];
        int nd = c[2]->ndim;
        memcpy(shape, c[2]->shape, sizeof(ptrdiff_t) * (size_t)nd);
        shape[nd] = 3;
        nd_array *st = nd_empty(nd + 1, shape, c[2]->dtype);
        if (!st) goto done;
        for (int k = 0; k < 3; k++) {
            nd_array *v = component(st, nd, k);
            nd_status rc = v ? nd_assign(v, c[k], ND_CAST_UNSAFE) : nd_last_error();
            nd_free(v);
            if (rc < 0) {
                nd_free(st);
                goto done;
            }
        }
        int dst = axis < 0 ? axis + nd + 1 : axis;
        if (dst < 0 || dst > nd) dst = nd;
        int src = nd;
        out = nd_moveaxis(st, 1, &src, &dst);
        nd_free(st);
    }
done:
    for (int k = 0; k < 3; k++) {
        nd_free(ac[k]);
        nd_free(bc[k]);
        nd_free(c[k]);
    }
    return out;
}
