/* NumPy's classic polynomial API (numc/poly.h): polyval, polyfit, roots, poly,
 * polyadd/sub/mul/div, polyder, polyint. Each function follows numpy/lib/polynomial.py
 * (NumPy 1.24) step for step, computing in double / double complex / wrapping 64-bit
 * integers and casting to NumPy's result dtype at the end. Built on the public API. */
#include <complex.h>
#include <float.h>
#include <math.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include <numc/array.h>
#include <numc/error.h>
#include <numc/linalg.h>
#include <numc/poly.h>
#include <numc/ufunc.h>

#include "poly_internal.h"

/* ---- helpers ------------------------------------------------------------------------------ */

nd_status nd__poly_null(const char *who)
{
    return nd_set_error(ND_EVALUE, "%s: array is NULL", who);
}

const nd_array *nd__poly_operand(nd_operand x, nd_array **tmp)
{
    *tmp = NULL;
    if (x.kind != ND_OPK_SCALAR) return x.array;
    return *tmp = nd_scalar_array(x.scalar);
}

int nd__poly_cat(nd_dtype t)
{
    if (t == ND_BOOL) return 0;
    if (nd_dtype_is_integer(t)) return 1;
    if (nd_dtype_is_float(t)) return 2;
    return 3;
}

void *nd__poly_buf(const nd_array *a, nd_dtype dt, const char *who)
{
    ptrdiff_t n = nd_size(a);
    size_t sz = nd_dtype_size(dt);
    if ((size_t)n > SIZE_MAX / sz - 1) {
        nd_set_error(ND_ENOMEM, "%s: array too large", who);
        return NULL;
    }
    void *b = nd_malloc(((size_t)n + 1) * sz, who);
    if (!b) return NULL;
    if (n > 0 && nd_to_buffer(a, b, dt) < 0) {
        nd_free_mem(b);
        return NULL;
    }
    return b;
}

nd_array *nd__poly_1d(const nd_array *a, const char *who)
{
    if (!a) {
        nd__poly_null(who);
        return NULL;
    }
    if (nd_ndim(a) == 1) return nd_ref(a);
    if (nd_ndim(a) == 0) {
        ptrdiff_t one = 1;
        return nd_reshape(a, 1, &one);
    }
    nd_set_error(ND_ESHAPE, "%s: expected a 1-d array of coefficients, got %d dimensions", who,
                 nd_ndim(a));
    return NULL;
}

/* A new 1-d array of dt from a buffer of the compute type ct (n elements). */
nd_array *nd__poly_from(const void *buf, ptrdiff_t n, nd_dtype ct, nd_dtype dt)
{
    nd_array *r = nd_empty(1, &n, ct);
    if (!r) return NULL;
    if (n > 0) memcpy(nd_data(r), buf, (size_t)n * nd_dtype_size(ct));
    if (ct == dt) return r;
    nd_array *c = nd_astype(r, dt, ND_CAST_UNSAFE);
    nd_free(r);
    return c;
}

static nd_dtype compute_type(nd_dtype t)
{
    int c = nd__poly_cat(t);
    return c == 3 ? ND_COMPLEX128 : c == 2 ? ND_FLOAT64 : ND_INT64;
}

/* ---- polyval ------------------------------------------------------------------------------- */

#define HORNER_BLOCK 512

