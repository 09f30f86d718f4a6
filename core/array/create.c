/* Array creation: filled arrays, ranges, matrices, grids, callbacks. */
#include "internal.h"

#include <math.h>
#include <string.h>

nd_array *(nd_empty)(int ndim, const ptrdiff_t *shape, nd_dtype dt)
{
    return nd__alloc(ndim, shape, dt, false, "nd_empty");
}

nd_array *(nd_zeros)(int ndim, const ptrdiff_t *shape, nd_dtype dt)
{
    return nd__alloc_ex(ndim, shape, dt, false, true, "nd_zeros");
}

/* Fill a contiguous run of n elements with one element's bytes, doubling the copy. */
static void fill_bytes(char *dst, ptrdiff_t n, const void *elem, size_t isz)
{
    if (n <= 0) return;
    memcpy(dst, elem, isz);
    size_t done = isz, total = (size_t)n * isz;
    while (done < total) {
        size_t chunk = done < total - done ? done : total - done;
        memcpy(dst + done, dst, chunk);
        done += chunk;
    }
}

nd_array *nd_full(int ndim, const ptrdiff_t *shape, nd_dtype dt, nd_scalar value)
{
    if (nd__scalar_fits(dt, "nd_full") < 0) return NULL;
    nd_array *a = nd__alloc(ndim, shape, dt, false, "nd_full");
    if (!a) return NULL;
    char elem[16];
    nd__scalar_store(elem, dt, value);
    fill_bytes(a->data, a->size, elem, nd_dtype_size(dt));
    return a;
}

nd_array *(nd_ones)(int ndim, const ptrdiff_t *shape, nd_dtype dt)
{
    return nd_full(ndim, shape, dt, ND_I64(1));
}

static nd_dtype like_dtype(const nd_array *a, int dt) { return dt < 0 ? a->dtype : (nd_dtype)dt; }

nd_array *nd_empty_like(const nd_array *a, int dt)
{
    if (!a) return ND_FAIL(ND_EVALUE, "nd_empty_like: array is NULL");
    return nd_empty(a->ndim, a->shape, like_dtype(a, dt));
}
nd_array *nd_zeros_like(const nd_array *a, int dt)
{
    if (!a) return ND_FAIL(ND_EVALUE, "nd_zeros_like: array is NULL");
    return nd_zeros(a->ndim, a->shape, like_dtype(a, dt));
}
nd_array *nd_ones_like(const nd_array *a, int dt)
{
    if (!a) return ND_FAIL(ND_EVALUE, "nd_ones_like: array is NULL");
    return nd_ones(a->ndim, a->shape, like_dtype(a, dt));
}
nd_array *nd_full_like(const nd_array *a, int dt, nd_scalar value)
{
    if (!a) return ND_FAIL(ND_EVALUE, "nd_full_like: array is NULL");
    return nd_full(a->ndim, a->shape, like_dtype(a, dt), value);
}

nd_array *nd_scalar_array(nd_scalar value)
{
    return nd_full(0, NULL, value.dtype, value);
}

nd_array *nd_from_buffer(const void *data, int ndim, const ptrdiff_t *shape, nd_dtype dt)
{
    nd_array *a = nd__alloc(ndim, shape, dt, false, "nd_from_buffer");
    if (!a) return NULL;
    if (a->size && !data) {
        nd_free(a);
        return ND_FAIL(ND_EVALUE, "nd_from_buffer: data is NULL");
    }
    if (a->size) memcpy(a->data, data, nd_nbytes(a));
    return a;
}

nd_array *nd_from_f64(const double *data, ptrdiff_t n)
{
    return nd_from_buffer(data, 1, &n, ND_FLOAT64);
}

nd_array *nd_from_i64(const int64_t *data, ptrdiff_t n)
{
    return nd_from_buffer(data, 1, &n, ND_INT64);
}

/* Write v[i] (doubles) into a 1-D contiguous array of any dtype. */
static void store_f64_run(nd_array *a, const double *v)
{
    nd_cast_strided(a->data, a->dtype, a->strides[0], v, ND_FLOAT64, sizeof(double), a->size);
}

