/* Drawing legends: the handles (matplotlib's handler classes), loc='best', the layout of
 * the entries (matplotlib's spacing rcParams) for axes and figure legends. The legends
 * themselves are data of legend.c. */
#include "legend_model.h"
#include "plot_render.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

/* ---- handles ------------------------------------------------------------------------------------- */
static void handle_patch(render_ctx *rc, const artist *a, double x, double y, double w, double h)
{
    cairo_t *cr = rc->cr;
    cairo_rectangle(cr, x, y, w, h);
    if (a->has_face) {
        cairo_set_source_rgba(cr, a->face.r, a->face.g, a->face.b, a->face.a * a->alpha);
        cairo_fill_preserve(cr);
    }
    if (a->hatch.any) nplot__hatch_paint(rc, &a->hatch, nplot__hatch_color(a), a->hatch_lw);
    if (a->has_edge) {
        cairo_set_source_rgba(cr, a->edge.r, a->edge.g, a->edge.b, a->edge.a * a->alpha);
        cairo_set_line_width(cr, a->edge_lw * rc->scale);
        cairo_stroke_preserve(cr);
    }
    cairo_new_path(cr);
}

/* The legend being drawn sets these for the handles (its markerscale and scatterpoints);
 * nplot__legend_handle callers elsewhere get 1 and 1. */
static _Thread_local double handle_mscale = 1;
static _Thread_local int handle_npoints = 1;

static void handle_scatter(render_ctx *rc, const artist *a, double x, double y, double w, double h)
{
    double size = a->sizes && a->n ? sqrt(a->sizes[0]) : sqrt(a->size);
    if (!(size > 0)) size = sqrt(a->size);
    size *= handle_mscale;
    rgba f = a->face, e = a->edge_is_face ? a->face : a->edge;
    f.a *= a->alpha;
    e.a *= a->alpha;
    bool filled = nplot__marker_filled((marker_kind)a->lp.marker);
    /* several scatterpoints: matplotlib spreads them evenly over the handle, 0.3 font
     * sizes in from its ends, at heights 3/8, 4/8, 2.5/8 (repeating) from its bottom */
    static const double yoff[3] = { 3.0 / 8, 4.0 / 8, 2.5 / 8 };
    int np = handle_npoints > 0 ? handle_npoints : 1;
    double pad = 0.3 * h / 0.7; /* h is 0.7 font sizes */
    for (int k = 0; k < np; k++) {
        double cx = np == 1 ? x + w / 2 : x + pad + (w - 2 * pad) * k / (np - 1);
        double cy = np == 1 ? y + h / 2 : y + h * (1 - yoff[k % 3]);
        nplot__draw_markers(rc, &cx, &cy, 1, a->lp.marker, size * rc->scale, NULL, f, NULL,
                            filled ? e : f, false, a->edge_lw * rc->scale, filled, NULL);
    }
}

static void handle_stroke(render_ctx *rc, const artist *a, double x, double y, double w, double h)
{
    cairo_t *cr = rc->cr;
    if (a->lp.ls == LS_NONE) return;
    rgba c = a->lp.color;
    double lw = a->lp.lw * rc->scale;
    cairo_set_source_rgba(cr, c.r, c.g, c.b, c.a * a->alpha);
    cairo_set_line_width(cr, lw);
    nplot__set_dash(cr, a->lp.ls, a->lp.dashes, a->lp.ndashes, lw, rc->scale);
    cairo_move_to(cr, x, y + h / 2);
    cairo_line_to(cr, x + w, y + h / 2);
    cairo_stroke(cr);
    cairo_set_dash(cr, NULL, 0, 0);
}