nd_array *nd_polyval_(const nd_array *p, nd_operand x)
{
    const char *who = "nd_polyval";
    if (!p || (x.kind == ND_OPK_ARRAY && !x.array)) return nd__poly_null(who), NULL;
    if (x.kind != ND_OPK_ARRAY && x.kind != ND_OPK_SCALAR)
        return nd_set_error(ND_EVALUE, "%s: x is missing", who), NULL;
    if (nd_ndim(p) > 1)
        return nd_set_error(ND_ESHAPE, "%s: p must be 1-d, got %d dimensions", who, nd_ndim(p)),
               NULL;
    nd_array *xs = NULL;
    const nd_array *xa = nd__poly_operand(x, &xs);
    if (!xa) return NULL;
    nd_dtype pd = nd_dtype_of(p), xd = nd_dtype_of(xa), rt;
    if (nd_ndim(xa) == 0) rt = nd_result_type(xd, pd);
    else if (nd__poly_cat(pd) <= nd__poly_cat(xd)) rt = xd;
    else if (nd__poly_cat(pd) == 3 && xd == ND_FLOAT32) rt = ND_COMPLEX64;
    else rt = nd_result_type(xd, pd);
    nd_dtype ct = compute_type(rt);
    ptrdiff_t np = nd_size(p), n = nd_size(xa);
    nd_array *out = nd_empty(nd_ndim(xa), nd_shape(xa), ct);
    void *pb = out ? nd__poly_buf(p, ct, who) : NULL;
    void *xb = NULL;
    bool own_x = !(nd_is_c_contiguous(xa) && xd == ct);
    if (pb) xb = own_x ? nd__poly_buf(xa, ct, who) : nd_data(xa);
    if (!xb) {
        nd_free_mem(pb);
        nd_free(out);
        nd_free(xs);
        return NULL;
    }
    if (ct == ND_FLOAT64) {
        const double *c = pb, *xv = xb;
        double *y = nd_data(out);
        for (ptrdiff_t i0 = 0; i0 < n; i0 += HORNER_BLOCK) {
            ptrdiff_t m = n - i0 < HORNER_BLOCK ? n - i0 : HORNER_BLOCK;
            double *yy = y + i0;
            const double *xx = xv + i0;
            for (ptrdiff_t i = 0; i < m; i++) yy[i] = 0.0;
            for (ptrdiff_t k = 0; k < np; k++) {
                double ck = c[k];
                for (ptrdiff_t i = 0; i < m; i++) yy[i] = yy[i] * xx[i] + ck;
            }
        }
    } else if (ct == ND_COMPLEX128) {
        const double _Complex *c = pb, *xv = xb;
        double _Complex *y = nd_data(out);
        for (ptrdiff_t i = 0; i < n; i++) {
            double _Complex v = 0;
            for (ptrdiff_t k = 0; k < np; k++) v = v * xv[i] + c[k];
            y[i] = v;
        }
    } else {
        const uint64_t *c = pb, *xv = xb;
        uint64_t *y = nd_data(out);
        for (ptrdiff_t i = 0; i < n; i++) {
            uint64_t v = 0;
            for (ptrdiff_t k = 0; k < np; k++) v = v * xv[i] + c[k];
            y[i] = v;
        }
    }
    nd_free_mem(pb);
    if (own_x) nd_free_mem(xb);
    nd_free(xs);
    if (rt == ct) return out;
    nd_array *r = nd_astype(out, rt, ND_CAST_UNSAFE);
    nd_free(out);
    return r;
}

/* ---- polyfit ------------------------------------------------------------------------------- */

void nd_polyfit_info_free(nd_polyfit_info *info)
{
    if (!info) return;
    nd_free(info->residuals);
    nd_free(info->singular_values);
    nd_free(info->cov);
    info->residuals = info->singular_values = info->cov = NULL;
}

static bool all_finite(const double *v, ptrdiff_t n)
{
    for (ptrdiff_t i = 0; i < n; i++)
        if (!isfinite(v[i])) return false;
    return true;
}

/* a into *slot (a NULL a: the failure's status). */
static nd_status keep_as(nd_array **slot, nd_array *a)
{
    if (!a) return nd_last_error() < 0 ? nd_last_error() : ND_ENOMEM;
    *slot = a;
    return ND_OK;
}

