/* numc — masked arrays: the type, its accessors, fill values, elements, views, and the
 * ways to get the data back out (filled, compressed, count). */
#include <float.h>
#include <math.h>
#include <string.h>

#include "ma_internal.h"
#include "numc/manip.h"

/* ---- the object --------------------------------------------------------------------- */
nd_status ma__check(const nd_marray *m, const char *who)
{
    if (!m)
        return nd_set_error(ND_EVALUE, "%s: masked array is NULL", who);
    return ND_OK;
}

nd_marray *ma__wrap(nd_array *data, nd_array *mask, const nd_scalar *fill, bool hard, const char *who)
{
    if (!data) {
        nd_free(mask);
        return NULL;
    }
    nd_marray *m = nd_malloc(sizeof *m, who);
    if (!m) {
        nd_free(data);
        nd_free(mask);
        return NULL;
    }
    nd__scope_detach(data);
    if (mask)
        nd__scope_detach(mask);
    m->data = data;
    m->mask = mask;
    m->fill = fill ? *fill : nd_ma_default_fill_value(nd_dtype_of(data));
    m->hard = hard;
    return m;
}

void nd_ma_free(nd_marray *m)
{
    if (!m)
        return;
    nd_free(m->data);
    nd_free(m->mask);
    nd_free_mem(m);
}

nd_status ma__any(const nd_array *mask, bool *out)
{
    *out = false;
    if (!mask)
        return ND_OK;
    if (nd_is_c_contiguous(mask)) { /* bools are 0 or 1 */
        *out = memchr(nd_data(mask), 1, (size_t)nd_size(mask)) != NULL;
        return ND_OK;
    }
    nd_array *r = nd_any(mask);
    if (!r)
        return nd_last_error();
    *out = nd_item_bool(r);
    nd_free(r);
    return ND_OK;
}

nd_scalar nd_ma_default_fill_value(nd_dtype dt)
{
    if (dt == ND_BOOL)
        return ND_BOOL_S(true);
    if (nd_dtype_is_integer(dt))
        return (dt >= ND_UINT8 && dt <= ND_UINT64) ? ND_U64(999999) : ND_I64(999999);
    if (nd_dtype_is_complex(dt))
        return ND_C128(1e20, 0.0);
    return ND_F64(1e20);
}

/* x rounded to float32 when dt's values are float32 (float32, complex64), as NumPy stores
 * a given fill value in the array's dtype (np.float32(0.1)); beyond float32's range, inf. */
static double to_dtype_precision(nd_dtype dt, double x)
{
    if (dt != ND_FLOAT32 && dt != ND_COMPLEX64)
        return x;
    if (isfinite(x) && fabs(x) > FLT_MAX)
        return copysign(INFINITY, x);
    return (float)x;
}

