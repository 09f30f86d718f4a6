/* numc — masked arrays: elementwise functions (numpy.ma's masked ufuncs).
 *
 * NumPy 1.24 treats a ufunc on masked arrays in one of six ways (numpy/ma/core.py); the
 * rule of each nd_ufunc is in rule_of():
 *   - PLAIN: the _MaskedUnaryOperation / _MaskedBinaryOperation without a domain (add,
 *     sin, equal, ...): mask = union of the input masks, and the result's data under it
 *     is the first operand's data (cast unsafely, as np.copyto(result, da, 'unsafe'));
 *   - DOMAIN: the domained ones (log, sqrt, arcsin, tan, divide, remainder, ...): also
 *     masked where the input is outside the domain or the result is not finite; the
 *     data there is the first operand's (binary: when it casts safely to the result,
 *     else 0, as _DomainedBinaryOperation);
 *   - POWER: numpy.ma.power: masked inputs keep the first operand's data, then any
 *     non-finite result is masked and replaced by the result's fill value;
 *   - EXTREMUM: numpy.ma.maximum / minimum are ma.where(greater(a, b), a, b): an element
 *     takes a where the comparison holds on valid data, else b (so NaN does not win);
 *   - SHIFT: numpy.ma.left_shift / right_shift shift filled(a, 0);
 *   - WRAP: the ufuncs numpy.ma has no function for (log1p, reciprocal, clip, ...), which
 *     NumPy applies through MaskedArray.__array_wrap__: mask = union, data as computed.
 * Divide-by-zero and invalid floating-point conditions are ignored while computing (the
 * np.errstate(divide='ignore', invalid='ignore') of numpy.ma), so masked and out-of-domain
 * elements never warn; overflow and underflow follow the caller's nd_seterr state.
 *
 * The float64 case with contiguous operands of one shape (nd_ma_log of a large array)
 * makes one pass over cache-sized blocks on the worker pool: the plain ufunc on the
 * block, then a fused loop over data, result and masks that computes the result mask and
 * puts the reverted data back, while the block is still in cache. */
#include <float.h>
#include <math.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>

#include "ma_ops_internal.h"
#include "numc/manip.h"
#include "parallel.h"

typedef enum { MK_WRAP, MK_PLAIN, MK_DOMAIN, MK_POWER, MK_EXTREMUM, MK_SHIFT } ma_kind;
/* numpy.ma's domain classes: the element is outside the domain when
 *   D_GREATER (v):        x <= v              (_DomainGreater)
 *   D_GREATER_EQUAL (v):  x < v               (_DomainGreaterEqual)
 *   D_INTERVAL (a, b):    x < a or x > b      (_DomainCheckInterval)
 *   D_TAN (eps):          |cos x| < eps       (_DomainTan)
 *   D_SAFE_DIVIDE:        |a| * tiny >= |b|   (_DomainSafeDivide, tiny = finfo(float).tiny) */
typedef enum { D_NONE, D_GREATER, D_GREATER_EQUAL, D_INTERVAL, D_TAN, D_SAFE_DIVIDE } ma_domain;

typedef struct ma_rule {
    ma_kind kind;
    ma_domain dom;
    double a, b;
} ma_rule;

