/* numpy.delete / insert / trim_zeros / block / unstack / asarray_chkfinite / vander. */
#include <numc/manip.h>

#include <math.h>
#include <string.h>

#include "internal.h"

/* Python's slice.indices(n): normalised start, stop, step and the element count. */
static ptrdiff_t slice_indices(nd_index s, ptrdiff_t n, ptrdiff_t *start, ptrdiff_t *step)
{
    ptrdiff_t st = s.step ? s.step : 1, lo, hi;
    if (st > 0) {
        lo = s.start == ND_NONE ? 0 : s.start < 0 ? (s.start + n < 0 ? 0 : s.start + n) : (s.start > n ? n : s.start);
        hi = s.stop == ND_NONE ? n : s.stop < 0 ? (s.stop + n < 0 ? 0 : s.stop + n) : (s.stop > n ? n : s.stop);
    } else {
        lo = s.start == ND_NONE ? n - 1 : s.start < 0 ? (s.start + n < 0 ? -1 : s.start + n) : (s.start >= n ? n - 1 : s.start);
        hi = s.stop == ND_NONE ? -1 : s.stop < 0 ? (s.stop + n < 0 ? -1 : s.stop + n) : (s.stop >= n ? n - 1 : s.stop);
    }
    *start = lo;
    *step = st;
    if (st > 0) return hi > lo ? (hi - lo + st - 1) / st : 0;
    return lo > hi ? (lo - hi - st - 1) / -st : 0;
}

/* The array to work on for `axis`: a itself, or flattened for ND_AXIS_NONE (axis -> 0). */
static nd_array *work_array(const nd_array *a, int *axis, const char *who)
{
    if (*axis == ND_AXIS_NONE) {
        *axis = 0;
        return nd_ravel(a);
    }
    if (nd__norm_axis(axis, a->ndim, who) < 0) return NULL;
    return nd_ref(a);
}

/* Integer index arrays as int64 (copied, contiguous); ND_EINDEX for other dtypes. */
static nd_array *index_array(const nd_array *obj, const char *who)
{
    if (!nd_dtype_is_integer(obj->dtype))
        return ND_FAIL(ND_EINDEX, "%s: arrays used as indices must be of integer (or boolean) type, not %s", who,
                       nd_dtype_name(obj->dtype));
    return nd_astype(obj, ND_INT64, ND_CAST_UNSAFE);
}

/* Keep the positions of arr along axis where keep[j]; frees keep, arr stays. */
static nd_array *keep_along(const nd_array *arr, bool *keep, ptrdiff_t n, int axis)
{
    nd_array *mask = nd_empty(1, &n, ND_BOOL);
    if (mask) memcpy(mask->data, keep, (size_t)n);
    nd_free_mem(keep);
    nd_array *out = mask ? nd_compress(mask, arr, axis) : NULL;
    nd_free(mask);
    return out;
}

static nd_array *delete_mask(const nd_array *a, int axis, const nd_array *obj, nd_index slice, bool use_slice,
                             ptrdiff_t single, bool use_single)
{
    const char *who = "nd_delete";
    if (!a) return ND_FAIL(ND_EVALUE, "%s: array is NULL", who);
    nd_array *arr = work_array(a, &axis, who), *idx = NULL;
    if (!arr) return NULL;
    ptrdiff_t n = arr->shape[axis];
    bool *keep = nd__malloc_n(n ? n : 1, 1, who);
    if (!keep) goto fail;
    memset(keep, 1, (size_t)n);
    if (use_slice) {
        ptrdiff_t start, step, cnt = slice_indices(slice, n, &start, &step);
        for (ptrdiff_t k = 0; k < cnt; k++) keep[start + k * step] = false;
    } else if (use_single) {
        if (single < -n || single >= n) {
            nd_set_error(ND_EINDEX, "%s: index %td is out of bounds for axis %d with size %td", who, single, axis, n);
            goto fail;
        }
        keep[single < 0 ? single + n : single] = false;
    } else if (obj->dtype == ND_BOOL) {
        if (obj->ndim != 1 || obj->shape[0] != n) {
            nd_set_error(ND_EVALUE,
                         "%s: boolean array argument obj to delete must be one dimensional and match the axis "
                         "length of %td",
                         who, n);
            goto fail;
        }
        for (ptrdiff_t j = 0; j < n; j++) {
            nd_scalar s;
            if (nd_get_flat(obj, j, &s) < 0) goto fail;
            keep[j] = !s.v.b;
        }
    } else {
        if (!(idx = index_array(obj, who))) goto fail;
        const int64_t *ix = (const int64_t *)idx->data;
        for (ptrdiff_t k = 0; k < idx->size; k++) {
            if (ix[k] < -n || ix[k] >= n) {
                nd_set_error(ND_EINDEX, "%s: index %lld is out of bounds for axis %d with size %td", who,
                             (long long)ix[k], axis, n);
                goto fail;
            }
            keep[ix[k] < 0 ? ix[k] + n : ix[k]] = false;
        }
    }
    nd_free(idx);
    nd_array *out = keep_along(arr, keep, n, axis);
    nd_free(arr);
    return out;
fail:
    nd_free_mem(keep);
    nd_free(idx);
    nd_free(arr);
    return NULL;
}

