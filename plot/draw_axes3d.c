/* Drawing a 3-D axes: projection, panes, grid, axis lines with ticks and labels, and the
 * 3-D artists. Every quad, segment and marker of every 3-D artist goes into one list
 * sorted by depth, so surfaces that interleave occlude correctly (matplotlib sorts per
 * collection and gets this wrong). */
#include "plot_render.h"
#include "dates.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

#define DIST 10.0 /* Axes3D._dist: set_top_view's 2-D view is (-0.95, 0.9) / dist */

typedef struct proj3 {
    double lo[3], hi[3];   /* data limits */
    double M[16];          /* Axes3D.get_proj */
    double bx, by, side;   /* the square active box (apply_aspect, anchor 'C'), device units */
} proj3;

static proj3 make_proj(nplot_axes *ax)
{
    proj3 p;
    double lim[6];
    nplot__proj3d_limits(ax, lim);
    for (int i = 0; i < 3; i++) p.lo[i] = lim[2 * i], p.hi[i] = lim[2 * i + 1];
    nplot__proj3d_matrix(ax, lim, p.M);
    double w = ax->dev[2] - ax->dev[0], h = ax->dev[3] - ax->dev[1];
    p.side = fmin(w, h);
    p.bx = ax->dev[0] + (w - p.side) / 2;
    p.by = ax->dev[1] + (h - p.side) / 2;
    return p;
}

/* proj_transform then transData: screen (device units) and depth (larger is nearer). */
static void project(const proj3 *p, double x, double y, double z, double *sx, double *sy, double *depth)
{
    double tx, ty, tz, v0 = -0.95 / DIST, v1 = 0.9 / DIST;
    nplot__proj3d_apply(p->M, x, y, z, &tx, &ty, &tz);
    *sx = p->bx + (tx - v0) / (v1 - v0) * p->side;
    *sy = p->by + p->side - (ty - v0) / (v1 - v0) * p->side;
    *depth = -tz;
}

/* ---- panes, grid, axes (axis3d.py) ------------------------------------------------------------ */
typedef struct frame3 {
    double mins[3], maxs[3], centers[3], deltas[3];
    bool highs[3];
    double minmax[3], maxmin[3];
} frame3;

/* unit_cube's corner order */
static const int CX[8] = { 0, 1, 1, 0, 0, 1, 1, 0 }, CY[8] = { 0, 0, 1, 1, 0, 0, 1, 1 },
                 CZ[8] = { 0, 0, 0, 0, 1, 1, 1, 1 };
static const int PLANES[6][4] = { { 0, 3, 7, 4 }, { 1, 2, 6, 5 }, { 0, 1, 5, 4 },
                                  { 3, 2, 6, 7 }, { 0, 1, 2, 3 }, { 4, 5, 6, 7 } };

static void corner(const frame3 *f, int c, double q[3])
{
    q[0] = CX[c] ? f->maxs[0] : f->mins[0];
    q[1] = CY[c] ? f->maxs[1] : f->mins[1];
    q[2] = CZ[c] ? f->maxs[2] : f->mins[2];
}

/* Axis._get_coord_info: the bounds widened by 1/48 of their span, and which of each pair of
 * parallel planes is farther (highs: the max plane). */
static frame3 frame_of(const proj3 *p)
{
    frame3 f;
    for (int i = 0; i < 3; i++) {
        double lo = fmin(p->lo[i], p->hi[i]), hi = fmax(p->lo[i], p->hi[i]);
        f.centers[i] = 0.5 * (lo + hi);
        f.deltas[i] = (hi - lo) / 12;
        f.mins[i] = lo - 0.25 * f.deltas[i];
        f.maxs[i] = hi + 0.25 * f.deltas[i];
    }
    double tz[8];
    for (int c = 0; c < 8; c++) {
        double q[3], tx, ty;
        corner(&f, c, q);
        nplot__proj3d_apply(p->M, q[0], q[1], q[2], &tx, &ty, &tz[c]);
    }
    double z0[3], z1[3];
    int neq = 0;
    bool eq[3];
    for (int i = 0; i < 3; i++) {
        z0[i] = z1[i] = 0;
        for (int v = 0; v < 4; v++) z0[i] += tz[PLANES[2 * i][v]] / 4, z1[i] += tz[PLANES[2 * i + 1][v]] / 4;
        f.highs[i] = z0[i] < z1[i];
        eq[i] = fabs(z0[i] - z1[i]) <= 2.220446049250313e-16;
        neq += eq[i];
    }
    if (neq == 2) { /* edge-on views */
        int vert = !eq[0] ? 0 : !eq[1] ? 1 : 2;
        if (vert == 2) f.highs[0] = f.highs[1] = true;
        else if (vert == 1) f.highs[0] = true, f.highs[2] = false;
        else f.highs[1] = f.highs[2] = false;
    }
    for (int i = 0; i < 3; i++) {
        f.minmax[i] = f.highs[i] ? f.maxs[i] : f.mins[i];
        f.maxmin[i] = f.highs[i] ? f.mins[i] : f.maxs[i];
    }
    return f;
}

