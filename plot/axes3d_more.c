/* Axes3D's state calls beyond the z axis basics (matplotlib 3.6 axes3d.py): set_aspect's
 * equal modes, sharez, margins and autoscale with a z part, auto_scale_xyz, which sides the
 * axes sit on (get_axis_position) and a keyword form of Axes3D.set for the 3-D properties. */
#include "plot_model.h"

#include <math.h>
#include <string.h>


/* ---- set_aspect ----------------------------------------------------------------------------- */
static const char *const aspect_names[] = { "auto", "equal", "equalxy", "equalxz", "equalyz" };
/* the axes each mode equalizes, as bits x 1, y 2, z 4 */
static const int aspect_axes[] = { 0, 7, 3, 5, 6 };

nd_status nplot_set_aspect3d(nplot_axes *ax, const char *aspect, const char *adjustable)
{
    static const char *who = "nplot_set_aspect3d";
    CHECK_3D(ax, who);
    int mode = -1;
    for (int i = 0; i < 5; i++)
        if (aspect && !strcmp(aspect, aspect_names[i])) mode = i;
    if (mode < 0)
        return nplot__fail(ax->fig, ND_EVALUE, "%s: aspect '%s' is not one of 'auto', 'equal', "
                                               "'equalxy', 'equalxz', 'equalyz'",
                           who, aspect ? aspect : "(null)");
    bool box = adjustable && !strcmp(adjustable, "box");
    if (adjustable && !box && strcmp(adjustable, "datalim"))
        return nplot__fail(ax->fig, ND_EVALUE, "%s: adjustable '%s' is not 'box' or 'datalim'", who,
                           adjustable);
    ax->aspect3d = mode;
    nplot__mark_dirty(ax->fig);
    int bits = aspect_axes[mode];
    if (!bits) return ND_OK;
    double w[6], box3[3], ptp[3], mean[3];
    nd_status st = nplot_get_w_lims(ax, w);
    if (st) return st;
    nplot__proj3d_box(ax, box3);
    double delta = 0;
    for (int i = 0; i < 3; i++) {
        ptp[i] = w[2 * i + 1] - w[2 * i];
        mean[i] = (w[2 * i] + w[2 * i + 1]) / 2;
        if (bits >> i & 1) delta = fmax(delta, ptp[i]);
    }
    if (box) {
        /* matplotlib 3.7's adjustable='box': the box takes the data ranges of the equalized
         * axes; the other axis keeps its length relative to the diagonal they span */
        double nb[3] = { box3[0], box3[1], box3[2] }, od = 0, nd = 0;
        for (int i = 0; i < 3; i++)
            if (bits >> i & 1) {
                nb[i] = ptp[i];
                od += box3[i] * box3[i], nd += ptp[i] * ptp[i];
            }
        for (int i = 0; i < 3; i++)
            if (!(bits >> i & 1)) nb[i] *= sqrt(nd / od);
        double zoom = sqrt(box3[0] * box3[0] + box3[1] * box3[1] + box3[2] * box3[2]) / NPLOT__BOX3D_DIAG;
        return nplot_set_box_aspect3d(ax, nb[0], nb[1], nb[2], zoom);
    }
    /* matplotlib 3.6 (3.7's 'datalim'): the limits widen about their centres so that data units
     * are the same length along the equalized axes; scale is the box side of the first axis
     * (of all three) whose range is the widest of theirs */
    int first = 0;
    while (first < 2 && ptp[first] != delta) first++;
    double scale = box3[first];
    for (int i = 0; i < 3; i++) {
        if (!(bits >> i & 1)) continue;
        double d = delta * box3[i] / scale, lo = mean[i] - d / 2, hi = mean[i] + d / 2;
        st = i == 0 ? nplot_set_xlim(ax, lo, hi) : i == 1 ? nplot_set_ylim(ax, lo, hi) : nplot_set_zlim(ax, lo, hi);
        if (st) return st;
    }
    return ND_OK;
}

const char *nplot_get_aspect3d(nplot_axes *ax)
{
    if (!ax || !ax->is3d) {
        nd_set_error(ND_EVALUE, "nplot_get_aspect3d: %s", ax ? "the axes is not 3-D" : "axes is NULL");
        return NULL;
    }
    return aspect_names[ax->aspect3d];
}

