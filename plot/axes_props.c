/* The public axes setters: titles, labels, limits, scales, ticks, grid, formatters, twins. */
#include "plot_model.h"

#include <math.h>
#include <string.h>

/* ---- titles and labels -------------------------------------------------------------------------- */
nd_status nplot_set_title_(nplot_axes *ax, const char *s, const nplot_text_opts *o)
{
    static const char *who = "nplot_set_title";
    CHECK_AX(ax, who);
    o = NPLOT__OPTS(o, nplot_text_opts);
    int loc = 0;
    if (o->loc) {
        if (!strcmp(o->loc, "left")) loc = 1;
        else if (!strcmp(o->loc, "right")) loc = 2;
        else if (strcmp(o->loc, "center"))
            return nplot__fail(ax->fig, ND_EVALUE, "%s: loc must be 'left', 'center' or 'right', "
                                                   "got '%s'", who, o->loc);
    }
    text_style ts;
    nd_status st = nplot__text_style_from(ax->fig, o, ax->fig->style->title_size, &ts, who);
    if (st || (st = nplot__fx_opt(ax->fig, o->path_effects, &ax->text_fx[AXT_TITLE + loc], who)))
        return st;
    if (!o->weight) ts.weight = ax->fig->style->title_weight; /* axes.titleweight */
    char *c = nplot__strdup(ax->fig, s, who);
    if (!c) return ax->fig->status;
    nd_free_mem(ax->title[loc]);
    ax->title[loc] = c;
    ax->title_ts[loc] = ts;
    if (o->pad > 0) ax->title_pad = o->pad;
    nplot__mark_dirty(ax->fig);
    return ND_OK;
}

static nd_status set_label(nplot_axes *ax, axis_state *a, const char *s, const nplot_text_opts *o,
                           const char *who)
{
    CHECK_AX(ax, who);
    o = NPLOT__OPTS(o, nplot_text_opts);
    text_style ts;
    nd_status st = nplot__text_style_from(ax->fig, o, ax->fig->style->label_size, &ts, who);
    if (st) return st;
    if (!o->color) ts.color = ax->fig->style->label_color;
    if (!o->color && ax->secondary && ax->secondary->has_color && (a == &ax->xa) == ax->secondary->x)
        ts.color = ax->secondary->color; /* SecondaryAxis.set_color (secondary.c) */
    int loc = 0;
    if (o->loc) {
        if (!strcmp(o->loc, "left") || !strcmp(o->loc, "bottom")) loc = 1;
        else if (!strcmp(o->loc, "right") || !strcmp(o->loc, "top")) loc = 2;
        else if (strcmp(o->loc, "center"))
            return nplot__fail(ax->fig, ND_EVALUE, "%s: bad loc '%s'", who, o->loc);
    }
    if ((st = nplot__fx_opt(ax->fig, o->path_effects, &ax->text_fx[a == &ax->xa ? AXT_XLABEL : AXT_YLABEL],
                            who)))
        return st;
    int va = o->va ? nplot__parse_va(o->va) : -1;
    if (o->va && va < 0) return nplot__fail(ax->fig, ND_EVALUE, "%s: bad va '%s'", who, o->va);
    char *c = nplot__strdup(ax->fig, s, who);
    if (!c) return ax->fig->status;
    /* matplotlib updates the one label Text: a rotation or va stays until changed */
    if (o->rotation != 0) a->axlabel_rot_set = true, a->axlabel_rot = o->rotation;
    if (va >= 0) a->axlabel_va = va;
    nd_free_mem(a->label);
    a->label = c;
    a->label_ts = ts;
    a->label_loc = loc;
    if (o->pad > 0) a->labelpad = o->pad;
    nplot__mark_dirty(ax->fig);
    return ND_OK;
}

nd_status nplot_set_xlabel_(nplot_axes *ax, const char *s, const nplot_text_opts *o)
{
    return set_label(ax, ax ? &ax->xa : NULL, s, o, "nplot_set_xlabel");
}

nd_status nplot_set_ylabel_(nplot_axes *ax, const char *s, const nplot_text_opts *o)
{
    return set_label(ax, ax ? &ax->ya : NULL, s, o, "nplot_set_ylabel");
}

/* ---- limits --------------------------------------------------------------------------------------- */
static axis_state *limit_root(nplot_axes *ax, bool x)
{
    axis_state *a = x ? &ax->xa : &ax->ya;
    int guard = 0;
    while (a->share_root && guard++ < 64) a = x ? &a->share_root->xa : &a->share_root->ya;
    return a;
}

/* matplotlib's _decade_less / _decade_greater (ticker.py), with its floating-point steps */
static double decade_less(double v, double base)
{
    double le = pow(base, floor(log(v) / log(base)));
    return le == v ? le / base : le;
}

static double decade_greater(double v, double base)
{
    double ge = pow(base, ceil(log(v) / log(base)));
    return ge == v ? ge * base : ge;
}

