/* Shared linalg helpers: compute types, stacks, workspace copies, small elementwise loops. */
#include "la_internal.h"

#include <float.h>
#include <limits.h>
#include <string.h>

nd_dtype la_ftype(nd_dtype t)
{
    switch (t) {
    case ND_FLOAT32:
    case ND_COMPLEX64:
    case ND_COMPLEX128: return t;
    default: return ND_FLOAT64;
    }
}

nd_dtype la_rtype(nd_dtype t)
{
    return (t == ND_FLOAT32 || t == ND_COMPLEX64) ? ND_FLOAT32 : ND_FLOAT64;
}

double la_eps(nd_dtype t)
{
    return la_rtype(t) == ND_FLOAT32 ? (double)FLT_EPSILON : DBL_EPSILON;
}

/* ---- stacks --------------------------------------------------------------------------- */

nd_status la_stack_init(la_stack *st, int n, const nd_array *const *a, const int *core,
                        const char *who)
{
    int ndims[ND_ITER_MAXOP];
    const ptrdiff_t *shapes[ND_ITER_MAXOP];
    if (n > ND_ITER_MAXOP) return nd_set_error(ND_EVALUE, "%s: too many operands", who);
    for (int i = 0; i < n; i++) {
        ndims[i] = a[i]->ndim - core[i];
        shapes[i] = a[i]->shape;
    }
    nd_status s = nd__broadcast(n, ndims, shapes, &st->nd, st->shape, who);
    if (s < 0) return s;
    st->count = 1;
    for (int d = 0; d < st->nd; d++) st->count *= st->shape[d];
    return ND_OK;
}

void la_stack_of(la_stack *st, const nd_array *a, int core)
{
    st->nd = a->ndim - core;
    st->count = 1;
    for (int d = 0; d < st->nd; d++) st->count *= (st->shape[d] = a->shape[d]);
}

nd_status la_matrix_stack(la_stack *st, const nd_array *a, bool square, const char *who)
{
    nd_status s = square ? la_check_square(a, who) : la_check_2d(a, who);
    if (s < 0) return s;
    if ((s = la_check_int(a->shape[a->ndim - 2], who)) < 0) return s;
    if (!square && (s = la_check_int(a->shape[a->ndim - 1], who)) < 0) return s;
    if ((s = nd__need_lapack(who)) < 0) return s;
    la_stack_of(st, a, 2);
    return ND_OK;
}

char *la_item(const nd_array *a, int core, const la_stack *st, ptrdiff_t i)
{
    char *p = a->data;
    int lead = a->ndim - core, off = st->nd - lead;
    for (int d = st->nd - 1; d >= 0; d--) {
        ptrdiff_t idx = i % st->shape[d];
        i /= st->shape[d];
        int k = d - off;
        if (k >= 0 && a->shape[k] != 1) p += idx * a->strides[k];
    }
    return p;
}

void *la_malloc(size_t nbytes, const char *who)
{
    return nd_malloc(nbytes + LA_PAD, who);
}

nd_array *la_alloc(const la_stack *st, int ncore, const ptrdiff_t *core, nd_dtype t,
                   const char *who)
{
    ptrdiff_t shape[ND_MAXDIMS];
    if (st->nd + ncore > ND_MAXDIMS)
        return ND_FAIL(ND_EVALUE, "%s: result would have more than %d dimensions", who, ND_MAXDIMS);
    memcpy(shape, st->shape, sizeof(ptrdiff_t) * (size_t)st->nd);
    for (int i = 0; i < ncore; i++) shape[st->nd + i] = core[i];
    return nd__alloc(st->nd + ncore, shape, t, false, who);
}

/* ---- workspace copies ----------------------------------------------------------------- */

/* Tiles keep both the strided side and the contiguous side of a transposing copy in cache. */
enum { TILE = 32 };

/* dst (type dt, byte strides drs between rows, dcs between columns) = the m×n matrix at src
 * (type st, strides srs, scs), converted: column by column when by_cols, else row by row
 * in tiles. */
static void copy_matrix(char *dst, nd_dtype dt, ptrdiff_t drs, ptrdiff_t dcs, const char *src,
                        nd_dtype st, ptrdiff_t srs, ptrdiff_t scs, ptrdiff_t m, ptrdiff_t n,
                        bool by_cols)
{
    if (by_cols) {
        for (ptrdiff_t j = 0; j < n; j++)
            nd_cast_strided(dst + j * dcs, dt, drs, src + j * scs, st, srs, m);
        return;
    }
    for (ptrdiff_t i0 = 0; i0 < m; i0 += TILE) {
        ptrdiff_t mi = m - i0 < TILE ? m - i0 : TILE;
        for (ptrdiff_t j0 = 0; j0 < n; j0 += TILE) {
            ptrdiff_t nj = n - j0 < TILE ? n - j0 : TILE;
            for (ptrdiff_t i = i0; i < i0 + mi; i++)
                nd_cast_strided(dst + i * drs + j0 * dcs, dt, dcs, src + i * srs + j0 * scs, st,
                                scs, nj);
        }
    }
}

