/* Joining, splitting, tiling, repeating, flipping, rolling, padding. */
#include <numc/manip.h>

#include <string.h>

#include "internal.h"

/* A view of `a` restricted to [start, stop) along axis. */
static nd_array *axis_range(const nd_array *a, int axis, ptrdiff_t start, ptrdiff_t stop)
{
    nd_index ix[ND_MAXDIMS];
    for (int d = 0; d < a->ndim; d++) ix[d] = ND_ALL;
    ix[axis] = ND_SLICE(start, stop, 1);
    return nd_slice(a, a->ndim, ix);
}

/* Copy src into dst[start:stop] along axis. */
static nd_status copy_to_range(nd_array *dst, int axis, ptrdiff_t start, ptrdiff_t stop, const nd_array *src)
{
    nd_array *v = axis_range(dst, axis, start, stop);
    if (!v) return nd_last_error();
    nd_status st = nd__copy_into(v, src);
    nd_free(v);
    return st;
}

nd_array *(nd_concatenate)(int n, const nd_array *const *arrays, int axis)
{
    if (n < 1 || !arrays) return ND_FAIL(ND_EVALUE, "nd_concatenate: need at least one array to concatenate");
    if (nd__check_list(n, arrays, "nd_concatenate") < 0) return NULL;
    if (axis == ND_AXIS_NONE) { /* NumPy's axis=None: every array flattened first */
        nd_array **flat = nd_calloc((size_t)n, sizeof *flat, "nd_concatenate");
        if (!flat) return NULL;
        nd_array *out = NULL;
        int i = 0;
        for (; i < n; i++)
            if (!(flat[i] = nd_ravel(arrays[i]))) break;
        if (i == n) out = (nd_concatenate)(n, (const nd_array *const *)flat, 0);
        for (int j = 0; j < n; j++) nd_free(flat[j]);
        nd_free_mem(flat);
        return out;
    }
    const nd_array *a0 = arrays[0];
    if (a0->ndim == 0) return ND_FAIL(ND_EVALUE, "nd_concatenate: zero-dimensional arrays cannot be concatenated");
    if (nd__norm_axis(&axis, a0->ndim, "nd_concatenate") < 0) return NULL;
    ptrdiff_t shape[ND_MAXDIMS];
    memcpy(shape, a0->shape, sizeof(ptrdiff_t) * (size_t)a0->ndim);
    shape[axis] = 0;
    nd_dtype dt = a0->dtype;
    for (int i = 0; i < n; i++) {
        const nd_array *a = arrays[i];
        if (!a) return ND_FAIL(ND_EVALUE, "nd_concatenate: array %d is NULL", i);
        if (a->ndim != a0->ndim)
            return ND_FAIL(ND_ESHAPE, "nd_concatenate: all the input arrays must have same number of dimensions, but the array at index 0 has %d dimension(s) and the array at index %d has %d dimension(s)",
                           a0->ndim, i, a->ndim);
        for (int d = 0; d < a->ndim; d++)
            if (d != axis && a->shape[d] != a0->shape[d])
                return ND_FAIL(ND_ESHAPE, "nd_concatenate: all the input array dimensions except for the concatenation axis must match exactly, but along dimension %d, the array at index 0 has size %td and the array at index %d has size %td",
                               d, a0->shape[d], i, a->shape[d]);
        shape[axis] += a->shape[axis];
        if (i) dt = nd_result_type(dt, a->dtype);
    }
    nd_array *out = nd_empty(a0->ndim, shape, dt);
    if (!out) return NULL;
    ptrdiff_t pos = 0;
    for (int i = 0; i < n; i++) {
        ptrdiff_t len = arrays[i]->shape[axis];
        if (copy_to_range(out, axis, pos, pos + len, arrays[i]) < 0) {
            nd_free(out);
            return NULL;
        }
        pos += len;
    }
    return out;
}

/* Apply `view` to every input, then concatenate the views along axis. */
static nd_array *join_views(int n, const nd_array *const *arrays, nd_array *(*view)(const nd_array *, int),
                            int varg, int axis, const char *who)
{
    if (n < 1 || !arrays) return ND_FAIL(ND_EVALUE, "%s: need at least one array", who);
    nd_array **v = nd_calloc((size_t)n, sizeof *v, who);
    if (!v) return NULL;
    nd_array *out = NULL;
    for (int i = 0; i < n; i++)
        if (!(v[i] = view(arrays[i], varg))) goto done;
    out = nd_concatenate(n, (const nd_array *const *)v, axis);
done:
    for (int i = 0; i < n; i++) nd_free(v[i]);
    nd_free_mem(v);
    return out;
}

