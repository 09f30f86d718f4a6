/* in1d / isin with NumPy's options, setdiff1d / setxor1d with assume_unique, msort and
 * sort_complex. Membership is equality (NumPy's `==`): NaN is never found. */
#include <numc/manip.h>
#include <numc/sort.h>

#include <string.h>

#include "internal.h"
#include "sort_kernels.h"

/* An element of type t that holds a NaN (in either part when complex). */
static bool has_nan(const char *x, nd_dtype t)
{
    switch (t) {
    case ND_FLOAT32: return *(const float *)x != *(const float *)x;
    case ND_FLOAT64: return *(const double *)x != *(const double *)x;
    case ND_COMPLEX64: {
        const float *f = (const float *)x;
        return f[0] != f[0] || f[1] != f[1];
    }
    case ND_COMPLEX128: {
        const double *f = (const double *)x;
        return f[0] != f[0] || f[1] != f[1];
    }
    default: return false;
    }
}

/* x == y as NumPy compares (NaN unequal to everything, -0.0 == 0.0). */
static bool equal(const char *x, const char *y, nd_dtype t)
{
    if (has_nan(x, t) || has_nan(y, t)) return false;
    bool (*less)(const void *, const void *) = nd__sort_kernels[t].less;
    return !less(x, y) && !less(y, x);
}

/* A 1-D C-contiguous copy of a's elements (C order) as dtype t, sorted when `sort`. */
static nd_array *flat_as(const nd_array *a, nd_dtype t, bool sort)
{
    ptrdiff_t n = a->size;
    nd_array *out = nd_empty(1, &n, t);
    if (!out) return NULL;
    nd_array *view = nd_reshape(out, a->ndim, a->shape);
    nd_status st = view ? nd__copy_into(view, a) : nd_last_error();
    nd_free(view);
    if (st >= 0 && sort) st = nd_sort_inplace(out, 0, ND_SORT_QUICK);
    if (st < 0) {
        nd_free(out);
        return NULL;
    }
    return out;
}

/* Membership of each element of ar1 (C order) in ar2: bool array of ar1's shape. */
static nd_array *member(const nd_array *ar1, const nd_array *ar2, bool invert, const char *who)
{
    if (!ar1 || !ar2) return ND_FAIL(ND_EVALUE, "%s: arguments must not be NULL", who);
    /* string arrays (core/strings) */
    if (nd_dtype_is_string(ar1->dtype) || nd_dtype_is_string(ar2->dtype))
        return nd__str_isin(ar1, ar2, invert, who);
    nd_dtype t = nd_result_type(ar1->dtype, ar2->dtype);
    if (nd__need_numeric(ar1->dtype, who) < 0 || nd__need_numeric(ar2->dtype, who) < 0 ||
        nd__need_numeric(t, who) < 0)
        return NULL;
    nd_array *e = flat_as(ar1, t, false), *s = e ? flat_as(ar2, t, true) : NULL;
    nd_array *out = s ? nd_empty(ar1->ndim, ar1->shape, ND_BOOL) : NULL;
    if (out) {
        bool (*less)(const void *, const void *) = nd__sort_kernels[t].less;
        size_t isz = nd_dtype_size(t);
        bool *o = (bool *)out->data;
        for (ptrdiff_t i = 0; i < e->size; i++) {
            const char *x = e->data + (size_t)i * isz;
            bool found = false;
            if (!has_nan(x, t)) {
                ptrdiff_t lo = 0, hi = s->size; /* first element not less than x */
                while (lo < hi) {
                    ptrdiff_t mid = lo + (hi - lo) / 2;
                    if (less(s->data + (size_t)mid * isz, x)) lo = mid + 1;
                    else hi = mid;
                }
                found = lo < s->size && equal(s->data + (size_t)lo * isz, x, t);
            }
            o[i] = found != invert;
        }
    }
    nd_free(e);
    nd_free(s);
    return out;
}

nd_array *nd_in1d_(const nd_array *ar1, const nd_array *ar2, const nd_setop_opts *o)
{
    if (!ar1 || !ar2) return ND_FAIL(ND_EVALUE, "nd_in1d: arguments must not be NULL");
    nd_array *m = member(ar1, ar2, o && o->invert, "nd_in1d");
    if (!m) return NULL;
    ptrdiff_t n = m->size;
    nd_array *r = nd_reshape(m, 1, &n);
    nd_free(m);
    return r;
}

nd_array *nd_isin_(const nd_array *element, const nd_array *test, const nd_setop_opts *o)
{
    return member(element, test, o && o->invert, "nd_isin");
}

