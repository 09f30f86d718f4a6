/* Path effects (matplotlib.patheffects), sketch (Artist.set_sketch_params, Agg's
 * PathSketcher) and plt.xkcd: the setters and the device-space path helpers that
 * draw_lines.c uses. */
#include "plot_model.h"

#include <math.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>

typedef struct nplot__fx fx_item;

static nd_status check_line(artist *a, const char *who)
{
    if (!a) return nd_set_error(ND_EVALUE, "%s: artist is NULL", who);
    if (nplot__check(a->ax->fig)) return a->ax->fig->status;
    if (a->removed)
        return nd_set_error(ND_EVALUE, "%s: the %s was removed", who, nplot__class_of(a->kind)->name);
    if (a->kind != ART_LINE)
        return nplot__fail(a->ax->fig, ND_EVALUE,
                           "%s: numc draws path effects and sketches on lines, not on an artist "
                           "of type %s", who, nplot__class_of(a->kind)->name);
    return ND_OK;
}

nd_status nplot_artist_set_path_effects(nplot_artist *h, const nplot_path_effect *fx, size_t n)
{
    static const char *who = "nplot_artist_set_path_effects";
    artist *a = (artist *)(void *)h;
    nd_status st = check_line(a, who);
    if (st) return st;
    nplot_figure *fig = a->ax->fig;
    if (n && !fx) return nplot__fail(fig, ND_EVALUE, "%s: %zu effects but fx is NULL", who, n);
    if (n > 8) return nplot__fail(fig, ND_EVALUE, "%s: %zu effects (at most 8)", who, n);
    fx_item items[8];
    memset(items, 0, sizeof items);
    for (size_t i = 0; i < n; i++) {
        const nplot_path_effect *e = &fx[i];
        fx_item *o = &items[i];
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
    memcpy(a->fx, items, sizeof items);
    a->nfx = (int)n;
    a->fx_set = true;
    nplot__mark_dirty(fig);
    return ND_OK;
}

nd_status nplot_artist_set_sketch_params(nplot_artist *h, double scale, double length,
                                         double randomness)
{
    static const char *who = "nplot_artist_set_sketch_params";
    artist *a = (artist *)(void *)h;
    nd_status st = check_line(a, who);
    if (st) return st;
    if (!(scale >= 0 && length >= 0 && randomness >= 0) || !isfinite(scale) || !isfinite(length) ||
        !isfinite(randomness))
        return nplot__fail(a->ax->fig, ND_EVALUE, "%s: scale %g, length %g and randomness %g must "
                           "be finite numbers >= 0", who, scale, length, randomness);
    a->sketch[0] = scale;
    a->sketch[1] = length ? length : 128.0;
    a->sketch[2] = randomness ? randomness : 16.0;
    a->sketch_set = true;
    nplot__mark_dirty(a->ax->fig);
    return ND_OK;
}

int nplot__fx_of(const artist *a, const struct nplot__fx **fx)
{
    static const fx_item none[1];
    if (a->fx_set) {
        *fx = a->fx;
        return a->nfx;
    }
    const nplot__style *s = a->ax->fig->style;
    if (!s || !(s->fx_stroke_lw > 0)) {
        *fx = none;
        return 0;
    }
    /* rcParams path.effects [withStroke(linewidth, foreground)], read per thread at draw */
    static _Thread_local fx_item rc_fx[1];
    rc_fx[0] = (fx_item){ .kind = NPLOT_PE_WITH_STROKE, .lw = s->fx_stroke_lw, .fg = s->fx_stroke_fg,
                          .fg_set = true, .rho = 0.3, .spacing = 10, .angle = 45, .length = sqrt(2.0) };
    *fx = rc_fx;
    return 1;
}

bool nplot__sketch_of(const artist *a, double out[3])
{
    const double *p = a->sketch_set ? a->sketch : (a->ax->fig->style ? a->ax->fig->style->sketch : NULL);
    if (!p || !(p[0] > 0)) return false;
    out[0] = p[0];
    out[1] = p[1] > 0 ? p[1] : 128.0;
    out[2] = p[2] > 0 ? p[2] : 16.0;
    return true;
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

nd_status nplot_xkcd(double scale, double length, double randomness)
{
    static const char *who = "nplot_xkcd";
    if (!(scale >= 0 && length >= 0 && randomness >= 0) || !isfinite(scale) || !isfinite(length) ||
        !isfinite(randomness))
        return nd_set_error(ND_EVALUE, "%s: scale %g, length %g and randomness %g must be finite "
                            "numbers >= 0", who, scale, length, randomness);
    char sketch[128];
    snprintf(sketch, sizeof sketch, "%.17g, %.17g, %.17g", scale ? scale : 1.0,
             length ? length : 100.0, randomness ? randomness : 2.0);
    static const char *const kv[][2] = {
        { "font.family", "xkcd, xkcd Script, Humor Sans, Comic Neue, Comic Sans MS" },
        { "font.size", "14.0" },
        { "path.effects", "[withStroke(linewidth=4, foreground='w')]" },
        { "axes.linewidth", "1.5" },
        { "lines.linewidth", "2.0" },
        { "figure.facecolor", "white" },
        { "grid.linewidth", "0.0" },
        { "axes.grid", "False" },
        { "axes.unicode_minus", "False" },
        { "axes.edgecolor", "black" },
        { "xtick.major.size", "8" },
        { "xtick.major.width", "3" },
        { "ytick.major.size", "8" },
        { "ytick.major.width", "3" },
    };
    nd_status st = nplot_rc_set("path.sketch", sketch);
    for (size_t i = 0; !st && i < sizeof kv / sizeof *kv; i++) st = nplot_rc_set(kv[i][0], kv[i][1]);
    return st;
}
