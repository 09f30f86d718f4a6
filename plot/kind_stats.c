/* pie (wedges, labels, percentages, explode), boxplot (quartiles, whiskers, fliers) and
 * violinplot (Gaussian KDE bodies, mean / median / extrema / quantile lines). */
#include "plot_model.h"

#include <numc/random.h>
#include <numc/stats.h>

#include <float.h>
#include <math.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* ---- pie ------------------------------------------------------------------------------------ */
/* A printf format with exactly one floating conversion (and %% escapes). */
static bool one_double_conversion(const char *f)
{
    int n = 0;
    for (const char *p = f; *p; p++) {
        if (*p != '%') continue;
        if (p[1] == '%') {
            p++;
            continue;
        }
        p++;
        while (*p && strchr("-+ #0123456789.", *p)) p++;
        if (!*p || !strchr("fFeEgG", *p)) return false;
        n++;
    }
    return n == 1;
}

/* numpy's float32 sum (pairwise, 8 accumulators in blocks of up to 128, all float32):
 * matplotlib's pie works on np.asarray(x, np.float32), so its fractions, angles and
 * autopct texts (and the way they round exact halves) come from float32 arithmetic. */
static float pairwise_sum_f32(const float *a, size_t n)
{
    if (n < 8) {
        float r = -0.0f;
        for (size_t i = 0; i < n; i++) r += a[i];
        return r;
    }
    if (n <= 128) {
        float r[8];
        for (int j = 0; j < 8; j++) r[j] = a[j];
        size_t i = 8;
        for (; i < n - n % 8; i += 8)
            for (int j = 0; j < 8; j++) r[j] += a[i + j];
        float res = ((r[0] + r[1]) + (r[2] + r[3])) + ((r[4] + r[5]) + (r[6] + r[7]));
        for (; i < n; i++) res += a[i];
        return res;
    }
    size_t n2 = n / 2;
    n2 -= n2 % 8;
    return pairwise_sum_f32(a, n2) + pairwise_sum_f32(a + n2, n - n2);
}