static void handle_marker(render_ctx *rc, const artist *a, double x, double y, double w, double h)
{
    if (a->lp.marker == MK_NONE) return;
    double cx = x + w / 2, cy = y + h / 2;
    rgba f = a->lp.mfc, e = a->lp.mec;
    f.a *= a->alpha;
    e.a *= a->alpha;
    nplot__draw_markers(rc, &cx, &cy, 1, a->lp.marker, a->lp.ms * handle_mscale * rc->scale, NULL, f, NULL, e,
                        false, a->lp.mew * rc->scale,
                        nplot__marker_filled((marker_kind)a->lp.marker), NULL);
}

static void handle_line(render_ctx *rc, const artist *a, double x, double y, double w, double h)
{
    handle_stroke(rc, a, x, y, w, h);
    handle_marker(rc, a, x, y, w, h);
}

/* The font size (device units) of the legend being drawn, for handles sized in font sizes. */
static _Thread_local double handle_fs = 10;

/* One marker of the line-like artist a (its marker, size, colours and edge width) at (cx, cy). */
static void marker_at(render_ctx *rc, const artist *a, double cx, double cy)
{
    rgba f = a->lp.mfc, e = a->lp.mec;
    f.a *= a->alpha;
    e.a *= a->alpha;
    nplot__draw_markers(rc, &cx, &cy, 1, a->lp.marker, a->lp.ms * rc->scale, NULL, f, NULL, e,
                        false, a->lp.mew * rc->scale,
                        nplot__marker_filled((marker_kind)a->lp.marker), NULL);
}

/* matplotlib's HandlerErrorbar: the bars through the handle's centre, 0.5 font sizes each
 * way (horizontal for xerr, vertical for yerr) in the bars' colour and width, their caps
 * ('|' / '_' markers) at the ends, then the line and its marker over them. errorbar adds
 * the data line (this artist), then its bars (ART_SEGMENTS: per point the yerr segment
 * before the xerr one), then a cap artist per direction with caps (yerr's first). */
static void handle_errorbar(render_ctx *rc, const artist *a, double x, double y, double w,
                            double h)
{
    cairo_t *cr = rc->cr;
    const artist *bars = a->next && a->next->kind == ART_SEGMENTS ? a->next : NULL;
    bool has_x = false, has_y = bars != NULL;
    if (bars && a->n && bars->n == 4 * a->n) {
        has_x = true;
    } else if (bars) {
        /* one direction: the first segment that is not a point says which */
        for (size_t k = 0; k + 1 < bars->n; k += 2) {
            double dx = bars->x[k + 1] - bars->x[k], dy = bars->y[k + 1] - bars->y[k];
            if (dx == 0 && dy != 0 && isfinite(dy)) break;
            if (dy == 0 && dx != 0 && isfinite(dx)) {
                has_x = true;
                has_y = false;
                break;
            }
        }
    }
    double cx = x + w / 2, cy = y + h / 2, e = 0.5 * handle_fs;
    if (bars) {
        cairo_set_source_rgba(cr, bars->lp.color.r, bars->lp.color.g, bars->lp.color.b,
                              bars->lp.color.a * bars->alpha);
        cairo_set_line_width(cr, bars->lp.lw * rc->scale);
        cairo_set_dash(cr, NULL, 0, 0);
        if (has_x) {
            cairo_move_to(cr, cx - e, cy);
            cairo_line_to(cr, cx + e, cy);
        }
        if (has_y) {
            cairo_move_to(cr, cx, cy - e);
            cairo_line_to(cr, cx, cy + e);
        }
        cairo_stroke(cr);
        /* the caps: up to two line artists of '_' (yerr) or '|' (xerr) markers */
        const artist *c = bars->next;
        for (int k = 0; k < 2 && c && c->kind == ART_LINE && c->lp.ls == LS_NONE &&
                        (c->lp.marker == MK_HLINE || c->lp.marker == MK_VLINE) &&
                        c->n == 2 * a->n && !memcmp(&c->lp.mec, &bars->lp.color, sizeof(rgba));
             k++, c = c->next) {
            if (c->lp.marker == MK_HLINE && has_y) {
                marker_at(rc, c, cx, cy - e);
                marker_at(rc, c, cx, cy + e);
            } else if (c->lp.marker == MK_VLINE && has_x) {
                marker_at(rc, c, cx - e, cy);
                marker_at(rc, c, cx + e, cy);
            }
        }
    }
    handle_stroke(rc, a, x, y, w, h);
    handle_marker(rc, a, x, y, w, h);
}

