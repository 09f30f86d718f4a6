/* Masked-array workloads (ma.h): 10M float64 standard normals, 10 % of them masked at
 * random (fixed seeds); bench/peer_ma.py times numpy.ma on the same workload. */
#include "bench.h"

#include <numc/ma.h>
#include <numc/numc.h>
#include <stdlib.h>

#define N_10M 10000000

typedef struct ma_state {
    nd_marray *m;
} ma_state;

static void ma_teardown(void *st)
{
    ma_state *s = st;
    if (!s) return;
    nd_ma_free(s->m);
    free(s);
}

static int ma_setup(void **st)
{
    ma_state *s = calloc(1, sizeof *s);
    if (!s) return -1;
    *st = s;
    nd_array *x = nd_empty(1, (ptrdiff_t[]){ N_10M }, ND_FLOAT64);
    nd_array *k = nd_empty(1, (ptrdiff_t[]){ N_10M }, ND_BOOL);
    double *u = malloc(sizeof *u * N_10M);
    if (x && k && u) {
        bench_fill_normal(nd_data(x), N_10M, 42);
        bench_fill_uniform(u, N_10M, 7);
        bool *kd = nd_data(k);
        for (size_t i = 0; i < N_10M; i++)
            kd[i] = u[i] < 0.1;
        s->m = nd_ma_array(x, k);
    }
    free(u);
    nd_free(x);
    nd_free(k);
    return s->m ? 0 : -1;
}

static int run_mean_std(void *st)
{
    ma_state *s = st;
    nd_marray *mean = nd_ma_mean(s->m), *std = mean ? nd_ma_std(s->m) : NULL;
    int rc = mean && std ? 0 : -1;
    nd_ma_free(mean);
    nd_ma_free(std);
    return rc;
}

static int run_log(void *st)
{
    nd_marray *r = nd_ma_log(((ma_state *)st)->m);
    nd_ma_free(r);
    return r ? 0 : -1;
}

BENCH_WORKLOAD("ma_mean_std_10M", ma_setup, run_mean_std, ma_teardown);
BENCH_WORKLOAD("ma_log_10M", ma_setup, run_log, ma_teardown);
