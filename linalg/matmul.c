/* matmul: NumPy's stacking and 1-D promotion on top of BLAS gemm / gemv / dot.
 *
 * BLAS sees each operand through its strides: a row-major matrix is passed as is, a
 * column-major one (a transposed view) with a transpose flag, so no copy is made unless
 * a matrix's strides are something BLAS cannot describe (negative, zero, or unit in
 * neither dimension). Integer and bool products run in an exact uint64 loop. */
#include "la_internal.h"

#include "lazy_blas.h"
#include <string.h>

static CBLAS_TRANSPOSE cblas_trans(char t)
{
    return t == 'N' ? CblasNoTrans : t == 'T' ? CblasTrans : CblasConjTrans;
}

void la_gemm(nd_dtype t, char ta, char tb, ptrdiff_t m, ptrdiff_t n, ptrdiff_t k, const void *a,
             ptrdiff_t lda, const void *b, ptrdiff_t ldb, void *c, ptrdiff_t ldc)
{
    CBLAS_TRANSPOSE A = cblas_trans(ta), B = cblas_trans(tb);
    int M = (int)m, N = (int)n, K = (int)k, la = (int)lda, lb = (int)ldb, lc = (int)ldc;
    switch (t) {
    case ND_FLOAT32:
        cblas_sgemm(CblasRowMajor, A, B, M, N, K, 1.0f, a, la, b, lb, 0.0f, c, lc);
        break;
    case ND_FLOAT64:
        cblas_dgemm(CblasRowMajor, A, B, M, N, K, 1.0, a, la, b, lb, 0.0, c, lc);
        break;
    case ND_COMPLEX64: {
        const float one[2] = { 1, 0 }, zero[2] = { 0, 0 };
        cblas_cgemm(CblasRowMajor, A, B, M, N, K, one, a, la, b, lb, zero, c, lc);
        break;
    }
    default: {
        const double one[2] = { 1, 0 }, zero[2] = { 0, 0 };
        cblas_zgemm(CblasRowMajor, A, B, M, N, K, one, a, la, b, lb, zero, c, lc);
        break;
    }
    }
}

/* y = op(A) x, A stored row-major rows×cols with leading dim lda. */
static void gemv(nd_dtype t, char ta, ptrdiff_t rows, ptrdiff_t cols, const void *a, ptrdiff_t lda,
                 const void *x, ptrdiff_t incx, void *y, ptrdiff_t incy)
{
    CBLAS_TRANSPOSE A = cblas_trans(ta);
    int M = (int)rows, N = (int)cols, la = (int)lda, ix = (int)incx, iy = (int)incy;
    switch (t) {
    case ND_FLOAT32: cblas_sgemv(CblasRowMajor, A, M, N, 1.0f, a, la, x, ix, 0.0f, y, iy); break;
    case ND_FLOAT64: cblas_dgemv(CblasRowMajor, A, M, N, 1.0, a, la, x, ix, 0.0, y, iy); break;
    case ND_COMPLEX64: {
        const float one[2] = { 1, 0 }, zero[2] = { 0, 0 };
        cblas_cgemv(CblasRowMajor, A, M, N, one, a, la, x, ix, zero, y, iy);
        break;
    }
    default: {
        const double one[2] = { 1, 0 }, zero[2] = { 0, 0 };
        cblas_zgemv(CblasRowMajor, A, M, N, one, a, la, x, ix, zero, y, iy);
        break;
    }
    }
}

static void dotu(nd_dtype t, ptrdiff_t n, const void *x, ptrdiff_t incx, const void *y,
                 ptrdiff_t incy, void *out)
{
    int N = (int)n, ix = (int)incx, iy = (int)incy;
    switch (t) {
    case ND_FLOAT32: *(float *)out = cblas_sdot(N, x, ix, y, iy); break;
    case ND_FLOAT64: *(double *)out = cblas_ddot(N, x, ix, y, iy); break;
    case ND_COMPLEX64: cblas_cdotu_sub(N, x, ix, y, iy, out); break;
    default: cblas_zdotu_sub(N, x, ix, y, iy, out); break;
    }
}

/* How BLAS can read a rows×cols matrix with byte strides rs, cs: 'N' (row-major, leading
 * dimension *ld), 'T' (column-major: the transpose is row-major) or 0 (it cannot). */
