/* numpy.polynomial's evaluation and pseudo-Vandermonde matrices for the six families:
 * *val, *val2d, *val3d, *grid2d, *grid3d, *vander, *vander2d, *vander3d — one kernel
 * each over the family table (polyfam_internal.h). */
#include <complex.h>
#include <string.h>

#include <numc/array.h>
#include <numc/error.h>
#include <numc/poly.h>

#include "poly_internal.h"
#include "polyfam_internal.h"

/* c as float64, exactly nd dimensions (nd >= 1, 0-d counts as 1-d for nd == 1), non-empty. */
static double *load_coef(const nd_array *c, int nd, const char *who)
{
    if (!c) return nd_set_error(ND_EVALUE, "%s: array is NULL", who), NULL;
    if (nd_ndim(c) != nd && !(nd == 1 && nd_ndim(c) == 0))
        return nd_set_error(ND_ESHAPE, "%s: expected a %d-d array of coefficients, got %d dimensions",
                            who, nd, nd_ndim(c)),
               NULL;
    if (nd_size(c) == 0) return nd_set_error(ND_EVALUE, "%s: Coefficient array is empty", who), NULL;
    return nd__pf_f64(c, who);
}

/* The complex Clenshaw / Horner of nd__pf_eval. */
static double _Complex eval_c(pf_kind kind, const double _Complex *c, ptrdiff_t n, ptrdiff_t stride,
                              double _Complex x)
{
    if (kind == PF_POWER) {
        double _Complex v = c[(n - 1) * stride];
        for (ptrdiff_t i = n - 2; i >= 0; i--) v = c[i * stride] + v * x;
        return v;
    }
    if (n == 1) return c[0];
    double _Complex lo = c[(n - 2) * stride], hi = c[(n - 1) * stride];
    for (ptrdiff_t j = n - 2; j >= 1; j--) {
        pf_rec r;
        nd__pf_rec(kind, j, &r);
        double _Complex tmp = lo;
        lo = c[(j - 1) * stride] - (hi * r.G) / r.D;
        hi = tmp + (hi * (r.A * x + r.B)) / r.D;
    }
    pf_rec r0;
    nd__pf_rec(kind, 0, &r0);
    return lo + hi * ((r0.A * x + r0.B) / r0.D);
}

/* a's elements as complex128 (C order) in a new buffer. */
static double _Complex *load_c(const nd_array *a, const char *who)
{
    ptrdiff_t n = nd_size(a);
    double _Complex *b = nd__malloc_n(n + 1, sizeof *b, who);
    if (b && n > 0 && nd_to_buffer(a, b, ND_COMPLEX128) < 0) {
        nd_free_mem(b);
        return NULL;
    }
    return b;
}