static nd_status set_lim(nplot_axes *ax, bool x, double lo, double hi, const char *who)
{
    CHECK_AX(ax, who);
    if (isinf(lo) || isinf(hi))
        return nplot__fail(ax->fig, ND_EVALUE, "%s: limits must be finite or NaN (automatic), "
                                               "got %g, %g", who, lo, hi);
    axis_state *a = limit_root(ax, x);
    bool log_axis = a->scale == SCALE_LOG;
    if (log_axis && ((!isnan(lo) && lo <= 0) || (!isnan(hi) && hi <= 0))) {
        /* matplotlib: a non-positive limit on a log axis is ignored with a warning, that
         * side keeping the current view limit */
        nplot__autoscale(ax->fig);
        for (int k = 0; k < 2; k++) {
            double *v = k ? &hi : &lo;
            if (isnan(*v) || *v > 0) continue;
            nd_warn("%s: attempt to set non-positive %clim on a log-scaled axis will be ignored",
                    who, x ? 'x' : 'y');
            *v = k ? a->hi : a->lo;
        }
    }
    if (!isnan(lo) && !isnan(hi)) {
        /* matplotlib widens identical limits (with a warning), and limits too close to
         * resolve (subnormal spans), through the major locator's nonsingular */
        if (lo == hi)
            nd_warn("%s: attempting to set identical low and high %clims makes the "
                    "transformation singular; automatically expanding", who, x ? 'x' : 'y');
        if (log_axis) {
            if (lo == hi) { /* LogLocator.nonsingular: a decade either side */
                lo = decade_less(lo, a->base);
                hi = decade_greater(hi, a->base);
            }
        } else {
            nplot__nonsingular(&lo, &hi, 0.05, 1e-15);
        }
    }
    a->set_lo = !isnan(lo);
    a->set_hi = !isnan(hi);
    if (a->set_lo) a->lo_fixed = lo;
    if (a->set_hi) a->hi_fixed = hi;
    nplot__mark_dirty(ax->fig);
    return ND_OK;
}

nd_status nplot_set_xlim(nplot_axes *ax, double lo, double hi)
{
    return set_lim(ax, true, lo, hi, "nplot_set_xlim");
}

nd_status nplot_set_ylim(nplot_axes *ax, double lo, double hi)
{
    return set_lim(ax, false, lo, hi, "nplot_set_ylim");
}

static nd_status get_lim(nplot_axes *ax, bool x, double *lo, double *hi, const char *who)
{
    CHECK_AX(ax, who);
    /* after a layout, the limits it drew (a fixed aspect with adjustable 'datalim' widens
     * them there, as matplotlib's apply_aspect changes its viewLim) */
    if (!ax->fig->laid_out) nplot__autoscale(ax->fig);
    if (ax->secondary) return nplot__secondary_get_lim(ax, x, lo, hi); /* secondary.c */
    axis_state *a = x ? &ax->xa : &ax->ya;
    if (lo) *lo = a->lo;
    if (hi) *hi = a->hi;
    return ND_OK;
}

nd_status nplot_get_xlim(nplot_axes *ax, double *lo, double *hi)
{
    return get_lim(ax, true, lo, hi, "nplot_get_xlim");
}

nd_status nplot_get_ylim(nplot_axes *ax, double *lo, double *hi)
{
    return get_lim(ax, false, lo, hi, "nplot_get_ylim");
}

nd_status nplot_margins(nplot_axes *ax, double x, double y)
{
    static const char *who = "nplot_margins";
    CHECK_AX(ax, who);
    if (!(x > -0.5) || !(y > -0.5) || !isfinite(x) || !isfinite(y))
        return nplot__fail(ax->fig, ND_EVALUE, "%s: margins must be > -0.5, got %g, %g", who, x, y);
    ax->xa.margin = x;
    ax->ya.margin = y;
    nplot__mark_dirty(ax->fig);
    return ND_OK;
}

static nd_status set_scale(nplot_axes *ax, bool x, const char *scale, const nplot_scale_opts *o,
                           const char *who)
{
    CHECK_AX(ax, who);
    o = NPLOT__OPTS(o, nplot_scale_opts);
    int s;
    if (!scale || !strcmp(scale, "linear")) s = SCALE_LINEAR;
    else if (!strcmp(scale, "log")) s = SCALE_LOG;
    else if (!strcmp(scale, "symlog")) s = SCALE_SYMLOG;
    else if (!strcmp(scale, "asinh")) s = SCALE_ASINH;
    else if (!strcmp(scale, "function")) s = SCALE_FUNCTION;
    else if (!strcmp(scale, "logit")) s = SCALE_LOGIT;
    else return nplot__fail(ax->fig, ND_EVALUE, "%s: unknown scale '%s' (linear, log, symlog, "
                                                "asinh, function, logit)",
                            who, scale);
    if (ax->is3d && s != SCALE_LINEAR) /* Axes3D.set_xscale: only 'linear' (matplotlib 3.6) */
        return nplot__fail(ax->fig, ND_EVALUE, "%s: 3-D axes support only the 'linear' scale, got "
                                               "'%s'", who, scale);
    if (ax->polar && s != SCALE_LINEAR) /* theta: matplotlib's NotImplementedError; r: numc */
        return nplot__fail(ax->fig, ND_EVALUE, "%s: the %s axis of a polar axes is linear; "
                                               "'%s' cannot be set on a polar plot", who,
                           x ? "theta" : "r", scale);
    double base = o->base ? o->base : 10;
    if (!(base > 1) || !isfinite(base))
        return nplot__fail(ax->fig, ND_EVALUE, "%s: base must be > 1, got %g", who, base);
    if (s == SCALE_FUNCTION && (!o->forward || !o->inverse))
        return nplot__fail(ax->fig, ND_EVALUE, "%s: scale 'function' needs .forward and .inverse",
                           who);
    if (o->linear_width < 0 || !isfinite(o->linear_width))
        return nplot__fail(ax->fig, ND_EVALUE, "%s: linear_width must be > 0, got %g", who,
                           o->linear_width);
    if (o->linthresh < 0 || o->linscale < 0)
        return nplot__fail(ax->fig, ND_EVALUE, "%s: linthresh and linscale must be positive", who);
    bool logit_clip = false;
    if (o->nonpositive) {
        if (!strcmp(o->nonpositive, "clip")) logit_clip = true;
        else if (strcmp(o->nonpositive, "mask"))
            return nplot__fail(ax->fig, ND_EVALUE, "%s: nonpositive must be 'mask' or 'clip', got '%s'",
                               who, o->nonpositive);
    }
    axis_state *a = limit_root(ax, x);
    a->logit_clip = logit_clip;
    (x ? &ax->xa : &ax->ya)->logit_clip = logit_clip;
    a->scale = s;
    a->base = base;
    a->linthresh = o->linthresh ? o->linthresh : 2;
    a->linscale = o->linscale ? o->linscale : 1;
    a->linear_width = o->linear_width ? o->linear_width : 1;
    a->fn_fwd = o->forward;
    a->fn_inv = o->inverse;
    a->fn_ctx = o->ctx;
    axis_state *self = x ? &ax->xa : &ax->ya;
    self->minor_log = o->minor;
    self->linear_width = a->linear_width; /* shared axes read their own transform fields */
    self->fn_fwd = a->fn_fwd;
    self->fn_inv = a->fn_inv;
    self->fn_ctx = a->fn_ctx;
    a->minor_log = o->minor;
    if (s == SCALE_LOG && ((a->set_lo && a->lo_fixed <= 0) || (a->set_hi && a->hi_fixed <= 0))) {
        a->set_lo = a->set_hi = false;
    }
    nplot__mark_dirty(ax->fig);
    return ND_OK;
}

