/* dot, vdot, inner, outer, tensordot, kron, multi_dot, matrix_power, trace.
 *
 * Every contraction is reduced to one 2-D matmul: the summed axes are moved next to each
 * other and the operands reshaped to (M, K) and (K, N) — views when the strides allow
 * it, so a transposed operand still reaches BLAS as a transpose flag. */
#include "la_internal.h"

#include "lazy_blas.h"
#include <string.h>

static nd_array *reshape2(const nd_array *a, ptrdiff_t r, ptrdiff_t c)
{
    return nd_reshape(a, 2, (const ptrdiff_t[]){ r, c });
}

/* Contract axes ax_a of a with ax_b of b (n pairs, already normalised and checked). */
static nd_array *contract(const nd_array *a, const nd_array *b, int n, const int *ax_a,
                          const int *ax_b, const char *who)
{
    int perm_a[ND_MAXDIMS], perm_b[ND_MAXDIMS], na = 0, nb = 0;
    bool used_a[ND_MAXDIMS] = { false }, used_b[ND_MAXDIMS] = { false };
    ptrdiff_t M = 1, N = 1, K = 1, shape[ND_MAXDIMS];
    int nd = 0;
    for (int i = 0; i < n; i++) used_a[ax_a[i]] = used_b[ax_b[i]] = true;
    for (int i = 0; i < a->ndim; i++)
        if (!used_a[i]) {
            perm_a[na++] = i;
            M *= a->shape[i];
            shape[nd++] = a->shape[i];
        }
    for (int i = 0; i < n; i++) {
        perm_a[na++] = ax_a[i];
        perm_b[nb++] = ax_b[i];
        K *= a->shape[ax_a[i]];
    }
    for (int i = 0; i < b->ndim; i++)
        if (!used_b[i]) {
            perm_b[nb++] = i;
            N *= b->shape[i];
            shape[nd++] = b->shape[i];
        }
    nd_array *at = nd_transpose(a, perm_a), *bt = nd_transpose(b, perm_b);
    nd_array *a2 = at ? reshape2(at, M, K) : NULL, *b2 = bt ? reshape2(bt, K, N) : NULL;
    nd_array *c = (a2 && b2) ? la_matmul(a2, b2, who) : NULL;
    nd_array *r = c ? nd_reshape(c, nd, shape) : NULL;
    nd_free(at);
    nd_free(bt);
    nd_free(a2);
    nd_free(b2);
    nd_free(c);
    return r;
}

static nd_status check_pair(const nd_array *a, const nd_array *b, const char *who)
{
    if (!a || !b) return nd_set_error(ND_EVALUE, "%s: operand is NULL", who);
    /* products of numbers only: the 0-d multiply path reads its operands as numbers */
    if (nd__need_numeric(a->dtype, who) < 0 || nd__need_numeric(b->dtype, who) < 0)
        return nd_last_error();
    return ND_OK;
}

nd_array *nd_dot(const nd_array *a, const nd_array *b)
{
    const char *who = "nd_dot";
    if (check_pair(a, b, who) < 0) return NULL;
    if (a->ndim == 0 || b->ndim == 0) return la_multiply(a, b, who);
    if (a->ndim <= 2 && b->ndim <= 2) {
        if (a->shape[a->ndim - 1] != b->shape[b->ndim == 1 ? 0 : b->ndim - 2])
            return ND_FAIL(ND_ESHAPE, "%s: shapes not aligned: %td (dim %d) != %td (dim %d)", who,
                           a->shape[a->ndim - 1], a->ndim - 1, b->shape[b->ndim == 1 ? 0 : b->ndim - 2],
                           b->ndim == 1 ? 0 : b->ndim - 2);
        return la_matmul(a, b, who);
    }
    int axa = a->ndim - 1, axb = b->ndim == 1 ? 0 : b->ndim - 2;
    if (a->shape[axa] != b->shape[axb])
        return ND_FAIL(ND_ESHAPE, "%s: shapes not aligned: %td (dim %d) != %td (dim %d)", who,
                       a->shape[axa], axa, b->shape[axb], axb);
    return contract(a, b, 1, &axa, &axb, who);
}

