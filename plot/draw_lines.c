/* Line rendering: transform, clip to the view, simplify, stroke; markers on top.
 *
 * Simplification (matplotlib's path.simplify idea, specialised): when a line has more
 * vertices than the axes has device columns, consecutive vertices falling in the same
 * column are reduced to the entry point, the minimum, the maximum and the exit point of
 * that column — which covers exactly the same pixels. Segments are clipped to the view
 * (Liang–Barsky) so huge coordinates never reach cairo's fixed-point rasteriser. */
#include "plot_render.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

typedef struct sink {
    cairo_t *cr;
    bool reduce;
    size_t chunk;        /* stroke every `chunk` segments (0: one path) */
    size_t pending;
    bool have;           /* a column is open */
    double col;          /* floor(x) of the open column */
    double ex, ey;       /* entry point (already emitted) */
    double lx, ly;       /* last point */
    double mnx, mny, mxx, mxy;
    long imn, imx, i;    /* order of the min / max in the column */
    size_t emitted;
} sink;

/* Stroking one huge self-overlapping path makes cairo's tessellator quadratic-ish; an
 * opaque line looks the same stroked in pieces that share their end points. */
static void sink_count(sink *s)
{
    s->emitted++;
    if (s->chunk && ++s->pending >= s->chunk) {
        double x, y;
        cairo_get_current_point(s->cr, &x, &y);
        cairo_stroke(s->cr);
        cairo_move_to(s->cr, x, y);
        s->pending = 0;
    }
}

static void sink_flush(sink *s)
{
    if (!s->have) return;
    double px = s->ex, py = s->ey;
    bool min_first = s->imn <= s->imx;
    double qx[3] = { min_first ? s->mnx : s->mxx, min_first ? s->mxx : s->mnx, s->lx };
    double qy[3] = { min_first ? s->mny : s->mxy, min_first ? s->mxy : s->mny, s->ly };
    for (int k = 0; k < 3; k++) {
        if (qx[k] == px && qy[k] == py) continue;
        cairo_line_to(s->cr, qx[k], qy[k]);
        px = qx[k];
        py = qy[k];
        sink_count(s);
    }
    s->have = false;
}

static void sink_open(sink *s, double x, double y)
{
    s->have = s->reduce;
    s->col = floor(x);
    s->ex = s->lx = s->mnx = s->mxx = x;
    s->ey = s->ly = s->mny = s->mxy = y;
    s->imn = s->imx = s->i = 0;
}

static void sink_move(sink *s, double x, double y)
{
    sink_flush(s);
    cairo_move_to(s->cr, x, y);
    s->emitted++;
    sink_open(s, x, y);
}

static void sink_line(sink *s, double x, double y)
{
    if (s->reduce && s->have && floor(x) == s->col) {
        s->i++;
        s->lx = x;
        s->ly = y;
        if (y < s->mny) {
            s->mny = y;
            s->mnx = x;
            s->imn = s->i;
        }
        if (y > s->mxy) {
            s->mxy = y;
            s->mxx = x;
            s->imx = s->i;
        }
        return;
    }
    sink_flush(s);
    cairo_line_to(s->cr, x, y);
    sink_count(s);
    sink_open(s, x, y);
}

#ifdef NPLOT__V2
typedef nplot__v2d v2d;
typedef nplot__v2l v2l;

/* The index in y[0..3] of the first value equal to v (one of them is). */
static int first_equal(const double *y, double v)
{
    int j = 0;
    while (j < 3 && y[j] != v) j++;
    return j;
}

/* sink_column_run four vertices at a time while all four stay: the extremes of a block
 * (vector min / max) only matter when they pass the column's, and then the first vertex
 * holding one is where the per-vertex loop would have taken it. */