nd_status nplot_set_xscale_(nplot_axes *ax, const char *scale, const nplot_scale_opts *o)
{
    return set_scale(ax, true, scale, o, "nplot_set_xscale");
}

nd_status nplot_set_yscale_(nplot_axes *ax, const char *scale, const nplot_scale_opts *o)
{
    return set_scale(ax, false, scale, o, "nplot_set_yscale");
}

static nd_status invert(nplot_axes *ax, bool x, const char *who)
{
    CHECK_AX(ax, who);
    axis_state *a = limit_root(ax, x);
    if (a->set_lo && a->set_hi) {
        double t = a->lo_fixed;
        a->lo_fixed = a->hi_fixed;
        a->hi_fixed = t;
    } else {
        a->inverted = !a->inverted;
    }
    nplot__mark_dirty(ax->fig);
    return ND_OK;
}

nd_status nplot_invert_xaxis(nplot_axes *ax) { return invert(ax, true, "nplot_invert_xaxis"); }
nd_status nplot_invert_yaxis(nplot_axes *ax) { return invert(ax, false, "nplot_invert_yaxis"); }

nd_status nplot_axis(nplot_axes *ax, const char *mode)
{
    static const char *who = "nplot_axis";
    CHECK_AX(ax, who);
    if (!mode) return nplot__fail(ax->fig, ND_EVALUE, "%s: mode is NULL", who);
    if (!strcmp(mode, "off")) ax->axis_off = true;
    else if (!strcmp(mode, "on")) ax->axis_off = false;
    else if (!strcmp(mode, "equal")) {
        ax->aspect = 1;
        ax->aspect_datalim = true;
    } else if (!strcmp(mode, "scaled")) {
        ax->aspect = 1;
        ax->aspect_datalim = false;
    } else if (!strcmp(mode, "tight")) {
        /* matplotlib: aspect 'auto', autoscale_view(tight=True), which keeps the margins
         * (only sticky edges, images, meshes, contours, stop them) */
        ax->aspect = 0;
    } else if (!strcmp(mode, "image")) {
        ax->aspect = 1;
        ax->aspect_datalim = false;
    } else if (!strcmp(mode, "square")) {
        ax->aspect = -1; /* square box with equal data ranges */
        ax->aspect_datalim = false;
    } else if (!strcmp(mode, "auto") || !strcmp(mode, "normal")) {
        ax->aspect = 0;
        ax->xa.tight = ax->ya.tight = false;
    } else {
        return nplot__fail(ax->fig, ND_EVALUE, "%s: unknown mode '%s' (on, off, equal, scaled, "
                                               "tight, image, square, auto)", who, mode);
    }
    nplot__mark_dirty(ax->fig);
    return ND_OK;
}

nd_status nplot_set_aspect(nplot_axes *ax, double ratio)
{
    static const char *who = "nplot_set_aspect";
    CHECK_AX(ax, who);
    if (ratio < 0 || !isfinite(ratio))
        return nplot__fail(ax->fig, ND_EVALUE, "%s: aspect must be positive (or 0 for auto), "
                                               "got %g", who, ratio);
    ax->aspect = ratio; /* the adjustable stays (matplotlib's set_aspect(adjustable=None)) */
    nplot__mark_dirty(ax->fig);
    return ND_OK;
}

nd_status nplot_set_facecolor(nplot_axes *ax, const char *color)
{
    static const char *who = "nplot_set_facecolor";
    CHECK_AX(ax, who);
    if (nplot__color(color, ax->fig->style, &ax->face, who))
        return nplot__fail(ax->fig, ND_EVALUE, "%s", nd_errmsg());
    nplot__mark_dirty(ax->fig);
    return ND_OK;
}

