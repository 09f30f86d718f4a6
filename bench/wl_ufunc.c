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