nd_status ma__fill_check(nd_dtype dt, nd_scalar v, nd_scalar *out, const char *who)
{
    /* An nd_scalar may carry any dtype, its value in the widest member of its kind
     * (what nd_item gives): INT32 → the int64 member, FLOAT32 → the double, ... */
    if (nd_dtype_is_integer(v.dtype))
        v.dtype = v.dtype >= ND_UINT8 && v.dtype <= ND_UINT64 ? ND_UINT64 : ND_INT64;
    else if (v.dtype == ND_FLOAT32)
        v.dtype = ND_FLOAT64;
    else if (v.dtype == ND_COMPLEX64)
        v.dtype = ND_COMPLEX128;
    double f = 0.0;
    switch (v.dtype) {
    case ND_BOOL: f = v.v.b; break;
    case ND_INT64: f = (double)v.v.i; break;
    case ND_UINT64: f = (double)v.v.u; break;
    case ND_FLOAT64: f = v.v.f; break;
    case ND_COMPLEX128:
        if (!nd_dtype_is_complex(dt))
            return nd_set_error(ND_EVALUE, "%s: complex fill value does not fit %s", who,
                                nd_dtype_name(dt));
        *out = ND_C128(to_dtype_precision(dt, v.v.c[0]), to_dtype_precision(dt, v.v.c[1]));
        return ND_OK;
    default:
        return nd_set_error(ND_EVALUE, "%s: invalid fill value", who);
    }
    if (dt == ND_BOOL) {
        *out = ND_BOOL_S(f != 0.0);
        return ND_OK;
    }
    if (nd_dtype_is_integer(dt)) {
        nd_iinfo ii;
        if (nd_iinfo_of(dt, &ii) < 0)
            return nd_last_error();
        bool fits;
        if (v.dtype == ND_INT64)
            fits = v.v.i >= ii.min && (v.v.i < 0 || (uint64_t)v.v.i <= (uint64_t)ii.max);
        else if (v.dtype == ND_UINT64 || v.dtype == ND_BOOL)
            fits = (v.dtype == ND_BOOL ? (uint64_t)v.v.b : v.v.u) <= (uint64_t)ii.max;
        else
            fits = isfinite(f) && f == floor(f) && f >= (double)ii.min && f <= (double)ii.max;
        if (!fits) {
            char buf[64];
            if (v.dtype == ND_FLOAT64)
                snprintf(buf, sizeof buf, "%.17g", f);
            else if (v.dtype == ND_INT64)
                snprintf(buf, sizeof buf, "%lld", (long long)v.v.i);
            else
                snprintf(buf, sizeof buf, "%llu", (unsigned long long)v.v.u);
            return nd_set_error(ND_EVALUE, "%s: fill value %s does not fit %s", who, buf,
                                nd_dtype_name(dt));
        }
        if (dt >= ND_UINT8 && dt <= ND_UINT64)
            *out = ND_U64(v.dtype == ND_FLOAT64 ? (uint64_t)f : v.dtype == ND_INT64 ? (uint64_t)v.v.i
                          : v.dtype == ND_BOOL ? (uint64_t)v.v.b : v.v.u);
        else
            *out = ND_I64(v.dtype == ND_FLOAT64 ? (int64_t)f : v.dtype == ND_UINT64 ? (int64_t)v.v.u
                          : v.dtype == ND_BOOL ? (int64_t)v.v.b : v.v.i);
        return ND_OK;
    }
    f = to_dtype_precision(dt, f);
    *out = nd_dtype_is_complex(dt) ? ND_C128(f, 0.0) : ND_F64(f);
    return ND_OK;
}

/* The mask broadcast to data's shape as a new, writeable, C-contiguous bool array. */
static nd_array *mask_for(const nd_array *data, const nd_array *mask, const char *who)
{
    if (nd_dtype_of(mask) != ND_BOOL)
        return ND_FAIL(ND_EDTYPE, "%s: mask must be bool, got %s", who,
                       nd_dtype_name(nd_dtype_of(mask)));
    nd_array *b = nd_broadcast_to(mask, nd_ndim(data), nd_shape(data));
    if (!b && nd_last_error() == ND_ENOMEM)
        return NULL;
    /* NumPy also takes a mask with the data's size in another shape (in C order) */
    if (!b && nd_size(mask) == nd_size(data))
        b = nd_reshape(mask, nd_ndim(data), nd_shape(data));
    if (!b && nd_last_error() == ND_ENOMEM)
        return NULL;
    if (!b) {
        char s1[256], s2[256];
        nd__shape_str(s1, sizeof s1, nd_ndim(mask), nd_shape(mask));
        nd__shape_str(s2, sizeof s2, nd_ndim(data), nd_shape(data));
        return ND_FAIL(ND_ESHAPE, "%s: mask of shape %s does not broadcast to the data's shape %s",
                       who, s1, s2);
    }
    nd_array *c = nd_copy(b, ND_ORDER_C);
    nd_free(b);
    return c;
}

nd_marray *nd_ma_array_(const nd_array *data, const nd_array *mask, const nd_ma_opts *o)
{
    static const char who[] = "nd_ma_array";
    static const nd_ma_opts defaults = { 0 };
    if (!o)
        o = &defaults;
    if (!data)
        return ND_FAIL(ND_EVALUE, "%s: data array is NULL", who);
    nd_scalar fill = nd_ma_default_fill_value(nd_dtype_of(data));
    if (o->fill_value && ma__fill_check(nd_dtype_of(data), *o->fill_value, &fill, who) < 0)
        return NULL;
    nd_array *mk = NULL;
    if (mask && !(mk = mask_for(data, mask, who)))
        return NULL;
    nd_array *d = o->copy ? nd_copy(data, ND_ORDER_K) : nd_ref(data);
    return ma__wrap(d, mk, &fill, o->hard_mask, who);
}