/* ---- ticks ---------------------------------------------------------------------------------------- */
static nd_status copy_labels(nplot_figure *fig, axis_state *a, const char *const *labels, int n,
                             const char *who)
{
    for (int i = 0; i < a->nfixed_labels; i++) nd_free_mem(a->fixed_labels[i]);
    nd_free_mem(a->fixed_labels);
    a->fixed_labels = NULL;
    a->nfixed_labels = 0;
    if (!labels || n == 0) return ND_OK;
    a->fixed_labels = nd_calloc((size_t)n, sizeof(char *), who);
    if (!a->fixed_labels) return nplot__fail(fig, ND_ENOMEM, "%s: out of memory", who);
    for (int i = 0; i < n; i++) {
        a->fixed_labels[i] = nplot__strdup(fig, labels[i] ? labels[i] : "", who);
        if (!a->fixed_labels[i]) return fig->status;
        a->nfixed_labels = i + 1;
    }
    return ND_OK;
}

static void apply_label_opts(axis_state *a, const nplot_ticks_opts *o)
{
    if (o->rotation) a->label_rotation = o->rotation;
    if (o->ha) a->label_ha = nplot__parse_ha(o->ha);
    if (o->fontsize > 0) a->major.labelsize = o->fontsize;
    if (o->rotation_mode) a->label_anchor = !strcmp(o->rotation_mode, "anchor");
}

/* The tick label options' own checks (set_ticks and set_ticklabels). */
static nd_status check_label_opts(nplot_figure *fig, const nplot_ticks_opts *o, const char *who)
{
    if (o->ha && nplot__parse_ha(o->ha) < 0)
        return nplot__fail(fig, ND_EVALUE, "%s: bad ha '%s'", who, o->ha);
    const char *mode = o->rotation_mode;
    if (!mode || !strcmp(mode, "default") || !strcmp(mode, "anchor")) return ND_OK;
    return nplot__fail(fig, ND_EVALUE, "%s: rotation_mode must be 'default' or 'anchor', got '%s'",
                       who, mode);
}

/* The axis a tick setter works on: x (true / AX_X), y (false / AX_Y) or a 3-D axes' z. */
enum { AX_Y = 0, AX_X = 1, AX_Z = 2 };
static axis_state *pick_axis(nplot_axes *ax, int which)
{
    return which == AX_Z ? &ax->za : which == AX_X ? &ax->xa : &ax->ya;
}

static nd_status set_ticks(nplot_axes *ax, int x, const double *t, int n, const nplot_ticks_opts *o,
                           const char *who)
{
    CHECK_AX(ax, who);
    if (x == AX_Z && !ax->is3d)
        return nplot__fail(ax->fig, ND_EVALUE, "%s: the axes is not 3-D (no z axis)", who);
    o = NPLOT__OPTS(o, nplot_ticks_opts);
    if (n < 0 || (n > 0 && !t))
        return nplot__fail(ax->fig, ND_EVALUE, "%s: need n >= 0 ticks and a tick array", who);
    nd_status bad = NPLOT__CHECK_LEN(ax->fig, who, "labels", o->labels, (size_t)n,
                                     "the number of ticks is");
    if (bad) return bad;
    if (check_label_opts(ax->fig, o, who)) return ax->fig->status;
    for (int i = 0; i < n; i++)
        if (!isfinite(t[i]))
            return nplot__fail(ax->fig, ND_EVALUE, "%s: tick %d is not finite (%g)", who, i, t[i]);
    axis_state *a = pick_axis(ax, x);
    double *copy = NULL;
    if (n > 0) {
        copy = nd_malloc(sizeof(double) * (size_t)n, who);
        if (!copy) return nplot__fail(ax->fig, ND_ENOMEM, "%s: out of memory", who);
        memcpy(copy, t, sizeof(double) * (size_t)n);
    }
    if (o->minor) {
        nd_free_mem(a->fixed_minor);
        a->fixed_minor = copy;
        a->nfixed_minor = n;
        a->minor_fixed_set = true;
    } else {
        nd_free_mem(a->fixed);
        a->fixed = copy;
        a->nfixed = n;
        a->fixed_set = true;
        nd_status st = copy_labels(ax->fig, a, o->labels.v, o->labels.v ? n : 0, who);
        if (st) return st;
        apply_label_opts(a, o);
    }
    nplot__mark_dirty(ax->fig);
    return ND_OK;
}

nd_status nplot_set_xticks_(nplot_axes *ax, const double *t, int n, const nplot_ticks_opts *o)
{
    return set_ticks(ax, true, t, n, o, "nplot_set_xticks");
}

nd_status nplot_set_yticks_(nplot_axes *ax, const double *t, int n, const nplot_ticks_opts *o)
{
    return set_ticks(ax, false, t, n, o, "nplot_set_yticks");
}

nd_status nplot_set_zticks_(nplot_axes *ax, const double *t, int n, const nplot_ticks_opts *o)
{
    return set_ticks(ax, AX_Z, t, n, o, "nplot_set_zticks");
}

static nd_status set_ticklabels(nplot_axes *ax, int x, const char *const *labels, int n,
                                const nplot_ticks_opts *o, const char *who)
{
    CHECK_AX(ax, who);
    if (x == AX_Z && !ax->is3d)
        return nplot__fail(ax->fig, ND_EVALUE, "%s: the axes is not 3-D (no z axis)", who);
    o = NPLOT__OPTS(o, nplot_ticks_opts);
    if (n < 0 || (n > 0 && !labels))
        return nplot__fail(ax->fig, ND_EVALUE, "%s: need n >= 0 labels", who);
    if (check_label_opts(ax->fig, o, who)) return ax->fig->status;
    axis_state *a = pick_axis(ax, x);
    if (a->fixed_set && n != a->nfixed)
        return nplot__fail(ax->fig, ND_ESHAPE, "%s: %d labels for %d fixed ticks", who, n,
                           a->nfixed);
    nd_status st = copy_labels(ax->fig, a, labels, n, who);
    if (st) return st;
    apply_label_opts(a, o);
    nplot__mark_dirty(ax->fig);
    return ND_OK;
}

