/* More Axes3D kinds: voxels, stem, errorbar, text / text2D, bar at zs, add_collection3d,
 * contour sets placed in 3-D (add_contour_set, add_contourf_set, tricontour, tricontourf).
 * Polygons become ART_POLY3D (one depth per polygon, Poly3DCollection's zsort 'average'),
 * lines ART_LINE3D. */
#include "plot_model.h"

#include <math.h>
#include <stdio.h>
#include <string.h>

#define CHECK_3D NPLOT__CHECK_3D

/* "x" 0, "y" 1, "z" (or NULL) 2; -1 otherwise */
static int zdir_of(const char *s)
{
    if (!s || !strcmp(s, "z")) return 2;
    if (!strcmp(s, "x")) return 0;
    if (!strcmp(s, "y")) return 1;
    return -1;
}

/* art3d.juggle_axes(u, v, h, zdir): "x" → (h, u, v), "y" → (u, h, v), "z" → (u, v, h).
 * With rot (rotate_axes of '-' + zdir, used for contour sets): "y" → (v, h, u). */
static void juggle(int zdir, bool rot, double u, double v, double h, double *x, double *y, double *z)
{
    if (zdir == 0) *x = h, *y = u, *z = v;
    else if (zdir == 1 && rot) *x = v, *y = h, *z = u;
    else if (zdir == 1) *x = u, *y = h, *z = v;
    else *x = u, *y = v, *z = h;
}

static void grow3d(nplot_axes *ax, double x, double y, double z)
{
    if (!isfinite(x + y + z)) return;
    nplot__datalim_point(ax, x, y);
    ax->za.dmin = fmin(ax->za.dmin, z);
    ax->za.dmax = fmax(ax->za.dmax, z);
    ax->za.has_data = true;
}

/* A growing list of 3-D vertices (NaN rows separate polygons or polylines). */
typedef struct vbuf {
    double *x, *y, *z;
    size_t n, cap;
    bool oom;
} vbuf;

static void vput(vbuf *b, double x, double y, double z)
{
    if (b->oom) return;
    if (b->n == b->cap) { /* grow by doubling (the allocator hooks have no realloc) */
        size_t c = b->cap ? 2 * b->cap : 64;
        double *nx = nd_malloc(sizeof(double) * c, "nplot"), *ny = nd_malloc(sizeof(double) * c, "nplot"),
               *nz = nd_malloc(sizeof(double) * c, "nplot");
        if (!nx || !ny || !nz) {
            nd_free_mem(nx);
            nd_free_mem(ny);
            nd_free_mem(nz);
            b->oom = true;
            return;
        }
        if (b->n) {
            memcpy(nx, b->x, sizeof(double) * b->n);
            memcpy(ny, b->y, sizeof(double) * b->n);
            memcpy(nz, b->z, sizeof(double) * b->n);
        }
        nd_free_mem(b->x);
        nd_free_mem(b->y);
        nd_free_mem(b->z);
        b->x = nx, b->y = ny, b->z = nz, b->cap = c;
    }
    b->x[b->n] = x, b->y[b->n] = y, b->z[b->n] = z;
    b->n++;
}

static void vbreak(vbuf *b) { vput(b, NAN, NAN, NAN); }

static void vfree(vbuf *b)
{
    nd_free_mem(b->x);
    nd_free_mem(b->y);
    nd_free_mem(b->z);
    *b = (vbuf){ 0 };
}

/* A new 3-D artist taking b's vertices (b is emptied); with grow, the data limits grow by
 * them. */
static artist *take3d(nplot_axes *ax, artist_kind kind, vbuf *b, bool grow, const char *who)
{
    if (b->oom) {
        nplot__fail(ax->fig, ND_ENOMEM, "%s: out of memory", who);
        return NULL;
    }
    artist *a = nplot__artist_add(ax, kind, who);
    if (!a) return NULL;
    for (size_t i = 0; grow && i < b->n; i++) grow3d(ax, b->x[i], b->y[i], b->z[i]);
    a->x = b->x, a->y = b->y, a->z = b->z, a->n = b->n;
    *b = (vbuf){ 0 };
    if (!a->x && !(a->x = nd_calloc(1, sizeof(double), who), a->y = nd_calloc(1, sizeof(double), who),
                   a->z = nd_calloc(1, sizeof(double), who), a->x && a->y && a->z)) {
        nplot__fail(ax->fig, ND_ENOMEM, "%s: out of memory", who);
        return NULL;
    }
    a->autoscale = false;
    if (kind == ART_POLY3D) {
        a->npoly = 0;
        for (size_t i = 0, run = 0; i <= a->n; i++) {
            if (i < a->n && !isnan(a->x[i])) {
                run++;
                continue;
            }
            if (run) a->npoly++;
            run = 0;
        }
        a->has_face = true;
        a->legend_kind = LEGEND_PATCH;
        a->alpha = 1;
        a->edge_lw = 1;
    }
    return a;
}

