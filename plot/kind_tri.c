/* Irregular meshes: matplotlib.tri's Triangulation (Delaunay through qhull, or the user's
 * triangles and a mask) and its plots: triplot, tripcolor (flat and gouraud), tricontour
 * and tricontourf. plot_trisurf lives with the other 3-D kinds (kind_3d.c). */
#include "plot_model.h"

#include <math.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

/* ---- the triangulation --------------------------------------------------------------------- */
void nplot_triangulation_free(nplot_triangulation *t)
{
    if (!t) return;
    nd_free_mem(t->x);
    nd_free_mem(t->y);
    nd_free_mem(t->tri);
    nd_free_mem(t->mask);
    nd_free_mem(t->nbr);
    nd_free_mem(t);
}

/* The user's triangles: indices in range, each put counter-clockwise (matplotlib corrects
 * the orientation of triangles it did not compute). */
static nd_status check_triangles(nplot_triangulation *t, const char *who)
{
    for (size_t i = 0; i < t->ntri; i++) {
        int *v = t->tri + 3 * i;
        for (int k = 0; k < 3; k++)
            if (v[k] < 0 || (size_t)v[k] >= t->npts)
                return nd_set_error(ND_EVALUE, "%s: triangle %zu has the point index %d, outside 0..%zu",
                                    who, i, v[k], t->npts - 1);
        double cross = (t->x[v[1]] - t->x[v[0]]) * (t->y[v[2]] - t->y[v[0]]) -
                       (t->y[v[1]] - t->y[v[0]]) * (t->x[v[2]] - t->x[v[0]]);
        if (cross < 0) {
            int s = v[1];
            v[1] = v[2];
            v[2] = s;
        }
    }
    return ND_OK;
}

nplot_triangulation *nplot_triangulation_new_xy(const double *x, const double *y, size_t n,
                                                const int *triangles, size_t ntri)
{
    static const char *who = "nplot_triangulation";
    if (n && (!x || !y)) return ND_FAIL(ND_EVALUE, "%s: x and y are NULL", who);
    if (ntri && !triangles) return ND_FAIL(ND_EVALUE, "%s: triangles is NULL with ntri = %zu", who, ntri);
    if (n > (size_t)INT32_MAX) return ND_FAIL(ND_EVALUE, "%s: %zu points are too many", who, n);
    for (size_t i = 0; i < n; i++)
        if (!isfinite(x[i]) || !isfinite(y[i]))
            return ND_FAIL(ND_EVALUE, "%s: point %zu is not finite (%g, %g)", who, i, x[i], y[i]);
    nplot_triangulation *t = nd_calloc(1, sizeof *t, who);
    if (!t) return ND_FAIL(ND_ENOMEM, "%s: out of memory", who);
    t->npts = n;
    t->x = nd_malloc(sizeof(double) * (n ? n : 1), who);
    t->y = nd_malloc(sizeof(double) * (n ? n : 1), who);
    if (!t->x || !t->y) goto oom;
    if (n) {
        memcpy(t->x, x, sizeof(double) * n);
        memcpy(t->y, y, sizeof(double) * n);
    }
    if (!triangles) {
        if (nplot__tri_delaunay(x, y, n, &t->tri, &t->ntri, who)) goto fail;
        return t;
    }
    t->ntri = ntri;
    t->tri = nd_malloc(sizeof(int) * 3 * (ntri ? ntri : 1), who);
    if (!t->tri) goto oom;
    if (ntri) memcpy(t->tri, triangles, sizeof(int) * 3 * ntri);
    if (check_triangles(t, who)) goto fail;
    return t;
oom:
    nd_set_error(ND_ENOMEM, "%s: out of memory for %zu points", who, n);
fail:
    nplot_triangulation_free(t);
    return NULL;
}

/* An nd_array of any real dtype as a float64 copy of its n elements. */
static nd_status f64_of(const nd_array *a, double **out, size_t *n, const char *what, const char *who)
{
    return nplot__to_f64(NULL, a, out, n, what, who);
}