static nd_status pie_body(nplot_axes *ax, const double *x, float *x32, size_t n,
                          const nplot_pie_opts *o)
{
    static const char *who = "nplot_pie";
    nplot_figure *fig = ax->fig;
    const nplot__style *st = fig->style;
    o = NPLOT__OPTS(o, nplot_pie_opts);
    if (n > 0 && !x) return nplot__fail(fig, ND_EVALUE, "%s: x is NULL", who);
    for (size_t i = 0; i < n; i++) {
        if (!(x[i] >= 0) || !isfinite(x[i]))
            return nplot__fail(fig, ND_EVALUE, "%s: wedge sizes must be finite and non-negative, "
                                               "x[%zu] is %g", who, i, x[i]);
    }
    /* matplotlib computes the pie in float32 (np.asarray(x, np.float32)): sizes and their
     * sum must fit in it, or every fraction would be inf / inf */
    for (size_t i = 0; i < n; i++) {
        if (x[i] > FLT_MAX)
            return nplot__fail(fig, ND_EVALUE, "%s: wedge sizes must fit in float32 (the pie is "
                                               "computed in float32), x[%zu] is %g", who, i, x[i]);
        x32[i] = (float)x[i];
    }
    float sum32 = 0.0f + pairwise_sum_f32(x32, n);
    double sum = sum32;
    if (!isfinite(sum))
        return nplot__fail(fig, ND_EVALUE, "%s: the wedge sizes' sum overflows float32 (the pie "
                                           "is computed in float32)", who);
    if (n > 0 && sum == 0) return nplot__fail(fig, ND_EVALUE, "%s: the wedge sizes sum to zero", who);
    bool normalize = o->normalize != NPLOT_OFF;
    if (!normalize && sum > 1 + 1e-12)
        return nplot__fail(fig, ND_EVALUE, "%s: with normalize off the fractions must sum to at "
                                           "most 1, got %g", who, sum);
    if (o->autopct && !one_double_conversion(o->autopct))
        return nplot__fail(fig, ND_EVALUE, "%s: autopct '%s' must hold one floating-point "
                                           "conversion such as %%1.1f", who, o->autopct);
    if (o->radius < 0 || o->linewidth < 0 || o->textsize < 0 || !isfinite(o->startangle) ||
        o->alpha < 0 || o->alpha > 1)
        return nplot__fail(fig, ND_EVALUE, "%s: radius, linewidth and textsize must be >= 0 and "
                                           "alpha in [0, 1]", who);
    if (!(o->wedge_width >= 0) || !isfinite(o->wedge_width) || o->hatch_linewidth < 0)
        return nplot__fail(fig, ND_EVALUE, "%s: wedge_width and hatch_linewidth must be >= 0", who);
    hatch_spec hs;
    nd_status hst = nplot__hatch_parse(fig, o->hatch, &hs, who);
    if (hst) return hst;
    double R = NPLOT_OPT(o->radius, 1);
    double pctd = o->pctdistance ? o->pctdistance : 0.6, labd = o->labeldistance ? o->labeldistance : 1.1;
    double ts = NPLOT_OPT(o->textprops.fontsize, NPLOT_OPT(o->textsize, st->tick_label_size));
    bool draw_labels = !isnan(o->labeldistance);
    rgba edge = { 0, 0, 0, 1 };
    if (o->edgecolor && nplot__color(o->edgecolor, st, &edge, who))
        return nplot__fail(fig, ND_EVALUE, "%s", nd_errmsg());
    nd_status bad;
    if ((bad = NPLOT__CHECK_LEN(fig, who, "labels", o->labels, n, "x has")) ||
        (bad = NPLOT__CHECK_LEN(fig, who, "colors", o->colors, n, "x has")) ||
        (bad = NPLOT__CHECK_LEN(fig, who, "explode", o->explode, n, "x has")))
        return bad;
    enum { ARC = 180 }; /* vertices for a full circle; wedges get a share, at least 2 */
    double vx[2 * ARC + 6], vy[2 * ARC + 6];
    double t1 = o->startangle / 360;
    nd_status s = ND_OK;
    for (size_t i = 0; i < n && !s; i++) {
        double frac = normalize ? (double)(x32[i] / sum32) : (double)x32[i];
        double t2 = o->counterclock == NPLOT_OFF ? t1 - frac : t1 + frac;
        double tm = M_PI * (t1 + t2);
        double ex = o->explode.v ? o->explode.v[i] : 0;
        double cx = ex * cos(tm), cy = ex * sin(tm);
        /* the wedge: centre, then the arc from min(t1, t2) to max(t1, t2) */
        double a0 = 2 * M_PI * fmin(t1, t2), a1 = 2 * M_PI * fmax(t1, t2);
        int k = (int)ceil(ARC * fabs(t2 - t1));
        if (k < 2) k = 2;
        if (k > ARC) k = ARC;
        int m = 0;
        double r_in = o->wedge_width > 0 ? fmax(R - o->wedge_width, 0) : 0;
        if (frac < 1 && r_in == 0) vx[m] = cx, vy[m++] = cy;
        for (int j = 0; j <= k; j++) {
            double a = a0 + (a1 - a0) * j / k;
            vx[m] = cx + R * cos(a), vy[m++] = cy + R * sin(a);
        }
        /* matplotlib's Wedge with width: the inner arc back to the start */
        for (int j = k; r_in > 0 && j >= 0; j--) {
            double a = a0 + (a1 - a0) * j / k;
            vx[m] = cx + r_in * cos(a), vy[m++] = cy + r_in * sin(a);
        }
        rgba c;
        if (o->colors.v) {
            const char *ci = o->colors.v[i];
            if (!ci || nplot__color(ci, st, &c, who))
                return nplot__fail(fig, ND_EVALUE, "%s: colors[%zu]: %s", who, i,
                                   ci ? nd_errmsg() : "NULL");
        } else {
            c = nplot__next_patch_color(ax);
        }
        artist *w = nplot__patches_new(ax, vx, vy, (size_t)m, 1, &c, who);
        if (!w) return fig->status;
        nd_status fxs;
        if ((fxs = nplot__artist_fx_opt(w, o->path_effects, who))) return fxs;
        w->has_edge = o->edgecolor != NULL;
        w->edge = edge;
        w->edge_lw = NPLOT_OPT(o->linewidth, 1);
        w->alpha = NPLOT_OPT(o->alpha, 1);
        w->hatch = hs;
        w->hatch_lw = NPLOT_OPT(o->hatch_linewidth, 1.0);
        const char *label = o->labels.v ? o->labels.v[i] : NULL;
        if (label && !(w->label = nplot__strdup(fig, label, who))) return fig->status;
        if (label && draw_labels) {
            double xt = cx + labd * R * cos(tm), yt = cy + labd * R * sin(tm);
            nplot_text_opts to = o->textprops;
            to.ha = xt > 0 ? "left" : "right", to.va = "center", to.fontsize = ts;
            s = nplot__text_artist(ax, ART_TEXT, xt, yt, label, &to, NULL, who);
        }
        if (!s && o->autopct) {
            char buf[128];
            snprintf(buf, sizeof buf, o->autopct, 100 * frac);
            double xt = cx + pctd * R * cos(tm), yt = cy + pctd * R * sin(tm);
            nplot_text_opts to = o->textprops;
            to.ha = "center", to.va = "center", to.fontsize = ts;
            s = nplot__text_artist(ax, ART_TEXT, xt, yt, buf, &to, NULL, who);
        }
        t1 = t2;
    }
    if (s) return s;
    /* matplotlib: equal aspect, no frame, no ticks, limits ±1.25 around the centre */
    ax->aspect = 1;
    ax->aspect_datalim = false;
    nplot_set_xticks_(ax, NULL, 0, &(nplot_ticks_opts){ 0 });
    nplot_set_yticks_(ax, NULL, 0, &(nplot_ticks_opts){ 0 });
    ax->frame_on = false;
    for (int i = 0; i < 4; i++) ax->spine[i] = false;
    nplot_set_xlim(ax, -1.25, 1.25);
    return nplot_set_ylim(ax, -1.25, 1.25);
}

nd_status nplot_pie_xy_(nplot_axes *ax, const double *x, size_t n, const nplot_pie_opts *o)
{
    CHECK_AX(ax, "nplot_pie");
    float *x32 = nd_malloc(sizeof(float) * (n + 1), "nplot_pie");
    if (!x32) return nplot__fail(ax->fig, ND_ENOMEM, "nplot_pie: out of memory for %zu wedges", n);
    nd_status st = pie_body(ax, x, x32, n, o);
    nd_free_mem(x32);
    return st;
}

nd_status nplot_pie_(nplot_axes *ax, const nd_array *x, const nplot_pie_opts *o)
{
    static const char *who = "nplot_pie";
    CHECK_AX(ax, who);
    if (!x) return nplot__fail(ax->fig, ND_EVALUE, "%s: x is NULL", who);
    double *xs = NULL;
    size_t n = 0;
    nd_status st = nplot__to_f64(ax->fig, x, &xs, &n, "x", who);
    if (!st) st = nplot_pie_xy_(ax, xs, n, o);
    nd_free_mem(xs);
    return st;
}

/* ---- boxplot -------------------------------------------------------------------------------- */
typedef struct box_stats {
    double q1, med, q3, lo, hi, mean;
    double cilo, cihi; /* the notch: med ± 1.57 IQR / sqrt(n) */
    double *fliers;
    size_t nfliers;
    bool empty;
} box_stats;

/* np.percentile(v[:m], qs) (linear) into out: the one percentile path of box and violin */
static nd_status percentiles(nplot_figure *fig, const double *v, size_t m, const double *qs,
                             size_t nq, double *out, const char *who)
{
    if (nq == 0) return ND_OK;
    nd_array *a = nd_from_f64(v, (ptrdiff_t)m);
    nd_array *qa = nd_from_f64(qs, (ptrdiff_t)nq);
    nd_array *q = a && qa ? nd_percentile_(a, &(nd_quantile_opts){ .qs = qa }) : NULL;
    bool ok = q && nd_to_f64(q, out) == ND_OK;
    nd_free(a);
    nd_free(qa);
    nd_free(q);
    if (!ok) return nplot__fail(fig, nd_last_error() ? nd_last_error() : ND_ENOMEM, "%s: %s", who, nd_errmsg());
    return ND_OK;
}

