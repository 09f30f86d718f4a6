/* numpy.interp (piecewise-linear, optional period) and numpy.convolve (direct sum, the
 * three modes). */
#include "reduce_internal.h"

#include <stdlib.h>

/* ---- interp ---------------------------------------------------------------------------- */
typedef struct pair {
    double x, re, im;
} pair;

static int cmp_pair(const void *a, const void *b)
{
    double x = ((const pair *)a)->x, y = ((const pair *)b)->x;
    return (x > y) - (x < y);
}

/* Index j with xp[j] <= v < xp[j+1], for xp[0] <= v < xp[n-1]. */
static ptrdiff_t bisect(const pair *p, ptrdiff_t n, double v)
{
    ptrdiff_t lo = 0, hi = n - 1;
    while (hi - lo > 1) {
        ptrdiff_t mid = lo + (hi - lo) / 2;
        if (p[mid].x <= v) lo = mid;
        else hi = mid;
    }
    return lo;
}

/* The arguments NumPy accepts: 1-D xp and fp of one non-zero length, real x and xp, a
 * non-negative period. */
static nd_status interp_check(const nd_array *x, const nd_array *xp, const nd_array *fp,
                              double period, const char *who)
{
    if (!x || !xp || !fp) return nd_set_error(ND_EVALUE, "%s: input is NULL", who);
    if (xp->ndim != 1 || fp->ndim != 1 || xp->shape[0] != fp->shape[0])
        return nd_set_error(ND_EVALUE,
                            "%s: fp and xp are not of the same length (%td and %td)", who,
                            fp->ndim == 1 ? fp->shape[0] : -1, xp->ndim == 1 ? xp->shape[0] : -1);
    if (xp->shape[0] == 0)
        return nd_set_error(ND_EVALUE, "%s: array of sample points is empty", who);
    if (nd_dtype_is_complex(xp->dtype) || nd_dtype_is_complex(x->dtype))
        return nd_set_error(ND_EDTYPE, "%s: x and xp must be real", who);
    if (period < 0 || isnan(period))
        return nd_set_error(ND_EVALUE, "%s: period must be a positive number", who);
    return ND_OK;
}

/* p[0..n) = (xp, fp) as doubles (fp's imaginary parts 0 unless cplx); buf holds 2n. */
static nd_status interp_samples(pair *p, const nd_array *xp, const nd_array *fp, ptrdiff_t n,
                                bool cplx, double *buf)
{
    if (nd_to_f64(xp, buf) < 0) return nd_last_error();
    for (ptrdiff_t i = 0; i < n; i++) p[i].x = buf[i];
    if (cplx) {
        nd_array *c = nd_astype(fp, ND_COMPLEX128, ND_CAST_UNSAFE);
        if (!c) return nd_last_error();
        nd_array *cc = nd_ascontiguousarray(c);
        nd_free(c);
        if (!cc) return nd_last_error();
        const double *z = (const double *)cc->data;
        for (ptrdiff_t i = 0; i < n; i++) {
            p[i].re = z[2 * i];
            p[i].im = z[2 * i + 1];
        }
        nd_free(cc);
    } else {
        if (nd_to_f64(fp, buf) < 0) return nd_last_error();
        for (ptrdiff_t i = 0; i < n; i++) {
            p[i].re = buf[i];
            p[i].im = 0;
        }
    }
    return ND_OK;
}

/* Periodic interp: xp mod period, sorted, extended by one period on both sides (p holds
 * n + 2; *n grows by 2), and x mod period. */
static void interp_wrap(pair *p, ptrdiff_t *n, double *xv, ptrdiff_t nx, double per)
{
    const ptrdiff_t m = *n;
    for (ptrdiff_t i = 0; i < m; i++) {
        p[i].x = fmod(p[i].x, per);
        if (p[i].x < 0) p[i].x += per;
    }
    qsort(p, (size_t)m, sizeof(pair), cmp_pair);
    memmove(p + 1, p, sizeof(pair) * (size_t)m);
    p[0] = p[m];
    p[0].x -= per;
    p[m + 1] = p[1];
    p[m + 1].x += per;
    *n = m + 2;
    for (ptrdiff_t i = 0; i < nx; i++) {
        xv[i] = fmod(xv[i], per);
        if (xv[i] < 0) xv[i] += per;
    }
}

