/* Distributed percentile / quantile / median by distributed selection: the k-th smallest
 * value of a distributed slice is found by rounds of a weighted-median-of-medians pivot and
 * a global count of the values below and equal to it; the last few thousand candidates are
 * gathered. The order statistics are then combined with numc's own formulas
 * (core/stats/stats_quantile.c: locate, lerp, the median's mean), on the values converted
 * to double as numc converts them, so results are numc's bit for bit. */
#include <limits.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <numc/manip.h>
#include <numc/sort.h>
#include <numc/stats.h>

#include "dist_internal.h"

/* Candidates left when the rest is gathered (per slice, all ranks together). */
#define SEL_GATHER 4096

/* ---- numc's quantile arithmetic (core/stats/stats_quantile.c) ------------------------------- */

static bool is_discrete(nd_quantile_method m)
{
    return m == ND_Q_LOWER || m == ND_Q_HIGHER || m == ND_Q_NEAREST || m == ND_Q_INVERTED_CDF ||
           m == ND_Q_CLOSEST_OBSERVATION;
}

typedef struct qpos {
    ptrdiff_t prev, next;
    double gamma;
} qpos;

static ptrdiff_t clip_low(double v) { return v < 0 ? 0 : (ptrdiff_t)v; }

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
        prev = -1;
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

static double lerp(double a, double b, double t)
{
    double diff = b - a;
    return t >= 0.5 ? b - diff * (1 - t) : a + diff * t;
}

/* ---- distributed selection -------------------------------------------------------------------- */

static int cmp_f64(const void *a, const void *b)
{
    double x = *(const double *)a, y = *(const double *)b;
    return (x > y) - (x < y);
}

/* First position in v[lo, hi) with v >= x (strict: > x). */
static ptrdiff_t bound(const double *v, ptrdiff_t lo, ptrdiff_t hi, double x, bool strict)
{
    while (lo < hi) {
        ptrdiff_t mid = lo + (hi - lo) / 2;
        if (strict ? v[mid] <= x : v[mid] < x)
            lo = mid + 1;
        else
            hi = mid;
    }
    return lo;
}

/* The ks[j]-th smallest (0-based; j < K, each k < the global count) of the values held by
 * all ranks, each rank's v[0..m) sorted ascending and NaN-free, to out[j]; all K at once:
 * per round one MPI_Allgather of P x (2K + 1) doubles (each rank's window median and size
 * per k, and its status) and one MPI_Allreduce of 2K + 1 counts; the windows still open
 * shrink by at least a quarter each round (the pivot is the weighted median of the ranks'
 * medians); windows of at most SEL_GATHER candidates in all are gathered (one
 * MPI_Allgatherv for all of them) and finished locally. Collective; errors agree. */
