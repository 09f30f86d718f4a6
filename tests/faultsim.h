/* Fault simulation (SQLite's faultsim): run a body with the allocator hook failing at
 * the 1st, 2nd, 3rd ... allocation until a run completes without reaching the failure.
 * Every run must either succeed (the failed allocation had a fallback) or fail with
 * ND_ENOMEM as both its status and nd_last_error(); and it must free every block it
 * allocated through the hooks (a leak shows as a live-block count that does not return
 * to its level before the run). A crash is a crash: ASan/UBSan report it.
 *
 *     static nd_status body(void *ctx) { ... return ND_OK or the failing status; }
 *     faultsim_report r = faultsim_run("ufunc", body, ctx);
 *     CU_ASSERT(r.ok);   (r.why says what went wrong)
 *
 * The body must free what it makes on both paths and check its result when it
 * succeeds (return ND_EVALUE on a wrong answer). Caches that live across calls (FFT
 * plans, the thread pool, fonts) are filled by one warm-up run before counting starts. */
#ifndef NUMC_TEST_FAULTSIM_H
#define NUMC_TEST_FAULTSIM_H

#include <numc/error.h>
#include <stdatomic.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

typedef nd_status (*faultsim_body)(void *ctx);

typedef struct faultsim_report {
    int ok;          /* every run behaved */
    long runs;       /* runs with an injected failure */
    long allocs;     /* allocations in the clean run */
    char why[256];   /* first misbehaviour */
} faultsim_report;

static atomic_long faultsim_calls, faultsim_live;
static long faultsim_fail_at; /* 1-based; 0: never fail */
static atomic_int faultsim_hit;

static void *faultsim_alloc(size_t n, void *ctx)
{
    (void)ctx;
    long k = atomic_fetch_add(&faultsim_calls, 1) + 1;
    if (faultsim_fail_at && k == faultsim_fail_at) {
        atomic_store(&faultsim_hit, 1);
        return NULL;
    }
    void *p = NULL;
    if (posix_memalign(&p, 64, n ? n : 1) != 0) return NULL;
    atomic_fetch_add(&faultsim_live, 1);
    return p;
}

static void faultsim_free(void *p, void *ctx)
{
    (void)ctx;
    if (!p) return;
    atomic_fetch_sub(&faultsim_live, 1);
    free(p);
}

/* Runs `body` once cleanly (warm-up, then counted), then once per allocation with that
 * allocation failing. Gives up (not ok) past `max_runs` injected runs. */
static inline faultsim_report faultsim_run_n(const char *what, faultsim_body body, void *ctx,
                                      long max_runs)
{
    faultsim_report r = { 1, 0, 0, "" };
    nd_set_allocator(&(nd_allocator){ faultsim_alloc, faultsim_free, NULL });
    faultsim_fail_at = 0;
    nd_status rc = body(ctx); /* warm-up: caches that outlive a call are filled here */
    if (rc != ND_OK) {
        r.ok = 0;
        snprintf(r.why, sizeof r.why, "%s: clean run failed: %s", what, nd_errmsg());
        goto done;
    }
    long base = atomic_load(&faultsim_live);
    atomic_store(&faultsim_calls, 0);
    rc = body(ctx);
    r.allocs = atomic_load(&faultsim_calls);
    if (rc != ND_OK || atomic_load(&faultsim_live) != base) {
        r.ok = 0;
        snprintf(r.why, sizeof r.why, "%s: second clean run: status %d, %ld blocks leaked",
                 what, (int)rc, atomic_load(&faultsim_live) - base);
        goto done;
    }
    for (long k = 1;; k++) {
        if (k > max_runs) {
            r.ok = 0;
            snprintf(r.why, sizeof r.why, "%s: still failing after %ld runs", what, max_runs);
            break;
        }
        atomic_store(&faultsim_calls, 0);
        atomic_store(&faultsim_hit, 0);
        faultsim_fail_at = k;
        nd_clear_error();
        rc = body(ctx);
        int hit = atomic_load(&faultsim_hit);
        long leaked = atomic_load(&faultsim_live) - base;
        if (hit) r.runs++;
        if (leaked != 0) {
            r.ok = 0;
            snprintf(r.why, sizeof r.why, "%s: allocation %ld failed: %ld blocks leaked",
                     what, k, leaked);
            break;
        }
        if (rc != ND_OK && (rc != ND_ENOMEM || nd_last_error() != ND_ENOMEM)) {
            r.ok = 0;
            snprintf(r.why, sizeof r.why,
                     "%s: allocation %ld failed: status %d, last error %d (%s), want ND_ENOMEM",
                     what, k, (int)rc, (int)nd_last_error(), nd_errmsg());
            break;
        }
        if (!hit) {
            if (rc != ND_OK) {
                r.ok = 0;
                snprintf(r.why, sizeof r.why, "%s: run %ld failed with no injected failure: %s",
                         what, k, nd_errmsg());
            }
            break; /* the body made fewer than k allocations: every one was covered */
        }
    }
done:
    faultsim_fail_at = 0;
    nd_set_allocator(NULL);
    return r;
}

static inline faultsim_report faultsim_run(const char *what, faultsim_body body, void *ctx)
{
    return faultsim_run_n(what, body, ctx, 20000);
}

#endif
