/* numc — universal functions (elementwise math), reductions and the
 * floating-point error state.
 *
 * Calling convention (every elementwise function):
 *
 *     nd_array *c = nd_add(a, b);                     new array, the caller's
 *     nd_array *d = nd_multiply(a, 2.5);              C scalars need no allocation
 *     nd_add_into(out, a, b, .where = mask);          writes into `out`
 *     nd_sqrt(a, .dtype = ND_FLOAT32);                loop / output dtype
 *
 * Operands are nd_array pointers, C arithmetic scalars (int, double, bool,
 * double _Complex, ...) or nd_scalar values; a scalar behaves like a 0-d array
 * with NumPy 1.x value-based promotion (float32 array * 2.5 → float32,
 * uint8 array + 300 → uint16, int8 array + 2.5 → float64).
 *
 * Dtypes are resolved like NumPy: the first loop of the function's loop list to
 * which every input casts safely (numc has no float16, so the float16 loops
 * NumPy would pick for bool/int8/uint8 inputs of sqrt, exp, ... are float32
 * here), int/bool true division gives float64.
 *
 * Errors: functions returning nd_array* return NULL, _into functions a negative
 * nd_status; nd_errmsg() names the function and the values:
 *   ND_ESHAPE  operands do not broadcast, or `out` has the wrong shape
 *   ND_EDTYPE  no loop for the input dtypes (bitwise on float, ...) or casting
 *              not allowed by `.casting` (default same_kind) into `out`
 *   ND_EVALUE  out read-only; a floating-point error whose mode is ND_ERR_RAISE;
 *              integers to negative integer powers
 * An `out` that overlaps an input other than element-for-element is handled by
 * copying the input first (NumPy's rule), so `nd_add_into(a, a, b)` is fine. */
#ifndef NUMC_UFUNC_H
#define NUMC_UFUNC_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "array.h"
#include "dtype.h"
#include "error.h"

#ifdef __cplusplus
extern "C" {
#endif

/* ---- operands --------------------------------------------------------------------- */
/* An input of an elementwise function: an array (borrowed) or a scalar value. */
enum { ND_OPK_ARRAY = 0, ND_OPK_SCALAR = 1, ND_OPK_NONE = 2 };
typedef struct nd_operand {
    const nd_array *array; /* ND_OPK_ARRAY (a NULL array is an error, not a scalar) */
    nd_scalar scalar;      /* ND_OPK_SCALAR */
    int kind;              /* ND_OPK_*; ND_OPK_NONE is "no operand" (ND_NOBOUND) */
} nd_operand;

static inline nd_operand nd_op_array(const nd_array *a)
{ nd_operand o = { a, { ND_BOOL, { false } }, ND_OPK_ARRAY }; return o; }
static inline nd_operand nd_op_scalar(nd_scalar s)
{ nd_operand o = { NULL, s, ND_OPK_SCALAR }; return o; }
static inline nd_operand nd_op_operand(nd_operand o) { return o; }
/* The helpers below build their scalar member by member (no compound literals or nested
 * designators), so this header also compiles as C++. */
static inline nd_scalar nd__scalar_zero(nd_dtype dt) { nd_scalar s = { dt, { false } }; return s; }
static inline nd_operand nd_op_bool(bool b)
{ nd_scalar s = nd__scalar_zero(ND_BOOL); s.v.b = b; return nd_op_scalar(s); }
static inline nd_operand nd_op_i64(long long i)
{ nd_scalar s = nd__scalar_zero(ND_INT64); s.v.i = (int64_t)i; return nd_op_scalar(s); }
static inline nd_operand nd_op_u64(unsigned long long u)
{ nd_scalar s = nd__scalar_zero(ND_UINT64); s.v.u = (uint64_t)u; return nd_op_scalar(s); }
static inline nd_operand nd_op_f64(double f)
{ nd_scalar s = nd__scalar_zero(ND_FLOAT64); s.v.f = f; return nd_op_scalar(s); }
#ifndef __cplusplus /* C's complex type (C++ has std::complex); ND_OPERAND is C-only too */
static inline nd_operand nd_op_c128(double _Complex z)
{
    const double *p = (const double *)&z;
    nd_scalar s = nd__scalar_zero(ND_COMPLEX128);
    s.v.c[0] = p[0];
    s.v.c[1] = p[1];
    return nd_op_scalar(s);
}
#endif

/* Convert any accepted argument to an nd_operand (C11 _Generic). */
#define ND_OPERAND(x) _Generic((x),                                                 \
    nd_array *: nd_op_array, const nd_array *: nd_op_array,                      \
    nd_scalar: nd_op_scalar, nd_operand: nd_op_operand,                           \
    _Bool: nd_op_bool,                                                            \
    char: nd_op_i64, signed char: nd_op_i64, short: nd_op_i64, int: nd_op_i64,    \
    long: nd_op_i64, long long: nd_op_i64,                                        \
    unsigned char: nd_op_u64, unsigned short: nd_op_u64, unsigned: nd_op_u64,     \
    unsigned long: nd_op_u64, unsigned long long: nd_op_u64,                      \
    float: nd_op_f64, double: nd_op_f64,                                          \
    float _Complex: nd_op_c128, double _Complex: nd_op_c128)(x)
/* The absent operand (a missing bound of nd_clip). */
#define ND_NOBOUND ((nd_operand){ NULL, { ND_BOOL, { false } }, ND_OPK_NONE })

/* ---- options ---------------------------------------------------------------------- */
typedef struct nd_ufunc_opts {
    int _; /* reserved: leave it out (lets an empty option list compile) */
    /* Catches a positional argument after the operands: nd_add(a, b, out) does not
     * compile (an array cannot initialise a double; write nd_add_into(out, a, b)) and
     * a stray number is ND_EVALUE. Never set it. */
    double no_positional_options_use_X_into_for_out;
    const nd_array *where;  /* bool mask broadcast to the output: elements where it is
                               false are left unchanged (zero in a new output) */
    nd_casting casting;     /* inputs → loop and loop → out; default same_kind */
    int dtype;              /* loop and output dtype; 0 → resolved (ND_BOOL cannot be
                               forced, it is 0) */
} nd_ufunc_opts;

/* ---- the functions ---------------------------------------------------------------- */
typedef enum nd_ufunc {
    /* arithmetic */
    ND_UF_ADD, ND_UF_SUBTRACT, ND_UF_MULTIPLY, ND_UF_DIVIDE, ND_UF_FLOOR_DIVIDE,
    ND_UF_REMAINDER, ND_UF_FMOD, ND_UF_POWER, ND_UF_FLOAT_POWER,
    ND_UF_NEGATIVE, ND_UF_POSITIVE, ND_UF_ABSOLUTE, ND_UF_RECIPROCAL, ND_UF_SIGN,
    ND_UF_SQUARE, ND_UF_SQRT, ND_UF_CBRT, ND_UF_HEAVISIDE, ND_UF_GCD, ND_UF_LCM,
    /* exponentials and logarithms */
    ND_UF_EXP, ND_UF_EXP2, ND_UF_EXPM1, ND_UF_LOG, ND_UF_LOG2, ND_UF_LOG10,
    ND_UF_LOG1P, ND_UF_LOGADDEXP, ND_UF_LOGADDEXP2,
    /* trigonometric and hyperbolic */
    ND_UF_SIN, ND_UF_COS, ND_UF_TAN, ND_UF_ARCSIN, ND_UF_ARCCOS, ND_UF_ARCTAN,
    ND_UF_ARCTAN2, ND_UF_HYPOT, ND_UF_SINH, ND_UF_COSH, ND_UF_TANH, ND_UF_ARCSINH,
    ND_UF_ARCCOSH, ND_UF_ARCTANH, ND_UF_DEG2RAD, ND_UF_RAD2DEG, ND_UF_SINC,
    /* rounding */
    ND_UF_FLOOR, ND_UF_CEIL, ND_UF_TRUNC, ND_UF_RINT, ND_UF_FIX, ND_UF_CLIP,
    /* comparison and logic */
    ND_UF_EQUAL, ND_UF_NOT_EQUAL, ND_UF_LESS, ND_UF_LESS_EQUAL, ND_UF_GREATER,
    ND_UF_GREATER_EQUAL, ND_UF_LOGICAL_AND, ND_UF_LOGICAL_OR, ND_UF_LOGICAL_XOR,
    ND_UF_LOGICAL_NOT, ND_UF_MAXIMUM, ND_UF_MINIMUM, ND_UF_FMAX, ND_UF_FMIN,
    ND_UF_ISNAN, ND_UF_ISINF, ND_UF_ISFINITE, ND_UF_SIGNBIT, ND_UF_COPYSIGN,
    ND_UF_NEXTAFTER, ND_UF_SPACING,
    /* bitwise */
    ND_UF_BITWISE_AND, ND_UF_BITWISE_OR, ND_UF_BITWISE_XOR, ND_UF_INVERT,
    ND_UF_LEFT_SHIFT, ND_UF_RIGHT_SHIFT,
    /* complex */
    ND_UF_CONJUGATE, ND_UF_ANGLE, ND_UF_ANGLE_DEG,
    ND_UF_COUNT
} nd_ufunc;

/* NumPy's name of a function ("add", "true_divide" → "divide"); "?" if invalid. */
ND_API const char *nd_ufunc_name(nd_ufunc f);
/* Number of inputs (1, 2 or 3 for clip). */
ND_API int nd_ufunc_nin(nd_ufunc f);

/* Generic entry points (the macros below call these). `in` has nd_ufunc_nin(f)
 * operands; `o` may be NULL. */
