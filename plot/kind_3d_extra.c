/* More Axes3D kinds: voxels, stem, errorbar, text / text2D, bar at zs, add_collection3d,
 * and the vertex helpers they share with kind_3d_sets.c (kind_3d_extra.h). Polygons become
 * ART_POLY3D (one depth per polygon, Poly3DCollection's zsort 'average'), lines ART_LINE3D. */
#include "kind_3d_extra.h"

#include <math.h>
#include <stdio.h>
#include <string.h>

/* "x" 0, "y" 1, "z" (or NULL) 2; -1 otherwise */
int nplot__k3x_zdir(const char *s)
{
    if (!s || !strcmp(s, "z")) return 2;
    if (!strcmp(s, "x")) return 0;
    if (!strcmp(s, "y")) return 1;
    return -1;
}

/* art3d.juggle_axes(u, v, h, zdir): "x" → (h, u, v), "y" → (u, h, v), "z" → (u, v, h).
 * With rot (rotate_axes of '-' + zdir, used for contour sets): "y" → (v, h, u). */
void nplot__k3x_juggle(int zdir, bool rot, double u, double v, double h, double *x, double *y, double *z)
{
    if (zdir == 0) *x = h, *y = u, *z = v;
    else if (zdir == 1 && rot) *x = v, *y = h, *z = u;
    else if (zdir == 1) *x = u, *y = h, *z = v;
    else *x = u, *y = v, *z = h;
}

void nplot__k3x_grow(nplot_axes *ax, double x, double y, double z)
{
    if (!isfinite(x + y + z)) return;
    nplot__datalim_point(ax, x, y);
    ax->za.dmin = fmin(ax->za.dmin, z);
    ax->za.dmax = fmax(ax->za.dmax, z);
    ax->za.has_data = true;
}

void nplot__k3x_put(nplot__k3x_vbuf *b, double x, double y, double z)
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

void nplot__k3x_break(nplot__k3x_vbuf *b) { nplot__k3x_put(b, NAN, NAN, NAN); }

void nplot__k3x_free(nplot__k3x_vbuf *b)
{
    nd_free_mem(b->x);
    nd_free_mem(b->y);
    nd_free_mem(b->z);
    *b = (nplot__k3x_vbuf){ 0 };
}

/* A new 3-D artist taking b's vertices (b is emptied); with grow, the data limits grow by
 * them. */
artist *nplot__k3x_take(nplot_axes *ax, artist_kind kind, nplot__k3x_vbuf *b, bool grow, const char *who)
{
    if (b->oom) {
        nplot__fail(ax->fig, ND_ENOMEM, "%s: out of memory", who);
        return NULL;
    }
    artist *a = nplot__artist_add(ax, kind, who);
    if (!a) return NULL;
    for (size_t i = 0; grow && i < b->n; i++) nplot__k3x_grow(ax, b->x[i], b->y[i], b->z[i]);
    a->x = b->x, a->y = b->y, a->z = b->z, a->n = b->n;
    *b = (nplot__k3x_vbuf){ 0 };
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
static artist *line3d(nplot_axes *ax, nplot__k3x_vbuf *b, const nplot_line_opts *o, const char *who)
{
    line_props lp;
    double alpha;
    if (nplot__line_props(ax, o, &lp, &alpha, who)) return NULL;
    artist *a = nplot__k3x_take(ax, ART_LINE3D, b, true, who);
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
    nplot__k3x_vbuf b = { 0 };
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
                                nplot__k3x_put(&b, p[c][0], p[c][1], p[c][2]);
                            }
                            nplot__k3x_break(&b);
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
    artist *a = nplot__k3x_take(ax, ART_POLY3D, &b, true, who);
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
        nplot__k3x_grow(ax, 0, 0, 0);
        nplot__k3x_grow(ax, (double)sz[0], (double)sz[1], (double)sz[2]);
    }
    for (size_t i = 0; corner[0] && i < ncorner; i++) nplot__k3x_grow(ax, corner[0][i], corner[1][i], corner[2][i]);
    nplot__mark_dirty(fig);
done:
    nplot__k3x_free(&b);
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
    int orient = nplot__k3x_zdir(o->orientation);
    if (orient < 0)
        return nplot__fail(fig, ND_EVALUE, "%s: orientation '%s' is not one of 'x', 'y', 'z'", who, o->orientation);
    if (!isfinite(o->bottom)) return nplot__fail(fig, ND_EVALUE, "%s: bottom must be finite", who);
    pts3 p;
    nd_status st = pts_of(ax, x, y, z, &p, who);
    if (st) return st;
    nplot__k3x_vbuf b = { 0 };
    /* the baseline: plot(basex, basey, basefmt, zs=bottom, zdir=orientation) */
    for (size_t i = 0; i < p.n; i++) {
        double q[3] = { p.v[0][i], p.v[1][i], p.v[2][i] };
        q[orient] = o->bottom;
        nplot__k3x_put(&b, q[0], q[1], q[2]);
    }
    nplot_line_opts base = { .fmt = o->basefmt ? o->basefmt : "C3-", .label = "_nolegend_" };
    artist *a = line3d(ax, &b, &base, who);
    if (!a) goto fail;
    /* the stems: a Line3DCollection in linefmt's style and color (no markers) */
    for (size_t i = 0; i < p.n; i++) {
        double q[3] = { p.v[0][i], p.v[1][i], p.v[2][i] };
        q[orient] = o->bottom;
        nplot__k3x_put(&b, q[0], q[1], q[2]);
        nplot__k3x_put(&b, p.v[0][i], p.v[1][i], p.v[2][i]);
        nplot__k3x_break(&b);
    }
    nplot_line_opts lines = { .fmt = o->linefmt ? o->linefmt : "C0-", .label = "_nolegend_" };
    if (!(a = line3d(ax, &b, &lines, who))) goto fail;
    a->lp.marker = MK_NONE;
    if (a->lp.ls == LS_NONE) a->lp.ls = LS_SOLID; /* rcParams lines.linestyle */
    for (size_t i = 0; i < p.n; i++) nplot__k3x_put(&b, p.v[0][i], p.v[1][i], p.v[2][i]);
    nplot_line_opts marks = { .fmt = o->markerfmt ? o->markerfmt : "C0o", .label = o->label };
    if (!(a = line3d(ax, &b, &marks, who))) goto fail;
    a->legend_kind = LEGEND_MARKER;
    nplot__mark_dirty(fig);
    goto done;
