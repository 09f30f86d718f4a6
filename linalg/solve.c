/* solve, inv, det, slogdet, cholesky: LU (getrf/gesv) and Cholesky (potrf) on each
 * matrix of a stack, copied into a column-major workspace (LAPACK overwrites its input,
 * so this copy is the one a borrowed argument needs anyway). */
#include "la_internal.h"

#include <math.h>
#include <string.h>

/* ---- solve and inv ------------------------------------------------------------------------ */

/* x = a⁻¹ b for every matrix of the stack st, by gesv (NumPy's driver: one LU and two
 * triangular solves, all level-3 BLAS). a: (..., n, n); b: (..., n, k), or (..., n) when
 * bcore is 1 (then x too and k is 1), or NULL for the identity, so that x is the inverse.
 * A singular matrix is an error, or gives an all-NaN x when nan_on_singular. */
static nd_array *gesv_stack(const nd_array *a, const nd_array *b, int bcore, ptrdiff_t k,
                            const la_stack *st, nd_dtype t, bool nan_on_singular, const char *who)
{
    ptrdiff_t n = COLS(a);
    size_t isz = nd_dtype_size(t);
    nd_array *x = la_alloc(st, bcore, (const ptrdiff_t[]){ n, k }, t, who);
    void *A = la_malloc(isz * (size_t)(n * n), who), *B = la_malloc(isz * (size_t)(n * k), who);
    int *ipiv = la_malloc(sizeof(int) * (size_t)n, who);
    bool ok = false;
    if (!x || !A || !B || !ipiv) goto done;
    /* Byte strides of a vector's rows: its only axis; its one column: none. */
    ptrdiff_t xrs = bcore == 1 ? x->strides[x->ndim - 1] : RS(x), xcs = bcore == 1 ? 0 : CS(x);
    for (ptrdiff_t i = 0; i < st->count && n > 0 && k > 0; i++) {
        char *px = la_item(x, bcore, st, i);
        la_load(A, t, n, la_item(a, 2, st, i), a->dtype, RS(a), CS(a), n, n);
        if (!b) la_identity(B, t, n, n, n);
        else la_load(B, t, n, la_item(b, bcore, st, i), b->dtype,
                     bcore == 1 ? b->strides[0] : RS(b), bcore == 1 ? 0 : CS(b), n, k);
        int info = la_gesv(t, (int)n, (int)k, A, (int)n, ipiv, B, (int)n);
        if (info > 0 && nan_on_singular) {
            for (ptrdiff_t r = 0; r < n; r++)
                for (ptrdiff_t c = 0; c < k; c++)
                    nd__scalar_store(px + r * xrs + c * xcs, t, ND_F64(NAN));
            continue;
        }
        if (la_info_status(info, who, "gesv", "singular matrix") < 0) goto done;
        la_store(px, t, xrs, xcs, B, t, n, n, k);
    }
    ok = true;
done:
    nd_free_mem(A);
    nd_free_mem(B);
    nd_free_mem(ipiv);
    if (ok) return x;
    nd_free(x);
    return NULL;
}

nd_array *nd_solve(const nd_array *a, const nd_array *b)
{
    const char *who = "nd_solve";
    if (la_check_square(a, who) < 0) return NULL;
    if (!b) return ND_FAIL(ND_EVALUE, "%s: b is NULL", who);
    ptrdiff_t n = COLS(a);
    bool vec = b->ndim == 1;
    if (b->ndim == 0 || (vec ? b->shape[0] : ROWS(b)) != n)
        return ND_FAIL(ND_ESHAPE, "%s: b has %td rows, a is %td x %td", who,
                       b->ndim == 0 ? (ptrdiff_t)0 : vec ? b->shape[0] : ROWS(b), n, n);
    ptrdiff_t k = vec ? 1 : COLS(b);
    la_stack st;
    const nd_array *ops[2] = { a, b };
    if (la_stack_init(&st, 2, ops, (const int[]){ 2, vec ? 1 : 2 }, who) < 0) return NULL;
    if (la_check_int(n, who) < 0 || la_check_int(k, who) < 0) return NULL;
    if (nd__need_lapack(who) < 0) return NULL;
    nd_dtype t = la_ftype(nd_result_type(a->dtype, b->dtype));
    return gesv_stack(a, b, vec ? 1 : 2, k, &st, t, false, who);
}