/* A 3-D line artist styled by o (fmt, color, width...) as plot does. */
static artist *line3d(nplot_axes *ax, vbuf *b, const nplot_line_opts *o, const char *who)
{
    line_props lp;
    double alpha;
    if (nplot__line_props(ax, o, &lp, &alpha, who)) return NULL;
    artist *a = take3d(ax, ART_LINE3D, b, true, who);
    if (!a) {
        nd_free_mem(lp.dashes);
        return NULL;
    }
    a->lp = lp;
    a->alpha = alpha;
    if (o->label && !(a->label = nplot__strdup(ax->fig, o->label, who))) return NULL;
    return a;
}

static nd_status color_or_fail(nplot_figure *fig, const char *spec, rgba *out, const char *who)
{
    if (nplot__color(spec, fig->style, out, who)) return nplot__fail(fig, ND_EVALUE, "%s", nd_errmsg());
    return ND_OK;
}

/* ---- voxels -------------------------------------------------------------------------------- */
nd_status nplot_voxels_(nplot_axes *ax, const nd_array *filled, const nplot_voxels_opts *o)
{
    static const char *who = "nplot_voxels";
    CHECK_3D(ax, who);
    nplot_figure *fig = ax->fig;
    o = NPLOT__OPTS(o, nplot_voxels_opts);
    if (!filled) return nplot__fail(fig, ND_EVALUE, "%s: filled is NULL", who);
    if (nd_ndim(filled) != 3)
        return nplot__fail(fig, ND_ESHAPE, "%s: filled must be 3-D, got %d dimensions", who, nd_ndim(filled));
    if (!(o->alpha >= 0 && o->alpha <= 1) || !(o->linewidth >= 0))
        return nplot__fail(fig, ND_EVALUE, "%s: alpha must be in [0, 1] and linewidth >= 0", who);
    size_t sz[3] = { (size_t)nd_shape(filled)[0], (size_t)nd_shape(filled)[1], (size_t)nd_shape(filled)[2] };
    size_t ncell = sz[0] * sz[1] * sz[2], nf = 0;
    if (o->facecolors.n && o->facecolors.n != 1 && o->facecolors.n != ncell)
        return nplot__fail(fig, ND_ESHAPE, "%s: facecolors must have 1 or %zu (one per voxel) names, got %zu", who,
                           ncell, o->facecolors.n);
    if (o->facecolors.n && !o->facecolors.v) return nplot__fail(fig, ND_EVALUE, "%s: facecolors has no names", who);
    rgba base = { 0, 0, 0, 1 }, edge = { 0, 0, 0, 1 };
    if (o->facecolor && color_or_fail(fig, o->facecolor, &base, who)) return fig->status;
    if (o->edgecolor && color_or_fail(fig, o->edgecolor, &edge, who)) return fig->status;
    double *f = NULL, *corner[3] = { NULL, NULL, NULL };
    vbuf b = { 0 };
    rgba *cols = NULL, *ecols = NULL;
    nd_status st = nplot__to_f64(fig, filled, &f, &nf, "filled", who);
    if (st) return st;
    /* voxels(x, y, z, filled): corner coordinates of shape (nx + 1, ny + 1, nz + 1) */
    const nd_array *cin[3] = { o->x, o->y, o->z };
    size_t c1[3] = { sz[0] + 1, sz[1] + 1, sz[2] + 1 }, ncorner = c1[0] * c1[1] * c1[2];
    if ((o->x || o->y || o->z) && !(o->x && o->y && o->z))
        st = nplot__fail(fig, ND_EVALUE, "%s: give all of x, y, z or none", who);
    for (int d = 0; d < 3 && !st && cin[d]; d++) {
        size_t m = 0;
        if (!(st = nplot__to_f64(fig, cin[d], &corner[d], &m, d == 0 ? "x" : d == 1 ? "y" : "z", who)) &&
            (nd_ndim(cin[d]) != 3 || (size_t)nd_shape(cin[d])[0] != c1[0] || (size_t)nd_shape(cin[d])[1] != c1[1] ||
             (size_t)nd_shape(cin[d])[2] != c1[2]))
            st = nplot__fail(fig, ND_ESHAPE, "%s: x, y and z must have shape (%zu, %zu, %zu), one more than filled "
                                             "on each axis", who, c1[0], c1[1], c1[2]);
    }
    if (st) goto done;
    if (!o->facecolor && !o->facecolors.n) base = nplot__next_patch_color(ax);
#define FILLED(i, j, k) ((i) >= 0 && (j) >= 0 && (k) >= 0 && (size_t)(i) < sz[0] && (size_t)(j) < sz[1] && \
                         (size_t)(k) < sz[2] && f[((size_t)(i) * sz[1] + (size_t)(j)) * sz[2] + (size_t)(k)] != 0)
    /* matplotlib's square [[0,0,0],[1,0,0],[1,1,0],[0,1,0]] turned to each axis (the face
     * normal to axis d at its upper side; reversed for the lower side) */
    static const int SQ[3][4][3] = {
        { { 0, 0, 0 }, { 0, 1, 0 }, { 0, 1, 1 }, { 0, 0, 1 } },
        { { 0, 0, 0 }, { 0, 0, 1 }, { 1, 0, 1 }, { 1, 0, 0 } },
        { { 0, 0, 0 }, { 1, 0, 0 }, { 1, 1, 0 }, { 0, 1, 0 } },
    };
    size_t cap = 0, nfaces = 0;
    for (int pass = 0; pass < 2 && !st; pass++) {
        for (long i = 0; i < (long)sz[0]; i++)
            for (long j = 0; j < (long)sz[1]; j++)
                for (long k = 0; k < (long)sz[2]; k++) {
                    if (!FILLED(i, j, k)) continue;
                    size_t cell = ((size_t)i * sz[1] + (size_t)j) * sz[2] + (size_t)k;
                    for (int d = 0; d < 3; d++)
                        for (int side = 0; side < 2; side++) {
                            long q[3] = { i, j, k };
                            q[d] += side ? 1 : -1;
                            if (FILLED(q[0], q[1], q[2])) continue;
                            if (pass == 0) {
                                cap++;
                                continue;
                            }
                            double p[4][3];
                            for (int c = 0; c < 4; c++) {
                                int s = side ? c : 3 - c;
                                long at[3] = { i, j, k };
                                at[d] += side;
                                for (int e = 0; e < 3; e++) p[c][e] = (double)(at[e] + SQ[d][s][e]);
                                if (corner[0]) {
                                    size_t ci = ((size_t)p[c][0] * c1[1] + (size_t)p[c][1]) * c1[2] + (size_t)p[c][2];
                                    for (int e = 0; e < 3; e++) p[c][e] = corner[e][ci];
                                }
                                vput(&b, p[c][0], p[c][1], p[c][2]);
                            }
                            vbreak(&b);
                            rgba c = base;
                            if (o->facecolors.n &&
                                (st = color_or_fail(fig, o->facecolors.v[o->facecolors.n == 1 ? 0 : cell], &c, who)))
                                goto done;
                            /* matplotlib shades the edge colors as the faces */
                            if (ecols) ecols[nfaces] = nplot__shade3d(edge, (const double(*)[3])p, 225, 19.4712);
                            cols[nfaces++] = o->no_shade ? c : nplot__shade3d(c, (const double(*)[3])p, 225, 19.4712);
                        }
                }
        if (pass == 0 && !(cols = nd_malloc(sizeof(rgba) * (cap ? cap : 1), who)))
            st = nplot__fail(fig, ND_ENOMEM, "%s: out of memory", who);
        if (pass == 0 && !st && o->edgecolor && !o->no_shade &&
            !(ecols = nd_malloc(sizeof(rgba) * (cap ? cap : 1), who)))
            st = nplot__fail(fig, ND_ENOMEM, "%s: out of memory", who);
    }