ND_API nd_array *nd_ufunc_apply(nd_ufunc f, const nd_operand *in, const nd_ufunc_opts *o);
ND_API nd_status nd_ufunc_apply_into(nd_ufunc f, nd_array *out, const nd_operand *in,
                                     const nd_ufunc_opts *o);

/* Plumbing for the per-function macros (argument splitting without empty
 * variadic arguments, which C11 forbids). */
#define ND__H1(x, ...) ND_OPERAND(x)
#define ND__H2(x, y, ...) ND_OPERAND(x), ND_OPERAND(y)
#define ND__H3(x, y, z, ...) ND_OPERAND(x), ND_OPERAND(y), ND_OPERAND(z)
#define ND__T4(w, x, y, z, ...) __VA_ARGS__
#define ND__HO1(o, x, ...) (o), ND_OPERAND(x)
#define ND__HO2(o, x, y, ...) (o), ND_OPERAND(x), ND_OPERAND(y)
#define ND__HO3(o, x, y, z, ...) (o), ND_OPERAND(x), ND_OPERAND(y), ND_OPERAND(z)
/* The guard member gets a sentinel that a positional argument overrides. */
#define ND__NOPOS (-0x1.5p-1000)
#define ND__UOPTS(...) \
    (&(nd_ufunc_opts){ ._ = 0, .no_positional_options_use_X_into_for_out = ND__NOPOS, ._ = 0, \
                       __VA_ARGS__ })
#define ND__UF1(f, ...) nd_ufunc1_((f), ND__H1(__VA_ARGS__, ), ND__UOPTS(ND__T1(__VA_ARGS__, )))
#define ND__UF2(f, ...) nd_ufunc2_((f), ND__H2(__VA_ARGS__, ), ND__UOPTS(ND__T2(__VA_ARGS__, )))
#define ND__UF3(f, ...) nd_ufunc3_((f), ND__H3(__VA_ARGS__, ), ND__UOPTS(ND__T3(__VA_ARGS__, )))
#define ND__UF1_INTO(f, ...) \
    nd_ufunc1_into_((f), ND__HO1(__VA_ARGS__, ), ND__UOPTS(ND__T2(__VA_ARGS__, )))
#define ND__UF2_INTO(f, ...) \
    nd_ufunc2_into_((f), ND__HO2(__VA_ARGS__, ), ND__UOPTS(ND__T3(__VA_ARGS__, )))
#define ND__UF3_INTO(f, ...) \
    nd_ufunc3_into_((f), ND__HO3(__VA_ARGS__, ), ND__UOPTS(ND__T4(__VA_ARGS__, )))
ND_API nd_array *nd_ufunc1_(nd_ufunc f, nd_operand a, const nd_ufunc_opts *o);
ND_API nd_array *nd_ufunc2_(nd_ufunc f, nd_operand a, nd_operand b, const nd_ufunc_opts *o);
ND_API nd_array *nd_ufunc3_(nd_ufunc f, nd_operand a, nd_operand b, nd_operand c,
                            const nd_ufunc_opts *o);
ND_API nd_status nd_ufunc1_into_(nd_ufunc f, nd_array *out, nd_operand a, const nd_ufunc_opts *o);
ND_API nd_status nd_ufunc2_into_(nd_ufunc f, nd_array *out, nd_operand a, nd_operand b,
                                 const nd_ufunc_opts *o);
ND_API nd_status nd_ufunc3_into_(nd_ufunc f, nd_array *out, nd_operand a, nd_operand b,
                                 nd_operand c, const nd_ufunc_opts *o);

/* Binary: nd_X(a, b, opts...) → new array; nd_X_into(out, a, b, opts...) → status. */
#define nd_add(...)                ND__UF2(ND_UF_ADD, __VA_ARGS__)
#define nd_add_into(...)           ND__UF2_INTO(ND_UF_ADD, __VA_ARGS__)
#define nd_subtract(...)           ND__UF2(ND_UF_SUBTRACT, __VA_ARGS__)
#define nd_subtract_into(...)      ND__UF2_INTO(ND_UF_SUBTRACT, __VA_ARGS__)
#define nd_multiply(...)           ND__UF2(ND_UF_MULTIPLY, __VA_ARGS__)
#define nd_multiply_into(...)      ND__UF2_INTO(ND_UF_MULTIPLY, __VA_ARGS__)
#define nd_divide(...)             ND__UF2(ND_UF_DIVIDE, __VA_ARGS__)
#define nd_divide_into(...)        ND__UF2_INTO(ND_UF_DIVIDE, __VA_ARGS__)
#define nd_true_divide(...)        ND__UF2(ND_UF_DIVIDE, __VA_ARGS__)
#define nd_true_divide_into(...)   ND__UF2_INTO(ND_UF_DIVIDE, __VA_ARGS__)
#define nd_floor_divide(...)       ND__UF2(ND_UF_FLOOR_DIVIDE, __VA_ARGS__)
#define nd_floor_divide_into(...)  ND__UF2_INTO(ND_UF_FLOOR_DIVIDE, __VA_ARGS__)
#define nd_remainder(...)          ND__UF2(ND_UF_REMAINDER, __VA_ARGS__)
#define nd_remainder_into(...)     ND__UF2_INTO(ND_UF_REMAINDER, __VA_ARGS__)
#define nd_mod(...)                ND__UF2(ND_UF_REMAINDER, __VA_ARGS__)
#define nd_mod_into(...)           ND__UF2_INTO(ND_UF_REMAINDER, __VA_ARGS__)
#define nd_fmod(...)               ND__UF2(ND_UF_FMOD, __VA_ARGS__)
#define nd_fmod_into(...)          ND__UF2_INTO(ND_UF_FMOD, __VA_ARGS__)
#define nd_power(...)              ND__UF2(ND_UF_POWER, __VA_ARGS__)
#define nd_power_into(...)         ND__UF2_INTO(ND_UF_POWER, __VA_ARGS__)
#define nd_float_power(...)        ND__UF2(ND_UF_FLOAT_POWER, __VA_ARGS__)
#define nd_float_power_into(...)   ND__UF2_INTO(ND_UF_FLOAT_POWER, __VA_ARGS__)
#define nd_heaviside(...)          ND__UF2(ND_UF_HEAVISIDE, __VA_ARGS__)
#define nd_heaviside_into(...)     ND__UF2_INTO(ND_UF_HEAVISIDE, __VA_ARGS__)
#define nd_gcd(...)                ND__UF2(ND_UF_GCD, __VA_ARGS__)
#define nd_gcd_into(...)           ND__UF2_INTO(ND_UF_GCD, __VA_ARGS__)
#define nd_lcm(...)                ND__UF2(ND_UF_LCM, __VA_ARGS__)
#define nd_lcm_into(...)           ND__UF2_INTO(ND_UF_LCM, __VA_ARGS__)
#define nd_logaddexp(...)          ND__UF2(ND_UF_LOGADDEXP, __VA_ARGS__)
#define nd_logaddexp_into(...)     ND__UF2_INTO(ND_UF_LOGADDEXP, __VA_ARGS__)
#define nd_logaddexp2(...)         ND__UF2(ND_UF_LOGADDEXP2, __VA_ARGS__)
#define nd_logaddexp2_into(...)    ND__UF2_INTO(ND_UF_LOGADDEXP2, __VA_ARGS__)
#define nd_arctan2(...)            ND__UF2(ND_UF_ARCTAN2, __VA_ARGS__)
#define nd_arctan2_into(...)       ND__UF2_INTO(ND_UF_ARCTAN2, __VA_ARGS__)
#define nd_hypot(...)              ND__UF2(ND_UF_HYPOT, __VA_ARGS__)
#define nd_hypot_into(...)         ND__UF2_INTO(ND_UF_HYPOT, __VA_ARGS__)
#define nd_equal(...)              ND__UF2(ND_UF_EQUAL, __VA_ARGS__)
#define nd_equal_into(...)         ND__UF2_INTO(ND_UF_EQUAL, __VA_ARGS__)
#define nd_not_equal(...)          ND__UF2(ND_UF_NOT_EQUAL, __VA_ARGS__)
#define nd_not_equal_into(...)     ND__UF2_INTO(ND_UF_NOT_EQUAL, __VA_ARGS__)
#define nd_less(...)               ND__UF2(ND_UF_LESS, __VA_ARGS__)
#define nd_less_into(...)          ND__UF2_INTO(ND_UF_LESS, __VA_ARGS__)
#define nd_less_equal(...)         ND__UF2(ND_UF_LESS_EQUAL, __VA_ARGS__)
#define nd_less_equal_into(...)    ND__UF2_INTO(ND_UF_LESS_EQUAL, __VA_ARGS__)
#define nd_greater(...)            ND__UF2(ND_UF_GREATER, __VA_ARGS__)
#define nd_greater_into(...)       ND__UF2_INTO(ND_UF_GREATER, __VA_ARGS__)
#define nd_greater_equal(...)      ND__UF2(ND_UF_GREATER_EQUAL, __VA_ARGS__)
#define nd_greater_equal_into(...) ND__UF2_INTO(ND_UF_GREATER_EQUAL, __VA_ARGS__)
#define nd_logical_and(...)        ND__UF2(ND_UF_LOGICAL_AND, __VA_ARGS__)
#define nd_logical_and_into(...)   ND__UF2_INTO(ND_UF_LOGICAL_AND, __VA_ARGS__)
#define nd_logical_or(...)         ND__UF2(ND_UF_LOGICAL_OR, __VA_ARGS__)
#define nd_logical_or_into(...)    ND__UF2_INTO(ND_UF_LOGICAL_OR, __VA_ARGS__)
#define nd_logical_xor(...)        ND__UF2(ND_UF_LOGICAL_XOR, __VA_ARGS__)
#define nd_logical_xor_into(...)   ND__UF2_INTO(ND_UF_LOGICAL_XOR, __VA_ARGS__)
#define nd_maximum(...)            ND__UF2(ND_UF_MAXIMUM, __VA_ARGS__)
#define nd_maximum_into(...)       ND__UF2_INTO(ND_UF_MAXIMUM, __VA_ARGS__)
#define nd_minimum(...)            ND__UF2(ND_UF_MINIMUM, __VA_ARGS__)
#define nd_minimum_into(...)       ND__UF2_INTO(ND_UF_MINIMUM, __VA_ARGS__)
#define nd_fmax(...)               ND__UF2(ND_UF_FMAX, __VA_ARGS__)
#define nd_fmax_into(...)          ND__UF2_INTO(ND_UF_FMAX, __VA_ARGS__)
#define nd_fmin(...)               ND__UF2(ND_UF_FMIN, __VA_ARGS__)
#define nd_fmin_into(...)          ND__UF2_INTO(ND_UF_FMIN, __VA_ARGS__)
#define nd_copysign(...)           ND__UF2(ND_UF_COPYSIGN, __VA_ARGS__)
#define nd_copysign_into(...)      ND__UF2_INTO(ND_UF_COPYSIGN, __VA_ARGS__)
#define nd_nextafter(...)          ND__UF2(ND_UF_NEXTAFTER, __VA_ARGS__)
#define nd_nextafter_into(...)     ND__UF2_INTO(ND_UF_NEXTAFTER, __VA_ARGS__)
#define nd_bitwise_and(...)        ND__UF2(ND_UF_BITWISE_AND, __VA_ARGS__)
#define nd_bitwise_and_into(...)   ND__UF2_INTO(ND_UF_BITWISE_AND, __VA_ARGS__)
#define nd_bitwise_or(...)         ND__UF2(ND_UF_BITWISE_OR, __VA_ARGS__)
#define nd_bitwise_or_into(...)    ND__UF2_INTO(ND_UF_BITWISE_OR, __VA_ARGS__)
#define nd_bitwise_xor(...)        ND__UF2(ND_UF_BITWISE_XOR, __VA_ARGS__)
#define nd_bitwise_xor_into(...)   ND__UF2_INTO(ND_UF_BITWISE_XOR, __VA_ARGS__)
#define nd_left_shift(...)         ND__UF2(ND_UF_LEFT_SHIFT, __VA_ARGS__)
#define nd_left_shift_into(...)    ND__UF2_INTO(ND_UF_LEFT_SHIFT, __VA_ARGS__)
#define nd_right_shift(...)        ND__UF2(ND_UF_RIGHT_SHIFT, __VA_ARGS__)
#define nd_right_shift_into(...)   ND__UF2_INTO(ND_UF_RIGHT_SHIFT, __VA_ARGS__)

