/* Polar axes (issue 20): creation (projection 'polar') and the PolarAxes calls: r limits,
 * r and theta grids, the zero location and direction of theta, sectors, the r origin.
 * The plotting calls (plot, scatter, bar, fill, fill_between, text ...) are the ordinary
 * ones: draw_polar.c maps their (theta, r) data. */
#include "plot_model.h"

#include <math.h>
#include <stdio.h>
#include <string.h>

static nd_status check_polar(nplot_axes *ax, const char *who)
{
    CHECK_AX(ax, who);
    if (!ax->polar)
        return nplot__fail(ax->fig, ND_EVALUE, "%s: the axes is not polar (create it with "
                                               "nplot_subplot_polar or nplot_set_projection)", who);
    return ND_OK;
}
#define CHECK_POLAR(ax, who)                       \
    do {                                           \
        nd_status st_p_ = check_polar((ax), (who)); \
        if (st_p_) return st_p_;                   \
    } while (0)

nd_status nplot_set_projection(nplot_axes *ax, const char *name)
{
    static const char *who = "nplot_set_projection";
    CHECK_AX(ax, who);
    bool polar = name && !strcmp(name, "polar");
    if (!name || (!polar && strcmp(name, "rectilinear")))
        return nplot__fail(ax->fig, ND_EVALUE, "%s: unknown projection '%s' (polar, rectilinear)",
                           who, name ? name : "(null)");
    if (polar == (ax->polar != NULL)) return ND_OK;
    if (ax->artists || ax->is3d || ax->twin_parent || ax->cbar_parent || ax->xa.share_root ||
        ax->ya.share_root)
        return nplot__fail(ax->fig, ND_EVALUE, "%s: the projection is chosen on a new axes (this "
                                               "one has artists, is 3-D, shared, a twin or a "
                                               "colorbar)", who);
    if (!polar) {
        nd_free_mem(ax->polar);
        ax->polar = NULL;
        ax->xa.set_lo = ax->xa.set_hi = false;
        ax->xa.grid_major = ax->ya.grid_major = ax->fig->style->grid_on;
        nplot__mark_dirty(ax->fig);
        return ND_OK;
    }
    if (ax->xa.scale != SCALE_LINEAR || ax->ya.scale != SCALE_LINEAR)
        return nplot__fail(ax->fig, ND_EVALUE, "%s: a polar axes needs linear scales", who);
    polar_state *p = nd_calloc(1, sizeof *p, who);
    if (!p) return nplot__fail(ax->fig, ND_ENOMEM, "%s: out of memory", who);
    p->direction = 1;
    p->rlabel_pos = 22.5;
    ax->polar = p;
    /* theta: the full circle, fixed; polar axes show their grid (rc polaraxes.grid) */
    ax->xa.set_lo = ax->xa.set_hi = true;
    ax->xa.lo_fixed = ax->xa.lo = 0;
    ax->xa.hi_fixed = ax->xa.hi = 2 * M_PI;
    ax->xa.grid_major = ax->ya.grid_major = true;
    nplot__mark_dirty(ax->fig);
    return ND_OK;
}

bool nplot_is_polar(const nplot_axes *ax)
{
    return ax && ax->polar;
}

nplot_axes *nplot_subplot_polar(nplot_figure *fig, int nrows, int ncols, int index)
{
    nplot_axes *ax = nplot_subplot(fig, nrows, ncols, index);
    if (!ax || nplot_set_projection(ax, "polar")) return NULL;
    return ax;
}

nplot_axes *nplot_add_axes_polar(nplot_figure *fig, double left, double bottom, double width,
                                 double height)
{
    nplot_axes *ax = nplot_add_axes(fig, left, bottom, width, height);
    if (!ax || nplot_set_projection(ax, "polar")) return NULL;
    return ax;
}

/* ---- r limits ------------------------------------------------------------------------- */
static nd_status set_r(nplot_axes *ax, double lo, double hi, bool set_lo, bool set_hi, const char *who)
{
    CHECK_POLAR(ax, who);
    if ((set_lo && !isfinite(lo)) || (set_hi && !isfinite(hi)))
        return nplot__fail(ax->fig, ND_EVALUE, "%s: r limits must be finite, got %g, %g", who, lo, hi);
    axis_state *a = &ax->ya;
    double nlo = set_lo ? lo : a->set_lo ? a->lo_fixed : NAN;
    double nhi = set_hi ? hi : a->set_hi ? a->hi_fixed : NAN;
    if (!isnan(nlo) && !isnan(nhi) && !(nlo < nhi))
        return nplot__fail(ax->fig, ND_EVALUE, "%s: rmin (%g) must be below rmax (%g) (inverted r "
                                               "axes are not supported)", who, nlo, nhi);
    if (set_lo) a->set_lo = true, a->lo_fixed = lo;
    if (set_hi) a->set_hi = true, a->hi_fixed = hi;
    nplot__mark_dirty(ax->fig);
    return ND_OK;
}

