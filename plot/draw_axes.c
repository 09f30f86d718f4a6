/* Drawing one axes: background, grid, artists in z-order, spines, ticks, tick labels,
 * axis labels, offset texts and titles. The decoration code also measures, so
 * tight_layout sees exactly what would be drawn. */
#include "plot_render.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

static double snap(const render_ctx *rc, double v)
{
    return rc->raster ? floor(v) + 0.5 : v;
}

static void bb_add(bbox *bb, bbox b)
{
    if (b.x1 <= b.x0 && b.y1 <= b.y0) return;
    bb->x0 = fmin(bb->x0, b.x0);
    bb->y0 = fmin(bb->y0, b.y0);
    bb->x1 = fmax(bb->x1, b.x1);
    bb->y1 = fmax(bb->y1, b.y1);
}

static void set_rgba(cairo_t *cr, rgba c, double alpha)
{
    cairo_set_source_rgba(cr, c.r, c.g, c.b, c.a * alpha);
}

/* Device coordinate of spine k's line (x for left/right, y for bottom/top): the axes edge,
 * or where set_position put it (outward points, an axes fraction, a data value). */
static double spine_at(const render_ctx *rc, const nplot_axes *ax, const xform *tf, int k)
{
    const double *d = ax->dev;
    bool vert = k == 0 || k == 2;
    double edge = k == 0 ? d[0] : k == 1 ? d[3] : k == 2 ? d[2] : d[1];
    double v = ax->spine_pos_v[k];
    switch (ax->spine_pos[k]) {
    case SPINE_POS_OUTWARD: {
        double out = k == 0 || k == 3 ? -1 : 1; /* left and top move toward smaller x / y */
        return edge + out * v * rc->scale;
    }
    case SPINE_POS_AXES:
        return vert ? d[0] + v * (d[2] - d[0]) : d[3] - v * (d[3] - d[1]);
    case SPINE_POS_DATA: {
        double px, py;
        nplot__to_dev((render_ctx *)rc, (nplot_axes *)ax, tf, COORD_DATA, COORD_DATA,
                      vert ? v : 1, vert ? 1 : v, &px, &py);
        double p = vert ? px : py;
        return isfinite(p) ? p : edge;
    }
    default:
        return edge;
    }
}

static text_style tick_ts(const render_ctx *rc, const tick_side *t)
{
    return (text_style){ t->labelsize, t->labelcolor, PANGO_WEIGHT_NORMAL, PANGO_STYLE_NORMAL,
                         rc->fig->style->font_family };
}

/* Draw the next texts with the effects of ax's part k (AXT_*) when it has its own; the
 * caller clears rc->text_fx_set afterwards. */
static void text_fx_use(render_ctx *rc, const nplot_axes *ax, int k)
{
    rc->text_fx = ax->text_fx[k].fx;
    rc->text_nfx = ax->text_fx[k].n;
    rc->text_fx_set = ax->text_fx[k].set;
}

/* Tick marks and labels of one axis on one side (side 0: bottom/left, 1: top/right).
 * Returns the bbox of the labels (and ticks). */
