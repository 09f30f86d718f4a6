/* libnumc_plot internals, render layer: the cairo / pango side of the plot library (render
 * context, text layout, transforms to device units, the draw entry points, PNG output).
 * Included only by the files that draw; everything else sees plot_model.h alone. */
#ifndef NPLOT_RENDER_H
#define NPLOT_RENDER_H

#include "plot_model.h"

#include <cairo.h>
#include <pango/pangocairo.h>

#define NPLOT__SAME(a, b) ((int)(a) == (int)(b))
_Static_assert(NPLOT__SAME(TW_ULTRALIGHT, PANGO_WEIGHT_ULTRALIGHT) &&
               NPLOT__SAME(TW_LIGHT, PANGO_WEIGHT_LIGHT) &&
               NPLOT__SAME(TW_NORMAL, PANGO_WEIGHT_NORMAL) &&
               NPLOT__SAME(TW_MEDIUM, PANGO_WEIGHT_MEDIUM) &&
               NPLOT__SAME(TW_SEMIBOLD, PANGO_WEIGHT_SEMIBOLD) &&
               NPLOT__SAME(TW_BOLD, PANGO_WEIGHT_BOLD) &&
               NPLOT__SAME(TW_ULTRABOLD, PANGO_WEIGHT_ULTRABOLD) &&
               NPLOT__SAME(TW_HEAVY, PANGO_WEIGHT_HEAVY), "TW_* are pango's weights");
_Static_assert(NPLOT__SAME(TS_NORMAL, PANGO_STYLE_NORMAL) &&
               NPLOT__SAME(TS_OBLIQUE, PANGO_STYLE_OBLIQUE) &&
               NPLOT__SAME(TS_ITALIC, PANGO_STYLE_ITALIC), "TS_* are pango's styles");
#undef NPLOT__SAME

/* Trace marker m of size `size` (device units, matplotlib's markersize) centred on (x, y). */
void nplot__marker_path(cairo_t *cr, marker_kind m, double x, double y, double size);

/* An interned marker definition (ids >= MK_CUSTOM). base >= 0: that named marker with a
 * fill style; else the path ops/pts (marker units, y up, drawn scaled by the size). */
enum { CM_MOVE, CM_LINE, CM_CURVE, CM_CLOSE };
typedef struct custom_marker {
    int base;
    int fillstyle;        /* FS_* */
    rgba alt;             /* markerfacecoloralt (the other half) */
    bool half_only;       /* scatter: the face half alone (no alt half) */
    bool filled;
    int join;             /* cairo_line_join_t */
    double split;         /* half fills: where the halves meet (marker units) */
    int nops, npts;
    unsigned char *ops;   /* CM_*: MOVE/LINE take one point, CURVE three, CLOSE none */
    double *pts;          /* npts (x, y) */
} custom_marker;
/* Intern d (taken over, freed on every path): its id >= MK_CUSTOM, or -1 (nd_errmsg set). */
int nplot__marker_intern(custom_marker *d, const char *who);
/* The definition of id m, NULL when m is not an interned marker. */
const custom_marker *nplot__marker_custom(int m);
/* Where the halves of named marker m meet for fill style fs (matplotlib's half paths). */
double nplot__marker_split(marker_kind m, int fs);
/* Free a definition not interned. */
void nplot__marker_def_free(custom_marker *d);

/* Set the cairo dash pattern for style ls and line width lw (both device units). */
void nplot__set_dash(cairo_t *cr, int ls, const double *dashes, int ndashes, double lw,
                     double scale);

typedef struct render_ctx render_ctx;
/* A laid-out string: size in device units; baseline from the top. */
typedef struct text_box {
    PangoLayout *layout;
    double w, h, baseline;
} text_box;
/* Lay out s (mathtext between $...$ becomes pango markup, its fractions and limits stacked
 * shapes inside the layout). Empty/NULL gives a 0-size box with layout NULL. Free with
 * nplot__text_free. */
text_box nplot__text_layout(render_ctx *rc, const char *s, const text_style *ts);
/* matplotlib's height of a text's top above its first baseline: the larger of the first
 * line's ink ascent and that of "lp". */
double nplot__text_ascent(render_ctx *rc, const text_box *tb, const text_style *ts);
void nplot__text_free(text_box *tb);

/* Bounding box of the text when anchored at (x, y) with alignment and rotation (degrees).
 * With draw set, also paint it. */
bbox nplot__text_place(render_ctx *rc, const text_box *tb, double x, double y, int ha, int va,
                       double rotation, const rgba *color, bool draw);
/* The same with matplotlib's rotation_mode='anchor': the unrotated text is aligned at
 * (x, y) by ha / va, then rotated about that point. */
