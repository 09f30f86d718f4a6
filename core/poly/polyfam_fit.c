/* numpy.polynomial's least-squares fits, companion matrices and roots for the six
 * families: *fit (NumPy's polyutils._fit over the family's Vandermonde matrix, solved by
 * nd_lstsq), *companion (the scaled companion matrix built from the family's
 * multiplication-by-x rule) and *roots (its eigenvalues through nd_eigvals). */
#include <float.h>
#include <limits.h>
#include <stdint.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include <numc/array.h>
#include <numc/error.h>
#include <numc/linalg.h>
#include <numc/poly.h>

#include "polyfam_internal.h"

/* ---- fit -------------------------------------------------------------------------------- */

static bool finite_all(const double *v, ptrdiff_t n)
{
    for (ptrdiff_t i = 0; i < n; i++)
        if (!isfinite(v[i])) return false;
    return true;
}

static int cmp_i64(const void *a, const void *b)
{
    int64_t x = *(const int64_t *)a, y = *(const int64_t *)b;
    return (x > y) - (x < y);
}

static nd_array *fit_sel(pf_kind kind, const char *who, const nd_array *x, const nd_array *y, int deg,
                         const int64_t *sel, ptrdiff_t nsel, const nd_polyfam_fit_opts *o);

static nd_array *fit(pf_kind kind, const char *who, const nd_array *x, const nd_array *y, int deg,
                     const nd_polyfam_fit_opts *o)
{
    static const nd_polyfam_fit_opts dflt = { 0, 0.0, false, NULL, NULL, NULL };
    if (!o) o = &dflt;
    if (!x || !y) return nd_set_error(ND_EVALUE, "%s: array is NULL", who), NULL;
    int64_t *sel = NULL;
    ptrdiff_t nsel = 0;
    if (o->degs) {
        if (nd_ndim(o->degs) != 1 || nd_size(o->degs) == 0 || !nd_dtype_is_integer(nd_dtype_of(o->degs)))
            return nd_set_error(ND_EVALUE, "%s: deg must be an int or non-empty 1-D array of int", who),
                   NULL;
        nsel = nd_size(o->degs);
        if (!(sel = nd__malloc_n(nsel, sizeof *sel, who))) return NULL;
        if (nd_to_buffer(o->degs, sel, ND_INT64) < 0) {
            nd_free_mem(sel);
            return NULL;
        }
        qsort(sel, (size_t)nsel, sizeof *sel, cmp_i64);
        if (sel[0] < 0 || sel[nsel - 1] > INT_MAX - 1) {
            nd_free_mem(sel);
            return nd_set_error(ND_EVALUE, "%s: expected deg >= 0", who), NULL;
        }
        deg = (int)sel[nsel - 1];
    }
    nd_array *c = fit_sel(kind, who, x, y, deg, sel, nsel, o);
    nd_free_mem(sel);
    return c;
}

