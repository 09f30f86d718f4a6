/* Creating line-like artists from C arrays: plot, step, axhline/axvline, spans, errorbar,
 * stem, and their nd_array forms. */
#include "plot_model.h"
#include "dates.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

double *nplot__copy_or_index(nplot_figure *fig, const double *x, size_t n, const char *who)
{
    double *c = nd_malloc(sizeof(double) * (n ? n : 1), who);
    if (!c) {
        nplot__fail(fig, ND_ENOMEM, "%s: out of memory copying %zu values", who, n);
        return NULL;
    }
    if (x) memcpy(c, x, sizeof(double) * n);
    else for (size_t i = 0; i < n; i++) c[i] = (double)i;
    return c;
}

static int parse_drawstyle(const char *s)
{
    if (!s || !strcmp(s, "default")) return 0;
    if (!strcmp(s, "steps-pre") || !strcmp(s, "steps")) return 1;
    if (!strcmp(s, "steps-mid")) return 2;
    if (!strcmp(s, "steps-post")) return 3;
    return -1;
}

/* Resolve line properties from options + format string. `color` may be preset by the
 * caller (has_color) — otherwise the cycle gives one. */
nd_status nplot__line_props(nplot_axes *ax, const nplot_line_opts *o, line_props *lp,
                            double *alpha, const char *who)
{
    nplot_figure *fig = ax->fig;
    const nplot__style *st = fig->style;
    fmt_spec fs;
    if (nplot__parse_fmt(o->fmt, st, &fs, who)) return nplot__fail(fig, ND_EVALUE, "%s", nd_errmsg());
    memset(lp, 0, sizeof *lp);
    int ci = -1; /* the cycle entry the color came from */
    if (o->color) {
        if (nplot__color(o->color, st, &lp->color, who))
            return nplot__fail(fig, ND_EVALUE, "%s", nd_errmsg());
    } else if (fs.has_color) {
        lp->color = fs.color;
    } else {
        ci = ax->line_cycle;
        lp->color = nplot__next_line_color(ax);
        rgba c;
        /* a cycle without colors: Line2D's own default, lines.color 'C0' */
        if (ax->pcycle && !nplot__pcycle_color(ax, ci, &c)) lp->color = st->cycle[0];
    }
    lp->ls = st->linestyle; /* lines.linestyle */
    if (fs.linestyle >= 0) lp->ls = fs.linestyle;
    if (o->linestyle) {
        int ls = nplot__linestyle_parse(o->linestyle);
        if (ls < 0) return nplot__fail(fig, ND_EVALUE, "%s: unknown linestyle '%s'", who, o->linestyle);
        lp->ls = ls;
    }
    if (o->dashes.v || o->dashes.n) {
        size_t nd = o->dashes.n;
        const double *dv = o->dashes.v;
        if (!dv || nd == 0 || nd > 16 || nd % 2)
            return nplot__fail(fig, ND_EVALUE,
                               "%s: 'dashes' needs an even count of on/off lengths <= 16, got %zu",
                               who, nd);
        double sum = 0;
        for (size_t i = 0; i < nd; i++) {
            if (!(dv[i] >= 0) || !isfinite(dv[i]))
                return nplot__fail(fig, ND_EVALUE, "%s: dash length %g is invalid", who, dv[i]);
            sum += dv[i];
        }
        if (sum <= 0) return nplot__fail(fig, ND_EVALUE, "%s: dashes are all zero", who);
        lp->dashes = nd_malloc(sizeof(double) * nd, who);
        if (!lp->dashes) return nplot__fail(fig, ND_ENOMEM, "%s: out of memory", who);
        memcpy(lp->dashes, dv, sizeof(double) * nd);
        lp->ndashes = (int)nd;
        if (lp->ls == LS_SOLID) lp->ls = LS_DASHED;
    }
    int fstyle = nplot__fillstyle_parse(o->fillstyle);
    rgba alt = { 0, 0, 0, 0 };
    if (fstyle < 0) {
        nd_free_mem(lp->dashes);
        return nplot__fail(fig, ND_EVALUE, "%s: fillstyle must be 'full', 'left', 'right', "
                                           "'bottom', 'top' or 'none', got '%s'", who, o->fillstyle);
    }
    if (o->markerfacecoloralt && nplot__color(o->markerfacecoloralt, st, &alt, who)) {
        nd_free_mem(lp->dashes);
        return nplot__fail(fig, ND_EVALUE, "%s", nd_errmsg());
    }
    int m = nplot__marker_resolve(o->marker, o->marker_verts.v, o->marker_verts.n, fstyle, alt, false,
                                  fs.marker >= 0 ? fs.marker : MK_NONE, who);
    if (m < 0) {
        nd_free_mem(lp->dashes);
        return nplot__fail(fig, nd_last_error(), "%s", nd_errmsg());
    }
    lp->marker = m;
    if (o->linewidth < 0 || o->markersize < 0 || o->markeredgewidth < 0 || o->alpha < 0 ||
        o->alpha > 1 || !isfinite(o->linewidth) || !isfinite(o->markersize)) {
        nd_free_mem(lp->dashes);
        return nplot__fail(fig, ND_EVALUE, "%s: linewidth, markersize, markeredgewidth must be "
                                           ">= 0 and alpha in [0, 1]", who);
    }
    lp->lw = NPLOT_OPT(o->linewidth, st->linewidth);
    lp->ms = NPLOT_OPT(o->markersize, st->markersize);
    lp->mew = NPLOT_OPT(o->markeredgewidth, 1.0);
    /* an axes' own prop cycle gives what neither the options nor fmt did */
    const bool given[5] = { o->color || fs.has_color, fs.linestyle >= 0 || o->linestyle || o->dashes.n,
                            o->marker || fs.marker >= 0 || o->marker_verts.n, o->linewidth > 0,
                            o->markersize > 0 };
    nplot__pcycle_line(ax, ci, lp, given);
    lp->mfc = lp->mec = lp->color;
    if (o->markerfacecolor && nplot__color(o->markerfacecolor, st, &lp->mfc, who)) {
        nd_free_mem(lp->dashes);
        return nplot__fail(fig, ND_EVALUE, "%s", nd_errmsg());
    }
    if (o->markeredgecolor && nplot__color(o->markeredgecolor, st, &lp->mec, who)) {
        nd_free_mem(lp->dashes);
        return nplot__fail(fig, ND_EVALUE, "%s", nd_errmsg());
    }
    lp->markevery = NPLOT_OPT(o->markevery, 1);
    lp->drawstyle = parse_drawstyle(o->drawstyle);
    if (lp->drawstyle < 0) {
        nd_free_mem(lp->dashes);
        return nplot__fail(fig, ND_EVALUE, "%s: unknown drawstyle '%s'", who, o->drawstyle);
    }
    *alpha = NPLOT_OPT(o->alpha, 1);
    return ND_OK;
}