nplot_triangulation *nplot_triangulation_new(const nd_array *x, const nd_array *y,
                                             const nd_array *triangles, const nd_array *mask)
{
    static const char *who = "nplot_triangulation";
    if (!x || !y) return ND_FAIL(ND_EVALUE, "%s: x and y are required", who);
    if (nd_ndim(x) != 1 || nd_ndim(y) != 1 || nd_shape(x)[0] != nd_shape(y)[0])
        return ND_FAIL(ND_ESHAPE, "%s: x and y must be equal-length 1-D arrays, got %d-D and %d-D "
                                  "with %td and %td elements", who, nd_ndim(x), nd_ndim(y), nd_size(x),
                       nd_size(y));
    if (triangles && (nd_ndim(triangles) != 2 || nd_shape(triangles)[1] != 3))
        return ND_FAIL(ND_ESHAPE, "%s: triangles must be an (N, 3) array, got %d-D with %td elements",
                       who, nd_ndim(triangles), nd_size(triangles));
    double *xs = NULL, *ys = NULL, *ts = NULL;
    int *ti = NULL;
    size_t n = 0, nt = 0;
    nplot_triangulation *t = NULL;
    if (f64_of(x, &xs, &n, "x", who) || f64_of(y, &ys, &n, "y", who) ||
        f64_of(triangles, &ts, &nt, "triangles", who))
        goto done;
    if (triangles) {
        ti = nd_malloc(sizeof(int) * (nt ? nt : 1), who);
        if (!ti) {
            nd_set_error(ND_ENOMEM, "%s: out of memory", who);
            goto done;
        }
        for (size_t i = 0; i < nt; i++) {
            if (ts[i] != floor(ts[i]) || fabs(ts[i]) > INT32_MAX) {
                nd_set_error(ND_EVALUE, "%s: triangles must hold integer point indices, got %g", who, ts[i]);
                goto done;
            }
            ti[i] = (int)ts[i];
        }
    }
    t = nplot_triangulation_new_xy(xs, ys, n, ti, nt / 3);
    if (t && mask && nplot_triangulation_set_mask(t, mask)) {
        nplot_triangulation_free(t);
        t = NULL;
    }
done:
    nd_free_mem(xs);
    nd_free_mem(ys);
    nd_free_mem(ts);
    nd_free_mem(ti);
    return t;
}

size_t nplot_triangulation_ntri(const nplot_triangulation *t)
{
    return t ? t->ntri : 0;
}

size_t nplot_triangulation_npoints(const nplot_triangulation *t)
{
    return t ? t->npts : 0;
}

nd_status nplot_triangulation_set_mask(nplot_triangulation *t, const nd_array *mask)
{
    static const char *who = "nplot_triangulation_set_mask";
    if (!t) return nd_set_error(ND_EVALUE, "%s: triangulation is NULL", who);
    bool *m = NULL;
    if (mask) {
        double *v = NULL;
        size_t n = 0;
        if (f64_of(mask, &v, &n, "mask", who)) return nd_last_error();
        if (nd_ndim(mask) != 1 || n != t->ntri) {
            nd_free_mem(v);
            return nd_set_error(ND_ESHAPE, "%s: mask must be 1-D with one value per triangle (%zu), "
                                           "got %zu", who, t->ntri, n);
        }
        m = nd_malloc(t->ntri ? t->ntri : 1, who);
        if (!m) {
            nd_free_mem(v);
            return nd_set_error(ND_ENOMEM, "%s: out of memory", who);
        }
        for (size_t i = 0; i < n; i++) m[i] = v[i] != 0;
        nd_free_mem(v);
    }
    nd_free_mem(t->mask);
    t->mask = m;
    /* neighbors depend on the mask: computed again when next asked for */
    nd_free_mem(t->nbr);
    t->nbr = NULL;
    return ND_OK;
}

static nd_array *int_table(const int *v, size_t rows, const char *who)
{
    ptrdiff_t shape[2] = { (ptrdiff_t)rows, 3 };
    nd_array *a = nd_empty(2, shape, ND_INT32);
    if (!a) return ND_FAIL(nd_last_error(), "%s: %s", who, nd_errmsg());
    if (rows) memcpy(nd_data(a), v, sizeof(int32_t) * 3 * rows);
    return a;
}

nd_array *nplot_triangulation_triangles(const nplot_triangulation *t)
{
    if (!t) return ND_FAIL(ND_EVALUE, "nplot_triangulation_triangles: triangulation is NULL");
    return int_table(t->tri, t->ntri, "nplot_triangulation_triangles");
}

/* The neighbors, computed on first use. */
static const int *neighbors_of(nplot_triangulation *t, const char *who)
{
    if (t->nbr) return t->nbr;
    int *nb = nd_malloc(sizeof(int) * 3 * (t->ntri ? t->ntri : 1), who);
    if (!nb) return ND_FAIL(ND_ENOMEM, "%s: out of memory", who);
    if (nplot__tri_neighbors(t->tri, t->mask, t->ntri, nb, who)) {
        nd_free_mem(nb);
        return NULL;
    }
    return t->nbr = nb;
}

nd_array *nplot_triangulation_neighbors(nplot_triangulation *t)
{
    static const char *who = "nplot_triangulation_neighbors";
    if (!t) return ND_FAIL(ND_EVALUE, "%s: triangulation is NULL", who);
    const int *nb = neighbors_of(t, who);
    return nb ? int_table(nb, t->ntri, who) : NULL;
}

static nplot__trimesh mesh_of(const nplot_triangulation *t)
{
    return (nplot__trimesh){ t->x, t->y, t->tri, t->mask, t->ntri, NULL };
}

/* The common entry of the plots: a usable axes and a triangulation. */
#define CHECK_TRI(ax, t, who)                                                         \
    do {                                                                              \
        CHECK_AX(ax, who);                                                            \
        if (!(t)) return nplot__fail((ax)->fig, ND_EVALUE, "%s: triangulation is NULL", who); \
    } while (0)

