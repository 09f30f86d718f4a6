/* libnumc_plot internals, model layer: the figure / axes / artist model shared by every plot
 * source. No cairo or pango here: files that draw include plot_render.h instead.
 *
 * Units: layout is in points (1/72 in). Rendering happens in "device units": pixels for
 * PNG/RGBA (scale = dpi / 72 device units per point) and points for SVG/PDF (scale 1),
 * with the origin at the top left and y growing downwards. */
#ifndef NPLOT_MODEL_H
#define NPLOT_MODEL_H

#include <numc/plot.h>
#include "fancy.h"

#include <stdbool.h>
#include <stddef.h>

/* Set the last error and evaluate to NULL, for functions that return a pointer. */
#define ND_FAIL(code, ...) (nd_set_error((code), __VA_ARGS__), NULL)


typedef nplot_rgba rgba;

/* ---- styles: the rc table resolved for one figure (plot/rc.c) ------------------------ */
enum { NPLOT__MAX_CYCLE = 32 };
typedef struct nplot__tick_style {   /* xtick.* / ytick.* */
    rgba color;
    double major_size, major_width, minor_size, minor_width, major_pad, minor_pad;
    double label_size;               /* points, a relative size resolved against font.size */
    int dir;                         /* 0 out, 1 in, 2 inout */
    bool side[2];                    /* ticks on the bottom/left, top/right */
    bool label_side[2];              /* labels on the bottom/left, top/right */
} nplot__tick_style;
typedef struct nplot__style {
    rgba fig_face, axes_face, axes_edge, text_color, label_color;
    rgba grid_color;
    double grid_alpha, grid_linewidth;
    int grid_dash;                /* index into the line-style table: 0 solid */
    bool grid_on;
    int axisbelow;                /* axes.axisbelow: 1 true (z 0.5), 2 'line' (1.5), 3 false (2.5) */
    double axes_linewidth;
    bool spine_top, spine_right, spine_left, spine_bottom;
    double font_size, title_size, label_size, tick_label_size, legend_size;
    int title_weight;             /* TW_* */
    nplot__tick_style tick[2];    /* [0] xtick, [1] ytick */
    double linewidth, markersize;
    int linestyle;                /* lines.linestyle: LS_* */
    rgba cycle[NPLOT__MAX_CYCLE];
    int ncycle;
    rgba patch_face;
    rgba legend_face, legend_edge;
    double legend_alpha;
    bool legend_frame;
    bool unicode_minus;
    double fig_width, fig_height, fig_dpi;
    double savefig_dpi;           /* 0: the figure's dpi ('figure') */
    bool savefig_face_set;        /* savefig.facecolor given (false: 'auto', the figure's) */
    rgba savefig_face;
    double title_pad, label_pad, xmargin, ymargin;
    char image_cmap[320];         /* as long as an rc value (rc.c) */
    char font_family[512];        /* a pango family list: "DejaVu Sans,Bitstream Vera Sans,..." */
    double sketch[3];             /* path.sketch (scale 0: None) */
    double fx_stroke_lw;          /* path.effects withStroke(linewidth, foreground); 0: [] */
    rgba fx_stroke_fg;
} nplot__style;

/* The thread's rc table with the named style sheet applied on top (name NULL: the table
 * itself), resolved into *out for a new figure. ND_EVALUE naming `who` and close matches
 * for an unknown style. */
nd_status nplot__style_snapshot(const char *name, nplot__style *out, const char *who);
/* Replace each U+2212 minus of s by '-', in place (axes.unicode_minus False). */
void nplot__ascii_minus(char *s);

/* ---- colors ---------------------------------------------------------------------------- */
/* Parse into *out; cycle resolves "C0".."C9" (may be NULL → tab10). Sets nd_set_error naming
 * `who` on failure. */
nd_status nplot__color(const char *spec, const nplot__style *st, rgba *out, const char *who);
/* A colormap as a kind holds it, by value. `def` is color.c's definition of the map: a
 * built-in or registered one lives until the program exits. */
struct cmap_def;
typedef struct cmap_ref {
    const struct cmap_def *def;
    int n;                    /* lookup-table entries (the map's own count or a resampled one) */
    bool reversed;            /* the definition reversed (before resampling, as "name_r:N") */
    bool has_under, has_over; /* set_under / set_over given; else the first / last entry */
    rgba under, over, bad;
} cmap_ref;
/* The colormap called `name` (NULL → viridis; "name_r", "name:N", registered names) with
 * at most 256 entries, the size of the kinds' lookup tables: a longer map (twilight's 510,
 * "viridis:1000") is resampled to 256. ND_EVALUE naming `who` and close matches. */
nd_status nplot__cmap_find(const char *name, cmap_ref *out, const char *who);
/* cmap(v) as matplotlib: v in [0, 1] picks entry floor(v * n) (1 → the last), v < 0 the
 * under color, v > 1 the over color, NaN the bad color. */
rgba nplot__cmap_at(const cmap_ref *cm, double v);

/* ---- line styles, markers, format strings ---------------------------------------------- */
enum { LS_SOLID = 0, LS_DASHED, LS_DASHDOT, LS_DOTTED, LS_NONE };
typedef enum marker_kind {
    MK_NONE = 0, MK_POINT, MK_PIXEL, MK_CIRCLE, MK_SQUARE, MK_TRI_UP, MK_TRI_DOWN,
    MK_TRI_LEFT, MK_TRI_RIGHT, MK_DIAMOND, MK_THIN_DIAMOND, MK_PENTAGON, MK_HEXAGON1,
    MK_HEXAGON2, MK_STAR, MK_PLUS, MK_X, MK_VLINE, MK_HLINE, MK_OCTAGON, MK_PLUS_FILLED,
    MK_X_FILLED, MK_TRI1, MK_TRI2, MK_TRI3, MK_TRI4,
    /* matplotlib's TICKLEFT..CARETDOWNBASE (0..11), unfilled (markers.c) */
    MK_TICKLEFT, MK_TICKRIGHT, MK_TICKUP, MK_TICKDOWN, MK_CARETLEFT, MK_CARETRIGHT,
    MK_CARETUP, MK_CARETDOWN, MK_CARETLEFTBASE, MK_CARETRIGHTBASE, MK_CARETUPBASE,
    MK_CARETDOWNBASE
} marker_kind;
/* Parse a marker name ("o", "s", "None"); -1 if unknown. */
int nplot__marker_parse(const char *s);
bool nplot__marker_filled(marker_kind m);
/* Markers with ids >= MK_CUSTOM are interned definitions (marker_custom.c): '$...$'
 * mathtext, vertices, (numsides, style, angle) tuples, fill styles other than 'full'. */
enum { MK_CUSTOM = 1000 };
enum { FS_FULL = 0, FS_LEFT, FS_RIGHT, FS_BOTTOM, FS_TOP, FS_NONE };
/* matplotlib's fillstyle name → FS_*; NULL → FS_FULL; -1 if unknown. */
int nplot__fillstyle_parse(const char *s);
/* The marker id of a specification: marker (a name, "$...$" or "(n, style[, angle])") or
 * the nv values x0, y0, x1, y1, ... of verts, with fill style fs and markerfacecoloralt alt; dflt when
 * neither is given. half_only: only the face half is drawn (scatter's MarkerStyle path).
 * -1 with nd_errmsg() set (ND_EVALUE naming who and the marker, ND_ENOMEM). */
int nplot__marker_resolve(const char *marker, const double *verts, size_t nv, int fs, rgba alt,
                          bool half_only, int dflt, const char *who);
/* Parse a linestyle name; -1 if unknown. */
int nplot__linestyle_parse(const char *s);
/* matplotlib format string "ko--": color (may be empty), marker, linestyle (LS_NONE when a
 * marker is given without a style, -1 when absent). */
typedef struct fmt_spec {
    bool has_color;
    rgba color;
    int marker;     /* -1 absent */
    int linestyle;  /* -1 absent */
} fmt_spec;
nd_status nplot__parse_fmt(const char *fmt, const nplot__style *st, fmt_spec *out,
                           const char *who);

/* ---- text --------------------------------------------------------------------------------- */
/* Font weights and styles with pango's values (plot_render.h checks they match), so the
 * model can name them without including pango. */
enum {
    TW_ULTRALIGHT = 200, TW_LIGHT = 300, TW_NORMAL = 400, TW_MEDIUM = 500, TW_SEMIBOLD = 600,
    TW_BOLD = 700, TW_ULTRABOLD = 800, TW_HEAVY = 900
};
enum { TS_NORMAL = 0, TS_OBLIQUE = 1, TS_ITALIC = 2 };
typedef struct text_style {
    double size;          /* points */
    rgba color;
    int weight;           /* TW_* (a PangoWeight) */
    int style;            /* TS_* (a PangoStyle) */
    const char *family;
} text_style;
enum { HA_LEFT = 0, HA_CENTER, HA_RIGHT };
enum { VA_BASELINE = 0, VA_BOTTOM, VA_CENTER, VA_TOP, VA_CENTER_BASELINE };
int nplot__parse_ha(const char *s);
int nplot__parse_va(const char *s);
/* A box in device units (x0 <= x1, y0 <= y1 once laid out). */
typedef struct bbox {
    double x0, y0, x1, y1;
} bbox;
/* Mathtext → pango markup (exported for tests). Caller frees with nd_free_mem. */
char *nplot__mathtext_markup(const char *s);