/* Covariance (NumPy: inv(lhs.T @ lhs) / outer(scale, scale) * fac). */
static nd_array *polyfit_cov(const double *lhs, const double *scale, ptrdiff_t n, ptrdiff_t order,
                             int cov, const nd_array *resids, bool y2d, ptrdiff_t K, const char *who)
{
    ptrdiff_t nres = resids ? nd_size(resids) : 0;
    if (cov != ND_POLYFIT_COV_UNSCALED) {
        if (n <= order)
            return nd_set_error(ND_EVALUE,
                                "%s: the number of data points must exceed order to scale the "
                                "covariance matrix", who),
                   NULL;
        if (nres != K)
            return nd_set_error(ND_EVALUE,
                                "%s: the fit is rank-deficient: no residuals to scale the "
                                "covariance matrix", who),
                   NULL;
    }
    ptrdiff_t gs[2] = { order, order };
    nd_array *g = nd_empty(2, gs, ND_FLOAT64);
    if (!g) return NULL;
    double *gd = nd_data(g);
    for (ptrdiff_t a = 0; a < order; a++)
        for (ptrdiff_t b = 0; b < order; b++) {
            double s = 0;
            for (ptrdiff_t i = 0; i < n; i++) s += lhs[i * order + a] * lhs[i * order + b];
            gd[a * order + b] = s;
        }
    nd_array *vb = nd_inv(g);
    nd_free(g);
    if (!vb) return NULL;
    nd_array *vc = nd_ascontiguousarray(vb);
    nd_free(vb);
    if (!vc) return NULL;
    double *v = nd_data(vc);
    double *fac = nd_malloc(sizeof(double) * (size_t)(K + 1), who);
    if (!fac) {
        nd_free(vc);
        return NULL;
    }
    if (cov == ND_POLYFIT_COV_UNSCALED) {
        fac[0] = 1;
        K = 1;
    } else if (nd_to_f64(resids, fac) < 0) {
        nd_free_mem(fac);
        nd_free(vc);
        return NULL;
    } else {
        for (ptrdiff_t k = 0; k < K; k++) fac[k] /= (double)(n - order);
    }
    ptrdiff_t shape[3] = { order, order, K };
    nd_array *r = nd_empty(y2d ? 3 : 2, shape, ND_FLOAT64);
    if (r) {
        double *rd = nd_data(r);
        for (ptrdiff_t a = 0; a < order; a++)
            for (ptrdiff_t b = 0; b < order; b++) {
                double base = v[a * order + b] / (scale[a] * scale[b]);
                if (y2d)
                    for (ptrdiff_t k = 0; k < K; k++) rd[(a * order + b) * K + k] = base * fac[k];
                else
                    rd[a * order + b] = base * fac[0];
            }
    }
    nd_free_mem(fac);
    nd_free(vc);
    return r;
}

