/* Painting one artist's path through path effects and a sketch, as matplotlib's
 * PathEffectRenderer does over a gc carrying sketch params: the path (device units, the
 * current cairo path) is sketched once (Agg's Sketch reseeds for every draw_path, so every
 * effect sees the same wobble), then each effect draws in turn; Normal and the with*
 * effects hand the path to the artist's own painter. Patches, fills and text go through
 * here (lines keep draw_lines.c's stroker, which also simplifies). */
#include "plot_render.h"

#include <math.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>

/* The current path, flattened, as NaN-separated runs; closed runs end on their start (Agg's
 * conv_segmentator closes a polygon with a segment back to its start). */
typedef struct flat_path {
    double *x, *y;
    bool *closed; /* per run */
    size_t n, nrun;
} flat_path;

static void flat_free(flat_path *p)
{
    nd_free_mem(p->x);
    nd_free_mem(p->y);
    nd_free_mem(p->closed);
    memset(p, 0, sizeof *p);
}

static bool flat_from_cairo(cairo_t *cr, flat_path *out)
{
    memset(out, 0, sizeof *out);
    cairo_path_t *cp = cairo_copy_path_flat(cr);
    if (!cp || cp->status != CAIRO_STATUS_SUCCESS) {
        cairo_path_destroy(cp);
        return false;
    }
    size_t cap = 2 * (size_t)cp->num_data + 2;
    out->x = nd_malloc(sizeof(double) * cap, "nplot");
    out->y = nd_malloc(sizeof(double) * cap, "nplot");
    out->closed = nd_malloc(sizeof(bool) * cap, "nplot");
    if (!out->x || !out->y || !out->closed) {
        cairo_path_destroy(cp);
        flat_free(out);
        return false;
    }
    size_t n = 0, run0 = 0;
    bool open = false;
    for (int i = 0; i < cp->num_data; i += cp->data[i].header.length) {
        const cairo_path_data_t *d = &cp->data[i];
        switch (d->header.type) {
        case CAIRO_PATH_MOVE_TO:
            if (open) out->closed[out->nrun++] = false;
            if (n) out->x[n] = out->y[n] = NAN, n++;
            run0 = n;
            out->x[n] = d[1].point.x, out->y[n++] = d[1].point.y;
            open = true;
            break;
        case CAIRO_PATH_LINE_TO:
            out->x[n] = d[1].point.x, out->y[n++] = d[1].point.y;
            break;
        case CAIRO_PATH_CLOSE_PATH:
            if (open) {
                out->x[n] = out->x[run0], out->y[n++] = out->y[run0];
                out->closed[out->nrun++] = true;
                open = false;
            }
            break;
        default: break; /* flat: no curves */
        }
    }
    if (open) out->closed[out->nrun++] = false;
    out->n = n;
    cairo_path_destroy(cp);
    return true;
}

/* Trace p shifted by (dx, dy); closed runs are closed. */
static void flat_trace(cairo_t *cr, const flat_path *p, double dx, double dy)
{
    cairo_new_path(cr);
    size_t run = 0;
    bool pen = false;
    for (size_t i = 0; i <= p->n; i++) {
        if (i == p->n || !isfinite(p->x[i]) || !isfinite(p->y[i])) {
            if (pen) {
                if (run < p->nrun && p->closed[run]) cairo_close_path(cr);
                run++;
            }
            pen = false;
            continue;
        }
        if (pen) cairo_line_to(cr, p->x[i] + dx, p->y[i] + dy);
        else cairo_move_to(cr, p->x[i] + dx, p->y[i] + dy);
        pen = true;
    }
}