/* ---- ticks -------------------------------------------------------------------------------- */
/* matplotlib.transforms.nonsingular: widen limits that are equal, tiny or non-finite. */
void nplot__nonsingular(double *vmin, double *vmax, double expander, double tiny);
/* SCALE_NORM: a colorbar's long axis in its norm's terms (matplotlib's 'function' scale
 * with norm and norm.inverse), axis_state.norm_map giving the norm */
enum { SCALE_LINEAR = 0, SCALE_LOG, SCALE_SYMLOG, SCALE_NORM, SCALE_ASINH, SCALE_FUNCTION, SCALE_LOGIT };
/* logit.c: the 'logit' scale. log10(v / (1 - v)); outside (0, 1) NaN, or -1000 / 1000
 * when clip (nonpositive='clip'). */
double nplot__logit_fwd(double v, bool clip);
double nplot__logit_inv(double t);
/* LogitLocator (major, or minor) over [vmin, vmax] with the axis' smallest positive data
 * value minpos and nbins its tick space; the count (may exceed cap). */
int nplot__logit_ticks(double vmin, double vmax, double minpos, int nbins, bool minor, double *out, int cap);
/* LogitFormatter's label of major tick x among locs[0..n) (mathtext). */
void nplot__logit_label(double x, const double *locs, int n, char *out, size_t cap);
enum { FMT_SCALAR = 0, FMT_PLAIN, FMT_SCI, FMT_PERCENT, FMT_PRINTF, FMT_LOG, FMT_CALLBACK,
       FMT_NONE, FMT_ENG };
typedef struct formatter {
    int kind;
    char *fmt;
    double xmax;
    int decimals;
    char *symbol;
    nplot_tick_format_fn fn;
    void *ctx;
    /* ScalarFormatter's ticklabel_format settings (axes_more.c); all zero: matplotlib's
     * defaults (scientific on, powerlimits (-5, 6), offset computed, no mathtext) */
    bool sci_off;            /* set_scientific(False) */
    bool limits_set;         /* set_powerlimits((lim_lo, lim_hi)) */
    int lim_lo, lim_hi;
    int use_offset;          /* 0 computed, NPLOT_OFF none, 2 fixed at offset_value */
    double offset_value;
    bool mathtext;           /* useMathText: "\times10^{n}" offset text */
} formatter;
/* axis_state.loc / mloc kinds (nplot_set_xlocator) */
enum { LOC_AUTO = 0, LOC_MULTIPLE, LOC_AUTOMINOR };
/* Tick label strings for locs (already restricted to the view) into labels[] (each
 * nd_malloc'd); *offset_text gets "1e6" / "+1e3" or "" (malloc'd). */
nd_status nplot__format_ticks(const formatter *f, int scale, double base, const double *locs,
                              int n, double vmin, double vmax, char **labels,
                              char **offset_text);
/* MaxNLocator(nbins, steps, min_n_ticks).tick_values (nplot_maxn_ticks is steps
 * [1, 2, 2.5, 5, 10], min_n_ticks 2); at most NPLOT__MAXN_STEPS steps are used. */
#define NPLOT__MAXN_STEPS 12
int nplot__maxn_ticks_steps(double vmin, double vmax, int nbins, const double *steps, int nsteps,
                            int min_n_ticks, double *out, int cap);
/* matplotlib's contour levels from a count: MaxNLocator(nbins, min_n_ticks=1) with its
 * default steps (1, 1.5, 2, 2.5, 3, 4, 5, 6, 8, 10; the axis locator nplot_maxn_ticks uses
 * 1, 2, 2.5, 5, 10). Writes at most cap levels to out and returns how many there are, or
 * a negative status. */
int nplot__contour_levels(double vmin, double vmax, int nbins, double *out, int cap);
int nplot__symlog_ticks(double vmin, double vmax, double base, double linthresh, double *out,
                        int cap);
int nplot__auto_minor_ticks(const double *major, int nmajor, double vmin, double vmax,
                            double *out, int cap);

/* ---- artists ------------------------------------------------------------------------------- */
enum { COORD_DATA = 0, COORD_AXES, COORD_FIGURE, COORD_OFFSET };
typedef enum artist_kind {
    ART_LINE = 0, ART_SCATTER, ART_POLY, ART_SEGMENTS, ART_TEXT, ART_ANNOTATE,
    ART_PATCHES,  /* polygons (NaN-separated in x/y), each filled with its own color */
    ART_IMAGE,    /* an RGBA raster placed on a data rectangle */
    ART_SURFACE3D,/* 3-D: an ih x iw grid of (x, y, z) drawn as quads (colors per quad) */
    ART_LINE3D,   /* 3-D: polylines (NaN-separated), also wireframes */
    ART_SCATTER3D,/* 3-D: markers */
    ART_GOURAUD,  /* triangles (3 vertices each in x/y) with one color per vertex in colors[] */
    ART_VECTORS,  /* quiver, quiverkey, barbs, streamlines: shapes built at draw time */
    ART_CONTOUR,  /* a 2-D contour set's painter: its lines and labels, or its bands (kind_contour.c) */
    ART_AXLINE,   /* an infinite line through x/y[0..1], clipped to the view at draw time */
    ART_TABLE,    /* ax.table: the cells of a->table, laid out at draw time (kind_table.c) */
    ART_POLY3D,   /* 3-D: npoly planar polygons (NaN-separated), colors one per polygon, each
                     sorted by its mean depth (Poly3DCollection zsort 'average'; kind_3d_extra.c) */
    ART_NKINDS
} artist_kind;

/* The legend sample of an artist (draw_legend.c's handle table): set by the kind, since
 * one type serves several (a fill is ART_POLY with a patch sample, stem's markers an
 * ART_LINE with markers only). */
enum {
    LEGEND_LINE = 0,    /* a stroke with one marker at its centre */
    LEGEND_PATCH,       /* a filled and/or edged rectangle */
    LEGEND_MARKER,      /* the line's marker alone */
    LEGEND_ERRORBAR,    /* the line crossed by its bars (the next artist) and their caps */
    LEGEND_SCATTER,     /* one scatter marker in the collection's face and edge colours */
    LEGEND_NKINDS
};

/* What the model knows of each artist type, in one table instead of kind tests scattered
 * over the layers. The draw layer's painters are a second table indexed the same way
 * (draw_axes.c); a new type adds a row to both. */
typedef struct artist_class {
    const char *name;
    bool datalim;       /* its vertices extend the data limits when autoscaling */
    bool avoided;       /* legend loc='best' avoids its vertices */
    bool area;          /* its vertices outline filled polygons (scored by coverage) */
    bool is_3d;         /* drawn by the depth-sorted 3-D pass, not by a 2-D painter */
} artist_class;

static inline const artist_class *nplot__class_of(artist_kind kind)
{
    static const artist_class classes[ART_NKINDS] = {
        [ART_LINE] = { "line", true, true, false, false },
        [ART_SCATTER] = { "scatter", true, true, false, false },
        [ART_POLY] = { "polygon", true, true, true, false },
        [ART_SEGMENTS] = { "segments", true, true, false, false },
        [ART_TEXT] = { "text", false, false, false, false },
        [ART_ANNOTATE] = { "annotation", false, false, false, false },
        [ART_PATCHES] = { "patches", true, true, true, false },
        [ART_IMAGE] = { "image", true, false, false, false },
        [ART_SURFACE3D] = { "surface3d", true, true, false, true },
        [ART_LINE3D] = { "line3d", true, true, false, true },
        [ART_SCATTER3D] = { "scatter3d", true, true, false, true },
        [ART_GOURAUD] = { "gouraud mesh", true, false, false, false }, /* matplotlib: no offsets, not avoided */
        [ART_VECTORS] = { "vectors", true, true, false, false },
        [ART_CONTOUR] = { "contour", false, false, false, false },
        [ART_AXLINE] = { "axline", false, false, false, false }, /* its points extend the limits when added */
        [ART_TABLE] = { "table", false, false, false, false },
        [ART_POLY3D] = { "poly3d", true, true, true, true },
    };
    return &classes[kind];
}

/* ---- mappables and norms (norm.c) ------------------------------------------------------ */
enum { NORM_MAX_BOUNDS = 256 };
enum { EXTEND_MIN = 1, EXTEND_MAX = 2 };
/* A validated nplot_norm without its limits (the mappable holds those). The zero value
 * is Normalize. BoundaryNorm's edges live inside, so a mappable copies by value. */
typedef struct norm_state {
    nplot_norm_kind kind;
    bool clip;
    double linthresh, linscale, base, gamma, vcenter, linear_width;
    double halfrange_req;            /* CenteredNorm: as given (0 → from the data) */
    int ncolors, nregions, offset;   /* BoundaryNorm */
    int extend;                      /* BoundaryNorm: EXTEND_* bits */
    int nb;
    double bounds[NORM_MAX_BOUNDS];
} norm_state;

/* A color-mapped artist (image, hexbin, scatter with c, mesh, surface): what a colorbar
 * shows. A kind fills it with nplot__mappable_init; a zeroed one with cm, vmin and vmax
 * set is a plain Normalize. */
