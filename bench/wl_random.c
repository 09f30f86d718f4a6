/* Random sampling workloads (random.h): 10M draws from the default generator. */
#include "bench.h"

#include <numc/numc.h>
#include <numc/random.h>
#include <stdlib.h>

typedef struct rng_state {
    nd_rng *r;
} rng_state;

static int rng_setup(void **st)
{
    rng_state *s = calloc(1, sizeof *s);
    if (!s) return -1;
    *st = s;
    s->r = nd_rng_new(42);
    return s->r ? 0 : -1;
}

static void rng_teardown(void *st)
{
    rng_state *s = st;
    if (!s) return;
    nd_rng_free(s->r);
    free(s);
}

static int done(nd_array *a)
{
    if (!a) return -1;
    nd_free(a);
    return 0;
}

static int run_normal(void *st)
{
    return done(nd_rng_standard_normal(((rng_state *)st)->r, ND_SHAPE(10000000), ND_FLOAT64));
}

static int run_uniform(void *st)
{
    return done(nd_rng_random(((rng_state *)st)->r, ND_SHAPE(10000000), ND_FLOAT64));
}

BENCH_WORKLOAD("rng_normal_10M", rng_setup, run_normal, rng_teardown);
BENCH_WORKLOAD("rng_uniform_10M", rng_setup, run_uniform, rng_teardown);

static int mt_setup(void **st)
{
    rng_state *s = calloc(1, sizeof *s);
    if (!s) return -1;
    *st = s;
    s->r = nd_rng_new_kind(ND_MT19937, 42);
    return s->r ? 0 : -1;
}

static int run_mt_random(void *st)
{
    return done(nd_rng_random(((rng_state *)st)->r, ND_SHAPE(1000000), ND_FLOAT64));
}

BENCH_WORKLOAD("rng_mt19937_random_1M", mt_setup, run_mt_random, rng_teardown);