/* NumPy's *val(x, c) with tensor=True: c of shape (n, R...) gives R... + x.shape. */
static nd_array *val(pf_kind kind, const char *who, nd_operand x, const nd_array *c)
{
    if (!c || (x.kind == ND_OPK_ARRAY && !x.array))
        return nd_set_error(ND_EVALUE, "%s: array is NULL", who), NULL;
    if (x.kind != ND_OPK_ARRAY && x.kind != ND_OPK_SCALAR)
        return nd_set_error(ND_EVALUE, "%s: x is missing", who), NULL;
    nd_array *xs = NULL;
    const nd_array *xa = nd__poly_operand(x, &xs);
    if (!xa) return NULL;
    int cnd = nd_ndim(c) ? nd_ndim(c) : 1, ndim = cnd - 1 + nd_ndim(xa);
    if (ndim > ND_MAXDIMS) {
        nd_free(xs);
        return nd_set_error(ND_ESHAPE, "%s: the result would have %d dimensions (more than %d)", who,
                            ndim, ND_MAXDIMS),
               NULL;
    }
    ptrdiff_t shape[ND_MAXDIMS], R = 1;
    for (int d = 1; d < cnd; d++) R *= shape[d - 1] = nd_shape(c)[d];
    for (int d = 0; d < nd_ndim(xa); d++) shape[cnd - 1 + d] = nd_shape(xa)[d];
    if (nd_dtype_is_complex(nd_dtype_of(c)) || nd_dtype_is_complex(nd_dtype_of(xa))) {
        nd_array *out = NULL;
        double _Complex *cb = NULL, *xb = NULL;
        if (nd_size(c) == 0) nd_set_error(ND_EVALUE, "%s: Coefficient array is empty", who);
        else if ((cb = load_c(c, who)) && (xb = load_c(xa, who)))
            out = nd_empty(ndim, shape, ND_COMPLEX128);
        if (out) {
            double _Complex *y = nd_data(out);
            ptrdiff_t n = nd_size(xa), nc = nd_ndim(c) ? nd_shape(c)[0] : 1;
            for (ptrdiff_t r = 0; r < R; r++)
                for (ptrdiff_t i = 0; i < n; i++) y[r * n + i] = eval_c(kind, cb + r, nc, R, xb[i]);
        }
        nd_free_mem(cb);
        nd_free_mem(xb);
        nd_free(xs);
        return out;
    }
    double *cb = load_coef(c, nd_ndim(c) > 1 ? nd_ndim(c) : 1, who);
    double *xb = cb ? nd__pf_f64(xa, who) : NULL;
    nd_array *out = xb ? nd_empty(ndim, shape, ND_FLOAT64) : NULL;
    pf_rec *rec = NULL;
    ptrdiff_t nc = nd_ndim(c) ? nd_shape(c)[0] : 1;
    if (out && kind != PF_POWER && nc > 2 && !(rec = nd__malloc_n(nc, sizeof *rec, who))) {
        nd_free(out);
        out = NULL;
    }
    if (out) {
        double *y = nd_data(out);
        ptrdiff_t n = nd_size(xa);
        if (rec) { /* nd__pf_eval with the recurrence tabulated once */
            for (ptrdiff_t k = 0; k < nc; k++) nd__pf_rec(kind, k, &rec[k]);
            for (ptrdiff_t r = 0; r < R; r++) {
                const double *cr = cb + r;
                for (ptrdiff_t i = 0; i < n; i++) {
                    double x = xb[i], lo = cr[(nc - 2) * R], hi = cr[(nc - 1) * R];
                    for (ptrdiff_t j = nc - 2; j >= 1; j--) {
                        const pf_rec *q = &rec[j];
                        double tmp = lo;
                        lo = cr[(j - 1) * R] - (hi * q->G) / q->D;
                        hi = tmp + (hi * (q->A * x + q->B)) / q->D;
                    }
                    y[r * n + i] = lo + hi * ((rec[0].A * x + rec[0].B) / rec[0].D);
                }
            }
        } else {
            for (ptrdiff_t r = 0; r < R; r++)
                for (ptrdiff_t i = 0; i < n; i++) y[r * n + i] = nd__pf_eval(kind, cb + r, nc, R, xb[i]);
        }
    }
    nd_free_mem(rec);
    nd_free_mem(cb);
    nd_free_mem(xb);
    nd_free(xs);
    return out;
}

/* x, y (, z) as float64 buffers of one shape. */
static bool load_points(const nd_array *const *p, int np, const char *who, double **out)
{
    for (int i = 0; i < np; i++) out[i] = NULL;
    for (int i = 0; i < np; i++)
        if (!p[i]) return nd_set_error(ND_EVALUE, "%s: array is NULL", who), false;
    for (int i = 1; i < np; i++) {
        bool same = nd_ndim(p[i]) == nd_ndim(p[0]);
        for (int d = 0; same && d < nd_ndim(p[0]); d++) same = nd_shape(p[i])[d] == nd_shape(p[0])[d];
        if (!same)
            return nd_set_error(ND_ESHAPE, "%s: x, y%s are incompatible (shapes differ)", who,
                                np == 3 ? ", z" : ""),
                   false;
    }
    for (int i = 0; i < np; i++)
        if (!(out[i] = nd__pf_f64(p[i], who))) {
            for (int j = 0; j < i; j++) nd_free_mem(out[j]);
            return false;
        }
    return true;
}

