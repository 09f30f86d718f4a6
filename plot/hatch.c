/* Hatching (matplotlib.hatch): a hatch string such as "//", "x*" or "-|" read into counts
 * per pattern, and the pattern painted inside a path. The pattern is matplotlib's: each
 * character repeated k times gives k * 6 lines (or rows of shapes) per inch, drawn into a
 * one-inch tile with square-capped strokes of hatch.linewidth points, tiled from the
 * figure's top-left corner as Agg does. */
#include "plot_render.h"

#include <math.h>
#include <string.h>

enum { HATCH_DENSITY = 6, HATCH_MAX_LEN = 64 };

nd_status nplot__hatch_parse(nplot_figure *fig, const char *s, hatch_spec *out, const char *who)
{
    memset(out, 0, sizeof *out);
    if (!s) return ND_OK;
    size_t len = strlen(s);
    if (len > HATCH_MAX_LEN)
        return nplot__fail(fig, ND_EVALUE, "%s: hatch '%.16s...' is longer than %d characters", who,
                           s, HATCH_MAX_LEN);
    for (size_t i = 0; i < len; i++) {
        switch (s[i]) {
        case '-': out->n[HATCH_H]++; break;
        case '|': out->n[HATCH_V]++; break;
        case '+': out->n[HATCH_H]++, out->n[HATCH_V]++; break;
        case '/': out->n[HATCH_NE]++; break;
        case '\\': out->n[HATCH_SE]++; break;
        case 'x': case 'X': out->n[HATCH_NE]++, out->n[HATCH_SE]++; break;
        case 'o': out->n[HATCH_SMALL_O]++; break;
        case 'O': out->n[HATCH_LARGE_O]++; break;
        case '.': out->n[HATCH_DOT]++; break;
        case '*': out->n[HATCH_STAR]++; break;
        default:
            return nplot__fail(fig, ND_EVALUE, "%s: unknown hatch character '%c' in '%s' (use / \\ "
                                               "| - + x o O . *)", who, s[i], s);
        }
    }
    for (int k = 0; k < HATCH_NKINDS; k++) out->any |= out->n[k] > 0;
    return ND_OK;
}

nd_status nplot__hatch_set(nplot_figure *fig, artist *a, const char *hatch, double lw,
                           const char *who)
{
    nd_status st = nplot__hatch_parse(fig, hatch, &a->hatch, who);
    if (st) return st;
    if (!(lw >= 0) || !isfinite(lw))
        return nplot__fail(fig, ND_EVALUE, "%s: hatch_linewidth must be >= 0, got %g", who, lw);
    a->hatch_lw = NPLOT_OPT(lw, 1.0); /* rcParams['hatch.linewidth'] */
    return ND_OK;
}

rgba nplot__hatch_color(const artist *a)
{
    /* matplotlib: the edge color (with the artist's alpha) when the patch has an edge,
     * else rcParams['hatch.color'], black */
    if (a->has_edge && !a->edge_is_face) {
        rgba c = a->edge;
        c.a *= a->alpha;
        return c;
    }
    return (rgba){ 0, 0, 0, 1 };
}

/* The pattern's path in unit-tile coordinates (y up), mapped by (x0 + x S, y0 + (1 - y) S). */
typedef struct tile_map {
    double x0, y0, S;
} tile_map;

static void tmove(cairo_t *cr, const tile_map *m, double x, double y)
{
    cairo_move_to(cr, m->x0 + x * m->S, m->y0 + (1 - y) * m->S);
}

static void tline(cairo_t *cr, const tile_map *m, double x, double y)
{
    cairo_line_to(cr, m->x0 + x * m->S, m->y0 + (1 - y) * m->S);
}

/* A circle of radius r about (cx, cy), counter-clockwise (or clockwise) in tile terms. */
static void tcircle(cairo_t *cr, const tile_map *m, double cx, double cy, double r, bool ccw)
{
    double X = m->x0 + cx * m->S, Y = m->y0 + (1 - cy) * m->S, R = r * m->S;
    cairo_new_sub_path(cr);
    /* y is flipped: counter-clockwise in the tile is clockwise on the device */
    if (ccw) cairo_arc_negative(cr, X, Y, R, 0, -2 * M_PI);
    else cairo_arc(cr, X, Y, R, 0, 2 * M_PI);
    cairo_close_path(cr);
}

/* matplotlib's Shapes: rows 0..nrows, even rows nrows + 1 shapes from x 0 to 1, odd rows
 * nrows shapes in between. kind: 0 ring (radius size, inner 0.9 of it), 1 disc, 2 star. */
static void shapes(cairo_t *cr, const tile_map *m, int nrows, double size, int kind)
{
    if (nrows <= 0) return;
    double off = 1.0 / nrows, r = off * size;
    for (int row = 0; row <= nrows; row++) {
        int ncol = row % 2 == 0 ? nrows + 1 : nrows;
        for (int c = 0; c < ncol; c++) {
            double cx = row % 2 == 0 ? (nrows ? (double)c / nrows : 0)
                                     : (ncol > 1 ? off / 2 + (1 - off) * c / (ncol - 1) : off / 2);
            double cy = row * off;
            if (kind == 0) {
                tcircle(cr, m, cx, cy, r, true);
                tcircle(cr, m, cx, cy, 0.9 * r, false);
            } else if (kind == 1) {
                tcircle(cr, m, cx, cy, r, true);
            } else {
                /* Path.unit_regular_star(5): 10 points from the top, inner radius 0.5 */
                for (int k = 0; k <= 10; k++) {
                    double th = 2 * M_PI / 10 * k + M_PI / 2, rr = (k % 2 ? 0.5 : 1) * r;
                    if (k == 0) tmove(cr, m, cx + rr * cos(th), cy + rr * sin(th));
                    else tline(cr, m, cx + rr * cos(th), cy + rr * sin(th));
                }
            }
        }
    }
}

