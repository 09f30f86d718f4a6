/* median, percentile, quantile and their nan-variants with NumPy's definitions
 * (numpy/lib/function_base.py: _quantile, _lerp, the method table), computed per slice
 * by introselect on the slice's values. */
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "stats_internal.h"

static const char *const method_names[] = {
    "linear", "lower", "higher", "nearest", "midpoint", "inverted_cdf",
    "averaged_inverted_cdf", "closest_observation", "interpolated_inverted_cdf", "hazen",
    "weibull", "median_unbiased", "normal_unbiased",
};
#define NMETHODS ((int)(sizeof method_names / sizeof method_names[0]))

const char *nd_quantile_method_name(nd_quantile_method m)
{
    return (unsigned)m < (unsigned)NMETHODS ? method_names[m] : "?";
}

int nd_quantile_method_from_name(const char *name)
{
    for (int i = 0; name && i < NMETHODS; i++)
        if (strcmp(name, method_names[i]) == 0) return i;
    nd_set_error(ND_EVALUE, "nd_quantile_method_from_name: '%s' is not a valid method. "
              "Use one of: linear, lower, higher, nearest, midpoint, inverted_cdf, ...",
              name ? name : "(null)");
    return -1;
}

/* Methods that pick one element (NumPy returns the input's dtype for them). */
static bool is_discrete(nd_quantile_method m)
{
    return m == ND_Q_LOWER || m == ND_Q_HIGHER || m == ND_Q_NEAREST ||
           m == ND_Q_INVERTED_CDF || m == ND_Q_CLOSEST_OBSERVATION;
}

/* Where quantile q of n values lies: an element index (discrete methods, *idx) or a
 * virtual index with the two neighbours and the interpolation weight. */
typedef struct qpos {
    ptrdiff_t prev, next;   /* element positions (equal for the discrete methods) */
    double gamma;
} qpos;

static ptrdiff_t clip_low(double v) { return v < 0 ? 0 : (ptrdiff_t)v; }

/* H&F continuous family: n·q + (α + q (1 − α − β)) − 1 */
static double hf_index(ptrdiff_t n, double q, double alpha, double beta)
{
    return n * q + (alpha + q * (1 - alpha - beta)) - 1;
}

static qpos locate(nd_quantile_method m, ptrdiff_t n, double q)
{
    qpos p = { 0, 0, 0 };
    double vi;
    switch (m) {
    case ND_Q_LOWER: p.prev = p.next = (ptrdiff_t)floor((n - 1) * q); return p;
    case ND_Q_HIGHER: p.prev = p.next = (ptrdiff_t)ceil((n - 1) * q); return p;
    case ND_Q_NEAREST: p.prev = p.next = (ptrdiff_t)nearbyint((n - 1) * q); return p;
    case ND_Q_INVERTED_CDF: {
        double idx = n * q - 1, prev = floor(idx), g = idx - prev;
        p.prev = p.next = clip_low(g == 0 ? prev : prev + 1);
        return p;
    }
    case ND_Q_CLOSEST_OBSERVATION: {
        double idx = n * q - 1 - 0.5, prev = floor(idx), g = idx - prev;
        bool even = fmod(prev, 2) == 0;
        p.prev = p.next = clip_low(g == 0 && even ? prev : prev + 1);
        return p;
    }
    case ND_Q_MIDPOINT: vi = 0.5 * (floor((n - 1) * q) + ceil((n - 1) * q)); break;
    case ND_Q_AVERAGED_INVERTED_CDF:
    case ND_Q_INTERPOLATED_INVERTED_CDF: vi = n * q - 1; break;
    case ND_Q_HAZEN: vi = hf_index(n, q, 0.5, 0.5); break;
    case ND_Q_WEIBULL: vi = hf_index(n, q, 0, 0); break;
    case ND_Q_MEDIAN_UNBIASED: vi = hf_index(n, q, 1 / 3.0, 1 / 3.0); break;
    case ND_Q_NORMAL_UNBIASED: vi = hf_index(n, q, 3 / 8.0, 3 / 8.0); break;
    default: vi = (n - 1) * q; break;
    }
    double prev = floor(vi);
    if (vi >= n - 1) {
        p.prev = p.next = n - 1;
        prev = -1; /* NumPy's gamma uses the clipped index, -1 */
    } else if (vi < 0) {
        p.prev = p.next = 0;
        prev = 0;
    } else {
        p.prev = (ptrdiff_t)prev;
        p.next = p.prev + 1;
    }
    double g = vi - prev;
    if (m == ND_Q_AVERAGED_INVERTED_CDF) g = g == 0 ? 0.5 : 1.0;
    if (m == ND_Q_MIDPOINT) g = fmod(vi, 1) == 0 ? 0.0 : 0.5;
    p.gamma = g;
    return p;
}

