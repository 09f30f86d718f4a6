/* fill and fill_between: filled polygons from C arrays and nd_arrays. Drawn by
 * nplot__draw_poly (draw_artists.c). */
#include "plot_model.h"
#include "dates.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

/* ---- fill and fill_between --------------------------------------------------------------------- */
static nd_status poly_style(nplot_axes *ax, artist *a, const nplot_fill_opts *o, bool edge_default,
                            const char *who)
{
    const nplot__style *st = ax->fig->style;
    rgba face;
    const char *fc = o->facecolor ? o->facecolor : o->color;
    if (fc) {
        if (nplot__color(fc, st, &face, who)) return nplot__fail(ax->fig, ND_EVALUE, "%s", nd_errmsg());
    } else {
        face = nplot__next_patch_color(ax);
    }
    a->face = face;
    a->has_face = true;
    a->edge = face;
    a->has_edge = edge_default;
    const char *ec = o->edgecolor ? o->edgecolor : (o->color && o->linewidth > 0 ? o->color : NULL);
    if (ec) {
        if (nplot__color(ec, st, &a->edge, who)) return nplot__fail(ax->fig, ND_EVALUE, "%s", nd_errmsg());
        a->has_edge = true;
    }
    if (o->linewidth > 0 && !ec) a->has_edge = true;
    a->edge_lw = NPLOT_OPT(o->linewidth, 1.0);
    if (o->alpha < 0 || o->alpha > 1)
        return nplot__fail(ax->fig, ND_EVALUE, "%s: alpha must be in [0, 1], got %g", who, o->alpha);
    a->alpha = NPLOT_OPT(o->alpha, 1);
    a->zorder = o->zorder ? o->zorder : 1;
    a->legend_kind = LEGEND_PATCH;
    nd_status hs = nplot__hatch_set(ax->fig, a, o->hatch, o->hatch_linewidth, who);
    if (hs || (hs = nplot__artist_fx_opt(a, o->path_effects, who))) return hs;
    if (o->label && !(a->label = nplot__strdup(ax->fig, o->label, who))) return ax->fig->status;
    return ND_OK;
}

nd_status nplot_fill_xy_(nplot_axes *ax, const double *x, const double *y, size_t n,
                              const nplot_fill_opts *o)
{
    static const char *who = "nplot_fill";
    CHECK_AX(ax, who);
    o = NPLOT__OPTS(o, nplot_fill_opts);
    if (n > 0 && (!x || !y)) return nplot__fail(ax->fig, ND_EVALUE, "%s: x and y are required", who);
    artist *a = nplot__artist_add(ax, ART_POLY, who);
    if (!a) return ax->fig->status;
    nd_status st = poly_style(ax, a, o, false, who);
    if (st) return st;
    a->n = n;
    if (!(a->x = nplot__copy_or_index(ax->fig, x, n, who))) return ax->fig->status;
    if (!(a->y = nplot__copy_or_index(ax->fig, y, n, who))) return ax->fig->status;
    nplot__update_datalim(ax, a);
    return ND_OK;
}

static double crossing(double x0, double d0, double x1, double d1)
{
    if (d0 == d1) return x0;
    return x0 + (x1 - x0) * d0 / (d0 - d1);
}

/* Where y1 meets the base (y2, or y2c when y2 is NULL) between points j-1 and j, the one
 * outside the run first or last: (*cx, *cy), left alone when they do not cross or the
 * outside point's distance to the base is not finite. */
static void base_crossing(const double *x, const double *y1, const double *y2, double y2c,
                          size_t j, bool outside_first, double *cx, double *cy)
{
    double b0 = y2 ? y2[j - 1] : y2c, b1 = y2 ? y2[j] : y2c;
    double d0 = y1[j - 1] - b0, d1 = y1[j] - b1;
    if (!isfinite(outside_first ? d0 : d1) || !(d0 * d1 <= 0)) return;
    *cx = crossing(x[j - 1], d0, x[j], d1);
    double t = x[j] != x[j - 1] ? (*cx - x[j - 1]) / (x[j] - x[j - 1]) : 0;
    *cy = b0 + t * (b1 - b0);
}

/* fill_between (horiz false) and fill_betweenx (horiz true: x is the independent variable's
 * values along y, y1/y2 the x extents): the polygon is built in (independent, dependent)
 * coordinates and its vertex arrays swapped for the horizontal orientation. */
