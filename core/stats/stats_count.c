/* numpy.bincount and numpy.digitize. */
#include <math.h>
#include <string.h>

#include "stats_internal.h"

nd_array *nd_bincount(const nd_array *x, const nd_array *weights, ptrdiff_t minlength)
{
    const char *who = "nd_bincount";
    if (!x) return ND_FAIL(ND_EVALUE, "%s: NULL array", who);
    if (x->ndim != 1)
        return ND_FAIL(ND_EVALUE, "%s: object too deep for desired array (x must be 1-D, got "
                       "%d dimensions)", who, x->ndim);
    if (!nd_dtype_is_integer(x->dtype) && x->dtype != ND_BOOL)
        return ND_FAIL(ND_EDTYPE, "%s: Cannot cast array data from dtype('%s') to "
                       "dtype('int64') according to the rule 'safe'", who,
                       nd_dtype_name(x->dtype));
    if (x->dtype == ND_UINT64)
        return ND_FAIL(ND_EDTYPE, "%s: Cannot cast array data from dtype('uint64') to "
                       "dtype('int64') according to the rule 'safe'", who);
    if (minlength < 0) return ND_FAIL(ND_EVALUE, "%s: minlength must not be negative", who);
    if (weights && (weights->ndim != 1 || weights->shape[0] != x->shape[0]))
        return ND_FAIL(ND_ESHAPE, "%s: The weights and list don't have the same length.", who);
    if (weights && nd_dtype_is_complex(weights->dtype))
        return ND_FAIL(ND_EDTYPE, "%s: complex weights are not supported", who);
    ptrdiff_t n = x->shape[0];
    int64_t *v = nd__malloc_n((n > 0 ? n : 1), sizeof *v, who);
    double *w = weights ? nd__malloc_n((n > 0 ? n : 1), sizeof *w, who) : NULL;
    nd_array *out = NULL;
    if (!v || (weights && !w)) goto done;
    if (nd__need_numeric(x->dtype, who) < 0 || nd_to_buffer(x, v, ND_INT64) < 0) goto done;
    if (w && (nd__need_numeric(weights->dtype, who) < 0 || nd_to_f64(weights, w) < 0)) goto done;
    int64_t mx = -1;
    for (ptrdiff_t i = 0; i < n; i++) {
        if (v[i] < 0) {
            nd_set_error(ND_EVALUE, "%s: 'list' argument must have no negative elements "
                      "(x[%td] = %lld)", who, i, (long long)v[i]);
            goto done;
        }
        if (v[i] > mx) mx = v[i];
    }
    if (mx >= PTRDIFF_MAX / 8) {
        nd_set_error(ND_ENOMEM, "%s: the largest value %lld asks for %lld bins, more than "
                     "can be allocated", who, (long long)mx, (long long)mx + (mx < INT64_MAX));
        goto done;
    }
    ptrdiff_t len = (ptrdiff_t)mx + 1 > minlength ? (ptrdiff_t)mx + 1 : minlength;
    out = nd__alloc(1, &len, w ? ND_FLOAT64 : ND_INT64, false, who);
    if (!out) goto done;
    memset(out->data, 0, (size_t)len * 8);
    if (w) {
        double *o = (double *)out->data;
        for (ptrdiff_t i = 0; i < n; i++) o[v[i]] += w[i];
    } else {
        int64_t *o = (int64_t *)out->data;
        for (ptrdiff_t i = 0; i < n; i++) o[v[i]]++;
    }
done:
    nd_free_mem(v);
    nd_free_mem(w);
    return out;
}

/* NaN sorts after everything, as in NumPy's searchsorted. */
static inline bool lt(double a, double b) { return a < b || (isnan(b) && !isnan(a)); }

/* first index with b[i] > x (right) or b[i] >= x (left) in ascending b */
static ptrdiff_t search(const double *b, ptrdiff_t n, double x, bool right)
{
    ptrdiff_t lo = 0, hi = n;
    while (lo < hi) {
        ptrdiff_t mid = lo + (hi - lo) / 2;
        bool go_right = right ? !lt(x, b[mid]) : lt(b[mid], x);
        if (go_right)
            lo = mid + 1;
        else
            hi = mid;
    }
    return lo;
}

nd_array *nd_digitize(const nd_array *x, const nd_array *bins, bool right)
{
    const char *who = "nd_digitize";
    if (!x || !bins) return ND_FAIL(ND_EVALUE, "%s: NULL argument", who);
    if (nd_dtype_is_complex(x->dtype) || nd_dtype_is_complex(bins->dtype))
        return ND_FAIL(ND_EDTYPE, "%s: x may not be complex", who);
    if (bins->ndim != 1) return ND_FAIL(ND_EVALUE, "%s: bins must be 1-dimensional", who);
    ptrdiff_t nb = bins->shape[0];
    double *b = nd__malloc_n((nb > 0 ? nb : 1), sizeof *b, who);
    double *xv = nd__malloc_n((x->size > 0 ? x->size : 1), sizeof *xv, who);
    nd_array *out = NULL;
    if (!b || !xv) goto done;
    if (nd__need_numeric(bins->dtype, who) < 0 || nd__need_numeric(x->dtype, who) < 0 ||
        nd_to_f64(bins, b) < 0 || nd_to_f64(x, xv) < 0)
        goto done;
    bool inc = true, dec = true;
    for (ptrdiff_t i = 0; i + 1 < nb; i++) {
        if (b[i] > b[i + 1]) inc = false;
        if (b[i] < b[i + 1]) dec = false;
    }
    if (!inc && !dec) {
        nd_set_error(ND_EVALUE, "%s: bins must be monotonically increasing or decreasing", who);
        goto done;
    }
    out = nd__alloc(x->ndim, x->shape, ND_INT64, false, who);
    if (!out) goto done;
    int64_t *o = (int64_t *)out->data;
    if (inc) {
        for (ptrdiff_t i = 0; i < x->size; i++) o[i] = search(b, nb, xv[i], !right);
    } else {
        /* reverse the bins and count from the other end */
        for (ptrdiff_t i = 0; i < nb / 2; i++) {
            double t = b[i];
            b[i] = b[nb - 1 - i];
            b[nb - 1 - i] = t;
        }
        for (ptrdiff_t i = 0; i < x->size; i++) o[i] = nb - search(b, nb, xv[i], !right);
    }
done:
    nd_free_mem(b);
    nd_free_mem(xv);
    return out;
}