static ma_rule rule_of(nd_ufunc f)
{
    ma_rule r = { MK_WRAP, D_NONE, 0.0, 0.0 };
    switch (f) {
    case ND_UF_ABSOLUTE: case ND_UF_ARCSINH: case ND_UF_ARCTAN: case ND_UF_CEIL:
    case ND_UF_CONJUGATE: case ND_UF_COS: case ND_UF_COSH: case ND_UF_EXP: case ND_UF_FLOOR:
    case ND_UF_LOGICAL_NOT: case ND_UF_NEGATIVE: case ND_UF_SIN: case ND_UF_SINH:
    case ND_UF_TANH: case ND_UF_ADD: case ND_UF_SUBTRACT: case ND_UF_MULTIPLY:
    case ND_UF_ARCTAN2: case ND_UF_EQUAL: case ND_UF_NOT_EQUAL: case ND_UF_LESS_EQUAL:
    case ND_UF_GREATER_EQUAL: case ND_UF_LESS: case ND_UF_GREATER: case ND_UF_LOGICAL_AND:
    case ND_UF_LOGICAL_OR: case ND_UF_LOGICAL_XOR: case ND_UF_BITWISE_AND:
    case ND_UF_BITWISE_OR: case ND_UF_BITWISE_XOR: case ND_UF_HYPOT:
        r.kind = MK_PLAIN;
        break;
    case ND_UF_SQRT: r = (ma_rule){ MK_DOMAIN, D_GREATER_EQUAL, 0.0, 0.0 }; break;
    case ND_UF_LOG: case ND_UF_LOG2: case ND_UF_LOG10:
        r = (ma_rule){ MK_DOMAIN, D_GREATER, 0.0, 0.0 };
        break;
    case ND_UF_TAN: r = (ma_rule){ MK_DOMAIN, D_TAN, 1e-35, 0.0 }; break;
    case ND_UF_ARCSIN: case ND_UF_ARCCOS: r = (ma_rule){ MK_DOMAIN, D_INTERVAL, -1.0, 1.0 }; break;
    case ND_UF_ARCCOSH: r = (ma_rule){ MK_DOMAIN, D_GREATER_EQUAL, 1.0, 0.0 }; break;
    case ND_UF_ARCTANH: r = (ma_rule){ MK_DOMAIN, D_INTERVAL, -1.0 + 1e-15, 1.0 - 1e-15 }; break;
    case ND_UF_DIVIDE: case ND_UF_FLOOR_DIVIDE: case ND_UF_REMAINDER: case ND_UF_FMOD:
        r = (ma_rule){ MK_DOMAIN, D_SAFE_DIVIDE, 0.0, 0.0 };
        break;
    case ND_UF_POWER: r.kind = MK_POWER; break;
    case ND_UF_MAXIMUM: case ND_UF_MINIMUM: r.kind = MK_EXTREMUM; break;
    case ND_UF_LEFT_SHIFT: case ND_UF_RIGHT_SHIFT: r.kind = MK_SHIFT; break;
    default: break;
    }
    return r;
}

/* ---- small helpers ------------------------------------------------------------------ */
/* An operand as an array: a new reference to the array, or a 0-d array of the scalar. */
static nd_array *op_array(nd_operand op)
{
    if (op.kind == ND_OPK_ARRAY)
        return nd_ref(op.array);
    return nd_full(0, NULL, op.scalar.dtype, op.scalar);
}

static nd_dtype op_dtype(nd_operand op)
{
    return op.kind == ND_OPK_ARRAY ? nd_dtype_of(op.array) : op.scalar.dtype;
}

bool ma__or_into(nd_array **acc, nd_array *b)
{
    if (!b)
        return true;
    if (!*acc) {
        *acc = b;
        return true;
    }
    nd_array *r = nd_logical_or(*acc, b);
    nd_free(b);
    return ma__replace(acc, r) != NULL;
}

nd_array *ma__not_finite(const nd_array *v, bool inf_only)
{
    if (inf_only)
        return nd_isinf(v);
    nd_array *f = nd_isfinite(v);
    return f && ma__replace(&f, nd_logical_not(f)) ? f : NULL;
}

/* A bool array broadcast to the result's shape as a new C-contiguous array. */
static nd_array *to_shape(nd_array *m, const nd_array *like)
{
    if (!m || (ma__same_shape(m, like) && nd_is_c_contiguous(m)))
        return m;
    nd_array *b = nd_broadcast_to(m, nd_ndim(like), nd_shape(like));
    nd_array *c = b ? nd_copy(b, ND_ORDER_C) : NULL;
    nd_free(b);
    nd_free(m);
    return c;
}

/* numpy.copyto(*res, src, casting='unsafe', where=mask): src is cast to the result's
 * dtype first, so nd_where keeps that dtype. */
