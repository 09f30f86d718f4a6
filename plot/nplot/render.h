/* nplot's output side: one figure per kind through libnumc_plot.
 *   render.c       figure, axes furniture (labels, limits, legend, date/category ticks), saving
 *   kind_xy.c      line, scatter, step, area, stack
 *   kind_bars.c    bar, barh, hist, box, pie
 *   kind_grid.c    heatmap, hexbin, colorbars
 *   kind_3d.c      surface, wireframe (a projected 3-D box drawn on a 2-D axes) */
#ifndef NPLOT_RENDER_H
#define NPLOT_RENDER_H

#include "nplot_cli.h"

#include <numc/plot.h>

/* One drawn series: a y column, or a y column restricted to one --sep group. */
typedef struct cli_series {
    char *label;    /* owned */
    double *x, *y;  /* n values each; owned only when `owned` */
    size_t n;
    bool owned;
    int color;      /* index into the color cycle C0..C9 */
    int ycol;       /* index into d->y */
} cli_series;

typedef struct cli_plot {
    const cli_opts *o;
    cli_data *d;
    nplot_figure *fig;
    cli_series *series;
    int nseries;
    double width_pt, height_pt; /* the figure in points, for tick-density estimates */
    nplot_axes *main_ax;        /* the first data axes */
    char *err;
    size_t errcap;
} cli_plot;

/* Set p->err from a failed nplot call (the figure's first error) and return the exit
 * code for it. */
int cli_plot_fail(cli_plot *p, int code, const char *fmt, ...);
int cli_plot_status(cli_plot *p);

/* "C3" for color index 3 (cycling), or the user's --color. */
const char *cli_series_color(const cli_plot *p, int idx, char buf[8]);
/* Line style of series idx: solid for the first ten colours, then dashed, dash-dot and
 * dotted, so series past the colour cycle stay apart (NULL with --color). */
const char *cli_series_linestyle(const cli_plot *p, int idx);
/* Orders of magnitude between the largest and the smallest series (by largest |y|). */
int cli_scale_decades(const cli_series *s, int count);
/* The largest |y| of a series over its finite values (0 when none). */
double cli_series_absmax(const cli_series *s);
/* cli_scale_decades from the series' cli_series_absmax values. */
int cli_decades_of(const double *absmax, int count);
/* The label of x value r of the data: category name, formatted date or number. */
void cli_x_label(const cli_data *d, ptrdiff_t r, char *buf, size_t cap);
/* How n category labels fit along len_pt points of an axis: every label at 10 pt, else
 * at a smaller size (9, 8, 7), else (x only) rotated 45 degrees at 10 pt or 90 degrees at
 * 10..7 pt, and only then every step-th label (at 10 pt, upright on x). */
typedef struct cli_label_fit {
    double fontsize; /* points */
    double rotation; /* degrees: 0, 45 or 90 */
    int step;        /* 1: every label */
} cli_label_fit;
cli_label_fit cli_category_fit(const char *const *labels, int n, double len_pt, bool on_y);
/* Fixed ticks 0..n-1 labelled labels[] on the x (or y) axis, sized, rotated and (only when
 * nothing else fits) thinned so that they do not overlap (cli_category_fit). */
int cli_category_ticks(cli_plot *p, nplot_axes *ax, bool on_y, const char *const *labels,
                       int n, const double *pos);
/* Date ticks on the x (or y) axis for its current view. */
int cli_date_axis(cli_plot *p, nplot_axes *ax, bool on_y, double axis_pt);

/* --xlim / --ylim on ax; x_dates: the x axis holds dates (plain years allowed). */
void cli_apply_limits(cli_plot *p, nplot_axes *ax, bool x_dates);

/* M4 decimation of a line over increasing x: in each of `buckets` equal x slices keep
 * the first, lowest, highest and last point, and every NaN gap. ox/oy hold at least
 * 4 * buckets + 2 * gaps + 4 points; returns the count written. */
size_t cli_decimate(const double *x, const double *y, size_t n, int buckets, double *ox,
                    double *oy);

/* v[0..n) as a masked array over v itself (not copied: v must outlive it) with every
 * missing cell masked: data.c reads an empty field as NaN, and any non-finite value is
 * missing too. nplot draws its series through libnumc_plot's masked forms (nplot_plot_ma
 * ...), so a gap appears exactly where matplotlib breaks a numpy.ma column. NULL when out
 * of memory (free with nd_ma_free). */
nd_marray *cli_series_ma(const double *v, size_t n);

/* Kinds. Series-based kinds draw series [first, first + count) on one axes. */
int cli_kind_xy(cli_plot *p, nplot_axes *ax, int first, int count);
int cli_kind_bar(cli_plot *p, nplot_axes *ax, int first, int count, bool horizontal);
int cli_kind_hist(cli_plot *p, nplot_axes *ax, int first, int count);
int cli_kind_box(cli_plot *p, nplot_axes *ax, int first, int count);
int cli_kind_pie(cli_plot *p, nplot_axes *ax);
/* Whole-figure kinds: they make their own axes. */
int cli_kind_heatmap(cli_plot *p);
int cli_kind_hexbin(cli_plot *p);
int cli_kind_surface(cli_plot *p, bool wireframe);

/* Build the figure for the loaded data (not saved): *fig is the caller's
 * (nplot_figure_free) and *main_ax its first data axes. Returns an exit code with the
 * message in err. */
int cli_figure_build(const cli_opts *o, cli_data *d, nplot_figure **fig, nplot_axes **main_ax,
                     char *err, size_t errcap);
/* a and b name the same file (same device and inode, through symbolic links). */
bool cli_same_file(const char *a, const char *b);
/* Build the figure and save it where the options say; refuses (CLI_EXIT_OUTPUT) to
 * write over the input. */
int cli_render(const cli_opts *o, cli_data *d, char *err, size_t errcap);

#endif