static size_t column_run_blocks(const bbox *r, double col, const double *xs, const double *ys, size_t i, size_t n,
                                double m[4], long *imn, long *imx, long *k)
{
    const v2d xlo = { col > r->x0 ? col : r->x0, col > r->x0 ? col : r->x0 }, xend = { col + 1, col + 1 };
    const v2d xhi = { r->x1, r->x1 }, ylo = { r->y0, r->y0 }, yhi = { r->y1, r->y1 };
    for (; i + 4 <= n; i += 4, *k += 4) {
        v2d x0, x1, y0, y1;
        memcpy(&x0, xs + i, sizeof x0);
        memcpy(&x1, xs + i + 2, sizeof x1);
        memcpy(&y0, ys + i, sizeof y0);
        memcpy(&y1, ys + i + 2, sizeof y1);
        v2l in = (x0 >= xlo) & (x0 < xend) & (x0 <= xhi) & (y0 >= ylo) & (y0 <= yhi) & (x1 >= xlo) &
                 (x1 < xend) & (x1 <= xhi) & (y1 >= ylo) & (y1 <= yhi);
        if (!(in[0] & in[1])) break;
        v2d lo = NPLOT__SEL(y1 < y0, y1, y0), hi = NPLOT__SEL(y1 > y0, y1, y0);
        double blo = lo[1] < lo[0] ? lo[1] : lo[0], bhi = hi[1] > hi[0] ? hi[1] : hi[0];
        if (blo < m[1]) {
            int j = first_equal(ys + i, blo);
            m[0] = xs[i + j], m[1] = ys[i + j], *imn = *k + 1 + j;
        }
        if (bhi > m[3]) {
            int j = first_equal(ys + i, bhi);
            m[2] = xs[i + j], m[3] = ys[i + j], *imx = *k + 1 + j;
        }
    }
    return i;
}
#endif

/* The common case of a long line, from xs[i]: consecutive vertices inside r that stay in
 * the open column only move its min, max and last point, found without calls (floor) and,
 * where the vector extension is there (NPLOT__V2), four vertices at a time, so a
 * million vertices cost well under the five nanoseconds each of sink_line. Stops at the
 * first vertex that is outside r, in another column or not finite (the comparisons fail
 * for NaN) and returns its index. */
static size_t sink_column_run(sink *s, const bbox *r, const double *xs, const double *ys, size_t i, size_t n)
{
    if (!s->have) return i;
    double xlo = s->col > r->x0 ? s->col : r->x0, xend = s->col + 1, xhi = r->x1;
    double ylo = r->y0, yhi = r->y1;
    double m[4] = { s->mnx, s->mny, s->mxx, s->mxy };
    long imn = s->imn, imx = s->imx, k = s->i;
    size_t i0 = i;
#ifdef NPLOT__V2
    i = column_run_blocks(r, s->col, xs, ys, i, n, m, &imn, &imx, &k);
#endif
    for (; i < n; i++) {
        double x = xs[i], y = ys[i];
        if (!(x >= xlo && x < xend && x <= xhi && y >= ylo && y <= yhi)) break;
        k++;
        if (y < m[1]) m[0] = x, m[1] = y, imn = k;
        if (y > m[3]) m[2] = x, m[3] = y, imx = k;
    }
    if (i > i0) {
        s->mnx = m[0], s->mny = m[1], s->mxx = m[2], s->mxy = m[3];
        s->imn = imn, s->imx = imx, s->i = k;
        s->lx = xs[i - 1], s->ly = ys[i - 1];
    }
    return i;
}

/* Liang–Barsky */
bool nplot__clip_segment(const bbox *r, double x0, double y0, double x1, double y1, double *t0,
                         double *t1)
{
    double dx = x1 - x0, dy = y1 - y0;
    double p[4] = { -dx, dx, -dy, dy };
    double q[4] = { x0 - r->x0, r->x1 - x0, y0 - r->y0, r->y1 - y0 };
    double a = 0, b = 1;
    for (int i = 0; i < 4; i++) {
        if (p[i] == 0) {
            if (q[i] < 0) return false;
            continue;
        }
        double t = q[i] / p[i];
        if (p[i] < 0) {
            if (t > b) return false;
            if (t > a) a = t;
        } else {
            if (t < a) return false;
            if (t < b) b = t;
        }
    }
    *t0 = a;
    *t1 = b;
    return true;
}

static bool inside(const bbox *r, double x, double y)
{
    return x >= r->x0 && x <= r->x1 && y >= r->y0 && y <= r->y1;
}

/* The polyline emitter: vertices (NaN breaks the line) clipped to r and passed to the
 * sink, fed in one call or in pieces (a long line transformed a chunk at a time). */
typedef struct emitter {
    sink s;
    bbox r;
    bool pen;            /* a subpath is open and ends at (px, py) */
    double px, py;       /* the previous vertex, NaN after a break */
} emitter;

