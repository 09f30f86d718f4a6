/* lstsq (gelsd), pinv and matrix_rank (through the SVD). */
#include "la_internal.h"

#include <complex.h>
#include <math.h>
#include <string.h>

void nd_lstsq_result_free(nd_lstsq_result *r)
{
    if (!r) return;
    nd_free(r->x);
    nd_free(r->residuals);
    nd_free(r->rank);
    nd_free(r->s);
    r->x = r->residuals = r->rank = r->s = NULL;
}

/* |v|^2 of element i of a column-major workspace of dtype t. */
static double abs2(nd_dtype t, const char *p, ptrdiff_t i)
{
    switch (t) {
    case ND_FLOAT32: { double v = ((const float *)p)[i]; return v * v; }
    case ND_FLOAT64: { double v = ((const double *)p)[i]; return v * v; }
    case ND_COMPLEX64: {
        double r = ((const float *)p)[2 * i], m = ((const float *)p)[2 * i + 1];
        return r * r + m * m;
    }
    default: {
        double r = ((const double *)p)[2 * i], m = ((const double *)p)[2 * i + 1];
        return r * r + m * m;
    }
    }
}

nd_status nd_lstsq(const nd_array *a, const nd_array *b, double rcond, nd_lstsq_result *out)
{
    const char *who = "nd_lstsq";
    if (!out) return nd_set_error(ND_EVALUE, "%s: out is NULL", who);
    *out = (nd_lstsq_result){ 0 };
    if (la_check_2d(a, who) < 0) return nd_last_error();
    if (!b || b->ndim == 0) return nd_set_error(ND_EVALUE, "%s: b must be at least 1-D", who);
    if (nd__need_numeric(b->dtype, who) < 0) return nd_last_error(); /* la_load's casts */
    ptrdiff_t m = ROWS(a), n = COLS(a), mn = MIN(m, n);
    bool vec = b->ndim == 1;
    if ((vec ? b->shape[0] : ROWS(b)) != m)
        return nd_set_error(ND_ESHAPE, "%s: incompatible dimensions: a has %td rows, b has %td", who, m,
                         vec ? b->shape[0] : ROWS(b));
    ptrdiff_t k = vec ? 1 : COLS(b), lda = MAX(m, 1), ldb = MAX(MAX(m, n), 1);
    if (la_check_int(ldb, who) < 0 || la_check_int(k, who) < 0) return nd_last_error();
    la_stack st;
    const nd_array *ops[2] = { a, b };
    if (la_stack_init(&st, 2, ops, (const int[]){ 2, vec ? 1 : 2 }, who) < 0) return nd_last_error();
    if (nd__need_lapack(who) < 0) return nd_last_error();
    nd_dtype t = la_ftype(nd_result_type(a->dtype, b->dtype)), rt = la_rtype(t);
    size_t isz = nd_dtype_size(t), rsz = nd_dtype_size(rt);
    if (rcond < 0) rcond = la_eps(t) * (double)MAX(m, n);

    nd_status status = ND_ENOMEM;
    nd_array *X = la_alloc(&st, vec ? 1 : 2, (const ptrdiff_t[]){ n, k }, t, who);
    nd_array *S = la_alloc(&st, 1, &mn, rt, who), *R = la_alloc(&st, 0, NULL, ND_INT64, who);
    nd_array *res = la_alloc(&st, 1, &k, rt, who);
    char *A = la_malloc(isz * (size_t)(lda * MAX(n, 1)), who);
    char *B = la_malloc(isz * (size_t)(ldb * MAX(k, 1)), who);
    la_work lw = { 0 };
    if (!X || !S || !R || !res || !A || !B) goto fail;
    int rank = 0;
    bool queried = mn > 0 && la_gelsd(t, (int)m, (int)n, (int)k, A, (int)lda, B, (int)ldb, S->data,
                                      rcond, &rank, lw.qw, -1, lw.qr, &lw.qi) == 0;
    if (la_work_alloc(&lw, t, queried, who) < 0) goto fail;
    bool has_res = m > n;
    for (ptrdiff_t i = 0; i < st.count; i++) {
        const char *pb = la_item(b, vec ? 1 : 2, &st, i);
        char *px = la_item(X, vec ? 1 : 2, &st, i);
        int64_t *prank = (int64_t *)la_item(R, 0, &st, i);
        rank = 0;
        memset(B, 0, isz * (size_t)(ldb * MAX(k, 1)));
        if (mn > 0) {
            la_load(A, t, lda, la_item(a, 2, &st, i), a->dtype, RS(a), CS(a), m, n);
            if (vec) la_load(B, t, ldb, pb, b->dtype, b->strides[0], 0, m, 1);
            else la_load(B, t, ldb, pb, b->dtype, RS(b), CS(b), m, k);
            int info = la_gelsd(t, (int)m, (int)n, (int)k, A, (int)lda, B, (int)ldb,
                                la_item(S, 1, &st, i), rcond, &rank, lw.work, lw.lwork, lw.rwork,
                                lw.iwork);
            if (la_info_status(info, who, "gelsd", "SVD did not converge in Linear Least Squares") < 0)
                goto fail;
        }
        *prank = rank;
        if (rank < n) has_res = false;
        if (vec) la_store(px, t, X->strides[X->ndim - 1], 0, B, t, ldb, n, 1);
        else la_store(px, t, RS(X), CS(X), B, t, ldb, n, k);
        /* Rows n..m of the solved B hold the residual components. */
        char *pres = la_item(res, 1, &st, i);
        for (ptrdiff_t j = 0; j < k; j++) {
            double acc = 0;
            for (ptrdiff_t r = n; r < m; r++) acc += abs2(t, B, j * ldb + r);
            nd_cast_strided(pres + j * (ptrdiff_t)rsz, rt, 0, &acc, ND_FLOAT64, 0, 1);
        }
    }
    if (!has_res) {
        nd_free(res);
        ptrdiff_t zero = 0;
        if (!(res = la_alloc(&st, 1, &zero, rt, who))) goto fail;
    }
    *out = (nd_lstsq_result){ .x = X, .residuals = res, .rank = R, .s = S };
    X = res = R = S = NULL;
    status = ND_OK;
fail:
    status = la_final_status(status);
    nd_free(X);
    nd_free(S);
    nd_free(R);
    nd_free(res);
    nd_free_mem(A);
    nd_free_mem(B);
    la_work_free(&lw);
    return status;
}

