/* numpy.histogram, histogram_bin_edges, histogramdd, histogram2d (numpy/lib/histograms.py):
 * the outer edges, NumPy's bin-width rules, equal-width bins by direct index
 * computation (corrected against the edges, as NumPy does) and arbitrary edges by
 * binary search. */
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include <numc/manip.h>

#include "stats_internal.h"

#ifndef M_PI
#define M_PI 3.14159265358979323846
#endif

static const char *const rule_names[] = { "count", "auto", "fd", "sturges", "scott",
                                          "rice", "sqrt", "doane" };
#define NRULES ((int)(sizeof rule_names / sizeof rule_names[0]))

const char *nd_bin_rule_name(nd_bin_rule r)
{
    return (unsigned)r < (unsigned)NRULES ? rule_names[r] : "?";
}

int nd_bin_rule_from_name(const char *name)
{
    for (int i = 1; name && i < NRULES; i++)
        if (strcmp(name, rule_names[i]) == 0) return i;
    nd_set_error(ND_EVALUE, "nd_bin_rule_from_name: '%s' is not a valid estimator for `bins`",
              name ? name : "(null)");
    return -1;
}

/* numpy.linspace(first, last, nbins + 1): i·step + first, the last one exactly `last`. */
static void linspace_edges(double first, double last, ptrdiff_t nbins, double *e)
{
    double step = (last - first) / nbins;
    if (step == 0) {
        for (ptrdiff_t i = 0; i <= nbins; i++) e[i] = (double)i / nbins * (last - first) + first;
    } else {
        for (ptrdiff_t i = 0; i <= nbins; i++) e[i] = (double)i * step + first;
    }
    e[nbins] = last;
}

/* _get_outer_edges: the range, or the data's min and max, widened by ±0.5 when equal. */
static nd_status outer_edges(const double *x, ptrdiff_t n, ptrdiff_t stride, const double *range,
                             double *first, double *last, const char *who)
{
    if (range) {
        *first = range[0];
        *last = range[1];
        if (*first > *last)
            return nd_set_error(ND_EVALUE, "%s: max must be larger than min in range parameter "
                             "(range = [%g, %g])", who, range[0], range[1]);
        if (!isfinite(*first) || !isfinite(*last))
            return nd_set_error(ND_EVALUE, "%s: supplied range of [%g, %g] is not finite", who,
                             *first, *last);
    } else if (n == 0) {
        *first = 0;
        *last = 1;
    } else {
        double lo = x[0], hi = x[0];
        for (ptrdiff_t i = 1; i < n; i++) {
            double v = x[i * stride];
            if (v < lo || isnan(v)) lo = isnan(lo) ? lo : v;
            if (v > hi || isnan(v)) hi = isnan(hi) ? hi : v;
        }
        *first = lo;
        *last = hi;
        if (!isfinite(lo) || !isfinite(hi))
            return nd_set_error(ND_EVALUE, "%s: autodetected range of [%g, %g] is not finite", who,
                             lo, hi);
    }
    if (*first == *last) {
        *first -= 0.5;
        *last += 0.5;
    }
    return ND_OK;
}

/* ---- bin-width rules (numpy/lib/histograms.py: _hist_bin_*) ------------------------------ */
static double mean_of(const double *x, ptrdiff_t n) { return nd__pairwise_sum(x, n, 1) / n; }

static double std_of(const double *x, ptrdiff_t n)
{
    double m = mean_of(x, n), *d = nd_calloc((size_t)n, sizeof *d, "nd_histogram_bin_edges");
    if (!d) return NAN;
    for (ptrdiff_t i = 0; i < n; i++) d[i] = (x[i] - m) * (x[i] - m);
    double v = nd__pairwise_sum(d, n, 1) / n;
    nd_free_mem(d);
    return sqrt(v);
}

static double ptp_of(const double *x, ptrdiff_t n)
{
    double lo = x[0], hi = x[0];
    for (ptrdiff_t i = 1; i < n; i++) {
        if (x[i] < lo) lo = x[i];
        if (x[i] > hi) hi = x[i];
    }
    return hi - lo;
}