static void emit_points(emitter *e, const double *xs, const double *ys, size_t n)
{
    sink *s = &e->s;
    const bbox *r = &e->r;
    bool pen = e->pen;
    double px = e->px, py = e->py;
    for (size_t i = 0; i < n; i++) {
        if (pen) {
            size_t j = sink_column_run(s, r, xs, ys, i, n);
            if (j > i) {
                px = xs[j - 1];
                py = ys[j - 1];
                if ((i = j) == n) break;
            }
        }
        double x = xs[i], y = ys[i];
        if (!isfinite(x) || !isfinite(y)) {
            pen = false;
            px = py = NAN;
            continue;
        }
        if (isnan(px)) {
            px = x;
            py = y;
            if (inside(r, x, y)) {
                sink_move(s, x, y);
                pen = true;
            }
            continue;
        }
        bool cin = inside(r, x, y);
        if (pen && cin) {
            sink_line(s, x, y);
        } else {
            double t0, t1;
            if (nplot__clip_segment(r, px, py, x, y, &t0, &t1)) {
                double ax = px + t0 * (x - px), ay = py + t0 * (y - py);
                double bx = px + t1 * (x - px), by = py + t1 * (y - py);
                if (!pen || t0 > 0) sink_move(s, ax, ay);
                sink_line(s, bx, by);
                pen = t1 >= 1;
            } else {
                pen = false;
            }
        }
        px = x;
        py = y;
    }
    e->pen = pen, e->px = px, e->py = py;
}

/* Expand a step drawstyle in device space (matplotlib's steps-pre/mid/post vertices).
 * Returns the vertex count and malloc'd arrays (NULL on failure). */
static size_t steps_expand(int style, const double *x, const double *y, size_t n, double **ox,
                           double **oy)
{
    size_t m = n ? (style == 2 ? 2 * n : 2 * n - 1) : 0;
    *ox = nd_malloc(sizeof(double) * (m ? m : 1), "nplot");
    *oy = nd_malloc(sizeof(double) * (m ? m : 1), "nplot");
    if (!*ox || !*oy) {
        nd_free_mem(*ox);
        nd_free_mem(*oy);
        *ox = *oy = NULL;
        return 0;
    }
    double *X = *ox, *Y = *oy;
    size_t k = 0;
    if (n == 0) return 0;
    X[k] = x[0], Y[k++] = y[0];
    for (size_t i = 1; i < n; i++) {
        if (style == 1) { /* pre: vertical first */
            X[k] = x[i - 1], Y[k++] = y[i];
            X[k] = x[i], Y[k++] = y[i];
        } else if (style == 3) { /* post: horizontal first */
            X[k] = x[i], Y[k++] = y[i - 1];
            X[k] = x[i], Y[k++] = y[i];
        } else { /* mid: change half way */
            double xm = (x[i - 1] + x[i]) / 2;
            X[k] = xm, Y[k++] = y[i - 1];
            X[k] = xm, Y[k++] = y[i];
        }
    }
    if (style == 2) X[k] = x[n - 1], Y[k++] = y[n - 1];
    return k;
}

/* Set up cr and e to stroke a line of n vertices; false when nothing would show. */
static bool stroke_begin(render_ctx *rc, const nplot_axes *ax, size_t n, rgba color, double lw, int ls,
                         const double *dashes, int ndashes, emitter *e)
{
    cairo_t *cr = rc->cr;
    if (ls == LS_NONE || lw <= 0 || color.a <= 0 || n < 2) return false;
    double m = lw * 2 + 2;
    double width = ax->dev[2] - ax->dev[0];
    *e = (emitter){ .s = { .cr = cr, .reduce = (double)n > width && ls == LS_SOLID },
                    .r = { ax->dev[0] - m, ax->dev[1] - m, ax->dev[2] + m, ax->dev[3] + m },
                    .px = NAN, .py = NAN };
    if (color.a >= 1 && ls == LS_SOLID && n > 256) e->s.chunk = 8;
    cairo_set_source_rgba(cr, color.r, color.g, color.b, color.a);
    cairo_set_line_width(cr, lw);
    cairo_set_line_join(cr, CAIRO_LINE_JOIN_ROUND);
    nplot__set_dash(cr, ls, dashes, ndashes, lw, rc->scale);
    cairo_new_path(cr);
    return true;
}