static void line3(render_ctx *rc, const proj3 *p, const double a[3], const double b[3])
{
    double x0, y0, x1, y1, d;
    project(p, a[0], a[1], a[2], &x0, &y0, &d);
    project(p, b[0], b[1], b[2], &x1, &y1, &d);
    cairo_move_to(rc->cr, x0, y0);
    cairo_line_to(rc->cr, x1, y1);
}

static void draw_panes(render_ctx *rc, const proj3 *p, const frame3 *f)
{
    cairo_t *cr = rc->cr;
    /* matplotlib's pane colors for x, y, z */
    static const double shade[3] = { 0.95, 0.90, 0.925 };
    for (int k = 0; k < 3; k++) {
        const int *plane = PLANES[2 * k + (f->highs[k] ? 1 : 0)];
        for (int v = 0; v < 4; v++) {
            double q[3], sx, sy, d;
            corner(f, plane[v], q);
            project(p, q[0], q[1], q[2], &sx, &sy, &d);
            if (v == 0) cairo_move_to(cr, sx, sy);
            else cairo_line_to(cr, sx, sy);
        }
        cairo_close_path(cr);
        cairo_set_source_rgba(cr, shade[k], shade[k], shade[k], 0.5);
        cairo_fill(cr);
    }
}

/* Axis3D's AutoLocator: MaxNLocator(nbins='auto') takes XAxis.get_tick_space() bins (at
 * most 9): the width in points of the axes' active box, which Axes3D.apply_aspect shrinks
 * to a square, over three times the tick label size. */
static int auto_bins(const nplot_axes *ax, const axis_state *a, double scale)
{
    double side = fmin(ax->dev[2] - ax->dev[0], ax->dev[3] - ax->dev[1]) / scale;
    double size = NPLOT_OPT(a->major.labelsize, 10) * 3;
    double space = floor(side / size);
    return space < 1 ? 1 : space > 9 ? 9 : (int)space;
}

int nplot__axis3d_ticks(const nplot_axes *ax, int k, double scale, double *out, int cap)
{
    const axis_state *a = k == 0 ? &ax->xa : k == 1 ? &ax->ya : &ax->za;
    double lo = k == 0 ? ax->xa.lo : k == 1 ? ax->ya.lo : 0, hi = k == 0 ? ax->xa.hi : k == 1 ? ax->ya.hi : 0;
    if (k == 2) nplot__zlimits((nplot_axes *)ax, &lo, &hi);
    double l = fmin(lo, hi), h = fmax(lo, hi), buf[64];
    int n = a->fixed_set ? (a->nfixed < 64 ? a->nfixed : 64) : nplot_maxn_ticks(l, h, auto_bins(ax, a, scale), buf, 64);
    if (a->fixed_set && n > 0) memcpy(buf, a->fixed, sizeof(double) * (size_t)n);
    if (n > 64) n = 64;
    int m = 0;
    double tol = (h - l) * 1e-9;
    for (int i = 0; i < n; i++)
        if (buf[i] >= l - tol && buf[i] <= h + tol) {
            if (m < cap) out[m] = buf[i];
            m++;
        }
    return m;
}

/* A date axis of a 3-D axes: the ticks in the view and their labels as a 2-D date axis
 * has them (its formatter; a concise formatter's offset text is not drawn on 3-D axes) */