static bbox axis_side(render_ctx *rc, nplot_axes *ax, axis_state *a, bool x, int side, bool draw,
                      const xform *tf)
{
    cairo_t *cr = rc->cr;
    double s = rc->scale;
    bbox bb = { INFINITY, INFINITY, -INFINITY, -INFINITY };
    double edge = spine_at(rc, ax, tf, x ? (side == 0 ? 1 : 3) : (side == 0 ? 0 : 2));
    /* outward direction in device units */
    double outward = (x ? (side == 0 ? 1 : -1) : (side == 0 ? -1 : 1));
    double label_off = 0;
    for (int which = 0; which < 2; which++) {
        const tick_side *t = which == 0 ? &a->major : &a->minor;
        const double *locs = which == 0 ? a->ticks : a->minor_ticks;
        int n = which == 0 ? a->nticks : a->nminor;
        double len = t->length * s;
        double out_len = t->direction == 0 ? len : t->direction == 2 ? len / 2 : 0;
        double in_len = t->direction == 1 ? len : t->direction == 2 ? len / 2 : 0;
        if (which == 0) label_off = out_len + t->pad * s;
        const bool *on = which == 0 ? a->ticks_side : a->minor_side;
        if (!on[side] || len <= 0 || n == 0) continue;
        if (draw) {
            cairo_set_line_width(cr, t->width * s);
            cairo_set_dash(cr, NULL, 0, 0);
            cairo_set_line_cap(cr, CAIRO_LINE_CAP_BUTT);
            set_rgba(cr, t->color, 1);
        }
        double e = rc->raster ? round(edge) : edge;
        for (int i = 0; i < n; i++) {
            double px, py;
            nplot__to_dev(rc, ax, tf, COORD_DATA, COORD_DATA, x ? locs[i] : 1, x ? 1 : locs[i], &px, &py);
            double p = x ? px : py;
            if (!isfinite(p)) continue;
            p = snap(rc, p);
            double a0 = e - outward * in_len, a1 = e + outward * out_len;
            if (x) {
                if (draw) {
                    cairo_move_to(cr, p, a0);
                    cairo_line_to(cr, p, a1);
                }
                bb_add(&bb, (bbox){ p, fmin(a0, a1), p, fmax(a0, a1) });
            } else {
                if (draw) {
                    cairo_move_to(cr, a0, p);
                    cairo_line_to(cr, a1, p);
                }
                bb_add(&bb, (bbox){ fmin(a0, a1), p, fmax(a0, a1), p });
            }
        }
        if (draw) cairo_stroke(cr);
    }
    if (!a->labels_side[side] || a->hide_ticklabels) return bb;
    text_style ts = tick_ts(rc, &a->major);
    double pos = edge + outward * label_off;
    text_fx_use(rc, ax, x ? AXT_XTICKS : AXT_YTICKS);
    for (int i = 0; i < a->nticks; i++) {
        if (!a->ticklabels[i] || !a->ticklabels[i][0]) continue;
        double px, py;
        nplot__to_dev(rc, ax, tf, COORD_DATA, COORD_DATA, x ? a->ticks[i] : 1,
                      x ? 1 : a->ticks[i], &px, &py);
        text_box tb = nplot__text_layout(rc, a->ticklabels[i], &ts);
        bbox b;
        double rot = a->label_rotation;
        bbox (*place)(render_ctx *, const text_box *, double, double, int, int, double,
                      const rgba *, bool) = a->label_anchor ? nplot__text_place_anchor
                                                            : nplot__text_place;
        if (x) {
            int ha = a->label_ha >= 0 ? a->label_ha : HA_CENTER;
            b = place(rc, &tb, px, pos, ha, side == 0 ? VA_TOP : VA_BOTTOM, rot,
                      &a->major.labelcolor, draw);
        } else {
            int ha = a->label_ha >= 0 ? a->label_ha : (side == 0 ? HA_RIGHT : HA_LEFT);
            b = place(rc, &tb, pos, py, ha, rot == 0 ? VA_CENTER_BASELINE : VA_CENTER, rot,
                      &a->major.labelcolor, draw);
        }
        nplot__text_free(&tb);
        bb_add(&bb, b);
    }
    rc->text_fx_set = false;
    return bb;
}

