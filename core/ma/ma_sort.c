/* numc — masked arrays: sorting (numpy.ma.sort, argsort, unique), polyfit over the valid
 * points, and the runs of masked / valid elements (clump_masked, clump_unmasked,
 * notmasked_contiguous, flatnotmasked_edges). */
#include <math.h>
#include <stdint.h>
#include <string.h>

#include "ma_internal.h"
#include "numc/manip.h"
#include "numc/poly.h"
#include "numc/sort.h"

/* ---- sort / argsort ------------------------------------------------------------------ */

/* What MaskedArray.argsort fills masked elements with: with endwith, NaN for real floats
 * ("nan > inf") and minimum_fill_value (the dtype's largest value, inf+infj for complex)
 * otherwise; without it maximum_fill_value (the smallest value, -inf, -inf-infj). */
static nd_scalar sort_fill(nd_dtype dt, bool endwith)
{
    if (dt == ND_BOOL)
        return ND_BOOL_S(endwith);
    if (dt == ND_FLOAT32 || dt == ND_FLOAT64)
        return ND_F64(endwith ? NAN : -INFINITY);
    if (nd_dtype_is_complex(dt))
        return endwith ? ND_C128(INFINITY, INFINITY) : ND_C128(-INFINITY, -INFINITY);
    nd_iinfo ii;
    if (nd_iinfo_of(dt, &ii) < 0)
        return ND_I64(0);
    if (dt >= ND_UINT8 && dt <= ND_UINT64)
        return ND_U64(endwith ? ii.max : 0);
    return ND_I64(endwith ? (int64_t)ii.max : ii.min);
}

/* The array to sort along *axis: a (new handle) or, for ND_AXIS_NONE, a flattened
 * (C order) view with *axis = 0. ND_EAXIS naming `who` for a bad axis; a 0-d array is
 * sorted as one element only when flattened (argsort's 0-d rule is its caller's). */
static nd_array *sort_operand(const nd_array *a, int *axis, const char *who)
{
    if (*axis == ND_AXIS_NONE) {
        *axis = 0;
        return nd_ravel(a);
    }
    if (nd__norm_axis(axis, nd_ndim(a), who) < 0)
        return NULL;
    return nd_ref(a);
}

/* numpy.ma's argsort of m along axis: m filled as above, then the plain argsort with
 * NumPy's default kind (quicksort, for which small lanes are insertion-sorted, so ties
 * keep their order). A 0-d array argsorts as one element (ndarray.argsort's rule). */
static nd_array *masked_argsort(const nd_marray *m, int axis, bool endwith, const char *who)
{
    nd_scalar fill = sort_fill(nd_dtype_of(m->data), endwith);
    nd_array *filled = nd_ma_filled(m, &fill);
    if (!filled)
        return NULL;
    if (nd_ndim(filled) == 0) {
        nd_array *one = nd_ravel(filled);
        nd_free(filled);
        if (!(filled = one))
            return NULL;
    }
    nd_array *w = sort_operand(filled, &axis, who);
    nd_free(filled);
    if (!w)
        return NULL;
    nd_array *ix = nd_argsort(w, axis, ND_SORT_QUICK);
    nd_free(w);
    return ix;
}

nd_array *nd_ma_argsort(const nd_marray *m, int axis, bool endwith)
{
    if (ma__check(m, "nd_ma_argsort") < 0)
        return NULL;
    return masked_argsort(m, axis, endwith, "nd_ma_argsort");
}

/* The sorted data and mask written back over m's under a hard mask, as MaskedArray's
 * __setitem__ does: the mask becomes m's mask or the sorted mask, and the data keeps m's
 * values where that mask is set. */
static nd_status harden_result(const nd_marray *m, nd_array **data, nd_array **mask)
{
    nd_array *mk = nd_logical_or(m->mask, *mask);
    nd_array *d = mk ? nd_where(mk, m->data, *data) : NULL;
    if (!d) {
        nd_free(mk);
        return nd_last_error();
    }
    nd_free(*data);
    nd_free(*mask);
    *data = d;
    *mask = mk;
    return ND_OK;
}

