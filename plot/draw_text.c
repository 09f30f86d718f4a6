/* annotate: text with an arrow to a point. Arrow styles follow matplotlib's ArrowStyle
 * shapes (sizes in units of the text size, its "mutation scale"), connection 'arc3'. */
#include "plot_render.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>


enum { AR_NONE = 0, AR_LINE, AR_OPEN_END, AR_OPEN_START, AR_OPEN_BOTH, AR_FILLED_END,
       AR_FILLED_START, AR_FILLED_BOTH, AR_FANCY, AR_SIMPLE, AR_WEDGE };

static int parse_arrow(const char *s)
{
    static const struct { const char *n; int a; } t[] = {
        { "-", AR_LINE }, { "->", AR_OPEN_END }, { "<-", AR_OPEN_START }, { "<->", AR_OPEN_BOTH },
        { "-|>", AR_FILLED_END }, { "<|-", AR_FILLED_START }, { "<|-|>", AR_FILLED_BOTH },
        { "fancy", AR_FANCY }, { "simple", AR_SIMPLE }, { "wedge", AR_WEDGE },
    };
    if (!s) return AR_NONE;
    for (size_t i = 0; i < sizeof t / sizeof *t; i++)
        if (!strcmp(s, t[i].n)) return t[i].a;
    return -1;
}

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
    int tc = o->textcoords ? nplot__parse_coords(o->textcoords) : xyc;
    if (tc < 0)
        return nplot__fail(fig, ND_EVALUE, "%s: unknown textcoords '%s'", who, o->textcoords);
    int arrow = parse_arrow(o->arrowstyle);
    if (arrow < 0)
        return nplot__fail(fig, ND_EVALUE, "%s: unknown arrowstyle '%s' (-, ->, <-, <->, -|>, <|-, "
                                           "<|-|>, fancy, simple, wedge)", who, o->arrowstyle);
    double rad = 0;
    if (o->connectionstyle) {
        const char *c = o->connectionstyle;
        if (strncmp(c, "arc3", 4) != 0)
            return nplot__fail(fig, ND_EVALUE, "%s: connectionstyle must be 'arc3' or "
                                               "'arc3,rad=R', got '%s'", who, c);
        const char *r = strstr(c, "rad=");
        if (r) {
            char *end;
            rad = strtod(r + 4, &end);
            if (end == r + 4 || !isfinite(rad))
                return nplot__fail(fig, ND_EVALUE, "%s: bad rad in '%s'", who, c);
        } else if (c[4] != '\0') {
            return nplot__fail(fig, ND_EVALUE, "%s: bad connectionstyle '%s'", who, c);
        }
    }
    if (!isfinite(x) || !isfinite(y))
        return nplot__fail(fig, ND_EVALUE, "%s: xy (%g, %g) must be finite", who, x, y);
    if (NPLOT__CHECK_LEN(fig, who, "xytext", o->xytext, 2, "it takes")) return fig->status;
    double tx = o->xytext.v ? o->xytext.v[0] : (tc == COORD_OFFSET ? 0 : x);
    double ty = o->xytext.v ? o->xytext.v[1] : (tc == COORD_OFFSET ? 0 : y);
    if (!isfinite(tx) || !isfinite(ty))
        return nplot__fail(fig, ND_EVALUE, "%s: xytext (%g, %g) must be finite", who, tx, ty);
    nplot_text_opts to = o->text;
    to.coords = NULL;
    artist *a;
    st = nplot__text_artist(ax, ART_ANNOTATE, x, y, s, &to, &a, who);
    if (st) return st;
    a->xcoord = a->ycoord = xyc;
    a->tx = tx;
    a->ty = ty;
    a->tcoord = tc;
    a->arrow = arrow;
    a->arrow_rad = rad;
    a->arrow_color = a->ts.color;
    if (o->arrowcolor && nplot__color(o->arrowcolor, fig->style, &a->arrow_color, who))
        return nplot__fail(fig, ND_EVALUE, "%s", nd_errmsg());
    if (o->arrow_linewidth < 0 || o->shrink < 0)
        return nplot__fail(fig, ND_EVALUE, "%s: arrow_linewidth and shrink must be >= 0", who);
    a->arrow_lw = NPLOT_OPT(o->arrow_linewidth, 1);
    a->shrink = NPLOT_OPT(o->shrink, 2);
    /* an annotated data point takes part in autoscaling (matplotlib does not, but an
     * arrow pointing outside the view is never what one wants) */
    a->autoscale = false;
    return ND_OK;
}

/* ---- drawing ------------------------------------------------------------------------------------ */
#define NSAMP 48

/* Distance from (cx, cy) along direction (ux, uy) to the boundary of box b (0 if outside). */
static double exit_dist(const bbox *b, double cx, double cy, double ux, double uy)
{
    double t = INFINITY;
    if (ux > 0) t = fmin(t, (b->x1 - cx) / ux);
    if (ux < 0) t = fmin(t, (b->x0 - cx) / ux);
    if (uy > 0) t = fmin(t, (b->y1 - cy) / uy);
    if (uy < 0) t = fmin(t, (b->y0 - cy) / uy);
    return isfinite(t) && t > 0 ? t : 0;
}