/* Buffers of the caller's (nd_malloc'd float64 copies of x and y) that a line takes
 * instead of copying them again: xy[i] becomes NULL once taken. lim: the extents of both,
 * found while copying them (every value finite), or NULL. */
typedef struct line_own {
    double *xy[2];
    const nplot__extent *lim;
} line_own;

/* A line artist with copies of x (NULL → 0..n-1) and y, or the caller's own ones. */
static nd_status add_line_own(nplot_axes *ax, const double *x, const double *y, size_t n,
                              const nplot_line_opts *o, int drawstyle, artist **out, line_own *own,
                              const char *who)
{
    CHECK_AX(ax, who);
    o = NPLOT__OPTS(o, nplot_line_opts);
    if (n > 0 && !y) return nplot__fail(ax->fig, ND_EVALUE, "%s: y is NULL", who);
    line_props lp;
    double alpha;
    nd_status st = nplot__line_props(ax, o, &lp, &alpha, who);
    if (st) return st;
    if (drawstyle) lp.drawstyle = drawstyle;
    artist *a = nplot__artist_add(ax, ART_LINE, who);
    if (!a) {
        nd_free_mem(lp.dashes);
        return ax->fig->status;
    }
    a->lp = lp;
    a->alpha = alpha;
    a->zorder = o->zorder ? o->zorder : 2;
    a->n = n;
    bool took = own && own->xy[0] == x && own->xy[1] == y && x && y;
    if (own && own->xy[0] && own->xy[0] == x) a->x = own->xy[0], own->xy[0] = NULL;
    else if (!(a->x = nplot__copy_or_index(ax->fig, x, n, who))) return ax->fig->status;
    if (own && own->xy[1] && own->xy[1] == y) a->y = own->xy[1], own->xy[1] = NULL;
    else if (!(a->y = nplot__copy_or_index(ax->fig, y, n, who))) return ax->fig->status;
    if (o->label && !(a->label = nplot__strdup(ax->fig, o->label, who))) return ax->fig->status;
    if (took && own->lim) nplot__datalim_extent(ax, a, &own->lim[0], &own->lim[1]);
    else nplot__update_datalim(ax, a);
    if (out) *out = a;
    return ND_OK;
}

static nd_status add_line(nplot_axes *ax, const double *x, const double *y, size_t n,
                          const nplot_line_opts *o, int drawstyle, artist **out, const char *who)
{
    return add_line_own(ax, x, y, n, o, drawstyle, out, NULL, who);
}

static nd_status plot_own(nplot_axes *ax, const double *x, const double *y, size_t n,
                          const nplot_line_opts *o, line_own *own)
{
    return add_line_own(ax, x, y, n, o, 0, NULL, own, "nplot_plot");
}