typedef struct mappable {
    bool on;
    cmap_ref cm;
    double vmin, vmax;       /* the norm's resolved limits */
    norm_state norm;
    double alpha;            /* the artist's alpha when it is baked into pixels; 0 → a->alpha */
    /* set on a colorbar's own gradient image (on stays false): its painter strokes the
     * outline, adds the extend triangles (a->colors[0], [1]: under, over) and dividers */
    bool cbar_gradient, cbar_vertical, cbar_edges;
    int cbar_extend;         /* EXTEND_* bits */
} mappable;

/* The cmap (by name), norm and limits of a mappable: norm validated (matplotlib's
 * ValueError texts as ND_EVALUE), given together with vmin/vmax (vmin != vmax) an error,
 * unset limits autoscaled from data[0..n) (NaN and infinities ignored). Fails the figure
 * naming `who`. */
nd_status nplot__mappable_init(nplot_figure *fig, mappable *m, const char *cmap,
                               const nplot_norm *norm, double vmin, double vmax,
                               const double *data, size_t n, const char *who);
/* The norm's value for v: [0, 1] inside the limits, outside them below / above, NaN when
 * masked (BoundaryNorm, NoNorm: the colormap index). */
double nplot__norm_fwd(const mappable *m, double v);
/* norm.inverse: the data value at normalized position t (NaN for BoundaryNorm). */
double nplot__norm_inv(const mappable *m, double t);
/* The SCALE_NORM axis transform: the norm inside [vmin, vmax], continued linearly (one
 * vmax - vmin per unit) beyond, where a colorbar's extend triangles sit. */
double nplot__norm_axis_fwd(const mappable *m, double v);
double nplot__norm_axis_inv(const mappable *m, double t);
/* The colormap entry of v: 0..cm.n-1, MAP_UNDER (-1), cm.n (over) or cm.n + 1 (bad). */
enum { MAP_UNDER = -1 };
int nplot__map_index(const mappable *m, double v);
/* The color of entry k as numbered by nplot__map_index. */
rgba nplot__map_entry(const mappable *m, int k);

enum { INTERP_AUTO = 0, INTERP_NEAREST, INTERP_BILINEAR, INTERP_BICUBIC };

/* ---- hatching (hatch.c) --------------------------------------------------------------------- */
/* A hatch string read into how often each of matplotlib's patterns is asked for ('+' counts
 * as '-' and '|', 'x' as '/' and '\\'). */
enum { HATCH_H = 0, HATCH_V, HATCH_NE, HATCH_SE, HATCH_SMALL_O, HATCH_LARGE_O, HATCH_DOT,
       HATCH_STAR, HATCH_NKINDS };
typedef struct hatch_spec {
    unsigned char n[HATCH_NKINDS];
    bool any;
} hatch_spec;
struct artist;
/* Parse s (NULL → no hatch) into *out; ND_EVALUE naming `who` and the character for an
 * unknown character, or for more than 64 characters. */
nd_status nplot__hatch_parse(nplot_figure *fig, const char *s, hatch_spec *out, const char *who);
/* Give artist a the hatch s with line width lw points (0 → rcParams hatch.linewidth, 1). */
nd_status nplot__hatch_set(nplot_figure *fig, struct artist *a, const char *s, double lw,
                           const char *who);
/* The hatch color of a: its edge color (times its alpha) when it has an edge, else black. */
nplot_rgba nplot__hatch_color(const struct artist *a);

/* One validated path effect (patheffects.c); fg_name is fg as "#rrggbbaa" for the getters. */
struct nplot__fx {
    int kind;
    double lw, alpha, rho, off[2], spacing, angle, length;
    rgba fg;
    bool fg_set;
    char fg_name[10];
};
/* A list of effects given to a part that is not an artist (axes patch, titles, labels,
 * tick labels, figure patch); set: given (n may be 0), else the figure's rc ones. */
typedef struct fx_list {
    struct nplot__fx fx[8];
    int n;
    bool set;
} fx_list;
/* fx_paint.c: validate effects fx[0..n) into out (ND_EVALUE naming who, the figure's
 * status set); nplot__fx_opt: a .path_effects option into *out when given. */
nd_status nplot__fx_parse(nplot_figure *fig, const nplot_path_effect *fx, size_t n,
                          struct nplot__fx out[8], const char *who);
nd_status nplot__fx_opt(nplot_figure *fig, nplot_path_effects pe, fx_list *out, const char *who);
/* patheffects.c: the effects of list l (its own, else the figure's rc path.effects into *rc_fx). */
int nplot__fx_list_of(const nplot_figure *fig, const fx_list *l, struct nplot__fx *rc_fx,
                      const struct nplot__fx **out);

typedef struct line_props {
    rgba color;
    double lw;              /* points */
    int ls;                 /* LS_* */
    double *dashes;
    int ndashes;
    int marker;             /* marker_kind */
    double ms;              /* points */
    rgba mfc, mec;
    double mew;
    int markevery;
    int drawstyle;          /* 0 default, 1 steps-pre, 2 steps-mid, 3 steps-post */
} line_props;

typedef struct artist {
    artist_kind kind;
    double zorder;
    char *label;
    int xcoord, ycoord;     /* COORD_* per axis (axhline: x in axes, y in data) */
    bool autoscale;         /* contributes to data limits */
    double alpha;
    size_t n;
    double *x, *y;          /* line / scatter / polygon vertices (NaN separates polygons) */
    double *z;              /* 3-D artists */
    line_props lp;
    /* scatter */
    double *sizes;          /* n areas (pt²) or NULL → size */
    double size;
    rgba *colors;           /* n face colors or NULL → face */
    rgba *edge_colors;      /* ART_POLY3D: one edge color per polygon (voxels' shaded edges) or NULL → edge */
    rgba face, edge;
    bool edge_is_face;
    double edge_lw;
    /* polygon */
    bool has_face, has_edge;
    /* errorbar: segments (x0,y0,x1,y1) + caps; also used for stems */
    int legend_kind;        /* LEGEND_*: the sample drawn next to its label */
    /* text */
    char *text;
    text_style ts;
    int ha, va;
    double rotation;
    int bbox_style;         /* 0 none, 1 square, 2 round */
    rgba bbox_face;
    /* annotate */
    double tx, ty;          /* text position */
    int tcoord;             /* COORD_* of the text position (or OFFSET: points from xy) */
    int arrow;              /* 0 none; else arrow style id */
    double arrow_rad;
    rgba arrow_color;
    double arrow_lw, shrink;
    /* matplotlib's FancyArrowPatch / FancyBboxPatch / Text extras (fancy.c, draw_text.c) */
    fstyle arrow_st, conn_st;  /* parsed arrowstyle and connectionstyle */
    double shrinkA, shrinkB;   /* points */
    double mutation;           /* points; 0 → the text size */
    rgba arrow_face;
    double relpos[2];
    double toff_unit;          /* offset textcoords: 1 points, -1 pixels, else points per unit */
    fstyle box_st;             /* text bbox boxstyle (bbox_style != 0) */
    rgba bbox_edge;
    double bbox_lw;
    int bbox_ls;               /* 0 solid, 1 dashed, 2 dotted, 3 dashdot */
    bool rot_anchor;           /* rotation_mode "anchor" */
    int multialign;            /* -1 as ha, else HA_* */
    struct table_data *table;  /* ART_TABLE: one nd_malloc block (cells and strings) */
    /* patches: colors[] has one entry per polygon (NULL → face); edge_is_face strokes
     * each polygon with its own face color */
    size_t npoly;
    bool snap;              /* rectilinear polygons snap to whole pixels (Agg's snap auto) */
    bool aliased;           /* no antialiasing (meshes: no seams between cells) */
    bool grow;              /* 3-D quads: fill slightly enlarged instead of stroking edges */
    /* image: premultiplied ARGB32 rows of iw pixels; x[0..1] = left, right and
     * y[0..1] = bottom, top of the extent; row 0 sits at y[1] when origin is upper */
    unsigned char *pix;
    int iw, ih;
    bool origin_upper;
    int interp;
    /* image resampled in data space at draw time (bilinear, bicubic): z holds the
     * ih x iw x nch values, then ih x iw alphas when alpha_px; img_alpha the scalar alpha */
    int nch;
    bool alpha_px;
    double img_alpha;
    mappable map;
    struct vector_set *vec; /* ART_VECTORS: one block (nd_free_mem frees it whole) */
    /* contour sets (kind_contour.c): the artists of one contour / contourf call share a
     * cset number (> 0, per axes); each holds one level's lines or one band's polygons */
    int cset;
    bool cfilled;
    double clev[2];         /* lines: clev[0] is the level; bands: (clev[0], clev[1]] */
    bool chidden;           /* a contour line or band its set's ART_CONTOUR draws instead */
    bool cfixed;            /* its colors given (contour colors=), not from the colormap */
    /* hatching (hatch.c): the pattern drawn over the face, hatch_lw points wide */
    hatch_spec hatch;
    double hatch_lw;
    /* bar containers (kind_bars.c): 1 bar, 2 barh; nbars bars described in z for bar_label */
    int bars;
    size_t nbars;
    bool open_path;         /* patches: polygons left open (histtype 'step'), no fill */
    bool collection;        /* patches made by add_collection: colors[] (sizes[]: the stroke
                               widths) one per item, z the items' values when mapped */
    /* artist.c: the owning axes; set_visible(False); removed (in the figure's graveyard) */
    struct nplot_axes *ax;
    bool hidden, removed;
    /* patheffects.c: path effects (nfx of fx) and sketch (scale, length, randomness in px);
     * fx_set / sketch_set: given by a setter (else the figure's path.effects / path.sketch) */
    struct nplot__fx fx[8];
    int nfx;
    bool fx_set, sketch_set;
    double sketch[3];
    struct artist *next;
} artist;
/* patheffects.c: a .path_effects option given to artist a (nothing when not given) */
nd_status nplot__artist_fx_opt(artist *a, nplot_path_effects pe, const char *who);
/* axes.c: register the artists added after `before` (NULL: all) as a container of kind
 * CONT_*; nothing when none was added. */
