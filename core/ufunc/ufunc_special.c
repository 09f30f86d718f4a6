/* Float helpers and predicates with NumPy's semantics: frexp, ldexp, modf, fabs,
 * isposinf / isneginf, iscomplex / isreal, real_if_close, array_equiv. */
#include "special_internal.h"

#include <float.h>
#include <limits.h>

int nd__special_float_type(nd_dtype t)
{
    switch (t) {
    case ND_BOOL: case ND_INT8: case ND_UINT8: case ND_INT16: case ND_UINT16: case ND_FLOAT32:
        return ND_FLOAT32;
    case ND_COMPLEX64: case ND_COMPLEX128:
        return -1;
    default:
        return ND_FLOAT64;
    }
}

nd_array *nd__special_convert(const nd_array *x, nd_dtype t, const char *who)
{
    nd_array *out = nd__alloc(x->ndim, x->shape, t, false, who);
    if (!out) return NULL;
    if (nd__copy_into(out, x) < 0) {
        nd_free(out);
        return NULL;
    }
    return out;
}

/* The float dtype of x for frexp / modf / fabs / ldexp; -1 with ND_EDTYPE for complex. */
static int float_type_of(const nd_array *x, const char *who)
{
    int t = nd__special_float_type(x->dtype);
    if (t < 0)
        nd_set_error(ND_EDTYPE, "%s: not supported for complex input (%s)", who,
                     nd_dtype_name(x->dtype));
    return t;
}

/* ---- frexp / modf ---------------------------------------------------------------------------- */
/* The start of a function with two outputs: NULL outputs until it succeeds, the argument
 * checks, x converted to its float type *t in *a (a fresh array the loop overwrites in
 * place) and the second result in *b, of dtype bt (the float type when bt is -1). */
static nd_status two_outputs(const nd_array *x, nd_array **out1, nd_array **out2, int bt,
                             int *t, nd_array **a, nd_array **b, const char *who)
{
    if (out1) *out1 = NULL;
    if (out2) *out2 = NULL;
    if (!x) return nd_set_error(ND_EVALUE, "%s: array is NULL", who);
    if (!out1 || !out2) return nd_set_error(ND_EVALUE, "%s: output pointer is NULL", who);
    if ((*t = float_type_of(x, who)) < 0) return nd_last_error();
    *a = nd__special_convert(x, (nd_dtype)*t, who);
    *b = *a ? nd__alloc(x->ndim, x->shape, (nd_dtype)(bt < 0 ? *t : bt), false, who) : NULL;
    if (!*b) {
        nd_free(*a);
        return nd_last_error();
    }
    return ND_OK;
}

nd_status nd_frexp(const nd_array *x, nd_array **mantissa, nd_array **exponent)
{
    int t;
    nd_array *m, *e;
    nd_status st = two_outputs(x, mantissa, exponent, ND_INT32, &t, &m, &e, "nd_frexp");
    if (st < 0) return st;
    int32_t *ep = (int32_t *)e->data;
    const ptrdiff_t n = m->size;
    if (t == ND_FLOAT32) {
        float *v = (float *)m->data;
        for (ptrdiff_t i = 0; i < n; i++) {
            int k = 0;
            if (isfinite(v[i])) v[i] = frexpf(v[i], &k);
            ep[i] = (int32_t)k;
        }
    } else {
        double *v = (double *)m->data;
        for (ptrdiff_t i = 0; i < n; i++) {
            int k = 0;
            if (isfinite(v[i])) v[i] = frexp(v[i], &k);
            ep[i] = (int32_t)k;
        }
    }
    *mantissa = m;
    *exponent = e;
    return ND_OK;
}

nd_status nd_modf(const nd_array *x, nd_array **frac, nd_array **intpart)
{
    int t;
    nd_array *f, *ip;
    nd_status st = two_outputs(x, frac, intpart, -1, &t, &f, &ip, "nd_modf");
    if (st < 0) return st;
    const ptrdiff_t n = f->size;
    if (t == ND_FLOAT32) {
        float *v = (float *)f->data, *w = (float *)ip->data;
        for (ptrdiff_t i = 0; i < n; i++) v[i] = modff(v[i], &w[i]);
    } else {
        double *v = (double *)f->data, *w = (double *)ip->data;
        for (ptrdiff_t i = 0; i < n; i++) v[i] = modf(v[i], &w[i]);
    }
    *frac = f;
    *intpart = ip;
    return ND_OK;
}

/* ---- ldexp ------------------------------------------------------------------------------------ */
/* An operand as an array: the array itself (a new reference) or a 0-d array of the scalar. */
static nd_array *operand_array(nd_operand o, const char *who)
{
    if (o.kind == ND_OPK_SCALAR) return nd_scalar_array(o.scalar);
    if (o.kind != ND_OPK_ARRAY || !o.array)
        return ND_FAIL(ND_EVALUE, "%s: array is NULL", who);
    return nd_ref(o.array);
}

