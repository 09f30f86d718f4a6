/* NumPy's indexing routines: indices, ix_, ravel_multi_index, unravel_index, the diagonal
 * and triangle index generators, fill_diagonal, choose, select, place, putmask,
 * put_along_axis, sliding_window_view and the ndindex / ndenumerate loops. */
#include <numc/manip.h>

#include <string.h>

#include "internal.h"


/* A C-ordered int64 copy of an integer array (ND_EDTYPE naming who otherwise). */
static nd_array *as_i64(const nd_array *x, const char *what, const char *who)
{
    if (!x) return ND_FAIL(ND_EVALUE, "%s: %s is NULL", who, what);
    if (!nd_dtype_is_integer(x->dtype) && x->dtype != ND_BOOL)
        return ND_FAIL(ND_EDTYPE, "%s: %s must be integers, not %s", who, what, nd_dtype_name(x->dtype));
    nd_array *c = nd_empty(x->ndim, x->shape, ND_INT64);
    if (c && nd__copy_into(c, x) < 0) {
        nd_free(c);
        return NULL;
    }
    return c;
}

/* A C-ordered copy of x broadcast to (ndim, shape) in dtype dt. */
static nd_array *bcast_copy(const nd_array *x, int ndim, const ptrdiff_t *shape, nd_dtype dt, const char *who)
{
    nd_array *v = nd__broadcast_view(x, ndim, shape, who);
    nd_array *c = v ? nd_empty(ndim, shape, dt) : NULL;
    if (c && nd__copy_into(c, v) < 0) {
        nd_free(c);
        c = NULL;
    }
    nd_free(v);
    return c;
}

static nd_status check_shape(int ndim, const ptrdiff_t *shape, const char *who)
{
    if (ndim < 0 || ndim > ND_MAXDIMS || (ndim > 0 && !shape))
        return nd_set_error(ND_EVALUE, "%s: bad number of dimensions %d", who, ndim);
    for (int d = 0; d < ndim; d++)
        if (shape[d] < 0) return nd_set_error(ND_EVALUE, "%s: negative dimensions are not allowed", who);
    return nd__shape_size(ndim, shape, who) < 0 ? nd_last_error() : ND_OK;
}

/* ---- grids ------------------------------------------------------------------------------ */

nd_array *(nd_indices)(int ndim, const ptrdiff_t *shape, nd_dtype dt)
{
    if (check_shape(ndim, shape, "nd_indices") < 0) return NULL;
    if (ndim >= ND_MAXDIMS) return ND_FAIL(ND_EVALUE, "nd_indices: %d dimensions leave no room for the grid axis", ndim);
    ptrdiff_t gshape[ND_MAXDIMS];
    gshape[0] = ndim;
    if (ndim) memcpy(gshape + 1, shape, sizeof(ptrdiff_t) * (size_t)ndim);
    nd_array *out = nd_empty(ndim + 1, gshape, dt);
    if (!out) return NULL;
    for (int d = 0; d < ndim; d++) {
        nd_array *slab = nd_sel(out, ND_AT(d));
        nd_array *ar = slab ? nd_arange(0, (double)shape[d], 1, ND_INT64) : NULL;
        ptrdiff_t rs[ND_MAXDIMS];
        for (int j = 0; j < ndim; j++) rs[j] = j == d ? shape[d] : 1;
        nd_array *r = ar ? nd_reshape(ar, ndim, rs) : NULL;
        nd_status st = r ? nd__copy_into(slab, r) : nd_last_error();
        nd_free(slab);
        nd_free(ar);
        nd_free(r);
        if (st < 0) {
            nd_free(out);
            return NULL;
        }
    }
    return out;
}

nd_status nd_indices_sparse(int ndim, const ptrdiff_t *shape, nd_dtype dt, nd_array **out)
{
    if (!out) return nd_set_error(ND_EVALUE, "nd_indices_sparse: out is NULL");
    if (check_shape(ndim, shape, "nd_indices_sparse") < 0) return nd_last_error();
    if (ndim == 0) return nd_set_error(ND_EVALUE, "nd_indices_sparse: the shape needs at least one dimension");
    for (int d = 0; d < ndim; d++) out[d] = NULL;
    for (int d = 0; d < ndim; d++) {
        ptrdiff_t rs[ND_MAXDIMS];
        for (int j = 0; j < ndim; j++) rs[j] = j == d ? shape[d] : 1;
        nd_array *ar = nd_arange(0, (double)shape[d], 1, dt);
        out[d] = ar ? nd_reshape(ar, ndim, rs) : NULL;
        nd_free(ar);
        if (!out[d]) return nd__free_n(out, d);
    }
    return ND_OK;
}

