/* qr (geqrf + orgqr/ungqr), svd (gesdd), eig (geev), eigh (syevd/heevd) on stacks. The
 * drivers are NumPy's, so results agree with it to rounding. */
#include "la_internal.h"

#include <complex.h>
#include <math.h>
#include <string.h>

/* ---- qr --------------------------------------------------------------------------------- */

nd_status nd_qr(const nd_array *a, nd_qr_mode mode, nd_array **q, nd_array **r)
{
    const char *who = "nd_qr";
    if (q) *q = NULL;
    if (!r || (!q && mode != ND_QR_R)) return nd_set_error(ND_EVALUE, "%s: output pointer is NULL", who);
    *r = NULL;
    if (mode < ND_QR_REDUCED || mode > ND_QR_R)
        return nd_set_error(ND_EVALUE, "%s: unrecognized mode %d", who, (int)mode);
    la_stack st;
    if (la_matrix_stack(&st, a, false, who) < 0) return nd_last_error();
    ptrdiff_t m = ROWS(a), n = COLS(a), k = MIN(m, n);
    bool complete = mode == ND_QR_COMPLETE;
    ptrdiff_t rrows = complete ? m : k, qcols = complete ? m : k, acols = MAX(n, qcols), ld = MAX(m, 1);
    nd_dtype t = la_ftype(a->dtype);
    size_t isz = nd_dtype_size(t);
    nd_status s = ND_ENOMEM;
    nd_array *Q = NULL, *R = la_alloc(&st, 2, (const ptrdiff_t[]){ rrows, n }, t, who);
    if (mode != ND_QR_R) Q = la_alloc(&st, 2, (const ptrdiff_t[]){ m, qcols }, t, who);
    char *A = la_malloc(isz * (size_t)(ld * MAX(acols, 1)), who);
    void *tau = la_malloc(isz * (size_t)MAX(k, 1), who), *work = NULL;
    if (!R || (mode != ND_QR_R && !Q) || !A || !tau) goto fail;
    double qw[4] = { 0 }, qo[4] = { 0 };
    int lwork = 1;
    if (k > 0 && la_geqrf(t, (int)m, (int)n, A, (int)ld, tau, qw, -1) == 0) lwork = la_lwork(t, qw);
    if (Q && m > 0 && la_orgqr(t, (int)m, (int)qcols, (int)k, A, (int)ld, tau, qo, -1) == 0)
        lwork = MAX(lwork, la_lwork(t, qo));
    if (!(work = la_malloc(isz * (size_t)lwork, who))) goto fail;
    for (ptrdiff_t i = 0; i < st.count; i++) {
        la_load(A, t, ld, la_item(a, 2, &st, i), a->dtype, RS(a), CS(a), m, n);
        int info = k > 0 ? la_geqrf(t, (int)m, (int)n, A, (int)ld, tau, work, lwork) : 0;
        if (info < 0) {
            s = la_info_error(who, "geqrf", info);
            goto fail;
        }
        /* R: the upper triangle of the factored rows (rows past k are zero). */
        char *pr = la_item(R, 2, &st, i);
        la_store(pr, t, RS(R), CS(R), A, t, ld, MIN(rrows, m), n);
        for (ptrdiff_t row = 0; row < rrows; row++)
            for (ptrdiff_t c = 0; c < MIN(row, n); c++)
                nd__scalar_store(pr + row * RS(R) + c * CS(R), t, ND_F64(0));
        if (!Q) continue;
        if (m == 0) continue;
        if (k == 0) la_identity(A, t, ld, m, qcols);
        else if ((info = la_orgqr(t, (int)m, (int)qcols, (int)k, A, (int)ld, tau, work, lwork)) < 0) {
            s = la_info_error(who, "orgqr", info);
            goto fail;
        }
        la_store(la_item(Q, 2, &st, i), t, RS(Q), CS(Q), A, t, ld, m, qcols);
    }
    nd_free_mem(A);
    nd_free_mem(tau);
    nd_free_mem(work);
    if (q) *q = Q;
    *r = R;
    return ND_OK;
fail:
    if (s == ND_ENOMEM && nd_last_error() < 0) s = nd_last_error();
    nd_free_mem(A);
    nd_free_mem(tau);
    nd_free_mem(work);
    nd_free(Q);
    nd_free(R);
    return s;
}