nd_marray *nd_ma_sort(const nd_marray *m, int axis, bool endwith)
{
    static const char who[] = "nd_ma_sort";
    if (ma__check(m, who) < 0)
        return NULL;
    if (nd_ndim(m->data) == 0 && axis != ND_AXIS_NONE)
        return ND_FAIL(ND_EAXIS, "%s: axis %d is out of bounds for array of dimension 0", who, axis);
    if (!m->mask) {
        nd_array *w = sort_operand(m->data, &axis, who);
        nd_array *s = w ? nd_sort(w, axis, ND_SORT_QUICK) : NULL;
        nd_free(w);
        return ma__wrap(s, NULL, &m->fill, m->hard, who);
    }
    /* numpy.ma.sort flattens first (axis=None), then sorts that copy along axis 0 */
    nd_marray *src = axis == ND_AXIS_NONE ? nd_ma_ravel(m) : nd_ma_ref(m);
    if (!src)
        return NULL;
    if (axis == ND_AXIS_NONE)
        axis = 0;
    nd_array *ix = masked_argsort(src, axis, endwith, who), *d = NULL, *mk = NULL;
    if (ix && (d = nd_take_along_axis(src->data, ix, axis)))
        mk = nd_take_along_axis(src->mask, ix, axis);
    nd_free(ix);
    if (mk && src->hard && harden_result(src, &d, &mk) < 0) {
        nd_free(mk);
        mk = NULL;
    }
    nd_ma_free(src);
    if (!mk) {
        nd_free(d);
        return NULL;
    }
    return ma__wrap(d, mk, &m->fill, m->hard, who);
}

/* ---- unique -------------------------------------------------------------------------- */

/* Element values as nd_get gives them: the array's dtype, the value in the widest member
 * of its kind. */
static bool scalar_isnan(nd_scalar s)
{
    if (nd_dtype_is_complex(s.dtype))
        return isnan(s.v.c[0]) || isnan(s.v.c[1]);
    if (s.dtype == ND_FLOAT32 || s.dtype == ND_FLOAT64)
        return isnan(s.v.f);
    return false;
}

static bool scalar_equal(nd_scalar a, nd_scalar b)
{
    nd_dtype dt = a.dtype;
    if (dt == ND_BOOL)
        return a.v.b == b.v.b;
    if (dt >= ND_UINT8 && dt <= ND_UINT64)
        return a.v.u == b.v.u;
    if (nd_dtype_is_integer(dt))
        return a.v.i == b.v.i;
    if (nd_dtype_is_complex(dt))
        return a.v.c[0] == b.v.c[0] && a.v.c[1] == b.v.c[1];
    return a.v.f == b.v.f;
}

/* numpy.ma.unique is numpy.unique run on a masked array: the flattened array sorted
 * (masked last), then every element that differs from the one before it, where masked
 * != masked compares the masks (so a run of masked elements is one) and valid values
 * compare by value. NaNs are one value only when nothing is masked: with a masked
 * element last, NumPy's equal_nan test on the last element does not fire, and valid NaNs
 * (which tie with the masked elements' NaN fill) stay apart. */
nd_marray *nd_ma_unique(const nd_marray *m)
{
    static const char who[] = "nd_ma_unique";
    if (ma__check(m, who) < 0)
        return NULL;
    nd_marray *s = nd_ma_sort(m, ND_AXIS_NONE, true);
    if (!s)
        return NULL;
    ptrdiff_t n = nd_size(s->data);
    nd_array *keep = nd_empty(1, &n, ND_BOOL);
    if (!keep) {
        nd_ma_free(s);
        return NULL;
    }
    bool *k = nd_data(keep);
    const bool *mk = s->mask ? nd_data(s->mask) : NULL;
    bool collapse_nan = !mk || n == 0 || !mk[n - 1];
    nd_scalar prev = { 0 }, cur;
    for (ptrdiff_t i = 0; i < n; i++) {
        if (nd_get_flat(s->data, i, &cur) < 0) { /* elements an nd_scalar cannot hold (strings) */
            nd_free(keep);
            nd_ma_free(s);
            return NULL;
        }
        if (i == 0)
            k[i] = true;
        else if (mk && (mk[i] || mk[i - 1]))
            k[i] = mk[i] != mk[i - 1];
        else
            k[i] = !scalar_equal(cur, prev) && !(collapse_nan && scalar_isnan(cur) && scalar_isnan(prev));
        prev = cur;
    }
    nd_array *d = nd_mask_select(s->data, keep);
    nd_array *um = d && s->mask ? nd_mask_select(s->mask, keep) : NULL;
    nd_free(keep);
    nd_marray *out = NULL;
    if (d && (um || !s->mask))
        out = ma__wrap(d, um, &m->fill, m->hard, who);
    else
        nd_free(d);
    nd_ma_free(s);
    return out;
}

/* ---- polyfit ------------------------------------------------------------------------- */

