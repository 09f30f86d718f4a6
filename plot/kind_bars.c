/* bar / barh (numeric or categorical positions) and hist (bar, step, stepfilled). */
#include "plot_model.h"

#include <numc/stats.h>

#include <math.h>
#include <stdlib.h>
#include <string.h>

/* The bars of one call. pos (or cats) gives the positions along the category axis, len
 * the extent along the value axis. `face` overrides the color options when non-NULL
 * (hist picks its color from the line cycle, as matplotlib does). */
static nd_status bars(nplot_axes *ax, bool horiz, const double *pos, const char *const *cats,
                      const double *len, size_t n, const nplot_bar_opts *o, const rgba *face,
                      const char *who)
{
    CHECK_AX(ax, who);
    nplot_figure *fig = ax->fig;
    const nplot__style *st = fig->style;
    if (n > 0 && !len)
        return nplot__fail(fig, ND_EVALUE, "%s: heights are NULL", who);
    double thick = horiz ? o->height : o->width;
    if (!isfinite(thick)) return nplot__fail(fig, ND_EVALUE, "%s: bar width %g is not finite", who, thick);
    if (thick == 0) thick = 0.8;
    double base0 = horiz ? o->left : o->bottom;
    if (!isfinite(base0)) return nplot__fail(fig, ND_EVALUE, "%s: bottom %g is not finite", who, base0);
    bool edge_align = false;
    if (o->align) {
        if (!strcmp(o->align, "edge")) edge_align = true;
        else if (strcmp(o->align, "center"))
            return nplot__fail(fig, ND_EVALUE, "%s: align must be 'center' or 'edge', got '%s'", who, o->align);
    }
    if (o->alpha < 0 || o->alpha > 1 || o->linewidth < 0 || !isfinite(o->linewidth))
        return nplot__fail(fig, ND_EVALUE, "%s: alpha must be in [0, 1] and linewidth >= 0", who);
    const char *against = horiz ? "y and width have" : "x and height have";
    nd_status bad;
    if ((bad = NPLOT__CHECK_LEN(fig, who, "widths", o->widths, n, against)) ||
        (bad = NPLOT__CHECK_LEN(fig, who, "bottoms", o->bottoms, n, against)) ||
        (bad = NPLOT__CHECK_LEN(fig, who, "colors", o->colors, n, against)) ||
        (bad = NPLOT__CHECK_LEN(fig, who, "tick_labels", o->tick_labels, n, against)))
        return bad;
    rgba one;
    if (face) one = *face;
    else if (o->color) {
        if (nplot__color(o->color, st, &one, who)) return nplot__fail(fig, ND_EVALUE, "%s", nd_errmsg());
    } else if (!o->colors.v) {
        one = nplot__next_patch_color(ax);
    } else {
        one = (rgba){ 0, 0, 0, 1 };
    }
    rgba edge = { 0, 0, 0, 1 };
    if (o->edgecolor && nplot__color(o->edgecolor, st, &edge, who))
        return nplot__fail(fig, ND_EVALUE, "%s", nd_errmsg());
    double *vx = nd_malloc(sizeof(double) * (5 * n + 1), who);
    double *vy = nd_malloc(sizeof(double) * (5 * n + 1), who);
    double *at = nd_malloc(sizeof(double) * (n + 1), who);
    rgba *cols = nd_malloc(sizeof(rgba) * (n + 1), who);
    nd_status rc = ND_OK;
    if (!vx || !vy || !at || !cols) {
        rc = nplot__fail(fig, ND_ENOMEM, "%s: out of memory for %zu bars", who, n);
        goto done;
    }
    for (size_t i = 0; i < n; i++) {
        if (cats) {
            double p = nplot__category(ax, !horiz, cats[i], who);
            if (p < 0) {
                rc = fig->status;
                goto done;
            }
            at[i] = p;
        } else {
            at[i] = pos ? pos[i] : (double)i;
        }
    }
    size_t k = 0, nb = 0;
    for (size_t i = 0; i < n; i++) {
        double w = o->widths.v ? o->widths.v[i] : thick;
        double b = o->bottoms.v ? o->bottoms.v[i] : base0;
        double p0 = edge_align ? at[i] : at[i] - w / 2, p1 = p0 + w;
        double v0 = b, v1 = b + len[i];
        rgba c = one;
        if (o->colors.v) {
            if (!o->colors.v[i]) {
                rc = nplot__fail(fig, ND_EVALUE, "%s: colors[%zu] is NULL", who, i);
                goto done;
            }
            if (nplot__color(o->colors.v[i], st, &c, who)) {
                rc = nplot__fail(fig, ND_EVALUE, "%s", nd_errmsg());
                goto done;
            }
        }
        if (!(isfinite(p0) && isfinite(p1) && isfinite(v0) && isfinite(v1))) continue;
        double px[4] = { p0, p1, p1, p0 }, py[4] = { v0, v0, v1, v1 };
        if (k) vx[k] = vy[k] = NAN, k++;
        for (int j = 0; j < 4; j++, k++) {
            vx[k] = horiz ? py[j] : px[j];
            vy[k] = horiz ? px[j] : py[j];
        }
        cols[nb++] = c;
        if ((rc = nplot__add_sticky(ax, horiz, b, who))) goto done;
    }
    artist *a = nplot__patches_new(ax, vx, vy, k, nb, cols, who);
    if (!a) {
        rc = fig->status;
        goto done;
    }
    if (!nb) a->face = one;
    a->snap = true;
    a->has_edge = o->edgecolor != NULL;
    a->edge = edge;
    a->edge_lw = NPLOT_OPT(o->linewidth, 1.0);
    a->alpha = NPLOT_OPT(o->alpha, 1);
    a->zorder = o->zorder ? o->zorder : 1;
    if (o->label && !(a->label = nplot__strdup(fig, o->label, who))) {
        rc = fig->status;
        goto done;
    }
    nplot__update_datalim(ax, a);
    if (o->tick_labels.v && n > 0) {
        nplot_ticks_opts to = { .labels = o->tick_labels };
        rc = horiz ? nplot_set_yticks_(ax, at, (int)n, &to) : nplot_set_xticks_(ax, at, (int)n, &to);
    }
done:
    nd_free_mem(vx);
    nd_free_mem(vy);
    nd_free_mem(at);
    nd_free_mem(cols);
    return rc;
}