/* TickedStroke's ticks along each run of p, stroked in the gc's colour and width. */
static void paint_ticks(render_ctx *rc, const flat_path *p, const struct nplot__fx *f, double dx,
                        double dy, rgba c, double lw)
{
    cairo_t *cr = rc->cr;
    double *tx = NULL, *ty = NULL, *qx = nd_malloc(sizeof(double) * (p->n ? p->n : 1), "nplot"),
           *qy = nd_malloc(sizeof(double) * (p->n ? p->n : 1), "nplot");
    size_t k = 0;
    if (qx && qy) {
        for (size_t i = 0; i < p->n; i++) qx[i] = p->x[i] + dx, qy[i] = p->y[i] + dy;
        k = nplot__ticks_path(qx, qy, p->n, f->spacing * rc->scale, f->angle, f->length, &tx, &ty);
    }
    nd_free_mem(qx);
    nd_free_mem(qy);
    if (!tx) return;
    cairo_set_source_rgba(cr, c.r, c.g, c.b, c.a);
    cairo_set_line_width(cr, lw > 0 ? lw : rc->scale);
    cairo_set_line_cap(cr, CAIRO_LINE_CAP_SQUARE);
    cairo_new_path(cr);
    for (size_t i = 0; i + 1 < k; i += 2) {
        cairo_move_to(cr, tx[i], ty[i]);
        cairo_line_to(cr, tx[i + 1], ty[i + 1]);
    }
    cairo_stroke(cr);
    cairo_set_line_cap(cr, CAIRO_LINE_CAP_BUTT);
    nd_free_mem(tx);
    nd_free_mem(ty);
}

void nplot__fx_paint(render_ctx *rc, const fx_style *st)
{
    cairo_t *cr = rc->cr;
    if (!st->nfx && !st->sketch) {
        st->normal(rc, st->ctx);
        return;
    }
    flat_path p;
    if (!flat_from_cairo(cr, &p)) {
        st->normal(rc, st->ctx);
        return;
    }
    /* TickedStroke places its ticks on the path before the sketch (matplotlib sketches
     * only what it strokes) */
    flat_path raw = p;
    if (st->sketch) {
        double *kx, *ky;
        size_t k = nplot__sketch_path(p.x, p.y, p.n, st->sketch, &kx, &ky);
        if (kx) p.x = kx, p.y = ky, p.n = k;
    }
    const double s = rc->scale;
    cairo_set_line_join(cr, (cairo_line_join_t)st->join);
    cairo_set_dash(cr, NULL, 0, 0);
    int nfx = st->nfx ? st->nfx : 1;
    for (int e = 0; e < nfx; e++) {
        const struct nplot__fx *f = st->nfx ? &st->fx[e] : NULL;
        int kind = f ? f->kind : NPLOT_PE_NORMAL;
        /* the offset in points, x right and y up (device y is down) */
        double dx = f ? f->off[0] * s : 0, dy = f ? -f->off[1] * s : 0;
        bool normal = kind == NPLOT_PE_NORMAL;
        switch (kind) {
        case NPLOT_PE_STROKE:
        case NPLOT_PE_WITH_STROKE: {
            /* Stroke draws the path with the face and the effect's gc */
            rgba g = f->fg_set ? f->fg : st->edge;
            g.a = f->alpha ? f->alpha : (f->fg_set ? f->fg.a * st->alpha : st->edge.a);
            flat_trace(cr, &p, dx, dy);
            if (st->has_face && st->face.a > 0) {
                rgba fc = st->face;
                if (f->alpha) fc.a = f->alpha;
                cairo_set_source_rgba(cr, fc.r, fc.g, fc.b, fc.a);
                cairo_fill_preserve(cr);
            }
            double lw = f->lw ? f->lw * s : st->lw;
            if (lw > 0 && g.a > 0 && st->ls != LS_NONE) {
                cairo_set_source_rgba(cr, g.r, g.g, g.b, g.a);
                cairo_set_line_width(cr, lw);
                nplot__set_dash(cr, st->ls, st->dashes, st->ndashes, lw, s);
                cairo_stroke(cr);
                cairo_set_dash(cr, NULL, 0, 0);
            }
            cairo_new_path(cr);
            normal = kind == NPLOT_PE_WITH_STROKE;
            break;
        }
        case NPLOT_PE_SIMPLE_LINE_SHADOW:
        case NPLOT_PE_WITH_SIMPLE_LINE_SHADOW: {
            rgba g = f->fg_set ? f->fg : (rgba){ 0, 0, 0, 1 };
            flat_trace(cr, &p, dx, dy);
            if (st->lw > 0 && st->ls != LS_NONE) {
                cairo_set_source_rgba(cr, g.r, g.g, g.b, f->alpha);
                cairo_set_line_width(cr, st->lw);
                nplot__set_dash(cr, st->ls, st->dashes, st->ndashes, st->lw, s);
                cairo_stroke(cr);
                cairo_set_dash(cr, NULL, 0, 0);
            }
            cairo_new_path(cr);
            normal = kind == NPLOT_PE_WITH_SIMPLE_LINE_SHADOW;
            break;
        }
        case NPLOT_PE_SIMPLE_PATCH_SHADOW:
        case NPLOT_PE_WITH_SIMPLE_PATCH_SHADOW: {
            /* rho x the face (white when there is none), no edge */
            rgba base = st->has_face ? st->face : (rgba){ 1, 1, 1, 1 };
            rgba g = f->fg_set ? f->fg : (rgba){ base.r * f->rho, base.g * f->rho, base.b * f->rho, 1 };
            flat_trace(cr, &p, dx, dy);
            cairo_set_source_rgba(cr, g.r, g.g, g.b, f->alpha);
            cairo_fill(cr);
            normal = kind == NPLOT_PE_WITH_SIMPLE_PATCH_SHADOW;
            break;
        }
        case NPLOT_PE_TICKED_STROKE:
        case NPLOT_PE_WITH_TICKED_STROKE:
            paint_ticks(rc, &raw, f, dx, dy, st->edge, st->lw);
            normal = kind == NPLOT_PE_WITH_TICKED_STROKE;
            break;
        default: break;
        }
        if (normal) {
            flat_trace(cr, &p, 0, 0);
            st->normal(rc, st->ctx);
            cairo_set_line_join(cr, (cairo_line_join_t)st->join);
        }
    }
    cairo_new_path(cr);
    if (p.x != raw.x) {
        nd_free_mem(p.x);
        nd_free_mem(p.y);
    }
    flat_free(&raw);
}