nd_status nplot_set_xticklabels_(nplot_axes *ax, const char *const *l, int n,
                                      const nplot_ticks_opts *o)
{
    return set_ticklabels(ax, true, l, n, o, "nplot_set_xticklabels");
}

nd_status nplot_set_yticklabels_(nplot_axes *ax, const char *const *l, int n,
                                      const nplot_ticks_opts *o)
{
    return set_ticklabels(ax, false, l, n, o, "nplot_set_yticklabels");
}

nd_status nplot_set_zticklabels_(nplot_axes *ax, const char *const *l, int n,
                                 const nplot_ticks_opts *o)
{
    return set_ticklabels(ax, AX_Z, l, n, o, "nplot_set_zticklabels");
}

static void apply_tick_side(nplot_figure *fig, tick_side *t, const nplot_tick_params *o, int dir,
                            const rgba *color, const rgba *lcolor)
{
    (void)fig;
    if (o->length > 0) t->length = o->length;
    if (o->width > 0) t->width = o->width;
    if (o->pad > 0) t->pad = o->pad;
    if (o->labelsize > 0) t->labelsize = o->labelsize;
    if (dir >= 0) t->direction = dir;
    if (color) t->color = *color;
    if (lcolor) t->labelcolor = *lcolor;
}

/* The axes' x and y axis as an 'axis' option picks them ("x", "y", "both"; NULL for one
 * not picked) and the tick levels a 'which' option names ("major", "minor", "both");
 * ND_EVALUE naming who for other values. */
static nd_status axes_and_levels(nplot_axes *ax, const char *axis, const char *which,
                                 axis_state *axes[3], bool *major, bool *minor, const char *who)
{
    bool dox = true, doy = true, doz = ax->is3d; /* Axes3D.tick_params: 'both' is all three */
    *major = true;
    *minor = false;
    if (axis) {
        if (!strcmp(axis, "x")) doy = false;
        else if (!strcmp(axis, "y")) dox = false;
        else if (ax->is3d && !strcmp(axis, "z")) dox = doy = false;
        else if (strcmp(axis, "both"))
            return nplot__fail(ax->fig, ND_EVALUE, "%s: axis must be x, y%s or both, got '%s'", who,
                               ax->is3d ? ", z" : "", axis);
        if (strcmp(axis, "both") && strcmp(axis, "z")) doz = false;
    }
    if (which) {
        if (!strcmp(which, "minor")) *major = false, *minor = true;
        else if (!strcmp(which, "both")) *minor = true;
        else if (strcmp(which, "major"))
            return nplot__fail(ax->fig, ND_EVALUE, "%s: which must be major, minor or both, got "
                                                   "'%s'", who, which);
    }
    axes[0] = dox ? &ax->xa : NULL;
    axes[1] = doy ? &ax->ya : NULL;
    axes[2] = doz ? &ax->za : NULL;
    return ND_OK;
}

nd_status nplot_tick_params_(nplot_axes *ax, const nplot_tick_params *o)
{
    static const char *who = "nplot_tick_params";
    CHECK_AX(ax, who);
    o = NPLOT__OPTS(o, nplot_tick_params);
    axis_state *axes[3];
    bool major, minor;
    nd_status st = axes_and_levels(ax, o->axis, o->which, axes, &major, &minor, who);
    if (st) return st;
    int dir = -1;
    if (o->direction) {
        if (!strcmp(o->direction, "out")) dir = 0;
        else if (!strcmp(o->direction, "in")) dir = 1;
        else if (!strcmp(o->direction, "inout")) dir = 2;
        else return nplot__fail(ax->fig, ND_EVALUE, "%s: direction must be in, out or inout, got "
                                                    "'%s'", who, o->direction);
    }
    rgba c, lc, gc;
    const rgba *pc = NULL, *plc = NULL;
    if (o->colors) { /* tick_params(colors=): both, unless color / labelcolor say otherwise */
        if (nplot__color(o->colors, ax->fig->style, &c, who))
            return nplot__fail(ax->fig, ND_EVALUE, "%s", nd_errmsg());
        lc = c;
        pc = &c;
        plc = &lc;
    }
    if (o->grid_color && nplot__color(o->grid_color, ax->fig->style, &gc, who))
        return nplot__fail(ax->fig, ND_EVALUE, "%s", nd_errmsg());
    int gls = -1;
    if (o->grid_linestyle && (gls = nplot__linestyle_parse(o->grid_linestyle)) < 0)
        return nplot__fail(ax->fig, ND_EVALUE, "%s: unknown grid_linestyle '%s'", who,
                           o->grid_linestyle);
    if (o->grid_alpha < 0 || o->grid_alpha > 1 || o->grid_linewidth < 0)
        return nplot__fail(ax->fig, ND_EVALUE, "%s: grid_alpha must be in [0, 1] and "
                                               "grid_linewidth >= 0", who);
    if (o->color) {
        if (nplot__color(o->color, ax->fig->style, &c, who))
            return nplot__fail(ax->fig, ND_EVALUE, "%s", nd_errmsg());
        pc = &c;
    }
    if (o->labelcolor) {
        if (nplot__color(o->labelcolor, ax->fig->style, &lc, who))
            return nplot__fail(ax->fig, ND_EVALUE, "%s", nd_errmsg());
        plc = &lc;
    }
    for (int i = 0; i < 3; i++) { /* z takes the y axis' side keys (matplotlib drops top / bottom) */
        axis_state *a = axes[i];
        if (!a) continue;
        if (major) apply_tick_side(ax->fig, &a->major, o, dir, pc, plc);
        if (minor) apply_tick_side(ax->fig, &a->minor, o, dir, pc, plc);
        for (int w = 0; w < 2; w++) { /* grid_* keys */
            struct grid_style *g = &a->grid[w];
            if (!(w == 0 ? major : minor)) continue;
            if (o->grid_color) g->color = gc;
            if (gls >= 0) g->ls = gls;
            if (o->grid_linewidth > 0) g->lw = o->grid_linewidth;
            if (o->grid_alpha > 0) g->alpha = o->grid_alpha;
        }
        if (o->labelrotation) a->label_rotation = o->labelrotation;
        int t0 = i == 0 ? o->bottom : o->left, t1 = i == 0 ? o->top : o->right;
        int l0 = i == 0 ? o->labelbottom : o->labelleft, l1 = i == 0 ? o->labeltop : o->labelright;
        /* which="major" (the default) leaves the minor ticks' sides alone, as matplotlib */
        bool *sides[2] = { major ? a->ticks_side : NULL, minor ? a->minor_side : NULL };
        for (int k = 0; k < 2; k++) {
            if (!sides[k]) continue;
            if (t0) sides[k][0] = t0 > 0;
            if (t1) sides[k][1] = t1 > 0;
        }
        if (l0) a->labels_side[0] = l0 > 0;
        if (l1) a->labels_side[1] = l1 > 0;
    }
    nplot__mark_dirty(ax->fig);
    return ND_OK;
}