static const nplot_bar_opts *bar_defaults(const nplot_bar_opts *o)
{
    static const nplot_bar_opts d = { 0 };
    return o ? o : &d;
}

nd_status nplot_bar_xy_(nplot_axes *ax, const double *x, const double *height, size_t n,
                             const nplot_bar_opts *o)
{
    return bars(ax, false, x, NULL, height, n, bar_defaults(o), NULL, "nplot_bar");
}

nd_status nplot_barh_xy_(nplot_axes *ax, const double *y, const double *width, size_t n,
                              const nplot_bar_opts *o)
{
    return bars(ax, true, y, NULL, width, n, bar_defaults(o), NULL, "nplot_barh");
}

nd_status nplot_bar_cat_(nplot_axes *ax, const char *const *x, const double *height,
                              size_t n, const nplot_bar_opts *o)
{
    if (ax && n > 0 && !x) return nplot__fail(ax->fig, ND_EVALUE, "nplot_bar: category labels are NULL");
    return bars(ax, false, NULL, x, height, n, bar_defaults(o), NULL, "nplot_bar");
}

nd_status nplot_barh_cat_(nplot_axes *ax, const char *const *y, const double *width,
                               size_t n, const nplot_bar_opts *o)
{
    if (ax && n > 0 && !y) return nplot__fail(ax->fig, ND_EVALUE, "nplot_barh: category labels are NULL");
    return bars(ax, true, NULL, y, width, n, bar_defaults(o), NULL, "nplot_barh");
}

