/* numc — masked arrays: making masks and masked arrays from conditions (make_mask,
 * mask_or, masked_where and the masked_<comparison> family, masked_values,
 * masked_invalid, masked_all, fix_invalid), as numpy.ma 1.24.
 *
 * Every masked_* function takes a plain array and returns a copy of its data (NumPy's
 * copy=True default) under a mask computed with the public ufuncs: one comparison pass
 * (two and a logical_and for inside / outside), then the copy. */
#include <math.h>
#include <string.h>

#include "ma_internal.h"
#include "numc/manip.h"

static nd_status need(const void *p, const char *what, const char *who)
{
    return p ? ND_OK : nd_set_error(ND_EVALUE, "%s: %s is NULL", who, what);
}

/* nomask: NULL with the error state clear, so that a caller can tell it from a failure
 * by nd_last_error() (a failure always sets it). */
static nd_array *nomask(void)
{
    nd_clear_error();
    return NULL;
}

/* _shrink_mask: the bool array itself, or nomask (freed) when nothing is set. */
static nd_array *shrink(nd_array *mask)
{
    bool set = false;
    if (!mask || ma__any(mask, &set) < 0) {
        nd_free(mask);
        return NULL;
    }
    if (set)
        return mask;
    nd_free(mask);
    return nomask();
}

/* A value given as a double as the fill value of dtype dt, as NumPy's
 * np.array(value, dtype=dt): truncated toward zero for integers, nonzero → True for
 * bool. NaN, infinities and values outside the integer type's range are ND_EVALUE
 * (NumPy raises for the first two and wraps the last with a DeprecationWarning). */
static nd_status value_fill(nd_dtype dt, double value, nd_scalar *out, const char *who)
{
    if (nd_dtype_is_integer(dt) && isfinite(value))
        value = trunc(value);
    return ma__fill_check(dt, ND_F64(value), out, who);
}

/* ---- masks ---------------------------------------------------------------------------- */
nd_array *nd_ma_make_mask(const nd_array *m, bool shrink_it)
{
    static const char who[] = "nd_ma_make_mask";
    if (need(m, "array", who) < 0)
        return NULL;
    /* bool(x) per element: nonzero (NaN included) is true, as np.array(m, dtype=bool). */
    nd_array *b = nd_astype(m, ND_BOOL, ND_CAST_UNSAFE);
    return shrink_it ? shrink(b) : b;
}

nd_array *nd_ma_mask_or(const nd_array *m1, const nd_array *m2, bool shrink_it)
{
    static const char who[] = "nd_ma_mask_or";
    if (!m1 && !m2)
        return nomask();
    if (!m1 || !m2)
        return nd_ma_make_mask(m1 ? m1 : m2, shrink_it);
    if (nd_dtype_of(m1) != nd_dtype_of(m2))
        return ND_FAIL(ND_EDTYPE, "%s: incompatible dtypes %s and %s", who,
                       nd_dtype_name(nd_dtype_of(m1)), nd_dtype_name(nd_dtype_of(m2)));
    int nds[2] = { nd_ndim(m1), nd_ndim(m2) }, nd;
    const ptrdiff_t *shapes[2] = { nd_shape(m1), nd_shape(m2) };
    ptrdiff_t out[ND_MAXDIMS];
    if (nd_broadcast_shapes(2, nds, shapes, &nd, out) < 0) {
        char s1[256], s2[256];
        nd__shape_str(s1, sizeof s1, nds[0], shapes[0]);
        nd__shape_str(s2, sizeof s2, nds[1], shapes[1]);
        return ND_FAIL(ND_ESHAPE, "%s: masks of shapes %s and %s do not broadcast together", who,
                       s1, s2);
    }
    nd_array *r = nd_logical_or(m1, m2);
    return shrink_it ? shrink(r) : r;
}

/* ---- masked arrays from a condition ----------------------------------------------------- */
/* A copy of a's data masked where `cond` (a new bool array of a's shape, taken over):
 * nomask when shrink_it and nothing is set; fill NULL → the default. */
static nd_marray *masked_copy(const nd_array *a, nd_array *cond, bool shrink_it,
                              const nd_scalar *fill, const char *who)
{
    if (!cond)
        return NULL;
    if (shrink_it && !(cond = shrink(cond)) && nd_last_error() < 0)
        return NULL;
    return ma__wrap(nd_copy(a, ND_ORDER_K), cond, fill, false, who);
}

