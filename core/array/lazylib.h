/* BLAS, LAPACKE and FFTW loaded on first use.
 *
 * libnumc does not link OpenBLAS, LAPACKE or FFTW: loading them (and libgfortran behind
 * LAPACK) cost every process ~12 ms before main, numc.pyplot scripts and programs that
 * never call linalg or FFT included. lazylib.c opens each library with dlopen (the soname
 * CMake found, cmake/NumcDeps.cmake) the first time numc needs it and resolves the symbols
 * numc calls into a table of function pointers; lazy_blas.h, lazy_lapacke.h and
 * lazy_fftw.h include the real header and redirect each of those functions to its table
 * entry, so call sites keep the library's own names and prototypes.
 *
 * Every path that reaches BLAS / LAPACK / FFTW first calls nd__need_*(who): it loads the
 * libraries (once per process, thread-safe) and on failure sets ND_EIO "who: cannot load
 * libopenblas.so.0: <dlerror>" and returns it. A redirected call made without that check
 * still loads the library; if the load fails there it is a numc bug and the process
 * aborts with the same message. */
#ifndef NUMC_LAZYLIB_H
#define NUMC_LAZYLIB_H

#include "internal.h"

/* The libraries, in load order within a group. */
typedef enum nd_lazy_lib {
    ND_LAZY_BLAS,           /* cblas_* (OpenBLAS) */
    ND_LAZY_LAPACKE,        /* LAPACKE_*_work */
    ND_LAZY_FFTW,           /* fftw_* */
    ND_LAZY_FFTWF,          /* fftwf_* */
    ND_LAZY_FFTW_THREADS,   /* fftw_init_threads, fftw_plan_with_nthreads */
    ND_LAZY_FFTWF_THREADS,  /* the same for single precision */
    ND_LAZY_NLIBS
} nd_lazy_lib;

/* Loads BLAS; ND_OK, or ND_EIO naming `who` when it cannot be loaded. */
ND_INTERNAL ND_WARN_UNUSED nd_status nd__need_blas(const char *who);
/* Loads BLAS and LAPACKE (LAPACK routines call BLAS, and so do numc's LAPACK paths). */
ND_INTERNAL ND_WARN_UNUSED nd_status nd__need_lapack(const char *who);
/* Loads FFTW in both precisions (and its thread libraries when numc was built with them). */
ND_INTERNAL ND_WARN_UNUSED nd_status nd__need_fftw(const char *who);

/* The soname lazylib.c opens for `lib` (CMake's by default). */
ND_INTERNAL const char *nd__lazy_soname(nd_lazy_lib lib);
/* For tests: open `soname` instead of the default for `lib`. Only before the library's
 * group was first needed; no effect afterwards. */
ND_INTERNAL void nd__lazy_set_soname(nd_lazy_lib lib, const char *soname);

#endif
