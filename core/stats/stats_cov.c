/* numpy.average, cov, corrcoef and correlate. cov forms X·Xᵀ with BLAS (dsyrk, or dgemm
 * for weighted observations), like NumPy's dot. */
#include <math.h>
#include <string.h>

#include "lazy_blas.h"
#include "parallel.h"
#include "stats_internal.h"

/* ---- average ------------------------------------------------------------------------ */
nd_array *nd_average_(const nd_array *a, const nd_average_opts *o)
{
    const char *who = "nd_average";
    if (!a) return ND_FAIL(ND_EVALUE, "%s: NULL argument", who);
    const nd_average_opts dflt = ND_AVERAGE_DEFAULTS;
    if (!o) o = &dflt;
    const nd_array *wa = o->weights;
    if (o->sum_of_weights) *o->sum_of_weights = NULL;
    nd__slices s, ws;
    memset(&ws, 0, sizeof ws);
    nd_axes axes = { 0 };
    if (nd__opt_axes(o->axis, &o->axes, &axes, who) < 0) return NULL;
    if (nd__slices_init(&s, a, axes, o->keepdims, who) < 0) return NULL;
    double *wvec = NULL; /* 1-D weights along the single axis */
    bool same_shape = wa && wa->ndim == a->ndim &&
                      !memcmp(wa->shape, a->shape, (size_t)a->ndim * sizeof(ptrdiff_t));
    nd_array *res = NULL, *sw = NULL;
    if (wa && !same_shape) {
        if (axes.n == 0) {
            nd_set_error(ND_ESHAPE, "%s: Axis must be specified when shapes of a and weights differ.", who);
            goto done;
        }
        if (wa->ndim != 1 || axes.n != 1) {
            nd_set_error(ND_ESHAPE, "%s: 1D weights expected when shapes of a and weights differ.", who);
            goto done;
        }
        if (wa->shape[0] != s.m) {
            nd_set_error(ND_ESHAPE, "%s: Length of weights (%td) not compatible with specified axis "
                      "(length %td).", who, wa->shape[0], s.m);
            goto done;
        }
        wvec = nd__malloc_n((s.m > 0 ? s.m : 1), sizeof *wvec, who);
        if (!wvec) goto done;
        if (nd__need_numeric(wa->dtype, who) < 0 || nd_to_f64(wa, wvec) < 0) goto done;
    } else if (wa && nd__slices_init(&ws, wa, axes, o->keepdims, who) < 0) {
        goto done;
    }
    if (wa && nd_dtype_is_complex(wa->dtype)) {
        nd_set_error(ND_EDTYPE, "%s: complex weights are not supported", who);
        goto done;
    }
    bool f32 = a->dtype == ND_FLOAT32 && (!wa || wa->dtype == ND_FLOAT32);
    nd_dtype rt = f32 ? ND_FLOAT32 : ND_FLOAT64;
    res = nd__alloc(s.out_ndim, s.out_shape, rt, false, who);
    sw = nd__alloc(s.out_ndim, s.out_shape, rt, false, who);
    double *prod = nd__malloc_n((s.m > 0 ? s.m : 1), sizeof *prod, who);
    if (!res || !sw || !prod) {
        nd_free_mem(prod);
        goto fail;
    }
    for (ptrdiff_t i = 0; i < s.nslices; i++) {
        const double *x = s.data + i * s.m;
        const double *w = wvec ? wvec : ws.data ? ws.data + i * s.m : NULL;
        double avg, scl;
        if (!w) {
            scl = (double)s.m;
            avg = nd__pairwise_sum(x, s.m, 1) / scl;
            if (s.m == 0) nd__stats_warn(ND_WARN_EMPTY);
        } else {
            for (ptrdiff_t k = 0; k < s.m; k++) prod[k] = x[k] * w[k];
            scl = nd__pairwise_sum(w, s.m, 1);
            if (scl == 0.0) {
                nd_free_mem(prod);
                nd_set_error(ND_EVALUE, "%s: Weights sum to zero, can't be normalized", who);
                goto fail;
            }
            avg = nd__pairwise_sum(prod, s.m, 1) / scl;
        }
        if (f32) {
            ((float *)res->data)[i] = (float)avg;
            ((float *)sw->data)[i] = (float)scl;
        } else {
            ((double *)res->data)[i] = avg;
            ((double *)sw->data)[i] = scl;
        }
    }
    nd_free_mem(prod);
    if (o->sum_of_weights) {
        *o->sum_of_weights = sw;
        sw = NULL;
    }
    goto done;
fail:
    nd_free(res);
    res = NULL;
done:
    nd_free(sw);
    nd_free_mem(wvec);
    nd__slices_free(&s);
    nd__slices_free(&ws);
    return res;
}

