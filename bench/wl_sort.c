/* Sorting workloads (sort.h). */
#include "bench.h"

#include <numc/numc.h>
#include <stdlib.h>

typedef struct sorted {
    nd_array *a;
} sorted;

static void sort_teardown(void *st)
{
    sorted *s = st;
    if (!s) return;
    nd_free(s->a);
    free(s);
}

static int normal_setup(void **st, ptrdiff_t n)
{
    sorted *s = calloc(1, sizeof *s);
    if (!s) return -1;
    *st = s;
    s->a = nd_empty(1, &n, ND_FLOAT64);
    if (!s->a) return -1;
    bench_fill_normal(nd_data(s->a), (size_t)n, 42);
    return 0;
}

static int setup_10m(void **st) { return normal_setup(st, 10000000); }
static int setup_1m(void **st) { return normal_setup(st, 1000000); }

static int done(nd_array *r)
{
    if (!r) return -1;
    nd_free(r);
    return 0;
}

static int run_sort(void *st) { return done(nd_sort(((sorted *)st)->a, 0, ND_SORT_QUICK)); }
static int run_argsort(void *st) { return done(nd_argsort(((sorted *)st)->a, 0, ND_SORT_QUICK)); }

BENCH_WORKLOAD("sort_f64_10M", setup_10m, run_sort, sort_teardown);
BENCH_WORKLOAD("argsort_f64_1M", setup_1m, run_argsort, sort_teardown);