/* val2d / val3d at paired points. */
static nd_array *valnd(pf_kind kind, const char *who, const nd_array *const *pts, int np,
                       const nd_array *c)
{
    double *p[3];
    if (!c) return nd_set_error(ND_EVALUE, "%s: array is NULL", who), NULL;
    if (!load_points(pts, np, who, p)) return NULL;
    double *cb = load_coef(c, np, who), *t = NULL;
    nd_array *out = NULL;
    ptrdiff_t n0 = 0, n1 = 0, n2 = 1;
    if (cb) {
        n0 = nd_shape(c)[0];
        n1 = nd_shape(c)[1];
        n2 = np == 3 ? nd_shape(c)[2] : 1;
        t = nd__malloc_n(n1 * n2 + n2, sizeof(double), who);
    }
    if (t) out = nd_empty(nd_ndim(pts[0]), nd_shape(pts[0]), ND_FLOAT64);
    if (out) {
        double *y = nd_data(out), *u = t + n1 * n2;
        ptrdiff_t n = nd_size(pts[0]);
        for (ptrdiff_t i = 0; i < n; i++) {
            for (ptrdiff_t jk = 0; jk < n1 * n2; jk++) t[jk] = nd__pf_eval(kind, cb + jk, n0, n1 * n2, p[0][i]);
            if (np == 2) {
                y[i] = nd__pf_eval(kind, t, n1, 1, p[1][i]);
            } else {
                for (ptrdiff_t k = 0; k < n2; k++) u[k] = nd__pf_eval(kind, t + k, n1, n2, p[1][i]);
                y[i] = nd__pf_eval(kind, u, n2, 1, p[2][i]);
            }
        }
    }
    for (int i = 0; i < np; i++) nd_free_mem(p[i]);
    nd_free_mem(cb);
    nd_free_mem(t);
    return out;
}

/* grid2d / grid3d: the Cartesian product of the points. */
static nd_array *gridnd(pf_kind kind, const char *who, const nd_array *const *pts, int np,
                        const nd_array *c)
{
    double *p[3] = { NULL, NULL, NULL };
    if (!c) return nd_set_error(ND_EVALUE, "%s: array is NULL", who), NULL;
    for (int i = 0; i < np; i++)
        if (!pts[i]) return nd_set_error(ND_EVALUE, "%s: array is NULL", who), NULL;
    int ndim = 0;
    ptrdiff_t shape[ND_MAXDIMS], m[3];
    for (int i = 0; i < np; i++) {
        if (ndim + nd_ndim(pts[i]) > ND_MAXDIMS)
            return nd_set_error(ND_ESHAPE, "%s: the result would have more than %d dimensions", who,
                                ND_MAXDIMS),
                   NULL;
        for (int d = 0; d < nd_ndim(pts[i]); d++) shape[ndim++] = nd_shape(pts[i])[d];
        m[i] = nd_size(pts[i]);
    }
    double *cb = load_coef(c, np, who), *t = NULL, *t2 = NULL;
    nd_array *out = NULL;
    bool ok = cb != NULL;
    for (int i = 0; ok && i < np; i++) ok = (p[i] = nd__pf_f64(pts[i], who)) != NULL;
    if (ok) {
        ptrdiff_t n0 = nd_shape(c)[0], n1 = nd_shape(c)[1], n2 = np == 3 ? nd_shape(c)[2] : 1;
        t = nd__malloc_n(m[0] * n1 * n2 + 1, sizeof(double), who);
        if (t && np == 3) t2 = nd__malloc_n(m[0] * m[1] * n2 + 1, sizeof(double), who);
        if (t && (np == 2 || t2)) out = nd_empty(ndim, shape, ND_FLOAT64);
        if (out) {
            double *y = nd_data(out);
            for (ptrdiff_t a = 0; a < m[0]; a++)
                for (ptrdiff_t jk = 0; jk < n1 * n2; jk++)
                    t[a * n1 * n2 + jk] = nd__pf_eval(kind, cb + jk, n0, n1 * n2, p[0][a]);
            if (np == 2) {
                for (ptrdiff_t a = 0; a < m[0]; a++)
                    for (ptrdiff_t b = 0; b < m[1]; b++)
                        y[a * m[1] + b] = nd__pf_eval(kind, t + a * n1, n1, 1, p[1][b]);
            } else {
                for (ptrdiff_t a = 0; a < m[0]; a++)
                    for (ptrdiff_t b = 0; b < m[1]; b++)
                        for (ptrdiff_t k = 0; k < n2; k++)
                            t2[(a * m[1] + b) * n2 + k] =
                                nd__pf_eval(kind, t + a * n1 * n2 + k, n1, n2, p[1][b]);
                for (ptrdiff_t ab = 0; ab < m[0] * m[1]; ab++)
                    for (ptrdiff_t r = 0; r < m[2]; r++)
                        y[ab * m[2] + r] = nd__pf_eval(kind, t2 + ab * n2, n2, 1, p[2][r]);
            }
        }
    }
    for (int i = 0; i < np; i++) nd_free_mem(p[i]);
    nd_free_mem(cb);
    nd_free_mem(t);
    nd_free_mem(t2);
    return out;
}