static void head(cairo_t *cr, double x, double y, double ux, double uy, double len, double hw,
                 bool filled)
{
    /* tip at (x, y), pointing along (ux, uy) */
    double bx = x - ux * len, by = y - uy * len;
    double px = -uy * hw, py = ux * hw;
    cairo_move_to(cr, bx + px, by + py);
    cairo_line_to(cr, x, y);
    cairo_line_to(cr, bx - px, by - py);
    if (filled) {
        cairo_close_path(cr);
        cairo_fill(cr);
    } else {
        cairo_stroke(cr);
    }
}

/* Stroke or fill arrow style a->arrow along the m >= 2 points X, Y (device units), heads
 * sized by the text size (matplotlib's mutation scale). */
static void arrow_shape(render_ctx *rc, const artist *a, const double *X, const double *Y, int m)
{
    cairo_t *cr = rc->cr;
    double ms = a->ts.size * rc->scale; /* mutation scale: the font size */
    double lw = a->arrow_lw * rc->scale;
    rgba c = a->arrow_color;
    cairo_set_source_rgba(cr, c.r, c.g, c.b, c.a);
    cairo_set_line_width(cr, lw);
    cairo_set_line_join(cr, CAIRO_LINE_JOIN_MITER);
    cairo_set_line_cap(cr, CAIRO_LINE_CAP_BUTT);
    cairo_set_dash(cr, NULL, 0, 0);
    double ex = X[m - 1] - X[m - 2], ey = Y[m - 1] - Y[m - 2], el = hypot(ex, ey);
    double sx0 = X[0] - X[1], sy0 = Y[0] - Y[1], sl = hypot(sx0, sy0);
    if (el > 0) ex /= el, ey /= el;
    if (sl > 0) sx0 /= sl, sy0 /= sl;
    int ar = a->arrow;
    if (ar == AR_SIMPLE || ar == AR_FANCY || ar == AR_WEDGE) {
        /* filled shapes: an offset tail, then the head */
        double hl = (ar == AR_SIMPLE ? 0.5 : 0.4) * ms, hw = (ar == AR_SIMPLE ? 0.5 : 0.4) * ms;
        double tw = (ar == AR_SIMPLE ? 0.2 : ar == AR_FANCY ? 0.4 : 0.3) * ms;
        if (ar == AR_WEDGE) hl = 0;
        /* cumulative length to find where the head starts */
        double total = 0, L[NSAMP + 1];
        L[0] = 0;
        for (int i = 1; i < m; i++) L[i] = total += hypot(X[i] - X[i - 1], Y[i] - Y[i - 1]);
        double tail_end = fmax(0, total - hl);
        double lx[NSAMP + 1], ly[NSAMP + 1], rx[NSAMP + 1], ry[NSAMP + 1];
        int k = 0;
        for (int i = 0; i < m && L[i] <= tail_end + 1e-9; i++, k++) {
            int j0 = i > 0 ? i - 1 : 0, j1 = i < m - 1 ? i + 1 : m - 1;
            double ux = X[j1] - X[j0], uy = Y[j1] - Y[j0], l = hypot(ux, uy);
            if (l > 0) ux /= l, uy /= l;
            double f = total > 0 ? L[i] / total : 0;
            double w = ar == AR_SIMPLE ? tw / 2 : ar == AR_FANCY ? tw / 2 * f : tw / 2 * (1 - f);
            lx[k] = X[i] - uy * w, ly[k] = Y[i] + ux * w;
            rx[k] = X[i] + uy * w, ry[k] = Y[i] - ux * w;
        }
        cairo_new_path(cr);
        for (int i = 0; i < k; i++) (i ? cairo_line_to : cairo_move_to)(cr, lx[i], ly[i]);
        if (hl > 0 && k > 0) {
            double bx = X[m - 1] - ex * hl, by = Y[m - 1] - ey * hl;
            cairo_line_to(cr, bx - ey * hw, by + ex * hw);
            cairo_line_to(cr, X[m - 1], Y[m - 1]);
            cairo_line_to(cr, bx + ey * hw, by - ex * hw);
        } else if (ar == AR_WEDGE) {
            cairo_line_to(cr, X[m - 1], Y[m - 1]);
        }
        for (int i = k - 1; i >= 0; i--) cairo_line_to(cr, rx[i], ry[i]);
        cairo_close_path(cr);
        cairo_fill(cr);
    } else {
        double hl = 0.4 * ms, hw = 0.2 * ms;
        bool filled = ar == AR_FILLED_END || ar == AR_FILLED_START || ar == AR_FILLED_BOTH;
        bool at_end = ar == AR_OPEN_END || ar == AR_FILLED_END || ar == AR_OPEN_BOTH ||
                      ar == AR_FILLED_BOTH;
        bool at_start = ar == AR_OPEN_START || ar == AR_FILLED_START ||
                        ar == AR_OPEN_BOTH || ar == AR_FILLED_BOTH;
        /* filled heads: stop the shaft at the head's base so the tip stays sharp */
        double cut_end = filled && at_end ? hl : 0, cut_start = filled && at_start ? hl : 0;
        cairo_new_path(cr);
        cairo_move_to(cr, X[0] - sx0 * cut_start, Y[0] - sy0 * cut_start);
        for (int i = 1; i < m - 1; i++) cairo_line_to(cr, X[i], Y[i]);
        cairo_line_to(cr, X[m - 1] - ex * cut_end, Y[m - 1] - ey * cut_end);
        cairo_stroke(cr);
        if (at_end) head(cr, X[m - 1], Y[m - 1], ex, ey, hl, hw, filled);
        if (at_start) head(cr, X[0], Y[0], sx0, sy0, hl, hw, filled);
    }
}

