/* Vector fields: quiver, quiverkey, barbs (matplotlib.quiver) and streamplot
 * (matplotlib.streamplot). The builders check the input and store vectors in one
 * ART_VECTORS artist; the shapes depend on the laid-out axes (arrow widths are a fraction
 * of the axes, angles are taken on screen), so nplot__draw_vectors builds them when the
 * figure is drawn, as matplotlib does in Quiver.draw. Streamlines are traced once, at
 * build time, by stream_integrate.c. */
#include "plot_render.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* quiver units: what one arrow "unit" is (matplotlib's _dots_per_unit) */
enum { QU_WIDTH = 0, QU_HEIGHT, QU_DOTS, QU_INCHES, QU_X, QU_Y, QU_XY };
static const char *const unit_names[] = { "width", "height", "dots", "inches", "x", "y", "xy" };

static int parse_name(const char *s, const char *const *names, int n)
{
    for (int i = 0; i < n; i++)
        if (!strcmp(s, names[i])) return i;
    return -1;
}

/* "(3, 4)" for an nd_array's shape. */
static const char *shape_str(const nd_array *a, char *buf, size_t cap)
{
    int nd = nd_ndim(a);
    const ptrdiff_t *sh = nd_shape(a);
    size_t p = (size_t)snprintf(buf, cap, "(");
    for (int i = 0; i < nd && p < cap; i++)
        p += (size_t)snprintf(buf + p, cap - p, i ? ", %td" : "%td", sh[i]);
    if (p < cap) snprintf(buf + p, cap - p, nd == 1 ? ",)" : ")");
    return buf;
}

/* ---- the inputs of quiver and barbs (matplotlib's _parse_args) ------------------------------ */
typedef struct vec_input {
    double *x, *y, *u, *v, *c, *flip;
    size_t n;
} vec_input;

static void vec_input_free(vec_input *in)
{
    nd_free_mem(in->x);
    nd_free_mem(in->y);
    nd_free_mem(in->u);
    nd_free_mem(in->v);
    nd_free_mem(in->c);
    nd_free_mem(in->flip);
    memset(in, 0, sizeof *in);
}

/* Positions, components and optional per-vector values (c, flip) as float64 copies of n
 * entries each; x and y follow the meshgrid rule of plot.h. */
static nd_status vec_inputs(nplot_axes *ax, const nd_array *x, const nd_array *y,
                            const nd_array *u, const nd_array *v, const nd_array *c,
                            const nd_array *flip, vec_input *in, const char *who)
{
    nplot_figure *fig = ax->fig;
    memset(in, 0, sizeof *in);
    if (!u || !v) return nplot__fail(fig, ND_EVALUE, "%s: U and V are required", who);
    char b1[64], b2[64];
    int nd = nd_ndim(u);
    if (nd != nd_ndim(v) || memcmp(nd_shape(u), nd_shape(v), sizeof(ptrdiff_t) * (size_t)nd))
        return nplot__fail(fig, ND_ESHAPE, "%s: U and V must have the same shape, got %s and %s",
                           who, shape_str(u, b1, sizeof b1), shape_str(v, b2, sizeof b2));
    if (nd > 2)
        return nplot__fail(fig, ND_ESHAPE, "%s: U and V must be 1-D or 2-D, got shape %s", who,
                           shape_str(u, b1, sizeof b1));
    if ((x == NULL) != (y == NULL))
        return nplot__fail(fig, ND_EVALUE, "%s: give both x and y or neither", who);
    size_t nr = nd == 2 ? (size_t)nd_shape(u)[0] : 1;
    size_t nc = nd == 2 ? (size_t)nd_shape(u)[1] : nd == 1 ? (size_t)nd_shape(u)[0] : 1;
    size_t n = 0, k = 0, nx = 0, ny = 0;
    nd_status st = nplot__to_f64(fig, u, &in->u, &n, "U", who);
    if (!st) st = nplot__to_f64(fig, v, &in->v, &k, "V", who);
    if (!st) st = nplot__to_f64(fig, x, &in->x, &nx, "x", who);
    if (!st) st = nplot__to_f64(fig, y, &in->y, &ny, "y", who);
    if (!st && c) st = nplot__to_f64(fig, c, &in->c, &k, "C", who);
    if (!st && c && k != n)
        st = nplot__fail(fig, ND_ESHAPE, "%s: C has shape %s, which does not match U's %s",
                         who, shape_str(c, b1, sizeof b1), shape_str(u, b2, sizeof b2));
    if (!st && flip) st = nplot__to_f64(fig, flip, &in->flip, &k, "flip", who);
    if (!st && flip && k != n)
        st = nplot__fail(fig, ND_ESHAPE, "%s: flip has shape %s, which does not match U's %s",
                         who, shape_str(flip, b1, sizeof b1), shape_str(u, b2, sizeof b2));
    if (st) goto fail;
    in->n = n;
    if (!x || (nx == nc && ny == nr)) {
        /* no positions: column / row indices; x and y of U's columns and rows: their
         * meshgrid */
        double *gx = nd_malloc(sizeof(double) * (n ? n : 1), who);
        double *gy = nd_malloc(sizeof(double) * (n ? n : 1), who);
        if (!gx || !gy) {
            nd_free_mem(gx);
            nd_free_mem(gy);
            st = nplot__fail(fig, ND_ENOMEM, "%s: out of memory", who);
            goto fail;
        }
        for (size_t i = 0; i < n; i++) {
            gx[i] = in->x ? in->x[i % nc] : (double)(i % nc);
            gy[i] = in->y ? in->y[i / nc] : (double)(i / nc);
        }
        nd_free_mem(in->x);
        nd_free_mem(in->y);
        in->x = gx;
        in->y = gy;
    } else if (nx != ny) {
        st = nplot__fail(fig, ND_ESHAPE, "%s: x and y must be the same size, got %zu and %zu",
                         who, nx, ny);
        goto fail;
    } else if (nx != n) {
        st = nplot__fail(fig, ND_ESHAPE, "%s: U has shape %s (%zu vectors) but x and y hold %zu "
                                         "positions", who, shape_str(u, b1, sizeof b1), n, nx);
        goto fail;
    }
    return ND_OK;
fail:
    vec_input_free(in);
    return st;
}

/* A new ART_VECTORS artist of `type` with room for n components (and flips). */
static artist *vec_artist(nplot_axes *ax, int type, size_t n, bool flips, const char *who)
{
    artist *a = nplot__artist_add(ax, ART_VECTORS, who);
    if (!a) return NULL;
    size_t bytes = sizeof(vector_set) + sizeof(double) * 2 * n + (flips ? n : 0);
    vector_set *vs = nd_calloc(1, bytes, who);
    if (!vs) {
        nplot__fail(ax->fig, ND_ENOMEM, "%s: out of memory for %zu vectors", who, n);
        return NULL;
    }
    a->vec = vs;
    vs->type = type;
    vs->n = n;
    vs->u = vs->data;
    vs->v = vs->data + n;
    vs->flip = flips ? (unsigned char *)(vs->data + 2 * n) : NULL;
    a->legend_kind = LEGEND_PATCH;
    a->zorder = 1;
    return a;
}

/* Anchors, components and colors (mapped from c through a mappable on a) of the inputs
 * into a; a vector with a non-finite component or value is hidden (matplotlib masks it). */