static nd_status dist_select(MPI_Comm comm, int P, const double *const *vs, const ptrdiff_t *ms, const int64_t *ks,
                             int K, double *out, const char *who)
{
    if (K <= 0) return ND_OK;
    int R = 2 * K + 1;
    ptrdiff_t *lo = nd_malloc((size_t)K * 2 * sizeof *lo, who), *hi = lo ? lo + K : NULL;
    int64_t *base = nd_malloc((size_t)K * sizeof *base, who);
    double *rec = nd_malloc((size_t)R * sizeof *rec, who), *all = nd_malloc((size_t)R * (size_t)P * sizeof *all, who);
    int64_t *lc = nd_malloc((size_t)R * sizeof *lc, who), *gc = nd_malloc((size_t)R * sizeof *gc, who);
    ptrdiff_t *cut = nd_malloc((size_t)K * 2 * sizeof *cut, who);
    double *piv = nd_malloc((size_t)K * sizeof *piv, who);
    char *done = nd_calloc((size_t)K, 1, who);
    int *rc = nd_malloc((size_t)P * 2 * sizeof *rc, who);
    nd_status st = lo && base && rec && all && lc && gc && cut && piv && done && rc ? ND_OK : ND_ENOMEM;
    if ((st = nd__dist_agree(comm, st)) != ND_OK) goto out;
    for (int j = 0; j < K; j++) {
        lo[j] = 0;
        hi[j] = ms[j];
        base[j] = 0;
    }
    for (int left = K; left > 0;) {
        for (int j = 0; j < K; j++) {
            rec[2 * j] = hi[j] > lo[j] ? vs[j][lo[j] + (hi[j] - lo[j] - 1) / 2] : 0;
            rec[2 * j + 1] = done[j] ? 0 : (double)(hi[j] - lo[j]);
        }
        rec[2 * K] = 0;
        st = nd__mpi_status(MPI_Allgather(rec, R, MPI_DOUBLE, all, R, MPI_DOUBLE, comm), who, "MPI_Allgather");
        if ((st = nd__dist_agree(comm, st)) != ND_OK) goto out;
        /* the windows small enough to finish: gather their candidates */
        int ngather = 0;
        ptrdiff_t tot = 0, mine = 0;
        for (int j = 0; j < K; j++) {
            if (done[j]) continue;
            double T = 0;
            for (int r = 0; r < P; r++) T += all[(size_t)r * R + 2 * j + 1];
            if (T <= SEL_GATHER) {
                ngather++;
                tot += (ptrdiff_t)T;
                mine += hi[j] - lo[j];
            }
        }
        if (ngather) {
            double *buf = nd_malloc((size_t)(tot + mine + 1) * sizeof *buf, who), *sb = buf ? buf + tot : NULL;
            st = buf ? ND_OK : ND_ENOMEM;
            if ((st = nd__dist_agree(comm, st)) != ND_OK) goto out;
            ptrdiff_t w = 0;
            int d = 0;
            for (int r = 0; r < P; r++) {
                double c = 0;
                for (int j = 0; j < K; j++) {
                    if (done[j]) continue;
                    double T = 0;
                    for (int q = 0; q < P; q++) T += all[(size_t)q * R + 2 * j + 1];
                    if (T <= SEL_GATHER) c += all[(size_t)r * R + 2 * j + 1];
                }
                rc[r] = (int)c;
                rc[P + r] = d;
                d += rc[r];
            }
            for (int j = 0; j < K; j++) {
                if (done[j]) continue;
                double T = 0;
                for (int q = 0; q < P; q++) T += all[(size_t)q * R + 2 * j + 1];
                if (T > SEL_GATHER) continue;
                memcpy(sb + w, vs[j] + lo[j], (size_t)(hi[j] - lo[j]) * sizeof *sb);
                w += hi[j] - lo[j];
            }
            st = nd__mpi_status(MPI_Allgatherv(sb, (int)mine, MPI_DOUBLE, buf, rc, rc + P, MPI_DOUBLE, comm), who,
                                "MPI_Allgatherv");
            if ((st = nd__dist_agree(comm, st)) != ND_OK) {
                nd_free_mem(buf);
                goto out;
            }
            /* rank r's part of buf holds its windows in k order: pick each k's pieces */
            double *tmp = nd_malloc((size_t)(SEL_GATHER + 1) * sizeof *tmp, who);
            st = tmp ? ND_OK : ND_ENOMEM;
            if ((st = nd__dist_agree(comm, st)) != ND_OK) {
                nd_free_mem(buf);
                goto out;
            }
            ptrdiff_t off[64], *offs = off, *heap = NULL;
            if (P > 64) offs = heap = nd_malloc((size_t)P * sizeof *offs, who);
            for (int r = 0; offs && r < P; r++) offs[r] = rc[P + r];
            for (int j = 0; offs && j < K; j++) {
                if (done[j]) continue;
                double T = 0;
                for (int q = 0; q < P; q++) T += all[(size_t)q * R + 2 * j + 1];
                if (T > SEL_GATHER) continue;
                ptrdiff_t t = 0;
                for (int r = 0; r < P; r++) {
                    ptrdiff_t c = (ptrdiff_t)all[(size_t)r * R + 2 * j + 1];
                    memcpy(tmp + t, buf + offs[r], (size_t)c * sizeof *tmp);
                    offs[r] += c;
                    t += c;
                }
                qsort(tmp, (size_t)t, sizeof *tmp, cmp_f64);
                out[j] = tmp[ks[j] - base[j]];
                done[j] = 1;
                left--;
            }
            st = offs ? ND_OK : ND_ENOMEM;
            nd_free_mem(heap);
            nd_free_mem(tmp);
            nd_free_mem(buf);
            if ((st = nd__dist_agree(comm, st)) != ND_OK) goto out;
            if (left == 0) break;
        }
        /* the others: a pivot each, the global counts below and equal */
        for (int j = 0; j < K; j++) {
            lc[2 * j] = lc[2 * j + 1] = 0;
            if (done[j]) continue;
            double T = 0;
            for (int r = 0; r < P; r++) T += all[(size_t)r * R + 2 * j + 1];
            double acc, pivot;
            /* the weighted median of the ranks' medians (the smallest median m with
             * weight(medians <= m) >= T / 2): at least a quarter of the window on each side */
            pivot = INFINITY;
            for (int r = 0; r < P; r++) {
                double c = all[(size_t)r * R + 2 * j + 1], md = all[(size_t)r * R + 2 * j];
                if (c == 0) continue;
                acc = 0;
                for (int q = 0; q < P; q++)
                    if (all[(size_t)q * R + 2 * j + 1] > 0 && all[(size_t)q * R + 2 * j] <= md)
                        acc += all[(size_t)q * R + 2 * j + 1];
                if (acc >= T / 2 && md < pivot) pivot = md;
            }
            piv[j] = pivot;
            ptrdiff_t a = bound(vs[j], lo[j], hi[j], pivot, false), b = bound(vs[j], a, hi[j], pivot, true);
            cut[2 * j] = a;
            cut[2 * j + 1] = b;
            lc[2 * j] = a - lo[j];
            lc[2 * j + 1] = b - a;
        }
        lc[2 * K] = 0;
        st = nd__mpi_status(MPI_Allreduce(lc, gc, R, MPI_INT64_T, MPI_SUM, comm), who, "MPI_Allreduce");
        if ((st = nd__dist_agree(comm, st)) != ND_OK) goto out;
        for (int j = 0; j < K; j++) {
            if (done[j]) continue;
            int64_t kk = ks[j] - base[j];
            if (kk < gc[2 * j]) {
                hi[j] = cut[2 * j];
            } else if (kk < gc[2 * j] + gc[2 * j + 1]) {
                out[j] = piv[j];
                done[j] = 1;
                left--;
            } else {
                lo[j] = cut[2 * j + 1];
                base[j] += gc[2 * j] + gc[2 * j + 1];
            }
        }
    }
out:
    nd_free_mem(lo);
    nd_free_mem(base);
    nd_free_mem(rec);
    nd_free_mem(all);
    nd_free_mem(lc);
    nd_free_mem(gc);
    nd_free_mem(cut);
    nd_free_mem(piv);
    nd_free_mem(done);
    nd_free_mem(rc);
    return st;
}