/* The data limits of every point (matplotlib: the corners of the points' box). */
static void points_datalim(nplot_axes *ax, const nplot_triangulation *t)
{
    for (size_t i = 0; i < t->npts; i++) nplot__datalim_point(ax, t->x[i], t->y[i]);
}

/* ---- triplot ---------------------------------------------------------------------------------- */
nd_status nplot_triplot_(nplot_axes *ax, const nplot_triangulation *t, const nplot_line_opts *o)
{
    static const char *who = "nplot_triplot";
    CHECK_TRI(ax, t, who);
    nplot_figure *fig = ax->fig;
    o = NPLOT__OPTS(o, nplot_line_opts);
    /* every edge once: the edges of unmasked triangles whose neighbor across is absent or
     * comes later (the neighbors of the current mask, computed here: t stays untouched) */
    int *nb = nd_malloc(sizeof(int) * 3 * (t->ntri ? t->ntri : 1), who);
    if (!nb) return nplot__fail(fig, ND_ENOMEM, "%s: out of memory", who);
    if (nplot__tri_neighbors(t->tri, t->mask, t->ntri, nb, who)) {
        nd_free_mem(nb);
        return nplot__fail(fig, nd_last_error(), "%s", nd_errmsg());
    }
    size_t ne = 0;
    for (size_t i = 0; i < t->ntri; i++)
        for (int k = 0; k < 3 && !(t->mask && t->mask[i]); k++)
            if (nb[3 * i + (size_t)k] < 0 || (size_t)nb[3 * i + (size_t)k] > i) ne++;
    double *ex = nd_malloc(sizeof(double) * 3 * (ne ? ne : 1), who);
    double *ey = nd_malloc(sizeof(double) * 3 * (ne ? ne : 1), who);
    nd_status st = ND_OK;
    if (!ex || !ey) {
        st = nplot__fail(fig, ND_ENOMEM, "%s: out of memory for %zu edges", who, ne);
        goto done;
    }
    size_t p = 0;
    for (size_t i = 0; i < t->ntri; i++)
        for (int k = 0; k < 3 && !(t->mask && t->mask[i]); k++) {
            int j = nb[3 * i + (size_t)k];
            if (j >= 0 && (size_t)j < i) continue;
            int a = t->tri[3 * i + (size_t)k], b = t->tri[3 * i + (size_t)(k + 1) % 3];
            ex[p] = t->x[a], ey[p++] = t->y[a];
            ex[p] = t->x[b], ey[p++] = t->y[b];
            ex[p] = ey[p] = NAN, p++;
        }
    /* matplotlib: the edges as a line without markers (zorder 1 unless given), then the
     * points as markers without a line, unlabelled; each plot takes a cycle color when
     * none is given */
    if ((st = nplot_plot_xy_(ax, ex, ey, p, o))) goto done;
    artist *lines = ax->last_artist;
    lines->lp.marker = MK_NONE;
    if (!o->zorder) lines->zorder = 1;
    if (lines->lp.ls == LS_NONE) lines->n = 0;
    nplot_line_opts mo = *o;
    mo.label = NULL;
    if ((st = nplot_plot_xy_(ax, t->x, t->y, t->npts, &mo))) goto done;
    artist *marks = ax->last_artist;
    marks->lp.ls = LS_NONE;
    if (marks->lp.marker == MK_NONE) marks->n = 0;
done:
    nd_free_mem(nb);
    nd_free_mem(ex);
    nd_free_mem(ey);
    return st;
}

/* ---- color-mapped plots: values and their mappable ------------------------------------------ */
/* cmap, norm and vmin/vmax of o into m (nplot__mappable_init: unset limits from the
 * finite values of v, n of them). */
static nd_status mappable_of(nplot_axes *ax, const char *cmap, const nplot_norm *norm, double vmin,
                             double vmax, const double *v, size_t n, mappable *m, const char *who)
{
    return nplot__mappable_init(ax->fig, m, cmap, norm, vmin, vmax, v, n, who);
}

/* Point values z (one per point) as a float64 copy, named what. */
static nd_status point_values(nplot_axes *ax, const nplot_triangulation *t, const nd_array *z, double **out,
                              const char *what, const char *who)
{
    size_t n = 0;
    *out = NULL;
    if (!z) return nplot__fail(ax->fig, ND_EVALUE, "%s: %s is NULL", who, what);
    nd_status st = nplot__to_f64(ax->fig, z, out, &n, what, who);
    if (!st && n != t->npts)
        st = nplot__fail(ax->fig, ND_ESHAPE, "%s: %s must have one value per point (%zu), got %zu", who,
                         what, t->npts, n);
    if (st) {
        nd_free_mem(*out);
        *out = NULL;
    }
    return st;
}