static nd_status vec_fill(nplot_axes *ax, artist *a, vec_input *in, const char *cmap,
                          const nplot_norm *norm, double vmin, double vmax, const char *who)
{
    nplot_figure *fig = ax->fig;
    vector_set *vs = a->vec;
    size_t n = in->n;
    a->n = n;
    if (!(a->x = nplot__copy_or_index(fig, in->x, n, who))) return fig->status;
    if (!(a->y = nplot__copy_or_index(fig, in->y, n, who))) return fig->status;
    for (size_t i = 0; i < n; i++) {
        bool hide = !isfinite(in->u[i]) || !isfinite(in->v[i]) || (in->c && !isfinite(in->c[i]));
        vs->u[i] = hide ? NAN : in->u[i];
        vs->v[i] = hide ? NAN : in->v[i];
        if (hide && in->c) in->c[i] = NAN;
        if (vs->flip && in->flip) vs->flip[i] = in->flip[i] != 0;
    }
    if (!in->c) return ND_OK;
    /* matplotlib's autoscale_None: hidden vectors are NaN by now, so they do not count */
    mappable m;
    nd_status st = nplot__mappable_init(fig, &m, cmap, norm, vmin, vmax, in->c, n, who);
    if (st) return st;
    a->colors = nd_malloc(sizeof(rgba) * (n ? n : 1), who);
    if (!a->colors) return nplot__fail(fig, ND_ENOMEM, "%s: out of memory", who);
    for (size_t i = 0; i < n; i++) a->colors[i] = nplot__map_color(&m, in->c[i]);
    a->map = m;
    return ND_OK;
}

static nd_status opt_color(nplot_axes *ax, const char *spec, rgba dflt, rgba *out, const char *who)
{
    *out = dflt;
    if (spec && nplot__color(spec, ax->fig->style, out, who))
        return nplot__fail(ax->fig, ND_EVALUE, "%s", nd_errmsg());
    return ND_OK;
}

static bool bad_size(double v)
{
    return v < 0 || isnan(v) || isinf(v);
}

/* ---- quiver ----------------------------------------------------------------------------------- */
nd_status nplot_quiver_(nplot_axes *ax, const nd_array *u, const nd_array *v,
                        const nplot_quiver_opts *o)
{
    static const char *who = "nplot_quiver";
    CHECK_AX(ax, who);
    nplot_figure *fig = ax->fig;
    o = NPLOT__OPTS(o, nplot_quiver_opts);
    int units = QU_WIDTH, sunits = -1, pivot = 0;
    if (o->units && (units = parse_name(o->units, unit_names, 7)) < 0)
        return nplot__fail(fig, ND_EVALUE, "%s: units must be one of width, height, dots, inches, "
                                           "x, y, xy, got '%s'", who, o->units);
    if (o->scale_units && (sunits = parse_name(o->scale_units, unit_names, 7)) < 0)
        return nplot__fail(fig, ND_EVALUE, "%s: scale_units must be one of width, height, dots, "
                                           "inches, x, y, xy, got '%s'", who, o->scale_units);
    if (o->angles && strcmp(o->angles, "uv") && strcmp(o->angles, "xy"))
        return nplot__fail(fig, ND_EVALUE, "%s: angles must be 'uv' or 'xy', got '%s'", who,
                           o->angles);
    if (o->pivot) {
        static const char *const pivots[] = { "tail", "middle", "tip", "mid" };
        if ((pivot = parse_name(o->pivot, pivots, 4)) < 0)
            return nplot__fail(fig, ND_EVALUE, "%s: pivot must be 'tail', 'mid', 'middle' or "
                                               "'tip', got '%s'", who, o->pivot);
        if (pivot == 3) pivot = 1;
    }
    if (bad_size(o->scale) || bad_size(o->width) || bad_size(o->headwidth) ||
        bad_size(o->headlength) || bad_size(o->headaxislength) || bad_size(o->minshaft) ||
        bad_size(o->minlength) || o->alpha < 0 || o->alpha > 1)
        return nplot__fail(fig, ND_EVALUE, "%s: scale, width and the head and minimum sizes must "
                                           "be finite and >= 0, alpha in [0, 1]", who);
    if (o->color && o->c)
        return nplot__fail(fig, ND_EVALUE, "%s: give either color or C values, not both", who);
    rgba face;
    if (opt_color(ax, o->color, (rgba){ 0, 0, 0, 1 }, &face, who)) return fig->status;
    vec_input in;
    nd_status st = vec_inputs(ax, o->x, o->y, u, v, o->c, NULL, &in, who);
    if (st) return st;
    artist *a = vec_artist(ax, VEC_QUIVER, in.n, false, who);
    if (!a) {
        vec_input_free(&in);
        return fig->status;
    }
    vector_set *vs = a->vec;
    vs->units = units;
    vs->scale_units = sunits;
    vs->angles_xy = o->angles && !strcmp(o->angles, "xy");
    vs->pivot = pivot;
    vs->scale = o->scale;
    vs->width = o->width;
    vs->headwidth = NPLOT_OPT(o->headwidth, 3.0);
    vs->headlength = NPLOT_OPT(o->headlength, 5.0);
    vs->headaxislength = NPLOT_OPT(o->headaxislength, 4.5);
    vs->minshaft = NPLOT_OPT(o->minshaft, 1.0);
    vs->minlength = NPLOT_OPT(o->minlength, 1.0);
    a->face = face;
    a->alpha = NPLOT_OPT(o->alpha, 1.0);
    a->zorder = o->zorder ? o->zorder : 1;
    st = vec_fill(ax, a, &in, o->cmap, o->norm, o->vmin, o->vmax, who);
    vec_input_free(&in);
    if (st) return st;
    if (o->label && !(a->label = nplot__strdup(fig, o->label, who))) return fig->status;
    nplot__update_datalim(ax, a);
    return ND_OK;
}

/* What a quiver's arrows measure once the axes is laid out (matplotlib's Quiver._init and
 * the scale part of _make_verts): device units per arrow unit, the shaft width and the
 * scale in arrow units. */
typedef struct qgeom {
    double dots;       /* device units per arrow unit (`units`) */
    double width;      /* shaft width in arrow units */
    double scale;      /* vector units per arrow length unit */
    double wpl;        /* arrow width units per length unit */
    double eps;        /* the step of the 'xy' finite differences */
} qgeom;

static double dots_per_unit(const render_ctx *rc, const nplot_axes *ax, int units)
{
    double bw = ax->dev[2] - ax->dev[0], bh = ax->dev[3] - ax->dev[1];
    double vw = nplot__scale_fwd(&ax->xa, ax->xa.hi) - nplot__scale_fwd(&ax->xa, ax->xa.lo);
    double vh = nplot__scale_fwd(&ax->ya, ax->ya.hi) - nplot__scale_fwd(&ax->ya, ax->ya.lo);
    switch (units) {
    case QU_X: return bw / vw;
    case QU_Y: return bh / vh;
    case QU_XY: return hypot(bw, bh) / hypot(vw, vh);
    case QU_HEIGHT: return bh;
    case QU_DOTS: return 1;
    case QU_INCHES: return 72 * rc->scale;
    default: return bw;
    }
}

/* Screen angle (y up) and length in device units per vector unit of (u, v) at (x, y),
 * from the finite difference over eps (matplotlib's _angles_lengths). */
static void angle_length(render_ctx *rc, const nplot_axes *ax, const xform *tf, double x,
                         double y, double u, double v, double eps, double *ang, double *len)
{
    double x0, y0, x1, y1;
    nplot__to_dev(rc, ax, tf, COORD_DATA, COORD_DATA, x, y, &x0, &y0);
    nplot__to_dev(rc, ax, tf, COORD_DATA, COORD_DATA, x + eps * u, y + eps * v, &x1, &y1);
    double dx = x1 - x0, dy = y0 - y1;
    *ang = atan2(dy, dx);
    *len = hypot(dx, dy) / eps;
}

/* The magnitude the arrow lengths are proportional to: |(u, v)|, or with scale_units
 * 'xy' the device length of the vector. */
