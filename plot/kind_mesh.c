/* Color-mapped cell collections: hexbin (matplotlib's two offset hexagonal lattices) and
 * pcolormesh (flat shading). Cells are emitted grouped by colormap entry, so drawing a
 * collection costs at most one fill per colormap entry whatever the cell count. */
#include "plot_model.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

/* Cells with k vertices each (cx/cy: ncell * k, value NaN → skipped), bucketed by color
 * into one patch collection. */
static artist *cells_artist(nplot_axes *ax, const double *cx, const double *cy, int k,
                            const double *val, size_t ncell, const mappable *m, const char *who)
{
    nplot_figure *fig = ax->fig;
    /* buckets by nplot__map_index shifted by one: under, the n entries, over (bad cells
     * are not drawn, as matplotlib's default bad color is transparent) */
    int nc = m->cm.n + 2;
    size_t *start = nd_calloc((size_t)nc + 1, sizeof *start, who);
    size_t *order = nd_malloc(sizeof *order * (ncell ? ncell : 1), who);
    double *vx = NULL, *vy = NULL;
    rgba *cols = NULL;
    artist *a = NULL;
    if (!start || !order) goto oom;
    size_t nshow = 0;
    for (size_t i = 0; i < ncell; i++) {
        int k = nplot__map_index(m, val[i]) + 1;
        if (k < nc) start[k + 1]++, nshow++;
    }
    for (int c = 0; c < nc; c++) start[c + 1] += start[c];
    for (size_t i = 0; i < ncell; i++) {
        int k = nplot__map_index(m, val[i]) + 1;
        if (k < nc) order[start[k]++] = i;
    }
    /* start[c] is now the end of bucket c */
    size_t nv = nshow * (size_t)(k + 1);
    vx = nd_malloc(sizeof(double) * (nv ? nv : 1), who);
    vy = nd_malloc(sizeof(double) * (nv ? nv : 1), who);
    cols = nd_malloc(sizeof(rgba) * (nshow ? nshow : 1), who);
    if (!vx || !vy || !cols) goto oom;
    size_t p = 0;
    for (size_t j = 0; j < nshow; j++) {
        size_t i = order[j];
        if (j) vx[p] = vy[p] = NAN, p++;
        for (int v = 0; v < k; v++, p++) {
            vx[p] = cx[i * (size_t)k + (size_t)v];
            vy[p] = cy[i * (size_t)k + (size_t)v];
        }
        cols[j] = nplot__map_color(m, val[i]);
    }
    a = nplot__patches_new(ax, vx, vy, p, nshow, cols, who);
    if (a) {
        a->map = *m;
        a->legend_kind = LEGEND_PATCH;
    }
    goto done;
oom:
    nplot__fail(fig, ND_ENOMEM, "%s: out of memory for %zu cells", who, ncell);
done:
    nd_free_mem(start);
    nd_free_mem(order);
    nd_free_mem(vx);
    nd_free_mem(vy);
    nd_free_mem(cols);
    return a;
}

static nd_status cell_edges(nplot_axes *ax, artist *a, const char *edgecolors, double lw,
                            bool face_default, const char *who)
{
    a->edge_lw = NPLOT_OPT(lw, 1.0);
    if (!edgecolors) {
        a->has_edge = face_default;
        a->edge_is_face = face_default;
        return ND_OK;
    }
    if (!strcmp(edgecolors, "face")) {
        a->has_edge = a->edge_is_face = true;
    } else if (!strcmp(edgecolors, "none")) {
        a->has_edge = false;
    } else {
        if (nplot__color(edgecolors, ax->fig->style, &a->edge, who))
            return nplot__fail(ax->fig, ND_EVALUE, "%s", nd_errmsg());
        a->has_edge = true;
    }
    return ND_OK;
}

/* ---- hexbin -------------------------------------------------------------------------------- */
/* The two offset lattices of hexbin: (nx + 1) x (ny + 1) centres at whole steps, then
 * nx x ny at half steps; sx, sy the steps, n1 the first lattice's size. */
typedef struct hexgrid {
    double xmin, ymin, sx, sy;
    size_t nx1, ny1, nx2, ny2, n1, ncell;
} hexgrid;

