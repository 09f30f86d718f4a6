/* Axes methods of issue 20's "axes more" list: inset_axes, arrow (matplotlib's FancyArrow),
 * ticklabel_format and locator_params. indicate_inset and get_tightbbox need the layout and
 * live in axes_more_out.c. */
#include "plot_model.h"

#include <math.h>
#include <string.h>

/* ---- inset_axes -------------------------------------------------------------------------- */
nplot_axes *nplot_inset_axes_(nplot_axes *ax, double x0, double y0, double width, double height,
                              const nplot_inset_axes_opts *o)
{
    static const char *who = "nplot_inset_axes";
    if (!ax) return ND_FAIL(ND_EVALUE, "%s: axes is NULL", who);
    if (nplot__check(ax->fig)) return NULL;
    o = NPLOT__OPTS(o, nplot_inset_axes_opts);
    bool data = false;
    if (o->transform && strcmp(o->transform, "axes") != 0) {
        if (strcmp(o->transform, "data") != 0) {
            nplot__fail(ax->fig, ND_EVALUE, "%s: transform must be 'axes' or 'data', got '%s'", who,
                        o->transform);
            return NULL;
        }
        data = true;
    }
    if (!isfinite(x0) || !isfinite(y0) || !isfinite(width) || !isfinite(height) || !(width > 0) ||
        !(height > 0)) {
        nplot__fail(ax->fig, ND_EVALUE, "%s: bounds [%g, %g, %g, %g] need finite values and a "
                                        "positive width and height", who, x0, y0, width, height);
        return NULL;
    }
    if (ax->is3d || ax->polar) {
        nplot__fail(ax->fig, ND_EVALUE, "%s: the parent must be a rectilinear 2-D axes", who);
        return NULL;
    }
    nplot_axes *in = nplot__axes_new(ax->fig, who);
    if (!in) return NULL;
    in->inset_parent = ax;
    in->inset_bounds[0] = x0;
    in->inset_bounds[1] = y0;
    in->inset_bounds[2] = width;
    in->inset_bounds[3] = height;
    in->inset_data = data;
    return in;
}

/* ---- arrow: FancyArrow._make_verts ----------------------------------------------------------- */
int nplot_fancy_arrow_verts_(double x, double y, double dx, double dy, const nplot_arrow_opts *o,
                             double *vx, double *vy, int cap)
{
    static const char *who = "nplot_fancy_arrow_verts";
    o = NPLOT__OPTS(o, nplot_arrow_opts);
    int shape = 0; /* 0 full, 1 left, 2 right */
    if (o->shape && strcmp(o->shape, "full") != 0) {
        if (!strcmp(o->shape, "left")) shape = 1;
        else if (!strcmp(o->shape, "right")) shape = 2;
        else return nd_set_error(ND_EVALUE, "%s: Got unknown shape: '%s' (full, left or right)", who,
                                 o->shape);
    }
    if (!isfinite(x) || !isfinite(y) || !isfinite(dx) || !isfinite(dy) || !isfinite(o->width) ||
        !isfinite(o->head_width) || !isfinite(o->head_length) || !isfinite(o->overhang))
        return nd_set_error(ND_EVALUE, "%s: x, y, dx, dy and the sizes must be finite", who);
    if (cap > 0 && (!vx || !vy)) return nd_set_error(ND_EVALUE, "%s: vx and vy are NULL", who);
    double lw = o->width != 0 ? o->width : 0.001;
    double hw = o->head_width != 0 ? o->head_width : 3 * lw;
    double hl = o->head_length != 0 ? o->head_length : 1.5 * hw;
    double hs = o->overhang;
    double distance = hypot(dx, dy);
    double length = o->length_includes_head ? distance : distance + hl;
    if (length == 0) return 0;
    /* the left half of a horizontal arrow with its tip at (0, 0) */
    double lx[5] = { 0, -hl, -hl * (1 - hs), -length, -length };
    double ly[5] = { 0, -hw / 2, -lw / 2, -lw / 2, 0 };
    double shift = (o->length_includes_head ? 0 : hl) + (o->head_starts_at_zero ? hl / 2 : 0);
    for (int i = 0; i < 5; i++) lx[i] += shift;
    double cx_[8], cy_[8];
    int n = 0;
    if (shape == 1) {
        for (int i = 0; i < 5; i++) cx_[n] = lx[i], cy_[n++] = ly[i];
    } else if (shape == 2) {
        for (int i = 0; i < 5; i++) cx_[n] = lx[i], cy_[n++] = -ly[i];
    } else {
        /* left[:-1] then right[-2::-1]: the stem's midpoint is left out */
        for (int i = 0; i < 4; i++) cx_[n] = lx[i], cy_[n++] = ly[i];
        for (int i = 3; i >= 0; i--) cx_[n] = lx[i], cy_[n++] = -ly[i];
    }
    double c = distance != 0 ? dx / distance : 0, s = distance != 0 ? dy / distance : 1;
    /* coords @ [[c, s], [-s, c]] + (x + dx, y + dy) */
    for (int i = 0; i < n && i < cap; i++) {
        vx[i] = cx_[i] * c - cy_[i] * s + (x + dx);
        vy[i] = cx_[i] * s + cy_[i] * c + (y + dy);
    }
    return n;
}

