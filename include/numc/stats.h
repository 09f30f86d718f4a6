/* numc — statistics: order statistics (median, percentile, quantile and their
 * nan-variants), histograms, bincount, digitize, average, cov, corrcoef, correlate.
 *
 * Semantics are NumPy's (numpy.lib.function_base / histograms / nanfunctions).
 * Ownership: every nd_array* returned (or written to an out-parameter) is the caller's.
 * Errors: NULL / negative nd_status and nd_errmsg() naming the function and values:
 * ND_EVALUE (percentile outside [0, 100], bins <= 0, non-monotonic bin edges, negative
 * bincount input, weights summing to zero), ND_ESHAPE (weights of the wrong shape),
 * ND_EAXIS, ND_EDTYPE (complex input where only real is supported).
 * NumPy's RuntimeWarnings do not fail: they set a warning bit (nd_stats_warnings). */
#ifndef NUMC_STATS_H
#define NUMC_STATS_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "array.h"

#ifdef __cplusplus
extern "C" {
#endif

/* ---- warnings --------------------------------------------------------------------- */
enum nd_stats_warning {
    ND_WARN_EMPTY = 1,       /* median / mean of an empty slice: the result is NaN */
    ND_WARN_ALL_NAN = 2,     /* nan-function on an all-NaN slice: the result is NaN */
    ND_WARN_DOF = 4          /* cov: degrees of freedom <= 0 */
};
/* Warning bits raised on this thread since the last call, then cleared. */
ND_API unsigned nd_stats_warnings(void);

/* ---- order statistics --------------------------------------------------------------- */
/* numpy.quantile's methods: the nine of Hyndman & Fan (1996) plus NumPy's own four. */
typedef enum nd_quantile_method {
    ND_Q_LINEAR = 0,               /* H&F 7, NumPy's default */
    ND_Q_LOWER,
    ND_Q_HIGHER,
    ND_Q_NEAREST,                  /* round half to even, as NumPy */
    ND_Q_MIDPOINT,
    ND_Q_INVERTED_CDF,             /* H&F 1 */
    ND_Q_AVERAGED_INVERTED_CDF,    /* H&F 2 */
    ND_Q_CLOSEST_OBSERVATION,      /* H&F 3 */
    ND_Q_INTERPOLATED_INVERTED_CDF,/* H&F 4 */
    ND_Q_HAZEN,                    /* H&F 5 */
    ND_Q_WEIBULL,                  /* H&F 6 */
    ND_Q_MEDIAN_UNBIASED,          /* H&F 8 */
    ND_Q_NORMAL_UNBIASED           /* H&F 9 */
} nd_quantile_method;
/* NumPy's name ("linear", "hazen", ...) and back (-1 and ND_EVALUE when unknown). */
ND_API const char *nd_quantile_method_name(nd_quantile_method m);
ND_API int nd_quantile_method_from_name(const char *name);

typedef struct nd_quantile_opts {
    int _; /* reserved: leave it out (lets an empty option list compile) */
    int axis;                   /* the axis to reduce; ND_AXIS_NONE (default): all, flattened.
                                   A positional argument after q is the axis, as in NumPy */
    nd_axes axes;               /* several axes: .axes = ND_AXES(0, 2) */
    bool keepdims;
    nd_quantile_method method;
    double q;                   /* the quantile (percentile: in [0, 100]; quantile: [0, 1]) */
    const nd_array *qs;         /* several at once instead (any shape); the result's shape
                                   is qs's shape followed by the reduced shape */
} nd_quantile_opts;
#define ND_QUANTILE_DEFAULTS ((nd_quantile_opts){ ._ = 0, .axis = ND_AXIS_NONE })

/* numpy.percentile / quantile (and nanpercentile / nanquantile, which ignore NaN).
 * Returns float64 — float32 for float32 input with a scalar q — or the input's dtype for
 * the methods that pick an element (lower, higher, nearest, inverted_cdf,
 * closest_observation). A slice holding NaN gives NaN (non-nan variants); an all-NaN or
 * empty slice gives NaN and sets ND_WARN_ALL_NAN / ND_WARN_EMPTY. Selection
 * (introselect), never a full sort.
 *     nd_percentile(a, 95)     nd_percentile(a, 95, 1)  (axis 1)    nd_percentiles(a, qarr, .axis = 0)
 *     nd_quantile(a, 0.5, .method = ND_Q_HAZEN)  nd_nanpercentile(a, 50, .keepdims = true)
 * A missing q does not compile. */
ND_API nd_array *nd_percentile_(const nd_array *a, const nd_quantile_opts *o);
ND_API nd_array *nd_quantile_(const nd_array *a, const nd_quantile_opts *o);
ND_API nd_array *nd_nanpercentile_(const nd_array *a, const nd_quantile_opts *o);
ND_API nd_array *nd_nanquantile_(const nd_array *a, const nd_quantile_opts *o);
/* A missing q reads "too few arguments to function 'nd_percentile_requires_q'". */
static inline double nd_percentile_requires_q(double q) { return q; }
static inline const nd_array *nd_percentile_requires_q_array(const nd_array *q) { return q; }
#define ND__QOPTS(field, req, ...) \
    (&(nd_quantile_opts){ ._ = 0, .axis = ND_AXIS_NONE, ._ = 0, ND__T1(__VA_ARGS__, ) \
                          .field = req(ND__FIRST(__VA_ARGS__, )) })
#define nd_percentile(a, ...) nd_percentile_((a), ND__QOPTS(q, nd_percentile_requires_q, __VA_ARGS__))
#define nd_percentiles(a, ...) nd_percentile_((a), ND__QOPTS(qs, nd_percentile_requires_q_array, __VA_ARGS__))
#define nd_quantile(a, ...) nd_quantile_((a), ND__QOPTS(q, nd_percentile_requires_q, __VA_ARGS__))
#define nd_quantiles(a, ...) nd_quantile_((a), ND__QOPTS(qs, nd_percentile_requires_q_array, __VA_ARGS__))
#define nd_nanpercentile(a, ...) nd_nanpercentile_((a), ND__QOPTS(q, nd_percentile_requires_q, __VA_ARGS__))
#define nd_nanpercentiles(a, ...) nd_nanpercentile_((a), ND__QOPTS(qs, nd_percentile_requires_q_array, __VA_ARGS__))
#define nd_nanquantile(a, ...) nd_nanquantile_((a), ND__QOPTS(q, nd_percentile_requires_q, __VA_ARGS__))
#define nd_nanquantiles(a, ...) nd_nanquantile_((a), ND__QOPTS(qs, nd_percentile_requires_q_array, __VA_ARGS__))

typedef struct nd_median_opts {
    int _; /* reserved: leave it out (lets an empty option list compile) */
    int axis;                   /* ND_AXIS_NONE (default): all axes; positional: nd_median(a, 1) */
    nd_axes axes;               /* several axes */
    bool keepdims;
} nd_median_opts;
#define ND_MEDIAN_DEFAULTS ((nd_median_opts){ ._ = 0, .axis = ND_AXIS_NONE })
/* numpy.median / nanmedian: float64 (float32 for float32 input). Empty → NaN with
 * ND_WARN_EMPTY; nanmedian of an all-NaN slice → NaN with ND_WARN_ALL_NAN.
 *     nd_median(a)   nd_median(a, 1)   nd_median(a, .axis = 1, .keepdims = true) */
ND_API nd_array *nd_median_(const nd_array *a, const nd_median_opts *o);
ND_API nd_array *nd_nanmedian_(const nd_array *a, const nd_median_opts *o);
#define nd_median(...) nd_median_(ND__RH(__VA_ARGS__, ), ND__KWA(nd_median_opts, ND__T1(__VA_ARGS__, )))
#define nd_nanmedian(...) \
    nd_nanmedian_(ND__RH(__VA_ARGS__, ), ND__KWA(nd_median_opts, ND__T1(__VA_ARGS__, )))

/* ---- histograms ------------------------------------------------------------------------ */
/* numpy.histogram's bin rules (bins='auto', 'fd', ...). */
typedef enum nd_bin_rule {
    ND_BINS_COUNT = 0,  /* use .bins (must be > 0) or .edges */
    ND_BINS_AUTO,       /* min(fd, sturges) width, sturges when the IQR is 0 */
    ND_BINS_FD,         /* Freedman–Diaconis: 2 IQR n^(-1/3) */
    ND_BINS_STURGES,    /* ptp / (log2 n + 1) */
    ND_BINS_SCOTT,      /* (24 sqrt(pi) / n)^(1/3) std */
    ND_BINS_RICE,       /* ptp / (2 n^(1/3)) */
    ND_BINS_SQRT,       /* ptp / sqrt(n) */
    ND_BINS_DOANE       /* Sturges corrected for skewness */
} nd_bin_rule;
/* NumPy's name ("auto", "fd", ...) and back (-1 and ND_EVALUE when unknown). */
ND_API const char *nd_bin_rule_name(nd_bin_rule r);
ND_API int nd_bin_rule_from_name(const char *name);

typedef struct nd_hist_opts {
    int _; /* reserved: leave it out (lets an empty option list compile) */
    ptrdiff_t bins;          /* number of equal-width bins; 0 → 10 (NumPy's default); ignored
                                with .edges or a .rule; < 0: ND_EVALUE */
    const nd_array *edges;   /* explicit edges instead (1-D, monotonically increasing) */
    nd_bin_rule rule;        /* a rule instead of a count */
    const double *range;     /* {lo, hi}: NULL → (min, max) of the data */
    const nd_array *weights; /* same shape as a */
    bool density;            /* normalise to a probability density */
    ptrdiff_t max_bins;      /* > 0: a .rule's bin count is capped here, computed before any
                                allocation (a plotting front end's guard against heavy tails;
                                NumPy has no cap); 0: no cap */
} nd_hist_opts;
/* numpy.histogram: *hist gets the counts (int64; float64 with weights or density),
 * *edges the bin edges (float64, length nbins + 1); either pointer may be NULL. Bins are
 * half-open except the last, which includes its right edge. Equal-width bins take a
 * direct index computation (no search).
 *     nd_histogram(a, &h, &e)  (10 bins)   nd_histogram(a, &h, &e, 100)
 *     nd_histogram(a, &h, &e, .rule = ND_BINS_AUTO)
 * datetime64 / timedelta64 data, as NumPy allows it: .edges of the same kind (compared in
 * the finer unit; NaT values count in no bin; density divides by widths in the edges'
 * unit); *edges is then a copy of .edges. Computed bins are ND_EDTYPE, as NumPy's TypeError. */
ND_API nd_status nd_histogram_(const nd_array *a, nd_array **hist, nd_array **edges,
                               const nd_hist_opts *o);
/* The array and both result pointers are required (either pointer may be NULL): a
 * shorter call reads "too few arguments to function
 * 'nd_histogram_requires_a_hist_and_edges'". */
static inline nd_status nd_histogram_requires_a_hist_and_edges(const nd_array *a,
                                                               nd_array **hist,
                                                               nd_array **edges)
{
    (void)a, (void)hist, (void)edges;
    return ND_EVALUE;
}
#define ND__ARITY3(...)                                                                     \
    ND__ARITY3_(__VA_ARGS__, nd__many, nd__many, nd__many, nd__many, nd__many, nd__many,     \
                nd__many, nd__many, nd__many, nd__many, nd__many, nd__many, nd__many,        \
                nd__many, nd__few, nd__few, )
#define ND__ARITY3_(_1, _2, _3, _4, _5, _6, _7, _8, _9, _10, _11, _12, _13, _14, _15, _16, r, \
                    ...)                                                                     \
    r