/* ---- tripcolor -------------------------------------------------------------------------------- */
/* Flat: one polygon per unmasked triangle in its face value's color. */
static artist *tripcolor_flat(nplot_axes *ax, const nplot_triangulation *t, const double *face,
                              const mappable *m, const char *who)
{
    size_t nt = 0;
    for (size_t i = 0; i < t->ntri; i++) nt += !(t->mask && t->mask[i]);
    double *vx = nd_malloc(sizeof(double) * 4 * (nt ? nt : 1), who);
    double *vy = nd_malloc(sizeof(double) * 4 * (nt ? nt : 1), who);
    rgba *cols = nd_malloc(sizeof(rgba) * (nt ? nt : 1), who);
    artist *a = NULL;
    if (!vx || !vy || !cols) {
        nplot__fail(ax->fig, ND_ENOMEM, "%s: out of memory for %zu triangles", who, nt);
        goto done;
    }
    size_t p = 0, q = 0;
    for (size_t i = 0; i < t->ntri; i++) {
        if (t->mask && t->mask[i]) continue;
        if (q) vx[p] = vy[p] = NAN, p++;
        for (int k = 0; k < 3; k++, p++) vx[p] = t->x[t->tri[3 * i + (size_t)k]], vy[p] = t->y[t->tri[3 * i + (size_t)k]];
        cols[q++] = nplot__map_color(m, face[i]);
    }
    a = nplot__patches_new(ax, vx, vy, p, q, cols, who);
done:
    nd_free_mem(vx);
    nd_free_mem(vy);
    nd_free_mem(cols);
    return a;
}

/* cairo's ARGB32 word: native-endian, premultiplied alpha. */
static uint32_t argb_word(rgba c)
{
    double a = nplot__clampd(c.a, 0, 1);
    uint32_t A = (uint32_t)lround(a * 255), R = (uint32_t)lround(nplot__clampd(c.r, 0, 1) * a * 255),
             G = (uint32_t)lround(nplot__clampd(c.g, 0, 1) * a * 255),
             B = (uint32_t)lround(nplot__clampd(c.b, 0, 1) * a * 255);
    return A << 24 | R << 16 | G << 8 | B;
}

/* Gouraud: the points' colors interpolated across each triangle (matplotlib's TriMesh),
 * rasterised at about the figure's pixel size over the points' box into an image. */
static artist *tripcolor_gouraud(nplot_axes *ax, const nplot_triangulation *t, const double *z,
                                 const mappable *m, double alpha, const char *who)
{
    nplot_figure *fig = ax->fig;
    double x0 = INFINITY, x1 = -INFINITY, y0 = INFINITY, y1 = -INFINITY;
    for (size_t i = 0; i < t->npts; i++) {
        x0 = fmin(x0, t->x[i]), x1 = fmax(x1, t->x[i]);
        y0 = fmin(y0, t->y[i]), y1 = fmax(y1, t->y[i]);
    }
    if (!(x0 < x1 && y0 < y1)) return ND_FAIL(ND_EVALUE, "%s: the points span no area", who);
    int W = (int)nplot__clampd(ceil(fig->width * fig->dpi), 16, 4096);
    int H = (int)nplot__clampd(ceil(fig->height * fig->dpi), 16, 4096);
    uint32_t *pix = nd_calloc((size_t)W * (size_t)H, sizeof *pix, who);
    rgba *pc = nd_malloc(sizeof(rgba) * (t->npts ? t->npts : 1), who);
    if (!pix || !pc) {
        nd_free_mem(pix);
        nd_free_mem(pc);
        nplot__fail(fig, ND_ENOMEM, "%s: out of memory for a %d x %d raster", who, W, H);
        return NULL;
    }
    for (size_t i = 0; i < t->npts; i++) pc[i] = nplot__map_color(m, z[i]);
    double sx = (x1 - x0) / W, sy = (y1 - y0) / H;
    for (size_t i = 0; i < t->ntri; i++) {
        if (t->mask && t->mask[i]) continue;
        const int *v = t->tri + 3 * i;
        double ax_ = t->x[v[0]], ay = t->y[v[0]], bx = t->x[v[1]], by = t->y[v[1]], cx = t->x[v[2]],
               cy = t->y[v[2]];
        double det = (bx - ax_) * (cy - ay) - (by - ay) * (cx - ax_);
        if (det == 0) continue;
        /* the pixel centres inside the triangle's box (row 0 at the top) */
        int c0 = (int)floor((fmin(ax_, fmin(bx, cx)) - x0) / sx), c1 = (int)ceil((fmax(ax_, fmax(bx, cx)) - x0) / sx);
        int r0 = (int)floor((y1 - fmax(ay, fmax(by, cy))) / sy), r1 = (int)ceil((y1 - fmin(ay, fmin(by, cy))) / sy);
        c0 = c0 < 0 ? 0 : c0, r0 = r0 < 0 ? 0 : r0, c1 = c1 > W ? W : c1, r1 = r1 > H ? H : r1;
        double tol = -1e-9 * fabs(det);
        for (int r = r0; r < r1; r++) {
            double py = y1 - (r + 0.5) * sy;
            for (int c = c0; c < c1; c++) {
                double px = x0 + (c + 0.5) * sx;
                double wb = (px - ax_) * (cy - ay) - (py - ay) * (cx - ax_);
                double wc = (bx - ax_) * (py - ay) - (by - ay) * (px - ax_);
                if (det < 0) wb = -wb, wc = -wc;
                double wa = fabs(det) - wb - wc;
                if (wa < tol || wb < tol || wc < tol) continue;
                wa /= fabs(det), wb /= fabs(det), wc /= fabs(det);
                rgba A = pc[v[0]], B = pc[v[1]], C = pc[v[2]];
                rgba o = { wa * A.r + wb * B.r + wc * C.r, wa * A.g + wb * B.g + wc * C.g,
                           wa * A.b + wb * B.b + wc * C.b, (wa * A.a + wb * B.a + wc * C.a) * alpha };
                pix[(size_t)r * (size_t)W + (size_t)c] = argb_word(o);
            }
        }
    }
    nd_free_mem(pc);
    artist *a = nplot__artist_add(ax, ART_IMAGE, who);
    if (!a) {
        nd_free_mem(pix);
        return NULL;
    }
    a->pix = (unsigned char *)pix;
    a->iw = W;
    a->ih = H;
    a->origin_upper = true;
    a->interp = INTERP_AUTO;
    a->alpha = 1; /* already in the pixels */
    double xs[2] = { x0, x1 }, ys[2] = { y0, y1 };
    a->n = 2;
    if (!(a->x = nplot__copy_or_index(fig, xs, 2, who)) || !(a->y = nplot__copy_or_index(fig, ys, 2, who)))
        return NULL;
    return a;
}