nd_status nplot_spines_set_visible(nplot_axes *ax, const char *which, bool visible)
{
    static const char *who = "nplot_spines_set_visible";
    static const char *names[4] = { "left", "bottom", "right", "top" }; /* ax->spine order */
    CHECK_AX(ax, who);
    bool pick[4] = { false, false, false, false };
    if (!which || !strcmp(which, "all")) {
        pick[0] = pick[1] = pick[2] = pick[3] = true;
    } else {
        for (const char *p = which; *p;) {
            size_t len = strcspn(p, ",");
            int k = 0;
            while (k < 4 && !(strlen(names[k]) == len && !strncmp(p, names[k], len))) k++;
            if (k == 4)
                return nplot__fail(ax->fig, ND_EVALUE, "%s: unknown spine '%.*s' in '%s' (left, "
                                                       "bottom, right, top or all)",
                                   who, (int)len, p, which);
            pick[k] = true;
            p += len + (p[len] == ',');
        }
    }
    for (int k = 0; k < 4; k++)
        if (pick[k]) ax->spine[k] = visible;
    nplot__mark_dirty(ax->fig);
    return ND_OK;
}

nd_status nplot_minorticks_on(nplot_axes *ax)
{
    CHECK_AX(ax, "nplot_minorticks_on");
    ax->xa.minor_on = ax->ya.minor_on = true;
    nplot__mark_dirty(ax->fig);
    return ND_OK;
}

nd_status nplot_minorticks_off(nplot_axes *ax)
{
    CHECK_AX(ax, "nplot_minorticks_off");
    ax->xa.minor_on = ax->ya.minor_on = false;
    ax->xa.minor_log = ax->ya.minor_log = NPLOT_OFF;
    nplot__mark_dirty(ax->fig);
    return ND_OK;
}

nd_status nplot_grid_(nplot_axes *ax, const nplot_grid_opts *o)
{
    static const char *who = "nplot_grid";
    CHECK_AX(ax, who);
    o = NPLOT__OPTS(o, nplot_grid_opts);
    bool on = o->visible != NPLOT_OFF;
    axis_state *axes[3]; /* [2], a 3-D axes' z, has no 2-D grid */
    bool major, minor;
    nd_status st = axes_and_levels(ax, o->axis, o->which, axes, &major, &minor, who);
    if (st) return st;
    rgba c = { 0, 0, 0, 0 };
    if (o->color && nplot__color(o->color, ax->fig->style, &c, who))
        return nplot__fail(ax->fig, ND_EVALUE, "%s", nd_errmsg());
    int ls = -1;
    if (o->linestyle && (ls = nplot__linestyle_parse(o->linestyle)) < 0)
        return nplot__fail(ax->fig, ND_EVALUE, "%s: unknown linestyle '%s'", who, o->linestyle);
    for (int i = 0; i < 2; i++) {
        axis_state *a = axes[i];
        if (!a) continue;
        if (major) a->grid_major = on;
        if (minor) {
            a->grid_minor = on;
            if (on) a->minor_on = true;
        }
        for (int w = 0; w < 2; w++) {
            struct grid_style *g = &a->grid[w];
            if (!(w == 0 ? major : minor)) continue;
            if (o->color) g->color = c;
            if (ls >= 0) g->ls = ls;
            if (o->linewidth > 0) g->lw = o->linewidth;
            if (o->alpha > 0) g->alpha = nplot__clampd(o->alpha, 0, 1);
        }
    }
    nplot__mark_dirty(ax->fig);
    return ND_OK;
}