nd_marray *nd_ma_ref(const nd_marray *m)
{
    if (ma__check(m, "nd_ma_ref") < 0)
        return NULL;
    nd_array *mk = NULL;
    if (m->mask && !(mk = nd_ref(m->mask)))
        return NULL;
    return ma__wrap(nd_ref(m->data), mk, &m->fill, m->hard, "nd_ma_ref");
}

nd_marray *nd_ma_copy(const nd_marray *m)
{
    if (ma__check(m, "nd_ma_copy") < 0)
        return NULL;
    nd_array *mk = NULL;
    if (m->mask && !(mk = nd_copy(m->mask, ND_ORDER_C)))
        return NULL;
    return ma__wrap(nd_copy(m->data, ND_ORDER_K), mk, &m->fill, m->hard, "nd_ma_copy");
}

/* ---- accessors ------------------------------------------------------------------------- */
int nd_ma_ndim(const nd_marray *m) { return ma__check(m, "nd_ma_ndim") < 0 ? -1 : nd_ndim(m->data); }
const ptrdiff_t *nd_ma_shape(const nd_marray *m)
{ return ma__check(m, "nd_ma_shape") < 0 ? NULL : nd_shape(m->data); }
ptrdiff_t nd_ma_size(const nd_marray *m) { return ma__check(m, "nd_ma_size") < 0 ? -1 : nd_size(m->data); }
nd_dtype nd_ma_dtype(const nd_marray *m)
{ return ma__check(m, "nd_ma_dtype") < 0 ? ND_NTYPES : nd_dtype_of(m->data); }
const nd_array *nd_ma_data(const nd_marray *m) { return ma__check(m, "nd_ma_data") < 0 ? NULL : m->data; }
const nd_array *nd_ma_mask(const nd_marray *m) { return ma__check(m, "nd_ma_mask") < 0 ? NULL : m->mask; }
bool nd_ma_is_nomask(const nd_marray *m) { return ma__check(m, "nd_ma_is_nomask") == ND_OK && !m->mask; }
bool nd_ma_is_masked(const nd_marray *m)
{
    bool any = false;
    return ma__check(m, "nd_ma_is_masked") == ND_OK && ma__any(m->mask, &any) == ND_OK && any;
}

nd_array *nd_ma_getdata(const nd_marray *m)
{
    return ma__check(m, "nd_ma_getdata") < 0 ? NULL : nd_ref(m->data);
}

nd_array *nd_ma_getmask(const nd_marray *m)
{
    if (ma__check(m, "nd_ma_getmask") < 0)
        return NULL;
    if (m->mask)
        return nd_ref(m->mask);
    nd_clear_error(); /* nomask: NULL with no error, as the contract says */
    return NULL;
}

nd_array *ma__maskarray(const nd_marray *m, const char *who)
{
    if (ma__check(m, who) < 0)
        return NULL;
    if (m->mask)
        return nd_copy(m->mask, ND_ORDER_C);
    return nd_zeros(nd_ndim(m->data), nd_shape(m->data), ND_BOOL);
}

nd_array *nd_ma_getmaskarray(const nd_marray *m) { return ma__maskarray(m, "nd_ma_getmaskarray"); }

nd_scalar nd_ma_fill_value(const nd_marray *m)
{
    if (ma__check(m, "nd_ma_fill_value") < 0)
        return ND_F64(NAN);
    return m->fill;
}

nd_status nd_ma_set_fill_value(nd_marray *m, nd_scalar v)
{
    nd_scalar f;
    if (ma__check(m, "nd_ma_set_fill_value") < 0 ||
        ma__fill_check(nd_dtype_of(m->data), v, &f, "nd_ma_set_fill_value") < 0)
        return nd_last_error();
    m->fill = f;
    return ND_OK;
}

void nd_ma_harden_mask(nd_marray *m) { if (ma__check(m, "nd_ma_harden_mask") == ND_OK) m->hard = true; }
void nd_ma_soften_mask(nd_marray *m) { if (ma__check(m, "nd_ma_soften_mask") == ND_OK) m->hard = false; }
bool nd_ma_is_hard_mask(const nd_marray *m) { return ma__check(m, "nd_ma_is_hard_mask") == ND_OK && m->hard; }