static nd_status stats_of(nplot_figure *fig, const double *v, size_t n, double whis, box_stats *b,
                          const char *who)
{
    memset(b, 0, sizeof *b);
    double *f = nd_malloc(sizeof(double) * (n ? n : 1), who);
    if (!f) return nplot__fail(fig, ND_ENOMEM, "%s: out of memory", who);
    size_t m = 0;
    double sum = 0;
    for (size_t i = 0; i < n; i++)
        if (isfinite(v[i])) f[m++] = v[i], sum += v[i];
    if (m == 0) {
        nd_free_mem(f);
        b->empty = true;
        return ND_OK;
    }
    double qv[3];
    if (percentiles(fig, f, m, (double[]){ 25, 50, 75 }, 3, qv, who)) {
        nd_free_mem(f);
        return fig->status;
    }
    b->q1 = qv[0], b->med = qv[1], b->q3 = qv[2], b->mean = sum / (double)m;
    double iqr = b->q3 - b->q1, lim_lo = b->q1 - whis * iqr, lim_hi = b->q3 + whis * iqr;
    b->cilo = b->med - 1.57 * iqr / sqrt((double)m);
    b->cihi = b->med + 1.57 * iqr / sqrt((double)m);
    /* whiskers: the furthest data still inside the limits (the box edge if none) */
    b->lo = b->q1, b->hi = b->q3;
    double lo = INFINITY, hi = -INFINITY;
    for (size_t i = 0; i < m; i++) {
        if (f[i] >= lim_lo) lo = fmin(lo, f[i]);
        if (f[i] <= lim_hi) hi = fmax(hi, f[i]);
    }
    if (isfinite(lo) && lo <= b->q1) b->lo = lo;
    if (isfinite(hi) && hi >= b->q3) b->hi = hi;
    size_t k = 0;
    for (size_t i = 0; i < m; i++)
        if (f[i] < b->lo || f[i] > b->hi) f[k++] = f[i];
    b->fliers = f;
    b->nfliers = k;
    return ND_OK;
}

/* matplotlib's _bootstrap_median: the 2.5 and 97.5 percentiles of the medians of `nboot`
 * resamples (m draws with replacement each) of the finite values of v[:n], drawn with numc's
 * generator seeded by seed (matplotlib's np.random draws differ: the same statistic,
 * another random stream). */
static nd_status bootstrap_ci(nplot_figure *fig, const double *v, size_t n, int nboot, uint64_t seed,
                              double *lo, double *hi, const char *who)
{
    double *f = nd_malloc(sizeof(double) * (n ? n : 1), who);
    size_t m = 0;
    for (size_t i = 0; f && i < n; i++)
        if (isfinite(v[i])) f[m++] = v[i];
    double *row = nd_malloc(sizeof(double) * (m ? m : 1), who);
    double *meds = nd_malloc(sizeof(double) * (size_t)nboot, who);
    nd_rng *rng = nd_rng_new(seed);
    nd_array *idx = m ? nd_empty(ND_SHAPE((ptrdiff_t)m), ND_INT64) : NULL;
    nd_status st = ND_OK;
    if (!f || !row || !meds || !rng || (m && !idx)) st = nplot__fail(fig, ND_ENOMEM, "%s: out of memory", who);
    for (int b = 0; !st && m && b < nboot; b++) {
        if (nd_rng_integers_into(rng, 0, (int64_t)m, false, idx)) {
            st = nplot__fail(fig, nd_last_error(), "%s: %s", who, nd_errmsg());
            break;
        }
        const int64_t *ix = nd_data(idx);
        for (size_t i = 0; i < m; i++) row[i] = f[ix[i]];
        st = percentiles(fig, row, m, (double[]){ 50 }, 1, &meds[b], who);
    }
    double ci[2] = { NAN, NAN };
    if (!st && m) st = percentiles(fig, meds, (size_t)nboot, (double[]){ 2.5, 97.5 }, 2, ci, who);
    *lo = ci[0], *hi = ci[1];
    nd_free(idx);
    nd_rng_free(rng);
    nd_free_mem(f);
    nd_free_mem(row);
    nd_free_mem(meds);
    return st;
}

