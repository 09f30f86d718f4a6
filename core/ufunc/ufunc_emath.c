/* numpy.emath (numpy.lib.scimath): sqrt, log, log2, log10, logn, power, arccos, arcsin
 * and arctanh that give the complex principal value where the real function has none.
 *
 * NumPy 1.24's recipe, step for step: an input is converted to complex when it is real and
 * has an element out of the real domain (x < 0 for the roots and logarithms; |x| > 1 for
 * arccos, arcsin, arctanh) -- complex64 for float32, int8, int16, uint8, uint16
 * (_tocomplex), complex128 otherwise -- and the ordinary ufunc then runs on it. An input
 * that is entirely in the domain stays real, and a complex input is left alone. power's
 * exponent becomes float64 when it is an integer array with a negative element
 * (_fix_int_lt_zero). The functions compose the public ufuncs (nd_less, nd_any,
 * nd_absolute, nd_astype, the function itself); errors name the emath function. */
#include "ufunc_internal.h"

typedef enum em_fix { EM_LT_ZERO, EM_ABS_GT_1, EM_INT_LT_ZERO } em_fix;

/* An operand after the fix: `op` refers to `own` when a new array was made. */
typedef struct em_arg {
    nd_operand op;
    nd_array *own;
} em_arg;

/* numpy.lib.scimath._tocomplex: the complex type an out-of-domain input becomes. */
static nd_dtype em_complex_of(nd_dtype t)
{
    switch (t) {
    case ND_FLOAT32: case ND_INT8: case ND_INT16: case ND_UINT8: case ND_UINT16:
    case ND_COMPLEX64:
        return ND_COMPLEX64;
    default:
        return ND_COMPLEX128;
    }
}

/* Re-label an inner failure with the emath function's name (the code is kept). */
static nd_status em_fail(const char *who)
{
    nd_status rc = nd_last_error();
    if (rc >= 0) rc = ND_EVALUE;
    char msg[256];
    snprintf(msg, sizeof msg, "%s", nd_errmsg());
    return nd_set_error(rc, "%s: %s", who, msg);
}

/* 1 when the reduction of the bool array `m` (owned, freed here) is true, 0 when false,
 * a negative status on failure. */
static int em_any_free(nd_array *m)
{
    if (!m) return nd_last_error() < 0 ? nd_last_error() : ND_ENOMEM;
    nd_array *r = nd_any(m);
    nd_free(m);
    if (!r) return nd_last_error() < 0 ? nd_last_error() : ND_ENOMEM;
    int v = nd_item_bool(r) ? 1 : 0;
    nd_free(r);
    return v;
}

/* Does the real array `a` have an element out of the domain of `fix`? */
static int em_out_of_domain(const nd_array *a, em_fix fix)
{
    if (fix == EM_ABS_GT_1) {
        nd_array *ab = nd_absolute(a);
        if (!ab) return nd_last_error() < 0 ? nd_last_error() : ND_ENOMEM;
        nd_array *gt = nd_greater(ab, 1);
        nd_free(ab);
        return em_any_free(gt);
    }
    return em_any_free(nd_less(a, 0));
}

/* The domain test is quiet: NumPy's comparisons raise no floating-point warning for NaN. */
static int em_array_out_of_domain(const nd_array *a, em_fix fix)
{
    nd_errstate old = nd_seterr(.all = ND_ERR_IGNORE);
    int r = em_out_of_domain(a, fix);
    nd_seterr_(&old);
    return r;
}

static bool em_scalar_out_of_domain(nd_scalar s, em_fix fix)
{
    char k = nd_dtype_kind(s.dtype);
    if (k == 'b' || k == 'u' || k == 'c') return false;
    if (k == 'i') {
        int64_t v = s.v.i;
        /* NumPy's abs of the type's smallest integer wraps (not > 1); an int64 scalar
         * never is that small in practice, but keep the rule: */
        return fix == EM_ABS_GT_1 ? (v > 1 || (v < -1 && v != INT64_MIN)) : v < 0;
    }
    double v = nd_scalar_as_f64(s);
    return fix == EM_ABS_GT_1 ? fabs(v) > 1 : v < 0;
}

/* Apply one of scimath's _fix_* to operand `x`. A NULL array is ND_EVALUE. */
static nd_status em_fix_arg(nd_operand x, em_fix fix, em_arg *out, const char *who)
{
    out->op = x;
    out->own = NULL;
    if (x.kind == ND_OPK_ARRAY && !x.array) return nd_set_error(ND_EVALUE, "%s: array is NULL", who);
    if (x.kind != ND_OPK_ARRAY && x.kind != ND_OPK_SCALAR)
        return nd_set_error(ND_EVALUE, "%s: missing operand", who);
    nd_dtype t = x.kind == ND_OPK_ARRAY ? nd_dtype_of(x.array) : x.scalar.dtype;
    char k = nd_dtype_kind(t);
    /* Only real signed or float inputs can be out of the domain. */
    if (k == 'b' || k == 'u' || k == 'c') return ND_OK;
    if (fix == EM_INT_LT_ZERO && k != 'i') return ND_OK;
    if (x.kind == ND_OPK_SCALAR) {
        if (!em_scalar_out_of_domain(x.scalar, fix)) return ND_OK;
        nd_scalar s;
        memset(&s, 0, sizeof s);
        if (fix == EM_INT_LT_ZERO) {
            s.dtype = ND_FLOAT64;
            s.v.f = nd_scalar_as_f64(x.scalar);
        } else {
            s.dtype = em_complex_of(t);
            s.v.c[0] = nd_scalar_as_f64(x.scalar);
            s.v.c[1] = 0;
        }
        out->op = nd_op_scalar(s);
        return ND_OK;
    }
    int bad = em_array_out_of_domain(x.array, fix);
    if (bad < 0) return em_fail(who);
    if (!bad) return ND_OK;
    nd_dtype to = fix == EM_INT_LT_ZERO ? ND_FLOAT64 : em_complex_of(t);
    out->own = nd_astype(x.array, to, ND_CAST_UNSAFE);
    if (!out->own) return em_fail(who);
    out->op = nd_op_array(out->own);
    return ND_OK;
}