/* ---- slices ---------------------------------------------------------------------------------- */

/* The reduced slices of x along `axis` (ND_AXIS_NONE: one slice of everything) as this
 * rank's sorted NaN-free doubles: vals[s * m ...] with count[s] values and nans[s] NaNs
 * (both local). The global shape of the kept axes is not needed here. */
typedef struct slices {
    ptrdiff_t S, m;   /* slices, local values per slice */
    double *vals;
    ptrdiff_t *count; /* non-NaN values of each slice (local) */
    int64_t *glob;    /* per slice: global non-NaN count, global NaN count (2 S) */
} slices;

static void slices_free(slices *s)
{
    nd_free_mem(s->vals);
    nd_free_mem(s->count);
    nd_free_mem(s->glob);
    memset(s, 0, sizeof *s);
}

/* Sort v[0..n) (NaN-free) ascending: numc's sort (a radix sort for long runs) through a
 * scratch array, libc's qsort for short ones. */
static nd_status sort_f64(double *v, ptrdiff_t n, const char *who)
{
    if (n < 4096) {
        qsort(v, (size_t)n, sizeof *v, cmp_f64);
        return ND_OK;
    }
    nd_array *t = (nd_empty)(1, &n, ND_FLOAT64);
    if (!t) return nd_last_error() != ND_OK ? nd_last_error() : nd_set_error(ND_ENOMEM, "%s: no memory", who);
    memcpy(nd_data(t), v, (size_t)n * sizeof *v);
    nd_status st = nd_sort_inplace(t, 0, ND_SORT_QUICK);
    if (st == ND_OK) memcpy(v, nd_data(t), (size_t)n * sizeof *v);
    nd_free(t);
    return st;
}