nd_status nd_ix(int n, const nd_array *const *seqs, nd_array **out)
{
    const char *who = "nd_ix";
    if (!out) return nd_set_error(ND_EVALUE, "%s: out is NULL", who);
    if (n < 0 || n > ND_MAXDIMS) return nd_set_error(ND_EVALUE, "%s: %d sequences", who, n);
    if (nd__check_list(n, seqs, who) < 0) return nd_last_error();
    for (int k = 0; k < n; k++) out[k] = NULL;
    for (int k = 0; k < n; k++) {
        const nd_array *s = seqs[k];
        if (s->ndim != 1) {
            nd_set_error(ND_EVALUE, "%s: Cross index must be 1 dimensional (argument %d has %d)", who, k, s->ndim);
            return nd__free_n(out, k);
        }
        nd_array *v = NULL;
        if (s->dtype == ND_BOOL) {
            nd_array *nz[1];
            if (nd_nonzero(s, nz) == ND_OK) v = nz[0];
        } else if (nd_dtype_is_integer(s->dtype)) {
            v = nd_copy(s, ND_ORDER_C);
        } else {
            nd_set_error(ND_EDTYPE, "%s: Cross index must be integer or boolean, not %s (argument %d)", who,
                         nd_dtype_name(s->dtype), k);
        }
        ptrdiff_t rs[ND_MAXDIMS];
        for (int j = 0; j < n; j++) rs[j] = 1;
        if (v) rs[k] = v->shape[0];
        out[k] = v ? nd_reshape(v, n, rs) : NULL;
        nd_free(v);
        if (!out[k]) return nd__free_n(out, k);
    }
    return ND_OK;
}

/* ---- flat and multi-dimensional indices ---------------------------------------------------- */

static nd_clipmode mode_of(const nd_ravel_opts *o, int d)
{
    return o->modes ? o->modes[d] : o->mode;
}

nd_array *nd_ravel_multi_index_(int n, const nd_array *const *multi_index, int ndim, const ptrdiff_t *dims,
                                const nd_ravel_opts *o)
{
    const char *who = "nd_ravel_multi_index";
    nd_ravel_opts def = ND_RAVEL_DEFAULTS;
    if (!o) o = &def;
    if (!multi_index) return ND_FAIL(ND_EVALUE, "%s: multi_index is NULL", who);
    if (nd__check_list(n, multi_index, who) < 0) return NULL;
    if (check_shape(ndim, dims, who) < 0) return NULL;
    if (n != ndim)
        return ND_FAIL(ND_EVALUE, "%s: parameter multi_index must be a sequence of length %d, not %d", who, ndim, n);
    if (o->order != ND_ORDER_C && o->order != ND_ORDER_F)
        return ND_FAIL(ND_EVALUE, "%s: only 'C' or 'F' order is permitted", who);
    for (int d = 0; d < ndim; d++)
        if ((unsigned)mode_of(o, d) > ND_CLIP) return ND_FAIL(ND_EVALUE, "%s: bad mode %d for axis %d", who, (int)mode_of(o, d), d);
    /* Strides of a C or F array of shape dims, in elements; the total must fit. */
    ptrdiff_t stride[ND_MAXDIMS], acc = 1;
    for (int j = 0; j < ndim; j++) {
        int d = o->order == ND_ORDER_C ? ndim - 1 - j : j;
        stride[d] = acc;
        if (dims[d] && acc > PTRDIFF_MAX / dims[d])
            return ND_FAIL(ND_EVALUE, "%s: invalid dims: array size defined by dims is larger than the maximum possible size", who);
        acc *= dims[d];
    }
    int ndims[ND_MAXDIMS];
    const ptrdiff_t *shapes[ND_MAXDIMS];
    for (int k = 0; k < n; k++) {
        ndims[k] = multi_index[k]->ndim;
        shapes[k] = multi_index[k]->shape;
        if (!nd_dtype_is_integer(multi_index[k]->dtype))
            return ND_FAIL(ND_EDTYPE, "%s: index array %d must be integers, not %s", who, k,
                           nd_dtype_name(multi_index[k]->dtype));
    }
    int bnd = 0;
    ptrdiff_t bshape[ND_MAXDIMS];
    if (n > 0 && nd__broadcast(n, ndims, shapes, &bnd, bshape, who) < 0) return NULL;
    nd_array *out = nd_zeros(bnd, bshape, ND_INT64);
    if (!out) return NULL;
    int64_t *po = (int64_t *)out->data;
    for (int k = 0; k < n; k++) {
        nd_array *c = bcast_copy(multi_index[k], bnd, bshape, ND_INT64, who);
        if (!c) goto fail;
        const int64_t *pc = (const int64_t *)c->data;
        ptrdiff_t m = dims[k];
        nd_clipmode mode = mode_of(o, k);
        for (ptrdiff_t i = 0; i < out->size; i++) {
            int64_t v = pc[i];
            if (v < 0 || v >= m) {
                if (mode == ND_RAISE || m == 0) {
                    nd_free(c);
                    nd_set_error(ND_EVALUE, "%s: invalid entry in coordinates array (index %lld for axis %d with size %td)",
                                 who, (long long)v, k, m);
                    goto fail;
                }
                if (mode == ND_WRAP) v = ((v % m) + m) % m;
                else v = v < 0 ? 0 : m - 1;
            }
            po[i] += v * stride[k];
        }
        nd_free(c);
    }
    return out;
fail:
    nd_free(out);
    return NULL;
}