/* Count the finite points (x, y) into the nearest cell of either lattice (cnt zeroed). */
static void hex_count(const hexgrid *g, const double *x, const double *y, size_t n, double *cnt)
{
    double xmin = g->xmin, ymin = g->ymin, sx = g->sx, sy = g->sy;
    size_t nx1 = g->nx1, ny1 = g->ny1, nx2 = g->nx2, ny2 = g->ny2, n1 = g->n1;
    for (size_t i = 0; i < n; i++) {
        if (!isfinite(x[i]) || !isfinite(y[i])) continue;
        double ix = (x[i] - xmin) / sx, iy = (y[i] - ymin) / sy;
        /* nearest centre of either lattice (the second is offset by half a cell); rint
         * rounds halves to even like numpy.round */
        double ix1 = rint(ix), iy1 = rint(iy), ix2 = floor(ix), iy2 = floor(iy);
        double d1 = (ix - ix1) * (ix - ix1) + 3 * (iy - iy1) * (iy - iy1);
        double d2 = (ix - ix2 - 0.5) * (ix - ix2 - 0.5) + 3 * (iy - iy2 - 0.5) * (iy - iy2 - 0.5);
        if (d1 < d2) {
            if (ix1 >= 0 && ix1 < (double)nx1 && iy1 >= 0 && iy1 < (double)ny1)
                cnt[(size_t)ix1 * ny1 + (size_t)iy1] += 1;
        } else if (ix2 >= 0 && ix2 < (double)nx2 && iy2 >= 0 && iy2 < (double)ny2) {
            cnt[n1 + (size_t)ix2 * ny2 + (size_t)iy2] += 1;
        }
    }
}

/* The six vertices of every cell into cx, cy (back to data space on log axes lx, ly);
 * cells counting fewer than mincnt become NaN (not drawn). */
static void hex_vertices(const hexgrid *g, bool lx, bool ly, double mincnt, double *cnt,
                         double *cx, double *cy)
{
    double xmin = g->xmin, ymin = g->ymin, sx = g->sx, sy = g->sy;
    size_t ny1 = g->ny1, ny2 = g->ny2, n1 = g->n1, ncell = g->ncell;
    static const double hx[6] = { 0.5, 0.5, 0, -0.5, -0.5, 0 }, hy[6] = { -0.5, 0.5, 1, 0.5, -0.5, -1 };
    for (size_t c = 0; c < ncell; c++) {
        double ox, oy;
        if (c < n1) ox = (double)(c / ny1), oy = (double)(c % ny1);
        else ox = (double)((c - n1) / ny2) + 0.5, oy = (double)((c - n1) % ny2) + 0.5;
        ox = xmin + ox * sx;
        oy = ymin + oy * sy;
        for (int v = 0; v < 6; v++) {
            double vx = ox + hx[v] * sx, vy = oy + hy[v] * sy / 3;
            cx[c * 6 + (size_t)v] = lx ? pow(10, vx) : vx;
            cy[c * 6 + (size_t)v] = ly ? pow(10, vy) : vy;
        }
        if (cnt[c] < mincnt) cnt[c] = NAN;
    }
}