enum { CONT_BAR = 1, CONT_ERRORBAR, CONT_STEM, CONT_USER };
nd_status nplot__container_note(nplot_axes *ax, artist *before, int kind, const char *who);
nd_status nplot__container_add(nplot_axes *ax, artist **parts, size_t n, int kind, const char *who);
void nplot__containers_free(nplot_axes *ax);

/* Colouring again after set_clim (clim.c): a colour-mapped image from its kept values
 * (kind_image.c); mesh cells and gouraud triangles from theirs (kind_mesh.c). The colorbar
 * cax follows its mappable's new limits (kind_image.c). */
nd_status nplot__image_recolor(artist *a, const char *who);
nd_status nplot__cells_recolor(artist *a, const char *who);
void nplot__gouraud_recolor(artist *a);
nd_status nplot__colorbar_follow(nplot_axes *cax);
/* nplot_imshow_data of the (h, w) values *own (from nd_malloc), which the image keeps when
 * it can (*own set to NULL) instead of copying them (kind_image.c). */
nd_status nplot__imshow_take(nplot_axes *ax, double **own, int h, int w, const nplot_imshow_opts *o);
/* prop_cycle.c: a line's cycle entry i applied to what the caller did not give (color,
 * linestyle, marker, linewidth, markersize: given[0..4]); advances ax->line_cycle when the
 * cycle has a property not given and ci < 0 (ci: the entry already taken for the color). */
void nplot__pcycle_line(nplot_axes *ax, int ci, line_props *lp, const bool given[5]);
/* The color of entry i of ax's cycle: false when ax has no cycle with colors. */
bool nplot__pcycle_color(const nplot_axes *ax, int i, rgba *out);
void nplot__pcycle_free(nplot_axes *ax);

/* patheffects.c: the effective effects and sketch of a line (its own, or the figure's rc) */
int nplot__fx_of(const artist *a, const struct nplot__fx **fx);
bool nplot__sketch_of(const artist *a, double out[3]);
/* fx_paint.c: the rc path.effects of style s into out[0]; returns how many (0 or 1). */
int nplot__fx_rc(const nplot__style *s, struct nplot__fx *out);
/* fx_paint.c: the sketch own (NULL: style s's path.sketch) with its defaults into out
 * (zeros when none); false when there is none. */
bool nplot__sketch_rc(const nplot__style *s, const double *own, double out[3]);
/* Agg's PathSketcher on a device polyline (NaN breaks subpaths): one vertex per pixel,
 * displaced; *ox, *oy nd_malloc'd (NULL, 0 on failure). */
size_t nplot__sketch_path(const double *x, const double *y, size_t n, const double p[3],
                          double **ox, double **oy);
/* TickedStroke's ticks on a device polyline (y down): 2 points per tick into *ox, *oy
 * (nd_malloc'd); spacing_px in pixels. Returns the point count. */
size_t nplot__ticks_path(const double *x, const double *y, size_t n, double spacing_px,
                         double angle_deg, double length, double **ox, double **oy);

/* ---- axes ------------------------------------------------------------------------------------ */
typedef struct tick_side {
    double length, width, pad, labelsize, labelrotation;
    rgba color, labelcolor;
    int direction;
} tick_side;

typedef struct axis_state {
    int scale;
    double base, linthresh, linscale;
    const struct mappable *norm_map; /* SCALE_NORM: the colorbar gradient's mappable */
    double tick_lo, tick_hi; /* when tick_lo < tick_hi: ticks only in there (a colorbar's
                                bar, not its extend triangles) */
    double lo, hi;           /* view limits (lo > hi: inverted) */
    bool set_lo, set_hi;     /* fixed by set_xlim */
    double lo_fixed, hi_fixed;
    bool inverted;           /* invert_xaxis on an autoscaled axis */
    double margin;
    bool tight;              /* axis('tight'): no margins */
    /* data limits */
    double dmin, dmax, minpos;
    bool has_data;
    /* ticks */
    double *fixed;           /* set_xticks */
    int nfixed;
    bool fixed_set;
    char **fixed_labels;
    int nfixed_labels;
    double *fixed_minor;
    int nfixed_minor;
    bool minor_fixed_set;
    bool minor_on;           /* minorticks_on; log axes default on */
    /* set_xlocator (issue 20): "multiple" / "autominor" picks; "fixed" and "null" go
     * through the fixed tick arrays above */
    struct tick_locator { int kind; double base, offset; int ndivs; } loc, mloc;
    /* locator_params on the default MaxNLocator (axes_more.c): nbins 0 'auto' */
    struct maxn_params {
        int nbins, nsteps, min_n_ticks, prune; /* prune: 0 none, 1 lower, 2 upper, 3 both */
        bool symmetric;
        double steps[NPLOT__MAXN_STEPS];
    } maxn;
    double linear_width;     /* SCALE_ASINH: the quasi-linear half-width (a0) */
    double (*fn_fwd)(double, void *), (*fn_inv)(double, void *); /* SCALE_FUNCTION */
    void *fn_ctx;
    int minor_log;           /* NPLOT_OFF to hide log minor ticks */
    bool logit_clip;         /* SCALE_LOGIT: nonpositive='clip' (else 'mask') */
    formatter fmt, minor_fmt;
    tick_side major, minor;
    double label_rotation;
    int label_ha;            /* -1 automatic */
    bool label_anchor;       /* tick labels: rotation_mode 'anchor' */
    bool ticks_side[2];      /* bottom/left, top/right (major ticks) */
    bool minor_side[2];      /* the same for the minor ticks */
    bool labels_side[2];
    /* grid */
    bool grid_major, grid_minor;
    /* grid line style, [0] major and [1] minor: nplot_grid sets the `which` ones (the
     * minor grid is drawn as matplotlib draws it, not fainter) */
    struct grid_style { rgba color; double lw, alpha; int ls; } grid[2];
    /* label */
    char *label;
    text_style label_ts;
    double labelpad;
    int label_loc;           /* 0 center, 1 left/bottom, 2 right/top */
    bool axlabel_rot_set;    /* set_xlabel / set_ylabel given a rotation ... */
    double axlabel_rot;
    int axlabel_va;          /* ... or a va (-1: none): placed by anchor */
    /* computed at draw time */
    double *ticks;           /* major ticks inside the view */
    char **ticklabels;
    int nticks;
    char *offset_text;
    double *minor_ticks;
    int nminor;
    /* sticky edges (matplotlib): autoscale margins never cross these values */
    double *sticky;
    int nsticky;
    size_t cap_sticky;
    /* categorical axis: positions 0..ncats-1 carry these labels */
    char **cats;
    int ncats;
    size_t cap_cats;
    /* sharing: limits come from the root of the group */
    struct nplot_axes *share_root;
    bool hide_ticklabels;    /* shared inner axes */
    /* date axis (issue 17; dates.h): values are matplotlib date numbers */
    bool date;
    int date_fmt;            /* NPLOT__DATEFMT_* */
    char date_strftime[NPLOT_DATE_LABEL];
} axis_state;
/* The ticks of a's major (minor: false) or minor locator when it is not LOC_AUTO, over
 * [lo, hi]; major[0..nmajor) are the major ticks (AutoMinorLocator). Count or < 0. */
int nplot__locator_ticks(const axis_state *a, bool minor, const double *major, int nmajor,
                         double lo, double hi, double *out, int cap);
/* AsinhLocator(linear_width, numticks=11, symthresh=0.2, base)() over the view [vmin, vmax]
 * (major ticks: 0 and signed powers of base). Count (may exceed cap). */
int nplot__asinh_ticks(double vmin, double vmax, double linear_width, double base, double *out,
                       int cap);
/* AsinhScale's minor locator: AsinhLocator(linear_width, base=int(base), subs) with subs
 * AsinhScale.auto_tick_multipliers[int(base)] ((2, 5) for 10), or the majors when the base has
 * none. Count (may exceed cap). */
/* The ticks a 3-D axes draws on its axis k (0 x, 1 y, 2 z) inside the limits, rendered at
 * scale device units per point: the fixed ticks, else Axis3D's AutoLocator (MaxNLocator
 * with XAxis.get_tick_space() bins of the square box). Count (may exceed cap). */
int nplot__axis3d_ticks(const nplot_axes *ax, int k, double scale, double *out, int cap);
/* Those ticks (at most cap) and their labels (new strings, the caller's to free; the fixed
 * labels where set), as draw_axes3d.c draws them. Count. */
int nplot__axis3d_ticklabels(nplot_axes *ax, int k, double scale, double *locs, char **labels, int cap);
/* Axes3D.get_proj for the limits lim (xlo, xhi, ylo, yhi, zlo, zhi) and the view state of
 * ax, row-major 4 x 4 (proj3d.c); the box aspect in use; proj_transform by M; ax's limits. */