/* ---- pinv ----------------------------------------------------------------------------------- */

nd_array *nd_pinv(const nd_array *a, double rcond)
{
    const char *who = "nd_pinv";
    if (la_check_2d(a, who) < 0) return NULL;
    if (rcond < 0) rcond = 1e-15;
    ptrdiff_t m = ROWS(a), n = COLS(a), k = MIN(m, n);
    nd_array *u = NULL, *s = NULL, *vh = NULL, *res = NULL;
    la_stack st;
    la_stack_of(&st, a, 2);
    nd_dtype t = la_ftype(a->dtype);
    size_t isz = nd_dtype_size(t);
    char *W = NULL;
    if (!(res = la_alloc(&st, 2, (const ptrdiff_t[]){ n, m }, t, who))) goto fail;
    if (res->size == 0) return res;
    if (k == 0) {
        memset(res->data, 0, isz * (size_t)res->size);
        return res;
    }
    if (nd_svd(a, false, &u, &s, &vh) < 0) goto fail;
    if (!(W = la_malloc(isz * (size_t)(k * m), who))) goto fail;
    bool cplx = nd_dtype_is_complex(t);
    for (ptrdiff_t i = 0; i < st.count; i++) {
        const char *pu = la_item(u, 2, &st, i), *ps = la_item(s, 1, &st, i);
        double smax = 0, sv[1];
        for (ptrdiff_t j = 0; j < k; j++) {
            nd_cast_strided(sv, ND_FLOAT64, 8, ps + j * (ptrdiff_t)nd_dtype_size(s->dtype), s->dtype, 0, 1);
            if (sv[0] > smax) smax = sv[0];
        }
        double cutoff = rcond * smax;
        /* W = diag(1/s) u^H, k×m row-major; then pinv = vh^H W. */
        for (ptrdiff_t j = 0; j < k; j++) {
            nd_cast_strided(sv, ND_FLOAT64, 8, ps + j * (ptrdiff_t)nd_dtype_size(s->dtype), s->dtype, 0, 1);
            double inv = sv[0] > cutoff ? 1.0 / sv[0] : 0.0;
            for (ptrdiff_t c = 0; c < m; c++) {
                const char *e = pu + (c * k + j) * (ptrdiff_t)isz;
                char *w = W + (j * m + c) * (ptrdiff_t)isz;
                if (!cplx) {
                    double v;
                    nd_cast_strided(&v, ND_FLOAT64, 8, e, t, 0, 1);
                    v *= inv;
                    nd_cast_strided(w, t, 0, &v, ND_FLOAT64, 0, 1);
                } else {
                    la_c128 v;
                    nd_cast_strided(&v, ND_COMPLEX128, 16, e, t, 0, 1);
                    v = conj(v) * inv;
                    nd_cast_strided(w, t, 0, &v, ND_COMPLEX128, 0, 1);
                }
            }
        }
        la_gemm(t, cplx ? 'C' : 'T', 'N', n, m, k, la_item(vh, 2, &st, i), n, W, m,
                la_item(res, 2, &st, i), m);
    }
done:
    nd_free(u);
    nd_free(s);
    nd_free(vh);
    nd_free_mem(W);
    return res;
fail:
    nd_free(res);
    res = NULL;
    goto done;
}