static nd_status set_formatter(nplot_axes *ax, int x, const nplot_formatter_opts *o,
                               const char *who)
{
    CHECK_AX(ax, who);
    if (x == AX_Z && !ax->is3d)
        return nplot__fail(ax->fig, ND_EVALUE, "%s: the axes is not 3-D (no z axis)", who);
    o = NPLOT__OPTS(o, nplot_formatter_opts);
    static const struct { const char *n; int k; } kinds[] = {
        { "scalar", FMT_SCALAR }, { "plain", FMT_PLAIN }, { "sci", FMT_SCI },
        { "percent", FMT_PERCENT }, { "printf", FMT_PRINTF }, { "log", FMT_LOG },
        { "callback", FMT_CALLBACK }, { "none", FMT_NONE }, { "null", FMT_NONE },
        { "eng", FMT_ENG },
    };
    int k = -1;
    const char *kind = o->kind;
    if (!kind) kind = o->fn ? "callback" : o->fmt ? "printf" : "scalar";
    for (size_t i = 0; i < sizeof kinds / sizeof *kinds; i++)
        if (!strcmp(kind, kinds[i].n)) k = kinds[i].k;
    if (k < 0)
        return nplot__fail(ax->fig, ND_EVALUE, "%s: unknown formatter kind '%s'", who, kind);
    if (k == FMT_CALLBACK && !o->fn)
        return nplot__fail(ax->fig, ND_EVALUE, "%s: kind 'callback' needs .fn", who);
    if (k == FMT_PRINTF) {
        /* exactly one floating conversion, no other conversions: a bad format would be
         * undefined behaviour in snprintf */
        if (!o->fmt) return nplot__fail(ax->fig, ND_EVALUE, "%s: kind 'printf' needs .fmt", who);
        int conv = 0;
        for (const char *p = o->fmt; *p; p++) {
            if (*p != '%') continue;
            if (p[1] == '%') {
                p++;
                continue;
            }
            const char *q = p + 1;
            while (*q && strchr("+- #0123456789.", *q)) q++;
            if (!*q || !strchr("eEfFgGaA", *q)) conv = 99;
            else conv++;
            p = q;
        }
        if (conv != 1)
            return nplot__fail(ax->fig, ND_EVALUE, "%s: printf format \"%s\" must contain exactly "
                                                   "one double conversion (%%f %%e %%g)", who, o->fmt);
    }
    nplot_formatter_opts eng; /* EngFormatter: unit → symbol, sep → fmt, places → decimals */
    if (k == FMT_ENG) {
        eng = (nplot_formatter_opts){ .fmt = o->sep ? o->sep : " ", .symbol = o->unit ? o->unit : "",
                                      .decimals = o->places, .minor = o->minor };
        o = &eng;
    }
    axis_state *a = pick_axis(ax, x);
    formatter *f = o->minor ? &a->minor_fmt : &a->fmt;
    char *fmt = NULL, *sym = NULL;
    if (o->fmt && !(fmt = nplot__strdup(ax->fig, o->fmt, who))) return ax->fig->status;
    if (o->symbol && !(sym = nplot__strdup(ax->fig, o->symbol, who))) {
        nd_free_mem(fmt);
        return ax->fig->status;
    }
    nd_free_mem(f->fmt);
    nd_free_mem(f->symbol);
    *f = (formatter){ .kind = k, .fmt = fmt, .xmax = o->xmax, .decimals = o->decimals,
                      .symbol = sym, .fn = o->fn, .ctx = o->ctx };
    nplot__mark_dirty(ax->fig);
    return ND_OK;
}

nd_status nplot_set_xformatter_(nplot_axes *ax, const nplot_formatter_opts *o)
{
    return set_formatter(ax, true, o, "nplot_set_xformatter");
}

nd_status nplot_set_yformatter_(nplot_axes *ax, const nplot_formatter_opts *o)
{
    return set_formatter(ax, false, o, "nplot_set_yformatter");
}

nd_status nplot_set_zformatter_(nplot_axes *ax, const nplot_formatter_opts *o)
{
    return set_formatter(ax, AX_Z, o, "nplot_set_zformatter");
}

/* ---- twins ----------------------------------------------------------------------------------------- */
static nplot_axes *twin(nplot_axes *ax, bool twinx, const char *who)
{
    if (!ax) {
        nd_set_error(ND_EVALUE, "%s: axes is NULL", who);
        return NULL;
    }
    if (nplot__check(ax->fig)) return NULL;
    nplot_axes *t = nplot__axes_new(ax->fig, who);
    if (!t) return NULL;
    t->gs = ax->gs;
    t->r0 = ax->r0;
    t->r1 = ax->r1;
    t->c0 = ax->c0;
    t->c1 = ax->c1;
    memcpy(t->rect, ax->rect, sizeof t->rect);
    t->twin_parent = ax;
    t->face.a = 0;
    if (twinx) {
        t->twin_x_of = true;
        t->xa.share_root = ax;
        t->ya.ticks_side[0] = t->ya.labels_side[0] = false;
        t->ya.ticks_side[1] = t->ya.labels_side[1] = true;
        t->xa.ticks_side[0] = t->xa.labels_side[0] = false;
        t->xa.grid_major = false;
    } else {
        t->twin_y_of = true;
        t->ya.share_root = ax;
        t->xa.ticks_side[0] = t->xa.labels_side[0] = false;
        t->xa.ticks_side[1] = t->xa.labels_side[1] = true;
        t->ya.ticks_side[0] = t->ya.labels_side[0] = false;
        t->ya.grid_major = false;
    }
    return t;
}

nplot_axes *nplot_twinx(nplot_axes *ax) { return twin(ax, true, "nplot_twinx"); }
nplot_axes *nplot_twiny(nplot_axes *ax) { return twin(ax, false, "nplot_twiny"); }