/* ---- cov / corrcoef ---------------------------------------------------------------------- */
typedef struct centre_ctx {
    const double *src;
    double *dst;
    ptrdiff_t N;
} centre_ctx;

/* Rows [begin, end): dst = src - mean(src), each row on its own (thread-count independent). */
static void centre_rows(ptrdiff_t begin, ptrdiff_t end, ptrdiff_t chunk, void *ctx)
{
    (void)chunk;
    const centre_ctx *c = ctx;
    for (ptrdiff_t v = begin; v < end; v++) {
        const double *row = c->src + v * c->N;
        double avg = nd__pairwise_sum(row, c->N, 1) / (double)c->N, *dst = c->dst + v * c->N;
        for (ptrdiff_t i = 0; i < c->N; i++) dst[i] = row[i] - avg;
    }
}

/* Rows of m (or columns, when columns_are_vars) appended to X (nvars × N doubles). */
static nd_status append_vars(const nd_array *m, bool cols, double **X, ptrdiff_t *nvars,
                             ptrdiff_t *N, const char *who)
{
    if (m->ndim > 2) return nd_set_error(ND_ESHAPE, "%s: m has more than 2 dimensions", who);
    if (nd_dtype_is_complex(m->dtype))
        return nd_set_error(ND_EDTYPE, "%s: complex input is not supported", who);
    ptrdiff_t r = m->ndim == 2 ? m->shape[0] : 1, c = m->ndim == 2 ? m->shape[1] : m->ndim ? m->shape[0] : 1;
    nd_array *t = NULL;
    if (cols && r != 1) {
        t = nd_transpose(m, NULL);
        ptrdiff_t tmp = r;
        r = c;
        c = tmp;
    } else {
        t = nd_ref(m);
    }
    if (!t) return nd_last_error();
    if (*nvars > 0 && c != *N) {
        nd_free(t);
        return nd_set_error(ND_ESHAPE, "%s: m and y have different numbers of observations (%td and %td)",
                         who, *N, c);
    }
    double *nx = nd__malloc_n(((*nvars + r) * c > 0 ? (*nvars + r) * c : 1), sizeof *nx, who);
    if (!nx) {
        nd_free(t);
        return nd_last_error();
    }
    if (*X) memcpy(nx, *X, (size_t)(*nvars * c) * sizeof *nx);
    nd_status cst = nd__need_numeric(t->dtype, who) < 0 ? nd_last_error() : nd_to_f64(t, nx + *nvars * c);
    nd_free(t);
    if (cst < 0) {
        nd_free_mem(nx);
        return cst;
    }
    nd_free_mem(*X);
    *X = nx;
    *nvars += r;
    *N = c;
    return ND_OK;
}

static double *weights_of(const nd_array *w, ptrdiff_t N, const char *kind, const char *who)
{
    if (w->ndim != 1)
        return ND_FAIL(ND_ESHAPE, "%s: cannot handle multidimensional %s", who, kind);
    if (w->shape[0] != N)
        return ND_FAIL(ND_ESHAPE, "%s: incompatible numbers of samples (%td) and %s (%td)", who,
                       N, kind, w->shape[0]);
    double *d = nd__malloc_n((N > 0 ? N : 1), sizeof *d, who);
    if (!d) return NULL;
    if (nd__need_numeric(w->dtype, who) < 0 || nd_to_f64(w, d) < 0) {
        nd_free_mem(d);
        return NULL;
    }
    for (ptrdiff_t i = 0; i < N; i++) {
        if (d[i] < 0 || isnan(d[i])) {
            nd_set_error(ND_EVALUE, "%s: %s cannot be negative (%s[%td] = %g)", who, kind, kind, i, d[i]);
            nd_free_mem(d);
            return NULL;
        }
        if (kind[0] == 'f' && d[i] != nearbyint(d[i])) {
            nd_set_error(ND_EVALUE, "%s: fweights must be integer (fweights[%td] = %g)", who, i, d[i]);
            nd_free_mem(d);
            return NULL;
        }
    }
    return d;
}