static bool is_none(const char *c) { return c && !strcmp(c, "none"); }

nd_status nplot_arrow_(nplot_axes *ax, double x, double y, double dx, double dy,
                       const nplot_arrow_opts *o)
{
    static const char *who = "nplot_arrow";
    CHECK_AX(ax, who);
    o = NPLOT__OPTS(o, nplot_arrow_opts);
    double vx[8], vy[8];
    int n = nplot_fancy_arrow_verts_(x, y, dx, dy, o, vx, vy, 8);
    if (n < 0) {
        const char *m = nd_errmsg(), *c = strstr(m, ": ");
        return nplot__fail(ax->fig, ND_EVALUE, "%s: %s", who, c ? c + 2 : m);
    }
    if (o->alpha < 0 || o->alpha > 1)
        return nplot__fail(ax->fig, ND_EVALUE, "%s: alpha must be in [0, 1], got %g", who, o->alpha);
    if (o->linewidth < 0 || !isfinite(o->linewidth))
        return nplot__fail(ax->fig, ND_EVALUE, "%s: linewidth must be >= 0, got %g", who, o->linewidth);
    const nplot__style *st = ax->fig->style;
    rgba face = st->patch_face, edge = { 0, 0, 0, 1 };
    const char *fc = o->facecolor ? o->facecolor : o->color;
    const char *ec = o->edgecolor ? o->edgecolor : o->color;
    if (fc && !is_none(fc) && nplot__color(fc, st, &face, who))
        return nplot__fail(ax->fig, ND_EVALUE, "%s", nd_errmsg());
    if (ec && !is_none(ec) && nplot__color(ec, st, &edge, who))
        return nplot__fail(ax->fig, ND_EVALUE, "%s", nd_errmsg());
    artist *a = nplot__artist_add(ax, ART_POLY, who);
    if (!a) return ax->fig->status;
    a->face = face;
    a->has_face = !is_none(fc);
    a->edge = edge;
    a->has_edge = !is_none(ec);
    a->edge_lw = o->linewidth > 0 ? o->linewidth : 1.0;
    a->alpha = o->alpha > 0 ? o->alpha : 1;
    a->zorder = o->zorder ? o->zorder : 1;
    a->legend_kind = LEGEND_PATCH;
    nd_status hs = nplot__hatch_set(ax->fig, a, o->hatch, 0, who);
    if (hs) return hs;
    if (o->label && !(a->label = nplot__strdup(ax->fig, o->label, who))) return ax->fig->status;
    a->n = (size_t)n;
    if (!(a->x = nplot__copy_or_index(ax->fig, vx, (size_t)n, who))) return ax->fig->status;
    if (!(a->y = nplot__copy_or_index(ax->fig, vy, (size_t)n, who))) return ax->fig->status;
    nplot__update_datalim(ax, a);
    return ND_OK;
}

/* ---- ticklabel_format and locator_params -------------------------------------------------- */
/* Which axes "x" / "y" / "both" (NULL) names: bit 1 x, bit 2 y; 0 with the error set. */
static int axis_bits(nplot_axes *ax, const char *axis, const char *who)
{
    if (!axis || !strcmp(axis, "both")) return 3;
    if (!strcmp(axis, "x")) return 1;
    if (!strcmp(axis, "y")) return 2;
    nplot__fail(ax->fig, ND_EVALUE, "%s: '%s' is not a valid value for axis; supported values are "
                                    "'x', 'y', 'both'", who, axis);
    return 0;
}