/* Axis label and offset text beyond the tick labels of the labelled side. */
static void axis_labels(render_ctx *rc, nplot_axes *ax, axis_state *a, bool x, bool draw,
                        const bbox *ticks_bb, bbox *out)
{
    double s = rc->scale;
    int side = a->labels_side[0] || a->ticks_side[0] ? 0 : 1;
    if (a->labels_side[1] && !a->labels_side[0]) side = 1;
    xform tf = nplot__xform(ax);
    double edge = spine_at(rc, ax, &tf, x ? (side == 0 ? 1 : 3) : (side == 0 ? 0 : 2));
    bool have_ticks = ticks_bb->x1 >= ticks_bb->x0;
    /* offset text ("1e6", "+1e3") */
    if (a->offset_text && a->offset_text[0] && a->labels_side[side] && !a->hide_ticklabels) {
        text_style ts = tick_ts(rc, &a->major);
        text_box tb = nplot__text_layout(rc, a->offset_text, &ts);
        bbox b;
        if (x) {
            double y = side == 0 ? (have_ticks ? ticks_bb->y1 : edge) + 0 : (have_ticks ? ticks_bb->y0 : edge);
            b = nplot__text_place(rc, &tb, ax->dev[2], y, HA_RIGHT, side == 0 ? VA_TOP : VA_BOTTOM, 0,
                                  &a->major.labelcolor, draw);
        } else {
            double xx = side == 0 ? ax->dev[0] : ax->dev[2];
            b = nplot__text_place(rc, &tb, xx, ax->dev[1] - 2 * s, side == 0 ? HA_LEFT : HA_RIGHT,
                                  VA_BOTTOM, 0, &a->major.labelcolor, draw);
        }
        nplot__text_free(&tb);
        bb_add(out, b);
    }
    double *lpx = ax->label_px[x ? 0 : 1]; /* nplot_axis_label_pixel_box's (none: x0 > x1) */
    lpx[0] = 1, lpx[1] = 1, lpx[2] = 0, lpx[3] = 0;
    if (!a->label || !a->label[0]) return;
    text_box tb = nplot__text_layout(rc, a->label, &a->label_ts);
    bbox b;
    double pad = a->labelpad * s;
    /* the label's point: at loc along the axis, `pad` beyond the tick labels */
    const double *d = ax->dev;
    double along = x ? (a->label_loc == 1 ? d[0] : a->label_loc == 2 ? d[2] : (d[0] + d[2]) / 2)
                     : (a->label_loc == 1 ? d[3] : a->label_loc == 2 ? d[1] : (d[1] + d[3]) / 2);
    double across;
    if (x) across = side == 0 ? (have_ticks ? fmax(ticks_bb->y1, edge) : edge) + pad
                              : (have_ticks ? fmin(ticks_bb->y0, edge) : edge) - pad;
    else across = side == 0 ? (have_ticks ? fmin(ticks_bb->x0, edge) : edge) - pad
                            : (have_ticks ? fmax(ticks_bb->x1, edge) : edge) + pad;
    double px = x ? along : across, py = x ? across : along;
    text_fx_use(rc, ax, x ? AXT_XLABEL : AXT_YLABEL);
    if (x && (a->axlabel_rot_set || a->axlabel_va >= 0)) {
        /* matplotlib's x label keeps rotation_mode 'default': the rotated text's bounding
         * box is aligned (va toward the axes unless given) */
        int ha = a->label_loc == 1 ? HA_LEFT : a->label_loc == 2 ? HA_RIGHT : HA_CENTER;
        int va = a->axlabel_va >= 0 ? a->axlabel_va : side == 0 ? VA_TOP : VA_BOTTOM;
        b = nplot__text_place(rc, &tb, px, py, ha, va, a->axlabel_rot_set ? a->axlabel_rot : 0,
                              &a->label_ts.color, draw);
    } else if (a->axlabel_rot_set || a->axlabel_va >= 0) {
        /* a rotation or va given: matplotlib's y label has rotation_mode 'anchor' about the
         * point, va toward the axes unless given, ha along the text by loc */
        double rot = a->axlabel_rot_set ? a->axlabel_rot : x ? 0 : 90;
        int ha = a->label_loc == 1 ? HA_LEFT : a->label_loc == 2 ? HA_RIGHT : HA_CENTER;
        int va = a->axlabel_va >= 0 ? a->axlabel_va : x ? (side == 0 ? VA_TOP : VA_BOTTOM)
                                                        : (side == 0 ? VA_BOTTOM : VA_TOP);
        b = nplot__text_place_anchor(rc, &tb, px, py, ha, va, rot, &a->label_ts.color, draw);
    } else if (x) {
        int ha = a->label_loc == 1 ? HA_LEFT : a->label_loc == 2 ? HA_RIGHT : HA_CENTER;
        b = nplot__text_place(rc, &tb, px, py, ha, side == 0 ? VA_TOP : VA_BOTTOM, 0,
                              &a->label_ts.color, draw);
    } else {
        int va = a->label_loc == 1 ? VA_BOTTOM : a->label_loc == 2 ? VA_TOP : VA_CENTER;
        b = nplot__text_place(rc, &tb, px, py, side == 0 ? HA_RIGHT : HA_LEFT, va, 90,
                              &a->label_ts.color, draw);
    }
    rc->text_fx_set = false;
    nplot__text_free(&tb);
    lpx[0] = b.x0, lpx[1] = b.y0, lpx[2] = b.x1, lpx[3] = b.y1;
    bb_add(out, b);
}

