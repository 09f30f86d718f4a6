/* Transforms: axis scales (linear, log, symlog, asinh, function) and the data/axes/figure → device mapping
 * (valid after layout). */
#include "plot_render.h"

#include <math.h>

/* ---- scales ------------------------------------------------------------------------------------ */
double nplot__scale_fwd(const axis_state *a, double v)
{
    switch (a->scale) {
    case SCALE_LOG:
        return v > 0 ? log(v) / log(a->base) : NAN;
    case SCALE_SYMLOG: {
        double lt = a->linthresh, lsa = a->linscale / (1.0 - 1.0 / a->base);
        double av = fabs(v);
        if (av <= lt) return v * lsa;
        return copysign(lt * (lsa + log(av / lt) / log(a->base)), v);
    }
    case SCALE_NORM:
        return nplot__norm_axis_fwd(a->norm_map, v);
    case SCALE_ASINH:
        return a->linear_width * asinh(v / a->linear_width);
    case SCALE_FUNCTION:
        return a->fn_fwd ? a->fn_fwd(v, a->fn_ctx) : v;
    case SCALE_LOGIT:
        return nplot__logit_fwd(v, a->logit_clip);
    default:
        return v;
    }
}

double nplot__scale_inv(const axis_state *a, double t)
{
    switch (a->scale) {
    case SCALE_LOG:
        return pow(a->base, t);
    case SCALE_SYMLOG: {
        double lt = a->linthresh, lsa = a->linscale / (1.0 - 1.0 / a->base);
        double at = fabs(t);
        if (at <= lt * lsa) return t / lsa;
        return copysign(lt * pow(a->base, at / lt - lsa), t);
    }
    case SCALE_NORM:
        return nplot__norm_axis_inv(a->norm_map, t);
    case SCALE_ASINH:
        return a->linear_width * sinh(t / a->linear_width);
    case SCALE_FUNCTION:
        return a->fn_inv ? a->fn_inv(t, a->fn_ctx) : t;
    case SCALE_LOGIT:
        return nplot__logit_inv(t);
    default:
        return t;
    }
}

/* dev = a * t + b taking l to d0 and h to d1. When h - l overflows (limits near ±DBL_MAX)
 * the map is taken about the midpoint: a span of inf made a = 0, every point at d0. */
static void axis_map(double d0, double d1, double l, double h, double *a, double *b)
{
    if (isfinite(h - l)) {
        *a = (d1 - d0) / (h - l);
        *b = d0 - l * *a;
    } else {
        *a = (d1 - d0) / 2 / (h / 2 - l / 2);
        *b = (d0 + d1) / 2 - (l / 2 + h / 2) * *a;
    }
}

xform nplot__xform(const nplot_axes *ax)
{
    xform t;
    double xl = nplot__scale_fwd(&ax->xa, ax->xa.lo), xh = nplot__scale_fwd(&ax->xa, ax->xa.hi);
    double yl = nplot__scale_fwd(&ax->ya, ax->ya.lo), yh = nplot__scale_fwd(&ax->ya, ax->ya.hi);
    axis_map(ax->dev[0], ax->dev[2], xl, xh, &t.ax, &t.bx);
    axis_map(ax->dev[3], ax->dev[1], yl, yh, &t.ay, &t.by);
    t.xs = &ax->xa;
    t.ys = &ax->ya;
    return t;
}

void nplot__to_dev(render_ctx *rc, const nplot_axes *ax, const xform *t, int xcoord, int ycoord,
                   double x, double y, double *dx, double *dy)
{
    if (ax->polar && xcoord == COORD_DATA && ycoord == COORD_DATA) { /* (theta, r): polar.c */
        nplot__polar_to_dev(ax, x, y, dx, dy);
        return;
    }
    switch (xcoord) {
    case COORD_DATA: *dx = t->ax * nplot__scale_fwd(t->xs, x) + t->bx; break;
    case COORD_AXES: *dx = ax->dev[0] + x * (ax->dev[2] - ax->dev[0]); break;
    default: *dx = x * rc->W; break;
    }
    switch (ycoord) {
    case COORD_DATA: *dy = t->ay * nplot__scale_fwd(t->ys, y) + t->by; break;
    case COORD_AXES: *dy = ax->dev[3] - y * (ax->dev[3] - ax->dev[1]); break;
    default: *dy = (1 - y) * rc->H; break;
    }
}

void nplot__to_dev_n(render_ctx *rc, const nplot_axes *ax, const xform *t, int xcoord, int ycoord,
                     const double *x, const double *y, size_t n, double *dx, double *dy)
{
    if (!ax->polar && xcoord == COORD_DATA && ycoord == COORD_DATA && t->xs->scale == SCALE_LINEAR &&
        t->ys->scale == SCALE_LINEAR) {
        const double a = t->ax, b = t->bx, c = t->ay, d = t->by;
        for (size_t i = 0; i < n; i++) dx[i] = a * x[i] + b;
        for (size_t i = 0; i < n; i++) dy[i] = c * y[i] + d;
        return;
    }
    if (ax->polar && xcoord == COORD_DATA && ycoord == COORD_DATA) {
        nplot__polar_to_dev_n(ax, x, y, n, dx, dy);
        return;
    }
    for (size_t i = 0; i < n; i++) nplot__to_dev(rc, ax, t, xcoord, ycoord, x[i], y[i], &dx[i], &dy[i]);
}

/* ---- device-space simplification ------------------------------------------------------- */
void nplot__simplify(nplot__pt_sink *s, const double *x, const double *y, size_t n, double tol)
{
    double ax0 = x[0], ay0 = y[0], dx = 0, dy = 0, far = 0, lx = ax0, ly = ay0;
    bool have_dir = false;
    nplot__sink_put(s, ax0, ay0, true);
    for (size_t k = 1; k < n; k++) {
        double qx = x[k], qy = y[k], vx = qx - ax0, vy = qy - ay0;
        if (!have_dir) {
            double len = hypot(vx, vy);
            if (len < tol) continue;
            dx = vx / len, dy = vy / len, far = len, lx = qx, ly = qy;
            have_dir = true;
            continue;
        }
        double along = vx * dx + vy * dy, perp = fabs(vx * dy - vy * dx);
        if (perp <= tol && along >= far) {
            far = along, lx = qx, ly = qy;
            continue;
        }
        nplot__sink_put(s, lx, ly, false); /* the run ends at its farthest point */
        ax0 = lx, ay0 = ly;
        vx = qx - ax0, vy = qy - ay0;
        double len = hypot(vx, vy);
        have_dir = len >= tol;
        if (have_dir) dx = vx / len, dy = vy / len, far = len;
        lx = qx, ly = qy;
    }
    nplot__sink_put(s, x[n - 1], y[n - 1], false);
}
