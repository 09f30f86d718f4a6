/* norm (vector and matrix orders) and cond. Absolute values are gathered per vector or per
 * matrix into a double workspace; singular-value orders go through the SVD. */
#include "la_internal.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

typedef enum ord_kind { ORD_NONE, ORD_FRO, ORD_NUC, ORD_NUM } ord_kind;

static nd_status parse_ord(const char *s, ord_kind *kind, double *p, const char *who)
{
    *p = 0;
    if (!s) {
        *kind = ORD_NONE;
        return ND_OK;
    }
    if (!strcmp(s, "fro") || !strcmp(s, "f")) {
        *kind = ORD_FRO;
        return ND_OK;
    }
    if (!strcmp(s, "nuc")) {
        *kind = ORD_NUC;
        return ND_OK;
    }
    char *end;
    *p = strtod(s, &end);
    while (*end == ' ') end++;
    if (end == s || *end || *p != *p)
        return nd_set_error(ND_EVALUE, "%s: invalid norm order '%s'", who, s);
    *kind = ORD_NUM;
    return ND_OK;
}

/* Reduce n absolute values with a vector order (p == 2 also for ORD_NONE). */
static double vec_reduce(const double *v, ptrdiff_t n, ord_kind kind, double p)
{
    double acc = 0;
    if (kind == ORD_NONE || (kind == ORD_NUM && p == 2)) {
        for (ptrdiff_t i = 0; i < n; i++) acc += v[i] * v[i];
        return sqrt(acc);
    }
    if (isinf(p)) {
        acc = n ? v[0] : (p > 0 ? 0 : INFINITY);
        for (ptrdiff_t i = 1; i < n; i++) acc = p > 0 ? (v[i] > acc ? v[i] : acc) : (v[i] < acc ? v[i] : acc);
        return acc;
    }
    if (p == 0) {
        for (ptrdiff_t i = 0; i < n; i++) acc += v[i] != 0;
        return acc;
    }
    if (p == 1) {
        for (ptrdiff_t i = 0; i < n; i++) acc += v[i];
        return acc;
    }
    for (ptrdiff_t i = 0; i < n; i++) acc += pow(v[i], p);
    return pow(acc, 1.0 / p);
}

/* |x| of an m×n matrix (byte strides rs, cs) into column-major doubles. */
static void load_abs(double *dst, const char *src, nd_dtype t, ptrdiff_t rs, ptrdiff_t cs,
                     ptrdiff_t m, ptrdiff_t n, double *tmp)
{
    if (nd_dtype_is_complex(t)) {
        la_load(tmp, ND_COMPLEX128, m, src, t, rs, cs, m, n);
        for (ptrdiff_t i = 0; i < m * n; i++) dst[i] = hypot(tmp[2 * i], tmp[2 * i + 1]);
    } else {
        la_load(dst, ND_FLOAT64, m, src, t, rs, cs, m, n);
        for (ptrdiff_t i = 0; i < m * n; i++) dst[i] = fabs(dst[i]);
    }
}

/* Matrix norm of one matrix for the orders that need no SVD. */
static double mat_reduce(const double *v, ptrdiff_t m, ptrdiff_t n, ord_kind kind, double p)
{
    if (kind == ORD_NONE || kind == ORD_FRO) return vec_reduce(v, m * n, ORD_NONE, 2);
    bool cols = fabs(p) == 1; /* 1: max column sum; inf: max row sum */
    ptrdiff_t outer = cols ? n : m, inner = cols ? m : n;
    double best = p > 0 ? -INFINITY : INFINITY;
    for (ptrdiff_t o = 0; o < outer; o++) {
        double s = 0;
        for (ptrdiff_t i = 0; i < inner; i++) s += cols ? v[o * m + i] : v[i * m + o];
        best = p > 0 ? (s > best ? s : best) : (s < best ? s : best);
    }
    if (outer == 0) best = 0;
    return best;
}

/* Norm over the last `core` axes of y (already moved there); result shape: y's leading
 * axes, dtype float64. */
