/* Streamline tracing for streamplot, in grid coordinates (0..nx-1, 0..ny-1 across the
 * data grid). The algorithm is the one matplotlib documents for streamplot:
 *   - a density mask of (30 * density) cells covers the domain; a line claims every cell
 *     it enters and stops when it would enter a cell another line claimed, so lines keep
 *     about one mask cell apart;
 *   - seeds are the mask cells, visited in a spiral from the boundary inwards (lines that
 *     start on the edge look better), or the caller's start points;
 *   - each seed is integrated backward and forward with an adaptive second-order
 *     Runge-Kutta (Heun) step over the field normalised to unit speed in axes units,
 *     so the arc length s is in fractions of the domain;
 *   - a line stops at the domain edge (a last Euler step lands exactly on it), at a zero
 *     or non-finite speed, at maxlength, or in a claimed cell; a line shorter than
 *     minlength gives its cells back.
 * Pure computation: the kinds layer turns the traces into artists. */
#include "plot_model.h"

#include <math.h>
#include <string.h>

typedef struct tracer {
    const stream_field *f;
    unsigned char *mask;     /* mnx * mny, 1 = claimed */
    size_t mnx, mny;
    double g2mx, g2my;       /* grid → mask coordinate factors */
    size_t *claimed;         /* cells claimed by the line being traced (for undo) */
    size_t nclaimed;
    long cur;                /* the mask cell the line is in, -1 none */
    double *px, *py;         /* points of the current half line */
    size_t np, cap;
    const char *who;
} tracer;

static bool within(const stream_field *f, double x, double y)
{
    return x >= 0 && x <= (double)(f->nx - 1) && y >= 0 && y <= (double)(f->ny - 1);
}

double nplot__grid_interp(const double *a, size_t nx, size_t ny, double x, double y)
{
    size_t ix = (size_t)x, iy = (size_t)y;
    if (ix > nx - 1) ix = nx - 1;
    if (iy > ny - 1) iy = ny - 1;
    size_t xn = ix == nx - 1 ? ix : ix + 1, yn = iy == ny - 1 ? iy : iy + 1;
    double xt = x - (double)ix, yt = y - (double)iy;
    double a0 = a[iy * nx + ix] * (1 - xt) + a[iy * nx + xn] * xt;
    double a1 = a[yn * nx + ix] * (1 - xt) + a[yn * nx + xn] * xt;
    return a0 * (1 - yt) + a1 * yt;
}

static double interp(const stream_field *f, const double *a, double x, double y)
{
    return nplot__grid_interp(a, f->nx, f->ny, x, y);
}

enum { STEP_OK = 0, STEP_OUT, STEP_STOP };

/* The direction field dx/ds, dy/ds at (x, y) (sign = -1 backward). */
static int field(const tracer *t, double sign, double x, double y, double *dx, double *dy)
{
    const stream_field *f = t->f;
    if (!within(f, x, y)) return STEP_OUT;
    double sp = interp(f, f->speed, x, y);
    if (sp == 0 || isnan(sp)) return STEP_STOP;
    double ui = interp(f, f->u, x, y), vi = interp(f, f->v, x, y);
    if (isnan(ui) || isnan(vi)) return STEP_STOP;
    *dx = sign * ui / sp;
    *dy = sign * vi / sp;
    return STEP_OK;
}

static long mask_cell(const tracer *t, double x, double y)
{
    size_t mx = (size_t)(x * t->g2mx + 0.5), my = (size_t)(y * t->g2my + 0.5);
    if (mx >= t->mnx) mx = t->mnx - 1;
    if (my >= t->mny) my = t->mny - 1;
    return (long)(my * t->mnx + mx);
}

/* Enter the mask cell of (x, y): false when another line holds it and lines break. */
static bool claim(tracer *t, double x, double y)
{
    long c = mask_cell(t, x, y);
    if (c == t->cur) return true;
    if (t->mask[c]) return !t->f->broken ? true : false;
    t->mask[c] = 1;
    t->claimed[t->nclaimed++] = (size_t)c;
    t->cur = c;
    return true;
}

