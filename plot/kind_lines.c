/* Creating line-like artists from C arrays: plot, step, axhline/axvline, spans, errorbar,
 * stem. (nd_array front ends are in kind_common.c.) */
#include "plot_model.h"

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
    if (o->color) {
        if (nplot__color(o->color, st, &lp->color, who))
            return nplot__fail(fig, ND_EVALUE, "%s", nd_errmsg());
    } else if (fs.has_color) {
        lp->color = fs.color;
    } else {
        lp->color = nplot__next_line_color(ax);
    }
    lp->ls = LS_SOLID;
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
    lp->marker = fs.marker >= 0 ? fs.marker : MK_NONE;
    if (o->marker) {
        int m = nplot__marker_parse(o->marker);
        if (m < 0) {
            nd_free_mem(lp->dashes);
            return nplot__fail(fig, ND_EVALUE, "%s: unknown marker '%s'", who, o->marker);
        }
        lp->marker = m;
    }
    if (o->linewidth < 0 || o->markersize < 0 || o->markeredgewidth < 0 || o->alpha < 0 ||
        o->alpha > 1 || !isfinite(o->linewidth) || !isfinite(o->markersize)) {
        nd_free_mem(lp->dashes);
        return nplot__fail(fig, ND_EVALUE, "%s: linewidth, markersize, markeredgewidth must be "
                                           ">= 0 and alpha in [0, 1]", who);
    }
    lp->lw = NPLOT_OPT(o->linewidth, st->linewidth);
    lp->ms = NPLOT_OPT(o->markersize, st->markersize);
    lp->mew = NPLOT_OPT(o->markeredgewidth, 1.0);
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

static nd_status add_line(nplot_axes *ax, const double *x, const double *y, size_t n,
                          const nplot_line_opts *o, int drawstyle, artist **out, const char *who)
{
    CHECK_AX(ax, who);
    nplot_line_opts d = { 0 };
    if (!o) o = &d;
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
    if (!(a->x = nplot__copy_or_index(ax->fig, x, n, who))) return ax->fig->status;
    if (!(a->y = nplot__copy_or_index(ax->fig, y, n, who))) return ax->fig->status;
    if (o->label && !(a->label = nplot__strdup(ax->fig, o->label, who))) return ax->fig->status;
    nplot__update_datalim(ax, a);
    if (out) *out = a;
    return ND_OK;
}

nd_status nplot_plot_xy_(nplot_axes *ax, const double *x, const double *y, size_t n,
                              const nplot_line_opts *o)
{
    return add_line(ax, x, y, n, o, 0, NULL, "nplot_plot");
}

static int step_where(const nplot_line_opts *o)
{
    if (!o || !o->where || !strcmp(o->where, "pre")) return 1;
    if (!strcmp(o->where, "mid")) return 2;
    if (!strcmp(o->where, "post")) return 3;
    return -1;
}

nd_status nplot_step_xy_(nplot_axes *ax, const double *x, const double *y, size_t n,
                              const nplot_line_opts *o)
{
    static const char *who = "nplot_step";
    CHECK_AX(ax, who);
    int w = step_where(o);
    if (w < 0) return nplot__fail(ax->fig, ND_EVALUE, "%s: where must be 'pre', 'post' or 'mid', "
                                                      "got '%s'", who, o->where);
    return add_line(ax, x, y, n, o, w, NULL, who);
}

/* ---- reference lines and spans ---------------------------------------------------------------- */
static nd_status refline(nplot_axes *ax, bool horizontal, double v, const nplot_refline_opts *o,
                         const char *who)
{
    CHECK_AX(ax, who);
    nplot_refline_opts d = { 0 };
    if (!o) o = &d;
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
    nplot_refline_opts d = { 0 };
    if (!o) o = &d;
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
    a->legend_kind = 1;
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
    line->legend_kind = 3;
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
            caps->lp.mew = NPLOT_OPT(o->capthick, elw);
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
    nplot_errorbar_opts d = { 0 };
    if (!o) o = &d;
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
    nd_status st = nplot__errorbar(ax, x, y, n, xe, xe, ye, ye, o, who);
    nd_free_mem(buf);
    return st;
}

/* ---- stem ------------------------------------------------------------------------------------------ */
nd_status nplot_stem_xy_(nplot_axes *ax, const double *x, const double *y, size_t n,
                              const nplot_stem_opts *o)
{
    static const char *who = "nplot_stem";
    CHECK_AX(ax, who);
    nplot_stem_opts d = { 0 };
    if (!o) o = &d;
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
    ml->legend_kind = 2;
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