/* Agg's conv_segmentator (approximation scale 1: one vertex per pixel) followed by
 * matplotlib's Sketch<> (src/path_converters.h) with its RandomNumberGenerator seeded 0. */
size_t nplot__sketch_path(const double *x, const double *y, size_t n, const double p[3],
                          double **ox, double **oy)
{
    *ox = *oy = NULL;
    double total = 0;
    for (size_t i = 1; i < n; i++)
        if (isfinite(x[i]) && isfinite(y[i]) && isfinite(x[i - 1]) && isfinite(y[i - 1]))
            total += ceil(hypot(x[i] - x[i - 1], y[i] - y[i - 1])) + 1;
    if (total > 1e8) total = 1e8;  /* a pathological path: the tail is cut */
    size_t cap = n + (size_t)total + 1;
    double *X = nd_malloc(sizeof(double) * cap, "nplot"), *Y = nd_malloc(sizeof(double) * cap, "nplot");
    if (!X || !Y) {
        nd_free_mem(X);
        nd_free_mem(Y);
        return 0;
    }
    const double scale = p[0], length = p[1], randomness = p[2];
    const double p_scale = 2.0 * 3.14159265358979323846 / (length * randomness);
    const double log_r = 2.0 * log(randomness);
    uint32_t seed = 0;
    size_t m = 0;
    bool has_last = false, open = false;
    double lx = 0, ly = 0, phase = 0;
    /* emit one segmentator vertex through the sketcher */
#define SKETCH_EMIT(vx, vy, is_move)                                                           \
    do {                                                                                       \
        double sx = (vx), sy = (vy);                                                           \
        if (is_move) {                                                                         \
            has_last = false;                                                                  \
            phase = 0;                                                                         \
            if (m) X[m] = NAN, Y[m++] = NAN;                                                   \
        }                                                                                      \
        if (has_last) {                                                                        \
            seed = 214013u * seed + 2531011u;                                                  \
            double u = (double)seed / 4294967296.0;                                            \
            phase += exp(u * log_r);                                                           \
            double den = lx - sx, num = ly - sy, len = num * num + den * den;                  \
            lx = sx, ly = sy;                                                                  \
            if (len != 0) {                                                                    \
                double r = sin(phase * p_scale) * scale / sqrt(len);                           \
                sx += r * num;                                                                 \
                sy -= r * den;                                                                 \
            }                                                                                  \
        } else {                                                                               \
            lx = sx, ly = sy;                                                                  \
        }                                                                                      \
        has_last = true;                                                                       \
        if (m < cap) X[m] = sx, Y[m++] = sy;                                                   \
    } while (0)
    double cx = 0, cy = 0;
    for (size_t i = 0; i < n; i++) {
        if (!isfinite(x[i]) || !isfinite(y[i])) {
            open = false;
            continue;
        }
        if (!open) {
            SKETCH_EMIT(x[i], y[i], true);
            cx = x[i], cy = y[i];
            open = true;
            continue;
        }
        double dx = x[i] - cx, dy = y[i] - cy, len = hypot(dx, dy);
        if (len < 1e-30) len = 1e-30;
        double ddl = 1.0 / len, dl = ddl;
        while (dl < 1.0 - ddl && m + 2 < cap) {
            SKETCH_EMIT(cx + dx * dl, cy + dy * dl, false);
            dl += ddl;
        }
        SKETCH_EMIT(x[i], y[i], false);
        cx = x[i], cy = y[i];
    }
#undef SKETCH_EMIT
    *ox = X;
    *oy = Y;
    return m;
}