nd_array *nd_stack(int n, const nd_array *const *arrays, int axis)
{
    if (n < 1 || !arrays) return ND_FAIL(ND_EVALUE, "nd_stack: need at least one array to stack");
    if (nd__check_list(n, arrays, "nd_stack") < 0) return NULL;
    for (int i = 1; i < n; i++) {
        if (arrays[i]->ndim != arrays[0]->ndim ||
            memcmp(arrays[i]->shape, arrays[0]->shape, sizeof(ptrdiff_t) * (size_t)arrays[0]->ndim))
            return ND_FAIL(ND_ESHAPE, "nd_stack: all input arrays must have the same shape (array %d differs)", i);
    }
    int ax = axis;
    if (nd__norm_axis(&ax, arrays[0]->ndim + 1, "nd_stack") < 0) return NULL;
    return join_views(n, arrays, nd_expand_dims, ax, ax, "nd_stack");
}

static nd_array *atleast1(const nd_array *a, int unused) { (void)unused; return nd_atleast_1d(a); }
static nd_array *atleast2(const nd_array *a, int unused) { (void)unused; return nd_atleast_2d(a); }
static nd_array *atleast3(const nd_array *a, int unused) { (void)unused; return nd_atleast_3d(a); }

/* column_stack turns 1-D inputs into columns. */
static nd_array *as_column(const nd_array *a, int unused)
{
    (void)unused;
    if (a->ndim >= 2) return nd_ref(a);
    ptrdiff_t shape[2] = { a->ndim ? a->shape[0] : 1, 1 };
    ptrdiff_t strides[2] = { a->ndim ? a->strides[0] : 0, 0 };
    return nd__view_of(a, 2, shape, strides, a->data, a->dtype);
}

nd_array *nd_hstack(int n, const nd_array *const *arrays)
{
    if (n < 1 || !arrays) return ND_FAIL(ND_EVALUE, "nd_hstack: need at least one array");
    if (nd__check_list(n, arrays, "nd_hstack") < 0) return NULL;
    bool all1 = true;
    for (int i = 0; i < n; i++) all1 = all1 && arrays[i]->ndim <= 1;
    return join_views(n, arrays, atleast1, 0, all1 ? 0 : 1, "nd_hstack");
}

nd_array *nd_vstack(int n, const nd_array *const *arrays)
{
    if (nd__check_list(n, arrays, "nd_vstack") < 0) return NULL;
    return join_views(n, arrays, atleast2, 0, 0, "nd_vstack");
}
nd_array *nd_dstack(int n, const nd_array *const *arrays)
{
    if (nd__check_list(n, arrays, "nd_dstack") < 0) return NULL;
    return join_views(n, arrays, atleast3, 0, 2, "nd_dstack");
}
nd_array *nd_column_stack(int n, const nd_array *const *arrays)
{
    if (nd__check_list(n, arrays, "nd_column_stack") < 0) return NULL;
    return join_views(n, arrays, as_column, 0, 1, "nd_column_stack");
}

nd_array *nd_append(const nd_array *a, const nd_array *values, int axis)
{
    if (!a || !values) return ND_FAIL(ND_EVALUE, "nd_append: array is NULL");
    if (axis != ND_AXIS_NONE) return (nd_concatenate)(2, (const nd_array *[]){ a, values }, axis);
    nd_array *fa = nd_ravel(a), *fv = nd_ravel(values);
    nd_array *out = fa && fv ? (nd_concatenate)(2, (const nd_array *[]){ fa, fv }, 0) : NULL;
    nd_free(fa);
    nd_free(fv);
    return out;
}

/* A view of a with shape `shape` where `map[d]` names a's axis for d (or -1 for a new 1). */
static nd_array *with_new_axes(const nd_array *a, int ndim, const int *map)
{
    ptrdiff_t shape[ND_MAXDIMS], strides[ND_MAXDIMS];
    for (int d = 0; d < ndim; d++) {
        shape[d] = map[d] < 0 ? 1 : a->shape[map[d]];
        strides[d] = map[d] < 0 ? 0 : a->strides[map[d]];
    }
    return nd__view_of(a, ndim, shape, strides, a->data, a->dtype);
}