nd_array *nd_polyfit_(const nd_array *x, const nd_array *y, int deg, const nd_polyfit_opts *o)
{
    const char *who = "nd_polyfit";
    static const nd_polyfit_opts dflt = { 0 };
    if (!o) o = &dflt;
    if (!x || !y) return nd__poly_null(who), NULL;
    if (deg < 0) return nd_set_error(ND_EVALUE, "%s: expected deg >= 0", who), NULL;
    if (nd_ndim(x) != 1) return nd_set_error(ND_ESHAPE, "%s: expected 1D vector for x", who), NULL;
    if (nd_size(x) == 0)
        return nd_set_error(ND_EVALUE, "%s: expected non-empty vector for x", who), NULL;
    if (nd_ndim(y) < 1 || nd_ndim(y) > 2)
        return nd_set_error(ND_ESHAPE, "%s: expected 1D or 2D array for y", who), NULL;
    ptrdiff_t n = nd_shape(x)[0];
    if (nd_shape(y)[0] != n)
        return nd_set_error(ND_EVALUE, "%s: expected x and y to have same length (%td and %td)",
                            who, n, nd_shape(y)[0]),
               NULL;
    if (nd__poly_cat(nd_dtype_of(x)) == 3 || nd__poly_cat(nd_dtype_of(y)) == 3 ||
        (o->w && nd__poly_cat(nd_dtype_of(o->w)) == 3))
        return nd_set_error(ND_EDTYPE, "%s: complex input is not supported", who), NULL;
    if (o->w) {
        if (nd_ndim(o->w) != 1)
            return nd_set_error(ND_ESHAPE, "%s: expected a 1-d array for weights", who), NULL;
        if (nd_shape(o->w)[0] != n)
            return nd_set_error(ND_EVALUE, "%s: expected w and y to have the same length", who),
                   NULL;
    }
    if ((o->full || o->cov) && !o->info)
        return nd_set_error(ND_EVALUE, "%s: .full and .cov need .info", who), NULL;
    bool y2d = nd_ndim(y) == 2;
    ptrdiff_t K = y2d ? nd_shape(y)[1] : 1, order = (ptrdiff_t)deg + 1;
    double rcond = o->rcond != 0 ? o->rcond
                                 : (double)n * (nd_dtype_of(x) == ND_FLOAT32 ? FLT_EPSILON : DBL_EPSILON);

    double *xs = NULL, *ws = NULL, *scale = NULL;
    nd_array *A = NULL, *B = NULL, *c = NULL;
    nd_lstsq_result res = { 0 };
    nd_polyfit_info info = { 0 };
    ptrdiff_t ashape[2] = { n, order }, bshape[2] = { n, K };
    xs = nd__poly_buf(x, ND_FLOAT64, who);
    if (!xs) goto fail;
    if (o->w && !(ws = nd__poly_buf(o->w, ND_FLOAT64, who))) goto fail;
    B = nd_empty(y2d ? 2 : 1, bshape, ND_FLOAT64);
    if (!B) goto fail;
    double *rhs = nd_data(B);
    if (nd_to_f64(y, rhs) < 0) goto fail;
    if (!all_finite(xs, n) || !all_finite(rhs, n * K) || (ws && !all_finite(ws, n))) {
        nd_set_error(ND_EVALUE, "%s: x, y and w must be finite (SVD did not converge in Linear "
                     "Least Squares)", who);
        goto fail;
    }
    A = nd_empty(2, ashape, ND_FLOAT64);
    scale = nd_malloc(sizeof(double) * (size_t)order, who);
    if (!A || !scale) goto fail;
    double *lhs = nd_data(A);
    for (ptrdiff_t i = 0; i < n; i++) {
        double *row = lhs + i * order, v = 1.0;
        row[order - 1] = 1.0;
        for (ptrdiff_t j = order - 2; j >= 0; j--) row[j] = v = v * xs[i];
        if (ws) {
            for (ptrdiff_t j = 0; j < order; j++) row[j] *= ws[i];
            for (ptrdiff_t k = 0; k < K; k++) rhs[i * K + k] *= ws[i];
        }
    }
    for (ptrdiff_t j = 0; j < order; j++) scale[j] = 0;
    for (ptrdiff_t i = 0; i < n; i++)
        for (ptrdiff_t j = 0; j < order; j++) scale[j] += lhs[i * order + j] * lhs[i * order + j];
    for (ptrdiff_t j = 0; j < order; j++) scale[j] = sqrt(scale[j]);
    for (ptrdiff_t i = 0; i < n; i++)
        for (ptrdiff_t j = 0; j < order; j++) lhs[i * order + j] /= scale[j];
    if (nd_lstsq(A, B, rcond, &res) < 0) goto fail;
    ptrdiff_t cshape[2] = { order, K };
    c = nd_empty(y2d ? 2 : 1, cshape, ND_FLOAT64);
    if (!c || nd_to_f64(res.x, nd_data(c)) < 0) goto fail;
    double *cd = nd_data(c);
    for (ptrdiff_t j = 0; j < order; j++)
        for (ptrdiff_t k = 0; k < K; k++) cd[j * K + k] /= scale[j];
    ptrdiff_t rank = (ptrdiff_t)nd_item_i64(res.rank);
    if (rank != order && !o->full) nd_warn("%s: Polyfit may be poorly conditioned", who);
    if (o->full) {
        info.rank = rank;
        info.rcond = rcond;
        if (keep_as(&info.residuals, res.residuals) < 0) goto fail;
        res.residuals = NULL;
        if (keep_as(&info.singular_values, res.s) < 0) goto fail;
        res.s = NULL;
    } else if (o->cov) {
        if (keep_as(&info.cov, polyfit_cov(lhs, scale, n, order, o->cov, res.residuals, y2d, K, who)) < 0)
            goto fail;
    }
    if (o->info) *o->info = info;
    nd_lstsq_result_free(&res);
    nd_free(A);
    nd_free(B);
    nd_free_mem(xs);
    nd_free_mem(ws);
    nd_free_mem(scale);
    return c;
fail:
    nd_polyfit_info_free(&info);
    nd_lstsq_result_free(&res);
    nd_free(A);
    nd_free(B);
    nd_free(c);
    nd_free_mem(xs);
    nd_free_mem(ws);
    nd_free_mem(scale);
    return NULL;
}

/* ---- roots / poly -------------------------------------------------------------------------- */