/* fig.align_xlabels / align_ylabels (figprops.c's groups): the tick label boxes of every
 * subplot of ax's group on that side, joined to ax's own (matplotlib's
 * _get_tick_boxes_siblings) */
static bbox aligned_ticks_bb(render_ctx *rc, nplot_axes *ax, bool x, int side, bbox own)
{
    int g = ax->align_group[x ? 0 : 1];
    if (!g) return own;
    for (nplot_axes *o = ax->fig->axes; o; o = o->next) {
        if (o == ax || o->align_group[x ? 0 : 1] != g || o->axis_off || o->is3d || o->polar)
            continue;
        xform tfo = nplot__xform(o);
        bbox ob = axis_side(rc, o, x ? &o->xa : &o->ya, x, side, false, &tfo);
        if (ob.x1 >= ob.x0) bb_add(&own, ob);
    }
    return own;
}

/* fx_style's painter of a spine: the current path stroked in the style's edge colour */
static void stroke_spine(render_ctx *rc, void *ctx)
{
    const fx_style *fs = ctx;
    cairo_set_source_rgba(rc->cr, fs->edge.r, fs->edge.g, fs->edge.b, fs->edge.a);
    cairo_set_line_width(rc->cr, fs->lw);
    cairo_set_line_cap(rc->cr, CAIRO_LINE_CAP_SQUARE);
    cairo_stroke(rc->cr);
}