nd_status nplot_plot_xy_(nplot_axes *ax, const double *x, const double *y, size_t n,
                              const nplot_line_opts *o)
{
    return plot_own(ax, x, y, n, o, NULL);
}

static int step_where(const nplot_line_opts *o)
{
    if (!o || !o->where || !strcmp(o->where, "pre")) return 1;
    if (!strcmp(o->where, "mid")) return 2;
    if (!strcmp(o->where, "post")) return 3;
    return -1;
}

static nd_status step_own(nplot_axes *ax, const double *x, const double *y, size_t n,
                          const nplot_line_opts *o, line_own *own)
{
    static const char *who = "nplot_step";
    CHECK_AX(ax, who);
    int w = step_where(o);
    if (w < 0) return nplot__fail(ax->fig, ND_EVALUE, "%s: where must be 'pre', 'post' or 'mid', "
                                                      "got '%s'", who, o->where);
    return add_line_own(ax, x, y, n, o, w, NULL, own, who);
}

nd_status nplot_step_xy_(nplot_axes *ax, const double *x, const double *y, size_t n,
                              const nplot_line_opts *o)
{
    return step_own(ax, x, y, n, o, NULL);
}

/* ---- reference lines and spans ---------------------------------------------------------------- */
static nd_status refline(nplot_axes *ax, bool horizontal, double v, const nplot_refline_opts *o,
                         const char *who)
{
    CHECK_AX(ax, who);
    o = NPLOT__OPTS(o, nplot_refline_opts);
    if (!isfinite(v)) return nplot__fail(ax->fig, ND_EVALUE, "%s: position must be finite, got %g", who, v);
    double lo = o->min, hi = o->max ? o->max : 1;
    /* matplotlib's reference lines take lines.color (C0), not the next cycle color */
    nplot_line_opts lo_ = { .color = o->color ? o->color : "C0", .linestyle = o->linestyle,
                            .linewidth = o->linewidth, .alpha = o->alpha, .label = o->label,
                            .zorder = o->zorder };
    double xs[2], ys[2];
    if (horizontal) {
        xs[0] = lo, xs[1] = hi, ys[0] = ys[1] = v;
    } else {
        ys[0] = lo, ys[1] = hi, xs[0] = xs[1] = v;
    }
    artist *a;
    nd_status st = add_line(ax, NULL, NULL, 0, &lo_, 0, &a, who);
    if (st) return st;
    nd_free_mem(a->x);
    nd_free_mem(a->y);
    a->x = a->y = NULL;
    a->n = 0;
    if (!(a->x = nplot__copy_or_index(ax->fig, xs, 2, who))) return ax->fig->status;
    if (!(a->y = nplot__copy_or_index(ax->fig, ys, 2, who))) return ax->fig->status;
    a->n = 2;
    if (horizontal) a->xcoord = COORD_AXES;
    else a->ycoord = COORD_AXES;
    nplot__update_datalim(ax, a);
    return ND_OK;
}

nd_status nplot_axhline_(nplot_axes *ax, double y, const nplot_refline_opts *o)
{
    return refline(ax, true, y, o, "nplot_axhline");
}

nd_status nplot_axvline_(nplot_axes *ax, double x, const nplot_refline_opts *o)
{
    return refline(ax, false, x, o, "nplot_axvline");
}

static nd_status span(nplot_axes *ax, bool horizontal, double v0, double v1,
                      const nplot_refline_opts *o, const char *who)
{
    CHECK_AX(ax, who);
    o = NPLOT__OPTS(o, nplot_refline_opts);
    if (!isfinite(v0) || !isfinite(v1))
        return nplot__fail(ax->fig, ND_EVALUE, "%s: span limits must be finite, got %g, %g", who, v0, v1);
    const nplot__style *st = ax->fig->style;
    rgba face = st->patch_face, edge = { 0, 0, 0, 0 };
    const char *fc = o->facecolor ? o->facecolor : o->color;
    if (fc && nplot__color(fc, st, &face, who)) return nplot__fail(ax->fig, ND_EVALUE, "%s", nd_errmsg());
    if (o->edgecolor && nplot__color(o->edgecolor, st, &edge, who))
        return nplot__fail(ax->fig, ND_EVALUE, "%s", nd_errmsg());
    if (o->alpha < 0 || o->alpha > 1)
        return nplot__fail(ax->fig, ND_EVALUE, "%s: alpha must be in [0, 1], got %g", who, o->alpha);
    artist *a = nplot__artist_add(ax, ART_POLY, who);
    if (!a) return ax->fig->status;
    double lo = o->min, hi = o->max ? o->max : 1;
    double xs[4], ys[4];
    if (horizontal) {
        double px[4] = { lo, hi, hi, lo }, py[4] = { v0, v0, v1, v1 };
        memcpy(xs, px, sizeof xs);
        memcpy(ys, py, sizeof ys);
        a->xcoord = COORD_AXES;
    } else {
        double px[4] = { v0, v1, v1, v0 }, py[4] = { lo, lo, hi, hi };
        memcpy(xs, px, sizeof xs);
        memcpy(ys, py, sizeof ys);
        a->ycoord = COORD_AXES;
    }
    a->n = 4;
    if (!(a->x = nplot__copy_or_index(ax->fig, xs, 4, who))) return ax->fig->status;
    if (!(a->y = nplot__copy_or_index(ax->fig, ys, 4, who))) return ax->fig->status;
    a->face = face;
    a->has_face = true;
    a->edge = edge;
    a->has_edge = o->edgecolor != NULL;
    a->edge_lw = NPLOT_OPT(o->linewidth, 1);
    a->alpha = NPLOT_OPT(o->alpha, 1);
    a->zorder = o->zorder ? o->zorder : 1;
    a->legend_kind = LEGEND_PATCH;
    if (o->label && !(a->label = nplot__strdup(ax->fig, o->label, who))) return ax->fig->status;
    nplot__update_datalim(ax, a);
    return ND_OK;
}