void nplot__proj3d_matrix(const nplot_axes *ax, const double lim[6], double M[16]);
void nplot__proj3d_box(const nplot_axes *ax, double box[3]);
#define NPLOT__BOX3D_DIAG 1.8294640721620434 /* Axes3D.set_box_aspect's diagonal at zoom 1 */
void nplot__proj3d_apply(const double M[16], double x, double y, double z, double *tx, double *ty,
                         double *tz);
void nplot__proj3d_limits(nplot_axes *ax, double lim[6]);
int nplot__asinh_minor_ticks(double vmin, double vmax, double linear_width, double base, double *out,
                             int cap);

struct nplot_axes {
    nplot_figure *fig;
    /* placement: either a grid cell span or a fixed rectangle (figure fractions) */
    nplot_gridspec *gs;
    int r0, r1, c0, c1;
    double rect[4];          /* l, b, w, h in figure fractions after layout */
    double dev[4];           /* x0, y0, x1, y1 in device units after layout */
    axis_state xa, ya;
    artist *artists, *last_artist;
    int nartists;
    int line_cycle, patch_cycle;
    text_style title_ts[3];
    char *title[3];
    double title_pad;
    /* legends (legend.c): the current one (matplotlib's ax.legend_, replaced by each
     * nplot_legend) and those nplot_legend_add_artist kept, drawn before it in that order */
    bool legend_on;
    struct legend_spec *legend_cur;
    struct legend_spec *legends_kept;
    rgba face;
    bool axis_off;
    bool frame_on;
    double aspect;           /* 0 auto; > 0 box-adjusted ratio */
    bool aspect_datalim;     /* axis('equal') */
    bool spine[4];           /* left, bottom, right, top */
    /* spines' set_position / set_color / set_linewidth / set_bounds, and set_axisbelow
     * (all zero: matplotlib's defaults) */
    int spine_pos[4];        /* SPINE_POS_*: 0 on the axes edge */
    double spine_pos_v[4];   /* outward points, axes fraction or data value */
    bool spine_color_set[4], spine_lw_set[4], spine_bounds_set[4];
    rgba spine_color[4];
    double spine_lw[4];
    double spine_bounds[4][2]; /* data units along the spine */
    int axisbelow;           /* 0 the style's; 1 true (z 0.5), 2 'line' (1.5), 3 false (2.5) */
    bool twin_x_of;          /* this is a twinx: y axis on the right, x hidden */
    bool twin_y_of;
    struct nplot_axes *twin_parent;
    /* colorbar axes: placed beside cbar_parent, which gives up the room */
    struct nplot_axes *cbar_parent;
    /* a colorbar's mappable and gradient, and what its bar's ends need (kind_image.c:
     * nplot__colorbar_follow); src NULL for a contour set's bar */
    struct nplot__cbar_link {
        struct artist *src, *grad;
        int mode, extend;
        double extendfrac;
        bool vertical;
    } cbar_link;
    /* clim.c: the image nplot_sci made current and the axes' last artist then (gci: a
     * mappable added after that one, else the current image) */
    struct artist *cur_image, *cur_image_mark;
    /* axes.c / artist.c: containers (bar, errorbar, stem, add_container): the artists of
     * one call or group, nd_malloc'd */
    struct nplot__container {
        int kind;               /* CONT_* */
        size_t n;
        struct artist **parts;
    } *containers;
    int ncontainers;
    /* prop_cycle.c: set_prop_cycle's cycle (NULL: the rc axes.prop_cycle colors) */
    struct nplot__pcycle *pcycle;
    bool cbar_vertical;
    bool cbar_flip;          /* on the left (vertical) or on top (horizontal) */
    double cbar_fraction, cbar_pad, cbar_shrink, cbar_aspect;
    double cell_dev[4];      /* the box before colorbars took their share */
    double anchor[2];        /* where a fixed-aspect box sits in its cell (0..1) */
    /* 3-D axes: x and y use xa / ya, z has its own axis; the view angles in degrees */
    bool is3d;
    axis_state za;
    double elev, azim;
    /* Axes3D view state (proj3d.c): roll in degrees; focal length (0 → 1, persp; INFINITY →
     * 'ortho'); the box aspect scaled to matplotlib's diagonal times zoom (0 → 4:4:3) */
    double roll, focal, box[3];
    bool grid3d_off;         /* ax.grid(False) on a 3-D axes */
    int aspect3d;            /* axes3d_more.c: Axes3D.set_aspect's mode (0 'auto') */
    /* polar axes (polar.c, kind_polar.c, draw_polar.c): NULL on rectilinear axes */
    struct polar_state *polar;
    /* a secondary_xaxis / secondary_yaxis (secondary.c): NULL on other axes */
    struct secondary_state *secondary;
    /* figprops.c: label alignment groups of align_xlabels / align_ylabels (0: none), and
     * the x / y label's pixel box (x0, y0, x1, y1; x0 > x1: none) of the last layout */
    int align_group[2];
    double label_px[2][4];
    /* inset axes (axes_more.c): placed at inset_bounds inside inset_parent, in its axes
     * fractions or (inset_data) its data coordinates, by layout.c after the parent */
    struct nplot_axes *inset_parent;
    double inset_bounds[4];
    bool inset_data;
    struct nplot_axes *next;
    /* axes_getset.c (issue 20): the Artist / Axes properties matplotlib's getters and
     * setters reach (all zero: matplotlib's defaults) */
    struct axes_props {
        bool has_alpha, hidden, not_in_layout, clip_off, rasterized, has_rast_z;
        bool pos_set;            /* set_position: rect below replaces the cell */
        int snap;                /* 0 None, 1 True, 2 False */
        double alpha, zorder, rast_z, box_aspect; /* box_aspect 0: None */
        double pos[4];           /* l, b, w, h in figure fractions */
        char anchor_code[3];     /* "C", "SW", ... ("" when given as coordinates) */
        char *label, *gid, *url;
        /* artist_protocol.c: clip box / path (display pixels; kept for the getters, as
         * matplotlib 3.6 draws an axes the same), the axes locator called by layout.c */
        bool has_clip_box;
        double clip_box[4];
        double *clip_path;       /* nclip_path x, y pairs */
        size_t nclip_path;
        nplot_axes_locator_fn locator;
        void *locator_ctx;
    } pr;
    /* constrained.c: the box constrained layout gave this axes (figure fractions; a
     * colorbar's is its drawn box), used by layout.c when cl_placed; cl_orig is the box
     * place_axes gave it before aspect (device units), the layout's "original position" */
    bool cl_placed;
    double cl_rect[4], cl_orig[4];
    /* patheffects.c (effects2): the axes patch's effects and sketch, and the effects of
     * its texts (AXT_*) */
    fx_list patch_fx;
    bool patch_sketch_set;
    double patch_sketch[3];
    fx_list text_fx[7];
};
/* text_fx: the three titles (center, left, right), the axis labels, the tick labels */
enum { AXT_TITLE = 0, AXT_XLABEL = 3, AXT_YLABEL, AXT_XTICKS, AXT_YTICKS, AXT_N };

struct nplot_gridspec {
    nplot_figure *fig;
    int nrows, ncols;
    double *wr, *hr;
    double left, right, bottom, top, wspace, hspace; /* < 0 → the figure's */
    /* nested grid (GridSpecFromSubplotSpec, mosaic.c): the cells [pr0, pr1) x [pc0, pc1)
     * of parent are this grid's box; NULL at the top level */
    struct nplot_gridspec *parent;
    int pr0, pr1, pc0, pc1;
    /* subfigure.c: a grid inside a subfigure (its params default to the subfigure's and its
     * edges map into the subfigure's box); NULL on the figure */
    struct nplot_subfigure *sf;
    struct nplot_gridspec *next;
};

typedef struct fig_text {
    char *text;
    double x, y;
    text_style ts;
    int ha, va;
    double rotation;
    struct fig_text *next;
} fig_text;

