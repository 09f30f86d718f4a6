/* Typed wrappers over LAPACKE's *_work routines (column-major, no hidden allocation, no
 * NaN scans): one switch per routine maps a numc dtype to s/d/c/z. */
#include "la_internal.h"

#include <float.h>
#include "lazy_lapacke.h"
#include <math.h>
#include <stdarg.h>
#include <stdio.h>

#define CM LAPACK_COL_MAJOR
#define S(p) ((float *)(p))
#define D(p) ((double *)(p))
#define C(p) ((lapack_complex_float *)(p))
#define Z(p) ((lapack_complex_double *)(p))

int la_getrf(nd_dtype t, int m, int n, void *a, int lda, int *ipiv)
{
    switch (t) {
    case ND_FLOAT32: return LAPACKE_sgetrf_work(CM, m, n, S(a), lda, ipiv);
    case ND_FLOAT64: return LAPACKE_dgetrf_work(CM, m, n, D(a), lda, ipiv);
    case ND_COMPLEX64: return LAPACKE_cgetrf_work(CM, m, n, C(a), lda, ipiv);
    default: return LAPACKE_zgetrf_work(CM, m, n, Z(a), lda, ipiv);
    }
}

int la_gesv(nd_dtype t, int n, int nrhs, void *a, int lda, int *ipiv, void *b, int ldb)
{
    switch (t) {
    case ND_FLOAT32: return LAPACKE_sgesv_work(CM, n, nrhs, S(a), lda, ipiv, S(b), ldb);
    case ND_FLOAT64: return LAPACKE_dgesv_work(CM, n, nrhs, D(a), lda, ipiv, D(b), ldb);
    case ND_COMPLEX64: return LAPACKE_cgesv_work(CM, n, nrhs, C(a), lda, ipiv, C(b), ldb);
    default: return LAPACKE_zgesv_work(CM, n, nrhs, Z(a), lda, ipiv, Z(b), ldb);
    }
}

int la_potrf(nd_dtype t, char uplo, int n, void *a, int lda)
{
    switch (t) {
    case ND_FLOAT32: return LAPACKE_spotrf_work(CM, uplo, n, S(a), lda);
    case ND_FLOAT64: return LAPACKE_dpotrf_work(CM, uplo, n, D(a), lda);
    case ND_COMPLEX64: return LAPACKE_cpotrf_work(CM, uplo, n, C(a), lda);
    default: return LAPACKE_zpotrf_work(CM, uplo, n, Z(a), lda);
    }
}

int la_geqrf(nd_dtype t, int m, int n, void *a, int lda, void *tau, void *work, int lwork)
{
    switch (t) {
    case ND_FLOAT32: return LAPACKE_sgeqrf_work(CM, m, n, S(a), lda, S(tau), S(work), lwork);
    case ND_FLOAT64: return LAPACKE_dgeqrf_work(CM, m, n, D(a), lda, D(tau), D(work), lwork);
    case ND_COMPLEX64: return LAPACKE_cgeqrf_work(CM, m, n, C(a), lda, C(tau), C(work), lwork);
    default: return LAPACKE_zgeqrf_work(CM, m, n, Z(a), lda, Z(tau), Z(work), lwork);
    }
}

int la_orgqr(nd_dtype t, int m, int n, int k, void *a, int lda, const void *tau, void *work,
             int lwork)
{
    switch (t) {
    case ND_FLOAT32:
        return LAPACKE_sorgqr_work(CM, m, n, k, S(a), lda, (const float *)tau, S(work), lwork);
    case ND_FLOAT64:
        return LAPACKE_dorgqr_work(CM, m, n, k, D(a), lda, (const double *)tau, D(work), lwork);
    case ND_COMPLEX64:
        return LAPACKE_cungqr_work(CM, m, n, k, C(a), lda, (const lapack_complex_float *)tau,
                                   C(work), lwork);
    default:
        return LAPACKE_zungqr_work(CM, m, n, k, Z(a), lda, (const lapack_complex_double *)tau,
                                   Z(work), lwork);
    }
}

int la_gesdd(nd_dtype t, char jobz, int m, int n, void *a, int lda, void *s, void *u, int ldu,
             void *vt, int ldvt, void *work, int lwork, void *rwork, int *iwork)
{
    switch (t) {
    case ND_FLOAT32:
        return LAPACKE_sgesdd_work(CM, jobz, m, n, S(a), lda, S(s), S(u), ldu, S(vt), ldvt,
                                   S(work), lwork, iwork);
    case ND_FLOAT64:
        return LAPACKE_dgesdd_work(CM, jobz, m, n, D(a), lda, D(s), D(u), ldu, D(vt), ldvt,
                                   D(work), lwork, iwork);
    case ND_COMPLEX64:
        return LAPACKE_cgesdd_work(CM, jobz, m, n, C(a), lda, S(s), C(u), ldu, C(vt), ldvt,
                                   C(work), lwork, S(rwork), iwork);
    default:
        return LAPACKE_zgesdd_work(CM, jobz, m, n, Z(a), lda, D(s), Z(u), ldu, Z(vt), ldvt,
                                   Z(work), lwork, D(rwork), iwork);
    }
}

