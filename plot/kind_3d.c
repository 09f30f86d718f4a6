/* 3-D axes creation and its artists: plot_surface, plot_wireframe, 3-D plot and scatter,
 * plot_trisurf. */
#include "plot_model.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

nplot_axes *nplot_subplot_3d(nplot_figure *fig, int nrows, int ncols, int index)
{
    nplot_axes *ax = nplot_subplot(fig, nrows, ncols, index);
    if (!ax) return NULL;
    ax->is3d = true;
    ax->elev = 30;
    ax->azim = -60;
    nplot__axis_init_z(ax);
    ax->za.margin = 0; /* Axes3D starts with a z margin of 0 (matplotlib 3.6); scatter raises it */
    return ax;
}

nd_status nplot_view_init(nplot_axes *ax, double elev, double azim)
{
    CHECK_3D(ax, "nplot_view_init");
    if (!isfinite(elev) || !isfinite(azim))
        return nplot__fail(ax->fig, ND_EVALUE, "nplot_view_init: angles must be finite, got %g, %g", elev, azim);
    ax->elev = elev;
    ax->azim = azim;
    nplot__mark_dirty(ax->fig);
    return ND_OK;
}

nd_status nplot_set_zlim(nplot_axes *ax, double lo, double hi)
{
    CHECK_3D(ax, "nplot_set_zlim");
    if (isinf(lo) || isinf(hi) || (lo == hi && !isnan(lo)))
        return nplot__fail(ax->fig, ND_EVALUE, "nplot_set_zlim: limits must be finite and distinct, "
                                               "got %g, %g", lo, hi);
    axis_state *z = nplot__zaxis_root(ax); /* sharez: the group's limits */
    z->set_lo = !isnan(lo);
    z->set_hi = !isnan(hi);
    z->lo_fixed = lo;
    z->hi_fixed = hi;
    nplot__mark_dirty(ax->fig);
    return ND_OK;
}

nd_status nplot_get_zlim(nplot_axes *ax, double *lo, double *hi)
{
    CHECK_3D(ax, "nplot_get_zlim");
    double l, h;
    nplot__zlimits(ax, &l, &h);
    if (lo) *lo = l;
    if (hi) *hi = h;
    return ND_OK;
}

nd_status nplot_set_zlabel_(nplot_axes *ax, const char *s, const nplot_text_opts *o)
{
    static const char *who = "nplot_set_zlabel";
    CHECK_3D(ax, who);
    o = NPLOT__OPTS(o, nplot_text_opts);
    text_style ts;
    nd_status st = nplot__text_style_from(ax->fig, o, ax->fig->style->label_size, &ts, who);
    if (st) return st;
    char *c = nplot__strdup(ax->fig, s ? s : "", who);
    if (!c) return ax->fig->status;
    nd_free_mem(ax->za.label);
    ax->za.label = c;
    ax->za.label_ts = ts;
    nplot__mark_dirty(ax->fig);
    return ND_OK;
}

/* Copy x, y, z (n each) into a new 3-D artist and extend the three data limits. */
static artist *artist3d(nplot_axes *ax, artist_kind kind, const double *x, const double *y,
                        const double *z, size_t n, const char *who)
{
    artist *a = nplot__artist_add(ax, kind, who);
    if (!a) return NULL;
    a->n = n;
    if (!(a->x = nplot__copy_or_index(ax->fig, x, n, who)) || !(a->y = nplot__copy_or_index(ax->fig, y, n, who)) ||
        !(a->z = nplot__copy_or_index(ax->fig, z, n, who)))
        return NULL;
    for (size_t i = 0; i < n; i++) {
        if (!isfinite(x[i]) || !isfinite(y[i]) || !isfinite(z[i])) continue;
        nplot__datalim_point(ax, x[i], y[i]);
        axis_state *za = &ax->za;
        za->dmin = fmin(za->dmin, z[i]);
        za->dmax = fmax(za->dmax, z[i]);
        za->has_data = true;
    }
    a->autoscale = false; /* limits extended above, z included */
    return a;
}