static nd_status bar_arrays(nplot_axes *ax, bool horiz, const nd_array *x, const nd_array *h,
                            const nplot_bar_opts *o, const char *who)
{
    CHECK_AX(ax, who);
    if (!h) return nplot__fail(ax->fig, ND_EVALUE, "%s: heights are NULL", who);
    double *xs, *hs;
    size_t n;
    nd_status st = nplot__xy_f64(ax->fig, x, h, &xs, &hs, &n, horiz ? "y" : "x",
                                 horiz ? "width" : "height", who);
    if (!st) st = bars(ax, horiz, xs, NULL, hs, n, bar_defaults(o), NULL, who);
    nd_free_mem(xs);
    nd_free_mem(hs);
    return st;
}

nd_status nplot_bar_(nplot_axes *ax, const nd_array *x, const nd_array *height,
                          const nplot_bar_opts *o)
{
    return bar_arrays(ax, false, x, height, o, "nplot_bar");
}

nd_status nplot_barh_(nplot_axes *ax, const nd_array *y, const nd_array *width,
                           const nplot_bar_opts *o)
{
    return bar_arrays(ax, true, y, width, o, "nplot_barh");
}

/* ---- hist ------------------------------------------------------------------------------------ */
enum { HT_BAR = 0, HT_STEP, HT_STEPFILLED };

/* counts / edges via nd_histogram on the finite values; *nbins set. */
static nd_status hist_counts(nplot_figure *fig, const double *x, const double *w, size_t n,
                             const nplot_hist_opts *o, double **counts, double **edges,
                             size_t *nbins, const char *who)
{
    nd_status st = ND_OK;
    double *fx = NULL, *fw = NULL;
    nd_array *ax = NULL, *aw = NULL, *ae = NULL, *h = NULL, *e = NULL;
    *counts = *edges = NULL;
    size_t m = 0;
    while (m < n && isfinite(x[m])) m++;
    const double *ux = x, *uw = w;
    if (m < n) {
        /* matplotlib drops NaN (numpy.histogram would refuse them without a range) */
        fx = nd_malloc(sizeof(double) * n, who);
        fw = w ? nd_malloc(sizeof(double) * n, who) : NULL;
        if (!fx || (w && !fw)) {
            st = nplot__fail(fig, ND_ENOMEM, "%s: out of memory", who);
            goto done;
        }
        m = 0;
        for (size_t i = 0; i < n; i++) {
            if (!isfinite(x[i])) continue;
            if (w) fw[m] = w[i];
            fx[m++] = x[i];
        }
        ux = fx, uw = fw;
    }
    if ((st = NPLOT__CHECK_LEN(fig, who, "range", o->range, 2, "it takes"))) goto done;
    nd_hist_opts ho = { .bins = NPLOT_OPT(o->bins, 10), .range = o->range.v,
                        .density = o->density };
    if (o->bins < 0) {
        st = nplot__fail(fig, ND_EVALUE, "%s: bins must be positive, got %d", who, o->bins);
        goto done;
    }
    if (o->bins_rule) {
        int r = nd_bin_rule_from_name(o->bins_rule);
        if (r < 0) {
            st = nplot__fail(fig, ND_EVALUE, "%s: unknown bins rule '%s' (auto, fd, sturges, scott, "
                                             "rice, sqrt, doane)", who, o->bins_rule);
            goto done;
        }
        ho.rule = (nd_bin_rule)r;
    }
    if (o->edges.v || o->edges.n) {
        if (!o->edges.v || o->edges.n < 2) {
            st = nplot__fail(fig, ND_EVALUE, "%s: 'edges' needs at least 2 bin edges, got %zu", who,
                             o->edges.n);
            goto done;
        }
        if (!(ae = nd_from_f64(o->edges.v, (ptrdiff_t)o->edges.n))) goto nd_fail;
        ho.edges = ae;
    }
    /* the values are only read: wrap them instead of copying (a million values are 8 MB) */
    ptrdiff_t len = (ptrdiff_t)m;
    static double none[1];
    if (!ux) ux = none; /* nd_wrap wants a buffer even for no values */
    if (w && !uw) uw = none;
    if (!(ax = nd_wrap((void *)ux, 1, &len, NULL, ND_FLOAT64, NULL, NULL))) goto nd_fail;
    if (w) {
        if (!(aw = nd_wrap((void *)uw, 1, &len, NULL, ND_FLOAT64, NULL, NULL))) goto nd_fail;
        ho.weights = aw;
    }
    if (nd_histogram_(ax, &h, &e, &ho)) goto nd_fail;
    size_t nb = (size_t)nd_size(h);
    *counts = nd_malloc(sizeof(double) * (nb ? nb : 1), who);
    *edges = nd_malloc(sizeof(double) * (nb + 1), who);
    if (!*counts || !*edges) {
        st = nplot__fail(fig, ND_ENOMEM, "%s: out of memory", who);
        goto done;
    }
    if ((nb && nd_to_f64(h, *counts)) || nd_to_f64(e, *edges)) goto nd_fail;
    *nbins = nb;
    goto done;
nd_fail:
    st = nplot__fail(fig, nd_last_error() ? nd_last_error() : ND_EVALUE, "%s: %s", who, nd_errmsg());
done:
    if (st) {
        nd_free_mem(*counts);
        nd_free_mem(*edges);
        *counts = *edges = NULL;
    }
    nd_free_mem(fx);
    nd_free_mem(fw);
    nd_free(ax);
    nd_free(aw);
    nd_free(ae);
    nd_free(h);
    nd_free(e);
    return st;
}

