/* annotate: text with an arrow to a point, drawn as matplotlib's Annotation: a
 * FancyArrowPatch (ArrowStyle along a ConnectionStyle path from the text box to the point,
 * clipped at the text's bbox patch and shrunk by shrinkA / shrinkB, fancy.c), then the
 * text's FancyBboxPatch and the text. Also the bbox patch, rotation_mode and multi-line
 * alignment of plain text (nplot__draw_text_artist). */
#include "plot_render.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

nd_status nplot_annotate_(nplot_axes *ax, const char *s, double x, double y,
                               const nplot_annotate_opts *o)
{
    static const char *who = "nplot_annotate";
    if (!ax) return nd_set_error(ND_EVALUE, "%s: axes is NULL", who);
    nd_status st = nplot__check(ax->fig);
    if (st) return st;
    o = NPLOT__OPTS(o, nplot_annotate_opts);
    nplot_figure *fig = ax->fig;
    int xyc = nplot__parse_coords(o->xycoords);
    if (xyc < 0 || xyc == COORD_OFFSET)
        return nplot__fail(fig, ND_EVALUE, "%s: xycoords must be 'data', 'axes fraction' or "
                                           "'figure fraction', got '%s'", who, o->xycoords);
    double unit = 1; /* offset textcoords: points per unit (-1: pixels, -2: font sizes) */
    int tc = xyc;
    if (o->textcoords && !strcmp(o->textcoords, "offset pixels")) tc = COORD_OFFSET, unit = -1;
    else if (o->textcoords && !strcmp(o->textcoords, "offset fontsize")) tc = COORD_OFFSET, unit = -2;
    else if (o->textcoords) tc = nplot__parse_coords(o->textcoords);
    if (tc < 0)
        return nplot__fail(fig, ND_EVALUE, "%s: unknown textcoords '%s' (valid: 'data', 'axes "
                                           "fraction', 'figure fraction', 'offset points', 'offset "
                                           "pixels', 'offset fontsize')", who, o->textcoords);
    fstyle as = { .kind = -1 }, cs;
    if (o->arrowstyle && nplot__arrowstyle_parse(o->arrowstyle, &as, who))
        return nplot__fail(fig, ND_EVALUE, "%s", nd_errmsg());
    if (nplot__connstyle_parse(o->connectionstyle ? o->connectionstyle : "arc3", &cs, who))
        return nplot__fail(fig, ND_EVALUE, "%s", nd_errmsg());
    if (o->arrowstyle && nplot__arrowstyle_needs_quad(&as) && cs.kind != CNS_ARC3 &&
        cs.kind != CNS_ANGLE3)
        return nplot__fail(fig, ND_EVALUE, "%s: arrowstyle '%s' needs a quadratic Bezier path: "
                                           "connectionstyle 'arc3' or 'angle3', got '%s'", who,
                           o->arrowstyle, o->connectionstyle);
    if (!isfinite(x) || !isfinite(y))
        return nplot__fail(fig, ND_EVALUE, "%s: xy (%g, %g) must be finite", who, x, y);
    if (NPLOT__CHECK_LEN(fig, who, "xytext", o->xytext, 2, "it takes")) return fig->status;
    if (NPLOT__CHECK_LEN(fig, who, "relpos", o->relpos, 2, "it takes")) return fig->status;
    double tx = o->xytext.v ? o->xytext.v[0] : (tc == COORD_OFFSET ? 0 : x);
    double ty = o->xytext.v ? o->xytext.v[1] : (tc == COORD_OFFSET ? 0 : y);
    if (!isfinite(tx) || !isfinite(ty))
        return nplot__fail(fig, ND_EVALUE, "%s: xytext (%g, %g) must be finite", who, tx, ty);
    if (o->relpos.v && (!isfinite(o->relpos.v[0]) || !isfinite(o->relpos.v[1])))
        return nplot__fail(fig, ND_EVALUE, "%s: relpos must be finite", who);
    if (!(o->arrow_linewidth >= 0) || !(o->shrink >= 0) || !(o->shrinkA >= 0) || !(o->shrinkB >= 0) ||
        !(o->mutation_scale >= 0) || !isfinite(o->arrow_linewidth + o->shrink + o->shrinkA + o->shrinkB +
                                               o->mutation_scale))
        return nplot__fail(fig, ND_EVALUE, "%s: arrow_linewidth, shrink, shrinkA, shrinkB and "
                                           "mutation_scale must be finite and >= 0", who);
    rgba color = { 0 }, face, edge = { 0, 0, 0, 1 };
    bool has_color = o->arrowcolor != NULL;
    if (has_color && nplot__color(o->arrowcolor, fig->style, &color, who))
        return nplot__fail(fig, ND_EVALUE, "%s", nd_errmsg());
    if (nplot__color("C0", fig->style, &face, who)) return nplot__fail(fig, ND_EVALUE, "%s", nd_errmsg());
    if (has_color) face = edge = color;
    if (o->arrow_facecolor && nplot__color(o->arrow_facecolor, fig->style, &face, who))
        return nplot__fail(fig, ND_EVALUE, "%s", nd_errmsg());
    if (o->arrow_edgecolor && nplot__color(o->arrow_edgecolor, fig->style, &edge, who))
        return nplot__fail(fig, ND_EVALUE, "%s", nd_errmsg());
    nplot_text_opts to = o->text;
    to.coords = NULL;
    artist *a;
    st = nplot__text_artist(ax, ART_ANNOTATE, x, y, s, &to, &a, who);
    if (st) return st;
    a->xcoord = a->ycoord = xyc;
    a->tx = tx;
    a->ty = ty;
    a->tcoord = tc;
    a->toff_unit = unit;
    a->arrow = o->arrowstyle ? 1 : 0;
    a->arrow_st = as;
    a->conn_st = cs;
    a->arrow_color = edge;
    a->arrow_face = face;
    a->arrow_lw = NPLOT_OPT(o->arrow_linewidth, 1);
    a->shrink = NPLOT_OPT(o->shrink, 2);
    a->shrinkA = o->shrinkA > 0 ? (o->shrinkA == NPLOT_ZERO ? 0 : o->shrinkA) : a->shrink;
    a->shrinkB = o->shrinkB > 0 ? (o->shrinkB == NPLOT_ZERO ? 0 : o->shrinkB) : a->shrink;
    a->mutation = o->mutation_scale;
    a->relpos[0] = o->relpos.v ? o->relpos.v[0] : 0.5;
    a->relpos[1] = o->relpos.v ? o->relpos.v[1] : 0.5;
    /* as matplotlib, the annotated point does not take part in autoscaling */
    a->autoscale = false;
    return ND_OK;
}

