/* More Axes3D plot kinds: bar3d (cuboids as depth-sorted, light-shaded quads) and quiver
 * (shaft and head segments). */
#include "plot_model.h"

#include <math.h>
#include <string.h>

/* Axes3D.bar3d's cuboid: 6 faces (-z, +z, -y, +y, -x, +x) of 4 unit-cube corners */
static const unsigned char CUBOID[6][4][3] = {
    { { 0, 0, 0 }, { 0, 1, 0 }, { 1, 1, 0 }, { 1, 0, 0 } },
    { { 0, 0, 1 }, { 1, 0, 1 }, { 1, 1, 1 }, { 0, 1, 1 } },
    { { 0, 0, 0 }, { 1, 0, 0 }, { 1, 0, 1 }, { 0, 0, 1 } },
    { { 0, 1, 0 }, { 0, 1, 1 }, { 1, 1, 1 }, { 1, 1, 0 } },
    { { 0, 0, 0 }, { 0, 0, 1 }, { 0, 1, 1 }, { 0, 1, 0 } },
    { { 1, 0, 0 }, { 1, 1, 0 }, { 1, 1, 1 }, { 1, 0, 1 } },
};

rgba nplot__shade3d(rgba c, const double (*p)[3], double azdeg, double altdeg)
{
    double v1[3], v2[3], n[3];
    for (int i = 0; i < 3; i++) v1[i] = p[0][i] - p[1][i], v2[i] = p[1][i] - p[2][i];
    n[0] = v1[1] * v2[2] - v1[2] * v2[1];
    n[1] = v1[2] * v2[0] - v1[0] * v2[2];
    n[2] = v1[0] * v2[1] - v1[1] * v2[0];
    double len = sqrt(n[0] * n[0] + n[1] * n[1] + n[2] * n[2]);
    if (!(len > 0)) return c; /* NaN shade: matplotlib leaves the color (shade 0 → 0.65) */
    double az = (90 - azdeg) * M_PI / 180, alt = altdeg * M_PI / 180;
    double L[3] = { cos(az) * cos(alt), sin(az) * cos(alt), sin(alt) };
    double d = (n[0] * L[0] + n[1] * L[1] + n[2] * L[2]) / len;
    double f = 0.3 + 0.7 * (d + 1) / 2;
    return (rgba){ c.r * f, c.g * f, c.b * f, c.a };
}

/* One of x, y, z, dx, dy, dz: n values or one broadcast. */
static nd_status bar_arg(nplot_figure *fig, const nd_array *a, const char *name, double **out, size_t *n,
                         const char *who)
{
    if (!a) return nplot__fail(fig, ND_EVALUE, "%s: %s is NULL", who, name);
    return nplot__to_f64(fig, a, out, n, name, who);
}