nd_status nplot_axhspan_(nplot_axes *ax, double y0, double y1, const nplot_refline_opts *o)
{
    return span(ax, true, y0, y1, o, "nplot_axhspan");
}

nd_status nplot_axvspan_(nplot_axes *ax, double x0, double x1, const nplot_refline_opts *o)
{
    return span(ax, false, x0, x1, o, "nplot_axvspan");
}

/* ---- errorbar ------------------------------------------------------------------------------------- */
/* err: lower[i], upper[i] for each point, or NULL. */
nd_status nplot__errorbar(nplot_axes *ax, const double *x, const double *y, size_t n,
                          const double *xlo, const double *xhi, const double *ylo,
                          const double *yhi, const nplot_errorbar_opts *o, const char *who)
{
    CHECK_AX(ax, who);
    nplot_figure *fig = ax->fig;
    const nplot__style *st = fig->style;
    if (o->capsize < 0 || o->elinewidth < 0 || o->capthick < 0)
        return nplot__fail(fig, ND_EVALUE, "%s: capsize, elinewidth, capthick must be >= 0", who);
    bool no_line = o->fmt && !strcmp(o->fmt, "none");
    nplot_line_opts lo = { .fmt = no_line ? NULL : o->fmt, .color = o->color, .label = o->label,
                           .marker = o->marker, .markersize = o->markersize,
                           .linewidth = o->linewidth, .alpha = o->alpha, .zorder = 2.1 };
    artist *line;
    nd_status s = add_line(ax, x, y, n, &lo, 0, &line, who);
    if (s) return s;
    if (no_line) {
        line->lp.ls = LS_NONE;
        line->lp.marker = MK_NONE;
    }
    line->legend_kind = LEGEND_ERRORBAR;
    rgba ec = line->lp.color;
    if (o->ecolor && nplot__color(o->ecolor, st, &ec, who))
        return nplot__fail(fig, ND_EVALUE, "%s", nd_errmsg());
    double elw = NPLOT_OPT(o->elinewidth, line->lp.lw);
    /* bars: 2 vertices per segment */
    size_t nseg = 0;
    for (size_t i = 0; i < n; i++) nseg += (ylo != NULL) + (xlo != NULL);
    artist *bars = nplot__artist_add(ax, ART_SEGMENTS, who);
    if (!bars) return fig->status;
    bars->x = nd_malloc(sizeof(double) * (2 * nseg + 1), who);
    bars->y = nd_malloc(sizeof(double) * (2 * nseg + 1), who);
    if (!bars->x || !bars->y) return nplot__fail(fig, ND_ENOMEM, "%s: out of memory", who);
    size_t k = 0;
    for (size_t i = 0; i < n; i++) {
        double xi = x ? x[i] : (double)i;
        if (ylo) {
            bars->x[k] = xi, bars->y[k++] = y[i] - ylo[i];
            bars->x[k] = xi, bars->y[k++] = y[i] + yhi[i];
        }
        if (xlo) {
            bars->x[k] = xi - xlo[i], bars->y[k++] = y[i];
            bars->x[k] = xi + xhi[i], bars->y[k++] = y[i];
        }
    }
    bars->n = k;
    bars->lp.color = ec;
    bars->lp.lw = elw;
    bars->lp.ls = LS_SOLID;
    bars->alpha = line->alpha;
    bars->zorder = 2;
    nplot__update_datalim(ax, bars);
    if (o->capsize > 0) {
        /* caps are markers: '_' at the ends of vertical bars, '|' for horizontal ones */
        for (int dir = 0; dir < 2; dir++) {
            if (dir == 0 ? !ylo : !xlo) continue;
            artist *caps = nplot__artist_add(ax, ART_LINE, who);
            if (!caps) return fig->status;
            caps->x = nd_malloc(sizeof(double) * (2 * n + 1), who);
            caps->y = nd_malloc(sizeof(double) * (2 * n + 1), who);
            if (!caps->x || !caps->y) return nplot__fail(fig, ND_ENOMEM, "%s: out of memory", who);
            for (size_t i = 0; i < n; i++) {
                double xi = x ? x[i] : (double)i;
                if (dir == 0) {
                    caps->x[2 * i] = caps->x[2 * i + 1] = xi;
                    caps->y[2 * i] = y[i] - ylo[i];
                    caps->y[2 * i + 1] = y[i] + yhi[i];
                } else {
                    caps->y[2 * i] = caps->y[2 * i + 1] = y[i];
                    caps->x[2 * i] = xi - xlo[i];
                    caps->x[2 * i + 1] = xi + xhi[i];
                }
            }
            caps->n = 2 * n;
            caps->lp.ls = LS_NONE;
            caps->lp.marker = dir == 0 ? MK_HLINE : MK_VLINE;
            caps->lp.ms = 2 * o->capsize;
            /* matplotlib: capthick, else rc lines.markeredgewidth (1.0); not elinewidth */
            caps->lp.mew = NPLOT_OPT(o->capthick, 1.0);
            caps->lp.mfc = caps->lp.mec = caps->lp.color = ec;
            caps->lp.markevery = 1;
            caps->alpha = line->alpha;
            caps->zorder = 2;
        }
    }
    return ND_OK;
}