nd_status nd_unravel_index_(const nd_array *indices, int ndim, const ptrdiff_t *dims, nd_array **out,
                            const nd_ravel_opts *o)
{
    const char *who = "nd_unravel_index";
    nd_ravel_opts def = ND_RAVEL_DEFAULTS;
    if (!o) o = &def;
    if (!indices || !out) return nd_set_error(ND_EVALUE, "%s: indices or out is NULL", who);
    if (check_shape(ndim, dims, who) < 0) return nd_last_error();
    if (o->order != ND_ORDER_C && o->order != ND_ORDER_F)
        return nd_set_error(ND_EVALUE, "%s: only 'C' or 'F' order is permitted", who);
    if (!nd_dtype_is_integer(indices->dtype))
        return nd_set_error(ND_EDTYPE, "%s: only int indices permitted, not %s", who, nd_dtype_name(indices->dtype));
    ptrdiff_t size = nd__shape_size(ndim, dims, who);
    nd_array *ix = as_i64(indices, "indices", who);
    if (!ix) return nd_last_error();
    const int64_t *pi = (const int64_t *)ix->data;
    for (ptrdiff_t i = 0; i < ix->size; i++)
        if (pi[i] < 0 || pi[i] >= size) {
            nd_status st = nd_set_error(ND_EVALUE, "%s: index %lld is out of bounds for array with size %td", who,
                                        (long long)pi[i], size);
            nd_free(ix);
            return st;
        }
    for (int d = 0; d < ndim; d++) out[d] = NULL;
    for (int d = 0; d < ndim; d++)
        if (!(out[d] = nd_empty(ix->ndim, ix->shape, ND_INT64))) {
            nd_free(ix);
            return nd__free_n(out, d);
        }
    for (ptrdiff_t i = 0; i < ix->size; i++) {
        int64_t v = pi[i];
        for (int j = 0; j < ndim; j++) {
            int d = o->order == ND_ORDER_C ? ndim - 1 - j : j;
            ((int64_t *)out[d]->data)[i] = v % dims[d];
            v /= dims[d];
        }
    }
    nd_free(ix);
    return ND_OK;
}

/* ---- diagonals and triangles ------------------------------------------------------------------ */

nd_array *nd_diag_indices(ptrdiff_t n, int ndim)
{
    if (n < 0 || ndim < 0 || ndim > ND_MAXDIMS)
        return ND_FAIL(ND_EVALUE, "nd_diag_indices: bad n %td or ndim %d", n, ndim);
    nd_array *out = nd_empty(ND_SHAPE(ndim, n), ND_INT64);
    if (!out) return NULL;
    int64_t *p = (int64_t *)out->data;
    for (int d = 0; d < ndim; d++)
        for (ptrdiff_t i = 0; i < n; i++) *p++ = i;
    return out;
}

nd_array *nd_diag_indices_from(const nd_array *a)
{
    if (!a) return ND_FAIL(ND_EVALUE, "nd_diag_indices_from: array is NULL");
    if (a->ndim < 2) return ND_FAIL(ND_EVALUE, "nd_diag_indices_from: input array must be at least 2-d");
    for (int d = 1; d < a->ndim; d++)
        if (a->shape[d] != a->shape[0])
            return ND_FAIL(ND_EVALUE, "nd_diag_indices_from: All dimensions of input must be of equal length");
    return nd_diag_indices(a->shape[0], a->ndim);
}