/* ---- grids: X, Y, Z to (ny, nx) float64 copies --------------------------------------------- */
typedef struct grid3 {
    double *x, *y, *z;
    size_t ny, nx;
    size_t *ri, *ci; /* the rows and columns drawn (grid_sampled) */
    size_t nr, nc;
} grid3;

static void grid_free(grid3 *g)
{
    nd_free_mem(g->x);
    nd_free_mem(g->y);
    nd_free_mem(g->z);
    nd_free_mem(g->ri);
    nd_free_mem(g->ci);
}

/* Vertex coordinates a surface or wireframe builds from its grid: n each. */
typedef struct xyz {
    double *x, *y, *z;
} xyz;

static bool xyz_alloc(xyz *v, size_t n, const char *who)
{
    v->x = nd_malloc(sizeof(double) * n, who);
    v->y = nd_malloc(sizeof(double) * n, who);
    v->z = nd_malloc(sizeof(double) * n, who);
    return v->x && v->y && v->z;
}

static void xyz_free(xyz *v)
{
    nd_free_mem(v->x);
    nd_free_mem(v->y);
    nd_free_mem(v->z);
}

static nd_status grid_of(nplot_axes *ax, const nd_array *X, const nd_array *Y, const nd_array *Z,
                         grid3 *g, const char *who)
{
    memset(g, 0, sizeof *g);
    nplot_figure *fig = ax->fig;
    if (!X || !Y || !Z) return nplot__fail(fig, ND_EVALUE, "%s: X, Y and Z are required", who);
    if (nd_ndim(Z) != 2) return nplot__fail(fig, ND_ESHAPE, "%s: Z must be 2-D, got %d dimensions", who, nd_ndim(Z));
    g->ny = (size_t)nd_shape(Z)[0];
    g->nx = (size_t)nd_shape(Z)[1];
    size_t n = g->ny * g->nx, nxs = 0, nys = 0, nzs = 0;
    double *xs = NULL, *ys = NULL;
    nd_status st = nplot__to_f64(fig, Z, &g->z, &nzs, "Z", who);
    if (!st) st = nplot__to_f64(fig, X, &xs, &nxs, "X", who);
    if (!st) st = nplot__to_f64(fig, Y, &ys, &nys, "Y", who);
    if (st) goto fail;
    bool x1 = nd_ndim(X) == 1 && nxs == g->nx, y1 = nd_ndim(Y) == 1 && nys == g->ny;
    if (!(x1 || (nd_ndim(X) == 2 && nxs == n)) || !(y1 || (nd_ndim(Y) == 2 && nys == n))) {
        st = nplot__fail(fig, ND_ESHAPE, "%s: X and Y must match Z's shape (%zu, %zu) or be 1-D with "
                                         "%zu and %zu values", who, g->ny, g->nx, g->nx, g->ny);
        goto fail;
    }
    if (x1 || y1) {
        g->x = nd_malloc(sizeof(double) * (n ? n : 1), who);
        g->y = nd_malloc(sizeof(double) * (n ? n : 1), who);
        if (!g->x || !g->y) {
            st = nplot__fail(fig, ND_ENOMEM, "%s: out of memory", who);
            goto fail;
        }
        for (size_t r = 0; r < g->ny; r++)
            for (size_t c = 0; c < g->nx; c++) {
                g->x[r * g->nx + c] = x1 ? xs[c] : xs[r * g->nx + c];
                g->y[r * g->nx + c] = y1 ? ys[r] : ys[r * g->nx + c];
            }
        nd_free_mem(xs);
        nd_free_mem(ys);
    } else {
        g->x = xs;
        g->y = ys;
    }
    return ND_OK;
fail:
    nd_free_mem(xs);
    nd_free_mem(ys);
    grid_free(g);
    return st;
}

/* matplotlib: rcount/ccount (default 50) become strides unless strides are given */
static size_t stride_of(size_t n, int stride, int count)
{
    if (stride > 0) return (size_t)stride;
    size_t c = count > 0 ? (size_t)count : 50;
    size_t s = (n + c - 1) / (c ? c : 1);
    return s ? s : 1;
}

