/* FFT workloads (peer: numpy.fft, bench/peer_fft.py) and FFTW called directly.
 *
 * The *_vs_fftw rows time numc against the smallest C program that computes the same
 * result with FFTW: a plan made once (same planner effort on both sides), then only
 * fftw_execute on preallocated arrays — what numc's plan cache has to match. */
#include "bench.h"

#include <fftw3.h>
#include <numc/fft.h>
#include <numc/numc.h>
#include <stdlib.h>
#include <string.h>

#define N_2_20 (1 << 20)
#define N_2048 2048

typedef struct fft_state {
    nd_array *x;
    nd_fft_planner planner;
    fftw_plan plan;        /* the direct peer */
    void *in, *out;        /* fftw_malloc'd arrays of the direct peer */
    const double *real_in; /* fft2 peer: the real input it converts */
} fft_state;

static void fft_teardown(void *st)
{
    fft_state *s = st;
    if (!s) return;
    nd_free(s->x);
    if (s->plan) fftw_destroy_plan(s->plan);
    fftw_free(s->in);
    fftw_free(s->out);
    free(s);
}

static fft_state *new_state(void **st, nd_dtype t, int ndim, const ptrdiff_t *shape)
{
    fft_state *s = calloc(1, sizeof *s);
    *st = s;
    if (!s) return NULL;
    /* Standard normals; a complex input gets independent real and imaginary parts. */
    ptrdiff_t n = 1;
    for (int i = 0; i < ndim; i++) n *= shape[i];
    s->x = nd_empty(ndim, shape, t);
    if (!s->x) return NULL;
    bench_fill_normal(nd_data(s->x), (size_t)n * (t == ND_COMPLEX128 ? 2 : 1), 42);
    return s;
}

static int keep(nd_array *a)
{
    if (!a) return -1;
    nd_free(a);
    return 0;
}

static int setup_c128(void **st) { return new_state(st, ND_COMPLEX128, ND_SHAPE(N_2_20)) ? 0 : -1; }
static int setup_f64(void **st) { return new_state(st, ND_FLOAT64, ND_SHAPE(N_2_20)) ? 0 : -1; }
static int setup_2d(void **st) { return new_state(st, ND_FLOAT64, ND_SHAPE(N_2048, N_2048)) ? 0 : -1; }

static int run_fft(void *st)
{
    fft_state *s = st;
    return keep(nd_fft(s->x, .planner = s->planner));
}

static int run_rfft(void *st)
{
    fft_state *s = st;
    return keep(nd_rfft(s->x, .planner = s->planner));
}

static int run_fft2(void *st)
{
    fft_state *s = st;
    return keep(nd_fft2(s->x, .planner = s->planner));
}

static int run_direct(void *st)
{
    fftw_execute(((fft_state *)st)->plan);
    return 0;
}

/* The fft2 peer converts the real input to complex (as the transform requires), then
 * runs its in-place plan. */
static int run_direct_fft2(void *st)
{
    fft_state *s = st;
    fftw_complex *c = s->in;
    for (ptrdiff_t i = 0; i < (ptrdiff_t)N_2048 * N_2048; i++) {
        c[i][0] = s->real_in[i];
        c[i][1] = 0;
    }
    fftw_execute(s->plan);
    return 0;
}

/* vs rows: numc plans (and caches) in setup; the direct plan reuses FFTW's wisdom. */
static int vs_setup_c128(void **st)
{
    fft_state *s = new_state(st, ND_COMPLEX128, ND_SHAPE(N_2_20));
    if (!s) return -1;
    s->planner = ND_FFT_MEASURE;
    if (run_fft(s) < 0) return -1;
    s->in = fftw_malloc(sizeof(fftw_complex) * N_2_20);
    s->out = fftw_malloc(sizeof(fftw_complex) * N_2_20);
    if (!s->in || !s->out) return -1;
    s->plan = fftw_plan_dft_1d(N_2_20, s->in, s->out, FFTW_FORWARD, FFTW_MEASURE);
    memcpy(s->in, nd_data(s->x), sizeof(fftw_complex) * N_2_20);
    return s->plan ? 0 : -1;
}

static int vs_setup_rfft(void **st)
{
    fft_state *s = new_state(st, ND_FLOAT64, ND_SHAPE(N_2_20));
    if (!s) return -1;
    s->planner = ND_FFT_ESTIMATE;
    s->in = fftw_malloc(sizeof(double) * N_2_20);
    s->out = fftw_malloc(sizeof(fftw_complex) * (N_2_20 / 2 + 1));
    if (!s->in || !s->out) return -1;
    s->plan = fftw_plan_dft_r2c_1d(N_2_20, s->in, s->out, FFTW_ESTIMATE);
    memcpy(s->in, nd_data(s->x), sizeof(double) * N_2_20);
    return s->plan ? 0 : -1;
}

static int vs_setup_fft2(void **st)
{
    fft_state *s = new_state(st, ND_FLOAT64, ND_SHAPE(N_2048, N_2048));
    if (!s) return -1;
    s->planner = ND_FFT_ESTIMATE;
    s->in = fftw_malloc(sizeof(fftw_complex) * N_2048 * N_2048);
    if (!s->in) return -1;
    s->real_in = nd_data(s->x);
    s->plan = fftw_plan_dft_2d(N_2048, N_2048, s->in, s->in, FFTW_FORWARD, FFTW_ESTIMATE);
    return s->plan ? 0 : -1;
}

BENCH_WORKLOAD("fft_c128_2^20", setup_c128, run_fft, fft_teardown);
BENCH_WORKLOAD("rfft_f64_2^20", setup_f64, run_rfft, fft_teardown);
BENCH_WORKLOAD("fft2_2048x2048", setup_2d, run_fft2, fft_teardown);
BENCH_WORKLOAD_VS("fft_c128_2^20_vs_fftw", vs_setup_c128, run_fft, run_direct, fft_teardown);
BENCH_WORKLOAD_VS("rfft_f64_2^20_vs_fftw", vs_setup_rfft, run_rfft, run_direct, fft_teardown);
BENCH_WORKLOAD_VS("fft2_2048x2048_vs_fftw", vs_setup_fft2, run_fft2, run_direct_fft2, fft_teardown);