fail:
    st = fig->status;
done:
    nplot__k3x_free(&b);
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
    nplot__k3x_vbuf b = { 0 };
    double *lo = NULL, *hi = NULL;
    bool none = o->fmt && !strcmp(o->fmt, "none");
    rgba color;
    if (!none) {
        for (size_t i = 0; i < p.n; i++) nplot__k3x_put(&b, p.v[0][i], p.v[1][i], p.v[2][i]);
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
            nplot__k3x_put(&b, q[0], q[1], q[2]);
            q[d] = p.v[d][i] + hi[i];
            nplot__k3x_put(&b, q[0], q[1], q[2]);
            nplot__k3x_break(&b);
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
                    nplot__k3x_put(&b, q[0], q[1], q[2]);
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
    nplot__k3x_free(&b);
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
        int k = nplot__k3x_zdir(zdir);
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
    int zdir = nplot__k3x_zdir(o->zdir);
    if (zdir < 0) return nplot__fail(fig, ND_EVALUE, "%s: zdir '%s' is not one of 'x', 'y', 'z'", who, o->zdir);
    if (!(o->alpha >= 0 && o->alpha <= 1) || !isfinite(o->width + o->bottom + o->zs_value))
        return nplot__fail(fig, ND_EVALUE, "%s: width, bottom and zs must be finite, alpha in [0, 1]", who);
    if (!left || !height) return nplot__fail(fig, ND_EVALUE, "%s: left and height are required", who);
    double *l = NULL, *h = NULL, *zs = NULL;
    size_t nl = 0, nh = 0;
    rgba *cols = NULL, face = { 0, 0, 0, 1 };
    nplot__k3x_vbuf b = { 0 };
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
            nplot__k3x_juggle(zdir, false, u[c], v[c], zs[i], &X, &Y, &Z);
            nplot__k3x_put(&b, X, Y, Z);
        }
        nplot__k3x_break(&b);
    }
    artist *a = nplot__k3x_take(ax, ART_POLY3D, &b, true, who);
    if (!a) {
        st = fig->status;
        goto done;
    }
    st = poly_style(fig, a, &cols, face, o->edgecolor, o->linewidth, o->alpha, o->label, who);
    nplot__mark_dirty(fig);
done:
    nplot__k3x_free(&b);
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
    int zdir = nplot__k3x_zdir(o->zdir);
    if (zdir < 0) return nplot__fail(fig, ND_EVALUE, "%s: zdir '%s' is not one of 'x', 'y', 'z'", who, o->zdir);
    if (!(o->alpha >= 0 && o->alpha <= 1) || !(o->linewidth >= 0) || !isfinite(o->zs_value))
        return nplot__fail(fig, ND_EVALUE, "%s: alpha must be in [0, 1], linewidth >= 0, zs finite", who);
    if (!x || !y) return nplot__fail(fig, ND_EVALUE, "%s: x and y are required", who);
    double *xs = NULL, *ys = NULL, *zs = NULL;
    size_t nx = 0, ny = 0, np = 0;
    rgba *cols = NULL, face = { 0, 0, 0, 1 };
    nplot__k3x_vbuf b = { 0 };
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
            nplot__k3x_juggle(zdir, false, xs[i], ys[i], zs[k], &X, &Y, &Z);
            nplot__k3x_put(&b, X, Y, Z);
            run++;
            continue;
        }
        if (run) nplot__k3x_break(&b), k++;
        run = 0;
    }
    artist *a;
    if (o->lines) {
        nplot_line_opts lo = { .color = o->edgecolor ? o->edgecolor : "C0", .linewidth = o->linewidth,
                               .linestyle = o->linestyle, .alpha = o->alpha, .label = o->label };
        a = line3d(ax, &b, &lo, who);
        if (!a) st = fig->status;
    } else if (!(a = nplot__k3x_take(ax, ART_POLY3D, &b, true, who))) {
        st = fig->status;
    } else {
        st = poly_style(fig, a, &cols, face, o->edgecolor, o->linewidth, o->alpha, o->label, who);
    }
    nplot__mark_dirty(fig);
done:
    nplot__k3x_free(&b);
    nd_free_mem(cols);
    nd_free_mem(xs);
    nd_free_mem(ys);
    nd_free_mem(zs);
    return st;
}