/* Indices kept along one dimension: 0, s, 2s, ... and always the last. */
static size_t picks(size_t n, size_t s, size_t *out)
{
    size_t k = 0;
    for (size_t i = 0; i < n; i += s) out[k++] = i;
    if (n && out[k - 1] != n - 1) out[k++] = n - 1;
    return k;
}

/* The grid of X, Y, Z (grid_of) and the rows and columns drawn of it (o's strides or counts,
 * matplotlib's rcount/ccount rule); with quads, Z must have at least 2 x 2 points. */
static nd_status grid_sampled(nplot_axes *ax, const nd_array *X, const nd_array *Y,
                              const nd_array *Z, const nplot_surface_opts *o, bool quads, grid3 *g,
                              const char *who)
{
    nd_status st = grid_of(ax, X, Y, Z, g, who);
    if (st) return st;
    if (quads && (g->ny < 2 || g->nx < 2))
        st = nplot__fail(ax->fig, ND_ESHAPE, "%s: Z needs at least 2 x 2 points, got (%zu, %zu)", who,
                         g->ny, g->nx);
    if (!st) {
        g->ri = nd_malloc(sizeof(size_t) * (g->ny + 1), who);
        g->ci = nd_malloc(sizeof(size_t) * (g->nx + 1), who);
        if (!g->ri || !g->ci) st = nplot__fail(ax->fig, ND_ENOMEM, "%s: out of memory", who);
    }
    if (st) {
        grid_free(g);
        return st;
    }
    g->nr = picks(g->ny, stride_of(g->ny, o->rstride, o->rcount), g->ri);
    g->nc = picks(g->nx, stride_of(g->nx, o->cstride, o->ccount), g->ci);
    return ND_OK;
}

/* base lit by matplotlib's LightSource(azdeg=225, altdeg=19.4712) on the face whose normal
 * is d1 x d2: shade = 0.3 + 0.7 (n.l + 1) / 2 */
static rgba lit(rgba base, const double d1[3], const double d2[3])
{
    double az = (90 - 225) * M_PI / 180, alt = 19.4712 * M_PI / 180;
    double L[3] = { cos(az) * cos(alt), sin(az) * cos(alt), sin(alt) };
    double nrm[3] = { d1[1] * d2[2] - d1[2] * d2[1], d1[2] * d2[0] - d1[0] * d2[2],
                      d1[0] * d2[1] - d1[1] * d2[0] };
    double len = sqrt(nrm[0] * nrm[0] + nrm[1] * nrm[1] + nrm[2] * nrm[2]);
    double dot = len > 0 ? (nrm[0] * L[0] + nrm[1] * L[1] + nrm[2] * L[2]) / len : 0;
    double f = 0.3 + 0.7 * (dot + 1) / 2;
    return (rgba){ base.r * f, base.g * f, base.b * f, base.a };
}

/* The face color (color, else black until the caller picks the cycle's) and the edge
 * color (edgecolor, else black) of a surface; negative with the error set on a bad name. */
static nd_status face_colors(nplot_figure *fig, const char *color, const char *edgecolor, rgba *base,
                             rgba *edge, const char *who)
{
    *base = *edge = (rgba){ 0, 0, 0, 1 };
    if (color && nplot__color(color, fig->style, base, who))
        return ND_EVALUE;
    if (edgecolor && nplot__color(edgecolor, fig->style, edge, who))
        return ND_EVALUE;
    return ND_OK;
}

/* The style shared by plot_surface and plot_trisurf once a->map and a->colors are set:
 * legend face, edges, alpha and label. */
static nd_status surface_style(nplot_figure *fig, artist *a, rgba base, rgba edge, const char *edgecolor,
                               double linewidth, double alpha, const char *label, const char *who)
{
    const mappable *m = &a->map;
    a->face = m->on ? nplot__map_color(m, (m->vmin + m->vmax) / 2) : base;
    a->legend_kind = LEGEND_PATCH;
    a->has_face = true;
    /* antialiasing seams between quads: closed by filling each quad a fraction of a
     * pixel larger (a stroke per quad would cost twice the fill); explicit edges stroke */
    a->has_edge = edgecolor || linewidth > 0;
    a->grow = !a->has_edge;
    a->edge_is_face = !edgecolor;
    a->edge = edge;
    a->edge_lw = NPLOT_OPT(linewidth, 1);
    a->alpha = NPLOT_OPT(alpha, 1);
    if (label && !(a->label = nplot__strdup(fig, label, who))) return fig->status;
    return ND_OK;
}