nd_array *nd_atleast_1d(const nd_array *a)
{
    if (!a) return ND_FAIL(ND_EVALUE, "nd_atleast_1d: array is NULL");
    return a->ndim >= 1 ? nd_ref(a) : with_new_axes(a, 1, (int[]){ -1 });
}

nd_array *nd_atleast_2d(const nd_array *a)
{
    if (!a) return ND_FAIL(ND_EVALUE, "nd_atleast_2d: array is NULL");
    if (a->ndim >= 2) return nd_ref(a);
    return a->ndim == 1 ? with_new_axes(a, 2, (int[]){ -1, 0 }) : with_new_axes(a, 2, (int[]){ -1, -1 });
}

nd_array *nd_atleast_3d(const nd_array *a)
{
    if (!a) return ND_FAIL(ND_EVALUE, "nd_atleast_3d: array is NULL");
    switch (a->ndim) {
    case 0: return with_new_axes(a, 3, (int[]){ -1, -1, -1 });
    case 1: return with_new_axes(a, 3, (int[]){ -1, 0, -1 });
    case 2: return with_new_axes(a, 3, (int[]){ 0, 1, -1 });
    default: return nd_ref(a);
    }
}

/* ---- splitting ---------------------------------------------------------------------- */

nd_status nd_split_at(const nd_array *a, int n, const ptrdiff_t *indices, int axis, nd_array **out)
{
    if (!a) return nd_set_error(ND_EVALUE, "nd_split_at: array is NULL");
    if (n < 0 || (n > 0 && !indices)) return nd_set_error(ND_EVALUE, "nd_split_at: bad index count %d", n);
    if (nd__norm_axis(&axis, a->ndim, "nd_split_at") < 0) return nd_last_error();
    for (int i = 0; i <= n; i++) {
        nd_index ix[ND_MAXDIMS];
        for (int d = 0; d < a->ndim; d++) ix[d] = ND_ALL;
        ix[axis] = ND_SLICE(i ? indices[i - 1] : ND_NONE, i < n ? indices[i] : ND_NONE, 1);
        out[i] = nd_slice(a, a->ndim, ix);
        if (!out[i]) return nd__free_n(out, i);
    }
    return ND_OK;
}

nd_status nd_array_split(const nd_array *a, ptrdiff_t sections, int axis, nd_array **out)
{
    if (sections <= 0) return nd_set_error(ND_EVALUE, "nd_array_split: number sections must be larger than 0 (got %td)", sections);
    if (nd__norm_axis(&axis, a->ndim, "nd_array_split") < 0) return nd_last_error();
    if (sections > INT32_MAX) return nd_set_error(ND_EVALUE, "nd_array_split: %td sections is too many", sections);
    ptrdiff_t len = a->shape[axis], each = len / sections, extra = len % sections;
    ptrdiff_t *cuts = nd__malloc_n(sections, sizeof *cuts, "nd_array_split");
    if (!cuts) return ND_ENOMEM;
    ptrdiff_t pos = 0;
    for (ptrdiff_t i = 0; i + 1 < sections; i++) {
        pos += each + (i < extra);
        cuts[i] = pos;
    }
    nd_status st = nd_split_at(a, (int)sections - 1, cuts, axis, out);
    nd_free_mem(cuts);
    return st;
}

nd_status nd_split(const nd_array *a, ptrdiff_t sections, int axis, nd_array **out)
{
    if (!a) return nd_set_error(ND_EVALUE, "nd_split: array is NULL");
    int ax = axis;
    if (nd__norm_axis(&ax, a->ndim, "nd_split") < 0) return nd_last_error();
    if (sections <= 0 || a->shape[ax] % sections)
        return nd_set_error(ND_EVALUE, "nd_split: array split does not result in an equal division (%td into %td)",
                         a->shape[ax], sections);
    return nd_array_split(a, sections, ax, out);
}

/* ---- repetition --------------------------------------------------------------------------- */