nd_status nplot_tripcolor_(nplot_axes *ax, const nplot_triangulation *t, const nd_array *c,
                           const nplot_tripcolor_opts *o)
{
    static const char *who = "nplot_tripcolor";
    CHECK_TRI(ax, t, who);
    nplot_figure *fig = ax->fig;
    o = NPLOT__OPTS(o, nplot_tripcolor_opts);
    bool gouraud = o->shading && !strcmp(o->shading, "gouraud");
    if (o->shading && !gouraud && strcmp(o->shading, "flat"))
        return nplot__fail(fig, ND_EVALUE, "%s: shading must be 'flat' or 'gouraud', got '%s'", who, o->shading);
    if (o->linewidths < 0 || o->alpha < 0 || o->alpha > 1)
        return nplot__fail(fig, ND_EVALUE, "%s: linewidths must be >= 0 and alpha in [0, 1]", who);
    if (!c == !o->facecolors)
        return nplot__fail(fig, ND_EVALUE, "%s: give either c or facecolors", who);
    double *v = NULL, *face = NULL;
    size_t n = 0;
    nd_status st = nplot__to_f64(fig, c ? c : o->facecolors, &v, &n, c ? "c" : "facecolors", who);
    if (st) return st;
    /* matplotlib: c matches the points first, then the triangles */
    bool at_points = c && n == t->npts;
    if (!at_points && n != t->ntri) {
        st = nplot__fail(fig, ND_ESHAPE, "%s: %s has %zu values; it must match the points (%zu)%s the "
                                         "triangles (%zu)", who, c ? "c" : "facecolors", n, t->npts,
                         c ? " or" : ", not", t->ntri);
        goto done;
    }
    if (gouraud && !at_points) {
        st = nplot__fail(fig, ND_EVALUE, "%s: shading='gouraud' needs values at the points, not at "
                                         "the triangles", who);
        goto done;
    }
    if (!gouraud && at_points) {
        /* flat shading of point values: each triangle's mean */
        face = nd_malloc(sizeof(double) * (t->ntri ? t->ntri : 1), who);
        if (!face) {
            st = nplot__fail(fig, ND_ENOMEM, "%s: out of memory", who);
            goto done;
        }
        for (size_t i = 0; i < t->ntri; i++) {
            const int *tv = t->tri + 3 * i;
            face[i] = (v[tv[0]] + v[tv[1]] + v[tv[2]]) / 3;
        }
    }
    const double *shown = gouraud ? v : face ? face : v;
    /* the norm autoscales over what is drawn: the unmasked triangles' values, or the points */
    double *range = NULL;
    size_t nr = 0;
    if (!gouraud && t->mask) {
        range = nd_malloc(sizeof(double) * (t->ntri ? t->ntri : 1), who);
        if (!range) {
            st = nplot__fail(fig, ND_ENOMEM, "%s: out of memory", who);
            goto done;
        }
        for (size_t i = 0; i < t->ntri; i++)
            if (!t->mask[i]) range[nr++] = shown[i];
    }
    mappable m;
    st = mappable_of(ax, o->cmap, o->norm, o->vmin, o->vmax, range ? range : shown,
                     range ? nr : gouraud ? t->npts : t->ntri, &m, who);
    nd_free_mem(range);
    if (st) goto done;
    double alpha = NPLOT_OPT(o->alpha, 1);
    artist *a = gouraud ? tripcolor_gouraud(ax, t, v, &m, alpha, who) : tripcolor_flat(ax, t, shown, &m, who);
    if (!a) {
        st = fig->status ? fig->status : nplot__fail(fig, nd_last_error(), "%s", nd_errmsg());
        goto done;
    }
    a->map = m;
    a->legend_kind = LEGEND_PATCH;
    a->zorder = o->zorder ? o->zorder : 1;
    a->autoscale = false;
    if (!gouraud) {
        a->alpha = alpha;
        a->edge_lw = NPLOT_OPT(o->linewidths, 0.25);
        a->has_edge = false;
        if (o->edgecolors && strcmp(o->edgecolors, "none")) {
            a->has_edge = true;
            if (!strcmp(o->edgecolors, "face")) a->edge_is_face = true;
            else if (nplot__color(o->edgecolors, fig->style, &a->edge, who)) {
                st = nplot__fail(fig, ND_EVALUE, "%s", nd_errmsg());
                goto done;
            }
        }
        a->aliased = !a->has_edge; /* matplotlib: not antialiased without edges, no seams */
    }
    points_datalim(ax, t);
done:
    nd_free_mem(v);
    nd_free_mem(face);
    return st;
}

