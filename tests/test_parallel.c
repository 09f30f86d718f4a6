/* The worker pool: every chunk runs exactly once, boundaries do not depend on the
 * thread count, nested calls run serially. */
#include <numc/threads.h>
#include <stdatomic.h>
#include <string.h>

#include "parallel.h"
#include "testutil.h"

typedef struct visit {
    atomic_int *hits;    /* per element */
    atomic_int calls;
    ptrdiff_t grain;
    int bad_bounds;
} visit;

static void mark(ptrdiff_t b, ptrdiff_t e, ptrdiff_t k, void *ctx)
{
    visit *v = ctx;
    atomic_fetch_add(&v->calls, 1);
    if (b != k * v->grain || e - b > v->grain) v->bad_bounds++;
    for (ptrdiff_t i = b; i < e; i++) atomic_fetch_add(&v->hits[i], 1);
}

static void run_and_check(ptrdiff_t n, ptrdiff_t grain, int threads)
{
    nd_set_num_threads(threads);
    atomic_int *hits = calloc((size_t)n, sizeof *hits);
    visit v = { hits, 0, grain, 0 };
    nd__parallel_for(n, grain, mark, &v);
    int wrong = 0;
    for (ptrdiff_t i = 0; i < n; i++) wrong += atomic_load(&hits[i]) != 1;
    CU_ASSERT_EQUAL(wrong, 0);
    CU_ASSERT_EQUAL(atomic_load(&v.calls), nd__chunks(n, grain));
    CU_ASSERT_EQUAL(v.bad_bounds, 0);
    free(hits);
}

static void test_every_chunk_runs_once(void)
{
    for (int t = 1; t <= 4; t++) {
        run_and_check(1, 10, t);
        run_and_check(1000, 7, t);
        run_and_check(100000, 4096, t);
        for (int rep = 0; rep < 200; rep++) run_and_check(64, 1, t); /* many short jobs */
    }
    nd_set_num_threads(0);
}

/* Per-chunk partial sums combined in chunk order: identical for any thread count. */
typedef struct sums {
    const double *x;
    double *partial;
} sums;

static void chunk_sum(ptrdiff_t b, ptrdiff_t e, ptrdiff_t k, void *ctx)
{
    sums *s = ctx;
    double acc = 0;
    for (ptrdiff_t i = b; i < e; i++) acc += s->x[i];
    s->partial[k] = acc;
}

static void test_results_identical_for_any_thread_count(void)
{
    enum { N = 200003, G = 1000 };
    double *x = malloc(sizeof *x * N), *partial = malloc(sizeof *partial * nd__chunks(N, G));
    for (int i = 0; i < N; i++) x[i] = 1.0 / (1.0 + i) * ((i % 7) - 3);
    double first = 0;
    for (int t = 1; t <= 3; t++) {
        nd_set_num_threads(t);
        sums s = { x, partial };
        nd__parallel_for(N, G, chunk_sum, &s);
        double total = 0;
        for (ptrdiff_t k = 0; k < nd__chunks(N, G); k++) total += partial[k];
        if (t == 1) first = total;
        CU_ASSERT_EQUAL(memcmp(&total, &first, sizeof total), 0);
    }
    nd_set_num_threads(0);
    free(x);
    free(partial);
}

static void inner(ptrdiff_t b, ptrdiff_t e, ptrdiff_t k, void *ctx)
{
    visit *v = ctx;
    nd__parallel_for(e - b, 1, mark, v); /* nested: serial, still complete */
}

static void test_nested_calls_run_serially(void)
{
    nd_set_num_threads(2);
    atomic_int hits[8] = { 0 };
    visit v = { hits, 0, 1, 0 };
    nd__parallel_for(16, 8, inner, &v);
    CU_ASSERT_EQUAL(atomic_load(&v.calls), 16);
    CU_ASSERT_EQUAL(atomic_load(&hits[0]), 2);
    nd_set_num_threads(0);
}

static void test_thread_count_setting(void)
{
    int old = nd_set_num_threads(3);
    CU_ASSERT_TRUE(old >= 1);
    CU_ASSERT_EQUAL(nd_get_num_threads(), 3);
    nd_set_num_threads(0);
    CU_ASSERT_TRUE(nd_get_num_threads() >= 1);
}

static const ND_TEST tests[] = {
    ND_T(test_every_chunk_runs_once), ND_T(test_results_identical_for_any_thread_count),
    ND_T(test_nested_calls_run_serially), ND_T(test_thread_count_setting), { 0 }
};
ND_TEST_MAIN("parallel", tests)