static bbox decorations(render_ctx *rc, nplot_axes *ax, bool draw)
{
    bbox bb = { ax->dev[0], ax->dev[1], ax->dev[2], ax->dev[3] };
    if (ax->axis_off) {
        /* titles still show with axis('off') */
    }
    xform tf = nplot__xform(ax);
    double top_edge = ax->dev[1];
    if (!ax->axis_off && !ax->is3d) {
        cairo_t *cr = rc->cr;
        /* spines */
        if (draw && ax->frame_on) {
            const nplot__style *st = ax->fig->style;
            cairo_set_dash(cr, NULL, 0, 0);
            cairo_set_line_cap(cr, CAIRO_LINE_CAP_SQUARE);
            bool sp[4];
            memcpy(sp, ax->spine, sizeof sp);
            if (ax->twin_x_of) sp[0] = sp[1] = sp[3] = false;
            if (ax->twin_y_of) sp[0] = sp[1] = sp[2] = false;
            for (int k = 0; k < 4; k++) {
                if (!sp[k]) continue;
                bool vert = k == 0 || k == 2;
                double lw = (ax->spine_lw_set[k] ? ax->spine_lw[k] : st->axes_linewidth) * rc->scale;
                if (lw <= 0) continue;
                cairo_set_line_width(cr, lw);
                set_rgba(cr, ax->spine_color_set[k] ? ax->spine_color[k] : st->axes_edge, 1);
                double at = snap(rc, spine_at(rc, ax, &tf, k));
                /* along the spine: the axes' extent, or set_bounds' data range */
                double a0 = vert ? ax->dev[3] : ax->dev[0], a1 = vert ? ax->dev[1] : ax->dev[2];
                if (ax->spine_bounds_set[k]) {
                    double p[2];
                    for (int j = 0; j < 2; j++) {
                        double px, py, b = ax->spine_bounds[k][j];
                        nplot__to_dev(rc, ax, &tf, COORD_DATA, COORD_DATA, vert ? 1 : b,
                                      vert ? b : 1, &px, &py);
                        p[j] = vert ? py : px;
                    }
                    if (!isfinite(p[0]) || !isfinite(p[1])) continue;
                    a0 = p[0];
                    a1 = p[1];
                }
                a0 = snap(rc, a0);
                a1 = snap(rc, a1);
                cairo_new_path(cr);
                if (vert) {
                    cairo_move_to(cr, at, a0);
                    cairo_line_to(cr, at, a1);
                } else {
                    cairo_move_to(cr, a0, at);
                    cairo_line_to(cr, a1, at);
                }
                /* matplotlib's spines are patches: the rc path.effects and path.sketch
                 * (plt.xkcd) reach them */
                struct nplot__fx rc_fx[1];
                double sk[3];
                rgba ec = ax->spine_color_set[k] ? ax->spine_color[k] : st->axes_edge;
                fx_style fs = { .fx = rc_fx, .nfx = nplot__fx_rc(st, rc_fx),
                                .sketch = nplot__sketch_rc(st, NULL, sk) ? sk : NULL, .edge = ec,
                                .alpha = 1, .lw = lw,
                                .join = CAIRO_LINE_JOIN_MITER, .normal = stroke_spine, .ctx = &fs };
                nplot__fx_paint(rc, &fs);
            }
        }
        for (int xi = 0; xi < 2; xi++) {
            bool x = xi == 0;
            axis_state *a = x ? &ax->xa : &ax->ya;
            bbox side_bb[2];
            for (int side = 0; side < 2; side++) {
                side_bb[side] = axis_side(rc, ax, a, x, side, draw, &tf);
                bb_add(&bb, side_bb[side]);
            }
            /* the side axis_labels puts the label on (ticks alone count too) */
            int lside = a->labels_side[0] || a->ticks_side[0] ? 0 : 1;
            if (a->labels_side[1] && !a->labels_side[0]) lside = 1;
            bbox tick_bb = aligned_ticks_bb(rc, ax, x, lside, side_bb[lside]);
            axis_labels(rc, ax, a, x, draw, &tick_bb, &bb);
            if (x) top_edge = fmin(top_edge, side_bb[1].y0);
        }
        if (ax->xa.labels_side[1] && ax->xa.label && ax->xa.label[0]) top_edge = fmin(top_edge, bb.y0);
    }
    /* a twiny's top decorations push the parent's title up, as do a secondary x axis'
     * ticked on top (matplotlib: child axes whose ticks are at the top) */
    for (nplot_axes *t = ax->fig->axes; t; t = t->next)
        if (t->twin_parent == ax && (t->twin_y_of || (t->secondary && t->secondary->x &&
                                                      t->secondary->pos >= 0.5))) {
            bbox tb = decorations(rc, t, false);
            top_edge = fmin(top_edge, tb.y0);
        }
    /* the y axis' offset text ("1e6" over the axes): a title it meets goes above it
     * (matplotlib's _update_title_position) */
    bbox yoff = { 1, 1, 0, 0 };
    const axis_state *ya = &ax->ya;
    if (!ax->axis_off && ya->offset_text && ya->offset_text[0] && !ya->hide_ticklabels) {
        int side = ya->labels_side[0] || ya->ticks_side[0] ? 0 : 1;
        if (ya->labels_side[1] && !ya->labels_side[0]) side = 1;
        if (ya->labels_side[side]) {
            text_style ts = tick_ts(rc, &ya->major);
            text_box tb = nplot__text_layout(rc, ya->offset_text, &ts);
            yoff = nplot__text_place(rc, &tb, side == 0 ? ax->dev[0] : ax->dev[2],
                                     ax->dev[1] - 2 * rc->scale, side == 0 ? HA_LEFT : HA_RIGHT,
                                     VA_BOTTOM, 0, &ya->major.labelcolor, false);
            nplot__text_free(&tb);
        }
    }
    /* titles: baseline `pad` above the axes (or above top decorations) */
    for (int i = 0; i < 3; i++) {
        if (!ax->title[i] || !ax->title[i][0]) continue;
        text_box tb = nplot__text_layout(rc, ax->title[i], &ax->title_ts[i]);
        double x = i == 0 ? (ax->dev[0] + ax->dev[2]) / 2 : i == 1 ? ax->dev[0] : ax->dev[2];
        int ha = i == 0 ? HA_CENTER : i == 1 ? HA_LEFT : HA_RIGHT;
        double y = fmin(top_edge, ax->dev[1]) - ax->title_pad * rc->scale;
        if (yoff.x1 > yoff.x0) {
            bbox t = nplot__text_place(rc, &tb, x, y, ha, VA_BASELINE, 0, &ax->title_ts[i].color, false);
            if (t.x0 < yoff.x1 && yoff.x0 < t.x1 && t.y0 < yoff.y1 && yoff.y0 < t.y1)
                y = fmin(y, yoff.y0 - ax->title_pad * rc->scale);
        }
        text_fx_use(rc, ax, AXT_TITLE + i);
        bbox b = nplot__text_place(rc, &tb, x, y, ha, VA_BASELINE, 0, &ax->title_ts[i].color, draw);
        rc->text_fx_set = false;
        nplot__text_free(&tb);
        bb_add(&bb, b);
    }
    return bb;
}