nd_status nplot_set_rmax(nplot_axes *ax, double rmax)
{
    return set_r(ax, 0, rmax, false, true, "nplot_set_rmax");
}

nd_status nplot_set_rmin(nplot_axes *ax, double rmin)
{
    return set_r(ax, rmin, 0, true, false, "nplot_set_rmin");
}

nd_status nplot_set_rlim(nplot_axes *ax, double rmin, double rmax)
{
    static const char *who = "nplot_set_rlim";
    CHECK_POLAR(ax, who);
    if (isinf(rmin) || isinf(rmax))
        return nplot__fail(ax->fig, ND_EVALUE, "%s: r limits must be finite or NaN (automatic), "
                                               "got %g, %g", who, rmin, rmax);
    if (!isnan(rmin) && !isnan(rmax) && !(rmin < rmax))
        return nplot__fail(ax->fig, ND_EVALUE, "%s: rmin (%g) must be below rmax (%g) (inverted r "
                                               "axes are not supported)", who, rmin, rmax);
    ax->ya.set_lo = ax->ya.set_hi = false;
    return set_r(ax, rmin, rmax, !isnan(rmin), !isnan(rmax), who);
}

nd_status nplot_set_rorigin(nplot_axes *ax, double rorigin)
{
    static const char *who = "nplot_set_rorigin";
    CHECK_POLAR(ax, who);
    if (isinf(rorigin))
        return nplot__fail(ax->fig, ND_EVALUE, "%s: rorigin must be finite or NaN (rmin), got %g",
                           who, rorigin);
    ax->polar->rorigin_set = !isnan(rorigin);
    ax->polar->rorigin = rorigin;
    nplot__mark_dirty(ax->fig);
    return ND_OK;
}

nd_status nplot_set_rticks(nplot_axes *ax, const double *r, int n)
{
    CHECK_POLAR(ax, "nplot_set_rticks");
    return nplot_set_yticks_(ax, r, n, NULL);
}

nd_status nplot_set_rlabel_position(nplot_axes *ax, double degrees)
{
    static const char *who = "nplot_set_rlabel_position";
    CHECK_POLAR(ax, who);
    if (!isfinite(degrees))
        return nplot__fail(ax->fig, ND_EVALUE, "%s: the angle must be finite, got %g", who, degrees);
    ax->polar->rlabel_pos = degrees;
    nplot__mark_dirty(ax->fig);
    return ND_OK;
}

/* ---- theta -------------------------------------------------------------------------- */
nd_status nplot_set_theta_offset(nplot_axes *ax, double radians)
{
    static const char *who = "nplot_set_theta_offset";
    CHECK_POLAR(ax, who);
    if (!isfinite(radians))
        return nplot__fail(ax->fig, ND_EVALUE, "%s: the offset must be finite, got %g", who, radians);
    ax->polar->offset = radians;
    nplot__mark_dirty(ax->fig);
    return ND_OK;
}

nd_status nplot_set_theta_zero_location(nplot_axes *ax, const char *loc, double offset_deg)
{
    static const char *who = "nplot_set_theta_zero_location";
    CHECK_POLAR(ax, who);
    static const struct { const char *n; double q; } locs[] = {
        { "N", 0.5 }, { "NW", 0.75 }, { "W", 1 }, { "SW", 1.25 },
        { "S", 1.5 }, { "SE", 1.75 }, { "E", 0 }, { "NE", 0.25 },
    };
    for (size_t i = 0; loc && i < sizeof locs / sizeof *locs; i++)
        if (!strcmp(loc, locs[i].n)) {
            if (!isfinite(offset_deg))
                return nplot__fail(ax->fig, ND_EVALUE, "%s: the offset must be finite, got %g", who,
                                   offset_deg);
            return nplot_set_theta_offset(ax, M_PI * locs[i].q + offset_deg * M_PI / 180);
        }
    return nplot__fail(ax->fig, ND_EVALUE, "%s: unknown location '%s' (N, NW, W, SW, S, SE, E, NE)",
                       who, loc ? loc : "(null)");
}

nd_status nplot_set_theta_direction(nplot_axes *ax, int direction)
{
    static const char *who = "nplot_set_theta_direction";
    CHECK_POLAR(ax, who);
    if (direction != 1 && direction != -1)
        return nplot__fail(ax->fig, ND_EVALUE, "%s: direction must be 1 (counter-clockwise) or -1 "
                                               "(clockwise), got %d", who, direction);
    ax->polar->direction = direction;
    nplot__mark_dirty(ax->fig);
    return ND_OK;
}

