/* The array handle: buffers, reference counts, accessors, flags. */
#include "internal.h"

#include <stdatomic.h>
#include <string.h>

static nd_buffer *buffer_new(size_t nbytes, bool zero, const char *who)
{
    nd_buffer *b = nd_malloc(sizeof *b, who);
    if (!b) return NULL;
    b->data = zero ? nd_calloc(nbytes ? nbytes : 1, 1, who) : nd_malloc(nbytes ? nbytes : 1, who);
    if (!b->data) {
        nd_free_mem(b);
        return NULL;
    }
    b->refcount = 1;
    b->nbytes = nbytes;
    b->free_fn = NULL;
    b->ctx = NULL;
    b->owned = true;
    return b;
}

static void buffer_decref(nd_buffer *b)
{
    if (!b) return;
    if (atomic_fetch_sub_explicit((_Atomic long *)&b->refcount, 1, memory_order_acq_rel) != 1)
        return;
    if (b->owned) nd_free_mem(b->data);
    else if (b->free_fn) b->free_fn(b->data, b->ctx);
    nd_free_mem(b);
}

static void buffer_incref(nd_buffer *b)
{
    atomic_fetch_add_explicit((_Atomic long *)&b->refcount, 1, memory_order_relaxed);
}

char *nd__shape_str(char *buf, size_t cap, int ndim, const ptrdiff_t *shape)
{
    size_t n = 0;
    n += (size_t)snprintf(buf + n, cap - n, "(");
    for (int i = 0; i < ndim && n < cap; i++)
        n += (size_t)snprintf(buf + n, cap - n, i ? ", %td" : "%td", shape[i]);
    if (n < cap) n += (size_t)snprintf(buf + n, cap - n, ndim == 1 ? ",)" : ")");
    return buf;
}

ptrdiff_t nd__shape_size(int ndim, const ptrdiff_t *shape, const char *who)
{
    char sb[ND_SHAPE_STRLEN];
    if (ndim < 0 || ndim > ND_MAXDIMS) {
        nd_set_error(ND_EVALUE, "%s: ndim %d is outside 0..%d", who, ndim, ND_MAXDIMS);
        return -1;
    }
    if (ndim > 0 && !shape) {
        nd_set_error(ND_EVALUE, "%s: shape is NULL for ndim %d", who, ndim);
        return -1;
    }
    /* Like NumPy, the product of the nonzero extents must fit even when another extent
     * is 0: strides are computed from it. */
    ptrdiff_t size = 1, span = 1;
    bool zero = false;
    for (int i = 0; i < ndim; i++) {
        if (shape[i] < 0) {
            nd_set_error(ND_EVALUE, "%s: negative dimensions are not allowed (shape %s)", who,
                      nd__shape_str(sb, sizeof sb, ndim, shape));
            return -1;
        }
        if (shape[i] == 0) {
            zero = true;
            continue;
        }
        if (span > PTRDIFF_MAX / shape[i]) {
            nd_set_error(ND_ENOMEM, "%s: array of shape %s is too big", who, nd__shape_str(sb, sizeof sb, ndim, shape));
            return -1;
        }
        span *= shape[i];
    }
    size = zero ? 0 : span;
    return size;
}

/* The bytes an array of this shape spans (zero extents counted as 1) fit in ptrdiff_t. */
static bool span_fits(int ndim, const ptrdiff_t *shape, size_t isz)
{
    ptrdiff_t span = (ptrdiff_t)isz;
    for (int i = 0; i < ndim; i++) {
        ptrdiff_t e = shape[i] ? shape[i] : 1;
        if (span > PTRDIFF_MAX / 2 / e) return false;
        span *= e;
    }
    return true;
}

nd_status nd__norm_axis(int *axis, int ndim, const char *who)
{
    int ax = *axis;
    if (ax < -ndim || ax >= ndim)
        return nd_set_error(ND_EAXIS, "%s: axis %d is out of bounds for array of dimension %d",
                         who, ax, ndim);
    *axis = ax < 0 ? ax + ndim : ax;
    return ND_OK;
}

void nd__update_flags(nd_array *a)
{
    ptrdiff_t isz = (ptrdiff_t)nd_dtype_size(a->dtype);
    unsigned f = a->flags & ~(unsigned)(ND_C_CONTIGUOUS | ND_F_CONTIGUOUS | ND_ALIGNED);
    bool c = true, fo = true;
    if (a->size > 1) {
        /* NumPy's rule: dimensions of extent 1 do not constrain contiguity. */
        ptrdiff_t s = isz;
        for (int i = a->ndim - 1; i >= 0; i--) {
            if (a->shape[i] == 1) continue;
            if (a->strides[i] != s) { c = false; break; }
            s *= a->shape[i];
        }
        s = isz;
        for (int i = 0; i < a->ndim; i++) {
            if (a->shape[i] == 1) continue;
            if (a->strides[i] != s) { fo = false; break; }
            s *= a->shape[i];
        }
    }
    if (c) f |= ND_C_CONTIGUOUS;
    if (fo) f |= ND_F_CONTIGUOUS;
    bool aligned = ((uintptr_t)a->data % (uintptr_t)(isz > 8 ? 8 : isz)) == 0;
    for (int i = 0; i < a->ndim && aligned; i++)
        if (a->strides[i] % (isz > 8 ? 8 : isz)) aligned = false;
    if (aligned) f |= ND_ALIGNED;
    a->flags = f;
}