nd_status nplot_plot_surface_(nplot_axes *ax, const nd_array *X, const nd_array *Y,
                                   const nd_array *Z, const nplot_surface_opts *o)
{
    static const char *who = "nplot_plot_surface";
    CHECK_3D(ax, who);
    nplot_figure *fig = ax->fig;
    o = NPLOT__OPTS(o, nplot_surface_opts);
    if (o->alpha < 0 || o->alpha > 1 || o->linewidth < 0 || o->rstride < 0 || o->cstride < 0 ||
        o->rcount < 0 || o->ccount < 0)
        return nplot__fail(fig, ND_EVALUE, "%s: strides, counts and linewidth must be >= 0, alpha in "
                                           "[0, 1]", who);
    mappable m = { 0 };
    if (o->cmap && nplot__cmap_find(o->cmap, &m.cm, who)) return nplot__fail(fig, ND_EVALUE, "%s", nd_errmsg());
    rgba base, edge;
    if (face_colors(fig, o->color, o->edgecolor, &base, &edge, who))
        return nplot__fail(fig, ND_EVALUE, "%s", nd_errmsg());
    grid3 g;
    nd_status st = grid_sampled(ax, X, Y, Z, o, true, &g, who);
    if (st) return st;
    if (!o->color && !o->cmap) base = nplot__next_patch_color(ax);
    size_t nr = g.nr, nc = g.nc, nv = nr * nc, nq = (nr - 1) * (nc - 1);
    xyz s = { 0 };
    double *mean = nd_malloc(sizeof(double) * nq, who);
    artist *a = NULL;
    if (!xyz_alloc(&s, nv, who) || !mean) goto oom;
    double *sx = s.x, *sy = s.y, *sz = s.z;
    for (size_t r = 0; r < nr; r++)
        for (size_t c = 0; c < nc; c++) {
            size_t k = g.ri[r] * g.nx + g.ci[c];
            sx[r * nc + c] = g.x[k], sy[r * nc + c] = g.y[k], sz[r * nc + c] = g.z[k];
        }
    for (size_t r = 0; r + 1 < nr; r++)
        for (size_t c = 0; c + 1 < nc; c++) {
            size_t v = r * nc + c;
            mean[r * (nc - 1) + c] = (sz[v] + sz[v + 1] + sz[v + nc] + sz[v + nc + 1]) / 4;
        }
    if (o->cmap && (st = nplot__mappable_init(fig, &m, o->cmap, o->norm, o->vmin, o->vmax, mean, nq, who)))
        goto done;
    if (!(a = artist3d(ax, ART_SURFACE3D, sx, sy, sz, nv, who))) {
        st = fig->status;
        goto done;
    }
    a->iw = (int)nc;
    a->ih = (int)nr;
    a->map = m;
    a->colors = nd_malloc(sizeof(rgba) * (nq ? nq : 1), who);
    if (!a->colors) goto oom;
    for (size_t r = 0; r + 1 < nr; r++)
        for (size_t c = 0; c + 1 < nc; c++) {
            size_t q = r * (nc - 1) + c, v = r * nc + c;
            if (!isfinite(mean[q])) {
                a->colors[q] = (rgba){ 0, 0, 0, 0 };
                continue;
            }
            if (m.on) {
                a->colors[q] = nplot__map_color(&m, mean[q]);
                continue;
            }
            /* normal from the two diagonals of the quad */
            double d1[3] = { sx[v + nc + 1] - sx[v], sy[v + nc + 1] - sy[v], sz[v + nc + 1] - sz[v] };
            double d2[3] = { sx[v + nc] - sx[v + 1], sy[v + nc] - sy[v + 1], sz[v + nc] - sz[v + 1] };
            a->colors[q] = lit(base, d1, d2);
        }
    st = surface_style(fig, a, base, edge, o->edgecolor, o->linewidth, o->alpha, o->label, who);
    goto done;
oom:
    st = nplot__fail(fig, ND_ENOMEM, "%s: out of memory", who);
done:
    grid_free(&g);
    xyz_free(&s);
    nd_free_mem(mean);
    return st;
}