/* linear-interpolated percentile p (0..100) of x (copied, x untouched) */
static double pct_of(const double *x, ptrdiff_t n, double p)
{
    double *c = nd_calloc((size_t)n, sizeof *c, "nd_histogram_bin_edges");
    if (!c) return NAN;
    memcpy(c, x, (size_t)n * sizeof *c);
    double vi = (n - 1) * (p / 100);
    ptrdiff_t lo = (ptrdiff_t)floor(vi), hi = lo + 1 < n ? lo + 1 : lo;
    ptrdiff_t ks[2] = { lo, hi };
    nd__select_multi(c, n, ks, hi != lo ? 2 : 1);
    double a = c[lo], b = c[hi], t = vi - floor(vi), diff = b - a;
    nd_free_mem(c);
    return t >= 0.5 ? b - diff * (1 - t) : a + diff * t;
}

static double width_sturges(const double *x, ptrdiff_t n) { return ptp_of(x, n) / (log2((double)n) + 1.0); }

static double width_fd(const double *x, ptrdiff_t n)
{
    double iqr = pct_of(x, n, 75) - pct_of(x, n, 25);
    return 2.0 * iqr * pow((double)n, -1.0 / 3.0);
}

static double rule_width(nd_bin_rule rule, const double *x, ptrdiff_t n)
{
    switch (rule) {
    case ND_BINS_SQRT: return ptp_of(x, n) / sqrt((double)n);
    case ND_BINS_STURGES: return width_sturges(x, n);
    case ND_BINS_RICE: return ptp_of(x, n) / (2.0 * pow((double)n, 1.0 / 3));
    case ND_BINS_SCOTT: return pow(24.0 * pow(M_PI, 0.5) / n, 1.0 / 3.0) * std_of(x, n);
    case ND_BINS_FD: return width_fd(x, n);
    case ND_BINS_DOANE: {
        if (n <= 2) return 0.0;
        double sg1 = sqrt(6.0 * (n - 2) / ((n + 1.0) * (n + 3))), sigma = std_of(x, n);
        if (!(sigma > 0.0)) return 0.0;
        double m = mean_of(x, n), *t = nd_calloc((size_t)n, sizeof *t, "nd_histogram_bin_edges");
        if (!t) return NAN;
        for (ptrdiff_t i = 0; i < n; i++) {
            double z = (x[i] - m) / sigma;
            t[i] = z * z * z;
        }
        double g1 = nd__pairwise_sum(t, n, 1) / n;
        nd_free_mem(t);
        return ptp_of(x, n) / (1.0 + log2((double)n) + log2(1.0 + fabs(g1) / sg1));
    }
    default: { /* auto */
        double fd = width_fd(x, n), st = width_sturges(x, n);
        return fd != 0 ? (fd < st ? fd : st) : st;
    }
    }
}

/* ---- edges ------------------------------------------------------------------------------ */
typedef struct edges_t {
    double *e;          /* nbins + 1 edges */
    ptrdiff_t nbins;
    bool uniform;       /* equal width: first + i·step */
} edges_t;

static nd_status edges_from_array(const nd_array *ea, edges_t *out, const char *who,
                                  const char *what)
{
    if (nd__need_numeric(ea->dtype, who) < 0) return nd_last_error();
    if (ea->ndim != 1)
        return nd_set_error(ND_EVALUE, "%s: %s must be 1d when an array", who, what);
    if (ea->shape[0] < 2)
        return nd_set_error(ND_EVALUE, "%s: %s needs at least 2 edges (got %td)", who, what,
                         ea->shape[0]);
    out->nbins = ea->shape[0] - 1;
    out->e = nd__malloc_n(ea->shape[0], sizeof(double), who);
    if (!out->e) return nd_last_error();
    nd_status cst = nd_to_f64(ea, out->e); /* may allocate: a failure must not read as edges */
    if (cst) {
        nd_free_mem(out->e);
        out->e = NULL;
        return cst;
    }
    for (ptrdiff_t i = 0; i < out->nbins; i++)
        if (out->e[i] > out->e[i + 1]) {
            nd_set_error(ND_EVALUE, "%s: %s must increase monotonically, when an array "
                      "(edge %td = %g > edge %td = %g)", who, what, i, out->e[i], i + 1,
                      out->e[i + 1]);
            nd_free_mem(out->e);
            out->e = NULL;
            return ND_EVALUE;
        }
    out->uniform = false;
    return ND_OK;
}

