/* Drawing the scatter, polygon, segment and text artists. */
#include "plot_render.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

/* ---- drawing ----------------------------------------------------------------------------------------- */
/* Start painting a (2 points at least; false otherwise): save the state (the caller
 * restores it), clip to the axes, start an empty path and give the data transform. */
static bool begin_clipped(render_ctx *rc, nplot_axes *ax, const artist *a, xform *tf)
{
    cairo_t *cr = rc->cr;
    if (a->n < 2) return false;
    *tf = nplot__xform(ax);
    cairo_save(cr);
    cairo_rectangle(cr, ax->dev[0], ax->dev[1], ax->dev[2] - ax->dev[0], ax->dev[3] - ax->dev[1]);
    cairo_clip(cr);
    cairo_new_path(cr);
    return true;
}

/* Point i of a in device units, clamped to +-1e6 (cairo's fixed point); false when not
 * finite. */
static bool dev_point(render_ctx *rc, nplot_axes *ax, const xform *tf, const artist *a, size_t i,
                      double *px, double *py)
{
    const double lim = 1e6;
    nplot__to_dev(rc, ax, tf, a->xcoord, a->ycoord, a->x[i], a->y[i], px, py);
    if (!isfinite(*px) || !isfinite(*py)) return false;
    *px = nplot__clampd(*px, -lim, lim);
    *py = nplot__clampd(*py, -lim, lim);
    return true;
}

/* The device positions of a scatter's points, a part at a time (nplot__draw_markers_from). */
typedef struct scatter_points {
    render_ctx *rc;
    const nplot_axes *ax;
    const artist *a;
    xform tf;
} scatter_points;

static void scatter_points_at(void *ctx, size_t start, size_t n, double *xs, double *ys)
{
    const scatter_points *p = ctx;
    nplot__to_dev_n(p->rc, p->ax, &p->tf, p->a->xcoord, p->a->ycoord, p->a->x + start, p->a->y + start, n,
                    xs, ys);
}

void nplot__draw_scatter(render_ctx *rc, nplot_axes *ax, artist *a)
{
    size_t n = a->n;
    if (!n) return;
    rgba face = a->face, edge = a->edge;
    face.a *= a->alpha;
    edge.a *= a->alpha;
    bool filled = nplot__marker_filled((marker_kind)a->lp.marker);
    bool eif = a->edge_is_face || !filled;
    double lw = a->edge_lw * rc->scale;
    bbox clip = { ax->dev[0], ax->dev[1], ax->dev[2], ax->dev[3] };
    if (!a->sizes && !a->colors) { /* one marker class: positions streamed, not all held */
        scatter_points p = { rc, ax, a, nplot__xform(ax) };
        if (!nplot__draw_markers_from(rc, n, scatter_points_at, &p, a->lp.marker, sqrt(a->size) * rc->scale,
                                      face, edge, eif, lw, filled, &clip))
            nplot__fail(ax->fig, ND_ENOMEM, "nplot: out of memory drawing %zu markers", n);
        return;
    }
    double *dx = nd_malloc(sizeof(double) * n, "nplot"), *dy = nd_malloc(sizeof(double) * n, "nplot");
    double *sz = a->sizes ? nd_malloc(sizeof(double) * n, "nplot") : NULL;
    rgba *faces = a->colors && a->alpha < 1 ? nd_malloc(sizeof(rgba) * n, "nplot") : NULL;
    if (!dx || !dy || (a->sizes && !sz) || (a->colors && a->alpha < 1 && !faces)) {
        nd_free_mem(dx);
        nd_free_mem(dy);
        nd_free_mem(sz);
        nd_free_mem(faces);
        nplot__fail(ax->fig, ND_ENOMEM, "nplot: out of memory drawing %zu markers", n);
        return;
    }
    xform tf = nplot__xform(ax);
    nplot__to_dev_n(rc, ax, &tf, a->xcoord, a->ycoord, a->x, a->y, n, dx, dy);
    if (sz)
        for (size_t i = 0; i < n; i++) sz[i] = sqrt(a->sizes[i]) * rc->scale;
    const rgba *fc = a->colors;
    if (faces) {
        for (size_t i = 0; i < n; i++) {
            faces[i] = a->colors[i];
            faces[i].a *= a->alpha;
        }
        fc = faces;
    }
    nplot__draw_markers(rc, dx, dy, n, a->lp.marker, sqrt(a->size) * rc->scale, sz, face, fc, edge,
                        eif, lw, filled, &clip);
    nd_free_mem(dx);
    nd_free_mem(dy);
    nd_free_mem(sz);
    nd_free_mem(faces);
}

/* Polygon vertices closer than this (device pixels) to the simplified outline are
 * dropped (nplot__simplify): a 10,000-point fill_between has tens of vertices per pixel
 * column, and cairo's cost grows with them. Every dropped vertex lies within 1/32 pixel of
 * the outline, which moves an edge pixel's coverage by at most 1/32. */
#define POLY_SIMPLIFY_TOL (1.0 / 64)
static void paint_poly(render_ctx *rc, void *ctx);