/* ---- drawing ------------------------------------------------------------------------------------ */
/* Trace a y-up display path (fancy.c) on cairo's y-down device. */
static void trace(cairo_t *cr, const fpath *p)
{
    double cx = 0, cy = 0;
    cairo_new_path(cr);
    for (size_t i = 0; i < p->n; i++) {
        double x = p->x[i], y = -p->y[i];
        switch (p->c[i]) {
        case FP_MOVETO: cairo_move_to(cr, x, y); break;
        case FP_LINETO: cairo_line_to(cr, x, y); break;
        case FP_CLOSE: cairo_close_path(cr); break;
        case FP_CURVE3:
            if (i + 1 < p->n) { /* quadratic as cubic */
                double x2 = p->x[i + 1], y2 = -p->y[i + 1];
                cairo_curve_to(cr, cx + 2. / 3 * (x - cx), cy + 2. / 3 * (y - cy), x2 + 2. / 3 * (x - x2),
                               y2 + 2. / 3 * (y - y2), x2, y2);
                i++;
                x = x2, y = y2;
            }
            break;
        case FP_CURVE4:
            if (i + 2 < p->n) {
                cairo_curve_to(cr, x, y, p->x[i + 1], -p->y[i + 1], p->x[i + 2], -p->y[i + 2]);
                x = p->x[i + 2], y = -p->y[i + 2];
                i += 2;
            }
            break;
        default: break;
        }
        if (p->c[i] != FP_CLOSE) cx = x, cy = y;
    }
}

/* Lay out and place the text of a text / annotate artist (multialignment, rotation_mode). */
static bbox place(render_ctx *rc, const artist *a, const text_box *tb, double x, double y, bool draw)
{
    if (tb->layout) {
        int al = a->multialign >= 0 ? a->multialign : a->ha;
        pango_layout_set_alignment(tb->layout, al == HA_LEFT    ? PANGO_ALIGN_LEFT
                                               : al == HA_RIGHT ? PANGO_ALIGN_RIGHT
                                                                : PANGO_ALIGN_CENTER);
    }
    /* the artist's own path effects, else the figure's rc ones */
    rc->text_fx = a->fx;
    rc->text_nfx = a->nfx;
    rc->text_fx_set = a->fx_set;
    bbox b = a->rot_anchor ? nplot__text_place_anchor(rc, tb, x, y, a->ha, a->va, a->rotation, &a->ts.color, draw)
                           : nplot__text_place(rc, tb, x, y, a->ha, a->va, a->rotation, &a->ts.color, draw);
    rc->text_fx_set = false;
    return b;
}

