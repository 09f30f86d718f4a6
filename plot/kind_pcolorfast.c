/* Axes.pcolorfast: matplotlib's fast path for rectangular grids. A grid given by its corners
 * only, or by evenly spaced edges, is an image (AxesImage, nearest, origin lower, on the
 * extent); unevenly spaced 1-D edges a rectangle per cell (matplotlib's PcolorImage, here
 * the flat mesh of those rectangles); 2-D corners a QuadMesh. */
#include "plot_model.h"

#include <math.h>
#include <string.h>

/* matplotlib's test: np.ptp(np.diff(v)) < 0.01 * abs(np.diff(v).mean()) */
static bool evenly_spaced(const double *v, size_t n)
{
    if (n <= 2) return true;
    double lo = INFINITY, hi = -INFINITY, sum = 0;
    for (size_t i = 0; i + 1 < n; i++) {
        double d = v[i + 1] - v[i];
        lo = fmin(lo, d), hi = fmax(hi, d), sum += d;
    }
    return hi - lo < 0.01 * fabs(sum / (double)(n - 1));
}

nplot_artist *nplot_pcolorfast_(nplot_axes *ax, const nd_array *c, const nplot_pcolorfast_opts *o)
{
    static const char *who = "nplot_pcolorfast";
    if (!ax) return ND_FAIL(ND_EVALUE, "%s: axes is NULL", who);
    nplot_figure *fig = ax->fig;
    if (nplot__check(fig)) return NULL;
    o = NPLOT__OPTS(o, nplot_pcolorfast_opts);
    if (!c) return nplot__fail(fig, ND_EVALUE, "%s: C is NULL", who), NULL;
    int nd = nd_ndim(c);
    if (nd != 2 && !(nd == 3 && (nd_shape(c)[2] == 3 || nd_shape(c)[2] == 4)))
        return nplot__fail(fig, ND_ESHAPE, "%s: C must be 2-D, or 3-D RGB(A) (h, w, 3 or 4)", who), NULL;
    if (!o->x != !o->y)
        return nplot__fail(fig, ND_EVALUE, "%s: give both x and y, or neither (need 1 argument or 3 "
                                           "arguments)", who), NULL;
    size_t nr = (size_t)nd_shape(c)[0], ncol = (size_t)nd_shape(c)[1];
    double *xs = NULL, *ys = NULL;
    size_t nx = 0, ny = 0;
    int style = 0; /* 0 image, 1 pcolorimage, 2 quadmesh */
    nd_status st = ND_OK;
    if (o->x) {
        int dx = nd_ndim(o->x), dy = nd_ndim(o->y);
        if (dx == 2 && dy == 2) style = 2;
        else if (dx != 1 || dy != 1)
            return nplot__fail(fig, ND_EVALUE, "%s: x and y must be both 1-D or both 2-D (arguments do not "
                                               "match valid signatures)", who), NULL;
        if ((st = nplot__to_f64(fig, o->x, &xs, &nx, "x", who)) || (st = nplot__to_f64(fig, o->y, &ys, &ny, "y", who)))
            goto done;
        if (nx < 2 || ny < 2) {
            st = nplot__fail(fig, ND_ESHAPE, "%s: x and y need 2 values at least", who);
            goto done;
        }
        if (style == 0 && !(evenly_spaced(xs, nx) && evenly_spaced(ys, ny))) style = 1;
    }
    if (style == 2 && nd == 3) {
        st = nplot__fail(fig, ND_ESHAPE, "%s: a quadmesh takes 2-D C values (RGB(A) cells are not "
                                         "supported on 2-D x and y)", who);
        goto done;
    }
    static const char *const styles[3] = { "image", "pcolorimage", "quadmesh" };
    if (style == 0) {
        double ext[4] = { 0, (double)ncol, 0, (double)nr };
        if (xs) ext[0] = xs[0], ext[1] = xs[nx - 1], ext[2] = ys[0], ext[3] = ys[ny - 1];
        nplot_imshow_opts io = { .cmap = o->cmap, .vmin = o->vmin, .vmax = o->vmax, .norm = o->norm,
                                 .origin = "lower", .extent = { 4, ext }, .aspect = "auto",
                                 .interpolation = "nearest", .alpha = o->alpha, .zorder = o->zorder,
                                 .label = o->label, .bad = o->bad };
        st = nplot_imshow_(ax, c, &io);
    } else {
        if (nd == 3) {
            st = nplot__fail(fig, ND_ESHAPE, "%s: RGB(A) C needs evenly spaced x and y (an image)", who);
            goto done;
        }
        /* cells without edges, unantialiased (matplotlib's QuadMesh here, and PcolorImage's
         * nearest raster) */
        nplot_pcolormesh_opts mo = { .x = o->x, .y = o->y, .cmap = o->cmap, .vmin = o->vmin,
                                     .vmax = o->vmax, .norm = o->norm, .alpha = o->alpha,
                                     .zorder = o->zorder, .bad = o->bad, .shading = "flat" };
        st = nplot_pcolormesh_(ax, c, &mo);
    }
    if (!st && o->style) *o->style = styles[style];
done:
    nd_free_mem(xs);
    nd_free_mem(ys);
    if (st) return NULL;
    artist *a = ax->last_artist;
    /* matplotlib: the sticky edges and data limits at the grid's extremes, tight */
    ax->xa.tight = ax->ya.tight = true;
    return (nplot_artist *)(void *)a;
}
