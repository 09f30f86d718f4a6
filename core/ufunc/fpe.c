/* Floating-point error state (numpy.seterr / seterrcall): thread-local modes, checked
 * from the IEEE status flags after each computation. Also the loop error slot that
 * lets loops report non-IEEE failures. */
#include "ufunc_internal.h"

#include <stdio.h>

static _Thread_local bool state_set;
static _Thread_local nd_errstate state;

static nd_errstate current(void)
{
    if (!state_set) {
        state = (nd_errstate){ 0, ND_ERR_WARN, ND_ERR_WARN, ND_ERR_IGNORE, ND_ERR_WARN,
                               ND_ERR_UNCHANGED };
        state_set = true;
    }
    return state;
}

nd_errstate nd_geterr(void) { return current(); }

static nd_errmode pick(nd_errmode cur, nd_errmode all, nd_errmode want)
{
    if (want >= ND_ERR_IGNORE && want <= ND_ERR_RAISE) return want;
    if (all >= ND_ERR_IGNORE && all <= ND_ERR_RAISE) return all;
    return cur;
}

nd_errstate nd_seterr_(const nd_errstate *s)
{
    nd_errstate old = current();
    if (s) {
        state.divide = pick(old.divide, s->all, s->divide);
        state.over = pick(old.over, s->all, s->over);
        state.under = pick(old.under, s->all, s->under);
        state.invalid = pick(old.invalid, s->all, s->invalid);
    }
    return old;
}

/* feclearexcept rewrites the x87 environment (fnstenv / fldenv, ~100 cycles: a sixth of a
 * small ufunc call from Python); reading the flags is cheap, and they are usually clear. */
static void clear_flags(int which)
{
    if (fetestexcept(which)) feclearexcept(which);
}

void nd__fpe_clear(void)
{
    clear_flags(FE_DIVBYZERO | FE_OVERFLOW | FE_UNDERFLOW | FE_INVALID);
}

nd_status nd__fpe_report(unsigned bits, const char *who)
{
    if (!bits) return ND_OK;
    nd_errstate st = current();
    static const struct { unsigned bit; const char *what; } names[] = {
        { ND_FPE_DIVIDE, "divide by zero" },
        { ND_FPE_OVERFLOW, "overflow" },
        { ND_FPE_UNDERFLOW, "underflow" },
        { ND_FPE_INVALID, "invalid value" },
    };
    nd_status rc = ND_OK;
    for (int i = 0; i < 4; i++) {
        if (!(bits & names[i].bit)) continue;
        nd_errmode m = names[i].bit == ND_FPE_DIVIDE ? st.divide
                     : names[i].bit == ND_FPE_OVERFLOW ? st.over
                     : names[i].bit == ND_FPE_UNDERFLOW ? st.under : st.invalid;
        if (m == ND_ERR_RAISE) {
            /* the first raising condition decides the message */
            if (rc == ND_OK)
                rc = nd_set_error(ND_EVALUE, "%s: floating point %s encountered", who,
                               names[i].what);
        } else if (m == ND_ERR_WARN) {
            char msg[160];
            snprintf(msg, sizeof msg, "%s: %s encountered", who, names[i].what);
            nd__warn_bits(names[i].bit, msg);
        }
    }
    return rc;
}

nd_status nd__fpe_check(const char *who)
{
    int f = fetestexcept(FE_DIVBYZERO | FE_OVERFLOW | FE_UNDERFLOW | FE_INVALID);
    if (!f) return ND_OK;
    unsigned bits = ((f & FE_DIVBYZERO) ? ND_FPE_DIVIDE : 0u) |
                    ((f & FE_OVERFLOW) ? ND_FPE_OVERFLOW : 0u) |
                    ((f & FE_UNDERFLOW) ? ND_FPE_UNDERFLOW : 0u) |
                    ((f & FE_INVALID) ? ND_FPE_INVALID : 0u);
    nd__fpe_clear();
    return nd__fpe_report(bits, who);
}

/* ---- loop error slot ---------------------------------------------------------------- */
static _Thread_local nd_status loop_code;
static _Thread_local const char *loop_msg;

void nd__loop_fail(nd_status code, const char *msg)
{
    if (loop_code == ND_OK) {
        loop_code = code;
        loop_msg = msg;
    }
}

nd_status nd__loop_status(const char **msg)
{
    if (msg) *msg = loop_msg ? loop_msg : "";
    return loop_code;
}

void nd__loop_status_clear(void)
{
    loop_code = ND_OK;
    loop_msg = NULL;
}

void nd__loop_begin(void)
{
    nd__fpe_clear();
    nd__loop_status_clear();
}

/* The ufuncs whose loops only compare (a NaN operand is data, not an invalid operation). */
static bool nan_is_quiet(nd_ufunc f)
{
    switch (f) {
    case ND_UF_EQUAL: case ND_UF_NOT_EQUAL: case ND_UF_LESS: case ND_UF_LESS_EQUAL:
    case ND_UF_GREATER: case ND_UF_GREATER_EQUAL: case ND_UF_MAXIMUM: case ND_UF_MINIMUM:
    case ND_UF_FMAX: case ND_UF_FMIN: case ND_UF_CLIP: case ND_UF_SIGN: case ND_UF_HEAVISIDE:
        return true;
    default:
        return false;
    }
}

nd_status nd__loop_finish(nd_ufunc f, const char *who)
{
    if (nan_is_quiet(f)) clear_flags(FE_INVALID);
    return nd__loop_finish_any(who);
}

nd_status nd__loop_finish_any(const char *who)
{
    const char *msg;
    nd_status rc = nd__loop_status(&msg);
    if (rc < 0) {
        nd__loop_status_clear();
        return nd_set_error(rc, "%s: %s", who, msg);
    }
    return nd__fpe_check(who);
}
