/* Color-mapped cell collections: hexbin (matplotlib's two offset hexagonal lattices),
 * pcolormesh (rectilinear or curvilinear grids; flat, nearest and gouraud shading) and
 * hist2d (numpy.histogram2d drawn as a pcolormesh). Flat cells are emitted grouped by
 * colormap entry, so drawing a collection costs at most one fill per colormap entry
 * whatever the cell count; gouraud meshes are triangles painted with a cairo mesh
 * pattern (their painter is here, beside the builder). */
#include "plot_render.h"

#include <numc/stats.h>

#include <math.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

/* Cells with k vertices each (cx/cy: ncell * k), bucketed by color into one patch
 * collection, colored through the mappable's norm. A masked value (NaN, or one the norm
 * masks, as LogNorm's nonpositive ones) is a missing cell: painted in *bad (its own
 * bucket, after the colormap's), or skipped when bad is NULL or fully transparent. */
static artist *cells_artist(nplot_axes *ax, const double *cx, const double *cy, int k,
                            const double *val, size_t ncell, const mappable *m, const rgba *bad,
                            const char *who)
{
    nplot_figure *fig = ax->fig;
    /* buckets by nplot__map_index shifted by one: under, the n entries, over, bad */
    int nc = m->cm.n + 3, kbad = m->cm.n + 2;
    bool show_bad = bad && bad->a > 0;
    size_t *start = nd_calloc((size_t)nc + 1, sizeof *start, who);
    size_t *order = nd_malloc(sizeof *order * (ncell ? ncell : 1), who);
    double *vx = NULL, *vy = NULL;
    rgba *cols = NULL;
    artist *a = NULL;
    if (!start || !order) goto oom;
    size_t nshow = 0;
    for (size_t i = 0; i < ncell; i++) {
        int k = nplot__map_index(m, val[i]) + 1;
        if (k < kbad || show_bad) start[k + 1]++, nshow++;
    }
    for (int c = 0; c < nc; c++) start[c + 1] += start[c];
    for (size_t i = 0; i < ncell; i++) {
        int k = nplot__map_index(m, val[i]) + 1;
        if (k < kbad || show_bad) order[start[k]++] = i;
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
        int kc = nplot__map_index(m, val[i]);
        cols[j] = kc + 1 == kbad ? *bad : nplot__map_entry(m, kc);
    }
    a = nplot__patches_new(ax, vx, vy, p, nshow, cols, who);
    if (a) {
        a->map = *m;
        a->legend_kind = LEGEND_PATCH;
        /* the cells' values in drawing order, for set_clim (nplot__cells_recolor) */
        if (!(a->z = nd_malloc(sizeof(double) * (nshow ? nshow : 1), who))) {
            a = NULL;
            goto oom;
        }
        for (size_t j = 0; j < nshow; j++) a->z[j] = val[order[j]];
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

nd_status nplot__cells_recolor(artist *a, const char *who)
{
    size_t nc = a->npoly;
    if (!a->z || !a->colors || !nc) return ND_OK;
    const mappable *m = &a->map;
    int nb = m->cm.n + 3, kbad = m->cm.n + 2;
    size_t k1 = (a->n + 1) / nc; /* vertices per cell and the NaN between cells */
    size_t *start = nd_calloc((size_t)nb + 1, sizeof *start, who);
    size_t *order = nd_malloc(sizeof *order * nc, who);
    double *vx = nd_malloc(sizeof(double) * a->n, who), *vy = nd_malloc(sizeof(double) * a->n, who);
    double *val = nd_malloc(sizeof(double) * nc, who);
    rgba *cols = nd_malloc(sizeof(rgba) * nc, who);
    nd_status st = ND_OK;
    if (!start || !order || !vx || !vy || !val || !cols) {
        st = nplot__fail(a->ax->fig, ND_ENOMEM, "%s: out of memory for %zu cells", who, nc);
        goto done;
    }
    /* bucket again by the new colormap entries (a masked cell stays masked: its old color) */
    for (size_t i = 0; i < nc; i++) start[nplot__map_index(m, a->z[i]) + 2]++;
    for (int c = 0; c < nb; c++) start[c + 1] += start[c];
    for (size_t i = 0; i < nc; i++) order[start[nplot__map_index(m, a->z[i]) + 1]++] = i;
    for (size_t j = 0; j < nc; j++) {
        size_t i = order[j];
        memcpy(vx + j * k1, a->x + i * k1, sizeof(double) * (k1 - 1));
        memcpy(vy + j * k1, a->y + i * k1, sizeof(double) * (k1 - 1));
        if (j + 1 < nc) vx[j * k1 + k1 - 1] = vy[j * k1 + k1 - 1] = NAN;
        int kc = nplot__map_index(m, a->z[i]);
        cols[j] = kc + 1 == kbad ? a->colors[i] : nplot__map_entry(m, kc);
        val[j] = a->z[i];
    }
    memcpy(a->x, vx, sizeof(double) * a->n);
    memcpy(a->y, vy, sizeof(double) * a->n);
    memcpy(a->colors, cols, sizeof(rgba) * nc);
    memcpy(a->z, val, sizeof(double) * nc);
done:
    nd_free_mem(start);
    nd_free_mem(order);
    nd_free_mem(vx);
    nd_free_mem(vy);
    nd_free_mem(val);
    nd_free_mem(cols);
    return st;
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
    for (size_t i = 0; i < n; i++) /* matplotlib refuses them (NaN passes its x <= 0 test) */
        if ((lx && x[i] <= 0) || (ly && y[i] <= 0))
            return nplot__fail(fig, ND_EVALUE, "%s: %s contains non-positive values, so can not be "
                                               "log-scaled", who, lx && x[i] <= 0 ? "x" : "y");
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
    /* cells below mincnt are NaN: matplotlib leaves them out of the collection */
    artist *a = cells_artist(ax, cx, cy, 6, cnt, ncell, &m, NULL, who);
    if (!a) {
        st = fig->status;
        goto done;
    }
    if ((st = cell_edges(ax, a, o->edgecolors, o->linewidths, true, who))) goto done;
    a->alpha = NPLOT_OPT(o->alpha, 1);
    a->zorder = o->zorder ? o->zorder : 1;
    a->autoscale = false;
    /* matplotlib: the data limits are the grid corners; its autoscale_view(tight=True) keeps
     * the axes margins (tight only skips rounding to ticks in the classic mode) */
    nplot__datalim_point(ax, lx ? pow(10, xmin) : xmin, ly ? pow(10, ymin) : ymin);
    nplot__datalim_point(ax, lx ? pow(10, xmax) : xmax, ly ? pow(10, ymax) : ymax);
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
enum { SHADE_AUTO = 0, SHADE_FLAT, SHADE_NEAREST, SHADE_GOURAUD };
static const char *const shading_names[] = { "auto", "flat", "nearest", "gouraud" };

/* A grid of r x c points, X and Y row-major: cell corners (flat) or colored vertices
 * (gouraud). */
typedef struct mesh_pts {
    double *X, *Y;
    size_t r, c;
} mesh_pts;

static void mesh_pts_free(mesh_pts *p)
{
    nd_free_mem(p->X);
    nd_free_mem(p->Y);
    p->X = p->Y = NULL;
}

/* One coordinate option as matplotlib reads it: a 1-D x is one row (1 x n), a 1-D y one
 * column (n x 1), 2-D arrays keep their shape; NULL leaves *v NULL. */
static nd_status coord_read(nplot_figure *fig, const nd_array *a, bool is_x, double **v,
                            size_t *r, size_t *c, const char *who)
{
    const char *what = is_x ? "x" : "y";
    *v = NULL;
    if (!a) return ND_OK;
    int nd = nd_ndim(a);
    if (nd != 1 && nd != 2)
        return nplot__fail(fig, ND_ESHAPE, "%s: %s must be 1-D or 2-D, got %d dimensions", who,
                           what, nd);
    size_t n = 0;
    nd_status st = nplot__to_f64(fig, a, v, &n, what, who);
    if (st) return st;
    if (nd == 1) *r = is_x ? 1 : n, *c = is_x ? n : 1;
    else *r = (size_t)nd_shape(a)[0], *c = (size_t)nd_shape(a)[1];
    for (size_t i = 0; i < n; i++)
        if (!isfinite((*v)[i])) {
            double bad = (*v)[i];
            nd_free_mem(*v);
            *v = NULL;
            return nplot__fail(fig, ND_EVALUE, "%s: %s must be finite, element %zu is %g", who,
                               what, i, bad);
        }
    if (n == 0) {
        nd_free_mem(*v);
        *v = NULL;
        return nplot__fail(fig, ND_ESHAPE, "%s: %s is empty", who, what);
    }
    return ND_OK;
}

/* 0, 1, ..., n - 1 */
static double *arange(nplot_figure *fig, size_t n, const char *who)
{
    double *v = nd_malloc(sizeof(double) * (n ? n : 1), who);
    if (!v) nplot__fail(fig, ND_ENOMEM, "%s: out of memory", who);
    else
        for (size_t i = 0; i < n; i++) v[i] = (double)i;
    return v;
}

/* v (r x c) spread over rows x cols: a single row repeats down, a single column across. */
static double *spread(nplot_figure *fig, const double *v, size_t r, size_t c, size_t rows,
                      size_t cols, const char *who)
{
    double *o = nd_malloc(sizeof(double) * rows * cols, who);
    if (!o) {
        nplot__fail(fig, ND_ENOMEM, "%s: out of memory for %zu x %zu points", who, rows, cols);
        return NULL;
    }
    for (size_t i = 0; i < rows; i++)
        for (size_t j = 0; j < cols; j++) o[i * cols + j] = v[(r == 1 ? 0 : i) * c + (c == 1 ? 0 : j)];
    return o;
}

/* matplotlib's _interp_grid on one line of n centres (stride sa) into n + 1 edges (stride
 * so): midpoints, the ends half a step out; a single centre gives a zero-width cell. */
static void interp_line(const double *a, size_t n, size_t sa, double *o, size_t so)
{
    if (n == 1) {
        o[0] = o[so] = a[0];
        return;
    }
    o[0] = a[0] - (a[sa] - a[0]) / 2;
    for (size_t j = 0; j + 1 < n; j++) o[(j + 1) * so] = a[j * sa] + (a[(j + 1) * sa] - a[j * sa]) / 2;
    o[n * so] = a[(n - 1) * sa] + (a[(n - 1) * sa] - a[(n - 2) * sa]) / 2;
}

/* r x c centres → (r + 1) x (c + 1) corners: along the rows, then along the columns. */
static double *interp_grid(nplot_figure *fig, const double *g, size_t r, size_t c, const char *who)
{
    double *t = nd_malloc(sizeof(double) * r * (c + 1), who);
    double *o = nd_malloc(sizeof(double) * (r + 1) * (c + 1), who);
    if (!t || !o) {
        nd_free_mem(t);
        nd_free_mem(o);
        nplot__fail(fig, ND_ENOMEM, "%s: out of memory", who);
        return NULL;
    }
    for (size_t i = 0; i < r; i++) interp_line(g + i * c, c, 1, t + i * (c + 1), 1);
    for (size_t j = 0; j <= c; j++) interp_line(t + j, r, c + 1, o + j, c + 1);
    nd_free_mem(t);
    return o;
}

/* matplotlib's _pcolorargs: the points of the mesh for C of ny x nx from the x and y
 * options (NULL → 0, 1, ...) and the shading ('auto' resolved to 'flat' or 'nearest';
 * 'nearest' centres turned into flat corners at the midpoints). */
static nd_status mesh_points(nplot_figure *fig, const nd_array *x, const nd_array *y, size_t ny,
                             size_t nx, int *shading, mesh_pts *out, const char *who)
{
    double *xv = NULL, *yv = NULL;
    size_t xr = 0, xc = 0, yr = 0, yc = 0;
    *out = (mesh_pts){ 0 };
    nd_status st = coord_read(fig, x, true, &xv, &xr, &xc, who);
    if (!st) st = coord_read(fig, y, false, &yv, &yr, &yc, who);
    if (st) goto done;
    int sh = *shading;
    if (sh == SHADE_AUTO)
        sh = (xv || yv) && (!xv || xc == nx) && (!yv || yr == ny) ? SHADE_NEAREST : SHADE_FLAT;
    size_t px = sh == SHADE_FLAT ? nx + 1 : nx, py = sh == SHADE_FLAT ? ny + 1 : ny;
    if (!xv) {
        xr = 1, xc = px;
        if (!(xv = arange(fig, px, who))) goto fail;
    }
    if (!yv) {
        yr = py, yc = 1;
        if (!(yv = arange(fig, py, who))) goto fail;
    }
    size_t Nx = xc, Ny = yr;
    if ((xr != 1 && xr != Ny) || (yc != 1 && yc != Nx)) {
        st = nplot__fail(fig, ND_ESHAPE, "%s: x (%zu x %zu) and y (%zu x %zu) do not describe one "
                                         "grid", who, xr, xc, yr, yc);
        goto done;
    }
    if (Nx != px || Ny != py) {
        st = nplot__fail(fig, ND_ESHAPE, "%s: C is %zu x %zu and shading '%s' needs %zu x and %zu "
                                         "y points (%s), got %zu and %zu", who, ny, nx,
                         shading_names[sh], px, py, sh == SHADE_FLAT ? "one more than C's columns "
                         "and rows" : "as many as C's columns and rows", Nx, Ny);
        goto done;
    }
    if (sh == SHADE_GOURAUD && (nx < 2 || ny < 2)) {
        st = nplot__fail(fig, ND_ESHAPE, "%s: shading 'gouraud' needs at least 2 x 2 points, C is "
                                         "%zu x %zu", who, ny, nx);
        goto done;
    }
    if (!(out->X = spread(fig, xv, xr, xc, Ny, Nx, who)) || !(out->Y = spread(fig, yv, yr, yc, Ny, Nx, who)))
        goto fail;
    out->r = Ny, out->c = Nx;
    if (sh == SHADE_NEAREST) {
        double *X = interp_grid(fig, out->X, Ny, Nx, who), *Y = X ? interp_grid(fig, out->Y, Ny, Nx, who) : NULL;
        mesh_pts_free(out);
        if (!X || !Y) {
            nd_free_mem(X);
            goto fail;
        }
        *out = (mesh_pts){ X, Y, Ny + 1, Nx + 1 };
    }
    *shading = sh;
    goto done;
fail:
    st = fig->status;
    mesh_pts_free(out);
done:
    nd_free_mem(xv);
    nd_free_mem(yv);
    return st;
}

/* Gouraud shading as matplotlib's QuadMesh._convert_mesh_to_triangles: every quad is four
 * triangles meeting at its centre, whose color is the mean of the corners' colors. One
 * triangle is 3 vertices of x, y and colors. */
static artist *gouraud_artist(nplot_axes *ax, const mesh_pts *p, const double *v, const mappable *m,
                              const char *who)
{
    size_t c = p->c, nq = (p->r - 1) * (c - 1), n = nq * 12;
    double *tx = nd_malloc(sizeof(double) * n, who), *ty = nd_malloc(sizeof(double) * n, who);
    rgba *tc = nd_malloc(sizeof(rgba) * n, who);
    double *tz = nd_malloc(sizeof(double) * nq * 4, who); /* the corners' values (set_clim) */
    artist *a = NULL;
    if (!tx || !ty || !tc || !tz || !(a = nplot__artist_add(ax, ART_GOURAUD, who))) {
        nd_free_mem(tx);
        nd_free_mem(ty);
        nd_free_mem(tc);
        nd_free_mem(tz);
        if (!a) nplot__fail(ax->fig, ND_ENOMEM, "%s: out of memory for %zu quads", who, nq);
        return NULL;
    }
    size_t t = 0;
    for (size_t i = 0; i + 1 < p->r; i++)
        for (size_t j = 0; j + 1 < c; j++) {
            /* a, b, c, d: matplotlib's corner order */
            size_t k[4] = { i * c + j, i * c + j + 1, (i + 1) * c + j + 1, (i + 1) * c + j };
            rgba col[4], mid = { 0, 0, 0, 0 };
            double mx = 0, my = 0;
            for (int q = 0; q < 4; q++) {
                col[q] = nplot__map_color(m, v[k[q]]);
                mx += p->X[k[q]], my += p->Y[k[q]];
                mid.r += col[q].r, mid.g += col[q].g, mid.b += col[q].b, mid.a += col[q].a;
            }
            mx /= 4, my /= 4;
            mid.r /= 4, mid.g /= 4, mid.b /= 4, mid.a /= 4;
            for (int q = 0; q < 4; q++) tz[(i * (c - 1) + j) * 4 + (size_t)q] = v[k[q]];
            for (int q = 0; q < 4; q++) {
                int q2 = (q + 1) % 4;
                tx[t] = p->X[k[q]], ty[t] = p->Y[k[q]], tc[t++] = col[q];
                tx[t] = p->X[k[q2]], ty[t] = p->Y[k[q2]], tc[t++] = col[q2];
                tx[t] = mx, ty[t] = my, tc[t++] = mid;
            }
        }
    a->x = tx, a->y = ty, a->colors = tc, a->z = tz, a->n = n, a->npoly = nq * 4;
    a->map = *m;
    a->legend_kind = LEGEND_PATCH;
    return a;
}

void nplot__gouraud_recolor(artist *a)
{
    if (!a->z || !a->colors) return;
    for (size_t qd = 0, t = 0; qd < a->npoly / 4; qd++) {
        rgba col[4], mid = { 0, 0, 0, 0 };
        for (int q = 0; q < 4; q++) {
            col[q] = nplot__map_color(&a->map, a->z[qd * 4 + (size_t)q]);
            mid.r += col[q].r, mid.g += col[q].g, mid.b += col[q].b, mid.a += col[q].a;
        }
        mid.r /= 4, mid.g /= 4, mid.b /= 4, mid.a /= 4;
        for (int q = 0; q < 4; q++, t += 3) {
            a->colors[t] = col[q];
            a->colors[t + 1] = col[(q + 1) % 4];
            a->colors[t + 2] = mid;
        }
    }
}

void nplot__draw_gouraud(render_ctx *rc, nplot_axes *ax, artist *a)
{
    cairo_t *cr = rc->cr;
    if (a->n < 3 || !a->colors) return;
    xform tf = nplot__xform(ax);
    cairo_pattern_t *pat = cairo_pattern_create_mesh();
    const double lim = 1e6;
    for (size_t t = 0; t + 2 < a->n; t += 3) {
        double px[3], py[3];
        bool ok = true;
        for (int q = 0; q < 3; q++) {
            nplot__to_dev(rc, ax, &tf, a->xcoord, a->ycoord, a->x[t + q], a->y[t + q], &px[q], &py[q]);
            ok = ok && isfinite(px[q] + py[q]) && fabs(px[q]) < lim && fabs(py[q]) < lim;
        }
        if (!ok) continue;
        /* a triangle is a patch whose fourth corner is its first: cairo then interpolates
         * the colors linearly over it, as Agg's gouraud triangles */
        cairo_mesh_pattern_begin_patch(pat);
        cairo_mesh_pattern_move_to(pat, px[0], py[0]);
        cairo_mesh_pattern_line_to(pat, px[1], py[1]);
        cairo_mesh_pattern_line_to(pat, px[2], py[2]);
        for (unsigned q = 0; q < 4; q++) {
            rgba c = a->colors[t + q % 3];
            cairo_mesh_pattern_set_corner_color_rgba(pat, q, c.r, c.g, c.b, c.a);
        }
        cairo_mesh_pattern_end_patch(pat);
    }
    cairo_save(cr);
    cairo_rectangle(cr, ax->dev[0], ax->dev[1], ax->dev[2] - ax->dev[0], ax->dev[3] - ax->dev[1]);
    cairo_clip(cr);
    cairo_set_source(cr, pat);
    cairo_paint_with_alpha(cr, a->alpha);
    cairo_restore(cr);
    cairo_pattern_destroy(pat);
}

/* The mesh of C (ny x nx values v) on the points p: flat quads bucketed by color, or
 * gouraud triangles; a mappable; the limits and sticky edges at the points' extremes. */
static nd_status mesh_add(nplot_axes *ax, const double *v, size_t ny, size_t nx, const mesh_pts *p,
                          int shading, const nplot_pcolormesh_opts *o, const char *who)
{
    nplot_figure *fig = ax->fig;
    size_t nc = nx * ny;
    mappable m;
    nd_status st = nplot__mappable_init(fig, &m, o->cmap, o->norm, o->vmin, o->vmax, v, nc, who);
    if (st) return st;
    /* NaN (masked) cells: the colormap's bad color (transparent unless set_bad) or .bad */
    if (o->bad && nplot__color(o->bad, fig->style, &m.cm.bad, who))
        return nplot__fail(fig, ND_EVALUE, "%s", nd_errmsg());
    artist *a;
    if (shading == SHADE_GOURAUD) {
        if (!(a = gouraud_artist(ax, p, v, &m, who))) return fig->status;
    } else {
        double *cx = nd_malloc(sizeof(double) * nc * 4, who), *cy = nd_malloc(sizeof(double) * nc * 4, who);
        if (!cx || !cy) {
            nd_free_mem(cx);
            nd_free_mem(cy);
            return nplot__fail(fig, ND_ENOMEM, "%s: out of memory for %zu cells", who, nc);
        }
        size_t c = p->c;
        for (size_t i = 0; i < ny; i++)
            for (size_t j = 0; j < nx; j++) {
                size_t k[4] = { i * c + j, i * c + j + 1, (i + 1) * c + j + 1, (i + 1) * c + j };
                for (int q = 0; q < 4; q++) {
                    cx[(i * nx + j) * 4 + (size_t)q] = p->X[k[q]];
                    cy[(i * nx + j) * 4 + (size_t)q] = p->Y[k[q]];
                }
            }
        a = cells_artist(ax, cx, cy, 4, v, nc, &m, &m.cm.bad, who);
        nd_free_mem(cx);
        nd_free_mem(cy);
        if (!a) return fig->status;
        if ((st = cell_edges(ax, a, o->edgecolors, o->linewidths, false, who))) return st;
        /* matplotlib draws meshes unantialiased, edges too: no seams, and an edge thinner
         * than a pixel still covers one (Agg's aliased lines) */
        a->aliased = true;
        if (a->has_edge) a->edge_lw = fmax(a->edge_lw, 72 / fig->dpi);
    }
    a->alpha = NPLOT_OPT(o->alpha, 1);
    a->zorder = o->zorder ? o->zorder : 1;
    a->autoscale = false;
    /* matplotlib: sticky edges and data limits at the extremes of the coordinates */
    double lo[2] = { INFINITY, INFINITY }, hi[2] = { -INFINITY, -INFINITY };
    for (size_t i = 0; i < p->r * p->c; i++) {
        lo[0] = fmin(lo[0], p->X[i]), hi[0] = fmax(hi[0], p->X[i]);
        lo[1] = fmin(lo[1], p->Y[i]), hi[1] = fmax(hi[1], p->Y[i]);
    }
    for (int e = 0; e < 2; e++)
        if ((st = nplot__add_sticky(ax, !e, lo[e], who)) || (st = nplot__add_sticky(ax, !e, hi[e], who)))
            return st;
    nplot__datalim_point(ax, lo[0], lo[1]);
    nplot__datalim_point(ax, hi[0], hi[1]);
    return ND_OK;
}

static int shading_parse(const char *s)
{
    if (!s) return SHADE_AUTO;
    for (int i = 0; i < 4; i++)
        if (!strcmp(s, shading_names[i])) return i;
    return -1;
}

static nd_status pcolormesh_array(nplot_axes *ax, const nd_array *c, const nplot_pcolormesh_opts *o,
                                  const char *who)
{
    CHECK_AX(ax, who);
    nplot_figure *fig = ax->fig;
    o = NPLOT__OPTS(o, nplot_pcolormesh_opts);
    if (!c) return nplot__fail(fig, ND_EVALUE, "%s: C is NULL", who);
    if (nd_ndim(c) != 2 || nd_shape(c)[0] == 0 || nd_shape(c)[1] == 0)
        return nplot__fail(fig, ND_ESHAPE, "%s: C must be 2-D and not empty", who);
    if (o->linewidths < 0 || o->alpha < 0 || o->alpha > 1)
        return nplot__fail(fig, ND_EVALUE, "%s: linewidths must be >= 0 and alpha in [0, 1]", who);
    int shading = shading_parse(o->shading);
    if (shading < 0)
        return nplot__fail(fig, ND_EVALUE, "%s: shading must be 'auto', 'flat', 'nearest' or "
                                           "'gouraud', got '%s'", who, o->shading);
    size_t ny = (size_t)nd_shape(c)[0], nx = (size_t)nd_shape(c)[1];
    double *v = NULL;
    size_t nv = 0;
    mesh_pts p = { 0 };
    nd_status st = nplot__to_f64(fig, c, &v, &nv, "C", who);
    if (!st) st = mesh_points(fig, o->x, o->y, ny, nx, &shading, &p, who);
    if (!st) st = mesh_add(ax, v, ny, nx, &p, shading, o, who);
    nd_free_mem(v);
    mesh_pts_free(&p);
    return st;
}

nd_status nplot_pcolormesh_(nplot_axes *ax, const nd_array *c, const nplot_pcolormesh_opts *o)
{
    return pcolormesh_array(ax, c, o, "nplot_pcolormesh");
}

/* masked form: masked cells are NaN, drawn in .bad (or not at all) and left out of the
 * automatic vmin/vmax */
nd_status nplot_pcolormesh_ma_(nplot_axes *ax, const nd_marray *c, const nplot_pcolormesh_opts *o)
{
    static const char *who = "nplot_pcolormesh_ma";
    CHECK_AX(ax, who);
    nd_array *v;
    nd_status st = nplot__ma_nan(ax->fig, c, &v, "C", who);
    if (!st) st = pcolormesh_array(ax, v, o, who);
    nd_free(v);
    return st;
}

/* ---- hist2d -------------------------------------------------------------------------------- */
/* The edges of one axis given as a bin count while the other has explicit edges: NumPy's
 * histogramdd makes them as numpy.histogram_bin_edges does. */
static nd_array *count_edges(const nd_array *v, ptrdiff_t bins, const double *range)
{
    return nd_histogram_bin_edges_(v, &(nd_hist_opts){ .bins = bins, .range = range });
}

nd_status nplot_hist2d_(nplot_axes *ax, const nd_array *x, const nd_array *y, const nplot_hist2d_opts *o)
{
    static const char *who = "nplot_hist2d";
    CHECK_AX(ax, who);
    nplot_figure *fig = ax->fig;
    o = NPLOT__OPTS(o, nplot_hist2d_opts);
    if (o->counts_out) *o->counts_out = NULL;
    if (o->xedges_out) *o->xedges_out = NULL;
    if (o->yedges_out) *o->yedges_out = NULL;
    if (!x || !y) return nplot__fail(fig, ND_EVALUE, "%s: x and y are required", who);
    if (nd_ndim(x) != 1 || nd_ndim(y) != 1 || nd_shape(x)[0] != nd_shape(y)[0])
        return nplot__fail(fig, ND_ESHAPE, "%s: x and y must be 1-D of one length, got %d-D of %td "
                                           "and %d-D of %td", who, nd_ndim(x), nd_size(x),
                           nd_ndim(y), nd_size(y));
    nd_status st = NPLOT__CHECK_LEN(fig, who, "range", o->range, 4, "it takes");
    if (st) return st;
    if (o->bins < 0 || o->bins_y < 0 || o->alpha < 0 || o->alpha > 1)
        return nplot__fail(fig, ND_EVALUE, "%s: bins and bins_y must be >= 0 (0: 10) and alpha in "
                                           "[0, 1], got %d, %d and %g", who, o->bins, o->bins_y, o->alpha);
    ptrdiff_t nb[2] = { o->bins ? o->bins : 10, o->bins_y ? o->bins_y : o->bins ? o->bins : 10 };
    const double *range = o->range.v;
    nd_array *h = NULL, *xe = NULL, *ye = NULL, *made[2] = { NULL, NULL }, *counts = NULL;
    double *hv = NULL, *cv = NULL, *ex = NULL, *ey = NULL;
    mesh_pts p = { 0 };
    if (o->xedges || o->yedges) {
        const nd_array *given[2] = { o->xedges, o->yedges }, *xy[2] = { x, y }, *edges[2];
        for (int d = 0; d < 2; d++)
            if (!(edges[d] = given[d]) && !(edges[d] = made[d] = count_edges(xy[d], nb[d], range ? range + 2 * d : NULL)))
                goto core_fail;
        st = nd_histogram2d_(x, y, &h, &xe, &ye, &(nd_histdd_opts){ .edges = edges, .weights = o->weights, .density = o->density });
    } else {
        st = nd_histogram2d_(x, y, &h, &xe, &ye, &(nd_histdd_opts){ .bins_each = nb, .range = range, .weights = o->weights, .density = o->density });
    }
    if (st) goto core_fail;
    size_t n = 0, nx = (size_t)nd_shape(h)[0], ny = (size_t)nd_shape(h)[1], nex = 0, ney = 0;
    if ((st = nplot__to_f64(fig, h, &hv, &n, "counts", who)) || (st = nplot__to_f64(fig, xe, &ex, &nex, "x edges", who)) ||
        (st = nplot__to_f64(fig, ye, &ey, &ney, "y edges", who)))
        goto done;
    /* matplotlib: counts outside [cmin, cmax] become NaN, and NaN cells are not drawn */
    for (size_t i = 0; i < n; i++)
        if ((o->cmin != 0 && hv[i] < o->cmin) || (o->cmax != 0 && hv[i] > o->cmax)) hv[i] = NAN;
    /* drawn as pcolormesh(xedges, yedges, counts.T) */
    cv = nd_malloc(sizeof(double) * (n ? n : 1), who);
    if (!cv) {
        st = nplot__fail(fig, ND_ENOMEM, "%s: out of memory", who);
        goto done;
    }
    for (size_t i = 0; i < nx; i++)
        for (size_t j = 0; j < ny; j++) cv[j * nx + i] = hv[i * ny + j];
    p.r = ny + 1, p.c = nx + 1;
    if (!(p.X = spread(fig, ex, 1, nx + 1, ny + 1, nx + 1, who)) || !(p.Y = spread(fig, ey, ny + 1, 1, ny + 1, nx + 1, who))) {
        st = fig->status;
        goto done;
    }
    nplot_pcolormesh_opts po = { .cmap = o->cmap, .norm = o->norm, .vmin = o->vmin, .vmax = o->vmax,
                                 .alpha = o->alpha, .zorder = o->zorder };
    if ((st = mesh_add(ax, cv, ny, nx, &p, SHADE_FLAT, &po, who))) goto done;
    if ((st = nplot_set_xlim(ax, ex[0], ex[nx])) || (st = nplot_set_ylim(ax, ey[0], ey[ny]))) goto done;
    if (o->counts_out && !(counts = nd_from_buffer(hv, 2, (ptrdiff_t[]){ (ptrdiff_t)nx, (ptrdiff_t)ny }, ND_FLOAT64))) {
        st = nplot__fail(fig, ND_ENOMEM, "%s: out of memory", who);
        goto done;
    }
    if (o->counts_out) *o->counts_out = counts;
    if (o->xedges_out) *o->xedges_out = xe, xe = NULL;
    if (o->yedges_out) *o->yedges_out = ye, ye = NULL;
    goto done;
core_fail:
    st = nplot__fail(fig, nd_last_error(), "%s: %s", who, nd_errmsg());
done:
    nd_free(h);
    nd_free(xe);
    nd_free(ye);
    nd_free(made[0]);
    nd_free(made[1]);
    nd_free_mem(hv);
    nd_free_mem(cv);
    nd_free_mem(ex);
    nd_free_mem(ey);
    mesh_pts_free(&p);
    return st;
}

nd_status nplot_hist2d_xy_(nplot_axes *ax, const double *x, const double *y, size_t n,
                           const nplot_hist2d_opts *o)
{
    static const char *who = "nplot_hist2d";
    CHECK_AX(ax, who);
    if (n > 0 && (!x || !y)) return nplot__fail(ax->fig, ND_EVALUE, "%s: x and y are required", who);
    if (n > (size_t)PTRDIFF_MAX / sizeof(double))
        return nplot__fail(ax->fig, ND_EVALUE, "%s: %zu points are too many", who, n);
    nd_array *xa = nd_from_f64(n ? x : (const double[]){ 0 }, (ptrdiff_t)n);
    nd_array *ya = nd_from_f64(n ? y : (const double[]){ 0 }, (ptrdiff_t)n);
    nd_status st = xa && ya ? nplot_hist2d_(ax, xa, ya, o)
                            : nplot__fail(ax->fig, ND_ENOMEM, "%s: out of memory for %zu points", who, n);
    nd_free(xa);
    nd_free(ya);
    return st;
}