/* ---- spines: position, colour, width, bounds; set_axisbelow ---------------------------- */

/* Parses `which` (NULL, "all" or a comma list of spine names) into pick[] in ax->spine order. */
static nd_status pick_spines(nplot_axes *ax, const char *which, bool pick[4], const char *who)
{
    static const char *names[4] = { "left", "bottom", "right", "top" };
    for (int k = 0; k < 4; k++) pick[k] = !which || !strcmp(which, "all");
    if (!which || !strcmp(which, "all")) return ND_OK;
    for (const char *p = which; *p;) {
        size_t len = strcspn(p, ",");
        int k = 0;
        while (k < 4 && !(strlen(names[k]) == len && !strncmp(p, names[k], len))) k++;
        if (k == 4)
            return nplot__fail(ax->fig, ND_EVALUE, "%s: unknown spine '%.*s' in '%s' (left, "
                                                   "bottom, right, top or all)",
                               who, (int)len, p, which);
        pick[k] = true;
        p += len + (p[len] == ',');
    }
    return ND_OK;
}

nd_status nplot_spines_set_position(nplot_axes *ax, const char *which, const char *kind,
                                    double amount)
{
    static const char *who = "nplot_spines_set_position";
    CHECK_AX(ax, who);
    bool pick[4];
    if (pick_spines(ax, which, pick, who)) return ND_EVALUE;
    if (!kind) return nplot__fail(ax->fig, ND_EVALUE, "%s: kind is NULL", who);
    int pos;
    double v = amount;
    if (!strcmp(kind, "zero")) pos = SPINE_POS_DATA, v = 0;
    else if (!strcmp(kind, "center")) pos = SPINE_POS_AXES, v = 0.5;
    else if (!strcmp(kind, "outward")) pos = SPINE_POS_OUTWARD;
    else if (!strcmp(kind, "axes")) pos = SPINE_POS_AXES;
    else if (!strcmp(kind, "data")) pos = SPINE_POS_DATA;
    else
        return nplot__fail(ax->fig, ND_EVALUE, "%s: unknown position kind '%s' (zero, center, "
                                               "outward, axes or data)", who, kind);
    if (!isfinite(v))
        return nplot__fail(ax->fig, ND_EVALUE, "%s: the %s amount must be finite, got %g", who,
                           kind, v);
    for (int k = 0; k < 4; k++)
        if (pick[k]) {
            /* ('outward', 0) and ('axes', 0/1) on the own side are the plain edge */
            ax->spine_pos[k] = pos;
            ax->spine_pos_v[k] = v;
        }
    nplot__mark_dirty(ax->fig);
    return ND_OK;
}

nd_status nplot_spines_set_color(nplot_axes *ax, const char *which, const char *color)
{
    static const char *who = "nplot_spines_set_color";
    CHECK_AX(ax, who);
    bool pick[4];
    if (pick_spines(ax, which, pick, who)) return ND_EVALUE;
    rgba c;
    if (nplot__color(color, ax->fig->style, &c, who))
        return nplot__fail(ax->fig, ND_EVALUE, "%s", nd_errmsg());
    for (int k = 0; k < 4; k++)
        if (pick[k]) ax->spine_color[k] = c, ax->spine_color_set[k] = true;
    nplot__mark_dirty(ax->fig);
    return ND_OK;
}

nd_status nplot_spines_set_linewidth(nplot_axes *ax, const char *which, double lw)
{
    static const char *who = "nplot_spines_set_linewidth";
    CHECK_AX(ax, who);
    bool pick[4];
    if (pick_spines(ax, which, pick, who)) return ND_EVALUE;
    if (!(lw >= 0) || !isfinite(lw))
        return nplot__fail(ax->fig, ND_EVALUE, "%s: linewidth must be >= 0 and finite, got %g",
                           who, lw);
    for (int k = 0; k < 4; k++)
        if (pick[k]) ax->spine_lw[k] = lw, ax->spine_lw_set[k] = true;
    nplot__mark_dirty(ax->fig);
    return ND_OK;
}

nd_status nplot_spines_set_bounds(nplot_axes *ax, const char *which, double low, double high)
{
    static const char *who = "nplot_spines_set_bounds";
    CHECK_AX(ax, who);
    bool pick[4];
    if (pick_spines(ax, which, pick, who)) return ND_EVALUE;
    if (!isfinite(low) || !isfinite(high))
        return nplot__fail(ax->fig, ND_EVALUE, "%s: bounds must be finite, got (%g, %g)", who,
                           low, high);
    for (int k = 0; k < 4; k++)
        if (pick[k]) {
            ax->spine_bounds[k][0] = low;
            ax->spine_bounds[k][1] = high;
            ax->spine_bounds_set[k] = true;
        }
    nplot__mark_dirty(ax->fig);
    return ND_OK;
}

nd_status nplot_set_axisbelow(nplot_axes *ax, int below)
{
    static const char *who = "nplot_set_axisbelow";
    CHECK_AX(ax, who);
    if (below == NPLOT_ON) ax->axisbelow = 1;
    else if (below == NPLOT_AXISBELOW_LINE) ax->axisbelow = 2;
    else if (below == NPLOT_OFF) ax->axisbelow = 3;
    else
        return nplot__fail(ax->fig, ND_EVALUE, "%s: below must be NPLOT_ON, NPLOT_OFF or "
                                               "NPLOT_AXISBELOW_LINE, got %d", who, below);
    nplot__mark_dirty(ax->fig);
    return ND_OK;
}