/* Columns [lo, hi) of row i in the lower (j <= i + k) or upper (j >= i + k) triangle of n×m. */
static void tri_row(ptrdiff_t i, ptrdiff_t k, ptrdiff_t m, bool upper, ptrdiff_t *lo, ptrdiff_t *hi)
{
    ptrdiff_t lim = k > 0 && i > PTRDIFF_MAX - k ? m : i + k;
    ptrdiff_t c = lim < 0 ? 0 : lim > m ? m : lim; /* clamp(i + k) */
    if (upper) {
        *lo = c;
        *hi = m;
    } else {
        *lo = 0;
        *hi = lim < 0 ? 0 : lim >= m ? m : lim + 1;
    }
}

static nd_array *tri_indices(ptrdiff_t n, ptrdiff_t k, ptrdiff_t m, bool upper, const char *who)
{
    if (m < 0) m = n;
    if (n < 0) return ND_FAIL(ND_EVALUE, "%s: negative dimensions are not allowed", who);
    if (nd__shape_size(2, (ptrdiff_t[]){ n, m }, who) < 0) return NULL;
    ptrdiff_t count = 0, lo, hi;
    for (ptrdiff_t i = 0; i < n; i++) {
        tri_row(i, k, m, upper, &lo, &hi);
        count += hi > lo ? hi - lo : 0;
    }
    nd_array *out = nd_empty(ND_SHAPE(2, count), ND_INT64);
    if (!out) return NULL;
    int64_t *r = (int64_t *)out->data, *c = r + count;
    for (ptrdiff_t i = 0; i < n; i++) {
        tri_row(i, k, m, upper, &lo, &hi);
        for (ptrdiff_t j = lo; j < hi; j++) {
            *r++ = i;
            *c++ = j;
        }
    }
    return out;
}

nd_array *nd_tril_indices(ptrdiff_t n, ptrdiff_t k, ptrdiff_t m)
{
    return tri_indices(n, k, m, false, "nd_tril_indices");
}

nd_array *nd_triu_indices(ptrdiff_t n, ptrdiff_t k, ptrdiff_t m)
{
    return tri_indices(n, k, m, true, "nd_triu_indices");
}

nd_array *nd_tril_indices_from(const nd_array *a, ptrdiff_t k)
{
    if (!a) return ND_FAIL(ND_EVALUE, "nd_tril_indices_from: array is NULL");
    if (a->ndim != 2) return ND_FAIL(ND_EVALUE, "nd_tril_indices_from: input array must be 2-d");
    return tri_indices(a->shape[0], k, a->shape[1], false, "nd_tril_indices_from");
}

nd_array *nd_triu_indices_from(const nd_array *a, ptrdiff_t k)
{
    if (!a) return ND_FAIL(ND_EVALUE, "nd_triu_indices_from: array is NULL");
    if (a->ndim != 2) return ND_FAIL(ND_EVALUE, "nd_triu_indices_from: input array must be 2-d");
    return tri_indices(a->shape[0], k, a->shape[1], true, "nd_triu_indices_from");
}

nd_array *nd_mask_indices(ptrdiff_t n, nd_mask_fn mask_func, ptrdiff_t k)
{
    const char *who = "nd_mask_indices";
    if (!mask_func) return ND_FAIL(ND_EVALUE, "%s: mask_func is NULL", who);
    if (n < 0) return ND_FAIL(ND_EVALUE, "%s: negative dimensions are not allowed", who);
    nd_array *ones = nd_ones(ND_SHAPE(n, n), ND_INT64);
    nd_array *m = ones ? mask_func(ones, k) : NULL;
    nd_free(ones);
    if (!m) return NULL;
    nd_array *out = NULL;
    if (m->ndim != 2) {
        nd_set_error(ND_EVALUE, "%s: mask_func returned a %d-d array, not 2-d", who, m->ndim);
    } else {
        nd_array *w = nd_argwhere(m); /* (count, 2): its transpose is the stacked tuple */
        nd_array *t = w ? nd_transpose(w) : NULL;
        out = t ? nd_copy(t, ND_ORDER_C) : NULL;
        nd_free(t);
        nd_free(w);
    }
    nd_free(m);
    return out;
}

