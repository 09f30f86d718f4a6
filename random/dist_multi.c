/* Multivariate distributions: multinomial, dirichlet, multivariate normal. */
#include <math.h>
#include <stdio.h>
#include <string.h>

#include "dist_internal.h"

/* Output shape (size..., k) with its checks. */
static nd_array *multi_out(int ndim, const ptrdiff_t *shape, ptrdiff_t k, nd_dtype dt,
                           const char *who)
{
    if (ndim < 0 || ndim >= ND_MAXDIMS)
        return ND_FAIL(ND_EVALUE, "%s: size has %d dimensions", who, ndim);
    ptrdiff_t full[ND_MAXDIMS];
    for (int i = 0; i < ndim; i++) full[i] = shape[i];
    full[ndim] = k;
    return nd__rng_out(ndim + 1, full, dt, who);
}

/* A 1-D parameter vector as doubles (caller frees). */
static double *vector_of(const nd_array *v, ptrdiff_t *n, const char *who, const char *what)
{
    if (!v) return ND_FAIL(ND_EVALUE, "%s: NULL %s", who, what);
    if (v->ndim != 1)
        return ND_FAIL(ND_ESHAPE, "%s: %s must be 1-dimensional (got %d dimensions)", who, what,
                       v->ndim);
    if (nd_dtype_is_complex(v->dtype))
        return ND_FAIL(ND_EDTYPE, "%s: %s must be real", who, what);
    *n = v->shape[0];
    double *d = nd__malloc((size_t)(*n > 0 ? *n : 1) * sizeof *d, who);
    if (d) nd_to_f64(v, d);
    return d;
}

nd_array *nd_rng_multinomial(nd_rng *r, int64_t n, const nd_array *pvals, int ndim,
                             const ptrdiff_t *shape)
{
    const char *who = "nd_rng_multinomial";
    if (!r) return ND_FAIL(ND_EVALUE, "%s: NULL generator", who);
    if (n < 0) return ND_FAIL(ND_EVALUE, "%s: n = %lld < 0", who, (long long)n);
    ptrdiff_t d;
    double *p = vector_of(pvals, &d, who, "pvals");
    if (!p) return NULL;
    nd_array *out = NULL;
    if (d < 1) {
        nd__error(ND_EVALUE, "%s: pvals is empty", who);
        goto done;
    }
    /* Kahan sum of all but the last, as NumPy checks it */
    double sum = 0, comp = 0;
    for (ptrdiff_t j = 0; j < d; j++) {
        if (!(p[j] >= 0 && p[j] <= 1)) {
            nd__error(ND_EVALUE, "%s: pvals[%td] = %g outside [0, 1]", who, j, p[j]);
            goto done;
        }
        if (j < d - 1) {
            double y = p[j] - comp, t = sum + y;
            comp = (t - sum) - y;
            sum = t;
        }
    }
    if (sum > 1.0 + 1e-12) {
        nd__error(ND_EVALUE, "%s: sum(pvals[:-1]) = %.17g > 1.0", who, sum);
        goto done;
    }
    out = multi_out(ndim, shape, d, ND_INT64, who);
    if (!out) goto done;
    int64_t *o = (int64_t *)out->data;
    nd__binom cache;
    memset(&cache, 0, sizeof cache);
    for (ptrdiff_t s = 0; s < out->size; s += d) {
        int64_t *m = o + s;
        memset(m, 0, (size_t)d * sizeof *m);
        double remaining = 1.0;
        int64_t left = n;
        for (ptrdiff_t j = 0; j < d - 1; j++) {
            m[j] = nd__binomial(r, p[j] / remaining, left, &cache);
            left -= m[j];
            if (left <= 0) break;
            remaining -= p[j];
        }
        if (left > 0) m[d - 1] = left;
    }
done:
    nd__free(p);
    return out;
}