static nd_status draw_box(nplot_axes *ax, const nplot_boxplot_opts *o, const box_stats *b,
                          double pos, double w, rgba color, rgba medc, rgba face, double lw,
                          const char *who)
{
    nplot_figure *fig = ax->fig;
    bool vert = o->vert != NPLOT_OFF;
    nd_status s;
    double l = pos - w / 2, r = pos + w / 2, nl = pos - w / 4, nr = pos + w / 4;
    /* matplotlib's bxp outline: plain (5 vertices) or notched at the confidence interval,
     * pinched to half the width at the median (11) */
    double bp[11] = { l, r, r, l, l }, bv[11] = { b->q1, b->q1, b->q3, b->q3, b->q1 };
    size_t nb = 5;
    if (o->notch) {
        double np_[11] = { l, r, r, nr, r, r, l, l, nl, l, l };
        double nv[11] = { b->q1, b->q1, b->cilo, b->med, b->cihi, b->q3, b->q3, b->cihi, b->med, b->cilo, b->q1 };
        memcpy(bp, np_, sizeof bp);
        memcpy(bv, nv, sizeof bv);
        nb = 11;
    }
    if (o->patch_artist) {
        artist *p = nplot__patches_new(ax, vert ? bp : bv, vert ? bv : bp, nb - 1, 1, &face, who);
        if (!p) return fig->status;
        p->has_edge = true;
        p->edge = color;
        p->edge_lw = lw;
        p->zorder = 2;
        nplot__update_datalim(ax, p);
    } else {
        if ((s = nplot__seg_line(ax, vert, bp, bv, nb, color, lw, 2, who))) return s;
    }
    double wp[2] = { pos, pos }, c[2] = { pos - w / 4, pos + w / 4 };
    if ((s = nplot__seg_line(ax, vert, wp, (double[]){ b->q1, b->lo }, 2, color, lw, 2, who)) ||
        (s = nplot__seg_line(ax, vert, wp, (double[]){ b->q3, b->hi }, 2, color, lw, 2, who)) ||
        (s = nplot__seg_line(ax, vert, c, (double[]){ b->lo, b->lo }, 2, color, lw, 2, who)) ||
        (s = nplot__seg_line(ax, vert, c, (double[]){ b->hi, b->hi }, 2, color, lw, 2, who)) ||
        (s = nplot__seg_line(ax, vert, o->notch ? (double[]){ nl, nr } : (double[]){ l, r },
                        (double[]){ b->med, b->med }, 2, medc, lw, 2, who)))
        return s;
    if (o->showfliers != NPLOT_OFF && b->nfliers > 0) {
        artist *f = nplot__artist_add(ax, ART_LINE, who);
        if (!f) return fig->status;
        f->n = b->nfliers;
        double *pp = nd_malloc(sizeof(double) * b->nfliers, who);
        if (!pp) return nplot__fail(fig, ND_ENOMEM, "%s: out of memory", who);
        for (size_t i = 0; i < b->nfliers; i++) pp[i] = pos;
        f->x = vert ? pp : nplot__copy_or_index(fig, b->fliers, b->nfliers, who);
        f->y = vert ? nplot__copy_or_index(fig, b->fliers, b->nfliers, who) : pp;
        if (!f->x || !f->y) return fig->status;
        /* matplotlib's fliers: open circles in the box color */
        f->lp = (line_props){ .color = color, .lw = lw, .ls = LS_NONE, .marker = MK_CIRCLE,
                              .ms = 6, .mfc = { 0, 0, 0, 0 }, .mec = color, .mew = 1, .markevery = 1 };
        f->zorder = 2;
        nplot__update_datalim(ax, f);
    }
    if (o->showmeans) {
        rgba g = fig->style->cycle[2 % fig->style->ncycle];
        artist *mk = nplot__artist_add(ax, ART_LINE, who);
        if (!mk) return fig->status;
        mk->n = 1;
        double mx = vert ? pos : b->mean, my = vert ? b->mean : pos;
        if (!(mk->x = nplot__copy_or_index(fig, &mx, 1, who)) || !(mk->y = nplot__copy_or_index(fig, &my, 1, who)))
            return fig->status;
        mk->lp = (line_props){ .color = g, .lw = lw, .ls = LS_NONE, .marker = MK_TRI_UP, .ms = 6,
                               .mfc = g, .mec = g, .mew = 1, .markevery = 1 };
        mk->zorder = 2;
    }
    return ND_OK;
}

/* bxp: k boxes from their statistics (empty ones take a position and label but draw
 * nothing); labels[i] NULL → the position. boxplot computes, then comes here. */
static nd_status bxp_body(nplot_axes *ax, const box_stats *bs, const char *const *labels, int k,
                          const nplot_boxplot_opts *o, const char *who)
{
    nplot_figure *fig = ax->fig;
    const nplot__style *st = fig->style;
    rgba color = { 0, 0, 0, 1 }, medc = st->cycle[1 % st->ncycle], face = st->cycle[0];
    if ((o->color && nplot__color(o->color, st, &color, who)) ||
        (o->mediancolor && nplot__color(o->mediancolor, st, &medc, who)) ||
        (o->facecolor && nplot__color(o->facecolor, st, &face, who)))
        return nplot__fail(fig, ND_EVALUE, "%s", nd_errmsg());
    if (k == 0) return ND_OK;
    double *pos = nd_malloc(sizeof(double) * (size_t)k, who);
    char **labs = nd_calloc((size_t)k, sizeof(char *), who);
    if (!pos || !labs) {
        nd_free_mem(pos);
        nd_free_mem(labs);
        return nplot__fail(fig, ND_ENOMEM, "%s: out of memory", who);
    }
    double pmin = INFINITY, pmax = -INFINITY;
    for (int i = 0; i < k; i++) {
        pos[i] = o->positions.v ? o->positions.v[i] : i + 1;
        pmin = fmin(pmin, pos[i]);
        pmax = fmax(pmax, pos[i]);
    }
    nd_status s = ND_OK;
    if (!isfinite(pmin) || !isfinite(pmax)) {
        s = nplot__fail(fig, ND_EVALUE, "%s: positions must be finite", who);
        goto done;
    }
    /* matplotlib: 0.15 of the span, clipped to [0.15, 0.5] */
    double w = NPLOT_OPT(o->widths, fmin(0.5, fmax(0.15, 0.15 * (pmax - pmin))));
    double lw = NPLOT_OPT(o->linewidth, 1);
    bool vert = o->vert != NPLOT_OFF;
    for (int i = 0; i < k && !s; i++) {
        const box_stats *b = &bs[i];
        double wi = o->widths_each.v ? o->widths_each.v[i] : w;
        if (!b->empty) s = draw_box(ax, o, b, pos[i], wi, color, medc, face, lw, who);
        char buf[64];
        snprintf(buf, sizeof buf, "%g", pos[i]);
        labs[i] = nd_strdup(labels && labels[i] ? labels[i] : buf, who);
        if (!labs[i] && !s) s = nplot__fail(fig, ND_ENOMEM, "%s: out of memory", who);
        /* the view spans the positions +- 0.5 exactly (sticky, as matplotlib does) */
        if (!s) s = nplot__add_sticky(ax, vert, pos[i] - 0.5, who);
        if (!s) s = nplot__add_sticky(ax, vert, pos[i] + 0.5, who);
        if (!s) {
            if (vert) nplot__datalim_point(ax, pos[i] - 0.5, b->empty ? NAN : b->med);
            else nplot__datalim_point(ax, b->empty ? NAN : b->med, pos[i] - 0.5);
            if (vert) nplot__datalim_point(ax, pos[i] + 0.5, b->empty ? NAN : b->med);
            else nplot__datalim_point(ax, b->empty ? NAN : b->med, pos[i] + 0.5);
        }
    }
    if (!s) {
        nplot_ticks_opts to = { .labels = NPLOT_STR_ARRAY((const char *const *)labs, k) };
        s = vert ? nplot_set_xticks_(ax, pos, k, &to) : nplot_set_yticks_(ax, pos, k, &to);
    }
done:
    for (int i = 0; i < k; i++) nd_free_mem(labs[i]);
    nd_free_mem(labs);
    nd_free_mem(pos);
    return s;
}

