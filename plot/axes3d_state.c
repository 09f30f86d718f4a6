/* Axes3D's z-axis state: inversion, bounds, margin, autoscaling, scale, label and the grid
 * switch (matplotlib 3.6 axes3d.py). */
#include "plot_model.h"

#include <math.h>
#include <string.h>

nd_status nplot_invert_zaxis(nplot_axes *ax)
{
    CHECK_3D(ax, "nplot_invert_zaxis");
    axis_state *a = nplot__zaxis_root(ax);
    double lo, hi;
    nplot__zlimits(ax, &lo, &hi);
    /* set_zlim(top, bottom, auto=None): fixed limits swap, automatic ones stay automatic */
    if (a->set_lo && a->set_hi) {
        a->lo_fixed = hi, a->hi_fixed = lo;
    } else {
        a->inverted = !a->inverted;
        if (a->set_lo || a->set_hi) { /* one fixed side moves with the swap */
            double keep = a->set_lo ? a->lo_fixed : a->hi_fixed;
            bool was_lo = a->set_lo;
            a->set_lo = !was_lo, a->set_hi = was_lo;
            if (was_lo) a->hi_fixed = keep;
            else a->lo_fixed = keep;
        }
    }
    nplot__mark_dirty(ax->fig);
    return ND_OK;
}

bool nplot_zaxis_inverted(nplot_axes *ax)
{
    if (!ax || !ax->is3d) return false;
    double lo, hi;
    nplot__zlimits(ax, &lo, &hi);
    return hi < lo;
}

nd_status nplot_get_zbound(nplot_axes *ax, double *lower, double *upper)
{
    CHECK_3D(ax, "nplot_get_zbound");
    double lo, hi;
    nplot__zlimits(ax, &lo, &hi);
    if (lower) *lower = fmin(lo, hi);
    if (upper) *upper = fmax(lo, hi);
    return ND_OK;
}

nd_status nplot_set_zbound(nplot_axes *ax, double lower, double upper)
{
    static const char *who = "nplot_set_zbound";
    CHECK_3D(ax, who);
    if (isinf(lower) || isinf(upper))
        return nplot__fail(ax->fig, ND_EVALUE, "%s: bounds must be finite (NaN keeps one), got %g, %g", who,
                           lower, upper);
    double ol, ou;
    nplot_get_zbound(ax, &ol, &ou);
    if (isnan(lower)) lower = ol;
    if (isnan(upper)) upper = ou;
    if (lower == upper)
        return nplot__fail(ax->fig, ND_EVALUE, "%s: bounds must be distinct, got %g, %g", who, lower, upper);
    double a = fmin(lower, upper), b = fmax(lower, upper);
    bool inv = nplot_zaxis_inverted(ax);
    axis_state *z = nplot__zaxis_root(ax);
    z->inverted = false; /* the order of the fixed limits carries the inversion */
    z->set_lo = z->set_hi = true;
    z->lo_fixed = inv ? b : a;
    z->hi_fixed = inv ? a : b;
    nplot__mark_dirty(ax->fig);
    return ND_OK;
}

nd_status nplot_set_zmargin(nplot_axes *ax, double m)
{
    static const char *who = "nplot_set_zmargin";
    CHECK_3D(ax, who);
    if (!(m > -0.5) || isinf(m))
        return nplot__fail(ax->fig, ND_EVALUE, "%s: margin must be greater than -0.5, got %g", who, m);
    ax->za.margin = m;
    nplot__mark_dirty(ax->fig);
    return ND_OK;
}

nd_status nplot_set_autoscalez_on(nplot_axes *ax, bool on)
{
    CHECK_3D(ax, "nplot_set_autoscalez_on");
    axis_state *a = nplot__zaxis_root(ax);
    if (on) {
        a->set_lo = a->set_hi = false;
    } else if (!(a->set_lo && a->set_hi)) {
        double lo, hi;
        nplot__zlimits(ax, &lo, &hi); /* freeze the current limits */
        a->inverted = false;
        a->set_lo = a->set_hi = true;
        a->lo_fixed = lo, a->hi_fixed = hi;
    }
    nplot__mark_dirty(ax->fig);
    return ND_OK;
}

bool nplot_get_autoscalez_on(const nplot_axes *ax)
{
    return ax && ax->is3d && !nplot__zaxis_root((nplot_axes *)ax)->set_lo &&
           !nplot__zaxis_root((nplot_axes *)ax)->set_hi;
}

nd_status nplot_set_zscale(nplot_axes *ax, const char *scale)
{
    static const char *who = "nplot_set_zscale";
    CHECK_3D(ax, who);
    if (!scale || strcmp(scale, "linear"))
        return nplot__fail(ax->fig, ND_EVALUE, "%s: 3-D axes support only the 'linear' scale, got '%s'", who,
                           scale ? scale : "(null)");
    return ND_OK;
}

const char *nplot_get_zscale(const nplot_axes *ax)
{
    return ax && ax->is3d ? "linear" : NULL;
}

const char *nplot_get_zlabel(const nplot_axes *ax)
{
    if (!ax || !ax->is3d) return NULL;
    return ax->za.label ? ax->za.label : "";
}

nd_status nplot_axes3d_grid(nplot_axes *ax, bool visible)
{
    CHECK_3D(ax, "nplot_axes3d_grid");
    ax->grid3d_off = !visible;
    nplot__mark_dirty(ax->fig);
    return ND_OK;
}