nd_array *nd_vdot(const nd_array *a, const nd_array *b)
{
    const char *who = "nd_vdot";
    if (check_pair(a, b, who) < 0) return NULL;
    if (a->size != b->size)
        return ND_FAIL(ND_ESHAPE, "%s: vectors have different lengths (%td and %td)", who, a->size, b->size);
    nd_dtype rt = nd_result_type(a->dtype, b->dtype);
    if (!nd_dtype_is_complex(rt)) {
        nd_array *fa = nd_ravel(a), *fb = nd_ravel(b);
        nd_array *r = (fa && fb) ? la_matmul(fa, fb, who) : NULL;
        nd_free(fa);
        nd_free(fb);
        return r;
    }
    /* Complex: BLAS's dotc conjugates the first operand. */
    if (nd__need_blas(who) < 0) return NULL;
    nd_array *ca = la_ccopy(a, rt, who), *cb = la_ccopy(b, rt, who);
    nd_array *r = nd__alloc(0, NULL, rt, false, who);
    if (ca && cb && r) {
        if (rt == ND_COMPLEX64)
            cblas_cdotc_sub((int)a->size, ca->data, 1, cb->data, 1, r->data);
        else
            cblas_zdotc_sub((int)a->size, ca->data, 1, cb->data, 1, r->data);
    } else {
        nd_free(r);
        r = NULL;
    }
    nd_free(ca);
    nd_free(cb);
    return r;
}

nd_array *nd_inner(const nd_array *a, const nd_array *b)
{
    const char *who = "nd_inner";
    if (check_pair(a, b, who) < 0) return NULL;
    if (a->ndim == 0 || b->ndim == 0) return la_multiply(a, b, who);
    int axa = a->ndim - 1, axb = b->ndim - 1;
    if (a->shape[axa] != b->shape[axb])
        return ND_FAIL(ND_ESHAPE, "%s: shapes not aligned: last dimensions %td and %td differ", who,
                       a->shape[axa], b->shape[axb]);
    return contract(a, b, 1, &axa, &axb, who);
}

nd_array *nd_outer(const nd_array *a, const nd_array *b)
{
    const char *who = "nd_outer";
    if (check_pair(a, b, who) < 0) return NULL;
    nd_array *ca = nd_reshape(a, 2, (const ptrdiff_t[]){ a->size, 1 });
    nd_array *cb = nd_reshape(b, 2, (const ptrdiff_t[]){ 1, b->size });
    nd_array *r = (ca && cb) ? la_matmul(ca, cb, who) : NULL;
    nd_free(ca);
    nd_free(cb);
    return r;
}

nd_array *nd_tensordot_axes(const nd_array *a, const nd_array *b, nd_axes axes_a, nd_axes axes_b)
{
    const char *who = "nd_tensordot";
    if (check_pair(a, b, who) < 0) return NULL;
    if (axes_a.n != axes_b.n)
        return ND_FAIL(ND_ESHAPE, "%s: shape-mismatch for sum (%d axes of a, %d of b)", who, axes_a.n,
                       axes_b.n);
    if (axes_a.n < 0 || axes_a.n > a->ndim || axes_b.n > b->ndim)
        return ND_FAIL(ND_EAXIS, "%s: %d axes for arrays of dimensions %d and %d", who, axes_a.n,
                       a->ndim, b->ndim);
    int xa[ND_MAXDIMS], xb[ND_MAXDIMS];
    bool seen_a[ND_MAXDIMS] = { false }, seen_b[ND_MAXDIMS] = { false };
    for (int i = 0; i < axes_a.n; i++) {
        xa[i] = axes_a.ax[i];
        xb[i] = axes_b.ax[i];
        if (nd__norm_axis(&xa[i], a->ndim, who) < 0 || nd__norm_axis(&xb[i], b->ndim, who) < 0)
            return NULL;
        if (seen_a[xa[i]] || seen_b[xb[i]])
            return ND_FAIL(ND_EAXIS, "%s: repeated axis in the axes lists", who);
        seen_a[xa[i]] = seen_b[xb[i]] = true;
        if (a->shape[xa[i]] != b->shape[xb[i]])
            return ND_FAIL(ND_ESHAPE, "%s: shape-mismatch for sum: axis %d of a has %td, axis %d of b has %td",
                           who, xa[i], a->shape[xa[i]], xb[i], b->shape[xb[i]]);
    }
    return contract(a, b, axes_a.n, xa, xb, who);
}