static double arrow_magnitude(render_ctx *rc, const nplot_axes *ax, const xform *tf,
                              const vector_set *vs, double x, double y, double u, double v,
                              double eps, double *ang)
{
    double len;
    *ang = atan2(v, u);
    if (!vs->angles_xy && vs->scale_units != QU_XY) return hypot(u, v);
    double a;
    angle_length(rc, ax, tf, x, y, u, v, eps, &a, &len);
    if (vs->angles_xy) *ang = a;
    return vs->scale_units == QU_XY ? len : hypot(u, v);
}

static qgeom quiver_geom(render_ctx *rc, const nplot_axes *ax, const artist *q)
{
    const vector_set *vs = q->vec;
    qgeom g;
    g.dots = dots_per_unit(rc, ax, vs->units);
    double span = (ax->dev[2] - ax->dev[0]) / g.dots;
    g.width = vs->width > 0 ? vs->width
                            : 0.06 * span / nplot__clampd(sqrt((double)vs->n), 8, 25);
    /* matplotlib: eps 1 when both are 'xy', else a thousandth of the data extents */
    g.eps = 1;
    if (!(vs->angles_xy && vs->scale_units == QU_XY)) {
        const axis_state *xa = &ax->xa, *ya = &ax->ya;
        g.eps = 0.001 * fmax(fmax(fabs(xa->dmin), fabs(xa->dmax)), fmax(fabs(ya->dmin), fabs(ya->dmax)));
        if (!(g.eps > 0) || !isfinite(g.eps)) g.eps = 1e-3;
    }
    xform tf = nplot__xform(ax);
    double sum = 0;
    size_t cnt = 0;
    for (size_t i = 0; i < vs->n; i++) {
        if (isnan(vs->u[i])) continue;
        double ang, m = arrow_magnitude(rc, ax, &tf, vs, q->x[i], q->y[i], vs->u[i], vs->v[i],
                                        g.eps, &ang);
        if (isfinite(m)) sum += m, cnt++;
    }
    double sn = fmax(10, sqrt((double)vs->n));
    double autoscale = cnt ? 1.8 * (sum / (double)cnt) * sn / span : NAN;
    int su = vs->scale_units;
    if (su < 0) {
        g.wpl = 1;
        g.scale = vs->scale > 0 ? vs->scale : autoscale;
    } else {
        double dx = su == QU_XY ? 1 : dots_per_unit(rc, ax, su);
        g.wpl = dx / g.dots;
        g.scale = vs->scale > 0 ? vs->scale : autoscale * g.wpl;
    }
    return g;
}

/* matplotlib's _h_arrows for one arrow of `length` shaft widths: 8 vertices (X, Y), the
 * tail at the origin pointing along +x, moved to the pivot; short arrows shrink, too short
 * ones become a hexagon of diameter minlength. */
static void h_arrow(const vector_set *vs, int pivot, double length, double *X, double *Y)
{
    static const int ii[8] = { 0, 1, 2, 3, 2, 1, 0, 0 };
    double hl = vs->headlength, hal = vs->headaxislength, hw = vs->headwidth;
    double minsh = vs->minshaft * hl;
    length = nplot__clampd(length, 0, 65536);
    double x[4] = { 0, -hal + length, -hl + length, length };
    double x0[4] = { 0, minsh - hal, minsh - hl, minsh };
    double y[4] = { 0.5, 0.5, 0.5 * hw, 0 };
    bool short_ = length < minsh;
    double shrink = minsh != 0 ? length / minsh : 0;
    for (int k = 0; k < 8; k++) {
        double sign = k >= 3 && k < 7 ? -1 : 1;
        X[k] = short_ ? shrink * x0[ii[k]] : x[ii[k]];
        Y[k] = sign * (short_ ? shrink * y[ii[k]] : y[ii[k]]);
    }
    double tip = X[3];
    if (pivot == 1)
        for (int k = 0; k < 8; k++) X[k] -= 0.5 * tip;
    else if (pivot == 2)
        for (int k = 0; k < 8; k++) X[k] -= tip;
    if (length < vs->minlength)
        for (int k = 0; k < 8; k++) {
            X[k] = cos(k * M_PI / 3) * vs->minlength * 0.5;
            Y[k] = sin(k * M_PI / 3) * vs->minlength * 0.5;
        }
}

/* Trace one arrow at device point (px, py): magnitude mag at screen angle ang. */
static void arrow_path(cairo_t *cr, const vector_set *vs, const qgeom *g, int pivot, double px,
                       double py, double mag, double ang)
{
    double X[8], Y[8];
    h_arrow(vs, pivot, mag * g->wpl / (g->scale * g->width), X, Y);
    double c = cos(ang), s = sin(ang), k = g->width * g->dots;
    for (int i = 0; i < 8; i++) {
        double dx = (X[i] * c - Y[i] * s) * k, dy = (X[i] * s + Y[i] * c) * k;
        if (i == 0) cairo_move_to(cr, px + dx, py - dy);
        else cairo_line_to(cr, px + dx, py - dy);
    }
    cairo_close_path(cr);
}

static void set_color(cairo_t *cr, rgba c, double alpha)
{
    cairo_set_source_rgba(cr, c.r, c.g, c.b, c.a * alpha);
}

static void draw_quiver(render_ctx *rc, nplot_axes *ax, artist *a)
{
    const vector_set *vs = a->vec;
    cairo_t *cr = rc->cr;
    qgeom g = quiver_geom(rc, ax, a);
    if (!isfinite(g.scale) || !(g.scale > 0) || !isfinite(g.dots)) return;
    xform tf = nplot__xform(ax);
    for (size_t i = 0; i < vs->n; i++) {
        if (isnan(vs->u[i])) continue;
        double px, py, ang;
        nplot__to_dev(rc, ax, &tf, COORD_DATA, COORD_DATA, a->x[i], a->y[i], &px, &py);
        if (!isfinite(px) || !isfinite(py)) continue;
        double mag = arrow_magnitude(rc, ax, &tf, vs, a->x[i], a->y[i], vs->u[i], vs->v[i],
                                     g.eps, &ang);
        if (!isfinite(mag)) continue;
        arrow_path(cr, vs, &g, vs->pivot, px, py, mag, ang);
        set_color(cr, a->colors ? a->colors[i] : a->face, a->alpha);
        cairo_fill(cr);
    }
}

/* ---- quiverkey ------------------------------------------------------------------------------ */
enum { KEY_INCHES = COORD_OFFSET + 1 }; /* the key's own coordinates beside the COORD_* */