/* TickedStroke.draw_path in device space: matplotlib measures the angle with y up, so a
 * tick to the left of the walker is a clockwise turn here (y down). */
size_t nplot__ticks_path(const double *x, const double *y, size_t n, double spacing_px,
                         double angle_deg, double length, double **ox, double **oy)
{
    *ox = *oy = NULL;
    double total = 0;
    for (size_t i = 1; i < n; i++)
        if (isfinite(x[i]) && isfinite(y[i]) && isfinite(x[i - 1]) && isfinite(y[i - 1]))
            total += hypot(x[i] - x[i - 1], y[i] - y[i - 1]);
    if (!(spacing_px > 0)) return 0;
    size_t cap = 2 * ((size_t)fmin(total / spacing_px, 1e7) + n + 1);
    double *X = nd_malloc(sizeof(double) * cap, "nplot"), *Y = nd_malloc(sizeof(double) * cap, "nplot");
    if (!X || !Y) {
        nd_free_mem(X);
        nd_free_mem(Y);
        return 0;
    }
    double th = angle_deg * 3.14159265358979323846 / 180.0, c = cos(th), s = sin(th);
    double tl = length * spacing_px;
    size_t m = 0;
    for (size_t i0 = 0; i0 < n;) {
        while (i0 < n && !(isfinite(x[i0]) && isfinite(y[i0]))) i0++;
        size_t i1 = i0;
        while (i1 < n && isfinite(x[i1]) && isfinite(y[i1])) i1++;
        if (i1 - i0 >= 2) {
            double st = 0;
            for (size_t i = i0 + 1; i < i1; i++) st += hypot(x[i] - x[i - 1], y[i] - y[i - 1]);
            long num = (long)ceil(st / spacing_px) - 1;
            /* np.linspace(spacing/2, total - spacing/2, num), np.interp along the length */
            size_t seg = i0;
            double s0 = 0;
            for (long k = 0; k < num && m + 2 <= cap; k++) {
                double sk = num == 1 ? spacing_px / 2
                                     : spacing_px / 2 + (st - spacing_px) * (double)k / (double)(num - 1);
                double sl;
                while (seg + 1 < i1 - 1 &&
                       s0 + (sl = hypot(x[seg + 1] - x[seg], y[seg + 1] - y[seg])) < sk) {
                    s0 += sl;
                    seg++;
                }
                sl = hypot(x[seg + 1] - x[seg], y[seg + 1] - y[seg]);
                double t = sl > 0 ? (sk - s0) / sl : 0;
                if (t > 1) t = 1;
                double px = x[seg] + t * (x[seg + 1] - x[seg]), py = y[seg] + t * (y[seg + 1] - y[seg]);
                double u = sl > 0 ? (x[seg + 1] - x[seg]) / sl : 0, v = sl > 0 ? (y[seg + 1] - y[seg]) / sl : 0;
                X[m] = px, Y[m++] = py;
                X[m] = px + (u * c + v * s) * tl, Y[m++] = py + (-u * s + v * c) * tl;
            }
        }
        i0 = i1;
    }
    *ox = X;
    *oy = Y;
    return m;
}

/* fx->fg as "#rrggbbaa" for the getters */
static void fg_name(struct nplot__fx *fx)
{
    snprintf(fx->fg_name, sizeof fx->fg_name, "#%02x%02x%02x%02x", (int)lround(fx->fg.r * 255),
             (int)lround(fx->fg.g * 255), (int)lround(fx->fg.b * 255), (int)lround(fx->fg.a * 255));
}