nd_status nplot_errorbar_xy_(nplot_axes *ax, const double *x, const double *y, size_t n,
                                  const nplot_errorbar_opts *o)
{
    static const char *who = "nplot_errorbar";
    CHECK_AX(ax, who);
    o = NPLOT__OPTS(o, nplot_errorbar_opts);
    if (n > 0 && !y) return nplot__fail(ax->fig, ND_EVALUE, "%s: y is NULL", who);
    if (o->yerr || o->xerr)
        return nplot__fail(ax->fig, ND_EVALUE, "%s: use yerr_f64/xerr_f64 (or nplot_errorbar with "
                                               "arrays) for per-point errors", who);
    if (NPLOT__CHECK_LEN(ax->fig, who, "yerr", o->yerr_f64, n, "x and y have") ||
        NPLOT__CHECK_LEN(ax->fig, who, "xerr", o->xerr_f64, n, "x and y have"))
        return ax->fig->status;
    double *buf = nd_malloc(sizeof(double) * (2 * n + 1), who);
    if (!buf) return nplot__fail(ax->fig, ND_ENOMEM, "%s: out of memory", who);
    double *ye = NULL, *xe = NULL;
    bool has_y = o->yerr_f64.v || o->yerr_value, has_x = o->xerr_f64.v || o->xerr_value;
    if (has_y) ye = buf;
    if (has_x) xe = buf + n;
    for (size_t i = 0; i < n; i++) {
        if (ye) ye[i] = o->yerr_f64.v ? o->yerr_f64.v[i] : o->yerr_value;
        if (xe) xe[i] = o->xerr_f64.v ? o->xerr_f64.v[i] : o->xerr_value;
        if ((ye && !(ye[i] >= 0) && !isnan(ye[i])) || (xe && !(xe[i] >= 0) && !isnan(xe[i]))) {
            nd_free_mem(buf);
            return nplot__fail(ax->fig, ND_EVALUE, "%s: error values must be >= 0 (point %zu)", who, i);
        }
    }
    artist *before = ax->last_artist;
    nd_status st = nplot__errorbar(ax, x, y, n, xe, xe, ye, ye, o, who);
    if (!st) st = nplot__container_note(ax, before, CONT_ERRORBAR, who);
    nd_free_mem(buf);
    return st;
}

/* ---- stem ------------------------------------------------------------------------------------------ */
static nd_status stem_draw(nplot_axes *ax, const double *x, const double *y, size_t n,
                           const nplot_stem_opts *o, const char *who);

/* matplotlib's StemContainer: the markers, stems and baseline registered as one */
nd_status nplot_stem_xy_(nplot_axes *ax, const double *x, const double *y, size_t n,
                              const nplot_stem_opts *o)
{
    static const char *who = "nplot_stem";
    CHECK_AX(ax, who);
    artist *before = ax->last_artist;
    nd_status st = stem_draw(ax, x, y, n, o, who);
    return st ? st : nplot__container_note(ax, before, CONT_STEM, who);
}

