/* Drawing a 3-D axes: projection, panes, grid, axis lines with ticks and labels, and the
 * 3-D artists. Every quad, segment and marker of every 3-D artist goes into one list
 * sorted by depth, so surfaces that interleave occlude correctly (matplotlib sorts per
 * collection and gets this wrong). */
#include "plot_render.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

/* matplotlib's default box aspect 4:4:3, scaled to a diagonal of 1.8295 */
#define BOX_NORM 1.8294640721620434
#define DIST 10.0 /* eye distance in box units (mild perspective) */

typedef struct proj3 {
    double lo[3], hi[3];   /* data limits */
    double half[3];        /* box half-extents */
    double r[3], u[3], e[3];
    double cx, cy, scale;  /* screen centre and device units per box unit */
} proj3;

static proj3 make_proj(nplot_axes *ax)
{
    proj3 p;
    p.lo[0] = ax->xa.lo, p.hi[0] = ax->xa.hi;
    p.lo[1] = ax->ya.lo, p.hi[1] = ax->ya.hi;
    nplot__zlimits(ax, &p.lo[2], &p.hi[2]);
    double asp[3] = { 4, 4, 3 }, n = sqrt(41.0);
    for (int i = 0; i < 3; i++) p.half[i] = asp[i] * BOX_NORM / n / 2;
    double el = ax->elev * M_PI / 180, az = ax->azim * M_PI / 180;
    p.e[0] = cos(el) * cos(az), p.e[1] = cos(el) * sin(az), p.e[2] = sin(el);
    p.r[0] = -sin(az), p.r[1] = cos(az), p.r[2] = 0;
    p.u[0] = -sin(el) * cos(az), p.u[1] = -sin(el) * sin(az), p.u[2] = cos(el);
    p.cx = (ax->dev[0] + ax->dev[2]) / 2;
    p.cy = (ax->dev[1] + ax->dev[3]) / 2;
    /* the box fills the axes about as much as matplotlib's does (its corners may reach past the axes edge) */
    p.scale = fmin(ax->dev[2] - ax->dev[0], ax->dev[3] - ax->dev[1]) / BOX_NORM * 0.98;
    return p;
}

/* Data → box coordinates in [-half, half]. */
static void to_box(const proj3 *p, const double d[3], double b[3])
{
    for (int i = 0; i < 3; i++) {
        double span = p->hi[i] - p->lo[i];
        b[i] = span != 0 ? ((d[i] - p->lo[i]) / span * 2 - 1) * p->half[i] : 0;
    }
}

/* Box → screen (device units) and depth (larger is nearer the eye). */
static void box_to_screen(const proj3 *p, const double b[3], double *sx, double *sy, double *depth)
{
    double X = b[0] * p->r[0] + b[1] * p->r[1] + b[2] * p->r[2];
    double Y = b[0] * p->u[0] + b[1] * p->u[1] + b[2] * p->u[2];
    double D = b[0] * p->e[0] + b[1] * p->e[1] + b[2] * p->e[2];
    double f = DIST / (DIST - D);
    *sx = p->cx + X * f * p->scale;
    *sy = p->cy - Y * f * p->scale;
    *depth = D;
}

static void project(const proj3 *p, double x, double y, double z, double *sx, double *sy, double *depth)
{
    double d[3] = { x, y, z }, b[3];
    to_box(p, d, b);
    box_to_screen(p, b, sx, sy, depth);
}

/* ---- panes, grid, axes ----------------------------------------------------------------------- */
typedef struct frame3 {
    double back[3];   /* the data coordinate of the back pane of each axis */
    double front[3];
} frame3;

