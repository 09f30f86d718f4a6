/* More of matplotlib's everyday plot kinds, built on the existing artist types: stairs
 * (a line or a filled polygon), hlines / vlines (segments), stackplot (fill_between per
 * layer). fill_betweenx lives with fill_between in kind_fill.c (one code path for both
 * orientations). axline is an artist of its own, laid out at draw time. */
#include "plot_render.h"
#include "dates.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* An optional nd_array as float64 values (NULL → *out NULL, *n 0). */
static nd_status f64s(nplot_axes *ax, const nd_array *a, double **out, size_t *n, const char *what,
                      const char *who)
{
    *out = NULL;
    *n = 0;
    /* positions on an axis may be dates (dateaxis.c) */
    bool on_x = !strcmp(what, "x") || !strcmp(what, "xmin") || !strcmp(what, "xmax");
    bool on_y = !strcmp(what, "y") || !strcmp(what, "ymin") || !strcmp(what, "ymax") || !strcmp(what, "ys");
    if (on_x || on_y) return nplot__axis_f64(ax, on_x, a, false, out, n, what, who);
    return nplot__to_f64(ax->fig, a, out, n, what, who);
}

/* The next color of the axes' line cycle as "#rrggbb" in buf (matplotlib's stairs and
 * stackplot take their colors from the line cycle, also for filled patches). */
static const char *line_cycle_color(nplot_axes *ax, char buf[static 8])
{
    rgba c = nplot__next_line_color(ax);
    snprintf(buf, 8, "#%02x%02x%02x", (int)lround(c.r * 255) & 255, (int)lround(c.g * 255) & 255,
             (int)lround(c.b * 255) & 255);
    return buf;
}

/* ---- stairs ---------------------------------------------------------------------------------------- */
nd_status nplot_stairs_(nplot_axes *ax, const nd_array *values, const nplot_stairs_opts *o)
{
    static const char *who = "nplot_stairs";
    CHECK_AX(ax, who);
    o = NPLOT__OPTS(o, nplot_stairs_opts);
    nplot_figure *fig = ax->fig;
    if (!values) return nplot__fail(fig, ND_EVALUE, "%s: values is required", who);
    bool horiz = false;
    if (o->orientation && !(horiz = !strcmp(o->orientation, "horizontal")) &&
        strcmp(o->orientation, "vertical"))
        return nplot__fail(fig, ND_EVALUE, "%s: orientation must be 'vertical' or 'horizontal', got '%s'",
                           who, o->orientation);
    double *v, *e = NULL, *px = NULL, *py = NULL;
    size_t n, ne;
    nd_status st = f64s(ax, values, &v, &n, "values", who);
    if (!st) st = f64s(ax, o->edges, &e, &ne, "edges", who);
    if (!st && e && ne != n + 1)
        st = nplot__fail(fig, ND_ESHAPE, "%s: edges has %zu values, values %zu: expected %zu", who, ne,
                         n, n + 1);
    /* the outline: (e0, base), then (e_i, v_i), (e_i+1, v_i) per step, then (e_n, base) */
    bool base = !isnan(o->baseline);
    double b = base ? o->baseline : 0;
    size_t m = 2 * n + 2, k = 0;
    if (!st) {
        px = nd_malloc(sizeof(double) * m, who);
        py = nd_malloc(sizeof(double) * m, who);
        if (!px || !py) st = nplot__fail(fig, ND_ENOMEM, "%s: out of memory", who);
    }
    char cbuf[8];
    const char *color = o->color ? o->color : line_cycle_color(ax, cbuf);
    if (!st) {
        if (base || o->fill) px[k] = e ? e[0] : 0, py[k++] = b;
        for (size_t i = 0; i < n; i++) {
            px[k] = e ? e[i] : (double)i, py[k++] = v[i];
            px[k] = e ? e[i + 1] : (double)(i + 1), py[k++] = v[i];
        }
        if (base || o->fill) px[k] = e ? e[n] : (double)n, py[k++] = b;
        if (horiz) {
            double *t = px;
            px = py;
            py = t;
        }
        if (o->fill) {
            st = nplot_fill_xy_(ax, px, py, k,
                                &(nplot_fill_opts){ .color = color, .linewidth = o->linewidth,
                                                    .alpha = o->alpha, .label = o->label,
                                                    .zorder = o->zorder });
        } else {
            st = nplot_plot_xy_(ax, px, py, k,
                                &(nplot_line_opts){ .color = color,
                                                    .linewidth = NPLOT_OPT(o->linewidth, 1.0),
                                                    .alpha = o->alpha, .label = o->label,
                                                    .zorder = o->zorder ? o->zorder : 1 });
        }
    }
    /* matplotlib pins the baseline to the view edge (a sticky edge), as for bars */
    if (!st && base) st = nplot__add_sticky(ax, horiz, b, who);
    nd_free_mem(v);
    nd_free_mem(e);
    nd_free_mem(px);
    nd_free_mem(py);
    return st;
}