nd_array *nd_arange(double start, double stop, double step, nd_dtype dt)
{
    if (step == 0 || isnan(step) || isnan(start) || isnan(stop))
        return ND_FAIL(ND_EVALUE, "nd_arange: step must be finite and nonzero (start %g, stop %g, step %g)",
                       start, stop, step);
    double len = ceil((stop - start) / step);
    if (!(len < 9.2e18)) return ND_FAIL(ND_EVALUE, "nd_arange: length %g is too big", len);
    ptrdiff_t n = len > 0 ? (ptrdiff_t)len : 0;
    nd_array *a = nd__alloc(1, &n, dt, false, "nd_arange");
    if (!a || n == 0) return a;
    if (nd_dtype_is_integer(dt) || dt == ND_BOOL) {
        /* NumPy computes integer ranges as start + i*step in the integer type. */
        int64_t s0 = (int64_t)start, st = (int64_t)step;
        if (st == 0) st = step > 0 ? 1 : -1;
        int64_t *tmp = nd__malloc_n(n, sizeof *tmp, "nd_arange");
        if (!tmp) {
            nd_free(a);
            return NULL;
        }
        for (ptrdiff_t i = 0; i < n; i++) tmp[i] = s0 + (int64_t)i * st;
        nd_cast_strided(a->data, dt, a->strides[0], tmp, ND_INT64, sizeof *tmp, n);
        nd_free_mem(tmp);
        return a;
    }
    double *tmp = nd__malloc_n(n, sizeof *tmp, "nd_arange");
    if (!tmp) {
        nd_free(a);
        return NULL;
    }
    for (ptrdiff_t i = 0; i < n; i++) tmp[i] = start + (double)i * step;
    store_f64_run(a, tmp);
    nd_free_mem(tmp);
    return a;
}

/* NumPy's linspace values into v: start + i*step, endpoint pinned to stop. */
static double linspace_fill(double *v, double start, double stop, ptrdiff_t num, bool endpoint)
{
    ptrdiff_t div = endpoint ? num - 1 : num;
    double delta = stop - start;
    double step = div > 0 ? delta / (double)div : NAN;
    if (div > 0 && step == 0) { /* step underflowed: NumPy scales i/div instead */
        for (ptrdiff_t i = 0; i < num; i++) v[i] = start + (double)i / (double)div * delta;
    } else {
        double mul = div > 0 ? step : delta;
        for (ptrdiff_t i = 0; i < num; i++) v[i] = start + (double)i * mul;
    }
    if (endpoint && num > 1) v[num - 1] = stop;
    return step;
}

static nd_array *spaced(double start, double stop, const nd_linspace_opts *o, int mode, const char *who)
{
    if (!o) return ND_FAIL(ND_EVALUE, "%s: options are NULL", who);
    ptrdiff_t num = o->num;
    if (num < 0) return ND_FAIL(ND_EVALUE, "%s: number of samples, %td, must be non-negative", who, num);
    nd_dtype dt = o->dtype ? (nd_dtype)o->dtype : ND_FLOAT64;
    if (!nd_dtype_is_numeric((int)dt)) return ND_FAIL(ND_EDTYPE, "%s: invalid dtype %d", who, o->dtype);
    double base = o->base ? o->base : 10.0;
    bool endpoint = !o->no_endpoint;
    double sign = 1, lo = start, hi = stop;
    if (mode == 2) {
        if (start == 0 || stop == 0)
            return ND_FAIL(ND_EVALUE, "%s: geometric sequence cannot include zero (start %g, stop %g)",
                           who, start, stop);
        if ((start < 0) != (stop < 0))
            return ND_FAIL(ND_EVALUE, "%s: start %g and stop %g must have the same sign", who, start, stop);
        sign = start < 0 ? -1 : 1;
        lo = log10(fabs(start));
        hi = log10(fabs(stop));
    }
    nd_array *a = nd__alloc(1, &num, dt, false, who);
    /* float64 results are computed in place; other dtypes through a double buffer. */
    double *v = !a ? NULL : dt == ND_FLOAT64 ? (double *)a->data : nd__malloc_n((num ? num : 1), sizeof *v, who);
    if (!v) {
        nd_free(a);
        return NULL;
    }
    double step = linspace_fill(v, lo, hi, num, endpoint);
    if (mode == 1) {
        for (ptrdiff_t i = 0; i < num; i++) v[i] = pow(base, v[i]);
    } else if (mode == 2) {
        for (ptrdiff_t i = 0; i < num; i++) v[i] = sign * pow(10.0, v[i]);
        /* Pin the ends exactly, as NumPy does. */
        if (num > 0) v[0] = start;
        if (num > 1 && endpoint) v[num - 1] = stop;
    }
    if (o->retstep) *o->retstep = step;
    if (dt != ND_FLOAT64) {
        if (nd_dtype_is_integer(dt) || dt == ND_BOOL)
            for (ptrdiff_t i = 0; i < num; i++) v[i] = floor(v[i]); /* NumPy floors for ints */
        store_f64_run(a, v);
        nd_free_mem(v);
    }
    return a;
}