/* ---- tricontour / tricontourf ---------------------------------------------------------------- */
/* matplotlib's ContourSet.logscale: a LogNorm puts the levels and band colors in log space */
static bool is_log(const nplot_tricontour_opts *o) { return o->norm && o->norm->kind == NPLOT_NORM_LOG; }

/* The levels: explicit (strictly increasing), or matplotlib's _autolev: MaxNLocator(N + 1,
 * min_n_ticks=1) over [zmin, zmax] (LogLocator() under a LogNorm), trimmed to one level beyond each end. Line contours keep only the
 * levels strictly inside the range, or [zmin] when none is. *lev is nd_malloc'd. */
static nd_status levels_of(nplot_axes *ax, const nplot_tricontour_opts *o, double zmin, double zmax,
                           bool filled, double **lev, size_t *nlev, const char *who)
{
    nplot_figure *fig = ax->fig;
    *lev = NULL;
    *nlev = 0;
    double *L;
    size_t n;
    if (o->levels.n || o->levels.v) {
        if (!o->levels.v || !o->levels.n)
            return nplot__fail(fig, ND_EVALUE, "%s: 'levels' has %zu values but no data", who, o->levels.n);
        n = o->levels.n;
        for (size_t i = 0; i < n; i++)
            if (!isfinite(o->levels.v[i]) || (i && !(o->levels.v[i] > o->levels.v[i - 1])))
                return nplot__fail(fig, ND_EVALUE, "%s: levels must be finite and increasing, got %g "
                                                   "at %zu", who, o->levels.v[i], i);
        L = nd_malloc(sizeof(double) * n, who);
        if (!L) return nplot__fail(fig, ND_ENOMEM, "%s: out of memory", who);
        memcpy(L, o->levels.v, sizeof(double) * n);
    } else {
        if (o->nlevels < 0 || o->nlevels > 10000)
            return nplot__fail(fig, ND_EVALUE, "%s: nlevels must be in 0..10000, got %d", who, o->nlevels);
        int N = o->nlevels ? o->nlevels : 7;
        bool logscale = is_log(o);
        int cnt = logscale ? nplot_log_ticks(zmin, zmax, 10, 9, false, NULL, 0)
                           : nplot__contour_levels(zmin, zmax, N + 1, NULL, 0);
        if (cnt < 0) return nplot__fail(fig, ND_EVALUE, "%s: %s", who, nd_errmsg());
        L = nd_malloc(sizeof(double) * (size_t)(cnt ? cnt : 1), who);
        if (!L) return nplot__fail(fig, ND_ENOMEM, "%s: out of memory", who);
        if (logscale) nplot_log_ticks(zmin, zmax, 10, 9, false, L, cnt);
        else nplot__contour_levels(zmin, zmax, N + 1, L, cnt);
        /* keep the last level below zmin and the first above zmax */
        size_t i0 = 0, i1 = (size_t)cnt;
        for (size_t i = 0; i < (size_t)cnt; i++)
            if (L[i] < zmin) i0 = i;
        for (size_t i = (size_t)cnt; i-- > 0;)
            if (L[i] > zmax) i1 = i + 1;
        if (i1 - i0 < 3) i0 = 0, i1 = (size_t)cnt;
        n = i1 - i0;
        memmove(L, L + i0, sizeof(double) * n);
    }
    if (!filled) {
        bool any = false;
        for (size_t i = 0; i < n; i++) any |= L[i] > zmin && L[i] < zmax;
        if (!any) L[0] = zmin, n = 1;
    } else if (n < 2) {
        nd_free_mem(L);
        return nplot__fail(fig, ND_EVALUE, "%s: filled contours need at least 2 levels, got %zu", who, n);
    }
    *lev = L;
    *nlev = n;
    return ND_OK;
}

