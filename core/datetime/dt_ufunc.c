/* The ufuncs on datetime64 / timedelta64 operands, as NumPy 1.24's datetime type resolvers
 * and loops: add/subtract (M8 + m8, M8 - M8 -> m8, ...), multiply and divide by numbers,
 * m8 / m8, floor_divide, remainder, negative/positive/absolute/sign, the comparisons (NaT
 * is unequal to everything, NaT != NaT is true), maximum/minimum (NaT propagates),
 * fmax/fmin (NaT ignored), isnan/isfinite/isinf. The units meet at their common unit
 * (nd_result_type's rules). */
#include <math.h>
#include <string.h>

#include <numc/ufunc.h>

#include "dt_internal.h"

static bool is_date(nd_dtype t)
{
    return nd_dtype_is_datetime(t) || nd_dtype_is_timedelta(t);
}

static nd_dtype operand_dtype(const nd_operand *o)
{
    return o->kind == ND_OPK_ARRAY ? nd_dtype_of(o->array) : o->scalar.dtype;
}

bool nd__dt_ufunc_wants(int nin, const nd_operand *in)
{
    for (int i = 0; i < nin; i++) {
        if (in[i].kind == ND_OPK_ARRAY && in[i].array && is_date(nd_dtype_of(in[i].array))) return true;
        if (in[i].kind == ND_OPK_SCALAR && is_date(in[i].scalar.dtype)) return true;
    }
    return false;
}

enum kernel {
    K_ADD, K_SUB, K_MUL_I, K_MUL_F, K_DIV_I, K_DIV_F, K_DIV_MM, K_FLOORDIV_MM, K_REM_MM,
    K_NEG, K_POS, K_ABS, K_SIGN, K_EQ, K_NE, K_LT, K_LE, K_GT, K_GE, K_MAX, K_MIN, K_FMAX,
    K_FMIN, K_ISNAN, K_ISFINITE, K_ISINF
};

typedef struct plan {
    enum kernel k;
    nd_dtype in[2]; /* what the operands are cast to */
    nd_dtype out;
} plan;

static bool is_int(nd_dtype t)
{
    return t == ND_BOOL || nd_dtype_is_integer(t);
}

static bool is_num(nd_dtype t)
{
    return is_int(t) || nd_dtype_is_float(t);
}

/* The common unit of two date dtypes with the base `base`; negative on refusal. */
static int common(nd_dtype base, nd_dtype a, nd_dtype b, const char *who)
{
    int c = nd__dt_common(a, b, who);
    if (c < 0) return c;
    return (int)nd_dtype_datetime(base, nd_dtype_unit((nd_dtype)c), nd_dtype_unit_count((nd_dtype)c));
}

/* NumPy keeps a timedelta's Y/M unit apart from a datetime's linear one (M8[D] + m8[M]). */
static nd_status nonlinear_td(nd_dtype dt, nd_dtype td, const char *who)
{
    nd_dtunit ut = nd_dtype_unit(td), ud = nd_dtype_unit(dt);
    if (ut <= ND_DT_M && ud > ND_DT_M && ud != ND_DT_GENERIC)
        return nd_set_error(ND_EDTYPE, "%s: Cannot get a common metadata divisor for Numpy datetime "
                            "metadata [%s] and [%s] because they have incompatible nonlinear base "
                            "time units", who, nd_dtunit_name(ud), nd_dtunit_name(ut));
    return ND_OK;
}

static nd_dtype with_base(nd_dtype base, nd_dtype unit_of)
{
    return nd_dtype_datetime(base, nd_dtype_unit(unit_of), nd_dtype_unit_count(unit_of));
}

static nd_status refuse(nd_ufunc f, nd_dtype a, nd_dtype b, int nin, const char *who)
{
    if (nin == 1)
        return nd_set_error(ND_EDTYPE, "%s: ufunc '%s' not supported for the input type %s", who,
                            nd_ufunc_name(f), nd_dtype_name(a));
    return nd_set_error(ND_EDTYPE, "%s: ufunc '%s' cannot use operands with types %s and %s", who,
                        nd_ufunc_name(f), nd_dtype_name(a), nd_dtype_name(b));
}

