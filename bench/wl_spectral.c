/* specgram_1M: ax.specgram of 1,000,000 samples (a tone in normal noise, Fs 1000) with
 * NFFT 256 and the default noverlap 128 (7811 segments), rendered into an 800x600 PNG, like
 * bench/peer_spectral.py. */
#include "bench.h"

#include <numc/numc.h>
#include <numc/plot.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>

enum { N = 1000000 };

typedef struct spec_state {
    nd_array *x;
    char path[1024];
} spec_state;

static void spec_teardown(void *st)
{
    spec_state *s = st;
    if (!s) return;
    nd_free(s->x);
    free(s);
}

static int spec_setup(void **st)
{
    spec_state *s = calloc(1, sizeof *s);
    if (!s) return -1;
    *st = s;
    nd_rng *rng = nd_rng_new(1);
    s->x = rng ? nd_rng_normal(rng, 0, 1, ND_SHAPE(N)) : NULL;
    nd_rng_free(rng);
    if (!s->x) return -1;
    double *d = nd_data(s->x);
    for (int i = 0; i < N; i++) d[i] += sin(2 * 3.14159265358979323846 * 100 * i / 1000.0);
    snprintf(s->path, sizeof s->path, "%s/specgram_1M.png", bench_tmpdir());
    return 0;
}

static int spec_run(void *st)
{
    spec_state *s = st;
    nplot_figure *fig = nplot_figure_new(.width = 8, .height = 6, .dpi = 100);
    nplot_axes *ax = nplot_subplot(fig, 1, 1, 1);
    nd_status r = nplot_specgram(ax, s->x, .NFFT = 256, .Fs = 1000);
    if (!r) r = nplot_savefig(fig, s->path);
    nplot_figure_free(fig);
    return r < 0 ? -1 : 0;
}

BENCH_WORKLOAD("specgram_1M", spec_setup, spec_run, spec_teardown);
