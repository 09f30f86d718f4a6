/* Contour sets placed in 3-D: Axes3D.add_contour_set / add_contourf_set (from a 2-D axes'
 * set), tricontour / tricontourf on a 3-D axes, and extend3d's walls. */
#include "kind_3d_extra.h"

#include <math.h>
#include <string.h>

/* ---- contour sets in 3-D --------------------------------------------------------------------- */
/* The NaN-separated rings of a band as one run a nonzero fill draws with its holes: every
 * ring closed, and reached from (and left back to) the first ring's first point. */
static void bridge_rings(nplot__k3x_vbuf *b, const double *u, const double *v, size_t n, double h, int zdir)
{
    double X, Y, Z;
    size_t s = 0;
    bool first = true;
    for (size_t i = 0; i <= n; i++) {
        if (i < n && !isnan(u[i])) continue;
        if (i > s) {
            for (size_t j = s; j <= i; j++) {
                size_t at = j < i ? j : s;
                nplot__k3x_juggle(zdir, true, u[at], v[at], h, &X, &Y, &Z);
                nplot__k3x_put(b, X, Y, Z);
            }
            if (!first) {
                nplot__k3x_juggle(zdir, true, u[0], v[0], h, &X, &Y, &Z);
                nplot__k3x_put(b, X, Y, Z);
            }
            first = false;
        }
        s = i + 1;
    }
}

/* Axes3D._3d_extend_contour: each level's first polyline as quads from level - dz to
 * level + dz (dz: half the gap of the first two levels), every stride-th point (Python's
 * round: half to even, as rint), lit in the line's color, faces and edges. */
static nd_status extend_lines(nplot_axes *ax, artist **items, size_t n, const nplot_contour_set3d_opts *o,
                              bool grow, const char *who)
{
    if (o->stride < 0) return nplot__fail(ax->fig, ND_EVALUE, "%s: stride must be >= 0, got %d", who, o->stride);
    double stride = o->stride ? o->stride : 5, dz = n >= 2 ? (items[1]->clev[0] - items[0]->clev[0]) / 2 : 0;
    for (size_t l = 0; l < n; l++) {
        const artist *s = items[l];
        size_t m = 0;
        while (m < s->n && !isnan(s->x[m])) m++; /* the first polyline */
        double nsteps = rint((double)m / stride);
        if (nsteps <= 1) {
            if (m <= 1) continue;
            nsteps = 2;
        }
        double step = (double)(m - 1) / (nsteps - 1), z = s->clev[0];
        nplot__k3x_vbuf b = { 0 };
        size_t nq = (size_t)nsteps - 1;
        rgba *cols = nd_malloc(sizeof(rgba) * nq, who), *ecols = nd_malloc(sizeof(rgba) * nq, who);
        if (!cols || !ecols) {
            nd_free_mem(cols);
            nd_free_mem(ecols);
            return nplot__fail(ax->fig, ND_ENOMEM, "%s: out of memory", who);
        }
        for (size_t q = 0; q < nq; q++) {
            size_t i1 = (size_t)rint((double)q * step), i2 = (size_t)rint((double)(q + 1) * step);
            double p[4][3] = { { s->x[i1], s->y[i1], z - dz }, { s->x[i2], s->y[i2], z - dz },
                               { s->x[i2], s->y[i2], z + dz }, { s->x[i1], s->y[i1], z + dz } };
            for (int c = 0; c < 4; c++) nplot__k3x_put(&b, p[c][0], p[c][1], p[c][2]);
            nplot__k3x_break(&b);
            cols[q] = ecols[q] = nplot__shade3d(s->lp.color, (const double(*)[3])p, 225, 19.4712);
        }
        artist *a = nplot__k3x_take(ax, ART_POLY3D, &b, grow, who);
        if (!a) {
            nplot__k3x_free(&b);
            nd_free_mem(cols);
            nd_free_mem(ecols);
            return ax->fig->status;
        }
        a->colors = cols, a->edge_colors = ecols;
        a->has_edge = true;
        a->map = s->map;
        a->clev[0] = a->clev[1] = z;
    }
    return ND_OK;
}