bbox nplot__text_place_anchor(render_ctx *rc, const text_box *tb, double x, double y, int ha,
                              int va, double rotation, const rgba *color, bool draw);

/* ---- rendering ------------------------------------------------------------------------------ */
struct render_ctx {
    cairo_t *cr;
    cairo_surface_t *surface;
    bool raster;             /* image surface: stamping markers is allowed */
    bool svg;                /* cairo 1.16's SVG backend leaks recording surfaces used as
                                sources: markers are plain paths there */
    double scale;            /* device units per point */
    double W, H;             /* figure size in device units */
    PangoContext *pctx;
    nplot_figure *fig;
    /* surfaces used as sources on a vector target: destroyed only after the target is
     * finished (destroying them earlier makes cairo 1.16 snapshot and leak them) */
    cairo_surface_t **deferred;
    size_t ndeferred, cap_deferred;
    bool offscreen;          /* drawing into a rasterized group of a vector output
                                (set_rasterized): no lean vector markers */
    /* the path effects of the text being drawn (fx_paint.c, text.c): text_fx_set given by
     * the caller (text_nfx may be 0), else the figure's rc path.effects */
    const struct nplot__fx *text_fx;
    int text_nfx;
    bool text_fx_set;
};

/* fx_paint.c: how an artist's current cairo path (device units) is painted through its path
 * effects and sketch (matplotlib's PathEffectRenderer): the path is sketched once, then each
 * effect draws; Normal and the with* effects retrace it and call normal(rc, ctx), the
 * artist's own painter of the current path. No effects and no sketch: normal alone. */
typedef struct fx_style {
    const struct nplot__fx *fx;
    int nfx;
    const double *sketch;    /* scale, length, randomness (device units), NULL: none */
    bool has_face;
    rgba face;               /* rgbFace, alpha applied */
    rgba edge;               /* the gc's foreground, alpha applied */
    double alpha;            /* the artist's alpha (an effect's own foreground takes it) */
    double lw;               /* the gc's line width (device units) */
    int join;                /* cairo_line_join_t */
    int ls;                  /* the gc's dashes (LS_*, dashes[ndashes] custom): Stroke and
                                SimpleLineShadow stroke with them */
    const double *dashes;
    int ndashes;
    void (*normal)(render_ctx *rc, void *ctx);
    void *ctx;
} fx_style;
void nplot__fx_paint(render_ctx *rc, const fx_style *st);
/* draw_patches.c: *st for the patch-like artist a filled with face (lw in points; the
 * caller sets normal, ctx and scales lw), sketch[] its storage; false when a has neither
 * effects nor a sketch. */
bool nplot__patch_fx(const artist *a, rgba face, fx_style *st, double sketch[3]);

/* draw_axes.c: a rasterized group in vector output (matplotlib's start_rasterizing /
 * stop_rasterizing): between begin and end rc draws into an image at the figure's dpi,
 * which end paints on the vector surface. begin returns false (nothing to end) when the
 * image cannot be made. */
typedef struct raster_group {
    cairo_t *saved;
    cairo_surface_t *img;
    double k;
    bool svg, offscreen;
} raster_group;
bool nplot__raster_begin(render_ctx *rc, raster_group *g);
void nplot__raster_end(render_ctx *rc, raster_group *g);

/* render.c: keep `s` alive until the render's target surface is finished (takes the reference). */
void nplot__defer_destroy(render_ctx *rc, cairo_surface_t *s);

/* layout.c */
nd_status nplot__layout(render_ctx *rc);
/* constrained.c: one pass of matplotlib's constrained layout (iteration it of 2) from the
 * current axes boxes and decorations; sets the axes' cl_rect. With layout 'compressed' it
 * calls relayout (layout.c's pass: aspects applied to those boxes) and, as
 * compress_fixed_aspect, solves again with the figure's margins taking the room the
 * aspects left. false when nothing moved
 * (no grids, or the axes would collapse: warned once). */
bool nplot__constrained_layout(render_ctx *rc, int it, void (*relayout)(render_ctx *rc));
/* draw_legend.c: the box (device units) of ax's legends as they would be drawn now; false
 * when ax shows none */
bool nplot__legends_bbox(render_ctx *rc, nplot_axes *ax, bbox *out);
void nplot__axes_ticks(render_ctx *rc, nplot_axes *ax);
/* Decorations bbox (tick labels, labels, title) in device units. */
bbox nplot__axes_tight_bbox(render_ctx *rc, nplot_axes *ax);