/* ---- hlines / vlines ------------------------------------------------------------------------------- */
/* The length of a broadcast argument list: every length is 1 or the common n (the first
 * length that is not 1). */
static nd_status common_length(nplot_axes *ax, const size_t *lens, const char *const *names,
                               size_t *n, const char *who)
{
    int f = 0;
    while (f < 2 && lens[f] == 1) f++;
    *n = lens[f];
    for (int i = f + 1; i < 3; i++)
        if (lens[i] != 1 && lens[i] != *n)
            return nplot__fail(ax->fig, ND_ESHAPE,
                               "%s: %s has %zu values and %s %zu: shapes (%zu,) and (%zu,) do not broadcast",
                               who, names[f], lens[f], names[i], lens[i], lens[f], lens[i]);
    return ND_OK;
}

/* hlines (horiz) or vlines: segments at pos[i] from lo[i] to hi[i] (length-1 arrays repeat). */
static nd_status many_lines(nplot_axes *ax, const nd_array *pos, const nd_array *lo,
                            const nd_array *hi, const nplot_lines_opts *o, bool horiz,
                            const char *const *names, const char *who)
{
    CHECK_AX(ax, who);
    o = NPLOT__OPTS(o, nplot_lines_opts);
    nplot_figure *fig = ax->fig;
    if (!pos || !lo || !hi)
        return nplot__fail(fig, ND_EVALUE, "%s: %s, %s and %s are required", who, names[0], names[1],
                           names[2]);
    int ls = o->linestyle ? nplot__linestyle_parse(o->linestyle) : LS_SOLID;
    if (ls < 0)
        return nplot__fail(fig, ND_EVALUE, "%s: unknown linestyle '%s'", who, o->linestyle);
    if (o->alpha < 0 || o->alpha > 1)
        return nplot__fail(fig, ND_EVALUE, "%s: alpha must be in [0, 1], got %g", who, o->alpha);
    double *p[3] = { NULL, NULL, NULL };
    size_t len[3], n = 0;
    nd_status st = f64s(ax, pos, &p[0], &len[0], names[0], who);
    if (!st) st = f64s(ax, lo, &p[1], &len[1], names[1], who);
    if (!st) st = f64s(ax, hi, &p[2], &len[2], names[2], who);
    if (!st) st = common_length(ax, len, names, &n, who);
    if (!st && o->colors.n > 1) st = NPLOT__CHECK_LEN(fig, who, "colors", o->colors, n, "the segments are");
    /* one segments artist per color: all of them when one color is given */
    size_t nart = o->colors.n > 1 ? n : 1;
    for (size_t c = 0; !st && c < nart; c++) {
        rgba col;
        const char *cs = o->colors.n ? o->colors.v[c] : "C0";
        if (nplot__color(cs, fig->style, &col, who)) {
            st = nplot__fail(fig, ND_EVALUE, "%s", nd_errmsg());
            break;
        }
        size_t i0 = nart == 1 ? 0 : c, i1 = nart == 1 ? n : c + 1;
        artist *a = nplot__artist_add(ax, ART_SEGMENTS, who);
        if (!a) return fig->status;
        a->x = nd_malloc(sizeof(double) * (2 * (i1 - i0) + 1), who);
        a->y = nd_malloc(sizeof(double) * (2 * (i1 - i0) + 1), who);
        if (!a->x || !a->y) {
            st = nplot__fail(fig, ND_ENOMEM, "%s: out of memory", who);
            break;
        }
        size_t k = 0;
        for (size_t i = i0; i < i1; i++) {
            double q = p[0][len[0] == 1 ? 0 : i];
            double l = p[1][len[1] == 1 ? 0 : i], h = p[2][len[2] == 1 ? 0 : i];
            double *along = horiz ? a->x : a->y, *across = horiz ? a->y : a->x;
            along[k] = l, across[k++] = q;
            along[k] = h, across[k++] = q;
        }
        a->n = k;
        a->lp.color = col;
        a->lp.lw = NPLOT_OPT(o->linewidth, 1.5);
        a->lp.ls = ls;
        a->alpha = NPLOT_OPT(o->alpha, 1);
        a->zorder = o->zorder ? o->zorder : 2;
        a->legend_kind = LEGEND_LINE;
        if (c == 0 && o->label && !(a->label = nplot__strdup(fig, o->label, who))) st = fig->status;
        nplot__update_datalim(ax, a);
    }
    for (int i = 0; i < 3; i++) nd_free_mem(p[i]);
    return st;
}