#undef FILLED
    if (st) goto done;
    artist *a = take3d(ax, ART_POLY3D, &b, true, who);
    if (!a) {
        st = fig->status;
        goto done;
    }
    a->colors = cols;
    a->edge_colors = ecols;
    cols = ecols = NULL;
    a->face = base;
    a->has_edge = o->edgecolor != NULL;
    a->edge = edge;
    a->edge_lw = NPLOT_OPT(o->linewidth, 1);
    a->alpha = NPLOT_OPT(o->alpha, 1);
    if (o->label && !(a->label = nplot__strdup(fig, o->label, who))) st = fig->status;
    /* auto_scale_xyz over the whole grid of corners */
    if (!corner[0]) {
        grow3d(ax, 0, 0, 0);
        grow3d(ax, (double)sz[0], (double)sz[1], (double)sz[2]);
    }
    for (size_t i = 0; corner[0] && i < ncorner; i++) grow3d(ax, corner[0][i], corner[1][i], corner[2][i]);
    nplot__mark_dirty(fig);
done:
    vfree(&b);
    nd_free_mem(cols);
    nd_free_mem(ecols);
    nd_free_mem(f);
    for (int d = 0; d < 3; d++) nd_free_mem(corner[d]);
    return st;
}

/* ---- x, y, z of n points -------------------------------------------------------------------- */
typedef struct pts3 {
    double *v[3];
    size_t n;
} pts3;