nd_status nd_fill_diagonal(nd_array *a, const nd_array *val, bool wrap)
{
    const char *who = "nd_fill_diagonal";
    if (!a || !val) return nd_set_error(ND_EVALUE, "%s: array is NULL", who);
    if (!nd_is_writeable(a)) return nd_set_error(ND_EVALUE, "%s: assignment destination is read-only", who);
    if (a->ndim < 2) return nd_set_error(ND_EVALUE, "%s: array must be at least 2-d", who);
    ptrdiff_t end = a->size, step;
    if (a->ndim == 2) {
        step = a->shape[1] + 1;
        if (!wrap && a->shape[1] < a->shape[0]) end = a->shape[1] * a->shape[1];
    } else {
        for (int d = 1; d < a->ndim; d++)
            if (a->shape[d] != a->shape[0])
                return nd_set_error(ND_EVALUE, "%s: All dimensions of input must be of equal length", who);
        step = 1;
        ptrdiff_t p = 1;
        for (int d = 0; d < a->ndim - 1; d++) {
            p *= a->shape[d];
            step += p;
        }
    }
    if (val->size == 0 || a->size == 0) return ND_OK;
    nd_array *vf = nd_empty(1, (ptrdiff_t[]){ val->size }, a->dtype);
    nd_array *vr = vf ? nd_ravel(val) : NULL;
    nd_status st = vr ? nd__copy_into(vf, vr) : nd_last_error();
    nd_free(vr);
    if (st == ND_OK) {
        size_t isz = nd_dtype_size(a->dtype);
        ptrdiff_t j = 0;
        for (ptrdiff_t f = 0; f < end; f += step, j++) {
            char *dst = a->data;
            ptrdiff_t p = f;
            for (int d = a->ndim - 1; d >= 0; d--) {
                dst += (p % a->shape[d]) * a->strides[d];
                p /= a->shape[d];
            }
            memcpy(dst, vf->data + (size_t)(j % val->size) * isz, isz);
        }
    }
    nd_free(vf);
    return st;
}

/* ---- choose and select ------------------------------------------------------------------------ */

nd_array *nd_choose(const nd_array *a, int n, const nd_array *const *choices, nd_clipmode mode)
{
    const char *who = "nd_choose";
    if (!a) return ND_FAIL(ND_EVALUE, "%s: array is NULL", who);
    if (n < 1) return ND_FAIL(ND_EVALUE, "%s: choices must not be empty", who);
    if (nd__check_list(n, choices, who) < 0) return NULL;
    if ((unsigned)mode > ND_CLIP) return ND_FAIL(ND_EVALUE, "%s: bad mode %d", who, (int)mode);
    if (!nd_dtype_is_integer(a->dtype) && a->dtype != ND_BOOL)
        return ND_FAIL(ND_EDTYPE, "%s: indices must be integers, not %s", who, nd_dtype_name(a->dtype));
    int *ndims = nd__malloc_n(n + 1, sizeof *ndims, who);
    const ptrdiff_t **shapes = nd__malloc_n(n + 1, sizeof *shapes, who);
    nd_array *ix = NULL, *out = NULL, *c = NULL;
    if (!ndims || !shapes) goto done;
    ndims[0] = a->ndim;
    shapes[0] = a->shape;
    nd_dtype dt = choices[0]->dtype;
    for (int k = 0; k < n; k++) {
        ndims[k + 1] = choices[k]->ndim;
        shapes[k + 1] = choices[k]->shape;
        dt = nd_result_type(dt, choices[k]->dtype);
    }
    int nd;
    ptrdiff_t shape[ND_MAXDIMS];
    if (nd__broadcast(n + 1, ndims, shapes, &nd, shape, who) < 0) goto done;
    if (!(ix = bcast_copy(a, nd, shape, ND_INT64, who))) goto done;
    int64_t *pi = (int64_t *)ix->data;
    for (ptrdiff_t i = 0; i < ix->size; i++) {
        int64_t v = pi[i];
        if (v < 0 || v >= n) {
            if (mode == ND_RAISE) {
                nd_set_error(ND_EVALUE, "%s: invalid entry in choice array (%lld with %d choices)", who, (long long)v, n);
                goto done;
            }
            pi[i] = mode == ND_WRAP ? ((v % n) + n) % n : v < 0 ? 0 : n - 1;
        }
    }
    if (!(out = nd_empty(nd, shape, dt))) goto done;
    size_t isz = nd_dtype_size(dt);
    for (int k = 0; k < n; k++) {
        if (!(c = bcast_copy(choices[k], nd, shape, dt, who))) {
            nd_free(out);
            out = NULL;
            goto done;
        }
        for (ptrdiff_t i = 0; i < ix->size; i++)
            if (pi[i] == k) memcpy(out->data + (size_t)i * isz, c->data + (size_t)i * isz, isz);
        nd_free(c);
        c = NULL;
    }
done:
    nd_free_mem(ndims);
    nd_free_mem(shapes);
    nd_free(ix);
    return out;
}