nd_marray *nd_ma_masked_where(const nd_array *condition, const nd_array *a)
{
    static const char who[] = "nd_ma_masked_where";
    if (need(condition, "condition", who) < 0 || need(a, "array", who) < 0)
        return NULL;
    /* NumPy: a 0-d condition applies to every element, any other must have a's shape
     * (IndexError there, no broadcasting). */
    int nc = nd_ndim(condition);
    if (nc > 0 && (nc != nd_ndim(a) ||
                   memcmp(nd_shape(condition), nd_shape(a), sizeof(ptrdiff_t) * (size_t)nc) != 0)) {
        char s1[256], s2[256];
        nd__shape_str(s1, sizeof s1, nc, nd_shape(condition));
        nd__shape_str(s2, sizeof s2, nd_ndim(a), nd_shape(a));
        return ND_FAIL(ND_ESHAPE, "%s: condition of shape %s does not match the array's shape %s",
                       who, s1, s2);
    }
    nd_array *cond = nd_ma_make_mask(condition, false);
    if (cond && nc == 0 && nd_ndim(a) > 0) {
        nd_array *full = nd_full(nd_ndim(a), nd_shape(a), ND_BOOL, ND_BOOL_S(nd_item_bool(cond)));
        nd_free(cond);
        cond = full;
    }
    return masked_copy(a, cond, true, NULL, who);
}

nd_marray *nd_ma_masked_invalid(const nd_array *a)
{
    static const char who[] = "nd_ma_masked_invalid";
    if (need(a, "array", who) < 0)
        return NULL;
    nd_array *cond = nd_isfinite(a);
    if (cond && nd_logical_not_into(cond, cond) < 0) {
        nd_free(cond);
        return NULL;
    }
    /* Never nomask (NumPy 1.24, gh-22842: matplotlib relies on a full mask). */
    return masked_copy(a, cond, false, NULL, who);
}

/* masked_where(f(a, value), a): f one of the comparisons. */
static nd_marray *masked_cmp(const nd_array *a, nd_ufunc f, double value, const char *who)
{
    if (need(a, "array", who) < 0)
        return NULL;
    return masked_copy(a, nd_ufunc2_(f, nd_op_array(a), nd_op_f64(value), NULL), true, NULL, who);
}

nd_marray *nd_ma_masked_equal(const nd_array *a, double value)
{
    static const char who[] = "nd_ma_masked_equal";
    nd_scalar fill;
    if (need(a, "array", who) < 0 || value_fill(nd_dtype_of(a), value, &fill, who) < 0)
        return NULL;
    nd_marray *m = masked_cmp(a, ND_UF_EQUAL, value, who);
    if (m)
        m->fill = fill;
    return m;
}

nd_marray *nd_ma_masked_not_equal(const nd_array *a, double value)
{ return masked_cmp(a, ND_UF_NOT_EQUAL, value, "nd_ma_masked_not_equal"); }
nd_marray *nd_ma_masked_greater(const nd_array *a, double value)
{ return masked_cmp(a, ND_UF_GREATER, value, "nd_ma_masked_greater"); }
nd_marray *nd_ma_masked_greater_equal(const nd_array *a, double value)
{ return masked_cmp(a, ND_UF_GREATER_EQUAL, value, "nd_ma_masked_greater_equal"); }
nd_marray *nd_ma_masked_less(const nd_array *a, double value)
{ return masked_cmp(a, ND_UF_LESS, value, "nd_ma_masked_less"); }
nd_marray *nd_ma_masked_less_equal(const nd_array *a, double value)
{ return masked_cmp(a, ND_UF_LESS_EQUAL, value, "nd_ma_masked_less_equal"); }

/* inside: v1 <= a <= v2 (lo_op GREATER_EQUAL, hi_op LESS_EQUAL, joined by AND);
 * outside: a < v1 or a > v2 (LESS, GREATER, OR). The bounds are sorted first, as NumPy. */