static nd_status revert(nd_array **res, const nd_array *mask, const nd_array *src)
{
    nd_array *s = nd_astype(src, nd_dtype_of(*res), ND_CAST_UNSAFE);
    nd_array *w = s ? nd_where(mask, s, *res) : NULL;
    nd_free(s);
    if (!w)
        return nd_last_error();
    ma__replace(res, w);
    return ND_OK;
}

static bool scalar_eq(nd_scalar x, nd_scalar y)
{
    if (x.dtype != y.dtype)
        return false;
    switch (x.dtype) {
    case ND_BOOL: return x.v.b == y.v.b;
    case ND_INT64: return x.v.i == y.v.i;
    case ND_UINT64: return x.v.u == y.v.u;
    case ND_COMPLEX128: return x.v.c[0] == y.v.c[0] && x.v.c[1] == y.v.c[1];
    default: return x.v.f == y.v.f;
    }
}

/* The result's fill value: NumPy's _update_from copies the source's fill value when one
 * was set; an unset one (numc: still the dtype's default) gives the result dtype's
 * default, and so does a set one that does not fit the result dtype. */
nd_scalar ma__result_fill(const nd_marray *src, nd_dtype dt)
{
    nd_scalar f = nd_ma_default_fill_value(dt), v, unset;
    if (!src)
        return f;
    /* an unset fill value is the default exactly (not rounded to a float32 source's
     * precision, as a given one is: NumPy keeps its default as a float64 1e20) */
    unset = nd_ma_default_fill_value(nd_dtype_of(src->data));
    if (scalar_eq(src->fill, unset))
        return f;
    if (ma__fill_check(dt, src->fill, &v, "nd_ma_ufunc") == ND_OK)
        f = v;
    else
        nd_clear_error(); /* not an error of the call: the default is used instead */
    return f;
}

/* ---- the domains, on whole arrays (the general path) ----------------------------------- */
/* True where the operands are outside the function's domain (numpy.ma's _Domain* call). */
static nd_array *domain_mask(ma_rule r, const nd_operand *d)
{
    nd_array *t = NULL, *u = NULL, *out = NULL;
    switch (r.dom) {
    case D_GREATER:
        return nd_ufunc2_(ND_UF_LESS_EQUAL, d[0], nd_op_f64(r.a), NULL);
    case D_GREATER_EQUAL:
        return nd_ufunc2_(ND_UF_LESS, d[0], nd_op_f64(r.a), NULL);
    case D_INTERVAL:
        t = nd_ufunc2_(ND_UF_GREATER, d[0], nd_op_f64(r.b), NULL);
        u = t ? nd_ufunc2_(ND_UF_LESS, d[0], nd_op_f64(r.a), NULL) : NULL;
        if (!u || !ma__or_into(&t, u)) {
            nd_free(t);
            return NULL;
        }
        return t;
    case D_TAN:
        t = nd_ufunc1_(ND_UF_COS, d[0], NULL);
        if (t && ma__replace(&t, nd_absolute(t)))
            out = nd_ufunc2_(ND_UF_LESS, nd_op_array(t), nd_op_f64(r.a), NULL);
        nd_free(t);
        return out;
    case D_SAFE_DIVIDE:
        t = nd_ufunc1_(ND_UF_ABSOLUTE, d[0], NULL);
        u = t ? nd_ufunc1_(ND_UF_ABSOLUTE, d[1], NULL) : NULL;
        if (u && ma__replace(&t, nd_multiply(t, DBL_MIN)))
            out = nd_greater_equal(t, u);
        nd_free(t);
        nd_free(u);
        return out;
    case D_NONE:
        break;
    }
    return nd_zeros(0, NULL, ND_BOOL);
}

/* ---- the fused float64 pass ----------------------------------------------------------- */
/* Blocks of this many elements are computed by the plain ufunc and finished while they
 * are still in cache (96 KB of block buffers on the stack, the block's data in L2). */
#define FUSE_BLOCK 4096

