/* A small cache of freed large blocks for the default allocator.
 *
 * glibc hands a block of a few MiB back to the kernel when it is freed (an mmapped chunk is
 * unmapped; a heap top past the trim threshold is trimmed), so a loop that makes and frees
 * the same temporaries each call (inv_500: a 2 MB workspace, a 2 MB identity, a 2 MB
 * result) pays a page fault per 4 KiB on every call: 1000 faults and half the time of
 * nd_inv(500 x 500). Freed blocks of at least 256 KiB are kept here instead, up to
 * NUMC_BUFFER_CACHE_MB (default 256) MiB in 16 slots, and a request of the same size class
 * (at most 25 % smaller than the block) takes one back with its pages still mapped. A block
 * unused for 2 s goes back to the system at the next large allocation or free; when the
 * cache is full the least recently freed block goes; nd_trim_memory() empties it. */
#include "internal.h"

#include <malloc.h>
#include <pthread.h>
#include <stdint.h>
#include <stdlib.h>
#include <time.h>

enum { SLOTS = 16 };
#define LARGE_MIN ((size_t)256 << 10)
#define IDLE_SECONDS 2.0

static struct {
    void *p;
    size_t size;
    double freed_at;
} slot[SLOTS];
static size_t cached_bytes;
static size_t cap_bytes = SIZE_MAX; /* SIZE_MAX: not read from the environment yet */
static pthread_mutex_t lock = PTHREAD_MUTEX_INITIALIZER;

static double now(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC_COARSE, &ts);
    return (double)ts.tv_sec + 1e-9 * (double)ts.tv_nsec;
}

/* Read the cap once (under the lock). */
static size_t cap(void)
{
    if (cap_bytes == SIZE_MAX) {
        const char *e = getenv("NUMC_BUFFER_CACHE_MB");
        char *end;
        long mb = e ? strtol(e, &end, 10) : 256;
        if (e && (end == e || *end || mb < 0)) mb = 256;
        cap_bytes = (size_t)mb << 20;
    }
    return cap_bytes;
}

/* Move slot i's block to the list of blocks to free once the lock is released. */
static void drop(int i, void **out, int *nout)
{
    out[(*nout)++] = slot[i].p;
    cached_bytes -= slot[i].size;
    slot[i].p = NULL;
}

static void drop_idle(double t, void **out, int *nout)
{
    for (int i = 0; i < SLOTS; i++)
        if (slot[i].p && t - slot[i].freed_at > IDLE_SECONDS) drop(i, out, nout);
}

static void free_all(void **blocks, int n)
{
    for (int i = 0; i < n; i++) free(blocks[i]);
}

void *nd__bigcache_take(size_t n, size_t align)
{
    if (n < LARGE_MIN) return NULL;
    void *stale[SLOTS], *p = NULL;
    int nstale = 0;
    double t = now();
    pthread_mutex_lock(&lock);
    drop_idle(t, stale, &nstale);
    int best = -1;
    for (int i = 0; i < SLOTS; i++) {
        /* a 2 MiB-aligned block from mmap can hold up to 2 MiB of alignment slack */
        size_t slack = n / 4 + (align > 4096 ? align : 0);
        if (!slot[i].p || slot[i].size < n || slot[i].size - n > slack) continue;
        if ((uintptr_t)slot[i].p % align) continue;
        if (best < 0 || slot[i].size < slot[best].size) best = i;
    }
    if (best >= 0) {
        p = slot[best].p;
        cached_bytes -= slot[best].size;
        slot[best].p = NULL;
    }
    pthread_mutex_unlock(&lock);
    free_all(stale, nstale);
    return p;
}

bool nd__bigcache_put(void *p)
{
    size_t size = malloc_usable_size(p);
    if (size < LARGE_MIN) return false;
    void *stale[SLOTS + 1];
    int nstale = 0;
    double t = now();
    pthread_mutex_lock(&lock);
    bool keep = size <= cap();
    if (keep) {
        drop_idle(t, stale, &nstale);
        int freei = -1;
        for (;;) {
            int oldest = -1;
            freei = -1;
            for (int i = 0; i < SLOTS; i++) {
                if (!slot[i].p) freei = freei < 0 ? i : freei;
                else if (oldest < 0 || slot[i].freed_at < slot[oldest].freed_at) oldest = i;
            }
            if (freei >= 0 && cached_bytes + size <= cap()) break;
            drop(oldest, stale, &nstale); /* full or over the cap: the oldest goes */
        }
        slot[freei].p = p;
        slot[freei].size = size;
        slot[freei].freed_at = t;
        cached_bytes += size;
    }
    pthread_mutex_unlock(&lock);
    free_all(stale, nstale);
    return keep;
}

void nd_trim_memory(void)
{
    void *stale[SLOTS];
    int nstale = 0;
    pthread_mutex_lock(&lock);
    for (int i = 0; i < SLOTS; i++)
        if (slot[i].p) drop(i, stale, &nstale);
    pthread_mutex_unlock(&lock);
    free_all(stale, nstale);
    malloc_trim(0);
}

size_t nd_cached_memory(void)
{
    pthread_mutex_lock(&lock);
    size_t n = cached_bytes;
    pthread_mutex_unlock(&lock);
    return n;
}