/* Elements of the flattened a where mask (1-D bool of a's size) is true, in order. */
static nd_array *keep(const nd_array *a, const nd_array *mask)
{
    ptrdiff_t k = 0, n = a->size;
    const bool *m = (const bool *)mask->data;
    for (ptrdiff_t i = 0; i < n; i++) k += m[i];
    nd_array *flat = flat_as(a, a->dtype, false);
    nd_array *out = flat ? nd_empty(1, &k, a->dtype) : NULL;
    if (out) {
        size_t isz = nd_dtype_size(a->dtype);
        for (ptrdiff_t i = 0, j = 0; i < n; i++)
            if (m[i]) memcpy(out->data + (size_t)j++ * isz, flat->data + (size_t)i * isz, isz);
    }
    nd_free(flat);
    return out;
}

/* a's sorted unique values, or a new reference to a itself when the caller vouches for it. */
static nd_array *unique_of(const nd_array *a, bool assume_unique)
{
    return assume_unique ? nd_ref(a) : nd_unique(a);
}

nd_array *nd_setdiff1d_(const nd_array *ar1, const nd_array *ar2, const nd_setop_opts *o)
{
    if (!ar1 || !ar2) return ND_FAIL(ND_EVALUE, "nd_setdiff1d: arguments must not be NULL");
    bool assume_unique = o && o->assume_unique;
    nd_array *u = unique_of(ar1, assume_unique);
    nd_array *m = u ? member(u, ar2, true, "nd_setdiff1d") : NULL;
    nd_array *out = m ? keep(u, m) : NULL;
    nd_free(u);
    nd_free(m);
    return out;
}

nd_array *nd_setxor1d_(const nd_array *ar1, const nd_array *ar2, const nd_setop_opts *o)
{
    if (!ar1 || !ar2) return ND_FAIL(ND_EVALUE, "nd_setxor1d: arguments must not be NULL");
    bool assume_unique = o && o->assume_unique;
    nd_array *u1 = unique_of(ar1, assume_unique);
    nd_array *u2 = u1 ? unique_of(ar2, assume_unique) : NULL;
    nd_array *f1 = NULL, *f2 = NULL, *aux = NULL, *out = NULL;
    if (!u2) goto done;
    nd_dtype t = nd_result_type(ar1->dtype, ar2->dtype);
    if (nd__need_numeric(ar1->dtype, "nd_setxor1d") < 0 || nd__need_numeric(ar2->dtype, "nd_setxor1d") < 0 ||
        nd__need_numeric(t, "nd_setxor1d") < 0)
        goto done;
    if (!(f1 = flat_as(u1, t, false)) || !(f2 = flat_as(u2, t, false)))
        goto done;
    if (!(aux = nd_concatenate(ND_ARRAYS(f1, f2), 0)) || nd_sort_inplace(aux, 0, ND_SORT_QUICK) < 0) goto done;
    /* Keep an element that differs from both neighbours. */
    ptrdiff_t n = aux->size, k = 0;
    size_t isz = nd_dtype_size(t);
    char *d = aux->data;
    for (ptrdiff_t i = 0; i < n; i++) {
        bool lone = (i == 0 || !equal(d + (size_t)(i - 1) * isz, d + (size_t)i * isz, t)) &&
                    (i + 1 == n || !equal(d + (size_t)i * isz, d + (size_t)(i + 1) * isz, t));
        if (lone) {
            if (k != i) memmove(d + (size_t)k * isz, d + (size_t)i * isz, isz);
            k++;
        }
    }
    nd_array *cut = nd_sel(aux, ND_SLICE(0, k, 1));
    out = cut ? nd_copy(cut, ND_ORDER_C) : NULL;
    nd_free(cut);
done:
    nd_free(u1);
    nd_free(u2);
    nd_free(f1);
    nd_free(f2);
    nd_free(aux);
    return out;
}

nd_array *nd_msort(const nd_array *a)
{
    if (!a) return ND_FAIL(ND_EVALUE, "nd_msort: array is NULL");
    if (a->ndim == 0) return ND_FAIL(ND_EAXIS, "nd_msort: axis 0 is out of bounds for array of dimension 0");
    return nd_sort(a, 0, ND_SORT_QUICK);
}

nd_array *nd_sort_complex(const nd_array *a)
{
    if (!a) return ND_FAIL(ND_EVALUE, "nd_sort_complex: array is NULL");
    if (a->ndim == 0) return ND_FAIL(ND_EAXIS, "nd_sort_complex: axis -1 is out of bounds for array of dimension 0");
    nd_dtype t = a->dtype;
    /* NumPy's rule: int8 / int16 / uint8 / uint16 become complex64, other reals complex128. */
    if (!nd_dtype_is_complex(t))
        t = (t == ND_INT8 || t == ND_INT16 || t == ND_UINT8 || t == ND_UINT16) ? ND_COMPLEX64 : ND_COMPLEX128;
    nd_array *c = nd_astype(a, t, ND_CAST_UNSAFE);
    if (!c) return NULL;
    nd_array *c2 = nd_ascontiguousarray(c);
    nd_free(c);
    if (!c2) return NULL;
    if (nd_sort_inplace(c2, -1, ND_SORT_QUICK) < 0) {
        nd_free(c2);
        return NULL;
    }
    return c2;
}