nd_status nplot_quiverkey_(nplot_axes *ax, double X, double Y, double U, const char *label,
                           const nplot_quiverkey_opts *o)
{
    static const char *who = "nplot_quiverkey";
    CHECK_AX(ax, who);
    nplot_figure *fig = ax->fig;
    o = NPLOT__OPTS(o, nplot_quiverkey_opts);
    const artist *q = NULL;
    for (const artist *a = ax->artists; a; a = a->next)
        if (a->kind == ART_VECTORS && a->vec->type == VEC_QUIVER) q = a;
    if (!q) return nplot__fail(fig, ND_EVALUE, "%s: the axes has no quiver to make a key for", who);
    if (!isfinite(X) || !isfinite(Y) || !isfinite(U) || !isfinite(o->angle))
        return nplot__fail(fig, ND_EVALUE, "%s: X, Y, U and angle must be finite, got %g, %g, %g, "
                                           "%g", who, X, Y, U, o->angle);
    int coord = COORD_AXES, pos = 0;
    if (o->coordinates) {
        static const char *const names[] = { "axes", "figure", "data", "inches" };
        static const int coords[] = { COORD_AXES, COORD_FIGURE, COORD_DATA, KEY_INCHES };
        int k = parse_name(o->coordinates, names, 4);
        if (k < 0)
            return nplot__fail(fig, ND_EVALUE, "%s: coordinates must be 'axes', 'figure', "
                                               "'data' or 'inches', got '%s'", who, o->coordinates);
        coord = coords[k];
    }
    if (o->labelpos) {
        static const char *const names[] = { "N", "S", "E", "W" };
        if ((pos = parse_name(o->labelpos, names, 4)) < 0)
            return nplot__fail(fig, ND_EVALUE, "%s: labelpos must be 'N', 'S', 'E' or 'W', got "
                                               "'%s'", who, o->labelpos);
    }
    if (bad_size(o->labelsep) || bad_size(o->fontsize))
        return nplot__fail(fig, ND_EVALUE, "%s: labelsep and fontsize must be finite and >= 0", who);
    nplot_text_opts to = { .color = o->labelcolor, .fontsize = o->fontsize };
    text_style ts;
    if (nplot__text_style_from(fig, &to, fig->style->font_size, &ts, who)) return fig->status;
    rgba color;
    if (opt_color(ax, o->color, q->face, &color, who)) return fig->status;
    artist *a = vec_artist(ax, VEC_QUIVERKEY, 0, false, who);
    if (!a) return fig->status;
    vector_set *vs = a->vec;
    vs->of = q;
    vs->kx = X, vs->ky = Y, vs->ku = U, vs->kangle = o->angle;
    vs->kcoord = coord;
    vs->klabelpos = pos;
    vs->klabelsep = NPLOT_OPT(o->labelsep, 0.1) * 72;
    a->face = color;
    a->autoscale = false;
    a->zorder = 0; /* a plain Artist in matplotlib */
    a->ts = ts;
    if (label && !(a->text = nplot__strdup(fig, label, who))) return fig->status;
    return ND_OK;
}

static void draw_quiverkey(render_ctx *rc, nplot_axes *ax, artist *a)
{
    const vector_set *vs = a->vec;
    const artist *q = vs->of;
    qgeom g = quiver_geom(rc, ax, q);
    if (!isfinite(g.scale) || !(g.scale > 0) || !isfinite(g.dots)) return;
    xform tf = nplot__xform(ax);
    double px, py;
    if (vs->kcoord == KEY_INCHES) /* from the figure's lower left corner */
        px = vs->kx * 72 * rc->scale, py = rc->H - vs->ky * 72 * rc->scale;
    else
        nplot__to_dev(rc, ax, &tf, vs->kcoord, vs->kcoord, vs->kx, vs->ky, &px, &py);
    if (!isfinite(px) || !isfinite(py)) return;
    double th = vs->kangle * M_PI / 180, u = vs->ku * cos(th), v = vs->ku * sin(th), ang;
    /* the key is measured like the quiver's first arrow (the same for linear axes) */
    double qx = q->n ? q->x[0] : 0, qy = q->n ? q->y[0] : 0;
    double mag = arrow_magnitude(rc, ax, &tf, q->vec, qx, qy, u, v, g.eps, &ang);
    static const int pivot_of[4] = { 1, 1, 2, 0 }; /* N, S: middle; E: tip; W: tail */
    cairo_t *cr = rc->cr;
    if (isfinite(mag)) {
        /* With 'xy' angles or scale units matplotlib measures the key at every position
         * of the quiver and so stacks N identical arrows: their antialiased edges add up
         * and the key looks heavier than the arrows. The same stack (saturated long
         * before 64) gives the same weight on raster targets; grouped, so alpha applies
         * once. */
        const vector_set *qs = q->vec;
        size_t copies = rc->raster && (qs->angles_xy || qs->scale_units == QU_XY) ? q->n : 1;
        if (copies > 64) copies = 64;
        bool group = a->alpha < 1 && copies > 1;
        if (group) cairo_push_group(cr);
        set_color(cr, a->face, group ? 1 : a->alpha);
        for (size_t k = 0; k < copies; k++) {
            arrow_path(cr, qs, &g, pivot_of[vs->klabelpos], px, py, mag, ang);
            cairo_fill(cr);
        }
        if (group) {
            cairo_pop_group_to_source(cr);
            cairo_paint_with_alpha(cr, a->alpha);
        }
    }
    if (!a->text) return;
    static const int ha[4] = { HA_CENTER, HA_CENTER, HA_LEFT, HA_RIGHT };
    static const int va[4] = { VA_BOTTOM, VA_TOP, VA_CENTER, VA_CENTER };
    static const double sx[4] = { 0, 0, 1, -1 }, sy[4] = { -1, 1, 0, 0 };
    double sep = vs->klabelsep * rc->scale;
    text_box tb = nplot__text_layout(rc, a->text, &a->ts);
    nplot__text_place(rc, &tb, px + sx[vs->klabelpos] * sep, py + sy[vs->klabelpos] * sep,
                      ha[vs->klabelpos], va[vs->klabelpos], 0, &a->ts.color, true);
    nplot__text_free(&tb);
}

/* ---- barbs ---------------------------------------------------------------------------------- */
nd_status nplot_barbs_(nplot_axes *ax, const nd_array *u, const nd_array *v,
                       const nplot_barbs_opts *o)
{
    static const char *who = "nplot_barbs";
    CHECK_AX(ax, who);
    nplot_figure *fig = ax->fig;
    o = NPLOT__OPTS(o, nplot_barbs_opts);
    bool middle = false;
    if (o->pivot && !(middle = !strcmp(o->pivot, "middle")) && strcmp(o->pivot, "tip"))
        return nplot__fail(fig, ND_EVALUE, "%s: pivot must be 'tip' or 'middle', got '%s'", who,
                           o->pivot);
    if (bad_size(o->length) || bad_size(o->linewidth) || bad_size(o->spacing) ||
        bad_size(o->height) || bad_size(o->width) || bad_size(o->emptybarb) ||
        bad_size(o->half) || bad_size(o->full) || bad_size(o->flag) || o->alpha < 0 ||
        o->alpha > 1)
        return nplot__fail(fig, ND_EVALUE, "%s: length, linewidth, sizes and increments must be "
                                           "finite and >= 0, alpha in [0, 1]", who);
    /* matplotlib: one color given colors both faces and edges; both give each its own */
    rgba black = { 0, 0, 0, 1 }, face, edge;
    if (opt_color(ax, o->flagcolor ? o->flagcolor : o->barbcolor, black, &face, who) ||
        opt_color(ax, o->flagcolor && o->barbcolor ? o->barbcolor : NULL, face, &edge, who))
        return fig->status;
    vec_input in;
    nd_status st = vec_inputs(ax, o->x, o->y, u, v, o->c, o->flip, &in, who);
    if (st) return st;
    artist *a = vec_artist(ax, VEC_BARBS, in.n, true, who);
    if (!a) {
        vec_input_free(&in);
        return fig->status;
    }
    vector_set *vs = a->vec;
    vs->length = NPLOT_OPT(o->length, 7.0);
    vs->pivot = middle;
    vs->spacing = NPLOT_OPT(o->spacing, 0.125);
    vs->height = NPLOT_OPT(o->height, 0.4);
    vs->bwidth = NPLOT_OPT(o->width, 0.25);
    vs->emptybarb = NPLOT_OPT(o->emptybarb, 0.15);
    vs->half = NPLOT_OPT(o->half, 5.0);
    vs->full = NPLOT_OPT(o->full, 10.0);
    vs->flag = NPLOT_OPT(o->flag, 50.0);
    vs->rounding = o->rounding != NPLOT_OFF;
    vs->fill_empty = o->fill_empty;
    a->face = face;
    a->edge = edge;
    a->edge_is_face = !(o->flagcolor && o->barbcolor);
    a->edge_lw = NPLOT_OPT(o->linewidth, 1.0);
    a->alpha = NPLOT_OPT(o->alpha, 1.0);
    a->zorder = o->zorder ? o->zorder : 1;
    st = vec_fill(ax, a, &in, o->cmap, o->norm, o->vmin, o->vmax, who);
    if (!st && !in.flip)
        for (size_t i = 0; i < in.n; i++) vs->flip[i] = o->flip_barb;
    vec_input_free(&in);
    if (st) return st;
    if (o->label && !(a->label = nplot__strdup(fig, o->label, who))) return fig->status;
    nplot__update_datalim(ax, a);
    return ND_OK;
}