nd_array *nd_delete(const nd_array *a, const nd_array *obj, int axis)
{
    if (!obj) return ND_FAIL(ND_EVALUE, "nd_delete: obj is NULL");
    return delete_mask(a, axis, obj, ND_ALL, false, 0, false);
}

nd_array *nd_delete_at(const nd_array *a, ptrdiff_t index, int axis)
{
    return delete_mask(a, axis, NULL, ND_ALL, false, index, true);
}

nd_array *nd_delete_slice(const nd_array *a, nd_index slice, int axis)
{
    if (slice.kind != ND_IX_SLICE) return ND_FAIL(ND_EVALUE, "nd_delete_slice: the index is not a slice");
    return delete_mask(a, axis, NULL, slice, true, 0, false);
}

/* new[..., lo:hi, ...] = src (broadcast, cast). */
static nd_status copy_range(nd_array *dst, int axis, ptrdiff_t lo, ptrdiff_t hi, const nd_array *src)
{
    nd_index ix[ND_MAXDIMS];
    for (int d = 0; d < dst->ndim; d++) ix[d] = ND_ALL;
    ix[axis] = ND_SLICE(lo, hi, 1);
    nd_array *v = nd_slice(dst, dst->ndim, ix);
    nd_status st = v ? nd__copy_into(v, src) : nd_last_error();
    nd_free(v);
    return st;
}

/* src[..., lo:hi, ...] as a view. */
static nd_array *range_view(const nd_array *src, int axis, ptrdiff_t lo, ptrdiff_t hi)
{
    nd_index ix[ND_MAXDIMS];
    for (int d = 0; d < src->ndim; d++) ix[d] = ND_ALL;
    ix[axis] = ND_SLICE(lo, hi, 1);
    return nd_slice(src, src->ndim, ix);
}

/* One insertion point: values (at least arr.ndim dims, the axis moved into place when the
 * index was a scalar) form the inserted block. */
