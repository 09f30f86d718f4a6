/* numc benchmark harness: workloads register themselves, bench_main.c times them.
 *
 * Add a file bench/wl_<area>.c (CMake picks it up) with, per workload:
 *
 *     typedef struct { nd_array *a, *out; } add_state;
 *     static int add_setup(void **st)        // untimed: build the inputs
 *     {
 *         add_state *s = calloc(1, sizeof *s);
 *         ... ; *st = s; return s->a && s->out ? 0 : -1;
 *     }
 *     static int add_run(void *st) { ... return nd_add_into(...) < 0 ? -1 : 0; }  // timed
 *     static void add_teardown(void *st) { ... free(st); }  // must accept a partial state
 *     BENCH_WORKLOAD("add_f64_10M", add_setup, add_run, add_teardown);
 *
 * Names are the workload list of docs/building.md ("Benchmarks"); bench/peer_<area>.py gives the NumPy /
 * matplotlib side under the same name. A "library floor" workload compares numc with
 * the C library it calls; its peer runs in C, in the same process:
 *
 *     BENCH_WORKLOAD_VS("matmul_2000_vs_dgemm", setup, run_numc, run_dgemm, teardown);
 *
 * run / setup return 0 on success and a negative value on failure (the harness prints
 * nd_errmsg()). Each workload runs in its own child process (so peak RSS is its own):
 * setup, one warm-up run, then at least 5 timed runs; the median is reported. */
#ifndef NUMC_BENCH_H
#define NUMC_BENCH_H

#include <stddef.h>
#include <stdint.h>

typedef int (*bench_setup_fn)(void **state);
typedef int (*bench_run_fn)(void *state);
typedef void (*bench_teardown_fn)(void *state);

/* Called by the registration macros (from constructors, before main). */
void bench_register(const char *name, bench_setup_fn setup, bench_run_fn run,
                    bench_run_fn peer_run, bench_teardown_fn teardown);

#define BENCH__CAT2(a, b) a##b
#define BENCH__CAT(a, b) BENCH__CAT2(a, b)
/* The trailing extern declaration swallows the caller's ';' (ISO C forbids a stray one). */
#define BENCH__REGISTER(name, setup, run, peer, teardown)                          \
    static void BENCH__CAT(bench__register_, __LINE__)(void)                        \
        __attribute__((constructor));                                               \
    static void BENCH__CAT(bench__register_, __LINE__)(void)                        \
    {                                                                               \
        bench_register((name), (setup), (run), (peer), (teardown));                 \
    }                                                                               \
    extern int bench__semicolon

#define BENCH_WORKLOAD(name, setup, run, teardown) \
    BENCH__REGISTER(name, setup, run, NULL, teardown)
#define BENCH_WORKLOAD_VS(name, setup, run, peer_run, teardown) \
    BENCH__REGISTER(name, setup, run, peer_run, teardown)

/* Deterministic inputs (the same for a given seed on every machine). */
void bench_fill_normal(double *x, size_t n, uint64_t seed);  /* standard normal */
void bench_fill_uniform(double *x, size_t n, uint64_t seed); /* [0, 1) */

/* Path of the sample data directory (data/ in the repository). */
const char *bench_shared_data(void);
/* A scratch directory for workloads that write files (removed when numc_bench exits). */
const char *bench_tmpdir(void);
/* Path of the nplot executable of this build, or NULL when nplot is not built. */
const char *bench_nplot(void);

#endif