static nd_status stem_draw(nplot_axes *ax, const double *x, const double *y, size_t n,
                           const nplot_stem_opts *o, const char *who)
{
    o = NPLOT__OPTS(o, nplot_stem_opts);
    if (n > 0 && !y) return nplot__fail(ax->fig, ND_EVALUE, "%s: y is NULL", who);
    nplot_figure *fig = ax->fig;
    const nplot__style *st = fig->style;
    fmt_spec lf, mf, bf;
    if (nplot__parse_fmt(o->linefmt ? o->linefmt : "C0-", st, &lf, who) ||
        nplot__parse_fmt(o->markerfmt ? o->markerfmt : "C0o", st, &mf, who) ||
        nplot__parse_fmt(o->basefmt ? o->basefmt : "C3-", st, &bf, who))
        return nplot__fail(fig, ND_EVALUE, "%s", nd_errmsg());
    double bottom = o->bottom;
    bool hz = o->horizontal;
    /* stems */
    artist *stems = nplot__artist_add(ax, ART_SEGMENTS, who);
    if (!stems) return fig->status;
    stems->x = nd_malloc(sizeof(double) * (2 * n + 1), who);
    stems->y = nd_malloc(sizeof(double) * (2 * n + 1), who);
    if (!stems->x || !stems->y) return nplot__fail(fig, ND_ENOMEM, "%s: out of memory", who);
    double xmin = INFINITY, xmax = -INFINITY;
    for (size_t i = 0; i < n; i++) {
        double xi = x ? x[i] : (double)i;
        if (isfinite(xi)) xmin = fmin(xmin, xi), xmax = fmax(xmax, xi);
        double *A = hz ? stems->y : stems->x, *B = hz ? stems->x : stems->y;
        A[2 * i] = A[2 * i + 1] = xi;
        B[2 * i] = bottom;
        B[2 * i + 1] = y[i];
    }
    stems->n = 2 * n;
    stems->lp.color = lf.has_color ? lf.color : st->cycle[0];
    stems->lp.lw = st->linewidth;
    stems->lp.ls = lf.linestyle >= 0 ? lf.linestyle : LS_SOLID;
    stems->zorder = 2;
    nplot__update_datalim(ax, stems);
    /* markers */
    nplot_line_opts mo = { .linestyle = "None", .label = o->label, .zorder = 2.1 };
    const char *mk[] = { ".", ",", "o", "s", "^", "v", "<", ">", "1", "2", "3", "4", "D", "d",
                         "p", "h", "H", "*", "+", "x", "|", "_", "8", "P", "X" };
    mo.marker = "o";
    for (size_t i = 0; i < sizeof mk / sizeof *mk; i++)
        if (nplot__marker_parse(mk[i]) == mf.marker) mo.marker = mk[i];
    if (mf.marker == MK_NONE) mo.marker = "None";
    artist *ml;
    rgba mc = mf.has_color ? mf.color : st->cycle[0];
    nd_status s = add_line(ax, hz ? y : x, hz ? (x ? x : NULL) : y, n, &mo, 0, &ml, who);
    if (s) return s;
    if (hz && !x) for (size_t i = 0; i < n; i++) ml->y[i] = (double)i;
    ml->lp.color = ml->lp.mfc = ml->lp.mec = mc;
    ax->line_cycle--; /* stem does not advance the color cycle */
    ml->legend_kind = LEGEND_MARKER;
    /* baseline */
    if (n > 0 && isfinite(xmin)) {
        nplot_line_opts bo = { .zorder = 2.2 };
        double bx[2] = { xmin, xmax }, by[2] = { bottom, bottom };
        artist *bl;
        s = add_line(ax, hz ? by : bx, hz ? bx : by, 2, &bo, 0, &bl, who);
        if (s) return s;
        ax->line_cycle--;
        bl->lp.color = bf.has_color ? bf.color : st->cycle[3];
        bl->lp.ls = bf.linestyle >= 0 ? bf.linestyle : LS_SOLID;
    }
    return ND_OK;
}

/* ---- nd_array forms --------------------------------------------------------------------------------- */
/* plot_own or step_own: own holds the float64 copies the line may take */
typedef nd_status (*line_fn)(nplot_axes *, const double *, const double *, size_t,
                             const nplot_line_opts *, line_own *own);

/* x and y when both are 1-D float64 of one length (a long line's usual case): copied with
 * their extents found in the same pass (lim[0] x's, lim[1] y's, valid when *have_lim),
 * so the line's data limits need not read the copies again. False: not that case. */
static bool copy_plain_xy(nplot_axes *ax, const nd_array *x, const nd_array *y, double **xs, double **ys,
                          size_t *n, nplot__extent lim[2], bool *have_lim, nd_status *st, const char *who)
{
    if (!x || nd_dtype_of(x) != ND_FLOAT64 || nd_dtype_of(y) != ND_FLOAT64 || nd_ndim(x) != 1 ||
        nd_ndim(y) != 1 || !nd_is_c_contiguous(x) || !nd_is_c_contiguous(y) || nd_size(x) != nd_size(y))
        return false;
    *n = (size_t)nd_size(y);
    *xs = nd_malloc(sizeof(double) * (*n ? *n : 1), who);
    *ys = nd_malloc(sizeof(double) * (*n ? *n : 1), who);
    if (!*xs || !*ys) {
        *st = nplot__fail(ax->fig, ND_ENOMEM, "%s: out of memory copying %zu values", who, *n);
        return true;
    }
    bool fx = nplot__copy_extent(*xs, nd_data(x), *n, &lim[0]);
    bool fy = nplot__copy_extent(*ys, nd_data(y), *n, &lim[1]);
    *have_lim = fx && fy;
    return true;
}