/* The legend sample of each LEGEND_* kind (plot_model.h), drawn in the box (x, y, w, h). */
typedef void (*legend_handle_fn)(render_ctx *rc, const artist *a, double x, double y, double w,
                                 double h);
static const legend_handle_fn handles[LEGEND_NKINDS] = {
    [LEGEND_LINE] = handle_line,
    [LEGEND_PATCH] = handle_patch,
    [LEGEND_MARKER] = handle_marker,
    [LEGEND_ERRORBAR] = handle_errorbar,
    [LEGEND_SCATTER] = handle_scatter,
};

void nplot__legend_handle(render_ctx *rc, artist *a, double x, double y, double w, double h,
                          double fs)
{
    handle_fs = fs;
    if (a->hidden) return; /* matplotlib's handle copies the artist's visibility: label only */
    if ((unsigned)a->legend_kind < LEGEND_NKINDS) handles[a->legend_kind](rc, a, x, y, w, h);
}

/* ---- loc='best' --------------------------------------------------------------------------------- */
static bool seg_hits(const bbox *b, double x0, double y0, double x1, double y1)
{
    double t0, t1;
    return nplot__clip_segment(b, x0, y0, x1, y1, &t0, &t1);
}

/* The device points of one artist loc='best' avoids, converted once for all candidate
 * boxes: every stride-th data point (at most ~20000); for lines and markers NaN where the
 * point is not finite, for polygons as they are (NaN separates polygons). */
typedef struct dev_path {
    const artist *a;
    double *x, *y;
    size_t n, stride;
} dev_path;

/* The avoided artists' device paths; *np of them (an artist whose copy cannot be allocated
 * is left out, as if it were not there). Free with free_dev_paths. */
static dev_path *dev_paths(render_ctx *rc, nplot_axes *ax, size_t *np)
{
    size_t count = 0;
    for (artist *a = ax->artists; a; a = a->next)
        if (nplot__class_of(a->kind)->avoided) count++;
    *np = 0;
    dev_path *p = count ? nd_calloc(count, sizeof *p, "nplot") : NULL;
    if (!p) return NULL;
    xform tf = nplot__xform(ax);
    for (artist *a = ax->artists; a; a = a->next) {
        if (!nplot__class_of(a->kind)->avoided) continue;
        size_t stride = a->n > 20000 ? a->n / 20000 : 1, m = (a->n + stride - 1) / stride;
        dev_path *d = &p[*np];
        d->x = nd_malloc(sizeof(double) * (m ? m : 1), "nplot");
        d->y = nd_malloc(sizeof(double) * (m ? m : 1), "nplot");
        if (!d->x || !d->y) {
            nd_free_mem(d->x);
            nd_free_mem(d->y);
            continue;
        }
        bool area = nplot__class_of(a->kind)->area; /* polygons keep their NaN separators */
        size_t k = 0;
        for (size_t i = 0; i < a->n && k < m; i += stride, k++) {
            nplot__to_dev(rc, ax, &tf, a->xcoord, a->ycoord, a->x[i], a->y[i], &d->x[k], &d->y[k]);
            if (!area && (!isfinite(d->x[k]) || !isfinite(d->y[k]))) d->x[k] = d->y[k] = NAN;
        }
        d->a = a;
        d->n = k;
        d->stride = stride;
        (*np)++;
    }
    return p;
}

static void free_dev_paths(dev_path *p, size_t np)
{
    for (size_t i = 0; i < np; i++) {
        nd_free_mem(p[i].x);
        nd_free_mem(p[i].y);
    }
    nd_free_mem(p);
}