/* What both contour forms share: z at the points (finite on the drawn triangles), its
 * range there, the levels and the mappable over them. */
typedef struct contour_in {
    double *z, *lev;
    size_t nlev;
    mappable m;
    bool one_color;
    rgba color;
} contour_in;

static void contour_in_free(contour_in *c)
{
    nd_free_mem(c->z);
    nd_free_mem(c->lev);
}

static nd_status contour_setup(nplot_axes *ax, const nplot_triangulation *t, const nd_array *z,
                               const nplot_tricontour_opts *o, bool filled, contour_in *c, const char *who)
{
    nplot_figure *fig = ax->fig;
    memset(c, 0, sizeof *c);
    if (o->alpha < 0 || o->alpha > 1 || o->linewidths < 0)
        return nplot__fail(fig, ND_EVALUE, "%s: linewidths must be >= 0 and alpha in [0, 1]", who);
    nd_status st = point_values(ax, t, z, &c->z, "z", who);
    if (st) return st;
    double zmin = INFINITY, zmax = -INFINITY;
    for (size_t i = 0; i < t->ntri; i++) {
        if (t->mask && t->mask[i]) continue;
        for (int k = 0; k < 3; k++) {
            double v = c->z[t->tri[3 * i + (size_t)k]];
            if (!isfinite(v)) {
                st = nplot__fail(fig, ND_EVALUE, "%s: z must be finite on the unmasked triangles, got %g "
                                                 "at point %d", who, v, t->tri[3 * i + (size_t)k]);
                goto fail;
            }
            zmin = fmin(zmin, v), zmax = fmax(zmax, v);
        }
    }
    if (!(zmin <= zmax)) {
        st = nplot__fail(fig, ND_EVALUE, "%s: the triangulation has no unmasked triangle", who);
        goto fail;
    }
    if (is_log(o) && zmin <= 0) {
        st = nplot__fail(fig, ND_EVALUE, "%s: Cannot %s log of negative values (z min %g)", who,
                         filled ? "contourf" : "contour", zmin);
        goto fail;
    }
    if ((st = levels_of(ax, o, zmin, zmax, filled, &c->lev, &c->nlev, who))) goto fail;
    /* matplotlib's norm autoscales over the levels (vmin/vmax override it) */
    if ((st = mappable_of(ax, o->cmap, o->norm, o->vmin, o->vmax, c->lev, c->nlev, &c->m, who))) goto fail;
    if (o->colors) {
        if (nplot__color(o->colors, fig->style, &c->color, who)) {
            st = nplot__fail(fig, ND_EVALUE, "%s", nd_errmsg());
            goto fail;
        }
        c->one_color = true;
    }
    return ND_OK;
fail:
    contour_in_free(c);
    return st;
}

static rgba contour_color(const contour_in *c, double v)
{
    return c->one_color ? c->color : nplot__map_color(&c->m, v);
}

nd_status nplot_tricontour_(nplot_axes *ax, const nplot_triangulation *t, const nd_array *z,
                            const nplot_tricontour_opts *o)
{
    static const char *who = "nplot_tricontour";
    CHECK_TRI(ax, t, who);
    nplot_figure *fig = ax->fig;
    o = NPLOT__OPTS(o, nplot_tricontour_opts);
    contour_in c;
    nd_status st = contour_setup(ax, t, z, o, false, &c, who);
    if (st) return st;
    int *nb = NULL;
    /* the line style is validated once, by the line machinery (the color is set per level) */
    nplot_line_opts lo = { .color = "k", .linewidth = o->linewidths, .linestyle = o->linestyles,
                           .alpha = o->alpha, .zorder = o->zorder };
    line_props lp;
    double alpha;
    if ((st = nplot__line_props(ax, &lo, &lp, &alpha, who))) goto done;
    nd_free_mem(lp.dashes);
    /* the neighbors once for every level */
    nplot__trimesh mesh = mesh_of(t);
    nb = nd_malloc(sizeof(int) * 3 * (t->ntri ? t->ntri : 1), who);
    if (!nb) {
        st = nplot__fail(fig, ND_ENOMEM, "%s: out of memory", who);
        goto done;
    }
    mesh.nbr = nb;
    if (nplot__tri_neighbors(t->tri, t->mask, t->ntri, nb, who)) {
        st = nplot__fail(fig, nd_last_error(), "%s", nd_errmsg());
        goto done;
    }
    for (size_t i = 0; i < c.nlev; i++) {
        double *px, *py;
        size_t np;
        if (nplot__tri_isolines(&mesh, c.z, c.lev[i], &px, &py, &np, who)) {
            st = nplot__fail(fig, nd_last_error(), "%s", nd_errmsg());
            goto done;
        }
        if (np) st = nplot_plot_xy_(ax, px, py, np, &lo);
        nd_free_mem(px);
        nd_free_mem(py);
        if (st) goto done;
        if (!np) continue;
        artist *a = ax->last_artist;
        a->lp.color = a->lp.mfc = a->lp.mec = contour_color(&c, c.lev[i]);
        a->map = c.m;
        a->clev[0] = a->clev[1] = c.lev[i]; /* read by the 3-D forms (kind_3d_extra.c) */
        /* matplotlib: one-color contours draw negative levels dashed */
        if (c.one_color && !o->linestyles && c.lev[i] < 0) a->lp.ls = LS_DASHED;
    }
    points_datalim(ax, t);
    ax->xa.tight = ax->ya.tight = true; /* matplotlib: autoscale_view(tight=True) */
    if (o->levels_out && !(*o->levels_out = nd_from_f64(c.lev, (ptrdiff_t)c.nlev)))
        st = nplot__fail(fig, ND_ENOMEM, "%s: out of memory", who);
done:
    nd_free_mem(nb);
    contour_in_free(&c);
    return st;
}