/* ---- sharez ---------------------------------------------------------------------------------- */
nd_status nplot_sharez(nplot_axes *ax, nplot_axes *other)
{
    static const char *who = "nplot_sharez";
    CHECK_3D(ax, who);
    if (!other) return nplot__fail(ax->fig, ND_EVALUE, "%s: other axes is NULL", who);
    if (other->fig != ax->fig)
        return nplot__fail(ax->fig, ND_EVALUE, "%s: the other axes belongs to another figure", who);
    if (!other->is3d) return nplot__fail(ax->fig, ND_EVALUE, "%s: the other axes is not 3-D", who);
    axis_state *root = nplot__zaxis_root(other);
    if (root == nplot__zaxis_root(ax)) return ND_OK; /* one group already (or ax == other) */
    if (ax->za.share_root)
        return nplot__fail(ax->fig, ND_EVALUE, "%s: the z-axis is already shared", who);
    /* the root axes: the one whose za is root */
    nplot_axes *r = other;
    while (&r->za != root) r = r->za.share_root;
    ax->za.share_root = r; /* the limits; each axes keeps its own tick settings */
    nplot__mark_dirty(ax->fig);
    return ND_OK;
}

/* ---- margins, autoscale, auto_scale_xyz ---------------------------------------------------- */
nd_status nplot_margins3d(nplot_axes *ax, double x, double y, double z)
{
    static const char *who = "nplot_margins3d";
    CHECK_3D(ax, who);
    double m[3] = { x, y, z };
    for (int i = 0; i < 3; i++)
        if (!isnan(m[i]) && (!(m[i] > -0.5) || isinf(m[i])))
            return nplot__fail(ax->fig, ND_EVALUE, "%s: margin must be greater than -0.5, got %g", who,
                               m[i]);
    axis_state *as[3] = { &ax->xa, &ax->ya, &ax->za };
    for (int i = 0; i < 3; i++)
        if (!isnan(m[i])) as[i]->margin = m[i];
    nplot__mark_dirty(ax->fig);
    return ND_OK;
}

nd_status nplot_get_margins3d(nplot_axes *ax, double m[3])
{
    static const char *who = "nplot_get_margins3d";
    CHECK_3D(ax, who);
    if (!m) return nplot__fail(ax->fig, ND_EVALUE, "%s: m is NULL", who);
    m[0] = ax->xa.margin, m[1] = ax->ya.margin, m[2] = ax->za.margin;
    return ND_OK;
}

nd_status nplot_autoscale3d(nplot_axes *ax, bool enable, const char *axis)
{
    static const char *who = "nplot_autoscale3d";
    CHECK_3D(ax, who);
    if (!axis) axis = "both";
    bool both = !strcmp(axis, "both"), x = both || !strcmp(axis, "x"), y = both || !strcmp(axis, "y"),
         z = both || !strcmp(axis, "z");
    if (!x && !y && !z)
        return nplot__fail(ax->fig, ND_EVALUE, "%s: axis must be 'x', 'y', 'z' or 'both', got '%s'",
                           who, axis);
    nd_status st = ND_OK;
    if (x) st = nplot_axes_set_autoscalex_on(ax, enable);
    if (!st && y) st = nplot_axes_set_autoscaley_on(ax, enable);
    if (!st && z) st = nplot_set_autoscalez_on(ax, enable);
    return st;
}

/* Bbox.update_from_data_x(v, ignore): the axis' data limits become v's (ignore) or grow */
static void datalim_update(axis_state *a, const double *v, size_t n, bool ignore)
{
    if (ignore) a->has_data = false;
    for (size_t i = 0; i < n; i++) {
        if (!isfinite(v[i])) continue;
        if (!a->has_data) {
            a->dmin = a->dmax = v[i];
            a->minpos = INFINITY;
            a->has_data = true;
        }
        a->dmin = fmin(a->dmin, v[i]);
        a->dmax = fmax(a->dmax, v[i]);
        if (v[i] > 0) a->minpos = fmin(a->minpos, v[i]);
    }
}

nd_status nplot_auto_scale_xyz(nplot_axes *ax, const double *x, size_t nx, const double *y, size_t ny,
                               const double *z, size_t nz, bool had_data)
{
    static const char *who = "nplot_auto_scale_xyz";
    CHECK_3D(ax, who);
    if ((nx && !x) || (ny && !y) || (nz && !z))
        return nplot__fail(ax->fig, ND_EVALUE, "%s: an array with a count is NULL", who);
    if (nx == ny) { /* update_from_data_xy: only the points finite in both count */
        if (!had_data) ax->xa.has_data = ax->ya.has_data = false;
        for (size_t i = 0; i < nx; i++)
            if (isfinite(x[i]) && isfinite(y[i])) {
                datalim_update(&ax->xa, &x[i], 1, false);
                datalim_update(&ax->ya, &y[i], 1, false);
            }
    } else {
        datalim_update(&ax->xa, x, nx, !had_data);
        datalim_update(&ax->ya, y, ny, !had_data);
    }
    if (z) datalim_update(&ax->za, z, nz, !had_data);
    nplot__mark_dirty(ax->fig);
    return ND_OK;
}

