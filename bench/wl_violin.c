/* violin_10x100k: 10 datasets of 100,000 samples (normal, column j scaled by 1 + j and
 * shifted by 2j) as a violinplot with means and medians, rendered into an 800x600 PNG,
 * like bench/peer_violin.py. The time is mostly the Gaussian KDE (10 × 100 points ×
 * 100,000 samples). */
#include "bench.h"

#include <numc/numc.h>
#include <numc/plot.h>
#include <stdio.h>
#include <stdlib.h>

enum { ROWS = 100000, COLS = 10 };

typedef struct violin_state {
    nd_array *d;
    char path[1024];
} violin_state;

static void violin_teardown(void *st)
{
    violin_state *s = st;
    if (!s) return;
    nd_free(s->d);
    free(s);
}

static int violin_setup(void **st)
{
    violin_state *s = calloc(1, sizeof *s);
    if (!s) return -1;
    *st = s;
    nd_rng *rng = nd_rng_new(1);
    s->d = rng ? nd_rng_normal(rng, 0, 1, ND_SHAPE(ROWS, COLS)) : NULL;
    nd_rng_free(rng);
    if (!s->d) return -1;
    double *d = nd_data(s->d);
    for (size_t i = 0; i < ROWS; i++)
        for (int j = 0; j < COLS; j++) d[i * COLS + j] = d[i * COLS + j] * (1 + j) + 2 * j;
    snprintf(s->path, sizeof s->path, "%s/violin_10x100k.png", bench_tmpdir());
    return 0;
}

static int violin_run(void *st)
{
    violin_state *s = st;
    nplot_figure *fig = nplot_figure_new(.width = 8, .height = 6, .dpi = 100);
    nplot_axes *ax = nplot_subplot(fig, 1, 1, 1);
    nd_status r = nplot_violinplot(ax, s->d, .showmeans = true, .showmedians = true);
    if (!r) r = nplot_savefig(fig, s->path);
    nplot_figure_free(fig);
    return r < 0 ? -1 : 0;
}

BENCH_WORKLOAD("violin_10x100k", violin_setup, violin_run, violin_teardown);