/* Even-odd parity of (x, y) in the polygon px[start..end) (crossings of a ray to the right). */
static bool inside_ring(const double *px, const double *py, size_t start, size_t end, double x,
                        double y)
{
    bool in = false;
    for (size_t i = start, j = end - 1; i < end; j = i++)
        if (((py[i] > y) != (py[j] > y)) &&
            x < (px[j] - px[i]) * (y - py[i]) / (py[j] - py[i]) + px[i])
            in = !in;
    return in;
}

/* How much of box b the filled polygons of d cover: 2 for each of 4 x 4 sample points inside
 * them (even-odd over all the NaN-separated polygons). A polygon whose bounding box misses a
 * sample point cannot flip its parity, so only the polygons near b are walked edge by edge. */
static double area_badness(const dev_path *d, const bbox *b)
{
    bool in[16] = { false };
    size_t start = 0;
    while (start < d->n) {
        size_t end = start;
        double x0 = INFINITY, x1 = -INFINITY, y0 = INFINITY, y1 = -INFINITY;
        for (; end < d->n && !isnan(d->x[end]); end++) {
            x0 = fmin(x0, d->x[end]);
            x1 = fmax(x1, d->x[end]);
            y0 = fmin(y0, d->y[end]);
            y1 = fmax(y1, d->y[end]);
        }
        if (end > start && x0 <= b->x1 && x1 >= b->x0 && y0 <= b->y1 && y1 >= b->y0)
            for (int s = 0; s < 16; s++) {
                double sx = b->x0 + (s % 4 + 0.5) / 4 * (b->x1 - b->x0);
                double sy = b->y0 + (s / 4 + 0.5) / 4 * (b->y1 - b->y0);
                if (sx >= x0 && sx <= x1 && sy >= y0 && sy <= y1 &&
                    inside_ring(d->x, d->y, start, end, sx, sy))
                    in[s] = !in[s];
            }
        start = end + 1;
    }
    double bad = 0;
    for (int s = 0; s < 16; s++) bad += in[s] ? 2 : 0;
    return bad;
}

/* matplotlib's idea: count data vertices inside the box and line segments crossing it;
 * patches count by how much of the box they cover. */
static double badness(const dev_path *paths, size_t np, const bbox *b)
{
    double bad = 0;
    for (size_t k = 0; k < np; k++) {
        const dev_path *d = &paths[k];
        const artist *a = d->a;
        if (nplot__class_of(a->kind)->area) {
            bad += area_badness(d, b);
            continue;
        }
        bool segments = a->kind == ART_SEGMENTS || (a->kind == ART_LINE && a->lp.ls != LS_NONE);
        double px = NAN, py = NAN;
        for (size_t j = 0; j < d->n; j++) {
            double x = d->x[j], y = d->y[j];
            if (isnan(x)) {
                px = NAN;
                continue;
            }
            if (x >= b->x0 && x <= b->x1 && y >= b->y0 && y <= b->y1) bad += 1;
            if (segments && !isnan(px) && seg_hits(b, px, py, x, y)) bad += 1;
            px = x;
            py = y;
            if (a->kind == ART_SEGMENTS && (j * d->stride) % 2 == 1) px = NAN;
        }
    }
    return bad;
}

/* ---- drawing --------------------------------------------------------------------------------------- */
#define MAX_ENTRIES 256

/* The top left corner (device units) of a W x H legend box placed against `box` (the
 * parent: the axes' or the figure's x0, y0, x1, y1) as matplotlib's _get_anchored_bbox: in
 * the anchor box (bbox_to_anchor in fractions of the parent, or the parent itself) less bap
 * on every side, at the side or corner loc names; loc 'best' takes the candidate overlapping
 * the least data of the axes ax (matplotlib's order of preference on ties), and is 'upper
 * right' for a figure legend (ax NULL). */