static nd_status resolve(nd_ufunc f, int nin, nd_dtype a, nd_dtype b, plan *p, const char *who)
{
    const nd_dtype M = ND_DATETIME64, m = ND_TIMEDELTA64;
    bool aM = nd_dtype_is_datetime(a), am = nd_dtype_is_timedelta(a);
    bool bM = nin > 1 && nd_dtype_is_datetime(b), bm = nin > 1 && nd_dtype_is_timedelta(b);
    int c;
    if (nin == 1) {
        p->in[0] = a;
        switch (f) {
        case ND_UF_ISNAN: p->k = K_ISNAN; p->out = ND_BOOL; return ND_OK;
        case ND_UF_ISFINITE: p->k = K_ISFINITE; p->out = ND_BOOL; return ND_OK;
        case ND_UF_ISINF: p->k = K_ISINF; p->out = ND_BOOL; return ND_OK;
        default: break;
        }
        if (!am) return refuse(f, a, b, nin, who);
        p->out = a;
        switch (f) {
        case ND_UF_NEGATIVE: p->k = K_NEG; return ND_OK;
        case ND_UF_POSITIVE: p->k = K_POS; return ND_OK;
        case ND_UF_ABSOLUTE: p->k = K_ABS; return ND_OK;
        case ND_UF_SIGN: p->k = K_SIGN; return ND_OK;
        default: return refuse(f, a, b, nin, who);
        }
    }
    switch (f) {
    case ND_UF_ADD:
        p->k = K_ADD;
        if (am && bm) {
            if ((c = common(m, a, b, who)) < 0) return c;
            p->in[0] = p->in[1] = p->out = (nd_dtype)c;
        } else if ((aM && bm) || (am && bM)) {
            if ((c = nonlinear_td(aM ? a : b, aM ? b : a, who)) < 0) return c;
            if ((c = common(M, a, b, who)) < 0) return c;
            p->out = (nd_dtype)c;
            p->in[0] = aM ? (nd_dtype)c : with_base(m, (nd_dtype)c);
            p->in[1] = bM ? (nd_dtype)c : with_base(m, (nd_dtype)c);
        } else if ((aM || am) && is_int(b)) {
            p->in[0] = p->out = a;
            p->in[1] = with_base(m, a);
        } else if ((bM || bm) && is_int(a)) {
            p->in[1] = p->out = b;
            p->in[0] = with_base(m, b);
        } else {
            return refuse(f, a, b, nin, who);
        }
        return ND_OK;
    case ND_UF_SUBTRACT:
        p->k = K_SUB;
        if (aM && bM) {
            if ((c = common(M, a, b, who)) < 0) return c;
            p->in[0] = p->in[1] = (nd_dtype)c;
            p->out = with_base(m, (nd_dtype)c);
        } else if (am && bm) {
            if ((c = common(m, a, b, who)) < 0) return c;
            p->in[0] = p->in[1] = p->out = (nd_dtype)c;
        } else if (aM && bm) {
            if ((c = nonlinear_td(a, b, who)) < 0) return c;
            if ((c = common(M, a, b, who)) < 0) return c;
            p->in[0] = p->out = (nd_dtype)c;
            p->in[1] = with_base(m, (nd_dtype)c);
        } else if ((aM || am) && is_int(b)) {
            p->in[0] = p->out = a;
            p->in[1] = with_base(m, a);
        } else if (bm && is_int(a)) {
            p->in[1] = p->out = b;
            p->in[0] = b;
        } else {
            return refuse(f, a, b, nin, who);
        }
        return ND_OK;
    case ND_UF_MULTIPLY:
        if (am && is_num(b)) {
            p->in[0] = p->out = a;
            p->in[1] = is_int(b) ? ND_INT64 : ND_FLOAT64;
        } else if (bm && is_num(a)) {
            p->in[0] = b; /* operands swapped in the kernel call */
            p->in[1] = is_int(a) ? ND_INT64 : ND_FLOAT64;
            p->out = b;
        } else {
            return refuse(f, a, b, nin, who);
        }
        p->k = p->in[1] == ND_INT64 ? K_MUL_I : K_MUL_F;
        return ND_OK;
    case ND_UF_DIVIDE:
    case ND_UF_FLOOR_DIVIDE:
    case ND_UF_REMAINDER:
        if (am && bm) {
            if ((c = common(m, a, b, who)) < 0) return c;
            p->in[0] = p->in[1] = (nd_dtype)c;
            p->k = f == ND_UF_DIVIDE ? K_DIV_MM : f == ND_UF_FLOOR_DIVIDE ? K_FLOORDIV_MM : K_REM_MM;
            p->out = f == ND_UF_DIVIDE ? ND_FLOAT64 : f == ND_UF_FLOOR_DIVIDE ? ND_INT64 : (nd_dtype)c;
            return ND_OK;
        }
        if (am && is_num(b) && f != ND_UF_REMAINDER) {
            p->in[0] = p->out = a;
            p->in[1] = is_int(b) ? ND_INT64 : ND_FLOAT64;
            p->k = is_int(b) ? K_DIV_I : K_DIV_F;
            return ND_OK;
        }
        return refuse(f, a, b, nin, who);
    case ND_UF_EQUAL: case ND_UF_NOT_EQUAL: case ND_UF_LESS: case ND_UF_LESS_EQUAL:
    case ND_UF_GREATER: case ND_UF_GREATER_EQUAL:
    case ND_UF_MAXIMUM: case ND_UF_MINIMUM: case ND_UF_FMAX: case ND_UF_FMIN:
        if ((aM && bM) || (am && bm)) {
            if ((c = common(aM ? M : m, a, b, who)) < 0) return c;
            p->in[0] = p->in[1] = (nd_dtype)c;
        } else if (am && is_int(b)) {
            p->in[0] = p->in[1] = a; /* the integer counts ticks of a's unit */
        } else if (bm && is_int(a)) {
            p->in[0] = p->in[1] = b;
        } else {
            return refuse(f, a, b, nin, who);
        }
        static const enum kernel ks[] = { K_EQ, K_NE, K_LT, K_LE, K_GT, K_GE };
        switch (f) {
        case ND_UF_MAXIMUM: p->k = K_MAX; p->out = p->in[0]; break;
        case ND_UF_MINIMUM: p->k = K_MIN; p->out = p->in[0]; break;
        case ND_UF_FMAX: p->k = K_FMAX; p->out = p->in[0]; break;
        case ND_UF_FMIN: p->k = K_FMIN; p->out = p->in[0]; break;
        default: p->k = ks[f - ND_UF_EQUAL]; p->out = ND_BOOL; break;
        }
        return ND_OK;
    default:
        return refuse(f, a, b, nin, who);
    }
}