nd_status nplot_hlines_(nplot_axes *ax, const nd_array *y, const nd_array *xmin,
                        const nd_array *xmax, const nplot_lines_opts *o)
{
    static const char *const names[3] = { "y", "xmin", "xmax" };
    return many_lines(ax, y, xmin, xmax, o, true, names, "nplot_hlines");
}

nd_status nplot_vlines_(nplot_axes *ax, const nd_array *x, const nd_array *ymin,
                        const nd_array *ymax, const nplot_lines_opts *o)
{
    static const char *const names[3] = { "x", "ymin", "ymax" };
    return many_lines(ax, x, ymin, ymax, o, false, names, "nplot_vlines");
}

/* ---- stackplot ------------------------------------------------------------------------------------- */
/* stack (k x n, row-major) holds the cumulative sums of y's rows; shift it by matplotlib's
 * baseline (stackplot.py, 3.6) and write that first line to first[n]. 0, or -1 for an
 * unknown baseline name. */
static int stack_baseline(const char *name, const double *y, double *stack, double *first,
                          size_t k, size_t n)
{
    if (!strcmp(name, "zero")) {
        for (size_t j = 0; j < n; j++) first[j] = 0;
        return 0;
    }
    if (!strcmp(name, "sym")) {
        for (size_t j = 0; j < n; j++) first[j] = -stack[(k - 1) * n + j] * 0.5;
    } else if (!strcmp(name, "wiggle")) {
        /* first_line = -sum_i y_i (m - 0.5 - i) / m */
        for (size_t j = 0; j < n; j++) {
            double s = 0;
            for (size_t i = 0; i < k; i++) s += y[i * n + j] * ((double)k - 0.5 - (double)i);
            first[j] = s / -(double)k;
        }
    } else if (!strcmp(name, "weighted_wiggle")) {
        /* center = cumsum_j sum_i (move_up_ij - 0.5) * increase_ij, with move_up the share of
         * the total below the middle of layer i (0.5 in column 0), increase the rise of y_i;
         * first_line = center - total / 2 */
        double center = 0;
        for (size_t j = 0; j < n; j++) {
            double total = stack[(k - 1) * n + j];
            double inv = total > 0 ? 1.0 / total : 0;
            double c = 0;
            for (size_t i = 0; i < k; i++) {
                double yi = y[i * n + j];
                double inc = j == 0 ? yi : yi - y[i * n + j - 1];
                double up = j == 0 ? 0.5 : (total - stack[i * n + j] + 0.5 * yi) * inv;
                c += (up - 0.5) * inc;
            }
            center += c;
            first[j] = center - 0.5 * total;
        }
    } else {
        return -1;
    }
    for (size_t i = 0; i < k; i++)
        for (size_t j = 0; j < n; j++) stack[i * n + j] += first[j];
    return 0;
}

