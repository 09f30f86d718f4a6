/* Patch collections: many polygons, each with its own face color (bars, histogram bars,
 * pie wedges, hexagons, box-plot boxes). Polygons are NaN-separated runs of vertices. */
#include "plot_render.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

artist *nplot__patches_new(nplot_axes *ax, const double *x, const double *y, size_t n,
                           size_t npoly, const rgba *colors, const char *who)
{
    artist *a = nplot__artist_add(ax, ART_PATCHES, who);
    if (!a) return NULL;
    a->n = n;
    a->npoly = npoly;
    a->has_face = true;
    a->legend_kind = LEGEND_PATCH;
    a->zorder = 1;
    if (!(a->x = nplot__copy_or_index(ax->fig, x, n, who))) return NULL;
    if (!(a->y = nplot__copy_or_index(ax->fig, y, n, who))) return NULL;
    if (colors) {
        a->colors = nd_malloc(sizeof(rgba) * (npoly ? npoly : 1), who);
        if (!a->colors) {
            nplot__fail(ax->fig, ND_ENOMEM, "%s: out of memory", who);
            return NULL;
        }
        memcpy(a->colors, colors, sizeof(rgba) * npoly);
        if (npoly) a->face = colors[0];
    }
    return a;
}

static bool same_color(rgba a, rgba b)
{
    return a.r == b.r && a.g == b.g && a.b == b.b && a.a == b.a;
}

/* Axis-aligned rectangles land on whole pixels on raster targets (matplotlib snaps
 * rectilinear patches), so adjacent bars neither overlap nor leave seams. As Agg's
 * PathSnapper: on pixel centres when the edge is stroked an odd number of pixels wide (a
 * crisp edge), else on pixel boundaries. */
static double snap_px(const render_ctx *rc, bool snap, double v, double off)
{
    return snap && rc->raster ? floor(v + 0.5) + off : v;
}

/* Fill the current path (a group of polygons of face color face), hatch it when a has a
 * hatch, and stroke it when a has edges. */
static void paint_group(render_ctx *rc, const artist *a, rgba face)
{
    cairo_t *cr = rc->cr;
    cairo_set_source_rgba(cr, face.r, face.g, face.b, face.a * a->alpha);
    if (a->hatch.any) {
        if (a->has_face) cairo_fill_preserve(cr);
        nplot__hatch_paint(rc, &a->hatch, nplot__hatch_color(a), a->hatch_lw);
        if (!a->has_edge) {
            cairo_new_path(cr);
            return;
        }
    }
    if (a->has_edge) {
        if (!a->hatch.any && a->has_face) cairo_fill_preserve(cr);
        rgba e = a->edge_is_face ? face : a->edge;
        cairo_set_source_rgba(cr, e.r, e.g, e.b, e.a * a->alpha);
        cairo_stroke(cr);
    } else if (a->has_face) {
        cairo_fill(cr);
    } else {
        cairo_new_path(cr);
    }
}

/* paint_group for nplot__fx_paint's Normal */
typedef struct group_ctx {
    const artist *a;
    rgba face;
} group_ctx;

static void paint_group_fx(render_ctx *rc, void *ctx)
{
    const group_ctx *g = ctx;
    cairo_set_line_join(rc->cr, CAIRO_LINE_JOIN_MITER);
    cairo_set_line_width(rc->cr, g->a->edge_lw * rc->scale);
    paint_group(rc, g->a, g->face);
}

/* The effects and sketch of a patch-like artist a whose fill is face (fill and edge
 * painted by normal(ctx)); false when it has neither. */
bool nplot__patch_fx(const artist *a, rgba face, fx_style *st, double sketch[3])
{
    const struct nplot__fx *fx;
    int nfx = nplot__fx_of(a, &fx);
    bool sk = nplot__sketch_of(a, sketch);
    if (!nfx && !sk) return false;
    rgba e = a->edge_is_face ? face : a->edge;
    *st = (fx_style){ .fx = fx, .nfx = nfx, .sketch = sk ? sketch : NULL,
                      .has_face = a->has_face && face.a > 0, .face = face, .edge = e,
                      .alpha = a->alpha, .join = CAIRO_LINE_JOIN_MITER };
    st->face.a *= a->alpha;
    st->edge.a *= a->alpha;
    st->lw = a->has_edge ? a->edge_lw : 0;
    return true;
}

/* Paint the current path as a group of polygons of a, through its effects when it has any. */
static void paint_polys(render_ctx *rc, const artist *a, rgba face, bool fx)
{
    fx_style st;
    double sk[3];
    if (!fx || !nplot__patch_fx(a, face, &st, sk)) {
        paint_group(rc, a, face);
        return;
    }
    group_ctx g = { a, face };
    st.lw *= rc->scale;
    st.normal = paint_group_fx;
    st.ctx = &g;
    nplot__fx_paint(rc, &st);
}