/* matplotlib's Barbs._find_tails: the flags, full barbs, half barb and calm circle that
 * draw magnitude mag (rounded to the nearest `half` when rounding). */
static void barb_tails(double mag, bool rounding, double half, double full, double flag,
                       int *nflags, int *nbarbs, bool *half_barb, bool *empty)
{
    if (rounding) mag = half * (double)(long long)(mag / half + 0.5);
    *nflags = (int)floor(mag / flag);
    mag = fmod(mag, flag);
    *nbarbs = (int)floor(mag / full);
    mag = fmod(mag, full);
    *half_barb = mag >= half;
    *empty = !(*half_barb || *nflags > 0 || *nbarbs > 0);
}

/* The vertices of one barb in matplotlib's frame (units of `length`, staff along +y from
 * the pivot), into vx/vy (room for 4 + 3 * (flags + barbs + 1) points; returns the count).
 * A calm barb is the 20-gon circle (twice, there and back, when not filled). */
static size_t barb_shape(const vector_set *vs, double mag, bool flip, double *vx, double *vy,
                         size_t cap)
{
    double L = vs->length, spacing = L * vs->spacing, fh = L * vs->height;
    double fw = L * vs->bwidth, er = L * vs->emptybarb;
    double endy = vs->pivot ? -L / 2 : 0;
    int nflags, nbarbs;
    bool half, empty;
    barb_tails(mag, vs->rounding, vs->half, vs->full, vs->flag, &nflags, &nbarbs, &half,
               &empty);
    size_t k = 0;
    if (empty) {
        for (int i = 0; i <= 20; i++) {
            double t = 2 * M_PI / 20 * i + M_PI / 2;
            vx[k] = er * cos(t), vy[k] = er * sin(t), k++;
        }
        if (!vs->fill_empty)
            for (int i = 20; i >= 0; i--) vx[k] = vx[i], vy[k] = vy[i], k++;
        return k;
    }
    double bh = flip ? -fh : fh, off = L;
#define PT(X, Y) (k < cap ? (vx[k] = (X), vy[k] = (Y), k++) : k)
    PT(0, endy);
    for (int i = 0; i < nflags; i++) {
        if (off != L) off += spacing / 2;
        PT(0, endy + off);
        PT(bh, endy - fw / 2 + off);
        PT(0, endy - fw + off);
        off -= fw + spacing;
    }
    for (int i = 0; i < nbarbs; i++) {
        PT(0, endy + off);
        PT(bh, endy + off + fw / 2);
        PT(0, endy + off);
        off -= spacing;
    }
    if (half) {
        if (off == L) {
            PT(0, endy + off);
            off -= 1.5 * spacing;
        }
        PT(0, endy + off);
        PT(bh / 2, endy + off + fw / 4);
        PT(0, endy + off);
    }
#undef PT
    return k;
}

static void draw_barbs(render_ctx *rc, nplot_axes *ax, artist *a)
{
    const vector_set *vs = a->vec;
    cairo_t *cr = rc->cr;
    xform tf = nplot__xform(ax);
    /* matplotlib: sizes (length² / 4) make the vertices length / 2 points per unit */
    double k = vs->length / 2 * rc->scale;
    cairo_set_line_width(cr, a->edge_lw * rc->scale);
    cairo_set_line_join(cr, CAIRO_LINE_JOIN_ROUND);
    cairo_set_line_cap(cr, CAIRO_LINE_CAP_BUTT);
    cairo_set_dash(cr, NULL, 0, 0);
    double *vx = NULL, *vy = NULL;
    size_t cap = 0;
    bool twice = rc->raster;
    for (size_t i = 0; i < vs->n; i++) {
        if (isnan(vs->u[i])) continue;
        double px, py;
        nplot__to_dev(rc, ax, &tf, COORD_DATA, COORD_DATA, a->x[i], a->y[i], &px, &py);
        if (!isfinite(px) || !isfinite(py)) continue;
        double mag = hypot(vs->u[i], vs->v[i]);
        double nf = floor(mag / vs->flag) + 1, nb = floor(mag / vs->full) + 1;
        size_t need = (size_t)fmin(4 + 3 * (nf + nb + 1), 1e6);
        if (need < 44) need = 44;
        if (need > cap) {
            nd_free_mem(vx);
            nd_free_mem(vy);
            vx = nd_malloc(sizeof(double) * need, "nplot_barbs");
            vy = nd_malloc(sizeof(double) * need, "nplot_barbs");
            if (!vx || !vy) {
                nplot__fail(ax->fig, ND_ENOMEM, "nplot: out of memory drawing a barb of %zu "
                                                "vertices", need);
                break;
            }
            cap = need;
        }
        size_t nv = barb_shape(vs, mag, vs->flip[i], vx, vy, cap);
        /* rotate(-angle) with matplotlib's angle = -(atan2(v, u) + pi / 2) */
        double phi = atan2(vs->v[i], vs->u[i]) + M_PI / 2, c = cos(phi), s = sin(phi);
        for (size_t j = 0; j < nv; j++) {
            double dx = (vx[j] * c - vy[j] * s) * k, dy = (vx[j] * s + vy[j] * c) * k;
            if (j == 0) cairo_move_to(cr, px + dx, py - dy);
            else cairo_line_to(cr, px + dx, py - dy);
        }
        cairo_close_path(cr);
        rgba face = a->colors ? a->colors[i] : a->face;
        /* A barb retraces its staff (and a calm circle itself); Agg adds the coverage of
         * both passes, so matplotlib's barbs look heavier than one stroke of the width.
         * Two strokes give the same weight on raster targets (grouped, so alpha applies
         * once); vector targets get the exact path once (and no group: cairo 1.16's SVG
         * backend leaks group surfaces used as sources). */
        bool group = a->alpha < 1 && twice;
        if (group) cairo_push_group(cr);
        set_color(cr, face, group ? 1 : a->alpha);
        cairo_fill_preserve(cr);
        set_color(cr, a->edge_is_face ? face : a->edge, group ? 1 : a->alpha);
        if (twice) cairo_stroke_preserve(cr);
        cairo_stroke(cr);
        if (group) {
            cairo_pop_group_to_source(cr);
            cairo_paint_with_alpha(cr, a->alpha);
        }
    }
    nd_free_mem(vx);
    nd_free_mem(vy);
}

/* ---- streamplot ----------------------------------------------------------------------------- */
/* numpy.isclose(a, b) with its default tolerances (rtol 1e-5, atol 1e-8). */
static bool isclose(double a, double b)
{
    return fabs(a - b) <= 1e-8 + 1e-5 * fabs(b);
}

/* One axis of the grid: 1-D x (or y), or the first row of a 2-D x (first column of a 2-D
 * y) when every row (column) repeats it; increasing and evenly spaced as numpy.allclose
 * judges. */