/* histtype 'bar': the nb bins as bars of relative width o->rwidth. */
static nd_status hist_bars(nplot_axes *ax, bool horiz, const double *counts, const double *edges,
                           size_t nb, const nplot_hist_opts *o, const rgba *color, const char *who)
{
    nplot_figure *fig = ax->fig;
    nd_status st;
    double rw = NPLOT_OPT(o->rwidth, 1);
    double *pos = nd_malloc(sizeof(double) * (nb + 1), who);
    double *wid = nd_malloc(sizeof(double) * (nb + 1), who);
    if (!pos || !wid) {
        st = nplot__fail(fig, ND_ENOMEM, "%s: out of memory", who);
        goto done;
    }
    for (size_t i = 0; i < nb; i++) {
        pos[i] = (edges[i] + edges[i + 1]) / 2;
        wid[i] = (edges[i + 1] - edges[i]) * rw;
    }
    nplot_bar_opts bo = { .widths = NPLOT_F64_ARRAY(wid, nb), .bottom = o->bottom, .left = o->bottom,
                          .edgecolor = o->edgecolor, .linewidth = o->linewidth,
                          .label = o->label, .alpha = o->alpha, .zorder = o->zorder };
    st = bars(ax, horiz, pos, NULL, counts, nb, &bo, color, who);
done:
    nd_free_mem(pos);
    nd_free_mem(wid);
    return st;
}