/* the options bxp and boxplot share: lengths and widths */
static nd_status box_opts_check(nplot_figure *fig, int k, const nplot_boxplot_opts *o, const char *who)
{
    if (o->widths < 0 || o->whis < 0 || o->linewidth < 0 || !isfinite(o->widths) || o->bootstrap < 0)
        return nplot__fail(fig, ND_EVALUE, "%s: widths, whis, linewidth and bootstrap must be >= 0", who);
    nd_status bad;
    const char *boxes = "the number of boxes is";
    if ((bad = NPLOT__CHECK_LEN(fig, who, "positions", o->positions, (size_t)k, boxes)) ||
        (bad = NPLOT__CHECK_LEN(fig, who, "labels", o->labels, (size_t)k, boxes)) ||
        (bad = NPLOT__CHECK_LEN(fig, who, "widths_each", o->widths_each, (size_t)k, boxes)) ||
        (bad = NPLOT__CHECK_LEN(fig, who, "usermedians", o->usermedians, (size_t)k, boxes)) ||
        (bad = NPLOT__CHECK_LEN(fig, who, "conf_intervals", o->conf_intervals, 2 * (size_t)k,
                                "twice the number of boxes is")))
        return bad;
    for (int i = 0; o->widths_each.v && i < k; i++)
        if (!(o->widths_each.v[i] >= 0) || !isfinite(o->widths_each.v[i]))
            return nplot__fail(fig, ND_EVALUE, "%s: widths_each[%d] must be finite and >= 0, got %g",
                               who, i, o->widths_each.v[i]);
    return ND_OK;
}

nd_status nplot_boxplot_xy_(nplot_axes *ax, const double *const *data, const size_t *lens,
                                 int k, const nplot_boxplot_opts *o)
{
    static const char *who = "nplot_boxplot";
    CHECK_AX(ax, who);
    nplot_figure *fig = ax->fig;
    o = NPLOT__OPTS(o, nplot_boxplot_opts);
    if (k < 0 || (k > 0 && (!data || !lens)))
        return nplot__fail(fig, ND_EVALUE, "%s: need k >= 0 datasets with their lengths", who);
    nd_status s = box_opts_check(fig, k, o, who);
    if (s || k == 0) return s ? s : bxp_body(ax, NULL, NULL, 0, o, who);
    box_stats *bs = nd_calloc((size_t)k, sizeof *bs, who);
    if (!bs) return nplot__fail(fig, ND_ENOMEM, "%s: out of memory", who);
    double whis = NPLOT_OPT(o->whis, 1.5);
    for (int i = 0; i < k && !s; i++) {
        if (lens[i] > 0 && !data[i]) {
            s = nplot__fail(fig, ND_EVALUE, "%s: dataset %d is NULL", who, i);
            break;
        }
        box_stats *b = &bs[i];
        if ((s = stats_of(fig, data[i], lens[i], whis, b, who))) break;
        if (!b->empty && o->bootstrap > 0)
            s = bootstrap_ci(fig, data[i], lens[i], o->bootstrap, o->bootstrap_seed, &b->cilo, &b->cihi, who);
        /* the user's median and notch interval replace the computed ones (NaN: keep) */
        if (o->usermedians.v && !isnan(o->usermedians.v[i])) b->med = o->usermedians.v[i];
        if (o->conf_intervals.v && !isnan(o->conf_intervals.v[2 * i]))
            b->cilo = o->conf_intervals.v[2 * i], b->cihi = o->conf_intervals.v[2 * i + 1];
    }
    if (!s) s = bxp_body(ax, bs, o->labels.v, k, o, who);
    for (int i = 0; i < k; i++) nd_free_mem(bs[i].fliers);
    nd_free_mem(bs);
    return s;
}

nd_status nplot_bxp_(nplot_axes *ax, const nplot_bxp_stats *stats, int k, const nplot_boxplot_opts *o)
{
    static const char *who = "nplot_bxp";
    CHECK_AX(ax, who);
    nplot_figure *fig = ax->fig;
    o = NPLOT__OPTS(o, nplot_boxplot_opts);
    if (k < 0 || (k > 0 && !stats))
        return nplot__fail(fig, ND_EVALUE, "%s: need k >= 0 statistics", who);
    if (o->whis || o->bootstrap || o->usermedians.v || o->conf_intervals.v || o->labels.v)
        return nplot__fail(fig, ND_EVALUE, "%s: whis, bootstrap, usermedians, conf_intervals and "
                                           "labels are boxplot's: bxp takes them in the statistics", who);
    nd_status s = box_opts_check(fig, k, o, who);
    if (s) return s;
    box_stats *bs = nd_calloc((size_t)(k ? k : 1), sizeof *bs, who);
    const char **labels = nd_calloc((size_t)(k ? k : 1), sizeof *labels, who);
    if (!bs || !labels) {
        nd_free_mem(bs);
        nd_free_mem(labels);
        return nplot__fail(fig, ND_ENOMEM, "%s: out of memory", who);
    }
    for (int i = 0; i < k && !s; i++) {
        const nplot_bxp_stats *t = &stats[i];
        if (!isfinite(t->med) || !isfinite(t->q1) || !isfinite(t->q3) || !isfinite(t->whislo) ||
            !isfinite(t->whishi) || (t->nfliers && !t->fliers))
            s = nplot__fail(fig, ND_EVALUE, "%s: stats[%d] needs finite med, q1, q3, whislo, whishi "
                                            "(and fliers for nfliers %zu)", who, i, t->nfliers);
        else if (o->notch && (!isfinite(t->cilo) || !isfinite(t->cihi)))
            s = nplot__fail(fig, ND_EVALUE, "%s: notch needs stats[%d].cilo and cihi", who, i);
        else if (o->showmeans && !isfinite(t->mean))
            s = nplot__fail(fig, ND_EVALUE, "%s: showmeans needs stats[%d].mean", who, i);
        bs[i] = (box_stats){ .q1 = t->q1, .med = t->med, .q3 = t->q3, .lo = t->whislo,
                             .hi = t->whishi, .mean = t->mean, .cilo = t->cilo, .cihi = t->cihi,
                             .fliers = (double *)(uintptr_t)t->fliers, .nfliers = t->nfliers };
        labels[i] = t->label;
    }
    if (!s) s = bxp_body(ax, bs, labels, k, o, who);
    nd_free_mem(bs);
    nd_free_mem(labels);
    return s;
}