static nd_marray *masked_range(const nd_array *a, double v1, double v2, nd_ufunc lo_op,
                               nd_ufunc hi_op, nd_ufunc join, const char *who)
{
    if (need(a, "array", who) < 0)
        return NULL;
    if (v2 < v1) {
        double t = v1;
        v1 = v2;
        v2 = t;
    }
    nd_array *lo = nd_ufunc2_(lo_op, nd_op_array(a), nd_op_f64(v1), NULL);
    nd_array *hi = lo ? nd_ufunc2_(hi_op, nd_op_array(a), nd_op_f64(v2), NULL) : NULL;
    bool ok = hi && nd_ufunc2_into_(join, lo, nd_op_array(lo), nd_op_array(hi), NULL) == ND_OK;
    nd_free(hi);
    if (!ok) {
        nd_free(lo);
        return NULL;
    }
    return masked_copy(a, lo, true, NULL, who);
}

nd_marray *nd_ma_masked_inside(const nd_array *a, double v1, double v2)
{
    return masked_range(a, v1, v2, ND_UF_GREATER_EQUAL, ND_UF_LESS_EQUAL, ND_UF_LOGICAL_AND,
                        "nd_ma_masked_inside");
}

nd_marray *nd_ma_masked_outside(const nd_array *a, double v1, double v2)
{
    return masked_range(a, v1, v2, ND_UF_LESS, ND_UF_GREATER, ND_UF_LOGICAL_OR,
                        "nd_ma_masked_outside");
}

nd_marray *nd_ma_masked_values(const nd_array *a, double value, double rtol, double atol,
                               bool shrink_it)
{
    static const char who[] = "nd_ma_masked_values";
    nd_scalar fill;
    if (need(a, "array", who) < 0 || value_fill(nd_dtype_of(a), value, &fill, who) < 0)
        return NULL;
    /* Real floats compare with isclose; integers, bool and complex exactly (NumPy tests
     * issubdtype(floating)). */
    nd_array *cond = nd_dtype_is_float(nd_dtype_of(a))
                         ? nd_isclose(a, value, rtol, atol, false)
                         : nd_equal(a, value);
    return masked_copy(a, cond, shrink_it, &fill, who);
}

/* ---- all masked ------------------------------------------------------------------------- */
nd_marray *nd_ma_masked_all(int ndim, const ptrdiff_t *shape, nd_dtype dt)
{
    static const char who[] = "nd_ma_masked_all";
    if (!nd_dtype_is_numeric((int)dt))
        return ND_FAIL(ND_EDTYPE, "%s: invalid dtype %d", who, (int)dt);
    if (ndim > 0 && need(shape, "shape", who) < 0)
        return NULL;
    /* NumPy leaves the data uninitialised (np.empty); zeros make it reproducible. */
    nd_array *d = nd_zeros(ndim, shape, dt);
    if (!d)
        return NULL;
    return ma__wrap(d, nd_ones(ndim, shape, ND_BOOL), NULL, false, who);
}

nd_marray *nd_ma_masked_all_like(const nd_array *a)
{
    if (need(a, "array", "nd_ma_masked_all_like") < 0)
        return NULL;
    return nd_ma_masked_all(nd_ndim(a), nd_shape(a), nd_dtype_of(a));
}

/* ---- fix_invalid ------------------------------------------------------------------------- */
nd_marray *nd_ma_fix_invalid(const nd_marray *a)
{
    static const char who[] = "nd_ma_fix_invalid";
    if (ma__check(a, who) < 0)
        return NULL;
    nd_marray *m = nd_ma_copy(a);
    if (!m)
        return NULL;
    nd_array *bad = nd_isfinite(m->data), *fill = NULL;
    if (!bad || nd_logical_not_into(bad, bad) < 0)
        goto fail;
    bool any;
    if (ma__any(bad, &any) < 0)
        goto fail;
    if (!any) {
        nd_free(bad); /* nothing invalid: the copy as it is */
        return m;
    }
    /* The invalid elements (only those) get the fill value, then mask |= invalid. */
    if (!(fill = nd_full(0, NULL, nd_dtype_of(m->data), m->fill)) ||
        nd_putmask(m->data, bad, fill) < 0)
        goto fail;
    nd_free(fill);
    if (m->mask) {
        nd_status st = nd_logical_or_into(m->mask, m->mask, bad);
        nd_free(bad);
        if (st < 0) {
            nd_ma_free(m);
            return NULL;
        }
        return m;
    }
    nd__scope_detach(bad);
    m->mask = bad;
    return m;
fail:
    nd_free(fill);
    nd_free(bad);
    nd_ma_free(m);
    return NULL;
}