/* Unary: nd_X(a, opts...) → new array; nd_X_into(out, a, opts...) → status. */
#define nd_negative(...)           ND__UF1(ND_UF_NEGATIVE, __VA_ARGS__)
#define nd_negative_into(...)      ND__UF1_INTO(ND_UF_NEGATIVE, __VA_ARGS__)
#define nd_positive(...)           ND__UF1(ND_UF_POSITIVE, __VA_ARGS__)
#define nd_positive_into(...)      ND__UF1_INTO(ND_UF_POSITIVE, __VA_ARGS__)
#define nd_absolute(...)           ND__UF1(ND_UF_ABSOLUTE, __VA_ARGS__)
#define nd_absolute_into(...)      ND__UF1_INTO(ND_UF_ABSOLUTE, __VA_ARGS__)
#define nd_abs(...)                ND__UF1(ND_UF_ABSOLUTE, __VA_ARGS__)
#define nd_abs_into(...)           ND__UF1_INTO(ND_UF_ABSOLUTE, __VA_ARGS__)
#define nd_reciprocal(...)         ND__UF1(ND_UF_RECIPROCAL, __VA_ARGS__)
#define nd_reciprocal_into(...)    ND__UF1_INTO(ND_UF_RECIPROCAL, __VA_ARGS__)
#define nd_sign(...)               ND__UF1(ND_UF_SIGN, __VA_ARGS__)
#define nd_sign_into(...)          ND__UF1_INTO(ND_UF_SIGN, __VA_ARGS__)
#define nd_square(...)             ND__UF1(ND_UF_SQUARE, __VA_ARGS__)
#define nd_square_into(...)        ND__UF1_INTO(ND_UF_SQUARE, __VA_ARGS__)
#define nd_sqrt(...)               ND__UF1(ND_UF_SQRT, __VA_ARGS__)
#define nd_sqrt_into(...)          ND__UF1_INTO(ND_UF_SQRT, __VA_ARGS__)
#define nd_cbrt(...)               ND__UF1(ND_UF_CBRT, __VA_ARGS__)
#define nd_cbrt_into(...)          ND__UF1_INTO(ND_UF_CBRT, __VA_ARGS__)
#define nd_exp(...)                ND__UF1(ND_UF_EXP, __VA_ARGS__)
#define nd_exp_into(...)           ND__UF1_INTO(ND_UF_EXP, __VA_ARGS__)
#define nd_exp2(...)               ND__UF1(ND_UF_EXP2, __VA_ARGS__)
#define nd_exp2_into(...)          ND__UF1_INTO(ND_UF_EXP2, __VA_ARGS__)
#define nd_expm1(...)              ND__UF1(ND_UF_EXPM1, __VA_ARGS__)
#define nd_expm1_into(...)         ND__UF1_INTO(ND_UF_EXPM1, __VA_ARGS__)
#define nd_log(...)                ND__UF1(ND_UF_LOG, __VA_ARGS__)
#define nd_log_into(...)           ND__UF1_INTO(ND_UF_LOG, __VA_ARGS__)
#define nd_log2(...)               ND__UF1(ND_UF_LOG2, __VA_ARGS__)
#define nd_log2_into(...)          ND__UF1_INTO(ND_UF_LOG2, __VA_ARGS__)
#define nd_log10(...)              ND__UF1(ND_UF_LOG10, __VA_ARGS__)
#define nd_log10_into(...)         ND__UF1_INTO(ND_UF_LOG10, __VA_ARGS__)
#define nd_log1p(...)              ND__UF1(ND_UF_LOG1P, __VA_ARGS__)
#define nd_log1p_into(...)         ND__UF1_INTO(ND_UF_LOG1P, __VA_ARGS__)
#define nd_sin(...)                ND__UF1(ND_UF_SIN, __VA_ARGS__)
#define nd_sin_into(...)           ND__UF1_INTO(ND_UF_SIN, __VA_ARGS__)
#define nd_cos(...)                ND__UF1(ND_UF_COS, __VA_ARGS__)
#define nd_cos_into(...)           ND__UF1_INTO(ND_UF_COS, __VA_ARGS__)
#define nd_tan(...)                ND__UF1(ND_UF_TAN, __VA_ARGS__)
#define nd_tan_into(...)           ND__UF1_INTO(ND_UF_TAN, __VA_ARGS__)
#define nd_arcsin(...)             ND__UF1(ND_UF_ARCSIN, __VA_ARGS__)
#define nd_arcsin_into(...)        ND__UF1_INTO(ND_UF_ARCSIN, __VA_ARGS__)
#define nd_arccos(...)             ND__UF1(ND_UF_ARCCOS, __VA_ARGS__)
#define nd_arccos_into(...)        ND__UF1_INTO(ND_UF_ARCCOS, __VA_ARGS__)
#define nd_arctan(...)             ND__UF1(ND_UF_ARCTAN, __VA_ARGS__)
#define nd_arctan_into(...)        ND__UF1_INTO(ND_UF_ARCTAN, __VA_ARGS__)
#define nd_sinh(...)               ND__UF1(ND_UF_SINH, __VA_ARGS__)
#define nd_sinh_into(...)          ND__UF1_INTO(ND_UF_SINH, __VA_ARGS__)
#define nd_cosh(...)               ND__UF1(ND_UF_COSH, __VA_ARGS__)
#define nd_cosh_into(...)          ND__UF1_INTO(ND_UF_COSH, __VA_ARGS__)
#define nd_tanh(...)               ND__UF1(ND_UF_TANH, __VA_ARGS__)
#define nd_tanh_into(...)          ND__UF1_INTO(ND_UF_TANH, __VA_ARGS__)
#define nd_arcsinh(...)            ND__UF1(ND_UF_ARCSINH, __VA_ARGS__)
#define nd_arcsinh_into(...)       ND__UF1_INTO(ND_UF_ARCSINH, __VA_ARGS__)
#define nd_arccosh(...)            ND__UF1(ND_UF_ARCCOSH, __VA_ARGS__)
#define nd_arccosh_into(...)       ND__UF1_INTO(ND_UF_ARCCOSH, __VA_ARGS__)
#define nd_arctanh(...)            ND__UF1(ND_UF_ARCTANH, __VA_ARGS__)
#define nd_arctanh_into(...)       ND__UF1_INTO(ND_UF_ARCTANH, __VA_ARGS__)
#define nd_deg2rad(...)            ND__UF1(ND_UF_DEG2RAD, __VA_ARGS__)
#define nd_deg2rad_into(...)       ND__UF1_INTO(ND_UF_DEG2RAD, __VA_ARGS__)
#define nd_radians(...)            ND__UF1(ND_UF_DEG2RAD, __VA_ARGS__)
#define nd_rad2deg(...)            ND__UF1(ND_UF_RAD2DEG, __VA_ARGS__)
#define nd_rad2deg_into(...)       ND__UF1_INTO(ND_UF_RAD2DEG, __VA_ARGS__)
#define nd_degrees(...)            ND__UF1(ND_UF_RAD2DEG, __VA_ARGS__)
/* sin(pi x) / (pi x), 1 at 0 (numpy.sinc). */
#define nd_sinc(...)               ND__UF1(ND_UF_SINC, __VA_ARGS__)
#define nd_sinc_into(...)          ND__UF1_INTO(ND_UF_SINC, __VA_ARGS__)
#define nd_floor(...)              ND__UF1(ND_UF_FLOOR, __VA_ARGS__)
#define nd_floor_into(...)         ND__UF1_INTO(ND_UF_FLOOR, __VA_ARGS__)
#define nd_ceil(...)               ND__UF1(ND_UF_CEIL, __VA_ARGS__)
#define nd_ceil_into(...)          ND__UF1_INTO(ND_UF_CEIL, __VA_ARGS__)
#define nd_trunc(...)              ND__UF1(ND_UF_TRUNC, __VA_ARGS__)
#define nd_trunc_into(...)         ND__UF1_INTO(ND_UF_TRUNC, __VA_ARGS__)
/* Round half to even (current rounding mode). */
#define nd_rint(...)               ND__UF1(ND_UF_RINT, __VA_ARGS__)
#define nd_rint_into(...)          ND__UF1_INTO(ND_UF_RINT, __VA_ARGS__)
/* Round toward zero (numpy.fix). */
#define nd_fix(...)                ND__UF1(ND_UF_FIX, __VA_ARGS__)
#define nd_fix_into(...)           ND__UF1_INTO(ND_UF_FIX, __VA_ARGS__)
#define nd_logical_not(...)        ND__UF1(ND_UF_LOGICAL_NOT, __VA_ARGS__)
#define nd_logical_not_into(...)   ND__UF1_INTO(ND_UF_LOGICAL_NOT, __VA_ARGS__)
#define nd_isnan(...)              ND__UF1(ND_UF_ISNAN, __VA_ARGS__)
#define nd_isnan_into(...)         ND__UF1_INTO(ND_UF_ISNAN, __VA_ARGS__)
#define nd_isinf(...)              ND__UF1(ND_UF_ISINF, __VA_ARGS__)
#define nd_isinf_into(...)         ND__UF1_INTO(ND_UF_ISINF, __VA_ARGS__)
#define nd_isfinite(...)           ND__UF1(ND_UF_ISFINITE, __VA_ARGS__)
#define nd_isfinite_into(...)      ND__UF1_INTO(ND_UF_ISFINITE, __VA_ARGS__)
#define nd_signbit(...)            ND__UF1(ND_UF_SIGNBIT, __VA_ARGS__)
#define nd_signbit_into(...)       ND__UF1_INTO(ND_UF_SIGNBIT, __VA_ARGS__)
/* Distance to the next float away from zero, with the sign of x. */
#define nd_spacing(...)            ND__UF1(ND_UF_SPACING, __VA_ARGS__)
#define nd_spacing_into(...)       ND__UF1_INTO(ND_UF_SPACING, __VA_ARGS__)
#define nd_invert(...)             ND__UF1(ND_UF_INVERT, __VA_ARGS__)
#define nd_invert_into(...)        ND__UF1_INTO(ND_UF_INVERT, __VA_ARGS__)
#define nd_bitwise_not(...)        ND__UF1(ND_UF_INVERT, __VA_ARGS__)
#define nd_conjugate(...)          ND__UF1(ND_UF_CONJUGATE, __VA_ARGS__)
#define nd_conjugate_into(...)     ND__UF1_INTO(ND_UF_CONJUGATE, __VA_ARGS__)
#define nd_conj(...)               ND__UF1(ND_UF_CONJUGATE, __VA_ARGS__)
/* Argument of a complex number in radians (float64 for integer input). */
#define nd_angle(...)              ND__UF1(ND_UF_ANGLE, __VA_ARGS__)
#define nd_angle_into(...)         ND__UF1_INTO(ND_UF_ANGLE, __VA_ARGS__)
/* The same in degrees (numpy.angle(z, deg=True)). */
#define nd_angle_deg(...)          ND__UF1(ND_UF_ANGLE_DEG, __VA_ARGS__)

