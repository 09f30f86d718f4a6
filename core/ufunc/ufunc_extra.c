/* Elementwise functions with parameters: around (decimals), nan_to_num, isclose,
 * allclose, array_equal. */
#include "reduce_internal.h"

#include <float.h>

/* ---- around -------------------------------------------------------------------------- */
/* Integers with negative decimals: round half to even at a power of ten, exactly. */
#define IROUND(E, T, UT, s)                                                              \
    static void iround_##s(char *p, ptrdiff_t n, int64_t f)                             \
    {                                                                                   \
        T *x = (T *)p;                                                                  \
        for (ptrdiff_t i = 0; i < n; i++) {                                             \
            int64_t v = (int64_t)x[i], q = v / f, r = v % f;                            \
            if (r < 0) {                                                                \
                q--;                                                                    \
                r += f;                                                                 \
            }                                                                           \
            if (2 * r > f || (2 * r == f && (q & 1))) q++;                              \
            x[i] = (T)(UT)((uint64_t)q * (uint64_t)f);                                  \
        }                                                                               \
    }
ND__SINT_TYPES(IROUND)
#define UROUND(E, T, UT, s)                                                              \
    static void iround_##s(char *p, ptrdiff_t n, int64_t f)                             \
    {                                                                                   \
        T *x = (T *)p;                                                                  \
        const uint64_t uf = (uint64_t)f;                                                \
        for (ptrdiff_t i = 0; i < n; i++) {                                             \
            uint64_t v = (uint64_t)x[i], q = v / uf, r = v % uf;                        \
            if (2 * r > uf || (2 * r == uf && (q & 1))) q++;                            \
            x[i] = (T)(q * uf);                                                         \
        }                                                                               \
    }
ND__UINT_TYPES(UROUND)
static void (*const iround[ND_NTYPES])(char *, ptrdiff_t, int64_t) = {
    [ND_INT8] = iround_i8, [ND_INT16] = iround_i16, [ND_INT32] = iround_i32,
    [ND_INT64] = iround_i64, [ND_UINT8] = iround_u8, [ND_UINT16] = iround_u16,
    [ND_UINT32] = iround_u32, [ND_UINT64] = iround_u64,
};

nd_status nd_around_into(nd_array *out, const nd_array *a, int decimals)
{
    if (!out || !a) return nd_set_error(ND_EVALUE, "nd_around: array is NULL");
    if (nd__kind_cat(a->dtype) >= 2) {
        double f = pow(10.0, decimals < 0 ? -decimals : decimals);
        nd_status rc = decimals >= 0 ? nd_multiply_into(out, a, f) : nd_divide_into(out, a, f);
        if (rc == ND_OK) rc = nd_rint_into(out, out);
        if (rc == ND_OK)
            rc = decimals >= 0 ? nd_divide_into(out, out, f) : nd_multiply_into(out, out, f);
        return rc;
    }
    nd_status rc = nd_assign(out, a, ND_CAST_SAME_KIND);
    if (rc < 0 || decimals >= 0 || a->dtype == ND_BOOL) return rc;
    if (decimals < -18) return nd_fill(out, ND_I64(0));
    int64_t f = 1;
    for (int k = 0; k < -decimals; k++) f *= 10;
    /* round a C-contiguous working copy, then store it */
    if (nd__need_numeric(out->dtype, "nd_around") < 0) return nd_last_error(); /* iround[] */
    nd_array *w = nd__alloc(out->ndim, out->shape, out->dtype, false, "nd_around");
    if (!w) return nd_last_error();
    rc = nd__copy_into(w, out);
    if (rc == ND_OK && iround[w->dtype]) iround[w->dtype](w->data, w->size, f);
    if (rc == ND_OK) rc = nd__copy_into(out, w);
    nd_free(w);
    return rc;
}

nd_array *nd_around(const nd_array *a, int decimals)
{
    if (!a) return ND_FAIL(ND_EVALUE, "nd_around: array is NULL");
    nd_array *out = nd_empty_like(a, -1);
    if (!out) return NULL;
    if (nd_around_into(out, a, decimals) < 0) {
        nd_free(out);
        return NULL;
    }
    return out;
}

/* ---- nan_to_num ------------------------------------------------------------------------ */
#define NAN2NUM(T, sfx)                                                                  \
    static void nan2num_##sfx(T *p, ptrdiff_t n, T vn, T vp, T vm)                      \
    {                                                                                   \
        for (ptrdiff_t i = 0; i < n; i++) {                                             \
            T v = p[i];                                                                 \
            p[i] = isnan(v) ? vn : v == (T)INFINITY ? vp : v == -(T)INFINITY ? vm : v;  \
        }                                                                               \
    }
NAN2NUM(double, f64)
NAN2NUM(float, f32)