typedef struct fuse_ctx {
    nd_ufunc f;
    int nin;
    nd_operand op[2];      /* scalars as given; arrays replaced by blocks of them */
    const double *x[2];    /* the operands' data; step 0 for a scalar */
    ptrdiff_t s[2];
    const bool *m[2];      /* their masks; step 0 on a false for nomask */
    ptrdiff_t ms[2];
    double *r;             /* the result */
    bool *mo;              /* the result mask */
    ma_rule rule;
    _Atomic int failed;    /* a block's ufunc call failed (its error is on that thread) */
} fuse_ctx;

/* The fused loops: every pointer has unit stride (scalars and nomask are expanded to block
 * buffers), the running mask is an int64 per element and the tests use `|`, not `||`:
 * with selects of one width and no branch (a branch mispredicts on a random mask) GCC
 * vectorises them. Masks are read and written as unsigned char (a bool is one byte,
 * 0 or 1): GCC does not vectorise widening loads of _Bool. They are multi-versioned (ND__CLONES) as widening / narrowing between
 * bytes and 64-bit lanes needs AVX2; no libm call in here (tan's domain takes the
 * general path). */

/* w = m0 | m1 | outside the domain, one loop per domain. */
#define DOM_LOOP(BAD)                                                                   \
    for (ptrdiff_t i = 0; i < len; i++) {                                              \
        double x = x0[i], y = x1[i];                                                   \
        (void)x, (void)y;                                                              \
        w[i] = (int64_t)m0[i] | (int64_t)m1[i] | (int64_t)(BAD);                       \
    }

ND__CLONES static void dom_mask(ma_rule rule, ptrdiff_t len, const double *restrict x0,
                                const double *restrict x1, const unsigned char *restrict m0,
                                const unsigned char *restrict m1, int64_t *restrict w)
{
    const double a = rule.a, b = rule.b;
    switch (rule.dom) {
    case D_NONE: DOM_LOOP(false); break;
    case D_GREATER: DOM_LOOP(x <= a); break;
    case D_GREATER_EQUAL: DOM_LOOP(x < a); break;
    case D_INTERVAL: DOM_LOOP((x < a) | (x > b)); break;
    case D_SAFE_DIVIDE: DOM_LOOP(fabs(x) * DBL_MIN >= fabs(y)); break;
    case D_TAN: break; /* not fused (see fusable) */
    }
}

/* dst = w ? safe : src: the ufunc then never sees an input outside its domain, which
 * the SIMD math functions would send down their slow special-case path. */
ND__CLONES static void sanitize(ptrdiff_t len, const double *restrict src,
                                const int64_t *restrict w, double safe, double *restrict dst)
{
    for (ptrdiff_t i = 0; i < len; i++)
        dst[i] = w[i] ? safe : src[i];
}

/* The result mask (w, plus a non-finite result when `finite` is asked for: the domained
 * functions; !(|v| <= DBL_MAX) is !isfinite(v)), the first operand's data put back under
 * it, and the mask stored as bools. */
ND__CLONES static void put_back(ptrdiff_t len, const double *restrict x0, int64_t finite,
                                int64_t *restrict w, double *restrict r,
                                unsigned char *restrict mo)
{
    for (ptrdiff_t i = 0; i < len; i++) {
        double v = r[i];
        int64_t bad = w[i] | (finite & (int64_t)!(fabs(v) <= DBL_MAX));
        w[i] = bad;
        r[i] = bad ? x0[i] : v;
    }
    for (ptrdiff_t i = 0; i < len; i++)
        mo[i] = (unsigned char)w[i];
}

/* A value inside the domain, given to the ufunc for the elements outside it. Its result
 * must be a normal number, not 0: the SIMD math functions finish a block holding a zero
 * or subnormal result element by element (log(1) = 0 there made ma_log of normal data,
 * half of it outside the domain, 5x slower than the plain log). */
static double safe_input(ma_rule r)
{
    switch (r.dom) {
    case D_GREATER: return r.a + 2.0;       /* log: 2 */
    case D_GREATER_EQUAL: return r.a + 1.0; /* sqrt: 1, arccosh: 2 */
    case D_SAFE_DIVIDE: return 1.0;         /* the divisor */
    default: return 0.5;                    /* arcsin, arccos, arctanh */
    }
}