static void pts_free(pts3 *p)
{
    for (int i = 0; i < 3; i++) nd_free_mem(p->v[i]);
}

static nd_status pts_of(nplot_axes *ax, const nd_array *x, const nd_array *y, const nd_array *z, pts3 *p,
                        const char *who)
{
    memset(p, 0, sizeof *p);
    const nd_array *in[3] = { x, y, z };
    static const char *names[3] = { "x", "y", "z" };
    size_t len[3] = { 0 };
    nd_status st = ND_OK;
    for (int i = 0; i < 3 && !st; i++)
        st = in[i] ? nplot__to_f64(ax->fig, in[i], &p->v[i], &len[i], names[i], who)
                   : nplot__fail(ax->fig, ND_EVALUE, "%s: %s is NULL", who, names[i]);
    if (!st && (len[0] != len[1] || len[0] != len[2]))
        st = nplot__fail(ax->fig, ND_ESHAPE, "%s: x, y and z must have the same length, got %zu, %zu, %zu", who,
                         len[0], len[1], len[2]);
    if (st) pts_free(p);
    p->n = len[0];
    return st;
}

/* ---- stem ------------------------------------------------------------------------------------ */
nd_status nplot_stem3d_(nplot_axes *ax, const nd_array *x, const nd_array *y, const nd_array *z,
                        const nplot_stem3d_opts *o)
{
    static const char *who = "nplot_stem3d";
    CHECK_3D(ax, who);
    nplot_figure *fig = ax->fig;
    o = NPLOT__OPTS(o, nplot_stem3d_opts);
    int orient = zdir_of(o->orientation);
    if (orient < 0)
        return nplot__fail(fig, ND_EVALUE, "%s: orientation '%s' is not one of 'x', 'y', 'z'", who, o->orientation);
    if (!isfinite(o->bottom)) return nplot__fail(fig, ND_EVALUE, "%s: bottom must be finite", who);
    pts3 p;
    nd_status st = pts_of(ax, x, y, z, &p, who);
    if (st) return st;
    vbuf b = { 0 };
    /* the baseline: plot(basex, basey, basefmt, zs=bottom, zdir=orientation) */
    for (size_t i = 0; i < p.n; i++) {
        double q[3] = { p.v[0][i], p.v[1][i], p.v[2][i] };
        q[orient] = o->bottom;
        vput(&b, q[0], q[1], q[2]);
    }
    nplot_line_opts base = { .fmt = o->basefmt ? o->basefmt : "C3-", .label = "_nolegend_" };
    artist *a = line3d(ax, &b, &base, who);
    if (!a) goto fail;
    /* the stems: a Line3DCollection in linefmt's style and color (no markers) */
    for (size_t i = 0; i < p.n; i++) {
        double q[3] = { p.v[0][i], p.v[1][i], p.v[2][i] };
        q[orient] = o->bottom;
        vput(&b, q[0], q[1], q[2]);
        vput(&b, p.v[0][i], p.v[1][i], p.v[2][i]);
        vbreak(&b);
    }
    nplot_line_opts lines = { .fmt = o->linefmt ? o->linefmt : "C0-", .label = "_nolegend_" };
    if (!(a = line3d(ax, &b, &lines, who))) goto fail;
    a->lp.marker = MK_NONE;
    if (a->lp.ls == LS_NONE) a->lp.ls = LS_SOLID; /* rcParams lines.linestyle */
    for (size_t i = 0; i < p.n; i++) vput(&b, p.v[0][i], p.v[1][i], p.v[2][i]);
    nplot_line_opts marks = { .fmt = o->markerfmt ? o->markerfmt : "C0o", .label = o->label };
    if (!(a = line3d(ax, &b, &marks, who))) goto fail;
    a->legend_kind = LEGEND_MARKER;
    nplot__mark_dirty(fig);
    goto done;
fail:
    st = fig->status;
done:
    vfree(&b);
    pts_free(&p);
    return st;
}

