/* Internal: deterministic parallel loops over [0, n) on the worker pool. */
#ifndef NUMC_PARALLEL_H
#define NUMC_PARALLEL_H

#include <stddef.h>

#include "internal.h"

/* fn(begin, end, chunk, ctx) is called once for every chunk [begin, end) of at most
 * `grain` elements; chunk is the chunk's number (0, 1, ...). Chunks run concurrently on
 * the pool when n > grain and more than one thread is allowed, else in order on the
 * calling thread. Chunk boundaries are k * grain whatever the thread count, so callers
 * that combine per-chunk results in chunk order get identical results everywhere.
 * Calls from inside a chunk run serially (no nested parallelism). */
typedef void (*nd_chunk_fn)(ptrdiff_t begin, ptrdiff_t end, ptrdiff_t chunk, void *ctx);
ND_INTERNAL void nd__parallel_for(ptrdiff_t n, ptrdiff_t grain, nd_chunk_fn fn, void *ctx);

/* Number of chunks nd__parallel_for uses for (n, grain). */
static inline ptrdiff_t nd__chunks(ptrdiff_t n, ptrdiff_t grain) { return n <= 0 ? 0 : (n + grain - 1) / grain; }

#endif