static nd_status line3d_style(nplot_axes *ax, artist *a, const nplot_line_opts *o, const char *who)
{
    line_props lp;
    double alpha;
    nd_status st = nplot__line_props(ax, o, &lp, &alpha, who);
    if (st) return st;
    a->lp = lp;
    a->alpha = alpha;
    if (o->label && !(a->label = nplot__strdup(ax->fig, o->label, who))) return ax->fig->status;
    return ND_OK;
}

nd_status nplot_plot_wireframe_(nplot_axes *ax, const nd_array *X, const nd_array *Y,
                                     const nd_array *Z, const nplot_surface_opts *o)
{
    static const char *who = "nplot_plot_wireframe";
    CHECK_3D(ax, who);
    nplot_figure *fig = ax->fig;
    o = NPLOT__OPTS(o, nplot_surface_opts);
    if (o->rstride < 0 || o->cstride < 0 || o->rcount < 0 || o->ccount < 0 || o->linewidth < 0)
        return nplot__fail(fig, ND_EVALUE, "%s: strides, counts and linewidth must be >= 0", who);
    grid3 g;
    nd_status st = grid_sampled(ax, X, Y, Z, o, false, &g, who);
    if (st) return st;
    /* rows (all columns), then columns (all rows), NaN between polylines */
    size_t cap = g.nr * (g.nx + 1) + g.nc * (g.ny + 1) + 1, k = 0;
    xyz v = { 0 };
    if (!xyz_alloc(&v, cap, who)) goto oom;
    for (size_t r = 0; r < g.nr; r++) {
        for (size_t c = 0; c < g.nx; c++, k++) {
            size_t s = g.ri[r] * g.nx + c;
            v.x[k] = g.x[s], v.y[k] = g.y[s], v.z[k] = g.z[s];
        }
        v.x[k] = v.y[k] = v.z[k] = NAN, k++;
    }
    for (size_t c = 0; c < g.nc; c++) {
        for (size_t r = 0; r < g.ny; r++, k++) {
            size_t s = r * g.nx + g.ci[c];
            v.x[k] = g.x[s], v.y[k] = g.y[s], v.z[k] = g.z[s];
        }
        v.x[k] = v.y[k] = v.z[k] = NAN, k++;
    }
    artist *a = artist3d(ax, ART_LINE3D, v.x, v.y, v.z, k, who);
    if (!a) {
        st = fig->status;
        goto done;
    }
    nplot_line_opts lo = { .color = o->color, .linewidth = o->linewidth, .alpha = o->alpha, .label = o->label };
    st = line3d_style(ax, a, &lo, who);
    goto done;
oom:
    st = nplot__fail(fig, ND_ENOMEM, "%s: out of memory", who);
done:
    grid_free(&g);
    xyz_free(&v);
    return st;
}

static nd_status xyz_of(nplot_axes *ax, const nd_array *x, const nd_array *y, const nd_array *z,
                        double **xs, double **ys, double **zs, size_t *n, const char *who)
{
    size_t nx = 0, ny = 0, nz = 0;
    *xs = *ys = *zs = NULL;
    if (!x || !y || !z) return nplot__fail(ax->fig, ND_EVALUE, "%s: x, y and z are required", who);
    nd_status st = nplot__to_f64(ax->fig, x, xs, &nx, "x", who);
    if (!st) st = nplot__to_f64(ax->fig, y, ys, &ny, "y", who);
    if (!st) st = nplot__to_f64(ax->fig, z, zs, &nz, "z", who);
    if (!st && (nx != ny || nx != nz))
        st = nplot__fail(ax->fig, ND_ESHAPE, "%s: x, y and z must have the same length, got %zu, %zu, %zu",
                         who, nx, ny, nz);
    if (st) {
        nd_free_mem(*xs);
        nd_free_mem(*ys);
        nd_free_mem(*zs);
        *xs = *ys = *zs = NULL;
    }
    *n = nx;
    return st;
}

