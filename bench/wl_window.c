/* Window and special-function workloads (ufunc.h, issue 16): hanning and kaiser windows of
 * a million points, i0 over ten million doubles. */
#include "bench.h"

#include <numc/numc.h>
#include <stdlib.h>

static int done(nd_array *r)
{
    if (!r) return -1;
    nd_free(r);
    return 0;
}

static int none_setup(void **st)
{
    *st = NULL;
    return 0;
}
static void none_teardown(void *st) { (void)st; }

static int run_hanning(void *st)
{
    (void)st;
    return done(nd_hanning(1000000));
}

static int run_kaiser(void *st)
{
    (void)st;
    return done(nd_kaiser(1000000, 14.0));
}

/* i0 inputs: normal * 10, so both of NumPy's branches (|x| <= 8 and > 8) are taken. */
static int i0_setup(void **st)
{
    nd_array *a = nd_empty(ND_SHAPE(10000000), ND_FLOAT64);
    *st = a;
    if (!a) return -1;
    double *p = nd_data(a);
    bench_fill_normal(p, (size_t)nd_size(a), 42);
    for (ptrdiff_t i = 0; i < nd_size(a); i++) p[i] *= 10.0;
    return 0;
}
static void i0_teardown(void *st) { nd_free(st); }
static int run_i0(void *st) { return done(nd_i0(st)); }

BENCH_WORKLOAD("hanning_1M", none_setup, run_hanning, none_teardown);
BENCH_WORKLOAD("kaiser_1M_beta14", none_setup, run_kaiser, none_teardown);
BENCH_WORKLOAD("i0_f64_10M", i0_setup, run_i0, i0_teardown);