/* The FancyBboxPatch of the text (y-up display units) laid out in tb with bounding box b:
 * the boxstyle around the unrotated text, rotated about the text's centre. */
static void box_path(render_ctx *rc, const artist *a, const text_box *tb, bbox b, fpath *out)
{
    double w = tb->layout ? tb->w : 0, h = tb->layout ? tb->h : 0;
    double cx = (b.x0 + b.x1) / 2, cy = -(b.y0 + b.y1) / 2;
    *out = (fpath){ 0 };
    nplot__box_path(&a->box_st, -w / 2, -h / 2, w, h, a->ts.size * rc->scale, out);
    double r = a->rotation * M_PI / 180, c = cos(r), s = sin(r);
    for (size_t i = 0; i < out->n; i++) {
        double x = out->x[i], y = out->y[i];
        out->x[i] = cx + c * x - s * y;
        out->y[i] = cy + s * x + c * y;
    }
}

static void draw_box(render_ctx *rc, const artist *a, const fpath *p)
{
    cairo_t *cr = rc->cr;
    trace(cr, p);
    rgba f = a->bbox_face, e = a->bbox_edge;
    cairo_set_source_rgba(cr, f.r, f.g, f.b, f.a);
    cairo_fill_preserve(cr);
    double lw = a->bbox_lw * rc->scale;
    if (e.a > 0 && lw > 0) {
        cairo_set_source_rgba(cr, e.r, e.g, e.b, e.a);
        cairo_set_line_width(cr, lw);
        cairo_set_line_join(cr, CAIRO_LINE_JOIN_MITER);
        cairo_set_line_cap(cr, CAIRO_LINE_CAP_BUTT);
        nplot__set_dash(cr, a->bbox_ls, NULL, 0, lw, rc->scale);
        cairo_stroke(cr);
        cairo_set_dash(cr, NULL, 0, 0);
    }
    cairo_new_path(cr);
}

void nplot__draw_text_artist(render_ctx *rc, nplot_axes *ax, artist *a)
{
    xform tf = nplot__xform(ax);
    double px, py;
    nplot__to_dev(rc, ax, &tf, a->xcoord, a->ycoord, a->x[0], a->y[0], &px, &py);
    nplot__draw_text_at(rc, a, px, py);
}

void nplot__draw_text_at(render_ctx *rc, artist *a, double px, double py)
{
    if (!isfinite(px) || !isfinite(py)) return;
    text_box tb = nplot__text_layout(rc, a->text, &a->ts);
    if (a->bbox_style && tb.layout) {
        bbox b = place(rc, a, &tb, px, py, false);
        fpath bp;
        box_path(rc, a, &tb, b, &bp);
        if (!bp.oom) draw_box(rc, a, &bp);
        nplot__fp_free(&bp);
    }
    place(rc, a, &tb, px, py, true);
    nplot__text_free(&tb);
}

/* One path of an annotation's arrow, painted on the current path: filled when asked, then
 * stroked lw wide in the arrow's colours. */
typedef struct arrow_piece {
    const artist *a;
    bool fill;
    double lw;
} arrow_piece;

static void paint_arrow_piece(render_ctx *rc, void *ctx)
{
    const arrow_piece *p = ctx;
    cairo_t *cr = rc->cr;
    rgba f = p->a->arrow_face, e = p->a->arrow_color;
    cairo_set_line_cap(cr, CAIRO_LINE_CAP_ROUND);
    if (p->fill && f.a > 0) {
        cairo_set_source_rgba(cr, f.r, f.g, f.b, f.a);
        cairo_fill_preserve(cr);
    }
    if (p->lw > 0 && e.a > 0) {
        cairo_set_source_rgba(cr, e.r, e.g, e.b, e.a);
        cairo_set_line_width(cr, p->lw);
        cairo_stroke(cr);
    }
    cairo_new_path(cr);
}

/* The arrow of an annotation from the text's bounding box b to the device point (px, py);
 * box: the text's bbox patch (y-up) or NULL. */
