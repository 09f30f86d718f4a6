/* numc — discrete Fourier transforms (numpy.fft) on FFTW3.
 *
 * Semantics are NumPy's: `n` / `s` zero-pad or truncate the input along the transformed
 * axes, `axes` picks them, `norm` selects the scaling. float32 and complex64 inputs are
 * transformed in single precision (fftwf) and give complex64 / float32 results; every
 * other dtype is transformed in double precision (fftw). Results are new C-ordered arrays
 * (the caller's, nd_free); the input is never modified.
 *
 * Plans: each distinct transform geometry (shape, strides, direction, alignment, kind,
 * precision) is planned once and cached; later calls only look the plan up and execute
 * it. Planning is serialised by a mutex (FFTW's planner is not thread-safe); executing
 * is not, so transforms may run concurrently from several threads. Strided and
 * transposed inputs are read in place through FFTW's guru interface.
 *
 * Errors: ND_EVALUE for an invalid length ("nd_fft: invalid number of FFT data points
 * (0)") or misused options, ND_EAXIS for bad axes, ND_ESHAPE when s and axes disagree. */
#ifndef NUMC_FFT_H
#define NUMC_FFT_H

#include "array.h"

#ifdef __cplusplus
extern "C" {
#endif

typedef enum nd_fft_norm {
    ND_FFT_BACKWARD = 0, /* forward unscaled, inverse scaled by 1/n (NumPy's default) */
    ND_FFT_ORTHO,        /* both scaled by 1/sqrt(n) */
    ND_FFT_FORWARD       /* forward scaled by 1/n, inverse unscaled */
} nd_fft_norm;

/* How hard FFTW looks for a fast plan. ESTIMATE plans instantly; MEASURE times
 * candidates (seconds for large sizes, once per geometry) and runs faster afterwards. */
typedef enum nd_fft_planner {
    ND_FFT_PLANNER_DEFAULT = 0, /* the process default (nd_fft_set_planner; ESTIMATE) */
    ND_FFT_ESTIMATE,
    ND_FFT_MEASURE,
    ND_FFT_PATIENT,
    ND_FFT_EXHAUSTIVE
} nd_fft_planner;

/* Lengths for the n-dimensional transforms: .s = ND_SIZES(64, 128). */
typedef struct nd_sizes {
    int n;
    ptrdiff_t v[ND_MAXDIMS];
} nd_sizes;
#define ND_SIZES(...) \
    ((const nd_sizes){ (int)(sizeof((ptrdiff_t[]){ __VA_ARGS__ }) / sizeof(ptrdiff_t)), { __VA_ARGS__ } })

/* Keyword arguments of every transform. Zero means the default.
 *   1-D (fft, ifft, rfft, irfft, hfft, ihfft):
 *     .n     length of the transformed axis (irfft/hfft: of the output; default 2*(m-1))
 *     .axis  k, an int (default: the last axis)
 *   n-D (fft2 ... irfftn):
 *     .s     lengths along .axes (irfftn: the output's; last default 2*(m-1))
 *     .axes  axes (default: the last len(s) axes, else all; fft2 family: the last two)
 *   .norm    ND_FFT_BACKWARD / ND_FFT_ORTHO / ND_FFT_FORWARD
 *   .planner planning effort for a geometry not seen before (a better plan found earlier
 *            is always reused)
 * Positional arguments after the array follow NumPy's fft(a, n, axis): nd_fft(x, 8, 0)
 * is n = 8 along axis 0.
 * Examples: nd_fft(x)   nd_fft(x, .n = 1024, .norm = ND_FFT_ORTHO)   nd_fft(x, .axis = 0)
 *           nd_rfftn(x, .axes = ND_AXES(0, 2), .s = ND_SIZES(64, 64))
 * Code that fills the struct itself starts from ND_FFT_DEFAULTS. */
typedef struct nd_fft_opts {
    const nd_array *a;
    ptrdiff_t n;
    int axis;            /* ND_AXIS_NONE (the default the macros fill in): the last axis */
    nd_sizes s;
    nd_axes axes;
    nd_fft_norm norm;
    nd_fft_planner planner;
} nd_fft_opts;
#define ND_FFT_DEFAULTS ((nd_fft_opts){ .a = NULL, .axis = ND_AXIS_NONE })
#define ND__FFT(fn, ...) fn(&(nd_fft_opts){ .axis = ND_AXIS_NONE, .a = __VA_ARGS__ })

ND_API nd_array *nd_fft_(const nd_fft_opts *o);   /* complex result */
ND_API nd_array *nd_ifft_(const nd_fft_opts *o);  /* complex result */
ND_API nd_array *nd_rfft_(const nd_fft_opts *o);  /* real input; n/2+1 complex outputs */
ND_API nd_array *nd_irfft_(const nd_fft_opts *o); /* inverse of rfft; real result */
ND_API nd_array *nd_hfft_(const nd_fft_opts *o);  /* Hermitian-symmetric input; real result */
ND_API nd_array *nd_ihfft_(const nd_fft_opts *o); /* real input; n/2+1 complex outputs */
ND_API nd_array *nd_fft2_(const nd_fft_opts *o);
ND_API nd_array *nd_ifft2_(const nd_fft_opts *o);
ND_API nd_array *nd_rfft2_(const nd_fft_opts *o);
ND_API nd_array *nd_irfft2_(const nd_fft_opts *o);
ND_API nd_array *nd_fftn_(const nd_fft_opts *o);
ND_API nd_array *nd_ifftn_(const nd_fft_opts *o);
ND_API nd_array *nd_rfftn_(const nd_fft_opts *o);
ND_API nd_array *nd_irfftn_(const nd_fft_opts *o);

#define nd_fft(...) ND__FFT(nd_fft_, __VA_ARGS__)
#define nd_ifft(...) ND__FFT(nd_ifft_, __VA_ARGS__)
#define nd_rfft(...) ND__FFT(nd_rfft_, __VA_ARGS__)
#define nd_irfft(...) ND__FFT(nd_irfft_, __VA_ARGS__)
#define nd_hfft(...) ND__FFT(nd_hfft_, __VA_ARGS__)
#define nd_ihfft(...) ND__FFT(nd_ihfft_, __VA_ARGS__)
#define nd_fft2(...) ND__FFT(nd_fft2_, __VA_ARGS__)
#define nd_ifft2(...) ND__FFT(nd_ifft2_, __VA_ARGS__)
#define nd_rfft2(...) ND__FFT(nd_rfft2_, __VA_ARGS__)
#define nd_irfft2(...) ND__FFT(nd_irfft2_, __VA_ARGS__)
#define nd_fftn(...) ND__FFT(nd_fftn_, __VA_ARGS__)
#define nd_ifftn(...) ND__FFT(nd_ifftn_, __VA_ARGS__)
#define nd_rfftn(...) ND__FFT(nd_rfftn_, __VA_ARGS__)
#define nd_irfftn(...) ND__FFT(nd_irfftn_, __VA_ARGS__)

/* ---- helpers ------------------------------------------------------------------------------ */
/* numpy.fft.fftfreq(n, d) / rfftfreq(n, d): float64 sample frequencies; d == 0 means 1. */
ND_API nd_array *nd_fftfreq(ptrdiff_t n, double d);
ND_API nd_array *nd_rfftfreq(ptrdiff_t n, double d);
/* NumPy's default d = 1.0: nd_fftfreq(8), nd_rfftfreq(8), nd_fftfreq(8, 0.1). */
#define nd_fftfreq(...) ND__OVERLOAD(nd_fftfreq, __VA_ARGS__)
#define nd_fftfreq_with_1_args(n) (nd_fftfreq)(nd_requires_a_size_argument(n), 1.0)
#define nd_fftfreq_with_2_args(n, d) (nd_fftfreq)((n), (d))
#define nd_rfftfreq(...) ND__OVERLOAD(nd_rfftfreq, __VA_ARGS__)
#define nd_rfftfreq_with_1_args(n) (nd_rfftfreq)(nd_requires_a_size_argument(n), 1.0)
#define nd_rfftfreq_with_2_args(n, d) (nd_rfftfreq)((n), (d))
/* numpy.fft.fftshift / ifftshift over `axes` (n == 0: all axes). New arrays. */
ND_API nd_array *nd_fftshift(const nd_array *x, nd_axes axes);
ND_API nd_array *nd_ifftshift(const nd_array *x, nd_axes axes);

/* ---- plans, wisdom, threads ------------------------------------------------------------------ */
/* Default planning effort for geometries not planned yet (ND_FFT_PLANNER_DEFAULT resets it
 * to ESTIMATE). */
ND_API void nd_fft_set_planner(nd_fft_planner p);
/* Threads FFTW may use for plans made from now on (1 = single-threaded, the default).
 * ND_EVALUE when n < 1, or n > 1 and numc was built without FFTW's thread library. */
ND_API nd_status nd_fft_set_threads(int n);
/* Save / load FFTW wisdom (double and single precision) to / from a file, so MEASURE
 * plans are instant in a later process. ND_EIO on file errors, ND_EPARSE on bad content. */
ND_API nd_status nd_fft_wisdom_save(const char *path);
ND_API nd_status nd_fft_wisdom_load(const char *path);
/* Drop every cached plan not in use right now (does not forget wisdom). */
ND_API void nd_fft_cache_clear(void);
/* Number of plans in the cache. */
ND_API size_t nd_fft_cache_size(void);

#ifdef __cplusplus
}
#endif
#endif