/* _get_bin_edges for one 1-D dataset x (contiguous). */
static nd_status hist_edges(const double *x, ptrdiff_t n, const nd_hist_opts *o, edges_t *out,
                            const char *who)
{
    memset(out, 0, sizeof *out);
    if (o->edges) return edges_from_array(o->edges, out, who, "`bins`");
    if ((unsigned)o->rule >= (unsigned)NRULES)
        return nd_set_error(ND_EVALUE, "%s: unknown bin rule %d", who, (int)o->rule);
    /* A count is used unless a rule is asked for; as in NumPy it must be positive. */
    if (o->bins < 0)
        return nd_set_error(ND_EVALUE, "%s: `bins` must be positive, when an integer (got %td)",
                         who, o->bins);
    double first, last;
    if (outer_edges(x, n, 1, o->range, &first, &last, who) < 0) return nd_last_error();
    ptrdiff_t nbins = o->bins ? o->bins : 10; /* NumPy's default bins=10 */
    if (o->rule != ND_BINS_COUNT) {
        /* the rules see only the data inside the range */
        double *kept = NULL;
        ptrdiff_t nk = n;
        const double *data = x;
        if (o->range) {
            kept = nd__malloc_n((n > 0 ? n : 1), sizeof *kept, who);
            if (!kept) return nd_last_error();
            nk = 0;
            for (ptrdiff_t i = 0; i < n; i++)
                if (x[i] >= first && x[i] <= last) kept[nk++] = x[i];
            data = kept;
        }
        if (nk == 0) {
            nbins = 1;
        } else {
            double w = rule_width(o->rule, data, nk);
            double nb = w != 0 && !isnan(w) ? ceil((last - first) / w) : 1;
            /* NumPy raises when the rule's count cannot be allocated (integers up to
             * 2^61 ask for ~2^61 bins); the double must not be cast when out of range. */
            if (o->max_bins > 0 && nb > (double)o->max_bins) nb = (double)o->max_bins;
            if (!(nb < 0x1p62)) {
                nd_free_mem(kept);
                return nd_set_error(ND_ENOMEM, "%s: the bin rule asks for %.17g bins, more "
                                    "than can be allocated", who, nb);
            }
            nbins = (ptrdiff_t)nb;
            if (o->max_bins > 0 && nbins > o->max_bins) nbins = o->max_bins;
        }
        nd_free_mem(kept);
    }
    if (nbins >= PTRDIFF_MAX / (ptrdiff_t)sizeof(double) ||
        !(out->e = nd__malloc_n(nbins + 1, sizeof(double), who)))
        return nd_set_error(ND_ENOMEM, "%s: cannot allocate %td bins", who, nbins);
    out->nbins = nbins;
    out->uniform = true;
    linspace_edges(first, last, nbins, out->e);
    return ND_OK;
}

/* Bin of x among edges e[0..nb] (last bin closed), or -1 when outside / NaN. */
static inline ptrdiff_t search_bin(const double *e, ptrdiff_t nb, double x)
{
    if (!(x >= e[0] && x <= e[nb])) return -1;
    ptrdiff_t lo = 0, hi = nb + 1; /* upper bound: first edge > x */
    while (lo < hi) {
        ptrdiff_t mid = lo + (hi - lo) / 2;
        if (e[mid] <= x)
            lo = mid + 1;
        else
            hi = mid;
    }
    ptrdiff_t b = lo - 1;
    return b >= nb ? nb - 1 : b;
}