#define nd_histogram(...) ND__CAT(nd__histogram_, ND__ARITY3(__VA_ARGS__))(__VA_ARGS__)
#define nd__histogram_nd__many(...) \
    nd_histogram_(ND__H3R(__VA_ARGS__, ), &(nd_hist_opts){ ._ = 0, ND__T3(__VA_ARGS__, ) })
#define nd__histogram_nd__few(...) nd_histogram_requires_a_hist_and_edges(__VA_ARGS__)
/* numpy.histogram_bin_edges: the edges nd_histogram would use. */
ND_API nd_array *nd_histogram_bin_edges_(const nd_array *a, const nd_hist_opts *o);
#define nd_histogram_bin_edges(...) \
    nd_histogram_bin_edges_(ND__RH(__VA_ARGS__, ), &(nd_hist_opts){ ._ = 0, ND__T1(__VA_ARGS__, ) })

typedef struct nd_histdd_opts {
    ptrdiff_t bins;               /* bins in every dimension, > 0 (unless bins_each / edges) */
    const ptrdiff_t *bins_each;   /* or one count per dimension (D entries) */
    const nd_array *const *edges; /* or explicit edges per dimension (D arrays) */
    const double *range;          /* D pairs {lo0, hi0, lo1, hi1, ...}; NULL → data */
    const nd_array *weights;      /* length N */
    bool density;
} nd_histdd_opts;
/* numpy.histogramdd: sample is (N, D) (a 1-D sample is N points in one dimension).
 * *hist gets a float64 array of shape (nbins_0, ..., nbins_{D-1}); edges[] (D entries,
 * may be NULL) the edges of each dimension. */