nd_array *nd_nan_to_num(const nd_array *a, double nan, double posinf, double neginf)
{
    if (!a) return ND_FAIL(ND_EVALUE, "nd_nan_to_num: array is NULL");
    nd_array *out = nd_copy(a, ND_ORDER_C);
    if (!out) return NULL;
    const ptrdiff_t n = out->size * (nd_dtype_is_complex(out->dtype) ? 2 : 1);
    if (out->dtype == ND_FLOAT64 || out->dtype == ND_COMPLEX128) {
        nan2num_f64((double *)out->data, n, nan, isnan(posinf) ? DBL_MAX : posinf,
                    isnan(neginf) ? -DBL_MAX : neginf);
    } else if (out->dtype == ND_FLOAT32 || out->dtype == ND_COMPLEX64) {
        nan2num_f32((float *)out->data, n, (float)nan, isnan(posinf) ? FLT_MAX : (float)posinf,
                    isnan(neginf) ? -FLT_MAX : (float)neginf);
    }
    return out;
}

/* ---- isclose / allclose / array_equal ----------------------------------------------------- */
typedef struct close_ctx {
    double rtol, atol;
    bool equal_nan;
} close_ctx;

static inline bool close_f64(double x, double y, const close_ctx *c)
{
    if (isnan(x) || isnan(y)) return c->equal_nan && isnan(x) && isnan(y);
    if (isinf(x) || isinf(y)) return x == y;
    return fabs(x - y) <= c->atol + c->rtol * fabs(y);
}

static void isclose_f64(char **args, const ptrdiff_t *dims, const ptrdiff_t *steps, void *ctx)
{
    const close_ctx *c = ctx;
    for (ptrdiff_t i = 0; i < dims[0]; i++) {
        double x = *(const double *)(args[0] + i * steps[0]);
        double y = *(const double *)(args[1] + i * steps[1]);
        *(bool *)(args[2] + i * steps[2]) = close_f64(x, y, c);
    }
}

static void isclose_c128(char **args, const ptrdiff_t *dims, const ptrdiff_t *steps, void *ctx)
{
    const close_ctx *c = ctx;
    for (ptrdiff_t i = 0; i < dims[0]; i++) {
        const nd__c128 x = *(const nd__c128 *)(args[0] + i * steps[0]);
        const nd__c128 y = *(const nd__c128 *)(args[1] + i * steps[1]);
        bool xn = isnan(x.re) || isnan(x.im), yn = isnan(y.re) || isnan(y.im);
        bool r;
        if (xn || yn) r = c->equal_nan && xn && yn;
        else if (isinf(x.re) || isinf(x.im) || isinf(y.re) || isinf(y.im))
            r = x.re == y.re && x.im == y.im;
        else r = hypot(x.re - y.re, x.im - y.im) <= c->atol + c->rtol * hypot(y.re, y.im);
        *(bool *)(args[2] + i * steps[2]) = r;
    }
}

static const nd__loop_fn isclose_loops[ND_NTYPES] = {
    [ND_FLOAT64] = isclose_f64, [ND_COMPLEX128] = isclose_c128,
};

nd_array *nd_isclose_(nd_operand a, nd_operand b, double rtol, double atol, bool equal_nan)
{
    close_ctx c = { rtol, atol, equal_nan };
    const nd_operand in[2] = { a, b };
    nd_dtype eff[2];
    for (int i = 0; i < 2; i++)
        if (in[i].kind == ND_OPK_ARRAY && !in[i].array)
            return ND_FAIL(ND_EVALUE, "nd_isclose: input %d is NULL", i);
    nd__effective_types(2, in, eff, NULL);
    int t = nd_dtype_is_complex(eff[0]) || nd_dtype_is_complex(eff[1]) ? ND_COMPLEX128
                                                                       : ND_FLOAT64;
    nd_array *out = NULL;
    nd_ufunc_opts o = { .dtype = t, .casting = ND_CAST_UNSAFE };
    if (nd__ufunc_exec(ND_UF_EQUAL, isclose_loops, 1, in, &out, &o, &c, "nd_isclose") < 0)
        return NULL;
    return out;
}

/* 1 when every element of `c` is true, else 0; the error's code when c is NULL or the
 * reduction fails. Takes c (frees it). */
static int all_of(nd_array *c)
{
    if (!c) return nd_last_error();
    nd_array *all = nd_all(c);
    nd_free(c);
    if (!all) return nd_last_error();
    int r = *(const bool *)all->data ? 1 : 0;
    nd_free(all);
    return r;
}

int nd_allclose_(nd_operand a, nd_operand b, double rtol, double atol, bool equal_nan)
{
    return all_of(nd_isclose_(a, b, rtol, atol, equal_nan));
}

int nd_array_equal(const nd_array *a, const nd_array *b, bool equal_nan)
{
    if (!a || !b) return nd_set_error(ND_EVALUE, "nd_array_equal: array is NULL");
    if (a->ndim != b->ndim) return 0;
    for (int d = 0; d < a->ndim; d++)
        if (a->shape[d] != b->shape[d]) return 0;
    nd_array *eq = nd_equal(a, b);
    if (!eq) return nd_last_error();
    if (equal_nan) {
        nd_array *na = nd_isnan(a), *nb = nd_isnan(b);
        nd_status rc = (na && nb) ? nd_logical_and_into(na, na, nb) : nd_last_error();
        if (rc == ND_OK) rc = nd_logical_or_into(eq, eq, na);
        nd_free(na);
        nd_free(nb);
        if (rc < 0) {
            nd_free(eq);
            return rc;
        }
    }
    return all_of(eq);
}