static void legend_origin(render_ctx *rc, nplot_axes *ax, const legend_spec *sp,
                          const double box[4], double W, double H, double bap, double *plx,
                          double *ply)
{
    double bx0 = box[0], bx1 = box[2], by0 = box[1], by1 = box[3];
    if (sp->nanchor) {
        double fw = box[2] - box[0], fh = box[3] - box[1];
        double w = sp->nanchor == 4 ? sp->anchor[2] : 0, h = sp->nanchor == 4 ? sp->anchor[3] : 0;
        bx0 = box[0] + sp->anchor[0] * fw;
        bx1 = bx0 + w * fw;
        by1 = box[3] - sp->anchor[1] * fh; /* fractions count upwards */
        by0 = by1 - h * fh;
    }
    /* the container (signed: a point anchor gives a box turned inside out, as matplotlib's
     * Bbox.padded does, which moves the legend bap away from the point) */
    double cx0 = bx0 + bap, cx1 = bx1 - bap, cy0 = by0 + bap, cy1 = by1 - bap;
    int loc = sp->loc;
    if (loc == 0 && !ax) loc = 1;
    int cand[10];
    int ncand = 0;
    if (loc == 0) for (int i = 1; i <= 10; i++) cand[ncand++] = i;
    else cand[ncand++] = loc;
    double best = INFINITY, lx = 0, ly = 0;
    size_t np = 0;
    dev_path *paths = ncand > 1 ? dev_paths(rc, ax, &np) : NULL;
    for (int k = 0; k < ncand; k++) {
        int L = cand[k];
        bool right = L == 1 || L == 4 || L == 5 || L == 7, left = L == 2 || L == 3 || L == 6;
        bool upper = L == 1 || L == 2 || L == 9, lower = L == 3 || L == 4 || L == 8;
        double fx = right ? 1 : left ? 0 : 0.5, fy = upper ? 1 : lower ? 0 : 0.5;
        double x = cx0 + fx * (cx1 - cx0 - W);
        double y = cy1 - H - fy * (cy1 - cy0 - H);
        if (ncand == 1) {
            lx = x;
            ly = y;
            break;
        }
        bbox b = { x, y, x + W, y + H };
        double bad = badness(paths, np, &b);
        if (bad < best) {
            best = bad;
            lx = x;
            ly = y;
        }
        if (bad == 0) break;
    }
    free_dev_paths(paths, np);
    *plx = lx;
    *ply = ly;
}

static void rounded_box(cairo_t *cr, double x, double y, double W, double H, double r)
{
    cairo_new_path(cr);
    if (r > 0) {
        cairo_new_sub_path(cr);
        cairo_arc(cr, x + W - r, y + r, r, -M_PI / 2, 0);
        cairo_arc(cr, x + W - r, y + H - r, r, 0, M_PI / 2);
        cairo_arc(cr, x + r, y + H - r, r, M_PI / 2, M_PI);
        cairo_arc(cr, x + r, y + r, r, M_PI, 3 * M_PI / 2);
        cairo_close_path(cr);
    } else {
        cairo_rectangle(cr, x, y, W, H);
    }
}

/* The legend's frame (face and edge) at (lx, ly), W x H, unless the options or the style
 * turn it off. */