nd_status nplot_hexbin_xy_(nplot_axes *ax, const double *x, const double *y, size_t n,
                                const nplot_hexbin_opts *o)
{
    static const char *who = "nplot_hexbin";
    CHECK_AX(ax, who);
    nplot_figure *fig = ax->fig;
    o = NPLOT__OPTS(o, nplot_hexbin_opts);
    if (n > 0 && (!x || !y)) return nplot__fail(fig, ND_EVALUE, "%s: x and y are required", who);
    nd_status bad = NPLOT__CHECK_LEN(fig, who, "extent", o->extent, 4, "it takes");
    if (bad) return bad;
    if (o->gridsize < 0 || o->gridsize_y < 0 || o->gridsize > 10000 || o->gridsize_y > 10000 ||
        o->mincnt < 0 || o->linewidths < 0 || o->alpha < 0 || o->alpha > 1)
        return nplot__fail(fig, ND_EVALUE, "%s: gridsize must be in 1..10000, mincnt and linewidths "
                                           ">= 0, alpha in [0, 1]", who);
    mappable m;
    bool lx = false, ly = false;
    if ((o->xscale && !(lx = !strcmp(o->xscale, "log")) && strcmp(o->xscale, "linear")) ||
        (o->yscale && !(ly = !strcmp(o->yscale, "log")) && strcmp(o->yscale, "linear")))
        return nplot__fail(fig, ND_EVALUE, "%s: xscale and yscale must be 'linear' or 'log'", who);
    double *tx = NULL, *ty = NULL;
    if (lx || ly) {
        /* bin in the scale the axes shows (matplotlib: log10 of the values) */
        tx = nd_malloc(sizeof(double) * (n ? n : 1), who);
        ty = nd_malloc(sizeof(double) * (n ? n : 1), who);
        if (!tx || !ty) {
            nd_free_mem(tx);
            nd_free_mem(ty);
            return nplot__fail(fig, ND_ENOMEM, "%s: out of memory", who);
        }
        for (size_t i = 0; i < n; i++) {
            tx[i] = lx ? (x[i] > 0 ? log10(x[i]) : NAN) : x[i];
            ty[i] = ly ? (y[i] > 0 ? log10(y[i]) : NAN) : y[i];
        }
        x = tx;
        y = ty;
    }
    int nx = o->gridsize ? o->gridsize : 100;
    int ny = o->gridsize_y ? o->gridsize_y : (int)(nx / sqrt(3.0));
    if (ny < 1) ny = 1;
    double xmin = INFINITY, xmax = -INFINITY, ymin = INFINITY, ymax = -INFINITY;
    if (o->extent.v) {
        const double *e = o->extent.v;
        xmin = e[0], xmax = e[1], ymin = e[2], ymax = e[3];
        if (!isfinite(xmin + xmax + ymin + ymax) || xmin > xmax || ymin > ymax) {
            nd_free_mem(tx);
            nd_free_mem(ty);
            return nplot__fail(fig, ND_EVALUE, "%s: extent (%g, %g, %g, %g) is not an increasing "
                                               "finite range", who, xmin, xmax, ymin, ymax);
        }
    } else {
        for (size_t i = 0; i < n; i++)
            if (isfinite(x[i]) && isfinite(y[i])) {
                xmin = fmin(xmin, x[i]), xmax = fmax(xmax, x[i]);
                ymin = fmin(ymin, y[i]), ymax = fmax(ymax, y[i]);
            }
        if (!(xmin <= xmax)) xmin = xmax = ymin = ymax = 0;
    }
    /* matplotlib.transforms.nonsingular(expander=0.1) */
    nplot__nonsingular(&xmin, &xmax, 0.1, 1e-15);
    nplot__nonsingular(&ymin, &ymax, 0.1, 1e-15);
    double pad = 1e-9 * (xmax - xmin);
    xmin -= pad;
    xmax += pad;
    double sx = (xmax - xmin) / nx, sy = (ymax - ymin) / ny;
    size_t nx1 = (size_t)nx + 1, ny1 = (size_t)ny + 1, nx2 = (size_t)nx, ny2 = (size_t)ny;
    size_t n1 = nx1 * ny1, ncell = n1 + nx2 * ny2;
    double *cnt = nd_calloc(ncell, sizeof(double), who);
    double *cx = nd_malloc(sizeof(double) * ncell * 6, who), *cy = nd_malloc(sizeof(double) * ncell * 6, who);
    nd_status st = ND_OK;
    if (!cnt || !cx || !cy) {
        st = nplot__fail(fig, ND_ENOMEM, "%s: out of memory for %zu cells", who, ncell);
        goto done;
    }
    hexgrid g = { xmin, ymin, sx, sy, nx1, ny1, nx2, ny2, n1, ncell };
    hex_count(&g, x, y, n, cnt);
    if (o->counts_out && !(*o->counts_out = nd_from_f64(cnt, (ptrdiff_t)ncell))) {
        st = nplot__fail(fig, ND_ENOMEM, "%s: out of memory", who);
        goto done;
    }
    hex_vertices(&g, lx, ly, o->mincnt, cnt, cx, cy);
    if ((st = nplot__mappable_init(fig, &m, o->cmap, o->norm, o->vmin, o->vmax, cnt, ncell, who)))
        goto done;
    artist *a = cells_artist(ax, cx, cy, 6, cnt, ncell, &m, who);
    if (!a) {
        st = fig->status;
        goto done;
    }
    if ((st = cell_edges(ax, a, o->edgecolors, o->linewidths, true, who))) goto done;
    a->alpha = NPLOT_OPT(o->alpha, 1);
    a->zorder = o->zorder ? o->zorder : 1;
    a->autoscale = false;
    /* matplotlib: the data limits are the grid corners, autoscaled tight */
    nplot__datalim_point(ax, lx ? pow(10, xmin) : xmin, ly ? pow(10, ymin) : ymin);
    nplot__datalim_point(ax, lx ? pow(10, xmax) : xmax, ly ? pow(10, ymax) : ymax);
    ax->xa.tight = ax->ya.tight = true;
    if (lx && (st = nplot_set_xscale_(ax, "log", NULL))) goto done;
    if (ly && (st = nplot_set_yscale_(ax, "log", NULL))) goto done;
done:
    nd_free_mem(tx);
    nd_free_mem(ty);
    nd_free_mem(cnt);
    nd_free_mem(cx);
    nd_free_mem(cy);
    return st;
}

nd_status nplot_hexbin_(nplot_axes *ax, const nd_array *x, const nd_array *y,
                             const nplot_hexbin_opts *o)
{
    static const char *who = "nplot_hexbin";
    CHECK_AX(ax, who);
    if (!x || !y) return nplot__fail(ax->fig, ND_EVALUE, "%s: x and y are required", who);
    double *xs, *ys;
    size_t n;
    nd_status st = nplot__xy_f64(ax->fig, x, y, &xs, &ys, &n, "x", "y", who);
    if (!st) st = nplot_hexbin_xy_(ax, xs, ys, n, o);
    nd_free_mem(xs);
    nd_free_mem(ys);
    return st;
}