nd_array *nd_roots(const nd_array *p)
{
    const char *who = "nd_roots";
    if (!p) return nd__poly_null(who), NULL;
    if (nd_ndim(p) > 1) return nd_set_error(ND_ESHAPE, "%s: Input must be a rank-1 array.", who), NULL;
    double _Complex *pb = nd__poly_buf(p, ND_COMPLEX128, who);
    if (!pb) return NULL;
    ptrdiff_t len = nd_size(p), first = -1, last = -1;
    for (ptrdiff_t i = 0; i < len; i++)
        if (pb[i] != 0) {
            if (first < 0) first = i;
            last = i;
        }
    nd_array *r = NULL;
    if (first < 0) {
        ptrdiff_t zero = 0;
        nd_free_mem(pb);
        return nd_empty(1, &zero, ND_FLOAT64);
    }
    ptrdiff_t trailing = len - last - 1, N = last - first + 1;
    nd_dtype pd = nd_dtype_of(p);
    nd_dtype dt = nd__poly_cat(pd) >= 2 ? pd : ND_FLOAT64;
    bool cplx = nd__poly_cat(dt) == 3;
    nd_array *ev = NULL;
    if (N > 1) {
        ptrdiff_t m = N - 1, shape[2] = { m, m };
        nd_array *A = nd_zeros(2, shape, cplx ? ND_COMPLEX128 : ND_FLOAT64);
        if (!A) goto done;
        const double _Complex *q = pb + first;
        for (ptrdiff_t j = 0; j < m; j++) {
            double _Complex v = -q[j + 1] / q[0];
            if (dt == ND_FLOAT32) v = (float)creal(v);
            if (dt == ND_COMPLEX64) v = (float _Complex)v;
            if (cplx) ((double _Complex *)nd_data(A))[j] = v;
            else ((double *)nd_data(A))[j] = creal(v);
        }
        for (ptrdiff_t i = 1; i < m; i++) {
            if (cplx) ((double _Complex *)nd_data(A))[i * m + i - 1] = 1;
            else ((double *)nd_data(A))[i * m + i - 1] = 1;
        }
        if (dt == ND_FLOAT32 || dt == ND_COMPLEX64) {
            nd_array *c = nd_astype(A, dt, ND_CAST_UNSAFE);
            nd_free(A);
            A = c;
            if (!A) goto done;
        }
        nd_array *e = nd_eigvals(A);
        nd_free(A);
        if (!e) goto done;
        ev = nd_ascontiguousarray(e);
        nd_free(e);
        if (!ev) goto done;
    }
    nd_dtype rt = ev ? nd_dtype_of(ev) : ND_FLOAT64;
    ptrdiff_t ne = ev ? nd_size(ev) : 0, total = ne + trailing;
    r = nd_zeros(1, &total, rt);
    if (r && ne) memcpy(nd_data(r), nd_data(ev), (size_t)ne * nd_itemsize(ev));
done:
    nd_free(ev);
    nd_free_mem(pb);
    return r;
}

static int cmp_c128(const void *a, const void *b)
{
    const double *x = a, *y = b;
    if (x[0] != y[0]) return x[0] < y[0] ? -1 : 1;
    if (x[1] != y[1]) return x[1] < y[1] ? -1 : 1;
    return 0;
}

