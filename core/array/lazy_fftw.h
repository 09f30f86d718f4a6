/* <fftw3.h> with the fftw_* / fftwf_* functions numc calls redirected to the libraries
 * lazylib.c loads on first use (lazylib.h). Include this instead of <fftw3.h>; call
 * nd__need_fftw(who) before the first call on a path. The thread functions exist only
 * when numc was built with FFTW's thread libraries (NUMC_HAVE_FFTW_THREADS). */
#ifndef NUMC_LAZY_FFTW_H
#define NUMC_LAZY_FFTW_H

#include "lazylib.h"

#include <fftw3.h>

#define ND__FFTW_SYMS(X) \
    X(fftw_alignment_of) X(fftw_destroy_plan) X(fftw_execute_dft) X(fftw_execute_dft_c2r) \
    X(fftw_execute_dft_r2c) X(fftw_export_wisdom_to_string) X(fftw_import_wisdom_from_string) \
    X(fftw_plan_guru64_dft) X(fftw_plan_guru64_dft_c2r) X(fftw_plan_guru64_dft_r2c)
#define ND__FFTWF_SYMS(X) \
    X(fftwf_alignment_of) X(fftwf_destroy_plan) X(fftwf_execute_dft) X(fftwf_execute_dft_c2r) \
    X(fftwf_execute_dft_r2c) X(fftwf_export_wisdom_to_string) \
    X(fftwf_import_wisdom_from_string) X(fftwf_plan_guru64_dft) X(fftwf_plan_guru64_dft_c2r) \
    X(fftwf_plan_guru64_dft_r2c)
#define ND__FFTW_THREADS_SYMS(X) \
    X(fftw_init_threads) X(fftw_plan_with_nthreads)
#define ND__FFTWF_THREADS_SYMS(X) \
    X(fftwf_init_threads) X(fftwf_plan_with_nthreads)

struct nd__fftw_api {
#define ND__MEMBER(f) __typeof__(f) *f;
    ND__FFTW_SYMS(ND__MEMBER)
    ND__FFTWF_SYMS(ND__MEMBER)
#ifdef NUMC_HAVE_FFTW_THREADS
    ND__FFTW_THREADS_SYMS(ND__MEMBER)
    ND__FFTWF_THREADS_SYMS(ND__MEMBER)
#endif
#undef ND__MEMBER
};
ND_INTERNAL const struct nd__fftw_api *nd__fftw_api(void);

#ifndef NUMC_LAZYLIB_IMPL
#define fftw_alignment_of (*nd__fftw_api()->fftw_alignment_of)
#define fftw_destroy_plan (*nd__fftw_api()->fftw_destroy_plan)
#define fftw_execute_dft (*nd__fftw_api()->fftw_execute_dft)
#define fftw_execute_dft_c2r (*nd__fftw_api()->fftw_execute_dft_c2r)
#define fftw_execute_dft_r2c (*nd__fftw_api()->fftw_execute_dft_r2c)
#define fftw_export_wisdom_to_string (*nd__fftw_api()->fftw_export_wisdom_to_string)
#define fftw_import_wisdom_from_string (*nd__fftw_api()->fftw_import_wisdom_from_string)
#define fftw_plan_guru64_dft (*nd__fftw_api()->fftw_plan_guru64_dft)
#define fftw_plan_guru64_dft_c2r (*nd__fftw_api()->fftw_plan_guru64_dft_c2r)
#define fftw_plan_guru64_dft_r2c (*nd__fftw_api()->fftw_plan_guru64_dft_r2c)
#define fftwf_alignment_of (*nd__fftw_api()->fftwf_alignment_of)
#define fftwf_destroy_plan (*nd__fftw_api()->fftwf_destroy_plan)
#define fftwf_execute_dft (*nd__fftw_api()->fftwf_execute_dft)
#define fftwf_execute_dft_c2r (*nd__fftw_api()->fftwf_execute_dft_c2r)
#define fftwf_execute_dft_r2c (*nd__fftw_api()->fftwf_execute_dft_r2c)
#define fftwf_export_wisdom_to_string (*nd__fftw_api()->fftwf_export_wisdom_to_string)
#define fftwf_import_wisdom_from_string (*nd__fftw_api()->fftwf_import_wisdom_from_string)
#define fftwf_plan_guru64_dft (*nd__fftw_api()->fftwf_plan_guru64_dft)
#define fftwf_plan_guru64_dft_c2r (*nd__fftw_api()->fftwf_plan_guru64_dft_c2r)
#define fftwf_plan_guru64_dft_r2c (*nd__fftw_api()->fftwf_plan_guru64_dft_r2c)
#ifdef NUMC_HAVE_FFTW_THREADS
#define fftw_init_threads (*nd__fftw_api()->fftw_init_threads)
#define fftw_plan_with_nthreads (*nd__fftw_api()->fftw_plan_with_nthreads)
#define fftwf_init_threads (*nd__fftw_api()->fftwf_init_threads)
#define fftwf_plan_with_nthreads (*nd__fftw_api()->fftwf_plan_with_nthreads)
#endif
#endif

#endif
