/* libnumc_plot's helper threads (internal): the big contour grids, their striped stroking
 * and PNG encoding share their work out in chunks.
 *
 * nplot__parallel(n, fn, ctx) calls fn(ctx, c) once for every chunk c in [0, n) and
 * returns when all have run. The calling thread takes chunks too, from the same counter as
 * the helpers, and never waits for a helper that has not started: a chunk is run by
 * whichever thread takes it first, so the work is done (by the caller alone if need be)
 * when the machine is busy, the helpers cannot start, numc is limited to one thread
 * (nd_set_num_threads) or another thread is using them. Chunks must write disjoint
 * outputs; each must not depend on which thread runs it. The helpers (at most
 * nd_get_num_threads() - 1, and 7) start on first use and live as long as the process. */
#ifndef NPLOT_WORKERS_H
#define NPLOT_WORKERS_H

typedef void (*nplot__chunk_fn)(void *ctx, int chunk);
void nplot__parallel(int n, nplot__chunk_fn fn, void *ctx);

#endif