nd_array *nd_tile(const nd_array *a, int n, const ptrdiff_t *reps)
{
    if (!a) return ND_FAIL(ND_EVALUE, "nd_tile: array is NULL");
    if (n < 0 || (n > 0 && !reps)) return ND_FAIL(ND_EVALUE, "nd_tile: bad repetition count %d", n);
    int nd = n > a->ndim ? n : a->ndim;
    if (2 * nd > ND_MAXDIMS) return ND_FAIL(ND_EVALUE, "nd_tile: result of %d dimensions is not supported", nd);
    /* A 2*nd-dimensional broadcast view (rep_d, extent_d, ...) copied, then reshaped. */
    ptrdiff_t vshape[ND_MAXDIMS], vstr[ND_MAXDIMS], shape[ND_MAXDIMS];
    for (int d = 0; d < nd; d++) {
        int ka = d - (nd - a->ndim), kr = d - (nd - n);
        ptrdiff_t r = kr >= 0 ? reps[kr] : 1;
        if (r < 0) return ND_FAIL(ND_EVALUE, "nd_tile: negative repetition %td", r);
        vshape[2 * d] = r;
        vstr[2 * d] = 0;
        vshape[2 * d + 1] = ka >= 0 ? a->shape[ka] : 1;
        vstr[2 * d + 1] = ka >= 0 ? a->strides[ka] : 0;
        if (__builtin_mul_overflow(vshape[2 * d], vshape[2 * d + 1], &shape[d]))
            return ND_FAIL(ND_ENOMEM, "nd_tile: dimension %d of the result (%td x %td) is too big",
                           d, vshape[2 * d], vshape[2 * d + 1]);
    }
    if (nd__shape_size(2 * nd, vshape, "nd_tile") < 0) return NULL;
    nd_array *v = nd__view_of(a, 2 * nd, vshape, vstr, a->data, a->dtype);
    nd_array *c = v ? nd_copy(v, ND_ORDER_C) : NULL;
    nd_array *out = c ? nd_reshape(c, nd, shape) : NULL;
    nd_free(v);
    nd_free(c);
    return out;
}

nd_array *nd_repeat(const nd_array *a, ptrdiff_t nrep, const ptrdiff_t *repeats, int axis)
{
    if (!a) return ND_FAIL(ND_EVALUE, "nd_repeat: array is NULL");
    if (axis == ND_AXIS_NONE) {
        nd_array *f = nd_ravel(a);
        nd_array *out = f ? nd_repeat(f, nrep, repeats, 0) : NULL;
        nd_free(f);
        return out;
    }
    if (a->ndim == 0) return ND_FAIL(ND_EVALUE, "nd_repeat: a 0-d array needs axis ND_AXIS_NONE");
    if (nd__norm_axis(&axis, a->ndim, "nd_repeat") < 0) return NULL;
    ptrdiff_t len = a->shape[axis];
    if (nrep != 1 && nrep != len)
        return ND_FAIL(ND_ESHAPE, "nd_repeat: %td repeats cannot be broadcast to an axis of length %td", nrep, len);
    ptrdiff_t total = 0;
    for (ptrdiff_t i = 0; i < len; i++) {
        ptrdiff_t r = repeats[nrep == 1 ? 0 : i];
        if (r < 0) return ND_FAIL(ND_EVALUE, "nd_repeat: repeats may not contain negative values (%td)", r);
        total += r;
    }
    ptrdiff_t shape[ND_MAXDIMS];
    memcpy(shape, a->shape, sizeof(ptrdiff_t) * (size_t)a->ndim);
    shape[axis] = total;
    nd_array *out = nd_empty(a->ndim, shape, a->dtype);
    if (!out) return NULL;
    ptrdiff_t pos = 0;
    for (ptrdiff_t i = 0; i < len; i++) {
        ptrdiff_t r = repeats[nrep == 1 ? 0 : i];
        if (r == 0) continue;
        nd_array *src = axis_range(a, axis, i, i + 1); /* length 1: broadcasts over r */
        nd_status st = src ? copy_to_range(out, axis, pos, pos + r, src) : nd_last_error();
        nd_free(src);
        if (st < 0) {
            nd_free(out);
            return NULL;
        }
        pos += r;
    }
    return out;
}

/* ---- rearrangement --------------------------------------------------------------------------- */

