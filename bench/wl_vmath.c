/* The float transcendental loops (core/ufunc/loops_vmath.c: SLEEF's 1-ULP vector
 * functions) on 10M elements each, inputs in each function's domain; exp_f64_10M and
 * sin_f64_10M are in wl_ufunc.c. NumPy's side: bench/peer_vmath.py. */
#include "bench.h"

#include <math.h>
#include <numc/numc.h>
#include <numc/ufunc.h>
#include <stdlib.h>

#define N_VM 10000000

/* The inputs of one row: a normal, |normal|, 1 + |normal|, uniform(-1, 1); b normal. */
enum vm_dom { VM_NORMAL, VM_ABS, VM_ONE_PLUS, VM_UNIT };

typedef struct vm_state {
    nd_array *a, *b, *out;
} vm_state;

static void vm_teardown(void *st)
{
    vm_state *s = st;
    if (!s) return;
    nd_free(s->a);
    nd_free(s->b);
    nd_free(s->out);
    free(s);
}

static int vm_setup(void **st, enum vm_dom dom, nd_dtype dt)
{
    vm_state *s = calloc(1, sizeof *s);
    if (!s) return -1;
    *st = s;
    double *x = malloc(sizeof *x * N_VM), *y = malloc(sizeof *y * N_VM);
    if (!x || !y) {
        free(x);
        free(y);
        return -1;
    }
    if (dom == VM_UNIT) {
        bench_fill_uniform(x, N_VM, 42);
        for (size_t i = 0; i < N_VM; i++) x[i] = 2 * x[i] - 1;
    } else {
        bench_fill_normal(x, N_VM, 42);
        for (size_t i = 0; i < N_VM; i++)
            x[i] = dom == VM_ABS ? fabs(x[i]) : dom == VM_ONE_PLUS ? 1 + fabs(x[i]) : x[i];
    }
    bench_fill_normal(y, N_VM, 43);
    nd_array *a = nd_from_f64(x, N_VM), *b = nd_from_f64(y, N_VM);
    free(x);
    free(y);
    if (a && b && dt != ND_FLOAT64) {
        s->a = nd_astype(a, dt, ND_CAST_UNSAFE);
        s->b = nd_astype(b, dt, ND_CAST_UNSAFE);
        nd_free(a);
        nd_free(b);
    } else {
        s->a = a;
        s->b = b;
    }
    s->out = nd_empty(ND_SHAPE(N_VM), dt);
    return s->a && s->b && s->out ? 0 : -1;
}

/* One row: NAME runs nd_<fn>_into(out, a) on DOM inputs of dtype DT. */
#define VM_ROW(NAME, fn, DOM, DT)                                                      \
    static int setup_##NAME(void **st) { return vm_setup(st, DOM, DT); }               \
    static int run_##NAME(void *st)                                                    \
    {                                                                                  \
        vm_state *s = st;                                                              \
        return nd_##fn##_into(s->out, s->a) < 0 ? -1 : 0;                              \
    }                                                                                  \
    BENCH_WORKLOAD(#NAME, setup_##NAME, run_##NAME, vm_teardown);

VM_ROW(tan_f64_10M, tan, VM_NORMAL, ND_FLOAT64)
VM_ROW(log_f64_10M, log, VM_ABS, ND_FLOAT64)
VM_ROW(log2_f64_10M, log2, VM_ABS, ND_FLOAT64)
VM_ROW(log10_f64_10M, log10, VM_ABS, ND_FLOAT64)
VM_ROW(log1p_f64_10M, log1p, VM_ABS, ND_FLOAT64)
VM_ROW(exp2_f64_10M, exp2, VM_NORMAL, ND_FLOAT64)
VM_ROW(expm1_f64_10M, expm1, VM_NORMAL, ND_FLOAT64)
VM_ROW(arcsin_f64_10M, arcsin, VM_UNIT, ND_FLOAT64)
VM_ROW(arccos_f64_10M, arccos, VM_UNIT, ND_FLOAT64)
VM_ROW(arctan_f64_10M, arctan, VM_NORMAL, ND_FLOAT64)
VM_ROW(sinh_f64_10M, sinh, VM_NORMAL, ND_FLOAT64)
VM_ROW(cosh_f64_10M, cosh, VM_NORMAL, ND_FLOAT64)
VM_ROW(tanh_f64_10M, tanh, VM_NORMAL, ND_FLOAT64)
VM_ROW(cbrt_f64_10M, cbrt, VM_NORMAL, ND_FLOAT64)
VM_ROW(sin_f32_10M, sin, VM_NORMAL, ND_FLOAT32)
VM_ROW(exp_f32_10M, exp, VM_NORMAL, ND_FLOAT32)

/* Two operands: arctan2(a, b) on normals, power(|a|, b). */
static int setup_arctan2(void **st) { return vm_setup(st, VM_NORMAL, ND_FLOAT64); }
static int run_arctan2(void *st)
{
    vm_state *s = st;
    return nd_arctan2_into(s->out, s->a, s->b) < 0 ? -1 : 0;
}
static int setup_power(void **st) { return vm_setup(st, VM_ABS, ND_FLOAT64); }
static int run_power(void *st)
{
    vm_state *s = st;
    return nd_power_into(s->out, s->a, s->b) < 0 ? -1 : 0;
}
BENCH_WORKLOAD("arctan2_f64_10M", setup_arctan2, run_arctan2, vm_teardown);
BENCH_WORKLOAD("power_f64_10M", setup_power, run_power, vm_teardown);
