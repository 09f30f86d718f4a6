/* Elementwise functions and reductions (include/numc/ufunc.h). */
#include "bench.h"

#include <numc/numc.h>
#include <numc/ufunc.h>
#include <stdlib.h>

#define N_10M 10000000
#define N_4000 4000

typedef struct uf_state {
    nd_array *a, *b, *out, *v, *va, *vb;
} uf_state;

static void uf_teardown(void *st)
{
    uf_state *s = st;
    if (!s) return;
    nd_free(s->a);
    nd_free(s->b);
    nd_free(s->out);
    nd_free(s->v);
    nd_free(s->va);
    nd_free(s->vb);
    free(s);
}

static nd_array *normal(int ndim, const ptrdiff_t *shape, uint64_t seed)
{
    nd_array *a = nd_empty(ndim, shape, ND_FLOAT64);
    if (a) bench_fill_normal(nd_data(a), (size_t)nd_size(a), seed);
    return a;
}

/* a, b: 10M standard normals; out: 10M preallocated */
static int setup_10m(void **st)
{
    uf_state *s = calloc(1, sizeof *s);
    if (!s) return -1;
    *st = s;
    s->a = normal(ND_SHAPE(N_10M), 42);
    s->b = normal(ND_SHAPE(N_10M), 43);
    s->out = nd_empty(ND_SHAPE(N_10M), ND_FLOAT64);
    return s->a && s->b && s->out ? 0 : -1;
}

static int setup_4000(void **st)
{
    uf_state *s = calloc(1, sizeof *s);
    if (!s) return -1;
    *st = s;
    s->a = normal(ND_SHAPE(N_4000, N_4000), 42);
    nd_array *v = normal(ND_SHAPE(N_4000), 43);
    s->v = v ? nd_reshape(v, ND_SHAPE(N_4000, 1)) : NULL; /* v[:, None] */
    nd_free(v);
    return s->a && s->v ? 0 : -1;
}

static int setup_strided(void **st)
{
    if (setup_10m(st) < 0) return -1;
    uf_state *s = *st;
    s->va = nd_view(s->a, "::2");
    s->vb = nd_view(s->b, "::2");
    return s->va && s->vb ? 0 : -1;
}

/* a: 1M standard normals (half of them negative: emath's complex path) */
static int setup_1m(void **st)
{
    uf_state *s = calloc(1, sizeof *s);
    if (!s) return -1;
    *st = s;
    s->a = normal(ND_SHAPE(1000000), 42);
    return s->a ? 0 : -1;
}

static int keep(nd_array *r)
{
    if (!r) return -1;
    nd_free(r);
    return 0;
}

static int run_add(void *st)
{
    uf_state *s = st;
    return nd_add_into(s->out, s->a, s->b) < 0 ? -1 : 0;
}

static int run_mul_scalar(void *st)
{
    uf_state *s = st;
    return nd_multiply_into(s->out, s->a, 2.5) < 0 ? -1 : 0;
}

static int run_exp(void *st)
{
    uf_state *s = st;
    return nd_exp_into(s->out, s->a) < 0 ? -1 : 0;
}

static int run_sin(void *st)
{
    uf_state *s = st;
    return nd_sin_into(s->out, s->a) < 0 ? -1 : 0;
}

static int run_sqrt_abs(void *st)
{
    uf_state *s = st;
    nd_array *t = nd_absolute(s->a);
    if (!t) return -1;
    nd_array *r = nd_sqrt(t);
    nd_free(t);
    return keep(r);
}

static int run_sum(void *st) { return keep(nd_sum(((uf_state *)st)->a)); }

static int run_mean_std(void *st)
{
    uf_state *s = st;
    if (keep(nd_mean(s->a)) < 0) return -1;
    return keep(nd_std(s->a));
}

static int run_sum_axis0(void *st) { return keep(nd_sum(((uf_state *)st)->a, .axis = 0)); }
static int run_sum_axis1(void *st) { return keep(nd_sum(((uf_state *)st)->a, .axis = 1)); }

static int run_broadcast_add(void *st)
{
    uf_state *s = st;
    return keep(nd_add(s->a, s->v));
}