static nd_status slices_make(const nd_array *piece, int axis, slices *s, const char *who)
{
    memset(s, 0, sizeof *s);
    nd_array *t = NULL;
    if (axis == ND_AXIS_NONE) {
        t = nd_ascontiguousarray(piece);
        s->S = 1;
        s->m = t ? nd_size(t) : 0;
    } else {
        int src = axis, dst = nd_ndim(piece) - 1;
        nd_array *mv = nd_moveaxis(piece, 1, &src, &dst);
        t = mv ? nd_ascontiguousarray(mv) : NULL;
        nd_free(mv);
        s->m = nd_shape(piece)[axis];
        s->S = s->m > 0 && t ? nd_size(t) / s->m : 1;
        if (t && s->m == 0) {
            s->S = 1;
            for (int q = 0; q < nd_ndim(piece); q++)
                if (q != axis) s->S *= nd_shape(piece)[q];
        }
    }
    if (!t) return nd_last_error();
    ptrdiff_t tot = s->S * s->m;
    s->vals = nd_malloc((size_t)(tot > 0 ? tot : 1) * sizeof(double), who);
    s->count = nd_malloc((size_t)(s->S > 0 ? s->S : 1) * sizeof(ptrdiff_t), who);
    s->glob = nd_malloc((size_t)(s->S > 0 ? s->S : 1) * 2 * sizeof(int64_t), who);
    if (!s->vals || !s->count || !s->glob) {
        nd_free(t);
        slices_free(s);
        return ND_ENOMEM;
    }
    nd_status st = tot > 0 ? nd_to_f64(t, s->vals) : ND_OK;
    nd_free(t);
    if (st != ND_OK) {
        slices_free(s);
        return st;
    }
    for (ptrdiff_t i = 0; i < s->S; i++) {
        double *v = s->vals + i * s->m;
        ptrdiff_t w = 0;
        for (ptrdiff_t j = 0; j < s->m; j++)
            if (!isnan(v[j])) v[w++] = v[j];
        st = sort_f64(v, w, who);
        if (st != ND_OK) {
            slices_free(s);
            return st;
        }
        s->count[i] = w;
        s->glob[2 * i] = w;
        s->glob[2 * i + 1] = s->m - w;
    }
    return ND_OK;
}

/* ---- the entry points ------------------------------------------------------------------------- */

enum { K_PCT, K_MEDIAN };

typedef struct qreq {
    int kind;       /* K_PCT or K_MEDIAN */
    double scale;   /* 100 (percentile) or 1 (quantile) */
    bool skip_nan;
    const nd_quantile_opts *o;
} qreq;

/* The result shape: qs's shape, then the reduced shape of a (global). */
static int result_shape(const nd_dist *a, int axis, const nd_quantile_opts *o, bool keepdims, ptrdiff_t *shape)
{
    int nd = 0;
    if (o && o->qs)
        for (int d = 0; d < nd_ndim(o->qs); d++) shape[nd++] = nd_shape(o->qs)[d];
    for (int d = 0; d < a->ndim; d++) {
        bool red = axis == ND_AXIS_NONE || d == axis;
        if (!red) shape[nd++] = a->shape[d];
        else if (keepdims) shape[nd++] = 1;
    }
    return nd;
}