ND_API nd_status nd_histogramdd_(const nd_array *sample, nd_array **hist, nd_array **edges,
                                 const nd_histdd_opts *o);
#define nd_histogramdd(sample, hist, edges, ...) \
    nd_histogramdd_((sample), (hist), (edges), &(nd_histdd_opts){ .bins = __VA_ARGS__ })
/* numpy.histogram2d(x, y): hist (nx, ny) float64, x edges and y edges. */
ND_API nd_status nd_histogram2d_(const nd_array *x, const nd_array *y, nd_array **hist,
                                 nd_array **xedges, nd_array **yedges, const nd_histdd_opts *o);
#define nd_histogram2d(x, y, hist, xedges, yedges, ...) \
    nd_histogram2d_((x), (y), (hist), (xedges), (yedges), \
                    &(nd_histdd_opts){ .bins = __VA_ARGS__ })

/* numpy.bincount: counts of each value of a 1-D non-negative integer array (int64), or
 * sums of `weights` (float64, same length; may be NULL); length max(x) + 1, at least
 * minlength. */
ND_API nd_array *nd_bincount(const nd_array *x, const nd_array *weights, ptrdiff_t minlength);
/* numpy.digitize: int64 indices of the bins each x falls in; bins 1-D and monotonic
 * (increasing or decreasing). right: intervals closed on the right. */