void nplot__draw_patches(render_ctx *rc, nplot_axes *ax, artist *a)
{
    cairo_t *cr = rc->cr;
    if (a->n < 2) return;
    xform tf = nplot__xform(ax);
    cairo_save(cr);
    cairo_rectangle(cr, ax->dev[0], ax->dev[1], ax->dev[2] - ax->dev[0], ax->dev[3] - ax->dev[1]);
    cairo_clip(cr);
    cairo_new_path(cr);
    cairo_set_fill_rule(cr, CAIRO_FILL_RULE_WINDING);
    /* a LineCollection joins its polylines round (matplotlib's collection default) */
    cairo_set_line_join(cr, a->collection && a->open_path ? CAIRO_LINE_JOIN_ROUND : CAIRO_LINE_JOIN_MITER);
    cairo_set_dash(cr, NULL, 0, 0);
    cairo_set_line_width(cr, a->edge_lw * rc->scale);
    if (a->aliased && rc->raster) cairo_set_antialias(cr, CAIRO_ANTIALIAS_NONE);
    const double lim = 1e6;
    /* consecutive polygons of one opaque color share one fill (and stroke), unless effects
     * or a sketch draw them: matplotlib draws each patch, the sketch reseeded for each */
    const struct nplot__fx *fx;
    double sk[3];
    bool fxon = nplot__fx_of(a, &fx) > 0 || nplot__sketch_of(a, sk);
    bool group = a->alpha >= 1 && !fxon;
    size_t poly = 0, i = 0;
    rgba cur = { 0, 0, 0, 0 };
    double cur_lw = a->edge_lw; /* per polygon in a->sizes (add_collection's linewidths) */
    bool pending = false;
    while (i < a->n) {
        while (i < a->n && !(isfinite(a->x[i]) && isfinite(a->y[i]))) i++;
        if (i >= a->n) break;
        size_t j = i;
        while (j < a->n && isfinite(a->x[j]) && isfinite(a->y[j])) j++;
        rgba face = a->colors && poly < a->npoly ? a->colors[poly] : a->face;
        double lw = a->sizes && poly < a->npoly ? a->sizes[poly] : a->edge_lw;
        if (pending && !(group && same_color(face, cur) && lw == cur_lw)) {
            cairo_set_line_width(cr, cur_lw * rc->scale);
            paint_polys(rc, a, cur, fxon);
            pending = false;
        }
        /* Agg's PathSnapper (snap auto): a path of at most 1024 vertices whose segments
         * are all horizontal or vertical lands on pixels */
        enum { SNAP_MAX = 1024 };
        double dx[SNAP_MAX], dy[SNAP_MAX];
        bool buffered = a->snap && rc->raster && j - i <= SNAP_MAX, snap = buffered;
        double off = a->has_edge && (long)floor(a->edge_lw * rc->scale + 0.5) % 2 ? 0.5 : 0;
        for (size_t k = i; k < j; k++) {
            double px, py, xv = a->x[k], yv = a->y[k];
            /* log axes clip non-positive values to a tiny positive one (matplotlib's
             * nonpositive='clip'): a bar from 0 reaches past the bottom of the view */
            if (ax->xa.scale == SCALE_LOG && a->xcoord == COORD_DATA && xv <= 0) xv = 1e-300;
            if (ax->ya.scale == SCALE_LOG && a->ycoord == COORD_DATA && yv <= 0) yv = 1e-300;
            nplot__to_dev(rc, ax, &tf, a->xcoord, a->ycoord, xv, yv, &px, &py);
            px = nplot__clampd(px, -lim, lim);
            py = nplot__clampd(py, -lim, lim);
            if (buffered) { /* traced below, once every segment has been seen */
                dx[k - i] = px, dy[k - i] = py;
                if (k > i && fabs(px - dx[k - i - 1]) >= 1e-4 && fabs(py - dy[k - i - 1]) >= 1e-4)
                    snap = false;
                continue;
            }
            if (k == i) cairo_move_to(cr, px, py);
            else cairo_line_to(cr, px, py);
        }
        if (buffered) {
            /* traced now: snapped when every segment was rectilinear */
            for (size_t k = 0; k < j - i; k++) {
                double px = snap_px(rc, snap, dx[k], off), py = snap_px(rc, snap, dy[k], off);
                if (k == 0) cairo_move_to(cr, px, py);
                else cairo_line_to(cr, px, py);
            }
        }
        if (!a->open_path) cairo_close_path(cr);
        cur = face;
        cur_lw = lw;
        pending = true;
        poly++;
        i = j;
    }
    if (pending) {
        cairo_set_line_width(cr, cur_lw * rc->scale);
        paint_polys(rc, a, cur, fxon);
    }
    cairo_new_path(cr);
    cairo_restore(cr);
}