nd_status nplot_plot3d_(nplot_axes *ax, const nd_array *x, const nd_array *y,
                             const nd_array *z, const nplot_line_opts *o)
{
    static const char *who = "nplot_plot3d";
    CHECK_3D(ax, who);
    o = NPLOT__OPTS(o, nplot_line_opts);
    double *xs, *ys, *zs;
    size_t n;
    nd_status st = xyz_of(ax, x, y, z, &xs, &ys, &zs, &n, who);
    if (st) return st;
    artist *a = artist3d(ax, ART_LINE3D, xs, ys, zs, n, who);
    st = a ? line3d_style(ax, a, o, who) : ax->fig->status;
    nd_free_mem(xs);
    nd_free_mem(ys);
    nd_free_mem(zs);
    return st;
}

nd_status nplot_scatter3d_(nplot_axes *ax, const nd_array *x, const nd_array *y,
                                const nd_array *z, const nplot_scatter_opts *o)
{
    static const char *who = "nplot_scatter3d";
    CHECK_3D(ax, who);
    nplot_figure *fig = ax->fig;
    o = NPLOT__OPTS(o, nplot_scatter_opts);
    double *xs, *ys, *zs, *cs = NULL, *ss = NULL;
    size_t n, nc = 0, ns = 0;
    nd_status st = xyz_of(ax, x, y, z, &xs, &ys, &zs, &n, who);
    if (st) return st;
    if (o->c && !(st = nplot__to_f64(fig, o->c, &cs, &nc, "c", who)) && nc != n)
        st = nplot__fail(fig, ND_ESHAPE, "%s: c must have one value per point, got %zu for %zu", who, nc, n);
    if (!st && o->sizes && !(st = nplot__to_f64(fig, o->sizes, &ss, &ns, "sizes", who)) && ns != n)
        st = nplot__fail(fig, ND_ESHAPE, "%s: sizes must have one value per point, got %zu for %zu", who, ns, n);
    if (!st && !o->sizes)
        st = NPLOT__CHECK_LEN(fig, who, "sizes", o->sizes_f64, n, "x, y and z have");
    if (!st && !o->c) st = NPLOT__CHECK_LEN(fig, who, "c", o->c_f64, n, "x, y and z have");
    /* the 2-D scatter validates the options and computes colors; its artist becomes 3-D */
    if (!st)
        st = nplot__scatter(ax, xs, ys, n, ss ? ss : o->sizes_f64.v, cs ? cs : o->c_f64.v, o, who);
    if (!st) {
        artist *a = ax->last_artist;
        a->kind = ART_SCATTER3D;
        a->autoscale = false;
        if (n > 0 && ax->za.margin < 0.05) ax->za.margin = 0.05; /* Axes3D.scatter's set_zmargin */
        if (!(o->s > 0)) a->size = 20; /* Axes3D.scatter's s=20 (2-D: rc lines.markersize²) */
        nd_free_mem(a->z); /* the 2-D scatter's c values (set_clim is 2-D only): z now */
        if (!(a->z = nplot__copy_or_index(fig, zs, n, who))) st = fig->status;
        for (size_t i = 0; !st && i < n; i++)
            if (isfinite(zs[i]) && isfinite(xs[i]) && isfinite(ys[i])) {
                ax->za.dmin = fmin(ax->za.dmin, zs[i]);
                ax->za.dmax = fmax(ax->za.dmax, zs[i]);
                ax->za.has_data = true;
            }
    }
    nd_free_mem(xs);
    nd_free_mem(ys);
    nd_free_mem(zs);
    nd_free_mem(cs);
    nd_free_mem(ss);
    return st;
}

/* ---- plot_trisurf ----------------------------------------------------------------------------- */
/* The triangles ride on the surface artist's quads: triangle k is the quad of rows 2k and
 * 2k + 1 with the corners A, B | C, C (a quad with two equal corners is the triangle), and
 * the quad between two triangles is transparent (never drawn). */