static nd_array *insert_block(const nd_array *arr, int axis, ptrdiff_t index, const nd_array *values, bool scalar)
{
    const char *who = "nd_insert";
    ptrdiff_t n = arr->shape[axis];
    if (index < -n || index > n)
        return ND_FAIL(ND_EINDEX, "%s: index %td is out of bounds for axis %d with size %td", who, index, axis, n);
    if (index < 0) index += n;
    ptrdiff_t vshape[ND_MAXDIMS] = { 0 };
    int vnd = values->ndim < arr->ndim ? arr->ndim : values->ndim, lead = vnd - values->ndim;
    for (int d = 0; d < vnd; d++) vshape[d] = d < lead ? 1 : values->shape[d - lead];
    nd_array *v = nd_reshape(values, vnd, vshape), *vm = NULL, *out = NULL;
    if (!v) return NULL;
    if (scalar && vnd > 0) {
        int src = 0;
        vm = nd_moveaxis(v, 1, &src, &axis);
    } else {
        vm = nd_ref(v);
    }
    nd_free(v);
    if (!vm) return NULL;
    if (vm->ndim <= axis) {
        nd_free(vm);
        return ND_FAIL(ND_ESHAPE, "%s: values with %d dimensions do not fit axis %d", who, vnd, axis);
    }
    ptrdiff_t numnew = vm->shape[axis], shape[ND_MAXDIMS];
    memcpy(shape, arr->shape, sizeof(ptrdiff_t) * (size_t)arr->ndim);
    shape[axis] += numnew;
    out = nd_empty(arr->ndim, shape, arr->dtype);
    nd_array *head = out ? range_view(arr, axis, 0, index) : NULL;
    nd_array *tail = head ? range_view(arr, axis, index, n) : NULL;
    nd_status st = tail ? ND_OK : ND_ENOMEM;
    if (st == ND_OK) st = copy_range(out, axis, 0, index, head);
    if (st == ND_OK) st = copy_range(out, axis, index, index + numnew, vm);
    if (st == ND_OK) st = copy_range(out, axis, index + numnew, shape[axis], tail);
    nd_free(head);
    nd_free(tail);
    nd_free(vm);
    if (st < 0 || !tail) {
        nd_free(out);
        return NULL;
    }
    return out;
}

/* Several insertion points (NumPy's sequence path): indices sorted stably, shifted by
 * their rank, values broadcast to (..., numnew, ...). */
static nd_array *insert_many(const nd_array *arr, int axis, int64_t *ix, ptrdiff_t numnew, const nd_array *values)
{
    const char *who = "nd_insert";
    ptrdiff_t n = arr->shape[axis];
    for (ptrdiff_t k = 0; k < numnew; k++) {
        if (ix[k] < -n || ix[k] > n)
            return ND_FAIL(ND_EINDEX, "%s: index %lld is out of bounds for axis %d with size %td", who,
                           (long long)ix[k], axis, n);
        if (ix[k] < 0) ix[k] += n;
    }
    /* Stable order of the indices (insertion sort on positions: numnew is small in
     * practice, and a merge sort would need another buffer). */
    ptrdiff_t *order = nd__malloc_n(numnew ? numnew : 1, sizeof(ptrdiff_t), who);
    ptrdiff_t *src_of = NULL; /* for each new position: >= 0 old index, < 0 -(value k + 1) */
    nd_array *out = NULL, *vb = NULL;
    if (!order) return NULL;
    for (ptrdiff_t k = 0; k < numnew; k++) {
        ptrdiff_t j = k;
        while (j > 0 && ix[order[j - 1]] > ix[k]) {
            order[j] = order[j - 1];
            j--;
        }
        order[j] = k;
    }
    for (ptrdiff_t r = 0; r < numnew; r++) ix[order[r]] += r;
    ptrdiff_t total = n + numnew, shape[ND_MAXDIMS];
    if (!(src_of = nd__malloc_n(total, sizeof(ptrdiff_t), who))) goto done;
    for (ptrdiff_t j = 0; j < total; j++) src_of[j] = 0;
    for (ptrdiff_t k = 0; k < numnew; k++) src_of[ix[k]] = -(k + 1);
    for (ptrdiff_t j = 0, i = 0; j < total; j++)
        if (src_of[j] == 0 || src_of[j] > 0) src_of[j] = i++;
    memcpy(shape, arr->shape, sizeof(ptrdiff_t) * (size_t)arr->ndim);
    shape[axis] = numnew;
    if (!(vb = nd__broadcast_view(values, arr->ndim, shape, who))) goto done;
    shape[axis] = total;
    if (!(out = nd_empty(arr->ndim, shape, arr->dtype))) goto done;
    for (ptrdiff_t j = 0; j < total; j++) {
        bool from_values = src_of[j] < 0;
        ptrdiff_t s = from_values ? -src_of[j] - 1 : src_of[j];
        nd_array *piece = range_view(from_values ? vb : arr, axis, s, s + 1);
        nd_status st = piece ? copy_range(out, axis, j, j + 1, piece) : nd_last_error();
        nd_free(piece);
        if (st < 0) {
            nd_free(out);
            out = NULL;
            break;
        }
    }
done:
    nd_free_mem(order);
    nd_free_mem(src_of);
    nd_free(vb);
    return out;
}