/* Turn the contour items of one set (lines: ART_LINE, bands: ART_PATCHES with clev set)
 * from src into 3-D artists of ax; items with src == ax are replaced in place. */
static nd_status cset_to_3d(nplot_axes *ax, nplot_axes *src, int cset, bool filled, artist *after,
                            const nplot_contour_set3d_opts *o, bool grow, double hr[2], const char *who)
{
    nplot_figure *fig = ax->fig;
    int zdir = nplot__k3x_zdir(o->zdir);
    if (zdir < 0) return nplot__fail(fig, ND_EVALUE, "%s: zdir '%s' is not one of 'x', 'y', 'z'", who, o->zdir);
    if (o->has_offset && !isfinite(o->offset)) return nplot__fail(fig, ND_EVALUE, "%s: offset must be finite", who);
    artist_kind item = filled ? ART_PATCHES : ART_LINE;
    size_t n = 0;
    for (artist *a = after ? after->next : src->artists; a; a = a->next)
        n += a->kind == item && a->cset == cset && a->cfilled == filled;
    artist **items = nd_malloc(sizeof(artist *) * (n ? n : 1), who);
    if (!items) return nplot__fail(fig, ND_ENOMEM, "%s: out of memory", who);
    n = 0;
    for (artist *a = after ? after->next : src->artists; a; a = a->next)
        if (a->kind == item && a->cset == cset && a->cfilled == filled) items[n++] = a;
    /* a set brought from another axes gets a number of this one's (numbers are per axes) */
    int own = 0;
    for (const artist *a = ax->artists; src != ax && a; a = a->next) own = a->cset > own ? a->cset : own;
    nd_status st = ND_OK;
    if (o->extend3d && !filled) {
        st = extend_lines(ax, items, n, o, grow, who);
        for (size_t i = 0; i < n && src == ax; i++) nplot_artist_remove((nplot_artist *)(void *)items[i]);
        n = 0;
    }
    for (size_t i = 0; i < n && !st; i++) {
        artist *s = items[i];
        double lo = s->clev[0], hi = s->clev[1], h = lo;
        if (filled) { /* _add_contourf_set's midpoints, extended bands half a band beyond */
            h = (lo + hi) / 2;
            if (!isfinite(lo) && i + 1 < n) h = hi - (items[i + 1]->clev[1] - items[i + 1]->clev[0]) / 2;
            if (!isfinite(hi) && i > 0) h = lo + (items[i - 1]->clev[1] - items[i - 1]->clev[0]) / 2;
        }
        hr[0] = fmin(hr[0], h), hr[1] = fmax(hr[1], h); /* the levels' range, before any offset */
        if (o->has_offset) h = o->offset;
        nplot__k3x_vbuf b = { 0 };
        if (filled) {
            bridge_rings(&b, s->x, s->y, s->n, h, zdir);
        } else {
            for (size_t k = 0; k < s->n; k++) {
                double X = NAN, Y = NAN, Z = NAN;
                if (!isnan(s->x[k])) nplot__k3x_juggle(zdir, true, s->x[k], s->y[k], h, &X, &Y, &Z);
                nplot__k3x_put(&b, X, Y, Z);
            }
        }
        artist *a = nplot__k3x_take(ax, filled ? ART_POLY3D : ART_LINE3D, &b, grow, who);
        if (!a) {
            nplot__k3x_free(&b);
            st = fig->status;
            break;
        }
        a->map = s->map;
        a->cset = src == ax ? s->cset : own + 1;
        a->cfilled = filled;
        a->clev[0] = lo, a->clev[1] = hi;
        if (filled) {
            a->face = s->face;
            a->alpha = s->alpha > 0 ? s->alpha : 1;
        } else {
            a->lp = s->lp;
            a->lp.marker = MK_NONE;
            a->alpha = s->alpha > 0 ? s->alpha : 1;
            if (s->lp.ndashes && !(a->lp.dashes = nd_malloc(sizeof(double) * (size_t)s->lp.ndashes, who))) {
                a->lp.ndashes = 0;
                st = nplot__fail(fig, ND_ENOMEM, "%s: out of memory", who);
            }
            if (a->lp.dashes) memcpy(a->lp.dashes, s->lp.dashes, sizeof(double) * (size_t)s->lp.ndashes);
        }
        if (src == ax) nplot_artist_remove((nplot_artist *)(void *)s);
    }
    nd_free_mem(items);
    nplot__mark_dirty(fig);
    return st;
}