nd_array *la_inv(const nd_array *a, bool nan_on_singular, const char *who)
{
    la_stack st;
    if (la_matrix_stack(&st, a, true, who) < 0) return NULL;
    return gesv_stack(a, NULL, 2, COLS(a), &st, la_ftype(a->dtype), nan_on_singular, who);
}

nd_array *nd_inv(const nd_array *a) { return la_inv(a, false, "nd_inv"); }

/* ---- det and slogdet ------------------------------------------------------------------------ */

/* After getrf: sign and log|det| of one matrix, from the diagonal of U and the pivots. The
 * sign is a unit complex number (imaginary part 0 for real t). */
static void lu_slogdet(nd_dtype t, const void *A, ptrdiff_t n, const int *ipiv, bool singular,
                       double sign[2], double *logdet)
{
    double sr = 1, si = 0, ld = 0;
    for (ptrdiff_t i = 0; i < n; i++)
        if (ipiv[i] != i + 1) sr = -sr;
    if (singular) {
        sign[0] = sign[1] = 0;
        *logdet = -INFINITY;
        return;
    }
    size_t isz = nd_dtype_size(t);
    for (ptrdiff_t i = 0; i < n; i++) {
        const char *p = (const char *)A + (size_t)(i * n + i) * isz;
        double re, im = 0;
        switch (t) {
        case ND_FLOAT32: re = *(const float *)p; break;
        case ND_FLOAT64: re = *(const double *)p; break;
        case ND_COMPLEX64: re = ((const float *)p)[0], im = ((const float *)p)[1]; break;
        default: re = ((const double *)p)[0], im = ((const double *)p)[1]; break;
        }
        double mag = hypot(re, im);
        ld += log(mag);
        double ur = re / mag, ui = im / mag, nr = sr * ur - si * ui;
        si = sr * ui + si * ur;
        sr = nr;
    }
    sign[0] = sr;
    sign[1] = si;
    *logdet = ld;
}

/* Shared by det and slogdet: LU of every matrix; per item sign (complex) and log|det|. */
static nd_status lu_stack(const nd_array *a, double *signs, double *logdets, la_stack *st,
                          const char *who)
{
    if (la_matrix_stack(st, a, true, who) < 0) return nd_last_error();
    ptrdiff_t n = COLS(a);
    nd_dtype t = la_ftype(a->dtype);
    void *A = la_malloc(nd_dtype_size(t) * (size_t)(n * n), who);
    int *ipiv = la_malloc(sizeof(int) * (size_t)n, who);
    nd_status s = ND_OK;
    if (!A || !ipiv) {
        s = ND_ENOMEM;
        goto done;
    }
    for (ptrdiff_t i = 0; i < st->count; i++) {
        la_load(A, t, n, la_item(a, 2, st, i), a->dtype, RS(a), CS(a), n, n);
        int info = n ? la_getrf(t, (int)n, (int)n, A, (int)n, ipiv) : 0;
        if (info < 0) {
            s = la_info_error(who, "getrf", info);
            goto done;
        }
        lu_slogdet(t, A, n, ipiv, info > 0, signs + 2 * i, logdets + i);
    }
done:
    nd_free_mem(A);
    nd_free_mem(ipiv);
    return s;
}

static double *alloc_signs(const nd_array *a, double **logdets, const char *who)
{
    ptrdiff_t count = 1;
    for (int d = 0; a && d < a->ndim - 2; d++) count *= a->shape[d];
    double *s = nd_malloc(sizeof(double) * (size_t)(3 * count) + 8, who);
    *logdets = s ? s + 2 * count : NULL;
    return s;
}