#define ABS(v) ((v) < 0 ? -(v) : (v))

void la_load(void *dst, nd_dtype t, ptrdiff_t ld, const char *src, nd_dtype st, ptrdiff_t rs,
             ptrdiff_t cs, ptrdiff_t m, ptrdiff_t n)
{
    ptrdiff_t isz = (ptrdiff_t)nd_dtype_size(t);
    /* By columns when they are runs in the source. */
    copy_matrix(dst, t, isz, ld * isz, src, st, rs, cs, m, n,
                cs != 0 && (rs == 0 || ABS(rs) <= ABS(cs)));
}

void la_store(char *dst, nd_dtype dt, ptrdiff_t rs, ptrdiff_t cs, const void *src, nd_dtype st,
              ptrdiff_t ld, ptrdiff_t m, ptrdiff_t n)
{
    ptrdiff_t isz = (ptrdiff_t)nd_dtype_size(st);
    copy_matrix(dst, dt, rs, cs, src, st, isz, ld * isz, m, n,
                rs != 0 && (cs == 0 || ABS(rs) <= ABS(cs)));
}

void la_identity(void *a, nd_dtype t, ptrdiff_t ld, ptrdiff_t m, ptrdiff_t n)
{
    size_t isz = nd_dtype_size(t);
    memset(a, 0, isz * (size_t)(ld * n));
    for (ptrdiff_t i = 0; i < m && i < n; i++)
        nd__scalar_store((char *)a + (size_t)(i * ld + i) * isz, t, ND_F64(1.0));
}

nd_array *la_ccopy(const nd_array *a, nd_dtype t, const char *who)
{
    nd_array *r = nd__alloc(a->ndim, a->shape, t, false, who);
    if (r && nd__copy_into(r, a) < 0) {
        nd_free(r);
        return NULL;
    }
    return r;
}

/* ---- checks ------------------------------------------------------------------------------ */

nd_status la_check_2d(const nd_array *a, const char *who)
{
    if (!a) return nd_set_error(ND_EVALUE, "%s: array is NULL", who);
    if (nd__need_numeric(a->dtype, who) < 0) return nd_last_error(); /* la_load's casts are numeric */
    if (a->ndim < 2)
        return nd_set_error(ND_ELINALG,
                         "%s: %d-dimensional array given. Array must be at least two-dimensional",
                         who, a->ndim);
    return ND_OK;
}

nd_status la_check_square(const nd_array *a, const char *who)
{
    nd_status s = la_check_2d(a, who);
    if (s < 0) return s;
    if (a->shape[a->ndim - 1] != a->shape[a->ndim - 2])
        return nd_set_error(ND_ELINALG, "%s: last 2 dimensions of the array must be square (got %td x %td)",
                         who, a->shape[a->ndim - 2], a->shape[a->ndim - 1]);
    return ND_OK;
}

nd_status la_check_int(ptrdiff_t v, const char *who)
{
    if (v > INT_MAX)
        return nd_set_error(ND_EVALUE, "%s: dimension %td exceeds the 32-bit limit of BLAS/LAPACK", who, v);
    return ND_OK;
}

/* ---- elementwise multiply ------------------------------------------------------------------- */

/* Integers multiply in uint64 arithmetic: wrap-around is then defined, and truncating to
 * the result dtype gives exactly NumPy's fixed-width result. */
#define MUL_LOOP(name, T, OP)                                                                \
    static void name(char **p, ptrdiff_t n, const ptrdiff_t *s)                             \
    {                                                                                       \
        for (ptrdiff_t i = 0; i < n; i++)                                                   \
            *(T *)(p[0] + i * s[0]) = OP(*(const T *)(p[1] + i * s[1]), *(const T *)(p[2] + i * s[2])); \
    }
#define TIMES(x, y) ((x) * (y))
#define AND(x, y) ((x) && (y))
MUL_LOOP(mul_f32, float, TIMES)
MUL_LOOP(mul_f64, double, TIMES)
MUL_LOOP(mul_c64, la_c64, TIMES)
MUL_LOOP(mul_c128, la_c128, TIMES)
MUL_LOOP(mul_u64, uint64_t, TIMES)
MUL_LOOP(mul_bool, bool, AND)

/* The dtype products are computed in: floats as themselves, integers as uint64. */
static nd_dtype mul_ctype(nd_dtype t)
{
    if (nd_dtype_is_integer(t)) return ND_UINT64;
    return t;
}