static int axis3d_date_ticks(nplot_axes *ax, const axis_state *a, double lo, double hi, double *locs,
                             char **labels, int cap)
{
    static _Thread_local char l[64][NPLOT_DATE_LABEL];
    char off[NPLOT_DATE_LABEL];
    int n = 0;
    if (isfinite(lo) && isfinite(hi) && fabs(lo) <= NPLOT_DATE_MAX_DAYS && fabs(hi) <= NPLOT_DATE_MAX_DAYS)
        n = nplot__date_ticks_fmt(lo, hi, a->date_fmt, a->date_strftime, a->fixed_set ? a->fixed : NULL,
                                  a->nfixed, locs, l, cap < 64 ? cap : 64, off, sizeof off);
    if (n > cap) n = cap;
    if (n > 64) n = 64;
    for (int i = 0; i < n; i++)
        if (!(labels[i] = nd_strdup(l[i], "nplot"))) {
            for (int j = 0; j < i; j++) nd_free_mem(labels[j]), labels[j] = NULL;
            nplot__fail(ax->fig, ND_ENOMEM, "nplot: out of memory formatting 3-D date ticks");
            return 0;
        }
    return n;
}

int nplot__axis3d_ticklabels(nplot_axes *ax, int k, double scale, double *locs, char **labels, int cap)
{
    axis_state *a = k == 0 ? &ax->xa : k == 1 ? &ax->ya : &ax->za;
    double lo = k == 0 ? ax->xa.lo : k == 1 ? ax->ya.lo : 0, hi = k == 0 ? ax->xa.hi : k == 1 ? ax->ya.hi : 0;
    if (k == 2) nplot__zlimits(ax, &lo, &hi);
    if (a->date && a->nfixed_labels == 0) /* zaxis_date / xaxis_date: AutoDateLocator's ticks */
        return axis3d_date_ticks(ax, a, fmin(lo, hi), fmax(lo, hi), locs, labels, cap);
    int m = nplot__axis3d_ticks(ax, k, scale, locs, cap);
    if (m > cap) m = cap;
    char *off = NULL;
    if (nplot__format_ticks(&a->fmt, SCALE_LINEAR, 10, locs, m, fmin(lo, hi), fmax(lo, hi), labels, &off)) {
        nplot__fail(ax->fig, ND_ENOMEM, "nplot: out of memory formatting 3-D ticks");
        return 0;
    }
    nd_free_mem(off);
    if (a->fixed_set)
        for (int i = 0; i < m && i < a->nfixed_labels; i++) {
            char *c = nd_strdup(a->fixed_labels[i] ? a->fixed_labels[i] : "", "nplot");
            if (c) nd_free_mem(labels[i]), labels[i] = c;
        }
    return m;
}

/* art3d._norm_text_angle: into (-90, 90] */
static double text_angle(double a)
{
    a = fmod(a + 180, 180);
    if (a < 0) a += 180;
    return a > 90 ? a - 180 : a;
}

/* _move_from_center: each coordinate but axis k moves away from the centre by dl */
static void move_from_center(const frame3 *f, double q[3], const double dl[3], int k)
{
    for (int i = 0; i < 3; i++)
        if (i != k) q[i] += copysign(1, q[i] - f->centers[i]) * dl[i];
}