static nd_dist *select_common(const nd_dist *a, int axis, const qreq *rq, const char *who)
{
    if (!a) {
        nd_set_error(ND_EVALUE, "%s: the distributed array is NULL", who);
        return NULL;
    }
    const nd_quantile_opts *o = rq->o;
    nd_status st = ND_OK;
    double *q = NULL;
    ptrdiff_t nq = 1;
    bool keepdims = o && o->keepdims;
    if (rq->kind == K_PCT) {
        if (!o) st = nd_set_error(ND_EVALUE, "%s: NULL options", who);
        else if (o->axes.n != 0)
            st = nd_set_error(ND_EVALUE, "%s: .axes is not supported on distributed arrays (use .axis)", who);
        else if ((unsigned)o->method > (unsigned)ND_Q_NORMAL_UNBIASED)
            st = nd_set_error(ND_EVALUE, "%s: unknown method %d", who, (int)o->method);
        else if (o->qs && nd_dtype_is_complex(nd_dtype_of(o->qs)))
            st = nd_set_error(ND_EDTYPE, "%s: q must be real", who);
        if (st == ND_OK) axis = o->axis;
    }
    if (st == ND_OK && nd_dtype_is_complex(a->dtype))
        st = nd_set_error(ND_EDTYPE, "%s: complex input is not supported", who);
    if (st == ND_OK && axis != ND_AXIS_NONE) {
        if (axis < -a->ndim || axis >= a->ndim)
            st = nd_set_error(ND_EAXIS, "%s: axis %d is out of bounds for array of dimension %d", who, axis,
                              a->ndim);
        else if (axis < 0)
            axis += a->ndim;
    }
    if (st == ND_OK && rq->kind == K_PCT) {
        nq = o->qs ? nd_size(o->qs) : 1;
        q = nd_malloc((size_t)(nq > 0 ? nq : 1) * sizeof *q, who);
        if (!q) st = ND_ENOMEM;
        else if (o->qs)
            st = nd_to_f64(o->qs, q);
        else
            q[0] = o->q;
        for (ptrdiff_t j = 0; st == ND_OK && j < nq; j++) {
            if (!(q[j] >= 0 && q[j] <= rq->scale))
                st = nd_set_error(ND_EVALUE, rq->scale == 100 ? "%s: Percentiles must be in the range [0, 100] (got %g)"
                                                             : "%s: Quantiles must be in the range [0, 1] (got %g)",
                                  who, q[j]);
            else
                q[j] = rq->scale == 100 ? q[j] / 100 : q[j];
        }
    }
    /* every rank's own checks agree first, so that all take part in the comparisons of the
     * arguments that must be the same everywhere (the count of q before the values) */
    double rec[4] = { (double)axis, (double)nq, o ? (double)o->method : 0, (double)keepdims };
    if ((st = nd__dist_agree(a->comm, st)) == ND_OK)
        st = nd__dist_agree(a->comm, nd__dist_check_same(a->comm, rec, sizeof rec, who,
                                                         "the axis, method or number of quantiles"));
    if (st == ND_OK && q && nq > 0)
        st = nd__dist_agree(a->comm, nd__dist_check_same(a->comm, q, (size_t)nq * sizeof *q, who, "q"));
    if (st != ND_OK) {
        nd_free_mem(q);
        return NULL;
    }
    /* numc's percentile/quantile of an empty axis fail as NumPy's (IndexError); the global
     * shape is the same on every rank, so every rank fails alike */
    if (rq->kind == K_PCT && !rq->skip_nan && nq > 0) {
        ptrdiff_t m = 1, rest = 1;
        for (int d = 0; d < a->ndim; d++) {
            if (axis == ND_AXIS_NONE || d == axis) m *= a->shape[d];
            else rest *= a->shape[d];
        }
        if (m == 0 && rest > 0) {
            nd_free_mem(q);
            nd_set_error(ND_EINDEX, "%s: cannot do a non-empty take from an empty axes", who);
            return NULL;
        }
    }

    /* Local cases: REPLICATED, or another axis of a BLOCK array. numc on the piece. */
    bool local = a->dist.kind == ND_DIST_REPLICATED ||
                 (a->dist.kind == ND_DIST_BLOCK && axis != ND_AXIS_NONE && axis != a->dist.axis);
    if (local) {
        nd_free_mem(q);
        nd_array *r;
        if (rq->kind == K_PCT) {
            nd_quantile_opts lo = *o;
            lo.axis = axis;
            r = rq->scale == 100 ? (rq->skip_nan ? nd_nanpercentile_(a->local, &lo) : nd_percentile_(a->local, &lo))
                                 : (rq->skip_nan ? nd_nanquantile_(a->local, &lo) : nd_quantile_(a->local, &lo));
        } else {
            nd_median_opts mo = ND_MEDIAN_DEFAULTS;
            mo.axis = axis;
            r = rq->skip_nan ? nd_nanmedian_(a->local, &mo) : nd_median_(a->local, &mo);
        }
        if (nd__dist_agree(a->comm, r ? ND_OK : nd_last_error()) != ND_OK) {
            nd_free(r);
            return NULL;
        }
        nd_distribution rd = nd_dist_replicated();
        ptrdiff_t gs[ND_MAXDIMS];
        int gn = nd_ndim(r);
        for (int d = 0; d < gn; d++) gs[d] = nd_shape(r)[d];
        if (a->dist.kind == ND_DIST_BLOCK) {
            int qn = o && o->qs ? nd_ndim(o->qs) : 0, k = a->dist.axis;
            rd = a->dist;
            rd.axis = qn + k - (axis < k && !keepdims);
            gs[rd.axis] = a->shape[k];
        }
        nd_dist *out = NULL;
        if (nd__dist_adopt(a->comm, gn, gs, nd_dtype_of(r), &rd, r, &out, who) != ND_OK) return NULL;
        return out;
    }

    /* Distributed selection over everything or the distributed axis. CYCLIC2D arrays and
     * BLOCK arrays along another axis (for a given axis) are redistributed along it. */
    const nd_dist *x = a;
    nd_dist *moved = NULL;
    if (axis != ND_AXIS_NONE && !(a->dist.kind == ND_DIST_BLOCK && a->dist.axis == axis)) {
        nd_distribution b = nd_dist_block(axis);
        if (!(moved = nd_dist_redistribute(a, &b))) {
            nd_free_mem(q);
            return NULL;
        }
        x = moved;
    }
    int P = x->nprocs;
    slices s;
    st = slices_make(x->local, axis, &s, who);
    ptrdiff_t S = st == ND_OK ? s.S : 0;
    /* every (slice, order statistic) pair is one item of a single batched selection */
    ptrdiff_t per = rq->kind == K_MEDIAN ? 2 : 2 * nq, K = per * S;
    int64_t *ks = nd_malloc((size_t)(K > 0 ? K : 1) * sizeof *ks, who);
    double *kv = nd_malloc((size_t)(K > 0 ? K : 1) * sizeof *kv, who);
    const double **vs = nd_malloc((size_t)(K > 0 ? K : 1) * sizeof *vs, who);
    ptrdiff_t *ms = nd_malloc((size_t)(K > 0 ? K : 1) * sizeof *ms, who);
    double *res = nd_malloc((size_t)((nq > 0 ? nq : 1) * (S > 0 ? S : 1)) * sizeof *res, who);
    if (st == ND_OK && (!ks || !kv || !vs || !ms || !res)) st = ND_ENOMEM;
    if (st == ND_OK && K > INT_MAX / 4) st = nd_set_error(ND_EVALUE, "%s: too many quantiles x slices", who);
    if ((st = nd__dist_agree(x->comm, st)) == ND_OK)
        st = nd__dist_agree(x->comm, nd__mpi_status(MPI_Allreduce(MPI_IN_PLACE, s.glob, (int)(2 * S), MPI_INT64_T,
                                                                  MPI_SUM, x->comm),
                                                    who, "MPI_Allreduce"));
    bool f32 = a->dtype == ND_FLOAT32;
    int nk = 0;
    for (ptrdiff_t i = 0; st == ND_OK && i < S; i++) {
        int64_t n = s.glob[2 * i], nnan = s.glob[2 * i + 1];
        if ((!rq->skip_nan && nnan > 0) || n == 0) continue;
        for (ptrdiff_t j = 0; j < per; j++) {
            vs[nk + j] = s.vals + i * s.m;
            ms[nk + j] = s.count[i];
        }
        if (rq->kind == K_MEDIAN) {
            ks[nk] = n / 2;
            ks[nk + 1] = n % 2 ? n / 2 : n / 2 - 1;
        } else {
            for (ptrdiff_t j = 0; j < nq; j++) {
                qpos p = locate(o->method, (ptrdiff_t)n, q[j]);
                ks[nk + 2 * j] = p.prev;
                ks[nk + 2 * j + 1] = p.next;
            }
        }
        nk += (int)per;
    }
    if (st == ND_OK) st = dist_select(x->comm, P, vs, ms, ks, nk, kv, who);
    nk = 0;
    for (ptrdiff_t i = 0; st == ND_OK && i < S; i++) {
        int64_t n = s.glob[2 * i], nnan = s.glob[2 * i + 1];
        if ((!rq->skip_nan && nnan > 0) || n == 0) {
            for (ptrdiff_t j = 0; j < nq; j++) res[j * S + i] = NAN;
            continue;
        }
        if (rq->kind == K_MEDIAN) {
            double hi = kv[nk], lo = kv[nk + 1];
            res[i] = n % 2 ? hi : f32 ? (double)(((float)lo + (float)hi) / 2.0f) : (lo + hi) / 2.0;
        } else {
            for (ptrdiff_t j = 0; j < nq; j++) {
                qpos p = locate(o->method, (ptrdiff_t)n, q[j]);
                double vp = kv[nk + 2 * j], vn = kv[nk + 2 * j + 1];
                res[j * S + i] = p.prev == p.next && is_discrete(o->method) ? vp : lerp(vp, vn, p.gamma);
            }
        }
        nk += (int)per;
    }
    nd_free_mem(vs);
    nd_free_mem(ms);
    nd_free_mem(ks);
    nd_free_mem(kv);
    slices_free(&s);
    nd_free_mem(q);
    nd_dist_free(moved);
    if (st != ND_OK) {
        nd_free_mem(res);
        return NULL;
    }
    /* the replicated result, in numc's dtype */
    ptrdiff_t shape[ND_MAXDIMS + 1];
    int nd = result_shape(a, axis, rq->kind == K_PCT ? o : NULL, keepdims, shape);
    nd_dtype rdt = ND_FLOAT64;
    if (rq->kind == K_MEDIAN && f32) rdt = ND_FLOAT32;
    nd_array *r = (nd_empty)(nd, shape, ND_FLOAT64), *c = NULL;
    if (r) {
        memcpy(nd_data(r), res, (size_t)(nq * S) * sizeof *res);
        if (rq->kind == K_PCT && is_discrete(o->method) && a->dtype != ND_FLOAT64) rdt = a->dtype;
        if (rdt != ND_FLOAT64) {
            c = nd_astype(r, rdt, ND_CAST_UNSAFE);
            nd_free(r);
            r = c;
        }
    }
    nd_free_mem(res);
    if (nd__dist_agree(a->comm, r ? ND_OK : nd_last_error()) != ND_OK) {
        nd_free(r);
        return NULL;
    }
    nd_distribution rep = nd_dist_replicated();
    nd_dist *out = NULL;
    if (nd__dist_adopt(a->comm, nd, shape, nd_dtype_of(r), &rep, r, &out, who) != ND_OK) return NULL;
    return out;
}