/* The number of the last contour set of src holding lines (bands), or 0. */
static int last_set(const nplot_axes *src, bool filled)
{
    int c = 0;
    for (const artist *a = src->artists; a; a = a->next)
        if (a->cset && a->cfilled == filled && a->kind == (filled ? ART_PATCHES : ART_LINE)) c = a->cset;
    return c;
}

static nd_status add_set(nplot_axes *ax, nplot_axes *src, const nplot_contour_set3d_opts *o, bool filled,
                         const char *who)
{
    CHECK_3D(ax, who);
    o = NPLOT__OPTS(o, nplot_contour_set3d_opts);
    if (!src) return nplot__fail(ax->fig, ND_EVALUE, "%s: src is NULL", who);
    if (src->is3d || src == ax)
        return nplot__fail(ax->fig, ND_EVALUE, "%s: src must be the 2-D axes holding the contour set", who);
    if (filled && o->extend3d)
        return nplot__fail(ax->fig, ND_EVALUE, "%s: extend3d applies to contour lines (add_contour_set)", who);
    int c = last_set(src, filled);
    if (!c)
        return nplot__fail(ax->fig, ND_EVALUE, "%s: src has no %s set (draw it with %s first)", who,
                           filled ? "contourf" : "contour", filled ? "nplot_contourf" : "nplot_contour");
    double hr[2] = { INFINITY, -INFINITY };
    return cset_to_3d(ax, src, c, filled, NULL, o, true, hr, who);
}

nd_status nplot_add_contour_set_(nplot_axes *ax, nplot_axes *src, const nplot_contour_set3d_opts *o)
{
    return add_set(ax, src, o, false, "nplot_add_contour_set");
}

nd_status nplot_add_contourf_set_(nplot_axes *ax, nplot_axes *src, const nplot_contour_set3d_opts *o)
{
    return add_set(ax, src, o, true, "nplot_add_contourf_set");
}

/* Axes3D.tricontour(f): the 2-D set of the rotated triangulation (rotate_axes: zdir "x"
 * contours x over (y, z), "y" y over (z, x)) drawn on the 3-D axes, then placed in 3-D. */