static void draw_axis(render_ctx *rc, nplot_axes *ax, const proj3 *p, const frame3 *f, int k,
                      bool draw_grid)
{
    cairo_t *cr = rc->cr;
    const nplot__style *st = ax->fig->style;
    axis_state *a = k == 0 ? &ax->xa : k == 1 ? &ax->ya : &ax->za;
    /* _get_axis_line_edge_points (vertical axis z) */
    static const int juggled[3][2] = { { 1, 0 }, { 0, 1 }, { 0, 2 } };
    double e0[3], e1[3];
    memcpy(e0, f->minmax, sizeof e0);
    e0[juggled[k][0]] = f->maxmin[juggled[k][0]];
    memcpy(e1, e0, sizeof e1);
    e1[juggled[k][1]] = f->maxmin[juggled[k][1]];
    double locs[64];
    char *labels[64] = { 0 };
    int n = nplot__axis3d_ticklabels(ax, k, rc->scale, locs, labels, 64);
    /* the axis line */
    cairo_set_line_width(cr, st->axes_linewidth * rc->scale);
    cairo_set_source_rgba(cr, st->axes_edge.r, st->axes_edge.g, st->axes_edge.b, st->axes_edge.a);
    line3(rc, p, e0, e1);
    cairo_stroke(cr);
    double s0x, s0y, s1x, s1y, d;
    project(p, e0[0], e0[1], e0[2], &s0x, &s0y, &d);
    project(p, e1[0], e1[1], e1[2], &s1x, &s1y, &d);
    /* a rough points-to-data estimate: 48 / (axes width + height in points) */
    double per_point = 48 / (2 * p->side / rc->scale);
    /* grid: from the end of one back pane through the corner line to the end of the other */
    if (draw_grid && !ax->grid3d_off && st->grid_color.a > 0) {
        cairo_set_line_width(cr, st->grid_linewidth * rc->scale);
        cairo_set_source_rgba(cr, st->grid_color.r, st->grid_color.g, st->grid_color.b,
                              st->grid_color.a * (st->grid_alpha > 0 ? st->grid_alpha : 1));
        int i2 = (k + 1) % 3, i1 = (k + 2) % 3; /* index - 2, index - 1 */
        for (int t = 0; t < n; t++) {
            double q0[3], q1[3], q2[3];
            memcpy(q1, f->minmax, sizeof q1);
            q1[k] = locs[t];
            memcpy(q0, q1, sizeof q0);
            memcpy(q2, q1, sizeof q2);
            q0[i2] = f->maxmin[i2];
            q2[i1] = f->maxmin[i1];
            double x0, y0, x1, y1, x2, y2;
            project(p, q0[0], q0[1], q0[2], &x0, &y0, &d);
            project(p, q1[0], q1[1], q1[2], &x1, &y1, &d);
            project(p, q2[0], q2[1], q2[2], &x2, &y2, &d);
            cairo_move_to(cr, x0, y0);
            cairo_line_to(cr, x1, y1);
            cairo_line_to(cr, x2, y2);
        }
        cairo_stroke(cr);
    }
    /* ticks along tickdir, labels moved out from the centre by (pad + 8) points */
    int tickdir = k == 0 ? 1 : 0;
    double tickdelta = f->highs[tickdir] ? f->deltas[tickdir] : -f->deltas[tickdir];
    double out = e0[tickdir] + 0.1 * tickdelta, in = e0[tickdir] - 0.2 * tickdelta;
    double pad = a->major.pad > 0 ? a->major.pad : 3.5, dl[3];
    for (int i = 0; i < 3; i++) dl[i] = (pad + 8) * per_point * f->deltas[i];
    text_style ts = { a->major.labelsize, a->major.labelcolor, PANGO_WEIGHT_NORMAL, PANGO_STYLE_NORMAL,
                      st->font_family };
    cairo_set_line_width(cr, a->major.width * rc->scale);
    cairo_set_source_rgba(cr, a->major.color.r, a->major.color.g, a->major.color.b, a->major.color.a);
    for (int t = 0; t < n; t++) {
        double q[3] = { e0[0], e0[1], e0[2] }, x1, y1, x2, y2;
        q[k] = locs[t];
        q[tickdir] = out;
        project(p, q[0], q[1], q[2], &x1, &y1, &d);
        q[tickdir] = in;
        project(p, q[0], q[1], q[2], &x2, &y2, &d);
        cairo_move_to(cr, x1, y1);
        cairo_line_to(cr, x2, y2);
    }
    cairo_stroke(cr);
    for (int t = 0; t < n; t++) {
        if (!labels[t] || !labels[t][0]) continue;
        double q[3] = { e0[0], e0[1], e0[2] }, lx, ly;
        q[k] = locs[t];
        move_from_center(f, q, dl, k);
        project(p, q[0], q[1], q[2], &lx, &ly, &d);
        /* an XTick's label1: va 'top', ha 'center' */
        text_box tb = nplot__text_layout(rc, labels[t], &ts);
        nplot__text_place(rc, &tb, lx, ly, HA_CENTER, VA_TOP, a->major.labelrotation, &a->major.labelcolor, true);
        nplot__text_free(&tb);
    }
    for (int t = 0; t < n; t++) nd_free_mem(labels[t]);
    if (a->label && a->label[0]) {
        double q[3] = { (e0[0] + e1[0]) / 2, (e0[1] + e1[1]) / 2, (e0[2] + e1[2]) / 2 }, ld[3], lx, ly;
        double lpad = a->labelpad;
        for (int i = 0; i < 3; i++) ld[i] = (lpad + 21) * per_point * f->deltas[i];
        move_from_center(f, q, ld, k);
        project(p, q[0], q[1], q[2], &lx, &ly, &d);
        /* get_rotate_label: labels longer than 4 characters follow the axis line */
        double rot = strlen(a->label) > 4 ? text_angle(atan2(-(s1y - s0y), s1x - s0x) * 180 / M_PI) : 0;
        text_box tb = nplot__text_layout(rc, a->label, &a->label_ts);
        nplot__text_place(rc, &tb, lx, ly, HA_CENTER, VA_CENTER, rot, &a->label_ts.color, true);
        nplot__text_free(&tb);
    }
}