/* The interpolant at v: lft / rgt outside [p[0].x, p[n-1].x], NaN at NaN. */
static pair interp_at(const pair *p, ptrdiff_t n, pair lft, pair rgt, double v)
{
    if (isnan(v)) return (pair){ 0, v, 0 }; /* NumPy: nan, or nan+0j for complex fp */
    if (v < p[0].x) return lft;
    if (v > p[n - 1].x) return rgt;
    if (v == p[n - 1].x) return p[n - 1];
    ptrdiff_t j = bisect(p, n, v);
    if (p[j].x == v) return p[j];
    /* NumPy's form: slope * (x - xp[j]) + fp[j], with the same NaN fallback to the right
     * value when the slope is not finite */
    double dx = p[j + 1].x - p[j].x;
    double sr = (p[j + 1].re - p[j].re) / dx, si = (p[j + 1].im - p[j].im) / dx;
    double re = sr * (v - p[j].x) + p[j].re;
    double im = si * (v - p[j].x) + p[j].im;
    if (isnan(re)) {
        re = sr * (v - p[j + 1].x) + p[j + 1].re;
        if (isnan(re) && p[j].re == p[j + 1].re) re = p[j].re;
    }
    if (isnan(im)) {
        im = si * (v - p[j + 1].x) + p[j + 1].im;
        if (isnan(im) && p[j].im == p[j + 1].im) im = p[j].im;
    }
    return (pair){ v, re, im };
}

nd_array *nd_interp_(const nd_array *x, const nd_array *xp, const nd_array *fp,
                     const nd_interp_opts *o)
{
    static const char *who = "nd_interp";
    const nd_interp_opts opts = o ? *o : (nd_interp_opts){ 0 };
    if (interp_check(x, xp, fp, opts.period, who) < 0) return NULL;
    const bool cplx = nd_dtype_is_complex(fp->dtype);
    ptrdiff_t n = xp->shape[0];
    const ptrdiff_t nx = x->size;
    pair *p = nd__malloc_n(n + 2, sizeof(pair), who);
    double *xv = nd__malloc_n(nx ? nx : 1, sizeof(double), who);
    double *buf = nd_malloc(sizeof(double) * 2 * (size_t)(n ? n : 1), who);
    nd_array *out = NULL;
    if (!p || !xv || !buf || interp_samples(p, xp, fp, n, cplx, buf) < 0 ||
        nd_to_f64(x, xv) < 0)
        goto done;
    const double per = opts.period;
    if (per > 0) interp_wrap(p, &n, xv, nx, per);
    out = nd__alloc(x->ndim, x->shape, cplx ? ND_COMPLEX128 : ND_FLOAT64, false, who);
    if (!out) goto done;
    const pair lft = opts.left && per <= 0 ? (pair){ 0, *opts.left, 0 } : p[0];
    const pair rgt = opts.right && per <= 0 ? (pair){ 0, *opts.right, 0 } : p[n - 1];
    double *r = (double *)out->data;
    for (ptrdiff_t i = 0; i < nx; i++) {
        const pair y = interp_at(p, n, lft, rgt, xv[i]);
        if (cplx) {
            r[2 * i] = y.re;
            r[2 * i + 1] = y.im;
        } else {
            r[i] = y.re;
        }
    }
done:
    nd_free_mem(p);
    nd_free_mem(xv);
    nd_free_mem(buf);
    return out;
}

/* ---- convolve -------------------------------------------------------------------------- */
/* full[k] = sum_i a[i] v[k - i]; out[j] = full[j + off] for j < len. ACC is the sum's
 * type, starting at ZERO; MAC(ACC, acc, x, y) adds x * y to it; the sum over i stops
 * once DONE(acc) (an OR of ANDs for bool). */
#define CONV_KERNEL(s, T, ACC, ZERO, MAC, DONE)                                          \
    static void conv_##s(const char *ap, ptrdiff_t na, const char *vp, ptrdiff_t nv,    \
                         char *op, ptrdiff_t off, ptrdiff_t len)                        \
    {                                                                                   \
        const T *a = (const T *)ap, *v = (const T *)vp;                                 \
        T *o = (T *)op;                                                                 \
        for (ptrdiff_t j = 0; j < len; j++) {                                           \
            ptrdiff_t k = j + off;                                                      \
            ptrdiff_t lo = k - (nv - 1) > 0 ? k - (nv - 1) : 0, hi = k < na - 1 ? k : na - 1; \
            ACC acc = ZERO;                                                             \
            for (ptrdiff_t i = lo; i <= hi && !DONE(acc); i++) MAC(ACC, acc, a[i], v[k - i]); \
            o[j] = acc; /* converts as (T)acc would; complex T takes no cast */      \
        }                                                                               \
    }