/* ---- svd ---------------------------------------------------------------------------------- */

static nd_status svd_impl(const nd_array *a, bool full, bool uv, nd_array **u, nd_array **s,
                          nd_array **vh, const char *who)
{
    la_stack st;
    if (la_matrix_stack(&st, a, false, who) < 0) return nd_last_error();
    ptrdiff_t m = ROWS(a), n = COLS(a), k = MIN(m, n);
    ptrdiff_t ucols = full ? m : k, vrows = full ? n : k;
    ptrdiff_t ldu = MAX(m, 1), ldvt = MAX(vrows, 1), lda = MAX(m, 1);
    char jobz = !uv ? 'N' : full ? 'A' : 'S';
    nd_dtype t = la_ftype(a->dtype), rt = la_rtype(t);
    size_t isz = nd_dtype_size(t), rsz = nd_dtype_size(rt);
    bool cplx = nd_dtype_is_complex(t);
    nd_status status = ND_ENOMEM;
    nd_array *U = NULL, *V = NULL, *S = la_alloc(&st, 1, &k, rt, who);
    if (uv) {
        U = la_alloc(&st, 2, (const ptrdiff_t[]){ m, ucols }, t, who);
        V = la_alloc(&st, 2, (const ptrdiff_t[]){ vrows, n }, t, who);
    }
    char *A = la_malloc(isz * (size_t)(lda * MAX(n, 1)), who);
    char *Ub = uv ? la_malloc(isz * (size_t)(ldu * MAX(ucols, 1)), who) : NULL;
    char *Vb = uv ? la_malloc(isz * (size_t)(ldvt * MAX(n, 1)), who) : NULL;
    char *Sb = la_malloc(rsz * (size_t)MAX(k, 1), who);
    int *iwork = la_malloc(sizeof(int) * (size_t)(8 * MAX(k, 1)), who);
    /* LAPACK's documented minimum real workspace of ?gesdd for complex matrices. */
    ptrdiff_t lrwork = !cplx ? 1 : jobz == 'N' ? 7 * MAX(k, 1)
                                    : MAX(k, 1) * MAX(5 * k + 7, 2 * MAX(m, n) + 2 * k + 1);
    void *rwork = cplx ? la_malloc(rsz * (size_t)lrwork, who) : NULL, *work = NULL;
    if (!S || (uv && (!U || !V || !Ub || !Vb)) || !A || !Sb || !iwork || (cplx && !rwork)) goto fail;
    double qw[4] = { 0 };
    int lwork = 1;
    if (k > 0 && la_gesdd(t, jobz, (int)m, (int)n, A, (int)lda, Sb, Ub, (int)ldu, Vb, (int)ldvt, qw,
                          -1, rwork, iwork) == 0)
        lwork = la_lwork(t, qw);
    if (!(work = la_malloc(isz * (size_t)lwork, who))) goto fail;
    for (ptrdiff_t i = 0; i < st.count; i++) {
        if (k == 0) {
            /* Nothing to factor: the singular vectors of an empty matrix are the identity. */
            if (uv) {
                la_identity(Ub, t, ldu, m, ucols);
                la_identity(Vb, t, ldvt, vrows, n);
            }
        } else {
            la_load(A, t, lda, la_item(a, 2, &st, i), a->dtype, RS(a), CS(a), m, n);
            int info = la_gesdd(t, jobz, (int)m, (int)n, A, (int)lda, Sb, Ub, (int)ldu, Vb,
                                (int)ldvt, work, lwork, rwork, iwork);
            if (la_info_status(info, who, "gesdd", "SVD did not converge") < 0) goto fail;
            memcpy(la_item(S, 1, &st, i), Sb, rsz * (size_t)k);
        }
        if (uv) {
            la_store(la_item(U, 2, &st, i), t, RS(U), CS(U), Ub, t, ldu, m, ucols);
            la_store(la_item(V, 2, &st, i), t, RS(V), CS(V), Vb, t, ldvt, vrows, n);
        }
    }
    status = ND_OK;
    if (u) *u = U;
    else nd_free(U);
    if (vh) *vh = V;
    else nd_free(V);
    *s = S;
    U = V = S = NULL;
fail:
    status = la_final_status(status);
    nd_free(U);
    nd_free(V);
    nd_free(S);
    nd_free_mem(A);
    nd_free_mem(Ub);
    nd_free_mem(Vb);
    nd_free_mem(Sb);
    nd_free_mem(iwork);
    nd_free_mem(rwork);
    nd_free_mem(work);
    return status;
}