static void stroke_end(emitter *e)
{
    sink_flush(&e->s);
    cairo_stroke(e->s.cr);
    cairo_set_dash(e->s.cr, NULL, 0, 0);
}

void nplot__stroke_polyline(render_ctx *rc, const nplot_axes *ax, const double *dx,
                            const double *dy, size_t n, rgba color, double lw, int ls,
                            const double *dashes, int ndashes)
{
    emitter e;
    if (!stroke_begin(rc, ax, n, color, lw, ls, dashes, ndashes, &e)) return;
    emit_points(&e, dx, dy, n);
    stroke_end(&e);
}

/* A plain line in linear data coordinates (no steps, sketch, effects or markers): its
 * vertices transformed a chunk at a time on the stack and streamed to the stroker, so a
 * line of a million points needs no device copy (16 MB of fresh pages to fault in). */
static void stroke_streamed(render_ctx *rc, nplot_axes *ax, const artist *a, const xform *tf, rgba c)
{
    enum { CHUNK = 2048 };
    emitter e;
    if (!stroke_begin(rc, ax, a->n, c, a->lp.lw * rc->scale, a->lp.ls, a->lp.dashes, a->lp.ndashes, &e)) return;
    double bx[CHUNK], by[CHUNK], axx = tf->ax, bxx = tf->bx, ayy = tf->ay, byy = tf->by;
    for (size_t i0 = 0; i0 < a->n; i0 += CHUNK) {
        size_t m = a->n - i0 < CHUNK ? a->n - i0 : CHUNK;
        const double *x = a->x + i0, *y = a->y + i0;
        for (size_t i = 0; i < m; i++) {
            bx[i] = axx * x[i] + bxx;
            by[i] = ayy * y[i] + byy;
        }
        emit_points(&e, bx, by, m);
    }
    stroke_end(&e);
}

/* fx_style's painter of a line: the current path stroked as the line (its colour, width,
 * dashes, round joins) */
typedef struct line_ctx {
    const artist *a;
    rgba c;
    double lw;
} line_ctx;

static void stroke_line(render_ctx *rc, void *ctx)
{
    const line_ctx *l = ctx;
    cairo_t *cr = rc->cr;
    if (l->a->lp.ls == LS_NONE || l->lw <= 0 || l->c.a <= 0) {
        cairo_new_path(cr);
        return;
    }
    cairo_set_source_rgba(cr, l->c.r, l->c.g, l->c.b, l->c.a);
    cairo_set_line_width(cr, l->lw);
    cairo_set_line_join(cr, CAIRO_LINE_JOIN_ROUND);
    nplot__set_dash(cr, l->a->lp.ls, l->a->lp.dashes, l->a->lp.ndashes, l->lw, rc->scale);
    cairo_stroke(cr);
    cairo_set_dash(cr, NULL, 0, 0);
}

/* A line with path effects: its (unsketched) device path through nplot__fx_paint, which
 * sketches it once and draws each effect in turn (PathEffectRenderer). */
static void stroke_effects(render_ctx *rc, artist *a, const struct nplot__fx *fx, int nfx,
                           const double *sk, const double *x, const double *y, size_t n, rgba c)
{
    cairo_t *cr = rc->cr;
    cairo_new_path(cr);
    bool pen = false;
    for (size_t i = 0; i < n; i++) {
        if (!isfinite(x[i]) || !isfinite(y[i])) {
            pen = false;
            continue;
        }
        if (pen) cairo_line_to(cr, x[i], y[i]);
        else cairo_move_to(cr, x[i], y[i]);
        pen = true;
    }
    line_ctx l = { a, c, a->lp.lw * rc->scale };
    fx_style st = { .fx = fx, .nfx = nfx, .sketch = sk, .edge = c, .alpha = a->alpha, .lw = l.lw,
                    .join = CAIRO_LINE_JOIN_ROUND, .ls = a->lp.ls, .dashes = a->lp.dashes,
                    .ndashes = a->lp.ndashes, .normal = stroke_line, .ctx = &l };
    nplot__fx_paint(rc, &st);
    cairo_new_path(cr);
}

