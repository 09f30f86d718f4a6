/* <lapacke.h> with the LAPACKE_*_work functions numc calls redirected to the library
 * lazylib.c loads on first use (lazylib.h). Include this instead of <lapacke.h>; call
 * nd__need_lapack(who) before the first call on a path. */
#ifndef NUMC_LAZY_LAPACKE_H
#define NUMC_LAZY_LAPACKE_H

#include "lazylib.h"

#include <lapacke.h>

#define ND__LAPACKE_SYMS(X) \
    X(LAPACKE_sgetrf_work) X(LAPACKE_dgetrf_work) X(LAPACKE_cgetrf_work) \
    X(LAPACKE_zgetrf_work) X(LAPACKE_sgesv_work) X(LAPACKE_dgesv_work) X(LAPACKE_cgesv_work) \
    X(LAPACKE_zgesv_work) X(LAPACKE_spotrf_work) X(LAPACKE_dpotrf_work) X(LAPACKE_cpotrf_work) \
    X(LAPACKE_zpotrf_work) X(LAPACKE_sgeqrf_work) X(LAPACKE_dgeqrf_work) \
    X(LAPACKE_cgeqrf_work) X(LAPACKE_zgeqrf_work) X(LAPACKE_sorgqr_work) \
    X(LAPACKE_dorgqr_work) X(LAPACKE_cungqr_work) X(LAPACKE_zungqr_work) \
    X(LAPACKE_sgesdd_work) X(LAPACKE_dgesdd_work) X(LAPACKE_cgesdd_work) \
    X(LAPACKE_zgesdd_work) X(LAPACKE_sgeev_work) X(LAPACKE_dgeev_work) X(LAPACKE_cgeev_work) \
    X(LAPACKE_zgeev_work) X(LAPACKE_ssyevd_work) X(LAPACKE_dsyevd_work) X(LAPACKE_cheevd_work) \
    X(LAPACKE_zheevd_work) X(LAPACKE_sgelsd_work) X(LAPACKE_dgelsd_work) \
    X(LAPACKE_cgelsd_work) X(LAPACKE_zgelsd_work)

struct nd__lapacke_api {
#define ND__MEMBER(f) __typeof__(f) *f;
    ND__LAPACKE_SYMS(ND__MEMBER)
#undef ND__MEMBER
};
ND_INTERNAL const struct nd__lapacke_api *nd__lapacke_api(void);

#ifndef NUMC_LAZYLIB_IMPL
#define LAPACKE_sgetrf_work (*nd__lapacke_api()->LAPACKE_sgetrf_work)
#define LAPACKE_dgetrf_work (*nd__lapacke_api()->LAPACKE_dgetrf_work)
#define LAPACKE_cgetrf_work (*nd__lapacke_api()->LAPACKE_cgetrf_work)
#define LAPACKE_zgetrf_work (*nd__lapacke_api()->LAPACKE_zgetrf_work)
#define LAPACKE_sgesv_work (*nd__lapacke_api()->LAPACKE_sgesv_work)
#define LAPACKE_dgesv_work (*nd__lapacke_api()->LAPACKE_dgesv_work)
#define LAPACKE_cgesv_work (*nd__lapacke_api()->LAPACKE_cgesv_work)
#define LAPACKE_zgesv_work (*nd__lapacke_api()->LAPACKE_zgesv_work)
#define LAPACKE_spotrf_work (*nd__lapacke_api()->LAPACKE_spotrf_work)
#define LAPACKE_dpotrf_work (*nd__lapacke_api()->LAPACKE_dpotrf_work)
#define LAPACKE_cpotrf_work (*nd__lapacke_api()->LAPACKE_cpotrf_work)
#define LAPACKE_zpotrf_work (*nd__lapacke_api()->LAPACKE_zpotrf_work)
#define LAPACKE_sgeqrf_work (*nd__lapacke_api()->LAPACKE_sgeqrf_work)
#define LAPACKE_dgeqrf_work (*nd__lapacke_api()->LAPACKE_dgeqrf_work)
#define LAPACKE_cgeqrf_work (*nd__lapacke_api()->LAPACKE_cgeqrf_work)
#define LAPACKE_zgeqrf_work (*nd__lapacke_api()->LAPACKE_zgeqrf_work)
#define LAPACKE_sorgqr_work (*nd__lapacke_api()->LAPACKE_sorgqr_work)
#define LAPACKE_dorgqr_work (*nd__lapacke_api()->LAPACKE_dorgqr_work)
#define LAPACKE_cungqr_work (*nd__lapacke_api()->LAPACKE_cungqr_work)
#define LAPACKE_zungqr_work (*nd__lapacke_api()->LAPACKE_zungqr_work)
#define LAPACKE_sgesdd_work (*nd__lapacke_api()->LAPACKE_sgesdd_work)
#define LAPACKE_dgesdd_work (*nd__lapacke_api()->LAPACKE_dgesdd_work)
#define LAPACKE_cgesdd_work (*nd__lapacke_api()->LAPACKE_cgesdd_work)
#define LAPACKE_zgesdd_work (*nd__lapacke_api()->LAPACKE_zgesdd_work)
#define LAPACKE_sgeev_work (*nd__lapacke_api()->LAPACKE_sgeev_work)
#define LAPACKE_dgeev_work (*nd__lapacke_api()->LAPACKE_dgeev_work)
#define LAPACKE_cgeev_work (*nd__lapacke_api()->LAPACKE_cgeev_work)
#define LAPACKE_zgeev_work (*nd__lapacke_api()->LAPACKE_zgeev_work)
#define LAPACKE_ssyevd_work (*nd__lapacke_api()->LAPACKE_ssyevd_work)
#define LAPACKE_dsyevd_work (*nd__lapacke_api()->LAPACKE_dsyevd_work)
#define LAPACKE_cheevd_work (*nd__lapacke_api()->LAPACKE_cheevd_work)
#define LAPACKE_zheevd_work (*nd__lapacke_api()->LAPACKE_zheevd_work)
#define LAPACKE_sgelsd_work (*nd__lapacke_api()->LAPACKE_sgelsd_work)
#define LAPACKE_dgelsd_work (*nd__lapacke_api()->LAPACKE_dgelsd_work)
#define LAPACKE_cgelsd_work (*nd__lapacke_api()->LAPACKE_cgelsd_work)
#define LAPACKE_zgelsd_work (*nd__lapacke_api()->LAPACKE_zgelsd_work)
#endif

#endif