/* NumPy treats a 0-d array like a scalar in promotion (value-based casting, 1.x): the
 * operands of the binary steps (power, the division of logn) do the same here. */
static nd_operand em_as_value(nd_operand x, nd_scalar *store)
{
    if (x.kind != ND_OPK_ARRAY || !x.array || nd_ndim(x.array) != 0) return x;
    if (nd_item(x.array, store) < 0) return x;
    return nd_op_scalar(*store);
}

/* f(fix(x)) for the unary functions. */
static nd_array *em_unary(nd_ufunc f, nd_operand x, em_fix fix, const char *who)
{
    em_arg a;
    if (em_fix_arg(x, fix, &a, who) < 0) return NULL;
    nd_array *r = NULL;
    if (nd__ufunc_exec(f, NULL, 1, &a.op, &r, NULL, NULL, who) < 0) r = NULL;
    nd_free(a.own);
    return r;
}

nd_array *nd_emath_sqrt_(nd_operand x) { return em_unary(ND_UF_SQRT, x, EM_LT_ZERO, "nd_emath_sqrt"); }
nd_array *nd_emath_log_(nd_operand x) { return em_unary(ND_UF_LOG, x, EM_LT_ZERO, "nd_emath_log"); }
nd_array *nd_emath_log2_(nd_operand x) { return em_unary(ND_UF_LOG2, x, EM_LT_ZERO, "nd_emath_log2"); }
nd_array *nd_emath_log10_(nd_operand x)
{
    return em_unary(ND_UF_LOG10, x, EM_LT_ZERO, "nd_emath_log10");
}
nd_array *nd_emath_arccos_(nd_operand x)
{
    return em_unary(ND_UF_ARCCOS, x, EM_ABS_GT_1, "nd_emath_arccos");
}
nd_array *nd_emath_arcsin_(nd_operand x)
{
    return em_unary(ND_UF_ARCSIN, x, EM_ABS_GT_1, "nd_emath_arcsin");
}
nd_array *nd_emath_arctanh_(nd_operand x)
{
    return em_unary(ND_UF_ARCTANH, x, EM_ABS_GT_1, "nd_emath_arctanh");
}

/* em_fix_arg for the two operands of a binary function; nothing to free on failure. */
static nd_status em_fix_args(nd_operand a, em_fix fa, em_arg *oa, nd_operand b, em_fix fb,
                             em_arg *ob, const char *who)
{
    nd_status st = em_fix_arg(a, fa, oa, who);
    if (st < 0) return st;
    st = em_fix_arg(b, fb, ob, who);
    if (st < 0) nd_free(oa->own);
    return st;
}

/* f(a, b) with 0-d operands taken by value. */
static nd_array *em_binary(nd_ufunc f, nd_operand a, nd_operand b, const char *who)
{
    nd_scalar sa, sb;
    const nd_operand in[2] = { em_as_value(a, &sa), em_as_value(b, &sb) };
    nd_array *r = NULL;
    if (nd__ufunc_exec(f, NULL, 1, in, &r, NULL, NULL, who) < 0) return NULL;
    return r;
}

nd_array *nd_emath_logn_(nd_operand n, nd_operand x)
{
    const char *who = "nd_emath_logn";
    em_arg ax, an;
    if (em_fix_args(x, EM_LT_ZERO, &ax, n, EM_LT_ZERO, &an, who) < 0) return NULL;
    nd_array *lx = NULL, *ln = NULL, *r = NULL;
    if (nd__ufunc_exec(ND_UF_LOG, NULL, 1, &ax.op, &lx, NULL, NULL, who) == ND_OK &&
        nd__ufunc_exec(ND_UF_LOG, NULL, 1, &an.op, &ln, NULL, NULL, who) == ND_OK)
        r = em_binary(ND_UF_DIVIDE, nd_op_array(lx), nd_op_array(ln), who);
    nd_free(lx);
    nd_free(ln);
    nd_free(ax.own);
    nd_free(an.own);
    return r;
}

nd_array *nd_emath_power_(nd_operand x, nd_operand p)
{
    const char *who = "nd_emath_power";
    em_arg ax, ap;
    if (em_fix_args(x, EM_LT_ZERO, &ax, p, EM_INT_LT_ZERO, &ap, who) < 0) return NULL;
    nd_array *r = em_binary(ND_UF_POWER, ax.op, ap.op, who);
    nd_free(ax.own);
    nd_free(ap.own);
    return r;
}