static bool push(tracer *t, double x, double y)
{
    if (t->np == t->cap) {
        size_t cap = t->cap;
        double *nx = nplot__grow(t->px, &cap, t->np, t->np + 1, sizeof(double), t->who);
        if (!nx) return false;
        t->px = nx;
        cap = t->cap;
        double *ny = nplot__grow(t->py, &cap, t->np, t->np + 1, sizeof(double), t->who);
        if (!ny) return false;
        t->py = ny;
        t->cap = cap;
    }
    t->px[t->np] = x;
    t->py[t->np] = y;
    t->np++;
    return true;
}

/* One half line from (x0, y0) into t->px/py; its arc length into *len. */
static nd_status half_line(tracer *t, double sign, double x0, double y0, double *len)
{
    const stream_field *f = t->f;
    const double maxerror = 0.003;
    double maxds = fmin(fmin(1.0 / (double)t->mnx, 1.0 / (double)t->mny), 0.1);
    double ds = maxds, stotal = 0, x = x0, y = y0;
    double sx = (double)(f->nx - 1), sy = (double)(f->ny - 1);
    t->np = 0;
    for (;;) {
        double k1x, k1y, k2x, k2y;
        int r = STEP_OUT;
        if (within(f, x, y)) {
            if (!push(t, x, y)) return ND_ENOMEM;
            r = field(t, sign, x, y, &k1x, &k1y);
            if (r == STEP_OK) r = field(t, sign, x + ds * k1x, y + ds * k1y, &k2x, &k2y);
        }
        if (r == STEP_OUT) {
            /* an Euler step from the last point lands on the nearest edge */
            if (t->np) {
                double lx = t->px[t->np - 1], ly = t->py[t->np - 1], cx, cy;
                if (field(t, sign, lx, ly, &cx, &cy) == STEP_OK) {
                    double dsx = cx == 0 ? INFINITY : cx < 0 ? lx / -cx : (sx - lx) / cx;
                    double dsy = cy == 0 ? INFINITY : cy < 0 ? ly / -cy : (sy - ly) / cy;
                    double d = fmin(dsx, dsy);
                    if (!push(t, lx + cx * d, ly + cy * d)) return ND_ENOMEM;
                    stotal += d;
                }
            }
            break;
        }
        if (r == STEP_STOP) break;
        double dx1 = ds * k1x, dy1 = ds * k1y;
        double dx2 = ds * 0.5 * (k1x + k2x), dy2 = ds * 0.5 * (k1y + k2y);
        double err = hypot((dx2 - dx1) / sx, (dy2 - dy1) / sy);
        if (err < maxerror) {
            x += dx2;
            y += dy2;
            if (!within(f, x, y) || !claim(t, x, y)) break;
            if (stotal + ds > f->maxlength) break;
            stotal += ds;
        }
        ds = err == 0 ? maxds : fmin(maxds, 0.85 * ds * sqrt(maxerror / err));
    }
    *len = stotal;
    return ND_OK;
}

/* Append the points (reversed when rev) of the current half line, skipping `skip` of
 * them at its start, to out. */
static nd_status append(tracer *t, stream_lines *out, bool rev, size_t skip)
{
    for (size_t k = skip; k < t->np; k++) {
        size_t i = rev ? t->np - 1 - k : k;
        if (out->n == out->cap) {
            size_t cap = out->cap;
            double *nx = nplot__grow(out->x, &cap, out->n, out->n + 1, sizeof(double), t->who);
            if (!nx) return ND_ENOMEM;
            out->x = nx;
            cap = out->cap;
            double *ny = nplot__grow(out->y, &cap, out->n, out->n + 1, sizeof(double), t->who);
            if (!ny) return ND_ENOMEM;
            out->y = ny;
            out->cap = cap;
        }
        out->x[out->n] = t->px[i];
        out->y[out->n] = t->py[i];
        out->n++;
    }
    return ND_OK;
}