/* One block: the result mask so far, the plain ufunc on views of the block (with the
 * operand a domain restricts sanitised; run serially: this is already a chunk of the
 * worker pool), then the fused put-back. */
static bool fuse_block(fuse_ctx *c, ptrdiff_t begin, ptrdiff_t end)
{
    static const bool no[FUSE_BLOCK];
    double xb[2][FUSE_BLOCK]; /* a scalar operand spread over the block; the sanitised one */
    int64_t w[FUSE_BLOCK];    /* the result mask so far */
    const double *x[2];
    const bool *m[2];
    ptrdiff_t len = end - begin;
    double *r = c->r + begin;
    for (int i = 0; i < 2; i++) {
        if (c->s[i]) {
            x[i] = c->x[i] + begin;
        } else {
            for (ptrdiff_t k = 0; k < len; k++)
                xb[i][k] = c->x[i][0];
            x[i] = xb[i];
        }
        m[i] = c->ms[i] ? c->m[i] + begin : no;
    }
    dom_mask(c->rule, len, x[0], x[1], (const unsigned char *)m[0], (const unsigned char *)m[1], w);
    const double *arg[2] = { x[0], x[1] };
    if (c->rule.kind == MK_DOMAIN) {
        /* the divisor of a division, else the only operand, copied into a free block
         * buffer: xb[1] unless the divisor is a scalar spread there, then xb[0] (the
         * dividend is an array: two scalars never take this path) */
        int k = c->rule.dom == D_SAFE_DIVIDE ? 1 : 0;
        double *dst = x[k] == xb[1] ? xb[0] : xb[1];
        sanitize(len, x[k], w, safe_input(c->rule), dst);
        arg[k] = dst;
    }
    nd_operand in[2];
    nd_array *views[3] = { NULL, NULL, NULL };
    bool ok = true;
    for (int i = 0; i < c->nin && ok; i++) {
        in[i] = c->op[i];
        if (in[i].kind == ND_OPK_ARRAY || arg[i] != x[i]) {
            views[i] = nd_wrap((void *)arg[i], 1, &len, NULL, ND_FLOAT64, NULL, NULL);
            in[i] = nd_op_array(views[i]);
            ok = views[i] != NULL;
        }
    }
    if (ok)
        ok = (views[2] = nd_wrap(r, 1, &len, NULL, ND_FLOAT64, NULL, NULL)) != NULL &&
             nd_ufunc_apply_into(c->f, views[2], in, NULL) == ND_OK;
    for (int i = 0; i < 3; i++)
        nd_free(views[i]);
    if (ok)
        put_back(len, x[0], c->rule.kind == MK_DOMAIN ? 1 : 0, w, r,
                 (unsigned char *)(c->mo + begin));
    return ok;
}

static void fuse_chunk(ptrdiff_t begin, ptrdiff_t end, ptrdiff_t chunk, void *ctx)
{
    fuse_ctx *c = ctx;
    (void)chunk;
    /* the error state is per thread: a worker needs numpy.ma's errstate too */
    nd_errstate old = nd_seterr(.divide = ND_ERR_IGNORE, .invalid = ND_ERR_IGNORE);
    for (ptrdiff_t b = begin; b < end && !c->failed; b += FUSE_BLOCK)
        if (!fuse_block(c, b, b + FUSE_BLOCK < end ? b + FUSE_BLOCK : end))
            c->failed = 1;
    nd_seterr_(&old);
}

/* The fused path applies to the float-valued PLAIN and DOMAIN functions (not the
 * comparisons, logical and bitwise ones) on float64 operands: C-contiguous arrays of one
 * shape with C-contiguous masks, or float64 scalars, without .where or another dtype.
 * *shape_of gets an array operand (the result's shape). */