/* ---- depth-sorted artists --------------------------------------------------------------------- */
typedef struct prim {
    double depth;
    artist *a;
    size_t i;        /* quad index (row-major over (ih-1) x (iw-1)), segment start, point,
                        polygon start */
    size_t j, k;     /* a polygon's end (its NaN) and number */
    const double *sx, *sy, *sd;
    double dlo, dhi; /* the artist's depth range (scatter depthshade); a line segment's part
                        drawn, [dlo, dhi] of the way from vertex i to i + 1 */
} prim;

static int cmp_depth(const void *pa, const void *pb)
{
    const prim *a = pa, *b = pb;
    return a->depth < b->depth ? -1 : a->depth > b->depth ? 1 : 0;
}

static void draw_prim(render_ctx *rc, const prim *q)
{
    cairo_t *cr = rc->cr;
    artist *a = q->a;
    if (a->kind == ART_SURFACE3D) {
        size_t w = (size_t)a->iw, r = q->i / (w - 1), c = q->i % (w - 1);
        size_t v[4] = { r * w + c, r * w + c + 1, (r + 1) * w + c + 1, (r + 1) * w + c };
        double cx = 0, cy = 0, g = a->grow ? 0.35 * (rc->raster ? 1 : rc->scale) : 0;
        for (int k = 0; k < 4; k++) cx += q->sx[v[k]] / 4, cy += q->sy[v[k]] / 4;
        for (int k = 0; k < 4; k++) {
            double px = q->sx[v[k]], py = q->sy[v[k]], dx = px - cx, dy = py - cy, dn = hypot(dx, dy);
            if (dn > 0) px += dx / dn * g, py += dy / dn * g;
            if (k == 0) cairo_move_to(cr, px, py);
            else cairo_line_to(cr, px, py);
        }
        cairo_close_path(cr);
        rgba f = a->colors[q->i];
        cairo_set_source_rgba(cr, f.r, f.g, f.b, f.a * a->alpha);
        if (a->has_edge) {
            cairo_fill_preserve(cr);
            rgba e = a->edge_is_face ? f : a->edge;
            cairo_set_source_rgba(cr, e.r, e.g, e.b, e.a * a->alpha);
            cairo_set_line_width(cr, a->edge_lw * rc->scale);
            cairo_stroke(cr);
        } else {
            cairo_fill(cr);
        }
    } else if (a->kind == ART_POLY3D) {
        for (size_t v = q->i; v < q->j; v++) {
            if (v == q->i) cairo_move_to(cr, q->sx[v], q->sy[v]);
            else cairo_line_to(cr, q->sx[v], q->sy[v]);
        }
        cairo_close_path(cr);
        rgba f = a->colors ? a->colors[q->k] : a->face;
        if (a->has_face) {
            cairo_set_source_rgba(cr, f.r, f.g, f.b, f.a * a->alpha);
            if (a->has_edge) cairo_fill_preserve(cr);
            else cairo_fill(cr);
        }
        if (a->has_edge) {
            rgba e = a->edge_is_face ? f : a->edge_colors ? a->edge_colors[q->k] : a->edge;
            cairo_set_source_rgba(cr, e.r, e.g, e.b, e.a * a->alpha);
            cairo_set_line_width(cr, a->edge_lw * rc->scale);
            cairo_stroke(cr);
        }
        cairo_new_path(cr);
    } else if (a->kind == ART_LINE3D) {
        size_t i = q->i;
        double dx = q->sx[i + 1] - q->sx[i], dy = q->sy[i + 1] - q->sy[i];
        cairo_move_to(cr, q->sx[i] + q->dlo * dx, q->sy[i] + q->dlo * dy);
        cairo_line_to(cr, q->sx[i] + q->dhi * dx, q->sy[i] + q->dhi * dy);
        rgba c = a->lp.color;
        cairo_set_source_rgba(cr, c.r, c.g, c.b, c.a * a->alpha);
        double lw = a->lp.lw * rc->scale;
        cairo_set_line_width(cr, lw);
        nplot__set_dash(cr, a->lp.ls, a->lp.dashes, a->lp.ndashes, lw, rc->scale);
        cairo_stroke(cr);
        cairo_set_dash(cr, NULL, 0, 0);
    } else {
        size_t i = q->i;
        rgba f = a->colors ? a->colors[i] : a->face;
        /* depthshade (art3d._zalpha): alpha 1 - 0.7 Normalize(depths) over the artist, far
         * markers fade */
        double t = q->dhi > q->dlo ? nplot__clampd((q->dhi - q->sd[i]) / (q->dhi - q->dlo), 0, 1) : 0;
        f.a *= a->alpha * (1 - 0.7 * t);
        double size = sqrt(a->sizes ? a->sizes[i] : a->size) * rc->scale;
        nplot__draw_markers(rc, &q->sx[i], &q->sy[i], 1, a->lp.marker, size, NULL, f, NULL, f, true,
                            a->edge_lw * rc->scale, nplot__marker_filled((marker_kind)a->lp.marker), NULL);
    }
}