static char layout(ptrdiff_t rs, ptrdiff_t cs, ptrdiff_t rows, ptrdiff_t cols, nd_dtype t,
                   const void *data, ptrdiff_t *ld)
{
    ptrdiff_t isz = (ptrdiff_t)nd_dtype_size(t), real = (ptrdiff_t)nd_dtype_size(la_rtype(t));
    /* The stride of an extent-1 dimension is never used: make it whatever suits. */
    if (cols == 1) cs = isz;
    if (rows == 1) rs = (cols > 1 ? cols : 1) * isz;
    if (rows == 1 && cols == 1) rs = cs = isz;
    if ((uintptr_t)data % (uintptr_t)real) return 0;
    if (cs == isz && rs > 0 && rs % isz == 0 && rs / isz >= (cols > 1 ? cols : 1) &&
        rs / isz <= 2147483647) {
        *ld = rs / isz;
        return 'N';
    }
    if (rs == isz && cs > 0 && cs % isz == 0 && cs / isz >= (rows > 1 ? rows : 1) &&
        cs / isz <= 2147483647) {
        *ld = cs / isz;
        return 'T';
    }
    if (rows == 1 && cols == 1) {
        *ld = 1;
        return 'N';
    }
    return 0;
}

/* layout() of the last two dims of x, read in its own dtype. */
static char array_layout(const nd_array *x, ptrdiff_t rows, ptrdiff_t cols, ptrdiff_t *ld)
{
    return layout(x->strides[x->ndim - 2], x->strides[x->ndim - 1], rows, cols, x->dtype, x->data,
                  ld);
}

/* The layout of an operand, first replaced by a C-ordered copy when BLAS cannot read it as
 * it is; 0 when that copy fails (*x is then NULL). */
static char operand_layout(nd_array **x, ptrdiff_t rows, ptrdiff_t cols, ptrdiff_t *ld)
{
    char tr = array_layout(*x, rows, cols, ld);
    if (tr) return tr;
    nd_array *cp = nd_copy(*x, ND_ORDER_C);
    nd_free(*x);
    if (!(*x = cp)) return 0;
    return array_layout(cp, rows, cols, ld);
}

/* Stride of operand x in stack dimension d of st (0 when x repeats along it). */
static ptrdiff_t stack_stride(const nd_array *x, const la_stack *st, int d)
{
    int k = d - (st->nd - (x->ndim - 2));
    return (k >= 0 && x->shape[k] != 1) ? x->strides[k] : 0;
}

/* One product c = a·b of m×k by k×n matrices with known layouts. */
static void product(nd_dtype t, ptrdiff_t m, ptrdiff_t n, ptrdiff_t k, char ta, const char *a,
                    ptrdiff_t lda, char tb, const char *b, ptrdiff_t ldb, char *c, ptrdiff_t ldc)
{
    if (m == 1 && n == 1) {
        dotu(t, k, a, ta == 'N' ? 1 : lda, b, tb == 'N' ? ldb : 1, c);
    } else if (n == 1) {
        /* c (m) = op(A) x, x the single column of b. */
        if (ta == 'N') gemv(t, 'N', m, k, a, lda, b, tb == 'N' ? ldb : 1, c, ldc);
        else gemv(t, 'T', k, m, a, lda, b, tb == 'N' ? ldb : 1, c, ldc);
    } else if (m == 1) {
        /* c (n) = op(B)^T x, x the single row of a. */
        if (tb == 'N') gemv(t, 'T', k, n, b, ldb, a, ta == 'N' ? 1 : lda, c, 1);
        else gemv(t, 'N', n, k, b, ldb, a, ta == 'N' ? 1 : lda, c, 1);
    } else {
        la_gemm(t, ta, tb, m, n, k, a, lda, b, ldb, c, ldc);
    }
}

/* Exact integer / bool product of one item: uint64 arithmetic (wrap-around defined), cast
 * into c. a and b are C-contiguous uint64 copies. */
