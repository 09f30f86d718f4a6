/* numpy.polynomial's Gauss quadratures (chebgauss, leggauss, laggauss, hermgauss,
 * hermegauss), chebpts1, chebpts2 and chebinterpolate. The Gauss rules share one kernel:
 * the eigenvalues of the family's symmetric companion matrix, one Newton step and the
 * weights 1 / (p_{n-1} p_n'), with the family's orthonormal recurrence (no overflow). */
#include <math.h>
#include <string.h>

#include <numc/array.h>
#include <numc/error.h>
#include <numc/linalg.h>
#include <numc/poly.h>

#include "polyfam_internal.h"

#ifndef M_PI
#define M_PI 3.14159265358979323846
#endif

/* q_{n-1}(x), q_n(x), q_n'(x) of the orthonormal recurrence from the symmetric companion:
 * x q_k = o_k q_{k+1} + d_k q_k + o_{k-1} q_{k-1}. */
static void normed(const double *d, const double *o, int n, double x, double *qm1, double *qn,
                   double *dqn)
{
    double p0 = 0, p1 = 1, dp0 = 0, dp1 = 0;
    for (int k = 0; k < n; k++) {
        double prev = k > 0 ? o[k - 1] : 0;
        double p2 = ((x - d[k]) * p1 - prev * p0) / o[k];
        double dp2 = (p1 + (x - d[k]) * dp1 - prev * dp0) / o[k];
        p0 = p1, p1 = p2, dp0 = dp1, dp1 = dp2;
    }
    *qm1 = p0;
    *qn = p1;
    *dqn = dp1;
}

static nd_status gauss(pf_kind kind, const char *who, int deg, nd_array **xo, nd_array **wo)
{
    if (xo) *xo = NULL;
    if (wo) *wo = NULL;
    if (!xo || !wo) return nd_set_error(ND_EVALUE, "%s: x and w must not be NULL", who);
    if (deg < 1) return nd_set_error(ND_EVALUE, "%s: deg must be a positive integer (got %d)", who, deg);
    ptrdiff_t n = deg;
    nd_array *x = NULL, *w = NULL;
    if (kind == PF_CHEB) {
        x = nd_empty(1, &n, ND_FLOAT64);
        w = nd_empty(1, &n, ND_FLOAT64);
        if (!x || !w) goto fail;
        for (ptrdiff_t i = 0; i < n; i++) {
            ((double *)nd_data(x))[i] = cos(M_PI * (double)(2 * i + 1) / (2.0 * (double)deg));
            ((double *)nd_data(w))[i] = M_PI / (double)deg;
        }
        *xo = x;
        *wo = w;
        return ND_OK;
    }
    double *d = nd__malloc_n(2 * n + 2, sizeof(double), who), *o = d ? d + n + 1 : NULL;
    if (!d) return ND_ENOMEM;
    for (int k = 0; k <= deg; k++) {
        pf_mx a, b;
        nd__pf_mx(kind, k, &a);
        nd__pf_mx(kind, k + 1, &b);
        if (k < deg) d[k] = a.d / a.s;
        double u = a.u / a.s, l = b.l / b.s, v = sqrt(u * l);
        if (k < deg) o[k] = u < 0 ? -v : v;
    }
    ptrdiff_t shape[2] = { n, n };
    nd_array *M = nd_zeros(2, shape, ND_FLOAT64);
    if (!M) {
        nd_free_mem(d);
        return ND_ENOMEM;
    }
    double *a = nd_data(M);
    for (ptrdiff_t k = 0; k < n; k++) {
        a[k * n + k] = d[k];
        if (k + 1 < n) a[k * n + k + 1] = a[(k + 1) * n + k] = o[k];
    }
    nd_array *ev = nd_eigvalsh(M, 'L');
    nd_free(M);
    x = ev ? nd_ascontiguousarray(ev) : NULL;
    nd_free(ev);
    w = x ? nd_empty(1, &n, ND_FLOAT64) : NULL;
    if (!w) {
        nd_free_mem(d);
        goto fail;
    }
    double *xv = nd_data(x), *wv = nd_data(w), fmax = 0, dmax = 0;
    double *fm = nd__malloc_n(2 * n, sizeof(double), who), *df = fm ? fm + n : NULL;
    if (!fm) {
        nd_free_mem(d);
        goto fail;
    }
    for (ptrdiff_t i = 0; i < n; i++) {
        double qm1, qn, dq;
        normed(d, o, deg, xv[i], &qm1, &qn, &dq);
        xv[i] -= qn / dq;
        normed(d, o, deg, xv[i], &qm1, &qn, &dq);
        fm[i] = qm1;
        df[i] = dq;
        if (fabs(qm1) > fmax) fmax = fabs(qm1);
        if (fabs(dq) > dmax) dmax = fabs(dq);
    }
    for (ptrdiff_t i = 0; i < n; i++) wv[i] = 1 / ((fm[i] / fmax) * (df[i] / dmax));
    nd_free_mem(fm);
    nd_free_mem(d);
    if (kind != PF_LAG) {
        for (ptrdiff_t i = 0; i < n / 2; i++) {
            ptrdiff_t j = n - 1 - i;
            double ws = (wv[i] + wv[j]) / 2, xs = (xv[i] - xv[j]) / 2;
            wv[i] = wv[j] = ws;
            xv[i] = xs;
            xv[j] = -xs;
        }
        if (n % 2) xv[n / 2] = 0;
    }
    double total = kind == PF_LEG ? 2.0 : kind == PF_LAG ? 1.0 : kind == PF_HERM ? sqrt(M_PI) : sqrt(2 * M_PI);
    double sum = 0;
    for (ptrdiff_t i = 0; i < n; i++) sum += wv[i];
    for (ptrdiff_t i = 0; i < n; i++) wv[i] *= total / sum;
    *xo = x;
    *wo = w;
    return ND_OK;
fail:
    nd_free(x);
    nd_free(w);
    return nd_last_error() < 0 ? nd_last_error() : ND_ENOMEM;
}