/* The arrow of an annotation: an arc3 path from the text box b (laid out in tb, anchored
 * at tx, ty) to the point (px, py), clipped at the box and shrunk at both ends. */
static void draw_arrow(render_ctx *rc, const artist *a, const text_box *tb, bbox b, double tx,
                       double ty, double px, double py)
{
    /* arc3 from the text box centre to the point, in y-up space */
    double sx = (b.x0 + b.x1) / 2, sy = (b.y0 + b.y1) / 2;
    if (tb->layout == NULL) sx = tx, sy = ty;
    double x1 = sx, y1 = -sy, x2 = px, y2 = -py;
    double cx = (x1 + x2) / 2 + a->arrow_rad * (y2 - y1), cy = (y1 + y2) / 2 - a->arrow_rad * (x2 - x1);
    double qx[NSAMP + 1], qy[NSAMP + 1];
    for (int i = 0; i <= NSAMP; i++) {
        double t = (double)i / NSAMP, u = 1 - t;
        qx[i] = u * u * x1 + 2 * u * t * cx + t * t * x2;
        qy[i] = -(u * u * y1 + 2 * u * t * cy + t * t * y2);
    }
    /* clip the start at the text box (patchA) and shrink both ends */
    int i0 = 0;
    while (i0 < NSAMP && tb->layout && qx[i0] >= b.x0 && qx[i0] <= b.x1 && qy[i0] >= b.y0 &&
           qy[i0] <= b.y1)
        i0++;
    double shrink = a->shrink * rc->scale;
    /* walk back from the end by `shrink` */
    int i1 = NSAMP;
    double acc = 0;
    while (i1 > i0 + 1) {
        double d = hypot(qx[i1] - qx[i1 - 1], qy[i1] - qy[i1 - 1]);
        if (acc + d > shrink) {
            double f = (shrink - acc) / d;
            qx[i1] = qx[i1] + (qx[i1 - 1] - qx[i1]) * f;
            qy[i1] = qy[i1] + (qy[i1 - 1] - qy[i1]) * f;
            break;
        }
        acc += d;
        i1--;
    }
    if (i0 > 0 && i0 <= i1) { /* start exactly on the box edge, then shrink */
        double ux = qx[i0] - qx[i0 - 1], uy = qy[i0] - qy[i0 - 1], l = hypot(ux, uy);
        if (l > 0) {
            double t = exit_dist(&b, qx[i0 - 1], qy[i0 - 1], ux / l, uy / l);
            qx[i0 - 1] += ux / l * (t + shrink);
            qy[i0 - 1] += uy / l * (t + shrink);
            i0--;
        }
    }
    int m = i1 - i0 + 1;
    if (m >= 2) arrow_shape(rc, a, qx + i0, qy + i0, m);
}

void nplot__draw_annotate(render_ctx *rc, nplot_axes *ax, artist *a)
{
    xform tf = nplot__xform(ax);
    double px, py; /* the annotated point */
    nplot__to_dev(rc, ax, &tf, a->xcoord, a->ycoord, a->x[0], a->y[0], &px, &py);
    if (!isfinite(px) || !isfinite(py)) return;
    double tx, ty;
    if (a->tcoord == COORD_OFFSET) {
        tx = px + a->tx * rc->scale;
        ty = py - a->ty * rc->scale;
    } else {
        nplot__to_dev(rc, ax, &tf, a->tcoord, a->tcoord, a->tx, a->ty, &tx, &ty);
    }
    if (!isfinite(tx) || !isfinite(ty)) return;
    text_box tb = nplot__text_layout(rc, a->text, &a->ts);
    bbox b = nplot__text_place(rc, &tb, tx, ty, a->ha, a->va, a->rotation, &a->ts.color, false);
    if (a->bbox_style) {
        rgba edge = { 0, 0, 0, 1 };
        double pad = 0.3 * a->ts.size * rc->scale;
        nplot__text_bbox_patch(rc, &b, a->bbox_style, a->bbox_face, edge, pad);
        b.x0 -= pad, b.y0 -= pad, b.x1 += pad, b.y1 += pad;
    }
    if (a->arrow != AR_NONE) draw_arrow(rc, a, &tb, b, tx, ty, px, py);
    nplot__text_place(rc, &tb, tx, ty, a->ha, a->va, a->rotation, &a->ts.color, true);
    nplot__text_free(&tb);
}