nd_status nplot_bar3d_(nplot_axes *ax, const nd_array *x, const nd_array *y, const nd_array *z,
                       const nd_array *dx, const nd_array *dy, const nd_array *dz, const nplot_bar3d_opts *o)
{
    static const char *who = "nplot_bar3d";
    CHECK_3D(ax, who);
    nplot_figure *fig = ax->fig;
    o = NPLOT__OPTS(o, nplot_bar3d_opts);
    if (o->alpha < 0 || o->alpha > 1)
        return nplot__fail(fig, ND_EVALUE, "%s: alpha = %g is not in [0, 1]", who, o->alpha);
    const nd_array *in[6] = { x, y, z, dx, dy, dz };
    static const char *names[6] = { "x", "y", "z", "dx", "dy", "dz" };
    double *v[6] = { 0 };
    size_t len[6] = { 0 }, n = 1;
    nd_status st = ND_OK;
    for (int i = 0; i < 6 && !st; i++) st = bar_arg(fig, in[i], names[i], &v[i], &len[i], who);
    for (int i = 0; i < 6 && !st; i++)
        if (len[i] != 1) n = len[i];
    for (int i = 0; i < 6 && !st; i++)
        if (len[i] != 1 && len[i] != n)
            st = nplot__fail(fig, ND_ESHAPE, "%s: x, y, z, dx, dy, dz must broadcast: %s has %zu values, "
                                             "another %zu", who, names[i], len[i], n);
    for (int i = 0; i < 6 && !st; i++)
        if (len[i] == 0) st = nplot__fail(fig, ND_EVALUE, "%s: %s is empty", who, names[i]);
    if (!st && o->ncolors && o->ncolors != 1 && o->ncolors != n && o->ncolors != 6 * n)
        st = nplot__fail(fig, ND_ESHAPE, "%s: colors must have 1, %zu (per bar) or %zu (per face) "
                                         "entries, got %zu", who, n, 6 * n, o->ncolors);
    if (!st && o->ncolors && !o->colors) st = nplot__fail(fig, ND_EVALUE, "%s: ncolors without colors", who);
    rgba base = { 0, 0, 0, 1 };
    if (!st && o->color && nplot__color(o->color, fig->style, &base, who))
        st = nplot__fail(fig, ND_EVALUE, "%s", nd_errmsg());
    rgba *face = NULL;
    double *X = NULL, *Y = NULL, *Z = NULL;
    if (st) goto done;
    size_t nf = 6 * n, nv = 4 * nf;
    face = nd_malloc(sizeof(rgba) * nf, who);
    X = nd_malloc(sizeof(double) * nv, who), Y = nd_malloc(sizeof(double) * nv, who);
    Z = nd_malloc(sizeof(double) * nv, who);
    if (!face || !X || !Y || !Z) {
        st = nplot__fail(fig, ND_ENOMEM, "%s: out of memory", who);
        goto done;
    }
    if (!o->color && !o->ncolors) base = nplot__next_patch_color(ax);
    for (size_t f = 0; f < nf; f++) {
        rgba c = base;
        if (o->ncolors) {
            size_t k = o->ncolors == 1 ? 0 : o->ncolors == n ? f / 6 : f;
            if (nplot__color(o->colors[k], fig->style, &c, who)) {
                st = nplot__fail(fig, ND_EVALUE, "%s", nd_errmsg());
                goto done;
            }
        }
        face[f] = c;
    }
    double lo[3] = { INFINITY, INFINITY, INFINITY }, hi[3] = { -INFINITY, -INFINITY, -INFINITY };
    double az = o->light_azdeg != 0 || o->light_altdeg != 0 ? o->light_azdeg : 225;
    double alt = o->light_azdeg != 0 || o->light_altdeg != 0 ? o->light_altdeg : 19.4712;
    for (size_t b = 0; b < n; b++) {
        double p[3], d[3];
        for (int i = 0; i < 3; i++) {
            p[i] = v[i][len[i] == 1 ? 0 : b];
            d[i] = v[3 + i][len[3 + i] == 1 ? 0 : b];
            lo[i] = fmin(lo[i], p[i]);
            hi[i] = fmax(hi[i], p[i] + d[i]);
        }
        for (int s = 0; s < 6; s++) {
            double q[4][3];
            for (int c = 0; c < 4; c++)
                for (int i = 0; i < 3; i++) q[c][i] = p[i] + d[i] * CUBOID[s][c][i];
            size_t f = 6 * b + (size_t)s;
            /* the face is rows 2f, 2f + 1 of a 2-wide grid: (q0, q1 | q3, q2) */
            static const int at[4] = { 0, 1, 3, 2 };
            for (int c = 0; c < 4; c++) {
                size_t k = 4 * f + (size_t)at[c];
                X[k] = q[c][0], Y[k] = q[c][1], Z[k] = q[c][2];
            }
            if (!o->no_shade) face[f] = nplot__shade3d(face[f], (const double(*)[3])q, az, alt);
        }
    }
    artist *a = nplot__artist_add(ax, ART_SURFACE3D, who);
    if (!a) {
        st = fig->status;
        goto done;
    }
    a->n = nv;
    a->x = X, a->y = Y, a->z = Z;
    X = Y = Z = NULL;
    a->iw = 2;
    a->ih = (int)(2 * nf);
    a->colors = nd_calloc(2 * nf - 1, sizeof(rgba), who); /* the quads between faces stay clear */
    if (!a->colors) {
        st = nplot__fail(fig, ND_ENOMEM, "%s: out of memory", who);
        goto done;
    }
    for (size_t f = 0; f < nf; f++) a->colors[2 * f] = face[f];
    a->face = face[0];
    a->legend_kind = LEGEND_PATCH;
    a->has_face = true;
    a->has_edge = o->edgecolor || o->linewidth > 0;
    a->grow = !a->has_edge; /* Poly3DCollection's edgecolor 'none' */
    a->edge_is_face = !o->edgecolor;
    if (o->edgecolor && nplot__color(o->edgecolor, fig->style, &a->edge, who)) {
        st = nplot__fail(fig, ND_EVALUE, "%s", nd_errmsg());
        goto done;
    }
    a->edge_lw = NPLOT_OPT(o->linewidth, 1);
    a->alpha = NPLOT_OPT(o->alpha, 1);
    a->autoscale = false;
    if (o->label && !(a->label = nplot__strdup(fig, o->label, who))) {
        st = fig->status;
        goto done;
    }
    /* auto_scale_xyz((minx, maxx), (miny, maxy), (minz, maxz)) */
    nplot__datalim_point(ax, lo[0], lo[1]);
    nplot__datalim_point(ax, hi[0], hi[1]);
    ax->za.dmin = fmin(ax->za.dmin, lo[2]);
    ax->za.dmax = fmax(ax->za.dmax, hi[2]);
    ax->za.has_data = true;
    nplot__mark_dirty(fig);
done:
    for (int i = 0; i < 6; i++) nd_free_mem(v[i]);
    nd_free_mem(face);
    nd_free_mem(X);
    nd_free_mem(Y);
    nd_free_mem(Z);
    return st;
}

