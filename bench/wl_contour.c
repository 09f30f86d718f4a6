/* Contour workloads (plot.h): contour_1000 and contourf_1000 draw 20 levels of a 1000x1000
 * field (z = sin 3x cos 2y + exp(-(x² + y²)) / 2 over [-3, 3]²) into an 800x600 PNG with a
 * colorbar, like bench/peer_contour.py. */
#include "bench.h"

#include <numc/numc.h>
#include <numc/plot.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>

enum { N = 1000 };

typedef struct contour_state {
    nd_array *x, *z;
    char path[1024];
} contour_state;

static void contour_teardown(void *st)
{
    contour_state *s = st;
    if (!s) return;
    nd_free(s->x);
    nd_free(s->z);
    free(s);
}

static int contour_setup(void **st, const char *name)
{
    contour_state *s = calloc(1, sizeof *s);
    if (!s) return -1;
    *st = s;
    ptrdiff_t n = N, shape[2] = { N, N };
    s->x = nd_empty(1, &n, ND_FLOAT64);
    s->z = nd_empty(2, shape, ND_FLOAT64);
    if (!s->x || !s->z) return -1;
    double *x = nd_data(s->x), *z = nd_data(s->z);
    for (int i = 0; i < N; i++) x[i] = -3 + 6.0 * i / (N - 1);
    for (int i = 0; i < N; i++)
        for (int j = 0; j < N; j++)
            z[(size_t)i * N + j] = sin(3 * x[j]) * cos(2 * x[i]) + 0.5 * exp(-(x[j] * x[j] + x[i] * x[i]));
    snprintf(s->path, sizeof s->path, "%s/%s.png", bench_tmpdir(), name);
    return 0;
}

static int setup_contour(void **st) { return contour_setup(st, "contour_1000"); }
static int setup_contourf(void **st) { return contour_setup(st, "contourf_1000"); }

static int run_contour_kind(void *st, bool filled)
{
    contour_state *s = st;
    nplot_figure *fig = nplot_figure_new(.width = 8, .height = 6, .dpi = 100);
    nplot_axes *ax = nplot_subplot(fig, 1, 1, 1);
    if (filled) nplot_contourf(ax, s->x, s->x, s->z, .nlevels = 20);
    else nplot_contour(ax, s->x, s->x, s->z, .nlevels = 20);
    nplot_colorbar(ax);
    nplot_set_title(ax, filled ? "contourf" : "contour");
    nd_status st_ = nplot_savefig(fig, s->path);
    nplot_figure_free(fig);
    return st_ < 0 ? -1 : 0;
}

static int run_contour(void *st) { return run_contour_kind(st, false); }
static int run_contourf(void *st) { return run_contour_kind(st, true); }

BENCH_WORKLOAD("contour_1000", setup_contour, run_contour, contour_teardown);
BENCH_WORKLOAD("contourf_1000", setup_contourf, run_contourf, contour_teardown);