void nplot__draw_line(render_ctx *rc, nplot_axes *ax, artist *a)
{
    cairo_t *cr = rc->cr;
    size_t n = a->n;
    if (n == 0) return;
    xform tf = nplot__xform(ax);
    bool linear = a->xcoord == COORD_DATA && a->ycoord == COORD_DATA && tf.xs->scale == SCALE_LINEAR &&
                  tf.ys->scale == SCALE_LINEAR;
    double sk[3];
    bool sketched = nplot__sketch_of(a, sk);
    const struct nplot__fx *fx;
    int nfx = nplot__fx_of(a, &fx);
    rgba c = a->lp.color;
    c.a *= a->alpha;
    if (linear && !a->lp.drawstyle && !sketched && !nfx && a->lp.marker == MK_NONE) {
        cairo_save(cr);
        cairo_rectangle(cr, ax->dev[0], ax->dev[1], ax->dev[2] - ax->dev[0], ax->dev[3] - ax->dev[1]);
        cairo_clip(cr);
        stroke_streamed(rc, ax, a, &tf, c);
        cairo_restore(cr);
        return;
    }
    double *dx = nd_malloc(sizeof(double) * n, "nplot"), *dy = nd_malloc(sizeof(double) * n, "nplot");
    if (!dx || !dy) {
        nd_free_mem(dx);
        nd_free_mem(dy);
        nplot__fail(ax->fig, ND_ENOMEM, "nplot: out of memory drawing a line of %zu points", n);
        return;
    }
    if (linear) {
        /* the common case, kept simple enough to vectorise */
        const double *x = a->x, *y = a->y;
        double axx = tf.ax, bx = tf.bx, ayy = tf.ay, by = tf.by;
        for (size_t i = 0; i < n; i++) {
            dx[i] = axx * x[i] + bx;
            dy[i] = ayy * y[i] + by;
        }
    } else {
        for (size_t i = 0; i < n; i++)
            nplot__to_dev(rc, ax, &tf, a->xcoord, a->ycoord, a->x[i], a->y[i], &dx[i], &dy[i]);
    }
    double s = rc->scale;
    cairo_save(cr);
    cairo_rectangle(cr, ax->dev[0], ax->dev[1], ax->dev[2] - ax->dev[0], ax->dev[3] - ax->dev[1]);
    cairo_clip(cr);
    double *sx = dx, *sy = dy;
    size_t m = n;
    if (a->lp.drawstyle) {
        m = steps_expand(a->lp.drawstyle, dx, dy, n, &sx, &sy);
        if (!sx) sx = dx, sy = dy, m = n;
    }
    if (nfx) {
        stroke_effects(rc, a, fx, nfx, sketched ? sk : NULL, sx, sy, m, c);
    } else {
        /* no effects: the simplifying stroker, on the sketched path when sketched */
        double *kx = NULL, *ky = NULL;
        size_t k = sketched ? nplot__sketch_path(sx, sy, m, sk, &kx, &ky) : 0;
        nplot__stroke_polyline(rc, ax, kx ? kx : sx, kx ? ky : sy, kx ? k : m, c, a->lp.lw * s,
                               a->lp.ls, a->lp.dashes, a->lp.ndashes);
        nd_free_mem(kx);
        nd_free_mem(ky);
    }
    if (sx != dx) {
        nd_free_mem(sx);
        nd_free_mem(sy);
    }
    cairo_restore(cr);
    if (a->lp.marker != MK_NONE) {
        rgba f = a->lp.mfc, e = a->lp.mec;
        f.a *= a->alpha;
        e.a *= a->alpha;
        if (a->lp.markevery > 1) {
            size_t k = 0;
            for (size_t i = 0; i < n; i += (size_t)a->lp.markevery, k++) {
                dx[k] = dx[i];
                dy[k] = dy[i];
            }
            n = k;
        }
        bbox clip = { ax->dev[0], ax->dev[1], ax->dev[2], ax->dev[3] };
        bool filled = nplot__marker_filled((marker_kind)a->lp.marker);
        nplot__draw_markers(rc, dx, dy, n, a->lp.marker, a->lp.ms * s, NULL, f, NULL, e, false,
                            a->lp.mew * s, filled, &clip);
    }
    nd_free_mem(dx);
    nd_free_mem(dy);
}