/* histtype 'step' (a line) or 'stepfilled' (a patch): the outline of the nb bins. */
static nd_status hist_outline(nplot_axes *ax, bool horiz, int type, const double *counts,
                              const double *edges, size_t nb, const nplot_hist_opts *o, rgba color,
                              rgba edge, const char *who)
{
    nplot_figure *fig = ax->fig;
    nd_status st = ND_OK;
    /* the outline: up the left edge, along each bin top, down the right edge */
    size_t nv = 2 * nb + 2;
    double *vx = nd_malloc(sizeof(double) * nv, who);
    double *vy = nd_malloc(sizeof(double) * nv, who);
    if (!vx || !vy) {
        st = nplot__fail(fig, ND_ENOMEM, "%s: out of memory", who);
        goto done;
    }
    size_t k = 0;
    double b = o->bottom;
    vx[k] = edges[0], vy[k++] = b;
    for (size_t i = 0; i < nb; i++) {
        vx[k] = edges[i], vy[k++] = b + counts[i];
        vx[k] = edges[i + 1], vy[k++] = b + counts[i];
    }
    vx[k] = nb ? edges[nb] : edges[0], vy[k++] = b;
    double *px = horiz ? vy : vx, *py = horiz ? vx : vy;
    artist *a;
    if (type == HT_STEPFILLED) {
        a = nplot__patches_new(ax, px, py, k, 1, &color, who);
        if (!a) {
            st = fig->status;
            goto done;
        }
        a->has_edge = o->edgecolor != NULL;
        a->edge = edge;
        a->edge_lw = NPLOT_OPT(o->linewidth, 1.0);
        a->zorder = o->zorder ? o->zorder : 1;
    } else {
        a = nplot__artist_add(ax, ART_LINE, who);
        if (!a) {
            st = fig->status;
            goto done;
        }
        a->n = k;
        if (!(a->x = nplot__copy_or_index(fig, px, k, who)) ||
            !(a->y = nplot__copy_or_index(fig, py, k, who))) {
            st = fig->status;
            goto done;
        }
        a->lp = (line_props){ .color = color, .lw = NPLOT_OPT(o->linewidth, 1.0),
                              .ls = LS_SOLID, .marker = MK_NONE, .markevery = 1 };
        a->zorder = o->zorder ? o->zorder : 2;
        /* the legend shows an unfilled patch, as matplotlib's step histogram does */
        a->legend_kind = LEGEND_PATCH;
        a->has_edge = true;
        a->edge = color;
        a->edge_lw = a->lp.lw;
    }
    a->alpha = NPLOT_OPT(o->alpha, 1);
    if (o->label && !(a->label = nplot__strdup(fig, o->label, who))) {
        st = fig->status;
        goto done;
    }
    if ((st = nplot__add_sticky(ax, horiz, b, who))) goto done;
    nplot__update_datalim(ax, a);
done:
    nd_free_mem(vx);
    nd_free_mem(vy);
    return st;
}

static nd_status hist_impl(nplot_axes *ax, const double *x, const double *w, size_t n,
                           const nplot_hist_opts *o, const char *who)
{
    CHECK_AX(ax, who);
    nplot_figure *fig = ax->fig;
    if (n > 0 && !x) return nplot__fail(fig, ND_EVALUE, "%s: x is NULL", who);
    int type = HT_BAR;
    if (o->histtype) {
        if (!strcmp(o->histtype, "step")) type = HT_STEP;
        else if (!strcmp(o->histtype, "stepfilled")) type = HT_STEPFILLED;
        else if (strcmp(o->histtype, "bar"))
            return nplot__fail(fig, ND_EVALUE, "%s: histtype must be 'bar', 'step' or 'stepfilled', "
                                               "got '%s'", who, o->histtype);
    }
    bool horiz = false;
    if (o->orientation) {
        if (!strcmp(o->orientation, "horizontal")) horiz = true;
        else if (strcmp(o->orientation, "vertical"))
            return nplot__fail(fig, ND_EVALUE, "%s: orientation must be 'vertical' or 'horizontal', "
                                               "got '%s'", who, o->orientation);
    }
    if (o->rwidth < 0 || o->rwidth > 1 || !isfinite(o->bottom))
        return nplot__fail(fig, ND_EVALUE, "%s: rwidth must be in [0, 1] and bottom finite", who);
    if (o->alpha < 0 || o->alpha > 1 || o->linewidth < 0)
        return nplot__fail(fig, ND_EVALUE, "%s: alpha must be in [0, 1] and linewidth >= 0", who);
    rgba color;
    if (o->color) {
        if (nplot__color(o->color, fig->style, &color, who)) return nplot__fail(fig, ND_EVALUE, "%s", nd_errmsg());
    }
    rgba edge = { 0, 0, 0, 1 };
    if (o->edgecolor && nplot__color(o->edgecolor, fig->style, &edge, who))
        return nplot__fail(fig, ND_EVALUE, "%s", nd_errmsg());
    double *counts, *edges;
    size_t nb = 0;
    nd_status st = hist_counts(fig, x, w, n, o, &counts, &edges, &nb, who);
    if (st) return st;
    if (!o->color) color = nplot__next_line_color(ax); /* matplotlib: the line cycle */
    if (o->cumulative) {
        if (o->density)
            for (size_t i = 0; i < nb; i++) counts[i] *= edges[i + 1] - edges[i];
        if (o->cumulative > 0)
            for (size_t i = 1; i < nb; i++) counts[i] += counts[i - 1];
        else if (nb > 0)
            for (size_t i = nb - 1; i-- > 0;) counts[i] += counts[i + 1];
    }
    if (type == HT_BAR) st = hist_bars(ax, horiz, counts, edges, nb, o, &color, who);
    else st = hist_outline(ax, horiz, type, counts, edges, nb, o, color, edge, who);
    if (st) goto done;
    if (o->counts_out && !(*o->counts_out = nd_from_f64(counts, (ptrdiff_t)nb)))
        st = nplot__fail(fig, ND_ENOMEM, "%s: out of memory", who);
    if (!st && o->edges_out && !(*o->edges_out = nd_from_f64(edges, (ptrdiff_t)nb + 1)))
        st = nplot__fail(fig, ND_ENOMEM, "%s: out of memory", who);
done:
    nd_free_mem(counts);
    nd_free_mem(edges);
    return st;
}