nd_array *nd_det(const nd_array *a)
{
    const char *who = "nd_det";
    double *logdets, *signs = alloc_signs(a, &logdets, who);
    nd_array *r = NULL;
    la_stack st;
    if (!signs || lu_stack(a, signs, logdets, &st, who) < 0) goto done;
    nd_dtype t = la_ftype(a->dtype);
    if (!(r = la_alloc(&st, 0, NULL, t, who))) goto done;
    for (ptrdiff_t i = 0; i < st.count; i++) {
        /* sign * exp(log|det|), as NumPy: the product of the pivots cannot overflow early. */
        double m = exp(logdets[i]);
        double v[2] = { signs[2 * i] * m, signs[2 * i + 1] * m };
        nd_cast_strided(r->data + i * (ptrdiff_t)nd_dtype_size(t), t, 0, v, ND_COMPLEX128, 0, 1);
    }
done:
    nd_free_mem(signs);
    return r;
}

nd_status nd_slogdet(const nd_array *a, nd_array **sign, nd_array **logabsdet)
{
    const char *who = "nd_slogdet";
    if (!sign || !logabsdet) return nd_set_error(ND_EVALUE, "%s: output pointer is NULL", who);
    *sign = *logabsdet = NULL;
    double *logdets, *signs = alloc_signs(a, &logdets, who);
    la_stack st;
    nd_status s = ND_ENOMEM;
    if (!signs) goto done;
    if ((s = lu_stack(a, signs, logdets, &st, who)) < 0) goto done;
    nd_dtype t = la_ftype(a->dtype), rt = la_rtype(t);
    *sign = la_alloc(&st, 0, NULL, t, who);
    *logabsdet = la_alloc(&st, 0, NULL, rt, who);
    if (!*sign || !*logabsdet) {
        s = ND_ENOMEM;
        nd_free(*sign);
        nd_free(*logabsdet);
        *sign = *logabsdet = NULL;
        goto done;
    }
    nd_cast_strided((*sign)->data, t, (ptrdiff_t)nd_dtype_size(t), signs, ND_COMPLEX128, 16, st.count);
    nd_cast_strided((*logabsdet)->data, rt, (ptrdiff_t)nd_dtype_size(rt), logdets, ND_FLOAT64, 8,
                    st.count);
    s = ND_OK;
done:
    nd_free_mem(signs);
    return s;
}

/* ---- cholesky ------------------------------------------------------------------------------- */

nd_array *nd_cholesky(const nd_array *a)
{
    const char *who = "nd_cholesky";
    la_stack st;
    if (la_matrix_stack(&st, a, true, who) < 0) return NULL;
    ptrdiff_t n = COLS(a);
    nd_dtype t = la_ftype(a->dtype);
    size_t isz = nd_dtype_size(t);
    nd_array *l = la_alloc(&st, 2, (const ptrdiff_t[]){ n, n }, t, who);
    char *A = la_malloc(isz * (size_t)(n * n), who);
    if (!l || !A) goto fail;
    for (ptrdiff_t i = 0; i < st.count; i++) {
        la_load(A, t, n, la_item(a, 2, &st, i), a->dtype, RS(a), CS(a), n, n);
        int info = n ? la_potrf(t, 'L', (int)n, A, (int)n) : 0;
        if (la_info_status(info, who, "potrf",
                           "matrix is not positive definite (the leading minor of order %d is not positive)",
                           info) < 0)
            goto fail;
        for (ptrdiff_t c = 1; c < n; c++) memset(A + (size_t)(c * n) * isz, 0, (size_t)c * isz);
        la_store(la_item(l, 2, &st, i), t, RS(l), CS(l), A, t, n, n, n);
    }
    nd_free_mem(A);
    return l;
fail:
    nd_free_mem(A);
    nd_free(l);
    return NULL;
}