static nd_status fill_between_oriented(nplot_axes *ax, const double *x, const double *y1,
                                       const double *y2, size_t n, const bool *where,
                                       const nplot_fill_opts *o, bool horiz, const char *who)
{
    CHECK_AX(ax, who);
    nplot_figure *fig = ax->fig;
    if (n > 0 && (!x || !y1)) return nplot__fail(fig, ND_EVALUE, "%s: x and y1 are required", who);
    int step = 0;
    if (o->step) {
        if (!strcmp(o->step, "pre")) step = 1;
        else if (!strcmp(o->step, "mid")) step = 2;
        else if (!strcmp(o->step, "post")) step = 3;
        else return nplot__fail(fig, ND_EVALUE, "%s: step must be 'pre', 'post' or 'mid', got '%s'",
                                who, o->step);
    }
    artist *a = nplot__artist_add(ax, ART_POLY, who);
    if (!a) return fig->status;
    nd_status st = poly_style(ax, a, o, false, who);
    if (st) return st;
    /* worst case per point: 2 step vertices on each edge, 2 crossings, separators */
    size_t cap = 6 * n + 8;
    a->x = nd_malloc(sizeof(double) * cap, who);
    a->y = nd_malloc(sizeof(double) * cap, who);
    if (!a->x || !a->y) return nplot__fail(fig, ND_ENOMEM, "%s: out of memory", who);
    size_t k = 0;
    size_t i = 0;
    while (i < n) {
        /* a run of usable points */
        while (i < n && !(isfinite(x[i]) && isfinite(y1[i]) && isfinite(y2 ? y2[i] : o->y2) &&
                          (!where || where[i])))
            i++;
        if (i >= n) break;
        size_t i0 = i;
        while (i < n && isfinite(x[i]) && isfinite(y1[i]) && isfinite(y2 ? y2[i] : o->y2) &&
               (!where || where[i]))
            i++;
        size_t i1 = i; /* [i0, i1) */
        double sx = NAN, sy = NAN, fx = NAN, fy = NAN;
        if (o->interpolate && where) {
            if (i0 > 0 && isfinite(x[i0 - 1]) && isfinite(y1[i0 - 1]))
                base_crossing(x, y1, y2, o->y2, i0, true, &sx, &sy);
            if (i1 < n && isfinite(x[i1]) && isfinite(y1[i1]))
                base_crossing(x, y1, y2, o->y2, i1, false, &fx, &fy);
        }
        if (k > 0) {
            a->x[k] = NAN;
            a->y[k++] = NAN;
        }
        if (!isnan(sx)) a->x[k] = sx, a->y[k++] = sy;
        /* upper edge forward (with steps), lower edge backward */
        for (int edge = 0; edge < 2; edge++) {
            size_t m = 0;
            for (size_t j = i0; j < i1; j++) {
                double yy = edge == 0 ? y1[j] : (y2 ? y2[j] : o->y2);
                if (step && j > i0) {
                    double yp = edge == 0 ? y1[j - 1] : (y2 ? y2[j - 1] : o->y2);
                    if (step == 1) {
                        a->x[k] = x[j - 1], a->y[k++] = yy, m++;
                    } else if (step == 3) {
                        a->x[k] = x[j], a->y[k++] = yp, m++;
                    } else {
                        double xm = (x[j - 1] + x[j]) / 2;
                        a->x[k] = xm, a->y[k++] = yp, m++;
                        a->x[k] = xm, a->y[k++] = yy, m++;
                    }
                }
                a->x[k] = x[j];
                a->y[k++] = yy;
                m++;
            }
            if (edge == 0) {
                if (!isnan(fx)) a->x[k] = fx, a->y[k++] = fy;
            } else {
                /* reverse the lower edge just written */
                size_t s = k - m;
                for (size_t p = 0, q = m - 1; p < q; p++, q--) {
                    double tx = a->x[s + p], ty = a->y[s + p];
                    a->x[s + p] = a->x[s + q];
                    a->y[s + p] = a->y[s + q];
                    a->x[s + q] = tx;
                    a->y[s + q] = ty;
                }
            }
        }
    }
    a->n = k;
    if (horiz) {
        double *t = a->x;
        a->x = a->y;
        a->y = t;
    }
    nplot__update_datalim(ax, a);
    return ND_OK;
}

nd_status nplot__fill_between(nplot_axes *ax, const double *x, const double *y1, const double *y2,
                              size_t n, const bool *where, const nplot_fill_opts *o, const char *who)
{
    return fill_between_oriented(ax, x, y1, y2, n, where, o, false, who);
}