nd_array *nd_select(int n, const nd_array *const *condlist, const nd_array *const *choicelist,
                    const nd_array *default_value)
{
    const char *who = "nd_select";
    if (n < 1) return ND_FAIL(ND_EVALUE, "%s: select with an empty condition list is not possible", who);
    if (nd__check_list(n, condlist, who) < 0 || nd__check_list(n, choicelist, who) < 0) return NULL;
    for (int k = 0; k < n; k++)
        if (condlist[k]->dtype != ND_BOOL)
            return ND_FAIL(ND_EDTYPE, "%s: invalid entry %d in condlist: should be boolean ndarray", who, k);
    int m = 2 * n + (default_value != NULL);
    int *ndims = nd__malloc_n(m, sizeof *ndims, who);
    const ptrdiff_t **shapes = nd__malloc_n(m, sizeof *shapes, who);
    nd_array *out = NULL;
    if (!ndims || !shapes) goto done;
    nd_dtype dt = choicelist[0]->dtype;
    for (int k = 0; k < n; k++) {
        ndims[k] = condlist[k]->ndim;
        shapes[k] = condlist[k]->shape;
        ndims[n + k] = choicelist[k]->ndim;
        shapes[n + k] = choicelist[k]->shape;
        dt = nd_result_type(dt, choicelist[k]->dtype);
    }
    if (default_value) {
        ndims[2 * n] = default_value->ndim;
        shapes[2 * n] = default_value->shape;
        dt = nd_result_type(dt, default_value->dtype);
    }
    int nd;
    ptrdiff_t shape[ND_MAXDIMS];
    if (nd__broadcast(m, ndims, shapes, &nd, shape, who) < 0) goto done;
    out = default_value ? bcast_copy(default_value, nd, shape, dt, who) : nd_zeros(nd, shape, dt);
    if (!out) goto done;
    /* Last condition first, so that the first true one is written last and wins. */
    size_t isz = nd_dtype_size(dt);
    for (int k = n - 1; k >= 0; k--) {
        nd_array *c = bcast_copy(condlist[k], nd, shape, ND_BOOL, who);
        nd_array *v = c ? bcast_copy(choicelist[k], nd, shape, dt, who) : NULL;
        if (v) {
            const bool *pc = (const bool *)c->data;
            for (ptrdiff_t i = 0; i < out->size; i++)
                if (pc[i]) memcpy(out->data + (size_t)i * isz, v->data + (size_t)i * isz, isz);
        }
        nd_free(c);
        nd_free(v);
        if (!v) {
            nd_free(out);
            out = NULL;
            goto done;
        }
    }
done:
    nd_free_mem(ndims);
    nd_free_mem(shapes);
    return out;
}

/* ---- masked and along-axis assignment ---------------------------------------------------------- */

/* Pointer to flat C-order element f of a (any strides). */
static char *flat_ptr(const nd_array *a, ptrdiff_t f)
{
    char *p = a->data;
    for (int d = a->ndim - 1; d >= 0; d--) {
        p += (f % a->shape[d]) * a->strides[d];
        f /= a->shape[d];
    }
    return p;
}

/* Shared by place (cyclic over the masked elements) and putmask (cyclic over all). */
static nd_status masked_put(nd_array *a, const nd_array *mask, const nd_array *vals, bool place, const char *who)
{
    if (!a || !mask || !vals) return nd_set_error(ND_EVALUE, "%s: array is NULL", who);
    if (!nd_is_writeable(a)) return nd_set_error(ND_EVALUE, "%s: assignment destination is read-only", who);
    if (mask->size != a->size)
        return nd_set_error(ND_EVALUE, "%s: mask and data must be the same size (%td and %td)", who, mask->size,
                            a->size);
    nd_array *m = nd_empty(mask->ndim, mask->shape, ND_BOOL);
    nd_status st = m ? nd__copy_into(m, mask) : nd_last_error();
    nd_array *vf = NULL, *vr = NULL;
    if (st < 0) goto done;
    const bool *pm = (const bool *)m->data;
    if (vals->size == 0) {
        if (place)
            for (ptrdiff_t i = 0; i < m->size; i++)
                if (pm[i]) {
                    st = nd_set_error(ND_EVALUE, "%s: Cannot insert from an empty array!", who);
                    goto done;
                }
        goto done;
    }
    vf = nd_empty(1, (ptrdiff_t[]){ vals->size }, a->dtype);
    vr = vf ? nd_ravel(vals) : NULL;
    if (!vr || (st = nd__copy_into(vf, vr)) < 0) {
        if (st == ND_OK) st = nd_last_error();
        goto done;
    }
    size_t isz = nd_dtype_size(a->dtype);
    ptrdiff_t j = 0;
    for (ptrdiff_t i = 0; i < m->size; i++) {
        if (!pm[i]) continue;
        ptrdiff_t src = place ? j++ % vals->size : i % vals->size;
        memcpy(flat_ptr(a, i), vf->data + (size_t)src * isz, isz);
    }
done:
    nd_free(m);
    nd_free(vf);
    nd_free(vr);
    return st;
}