/* Ternary: numpy.clip(a, lo, hi) = minimum(maximum(a, lo), hi); a bound may be
 * ND_NOBOUND (not both). NaN propagates. */
#define nd_clip(...)               ND__UF3(ND_UF_CLIP, __VA_ARGS__)
#define nd_clip_into(...)          ND__UF3_INTO(ND_UF_CLIP, __VA_ARGS__)

/* numpy.divmod: *q = floor_divide(a, b), *r = remainder(a, b), both the caller's. */
ND_API nd_status nd_divmod_(nd_operand a, nd_operand b, nd_array **q, nd_array **r,
                            const nd_ufunc_opts *o);
ND_API nd_status nd_divmod_into_(nd_array *q, nd_array *r, nd_operand a, nd_operand b,
                                 const nd_ufunc_opts *o);
#define nd_divmod(x, y, q, ...) \
    nd_divmod_(ND_OPERAND(x), ND_OPERAND(y), (q), ND__H1R(__VA_ARGS__, ), \
               ND__UOPTS(ND__T1(__VA_ARGS__, )))
#define ND__H1R(r, ...) (r)
#define nd_divmod_into(q, r, x, ...) \
    nd_divmod_into_((q), (r), ND_OPERAND(x), ND__H1(__VA_ARGS__, ), \
                    ND__UOPTS(ND__T1(__VA_ARGS__, )))

/* numpy.around(a, decimals): round half to even at 10^-decimals (integers: exact,
 * negative decimals round to tens, hundreds...). Same dtype as a (ints stay ints). */
ND_API nd_array *nd_around(const nd_array *a, int decimals);
ND_API nd_status nd_around_into(nd_array *out, const nd_array *a, int decimals);
/* numpy.round(a, decimals=0): nd_round(a) or nd_round(a, 2). */
#define nd_round(...) ND__OVERLOAD(nd_round, __VA_ARGS__)
#define nd_round_with_1_args(a) nd_around(nd_requires_an_array_argument(a), 0)
#define nd_round_with_2_args(a, decimals) nd_around((a), (decimals))

/* numpy.nan_to_num: NaN → nan, +inf → posinf, -inf → neginf (applied to both parts of
 * complex values). posinf / neginf NaN mean the dtype's largest / most negative finite
 * value (NumPy's default). Integer arrays are copied unchanged. */
ND_API nd_array *nd_nan_to_num(const nd_array *a, double nan, double posinf, double neginf);

/* numpy.isclose: |a - b| <= atol + rtol * |b| elementwise (bool array); infinities are
 * close when equal; NaNs when equal_nan. (NumPy's defaults: rtol 1e-5, atol 1e-8.) */
ND_API nd_array *nd_isclose_(nd_operand a, nd_operand b, double rtol, double atol, bool equal_nan);
#define nd_isclose(a, b, rtol, atol, equal_nan) \
    nd_isclose_(ND_OPERAND(a), ND_OPERAND(b), (rtol), (atol), (equal_nan))
/* numpy.allclose / array_equal: 1 true, 0 false, negative nd_status on error (e.g.
 * shapes that do not broadcast for allclose; array_equal is 0 for different shapes). */
ND_API int nd_allclose_(nd_operand a, nd_operand b, double rtol, double atol, bool equal_nan);
#define nd_allclose(a, b, rtol, atol, equal_nan) \
    nd_allclose_(ND_OPERAND(a), ND_OPERAND(b), (rtol), (atol), (equal_nan))
ND_API int nd_array_equal(const nd_array *a, const nd_array *b, bool equal_nan);

/* ---- emath (numpy.emath / numpy.lib.scimath) ------------------------------------------ */
/* The functions below give the complex principal value where the real one is undefined:
 * nd_emath_sqrt(-4.0) is 2j where nd_sqrt gives nan. NumPy 1.24's rule: a real input with
 * an element outside the real domain (x < 0 for sqrt, the logs and power's base;
 * |x| > 1 for arccos, arcsin, arctanh) is converted as a whole to complex64 (float32,
 * int8, int16, uint8, uint16) or complex128 (other dtypes) before the ufunc runs, so the
 * whole result is complex; an input entirely in the domain stays real (the dtype nd_sqrt
 * etc. give: float64 for int64, float32 stays float32); complex input stays complex.
 * NaN, -0.0 and empty arrays are in the domain. Operands are arrays or C scalars
 * (nd_emath_sqrt(-1) is a 0-d complex128 array); a 0-d array in logn / power takes part
 * by value, as in NumPy. Each returns a new array, NULL on error: ND_EVALUE for a NULL
 * array ("nd_emath_sqrt: array is NULL"), otherwise the errors of the ufunc (ND_EDTYPE,
 * ND_ESHAPE), named after the emath function. Floating-point conditions (log(0) → -inf,
 * arctanh(1) → inf) warn as in the plain ufuncs (nd_seterr). */
ND_API nd_array *nd_emath_sqrt_(nd_operand x);
ND_API nd_array *nd_emath_log_(nd_operand x);
ND_API nd_array *nd_emath_log2_(nd_operand x);
ND_API nd_array *nd_emath_log10_(nd_operand x);
/* numpy.emath.logn(n, x) = log(x) / log(n), each of n and x made complex by the rule. */
ND_API nd_array *nd_emath_logn_(nd_operand n, nd_operand x);
/* numpy.emath.power(x, p): x made complex by the rule; p made float64 when it is an
 * integer array (or scalar) with a negative element; then nd_power. */