nd_array *nd_linspace_(double start, double stop, const nd_linspace_opts *o)
{
    return spaced(start, stop, o, 0, "nd_linspace");
}

nd_array *nd_logspace_(double start, double stop, const nd_linspace_opts *o)
{
    return spaced(start, stop, o, 1, "nd_logspace");
}

nd_array *nd_geomspace_(double start, double stop, const nd_linspace_opts *o)
{
    return spaced(start, stop, o, 2, "nd_geomspace");
}

/* Set element (i, j) of a 2-D array to 1 for every (i, j) where pred holds. */
static nd_status set_ones_where(nd_array *a, ptrdiff_t k, int mode, const char *who)
{
    if (nd__scalar_fits(a->dtype, who) < 0) return nd_last_error(); /* one[16]: no string */
    char one[16];
    nd__scalar_store(one, a->dtype, ND_I64(1));
    size_t isz = nd_dtype_size(a->dtype);
    for (ptrdiff_t i = 0; i < a->shape[0]; i++) {
        for (ptrdiff_t j = 0; j < a->shape[1]; j++) {
            bool on = mode == 0 ? j - i == k : j - i <= k;
            if (on) memcpy(a->data + i * a->strides[0] + j * a->strides[1], one, isz);
        }
    }
    return ND_OK;
}

nd_array *(nd_eye)(ptrdiff_t n, ptrdiff_t m, ptrdiff_t k, nd_dtype dt)
{
    ptrdiff_t shape[2] = { n, m < 0 ? n : m };
    nd_array *a = nd_zeros(2, shape, dt);
    if (a && set_ones_where(a, k, 0, "nd_eye") < 0) {
        nd_free(a);
        return NULL;
    }
    return a;
}

nd_array *(nd_identity)(ptrdiff_t n, nd_dtype dt) { return nd_eye(n, n, 0, dt); }

nd_array *nd_tri(ptrdiff_t n, ptrdiff_t m, ptrdiff_t k, nd_dtype dt)
{
    ptrdiff_t shape[2] = { n, m < 0 ? n : m };
    nd_array *a = nd_zeros(2, shape, dt);
    if (a && set_ones_where(a, k, 1, "nd_tri") < 0) {
        nd_free(a);
        return NULL;
    }
    return a;
}

nd_array *nd_diag(const nd_array *a, ptrdiff_t k)
{
    if (!a) return ND_FAIL(ND_EVALUE, "nd_diag: array is NULL");
    if (a->ndim == 2) {
        nd_array *d = nd_diagonal(a, k, 0, 1);
        nd_array *c = d ? nd_copy(d, ND_ORDER_C) : NULL;
        nd_free(d);
        return c;
    }
    if (a->ndim != 1)
        return ND_FAIL(ND_EVALUE, "nd_diag: input must be 1-d or 2-d, got %d-d", a->ndim);
    ptrdiff_t n = a->shape[0] + (k < 0 ? -k : k);
    ptrdiff_t shape[2] = { n, n };
    nd_array *out = nd_zeros(2, shape, a->dtype);
    if (!out) return NULL;
    size_t isz = nd_dtype_size(a->dtype);
    ptrdiff_t r0 = k < 0 ? -k : 0, c0 = k > 0 ? k : 0;
    for (ptrdiff_t i = 0; i < a->shape[0]; i++)
        memcpy(out->data + (r0 + i) * out->strides[0] + (c0 + i) * out->strides[1],
               a->data + i * a->strides[0], isz);
    return out;
}

nd_array *nd_diagflat(const nd_array *a, ptrdiff_t k)
{
    if (!a) return ND_FAIL(ND_EVALUE, "nd_diagflat: array is NULL");
    nd_array *flat = nd_ravel(a);
    if (!flat) return NULL;
    nd_array *out = nd_diag(flat, k);
    nd_free(flat);
    return out;
}