static nd_status grid_axis(nplot_axes *ax, const nd_array *a, bool is_x, double **out, size_t *n,
                           const char *who)
{
    nplot_figure *fig = ax->fig;
    const char *name = is_x ? "x" : "y";
    double *all = NULL;
    size_t total = 0;
    *out = NULL;
    int nd = nd_ndim(a);
    if (nd < 1 || nd > 2)
        return nplot__fail(fig, ND_ESHAPE, "%s: %s must be 1-D or 2-D, got %d dimensions", who,
                           name, nd);
    nd_status st = nplot__to_f64(fig, a, &all, &total, name, who);
    if (st) return st;
    size_t rows = nd == 2 ? (size_t)nd_shape(a)[0] : 1, cols = nd == 2 ? (size_t)nd_shape(a)[1] : total;
    size_t len = total == 0 ? 0 : nd == 1 || is_x ? cols : rows;
    double *g = nd_malloc(sizeof(double) * (len ? len : 1), who);
    if (!g) {
        nd_free_mem(all);
        return nplot__fail(fig, ND_ENOMEM, "%s: out of memory", who);
    }
    for (size_t i = 0; i < len; i++) g[i] = nd == 1 ? all[i] : is_x ? all[i] : all[i * cols];
    for (size_t r = 0; nd == 2 && r < rows && !st; r++)
        for (size_t c = 0; c < cols && !st; c++) {
            if (!isclose(all[r * cols + c], g[is_x ? c : r]))
                st = nplot__fail(fig, ND_EVALUE, "%s: the %s of %s must be equal", who,
                                 is_x ? "rows" : "columns", name);
        }
    nd_free_mem(all);
    if (!st && len < 2)
        st = nplot__fail(fig, ND_EVALUE, "%s: %s needs at least 2 grid points, got %zu", who,
                         name, len);
    for (size_t i = 1; i < len && !st; i++)
        if (!(g[i] > g[i - 1]))
            st = nplot__fail(fig, ND_EVALUE, "%s: '%s' must be strictly increasing", who, name);
    for (size_t i = 1; i < len && !st; i++) {
        if (!isclose(g[i] - g[i - 1], (g[len - 1] - g[0]) / (double)(len - 1)))
            st = nplot__fail(fig, ND_EVALUE, "%s: '%s' values must be equally spaced", who, name);
    }
    if (st) {
        nd_free_mem(g);
        return st;
    }
    *out = g;
    *n = len;
    return ND_OK;
}

/* A (ny, nx) array option as float64, or NULL when not given; ND_ESHAPE naming the shapes. */
static nd_status grid_values(nplot_axes *ax, const nd_array *a, size_t nx, size_t ny,
                             const char *name, double **out, const char *who)
{
    *out = NULL;
    if (!a) return ND_OK;
    char b[64];
    if (nd_ndim(a) != 2 || (size_t)nd_shape(a)[0] != ny || (size_t)nd_shape(a)[1] != nx)
        return nplot__fail(ax->fig, ND_ESHAPE, "%s: %s must have the grid's shape (%zu, %zu), "
                                               "got %s", who, name, ny, nx, shape_str(a, b, sizeof b));
    size_t n;
    return nplot__to_f64(ax->fig, a, out, &n, name, who);
}

typedef struct stream_inputs {
    double *gx, *gy, *u, *v, *lw, *c, *speed, *sx, *sy;
    size_t nx, ny, nstart;
} stream_inputs;

static void stream_inputs_free(stream_inputs *s)
{
    double *p[] = { s->gx, s->gy, s->u, s->v, s->lw, s->c, s->speed, s->sx, s->sy };
    for (size_t i = 0; i < sizeof p / sizeof *p; i++) nd_free_mem(p[i]);
}

/* The start points (n, 2) in grid coordinates; each must lie in the grid. */
static nd_status start_points(nplot_axes *ax, const nd_array *sp, stream_inputs *s, const char *who)
{
    nplot_figure *fig = ax->fig;
    if (!sp) return ND_OK;
    char b[64];
    if (nd_ndim(sp) != 2 || nd_shape(sp)[1] != 2)
        return nplot__fail(fig, ND_ESHAPE, "%s: start_points must have shape (n, 2), got %s", who,
                           shape_str(sp, b, sizeof b));
    double *p;
    size_t n;
    nd_status st = nplot__to_f64(fig, sp, &p, &n, "start_points", who);
    if (st) return st;
    n /= 2;
    s->sx = nd_malloc(sizeof(double) * (n ? n : 1), who);
    s->sy = nd_malloc(sizeof(double) * (n ? n : 1), who);
    if (!s->sx || !s->sy) st = nplot__fail(fig, ND_ENOMEM, "%s: out of memory", who);
    double x0 = s->gx[0], x1 = s->gx[s->nx - 1], y0 = s->gy[0], y1 = s->gy[s->ny - 1];
    double dx = s->gx[1] - x0, dy = s->gy[1] - y0;
    for (size_t i = 0; i < n && !st; i++) {
        double x = p[2 * i], y = p[2 * i + 1];
        if (!(x >= x0 && x <= x1 && y >= y0 && y <= y1))
            st = nplot__fail(fig, ND_EVALUE, "%s: starting point (%g, %g) is outside of the data "
                                             "boundaries [%g, %g] x [%g, %g]", who, x, y, x0, x1, y0, y1);
        else
            s->sx[i] = (x - x0) / dx, s->sy[i] = (y - y0) / dy;
    }
    nd_free_mem(p);
    s->nstart = n;
    return st;
}

static nd_status stream_read(nplot_axes *ax, const nd_array *x, const nd_array *y,
                             const nd_array *u, const nd_array *v,
                             const nplot_streamplot_opts *o, stream_inputs *s, const char *who)
{
    nplot_figure *fig = ax->fig;
    memset(s, 0, sizeof *s);
    if (!x || !y || !u || !v) return nplot__fail(fig, ND_EVALUE, "%s: x, y, u and v are required", who);
    nd_status st = grid_axis(ax, x, true, &s->gx, &s->nx, who);
    if (!st) st = grid_axis(ax, y, false, &s->gy, &s->ny, who);
    if (st) return st;
    char b1[64], b2[64];
    if (nd_ndim(u) != 2 || nd_ndim(v) != 2 || (size_t)nd_shape(u)[0] != s->ny ||
        (size_t)nd_shape(u)[1] != s->nx || (size_t)nd_shape(v)[0] != s->ny ||
        (size_t)nd_shape(v)[1] != s->nx)
        return nplot__fail(fig, ND_ESHAPE, "%s: u and v must have the grid's shape (%zu, %zu), "
                                           "got %s and %s", who, s->ny, s->nx,
                           shape_str(u, b1, sizeof b1), shape_str(v, b2, sizeof b2));
    if ((st = grid_values(ax, u, s->nx, s->ny, "u", &s->u, who)) ||
        (st = grid_values(ax, v, s->nx, s->ny, "v", &s->v, who)) ||
        (st = grid_values(ax, o->linewidths, s->nx, s->ny, "linewidths", &s->lw, who)) ||
        (st = grid_values(ax, o->c, s->nx, s->ny, "c", &s->c, who)) ||
        (st = start_points(ax, o->start_points, s, who)))
        return st;
    size_t n = s->nx * s->ny;
    s->speed = nd_malloc(sizeof(double) * n, who);
    if (!s->speed) return nplot__fail(fig, ND_ENOMEM, "%s: out of memory", who);
    /* components in grid cells per unit time; the speed in domain fractions */
    double dx = s->gx[1] - s->gx[0], dy = s->gy[1] - s->gy[0];
    for (size_t i = 0; i < n; i++) {
        s->u[i] /= dx;
        s->v[i] /= dy;
        s->speed[i] = hypot(s->u[i] / (double)(s->nx - 1), s->v[i] / (double)(s->ny - 1));
    }
    return ND_OK;
}

/* The lines' mappable. matplotlib: Normalize(c.min(), c.max()) over the grid's finite
 * values; a norm given instead is autoscaled by the LineCollection, over its segments'
 * values (c at every point of a line but its last). */