nd_array *nd_poly(const nd_array *z)
{
    const char *who = "nd_poly";
    if (!z) return nd__poly_null(who), NULL;
    nd_array *zz = NULL;
    int nd = nd_ndim(z);
    nd_dtype zd = nd_dtype_of(z);
    if (nd == 2 && nd_shape(z)[0] == nd_shape(z)[1] && nd_shape(z)[0] != 0) {
        zz = nd_eigvals(z);
        if (!zz) return NULL;
        zd = nd_dtype_of(zz);
    } else if (nd <= 1) {
        zz = nd__poly_1d(z, who);
        if (!zz) return NULL;
        if (nd__poly_cat(zd) < 2) zd = ND_FLOAT64;
    } else {
        return nd_set_error(ND_EVALUE, "%s: input must be 1d or non-empty square 2d array.", who),
               NULL;
    }
    ptrdiff_t n = nd_size(zz);
    if (n == 0) {
        nd_free(zz);
        nd_scalar one = { ND_FLOAT64, { false } };
        one.v.f = 1.0;
        return nd_scalar_array(one);
    }
    double _Complex *rb = nd__poly_buf(zz, ND_COMPLEX128, who);
    nd_free(zz);
    if (!rb) return NULL;
    double _Complex *a = nd_malloc(sizeof *a * (size_t)(n + 1), who);
    double _Complex *s1 = nd_malloc(sizeof *a * (size_t)(2 * n), who);
    nd_array *r = NULL;
    if (!a || !s1) goto done;
    bool cplx = nd__poly_cat(zd) == 3, f32 = zd == ND_FLOAT32 || zd == ND_COMPLEX64;
    a[0] = 1;
    for (ptrdiff_t j = 0; j < n; j++) {
        double _Complex mz = -rb[j];
        a[j + 1] = a[j] * mz;
        for (ptrdiff_t k = j; k >= 1; k--) a[k] = a[k] + a[k - 1] * mz;
        if (!cplx)
            for (ptrdiff_t k = 0; k <= j + 1; k++) a[k] = creal(a[k]);
        if (f32)
            for (ptrdiff_t k = 0; k <= j + 1; k++) a[k] = (float _Complex)a[k];
    }
    nd_dtype rt = zd, ct = cplx ? ND_COMPLEX128 : ND_FLOAT64;
    if (cplx) {
        for (ptrdiff_t j = 0; j < n; j++) {
            s1[j] = rb[j];
            s1[n + j] = conj(rb[j]);
        }
        qsort(s1, (size_t)n, sizeof *s1, cmp_c128);
        qsort(s1 + n, (size_t)n, sizeof *s1, cmp_c128);
        bool same = true;
        for (ptrdiff_t j = 0; j < n && same; j++) same = s1[j] == s1[n + j];
        if (same) rt = zd == ND_COMPLEX64 ? ND_FLOAT32 : ND_FLOAT64;
    }
    if (!cplx || nd__poly_cat(rt) != 3) {
        double *re = (double *)s1; /* reuse: n + 1 <= 2n doubles... s1 holds 4n */
        for (ptrdiff_t k = 0; k <= n; k++) re[k] = creal(a[k]);
        r = nd__poly_from(re, n + 1, ND_FLOAT64, rt);
    } else {
        r = nd__poly_from(a, n + 1, ct, rt);
    }
done:
    nd_free_mem(a);
    nd_free_mem(s1);
    nd_free_mem(rb);
    return r;
}

/* ---- polyadd / polysub / polymul ------------------------------------------------------------ */

/* a (1-d) with `lead` zeros in front, as a new contiguous array. */
static nd_array *pad_front(const nd_array *a, ptrdiff_t lead)
{
    ptrdiff_t n = nd_size(a), total = n + lead;
    nd_array *r = nd_zeros(1, &total, nd_dtype_of(a));
    if (!r) return NULL;
    if (n && nd_to_buffer(a, (char *)nd_data(r) + (size_t)lead * nd_itemsize(a), nd_dtype_of(a)) < 0) {
        nd_free(r);
        return NULL;
    }
    return r;
}

static nd_array *addsub(const nd_array *a1, const nd_array *a2, bool sub, const char *who)
{
    nd_array *x = nd__poly_1d(a1, who);
    nd_array *y = x ? nd__poly_1d(a2, who) : NULL;
    nd_array *xp = NULL, *yp = NULL, *r = NULL;
    if (!y) goto done;
    ptrdiff_t d = nd_size(y) - nd_size(x);
    xp = pad_front(x, d > 0 ? d : 0);
    yp = xp ? pad_front(y, d < 0 ? -d : 0) : NULL;
    if (yp) r = sub ? nd_subtract(xp, yp) : nd_add(xp, yp);
done:
    nd_free(x);
    nd_free(y);
    nd_free(xp);
    nd_free(yp);
    return r;
}

nd_array *nd_polyadd(const nd_array *a1, const nd_array *a2)
{
    return addsub(a1, a2, false, "nd_polyadd");
}

nd_array *nd_polysub(const nd_array *a1, const nd_array *a2)
{
    return addsub(a1, a2, true, "nd_polysub");
}

/* poly1d's coefficients: leading zeros trimmed, [0] when nothing is left. */
nd_array *nd__poly_trim(const nd_array *a, const char *who)
{
    nd_array *x = nd__poly_1d(a, who);
    if (!x) return NULL;
    double _Complex *b = nd__poly_buf(x, ND_COMPLEX128, who);
    if (!b) {
        nd_free(x);
        return NULL;
    }
    ptrdiff_t n = nd_size(x), f = 0;
    while (f < n && b[f] == 0) f++;
    nd_free_mem(b);
    nd_array *r;
    if (f == n) {
        ptrdiff_t one = 1;
        r = nd_zeros(1, &one, nd_dtype_of(x));
    } else {
        nd_index idx = ND_SLICE(f, n, 1);
        nd_array *v = nd_slice(x, 1, &idx);
        r = v ? nd_ascontiguousarray(v) : NULL;
        nd_free(v);
    }
    nd_free(x);
    return r;
}