static nd_array *cov_common(const nd_array *m, const nd_cov_opts *o, const char *who)
{
    if (!m || !o) return ND_FAIL(ND_EVALUE, "%s: NULL argument", who);
    double *X = NULL, *fw = NULL, *aw = NULL, *w = NULL, *Xw = NULL;
    ptrdiff_t nv = 0, N = 0;
    nd_array *res = NULL;
    /* The common case (float64 rows, no y, no weights) centres while copying: one pass
     * over the data fewer. */
    bool direct = !o->y && !o->fweights && !o->aweights && m->dtype == ND_FLOAT64 &&
                  nd_is_c_contiguous(m) && m->ndim == 2 && !o->columns_are_vars &&
                  m->shape[0] > 0 && m->shape[1] > 0;
    if (direct) {
        nv = m->shape[0];
        N = m->shape[1];
        X = nd__malloc_n((nv * N), sizeof *X, who);
        if (!X) goto done;
        centre_ctx cc = { (const double *)m->data, X, N };
        ptrdiff_t grain = (ptrdiff_t)1 << 18;
        grain = grain / N > 0 ? grain / N : 1;
        nd__parallel_for(nv, grain, centre_rows, &cc);
    } else if (append_vars(m, o->columns_are_vars, &X, &nv, &N, who) < 0) {
        goto done;
    }
    if (nv == 0) {
        ptrdiff_t z[2] = { 0, 0 };
        res = nd__alloc(2, z, ND_FLOAT64, false, who);
        goto done;
    }
    if (o->y && append_vars(o->y, o->columns_are_vars, &X, &nv, &N, who) < 0) goto done;
    int ddof = o->has_ddof ? o->ddof : o->bias ? 0 : 1;
    if (o->fweights && !(fw = weights_of(o->fweights, N, "fweights", who))) goto done;
    if (o->aweights && !(aw = weights_of(o->aweights, N, "aweights", who))) goto done;
    if (fw || aw) {
        w = nd__malloc_n((N > 0 ? N : 1), sizeof *w, who);
        if (!w) goto done;
        for (ptrdiff_t i = 0; i < N; i++) w[i] = (fw ? fw[i] : 1.0) * (aw ? aw[i] : 1.0);
    }
    double w_sum = w ? nd__pairwise_sum(w, N, 1) : (double)N, fact;
    if (!w)
        fact = (double)(N - ddof);
    else if (ddof == 0)
        fact = w_sum;
    else if (!aw)
        fact = w_sum - ddof;
    else {
        double *t = nd__malloc_n(N, sizeof *t, who);
        if (!t) goto done;
        for (ptrdiff_t i = 0; i < N; i++) t[i] = w[i] * aw[i];
        fact = w_sum - ddof * nd__pairwise_sum(t, N, 1) / w_sum;
        nd_free_mem(t);
    }
    if (fact <= 0) {
        nd__stats_warn(ND_WARN_DOF);
        fact = 0.0;
    }
    /* centre each variable on its (weighted) mean */
    for (ptrdiff_t v = 0; v < nv && !direct; v++) {
        double *row = X + v * N, avg;
        if (w) {
            double s = 0;
            double *t = nd__malloc_n((N > 0 ? N : 1), sizeof *t, who);
            if (!t) goto done;
            for (ptrdiff_t i = 0; i < N; i++) t[i] = row[i] * w[i];
            s = nd__pairwise_sum(t, N, 1);
            nd_free_mem(t);
            avg = s / w_sum;
        } else {
            avg = nd__pairwise_sum(row, N, 1) / (double)N;
        }
        for (ptrdiff_t i = 0; i < N; i++) row[i] -= avg;
    }
    if (N > 0 && nd__need_blas(who) < 0) goto done;
    ptrdiff_t shp[2] = { nv, nv };
    res = nd__alloc(2, shp, ND_FLOAT64, false, who);
    if (!res) goto done;
    double *c = (double *)res->data, scale = 1.0 / fact;
    if (N == 0) {
        memset(c, 0, (size_t)(nv * nv) * sizeof *c);
    } else if (!w) {
        cblas_dsyrk(CblasRowMajor, CblasUpper, CblasNoTrans, (int)nv, (int)N, 1.0, X, (int)N, 0.0,
                    c, (int)nv);
        for (ptrdiff_t i = 0; i < nv; i++)
            for (ptrdiff_t j = 0; j < i; j++) c[i * nv + j] = c[j * nv + i];
    } else {
        Xw = nd__malloc_n((nv * N), sizeof *Xw, who);
        if (!Xw) {
            nd_free(res);
            res = NULL;
            goto done;
        }
        for (ptrdiff_t v = 0; v < nv; v++)
            for (ptrdiff_t i = 0; i < N; i++) Xw[v * N + i] = X[v * N + i] * w[i];
        cblas_dgemm(CblasRowMajor, CblasNoTrans, CblasTrans, (int)nv, (int)nv, (int)N, 1.0, X,
                    (int)N, Xw, (int)N, 0.0, c, (int)nv);
    }
    for (ptrdiff_t i = 0; i < nv * nv; i++) c[i] *= scale;
    if (nv == 1) { /* NumPy squeezes a single variable to 0-d */
        nd_array *z = nd__alloc(0, NULL, ND_FLOAT64, false, who);
        if (z) *(double *)z->data = c[0];
        nd_free(res);
        res = z;
    }
done:
    nd_free_mem(X);
    nd_free_mem(fw);
    nd_free_mem(aw);
    nd_free_mem(w);
    nd_free_mem(Xw);
    return res;
}