struct nplot_figure {
    double width, height, dpi;
    rgba face;
    const nplot__style *style;
    nplot__style *style_owned; /* the same, freed with the figure */
    nd_status status;
    char errmsg[512];
    nplot_axes *axes, *last_axes;
    int naxes;
    nplot_gridspec *gridspecs;
    double left, right, bottom, top, wspace, hspace;
    bool tight;
    double tight_pad, tight_hpad, tight_wpad;
    char *suptitle;
    text_style suptitle_ts;
    fig_text *texts;
    struct legend_spec *legends; /* nplot_fig_legend's, in the order added (legend.c) */
    bool laid_out;           /* nplot_figure_draw ran since the last change */
    /* mosaic.c: subplot_mosaic results owned by the figure; supxlabel / supylabel (entries
     * of texts, replaced by a second call) */
    struct nplot_mosaic *mosaics;
    fig_text *supxlabel, *supylabel;
    /* artist.c: removed artists and deleted axes, kept until the figure is freed so the
     * caller's handles stay valid */
    artist *removed_artists;
    nplot_axes *removed_axes;
    /* subfigure.c: the subfigures, in creation order (a parent before its children) */
    struct nplot_subfigure *subfigs, *last_subfig;
    bool tight_sf_warned;     /* tight_layout warned once that it skips them */
    /* figprops.c (Figure's artist properties, layout engine, figimage, current axes) */
    rgba edge;                /* figure.edgecolor */
    double linewidth;         /* the frame's width in points (0: none) */
    bool frameoff, hidden;    /* set_frameon(False), set_visible(False) */
    bool rasterized, snap_set, snap, clip_off, not_in_layout;
    double zorder, alpha;     /* alpha < 0: None */
    char *label, *gid, *url;
    struct fig_image *figimages, *last_figimage;
    nplot_axes *cur_axes, *cur_axes_last; /* sca's axes and fig->last_axes at that time */
    int align_next;           /* the last label alignment group id handed out */
    struct nplot_subfigure *cleared_subfigs; /* clf's: kept so handles stay valid */
    /* constrained.c: layout='constrained' and its pads (inches) and spaces (fractions) */
    bool constrained, cl_warned;
    double cl_wpad, cl_hpad, cl_wspace, cl_hspace;
    double suptitle_y;       /* the suptitle's top from the figure's top, a fraction; 0 → 0.02 */
    /* artist_protocol.c: the figure's clip box / path (kept for the getters) */
    bool has_clip_box;
    double clip_box[4];
    double *clip_path;
    size_t nclip_path;
    /* patheffects.c (effects2): the figure patch's effects and sketch; layout 'compressed' */
    fx_list patch_fx;
    bool patch_sketch_set;
    double patch_sketch[3];
    bool cl_compress;
};

/* figprops.c: fig.figimage: w x h pixels placed at (xo, yo) figure pixels from the bottom
 * left; rgba8 holds RGBA bytes (not premultiplied), row 0 at the top when origin_upper */
typedef struct fig_image {
    int w, h;
    unsigned char *rgba8;
    double xo, yo;
    bool origin_upper;
    struct fig_image *next;
} fig_image;

/* subfigure.c: a region of the figure (matplotlib's SubFigure). box is fixed at creation. */
struct nplot_subfigure {
    nplot_figure *fig;
    struct nplot_subfigure *parent;       /* NULL: directly on the figure */
    double box[4];                        /* left, bottom, width, height in figure fractions */
    double left, right, bottom, top, wspace, hspace; /* subplot params, fractions of box */
    rgba face, edge;
    double linewidth;
    bool frameon;
    fig_text *suptitle, *supxlabel, *supylabel; /* entries of fig->texts */
    struct nplot_subfigure *next;
};

/* The entry check of a function taking an axes: a NULL axes is ND_EVALUE naming `who`;
 * a figure in error re-raises its sticky status. */
enum { SPINE_POS_EDGE = 0, SPINE_POS_OUTWARD, SPINE_POS_AXES, SPINE_POS_DATA };
#define CHECK_AX(ax, who)                                                    \
    do {                                                                     \
        if (!(ax)) return nd_set_error(ND_EVALUE, "%s: axes is NULL", who); \
        nd_status st_ = nplot__check((ax)->fig);                             \
        if (st_) return st_;                                                 \
    } while (0)

/* CHECK_AX, and ND_EVALUE naming `who` unless ax is a 3-D axes. */
#define CHECK_3D(ax, who)                                                              \
    do {                                                                               \
        if (!(ax)) return nd_set_error(ND_EVALUE, "%s: axes is NULL", who);               \
        nd_status st_ = nplot__check((ax)->fig);                                       \
        if (st_) return st_;                                                           \
        if (!(ax)->is3d)                                                               \
            return nplot__fail((ax)->fig, ND_EVALUE, "%s: the axes is not 3-D (use "    \
                               "nplot_subplot_3d)", who);                              \
    } while (0)

/* The options struct a function was given, or its defaults (all zero) when o is NULL. The
 * defaults are a compound literal: they live until the end of the block the statement is
 * in, so assign at the top of the function (o = NPLOT__OPTS(o, nplot_grid_opts);). */
#define NPLOT__OPTS(o, type) ((o) ? (o) : &(const type){ 0 })

/* status.c: sticky-error helpers: fail the figure (first error wins) and return the code. */
nd_status nplot__fail(nplot_figure *fig, nd_status code, const char *fmt, ...)
    __attribute__((format(printf, 3, 4)));
/* An optional array option (nplot_f64s / nplot_strs) must be absent or hold exactly
 * `want` values: otherwise ND_EVALUE through nplot__fail, e.g.
 * "nplot_scatter: 'c' has 3 values, but x and y have 5" (against = "x and y have"). */
nd_status nplot__check_len(nplot_figure *fig, const char *who, const char *name, const void *v,
                           size_t n, size_t want, const char *against);
#define NPLOT__CHECK_LEN(fig, who, name, arr, want, against) \
    nplot__check_len((fig), (who), (name), (arr).v, (arr).n, (want), (against))
/* color.c: edit distance (letters compared without case; (size_t)-1 past 62 characters),
 * for the close matches an error lists. */
size_t nplot__edit_distance(const char *a, const char *b);
/* ND_OK, or the figure's sticky error re-raised into nd_errmsg. */
nd_status nplot__check(nplot_figure *fig);
char *nplot__strdup(nplot_figure *fig, const char *s, const char *who);
void nplot__mark_dirty(nplot_figure *fig);
/* The buffer p (len used elements of elem bytes, capacity *cap) with room for at least need
 * elements: p itself when it fits, else a copy in a larger block from nd_calloc (p is freed
 * and *cap updated). NULL with ND_ENOMEM set on failure; p is then unchanged and still the
 * caller's. */
void *nplot__grow(void *p, size_t *cap, size_t len, size_t need, size_t elem, const char *who);

/* axes.c */
nplot_axes *nplot__axes_new(nplot_figure *fig, const char *who);
void nplot__axes_free(nplot_axes *ax);
/* legend.c: free an axes' legends; free a list of legends (the figure's) */
void nplot__axes_legends_free(nplot_axes *ax);
void nplot__legends_free(struct legend_spec *list);
artist *nplot__artist_add(nplot_axes *ax, artist_kind kind, const char *who);
void nplot__update_datalim(nplot_axes *ax, artist *a);
/* Two doubles as one SSE2 value (GCC's vector extension, also in clang) for the
 * branch-free loops over long lines; NPLOT__V2 says they exist. NPLOT__SEL(m, a, b) is
 * m ? a : b per lane, m a comparison's lane mask. */
#if defined(__GNUC__)
#define NPLOT__V2 1
typedef double nplot__v2d __attribute__((vector_size(16)));
typedef long long nplot__v2l __attribute__((vector_size(16)));
#define NPLOT__SEL(m, a, b) ((nplot__v2d)(((nplot__v2l)(a) & (m)) | ((nplot__v2l)(b) & ~(m))))
#endif
/* The extent of one coordinate's finite values: lowest, highest, smallest positive. */
typedef struct nplot__extent {
    double lo, hi, minpos;
    bool any;
} nplot__extent;
/* dst = src (n values; dst NULL: only read src) and, when every value is finite, their
 * extent in *e, found in the same pass; false (*e unset) when a value is not finite. */
bool nplot__copy_extent(double *dst, const double *src, size_t n, nplot__extent *e);
/* nplot__update_datalim for an artist whose x and y extents are known (every point
 * finite: nplot__copy_extent returned true for both). */
void nplot__datalim_extent(nplot_axes *ax, const artist *a, const nplot__extent *ex,
                           const nplot__extent *ey);
rgba nplot__next_line_color(nplot_axes *ax);
rgba nplot__next_patch_color(nplot_axes *ax);
/* Axes3D._shade_colors of c on the polygon p0 p1 p2 ... (normal (p0 - p1) x (p1 - p2),
 * _generate_normals) lit by LightSource(azdeg, altdeg): 0.3 + 0.7 (n.l + 1) / 2; a
 * degenerate polygon keeps c (kind_3d_more.c). */
rgba nplot__shade3d(rgba c, const double (*p)[3], double azdeg, double altdeg);
void nplot__autoscale(nplot_figure *fig);
nd_status nplot__text_style_from(nplot_figure *fig, const nplot_text_opts *o, double defsize,
                                 text_style *ts, const char *who);
/* transform.c: an axis scale forward (data → scaled space) and back. */
double nplot__scale_fwd(const axis_state *a, double v);
double nplot__scale_inv(const axis_state *a, double t);

/* Sticky edge at v on the x (or y) axis; category position of a label (added when new),
 * or a negative status. */
nd_status nplot__add_sticky(nplot_axes *ax, bool x, double v, const char *who);
/* Extend the data limits by one point (finite coordinates only). */
void nplot__datalim_point(nplot_axes *ax, double x, double y);
double nplot__category(nplot_axes *ax, bool x, const char *label, const char *who);
/* kind_common.c: a float64 copy of all elements of a (NULL a → *out NULL). */
nd_status nplot__to_f64(nplot_figure *fig, const nd_array *a, double **out, size_t *n,
                        const char *what, const char *who);
/* ND_ESHAPE "who: x and y must have the same length, got 3 and 4" unless nx == ny. */
nd_status nplot__lengths_match(nplot_figure *fig, size_t nx, size_t ny, const char *xn,
                               const char *yn, const char *who);
/* x and y (named xn, yn) as float64 copies, *n y's length. x may be NULL (then *xs is
 * NULL); given, its length must be y's (nplot__lengths_match). On error both are NULL. */
