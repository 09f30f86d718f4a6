/* STREAM copy and triad (McCalpin): this machine's memory bandwidth, the ceiling of every
 * elementwise row. Three float64 arrays of 10,000,000 elements (3 × 80 MB, far beyond the
 * last-level cache), split into one contiguous block per thread over numc's thread count
 * (nd_get_num_threads(), the count its elementwise loops use). peer.py turns the times
 * into GB/s with STREAM's byte counts (copy: 16 bytes per element, triad: 24; no
 * write-allocate traffic counted) and prints each elementwise row as a fraction of them. */
#include "bench.h"

#include <numc/threads.h>
#include <pthread.h>
#include <stdlib.h>

#define STREAM_N 10000000
#define STREAM_MAX_THREADS 64

typedef struct stream_state {
    double *a, *b, *c;
    double scalar;
} stream_state;

typedef struct stream_block {
    stream_state *s;
    size_t lo, hi;
    int triad;
} stream_block;

static void stream_teardown(void *st)
{
    stream_state *s = st;
    if (!s) return;
    free(s->a);
    free(s->b);
    free(s->c);
    free(s);
}

static void *stream_kernel(void *arg)
{
    const stream_block *blk = arg;
    double *restrict a = blk->s->a;
    const double *restrict b = blk->s->b;
    double *restrict c = blk->s->c;
    const double q = blk->s->scalar;
    if (blk->triad)
        for (size_t i = blk->lo; i < blk->hi; i++) a[i] = b[i] + q * c[i];
    else
        for (size_t i = blk->lo; i < blk->hi; i++) c[i] = a[i];
    return NULL;
}

/* One block per thread; the calling thread does block 0. */
static int stream_run(stream_state *s, int triad)
{
    int nt = nd_get_num_threads();
    if (nt < 1) nt = 1;
    if (nt > STREAM_MAX_THREADS) nt = STREAM_MAX_THREADS;
    stream_block blk[STREAM_MAX_THREADS];
    pthread_t tid[STREAM_MAX_THREADS];
    int started = 0, rc = 0;
    for (int t = 0; t < nt; t++)
        blk[t] = (stream_block){ s, (size_t)STREAM_N * (size_t)t / (size_t)nt,
                                 (size_t)STREAM_N * (size_t)(t + 1) / (size_t)nt, triad };
    for (int t = 1; t < nt; t++) {
        if (pthread_create(&tid[t], NULL, stream_kernel, &blk[t]) != 0) {
            rc = -1; /* finish the blocks already handed out, then report */
            break;
        }
        started = t;
    }
    stream_kernel(&blk[0]);
    for (int t = 1; t <= started; t++) pthread_join(tid[t], NULL);
    return rc;
}

static int stream_setup(void **st)
{
    stream_state *s = calloc(1, sizeof *s);
    if (!s) return -1;
    *st = s;
    s->a = malloc(STREAM_N * sizeof(double));
    s->b = malloc(STREAM_N * sizeof(double));
    s->c = malloc(STREAM_N * sizeof(double));
    if (!s->a || !s->b || !s->c) return -1;
    s->scalar = 3.0;
    /* Touch every page before timing (values as in STREAM). */
    for (size_t i = 0; i < STREAM_N; i++) {
        s->a[i] = 1.0;
        s->b[i] = 2.0;
        s->c[i] = 0.0;
    }
    return 0;
}

static int run_stream_copy(void *st) { return stream_run(st, 0); }
static int run_stream_triad(void *st) { return stream_run(st, 1); }

BENCH_WORKLOAD("stream_copy", stream_setup, run_stream_copy, stream_teardown);
BENCH_WORKLOAD("stream_triad", stream_setup, run_stream_triad, stream_teardown);