/* ---- errorbar -------------------------------------------------------------------------------- */
/* The lower and upper errors of one direction: (n,), (2, n) or one value. */
static nd_status errs_of(nplot_figure *fig, const nd_array *e, double value, size_t n, double **lo, double **hi,
                         const char *name, const char *who)
{
    *lo = *hi = NULL;
    double *v = NULL;
    size_t m = 0;
    if (e) {
        nd_status st = nplot__to_f64(fig, e, &v, &m, name, who);
        if (st) return st;
        if (!((nd_ndim(e) <= 1 && m == n) || (nd_ndim(e) == 2 && m == 2 * n))) {
            nd_free_mem(v);
            return nplot__fail(fig, ND_ESHAPE, "%s: %s must have shape (%zu,) or (2, %zu), got %zu values", who,
                               name, n, n, m);
        }
    }
    *lo = nd_malloc(sizeof(double) * (n ? n : 1), who);
    *hi = nd_malloc(sizeof(double) * (n ? n : 1), who);
    if (!*lo || !*hi) {
        nd_free_mem(v);
        nd_free_mem(*lo);
        nd_free_mem(*hi);
        *lo = *hi = NULL;
        return nplot__fail(fig, ND_ENOMEM, "%s: out of memory", who);
    }
    for (size_t i = 0; i < n; i++) {
        (*lo)[i] = !e ? value : v[i];
        (*hi)[i] = !e ? value : m == 2 * n ? v[n + i] : v[i];
    }
    nd_free_mem(v);
    for (size_t i = 0; i < n; i++)
        if ((*lo)[i] < 0 || (*hi)[i] < 0) {
            nd_free_mem(*lo);
            nd_free_mem(*hi);
            *lo = *hi = NULL;
            return nplot__fail(fig, ND_EVALUE, "%s: %s must not be negative", who, name);
        }
    return ND_OK;
}

nd_status nplot_errorbar3d_(nplot_axes *ax, const nd_array *x, const nd_array *y, const nd_array *z,
                            const nplot_errorbar3d_opts *o)
{
    static const char *who = "nplot_errorbar3d";
    CHECK_3D(ax, who);
    nplot_figure *fig = ax->fig;
    o = NPLOT__OPTS(o, nplot_errorbar3d_opts);
    if (!(o->capsize >= 0) || !(o->capthick >= 0) || !(o->elinewidth >= 0) || o->errorevery < 0)
        return nplot__fail(fig, ND_EVALUE, "%s: capsize, capthick, elinewidth and errorevery must be >= 0", who);
    pts3 p;
    nd_status st = pts_of(ax, x, y, z, &p, who);
    if (st) return st;
    vbuf b = { 0 };
    double *lo = NULL, *hi = NULL;
    bool none = o->fmt && !strcmp(o->fmt, "none");
    rgba color;
    if (!none) {
        for (size_t i = 0; i < p.n; i++) vput(&b, p.v[0][i], p.v[1][i], p.v[2][i]);
        nplot_line_opts lo_ = { .fmt = o->fmt && o->fmt[0] ? o->fmt : NULL, .color = o->color,
                                .linewidth = o->linewidth, .alpha = o->alpha, .label = o->label };
        artist *a = line3d(ax, &b, &lo_, who);
        if (!a) goto fail;
        color = a->lp.color;
    } else if ((st = color_or_fail(fig, o->color ? o->color : "C0", &color, who))) {
        goto done;
    }
    rgba ecolor = color;
    if (o->ecolor && (st = color_or_fail(fig, o->ecolor, &ecolor, who))) goto done;
    const nd_array *err[3] = { o->xerr, o->yerr, o->zerr };
    double val[3] = { o->xerr_value, o->yerr_value, o->zerr_value };
    static const char *names[3] = { "xerr", "yerr", "zerr" };
    static const char *caps[3] = { "|", "|", "_" };
    size_t every = o->errorevery > 0 ? (size_t)o->errorevery : 1;
    for (int d = 0; d < 3; d++) {
        if (!err[d] && !val[d]) continue;
        if ((st = errs_of(fig, err[d], val[d], p.n, &lo, &hi, names[d], who))) goto done;
        for (size_t i = 0; i < p.n; i += every) {
            double q[3] = { p.v[0][i], p.v[1][i], p.v[2][i] };
            q[d] = p.v[d][i] - lo[i];
            vput(&b, q[0], q[1], q[2]);
            q[d] = p.v[d][i] + hi[i];
            vput(&b, q[0], q[1], q[2]);
            vbreak(&b);
        }
        nplot_line_opts bars = { .color = "k", .linewidth = NPLOT_OPT(o->elinewidth, o->linewidth), .alpha = o->alpha };
        artist *a = line3d(ax, &b, &bars, who);
        if (!a) goto fail;
        a->lp.color = ecolor;
        if (o->capsize > 0) {
            for (int side = 0; side < 2; side++) {
                for (size_t i = 0; i < p.n; i += every) {
                    double q[3] = { p.v[0][i], p.v[1][i], p.v[2][i] };
                    q[d] = side ? p.v[d][i] + hi[i] : p.v[d][i] - lo[i];
                    vput(&b, q[0], q[1], q[2]);
                }
                nplot_line_opts cap = { .color = "k", .linestyle = "None", .marker = caps[d],
                                        .markersize = 2 * o->capsize, .markeredgewidth = o->capthick,
                                        .alpha = o->alpha };
                if (!(a = line3d(ax, &b, &cap, who))) goto fail;
                a->lp.color = a->lp.mfc = a->lp.mec = ecolor;
            }
        }
        nd_free_mem(lo);
        nd_free_mem(hi);
        lo = hi = NULL;
    }
    nplot__mark_dirty(fig);
    goto done;
fail:
    st = fig->status;
done:
    nd_free_mem(lo);
    nd_free_mem(hi);
    vfree(&b);
    pts_free(&p);
    return st;
}