nd_array *nd_tensordot(const nd_array *a, const nd_array *b, int n)
{
    if (check_pair(a, b, "nd_tensordot") < 0) return NULL;
    if (n < 0 || n > a->ndim || n > b->ndim)
        return ND_FAIL(ND_EAXIS, "nd_tensordot: axes=%d for arrays of dimensions %d and %d", n,
                       a ? a->ndim : 0, b ? b->ndim : 0);
    nd_axes xa = { .n = n }, xb = { .n = n };
    for (int i = 0; i < n; i++) {
        xa.ax[i] = a->ndim - n + i;
        xb.ax[i] = i;
    }
    return nd_tensordot_axes(a, b, xa, xb);
}

nd_array *nd_kron(const nd_array *a, const nd_array *b)
{
    const char *who = "nd_kron";
    if (check_pair(a, b, who) < 0) return NULL;
    int nd = a->ndim > b->ndim ? a->ndim : b->ndim;
    if (2 * nd > ND_MAXDIMS) return ND_FAIL(ND_EVALUE, "%s: too many dimensions (%d)", who, nd);
    ptrdiff_t sa[ND_MAXDIMS], sb[ND_MAXDIMS], both[ND_MAXDIMS], fin[ND_MAXDIMS];
    int perm[ND_MAXDIMS];
    for (int i = 0; i < nd; i++) {
        int ka = i - (nd - a->ndim), kb = i - (nd - b->ndim);
        sa[i] = ka >= 0 ? a->shape[ka] : 1;
        sb[i] = kb >= 0 ? b->shape[kb] : 1;
        both[i] = sa[i];
        both[nd + i] = sb[i];
        perm[2 * i] = i;
        perm[2 * i + 1] = nd + i;
        fin[i] = sa[i] * sb[i];
    }
    /* outer(a, b) viewed as a.shape + b.shape, axes interleaved, then merged pairwise. */
    nd_array *o = nd_outer(a, b), *o4 = NULL, *ot = NULL, *oc = NULL, *r = NULL;
    if (!o || !(o4 = nd_reshape(o, 2 * nd, both)) || !(ot = nd_transpose(o4, perm)) ||
        !(oc = nd_copy(ot, ND_ORDER_C)))
        goto done;
    r = nd_reshape(oc, nd, fin);
done:
    nd_free(o);
    nd_free(o4);
    nd_free(ot);
    nd_free(oc);
    return r;
}

/* ---- multi_dot ------------------------------------------------------------------------- */

static nd_array *chain(const nd_array *const *ms, const int *split, int n, int i, int j)
{
    if (i == j) return nd_ref(ms[i]);
    int k = split[i * n + j];
    nd_array *l = chain(ms, split, n, i, k), *r = l ? chain(ms, split, n, k + 1, j) : NULL;
    nd_array *p = r ? la_matmul(l, r, "nd_multi_dot") : NULL;
    nd_free(l);
    nd_free(r);
    return p;
}