/* Count (or sum weights) of x into the bins. counts: int64 or double per `w`. */
static void hist_fill(const double *x, ptrdiff_t n, const double *w, const edges_t *E,
                      int64_t *cnt, double *wsum)
{
    const double *e = E->e;
    const ptrdiff_t nb = E->nbins;
    if (E->uniform) {
        const double first = e[0], last = e[nb], denom = last - first;
        const double numer = (double)nb;
        for (ptrdiff_t i = 0; i < n; i++) {
            double v = x[i];
            if (!(v >= first && v <= last)) continue;
            ptrdiff_t b = (ptrdiff_t)((v - first) / denom * numer);
            if (b == nb) b--;
            /* the division may be off by one ulp at an edge: correct against the edges */
            if (v < e[b]) b--;
            else if (b != nb - 1 && v >= e[b + 1]) b++;
            if (w)
                wsum[b] += w[i];
            else
                cnt[b]++;
        }
        return;
    }
    for (ptrdiff_t i = 0; i < n; i++) {
        ptrdiff_t b = search_bin(e, nb, x[i]);
        if (b < 0) continue;
        if (w)
            wsum[b] += w[i];
        else
            cnt[b]++;
    }
}

/* Flat contiguous doubles of any real array (borrowed when already float64 C-contiguous). */
static double *flat_f64(const nd_array *a, bool *owned, const char *who)
{
    if (a->dtype == ND_FLOAT64 && nd_is_c_contiguous(a)) {
        *owned = false;
        return (double *)a->data;
    }
    double *d = nd__malloc_n((a->size > 0 ? a->size : 1), sizeof *d, who);
    if (!d) return NULL;
    if (nd__need_numeric(a->dtype, who) < 0 || nd_to_f64(a, d) < 0) {
        nd_free_mem(d);
        return NULL;
    }
    *owned = true;
    return d;
}

static nd_array *edges_array(const edges_t *E, const char *who)
{
    ptrdiff_t n = E->nbins + 1;
    nd_array *a = nd__alloc(1, &n, ND_FLOAT64, false, who);
    if (a) memcpy(a->data, E->e, (size_t)n * sizeof(double));
    return a;
}

/* The result to the caller through *out when it asked for it (out not NULL), else freed. */
static void hand_out(nd_array *h, nd_array **out)
{
    if (out)
        *out = h;
    else
        nd_free(h);
}

/* ---- dates: numpy.histogram of datetime64 / timedelta64 with explicit edges ------------------ */

/* Contiguous int64 ticks of a in dtype dt (a copy). */
static int64_t *ticks_as(const nd_array *a, nd_dtype dt, const char *who)
{
    nd_array *c = nd_astype(a, dt, ND_CAST_SAME_KIND);
    nd_array *cc = c ? nd_ascontiguousarray(c) : NULL;
    int64_t *v = cc ? nd__malloc_n(cc->size > 0 ? cc->size : 1, sizeof *v, who) : NULL;
    if (v) memcpy(v, cc->data, (size_t)cc->size * sizeof *v);
    nd_free(cc);
    nd_free(c);
    return v;
}

/* As NumPy: the edges (of the data's kind) compare with the values in their common unit;
 * NaT values count in no bin; density divides by the widths in the edges' own unit;
 * *edges is a copy of .edges as given. Without .edges NumPy fails computing them. */