static int run_strided_add(void *st)
{
    uf_state *s = st;
    return keep(nd_add(s->va, s->vb));
}

static int run_emath_sqrt(void *st) { return keep(nd_emath_sqrt(((uf_state *)st)->a)); }

BENCH_WORKLOAD("add_f64_10M", setup_10m, run_add, uf_teardown);
BENCH_WORKLOAD("mul_scalar_f64_10M", setup_10m, run_mul_scalar, uf_teardown);
BENCH_WORKLOAD("exp_f64_10M", setup_10m, run_exp, uf_teardown);
BENCH_WORKLOAD("sin_f64_10M", setup_10m, run_sin, uf_teardown);
BENCH_WORKLOAD("sqrt_abs_f64_10M", setup_10m, run_sqrt_abs, uf_teardown);
BENCH_WORKLOAD("sum_f64_10M", setup_10m, run_sum, uf_teardown);
BENCH_WORKLOAD("mean_std_f64_10M", setup_10m, run_mean_std, uf_teardown);
BENCH_WORKLOAD("sum_axis0_4000x4000", setup_4000, run_sum_axis0, uf_teardown);
BENCH_WORKLOAD("sum_axis1_4000x4000", setup_4000, run_sum_axis1, uf_teardown);
BENCH_WORKLOAD("broadcast_add_4000x4000", setup_4000, run_broadcast_add, uf_teardown);
BENCH_WORKLOAD("strided_add_every2nd_10M", setup_strided, run_strided_add, uf_teardown);
BENCH_WORKLOAD("emath_sqrt_1M_mixed_sign", setup_1m, run_emath_sqrt, uf_teardown);

/* ---- ufunc methods (ufunc_methods.c) ------------------------------------------------------ */
#define N_1M 1000000

typedef struct ufm_state {
    nd_array *bins, *idx, *x, *y, *starts;
} ufm_state;

static void ufm_teardown(void *st)
{
    ufm_state *s = st;
    if (!s) return;
    nd_free(s->bins);
    nd_free(s->idx);
    nd_free(s->x);
    nd_free(s->y);
    nd_free(s->starts);
    free(s);
}

/* bins: 1000 zeros; idx: 1M random indices into them; x: 1M normals; y: 1000 normals;
 * starts: 0, 100, 200, ... (10000 segments of x) */
static int setup_ufm(void **st)
{
    ufm_state *s = calloc(1, sizeof *s);
    if (!s) return -1;
    *st = s;
    s->bins = nd_zeros(ND_SHAPE(1000), ND_FLOAT64);
    s->idx = nd_empty(ND_SHAPE(N_1M), ND_INT64);
    s->x = normal(ND_SHAPE(N_1M), 44);
    s->y = normal(ND_SHAPE(1000), 45);
    s->starts = nd_arange(0, N_1M, 100, ND_INT64);
    if (!s->bins || !s->idx || !s->x || !s->y || !s->starts) return -1;
    int64_t *p = nd_data(s->idx);
    uint64_t r = 0x9E3779B97F4A7C15ULL;
    for (ptrdiff_t i = 0; i < N_1M; i++) {
        r ^= r << 13, r ^= r >> 7, r ^= r << 17;
        p[i] = (int64_t)(r % 1000);
    }
    return 0;
}

static int run_add_at(void *st)
{
    ufm_state *s = st;
    return nd_ufunc_at(ND_UF_ADD, s->bins, s->idx, 1.0) < 0 ? -1 : 0;
}
static int run_add_outer(void *st)
{
    ufm_state *s = st;
    return keep(nd_ufunc_outer(ND_UF_ADD, s->y, s->y, NULL));
}
static int run_add_reduceat(void *st)
{
    ufm_state *s = st;
    return keep(nd_ufunc_reduceat(ND_UF_ADD, s->x, s->starts, NULL));
}
BENCH_WORKLOAD("add_at_1M", setup_ufm, run_add_at, ufm_teardown);
BENCH_WORKLOAD("ufunc_add_outer_1000x1000", setup_ufm, run_add_outer, ufm_teardown);
BENCH_WORKLOAD("ufunc_add_reduceat_1M", setup_ufm, run_add_reduceat, ufm_teardown);