bbox nplot__axes_tight_bbox(render_ctx *rc, nplot_axes *ax)
{
    if (ax->polar) return nplot__polar_decorations(rc, ax, false); /* draw_polar.c */
    return decorations(rc, ax, false);
}

static void draw_grid(render_ctx *rc, nplot_axes *ax, const xform *tf)
{
    cairo_t *cr = rc->cr;
    for (int xi = 0; xi < 2; xi++) {
        bool x = xi == 0;
        axis_state *a = x ? &ax->xa : &ax->ya;
        for (int which = 0; which < 2; which++) {
            if (which == 0 ? !a->grid_major : !a->grid_minor) continue;
            const double *locs = which == 0 ? a->ticks : a->minor_ticks;
            int n = which == 0 ? a->nticks : a->nminor;
            const struct grid_style *g = &a->grid[which];
            double lw = g->lw * rc->scale;
            cairo_set_line_width(cr, lw);
            nplot__set_dash(cr, g->ls, NULL, 0, lw, rc->scale);
            cairo_set_line_cap(cr, CAIRO_LINE_CAP_BUTT);
            set_rgba(cr, g->color, g->alpha);
            for (int i = 0; i < n; i++) {
                double px, py;
                nplot__to_dev(rc, ax, tf, COORD_DATA, COORD_DATA, x ? locs[i] : 1, x ? 1 : locs[i],
                              &px, &py);
                if (x) {
                    if (!isfinite(px)) continue;
                    px = snap(rc, px);
                    cairo_move_to(cr, px, ax->dev[1]);
                    cairo_line_to(cr, px, ax->dev[3]);
                } else {
                    if (!isfinite(py)) continue;
                    py = snap(rc, py);
                    cairo_move_to(cr, ax->dev[0], py);
                    cairo_line_to(cr, ax->dev[2], py);
                }
            }
            cairo_stroke(cr);
        }
    }
    cairo_set_dash(cr, NULL, 0, 0);
}

