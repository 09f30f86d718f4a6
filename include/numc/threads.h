/* numc — the worker pool used by large elementwise operations and reductions.
 *
 * The pool starts on first use with NUMC_NUM_THREADS workers (default: the cores this
 * process may run on). Work is split into chunks whose boundaries depend only on the
 * problem size, never on the thread count, so every result is bit-identical whatever
 * the number of threads. */
#ifndef NUMC_THREADS_H
#define NUMC_THREADS_H

#include "export.h"

#ifdef __cplusplus
extern "C" {
#endif

/* Threads numc may use (>= 1). */
ND_API int nd_get_num_threads(void);
/* Use at most n threads from now on (n < 1 → the default). Returns the previous value.
 * Not to be called while another thread is inside numc. */
ND_API int nd_set_num_threads(int n);

#ifdef __cplusplus
}
#endif
#endif