static nd_array *norm_core(const nd_array *y, int core, ord_kind kind, double p, const char *who)
{
    if (nd__need_numeric(y->dtype, who) < 0) return NULL; /* the numeric loads below */
    la_stack st;
    la_stack_of(&st, y, core);
    nd_array *r = la_alloc(&st, 0, NULL, ND_FLOAT64, who);
    if (!r) return NULL;
    double *out = (double *)r->data;
    if (core == 2 && (kind == ORD_NUC || (kind == ORD_NUM && fabs(p) == 2))) {
        nd_array *s = la_svdvals(y, who);
        if (!s) goto fail;
        ptrdiff_t k = s->shape[s->ndim - 1];
        nd_array *sd = la_ccopy(s, ND_FLOAT64, who);
        nd_free(s);
        if (!sd) goto fail;
        for (ptrdiff_t i = 0; i < st.count; i++) {
            const double *sv = (const double *)sd->data + i * k;
            double acc = 0;
            if (kind == ORD_NUC)
                for (ptrdiff_t j = 0; j < k; j++) acc += sv[j];
            else
                acc = k == 0 ? 0 : p > 0 ? sv[0] : sv[k - 1];
            out[i] = acc;
        }
        nd_free(sd);
        return r;
    }
    if (core == 2 && kind == ORD_NUM && !isinf(p) && fabs(p) != 1) {
        nd_set_error(ND_EVALUE, "%s: invalid norm order %g for matrices", who, p);
        goto fail;
    }
    ptrdiff_t m = y->shape[y->ndim - core], n = core == 2 ? y->shape[y->ndim - 1] : 1;
    ptrdiff_t rs = y->strides[y->ndim - core], cs = core == 2 ? y->strides[y->ndim - 1] : 0;
    double *v = nd_malloc(sizeof(double) * (size_t)MAX(m * n, 1), who);
    double *tmp = nd_dtype_is_complex(y->dtype) ? nd_malloc(sizeof(double) * (size_t)MAX(2 * m * n, 1), who) : NULL;
    if (!v || (nd_dtype_is_complex(y->dtype) && !tmp)) {
        nd_free_mem(v);
        nd_free_mem(tmp);
        goto fail;
    }
    for (ptrdiff_t i = 0; i < st.count; i++) {
        load_abs(v, la_item(y, core, &st, i), y->dtype, rs, cs, m, n, tmp);
        out[i] = core == 1 ? vec_reduce(v, m, kind, p) : mat_reduce(v, m, n, kind, p);
    }
    nd_free_mem(v);
    nd_free_mem(tmp);
    return r;
fail:
    nd_free(r);
    return NULL;
}

nd_array *nd_norm_(const nd_norm_opts *o)
{
    const char *who = "nd_norm";
    const nd_array *x = o ? o->x : NULL;
    if (!x) return ND_FAIL(ND_EVALUE, "%s: array is NULL", who);
    ord_kind kind;
    double p;
    if (parse_ord(o->ord, &kind, &p, who) < 0) return NULL;
    nd_axes given = { 0 };
    if (nd__opt_axes(o->axis, &o->axes, &given, who) < 0) return NULL;
    int ax[2], nax = given.n;
    nd_dtype rt = la_rtype(la_ftype(x->dtype));
    nd_array *flat = NULL, *y = NULL, *r = NULL, *res = NULL;
    if (nax > 2 || nax < 0) return ND_FAIL(ND_EVALUE, "%s: improper number of axes (%d)", who, nax);
    if (nax == 0) {
        if (kind == ORD_NONE) {
            /* ord=None, axis=None: the 2-norm of the flattened array. */
            if (!(flat = nd_reshape(x, 1, (const ptrdiff_t[]){ x->size }))) return NULL;
            r = norm_core(flat, 1, ORD_NONE, 2, who);
            nd_free(flat);
            if (!r) return NULL;
            ptrdiff_t ones[ND_MAXDIMS];
            for (int i = 0; i < x->ndim; i++) ones[i] = 1;
            nd_array *shaped = o->keepdims ? nd_reshape(r, x->ndim, ones) : nd_ref(r);
            nd_free(r);
            if (!shaped) return NULL;
            res = nd_astype(shaped, rt, ND_CAST_UNSAFE);
            nd_free(shaped);
            return res;
        }
        if (x->ndim != 1 && x->ndim != 2)
            return ND_FAIL(ND_EVALUE, "%s: improper number of dimensions to norm (%d)", who, x->ndim);
        nax = x->ndim;
        ax[0] = 0, ax[1] = 1;
    } else {
        ax[0] = given.ax[0];
        ax[1] = nax == 2 ? given.ax[1] : 0;
        for (int i = 0; i < nax; i++)
            if (nd__norm_axis(&ax[i], x->ndim, who) < 0) return NULL;
        if (nax == 2 && ax[0] == ax[1]) return ND_FAIL(ND_EVALUE, "%s: duplicate axes given", who);
    }
    if (nax == 1 && (kind == ORD_FRO || kind == ORD_NUC))
        return ND_FAIL(ND_EVALUE, "%s: invalid norm order '%s' for vectors", who, o->ord);
    int dst[2] = { x->ndim - nax, x->ndim - 1 };
    if (!(y = nd_moveaxis(x, nax, ax, dst))) return NULL;
    r = norm_core(y, nax, kind, p, who);
    nd_free(y);
    if (!r) return NULL;
    if (o->keepdims) {
        ptrdiff_t shape[ND_MAXDIMS];
        for (int i = 0; i < x->ndim; i++)
            shape[i] = (i == ax[0] || (nax == 2 && i == ax[1])) ? 1 : x->shape[i];
        nd_array *k = nd_reshape(r, x->ndim, shape);
        nd_free(r);
        if (!(r = k)) return NULL;
    }
    res = nd_astype(r, rt, ND_CAST_UNSAFE);
    nd_free(r);
    return res;
}

