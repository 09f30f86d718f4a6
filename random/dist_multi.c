/* Multivariate distributions: multinomial, dirichlet, multivariate normal. */
#include <math.h>
#include <stdio.h>
#include <string.h>

#include <numc/linalg.h>

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
    double *d = nd__malloc_n((*n > 0 ? *n : 1), sizeof *d, who);
    if (d && (nd__need_numeric(v->dtype, who) < 0 || nd_to_f64(v, d) < 0)) {
        nd_free_mem(d);
        return NULL;
    }
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
        nd_set_error(ND_EVALUE, "%s: pvals is empty", who);
        goto done;
    }
    /* Kahan sum of all but the last, as NumPy checks it */
    double sum = 0, comp = 0;
    for (ptrdiff_t j = 0; j < d; j++) {
        if (!(p[j] >= 0 && p[j] <= 1)) {
            nd_set_error(ND_EVALUE, "%s: pvals[%td] = %g outside [0, 1]", who, j, p[j]);
            goto done;
        }
        if (j < d - 1) {
            double y = p[j] - comp, t = sum + y;
            comp = (t - sum) - y;
            sum = t;
        }
    }
    if (sum > 1.0 + 1e-12) {
        nd_set_error(ND_EVALUE, "%s: sum(pvals[:-1]) = %.17g > 1.0", who, sum);
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
    nd_free_mem(p);
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
            nd_set_error(ND_EVALUE, "%s: alpha[%td] = %g <= 0", who, j, a[j]);
            goto done;
        }
        if (a[j] > amax) amax = a[j];
    }
    out = multi_out(ndim, shape, k, ND_FLOAT64, who);
    if (!out || k == 0) goto done;
    double *o = (double *)out->data;
    if (amax < 0.1) {
        /* small alphas: gamma variates underflow to 0, so break a stick with betas */
        double *csum = nd__malloc_n(k, sizeof *csum, who);
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
        nd_free_mem(csum);
    } else {
        for (ptrdiff_t s = 0; s < out->size; s += k) {
            double acc = 0;
            for (ptrdiff_t j = 0; j < k; j++) acc += o[s + j] = nd__std_gamma(r, a[j]);
            double inv = 1.0 / acc;
            for (ptrdiff_t j = 0; j < k; j++) o[s + j] *= inv;
        }
    }
done:
    nd_free_mem(a);
    return out;
}

/* ---- multivariate normal ------------------------------------------------------------- */
/* The factor F with cov = F Fᵀ, as NumPy builds it: cholesky L; eigh U·sqrt(|s|); svd
 * U·sqrt(s). The decompositions are linalg's (LAPACK), so F is NumPy's own. */
static nd_status mvn_factor(const nd_array *cov64, const nd_mvn_opts *o, ptrdiff_t k, double *f,
                            const char *who)
{
    const double *c = (const double *)cov64->data;
    double tol = o->tol > 0 ? o->tol : 1e-8;
    if (o->method == ND_MVN_CHOLESKY) {
        nd_array *l = nd_cholesky(cov64);
        if (!l)
            return nd_set_error(ND_ELINALG, "%s: cov is not positive definite (Cholesky failed); "
                             "use .method = ND_MVN_EIGH or ND_MVN_SVD for a semidefinite cov", who);
        nd_to_f64(l, f);
        nd_free(l);
        return ND_OK;
    }
    nd_array *u = NULL, *s = NULL, *vh = NULL;
    nd_status st = o->method == ND_MVN_EIGH ? nd_eigh(cov64, 'L', &s, &u)
                                            : nd_svd(cov64, true, &u, &s, &vh);
    if (st < 0) return st;
    double *sv = nd__malloc_n(k, sizeof *sv, who), *uv = nd__malloc_n((k * k), sizeof *uv, who);
    double *vv = vh ? nd__malloc_n((k * k), sizeof *vv, who) : NULL;
    bool psd = true;
    if (!sv || !uv || (vh && !vv)) {
        st = nd_last_error();
        goto done;
    }
    nd_to_f64(s, sv);
    nd_to_f64(u, uv);
    if (vh) {
        /* NumPy: allclose(vhᵀ·diag(s)·vh, cov, rtol=tol, atol=tol) */
        nd_to_f64(vh, vv);
        for (ptrdiff_t i = 0; i < k && psd; i++)
            for (ptrdiff_t j = 0; j < k; j++) {
                double r = 0;
                for (ptrdiff_t t = 0; t < k; t++) r += vv[t * k + i] * sv[t] * vv[t * k + j];
                if (!(fabs(r - c[i * k + j]) <= tol + tol * fabs(c[i * k + j]))) psd = false;
            }
    } else {
        for (ptrdiff_t i = 0; i < k; i++)
            if (sv[i] < -tol) psd = false;
    }
    if (!psd && o->check_valid == ND_MVN_RAISE) {
        st = nd_set_error(ND_ELINALG, "%s: covariance is not symmetric positive-semidefinite", who);
        goto done;
    }
    if (!psd && o->check_valid == ND_MVN_WARN)
        fprintf(stderr, "numc warning: %s: covariance is not symmetric positive-semidefinite.\n",
                who);
    for (ptrdiff_t i = 0; i < k; i++)
        for (ptrdiff_t j = 0; j < k; j++)
            f[i * k + j] = uv[i * k + j] * sqrt(vh ? sv[j] : fabs(sv[j]));
done:
    nd_free_mem(sv);
    nd_free_mem(uv);
    nd_free_mem(vv);
    nd_free(u);
    nd_free(s);
    nd_free(vh);
    return st;
}

