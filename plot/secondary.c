/* Secondary axes: ax.secondary_xaxis / secondary_yaxis (matplotlib's SecondaryAxis, 3.6).
 *
 * matplotlib makes a zero-height (zero-width) axes at `location` in the parent's axes
 * coordinates whose axis has the scale FuncScale(inverse, forward) ('functionlog' over a
 * log parent) and, at every draw, the limits forward(parent limits). Here the secondary is
 * a twin in its parent's box that draws one spine, moved to `pos` with the spines'
 * set_position('axes', pos), and its axis' transform is parent_scale(inverse(v)): a
 * secondary value v sits exactly where the parent's inverse(v) does, for any parent scale
 * (matplotlib composes with log only; on the other scales its secondary ticks drift from the
 * parent's values, which numc does not copy). Ticks come from the secondary's own locator
 * over its limits: MaxNLocator as on a linear axis, LogLocator over a log parent. */
#include "plot_model.h"

#include <math.h>
#include <string.h>

static const char *who_of(const secondary_state *s)
{
    return s->x ? "nplot_secondary_xaxis" : "nplot_secondary_yaxis";
}

double nplot__secondary_fwd(const secondary_state *s, double v)
{
    return s->forward ? s->forward(v, s->ctx) : v * s->k;
}

static double secondary_inv(const secondary_state *s, double v)
{
    return s->inverse ? s->inverse(v, s->ctx) : v / s->k;
}

static const axis_state *parent_axis(const secondary_state *s)
{
    return s->x ? &s->parent->xa : &s->parent->ya;
}

/* The secondary axis' SCALE_FUNCTION pair; ctx is the secondary axes. */
static double composite_fwd(double v, void *ctx)
{
    const secondary_state *s = ((const nplot_axes *)ctx)->secondary;
    return nplot__scale_fwd(parent_axis(s), secondary_inv(s, v));
}

static double composite_inv(double t, void *ctx)
{
    const secondary_state *s = ((const nplot_axes *)ctx)->secondary;
    return nplot__secondary_fwd(s, nplot__scale_inv(parent_axis(s), t));
}

bool nplot__secondary_log(const nplot_axes *ax, bool x)
{
    return ax->secondary && ax->secondary->x == x && parent_axis(ax->secondary)->scale == SCALE_LOG;
}

/* The secondary axis' scale (whatever set_xscale did to it: matplotlib resets it from the
 * parent's at every draw). */
static void secondary_scale(nplot_axes *t)
{
    axis_state *a = t->secondary->x ? &t->xa : &t->ya;
    a->scale = SCALE_FUNCTION;
    a->fn_fwd = composite_fwd;
    a->fn_inv = composite_inv;
    a->fn_ctx = t;
    a->base = 10; /* FuncScaleLog's base */
    /* a zero-height axes draws no visible grid */
    t->xa.grid_major = t->xa.grid_minor = t->ya.grid_major = t->ya.grid_minor = false;
}

void nplot__secondary_sync(nplot_axes *t)
{
    secondary_state *s = t->secondary;
    if (!s || t->fig->status) return;
    const axis_state *pa = parent_axis(s);
    axis_state *a = s->x ? &t->xa : &t->ya;
    secondary_scale(t);
    double lo = nplot__secondary_fwd(s, pa->lo), hi = nplot__secondary_fwd(s, pa->hi);
    if (!isfinite(lo) || !isfinite(hi)) {
        nplot__fail(t->fig, ND_EVALUE, "%s: forward maps the parent's limits %g, %g to %g, %g; "
                                       "the secondary axis limits must be finite",
                    who_of(s), pa->lo, pa->hi, lo, hi);
        return;
    }
    if (lo == hi) {
        nplot__fail(t->fig, ND_EVALUE, "%s: forward maps the parent's limits %g, %g to the one "
                                       "value %g; it must be strictly monotonic",
                    who_of(s), pa->lo, pa->hi, lo);
        return;
    }
    /* kept in the parent's order, so that the axis transform lines up with the parent's */
    a->lo = lo;
    a->hi = hi;
}

nd_status nplot__secondary_get_lim(nplot_axes *t, bool x, double *lo, double *hi)
{
    nplot__secondary_sync(t);
    nd_status st = nplot__check(t->fig);
    if (st) return st;
    const axis_state *a = x ? &t->xa : &t->ya;
    double l = a->lo, h = a->hi;
    if (x == t->secondary->x) {
        /* matplotlib's _set_lims: reversed when forward is decreasing */
        const axis_state *pa = parent_axis(t->secondary);
        if ((l < h) != (pa->lo < pa->hi)) {
            double tmp = l;
            l = h;
            h = tmp;
        }
    }
    if (lo) *lo = l;
    if (hi) *hi = h;
    return ND_OK;
}