nd_array *nd_ma_polyfit(const nd_marray *x, const nd_marray *y, int deg)
{
    static const char who[] = "nd_ma_polyfit";
    if (ma__check(x, who) < 0 || ma__check(y, who) < 0)
        return NULL;
    if (nd_ndim(x->data) != 1 || nd_ndim(y->data) != 1)
        return ND_FAIL(ND_ESHAPE, "%s: x and y must be 1-d, got %d-d and %d-d", who,
                       nd_ndim(x->data), nd_ndim(y->data));
    if (nd_size(x->data) != nd_size(y->data))
        return ND_FAIL(ND_EVALUE, "%s: x and y have different lengths (%td and %td)", who,
                       nd_size(x->data), nd_size(y->data));
    if (deg < 0)
        return ND_FAIL(ND_EVALUE, "%s: expected deg >= 0, got %d", who, deg);
    if (!x->mask && !y->mask)
        return nd_polyfit(x->data, y->data, deg);
    nd_array *bad = !x->mask ? nd_ref(y->mask) : !y->mask ? nd_ref(x->mask)
                    : nd_logical_or(x->mask, y->mask);
    nd_array *valid = bad ? nd_logical_not(bad) : NULL;
    nd_free(bad);
    if (!valid)
        return NULL;
    nd_array *xs = nd_mask_select(x->data, valid);
    nd_array *ys = xs ? nd_mask_select(y->data, valid) : NULL;
    nd_free(valid);
    nd_array *c = NULL;
    if (ys && nd_size(xs) == 0)
        nd_set_error(ND_EVALUE, "%s: every point is masked (expected non-empty vector for x)", who);
    else if (ys)
        c = nd_polyfit(xs, ys, deg);
    nd_free(xs);
    nd_free(ys);
    return c;
}

/* ---- runs of masked / valid elements ------------------------------------------------- */

/* The [start, stop) runs of the flattened (C order) mask equal to `masked`, as a (k, 2)
 * int64 array. NumPy's nomask counts as nothing masked, except that the valid runs of an
 * empty nomask array are the one slice(0, 0) NumPy returns. */
static nd_array *runs(const nd_marray *m, bool masked, const char *who)
{
    if (ma__check(m, who) < 0)
        return NULL;
    ptrdiff_t n = nd_size(m->data);
    if (!m->mask) {
        bool whole = !masked;
        ptrdiff_t shape[2] = { whole ? 1 : 0, 2 };
        nd_array *out = nd_empty(2, shape, ND_INT64);
        if (out && whole)
            ((int64_t *)nd_data(out))[0] = 0, ((int64_t *)nd_data(out))[1] = n;
        return out;
    }
    nd_array *flat = nd_ravel(m->mask);
    nd_array *c = flat ? nd_ascontiguousarray(flat) : NULL;
    nd_free(flat);
    if (!c)
        return NULL;
    const bool *mk = nd_data(c);
    ptrdiff_t k = 0;
    for (ptrdiff_t i = 0; i < n; i++)
        k += mk[i] == masked && (i == 0 || mk[i - 1] != masked);
    ptrdiff_t shape[2] = { k, 2 };
    nd_array *out = nd_empty(2, shape, ND_INT64);
    if (out) {
        int64_t *r = nd_data(out);
        for (ptrdiff_t i = 0; i < n; i++) {
            if (mk[i] == masked && (i == 0 || mk[i - 1] != masked))
                *r++ = i;
            if (mk[i] == masked && (i == n - 1 || mk[i + 1] != masked))
                *r++ = i + 1;
        }
    }
    nd_free(c);
    return out;
}

nd_array *nd_ma_clump_masked(const nd_marray *m) { return runs(m, true, "nd_ma_clump_masked"); }
nd_array *nd_ma_clump_unmasked(const nd_marray *m) { return runs(m, false, "nd_ma_clump_unmasked"); }
nd_array *nd_ma_notmasked_contiguous(const nd_marray *m)
{
    return runs(m, false, "nd_ma_notmasked_contiguous");
}

nd_status nd_ma_flatnotmasked_edges(const nd_marray *m, ptrdiff_t *first, ptrdiff_t *last)
{
    static const char who[] = "nd_ma_flatnotmasked_edges";
    if (ma__check(m, who) < 0)
        return nd_last_error();
    if (!first || !last)
        return nd_set_error(ND_EVALUE, "%s: output pointer is NULL", who);
    ptrdiff_t n = nd_size(m->data);
    /* nothing masked: NumPy answers [0, size - 1], even for an empty array */
    *first = 0;
    *last = n - 1;
    if (!m->mask)
        return ND_OK;
    nd_array *valid = nd_ma_clump_unmasked(m);
    if (!valid)
        return nd_last_error();
    ptrdiff_t k = nd_shape(valid)[0];
    const int64_t *r = nd_data(valid);
    if (k > 0) {
        *first = (ptrdiff_t)r[0];
        *last = (ptrdiff_t)r[2 * k - 1] - 1;
    } else if (n > 0) {
        *first = *last = -1;
    }
    nd_free(valid);
    return ND_OK;
}