/* ---- text ------------------------------------------------------------------------------------ */
nd_status nplot_text3d_(nplot_axes *ax, double x, double y, double z, const char *s, const char *zdir,
                        const nplot_text_opts *o)
{
    static const char *who = "nplot_text3d";
    CHECK_3D(ax, who);
    nplot_figure *fig = ax->fig;
    o = NPLOT__OPTS(o, nplot_text_opts);
    if (o->coords && strcmp(o->coords, "data"))
        return nplot__fail(fig, ND_EVALUE, "%s: coords must be 'data' (use nplot_text2d for '%s')", who, o->coords);
    if (!isfinite(z)) return nplot__fail(fig, ND_EVALUE, "%s: z = %g must be finite", who, z);
    /* art3d.get_dir_vector */
    double dir[3] = { 0, 0, 0 };
    if (zdir) {
        int k = zdir_of(zdir);
        int end = -1;
        if (k >= 0) dir[k] = 1;
        else if (sscanf(zdir, " (%lf ,%lf ,%lf ) %n", &dir[0], &dir[1], &dir[2], &end) != 3 || end < 0 ||
                 zdir[end] || !isfinite(dir[0] + dir[1] + dir[2]))
            return nplot__fail(fig, ND_EVALUE, "%s: zdir '%s' is not 'x', 'y', 'z' or '(dx,dy,dz)'", who, zdir);
    }
    artist *a = NULL;
    nd_status st = nplot__text_artist(ax, ART_TEXT, x, y, s, o, &a, who);
    if (st) return st;
    if (!(a->z = nd_malloc(sizeof(double) * 4, who))) return nplot__fail(fig, ND_ENOMEM, "%s: out of memory", who);
    a->z[0] = z;
    memcpy(a->z + 1, dir, sizeof dir);
    return ND_OK;
}

nd_status nplot_text2d_(nplot_axes *ax, double x, double y, const char *s, const nplot_text_opts *o)
{
    static const char *who = "nplot_text2d";
    CHECK_3D(ax, who);
    nplot_text_opts c = o ? *o : (nplot_text_opts){ 0 };
    if (!c.coords) c.coords = "axes";
    if (!strcmp(c.coords, "data"))
        return nplot__fail(ax->fig, ND_EVALUE, "%s: a 3-D axes has no 2-D data coordinates: coords 'axes' or "
                                               "'figure'", who);
    return nplot__text_artist(ax, ART_TEXT, x, y, s, &c, NULL, who);
}

/* ---- bar at zs ------------------------------------------------------------------------------- */
/* zs of n polygons: the array (n values or 1) or the value; *out nd_malloc'd (n). */
static nd_status zs_of(nplot_figure *fig, const nd_array *zs, double value, size_t n, double **out, const char *who)
{
    *out = nd_malloc(sizeof(double) * (n ? n : 1), who);
    if (!*out) return nplot__fail(fig, ND_ENOMEM, "%s: out of memory", who);
    for (size_t i = 0; i < n; i++) (*out)[i] = value;
    if (!zs) return ND_OK;
    double *v = NULL;
    size_t m = 0;
    nd_status st = nplot__to_f64(fig, zs, &v, &m, "zs", who);
    if (!st && m != 1 && m != n)
        st = nplot__fail(fig, ND_ESHAPE, "%s: zs must have 1 or %zu values, got %zu", who, n, m);
    for (size_t i = 0; !st && i < n; i++) (*out)[i] = v[m == 1 ? 0 : i];
    nd_free_mem(v);
    if (st) nd_free_mem(*out), *out = NULL;
    return st;
}

/* Face colors of n polygons: names (1 or n) or one color; NULL colors → *out NULL. */
static nd_status names_to_colors(nplot_figure *fig, nplot_strs names, size_t n, rgba **out, const char *who)
{
    *out = NULL;
    if (!names.n) return ND_OK;
    if (!names.v) return nplot__fail(fig, ND_EVALUE, "%s: a color list has a count but no names", who);
    if (names.n != 1 && names.n != n)
        return nplot__fail(fig, ND_ESHAPE, "%s: give 1 or %zu colors, got %zu", who, n, names.n);
    if (!(*out = nd_malloc(sizeof(rgba) * (n ? n : 1), who))) return nplot__fail(fig, ND_ENOMEM, "%s: out of memory", who);
    for (size_t i = 0; i < n; i++)
        if (color_or_fail(fig, names.v[names.n == 1 ? 0 : i], &(*out)[i], who)) {
            nd_free_mem(*out);
            *out = NULL;
            return fig->status;
        }
    return ND_OK;
}

