/* Copies, conversion, assignment and element access. */
#include "internal.h"
#include "parallel.h"

#include <numc/threads.h>

#include <math.h>
#include <string.h>

/* Copy a 2-D block transposed in tiles so both sides stay in cache. */
static void copy_tiled(char *dst, ptrdiff_t ds0, ptrdiff_t ds1, const char *src, ptrdiff_t ss0,
                       ptrdiff_t ss1, ptrdiff_t n0, ptrdiff_t n1, size_t isz)
{
    enum { T = 32 };
    for (ptrdiff_t i0 = 0; i0 < n0; i0 += T) {
        ptrdiff_t e0 = i0 + T < n0 ? i0 + T : n0;
        for (ptrdiff_t j0 = 0; j0 < n1; j0 += T) {
            ptrdiff_t e1 = j0 + T < n1 ? j0 + T : n1;
            for (ptrdiff_t i = i0; i < e0; i++) {
                char *d = dst + i * ds0 + j0 * ds1;
                const char *s = src + i * ss0 + j0 * ss1;
                if (isz == 8)
                    for (ptrdiff_t j = j0; j < e1; j++, d += ds1, s += ss1) memcpy(d, s, 8);
                else
                    for (ptrdiff_t j = j0; j < e1; j++, d += ds1, s += ss1) memcpy(d, s, isz);
            }
        }
    }
}

/* A copy that converts through a flexible family's strided cast (broadcasting src). */
static nd_status copy_flex(nd_array *dst, const nd_array *src, nd__flex_cast_fn cast)
{
    nd_array *ops[2] = { dst, (nd_array *)src };
    nd_iter it;
    nd_status st = nd_iter_init(&it, 2, ops, dst->ndim, dst->shape);
    if (st < 0) return st;
    if (it.size == 0) return ND_OK;
    do {
        st = cast(it.ptrs[0], dst->dtype, it.inner_strides[0], it.ptrs[1], src->dtype,
                  it.inner_strides[1], it.inner_size, "nd_astype");
        if (st < 0) return st;
    } while (nd_iter_next(&it));
    return ND_OK;
}

/* A large contiguous copy is split over numc's threads, one piece each: one core's memcpy
 * reaches only part of the machine's copy bandwidth. */
#define PAR_COPY_MIN ((size_t)8 << 20)

typedef struct par_copy {
    char *dst;
    const char *src;
} par_copy;

static void par_copy_chunk(ptrdiff_t b, ptrdiff_t e, ptrdiff_t k, void *arg)
{
    (void)k;
    const par_copy *c = arg;
    memcpy(c->dst + b, c->src + b, (size_t)(e - b));
}

static void copy_bytes(char *dst, const char *src, size_t n)
{
    int nt = nd_get_num_threads();
    if (n < PAR_COPY_MIN || nt < 2) {
        memcpy(dst, src, n);
        return;
    }
    /* one piece per thread, whole pages */
    ptrdiff_t grain = (ptrdiff_t)(((n + (size_t)nt - 1) / (size_t)nt + 4095) & ~(size_t)4095);
    par_copy c = { dst, src };
    nd__parallel_for((ptrdiff_t)n, grain, par_copy_chunk, &c);
}