static nd_array *insert_impl(const nd_array *a, const nd_array *obj, nd_index slice, bool use_slice, ptrdiff_t single,
                             bool use_single, const nd_array *values, int axis)
{
    const char *who = "nd_insert";
    if (!a || !values) return ND_FAIL(ND_EVALUE, "%s: array or values is NULL", who);
    nd_array *arr = work_array(a, &axis, who), *idx = NULL, *out = NULL;
    if (!arr) return NULL;
    if (use_single) {
        out = insert_block(arr, axis, single, values, true);
        nd_free(arr);
        return out;
    }
    ptrdiff_t n = arr->shape[axis];
    if (use_slice) {
        ptrdiff_t start, step, cnt = slice_indices(slice, n, &start, &step);
        if (!(idx = nd_empty(1, &cnt, ND_INT64))) goto done;
        for (ptrdiff_t k = 0; k < cnt; k++) ((int64_t *)idx->data)[k] = start + k * step;
    } else {
        if (obj->ndim > 1) {
            nd_set_error(ND_EVALUE, "%s: index array argument obj to insert must be one dimensional or scalar", who);
            goto done;
        }
        /* NumPy 1.x converts a bool obj to 0/1 positions; kept so. */
        if (!(idx = obj->dtype == ND_BOOL ? nd_astype(obj, ND_INT64, ND_CAST_UNSAFE) : index_array(obj, who)))
            goto done;
    }
    nd_array *vals = values->dtype == arr->dtype ? nd_ref(values) : nd_astype(values, arr->dtype, ND_CAST_UNSAFE);
    if (!vals) goto done;
    if (idx->size == 1)
        out = insert_block(arr, axis, (ptrdiff_t)((int64_t *)idx->data)[0], vals, !use_slice && idx->ndim == 0);
    else
        out = insert_many(arr, axis, (int64_t *)idx->data, idx->size, vals);
    nd_free(vals);
done:
    nd_free(idx);
    nd_free(arr);
    return out;
}

nd_array *nd_insert(const nd_array *a, const nd_array *obj, const nd_array *values, int axis)
{
    if (!obj) return ND_FAIL(ND_EVALUE, "nd_insert: obj is NULL");
    return insert_impl(a, obj, ND_ALL, false, 0, false, values, axis);
}

nd_array *nd_insert_at(const nd_array *a, ptrdiff_t index, const nd_array *values, int axis)
{
    return insert_impl(a, NULL, ND_ALL, false, index, true, values, axis);
}

nd_array *nd_insert_slice(const nd_array *a, nd_index slice, const nd_array *values, int axis)
{
    if (slice.kind != ND_IX_SLICE) return ND_FAIL(ND_EVALUE, "nd_insert_slice: the index is not a slice");
    return insert_impl(a, NULL, slice, true, 0, false, values, axis);
}

/* ---- trim_zeros --------------------------------------------------------------------------- */
static bool is_zero(const nd_array *a, ptrdiff_t i)
{
    nd_scalar s = nd__scalar_load(a->data + i * a->strides[0], a->dtype);
    switch (nd_dtype_kind(a->dtype)) {
    case 'b': return !s.v.b;
    case 'i': return s.v.i == 0;
    case 'u': return s.v.u == 0;
    case 'f': return s.v.f == 0;
    default: return s.v.c[0] == 0 && s.v.c[1] == 0;
    }
}

nd_array *nd_trim_zeros(const nd_array *filt, const char *trim)
{
    if (!filt) return ND_FAIL(ND_EVALUE, "nd_trim_zeros: array is NULL");
    if (filt->ndim != 1) return ND_FAIL(ND_EVALUE, "nd_trim_zeros: filt must be 1-d (got %d dimensions)", filt->ndim);
    if (!trim) trim = "fb";
    bool front = strchr(trim, 'f') || strchr(trim, 'F'), back = strchr(trim, 'b') || strchr(trim, 'B');
    ptrdiff_t lo = 0, hi = filt->shape[0];
    if (front)
        while (lo < hi && is_zero(filt, lo)) lo++;
    if (back)
        while (hi > lo && is_zero(filt, hi - 1)) hi--;
    return nd_sel(filt, ND_SLICE(lo, hi, 1));
}