ND_API nd_array *nd_emath_power_(nd_operand x, nd_operand p);
ND_API nd_array *nd_emath_arccos_(nd_operand x);
ND_API nd_array *nd_emath_arcsin_(nd_operand x);
ND_API nd_array *nd_emath_arctanh_(nd_operand x);
#define nd_emath_sqrt(x)     nd_emath_sqrt_(ND_OPERAND(x))
#define nd_emath_log(x)      nd_emath_log_(ND_OPERAND(x))
#define nd_emath_log2(x)     nd_emath_log2_(ND_OPERAND(x))
#define nd_emath_log10(x)    nd_emath_log10_(ND_OPERAND(x))
#define nd_emath_logn(n, x)  nd_emath_logn_(ND_OPERAND(n), ND_OPERAND(x))
#define nd_emath_power(x, p) nd_emath_power_(ND_OPERAND(x), ND_OPERAND(p))
#define nd_emath_arccos(x)   nd_emath_arccos_(ND_OPERAND(x))
#define nd_emath_arcsin(x)   nd_emath_arcsin_(ND_OPERAND(x))
#define nd_emath_arctanh(x)  nd_emath_arctanh_(ND_OPERAND(x))

/* ---- reductions ------------------------------------------------------------------- */
typedef struct nd_reduce_opts {
    int _; /* reserved: leave it out (lets an empty option list compile) */
    int axis;                  /* one axis (negative: from the end); ND_AXIS_NONE (the
                                  default): all axes (argmin/argmax/cum*: flattened).
                                  A positional argument is the axis: nd_sum(a, 0) */
    nd_axes axes;              /* several axes: .axes = ND_AXES(0, 2) (not with .axis) */
    bool keepdims;             /* keep reduced axes with length 1 */
    int dtype;                 /* accumulator and result dtype; 0 → NumPy's default
                                  (sum/prod of bool and small ints → int64/uint64,
                                  mean of ints → float64) */
    const nd_scalar *initial;  /* starting value (e.g. .initial = &ND_F64(0)) */
    const nd_array *where;     /* bool mask broadcast to the input: only true elements
                                  take part */
    double ddof;               /* var/std: divisor is N - ddof */
} nd_reduce_opts;

/* Defaults for code that fills the struct itself (or pass NULL). */
#define ND_REDUCE_DEFAULTS ((nd_reduce_opts){ ._ = 0, .axis = ND_AXIS_NONE })
/* ._ re-designated after .axis so that a positional argument lands in .axis. */
#define ND__ROPTS(...) ND__KWA(nd_reduce_opts, __VA_ARGS__)
#define ND__RED(fn, ...) fn(ND__RH(__VA_ARGS__, ), ND__ROPTS(ND__T1(__VA_ARGS__, )))

/* Each returns a new array (0-d when every axis is reduced and keepdims is false).
 * Errors: ND_EAXIS (axis out of range or repeated), ND_EVALUE (both .axis and
 * .axes), ND_EDTYPE (dtype not supported,
 * e.g. bitwise dtypes for mean), ND_ESHAPE (where does not broadcast),
 * ND_EVALUE (empty reduction without identity: min/max/argmin of nothing). */
ND_API nd_array *nd_sum_(const nd_array *a, const nd_reduce_opts *o);
ND_API nd_array *nd_prod_(const nd_array *a, const nd_reduce_opts *o);
ND_API nd_array *nd_amin_(const nd_array *a, const nd_reduce_opts *o);
ND_API nd_array *nd_amax_(const nd_array *a, const nd_reduce_opts *o);
ND_API nd_array *nd_all_(const nd_array *a, const nd_reduce_opts *o);
ND_API nd_array *nd_any_(const nd_array *a, const nd_reduce_opts *o);
ND_API nd_array *nd_mean_(const nd_array *a, const nd_reduce_opts *o);
ND_API nd_array *nd_var_(const nd_array *a, const nd_reduce_opts *o);
ND_API nd_array *nd_std_(const nd_array *a, const nd_reduce_opts *o);
ND_API nd_array *nd_ptp_(const nd_array *a, const nd_reduce_opts *o);
ND_API nd_array *nd_count_nonzero_(const nd_array *a, const nd_reduce_opts *o);
ND_API nd_array *nd_nansum_(const nd_array *a, const nd_reduce_opts *o);
ND_API nd_array *nd_nanprod_(const nd_array *a, const nd_reduce_opts *o);
ND_API nd_array *nd_nanmin_(const nd_array *a, const nd_reduce_opts *o);
ND_API nd_array *nd_nanmax_(const nd_array *a, const nd_reduce_opts *o);
ND_API nd_array *nd_nanmean_(const nd_array *a, const nd_reduce_opts *o);
ND_API nd_array *nd_nanvar_(const nd_array *a, const nd_reduce_opts *o);
ND_API nd_array *nd_nanstd_(const nd_array *a, const nd_reduce_opts *o);
/* Index (int64) of the first extreme along one axis (.axis; .axes of one axis); NaN
 * counts as the extreme for argmin/argmax and is skipped by the nan-variants
 * (an all-NaN slice is ND_EVALUE). */
ND_API nd_array *nd_argmin_(const nd_array *a, const nd_reduce_opts *o);
ND_API nd_array *nd_argmax_(const nd_array *a, const nd_reduce_opts *o);
ND_API nd_array *nd_nanargmin_(const nd_array *a, const nd_reduce_opts *o);
ND_API nd_array *nd_nanargmax_(const nd_array *a, const nd_reduce_opts *o);
/* Running sums / products along one axis (flattened when no axis); same shape
 * as the input (1-D when flattened). The nan-variants treat NaN as 0 / 1. */
ND_API nd_array *nd_cumsum_(const nd_array *a, const nd_reduce_opts *o);
ND_API nd_array *nd_cumprod_(const nd_array *a, const nd_reduce_opts *o);
ND_API nd_array *nd_nancumsum_(const nd_array *a, const nd_reduce_opts *o);
ND_API nd_array *nd_nancumprod_(const nd_array *a, const nd_reduce_opts *o);

#define nd_sum(...)           ND__RED(nd_sum_, __VA_ARGS__)
#define nd_prod(...)          ND__RED(nd_prod_, __VA_ARGS__)
#define nd_amin(...)          ND__RED(nd_amin_, __VA_ARGS__)
#define nd_amax(...)          ND__RED(nd_amax_, __VA_ARGS__)
#define nd_min(...)           ND__RED(nd_amin_, __VA_ARGS__)
#define nd_max(...)           ND__RED(nd_amax_, __VA_ARGS__)
#define nd_all(...)           ND__RED(nd_all_, __VA_ARGS__)
#define nd_any(...)           ND__RED(nd_any_, __VA_ARGS__)
#define nd_mean(...)          ND__RED(nd_mean_, __VA_ARGS__)
#define nd_var(...)           ND__RED(nd_var_, __VA_ARGS__)
#define nd_std(...)           ND__RED(nd_std_, __VA_ARGS__)
#define nd_ptp(...)           ND__RED(nd_ptp_, __VA_ARGS__)
#define nd_count_nonzero(...) ND__RED(nd_count_nonzero_, __VA_ARGS__)
#define nd_nansum(...)        ND__RED(nd_nansum_, __VA_ARGS__)
#define nd_nanprod(...)       ND__RED(nd_nanprod_, __VA_ARGS__)
#define nd_nanmin(...)        ND__RED(nd_nanmin_, __VA_ARGS__)
#define nd_nanmax(...)        ND__RED(nd_nanmax_, __VA_ARGS__)
#define nd_nanmean(...)       ND__RED(nd_nanmean_, __VA_ARGS__)
#define nd_nanvar(...)        ND__RED(nd_nanvar_, __VA_ARGS__)
#define nd_nanstd(...)        ND__RED(nd_nanstd_, __VA_ARGS__)
#define nd_argmin(...)        ND__RED(nd_argmin_, __VA_ARGS__)
#define nd_argmax(...)        ND__RED(nd_argmax_, __VA_ARGS__)
#define nd_nanargmin(...)     ND__RED(nd_nanargmin_, __VA_ARGS__)
#define nd_nanargmax(...)     ND__RED(nd_nanargmax_, __VA_ARGS__)
#define nd_cumsum(...)        ND__RED(nd_cumsum_, __VA_ARGS__)
#define nd_cumprod(...)       ND__RED(nd_cumprod_, __VA_ARGS__)
#define nd_nancumsum(...)     ND__RED(nd_nancumsum_, __VA_ARGS__)
#define nd_nancumprod(...)    ND__RED(nd_nancumprod_, __VA_ARGS__)

/* ufunc.reduce for any binary function whose loop gives its input dtype: reorderable ones
 * (an identity or idempotent: add, multiply, maximum, logical_*, bitwise_*, gcd, ...) over
 * any axes, the others (subtract, divide, power, ...) over one axis from the first element
 * (NumPy's order). Axis 0 unless told, as ufunc.reduce (o NULL or a zeroed .axis);
 * .axis = ND_AXIS_NONE reduces all axes (axis=None). Errors as above, plus ND_EVALUE for
 * several axes of a non-reorderable function or a non-binary one, ND_EDTYPE for
 * comparisons (bool output). */
ND_API nd_array *nd_ufunc_reduce(nd_ufunc f, const nd_array *a, const nd_reduce_opts *o);

