/* Array creation and copies: workloads that need only include/numc/array.h. */
#include "bench.h"

#include <numc/numc.h>
#include <math.h>
#include <stdbool.h>
#include <stdint.h>
#include <stdlib.h>

#define N_10M 10000000
#define N_4000 4000

typedef struct arrays {
    nd_array *a;
} arrays;

static void arrays_teardown(void *st)
{
    arrays *s = st;
    if (!s) return;
    nd_free(s->a);
    free(s);
}

/* A C-contiguous float64 array of standard normals (fixed seed). */
static int normal_setup(void **st, int ndim, const ptrdiff_t *shape)
{
    arrays *s = calloc(1, sizeof *s);
    if (!s) return -1;
    *st = s;
    s->a = nd_empty(ndim, shape, ND_FLOAT64);
    if (!s->a) return -1;
    bench_fill_normal(nd_data(s->a), (size_t)nd_size(s->a), 42);
    return 0;
}

static int setup_10m(void **st) { return normal_setup(st, ND_SHAPE(N_10M)); }
static int setup_4000(void **st) { return normal_setup(st, ND_SHAPE(N_4000, N_4000)); }

/* Allocate-and-free workloads: the array is made and dropped inside the timed run. */
static int keep(nd_array *a)
{
    if (!a) return -1;
    nd_free(a);
    return 0;
}

static int run_zeros(void *st) { return keep(nd_zeros(ND_SHAPE(N_10M), ND_FLOAT64)); }
static int run_linspace(void *st) { return keep(nd_linspace(0.0, 1.0, N_10M)); }
static int run_copy(void *st) { return keep(nd_copy(((arrays *)st)->a, ND_ORDER_C)); }

static int run_transpose_copy(void *st)
{
    nd_array *t = nd_transpose(((arrays *)st)->a, NULL);
    if (!t) return -1;
    nd_array *c = nd_copy(t, ND_ORDER_C);
    nd_free(t);
    return keep(c);
}

BENCH_WORKLOAD("zeros_10M", NULL, run_zeros, NULL);
BENCH_WORKLOAD("linspace_10M", NULL, run_linspace, NULL);
BENCH_WORKLOAD("copy_f64_10M", setup_10m, run_copy, arrays_teardown);
BENCH_WORKLOAD("transpose_copy_4000x4000", setup_4000, run_transpose_copy, arrays_teardown);

/* ---- manipulation: pad, unique rows, packbits ------------------------------------------ */
#define N_PAD 2000
#define PAD_W 64
#define N_ROWS 1000000
#define N_BITS 8000000

static int setup_pad(void **st) { return normal_setup(st, ND_SHAPE(N_PAD, N_PAD)); }
static int run_pad_reflect(void *st)
{
    return keep(nd_pad(((arrays *)st)->a, 1, (ptrdiff_t[]){ PAD_W }, ND_PAD_REFLECT, ND_F64(0)));
}

/* (1M, 3) int64 rows with values 0..9 (about a thousand distinct rows). */
static int setup_rows(void **st)
{
    if (normal_setup(st, ND_SHAPE(N_ROWS, 3)) < 0) return -1;
    arrays *s = *st;
    nd_array *i = nd_empty(ND_SHAPE(N_ROWS, 3), ND_INT64);
    if (!i) return -1;
    const double *x = nd_data(s->a);
    int64_t *v = nd_data(i);
    for (ptrdiff_t k = 0; k < 3 * (ptrdiff_t)N_ROWS; k++) v[k] = (int64_t)(fabs(x[k]) * 1e6) % 10;
    nd_free(s->a);
    s->a = i;
    return 0;
}
static int run_unique_axis0(void *st) { return keep(nd_unique(((arrays *)st)->a, .axis = 0)); }

static int setup_bits(void **st)
{
    if (normal_setup(st, ND_SHAPE(N_BITS)) < 0) return -1;
    arrays *s = *st;
    nd_array *b = nd_empty(ND_SHAPE(N_BITS), ND_BOOL);
    if (!b) return -1;
    const double *x = nd_data(s->a);
    bool *v = nd_data(b);
    for (ptrdiff_t k = 0; k < N_BITS; k++) v[k] = x[k] > 0;
    nd_free(s->a);
    s->a = b;
    return 0;
}
static int run_packbits(void *st) { return keep(nd_packbits(((arrays *)st)->a)); }

BENCH_WORKLOAD("pad_reflect_2000x2000", setup_pad, run_pad_reflect, arrays_teardown);
BENCH_WORKLOAD("unique_axis0_1Mx3", setup_rows, run_unique_axis0, arrays_teardown);
BENCH_WORKLOAD("packbits_8M", setup_bits, run_packbits, arrays_teardown);