/* ---- cond -------------------------------------------------------------------------------------- */

nd_array *nd_cond(const nd_array *x, const char *p)
{
    const char *who = "nd_cond";
    if (la_check_2d(x, who) < 0) return NULL;
    ord_kind kind;
    double pv;
    if (parse_ord(p, &kind, &pv, who) < 0) return NULL;
    nd_dtype rt = la_rtype(la_ftype(x->dtype));
    nd_array *r = NULL, *res = NULL;
    if (x->shape[x->ndim - 1] == 0 || x->shape[x->ndim - 2] == 0)
        return ND_FAIL(ND_ELINALG, "%s: cond is not defined on empty arrays", who);
    if (kind == ORD_NONE || (kind == ORD_NUM && fabs(pv) == 2)) {
        nd_array *s = la_svdvals(x, who), *sd = s ? la_ccopy(s, ND_FLOAT64, who) : NULL;
        nd_free(s);
        if (!sd) return NULL;
        ptrdiff_t k = sd->shape[sd->ndim - 1], count = k ? sd->size / k : 0;
        la_stack st;
        la_stack_of(&st, x, 2);
        if ((r = la_alloc(&st, 0, NULL, ND_FLOAT64, who)))
            for (ptrdiff_t i = 0; i < count; i++) {
                const double *sv = (const double *)sd->data + i * k;
                ((double *)r->data)[i] = kind == ORD_NUM && pv < 0 ? sv[k - 1] / sv[0] : sv[0] / sv[k - 1];
            }
        nd_free(sd);
    } else {
        if (la_check_square(x, who) < 0) return NULL;
        nd_array *inv = la_inv(x, true, who);
        nd_axes last2 = ND_AXES(-2, -1);
        nd_array *nx = inv ? nd_norm(x, .ord = p, .axes = last2) : NULL;
        nd_array *ni = nx ? nd_norm(inv, .ord = p, .axes = last2) : NULL;
        nd_array *anynan = ni ? nd_norm(x, .ord = "1", .axes = last2) : NULL;
        r = anynan ? la_multiply(nx, ni, who) : NULL;
        if (r && r->dtype != ND_FLOAT64) {
            nd_array *rd = la_ccopy(r, ND_FLOAT64, who);
            nd_free(r);
            r = rd;
        }
        nd_array *ad = anynan ? la_ccopy(anynan, ND_FLOAT64, who) : NULL;
        if (r && ad)
            for (ptrdiff_t i = 0; i < r->size; i++) {
                double *v = (double *)r->data + i;
                /* A singular matrix has an infinite condition number unless x itself has NaNs. */
                if (isnan(*v) && !isnan(((double *)ad->data)[i])) *v = INFINITY;
            }
        if (!ad) {
            nd_free(r);
            r = NULL;
        }
        nd_free(ad);
        nd_free(inv);
        nd_free(nx);
        nd_free(ni);
        nd_free(anynan);
    }
    if (!r) return NULL;
    res = nd_astype(r, rt, ND_CAST_UNSAFE);
    nd_free(r);
    return res;
}