/* ---- numerical utilities ------------------------------------------------------------- */
/* numpy.diff: the n-th discrete difference along `axis` (negative counts from the end;
 * n == 0 returns a copy). Bool arrays use not_equal, like NumPy. `.prepend` / `.append`
 * are joined along the axis first (broadcast to the other axes). NumPy's defaults n = 1,
 * axis = -1; positional n and axis follow the array:
 *     nd_diff(a)   nd_diff(a, 2)   nd_diff(a, 1, 0)   nd_diff(a, .axis = 0, .prepend = z) */
typedef struct nd_diff_opts {
    int _;   /* reserved: leave it out (lets an empty option list compile) */
    int n;   /* order of the difference (the macro's default: 1) */
    int axis; /* (the macro's default: -1) */
    const nd_array *prepend;
    const nd_array *append;
} nd_diff_opts;
/* The defaults code building an nd_diff_opts itself starts from (NULL means these too). */
#define ND_DIFF_DEFAULTS ((nd_diff_opts){ .n = 1, .axis = -1 })
ND_API nd_array *nd_diff_(const nd_array *a, const nd_diff_opts *o);
#define nd_diff(...)                                                                      \
    nd_diff_(ND__RH(__VA_ARGS__, ),                                                    \
             &(nd_diff_opts){ ._ = 0, .n = 1, .axis = -1, ._ = 0, ND__T1(__VA_ARGS__, ) })

/* numpy.ediff1d: differences of the flattened array, with to_begin / to_end (NULL for
 * none) flattened and placed around them. The result has the input's dtype. */
ND_API nd_array *nd_ediff1d(const nd_array *a, const nd_array *to_end, const nd_array *to_begin);

/* numpy.gradient: central differences inside, one-sided (edge_order 1 or 2) at the
 * ends, along `.axis` or each of `.axes` (all axes when neither). Writes one new array per
 * axis to out[] (caller's; out must have room for that many). Spacing per listed axis:
 * `.dx` (uniform steps) or `.x` (1-D coordinates of that axis's length); neither: 1.
 * A positional argument after `out` is the axis: nd_gradient(f, out, 0).
 * Float64 results for integer input. ND_EVALUE when an axis is shorter than
 * edge_order + 1. */
typedef struct nd_gradient_opts {
    int _; /* reserved: leave it out (lets an empty option list compile) */
    int axis;                    /* one axis; ND_AXIS_NONE (the default): see .axes */
    nd_axes axes;                /* several axes; neither: all axes */
    const double *dx;            /* one per axis used (1, axes.n or ndim) */
    const nd_array *const *x;    /* one coordinate array per axis used */
    int edge_order;              /* 0 → 1 */
} nd_gradient_opts;
ND_API nd_status nd_gradient_(const nd_array *f, nd_array **out, const nd_gradient_opts *o);
#define ND_GRADIENT_DEFAULTS ((nd_gradient_opts){ ._ = 0, .axis = ND_AXIS_NONE })
#define nd_gradient(...) \
    nd_gradient_(ND__H2R(__VA_ARGS__, ), \
                 ND__KWA(nd_gradient_opts, ND__T2(__VA_ARGS__, )))

/* numpy.trapz: integral of y along `axis` by the trapezoidal rule, with sample points
 * x (1-D of that axis's length, or y's shape) or, when x is NULL, spacing dx (0 → 1). */
ND_API nd_array *nd_trapz(const nd_array *y, const nd_array *x, double dx, int axis);

/* numpy.cross(a, b, axis=axis): cross product of 2- or 3-component vectors along
 * `axis` of both inputs (usually -1), broadcasting the other axes. Two 2-vectors give
 * the scalar z-component (that axis removed). ND_EVALUE for other lengths. */
ND_API nd_array *nd_cross(const nd_array *a, const nd_array *b, int axis);

/* numpy.convolve of two 1-D arrays: full (length n+m-1), same (max(n, m)) or valid
 * (max - min + 1). Dtype: result_type(a, v). ND_EVALUE for empty inputs. */
typedef enum nd_convolve_mode { ND_CONV_FULL = 0, ND_CONV_SAME, ND_CONV_VALID } nd_convolve_mode;
ND_API nd_array *nd_convolve(const nd_array *a, const nd_array *v, nd_convolve_mode mode);

/* numpy.interp: piecewise-linear interpolation of (xp, fp) at x (any shape; xp
 * increasing, 1-D like fp). Values below / above the range give *left / *right (NULL:
 * fp[0] / fp[-1]); `.period` > 0 makes xp periodic (left/right then unused). Result:
 * float64, or complex128 when fp is complex. */
typedef struct nd_interp_opts {
    int _; /* reserved: leave it out (lets an empty option list compile) */
    const double *left;
    const double *right;
    double period;
} nd_interp_opts;
ND_API nd_array *nd_interp_(const nd_array *x, const nd_array *xp, const nd_array *fp,
                            const nd_interp_opts *o);
#define nd_interp(...) \
    nd_interp_(ND__H3R(__VA_ARGS__, ), &(nd_interp_opts){ 0, ND__T3(__VA_ARGS__, ) })

/* ---- window functions ---------------------------------------------------------------- */
/* numpy.bartlett / blackman / hamming / hanning(M): the symmetric M-point window, a new
 * 1-D float64 array. M < 1 (negative included) gives an empty array and M == 1 gives
 * [1.], as NumPy. With n = 1-M, 3-M, ..., M-1 and NumPy's formulas:
 *   bartlett  1 - |n|/(M-1)
 *   blackman  0.42 + 0.5 cos(pi n/(M-1)) + 0.08 cos(2 pi n/(M-1))
 *   hamming   0.54 + 0.46 cos(pi n/(M-1))
 *   hanning   0.5 + 0.5 cos(pi n/(M-1))
 * The windows are exactly symmetric. Errors: ND_ENOMEM only. */
ND_API nd_array *nd_bartlett(ptrdiff_t M);
ND_API nd_array *nd_blackman(ptrdiff_t M);
ND_API nd_array *nd_hamming(ptrdiff_t M);
ND_API nd_array *nd_hanning(ptrdiff_t M);
/* numpy.kaiser(M, beta): i0(beta sqrt(1 - ((k - a)/a)^2)) / i0(beta) for k = 0..M-1,
 * a = (M-1)/2 (float64; M < 1 empty, M == 1 [1.]). beta 0 is the rectangular window,
 * 14 a good start for FIR design (NumPy's notes). Errors: ND_ENOMEM only. */
ND_API nd_array *nd_kaiser(ptrdiff_t M, double beta);

/* ---- special functions and float helpers --------------------------------------------------- */
/* numpy.i0: the modified Bessel function of the first kind, order 0, elementwise, by NumPy's
 * Chebyshev series (Cephes' coefficients, |x| <= 8 and |x| > 8), evaluated in double.
 * Like NumPy: i0(-x) = i0(x); i0(+-inf) and i0(nan) are nan (NumPy's exp(x)/sqrt(x) at
 * inf, an "invalid" floating-point warning); inf beyond |x| ~ 713 (an "overflow" warning).
 * float32 input gives float32 (NumPy's float32 arithmetic; numc rounds the double
 * result), every other real dtype float64; same shape (0-d stays 0-d).
 * Errors: ND_EVALUE (NULL), ND_EDTYPE (complex: "i0 not supported for complex values"). */
ND_API nd_array *nd_i0(const nd_array *x);

/* numpy.unwrap(p, discont=None, axis=-1, *, period=2*pi): along `axis`, replaces each jump
 * between neighbours larger than max(discont, period/2) by its period-complement, adding
 * multiples of period, with NumPy's arithmetic (a jump of exactly period/2 keeps its
 * sign). A NaN makes the rest of its lane NaN; no floating-point warnings are raised. Positional arguments follow NumPy: nd_unwrap(p), nd_unwrap(p, discont),
 * nd_unwrap(p, discont, axis); period is keyword-only there and here (a third positional
 * argument does not compile): nd_unwrap(p, .period = 360), nd_unwrap(p, .axis = 0).
 * Result: float32 for float32 p, else float64 (a C double period always behaves like
 * NumPy's float period, so integer p never takes NumPy's integer-period path), p's shape.
 * Errors: ND_EVALUE (NULL, 0-d), ND_EAXIS, ND_EDTYPE (complex). */
typedef struct nd_unwrap_opts {
    int _;          /* reserved: leave it out (lets an empty option list compile) */
    double discont; /* jumps up to this are left alone; 0 → period/2 (NumPy's None: any
                       value below period/2 acts as period/2) */
    int axis;       /* the macro's default: -1 */
    /* A third positional argument lands here and does not compile (NumPy: period is
     * keyword-only). Never set it. */
    const struct nd_unwrap_period_is_keyword_only *period_is_keyword_only_write_dot_period;
    double period;  /* 0 → 2 pi */
} nd_unwrap_opts;
/* The defaults code building an nd_unwrap_opts itself starts from (NULL means these too). */
#define ND_UNWRAP_DEFAULTS ((nd_unwrap_opts){ ._ = 0, .axis = -1 })
ND_API nd_array *nd_unwrap_(const nd_array *p, const nd_unwrap_opts *o);
#define nd_unwrap(...) \
    nd_unwrap_(ND__RH(__VA_ARGS__, ), \
               &(nd_unwrap_opts){ ._ = 0, .axis = -1, ._ = 0, ND__T1(__VA_ARGS__, ) })

/* numpy.frexp: x = mantissa * 2^exponent with 0.5 <= |mantissa| < 1 (mantissa 0 for 0,
 * x itself with exponent 0 for inf and nan). *mantissa is float32 for float32, bool,
 * (u)int8 and (u)int16 input (NumPy: float16 for the 8-bit ones; numc has none), else
 * float64; *exponent is int32 (NumPy's intc). Both new, the caller's, x's shape; on
 * failure both are NULL. Errors: ND_EVALUE (NULL array or out pointer), ND_EDTYPE
 * (complex). */