static nd_status plot_arrays(nplot_axes *ax, const nd_array *x, const nd_array *y,
                             const nplot_line_opts *o, line_fn fn, const char *who)
{
    CHECK_AX(ax, who);
    if (!y) return nplot__fail(ax->fig, ND_EVALUE, "%s: y is NULL", who);
    o = NPLOT__OPTS(o, nplot_line_opts);
    int nd = nd_ndim(y);
    if (nd > 2) return nplot__fail(ax->fig, ND_ESHAPE, "%s: y must be 1-D or 2-D, got %d dimensions", who, nd);
    double *xs = NULL, *ys = NULL;
    size_t nx = 0, ny = 0;
    nplot__extent lim[2];
    bool have_lim = false;
    nd_status st = ND_OK;
    if (copy_plain_xy(ax, x, y, &xs, &ys, &ny, lim, &have_lim, &st, who)) {
        nx = ny;
    } else {
        st = nplot__axis_f64(ax, true, x, true, &xs, &nx, "x", who);
        if (!st) st = nplot__axis_f64(ax, false, y, true, &ys, &ny, "y", who);
    }
    if (st) goto done;
    if (x && nd_ndim(x) > 1) {
        st = nplot__fail(ax->fig, ND_ESHAPE, "%s: x must be 1-D, got %d dimensions", who, nd_ndim(x));
        goto done;
    }
    if (nd <= 1) {
        if (x && (st = nplot__lengths_match(ax->fig, nx, ny, "x", "y", who))) goto done;
        line_own own = { { xs, ys }, have_lim ? lim : NULL }; /* the line keeps these copies */
        st = fn(ax, xs, ys, ny, o, &own);
        xs = own.xy[0], ys = own.xy[1];
    } else {
        /* matplotlib: a 2-D y plots one line per column */
        size_t rows = (size_t)nd_shape(y)[0], cols = (size_t)nd_shape(y)[1];
        if (x && (st = nplot__lengths_match(ax->fig, nx, rows, "x", "y's first dimension", who))) goto done;
        double *col = nd_malloc(sizeof(double) * (rows ? rows : 1), who);
        if (!col) {
            st = nplot__fail(ax->fig, ND_ENOMEM, "%s: out of memory", who);
            goto done;
        }
        for (size_t c = 0; c < cols && !st; c++) {
            for (size_t r = 0; r < rows; r++) col[r] = ys[r * cols + c];
            nplot_line_opts oc = *o;
            if (c > 0) oc.label = NULL; /* one legend entry for the group (the first) */
            st = fn(ax, xs, col, rows, &oc, NULL);
        }
        nd_free_mem(col);
    }
done:
    nd_free_mem(xs);
    nd_free_mem(ys);
    return st;
}

nd_status nplot_plot_(nplot_axes *ax, const nd_array *x, const nd_array *y,
                           const nplot_line_opts *o)
{
    return plot_arrays(ax, x, y, o, plot_own, "nplot_plot");
}

nd_status nplot_step_(nplot_axes *ax, const nd_array *x, const nd_array *y,
                           const nplot_line_opts *o)
{
    return plot_arrays(ax, x, y, o, step_own, "nplot_step");
}

/* ---- masked forms: masked points become NaN, which breaks the line ----------------------------- */
static nd_status plot_masked(nplot_axes *ax, const nd_marray *x, const nd_marray *y,
                             const nplot_line_opts *o, line_fn fn, const char *who)
{
    CHECK_AX(ax, who);
    nd_array *xa, *ya = NULL;
    nd_status st = nplot__ma_nan(ax->fig, x, &xa, "x", who);
    if (!st) st = nplot__ma_nan(ax->fig, y, &ya, "y", who);
    if (!st) st = plot_arrays(ax, xa, ya, o, fn, who);
    nd_free(xa);
    nd_free(ya);
    return st;
}

nd_status nplot_plot_ma_(nplot_axes *ax, const nd_marray *x, const nd_marray *y,
                         const nplot_line_opts *o)
{
    return plot_masked(ax, x, y, o, plot_own, "nplot_plot_ma");
}

nd_status nplot_step_ma_(nplot_axes *ax, const nd_marray *x, const nd_marray *y,
                         const nplot_line_opts *o)
{
    return plot_masked(ax, x, y, o, step_own, "nplot_step_ma");
}