static nd_array *fit_sel(pf_kind kind, const char *who, const nd_array *x, const nd_array *y, int deg,
                         const int64_t *sel, ptrdiff_t nsel, const nd_polyfam_fit_opts *o)
{
    if (deg < 0) return nd_set_error(ND_EVALUE, "%s: expected deg >= 0 (got %d)", who, deg), NULL;
    if (nd_ndim(x) != 1)
        return nd_set_error(ND_ESHAPE, "%s: expected 1D vector for x (got %d dimensions)", who,
                            nd_ndim(x)),
               NULL;
    if (nd_size(x) == 0) return nd_set_error(ND_EVALUE, "%s: expected non-empty vector for x", who), NULL;
    if (nd_ndim(y) < 1 || nd_ndim(y) > 2)
        return nd_set_error(ND_ESHAPE, "%s: expected 1D or 2D array for y (got %d dimensions)", who,
                            nd_ndim(y)),
               NULL;
    ptrdiff_t n = nd_shape(x)[0];
    if (nd_shape(y)[0] != n)
        return nd_set_error(ND_EVALUE, "%s: expected x and y to have same length (%td and %td)", who,
                            n, nd_shape(y)[0]),
               NULL;
    if (o->w) {
        if (nd_ndim(o->w) != 1) return nd_set_error(ND_ESHAPE, "%s: expected 1D vector for w", who), NULL;
        if (nd_shape(o->w)[0] != n)
            return nd_set_error(ND_EVALUE, "%s: expected x and w to have same length (%td and %td)",
                                who, n, nd_shape(o->w)[0]),
                   NULL;
    }
    if (o->full && !o->info) return nd_set_error(ND_EVALUE, "%s: .full needs .info", who), NULL;
    bool y2d = nd_ndim(y) == 2;
    ptrdiff_t K = y2d ? nd_shape(y)[1] : 1, lmax = deg, order = sel ? nsel : (ptrdiff_t)deg + 1;
    double rcond = o->rcond != 0 ? o->rcond : (double)n * DBL_EPSILON;
    double *xs = NULL, *ws = NULL, *ys = NULL, *scl = NULL, *full = NULL;
    nd_array *A = NULL, *B = NULL, *c = NULL;
    nd_lstsq_result res = { NULL, NULL, NULL, NULL };
    ptrdiff_t bshape[2] = { n, K }, cshape[2] = { order, K };
    if (!(xs = nd__pf_f64(x, who)) || !(ys = nd__pf_f64(y, who))) goto fail;
    if (o->w && !(ws = nd__pf_f64(o->w, who))) goto fail;
    if (!finite_all(xs, n) || !finite_all(ys, n * K) || (ws && !finite_all(ws, n))) {
        nd_set_error(ND_EVALUE, "%s: x, y and w must be finite (SVD did not converge in Linear "
                     "Least Squares)", who);
        goto fail;
    }
    /* The matrix is built as its transpose, one contiguous row per term (NumPy's van.T):
     * the scaling passes run along rows, and A, its transposed view, is column-major, which
     * nd_lstsq copies into LAPACK's layout a column at a time. */
    ptrdiff_t tshape[2] = { order, n };
    nd_array *AT = nd_empty(2, tshape, ND_FLOAT64);
    A = AT ? nd_transpose(AT) : NULL;
    nd_free(AT);
    /* (n, 1) for a 1-D y as well: the same solution and residuals, and nd_lstsq loads the
     * column in one run rather than element by element */
    B = nd_empty(2, bshape, ND_FLOAT64);
    scl = nd__malloc_n(order, sizeof(double), who);
    if (!A || !B || !scl) goto fail;
    double *lhs = nd_data(A), *rhs = nd_data(B);
    if (sel) { /* NumPy's van[:, deg] */
        if (!(full = nd__malloc_n(n * (lmax + 1), sizeof(double), who))) goto fail;
        nd__pf_vander(kind, xs, n, deg, full, 1, n);
        for (ptrdiff_t j = 0; j < order; j++)
            memcpy(lhs + j * n, full + sel[j] * n, sizeof(double) * (size_t)n);
    } else {
        nd__pf_vander(kind, xs, n, deg, lhs, 1, n);
    }
    memcpy(rhs, ys, sizeof(double) * (size_t)(n * K));
    if (ws) {
        for (ptrdiff_t j = 0; j < order; j++)
            for (ptrdiff_t i = 0; i < n; i++) lhs[j * n + i] *= ws[i];
        for (ptrdiff_t i = 0; i < n; i++)
            for (ptrdiff_t k = 0; k < K; k++) rhs[i * K + k] *= ws[i];
    }
    for (ptrdiff_t j = 0; j < order; j++) {
        double *row = lhs + j * n, s = 0;
        for (ptrdiff_t i = 0; i < n; i++) s += row[i] * row[i];
        scl[j] = s == 0 ? 1 : sqrt(s);
        for (ptrdiff_t i = 0; i < n; i++) row[i] /= scl[j];
    }
    if (nd_lstsq(A, B, rcond, &res) < 0) goto fail;
    c = nd_empty(y2d ? 2 : 1, cshape, ND_FLOAT64);
    if (!c || nd_to_f64(res.x, nd_data(c)) < 0) goto fail;
    double *cd = nd_data(c);
    for (ptrdiff_t j = 0; j < order; j++)
        for (ptrdiff_t k = 0; k < K; k++) cd[j * K + k] /= scl[j];
    if (sel) { /* zeros for the degrees left out */
        ptrdiff_t fshape[2] = { lmax + 1, K };
        nd_array *cc = nd_zeros(y2d ? 2 : 1, fshape, ND_FLOAT64);
        if (!cc) goto fail;
        double *ccd = nd_data(cc);
        for (ptrdiff_t j = 0; j < order; j++)
            for (ptrdiff_t k = 0; k < K; k++) ccd[sel[j] * K + k] = cd[j * K + k];
        nd_free(c);
        c = cc;
    }
    ptrdiff_t rank = (ptrdiff_t)nd_item_i64(res.rank);
    if (o->full) {
        nd_polyfit_info info = { res.residuals, rank, res.s, rcond, NULL };
        res.residuals = res.s = NULL;
        *o->info = info;
    } else if (rank != order) {
        nd_warn("%s: The fit may be poorly conditioned (rank %td < %td coefficients)", who, rank, order);
    }
    nd_lstsq_result_free(&res);
    nd_free(A);
    nd_free(B);
    nd_free_mem(xs);
    nd_free_mem(ys);
    nd_free_mem(ws);
    nd_free_mem(scl);
    nd_free_mem(full);
    return c;
fail:
    nd_lstsq_result_free(&res);
    nd_free(A);
    nd_free(B);
    nd_free(c);
    nd_free_mem(xs);
    nd_free_mem(ys);
    nd_free_mem(ws);
    nd_free_mem(scl);
    nd_free_mem(full);
    return NULL;
}

/* ---- companion / roots ------------------------------------------------------------------- */