static void c_strides(int ndim, const ptrdiff_t *shape, ptrdiff_t isz, ptrdiff_t *strides)
{
    ptrdiff_t s = isz;
    for (int i = ndim - 1; i >= 0; i--) {
        strides[i] = s;
        s *= shape[i] ? shape[i] : 1;
    }
}

nd_array *nd__alloc(int ndim, const ptrdiff_t *shape, nd_dtype dt, bool fortran, const char *who)
{
    return nd__alloc_ex(ndim, shape, dt, fortran, false, who);
}

nd_array *nd__alloc_ex(int ndim, const ptrdiff_t *shape, nd_dtype dt, bool fortran, bool zero, const char *who)
{
    if (!nd_dtype_is_valid((int)dt)) return ND_FAIL(ND_EDTYPE, "%s: invalid dtype %d", who, (int)dt);
    if (nd_dtype_size(dt) == 0)
        return ND_FAIL(ND_EDTYPE, "%s: dtype %s has no size (give strings a width)", who, nd_dtype_name(dt));
    ptrdiff_t size = nd__shape_size(ndim, shape, who);
    if (size < 0) return NULL;
    size_t isz = nd_dtype_size(dt);
    if (!span_fits(ndim, shape, isz)) {
        char sb[ND_SHAPE_STRLEN];
        return ND_FAIL(ND_ENOMEM, "%s: array of shape %s and dtype %s is too big", who,
                       nd__shape_str(sb, sizeof sb, ndim, shape), nd_dtype_name(dt));
    }
    nd_array *a = nd_malloc(sizeof *a, who);
    if (!a) return NULL;
    a->buf = buffer_new((size_t)size * isz, zero, who);
    if (!a->buf) {
        nd_free_mem(a);
        return NULL;
    }
    a->dtype = dt;
    a->ndim = ndim;
    a->size = size;
    a->data = a->buf->data;
    for (int i = 0; i < ndim; i++) a->shape[i] = shape[i];
    if (fortran) {
        ptrdiff_t s = (ptrdiff_t)isz;
        for (int i = 0; i < ndim; i++) {
            a->strides[i] = s;
            s *= shape[i] ? shape[i] : 1;
        }
    } else {
        c_strides(ndim, shape, (ptrdiff_t)isz, a->strides);
    }
    a->flags = ND_WRITEABLE | ND_OWNDATA;
    nd__update_flags(a);
    a->scope = NULL;
    if (nd__scope_register(a, who) < 0) return NULL;
    return a;
}

nd_array *nd__view_of(const nd_array *base, int ndim, const ptrdiff_t *shape,
                      const ptrdiff_t *strides, char *data, nd_dtype dt)
{
    nd_array *v = nd_malloc(sizeof *v, "nd_view");
    if (!v) return NULL;
    v->dtype = dt;
    v->ndim = ndim;
    v->buf = base->buf;
    buffer_incref(v->buf);
    v->data = data;
    v->size = 1;
    for (int i = 0; i < ndim; i++) {
        v->shape[i] = shape[i];
        v->strides[i] = strides[i];
        v->size *= shape[i];
    }
    v->flags = base->flags & ND_WRITEABLE;
    nd__update_flags(v);
    v->scope = NULL;
    if (nd__scope_register(v, "nd_view") < 0) return NULL;
    return v;
}

void nd_free(nd_array *a)
{
    if (!a) return;
    nd__scope_forget(a);
    buffer_decref(a->buf);
    nd_free_mem(a);
}

nd_status nd__free_n(nd_array **out, int n)
{
    for (int i = 0; i < n; i++) {
        nd_free(out[i]);
        out[i] = NULL;
    }
    return nd_last_error();
}

nd_array *nd_ref(const nd_array *a)
{
    if (!a) return ND_FAIL(ND_EVALUE, "nd_ref: array is NULL");
    return nd__view_of(a, a->ndim, a->shape, a->strides, a->data, a->dtype);
}

/* The accessors given NULL set ND_EVALUE "<fn>: array is NULL" and return the value
 * array.h documents (-1 for counts, 0 / false / NULL otherwise, ND_NTYPES for a dtype). */
#define ND__NULL_ARRAY(fn, val) \
    if (!a) return (nd_set_error(ND_EVALUE, fn ": array is NULL"), (val))
