/* Statistics workloads (stats.h). */
#include "bench.h"

#include <numc/numc.h>
#include <numc/stats.h>
#include <stdlib.h>

typedef struct stats_state {
    nd_array *a, *q;
} stats_state;

static void stats_teardown(void *st)
{
    stats_state *s = st;
    if (!s) return;
    nd_free(s->a);
    nd_free(s->q);
    free(s);
}

static int normal_setup(void **st, int ndim, const ptrdiff_t *shape)
{
    stats_state *s = calloc(1, sizeof *s);
    if (!s) return -1;
    *st = s;
    s->a = nd_empty(ndim, shape, ND_FLOAT64);
    if (!s->a) return -1;
    bench_fill_normal(nd_data(s->a), (size_t)nd_size(s->a), 42);
    const double q[3] = { 5, 50, 95 };
    s->q = nd_from_f64(q, 3);
    return s->q ? 0 : -1;
}

static int setup_10m(void **st) { return normal_setup(st, ND_SHAPE(10000000)); }
static int setup_corr(void **st) { return normal_setup(st, ND_SHAPE(100, 100000)); }

static int done(nd_array *r)
{
    if (!r) return -1;
    nd_free(r);
    return 0;
}

static int run_median(void *st) { return done(nd_median(((stats_state *)st)->a)); }

static int run_percentile(void *st)
{
    stats_state *s = st;
    return done(nd_percentiles(s->a, s->q));
}

static int run_histogram(void *st)
{
    nd_array *h, *e;
    if (nd_histogram(((stats_state *)st)->a, &h, &e, 100) < 0) return -1;
    nd_free(h);
    nd_free(e);
    return 0;
}

static int run_corrcoef(void *st) { return done(nd_corrcoef(((stats_state *)st)->a, NULL)); }

BENCH_WORKLOAD("median_f64_10M", setup_10m, run_median, stats_teardown);
BENCH_WORKLOAD("percentile_f64_10M", setup_10m, run_percentile, stats_teardown);
BENCH_WORKLOAD("histogram_f64_10M_100bins", setup_10m, run_histogram, stats_teardown);
BENCH_WORKLOAD("corrcoef_100x100000", setup_corr, run_corrcoef, stats_teardown);