nd_array *nd_multi_dot(int n, const nd_array *const *arrays)
{
    const char *who = "nd_multi_dot";
    if (n < 2 || !arrays) return ND_FAIL(ND_EVALUE, "%s: expecting at least two arrays (got %d)", who, n);
    for (int i = 0; i < n; i++) {
        if (!arrays[i]) return ND_FAIL(ND_EVALUE, "%s: array %d is NULL", who, i);
        bool end = i == 0 || i == n - 1;
        if (arrays[i]->ndim != 2 && !(end && arrays[i]->ndim == 1))
            return ND_FAIL(ND_ELINALG, "%s: array %d is %d-dimensional; it must be two-dimensional%s",
                           who, i, arrays[i]->ndim, end ? " (or 1-D)" : "");
    }
    nd_array **ms = nd_calloc((size_t)n, sizeof *ms, who);
    double *cost = nd_calloc((size_t)(n * n), sizeof *cost, who);
    int *split = nd_calloc((size_t)(n * n), sizeof *split, who);
    ptrdiff_t *dims = nd_calloc((size_t)n + 1, sizeof *dims, who);
    nd_array *r = NULL;
    if (!ms || !cost || !split || !dims) goto done;
    /* The first 1-D array is a row vector, the last a column vector (removed at the end). */
    for (int i = 0; i < n; i++) {
        const nd_array *x = arrays[i];
        if (x->ndim == 2) ms[i] = nd_ref(x);
        else if (i == 0) ms[i] = nd_reshape(x, 2, (const ptrdiff_t[]){ 1, x->shape[0] });
        else ms[i] = nd_reshape(x, 2, (const ptrdiff_t[]){ x->shape[0], 1 });
        if (!ms[i]) goto done;
        if (i > 0 && ms[i]->shape[0] != ms[i - 1]->shape[1]) {
            nd_set_error(ND_ESHAPE, "%s: shapes not aligned: array %d has %td columns, array %d has %td rows",
                      who, i - 1, ms[i - 1]->shape[1], i, ms[i]->shape[0]);
            goto done;
        }
        dims[i] = ms[i]->shape[0];
    }
    dims[n] = ms[n - 1]->shape[1];
    /* The classic matrix-chain dynamic programme (Cormen et al., 15.2). */
    for (int len = 1; len < n; len++)
        for (int i = 0; i + len < n; i++) {
            int j = i + len;
            cost[i * n + j] = -1;
            for (int k = i; k < j; k++) {
                double c = cost[i * n + k] + cost[(k + 1) * n + j] +
                           (double)dims[i] * (double)dims[k + 1] * (double)dims[j + 1];
                if (cost[i * n + j] < 0 || c < cost[i * n + j]) {
                    cost[i * n + j] = c;
                    split[i * n + j] = k;
                }
            }
        }
    nd_array *p = chain((const nd_array *const *)ms, split, n, 0, n - 1);
    if (!p) goto done;
    bool first1 = arrays[0]->ndim == 1, last1 = arrays[n - 1]->ndim == 1;
    if (first1 && last1) r = nd_reshape(p, 0, NULL);
    else if (first1) r = nd_reshape(p, 1, &p->shape[1]);
    else if (last1) r = nd_reshape(p, 1, &p->shape[0]);
    else r = nd_ref(p);
    nd_free(p);
done:
    if (ms)
        for (int i = 0; i < n; i++) nd_free(ms[i]);
    nd_free_mem(ms);
    nd_free_mem(cost);
    nd_free_mem(split);
    nd_free_mem(dims);
    return r;
}

/* ---- matrix_power and trace ---------------------------------------------------------------- */

nd_array *nd_matrix_power(const nd_array *a, long n)
{
    const char *who = "nd_matrix_power";
    if (la_check_square(a, who) < 0) return NULL;
    if (n == 0) {
        la_stack st;
        la_stack_of(&st, a, 2);
        return la_eye_stack(&st, a->shape[a->ndim - 1], a->dtype, who);
    }
    nd_array *base = n < 0 ? la_inv(a, false, who) : nd_copy(a, ND_ORDER_C);
    if (!base) return NULL;
    unsigned long e = n < 0 ? 0UL - (unsigned long)n : (unsigned long)n;
    nd_array *result = NULL;
    /* Binary powering: square the base, multiply it in at every set bit. */
    while (e) {
        if (e & 1UL) {
            nd_array *nr = result ? la_matmul(result, base, who) : nd_ref(base);
            nd_free(result);
            if (!(result = nr)) break;
        }
        e >>= 1;
        if (e) {
            nd_array *sq = la_matmul(base, base, who);
            nd_free(base);
            if (!(base = sq)) {
                nd_free(result);
                result = NULL;
                break;
            }
        }
    }
    nd_free(base);
    return result;
}

nd_array *nd_trace(const nd_array *a, ptrdiff_t offset, int axis1, int axis2)
{
    if (!a) return ND_FAIL(ND_EVALUE, "nd_trace: array is NULL");
    if (a->ndim < 2)
        return ND_FAIL(ND_EVALUE, "nd_trace: diag requires an array of at least two dimensions (got %d)",
                       a->ndim);
    nd_array *d = nd_diagonal(a, offset, axis1, axis2);
    if (!d) return NULL;
    nd_array *r = la_sum_last(d, la_sum_dtype(a->dtype), "nd_trace");
    nd_free(d);
    return r;
}