/* Trace the whole hatch path of one tile. */
static void hatch_path(cairo_t *cr, const hatch_spec *h, const tile_map *m)
{
    int nh = h->n[HATCH_H] * HATCH_DENSITY, nv = h->n[HATCH_V] * HATCH_DENSITY;
    for (int i = 0; i < nh; i++) { /* HorizontalHatch */
        double y = (i + 0.5) / nh;
        tmove(cr, m, 0, y);
        tline(cr, m, 1, y);
    }
    for (int i = 0; i < nv; i++) { /* VerticalHatch */
        double x = (i + 0.5) / nv;
        tmove(cr, m, x, 0);
        tline(cr, m, x, 1);
    }
    int ne = h->n[HATCH_NE] * HATCH_DENSITY, se = h->n[HATCH_SE] * HATCH_DENSITY;
    for (int i = 0; ne && i <= ne; i++) { /* NorthEastHatch: linspace(-0.5, 0.5, ne + 1) */
        double s = -0.5 + (double)i / ne;
        tmove(cr, m, s, -s);
        tline(cr, m, 1 + s, 1 - s);
    }
    for (int i = 0; se && i <= se; i++) { /* SouthEastHatch */
        double s = -0.5 + (double)i / se;
        tmove(cr, m, s, 1 + s);
        tline(cr, m, 1 + s, s);
    }
    shapes(cr, m, h->n[HATCH_SMALL_O] * HATCH_DENSITY, 0.2, 0);
    shapes(cr, m, h->n[HATCH_LARGE_O] * HATCH_DENSITY, 0.35, 0);
    shapes(cr, m, h->n[HATCH_DOT] * HATCH_DENSITY, 0.1, 1);
    shapes(cr, m, h->n[HATCH_STAR] * HATCH_DENSITY, 1.0 / 3.0, 2);
}

/* Fill (the closed shapes) and stroke (everything) one tile's path, as Agg does. */
static void paint_tile(cairo_t *cr, const hatch_spec *h, const tile_map *m, rgba c, double lw)
{
    cairo_new_path(cr);
    hatch_path(cr, h, m);
    cairo_set_source_rgba(cr, c.r, c.g, c.b, c.a);
    cairo_set_fill_rule(cr, CAIRO_FILL_RULE_WINDING);
    cairo_fill_preserve(cr);
    cairo_set_line_width(cr, lw);
    cairo_set_line_cap(cr, CAIRO_LINE_CAP_SQUARE);
    cairo_set_line_join(cr, CAIRO_LINE_JOIN_MITER);
    cairo_set_dash(cr, NULL, 0, 0);
    cairo_stroke(cr);
}

void nplot__hatch_paint(render_ctx *rc, const hatch_spec *h, rgba color, double lw_pt)
{
    if (!h->any || color.a <= 0) return;
    cairo_t *cr = rc->cr;
    double lw = lw_pt * rc->scale;
    cairo_save(cr);
    if (rc->raster) {
        /* Agg: a tile of int(dpi) pixels, repeated from the image's top-left corner */
        int S = (int)floor(72 * rc->scale + 1e-9);
        if (S < 1) S = 1;
        cairo_surface_t *tile = cairo_image_surface_create(CAIRO_FORMAT_ARGB32, S, S);
        if (cairo_surface_status(tile) == CAIRO_STATUS_SUCCESS) {
            cairo_t *t = cairo_create(tile);
            tile_map m = { 0, 0, S };
            paint_tile(t, h, &m, color, lw);
            cairo_destroy(t);
            cairo_pattern_t *p = cairo_pattern_create_for_surface(tile);
            cairo_pattern_set_extend(p, CAIRO_EXTEND_REPEAT);
            cairo_pattern_set_filter(p, CAIRO_FILTER_NEAREST);
            cairo_identity_matrix(cr);
            cairo_set_source(cr, p);
            cairo_fill_preserve(cr);
            cairo_pattern_destroy(p);
        }
        cairo_surface_destroy(tile);
    } else {
        /* vector targets: the tiles' paths themselves, clipped to the path */
        double S = 72 * rc->scale;
        double x0, y0, x1, y1;
        cairo_fill_extents(cr, &x0, &y0, &x1, &y1);
        cairo_clip_preserve(cr);
        double cx0, cy0, cx1, cy1;
        cairo_clip_extents(cr, &cx0, &cy0, &cx1, &cy1);
        x0 = fmax(x0, cx0), y0 = fmax(y0, cy0), x1 = fmin(x1, cx1), y1 = fmin(y1, cy1);
        if (x1 > x0 && y1 > y0) {
            cairo_path_t *saved = cairo_copy_path(cr);
            for (double ty = floor(y0 / S) * S; ty < y1; ty += S)
                for (double tx = floor(x0 / S) * S; tx < x1; tx += S) {
                    tile_map m = { tx, ty, S };
                    paint_tile(cr, h, &m, color, lw);
                }
            cairo_new_path(cr);
            cairo_append_path(cr, saved);
            cairo_path_destroy(saved);
        }
    }
    cairo_restore(cr);
}