/* Error arrays: (n,) symmetric or (2, n) lower/upper. */
static nd_status err_arrays(nplot_figure *fig, const nd_array *e, size_t n, double **lo,
                            double **hi, double **owned, const char *what, const char *who)
{
    *lo = *hi = *owned = NULL;
    if (!e) return ND_OK;
    size_t m = 0;
    nd_status st = nplot__to_f64(fig, e, owned, &m, what, who);
    if (st) return st;
    if (nd_ndim(e) <= 1 && (m == n || m == 1)) {
        if (m == 1 && n > 1) {
            double v = (*owned)[0];
            nd_free_mem(*owned);
            *owned = nd_malloc(sizeof(double) * n, who);
            if (!*owned) return nplot__fail(fig, ND_ENOMEM, "%s: out of memory", who);
            for (size_t i = 0; i < n; i++) (*owned)[i] = v;
        }
        *lo = *hi = *owned;
    } else if (nd_ndim(e) == 2 && nd_shape(e)[0] == 2 && (size_t)nd_shape(e)[1] == n) {
        *lo = *owned;
        *hi = *owned + n;
    } else {
        return nplot__fail(fig, ND_ESHAPE, "%s: %s must have shape (%zu,) or (2, %zu)", who, what, n, n);
    }
    for (size_t i = 0; i < (*lo == *hi ? n : 2 * n); i++)
        if ((*owned)[i] < 0)
            return nplot__fail(fig, ND_EVALUE, "%s: %s has a negative value (%g)", who, what, (*owned)[i]);
    return ND_OK;
}

nd_status nplot_errorbar_(nplot_axes *ax, const nd_array *x, const nd_array *y,
                               const nplot_errorbar_opts *o)
{
    static const char *who = "nplot_errorbar";
    CHECK_AX(ax, who);
    o = NPLOT__OPTS(o, nplot_errorbar_opts);
    if (!y) return nplot__fail(ax->fig, ND_EVALUE, "%s: y is required", who);
    double *xs, *ys, *yo = NULL, *xo = NULL, *ylo, *yhi, *xlo, *xhi, *cst = NULL;
    size_t ny;
    nd_status st = nplot__axis_xy_f64(ax, false, false, x, y, &xs, &ys, &ny, "x", "y", who);
    if (!st) st = err_arrays(ax->fig, o->yerr, ny, &ylo, &yhi, &yo, "yerr", who);
    if (!st) st = err_arrays(ax->fig, o->xerr, ny, &xlo, &xhi, &xo, "xerr", who);
    if (!st && !o->yerr)
        st = NPLOT__CHECK_LEN(ax->fig, who, "yerr", o->yerr_f64, ny, "x and y have");
    if (!st && !o->xerr)
        st = NPLOT__CHECK_LEN(ax->fig, who, "xerr", o->xerr_f64, ny, "x and y have");
    bool y_c = !o->yerr && (o->yerr_value || o->yerr_f64.v);
    bool x_c = !o->xerr && (o->xerr_value || o->xerr_f64.v);
    if (!st && (y_c || x_c)) {
        cst = nd_malloc(sizeof(double) * (2 * ny + 1), who);
        if (!cst) st = nplot__fail(ax->fig, ND_ENOMEM, "%s: out of memory", who);
        for (size_t i = 0; !st && i < ny; i++) {
            cst[i] = o->yerr_f64.v ? o->yerr_f64.v[i] : o->yerr_value;
            cst[ny + i] = o->xerr_f64.v ? o->xerr_f64.v[i] : o->xerr_value;
        }
        if (!st && y_c) ylo = yhi = cst;
        if (!st && x_c) xlo = xhi = cst + ny;
    }
    artist *before = ax->last_artist;
    if (!st) st = nplot__errorbar(ax, xs, ys, ny, xlo, xhi, ylo, yhi, o, who);
    if (!st) st = nplot__container_note(ax, before, CONT_ERRORBAR, who);
    nd_free_mem(xs);
    nd_free_mem(ys);
    nd_free_mem(yo);
    nd_free_mem(xo);
    nd_free_mem(cst);
    return st;
}

nd_status nplot_stem_(nplot_axes *ax, const nd_array *x, const nd_array *y,
                           const nplot_stem_opts *o)
{
    static const char *who = "nplot_stem";
    CHECK_AX(ax, who);
    if (!y) return nplot__fail(ax->fig, ND_EVALUE, "%s: y is required", who);
    double *xs, *ys;
    size_t n;
    nd_status st = nplot__axis_xy_f64(ax, false, false, x, y, &xs, &ys, &n, "x", "y", who);
    if (!st) st = nplot_stem_xy_(ax, xs, ys, n, o);
    nd_free_mem(xs);
    nd_free_mem(ys);
    return st;
}