static void legend_frame(render_ctx *rc, const legend_spec *sp, const nplot__style *st,
                         double lx, double ly, double W, double H, double fs)
{
    const nplot_legend_opts *o = &sp->o;
    cairo_t *cr = rc->cr;
    double s = rc->scale;
    if (o->frameon != NPLOT_OFF && (o->frameon == NPLOT_ON || st->legend_frame)) {
        double fa = NPLOT_OPT(o->framealpha, st->legend_alpha);
        rgba face = sp->has_fc ? sp->fc : st->legend_face;
        rgba edge = sp->has_ec ? sp->ec : st->legend_edge;
        double r = o->fancybox == NPLOT_OFF ? 0 : 0.2 * fs;
        if (o->shadow == NPLOT_ON) {
            /* matplotlib's Shadow(patch, 2, -2): the frame shifted 2 pt right and down in
             * 0.3 x the face colour at alpha 0.5 */
            double d = 2 * s;
            rounded_box(cr, lx + d, ly + d, W, H, r);
            cairo_set_source_rgba(cr, 0.3 * face.r, 0.3 * face.g, 0.3 * face.b, 0.5);
            cairo_fill(cr);
        }
        rounded_box(cr, lx, ly, W, H, r);
        cairo_set_source_rgba(cr, face.r, face.g, face.b, face.a * fa);
        cairo_fill_preserve(cr);
        cairo_set_source_rgba(cr, edge.r, edge.g, edge.b, edge.a * fa);
        cairo_set_line_width(cr, 1.0 * s);
        cairo_set_dash(cr, NULL, 0, 0);
        cairo_stroke(cr);
    }
}

/* matplotlib measures a legend text's box by the ink of "lp" in its font (multi-line labels
 * add their extra lines): *asc above the baseline, *desc below it, in device units, and
 * *logical the layout's own height for one line. */
static void lp_metrics(render_ctx *rc, const text_style *ts, double *asc, double *desc,
                       double *logical)
{
    text_box lp = nplot__text_layout(rc, "lp", ts);
    *asc = *desc = *logical = 0;
    if (!lp.layout) return;
    PangoRectangle ink, log;
    pango_layout_get_extents(lp.layout, &ink, &log);
    double k = log.height > 0 ? lp.h / log.height : 0;
    int base = pango_layout_get_baseline(lp.layout);
    *asc = (base - ink.y) * k;
    *desc = (ink.y + ink.height - base) * k;
    /* matplotlib's Agg measures "lp" from hinted glyphs: whole pixels (a 10 pt row at
     * 100 dpi is 14 px, 11 above the baseline and 3 below, where the outlines give 13.4;
     * from 6 to 20 pt the descent is the rounded outline's, the ascent mostly its ceiling) */
    if (rc->raster) *asc = ceil(*asc - 1e-6), *desc = round(*desc);
    *logical = lp.h;
    nplot__text_free(&lp);
}

/* The artist k of ax, or NULL when gone (or the axes left the figure). */
static artist *artist_at(const nplot_figure *fig, const nplot_axes *ax, int k)
{
    if (k < 0 || !ax || !nplot__legend_in_figure(fig, ax)) return NULL; /* k < 0: removed */
    artist *a = ax->artists;
    for (int i = 0; a && i < k; i++) a = a->next;
    return a;
}

/* Draw the legend sp against box (the parent's device box): of the axes ax, or of the
 * figure when ax is NULL. */
/* Draw one legend, or with measure set only lay it out and write its box there (device
 * units; left untouched when the legend has no entries). */
