/* numc — error model.
 *
 * Rule: failure is a value. Functions returning an array return NULL on failure;
 * functions returning nd_status return a negative code. The thread-local last
 * error holds the code and a message naming the function and the values. */
#ifndef NUMC_ERROR_H
#define NUMC_ERROR_H

#include <stddef.h>

#include "export.h"

#ifdef __cplusplus
extern "C" {
#endif

typedef enum nd_status {
    ND_OK = 0,
    ND_ENOMEM = -1,  /* allocation failed or size overflow */
    ND_ESHAPE = -2,  /* shapes cannot broadcast / reshape / mismatch */
    ND_EDTYPE = -3,  /* unsupported dtype or casting not allowed */
    ND_EVALUE = -4,  /* bad argument value */
    ND_EINDEX = -5,  /* index out of range */
    ND_EAXIS = -6,   /* axis out of range or repeated */
    ND_EIO = -7,     /* file or stream error */
    ND_ELINALG = -8, /* singular matrix, no convergence, ... */
    ND_EPARSE = -9,  /* malformed text (slice string, CSV, header) */
    ND_EASSERT = -10 /* a numc/testing.h assertion does not hold (the message is the report) */
} nd_status;

/* Code of the last error on this thread (ND_OK if none since nd_clear_error). */
ND_API nd_status nd_last_error(void);
/* Message of the last error on this thread; "" if none. Valid until the next error. */
ND_API const char *nd_errmsg(void);
/* Forget the last error. */
ND_API void nd_clear_error(void);
/* Symbolic name of a status ("ND_ESHAPE"). */
ND_API const char *nd_status_name(nd_status s);

/* Warnings (numc's warning channel: NumPy's RuntimeWarning / RankWarning, a failed
 * plotting call). The thread-local handler gets the message ("nd_divide: divide by zero
 * encountered") and, for floating-point conditions, ND_FPE_* bits (ufunc.h; 0 for other
 * warnings). NULL restores the default, which prints "numc: warning: MSG" on stderr. */
typedef void (*nd_errcall_fn)(const char *msg, unsigned fpe_bits, void *ctx);
ND_API void nd_seterrcall(nd_errcall_fn fn, void *ctx);
/* numpy.geterrcall: this thread's handler (NULL when it is the default) and, when ctx is
 * not NULL, its context in *ctx. */
ND_API nd_errcall_fn nd_geterrcall(void **ctx);
/* Send a warning through the channel (printf-style; start with the function's name). */
ND_API void nd_warn(const char *fmt, ...) ND_PRINTF(1, 2);

/* Memory: every allocation numc makes goes through these hooks (default: an
 * aligned malloc and free). Pass NULL to restore the default. Not thread-safe:
 * set it before using numc. `ctx` is handed back to both calls. */
typedef struct nd_allocator {
    void *(*alloc)(size_t size, void *ctx);
    void (*free)(void *ptr, void *ctx);
    void *ctx;
} nd_allocator;
ND_API void nd_set_allocator(const nd_allocator *a);
/* numc's default allocator, for a user allocator that wraps it (say, one that keeps its
 * own small blocks and hands the large ones on, so that they keep the default's huge pages
 * and its cache of freed blocks). Its blocks are 128-byte aligned; its free takes only
 * blocks its alloc returned. */
ND_API nd_allocator nd_default_allocator(void);
/* The default allocator keeps freed blocks of 256 KiB and more (up to NUMC_BUFFER_CACHE_MB
 * MiB, default 256; 0 turns the cache off) so that the next temporary of the same size
 * class reuses their mapped pages instead of faulting them in again; a block unused for
 * 2 s goes back to the system at the next large allocation or free. nd_trim_memory
 * returns every cached block now (and trims the C heap); nd_cached_memory is the number
 * of bytes the cache holds. A user allocator (nd_set_allocator) bypasses the cache. */
ND_API void nd_trim_memory(void);
ND_API size_t nd_cached_memory(void);

/* Free memory numc returned that is not an array (strings from nd_repr, ...), or memory
 * from nd_malloc / nd_calloc / nd_strdup. NULL is a no-op. */
ND_API void nd_free_mem(void *p);

/* For libraries built on numc (numc_plot, bindings): allocate through the same hooks,
 * so that fault injection and a user's allocator reach every allocation. On failure
 * they return NULL and set ND_ENOMEM with a message naming `who` (a function name).
 * nd_calloc refuses n * size overflow; nd_strdup(s) copies a NUL-terminated string. */
ND_API void *nd_malloc(size_t n, const char *who);
ND_API void *nd_calloc(size_t n, size_t size, const char *who);
ND_API char *nd_strdup(const char *s, const char *who);

/* Set this thread's last error (printf-style message, which should start with the public
 * function's name) and return `code`, so that `return nd_set_error(ND_EVALUE, ...)`
 * works in a function returning nd_status. */
ND_API nd_status nd_set_error(nd_status code, const char *fmt, ...) ND_PRINTF(2, 3);

#ifdef __cplusplus
}
#endif
#endif