nd_status nplot_fill_between_xy_(nplot_axes *ax, const double *x, const double *y1,
                                      const double *y2, size_t n, const nplot_fill_opts *o)
{
    o = NPLOT__OPTS(o, nplot_fill_opts);
    if (ax && o->where)
        return nplot__fail(ax->fig, ND_EVALUE, "nplot_fill_between_xy: use where_b with C arrays");
    return nplot__fill_between(ax, x, y1, y2, n, o->where_b, o, "nplot_fill_between");
}


/* ---- nd_array forms --------------------------------------------------------------------------------- */
nd_status nplot_fill_(nplot_axes *ax, const nd_array *x, const nd_array *y,
                           const nplot_fill_opts *o)
{
    static const char *who = "nplot_fill";
    CHECK_AX(ax, who);
    if (!x || !y) return nplot__fail(ax->fig, ND_EVALUE, "%s: x and y are required", who);
    double *xs, *ys;
    size_t n;
    nd_status st = nplot__axis_xy_f64(ax, false, false, x, y, &xs, &ys, &n, "x", "y", who);
    if (!st) st = nplot_fill_xy_(ax, xs, ys, n, o);
    nd_free_mem(xs);
    nd_free_mem(ys);
    return st;
}

static nd_status fill_between_arrays(nplot_axes *ax, const nd_array *x, const nd_array *y1,
                                     const nd_array *y2, const nplot_fill_opts *o, bool horiz,
                                     const char *who)
{
    CHECK_AX(ax, who);
    o = NPLOT__OPTS(o, nplot_fill_opts);
    /* the argument names of the orientation, for the messages */
    const char *xn = horiz ? "y" : "x", *an = horiz ? "x1" : "y1", *bn = horiz ? "x2" : "y2";
    if (!x || !y1) return nplot__fail(ax->fig, ND_EVALUE, "%s: %s and %s are required", who, xn, an);
    double *xs, *a, *b = NULL, *w = NULL;
    bool *wb = NULL;
    size_t nx, nb = 0, nw = 0;
    nd_status st = nplot__axis_xy_f64(ax, horiz, false, x, y1, &xs, &a, &nx, xn, an, who);
    if (!st) st = nplot__axis_f64(ax, horiz, y2, false, &b, &nb, bn, who);
    if (!st) st = nplot__to_f64(ax->fig, o->where, &w, &nw, "where", who);
    if (!st && b) st = nplot__lengths_match(ax->fig, nx, nb, xn, bn, who);
    if (!st && w) st = nplot__lengths_match(ax->fig, nx, nw, xn, "where", who);
    if (!st && w) {
        wb = nd_malloc(nw ? nw : 1, who);
        if (!wb) st = nplot__fail(ax->fig, ND_ENOMEM, "%s: out of memory", who);
        else for (size_t i = 0; i < nw; i++) wb[i] = w[i] != 0;
    }
    if (!st) st = fill_between_oriented(ax, xs, a, b, nx, wb ? wb : o->where_b, o, horiz, who);
    nd_free_mem(xs);
    nd_free_mem(a);
    nd_free_mem(b);
    nd_free_mem(w);
    nd_free_mem(wb);
    return st;
}

nd_status nplot_fill_between_(nplot_axes *ax, const nd_array *x, const nd_array *y1,
                                   const nd_array *y2, const nplot_fill_opts *o)
{
    return fill_between_arrays(ax, x, y1, y2, o, false, "nplot_fill_between");
}

nd_status nplot_fill_betweenx_(nplot_axes *ax, const nd_array *y, const nd_array *x1,
                               const nd_array *x2, const nplot_fill_opts *o)
{
    return fill_between_arrays(ax, y, x1, x2, o, true, "nplot_fill_betweenx");
}

/* masked form: a point masked in x, y1 or y2 is NaN, which ends a run of usable points in
 * nplot__fill_between, so the polygon splits there as matplotlib's does */
nd_status nplot_fill_between_ma_(nplot_axes *ax, const nd_marray *x, const nd_marray *y1,
                                 const nd_marray *y2, const nplot_fill_opts *o)
{
    static const char *who = "nplot_fill_between_ma";
    CHECK_AX(ax, who);
    nd_array *xa, *a = NULL, *b = NULL;
    nd_status st = nplot__ma_nan(ax->fig, x, &xa, "x", who);
    if (!st) st = nplot__ma_nan(ax->fig, y1, &a, "y1", who);
    if (!st) st = nplot__ma_nan(ax->fig, y2, &b, "y2", who);
    if (!st) st = fill_between_arrays(ax, xa, a, b, o, false, who);
    nd_free(xa);
    nd_free(a);
    nd_free(b);
    return st;
}
