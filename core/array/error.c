/* The thread-local last error and the allocator hooks. */
#include "internal.h"

#include <malloc.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <unistd.h>

static _Thread_local nd_status last_code;
static _Thread_local char last_msg[1024];

nd_status nd_set_error(nd_status code, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(last_msg, sizeof last_msg, fmt, ap);
    va_end(ap);
    last_code = code;
    return code;
}

static _Thread_local nd_errcall_fn call_fn;
static _Thread_local void *call_ctx;

void nd_seterrcall(nd_errcall_fn fn, void *ctx)
{
    call_fn = fn;
    call_ctx = ctx;
}

nd_errcall_fn nd_geterrcall(void **ctx)
{
    if (ctx) *ctx = call_ctx;
    return call_fn;
}

void nd__warn_bits(unsigned fpe_bits, const char *msg)
{
    if (call_fn) call_fn(msg, fpe_bits, call_ctx);
    else fprintf(stderr, "numc: %s: %s\n", fpe_bits ? "RuntimeWarning" : "warning", msg);
}

void nd_warn(const char *fmt, ...)
{
    char msg[1024];
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(msg, sizeof msg, fmt, ap);
    va_end(ap);
    nd__warn_bits(0, msg);
}

nd_status nd_last_error(void) { return last_code; }
const char *nd_errmsg(void) { return last_msg; }

void nd_clear_error(void)
{
    last_code = ND_OK;
    last_msg[0] = '\0';
}

const char *nd_status_name(nd_status s)
{
    switch (s) {
    case ND_OK: return "ND_OK";
    case ND_ENOMEM: return "ND_ENOMEM";
    case ND_ESHAPE: return "ND_ESHAPE";
    case ND_EDTYPE: return "ND_EDTYPE";
    case ND_EVALUE: return "ND_EVALUE";
    case ND_EINDEX: return "ND_EINDEX";
    case ND_EAXIS: return "ND_EAXIS";
    case ND_EIO: return "ND_EIO";
    case ND_ELINALG: return "ND_ELINALG";
    case ND_EPARSE: return "ND_EPARSE";
    case ND_EASSERT: return "ND_EASSERT";
    }
    return "ND_E?";
}

/* Transparent huge pages for the 2 MiB-aligned interior of a large block, as NumPy asks:
 * first touch then faults once per 2 MiB instead of once per 4 KiB. */
static void advise_huge_pages(void *p, size_t n)
{
#ifdef MADV_HUGEPAGE
    const uintptr_t align = (uintptr_t)2 << 20;
    uintptr_t lo = ((uintptr_t)p + align - 1) & ~(align - 1);
    uintptr_t hi = ((uintptr_t)p + n) & ~(align - 1);
    if (hi > lo) madvise((void *)lo, hi - lo, MADV_HUGEPAGE);
#else
    (void)p, (void)n;
#endif
}

/* The same advice for a block from calloc, given for every page the block touches: the C
 * library serves these sizes with a mapping of their own, and advising all of it keeps
 * that mapping one piece, where the 2 MiB-aligned interior alone split it in three, each
 * piece a kernel object to create and unmap (nd_zeros(10M) + nd_free 11.5 -> 9 us). The
 * aligned 2 MiB inside are the ones that get huge pages either way. */
static void advise_whole_block(void *p)
{
#ifdef MADV_HUGEPAGE
    long ps = sysconf(_SC_PAGESIZE);
    size_t page = ps > 0 ? (size_t)ps : 4096;
    uintptr_t lo = (uintptr_t)p & ~(uintptr_t)(page - 1);
    uintptr_t hi = ((uintptr_t)p + malloc_usable_size(p) + page - 1) & ~(uintptr_t)(page - 1);
    madvise((void *)lo, hi - lo, MADV_HUGEPAGE);
#else
    (void)p;
#endif
}

/* Default allocator: 128-byte aligned, so SIMD loops start on a cache line (and a user
 * allocator that wraps it, like the Python binding's, can tell its blocks from its own
 * 64-byte-offset small ones by address). A block of
 * 4 MiB or more is whole transparent huge pages: 2 MiB aligned, its size rounded up to
 * 2 MiB, and advised, so its first touch faults once per 2 MiB, not once per 4 KiB. (With
 * only the aligned interior advised, an 8 MB result still took about 420 faults at its
 * unaligned ends; on a virtual machine a fault costs ~10 us, 5 ms per array.) Such blocks
 * come from mmap, and are given back to the system on free unless the cache of freed
 * large blocks (bigcache.c) keeps them, which it does for the repeated temporaries of a
 * loop. */
