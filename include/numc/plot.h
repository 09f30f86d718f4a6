/* numc — plotting (libnumc_plot): matplotlib's figure / axes / artist model in C.
 *
 *     nplot_figure *fig = nplot_figure_new();             // 6.4 x 4.8 in at 100 dpi
 *     nplot_axes *ax = nplot_subplot(fig, 1, 1, 1);
 *     nplot_plot(ax, x, y, .fmt = "r--", .label = "sin(x)");
 *     nplot_legend(ax);
 *     nplot_savefig(fig, "out.png");                       // .png .svg .pdf
 *     nplot_figure_free(fig);
 *
 * Ownership: a figure owns its axes and artists; freeing the figure frees them.
 * Plotting functions copy the data they are given (the caller keeps its arrays).
 * Errors: every call returns a status (or NULL) and sets nd_errmsg(). A figure also keeps
 * a sticky status (like cairo): after the first error further drawing calls on it do
 * nothing and return that error, and nplot_savefig reports it, so a program may check
 * once at the end with nplot_figure_status().
 * Options: every `...` is a designated-initializer options struct; zero means the
 * matplotlib default. Where 0 is itself a meaningful value write NPLOT_ZERO, and for
 * boolean options that default to on write NPLOT_OFF to turn them off. */
#ifndef NUMC_PLOT_H
#define NUMC_PLOT_H

#include <stdbool.h>
#include <stddef.h>

#include "array.h"
#include "error.h"
#include "ma.h"