/* NumPy's ldexp loops take an int (intc) or long exponent; a long beyond int saturates. */
static inline int exp_clamp(int64_t e)
{
    return e > INT_MAX ? INT_MAX : e < INT_MIN ? INT_MIN : (int)e;
}

nd_array *nd_ldexp_(nd_operand x, nd_operand e)
{
    static const char *who = "nd_ldexp";
    if ((x.kind == ND_OPK_ARRAY && !x.array) || (e.kind == ND_OPK_ARRAY && !e.array) ||
        x.kind == ND_OPK_NONE || e.kind == ND_OPK_NONE)
        return ND_FAIL(ND_EVALUE, "%s: array is NULL", who);
    nd_array *xa = operand_array(x, who), *ea = xa ? operand_array(e, who) : NULL;
    nd_array *xv = NULL, *ev = NULL, *xc = NULL, *ec = NULL;
    nd_array *out = NULL;
    if (!ea) goto done;
    const int t = x.kind == ND_OPK_SCALAR
                      ? (nd_dtype_is_complex(xa->dtype) ? -1 : ND_FLOAT64)
                      : nd__special_float_type(xa->dtype);
    if (t < 0) {
        nd_set_error(ND_EDTYPE, "%s: not supported for complex x (%s)", who,
                     nd_dtype_name(xa->dtype));
        goto done;
    }
    const nd_dtype et = ea->dtype;
    const bool e_ok = et == ND_BOOL || (nd_dtype_is_integer(et) && et != ND_UINT64) ||
                      (et == ND_UINT64 && e.kind == ND_OPK_SCALAR &&
                       e.scalar.v.u <= (uint64_t)INT64_MAX);
    if (!e_ok) {
        nd_set_error(ND_EDTYPE, "%s: the exponent must be integers, not %s", who,
                     nd_dtype_name(et));
        goto done;
    }
    /* broadcast, then C-contiguous copies: x in its float dtype (it becomes the result),
     * e as int64 */
    int ndim;
    ptrdiff_t shape[ND_MAXDIMS];
    const int nds[2] = { xa->ndim, ea->ndim };
    const ptrdiff_t *shs[2] = { xa->shape, ea->shape };
    if (nd__broadcast(2, nds, shs, &ndim, shape, who) < 0) goto done;
    xv = nd__broadcast_view(xa, ndim, shape, who);
    ev = xv ? nd__broadcast_view(ea, ndim, shape, who) : NULL;
    xc = ev ? nd__special_convert(xv, (nd_dtype)t, who) : NULL;
    ec = xc ? nd__special_convert(ev, ND_INT64, who) : NULL;
    if (!ec) goto done;
    const int64_t *ep = (const int64_t *)ec->data;
    const ptrdiff_t n = xc->size;
    nd__fpe_clear();
    if (t == ND_FLOAT32) {
        float *v = (float *)xc->data;
        for (ptrdiff_t i = 0; i < n; i++) v[i] = ldexpf(v[i], exp_clamp(ep[i]));
    } else {
        double *v = (double *)xc->data;
        for (ptrdiff_t i = 0; i < n; i++) v[i] = ldexp(v[i], exp_clamp(ep[i]));
    }
    if (nd__fpe_check(who) < 0) goto done;
    out = xc;
    xc = NULL;
done:
    nd_free(xa);
    nd_free(ea);
    nd_free(xv);
    nd_free(ev);
    nd_free(xc);
    nd_free(ec);
    return out;
}

/* ---- fabs ----------------------------------------------------------------------------------- */
nd_array *nd_fabs(const nd_array *x)
{
    static const char *who = "nd_fabs";
    if (!x) return ND_FAIL(ND_EVALUE, "%s: array is NULL", who);
    const int t = float_type_of(x, who);
    if (t < 0) return NULL;
    nd_array *out = nd__special_convert(x, (nd_dtype)t, who);
    if (!out) return NULL;
    const ptrdiff_t n = out->size;
    if (t == ND_FLOAT32) {
        float *v = (float *)out->data;
        for (ptrdiff_t i = 0; i < n; i++) v[i] = fabsf(v[i]);
    } else {
        double *v = (double *)out->data;
        for (ptrdiff_t i = 0; i < n; i++) v[i] = fabs(v[i]);
    }
    return out;
}