nd_status nd__copy_into(nd_array *dst, const nd_array *src)
{
    nd__flex_cast_fn flex = nd__flex_cast_for(src->dtype, dst->dtype);
    if (flex) return copy_flex(dst, src, flex);
    if (dst->dtype != src->dtype && (!nd_dtype_is_numeric((int)dst->dtype) ||
                                     !nd_dtype_is_numeric((int)src->dtype)))
        return nd_set_error(ND_EDTYPE, "cannot copy %s elements into a %s array",
                            nd_dtype_name(src->dtype), nd_dtype_name(dst->dtype));
    nd_array *ops[2] = { dst, (nd_array *)src };
    nd_iter it;
    nd_status st = nd_iter_init(&it, 2, ops, dst->ndim, dst->shape);
    if (st < 0) return st;
    if (it.size == 0) return ND_OK;
    size_t isz = nd_dtype_size(dst->dtype);
    bool same = dst->dtype == src->dtype;
    /* A transposing copy: the source's inner stride is large but an outer one is unit. */
    if (same && it.ndim >= 2 && it.inner_strides[0] == (ptrdiff_t)isz &&
        it.inner_strides[1] != (ptrdiff_t)isz && it.strides[1][it.ndim - 2] == (ptrdiff_t)isz) {
        ptrdiff_t n0 = it.shape[it.ndim - 2], n1 = it.shape[it.ndim - 1];
        do {
            copy_tiled(it.ptrs[0], it.strides[0][it.ndim - 2], it.inner_strides[0], it.ptrs[1],
                       it.strides[1][it.ndim - 2], it.inner_strides[1], n0, n1, isz);
            /* Skip the rows we just did: advance the second-innermost index to its end. */
            it.ptrs[0] += it.strides[0][it.ndim - 2] * (n0 - 1);
            it.ptrs[1] += it.strides[1][it.ndim - 2] * (n0 - 1);
            it.index[it.ndim - 2] = n0 - 1;
        } while (nd_iter_next(&it));
        return ND_OK;
    }
    do {
        if (same && it.inner_strides[0] == (ptrdiff_t)isz && it.inner_strides[1] == (ptrdiff_t)isz)
            copy_bytes(it.ptrs[0], it.ptrs[1], (size_t)it.inner_size * isz);
        else
            nd_cast_strided(it.ptrs[0], dst->dtype, it.inner_strides[0], it.ptrs[1], src->dtype,
                            it.inner_strides[1], it.inner_size);
    } while (nd_iter_next(&it));
    return ND_OK;
}

/* Axis order for a K-order copy: by decreasing absolute stride (stable). */
static void k_order(const nd_array *a, int *perm)
{
    for (int i = 0; i < a->ndim; i++) perm[i] = i;
    for (int i = 1; i < a->ndim; i++) {
        int p = perm[i], j = i;
        ptrdiff_t sp = a->strides[p] < 0 ? -a->strides[p] : a->strides[p];
        while (j > 0) {
            ptrdiff_t sq = a->strides[perm[j - 1]] < 0 ? -a->strides[perm[j - 1]] : a->strides[perm[j - 1]];
            if (sq >= sp) break;
            perm[j] = perm[j - 1];
            j--;
        }
        perm[j] = p;
    }
}

static nd_array *copy_as(const nd_array *a, nd_dtype dt, nd_order order, const char *who)
{
    if (!a) return ND_FAIL(ND_EVALUE, "%s: array is NULL", who);
    bool fortran = order == ND_ORDER_F ||
                   (order == ND_ORDER_A && nd_is_f_contiguous(a) && !nd_is_c_contiguous(a));
    nd_array *out;
    if (order == ND_ORDER_K && a->ndim > 1) {
        int perm[ND_MAXDIMS], inv[ND_MAXDIMS];
        k_order(a, perm);
        ptrdiff_t shape[ND_MAXDIMS];
        for (int i = 0; i < a->ndim; i++) {
            shape[i] = a->shape[perm[i]];
            inv[perm[i]] = i;
        }
        nd_array *tmp = nd__alloc(a->ndim, shape, dt, false, who);
        if (!tmp) return NULL;
        out = nd_transpose(tmp, inv);
        nd_free(tmp);
        if (!out) return NULL;
        out->flags |= ND_OWNDATA;
    } else {
        out = nd__alloc(a->ndim, a->shape, dt, fortran, who);
        if (!out) return NULL;
    }
    if (nd__copy_into(out, a) < 0) {
        nd_free(out);
        return NULL;
    }
    return out;
}

nd_array *nd_copy(const nd_array *a, nd_order order)
{
    return copy_as(a, a ? a->dtype : ND_FLOAT64, order, "nd_copy");
}

nd_array *nd_ascontiguousarray(const nd_array *a)
{
    if (!a) return ND_FAIL(ND_EVALUE, "nd_ascontiguousarray: array is NULL");
    if (nd_is_c_contiguous(a)) return nd_ref(a);
    return copy_as(a, a->dtype, ND_ORDER_C, "nd_ascontiguousarray");
}