nd_array *nd_rng_dirichlet(nd_rng *r, const nd_array *alpha, int ndim, const ptrdiff_t *shape)
{
    const char *who = "nd_rng_dirichlet";
    if (!r) return ND_FAIL(ND_EVALUE, "%s: NULL generator", who);
    ptrdiff_t k;
    double *a = vector_of(alpha, &k, who, "alpha");
    if (!a) return NULL;
    nd_array *out = NULL;
    double amax = 0;
    for (ptrdiff_t j = 0; j < k; j++) {
        if (!(a[j] > 0)) {
            nd__error(ND_EVALUE, "%s: alpha[%td] = %g <= 0", who, j, a[j]);
            goto done;
        }
        if (a[j] > amax) amax = a[j];
    }
    out = multi_out(ndim, shape, k, ND_FLOAT64, who);
    if (!out || k == 0) goto done;
    double *o = (double *)out->data;
    if (amax < 0.1) {
        /* small alphas: gamma variates underflow to 0, so break a stick with betas */
        double *csum = nd__malloc((size_t)k * sizeof *csum, who);
        if (!csum) {
            nd_free(out);
            out = NULL;
            goto done;
        }
        double c = 0;
        for (ptrdiff_t j = k - 1; j >= 0; j--) csum[j] = c += a[j];
        for (ptrdiff_t s = 0; s < out->size; s += k) {
            double acc = 1.0;
            for (ptrdiff_t j = 0; j < k - 1; j++) {
                double v = nd__beta(r, a[j], csum[j + 1]);
                o[s + j] = acc * v;
                acc *= 1.0 - v;
            }
            o[s + k - 1] = acc;
        }
        nd__free(csum);
    } else {
        for (ptrdiff_t s = 0; s < out->size; s += k) {
            double acc = 0;
            for (ptrdiff_t j = 0; j < k; j++) acc += o[s + j] = nd__std_gamma(r, a[j]);
            double inv = 1.0 / acc;
            for (ptrdiff_t j = 0; j < k; j++) o[s + j] *= inv;
        }
    }
done:
    nd__free(a);
    return out;
}

/* ---- multivariate normal ------------------------------------------------------------- */
/* Cholesky–Banachiewicz, lower factor in l (row-major k×k); -1 when not positive
 * definite. (A small internal factorisation: linalg/ is not a dependency here.) */
static int cholesky(const double *a, double *l, ptrdiff_t k)
{
    memset(l, 0, (size_t)(k * k) * sizeof *l);
    for (ptrdiff_t i = 0; i < k; i++)
        for (ptrdiff_t j = 0; j <= i; j++) {
            double s = a[i * k + j];
            for (ptrdiff_t t = 0; t < j; t++) s -= l[i * k + t] * l[j * k + t];
            if (i == j) {
                if (!(s > 0)) return -1;
                l[i * k + i] = sqrt(s);
            } else {
                l[i * k + j] = s / l[j * k + j];
            }
        }
    return 0;
}

/* Cyclic Jacobi eigen-decomposition of a symmetric matrix: eigenvalues w, eigenvectors
 * in the columns of v. Accurate for the small covariance matrices used here. */
static void jacobi_eigh(double *a, double *w, double *v, ptrdiff_t k)
{
    for (ptrdiff_t i = 0; i < k; i++)
        for (ptrdiff_t j = 0; j < k; j++) v[i * k + j] = i == j;
    for (int sweep = 0; sweep < 100; sweep++) {
        double off = 0, diag = 0;
        for (ptrdiff_t i = 0; i < k; i++)
            for (ptrdiff_t j = 0; j < k; j++)
                if (i != j) off += a[i * k + j] * a[i * k + j];
                else diag += a[i * k + i] * a[i * k + i];
        if (off <= 1e-30 * diag || off == 0) break;
        for (ptrdiff_t p = 0; p < k; p++)
            for (ptrdiff_t q = p + 1; q < k; q++) {
                double apq = a[p * k + q];
                if (apq == 0) continue;
                double theta = (a[q * k + q] - a[p * k + p]) / (2 * apq);
                double t = (theta >= 0 ? 1.0 : -1.0) / (fabs(theta) + sqrt(theta * theta + 1));
                double c = 1 / sqrt(t * t + 1), s = t * c;
                for (ptrdiff_t i = 0; i < k; i++) { /* columns p, q */
                    double aip = a[i * k + p], aiq = a[i * k + q];
                    a[i * k + p] = c * aip - s * aiq;
                    a[i * k + q] = s * aip + c * aiq;
                }
                for (ptrdiff_t i = 0; i < k; i++) { /* rows p, q */
                    double api = a[p * k + i], aqi = a[q * k + i];
                    a[p * k + i] = c * api - s * aqi;
                    a[q * k + i] = s * api + c * aqi;
                }
                for (ptrdiff_t i = 0; i < k; i++) {
                    double vip = v[i * k + p], viq = v[i * k + q];
                    v[i * k + p] = c * vip - s * viq;
                    v[i * k + q] = s * vip + c * viq;
                }
            }
    }
    for (ptrdiff_t i = 0; i < k; i++) w[i] = a[i * k + i];
}