nd_array *nd_flip(const nd_array *a, int n, const int *axes)
{
    if (!a) return ND_FAIL(ND_EVALUE, "nd_flip: array is NULL");
    nd_index ix[ND_MAXDIMS];
    for (int d = 0; d < a->ndim; d++) ix[d] = n == 0 ? ND_SLICE(ND_NONE, ND_NONE, -1) : ND_ALL;
    for (int i = 0; i < n; i++) {
        int ax = axes[i];
        if (nd__norm_axis(&ax, a->ndim, "nd_flip") < 0) return NULL;
        ix[ax] = ND_SLICE(ND_NONE, ND_NONE, -1);
    }
    return nd_slice(a, a->ndim, ix);
}

nd_array *nd_fliplr(const nd_array *a)
{
    if (!a) return ND_FAIL(ND_EVALUE, "nd_fliplr: array is NULL");
    if (a->ndim < 2) return ND_FAIL(ND_EVALUE, "nd_fliplr: input must be >= 2-d");
    return nd_flip(a, 1, (int[]){ 1 });
}

nd_array *nd_flipud(const nd_array *a)
{
    if (!a) return ND_FAIL(ND_EVALUE, "nd_flipud: array is NULL");
    if (a->ndim < 1) return ND_FAIL(ND_EVALUE, "nd_flipud: input must be >= 1-d");
    return nd_flip(a, 1, (int[]){ 0 });
}

nd_array *nd_roll(const nd_array *a, ptrdiff_t shift, int axis)
{
    if (!a) return ND_FAIL(ND_EVALUE, "nd_roll: array is NULL");
    if (axis == ND_AXIS_NONE) {
        nd_array *f = nd_ravel(a);
        nd_array *r = f ? nd_roll(f, shift, 0) : NULL;
        nd_array *out = r ? nd_reshape(r, a->ndim, a->shape) : NULL;
        nd_free(f);
        nd_free(r);
        return out;
    }
    if (nd__norm_axis(&axis, a->ndim, "nd_roll") < 0) return NULL;
    ptrdiff_t n = a->shape[axis];
    ptrdiff_t s = n ? ((shift % n) + n) % n : 0;
    nd_array *out = nd_empty(a->ndim, a->shape, a->dtype);
    if (!out) return NULL;
    nd_array *head = axis_range(a, axis, n - s, n), *tail = axis_range(a, axis, 0, n - s);
    nd_status st = head && tail ? copy_to_range(out, axis, 0, s, head) : nd_last_error();
    if (st == ND_OK) st = copy_to_range(out, axis, s, n, tail);
    nd_free(head);
    nd_free(tail);
    if (st < 0) {
        nd_free(out);
        return NULL;
    }
    return out;
}

nd_array *nd_rot90(const nd_array *a, int k)
{
    if (!a) return ND_FAIL(ND_EVALUE, "nd_rot90: array is NULL");
    if (a->ndim < 2) return ND_FAIL(ND_EVALUE, "nd_rot90: array must be at least 2-d, got %d-d", a->ndim);
    k = ((k % 4) + 4) % 4;
    if (k == 0) return nd_ref(a);
    if (k == 2) return nd_flip(a, 2, (int[]){ 0, 1 });
    /* k == 1: flip columns then swap; k == 3: swap then flip columns. */
    nd_array *t = k == 1 ? nd_flip(a, 1, (int[]){ 1 }) : nd_swapaxes(a, 0, 1);
    nd_array *out = t ? (k == 1 ? nd_swapaxes(t, 0, 1) : nd_flip(t, 1, (int[]){ 1 })) : NULL;
    nd_free(t);
    return out;
}

nd_array *nd_resize(const nd_array *a, int ndim, const ptrdiff_t *shape)
{
    if (!a) return ND_FAIL(ND_EVALUE, "nd_resize: array is NULL");
    ptrdiff_t total = nd__shape_size(ndim, shape, "nd_resize");
    if (total < 0) return NULL;
    if (a->size == 0 || total == 0) return nd_zeros(ndim, shape, a->dtype);
    nd_array *f = nd_ravel(a);
    ptrdiff_t copies = (total + a->size - 1) / a->size;
    nd_array *t = f ? nd_tile(f, 1, &copies) : NULL;
    nd_array *cut = t ? axis_range(t, 0, 0, total) : NULL;
    nd_array *out = cut ? nd_reshape(cut, ndim, shape) : NULL;
    nd_free(f);
    nd_free(t);
    nd_free(cut);
    return out;
}