static void draw_arrow(render_ctx *rc, const artist *a, const text_box *tb, bbox b, const fpath *box,
                       double px, double py)
{
    cairo_t *cr = rc->cr;
    double ax0 = b.x0 + (b.x1 - b.x0) * a->relpos[0];
    double ay0 = -b.y1 + (b.y1 - b.y0) * a->relpos[1];
    fpath rect = { 0 };
    fpatch patch = { 0 };
    if (box) {
        patch = (fpatch){ box, a->bbox_edge.a > 0 ? a->bbox_lw : 0 };
    } else if (tb->layout) { /* matplotlib: the text's extent padded by 2 points each side */
        double pad = 2 * rc->scale;
        nplot__fp_add(&rect, FP_MOVETO, b.x0 - pad, -b.y1 - pad);
        nplot__fp_add(&rect, FP_LINETO, b.x1 + pad, -b.y1 - pad);
        nplot__fp_add(&rect, FP_LINETO, b.x1 + pad, -b.y0 + pad);
        nplot__fp_add(&rect, FP_LINETO, b.x0 - pad, -b.y0 + pad);
        nplot__fp_add(&rect, FP_CLOSE, b.x0 - pad, -b.y1 - pad);
        patch = (fpatch){ &rect, 0 };
    }
    fpath path, out[3];
    bool fill[3];
    if (nplot__connect(&a->conn_st, ax0, ay0, px, -py, patch.path && !rect.oom ? &patch : NULL, NULL,
                       a->shrinkA * rc->scale, a->shrinkB * rc->scale, &path)) {
        nplot__fp_free(&rect);
        return;
    }
    double ms = (a->mutation > 0 ? a->mutation : a->ts.size) * rc->scale;
    double lw = a->arrow_lw * rc->scale;
    int m = nplot__arrow_transmute(&a->arrow_st, &path, ms, lw, out, fill);
    cairo_set_line_join(cr, CAIRO_LINE_JOIN_ROUND);
    cairo_set_line_cap(cr, CAIRO_LINE_CAP_ROUND);
    cairo_set_dash(cr, NULL, 0, 0);
    /* the arrow is matplotlib's FancyArrowPatch: the rc path.effects and path.sketch
     * (plt.xkcd) reach it, each of its paths reseeded */
    const nplot__style *st = a->ax->fig->style;
    struct nplot__fx rc_fx[1];
    double sk[3];
    bool sketched = nplot__sketch_rc(st, NULL, sk);
    for (int i = 0; i < m; i++) {
        trace(cr, &out[i]);
        arrow_piece piece = { a, fill[i], lw };
        fx_style fs = { .fx = rc_fx, .nfx = nplot__fx_rc(st, rc_fx), .sketch = sketched ? sk : NULL,
                        .has_face = fill[i] && a->arrow_face.a > 0, .face = a->arrow_face,
                        .edge = a->arrow_color, .alpha = 1, .lw = lw, .join = CAIRO_LINE_JOIN_ROUND,
                        .normal = paint_arrow_piece, .ctx = &piece };
        nplot__fx_paint(rc, &fs);
        cairo_new_path(cr);
        nplot__fp_free(&out[i]);
    }
    nplot__fp_free(&path);
    nplot__fp_free(&rect);
}

void nplot__draw_annotate(render_ctx *rc, nplot_axes *ax, artist *a)
{
    xform tf = nplot__xform(ax);
    double px, py; /* the annotated point */
    nplot__to_dev(rc, ax, &tf, a->xcoord, a->ycoord, a->x[0], a->y[0], &px, &py);
    if (!isfinite(px) || !isfinite(py)) return;
    double tx, ty;
    if (a->tcoord == COORD_OFFSET) {
        /* points; pixels are device units; font sizes are the text size in points */
        double u = a->toff_unit == -1 ? 1 : a->toff_unit == -2 ? a->ts.size * rc->scale : rc->scale;
        tx = px + a->tx * u;
        ty = py - a->ty * u;
    } else {
        nplot__to_dev(rc, ax, &tf, a->tcoord, a->tcoord, a->tx, a->ty, &tx, &ty);
    }
    if (!isfinite(tx) || !isfinite(ty)) return;
    text_box tb = nplot__text_layout(rc, a->text, &a->ts);
    bbox b = place(rc, a, &tb, tx, ty, false);
    fpath bp = { 0 };
    bool has_box = a->bbox_style && tb.layout;
    if (has_box) box_path(rc, a, &tb, b, &bp);
    if (bp.oom) has_box = false;
    if (a->arrow) draw_arrow(rc, a, &tb, b, has_box ? &bp : NULL, px, py);
    if (has_box) draw_box(rc, a, &bp);
    nplot__fp_free(&bp);
    place(rc, a, &tb, tx, ty, true);
    nplot__text_free(&tb);
}