/* Copy of a with elements outside the triangle zeroed; lower when `lower`. */
static nd_array *triangle(const nd_array *a, ptrdiff_t k, bool lower, const char *who)
{
    if (a->ndim < 2) return ND_FAIL(ND_EVALUE, "%s: input must be at least 2-d, got %d-d", who, a->ndim);
    nd_array *out = nd_copy(a, ND_ORDER_C);
    if (!out) return NULL;
    ptrdiff_t rows = out->shape[out->ndim - 2], cols = out->shape[out->ndim - 1];
    ptrdiff_t mats = rows * cols != 0 ? out->size / (rows * cols) : 0;
    size_t isz = nd_dtype_size(out->dtype);
    for (ptrdiff_t m = 0; m < mats; m++) {
        char *base = out->data + (size_t)m * (size_t)(rows * cols) * isz;
        for (ptrdiff_t i = 0; i < rows; i++) {
            for (ptrdiff_t j = 0; j < cols; j++) {
                bool keep = lower ? j - i <= k : j - i >= k;
                if (!keep) memset(base + (size_t)(i * cols + j) * isz, 0, isz);
            }
        }
    }
    return out;
}

nd_array *nd_tril(const nd_array *a, ptrdiff_t k) 
{
    if (!a) return ND_FAIL(ND_EVALUE, "nd_tril: array is NULL");
    return triangle(a, k, true, "nd_tril");
}
nd_array *nd_triu(const nd_array *a, ptrdiff_t k) 
{
    if (!a) return ND_FAIL(ND_EVALUE, "nd_triu: array is NULL");
    return triangle(a, k, false, "nd_triu");
}

nd_status nd_meshgrid(int n, const nd_array *const *xi, nd_indexing indexing, nd_array **out)
{
    if (n < 1 || n > ND_MAXDIMS) return nd_set_error(ND_EVALUE, "nd_meshgrid: %d inputs (1..%d allowed)", n, ND_MAXDIMS);
    if (nd__check_list(n, xi, "nd_meshgrid") < 0) return nd_last_error();
    ptrdiff_t shape[ND_MAXDIMS];
    for (int i = 0; i < n; i++) {
        if (xi[i]->ndim != 1) return nd_set_error(ND_EVALUE, "nd_meshgrid: input %d is %d-d, expected 1-d", i, xi[i]->ndim);
        shape[i] = xi[i]->shape[0];
    }
    bool xy = indexing == ND_XY && n >= 2;
    if (xy) {
        ptrdiff_t t = shape[0];
        shape[0] = shape[1];
        shape[1] = t;
    }
    for (int i = 0; i < n; i++) out[i] = NULL;
    for (int i = 0; i < n; i++) {
        /* Broadcast a strided view of xi[i] along its axis, then copy it. */
        int axis = xy && i < 2 ? 1 - i : i;
        ptrdiff_t vshape[ND_MAXDIMS], vstr[ND_MAXDIMS];
        for (int d = 0; d < n; d++) {
            vshape[d] = shape[d];
            vstr[d] = d == axis ? xi[i]->strides[0] : 0;
        }
        nd_array *v = nd__view_of(xi[i], n, vshape, vstr, xi[i]->data, xi[i]->dtype);
        out[i] = v ? nd_copy(v, ND_ORDER_C) : NULL;
        nd_free(v);
        if (!out[i]) return nd__free_n(out, i);
    }
    return ND_OK;
}

nd_array *nd_fromfunction(int ndim, const ptrdiff_t *shape, nd_dtype dt, nd_index_fn fn, void *ctx)
{
    if (!fn) return ND_FAIL(ND_EVALUE, "nd_fromfunction: callback is NULL");
    nd_array *a = nd__alloc(ndim, shape, dt, false, "nd_fromfunction");
    if (!a) return NULL;
    ptrdiff_t idx[ND_MAXDIMS] = { 0 };
    size_t isz = nd_dtype_size(dt);
    for (ptrdiff_t i = 0; i < a->size; i++) {
        nd__scalar_store(a->data + (size_t)i * isz, dt, fn(idx, ndim, ctx));
        for (int d = ndim - 1; d >= 0; d--) {
            if (++idx[d] < shape[d]) break;
            idx[d] = 0;
        }
    }
    return a;
}