static bool fusable(nd_ufunc f, ma_rule r, int nin, const nd_operand *d,
                    const nd_array *const *mk, const nd_ufunc_opts *o, const nd_array **shape_of)
{
    if ((r.kind != MK_PLAIN && r.kind != MK_DOMAIN) || r.dom == D_TAN || nin > 2 ||
        (o && (o->where || (o->dtype && o->dtype != ND_FLOAT64))))
        return false;
    switch (f) {
    case ND_UF_EQUAL: case ND_UF_NOT_EQUAL: case ND_UF_LESS: case ND_UF_LESS_EQUAL:
    case ND_UF_GREATER: case ND_UF_GREATER_EQUAL: case ND_UF_LOGICAL_AND:
    case ND_UF_LOGICAL_OR: case ND_UF_LOGICAL_XOR: case ND_UF_LOGICAL_NOT:
    case ND_UF_BITWISE_AND: case ND_UF_BITWISE_OR: case ND_UF_BITWISE_XOR:
        return false;
    default:
        break;
    }
    *shape_of = NULL;
    for (int i = 0; i < nin; i++) {
        if (d[i].kind == ND_OPK_SCALAR) {
            if (d[i].scalar.dtype != ND_FLOAT64)
                return false;
            continue;
        }
        if (d[i].kind != ND_OPK_ARRAY || nd_dtype_of(d[i].array) != ND_FLOAT64 ||
            !nd_is_c_contiguous(d[i].array) || (*shape_of && !ma__same_shape(*shape_of, d[i].array)) ||
            (mk[i] && !nd_is_c_contiguous(mk[i])))
            return false;
        *shape_of = d[i].array;
    }
    return *shape_of != NULL;
}

/* The whole operation in one pass over blocks: result, result mask, reverted data. */
static nd_status fuse(nd_ufunc f, ma_rule r, int nin, const nd_operand *d,
                      const nd_array *const *mk, const nd_array *like, nd_array **res,
                      nd_array **mask)
{
    static const bool no = false;
    nd_array *out = nd_empty(nd_ndim(like), nd_shape(like), ND_FLOAT64);
    nd_array *mo = out ? nd_empty(nd_ndim(like), nd_shape(like), ND_BOOL) : NULL;
    if (!mo) {
        nd_free(out);
        return nd_last_error();
    }
    fuse_ctx c = { .f = f, .nin = nin, .r = nd_data(out), .mo = nd_data(mo), .rule = r };
    for (int i = 0; i < 2; i++) {
        int k = i < nin ? i : 0; /* a unary function reads its operand twice */
        bool scalar = d[k].kind == ND_OPK_SCALAR;
        c.op[i] = d[k];
        c.x[i] = scalar ? &d[k].scalar.v.f : (const double *)nd_data(d[k].array);
        c.s[i] = scalar ? 0 : 1;
        c.m[i] = i < nin && mk[i] ? (const bool *)nd_data(mk[i]) : &no;
        c.ms[i] = i < nin && mk[i] ? 1 : 0;
    }
    nd__parallel_for(nd_size(out), (ptrdiff_t)1 << 16, fuse_chunk, &c);
    if (c.failed) {
        nd_free(out);
        nd_free(mo);
        /* the failing block's message was set on a worker thread */
        return nd_set_error(ND_ENOMEM, "%s: out of memory", nd_ufunc_name(f));
    }
    *res = out;
    *mask = mo;
    return ND_OK;
}

/* ---- the general path ----------------------------------------------------------------- */
/* Applies the rule to the computed result *res and the union of the input masks *mask
 * (NULL: nomask; already of the result's shape): reverts data, adds domain masks. */