/* ---- isposinf / isneginf ------------------------------------------------------------------------ */
static nd_array *signed_inf(const nd_array *x, bool negative, const char *who)
{
    if (!x) return ND_FAIL(ND_EVALUE, "%s: array is NULL", who);
    if (nd_dtype_is_complex(x->dtype))
        return ND_FAIL(ND_EDTYPE,
                       "%s: This operation is not supported for %s values because it would "
                       "be ambiguous.", who, nd_dtype_name(x->dtype));
    if (nd__need_numeric(x->dtype, who) < 0) return NULL; /* not "never infinite" */
    nd_array *out = nd__alloc(x->ndim, x->shape, ND_BOOL, false, who);
    if (!out) return NULL;
    bool *r = (bool *)out->data;
    if (!nd_dtype_is_float(x->dtype)) { /* integers and bool are never infinite */
        memset(r, 0, (size_t)out->size);
        return out;
    }
    nd_array *c = nd__special_convert(x, x->dtype, who);
    if (!c) {
        nd_free(out);
        return NULL;
    }
    const ptrdiff_t n = c->size;
    if (x->dtype == ND_FLOAT32) {
        const float *v = (const float *)c->data, want = negative ? -INFINITY : INFINITY;
        for (ptrdiff_t i = 0; i < n; i++) r[i] = v[i] == want;
    } else {
        const double *v = (const double *)c->data, want = negative ? -INFINITY : INFINITY;
        for (ptrdiff_t i = 0; i < n; i++) r[i] = v[i] == want;
    }
    nd_free(c);
    return out;
}

nd_array *nd_isposinf(const nd_array *x) { return signed_inf(x, false, "nd_isposinf"); }
nd_array *nd_isneginf(const nd_array *x) { return signed_inf(x, true, "nd_isneginf"); }

/* ---- iscomplex / isreal ------------------------------------------------------------------------- */
static nd_array *imag_test(const nd_array *x, bool want_complex, const char *who)
{
    if (!x) return ND_FAIL(ND_EVALUE, "%s: array is NULL", who);
    nd_array *out = nd__alloc(x->ndim, x->shape, ND_BOOL, false, who);
    if (!out) return NULL;
    bool *r = (bool *)out->data;
    if (!nd_dtype_is_complex(x->dtype)) { /* imag is 0 everywhere */
        memset(r, want_complex ? 0 : 1, (size_t)out->size);
        return out;
    }
    nd_array *im = nd_imag(x);
    nd_array *c = im ? nd__special_convert(im, im->dtype, who) : NULL;
    nd_free(im);
    if (!c) {
        nd_free(out);
        return NULL;
    }
    const ptrdiff_t n = c->size;
    if (c->dtype == ND_FLOAT32) {
        const float *v = (const float *)c->data;
        for (ptrdiff_t i = 0; i < n; i++) r[i] = (v[i] != 0) == want_complex;
    } else {
        const double *v = (const double *)c->data;
        for (ptrdiff_t i = 0; i < n; i++) r[i] = (v[i] != 0) == want_complex;
    }
    nd_free(c);
    return out;
}

nd_array *nd_iscomplex(const nd_array *x) { return imag_test(x, true, "nd_iscomplex"); }
nd_array *nd_isreal(const nd_array *x) { return imag_test(x, false, "nd_isreal"); }

/* ---- real_if_close ------------------------------------------------------------------------------- */
nd_array *nd_real_if_close_(const nd_array *a, double tol)
{
    static const char *who = "nd_real_if_close";
    if (!a) return ND_FAIL(ND_EVALUE, "%s: array is NULL", who);
    if (!nd_dtype_is_complex(a->dtype)) return nd_ref(a);
    const bool single = a->dtype == ND_COMPLEX64;
    if (tol > 1) tol *= single ? (double)FLT_EPSILON : DBL_EPSILON;
    nd_array *im = nd_imag(a);
    nd_array *c = im ? nd__special_convert(im, im->dtype, who) : NULL;
    nd_free(im);
    if (!c) return NULL;
    bool close = true;
    const ptrdiff_t n = c->size;
    if (single) {
        /* NumPy compares the float32 magnitudes with tol as float32 */
        const float *v = (const float *)c->data, ft = (float)tol;
        for (ptrdiff_t i = 0; i < n && close; i++) close = fabsf(v[i]) < ft;
    } else {
        const double *v = (const double *)c->data;
        for (ptrdiff_t i = 0; i < n && close; i++) close = fabs(v[i]) < tol;
    }
    nd_free(c);
    return close ? nd_real(a) : nd_ref(a);
}

/* ---- array_equiv ------------------------------------------------------------------------------------ */
nd_status nd_array_equiv(const nd_array *a, const nd_array *b, bool *out)
{
    static const char *who = "nd_array_equiv";
    if (out) *out = false;
    if (!a || !b) return nd_set_error(ND_EVALUE, "%s: array is NULL", who);
    if (!out) return nd_set_error(ND_EVALUE, "%s: output pointer is NULL", who);
    /* shapes that do not broadcast: false, without touching the error state */
    const int nd = a->ndim > b->ndim ? a->ndim : b->ndim;
    for (int k = 1; k <= nd; k++) {
        const ptrdiff_t da = k <= a->ndim ? a->shape[a->ndim - k] : 1;
        const ptrdiff_t db = k <= b->ndim ? b->shape[b->ndim - k] : 1;
        if (da != db && da != 1 && db != 1) return ND_OK;
    }
    nd_array *eq = nd_equal(a, b);
    if (!eq) return nd_last_error();
    nd_array *all = nd_all(eq);
    nd_free(eq);
    if (!all) return nd_last_error();
    *out = *(const bool *)all->data;
    nd_free(all);
    return ND_OK;
}