enum { HUGE_MIN = 4 << 20, HUGE_ALIGN = 2 << 20 };

static void *default_alloc(size_t n, void *ctx)
{
    (void)ctx;
    void *p = NULL;
    size_t align = 128;
    if (n >= HUGE_MIN && n <= SIZE_MAX - HUGE_ALIGN) {
        align = HUGE_ALIGN;
        n = (n + HUGE_ALIGN - 1) & ~(size_t)(HUGE_ALIGN - 1);
    }
    if ((p = nd__bigcache_take(n, align))) return p; /* pages still mapped (bigcache.c) */
    if (posix_memalign(&p, align, n ? n : 1) != 0) return NULL;
    if (align == HUGE_ALIGN) advise_huge_pages(p, n);
    return p;
}

static void default_free(void *p, void *ctx)
{
    (void)ctx;
    if (!nd__bigcache_put(p)) free(p);
}

static nd_allocator allocator = { default_alloc, default_free, NULL };

nd_allocator nd_default_allocator(void)
{
    return (nd_allocator){ default_alloc, default_free, NULL };
}

void nd_set_allocator(const nd_allocator *a)
{
    if (a && a->alloc && a->free) allocator = *a;
    else allocator = (nd_allocator){ default_alloc, default_free, NULL };
}

void *nd_malloc(size_t n, const char *who)
{
    if (!who) who = "nd_malloc";
    void *p = allocator.alloc(n, allocator.ctx);
    if (!p) nd_set_error(ND_ENOMEM, "%s: out of memory allocating %zu bytes", who, n);
    return p;
}

void *nd__malloc_n(ptrdiff_t n, size_t size, const char *who)
{
    size_t bytes;
    if (!who) who = "nd_malloc";
    if (n < 0 || !nd__mul_size((size_t)n, size, &bytes)) {
        nd_set_error(ND_ENOMEM, "%s: cannot allocate %td elements of %zu bytes (the size "
                     "overflows)", who, n, size);
        return NULL;
    }
    return nd_malloc(bytes, who);
}

void *nd_calloc(size_t n, size_t size, const char *who)
{
    if (!who) who = "nd_calloc";
    if (size && n > SIZE_MAX / size) {
        nd_set_error(ND_ENOMEM, "%s: allocation of %zu x %zu bytes overflows", who, n, size);
        return NULL;
    }
    size_t bytes = n * size;
    void *p;
    if (allocator.alloc == default_alloc && bytes >= HUGE_MIN) {
        /* Large zeroed blocks come from calloc: fresh pages are already zero, so the
         * cost moves to first touch, as with NumPy's zeros. */
        p = calloc(1, bytes);
        if (!p) nd_set_error(ND_ENOMEM, "%s: out of memory allocating %zu bytes", who, bytes);
        else advise_whole_block(p);
        return p;
    }
    p = nd_malloc(bytes, who);
    if (p) memset(p, 0, bytes);
    return p;
}

nd_status nd__buf_reserve(void *p, size_t used, size_t *cap, size_t need, size_t first,
                          const char *who)
{
    if (need <= *cap) return ND_OK;
    size_t nc = *cap ? *cap : first ? first : 64;
    while (nc < need) {
        if (nc > SIZE_MAX / 2)
            return nd_set_error(ND_ENOMEM, "%s: buffer of %zu bytes is too large", who, need);
        nc *= 2;
    }
    char **pp = p, *nb = nd_malloc(nc, who);
    if (!nb) return ND_ENOMEM;
    if (used) memcpy(nb, *pp, used);
    nd_free_mem(*pp);
    *pp = nb;
    *cap = nc;
    return ND_OK;
}

void nd_free_mem(void *p)
{
    if (p) allocator.free(p, allocator.ctx);
}

char *nd_strdup(const char *s, const char *who)
{
    if (!s) {
        nd_set_error(ND_EVALUE, "%s: string is NULL", who ? who : "nd_strdup");
        return NULL;
    }
    size_t n = strlen(s) + 1;
    char *p = nd_malloc(n, who);
    if (p) memcpy(p, s, n);
    return p;
}
