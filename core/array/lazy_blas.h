/* <cblas.h> with the cblas_* functions numc calls redirected to the library lazylib.c
 * loads on first use (lazylib.h). Include this instead of <cblas.h>; call
 * nd__need_blas(who) before the first call on a path. */
#ifndef NUMC_LAZY_BLAS_H
#define NUMC_LAZY_BLAS_H

#include "lazylib.h"

#include <cblas.h>

#define ND__BLAS_SYMS(X) \
    X(cblas_sdot) X(cblas_ddot) X(cblas_cdotu_sub) X(cblas_zdotu_sub) X(cblas_cdotc_sub) \
    X(cblas_zdotc_sub) X(cblas_sgemv) X(cblas_dgemv) X(cblas_cgemv) X(cblas_zgemv) \
    X(cblas_sgemm) X(cblas_dgemm) X(cblas_cgemm) X(cblas_zgemm) X(cblas_dsyrk)

/* One pointer per function, with the header's own prototype. */
struct nd__blas_api {
#define ND__MEMBER(f) __typeof__(f) *f;
    ND__BLAS_SYMS(ND__MEMBER)
#undef ND__MEMBER
};
/* The loaded table (loading BLAS if needed; aborts if it cannot: see lazylib.h). */
ND_INTERNAL const struct nd__blas_api *nd__blas_api(void);

#ifndef NUMC_LAZYLIB_IMPL
#define cblas_sdot (*nd__blas_api()->cblas_sdot)
#define cblas_ddot (*nd__blas_api()->cblas_ddot)
#define cblas_cdotu_sub (*nd__blas_api()->cblas_cdotu_sub)
#define cblas_zdotu_sub (*nd__blas_api()->cblas_zdotu_sub)
#define cblas_cdotc_sub (*nd__blas_api()->cblas_cdotc_sub)
#define cblas_zdotc_sub (*nd__blas_api()->cblas_zdotc_sub)
#define cblas_sgemv (*nd__blas_api()->cblas_sgemv)
#define cblas_dgemv (*nd__blas_api()->cblas_dgemv)
#define cblas_cgemv (*nd__blas_api()->cblas_cgemv)
#define cblas_zgemv (*nd__blas_api()->cblas_zgemv)
#define cblas_sgemm (*nd__blas_api()->cblas_sgemm)
#define cblas_dgemm (*nd__blas_api()->cblas_dgemm)
#define cblas_cgemm (*nd__blas_api()->cblas_cgemm)
#define cblas_zgemm (*nd__blas_api()->cblas_zgemm)
#define cblas_dsyrk (*nd__blas_api()->cblas_dsyrk)
#endif

#endif