/* ---- get_axis_position ----------------------------------------------------------------------- */
nd_status nplot_get_axis_position(nplot_axes *ax, bool high[3])
{
    static const char *who = "nplot_get_axis_position";
    CHECK_3D(ax, who);
    if (!high) return nplot__fail(ax->fig, ND_EVALUE, "%s: high is NULL", who);
    double tc[24];
    nd_status st = nplot_tunit_cube(ax, tc);
    if (st) return st;
    /* which corner of the cube lies deeper than corner 2 */
    high[0] = tc[3 * 1 + 2] > tc[3 * 2 + 2];
    high[1] = tc[3 * 3 + 2] > tc[3 * 2 + 2];
    high[2] = tc[3 * 0 + 2] > tc[3 * 2 + 2];
    return ND_OK;
}

/* ---- Axes3D.set for the 3-D properties ------------------------------------------------------ */
static nd_status want_n(nplot_axes *ax, const nplot_f64s *v, size_t lo, size_t hi, const char *name,
                        const char *who)
{
    if (!v->v && !v->n) return ND_OK;
    if (!v->v || v->n < lo || v->n > hi)
        return nplot__fail(ax->fig, ND_EVALUE, "%s: '%s' needs %zu%s values, got %zu", who, name, lo,
                           lo == hi ? "" : " or more", v->n);
    return ND_OK;
}

nd_status nplot_set3d_(nplot_axes *ax, const nplot_axes3d_props *o)
{
    static const char *who = "nplot_set3d";
    CHECK_3D(ax, who);
    o = NPLOT__OPTS(o, nplot_axes3d_props);
    nd_status st;
    if ((st = want_n(ax, &o->zlim, 2, 2, "zlim", who)) || (st = want_n(ax, &o->zbound, 2, 2, "zbound", who)) ||
        (st = want_n(ax, &o->box_aspect, 3, 3, "box_aspect", who)) ||
        (st = want_n(ax, &o->view, 2, 3, "view", who)))
        return st;
    if (o->autoscalez_on && o->autoscalez_on != NPLOT_ON && o->autoscalez_on != NPLOT_OFF)
        return nplot__fail(ax->fig, ND_EVALUE, "%s: autoscalez_on must be NPLOT_ON or NPLOT_OFF", who);
    /* the order of a keyword call that sets the scale and limits before what depends on them */
    if (o->zscale && (st = nplot_set_zscale(ax, o->zscale))) return st;
    if (o->zmargin && (st = nplot_set_zmargin(ax, o->zmargin == NPLOT_ZERO ? 0 : o->zmargin))) return st;
    if (o->autoscalez_on && (st = nplot_set_autoscalez_on(ax, o->autoscalez_on == NPLOT_ON))) return st;
    if (o->zlim.v && (st = nplot_set_zlim(ax, o->zlim.v[0], o->zlim.v[1]))) return st;
    if (o->zbound.v && (st = nplot_set_zbound(ax, o->zbound.v[0], o->zbound.v[1]))) return st;
    if (o->zticks.v && (st = nplot_set_zticks(ax, o->zticks.v, (int)o->zticks.n))) return st;
    if (o->zlabel && (st = nplot_set_zlabel(ax, o->zlabel))) return st;
    if (o->box_aspect.v &&
        (st = nplot_set_box_aspect3d(ax, o->box_aspect.v[0], o->box_aspect.v[1], o->box_aspect.v[2], 0)))
        return st;
    if (o->proj_type && (st = nplot_set_proj_type(ax, o->proj_type, o->focal_length))) return st;
    if (o->view.v &&
        (st = nplot_view_init_roll(ax, o->view.v[0], o->view.v[1], o->view.n > 2 ? o->view.v[2] : 0)))
        return st;
    if (o->aspect && (st = nplot_set_aspect3d(ax, o->aspect, o->adjustable))) return st;
    return ND_OK;
}
