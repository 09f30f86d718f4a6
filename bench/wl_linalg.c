/* Linear algebra workloads: products on OpenBLAS and decompositions on LAPACK
 * (peer: NumPy, bench/peer_linalg.py), plus matmul against cblas_dgemm called directly. */
#include "bench.h"

#include <cblas.h>
#include <numc/linalg.h>
#include <numc/numc.h>
#include <stdlib.h>

typedef struct la_state {
    nd_array *a, *b, *c; /* inputs; c: preallocated output of the direct dgemm */
} la_state;

static void la_teardown(void *st)
{
    la_state *s = st;
    if (!s) return;
    nd_free(s->a);
    nd_free(s->b);
    nd_free(s->c);
    free(s);
}

static nd_array *normal(int ndim, const ptrdiff_t *shape, uint64_t seed)
{
    nd_array *a = nd_empty(ndim, shape, ND_FLOAT64);
    if (a) bench_fill_normal(nd_data(a), (size_t)nd_size(a), seed);
    return a;
}

static int matmul_setup(void **st, ptrdiff_t n)
{
    la_state *s = calloc(1, sizeof *s);
    if (!s) return -1;
    *st = s;
    s->a = normal(ND_SHAPE(n, n), 1);
    s->b = normal(ND_SHAPE(n, n), 2);
    s->c = nd_empty(ND_SHAPE(n, n), ND_FLOAT64);
    return s->a && s->b && s->c ? 0 : -1;
}

static int setup_1000(void **st) { return matmul_setup(st, 1000); }
static int setup_2000(void **st) { return matmul_setup(st, 2000); }

static int keep(nd_array *a)
{
    if (!a) return -1;
    nd_free(a);
    return 0;
}

static int run_matmul(void *st)
{
    la_state *s = st;
    return keep(nd_matmul(s->a, s->b));
}

static int run_dgemm(void *st)
{
    la_state *s = st;
    int n = (int)nd_shape(s->a)[0];
    cblas_dgemm(CblasRowMajor, CblasNoTrans, CblasNoTrans, n, n, n, 1.0, nd_data(s->a), n,
                nd_data(s->b), n, 0.0, nd_data(s->c), n);
    return 0;
}

/* The 500×500 symmetric positive definite S Sᵀ + 500 I of WORKLOADS.md, b a vector. */
static int spd_setup(void **st)
{
    la_state *s = calloc(1, sizeof *s);
    if (!s) return -1;
    *st = s;
    nd_array *m = normal(ND_SHAPE(500, 500), 3), *mt = m ? nd_transpose(m, NULL) : NULL;
    nd_array *p = mt ? nd_matmul(m, mt) : NULL;
    if (p)
        for (ptrdiff_t i = 0; i < 500; i++)
            nd_set_f64(p, ND_IDX(i, i), nd_get_f64(p, ND_IDX(i, i)) + 500.0);
    s->a = p;
    s->b = normal(ND_SHAPE(500), 4);
    nd_free(m);
    nd_free(mt);
    return s->a && s->b ? 0 : -1;
}

static int run_solve(void *st)
{
    la_state *s = st;
    return keep(nd_solve(s->a, s->b));
}

static int run_inv(void *st) { return keep(nd_inv(((la_state *)st)->a)); }

static int run_eigh(void *st)
{
    nd_array *w, *v;
    if (nd_eigh(((la_state *)st)->a, 'L', &w, &v) < 0) return -1;
    nd_free(w);
    nd_free(v);
    return 0;
}

static int run_svd(void *st)
{
    nd_array *u, *sv, *vh;
    if (nd_svd(((la_state *)st)->a, true, &u, &sv, &vh) < 0) return -1;
    nd_free(u);
    nd_free(sv);
    nd_free(vh);
    return 0;
}

BENCH_WORKLOAD("matmul_1000", setup_1000, run_matmul, la_teardown);
BENCH_WORKLOAD("matmul_2000", setup_2000, run_matmul, la_teardown);
BENCH_WORKLOAD_VS("matmul_2000_vs_dgemm", setup_2000, run_matmul, run_dgemm, la_teardown);
BENCH_WORKLOAD("solve_500", spd_setup, run_solve, la_teardown);
BENCH_WORKLOAD("inv_500", spd_setup, run_inv, la_teardown);
BENCH_WORKLOAD("eigh_500", spd_setup, run_eigh, la_teardown);
BENCH_WORKLOAD("svd_500", spd_setup, run_svd, la_teardown);