#define CONV_NEVER(acc) false
#define CONV_MAC_REAL(UT, acc, x, y) acc = (UT)(acc + (UT)(x) * (UT)(y))
#define CONV_REAL(E, T, UT, s) CONV_KERNEL(s, T, UT, 0, CONV_MAC_REAL, CONV_NEVER)
ND__INT_TYPES(CONV_REAL)
ND__FLOAT_TYPES(CONV_REAL)

#define CONV_ANY(acc) (acc)
#define CONV_MAC_BOOL(B, acc, x, y) acc = (x) && (y)
CONV_KERNEL(b, bool, bool, false, CONV_MAC_BOOL, CONV_ANY)

#define CONV_MAC_CPLX(T, acc, x, y)                                                       \
    do {                                                                                \
        const T x_ = (x), y_ = (y);                                                     \
        acc.re += x_.re * y_.re - x_.im * y_.im;                                        \
        acc.im += x_.re * y_.im + x_.im * y_.re;                                        \
    } while (0)
#define CONV_CPLX(E, T, RT, s) CONV_KERNEL(s, T, T, (T){ 0 }, CONV_MAC_CPLX, CONV_NEVER)
ND__COMPLEX_TYPES(CONV_CPLX)

typedef void (*conv_fn)(const char *, ptrdiff_t, const char *, ptrdiff_t, char *, ptrdiff_t,
                        ptrdiff_t);
static const conv_fn conv_table[ND_NTYPES] = {
    [ND_BOOL] = conv_b, [ND_INT8] = conv_i8, [ND_INT16] = conv_i16, [ND_INT32] = conv_i32,
    [ND_INT64] = conv_i64, [ND_UINT8] = conv_u8, [ND_UINT16] = conv_u16,
    [ND_UINT32] = conv_u32, [ND_UINT64] = conv_u64, [ND_FLOAT32] = conv_f32,
    [ND_FLOAT64] = conv_f64, [ND_COMPLEX64] = conv_c64, [ND_COMPLEX128] = conv_c128,
};

nd_array *nd_convolve(const nd_array *a, const nd_array *v, nd_convolve_mode mode)
{
    static const char *who = "nd_convolve";
    if (!a || !v) return ND_FAIL(ND_EVALUE, "%s: input is NULL", who);
    if (a->ndim > 1 || v->ndim > 1) return ND_FAIL(ND_EVALUE, "%s: inputs must be 1-D", who);
    if (a->size == 0) return ND_FAIL(ND_EVALUE, "%s: a cannot be empty", who);
    if (v->size == 0) return ND_FAIL(ND_EVALUE, "%s: v cannot be empty", who);
    if (mode != ND_CONV_FULL && mode != ND_CONV_SAME && mode != ND_CONV_VALID)
        return ND_FAIL(ND_EVALUE, "%s: invalid mode %d", who, (int)mode);
    /* convolution commutes: put the longer one first */
    if (v->size > a->size) {
        const nd_array *t = a;
        a = v;
        v = t;
    }
    const nd_dtype t = nd_result_type(a->dtype, v->dtype);
    if (nd__need_numeric(a->dtype, who) < 0 || nd__need_numeric(v->dtype, who) < 0 ||
        nd__need_numeric(t, who) < 0)
        return NULL; /* conv_table is per numeric dtype */
    const ptrdiff_t na = a->size, nv = v->size;
    ptrdiff_t len, off;
    switch (mode) {
    case ND_CONV_SAME: len = na; off = (nv - 1) / 2; break;
    case ND_CONV_VALID: len = na - nv + 1; off = nv - 1; break;
    default: len = na + nv - 1; off = 0; break;
    }
    nd_array *ac = nd__alloc(1, &na, t, false, who), *vc = nd__alloc(1, &nv, t, false, who);
    nd_array *out = nd__alloc(1, &len, t, false, who);
    if (!ac || !vc || !out || nd__copy_into(ac, a) < 0 || nd__copy_into(vc, v) < 0) {
        nd_free(out);
        out = NULL;
        goto done;
    }
    nd__fpe_clear();
    conv_table[t](ac->data, na, vc->data, nv, out->data, off, len);
    if (nd__fpe_check(who) < 0) {
        nd_free(out);
        out = NULL;
    }
done:
    nd_free(ac);
    nd_free(vc);
    return out;
}