static void product_int(ptrdiff_t m, ptrdiff_t n, ptrdiff_t k, const uint64_t *a,
                        const uint64_t *b, uint64_t *acc, char *c, nd_dtype ct, ptrdiff_t crs,
                        ptrdiff_t ccs)
{
    memset(acc, 0, sizeof(uint64_t) * (size_t)(m * n));
    for (ptrdiff_t i = 0; i < m; i++)
        for (ptrdiff_t p = 0; p < k; p++) {
            uint64_t av = a[i * k + p];
            const uint64_t *brow = b + p * n;
            uint64_t *crow = acc + i * n;
            for (ptrdiff_t j = 0; j < n; j++) crow[j] += av * brow[j];
        }
    for (ptrdiff_t i = 0; i < m; i++)
        nd_cast_strided(c + i * crs, ct, ccs, acc + i * n, ND_UINT64, 8, n);
}

static nd_status matmul_int(const nd_array *a, const nd_array *b, nd_array *c, const la_stack *st,
                            const char *who)
{
    ptrdiff_t m = c->shape[c->ndim - 2], n = c->shape[c->ndim - 1], k = a->shape[a->ndim - 1];
    nd_status s = ND_ENOMEM;
    /* bool products are "any(a & b)": summing 0/1 and casting to bool gives exactly that. */
    nd_array *ac = la_ccopy(a, ND_UINT64, who), *bc = la_ccopy(b, ND_UINT64, who);
    uint64_t *acc = nd_malloc(sizeof(uint64_t) * (size_t)(m * n), who);
    if (!ac || !bc || !acc) goto done;
    for (ptrdiff_t i = 0; i < st->count; i++)
        product_int(m, n, k, (const uint64_t *)la_item(ac, 2, st, i), (const uint64_t *)la_item(bc, 2, st, i),
                    acc, la_item(c, 2, st, i), c->dtype, c->strides[c->ndim - 2], c->strides[c->ndim - 1]);
    s = ND_OK;
done:
    nd_free(ac);
    nd_free(bc);
    nd_free_mem(acc);
    return s;
}

nd_status la_matmul_core(const nd_array *a, const nd_array *b, nd_array *c, const char *who)
{
    nd_dtype t = c->dtype;
    ptrdiff_t m = c->shape[c->ndim - 2], n = c->shape[c->ndim - 1], k = a->shape[a->ndim - 1];
    la_stack st;
    la_stack_of(&st, c, 2);
    if (c->size == 0) return ND_OK;
    if (k == 0) return nd_fill(c, ND_F64(0));
    if (!nd_dtype_is_float(t) && !nd_dtype_is_complex(t)) return matmul_int(a, b, c, &st, who);
    if (la_check_int(m, who) < 0 || la_check_int(n, who) < 0 || la_check_int(k, who) < 0)
        return nd_last_error();
    if (nd__need_blas(who) < 0) return nd_last_error();

    ptrdiff_t isz = (ptrdiff_t)nd_dtype_size(t), lda = 0, ldb = 0, ldc = 0;
    nd_array *ac = NULL, *bc = NULL, *tmp = NULL;
    nd_status s = ND_OK;
    ac = a->dtype == t ? nd_ref(a) : nd_astype(a, t, ND_CAST_UNSAFE);
    bc = b->dtype == t ? nd_ref(b) : nd_astype(b, t, ND_CAST_UNSAFE);
    if (!ac || !bc) goto fail;
    char ta = operand_layout(&ac, m, k, &lda);
    if (!ta) goto fail;
    char tb = operand_layout(&bc, k, n, &ldb);
    if (!tb) goto fail;
    /* c is written, not read: when BLAS cannot write it, into a fresh array copied in after. */
    nd_array *cw = c;
    char tc = array_layout(c, m, n, &ldc);
    if (!tc) {
        if (!(tmp = nd__alloc(c->ndim, c->shape, t, false, who))) goto fail;
        cw = tmp;
        tc = array_layout(cw, m, n, &ldc);
    }

    /* b shared by the whole stack and a, c row-major with items evenly spaced: the stack
     * folds into the rows of a single product (one large gemm instead of many small). */
    ptrdiff_t count = st.count, rows = m;
    if (count > 1 && ta == 'N' && tc == 'N') {
        bool fold = true;
        ptrdiff_t span = 1;
        for (int d = st.nd - 1; d >= 0 && fold; d--) {
            if (st.shape[d] == 1) continue;
            fold = stack_stride(bc, &st, d) == 0 &&
                   stack_stride(ac, &st, d) == span * m * lda * isz &&
                   stack_stride(cw, &st, d) == span * m * ldc * isz;
            span *= st.shape[d];
        }
        if (fold && la_check_int(m * count, who) == ND_OK) {
            rows = m * count;
            count = 1;
        }
    }
    for (ptrdiff_t i = 0; i < count; i++) {
        const char *pa = la_item(ac, 2, &st, i), *pb = la_item(bc, 2, &st, i);
        char *pc = la_item(cw, 2, &st, i);
        if (tc == 'N') {
            product(t, rows, n, k, ta, pa, lda, tb, pb, ldb, pc, ldc);
        } else {
            /* c column-major: compute c^T = b^T a^T, which is row-major. */
            product(t, n, rows, k, tb == 'N' ? 'T' : 'N', pb, ldb, ta == 'N' ? 'T' : 'N', pa, lda,
                    pc, ldc);
        }
    }
    if (tmp) s = nd__copy_into(c, tmp);
    goto done;
fail:
    s = nd_last_error() < 0 ? nd_last_error() : ND_ENOMEM;
done:
    nd_free(ac);
    nd_free(bc);
    nd_free(tmp);
    return s;
}

