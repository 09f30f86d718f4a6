/* The binding's allocator for numc (nd_set_allocator): per-thread caches of small blocks.
 *
 * A small NumPy-style call (a + b on 10 elements) makes and frees three blocks in numc
 * (the array, its buffer record, the data); with glibc's posix_memalign and free that was
 * a third of the call. Blocks up to 8 KiB are kept on per-thread free lists by size class
 * (at most NPY_CACHE_MAX per class, released when the thread ends). A small block has a
 * 64-byte header before its data (class and base pointer) and its data is 64 bytes past a
 * 128-byte boundary; larger blocks are numc's default allocator's, which are 128-byte
 * aligned, so free tells them apart by address (and they get the default's huge pages and
 * its cache of freed large blocks). A small block freed on another thread joins that
 * thread's cache.
 *
 * Not used under AddressSanitizer: a cache would hide use-after-free from it. */
#define _GNU_SOURCE
#include "numc_py.h"

#include <pthread.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>

#if defined(__SANITIZE_ADDRESS__)
#define NPY_NO_CACHE 1
#elif defined(__has_feature)
#if __has_feature(address_sanitizer) || __has_feature(thread_sanitizer)
#define NPY_NO_CACHE 1
#endif
#endif
#if defined(__SANITIZE_THREAD__)
#define NPY_NO_CACHE 1
#endif

#ifndef NPY_NO_CACHE
enum { HDR = 64, NCLASS = 8, SMALL_MAX = 64 << (NCLASS - 1), NPY_CACHE_MAX = 64 };

static nd_allocator numc_default; /* set by npy_install_allocator */

typedef struct {
    void *base;  /* what posix_memalign returned */
    int cls;     /* size class */
    unsigned magic;
} header;
#define NPY_MAGIC 0x6e756d63u

typedef struct block {
    struct block *next;
} block;

typedef struct {
    block *head[NCLASS];
    int n[NCLASS];
    int registered;
} cache;

static _Thread_local cache tls_cache;
static pthread_key_t cache_key;

static void cache_release(void *p)
{
    cache *c = p;
    for (int k = 0; k < NCLASS; k++) {
        while (c->head[k]) {
            block *b = c->head[k];
            c->head[k] = b->next;
            free(((header *)((char *)b - HDR))->base);
        }
        c->n[k] = 0;
    }
    c->registered = 0;
}

static void *npy_alloc(size_t n, void *ctx)
{
    (void)ctx;
    if (n <= SMALL_MAX) {
        int k = 0;
        while ((size_t)(64 << k) < n) k++;
        cache *c = &tls_cache;
        if (c->head[k]) {
            block *b = c->head[k];
            c->head[k] = b->next;
            c->n[k]--;
            return b;
        }
        void *base;
        if (posix_memalign(&base, 128, HDR + ((size_t)64 << k)) != 0) return NULL;
        header *h = base;
        *h = (header){ base, k, NPY_MAGIC };
        return (char *)base + HDR;
    }
    /* A larger block is numc's default allocator's (128-byte aligned, which tells it from
     * a small one; huge pages from 4 MiB; freed blocks of 256 KiB and more are kept for the
     * next temporary of their size, so their pages need not be faulted in again). */
    return numc_default.alloc(n, numc_default.ctx);
}

static void npy_free(void *p, void *ctx)
{
    (void)ctx;
    if (!p) return;
    if (!((uintptr_t)p & HDR)) { /* 128-byte aligned: a large block */
        numc_default.free(p, numc_default.ctx);
        return;
    }
    header *h = (header *)((char *)p - HDR);
    int k = h->cls;
    cache *c = &tls_cache;
    if (c->n[k] < NPY_CACHE_MAX) {
        if (!c->registered) {
            /* release the cache when this thread ends */
            if (pthread_setspecific(cache_key, c) != 0) {
                free(h->base);
                return;
            }
            c->registered = 1;
        }
        block *b = p;
        b->next = c->head[k];
        c->head[k] = b;
        c->n[k]++;
        return;
    }
    free(h->base);
}
#endif

int npy_install_allocator(void)
{
#ifndef NPY_NO_CACHE
    const char *env = getenv("NUMC_PY_ALLOCATOR");
    if (env && strcmp(env, "0") == 0) return 0; /* numc's default allocator (debugging, valgrind) */
    if (pthread_key_create(&cache_key, cache_release) != 0) return 0;
    numc_default = nd_default_allocator();
    nd_allocator a = { npy_alloc, npy_free, NULL };
    nd_set_allocator(&a);
    return 1;
#else
    return 0;
#endif
}