/* The style of a polygon artist: its colors (taken), face, edges, alpha, label. */
static nd_status poly_style(nplot_figure *fig, artist *a, rgba **cols, rgba face, const char *edgecolor,
                            double linewidth, double alpha, const char *label, const char *who)
{
    a->colors = *cols;
    *cols = NULL;
    a->face = face;
    if (edgecolor && strcmp(edgecolor, "none")) {
        if (color_or_fail(fig, edgecolor, &a->edge, who)) return fig->status;
        a->has_edge = true;
    }
    a->edge_lw = NPLOT_OPT(linewidth, 1);
    a->alpha = NPLOT_OPT(alpha, 1);
    if (label && !(a->label = nplot__strdup(fig, label, who))) return fig->status;
    return ND_OK;
}

nd_status nplot_bar_zs_(nplot_axes *ax, const nd_array *left, const nd_array *height, const nplot_bar_zs_opts *o)
{
    static const char *who = "nplot_bar_zs";
    CHECK_3D(ax, who);
    nplot_figure *fig = ax->fig;
    o = NPLOT__OPTS(o, nplot_bar_zs_opts);
    int zdir = zdir_of(o->zdir);
    if (zdir < 0) return nplot__fail(fig, ND_EVALUE, "%s: zdir '%s' is not one of 'x', 'y', 'z'", who, o->zdir);
    if (!(o->alpha >= 0 && o->alpha <= 1) || !isfinite(o->width + o->bottom + o->zs_value))
        return nplot__fail(fig, ND_EVALUE, "%s: width, bottom and zs must be finite, alpha in [0, 1]", who);
    if (!left || !height) return nplot__fail(fig, ND_EVALUE, "%s: left and height are required", who);
    double *l = NULL, *h = NULL, *zs = NULL;
    size_t nl = 0, nh = 0;
    rgba *cols = NULL, face = { 0, 0, 0, 1 };
    vbuf b = { 0 };
    nd_status st = nplot__to_f64(fig, left, &l, &nl, "left", who);
    if (!st) st = nplot__to_f64(fig, height, &h, &nh, "height", who);
    if (!st && nh != nl && nh != 1)
        st = nplot__fail(fig, ND_ESHAPE, "%s: left has %zu values, height %zu", who, nl, nh);
    if (!st) st = zs_of(fig, o->zs, o->zs_value, nl, &zs, who);
    if (!st) st = names_to_colors(fig, o->colors, nl, &cols, who);
    if (!st && o->color) st = color_or_fail(fig, o->color, &face, who);
    if (st) goto done;
    if (!o->color && !o->colors.n) face = nplot__next_patch_color(ax);
    double w = NPLOT_OPT(o->width, 0.8);
    for (size_t i = 0; i < nl; i++) {
        double x0 = l[i] - w / 2, x1 = l[i] + w / 2, y0 = o->bottom, y1 = o->bottom + h[nh == 1 ? 0 : i];
        double u[4] = { x0, x1, x1, x0 }, v[4] = { y0, y0, y1, y1 };
        for (int c = 0; c < 4; c++) {
            double X, Y, Z;
            juggle(zdir, false, u[c], v[c], zs[i], &X, &Y, &Z);
            vput(&b, X, Y, Z);
        }
        vbreak(&b);
    }
    artist *a = take3d(ax, ART_POLY3D, &b, true, who);
    if (!a) {
        st = fig->status;
        goto done;
    }
    st = poly_style(fig, a, &cols, face, o->edgecolor, o->linewidth, o->alpha, o->label, who);
    nplot__mark_dirty(fig);
done:
    vfree(&b);
    nd_free_mem(cols);
    nd_free_mem(l);
    nd_free_mem(h);
    nd_free_mem(zs);
    return st;
}