/* Shapes of a matmul: a and b viewed as (..., m, k) and (..., k, n) with 1-D promotion;
 * out_nd/out_shape receive the result's shape. Returns the two views (the caller frees). */
static nd_status prepare(const nd_array *a, const nd_array *b, nd_array **av, nd_array **bv,
                         la_stack *st, int *out_nd, ptrdiff_t *out_shape, const char *who)
{
    *av = *bv = NULL;
    if (!a || !b) return nd_set_error(ND_EVALUE, "%s: operand is NULL", who);
    if (a->ndim == 0 || b->ndim == 0)
        return nd_set_error(ND_EVALUE, "%s: Input operand %d does not have enough dimensions (has 0, "
                                    "gufunc core with signature (n?,k),(k,m?)->(n?,m?) requires 1)",
                         who, a->ndim == 0 ? 0 : 1);
    ptrdiff_t shp[2], str[2];
    if (a->ndim == 1) {
        shp[0] = 1, shp[1] = a->shape[0];
        str[0] = 0, str[1] = a->strides[0];
        *av = nd__view_of(a, 2, shp, str, a->data, a->dtype);
    } else {
        *av = nd_ref(a);
    }
    if (b->ndim == 1) {
        shp[0] = b->shape[0], shp[1] = 1;
        str[0] = b->strides[0], str[1] = 0;
        *bv = nd__view_of(b, 2, shp, str, b->data, b->dtype);
    } else {
        *bv = nd_ref(b);
    }
    if (!*av || !*bv) return nd_last_error();
    ptrdiff_t k = (*av)->shape[(*av)->ndim - 1], kb = (*bv)->shape[(*bv)->ndim - 2];
    if (k != kb)
        return nd_set_error(ND_ESHAPE, "%s: Input operand 1 has a mismatch in its core dimension 0, with "
                                    "gufunc signature (n?,k),(k,m?)->(n?,m?) (size %td is different from %td)",
                         who, kb, k);
    const nd_array *ops[2] = { *av, *bv };
    if (la_stack_init(st, 2, ops, (const int[]){ 2, 2 }, who) < 0) return nd_last_error();
    *out_nd = st->nd;
    memcpy(out_shape, st->shape, sizeof(ptrdiff_t) * (size_t)st->nd);
    if (a->ndim > 1) out_shape[(*out_nd)++] = (*av)->shape[(*av)->ndim - 2];
    if (b->ndim > 1) out_shape[(*out_nd)++] = (*bv)->shape[(*bv)->ndim - 1];
    return ND_OK;
}