nd_status nd_place(nd_array *arr, const nd_array *mask, const nd_array *vals)
{
    return masked_put(arr, mask, vals, true, "nd_place");
}

nd_status nd_putmask(nd_array *a, const nd_array *mask, const nd_array *values)
{
    return masked_put(a, mask, values, false, "nd_putmask");
}

nd_status nd_put_along_axis(nd_array *arr, const nd_array *indices, const nd_array *values, int axis)
{
    const char *who = "nd_put_along_axis";
    if (!arr || !indices || !values) return nd_set_error(ND_EVALUE, "%s: array is NULL", who);
    if (!nd_is_writeable(arr)) return nd_set_error(ND_EVALUE, "%s: assignment destination is read-only", who);
    if (axis == ND_AXIS_NONE) {
        if (indices->ndim != 1)
            return nd_set_error(ND_EVALUE, "%s: when axis=None, `indices` must have a single dimension.", who);
        nd_array *flat = nd_ravel(arr);
        nd_status st;
        if (!flat) return nd_last_error();
        if (!nd_may_share_memory(flat, arr) && arr->size > 0)
            st = nd_set_error(ND_EVALUE, "%s: axis=None needs a contiguous array (its flat view)", who);
        else
            st = nd_put_along_axis(flat, indices, values, 0);
        nd_free(flat);
        return st;
    }
    if (indices->ndim != arr->ndim)
        return nd_set_error(ND_EVALUE, "%s: `indices` and `arr` must have the same number of dimensions", who);
    if (nd__norm_axis(&axis, arr->ndim, who) < 0) return nd_last_error();
    if (!nd_dtype_is_integer(indices->dtype))
        return nd_set_error(ND_EDTYPE, "%s: `indices` must be an integer array", who);
    /* The shape walked: indices broadcast against arr on every axis but `axis`. */
    ptrdiff_t shape[ND_MAXDIMS];
    for (int d = 0; d < arr->ndim; d++) {
        ptrdiff_t x = arr->shape[d], y = indices->shape[d];
        if (d == axis || x == y || x == 1) shape[d] = y;
        else if (y == 1) shape[d] = x;
        else {
            char sa[ND_SHAPE_STRLEN], sb[ND_SHAPE_STRLEN];
            return nd_set_error(ND_ESHAPE, "%s: shape mismatch: indices %s and array %s", who,
                                nd__shape_str(sa, sizeof sa, indices->ndim, indices->shape),
                                nd__shape_str(sb, sizeof sb, arr->ndim, arr->shape));
        }
    }
    nd_array *ix = bcast_copy(indices, arr->ndim, shape, ND_INT64, who);
    nd_array *vc = ix ? bcast_copy(values, arr->ndim, shape, arr->dtype, who) : NULL;
    nd_status st = vc ? ND_OK : nd_last_error();
    if (st == ND_OK) {
        const int64_t *pi = (const int64_t *)ix->data;
        ptrdiff_t ext = arr->shape[axis];
        for (ptrdiff_t i = 0; i < ix->size; i++)
            if (pi[i] < -ext || pi[i] >= ext) {
                st = nd_set_error(ND_EINDEX, "%s: index %lld is out of bounds for axis %d with size %td", who,
                                  (long long)pi[i], axis, ext);
                break;
            }
    }
    if (st == ND_OK) {
        size_t isz = nd_dtype_size(arr->dtype);
        ptrdiff_t pos[ND_MAXDIMS] = { 0 };
        const int64_t *pi = (const int64_t *)ix->data;
        for (ptrdiff_t i = 0; i < ix->size; i++) {
            char *dst = arr->data;
            for (int d = 0; d < arr->ndim; d++) {
                ptrdiff_t k = d == axis ? (pi[i] < 0 ? pi[i] + arr->shape[d] : pi[i]) : arr->shape[d] == 1 ? 0 : pos[d];
                dst += k * arr->strides[d];
            }
            memcpy(dst, vc->data + (size_t)i * isz, isz);
            for (int d = arr->ndim - 1; d >= 0; d--) {
                if (++pos[d] < shape[d]) break;
                pos[d] = 0;
            }
        }
    }
    nd_free(ix);
    nd_free(vc);
    return st;
}

/* ---- sliding windows --------------------------------------------------------------------------- */