static int64_t floordiv64(int64_t a, int64_t b)
{
    int64_t q = a / b;
    return (a % b != 0 && (a < 0) != (b < 0)) ? q - 1 : q;
}

/* one element; x/y are the int64 ticks (or the int64 number), fy a float operand */
static nd_status element(enum kernel k, char *o, int64_t x, int64_t y, double fy, const char *who)
{
    const int64_t NAT = ND_NAT;
    int64_t r = 0;
    bool b = false;
    double d = 0;
    bool nat = x == NAT || (y == NAT && k != K_MUL_I && k != K_DIV_I);
    switch (k) {
    case K_ADD:
    case K_SUB:
        if (nat) {
            r = NAT;
        } else if ((k == K_ADD ? __builtin_add_overflow(x, y, &r) : __builtin_sub_overflow(x, y, &r)) ||
                   r == NAT) {
            return nd_set_error(ND_EVALUE, "%s: %lld %s %lld overflows the int64 ticks", who,
                                (long long)x, k == K_ADD ? "+" : "-", (long long)y);
        }
        break;
    case K_MUL_I:
        if (x == NAT) r = NAT;
        else if (__builtin_mul_overflow(x, y, &r) || r == NAT)
            return nd_set_error(ND_EVALUE, "%s: %lld * %lld overflows the int64 ticks", who,
                                (long long)x, (long long)y);
        break;
    case K_MUL_F:
    case K_DIV_F: {
        double v = x == NAT ? NAN : k == K_MUL_F ? (double)x * fy : (double)x / fy;
        r = isfinite(v) && v < 0x1p63 && v >= -0x1p63 ? (int64_t)v : NAT;
        break;
    }
    case K_DIV_I: r = x == NAT || y == 0 ? NAT : (y == -1 ? -x : x / y); break;
    case K_DIV_MM: d = nat ? NAN : (double)x / (double)y; break;
    case K_FLOORDIV_MM:
        r = nat || y == 0 ? 0 : (y == -1 ? -x : floordiv64(x, y));
        break;
    case K_REM_MM:
        r = nat || y == 0 ? NAT : (y == -1 ? 0 : x - floordiv64(x, y) * y);
        break;
    case K_NEG: r = x == NAT ? NAT : -x; break;
    case K_POS: r = x; break;
    case K_ABS: r = x == NAT ? NAT : x < 0 ? -x : x; break;
    case K_SIGN: r = (x > 0) - (x < 0); break; /* NumPy: sign(NaT) is -1 (the raw int64) */
    case K_EQ: b = !nat && x == y; break;
    case K_NE: b = nat || x != y; break;
    case K_LT: b = !nat && x < y; break;
    case K_LE: b = !nat && x <= y; break;
    case K_GT: b = !nat && x > y; break;
    case K_GE: b = !nat && x >= y; break;
    case K_MAX: r = nat ? NAT : x > y ? x : y; break;
    case K_MIN: r = nat ? NAT : x < y ? x : y; break;
    case K_FMAX: r = x == NAT ? y : y == NAT ? x : x > y ? x : y; break;
    case K_FMIN: r = x == NAT ? y : y == NAT ? x : x < y ? x : y; break;
    case K_ISNAN: b = x == NAT; break;
    case K_ISFINITE: b = x != NAT; break;
    case K_ISINF: b = false; break;
    }
    switch (k) {
    case K_EQ: case K_NE: case K_LT: case K_LE: case K_GT: case K_GE:
    case K_ISNAN: case K_ISFINITE: case K_ISINF:
        *(bool *)(void *)o = b;
        break;
    case K_DIV_MM: memcpy(o, &d, 8); break;
    default: memcpy(o, &r, 8); break;
    }
    return ND_OK;
}