ND_API nd_status nd_frexp(const nd_array *x, nd_array **mantissa, nd_array **exponent);
/* numpy.ldexp(x, e) = x * 2^e, broadcasting; x an array or scalar (float dtype as
 * nd_frexp's mantissa, C scalars float64), e integers or bool (exponents beyond int range
 * saturate, as NumPy). Overflow gives inf with an "overflow" warning.
 * Errors: ND_EVALUE (NULL), ND_ESHAPE, ND_EDTYPE (complex x; float or uint64 e). */
ND_API nd_array *nd_ldexp_(nd_operand x, nd_operand e);
#define nd_ldexp(x, e) nd_ldexp_(ND_OPERAND(x), ND_OPERAND(e))
/* numpy.modf: the fractional and integral parts, both with x's sign (modf(-2.5) is -0.5
 * and -2.0; inf gives 0 and inf). Dtype as nd_frexp's mantissa, both new, x's shape; on
 * failure both NULL. Errors: ND_EVALUE (NULL), ND_EDTYPE (complex). */
ND_API nd_status nd_modf(const nd_array *x, nd_array **frac, nd_array **intpart);
/* numpy.fabs: |x| as floating point (float32 for float32, bool, (u)int8, (u)int16; else
 * float64). Errors: ND_EVALUE (NULL), ND_EDTYPE (complex: NumPy's fabs has no complex
 * loop; use nd_absolute). */
ND_API nd_array *nd_fabs(const nd_array *x);
/* numpy.isposinf / isneginf: bool array, true at +inf / -inf (all false for integers).
 * Errors: ND_EVALUE (NULL), ND_EDTYPE (complex: ambiguous, as NumPy). */
ND_API nd_array *nd_isposinf(const nd_array *x);
ND_API nd_array *nd_isneginf(const nd_array *x);
/* numpy.iscomplex / isreal: bool array of x's shape, imag(x) != 0 / imag(x) == 0 (a
 * complex dtype with zero imaginary part is real; real dtypes give all false / true).
 * Errors: ND_EVALUE (NULL). */
ND_API nd_array *nd_iscomplex(const nd_array *x);
ND_API nd_array *nd_isreal(const nd_array *x);
/* numpy.real_if_close(a, tol=100): when a is complex and every |imag| < tol (tol > 1
 * counts machine epsilons of a's precision, else it is absolute), a view of the real
 * part; otherwise a new reference to a (real input included), as NumPy returns a.
 * nd_real_if_close(a) uses tol 100. Errors: ND_EVALUE (NULL). */
ND_API nd_array *nd_real_if_close_(const nd_array *a, double tol);
#define nd_real_if_close(...) ND__OVERLOAD(nd_real_if_close, __VA_ARGS__)
#define nd_real_if_close_with_1_args(a) nd_real_if_close_(nd_requires_an_array_argument(a), 100.0)
#define nd_real_if_close_with_2_args(a, tol) nd_real_if_close_((a), (tol))
/* numpy.array_equiv: *out = the shapes broadcast together and every element compares
 * equal (NaN never does); shapes that do not broadcast give false, not an error.
 * Errors: ND_EVALUE (NULL array or out). */
ND_API nd_status nd_array_equiv(const nd_array *a, const nd_array *b, bool *out);

/* ---- ufunc methods: reduce, accumulate, reduceat, outer, at (NumPy's ufunc.X) ------------- */
/* Options of accumulate and reduceat: NumPy's axis (default 0) and dtype. */
typedef struct nd_accumulate_opts {
    int _;     /* reserved: leave it out */
    int axis;  /* the axis (negative: from the end); 0 by default, as NumPy */
    int dtype; /* loop and result dtype; 0 → resolved (add / multiply of bool and small
                  integers: int64 / uint64, as NumPy) */
} nd_accumulate_opts;

/* nd_ufunc_reduce (above) serves every binary function: non-reorderable ones (subtract,
 * divide, power, ...) reduce along one axis from the first element; several axes are
 * ND_EVALUE for them, as in NumPy. The default is all axes (nd_sum's), pass .axis = 0 for
 * NumPy's ufunc.reduce default. nd_ufunc_reduce_into writes the result into
 * `out` (its shape must be the result's, keepdims included; same_kind cast; its dtype is
 * the loop dtype unless .dtype is given). Errors as nd_ufunc_reduce, plus ND_ESHAPE. */
ND_API nd_status nd_ufunc_reduce_into(nd_ufunc f, nd_array *out, const nd_array *a,
                                      const nd_reduce_opts *o);
/* ufunc.accumulate: r[..., 0] = a[..., 0], r[..., k] = f(r[..., k-1], a[..., k]) along
 * o->axis (NULL: axis 0); a new array of a's shape, the caller's. Errors: ND_EVALUE (NULL,
 * 0-d "cannot accumulate on a scalar", not binary), ND_EAXIS, ND_EDTYPE (no loop, or a loop
 * whose output dtype differs from its inputs', as equal). _into: into out (a's shape). */
ND_API nd_array *nd_ufunc_accumulate(nd_ufunc f, const nd_array *a, const nd_accumulate_opts *o);
ND_API nd_status nd_ufunc_accumulate_into(nd_ufunc f, nd_array *out, const nd_array *a,
                                          const nd_accumulate_opts *o);
/* ufunc.reduceat: along the axis, r[i] = reduce(a[indices[i]:indices[i+1]]), the last one
 * to the end; where indices[i] >= indices[i+1], r[i] = a[indices[i]] (NumPy's rule).
 * indices: 1-d integers, each in [0, n). A new array (axis length len(indices)).
 * Errors: ND_EINDEX naming the index and the size, ND_EVALUE (indices not 1-d), as
 * accumulate otherwise. */
ND_API nd_array *nd_ufunc_reduceat(nd_ufunc f, const nd_array *a, const nd_array *indices,
                                   const nd_accumulate_opts *o);
ND_API nd_status nd_ufunc_reduceat_into(nd_ufunc f, nd_array *out, const nd_array *a,
                                        const nd_array *indices, const nd_accumulate_opts *o);
/* ufunc.outer: r[i..., j...] = f(a[i...], b[j...]), shape a.shape + b.shape; the options
 * (.where, .dtype, .casting) as for the elementwise call. Errors as the elementwise call,
 * ND_EVALUE for a non-binary f or more than ND_MAXDIMS dimensions. */
ND_API nd_array *nd_ufunc_outer(nd_ufunc f, const nd_array *a, const nd_array *b,
                                const nd_ufunc_opts *o);
ND_API nd_status nd_ufunc_outer_into(nd_ufunc f, nd_array *out, const nd_array *a,
                                     const nd_array *b, const nd_ufunc_opts *o);
/* ufunc.at: a[idx] = f(a[idx], b) in place and unbuffered, so a repeated index applies
 * once per occurrence (np.add.at). nidx integer index arrays (broadcast together) index
 * the first nidx axes of a (negative indices count from the end); one bool array is a
 * mask of a's leading axes. b is broadcast to the index shape + a's remaining axes;
 * unary f takes ND_NOBOUND. The result is cast back to a's dtype after each application.
 * Every index is checked before any is applied: a failed call changes nothing (NumPy).
 * Errors: ND_EINDEX (index out of bounds, naming index, axis and size; non-integer
 * indices), ND_ESHAPE (b does not broadcast), ND_EVALUE (read-only a, NULL, arity). */
ND_API nd_status nd_ufunc_at_n_(nd_ufunc f, nd_array *a, int nidx, const nd_array *const *idx,
                                nd_operand b);
#define nd_ufunc_at(f, a, idx, b) \
    nd_ufunc_at_n_((f), (a), 1, (const nd_array *const[]){ (idx) }, ND_OPERAND(b))
#define nd_ufunc_at_n(f, a, nidx, idx, b) nd_ufunc_at_n_((f), (a), (nidx), (idx), ND_OPERAND(b))

/* ---- user-defined ufuncs (NumPy's frompyfunc / vectorize, with typed C loops) ------------- */
/* numc's inner-loop signature (NumPy's): args[nin + nout] pointers to the first element of
 * each operand, dims[0] elements, steps[] byte strides, ctx the loop's own pointer. A loop
 * is elementwise: element i of every output depends only on element i of the inputs (and
 * may be written over an input it has read); it may run on several threads at once. */
typedef void (*nd_loop_fn)(char **args, const ptrdiff_t *dims, const ptrdiff_t *steps, void *ctx);
#define ND_UFUNC_MAXARGS 8
/* One typed loop: types[0..nin) are the input dtypes, types[nin..nin+nout) the outputs'. */
typedef struct nd_ufunc_loop {
    nd_dtype types[ND_UFUNC_MAXARGS];
    nd_loop_fn fn;
    void *ctx;
} nd_ufunc_loop;
/* A user ufunc (opaque; nd_ufunc_free releases it). */
typedef struct nd_userfunc nd_userfunc;

/* A ufunc from nloops typed loops (copied), tried in order: a call takes the first loop
 * every input casts to safely (NumPy's type resolver; C scalars by value). `identity`
 * (NULL: none) starts reductions and makes empty reductions valid; a binary function with
 * an identity is taken to be reorderable (reduce over several axes). nin + nout <=
 * ND_UFUNC_MAXARGS. Returns the caller's object, NULL with ND_EVALUE (bad counts, NULL
 * loop, invalid dtype, name NULL or longer than 63) or ND_ENOMEM. */
ND_API nd_userfunc *nd_ufunc_new(const char *name, int nin, int nout, int nloops,
                                 const nd_ufunc_loop *loops, const nd_scalar *identity);