static nd_status stream_mappable(nplot_figure *fig, const stream_inputs *s, const stream_lines *tr,
                                 const nplot_streamplot_opts *o, mappable *m, const char *who)
{
    if (!o->norm) return nplot__mappable_init(fig, m, o->cmap, NULL, o->vmin, o->vmax, s->c, s->nx * s->ny, who);
    double *v = nd_malloc(sizeof(double) * (tr->n ? tr->n : 1), who);
    if (!v) return nplot__fail(fig, ND_ENOMEM, "%s: out of memory", who);
    size_t k = 0;
    for (size_t l = 0; l < tr->nlines; l++)
        for (size_t i = tr->start[l]; i + 1 < tr->start[l + 1]; i++)
            v[k++] = nplot__grid_interp(s->c, s->nx, s->ny, tr->x[i], tr->y[i]);
    nd_status st = nplot__mappable_init(fig, m, o->cmap, o->norm, o->vmin, o->vmax, v, k, who);
    nd_free_mem(v);
    return st;
}

/* The streamlines (NaN-separated, data coordinates) with their per-point colors and
 * widths, and one arrow per line at the middle of its arc length. */
static nd_status stream_artists(nplot_axes *ax, const stream_inputs *s, const stream_lines *tr,
                                const nplot_streamplot_opts *o, const mappable *m, rgba color,
                                double lw, int arrowstyle, const char *who)
{
    nplot_figure *fig = ax->fig;
    size_t nl = tr->nlines, nv = tr->n + (nl ? nl - 1 : 0);
    artist *lines = vec_artist(ax, VEC_STREAMLINES, 0, false, who);
    if (!lines) return fig->status;
    lines->legend_kind = LEGEND_LINE;
    lines->zorder = o->zorder ? o->zorder : 2;
    lines->lp.color = color;
    lines->lp.lw = lw;
    lines->n = nv;
    lines->x = nd_malloc(sizeof(double) * (nv ? nv : 1), who);
    lines->y = nd_malloc(sizeof(double) * (nv ? nv : 1), who);
    if (s->c) lines->colors = nd_malloc(sizeof(rgba) * (nv ? nv : 1), who);
    if (s->lw) lines->sizes = nd_malloc(sizeof(double) * (nv ? nv : 1), who);
    if (!lines->x || !lines->y || (s->c && !lines->colors) || (s->lw && !lines->sizes))
        return nplot__fail(fig, ND_ENOMEM, "%s: out of memory for %zu points", who, nv);
    if (m->on) lines->map = *m;
    double x0 = s->gx[0], y0 = s->gy[0], dx = s->gx[1] - x0, dy = s->gy[1] - y0;
    size_t p = 0;
    for (size_t l = 0; l < nl; l++) {
        if (l) {
            lines->x[p] = lines->y[p] = NAN;
            if (lines->colors) lines->colors[p] = color;
            if (lines->sizes) lines->sizes[p] = 0;
            p++;
        }
        for (size_t i = tr->start[l]; i < tr->start[l + 1]; i++, p++) {
            lines->x[p] = x0 + tr->x[i] * dx;
            lines->y[p] = y0 + tr->y[i] * dy;
            if (s->c)
                lines->colors[p] = nplot__map_color(m, nplot__grid_interp(s->c, s->nx, s->ny, tr->x[i], tr->y[i]));
            if (s->lw) lines->sizes[p] = nplot__grid_interp(s->lw, s->nx, s->ny, tr->x[i], tr->y[i]);
        }
    }
    if (o->label && !(lines->label = nplot__strdup(fig, o->label, who))) return fig->status;
    nplot__update_datalim(ax, lines);
    if (o->lines_out) {
        double *xy = nd_malloc(sizeof(double) * 2 * (nv ? nv : 1), who);
        if (!xy) return nplot__fail(fig, ND_ENOMEM, "%s: out of memory", who);
        for (size_t i = 0; i < nv; i++) xy[2 * i] = lines->x[i], xy[2 * i + 1] = lines->y[i];
        *o->lines_out = nd_from_buffer(xy, 2, (const ptrdiff_t[]){ (ptrdiff_t)nv, 2 }, ND_FLOAT64);
        nd_free_mem(xy);
        if (!*o->lines_out) return nplot__fail(fig, ND_ENOMEM, "%s: out of memory", who);
    }
    if (arrowstyle < 0) return ND_OK;
    artist *arrows = vec_artist(ax, VEC_STREAMARROWS, nl, false, who);
    if (!arrows) return fig->status;
    vector_set *vs = arrows->vec;
    vs->arrowsize = NPLOT_OPT(o->arrowsize, 1.0);
    vs->arrowstyle = arrowstyle;
    arrows->zorder = lines->zorder;
    arrows->autoscale = false;
    arrows->face = color;
    arrows->edge_lw = lw;
    arrows->n = nl;
    arrows->x = nd_malloc(sizeof(double) * (nl ? nl : 1), who);
    arrows->y = nd_malloc(sizeof(double) * (nl ? nl : 1), who);
    if (s->c) arrows->colors = nd_malloc(sizeof(rgba) * (nl ? nl : 1), who);
    if (s->lw) arrows->sizes = nd_malloc(sizeof(double) * (nl ? nl : 1), who);
    if (!arrows->x || !arrows->y || (s->c && !arrows->colors) || (s->lw && !arrows->sizes))
        return nplot__fail(fig, ND_ENOMEM, "%s: out of memory", who);
    /* the first point at or past half the arc length (numpy.searchsorted), its line point
     * p in `lines` (past the separators) */
    const double *lx = lines->x, *ly = lines->y;
    for (size_t l = 0, base = 0; l < nl; base += tr->start[l + 1] - tr->start[l] + 1, l++) {
        size_t end = base + tr->start[l + 1] - tr->start[l]; /* one past the line's points */
        double total = 0, run = 0;
        for (size_t i = base + 1; i < end; i++) total += hypot(lx[i] - lx[i - 1], ly[i] - ly[i - 1]);
        size_t q = base;
        while (q + 2 < end && (run += hypot(lx[q + 1] - lx[q], ly[q + 1] - ly[q])) < total / 2) q++;
        arrows->x[l] = lines->x[q];
        arrows->y[l] = lines->y[q];
        vs->u[l] = (lines->x[q] + lines->x[q + 1]) / 2;
        vs->v[l] = (lines->y[q] + lines->y[q + 1]) / 2;
        if (arrows->colors) arrows->colors[l] = lines->colors[q];
        if (arrows->sizes) arrows->sizes[l] = lines->sizes[q];
    }
    return ND_OK;
}