nd_dtype nd_dtype_of(const nd_array *a) { ND__NULL_ARRAY("nd_dtype_of", ND_NTYPES); return a->dtype; }
int nd_ndim(const nd_array *a) { ND__NULL_ARRAY("nd_ndim", -1); return a->ndim; }
const ptrdiff_t *nd_shape(const nd_array *a) { ND__NULL_ARRAY("nd_shape", NULL); return a->shape; }
const ptrdiff_t *nd_strides(const nd_array *a) { ND__NULL_ARRAY("nd_strides", NULL); return a->strides; }
ptrdiff_t nd_size(const nd_array *a) { ND__NULL_ARRAY("nd_size", -1); return a->size; }
size_t nd_itemsize(const nd_array *a) { ND__NULL_ARRAY("nd_itemsize", 0); return nd_dtype_size(a->dtype); }
size_t nd_nbytes(const nd_array *a)
{
    ND__NULL_ARRAY("nd_nbytes", 0);
    return (size_t)a->size * nd_dtype_size(a->dtype);
}
void *nd_data(const nd_array *a) { ND__NULL_ARRAY("nd_data", NULL); return a->data; }
unsigned nd_flags(const nd_array *a) { ND__NULL_ARRAY("nd_flags", 0); return a->flags; }
bool nd_is_c_contiguous(const nd_array *a) { ND__NULL_ARRAY("nd_is_c_contiguous", false); return a->flags & ND_C_CONTIGUOUS; }
bool nd_is_f_contiguous(const nd_array *a) { ND__NULL_ARRAY("nd_is_f_contiguous", false); return a->flags & ND_F_CONTIGUOUS; }
bool nd_is_writeable(const nd_array *a) { ND__NULL_ARRAY("nd_is_writeable", false); return a->flags & ND_WRITEABLE; }
bool nd_is_view(const nd_array *a) { ND__NULL_ARRAY("nd_is_view", false); return !(a->flags & ND_OWNDATA); }
void nd_set_readonly(nd_array *a)
{
    if (!a) {
        nd_set_error(ND_EVALUE, "nd_set_readonly: array is NULL");
        return;
    }
    a->flags &= ~(unsigned)ND_WRITEABLE;
}

nd_status nd__check_list(int n, const nd_array *const *arrays, const char *who)
{
    if (n > 0 && !arrays) return nd_set_error(ND_EVALUE, "%s: array list is NULL", who);
    for (int i = 0; i < n; i++)
        if (!arrays[i]) return nd_set_error(ND_EVALUE, "%s: array %d is NULL", who, i);
    return ND_OK;
}

/* Lowest and one-past-highest byte an array touches. */
void nd__extent(const nd_array *a, char **lo, char **hi)
{
    char *l = a->data, *h = a->data;
    if (a->size == 0) {
        *lo = *hi = a->data;
        return;
    }
    for (int i = 0; i < a->ndim; i++) {
        ptrdiff_t span = a->strides[i] * (a->shape[i] - 1);
        if (span < 0) l += span;
        else h += span;
    }
    *lo = l;
    *hi = h + nd_dtype_size(a->dtype);
}

bool nd_may_share_memory(const nd_array *a, const nd_array *b)
{
    if (!a || !b) return (nd_set_error(ND_EVALUE, "nd_may_share_memory: array is NULL"), false);
    /* Bounds check only, like numpy.may_share_memory: cheap and conservative. */
    char *al, *ah, *bl, *bh;
    nd__extent(a, &al, &ah);
    nd__extent(b, &bl, &bh);
    return a->size && b->size && al < bh && bl < ah;
}

nd_array *nd_wrap(void *data, int ndim, const ptrdiff_t *shape, const ptrdiff_t *strides,
                  nd_dtype dt, void (*free_fn)(void *data, void *ctx), void *ctx)
{
    if (!nd_dtype_is_valid((int)dt) || nd_dtype_size(dt) == 0)
        return ND_FAIL(ND_EDTYPE, "nd_wrap: invalid dtype %d", (int)dt);
    ptrdiff_t size = nd__shape_size(ndim, shape, "nd_wrap");
    if (size < 0) return NULL;
    if (!span_fits(ndim, shape, nd_dtype_size(dt)))
        return ND_FAIL(ND_ENOMEM, "nd_wrap: array of %d dimensions is too big", ndim);
    if (!data && size > 0) return ND_FAIL(ND_EVALUE, "nd_wrap: data is NULL");
    nd_array *a = nd_malloc(sizeof *a, "nd_wrap");
    nd_buffer *b = nd_malloc(sizeof *b, "nd_wrap");
    if (!a || !b) {
        nd_free_mem(a);
        nd_free_mem(b);
        return NULL;
    }
    *b = (nd_buffer){ .refcount = 1, .data = data, .nbytes = (size_t)size * nd_dtype_size(dt),
                      .free_fn = free_fn, .ctx = ctx, .owned = false };
    a->buf = b;
    a->dtype = dt;
    a->ndim = ndim;
    a->size = size;
    a->data = data;
    for (int i = 0; i < ndim; i++) a->shape[i] = shape[i];
    if (strides) memcpy(a->strides, strides, sizeof(ptrdiff_t) * (size_t)ndim);
    else c_strides(ndim, shape, (ptrdiff_t)nd_dtype_size(dt), a->strides);
    a->flags = ND_WRITEABLE;
    nd__update_flags(a);
    a->scope = NULL;
    if (nd__scope_register(a, "nd_wrap") < 0) return NULL;
    return a;
}