nd_array *nd_polymul(const nd_array *a1, const nd_array *a2)
{
    const char *who = "nd_polymul";
    if (!a1 || !a2) return nd__poly_null(who), NULL;
    nd_array *x = nd__poly_trim(a1, who);
    nd_array *y = x ? nd__poly_trim(a2, who) : NULL;
    nd_array *r = y ? nd_convolve(x, y, ND_CONV_FULL) : NULL;
    nd_free(x);
    nd_free(y);
    return r;
}

/* ---- polydiv -------------------------------------------------------------------------------- */

static nd_dtype plus_float(nd_dtype t)
{
    return nd__poly_cat(t) >= 2 ? t : ND_FLOAT64;
}

nd_status nd_polydiv(const nd_array *u, const nd_array *v, nd_array **q, nd_array **r)
{
    const char *who = "nd_polydiv";
    if (q) *q = NULL;
    if (r) *r = NULL;
    if (!u || !v) return nd__poly_null(who);
    if (!q || !r) return nd_set_error(ND_EVALUE, "%s: q and r must not be NULL", who);
    nd_array *uu = nd__poly_1d(u, who);
    nd_array *vv = uu ? nd__poly_1d(v, who) : NULL;
    if (!vv) {
        nd_free(uu);
        return nd_last_error();
    }
    nd_status rc = ND_OK;
    double _Complex *ub = NULL, *vb = NULL, *qb = NULL;
    ptrdiff_t lu = nd_size(uu), lv = nd_size(vv);
    if (lu == 0 || lv == 0) {
        rc = nd_set_error(ND_EVALUE, "%s: u and v must not be empty", who);
        goto done;
    }
    nd_dtype wt = nd_result_type(plus_float(nd_dtype_of(uu)), plus_float(nd_dtype_of(vv)));
    ub = nd__poly_buf(uu, ND_COMPLEX128, who);
    vb = ub ? nd__poly_buf(vv, ND_COMPLEX128, who) : NULL;
    ptrdiff_t m = lu - 1, n = lv - 1, nq = m - n + 1 > 1 ? m - n + 1 : 1;
    qb = vb ? nd_calloc((size_t)nq, sizeof *qb, who) : NULL;
    if (!qb) {
        rc = nd_last_error();
        goto done;
    }
    double _Complex scale = 1.0 / vb[0];
    for (ptrdiff_t k = 0; k < m - n + 1; k++) {
        double _Complex d = scale * ub[k];
        qb[k] = d;
        for (ptrdiff_t i = 0; i <= n; i++) ub[k + i] -= d * vb[i];
    }
    ptrdiff_t f = 0;
    while (lu - f > 1 && cabs(ub[f]) <= 1e-8) f++;
    nd_dtype ct = nd__poly_cat(wt) == 3 ? ND_COMPLEX128 : ND_FLOAT64;
    if (ct == ND_FLOAT64) {
        double *qd = (double *)qb, *ud = (double *)ub;
        for (ptrdiff_t k = 0; k < nq; k++) qd[k] = creal(qb[k]);
        for (ptrdiff_t k = f; k < lu; k++) ud[k] = creal(ub[k]);
        *q = nd__poly_from(qd, nq, ct, wt);
        if (*q) *r = nd__poly_from(ud + f, lu - f, ct, wt);
    } else {
        *q = nd__poly_from(qb, nq, ct, wt);
        if (*q) *r = nd__poly_from(ub + f, lu - f, ct, wt);
    }
    if (!*r) {
        nd_free(*q);
        *q = NULL;
        rc = nd_last_error() < 0 ? nd_last_error() : ND_ENOMEM;
    }
done:
    nd_free_mem(ub);
    nd_free_mem(vb);
    nd_free_mem(qb);
    nd_free(uu);
    nd_free(vv);
    return rc;
}

/* ---- polyder / polyint ---------------------------------------------------------------------- */