static void draw_spec(render_ctx *rc, nplot_axes *ax, const legend_spec *sp, const double box[4],
                      bbox *measure)
{
    nplot_figure *fig = rc->fig;
    const nplot__style *st = fig->style;
    const nplot_legend_opts *o = &sp->o;
    artist *ent[MAX_ENTRIES];
    const char *lab[MAX_ENTRIES];
    int n = 0;
    if (sp->n) {
        /* explicit entries: the artists at the stored indices (one gone since is left out) */
        for (size_t i = 0; i < sp->n && n < MAX_ENTRIES; i++) {
            artist *a = artist_at(fig, sp->hax[i], sp->idx[i]);
            if (!a) continue;
            ent[n] = a;
            lab[n++] = sp->labels[i];
        }
    } else {
        /* twins contribute to their own legend only (matplotlib); a figure legend takes
         * every axes', a subfigure's legend those of the subfigure */
        for (nplot_axes *hx = ax ? ax : fig->axes; hx && n < MAX_ENTRIES; hx = ax ? NULL : hx->next) {
            if (!ax && sp->sf && nplot__axes_subfig(hx) != sp->sf) continue;
            for (artist *a = hx->artists; a && n < MAX_ENTRIES; a = a->next)
                if (nplot__legend_has_entry(a)) {
                    ent[n] = a;
                    lab[n++] = a->label;
                }
        }
    }
    if (n == 0) return;
    if (o->reverse == NPLOT_ON)
        for (int i = 0, j = n - 1; i < j; i++, j--) {
            artist *ta = ent[i];
            ent[i] = ent[j];
            ent[j] = ta;
            const char *tl = lab[i];
            lab[i] = lab[j];
            lab[j] = tl;
        }
    double s = rc->scale;
    double fsz = NPLOT_OPT(o->fontsize, st->legend_size);
    double fs = fsz * s;
    text_style ts = { fsz, st->text_color, PANGO_WEIGHT_NORMAL, PANGO_STYLE_NORMAL, st->font_family };
    text_box tb[MAX_ENTRIES];
    double lasc, ldesc, llog;
    lp_metrics(rc, &ts, &lasc, &ldesc, &llog);
    double maxh = 0;
    for (int i = 0; i < n; i++) {
        tb[i] = nplot__text_layout(rc, lab[i], &ts);
        maxh = fmax(maxh, tb[i].h - llog); /* the extra lines of multi-line labels */
    }
    int ncol = NPLOT_OPT(o->ncol, 1);
    if (ncol > n) ncol = n;
    double hl = NPLOT_OPT(o->handlelength, 2.0) * fs, hh = 0.7 * fs;
    double htp = NPLOT_OPT(o->handletextpad, 0.8) * fs, ls = NPLOT_OPT(o->labelspacing, 0.5) * fs;
    double bp = NPLOT_OPT(o->borderpad, 0.4) * fs, cs = NPLOT_OPT(o->columnspacing, 2.0) * fs;
    double bap = NPLOT_OPT(o->borderaxespad, 0.5) * fs;
    /* a row: the handle (hh tall, its bottom on the baseline) beside the label's "lp" box */
    double rasc = fmax(lasc, hh), rowh = rasc + ldesc + fmax(maxh, 0);
    double colw[MAX_ENTRIES] = { 0 };
    /* column-major fill like matplotlib: the first (n % ncol) columns get one more */
    int per[MAX_ENTRIES], start[MAX_ENTRIES];
    int base = n / ncol, extra = n % ncol, acc = 0;
    double sumw = 0;
    for (int c = 0; c < ncol; c++) {
        per[c] = base + (c < extra ? 1 : 0);
        start[c] = acc;
        acc += per[c];
        for (int k = 0; k < per[c]; k++)
            colw[c] = fmax(colw[c], hl + htp + tb[start[c] + k].w);
        sumw += colw[c];
    }
    int nrow = per[0];
    /* the columns' box: packed with columnspacing, or with mode 'expand' as wide as the
     * anchor box less borderaxespad and borderpad on both sides, the columns spread over it
     * (matplotlib's HPacker mode 'expand': first at the left, last at the right) */
    double sep = cs, Wc = sumw + (ncol - 1) * cs;
    if (sp->expand) {
        double aw = box[2] - box[0];
        if (sp->nanchor == 4) aw *= sp->anchor[2];
        Wc = aw - 2 * (bap + bp);
        sep = ncol > 1 ? (Wc - sumw) / (ncol - 1) : 0;
    }
    double W = Wc + 2 * bp, H = 2 * bp + nrow * rowh + (nrow - 1) * ls;
    text_box ttb = { 0 };
    text_style tts = ts;
    tts.size = NPLOT_OPT(o->title_fontsize, fsz);
    double tasc = 0, tdesc = 0, tlog = 0;
    if (sp->title && sp->title[0]) {
        ttb = nplot__text_layout(rc, sp->title, &tts);
        lp_metrics(rc, &tts, &tasc, &tdesc, &tlog);
        H += tasc + tdesc + fmax(ttb.h - tlog, 0) + ls;
        if (!sp->expand) W = fmax(W, ttb.w + 2 * bp);
    }
    /* placement */
    double lx, ly;
    legend_origin(rc, ax, sp, box, W, H, bap, &lx, &ly);
    if (measure) {
        *measure = (bbox){ lx, ly, lx + W, ly + H };
        nplot__text_free(&ttb);
        for (int i = 0; i < n; i++) nplot__text_free(&tb[i]);
        return;
    }
    /* frame */
    legend_frame(rc, sp, st, lx, ly, W, H, fs);
    double y0 = ly + bp;
    if (ttb.layout) {
        nplot__text_place(rc, &ttb, lx + W / 2, y0 + tasc, HA_CENTER, VA_BASELINE, 0, &tts.color,
                          true);
        y0 += tasc + tdesc + fmax(ttb.h - tlog, 0) + ls;
        nplot__text_free(&ttb);
    }
    /* a title wider than the columns centres them under it (matplotlib's alignment 'center') */
    double x = lx + bp + fmax(0, (W - 2 * bp - Wc) / 2);
    handle_mscale = NPLOT_OPT(o->markerscale, 1.0);
    handle_npoints = NPLOT_OPT(o->scatterpoints, 1);
    for (int c = 0; c < ncol; c++) {
        for (int k = 0; k < per[c]; k++) {
            int i = start[c] + k;
            double ry = y0 + k * (rowh + ls);
            double hy = ry + rasc - hh;
            nplot__legend_handle(rc, ent[i], x, hy, hl, hh, fs);
            nplot__text_place(rc, &tb[i], x + hl + htp, ry + rasc, HA_LEFT, VA_BASELINE, 0,
                              &ts.color, true);
        }
        x += colw[c] + sep;
    }
    handle_mscale = 1;
    handle_npoints = 1;
    for (int i = 0; i < n; i++) nplot__text_free(&tb[i]);
}

