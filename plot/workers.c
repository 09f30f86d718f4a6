/* libnumc_plot's helper threads (workers.h): one job on offer at a time, its chunks taken
 * from an atomic counter by the caller and the helpers alike.
 *
 * Lifetime of a job (on the caller's stack): the caller offers it under `mu` (cur, a new
 * generation) and runs chunks; a helper joins a job only under `mu` while it is on offer,
 * counted in `active`. When the caller runs out of chunks it withdraws the job (cur =
 * NULL, under mu) and waits until no helper is inside it; a helper that wakes later sees
 * no job. So the caller waits only for chunks that a helper has actually taken. */
#include "workers.h"

#include <numc/threads.h>
#include <pthread.h>
#include <stdatomic.h>
#include <stdbool.h>
#include <stdint.h>

enum { MAX_HELPERS = 7 };

typedef struct job {
    nplot__chunk_fn fn;
    void *ctx;
    int n;
    atomic_int next; /* the next chunk to take */
    int helpers;     /* helpers with a smaller id may join */
} job;

static pthread_mutex_t use = PTHREAD_MUTEX_INITIALIZER; /* one caller at a time */
static pthread_mutex_t mu = PTHREAD_MUTEX_INITIALIZER;  /* what follows */
static pthread_cond_t wake = PTHREAD_COND_INITIALIZER;  /* a job is on offer */
static pthread_cond_t idle = PTHREAD_COND_INITIALIZER;  /* active fell to 0 */
static job *cur;
static unsigned long gen;
static int active, nhelpers;

static void run_chunks(job *j)
{
    for (int c; (c = atomic_fetch_add(&j->next, 1)) < j->n;) j->fn(j->ctx, c);
}

static void *helper_main(void *arg)
{
    int id = (int)(intptr_t)arg;
    unsigned long seen = 0;
    pthread_mutex_lock(&mu);
    for (;;) {
        while (!cur || gen == seen) pthread_cond_wait(&wake, &mu);
        seen = gen;
        job *j = cur;
        if (id >= j->helpers) continue;
        active++;
        pthread_mutex_unlock(&mu);
        run_chunks(j);
        pthread_mutex_lock(&mu);
        if (--active == 0) pthread_cond_signal(&idle);
    }
    return NULL;
}

void nplot__parallel(int n, nplot__chunk_fn fn, void *ctx)
{
    if (n <= 0) return;
    int want = nd_get_num_threads() - 1;
    want = want < MAX_HELPERS ? want : MAX_HELPERS;
    want = want < n - 1 ? want : n - 1;
    if (want < 1 || pthread_mutex_trylock(&use) != 0) {
        /* one thread, or the helpers are busy (another caller, or a chunk asking) */
        for (int c = 0; c < n; c++) fn(ctx, c);
        return;
    }
    job j = { fn, ctx, n, 0, want };
    pthread_mutex_lock(&mu);
    while (nhelpers < want) {
        pthread_attr_t at;
        pthread_t t;
        if (pthread_attr_init(&at) != 0) break;
        pthread_attr_setdetachstate(&at, PTHREAD_CREATE_DETACHED);
        int rc = pthread_create(&t, &at, helper_main, (void *)(intptr_t)nhelpers);
        pthread_attr_destroy(&at);
        if (rc != 0) break; /* fewer helpers: the caller takes their share */
        nhelpers++;
    }
    cur = &j;
    gen++;
    pthread_cond_broadcast(&wake);
    pthread_mutex_unlock(&mu);
    run_chunks(&j);
    pthread_mutex_lock(&mu);
    cur = NULL;
    while (active > 0) pthread_cond_wait(&idle, &mu);
    pthread_mutex_unlock(&mu);
    pthread_mutex_unlock(&use);
}