static nd_status finish(ma_rule r, nd_ufunc f, int nin, const nd_operand *d, nd_array **res,
                        nd_array **mask, nd_scalar fill)
{
    nd_dtype rdt = nd_dtype_of(*res);
    nd_array *a0 = NULL, *t = NULL, *u = NULL;
    nd_status st = ND_OK;
    if (r.kind != MK_WRAP && r.kind != MK_SHIFT && !(a0 = op_array(d[0])))
        return nd_last_error();
    switch (r.kind) {
    case MK_WRAP:
    case MK_SHIFT:
        break;
    case MK_PLAIN: {
        bool any = false;
        if (*mask && (st = ma__any(*mask, &any)) == ND_OK && any)
            st = revert(res, *mask, a0);
        break;
    }
    case MK_DOMAIN:
        t = domain_mask(r, d);
        u = t ? ma__not_finite(*res, false) : NULL;
        if (!u) {
            nd_free(t);
            st = nd_last_error();
            break;
        }
        bool ok = ma__or_into(&t, u) && ma__or_into(mask, t); /* takes t and u over */
        t = u = NULL;
        if (!ok || !(*mask = to_shape(*mask, *res))) {
            st = nd_last_error();
            break;
        }
        /* _DomainedBinaryOperation adds the first operand back only where it casts
         * safely to the result; elsewhere the masked data is 0. */
        if (nin == 1 || nd_can_cast(op_dtype(d[0]), rdt, ND_CAST_SAFE))
            st = revert(res, *mask, a0);
        else if ((t = nd_zeros(0, NULL, rdt)))
            st = revert(res, *mask, t);
        else
            st = nd_last_error();
        nd_free(t);
        break;
    case MK_POWER:
        if (*mask && (st = revert(res, *mask, a0)) < 0)
            break;
        if (!(t = ma__not_finite(*res, false))) {
            st = nd_last_error();
            break;
        }
        bool invalid = false;
        if ((st = ma__any(t, &invalid)) == ND_OK && invalid) {
            u = nd_full(0, NULL, rdt, fill);
            st = u ? revert(res, t, u) : nd_last_error();
            nd_free(u);
        }
        if (st == ND_OK && (*mask || invalid)) {
            if (!ma__or_into(mask, t))
                st = nd_last_error();
            t = NULL;
        }
        nd_free(t);
        break;
    case MK_EXTREMUM: {
        /* ma.where(greater(a, b), a, b): the comparison's masked elements count as false */
        nd_array *b0 = op_array(d[1]);
        t = b0 ? nd_ufunc2_(f == ND_UF_MAXIMUM ? ND_UF_GREATER : ND_UF_LESS, d[0], d[1], NULL)
               : NULL;
        if (t && *mask && (u = nd_logical_not(*mask)))
            ma__replace(&t, nd_logical_and(t, u));
        nd_array *x = t ? nd_astype(a0, rdt, ND_CAST_UNSAFE) : NULL;
        nd_array *y = x ? nd_astype(b0, rdt, ND_CAST_UNSAFE) : NULL;
        nd_array *w = y ? nd_where(t, x, y) : NULL;
        if (w)
            ma__replace(res, w);
        else
            st = nd_last_error();
        nd_free(x);
        nd_free(y);
        nd_free(b0);
        nd_free(t);
        nd_free(u);
        break;
    }
    }
    nd_free(a0);
    return st;
}

/* The union of the input masks at the result's shape (NULL when every input has nomask). */
static nd_status union_mask(int nin, const nd_array *const *mk, const nd_array *res, nd_array **out)
{
    nd_array *m = NULL;
    for (int i = 0; i < nin; i++) {
        if (!mk[i])
            continue;
        nd_array *c = m ? nd_logical_or(m, mk[i]) : nd_copy(mk[i], ND_ORDER_C);
        nd_free(m);
        if (!(m = c))
            return nd_last_error();
    }
    if (m && !(m = to_shape(m, res)))
        return nd_last_error();
    *out = m;
    return ND_OK;
}

/* ND_ESHAPE naming every array operand's shape when they do not broadcast (NumPy's
 * "operands could not be broadcast together with shapes (3,) (4,)"). */
static nd_status check_shapes(int nin, const nd_operand *d, const char *who)
{
    int ndims[3], n = 0, ond;
    const ptrdiff_t *shapes[3];
    ptrdiff_t oshape[ND_MAXDIMS];
    for (int i = 0; i < nin; i++)
        if (d[i].kind == ND_OPK_ARRAY) {
            ndims[n] = nd_ndim(d[i].array);
            shapes[n++] = nd_shape(d[i].array);
        }
    if (n < 2 || nd_broadcast_shapes(n, ndims, shapes, &ond, oshape) == ND_OK)
        return ND_OK;
    char msg[3 * ND_SHAPE_STRLEN] = "";
    size_t len = 0;
    for (int i = 0; i < n && len < sizeof msg; i++) {
        char sb[ND_SHAPE_STRLEN];
        len += (size_t)snprintf(msg + len, sizeof msg - len, i ? " %s" : "%s",
                                nd__shape_str(sb, sizeof sb, ndims[i], shapes[i]));
    }
    return nd_set_error(ND_ESHAPE, "%s: operands could not be broadcast together with shapes %s",
                        who, msg);
}