/* The position: .at, or 'top' / 'bottom' ('right' / 'left'), default top (right). */
static nd_status secondary_pos(nplot_figure *fig, bool x, const nplot_secondary_opts *o,
                               double *pos, const char *who)
{
    if (o->location && o->at != 0)
        return nplot__fail(fig, ND_EVALUE, "%s: give .location or .at, not both", who);
    if (o->at != 0) {
        if (!isfinite(o->at))
            return nplot__fail(fig, ND_EVALUE, "%s: .at must be finite, got %g", who, o->at);
        *pos = o->at == NPLOT_ZERO ? 0 : o->at;
        return ND_OK;
    }
    const char *hi_name = x ? "top" : "right", *lo_name = x ? "bottom" : "left";
    if (!o->location || !strcmp(o->location, hi_name)) *pos = 1;
    else if (!strcmp(o->location, lo_name)) *pos = 0;
    else
        return nplot__fail(fig, ND_EVALUE, "%s: location must be '%s', '%s', or a float (.at), "
                                           "not '%s'", who, hi_name, lo_name, o->location);
    return ND_OK;
}

static nd_status secondary_check(nplot_axes *ax, const nplot_secondary_opts *o, double *k,
                                 const char *who)
{
    nplot_figure *fig = ax->fig;
    if (ax->polar || ax->is3d || ax->secondary)
        return nplot__fail(fig, ND_EVALUE, "%s: the parent must be a 2-D rectilinear axes (this "
                                           "one is %s)", who,
                           ax->polar ? "polar" : ax->is3d ? "3-D" : "itself a secondary axis");
    if (!o->forward != !o->inverse)
        return nplot__fail(fig, ND_EVALUE, "%s: .forward and .inverse go together (the transform "
                                           "and its inverse)", who);
    if (o->forward && o->scale != 0)
        return nplot__fail(fig, ND_EVALUE, "%s: give .forward/.inverse or .scale, not both", who);
    *k = o->scale == 0 ? 1 : o->scale == NPLOT_ZERO ? 0 : o->scale;
    if (!isfinite(*k) || *k == 0)
        return nplot__fail(fig, ND_EVALUE, "%s: .scale must be finite and nonzero, got %g", who,
                           o->scale);
    return ND_OK;
}

/* SecondaryAxis.set_color: the spine, ticks, tick labels and label. */
static void secondary_color(nplot_axes *t, axis_state *a, int spine, rgba c)
{
    a->major.color = a->major.labelcolor = c;
    a->minor.color = a->minor.labelcolor = c;
    a->label_ts.color = c;
    t->spine_color_set[spine] = true;
    t->spine_color[spine] = c;
    t->secondary->has_color = true;
    t->secondary->color = c;
}

static nplot_axes *secondary_new(nplot_axes *ax, bool x, const nplot_secondary_opts *o,
                                 const char *who)
{
    if (!ax) return ND_FAIL(ND_EVALUE, "%s: axes is NULL", who);
    if (nplot__check(ax->fig)) return NULL;
    o = NPLOT__OPTS(o, nplot_secondary_opts);
    nplot_figure *fig = ax->fig;
    double pos = 1, k = 1;
    if (secondary_check(ax, o, &k, who) || secondary_pos(fig, x, o, &pos, who)) return NULL;
    rgba color = { 0, 0, 0, 1 };
    if (o->color && nplot__color(o->color, fig->style, &color, who)) {
        nplot__fail(fig, ND_EVALUE, "%s", nd_errmsg());
        return NULL;
    }
    secondary_state *s = nd_calloc(1, sizeof *s, who);
    if (!s) {
        nplot__fail(fig, ND_ENOMEM, "%s: out of memory", who);
        return NULL;
    }
    nplot_axes *t = nplot__axes_new(fig, who);
    if (!t) {
        nd_free_mem(s);
        return NULL;
    }
    *s = (secondary_state){ .parent = ax, .x = x, .pos = pos, .forward = o->forward,
                            .inverse = o->inverse, .ctx = o->ctx, .k = k };
    t->secondary = s;
    t->gs = ax->gs;
    t->r0 = ax->r0;
    t->r1 = ax->r1;
    t->c0 = ax->c0;
    t->c1 = ax->c1;
    memcpy(t->rect, ax->rect, sizeof t->rect);
    t->twin_parent = ax;
    t->face.a = 0;
    /* matplotlib: ticks, labels and the one visible spine on the top (right) side when
     * pos >= 0.5, else on the bottom (left); the other axis has a NullLocator */
    int side = pos >= 0.5 ? 1 : 0;
    axis_state *a = x ? &t->xa : &t->ya, *other = x ? &t->ya : &t->xa;
    for (int i = 0; i < 2; i++) {
        a->ticks_side[i] = a->labels_side[i] = a->minor_side[i] = i == side;
        other->ticks_side[i] = other->labels_side[i] = other->minor_side[i] = false;
    }
    other->fixed_set = true;
    other->nfixed = 0;
    int spine = x ? (side ? 3 : 1) : (side ? 2 : 0);
    for (int i = 0; i < 4; i++) t->spine[i] = i == spine;
    t->spine_pos[spine] = SPINE_POS_AXES;
    t->spine_pos_v[spine] = pos;
    if (o->color) secondary_color(t, a, spine, color);
    secondary_scale(t); /* the limits follow the parent's at every autoscale */
    nplot__mark_dirty(fig);
    return t;
}

nplot_axes *nplot_secondary_xaxis_(nplot_axes *ax, const nplot_secondary_opts *o)
{
    return secondary_new(ax, true, o, "nplot_secondary_xaxis");
}

nplot_axes *nplot_secondary_yaxis_(nplot_axes *ax, const nplot_secondary_opts *o)
{
    return secondary_new(ax, false, o, "nplot_secondary_yaxis");
}