/* ---- pcolormesh ---------------------------------------------------------------------------- */
static nd_status edges_of(nplot_axes *ax, const nd_array *e, size_t cells, double **out,
                          const char *what, const char *who)
{
    size_t n = 0;
    if (!e) {
        *out = nd_malloc(sizeof(double) * (cells + 1), who);
        if (!*out) return nplot__fail(ax->fig, ND_ENOMEM, "%s: out of memory", who);
        for (size_t i = 0; i <= cells; i++) (*out)[i] = (double)i;
        return ND_OK;
    }
    nd_status st = nplot__to_f64(ax->fig, e, out, &n, what, who);
    if (st) return st;
    if (nd_ndim(e) != 1 || n != cells + 1) {
        nd_free_mem(*out);
        *out = NULL;
        return nplot__fail(ax->fig, ND_ESHAPE, "%s: %s must be 1-D with %zu edges (one more than "
                                               "the cells), got %zu", who, what, cells + 1, n);
    }
    return ND_OK;
}

nd_status nplot_pcolormesh_(nplot_axes *ax, const nd_array *c, const nplot_pcolormesh_opts *o)
{
    static const char *who = "nplot_pcolormesh";
    CHECK_AX(ax, who);
    nplot_figure *fig = ax->fig;
    o = NPLOT__OPTS(o, nplot_pcolormesh_opts);
    if (!c) return nplot__fail(fig, ND_EVALUE, "%s: C is NULL", who);
    if (nd_ndim(c) != 2 || nd_shape(c)[0] == 0 || nd_shape(c)[1] == 0)
        return nplot__fail(fig, ND_ESHAPE, "%s: C must be 2-D and not empty", who);
    if (o->linewidths < 0 || o->alpha < 0 || o->alpha > 1)
        return nplot__fail(fig, ND_EVALUE, "%s: linewidths must be >= 0 and alpha in [0, 1]", who);
    mappable m;
    size_t ny = (size_t)nd_shape(c)[0], nx = (size_t)nd_shape(c)[1], nc = nx * ny;
    double *v = NULL, *xe = NULL, *ye = NULL, *cx = NULL, *cy = NULL;
    size_t nv = 0;
    nd_status st = nplot__to_f64(fig, c, &v, &nv, "C", who);
    if (!st) st = edges_of(ax, o->x, nx, &xe, "x", who);
    if (!st) st = edges_of(ax, o->y, ny, &ye, "y", who);
    if (st) goto done;
    cx = nd_malloc(sizeof(double) * nc * 4, who);
    cy = nd_malloc(sizeof(double) * nc * 4, who);
    if (!cx || !cy) {
        st = nplot__fail(fig, ND_ENOMEM, "%s: out of memory for %zu cells", who, nc);
        goto done;
    }
    for (size_t i = 0; i < ny; i++)
        for (size_t j = 0; j < nx; j++) {
            double *px = cx + (i * nx + j) * 4, *py = cy + (i * nx + j) * 4;
            px[0] = px[3] = xe[j], px[1] = px[2] = xe[j + 1];
            py[0] = py[1] = ye[i], py[2] = py[3] = ye[i + 1];
        }
    if ((st = nplot__mappable_init(fig, &m, o->cmap, o->norm, o->vmin, o->vmax, v, nc, who))) goto done;
    artist *a = cells_artist(ax, cx, cy, 4, v, nc, &m, who);
    if (!a) {
        st = fig->status;
        goto done;
    }
    if ((st = cell_edges(ax, a, o->edgecolors, o->linewidths, false, who))) goto done;
    a->aliased = !a->has_edge; /* matplotlib draws meshes unantialiased: no seams */
    a->alpha = NPLOT_OPT(o->alpha, 1);
    a->zorder = o->zorder ? o->zorder : 1;
    for (int e = 0; e < 2; e++) {
        const double *ed = e ? ye : xe;
        size_t ne = e ? ny : nx;
        double lo = fmin(ed[0], ed[ne]), hi = fmax(ed[0], ed[ne]);
        if ((st = nplot__add_sticky(ax, !e, lo, who)) || (st = nplot__add_sticky(ax, !e, hi, who)))
            goto done;
    }
    nplot__datalim_point(ax, xe[0], ye[0]);
    nplot__datalim_point(ax, xe[nx], ye[ny]);
    a->autoscale = false;
done:
    nd_free_mem(v);
    nd_free_mem(xe);
    nd_free_mem(ye);
    nd_free_mem(cx);
    nd_free_mem(cy);
    return st;
}