nd_status nplot_stackplot_(nplot_axes *ax, const nd_array *x, const nd_array *ys,
                           const nplot_stackplot_opts *o)
{
    static const char *who = "nplot_stackplot";
    CHECK_AX(ax, who);
    o = NPLOT__OPTS(o, nplot_stackplot_opts);
    nplot_figure *fig = ax->fig;
    if (!x || !ys) return nplot__fail(fig, ND_EVALUE, "%s: x and ys are required", who);
    int nd = nd_ndim(ys);
    if (nd != 1 && nd != 2)
        return nplot__fail(fig, ND_ESHAPE, "%s: ys must be 1-D or 2-D (k, n), got %d-D", who, nd);
    size_t k = nd == 2 ? (size_t)nd_shape(ys)[0] : 1;
    size_t n = (size_t)nd_shape(ys)[nd - 1];
    if (nd_ndim(x) != 1 || (size_t)nd_size(x) != n) {
        if (nd == 2)
            return nplot__fail(fig, ND_ESHAPE, "%s: x has shape (%td,) but ys has shape (%zu, %zu): "
                               "each row of ys needs one value per x", who, nd_size(x), k, n);
        return nplot__fail(fig, ND_ESHAPE, "%s: x has shape (%td,) but ys has shape (%zu,)", who,
                           nd_size(x), n);
    }
    const char *bname = o->baseline ? o->baseline : "zero";
    double *xs = NULL, *y = NULL, *stack = NULL, *first = NULL;
    size_t nx, ny;
    nd_status st = f64s(ax, x, &xs, &nx, "x", who);
    if (!st) st = f64s(ax, ys, &y, &ny, "ys", who);
    if (!st) {
        stack = nd_malloc(sizeof(double) * (k * n + 1), who);
        first = nd_malloc(sizeof(double) * (n + 1), who);
        if (!stack || !first) st = nplot__fail(fig, ND_ENOMEM, "%s: out of memory", who);
    }
    if (!st) {
        for (size_t j = 0; j < n; j++)
            for (size_t i = 0; i < k; i++)
                stack[i * n + j] = y[i * n + j] + (i ? stack[(i - 1) * n + j] : 0);
        if (stack_baseline(bname, y, stack, first, k, n) < 0)
            st = nplot__fail(fig, ND_EVALUE,
                             "%s: baseline must be 'zero', 'sym', 'wiggle' or 'weighted_wiggle', got '%s'",
                             who, bname);
    }
    /* layer i between the previous top (the first line for i = 0) and its own; colors from
     * the line cycle as matplotlib's stackplot takes them */
    for (size_t i = 0; !st && i < k; i++) {
        char cbuf[8];
        const char *fc = o->colors.n ? o->colors.v[i % o->colors.n] : line_cycle_color(ax, cbuf);
        nplot_fill_opts fo = { .facecolor = fc, .alpha = o->alpha, .hatch = o->hatch,
                               .label = i < o->labels.n ? o->labels.v[i] : NULL };
        st = nplot__fill_between(ax, xs, i ? stack + (i - 1) * n : first, stack + i * n, n, NULL, &fo,
                                 who);
        if (!st && i == 0) st = nplot__add_sticky(ax, false, 0, who);
    }
    nd_free_mem(xs);
    nd_free_mem(y);
    nd_free_mem(stack);
    nd_free_mem(first);
    return st;
}

/* ---- ecdf ------------------------------------------------------------------------------------------ */
/* a data value with its weight, sorted by value */
typedef struct weighted {
    double x, w;
} weighted;
static int by_value(const void *a, const void *b)
{
    double x = ((const weighted *)a)->x, y = ((const weighted *)b)->x;
    return (x > y) - (x < y);
}

nd_status nplot_ecdf_(nplot_axes *ax, const nd_array *x, const nplot_ecdf_opts *o)
{
    static const char *who = "nplot_ecdf";
    CHECK_AX(ax, who);
    o = NPLOT__OPTS(o, nplot_ecdf_opts);
    nplot_figure *fig = ax->fig;
    if (!x) return nplot__fail(fig, ND_EVALUE, "%s: x is required", who);
    bool horiz = false;
    if (o->orientation && !(horiz = !strcmp(o->orientation, "horizontal")) &&
        strcmp(o->orientation, "vertical"))
        return nplot__fail(fig, ND_EVALUE, "%s: orientation must be 'vertical' or 'horizontal', got '%s'",
                           who, o->orientation);
    double *v, *w = NULL, *px = NULL, *py = NULL;
    weighted *pts = NULL;
    size_t n, nw = 0;
    n = 0;
    nd_status st = nplot__axis_f64(ax, !horiz, x, false, &v, &n, "x", who); /* dates on their axis */
    if (!st) st = f64s(ax, o->weights, &w, &nw, "weights", who);
    if (!st && w) st = nplot__lengths_match(fig, n, nw, "x", "weights", who);
    if (!st && n == 0) st = nplot__fail(fig, ND_EVALUE, "%s: x is empty", who);
    for (size_t i = 0; !st && i < n; i++)
        if (isnan(v[i])) st = nplot__fail(fig, ND_EVALUE, "%s: x holds NaN (at index %zu)", who, i);
    if (!st) {
        pts = nd_malloc(sizeof(weighted) * n, who);
        px = nd_malloc(sizeof(double) * (n + 1), who);
        py = nd_malloc(sizeof(double) * (n + 1), who);
        if (!pts || !px || !py) st = nplot__fail(fig, ND_ENOMEM, "%s: out of memory", who);
    }
    if (!st) {
        double total = 0;
        for (size_t i = 0; i < n; i++) {
            pts[i] = (weighted){ v[i], w ? w[i] : 1 };
            total += pts[i].w;
        }
        qsort(pts, n, sizeof(weighted), by_value);
        /* the sorted values (px) and the cumulative weights (py), compressed to the last
         * point of each run of equal values when asked */
        size_t m = 0;
        double cum = 0;
        for (size_t i = 0; i < n; i++) {
            cum = w ? cum + pts[i].w / total : (double)(i + 1) / (double)n;
            double xi = pts[i].x;
            if (o->compress && m > 0 && px[m - 1] == xi) m--;
            px[m] = xi;
            py[m++] = cum;
        }
        /* matplotlib's vertices: F rises from 0 before the minimum (steps-post), the
         * complement falls from 1 and ends at the maximum (steps-pre) */
        double *xs = nd_malloc(sizeof(double) * (m + 1), who), *ys = nd_malloc(sizeof(double) * (m + 1), who);
        if (!xs || !ys) {
            st = nplot__fail(fig, ND_ENOMEM, "%s: out of memory", who);
        } else {
            const char *ds;
            if (!o->complementary) {
                xs[0] = px[0], ys[0] = 0;
                for (size_t i = 0; i < m; i++) xs[i + 1] = px[i], ys[i + 1] = py[i];
                ds = horiz ? "steps-pre" : "steps-post";
            } else {
                ys[0] = 1;
                for (size_t i = 0; i < m; i++) xs[i] = px[i], ys[i + 1] = 1 - py[i];
                xs[m] = px[m - 1];
                ds = horiz ? "steps-post" : "steps-pre";
            }
            nplot_line_opts lo = { .color = o->color, .linestyle = o->linestyle,
                                   .linewidth = o->linewidth, .alpha = o->alpha, .label = o->label,
                                   .drawstyle = ds };
            st = horiz ? nplot_plot_xy_(ax, ys, xs, m + 1, &lo) : nplot_plot_xy_(ax, xs, ys, m + 1, &lo);
            if (!st) st = nplot__add_sticky(ax, horiz, 0, who);
            if (!st) st = nplot__add_sticky(ax, horiz, 1, who);
        }
        nd_free_mem(xs);
        nd_free_mem(ys);
    }
    nd_free_mem(v);
    nd_free_mem(w);
    nd_free_mem(pts);
    nd_free_mem(px);
    nd_free_mem(py);
    return st;
}

