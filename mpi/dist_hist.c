/* Distributed histogram: numpy.histogram of the whole distributed array, equal to numc's
 * nd_histogram on the gathered array bit for bit. The edges are computed from the global
 * min / max (or the range) with numc's own arithmetic (core/stats/stats_hist.c), the FD /
 * auto rules' percentiles by nd_dist_nanpercentile; counts are added with MPI_Allreduce
 * (integers: any order gives the same sums); weighted sums are folded in numc's order, the
 * global flat C order, by carrying the per-bin partial sums from rank to rank. */
#include <limits.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <numc/stats.h>

#include "dist_internal.h"

/* ---- numc's edges and binning (core/stats/stats_hist.c) ---------------------------------------- */

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

static inline ptrdiff_t search_bin(const double *e, ptrdiff_t nb, double x)
{
    if (!(x >= e[0] && x <= e[nb])) return -1;
    ptrdiff_t lo = 0, hi = nb + 1;
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

/* The bin of every x (or -1), numc's hist_fill index computation. */
static void bin_of(const double *x, ptrdiff_t n, const double *e, ptrdiff_t nb, bool uniform, ptrdiff_t *bins)
{
    if (uniform) {
        const double first = e[0], last = e[nb], denom = last - first, numer = (double)nb;
        for (ptrdiff_t i = 0; i < n; i++) {
            double v = x[i];
            bins[i] = -1;
            if (!(v >= first && v <= last)) continue;
            ptrdiff_t b = (ptrdiff_t)((v - first) / denom * numer);
            if (b == nb) b--;
            if (v < e[b]) b--;
            else if (b != nb - 1 && v >= e[b + 1]) b++;
            bins[i] = b;
        }
        return;
    }
    for (ptrdiff_t i = 0; i < n; i++) bins[i] = search_bin(e, nb, x[i]);
}

/* ---- helpers ------------------------------------------------------------------------------------ */

static double *flat_f64(const nd_array *a, const char *who)
{
    ptrdiff_t n = nd_size(a);
    double *d = nd_malloc((size_t)(n > 0 ? n : 1) * sizeof *d, who);
    if (d && n > 0 && nd_to_f64(a, d) != ND_OK) {
        nd_free_mem(d);
        return NULL;
    }
    return d;
}

/* Does each rank of a BLOCK array hold one contiguous run of the C-order flattening? */
static bool flat_runs(const nd_dist *a)
{
    if (a->dist.kind != ND_DIST_BLOCK) return false;
    for (int q = 0; q < a->dist.axis; q++)
        if (a->shape[q] != 1) return false;
    return true;
}

/* The global [min, max] with numc's NaN-sticky scan, combined in rank order. */
static nd_status global_minmax(MPI_Comm comm, int P, const double *x, ptrdiff_t n, double *lo, double *hi,
                               bool *any, const char *who)
{
    double rec[3] = { 0, 0, n > 0 };
    if (n > 0) {
        double l = x[0], h = x[0];
        for (ptrdiff_t i = 1; i < n; i++) {
            double v = x[i];
            if (v < l || isnan(v)) l = isnan(l) ? l : v;
            if (v > h || isnan(v)) h = isnan(h) ? h : v;
        }
        rec[0] = l;
        rec[1] = h;
    }
    double *all = nd_malloc((size_t)P * 3 * sizeof *all, who);
    nd_status st = all ? ND_OK : ND_ENOMEM;
    if ((st = nd__dist_agree(comm, st)) == ND_OK)
        st = nd__dist_agree(comm, nd__mpi_status(MPI_Allgather(rec, 3, MPI_DOUBLE, all, 3, MPI_DOUBLE, comm), who,
                                                 "MPI_Allgather"));
    if (st == ND_OK) {
        *any = false;
        for (int r = 0; r < P; r++) {
            if (all[3 * r + 2] == 0) continue;
            double l = all[3 * r], h = all[3 * r + 1];
            if (!*any) {
                *lo = l;
                *hi = h;
                *any = true;
                continue;
            }
            if (l < *lo || isnan(l)) *lo = isnan(*lo) ? *lo : l;
            if (h > *hi || isnan(h)) *hi = isnan(*hi) ? *hi : h;
        }
    }
    nd_free_mem(all);
    return st;
}

/* The kept values' (those in [first, last]) global count and ptp. */
static nd_status kept_stats(MPI_Comm comm, int P, const double *x, ptrdiff_t n, double first, double last,
                            bool ranged, int64_t *count, double *ptp, const char *who)
{
    double rec[3] = { 0, 0, 0 };
    int64_t c = 0;
    for (ptrdiff_t i = 0; i < n; i++) {
        double v = x[i];
        if (ranged && !(v >= first && v <= last)) continue;
        if (c == 0) rec[0] = rec[1] = v;
        if (v < rec[0]) rec[0] = v;
        if (v > rec[1]) rec[1] = v;
        c++;
    }
    rec[2] = (double)c;
    double *all = nd_malloc((size_t)P * 3 * sizeof *all, who);
    nd_status st = all ? ND_OK : ND_ENOMEM;
    if ((st = nd__dist_agree(comm, st)) == ND_OK)
        st = nd__dist_agree(comm, nd__mpi_status(MPI_Allgather(rec, 3, MPI_DOUBLE, all, 3, MPI_DOUBLE, comm), who,
                                                 "MPI_Allgather"));
    if (st == ND_OK) {
        double lo = 0, hi = 0;
        int64_t tot = 0;
        for (int r = 0; r < P; r++) {
            if (all[3 * r + 2] == 0) continue;
            if (tot == 0) {
                lo = all[3 * r];
                hi = all[3 * r + 1];
            }
            if (all[3 * r] < lo) lo = all[3 * r];
            if (all[3 * r + 1] > hi) hi = all[3 * r + 1];
            tot += (int64_t)all[3 * r + 2];
        }
        *count = tot;
        *ptp = hi - lo;
    }
    nd_free_mem(all);
    return st;
}

/* The kept values' linear 25th and 75th percentiles: nd_dist_nanpercentile of a copy of x
 * with the values outside the range replaced by NaN (numc's pct_of is the linear method). */
static nd_status kept_iqr(const nd_dist *x, double first, double last, bool ranged, double *iqr, const char *who)
{
    nd_dist *c = nd_dist_astype(x, ND_FLOAT64, ND_CAST_UNSAFE);
    if (!c) return nd_last_error();
    if (ranged) {
        double *d = nd_data(c->local);
        ptrdiff_t n = nd_size(c->local);
        for (ptrdiff_t i = 0; i < n; i++)
            if (!(d[i] >= first && d[i] <= last)) d[i] = NAN;
    }
    ptrdiff_t two = 2;
    nd_array *qs = (nd_empty)(1, &two, ND_FLOAT64);
    nd_status st = nd__dist_agree(x->comm, qs ? ND_OK : nd_last_error());
    if (st != ND_OK) {
        nd_free(qs);
        nd_dist_free(c);
        return st;
    }
    ((double *)nd_data(qs))[0] = 75;
    ((double *)nd_data(qs))[1] = 25;
    nd_quantile_opts o = ND_QUANTILE_DEFAULTS;
    o.qs = qs;
    nd_dist *p = nd_dist_nanpercentile(c, &o);
    nd_free(qs);
    nd_dist_free(c);
    if (!p) return nd_last_error();
    const double *pv = nd_data(p->local);
    *iqr = pv[0] - pv[1];
    nd_dist_free(p);
    (void)who;
    return ND_OK;
}

/* ---- the entry point ------------------------------------------------------------------------------ */

nd_status nd_dist_histogram(const nd_dist *a, const nd_dist *weights, nd_array **hist, nd_array **edges,
                            const nd_hist_opts *o)
{
    const char *who = "nd_dist_histogram";
    if (hist) *hist = NULL;
    if (edges) *edges = NULL;
    if (!a) return nd_set_error(ND_EVALUE, "%s: the distributed array is NULL", who);
    nd_status st = ND_OK;
    if (!o) st = nd_set_error(ND_EVALUE, "%s: NULL options", who);
    else if (o->weights)
        st = nd_set_error(ND_EVALUE, "%s: .weights is a local array; pass the distributed weights as `weights`",
                          who);
    else if (nd_dtype_is_complex(a->dtype))
        st = nd_set_error(ND_EDTYPE, "%s: complex input is not supported", who);
    else if (weights && !nd_dist_conforms(a, weights)) {
        char b1[160], b2[160];
        st = nd_set_error(ND_ESHAPE, "%s: weights %s do not conform to a %s", who,
                          nd_dist_describe(weights, b1, sizeof b1), nd_dist_describe(a, b2, sizeof b2));
    } else if (weights && nd_dtype_is_complex(weights->dtype))
        st = nd_set_error(ND_EDTYPE, "%s: complex weights are not supported", who);
    else if ((unsigned)o->rule > (unsigned)ND_BINS_DOANE)
        st = nd_set_error(ND_EVALUE, "%s: unknown bin rule %d", who, (int)o->rule);
    else if (o->rule == ND_BINS_SCOTT || o->rule == ND_BINS_DOANE)
        st = nd_set_error(ND_EVALUE, "%s: the '%s' rule is not supported on distributed arrays (its moments "
                          "need numc's pairwise sums of the kept values; use 'fd', 'sturges' or a count)", who,
                          nd_bin_rule_name(o->rule));
    else if (!o->edges && o->bins < 0)
        st = nd_set_error(ND_EVALUE, "%s: `bins` must be positive, when an integer (got %td)", who, o->bins);
    else if (o->range && (o->range[0] > o->range[1]))
        st = nd_set_error(ND_EVALUE, "%s: max must be larger than min in range parameter (range = [%g, %g])", who,
                          o->range[0], o->range[1]);
    else if (o->range && (!isfinite(o->range[0]) || !isfinite(o->range[1])))
        st = nd_set_error(ND_EVALUE, "%s: supplied range of [%g, %g] is not finite", who, o->range[0],
                          o->range[1]);
    double *E = NULL;
    ptrdiff_t nb = 0;
    bool uniform = true;
    if (st == ND_OK && o->edges) {
        if (nd_ndim(o->edges) != 1)
            st = nd_set_error(ND_EVALUE, "%s: `bins` must be 1d when an array", who);
        else if (nd_shape(o->edges)[0] < 2)
            st = nd_set_error(ND_EVALUE, "%s: `bins` needs at least 2 edges (got %td)", who, nd_shape(o->edges)[0]);
        else if (!(E = flat_f64(o->edges, who)))
            st = nd_last_error();
        else {
            nb = nd_shape(o->edges)[0] - 1;
            uniform = false;
            for (ptrdiff_t i = 0; st == ND_OK && i < nb; i++)
                if (E[i] > E[i + 1])
                    st = nd_set_error(ND_EVALUE, "%s: `bins` must increase monotonically, when an array "
                                      "(edge %td = %g > edge %td = %g)", who, i, E[i], i + 1, E[i + 1]);
        }
    }
    /* every rank's own checks agree first, so that all take part in the comparisons of what
     * must be the same everywhere (the number of edges before the edges) */
    if ((st = nd__dist_agree(a->comm, st)) == ND_OK) {
        double rec[10] = { (double)o->bins, (double)o->rule, o->density, weights != NULL, o->range != NULL,
                           o->range ? o->range[0] : 0, o->range ? o->range[1] : 0, (double)o->max_bins,
                           (double)nb, o->edges != NULL };
        st = nd__dist_agree(a->comm, nd__dist_check_same(a->comm, rec, sizeof rec, who,
                                                         "the bins, range, density or weights"));
        if (st == ND_OK && E)
            st = nd__dist_agree(a->comm, nd__dist_check_same(a->comm, E, (size_t)(nb + 1) * sizeof *E, who,
                                                             "the edges"));
    }
    if (st != ND_OK) {
        nd_free_mem(E);
        return st;
    }

    /* REPLICATED: numc itself on every rank */
    if (a->dist.kind == ND_DIST_REPLICATED) {
        nd_free_mem(E);
        nd_hist_opts lo = *o;
        lo.weights = weights ? weights->local : NULL;
        nd_array *h = NULL, *e = NULL;
        st = nd_histogram_(a->local, hist ? &h : NULL, edges ? &e : NULL, &lo);
        if ((st = nd__dist_agree(a->comm, st)) != ND_OK) {
            nd_free(h);
            nd_free(e);
            return st;
        }
        if (hist) *hist = h;
        if (edges) *edges = e;
        return ND_OK;
    }

    /* Weighted sums need the elements in the global flat order: ranks holding contiguous
     * runs of it (else redistributed along axis 0). Counts do not care. */
    const nd_dist *x = a, *wd = weights;
    nd_dist *mx = NULL, *mw = NULL;
    if (weights && !flat_runs(a)) {
        nd_distribution b = nd_dist_block(0);
        if (!(mx = nd_dist_redistribute(a, &b))) {
            nd_free_mem(E);
            return nd_last_error();
        }
        if (!(mw = nd_dist_redistribute(weights, &b))) {
            nd_dist_free(mx);
            nd_free_mem(E);
            return nd_last_error();
        }
        x = mx;
        wd = mw;
    }
    MPI_Comm comm = x->comm;
    int P = x->nprocs, rank = x->rank;
    ptrdiff_t n = nd_size(x->local);
    nd_array *cx = nd_ascontiguousarray(x->local), *cw = wd ? nd_ascontiguousarray(wd->local) : NULL;
    double *xv = cx ? flat_f64(cx, who) : NULL, *wv = cw ? flat_f64(cw, who) : NULL;
    st = xv && (!wd || wv) ? ND_OK : ND_ENOMEM;
    nd_free(cx);
    nd_free(cw);
    ptrdiff_t *bins = NULL;
    double *acc = NULL;
    nd_array *h = NULL;
    if ((st = nd__dist_agree(comm, st)) != ND_OK) goto done;

    if (!E) { /* the outer edges and the bin count */
        double first = 0, last = 1;
        if (o->range) {
            first = o->range[0];
            last = o->range[1];
        } else {
            bool any = false;
            if ((st = global_minmax(comm, P, xv, n, &first, &last, &any, who)) != ND_OK) goto done;
            if (!any) {
                first = 0;
                last = 1;
            } else if (!isfinite(first) || !isfinite(last)) {
                st = nd__dist_agree(comm, nd_set_error(ND_EVALUE, "%s: autodetected range of [%g, %g] is not "
                                                        "finite", who, first, last));
                goto done;
            }
        }
        if (first == last) {
            first -= 0.5;
            last += 0.5;
        }
        nb = o->bins ? o->bins : 10;
        if (o->rule != ND_BINS_COUNT) {
            int64_t nk = 0;
            double ptp = 0;
            if ((st = kept_stats(comm, P, xv, n, first, last, o->range != NULL, &nk, &ptp, who)) != ND_OK) goto done;
            if (nk == 0) {
                nb = 1;
            } else {
                double w, dn = (double)nk;
                double sturges = ptp / (log2(dn) + 1.0);
                switch (o->rule) {
                case ND_BINS_SQRT: w = ptp / sqrt(dn); break;
                case ND_BINS_STURGES: w = sturges; break;
                case ND_BINS_RICE: w = ptp / (2.0 * pow(dn, 1.0 / 3)); break;
                default: { /* fd, auto */
                    double iqr = 0;
                    if ((st = kept_iqr(x, first, last, o->range != NULL, &iqr, who)) != ND_OK) goto done;
                    double fd = 2.0 * iqr * pow(dn, -1.0 / 3.0);
                    w = o->rule == ND_BINS_FD ? fd : fd != 0 ? (fd < sturges ? fd : sturges) : sturges;
                }
                }
                double nbd = w != 0 && !isnan(w) ? ceil((last - first) / w) : 1;
                if (o->max_bins > 0 && nbd > (double)o->max_bins) nbd = (double)o->max_bins;
                if (!(nbd < 0x1p62)) {
                    st = nd__dist_agree(comm, nd_set_error(ND_ENOMEM, "%s: the bin rule asks for %.17g bins, more "
                                                            "than can be allocated", who, nbd));
                    goto done;
                }
                nb = (ptrdiff_t)nbd;
                if (o->max_bins > 0 && nb > o->max_bins) nb = o->max_bins;
            }
        }
        E = nb < PTRDIFF_MAX / (ptrdiff_t)sizeof(double) - 1 ? nd_malloc((size_t)(nb + 1) * sizeof *E, who) : NULL;
        st = E ? ND_OK : nd_set_error(ND_ENOMEM, "%s: cannot allocate %td bins", who, nb);
        if ((st = nd__dist_agree(comm, st)) != ND_OK) goto done;
        linspace_edges(first, last, nb, E);
    }

    /* the bins of this rank's values, then the sums */
    bins = nd_malloc((size_t)(n > 0 ? n : 1) * sizeof *bins, who);
    acc = nd_calloc((size_t)nb, 8, who);
    bool as_float = wd || o->density;
    h = (nd_empty)(1, &nb, as_float ? ND_FLOAT64 : ND_INT64);
    st = bins && acc && h ? ND_OK : ND_ENOMEM;
    if ((st = nd__dist_agree(comm, st)) != ND_OK) goto done;
    bin_of(xv, n, E, nb, uniform, bins);
    if (!wd) {
        int64_t *c = (int64_t *)acc;
        for (ptrdiff_t i = 0; i < n; i++)
            if (bins[i] >= 0) c[bins[i]]++;
        st = nd__mpi_status(nb > INT_MAX ? MPI_ERR_COUNT
                                         : MPI_Allreduce(c, nd_data(h), (int)nb, MPI_INT64_T, MPI_SUM, comm),
                            who, "MPI_Allreduce");
        if ((st = nd__dist_agree(comm, st)) != ND_OK) goto done;
        if (o->density) {
            int64_t *hc = nd_data(h);
            double *d = nd_data(h);
            for (ptrdiff_t i = 0; i < nb; i++) d[i] = (double)hc[i];
        }
    } else {
        /* numc adds the weights bin by bin in the flat order: rank r continues the partial
         * sums of ranks 0..r-1 (received from r - 1) and hands them to r + 1; the last rank's
         * sums are the result. Every rank sends and receives even after an error, so nobody
         * waits forever; the statuses agree afterwards. */
        double *s = acc;
        if (nb > INT_MAX) st = nd_set_error(ND_EVALUE, "%s: %td bins exceed MPI's int count", who, nb);
        if ((st = nd__dist_agree(comm, st)) != ND_OK) goto done;
        if (rank > 0)
            st = nd__mpi_status(MPI_Recv(s, (int)nb, MPI_DOUBLE, rank - 1, 0, comm, MPI_STATUS_IGNORE), who,
                                "MPI_Recv");
        for (ptrdiff_t i = 0; i < n; i++)
            if (bins[i] >= 0) s[bins[i]] += wv[i];
        if (rank < P - 1) {
            nd_status s2 = nd__mpi_status(MPI_Send(s, (int)nb, MPI_DOUBLE, rank + 1, 0, comm), who, "MPI_Send");
            if (st == ND_OK) st = s2;
        }
        if ((st = nd__dist_agree(comm, st)) != ND_OK) goto done;
        if (rank == P - 1) memcpy(nd_data(h), s, (size_t)nb * sizeof *s);
        st = nd__mpi_status(MPI_Bcast(nd_data(h), (int)nb, MPI_DOUBLE, P - 1, comm), who, "MPI_Bcast");
        if ((st = nd__dist_agree(comm, st)) != ND_OK) goto done;
    }
    if (o->density) { /* numc: d / width / pairwise sum of d (nd_sum's pairwise tree) */
        nd_array *sum = nd_sum(h);
        st = sum ? ND_OK : nd_last_error();
        if (sum) {
            double *d = nd_data(h), tot = nd_item_f64(sum);
            for (ptrdiff_t i = 0; i < nb; i++) d[i] = d[i] / (E[i + 1] - E[i]) / tot;
        }
        nd_free(sum);
    }
    nd_array *e = NULL;
    if (st == ND_OK && edges) {
        ptrdiff_t ne = nb + 1;
        e = (nd_empty)(1, &ne, ND_FLOAT64);
        if (e) memcpy(nd_data(e), E, (size_t)ne * sizeof *E);
        else st = nd_last_error();
    }
    if ((st = nd__dist_agree(comm, st)) != ND_OK) {
        nd_free(e);
        goto done;
    }
    if (edges) *edges = e;
    if (hist) *hist = h;
    else nd_free(h);
    h = NULL;
done:
    nd_free(h);
    nd_free_mem(bins);
    nd_free_mem(acc);
    nd_free_mem(xv);
    nd_free_mem(wv);
    nd_free_mem(E);
    nd_dist_free(mx);
    nd_dist_free(mw);
    return st;
}
