/* Sorting workloads (sort.h). The *_vs_simd rows time numc against Highway's vqsort
 * called directly on a copy of the same input (bench/vqsort_direct.cc): the library floor
 * of numc's default-kind sort (core/sort/sort_simd.c). */
#include "bench.h"

#include <numc/numc.h>
#include <stdlib.h>
#include <string.h>

typedef struct sorted {
    nd_array *a;
    void *dst, *pairs; /* the direct peer's output (n elements) and argsort pairs (16 n) */
    int64_t *ix;
} sorted;

static void sort_teardown(void *st)
{
    sorted *s = st;
    if (!s) return;
    nd_free(s->a);
    free(s->dst);
    free(s->pairs);
    free(s->ix);
    free(s);
}

static int normal_setup_as(void **st, ptrdiff_t n, nd_dtype t)
{
    sorted *s = calloc(1, sizeof *s);
    if (!s) return -1;
    *st = s;
    nd_array *x = nd_empty(1, &n, ND_FLOAT64);
    if (!x) return -1;
    bench_fill_normal(nd_data(x), (size_t)n, 42);
    s->a = t == ND_FLOAT64 ? x : nd_astype(x, t, ND_CAST_UNSAFE);
    if (s->a != x) nd_free(x);
    return s->a ? 0 : -1;
}

static int normal_setup(void **st, ptrdiff_t n) { return normal_setup_as(st, n, ND_FLOAT64); }
static int setup_10m(void **st) { return normal_setup(st, 10000000); }
static int setup_1m(void **st) { return normal_setup(st, 1000000); }
static int setup_f32_10m(void **st) { return normal_setup_as(st, 10000000, ND_FLOAT32); }

/* int64 uniform over the whole range (NumPy: rng.integers(-2**63, 2**63 - 1)). */
static int setup_i64_10m(void **st)
{
    sorted *s = calloc(1, sizeof *s);
    if (!s) return -1;
    *st = s;
    ptrdiff_t n = 10000000;
    s->a = nd_empty(1, &n, ND_INT64);
    if (!s->a) return -1;
    uint64_t x = 42, *p = nd_data(s->a);
    for (ptrdiff_t i = 0; i < n; i++) {
        x += 0x9E3779B97F4A7C15u; /* splitmix64 */
        uint64_t z = x;
        z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9u;
        z = (z ^ (z >> 27)) * 0x94D049BB133111EBu;
        p[i] = z ^ (z >> 31);
    }
    return 0;
}

static int done(nd_array *r)
{
    if (!r) return -1;
    nd_free(r);
    return 0;
}

static int run_sort(void *st) { return done(nd_sort(((sorted *)st)->a, 0, ND_SORT_QUICK)); }
static int run_argsort(void *st) { return done(nd_argsort(((sorted *)st)->a, 0, ND_SORT_QUICK)); }

BENCH_WORKLOAD("sort_f64_10M", setup_10m, run_sort, sort_teardown);
BENCH_WORKLOAD("argsort_f64_1M", setup_1m, run_argsort, sort_teardown);
BENCH_WORKLOAD("sort_f32_10M", setup_f32_10m, run_sort, sort_teardown);
BENCH_WORKLOAD("sort_i64_10M", setup_i64_10m, run_sort, sort_teardown);

#if NUMC_BENCH_HWY
void bench_vqsort_f64(double *dst, const double *src, size_t n);
void bench_vqsort_f32(float *dst, const float *src, size_t n);
void bench_vqsort_i64(int64_t *dst, const int64_t *src, size_t n);
void bench_vqsort_argsort_f64(int64_t *ix, const double *src, void *pairs, size_t n);

/* The peer's buffers are allocated and touched in setup: it pays no page faults. */
static int with_peer_buffers(sorted *s, bool argsort)
{
    size_t n = (size_t)nd_size(s->a), isz = nd_dtype_size(nd_dtype_of(s->a));
    s->dst = malloc(n * isz);
    if (!s->dst) return -1;
    memset(s->dst, 0, n * isz);
    if (argsort) {
        s->pairs = aligned_alloc(16, n * 16);
        s->ix = malloc(n * sizeof *s->ix);
        if (!s->pairs || !s->ix) return -1;
        memset(s->pairs, 0, n * 16);
        memset(s->ix, 0, n * sizeof *s->ix);
    }
    return 0;
}

static int vs_setup_10m(void **st) { return setup_10m(st) < 0 ? -1 : with_peer_buffers(*st, false); }
static int vs_setup_1m(void **st) { return setup_1m(st) < 0 ? -1 : with_peer_buffers(*st, true); }
static int vs_setup_f32_10m(void **st) { return setup_f32_10m(st) < 0 ? -1 : with_peer_buffers(*st, false); }
static int vs_setup_i64_10m(void **st) { return setup_i64_10m(st) < 0 ? -1 : with_peer_buffers(*st, false); }

static int run_direct(void *st)
{
    sorted *s = st;
    size_t n = (size_t)nd_size(s->a);
    switch (nd_dtype_of(s->a)) {
    case ND_FLOAT64: bench_vqsort_f64(s->dst, nd_data(s->a), n); break;
    case ND_FLOAT32: bench_vqsort_f32(s->dst, nd_data(s->a), n); break;
    default: bench_vqsort_i64(s->dst, nd_data(s->a), n); break;
    }
    return 0;
}

static int run_direct_argsort(void *st)
{
    sorted *s = st;
    bench_vqsort_argsort_f64(s->ix, nd_data(s->a), s->pairs, (size_t)nd_size(s->a));
    return 0;
}

BENCH_WORKLOAD_VS("sort_f64_10M_vs_simd", vs_setup_10m, run_sort, run_direct, sort_teardown);
BENCH_WORKLOAD_VS("argsort_f64_1M_vs_simd", vs_setup_1m, run_argsort, run_direct_argsort, sort_teardown);
BENCH_WORKLOAD_VS("sort_f32_10M_vs_simd", vs_setup_f32_10m, run_sort, run_direct, sort_teardown);
BENCH_WORKLOAD_VS("sort_i64_10M_vs_simd", vs_setup_i64_10m, run_sort, run_direct, sort_teardown);
#endif