/* ---- eventplot ------------------------------------------------------------------------------------- */
/* A per-row option: absent, one value for all rows, or one per row. */
static nd_status per_row(nplot_axes *ax, size_t n, size_t k, const char *name, const char *who)
{
    if (n > 1 && n != k)
        return nplot__fail(ax->fig, ND_EVALUE, "%s: %s has %zu values, but positions has %zu rows", who,
                           name, n, k);
    return ND_OK;
}

static double row_value(nplot_f64s v, size_t i, double dflt)
{
    return v.n == 0 ? dflt : v.v[v.n == 1 ? 0 : i];
}

/* k rows of events (rows[i] holds lens[i] positions) as one segments artist per row */
static nd_status eventplot_rows(nplot_axes *ax, const double *const *rows, const size_t *lens,
                                size_t k, const nplot_eventplot_opts *o, const char *who)
{
    nplot_figure *fig = ax->fig;
    bool vert = false;
    if (o->orientation && !(vert = !strcmp(o->orientation, "vertical")) &&
        strcmp(o->orientation, "horizontal"))
        return nplot__fail(fig, ND_EVALUE, "%s: orientation must be 'horizontal' or 'vertical', got '%s'",
                           who, o->orientation);
    int ls = o->linestyle ? nplot__linestyle_parse(o->linestyle) : LS_SOLID;
    if (ls < 0) return nplot__fail(fig, ND_EVALUE, "%s: unknown linestyle '%s'", who, o->linestyle);
    if (o->alpha < 0 || o->alpha > 1)
        return nplot__fail(fig, ND_EVALUE, "%s: alpha must be in [0, 1], got %g", who, o->alpha);
    nd_status st = per_row(ax, o->lineoffsets.n, k, "lineoffsets", who);
    if (!st) st = per_row(ax, o->linelengths.n, k, "linelengths", who);
    if (!st) st = per_row(ax, o->linewidths.n, k, "linewidths", who);
    if (!st) st = per_row(ax, o->colors.n, k, "colors", who);
    for (size_t i = 0; !st && i < k; i++) {
        /* matplotlib: one offset given for several rows spaces them by it from 0 */
        double off = o->lineoffsets.n == 1 && k > 1 ? (double)i * o->lineoffsets.v[0]
                                                    : row_value(o->lineoffsets, i, k > 1 ? (double)i : 1);
        double len = row_value(o->linelengths, i, 1);
        rgba col;
        const char *cs = o->colors.n ? o->colors.v[o->colors.n == 1 ? 0 : i] : "C0";
        if (nplot__color(cs, fig->style, &col, who)) return nplot__fail(fig, ND_EVALUE, "%s", nd_errmsg());
        artist *a = nplot__artist_add(ax, ART_SEGMENTS, who);
        if (!a) return fig->status;
        a->x = nd_malloc(sizeof(double) * (2 * lens[i] + 1), who);
        a->y = nd_malloc(sizeof(double) * (2 * lens[i] + 1), who);
        if (!a->x || !a->y) return nplot__fail(fig, ND_ENOMEM, "%s: out of memory", who);
        double *along = vert ? a->y : a->x, *across = vert ? a->x : a->y;
        for (size_t j = 0; j < lens[i]; j++) {
            along[2 * j] = along[2 * j + 1] = rows[i][j];
            across[2 * j] = off - len / 2;
            across[2 * j + 1] = off + len / 2;
        }
        a->n = 2 * lens[i];
        a->lp.color = col;
        a->lp.lw = row_value(o->linewidths, i, 1.5);
        a->lp.ls = ls;
        a->alpha = NPLOT_OPT(o->alpha, 1);
        a->zorder = 2;
        a->legend_kind = LEGEND_LINE;
        if (i == 0 && o->label && !(a->label = nplot__strdup(fig, o->label, who))) return fig->status;
        nplot__update_datalim(ax, a);
        /* matplotlib's eventplot widens the data limits across the rows by a whole
         * linelength either side of each offset, not half of it */
        for (size_t j = 0; j < lens[i]; j++) {
            double p = rows[i][j];
            if (vert) nplot__datalim_point(ax, off - len, p), nplot__datalim_point(ax, off + len, p);
            else nplot__datalim_point(ax, p, off - len), nplot__datalim_point(ax, p, off + len);
        }
    }
    return st;
}