void nplot__draw_legend(render_ctx *rc, nplot_axes *ax)
{
    for (const legend_spec *sp = ax->legends_kept; sp; sp = sp->next) draw_spec(rc, ax, sp, ax->dev, NULL);
    if (ax->legend_cur && !ax->legend_cur->kept) draw_spec(rc, ax, ax->legend_cur, ax->dev, NULL);
}

void nplot__draw_fig_legends(render_ctx *rc)
{
    for (const legend_spec *sp = rc->fig->legends; sp; sp = sp->next) {
        double box[4] = { 0, 0, rc->W, rc->H };
        if (sp->sf) { /* a subfigure's legend: against its box */
            const double *b = sp->sf->box;
            box[0] = b[0] * rc->W, box[2] = (b[0] + b[2]) * rc->W;
            box[1] = (1 - b[1] - b[3]) * rc->H, box[3] = (1 - b[1]) * rc->H;
        }
        draw_spec(rc, NULL, sp, box, NULL);
    }
}

bool nplot__legends_bbox(render_ctx *rc, nplot_axes *ax, bbox *out)
{
    if (!ax->legend_on) return false;
    bool any = false;
    for (int k = 0; k < 2; k++)
        for (const legend_spec *sp = k ? ax->legend_cur : ax->legends_kept; sp;
             sp = k ? NULL : sp->next) {
            if (k && sp->kept) continue;
            bbox b = { NAN, 0, 0, 0 };
            draw_spec(rc, ax, sp, ax->dev, &b);
            if (isnan(b.x0)) continue;
            if (!any) *out = b;
            out->x0 = fmin(out->x0, b.x0), out->y0 = fmin(out->y0, b.y0);
            out->x1 = fmax(out->x1, b.x1), out->y1 = fmax(out->y1, b.y1);
            any = true;
        }
    return any;
}