nd_status nplot__xy_f64(nplot_figure *fig, const nd_array *x, const nd_array *y, double **xs,
                        double **ys, size_t *n, const char *xn, const char *yn, const char *who);
/* The one conversion of the masked (_ma) forms: m's data as a new float64 array with the
 * masked elements NaN (nd_ma_filled_nan), which every plain nd_array form already treats
 * as missing (a gap, a bad cell, a dropped value), so the masked forms reuse the plain
 * forms' code. NULL m gives *out NULL and ND_OK; complex data is ND_EDTYPE. */
nd_status nplot__ma_nan(nplot_figure *fig, const nd_marray *m, nd_array **out, const char *what,
                        const char *who);
/* draw_patches.c: a polygon collection; colors (npoly entries) copied when given. */
artist *nplot__patches_new(nplot_axes *ax, const double *x, const double *y, size_t n,
                           size_t npoly, const rgba *colors, const char *who);
void nplot__axis_init_z(nplot_axes *ax);
/* An axis as a new axes of ax's figure has it (axis_init), and freeing what it holds. */
void nplot__axis_init(nplot_axes *ax, axis_state *a, bool is_x);
void nplot__axis_free(axis_state *a);
/* Frees an artist and what it holds. */
void nplot__artist_free(artist *a);
/* The z view limits (autoscaled with margins unless set). */
void nplot__zlimits(nplot_axes *ax, double *lo, double *hi);
/* The z axis that holds ax's z limits: its sharez group root's (axes.c; ax's own unshared). */
axis_state *nplot__zaxis_root(nplot_axes *ax);
/* norm.c: the value v through the mappable's norm, looked up in its cmap. */
rgba nplot__map_color(const mappable *m, double v);


/* kind_violin.c: a line of n <= 11 points (p along the position axis, v along the value
 * axis; vert: positions on x), solid, no marker, extending the data limits. */
nd_status nplot__seg_line(nplot_axes *ax, bool vert, const double *p, const double *v, size_t n,
                          rgba color, double lw, double zorder, const char *who);
/* kind_violin.c: Axes.violin's drawing, errors naming `who` (violinplot draws through it). */
nd_status nplot__violin_draw(nplot_axes *ax, const nplot_violin_stats *vs, int k,
                             const nplot_violin_draw_opts *o, const char *who);

/* artist creation shared by the C-array and nd_array front ends */
double *nplot__copy_or_index(nplot_figure *fig, const double *x, size_t n, const char *who);
nd_status nplot__line_props(nplot_axes *ax, const nplot_line_opts *o, line_props *lp,
                            double *alpha, const char *who);
int nplot__parse_coords(const char *s);
nd_status nplot__text_artist(nplot_axes *ax, artist_kind kind, double x, double y, const char *s,
                             const nplot_text_opts *o, artist **out, const char *who);
nd_status nplot__errorbar(nplot_axes *ax, const double *x, const double *y, size_t n,
                          const double *xlo, const double *xhi, const double *ylo,
                          const double *yhi, const nplot_errorbar_opts *o, const char *who);
nd_status nplot__scatter(nplot_axes *ax, const double *x, const double *y, size_t n,
                         const double *sizes, const double *cvals, const nplot_scatter_opts *o,
                         const char *who);
nd_status nplot__fill_between(nplot_axes *ax, const double *x, const double *y1, const double *y2,
                              size_t n, const bool *where, const nplot_fill_opts *o, const char *who);
nd_status nplot__read_png(const char *path, unsigned char **out, int *w, int *h, const char *who);


/* ---- vector fields: quiver, quiverkey, barbs, streamplot (kind_vector.c) ------------------ */
/* An ART_VECTORS artist keeps its anchors in x/y (n points, data coordinates), per-item
 * colors in colors (NULL → face) and, for streamlines, per-segment widths in sizes; the
 * shapes depend on the laid-out axes (arrow units, screen angles) and are built by
 * nplot__draw_vectors when drawn. */
enum { VEC_QUIVER = 0, VEC_QUIVERKEY, VEC_BARBS, VEC_STREAMLINES, VEC_STREAMARROWS };
typedef struct vector_set {
    int type;                   /* VEC_* */
    /* quiver (and its key, which reads the quiver's settings through `of`) */
    int units, scale_units;     /* QU_* (kind_vector.c); scale_units -1 → units */
    bool angles_xy;             /* angles 'xy' (else 'uv') */
    int pivot;                  /* 0 tail, 1 middle, 2 tip */
    double scale;               /* 0 → autoscale */
    double width;               /* shaft width in units, 0 → automatic */
    double headwidth, headlength, headaxislength, minshaft, minlength;
    const struct artist *of;    /* quiverkey: its quiver */
    double kx, ky, ku, kangle;  /* quiverkey: position, length, angle (degrees) */
    int kcoord;                 /* quiverkey: COORD_* of kx, ky (or inches, kind_vector.c) */
    int klabelpos;              /* quiverkey: 0 N, 1 S, 2 E, 3 W */
    double klabelsep;           /* quiverkey: points */
    /* barbs */
    double length, spacing, height, bwidth, emptybarb;
    double half, full, flag;
    bool rounding, fill_empty;
    /* stream arrows */
    double arrowsize;
    int arrowstyle;             /* 0 "-|>", 1 "->" */
    size_t n;
    double *u, *v;              /* n vector components (quiver, barbs); arrow heads
                                   (stream arrows) */
    unsigned char *flip;        /* barbs: n flags (features on the other side) */
    double data[];              /* storage of u, v and flip */
} vector_set;
/* Paint an ART_VECTORS artist (kind_vector.c). */
struct render_ctx;
void nplot__draw_vectors(struct render_ctx *rc, nplot_axes *ax, artist *a);

/* stream_integrate.c: streamlines of a field on a regular grid, in grid coordinates. */
typedef struct stream_field {
    size_t nx, ny;              /* grid points along x and y (>= 2 each) */
    const double *u, *v;        /* ny x nx components in grid units per unit time */
    const double *speed;        /* ny x nx speed in domain fractions per unit time; NaN or 0
                                   stops a line */
    size_t mask_nx, mask_ny;    /* density mask cells (matplotlib: 30 x density) */
    double minlength, maxlength;/* in domain fractions; maxlength per direction */
    int direction;              /* -1 backward, 0 both, 1 forward */
    bool broken;                /* a line stops at a cell another line holds */
} stream_field;
typedef struct stream_lines {
    double *x, *y;              /* the points of every line, in grid coordinates */
    size_t n, cap;
    size_t *start;              /* line i is points start[i] .. start[i + 1] - 1 */
    size_t nlines, cap_lines;
} stream_lines;
/* Trace lines from the given start points (grid coordinates, clipped to the grid) or,
 * with nstart 0, from every free mask cell in matplotlib's boundary-first spiral. Lines
 * shorter than minlength are dropped. On failure (ND_ENOMEM, or ND_EVALUE for a grid or
 * mask under 2 cells a side) *out is empty and the error is set. */
nd_status nplot__stream_trace(const stream_field *f, const double *sx, const double *sy,
                              size_t nstart, stream_lines *out, const char *who);
void nplot__stream_lines_free(stream_lines *l);
/* Bilinear interpolation of a (ny x nx, row-major) at grid point (x, y) in the grid; NaN
 * when a corner is NaN (matplotlib's interpgrid). */
double nplot__grid_interp(const double *a, size_t nx, size_t ny, double x, double y);

/* ---- triangulations (issue 19: tri_algo.c is base, kind_tri.c a kind) ---------------------- */
/* matplotlib.tri.Triangulation: npts points, ntri counter-clockwise triangles (3 indices
 * each), an optional mask (true hides a triangle), neighbors computed when first asked
 * for (dropped by set_mask). */
struct nplot_triangulation {
    size_t npts, ntri;
    double *x, *y;
    int *tri;
    bool *mask;         /* ntri or NULL */
    int *nbr;           /* ntri x 3 or NULL until asked */
};
/* A triangle mesh as the marching-triangles routines read it (no ownership). */
typedef struct nplot__trimesh {
    const double *x, *y;
    const int *tri;     /* ntri x 3 */
    const bool *mask;   /* NULL: every triangle */
    size_t ntri;
    const int *nbr;     /* the neighbors under mask (nplot__tri_neighbors), or NULL:
                           computed by each call that needs them */
} nplot__trimesh;
/* The Delaunay triangles of n points through qhull ("qhull d Qt Qbb Qc Qz", matplotlib's
 * options), counter-clockwise, into *tri (nd_malloc'd, 3 * *ntri ints). Duplicate points
 * are left out of every triangle. ND_EVALUE (nd_set_error naming who) for fewer than 3
 * distinct points, non-finite points, or qhull's refusal (collinear points: its QH code
 * and reason in the message); qhull never aborts or prints. */
nd_status nplot__tri_delaunay(const double *x, const double *y, size_t n, int **tri, size_t *ntri,
                              const char *who);
/* nbr[3 t + k]: the unmasked triangle across the edge tri[t][k] -> tri[t][(k + 1) % 3], or -1
 * (masked triangles have none). */
nd_status nplot__tri_neighbors(const int *tri, const bool *mask, size_t ntri, int *nbr, const char *who);
/* Marching triangles on point values z: the iso-line z == level as polylines followed from
 * triangle to neighbor (NaN between them; closed loops repeat their first point) into *px,
 * *py (nd_malloc'd, *np vertices; NULL when empty). */