nd_status nd_svd(const nd_array *a, bool full_matrices, nd_array **u, nd_array **s, nd_array **vh)
{
    if (u) *u = NULL;
    if (vh) *vh = NULL;
    if (!s) return nd_set_error(ND_EVALUE, "nd_svd: s is NULL");
    *s = NULL;
    return svd_impl(a, full_matrices, u || vh, u, s, vh, "nd_svd");
}

nd_array *la_svdvals(const nd_array *a, const char *who)
{
    nd_array *s = NULL;
    return svd_impl(a, false, false, NULL, &s, NULL, who) < 0 ? NULL : s;
}

/* ---- eig ------------------------------------------------------------------------------------ */

/* Hands the eigenvalues (and the eigenvectors when asked) to the caller and leaves the
 * locals NULL, so the common cleanup frees nothing of them. */
static nd_status give_wv(nd_array **W, nd_array **w, nd_array **V, nd_array **v)
{
    *w = *W;
    if (v) *v = *V;
    *W = *V = NULL;
    return ND_OK;
}

static nd_status eig_impl(const nd_array *a, nd_array **w, nd_array **v, const char *who)
{
    la_stack st;
    if (la_matrix_stack(&st, a, true, who) < 0) return nd_last_error();
    ptrdiff_t n = COLS(a), ld = MAX(n, 1);
    nd_dtype t = la_ftype(a->dtype), rt = la_rtype(t);
    nd_dtype ct = rt == ND_FLOAT32 ? ND_COMPLEX64 : ND_COMPLEX128;
    bool cplx = nd_dtype_is_complex(t), want_v = v != NULL, all_real = true;
    size_t isz = nd_dtype_size(t);
    nd_status status = ND_ENOMEM;
    nd_array *W = la_alloc(&st, 1, &n, ct, who), *V = NULL;
    if (want_v) V = la_alloc(&st, 2, (const ptrdiff_t[]){ n, n }, ct, who);
    char *A = la_malloc(isz * (size_t)(ld * ld), who);
    char *VR = want_v ? la_malloc(isz * (size_t)(ld * ld), who) : NULL;
    char *wr = la_malloc(isz * (size_t)ld, who), *wi = la_malloc(isz * (size_t)ld, who);
    void *rwork = cplx ? la_malloc(nd_dtype_size(rt) * (size_t)(2 * ld), who) : NULL, *work = NULL;
    la_c128 *tw = la_malloc(sizeof(la_c128) * (size_t)ld, who);
    la_c128 *tv = want_v ? la_malloc(sizeof(la_c128) * (size_t)(ld * ld), who) : NULL;
    if (!W || (want_v && (!V || !VR || !tv)) || !A || !wr || !wi || (cplx && !rwork) || !tw) goto fail;
    char jobvr = want_v ? 'V' : 'N';
    double qw[4] = { 0 };
    int lwork = 1;
    if (n > 0 && la_geev(t, jobvr, (int)n, A, (int)ld, wr, wi, VR, (int)ld, qw, -1, rwork) == 0)
        lwork = la_lwork(t, qw);
    if (!(work = la_malloc(isz * (size_t)lwork, who))) goto fail;
    for (ptrdiff_t i = 0; i < st.count && n > 0; i++) {
        la_load(A, t, ld, la_item(a, 2, &st, i), a->dtype, RS(a), CS(a), n, n);
        int info = la_geev(t, jobvr, (int)n, A, (int)ld, wr, wi, VR, (int)ld, work, lwork, rwork);
        if (la_info_status(info, who, "geev",
                           "eigenvalues did not converge (QR algorithm failed at %d)", info) < 0)
            goto fail;
        /* Everything to complex128 first: tw (eigenvalues), tv (row-major eigenvectors). */
        nd_cast_strided(tw, ND_COMPLEX128, 16, wr, t, (ptrdiff_t)isz, n);
        if (!cplx) {
            double *im = nd_malloc(sizeof(double) * (size_t)n, who);
            if (!im) goto fail;
            nd_cast_strided(im, ND_FLOAT64, 8, wi, t, (ptrdiff_t)isz, n);
            for (ptrdiff_t j = 0; j < n; j++) {
                tw[j] += im[j] * I;
                if (im[j] != 0) all_real = false;
            }
            if (want_v) {
                /* Real geev packs a conjugate pair (j, j+1) as Re in column j, Im in j+1. */
                double *col = nd_malloc(sizeof(double) * (size_t)(2 * n), who);
                if (!col) {
                    nd_free_mem(im);
                    goto fail;
                }
                for (ptrdiff_t j = 0; j < n; j++) {
                    nd_cast_strided(col, ND_FLOAT64, 8, VR + (size_t)(j * ld) * isz, t,
                                    (ptrdiff_t)isz, n);
                    if (im[j] > 0 && j + 1 < n) {
                        nd_cast_strided(col + n, ND_FLOAT64, 8, VR + (size_t)((j + 1) * ld) * isz, t,
                                        (ptrdiff_t)isz, n);
                        for (ptrdiff_t r = 0; r < n; r++) {
                            tv[r * n + j] = col[r] + col[n + r] * I;
                            tv[r * n + j + 1] = col[r] - col[n + r] * I;
                        }
                        j++;
                    } else {
                        for (ptrdiff_t r = 0; r < n; r++) tv[r * n + j] = col[r];
                    }
                }
                nd_free_mem(col);
            }
            nd_free_mem(im);
        } else if (want_v) {
            la_store((char *)tv, ND_COMPLEX128, 16 * n, 16, VR, t, ld, n, n);
        }
        nd_cast_strided(la_item(W, 1, &st, i), ct, (ptrdiff_t)nd_dtype_size(ct), tw, ND_COMPLEX128, 16, n);
        if (want_v)
            nd_cast_strided(la_item(V, 2, &st, i), ct, (ptrdiff_t)nd_dtype_size(ct), tv,
                            ND_COMPLEX128, 16, n * n);
    }
    if (!cplx && all_real) {
        /* NumPy: real input whose eigenvalues are all real gives real results. */
        nd_array *wre = nd_real(W), *wr2 = wre ? la_ccopy(wre, rt, who) : NULL;
        nd_free(wre);
        nd_free(W);
        W = wr2;
        if (want_v) {
            nd_array *vre = nd_real(V), *vr2 = vre ? la_ccopy(vre, rt, who) : NULL;
            nd_free(vre);
            nd_free(V);
            V = vr2;
        }
        if (!W || (want_v && !V)) goto fail;
    }
    status = give_wv(&W, w, &V, v);
fail:
    status = la_final_status(status);
    nd_free(W);
    nd_free(V);
    nd_free_mem(A);
    nd_free_mem(VR);
    nd_free_mem(wr);
    nd_free_mem(wi);
    nd_free_mem(rwork);
    nd_free_mem(work);
    nd_free_mem(tw);
    nd_free_mem(tv);
    return status;
}

