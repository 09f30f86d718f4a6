/* A small persistent worker pool: one job at a time, chunks handed out through an
 * atomic counter, the caller working alongside the workers. */
#include <numc/threads.h>

#include <pthread.h>
#include <sched.h>
#include <stdatomic.h>
#include <stdbool.h>
#include <stdint.h>
#include <stdlib.h>

#include "parallel.h"

enum { MAX_THREADS = 64 };

static struct {
    pthread_mutex_t lock;     /* guards the fields below and serialises jobs */
    pthread_cond_t wake;      /* workers wait for a new job */
    pthread_cond_t done;      /* the caller waits for workers to leave the job */
    pthread_mutex_t job_lock; /* one job at a time across caller threads */
    int started;              /* workers running */
    unsigned long generation; /* bumped per job */
    int acked;                /* workers done with the current generation */
    /* the current job */
    nd_chunk_fn fn;
    void *ctx;
    ptrdiff_t n, grain, nchunks;
    atomic_ptrdiff_t next;
} pool = { PTHREAD_MUTEX_INITIALIZER, PTHREAD_COND_INITIALIZER, PTHREAD_COND_INITIALIZER,
           PTHREAD_MUTEX_INITIALIZER, 0, 0, 0, NULL, NULL, 0, 0, 0, 0 };

static atomic_int requested; /* 0: default */
static _Thread_local bool in_chunk;

static int default_threads(void)
{
    const char *env = getenv("NUMC_NUM_THREADS");
    if (env && *env) {
        int n = atoi(env);
        if (n >= 1) return n < MAX_THREADS ? n : MAX_THREADS;
    }
    cpu_set_t set;
    int n = sched_getaffinity(0, sizeof set, &set) == 0 ? CPU_COUNT(&set) : 1;
    return n < 1 ? 1 : n < MAX_THREADS ? n : MAX_THREADS;
}

int nd_get_num_threads(void)
{
    int n = atomic_load(&requested);
    if (n == 0) atomic_store(&requested, n = default_threads());
    return n;
}

int nd_set_num_threads(int n)
{
    int old = nd_get_num_threads();
    atomic_store(&requested, n >= 1 ? (n < MAX_THREADS ? n : MAX_THREADS) : default_threads());
    return old;
}

/* Take chunks until none is left. */
static void run_chunks(void)
{
    in_chunk = true;
    for (;;) {
        ptrdiff_t k = atomic_fetch_add(&pool.next, 1);
        if (k >= pool.nchunks) break;
        ptrdiff_t b = k * pool.grain, e = b + pool.grain < pool.n ? b + pool.grain : pool.n;
        pool.fn(b, e, k, pool.ctx);
    }
    in_chunk = false;
}

/* Every worker acknowledges every job, joining in only if the current thread limit
 * includes it; the caller waits for all acknowledgements, so no worker can still be
 * looking at a job once its caller has returned. */
static void *worker(void *arg)
{
    int id = (int)(intptr_t)arg;
    unsigned long seen = 0;
    pthread_mutex_lock(&pool.lock);
    for (;;) {
        while (pool.generation == seen) pthread_cond_wait(&pool.wake, &pool.lock);
        seen = pool.generation;
        pthread_mutex_unlock(&pool.lock);
        if (id + 1 < nd_get_num_threads()) run_chunks();
        pthread_mutex_lock(&pool.lock);
        if (++pool.acked == pool.started) pthread_cond_signal(&pool.done);
    }
    return NULL;
}

/* Start workers up to want - 1 (the caller is the last thread). False if none could start. */
static bool ensure_workers(int want)
{
    while (pool.started < want - 1 && pool.started < MAX_THREADS - 1) {
        pthread_t t;
        pthread_attr_t attr;
        pthread_attr_init(&attr);
        pthread_attr_setdetachstate(&attr, PTHREAD_CREATE_DETACHED);
        int rc = pthread_create(&t, &attr, worker, (void *)(intptr_t)pool.started);
        pthread_attr_destroy(&attr);
        if (rc != 0) break;
        pool.started++;
    }
    return pool.started > 0;
}

void nd__parallel_for(ptrdiff_t n, ptrdiff_t grain, nd_chunk_fn fn, void *ctx)
{
    if (n <= 0) return;
    if (grain < 1) grain = 1;
    ptrdiff_t nchunks = nd__chunks(n, grain);
    int threads = nd_get_num_threads();
    if (nchunks == 1 || threads == 1 || in_chunk || pthread_mutex_trylock(&pool.job_lock) != 0) {
        /* Serial: the same chunks, in order. */
        for (ptrdiff_t k = 0; k < nchunks; k++)
            fn(k * grain, k * grain + grain < n ? k * grain + grain : n, k, ctx);
        return;
    }
    pthread_mutex_lock(&pool.lock);
    if (!ensure_workers(threads)) {
        pthread_mutex_unlock(&pool.lock);
        pthread_mutex_unlock(&pool.job_lock);
        for (ptrdiff_t k = 0; k < nchunks; k++)
            fn(k * grain, k * grain + grain < n ? k * grain + grain : n, k, ctx);
        return;
    }
    pool.fn = fn;
    pool.ctx = ctx;
    pool.n = n;
    pool.grain = grain;
    pool.nchunks = nchunks;
    atomic_store(&pool.next, 0);
    pool.acked = 0;
    pool.generation++;
    pthread_cond_broadcast(&pool.wake);
    pthread_mutex_unlock(&pool.lock);
    run_chunks();
    pthread_mutex_lock(&pool.lock);
    while (pool.acked < pool.started) pthread_cond_wait(&pool.done, &pool.lock);
    pthread_mutex_unlock(&pool.lock);
    pthread_mutex_unlock(&pool.job_lock);
}