nd_status nd_ma_shrink_mask(nd_marray *m)
{
    if (ma__check(m, "nd_ma_shrink_mask") < 0)
        return nd_last_error();
    if (!m->mask)
        return ND_OK;
    bool set;
    nd_status st = ma__any(m->mask, &set); /* a failure is not "nothing masked" */
    if (st < 0)
        return st;
    if (!set) {
        nd_free(m->mask);
        m->mask = NULL;
    }
    return ND_OK;
}

/* ---- elements --------------------------------------------------------------------------- */
nd_status nd_ma_get_f64(const nd_marray *m, int nidx, const ptrdiff_t *idx, double *value, bool *masked)
{
    if (ma__check(m, "nd_ma_get_f64") < 0)
        return nd_last_error();
    nd_scalar s;
    nd_status st = nd_get(m->data, nidx, idx, &s);
    if (st < 0)
        return st;
    if (value)
        *value = nd_scalar_as_f64(s);
    if (masked)
        *masked = m->mask ? nd_get_bool(m->mask, nidx, idx) : false;
    return ND_OK;
}

/* The mask, created (all false) when m has nomask, so that an element can be masked. */
static nd_status ensure_mask(nd_marray *m, const char *who)
{
    if (m->mask)
        return ND_OK;
    nd_array *mk = nd_zeros(nd_ndim(m->data), nd_shape(m->data), ND_BOOL);
    if (!mk)
        return nd_last_error();
    (void)who;
    nd__scope_detach(mk);
    m->mask = mk;
    return ND_OK;
}

nd_status nd_ma_set_f64(nd_marray *m, int nidx, const ptrdiff_t *idx, double value)
{
    if (ma__check(m, "nd_ma_set_f64") < 0)
        return nd_last_error();
    bool masked = false;
    if (m->mask) {
        nd_scalar s;
        nd_status st = nd_get(m->mask, nidx, idx, &s);
        if (st < 0)
            return st;
        masked = s.v.b;
    }
    if (masked && m->hard)
        return ND_OK; /* a hard mask keeps the element masked and its data as it was */
    nd_status st = nd_set_f64(m->data, nidx, idx, value);
    if (st < 0 || !masked)
        return st;
    return nd_set(m->mask, nidx, idx, ND_BOOL_S(false));
}

nd_status nd_ma_set_masked(nd_marray *m, int nidx, const ptrdiff_t *idx)
{
    if (ma__check(m, "nd_ma_set_masked") < 0)
        return nd_last_error();
    nd_scalar s;
    nd_status st = nd_get(m->data, nidx, idx, &s); /* validates the index first */
    if (st < 0 || (st = ensure_mask(m, "nd_ma_set_masked")) < 0)
        return st;
    return nd_set(m->mask, nidx, idx, ND_BOOL_S(true));
}

nd_status nd_ma_item_f64(const nd_marray *m, double *value, bool *masked)
{
    if (ma__check(m, "nd_ma_item_f64") < 0)
        return nd_last_error();
    nd_scalar s;
    nd_status st = nd_item(m->data, &s);
    if (st < 0)
        return st;
    if (value)
        *value = nd_scalar_as_f64(s);
    if (masked)
        *masked = m->mask ? nd_item_bool(m->mask) : false;
    return ND_OK;
}

/* ---- views --------------------------------------------------------------------------- */
/* Apply one view-making step to data and mask alike. */
typedef nd_array *(*view_fn)(const nd_array *a, const void *arg);

static nd_marray *view_both(const nd_marray *m, view_fn fn, const void *arg, const char *who)
{
    if (ma__check(m, who) < 0)
        return NULL;
    nd_array *d = fn(m->data, arg);
    if (!d)
        return NULL;
    nd_array *mk = NULL;
    if (m->mask && !(mk = fn(m->mask, arg))) {
        nd_free(d);
        return NULL;
    }
    return ma__wrap(d, mk, &m->fill, m->hard, who);
}

static nd_array *do_view(const nd_array *a, const void *arg) { return nd_view(a, (const char *)arg); }
static nd_array *do_transpose(const nd_array *a, const void *arg) { (void)arg; return nd_transpose(a); }
static nd_array *do_ravel(const nd_array *a, const void *arg) { (void)arg; return nd_ravel(a); }
static nd_array *do_take(const nd_array *a, const void *arg)
{
    return nd_getitem(a, ND_ARR((const nd_array *)arg));
}
struct shape_arg { int ndim; const ptrdiff_t *shape; };
static nd_array *do_reshape(const nd_array *a, const void *arg)
{
    const struct shape_arg *s = arg;
    return nd_reshape(a, s->ndim, s->shape);
}