static int cmp_z(const void *pa, const void *pb)
{
    const artist *a = *(const artist *const *)pa, *b = *(const artist *const *)pb;
    if (a->zorder < b->zorder) return -1;
    if (a->zorder > b->zorder) return 1;
    return 0;
}

/* The painter of each 2-D artist type, indexed like plot_model.h's class table; the 3-D
 * types have none (draw_axes3d.c sorts their primitives by depth). */
typedef void (*artist_painter)(render_ctx *rc, nplot_axes *ax, artist *a);
static const artist_painter painters[ART_NKINDS] = {
    [ART_LINE] = nplot__draw_line,
    [ART_SCATTER] = nplot__draw_scatter,
    [ART_POLY] = nplot__draw_poly,
    [ART_SEGMENTS] = nplot__draw_segments,
    [ART_TEXT] = nplot__draw_text_artist,
    [ART_ANNOTATE] = nplot__draw_annotate,
    [ART_PATCHES] = nplot__draw_patches,
    [ART_IMAGE] = nplot__draw_image,
    [ART_GOURAUD] = nplot__draw_gouraud,
    [ART_VECTORS] = nplot__draw_vectors,
    [ART_CONTOUR] = nplot__draw_contour,
    [ART_AXLINE] = nplot__draw_axline,
    [ART_TABLE] = nplot__draw_table,
};

static void draw_artist(render_ctx *rc, nplot_axes *ax, artist *a)
{
    /* contour lines are drawn by their set's painter (simplified, broken under labels) */
    if (!nplot__class_of(a->kind)->is_3d && !a->chidden) painters[a->kind](rc, ax, a);
}

bool nplot__raster_begin(render_ctx *rc, raster_group *g)
{
    g->k = rc->fig->dpi / 72 / rc->scale; /* pixels per device unit */
    int w = (int)ceil(rc->W * g->k), h = (int)ceil(rc->H * g->k);
    g->img = cairo_image_surface_create(CAIRO_FORMAT_ARGB32, w > 0 ? w : 1, h > 0 ? h : 1);
    cairo_t *icr = cairo_create(g->img);
    if (cairo_status(icr)) {
        cairo_destroy(icr);
        cairo_surface_destroy(g->img);
        return false;
    }
    cairo_scale(icr, g->k, g->k);
    g->saved = rc->cr;
    g->svg = rc->svg;
    g->offscreen = rc->offscreen;
    rc->cr = icr;
    rc->svg = false;
    rc->offscreen = true;
    return true;
}

void nplot__raster_end(render_ctx *rc, raster_group *g)
{
    cairo_destroy(rc->cr);
    rc->cr = g->saved;
    rc->svg = g->svg;
    rc->offscreen = g->offscreen;
    cairo_surface_flush(g->img);
    cairo_t *cr = rc->cr;
    cairo_save(cr);
    cairo_scale(cr, 1 / g->k, 1 / g->k);
    cairo_set_source_surface(cr, g->img, 0, 0);
    cairo_paint(cr);
    cairo_restore(cr);
    nplot__defer_destroy(rc, g->img); /* the vector target references it until finished */
}

/* fx_style's painter of a face-only patch: fill the current path in *(rgba *)face */
static void fill_patch(render_ctx *rc, void *face)
{
    const rgba *f = face;
    cairo_set_source_rgba(rc->cr, f->r, f->g, f->b, f->a);
    cairo_fill(rc->cr);
}