#define PF_DEF_GAUSS(P, K)                                                                      \
    nd_status nd_##P##gauss(int deg, nd_array **x, nd_array **w) { return gauss(K, "nd_" #P "gauss", deg, x, w); }
PF_DEF_GAUSS(cheb, PF_CHEB)
PF_DEF_GAUSS(leg, PF_LEG)
PF_DEF_GAUSS(lag, PF_LAG)
PF_DEF_GAUSS(herm, PF_HERM)
PF_DEF_GAUSS(herme, PF_HERME)

nd_array *nd_chebpts1(int npts)
{
    if (npts < 1) return nd_set_error(ND_EVALUE, "nd_chebpts1: npts must be >= 1 (got %d)", npts), NULL;
    ptrdiff_t n = npts;
    nd_array *r = nd_empty(1, &n, ND_FLOAT64);
    if (!r) return NULL;
    double *v = nd_data(r), h = 0.5 * M_PI / (double)npts;
    for (ptrdiff_t i = 0; i < n; i++) v[i] = sin(h * (double)(-npts + 1 + 2 * i));
    return r;
}

nd_array *nd_chebpts2(int npts)
{
    if (npts < 2) return nd_set_error(ND_EVALUE, "nd_chebpts2: npts must be >= 2 (got %d)", npts), NULL;
    ptrdiff_t n = npts;
    nd_array *r = nd_empty(1, &n, ND_FLOAT64);
    if (!r) return NULL;
    double *v = nd_data(r), step = M_PI / (double)(npts - 1);
    for (ptrdiff_t i = 0; i < n; i++) v[i] = cos(i == n - 1 ? 0.0 : (double)i * step - M_PI);
    return r;
}

nd_array *nd_chebinterpolate(double (*func)(double x, void *ctx), void *ctx, int deg)
{
    const char *who = "nd_chebinterpolate";
    if (!func) return nd_set_error(ND_EVALUE, "%s: func is NULL", who), NULL;
    if (deg < 0) return nd_set_error(ND_EVALUE, "%s: expected deg >= 0 (got %d)", who, deg), NULL;
    ptrdiff_t order = (ptrdiff_t)deg + 1;
    nd_array *pts = nd_chebpts1((int)order);
    double *v = pts ? nd__malloc_n(order * order + order, sizeof(double), who) : NULL;
    nd_array *c = v ? nd_zeros(1, &order, ND_FLOAT64) : NULL;
    if (c) {
        const double *x = nd_data(pts);
        double *y = v + order * order, *cv = nd_data(c);
        nd__pf_vander_rows(PF_CHEB, x, order, deg, v, order);
        for (ptrdiff_t i = 0; i < order; i++) y[i] = func(x[i], ctx);
        for (ptrdiff_t j = 0; j < order; j++) {
            double s = 0;
            for (ptrdiff_t i = 0; i < order; i++) s += v[i * order + j] * y[i];
            cv[j] = j == 0 ? s / (double)order : s / (0.5 * (double)order);
        }
    }
    nd_free(pts);
    nd_free_mem(v);
    return c;
}

/* ---- weight functions ---------------------------------------------------------------------- */

static nd_array *weight(pf_kind kind, const char *who, const nd_array *x)
{
    nd_array *r = nd__pf_f64_array(x, who);
    if (r) {
        double *v = nd_data(r);
        ptrdiff_t n = nd_size(r);
        for (ptrdiff_t i = 0; i < n; i++) {
            double t = v[i];
            switch (kind) {
            case PF_CHEB: v[i] = 1.0 / (sqrt(1.0 + t) * sqrt(1.0 - t)); break;
            case PF_LAG: v[i] = exp(-t); break;
            case PF_HERM: v[i] = exp(-(t * t)); break;
            case PF_HERME: v[i] = exp(-0.5 * (t * t)); break;
            default: v[i] = t * 0.0 + 1.0; break;
            }
        }
    }
    return r;
}

#define PF_DEF_WEIGHT(P, K) \
    nd_array *nd_##P##weight(const nd_array *x) { return weight(K, "nd_" #P "weight", x); }
PF_DEF_WEIGHT(cheb, PF_CHEB)
PF_DEF_WEIGHT(leg, PF_LEG)
PF_DEF_WEIGHT(lag, PF_LAG)
PF_DEF_WEIGHT(herm, PF_HERM)
PF_DEF_WEIGHT(herme, PF_HERME)