nd_status nplot_plot_trisurf_(nplot_axes *ax, const nplot_triangulation *t, const nd_array *Z,
                              const nplot_trisurf_opts *o)
{
    static const char *who = "nplot_plot_trisurf";
    CHECK_3D(ax, who);
    nplot_figure *fig = ax->fig;
    o = NPLOT__OPTS(o, nplot_trisurf_opts);
    if (!t) return nplot__fail(fig, ND_EVALUE, "%s: triangulation is NULL", who);
    if (!Z) return nplot__fail(fig, ND_EVALUE, "%s: z is NULL", who);
    if (o->alpha < 0 || o->alpha > 1 || o->linewidth < 0)
        return nplot__fail(fig, ND_EVALUE, "%s: linewidth must be >= 0 and alpha in [0, 1]", who);
    mappable m = { 0 };
    rgba base, edge;
    if (face_colors(fig, o->color, o->edgecolor, &base, &edge, who))
        return nplot__fail(fig, ND_EVALUE, "%s", nd_errmsg());
    double *z = NULL;
    size_t nz = 0;
    nd_status st = nplot__to_f64(fig, Z, &z, &nz, "z", who);
    if (st) return st;
    if (nz != t->npts) {
        nd_free_mem(z);
        return nplot__fail(fig, ND_ESHAPE, "%s: z must have one value per point (%zu), got %zu", who,
                           t->npts, nz);
    }
    size_t nt = 0;
    for (size_t i = 0; i < t->ntri; i++) nt += !(t->mask && t->mask[i]);
    if (!nt) {
        nd_free_mem(z);
        return nplot__fail(fig, ND_EVALUE, "%s: the triangulation has no unmasked triangle", who);
    }
    if (!o->color && !o->cmap) base = nplot__next_patch_color(ax);
    xyz s = { 0 };
    double *mean = nd_malloc(sizeof(double) * nt, who);
    artist *a = NULL;
    if (!xyz_alloc(&s, 4 * nt, who) || !mean) goto oom;
    size_t k = 0;
    for (size_t i = 0; i < t->ntri; i++) {
        if (t->mask && t->mask[i]) continue;
        const int *v = t->tri + 3 * i;
        const int corner[4] = { v[0], v[1], v[2], v[2] };
        for (int c = 0; c < 4; c++) {
            s.x[4 * k + (size_t)c] = t->x[corner[c]];
            s.y[4 * k + (size_t)c] = t->y[corner[c]];
            s.z[4 * k + (size_t)c] = z[corner[c]];
        }
        mean[k] = (z[v[0]] + z[v[1]] + z[v[2]]) / 3;
        k++;
    }
    /* the norm autoscales over the triangle means */
    if (o->cmap && (st = nplot__mappable_init(fig, &m, o->cmap, o->norm, o->vmin, o->vmax, mean, nt, who)))
        goto done;
    if (!(a = artist3d(ax, ART_SURFACE3D, s.x, s.y, s.z, 4 * nt, who))) {
        st = fig->status;
        goto done;
    }
    a->iw = 2;
    a->ih = (int)(2 * nt);
    a->map = m;
    a->colors = nd_calloc(2 * nt - 1, sizeof(rgba), who); /* the quads between stay transparent */
    if (!a->colors) goto oom;
    for (size_t q = 0; q < nt; q++) {
        if (!isfinite(mean[q])) continue;
        if (m.on) {
            a->colors[2 * q] = nplot__map_color(&m, mean[q]);
            continue;
        }
        const double *X = s.x + 4 * q, *Y = s.y + 4 * q, *W = s.z + 4 * q;
        double d1[3] = { X[1] - X[0], Y[1] - Y[0], W[1] - W[0] };
        double d2[3] = { X[2] - X[0], Y[2] - Y[0], W[2] - W[0] };
        a->colors[2 * q] = lit(base, d1, d2);
    }
    st = surface_style(fig, a, base, edge, o->edgecolor, o->linewidth, o->alpha, o->label, who);
    goto done;
oom:
    st = nplot__fail(fig, ND_ENOMEM, "%s: out of memory", who);
done:
    xyz_free(&s);
    nd_free_mem(mean);
    nd_free_mem(z);
    return st;
}