nd_array *nd_rng_multivariate_normal_(nd_rng *r, const nd_array *mean, const nd_array *cov,
                                      const nd_mvn_opts *o)
{
    const char *who = "nd_rng_multivariate_normal";
    if (!r || !o) return ND_FAIL(ND_EVALUE, "%s: NULL argument", who);
    if ((unsigned)o->method > ND_MVN_EIGH || (unsigned)o->check_valid > ND_MVN_IGNORE)
        return ND_FAIL(ND_EVALUE, "%s: unknown method %d or check_valid %d", who, (int)o->method,
                       (int)o->check_valid);
    ptrdiff_t k;
    double *mu = vector_of(mean, &k, who, "mean");
    if (!mu) return NULL;
    double *f = NULL, *row = NULL;
    nd_array *out = NULL, *c64 = NULL;
    if (!cov || cov->ndim != 2 || cov->shape[0] != cov->shape[1]) {
        nd_set_error(ND_ESHAPE, "%s: cov must be 2 dimensional and square", who);
        goto done;
    }
    if (cov->shape[0] != k) {
        nd_set_error(ND_ESHAPE, "%s: mean and cov must have same length (%td and %td)", who, k,
                  cov->shape[0]);
        goto done;
    }
    if (nd_dtype_is_complex(cov->dtype)) {
        nd_set_error(ND_EDTYPE, "%s: cov must be real", who);
        goto done;
    }
    c64 = nd_astype(cov, ND_FLOAT64, ND_CAST_UNSAFE);
    f = nd__malloc_n((k * k > 0 ? k * k : 1), sizeof *f, who);
    row = nd__malloc_n((k > 0 ? k : 1), sizeof *row, who);
    if (!c64 || !f || !row) goto done;
    if (k > 0 && mvn_factor(c64, o, k, f, who) < 0) goto done;
    out = multi_out(o->ndim, o->shape, k, ND_FLOAT64, who);
    if (!out) goto done;
    double *x = (double *)out->data;
    for (ptrdiff_t s = 0; s < out->size; s++) x[s] = nd__std_normal(r);
    /* x ← mean + x · Fᵀ, one sample at a time */
    for (ptrdiff_t s = 0; s < out->size; s += k) {
        for (ptrdiff_t i = 0; i < k; i++) {
            double acc = 0;
            for (ptrdiff_t j = 0; j < k; j++) acc += x[s + j] * f[i * k + j];
            row[i] = acc;
        }
        for (ptrdiff_t i = 0; i < k; i++) x[s + i] = mu[i] + row[i];
    }
done:
    nd_free_mem(mu);
    nd_free_mem(f);
    nd_free_mem(row);
    nd_free(c64);
    return out;
}