nd_array *nd_astype(const nd_array *a, nd_dtype dt, nd_casting casting)
{
    if (!a) return ND_FAIL(ND_EVALUE, "nd_astype: array is NULL");
    /* string dtypes (core/strings): sizes an unsized target, converts text */
    if (nd__str_claims_cast(a->dtype, dt) || (nd_dtype_is_string(dt) && nd_dtype_is_string(a->dtype)) ||
        (nd_dtype_is_string(dt) && nd_dtype_is_numeric((int)a->dtype)))
        return nd__str_astype(a, dt, casting);
    /* datetime64 / timedelta64 targets and sources (core/datetime/dt_cast.c) */
    if (nd__dt_cast_applies(a->dtype, dt)) {
        if (nd__dt_astype_target(a->dtype, &dt, casting) < 0) return NULL;
        return copy_as(a, dt, ND_ORDER_K, "nd_astype");
    }
    /* dates <-> text (core/datetime/dt_text.c): an unsized text or generic date target is
     * sized from the data first */
    if (nd__dt_text_cast_applies(a->dtype, dt)) {
        if (nd__dt_text_astype_target(a, &dt) < 0) return NULL;
        if (!nd_can_cast(a->dtype, dt, casting == ND_CAST_DEFAULT ? ND_CAST_UNSAFE : casting))
            return ND_FAIL(ND_EDTYPE, "nd_astype: cannot cast array data from dtype('%s') to dtype('%s') "
                           "according to the rule '%s'", nd_dtype_name(a->dtype), nd_dtype_name(dt),
                           nd_casting_name(casting));
        return copy_as(a, dt, ND_ORDER_K, "nd_astype");
    }
    if (!nd_dtype_is_numeric((int)dt)) return ND_FAIL(ND_EDTYPE, "nd_astype: invalid dtype %d", (int)dt);
    if (casting == ND_CAST_DEFAULT) casting = ND_CAST_UNSAFE;
    if (!nd_can_cast(a->dtype, dt, casting))
        return ND_FAIL(ND_EDTYPE, "nd_astype: cannot cast array data from dtype('%s') to dtype('%s') according to the rule '%s'",
                       nd_dtype_name(a->dtype), nd_dtype_name(dt), nd_casting_name(casting));
    return copy_as(a, dt, ND_ORDER_K, "nd_astype");
}

nd_status nd_assign(nd_array *dst, const nd_array *src, nd_casting casting)
{
    if (!dst || !src) return nd_set_error(ND_EVALUE, "nd_assign: array is NULL");
    if (!nd_is_writeable(dst)) return nd_set_error(ND_EVALUE, "nd_assign: assignment destination is read-only");
    if (casting == ND_CAST_DEFAULT) casting = ND_CAST_SAME_KIND;
    if (!nd_can_cast(src->dtype, dst->dtype, casting))
        return nd_set_error(ND_EDTYPE, "nd_assign: cannot cast array data from dtype('%s') to dtype('%s') according to the rule '%s'",
                         nd_dtype_name(src->dtype), nd_dtype_name(dst->dtype), nd_casting_name(casting));
    /* Overlapping source: copy it first so the result is as if read before written. */
    if (nd_may_share_memory(dst, src) && !(dst->data == src->data && dst->ndim == src->ndim &&
                                           !memcmp(dst->strides, src->strides, sizeof(ptrdiff_t) * (size_t)dst->ndim))) {
        nd_array *tmp = nd_copy(src, ND_ORDER_C);
        if (!tmp) return nd_last_error();
        nd_status st = nd__copy_into(dst, tmp);
        nd_free(tmp);
        return st;
    }
    return nd__copy_into(dst, src);
}

nd_status nd_fill(nd_array *dst, nd_scalar value)
{
    if (!dst) return nd_set_error(ND_EVALUE, "nd_fill: array is NULL");
    if (!nd_is_writeable(dst)) return nd_set_error(ND_EVALUE, "nd_fill: assignment destination is read-only");
    if (nd__scalar_fits(dst->dtype, "nd_fill") < 0) return nd_last_error();
    char elem[16];
    nd__scalar_store(elem, dst->dtype, value);
    nd_array *src = nd_wrap(elem, 0, NULL, NULL, dst->dtype, NULL, NULL);
    if (!src) return nd_last_error();
    nd_status st = nd__copy_into(dst, src);
    nd_free(src);
    return st;
}

/* ---- element access ------------------------------------------------------------------- */

void *nd_ptr(const nd_array *a, int nidx, const ptrdiff_t *idx)
{
    if (!a) {
        nd_set_error(ND_EVALUE, "nd_ptr: array is NULL");
        return NULL;
    }
    if (nidx != a->ndim || (nidx > 0 && !idx)) return NULL;
    char *p = a->data;
    for (int d = 0; d < a->ndim; d++) {
        ptrdiff_t i = idx[d];
        if (i < 0) i += a->shape[d];
        if (i < 0 || i >= a->shape[d]) return NULL;
        p += i * a->strides[d];
    }
    return p;
}