#ifdef __cplusplus
extern "C" {
#endif

typedef struct nplot_figure nplot_figure;
typedef struct nplot_axes nplot_axes;
typedef struct nplot_gridspec nplot_gridspec;

/* A value that is zero but not "default" (e.g. .hspace = NPLOT_ZERO). */
#define NPLOT_ZERO 1e-300
/* Tri-state switches: 0 = default, NPLOT_ON, NPLOT_OFF. */
enum { NPLOT_DEFAULT = 0, NPLOT_ON = 1, NPLOT_OFF = -1 };

/* Array options carry their length. A field of type nplot_f64s / nplot_strs holds `n`
 * values at `v`; { 0, NULL } (the zero default) leaves the option out. A length that does
 * not fit (.c with 3 values for 5 points, .range with 3 values) is ND_EVALUE naming the
 * option, recorded in the figure's sticky status; the library never reads past v[n - 1].
 *   .c_f64 = NPLOT_F64S(0.1, 0.5, 0.9)           a literal list: the count is computed
 *   .c_f64 = NPLOT_F64_ARRAY(values, n)          an existing array of n values
 *   .labels = NPLOT_STRS("a", "b"), .labels = NPLOT_STR_ARRAY(names, k)
 * (The literal macros use C compound literals; from C++ build the struct directly.)
 * The count comes first so that a bare pointer (.c_f64 = p) is diagnosed: it would
 * initialize the count, which compilers warn about (and newer ones refuse); at run time
 * it is a count without data, which is ND_EVALUE. */
typedef struct nplot_f64s {
    size_t n;
    const double *v; /* n values (NULL with n == 0: the option is not given) */
} nplot_f64s;
typedef struct nplot_strs {
    size_t n;
    const char *const *v; /* n strings */
} nplot_strs;
#define NPLOT_F64S(...) \
    ((nplot_f64s){ sizeof((const double[]){ __VA_ARGS__ }) / sizeof(double), \
                   (const double[]){ __VA_ARGS__ } })
#define NPLOT_F64_ARRAY(ptr, count) ((nplot_f64s){ (size_t)(count), (ptr) })
#define NPLOT_STRS(...) \
    ((nplot_strs){ sizeof((const char *const[]){ __VA_ARGS__ }) / sizeof(const char *), \
                   (const char *const[]){ __VA_ARGS__ } })
#define NPLOT_STR_ARRAY(ptr, count) ((nplot_strs){ (size_t)(count), (ptr) })

/* Colors: r, g, b, a in [0, 1] (not premultiplied). */
typedef struct nplot_rgba {
    double r, g, b, a;
} nplot_rgba;

/* ---- colors and colormaps ------------------------------------------------------ */
/* Parse a matplotlib color: CSS4 name, single letter ("r"), "tab:blue", "C3", "#rrggbb",
 * "#rrggbbaa", "#rgb", a gray level "0.75", "none"; an optional ",alpha" suffix
 * ("red,0.5") sets alpha. ND_EVALUE naming the string when it is not a color. */
NPLOT_API nd_status nplot_color_parse(const char *spec, nplot_rgba *out);
/* Colormap names. Wherever a colormap is asked for (`.cmap` options, nplot_cmap_color,
 * nplot_colormap_get), a name is one of:
 *   - every colormap of matplotlib 3.6 (nplot_colormap_builtin lists them): viridis,
 *     plasma, ..., tab20c, twilight_shifted (docs/plot.md has the table);
 *   - a map registered with nplot_colormap_register;
 *   - the spellings later matplotlib versions accept: grey, gist_grey, gist_yerg, Grays;
 *   - any of these with "_r" appended: the reversed map;
 *   - any of these with ":N" appended (N from 1 to 1048576): the map resampled to N
 *     entries, matplotlib's get_cmap(name, N), e.g. "viridis:8", "RdBu_r:11".
 * NULL means viridis. An unknown name is ND_EVALUE naming it and up to three close
 * matches ("'virdis' is not a known colormap; close matches: viridis, ..."). Plots keep
 * lookup tables of at most 256 entries: there a longer map (twilight's 510 colors,
 * "viridis:1000") is resampled to 256. */

/* cmap(v) of colormap `name`: v in [0, 1] gives entry floor(v * N) (1 the last entry),
 * v < 0 the under color, v > 1 the over color (by default the first and last entries, so
 * v is in effect clipped), NaN the bad color (transparent unless set). */
NPLOT_API nd_status nplot_cmap_color(const char *name, double v, nplot_rgba *out);
/* The i-th built-in colormap name in matplotlib's sorted order ("Accent" ... "winter";
 * without the "_r" forms), NULL when i is past the last. */
NPLOT_API const char *nplot_colormap_builtin(size_t i);

/* A colormap object (matplotlib.colors.Colormap): a built-in map or one made from
 * colors, with its under / over / bad colors. Free with nplot_colormap_free. Every
 * function returning one returns NULL on error (ND_EVALUE naming the value, ND_ENOMEM). To
 * use it in a plot, register it under a name and pass the name as `.cmap`. */
typedef struct nplot_colormap nplot_colormap;

/* A copy of the named map (matplotlib.colormaps[name]; "name:N" is get_cmap(name, N)).
 * Its name is `name` without a ":N" suffix. */
NPLOT_API nplot_colormap *nplot_colormap_get(const char *name);

typedef struct nplot_colormap_opts {
    int _;                  /* reserved: leave it out */
    nplot_strs colors;      /* the colors as nplot_color_parse reads them ("red", "#00ff0080") */
    const nplot_rgba *rgba; /* or as values in [0, 1]: nrgba of them; give one of the two */
    size_t nrgba;
    nplot_f64s values;      /* from_list only: the position of each color, rising from 0 to 1
                             * (matplotlib's (value, color) pairs); not given → evenly spaced */
    int n;                  /* entries, up to 1048576: 0 → listed: one per color;
                             * from_list: 256 */
} nplot_colormap_opts;
/* ListedColormap(colors, name, N): entry i is color i % ncolors (so .n repeats or drops
 * colors); name NULL → "from_list". At least one color; .values is ND_EVALUE here. */
NPLOT_API nplot_colormap *nplot_colormap_listed_(const char *name, const nplot_colormap_opts *o);
#define nplot_colormap_listed(...) nplot__kw_colormap_listed(__VA_ARGS__, )
#define nplot__kw_colormap_listed(name, ...) \
    nplot_colormap_listed_((name), &(nplot_colormap_opts){ 0, __VA_ARGS__ })
/* LinearSegmentedColormap.from_list(name, colors, N): colors (alpha included) linearly
 * interpolated between their positions, sampled at N entries. At least two colors; the
 * values, when given, one per color. name NULL → "from_list". */
NPLOT_API nplot_colormap *nplot_colormap_from_list_(const char *name, const nplot_colormap_opts *o);
#define nplot_colormap_from_list(...) nplot__kw_colormap_from_list(__VA_ARGS__, )
#define nplot__kw_colormap_from_list(name, ...) \
    nplot_colormap_from_list_((name), &(nplot_colormap_opts){ 0, __VA_ARGS__ })
/* cmap.resampled(n) (n from 1 to 1048576): a listed map picks its colors at
 * linspace(0, 1, n); a segmented map is evaluated at n entries. Keeps under/over/bad. */
NPLOT_API nplot_colormap *nplot_colormap_resampled(const nplot_colormap *cm, int n);
/* cmap.reversed(): named name + "_r", under and over swapped. */
NPLOT_API nplot_colormap *nplot_colormap_reversed(const nplot_colormap *cm);
/* set_under / set_over / set_bad: the color of values below 0, above 1 and NaN (a color
 * string as nplot_color_parse reads it, ",alpha" allowed). ND_EVALUE for a bad color. */
NPLOT_API nd_status nplot_colormap_set_under(nplot_colormap *cm, const char *color);
NPLOT_API nd_status nplot_colormap_set_over(nplot_colormap *cm, const char *color);
NPLOT_API nd_status nplot_colormap_set_bad(nplot_colormap *cm, const char *color);
/* cmap(v), as nplot_cmap_color: so v = -INFINITY, +INFINITY and NAN read the under, over
 * and bad colors (get_under / get_over / get_bad). ND_EVALUE for a NULL map. */
NPLOT_API nd_status nplot_colormap_color(const nplot_colormap *cm, double v, nplot_rgba *out);
/* Its name and number of entries (NULL / 0 for a NULL map). */
NPLOT_API const char *nplot_colormap_name(const nplot_colormap *cm);
NPLOT_API int nplot_colormap_n(const nplot_colormap *cm);
/* matplotlib.colormaps.register(cm, name=...): a copy of cm is known by `name` (NULL →
 * its own name) from now until the program exits, in every thread, "_r" and ":N" forms
 * included; cm itself stays the caller's. ND_EVALUE when the name is already a colormap
 * (built-in or registered: names are never replaced, so figures that use one stay valid),
 * is empty, holds ':' or is over 79 characters. */
NPLOT_API nd_status nplot_colormap_register(const nplot_colormap *cm, const char *name);
/* Free a colormap object (NULL is a no-op); registered copies are not affected. */
NPLOT_API void nplot_colormap_free(nplot_colormap *cm);

/* ---- norms (matplotlib.colors.Normalize and friends) ------------------------------------- */
/* A norm maps data values to the [0, 1] colormap position (BoundaryNorm and NoNorm to
 * colormap indices). Pass one as .norm to any color-mapped function (imshow, matshow,
 * pcolormesh, hexbin, hist2d, scatter with c, plot_surface); nplot_colorbar then shows the
 * colormap in the norm's terms (a log axis for LogNorm, a symlog axis for SymLogNorm,
 * one segment per region of a BoundaryNorm). Build one with the macros below, e.g.
 * .norm = NPLOT_LOGNORM(.vmin = 1, .vmax = 1e3). NaN data is masked (the colormap's bad
 * color, or the function's .bad where it has one); values below vmin take the under
 * color, above vmax the over color. */
typedef enum nplot_norm_kind {
    NPLOT_NORM_LINEAR = 0, /* Normalize(vmin, vmax, clip) */
    NPLOT_NORM_LOG,        /* LogNorm: base-10 log; values <= 0 are masked */
    NPLOT_NORM_SYMLOG,     /* SymLogNorm(linthresh, linscale, base) */
    NPLOT_NORM_POWER,      /* PowerNorm(gamma) */
    NPLOT_NORM_TWOSLOPE,   /* TwoSlopeNorm(vcenter): vmin → 0, vcenter → 0.5, vmax → 1 */
    NPLOT_NORM_CENTERED,   /* CenteredNorm(vcenter, halfrange) */
    NPLOT_NORM_ASINH,      /* AsinhNorm(linear_width) */
    NPLOT_NORM_BOUNDARY,   /* BoundaryNorm(boundaries, ncolors, extend): colormap indices */
    NPLOT_NORM_NONE        /* NoNorm: the data are colormap indices (rounded down) */
} nplot_norm_kind;
typedef struct nplot_norm {
    nplot_norm_kind kind;
    /* vmin == vmax (both 0 when left out) → both from the data (matplotlib's
     * autoscale_None: LogNorm from the positive values only); NaN → that one from the
     * data. Ignored by CenteredNorm (vcenter +- halfrange) and BoundaryNorm (its
     * first and last boundaries). */
    double vmin, vmax;
    bool clip;             /* clip data to [vmin, vmax] first (no under/over colors) */
    double linthresh;      /* SymLogNorm: the linear range (-linthresh, linthresh), > 0 */
    double linscale;       /* SymLogNorm: decades per half of the linear range, 0 → 1 */
    double base;           /* SymLogNorm: 0 → 10 */
    double gamma;          /* PowerNorm: the exponent, > 0 */
    double vcenter;        /* TwoSlopeNorm, CenteredNorm: the value mapped to 0.5 */
    double halfrange;      /* CenteredNorm: 0 → the largest distance of the data from vcenter */
    double linear_width;   /* AsinhNorm: 0 → 1 */
    nplot_f64s boundaries; /* BoundaryNorm: at least 2 increasing edges (256 at most) */
    int ncolors;           /* BoundaryNorm: colormap entries used (at least the regions) */
    const char *extend;    /* BoundaryNorm: "neither" (NULL), "both", "min", "max" */
} nplot_norm;
#define NPLOT_NORMALIZE(...) (&(const nplot_norm){ .kind = NPLOT_NORM_LINEAR, __VA_ARGS__ })
#define NPLOT_LOGNORM(...) (&(const nplot_norm){ .kind = NPLOT_NORM_LOG, __VA_ARGS__ })
#define NPLOT_SYMLOGNORM(...) (&(const nplot_norm){ .kind = NPLOT_NORM_SYMLOG, __VA_ARGS__ })
#define NPLOT_POWERNORM(...) (&(const nplot_norm){ .kind = NPLOT_NORM_POWER, __VA_ARGS__ })
#define NPLOT_TWOSLOPENORM(...) (&(const nplot_norm){ .kind = NPLOT_NORM_TWOSLOPE, __VA_ARGS__ })
#define NPLOT_CENTEREDNORM(...) (&(const nplot_norm){ .kind = NPLOT_NORM_CENTERED, __VA_ARGS__ })
#define NPLOT_ASINHNORM(...) (&(const nplot_norm){ .kind = NPLOT_NORM_ASINH, __VA_ARGS__ })
#define NPLOT_BOUNDARYNORM(...) (&(const nplot_norm){ .kind = NPLOT_NORM_BOUNDARY, __VA_ARGS__ })
#define NPLOT_NONORM(...) (&(const nplot_norm){ .kind = NPLOT_NORM_NONE, __VA_ARGS__ })
/* norm(values) as matplotlib computes it on a fresh norm: the unset limits are
 * autoscaled from `values` (n of them), then out[i] is the normalized value (the
 * colormap index for BoundaryNorm / NoNorm) or NaN where matplotlib masks it (NaN input,
 * LogNorm of values <= 0). Both arrays may be the same. ND_EVALUE with matplotlib's
 * message for an invalid norm (LogNorm with vmin <= 0, boundaries not increasing, ...). */
NPLOT_API nd_status nplot_norm_apply(const nplot_norm *norm, const double *values, size_t n,
                                     double *out);
/* norm.inverse(t) after autoscaling from values[0..nvalues): data values for normalized
 * positions t (n of them) into out. ND_EVALUE for BoundaryNorm ("not invertible"). */
NPLOT_API nd_status nplot_norm_inverse(const nplot_norm *norm, const double *values,
                                       size_t nvalues, const double *t, size_t n, double *out);

/* ---- styles ---------------------------------------------------------------------- */
/* Apply a style sheet to this thread's rc table (plt.style.use): the sheet's values replace
 * those it names, the others stay; "default" resets the table (plt.rcdefaults). Every sheet
 * matplotlib 3.6 ships is compiled in from its .mplstyle file: "classic", "fast", "ggplot",
 * "bmh", "dark_background", "grayscale", "fivethirtyeight", "Solarize_Light2",
 * "tableau-colorblind10", "seaborn-v0_8" and its 15 variants ("seaborn-v0_8-whitegrid", ...;
 * the old "seaborn-X" names too). Keys of a sheet numc does not draw are skipped.
 * ND_EVALUE naming the style and close matches if unknown (the table is unchanged). */
NPLOT_API nd_status nplot_style_use(const char *name);

/* ---- rcParams ----------------------------------------------------------------------- */
/* The thread's rc table (matplotlib.rcParams): matplotlib's key names and value types, with
 * matplotlib 3.6's defaults. A figure takes the table's values when it is created
 * (nplot_figure_new: figure.figsize, figure.dpi, fonts, colors, ticks, lines...), so
 * changes apply to figures created afterwards on the same thread. The keys numc draws:
 *   axes.axisbelow axes.edgecolor axes.facecolor axes.grid axes.labelcolor axes.labelpad
 *   axes.labelsize axes.linewidth axes.prop_cycle axes.spines.{bottom,left,right,top}
 *   axes.titlepad axes.titlesize axes.titleweight axes.unicode_minus axes.xmargin
 *   axes.ymargin figure.dpi figure.facecolor figure.figsize font.family font.monospace
 *   font.sans-serif font.serif font.size grid.alpha grid.color grid.linestyle
 *   grid.linewidth image.cmap legend.edgecolor legend.facecolor legend.fontsize
 *   legend.framealpha legend.frameon lines.linestyle lines.linewidth lines.markersize
 *   patch.facecolor path.effects path.sketch savefig.dpi savefig.facecolor text.color, and
 *   for xtick (ytick): bottom top (left right)
 *   color direction labelbottom labeltop (labelleft labelright) labelsize major.pad
 *   major.size major.width minor.pad minor.size minor.width.
 * Errors: ND_EVALUE for an unknown key (the message lists close matches, or says the key is
 * one of matplotlib's that numc does not use) and for a value of the wrong type (the message
 * names the key and the type expected); the table is then unchanged. */

/* rcParams[key] = value with the value as matplotlibrc text: "12", "True", "#b0b0b0",
 * "large", "6.4, 4.8", "cycler('color', ['r', 'g'])", "DejaVu Serif, serif", ... */
NPLOT_API nd_status nplot_rc_set(const char *key, const char *value);
/* rcParams[key] = number (number keys and font sizes, savefig.dpi). */
NPLOT_API nd_status nplot_rc_set_float(const char *key, double value);
/* rcParams[key] = bool (bool keys and axes.axisbelow). */
NPLOT_API nd_status nplot_rc_set_bool(const char *key, bool value);
/* The value of key as rc text into buf (cap bytes with the NUL; ND_EVALUE if too small). */
NPLOT_API nd_status nplot_rc_get(const char *key, char *buf, size_t cap);
/* A number key; a font size key gives points (a relative size like "large" scaled by
 * font.size, as it is drawn); savefig.dpi 'figure' gives figure.dpi. ND_EVALUE for a key
 * of another type. */
NPLOT_API nd_status nplot_rc_get_float(const char *key, double *out);
/* The numbers of a key: figure.figsize gives 2 (width, height); a number key 1. *n gets the
 * count; ND_EVALUE if cap is smaller. */
NPLOT_API nd_status nplot_rc_get_floats(const char *key, double *out, size_t cap, size_t *n);
/* A bool key. */
NPLOT_API nd_status nplot_rc_get_bool(const char *key, bool *out);
/* A color key (1 color: 'inherit' and "C0" resolved) or axes.prop_cycle (its colors); *n
 * gets the count, ND_EVALUE if cap is smaller. */
NPLOT_API nd_status nplot_rc_get_colors(const char *key, nplot_rgba *out, size_t cap, size_t *n);
/* The i-th key name (sorted), NULL past the last. */
NPLOT_API const char *nplot_rc_key(size_t i);
/* The i-th style name for nplot_style_use ("default" first), NULL past the last. */
NPLOT_API const char *nplot_style_name(size_t i);
/* Reset the thread's table to matplotlib's defaults (plt.rcdefaults()). */
NPLOT_API void nplot_rc_defaults(void);
/* `with plt.rc_context():` — push saves the thread's table, pop restores the last saved one
 * (ND_EVALUE if there is none). Pairs nest; ND_ENOMEM if the copy cannot be allocated. */
NPLOT_API nd_status nplot_rc_context_push(void);
NPLOT_API nd_status nplot_rc_context_pop(void);
/* matplotlib.rc_file(path): apply a matplotlibrc-format file — "key: value" lines, '#'
 * comments (not inside double quotes), values optionally in double quotes. Keys matplotlib
 * knows but numc does not draw are skipped. All or nothing: on an error (message with
 * file:line and the key) the table is unchanged. ND_EIO if the file cannot be read. */
NPLOT_API nd_status nplot_rc_file(const char *path);
/* The same for matplotlibrc text in memory (lines separated by '\n'). */
NPLOT_API nd_status nplot_rc_load_text(const char *text);

/* ---- figures ----------------------------------------------------------------------- */
typedef struct nplot_figure_opts {
    int _; /* reserved: leave it out (lets an empty option list compile) */
    double width, height;  /* inches; 0 → 6.4 × 4.8; negative or non-finite is an error */
    double dpi;            /* 0 → 100 */
    const char *facecolor; /* NULL → the style's (white) */
    const char *style;     /* NULL → the thread's current style (nplot_style_use) */
    const char *layout;    /* "constrained", "compressed", "tight" or "none" (NULL): the layout
                              engine run at draw time (nplot_figure_set_layout_engine) */
} nplot_figure_opts;
/* A new empty figure (free with nplot_figure_free), or NULL with ND_EVALUE for a bad
 * size, dpi, color or style. */
NPLOT_API nplot_figure *nplot_figure_new_(const nplot_figure_opts *o);
#define nplot_figure_new(...) nplot_figure_new_(&(nplot_figure_opts){ 0, __VA_ARGS__ })
/* A head start for the first figure: loads fonts (fontconfig's configuration and cache,
 * the default font) on a background thread and returns at once, so that a program that
 * reads its data first does not wait for them at its first savefig (nplot and
 * numc.pyplot call it at start-up). Calling it again, or after a figure was rendered,
 * does nothing; if the thread cannot start, fonts load at the first render as usual. */
NPLOT_API void nplot_prewarm(void);
/* Free a figure, its axes and artists. NULL is a no-op. */
NPLOT_API void nplot_figure_free(nplot_figure *fig);
/* The sticky status (ND_OK until a call on the figure or its axes failed) and the
 * message of the first failure ("" if none). */
NPLOT_API nd_status nplot_figure_status(const nplot_figure *fig);
NPLOT_API const char *nplot_figure_errmsg(const nplot_figure *fig);
/* Change size (inches, both > 0) or dpi (> 0). */
NPLOT_API nd_status nplot_figure_set_size_inches(nplot_figure *fig, double width, double height);
NPLOT_API nd_status nplot_figure_set_dpi(nplot_figure *fig, double dpi);
/* Size of the rendered PNG / RGBA buffer in pixels. */
NPLOT_API nd_status nplot_figure_pixel_size(const nplot_figure *fig, int *width, int *height);

/* ---- axes creation -------------------------------------------------------------------- */
/* matplotlib's fig.add_subplot(nrows, ncols, index) with 1-based index. */
NPLOT_API nplot_axes *nplot_subplot(nplot_figure *fig, int nrows, int ncols, int index);

typedef enum nplot_share {
    NPLOT_SHARE_NONE = 0, NPLOT_SHARE_ALL = 1, NPLOT_SHARE_ROW = 2, NPLOT_SHARE_COL = 3
} nplot_share;
typedef struct nplot_subplots_opts {
    int _; /* reserved: leave it out (lets an empty option list compile) */
    nplot_share sharex, sharey; /* `true` works as NPLOT_SHARE_ALL */
} nplot_subplots_opts;
/* plt.subplots: writes nrows*ncols axes to axs[] in row-major order. Shared axes have
 * common limits and only the outer ones show tick labels. */
NPLOT_API nd_status nplot_subplots_(nplot_figure *fig, int nrows, int ncols, nplot_axes **axs,
                                         const nplot_subplots_opts *o);
#define nplot_subplots(...) nplot__kw_subplots(__VA_ARGS__, )
#define nplot__kw_subplots(fig, nrows, ncols, axs, ...) \
    nplot_subplots_((fig), (nrows), (ncols), (axs), &(nplot_subplots_opts){ 0, __VA_ARGS__ })
/* fig.add_axes([left, bottom, width, height]) in figure fractions. */
NPLOT_API nplot_axes *nplot_add_axes(nplot_figure *fig, double left, double bottom, double width,
                                     double height);

typedef struct nplot_gridspec_opts {
    int _; /* reserved: leave it out (lets an empty option list compile) */
    nplot_f64s width_ratios;  /* exactly ncols entries; not given → equal */
    nplot_f64s height_ratios; /* exactly nrows entries */
    double left, right, bottom, top, wspace, hspace; /* 0 → the figure's subplot params */
} nplot_gridspec_opts;
/* A grid to place subplots spanning cells (owned by the figure). */
NPLOT_API nplot_gridspec *nplot_gridspec_new_(nplot_figure *fig, int nrows, int ncols,
                                                  const nplot_gridspec_opts *o);
#define nplot_gridspec_new(...) nplot__kw_gridspec_new(__VA_ARGS__, )
#define nplot__kw_gridspec_new(fig, nrows, ncols, ...) \
    nplot_gridspec_new_((fig), (nrows), (ncols), &(nplot_gridspec_opts){ 0, __VA_ARGS__ })
/* fig.add_subplot(gs[spec]) where spec uses NumPy syntax for the two grid axes:
 * "0, :", "1:, -1", "0:2, 1". ND_EPARSE / ND_EINDEX name the spec. */
NPLOT_API nplot_axes *nplot_gridspec_subplot(nplot_gridspec *gs, const char *spec);

typedef struct nplot_adjust_opts {
    int _; /* reserved: leave it out (lets an empty option list compile) */
    double left, right, bottom, top, wspace, hspace; /* 0 → unchanged */
} nplot_adjust_opts;
/* fig.subplots_adjust (defaults .125 .9 .11 .88 .2 .2). */
NPLOT_API nd_status nplot_subplots_adjust_(nplot_figure *fig, const nplot_adjust_opts *o);
#define nplot_subplots_adjust(...) nplot__kw_subplots_adjust(__VA_ARGS__, )
#define nplot__kw_subplots_adjust(fig, ...) \
    nplot_subplots_adjust_((fig), &(nplot_adjust_opts){ 0, __VA_ARGS__ })

typedef struct nplot_tight_opts {
    int _; /* reserved: leave it out (lets an empty option list compile) */
    double pad;          /* in font sizes, 0 → 1.08 */
    double h_pad, w_pad; /* 0 → pad */
} nplot_tight_opts;
/* fig.tight_layout: at draw time, fit subplot params so tick labels, axis labels and
 * titles are neither clipped nor overlapping. */
NPLOT_API nd_status nplot_tight_layout_(nplot_figure *fig, const nplot_tight_opts *o);
#define nplot_tight_layout(...) nplot__kw_tight_layout(__VA_ARGS__, )
#define nplot__kw_tight_layout(fig, ...) \
    nplot_tight_layout_((fig), &(nplot_tight_opts){ 0, __VA_ARGS__ })

/* ---- text options (text, titles, labels, annotations) ---------------------------------- */
/* A list of path effects for the .path_effects options (nplot_path_effect and the
 * NPLOT_PATH_EFFECTS macro are under "path effects and sketch"): n effects at v. */
struct nplot_path_effect;
typedef struct nplot_path_effects {
    size_t n;
    const struct nplot_path_effect *v;
} nplot_path_effects;
typedef struct nplot_text_opts {
    int _; /* reserved: leave it out (lets an empty option list compile) */
    double fontsize;      /* points; 0 → 10 (titles 12) */
    const char *color;
    const char *weight;   /* "normal", "bold", "light", "heavy" or "100".."900" */
    const char *style;    /* "normal", "italic", "oblique" */
    const char *family;   /* NULL → "DejaVu Sans" (fontconfig falls back per glyph) */
    const char *ha;       /* "left", "center", "right" */
    const char *va;       /* "baseline", "bottom", "center", "top", "center_baseline";
                             axis labels: NULL → toward the axes ("top" below it, "bottom"
                             left of it...) */
    double rotation;      /* degrees, counter-clockwise; axis labels: 0 → 0 (x) or 90 (y),
                             NPLOT_ZERO for horizontal. An axis label given a rotation or a
                             va is placed as matplotlib's (rotation_mode "anchor" about its
                             point beside the tick labels; both stay for later calls): a
                             colorbar's .rotation = -90, .va = "bottom" reads downward */
    double alpha;
    const char *coords;   /* text: "data" (default), "axes", "figure" */
    const char *loc;      /* titles: "center", "left", "right"; labels: "center"... */
    double pad;           /* titles: 6 pt; axis labels: labelpad 4 pt */
    double zorder;
    const char *bbox;     /* NULL (no box) or a matplotlib boxstyle string: "square", "circle",
                             "larrow", "rarrow", "darrow", "round", "round4", "sawtooth",
                             "roundtooth", with parameters "round,pad=0.5,rounding_size=0.2"
                             (pad, rounding_size, tooth_size in font sizes; pad 0.3) */
    const char *bbox_color; /* box face (NULL → white) */
    /* ---- box edge, rotation_mode and multi-line alignment (matplotlib Text) ---- */
    const char *bbox_edgecolor; /* NULL → black; "none" for no edge */
    double bbox_alpha;          /* alpha of the box face and edge, 0 → 1 */
    const char *bbox_linestyle; /* "-" (default), "--", ":", "-." */
    double bbox_linewidth;      /* points, 0 → 1 */
    const char *rotation_mode;  /* "default" (NULL: the rotated text's bounding box is aligned
                                   by ha / va) or "anchor" (aligned unrotated, then rotated
                                   about its anchor point) */
    const char *multialignment; /* lines of multi-line text: "left", "center", "right";
                                   NULL → as ha (matplotlib) */
    nplot_path_effects path_effects; /* text, annotations, titles, axis labels (effects2) */
} nplot_text_opts;

/* ---- lines -------------------------------------------------------------------------- */
typedef struct nplot_line_opts {
    int _; /* reserved: leave it out (lets an empty option list compile) */
    const char *fmt;        /* "ko--", "r.-", "-o", "C2:" ... */
    const char *color;
    const char *label;      /* legend entry (labels starting with '_' are hidden) */
    double linewidth;       /* points, 0 → 1.5 */
    const char *linestyle;  /* "-", "--", "-.", ":", "None", or "solid"... */
    nplot_f64s dashes;      /* on/off lengths in points, an even count up to 16
                               (overrides linestyle) */
    const char *marker;     /* . , o s ^ v < > d D p h H * + x X | _ 8 P 1 2 3 4, "None", and
                               matplotlib's integer markers 0..11 by name: "tickleft",
                               "tickright", "tickup", "tickdown" (markersize long from the
                               point), "caretleft", "caretright", "caretup", "caretdown" and
                               the "...base" forms (filled, tip or base on the point) */
    double markersize;      /* points, 0 → 6 */
    const char *markerfacecolor, *markeredgecolor;
    double markeredgewidth; /* 0 → 1 */
    int markevery;          /* draw every n-th marker */
    double alpha;
    double zorder;          /* 0 → 2 */
    const char *drawstyle;  /* "default", "steps-pre", "steps-mid", "steps-post" */
    const char *where;      /* step(): "pre" (default), "post", "mid" */
    /* marker also takes "$...$" (mathtext, scaled so its larger side is markersize) and
     * "(numsides, style[, angle])" (style 0 polygon, 1 star, 2 asterisk) */
    nplot_f64s marker_verts; /* custom marker: x0, y0, x1, y1, ... (an even count), scaled
                                by 0.5 / max |coordinate| (leave marker out) */
    const char *fillstyle;  /* "full" (default), "left", "right", "bottom", "top", "none" */
    const char *markerfacecoloralt; /* the other half's colour (NULL → "none") */
} nplot_line_opts;

/* ax.plot(x, y). x NULL → 0..n-1. y may be 2-D (n, k): one line per column, x 1-D of
 * length n. Any dtype. NaN makes gaps. ND_ESHAPE when lengths differ; ND_EVALUE for a bad
 * format string, color or marker (the message names it). */
NPLOT_API nd_status nplot_plot_(nplot_axes *ax, const nd_array *x, const nd_array *y,
                                     const nplot_line_opts *o);
#define nplot_plot(...) nplot__kw_plot(__VA_ARGS__, )
#define nplot__kw_plot(ax, x, y, ...) \
    nplot_plot_((ax), (x), (y), &(nplot_line_opts){ 0, __VA_ARGS__ })
/* The same from C arrays of n doubles (x NULL → 0..n-1). */
NPLOT_API nd_status nplot_plot_xy_(nplot_axes *ax, const double *x, const double *y, size_t n,
                                        const nplot_line_opts *o);
#define nplot_plot_xy(...) nplot__kw_plot_xy(__VA_ARGS__, )
#define nplot__kw_plot_xy(ax, x, y, n, ...) \
    nplot_plot_xy_((ax), (x), (y), (n), &(nplot_line_opts){ 0, __VA_ARGS__ })
/* ax.step(x, y, where=...): a line drawn as a staircase. */
NPLOT_API nd_status nplot_step_(nplot_axes *ax, const nd_array *x, const nd_array *y,
                                     const nplot_line_opts *o);
#define nplot_step(...) nplot__kw_step(__VA_ARGS__, )
#define nplot__kw_step(ax, x, y, ...) \
    nplot_step_((ax), (x), (y), &(nplot_line_opts){ 0, __VA_ARGS__ })
NPLOT_API nd_status nplot_step_xy_(nplot_axes *ax, const double *x, const double *y, size_t n,
                                        const nplot_line_opts *o);
#define nplot_step_xy(...) nplot__kw_step_xy(__VA_ARGS__, )
#define nplot__kw_step_xy(ax, x, y, n, ...) \
    nplot_step_xy_((ax), (x), (y), (n), &(nplot_line_opts){ 0, __VA_ARGS__ })

/* ---- reference lines and spans ------------------------------------------------------ */
typedef struct nplot_refline_opts {
    int _; /* reserved: leave it out (lets an empty option list compile) */
    const char *color;
    const char *linestyle;
    double linewidth;
    double alpha;
    const char *label;
    double zorder;
    double min, max;        /* axes fraction along the line: 0 and (0 →) 1 */
    const char *facecolor;  /* spans */
    const char *edgecolor;  /* spans: NULL → none */
} nplot_refline_opts;
NPLOT_API nd_status nplot_axhline_(nplot_axes *ax, double y, const nplot_refline_opts *o);
NPLOT_API nd_status nplot_axvline_(nplot_axes *ax, double x, const nplot_refline_opts *o);
NPLOT_API nd_status nplot_axhspan_(nplot_axes *ax, double ymin, double ymax,
                                        const nplot_refline_opts *o);
NPLOT_API nd_status nplot_axvspan_(nplot_axes *ax, double xmin, double xmax,
                                        const nplot_refline_opts *o);
#define nplot_axhline(...) nplot__kw_axhline(__VA_ARGS__, )
#define nplot__kw_axhline(ax, y, ...) nplot_axhline_((ax), (y), &(nplot_refline_opts){ 0, __VA_ARGS__ })
#define nplot_axvline(...) nplot__kw_axvline(__VA_ARGS__, )
#define nplot__kw_axvline(ax, x, ...) nplot_axvline_((ax), (x), &(nplot_refline_opts){ 0, __VA_ARGS__ })
#define nplot_axhspan(...) nplot__kw_axhspan(__VA_ARGS__, )
#define nplot__kw_axhspan(ax, y0, y1, ...) \
    nplot_axhspan_((ax), (y0), (y1), &(nplot_refline_opts){ 0, __VA_ARGS__ })
#define nplot_axvspan(...) nplot__kw_axvspan(__VA_ARGS__, )
#define nplot__kw_axvspan(ax, x0, x1, ...) \
    nplot_axvspan_((ax), (x0), (x1), &(nplot_refline_opts){ 0, __VA_ARGS__ })

/* ---- scatter -------------------------------------------------------------------------- */
typedef struct nplot_scatter_opts {
    int _; /* reserved: leave it out (lets an empty option list compile) */
    double s;                 /* marker area in points², 0 → 36 */
    const nd_array *sizes;    /* per-point areas (length n) */
    nplot_f64s sizes_f64;     /* the same as a C array: exactly n values */
    const char *color;        /* one color for all points */
    const nd_array *c;        /* per-point values mapped through cmap */
    nplot_f64s c_f64;         /* the same as a C array: exactly n values */
    const char *cmap;         /* NULL → viridis */
    double vmin, vmax;        /* equal → the data range */
    const nplot_norm *norm;   /* NULL → Normalize(vmin, vmax); with a norm leave
                                 vmin/vmax out (ND_EVALUE otherwise) */
    const char *marker;       /* NULL → "o" */
    double alpha;
    const char *edgecolors;   /* NULL → "face"; "none"; a color */
    double linewidths;        /* edge width in points, 0 → 1.5 */
    const char *label;
    double zorder;            /* 0 → 1 */
    /* marker also takes "$...$" and "(numsides, style[, angle])" as nplot_line_opts */
    nplot_f64s marker_verts;  /* custom marker: x0, y0, x1, y1, ... as nplot_line_opts */
    const char *fillstyle;    /* as nplot_line_opts; half styles draw the face half only */
} nplot_scatter_opts;
/* ax.scatter(x, y). ND_ESHAPE on length mismatches. */
NPLOT_API nd_status nplot_scatter_(nplot_axes *ax, const nd_array *x, const nd_array *y,
                                        const nplot_scatter_opts *o);
#define nplot_scatter(...) nplot__kw_scatter(__VA_ARGS__, )
#define nplot__kw_scatter(ax, x, y, ...) \
    nplot_scatter_((ax), (x), (y), &(nplot_scatter_opts){ 0, __VA_ARGS__ })
NPLOT_API nd_status nplot_scatter_xy_(nplot_axes *ax, const double *x, const double *y,
                                           size_t n, const nplot_scatter_opts *o);
#define nplot_scatter_xy(...) nplot__kw_scatter_xy(__VA_ARGS__, )
#define nplot__kw_scatter_xy(ax, x, y, n, ...) \
    nplot_scatter_xy_((ax), (x), (y), (n), &(nplot_scatter_opts){ 0, __VA_ARGS__ })

/* ---- string categories (issue 20) ----------------------------------------------------- */
/* ax.plot(["a", "b", "c"], y, "ko-") and the like: an axis given strings becomes categorical
 * as matplotlib's (StrCategoryConverter): each label not yet on that axis takes the next
 * position 0, 1, 2, ... in first-seen order (shared with nplot_bar_cat on the same axis),
 * and the axis is ticked at the categories with the labels. _cat: x strings; _caty: y
 * strings; _cats: both. ND_EVALUE for NULL labels; the options are plot's / scatter's. */
NPLOT_API nd_status nplot_plot_cat_(nplot_axes *ax, const char *const *x, const double *y, size_t n,
                                    const nplot_line_opts *o);
#define nplot_plot_cat(...) nplot__kw_plot_cat(__VA_ARGS__, )
#define nplot__kw_plot_cat(ax, x, y, n, ...) \
    nplot_plot_cat_((ax), (x), (y), (n), &(nplot_line_opts){ 0, __VA_ARGS__ })
NPLOT_API nd_status nplot_plot_caty_(nplot_axes *ax, const double *x, const char *const *y, size_t n,
                                     const nplot_line_opts *o);
#define nplot_plot_caty(...) nplot__kw_plot_caty(__VA_ARGS__, )
#define nplot__kw_plot_caty(ax, x, y, n, ...) \
    nplot_plot_caty_((ax), (x), (y), (n), &(nplot_line_opts){ 0, __VA_ARGS__ })
NPLOT_API nd_status nplot_plot_cats_(nplot_axes *ax, const char *const *x, const char *const *y,
                                     size_t n, const nplot_line_opts *o);
#define nplot_plot_cats(...) nplot__kw_plot_cats(__VA_ARGS__, )
#define nplot__kw_plot_cats(ax, x, y, n, ...) \
    nplot_plot_cats_((ax), (x), (y), (n), &(nplot_line_opts){ 0, __VA_ARGS__ })
NPLOT_API nd_status nplot_scatter_cat_(nplot_axes *ax, const char *const *x, const double *y,
                                       size_t n, const nplot_scatter_opts *o);
#define nplot_scatter_cat(...) nplot__kw_scatter_cat(__VA_ARGS__, )
#define nplot__kw_scatter_cat(ax, x, y, n, ...) \
    nplot_scatter_cat_((ax), (x), (y), (n), &(nplot_scatter_opts){ 0, __VA_ARGS__ })
NPLOT_API nd_status nplot_scatter_caty_(nplot_axes *ax, const double *x, const char *const *y,
                                        size_t n, const nplot_scatter_opts *o);
#define nplot_scatter_caty(...) nplot__kw_scatter_caty(__VA_ARGS__, )
#define nplot__kw_scatter_caty(ax, x, y, n, ...) \
    nplot_scatter_caty_((ax), (x), (y), (n), &(nplot_scatter_opts){ 0, __VA_ARGS__ })

/* ---- filled areas ---------------------------------------------------------------------- */
typedef struct nplot_fill_opts {
    int _; /* reserved: leave it out (lets an empty option list compile) */
    const char *color;      /* face and edge */
    const char *facecolor;
    const char *edgecolor;
    double linewidth;       /* 0 → no visible edge for fill_between, 1 for fill */
    double alpha;
    const char *label;
    double zorder;
    double y2;              /* fill_between with y2 NULL: the constant baseline (0) */
    const nd_array *where;  /* fill_between: bool mask (length n) */
    const bool *where_b;    /* the same as a C array */
    bool interpolate;       /* fill_between: cut masked regions at the crossing */
    const char *step;       /* fill_between: "pre", "post", "mid" */
    const char *hatch;      /* hatch pattern (nplot_bar_opts.hatch), in the edge color or black */
    double hatch_linewidth; /* points, 0 → 1 */
    nplot_path_effects path_effects; /* the fill's path effects (effects2) */
} nplot_fill_opts;
/* ax.fill(x, y): a closed polygon. */
NPLOT_API nd_status nplot_fill_(nplot_axes *ax, const nd_array *x, const nd_array *y,
                                     const nplot_fill_opts *o);
#define nplot_fill(...) nplot__kw_fill(__VA_ARGS__, )
#define nplot__kw_fill(ax, x, y, ...) nplot_fill_((ax), (x), (y), &(nplot_fill_opts){ 0, __VA_ARGS__ })
/* ax.fill_between(x, y1, y2): y2 NULL → the constant .y2. */
NPLOT_API nd_status nplot_fill_between_(nplot_axes *ax, const nd_array *x, const nd_array *y1,
                                             const nd_array *y2, const nplot_fill_opts *o);
#define nplot_fill_between(...) nplot__kw_fill_between(__VA_ARGS__, )
#define nplot__kw_fill_between(ax, x, y1, y2, ...) \
    nplot_fill_between_((ax), (x), (y1), (y2), &(nplot_fill_opts){ 0, __VA_ARGS__ })
NPLOT_API nd_status nplot_fill_xy_(nplot_axes *ax, const double *x, const double *y, size_t n,
                                        const nplot_fill_opts *o);
#define nplot_fill_xy(...) nplot__kw_fill_xy(__VA_ARGS__, )
#define nplot__kw_fill_xy(ax, x, y, n, ...) \
    nplot_fill_xy_((ax), (x), (y), (n), &(nplot_fill_opts){ 0, __VA_ARGS__ })
NPLOT_API nd_status nplot_fill_between_xy_(nplot_axes *ax, const double *x, const double *y1,
                                                const double *y2, size_t n, const nplot_fill_opts *o);
#define nplot_fill_between_xy(...) nplot__kw_fill_between_xy(__VA_ARGS__, )
#define nplot__kw_fill_between_xy(ax, x, y1, y2, n, ...) \
    nplot_fill_between_xy_((ax), (x), (y1), (y2), (n), &(nplot_fill_opts){ 0, __VA_ARGS__ })

/* ---- errorbar and stem ------------------------------------------------------------------ */
typedef struct nplot_errorbar_opts {
    int _; /* reserved: leave it out (lets an empty option list compile) */
    const nd_array *yerr, *xerr;    /* shape (n,) symmetric or (2, n) lower/upper */
    nplot_f64s yerr_f64, xerr_f64;  /* exactly n symmetric values */
    double yerr_value, xerr_value;  /* one symmetric value for all points */
    const char *fmt;                /* data line/markers; "none" draws only the bars */
    const char *color;
    const char *ecolor;             /* NULL → the line's color */
    double elinewidth;              /* 0 → the line width */
    double capsize;                 /* points, 0 → no caps */
    double capthick;
    const char *marker;
    double markersize;
    double linewidth;
    double alpha;
    const char *label;
    double zorder;
} nplot_errorbar_opts;
NPLOT_API nd_status nplot_errorbar_(nplot_axes *ax, const nd_array *x, const nd_array *y,
                                         const nplot_errorbar_opts *o);
#define nplot_errorbar(...) nplot__kw_errorbar(__VA_ARGS__, )
#define nplot__kw_errorbar(ax, x, y, ...) \
    nplot_errorbar_((ax), (x), (y), &(nplot_errorbar_opts){ 0, __VA_ARGS__ })
NPLOT_API nd_status nplot_errorbar_xy_(nplot_axes *ax, const double *x, const double *y, size_t n,
                                            const nplot_errorbar_opts *o);
#define nplot_errorbar_xy(...) nplot__kw_errorbar_xy(__VA_ARGS__, )
#define nplot__kw_errorbar_xy(ax, x, y, n, ...) \
    nplot_errorbar_xy_((ax), (x), (y), (n), &(nplot_errorbar_opts){ 0, __VA_ARGS__ })

typedef struct nplot_stem_opts {
    int _; /* reserved: leave it out (lets an empty option list compile) */
    const char *linefmt;   /* NULL → "C0-" */
    const char *markerfmt; /* NULL → "C0o" */
    const char *basefmt;   /* NULL → "C3-" */
    double bottom;
    const char *label;
    bool horizontal;       /* orientation='horizontal' */
} nplot_stem_opts;
NPLOT_API nd_status nplot_stem_(nplot_axes *ax, const nd_array *x, const nd_array *y,
                                     const nplot_stem_opts *o);
#define nplot_stem(...) nplot__kw_stem(__VA_ARGS__, )
#define nplot__kw_stem(ax, x, y, ...) \
    nplot_stem_((ax), (x), (y), &(nplot_stem_opts){ 0, __VA_ARGS__ })
NPLOT_API nd_status nplot_stem_xy_(nplot_axes *ax, const double *x, const double *y, size_t n,
                                        const nplot_stem_opts *o);
#define nplot_stem_xy(...) nplot__kw_stem_xy(__VA_ARGS__, )
#define nplot__kw_stem_xy(ax, x, y, n, ...) \
    nplot_stem_xy_((ax), (x), (y), (n), &(nplot_stem_opts){ 0, __VA_ARGS__ })

/* ---- text and annotations ------------------------------------------------------------- */
/* Text at (x, y) in .coords ("data", "axes" or "figure" fractions). Strings may contain
 * mathtext between $...$ (Greek letters, ^{sup}, _{sub}, \times, \pm, \sqrt...). */
NPLOT_API nd_status nplot_text_(nplot_axes *ax, double x, double y, const char *s,
                                     const nplot_text_opts *o);
#define nplot_text(...) nplot__kw_text(__VA_ARGS__, )
#define nplot__kw_text(ax, x, y, s, ...) \
    nplot_text_((ax), (x), (y), (s), &(nplot_text_opts){ 0, __VA_ARGS__ })
/* fig.text in figure fractions. */
NPLOT_API nd_status nplot_fig_text_(nplot_figure *fig, double x, double y, const char *s,
                                         const nplot_text_opts *o);
#define nplot_fig_text(...) nplot__kw_fig_text(__VA_ARGS__, )
#define nplot__kw_fig_text(fig, x, y, s, ...) \
    nplot_fig_text_((fig), (x), (y), (s), &(nplot_text_opts){ 0, __VA_ARGS__ })
NPLOT_API nd_status nplot_suptitle_(nplot_figure *fig, const char *s, const nplot_text_opts *o);
#define nplot_suptitle(...) nplot__kw_suptitle(__VA_ARGS__, )
#define nplot__kw_suptitle(fig, s, ...) nplot_suptitle_((fig), (s), &(nplot_text_opts){ 0, __VA_ARGS__ })

/* ---- subplot mosaic, sharing with any axes, nested grids, figure labels ------------------ */
typedef struct nplot_add_subplot_opts {
    int _; /* reserved: leave it out (lets an empty option list compile) */
    nplot_axes *sharex; /* NULL → own x axis; else share it with this axes (its limits, scale
                           and ticks), as add_subplot(..., sharex=other) */
    nplot_axes *sharey;
} nplot_add_subplot_opts;
/* fig.add_subplot(nrows, ncols, index, sharex=a, sharey=b): nplot_subplot with the axes
 * joining a's x group and b's y group (see nplot_sharex). No tick labels are hidden
 * (matplotlib hides them only for plt.subplots and subplot_mosaic). ND_EVALUE for an index
 * out of range or a share axes that is polar, 3-D, a colorbar or of another figure. */
NPLOT_API nplot_axes *nplot_add_subplot_(nplot_figure *fig, int nrows, int ncols, int index,
                                         const nplot_add_subplot_opts *o);
#define nplot_add_subplot(...) nplot__kw_add_subplot(__VA_ARGS__, )
#define nplot__kw_add_subplot(fig, nrows, ncols, index, ...) \
    nplot_add_subplot_((fig), (nrows), (ncols), (index), &(nplot_add_subplot_opts){ 0, __VA_ARGS__ })
/* fig.add_subplot(gs[spec], sharex=a, sharey=b); spec as nplot_gridspec_subplot's
 * (ND_EINDEX naming it when it is not a span of the grid). */
NPLOT_API nplot_axes *nplot_gridspec_add_subplot_(nplot_gridspec *gs, const char *spec,
                                                  const nplot_add_subplot_opts *o);
#define nplot_gridspec_add_subplot(...) nplot__kw_gridspec_add_subplot(__VA_ARGS__, )
#define nplot__kw_gridspec_add_subplot(gs, spec, ...) \
    nplot_gridspec_add_subplot_((gs), (spec), &(nplot_add_subplot_opts){ 0, __VA_ARGS__ })
/* ax.sharex(other) / ax.sharey(other): ax's axis joins other's group. The group has one
 * view (autoscaled over every member's data; set_xlim, set_xscale, invert on any member
 * apply to all) and one ticker: every member shows the ticks the group's first axes chose
 * for its own length (or the ticks set with nplot_set_xticks / a locator or formatter on a
 * member), as matplotlib's shared Ticker. Tick labels stay visible. Sharing with an axes
 * already in the group is a no-op; ND_EVALUE when ax's axis is already shared with
 * another group ("x-axis is already shared"), for polar, 3-D or colorbar axes and for axes
 * of two figures. */
NPLOT_API nd_status nplot_sharex(nplot_axes *ax, nplot_axes *other);
NPLOT_API nd_status nplot_sharey(nplot_axes *ax, nplot_axes *other);

/* gs[spec].subgridspec(nrows, ncols, wspace=, hspace=, width_ratios=, height_ratios=)
 * (GridSpecFromSubplotSpec): a grid filling the cells `spec` of gs, with its own spacing
 * (0 → the figure's wspace / hspace) and ratios; place axes in it with
 * nplot_gridspec_subplot. left/right/bottom/top cannot be given (ND_EVALUE); ND_EINDEX for
 * a bad spec. Owned by the figure. */
NPLOT_API nplot_gridspec *nplot_gridspec_subgridspec_(nplot_gridspec *gs, const char *spec,
                                                      int nrows, int ncols,
                                                      const nplot_gridspec_opts *o);
#define nplot_gridspec_subgridspec(...) nplot__kw_gridspec_subgridspec(__VA_ARGS__, )
#define nplot__kw_gridspec_subgridspec(gs, spec, nrows, ncols, ...) \
    nplot_gridspec_subgridspec_((gs), (spec), (nrows), (ncols), \
                                &(nplot_gridspec_opts){ 0, __VA_ARGS__ })

typedef struct nplot_mosaic nplot_mosaic;
typedef struct nplot_mosaic_opts {
    int _; /* reserved: leave it out (lets an empty option list compile) */
    bool sharex, sharey;      /* every axes shares with the first; tick labels only on the
                                 bottom row / first column of each grid */
    nplot_f64s width_ratios;  /* one per column of the layout (and of nested layouts) */
    nplot_f64s height_ratios; /* one per row */
    double left, right, bottom, top, wspace, hspace; /* gridspec_kw; 0 → the figure's;
                                 nested layouts take wspace / hspace */
    const char *empty;        /* empty_sentinel: NULL → "." */
} nplot_mosaic_opts;
/* fig.subplot_mosaic(layout): one axes per label of the layout, spanning the rectangle of
 * cells the label fills. layout is either a string, one row per ';'-separated part
 * ("AAB;CCB") or per line of a multi-line string (indentation removed as Python's
 * inspect.cleandoc), every character a label; or nested lists in Python syntax,
 * "[['A', [['B'], ['C']]], ['D', 'D']]" (labels quoted or bare words), where a cell that is
 * itself a 2-D list becomes a nested grid in that cell. Cells labelled `empty` stay empty.
 * The axes are created in the order of their upper-left cell, row by row. Returns the
 * mosaic (owned by the figure): look the axes up with nplot_mosaic_get. Errors (NULL, the
 * figure's sticky status): ND_EVALUE naming the label whose cells are not one rectangle,
 * for rows of different lengths, a duplicate label between levels, ratios of the wrong
 * count, an empty layout or one grid of more than 10000 cells; ND_EPARSE for malformed
 * list syntax. */
NPLOT_API nplot_mosaic *nplot_subplot_mosaic_(nplot_figure *fig, const char *layout,
                                              const nplot_mosaic_opts *o);
#define nplot_subplot_mosaic(...) nplot__kw_subplot_mosaic(__VA_ARGS__, )
#define nplot__kw_subplot_mosaic(fig, layout, ...) \
    nplot_subplot_mosaic_((fig), (layout), &(nplot_mosaic_opts){ 0, __VA_ARGS__ })
/* The axes labelled `label` (mosaic["A"]); NULL with ND_EVALUE (sticky) when there is none. */
NPLOT_API nplot_axes *nplot_mosaic_get(const nplot_mosaic *m, const char *label);
/* The number of axes, and the i-th label / axes in creation order (ND_EINDEX out of range). */
NPLOT_API int nplot_mosaic_count(const nplot_mosaic *m);
NPLOT_API const char *nplot_mosaic_label(const nplot_mosaic *m, int i);
NPLOT_API nplot_axes *nplot_mosaic_axes(const nplot_mosaic *m, int i);
/* ax.get_position(original=True).bounds after nplot_figure_draw: left, bottom, width,
 * height of the axes' cell (or add_axes rectangle) in figure fractions, unrounded; draws
 * the figure first when it changed. ND_EVALUE for a colorbar axes. */
NPLOT_API nd_status nplot_axes_get_position(nplot_axes *ax, double bounds[4]);

/* fig.supxlabel / fig.supylabel: one x (y) label for the whole figure, 12 pt, at figure
 * (0.5, 0.01) bottom-aligned (at (0.02, 0.5), left-aligned and rotated 90°) as matplotlib
 * 3.6; .ha, .va, .rotation (NPLOT_ZERO for 0) override. A second call replaces the label.
 * tight_layout leaves room for them. */
NPLOT_API nd_status nplot_supxlabel_(nplot_figure *fig, const char *s, const nplot_text_opts *o);
#define nplot_supxlabel(...) nplot__kw_supxlabel(__VA_ARGS__, )
#define nplot__kw_supxlabel(fig, s, ...) nplot_supxlabel_((fig), (s), &(nplot_text_opts){ 0, __VA_ARGS__ })
NPLOT_API nd_status nplot_supylabel_(nplot_figure *fig, const char *s, const nplot_text_opts *o);
#define nplot_supylabel(...) nplot__kw_supylabel(__VA_ARGS__, )
#define nplot__kw_supylabel(fig, s, ...) nplot_supylabel_((fig), (s), &(nplot_text_opts){ 0, __VA_ARGS__ })

/* ---- subfigures (matplotlib 3.6 Figure.subfigures / add_subfigure, SubFigure) ---------------- *
 * A subfigure is a region of its parent (the figure or another subfigure) with its own patch
 * (facecolor / edgecolor / linewidth), suptitle / supxlabel / supylabel, subplots placed
 * with its own subplot params relative to its box, and nested subfigures. It is owned by
 * the figure. Its box is fixed when it is made (its parent grid has left = bottom = 0,
 * right = top = 1); its axes are ordinary axes of the figure (nplot_axes_get_position gives
 * figure fractions). tight_layout leaves subfigures and their axes alone (nd_warn once),
 * as matplotlib's tight_layout, which only sees the figure's own axes. */
typedef struct nplot_subfigure nplot_subfigure;
typedef struct nplot_subfigure_opts {
    int _; /* reserved: leave it out (lets an empty option list compile) */
    double wspace, hspace;    /* subfigures: gap between subfigures as a fraction of the mean
                                 cell width / height; 0 → none, matplotlib 3.6's layout
                                 (3.6 ignores them without constrained layout; numc spaces
                                 the cells as a GridSpec(left=0, right=1, bottom=0, top=1)
                                 would, matplotlib >= 3.8's behaviour). Negative: ND_EVALUE */
    nplot_f64s width_ratios;  /* subfigures: exactly ncols positive entries; not given → equal */
    nplot_f64s height_ratios; /* subfigures: exactly nrows positive entries */
    const char *facecolor;    /* NULL → figure.facecolor ("white") */
    const char *edgecolor;    /* NULL → figure.edgecolor ("white") */
    double linewidth;         /* frame width in points; 0 → none */
    bool frameoff;            /* frameon=False: neither face nor frame is drawn */
} nplot_subfigure_opts;
/* fig.subfigures(nrows, ncols, wspace=, hspace=, width_ratios=, height_ratios=, facecolor=,
 * edgecolor=, linewidth=, frameon=): writes nrows*ncols subfigures to out[] in row-major
 * order. ND_EVALUE for a NULL figure / out, a bad grid, ratios of the wrong length or not
 * positive, negative spacing, an unknown color. */
NPLOT_API nd_status nplot_subfigures_(nplot_figure *fig, int nrows, int ncols,
                                      nplot_subfigure **out, const nplot_subfigure_opts *o);
#define nplot_subfigures(...) nplot__kw_subfigures(__VA_ARGS__, )
#define nplot__kw_subfigures(fig, nrows, ncols, out, ...) \
    nplot_subfigures_((fig), (nrows), (ncols), (out), &(nplot_subfigure_opts){ 0, __VA_ARGS__ })
/* subfig.subfigures(...): nested subfigures of sf, as nplot_subfigures. */
NPLOT_API nd_status nplot_subfig_subfigures_(nplot_subfigure *sf, int nrows, int ncols,
                                             nplot_subfigure **out, const nplot_subfigure_opts *o);
#define nplot_subfig_subfigures(...) nplot__kw_subfig_subfigures(__VA_ARGS__, )
#define nplot__kw_subfig_subfigures(sf, nrows, ncols, out, ...) \
    nplot_subfig_subfigures_((sf), (nrows), (ncols), (out), &(nplot_subfigure_opts){ 0, __VA_ARGS__ })
/* fig.add_subfigure(gs[spec]) (or subfig.add_subfigure when gs came from
 * nplot_subfig_gridspec_new): a subfigure on the cells spec (nplot_gridspec_subplot's
 * syntax) of gs. As matplotlib 3.6 the box is the cells' share of the gs's width and height
 * ratios of the parent's box: gs's left/right/bottom/top/wspace/hspace do not move it.
 * width_ratios / height_ratios / wspace / hspace cannot be given (ND_EVALUE), nor a grid
 * from nplot_gridspec_subgridspec; ND_EPARSE / ND_EINDEX for a bad spec. NULL on error. */
NPLOT_API nplot_subfigure *nplot_add_subfigure_(nplot_gridspec *gs, const char *spec,
                                                const nplot_subfigure_opts *o);
#define nplot_add_subfigure(...) nplot__kw_add_subfigure(__VA_ARGS__, )
#define nplot__kw_add_subfigure(gs, spec, ...) \
    nplot_add_subfigure_((gs), (spec), &(nplot_subfigure_opts){ 0, __VA_ARGS__ })
/* subfig.subplots(nrows, ncols, sharex=, sharey=): as nplot_subplots, the grid filling the
 * subfigure's subplot params (left 0.125, right 0.9, bottom 0.11, top 0.88, wspace and
 * hspace 0.2 of the rc defaults unless nplot_subfig_subplots_adjust changed them) of its box. */
NPLOT_API nd_status nplot_subfig_subplots_(nplot_subfigure *sf, int nrows, int ncols,
                                           nplot_axes **axs, const nplot_subplots_opts *o);
#define nplot_subfig_subplots(...) nplot__kw_subfig_subplots(__VA_ARGS__, )
#define nplot__kw_subfig_subplots(sf, nrows, ncols, axs, ...) \
    nplot_subfig_subplots_((sf), (nrows), (ncols), (axs), &(nplot_subplots_opts){ 0, __VA_ARGS__ })
/* subfig.add_subplot(nrows, ncols, index): index 1-based, row-major; ND_EVALUE out of range. */
NPLOT_API nplot_axes *nplot_subfig_add_subplot(nplot_subfigure *sf, int nrows, int ncols, int index);
/* subfig.add_gridspec(nrows, ncols, ...): a grid in the subfigure (its 0 params → the
 * subfigure's); nplot_gridspec_subplot / nplot_gridspec_add_subplot / nplot_add_subfigure
 * place on it. */
NPLOT_API nplot_gridspec *nplot_subfig_gridspec_new_(nplot_subfigure *sf, int nrows, int ncols,
                                                     const nplot_gridspec_opts *o);
#define nplot_subfig_gridspec_new(...) nplot__kw_subfig_gridspec_new(__VA_ARGS__, )
#define nplot__kw_subfig_gridspec_new(sf, nrows, ncols, ...) \
    nplot_subfig_gridspec_new_((sf), (nrows), (ncols), &(nplot_gridspec_opts){ 0, __VA_ARGS__ })
/* subfig.subplots_adjust(left=, bottom=, right=, top=, wspace=, hspace=): the subfigure's
 * subplot params, fractions of its box (0 → unchanged, NPLOT_ZERO for 0); ND_EVALUE when
 * left >= right or bottom >= top or a spacing is negative. */
NPLOT_API nd_status nplot_subfig_subplots_adjust_(nplot_subfigure *sf, const nplot_adjust_opts *o);
#define nplot_subfig_subplots_adjust(...) nplot__kw_subfig_subplots_adjust(__VA_ARGS__, )
#define nplot__kw_subfig_subplots_adjust(sf, ...) \
    nplot_subfig_subplots_adjust_((sf), &(nplot_adjust_opts){ 0, __VA_ARGS__ })
/* subfig.suptitle / supxlabel / supylabel: as nplot_suptitle / nplot_supxlabel /
 * nplot_supylabel with the subfigure's box in place of the figure: the title at (0.5, 0.98)
 * of the box, top-aligned, 12 pt. A second call replaces the text. */
NPLOT_API nd_status nplot_subfig_suptitle_(nplot_subfigure *sf, const char *s, const nplot_text_opts *o);
#define nplot_subfig_suptitle(...) nplot__kw_subfig_suptitle(__VA_ARGS__, )
#define nplot__kw_subfig_suptitle(sf, s, ...) nplot_subfig_suptitle_((sf), (s), &(nplot_text_opts){ 0, __VA_ARGS__ })
NPLOT_API nd_status nplot_subfig_supxlabel_(nplot_subfigure *sf, const char *s, const nplot_text_opts *o);
#define nplot_subfig_supxlabel(...) nplot__kw_subfig_supxlabel(__VA_ARGS__, )
#define nplot__kw_subfig_supxlabel(sf, s, ...) nplot_subfig_supxlabel_((sf), (s), &(nplot_text_opts){ 0, __VA_ARGS__ })
NPLOT_API nd_status nplot_subfig_supylabel_(nplot_subfigure *sf, const char *s, const nplot_text_opts *o);
#define nplot_subfig_supylabel(...) nplot__kw_subfig_supylabel(__VA_ARGS__, )
#define nplot__kw_subfig_supylabel(sf, s, ...) nplot_subfig_supylabel_((sf), (s), &(nplot_text_opts){ 0, __VA_ARGS__ })
/* subfig.bbox_relative.bounds: left, bottom, width, height of the subfigure's box in figure
 * fractions. ND_EVALUE for NULL. */
NPLOT_API nd_status nplot_subfig_get_position(const nplot_subfigure *sf, double bounds[4]);
/* subfig.set_facecolor / set_edgecolor / set_linewidth (points, >= 0) / set_frameon: one
 * subfigure's patch. ND_EVALUE for NULL, an unknown color or a bad width. */
NPLOT_API nd_status nplot_subfig_set_facecolor(nplot_subfigure *sf, const char *color);
NPLOT_API nd_status nplot_subfig_set_edgecolor(nplot_subfigure *sf, const char *color);
NPLOT_API nd_status nplot_subfig_set_linewidth(nplot_subfigure *sf, double linewidth);
NPLOT_API nd_status nplot_subfig_set_frameon(nplot_subfigure *sf, bool on);
/* The figure a subfigure belongs to (subfig.figure); NULL for NULL. */
NPLOT_API nplot_figure *nplot_subfig_figure(const nplot_subfigure *sf);

typedef struct nplot_annotate_opts {
    int _; /* reserved: leave it out (lets an empty option list compile) */
    nplot_f64s xytext;           /* exactly 2 values {tx, ty}; not given → the text sits at xy */
    const char *xycoords;        /* "data" (default), "axes fraction", "figure fraction" */
    const char *textcoords;      /* NULL → xycoords; also "offset points", "offset pixels",
                                    "offset fontsize" (offsets from xy) */
    const char *arrowstyle;      /* NULL → no arrow; a matplotlib arrowstyle string: "-" "<-"
                                    "->" "<->" "<|-" "-|>" "<|-|>" "]-" "-[" "]-[" "|-|" "]->"
                                    "<-[" "simple" "fancy" "wedge", parameters after commas
                                    ("->,head_length=0.4,head_width=0.2") */
    const char *connectionstyle; /* NULL → "arc3"; "arc3,rad=R", "angle3,angleA=,angleB=",
                                    "angle,angleA=,angleB=,rad=", "arc,angleA=,angleB=,armA=,
                                    armB=,rad=", "bar,armA=,armB=,fraction=,angle=" (arms and
                                    rad in pixels as matplotlib) */
    const char *arrowcolor;      /* NULL → the text color */
    double arrow_linewidth;      /* 0 → 1 */
    double shrink;               /* gap at both ends in points (0 → 2) */
    nplot_text_opts text;        /* fontsize, color, ha, va ... of the label */
    /* ---- the rest of matplotlib's arrowprops (FancyArrowPatch) ---- */
    double shrinkA, shrinkB;     /* points cut at the text / point end, 0 → .shrink;
                                    NPLOT_ZERO for none */
    double mutation_scale;       /* points, 0 → the text size: scales heads, brackets, tails */
    const char *arrow_facecolor; /* filled heads and simple / fancy / wedge bodies;
                                    NULL → arrowcolor, else "C0" (matplotlib) */
    const char *arrow_edgecolor; /* NULL → arrowcolor, else black */
    nplot_f64s relpos;           /* 2 values: where the arrow leaves the text's bounding
                                    box, in fractions of it; not given → (0.5, 0.5) */
} nplot_annotate_opts;
/* ax.annotate(s, xy, xytext, xycoords, textcoords, arrowprops=dict(arrowstyle=...,
 * connectionstyle=..., shrinkA, shrinkB, mutation_scale, relpos, fc, ec, lw), bbox=...):
 * the text s at xytext (at xy when not given) and, with an arrowstyle, matplotlib's
 * FancyArrowPatch from the text to the point (x, y): the connection path from the point
 * relpos of the text's bounding box to xy is clipped at the text's bbox patch (.text.bbox)
 * or, without one, at the text's extent padded by 2 pt, then shrunk by shrinkA / shrinkB
 * points, and the arrow style is built along it (sizes in units of mutation_scale, the text
 * size). The arrow is drawn under the box and the text. Default colors as matplotlib: black
 * edge, "C0" face (arrowcolor sets both). The point does not take part in autoscaling.
 * Errors (ND_EVALUE, sticky): unknown xycoords / textcoords; an unknown arrowstyle,
 * connectionstyle or parameter, or a parameter value that is not a number (the message
 * lists the valid names / parameters); simple, fancy and wedge with a connectionstyle other
 * than arc3 / angle3; xy / xytext / relpos not finite or of the wrong length; negative
 * arrow_linewidth, shrink, shrinkA, shrinkB or mutation_scale; the text options' errors. */
NPLOT_API nd_status nplot_annotate_(nplot_axes *ax, const char *s, double x, double y,
                                         const nplot_annotate_opts *o);
#define nplot_annotate(...) nplot__kw_annotate(__VA_ARGS__, )
#define nplot__kw_annotate(ax, s, x, y, ...) \
    nplot_annotate_((ax), (s), (x), (y), &(nplot_annotate_opts){ 0, __VA_ARGS__ })

/* ---- tables ----------------------------------------------------------------------------- */
typedef struct nplot_table_opts {
    int _; /* reserved: leave it out (lets an empty option list compile) */
    nplot_strs cellText;     /* rows * cols strings, row by row (NULL entries: empty) */
    nplot_strs cellColours;  /* rows * cols face colors, row by row; not given → white */
    nplot_strs rowLabels;    /* rows labels left of the rows */
    nplot_strs rowColours;   /* rows faces of the row labels (alone: empty labels) */
    nplot_strs colLabels;    /* cols labels above the columns */
    nplot_strs colColours;   /* cols faces of the column labels (alone: empty labels) */
    nplot_f64s colWidths;    /* cols widths in axes fractions; not given → 1 / cols each */
    const char *cellLoc;     /* text alignment in the cells: "right" (default), "center",
                                "left" */
    const char *rowLoc;      /* row labels: "left" (default) */
    const char *colLoc;      /* column labels: "center" (default) */
    const char *loc;         /* "bottom" (default: below the axes), "top", "left", "right",
                                "center", "upper right", "upper left", "lower left",
                                "lower right", "center left", "center right", "lower center",
                                "upper center", "top right", "top left", "bottom left",
                                "bottom right", "best" (as "upper right") */
    nplot_f64s bbox;         /* 4 values {left, bottom, width, height} in axes fractions: the
                                cells (without the row labels) are scaled to fill it; overrides loc */
    const char *edges;       /* cell edges drawn: "closed" (default), "open", "horizontal",
                                "vertical", or letters of "BRTL" */
    double fontsize;         /* points; 0 → automatic: the font size (10) lowered by whole
                                points until every cell's text fits its width */
} nplot_table_opts;
/* ax.table (matplotlib.table.table): a rows x cols grid of text cells placed relative to the
 * axes (in axes fractions, outside the axes with loc "bottom" / "top"...), each cell a white
 * (or colored) rectangle with a 1 pt black edge and its text 10 % of the cell width from its
 * edge (right / left aligned) or centred, vertically centred. Cell heights are 1.2 x 10 pt;
 * the row label column is as wide as its widest label (+20 %) unless rowColours alone gave
 * it colWidths[0]. Drawn at zorder 0 without clipping. Errors (ND_EVALUE, sticky): rows or
 * cols < 1, neither cellText nor cellColours, an array of the wrong length (naming it), an
 * unknown loc / cellLoc / rowLoc / colLoc / edges (listing the valid ones), a bad color,
 * negative or non-finite widths or bbox. */
NPLOT_API nd_status nplot_table_(nplot_axes *ax, int rows, int cols, const nplot_table_opts *o);
#define nplot_table(...) nplot__kw_table(__VA_ARGS__, )
#define nplot__kw_table(ax, rows, cols, ...) \
    nplot_table_((ax), (rows), (cols), &(nplot_table_opts){ 0, __VA_ARGS__ })

/* ---- bars and histograms --------------------------------------------------------------- */
typedef struct nplot_bar_opts {
    int _; /* reserved: leave it out (lets an empty option list compile) */
    double width;                   /* bar: thickness along x, 0 → 0.8 */
    double height;                  /* barh: thickness along y, 0 → 0.8 */
    nplot_f64s widths;              /* per-bar thickness (exactly n), overrides the above */
    double bottom;                  /* bar: where the bars start (0) */
    double left;                    /* barh: where the bars start (0) */
    nplot_f64s bottoms;             /* per-bar start (exactly n) for stacking */
    const char *align;              /* "center" (default) or "edge" (bars start at x) */
    const char *color;              /* one color; NULL → the next color of the cycle */
    nplot_strs colors;              /* one color per bar (exactly n) */
    const char *edgecolor;          /* NULL → no edge */
    double linewidth;               /* edge width in points, 0 → 1 */
    nplot_strs tick_labels;         /* exactly n labels placed at the bar positions */
    const char *label;              /* legend entry: one patch for all bars */
    double alpha;
    double zorder;                  /* 0 → 1 */
    /* ---- hatching, log scale, error bars (issue 20) ---- */
    const char *hatch;              /* matplotlib's hatch: "/", "\\", "|", "-", "+", "x", "o",
                                       "O", ".", "*", combined ("x*") and repeated for density
                                       ("///"); drawn in the edge color, else black */
    double hatch_linewidth;         /* points, 0 → 1 (rcParams hatch.linewidth) */
    bool log;                       /* the value axis becomes log-scaled (bars from 0 reach
                                       below the view) */
    nplot_f64s xerr, yerr;          /* error bars at the bar ends: n symmetric values, or 2n
                                       (n lower then n upper, matplotlib's (2, N)) */
    const char *ecolor;             /* error bar color, NULL → black */
    double capsize;                 /* error bar caps in points, 0 → none */
    nplot_path_effects path_effects; /* every bar's path effects (effects2) */
} nplot_bar_opts;
/* ax.bar(x, height): n rectangles; the value axis gets a sticky edge at the bottom (no
 * margin below 0). NaN bars are skipped. ND_EVALUE for a bad align / color, ND_ESHAPE
 * for mismatched lengths (nd_array form). */
NPLOT_API nd_status nplot_bar_xy_(nplot_axes *ax, const double *x, const double *height, size_t n,
                                       const nplot_bar_opts *o);
#define nplot_bar_xy(...) nplot__kw_bar_xy(__VA_ARGS__, )
#define nplot__kw_bar_xy(ax, x, h, n, ...) \
    nplot_bar_xy_((ax), (x), (h), (n), &(nplot_bar_opts){ 0, __VA_ARGS__ })
/* ax.bar(["a", "b"], height): string x makes the x axis categorical — each new label
 * takes the next integer position and becomes that tick's label. */
NPLOT_API nd_status nplot_bar_cat_(nplot_axes *ax, const char *const *x, const double *height,
                                        size_t n, const nplot_bar_opts *o);
#define nplot_bar_cat(...) nplot__kw_bar_cat(__VA_ARGS__, )
#define nplot__kw_bar_cat(ax, x, h, n, ...) \
    nplot_bar_cat_((ax), (x), (h), (n), &(nplot_bar_opts){ 0, __VA_ARGS__ })
/* nd_array form (x NULL → 0..n-1; any real dtype). */
NPLOT_API nd_status nplot_bar_(nplot_axes *ax, const nd_array *x, const nd_array *height,
                                    const nplot_bar_opts *o);
#define nplot_bar(...) nplot__kw_bar(__VA_ARGS__, )
#define nplot__kw_bar(ax, x, h, ...) \
    nplot_bar_((ax), (x), (h), &(nplot_bar_opts){ 0, __VA_ARGS__ })
/* ax.barh(y, width): horizontal bars (thickness .height, start .left). */
NPLOT_API nd_status nplot_barh_xy_(nplot_axes *ax, const double *y, const double *width, size_t n,
                                        const nplot_bar_opts *o);
#define nplot_barh_xy(...) nplot__kw_barh_xy(__VA_ARGS__, )
#define nplot__kw_barh_xy(ax, y, w, n, ...) \
    nplot_barh_xy_((ax), (y), (w), (n), &(nplot_bar_opts){ 0, __VA_ARGS__ })
NPLOT_API nd_status nplot_barh_cat_(nplot_axes *ax, const char *const *y, const double *width,
                                         size_t n, const nplot_bar_opts *o);
#define nplot_barh_cat(...) nplot__kw_barh_cat(__VA_ARGS__, )
#define nplot__kw_barh_cat(ax, y, w, n, ...) \
    nplot_barh_cat_((ax), (y), (w), (n), &(nplot_bar_opts){ 0, __VA_ARGS__ })
NPLOT_API nd_status nplot_barh_(nplot_axes *ax, const nd_array *y, const nd_array *width,
                                     const nplot_bar_opts *o);
#define nplot_barh(...) nplot__kw_barh(__VA_ARGS__, )
#define nplot__kw_barh(ax, y, w, ...) \
    nplot_barh_((ax), (y), (w), &(nplot_bar_opts){ 0, __VA_ARGS__ })

/* ax.bar_label(container): a text at each bar of one bar / barh call (also hist bars),
 * matplotlib's rules: "edge" labels sit past the bar end (past its error bar when it has
 * one), padding points away, on the side the value points to; "center" labels in the
 * middle of the bar. Values are formatted with fmt: the bar end for "edge" (the stack top
 * for stacked bars), the signed length for "center"; NaN bars get "". */
/* A bar label callback: writes the label of `value` (bar number `index`) into buf (cap
 * bytes, NUL terminated) and returns the length it wanted, as snprintf. */
typedef size_t (*nplot_bar_label_fn)(double value, int index, char *buf, size_t cap, void *ctx);
typedef struct nplot_bar_label_opts {
    int _; /* reserved: leave it out (lets an empty option list compile) */
    int container;              /* which bar call of the axes, 1 the first; 0 → the last */
    nplot_strs labels;          /* exactly one text per bar (instead of fmt) */
    const char *fmt;            /* NULL → "%g"; printf style ("%.1f", "%d") or str.format
                                   style ("{:.2f}", "{:,.0f}", "{:.1%}", "{}") */
    const char *label_type;     /* "edge" (default) or "center" */
    double padding;             /* points between the bar end and the label, 0 */
    nplot_text_opts text;       /* fontsize, color, weight ... (ha / va are set here) */
    nplot_bar_label_fn fmt_fn;  /* a callable fmt (matplotlib 3.7): overrides fmt */
    void *fmt_ctx;
} nplot_bar_label_opts;
/* ND_EVALUE when ax has no such bar call, for a bad fmt or label_type; ND_ESHAPE for labels
 * of the wrong length. */
NPLOT_API nd_status nplot_bar_label_(nplot_axes *ax, const nplot_bar_label_opts *o);
#define nplot_bar_label(...) nplot__kw_bar_label(__VA_ARGS__, )
#define nplot__kw_bar_label(ax, ...) nplot_bar_label_((ax), &(nplot_bar_label_opts){ 0, __VA_ARGS__ })

typedef struct nplot_hist_opts {
    int _; /* reserved: leave it out (lets an empty option list compile) */
    int bins;                   /* number of equal-width bins, 0 → 10 */
    nplot_f64s edges;           /* explicit bin edges (at least 2, increasing) */
    const char *bins_rule;      /* "auto", "fd", "sturges", "scott", "rice", "sqrt", "doane" */
    nplot_f64s range;           /* exactly 2 values {lo, hi}; not given → the data's min, max */
    bool density;               /* normalise so the area is 1 */
    nplot_f64s weights;         /* one weight per value, exactly n (C-array form) */
    const nd_array *weights_arr;/* the same for the nd_array form */
    int cumulative;             /* 1: running total; -1: total from the right */
    const char *histtype;       /* "bar" (default), "step", "stepfilled" */
    const char *orientation;    /* "vertical" (default), "horizontal" */
    double rwidth;              /* bar width as a fraction of the bin, 0 → 1 */
    double bottom;              /* baseline (0) */
    const char *color;          /* NULL → the next color of the cycle */
    const char *edgecolor;      /* bar / stepfilled edge; NULL → none */
    double linewidth;           /* edge (step: line) width in points, 0 → 1 */
    const char *label;
    double alpha;
    double zorder;
    nd_array **counts_out;      /* if set: receives the bar heights (float64, nbins) */
    nd_array **edges_out;       /* if set: receives the bin edges (float64, nbins + 1) */
    /* ---- several datasets, stacking, hatching, log (issue 20) ---- */
    bool stacked;               /* datasets on top of each other ("barstacked" for bars) */
    nplot_strs colors;          /* one color per dataset (exactly k); NULL → the line cycle */
    nplot_strs labels;          /* one legend label per dataset (exactly k) */
    const char *hatch;          /* hatch pattern of the bars / outlines (nplot_bar_opts.hatch) */
    double hatch_linewidth;     /* points, 0 → 1 */
    bool log;                   /* the count axis becomes log-scaled */
} nplot_hist_opts;
/* ax.hist(x): counts with numpy.histogram's binning (NaN values are dropped), drawn as
 * bars, a step outline or a filled step. ND_EVALUE for bad bins / range / histtype. */
NPLOT_API nd_status nplot_hist_xy_(nplot_axes *ax, const double *x, size_t n,
                                        const nplot_hist_opts *o);
#define nplot_hist_xy(...) nplot__kw_hist_xy(__VA_ARGS__, )
#define nplot__kw_hist_xy(ax, x, n, ...) \
    nplot_hist_xy_((ax), (x), (n), &(nplot_hist_opts){ 0, __VA_ARGS__ })
NPLOT_API nd_status nplot_hist_(nplot_axes *ax, const nd_array *x, const nplot_hist_opts *o);
#define nplot_hist(...) nplot__kw_hist(__VA_ARGS__, )
#define nplot__kw_hist(ax, x, ...) nplot_hist_((ax), (x), &(nplot_hist_opts){ 0, __VA_ARGS__ })
/* Several datasets at once (matplotlib's hist of a list or a 2-D array's columns, which
 * nplot_hist also reads that way): dataset d is x[d][0 .. n[d]). The bins come from all
 * values together; histtype "bar" puts the datasets' bars side by side (0.8 of each bin
 * unless rwidth), "barstacked" or .stacked piles them up (bar heights are the differences
 * of the running totals; density stacked makes the whole stack's area 1), "step" /
 * "stepfilled" draw one outline per dataset (stacked: each from the previous top).
 * Colors come from .colors or the line cycle, legend labels from .labels; .weights holds
 * all datasets' weights one after the other; counts_out receives a (k, nbins) array. */
NPLOT_API nd_status nplot_hist_sets_xy_(nplot_axes *ax, const double *const *x, const size_t *n,
                                        size_t k, const nplot_hist_opts *o);
#define nplot_hist_sets_xy(...) nplot__kw_hist_sets_xy(__VA_ARGS__, )
#define nplot__kw_hist_sets_xy(ax, x, n, k, ...) \
    nplot_hist_sets_xy_((ax), (x), (n), (k), &(nplot_hist_opts){ 0, __VA_ARGS__ })

/* ---- images and colorbars ------------------------------------------------------------- */
typedef struct nplot_imshow_opts {
    int _; /* reserved: leave it out (lets an empty option list compile) */
    const char *cmap;          /* 2-D data: NULL → viridis; unknown names are ND_EVALUE */
    double vmin, vmax;         /* equal → the data's min and max (NaN ignored) */
    const nplot_norm *norm;    /* NULL → Normalize(vmin, vmax); with a norm leave
                                  vmin/vmax out (ND_EVALUE otherwise) */
    const char *origin;        /* "upper" (default: row 0 at the top) or "lower" */
    nplot_f64s extent;         /* exactly 4 values {left, right, bottom, top};
                                  not given → pixel centres at 0..n-1 */
    const char *aspect;        /* "equal" (default: square pixels) or "auto" */
    const char *interpolation; /* "antialiased" (default), "nearest" ("none"), "bilinear",
                                  "bicubic": see below */
    double alpha;
    double zorder;             /* default 0 */
    const char *label;
    const char *bad;           /* color of NaN and masked cells (matplotlib's
                                  cmap.set_bad); NULL → transparent: the axes shows */
    const nd_array *alpha_array; /* per-pixel alpha in [0, 1], the image's (h, w) shape;
                                    replaces alpha */
} nplot_imshow_opts;
/* ax.imshow(img): a (h, w) array is color-mapped (NaN cells in .bad, transparent by default); (h, w, 3) RGB and
 * (h, w, 4) RGBA arrays are shown as they are (uint8 0..255, floats clipped to [0, 1]).
 * Limits fit the extent exactly; origin "upper" inverts the y axis. The image is a
 * "mappable" that nplot_colorbar can describe. ND_ESHAPE for other shapes or empty
 * images, ND_EVALUE for a bad cmap / origin / aspect / interpolation.
 * Interpolation as matplotlib's Agg resampling: "bilinear" and "bicubic" (Agg's cubic
 * B-spline, radius 2) resample the data itself onto the output pixels (edges reflected),
 * then color-map it, so colors in between are colormap colors; a NaN within a pixel's
 * filter makes that pixel transparent. "antialiased" is "nearest" when magnifying 3x or
 * more, else smoothed. alpha_array (ND_ESHAPE unless (h, w); ND_EVALUE outside [0, 1]) is
 * resampled like the data. */
NPLOT_API nd_status nplot_imshow_(nplot_axes *ax, const nd_array *img, const nplot_imshow_opts *o);
#define nplot_imshow(...) nplot__kw_imshow(__VA_ARGS__, )
#define nplot__kw_imshow(ax, img, ...) \
    nplot_imshow_((ax), (img), &(nplot_imshow_opts){ 0, __VA_ARGS__ })
/* The same from h rows of w doubles (row-major). */
NPLOT_API nd_status nplot_imshow_data_(nplot_axes *ax, const double *z, int h, int w,
                                            const nplot_imshow_opts *o);
#define nplot_imshow_data(...) nplot__kw_imshow_data(__VA_ARGS__, )
#define nplot__kw_imshow_data(ax, z, h, w, ...) \
    nplot_imshow_data_((ax), (z), (h), (w), &(nplot_imshow_opts){ 0, __VA_ARGS__ })
/* ax.matshow(z): imshow with nearest interpolation and the x ticks on top. */
NPLOT_API nd_status nplot_matshow_(nplot_axes *ax, const nd_array *z, const nplot_imshow_opts *o);
#define nplot_matshow(...) nplot__kw_matshow(__VA_ARGS__, )
#define nplot__kw_matshow(ax, z, ...) \
    nplot_matshow_((ax), (z), &(nplot_imshow_opts){ 0, __VA_ARGS__ })

/* A tick label callback (matplotlib's FuncFormatter): writes the label of the tick at
 * `value` (its index, or -1 when formatting a single value) into buf (cap bytes, NUL
 * terminated) and returns the length it wanted, as snprintf. */
typedef size_t (*nplot_tick_format_fn)(double value, int index, char *buf, size_t cap,
                                       void *ctx);
typedef struct nplot_colorbar_opts {
    int _; /* reserved: leave it out (lets an empty option list compile) */
    const char *label;       /* along the long side */
    const char *orientation; /* "vertical" (default, on the right) or "horizontal" (below) */
    double fraction;         /* share of the parent's width (height) taken, 0 → 0.15 */
    double pad;              /* gap as a fraction of the parent, 0 → 0.05 (bottom 0.15, left 0.10) */
    double shrink;           /* length factor, 0 → 1 */
    double aspect;           /* long / short side, 0 → 20 */
    /* ---- extends, placement, ticks (norms section) ---- */
    const char *extend;      /* "neither", "both", "min", "max": triangles in the under /
                                over colors; NULL → the norm's (BoundaryNorm) or "neither" */
    double extendfrac;       /* triangle length as a fraction of the bar, 0 → 0.05 */
    nplot_axes *cax;         /* draw into this axes (taking all of it) instead of a new one */
    const char *location;    /* "right" (default), "left", "top" or "bottom"; implies the
                                orientation (give one or the other, or both agreeing) */
    nplot_f64s ticks;        /* tick values (data units); not given → the axis' own */
    const char *format;      /* printf format of the tick labels, e.g. "%.2f" */
    bool drawedges;          /* a line between adjacent colors */
    /* ---- heatmap section ---- */
    nplot_tick_format_fn format_fn; /* FuncFormatter: labels the ticks from their data
                                       values (overrides format); ctx is passed along */
    void *format_ctx;
} nplot_colorbar_opts;
/* fig.colorbar(mappable, ax=ax) for the last color-mapped artist of ax (image, hexbin,
 * pcolormesh, scatter with c, surface): a new axes beside ax (which shrinks to make
 * room), or .cax, showing the colormap from vmin to vmax through the mappable's norm and
 * alpha, ticked like any axis (log / symlog for those norms; a BoundaryNorm gives one
 * equal segment per region, ticked at the boundaries). Returns that axes (owned by the
 * figure: set its label or ticks like any other) or NULL with ND_EVALUE when ax has
 * nothing color-mapped or an option is invalid. */
NPLOT_API nplot_axes *nplot_colorbar_(nplot_axes *ax, const nplot_colorbar_opts *o);
#define nplot_colorbar(...) nplot__kw_colorbar(__VA_ARGS__, )
#define nplot__kw_colorbar(ax, ...) \
    nplot_colorbar_((ax), &(nplot_colorbar_opts){ 0, __VA_ARGS__ })

/* ---- pie, boxplot, hexbin, pcolormesh ---------------------------------------------------- */
typedef struct nplot_pie_opts {
    int _; /* reserved: leave it out (lets an empty option list compile) */
    nplot_strs labels;          /* exactly n wedge labels (also the legend entries) */
    nplot_strs colors;          /* exactly n colors; not given → the patch color cycle */
    nplot_f64s explode;         /* exactly n offsets as fractions of the radius */
    const char *autopct;        /* printf format of the percentage, e.g. "%1.1f%%" */
    double startangle;          /* degrees counter-clockwise from the x axis, 0 */
    double radius;              /* 0 → 1 */
    double pctdistance;         /* 0 → 0.6 (of the radius) */
    double labeldistance;       /* 0 → 1.1 */
    int counterclock;           /* NPLOT_OFF → clockwise */
    int normalize;              /* NPLOT_OFF: fractions as given (sum <= 1: a partial pie) */
    const char *edgecolor;      /* wedge edges (wedgeprops); NULL → none */
    double linewidth;           /* edge width, 0 → 1 */
    double textsize;            /* labels and percentages, 0 → 10 */
    double alpha;               /* wedge alpha (wedgeprops) */
    /* ---- donut, text properties, hatching (issue 20) ---- */
    double wedge_width;         /* wedgeprops width: ring wedges this thick (a donut); 0 → solid */
    nplot_text_opts textprops;  /* labels and percentages: color, weight, fontsize (over
                                   .textsize) ...; ha / va are the pie's */
    const char *hatch;          /* wedgeprops hatch (nplot_bar_opts.hatch), in the edge color
                                   or black */
    double hatch_linewidth;     /* points, 0 → 1 */
    nplot_path_effects path_effects; /* every wedge's path effects (effects2) */
} nplot_pie_opts;
/* ax.pie(x): one wedge per value, sized x[i] / sum(x) (the sum as numpy's pairwise sum, so
 * autopct texts round as matplotlib's), drawn from startangle; equal aspect, no frame or
 * ticks, limits ±1.25 radius. labeldistance NAN is matplotlib's None: the labels are
 * only legend entries. ND_EVALUE for negative / NaN values,
 * an all-zero x, or (normalize off) a sum above 1. */
NPLOT_API nd_status nplot_pie_xy_(nplot_axes *ax, const double *x, size_t n, const nplot_pie_opts *o);
#define nplot_pie_xy(...) nplot__kw_pie_xy(__VA_ARGS__, )
#define nplot__kw_pie_xy(ax, x, n, ...) \
    nplot_pie_xy_((ax), (x), (n), &(nplot_pie_opts){ 0, __VA_ARGS__ })
NPLOT_API nd_status nplot_pie_(nplot_axes *ax, const nd_array *x, const nplot_pie_opts *o);
#define nplot_pie(...) nplot__kw_pie(__VA_ARGS__, )
#define nplot__kw_pie(ax, x, ...) nplot_pie_((ax), (x), &(nplot_pie_opts){ 0, __VA_ARGS__ })

typedef struct nplot_boxplot_opts {
    int _; /* reserved: leave it out (lets an empty option list compile) */
    nplot_f64s positions;       /* exactly one per box; not given → 1, 2, ... */
    double widths;              /* box width; 0 → 0.15 × the position span, in [0.15, 0.5] */
    double whis;                /* whisker reach in IQRs, 0 → 1.5 */
    nplot_strs labels;          /* exactly one tick label per box; not given → the positions */
    int vert;                   /* NPLOT_OFF → horizontal boxes */
    int showfliers;             /* NPLOT_OFF hides the outliers */
    bool showmeans;             /* a green triangle at the mean */
    bool patch_artist;          /* filled boxes (face .facecolor, default C0) */
    const char *color;          /* box, whiskers, caps: NULL → black */
    const char *mediancolor;    /* NULL → C1 (orange) */
    const char *facecolor;      /* with patch_artist */
    double linewidth;           /* 0 → 1 */
    bool notch;                 /* notched box: pinched to half the width at the median, the
                                 * notch spanning med ± 1.57 IQR / sqrt(n) (matplotlib's
                                 * bootstrap=None interval) unless conf_intervals gives it */
    nplot_f64s widths_each;     /* exactly one width per box (overrides .widths) */
    nplot_f64s usermedians;     /* exactly one per box, drawn instead of the computed median;
                                 * NaN keeps the computed one (matplotlib's None) */
    nplot_f64s conf_intervals;  /* exactly 2 per box (lo, hi) for the notch; NaN lo keeps the
                                 * computed interval (matplotlib's None) */
    int bootstrap;              /* > 0: the notch is the 2.5-97.5 percentile interval of the
                                 * medians of this many resamples (matplotlib's statistic,
                                 * drawn by nd_rng_new(bootstrap_seed): another random stream
                                 * than matplotlib's np.random) */
    uint64_t bootstrap_seed;    /* the resampling generator's seed */
} nplot_boxplot_opts;
/* ax.boxplot(data): quartiles by nd_percentile (linear), whiskers at the furthest data
 * within whis × IQR of the box, fliers beyond; NaN values are dropped. data is 1-D (one
 * box) or 2-D (n, k): one box per column. The ticks sit at the positions with the labels;
 * the view spans the positions ± 0.5. ND_EVALUE for bad options, ND_ESHAPE for > 2-D. */
NPLOT_API nd_status nplot_boxplot_(nplot_axes *ax, const nd_array *data, const nplot_boxplot_opts *o);
#define nplot_boxplot(...) nplot__kw_boxplot(__VA_ARGS__, )
#define nplot__kw_boxplot(ax, d, ...) \
    nplot_boxplot_((ax), (d), &(nplot_boxplot_opts){ 0, __VA_ARGS__ })
/* k datasets of different lengths: data[i] holds lens[i] values. */
NPLOT_API nd_status nplot_boxplot_xy_(nplot_axes *ax, const double *const *data, const size_t *lens,
                                           int k, const nplot_boxplot_opts *o);
#define nplot_boxplot_xy(...) nplot__kw_boxplot_xy(__VA_ARGS__, )
#define nplot__kw_boxplot_xy(ax, d, lens, k, ...) \
    nplot_boxplot_xy_((ax), (d), (lens), (k), &(nplot_boxplot_opts){ 0, __VA_ARGS__ })

/* ---- violinplot ------------------------------------------------------------------------ */
typedef struct nplot_violin_opts {
    int _; /* reserved: leave it out (lets an empty option list compile) */
    nplot_f64s positions;       /* exactly one per dataset; not given → 1, 2, ... */
    int vert;                   /* NPLOT_OFF → horizontal violins */
    double widths;              /* the widest point of each body, 0 → 0.5 */
    bool showmeans;             /* a line at the mean */
    int showextrema;            /* NPLOT_OFF hides the min / max lines and the centre bar */
    bool showmedians;           /* a line at the median */
    const nplot_f64s *quantiles; /* NULL, or exactly one list (maybe empty) per dataset of
                                  * quantiles in [0, 1], each drawn as a line */
    int points;                 /* KDE evaluation points per violin, 0 → 100 */
    const char *bw_method;      /* "scott" (NULL) or "silverman" */
    double bw_factor;           /* != 0: a scalar bandwidth factor (bw_method NULL) */
} nplot_violin_opts;
/* ax.violinplot(dataset) of matplotlib 3.6: per dataset, mlab.GaussianKDE (covariance: the
 * ddof-1 variance × factor², factor n^(-1/5) for Scott, (3n/4)^(-1/5) for Silverman or the
 * scalar) evaluated at `points` points spread evenly over [min, max]; the body is that
 * density mirrored about the position, scaled so its widest point is widths / 2 each side,
 * in the next line color (C0 first) at alpha 0.3 without an edge; the
 * mean / median / extrema / quantile lines span widths / 4 either side, in that color,
 * width 1.5 (the extrema also draw the bar from min to max). data is 1-D (one violin) or
 * 2-D (n, k): one violin per column. ND_EVALUE for an empty dataset, a NaN value (matplotlib
 * fails too), a bad bw_method, quantiles outside [0, 1] or bad options; ND_ESHAPE for > 2-D. */
NPLOT_API nd_status nplot_violinplot_(nplot_axes *ax, const nd_array *data, const nplot_violin_opts *o);
#define nplot_violinplot(...) nplot__kw_violinplot(__VA_ARGS__, )
#define nplot__kw_violinplot(ax, d, ...) \
    nplot_violinplot_((ax), (d), &(nplot_violin_opts){ 0, __VA_ARGS__ })
/* The same for k datasets of their own lengths (data[i] holds lens[i] values). */
NPLOT_API nd_status nplot_violinplot_xy_(nplot_axes *ax, const double *const *data, const size_t *lens,
                                         int k, const nplot_violin_opts *o);
#define nplot_violinplot_xy(...) nplot__kw_violinplot_xy(__VA_ARGS__, )
#define nplot__kw_violinplot_xy(ax, d, lens, k, ...) \
    nplot_violinplot_xy_((ax), (d), (lens), (k), &(nplot_violin_opts){ 0, __VA_ARGS__ })
/* The violin's density alone: mlab.GaussianKDE(v[:n], bw_method)(coords) into out[:m]
 * (bw_method NULL → "scott"; bw_factor != 0 → that scalar factor, bw_method then NULL).
 * All-equal data gives 1 where a coordinate equals the value, else 0, as matplotlib.
 * ND_EVALUE for n == 0, a NaN value, or a bad bw_method (the error names it). */
NPLOT_API nd_status nplot_violin_kde(const double *v, size_t n, const char *bw_method,
                                     double bw_factor, const double *coords, size_t m, double *out);

typedef struct nplot_hexbin_opts {
    int _; /* reserved: leave it out (lets an empty option list compile) */
    int gridsize;               /* hexagons across x, 0 → 100 */
    int gridsize_y;             /* 0 → gridsize / sqrt(3) (regular hexagons) */
    nplot_f64s extent;          /* exactly 4 values {xmin, xmax, ymin, ymax}; not given →
                                   the data's */
    const char *cmap;           /* NULL → viridis */
    double vmin, vmax;          /* equal → the counts' range */
    const nplot_norm *norm;     /* NULL → Normalize(vmin, vmax); with a norm leave
                                   vmin/vmax out (ND_EVALUE otherwise) */
    int mincnt;                 /* only cells with at least mincnt points; 0 → every cell */
    const char *edgecolors;     /* "face" (default), "none" or a color */
    double linewidths;          /* 0 → 1 */
    const char *xscale;         /* "log": bin log10(x) and make the x axis logarithmic (the
                                   extent is then in exponents, as in matplotlib) */
    const char *yscale;
    double alpha;
    double zorder;
    nd_array **counts_out;      /* if set: the count of every cell (float64, lattice order) */
} nplot_hexbin_opts;
/* ax.hexbin(x, y): counts on matplotlib's two offset hexagonal lattices, color-mapped (a
 * mappable for nplot_colorbar); the view fits the extent with no margins. Non-finite
 * points are dropped. ND_ESHAPE on length mismatch, ND_EVALUE for bad options. */
NPLOT_API nd_status nplot_hexbin_xy_(nplot_axes *ax, const double *x, const double *y, size_t n,
                                          const nplot_hexbin_opts *o);
#define nplot_hexbin_xy(...) nplot__kw_hexbin_xy(__VA_ARGS__, )
#define nplot__kw_hexbin_xy(ax, x, y, n, ...) \
    nplot_hexbin_xy_((ax), (x), (y), (n), &(nplot_hexbin_opts){ 0, __VA_ARGS__ })
NPLOT_API nd_status nplot_hexbin_(nplot_axes *ax, const nd_array *x, const nd_array *y,
                                       const nplot_hexbin_opts *o);
#define nplot_hexbin(...) nplot__kw_hexbin(__VA_ARGS__, )
#define nplot__kw_hexbin(ax, x, y, ...) \
    nplot_hexbin_((ax), (x), (y), &(nplot_hexbin_opts){ 0, __VA_ARGS__ })

typedef struct nplot_pcolormesh_opts {
    int _; /* reserved: leave it out (lets an empty option list compile) */
    const nd_array *x;          /* column edges (nx + 1); NULL → 0..nx */
    const nd_array *y;          /* row edges (ny + 1); NULL → 0..ny */
    const char *cmap;           /* NULL → viridis */
    double vmin, vmax;          /* equal → the data range */
    const nplot_norm *norm;     /* NULL → Normalize(vmin, vmax); with a norm leave
                                   vmin/vmax out (ND_EVALUE otherwise) */
    const char *edgecolors;     /* NULL → none */
    double linewidths;          /* 0 → 1 */
    double alpha;
    double zorder;
    const char *bad;            /* color of NaN and masked cells (cmap.set_bad); NULL →
                                   none: those cells are not drawn */
    const char *shading;        /* "flat", "nearest", "gouraud", NULL/"auto" (see below) */
} nplot_pcolormesh_opts;
/* ax.pcolormesh(X, Y, C), C of ny rows x nx columns (row 0 at the bottom); NaN cells are
 * empty (or painted in .bad); a mappable. x and y are 1-D (x along the columns, y along the rows) or 2-D of the
 * mesh's shape (curvilinear grids: point (i, j) is (x[i][j], y[i][j])); a 1-D x or y is
 * spread over the other axis as matplotlib does.
 *  - "flat": x and y give (ny + 1) x (nx + 1) corners; cell (i, j) is the quad of corners
 *    (i, j), (i, j+1), (i+1, j+1), (i+1, j).
 *  - "nearest": x and y give ny x nx cell centres; the corners are at the midpoints, the
 *    outer ones half a step out (matplotlib's _interp_grid).
 *  - "gouraud": x and y give ny x nx points colored by C; each quad between four points is
 *    filled with the colors interpolated (four triangles meeting at the quad's centre, as
 *    matplotlib's Agg). Needs at least 2 x 2 points; edgecolors do not apply.
 *  - "auto" (default): "nearest" when x and y have as many points as C has columns and
 *    rows, else "flat". Missing x / y are 0, 1, ... (as many as the shading needs).
 * ND_ESHAPE when C is not 2-D, x / y are not 1-D or 2-D, do not form one grid, or do not
 * have the points the shading needs (the message says which); ND_EVALUE for non-finite
 * coordinates, an unknown shading, cmap or edgecolor. */
NPLOT_API nd_status nplot_pcolormesh_(nplot_axes *ax, const nd_array *c, const nplot_pcolormesh_opts *o);
#define nplot_pcolormesh(...) nplot__kw_pcolormesh(__VA_ARGS__, )
#define nplot__kw_pcolormesh(ax, c, ...) \
    nplot_pcolormesh_((ax), (c), &(nplot_pcolormesh_opts){ 0, __VA_ARGS__ })

/* ---- masked data (numpy.ma) -------------------------------------------------------------- */
/* The masked forms take nd_marray data (numc/ma.h) and draw what matplotlib draws for a
 * numpy.ma array: a masked element is missing, exactly as NaN is in the plain forms (whose
 * options and errors they share, the messages naming the _ma function). A plain array x
 * is passed as a masked array without a mask: nd_ma_array(x, NULL). Any real dtype;
 * complex data is ND_EDTYPE. The masked arrays are only read (the caller keeps them).
 *
 * ax.plot(x, y) with masked x and/or y (x NULL → 0..n-1; y 1-D or 2-D (n, k)): the line
 * breaks at every masked point, no segment enters or leaves it; a valid point between two
 * masked ones draws only its marker (nothing without one). */
NPLOT_API nd_status nplot_plot_ma_(nplot_axes *ax, const nd_marray *x, const nd_marray *y,
                                   const nplot_line_opts *o);
#define nplot_plot_ma(...) nplot__kw_plot_ma(__VA_ARGS__, )
#define nplot__kw_plot_ma(ax, x, y, ...) \
    nplot_plot_ma_((ax), (x), (y), &(nplot_line_opts){ 0, __VA_ARGS__ })
/* ax.step(x, y): the staircase breaks at masked points as the line does. */
NPLOT_API nd_status nplot_step_ma_(nplot_axes *ax, const nd_marray *x, const nd_marray *y,
                                   const nplot_line_opts *o);
#define nplot_step_ma(...) nplot__kw_step_ma(__VA_ARGS__, )
#define nplot__kw_step_ma(ax, x, y, ...) \
    nplot_step_ma_((ax), (x), (y), &(nplot_line_opts){ 0, __VA_ARGS__ })
/* ax.scatter(x, y): points masked in x or y are not drawn (nor counted in the limits). */
NPLOT_API nd_status nplot_scatter_ma_(nplot_axes *ax, const nd_marray *x, const nd_marray *y,
                                      const nplot_scatter_opts *o);
#define nplot_scatter_ma(...) nplot__kw_scatter_ma(__VA_ARGS__, )
#define nplot__kw_scatter_ma(ax, x, y, ...) \
    nplot_scatter_ma_((ax), (x), (y), &(nplot_scatter_opts){ 0, __VA_ARGS__ })
/* ax.fill_between(x, y1, y2) (y2 NULL → the constant .y2): where x, y1 or y2 is masked
 * the polygon is split, one polygon per run of valid points. */
NPLOT_API nd_status nplot_fill_between_ma_(nplot_axes *ax, const nd_marray *x, const nd_marray *y1,
                                           const nd_marray *y2, const nplot_fill_opts *o);
#define nplot_fill_between_ma(...) nplot__kw_fill_between_ma(__VA_ARGS__, )
#define nplot__kw_fill_between_ma(ax, x, y1, y2, ...) \
    nplot_fill_between_ma_((ax), (x), (y1), (y2), &(nplot_fill_opts){ 0, __VA_ARGS__ })
/* ax.imshow(img): masked cells of a (h, w) image are painted in .bad (transparent by
 * default, so the axes facecolor shows), and vmin/vmax default to the range of the valid
 * cells; a masked pixel of an RGB(A) image is transparent. */
NPLOT_API nd_status nplot_imshow_ma_(nplot_axes *ax, const nd_marray *img,
                                     const nplot_imshow_opts *o);
#define nplot_imshow_ma(...) nplot__kw_imshow_ma(__VA_ARGS__, )
#define nplot__kw_imshow_ma(ax, img, ...) \
    nplot_imshow_ma_((ax), (img), &(nplot_imshow_opts){ 0, __VA_ARGS__ })
/* ax.pcolormesh(C): masked cells in .bad (not drawn by default); vmin/vmax default to the
 * range of the valid cells. */
NPLOT_API nd_status nplot_pcolormesh_ma_(nplot_axes *ax, const nd_marray *c,
                                         const nplot_pcolormesh_opts *o);
#define nplot_pcolormesh_ma(...) nplot__kw_pcolormesh_ma(__VA_ARGS__, )
#define nplot__kw_pcolormesh_ma(ax, c, ...) \
    nplot_pcolormesh_ma_((ax), (c), &(nplot_pcolormesh_opts){ 0, __VA_ARGS__ })
/* ax.hist(x): masked values are not counted (nor their weights), and the default range
 * is that of the valid values. */
NPLOT_API nd_status nplot_hist_ma_(nplot_axes *ax, const nd_marray *x, const nplot_hist_opts *o);
#define nplot_hist_ma(...) nplot__kw_hist_ma(__VA_ARGS__, )
#define nplot__kw_hist_ma(ax, x, ...) nplot_hist_ma_((ax), (x), &(nplot_hist_opts){ 0, __VA_ARGS__ })
/* ax.boxplot(data): the statistics of each box use the valid values only (data 1-D: one
 * box; 2-D (n, k): one box per column). matplotlib 3.6 reads the data under the mask
 * here; numc follows numpy.ma's rule that masked values do not exist. */
NPLOT_API nd_status nplot_boxplot_ma_(nplot_axes *ax, const nd_marray *data,
                                      const nplot_boxplot_opts *o);
#define nplot_boxplot_ma(...) nplot__kw_boxplot_ma(__VA_ARGS__, )
#define nplot__kw_boxplot_ma(ax, d, ...) \
    nplot_boxplot_ma_((ax), (d), &(nplot_boxplot_opts){ 0, __VA_ARGS__ })

/* ---- 2-D histograms (issue 19: hist2d; pcolormesh shading is above) ------------------------ */
typedef struct nplot_hist2d_opts {
    int _; /* reserved: leave it out (lets an empty option list compile) */
    int bins;                   /* bins along x (and y unless bins_y); 0 → 10 */
    int bins_y;                 /* bins along y; 0 → bins */
    const nd_array *xedges;     /* explicit x edges (1-D, increasing): replace bins */
    const nd_array *yedges;     /* explicit y edges: replace bins_y */
    nplot_f64s range;           /* exactly 4 values {xmin, xmax, ymin, ymax}; not given → the
                                   data's (for the axes given as counts) */
    bool density;               /* counts / (total * cell area) */
    const nd_array *weights;    /* one weight per point (1-D, x's length) */
    double cmin, cmax;          /* cells below cmin / above cmax are not drawn; 0 → no limit */
    const char *cmap;           /* NULL → viridis */
    double vmin, vmax;          /* equal → the range of the drawn counts */
    const nplot_norm *norm;     /* NULL → Normalize(vmin, vmax); with a norm leave
                                   vmin/vmax out (ND_EVALUE otherwise) */
    double alpha;
    double zorder;
    nd_array **counts_out;      /* receives the counts, float64 (nx, ny): x bin i, y bin j,
                                   NaN where cmin / cmax hid the cell (matplotlib's h) */
    nd_array **xedges_out;      /* receives the x edges (nx + 1) */
    nd_array **yedges_out;      /* receives the y edges (ny + 1) */
} nplot_hist2d_opts;
/* ax.hist2d(x, y): numpy.histogram2d's counts (bins, range, density, weights exactly as
 * nd_histogram2d) drawn as pcolormesh(xedges, yedges, counts.T), a mappable; the view
 * limits are set to the outer edges. The out-pointers are set only on success (NULL
 * otherwise); free them with nd_free. ND_ESHAPE when x and y are not 1-D of one length or
 * weights do not match; ND_EVALUE for negative bins, bad edges, range or cmap. */
NPLOT_API nd_status nplot_hist2d_(nplot_axes *ax, const nd_array *x, const nd_array *y,
                                  const nplot_hist2d_opts *o);
#define nplot_hist2d(...) nplot__kw_hist2d(__VA_ARGS__, )
#define nplot__kw_hist2d(ax, x, y, ...) \
    nplot_hist2d_((ax), (x), (y), &(nplot_hist2d_opts){ 0, __VA_ARGS__ })
/* The same from n (x, y) pairs of doubles. */
NPLOT_API nd_status nplot_hist2d_xy_(nplot_axes *ax, const double *x, const double *y, size_t n,
                                     const nplot_hist2d_opts *o);
#define nplot_hist2d_xy(...) nplot__kw_hist2d_xy(__VA_ARGS__, )
#define nplot__kw_hist2d_xy(ax, x, y, n, ...) \
    nplot_hist2d_xy_((ax), (x), (y), (n), &(nplot_hist2d_opts){ 0, __VA_ARGS__ })

/* ---- 3-D axes ---------------------------------------------------------------------------- */
/* fig.add_subplot(nrows, ncols, index, projection='3d'): a 3-D axes (box aspect 4:4:3,
 * view elev 30, azim -60), with panes, grid and ticks on the three axes. Its artists
 * (surfaces, wireframes, 3-D lines and scatters) are depth-sorted together per polygon,
 * segment and marker. The 2-D plotting calls do not apply to it. */
NPLOT_API nplot_axes *nplot_subplot_3d(nplot_figure *fig, int nrows, int ncols, int index);
/* ax.view_init(elev, azim) in degrees. ND_EVALUE on a 2-D axes or non-finite angles. */
NPLOT_API nd_status nplot_view_init(nplot_axes *ax, double elev, double azim);
/* A 3-D data point's pixel position (origin top-left) after nplot_figure_draw (run if
 * needed), perspective included (matplotlib's proj3d.proj_transform + transData). */
NPLOT_API nd_status nplot_data_to_pixel_3d(nplot_axes *ax, double x, double y, double z, double *px,
                                           double *py);
/* ax.set_zlim (NaN keeps a side automatic) and ax.set_zlabel. */
NPLOT_API nd_status nplot_set_zlim(nplot_axes *ax, double lo, double hi);
NPLOT_API nd_status nplot_get_zlim(nplot_axes *ax, double *lo, double *hi);
NPLOT_API nd_status nplot_set_zlabel_(nplot_axes *ax, const char *s, const nplot_text_opts *o);
#define nplot_set_zlabel(...) nplot__kw_set_zlabel(__VA_ARGS__, )
#define nplot__kw_set_zlabel(ax, s, ...) nplot_set_zlabel_((ax), (s), &(nplot_text_opts){ 0, __VA_ARGS__ })

typedef struct nplot_surface_opts {
    int _; /* reserved: leave it out (lets an empty option list compile) */
    const char *cmap;           /* color by the mean z of each quad; NULL → one shaded color */
    double vmin, vmax;          /* equal → the range of the quad means */
    const nplot_norm *norm;     /* NULL → Normalize(vmin, vmax); with a norm leave
                                   vmin/vmax out (ND_EVALUE otherwise) */
    const char *color;          /* without cmap; NULL → the next cycle color */
    int rstride, cstride;       /* take every n-th row / column (overrides the counts) */
    int rcount, ccount;         /* at most this many rows / columns, 0 → 50 */
    double linewidth;           /* surface: quad edges (in the face color unless .edgecolor),
                                   0 → none; wireframe lines, 0 → 1.5 */
    const char *edgecolor;      /* surface edges in one color */
    double alpha;
    const char *label;
} nplot_surface_opts;
/* ax.plot_surface(X, Y, Z): Z is (ny, nx); X and Y are either the same shape (meshgrid)
 * or 1-D with nx and ny values. Quads with a NaN corner are skipped. With a cmap the
 * surface is a mappable for nplot_colorbar; without one it is lit like matplotlib's
 * (LightSource azdeg 225, altdeg 19.47). ND_ESHAPE on shape mismatches, ND_EVALUE on a 2-D
 * axes or for a bad cmap / color. */
NPLOT_API nd_status nplot_plot_surface_(nplot_axes *ax, const nd_array *X, const nd_array *Y,
                                             const nd_array *Z, const nplot_surface_opts *o);
#define nplot_plot_surface(...) nplot__kw_plot_surface(__VA_ARGS__, )
#define nplot__kw_plot_surface(ax, X, Y, Z, ...) \
    nplot_plot_surface_((ax), (X), (Y), (Z), &(nplot_surface_opts){ 0, __VA_ARGS__ })
/* ax.plot_wireframe(X, Y, Z): the grid lines of the surface (color C0 by default). */
NPLOT_API nd_status nplot_plot_wireframe_(nplot_axes *ax, const nd_array *X, const nd_array *Y,
                                               const nd_array *Z, const nplot_surface_opts *o);
#define nplot_plot_wireframe(...) nplot__kw_plot_wireframe(__VA_ARGS__, )
#define nplot__kw_plot_wireframe(ax, X, Y, Z, ...) \
    nplot_plot_wireframe_((ax), (X), (Y), (Z), &(nplot_surface_opts){ 0, __VA_ARGS__ })
/* ax.plot(x, y, z) on a 3-D axes (color, linewidth, linestyle, marker, label, alpha). */
NPLOT_API nd_status nplot_plot3d_(nplot_axes *ax, const nd_array *x, const nd_array *y,
                                       const nd_array *z, const nplot_line_opts *o);
#define nplot_plot3d(...) nplot__kw_plot3d(__VA_ARGS__, )
#define nplot__kw_plot3d(ax, x, y, z, ...) \
    nplot_plot3d_((ax), (x), (y), (z), &(nplot_line_opts){ 0, __VA_ARGS__ })
/* ax.scatter(x, y, z) on a 3-D axes (s, color, c + cmap, marker, alpha, label); farther
 * markers are paler (depthshade). */
NPLOT_API nd_status nplot_scatter3d_(nplot_axes *ax, const nd_array *x, const nd_array *y,
                                          const nd_array *z, const nplot_scatter_opts *o);
#define nplot_scatter3d(...) nplot__kw_scatter3d(__VA_ARGS__, )
#define nplot__kw_scatter3d(ax, x, y, z, ...) \
    nplot_scatter3d_((ax), (x), (y), (z), &(nplot_scatter_opts){ 0, __VA_ARGS__ })

/* ---- triangulations: triplot, tripcolor, tricontour(f), plot_trisurf ------------------------ */
/* matplotlib.tri.Triangulation: points (x[i], y[i]) and triangles of 3 point indices each,
 * counter-clockwise. Errors return NULL / a negative status with nd_errmsg naming the
 * function and the values. */
typedef struct nplot_triangulation nplot_triangulation;
/* Triangulation(x, y, triangles, mask). x and y: 1-D, equal length, finite. triangles NULL
 * → the Delaunay triangulation of the points (qhull, as matplotlib: duplicate points are
 * left out of every triangle); else an (ntri, 3) integer array of indices in 0..n-1,
 * reordered counter-clockwise where given clockwise. mask: NULL or ntri booleans (true
 * hides the triangle). ND_EVALUE for fewer than 3 distinct points, non-finite points,
 * points qhull cannot triangulate (all collinear: "nplot_triangulation: the points are
 * collinear ... (qhull QH6154 ...)") or indices out of range; ND_ESHAPE for shapes. */
NPLOT_API nplot_triangulation *nplot_triangulation_new(const nd_array *x, const nd_array *y,
                                                       const nd_array *triangles,
                                                       const nd_array *mask);
/* The same from C arrays: n points, ntri triangles (3 ints each; NULL → Delaunay). */
NPLOT_API nplot_triangulation *nplot_triangulation_new_xy(const double *x, const double *y, size_t n,
                                                          const int *triangles, size_t ntri);
NPLOT_API void nplot_triangulation_free(nplot_triangulation *t);
/* The number of triangles (masked ones included), and of points. */
NPLOT_API size_t nplot_triangulation_ntri(const nplot_triangulation *t);
NPLOT_API size_t nplot_triangulation_npoints(const nplot_triangulation *t);
/* .triangles: a new (ntri, 3) int32 array (masked triangles included). */
NPLOT_API nd_array *nplot_triangulation_triangles(const nplot_triangulation *t);
/* .neighbors: a new (ntri, 3) int32 array; [i, j] is the triangle across the edge from
 * point triangles[i, j] to triangles[i, (j + 1) % 3], or -1 (no unmasked triangle there;
 * masked triangles have -1 everywhere). */
NPLOT_API nd_array *nplot_triangulation_neighbors(nplot_triangulation *t);
/* .set_mask(mask): ntri booleans (any dtype, nonzero hides), or NULL to clear. ND_ESHAPE
 * for another length. */
NPLOT_API nd_status nplot_triangulation_set_mask(nplot_triangulation *t, const nd_array *mask);

/* ax.triplot(tri, fmt): the edges of the unmasked triangles as one line (color, linestyle,
 * linewidth, alpha, label of o) and, when o gives a marker, the points as markers without
 * a line. */
NPLOT_API nd_status nplot_triplot_(nplot_axes *ax, const nplot_triangulation *t, const nplot_line_opts *o);
#define nplot_triplot(...) nplot__kw_triplot(__VA_ARGS__, )
#define nplot__kw_triplot(ax, t, ...) nplot_triplot_((ax), (t), &(nplot_line_opts){ 0, __VA_ARGS__ })

typedef struct nplot_tripcolor_opts {
    int _; /* reserved: leave it out (lets an empty option list compile) */
    const nd_array *facecolors; /* one value per triangle, instead of c */
    const char *shading;        /* "flat" (default) or "gouraud" (c per point only) */
    const char *cmap;           /* NULL → viridis */
    double vmin, vmax;          /* equal → the range of the colored values */
    const char *edgecolors;     /* flat shading: NULL → none, "face", or a color */
    double linewidths;          /* edges, 0 → 0.25 */
    double alpha;
    double zorder;              /* 0 → 1 */
    const nplot_norm *norm;     /* NULL → Normalize(vmin, vmax); with a norm leave
                                   vmin/vmax out (ND_EVALUE otherwise) */
} nplot_tripcolor_opts;
/* ax.tripcolor(tri, c): c holds one value per point (matched first, as matplotlib) or per
 * triangle. Flat shading colors a triangle by its value, or by the mean of its three
 * point values; gouraud interpolates the colors of the points across each triangle.
 * Masked triangles are not drawn. A mappable for nplot_colorbar. ND_ESHAPE when c fits
 * neither count; ND_EVALUE for gouraud with face values, an unknown shading or cmap. */
NPLOT_API nd_status nplot_tripcolor_(nplot_axes *ax, const nplot_triangulation *t, const nd_array *c,
                                     const nplot_tripcolor_opts *o);
#define nplot_tripcolor(...) nplot__kw_tripcolor(__VA_ARGS__, )
#define nplot__kw_tripcolor(ax, t, c, ...) \
    nplot_tripcolor_((ax), (t), (c), &(nplot_tripcolor_opts){ 0, __VA_ARGS__ })

typedef struct nplot_tricontour_opts {
    int _; /* reserved: leave it out (lets an empty option list compile) */
    int nlevels;                /* about this many levels (MaxNLocator(nlevels + 1)), 0 → 7 */
    nplot_f64s levels;          /* explicit increasing levels (override nlevels) */
    const char *cmap;           /* NULL → viridis */
    double vmin, vmax;          /* equal → the first and last level */
    const char *colors;         /* one color for every level instead of the cmap */
    double linewidths;          /* tricontour lines, 0 → 1.5 */
    const char *linestyles;     /* tricontour lines, NULL → solid */
    double alpha;
    double zorder;              /* 0 → 2 (lines), 1 (filled) */
    nd_array **levels_out;      /* receives a new 1-D array of the levels used */
    const nplot_norm *norm;     /* NULL → Normalize(vmin, vmax); with a norm leave
                                   vmin/vmax out (ND_EVALUE otherwise); a LogNorm
                                   without levels picks them with a LogLocator */
} nplot_tricontour_opts;
/* ax.tricontour(tri, z): the iso-lines of the point values z (one per triangulation point,
 * finite on unmasked triangles) at each level, traced by marching triangles and colored
 * by the cmap at the level (with one .colors, negative levels dashed). Levels from a
 * count are matplotlib's: MaxNLocator(nlevels + 1) over the z range (its default steps 1,
 * 1.5, 2, 2.5, 3, 4, 5, 6, 8, 10), trimmed to one level beyond each end.
 * The axes autoscale tight to the points. A mappable for nplot_colorbar. ND_ESHAPE when z has the wrong
 * length; ND_EVALUE for non-finite z, levels not increasing, a bad cmap or color. */
NPLOT_API nd_status nplot_tricontour_(nplot_axes *ax, const nplot_triangulation *t, const nd_array *z,
                                      const nplot_tricontour_opts *o);
#define nplot_tricontour(...) nplot__kw_tricontour(__VA_ARGS__, )
#define nplot__kw_tricontour(ax, t, z, ...) \
    nplot_tricontour_((ax), (t), (z), &(nplot_tricontour_opts){ 0, __VA_ARGS__ })
/* ax.tricontourf(tri, z): the bands levels[i] <= z <= levels[i + 1], each one polygon with
 * holes filled with the cmap at its mid-level (values outside the levels stay empty); at
 * least 2 levels. */
NPLOT_API nd_status nplot_tricontourf_(nplot_axes *ax, const nplot_triangulation *t, const nd_array *z,
                                       const nplot_tricontour_opts *o);
#define nplot_tricontourf(...) nplot__kw_tricontourf(__VA_ARGS__, )
#define nplot__kw_tricontourf(ax, t, z, ...) \
    nplot_tricontourf_((ax), (t), (z), &(nplot_tricontour_opts){ 0, __VA_ARGS__ })

typedef struct nplot_trisurf_opts {
    int _; /* reserved: leave it out (lets an empty option list compile) */
    const char *cmap;           /* color by the mean z of each triangle; NULL → one shaded color */
    double vmin, vmax;          /* equal → the range of the triangle means */
    const char *color;          /* without cmap; NULL → the next cycle color */
    double linewidth;           /* triangle edges (in the face color unless .edgecolor), 0 → none */
    const char *edgecolor;
    double alpha;
    const char *label;
    const nplot_norm *norm;     /* NULL → Normalize(vmin, vmax); with a norm leave
                                   vmin/vmax out (ND_EVALUE otherwise) */
} nplot_trisurf_opts;
/* ax.plot_trisurf(tri, z) on a 3-D axes: each unmasked triangle at the heights z of its
 * points (one per point), depth-sorted with the other 3-D artists and lit like
 * plot_surface (or colored through cmap: a mappable). ND_ESHAPE when z has the wrong
 * length; ND_EVALUE on a 2-D axes or for a bad cmap / color. */
NPLOT_API nd_status nplot_plot_trisurf_(nplot_axes *ax, const nplot_triangulation *t, const nd_array *z,
                                        const nplot_trisurf_opts *o);
#define nplot_plot_trisurf(...) nplot__kw_plot_trisurf(__VA_ARGS__, )
#define nplot__kw_plot_trisurf(ax, t, z, ...) \
    nplot_plot_trisurf_((ax), (t), (z), &(nplot_trisurf_opts){ 0, __VA_ARGS__ })

/* ---- titles, labels, legend ----------------------------------------------------------- */
NPLOT_API nd_status nplot_set_title_(nplot_axes *ax, const char *s, const nplot_text_opts *o);
NPLOT_API nd_status nplot_set_xlabel_(nplot_axes *ax, const char *s, const nplot_text_opts *o);
NPLOT_API nd_status nplot_set_ylabel_(nplot_axes *ax, const char *s, const nplot_text_opts *o);
#define nplot_set_title(...) nplot__kw_set_title(__VA_ARGS__, )
#define nplot__kw_set_title(ax, s, ...) nplot_set_title_((ax), (s), &(nplot_text_opts){ 0, __VA_ARGS__ })
#define nplot_set_xlabel(...) nplot__kw_set_xlabel(__VA_ARGS__, )
#define nplot__kw_set_xlabel(ax, s, ...) nplot_set_xlabel_((ax), (s), &(nplot_text_opts){ 0, __VA_ARGS__ })
#define nplot_set_ylabel(...) nplot__kw_set_ylabel(__VA_ARGS__, )
#define nplot__kw_set_ylabel(ax, s, ...) nplot_set_ylabel_((ax), (s), &(nplot_text_opts){ 0, __VA_ARGS__ })

/* A list of n ints at v ({ 0, NULL }: not given), like nplot_f64s. */
typedef struct nplot_ints {
    size_t n;
    const int *v;
} nplot_ints;
#define NPLOT_INTS(...) \
    ((nplot_ints){ sizeof((const int[]){ __VA_ARGS__ }) / sizeof(int), (const int[]){ __VA_ARGS__ } })
typedef struct nplot_legend_opts {
    int _; /* reserved: leave it out (lets an empty option list compile) */
    const char *loc;       /* "best" (default), "upper right", "upper left", "lower left",
                              "lower right", "right", "center left", "center right",
                              "lower center", "upper center", "center" */
    int ncol;              /* 0 → 1 */
    int frameon;           /* NPLOT_OFF hides the frame */
    double framealpha;     /* 0 → 0.8 */
    double fontsize;       /* 0 → 10 */
    const char *title;
    double markerscale;
    int fancybox;          /* NPLOT_OFF → square corners */
    nplot_f64s bbox_to_anchor; /* {x, y} or {x, y, width, height} in axes fractions (figure
                                  fractions for nplot_fig_legend): loc says where the box
                                  sits against that point or box, borderaxespad inside it */
    /* explicit entries and the box's look (matplotlib's legend(handles, labels, ...)) */
    nplot_ints handles;    /* indices of the axes' artists in the order added (0 = the first;
                              plot adds one per line, scatter one): the entries, in this order */
    nplot_strs labels;     /* the entries' labels: with handles exactly handles.n of them; alone,
                              they rename the labelled artists (exactly as many) */
    int reverse;           /* NPLOT_ON lists the entries in reverse order */
    int shadow;            /* NPLOT_ON draws a shadow under the frame (2 pt right and down) */
    const char *facecolor; /* frame face (NULL → the style's, white) */
    const char *edgecolor; /* frame edge (NULL → the style's, 0.8 gray) */
    double borderpad;      /* the spacings in font sizes (0 → matplotlib's defaults): 0.4 */
    double labelspacing;   /* 0.5: between rows */
    double handlelength;   /* 2.0: the handle's width */
    double handletextpad;  /* 0.8: handle to label */
    double columnspacing;  /* 2.0: between columns */
    double title_fontsize; /* 0 → fontsize */
    int scatterpoints;     /* markers in a scatter handle (0 → 1) */
    /* several legends, figure legends, the 'expand' mode (matplotlib's names) */
    const char *mode;      /* "expand": as wide as the 4-value bbox_to_anchor (or the axes /
                              figure without one) less borderaxespad on both sides, the columns
                              spread over it; NULL → as wide as the entries */
    double borderaxespad;  /* gap to the anchor box in font sizes: 0 → 0.5 (NPLOT_ZERO for 0) */
    nplot_axes *const *handle_axes; /* with handles: the axes of each (handles.n of them), so
                              entries can come from other axes (twins); NULL → the legend's own
                              axes. nplot_fig_legend's handles need it */
} nplot_legend_opts;
/* ax.legend(): by default entries from the artists that have labels, in the order added;
 * .handles / .labels choose them explicitly. A later call replaces the legend unless
 * nplot_legend_add_artist kept it. An errorbar's entry shows its line and marker crossed by its
 * bars (0.5 font sizes each way) with their caps, as matplotlib's. ND_EVALUE for a handle index
 * outside the axes' artists, handles and labels of different lengths, labels alone not
 * matching the labelled artists, a bad color, negative sizes, a bbox_to_anchor of neither 2
 * nor 4 finite values, a mode other than "expand", or "expand" with a 2-value anchor. */
NPLOT_API nd_status nplot_legend_(nplot_axes *ax, const nplot_legend_opts *o);
#define nplot_legend(...) nplot__kw_legend(__VA_ARGS__, )
#define nplot__kw_legend(ax, ...) nplot_legend_((ax), &(nplot_legend_opts){ 0, __VA_ARGS__ })
/* ax.add_artist(ax.legend(...)): keeps the axes' current legend as an artist of its own, so
 * that the next nplot_legend adds a second legend instead of replacing it (as many as wanted;
 * they are drawn in the order kept, the current legend last). A kept legend without explicit
 * handles lists the labelled artists of the time it is kept, as matplotlib's Legend does.
 * ND_EVALUE when the axes has no legend; keeping the same legend twice keeps it once. */
NPLOT_API nd_status nplot_legend_add_artist(nplot_axes *ax);
/* fig.legend(): a legend placed against the figure (loc and bbox_to_anchor in figure
 * fractions; 'best', the default, is 'upper right' as matplotlib's). Without .handles the
 * entries are the labelled artists of every axes, in the order the axes were added; with
 * .handles each index refers to the artists of .handle_axes[i] (required). .labels alone
 * rename the labelled artists of all axes (exactly as many). Each call adds a legend; they
 * are drawn over the axes and figure texts. Errors as nplot_legend's, and ND_EVALUE for a
 * handle axes of another figure. */
NPLOT_API nd_status nplot_fig_legend_(nplot_figure *fig, const nplot_legend_opts *o);
#define nplot_fig_legend(...) nplot__kw_fig_legend(__VA_ARGS__, )
#define nplot__kw_fig_legend(fig, ...) nplot_fig_legend_((fig), &(nplot_legend_opts){ 0, __VA_ARGS__ })

/* ---- limits, scales, aspect ------------------------------------------------------------ */
/* NaN keeps that side automatic (matplotlib's None). lo > hi inverts the axis. As matplotlib,
 * lo == hi is widened with a warning (nd_warn): by 5 % (±0.05 about 0), a decade either side
 * on a log axis, where a non-positive limit is ignored with a warning. */
NPLOT_API nd_status nplot_set_xlim(nplot_axes *ax, double lo, double hi);
NPLOT_API nd_status nplot_set_ylim(nplot_axes *ax, double lo, double hi);
/* Current view limits (autoscaled now if needed). */
NPLOT_API nd_status nplot_get_xlim(nplot_axes *ax, double *lo, double *hi);
NPLOT_API nd_status nplot_get_ylim(nplot_axes *ax, double *lo, double *hi);
/* Margins added by autoscale, as fractions of the data range (default 0.05). */
NPLOT_API nd_status nplot_margins(nplot_axes *ax, double x, double y);
typedef struct nplot_scale_opts {
    int _; /* reserved: leave it out (lets an empty option list compile) */
    double base;       /* log/symlog base, 0 → 10 */
    double linthresh;  /* symlog: 0 → 2 */
    double linscale;   /* symlog: 0 → 1 */
    int minor;         /* log: NPLOT_OFF hides minor ticks */
    double linear_width; /* asinh: the quasi-linear half-width, 0 → 1 */
    double (*forward)(double v, void *ctx); /* function: data → scaled (monotonic) ... */
    double (*inverse)(double t, void *ctx); /* ... and back */
    void *ctx;                              /* function: passed to both */
    const char *nonpositive; /* logit (issue 20): "mask" (NULL: values outside (0, 1) are
                                not drawn) or "clip" (drawn at the axis edge, as matplotlib's
                                LogitTransform: +-1000 in logit space); ND_EVALUE otherwise */
} nplot_scale_opts;
/* "linear", "log", "symlog", "asinh" (a0 * asinh(v / a0), a0 = linear_width: linear near 0,
 * logarithmic far out; ticks at 0 and ±base^k labelled 10^k as matplotlib's AsinhLocator and
 * LogFormatterSciNotation; no minor ticks yet), "function" (matplotlib's FuncScale: the
 * axis is linear in forward(v); ticks and labels as on a linear axis), "logit" (matplotlib's
 * LogitScale, log10(p / (1 - p)): ticks 10^-k, 1/2, 1 - 10^-k as LogitLocator (subsampled
 * when too many; minor ticks 2..9 x 10^-k between them; a view inside (0.1, 0.9) gets
 * MaxNLocator ticks with steps 1, 2, 5, 10) labelled as LogitFormatter ("10^{-2}",
 * "\frac{1}{2}", "1-10^{-2}", 0.3 ...); limits at or beyond 0 and 1 become the smallest
 * positive data value and 1 minus it (1e-7 without data), as limit_range_for_scale). Non-positive data on
 * a log axis is masked. ND_EVALUE for an unknown name, base <= 1, linear_width < 0, or
 * "function" without both forward and inverse. */
NPLOT_API nd_status nplot_set_xscale_(nplot_axes *ax, const char *scale, const nplot_scale_opts *o);
NPLOT_API nd_status nplot_set_yscale_(nplot_axes *ax, const char *scale, const nplot_scale_opts *o);
#define nplot_set_xscale(...) nplot__kw_set_xscale(__VA_ARGS__, )
#define nplot__kw_set_xscale(ax, s, ...) nplot_set_xscale_((ax), (s), &(nplot_scale_opts){ 0, __VA_ARGS__ })
#define nplot_set_yscale(...) nplot__kw_set_yscale(__VA_ARGS__, )
#define nplot__kw_set_yscale(ax, s, ...) nplot_set_yscale_((ax), (s), &(nplot_scale_opts){ 0, __VA_ARGS__ })
NPLOT_API nd_status nplot_invert_xaxis(nplot_axes *ax);
NPLOT_API nd_status nplot_invert_yaxis(nplot_axes *ax);
/* ax.axis("on" | "off" | "equal" | "scaled" | "tight" | "image" | "square" | "auto") as
 * matplotlib 3.6: "equal" widens the data limits for equal units in the same box, "scaled"
 * and "image" shrink the box instead, "tight" resets the aspect to auto (the margins stay,
 * as matplotlib's autoscale_view(tight=True)), "square" gives both axes the larger range
 * (from the lower limit up) in a square box. ND_EVALUE for an unknown mode. */
NPLOT_API nd_status nplot_axis(nplot_axes *ax, const char *mode);
/* ax.set_aspect(ratio) (1 → equal units); 0 → "auto". The adjustable stays: 'box' unless
 * nplot_axes_set_adjustable, nplot_axes_set_box_aspect or nplot_axis(ax, "equal") made it
 * 'datalim' (matplotlib's set_aspect(adjustable=None)). */
NPLOT_API nd_status nplot_set_aspect(nplot_axes *ax, double ratio);
NPLOT_API nd_status nplot_set_facecolor(nplot_axes *ax, const char *color);

/* ---- spines (heatmap section) ------------------------------------------------------------ */
/* ax.spines[which].set_visible(visible): `which` is NULL or "all" (ax.spines[:]) or a
 * comma-separated list of "left", "bottom", "right", "top". ND_EVALUE naming an unknown
 * spine. */
NPLOT_API nd_status nplot_spines_set_visible(nplot_axes *ax, const char *which, bool visible);
/* ax.spines[which].set_position(...): `kind` "zero" (data 0), "center" (axes 0.5),
 * "outward" (`amount` points away from the axes), "axes" (`amount` an axes fraction, 0 the
 * left/bottom edge) or "data" (`amount` a data value on the other axis). The tick marks and
 * tick labels of that side follow the spine. `which` as in nplot_spines_set_visible.
 * ND_EVALUE for an unknown spine or kind, or a non-finite amount. */
NPLOT_API nd_status nplot_spines_set_position(nplot_axes *ax, const char *which, const char *kind,
                                              double amount);
/* ax.spines[which].set_color(color). ND_EVALUE for an unknown spine or colour. */
NPLOT_API nd_status nplot_spines_set_color(nplot_axes *ax, const char *which, const char *color);
/* ax.spines[which].set_linewidth(lw) in points (>= 0). ND_EVALUE for an unknown spine or a
 * negative / non-finite width. */
NPLOT_API nd_status nplot_spines_set_linewidth(nplot_axes *ax, const char *which, double lw);
/* ax.spines[which].set_bounds(low, high): the spine spans only low..high, in data units
 * along it (x for bottom/top, y for left/right). ND_EVALUE for an unknown spine or
 * non-finite bounds. */
NPLOT_API nd_status nplot_spines_set_bounds(nplot_axes *ax, const char *which, double low,
                                            double high);
/* ax.set_axisbelow(b): NPLOT_ON puts the grid below every artist (zorder 0.5),
 * NPLOT_AXISBELOW_LINE (matplotlib's default 'line') between patches and lines (1.5),
 * NPLOT_OFF above lines (2.5). ND_EVALUE for any other value. */
enum { NPLOT_AXISBELOW_LINE = 2 };
NPLOT_API nd_status nplot_set_axisbelow(nplot_axes *ax, int below);

/* ---- ticks ------------------------------------------------------------------------------- */
typedef struct nplot_ticks_opts {
    int _; /* reserved: leave it out (lets an empty option list compile) */
    nplot_strs labels;         /* exactly n labels; not given → formatted positions */
    bool minor;
    double rotation;           /* label rotation in degrees */
    const char *ha;            /* label alignment ("right" with rotation=45 ...) */
    double fontsize;
    const char *rotation_mode; /* "default" (NULL: align the rotated label's bounding box)
                                  or "anchor" (align the unrotated label at the tick, then
                                  rotate it about that point); ND_EVALUE otherwise */
} nplot_ticks_opts;
/* ax.set_xticks(ticks, labels): fixed tick positions (n may be 0: no ticks). */
NPLOT_API nd_status nplot_set_xticks_(nplot_axes *ax, const double *ticks, int n,
                                           const nplot_ticks_opts *o);
NPLOT_API nd_status nplot_set_yticks_(nplot_axes *ax, const double *ticks, int n,
                                           const nplot_ticks_opts *o);
#define nplot_set_xticks(...) nplot__kw_set_xticks(__VA_ARGS__, )
#define nplot__kw_set_xticks(ax, t, n, ...) nplot_set_xticks_((ax), (t), (n), &(nplot_ticks_opts){ 0, __VA_ARGS__ })
#define nplot_set_yticks(...) nplot__kw_set_yticks(__VA_ARGS__, )
#define nplot__kw_set_yticks(ax, t, n, ...) nplot_set_yticks_((ax), (t), (n), &(nplot_ticks_opts){ 0, __VA_ARGS__ })
/* ax.set_xticklabels: labels for the current (fixed) ticks; rotation/ha/fontsize. */
NPLOT_API nd_status nplot_set_xticklabels_(nplot_axes *ax, const char *const *labels, int n,
                                                const nplot_ticks_opts *o);
NPLOT_API nd_status nplot_set_yticklabels_(nplot_axes *ax, const char *const *labels, int n,
                                                const nplot_ticks_opts *o);
#define nplot_set_xticklabels(...) nplot__kw_set_xticklabels(__VA_ARGS__, )
#define nplot__kw_set_xticklabels(ax, l, n, ...) nplot_set_xticklabels_((ax), (l), (n), &(nplot_ticks_opts){ 0, __VA_ARGS__ })
#define nplot_set_yticklabels(...) nplot__kw_set_yticklabels(__VA_ARGS__, )
#define nplot__kw_set_yticklabels(ax, l, n, ...) nplot_set_yticklabels_((ax), (l), (n), &(nplot_ticks_opts){ 0, __VA_ARGS__ })
/* The z axis of a 3-D axes: ax.set_zticks(ticks, labels), ax.set_zticklabels and
 * ax.zaxis.set_major_formatter, as their x counterparts (nplot_set_zformatter is with the
 * formatters below). ND_EVALUE on a 2-D axes. */
NPLOT_API nd_status nplot_set_zticks_(nplot_axes *ax, const double *ticks, int n,
                                      const nplot_ticks_opts *o);
#define nplot_set_zticks(...) nplot__kw_set_zticks(__VA_ARGS__, )
#define nplot__kw_set_zticks(ax, t, n, ...) nplot_set_zticks_((ax), (t), (n), &(nplot_ticks_opts){ 0, __VA_ARGS__ })
NPLOT_API nd_status nplot_set_zticklabels_(nplot_axes *ax, const char *const *labels, int n,
                                           const nplot_ticks_opts *o);
#define nplot_set_zticklabels(...) nplot__kw_set_zticklabels(__VA_ARGS__, )
#define nplot__kw_set_zticklabels(ax, l, n, ...) nplot_set_zticklabels_((ax), (l), (n), &(nplot_ticks_opts){ 0, __VA_ARGS__ })

typedef struct nplot_tick_params {
    int _; /* reserved: leave it out (lets an empty option list compile) */
    const char *axis;       /* "x", "y", "both" (default) */
    const char *which;      /* "major" (default), "minor", "both" */
    const char *direction;  /* "out" (default), "in", "inout" */
    double length, width, pad, labelsize, labelrotation;
    const char *color;      /* tick marks */
    const char *labelcolor;
    int bottom, top, left, right;                     /* draw ticks on that side (of the
                                                         `which` ticks only) */
    int labelbottom, labeltop, labelleft, labelright; /* draw labels on that side */
    const char *colors;         /* tick marks and labels both (color / labelcolor win) */
    const char *grid_color;     /* the `which` grid lines' style (the grid stays off until */
    double grid_alpha;          /* nplot_grid turns it on, as in matplotlib); 0 keeps */
    double grid_linewidth;
    const char *grid_linestyle; /* "-", "--", ":", "-.", "solid", ...; ND_EVALUE otherwise */
} nplot_tick_params;
NPLOT_API nd_status nplot_tick_params_(nplot_axes *ax, const nplot_tick_params *o);
#define nplot_tick_params(...) nplot__kw_tick_params(__VA_ARGS__, )
#define nplot__kw_tick_params(ax, ...) nplot_tick_params_((ax), &(nplot_tick_params){ 0, __VA_ARGS__ })
/* Minor ticks with the automatic minor locator (log axes have them by default). */
NPLOT_API nd_status nplot_minorticks_on(nplot_axes *ax);
NPLOT_API nd_status nplot_minorticks_off(nplot_axes *ax);

typedef struct nplot_grid_opts {
    int _; /* reserved: leave it out (lets an empty option list compile) */
    int visible;           /* NPLOT_OFF removes the grid */
    const char *which;     /* "major" (default), "minor", "both" */
    const char *axis;      /* "both" (default), "x", "y" */
    const char *color;     /* NULL → "#b0b0b0" */
    const char *linestyle;
    double linewidth;      /* 0 → 0.8 */
    double alpha;
} nplot_grid_opts;
NPLOT_API nd_status nplot_grid_(nplot_axes *ax, const nplot_grid_opts *o);
#define nplot_grid(...) nplot__kw_grid(__VA_ARGS__, )
#define nplot__kw_grid(ax, ...) nplot_grid_((ax), &(nplot_grid_opts){ 0, __VA_ARGS__ })

/* Tick label formatters (nplot_tick_format_fn is declared with the colorbar). */
typedef struct nplot_formatter_opts {
    int _; /* reserved: leave it out (lets an empty option list compile) */
    const char *kind;   /* "scalar" (default: offset + scientific notation), "plain"
                           (no offset, no 1eN), "sci" (always 1eN), "percent", "printf",
                           "log" (10^k), "callback", "eng" (EngFormatter:
                           1.5 k), "null" or "none" (NullFormatter: empty labels) */
    const char *fmt;    /* printf: a format with one double conversion, e.g. "%.1f km" */
    double xmax;        /* percent: the value that is 100% (0 → 100) */
    int decimals;       /* percent: decimals, 0 → automatic; NPLOT_OFF → 0 */
    const char *symbol; /* percent: NULL → "%" */
    nplot_tick_format_fn fn;
    void *ctx;
    bool minor;         /* set the minor formatter instead */
    const char *unit;   /* eng (EngFormatter): the unit after the SI prefix, NULL → "" */
    int places;         /* eng: digits after the point, 0 → "%g" (None); NPLOT_OFF → 0 */
    const char *sep;    /* eng: between number and prefix+unit, NULL → " " */
} nplot_formatter_opts;
NPLOT_API nd_status nplot_set_xformatter_(nplot_axes *ax, const nplot_formatter_opts *o);
NPLOT_API nd_status nplot_set_yformatter_(nplot_axes *ax, const nplot_formatter_opts *o);
#define nplot_set_xformatter(...) nplot__kw_set_xformatter(__VA_ARGS__, )
#define nplot__kw_set_xformatter(ax, ...) nplot_set_xformatter_((ax), &(nplot_formatter_opts){ 0, __VA_ARGS__ })
#define nplot_set_yformatter(...) nplot__kw_set_yformatter(__VA_ARGS__, )
#define nplot__kw_set_yformatter(ax, ...) nplot_set_yformatter_((ax), &(nplot_formatter_opts){ 0, __VA_ARGS__ })
NPLOT_API nd_status nplot_set_zformatter_(nplot_axes *ax, const nplot_formatter_opts *o); /* 3-D */
#define nplot_set_zformatter(...) nplot__kw_set_zformatter(__VA_ARGS__, )
#define nplot__kw_set_zformatter(ax, ...) nplot_set_zformatter_((ax), &(nplot_formatter_opts){ 0, __VA_ARGS__ })

/* matplotlib.ticker.MaxNLocator(nbins, steps=[1, 2, 2.5, 5, 10]).tick_values(vmin, vmax):
 * writes at most `cap` ticks to out and returns how many there are (may exceed cap), or
 * a negative status. */
NPLOT_API int nplot_maxn_ticks(double vmin, double vmax, int nbins, double *out, int cap);
/* LogLocator(base, numticks).tick_values: decades (and subs 2..base-1 when minor). */
NPLOT_API int nplot_log_ticks(double vmin, double vmax, double base, int numticks, bool minor,
                              double *out, int cap);

/* ---- locators and engineering labels (issue 20, ticks) ---------------------------------- */
/* matplotlib.ticker locators for an axis' major or minor ticks:
 *   "auto"      MaxNLocator / LogLocator as the scale wants (the default; also clears a
 *               "fixed" or "null" choice),
 *   "multiple"  MultipleLocator(base, offset): every multiple of base, shifted by offset,
 *   "fixed"     FixedLocator(ticks): exactly those positions (as nplot_set_xticks),
 *   "null"      NullLocator(): no ticks,
 *   "autominor" AutoMinorLocator(n) (minor only): n intervals between major ticks, 0 →
 *               matplotlib's choice (5 when the major step is 1, 2.5 or 5 x 10^k, else 4).
 * Minor locators other than "auto" show minor ticks without nplot_minorticks_on. ND_EVALUE
 * for an unknown kind, base <= 0 or non-finite, n < 0, a "fixed" list with a non-finite
 * value or "autominor" as the major locator. */
typedef struct nplot_locator_opts {
    int _; /* reserved: leave it out (lets an empty option list compile) */
    const char *kind;     /* see above; NULL → "auto" */
    double base;          /* multiple: the step, 0 → 1 */
    double offset;        /* multiple: ticks at offset + k * base */
    const double *ticks;  /* fixed: the positions ... */
    int nticks;           /* ... and their count */
    int n;                /* autominor: intervals per major step, 0 → automatic */
    bool minor;           /* set the minor locator instead of the major one */
} nplot_locator_opts;
NPLOT_API nd_status nplot_set_xlocator_(nplot_axes *ax, const nplot_locator_opts *o);
NPLOT_API nd_status nplot_set_ylocator_(nplot_axes *ax, const nplot_locator_opts *o);
#define nplot_set_xlocator(...) nplot__kw_set_xlocator(__VA_ARGS__, )
#define nplot__kw_set_xlocator(ax, ...) nplot_set_xlocator_((ax), &(nplot_locator_opts){ 0, __VA_ARGS__ })
#define nplot_set_ylocator(...) nplot__kw_set_ylocator(__VA_ARGS__, )
#define nplot__kw_set_ylocator(ax, ...) nplot_set_ylocator_((ax), &(nplot_locator_opts){ 0, __VA_ARGS__ })
/* MultipleLocator(base, offset).tick_values(vmin, vmax): writes at most cap ticks to out
 * and returns how many there are (may exceed cap; matplotlib's one extra step each side
 * included), or ND_EVALUE for base <= 0 or non-finite input. */
NPLOT_API int nplot_multiple_ticks(double vmin, double vmax, double base, double offset,
                                   double *out, int cap);
/* AutoMinorLocator(n) for the major ticks major[0..nmajor) over the view [vmin, vmax],
 * with the minor ticks that fall on a major tick removed (as Axis.get_minorticklocs does):
 * writes at most cap ticks, returns the count (may exceed cap) or ND_EVALUE for n < 0. */
NPLOT_API int nplot_autominor_ticks(const double *major, int nmajor, double vmin, double vmax,
                                    int n, double *out, int cap);
/* EngFormatter(unit, places, sep)(v): "1.5 kHz". places < 0 → matplotlib's None ("%g");
 * sep NULL → " ". Writes a NUL-terminated UTF-8 string (minus sign U+2212, micro U+00B5)
 * into buf; returns ND_EVALUE when buf is NULL or cap is too small for the label. The
 * axis formatter kind "eng" (nplot_set_xformatter with .unit, .places, .sep) uses it. */
NPLOT_API nd_status nplot_eng_format(double v, const char *unit, int places, const char *sep,
                                     char *buf, size_t cap);

/* ---- date axes and string arrays (matplotlib.dates, StrCategoryConverter; issue 17) -------- */
/* A datetime64 nd_array (any unit) given as x or y to a plot function that takes nd_array
 * (nplot_plot_, nplot_step_, nplot_scatter_, nplot_bar_, nplot_barh_, nplot_fill_between_,
 * nplot_errorbar_, nplot_stem_, nplot_hlines_ / nplot_vlines_ positions, ...) becomes
 * matplotlib's date numbers, float days since 1970-01-01T00:00 UTC (date2num with the
 * 1970 epoch of matplotlib >= 3.3; sub-microsecond parts are truncated, NaT is NaN: a gap),
 * and makes that axis a date axis (matplotlib's DateConverter): AutoDateLocator
 * (interval_multiples=True, minticks 5) places the ticks and AutoDateFormatter labels
 * them, unless nplot_set_date_formatter chooses another. A 'U' or 'S' array as x or y of
 * nplot_plot_, nplot_step_, nplot_scatter_, nplot_bar_, nplot_barh_ holds categories: each
 * label not seen before on that axis takes the next position 0, 1, 2, ... (first-seen
 * order, shared with nplot_plot_cat and nplot_bar_cat on the same axis). timedelta64
 * values plot as their plain counts of the unit (matplotlib has no timedelta converter),
 * NaT as a gap. Errors (ND_EDTYPE, as matplotlib's ConversionError / TypeError): dates on
 * an axis holding string categories, or strings on a date axis. Numbers on a date axis are
 * date numbers, as in matplotlib. */
/* Longest date tick label with its NUL, and the farthest date (in days) an axis ticks. */
#define NPLOT_DATE_LABEL 64
#define NPLOT_DATE_MAX_DAYS 365242500.0
/* matplotlib.dates.datestr2num for one ISO 8601 string ("2008-01-01", "2008-01-01T12:30",
 * parsed by nd_datetime_parse): its date number into *days. ND_EVALUE for a NULL pointer,
 * a string that does not parse (the parser's message names it), NaT, or a date beyond
 * NPLOT_DATE_MAX_DAYS. Use it for axvline / axvspan / annotate at a date. */
NPLOT_API nd_status nplot_datestr2num(const char *iso, double *days);
/* matplotlib.dates.date2num of a datetime64 array: nd_size(dates) date numbers in C order
 * into out (NaT → NaN). ND_EDTYPE for another dtype, ND_EVALUE for NULL pointers. */
NPLOT_API nd_status nplot_date2num(const nd_array *dates, double *out);
/* DateFormatter(fmt)(days): num2date(days).strftime(fmt) with the codes %Y %y %m %d %e %H
 * %I %p %M %S %f %j %b %B %a %A %% (English names). Writes a NUL-terminated string cut to
 * cap and returns the full length; 0 (empty string) for a non-finite date, one beyond
 * NPLOT_DATE_MAX_DAYS, a NULL fmt or buf. */
NPLOT_API size_t nplot_date_format(double days, const char *fmt, char *buf, size_t cap);
/* The major ticks a date axis shows for the view [vmin, vmax] (date numbers): the
 * AutoDateLocator positions inside the view into ticks (at most cap), their labels into
 * labels (may be NULL) and the offset text into offset (offcap bytes; "" unless the
 * formatter is "concise": ConciseDateFormatter's "2008" / "2008-Jan" / ...). formatter is
 * NULL or "auto" (AutoDateFormatter), "concise", or a strftime format as
 * nplot_date_format takes (DateFormatter). As matplotlib, the formatter sees every located
 * tick, also those just outside the view. Returns the count (may exceed cap) or ND_EVALUE
 * for a bad formatter, NULL buffers with a positive cap, or a view that is not finite or
 * beyond NPLOT_DATE_MAX_DAYS. */
NPLOT_API int nplot_date_ticks(double vmin, double vmax, const char *formatter, double *ticks,
                               char (*labels)[NPLOT_DATE_LABEL], int cap, char *offset,
                               size_t offcap);
/* ax.xaxis_date() / ax.yaxis_date(): make axis "x" or "y" a date axis whatever its data
 * (its values are date numbers). ND_EVALUE for another axis name, ND_EDTYPE when the axis
 * holds string categories. */
NPLOT_API nd_status nplot_axis_date(nplot_axes *ax, const char *axis);
/* The tick labels of date axis "x" or "y" (making it a date axis): "auto"
 * (AutoDateFormatter, the default), "concise" (ConciseDateFormatter with its offset text
 * at the axis end, as matplotlib draws it) or a strftime format ("%b %Y": DateFormatter).
 * ND_EVALUE for another axis or formatter, ND_EDTYPE when the axis holds categories. */
NPLOT_API nd_status nplot_set_date_formatter(nplot_axes *ax, const char *axis, const char *formatter);
/* plt.xlim(datetime(2008, 1, 1), datetime(2010, 12, 31)): view limits from two ISO 8601
 * strings (nplot_datestr2num; NULL keeps that side automatic, as matplotlib's None), and
 * the axis becomes a date axis. Errors as nplot_datestr2num and nplot_set_xlim. */
NPLOT_API nd_status nplot_set_xlim_dates(nplot_axes *ax, const char *lo, const char *hi);
NPLOT_API nd_status nplot_set_ylim_dates(nplot_axes *ax, const char *lo, const char *hi);
/* ax.set_xticklabels(labels) with the labels a 1-D 'U' or 'S' array (np.array(list("ABC"))):
 * its elements as UTF-8 text, then as nplot_set_xticklabels_. ND_EDTYPE for another dtype,
 * ND_ESHAPE when it is not 1-D, ND_EVALUE for a NULL array. */
NPLOT_API nd_status nplot_set_xticklabels_arr_(nplot_axes *ax, const nd_array *labels,
                                               const nplot_ticks_opts *o);
NPLOT_API nd_status nplot_set_yticklabels_arr_(nplot_axes *ax, const nd_array *labels,
                                               const nplot_ticks_opts *o);
#define nplot_set_xticklabels_arr(...) nplot__kw_set_xticklabels_arr(__VA_ARGS__, )
#define nplot__kw_set_xticklabels_arr(ax, l, ...) nplot_set_xticklabels_arr_((ax), (l), &(nplot_ticks_opts){ 0, __VA_ARGS__ })
#define nplot_set_yticklabels_arr(...) nplot__kw_set_yticklabels_arr(__VA_ARGS__, )
#define nplot__kw_set_yticklabels_arr(ax, l, ...) nplot_set_yticklabels_arr_((ax), (l), &(nplot_ticks_opts){ 0, __VA_ARGS__ })

/* ---- contour, contourf, clabel ------------------------------------------------------------ */
typedef struct nplot_contour_opts {
    int _; /* reserved: leave it out (lets an empty option list compile) */
    int nlevels;               /* about this many levels: MaxNLocator(nlevels + 1) over the
                                  data range, as matplotlib's levels=N; 0 → 7 */
    nplot_f64s levels;         /* explicit levels, strictly increasing (overrides nlevels;
                                  contourf needs 2 at least) */
    const char *cmap;          /* NULL → viridis (unless colors are given) */
    double vmin, vmax;         /* equal → the first and the last level */
    nplot_strs colors;         /* one color for all, or one per level (band), cycled */
    double alpha;
    nplot_f64s linewidths;     /* contour: one width for all or per level, cycled; → 1.5 */
    nplot_strs linestyles;     /* contour: "solid", "dashed", "dashdot", "dotted" per level */
    const char *negative_linestyle; /* one-color contour: levels below 0 use it; → "dashed" */
    const char *extend;        /* "neither" (default), "min", "max", "both": contourf fills
                                  below the first / above the last level too */
    int corner_mask;           /* NPLOT_OFF: a cell with a masked corner is left out whole
                                  (default: the triangle of its other corners is kept) */
    const nd_array *mask;      /* Z's shape: nonzero points are left out (as NaN ones are) */
    const char *origin;        /* X, Y not given: NULL (indices, or a linspace over extent),
                                  "lower", "upper", "image": pixel centres as imshow's */
    nplot_f64s extent;         /* exactly 4 values {x0, x1, y0, y1} (X, Y not given) */
    int antialiased;           /* contourf: NPLOT_ON smooths band edges (default off, as
                                  matplotlib's, so that bands meet without seams) */
    double zorder;             /* 0 → 2 (contour), 1 (contourf) */
    const char *zdir;          /* 3-D: "z" (default), "x", "y": the levels are of that axis */
    double offset;             /* 3-D: put the contours on the plane zdir = offset (a pane)
                                  instead of at their levels; NPLOT_ZERO for 0 */
    const nplot_norm *norm;     /* NULL → Normalize(vmin, vmax); with a norm leave
                                   vmin/vmax out (ND_EVALUE otherwise); a LogNorm
                                   without levels picks them with a LogLocator, as
                                   matplotlib's contour */
    nplot_strs hatches;         /* contourf: one hatch per band, cycled; a NULL entry leaves
                                   that band plain (matplotlib's hatches=['/', None]) */
} nplot_contour_opts;
/* ax.contour(X, Y, Z) / ax.contourf(X, Y, Z): Z is (ny, nx); X and Y are 1-D (nx and ny
 * values) or Z's shape, or both NULL (indices, or origin / extent). Marching squares with
 * the mean of a cell's corners deciding saddles (contourpy's default); NaN or masked points
 * are left out. contour draws one line per level, contourf fills each band (lo, hi] (the
 * first closed below too) with its holes. The set is the axes' mappable: nplot_colorbar
 * shows its levels (lines) or bands; nplot_clabel labels it. A set of one color dashes
 * its negative levels. Limits fit the grid tightly. An all-NaN Z draws nothing (ND_OK).
 * ND_ESHAPE when Z is not 2-D, smaller than 2 x 2 or X / Y do not fit it (the message
 * gives the shapes); ND_EVALUE for levels not increasing, a bad color, cmap or option.
 * On a 3-D axes these are contour3D / contourf3D (see nplot_contour3d). */
NPLOT_API nd_status nplot_contour_(nplot_axes *ax, const nd_array *X, const nd_array *Y,
                                   const nd_array *Z, const nplot_contour_opts *o);
#define nplot_contour(...) nplot__kw_contour(__VA_ARGS__, )
#define nplot__kw_contour(ax, X, Y, Z, ...) \
    nplot_contour_((ax), (X), (Y), (Z), &(nplot_contour_opts){ 0, __VA_ARGS__ })
NPLOT_API nd_status nplot_contourf_(nplot_axes *ax, const nd_array *X, const nd_array *Y,
                                    const nd_array *Z, const nplot_contour_opts *o);
#define nplot_contourf(...) nplot__kw_contourf(__VA_ARGS__, )
#define nplot__kw_contourf(ax, X, Y, Z, ...) \
    nplot_contourf_((ax), (X), (Y), (Z), &(nplot_contour_opts){ 0, __VA_ARGS__ })
/* Axes3D.contour / contourf: the lines (bands) at the height of their level (band middle)
 * or, with .offset, projected onto the plane zdir = offset; .zdir "x" / "y" contours X (Y)
 * over the (Y, Z) ((Z, X)) grid. ND_EVALUE on a 2-D axes. */
NPLOT_API nd_status nplot_contour3d_(nplot_axes *ax, const nd_array *X, const nd_array *Y,
                                     const nd_array *Z, const nplot_contour_opts *o);
#define nplot_contour3d(...) nplot__kw_contour3d(__VA_ARGS__, )
#define nplot__kw_contour3d(ax, X, Y, Z, ...) \
    nplot_contour3d_((ax), (X), (Y), (Z), &(nplot_contour_opts){ 0, __VA_ARGS__ })
NPLOT_API nd_status nplot_contourf3d_(nplot_axes *ax, const nd_array *X, const nd_array *Y,
                                      const nd_array *Z, const nplot_contour_opts *o);
#define nplot_contourf3d(...) nplot__kw_contourf3d(__VA_ARGS__, )
#define nplot__kw_contourf3d(ax, X, Y, Z, ...) \
    nplot_contourf3d_((ax), (X), (Y), (Z), &(nplot_contour_opts){ 0, __VA_ARGS__ })
/* The levels of the axes' last contour set (ContourSet.levels): writes at most cap and
 * returns how many there are, or a negative status (ND_EVALUE: no contour set). */
NPLOT_API int nplot_contour_levels(nplot_axes *ax, double *out, int cap);
/* The vertices of item i of the last 2-D contour set (level i's lines, or band i's polygons,
 * bands counted from the lowest, extensions included), NaN between polylines / polygons;
 * a closed line repeats its first vertex; a band's polygons give the band under the
 * nonzero rule (holes wound against their outlines), so their signed areas add up to the
 * band's. Writes at most cap to x and y (either may be NULL) and returns the count, or a
 * negative status (ND_EVALUE without a contour set, ND_EINDEX for i out of range; neither
 * fails the figure). */
NPLOT_API int nplot_contour_path(nplot_axes *ax, int i, double *x, double *y, int cap);

typedef struct nplot_clabel_opts {
    int _; /* reserved: leave it out (lets an empty option list compile) */
    nplot_f64s levels;         /* label only these levels (each one of the set's) */
    double fontsize;           /* 0 → 10 */
    nplot_strs colors;         /* one for all or one per labelled level; → the lines' */
    const char *fmt;           /* printf format of one double ("%.1f"); NULL → matplotlib's
                                  ScalarFormatter over the labelled levels */
    nplot_tick_format_fn fn;   /* or a callback (index = the label's level index) */
    void *ctx;
    int inline_labels;         /* NPLOT_OFF: the lines are not broken under the labels */
    double inline_spacing;     /* pixels left free beside a label, 0 → 5 */
    nplot_f64s manual;         /* x0, y0, x1, y1, ...: one label at the contour point nearest
                                  each (data coordinates) instead of automatic placement */
} nplot_clabel_opts;
/* ax.clabel(cs) for the axes' last contour (lines) set: labels placed where each line is
 * straightest (matplotlib's locate_label, at draw time when the pixel geometry is known),
 * rotated along it, the line broken under the text. On a 3-D axes the same, on the lines
 * as projected at each draw (matplotlib's Axes3D.clabel draws nothing); .manual is 2-D
 * only. ND_EVALUE without a line contour set, for a level that is not the set's, or for
 * .manual on a 3-D axes. */
NPLOT_API nd_status nplot_clabel_(nplot_axes *ax, const nplot_clabel_opts *o);
#define nplot_clabel(...) nplot__kw_clabel(__VA_ARGS__, )
#define nplot__kw_clabel(ax, ...) nplot_clabel_((ax), &(nplot_clabel_opts){ 0, __VA_ARGS__ })

/* ---- artists after the fact: setters, remove, relim, cla, delaxes ------------------------ */
/* What matplotlib's plotting calls return (a Line2D, a PathCollection, a Text, ...): each call
 * adds artists to its axes in order (plot adds one line per column, errorbar its line then its
 * bars and caps, bar one patch collection), and nplot_get_artist(ax, -1) is the last one added,
 * as `line, = ax.plot(...)`. A handle stays valid until its figure is freed: after
 * nplot_artist_remove, nplot_cla or nplot_fig_delaxes the setters give ND_EVALUE ("was
 * removed") instead of touching freed memory. */
typedef struct nplot_artist nplot_artist;
/* The number of artists of ax; -1 with ND_EVALUE for a NULL axes. */
NPLOT_API ptrdiff_t nplot_artist_count(const nplot_axes *ax);
/* Artist i of ax in the order added; a negative i counts from the end (-1: the last).
 * NULL with ND_EINDEX when out of range. */
NPLOT_API nplot_artist *nplot_get_artist(nplot_axes *ax, ptrdiff_t i);
/* Its type: "line", "scatter", "polygon", "segments", "text", "annotation", "patches",
 * "image", ... (NULL for NULL). */
NPLOT_API const char *nplot_artist_kind(const nplot_artist *a);
/* Its axes (NULL once removed). */
NPLOT_API nplot_axes *nplot_artist_axes(const nplot_artist *a);
/* Line2D.set_data / PathCollection.set_offsets: n new points (copied); x or y NULL keeps that
 * coordinate (n must then equal the current count). The data limits stay as they were, as in
 * matplotlib: call nplot_relim for the view to follow. ND_EVALUE for other artist types,
 * ND_ESHAPE when a scatter's per-point sizes or colours do not match n. */
NPLOT_API nd_status nplot_artist_set_data(nplot_artist *a, const double *x, const double *y, size_t n);
/* set_color: a line's colour (its markers follow when they had the line's colour), a
 * collection's or patch's face and edge, a text's colour. ND_EVALUE for an unknown colour or
 * an artist coloured by its colormap (images, meshes, contours). */
NPLOT_API nd_status nplot_artist_set_color(nplot_artist *a, const char *color);
/* set_linewidth in points: a line's width, a collection's or patch's edge width. */
NPLOT_API nd_status nplot_artist_set_linewidth(nplot_artist *a, double lw);
/* set_alpha in [0, 1] (ND_EVALUE outside). */
NPLOT_API nd_status nplot_artist_set_alpha(nplot_artist *a, double alpha);
/* set_visible: a hidden artist is not drawn but keeps its legend entry and data limits (as
 * matplotlib's). get_visible is false for a hidden or removed artist. */
NPLOT_API nd_status nplot_artist_set_visible(nplot_artist *a, bool visible);
NPLOT_API bool nplot_artist_get_visible(const nplot_artist *a);
/* set_zorder (finite). */
NPLOT_API nd_status nplot_artist_set_zorder(nplot_artist *a, double zorder);
/* set_label (NULL clears it; a label starting with '_' makes no legend entry). */
NPLOT_API nd_status nplot_artist_set_label(nplot_artist *a, const char *label);
/* Text.set_text for texts and annotations (ND_EVALUE for other artists). */
NPLOT_API nd_status nplot_artist_set_text(nplot_artist *a, const char *text);
/* Artist.remove: the artist leaves its axes (and legends that listed it explicitly); the
 * later artists move down one index. */
NPLOT_API nd_status nplot_artist_remove(nplot_artist *a);
/* ax.relim(): recompute the data limits from the artists the axes has now (after set_data
 * or remove); the autoscaled view follows at the next draw (relim + autoscale_view). */
NPLOT_API nd_status nplot_relim(nplot_axes *ax);
/* ax.cla() / ax.clear(): removes every artist and legend, resets titles, labels, limits,
 * scales, ticks, spines and the colour cycle to a new axes' state. The position, sharing,
 * twin sides and projection stay. ND_EVALUE for a colorbar or secondary axes (cleared with
 * their parent). */
NPLOT_API nd_status nplot_cla(nplot_axes *ax);
/* fig.delaxes(ax): the axes leaves the figure (its handle stays valid, drawing nothing).
 * ND_EVALUE when ax is not in fig or a twin, colorbar, secondary or sharing axes is attached
 * to it (delete those first). */
NPLOT_API nd_status nplot_fig_delaxes(nplot_figure *fig, nplot_axes *ax);

/* ---- twin axes ------------------------------------------------------------------------- */
/* ax.twinx(): a new axes sharing x, its y axis on the right. twiny(): shares y. */
NPLOT_API nplot_axes *nplot_twinx(nplot_axes *ax);
NPLOT_API nplot_axes *nplot_twiny(nplot_axes *ax);

/* ---- secondary axes ------------------------------------------------------------------------ */
typedef struct nplot_secondary_opts {
    int _; /* reserved: leave it out (lets an empty option list compile) */
    const char *location; /* "top" (default) or "bottom" for x, "right" (default) or "left"
                             for y */
    double at;            /* or the position in the parent's axes coordinates (0 bottom /
                             left, 1 top / right; NPLOT_ZERO for 0): ticks and labels go on
                             the top (right) side when at >= 0.5, else below (left) */
    double (*forward)(double v, void *ctx); /* parent units → secondary units (monotonic) */
    double (*inverse)(double v, void *ctx); /* and back; both or neither (→ identity) */
    void *ctx;                              /* passed to both */
    double scale;         /* or a constant factor: secondary = scale * parent (NPLOT_ZERO is
                             refused) */
    const char *color;    /* SecondaryAxis.set_color: spine, ticks, tick and axis labels */
} nplot_secondary_opts;
/* ax.secondary_xaxis(location, functions=(forward, inverse)) / secondary_yaxis as matplotlib
 * 3.6: a new axes (owned by the figure) that draws one more axis of ax, its limits
 * forward(ax's limits) at every draw, ticked by its own locator over them (MaxNLocator, or
 * LogLocator with 10^k labels when ax's axis is log) and placed so that a secondary value v
 * sits where ax's inverse(v) does. Give it a label, ticks or formatters like any axes; it
 * draws no artists. A forward that maps ax's limits to non-finite or equal values fails the
 * figure at draw time. ND_EVALUE for a NULL, polar, 3-D or secondary ax, a location of the
 * other orientation, forward without inverse, both functions and scale, a zero or
 * non-finite scale or at, or a bad color. */
NPLOT_API nplot_axes *nplot_secondary_xaxis_(nplot_axes *ax, const nplot_secondary_opts *o);
NPLOT_API nplot_axes *nplot_secondary_yaxis_(nplot_axes *ax, const nplot_secondary_opts *o);
#define nplot_secondary_xaxis(...) nplot__kw_secondary_xaxis(__VA_ARGS__, )
#define nplot__kw_secondary_xaxis(ax, ...) \
    nplot_secondary_xaxis_((ax), &(nplot_secondary_opts){ 0, __VA_ARGS__ })
#define nplot_secondary_yaxis(...) nplot__kw_secondary_yaxis(__VA_ARGS__, )
#define nplot__kw_secondary_yaxis(ax, ...) \
    nplot_secondary_yaxis_((ax), &(nplot_secondary_opts){ 0, __VA_ARGS__ })

/* ---- drawing and output ------------------------------------------------------------------ */
/* Lay out the figure (autoscale, ticks, tight_layout) without output, like
 * fig.canvas.draw(), so the getters below report what a savefig would draw. */
NPLOT_API nd_status nplot_figure_draw(nplot_figure *fig);
/* Major tick positions inside the view and their labels after nplot_figure_draw.
 * Returns the count (may exceed cap) or a negative status. The label pointers stay
 * valid until the figure changes. */
NPLOT_API int nplot_get_xticks(nplot_axes *ax, double *out, int cap);
NPLOT_API int nplot_get_yticks(nplot_axes *ax, double *out, int cap);
NPLOT_API const char *nplot_get_xticklabel(nplot_axes *ax, int i);
NPLOT_API const char *nplot_get_yticklabel(nplot_axes *ax, int i);
/* The axis offset / scale text ("1e6", "+1e3", "" when none) after nplot_figure_draw. */
NPLOT_API const char *nplot_get_xoffset_text(nplot_axes *ax);
NPLOT_API const char *nplot_get_yoffset_text(nplot_axes *ax);
/* The axes rectangle in pixels (origin top-left) after nplot_figure_draw. */
NPLOT_API nd_status nplot_axes_pixel_box(nplot_axes *ax, double *x0, double *y0, double *x1,
                                         double *y1);
/* Data coordinates → pixel position (origin top-left) after nplot_figure_draw. */
NPLOT_API nd_status nplot_data_to_pixel(nplot_axes *ax, double x, double y, double *px, double *py);

typedef struct nplot_save_opts {
    int _; /* reserved: leave it out (lets an empty option list compile) */
    const char *format;    /* "png", "svg", "pdf"; NULL → from the extension; none: png,
                              and ".png" is appended to the path (matplotlib) */
    double dpi;            /* 0 → the figure's */
    bool transparent;      /* no figure/axes background */
    const char *facecolor; /* NULL → the figure's */
    /* ---- savefig options of issue 20 (plot/savefig_more.c) ----
     * Formats also "jpg"/"jpeg" (libjpeg; no alpha: flattened on white as matplotlib),
     * "ps" and "eps" (cairo's PostScript level 3, the page the figure's size; "eps" an
     * Encapsulated PostScript file with its %%BoundingBox). */
    const char *bbox_inches;      /* NULL → the whole figure; "tight": the box around every
                                     axes with its tick labels, labels and titles, the
                                     legends and the figure texts, plus pad_inches (matplotlib's
                                     fig.get_tightbbox().padded(pad)); a raster is
                                     int(width) x int(height) pixels as Agg's canvas */
    double pad_inches;            /* with "tight": 0 → 0.1 (savefig.pad_inches); NPLOT_ZERO for none */
    const char *const *metadata;  /* NULL or NULL-terminated key, value pairs: PNG tEXt chunks,
                                     PDF document info (Title, Author, Subject, Keywords, Creator,
                                     CreationDate, ModDate; another key is left out with a
                                     warning, as matplotlib warns of it), PS/EPS
                                     DSC comments (%%Title: ...; without one the file name, as
                                     matplotlib). ND_EVALUE for JPEG or SVG output (matplotlib 3.6's
                                     jpg writer takes none; cairo writes no SVG metadata), a key of
                                     0 or more than 79 characters, a missing value */
    int quality;                  /* JPEG quality 1..100, 0 → 75 (Pillow's default);
                                     ND_EVALUE outside that or for another format */
} nplot_save_opts;
/* Render to a file. ND_EIO naming the path when it cannot be written (an existing file is
 * left as it was: every format is written to a temporary file renamed over it); ND_EVALUE
 * for an unknown format, bbox_inches other than "tight", a negative pad_inches; the
 * figure's sticky error if it has one. PNG bytes are deterministic. */
NPLOT_API nd_status nplot_savefig_(nplot_figure *fig, const char *path, const nplot_save_opts *o);
#define nplot_savefig(...) nplot__kw_savefig(__VA_ARGS__, )
#define nplot__kw_savefig(fig, path, ...) \
    nplot_savefig_((fig), (path), &(nplot_save_opts){ 0, __VA_ARGS__ })
/* Render into the caller's memory: width × height pixels of RGBA bytes (not
 * premultiplied), rows `stride` bytes apart. width/height must equal
 * nplot_figure_pixel_size (ND_ESHAPE otherwise). */
NPLOT_API nd_status nplot_figure_render_rgba(nplot_figure *fig, unsigned char *rgba, int width,
                                             int height, int stride);
/* Render to a new (height, width, 4) uint8 array (RGBA). */
NPLOT_API nd_array *nplot_figure_to_array(nplot_figure *fig);

/* ---- images ------------------------------------------------------------------------------ */
/* Read a PNG as a new (height, width, 4) uint8 RGBA array (plt.imread gives floats;
 * divide by 255). ND_EIO naming the path on failure. */
NPLOT_API nd_array *nplot_imread(const char *path);
/* ---- imsave (issue 20, plot/imsave.c) ---- */
typedef struct nplot_imsave_opts {
    int _; /* reserved: leave it out (lets an empty option list compile) */
    const char *cmap;    /* 2-D data: NULL → viridis (image.cmap); ND_EVALUE for RGB(A) data */
    double vmin, vmax;   /* both left out (0) → the data's min and max (NaN and inf ignored);
                            NAN for one alone keeps that one automatic */
    const char *origin;  /* "upper" (default: row 0 at the top) or "lower" */
    const char *format;  /* "png", "jpg"/"jpeg"; NULL → from the extension, none: png */
    double dpi;          /* stored in a JPEG's JFIF header, 0 → 100 */
    int quality;         /* JPEG 1..100, 0 → 75 */
} nplot_imsave_opts;
/* matplotlib.pyplot.imsave(path, arr): one pixel per element. 2-D data (any real dtype)
 * through Normalize(vmin, vmax) and cmap, as to_rgba(bytes=True) (NaN the bad color,
 * transparent; a channel may be 1 above matplotlib's, whose float table is truncated where
 * numc's holds the rounded bytes); (h, w, 3) or (h, w, 4) colors: uint8 as they
 * are, other dtypes in 0..1 times 255 (truncated). PNG keeps alpha; JPEG is composited on
 * white. The file is replaced atomically. ND_ESHAPE for another shape or more than 32767
 * pixels a side; ND_EVALUE for an unknown format/origin/cmap, vmin > vmax, float colors
 * outside 0..1, quality outside 1..100 or with PNG; ND_EIO naming the path. */
NPLOT_API nd_status nplot_imsave_(const char *path, const nd_array *arr, const nplot_imsave_opts *o);
#define nplot_imsave(...) nplot__kw_imsave(__VA_ARGS__, )
#define nplot__kw_imsave(path, arr, ...) nplot_imsave_((path), (arr), &(nplot_imsave_opts){ 0, __VA_ARGS__ })

/* matplotlib.testing.compare: RMS difference over 0..255 of all RGB(A) channels of two
 * PNGs of equal size (ND_ESHAPE otherwise). */
NPLOT_API nd_status nplot_compare_images(const char *expected, const char *actual, double *rms);

/* ---- vector fields: quiver, quiverkey, barbs, streamplot --------------------------------- */
/* Positions of quiver and barbs (matplotlib's _parse_args): x and y not given → the column
 * and row indices of U; 1-D x of U's columns and y of U's rows → their meshgrid; otherwise
 * x and y hold one position per vector. U and V have one shape; c (color-mapped per
 * vector, a mappable for nplot_colorbar) has their size. Non-finite U, V or c hide a
 * vector. */
typedef struct nplot_quiver_opts {
    int _; /* reserved: leave it out (lets an empty option list compile) */
    const nd_array *x, *y;      /* positions (see above); NULL → indices */
    const nd_array *c;          /* values color-mapped per arrow */
    const char *cmap;           /* NULL → viridis */
    double vmin, vmax;          /* equal → the range of c */
    const char *color;          /* one color for all arrows, NULL → black */
    const char *units;          /* arrow dimensions (except length): "width" (default, of the
                                   axes), "height", "dots", "inches", "x", "y", "xy" */
    const char *angles;         /* "uv" (default: screen angle of (u, v)) or "xy" (the
                                   arrow points from (x, y) to (x + u, y + v) in data) */
    double scale;               /* data units per arrow length unit (larger → shorter);
                                   0 → matplotlib's autoscale from the mean length */
    const char *scale_units;    /* NULL → units; "xy" with angles "xy" and scale 1 draws
                                   each arrow from (x, y) to (x + u, y + v) */
    double width;               /* shaft width in units, 0 → 0.06 / clip(sqrt(N), 8, 25) of
                                   the axes width */
    double headwidth;           /* in shaft widths, 0 → 3 */
    double headlength;          /* 0 → 5 */
    double headaxislength;      /* 0 → 4.5 */
    double minshaft;            /* 0 → 1 (NPLOT_ZERO for 0) */
    double minlength;           /* arrows shorter than this many widths become hexagons of
                                   this diameter; 0 → 1 (NPLOT_ZERO for 0) */
    const char *pivot;          /* "tail" (default), "mid"/"middle", "tip" at (x, y) */
    double alpha;
    const char *label;
    double zorder;              /* 0 → 1 */
    const nplot_norm *norm;     /* NULL → Normalize(vmin, vmax); with a norm leave
                                   vmin/vmax out (ND_EVALUE otherwise) (colors c) */
} nplot_quiver_opts;
/* ax.quiver([X, Y], U, V, [C]): a field of arrows. The shapes are built when the figure
 * is drawn (they depend on the axes' size), exactly as matplotlib 3.6 builds them.
 * ND_ESHAPE when U and V (or x, y, c) do not match, naming the shapes; ND_EVALUE for a
 * bad option (unknown units, angles or pivot, negative sizes). */
NPLOT_API nd_status nplot_quiver_(nplot_axes *ax, const nd_array *u, const nd_array *v,
                                  const nplot_quiver_opts *o);
#define nplot_quiver(...) nplot__kw_quiver(__VA_ARGS__, )
#define nplot__kw_quiver(ax, u, v, ...) \
    nplot_quiver_((ax), (u), (v), &(nplot_quiver_opts){ 0, __VA_ARGS__ })

typedef struct nplot_quiverkey_opts {
    int _; /* reserved: leave it out (lets an empty option list compile) */
    double angle;               /* degrees anticlockwise from +x, 0 → 0 */
    const char *coordinates;    /* of X, Y: "axes" (default), "figure", "data", "inches"
                                   (from the figure's lower left corner) */
    const char *color;          /* the arrow; NULL → the quiver's color (black if mapped) */
    const char *labelpos;       /* "N" (default: above), "S", "E", "W" */
    double labelsep;            /* inches between arrow and label, 0 → 0.1 */
    const char *labelcolor;     /* NULL → the text color */
    double fontsize;            /* points, 0 → the style's font size */
} nplot_quiverkey_opts;
/* ax.quiverkey(Q, X, Y, U, label) for the last quiver of ax: an arrow of length U in the
 * quiver's scale at (X, Y) with its label. With labelpos N or S (X, Y) is the arrow's
 * middle, with E its tip, with W its tail. ND_EVALUE when ax has no quiver or for a bad
 * option. */
NPLOT_API nd_status nplot_quiverkey_(nplot_axes *ax, double X, double Y, double U,
                                     const char *label, const nplot_quiverkey_opts *o);
#define nplot_quiverkey(...) nplot__kw_quiverkey(__VA_ARGS__, )
#define nplot__kw_quiverkey(ax, X, Y, U, label, ...) \
    nplot_quiverkey_((ax), (X), (Y), (U), (label), &(nplot_quiverkey_opts){ 0, __VA_ARGS__ })

typedef struct nplot_barbs_opts {
    int _; /* reserved: leave it out (lets an empty option list compile) */
    const nd_array *x, *y;      /* positions as for quiver; NULL → indices */
    const nd_array *c;          /* values color-mapped per barb (face and edge) */
    const char *cmap;           /* NULL → viridis */
    double vmin, vmax;          /* equal → the range of c */
    double length;              /* matplotlib's length, 0 → 7: the staff is length² / 2
                                   points long (vertices are length / 2 points a unit) */
    const char *pivot;          /* "tip" (default) or "middle" at (x, y) */
    const char *barbcolor;      /* the lines (edge); NULL → flagcolor, else black */
    const char *flagcolor;      /* the flags (face); NULL → barbcolor, else black */
    double linewidth;           /* points, 0 → 1 */
    /* feature sizes as fractions of length (matplotlib's sizes) */
    double spacing;             /* between features, 0 → 0.125 */
    double height;              /* of a full barb or flag from the staff, 0 → 0.4 */
    double width;               /* of a flag along the staff, 0 → 0.25 */
    double emptybarb;           /* radius of the calm circle, 0 → 0.15 */
    bool fill_empty;            /* fill the calm circle */
    double half, full, flag;    /* barb_increments, 0 → 5, 10, 50 */
    int rounding;               /* NPLOT_OFF: no rounding of the magnitude to `half` */
    bool flip_barb;             /* features on the other side of the staff */
    const nd_array *flip;       /* per-barb flip flags (nonzero flips), size of U */
    double alpha;
    const char *label;
    double zorder;              /* 0 → 1 */
    const nplot_norm *norm;     /* NULL → Normalize(vmin, vmax); with a norm leave
                                   vmin/vmax out (ND_EVALUE otherwise) (colors c) */
} nplot_barbs_opts;
/* ax.barbs([X, Y], U, V, [C]): wind barbs. The magnitude hypot(u, v), rounded to the
 * nearest `half` (unless rounding is off), is drawn as flags (each `flag`), full barbs
 * (each `full`) and at most one half barb; below `half` an empty circle. The staff points
 * into the vector's direction from its tip at (x, y). Errors as nplot_quiver. */
NPLOT_API nd_status nplot_barbs_(nplot_axes *ax, const nd_array *u, const nd_array *v,
                                 const nplot_barbs_opts *o);
#define nplot_barbs(...) nplot__kw_barbs(__VA_ARGS__, )
#define nplot__kw_barbs(ax, u, v, ...) \
    nplot_barbs_((ax), (u), (v), &(nplot_barbs_opts){ 0, __VA_ARGS__ })

typedef struct nplot_streamplot_opts {
    int _; /* reserved: leave it out (lets an empty option list compile) */
    double density;             /* 0 → 1: a 30 x 30 mask; lines keep about a cell apart */
    double density_y;           /* 0 → density */
    double linewidth;           /* points, 0 → the style's line width */
    const nd_array *linewidths; /* per grid point (shape of u), interpolated along lines */
    const char *color;          /* NULL → the next cycle color */
    const nd_array *c;          /* values per grid point (shape of u), color-mapped along
                                   lines (a mappable for nplot_colorbar) */
    const char *cmap;           /* NULL → viridis */
    double vmin, vmax;          /* equal → the range of c */
    double arrowsize;           /* 0 → 1 */
    const char *arrowstyle;     /* "-|>" (default), "->", or "-" (no arrows) */
    double minlength;           /* domain fractions, 0 → 0.1 */
    double maxlength;           /* 0 → 4 */
    const nd_array *start_points; /* (n, 2) data points to start from instead of the mask
                                   spiral; each must lie in the grid */
    const char *integration_direction; /* "both" (default), "forward", "backward" */
    int broken_streamlines;     /* NPLOT_OFF: lines may cross cells other lines hold */
    const char *label;
    double zorder;              /* 0 → 2 */
    nd_array **lines_out;       /* if set: the points of every line, (n, 2) float64 in data
                                   coordinates, a row of NaN between lines */
    const nplot_norm *norm;     /* NULL → Normalize(vmin, vmax); with a norm leave
                                   vmin/vmax out (ND_EVALUE otherwise) (colors c; its
                                   unset limits from the values along the lines) */
} nplot_streamplot_opts;
/* ax.streamplot(x, y, u, v): streamlines of the field (u, v) given on the grid of 1-D
 * increasing evenly spaced x (nx) and y (ny) (2-D x and y must repeat one row / column),
 * u and v of shape (ny, nx). Lines start from the free cells of a density mask spiralling
 * in from the boundary (or from start_points), are integrated both ways with matplotlib's
 * adaptive RK12 step, and stop at the domain edge, at a zero or non-finite speed, at
 * maxlength, or where another line passed; each carries one arrow at its middle. The view
 * gets the grid as sticky edges. ND_ESHAPE for mismatched shapes (naming them), ND_EVALUE
 * for uneven or non-increasing grids, start points outside the grid, bad options. */
NPLOT_API nd_status nplot_streamplot_(nplot_axes *ax, const nd_array *x, const nd_array *y,
                                      const nd_array *u, const nd_array *v,
                                      const nplot_streamplot_opts *o);
#define nplot_streamplot(...) nplot__kw_streamplot(__VA_ARGS__, )
#define nplot__kw_streamplot(ax, x, y, u, v, ...) \
    nplot_streamplot_((ax), (x), (y), (u), (v), &(nplot_streamplot_opts){ 0, __VA_ARGS__ })

/* ---- more plot kinds: fill_betweenx, stairs, hlines / vlines, stackplot, ecdf, eventplot,
 *      broken_barh, axline (kind_more.c) ------------------------------------------------------- */
/* ax.fill_betweenx(y, x1, x2): fill_between with the axes swapped (the same options:
 * where, step, interpolate, .y2 as the constant x2 when x2 is NULL). ND_ESHAPE naming y,
 * x1, x2, where on length mismatches. */
NPLOT_API nd_status nplot_fill_betweenx_(nplot_axes *ax, const nd_array *y, const nd_array *x1,
                                         const nd_array *x2, const nplot_fill_opts *o);
#define nplot_fill_betweenx(...) nplot__kw_fill_betweenx(__VA_ARGS__, )
#define nplot__kw_fill_betweenx(ax, y, x1, x2, ...) \
    nplot_fill_betweenx_((ax), (y), (x1), (x2), &(nplot_fill_opts){ 0, __VA_ARGS__ })

typedef struct nplot_stairs_opts {
    int _; /* reserved: leave it out (lets an empty option list compile) */
    const nd_array *edges;   /* n + 1 step edges; NULL → 0, 1, ..., n */
    const char *orientation; /* "vertical" (default: steps along x) or "horizontal" */
    double baseline;         /* the level the outline drops to at both ends (0); NaN → none */
    bool fill;               /* a filled patch (between the steps and the baseline) */
    const char *color;       /* NULL → the next cycle color */
    double linewidth;        /* points, 0 → 1 (matplotlib's patch.linewidth) */
    double alpha;
    const char *label;
    double zorder;           /* 0 → 1 */
} nplot_stairs_opts;
/* ax.stairs(values, edges): a stepwise constant function, value i over [edges[i],
 * edges[i+1]]; unfilled, the outline drops to the baseline at both ends (no drop with a NaN
 * baseline); filled, the region between the steps and the baseline (NaN: 0). ND_ESHAPE
 * "edges has 4 values, values 4: expected 5" when edges is not one longer. */
NPLOT_API nd_status nplot_stairs_(nplot_axes *ax, const nd_array *values,
                                  const nplot_stairs_opts *o);
#define nplot_stairs(...) nplot__kw_stairs(__VA_ARGS__, )
#define nplot__kw_stairs(ax, values, ...) \
    nplot_stairs_((ax), (values), &(nplot_stairs_opts){ 0, __VA_ARGS__ })

typedef struct nplot_lines_opts {
    int _; /* reserved: leave it out (lets an empty option list compile) */
    nplot_strs colors;       /* one color for all, or one per segment; none → "C0" */
    const char *linestyle;   /* "-" (default), "--", "-.", ":" */
    double linewidth;        /* points, 0 → 1.5 */
    double alpha;
    const char *label;       /* one legend entry (a line sample) */
    double zorder;           /* 0 → 2 */
} nplot_lines_opts;
/* ax.hlines(y, xmin, xmax): one horizontal segment per y, from xmin to xmax; each of the
 * three may hold one value (repeated) or n. ND_ESHAPE naming the lengths otherwise. */
NPLOT_API nd_status nplot_hlines_(nplot_axes *ax, const nd_array *y, const nd_array *xmin,
                                  const nd_array *xmax, const nplot_lines_opts *o);
#define nplot_hlines(...) nplot__kw_hlines(__VA_ARGS__, )
#define nplot__kw_hlines(ax, y, xmin, xmax, ...) \
    nplot_hlines_((ax), (y), (xmin), (xmax), &(nplot_lines_opts){ 0, __VA_ARGS__ })
/* ax.vlines(x, ymin, ymax): the same, vertical. */
NPLOT_API nd_status nplot_vlines_(nplot_axes *ax, const nd_array *x, const nd_array *ymin,
                                  const nd_array *ymax, const nplot_lines_opts *o);
#define nplot_vlines(...) nplot__kw_vlines(__VA_ARGS__, )
#define nplot__kw_vlines(ax, x, ymin, ymax, ...) \
    nplot_vlines_((ax), (x), (ymin), (ymax), &(nplot_lines_opts){ 0, __VA_ARGS__ })

typedef struct nplot_stackplot_opts {
    int _; /* reserved: leave it out (lets an empty option list compile) */
    const char *baseline;    /* "zero" (default), "sym", "wiggle", "weighted_wiggle" */
    nplot_strs labels;       /* one legend entry (a fill patch) per layer */
    nplot_strs colors;       /* one per layer (cycled when fewer); none → the cycle */
    double alpha;
    const char *hatch;       /* every layer's hatch pattern (nplot_bar_opts.hatch) */
} nplot_stackplot_opts;
/* ax.stackplot(x, ys): ys is (k, n) (a 1-D ys is one layer); layer i is filled between
 * the cumulative sums of rows 0..i-1 and 0..i, shifted by matplotlib's baseline (sym:
 * -sum/2; wiggle and weighted_wiggle: stackplot.py's formulas). ND_ESHAPE naming x's and
 * ys's shapes when ys's rows are not x's length; ND_EVALUE for an unknown baseline. */
NPLOT_API nd_status nplot_stackplot_(nplot_axes *ax, const nd_array *x, const nd_array *ys,
                                     const nplot_stackplot_opts *o);
#define nplot_stackplot(...) nplot__kw_stackplot(__VA_ARGS__, )
#define nplot__kw_stackplot(ax, x, ys, ...) \
    nplot_stackplot_((ax), (x), (ys), &(nplot_stackplot_opts){ 0, __VA_ARGS__ })

typedef struct nplot_ecdf_opts {
    int _; /* reserved: leave it out (lets an empty option list compile) */
    const nd_array *weights; /* one per x (NULL → equal weights) */
    bool complementary;      /* 1 - F: from 1 down to 0 */
    bool compress;           /* one step per distinct value (same line, fewer vertices) */
    const char *orientation; /* "vertical" (default: x along x) or "horizontal" */
    const char *color;
    const char *linestyle;
    double linewidth;        /* points, 0 → 1.5 */
    double alpha;
    const char *label;
} nplot_ecdf_opts;
/* ax.ecdf(x) (matplotlib 3.8): the empirical cumulative distribution as a step line
 * through the sorted data, from 0 at the minimum up to 1 (complementary: 1 down to 0), with
 * sticky view edges at 0 and 1. ND_EVALUE for NaN in x or empty x; ND_ESHAPE naming the
 * lengths when weights is not x's length. */
NPLOT_API nd_status nplot_ecdf_(nplot_axes *ax, const nd_array *x, const nplot_ecdf_opts *o);
#define nplot_ecdf(...) nplot__kw_ecdf(__VA_ARGS__, )
#define nplot__kw_ecdf(ax, x, ...) nplot_ecdf_((ax), (x), &(nplot_ecdf_opts){ 0, __VA_ARGS__ })

typedef struct nplot_eventplot_opts {
    int _; /* reserved: leave it out (lets an empty option list compile) */
    const char *orientation; /* "horizontal" (default: events along x) or "vertical" */
    nplot_f64s lineoffsets;  /* one or one per row; none → 0, 1, 2, ... (one row: 1) */
    nplot_f64s linelengths;  /* one or one per row; none → 1 */
    nplot_f64s linewidths;   /* one or one per row; none → 1.5 */
    nplot_strs colors;       /* one or one per row; none → "C0" */
    const char *linestyle;
    double alpha;
    const char *label;       /* legend entry of the first row */
} nplot_eventplot_opts;
/* ax.eventplot(positions): one row of event lines per row of positions (1-D: one row,
 * 2-D (k, n): k rows); each event is a segment across the row's offset, linelength long.
 * ND_EVALUE when an option's length is neither 1 nor the number of rows (naming both). */
NPLOT_API nd_status nplot_eventplot_(nplot_axes *ax, const nd_array *positions,
                                     const nplot_eventplot_opts *o);
#define nplot_eventplot(...) nplot__kw_eventplot(__VA_ARGS__, )
#define nplot__kw_eventplot(ax, positions, ...) \
    nplot_eventplot_((ax), (positions), &(nplot_eventplot_opts){ 0, __VA_ARGS__ })
/* The same with k rows of different lengths (a list of 1-D arrays). */
NPLOT_API nd_status nplot_eventplot_rows_(nplot_axes *ax, const nd_array *const *rows, size_t k,
                                          const nplot_eventplot_opts *o);
#define nplot_eventplot_rows(...) nplot__kw_eventplot_rows(__VA_ARGS__, )
#define nplot__kw_eventplot_rows(ax, rows, k, ...) \
    nplot_eventplot_rows_((ax), (rows), (k), &(nplot_eventplot_opts){ 0, __VA_ARGS__ })

typedef struct nplot_broken_barh_opts {
    int _; /* reserved: leave it out (lets an empty option list compile) */
    nplot_strs facecolors;   /* one or one per range; none → the next cycle color */
    double alpha;
    const char *label;
    const char *hatch;       /* hatch pattern of the bars (nplot_bar_opts.hatch) */
} nplot_broken_barh_opts;
/* ax.broken_barh(xranges, (ymin, height)): one rectangle per row (xmin, width) of the
 * (m, 2) xranges, all spanning ymin .. ymin + height. ND_ESHAPE naming xranges's shape
 * unless it is (m, 2); ND_EVALUE for a facecolors count that is neither 1 nor m. */
NPLOT_API nd_status nplot_broken_barh_(nplot_axes *ax, const nd_array *xranges, double ymin,
                                       double height, const nplot_broken_barh_opts *o);
#define nplot_broken_barh(...) nplot__kw_broken_barh(__VA_ARGS__, )
#define nplot__kw_broken_barh(ax, xranges, ymin, height, ...) \
    nplot_broken_barh_((ax), (xranges), (ymin), (height), &(nplot_broken_barh_opts){ 0, __VA_ARGS__ })

typedef struct nplot_axline_opts {
    int _; /* reserved: leave it out (lets an empty option list compile) */
    const char *color;       /* NULL → "C0" (matplotlib's lines.color, not the cycle) */
    const char *linestyle;
    double linewidth;        /* points, 0 → 1.5 */
    double alpha;
    const char *label;
    double zorder;           /* 0 → 2 */
} nplot_axline_opts;
/* ax.axline((x1, y1), (x2, y2)): the infinite straight line through both points, drawn
 * across the whole view whatever the limits (set before or after); with log scales it is
 * straight on screen through the two points, as matplotlib draws it. The points extend the
 * data limits. ND_EVALUE for non-finite or identical points. */
NPLOT_API nd_status nplot_axline_(nplot_axes *ax, double x1, double y1, double x2, double y2,
                                  const nplot_axline_opts *o);
#define nplot_axline(...) nplot__kw_axline(__VA_ARGS__, )
#define nplot__kw_axline(ax, x1, y1, x2, y2, ...) \
    nplot_axline_((ax), (x1), (y1), (x2), (y2), &(nplot_axline_opts){ 0, __VA_ARGS__ })
/* ax.axline((x1, y1), slope=s): the line through the point with slope s (data units); only
 * (x1, y1) extends the data limits. ND_EVALUE on log axes (matplotlib: "'slope' cannot be
 * used with non-linear scales") and for a non-finite point or slope. */
NPLOT_API nd_status nplot_axline_slope_(nplot_axes *ax, double x1, double y1, double slope,
                                        const nplot_axline_opts *o);
#define nplot_axline_slope(...) nplot__kw_axline_slope(__VA_ARGS__, )
#define nplot__kw_axline_slope(ax, x1, y1, slope, ...) \
    nplot_axline_slope_((ax), (x1), (y1), (slope), &(nplot_axline_opts){ 0, __VA_ARGS__ })

/* ---- polar axes (issue 20) ------------------------------------------------------------------ */
/* fig.add_subplot(nrows, ncols, index, projection='polar'): x is theta (radians,
 * counter-clockwise from east by default), y is r. plot, scatter, bar, fill, fill_between,
 * text and annotate take (theta, r) data: bars are drawn as annular sectors (their edges
 * follow arcs, matplotlib's 100 interpolation steps), lines, fills and markers join their
 * points with straight segments as matplotlib's Line2D and Polygon do. The axes box is
 * square and centred in its cell; artists are clipped to the circle (or sector). r
 * autoscales as matplotlib's RadialLocator: 5 % margins, then the lower limit drops to 0
 * (when above it). The grid (circles at the r ticks, spokes at the theta ticks) is on;
 * theta ticks are every 45° on a full circle, labelled in degrees with the ° sign; r tick
 * labels sit along rlabel_position (22.5°), or along the start edge of a sector. NULL with
 * the figure's error on failure. */
NPLOT_API nplot_axes *nplot_subplot_polar(nplot_figure *fig, int nrows, int ncols, int index);
/* fig.add_axes(rect, projection='polar'). */
NPLOT_API nplot_axes *nplot_add_axes_polar(nplot_figure *fig, double left, double bottom,
                                           double width, double height);
/* Choose the projection of a new axes (from nplot_subplot, nplot_subplots,
 * nplot_gridspec_subplot, nplot_add_axes): "polar" or "rectilinear". ND_EVALUE for another
 * name, or for an axes that already has artists, is 3-D, shared, a twin or a colorbar. */
NPLOT_API nd_status nplot_set_projection(nplot_axes *ax, const char *name);
/* Is ax a polar axes? (false for NULL) */
NPLOT_API bool nplot_is_polar(const nplot_axes *ax);
/* ax.set_rmax / set_rmin (the other limit stays as it is) and ax.set_rlim(rmin, rmax) (NaN
 * keeps that side automatic). Read them back with nplot_get_ylim. ND_EVALUE on a
 * rectilinear axes, for non-finite values, or rmin >= rmax (inverted r axes are not
 * supported). */
NPLOT_API nd_status nplot_set_rmax(nplot_axes *ax, double rmax);
NPLOT_API nd_status nplot_set_rmin(nplot_axes *ax, double rmin);
NPLOT_API nd_status nplot_set_rlim(nplot_axes *ax, double rmin, double rmax);
/* ax.set_rorigin: the radius drawn at the centre (below rmin leaves a hole in the middle);
 * NaN returns to rmin (the default). */
NPLOT_API nd_status nplot_set_rorigin(nplot_axes *ax, double rorigin);
/* ax.set_rticks: the r ticks (and grid circles), as nplot_set_yticks. */
NPLOT_API nd_status nplot_set_rticks(nplot_axes *ax, const double *r, int n);
/* ax.set_rlabel_position: the angle (degrees, in theta's own terms) of the r tick labels on
 * a full circle. */
NPLOT_API nd_status nplot_set_rlabel_position(nplot_axes *ax, double degrees);
/* ax.set_theta_offset (radians) and ax.set_theta_zero_location(loc, offset): where theta 0
 * points, "N", "NW", "W", "SW", "S", "SE", "E" (the default) or "NE", plus offset degrees.
 * ND_EVALUE for another location or a non-finite offset. */
NPLOT_API nd_status nplot_set_theta_offset(nplot_axes *ax, double radians);
NPLOT_API nd_status nplot_set_theta_zero_location(nplot_axes *ax, const char *loc,
                                                  double offset_deg);
/* ax.set_theta_direction: 1 counter-clockwise (default), -1 clockwise; ND_EVALUE otherwise. */
NPLOT_API nd_status nplot_set_theta_direction(nplot_axes *ax, int direction);
/* A sector: ax.set_thetalim(thetamin=, thetamax=) in degrees, and set_thetamin /
 * set_thetamax (the other end kept: from the default 0..360 set thetamin first when moving
 * both). Ticks then follow matplotlib's MaxNLocator on degrees (steps 1, 1.5, 3, 4.5, 9,
 * 10), r labels run along the start edge, and the box fits the sector. ND_EVALUE for
 * non-finite angles, thetamin >= thetamax or a span over 360°. */
NPLOT_API nd_status nplot_set_thetalim(nplot_axes *ax, double thetamin, double thetamax);
NPLOT_API nd_status nplot_set_thetamin(nplot_axes *ax, double thetamin);
NPLOT_API nd_status nplot_set_thetamax(nplot_axes *ax, double thetamax);
typedef struct nplot_thetagrids_opts {
    int _; /* reserved: leave it out (lets an empty option list compile) */
    nplot_strs labels;   /* exactly n labels; not given → degrees with the ° sign */
    const char *fmt;     /* printf format of the angle in degrees, one double conversion
                            ("%.0f deg"); ignored when labels are given */
} nplot_thetagrids_opts;
/* ax.set_thetagrids(angles): theta ticks and spokes at angles (degrees). ND_EVALUE for
 * non-finite angles, a wrong label count or a bad fmt. */
NPLOT_API nd_status nplot_thetagrids_(nplot_axes *ax, const double *angles, int n,
                                      const nplot_thetagrids_opts *o);
#define nplot_thetagrids(...) nplot__kw_thetagrids(__VA_ARGS__, )
#define nplot__kw_thetagrids(ax, a, n, ...) \
    nplot_thetagrids_((ax), (a), (n), &(nplot_thetagrids_opts){ 0, __VA_ARGS__ })
typedef struct nplot_rgrids_opts {
    int _; /* reserved: leave it out (lets an empty option list compile) */
    nplot_strs labels;   /* exactly n labels; not given → the r axis formatter */
    const char *fmt;     /* printf format of r, one double conversion ("%.1f m") */
    double angle;        /* the r labels' angle in degrees (set_rlabel_position); 0 keeps it */
} nplot_rgrids_opts;
/* ax.set_rgrids(radii): r ticks and grid circles at radii. */
NPLOT_API nd_status nplot_rgrids_(nplot_axes *ax, const double *radii, int n,
                                  const nplot_rgrids_opts *o);
#define nplot_rgrids(...) nplot__kw_rgrids(__VA_ARGS__, )
#define nplot__kw_rgrids(ax, r, n, ...) \
    nplot_rgrids_((ax), (r), (n), &(nplot_rgrids_opts){ 0, __VA_ARGS__ })

/* ==== path effects and sketch (matplotlib.patheffects, set_sketch_params, plt.xkcd) ==== */
/* One path effect of matplotlib.patheffects. A list of them replaces how a line is drawn:
 * each effect draws in turn, as matplotlib's PathEffectRenderer does, so the line itself is
 * drawn only by NPLOT_PE_NORMAL or a with* effect (withStroke = Stroke then Normal). */
typedef enum nplot_effect_kind {
    NPLOT_PE_NORMAL = 1,               /* the artist as it is */
    NPLOT_PE_STROKE,                   /* re-stroke: linewidth, foreground, alpha */
    NPLOT_PE_WITH_STROKE,              /* Stroke, then Normal */
    NPLOT_PE_SIMPLE_LINE_SHADOW,       /* the stroke offset by offset points, shadow colour */
    NPLOT_PE_WITH_SIMPLE_LINE_SHADOW,  /* SimpleLineShadow, then Normal */
    NPLOT_PE_SIMPLE_PATCH_SHADOW,      /* the path filled, offset, in the shadow colour */
    NPLOT_PE_WITH_SIMPLE_PATCH_SHADOW, /* SimplePatchShadow, then Normal */
    NPLOT_PE_TICKED_STROKE,            /* ticks along the path: spacing, angle, length */
    NPLOT_PE_WITH_TICKED_STROKE        /* TickedStroke, then Normal */
} nplot_effect_kind;
typedef struct nplot_path_effect {
    nplot_effect_kind kind;
    double linewidth;       /* Stroke: points, 0 → the artist's */
    const char *foreground; /* Stroke: NULL → the artist's colour; SimpleLineShadow's
                             * shadow_color (NULL → 'k'); SimplePatchShadow's shadow_rgbFace
                             * (NULL → rho × the face, white for a line) */
    double alpha;           /* 0 → Stroke: the artist's; shadows: 0.3 */
    double rho;             /* shadows: 0 → 0.3 */
    double offset[2];       /* points (x right, y up); shadows: (0, 0) → (2, -2) */
    double spacing;         /* TickedStroke: points between ticks, 0 → 10 */
    double angle;           /* TickedStroke: degrees from the path, left positive, 0 → 45 */
    double length;          /* TickedStroke: tick length in spacings, 0 → sqrt(2) */
} nplot_path_effect;
/* Artist.set_path_effects for a line, patch, fill or text ("line", "patches", "polygon",
 * "text", "annotation" artists; effects2 below says how patches and text take them): n
 * effects (copied, at most 8; n = 0 clears them). ND_EVALUE for another artist type, an
 * unknown kind or colour, more than 8 effects, a negative width, alpha outside [0, 1] or a
 * spacing < 0. */
NPLOT_API nd_status nplot_artist_set_path_effects(nplot_artist *a, const nplot_path_effect *fx,
                                                  size_t n);
/* Artist.set_sketch_params(scale, length, randomness) for a line, patch or fill (not text,
 * which matplotlib never sketches): the path, in pixels, is
 * cut every pixel and displaced perpendicularly by scale × sin(p), p advancing by
 * randomness^(2u) × 2π/(length × randomness) per pixel with u uniform from Agg's LCG seeded 0
 * (deterministic). scale 0 removes the sketch; length 0 → 128, randomness 0 → 16.
 * ND_EVALUE for a negative or non-finite value or another artist type. */
NPLOT_API nd_status nplot_artist_set_sketch_params(nplot_artist *a, double scale, double length,
                                                   double randomness);
/* plt.xkcd(scale, length, randomness) (0 → 1, 100, 2): sets the thread's rcParams as
 * matplotlib does — font.family xkcd, xkcd Script, Humor Sans, Comic Neue, Comic Sans MS
 * (pango falls back to the default font when none is installed), font.size 14,
 * path.sketch (scale, length, randomness), path.effects withStroke(linewidth=4,
 * foreground='w'), axes.linewidth 1.5, lines.linewidth 2, figure.facecolor white,
 * grid.linewidth 0, axes.grid False, axes.unicode_minus False, axes.edgecolor black,
 * x/ytick.major.size 8, x/ytick.major.width 3. Figures created afterwards draw their lines
 * sketched and stroked. Wrap in nplot_rc_context_push/pop to undo it. ND_EVALUE for a
 * negative or non-finite parameter (the table is then unchanged). */
NPLOT_API nd_status nplot_xkcd(double scale, double length, double randomness);

/* ==== spectral analysis and correlation plots: psd, csd, cohere, specgram, *_spectrum, acorr, xcorr, spy ==== */
/* matplotlib's spectral plots (Axes.psd, csd, cohere, specgram, magnitude_spectrum,
 * angle_spectrum, phase_spectrum) with matplotlib.mlab 3.6's numbers: the signal is cut into
 * NFFT-long segments stepping NFFT - noverlap (a signal shorter than NFFT is zero-filled),
 * each detrended, windowed, zero-padded to pad_to and transformed with numc's FFT. x (and
 * y) are 1-D, real or complex (complex data defaults to two-sided spectra). Results come
 * back through the out-pointers below, new arrays the caller frees with nd_free; left NULL
 * on error. Errors: ND_ESHAPE for a non-1-D or empty signal or x and y of different lengths,
 * ND_EVALUE for noverlap >= NFFT, pad_to < NFFT, a window whose length is not NFFT, unknown
 * detrend / window / sides / mode / scale names (the messages name the values). */
typedef struct nplot_spectral_opts {
    int _; /* reserved: leave it out (lets an empty option list compile) */
    int NFFT;                 /* points per segment, 0 → 256 (the *_spectrum functions use
                                 the whole signal and ignore it) */
    double Fs;                /* sampling frequency, 0 → 2 */
    double Fc;                /* center frequency added to the frequencies (plot and freqs) */
    const char *detrend;      /* per segment: "none" (default), "mean", "linear" */
    const nd_array *window;   /* NFFT window weights (any real dtype); NULL → window_name */
    const char *window_name;  /* numpy's symmetric windows: "hanning" (default), "hamming",
                                 "blackman", "bartlett", or "none" (ones) */
    int noverlap;             /* overlapping points, 0 → 0 (specgram: 128); NPLOT_OFF → 0 */
    int pad_to;               /* FFT length, 0 → NFFT (*_spectrum: the signal's length) */
    const char *sides;        /* "default" (onesided for real, twosided for complex data),
                                 "onesided", "twosided" */
    int scale_by_freq;        /* NPLOT_OFF: psd / csd / specgram not divided by Fs and the
                                 window's power (units dB instead of dB/Hz) */
    const char *mode;         /* specgram: "psd" (default), "magnitude", "angle", "phase" */
    const char *scale;        /* specgram and magnitude_spectrum: "default", "linear", "dB"
                                 (specgram default dB for psd / magnitude, else linear;
                                 magnitude_spectrum default linear) */
    /* the line (psd, csd, cohere, *_spectrum) */
    const char *fmt;
    const char *color;
    const char *label;
    double linewidth;
    const char *linestyle;
    /* the image (specgram) */
    const char *cmap;         /* NULL → viridis */
    double vmin, vmax;        /* equal → the data's range */
    nplot_f64s xextent;       /* 2 values: the image's x extent; not given → the first and
                                 last segment centres widened by (NFFT - noverlap) / Fs / 2 */
    /* results (each optional; new arrays owned by the caller) */
    nd_array **result;        /* psd: Pxx (float64); csd: Pxy (complex128); cohere: Cxy;
                                 *_spectrum: the spectrum before any dB scaling; specgram:
                                 the (nfreq, nseg) spectrum, float64 */
    nd_array **freqs;         /* float64 frequencies, Fc added */
    nd_array **t;             /* specgram: the segment centres in seconds */
    nplot_artist **line;      /* matplotlib's return_line: the line (specgram: the image) */
} nplot_spectral_opts;
/* ax.psd(x): the power spectral density, averaged over the segments (Welch), drawn as
 * 10 log10(Pxx) against frequency with a grid, 'Frequency' and 'Power Spectral Density
 * (dB/Hz)' labels and matplotlib's y ticks (every 10 dB for a range over 10 dB). */
NPLOT_API nd_status nplot_psd_(nplot_axes *ax, const nd_array *x, const nplot_spectral_opts *o);
#define nplot_psd(...) nplot__kw_psd(__VA_ARGS__, )
#define nplot__kw_psd(ax, x, ...) nplot_psd_((ax), (x), &(nplot_spectral_opts){ 0, __VA_ARGS__ })
/* ax.csd(x, y): the cross spectral density conj(X) Y averaged; 10 log10 |Pxy| is drawn
 * ('Cross Spectrum Magnitude (dB)'). */
NPLOT_API nd_status nplot_csd_(nplot_axes *ax, const nd_array *x, const nd_array *y,
                               const nplot_spectral_opts *o);
#define nplot_csd(...) nplot__kw_csd(__VA_ARGS__, )
#define nplot__kw_csd(ax, x, y, ...) nplot_csd_((ax), (x), (y), &(nplot_spectral_opts){ 0, __VA_ARGS__ })
/* ax.cohere(x, y): the coherence |Pxy|^2 / (Pxx Pyy) on a linear axis with a grid.
 * ND_EVALUE when the signal is shorter than 2 NFFT (matplotlib's error). */
NPLOT_API nd_status nplot_cohere_(nplot_axes *ax, const nd_array *x, const nd_array *y,
                                  const nplot_spectral_opts *o);
#define nplot_cohere(...) nplot__kw_cohere(__VA_ARGS__, )
#define nplot__kw_cohere(ax, x, y, ...) \
    nplot_cohere_((ax), (x), (y), &(nplot_spectral_opts){ 0, __VA_ARGS__ })
/* ax.specgram(x): the spectrum of every segment as an image (time across, frequency up,
 * extent xextent x (freqs[0], freqs[-1]), aspect auto). A signal not longer than NFFT warns
 * as matplotlib ("Only one segment is calculated ..."); mode "complex" and dB scale with
 * angle / phase are ND_EVALUE. */
NPLOT_API nd_status nplot_specgram_(nplot_axes *ax, const nd_array *x, const nplot_spectral_opts *o);
#define nplot_specgram(...) nplot__kw_specgram(__VA_ARGS__, )
#define nplot__kw_specgram(ax, x, ...) \
    nplot_specgram_((ax), (x), &(nplot_spectral_opts){ 0, __VA_ARGS__ })
/* ax.magnitude_spectrum(x): |FFT| / sum(|window|) of the whole (windowed) signal; 'Magnitude
 * (energy)' or, with scale "dB", 20 log10 of it ('Magnitude (dB)'). */
NPLOT_API nd_status nplot_magnitude_spectrum_(nplot_axes *ax, const nd_array *x,
                                              const nplot_spectral_opts *o);
#define nplot_magnitude_spectrum(...) nplot__kw_magnitude_spectrum(__VA_ARGS__, )
#define nplot__kw_magnitude_spectrum(ax, x, ...) \
    nplot_magnitude_spectrum_((ax), (x), &(nplot_spectral_opts){ 0, __VA_ARGS__ })
/* ax.angle_spectrum(x): the wrapped phase angle in radians ('Angle (radians)'). */
NPLOT_API nd_status nplot_angle_spectrum_(nplot_axes *ax, const nd_array *x,
                                          const nplot_spectral_opts *o);
#define nplot_angle_spectrum(...) nplot__kw_angle_spectrum(__VA_ARGS__, )
#define nplot__kw_angle_spectrum(ax, x, ...) \
    nplot_angle_spectrum_((ax), (x), &(nplot_spectral_opts){ 0, __VA_ARGS__ })
/* ax.phase_spectrum(x): the unwrapped phase (np.unwrap over frequency), 'Phase (radians)'. */
NPLOT_API nd_status nplot_phase_spectrum_(nplot_axes *ax, const nd_array *x,
                                          const nplot_spectral_opts *o);
#define nplot_phase_spectrum(...) nplot__kw_phase_spectrum(__VA_ARGS__, )
#define nplot__kw_phase_spectrum(ax, x, ...) \
    nplot_phase_spectrum_((ax), (x), &(nplot_spectral_opts){ 0, __VA_ARGS__ })

typedef struct nplot_xcorr_opts {
    int _; /* reserved: leave it out (lets an empty option list compile) */
    int normed;               /* NPLOT_OFF: the raw sums (default: divided by
                                 sqrt(x.x y.y)) */
    int maxlags;              /* lags -maxlags..maxlags, 0 → 10, negative → all (None) */
    int usevlines;            /* NPLOT_OFF: markers "o" without lines instead of vlines
                                 from 0 and a horizontal line at 0 */
    const char *detrend;      /* of the whole signals: "none" (default), "mean", "linear" */
    const char *color;        /* NULL → C0 (vlines) or the cycle (markers) */
    const char *label;
    double linewidth;
    const char *marker;       /* markers mode: NULL → "o" */
    double markersize;
    nd_array **lags;          /* if set: the lags (int64), caller frees */
    nd_array **correls;       /* if set: the correlations (float64), caller frees */
} nplot_xcorr_opts;
/* ax.xcorr(x, y): np.correlate(x, y, 'full') of the detrended real signals at lags
 * -maxlags..maxlags (lag k sums x[i + k] y[i]). ND_ESHAPE when the lengths differ,
 * ND_EVALUE for maxlags >= len(x) ("maxlags must be None or strictly positive < n"). */
NPLOT_API nd_status nplot_xcorr_(nplot_axes *ax, const nd_array *x, const nd_array *y,
                                 const nplot_xcorr_opts *o);
#define nplot_xcorr(...) nplot__kw_xcorr(__VA_ARGS__, )
#define nplot__kw_xcorr(ax, x, y, ...) nplot_xcorr_((ax), (x), (y), &(nplot_xcorr_opts){ 0, __VA_ARGS__ })
/* ax.acorr(x): nplot_xcorr(ax, x, x). */
NPLOT_API nd_status nplot_acorr_(nplot_axes *ax, const nd_array *x, const nplot_xcorr_opts *o);
#define nplot_acorr(...) nplot__kw_acorr(__VA_ARGS__, )
#define nplot__kw_acorr(ax, x, ...) nplot_acorr_((ax), (x), &(nplot_xcorr_opts){ 0, __VA_ARGS__ })

typedef struct nplot_spy_opts {
    int _; /* reserved: leave it out (lets an empty option list compile) */
    double precision;         /* entries with |z| > precision are shown (0) */
    const char *marker;       /* given (or markersize): square markers at the entries instead
                                 of an image; NULL → "s" */
    double markersize;        /* markers mode, points, 0 → 10 */
    const char *origin;       /* "upper" (default: row 0 on top, x ticks on top) or "lower" */
    const char *aspect;       /* "equal" (default) or "auto" */
    const char *color;        /* markers mode: NULL → C0 */
    const char *cmap;         /* image mode: NULL → white for zero, black for the entries */
    double alpha;
} nplot_spy_opts;
/* ax.spy(z): the sparsity pattern of a 2-D array as an image (nearest pixels) or markers,
 * limits (-0.5, ncols - 0.5) x (nrows - 0.5, -0.5), integer MaxNLocator ticks (nbins 9,
 * steps 1, 2, 5, 10). ND_ESHAPE unless 2-D and non-empty; ND_EVALUE for a bad origin. */
NPLOT_API nd_status nplot_spy_(nplot_axes *ax, const nd_array *z, const nplot_spy_opts *o);
#define nplot_spy(...) nplot__kw_spy(__VA_ARGS__, )
#define nplot__kw_spy(ax, z, ...) nplot_spy_((ax), (z), &(nplot_spy_opts){ 0, __VA_ARGS__ })


/* ==== Axes properties: getters and setters ==== */
/* Artist properties of the axes itself (matplotlib 3.6 draws the axes the same whatever its
 * alpha, clip_on, snap, url and label: they are kept for the getters, as there). alpha in
 * [0, 1] or NAN (None); ND_EVALUE otherwise. get_alpha is NAN until set. */
NPLOT_API nd_status nplot_axes_set_alpha(nplot_axes *ax, double alpha);
NPLOT_API double nplot_axes_get_alpha(nplot_axes *ax);
NPLOT_API nd_status nplot_axes_set_clip_on(nplot_axes *ax, bool on);
NPLOT_API bool nplot_axes_get_clip_on(nplot_axes *ax);
/* snap: NPLOT_ON, NPLOT_OFF or 0 (None, the default); get_snap returns the same codes. */
NPLOT_API nd_status nplot_axes_set_snap(nplot_axes *ax, int snap);
NPLOT_API int nplot_axes_get_snap(nplot_axes *ax);
/* label / url / gid strings (copied; NULL clears). get_* return NULL when unset. The gid is
 * written by SVG output as <g id="gid"> around everything the axes draws (matplotlib's
 * open_group); ND_EVALUE for a gid with characters other than letters, digits, '_', '-',
 * '.', ':'. */
NPLOT_API nd_status nplot_axes_set_label(nplot_axes *ax, const char *label);
NPLOT_API const char *nplot_axes_get_label(nplot_axes *ax);
NPLOT_API nd_status nplot_axes_set_url(nplot_axes *ax, const char *url);
NPLOT_API const char *nplot_axes_get_url(nplot_axes *ax);
NPLOT_API nd_status nplot_axes_set_gid(nplot_axes *ax, const char *gid);
NPLOT_API const char *nplot_axes_get_gid(nplot_axes *ax);
/* set_visible(False): the axes draws nothing (tight_layout ignores it). */
NPLOT_API nd_status nplot_axes_set_visible(nplot_axes *ax, bool visible);
NPLOT_API bool nplot_axes_get_visible(nplot_axes *ax);
/* set_zorder: the figure draws its axes in increasing zorder (default 0; equal zorders keep
 * their creation order). ND_EVALUE for a non-finite value. */
NPLOT_API nd_status nplot_axes_set_zorder(nplot_axes *ax, double zorder);
NPLOT_API double nplot_axes_get_zorder(nplot_axes *ax);
/* set_in_layout(False): tight_layout leaves this axes out (neither moved for nor made room
 * for), as matplotlib. */
NPLOT_API nd_status nplot_axes_set_in_layout(nplot_axes *ax, bool in_layout);
NPLOT_API bool nplot_axes_get_in_layout(nplot_axes *ax);
/* set_rasterized(True): in SVG / PDF / PS output the whole axes is drawn as one image at
 * the figure's dpi. set_rasterization_zorder(z): only the artists of zorder below z are
 * (NAN: none, the default). PNG output is unchanged. ND_EVALUE for an infinite z. */
NPLOT_API nd_status nplot_axes_set_rasterized(nplot_axes *ax, bool rasterized);
NPLOT_API bool nplot_axes_get_rasterized(nplot_axes *ax);
NPLOT_API nd_status nplot_axes_set_rasterization_zorder(nplot_axes *ax, double z);
NPLOT_API double nplot_axes_get_rasterization_zorder(nplot_axes *ax);
/* set_frame_on: the axes patch (background) and the spines. */
NPLOT_API nd_status nplot_axes_set_frame_on(nplot_axes *ax, bool on);
NPLOT_API bool nplot_axes_get_frame_on(nplot_axes *ax);
/* get_facecolor as RGBA in [0, 1] (set with nplot_set_facecolor). */
NPLOT_API nd_status nplot_axes_get_facecolor(nplot_axes *ax, double rgba[4]);
/* get_axisbelow: NPLOT_ON, NPLOT_AXISBELOW_LINE or NPLOT_OFF (the style's until set). */
NPLOT_API int nplot_axes_get_axisbelow(nplot_axes *ax);

/* get_aspect: 0 for 'auto', else the ratio (1 'equal'); -1 after nplot_axis(ax, "square"). */
NPLOT_API double nplot_axes_get_aspect(nplot_axes *ax);
/* set_adjustable("box" | "datalim"): what a fixed aspect changes, the box (shrunk inside
 * its cell, placed by the anchor) or the data limits (widened about their centre).
 * ND_EVALUE for another name. nplot_set_aspect keeps the adjustable, as matplotlib. */
NPLOT_API nd_status nplot_axes_set_adjustable(nplot_axes *ax, const char *adjustable);
NPLOT_API const char *nplot_axes_get_adjustable(nplot_axes *ax);
/* set_anchor: where a shrunk box sits in its cell: "C", "SW", "S", "SE", "E", "NE", "N",
 * "NW", "W" (ND_EVALUE otherwise). set_anchor_xy: the same as fractions (0..1) of the cell.
 * get_anchor: the fractions; the return is the code, or "" when given as fractions. */
NPLOT_API nd_status nplot_axes_set_anchor(nplot_axes *ax, const char *anchor);
NPLOT_API nd_status nplot_axes_set_anchor_xy(nplot_axes *ax, double fx, double fy);
NPLOT_API const char *nplot_axes_get_anchor(nplot_axes *ax, double *fx, double *fy);
/* set_box_aspect(h / w): the box's physical height over width, shrunk inside the cell and
 * placed by the anchor; the adjustable becomes "datalim" (matplotlib). 0 → None. ND_EVALUE
 * for a negative or non-finite value. */
NPLOT_API nd_status nplot_axes_set_box_aspect(nplot_axes *ax, double aspect);
NPLOT_API double nplot_axes_get_box_aspect(nplot_axes *ax);
/* set_autoscale_on / set_autoscalex_on / set_autoscaley_on: off freezes the view limits of
 * the last layout (0..1 before any draw or get_xlim, as matplotlib's lazy limits), on
 * lets the data decide again (what nplot_set_xlim(ax, NAN, NAN) does). The getters are
 * false after nplot_set_xlim fixed both limits (matplotlib's set_xlim turns autoscale off). */
NPLOT_API nd_status nplot_axes_set_autoscale_on(nplot_axes *ax, bool on);
NPLOT_API nd_status nplot_axes_set_autoscalex_on(nplot_axes *ax, bool on);
NPLOT_API nd_status nplot_axes_set_autoscaley_on(nplot_axes *ax, bool on);
NPLOT_API bool nplot_axes_get_autoscale_on(nplot_axes *ax);
NPLOT_API bool nplot_axes_get_autoscalex_on(nplot_axes *ax);
NPLOT_API bool nplot_axes_get_autoscaley_on(nplot_axes *ax);

/* get_title(loc): loc NULL or "center", "left", "right" ("" when none; NULL with ND_EVALUE
 * for another loc). get_xlabel / get_ylabel ("" when none). */
NPLOT_API const char *nplot_axes_get_title(nplot_axes *ax, const char *loc);
NPLOT_API const char *nplot_axes_get_xlabel(nplot_axes *ax);
NPLOT_API const char *nplot_axes_get_ylabel(nplot_axes *ax);
/* get_xscale / get_yscale: "linear", "log", "symlog", "asinh", "function", "logit". */
NPLOT_API const char *nplot_axes_get_xscale(nplot_axes *ax);
NPLOT_API const char *nplot_axes_get_yscale(nplot_axes *ax);
/* get_xbound: the view limits in increasing order whatever the inversion; set_xbound(lo, hi)
 * sets them keeping the inversion (NAN keeps that bound). */
NPLOT_API nd_status nplot_axes_get_xbound(nplot_axes *ax, double *lo, double *hi);
NPLOT_API nd_status nplot_axes_get_ybound(nplot_axes *ax, double *lo, double *hi);
NPLOT_API nd_status nplot_axes_set_xbound(nplot_axes *ax, double lo, double hi);
NPLOT_API nd_status nplot_axes_set_ybound(nplot_axes *ax, double lo, double hi);
/* xaxis_inverted / yaxis_inverted: the view runs high to low. */
NPLOT_API bool nplot_axes_xaxis_inverted(nplot_axes *ax);
NPLOT_API bool nplot_axes_yaxis_inverted(nplot_axes *ax);
/* get_data_ratio: y range over x range of the view in scaled coordinates (log axes in
 * decades), each at least 1e-30; NAN with the error set for a NULL axes. */
NPLOT_API double nplot_axes_get_data_ratio(nplot_axes *ax);
/* has_data: some artist other than a text was added (lines, patches, collections, images). */
NPLOT_API bool nplot_axes_has_data(nplot_axes *ax);
/* update_datalim: the data limits grow to hold the n points (x[i], y[i]) (non-finite ones
 * skipped); the autoscaled view follows, until nplot_relim recomputes them from the
 * artists (matplotlib). */
NPLOT_API nd_status nplot_axes_update_datalim(nplot_axes *ax, const double *x, const double *y,
                                              size_t n);
/* get_shared_x_axes().joined(a, b): a and b share x (y) limits (an axes shares with itself). */
NPLOT_API bool nplot_axes_shares_x(nplot_axes *a, nplot_axes *b);
NPLOT_API bool nplot_axes_shares_y(nplot_axes *a, nplot_axes *b);
/* get_legend() is not None: the axes has a current legend. */
NPLOT_API bool nplot_axes_has_legend(nplot_axes *ax);
/* get_legend_handles_labels: the artists that make legend entries (a label not empty and
 * not starting with '_'), in order: their indices for nplot_get_artist in idx and their
 * labels (valid until the artist changes) in labels (either may be NULL), at most cap.
 * Returns the count (may exceed cap), -1 with the error set for a NULL axes. */
NPLOT_API int nplot_axes_get_legend_handles_labels(nplot_axes *ax, int *idx, const char **labels,
                                                   int cap);
/* set_position(rect, which): rect = left, bottom, width, height in figure fractions replaces
 * the axes' cell (which NULL / "both" / "original"; "active" alone is recomputed from the
 * original at every draw, as matplotlib, so it changes nothing lasting); like matplotlib it
 * takes the axes out of tight_layout. reset_position: the active box becomes the original
 * one again (numc recomputes it at every layout, so this only marks the figure for a new
 * layout). ND_EVALUE for a non-finite or negative width / height or another which. */
NPLOT_API nd_status nplot_axes_set_position(nplot_axes *ax, const double rect[4], const char *which);
NPLOT_API nd_status nplot_axes_reset_position(nplot_axes *ax);
/* ax.get_position() (the active box, after aspect and anchor) as left, bottom, width,
 * height in figure fractions after a layout (drawn now if needed). */
NPLOT_API nd_status nplot_axes_get_active_position(nplot_axes *ax, double bounds[4]);
/* contains_point / in_axes: display point (pixels at the figure's dpi, origin bottom-left,
 * matplotlib's display coordinates) inside the axes box (edges included). */
NPLOT_API bool nplot_axes_contains_point(nplot_axes *ax, double x, double y);
/* Coordinate conversion for this axes after a layout (drawn now if needed), from one system
 * to another: "data" (transData), "axes" (transAxes, 0..1), "figure" (transFigure, 0..1),
 * "display" (pixels, origin bottom-left), "xaxis" (x data, y axes: get_xaxis_transform),
 * "yaxis" (x axes, y data: get_yaxis_transform). ND_EVALUE for another name. */
NPLOT_API nd_status nplot_axes_transform(nplot_axes *ax, const char *from, const char *to, double x,
                                         double y, double *ox, double *oy);
/* Minor tick positions inside the view after a layout (the count, may exceed cap; negative
 * status on error), as get_xminorticklocs. */
NPLOT_API int nplot_get_xminorticks(nplot_axes *ax, double *out, int cap);
NPLOT_API int nplot_get_yminorticks(nplot_axes *ax, double *out, int cap);

/* ==== Axes: inset axes, arrows, ticklabel_format, locator_params, bxp, tight boxes ==== */
/* ax.inset_axes([x0, y0, width, height]): a new axes of ax's figure placed inside ax, the
 * bounds in ax's axes fractions or (.transform = "data") its data coordinates, followed when
 * ax's box or limits change (placed at layout, like matplotlib's locator). Drawn after ax
 * (matplotlib's zorder 5: over ax's artists). Owned by the figure; NULL with the figure's
 * error for a NULL / 3-D / polar parent, non-finite bounds or a width or height <= 0. */
typedef struct nplot_inset_axes_opts {
    int _; /* reserved: leave it out (lets an empty option list compile) */
    const char *transform; /* NULL or "axes": axes fractions; "data": ax's data coordinates */
} nplot_inset_axes_opts;
NPLOT_API nplot_axes *nplot_inset_axes_(nplot_axes *ax, double x0, double y0, double width,
                                        double height, const nplot_inset_axes_opts *o);
#define nplot_inset_axes(...) nplot__kw_inset_axes(__VA_ARGS__, )
#define nplot__kw_inset_axes(ax, x0, y0, w, h, ...) \
    nplot_inset_axes_((ax), (x0), (y0), (w), (h), &(nplot_inset_axes_opts){ 0, __VA_ARGS__ })

/* What indicate_inset added: the rectangle and the four connectors from the inset's
 * lower-left, upper-left, lower-right, upper-right corners (visible[i]: the two matplotlib
 * keeps; the others are added hidden). Handles stay valid while the figure lives. */
typedef struct nplot_inset_indicator {
    nplot_artist *rectangle;
    nplot_artist *connectors[4];
    bool visible[4];
} nplot_inset_indicator;
typedef struct nplot_indicate_inset_opts {
    int _; /* reserved: leave it out (lets an empty option list compile) */
    nplot_axes *inset_ax;   /* NULL: the rectangle alone */
    const char *facecolor;  /* NULL → "none" */
    const char *edgecolor;  /* NULL → "0.5" */
    double alpha;           /* 0 → 0.5 */
    double linewidth;       /* points, 0 → 1 */
    double zorder;          /* 0 → 4.99 */
    const char *label;
    nplot_inset_indicator *out; /* filled when given */
} nplot_indicate_inset_opts;
/* ax.indicate_inset([x0, y0, width, height], inset_ax): a rectangle in ax's data coordinates
 * and, with an inset axes, connector lines from its corners to the rectangle's, the pair
 * chosen as matplotlib chooses them from the current layout (the figure is laid out). The
 * connectors are placed in ax's axes fractions from ax's limits at this call (matplotlib's
 * follow later limit changes): set the limits first. ND_EVALUE for bad bounds or colours. */
NPLOT_API nd_status nplot_indicate_inset_(nplot_axes *ax, double x0, double y0, double width,
                                          double height, const nplot_indicate_inset_opts *o);
#define nplot_indicate_inset(...) nplot__kw_indicate_inset(__VA_ARGS__, )
#define nplot__kw_indicate_inset(ax, x0, y0, w, h, ...) \
    nplot_indicate_inset_((ax), (x0), (y0), (w), (h), &(nplot_indicate_inset_opts){ 0, __VA_ARGS__ })
/* ax.indicate_inset_zoom(inset_ax): indicate_inset with the inset's view limits as the
 * rectangle (o->inset_ax is ignored: inset_ax is used). */
NPLOT_API nd_status nplot_indicate_inset_zoom_(nplot_axes *ax, nplot_axes *inset_ax,
                                               const nplot_indicate_inset_opts *o);
#define nplot_indicate_inset_zoom(...) nplot__kw_indicate_inset_zoom(__VA_ARGS__, )
#define nplot__kw_indicate_inset_zoom(ax, inset, ...) \
    nplot_indicate_inset_zoom_((ax), (inset), &(nplot_indicate_inset_opts){ 0, __VA_ARGS__ })

/* ax.arrow(x, y, dx, dy): a FancyArrow polygon in data coordinates (face C0, black 1 pt edge
 * as matplotlib's patch defaults); it extends the data limits. */
typedef struct nplot_arrow_opts {
    int _; /* reserved: leave it out (lets an empty option list compile) */
    double width;              /* tail width (data units), 0 → 0.001 */
    double head_width;         /* 0 → 3 * width */
    double head_length;        /* 0 → 1.5 * head_width */
    bool length_includes_head; /* the tip at (x + dx, y + dy) instead of one head length on */
    const char *shape;         /* "full" (default), "left", "right" (half heads) */
    double overhang;           /* head's back swept (> 0) or pushed out (< 0), in head lengths */
    bool head_starts_at_zero;  /* the head begins at y = 0 of the unrotated arrow */
    const char *color;         /* face and edge */
    const char *facecolor;     /* NULL → rcParams patch.facecolor (C0) */
    const char *edgecolor;     /* NULL → rcParams patch.edgecolor (black) */
    double linewidth;          /* points, 0 → 1 */
    double alpha;
    double zorder;             /* 0 → 1 */
    const char *label;
    const char *hatch;
} nplot_arrow_opts;
NPLOT_API nd_status nplot_arrow_(nplot_axes *ax, double x, double y, double dx, double dy,
                                 const nplot_arrow_opts *o);
#define nplot_arrow(...) nplot__kw_arrow(__VA_ARGS__, )
#define nplot__kw_arrow(ax, x, y, dx, dy, ...) \
    nplot_arrow_((ax), (x), (y), (dx), (dy), &(nplot_arrow_opts){ 0, __VA_ARGS__ })
/* FancyArrow(x, y, dx, dy, ...).get_xy() without the closing vertex: writes at most cap
 * vertices to vx / vy and returns how many there are (8 full, 5 half, 0 for a zero-length
 * arrow), or a negative status (ND_EVALUE for an unknown shape or non-finite numbers). */
NPLOT_API int nplot_fancy_arrow_verts_(double x, double y, double dx, double dy,
                                       const nplot_arrow_opts *o, double *vx, double *vy, int cap);
#define nplot_fancy_arrow_verts(...) nplot__kw_fancy_arrow_verts(__VA_ARGS__, )
#define nplot__kw_fancy_arrow_verts(x, y, dx, dy, vx, vy, cap, ...) \
    nplot_fancy_arrow_verts_((x), (y), (dx), (dy), &(nplot_arrow_opts){ 0, __VA_ARGS__ }, (vx), (vy), (cap))

/* ax.ticklabel_format(...): the ScalarFormatter settings of the x, y or both axes. style
 * "sci" / "scientific" / "plain" (set_scientific; "plain" keeps the offset), scilimits
 * (m, n): scientific notation outside 10^m..10^n ((0, 0) always, (m, m) fixed 10^m);
 * use_offset NPLOT_ON / NPLOT_OFF or a fixed offset value; use_mathtext: "×10^n" offset
 * text. use_locale is accepted and has no effect (numc formats in the C locale, '.').
 * ND_EVALUE for an unknown axis or style, or an axis whose formatter is not the scalar one
 * (matplotlib: "This method only works with the ScalarFormatter"). */
typedef struct nplot_ticklabel_format_opts {
    int _; /* reserved: leave it out (lets an empty option list compile) */
    const char *axis;      /* "x", "y", NULL or "both" */
    const char *style;     /* NULL / "": unchanged */
    bool scilimits_set;    /* scilimits given ... */
    int scilimits[2];      /* ... as (m, n) */
    int use_offset;        /* 0 unchanged, NPLOT_ON, NPLOT_OFF */
    bool offset_set;       /* use a fixed offset ... */
    double offset;         /* ... this one (matplotlib's useOffset=value) */
    int use_locale;        /* accepted, no effect */
    int use_mathtext;      /* 0 unchanged, NPLOT_ON, NPLOT_OFF */
} nplot_ticklabel_format_opts;
NPLOT_API nd_status nplot_ticklabel_format_(nplot_axes *ax, const nplot_ticklabel_format_opts *o);
#define nplot_ticklabel_format(...) nplot__kw_ticklabel_format(__VA_ARGS__, )
#define nplot__kw_ticklabel_format(ax, ...) \
    nplot_ticklabel_format_((ax), &(nplot_ticklabel_format_opts){ 0, __VA_ARGS__ })

/* ax.locator_params(axis, tight, nbins=..., steps=..., ...): the default MaxNLocator's
 * parameters of a linear axis (others keep theirs). nbins 0 leaves it, NPLOT_AUTO_NBINS
 * restores 'auto'; steps (1..10, increasing; 1 and 10 added as matplotlib does);
 * min_n_ticks; prune "lower" / "upper" / "both" / "none"; symmetric. tight NPLOT_ON
 * autoscales without margins (NPLOT_OFF with them). ND_EVALUE for bad values. */
#define NPLOT_AUTO_NBINS (-1)
typedef struct nplot_locator_params_opts {
    int _; /* reserved: leave it out (lets an empty option list compile) */
    const char *axis;      /* "x", "y", NULL or "both" */
    int tight;             /* 0 unchanged, NPLOT_ON, NPLOT_OFF */
    int nbins;
    nplot_f64s steps;
    int min_n_ticks;       /* 0 unchanged */
    const char *prune;     /* NULL unchanged */
    int symmetric;         /* 0 unchanged, NPLOT_ON, NPLOT_OFF */
} nplot_locator_params_opts;
NPLOT_API nd_status nplot_locator_params_(nplot_axes *ax, const nplot_locator_params_opts *o);
#define nplot_locator_params(...) nplot__kw_locator_params(__VA_ARGS__, )
#define nplot__kw_locator_params(ax, ...) \
    nplot_locator_params_((ax), &(nplot_locator_params_opts){ 0, __VA_ARGS__ })

/* One box of ax.bxp: matplotlib's cbook.boxplot_stats entries. */
typedef struct nplot_bxp_stats {
    double med, q1, q3;         /* the median and the box */
    double whislo, whishi;      /* the whisker ends */
    double mean;                /* drawn with showmeans */
    double cilo, cihi;          /* the notch (notch = true) */
    const double *fliers;       /* nfliers outliers drawn as circles (not kept) */
    size_t nfliers;
    const char *label;          /* the tick label; NULL → the position */
} nplot_bxp_stats;
/* ax.bxp(bxpstats): k boxes drawn from precomputed statistics with boxplot's options
 * (positions, widths, widths_each, vert, showfliers, showmeans, patch_artist, colours,
 * linewidth, notch); boxplot computes the statistics and draws through it. ND_EVALUE for
 * non-finite statistics, a notch without cilo/cihi, showmeans without mean, or boxplot's
 * statistic options (whis, bootstrap, usermedians, conf_intervals, labels). */
NPLOT_API nd_status nplot_bxp_(nplot_axes *ax, const nplot_bxp_stats *stats, int k,
                               const nplot_boxplot_opts *o);
#define nplot_bxp(...) nplot__kw_bxp(__VA_ARGS__, )
#define nplot__kw_bxp(ax, stats, k, ...) \
    nplot_bxp_((ax), (stats), (k), &(nplot_boxplot_opts){ 0, __VA_ARGS__ })

/* ax.get_tightbbox(): the axes' box with its tick labels, axis labels, offset texts and
 * titles, in display pixels with matplotlib's origin (bottom left): bbox = x0, y0, x1, y1.
 * Lays the figure out. nplot_figure_get_tightbbox: the same over the whole figure. */
NPLOT_API nd_status nplot_get_tightbbox(nplot_axes *ax, double bbox[4]);

/* ==== Figure properties, figure images, label alignment ==== */
/* Figure's Artist properties (plot/figprops.c). Setters fail the figure (sticky status) on a
 * bad value with ND_EVALUE naming the function; getters of a NULL figure return a neutral
 * value (0, false, NULL, NAN) with ND_EVALUE set. */
NPLOT_API double nplot_figure_get_dpi(const nplot_figure *fig);
/* fig.get_size_inches(): width and height in inches into out[0], out[1]. */
NPLOT_API nd_status nplot_figure_get_size_inches(const nplot_figure *fig, double out[2]);
NPLOT_API double nplot_figure_get_figwidth(const nplot_figure *fig);
NPLOT_API double nplot_figure_get_figheight(const nplot_figure *fig);
/* set_figwidth / set_figheight: one side in inches, the other kept (as set_size_inches). */
NPLOT_API nd_status nplot_figure_set_figwidth(nplot_figure *fig, double width);
NPLOT_API nd_status nplot_figure_set_figheight(nplot_figure *fig, double height);
/* The background (figure.facecolor) and frame (figure.edgecolor) colours as RGBA in [0, 1];
 * set_* take any matplotlib colour ("none" for transparent). */
NPLOT_API nd_status nplot_figure_get_facecolor(const nplot_figure *fig, double rgba[4]);
NPLOT_API nd_status nplot_figure_set_facecolor(nplot_figure *fig, const char *color);
NPLOT_API nd_status nplot_figure_get_edgecolor(const nplot_figure *fig, double rgba[4]);
NPLOT_API nd_status nplot_figure_set_edgecolor(nplot_figure *fig, const char *color);
/* The frame's width in points (default 0: no frame line), >= 0 and finite. */
NPLOT_API double nplot_figure_get_linewidth(const nplot_figure *fig);
NPLOT_API nd_status nplot_figure_set_linewidth(nplot_figure *fig, double lw);
/* set_frameon(false): no background patch (a PNG is transparent there), as matplotlib. */
NPLOT_API bool nplot_figure_get_frameon(const nplot_figure *fig);
NPLOT_API nd_status nplot_figure_set_frameon(nplot_figure *fig, bool on);
/* set_visible(false): savefig writes an empty (transparent) canvas. */
NPLOT_API bool nplot_figure_get_visible(const nplot_figure *fig);
NPLOT_API nd_status nplot_figure_set_visible(nplot_figure *fig, bool visible);
/* The figure's label (copied; NULL → ""), gid and url (copied; NULL → none: get returns
 * NULL). Stored for the caller, as matplotlib (its figure label names pyplot windows). */
NPLOT_API const char *nplot_figure_get_label(const nplot_figure *fig);
NPLOT_API nd_status nplot_figure_set_label(nplot_figure *fig, const char *label);
NPLOT_API const char *nplot_figure_get_gid(const nplot_figure *fig);
NPLOT_API nd_status nplot_figure_set_gid(nplot_figure *fig, const char *gid);
NPLOT_API const char *nplot_figure_get_url(const nplot_figure *fig);
NPLOT_API nd_status nplot_figure_set_url(nplot_figure *fig, const char *url);
/* Artist properties matplotlib stores on a Figure without changing how it draws: zorder
 * (finite, default 0), alpha (NAN: None, the default; else in [0, 1]), rasterized, snap
 * (NPLOT_SNAP_AUTO = None, the default), clip_on (default true), in_layout (default true). */
NPLOT_API double nplot_figure_get_zorder(const nplot_figure *fig);
NPLOT_API nd_status nplot_figure_set_zorder(nplot_figure *fig, double zorder);
NPLOT_API double nplot_figure_get_alpha(const nplot_figure *fig);
NPLOT_API nd_status nplot_figure_set_alpha(nplot_figure *fig, double alpha);
NPLOT_API bool nplot_figure_get_rasterized(const nplot_figure *fig);
NPLOT_API nd_status nplot_figure_set_rasterized(nplot_figure *fig, bool rasterized);
typedef enum nplot_snap { NPLOT_SNAP_AUTO = 0, NPLOT_SNAP_TRUE = 1, NPLOT_SNAP_FALSE = 2 } nplot_snap;
NPLOT_API nplot_snap nplot_figure_get_snap(const nplot_figure *fig);
NPLOT_API nd_status nplot_figure_set_snap(nplot_figure *fig, nplot_snap snap);
NPLOT_API bool nplot_figure_get_clip_on(const nplot_figure *fig);
NPLOT_API nd_status nplot_figure_set_clip_on(nplot_figure *fig, bool on);
NPLOT_API bool nplot_figure_get_in_layout(const nplot_figure *fig);
NPLOT_API nd_status nplot_figure_set_in_layout(nplot_figure *fig, bool on);

/* fig.get_axes(): writes up to cap of the figure's axes (creation order, colorbars and twins
 * included, as matplotlib's fig.axes) to out (NULL with cap 0: count only); returns the
 * count, or -1 with ND_EVALUE for a NULL figure. */
NPLOT_API int nplot_figure_get_axes(const nplot_figure *fig, nplot_axes **out, int cap);
/* fig.get_children() in matplotlib's order: the background patch, the axes, the figure
 * texts (sup labels included, the suptitle last), the figure images, the figure legends,
 * the top-level subfigures (a subfigure's axes and texts are its own children). kind is "patch", "axes", "image", "text", "legend" or "subfigure"; axes /
 * subfig point at the object for those kinds (else NULL). Returns the count (may exceed
 * cap) or -1. */
typedef struct nplot_fig_child {
    const char *kind;
    nplot_axes *axes;
    nplot_subfigure *subfig;
} nplot_fig_child;
NPLOT_API int nplot_figure_get_children(const nplot_figure *fig, nplot_fig_child *out, int cap);
/* fig.findobj(match): the artists of every axes whose kind (nplot_artist_kind) is `kind`
 * (NULL: all), in axes then drawing-order; writes up to cap, returns the count or -1. */
NPLOT_API ptrdiff_t nplot_findobj(nplot_figure *fig, const char *kind, nplot_artist **out,
                                  ptrdiff_t cap);

/* fig.clf() / fig.clear(): removes every axes (their handles stay valid and draw nothing, as
 * after nplot_fig_delaxes), figure text, suptitle and sup labels, figure legend, figure image
 * and subfigure. Size, dpi, colours, subplot params and the layout engine stay: the figure
 * is ready for new axes. */
NPLOT_API nd_status nplot_clf(nplot_figure *fig);
/* fig.gca(): the current axes: the one nplot_sca made current, or the last axes created
 * since (colorbars and secondary axes never become current); without axes a new
 * add_subplot(1, 1, 1). NULL with the figure's error if that fails. */
NPLOT_API nplot_axes *nplot_gca(nplot_figure *fig);
/* fig.sca(ax): make ax (an axes of fig, ND_EVALUE otherwise) the current axes. */
NPLOT_API nd_status nplot_sca(nplot_figure *fig, nplot_axes *ax);

/* set_tight_layout(true) is nplot_figure_set_layout_engine(fig, "tight"), false "none";
 * get: the engine is tight. */
NPLOT_API nd_status nplot_figure_set_tight_layout(nplot_figure *fig, bool on);
NPLOT_API bool nplot_figure_get_tight_layout(const nplot_figure *fig);

typedef struct nplot_figimage_opts {
    int _; /* reserved: leave it out (lets an empty option list compile) */
    double xo, yo;          /* offset in pixels from the figure's bottom left */
    const char *origin;     /* "upper" (default: row 0 at the top) or "lower" */
    const char *cmap;       /* 2-D data: NULL → the rc image.cmap (viridis) */
    const nplot_norm *norm; /* NULL → Normalize(vmin, vmax); not with vmin/vmax */
    double vmin, vmax;      /* equal → the data's min and max */
    double alpha;           /* 0 → opaque (NPLOT_ZERO: invisible) */
    bool resize;            /* resize the figure to the image (pixels / dpi) */
} nplot_figimage_opts;
/* fig.figimage(X): an unresampled image, one data pixel per figure pixel, over the axes
 * (matplotlib's FigureImage, zorder 0 after the axes). X is (h, w) color-mapped (NaN
 * transparent), (h, w, 3) or (h, w, 4) (uint8 0..255 or floats in [0, 1]). At another
 * savefig dpi it is scaled with the figure. ND_ESHAPE / ND_EVALUE as imshow. */
NPLOT_API nd_status nplot_figimage_(nplot_figure *fig, const nd_array *X,
                                    const nplot_figimage_opts *o);
#define nplot_figimage(...) nplot__kw_figimage(__VA_ARGS__, )
#define nplot__kw_figimage(fig, X, ...) \
    nplot_figimage_((fig), (X), &(nplot_figimage_opts){ 0, __VA_ARGS__ })

/* fig.align_xlabels(axs): x labels of the given subplots (NULL, 0: every axes) whose labels
 * sit on the same side of the same grid row (bottom: same last row, top: same first row)
 * are aligned at every draw: placed beyond the outermost tick labels of the group. Axes
 * not on a GridSpec are skipped; calls accumulate. align_ylabels: same grid column, left or
 * right. align_labels: both. */
NPLOT_API nd_status nplot_align_xlabels(nplot_figure *fig, nplot_axes *const *axs, int n);
NPLOT_API nd_status nplot_align_ylabels(nplot_figure *fig, nplot_axes *const *axs, int n);
NPLOT_API nd_status nplot_align_labels(nplot_figure *fig, nplot_axes *const *axs, int n);
/* The x ("x") or y ("y") axis label's pixel box (origin top left) after nplot_figure_draw or
 * savefig (ax.xaxis.label.get_window_extent()); ND_EVALUE when the axis has no label. */
NPLOT_API nd_status nplot_axis_label_pixel_box(nplot_axes *ax, const char *axis, double box[4]);

/* fig.get_tightbbox(): the box around every axes with its decorations, the legends and the
 * figure texts, in inches from the figure's bottom left (x0, y0, x1, y1), as
 * savefig(bbox_inches="tight") uses it; the whole figure when nothing is there (figure
 * images do not count: matplotlib 3.6 measures them as empty). Lays the figure out. */
NPLOT_API nd_status nplot_figure_get_tightbbox(nplot_figure *fig, double box[4]);

typedef struct nplot_autofmt_opts {
    int _; /* reserved: leave it out (lets an empty option list compile) */
    double bottom;     /* subplot param, 0 → 0.2 */
    double rotation;   /* degrees, 0 → 30 (NPLOT_ZERO for 0) */
    const char *ha;    /* "left", "center", "right" (default) */
    const char *which; /* "major" (default), "minor" or "both" */
} nplot_autofmt_opts;
/* fig.autofmt_xdate(): with one axes its x tick labels get the rotation and ha; with several
 * subplots the bottom-row ones do, the others lose their x tick labels and x label; when
 * every axes is a subplot, subplots_adjust(bottom). ND_EVALUE for an unknown ha / which. */
NPLOT_API nd_status nplot_autofmt_xdate_(nplot_figure *fig, const nplot_autofmt_opts *o);
#define nplot_autofmt_xdate(...) nplot__kw_autofmt_xdate(__VA_ARGS__, )
#define nplot__kw_autofmt_xdate(fig, ...) \
    nplot_autofmt_xdate_((fig), &(nplot_autofmt_opts){ 0, __VA_ARGS__ })

/* ==== 3-D axes: bars, quivers, the projection and the z axis's state ==== */
/* ax.set_proj_type(proj_type, focal_length): "persp" (focal_length 0 → 1, else > 0) or
 * "ortho" (focal_length 0 or INFINITY). ND_EVALUE on another name or a bad focal length. */
NPLOT_API nd_status nplot_set_proj_type(nplot_axes *ax, const char *proj_type, double focal_length);
/* ax.set_box_aspect((ax_, ay, az), zoom=zoom) on a 3-D axes: all zero → 4:4:3, zoom 0 → 1;
 * the box is scaled to matplotlib's diagonal 1.8295 times zoom. ND_EVALUE on non-positive. */
NPLOT_API nd_status nplot_set_box_aspect3d(nplot_axes *ax, double ax_, double ay, double az, double zoom);
/* ax.view_init(elev, azim, roll) in degrees (roll about the viewing axis). */
NPLOT_API nd_status nplot_view_init_roll(nplot_axes *ax, double elev, double azim, double roll);
/* ax.get_proj(): the 4 x 4 projection matrix (row-major, into M) for the current limits and
 * view, as matplotlib 3.6 computes it (world, view, persp / ortho matrices). */
NPLOT_API nd_status nplot_get_proj(nplot_axes *ax, double M[16]);
/* ax.get_w_lims(): xmin, xmax, ymin, ymax, zmin, zmax into lims. */
NPLOT_API nd_status nplot_get_w_lims(nplot_axes *ax, double lims[6]);
/* ax.unit_cube() / tunit_cube(): the 8 corners of the limits box (x, y, z each, matplotlib's
 * order), data or projected by get_proj; tunit_edges(): its 12 edges as 24 projected points. */
NPLOT_API nd_status nplot_unit_cube(nplot_axes *ax, double pts[24]);
NPLOT_API nd_status nplot_tunit_cube(nplot_axes *ax, double pts[24]);
NPLOT_API nd_status nplot_tunit_edges(nplot_axes *ax, double pts[72]);
/* ax.invert_zaxis() (automatic limits stay automatic, reversed) and ax.zaxis_inverted()
 * (false on NULL or a 2-D axes). */
NPLOT_API nd_status nplot_invert_zaxis(nplot_axes *ax);
NPLOT_API bool nplot_zaxis_inverted(nplot_axes *ax);
/* ax.get_zbound() (increasing order) and ax.set_zbound(lower, upper): NaN keeps a side; the
 * axis keeps its inversion whatever the order. */
NPLOT_API nd_status nplot_get_zbound(nplot_axes *ax, double *lower, double *upper);
NPLOT_API nd_status nplot_set_zbound(nplot_axes *ax, double lower, double upper);
/* ax.set_zmargin(m): m > -0.5 (ND_EVALUE otherwise), applied at the next autoscale. */
NPLOT_API nd_status nplot_set_zmargin(nplot_axes *ax, double m);
/* ax.set_autoscalez_on(b) (false freezes the current limits) / get_autoscalez_on(). */
NPLOT_API nd_status nplot_set_autoscalez_on(nplot_axes *ax, bool on);
NPLOT_API bool nplot_get_autoscalez_on(const nplot_axes *ax);
/* ax.set_zscale / get_zscale: only "linear" (ND_EVALUE for another: matplotlib 3.6 draws
 * other scales wrongly on 3-D axes). */
NPLOT_API nd_status nplot_set_zscale(nplot_axes *ax, const char *scale);
NPLOT_API const char *nplot_get_zscale(const nplot_axes *ax);
/* ax.get_zlabel(): borrowed, "" when unset, NULL on NULL or a 2-D axes. */
NPLOT_API const char *nplot_get_zlabel(const nplot_axes *ax);
/* ax.grid(visible) on a 3-D axes: the pane grid lines on (default) or off. */
NPLOT_API nd_status nplot_axes3d_grid(nplot_axes *ax, bool visible);

typedef struct nplot_bar3d_opts {
    int _; /* reserved: leave it out (lets an empty option list compile) */
    const char *color;          /* every face; NULL → the next cycle color */
    const char *const *colors;  /* ncolors names: 1, one per bar or one per face (6 per bar,
                                   faces -z, +z, -y, +y, -x, +x) */
    size_t ncolors;
    bool no_shade;              /* shade=False */
    double light_azdeg, light_altdeg; /* LightSource; both 0 → (225, 19.4712) */
    const char *edgecolor;      /* NULL → no edges (edges in the face color with linewidth) */
    double linewidth;
    double alpha;
    const char *label;
} nplot_bar3d_opts;
/* ax.bar3d(x, y, z, dx, dy, dz): one cuboid per bar from (x, y, z) to (x + dx, y + dy,
 * z + dz); each array has n values or one (broadcast). Faces are lit like matplotlib's
 * (_shade_colors: 0.3 + 0.7 (n.l + 1) / 2) and depth-sorted by their mean depth (zsort
 * 'average'). ND_ESHAPE when lengths differ, ND_EVALUE on a 2-D axes or a bad color. */
NPLOT_API nd_status nplot_bar3d_(nplot_axes *ax, const nd_array *x, const nd_array *y, const nd_array *z,
                                 const nd_array *dx, const nd_array *dy, const nd_array *dz,
                                 const nplot_bar3d_opts *o);
#define nplot_bar3d(...) nplot__kw_bar3d(__VA_ARGS__, )
#define nplot__kw_bar3d(ax, x, y, z, dx, dy, dz, ...) \
    nplot_bar3d_((ax), (x), (y), (z), (dx), (dy), (dz), &(nplot_bar3d_opts){ 0, __VA_ARGS__ })

typedef struct nplot_quiver3d_opts {
    int _; /* reserved: leave it out (lets an empty option list compile) */
    double length;              /* arrow length in data units per unit vector, 0 → 1 */
    double arrow_length_ratio;  /* head length over arrow length, 0 → 0.3 */
    const char *pivot;          /* "tail" (NULL), "middle" or "tip": where (x, y, z) sits */
    bool normalize;             /* every arrow the same length */
    const char *color;          /* NULL → "C0" (lines.color; the cycle does not advance) */
    double linewidth;           /* 0 → 1.5 */
    const char *linestyle;
    double alpha;
    const char *label;
} nplot_quiver3d_opts;
/* ax.quiver(x, y, z, u, v, w) on a 3-D axes: one arrow per point (arrays of n values or one,
 * broadcast): a shaft of length * |(u, v, w)| and two head lines at +-15 degrees,
 * matplotlib's Line3DCollection segments; zero vectors draw nothing; autoscaling covers
 * the anchor points only, as matplotlib's. ND_EVALUE on a bad pivot, ND_ESHAPE on lengths. */
NPLOT_API nd_status nplot_quiver3d_(nplot_axes *ax, const nd_array *x, const nd_array *y, const nd_array *z,
                                    const nd_array *u, const nd_array *v, const nd_array *w,
                                    const nplot_quiver3d_opts *o);
#define nplot_quiver3d(...) nplot__kw_quiver3d(__VA_ARGS__, )
#define nplot__kw_quiver3d(ax, x, y, z, u, v, w, ...) \
    nplot_quiver3d_((ax), (x), (y), (z), (u), (v), (w), &(nplot_quiver3d_opts){ 0, __VA_ARGS__ })
/* The vertices of a 3-D artist (3-D line, quiver, scatter, surface, bar3d, polygons), borrowed
 * until the artist changes: n points; NaN separates a line artist's polylines (a quiver's arrow
 * is shaft, head, head, each 2 points and a NaN) and a polygon artist's polygons (voxel faces,
 * bars, collections, bands); a bar3d face is 4 points. ND_EVALUE otherwise. */
NPLOT_API nd_status nplot_artist_get_data3d(const nplot_artist *a, size_t *n, const double **x,
                                            const double **y, const double **z);

/* ==== constrained layout ==== */
/* layout='constrained' (matplotlib 3.6's ConstrainedLayoutEngine), run at every draw /
 * savefig: each gridspec row and column gets margins as wide as the decorations (tick
 * labels, axis labels, titles, twins) of the axes on its edges plus w_pad / h_pad (or half
 * of wspace / hspace between cells when larger); colorbars of nplot_colorbar go beyond
 * their parent's decorations and take their room from the margin; suptitle / supxlabel /
 * supylabel (of the figure and of subfigures) sit h_pad / w_pad from the edge with room
 * kept for them; the rest of each grid is split in its ratios; nested grids fill their
 * cells; margins inside spanning axes are matched. Done twice, as matplotlib. Axes without a
 * grid (add_axes) are left alone; when every axes would collapse nothing moves (nd_warn).
 * Subfigure boxes stay where they were made (matplotlib insets them by wspace / 2 / ncols).
 * nplot_figure_new(.layout = "constrained") is the same. */

/* fig.set_layout_engine(layout): "constrained", "compressed" (constrained, then the
 * fixed-aspect axes packed together: see nplot_figure_new's .layout under effects2),
 * "tight" (tight_layout at every draw with pad 1.08) or "none" / NULL; ND_EVALUE for
 * another name. */
NPLOT_API nd_status nplot_figure_set_layout_engine(nplot_figure *fig, const char *layout);
/* The engine's name: "constrained", "tight" or "none"; NULL for a NULL figure. */
NPLOT_API const char *nplot_figure_get_layout_engine(const nplot_figure *fig);
/* fig.set_constrained_layout(on): the constrained engine, or none. */
NPLOT_API nd_status nplot_figure_set_constrained_layout(nplot_figure *fig, bool on);
NPLOT_API bool nplot_figure_get_constrained_layout(const nplot_figure *fig);
/* fig.set_constrained_layout_pads(w_pad=, h_pad=, wspace=, hspace=): pads in inches
 * (default 3/72), spaces as fractions of the grid (default 0.02); a negative value leaves
 * that one unchanged, a non-finite one is ND_EVALUE. The getter writes the four to out. */
NPLOT_API nd_status nplot_figure_set_constrained_layout_pads(nplot_figure *fig, double w_pad,
                                                             double h_pad, double wspace,
                                                             double hspace);
NPLOT_API nd_status nplot_figure_get_constrained_layout_pads(const nplot_figure *fig,
                                                             double out[4]);

/* subfig.legend(...): a figure legend of the subfigure sf: its entries are the labelled
 * artists of sf's axes (or .handles / .labels), placed against sf's box (loc and
 * bbox_to_anchor in subfigure fractions), as matplotlib's SubFigure.legend. Errors as
 * nplot_fig_legend; ND_EVALUE for a NULL subfigure. */
NPLOT_API nd_status nplot_subfig_legend_(nplot_subfigure *sf, const nplot_legend_opts *o);
#define nplot_subfig_legend(...) nplot__kw_subfig_legend(__VA_ARGS__, )
#define nplot__kw_subfig_legend(sf, ...) \
    nplot_subfig_legend_((sf), &(nplot_legend_opts){ 0, __VA_ARGS__ })
/* subfig.subplot_mosaic(layout, ...): nplot_subplot_mosaic inside the subfigure sf (its
 * subplot params, its box; nested layouts too). NULL with ND_EVALUE for a NULL subfigure,
 * else errors as nplot_subplot_mosaic. */
NPLOT_API nplot_mosaic *nplot_subfig_subplot_mosaic_(nplot_subfigure *sf, const char *layout,
                                                     const nplot_mosaic_opts *o);
#define nplot_subfig_subplot_mosaic(...) nplot__kw_subfig_subplot_mosaic(__VA_ARGS__, )
#define nplot__kw_subfig_subplot_mosaic(sf, layout, ...) \
    nplot_subfig_subplot_mosaic_((sf), (layout), &(nplot_mosaic_opts){ 0, __VA_ARGS__ })

/* ==== Artist protocol on Axes and Figure: set/update/properties, units, axis objects, clip, locator (axgeneric) ==== */
/* Properties by name (matplotlib's ax.set(**kw), ax.update(dict), plt.setp(ax, ...),
 * plt.getp(ax, name), ax.properties()), routed to the getters and setters above. A value is
 * written as a Python literal: a number, True / False / None, a 'quoted' or bare string, a
 * tuple "(0, 10)". Axes properties: adjustable, alpha, anchor, aspect, autoscale_on,
 * autoscalex_on, autoscaley_on, axisbelow, box_aspect, clip_box, clip_on, facecolor (alias
 * fc), frame_on, gid, in_layout, label, rasterization_zorder, rasterized, snap, title, url,
 * visible, xbound, xlabel, xlim, xscale, ybound, ylabel, ylim, yscale, zorder; read only:
 * axes_locator, clip_path, data_ratio, figure, position. An unknown name is ND_EVALUE
 * "Axes.set() got an unexpected keyword argument 'xlimm' (did you mean 'xlim'?)" (close
 * matches listed); a bad value is the setter's error. Setters fail the figure (sticky). */
NPLOT_API nd_status nplot_axes_set_prop(nplot_axes *ax, const char *name, const char *value);
/* ax.set(title='A, B', xlim=(0, 10)): "name=value" pairs separated by commas (commas inside
 * quotes, parentheses and brackets belong to the value), applied in order; stops at the
 * first error. ND_EVALUE for a pair without '='. */
NPLOT_API nd_status nplot_axes_set(nplot_axes *ax, const char *props);
/* ax.update({names[i]: values[i]}): n properties by name, in order. */
NPLOT_API nd_status nplot_axes_update(nplot_axes *ax, const char *const *names,
                                      const char *const *values, int n);
/* plt.getp(ax, name): str() of the value as matplotlib prints it ("(0.0, 10.0)", "True",
 * "None", "auto") into buf (NUL-terminated, cut to cap). Returns the full length (may
 * exceed cap - 1) or a negative status (ND_EVALUE for an unknown name, close matches listed). */
NPLOT_API ptrdiff_t nplot_axes_get_prop(nplot_axes *ax, const char *name, char *buf, size_t cap);
/* ax.properties() / plt.getp(ax): one "name = value" line per property above, sorted by
 * name (matplotlib's getp listing). Returns the full length or a negative status. */
NPLOT_API ptrdiff_t nplot_axes_properties(nplot_axes *ax, char *buf, size_t cap);
/* ax.update_from(other): copies Artist.update_from's properties: visible, alpha, clip_on,
 * clip_box, clip_path and label (not zorder, as matplotlib). */
NPLOT_API nd_status nplot_axes_update_from(nplot_axes *ax, nplot_axes *other);

/* The same for a figure. Figure properties: alpha, clip_box, clip_on, constrained_layout,
 * dpi, edgecolor (ec), facecolor (fc), figheight, figwidth, frameon, gid, in_layout, label,
 * layout_engine, linewidth, rasterized, size_inches, snap, tight_layout, url, visible,
 * zorder; read only: clip_path, constrained_layout_pads, figure. Errors as for axes,
 * with "Figure.set()". */
NPLOT_API nd_status nplot_figure_set_prop(nplot_figure *fig, const char *name, const char *value);
NPLOT_API nd_status nplot_figure_set(nplot_figure *fig, const char *props);
NPLOT_API nd_status nplot_figure_update(nplot_figure *fig, const char *const *names,
                                        const char *const *values, int n);
NPLOT_API ptrdiff_t nplot_figure_get_prop(nplot_figure *fig, const char *name, char *buf, size_t cap);
NPLOT_API ptrdiff_t nplot_figure_properties(nplot_figure *fig, char *buf, size_t cap);
NPLOT_API nd_status nplot_figure_update_from(nplot_figure *fig, nplot_figure *other);

/* ax.get_figure(): the figure that owns ax (NULL with ND_EVALUE for a NULL axes).
 * ax.set_figure(fig): an axes belongs to the figure that made it: ND_OK when fig is that
 * figure, else ND_EVALUE "Can not put single artist in more than one figure" (matplotlib's
 * RuntimeError). */
NPLOT_API nplot_figure *nplot_axes_get_figure(nplot_axes *ax);
NPLOT_API nd_status nplot_axes_set_figure(nplot_axes *ax, nplot_figure *fig);
/* ax.have_units(): the x or y axis holds string categories or dates. */
NPLOT_API bool nplot_axes_have_units(nplot_axes *ax);
/* ax.convert_xunits(value): the float the x axis uses for value: a category's position (a
 * new category is added, as matplotlib's StrCategoryConverter), an ISO date's date number on
 * a date axis, a number as itself. ND_EVALUE for a string that is not a number on an axis
 * without categories ("Failed to convert value(s) to axis units"), or a bad date. */
NPLOT_API nd_status nplot_axes_convert_xunits(nplot_axes *ax, const char *value, double *out);
NPLOT_API nd_status nplot_axes_convert_yunits(nplot_axes *ax, const char *value, double *out);
/* Axes3D.convert_zunits(value): as convert_xunits for the z axis of a 3-D axes (a date
 * number on a nplot_axis_date(ax, "z") axis, a number as itself); ND_EVALUE on a 2-D axes. */
NPLOT_API nd_status nplot_axes_convert_zunits(nplot_axes *ax, const char *value, double *out);
/* ax.findobj(kind): the artists of ax whose nplot_artist_kind is kind (NULL: all), in
 * drawing order; up to cap into out, returns the count or -1. */
NPLOT_API ptrdiff_t nplot_axes_findobj(nplot_axes *ax, const char *kind, nplot_artist **out,
                                       ptrdiff_t cap);
/* ax.get_default_bbox_extra_artists(): the visible artists of ax (removed and hidden ones
 * left out); fig's: those of every visible axes of the figure. Count or -1. */
NPLOT_API ptrdiff_t nplot_axes_get_default_bbox_extra_artists(nplot_axes *ax, nplot_artist **out,
                                                              ptrdiff_t cap);
NPLOT_API ptrdiff_t nplot_figure_get_default_bbox_extra_artists(nplot_figure *fig,
                                                                nplot_artist **out, ptrdiff_t cap);
/* ax.set_axes_locator(locator): at every layout fn gets the box the layout gave ax (left,
 * bottom, width, height in figure fractions) and writes the box to use; the ticks, aspect
 * and drawing follow it. fn runs inside the layout: it must not draw the figure or ask for
 * a laid-out position. A non-OK return or a non-finite box fails the figure. fn NULL
 * removes it. get_axes_locator: the function (NULL: none) and its ctx when ctx != NULL. */
typedef nd_status (*nplot_axes_locator_fn)(nplot_axes *ax, double rect[4], void *ctx);
NPLOT_API nd_status nplot_axes_set_axes_locator(nplot_axes *ax, nplot_axes_locator_fn fn, void *ctx);
NPLOT_API nplot_axes_locator_fn nplot_axes_get_axes_locator(nplot_axes *ax, void **ctx);
/* set_clip_box(x0, y0, x1, y1 display pixels) / NULL for None, set_clip_path(n vertices
 * xy[2 i], xy[2 i + 1] in display pixels) / NULL, 0 for None. Kept for the getters and
 * update_from: matplotlib 3.6 draws an axes (a figure) the same whatever its own clip box
 * and path. get_clip_box: false when None; get_clip_path: the vertex count (copies up to
 * cap vertices into xy). ND_EVALUE for non-finite numbers. */
NPLOT_API nd_status nplot_axes_set_clip_box(nplot_axes *ax, const double box[4]);
NPLOT_API bool nplot_axes_get_clip_box(nplot_axes *ax, double box[4]);
NPLOT_API nd_status nplot_axes_set_clip_path(nplot_axes *ax, const double *xy, size_t n);
NPLOT_API size_t nplot_axes_get_clip_path(nplot_axes *ax, double *xy, size_t cap);
NPLOT_API nd_status nplot_figure_set_clip_box(nplot_figure *fig, const double box[4]);
NPLOT_API bool nplot_figure_get_clip_box(nplot_figure *fig, double box[4]);
NPLOT_API nd_status nplot_figure_set_clip_path(nplot_figure *fig, const double *xy, size_t n);
NPLOT_API size_t nplot_figure_get_clip_path(nplot_figure *fig, double *xy, size_t cap);
/* fig.execute_constrained_layout(): with the constrained engine, lays the figure out now
 * (axes positions are then final for nplot_axes_get_active_position); otherwise nothing
 * (matplotlib returns None). */
NPLOT_API nd_status nplot_figure_execute_constrained_layout(nplot_figure *fig);

/* ==== current image (gci/sci/clim), pcolorfast, violin from statistics, collections and containers, prop cycles (imgcol) ==== */

/* plt.gci(): the figure's current colour-mapped artist (image, mesh, hexbin, hist2d,
 * scatter with c, contour set item, collection with an array): on the current axes the last one added, or the one
 * nplot_sci made current when none was added after it; without one there, the last of the
 * most recent axes that has one (matplotlib's Figure._gci). NULL when there is none (no
 * error then; a NULL figure is ND_EVALUE). The handle is the figure's. */
NPLOT_API nplot_artist *nplot_gci(nplot_figure *fig);
/* plt.sci(im): make im the current image of the current axes. ND_EVALUE ("Argument must be
 * an image, collection, or ContourSet in this Axes") when im is not a colour-mapped artist
 * of the current axes (nplot_gca). */
NPLOT_API nd_status nplot_sci(nplot_figure *fig, nplot_artist *im);
/* ScalarMappable.set_clim(vmin, vmax): new norm limits for a colour-mapped artist (NaN
 * leaves one as it is). What is drawn is coloured again from the values the artist keeps
 * (image, pcolormesh flat or gouraud, hexbin, hist2d, scatter with c; for a 2-D contour set
 * every item of the set, as ContourSet.set_clim), and a colorbar made for it follows (its
 * bar's ends; an AsinhNorm bar keeps its ticks). ND_EVALUE for a NULL or removed artist, one
 * not colour-mapped, non-finite limits, vmin > vmax, a LogNorm limit <= 0 or a TwoSlopeNorm
 * vcenter outside (vmin, vmax), as matplotlib raises when drawing; the figure stays usable. */
NPLOT_API nd_status nplot_artist_set_clim(nplot_artist *a, double vmin, double vmax);
/* get_clim(): the norm's limits into out[0], out[1]. ND_EVALUE if a is not colour-mapped. */
NPLOT_API nd_status nplot_artist_get_clim(const nplot_artist *a, double out[2]);
/* plt.clim(vmin, vmax): nplot_artist_set_clim on nplot_gci(fig). ND_EVALUE ("You must first
 * define an image, e.g., with imshow") when the figure has no current image. */
NPLOT_API nd_status nplot_clim(nplot_figure *fig, double vmin, double vmax);

/* ax.set_prop_cycle(color=[...], linestyle=[...], ...): the axes' own property cycle, as
 * cycler(**kwargs): every list given holds the same count of entries (zipped; a product
 * cycler is passed expanded). Lines (plot, step, errorbar ...) take from the next entry the
 * properties neither their options nor fmt give, and the cycle advances only when one is
 * missing (matplotlib's _getdefaults); patches (bar, fill, scatter) take its colors. */
typedef struct nplot_prop_cycle_opts {
    int _; /* reserved: leave it out (lets an empty option list compile) */
    nplot_strs color;      /* colors ("C0".."C9" name the rc cycle) */
    nplot_strs linestyle;  /* "-", "--", ":", "-.", "solid", ... */
    nplot_strs marker;     /* marker names */
    nplot_f64s linewidth;  /* points */
    nplot_f64s markersize; /* points */
} nplot_prop_cycle_opts;
/* Restarts the cycle at its first entry; no list given is set_prop_cycle(None): back to the
 * rc axes.prop_cycle (as nplot_cla does too). ND_EVALUE for lists of different lengths
 * ("Can only add equal length cycles"), an unknown color, linestyle or marker, a negative
 * width or size. */
NPLOT_API nd_status nplot_set_prop_cycle_(nplot_axes *ax, const nplot_prop_cycle_opts *o);
#define nplot_set_prop_cycle(...) nplot__kw_set_prop_cycle(__VA_ARGS__, )
#define nplot__kw_set_prop_cycle(ax, ...) \
    nplot_set_prop_cycle_((ax), &(nplot_prop_cycle_opts){ 0, __VA_ARGS__ })

/* One violin's statistics as matplotlib's violin takes them (cbook.violin_stats' dicts):
 * the KDE's n coordinates along the value axis and its densities there, the centre values
 * and the quantile values to draw (data units). The arrays are borrowed for the call. */
typedef struct nplot_violin_stats {
    const double *coords;
    const double *vals;
    size_t n;
    double mean, median, min, max;
    nplot_f64s quantiles;
} nplot_violin_stats;
typedef struct nplot_violin_draw_opts {
    int _; /* reserved: leave it out (lets an empty option list compile) */
    nplot_f64s positions;   /* exactly one per violin; not given → 1, 2, ... */
    int vert;               /* NPLOT_OFF → horizontal violins */
    double widths;          /* every violin's widest point, 0 → 0.5 */
    nplot_f64s widths_each; /* exactly one width per violin (matplotlib's widths list) */
    bool showmeans;         /* a line at the mean */
    int showextrema;        /* NPLOT_OFF hides the min / max lines and the centre bar */
    bool showmedians;       /* a line at the median */
} nplot_violin_draw_opts;
/* ax.violin(vpstats, positions, vert, widths, showmeans, showextrema, showmedians): k violins
 * from precomputed statistics, drawn as nplot_violinplot draws them (which computes the
 * statistics and calls this): each body the densities scaled so the widest point is width / 2
 * either side of its position, in the next line color at alpha 0.3; the lines width 1.5 in
 * that color, the perpendicular ones width / 4 either side, one line per quantile value.
 * ND_EVALUE for k < 0, a violin without coords / vals, quantiles counted without values,
 * positions or widths_each of another length than k ("the list of violinplot statistics"),
 * a negative or non-finite width or position. */
NPLOT_API nd_status nplot_violin_(nplot_axes *ax, const nplot_violin_stats *vpstats, int k,
                                  const nplot_violin_draw_opts *o);
#define nplot_violin(...) nplot__kw_violin(__VA_ARGS__, )
#define nplot__kw_violin(ax, s, k, ...) \
    nplot_violin_((ax), (s), (k), &(nplot_violin_draw_opts){ 0, __VA_ARGS__ })

typedef struct nplot_pcolorfast_opts {
    int _; /* reserved: leave it out (lets an empty option list compile) */
    const nd_array *x, *y;   /* both or neither: 1-D edges (2 values: the corners) or 2-D
                                corners of a quadrilateral mesh; NULL → 0..ncols, 0..nrows */
    const char *cmap;        /* NULL → viridis */
    double vmin, vmax;       /* equal → the data range */
    const nplot_norm *norm;  /* NULL → Normalize(vmin, vmax) */
    double alpha;
    double zorder;           /* default: 0 for an image, 1 for a mesh */
    const char *label;       /* an image's label */
    const char *bad;         /* color of NaN cells; NULL → not drawn */
    const char **style;      /* receives matplotlib's kind: "image" (AxesImage),
                                "pcolorimage" (PcolorImage) or "quadmesh" (QuadMesh) */
} nplot_pcolorfast_opts;
/* ax.pcolorfast(C) / pcolorfast(x, y, C): C (nrows x ncols, row 0 at the bottom; or RGB(A)
 * (h, w, 3|4) on an image) on a rectangular grid, chosen as matplotlib chooses: no x / y,
 * 2-value ones, or evenly spaced 1-D edges (spacing within 1 % of the mean) → an image
 * (nearest, origin lower) on the extent x[0]..x[-1], y[0]..y[-1]; other 1-D edges (ncols + 1,
 * nrows + 1 values) → one rectangle per cell; 2-D corners ((nrows + 1) x (ncols + 1)) → a
 * quadrilateral mesh. Cells have no edges; the limits fit the grid tightly. A mappable
 * (nplot_colorbar, set_clim). Returns its handle (the figure's), NULL on error: ND_ESHAPE
 * for other shapes or sizes, ND_EVALUE for x without y, mixed 1-D / 2-D x and y, bad
 * cmap / norm. */
NPLOT_API nplot_artist *nplot_pcolorfast_(nplot_axes *ax, const nd_array *C, const nplot_pcolorfast_opts *o);
#define nplot_pcolorfast(...) nplot__kw_pcolorfast(__VA_ARGS__, )
#define nplot__kw_pcolorfast(ax, C, ...) \
    nplot_pcolorfast_((ax), (C), &(nplot_pcolorfast_opts){ 0, __VA_ARGS__ })

typedef struct nplot_collection_opts {
    int _; /* reserved: leave it out (lets an empty option list compile) */
    const char *kind;       /* "line" (LineCollection, default) or "poly" (PolyCollection) */
    nplot_strs colors;      /* the items' colors, cycled (a line's stroke, a polygon's face);
                               not given → 'C0' */
    const char *edgecolor;  /* "poly": one edge color for all, "face" (each its own) or
                               NULL / "none" → no edges */
    nplot_f64s linewidths;  /* points, cycled; not given → lines.linewidth ("line"), 1 ("poly") */
    nplot_f64s array;       /* exactly one value per item (set_array): colored through cmap
                               and norm instead of colors; a mappable then */
    const char *cmap;       /* NULL → viridis */
    const nplot_norm *norm; /* NULL → Normalize(vmin, vmax) */
    double vmin, vmax;      /* equal → the array's range */
    double alpha;
    double zorder;          /* 0 → 2 ("line"), 1 ("poly") */
    const char *label;
    int autolim;            /* NPLOT_OFF: the data limits stay (add_collection(autolim=False)) */
} nplot_collection_opts;
/* ax.add_collection(LineCollection(segments) | PolyCollection(verts)): n items, item i the
 * next lens[i] vertices of x / y (a line needs 2, a polygon 3), as one artist with a color
 * and a width per item (or an array colored through a colormap: then a mappable, so
 * nplot_colorbar, nplot_gci and nplot_artist_set_clim work on it); the data limits grow to
 * the vertices (autolim). Returns its handle (the figure's; remove, visible, label as any
 * artist), NULL on error: ND_EVALUE for a bad kind, too few vertices, a non-finite vertex,
 * array of another length than n, a bad color, width or alpha. The vertices are copied. */
NPLOT_API nplot_artist *nplot_add_collection_(nplot_axes *ax, const double *x, const double *y,
                                              const size_t *lens, size_t n,
                                              const nplot_collection_opts *o);
#define nplot_add_collection(...) nplot__kw_add_collection(__VA_ARGS__, )
#define nplot__kw_add_collection(ax, x, y, lens, n, ...) \
    nplot_add_collection_((ax), (x), (y), (lens), (n), &(nplot_collection_opts){ 0, __VA_ARGS__ })

/* Axes.containers: each bar / barh / hist call registers a BarContainer (its bars and
 * their error bars), each errorbar an ErrorbarContainer (line, bars, caps), each stem a
 * StemContainer (markers, stems, baseline), and nplot_add_container a Container. The count
 * (-1 with ND_EVALUE for a NULL axes); container i's matplotlib class name
 * ("BarContainer", ...; i < 0 counts from the end; NULL with ND_EINDEX out of range); its
 * parts still in the axes into out[0..cap) (the count, -1 on error). */
NPLOT_API ptrdiff_t nplot_container_count(const nplot_axes *ax);
NPLOT_API const char *nplot_container_kind(const nplot_axes *ax, ptrdiff_t i);
NPLOT_API ptrdiff_t nplot_container_parts(const nplot_axes *ax, ptrdiff_t i, nplot_artist **out,
                                          size_t cap);
/* ax.add_container(Container(parts, label)): the n artists of ax as one container; with a
 * label, the legend shows the group once (the label moves to parts[0], whose sample is
 * drawn; the other parts lose theirs). Returns its index, -1 with ND_EVALUE for no parts or
 * a NULL, removed or foreign part. */
NPLOT_API ptrdiff_t nplot_add_container(nplot_axes *ax, nplot_artist *const *parts, size_t n,
                                        const char *label);
/* Container.remove(): removes every part still in the axes (nplot_artist_remove) and the
 * container itself. ND_EINDEX out of range. */
NPLOT_API nd_status nplot_container_remove(nplot_axes *ax, ptrdiff_t i);

/* ==== path effects and sketch on patches and text, Axes/Figure path effects, compressed layout (effects2) ==== */
/* Path effects (nplot_path_effect, above) reach patches and text as well as lines: bars,
 * hist bars, pie wedges, fills and polygons ("patches" / "polygon" artists) are painted
 * through them as matplotlib's Patch.draw does (Stroke fills with the face and strokes the
 * outline in its foreground, SimplePatchShadow fills an offset copy with rho x the face,
 * TickedStroke ticks the outline in the edge colour, Normal paints the patch), and texts
 * (nplot_text, annotations, titles, axis labels, tick labels) are painted as their glyph
 * outlines, as PathEffectRenderer._draw_text_as_path: withStroke(linewidth=w) puts a
 * halo of w/2 points around the ink. The figure's rc path.effects (plt.xkcd's white
 * withStroke) and path.sketch apply to all of them unless an artist has its own, and to
 * the spines and annotation arrows (patches in matplotlib). A sketch (set on the
 * artist or the rc path.sketch) wobbles a patch's outline and fill, every patch reseeded
 * as Agg does; text is never sketched (matplotlib's Text ignores its sketch params).
 * On PNG, SVG and PDF alike.
 * The .path_effects option of nplot_text_opts, nplot_bar_opts, nplot_fill_opts and
 * nplot_pie_opts gives a list: .path_effects = NPLOT_PATH_EFFECTS({ .kind =
 * NPLOT_PE_WITH_STROKE, .linewidth = 3, .foreground = "w" }). */
#define NPLOT_PATH_EFFECTS(...)                                                               \
    ((nplot_path_effects){ sizeof((const nplot_path_effect[]){ __VA_ARGS__ }) /                \
                               sizeof(nplot_path_effect),                                     \
                           (const nplot_path_effect[]){ __VA_ARGS__ } })
#define NPLOT_PATH_EFFECT_ARRAY(ptr, count) ((nplot_path_effects){ (size_t)(count), (ptr) })
/* Artist.get_path_effects: writes up to cap effects to out (defaults resolved; foreground
 * as "#rrggbbaa", valid until the artist's effects change) and returns how many the artist
 * has (its own, else the rc path.effects'); ND_EVALUE (negative) for a NULL artist. */
NPLOT_API int nplot_artist_get_path_effects(const nplot_artist *a, nplot_path_effect *out,
                                            size_t cap);
/* Artist.get_sketch_params: true and out = (scale, length, randomness) when the artist is
 * sketched (its own or the rc path.sketch), else false and out zeroed (None). */
NPLOT_API bool nplot_artist_get_sketch_params(const nplot_artist *a, double out[3]);
/* Axes.set_path_effects / set_sketch_params (matplotlib: they reach the axes patch, the
 * background rectangle): the patch is drawn through the effects and sketched. n = 0 clears
 * the effects, scale 0 the sketch (length 0 → 128, randomness 0 → 16). Errors as
 * nplot_artist_set_path_effects / set_sketch_params, ND_EVALUE for a NULL axes. The
 * getters work as nplot_artist_get_path_effects / get_sketch_params (the rc values until
 * set). matplotlib: Axes.set_path_effects, Axes.get_path_effects,
 * Axes.set_sketch_params, Axes.get_sketch_params */
NPLOT_API nd_status nplot_axes_set_path_effects(nplot_axes *ax, const nplot_path_effect *fx,
                                                size_t n);
NPLOT_API int nplot_axes_get_path_effects(const nplot_axes *ax, nplot_path_effect *out,
                                          size_t cap);
NPLOT_API nd_status nplot_axes_set_sketch_params(nplot_axes *ax, double scale, double length,
                                                 double randomness);
NPLOT_API bool nplot_axes_get_sketch_params(const nplot_axes *ax, double out[3]);
/* Figure.set_path_effects / set_sketch_params and the getters: the same for the figure
 * patch (its background and frame). ND_EVALUE for a NULL figure. matplotlib:
 * Figure.set_path_effects, Figure.get_path_effects, Figure.set_sketch_params,
 * Figure.get_sketch_params */
NPLOT_API nd_status nplot_figure_set_path_effects(nplot_figure *fig, const nplot_path_effect *fx,
                                                  size_t n);
NPLOT_API int nplot_figure_get_path_effects(const nplot_figure *fig, nplot_path_effect *out,
                                            size_t cap);
NPLOT_API nd_status nplot_figure_set_sketch_params(nplot_figure *fig, double scale,
                                                   double length, double randomness);
NPLOT_API bool nplot_figure_get_sketch_params(const nplot_figure *fig, double out[3]);
/* layout="compressed" (nplot_figure_new(.layout = "compressed") or
 * nplot_figure_set_layout_engine(fig, "compressed"); matplotlib 3.6's
 * ConstrainedLayoutEngine(compress=True)): constrained layout, then, as
 * compress_fixed_aspect, the width (height) a fixed aspect takes off the axes of each grid
 * column (row) is summed, halved and given to the figure's left and right (top and
 * bottom) margins, and the layout solved again: a grid of images sits packed together in
 * the middle with the figure's spare room around it (colorbars follow their parents). The
 * axes must all come from one gridspec: drawing otherwise fails with ND_EVALUE ("Cannot do
 * compressed layout if axes are not all from the same gridspec"), as it does when no axes
 * is in a gridspec. nplot_figure_get_layout_engine then says "compressed". */

/* The path effects of an axes' texts, as matplotlib's set_path_effects on the Text objects
 * of ax.title, ax.xaxis.label, ax.get_xticklabels() ...: which is "title" (the three
 * titles), "xlabel", "ylabel", "xticklabels" or "yticklabels"; n = 0 clears them (no rc
 * effects either). ND_EVALUE for another which and as nplot_artist_set_path_effects. */
NPLOT_API nd_status nplot_axes_set_text_path_effects(nplot_axes *ax, const char *which,
                                                     const nplot_path_effect *fx, size_t n);

/* ==== 3-D plot kinds: voxels, stem, errorbar, text, bar, tricontour, contour sets, collections (ax3da) ==== */
/* The 3-D kinds below take a 3-D axes (nplot_subplot_3d): ND_EVALUE on a 2-D one. Their
 * polygons (voxel faces, bars, collections, filled contours) are sorted one by one by the
 * mean depth of their corners (Poly3DCollection's zsort 'average') together with every
 * other 3-D primitive of the axes. */
typedef struct nplot_voxels_opts {
    int _; /* reserved: leave it out (lets an empty option list compile) */
    const char *facecolor;         /* every voxel; NULL → the next cycle color */
    nplot_strs facecolors;         /* one per voxel of filled (C order), or 1 */
    const char *edgecolor;         /* NULL → no edges; shaded as the faces (matplotlib) */
    bool no_shade;                 /* shade=False (faces and edges) */
    double linewidth;              /* edges, 0 → 1 */
    double alpha;
    const char *label;
    const nd_array *x, *y, *z;     /* voxels(x, y, z, filled): the corners' coordinates, each
                                      of filled's shape plus one per axis (all or none) */
} nplot_voxels_opts;
/* ax.voxels(filled): a cube [i, i+1] x [j, j+1] x [k, k+1] per true cell of the 3-D array
 * filled (any dtype, non-zero is filled), or between the corners .x, .y, .z; only the faces
 * between a filled cell and an empty one (or the outside) are drawn, lit as matplotlib's
 * (_shade_colors: 0.3 + 0.7 (n.l + 1) / 2, LightSource(225, 19.4712)). The limits cover the
 * whole grid (every corner). ND_ESHAPE unless filled is 3-D and the corners fit it;
 * ND_EVALUE on a bad color or alpha. */
NPLOT_API nd_status nplot_voxels_(nplot_axes *ax, const nd_array *filled, const nplot_voxels_opts *o);
#define nplot_voxels(...) nplot__kw_voxels(__VA_ARGS__, )
#define nplot__kw_voxels(ax, filled, ...) nplot_voxels_((ax), (filled), &(nplot_voxels_opts){ 0, __VA_ARGS__ })

typedef struct nplot_stem3d_opts {
    int _; /* reserved: leave it out (lets an empty option list compile) */
    const char *linefmt;     /* NULL → "C0-" */
    const char *markerfmt;   /* NULL → "C0o" */
    const char *basefmt;     /* NULL → "C3-" */
    double bottom;           /* where the stems start along orientation */
    const char *orientation; /* "z" (NULL), "x" or "y": the direction of the stems */
    const char *label;
} nplot_stem3d_opts;
/* ax.stem(x, y, z) on a 3-D axes (stem3D): a stem from bottom to each point along the
 * orientation axis, a marker at each point, and a baseline through the feet in data order.
 * ND_ESHAPE when the lengths differ, ND_EVALUE for a bad orientation or format. */
NPLOT_API nd_status nplot_stem3d_(nplot_axes *ax, const nd_array *x, const nd_array *y, const nd_array *z,
                                  const nplot_stem3d_opts *o);
#define nplot_stem3d(...) nplot__kw_stem3d(__VA_ARGS__, )
#define nplot__kw_stem3d(ax, x, y, z, ...) \
    nplot_stem3d_((ax), (x), (y), (z), &(nplot_stem3d_opts){ 0, __VA_ARGS__ })

typedef struct nplot_errorbar3d_opts {
    int _; /* reserved: leave it out (lets an empty option list compile) */
    const nd_array *xerr, *yerr, *zerr; /* shape (n,) symmetric or (2, n) lower / upper */
    double xerr_value, yerr_value, zerr_value; /* one symmetric error for all points */
    const char *fmt;       /* data line and markers, "" (NULL) a line; "none" bars only */
    const char *color;
    const char *ecolor;    /* NULL → the line's color */
    double elinewidth;     /* 0 → linewidth */
    double linewidth;      /* 0 → 1.5 */
    double capsize;        /* points, 0 → no caps ('|' on x and y bars, '_' on z bars) */
    double capthick;       /* cap marker edge width, 0 → 1 */
    int errorevery;        /* bars on every n-th point, 0 → 1 */
    double alpha;
    const char *label;
} nplot_errorbar3d_opts;
/* ax.errorbar(x, y, z, zerr=, yerr=, xerr=) on a 3-D axes: the data line (fmt), then one
 * Line3DCollection of bars per direction given, and caps (markers of size 2 capsize)
 * at both ends; the limits cover the bars. ND_ESHAPE when lengths differ. */
NPLOT_API nd_status nplot_errorbar3d_(nplot_axes *ax, const nd_array *x, const nd_array *y, const nd_array *z,
                                      const nplot_errorbar3d_opts *o);
#define nplot_errorbar3d(...) nplot__kw_errorbar3d(__VA_ARGS__, )
#define nplot__kw_errorbar3d(ax, x, y, z, ...) \
    nplot_errorbar3d_((ax), (x), (y), (z), &(nplot_errorbar3d_opts){ 0, __VA_ARGS__ })

/* ax.text(x, y, z, s, zdir=zdir) (text3D; zdir is positional, NULL for none): the text at the projected point, turned along
 * the projection of zdir: "x", "y", "z" or a direction "(dx,dy,dz)"; NULL keeps it
 * horizontal (matplotlib's Text3D ignores .rotation). Other options as nplot_text (coords
 * must stay "data"). ND_EVALUE on a bad zdir or non-finite position. */
NPLOT_API nd_status nplot_text3d_(nplot_axes *ax, double x, double y, double z, const char *s, const char *zdir,
                                  const nplot_text_opts *o);
#define nplot_text3d(...) nplot__kw_text3d(__VA_ARGS__, )
#define nplot__kw_text3d(ax, x, y, z, s, zdir, ...) \
    nplot_text3d_((ax), (x), (y), (z), (s), (zdir), &(nplot_text_opts){ 0, __VA_ARGS__ })
/* ax.text2D(x, y, s): 2-D text on a 3-D axes, in axes fractions unless .coords says
 * "figure" ("data" is ND_EVALUE: a 3-D axes has no 2-D data coordinates). */
NPLOT_API nd_status nplot_text2d_(nplot_axes *ax, double x, double y, const char *s, const nplot_text_opts *o);
#define nplot_text2d(...) nplot__kw_text2d(__VA_ARGS__, )
#define nplot__kw_text2d(ax, x, y, s, ...) nplot_text2d_((ax), (x), (y), (s), &(nplot_text_opts){ 0, __VA_ARGS__ })

typedef struct nplot_bar_zs_opts {
    int _; /* reserved: leave it out (lets an empty option list compile) */
    const nd_array *zs;    /* one value per bar; NULL → zs_value for all */
    double zs_value;
    const char *zdir;      /* "z" (NULL), "x" or "y": the axis zs is along */
    double width;          /* 0 → 0.8 */
    double bottom;
    const char *color;     /* NULL → the next cycle color */
    nplot_strs colors;     /* one per bar (or 1) */
    const char *edgecolor; /* NULL → no edge */
    double linewidth;
    double alpha;
    const char *label;
} nplot_bar_zs_opts;
/* Axes3D.bar(left, height, zs, zdir): 2-D bars (centred on left, width wide, from bottom
 * to bottom + height) in the plane at zs along zdir (the bar's x, y juggled as matplotlib's
 * juggle_axes: zdir "y" puts them in the x-z plane). ND_ESHAPE on lengths. */
NPLOT_API nd_status nplot_bar_zs_(nplot_axes *ax, const nd_array *left, const nd_array *height,
                                  const nplot_bar_zs_opts *o);
#define nplot_bar_zs(...) nplot__kw_bar_zs(__VA_ARGS__, )
#define nplot__kw_bar_zs(ax, left, height, ...) \
    nplot_bar_zs_((ax), (left), (height), &(nplot_bar_zs_opts){ 0, __VA_ARGS__ })

typedef struct nplot_collection3d_opts {
    int _; /* reserved: leave it out (lets an empty option list compile) */
    bool lines;            /* a LineCollection (polylines) instead of a PolyCollection */
    const nd_array *zs;    /* one value per polygon / polyline; NULL → zs_value for all */
    double zs_value;
    const char *zdir;      /* "z" (NULL), "x" or "y" (juggle_axes) */
    const char *facecolor; /* polygons; NULL → "C0" */
    nplot_strs facecolors; /* one per polygon (or 1) */
    const char *edgecolor; /* polygons: NULL → no edges; lines: the color (NULL → "C0") */
    double linewidth;      /* 0 → 1 (polygon edges), 1.5 (lines) */
    const char *linestyle;
    double alpha;
    const char *label;
} nplot_collection3d_opts;
/* ax.add_collection3d(PolyCollection(verts) or LineCollection(segments), zs, zdir): the 2-D
 * polygons (polylines) given as x, y with NaN between them, each placed in the plane at its
 * zs along zdir. ND_ESHAPE when x and y differ or zs has not one value per polygon. */
NPLOT_API nd_status nplot_add_collection3d_(nplot_axes *ax, const nd_array *x, const nd_array *y,
                                            const nplot_collection3d_opts *o);
#define nplot_add_collection3d(...) nplot__kw_add_collection3d(__VA_ARGS__, )
#define nplot__kw_add_collection3d(ax, x, y, ...) \
    nplot_add_collection3d_((ax), (x), (y), &(nplot_collection3d_opts){ 0, __VA_ARGS__ })

typedef struct nplot_contour_set3d_opts {
    int _; /* reserved: leave it out (lets an empty option list compile) */
    const char *zdir;      /* "z" (NULL), "x" or "y": the 2-D set's plane is normal to it */
    double offset;         /* with has_offset: every level at this coordinate along zdir */
    bool has_offset;
    bool extend3d;         /* lines: each level's first polyline becomes a wall of shaded quads
                              from level - dz to level + dz (dz half the first two levels'
                              gap), one quad per stride points (zdir and offset unused) */
    int stride;            /* extend3d: 0 → 5 */
} nplot_contour_set3d_opts;
/* ax3d.add_contour_set(cset, zdir=, offset=) / add_contourf_set: the last contour (lines)
 * or contourf (bands) set drawn on the 2-D axes src, placed in ax3d: each level's lines at
 * the level (each band at its middle; extended bands half a band beyond) or at the offset,
 * along zdir (matplotlib's rotate_axes with '-' + zdir). src is left as it was.
 * ND_EVALUE when src has no set of that kind. */
NPLOT_API nd_status nplot_add_contour_set_(nplot_axes *ax, nplot_axes *src, const nplot_contour_set3d_opts *o);
#define nplot_add_contour_set(...) nplot__kw_add_contour_set(__VA_ARGS__, )
#define nplot__kw_add_contour_set(ax, src, ...) \
    nplot_add_contour_set_((ax), (src), &(nplot_contour_set3d_opts){ 0, __VA_ARGS__ })
NPLOT_API nd_status nplot_add_contourf_set_(nplot_axes *ax, nplot_axes *src, const nplot_contour_set3d_opts *o);
#define nplot_add_contourf_set(...) nplot__kw_add_contourf_set(__VA_ARGS__, )
#define nplot__kw_add_contourf_set(ax, src, ...) \
    nplot_add_contourf_set_((ax), (src), &(nplot_contour_set3d_opts){ 0, __VA_ARGS__ })

typedef struct nplot_tricontour3d_opts {
    int _; /* reserved: leave it out (lets an empty option list compile) */
    const char *zdir;            /* as nplot_contour_set3d_opts */
    double offset;
    bool has_offset;
    bool extend3d;               /* tricontour: as nplot_contour_set3d_opts */
    int stride;
    nplot_tricontour_opts tri;   /* the 2-D options: .tri.cmap = "viridis", .tri.nlevels = 12 */
} nplot_tricontour3d_opts;
/* ax.tricontour(tri, z, zdir=, offset=) / tricontourf on a 3-D axes: the 2-D tricontour
 * (tricontourf) of z over tri (rotated as matplotlib's rotate_axes for zdir "x" / "y"),
 * placed as nplot_add_contour_set does. The limits cover the points (filled: along zdir the
 * band middles instead, _auto_scale_contourf); offsets do not widen them, as matplotlib's.
 * Errors as nplot_tricontour, ND_EVALUE for a bad zdir.
 * nplot_clabel labels a 3-D set too (matplotlib's Axes3D.clabel draws nothing). */
NPLOT_API nd_status nplot_tricontour3d_(nplot_axes *ax, const nplot_triangulation *t, const nd_array *z,
                                        const nplot_tricontour3d_opts *o);
#define nplot_tricontour3d(...) nplot__kw_tricontour3d(__VA_ARGS__, )
#define nplot__kw_tricontour3d(ax, t, z, ...) \
    nplot_tricontour3d_((ax), (t), (z), &(nplot_tricontour3d_opts){ 0, __VA_ARGS__ })
NPLOT_API nd_status nplot_tricontourf3d_(nplot_axes *ax, const nplot_triangulation *t, const nd_array *z,
                                         const nplot_tricontour3d_opts *o);
#define nplot_tricontourf3d(...) nplot__kw_tricontourf3d(__VA_ARGS__, )
#define nplot__kw_tricontourf3d(ax, t, z, ...) \
    nplot_tricontourf3d_((ax), (t), (z), &(nplot_tricontour3d_opts){ 0, __VA_ARGS__ })

/* ==== 3-D axes state: aspect, sharing, z ticks, tick_params, margins, autoscale, view, frame (ax3db) ==== */
/* Axes3D.set_aspect(aspect, adjustable) as matplotlib 3.6: aspect "auto", "equal", "equalxy",
 * "equalxz" or "equalyz". With adjustable NULL or "datalim" (what 3.6 always does) the
 * equalized axes' limits widen about their centres, now, so that a data unit is as long on
 * each of them in the box (the limits become fixed); with "box" (matplotlib 3.7) the box
 * aspect takes their data ranges instead, the other side scaled with the diagonal, zoom
 * kept. ND_EVALUE for another aspect or adjustable, or a 2-D axes. get_aspect3d: the mode
 * ("auto" until set), NULL with the error set for NULL or a 2-D axes. */
NPLOT_API nd_status nplot_set_aspect3d(nplot_axes *ax, const char *aspect, const char *adjustable);
NPLOT_API const char *nplot_get_aspect3d(nplot_axes *ax);
/* On a 3-D axes nplot_axes_get_active_position gives the square box Axes3D.apply_aspect
 * makes (the cell shrunk to a square about its centre), nplot_tick_params takes axis "z"
 * ("both": x, y and z), nplot_set_xscale / nplot_set_yscale refuse all but "linear",
 * nplot_axes_update_datalim widens the x and y data limits (z is left alone; matplotlib
 * 3.6's Axes3D.update_datalim ignores the points), and nplot_axis_date takes "z" (zaxis_date: AutoDateLocator ticks, the axis' date formatter). */
/* ax.sharez(other): ax's z axis joins other's group: one set of z limits, autoscaled over the
 * group's data, fixed or inverted on any member (each keeps its own fixed ticks and
 * formatter, where matplotlib shares them too). ND_EVALUE when ax's z is already shared
 * with another group, other is NULL, 2-D or of another figure. */
NPLOT_API nd_status nplot_sharez(nplot_axes *ax, nplot_axes *other);
/* get_zticks / get_zticklabels (get_zmajorticklabels, get_zticklines, get_zgridlines: one per
 * tick) as drawn: the figure is laid out, then the count (may exceed cap; a negative status
 * on error) and the positions. get_zticklabel: tick i's label (borrowed, valid until the next
 * z tick call or change), NULL with ND_EINDEX out of range. get_zminorticks: the minor ticks
 * inside the limits, none unless set_zticks(..., .minor = true) gave some (Axis3D's minor
 * locator is a NullLocator). ND_EVALUE for a NULL or 2-D axes. */
NPLOT_API int nplot_get_zticks(nplot_axes *ax, double *out, int cap);
NPLOT_API const char *nplot_get_zticklabel(nplot_axes *ax, int i);
NPLOT_API int nplot_get_zminorticks(nplot_axes *ax, double *out, int cap);
/* ax.margins(x=, y=, z=) on a 3-D axes: NAN leaves that margin; each > -0.5 (ND_EVALUE
 * otherwise). get_margins3d: the three margins (a new Axes3D: 0.05, 0.05, 0). */
NPLOT_API nd_status nplot_margins3d(nplot_axes *ax, double x, double y, double z);
NPLOT_API nd_status nplot_get_margins3d(nplot_axes *ax, double m[3]);
/* ax.autoscale(enable, axis) on a 3-D axes: axis "x", "y", "z" or NULL / "both" (all three);
 * enable false freezes the current limits, true lets the data decide again. The view is
 * autoscaled lazily, so this is autoscale_view too. ND_EVALUE for another axis. */
NPLOT_API nd_status nplot_autoscale3d(nplot_axes *ax, bool enable, const char *axis);
/* ax.auto_scale_xyz(X, Y, Z, had_data): the data limits become those of the values (had_data
 * false) or grow to hold them (true); the automatic limits follow. With nx == ny only the
 * points with both x and y finite count (matplotlib's update_from_data_xy). z may be NULL.
 * ND_EVALUE for a NULL array with a count. */
NPLOT_API nd_status nplot_auto_scale_xyz(nplot_axes *ax, const double *x, size_t nx, const double *y,
                                         size_t ny, const double *z, size_t nz, bool had_data);
/* ax.get_axis_position(): for x, y, z whether the axis is drawn at its high side of the box
 * for the current view (xhigh, yhigh, zhigh). */
NPLOT_API nd_status nplot_get_axis_position(nplot_axes *ax, bool high[3]);
/* Axes3D.set(...) for its 3-D properties, applied in this order: zscale, zmargin,
 * autoscalez_on, zlim, zbound, zticks, zlabel, box_aspect, proj_type (with focal_length),
 * view (elev, azim[, roll]), aspect (with adjustable). Each fails as its own call does;
 * ND_EVALUE for arrays of the wrong length. */
typedef struct nplot_axes3d_props {
    int _; /* reserved: leave it out (lets an empty option list compile) */
    const char *zscale;      /* "linear" only */
    double zmargin;          /* NPLOT_ZERO for 0 */
    int autoscalez_on;       /* NPLOT_ON / NPLOT_OFF */
    nplot_f64s zlim, zbound; /* 2 values (NAN keeps a side) */
    nplot_f64s zticks;
    const char *zlabel;
    nplot_f64s box_aspect;   /* 3 values */
    const char *proj_type;   /* "persp" / "ortho" */
    double focal_length;
    nplot_f64s view;         /* elev, azim[, roll] in degrees */
    const char *aspect, *adjustable; /* nplot_set_aspect3d */
} nplot_axes3d_props;
NPLOT_API nd_status nplot_set3d_(nplot_axes *ax, const nplot_axes3d_props *o);
#define nplot_set3d(...) nplot__kw_set3d(__VA_ARGS__, )
#define nplot__kw_set3d(ax, ...) nplot_set3d_((ax), &(nplot_axes3d_props){ 0, __VA_ARGS__ })

#ifdef __cplusplus
}
#endif
#endif