/* data (1-D: one dataset; 2-D (n, k): one per column) as k column pointers and lengths
 * for the _xy form xy: the one nd_array front end of boxplot and violinplot */
typedef nd_status (*columns_fn)(nplot_axes *ax, const double *const *d, const size_t *lens, int k,
                                const void *o);
static nd_status by_columns(nplot_axes *ax, const nd_array *data, columns_fn xy, const void *o,
                            const char *who)
{
    CHECK_AX(ax, who);
    if (!data) return nplot__fail(ax->fig, ND_EVALUE, "%s: data is NULL", who);
    int nd = nd_ndim(data);
    if (nd > 2) return nplot__fail(ax->fig, ND_ESHAPE, "%s: data must be 1-D or 2-D, got %d dimensions", who, nd);
    double *v = NULL;
    size_t n = 0;
    nd_status st = nplot__to_f64(ax->fig, data, &v, &n, "data", who);
    if (st) return st;
    size_t rows = nd == 2 ? (size_t)nd_shape(data)[0] : n, cols = nd == 2 ? (size_t)nd_shape(data)[1] : 1;
    /* gather the columns */
    double *t = nd_malloc(sizeof(double) * (n ? n : 1), who);
    const double **ptr = nd_malloc(sizeof(double *) * (cols ? cols : 1), who);
    size_t *lens = nd_malloc(sizeof(size_t) * (cols ? cols : 1), who);
    if (!t || !ptr || !lens) {
        st = nplot__fail(ax->fig, ND_ENOMEM, "%s: out of memory", who);
    } else {
        for (size_t c = 0; c < cols; c++) {
            for (size_t r = 0; r < rows; r++) t[c * rows + r] = v[r * cols + c];
            ptr[c] = t + c * rows;
            lens[c] = rows;
        }
        st = xy(ax, ptr, lens, (int)cols, o);
    }
    nd_free_mem(v);
    nd_free_mem(t);
    nd_free_mem(ptr);
    nd_free_mem(lens);
    return st;
}

static nd_status boxplot_cols(nplot_axes *ax, const double *const *d, const size_t *lens, int k,
                              const void *o)
{
    return nplot_boxplot_xy_(ax, d, lens, k, o);
}

static nd_status boxplot_array(nplot_axes *ax, const nd_array *data, const nplot_boxplot_opts *o,
                               const char *who)
{
    return by_columns(ax, data, boxplot_cols, o, who);
}

nd_status nplot_boxplot_(nplot_axes *ax, const nd_array *data, const nplot_boxplot_opts *o)
{
    return boxplot_array(ax, data, o, "nplot_boxplot");
}

/* masked form: masked values are NaN, which the box statistics drop */
nd_status nplot_boxplot_ma_(nplot_axes *ax, const nd_marray *data, const nplot_boxplot_opts *o)
{
    static const char *who = "nplot_boxplot_ma";
    CHECK_AX(ax, who);
    nd_array *d;
    nd_status st = nplot__ma_nan(ax->fig, data, &d, "data", who);
    if (!st) st = boxplot_array(ax, d, o, who);
    nd_free(d);
    return st;
}

/* ---- violinplot ----------------------------------------------------------------------------- */
/* Evenly spaced points c_j = c_0 + j d (np.linspace, as the violins use) let the Gaussian
 * terms of one sample v follow a recurrence: with c_j0 the point nearest v, u = v - c_j0,
 * exp(-(u - kd)^2 a) = exp(-u^2 a) P_k, P_k = P_(k-1) exp(2uda) exp(-(2k-1) d^2 a) (and the
 * same downward with exp(-2uda)). Each factor is <= 1, so the products never overflow and
 * stop at the first underflow to 0. Two exp per sample instead of m; the products add at
 * most ~2m rounding errors per term (~1e-14 relative for m = 100). Returns false (nothing
 * written) when the points are not evenly spaced or d^2 a is too large for the recurrence. */
/* out[off + dir k] += sum over the samples of one bucket of t0 * prod_(i<=k) f[s] r[i], for
 * k = 1, 2, ... while inside [0, m) and the sum is not 0 (every term underflowed). w is
 * scratch; four independent partial sums keep the products from waiting on each other. */
static void kde_walk(const double *t0, const double *f, size_t cnt, const double *r, double *out,
                     size_t j0, size_t steps, int dir, double *w)
{
    for (size_t s = 0; s < cnt; s++) w[s] = t0[s];
    for (size_t k = 1; k <= steps; k++) {
        double a0 = 0, a1 = 0, a2 = 0, a3 = 0, rk = r[k];
        size_t s = 0;
        for (; s + 4 <= cnt; s += 4) {
            a0 += w[s] *= f[s] * rk;
            a1 += w[s + 1] *= f[s + 1] * rk;
            a2 += w[s + 2] *= f[s + 2] * rk;
            a3 += w[s + 3] *= f[s + 3] * rk;
        }
        for (; s < cnt; s++) a0 += w[s] *= f[s] * rk;
        double sum = (a0 + a1) + (a2 + a3);
        if (sum == 0) break;
        out[dir > 0 ? j0 + k : j0 - k] += sum;
    }
}