nd_status nplot__tri_isolines(const nplot__trimesh *m, const double *z, double level, double **px,
                              double **py, size_t *np, const char *who);
/* The region lo <= z <= hi as polygons with holes: *npoly closed rings (NaN-separated,
 * the first point not repeated), outer boundaries counter-clockwise and holes clockwise,
 * so that one path of all rings filled with the nonzero rule is the band. (The band's
 * piece of every triangle, with the edges two pieces share removed.) */
nd_status nplot__tri_band(const nplot__trimesh *m, const double *z, double lo, double hi, double **px,
                          double **py, size_t *np, size_t *npoly, const char *who);


/* The zero-means-default rule of every options struct, in one place: v when it is set
 * (> 0), else dflt (unset, negative and NaN values all mean "default"). Ints stay ints. */
static inline double nplot__opt_f64(double v, double dflt) { return v > 0 ? v : dflt; }
static inline int nplot__opt_int(int v, int dflt) { return v > 0 ? v : dflt; }
#define NPLOT_OPT(v, dflt) _Generic((v), int: nplot__opt_int, default: nplot__opt_f64)((v), (dflt))

static inline double nplot__clampd(double v, double lo, double hi)
{
    return v < lo ? lo : v > hi ? hi : v;
}

/* ---- contours (contour_algo.c: marching squares; kind_contour.c) ------------------------ */
/* A regular grid of ny x nx values: x has nx values (or ny * nx when x2d), y ny (or ny * nx
 * when y2d); NULL x or y means indices. Non-finite z or a true mask entry is masked. */
typedef struct nplot__cgrid {
    const double *z, *x, *y;
    const bool *mask;
    size_t ny, nx;
    bool x2d, y2d;
    bool corner_mask;
    bool convex;        /* bands as convex pieces (3-D triangulates them): cells and runs
                           of whole cells (rectangles on 1-D x and y), not rings */
} nplot__cgrid;
/* NaN-separated polylines or polygons. */
typedef struct nplot__cpath {
    double *x, *y;
    size_t n, cap;
} nplot__cpath;
/* The lines of each level lev[0..nlev-1] into out[0..nlev-1] (appended); ND_ENOMEM. */
nd_status nplot__contour_lines(const nplot__cgrid *g, const double *lev, int nlev,
                               nplot__cpath *out, const char *who);
/* The polygons of each band (lev[k], lev[k + 1]] (the lowest closed below too) into
 * out[0..nlev-2], counter-clockwise in index space: fill them with the nonzero rule. */
nd_status nplot__contour_bands(const nplot__cgrid *g, const double *lev, int nlev,
                               nplot__cpath *out, const char *who);
void nplot__cpath_free(nplot__cpath *p, int n);
/* kind_contour.c: the colorbar of a contour set (cax set up by nplot_colorbar): bands or
 * level lines in the set's colors, its outline (spines, or the extend triangles' painter). */
nd_status nplot__contour_colorbar(nplot_axes *cax, nplot_axes *ax, int cset, bool vertical,
                                  const char *who);
/* The painter of ART_CONTOUR (draw_axes.c's table): the set's lines, simplified in device
 * space, broken under the labels placed at draw time; a filled set's bands. */
struct render_ctx;
void nplot__draw_contour(struct render_ctx *rc, nplot_axes *ax, artist *a);


/* ---- more plot kinds (kind_more.c) -------------------------------------------------------- */
/* Paint an ART_AXLINE artist: the line through its two points in device space (so straight
 * on screen whatever the scales, as matplotlib's _AxLine), clipped to the axes. */
struct render_ctx;
void nplot__draw_axline(struct render_ctx *rc, nplot_axes *ax, artist *a);


/* ---- polar axes (issue 20: polar.c geometry, kind_polar.c calls, draw_polar.c painter) ---- */
/* xa is theta (radians; its limits, fixed at creation, are thetamin / thetamax), ya is r.
 * Data (theta, r) lands at angle theta * direction + offset (counter-clockwise from the
 * screen's +x) and distance (r - rorigin) * k from the centre (cx, cy); r < rorigin is
 * masked (NaN), as matplotlib's PolarTransform. */
typedef struct polar_state {
    double offset;           /* radians (set_theta_offset / set_theta_zero_location) */
    int direction;           /* 1 counter-clockwise, -1 clockwise */
    double rlabel_pos;       /* degrees (full circle only: sectors label the start edge) */
    bool rorigin_set;
    double rorigin;
    char theta_fmt[64];      /* thetagrids fmt applied to degrees; "" → matplotlib's
                                ThetaFormatter (degrees and the ° sign) */
    /* geometry after layout (nplot__polar_geometry) */
    double cx, cy, k;        /* centre and device units per unit of r */
    double r0;               /* the origin radius used (rorigin or rmin) */
    double a0, a1;           /* screen angles of the sector (radians, a0 < a1) */
    double rin, rout;        /* inner and outer radius in device units */
    bool full;               /* the sector spans the full circle */
    bool mask_outside;       /* while painting markers: points outside the sector are NaN
                                (stamped markers bypass cairo's clip) */
} polar_state;
/* polar.c: a square box centred in the cell (matplotlib: aspect equal, anchor C). */
void nplot__polar_box(nplot_axes *ax);
/* polar.c: the autoscaled r limits as matplotlib's RadialLocator: margins, then rmin
 * lowered to 0; theta limits are the sector's. */
void nplot__polar_limits(nplot_axes *ax);
/* polar.c: centre, scale and sector of a laid-out polar axes (matplotlib's _WedgeBbox fit
 * of the sector into the box). */
void nplot__polar_geometry(nplot_axes *ax);
/* polar.c: data (theta, r) → device units (NaN when r < rorigin or not finite). */
void nplot__polar_to_dev(const nplot_axes *ax, double theta, double r, double *dx, double *dy);
/* polar.c: nplot__polar_to_dev of n points into dx, dy, the sines and cosines computed by
 * numc's vector cos / sin ufuncs (a point at a time when they cannot be had). */
void nplot__polar_to_dev_n(const nplot_axes *ax, const double *theta, const double *r, size_t n, double *dx,
                           double *dy);
/* polar.c: does (theta, r) fall outside the drawn sector (r beyond [rmin, rmax] or theta
 * outside [thetamin, thetamax] modulo 360°)? */
bool nplot__polar_outside(const nplot_axes *ax, double theta, double r);
/* polar.c: is [lo, hi] (degrees) the full circle (matplotlib's _is_full_circle_deg)? */
bool nplot__polar_full(double lo_deg, double hi_deg);


/* ---- secondary axes (issue 20: secondary.c) ------------------------------------------------ */
/* A secondary axes is a twin (twin_parent) in its parent's box that draws one axis only: its
 * spine at `pos` (parent axes coordinates), ticks and labels on the side matplotlib picks
 * (top / right when pos >= 0.5). Its axis has SCALE_FUNCTION with the composite transform
 * parent_scale(inverse(v)), so a secondary value lands where the parent's inverse(v) is, and
 * limits forward(parent limits); on a log parent it is ticked and labelled as a log axis
 * (matplotlib's 'functionlog'). */
typedef struct secondary_state {
    nplot_axes *parent;
    bool x;                  /* secondary_xaxis (else secondary_yaxis) */
    double pos;              /* where the spine sits, parent axes coordinates */
    double (*forward)(double, void *), (*inverse)(double, void *); /* NULL: times k */
    void *ctx;
    double k;                /* the constant-scale shorthand (1: identity) */
    bool has_color;          /* SecondaryAxis.set_color: the label keeps it */
    rgba color;
} secondary_state;
/* forward / inverse of a secondary axes (the callbacks or the constant factor). */
double nplot__secondary_fwd(const secondary_state *s, double v);
/* The secondary's limits and scale from its parent's (current) limits; a non-finite or
 * singular forward image of them fails the figure. Called after every autoscale. */
void nplot__secondary_sync(nplot_axes *sec);
/* get_xlim / get_ylim of a secondary axes: matplotlib's order (forward of the parent's
 * limits, reversed when forward is decreasing). */
nd_status nplot__secondary_get_lim(nplot_axes *sec, bool x, double *lo, double *hi);
/* Is this secondary ticked as a log axis (its parent's axis is log)? */
bool nplot__secondary_log(const nplot_axes *ax, bool x);
/* figure.c: a new grid of the figure (its params < 0: the figure's) and an axes on cells
 * [r0, r1) x [c0, c1) of g; NULL after failing the figure; the span string of
 * nplot_gridspec_subplot parsed into [r0, r1) x [c0, c1). */
nplot_gridspec *nplot__gridspec_make(nplot_figure *fig, int nrows, int ncols, const char *who);
nplot_axes *nplot__place(nplot_gridspec *g, int r0, int r1, int c0, int c1, const char *who);
bool nplot__parse_cells(const nplot_gridspec *g, const char *spec, int *r0, int *r1, int *c0,
                        int *c1);
/* subplot_mosaic's result (mosaic.c builds it, the figure frees it): n labels and axes in
 * creation order */
struct nplot_mosaic {
    int n, cap;
    char **labels;
    nplot_axes **axes;
    struct nplot_mosaic *next;
};

#endif