static frame3 frame_of(const proj3 *p)
{
    frame3 f;
    for (int i = 0; i < 3; i++) {
        bool eye_high = p->e[i] > 0;
        f.back[i] = eye_high ? p->lo[i] : p->hi[i];
        f.front[i] = eye_high ? p->hi[i] : p->lo[i];
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
        int i = (k + 1) % 3, j = (k + 2) % 3;
        double c[4][3];
        double ui[4] = { p->lo[i], p->hi[i], p->hi[i], p->lo[i] }, uj[4] = { p->lo[j], p->lo[j], p->hi[j], p->hi[j] };
        for (int v = 0; v < 4; v++) {
            c[v][k] = f->back[k];
            c[v][i] = ui[v];
            c[v][j] = uj[v];
        }
        for (int v = 0; v < 4; v++) {
            double sx, sy, d;
            project(p, c[v][0], c[v][1], c[v][2], &sx, &sy, &d);
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

/* Ticks (inside the limits) and labels of axis k into caller arrays. */
static int axis_ticks(render_ctx *rc, nplot_axes *ax, axis_state *a, const proj3 *p, int k, double *locs,
                      char **labels, int cap)
{
    double lo = fmin(p->lo[k], p->hi[k]), hi = fmax(p->lo[k], p->hi[k]);
    double buf[64];
    int n = a->fixed_set ? (a->nfixed < 64 ? a->nfixed : 64) : nplot_maxn_ticks(lo, hi, auto_bins(ax, a, rc->scale), buf, 64);
    if (a->fixed_set && n > 0) memcpy(buf, a->fixed, sizeof(double) * (size_t)n);
    if (n > 64) n = 64;
    int m = 0;
    double tol = (hi - lo) * 1e-9;
    for (int i = 0; i < n && m < cap; i++)
        if (buf[i] >= lo - tol && buf[i] <= hi + tol) locs[m++] = buf[i];
    char *off = NULL;
    if (nplot__format_ticks(&a->fmt, SCALE_LINEAR, 10, locs, m, lo, hi, labels, &off)) {
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

static void draw_axis(render_ctx *rc, nplot_axes *ax, const proj3 *p, const frame3 *f, int k,
                      bool draw_grid)
{
    cairo_t *cr = rc->cr;
    const nplot__style *st = ax->fig->style;
    axis_state *a = k == 0 ? &ax->xa : k == 1 ? &ax->ya : &ax->za;
    int i = (k + 1) % 3, j = (k + 2) % 3;
    /* the edge carrying the axis: x and y on the front bottom edge, z on the right
     * silhouette edge (matplotlib's choice for the default views) */
    double at[3];
    if (k == 2) {
        double c1[3] = { f->front[0], f->back[1], 0 }, c2[3] = { f->back[0], f->front[1], 0 };
        double s1, s2, t, d;
        project(p, c1[0], c1[1], p->lo[2], &s1, &t, &d);
        project(p, c2[0], c2[1], p->lo[2], &s2, &t, &d);
        const double *c = s1 > s2 ? c1 : c2;
        at[0] = c[0], at[1] = c[1];
    } else {
        at[i] = i == 2 ? f->back[2] : f->front[i];
        at[j] = j == 2 ? f->back[2] : f->front[j];
    }
    double locs[64];
    char *labels[64] = { 0 };
    int n = axis_ticks(rc, ax, a, p, k, locs, labels, 64);
    /* grid on the two back panes that contain this axis' direction */
    if (draw_grid && st->grid_color.a > 0) {
        cairo_set_line_width(cr, 0.8 * rc->scale);
        cairo_set_source_rgba(cr, 0.69, 0.69, 0.69, 1); /* #b0b0b0 */
        for (int t = 0; t < n; t++) {
            for (int pane = 0; pane < 2; pane++) {
                int q = pane ? i : j, other = pane ? j : i;
                double s0[3], s1[3];
                s0[k] = s1[k] = locs[t];
                s0[q] = s1[q] = f->back[q];
                s0[other] = p->lo[other];
                s1[other] = p->hi[other];
                line3(rc, p, s0, s1);
            }
        }
        cairo_stroke(cr);
    }
    /* the axis line */
    double e0[3], e1[3];
    e0[k] = p->lo[k], e1[k] = p->hi[k];
    e0[i] = e1[i] = at[i];
    e0[j] = e1[j] = at[j];
    if (k == 2) e0[0] = e1[0] = at[0], e0[1] = e1[1] = at[1];
    cairo_set_line_width(cr, st->axes_linewidth * rc->scale);
    cairo_set_source_rgba(cr, st->axes_edge.r, st->axes_edge.g, st->axes_edge.b, st->axes_edge.a);
    line3(rc, p, e0, e1);
    cairo_stroke(cr);
    /* outward: from the box centre towards the edge, in screen space */
    double mid[3] = { (p->lo[0] + p->hi[0]) / 2, (p->lo[1] + p->hi[1]) / 2, (p->lo[2] + p->hi[2]) / 2 };
    double em[3] = { (e0[0] + e1[0]) / 2, (e0[1] + e1[1]) / 2, (e0[2] + e1[2]) / 2 };
    if (k != 2) em[2] = mid[2]; /* x / y labels go out horizontally, not down */
    double mx, my, ex, ey, d;
    project(p, mid[0], mid[1], mid[2], &mx, &my, &d);
    project(p, em[0], em[1], em[2], &ex, &ey, &d);
    double ox = ex - mx, oy = ey - my, on = hypot(ox, oy);
    if (k == 2) ox = 1, oy = 0, on = 1; /* z labels sit to the right */
    if (on > 0) ox /= on, oy /= on;
    text_style ts = { a->major.labelsize, a->major.labelcolor, PANGO_WEIGHT_NORMAL, PANGO_STYLE_NORMAL,
                      st->font_family };
    double tick = 3.5 * rc->scale, pad = 4 * rc->scale, maxext = 0;
    cairo_set_line_width(cr, a->major.width * rc->scale);
    for (int t = 0; t < n; t++) {
        double q[3] = { e0[0], e0[1], e0[2] };
        q[k] = locs[t];
        double sx, sy;
        project(p, q[0], q[1], q[2], &sx, &sy, &d);
        cairo_move_to(cr, sx - ox * tick * 0.5, sy - oy * tick * 0.5);
        cairo_line_to(cr, sx + ox * tick, sy + oy * tick);
        if (!labels[t] || !labels[t][0]) continue;
        text_box tb = nplot__text_layout(rc, labels[t], &ts);
        double ext = fabs(ox) * tb.w / 2 + fabs(oy) * tb.h / 2;
        maxext = fmax(maxext, 2 * ext);
        double lx = sx + ox * (tick + pad + ext), ly = sy + oy * (tick + pad + ext);
        nplot__text_place(rc, &tb, lx, ly, HA_CENTER, VA_CENTER, 0, &a->major.labelcolor, true);
        nplot__text_free(&tb);
    }
    cairo_set_source_rgba(cr, a->major.color.r, a->major.color.g, a->major.color.b, a->major.color.a);
    cairo_stroke(cr);
    for (int t = 0; t < n; t++) nd_free_mem(labels[t]);
    if (a->label && a->label[0]) {
        double sx, sy;
        project(p, (e0[0] + e1[0]) / 2, (e0[1] + e1[1]) / 2, (e0[2] + e1[2]) / 2, &sx, &sy, &d);
        text_box tb = nplot__text_layout(rc, a->label, &a->label_ts);
        double off = tick + pad + maxext + 6 * rc->scale + fabs(ox) * tb.h / 2 + fabs(oy) * tb.h / 2;
        nplot__text_place(rc, &tb, sx + ox * off, sy + oy * off, HA_CENTER, VA_CENTER, 0,
                          &a->label_ts.color, true);
        nplot__text_free(&tb);
    }
}

/* ---- depth-sorted artists --------------------------------------------------------------------- */
typedef struct prim {
    double depth;
    artist *a;
    size_t i;        /* quad index (row-major over (ih-1) x (iw-1)), segment start, point */
    const double *sx, *sy, *sd;
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
    } else if (a->kind == ART_LINE3D) {
        size_t i = q->i;
        cairo_move_to(cr, q->sx[i], q->sy[i]);
        cairo_line_to(cr, q->sx[i + 1], q->sy[i + 1]);
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
        /* depthshade: far markers fade (matplotlib maps depth to alpha 1 .. 0.3) */
        double t = nplot__clampd((q->sd[i] + 1) / 2, 0, 1);
        f.a *= a->alpha * (0.3 + 0.7 * t);
        double size = sqrt(a->sizes ? a->sizes[i] : a->size) * rc->scale;
        nplot__draw_markers(rc, &q->sx[i], &q->sy[i], 1, a->lp.marker, size, NULL, f, NULL, f, true,
                            a->edge_lw * rc->scale, nplot__marker_filled((marker_kind)a->lp.marker), NULL);
    }
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
        if (a->kind == ART_SURFACE3D) {
            size_t w = (size_t)a->iw;
            for (size_t r = 0; r + 1 < (size_t)a->ih; r++)
                for (size_t c = 0; c + 1 < w; c++) {
                    size_t v0 = r * w + c;
                    double d = (D[v0] + D[v0 + 1] + D[v0 + w] + D[v0 + w + 1]) / 4;
                    if (!isfinite(d) || a->colors[r * (w - 1) + c].a <= 0) continue;
                    list[m++] = (prim){ d, a, r * (w - 1) + c, X, Y, D };
                }
        } else if (a->kind == ART_LINE3D) {
            if (a->lp.ls != LS_NONE)
                for (size_t i = 0; i + 1 < a->n; i++) {
                    double d = (D[i] + D[i + 1]) / 2;
                    if (isfinite(d)) list[m++] = (prim){ d, a, i, X, Y, D };
                }
        } else {
            for (size_t i = 0; i < a->n; i++)
                if (isfinite(D[i])) list[m++] = (prim){ D[i], a, i, X, Y, D };
        }
        off += a->n;
    }
    qsort(list, m, sizeof *list, cmp_depth);
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
    cairo_restore(cr);
}

void nplot__project3d(nplot_axes *ax, double x, double y, double z, double *sx, double *sy)
{
    proj3 p = make_proj(ax);
    double d;
    project(&p, x, y, z, sx, sy, &d);
}