static nd_status hist_dates(const nd_array *a, nd_array **hist, nd_array **edges,
                            const nd_hist_opts *o, const char *who)
{
    const nd_array *ea = o->edges;
    if (!ea || o->rule || o->range)
        return nd_set_error(ND_EDTYPE, "%s: bins of a %s array must be given as .edges of the same "
                            "kind (NumPy cannot compute them: ufunc 'multiply' cannot use %s and "
                            "float64)", who, nd_dtype_name(a->dtype), nd_dtype_name(a->dtype));
    bool dt_a = nd_dtype_is_datetime(a->dtype);
    if (dt_a ? !nd_dtype_is_datetime(ea->dtype) : !nd_dtype_is_timedelta(ea->dtype))
        return nd_set_error(ND_EDTYPE, "%s: Cannot cast array data from dtype('%s') to dtype('%s') "
                            "according to the rule 'safe'", who, nd_dtype_name(ea->dtype),
                            nd_dtype_name(a->dtype));
    if (ea->ndim != 1) return nd_set_error(ND_EVALUE, "%s: `bins` must be 1d, when an array", who);
    if (ea->shape[0] < 2)
        return nd_set_error(ND_EVALUE, "%s: bins needs at least 2 edges (got %td)", who, ea->shape[0]);
    nd_dtype common = nd_promote_types(a->dtype, ea->dtype); /* the finer unit */
    ptrdiff_t nb = ea->shape[0] - 1;
    int64_t *x = ticks_as(a, common, who), *e = x ? ticks_as(ea, common, who) : NULL;
    int64_t *eown = x ? ticks_as(ea, ea->dtype, who) : NULL; /* widths in the edges' unit */
    double *w = NULL;
    bool own_w = false;
    nd_array *h = NULL;
    nd_status st = ND_OK;
    if (!x || !e || !eown || (o->weights && !(w = flat_f64(o->weights, &own_w, who)))) goto fail;
    for (ptrdiff_t i = 0; i <= nb; i++)
        if (e[i] == ND_NAT || (i < nb && e[i] > e[i + 1])) {
            nd_set_error(ND_EVALUE, "%s: `bins` must increase monotonically, when an array%s", who,
                         e[i] == ND_NAT ? " (and hold no NaT)" : "");
            goto fail;
        }
    bool as_float = w || o->density;
    h = nd__alloc(1, &nb, as_float ? ND_FLOAT64 : ND_INT64, false, who);
    if (!h) goto fail;
    memset(h->data, 0, (size_t)nb * 8);
    double *hf = (double *)h->data;
    int64_t *hc = (int64_t *)h->data;
    for (ptrdiff_t i = 0; i < a->size; i++) {
        int64_t v = x[i];
        if (v == ND_NAT || v < e[0] || v > e[nb]) continue;
        ptrdiff_t lo = 0, hi = nb; /* the last edge <= v, the top edge in the last bin */
        while (hi - lo > 1) {
            ptrdiff_t mid = lo + (hi - lo) / 2;
            if (e[mid] <= v) lo = mid;
            else hi = mid;
        }
        if (as_float) hf[lo] += w ? w[i] : 1;
        else hc[lo]++;
    }
    if (o->density) {
        double sum = nd__pairwise_sum(hf, nb, 1);
        for (ptrdiff_t i = 0; i < nb; i++) hf[i] = hf[i] / (double)(eown[i + 1] - eown[i]) / sum;
    }
    if (edges && !(*edges = nd_copy(ea, ND_ORDER_C))) goto fail;
    hand_out(h, hist);
    h = NULL;
    goto done;
fail:
    st = nd_last_error();
done:
    nd_free(h);
    nd_free_mem(x);
    nd_free_mem(e);
    nd_free_mem(eown);
    if (own_w) nd_free_mem(w);
    return st;
}

nd_status nd_histogram_(const nd_array *a, nd_array **hist, nd_array **edges,
                        const nd_hist_opts *o)
{
    const char *who = "nd_histogram";
    if (hist) *hist = NULL;
    if (edges) *edges = NULL;
    if (!a || !o) return nd_set_error(ND_EVALUE, "%s: NULL argument", who);
    if (nd_dtype_is_complex(a->dtype))
        return nd_set_error(ND_EDTYPE, "%s: complex input is not supported", who);
    if (o->weights && (o->weights->ndim != a->ndim ||
                       memcmp(o->weights->shape, a->shape, (size_t)a->ndim * sizeof(ptrdiff_t)))) {
        char s1[ND_SHAPE_STRLEN], s2[ND_SHAPE_STRLEN];
        return nd_set_error(ND_ESHAPE, "%s: weights should have the same shape as a (%s vs %s)", who,
                         nd__shape_str(s1, sizeof s1, o->weights->ndim, o->weights->shape),
                         nd__shape_str(s2, sizeof s2, a->ndim, a->shape));
    }
    if (nd_dtype_is_datetime(a->dtype) || nd_dtype_is_timedelta(a->dtype))
        return hist_dates(a, hist, edges, o, who);
    bool own_x = false, own_w = false;
    double *x = flat_f64(a, &own_x, who), *w = NULL;
    if (!x) return nd_last_error();
    nd_status st = ND_OK;
    edges_t E = { 0 };
    nd_array *h = NULL;
    if (o->weights && !(w = flat_f64(o->weights, &own_w, who))) goto fail;
    if (hist_edges(x, a->size, o, &E, who) < 0) goto fail;
    bool as_float = w || o->density;
    h = nd__alloc(1, &E.nbins, as_float ? ND_FLOAT64 : ND_INT64, false, who);
    if (!h) goto fail;
    memset(h->data, 0, (size_t)E.nbins * 8);
    if (w) {
        hist_fill(x, a->size, w, &E, NULL, (double *)h->data);
    } else {
        hist_fill(x, a->size, NULL, &E, (int64_t *)h->data, NULL);
        if (o->density) { /* counts to doubles in place */
            int64_t *c = (int64_t *)h->data;
            double *d = (double *)h->data;
            for (ptrdiff_t i = 0; i < E.nbins; i++) d[i] = (double)c[i];
        }
    }
    if (o->density) {
        double *d = (double *)h->data, s = nd__pairwise_sum(d, E.nbins, 1);
        for (ptrdiff_t i = 0; i < E.nbins; i++) d[i] = d[i] / (E.e[i + 1] - E.e[i]) / s;
    }
    if (edges && !(*edges = edges_array(&E, who))) goto fail;
    hand_out(h, hist);
    h = NULL;
    goto done;
fail:
    st = nd_last_error();
    if (edges) {
        nd_free(*edges);
        *edges = NULL;
    }
done:
    nd_free(h);
    nd_free_mem(E.e);
    if (own_x) nd_free_mem(x);
    if (own_w) nd_free_mem(w);
    return st;
}