nd_array *nd_rng_multivariate_normal_(nd_rng *r, const nd_array *mean, const nd_array *cov,
                                      const nd_mvn_opts *o)
{
    const char *who = "nd_rng_multivariate_normal";
    if (!r || !o) return ND_FAIL(ND_EVALUE, "%s: NULL argument", who);
    ptrdiff_t k;
    double *mu = vector_of(mean, &k, who, "mean");
    if (!mu) return NULL;
    double *c = NULL, *f = NULL, *w = NULL, *v = NULL;
    nd_array *out = NULL;
    if (!cov || cov->ndim != 2 || cov->shape[0] != cov->shape[1]) {
        nd__error(ND_ESHAPE, "%s: cov must be 2 dimensional and square", who);
        goto done;
    }
    if (cov->shape[0] != k) {
        nd__error(ND_ESHAPE, "%s: mean and cov must have same length (%td and %td)", who, k,
                  cov->shape[0]);
        goto done;
    }
    size_t kk = (size_t)(k * k > 0 ? k * k : 1);
    c = nd__malloc(kk * sizeof *c, who);
    f = nd__malloc(kk * sizeof *f, who);
    w = nd__malloc((size_t)(k > 0 ? k : 1) * sizeof *w, who);
    v = nd__malloc(kk * sizeof *v, who);
    if (!c || !f || !w || !v) goto done;
    nd_to_f64(cov, c);
    double tol = o->tol > 0 ? o->tol : 1e-8;
    if (o->method == ND_MVN_CHOLESKY) {
        if (cholesky(c, f, k) < 0) {
            nd__error(ND_ELINALG, "%s: cov is not positive definite (Cholesky failed); "
                      "use .method = ND_MVN_EIGH for a semidefinite cov", who);
            goto done;
        }
    } else {
        bool symmetric = true;
        for (ptrdiff_t i = 0; i < k; i++)
            for (ptrdiff_t j = 0; j < i; j++)
                if (fabs(c[i * k + j] - c[j * k + i]) > tol + tol * fabs(c[j * k + i]))
                    symmetric = false;
        double *a = f; /* scratch copy for the decomposition */
        memcpy(a, c, (size_t)(k * k) * sizeof *a);
        jacobi_eigh(a, w, v, k);
        bool psd = symmetric;
        for (ptrdiff_t i = 0; i < k; i++)
            if (w[i] < -tol) psd = false;
        if (!psd && o->check_valid == ND_MVN_RAISE) {
            nd__error(ND_ELINALG, "%s: covariance is not symmetric positive-semidefinite", who);
            goto done;
        }
        if (!psd && o->check_valid == ND_MVN_WARN)
            fprintf(stderr, "numc warning: %s: covariance is not symmetric "
                    "positive-semidefinite.\n", who);
        /* factor = U · sqrt(|s|) (|s| so round-off negatives do not give NaN) */
        for (ptrdiff_t i = 0; i < k; i++)
            for (ptrdiff_t j = 0; j < k; j++) f[i * k + j] = v[i * k + j] * sqrt(fabs(w[j]));
    }
    out = multi_out(o->ndim, o->shape, k, ND_FLOAT64, who);
    if (!out) goto done;
    double *x = (double *)out->data;
    for (ptrdiff_t s = 0; s < out->size; s++) x[s] = nd__std_normal(r);
    /* x ← mean + x · factorᵀ, one row at a time */
    for (ptrdiff_t s = 0; s < out->size; s += k) {
        for (ptrdiff_t i = 0; i < k; i++) {
            double acc = 0;
            for (ptrdiff_t j = 0; j < k; j++) acc += x[s + j] * f[i * k + j];
            w[i] = acc;
        }
        for (ptrdiff_t i = 0; i < k; i++) x[s + i] = mu[i] + w[i];
    }
done:
    nd__free(mu);
    nd__free(c);
    nd__free(f);
    nd__free(w);
    nd__free(v);
    return out;
}