/* ---- quiver ----------------------------------------------------------------------------------- */
/* calc_arrows: the two arrowhead directions, uvw rotated by +-15 degrees about the
 * horizontal unit vector perpendicular to it. */
static void head_dirs(const double uvw[3], double out[2][3])
{
    double nrm = hypot(uvw[0], uvw[1]);
    double xp = nrm != 0 ? uvw[1] / nrm : 0, yp = nrm != 0 ? -uvw[0] / nrm : 1;
    double c = cos(15 * M_PI / 180), s = sin(15 * M_PI / 180);
    for (int side = 0; side < 2; side++) {
        double sg = side ? -1 : 1;
        double R[3][3] = { { c + xp * xp * (1 - c), xp * yp * (1 - c), sg * yp * s },
                           { yp * xp * (1 - c), c + yp * yp * (1 - c), -sg * xp * s },
                           { -sg * yp * s, sg * xp * s, c } };
        for (int i = 0; i < 3; i++) out[side][i] = R[i][0] * uvw[0] + R[i][1] * uvw[1] + R[i][2] * uvw[2];
    }
}

nd_status nplot_quiver3d_(nplot_axes *ax, const nd_array *x, const nd_array *y, const nd_array *z,
                          const nd_array *u, const nd_array *v, const nd_array *w, const nplot_quiver3d_opts *o)
{
    static const char *who = "nplot_quiver3d";
    CHECK_3D(ax, who);
    nplot_figure *fig = ax->fig;
    o = NPLOT__OPTS(o, nplot_quiver3d_opts);
    double length = NPLOT_OPT(o->length, 1), ratio = NPLOT_OPT(o->arrow_length_ratio, 0.3);
    if (!isfinite(length) || !isfinite(ratio) || ratio < 0)
        return nplot__fail(fig, ND_EVALUE, "%s: length = %g and arrow_length_ratio = %g must be finite "
                                           "(ratio >= 0)", who, length, ratio);
    double shift = 0; /* shaft_dt = (0, length) - shift */
    if (!o->pivot || !strcmp(o->pivot, "tail")) shift = length;
    else if (!strcmp(o->pivot, "middle")) shift = length / 2;
    else if (strcmp(o->pivot, "tip"))
        return nplot__fail(fig, ND_EVALUE, "%s: pivot '%s' is not one of 'tail', 'middle', 'tip'", who,
                           o->pivot);
    const nd_array *in[6] = { x, y, z, u, v, w };
    static const char *names[6] = { "x", "y", "z", "u", "v", "w" };
    double *a6[6] = { 0 };
    size_t len[6] = { 0 }, n = 1;
    nd_status st = ND_OK;
    for (int i = 0; i < 6 && !st; i++) st = bar_arg(fig, in[i], names[i], &a6[i], &len[i], who);
    for (int i = 0; i < 6 && !st; i++)
        if (len[i] != 1) n = len[i];
    for (int i = 0; i < 6 && !st; i++)
        if (len[i] != 1 && len[i] != n)
            st = nplot__fail(fig, ND_ESHAPE, "%s: x, y, z, u, v, w must broadcast: %s has %zu values, "
                                             "another %zu", who, names[i], len[i], n);
    for (int i = 0; i < 6 && !st; i++)
        if (len[i] == 0) n = 0;
    double *X = NULL, *Y = NULL, *Z = NULL;
    if (st) goto done;
    /* each arrow: shaft, head 1, head 2, each 2 points and a NaN */
    size_t cap = 9 * (n ? n : 1), k = 0;
    X = nd_malloc(sizeof(double) * cap, who), Y = nd_malloc(sizeof(double) * cap, who);
    Z = nd_malloc(sizeof(double) * cap, who);
    if (!X || !Y || !Z) {
        st = nplot__fail(fig, ND_ENOMEM, "%s: out of memory", who);
        goto done;
    }
    for (size_t i = 0; i < n; i++) {
        double p[3], d[3];
        for (int c = 0; c < 3; c++) p[c] = a6[c][len[c] == 1 ? 0 : i], d[c] = a6[3 + c][len[3 + c] == 1 ? 0 : i];
        double nrm = sqrt(d[0] * d[0] + d[1] * d[1] + d[2] * d[2]);
        if (!(nrm > 0)) continue; /* zero (or NaN) vectors draw nothing */
        if (o->normalize)
            for (int c = 0; c < 3; c++) d[c] /= nrm;
        double tip[3], tail[3], hd[2][3];
        for (int c = 0; c < 3; c++) {
            tip[c] = p[c] - (0 - shift) * d[c];
            tail[c] = p[c] - (length - shift) * d[c];
        }
        head_dirs(d, hd);
        double seg[3][2][3];
        memcpy(seg[0][0], tip, sizeof tip);
        memcpy(seg[0][1], tail, sizeof tail);
        for (int s = 0; s < 2; s++)
            for (int c = 0; c < 3; c++) {
                seg[1 + s][0][c] = tip[c];
                seg[1 + s][1][c] = tip[c] - length * ratio * hd[s][c];
            }
        for (int g = 0; g < 3; g++) {
            for (int e = 0; e < 2; e++, k++) X[k] = seg[g][e][0], Y[k] = seg[g][e][1], Z[k] = seg[g][e][2];
            X[k] = Y[k] = Z[k] = NAN, k++;
        }
        /* auto_scale_xyz over the anchor points only */
        nplot__datalim_point(ax, p[0], p[1]);
        ax->za.dmin = fmin(ax->za.dmin, p[2]);
        ax->za.dmax = fmax(ax->za.dmax, p[2]);
        ax->za.has_data = true;
    }
    artist *a = nplot__artist_add(ax, ART_LINE3D, who);
    if (!a) {
        st = fig->status;
        goto done;
    }
    a->n = k;
    a->x = X, a->y = Y, a->z = Z;
    X = Y = Z = NULL;
    a->autoscale = false;
    /* Line3DCollection: lines.color and lines.linewidth, no cycle */
    nplot_line_opts lo = { .color = o->color ? o->color : "C0", .linewidth = o->linewidth, .alpha = o->alpha,
                           .linestyle = o->linestyle };
    line_props lp;
    double alpha;
    if ((st = nplot__line_props(ax, &lo, &lp, &alpha, who))) goto done;
    lp.marker = MK_NONE;
    a->lp = lp;
    a->alpha = alpha;
    if (o->label && !(a->label = nplot__strdup(fig, o->label, who))) st = fig->status;
    nplot__mark_dirty(fig);
done:
    for (int i = 0; i < 6; i++) nd_free_mem(a6[i]);
    nd_free_mem(X);
    nd_free_mem(Y);
    nd_free_mem(Z);
    return st;
}

nd_status nplot_artist_get_data3d(const nplot_artist *h, size_t *n, const double **x, const double **y,
                                  const double **z)
{
    static const char *who = "nplot_artist_get_data3d";
    const artist *a = (const artist *)(const void *)h;
    if (!a) return nd_set_error(ND_EVALUE, "%s: artist is NULL", who);
    if (!a->z || !(a->kind == ART_LINE3D || a->kind == ART_SURFACE3D || a->kind == ART_SCATTER3D ||
                   a->kind == ART_POLY3D))
        return nd_set_error(ND_EVALUE, "%s: the artist (%s) is not a 3-D artist", who,
                            nplot__class_of(a->kind)->name);
    if (n) *n = a->n;
    if (x) *x = a->x;
    if (y) *y = a->y;
    if (z) *z = a->z;
    return ND_OK;
}