nd_array *nd_histogram_bin_edges_(const nd_array *a, const nd_hist_opts *o)
{
    const char *who = "nd_histogram_bin_edges";
    if (!a || !o) return ND_FAIL(ND_EVALUE, "%s: NULL argument", who);
    if (nd_dtype_is_complex(a->dtype)) return ND_FAIL(ND_EDTYPE, "%s: complex input", who);
    bool own = false;
    double *x = flat_f64(a, &own, who);
    if (!x) return NULL;
    edges_t E;
    nd_array *res = NULL;
    if (hist_edges(x, a->size, o, &E, who) == ND_OK) res = edges_array(&E, who);
    nd_free_mem(E.e);
    if (own) nd_free_mem(x);
    return res;
}

/* ---- histogramdd / histogram2d ------------------------------------------------------------ */
nd_status nd_histogramdd_(const nd_array *sample, nd_array **hist, nd_array **edges,
                          const nd_histdd_opts *o)
{
    const char *who = "nd_histogramdd";
    if (hist) *hist = NULL;
    if (!sample || !o) return nd_set_error(ND_EVALUE, "%s: NULL argument", who);
    if (sample->ndim > 2 || sample->ndim == 0)
        return nd_set_error(ND_ESHAPE, "%s: sample must be (N, D) or 1-D (got %d dimensions)", who,
                         sample->ndim);
    if (nd_dtype_is_complex(sample->dtype)) return nd_set_error(ND_EDTYPE, "%s: complex sample", who);
    ptrdiff_t N = sample->shape[0], D = sample->ndim == 2 ? sample->shape[1] : 1;
    if (D > ND_MAXDIMS) return nd_set_error(ND_EVALUE, "%s: %td dimensions (at most %d)", who, D, ND_MAXDIMS);
    if (o->weights && (o->weights->ndim != 1 || o->weights->shape[0] != N))
        return nd_set_error(ND_ESHAPE, "%s: weights must be 1-D of length %td", who, N);
    bool own = false, own_w = false;
    double *x = flat_f64(sample, &own, who), *w = NULL;
    if (!x) return nd_last_error();
    edges_t E[ND_MAXDIMS];
    memset(E, 0, sizeof E);
    double *grid = NULL;
    nd_array *h = NULL;
    nd_status st = ND_OK;
    if (o->weights && !(w = flat_f64(o->weights, &own_w, who))) goto fail;
    ptrdiff_t total = 1, gshape[ND_MAXDIMS];
    for (ptrdiff_t d = 0; d < D; d++) {
        if (o->edges) {
            char what[32];
            snprintf(what, sizeof what, "`bins[%td]`", d);
            if (edges_from_array(o->edges[d], &E[d], who, what) < 0) goto fail;
        } else {
            ptrdiff_t nb = o->bins_each ? o->bins_each[d] : o->bins;
            if (nb < 1) {
                nd_set_error(ND_EVALUE, "%s: `bins[%td]` must be positive, when an integer (got %td)",
                          who, d, nb);
                goto fail;
            }
            double first, last;
            if (outer_edges(x + d, N, D, o->range ? o->range + 2 * d : NULL, &first, &last, who) < 0)
                goto fail;
            if (nb >= PTRDIFF_MAX / (ptrdiff_t)sizeof(double) ||
                !(E[d].e = nd__malloc_n(nb + 1, sizeof(double), who))) {
                nd_set_error(ND_ENOMEM, "%s: cannot allocate %td bins in `bins[%td]`", who, nb, d);
                goto fail;
            }
            E[d].nbins = nb;
            linspace_edges(first, last, nb, E[d].e);
        }
        gshape[d] = E[d].nbins;
        if (__builtin_mul_overflow(total, E[d].nbins, &total)) {
            nd_set_error(ND_ENOMEM, "%s: cannot allocate a histogram of more than %td bins "
                         "(bins[%td] = %td)", who, PTRDIFF_MAX, d, E[d].nbins);
            goto fail;
        }
    }
    grid = nd_calloc((size_t)(total > 0 ? total : 1), sizeof *grid, who);
    if (!grid) goto fail;
    for (ptrdiff_t i = 0; i < N; i++) {
        ptrdiff_t flat = 0;
        bool inside = true;
        for (ptrdiff_t d = 0; d < D && inside; d++) {
            /* searchsorted(edges, x, 'right') with the right-most edge folded back */
            double v = x[i * D + d];
            ptrdiff_t b = search_bin(E[d].e, E[d].nbins, v);
            inside = b >= 0;
            flat = flat * E[d].nbins + b;
        }
        if (inside) grid[flat] += w ? w[i] : 1.0;
    }
    if (o->density) {
        double s = nd__pairwise_sum(grid, total, 1);
        for (ptrdiff_t f = 0; f < total; f++) {
            ptrdiff_t rem = f;
            double vol = 1;
            for (ptrdiff_t d = D - 1; d >= 0; d--) {
                ptrdiff_t b = rem % E[d].nbins;
                rem /= E[d].nbins;
                vol *= E[d].e[b + 1] - E[d].e[b];
            }
            grid[f] = grid[f] / vol / s;
        }
    }
    h = nd__alloc((int)D, gshape, ND_FLOAT64, false, who);
    if (!h) goto fail;
    memcpy(h->data, grid, (size_t)total * sizeof *grid);
    if (edges)
        for (ptrdiff_t d = 0; d < D; d++) edges[d] = NULL;
    if (edges)
        for (ptrdiff_t d = 0; d < D; d++)
            if (!(edges[d] = edges_array(&E[d], who))) {
                for (ptrdiff_t k = 0; k < d; k++) {
                    nd_free(edges[k]);
                    edges[k] = NULL;
                }
                goto fail;
            }
    hand_out(h, hist);
    h = NULL;
    goto done;
fail:
    st = nd_last_error();
done:
    nd_free(h);
    nd_free_mem(grid);
    for (ptrdiff_t d = 0; d < D && d < ND_MAXDIMS; d++) nd_free_mem(E[d].e);
    if (own) nd_free_mem(x);
    if (own_w) nd_free_mem(w);
    return st;
}

nd_status nd_histogram2d_(const nd_array *x, const nd_array *y, nd_array **hist,
                          nd_array **xedges, nd_array **yedges, const nd_histdd_opts *o)
{
    const char *who = "nd_histogram2d";
    if (!x || !y) return nd_set_error(ND_EVALUE, "%s: NULL argument", who);
    if (x->ndim != 1 || y->ndim != 1 || x->shape[0] != y->shape[0])
        return nd_set_error(ND_ESHAPE, "%s: x and y must be 1-D of the same length", who);
    const nd_array *xy[2] = { x, y };
    nd_array *s = nd_stack(2, xy, 1);
    if (!s) return nd_last_error();
    nd_array *e[2] = { NULL, NULL };
    nd_status st = nd_histogramdd_(s, hist, e, o);
    nd_free(s);
    if (xedges) *xedges = e[0]; else nd_free(e[0]);
    if (yedges) *yedges = e[1]; else nd_free(e[1]);
    return st;
}