/* An operand as an array of dtype t (a new reference). */
static nd_array *as_array(const nd_operand *op, nd_dtype t)
{
    if (op->kind == ND_OPK_ARRAY) {
        if (nd_dtype_of(op->array) == t) return nd_ref(op->array);
        return nd_astype(op->array, t, ND_CAST_UNSAFE);
    }
    nd_scalar s = op->scalar;
    if (is_date(s.dtype)) {
        nd_array *z = nd_full(0, NULL, s.dtype, s);
        if (!z || s.dtype == t) return z;
        nd_array *r = nd_astype(z, t, ND_CAST_UNSAFE);
        nd_free(z);
        return r;
    }
    return nd_full(0, NULL, t, s);
}

nd_status nd__dt_ufunc_exec(int fi, const nd_operand *in, int nout, nd_array **outs,
                            const nd_ufunc_opts *o, const char *who)
{
    nd_ufunc f = (nd_ufunc)fi;
    int nin = nd_ufunc_nin(f);
    if (nin < 1 || nin > 2 || nout != 1)
        return nd_set_error(ND_EDTYPE, "%s: ufunc '%s' is not supported for datetime64/timedelta64",
                            who, nd_ufunc_name(f));
    for (int i = 0; i < nin; i++)
        if ((in[i].kind == ND_OPK_ARRAY && !in[i].array) ||
            (in[i].kind != ND_OPK_ARRAY && in[i].kind != ND_OPK_SCALAR))
            return nd_set_error(ND_EVALUE, "%s: input %d is missing or NULL", who, i);
    if (o && o->where)
        return nd_set_error(ND_EVALUE, "%s: where= is not supported with datetime64/timedelta64 operands", who);
    if (o && o->dtype)
        return nd_set_error(ND_EDTYPE, "%s: dtype= is not supported with datetime64/timedelta64 operands", who);
    nd_dtype a = operand_dtype(&in[0]), b = nin > 1 ? operand_dtype(&in[1]) : ND_BOOL;
    if (!nd_dtype_is_valid((int)a) || !nd_dtype_is_valid((int)b))
        return nd_set_error(ND_EDTYPE, "%s: invalid operand dtype", who);
    plan p = { .k = K_POS, .in = { ND_BOOL, ND_BOOL }, .out = ND_BOOL };
    nd_status st = resolve(f, nin, a, b, &p, who);
    if (st < 0) return st;
    /* multiply with the number first: put the date operand first */
    int i0 = 0, i1 = 1;
    if (f == ND_UF_MULTIPLY && !is_date(a)) {
        i0 = 1;
        i1 = 0;
    }
    nd_array *x = as_array(&in[i0], p.in[0]);
    nd_array *y = nin > 1 ? as_array(&in[i1], p.in[1]) : NULL;
    if (!x || (nin > 1 && !y)) {
        nd_free(x);
        nd_free(y);
        return nd_last_error();
    }
    nd_array *ops[3] = { x, y, NULL };
    nd_iter it;
    st = nd_iter_init(&it, nin, ops, 0, NULL);
    nd_array *out = NULL;
    bool own = false;
    if (st == ND_OK) {
        if (outs[0] && nd_dtype_of(outs[0]) == p.out) {
            out = outs[0];
        } else {
            out = nd_empty(it.bc_ndim, it.bc_shape, p.out);
            own = true;
            if (!out) st = nd_last_error();
        }
    }
    nd_array *ops3[3] = { out, x, y };
    if (st == ND_OK) st = nd_iter_init(&it, nin + 1, ops3, nd_ndim(out), nd_shape(out));
    if (st == ND_OK && it.size > 0) {
        do {
            char *po = it.ptrs[0], *px = it.ptrs[1], *py = nin > 1 ? it.ptrs[2] : NULL;
            for (ptrdiff_t k = 0; k < it.inner_size && st == ND_OK; k++) {
                int64_t xv, yv = 0;
                double fy = 0;
                memcpy(&xv, px, 8);
                if (py) {
                    if (p.in[1] == ND_FLOAT64) memcpy(&fy, py, 8);
                    else memcpy(&yv, py, 8);
                }
                st = element(p.k, po, xv, yv, fy, who);
                po += it.inner_strides[0];
                px += it.inner_strides[1];
                if (py) py += it.inner_strides[2];
            }
        } while (st == ND_OK && nd_iter_next(&it));
    }
    if (st == ND_OK && own && outs[0]) {
        nd_casting c = o && o->casting ? o->casting : ND_CAST_SAME_KIND;
        st = nd_assign(outs[0], out, c);
    }
    if (st == ND_OK && own && !outs[0]) {
        outs[0] = out;
        own = false;
    }
    if (own) nd_free(out);
    nd_free(x);
    nd_free(y);
    return st;
}

nd_array *nd_isnat(const nd_array *a)
{
    if (!a) return ND_FAIL(ND_EVALUE, "nd_isnat: array is NULL");
    if (!is_date(nd_dtype_of(a)))
        return ND_FAIL(ND_EDTYPE, "nd_isnat: ufunc 'isnat' is only defined for datetime and "
                       "timedelta (not %s)", nd_dtype_name(nd_dtype_of(a)));
    nd_operand op = nd_op_array(a);
    nd_array *out = NULL;
    if (nd__dt_ufunc_exec(ND_UF_ISNAN, &op, 1, &out, NULL, "nd_isnat") < 0) return NULL;
    return out;
}
