/* The Axes' own properties (issue 20): matplotlib's Artist and Axes getters and setters of
 * the axes object itself: alpha, visibility, zorder, gid, layout switches, aspect, anchor,
 * adjustable, box aspect, autoscale switches, bounds, and the queries that need no layout. */
#include "legend_model.h"
#include "plot_model.h"

#include <math.h>
#include <string.h>

/* Getters return a value, so a NULL axes sets the error and gives the default. */
#define GET_AX(ax, who, dflt)                                      \
    do {                                                           \
        if (!(ax)) {                                               \
            nd_set_error(ND_EVALUE, "%s: axes is NULL", who);      \
            return dflt;                                           \
        }                                                          \
    } while (0)

static nd_status set_str(nplot_axes *ax, char **slot, const char *s, const char *who)
{
    char *c = NULL;
    if (s) {
        c = nplot__strdup(ax->fig, s, who);
        if (!c) return ax->fig->status;
    }
    nd_free_mem(*slot);
    *slot = c;
    nplot__mark_dirty(ax->fig);
    return ND_OK;
}

/* A boolean property: its setter and getter (NOT: the field stores the opposite, so a
 * zeroed axes has matplotlib's default). Every one but clip_on changes the drawing. */
#define BOOL_PROP(name, field, NOT, redraw)                                           \
    nd_status nplot_axes_set_##name(nplot_axes *ax, bool on)                          \
    {                                                                                  \
        CHECK_AX(ax, "nplot_axes_set_" #name);                                         \
        ax->field = NOT on;                                                            \
        if (redraw) nplot__mark_dirty(ax->fig);                                        \
        return ND_OK;                                                                  \
    }                                                                                  \
    bool nplot_axes_get_##name(nplot_axes *ax)                                         \
    {                                                                                  \
        GET_AX(ax, "nplot_axes_get_" #name, false);                                    \
        return NOT ax->field;                                                          \
    }
/* A string property (label, url): its setter (a copy; NULL clears) and getter. */
#define STR_PROP(name)                                                                 \
    nd_status nplot_axes_set_##name(nplot_axes *ax, const char *name)                  \
    {                                                                                  \
        CHECK_AX(ax, "nplot_axes_set_" #name);                                         \
        return set_str(ax, &ax->pr.name, name, "nplot_axes_set_" #name);               \
    }                                                                                  \
    const char *nplot_axes_get_##name(nplot_axes *ax)                                  \
    {                                                                                  \
        GET_AX(ax, "nplot_axes_get_" #name, NULL);                                     \
        return ax->pr.name;                                                            \
    }
BOOL_PROP(clip_on, pr.clip_off, !, false)
BOOL_PROP(visible, pr.hidden, !, true)
BOOL_PROP(in_layout, pr.not_in_layout, !, true)
BOOL_PROP(rasterized, pr.rasterized, , true)
BOOL_PROP(frame_on, frame_on, , true)

/* ---- Artist properties ------------------------------------------------------------------- */
nd_status nplot_axes_set_alpha(nplot_axes *ax, double alpha)
{
    static const char *who = "nplot_axes_set_alpha";
    CHECK_AX(ax, who);
    if (isnan(alpha)) {
        ax->pr.has_alpha = false;
        return ND_OK;
    }
    if (!(alpha >= 0 && alpha <= 1))
        return nplot__fail(ax->fig, ND_EVALUE, "%s: alpha (%g) is outside 0-1 range", who, alpha);
    ax->pr.has_alpha = true;
    ax->pr.alpha = alpha;
    return ND_OK;
}

double nplot_axes_get_alpha(nplot_axes *ax)
{
    GET_AX(ax, "nplot_axes_get_alpha", NAN);
    return ax->pr.has_alpha ? ax->pr.alpha : NAN;
}

nd_status nplot_axes_set_snap(nplot_axes *ax, int snap)
{
    static const char *who = "nplot_axes_set_snap";
    CHECK_AX(ax, who);
    if (snap != NPLOT_DEFAULT && snap != NPLOT_ON && snap != NPLOT_OFF)
        return nplot__fail(ax->fig, ND_EVALUE, "%s: snap must be NPLOT_ON, NPLOT_OFF or 0 (None), "
                                               "got %d", who, snap);
    ax->pr.snap = snap;
    return ND_OK;
}

int nplot_axes_get_snap(nplot_axes *ax)
{
    GET_AX(ax, "nplot_axes_get_snap", 0);
    return ax->pr.snap;
}

STR_PROP(label)
STR_PROP(url)

nd_status nplot_axes_set_gid(nplot_axes *ax, const char *gid)
{
    static const char *who = "nplot_axes_set_gid";
    CHECK_AX(ax, who);
    for (const char *p = gid; p && *p; p++) {
        char c = *p;
        bool ok = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') ||
                  c == '_' || c == '-' || c == '.' || c == ':';
        if (!ok)
            return nplot__fail(ax->fig, ND_EVALUE, "%s: gid '%s' has the character '%c' (letters, "
                                                   "digits, '_', '-', '.', ':' only)", who, gid, c);
    }
    return set_str(ax, &ax->pr.gid, gid && *gid ? gid : NULL, who);
}

const char *nplot_axes_get_gid(nplot_axes *ax)
{
    GET_AX(ax, "nplot_axes_get_gid", NULL);
    return ax->pr.gid;
}

nd_status nplot_axes_set_zorder(nplot_axes *ax, double zorder)
{
    static const char *who = "nplot_axes_set_zorder";
    CHECK_AX(ax, who);
    if (!isfinite(zorder))
        return nplot__fail(ax->fig, ND_EVALUE, "%s: zorder must be finite, got %g", who, zorder);
    ax->pr.zorder = zorder;
    nplot__mark_dirty(ax->fig);
    return ND_OK;
}

double nplot_axes_get_zorder(nplot_axes *ax)
{
    GET_AX(ax, "nplot_axes_get_zorder", NAN);
    return ax->pr.zorder;
}

nd_status nplot_axes_set_rasterization_zorder(nplot_axes *ax, double z)
{
    static const char *who = "nplot_axes_set_rasterization_zorder";
    CHECK_AX(ax, who);
    if (isinf(z))
        return nplot__fail(ax->fig, ND_EVALUE, "%s: zorder must be finite or NAN (None), got %g",
                           who, z);
    ax->pr.has_rast_z = !isnan(z);
    ax->pr.rast_z = z;
    nplot__mark_dirty(ax->fig);
    return ND_OK;
}

double nplot_axes_get_rasterization_zorder(nplot_axes *ax)
{
    GET_AX(ax, "nplot_axes_get_rasterization_zorder", NAN);
    return ax->pr.has_rast_z ? ax->pr.rast_z : NAN;
}

nd_status nplot_axes_get_facecolor(nplot_axes *ax, double rgba[4])
{
    CHECK_AX(ax, "nplot_axes_get_facecolor");
    if (!rgba) return nd_set_error(ND_EVALUE, "nplot_axes_get_facecolor: rgba is NULL");
    rgba[0] = ax->face.r;
    rgba[1] = ax->face.g;
    rgba[2] = ax->face.b;
    rgba[3] = ax->face.a;
    return ND_OK;
}

int nplot_axes_get_axisbelow(nplot_axes *ax)
{
    GET_AX(ax, "nplot_axes_get_axisbelow", 0);
    int v = ax->axisbelow ? ax->axisbelow : ax->fig->style->axisbelow;
    return v == 1 ? NPLOT_ON : v == 2 ? NPLOT_AXISBELOW_LINE : NPLOT_OFF;
}

/* ---- aspect, adjustable, anchor, box aspect ------------------------------------------------ */
double nplot_axes_get_aspect(nplot_axes *ax)
{
    GET_AX(ax, "nplot_axes_get_aspect", NAN);
    return ax->aspect;
}

nd_status nplot_axes_set_adjustable(nplot_axes *ax, const char *adjustable)
{
    static const char *who = "nplot_axes_set_adjustable";
    CHECK_AX(ax, who);
    if (adjustable && !strcmp(adjustable, "box")) ax->aspect_datalim = false;
    else if (adjustable && !strcmp(adjustable, "datalim")) ax->aspect_datalim = true;
    else
        return nplot__fail(ax->fig, ND_EVALUE, "%s: %s is not a valid value for adjustable; "
                                               "supported values are 'box', 'datalim'",
                           who, adjustable ? adjustable : "NULL");
    nplot__mark_dirty(ax->fig);
    return ND_OK;
}

const char *nplot_axes_get_adjustable(nplot_axes *ax)
{
    GET_AX(ax, "nplot_axes_get_adjustable", NULL);
    return ax->aspect_datalim ? "datalim" : "box";
}

/* matplotlib's Bbox.coefs */
static const struct { const char *code; double x, y; } ANCHORS[] = {
    { "C", 0.5, 0.5 }, { "SW", 0, 0 }, { "S", 0.5, 0 }, { "SE", 1, 0 }, { "E", 1, 0.5 },
    { "NE", 1, 1 },    { "N", 0.5, 1 }, { "NW", 0, 1 }, { "W", 0, 0.5 },
};

nd_status nplot_axes_set_anchor(nplot_axes *ax, const char *anchor)
{
    static const char *who = "nplot_axes_set_anchor";
    CHECK_AX(ax, who);
    for (size_t i = 0; anchor && i < sizeof ANCHORS / sizeof *ANCHORS; i++)
        if (!strcmp(anchor, ANCHORS[i].code)) {
            ax->anchor[0] = ANCHORS[i].x;
            ax->anchor[1] = ANCHORS[i].y;
            strcpy(ax->pr.anchor_code, ANCHORS[i].code);
            nplot__mark_dirty(ax->fig);
            return ND_OK;
        }
    return nplot__fail(ax->fig, ND_EVALUE, "%s: argument must be among C, SW, S, SE, E, NE, N, "
                                           "NW, W, got '%s'", who, anchor ? anchor : "NULL");
}

nd_status nplot_axes_set_anchor_xy(nplot_axes *ax, double fx, double fy)
{
    static const char *who = "nplot_axes_set_anchor_xy";
    CHECK_AX(ax, who);
    if (!isfinite(fx) || !isfinite(fy))
        return nplot__fail(ax->fig, ND_EVALUE, "%s: the anchor must be finite, got (%g, %g)", who,
                           fx, fy);
    ax->anchor[0] = fx;
    ax->anchor[1] = fy;
    ax->pr.anchor_code[0] = '\0';
    nplot__mark_dirty(ax->fig);
    return ND_OK;
}

const char *nplot_axes_get_anchor(nplot_axes *ax, double *fx, double *fy)
{
    GET_AX(ax, "nplot_axes_get_anchor", NULL);
    if (fx) *fx = ax->anchor[0];
    if (fy) *fy = ax->anchor[1];
    return ax->pr.anchor_code;
}

nd_status nplot_axes_set_box_aspect(nplot_axes *ax, double aspect)
{
    static const char *who = "nplot_axes_set_box_aspect";
    CHECK_AX(ax, who);
    if (!(aspect >= 0) || !isfinite(aspect))
        return nplot__fail(ax->fig, ND_EVALUE, "%s: the box aspect must be positive (or 0 for "
                                               "None), got %g", who, aspect);
    ax->pr.box_aspect = aspect;
    if (aspect > 0) ax->aspect_datalim = true; /* matplotlib: adjustable must be datalim */
    nplot__mark_dirty(ax->fig);
    return ND_OK;
}

double nplot_axes_get_box_aspect(nplot_axes *ax)
{
    GET_AX(ax, "nplot_axes_get_box_aspect", NAN);
    return ax->pr.box_aspect;
}

/* ---- autoscale switches ------------------------------------------------------------------ */
static void set_auto(nplot_axes *ax, axis_state *a, bool on)
{
    if (on) {
        a->set_lo = a->set_hi = false;
    } else if (!(a->set_lo && a->set_hi)) {
        /* the limits of the last layout (matplotlib keeps its current viewLim) */
        double lo = a->lo, hi = a->hi;
        if (!isfinite(lo) || !isfinite(hi) || lo == hi) lo = 0, hi = 1;
        a->lo_fixed = a->set_lo ? a->lo_fixed : lo;
        a->hi_fixed = a->set_hi ? a->hi_fixed : hi;
        a->set_lo = a->set_hi = true;
    }
    nplot__mark_dirty(ax->fig);
}

nd_status nplot_axes_set_autoscalex_on(nplot_axes *ax, bool on)
{
    CHECK_AX(ax, "nplot_axes_set_autoscalex_on");
    set_auto(ax, &ax->xa, on);
    return ND_OK;
}

nd_status nplot_axes_set_autoscaley_on(nplot_axes *ax, bool on)
{
    CHECK_AX(ax, "nplot_axes_set_autoscaley_on");
    set_auto(ax, &ax->ya, on);
    return ND_OK;
}

nd_status nplot_axes_set_autoscale_on(nplot_axes *ax, bool on)
{
    CHECK_AX(ax, "nplot_axes_set_autoscale_on");
    set_auto(ax, &ax->xa, on);
    set_auto(ax, &ax->ya, on);
    return ND_OK;
}

bool nplot_axes_get_autoscalex_on(nplot_axes *ax)
{
    GET_AX(ax, "nplot_axes_get_autoscalex_on", false);
    return !(ax->xa.set_lo && ax->xa.set_hi);
}

bool nplot_axes_get_autoscaley_on(nplot_axes *ax)
{
    GET_AX(ax, "nplot_axes_get_autoscaley_on", false);
    return !(ax->ya.set_lo && ax->ya.set_hi);
}

bool nplot_axes_get_autoscale_on(nplot_axes *ax)
{
    GET_AX(ax, "nplot_axes_get_autoscale_on", false);
    return nplot_axes_get_autoscalex_on(ax) && nplot_axes_get_autoscaley_on(ax);
}

/* ---- texts and scales ------------------------------------------------------------------- */
const char *nplot_axes_get_title(nplot_axes *ax, const char *loc)
{
    static const char *who = "nplot_axes_get_title";
    GET_AX(ax, who, NULL);
    int k = 0;
    if (loc && !strcmp(loc, "left")) k = 1;
    else if (loc && !strcmp(loc, "right")) k = 2;
    else if (loc && strcmp(loc, "center")) {
        nd_set_error(ND_EVALUE, "%s: '%s' is not a valid value for loc; supported values are "
                                "'left', 'center', 'right'", who, loc);
        return NULL;
    }
    return ax->title[k] ? ax->title[k] : "";
}

const char *nplot_axes_get_xlabel(nplot_axes *ax)
{
    GET_AX(ax, "nplot_axes_get_xlabel", NULL);
    return ax->xa.label ? ax->xa.label : "";
}

const char *nplot_axes_get_ylabel(nplot_axes *ax)
{
    GET_AX(ax, "nplot_axes_get_ylabel", NULL);
    return ax->ya.label ? ax->ya.label : "";
}

static const char *scale_name(const axis_state *a)
{
    switch (a->scale) {
    case SCALE_LOG: return "log";
    case SCALE_SYMLOG: return "symlog";
    case SCALE_ASINH: return "asinh";
    case SCALE_FUNCTION: return "function";
    case SCALE_LOGIT: return "logit";
    default: return "linear";
    }
}

const char *nplot_axes_get_xscale(nplot_axes *ax)
{
    GET_AX(ax, "nplot_axes_get_xscale", NULL);
    const axis_state *a = &ax->xa;
    while (a->share_root) a = &a->share_root->xa;
    return scale_name(a);
}

const char *nplot_axes_get_yscale(nplot_axes *ax)
{
    GET_AX(ax, "nplot_axes_get_yscale", NULL);
    const axis_state *a = &ax->ya;
    while (a->share_root) a = &a->share_root->ya;
    return scale_name(a);
}

/* ---- bounds, inversion, data ratio ------------------------------------------------------ */
static nd_status get_bound(nplot_axes *ax, bool x, double *lo, double *hi, const char *who)
{
    CHECK_AX(ax, who);
    double l, h;
    nd_status st = x ? nplot_get_xlim(ax, &l, &h) : nplot_get_ylim(ax, &l, &h);
    if (st) return st;
    if (lo) *lo = fmin(l, h);
    if (hi) *hi = fmax(l, h);
    return ND_OK;
}

nd_status nplot_axes_get_xbound(nplot_axes *ax, double *lo, double *hi)
{
    return get_bound(ax, true, lo, hi, "nplot_axes_get_xbound");
}

nd_status nplot_axes_get_ybound(nplot_axes *ax, double *lo, double *hi)
{
    return get_bound(ax, false, lo, hi, "nplot_axes_get_ybound");
}

static nd_status set_bound(nplot_axes *ax, bool x, double lo, double hi, const char *who)
{
    CHECK_AX(ax, who);
    double l, h;
    nd_status st = x ? nplot_get_xlim(ax, &l, &h) : nplot_get_ylim(ax, &l, &h);
    if (st) return st;
    /* matplotlib: a None bound keeps the current one; the order follows the inversion */
    double ol = fmin(l, h), oh = fmax(l, h);
    if (isnan(lo)) lo = ol;
    if (isnan(hi)) hi = oh;
    if (!isfinite(lo) || !isfinite(hi))
        return nplot__fail(ax->fig, ND_EVALUE, "%s: bounds must be finite, got %g, %g", who, lo, hi);
    double a = fmin(lo, hi), b = fmax(lo, hi);
    bool inv = l > h;
    return x ? nplot_set_xlim(ax, inv ? b : a, inv ? a : b) : nplot_set_ylim(ax, inv ? b : a, inv ? a : b);
}

nd_status nplot_axes_set_xbound(nplot_axes *ax, double lo, double hi)
{
    return set_bound(ax, true, lo, hi, "nplot_axes_set_xbound");
}

nd_status nplot_axes_set_ybound(nplot_axes *ax, double lo, double hi)
{
    return set_bound(ax, false, lo, hi, "nplot_axes_set_ybound");
}

bool nplot_axes_xaxis_inverted(nplot_axes *ax)
{
    double l, h;
    if (!ax) {
        nd_set_error(ND_EVALUE, "nplot_axes_xaxis_inverted: axes is NULL");
        return false;
    }
    return nplot_get_xlim(ax, &l, &h) == ND_OK && h < l;
}

bool nplot_axes_yaxis_inverted(nplot_axes *ax)
{
    double l, h;
    if (!ax) {
        nd_set_error(ND_EVALUE, "nplot_axes_yaxis_inverted: axes is NULL");
        return false;
    }
    return nplot_get_ylim(ax, &l, &h) == ND_OK && h < l;
}

double nplot_axes_get_data_ratio(nplot_axes *ax)
{
    GET_AX(ax, "nplot_axes_get_data_ratio", NAN);
    double xl, xh, yl, yh;
    if (nplot_get_xlim(ax, &xl, &xh) || nplot_get_ylim(ax, &yl, &yh)) return NAN;
    double xs = fabs(nplot__scale_fwd(&ax->xa, xh) - nplot__scale_fwd(&ax->xa, xl));
    double ys = fabs(nplot__scale_fwd(&ax->ya, yh) - nplot__scale_fwd(&ax->ya, yl));
    return fmax(ys, 1e-30) / fmax(xs, 1e-30);
}

bool nplot_axes_has_data(nplot_axes *ax)
{
    GET_AX(ax, "nplot_axes_has_data", false);
    for (artist *a = ax->artists; a; a = a->next)
        if (a->kind != ART_TEXT && a->kind != ART_ANNOTATE && a->kind != ART_TABLE) return true;
    return false;
}

nd_status nplot_axes_update_datalim(nplot_axes *ax, const double *x, const double *y, size_t n)
{
    static const char *who = "nplot_axes_update_datalim";
    CHECK_AX(ax, who);
    if (n && (!x || !y)) return nplot__fail(ax->fig, ND_EVALUE, "%s: x or y is NULL", who);
    /* a 3-D axes takes the points into its x and y limits (matplotlib 3.6's Axes3D drops them) */
    for (size_t i = 0; i < n; i++) {
        if (!isfinite(x[i]) || !isfinite(y[i])) continue;
        axis_state *as[2] = { &ax->xa, &ax->ya };
        double v[2] = { x[i], y[i] };
        for (int k = 0; k < 2; k++) {
            axis_state *a = as[k];
            if (!a->has_data) {
                a->dmin = a->dmax = v[k];
                a->minpos = INFINITY;
                a->has_data = true;
            }
            a->dmin = fmin(a->dmin, v[k]);
            a->dmax = fmax(a->dmax, v[k]);
            if (v[k] > 0) a->minpos = fmin(a->minpos, v[k]);
        }
    }
    nplot__mark_dirty(ax->fig);
    return ND_OK;
}

static const nplot_axes *share_root(const nplot_axes *ax, bool x)
{
    int guard = 0;
    while (guard++ < 64) {
        const axis_state *a = x ? &ax->xa : &ax->ya;
        if (!a->share_root) break;
        ax = a->share_root;
    }
    return ax;
}

bool nplot_axes_shares_x(nplot_axes *a, nplot_axes *b)
{
    if (!a || !b) {
        nd_set_error(ND_EVALUE, "nplot_axes_shares_x: axes is NULL");
        return false;
    }
    return share_root(a, true) == share_root(b, true);
}

bool nplot_axes_shares_y(nplot_axes *a, nplot_axes *b)
{
    if (!a || !b) {
        nd_set_error(ND_EVALUE, "nplot_axes_shares_y: axes is NULL");
        return false;
    }
    return share_root(a, false) == share_root(b, false);
}

bool nplot_axes_has_legend(nplot_axes *ax)
{
    GET_AX(ax, "nplot_axes_has_legend", false);
    return ax->legend_on && ax->legend_cur;
}

int nplot_axes_get_legend_handles_labels(nplot_axes *ax, int *idx, const char **labels, int cap)
{
    GET_AX(ax, "nplot_axes_get_legend_handles_labels", -1);
    int n = 0, i = 0;
    for (artist *a = ax->artists; a; a = a->next, i++) {
        if (!nplot__legend_has_entry(a)) continue;
        if (n < cap) {
            if (idx) idx[n] = i;
            if (labels) labels[n] = a->label;
        }
        n++;
    }
    return n;
}

/* ---- position ------------------------------------------------------------------------------ */
nd_status nplot_axes_set_position(nplot_axes *ax, const double rect[4], const char *which)
{
    static const char *who = "nplot_axes_set_position";
    CHECK_AX(ax, who);
    if (!rect) return nplot__fail(ax->fig, ND_EVALUE, "%s: rect is NULL", who);
    for (int i = 0; i < 4; i++)
        if (!isfinite(rect[i]) || (i >= 2 && rect[i] < 0))
            return nplot__fail(ax->fig, ND_EVALUE, "%s: rect must be finite with a width and height "
                                                   ">= 0, got (%g, %g, %g, %g)",
                               who, rect[0], rect[1], rect[2], rect[3]);
    bool active = which && !strcmp(which, "active");
    if (which && !active && strcmp(which, "both") && strcmp(which, "original"))
        return nplot__fail(ax->fig, ND_EVALUE, "%s: which must be 'both', 'active' or 'original', "
                                               "got '%s'", who, which);
    ax->pr.not_in_layout = true; /* matplotlib's set_position: set_in_layout(False) */
    if (!active) {
        memcpy(ax->pr.pos, rect, sizeof ax->pr.pos);
        ax->pr.pos_set = true;
    }
    nplot__mark_dirty(ax->fig);
    return ND_OK;
}

nd_status nplot_axes_reset_position(nplot_axes *ax)
{
    CHECK_AX(ax, "nplot_axes_reset_position");
    nplot__mark_dirty(ax->fig);
    return ND_OK;
}