void nplot__draw_poly(render_ctx *rc, nplot_axes *ax, artist *a)
{
    cairo_t *cr = rc->cr;
    xform tf;
    if (a->n < 2) return;
    double *dx = nd_malloc(sizeof(double) * a->n, "nplot"), *dy = nd_malloc(sizeof(double) * a->n, "nplot");
    if (!dx || !dy) {
        nd_free_mem(dx);
        nd_free_mem(dy);
        nplot__fail(ax->fig, ND_ENOMEM, "nplot: out of memory drawing a polygon of %zu vertices", a->n);
        return;
    }
    begin_clipped(rc, ax, a, &tf); /* n >= 2: true */
    nplot__to_dev_n(rc, ax, &tf, a->xcoord, a->ycoord, a->x, a->y, a->n, dx, dy);
    /* each run of finite vertices is a closed subpath, clamped to +-1e6 (cairo's fixed point) */
    const double lim = 1e6;
    nplot__pt_sink sink = { cr, NULL, NULL, 0 };
    size_t m = 0;
    for (size_t i = 0; i <= a->n; i++) {
        if (i < a->n && isfinite(dx[i]) && isfinite(dy[i])) {
            dx[i] = nplot__clampd(dx[i], -lim, lim);
            dy[i] = nplot__clampd(dy[i], -lim, lim);
            m++;
            continue;
        }
        if (m) {
            nplot__simplify(&sink, dx + i - m, dy + i - m, m, POLY_SIMPLIFY_TOL);
            cairo_close_path(cr);
        }
        m = 0;
    }
    nd_free_mem(dx);
    nd_free_mem(dy);
    cairo_set_fill_rule(cr, CAIRO_FILL_RULE_WINDING);
    fx_style st;
    double sk[3];
    if (nplot__patch_fx(a, a->face, &st, sk)) {
        st.lw *= rc->scale;
        st.normal = paint_poly;
        st.ctx = a;
        nplot__fx_paint(rc, &st);
    } else {
        paint_poly(rc, a);
    }
    cairo_new_path(cr);
    cairo_restore(cr);
}

/* A polygon artist's own painter of the current path: face, hatch, edge. */
static void paint_poly(render_ctx *rc, void *ctx)
{
    const artist *a = ctx;
    cairo_t *cr = rc->cr;
    if (a->has_face && a->face.a > 0) {
        cairo_set_source_rgba(cr, a->face.r, a->face.g, a->face.b, a->face.a * a->alpha);
        cairo_fill_preserve(cr);
    }
    if (a->hatch.any) nplot__hatch_paint(rc, &a->hatch, nplot__hatch_color(a), a->hatch_lw);
    if (a->has_edge && a->edge.a > 0) {
        cairo_set_source_rgba(cr, a->edge.r, a->edge.g, a->edge.b, a->edge.a * a->alpha);
        cairo_set_line_width(cr, a->edge_lw * rc->scale);
        cairo_set_line_join(cr, CAIRO_LINE_JOIN_MITER);
        cairo_set_dash(cr, NULL, 0, 0);
        cairo_stroke_preserve(cr);
    }
    cairo_new_path(cr);
}

void nplot__draw_segments(render_ctx *rc, nplot_axes *ax, artist *a)
{
    cairo_t *cr = rc->cr;
    xform tf;
    if (!begin_clipped(rc, ax, a, &tf)) return;
    for (size_t i = 0; i + 1 < a->n; i += 2) {
        double x0, y0, x1, y1;
        bool ok0 = dev_point(rc, ax, &tf, a, i, &x0, &y0);
        bool ok1 = dev_point(rc, ax, &tf, a, i + 1, &x1, &y1);
        if (!ok0 || !ok1) continue;
        cairo_move_to(cr, x0, y0);
        cairo_line_to(cr, x1, y1);
    }
    rgba c = a->lp.color;
    cairo_set_source_rgba(cr, c.r, c.g, c.b, c.a * a->alpha);
    double lw = a->lp.lw * rc->scale;
    cairo_set_line_width(cr, lw);
    nplot__set_dash(cr, a->lp.ls, NULL, 0, lw, rc->scale);
    cairo_set_line_cap(cr, CAIRO_LINE_CAP_BUTT);
    cairo_stroke(cr);
    cairo_restore(cr);
}

void nplot__text_bbox_patch(render_ctx *rc, const bbox *b, int style, rgba face, rgba edge,
                            double pad)
{
    cairo_t *cr = rc->cr;
    double x0 = b->x0 - pad, y0 = b->y0 - pad, x1 = b->x1 + pad, y1 = b->y1 + pad;
    cairo_new_path(cr);
    if (style == 2) {
        double r = fmin(pad, fmin(x1 - x0, y1 - y0) / 2);
        cairo_new_sub_path(cr);
        cairo_arc(cr, x1 - r, y0 + r, r, -M_PI / 2, 0);
        cairo_arc(cr, x1 - r, y1 - r, r, 0, M_PI / 2);
        cairo_arc(cr, x0 + r, y1 - r, r, M_PI / 2, M_PI);
        cairo_arc(cr, x0 + r, y0 + r, r, M_PI, 3 * M_PI / 2);
        cairo_close_path(cr);
    } else {
        cairo_rectangle(cr, x0, y0, x1 - x0, y1 - y0);
    }
    cairo_set_source_rgba(cr, face.r, face.g, face.b, face.a);
    cairo_fill_preserve(cr);
    cairo_set_source_rgba(cr, edge.r, edge.g, edge.b, edge.a);
    cairo_set_line_width(cr, 1.0 * rc->scale);
    cairo_set_dash(cr, NULL, 0, 0);
    cairo_stroke(cr);
}

/* nplot__draw_text_artist: draw_text.c (bbox patch, rotation_mode, multialignment) */