nd_status nd_eig(const nd_array *a, nd_array **w, nd_array **v)
{
    if (v) *v = NULL;
    if (!w) return nd_set_error(ND_EVALUE, "nd_eig: w is NULL");
    *w = NULL;
    return eig_impl(a, w, v, "nd_eig");
}

nd_array *nd_eigvals(const nd_array *a)
{
    nd_array *w = NULL;
    return eig_impl(a, &w, NULL, "nd_eigvals") < 0 ? NULL : w;
}

/* ---- eigh ------------------------------------------------------------------------------------ */

static nd_status eigh_impl(const nd_array *a, char uplo, nd_array **w, nd_array **v, const char *who)
{
    if (uplo == 0 || uplo == 'l') uplo = 'L';
    if (uplo == 'u') uplo = 'U';
    if (uplo != 'L' && uplo != 'U')
        return nd_set_error(ND_EVALUE, "%s: UPLO argument must be 'L' or 'U' (got '%c')", who, uplo);
    la_stack st;
    if (la_matrix_stack(&st, a, true, who) < 0) return nd_last_error();
    ptrdiff_t n = COLS(a), ld = MAX(n, 1);
    nd_dtype t = la_ftype(a->dtype), rt = la_rtype(t);
    bool cplx = nd_dtype_is_complex(t);
    size_t isz = nd_dtype_size(t);
    char jobz = v ? 'V' : 'N';
    nd_status status = ND_ENOMEM;
    nd_array *W = la_alloc(&st, 1, &n, rt, who), *V = NULL;
    if (v) V = la_alloc(&st, 2, (const ptrdiff_t[]){ n, n }, t, who);
    char *A = la_malloc(isz * (size_t)(ld * ld), who);
    la_work lw = { 0 };
    if (!W || (v && !V) || !A) goto fail;
    bool queried = n > 0 && la_syevd(t, jobz, uplo, (int)n, A, (int)ld, W->data, lw.qw, -1, lw.qr,
                                     -1, &lw.qi, -1) == 0;
    if (la_work_alloc(&lw, t, queried, who) < 0) goto fail;
    for (ptrdiff_t i = 0; i < st.count && n > 0; i++) {
        la_load(A, t, ld, la_item(a, 2, &st, i), a->dtype, RS(a), CS(a), n, n);
        int info = la_syevd(t, jobz, uplo, (int)n, A, (int)ld, la_item(W, 1, &st, i), lw.work,
                            lw.lwork, lw.rwork, lw.lrwork, lw.iwork, lw.liwork);
        if (la_info_status(info, who, cplx ? "heevd" : "syevd", "eigenvalues did not converge") < 0)
            goto fail;
        if (v) la_store(la_item(V, 2, &st, i), t, RS(V), CS(V), A, t, ld, n, n);
    }
    status = give_wv(&W, w, &V, v);
fail:
    status = la_final_status(status);
    la_work_free(&lw);
    nd_free_mem(A);
    nd_free(W);
    nd_free(V);
    return status;
}

nd_status nd_eigh(const nd_array *a, char uplo, nd_array **w, nd_array **v)
{
    if (v) *v = NULL;
    if (!w) return nd_set_error(ND_EVALUE, "nd_eigh: w is NULL");
    *w = NULL;
    return eigh_impl(a, uplo, w, v, "nd_eigh");
}

nd_array *nd_eigvalsh(const nd_array *a, char uplo)
{
    nd_array *w = NULL;
    return eigh_impl(a, uplo, &w, NULL, "nd_eigvalsh") < 0 ? NULL : w;
}