nd_status nplot_streamplot_(nplot_axes *ax, const nd_array *x, const nd_array *y,
                            const nd_array *u, const nd_array *v, const nplot_streamplot_opts *o)
{
    static const char *who = "nplot_streamplot";
    CHECK_AX(ax, who);
    nplot_figure *fig = ax->fig;
    o = NPLOT__OPTS(o, nplot_streamplot_opts);
    if (bad_size(o->density) || bad_size(o->density_y) || bad_size(o->linewidth) ||
        bad_size(o->arrowsize) || bad_size(o->minlength) || bad_size(o->maxlength))
        return nplot__fail(fig, ND_EVALUE, "%s: density, linewidth, arrowsize, minlength and "
                                           "maxlength must be finite and >= 0", who);
    int arrowstyle = 0, direction = 0;
    if (o->arrowstyle) {
        static const char *const styles[] = { "-|>", "->", "-" };
        if ((arrowstyle = parse_name(o->arrowstyle, styles, 3)) < 0)
            return nplot__fail(fig, ND_EVALUE, "%s: arrowstyle must be '-|>', '->' or '-', got "
                                               "'%s'", who, o->arrowstyle);
        if (arrowstyle == 2) arrowstyle = -1;
    }
    if (o->integration_direction) {
        static const char *const dirs[] = { "backward", "both", "forward" };
        if ((direction = parse_name(o->integration_direction, dirs, 3)) < 0)
            return nplot__fail(fig, ND_EVALUE, "%s: integration_direction must be 'both', "
                                               "'forward' or 'backward', got '%s'", who,
                               o->integration_direction);
        direction -= 1;
    }
    if (o->color && o->c)
        return nplot__fail(fig, ND_EVALUE, "%s: give either color or c values, not both", who);
    double dens_x = NPLOT_OPT(o->density, 1.0), dens_y = NPLOT_OPT(o->density_y, dens_x);
    size_t mnx = (size_t)fmin(30 * dens_x, 1e4), mny = (size_t)fmin(30 * dens_y, 1e4);
    if (mnx < 2 || mny < 2)
        return nplot__fail(fig, ND_EVALUE, "%s: density %g x %g gives a mask under 2 cells a side "
                                           "(30 x density)", who, dens_x, dens_y);
    mappable m = { 0 };
    stream_inputs s;
    nd_status st = stream_read(ax, x, y, u, v, o, &s, who);
    if (st) {
        stream_inputs_free(&s);
        return st;
    }
    /* matplotlib: the next color of the line cycle unless one is given */
    rgba color = o->color ? (rgba){ 0, 0, 0, 1 } : nplot__next_line_color(ax);
    st = opt_color(ax, o->color, color, &color, who);
    if (st) {
        stream_inputs_free(&s);
        return st;
    }
    stream_field f = { s.nx, s.ny, s.u, s.v, s.speed, mnx, mny, NPLOT_OPT(o->minlength, 0.1),
                       NPLOT_OPT(o->maxlength, 4.0), direction, o->broken_streamlines != NPLOT_OFF };
    if (direction == 0) f.maxlength /= 2;
    stream_lines tr;
    if (nplot__stream_trace(&f, s.sx, s.sy, s.nstart, &tr, who)) {
        st = nplot__fail(fig, nd_last_error(), "%s", nd_errmsg());
    } else {
        double lw = NPLOT_OPT(o->linewidth, fig->style->linewidth);
        if (s.c) st = stream_mappable(fig, &s, &tr, o, &m, who);
        if (!st) st = stream_artists(ax, &s, &tr, o, &m, color, lw, arrowstyle, who);
        nplot__stream_lines_free(&tr);
    }
    /* matplotlib: the grid's edges are sticky, no margin reaches past them */
    if (!st) st = nplot__add_sticky(ax, true, s.gx[0], who);
    if (!st) st = nplot__add_sticky(ax, true, s.gx[s.nx - 1], who);
    if (!st) st = nplot__add_sticky(ax, false, s.gy[0], who);
    if (!st) st = nplot__add_sticky(ax, false, s.gy[s.ny - 1], who);
    stream_inputs_free(&s);
    return st;
}

static void draw_streamlines(render_ctx *rc, nplot_axes *ax, artist *a)
{
    cairo_t *cr = rc->cr;
    xform tf = nplot__xform(ax);
    cairo_set_line_join(cr, CAIRO_LINE_JOIN_ROUND);
    cairo_set_line_cap(cr, CAIRO_LINE_CAP_BUTT);
    cairo_set_dash(cr, NULL, 0, 0);
    bool each = a->colors || a->sizes; /* a LineCollection: one stroke per segment */
    bool open = false;
    double lx = 0, ly = 0;
    for (size_t i = 0; i < a->n; i++) {
        double px, py;
        nplot__to_dev(rc, ax, &tf, COORD_DATA, COORD_DATA, a->x[i], a->y[i], &px, &py);
        bool ok = isfinite(px) && isfinite(py);
        if (ok && open && each) {
            cairo_move_to(cr, lx, ly);
            cairo_line_to(cr, px, py);
            set_color(cr, a->colors ? a->colors[i - 1] : a->lp.color, a->alpha);
            cairo_set_line_width(cr, (a->sizes ? a->sizes[i - 1] : a->lp.lw) * rc->scale);
            cairo_stroke(cr);
        } else if (ok && !each) {
            if (open) cairo_line_to(cr, px, py);
            else cairo_move_to(cr, px, py);
        }
        open = ok;
        lx = px, ly = py;
    }
    if (!each) {
        set_color(cr, a->lp.color, a->alpha);
        cairo_set_line_width(cr, a->lp.lw * rc->scale);
        cairo_stroke(cr);
    }
}

/* matplotlib's FancyArrowPatch(tail, head, arrowstyle, mutation_scale = 10 * arrowsize):
 * a head 0.4 long and 0.2 wide (half) of the mutation scale whose stroked outline ends at
 * the head point; "-|>" is filled, "->" two strokes. */
static void draw_stream_arrows(render_ctx *rc, nplot_axes *ax, artist *a)
{
    const vector_set *vs = a->vec;
    cairo_t *cr = rc->cr;
    xform tf = nplot__xform(ax);
    double ms = 10 * vs->arrowsize * rc->scale, hl = 0.4 * ms, hw = 0.2 * ms;
    double sin_t = 0.2 / hypot(0.4, 0.2);
    cairo_set_line_join(cr, CAIRO_LINE_JOIN_ROUND);
    cairo_set_line_cap(cr, CAIRO_LINE_CAP_ROUND);
    cairo_set_dash(cr, NULL, 0, 0);
    for (size_t i = 0; i < vs->n; i++) {
        double tx, ty, hx, hy;
        nplot__to_dev(rc, ax, &tf, COORD_DATA, COORD_DATA, a->x[i], a->y[i], &tx, &ty);
        nplot__to_dev(rc, ax, &tf, COORD_DATA, COORD_DATA, vs->u[i], vs->v[i], &hx, &hy);
        double d = hypot(hx - tx, hy - ty);
        if (!isfinite(d)) continue;
        double ux = d > 0 ? (hx - tx) / d : 1, uy = d > 0 ? (hy - ty) / d : 0;
        double lw = (a->sizes ? a->sizes[i] : a->edge_lw) * rc->scale;
        double pad = 0.5 * lw / sin_t;
        double px = hx - ux * pad, py = hy - uy * pad, bx = px - ux * hl, by = py - uy * hl;
        rgba c = a->colors ? a->colors[i] : a->face;
        set_color(cr, c, a->alpha);
        cairo_set_line_width(cr, lw);
        cairo_move_to(cr, tx, ty);
        cairo_line_to(cr, px, py);
        cairo_stroke(cr);
        cairo_move_to(cr, bx - uy * hw, by + ux * hw);
        cairo_line_to(cr, px, py);
        cairo_line_to(cr, bx + uy * hw, by - ux * hw);
        if (vs->arrowstyle == 0) {
            cairo_close_path(cr);
            cairo_fill_preserve(cr);
        }
        cairo_stroke(cr);
    }
}

void nplot__draw_vectors(render_ctx *rc, nplot_axes *ax, artist *a)
{
    cairo_t *cr = rc->cr;
    cairo_save(cr);
    cairo_new_path(cr);
    /* the key sits anywhere on the figure (often above the axes); the rest is clipped */
    if (a->vec->type != VEC_QUIVERKEY) {
        cairo_rectangle(cr, ax->dev[0], ax->dev[1], ax->dev[2] - ax->dev[0], ax->dev[3] - ax->dev[1]);
        cairo_clip(cr);
    }
    switch (a->vec->type) {
    case VEC_QUIVER: draw_quiver(rc, ax, a); break;
    case VEC_QUIVERKEY: draw_quiverkey(rc, ax, a); break;
    case VEC_BARBS: draw_barbs(rc, ax, a); break;
    case VEC_STREAMLINES: draw_streamlines(rc, ax, a); break;
    default: draw_stream_arrows(rc, ax, a); break;
    }
    cairo_new_path(cr);
    cairo_restore(cr);
}