/* V[i, 0..deg] = P_k(x[i]) into v (row stride ld). */
void nd__pf_vander(pf_kind kind, const double *x, ptrdiff_t n, int deg, double *v, ptrdiff_t is,
                   ptrdiff_t ks)
{
    /* By blocks of points, one degree at a time: the recurrence's coefficients are looked
     * up once per block, and the block's values stay in cache whichever way v is laid out. */
    enum { BLOCK = 512 };
    for (ptrdiff_t i0 = 0; i0 < n; i0 += BLOCK) {
        ptrdiff_t i1 = n - i0 < BLOCK ? n : i0 + BLOCK;
        for (ptrdiff_t i = i0; i < i1; i++) v[i * is] = 1;
        for (int k = 0; k < deg; k++) {
            pf_rec r;
            nd__pf_rec(kind, k, &r);
            const double *cur = v + k * ks, *prev = k > 0 ? cur - ks : cur;
            double *next = v + (k + 1) * ks;
            for (ptrdiff_t i = i0; i < i1; i++)
                next[i * is] =
                    (cur[i * is] * (r.A * x[i] + r.B) - (k > 0 ? prev[i * is] * r.G : 0)) / r.D;
        }
    }
}

void nd__pf_vander_rows(pf_kind kind, const double *x, ptrdiff_t n, int deg, double *v, ptrdiff_t ld)
{
    nd__pf_vander(kind, x, n, deg, v, ld, 1);
}

static nd_array *vander(pf_kind kind, const char *who, const nd_array *x, int deg)
{
    if (!x) return nd_set_error(ND_EVALUE, "%s: array is NULL", who), NULL;
    if (deg < 0) return nd_set_error(ND_EVALUE, "%s: deg must be non-negative (got %d)", who, deg), NULL;
    int nd = nd_ndim(x) ? nd_ndim(x) : 1;
    if (nd + 1 > ND_MAXDIMS)
        return nd_set_error(ND_ESHAPE, "%s: x has too many dimensions (%d)", who, nd_ndim(x)), NULL;
    ptrdiff_t shape[ND_MAXDIMS];
    if (nd_ndim(x)) memcpy(shape, nd_shape(x), sizeof(ptrdiff_t) * (size_t)nd);
    else shape[0] = 1;
    shape[nd] = (ptrdiff_t)deg + 1;
    double *xb = nd__pf_f64(x, who);
    if (!xb) return NULL;
    nd_array *out = nd_empty(nd + 1, shape, ND_FLOAT64);
    if (out) nd__pf_vander_rows(kind, xb, nd_size(x), deg, nd_data(out), (ptrdiff_t)deg + 1);
    nd_free_mem(xb);
    return out;
}

