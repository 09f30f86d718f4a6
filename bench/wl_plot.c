/* Plot workloads (plot.h): 800x600 px at 100 dpi, saved as PNG, like the matplotlib peer. */
#include "bench.h"

#include <numc/numc.h>
#include <numc/plot.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

typedef struct plot_state {
    nd_array *x, *y;
    char path[1024];
} plot_state;

static void plot_teardown(void *st)
{
    plot_state *s = st;
    if (!s) return;
    nd_free(s->x);
    nd_free(s->y);
    free(s);
}

/* line: x = 0..n-1, y standard normal; scatter: both standard normal */
static int plot_setup(void **st, ptrdiff_t n, bool scatter, const char *name)
{
    plot_state *s = calloc(1, sizeof *s);
    if (!s) return -1;
    *st = s;
    s->x = scatter ? nd_empty(1, &n, ND_FLOAT64) : nd_arange(0, (double)n, 1, ND_FLOAT64);
    s->y = nd_empty(1, &n, ND_FLOAT64);
    if (!s->x || !s->y) return -1;
    if (scatter) bench_fill_normal(nd_data(s->x), (size_t)n, 7);
    bench_fill_normal(nd_data(s->y), (size_t)n, 42);
    snprintf(s->path, sizeof s->path, "%s/%s.png", bench_tmpdir(), name);
    return 0;
}

static int setup_line_10k(void **st) { return plot_setup(st, 10000, false, "line_10k"); }
static int setup_line_1m(void **st) { return plot_setup(st, 1000000, false, "line_1M"); }
static int setup_scatter_100k(void **st) { return plot_setup(st, 100000, true, "scatter_100k"); }

static int run_line(void *st)
{
    plot_state *s = st;
    nplot_figure *fig = nplot_figure_new(.width = 8, .height = 6, .dpi = 100);
    nplot_axes *ax = nplot_subplot(fig, 1, 1, 1);
    nplot_plot(ax, s->x, s->y);
    nplot_set_title(ax, "line");
    nplot_set_xlabel(ax, "x");
    nplot_set_ylabel(ax, "y");
    nd_status st_ = nplot_savefig(fig, s->path);
    nplot_figure_free(fig);
    return st_ < 0 ? -1 : 0;
}

static int run_scatter(void *st)
{
    plot_state *s = st;
    nplot_figure *fig = nplot_figure_new(.width = 8, .height = 6, .dpi = 100);
    nplot_axes *ax = nplot_subplot(fig, 1, 1, 1);
    nplot_scatter(ax, s->x, s->y, .s = 2);
    nplot_set_title(ax, "scatter");
    nd_status st_ = nplot_savefig(fig, s->path);
    nplot_figure_free(fig);
    return st_ < 0 ? -1 : 0;
}

/* hist_1M_100bins: 1,000,000 normals; heatmap_1000x1000: imshow (viridis) + colorbar of
 * a 1000x1000 normal field; bar_50: 50 bars of heights |normal| */
static int setup_hist(void **st) { return plot_setup(st, 1000000, false, "hist_1M_100bins"); }
static int setup_heatmap(void **st) { return plot_setup(st, 1000000, false, "heatmap_1000x1000"); }
static int setup_bar(void **st) { return plot_setup(st, 50, false, "bar_50"); }

static int run_hist(void *st)
{
    plot_state *s = st;
    nplot_figure *fig = nplot_figure_new(.width = 8, .height = 6, .dpi = 100);
    nplot_axes *ax = nplot_subplot(fig, 1, 1, 1);
    nplot_hist(ax, s->y, .bins = 100);
    nplot_set_title(ax, "hist");
    nd_status st_ = nplot_savefig(fig, s->path);
    nplot_figure_free(fig);
    return st_ < 0 ? -1 : 0;
}

static int run_heatmap(void *st)
{
    plot_state *s = st;
    nplot_figure *fig = nplot_figure_new(.width = 8, .height = 6, .dpi = 100);
    nplot_axes *ax = nplot_subplot(fig, 1, 1, 1);
    nplot_imshow_data(ax, nd_data(s->y), 1000, 1000, .cmap = "viridis");
    nplot_colorbar(ax);
    nplot_set_title(ax, "heatmap");
    nd_status st_ = nplot_savefig(fig, s->path);
    nplot_figure_free(fig);
    return st_ < 0 ? -1 : 0;
}

static int run_bar(void *st)
{
    plot_state *s = st;
    double h[50];
    const double *y = nd_data(s->y);
    for (int i = 0; i < 50; i++) h[i] = y[i] < 0 ? -y[i] : y[i];
    nplot_figure *fig = nplot_figure_new(.width = 8, .height = 6, .dpi = 100);
    nplot_axes *ax = nplot_subplot(fig, 1, 1, 1);
    nplot_bar_xy(ax, nd_data(s->x), h, 50);
    nplot_set_title(ax, "bar");
    nd_status st_ = nplot_savefig(fig, s->path);
    nplot_figure_free(fig);
    return st_ < 0 ? -1 : 0;
}