nd_status nplot_eventplot_rows_(nplot_axes *ax, const nd_array *const *rows, size_t k,
                                const nplot_eventplot_opts *o)
{
    static const char *who = "nplot_eventplot_rows";
    CHECK_AX(ax, who);
    o = NPLOT__OPTS(o, nplot_eventplot_opts);
    if (k > 0 && !rows) return nplot__fail(ax->fig, ND_EVALUE, "%s: rows is NULL", who);
    double **vals = nd_calloc(k + 1, sizeof(double *), who);
    size_t *lens = nd_calloc(k + 1, sizeof(size_t), who);
    nd_status st = vals && lens ? ND_OK : nplot__fail(ax->fig, ND_ENOMEM, "%s: out of memory", who);
    for (size_t i = 0; !st && i < k; i++) {
        if (!rows[i]) st = nplot__fail(ax->fig, ND_EVALUE, "%s: row %zu is NULL", who, i);
        else if (nd_ndim(rows[i]) > 1)
            st = nplot__fail(ax->fig, ND_ESHAPE, "%s: row %zu must be 1-D, got %d-D", who, i,
                             nd_ndim(rows[i]));
        else st = f64s(ax, rows[i], &vals[i], &lens[i], "positions", who);
    }
    if (!st) st = eventplot_rows(ax, (const double *const *)vals, lens, k, o, who);
    for (size_t i = 0; vals && i < k; i++) nd_free_mem(vals[i]);
    nd_free_mem(vals);
    nd_free_mem(lens);
    return st;
}

nd_status nplot_eventplot_(nplot_axes *ax, const nd_array *positions, const nplot_eventplot_opts *o)
{
    static const char *who = "nplot_eventplot";
    CHECK_AX(ax, who);
    o = NPLOT__OPTS(o, nplot_eventplot_opts);
    if (!positions) return nplot__fail(ax->fig, ND_EVALUE, "%s: positions is required", who);
    int nd = nd_ndim(positions);
    if (nd != 1 && nd != 2)
        return nplot__fail(ax->fig, ND_ESHAPE, "%s: positions must be 1-D or 2-D (k, n), got %d-D", who, nd);
    size_t k = nd == 2 ? (size_t)nd_shape(positions)[0] : 1;
    size_t n = (size_t)nd_shape(positions)[nd - 1];
    double *v;
    size_t nv;
    nd_status st = f64s(ax, positions, &v, &nv, "positions", who);
    if (st) return st;
    const double **rows = nd_calloc(k + 1, sizeof(double *), who);
    size_t *lens = nd_calloc(k + 1, sizeof(size_t), who);
    if (!rows || !lens) st = nplot__fail(ax->fig, ND_ENOMEM, "%s: out of memory", who);
    for (size_t i = 0; !st && i < k; i++) rows[i] = v + i * n, lens[i] = n;
    if (!st) st = eventplot_rows(ax, rows, lens, k, o, who);
    nd_free_mem(rows);
    nd_free_mem(lens);
    nd_free_mem(v);
    return st;
}