/* Everything after the operands are checked; runs with divide/invalid ignored. */
static nd_marray *compute(nd_ufunc f, int nin, const nd_ma_operand *in, nd_operand *d,
                          const nd_array *const *mk, const nd_ufunc_opts *o, const char *who)
{
    ma_rule r = rule_of(f);
    /* the result's fill value comes from the first masked operand (numpy.ma.power: from
     * its first operand only) */
    const nd_marray *src = in[0].ma;
    for (int i = 1; i < nin && !src && r.kind != MK_POWER; i++)
        src = in[i].ma;
    nd_array *filled0 = NULL, *res = NULL, *mask = NULL;
    if (r.kind == MK_SHIFT && mk[0]) { /* numpy.ma shifts filled(a, 0) */
        if (!(filled0 = nd_ma_filled(in[0].ma, &ND_I64(0))))
            return NULL;
        d[0] = nd_op_array(filled0);
    }
    nd_status st;
    nd_scalar fill = ND_F64(0);
    const nd_array *like = NULL;
    bool nomask_in = !mk[0] && (nin < 2 || !mk[1]) && (nin < 3 || !mk[2]);
    if (!(r.kind == MK_PLAIN && nomask_in) && fusable(f, r, nin, d, mk, o, &like)) {
        st = fuse(f, r, nin, d, mk, like, &res, &mask);
        fill = ma__result_fill(src, ND_FLOAT64);
    } else {
        /* (nomask operands of a PLAIN function: the plain ufunc is the whole answer) */
        res = nd_ufunc_apply(f, d, o);
        st = !res ? nd_last_error() : union_mask(nin, mk, res, &mask);
        if (st == ND_OK) {
            fill = ma__result_fill(src, nd_dtype_of(res));
            st = finish(r, f, nin, d, &res, &mask, fill);
        }
    }
    nd_free(filled0);
    if (st < 0) {
        nd_free(res);
        nd_free(mask);
        return NULL;
    }
    return ma__wrap(res, mask, &fill, false, who);
}

nd_marray *nd_ma_ufunc_(nd_ufunc f, int nin, const nd_ma_operand *in, const nd_ufunc_opts *o)
{
    if ((int)f < 0 || f >= ND_UF_COUNT)
        return ND_FAIL(ND_EVALUE, "nd_ma_ufunc: invalid ufunc %d", (int)f);
    char who[64];
    snprintf(who, sizeof who, "nd_ma_%s", nd_ufunc_name(f));
    if (nin != nd_ufunc_nin(f))
        return ND_FAIL(ND_EVALUE, "%s: takes %d operand%s, got %d", who, nd_ufunc_nin(f),
                       nd_ufunc_nin(f) == 1 ? "" : "s", nin);
    if (!in)
        return ND_FAIL(ND_EVALUE, "%s: operand list is NULL", who);
    nd_operand d[3];
    const nd_array *mk[3] = { NULL, NULL, NULL };
    for (int i = 0; i < nin; i++) {
        if (in[i].ma) {
            d[i] = nd_op_array(in[i].ma->data);
            mk[i] = in[i].ma->mask;
        } else if (in[i].op.kind == ND_OPK_ARRAY && !in[i].op.array) {
            return ND_FAIL(ND_EVALUE, "%s: operand %d is NULL", who, i + 1);
        } else {
            d[i] = in[i].op;
        }
    }
    if (check_shapes(nin, d, who) < 0)
        return NULL;
    nd_errstate old = nd_seterr(.divide = ND_ERR_IGNORE, .invalid = ND_ERR_IGNORE);
    nd_marray *out = compute(f, nin, in, d, mk, o, who);
    nd_seterr_(&old);
    return out;
}