nd_status nplot__fx_parse(nplot_figure *fig, const nplot_path_effect *fx, size_t n,
                          struct nplot__fx out[8], const char *who)
{
    nd_status st;
    if (n && !fx) return nplot__fail(fig, ND_EVALUE, "%s: %zu effects but fx is NULL", who, n);
    if (n > 8) return nplot__fail(fig, ND_EVALUE, "%s: %zu effects (at most 8)", who, n);
    struct nplot__fx items[8];
    memset(items, 0, sizeof items);
    for (size_t i = 0; i < n; i++) {
        const nplot_path_effect *e = &fx[i];
        struct nplot__fx *o = &items[i];
        if (e->kind < NPLOT_PE_NORMAL || e->kind > NPLOT_PE_WITH_TICKED_STROKE)
            return nplot__fail(fig, ND_EVALUE, "%s: effect %zu has an unknown kind %d", who, i,
                               (int)e->kind);
        if (!(e->linewidth >= 0) || !isfinite(e->linewidth))
            return nplot__fail(fig, ND_EVALUE, "%s: effect %zu: linewidth %g is not >= 0", who, i,
                               e->linewidth);
        if (!(e->alpha >= 0 && e->alpha <= 1))
            return nplot__fail(fig, ND_EVALUE, "%s: effect %zu: alpha (%g) is outside 0-1 range",
                               who, i, e->alpha);
        if (!(e->spacing >= 0) || !isfinite(e->spacing) || !isfinite(e->angle) ||
            !isfinite(e->length) || !isfinite(e->rho) || !isfinite(e->offset[0]) ||
            !isfinite(e->offset[1]))
            return nplot__fail(fig, ND_EVALUE, "%s: effect %zu: spacing %g, angle %g, length %g, "
                               "rho %g and the offset must be finite (spacing >= 0)", who, i,
                               e->spacing, e->angle, e->length, e->rho);
        if (e->foreground) {
            if ((st = nplot__color(e->foreground, fig->style, &o->fg, who)))
                return nplot__fail(fig, st, "%s", nd_errmsg());
            o->fg_set = true;
            fg_name(o);
        }
        o->kind = (int)e->kind;
        o->lw = e->linewidth;
        o->alpha = e->alpha;
        o->rho = e->rho ? e->rho : 0.3;
        bool shadow = e->kind >= NPLOT_PE_SIMPLE_LINE_SHADOW && e->kind <= NPLOT_PE_WITH_SIMPLE_PATCH_SHADOW;
        o->off[0] = e->offset[0];
        o->off[1] = e->offset[1];
        if (shadow && !e->offset[0] && !e->offset[1]) o->off[0] = 2, o->off[1] = -2;
        if (shadow && !e->alpha) o->alpha = 0.3;
        o->spacing = e->spacing ? e->spacing : 10.0;
        o->angle = e->angle ? e->angle : 45.0;
        o->length = e->length ? e->length : sqrt(2.0);
    }
    memcpy(out, items, sizeof items);
    return ND_OK;
}

nd_status nplot__fx_opt(nplot_figure *fig, nplot_path_effects pe, fx_list *out, const char *who)
{
    if (!pe.n && !pe.v) return ND_OK; /* not given */
    if (!pe.v) return nplot__fail(fig, ND_EVALUE, "%s: path_effects has %zu effects but no data", who, pe.n);
    nd_status st = nplot__fx_parse(fig, pe.v, pe.n, out->fx, who);
    if (st) return st;
    out->n = (int)pe.n;
    out->set = true;
    return ND_OK;
}

bool nplot__sketch_rc(const nplot__style *s, const double *own, double out[3])
{
    const double *p = own ? own : (s ? s->sketch : NULL);
    if (out) out[0] = out[1] = out[2] = 0;
    if (!p || !(p[0] > 0)) return false;
    if (out) {
        out[0] = p[0];
        out[1] = p[1] > 0 ? p[1] : 128.0;
        out[2] = p[2] > 0 ? p[2] : 16.0;
    }
    return true;
}

int nplot__fx_rc(const nplot__style *s, struct nplot__fx *out)
{
    if (!s || !(s->fx_stroke_lw > 0)) return 0;
    /* rcParams path.effects [withStroke(linewidth, foreground)] */
    *out = (struct nplot__fx){ .kind = NPLOT_PE_WITH_STROKE, .lw = s->fx_stroke_lw, .fg = s->fx_stroke_fg,
                               .fg_set = true, .rho = 0.3, .spacing = 10, .angle = 45,
                               .length = sqrt(2.0) };
    fg_name(out);
    return 1;
}