static nd_array *vandernd(pf_kind kind, const char *who, const nd_array *const *pts, int np,
                          const int *deg)
{
    double *p[3];
    for (int i = 0; i < np; i++)
        if (deg[i] < 0)
            return nd_set_error(ND_EVALUE, "%s: degrees must be non-negative (got %d)", who, deg[i]),
                   NULL;
    if (!load_points(pts, np, who, p)) return NULL;
    int nd = nd_ndim(pts[0]) ? nd_ndim(pts[0]) : 1;
    ptrdiff_t shape[ND_MAXDIMS], n = nd_size(pts[0]), w[3] = { 1, 1, 1 }, cols = 1;
    nd_array *out = NULL;
    double *v[3] = { NULL, NULL, NULL };
    if (nd + 1 > ND_MAXDIMS) {
        nd_set_error(ND_ESHAPE, "%s: x has too many dimensions", who);
        goto done;
    }
    if (nd_ndim(pts[0])) memcpy(shape, nd_shape(pts[0]), sizeof(ptrdiff_t) * (size_t)nd);
    else shape[0] = 1;
    for (int i = 0; i < np; i++) {
        w[i] = (ptrdiff_t)deg[i] + 1;
        cols *= w[i];
        v[i] = nd__malloc_n(n * w[i] + 1, sizeof(double), who);
        if (!v[i]) goto done;
        nd__pf_vander_rows(kind, p[i], n, deg[i], v[i], w[i]);
    }
    shape[nd] = cols;
    out = nd_empty(nd + 1, shape, ND_FLOAT64);
    if (out) {
        double *o = nd_data(out);
        for (ptrdiff_t e = 0; e < n; e++)
            for (ptrdiff_t i = 0; i < w[0]; i++)
                for (ptrdiff_t j = 0; j < w[1]; j++)
                    for (ptrdiff_t k = 0; k < w[2]; k++)
                        o[e * cols + (i * w[1] + j) * w[2] + k] =
                            v[0][e * w[0] + i] * v[1][e * w[1] + j] * (np == 3 ? v[2][e * w[2] + k] : 1);
    }
done:
    for (int i = 0; i < np; i++) {
        nd_free_mem(p[i]);
        nd_free_mem(v[i]);
    }
    return out;
}

#define PF_DEF_VAL(P, K)                                                                        \
    nd_array *nd_##P##val_(nd_operand x, const nd_array *c) { return val(K, "nd_" #P "val", x, c); } \
    nd_array *nd_##P##val2d(const nd_array *x, const nd_array *y, const nd_array *c)            \
    {                                                                                           \
        const nd_array *pts[2] = { x, y };                                                      \
        return valnd(K, "nd_" #P "val2d", pts, 2, c);                                           \
    }                                                                                           \
    nd_array *nd_##P##val3d(const nd_array *x, const nd_array *y, const nd_array *z,            \
                            const nd_array *c)                                                  \
    {                                                                                           \
        const nd_array *pts[3] = { x, y, z };                                                   \
        return valnd(K, "nd_" #P "val3d", pts, 3, c);                                           \
    }                                                                                           \
    nd_array *nd_##P##grid2d(const nd_array *x, const nd_array *y, const nd_array *c)           \
    {                                                                                           \
        const nd_array *pts[2] = { x, y };                                                      \
        return gridnd(K, "nd_" #P "grid2d", pts, 2, c);                                         \
    }                                                                                           \
    nd_array *nd_##P##grid3d(const nd_array *x, const nd_array *y, const nd_array *z,           \
                             const nd_array *c)                                                 \
    {                                                                                           \
        const nd_array *pts[3] = { x, y, z };                                                   \
        return gridnd(K, "nd_" #P "grid3d", pts, 3, c);                                         \
    }                                                                                           \
    nd_array *nd_##P##vander(const nd_array *x, int deg) { return vander(K, "nd_" #P "vander", x, deg); } \
    nd_array *nd_##P##vander2d(const nd_array *x, const nd_array *y, int degx, int degy)        \
    {                                                                                           \
        const nd_array *pts[2] = { x, y };                                                      \
        int deg[2] = { degx, degy };                                                            \
        return vandernd(K, "nd_" #P "vander2d", pts, 2, deg);                                   \
    }                                                                                           \
    nd_array *nd_##P##vander3d(const nd_array *x, const nd_array *y, const nd_array *z, int degx, \
                               int degy, int degz)                                              \
    {                                                                                           \
        const nd_array *pts[3] = { x, y, z };                                                   \
        int deg[3] = { degx, degy, degz };                                                      \
        return vandernd(K, "nd_" #P "vander3d", pts, 3, deg);                                   \
    }
ND__PF_FAMILIES(PF_DEF_VAL)
