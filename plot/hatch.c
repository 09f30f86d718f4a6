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

/* Path.unit_circle(): 8 cubic Bézier arcs from (0, -1) counter-clockwise, 26 vertices (the
 * last the CLOSEPOLY one). */
static void unit_circle(double v[26][2])
{
    const double M = 0.2652031, H = sqrt(0.5), M45 = H * M;
    const double t[26][2] = {
        { 0, -1 }, { M, -1 }, { H - M45, -H - M45 }, { H, -H }, { H + M45, -H + M45 }, { 1, -M },
        { 1, 0 }, { 1, M }, { H + M45, H - M45 }, { H, H }, { H - M45, H + M45 }, { M, 1 },
        { 0, 1 }, { -M, 1 }, { -H + M45, H + M45 }, { -H, H }, { -H - M45, H - M45 }, { -1, M },
        { -1, 0 }, { -1, -M }, { -H - M45, -H + M45 }, { -H, -H }, { -H + M45, -H - M45 }, { -M, -1 },
        { 0, -1 }, { 0, -1 },
    };
    memcpy(v, t, sizeof t);
}

/* The circle of radius r about (cx, cy) as matplotlib's Shapes trace it: the unit circle's
 * vertices, forward, or (reversed) their reversal scaled by 0.9 under the same codes
 * (MOVETO, 24 CURVE4, CLOSEPOLY), which makes the inner edge of the ring it cuts. */
static void tcircle(cairo_t *cr, const tile_map *m, double cx, double cy, double r, bool reversed)
{
    double v[26][2], w[26][2];
    unit_circle(v);
    for (int i = 0; i < 26; i++) {
        const double *s = reversed ? v[25 - i] : v[i];
        double k = reversed ? 0.9 * r : r;
        w[i][0] = m->x0 + (cx + k * s[0]) * m->S;
        w[i][1] = m->y0 + (1 - (cy + k * s[1])) * m->S;
    }
    cairo_move_to(cr, w[0][0], w[0][1]);
    for (int i = 1; i + 2 < 26; i += 3)
        cairo_curve_to(cr, w[i][0], w[i][1], w[i + 1][0], w[i + 1][1], w[i + 2][0], w[i + 2][1]);
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
                tcircle(cr, m, cx, cy, r, false);
                tcircle(cr, m, cx, cy, r, true);
            } else if (kind == 1) {
                tcircle(cr, m, cx, cy, r, false);
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

/* Fill (the closed shapes) and stroke (everything) one tile's path, as Agg does. Agg's
 * rasterizer sums the coverage of overlapping pieces of one path (where lines cross, a
 * ring's two edges), which exact coverage would not: on raster targets (additive) each
 * sub-path is stroked on its own and their coverages added, then the strokes go over the
 * fill. */
static void paint_tile(cairo_t *cr, const hatch_spec *h, const tile_map *m, rgba c, double lw,
                       bool additive)
{
    cairo_new_path(cr);
    hatch_path(cr, h, m);
    cairo_set_source_rgba(cr, c.r, c.g, c.b, c.a);
    cairo_set_fill_rule(cr, CAIRO_FILL_RULE_WINDING);
    cairo_set_line_width(cr, lw);
    cairo_set_line_cap(cr, CAIRO_LINE_CAP_SQUARE);
    cairo_set_line_join(cr, CAIRO_LINE_JOIN_MITER);
    cairo_set_dash(cr, NULL, 0, 0);
    if (!additive) {
        cairo_fill_preserve(cr);
        cairo_stroke(cr);
        return;
    }
    cairo_path_t *path = cairo_copy_path(cr);
    cairo_fill(cr);
    if (path->status != CAIRO_STATUS_SUCCESS) {
        cairo_path_destroy(path);
        return;
    }
    cairo_push_group(cr);
    cairo_set_operator(cr, CAIRO_OPERATOR_ADD);
    cairo_set_source_rgba(cr, c.r, c.g, c.b, c.a);
    bool open = false;
    for (int i = 0; i < path->num_data; i += path->data[i].header.length) {
        const cairo_path_data_t *d = &path->data[i];
        switch (d->header.type) {
        case CAIRO_PATH_MOVE_TO:
            if (open) cairo_stroke(cr);
            cairo_move_to(cr, d[1].point.x, d[1].point.y);
            open = true;
            break;
        case CAIRO_PATH_LINE_TO:
            cairo_line_to(cr, d[1].point.x, d[1].point.y);
            break;
        case CAIRO_PATH_CURVE_TO:
            cairo_curve_to(cr, d[1].point.x, d[1].point.y, d[2].point.x, d[2].point.y, d[3].point.x,
                           d[3].point.y);
            break;
        case CAIRO_PATH_CLOSE_PATH:
            cairo_close_path(cr);
            break;
        }
    }
    if (open) cairo_stroke(cr);
    cairo_pop_group_to_source(cr);
    cairo_set_operator(cr, CAIRO_OPERATOR_OVER);
    cairo_paint(cr);
    cairo_path_destroy(path);
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
            paint_tile(t, h, &m, color, lw, true);
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
                    paint_tile(cr, h, &m, color, lw, false);
                }
            cairo_new_path(cr);
            cairo_append_path(cr, saved);
            cairo_path_destroy(saved);
        }
    }
    cairo_restore(cr);
}