/* Texts on a 3-D axes, over the artists: Axes3D.text's Text3D at its projected point,
 * turned along the projection of its zdir (art3d.Text3D.draw; z holds z, then the
 * direction), and text2D's texts in axes or figure coordinates as 2-D ones. */
static void draw_texts(render_ctx *rc, nplot_axes *ax, const proj3 *p)
{
    for (artist *a = ax->artists; a; a = a->next) {
        if (a->hidden || a->kind != ART_TEXT) continue;
        if (!a->z) {
            if (a->xcoord != COORD_DATA && a->ycoord != COORD_DATA) nplot__draw_text_artist(rc, ax, a);
            continue;
        }
        const double *w = a->z;
        double x0, y0, x1, y1, d;
        project(p, a->x[0], a->y[0], w[0], &x0, &y0, &d);
        project(p, a->x[0] + w[1], a->y[0] + w[2], w[0] + w[3], &x1, &y1, &d);
        double keep = a->rotation;
        a->rotation = text_angle(atan2(-(y1 - y0), x1 - x0) * 180 / M_PI);
        nplot__draw_text_at(rc, a, x0, y0);
        a->rotation = keep;
    }
}

/* The labels of every labelled contour set of ax (its ART_CONTOUR painters carry them),
 * on the lines' device vertices sx, sy (the 3-D artists' in order, as projected). */
static bool place_labels(render_ctx *rc, nplot_axes *ax, const double *sx, const double *sy,
                         nplot__clabels3d *L)
{
    bool ok = true;
    for (const artist *c = ax->artists; ok && c; c = c->next) {
        if (c->kind != ART_CONTOUR || c->hidden || !c->npoly) continue;
        size_t n = 0, off = 0;
        for (const artist *a = ax->artists; a; a = a->next)
            n += !a->hidden && a->kind == ART_LINE3D && a->cset == c->cset;
        const artist **lines = nd_malloc(sizeof(artist *) * (n ? n : 1), "nplot");
        const double **lx = nd_malloc(sizeof(double *) * (n ? n : 1) * 2, "nplot"), **ly = lx ? lx + (n ? n : 1) : NULL;
        if (!lines || !lx) {
            nplot__fail(ax->fig, ND_ENOMEM, "nplot: out of memory placing contour labels");
            ok = false;
        }
        n = 0;
        for (const artist *a = ax->artists; ok && a; a = a->next) {
            if (a->hidden || !nplot__class_of(a->kind)->is_3d) continue;
            if (a->kind == ART_LINE3D && a->cset == c->cset) lines[n] = a, lx[n] = sx + off, ly[n] = sy + off, n++;
            off += a->n;
        }
        ok = ok && nplot__clabels3d_place(rc, ax, c, lines, lx, ly, n, L);
        nd_free_mem(lines);
        nd_free_mem(lx);
    }
    return ok;
}