static nd_status tricontour3d(nplot_axes *ax, const nplot_triangulation *t, const nd_array *z,
                              const nplot_tricontour3d_opts *o, bool filled, const char *who)
{
    CHECK_3D(ax, who);
    nplot_figure *fig = ax->fig;
    o = NPLOT__OPTS(o, nplot_tricontour3d_opts);
    const nplot_contour_set3d_opts set = { .zdir = o->zdir, .offset = o->offset, .has_offset = o->has_offset,
                                           .extend3d = o->extend3d, .stride = o->stride },
                                   *o3 = &set;
    int zdir = nplot__k3x_zdir(o3->zdir);
    if (zdir < 0) return nplot__fail(fig, ND_EVALUE, "%s: zdir '%s' is not one of 'x', 'y', 'z'", who, o3->zdir);
    if (!t) return nplot__fail(fig, ND_EVALUE, "%s: triangulation is NULL", who);
    if (!z) return nplot__fail(fig, ND_EVALUE, "%s: z is NULL", who);
    if (filled && o->extend3d) return nplot__fail(fig, ND_EVALUE, "%s: extend3d applies to tricontour lines", who);
    double *zv = NULL, *ju = NULL, *jv = NULL;
    size_t nz = 0, n = t->npts;
    nplot_triangulation *r = NULL;
    nd_array *jz = NULL;
    nd_status st = nplot__to_f64(fig, z, &zv, &nz, "z", who);
    if (!st && nz != n)
        st = nplot__fail(fig, ND_ESHAPE, "%s: z must have one value per point (%zu), got %zu", who, n, nz);
    if (st) goto done;
    ju = nd_malloc(sizeof(double) * n, who), jv = nd_malloc(sizeof(double) * n, who);
    if (!ju || !jv) goto oom;
    const double *cx = t->x, *cy = t->y, *cz = zv;
    const double *U = zdir == 0 ? cy : zdir == 1 ? cz : cx, *V = zdir == 0 ? cz : zdir == 1 ? cx : cy;
    const double *H = zdir == 0 ? cx : zdir == 1 ? cy : cz;
    memcpy(ju, U, sizeof(double) * n);
    memcpy(jv, V, sizeof(double) * n);
    if (!(r = nplot_triangulation_new_xy(ju, jv, n, t->tri, t->ntri))) {
        st = nplot__fail(fig, nd_last_error(), "%s", nd_errmsg());
        goto done;
    }
    if (t->mask) {
        if (!(r->mask = nd_malloc(sizeof(bool) * t->ntri, who))) goto oom;
        memcpy(r->mask, t->mask, sizeof(bool) * t->ntri);
    }
    if (!(jz = nd_from_f64(H, (ptrdiff_t)n))) goto oom;
    /* the 2-D call's limits are of the rotated data: keep the 3-D axes' own */
    axis_state kx = ax->xa, ky = ax->ya;
    artist *after = ax->last_artist;
    st = filled ? nplot_tricontourf_(ax, r, jz, &o->tri) : nplot_tricontour_(ax, r, jz, &o->tri);
    ax->xa.dmin = kx.dmin, ax->xa.dmax = kx.dmax, ax->xa.minpos = kx.minpos, ax->xa.has_data = kx.has_data;
    ax->ya.dmin = ky.dmin, ax->ya.dmax = ky.dmax, ax->ya.minpos = ky.minpos, ax->ya.has_data = ky.has_data;
    ax->xa.tight = kx.tight, ax->ya.tight = ky.tight;
    if (st) goto done;
    double hr[2] = { INFINITY, -INFINITY };
    if ((st = cset_to_3d(ax, ax, 0, filled, after, o3, false, hr, who))) goto done;
    /* auto_scale_xyz(X, Y, Z); filled sets along zdir span the band heights instead
     * (_auto_scale_contourf); offsets are not included, as matplotlib's */
    bool bands = filled && hr[0] <= hr[1];
    for (size_t i = 0; i < n; i++) {
        double q[3] = { t->x[i], t->y[i], zv[i] };
        if (bands) q[zdir] = hr[0];
        nplot__k3x_grow(ax, q[0], q[1], q[2]);
        if (bands && i == 0) q[zdir] = hr[1], nplot__k3x_grow(ax, q[0], q[1], q[2]);
    }
    goto done;
oom:
    st = nplot__fail(fig, ND_ENOMEM, "%s: out of memory", who);
done:
    nd_free(jz);
    nplot_triangulation_free(r);
    nd_free_mem(zv);
    nd_free_mem(ju);
    nd_free_mem(jv);
    return st;
}

nd_status nplot_tricontour3d_(nplot_axes *ax, const nplot_triangulation *t, const nd_array *z,
                              const nplot_tricontour3d_opts *o)
{
    return tricontour3d(ax, t, z, o, false, "nplot_tricontour3d");
}

nd_status nplot_tricontourf3d_(nplot_axes *ax, const nplot_triangulation *t, const nd_array *z,
                               const nplot_tricontour3d_opts *o)
{
    return tricontour3d(ax, t, z, o, true, "nplot_tricontourf3d");
}