/* transform.c (valid after layout) */
typedef struct xform {
    double ax, bx, ay, by;   /* dev = a * t + b for scaled-space t */
    const axis_state *xs, *ys;
} xform;
xform nplot__xform(const nplot_axes *ax);
/* Transform a point given in (xcoord, ycoord) to device units; NaN when masked. */
void nplot__to_dev(render_ctx *rc, const nplot_axes *ax, const xform *t, int xcoord,
                   int ycoord, double x, double y, double *dx, double *dy);
/* nplot__to_dev of n points (x[i], y[i]) into dx, dy; data coordinates on linear axes
 * take a loop the compiler vectorises. */
void nplot__to_dev_n(render_ctx *rc, const nplot_axes *ax, const xform *t, int xcoord, int ycoord,
                     const double *x, const double *y, size_t n, double *dx, double *dy);

/* Where simplified device vertices go: a cairo path (cr: move_to / line_to), or the arrays
 * x, y (n so far, enough room the caller's). */
typedef struct nplot__pt_sink {
    cairo_t *cr;
    double *x, *y;
    size_t n;
} nplot__pt_sink;
static inline void nplot__sink_put(nplot__pt_sink *s, double x, double y, bool move)
{
    if (s->cr) {
        if (move) cairo_move_to(s->cr, x, y);
        else cairo_line_to(s->cr, x, y);
        return;
    }
    s->x[s->n] = x, s->y[s->n] = y;
    s->n++;
}
/* The polyline x, y (n > 0 finite device points) simplified into s: a vertex is kept only
 * where the line leaves a band of tol pixels around the direction it set off in, or turns
 * back; the end points are kept (the first one moved to). Every dropped vertex lies within
 * 2 tol of the simplified line. At most n + 1 vertices. matplotlib's path simplification
 * threshold for strokes is 1/9 pixel. */
void nplot__simplify(nplot__pt_sink *s, const double *x, const double *y, size_t n, double tol);

void nplot__draw_patches(render_ctx *rc, nplot_axes *ax, artist *a);
void nplot__draw_image(render_ctx *rc, nplot_axes *ax, artist *a);
void nplot__draw_gouraud(render_ctx *rc, nplot_axes *ax, artist *a);

/* draw_axes3d.c: panes, grid, axes and the depth-sorted 3-D artists of a 3-D axes */
void nplot__draw_axes3d(render_ctx *rc, nplot_axes *ax);
/* Project (x, y, z) of a laid-out 3-D axes to device units. */
void nplot__project3d(nplot_axes *ax, double x, double y, double z, double *sx, double *sy);

/* kind_contour.c: the labels of a 3-D contour set (nplot_clabel on a 3-D axes), placed at
 * draw time on its lines as projected: painter is the set's ART_CONTOUR, lines[i] its
 * ART_LINE3D items with their device vertices sx[i], sy[i] (NaN where a line breaks).
 * Each label sits where its projected line is straightest (matplotlib's locate_label),
 * rotated along it; inline, the part of the line under it is left out: gap lists those
 * parts as fractional vertex ranges of their line, ordered by line then start. */
typedef struct nplot__clabel_gap {
    const artist *line;
    double lo, hi;                 /* vertex positions: k + t is t of the way from k to k + 1 */
} nplot__clabel_gap;
typedef struct nplot__clabels3d {
    nplot__clabel_gap *gap;
    size_t ngap;
    void *labels;                  /* what nplot__clabels3d_draw draws */
} nplot__clabels3d;
/* false when out of memory (the figure's status says so; L is then empty) */
bool nplot__clabels3d_place(render_ctx *rc, nplot_axes *ax, const artist *painter, const artist *const *lines,
                            const double *const *sx, const double *const *sy, size_t nlines, nplot__clabels3d *L);
void nplot__clabels3d_draw(render_ctx *rc, const nplot__clabels3d *L);
void nplot__clabels3d_free(nplot__clabels3d *L);

/* draw_axes.c / draw_lines.c / draw_artists.c / draw_legend.c / draw_text.c */
void nplot__draw_axes(render_ctx *rc, nplot_axes *ax);
void nplot__draw_line(render_ctx *rc, nplot_axes *ax, artist *a);
void nplot__draw_scatter(render_ctx *rc, nplot_axes *ax, artist *a);
void nplot__draw_poly(render_ctx *rc, nplot_axes *ax, artist *a);
void nplot__draw_segments(render_ctx *rc, nplot_axes *ax, artist *a);
void nplot__draw_text_artist(render_ctx *rc, nplot_axes *ax, artist *a);
/* A text artist's text (and box) at the device point (px, py), with its own rotation. */
void nplot__draw_text_at(render_ctx *rc, artist *a, double px, double py);
void nplot__draw_annotate(render_ctx *rc, nplot_axes *ax, artist *a);
void nplot__draw_table(render_ctx *rc, nplot_axes *ax, artist *a); /* kind_table.c */
/* the cells (row, col, x, y, w, h in axes fractions) of the table's last drawing (tests) */
int nplot__table_cells(const artist *a, double *out, int cap, double *fontsize);
void nplot__draw_legend(render_ctx *rc, nplot_axes *ax);
void nplot__draw_fig_legends(render_ctx *rc);
/* draw_subfigs.c: the subfigures' patches (face and frame), over the figure background */
void nplot__draw_subfigs(render_ctx *rc, bool transparent);
/* draw_figimage.c: the figure's background patch and frame line (face: savefig's facecolor,
 * NULL: the figure's), and the figure images (figprops.c's model) */
