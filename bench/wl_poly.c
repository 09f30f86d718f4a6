/* Polynomial workloads (poly.h, issue 16): a degree-5 least-squares fit to a million
 * points and a degree-10 polynomial evaluated at a million points. */
#include "bench.h"

#include <numc/numc.h>
#include <math.h>
#include <stdlib.h>

typedef struct {
    nd_array *x, *y, *p;
} poly_state;

/* x = linspace(0, 1, 1M), y = sin(6x) + 0.1 * normal, p = 1, 2, ..., 11 / 11. */
static int poly_setup(void **st)
{
    poly_state *s = calloc(1, sizeof *s);
    *st = s;
    if (!s) return -1;
    s->x = nd_linspace(0, 1, 1000000);
    s->y = nd_empty(ND_SHAPE(1000000), ND_FLOAT64);
    s->p = nd_arange(1, 12, 1, ND_FLOAT64);
    if (!s->x || !s->y || !s->p) return -1;
    double *x = nd_data(s->x), *y = nd_data(s->y), *p = nd_data(s->p);
    bench_fill_normal(y, 1000000, 42);
    for (ptrdiff_t i = 0; i < 1000000; i++) y[i] = sin(6 * x[i]) + 0.1 * y[i];
    for (int i = 0; i < 11; i++) p[i] /= 11.0;
    return 0;
}

static void poly_teardown(void *st)
{
    poly_state *s = st;
    if (!s) return;
    nd_free(s->x);
    nd_free(s->y);
    nd_free(s->p);
    free(s);
}

static int done(nd_array *r)
{
    if (!r) return -1;
    nd_free(r);
    return 0;
}

static int run_polyfit(void *st)
{
    poly_state *s = st;
    return done(nd_polyfit(s->x, s->y, 5));
}

static int run_polyval(void *st)
{
    poly_state *s = st;
    return done(nd_polyval(s->p, s->x));
}

BENCH_WORKLOAD("polyfit_1M_deg5", poly_setup, run_polyfit, poly_teardown);
BENCH_WORKLOAD("polyval_1M_deg10", poly_setup, run_polyval, poly_teardown);

/* numpy.polynomial's families (same inputs): a degree-5 Chebyshev fit and a degree-10
 * Legendre series evaluated at a million points. */
static int run_chebfit(void *st)
{
    poly_state *s = st;
    return done(nd_chebfit(s->x, s->y, 5));
}

static int run_legval(void *st)
{
    poly_state *s = st;
    return done(nd_legval(s->x, s->p));
}

BENCH_WORKLOAD("chebfit_1M_deg5", poly_setup, run_chebfit, poly_teardown);
BENCH_WORKLOAD("legval_1M_deg10", poly_setup, run_legval, poly_teardown);
