/* Advanced-indexing workloads (array.h nd_getitem, issue 16): a[idx] with a million random
 * int64 indices into a million doubles (the one-array gather), and a[rows, cols] with a
 * million random (row, col) pairs into a 4000×4000 float64 matrix. Indices come from
 * bench_fill_uniform with a fixed seed; bench/peer_index.py builds the same kind. */
#include "bench.h"

#include <numc/numc.h>
#include <stdlib.h>

typedef struct {
    nd_array *a, *i, *j;
} index_state;

static void index_teardown(void *st)
{
    index_state *s = st;
    if (!s) return;
    nd_free(s->a);
    nd_free(s->i);
    nd_free(s->j);
    free(s);
}

/* n random int64 indices in [0, extent), or NULL. */
static nd_array *random_indices(ptrdiff_t n, ptrdiff_t extent, uint64_t seed)
{
    nd_array *u = nd_empty(1, &n, ND_FLOAT64), *ix = nd_empty(1, &n, ND_INT64);
    if (!u || !ix) {
        nd_free(u);
        nd_free(ix);
        return NULL;
    }
    double *pu = nd_data(u);
    int64_t *pi = nd_data(ix);
    bench_fill_uniform(pu, (size_t)n, seed);
    for (ptrdiff_t k = 0; k < n; k++) pi[k] = (int64_t)(pu[k] * (double)extent);
    nd_free(u);
    return ix;
}

static int take_setup(void **st)
{
    index_state *s = calloc(1, sizeof *s);
    *st = s;
    if (!s) return -1;
    s->a = nd_empty(ND_SHAPE(1000000), ND_FLOAT64);
    s->i = random_indices(1000000, 1000000, 7);
    if (!s->a || !s->i) return -1;
    bench_fill_normal(nd_data(s->a), 1000000, 42);
    return 0;
}

static int take_run(void *st)
{
    index_state *s = st;
    nd_array *r = nd_getitem(s->a, ND_ARR(s->i));
    nd_free(r);
    return r ? 0 : -1;
}

static int rows_cols_setup(void **st)
{
    index_state *s = calloc(1, sizeof *s);
    *st = s;
    if (!s) return -1;
    s->a = nd_empty(ND_SHAPE(4000, 4000), ND_FLOAT64);
    s->i = random_indices(1000000, 4000, 11);
    s->j = random_indices(1000000, 4000, 13);
    if (!s->a || !s->i || !s->j) return -1;
    bench_fill_normal(nd_data(s->a), 16000000, 42);
    return 0;
}

static int rows_cols_run(void *st)
{
    index_state *s = st;
    nd_array *r = nd_getitem(s->a, ND_ARR(s->i), ND_ARR(s->j));
    nd_free(r);
    return r ? 0 : -1;
}

BENCH_WORKLOAD("fancy_index_1M", take_setup, take_run, index_teardown);
BENCH_WORKLOAD("fancy_index_2d_4000", rows_cols_setup, rows_cols_run, index_teardown);