void nplot__draw_axes(render_ctx *rc, nplot_axes *ax)
{
    cairo_t *cr = rc->cr;
    xform tf = nplot__xform(ax);
    if (ax->secondary) { /* a zero-height (zero-width) axes: its axis only (secondary.c) */
        decorations(rc, ax, true);
        return;
    }
    if (!ax->axis_off && ax->frame_on && ax->face.a > 0) {
        /* the axes patch: face only (matplotlib: edgecolor 'none', linewidth 0), through
         * Axes.set_path_effects / set_sketch_params (or the rc ones) */
        struct nplot__fx rc_fx[1];
        double sk[3];
        fx_style st = { .has_face = true, .face = ax->face, .edge = ax->face, .alpha = 1,
                        .join = CAIRO_LINE_JOIN_MITER, .normal = fill_patch, .ctx = &ax->face };
        st.nfx = nplot__fx_list_of(ax->fig, &ax->patch_fx, rc_fx, &st.fx);
        if (nplot_axes_get_sketch_params(ax, sk)) st.sketch = sk;
        cairo_rectangle(cr, ax->dev[0], ax->dev[1], ax->dev[2] - ax->dev[0], ax->dev[3] - ax->dev[1]);
        nplot__fx_paint(rc, &st);
        cairo_new_path(cr);
    }
    if (ax->polar) { /* draw_polar.c: wedge, grid, spines, labels; artists through draw_artist */
        nplot__draw_axes_polar(rc, ax, draw_artist);
        return;
    }
    if (ax->is3d) {
        nplot__draw_axes3d(rc, ax);
        decorations(rc, ax, true); /* titles */
        if (ax->legend_on) nplot__draw_legend(rc, ax);
        return;
    }
    /* stable sort of the artists by zorder (qsort is not stable: sort by (z, index)) */
    artist **list = nd_malloc(sizeof(artist *) * (size_t)(ax->nartists ? ax->nartists : 1), "nplot");
    if (!list) {
        nplot__fail(ax->fig, ND_ENOMEM, "nplot: out of memory drawing");
        return;
    }
    int n = 0;
    for (artist *a = ax->artists; a; a = a->next)
        if (!a->hidden) list[n++] = a; /* set_visible(False) */
    /* insertion sort keeps equal zorders in insertion order */
    for (int i = 1; i < n; i++) {
        artist *k = list[i];
        int j = i - 1;
        while (j >= 0 && cmp_z(&list[j], &k) > 0) {
            list[j + 1] = list[j];
            j--;
        }
        list[j + 1] = k;
    }
    /* set_axisbelow: true 0.5, 'line' 1.5, false 2.5 (above lines, under the decorations) */
    double grid_z = ax->axisbelow == 1 ? 0.5 : ax->axisbelow == 2 ? 1.5 : ax->axisbelow == 3 ? 2.5
                  : ax->fig->style->axisbelow == 1 ? 0.5 : ax->fig->style->axisbelow == 3 ? 2.5 : 1.5;
    bool grid_done = ax->axis_off, deco_done = false;
    /* set_rasterization_zorder(z) in vector output: the artists below z (and the grid when
     * its zorder is) go into one image, drawn first as matplotlib does */
    raster_group rg;
    bool rast = !rc->raster && !rc->offscreen && ax->pr.has_rast_z && n && list[0]->zorder < ax->pr.rast_z &&
                nplot__raster_begin(rc, &rg);
    for (int i = 0; i < n; i++) {
        if (rast && !(list[i]->zorder < ax->pr.rast_z)) {
            nplot__raster_end(rc, &rg);
            rast = false;
        }
        if (!grid_done && list[i]->zorder > grid_z) {
            draw_grid(rc, ax, &tf);
            grid_done = true;
        }
        if (!deco_done && list[i]->zorder > 2.5) {
            decorations(rc, ax, true);
            deco_done = true;
        }
        draw_artist(rc, ax, list[i]);
    }
    if (rast) nplot__raster_end(rc, &rg);
    if (!grid_done) draw_grid(rc, ax, &tf);
    if (!deco_done) decorations(rc, ax, true);
    nd_free_mem(list);
    if (ax->legend_on) nplot__draw_legend(rc, ax);
}