/* surface_100x100: sin(hypot(X, Y)) on a 100x100 grid over [-5, 5]^2, viridis */
static int setup_surface(void **st)
{
    plot_state *s = calloc(1, sizeof *s);
    if (!s) return -1;
    *st = s;
    ptrdiff_t n = 100, shape[2] = { 100, 100 };
    s->x = nd_linspace(-5, 5, n);
    s->y = nd_empty(2, shape, ND_FLOAT64);
    if (!s->x || !s->y) return -1;
    const double *g = nd_data(s->x);
    double *z = nd_data(s->y);
    for (int i = 0; i < 100; i++)
        for (int j = 0; j < 100; j++) z[i * 100 + j] = sin(hypot(g[j], g[i]));
    snprintf(s->path, sizeof s->path, "%s/surface_100x100.png", bench_tmpdir());
    return 0;
}

static int run_surface(void *st)
{
    plot_state *s = st;
    nplot_figure *fig = nplot_figure_new(.width = 8, .height = 6, .dpi = 100);
    nplot_axes *ax = nplot_subplot_3d(fig, 1, 1, 1);
    nplot_plot_surface(ax, s->x, s->x, s->y, .cmap = "viridis");
    nplot_set_title(ax, "surface");
    nd_status st_ = nplot_savefig(fig, s->path);
    nplot_figure_free(fig);
    return st_ < 0 ? -1 : 0;
}

BENCH_WORKLOAD("line_10k", setup_line_10k, run_line, plot_teardown);
BENCH_WORKLOAD("line_1M", setup_line_1m, run_line, plot_teardown);
BENCH_WORKLOAD("scatter_100k", setup_scatter_100k, run_scatter, plot_teardown);
BENCH_WORKLOAD("hist_1M_100bins", setup_hist, run_hist, plot_teardown);
BENCH_WORKLOAD("heatmap_1000x1000", setup_heatmap, run_heatmap, plot_teardown);
BENCH_WORKLOAD("bar_50", setup_bar, run_bar, plot_teardown);
BENCH_WORKLOAD("surface_100x100", setup_surface, run_surface, plot_teardown);

/* scatter_10M (issue 23): the scatter_100k figure with 10,000,000 points: the stamped
 * markers' throughput (plot/stamp.c), numc's target 0.2 s */
static int setup_scatter_10m(void **st) { return plot_setup(st, 10000000, true, "scatter_10M"); }
BENCH_WORKLOAD("scatter_10M", setup_scatter_10m, run_scatter, plot_teardown);

/* Vector output (issue 23, lean SVG / PDF): line_1M and scatter_100k saved as SVG and PDF.
 * The file size of the last run is printed on stderr as "size: <name> numc <bytes>";
 * bench/peer_plot.py prints matplotlib's as "size: <name> matplotlib <bytes>". */
static int vec_setup(void **st, ptrdiff_t n, bool scatter, const char *name, const char *ext)
{
    int rc = plot_setup(st, n, scatter, name);
    if (rc == 0) {
        plot_state *s = *st;
        snprintf(s->path, sizeof s->path, "%s/%s.%s", bench_tmpdir(), name, ext);
    }
    return rc;
}

static int setup_scatter_svg(void **st) { return vec_setup(st, 100000, true, "scatter_100k_svg", "svg"); }
static int setup_scatter_pdf(void **st) { return vec_setup(st, 100000, true, "scatter_100k_pdf", "pdf"); }
static int setup_line_svg(void **st) { return vec_setup(st, 1000000, false, "line_1M_svg", "svg"); }
static int setup_line_pdf(void **st) { return vec_setup(st, 1000000, false, "line_1M_pdf", "pdf"); }

static void vec_teardown(void *st)
{
    plot_state *s = st;
    struct stat sb;
    if (s && stat(s->path, &sb) == 0) {
        const char *base = strrchr(s->path, '/');
        fprintf(stderr, "size: %.*s numc %lld\n", (int)(strrchr(base, '.') - base - 1), base + 1,
                (long long)sb.st_size);
    }
    plot_teardown(st);
}

BENCH_WORKLOAD("scatter_100k_svg", setup_scatter_svg, run_scatter, vec_teardown);
BENCH_WORKLOAD("scatter_100k_pdf", setup_scatter_pdf, run_scatter, vec_teardown);
BENCH_WORKLOAD("line_1M_svg", setup_line_svg, run_line, vec_teardown);
BENCH_WORKLOAD("line_1M_pdf", setup_line_pdf, run_line, vec_teardown);