nd_array *la_multiply(const nd_array *a, const nd_array *b, const char *who)
{
    nd_dtype rt = nd_result_type(a->dtype, b->dtype), ct = mul_ctype(rt);
    int ndims[2] = { a->ndim, b->ndim }, nd;
    const ptrdiff_t *shapes[2] = { a->shape, b->shape };
    ptrdiff_t shape[ND_MAXDIMS];
    if (nd__broadcast(2, ndims, shapes, &nd, shape, who) < 0) return NULL;
    nd_array *ac = a->dtype == ct ? nd_ref(a) : nd_astype(a, ct, ND_CAST_UNSAFE);
    nd_array *bc = b->dtype == ct ? nd_ref(b) : nd_astype(b, ct, ND_CAST_UNSAFE);
    nd_array *out = nd__alloc(nd, shape, ct, false, who), *res = NULL;
    if (!ac || !bc || !out) goto done;
    nd_array *ops[3] = { out, ac, bc };
    nd_iter it;
    if (nd_iter_init(&it, 3, ops, nd, shape) < 0) goto done;
    if (it.size) do {
            switch (ct) {
            case ND_FLOAT32: mul_f32(it.ptrs, it.inner_size, it.inner_strides); break;
            case ND_FLOAT64: mul_f64(it.ptrs, it.inner_size, it.inner_strides); break;
            case ND_COMPLEX64: mul_c64(it.ptrs, it.inner_size, it.inner_strides); break;
            case ND_COMPLEX128: mul_c128(it.ptrs, it.inner_size, it.inner_strides); break;
            case ND_BOOL: mul_bool(it.ptrs, it.inner_size, it.inner_strides); break;
            default: mul_u64(it.ptrs, it.inner_size, it.inner_strides); break;
            }
        } while (nd_iter_next(&it));
    res = ct == rt ? nd_ref(out) : nd_astype(out, rt, ND_CAST_UNSAFE);
done:
    nd_free(ac);
    nd_free(bc);
    nd_free(out);
    return res;
}

/* ---- sums over the last axis ---------------------------------------------------------------- */

nd_dtype la_sum_dtype(nd_dtype t)
{
    if (t == ND_BOOL || (nd_dtype_is_integer(t) && nd_dtype_kind(t) == 'i')) return ND_INT64;
    if (nd_dtype_is_integer(t)) return ND_UINT64;
    return t;
}

nd_array *la_sum_last(const nd_array *a, nd_dtype out, const char *who)
{
    if (a->ndim < 1) return ND_FAIL(ND_EVALUE, "%s: cannot sum a 0-d array over an axis", who);
    /* Accumulator kind: exact 64-bit for integers, double or complex double for floats. */
    nd_dtype ct = nd_dtype_is_complex(out) ? ND_COMPLEX128
                  : (out == ND_FLOAT32 || out == ND_FLOAT64) ? ND_FLOAT64 : ND_UINT64;
    ptrdiff_t n = a->shape[a->ndim - 1], rstride = a->strides[a->ndim - 1];
    nd_array *r = nd__alloc(a->ndim - 1, a->shape, out, false, who);
    if (!r) return NULL;
    _Alignas(16) char buf[64 * 16];
    ptrdiff_t outer = r->size;
    la_stack st = { .nd = a->ndim - 1, .count = outer };
    memcpy(st.shape, a->shape, sizeof(ptrdiff_t) * (size_t)st.nd);
    for (ptrdiff_t o = 0; o < outer; o++) {
        const char *row = la_item(a, 1, &st, o);
        double s = 0, si = 0;
        uint64_t u = 0;
        for (ptrdiff_t j0 = 0; j0 < n; j0 += 64) {
            ptrdiff_t k = n - j0 < 64 ? n - j0 : 64;
            nd_cast_strided(buf, ct, (ptrdiff_t)nd_dtype_size(ct), row + j0 * rstride, a->dtype,
                            rstride, k);
            if (ct == ND_FLOAT64)
                for (ptrdiff_t j = 0; j < k; j++) s += ((double *)buf)[j];
            else if (ct == ND_COMPLEX128)
                for (ptrdiff_t j = 0; j < k; j++) {
                    s += ((double *)buf)[2 * j];
                    si += ((double *)buf)[2 * j + 1];
                }
            else
                for (ptrdiff_t j = 0; j < k; j++) u += ((uint64_t *)buf)[j];
        }
        char *dst = r->data + o * (ptrdiff_t)nd_dtype_size(out);
        if (ct == ND_FLOAT64) nd_cast_strided(dst, out, 0, &s, ND_FLOAT64, 0, 1);
        else if (ct == ND_COMPLEX128) {
            double c[2] = { s, si };
            nd_cast_strided(dst, out, 0, c, ND_COMPLEX128, 0, 1);
        } else nd_cast_strided(dst, out, 0, &u, ND_UINT64, 0, 1);
    }
    return r;
}

nd_array *la_eye_stack(const la_stack *st, ptrdiff_t n, nd_dtype t, const char *who)
{
    ptrdiff_t core[2] = { n, n };
    nd_array *r = la_alloc(st, 2, core, t, who);
    if (!r) return NULL;
    memset(r->data, 0, (size_t)r->size * nd_dtype_size(t));
    nd_scalar one = ND_F64(1.0);
    for (ptrdiff_t i = 0; i < st->count; i++)
        for (ptrdiff_t j = 0; j < n; j++)
            nd__scalar_store(r->data + ((i * n + j) * n + j) * (ptrdiff_t)nd_dtype_size(t), t, one);
    return r;
}