/* ---- broken_barh ----------------------------------------------------------------------------------- */
nd_status nplot_broken_barh_(nplot_axes *ax, const nd_array *xranges, double ymin, double height,
                             const nplot_broken_barh_opts *o)
{
    static const char *who = "nplot_broken_barh";
    CHECK_AX(ax, who);
    o = NPLOT__OPTS(o, nplot_broken_barh_opts);
    nplot_figure *fig = ax->fig;
    if (!xranges) return nplot__fail(fig, ND_EVALUE, "%s: xranges is required", who);
    if (nd_ndim(xranges) != 2 || nd_shape(xranges)[1] != 2) {
        if (nd_ndim(xranges) == 1)
            return nplot__fail(fig, ND_ESHAPE, "%s: xranges must have shape (m, 2), got (%td,)", who,
                               nd_size(xranges));
        return nplot__fail(fig, ND_ESHAPE, "%s: xranges must have shape (m, 2), got %d-D with %td values",
                           who, nd_ndim(xranges), nd_size(xranges));
    }
    if (o->alpha < 0 || o->alpha > 1)
        return nplot__fail(fig, ND_EVALUE, "%s: alpha must be in [0, 1], got %g", who, o->alpha);
    size_t m = (size_t)nd_shape(xranges)[0];
    if (o->facecolors.n > 1 && o->facecolors.n != m)
        return nplot__fail(fig, ND_EVALUE, "%s: facecolors has %zu values, but xranges has %zu rows", who,
                           o->facecolors.n, m);
    double *r, *px = NULL, *py = NULL;
    rgba *cols = NULL;
    size_t nr;
    nd_status st = f64s(ax, xranges, &r, &nr, "xranges", who);
    if (!st) {
        px = nd_malloc(sizeof(double) * (5 * m + 1), who);
        py = nd_malloc(sizeof(double) * (5 * m + 1), who);
        cols = nd_malloc(sizeof(rgba) * (m + 1), who);
        if (!px || !py || !cols) st = nplot__fail(fig, ND_ENOMEM, "%s: out of memory", who);
    }
    rgba dflt = { 0 };
    if (!st && !o->facecolors.n) dflt = nplot__next_patch_color(ax);
    size_t k = 0;
    for (size_t i = 0; !st && i < m; i++) {
        if (o->facecolors.n && nplot__color(o->facecolors.v[o->facecolors.n == 1 ? 0 : i], fig->style,
                                            &cols[i], who)) {
            st = nplot__fail(fig, ND_EVALUE, "%s", nd_errmsg());
            break;
        }
        if (!o->facecolors.n) cols[i] = dflt;
        double x0 = r[2 * i], x1 = r[2 * i] + r[2 * i + 1];
        if (k) px[k] = py[k] = NAN, k++;
        px[k] = x0, py[k++] = ymin;
        px[k] = x1, py[k++] = ymin;
        px[k] = x1, py[k++] = ymin + height;
        px[k] = x0, py[k++] = ymin + height;
    }
    if (!st) {
        artist *a = nplot__patches_new(ax, px, py, k, m, cols, who);
        if (!a) {
            st = fig->status;
        } else {
            a->alpha = NPLOT_OPT(o->alpha, 1);
            a->face = m ? cols[0] : dflt;
            st = nplot__hatch_set(fig, a, o->hatch, 0, who);
            if (!st && o->label && !(a->label = nplot__strdup(fig, o->label, who))) st = fig->status;
            if (!st) nplot__update_datalim(ax, a);
        }
    }
    nd_free_mem(r);
    nd_free_mem(px);
    nd_free_mem(py);
    nd_free_mem(cols);
    return st;
}