nd_status nplot_set_thetalim(nplot_axes *ax, double thetamin, double thetamax)
{
    static const char *who = "nplot_set_thetalim";
    CHECK_POLAR(ax, who);
    if (!isfinite(thetamin) || !isfinite(thetamax))
        return nplot__fail(ax->fig, ND_EVALUE, "%s: thetamin and thetamax must be finite, got %g, %g",
                           who, thetamin, thetamax);
    if (!(thetamin < thetamax))
        return nplot__fail(ax->fig, ND_EVALUE, "%s: thetamin (%g) must be below thetamax (%g)", who,
                           thetamin, thetamax);
    if (thetamax - thetamin > 360 && !nplot__polar_full(thetamin, thetamax))
        return nplot__fail(ax->fig, ND_EVALUE, "%s: the angle range must be at most a full circle, "
                                               "got %g to %g degrees", who, thetamin, thetamax);
    ax->xa.lo_fixed = thetamin * M_PI / 180;
    ax->xa.hi_fixed = thetamax * M_PI / 180;
    nplot__mark_dirty(ax->fig);
    return ND_OK;
}

nd_status nplot_set_thetamin(nplot_axes *ax, double thetamin)
{
    CHECK_POLAR(ax, "nplot_set_thetamin");
    return nplot_set_thetalim(ax, thetamin, ax->xa.hi_fixed * 180 / M_PI);
}

nd_status nplot_set_thetamax(nplot_axes *ax, double thetamax)
{
    CHECK_POLAR(ax, "nplot_set_thetamax");
    return nplot_set_thetalim(ax, ax->xa.lo_fixed * 180 / M_PI, thetamax);
}

/* ---- grids ----------------------------------------------------------------------------- */
/* A printf format with exactly one double conversion (anything else would be undefined
 * behaviour in snprintf). */
static bool one_double_conversion(const char *f)
{
    int conv = 0;
    for (const char *p = f; *p; p++) {
        if (*p != '%') continue;
        if (p[1] == '%') {
            p++;
            continue;
        }
        const char *q = p + 1;
        while (*q && strchr("+- #0123456789.", *q)) q++;
        if (!*q || !strchr("eEfFgGaA", *q)) return false;
        conv++;
        p = q;
    }
    return conv == 1;
}

nd_status nplot_thetagrids_(nplot_axes *ax, const double *angles, int n,
                            const nplot_thetagrids_opts *o)
{
    static const char *who = "nplot_thetagrids";
    CHECK_POLAR(ax, who);
    o = NPLOT__OPTS(o, nplot_thetagrids_opts);
    if (n < 0 || (n > 0 && !angles))
        return nplot__fail(ax->fig, ND_EVALUE, "%s: need n >= 0 angles and an angle array", who);
    if (o->fmt && (strlen(o->fmt) >= sizeof ax->polar->theta_fmt || !one_double_conversion(o->fmt)))
        return nplot__fail(ax->fig, ND_EVALUE, "%s: fmt \"%s\" must be under 64 characters with "
                                               "exactly one double conversion (%%g %%.0f ...)", who, o->fmt);
    double rad[512];
    if (n > 512) return nplot__fail(ax->fig, ND_EVALUE, "%s: at most 512 angles, got %d", who, n);
    for (int i = 0; i < n; i++) {
        if (!isfinite(angles[i]))
            return nplot__fail(ax->fig, ND_EVALUE, "%s: angle %d is not finite (%g)", who, i, angles[i]);
        rad[i] = angles[i] * M_PI / 180;
    }
    nd_status st = nplot_set_xticks_(ax, rad, n, &(nplot_ticks_opts){ .labels = o->labels });
    if (st) return st;
    if (o->fmt) snprintf(ax->polar->theta_fmt, sizeof ax->polar->theta_fmt, "%s", o->fmt);
    return ND_OK;
}

nd_status nplot_rgrids_(nplot_axes *ax, const double *radii, int n, const nplot_rgrids_opts *o)
{
    static const char *who = "nplot_rgrids";
    CHECK_POLAR(ax, who);
    o = NPLOT__OPTS(o, nplot_rgrids_opts);
    if (!isfinite(o->angle))
        return nplot__fail(ax->fig, ND_EVALUE, "%s: angle must be finite, got %g", who, o->angle);
    if (o->fmt && !one_double_conversion(o->fmt))
        return nplot__fail(ax->fig, ND_EVALUE, "%s: fmt \"%s\" must contain exactly one double "
                                               "conversion (%%g %%.1f ...)", who, o->fmt);
    nd_status st = nplot_set_yticks_(ax, radii, n, &(nplot_ticks_opts){ .labels = o->labels });
    if (st) return st;
    if (o->fmt && !o->labels.v) {
        st = nplot_set_yformatter_(ax, &(nplot_formatter_opts){ .kind = "printf", .fmt = o->fmt });
        if (st) return st;
    }
    if (o->angle != 0) ax->polar->rlabel_pos = o->angle;
    return ND_OK;
}