/* ---- block -------------------------------------------------------------------------------- */
/* Depth of the nested list and the largest array ndim; ND_EVALUE on a bad list. */
static nd_status block_depth(const nd_blocks *b, int level, int *depth, int *maxnd, char *path, size_t pathlen)
{
    size_t used = strlen(path);
    if (b->n <= 0) return nd_set_error(ND_EVALUE, "nd_block: list at arrays%s cannot be empty", path);
    if (!b->arrays == !b->lists)
        return nd_set_error(ND_EVALUE, "nd_block: list at arrays%s must hold either arrays or lists", path);
    if (b->arrays) {
        for (int i = 0; i < b->n; i++) {
            if (!b->arrays[i]) return nd_set_error(ND_EVALUE, "nd_block: arrays%s[%d] is NULL", path, i);
            if (b->arrays[i]->ndim > *maxnd) *maxnd = b->arrays[i]->ndim;
        }
        if (*depth < 0) *depth = level + 1;
        else if (*depth != level + 1)
            return nd_set_error(ND_EVALUE, "nd_block: list depths are mismatched (arrays%s[0] is at depth %d, "
                                "expected %d)", path, level + 1, *depth);
        return ND_OK;
    }
    for (int i = 0; i < b->n; i++) {
        snprintf(path + used, pathlen - used, "[%d]", i);
        nd_status st = block_depth(&b->lists[i], level + 1, depth, maxnd, path, pathlen);
        path[used] = 0;
        if (st < 0) return st;
    }
    return ND_OK;
}

static nd_array *block_rec(const nd_blocks *b, int level, int depth, int rnd)
{
    int n = b->n, axis = rnd - depth + level;
    nd_array **parts = nd__malloc_n(n, sizeof(nd_array *), "nd_block"), *out = NULL;
    if (!parts) return NULL;
    int made = 0;
    for (; made < n; made++) {
        if (b->arrays) {
            const nd_array *x = b->arrays[made];
            ptrdiff_t shape[ND_MAXDIMS];
            int lead = rnd - x->ndim;
            for (int d = 0; d < rnd; d++) shape[d] = d < lead ? 1 : x->shape[d - lead];
            parts[made] = nd_reshape(x, rnd, shape);
        } else {
            parts[made] = block_rec(&b->lists[made], level + 1, depth, rnd);
        }
        if (!parts[made]) break;
    }
    if (made == n) out = nd_concatenate(n, (const nd_array *const *)parts, axis);
    for (int i = 0; i < made; i++) nd_free(parts[i]);
    nd_free_mem(parts);
    return out;
}

nd_array *nd_block_(const nd_blocks *b)
{
    if (!b) return ND_FAIL(ND_EVALUE, "nd_block: list is NULL");
    int depth = -1, maxnd = 0;
    char path[ND_MAXDIMS * 16 + 64] = "";
    if (block_depth(b, 0, &depth, &maxnd, path, sizeof path) < 0) return NULL;
    int rnd = depth > maxnd ? depth : maxnd;
    if (rnd > ND_MAXDIMS) return ND_FAIL(ND_EVALUE, "nd_block: result would have %d dimensions (max %d)", rnd, ND_MAXDIMS);
    nd_array *out = block_rec(b, 0, depth, rnd);
    if (out && nd_is_view(out)) { /* a single array: still a new array */
        nd_array *c = nd_copy(out, ND_ORDER_C);
        nd_free(out);
        out = c;
    }
    return out;
}