nd_array *nd_polyder_(const nd_array *p, const nd_polyder_opts *o)
{
    const char *who = "nd_polyder";
    int m = o ? o->m : 1;
    if (!p) return nd__poly_null(who), NULL;
    if (m < 0)
        return nd_set_error(ND_EVALUE, "%s: Order of derivative must be positive (see polyint)", who),
               NULL;
    if (nd_ndim(p) != 1)
        return nd_set_error(ND_ESHAPE, "%s: expected a 1-d array, got %d dimensions", who,
                            nd_ndim(p)),
               NULL;
    if (m == 0) return nd_copy(p, ND_ORDER_C);
    nd_dtype rt = nd_result_type(nd_dtype_of(p), ND_INT64), ct = compute_type(rt);
    void *b = nd__poly_buf(p, ct, who);
    if (!b) return NULL;
    ptrdiff_t n = nd_size(p);
    for (int j = 0; j < m && n > 0; j++) {
        ptrdiff_t deg = n - 1;
        for (ptrdiff_t i = 0; i < deg; i++) {
            if (ct == ND_FLOAT64) ((double *)b)[i] *= (double)(deg - i);
            else if (ct == ND_COMPLEX128) ((double _Complex *)b)[i] *= (double)(deg - i);
            else ((uint64_t *)b)[i] *= (uint64_t)(deg - i);
        }
        n = deg;
    }
    nd_array *r = nd__poly_from(b, n, ct, rt);
    nd_free_mem(b);
    return r;
}

nd_array *nd_polyint_(const nd_array *p, const nd_polyint_opts *o)
{
    const char *who = "nd_polyint";
    static const nd_polyint_opts dflt = { 0, 1, { NULL, { ND_BOOL, { false } }, ND_OPK_NONE } };
    if (!o) o = &dflt;
    int m = o->m;
    if (!p) return nd__poly_null(who), NULL;
    if (m < 0)
        return nd_set_error(ND_EVALUE, "%s: Order of integral must be positive (see polyder)", who),
               NULL;
    if (nd_ndim(p) != 1)
        return nd_set_error(ND_ESHAPE, "%s: expected a 1-d array, got %d dimensions", who,
                            nd_ndim(p)),
               NULL;
    bool has_k = (o->k.kind == ND_OPK_ARRAY && o->k.array) || o->k.kind == ND_OPK_SCALAR;
    nd_array *ks = NULL;
    const nd_array *ka = NULL;
    if (has_k) {
        if (o->k.kind == ND_OPK_SCALAR) {
            ks = nd_scalar_array(o->k.scalar);
            if (!ks) return NULL;
            ka = ks;
        } else {
            ka = o->k.array;
        }
        if (nd_ndim(ka) > 1) {
            nd_free(ks);
            return nd_set_error(ND_ESHAPE, "%s: k must be a scalar or a 1-d array", who), NULL;
        }
    }
    if (m == 0) {
        nd_free(ks);
        return nd_copy(p, ND_ORDER_C);
    }
    ptrdiff_t nk = ka ? nd_size(ka) : 0;
    if (ka && nk != 1 && nk < m) {
        nd_free(ks);
        return nd_set_error(ND_EVALUE,
                            "%s: k must be a scalar or a rank-1 array of length 1 or >m.", who),
               NULL;
    }
    bool cplx = nd__poly_cat(nd_dtype_of(p)) == 3 || (ka && nd__poly_cat(nd_dtype_of(ka)) == 3);
    ptrdiff_t n = nd_size(p);
    double _Complex *b = nd_malloc(sizeof *b * (size_t)(n + m + 1), who);
    double _Complex *kb = b && ka ? nd__poly_buf(ka, ND_COMPLEX128, who) : NULL;
    nd_free(ks);
    nd_array *r = NULL;
    if (!b || (ka && !kb)) goto done;
    if (n && nd_to_buffer(p, b, ND_COMPLEX128) < 0) goto done;
    for (int j = 0; j < m; j++) {
        for (ptrdiff_t i = 0; i < n; i++) b[i] /= (double)(n - i);
        b[n] = kb ? kb[nk == 1 ? 0 : j] : 0;
        n++;
    }
    if (cplx) {
        r = nd__poly_from(b, n, ND_COMPLEX128, ND_COMPLEX128);
    } else {
        double *d = (double *)b;
        for (ptrdiff_t i = 0; i < n; i++) d[i] = creal(b[i]);
        r = nd__poly_from(d, n, ND_FLOAT64, ND_FLOAT64);
    }
done:
    nd_free_mem(b);
    nd_free_mem(kb);
    return r;
}
