/* Transforms: axis scales (linear, log, symlog) and the data/axes/figure → device mapping
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
    default:
        return t;
    }
}

xform nplot__xform(const nplot_axes *ax)
{
    xform t;
    double xl = nplot__scale_fwd(&ax->xa, ax->xa.lo), xh = nplot__scale_fwd(&ax->xa, ax->xa.hi);
    double yl = nplot__scale_fwd(&ax->ya, ax->ya.lo), yh = nplot__scale_fwd(&ax->ya, ax->ya.hi);
    t.ax = (ax->dev[2] - ax->dev[0]) / (xh - xl);
    t.bx = ax->dev[0] - xl * t.ax;
    t.ay = -(ax->dev[3] - ax->dev[1]) / (yh - yl);
    t.by = ax->dev[3] - yl * t.ay;
    t.xs = &ax->xa;
    t.ys = &ax->ya;
    return t;
}

void nplot__to_dev(render_ctx *rc, const nplot_axes *ax, const xform *t, int xcoord, int ycoord,
                   double x, double y, double *dx, double *dy)
{
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