/* ---- matrix_rank ---------------------------------------------------------------------------- */

nd_array *nd_matrix_rank(const nd_array *a, double tol)
{
    const char *who = "nd_matrix_rank";
    if (!a) return ND_FAIL(ND_EVALUE, "%s: array is NULL", who);
    if (a->ndim < 2) {
        /* NumPy: int(not all(M == 0)). */
        nd_array *flat = la_ccopy(a, ND_COMPLEX128, who);
        if (!flat) return NULL;
        int64_t any = 0;
        for (ptrdiff_t i = 0; i < flat->size; i++)
            if (((double *)flat->data)[2 * i] != 0 || ((double *)flat->data)[2 * i + 1] != 0) any = 1;
        nd_free(flat);
        return nd_scalar_array(ND_I64(any));
    }
    nd_array *s = la_svdvals(a, who);
    if (!s) return NULL;
    ptrdiff_t k = s->shape[s->ndim - 1], m = ROWS(a), n = COLS(a);
    la_stack st;
    la_stack_of(&st, a, 2);
    nd_array *r = la_alloc(&st, 0, NULL, ND_INT64, who);
    double *sv = la_malloc(sizeof(double) * (size_t)MAX(k, 1), who);
    if (r && sv) {
        for (ptrdiff_t i = 0; i < st.count; i++) {
            nd_cast_strided(sv, ND_FLOAT64, 8, la_item(s, 1, &st, i), s->dtype,
                            (ptrdiff_t)nd_dtype_size(s->dtype), k);
            double smax = 0, thr;
            for (ptrdiff_t j = 0; j < k; j++)
                if (sv[j] > smax) smax = sv[j];
            thr = tol >= 0 ? tol : smax * (double)MAX(m, n) * la_eps(s->dtype);
            int64_t cnt = 0;
            for (ptrdiff_t j = 0; j < k; j++) cnt += sv[j] > thr;
            ((int64_t *)r->data)[i] = cnt;
        }
    } else {
        nd_free(r);
        r = NULL;
    }
    nd_free_mem(sv);
    nd_free(s);
    return r;
}