nd_array *nd_cov_(const nd_array *m, const nd_cov_opts *o) { return cov_common(m, o, "nd_cov"); }

nd_array *nd_corrcoef_(const nd_array *x, const nd_cov_opts *o)
{
    nd_array *c = cov_common(x, o, "nd_corrcoef");
    if (!c) return NULL;
    double *d = (double *)c->data;
    if (c->ndim == 0) {
        d[0] = d[0] / d[0];
        return c;
    }
    ptrdiff_t n = c->shape[0];
    double sd[4096], *s = n <= 4096 ? sd : nd__malloc_n(n, sizeof *s, "nd_corrcoef");
    if (!s) {
        nd_free(c);
        return NULL;
    }
    for (ptrdiff_t i = 0; i < n; i++) s[i] = sqrt(d[i * n + i]);
    for (ptrdiff_t i = 0; i < n; i++)
        for (ptrdiff_t j = 0; j < n; j++) {
            double v = d[i * n + j] / s[i] / s[j];
            d[i * n + j] = v > 1 ? 1 : v < -1 ? -1 : v; /* clip keeps NaN */
        }
    if (s != sd) nd_free_mem(s);
    return c;
}

/* ---- correlate ----------------------------------------------------------------------------- */
nd_array *nd_correlate(const nd_array *a, const nd_array *v, nd_correlate_mode mode)
{
    const char *who = "nd_correlate";
    if (!a || !v) return ND_FAIL(ND_EVALUE, "%s: NULL argument", who);
    if (a->ndim != 1 || v->ndim != 1)
        return ND_FAIL(ND_EVALUE, "%s: object too deep for desired array (1-D inputs expected)", who);
    if (nd_dtype_is_complex(a->dtype) || nd_dtype_is_complex(v->dtype))
        return ND_FAIL(ND_EDTYPE, "%s: complex input is not supported", who);
    if ((unsigned)mode > ND_MODE_FULL) return ND_FAIL(ND_EVALUE, "%s: mode must be 0, 1, or 2", who);
    ptrdiff_t n1 = a->shape[0], n2 = v->shape[0];
    if (n1 == 0) return ND_FAIL(ND_EVALUE, "%s: first array argument cannot be empty", who);
    if (n2 == 0) return ND_FAIL(ND_EVALUE, "%s: second array argument cannot be empty", who);
    /* NumPy correlates the longer with the shorter and reverses when it swapped them */
    bool inverted = n1 < n2;
    const nd_array *big = inverted ? v : a, *small = inverted ? a : v;
    ptrdiff_t nb = big->shape[0], ns = small->shape[0];
    double *x = nd__malloc_n(nb, sizeof *x, who), *y = nd__malloc_n(ns, sizeof *y, who);
    nd_array *out = NULL;
    if (!x || !y) goto done;
    if (nd__need_numeric(big->dtype, who) < 0 || nd__need_numeric(small->dtype, who) < 0 ||
        nd_to_f64(big, x) < 0 || nd_to_f64(small, y) < 0)
        goto done;
    ptrdiff_t left, len;
    switch (mode) {
    case ND_MODE_VALID: left = 0; len = nb - ns + 1; break;
    case ND_MODE_SAME: left = ns / 2; len = nb; break;
    default: left = ns - 1; len = nb + ns - 1; break;
    }
    out = nd__alloc(1, &len, ND_FLOAT64, false, who);
    if (!out) goto done;
    double *o = (double *)out->data;
    for (ptrdiff_t i = 0; i < len; i++) {
        ptrdiff_t k = i - left; /* lag: c[k] = Σ_j x[k + j] y[j] */
        ptrdiff_t j0 = k < 0 ? -k : 0, j1 = nb - k < ns ? nb - k : ns;
        double s = 0;
        for (ptrdiff_t j = j0; j < j1; j++) s += x[k + j] * y[j];
        o[inverted ? len - 1 - i : i] = s;
    }
done:
    nd_free_mem(x);
    nd_free_mem(y);
    return out;
}