int la_geev(nd_dtype t, char jobvr, int n, void *a, int lda, void *w, void *wi, void *vr, int ldvr,
            void *work, int lwork, void *rwork)
{
    switch (t) {
    case ND_FLOAT32:
        return LAPACKE_sgeev_work(CM, 'N', jobvr, n, S(a), lda, S(w), S(wi), NULL, 1, S(vr), ldvr,
                                  S(work), lwork);
    case ND_FLOAT64:
        return LAPACKE_dgeev_work(CM, 'N', jobvr, n, D(a), lda, D(w), D(wi), NULL, 1, D(vr), ldvr,
                                  D(work), lwork);
    case ND_COMPLEX64:
        return LAPACKE_cgeev_work(CM, 'N', jobvr, n, C(a), lda, C(w), NULL, 1, C(vr), ldvr,
                                  C(work), lwork, S(rwork));
    default:
        return LAPACKE_zgeev_work(CM, 'N', jobvr, n, Z(a), lda, Z(w), NULL, 1, Z(vr), ldvr,
                                  Z(work), lwork, D(rwork));
    }
}

int la_syevd(nd_dtype t, char jobz, char uplo, int n, void *a, int lda, void *w, void *work,
             int lwork, void *rwork, int lrwork, int *iwork, int liwork)
{
    switch (t) {
    case ND_FLOAT32:
        return LAPACKE_ssyevd_work(CM, jobz, uplo, n, S(a), lda, S(w), S(work), lwork, iwork,
                                   liwork);
    case ND_FLOAT64:
        return LAPACKE_dsyevd_work(CM, jobz, uplo, n, D(a), lda, D(w), D(work), lwork, iwork,
                                   liwork);
    case ND_COMPLEX64:
        return LAPACKE_cheevd_work(CM, jobz, uplo, n, C(a), lda, S(w), C(work), lwork, S(rwork),
                                   lrwork, iwork, liwork);
    default:
        return LAPACKE_zheevd_work(CM, jobz, uplo, n, Z(a), lda, D(w), Z(work), lwork, D(rwork),
                                   lrwork, iwork, liwork);
    }
}

int la_gelsd(nd_dtype t, int m, int n, int nrhs, void *a, int lda, void *b, int ldb, void *s,
             double rcond, int *rank, void *work, int lwork, void *rwork, int *iwork)
{
    switch (t) {
    case ND_FLOAT32:
        return LAPACKE_sgelsd_work(CM, m, n, nrhs, S(a), lda, S(b), ldb, S(s), (float)rcond, rank,
                                   S(work), lwork, iwork);
    case ND_FLOAT64:
        return LAPACKE_dgelsd_work(CM, m, n, nrhs, D(a), lda, D(b), ldb, D(s), rcond, rank,
                                   D(work), lwork, iwork);
    case ND_COMPLEX64:
        return LAPACKE_cgelsd_work(CM, m, n, nrhs, C(a), lda, C(b), ldb, S(s), (float)rcond,
                                   rank, C(work), lwork, S(rwork), iwork);
    default:
        return LAPACKE_zgelsd_work(CM, m, n, nrhs, Z(a), lda, Z(b), ldb, D(s), rcond, rank,
                                   Z(work), lwork, D(rwork), iwork);
    }
}

int la_lwork(nd_dtype t, const void *work)
{
    /* A float32 query result can be just below the true size (24-bit mantissa): round up,
     * as LAPACK's own callers do with sroundup_lwork. */
    double v = (t == ND_FLOAT32 || t == ND_COMPLEX64) ? (double)*(const float *)work * (1.0 + FLT_EPSILON)
                                                    : *(const double *)work;
    v = ceil(v);
    if (v < 1) v = 1;
    if (v > 2147483647.0) v = 2147483647.0;
    return (int)v;
}

nd_status la_info_error(const char *who, const char *routine, int info)
{
    return nd_set_error(ND_ELINALG, "%s: LAPACK %s rejected argument %d (internal error)", who,
                     routine, -info);
}

nd_status la_info_status(int info, const char *who, const char *routine, const char *fmt, ...)
{
    if (info == 0) return ND_OK;
    if (info < 0) return la_info_error(who, routine, info);
    char msg[256];
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(msg, sizeof msg, fmt, ap);
    va_end(ap);
    return nd_set_error(ND_ELINALG, "%s: %s", who, msg);
}

nd_status la_work_alloc(la_work *w, nd_dtype t, bool queried, const char *who)
{
    nd_dtype rt = la_rtype(t);
    w->lwork = queried ? la_lwork(t, w->qw) : 1;
    w->lrwork = queried && nd_dtype_is_complex(t) ? la_lwork(rt, w->qr) : 1;
    w->liwork = queried && w->qi > 1 ? w->qi : 1;
    w->work = la_malloc(nd_dtype_size(t) * (size_t)w->lwork, who);
    w->rwork = la_malloc(nd_dtype_size(rt) * (size_t)w->lrwork, who);
    w->iwork = la_malloc(sizeof(int) * (size_t)w->liwork, who);
    return w->work && w->rwork && w->iwork ? ND_OK : ND_ENOMEM;
}

void la_work_free(la_work *w)
{
    nd_free_mem(w->work);
    nd_free_mem(w->rwork);
    nd_free_mem(w->iwork);
    w->work = w->rwork = NULL;
    w->iwork = NULL;
}