/* Trace the line through (x0, y0); appended to out when long enough. */
static nd_status trace_one(tracer *t, stream_lines *out, double x0, double y0)
{
    const stream_field *f = t->f;
    t->nclaimed = 0;
    t->cur = -1;
    if (!claim(t, x0, y0)) return ND_OK;
    long start_cell = t->cur;
    size_t first = out->n;
    double total = 0, len;
    nd_status st = ND_OK;
    /* the backward half, reversed, then the forward half without its repeated start */
    if (f->direction <= 0) {
        if ((st = half_line(t, -1, x0, y0, &len))) return st;
        total += len;
        if ((st = append(t, out, true, 0))) return st;
    }
    if (f->direction >= 0) {
        t->cur = start_cell;
        if ((st = half_line(t, 1, x0, y0, &len))) return st;
        total += len;
        if ((st = append(t, out, false, f->direction == 0 ? 1 : 0))) return st;
    }
    if (total > f->minlength && out->n - first >= 2) {
        size_t nl = out->nlines;
        size_t cap = out->cap_lines;
        size_t *s = nplot__grow(out->start, &cap, nl, nl + 2, sizeof(size_t), t->who);
        if (!s) return ND_ENOMEM;
        out->start = s;
        out->cap_lines = cap;
        out->start[nl] = first;
        out->start[nl + 1] = out->n;
        out->nlines++;
    } else {
        /* too short: give its cells back and drop its points */
        for (size_t k = 0; k < t->nclaimed; k++) t->mask[t->claimed[k]] = 0;
        out->n = first;
    }
    return ND_OK;
}

/* The mask cells in matplotlib's spiral order: along the bottom, up the right side,
 * back along the top, down the left, then the next ring inwards. */
static void spiral(size_t nx, size_t ny, size_t *order)
{
    long xfirst = 0, yfirst = 1, xlast = (long)nx - 1, ylast = (long)ny - 1, x = 0, y = 0;
    int dir = 0;
    for (size_t i = 0; i < nx * ny; i++) {
        order[i] = (size_t)y * nx + (size_t)x;
        switch (dir) {
        case 0:
            if (++x >= xlast) xlast--, dir = 1;
            break;
        case 1:
            if (++y >= ylast) ylast--, dir = 2;
            break;
        case 2:
            if (--x <= xfirst) xfirst++, dir = 3;
            break;
        default:
            if (--y <= yfirst) yfirst++, dir = 0;
            break;
        }
    }
}

nd_status nplot__stream_trace(const stream_field *f, const double *sx, const double *sy,
                              size_t nstart, stream_lines *out, const char *who)
{
    memset(out, 0, sizeof *out);
    if (f->nx < 2 || f->ny < 2 || f->mask_nx < 2 || f->mask_ny < 2)
        return nd_set_error(ND_EVALUE, "%s: the grid and the density mask need 2 points "
                                       "way", who);
    size_t mcells = f->mask_nx * f->mask_ny;
    tracer t = { .f = f, .mnx = f->mask_nx, .mny = f->mask_ny, .who = who };
    t.g2mx = (double)(f->mask_nx - 1) / (double)(f->nx - 1);
    t.g2my = (double)(f->mask_ny - 1) / (double)(f->ny - 1);
    t.mask = nd_calloc(mcells, 1, who);
    t.claimed = nd_malloc(sizeof(size_t) * mcells, who);
    size_t *order = nstart ? NULL : nd_malloc(sizeof(size_t) * mcells, who);
    nd_status st = ND_OK;
    if (!t.mask || !t.claimed || (!nstart && !order)) {
        st = ND_ENOMEM;
    } else if (nstart) {
        for (size_t i = 0; i < nstart && !st; i++)
            st = trace_one(&t, out, nplot__clampd(sx[i], 0, (double)(f->nx - 1)),
                           nplot__clampd(sy[i], 0, (double)(f->ny - 1)));
    } else {
        spiral(f->mask_nx, f->mask_ny, order);
        for (size_t i = 0; i < mcells && !st; i++) {
            if (t.mask[order[i]]) continue;
            double mx = (double)(order[i] % f->mask_nx), my = (double)(order[i] / f->mask_nx);
            /* mask → grid: the inverse of the grid → mask factors */
            st = trace_one(&t, out, mx / t.g2mx, my / t.g2my);
        }
    }
    nd_free_mem(t.mask);
    nd_free_mem(t.claimed);
    nd_free_mem(t.px);
    nd_free_mem(t.py);
    nd_free_mem(order);
    if (st) {
        nplot__stream_lines_free(out);
        return nd_set_error(ND_ENOMEM, "%s: out of memory tracing streamlines", who);
    }
    return ND_OK;
}

void nplot__stream_lines_free(stream_lines *l)
{
    nd_free_mem(l->x);
    nd_free_mem(l->y);
    nd_free_mem(l->start);
    memset(l, 0, sizeof *l);
}