nd_array *nd_sliding_window_view_(const nd_array *x, int nwin, const ptrdiff_t *window_shape, const nd_window_opts *o)
{
    const char *who = "nd_sliding_window_view";
    if (!x) return ND_FAIL(ND_EVALUE, "%s: array is NULL", who);
    if (nwin < 0 || (nwin > 0 && !window_shape)) return ND_FAIL(ND_EVALUE, "%s: bad window_shape", who);
    for (int i = 0; i < nwin; i++)
        if (window_shape[i] < 0) return ND_FAIL(ND_EVALUE, "%s: `window_shape` cannot contain negative values", who);
    nd_window_opts def = { 0, ND_AXIS_NONE, { 0, { 0 } } };
    if (!o) o = &def;
    nd_axes ax = { 0, { 0 } };
    if (nd__opt_axes(o->axis, &o->axes, &ax, who) < 0) return NULL;
    if (ax.n == 0) {
        if (nwin != x->ndim)
            return ND_FAIL(ND_EVALUE,
                           "%s: Since axis is `None`, must provide window_shape for all dimensions of `x`; got %d "
                           "window_shape elements and `x.ndim` is %d.",
                           who, nwin, x->ndim);
        ax.n = nwin;
        for (int i = 0; i < nwin; i++) ax.ax[i] = i;
    } else if (ax.n != nwin) {
        return ND_FAIL(ND_EVALUE,
                       "%s: Must provide matching length window_shape and axis; got %d window_shape elements and %d "
                       "axes elements.",
                       who, nwin, ax.n);
    }
    if (x->ndim + nwin > ND_MAXDIMS) return ND_FAIL(ND_EVALUE, "%s: result would have more than %d dimensions", who, ND_MAXDIMS);
    ptrdiff_t shape[ND_MAXDIMS], strides[ND_MAXDIMS];
    memcpy(shape, x->shape, sizeof(ptrdiff_t) * (size_t)x->ndim);
    memcpy(strides, x->strides, sizeof(ptrdiff_t) * (size_t)x->ndim);
    for (int i = 0; i < nwin; i++) {
        int a = ax.ax[i];
        if (nd__norm_axis(&a, x->ndim, who) < 0) return NULL;
        if (shape[a] < window_shape[i])
            return ND_FAIL(ND_EVALUE, "%s: window shape cannot be larger than input array shape (axis %d: %td > %td)",
                           who, a, window_shape[i], shape[a]);
        shape[a] -= window_shape[i] - 1;
        shape[x->ndim + i] = window_shape[i];
        strides[x->ndim + i] = x->strides[a];
    }
    nd_array *v = nd__view_of(x, x->ndim + nwin, shape, strides, x->data, x->dtype);
    if (v) v->flags &= ~(unsigned)ND_WRITEABLE;
    return v;
}

/* ---- ndindex / ndenumerate --------------------------------------------------------------------- */

nd_ndindex nd_ndindex_begin(int ndim, const ptrdiff_t *shape)
{
    nd_ndindex it;
    memset(&it, 0, sizeof it);
    if (check_shape(ndim, shape, "nd_ndindex_begin") < 0) {
        it.status = nd_last_error();
        return it;
    }
    it.ndim = ndim;
    it.size = 1;
    for (int d = 0; d < ndim; d++) {
        it.shape[d] = shape[d];
        it.size *= shape[d];
    }
    return it;
}

bool nd_ndindex_next(nd_ndindex *it)
{
    if (!it || it->status < 0 || it->count >= it->size) return false;
    if (it->count++ > 0)
        for (int d = it->ndim - 1; d >= 0; d--) {
            if (++it->index[d] < it->shape[d]) break;
            it->index[d] = 0;
        }
    return true;
}

nd_ndenumerate nd_ndenumerate_begin(const nd_array *a)
{
    nd_ndenumerate e;
    memset(&e, 0, sizeof e);
    if (!a) {
        e.status = e.it.status = nd_set_error(ND_EVALUE, "nd_ndenumerate_begin: array is NULL");
        return e;
    }
    e.a = a;
    e.it = nd_ndindex_begin(a->ndim, a->shape);
    e.status = e.it.status;
    return e;
}

bool nd_ndenumerate_next(nd_ndenumerate *e)
{
    if (!e || !e->a || !nd_ndindex_next(&e->it)) return false;
    e->index = e->it.index;
    char *p = e->a->data;
    for (int d = 0; d < e->a->ndim; d++) p += e->it.index[d] * e->a->strides[d];
    e->ptr = p;
    e->value = nd__scalar_load(p, e->a->dtype);
    return true;
}