/* A band's rings (NaN-separated) as one run that a single polygon fill draws with its
 * holes: each ring closed back to its first point, and every later ring reached from the
 * first ring's first point and left back to it. The bridges are walked there and back, so
 * under the nonzero rule they add nothing; any alpha is then filled once. */
static nd_status bridged(nplot_figure *fig, const double *px, const double *py, size_t n, double **bx,
                         double **by, size_t *nb, const char *who)
{
    size_t rings = 1;
    for (size_t i = 0; i < n; i++) rings += isnan(px[i]);
    size_t cap = n + 2 * rings;
    *bx = nd_malloc(sizeof(double) * cap, who);
    *by = nd_malloc(sizeof(double) * cap, who);
    if (!*bx || !*by) {
        nd_free_mem(*bx);
        nd_free_mem(*by);
        *bx = *by = NULL;
        return nplot__fail(fig, ND_ENOMEM, "%s: out of memory", who);
    }
    double *x = *bx, *y = *by;
    size_t k = 0, s = 0;
    for (size_t i = 0; i <= n; i++) {
        if (i < n && !isnan(px[i])) continue;
        /* the ring [s, i) */
        for (size_t j = s; j < i; j++) x[k] = px[j], y[k++] = py[j];
        x[k] = px[s], y[k++] = py[s];
        if (s) x[k] = px[0], y[k++] = py[0];
        s = i + 1;
    }
    *nb = k;
    return ND_OK;
}

nd_status nplot_tricontourf_(nplot_axes *ax, const nplot_triangulation *t, const nd_array *z,
                             const nplot_tricontour_opts *o)
{
    static const char *who = "nplot_tricontourf";
    CHECK_TRI(ax, t, who);
    nplot_figure *fig = ax->fig;
    o = NPLOT__OPTS(o, nplot_tricontour_opts);
    contour_in c;
    nd_status st = contour_setup(ax, t, z, o, true, &c, who);
    if (st) return st;
    /* one collection per band (matplotlib: one path per level), in the band's color */
    nplot__trimesh mesh = mesh_of(t);
    for (size_t b = 0; b + 1 < c.nlev; b++) {
        double *px, *py;
        size_t np, nb;
        if (nplot__tri_band(&mesh, c.z, c.lev[b], c.lev[b + 1], &px, &py, &np, &nb, who)) {
            st = nplot__fail(fig, nd_last_error(), "%s", nd_errmsg());
            goto done;
        }
        double *bx = NULL, *by = NULL;
        size_t nbv = 0;
        if (np) st = bridged(fig, px, py, np, &bx, &by, &nbv, who);
        nd_free_mem(px);
        nd_free_mem(py);
        if (st) goto done;
        if (!np) continue;
        artist *a = nplot__patches_new(ax, bx, by, nbv, 1, NULL, who);
        nd_free_mem(bx);
        nd_free_mem(by);
        if (!a) {
            st = fig->status;
            goto done;
        }
        /* the band's middle, in log space under a LogNorm (matplotlib's layers) */
        double lo = c.lev[b], hi = c.lev[b + 1];
        a->face = contour_color(&c, is_log(o) ? sqrt(lo) * sqrt(hi) : (lo + hi) / 2);
        a->cfilled = true; /* the band, read by the 3-D forms (kind_3d_extra.c) */
        a->clev[0] = lo, a->clev[1] = hi;
        a->map = c.m;
        a->alpha = NPLOT_OPT(o->alpha, 1);
        a->zorder = o->zorder ? o->zorder : 1;
        a->aliased = true; /* matplotlib fills contours unantialiased: no seams between bands */
        a->autoscale = false;
    }
    points_datalim(ax, t);
    ax->xa.tight = ax->ya.tight = true;
    if (o->levels_out && !(*o->levels_out = nd_from_f64(c.lev, (ptrdiff_t)c.nlev)))
        st = nplot__fail(fig, ND_ENOMEM, "%s: out of memory", who);
done:
    contour_in_free(&c);
    return st;
}