/* ---- add_collection3d ------------------------------------------------------------------------ */
nd_status nplot_add_collection3d_(nplot_axes *ax, const nd_array *x, const nd_array *y,
                                  const nplot_collection3d_opts *o)
{
    static const char *who = "nplot_add_collection3d";
    CHECK_3D(ax, who);
    nplot_figure *fig = ax->fig;
    o = NPLOT__OPTS(o, nplot_collection3d_opts);
    int zdir = zdir_of(o->zdir);
    if (zdir < 0) return nplot__fail(fig, ND_EVALUE, "%s: zdir '%s' is not one of 'x', 'y', 'z'", who, o->zdir);
    if (!(o->alpha >= 0 && o->alpha <= 1) || !(o->linewidth >= 0) || !isfinite(o->zs_value))
        return nplot__fail(fig, ND_EVALUE, "%s: alpha must be in [0, 1], linewidth >= 0, zs finite", who);
    if (!x || !y) return nplot__fail(fig, ND_EVALUE, "%s: x and y are required", who);
    double *xs = NULL, *ys = NULL, *zs = NULL;
    size_t nx = 0, ny = 0, np = 0;
    rgba *cols = NULL, face = { 0, 0, 0, 1 };
    vbuf b = { 0 };
    nd_status st = nplot__to_f64(fig, x, &xs, &nx, "x", who);
    if (!st) st = nplot__to_f64(fig, y, &ys, &ny, "y", who);
    if (!st && nx != ny) st = nplot__fail(fig, ND_ESHAPE, "%s: x has %zu values, y %zu", who, nx, ny);
    if (st) goto done;
    for (size_t i = 0, run = 0; i <= nx; i++) {
        if (i < nx && !isnan(xs[i])) {
            run++;
            continue;
        }
        np += run > 0;
        run = 0;
    }
    if ((st = zs_of(fig, o->zs, o->zs_value, np, &zs, who))) goto done;
    if (!o->lines && (st = names_to_colors(fig, o->facecolors, np, &cols, who))) goto done;
    if ((st = color_or_fail(fig, o->facecolor ? o->facecolor : "C0", &face, who))) goto done;
    for (size_t i = 0, k = 0, run = 0; i <= nx; i++) {
        if (i < nx && !isnan(xs[i])) {
            double X, Y, Z;
            juggle(zdir, false, xs[i], ys[i], zs[k], &X, &Y, &Z);
            vput(&b, X, Y, Z);
            run++;
            continue;
        }
        if (run) vbreak(&b), k++;
        run = 0;
    }
    artist *a;
    if (o->lines) {
        nplot_line_opts lo = { .color = o->edgecolor ? o->edgecolor : "C0", .linewidth = o->linewidth,
                               .linestyle = o->linestyle, .alpha = o->alpha, .label = o->label };
        a = line3d(ax, &b, &lo, who);
        if (!a) st = fig->status;
    } else if (!(a = take3d(ax, ART_POLY3D, &b, true, who))) {
        st = fig->status;
    } else {
        st = poly_style(fig, a, &cols, face, o->edgecolor, o->linewidth, o->alpha, o->label, who);
    }
    nplot__mark_dirty(fig);
done:
    vfree(&b);
    nd_free_mem(cols);
    nd_free_mem(xs);
    nd_free_mem(ys);
    nd_free_mem(zs);
    return st;
}

/* ---- contour sets in 3-D --------------------------------------------------------------------- */
/* The NaN-separated rings of a band as one run a nonzero fill draws with its holes: every
 * ring closed, and reached from (and left back to) the first ring's first point. */
static void bridge_rings(vbuf *b, const double *u, const double *v, size_t n, double h, int zdir)
{
    double X, Y, Z;
    size_t s = 0;
    bool first = true;
    for (size_t i = 0; i <= n; i++) {
        if (i < n && !isnan(u[i])) continue;
        if (i > s) {
            for (size_t j = s; j <= i; j++) {
                size_t at = j < i ? j : s;
                juggle(zdir, true, u[at], v[at], h, &X, &Y, &Z);
                vput(b, X, Y, Z);
            }
            if (!first) {
                juggle(zdir, true, u[0], v[0], h, &X, &Y, &Z);
                vput(b, X, Y, Z);
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
        vbuf b = { 0 };
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
            for (int c = 0; c < 4; c++) vput(&b, p[c][0], p[c][1], p[c][2]);
            vbreak(&b);
            cols[q] = ecols[q] = nplot__shade3d(s->lp.color, (const double(*)[3])p, 225, 19.4712);
        }
        artist *a = take3d(ax, ART_POLY3D, &b, grow, who);
        if (!a) {
            vfree(&b);
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
    int zdir = zdir_of(o->zdir);
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
        vbuf b = { 0 };
        if (filled) {
            bridge_rings(&b, s->x, s->y, s->n, h, zdir);
        } else {
            for (size_t k = 0; k < s->n; k++) {
                double X = NAN, Y = NAN, Z = NAN;
                if (!isnan(s->x[k])) juggle(zdir, true, s->x[k], s->y[k], h, &X, &Y, &Z);
                vput(&b, X, Y, Z);
            }
        }
        artist *a = take3d(ax, filled ? ART_POLY3D : ART_LINE3D, &b, grow, who);
        if (!a) {
            vfree(&b);
            st = fig->status;
            break;
        }
        a->map = s->map;
        a->cset = s->cset;
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
    int zdir = zdir_of(o3->zdir);
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
        grow3d(ax, q[0], q[1], q[2]);
        if (bands && i == 0) q[zdir] = hr[1], grow3d(ax, q[0], q[1], q[2]);
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