/* ---- unstack, asarray_chkfinite, vander -------------------------------------------------------- */
nd_status nd_unstack(const nd_array *a, int axis, nd_array **out)
{
    if (!a || !out) return nd_set_error(ND_EVALUE, "nd_unstack: array or out is NULL");
    if (a->ndim == 0) return nd_set_error(ND_EVALUE, "nd_unstack: input array must be at least 1-d");
    nd_status st = nd__norm_axis(&axis, a->ndim, "nd_unstack");
    if (st < 0) return st;
    nd_index ix[ND_MAXDIMS];
    for (int d = 0; d < a->ndim; d++) ix[d] = ND_ALL;
    for (ptrdiff_t i = 0; i < a->shape[axis]; i++) {
        ix[axis] = ND_AT(i);
        if (!(out[i] = nd_slice(a, a->ndim, ix))) return nd__free_n(out, (int)i);
    }
    return ND_OK;
}

nd_array *nd_asarray_chkfinite(const nd_array *a)
{
    if (!a) return ND_FAIL(ND_EVALUE, "nd_asarray_chkfinite: array is NULL");
    if (!nd_dtype_is_float(a->dtype) && !nd_dtype_is_complex(a->dtype)) return nd_ref(a);
    ptrdiff_t idx[ND_MAXDIMS] = { 0 };
    for (ptrdiff_t k = 0; k < a->size; k++) {
        const char *p = a->data;
        for (int d = 0; d < a->ndim; d++) p += idx[d] * a->strides[d];
        nd_scalar s = nd__scalar_load(p, a->dtype);
        double x = nd_dtype_is_float(a->dtype) ? s.v.f : (isfinite(s.v.c[0]) ? s.v.c[1] : s.v.c[0]);
        if (!isfinite(x)) {
            char pos[ND_SHAPE_STRLEN];
            nd__shape_str(pos, sizeof pos, a->ndim, idx);
            return ND_FAIL(ND_EVALUE, "nd_asarray_chkfinite: array must not contain infs or NaNs (%s at index %s)",
                           isnan(x) ? "nan" : x > 0 ? "inf" : "-inf", pos);
        }
        for (int d = a->ndim - 1; d >= 0; d--) {
            if (++idx[d] < a->shape[d]) break;
            idx[d] = 0;
        }
    }
    return nd_ref(a);
}

nd_array *(nd_vander)(const nd_array *x, ptrdiff_t n, bool increasing)
{
    if (!x) return ND_FAIL(ND_EVALUE, "nd_vander: array is NULL");
    if (x->ndim != 1) return ND_FAIL(ND_EVALUE, "nd_vander: x must be a one-dimensional array (got %d-d)", x->ndim);
    if (n == ND_NONE) n = x->shape[0];
    if (n < 0) return ND_FAIL(ND_EVALUE, "nd_vander: negative dimensions are not allowed (N = %td)", n);
    nd_dtype t = nd_result_type(x->dtype, ND_INT64);
    if (nd__need_numeric(x->dtype, "nd_vander") < 0) return NULL; /* powers of numbers only */
    nd_array *xc = nd_astype(x, t, ND_CAST_UNSAFE);
    ptrdiff_t m = x->shape[0], shape[2] = { m, n };
    nd_array *out = xc ? nd_empty(2, shape, t) : NULL;
    if (!out) {
        nd_free(xc);
        return NULL;
    }
    for (ptrdiff_t i = 0; i < m; i++) {
        for (ptrdiff_t k = 0; k < n; k++) {
            ptrdiff_t col = increasing ? k : n - 1 - k;
            ptrdiff_t at = i * n + col, prev = increasing ? at - 1 : at + 1;
            if (t == ND_INT64) {
                uint64_t xv = (uint64_t)((int64_t *)xc->data)[i];
                uint64_t *o = (uint64_t *)out->data;
                o[at] = k == 0 ? 1 : o[prev] * xv;
            } else if (t == ND_FLOAT64) {
                double *o = (double *)out->data;
                o[at] = k == 0 ? 1 : o[prev] * ((double *)xc->data)[i];
            } else {
                double *o = (double *)out->data, *xv = (double *)xc->data + 2 * i;
                if (k == 0) {
                    o[2 * at] = 1;
                    o[2 * at + 1] = 0;
                } else {
                    double re = o[2 * prev], im = o[2 * prev + 1];
                    o[2 * at] = re * xv[0] - im * xv[1];
                    o[2 * at + 1] = re * xv[1] + im * xv[0];
                }
            }
        }
    }
    nd_free(xc);
    return out;
}
