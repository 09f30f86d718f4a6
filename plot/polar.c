/* Polar axes geometry (issue 20): the square box, the r autoscale rule and the data →
 * device transform, as matplotlib's PolarAxes builds them (transShift + PolarTransform +
 * PolarAffine + _WedgeBbox + transAxes). Model only: the painter is draw_polar.c. */
#include "plot_model.h"

#include <numc/ufunc.h>
#include <math.h>

bool nplot__polar_full(double lo_deg, double hi_deg)
{
    return fabs(fabs(hi_deg - lo_deg) - 360.0) < 1e-12;
}

void nplot__polar_box(nplot_axes *ax)
{
    double w = ax->dev[2] - ax->dev[0], h = ax->dev[3] - ax->dev[1];
    if (!(w > 0) || !(h > 0)) return;
    double s = fmin(w, h), cx = (ax->dev[0] + ax->dev[2]) / 2, cy = (ax->dev[1] + ax->dev[3]) / 2;
    ax->dev[0] = cx - s / 2;
    ax->dev[2] = cx + s / 2;
    ax->dev[1] = cy - s / 2;
    ax->dev[3] = cy + s / 2;
}

void nplot__polar_limits(nplot_axes *ax)
{
    ax->xa.lo = ax->xa.lo_fixed;
    ax->xa.hi = ax->xa.hi_fixed;
    axis_state *r = &ax->ya;
    /* RadialLocator.view_limits: the autoscaled lower limit drops to 0 when above it */
    if (!r->set_lo && r->lo < r->hi && r->lo > 0) r->lo = 0;
    if (!r->has_data && !r->set_lo && !r->set_hi) {
        r->lo = 0;
        r->hi = 1;
    }
}

/* Path.arc(theta1, theta2) of matplotlib (degrees): the cubic Bézier vertices, control
 * points included, extend the box as update_from_path does. */
static void arc_extent(double t1, double t2, double rad, double c, double *bb)
{
    double eta1 = t1, eta2 = t2 - 360 * floor((t2 - t1) / 360);
    if (t2 != t1 && eta2 <= eta1) eta2 += 360;
    eta1 *= M_PI / 180;
    eta2 *= M_PI / 180;
    int n = (int)pow(2, ceil((eta2 - eta1) / (M_PI / 2)));
    if (n < 1) n = 1;
    double deta = (eta2 - eta1) / n, t = tan(0.5 * deta);
    double alpha = sin(deta) * (sqrt(4.0 + 3.0 * t * t) - 1) / 3.0;
    for (int i = 0; i <= n; i++) {
        double e = eta1 + deta * i, x = cos(e), y = sin(e);
        double px[3] = { x, x + alpha * -y, x - alpha * -y };
        double py[3] = { y, y + alpha * x, y - alpha * x };
        for (int k = 0; k < 3; k++) {
            if ((k == 1 && i == n) || (k == 2 && i == 0)) continue;
            double X = c + rad * px[k], Y = c + rad * py[k];
            bb[0] = fmin(bb[0], X);
            bb[1] = fmin(bb[1], Y);
            bb[2] = fmax(bb[2], X);
            bb[3] = fmax(bb[3], Y);
        }
    }
}