nd_status nplot_ticklabel_format_(nplot_axes *ax, const nplot_ticklabel_format_opts *o)
{
    static const char *who = "nplot_ticklabel_format";
    CHECK_AX(ax, who);
    o = NPLOT__OPTS(o, nplot_ticklabel_format_opts);
    int bits = axis_bits(ax, o->axis, who);
    if (!bits) return ax->fig->status;
    int sci = -1; /* -1 unchanged, 0 plain, 1 scientific */
    if (o->style && o->style[0]) {
        if (!strcmp(o->style, "sci") || !strcmp(o->style, "scientific")) sci = 1;
        else if (!strcmp(o->style, "plain")) sci = 0;
        else return nplot__fail(ax->fig, ND_EVALUE, "%s: '%s' is not a valid value for style; "
                                                    "supported values are 'sci', 'scientific', "
                                                    "'plain', ''", who, o->style);
    }
    for (int k = 0; k < 2; k++) {
        if (!(bits & (1 << k))) continue;
        const formatter *f = k ? &ax->ya.fmt : &ax->xa.fmt;
        if (f->kind != FMT_SCALAR)
            return nplot__fail(ax->fig, ND_EVALUE, "%s: This method only works with the "
                                                   "ScalarFormatter (the %c axis has another)", who,
                               k ? 'y' : 'x');
    }
    for (int k = 0; k < 2; k++) {
        if (!(bits & (1 << k))) continue;
        formatter *f = k ? &ax->ya.fmt : &ax->xa.fmt;
        if (sci >= 0) f->sci_off = sci == 0;
        if (o->scilimits_set) {
            f->limits_set = true;
            f->lim_lo = o->scilimits[0];
            f->lim_hi = o->scilimits[1];
        }
        if (o->offset_set) {
            f->use_offset = 2;
            f->offset_value = o->offset;
        } else if (o->use_offset == NPLOT_ON) {
            f->use_offset = 0;
        } else if (o->use_offset == NPLOT_OFF) {
            f->use_offset = NPLOT_OFF;
        }
        if (o->use_mathtext) f->mathtext = o->use_mathtext == NPLOT_ON;
    }
    nplot__mark_dirty(ax->fig);
    return ND_OK;
}

nd_status nplot_locator_params_(nplot_axes *ax, const nplot_locator_params_opts *o)
{
    static const char *who = "nplot_locator_params";
    CHECK_AX(ax, who);
    o = NPLOT__OPTS(o, nplot_locator_params_opts);
    int bits = axis_bits(ax, o->axis, who);
    if (!bits) return ax->fig->status;
    if (o->nbins < NPLOT_AUTO_NBINS)
        return nplot__fail(ax->fig, ND_EVALUE, "%s: nbins must be >= 1 (or NPLOT_AUTO_NBINS), got %d",
                           who, o->nbins);
    if (o->min_n_ticks < 0)
        return nplot__fail(ax->fig, ND_EVALUE, "%s: min_n_ticks must be >= 1, got %d", who,
                           o->min_n_ticks);
    int prune = -1;
    if (o->prune) {
        static const char *names[] = { "none", "lower", "upper", "both" };
        for (int i = 0; i < 4; i++)
            if (!strcmp(o->prune, names[i])) prune = i;
        if (prune < 0)
            return nplot__fail(ax->fig, ND_EVALUE, "%s: '%s' is not a valid value for prune; "
                                                   "supported values are 'upper', 'lower', 'both', "
                                                   "None", who, o->prune);
    }
    double steps[NPLOT__MAXN_STEPS];
    int ns = 0;
    if (o->steps.n || o->steps.v) {
        if (!o->steps.v) return nplot__fail(ax->fig, ND_EVALUE, "%s: steps has a count but no values", who);
        bool bad = o->steps.n + 2 > NPLOT__MAXN_STEPS;
        for (size_t i = 0; i < o->steps.n && !bad; i++)
            bad = !isfinite(o->steps.v[i]) || (i > 0 && !(o->steps.v[i] > o->steps.v[i - 1]));
        if (bad || o->steps.v[0] < 1 || o->steps.v[o->steps.n - 1] > 10)
            return nplot__fail(ax->fig, ND_EVALUE, "%s: steps argument must be an increasing "
                                                   "sequence of numbers between 1 and 10 inclusive "
                                                   "(at most %d)", who, NPLOT__MAXN_STEPS - 2);
        if (o->steps.v[0] != 1) steps[ns++] = 1;
        for (size_t i = 0; i < o->steps.n; i++) steps[ns++] = o->steps.v[i];
        if (steps[ns - 1] != 10) steps[ns++] = 10;
    }
    for (int k = 0; k < 2; k++) {
        if (!(bits & (1 << k))) continue;
        axis_state *a = k ? &ax->ya : &ax->xa;
        struct maxn_params *p = &a->maxn;
        if (o->nbins == NPLOT_AUTO_NBINS) p->nbins = 0;
        else if (o->nbins > 0) p->nbins = o->nbins;
        if (ns) {
            memcpy(p->steps, steps, sizeof(double) * (size_t)ns);
            p->nsteps = ns;
        }
        if (o->min_n_ticks > 0) p->min_n_ticks = o->min_n_ticks;
        if (prune >= 0) p->prune = prune;
        if (o->symmetric) p->symmetric = o->symmetric == NPLOT_ON;
        if (o->tight) a->tight = o->tight == NPLOT_ON;
    }
    nplot__mark_dirty(ax->fig);
    return ND_OK;
}
