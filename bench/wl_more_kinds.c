/* More plot kinds (plot.h): stackplot_5x10k stacks 5 layers of 10,000 values (smooth
 * positive waves) into an 800x600 PNG, like bench/peer_more_kinds.py. */
#include "bench.h"

#include <numc/numc.h>
#include <numc/plot.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>

enum { K = 5, N = 10000 };

typedef struct stack_state {
    nd_array *x, *ys;
    char path[1024];
} stack_state;

static void stack_teardown(void *st)
{
    stack_state *s = st;
    if (!s) return;
    nd_free(s->x);
    nd_free(s->ys);
    free(s);
}

static int stack_setup(void **st)
{
    stack_state *s = calloc(1, sizeof *s);
    if (!s) return -1;
    *st = s;
    ptrdiff_t n = N, shape[2] = { K, N };
    s->x = nd_empty(1, &n, ND_FLOAT64);
    s->ys = nd_empty(2, shape, ND_FLOAT64);
    if (!s->x || !s->ys) return -1;
    double *x = nd_data(s->x), *y = nd_data(s->ys);
    for (int j = 0; j < N; j++) x[j] = 10.0 * j / (N - 1);
    for (int i = 0; i < K; i++)
        for (int j = 0; j < N; j++) y[(size_t)i * N + j] = 1.5 + sin(x[j] * (1 + 0.3 * i) + i);
    snprintf(s->path, sizeof s->path, "%s/stackplot_5x10k.png", bench_tmpdir());
    return 0;
}

static int stack_run(void *st)
{
    stack_state *s = st;
    nplot_figure *fig = nplot_figure_new(.width = 8, .height = 6, .dpi = 100);
    nplot_axes *ax = nplot_subplot(fig, 1, 1, 1);
    nplot_stackplot(ax, s->x, s->ys);
    nplot_set_title(ax, "stackplot");
    nd_status st_ = nplot_savefig(fig, s->path);
    nplot_figure_free(fig);
    return st_ < 0 ? -1 : 0;
}

BENCH_WORKLOAD("stackplot_5x10k", stack_setup, stack_run, stack_teardown);