void nplot__polar_geometry(nplot_axes *ax)
{
    polar_state *p = ax->polar;
    double rmin = ax->ya.lo, rmax = ax->ya.hi;
    p->r0 = p->rorigin_set ? p->rorigin : rmin;
    double d0 = ax->xa.lo * p->direction + p->offset, d1 = ax->xa.hi * p->direction + p->offset;
    p->a0 = fmin(d0, d1);
    p->a1 = fmax(d0, d1);
    double deg0 = p->a0 * 180 / M_PI, deg1 = p->a1 * 180 / M_PI;
    p->full = nplot__polar_full(ax->xa.lo * 180 / M_PI, ax->xa.hi * 180 / M_PI);
    /* _WedgeBbox: the wedge of outer radius 0.5 about (0.5, 0.5), its inner radius from
     * rmin, boxed (with the arcs' control points) and squared */
    double span = rmax - p->r0;
    double inner = span != 0 ? 0.5 * (rmin - p->r0) / span : 0;
    double width = fmin(0.5 - inner, 0.5);
    double bb[4] = { INFINITY, INFINITY, -INFINITY, -INFINITY };
    double t1 = deg0, t2 = deg1;
    if (fabs((t2 - t1) - 360) <= 1e-12) t1 = 0, t2 = 360;
    arc_extent(t1, t2, 0.5, 0.5, bb);
    arc_extent(t1, t2, 0.5 - width, 0.5, bb);
    double w = bb[2] - bb[0], h = bb[3] - bb[1];
    double dh = fmax(w - h, 0) / 2, dw = fmax(h - w, 0) / 2;
    bb[0] -= dw, bb[2] += dw, bb[1] -= dh, bb[3] += dh;
    double side = bb[2] - bb[0];
    double sx = (ax->dev[2] - ax->dev[0]) / side, sy = (ax->dev[3] - ax->dev[1]) / side;
    double sc = fmin(sx, sy);
    p->cx = ax->dev[0] + (0.5 - bb[0]) * sx;
    p->cy = ax->dev[3] - (0.5 - bb[1]) * sy;
    p->k = span != 0 ? 0.5 / span * sc : 0;
    p->rout = 0.5 * sc;
    p->rin = (0.5 - width) * sc;
}

bool nplot__polar_outside(const nplot_axes *ax, double theta, double r)
{
    double lo = fmin(ax->ya.lo, ax->ya.hi), hi = fmax(ax->ya.lo, ax->ya.hi);
    if (!(r >= lo && r <= hi) || !isfinite(theta)) return true;
    if (ax->polar->full) return false;
    double t0 = ax->xa.lo, t = t0 + fmod(theta - t0, 2 * M_PI);
    if (t < t0) t += 2 * M_PI;
    return t > ax->xa.hi;
}

void nplot__polar_to_dev(const nplot_axes *ax, double theta, double r, double *dx, double *dy)
{
    const polar_state *p = ax->polar;
    double rr = r - p->r0;
    if (!(rr >= 0) || !isfinite(theta) || !isfinite(r) ||
        (p->mask_outside && nplot__polar_outside(ax, theta, r))) {
        *dx = *dy = NAN;
        return;
    }
    double a = theta * p->direction + p->offset, d = rr * p->k;
    *dx = p->cx + d * cos(a);
    *dy = p->cy - d * sin(a);
}

/* cos (sin false) or sin of the n angles in v, in place; false when numc could not (out
 * of memory), v then unchanged. */
static bool trig_in_place(double *v, size_t n, bool sine)
{
    ptrdiff_t len = (ptrdiff_t)n;
    nd_array *a = nd_wrap(v, 1, &len, NULL, ND_FLOAT64, NULL, NULL);
    if (!a) return false;
    nd_status st = sine ? nd_sin_into(a, a) : nd_cos_into(a, a);
    nd_free(a);
    return st == ND_OK;
}

void nplot__polar_to_dev_n(const nplot_axes *ax, const double *theta, const double *r, size_t n, double *dx,
                           double *dy)
{
    const polar_state *p = ax->polar;
    /* the angles (NaN for the points not drawn: a quiet NaN through cos and sin); the
     * tests of polar_shown with the r limits and full circle taken out of the loop */
    double lo = p->mask_outside ? fmin(ax->ya.lo, ax->ya.hi) : -INFINITY;
    double hi = p->mask_outside ? fmax(ax->ya.lo, ax->ya.hi) : INFINITY;
    bool sector = p->mask_outside && !p->full;
    for (size_t i = 0; i < n; i++) {
        double t = theta[i], v = r[i];
        bool shown = v - p->r0 >= 0 && isfinite(t) && isfinite(v) && v >= lo && v <= hi &&
                     !(sector && nplot__polar_outside(ax, t, v));
        dx[i] = dy[i] = shown ? t * p->direction + p->offset : NAN;
    }
    if (!trig_in_place(dx, n, false) || !trig_in_place(dy, n, true)) {
        nd_clear_error();
        for (size_t i = 0; i < n; i++) nplot__polar_to_dev(ax, theta[i], r[i], &dx[i], &dy[i]);
        return;
    }
    for (size_t i = 0; i < n; i++) {
        double d = (r[i] - p->r0) * p->k;
        dx[i] = p->cx + d * dx[i];
        dy[i] = p->cy - d * dy[i];
    }
}