/* Evenly spaced points c_j = c_0 + j d (np.linspace, as the violins use) let the Gaussian
 * terms of one sample v follow a recurrence: with c_j0 the point nearest v, u = v - c_j0,
 * exp(-(u - kd)^2 a) = exp(-u^2 a) P_k, P_k = P_(k-1) exp(2uda) exp(-(2k-1) d^2 a) (and the
 * same downward with exp(-2uda)). Each factor is <= 1, so the products never overflow and
 * a walk stops once all its terms underflowed to 0. Two exp per sample instead of m; the
 * products add at most ~2m rounding errors per term (~1e-14 relative for m = 100). The
 * samples are bucketed by j0 so one bucket's walks share the factors. Returns false
 * (nothing written) when the points are not evenly spaced, d^2 a is too large for the
 * recurrence, or memory runs out (the caller then sums directly). */
static bool kde_even(const double *v, size_t n, double a, const double *c, size_t m, double *out)
{
    static const char *who = "nplot_violin_kde";
    if (m < 3) return false;
    double d = (c[m - 1] - c[0]) / (double)(m - 1), tol = 1e-13 * (fabs(c[0]) + fabs(c[m - 1]));
    if (!(d > 0)) return false;
    for (size_t j = 0; j < m; j++)
        if (fabs(c[j] - (c[0] + (double)j * d)) > tol) return false;
    double dda = d * d * a;
    if (dda > 300) return false;
    double *r = nd_malloc(sizeof(double) * m, who), *buf = nd_malloc(sizeof(double) * 4 * n, who);
    size_t *start = nd_calloc(m + 1, sizeof(size_t), who), *bucket = nd_malloc(sizeof(size_t) * n, who);
    bool ok = r && buf && start && bucket;
    if (ok) {
        double *t0 = buf, *e = buf + n, *ie = buf + 2 * n, *w = buf + 3 * n;
        for (size_t k = 1; k < m; k++) r[k] = exp(-(double)(2 * k - 1) * dda);
        for (size_t i = 0; i < n; i++) {
            double t = (v[i] - c[0]) / d;
            bucket[i] = t <= 0 ? 0 : t >= (double)(m - 1) ? m - 1 : (size_t)(t + 0.5);
            start[bucket[i] + 1]++;
        }
        for (size_t j = 0; j < m; j++) start[j + 1] += start[j];
        for (size_t i = 0; i < n; i++) {
            size_t at = start[bucket[i]]++; /* start[j] ends as bucket j's end */
            double u = v[i] - c[bucket[i]];
            t0[at] = exp(-u * u * a);
            e[at] = exp(2 * u * d * a);
            ie[at] = 1 / e[at];
        }
        for (size_t j = 0; j < m; j++) out[j] = 0;
        for (size_t j = 0; j < m; j++) {
            size_t lo = j ? start[j - 1] : 0, cnt = start[j] - lo;
            if (!cnt) continue;
            double sum = 0;
            for (size_t s = lo; s < start[j]; s++) sum += t0[s];
            out[j] += sum;
            kde_walk(t0 + lo, e + lo, cnt, r, out, j, m - 1 - j, 1, w);
            kde_walk(t0 + lo, ie + lo, cnt, r, out, j, j, -1, w);
        }
    }
    nd_free_mem(r);
    nd_free_mem(buf);
    nd_free_mem(start);
    nd_free_mem(bucket);
    return ok;
}

/* mlab.GaussianKDE of v[:n] evaluated at the m points c (1-D): the covariance is the sample
 * variance (ddof 1) times factor², the density sum(exp(-(v - c)² / 2cov)) / (sqrt(2π cov) n).
 * All-equal data is matplotlib's special case: 1 where c equals the value, else 0. */
static void gaussian_kde(const double *v, size_t n, double factor, const double *c, size_t m,
                         double *out)
{
    bool same = true;
    double mean = 0;
    for (size_t i = 0; i < n; i++) {
        same = same && v[i] == v[0];
        mean += v[i];
    }
    if (same) {
        for (size_t j = 0; j < m; j++) out[j] = c[j] == v[0];
        return;
    }
    mean /= (double)n;
    double ss = 0;
    for (size_t i = 0; i < n; i++) ss += (v[i] - mean) * (v[i] - mean);
    double cov = ss / (double)(n - 1) * factor * factor, inv = 1 / (2 * cov);
    double norm = sqrt(2 * M_PI * cov) * (double)n;
    if (!kde_even(v, n, inv, c, m, out)) {
        for (size_t j = 0; j < m; j++) {
            double sum = 0;
            for (size_t i = 0; i < n; i++) sum += exp(-(v[i] - c[j]) * (v[i] - c[j]) * inv);
            out[j] = sum;
        }
    }
    for (size_t j = 0; j < m; j++) out[j] /= norm;
}

nd_status nplot_violin_kde(const double *v, size_t n, const char *bw_method, double bw_factor,
                           const double *coords, size_t m, double *out)
{
    static const char *who = "nplot_violin_kde";
    if (n == 0 || !v) return nd_set_error(ND_EVALUE, "%s: the dataset is empty", who);
    if (m > 0 && (!coords || !out))
        return nd_set_error(ND_EVALUE, "%s: coords and out are required", who);
    for (size_t i = 0; i < n; i++)
        if (isnan(v[i])) return nd_set_error(ND_EVALUE, "%s: value %zu is NaN", who, i);
    double factor;
    if (bw_factor != 0) {
        if (bw_method || !isfinite(bw_factor))
            return nd_set_error(ND_EVALUE, "%s: give either bw_method or a finite bw_factor", who);
        factor = bw_factor;
    } else if (!bw_method || !strcmp(bw_method, "scott")) {
        factor = pow((double)n, -0.2);
    } else if (!strcmp(bw_method, "silverman")) {
        factor = pow((double)n * 0.75, -0.2);
    } else {
        return nd_set_error(ND_EVALUE, "%s: bw_method should be 'scott', 'silverman' or a scalar, "
                                       "got '%s'", who, bw_method);
    }
    gaussian_kde(v, n, factor, coords, m, out);
    return ND_OK;
}