/* View of `out` (the matmul result) with the promoted dimensions put back: (..., m, n). */
static nd_array *core_view(const nd_array *out, const la_stack *st, ptrdiff_t m, ptrdiff_t n)
{
    ptrdiff_t shape[ND_MAXDIMS], strides[ND_MAXDIMS];
    int nd = st->nd;
    memcpy(shape, out->shape, sizeof(ptrdiff_t) * (size_t)nd);
    memcpy(strides, out->strides, sizeof(ptrdiff_t) * (size_t)nd);
    int k = nd;
    ptrdiff_t isz = (ptrdiff_t)nd_dtype_size(out->dtype);
    shape[nd] = m, shape[nd + 1] = n;
    if (out->ndim == nd + 2) {
        strides[nd] = out->strides[k], strides[nd + 1] = out->strides[k + 1];
    } else if (out->ndim == nd) {
        strides[nd] = strides[nd + 1] = isz;
    } else if (m == 1 && out->shape[k] == n) { /* a was 1-D */
        strides[nd] = n * isz, strides[nd + 1] = out->strides[k];
    } else { /* b was 1-D */
        strides[nd] = out->strides[k], strides[nd + 1] = isz;
    }
    return nd__view_of(out, nd + 2, shape, strides, out->data, out->dtype);
}

nd_array *la_matmul(const nd_array *a, const nd_array *b, const char *who)
{
    nd_array *av, *bv, *out = NULL, *cv = NULL;
    la_stack st;
    int nd;
    ptrdiff_t shape[ND_MAXDIMS];
    if (prepare(a, b, &av, &bv, &st, &nd, shape, who) < 0) goto fail;
    nd_dtype rt = nd_result_type(a->dtype, b->dtype);
    if (!(out = nd__alloc(nd, shape, rt, false, who))) goto fail;
    cv = core_view(out, &st, av->shape[av->ndim - 2], bv->shape[bv->ndim - 1]);
    if (!cv || la_matmul_core(av, bv, cv, who) < 0) goto fail;
    nd_free(av);
    nd_free(bv);
    nd_free(cv);
    return out;
fail:
    nd_free(av);
    nd_free(bv);
    nd_free(cv);
    nd_free(out);
    return NULL;
}

nd_array *nd_matmul(const nd_array *a, const nd_array *b) { return la_matmul(a, b, "nd_matmul"); }

nd_status nd_matmul_into(nd_array *out, const nd_array *a, const nd_array *b)
{
    const char *who = "nd_matmul_into";
    nd_array *av, *bv, *cv = NULL, *tmp = NULL;
    la_stack st;
    int nd;
    ptrdiff_t shape[ND_MAXDIMS];
    nd_status s;
    if (!out) return nd_set_error(ND_EVALUE, "%s: out is NULL", who);
    if ((s = prepare(a, b, &av, &bv, &st, &nd, shape, who)) < 0) goto done;
    bool same = out->ndim == nd;
    for (int i = 0; same && i < nd; i++) same = out->shape[i] == shape[i];
    if (!same) {
        char s1[ND_SHAPE_STRLEN], s2[ND_SHAPE_STRLEN];
        s = nd_set_error(ND_ESHAPE, "%s: out has shape %s, the product has shape %s", who,
                      nd__shape_str(s1, sizeof s1, out->ndim, out->shape),
                      nd__shape_str(s2, sizeof s2, nd, shape));
        goto done;
    }
    if (!nd_is_writeable(out)) {
        s = nd_set_error(ND_EVALUE, "%s: out is read-only", who);
        goto done;
    }
    nd_dtype rt = nd_result_type(a->dtype, b->dtype);
    if (!nd_can_cast(rt, out->dtype, ND_CAST_SAME_KIND)) {
        s = nd_set_error(ND_EDTYPE, "%s: cannot cast the product from %s to out's %s under same_kind",
                      who, nd_dtype_name(rt), nd_dtype_name(out->dtype));
        goto done;
    }
    ptrdiff_t m = av->shape[av->ndim - 2], n = bv->shape[bv->ndim - 1];
    if (rt != out->dtype || nd_may_share_memory(out, a) || nd_may_share_memory(out, b)) {
        tmp = nd__alloc(nd, shape, rt, false, who);
        if (!tmp || !(cv = core_view(tmp, &st, m, n))) {
            s = nd_last_error();
            goto done;
        }
        if ((s = la_matmul_core(av, bv, cv, who)) == ND_OK) s = nd__copy_into(out, tmp);
    } else {
        if (!(cv = core_view(out, &st, m, n))) {
            s = nd_last_error();
            goto done;
        }
        s = la_matmul_core(av, bv, cv, who);
    }
done:
    nd_free(av);
    nd_free(bv);
    nd_free(cv);
    nd_free(tmp);
    return s;
}