void nplot__draw_fig_patch(render_ctx *rc, bool transparent, const rgba *face);
void nplot__draw_figimages(render_ctx *rc);
/* Stamp markers: centres (device units) xs/ys; per-point colors/sizes optional. */
void nplot__draw_markers(render_ctx *rc, const double *xs, const double *ys, size_t n,
                         int marker, double size_dev, const double *sizes_dev, rgba face,
                         const rgba *faces, rgba edge, bool edge_is_face, double edge_lw,
                         bool filled, const bbox *clip);
/* Markers of one class (one size, one face) whose centres a callback gives a part at a
 * time: pts(ctx, start, n, xs, ys) fills the device positions of points start..start+n-1.
 * A large raster batch is stamped part by part without holding every position at once
 * (a 10M-point scatter would otherwise need 160 MB of positions); other batches get all
 * positions and go through nplot__draw_markers. False when out of memory. */
typedef void (*marker_points_fn)(void *ctx, size_t start, size_t n, double *xs, double *ys);
bool nplot__draw_markers_from(render_ctx *rc, size_t n, marker_points_fn pts, void *ctx, int marker,
                              double size_dev, rgba face, rgba edge, bool edge_is_face, double edge_lw,
                              bool filled, const bbox *clip);
void nplot__legend_handle(render_ctx *rc, artist *a, double x, double y, double w, double h,
                          double fontsize_dev);

/* draw_lines.c: Liang–Barsky: clip segment p0→p1 to r; false when it misses, else *t0 and
 * *t1 (in [0, 1] along it) give the part inside. */
bool nplot__clip_segment(const bbox *r, double x0, double y0, double x1, double y1, double *t0,
                         double *t1);
void nplot__stroke_polyline(render_ctx *rc, const nplot_axes *ax, const double *dx,
                            const double *dy, size_t n, rgba color, double lw, int ls,
                            const double *dashes, int ndashes);
void nplot__text_bbox_patch(render_ctx *rc, const bbox *b, int style, rgba face, rgba edge,
                            double pad);

/* draw_polar.c: a polar axes' painter (artists go through `paint`, data mapped by
 * polar.c), its decorations' box (drawn when draw is set) and its theta ticks (after
 * layout.c's r ticks). */
typedef void (*nplot__painter)(render_ctx *rc, nplot_axes *ax, artist *a);
void nplot__draw_axes_polar(render_ctx *rc, nplot_axes *ax, nplot__painter paint);
bbox nplot__polar_decorations(render_ctx *rc, nplot_axes *ax, bool draw);
void nplot__polar_ticks(render_ctx *rc, nplot_axes *ax);
/* hatch.c: paint the hatch h in color (lw_pt points wide) inside the current path, which
 * is kept. */
void nplot__hatch_paint(render_ctx *rc, const hatch_spec *h, rgba color, double lw_pt);

/* output.c */
nd_status nplot__write_png(cairo_surface_t *s, const char *path, const char *who);

/* savefig_more.c: JPEG, PS/EPS, bbox_inches='tight', metadata. output.c hands a save over
 * when nplot__savefig_more_wants says so, with its renderer as `render` (raster: the PNG
 * path's hinting; scale: device pixels per point; face: the background). */
typedef nd_status (*nplot__save_render_fn)(nplot_figure *fig, cairo_surface_t *s, bool raster,
                                           double scale, bool transparent, const rgba *face);
bool nplot__savefig_more_wants(const char *fmt, const nplot_save_opts *o);
nd_status nplot__savefig_more(nplot_figure *fig, const char *path, const char *fmt,
                              const nplot_save_opts *o, nplot__save_render_fn render, const char *who);

/* savefig_more.c: fig.get_tightbbox at `scale` device units per point (origin top left),
 * the figure laid out as savefig does; the whole figure when nothing is drawn. */
nd_status nplot__tight_bbox(nplot_figure *fig, double scale, bbox *out);

/* render.c: every render runs between lock and unlock (one font map per process). */
void nplot__render_lock(void);
void nplot__render_unlock(void);
PangoContext *nplot__pango_context(void);

#endif