static char *checked_ptr(const nd_array *a, int nidx, const ptrdiff_t *idx, const char *who)
{
    if (!a) {
        nd_set_error(ND_EVALUE, "%s: array is NULL", who);
        return NULL;
    }
    if (nd__scalar_fits(a->dtype, who) < 0) return NULL;
    if (nidx > a->ndim || nidx < 0) {
        nd_set_error(ND_EINDEX, "%s: too many indices for array: array is %d-dimensional, but %d were indexed",
                     who, a->ndim, nidx);
        return NULL;
    }
    if (nidx < a->ndim) {
        nd_set_error(ND_EINDEX, "%s: %d indices for a %d-dimensional array (element access needs one per "
                     "axis; use nd_view or nd_slice for sub-arrays)", who, nidx, a->ndim);
        return NULL;
    }
    if (nidx > 0 && !idx) {
        nd_set_error(ND_EINDEX, "%s: index is NULL for a %d-d array", who, a->ndim);
        return NULL;
    }
    char *p = nd_ptr(a, nidx, idx);
    if (!p) {
        for (int d = 0; d < a->ndim; d++) {
            ptrdiff_t i = idx[d] < 0 ? idx[d] + a->shape[d] : idx[d];
            if (i < 0 || i >= a->shape[d]) {
                nd_set_error(ND_EINDEX, "%s: index %td is out of bounds for axis %d with size %td", who, idx[d], d,
                          a->shape[d]);
                break;
            }
        }
    }
    return p;
}

/* The element of a size-1 array (a.item()). */
static char *item_ptr(const nd_array *a, const char *who)
{
    if (!a) {
        nd_set_error(ND_EVALUE, "%s: array is NULL", who);
        return NULL;
    }
    if (nd__scalar_fits(a->dtype, who) < 0) return NULL;
    if (a->size != 1) {
        nd_set_error(ND_EVALUE, "%s: can only convert an array of size 1 to a Python scalar (size %td)", who,
                     a->size);
        return NULL;
    }
    return a->data;
}

static double load_f64(const char *p, nd_dtype t) { return nd_scalar_as_f64(nd__scalar_load(p, t)); }
static int64_t load_i64(const char *p, nd_dtype t) { return nd_scalar_as_i64(nd__scalar_load(p, t)); }
static uint64_t load_u64(const char *p, nd_dtype t)
{
    uint64_t v = 0;
    nd_cast_strided(&v, ND_UINT64, 8, p, t, 0, 1);
    return v;
}
static bool load_bool(const char *p, nd_dtype t)
{
    bool v = false;
    nd_cast_strided(&v, ND_BOOL, 1, p, t, 0, 1);
    return v;
}
static void load_c128(const char *p, nd_dtype t, double *re, double *im)
{
    double c[2] = { 0, 0 };
    if (nd_dtype_is_complex(t)) nd_cast_strided(c, ND_COMPLEX128, 16, p, t, 0, 1);
    else nd_cast_strided(c, ND_FLOAT64, 8, p, t, 0, 1);
    *re = c[0];
    *im = c[1];
}

nd_status nd_get(const nd_array *a, int nidx, const ptrdiff_t *idx, nd_scalar *out)
{
    char *p = checked_ptr(a, nidx, idx, "nd_get");
    if (!p) return nd_last_error();
    if (nd__scalar_fits(a->dtype, "nd_get") < 0) return nd_last_error(); /* a string element */
    *out = nd__scalar_load(p, a->dtype);
    return ND_OK;
}

nd_status nd_set(nd_array *a, int nidx, const ptrdiff_t *idx, nd_scalar value)
{
    char *p = checked_ptr(a, nidx, idx, "nd_set");
    if (!p) return nd_last_error();
    if (!nd_is_writeable(a)) return nd_set_error(ND_EVALUE, "nd_set: assignment destination is read-only");
    if (nd__scalar_fits(a->dtype, "nd_set") < 0) return nd_last_error(); /* a string element */
    nd__scalar_store(p, a->dtype, value);
    return ND_OK;
}

