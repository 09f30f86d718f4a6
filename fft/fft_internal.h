/* Internal interface between the FFT drivers (fft.c) and the plan cache (fft_plan.c). */
#ifndef NUMC_FFT_INTERNAL_H
#define NUMC_FFT_INTERNAL_H

#include "internal.h"

#include <numc/fft.h>

/* FFTW's sign convention: exp(-2 pi i jk/n) forward, exp(+2 pi i jk/n) inverse. */
#define FFT_SIGN_FORWARD (-1)
#define FFT_SIGN_INVERSE (+1)

typedef enum fft_kind { FFT_C2C = 0, FFT_R2C, FFT_C2R } fft_kind;

/* One dimension of a transform: logical length and strides in elements (of the input's
 * and the output's own element types). */
typedef struct fft_dim {
    ptrdiff_t n, is, os;
} fft_dim;

/* Everything that makes two transforms share a plan. Compared with memcmp, so always
 * built from a zeroed struct. */
typedef struct fft_key {
    int kind, single, sign, inplace, align_in, align_out, nthreads, rank, howmany;
    fft_dim dims[ND_MAXDIMS];
    fft_dim hdims[ND_MAXDIMS];
} fft_key;

typedef struct fft_plan fft_plan;

/* A cached plan for `key` of at least `rigor`, planned on in/out (ESTIMATE) or on scratch
 * arrays of the same alignment (MEASURE and up). Holds a use count until fft_release.
 * Loads FFTW first (nd__need_fftw). Sets the error (naming `who`) and returns NULL if FFTW
 * cannot be loaded or cannot plan it. The key's alignment fields are filled in from
 * in/out. */
ND_INTERNAL ND_WARN_UNUSED
fft_plan *fft_acquire(fft_key *key, void *in, void *out, nd_fft_planner rigor, const char *who);
/* Run the plan on in/out (same geometry and alignment as planned; no lock taken). */
ND_INTERNAL void fft_execute(const fft_plan *p, void *in, void *out);
ND_INTERNAL void fft_release(fft_plan *p);
/* The planner effort a request resolves to (ND_FFT_PLANNER_DEFAULT → the process default). */
ND_INTERNAL nd_fft_planner fft_effective_rigor(nd_fft_planner r);

/* ---- fft_pass.c ---- */
/* A key for a transform over `naxes` axes of arrays with logical shape lshape (the
 * transformed axes' logical lengths, the other axes' common extents): istr/ostr are byte
 * strides, iesz/oesz the element sizes FFTW counts in; the rest become vector dims. */
ND_INTERNAL
void fft_make_key(fft_key *k, fft_kind kind, bool single, int sign, int ndim, const ptrdiff_t *lshape,
                  const ptrdiff_t *istr, ptrdiff_t iesz, const ptrdiff_t *ostr, ptrdiff_t oesz, int naxes,
                  const int *axes);
/* Acquire, execute and release the plan for k. */
ND_INTERNAL ND_WARN_UNUSED
nd_status fft_run(fft_key *k, void *in, void *out, nd_fft_planner rigor, const char *who);
/* Whether a transform touching `bytes` of data should run as per-axis passes. */
ND_INTERNAL bool fft_use_passes(nd_fft_planner rigor, size_t bytes);
/* One 1-D transform along `axis` from src to dst (may be the same array), cache-blocked
 * when the axis is strided and the data large. */
ND_INTERNAL ND_WARN_UNUSED
nd_status fft_axis(fft_kind kind, bool single, int sign, int ndim, const ptrdiff_t *lshape, int axis,
                   char *src, const ptrdiff_t *sstr, char *dst, const ptrdiff_t *dstr,
                   nd_fft_planner rigor, const char *who);

#endif
