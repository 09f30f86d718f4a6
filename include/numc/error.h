/* numc — error model.
 *
 * Rule: failure is a value. Functions returning an array return NULL on failure;
 * functions returning nd_status return a negative code. The thread-local last
 * error holds the code and a message naming the function and the values. */
#ifndef NUMC_ERROR_H
#define NUMC_ERROR_H

#include <stddef.h>

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
    ND_EPARSE = -9   /* malformed text (slice string, CSV, header) */
} nd_status;

/* Code of the last error on this thread (ND_OK if none since nd_clear_error). */
nd_status nd_last_error(void);
/* Message of the last error on this thread; "" if none. Valid until the next error. */
const char *nd_errmsg(void);
/* Forget the last error. */
void nd_clear_error(void);
/* Symbolic name of a status ("ND_ESHAPE"). */
const char *nd_status_name(nd_status s);

/* Memory: every allocation numc makes goes through these hooks (default: an
 * aligned malloc and free). Pass NULL to restore the default. Not thread-safe:
 * set it before using numc. `ctx` is handed back to both calls. */
typedef struct nd_allocator {
    void *(*alloc)(size_t size, void *ctx);
    void (*free)(void *ptr, void *ctx);
    void *ctx;
} nd_allocator;
void nd_set_allocator(const nd_allocator *a);

/* Free memory numc returned that is not an array (strings from nd_repr, ...). */
void nd_freemem(void *p);

#ifdef __cplusplus
}
#endif
#endif