/* ---- axline ---------------------------------------------------------------------------------------- */
static nd_status axline_add(nplot_axes *ax, double x1, double y1, double x2, double y2, bool slope_form,
                            const nplot_axline_opts *o, const char *who)
{
    o = NPLOT__OPTS(o, nplot_axline_opts);
    nplot_figure *fig = ax->fig;
    if (!isfinite(x1) || !isfinite(y1) || !isfinite(x2) || !isfinite(y2))
        return nplot__fail(fig, ND_EVALUE, "%s: the points and slope must be finite, got (%g, %g) and %s (%g, %g)",
                           who, x1, y1, slope_form ? "the step to" : "", x2, y2);
    if (x1 == x2 && y1 == y2)
        return nplot__fail(fig, ND_EVALUE, "%s: cannot draw a line through two identical points (%g, %g)",
                           who, x1, y1);
    line_props lp;
    double alpha;
    nplot_line_opts lo = { .color = o->color ? o->color : "C0", .linestyle = o->linestyle,
                           .linewidth = o->linewidth, .alpha = o->alpha, .label = o->label };
    nd_status st = nplot__line_props(ax, &lo, &lp, &alpha, who);
    if (st) return st;
    artist *a = nplot__artist_add(ax, ART_AXLINE, who);
    if (!a) {
        nd_free_mem(lp.dashes);
        return fig->status;
    }
    a->lp = lp;
    a->alpha = alpha;
    a->zorder = o->zorder ? o->zorder : 2;
    a->legend_kind = LEGEND_LINE;
    a->n = 2;
    if (!(a->x = nplot__copy_or_index(fig, (const double[]){ x1, x2 }, 2, who))) return fig->status;
    if (!(a->y = nplot__copy_or_index(fig, (const double[]){ y1, y2 }, 2, who))) return fig->status;
    if (o->label && !(a->label = nplot__strdup(fig, o->label, who))) return fig->status;
    /* matplotlib: the given points extend the data limits (the slope form's second point
     * is ours, not given) */
    nplot__datalim_point(ax, x1, y1);
    if (!slope_form) nplot__datalim_point(ax, x2, y2);
    return ND_OK;
}

nd_status nplot_axline_(nplot_axes *ax, double x1, double y1, double x2, double y2,
                        const nplot_axline_opts *o)
{
    CHECK_AX(ax, "nplot_axline");
    return axline_add(ax, x1, y1, x2, y2, false, o, "nplot_axline");
}

nd_status nplot_axline_slope_(nplot_axes *ax, double x1, double y1, double slope,
                              const nplot_axline_opts *o)
{
    static const char *who = "nplot_axline_slope";
    CHECK_AX(ax, who);
    if (ax->xa.scale != SCALE_LINEAR || ax->ya.scale != SCALE_LINEAR)
        return nplot__fail(ax->fig, ND_EVALUE, "%s: 'slope' cannot be used with non-linear scales", who);
    return axline_add(ax, x1, y1, x1 + 1, y1 + slope, true, o, who);
}

/* Liang-Barsky: narrow [*t0, *t1] to where p + t d lies in [lo, hi]; false when empty. */
static bool clip_axis(double p, double d, double lo, double hi, double *t0, double *t1)
{
    if (d == 0) return p >= lo && p <= hi;
    double a = (lo - p) / d, b = (hi - p) / d;
    *t0 = fmax(*t0, fmin(a, b));
    *t1 = fmin(*t1, fmax(a, b));
    return *t0 <= *t1;
}

void nplot__draw_axline(render_ctx *rc, nplot_axes *ax, artist *a)
{
    cairo_t *cr = rc->cr;
    xform tf = nplot__xform(ax);
    double x0, y0, x1, y1;
    nplot__to_dev(rc, ax, &tf, COORD_DATA, COORD_DATA, a->x[0], a->y[0], &x0, &y0);
    nplot__to_dev(rc, ax, &tf, COORD_DATA, COORD_DATA, a->x[1], a->y[1], &x1, &y1);
    if (!isfinite(x0) || !isfinite(y0) || !isfinite(x1) || !isfinite(y1) || (x0 == x1 && y0 == y1)) return;
    /* the line through both device points, cut at the axes box (a little beyond it, so
     * the clip rather than the line's caps makes the ends) */
    double dx = x1 - x0, dy = y1 - y0, t0 = -INFINITY, t1 = INFINITY, pad = a->lp.lw * rc->scale;
    if (!clip_axis(x0, dx, ax->dev[0] - pad, ax->dev[2] + pad, &t0, &t1) ||
        !clip_axis(y0, dy, fmin(ax->dev[1], ax->dev[3]) - pad, fmax(ax->dev[1], ax->dev[3]) + pad, &t0, &t1))
        return;
    cairo_save(cr);
    cairo_rectangle(cr, ax->dev[0], ax->dev[1], ax->dev[2] - ax->dev[0], ax->dev[3] - ax->dev[1]);
    cairo_clip(cr);
    cairo_new_path(cr);
    cairo_move_to(cr, x0 + t0 * dx, y0 + t0 * dy);
    cairo_line_to(cr, x0 + t1 * dx, y0 + t1 * dy);
    rgba c = a->lp.color;
    cairo_set_source_rgba(cr, c.r, c.g, c.b, c.a * a->alpha);
    double lw = a->lp.lw * rc->scale;
    cairo_set_line_width(cr, lw);
    nplot__set_dash(cr, a->lp.ls, a->lp.dashes, a->lp.ndashes, lw, rc->scale);
    cairo_stroke(cr);
    cairo_restore(cr);
}
