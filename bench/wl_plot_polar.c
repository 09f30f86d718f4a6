/* Polar axes (plot.h, issue 20): polar_scatter_100k draws 100,000 markers (s = 2) on a
 * polar axes into an 800x600 PNG at 100 dpi, like bench/peer_plot_polar.py. The points:
 * theta_i = i * 2.39996... mod 2 pi (the golden angle), r_i = 1 + 0.5 sin 7 theta_i +
 * (i mod 100) / 100. */
#include "bench.h"

#include <numc/numc.h>
#include <numc/plot.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>

enum { N = 100000 };

typedef struct polar_state {
    nd_array *t, *r;
    char path[1024];
} polar_state;

static void polar_teardown(void *st)
{
    polar_state *s = st;
    if (!s) return;
    nd_free(s->t);
    nd_free(s->r);
    free(s);
}

static int polar_setup(void **st)
{
    polar_state *s = calloc(1, sizeof *s);
    if (!s) return -1;
    *st = s;
    ptrdiff_t n = N;
    s->t = nd_empty(1, &n, ND_FLOAT64);
    s->r = nd_empty(1, &n, ND_FLOAT64);
    if (!s->t || !s->r) return -1;
    double *t = nd_data(s->t), *r = nd_data(s->r);
    for (int i = 0; i < N; i++) {
        t[i] = fmod(i * 2.399963229728653, 2 * 3.14159265358979323846);
        r[i] = 1 + 0.5 * sin(7 * t[i]) + (i % 100) / 100.0;
    }
    snprintf(s->path, sizeof s->path, "%s/polar_scatter_100k.png", bench_tmpdir());
    return 0;
}

static int polar_run(void *st)
{
    polar_state *s = st;
    nplot_figure *fig = nplot_figure_new(.width = 8, .height = 6, .dpi = 100);
    nplot_axes *ax = nplot_subplot_polar(fig, 1, 1, 1);
    nplot_scatter(ax, s->t, s->r, .s = 2);
    nplot_set_title(ax, "polar scatter");
    nd_status st_ = nplot_savefig(fig, s->path);
    nplot_figure_free(fig);
    return st_ < 0 ? -1 : 0;
}

BENCH_WORKLOAD("polar_scatter_100k", polar_setup, polar_run, polar_teardown);