/* NumPy's _lerp: exact at both ends and monotonic. */
static double lerp(double a, double b, double t)
{
    double diff = b - a;
    return t >= 0.5 ? b - diff * (1 - t) : a + diff * t;
}

typedef struct qjob {
    const double *q;        /* quantiles in [0, 1] */
    ptrdiff_t nq;
    nd_quantile_method method;
    bool skip_nan;
} qjob;

static int cmp_pd(const void *a, const void *b)
{
    ptrdiff_t x = *(const ptrdiff_t *)a, y = *(const ptrdiff_t *)b;
    return (x > y) - (x < y);
}

/* All quantiles of one slice v[0..n) (reordered in place) to res[j · stride]. */
static void slice_quantiles(double *v, ptrdiff_t n, const qjob *job, double *res,
                            ptrdiff_t stride, ptrdiff_t *ks)
{
    if (job->skip_nan) {
        ptrdiff_t w = 0;
        for (ptrdiff_t i = 0; i < n; i++)
            if (!isnan(v[i])) v[w++] = v[i];
        if (w == 0) nd__stats_warn(n > 0 ? ND_WARN_ALL_NAN : ND_WARN_EMPTY);
        n = w;
    } else {
        for (ptrdiff_t i = 0; i < n; i++)
            if (isnan(v[i])) {
                for (ptrdiff_t j = 0; j < job->nq; j++) res[j * stride] = NAN;
                return;
            }
    }
    if (n == 0) {
        if (!job->skip_nan) nd__stats_warn(ND_WARN_EMPTY);
        for (ptrdiff_t j = 0; j < job->nq; j++) res[j * stride] = NAN;
        return;
    }
    int nk = 0;
    for (ptrdiff_t j = 0; j < job->nq; j++) {
        qpos p = locate(job->method, n, job->q[j]);
        ks[nk++] = p.prev;
        if (p.next != p.prev) ks[nk++] = p.next;
    }
    qsort(ks, (size_t)nk, sizeof *ks, cmp_pd);
    nd__select_multi(v, n, ks, nk);
    for (ptrdiff_t j = 0; j < job->nq; j++) {
        qpos p = locate(job->method, n, job->q[j]);
        res[j * stride] = p.prev == p.next && is_discrete(job->method)
                              ? v[p.prev]
                              : lerp(v[p.prev], v[p.next], p.gamma);
    }
}

static nd_array *quantile_common(const nd_array *a, const nd_quantile_opts *o, double scale,
                                 bool skip_nan, const char *who)
{
    if (!o) return ND_FAIL(ND_EVALUE, "%s: NULL options", who);
    if ((unsigned)o->method >= (unsigned)NMETHODS)
        return ND_FAIL(ND_EVALUE, "%s: unknown method %d", who, (int)o->method);
    ptrdiff_t nq = o->qs ? nd_size(o->qs) : 1;
    double *q = nd__malloc_n((nq > 0 ? nq : 1), sizeof *q, who);
    if (!q) return NULL;
    if (o->qs) {
        if (nd_dtype_is_complex(o->qs->dtype)) {
            nd_free_mem(q);
            return ND_FAIL(ND_EDTYPE, "%s: q must be real", who);
        }
        if (nd_to_f64(o->qs, q) < 0) {
            nd_free_mem(q);
            return NULL;
        }
    } else {
        q[0] = o->q;
    }
    for (ptrdiff_t j = 0; j < nq; j++) {
        if (!(q[j] >= 0 && q[j] <= scale)) {
            nd_set_error(ND_EVALUE, scale == 100 ? "%s: Percentiles must be in the range [0, 100] (got %g)"
                                              : "%s: Quantiles must be in the range [0, 1] (got %g)",
                      who, q[j]);
            nd_free_mem(q);
            return NULL;
        }
        q[j] = scale == 100 ? q[j] / 100 : q[j];
    }
    nd__slices s;
    nd_axes axes = { 0 };
    if (nd__opt_axes(o->axis, &o->axes, &axes, who) < 0 ||
        nd__slices_init(&s, a, axes, o->keepdims, who) < 0) {
        nd_free_mem(q);
        return NULL;
    }
    /* NumPy's percentile/quantile take from the empty axis and fail (median and the nan*
     * versions give NaN with a warning instead) */
    if (!skip_nan && s.m == 0 && s.nslices > 0 && nq > 0) {
        nd_set_error(ND_EINDEX, "%s: cannot do a non-empty take from an empty axes", who);
        goto fail;
    }
    /* result shape: qs's shape, then the reduced shape */
    int ndim = 0;
    ptrdiff_t shape[ND_MAXDIMS];
    if (o->qs) {
        if (o->qs->ndim + s.out_ndim > ND_MAXDIMS) {
            nd_set_error(ND_EVALUE, "%s: result would have more than %d dimensions", who, ND_MAXDIMS);
            goto fail;
        }
        for (int d = 0; d < o->qs->ndim; d++) shape[ndim++] = o->qs->shape[d];
    }
    for (int d = 0; d < s.out_ndim; d++) shape[ndim++] = s.out_shape[d];
    bool keep_type = is_discrete(o->method) && !nd_dtype_is_complex(a->dtype);
    nd_array *res = nd__alloc(ndim, shape, ND_FLOAT64, false, who);
    ptrdiff_t *ks = nd__malloc_n((2 * nq), sizeof *ks, who);
    if (!res || !ks) {
        nd_free(res);
        nd_free_mem(ks);
        goto fail;
    }
    qjob job = { q, nq, o->method, skip_nan };
    double *r = (double *)res->data;
    for (ptrdiff_t i = 0; i < s.nslices; i++)
        slice_quantiles(s.data + i * s.m, s.m, &job, r + i, s.nslices, ks);
    nd_free_mem(ks);
    nd__slices_free(&s);
    nd_free_mem(q);
    if (keep_type && a->dtype != ND_FLOAT64) {
        nd_array *t = nd_astype(res, a->dtype, ND_CAST_UNSAFE);
        nd_free(res);
        return t;
    }
    return res;
fail:
    nd__slices_free(&s);
    nd_free_mem(q);
    return NULL;
}