void nplot__draw_axes3d(render_ctx *rc, nplot_axes *ax)
{
    cairo_t *cr = rc->cr;
    proj3 p = make_proj(ax);
    frame3 f = frame_of(&p);
    cairo_save(cr);
    cairo_set_line_cap(cr, CAIRO_LINE_CAP_BUTT);
    cairo_set_dash(cr, NULL, 0, 0);
    if (!ax->axis_off) {
        draw_panes(rc, &p, &f);
        for (int k = 0; k < 3; k++) draw_axis(rc, ax, &p, &f, k, true); /* 3-D grids are on */
    }
    /* project every vertex of every 3-D artist, then sort all primitives together */
    size_t nprim = 0, nvert = 0;
    for (artist *a = ax->artists; a; a = a->next) {
        if (a->hidden) continue; /* set_visible(False) */
        if (a->kind == ART_SURFACE3D) nprim += (size_t)(a->ih - 1) * (size_t)(a->iw - 1);
        else if (a->kind == ART_LINE3D) nprim += a->n ? a->n - 1 : 0;
        else if (a->kind == ART_SCATTER3D) nprim += a->n;
        else if (a->kind == ART_POLY3D) nprim += a->npoly;
        else continue;
        nvert += a->n;
    }
    double *sx = nd_malloc(sizeof(double) * (nvert ? nvert : 1) * 3, "nplot");
    prim *list = nd_malloc(sizeof(prim) * (nprim ? nprim : 1), "nplot");
    if (!sx || !list) {
        nd_free_mem(sx);
        nd_free_mem(list);
        cairo_restore(cr);
        nplot__fail(ax->fig, ND_ENOMEM, "nplot: out of memory drawing a 3-D axes");
        return;
    }
    double *sy = sx + nvert, *sd = sy + nvert;
    size_t off = 0, m = 0;
    for (artist *a = ax->artists; a; a = a->next) {
        if (a->hidden || !nplot__class_of(a->kind)->is_3d) continue;
        double *X = sx + off, *Y = sy + off, *D = sd + off;
        for (size_t i = 0; i < a->n; i++) {
            if (isfinite(a->x[i]) && isfinite(a->y[i]) && isfinite(a->z[i]))
                project(&p, a->x[i], a->y[i], a->z[i], &X[i], &Y[i], &D[i]);
            else
                X[i] = Y[i] = D[i] = NAN;
        }
        off += a->n;
    }
    /* contour labels (nplot_clabel) on the projected lines; inline, the lines leave them room */
    nplot__clabels3d labels = { 0 };
    bool ok = place_labels(rc, ax, sx, sy, &labels);
    if (ok && labels.ngap) { /* a label inside one segment splits it in two */
        nd_free_mem(list);
        if (!(list = nd_malloc(sizeof(prim) * (nprim + labels.ngap), "nplot")))
            ok = !nplot__fail(ax->fig, ND_ENOMEM, "nplot: out of memory drawing a 3-D axes");
    }
    off = 0;
    for (artist *a = ax->artists; ok && a; a = a->next) {
        if (a->hidden || !nplot__class_of(a->kind)->is_3d) continue;
        double *X = sx + off, *Y = sy + off, *D = sd + off;
        if (a->kind == ART_SURFACE3D) {
            size_t w = (size_t)a->iw;
            for (size_t r = 0; r + 1 < (size_t)a->ih; r++)
                for (size_t c = 0; c + 1 < w; c++) {
                    size_t v0 = r * w + c;
                    double d = (D[v0] + D[v0 + 1] + D[v0 + w] + D[v0 + w + 1]) / 4;
                    if (!isfinite(d) || a->colors[r * (w - 1) + c].a <= 0) continue;
                    list[m++] = (prim){ d, a, r * (w - 1) + c, 0, 0, X, Y, D, 0, 0 };
                }
        } else if (a->kind == ART_POLY3D) {
            /* Poly3DCollection's zsort 'average': the mean depth of the polygon's vertices,
             * the first counted twice (its polygons are closed: the first vertex repeats) */
            size_t s = 0, k = 0;
            for (size_t i = 0; i <= a->n && k < a->npoly; i++) {
                if (i < a->n && !isnan(a->x[i])) continue;
                double d = i > s ? D[s] : 0;
                for (size_t v = s; v < i; v++) d += D[v];
                d /= (double)(i - s + 1);
                if (i - s >= 2 && isfinite(d)) list[m++] = (prim){ d, a, s, i, k, X, Y, D, 0, 0 };
                s = i + 1, k++;
            }
        } else if (a->kind == ART_LINE3D) {
            /* a segment's prim strokes the part [dlo, dhi] of it that no label covers */
            const nplot__clabel_gap *g = labels.gap, *ge = labels.ngap ? labels.gap + labels.ngap : g;
            while (g < ge && g->line != a) g++;
            while (ge > g && ge[-1].line != a) ge--;
            if (a->lp.ls != LS_NONE)
                for (size_t i = 0; i + 1 < a->n; i++) {
                    double d = (D[i] + D[i + 1]) / 2, t = (double)i, e = t + 1;
                    if (!isfinite(d)) continue;
                    for (const nplot__clabel_gap *k = g; k < ge && k->lo < e && t < e; k++) {
                        if (k->hi <= t) continue;
                        if (k->lo > t) list[m++] = (prim){ d, a, i, 0, 0, X, Y, D, t - (double)i, k->lo - (double)i };
                        t = k->hi;
                    }
                    if (t < e) list[m++] = (prim){ d, a, i, 0, 0, X, Y, D, t - (double)i, 1 };
                }
        } else {
            double lo = INFINITY, hi = -INFINITY;
            for (size_t i = 0; i < a->n; i++)
                if (isfinite(D[i])) lo = fmin(lo, D[i]), hi = fmax(hi, D[i]);
            for (size_t i = 0; i < a->n; i++)
                if (isfinite(D[i])) list[m++] = (prim){ D[i], a, i, 0, 0, X, Y, D, lo, hi };
        }
        off += a->n;
    }
    if (m) qsort(list, m, sizeof *list, cmp_depth);
    cairo_rectangle(cr, 0, 0, rc->W, rc->H);
    cairo_clip(cr);
    cairo_set_line_join(cr, CAIRO_LINE_JOIN_ROUND);
    cairo_set_line_cap(cr, CAIRO_LINE_CAP_ROUND);
    for (size_t i = 0; i < m; i++) draw_prim(rc, &list[i]);
    /* line markers (3-D plot with a marker) on top of their lines */
    off = 0;
    for (artist *a = ax->artists; a; a = a->next) {
        if (a->hidden || !nplot__class_of(a->kind)->is_3d) continue;
        if (a->kind == ART_LINE3D && a->lp.marker != MK_NONE) {
            rgba mf = a->lp.mfc, me = a->lp.mec;
            mf.a *= a->alpha, me.a *= a->alpha;
            for (size_t i = 0; i < a->n; i++)
                if (isfinite(sd[off + i]))
                    nplot__draw_markers(rc, &sx[off + i], &sy[off + i], 1, a->lp.marker, a->lp.ms * rc->scale,
                                        NULL, mf, NULL, me, false, a->lp.mew * rc->scale,
                                        nplot__marker_filled((marker_kind)a->lp.marker), NULL);
        }
        off += a->n;
    }
    nd_free_mem(sx);
    nd_free_mem(list);
    nplot__clabels3d_draw(rc, &labels);
    nplot__clabels3d_free(&labels);
    draw_texts(rc, ax, &p);
    cairo_restore(cr);
}

void nplot__project3d(nplot_axes *ax, double x, double y, double z, double *sx, double *sy)
{
    proj3 p = make_proj(ax);
    double d;
    project(&p, x, y, z, sx, sy, &d);
}