nd_dist *nd_dist_percentile(const nd_dist *a, const nd_quantile_opts *o)
{
    qreq r = { K_PCT, 100, false, o };
    return select_common(a, ND_AXIS_NONE, &r, "nd_dist_percentile");
}
nd_dist *nd_dist_quantile(const nd_dist *a, const nd_quantile_opts *o)
{
    qreq r = { K_PCT, 1, false, o };
    return select_common(a, ND_AXIS_NONE, &r, "nd_dist_quantile");
}
nd_dist *nd_dist_nanpercentile(const nd_dist *a, const nd_quantile_opts *o)
{
    qreq r = { K_PCT, 100, true, o };
    return select_common(a, ND_AXIS_NONE, &r, "nd_dist_nanpercentile");
}
nd_dist *nd_dist_nanquantile(const nd_dist *a, const nd_quantile_opts *o)
{
    qreq r = { K_PCT, 1, true, o };
    return select_common(a, ND_AXIS_NONE, &r, "nd_dist_nanquantile");
}
nd_dist *nd_dist_median(const nd_dist *a, int axis)
{
    qreq r = { K_MEDIAN, 1, false, NULL };
    return select_common(a, axis, &r, "nd_dist_median");
}
nd_dist *nd_dist_nanmedian(const nd_dist *a, int axis)
{
    qreq r = { K_MEDIAN, 1, true, NULL };
    return select_common(a, axis, &r, "nd_dist_nanmedian");
}