nd_status nd__pf_companion(pf_kind kind, const pf_vec *c, nd_array **out, const char *who)
{
    *out = NULL;
    ptrdiff_t m = c->n - 1;
    if (m < 1) return nd_set_error(ND_EVALUE, "%s: Series must have maximum degree of at least 1.", who);
    ptrdiff_t shape[2] = { m, m };
    nd_array *M = nd_zeros(2, shape, ND_FLOAT64);
    double *r = nd__malloc_n(m, sizeof(double), who);
    if (!M || !r) {
        nd_free(M);
        nd_free_mem(r);
        return nd_last_error() < 0 ? nd_last_error() : ND_ENOMEM;
    }
    double *a = nd_data(M), cn = c->v[m];
    pf_mx mx;
    if (m == 1) {
        nd__pf_mx(kind, 0, &mx);
        a[0] = mx.d / mx.s - (mx.u / mx.s) * (c->v[0] / cn);
        nd_free_mem(r);
        *out = M;
        return ND_OK;
    }
    bool sym = kind != PF_POWER && kind != PF_LAG;
    r[m - 1] = 1;
    for (ptrdiff_t k = 0; k < m; k++) {
        nd__pf_mx(kind, k, &mx);
        a[k * m + k] = mx.d / mx.s;
        if (k + 1 < m) {
            pf_mx nx;
            nd__pf_mx(kind, k + 1, &nx);
            double u = mx.u / mx.s, l = nx.l / nx.s;
            if (sym) {
                a[(k + 1) * m + k] = a[k * m + k + 1] = sqrt(u * l);
            } else {
                a[(k + 1) * m + k] = u;
                a[k * m + k + 1] = l;
            }
        }
    }
    for (ptrdiff_t j = m - 2; j >= 0; j--) {
        if (!sym) {
            r[j] = 1;
            continue;
        }
        pf_mx uj, lj;
        nd__pf_mx(kind, j, &uj);
        nd__pf_mx(kind, j + 1, &lj);
        r[j] = r[j + 1] * sqrt((uj.u / uj.s) / (lj.l / lj.s));
    }
    nd__pf_mx(kind, m - 1, &mx);
    double ulast = mx.u / mx.s;
    for (ptrdiff_t j = 0; j < m; j++) a[j * m + m - 1] -= (c->v[j] / cn) * r[j] * ulast;
    nd_free_mem(r);
    *out = M;
    return ND_OK;
}

static nd_array *companion(pf_kind kind, const char *who, const nd_array *c)
{
    pf_vec v;
    if (nd__pf_load(c, true, who, &v) < 0) return NULL;
    nd_array *M;
    nd__pf_companion(kind, &v, &M, who);
    nd__pf_free(&v);
    return M;
}

static int cmp_c128(const void *a, const void *b)
{
    const double *x = a, *y = b;
    if (x[0] != y[0]) return x[0] < y[0] ? -1 : 1;
    return (x[1] > y[1]) - (x[1] < y[1]);
}

static int cmp_f64(const void *a, const void *b)
{
    double x = *(const double *)a, y = *(const double *)b;
    return (x > y) - (x < y);
}

static nd_array *roots(pf_kind kind, const char *who, const nd_array *c)
{
    pf_vec v;
    if (nd__pf_load(c, true, who, &v) < 0) return NULL;
    if (v.n < 2) {
        nd__pf_free(&v);
        ptrdiff_t zero = 0;
        return nd_empty(1, &zero, ND_FLOAT64);
    }
    nd_array *M = NULL, *e = NULL, *ec = NULL;
    nd_status st = nd__pf_companion(kind, &v, &M, who);
    nd__pf_free(&v);
    if (st < 0) return NULL;
    ptrdiff_t m = nd_shape(M)[0];
    if (m == 1) {
        nd_array *one = nd_reshape(M, 1, &m);
        nd_free(M);
        return one;
    }
    /* rotate (NumPy's m[::-1, ::-1]) for a better-conditioned eigenproblem */
    double *a = nd_data(M);
    for (ptrdiff_t i = 0; i < m * m / 2; i++) {
        double t = a[i];
        a[i] = a[m * m - 1 - i];
        a[m * m - 1 - i] = t;
    }
    e = nd_eigvals(M);
    nd_free(M);
    if (!e) return NULL;
    ec = nd_ascontiguousarray(e);
    nd_free(e);
    if (!ec) return NULL;
    if (nd_dtype_of(ec) == ND_FLOAT64) qsort(nd_data(ec), (size_t)m, sizeof(double), cmp_f64);
    else qsort(nd_data(ec), (size_t)m, 2 * sizeof(double), cmp_c128);
    return ec;
}

#define PF_DEF_FIT(P, K)                                                                        \
    nd_array *nd_##P##fit_(const nd_array *x, const nd_array *y, int deg,                       \
                           const nd_polyfam_fit_opts *o)                                        \
    {                                                                                           \
        return fit(K, "nd_" #P "fit", x, y, deg, o);                                            \
    }                                                                                           \
    nd_array *nd_##P##companion(const nd_array *c) { return companion(K, "nd_" #P "companion", c); } \
    nd_array *nd_##P##roots(const nd_array *c) { return roots(K, "nd_" #P "roots", c); }
ND__PF_FAMILIES(PF_DEF_FIT)