nd_status nplot_hist_xy_(nplot_axes *ax, const double *x, size_t n, const nplot_hist_opts *o)
{
    o = NPLOT__OPTS(o, nplot_hist_opts);
    if (ax && o->weights_arr)
        return nplot__fail(ax->fig, ND_EVALUE, "nplot_hist_xy: use weights (a C array) with C arrays");
    nd_status st;
    if (ax && (st = NPLOT__CHECK_LEN(ax->fig, "nplot_hist", "weights", o->weights, n, "x has")))
        return st;
    return hist_impl(ax, x, o->weights.v, n, o, "nplot_hist");
}

static nd_status hist_array(nplot_axes *ax, const nd_array *x, const nplot_hist_opts *o,
                            const char *who)
{
    CHECK_AX(ax, who);
    o = NPLOT__OPTS(o, nplot_hist_opts);
    if (!x) return nplot__fail(ax->fig, ND_EVALUE, "%s: x is NULL", who);
    double *xs = NULL, *ws = NULL;
    size_t nx = 0, nw = 0;
    const double *ux;
    nd_status st = ND_OK;
    if (nd_dtype_of(x) == ND_FLOAT64 && nd_is_c_contiguous(x)) {
        ux = nd_data(x); /* read in place */
        nx = (size_t)nd_size(x);
    } else {
        st = nplot__to_f64(ax->fig, x, &xs, &nx, "x", who);
        ux = xs;
    }
    if (!st) st = nplot__to_f64(ax->fig, o->weights_arr, &ws, &nw, "weights", who);
    if (!st && o->weights_arr && nw != nx)
        st = nplot__fail(ax->fig, ND_ESHAPE, "%s: weights must have the same length as x, got %zu "
                                             "and %zu", who, nw, nx);
    if (!st && !o->weights_arr)
        st = NPLOT__CHECK_LEN(ax->fig, who, "weights", o->weights, nx, "x has");
    if (!st) st = hist_impl(ax, ux, ws ? ws : o->weights.v, nx, o, who);
    nd_free_mem(xs);
    nd_free_mem(ws);
    return st;
}

nd_status nplot_hist_(nplot_axes *ax, const nd_array *x, const nplot_hist_opts *o)
{
    return hist_array(ax, x, o, "nplot_hist");
}

/* masked form: masked values are NaN, which hist_impl drops together with their weights */
nd_status nplot_hist_ma_(nplot_axes *ax, const nd_marray *x, const nplot_hist_opts *o)
{
    static const char *who = "nplot_hist_ma";
    CHECK_AX(ax, who);
    nd_array *xa;
    nd_status st = nplot__ma_nan(ax->fig, x, &xa, "x", who);
    if (!st) st = hist_array(ax, xa, o, who);
    nd_free(xa);
    return st;
}