nd_array *nd_percentile_(const nd_array *a, const nd_quantile_opts *o)
{
    return quantile_common(a, o, 100, false, "nd_percentile");
}
nd_array *nd_quantile_(const nd_array *a, const nd_quantile_opts *o)
{
    return quantile_common(a, o, 1, false, "nd_quantile");
}
nd_array *nd_nanpercentile_(const nd_array *a, const nd_quantile_opts *o)
{
    return quantile_common(a, o, 100, true, "nd_nanpercentile");
}
nd_array *nd_nanquantile_(const nd_array *a, const nd_quantile_opts *o)
{
    return quantile_common(a, o, 1, true, "nd_nanquantile");
}

/* ---- median ------------------------------------------------------------------------- */
static nd_array *median_common(const nd_array *a, const nd_median_opts *o, bool skip_nan,
                               const char *who)
{
    const nd_median_opts opts = o ? *o : ND_MEDIAN_DEFAULTS;
    if (!a) return ND_FAIL(ND_EVALUE, "%s: input is NULL", who);
    nd__slices s;
    nd_axes axes = { 0 };
    if (nd__opt_axes(opts.axis, &opts.axes, &axes, who) < 0) return NULL;
    if (nd__slices_init(&s, a, axes, opts.keepdims, who) < 0) return NULL;
    bool f32 = a->dtype == ND_FLOAT32;
    nd_array *res = nd__alloc(s.out_ndim, s.out_shape, f32 ? ND_FLOAT32 : ND_FLOAT64, false, who);
    if (!res) {
        nd__slices_free(&s);
        return NULL;
    }
    for (ptrdiff_t i = 0; i < s.nslices; i++) {
        double *v = s.data + i * s.m, med = NAN;
        ptrdiff_t n = s.m;
        bool has_nan = false;
        if (skip_nan) {
            ptrdiff_t w = 0;
            for (ptrdiff_t k = 0; k < n; k++)
                if (!isnan(v[k])) v[w++] = v[k];
            if (w == 0 && n > 0) nd__stats_warn(ND_WARN_ALL_NAN);
            if (w == 0 && n == 0) nd__stats_warn(ND_WARN_EMPTY);
            n = w;
        } else {
            for (ptrdiff_t k = 0; k < n && !has_nan; k++) has_nan = isnan(v[k]);
            if (n == 0) nd__stats_warn(ND_WARN_EMPTY);
        }
        if (n > 0 && !has_nan) {
            ptrdiff_t ks[2] = { (n - 1) / 2, n / 2 };
            nd__select_multi(v, n, ks, n % 2 ? 1 : 2);
            if (n % 2)
                med = v[n / 2];
            else if (f32) /* NumPy's mean of two float32 values stays in float32 */
                med = (double)(((float)v[n / 2 - 1] + (float)v[n / 2]) / 2.0f);
            else
                med = (v[n / 2 - 1] + v[n / 2]) / 2.0;
        }
        if (f32)
            ((float *)res->data)[i] = (float)med;
        else
            ((double *)res->data)[i] = med;
    }
    nd__slices_free(&s);
    return res;
}

nd_array *nd_median_(const nd_array *a, const nd_median_opts *o)
{
    return median_common(a, o, false, "nd_median");
}
nd_array *nd_nanmedian_(const nd_array *a, const nd_median_opts *o)
{
    return median_common(a, o, true, "nd_nanmedian");
}