/* one violin's statistics: points coords over [min, max], their densities, the centre lines */
typedef struct violin_stats {
    double *coords, *vals, *qv;
    double mean, median, min, max;
} violin_stats;

static nd_status violin_stats_of(nplot_figure *fig, const double *v, size_t n, const nplot_violin_opts *o,
                                 int idx, size_t points, violin_stats *s, const char *who)
{
    memset(s, 0, sizeof *s);
    if (n == 0 || !v) return nplot__fail(fig, ND_EVALUE, "%s: dataset %d is empty", who, idx);
    const nplot_f64s *q = o->quantiles ? &o->quantiles[idx] : NULL;
    size_t nq = q ? q->n : 0;
    s->coords = nd_malloc(sizeof(double) * points, who);
    s->vals = nd_malloc(sizeof(double) * points, who);
    s->qv = nd_malloc(sizeof(double) * (nq + 1), who);
    double *pq = nd_malloc(sizeof(double) * (nq + 1), who);
    if (!s->coords || !s->vals || !s->qv || !pq) {
        nd_free_mem(pq);
        return nplot__fail(fig, ND_ENOMEM, "%s: out of memory", who);
    }
    nd_status st = ND_OK;
    for (size_t j = 0; j < nq && !st; j++) {
        if (!(q->v[j] >= 0 && q->v[j] <= 1))
            st = nplot__fail(fig, ND_EVALUE, "%s: quantiles of dataset %d must be in [0, 1], got %g",
                             who, idx, q->v[j]);
        pq[j] = 100 * q->v[j];
    }
    pq[nq] = 50;
    if (!st && nplot_violin_kde(v, n, NULL, 1, NULL, 0, NULL))
        st = nplot__fail(fig, ND_EVALUE, "%s: dataset %d: %s", who, idx, nd_errmsg());
    if (!st && nq) st = percentiles(fig, v, n, pq, nq, s->qv, who);
    if (!st) st = percentiles(fig, v, n, pq + nq, 1, &s->median, who);
    nd_free_mem(pq);
    if (st) return st;
    double lo = INFINITY, hi = -INFINITY, sum = 0;
    for (size_t i = 0; i < n; i++) lo = fmin(lo, v[i]), hi = fmax(hi, v[i]), sum += v[i];
    s->min = lo, s->max = hi, s->mean = sum / (double)n;
    /* np.linspace(min, max, points) */
    for (size_t j = 0; j < points; j++)
        s->coords[j] = points == 1 ? lo : lo + (hi - lo) * (double)j / (double)(points - 1);
    if (points > 1) s->coords[points - 1] = hi;
    if (nplot_violin_kde(v, n, o->bw_method, o->bw_factor, s->coords, points, s->vals))
        return nplot__fail(fig, ND_EVALUE, "%s", nd_errmsg());
    return ND_OK;
}

static void violin_stats_free(violin_stats *s)
{
    nd_free_mem(s->coords);
    nd_free_mem(s->vals);
    nd_free_mem(s->qv);
}

nd_status nplot_violinplot_xy_(nplot_axes *ax, const double *const *data, const size_t *lens, int k,
                               const nplot_violin_opts *o)
{
    static const char *who = "nplot_violinplot";
    CHECK_AX(ax, who);
    nplot_figure *fig = ax->fig;
    o = NPLOT__OPTS(o, nplot_violin_opts);
    if (k < 0 || (k > 0 && (!data || !lens)))
        return nplot__fail(fig, ND_EVALUE, "%s: need k >= 0 datasets with their lengths", who);
    if (!(o->widths >= 0) || !isfinite(o->widths) || o->points < 0)
        return nplot__fail(fig, ND_EVALUE, "%s: widths and points must be >= 0, got %g and %d", who,
                           o->widths, o->points);
    nd_status bad;
    if ((bad = NPLOT__CHECK_LEN(fig, who, "positions", o->positions, (size_t)k, "the number of datasets is")))
        return bad;
    if (k == 0) return ND_OK;
    size_t points = (size_t)NPLOT_OPT(o->points, 100);
    violin_stats *vs = nd_calloc((size_t)k, sizeof *vs, who);
    if (!vs) return nplot__fail(fig, ND_ENOMEM, "%s: out of memory", who);
    nd_status s = ND_OK;
    for (int i = 0; i < k && !s; i++) {
        double p = o->positions.v ? o->positions.v[i] : i + 1;
        if (!isfinite(p)) s = nplot__fail(fig, ND_EVALUE, "%s: positions must be finite", who);
        else s = violin_stats_of(fig, data[i], lens[i], o, i, points, &vs[i], who);
    }
    /* drawn as matplotlib's violinplot does: through violin */
    nplot_violin_stats *ps = s ? NULL : nd_calloc((size_t)k, sizeof *ps, who);
    if (!s && !ps) s = nplot__fail(fig, ND_ENOMEM, "%s: out of memory", who);
    for (int i = 0; i < k && !s; i++)
        ps[i] = (nplot_violin_stats){ vs[i].coords, vs[i].vals, points, vs[i].mean, vs[i].median,
                                      vs[i].min, vs[i].max,
                                      { o->quantiles ? o->quantiles[i].n : 0, vs[i].qv } };
    if (!s) {
        nplot_violin_draw_opts d = { .positions = o->positions, .vert = o->vert, .widths = o->widths,
                                     .showmeans = o->showmeans, .showextrema = o->showextrema,
                                     .showmedians = o->showmedians };
        s = nplot__violin_draw(ax, ps, k, &d, who);
    }
    nd_free_mem(ps);
    for (int i = 0; i < k; i++) violin_stats_free(&vs[i]);
    nd_free_mem(vs);
    return s;
}

static nd_status violin_cols(nplot_axes *ax, const double *const *d, const size_t *lens, int k,
                             const void *o)
{
    return nplot_violinplot_xy_(ax, d, lens, k, o);
}

nd_status nplot_violinplot_(nplot_axes *ax, const nd_array *data, const nplot_violin_opts *o)
{
    return by_columns(ax, data, violin_cols, o, "nplot_violinplot");
}