nd_marray *nd_ma_view(const nd_marray *m, const char *index)
{
    if (!index)
        return ND_FAIL(ND_EVALUE, "nd_ma_view: index string is NULL");
    return view_both(m, do_view, index, "nd_ma_view");
}
nd_marray *nd_ma_transpose(const nd_marray *m) { return view_both(m, do_transpose, NULL, "nd_ma_transpose"); }
nd_marray *nd_ma_ravel(const nd_marray *m) { return view_both(m, do_ravel, NULL, "nd_ma_ravel"); }
nd_marray *nd_ma_reshape(const nd_marray *m, int ndim, const ptrdiff_t *shape)
{
    struct shape_arg s = { ndim, shape };
    return view_both(m, do_reshape, &s, "nd_ma_reshape");
}
nd_marray *nd_ma_take(const nd_marray *m, const nd_array *index)
{
    if (!index)
        return ND_FAIL(ND_EVALUE, "nd_ma_take: index array is NULL");
    return view_both(m, do_take, index, "nd_ma_take");
}

/* ---- getting the data out ------------------------------------------------------------ */
/* Writes fill into the masked slots of out, a fresh copy of m's data (filled and
 * filled_nan differ only in how that copy is cast); takes ownership of out, which may be
 * NULL when the copy failed. */
static nd_array *put_fill(const nd_marray *m, nd_array *out, nd_scalar fill)
{
    if (!out || !m->mask)
        return out;
    nd_array *v = nd_full(0, NULL, nd_dtype_of(out), fill);
    if (!v || nd_putmask(out, m->mask, v) < 0) {
        nd_free(v);
        nd_free(out);
        return NULL;
    }
    nd_free(v);
    return out;
}

nd_array *nd_ma_filled(const nd_marray *m, const nd_scalar *fill)
{
    static const char who[] = "nd_ma_filled";
    if (ma__check(m, who) < 0)
        return NULL;
    nd_scalar f = m->fill;
    if (fill && ma__fill_check(nd_dtype_of(m->data), *fill, &f, who) < 0)
        return NULL;
    return put_fill(m, nd_copy(m->data, ND_ORDER_C), f);
}

nd_array *nd_ma_filled_nan(const nd_marray *m)
{
    if (ma__check(m, "nd_ma_filled_nan") < 0)
        return NULL;
    return put_fill(m, nd_astype(m->data, ND_FLOAT64, ND_CAST_UNSAFE), ND_F64(NAN));
}

nd_array *nd_ma_compressed(const nd_marray *m)
{
    if (ma__check(m, "nd_ma_compressed") < 0)
        return NULL;
    nd_array *flat = nd_ravel(m->data);
    if (!flat || !m->mask) {
        nd_array *c = flat ? nd_copy(flat, ND_ORDER_C) : NULL;
        nd_free(flat);
        return c;
    }
    nd_array *keep = nd_logical_not(m->mask);
    nd_array *k1 = keep ? nd_ravel(keep) : NULL;
    nd_array *out = k1 ? nd_getitem(flat, ND_ARR(k1)) : NULL;
    nd_free(k1);
    nd_free(keep);
    nd_free(flat);
    return out;
}

nd_array *nd_ma_count_(const nd_marray *m, const nd_reduce_opts *o)
{
    if (ma__check(m, "nd_ma_count") < 0)
        return NULL;
    nd_array *valid = m->mask ? nd_logical_not(m->mask)
                              : nd_ones(nd_ndim(m->data), nd_shape(m->data), ND_BOOL);
    if (!valid)
        return NULL;
    nd_reduce_opts ro = o ? *o : ND_REDUCE_DEFAULTS;
    ro.dtype = ND_INT64;
    nd_array *out = nd_sum_(valid, &ro);
    nd_free(valid);
    return out;
}

ptrdiff_t nd_ma_count_masked(const nd_marray *m)
{
    if (ma__check(m, "nd_ma_count_masked") < 0)
        return -1;
    if (!m->mask)
        return 0;
    nd_array *s = nd_count_nonzero(m->mask);
    ptrdiff_t n = s ? (ptrdiff_t)nd_item_i64(s) : -1;
    nd_free(s);
    return n;
}