/* Convenience: a float64 → float64 ufunc from a scalar function (unary), or from
 * f(x, y) (binary, with an optional identity). Errors as nd_ufunc_new (f NULL: ND_EVALUE). */
ND_API nd_userfunc *nd_ufunc_from_f64(const char *name, double (*f)(double));
ND_API nd_userfunc *nd_ufunc_from_f64_binary(const char *name, double (*f)(double, double),
                                             const nd_scalar *identity);
/* Release a user ufunc; NULL is a no-op. */
ND_API void nd_ufunc_free(nd_userfunc *u);
/* Its name, nin and nout ("?" and 0 for NULL). */
ND_API const char *nd_userfunc_name(const nd_userfunc *u);
ND_API int nd_userfunc_nin(const nd_userfunc *u);
ND_API int nd_userfunc_nout(const nd_userfunc *u);

/* Call u on nin operands (broadcast) with the options (.where, .dtype: the first loop whose
 * outputs have that dtype, .casting: inputs → loop and loop → out, default same_kind).
 * outs[nout]: NULL entries are allocated (the caller's), given ones are written. Large
 * inputs run on numc's worker pool. Errors: ND_EVALUE (NULL, wrong counts), ND_ESHAPE,
 * ND_EDTYPE (no loop for the input dtypes; casting), and a loop's own nd_set_error-free
 * failure is not possible: loops cannot fail. */
ND_API nd_status nd_userfunc_call_into_(const nd_userfunc *u, int nout, nd_array **outs, int nin,
                                        const nd_operand *in, const nd_ufunc_opts *o);
/* One-output form: a new array, NULL on error. */
ND_API nd_array *nd_userfunc_call_(const nd_userfunc *u, int nin, const nd_operand *in,
                                   const nd_ufunc_opts *o);
ND_API nd_array *nd_userfunc_call1_(const nd_userfunc *u, nd_operand a, const nd_ufunc_opts *o);
ND_API nd_array *nd_userfunc_call2_(const nd_userfunc *u, nd_operand a, nd_operand b,
                                    const nd_ufunc_opts *o);
ND_API nd_status nd_userfunc_call1_into_(const nd_userfunc *u, nd_array *out, nd_operand a,
                                         const nd_ufunc_opts *o);
ND_API nd_status nd_userfunc_call2_into_(const nd_userfunc *u, nd_array *out, nd_operand a,
                                         nd_operand b, const nd_ufunc_opts *o);
/* nd_userfunc_call1(u, x, .where = m) / nd_userfunc_call2(u, x, y) and the _into forms. */
#define nd_userfunc_call1(u, ...) \
    nd_userfunc_call1_((u), ND__H1(__VA_ARGS__, ), ND__UOPTS(ND__T1(__VA_ARGS__, )))
#define nd_userfunc_call2(u, ...) \
    nd_userfunc_call2_((u), ND__H2(__VA_ARGS__, ), ND__UOPTS(ND__T2(__VA_ARGS__, )))
#define nd_userfunc_call1_into(u, ...) \
    nd_userfunc_call1_into_((u), ND__HO1(__VA_ARGS__, ), ND__UOPTS(ND__T2(__VA_ARGS__, )))
#define nd_userfunc_call2_into(u, ...) \
    nd_userfunc_call2_into_((u), ND__HO2(__VA_ARGS__, ), ND__UOPTS(ND__T3(__VA_ARGS__, )))

/* The methods of a binary user ufunc with one output, as the built-ins' above: the loop is
 * the first whose inputs a's dtype casts to safely and whose three dtypes are equal (or
 * the one of .dtype). Reduce of an empty axis needs the identity (or .initial), else
 * ND_EVALUE "zero-size array to reduction operation NAME which has no identity". at also
 * takes unary ufuncs (b = ND_NOBOUND). */
ND_API nd_array *nd_userfunc_reduce(const nd_userfunc *u, const nd_array *a, const nd_reduce_opts *o);
ND_API nd_status nd_userfunc_reduce_into(const nd_userfunc *u, nd_array *out, const nd_array *a,
                                         const nd_reduce_opts *o);
ND_API nd_array *nd_userfunc_accumulate(const nd_userfunc *u, const nd_array *a,
                                        const nd_accumulate_opts *o);
ND_API nd_status nd_userfunc_accumulate_into(const nd_userfunc *u, nd_array *out,
                                             const nd_array *a, const nd_accumulate_opts *o);
ND_API nd_array *nd_userfunc_reduceat(const nd_userfunc *u, const nd_array *a,
                                      const nd_array *indices, const nd_accumulate_opts *o);
ND_API nd_status nd_userfunc_reduceat_into(const nd_userfunc *u, nd_array *out, const nd_array *a,
                                           const nd_array *indices, const nd_accumulate_opts *o);
ND_API nd_array *nd_userfunc_outer(const nd_userfunc *u, const nd_array *a, const nd_array *b,
                                   const nd_ufunc_opts *o);
ND_API nd_status nd_userfunc_outer_into(const nd_userfunc *u, nd_array *out, const nd_array *a,
                                        const nd_array *b, const nd_ufunc_opts *o);
ND_API nd_status nd_userfunc_at_n_(const nd_userfunc *u, nd_array *a, int nidx,
                                   const nd_array *const *idx, nd_operand b);
#define nd_userfunc_at(u, a, idx, b) \
    nd_userfunc_at_n_((u), (a), 1, (const nd_array *const[]){ (idx) }, ND_OPERAND(b))

/* ---- functional programming (numpy.apply_along_axis, apply_over_axes, piecewise) --------- */
/* A function of a 1-d lane (a read-only view, valid during the call) returning a new array
 * (numc takes and frees it) or NULL to stop with the error it set. */
typedef nd_array *(*nd_lane_fn)(const nd_array *lane, void *ud);
/* numpy.apply_along_axis(fn, axis, arr): fn on every 1-d slice along `axis`; the result
 * has arr.shape[:axis] + r.shape + arr.shape[axis+1:] with r the first result (0-d r drops
 * the axis) and r's dtype (later results are cast to it). New, the caller's. Errors:
 * ND_EVALUE (NULL, 0-d arr, fn returning NULL or results of different shapes, an empty
 * iteration: "Cannot apply_along_axis when any iteration dimensions are 0"), ND_EAXIS. */
ND_API nd_array *nd_apply_along_axis(nd_lane_fn fn, int axis, const nd_array *arr, void *ud);
/* A function of an array and an axis (numpy.apply_over_axes's func(a, axis)). */
typedef nd_array *(*nd_axis_fn)(const nd_array *a, int axis, void *ud);
/* numpy.apply_over_axes(fn, a, axes): a = fn(a, axis) for each axis in turn; a result with
 * one dimension less gets it back (expand_dims), so the result keeps a.ndim dimensions.
 * Errors: ND_EVALUE (NULL, fn failing, a result of another ndim), ND_EAXIS. */
ND_API nd_array *nd_apply_over_axes(nd_axis_fn fn, const nd_array *a, nd_axes axes, void *ud);
/* One piece of numpy.piecewise: fn(x[cond], ud) (a 1-d copy of the selected values; it
 * returns a new array of that many values, or one, which numc frees), or the constant
 * `value` when fn is NULL. */
typedef struct nd_piece {
    nd_lane_fn fn;
    double value;
    void *ud;
} nd_piece;
/* numpy.piecewise(x, condlist, funclist): y of x's shape and dtype, zero where no
 * condition holds; piece i applies where condlist[i] is true (later pieces win). With
 * nfunc == ncond + 1 the last piece is the default, for where no condition holds.
 * Conditions: bool arrays of x's shape. New, the caller's. Errors: ND_EVALUE (NULL,
 * nfunc not ncond or ncond + 1, a piece returning NULL), ND_ESHAPE (a condition or a
 * piece's result of the wrong shape), ND_EDTYPE (a non-bool condition). */
ND_API nd_array *nd_piecewise(const nd_array *x, int ncond, const nd_array *const *condlist,
                              int nfunc, const nd_piece *funclist);

/* ---- floating-point error state (numpy.seterr) ---------------------------------------- */
typedef enum nd_errmode {
    ND_ERR_UNCHANGED = 0, /* in nd_seterr: keep the current mode */
    ND_ERR_IGNORE,
    ND_ERR_WARN,          /* call the warning handler (default: one line on stderr) */
    ND_ERR_RAISE          /* the function fails with ND_EVALUE */
} nd_errmode;

typedef struct nd_errstate {
    int _; /* reserved: leave it out (lets an empty option list compile) */
    nd_errmode divide, over, under, invalid;
    nd_errmode all;       /* nd_seterr only: sets all four first */
} nd_errstate;

/* Set the calling thread's modes (fields left 0 keep their mode); returns the old
 * state, which can be passed back to nd_seterr_ to restore it. Defaults (NumPy's):
 * divide, over, invalid → warn; under → ignore.
 *     nd_errstate old = nd_seterr(.all = ND_ERR_IGNORE);  ...  nd_seterr_(&old); */
ND_API nd_errstate nd_seterr_(const nd_errstate *s);
#define nd_seterr(...) nd_seterr_(&(nd_errstate){ 0, __VA_ARGS__ })
ND_API nd_errstate nd_geterr(void);

/* Bits passed to the warning handler. */
enum { ND_FPE_DIVIDE = 1, ND_FPE_OVERFLOW = 2, ND_FPE_UNDERFLOW = 4, ND_FPE_INVALID = 8 };
/* The warning handler (nd_seterrcall, error.h) receives these bits for ND_ERR_WARN. */

#ifdef __cplusplus
}
#endif
#endif