ND_API nd_array *nd_digitize(const nd_array *x, const nd_array *bins, bool right);

/* ---- weighted means, covariance, correlation --------------------------------------------- */
typedef struct nd_average_opts {
    int _; /* reserved: leave it out (lets an empty option list compile) */
    int axis;                /* ND_AXIS_NONE (default): all axes; positional: nd_average(a, 1) */
    nd_axes axes;            /* several axes */
    const nd_array *weights; /* NULL, same shape as a, or 1-D along the (single) axis */
    bool keepdims;
    nd_array **sum_of_weights; /* NumPy's returned=True: receives the weight sums */
} nd_average_opts;
/* numpy.average: float64 (float32 for float32 input and weights). Errors: ND_ESHAPE
 * (weights shape), ND_EVALUE (weights sum to zero), ND_EAXIS.
 * The positional order is NumPy's: average(a, axis, weights).
 *     nd_average(a)   nd_average(a, 1)   nd_average(a, .weights = w, .axis = 1) */
ND_API nd_array *nd_average_(const nd_array *a, const nd_average_opts *o);
#define ND_AVERAGE_DEFAULTS ((nd_average_opts){ ._ = 0, .axis = ND_AXIS_NONE })
#define nd_average(...) \
    nd_average_(ND__RH(__VA_ARGS__, ), ND__KWA(nd_average_opts, ND__T1(__VA_ARGS__, )))

typedef struct nd_cov_opts {
    const nd_array *y;        /* extra variables, stacked after m's */
    bool columns_are_vars;    /* NumPy's rowvar=False */
    bool bias;                /* normalise by N (default N - 1) */
    int ddof;                 /* used when has_ddof */
    bool has_ddof;
    const nd_array *fweights; /* integer frequency weights, length N */
    const nd_array *aweights; /* observation weights, length N */
} nd_cov_opts;
/* numpy.cov: the covariance matrix (float64) of the rows of m (variables × observations),
 * squeezed like NumPy (one variable → 0-d). Degrees of freedom <= 0 → ND_WARN_DOF and
 * infinities / NaN. Errors: ND_ESHAPE (m with more than 2 dims, weights length),
 * ND_EVALUE (negative or non-integer fweights, negative aweights).
 *     nd_cov(m, NULL)   nd_cov(x, y, .bias = true) */
ND_API nd_array *nd_cov_(const nd_array *m, const nd_cov_opts *o);
#define nd_cov(m, ...) nd_cov_((m), &(nd_cov_opts){ .y = __VA_ARGS__ })
/* numpy.corrcoef: Pearson correlation coefficients, clipped to [-1, 1]. */
ND_API nd_array *nd_corrcoef_(const nd_array *x, const nd_cov_opts *o);
#define nd_corrcoef(x, ...) nd_corrcoef_((x), &(nd_cov_opts){ .y = __VA_ARGS__ })

typedef enum nd_correlate_mode { ND_MODE_VALID = 0, ND_MODE_SAME, ND_MODE_FULL } nd_correlate_mode;
/* numpy.correlate(a, v, mode) of two 1-D real sequences: c[k] = Σ_n a[n + k] v[n]
 * (float64; NumPy's default mode is valid). */
ND_API nd_array *nd_correlate(const nd_array *a, const nd_array *v, nd_correlate_mode mode);

#ifdef __cplusplus
}
#endif
#endif