double nd_get_f64(const nd_array *a, int nidx, const ptrdiff_t *idx)
{
    char *p = checked_ptr(a, nidx, idx, "nd_get_f64");
    return p ? load_f64(p, a->dtype) : NAN;
}

int64_t nd_get_i64(const nd_array *a, int nidx, const ptrdiff_t *idx)
{
    char *p = checked_ptr(a, nidx, idx, "nd_get_i64");
    return p ? load_i64(p, a->dtype) : 0;
}

uint64_t nd_get_u64(const nd_array *a, int nidx, const ptrdiff_t *idx)
{
    char *p = checked_ptr(a, nidx, idx, "nd_get_u64");
    return p ? load_u64(p, a->dtype) : 0;
}

bool nd_get_bool(const nd_array *a, int nidx, const ptrdiff_t *idx)
{
    char *p = checked_ptr(a, nidx, idx, "nd_get_bool");
    return p ? load_bool(p, a->dtype) : false;
}

nd_status nd_get_c128(const nd_array *a, int nidx, const ptrdiff_t *idx, double *re, double *im)
{
    char *p = checked_ptr(a, nidx, idx, "nd_get_c128");
    if (!p) return nd_last_error();
    load_c128(p, a->dtype, re, im);
    return ND_OK;
}

nd_status nd_set_f64(nd_array *a, int nidx, const ptrdiff_t *idx, double v)
{
    return nd_set(a, nidx, idx, ND_F64(v));
}
nd_status nd_set_i64(nd_array *a, int nidx, const ptrdiff_t *idx, int64_t v)
{
    return nd_set(a, nidx, idx, ND_I64(v));
}

nd_status nd_item(const nd_array *a, nd_scalar *out)
{
    char *p = item_ptr(a, "nd_item");
    if (!p) return nd_last_error();
    if (nd__scalar_fits(a->dtype, "nd_item") < 0) return nd_last_error(); /* a string element */
    *out = nd__scalar_load(p, a->dtype);
    return ND_OK;
}

double nd_item_f64(const nd_array *a)
{
    char *p = item_ptr(a, "nd_item_f64");
    return p ? load_f64(p, a->dtype) : NAN;
}

int64_t nd_item_i64(const nd_array *a)
{
    char *p = item_ptr(a, "nd_item_i64");
    return p ? load_i64(p, a->dtype) : 0;
}

uint64_t nd_item_u64(const nd_array *a)
{
    char *p = item_ptr(a, "nd_item_u64");
    return p ? load_u64(p, a->dtype) : 0;
}

bool nd_item_bool(const nd_array *a)
{
    char *p = item_ptr(a, "nd_item_bool");
    return p ? load_bool(p, a->dtype) : false;
}

nd_status nd_item_c128(const nd_array *a, double *re, double *im)
{
    char *p = item_ptr(a, "nd_item_c128");
    if (!p) return nd_last_error();
    load_c128(p, a->dtype, re, im);
    return ND_OK;
}

nd_status nd_get_flat(const nd_array *a, ptrdiff_t i, nd_scalar *out)
{
    if (!a) return nd_set_error(ND_EVALUE, "nd_get_flat: array is NULL");
    if (i < 0 || i >= a->size)
        return nd_set_error(ND_EINDEX, "nd_get_flat: index %td is out of bounds for size %td", i, a->size);
    const char *p = a->data;
    for (int d = a->ndim - 1; d >= 0; d--) {
        p += (i % a->shape[d]) * a->strides[d];
        i /= a->shape[d];
    }
    if (nd__scalar_fits(a->dtype, "nd_get_flat") < 0) return nd_last_error(); /* a string element */
    *out = nd__scalar_load(p, a->dtype);
    return ND_OK;
}

nd_status nd_to_buffer(const nd_array *a, void *out, nd_dtype dt)
{
    if (!a || !out) return nd_set_error(ND_EVALUE, "nd_to_buffer: array or buffer is NULL");
    if (!nd_dtype_is_numeric((int)dt)) return nd_set_error(ND_EDTYPE, "nd_to_buffer: invalid dtype %d", (int)dt);
    nd_array *dst = nd_wrap(out, a->ndim, a->shape, NULL, dt, NULL, NULL);
    if (!dst) return nd_last_error();
    nd_status st = nd__copy_into(dst, a);
    nd_free(dst);
    return st;
}

nd_status nd_to_f64(const nd_array *a, double *out) { return nd_to_buffer(a, out, ND_FLOAT64); }
