/* The registry of elementwise functions: names, arity, type rules, loop tables and
 * reduction identities. Indexed by enum nd_ufunc. */
#include "ufunc_internal.h"

#define U(id, np, c, nin, outk, res, ident, idem, tbl) \
    [id] = { np, c, nin, 1, outk, res, ident, idem, NOBOOL(id), UNIFORM(id), STREAM(id), nd__loops_##tbl },
#define UNIFORM(id) ((id) == ND_UF_ADD || (id) == ND_UF_SUBTRACT || (id) == ND_UF_MULTIPLY || \
                     (id) == ND_UF_GCD || (id) == ND_UF_LCM || (id) == ND_UF_MAXIMUM ||      \
                     (id) == ND_UF_MINIMUM || (id) == ND_UF_FMAX || (id) == ND_UF_FMIN)
/* cheap per element, so memory bound on large arrays (the libmvec loops are not: their
 * per-call flag checks make buffered chunks cost more than streaming saves) */
#define STREAM(id) ((id) == ND_UF_ADD || (id) == ND_UF_SUBTRACT || (id) == ND_UF_MULTIPLY ||     \
                    (id) == ND_UF_DIVIDE || (id) == ND_UF_NEGATIVE || (id) == ND_UF_POSITIVE ||  \
                    (id) == ND_UF_ABSOLUTE || (id) == ND_UF_SQUARE || (id) == ND_UF_SQRT ||      \
                    (id) == ND_UF_MAXIMUM || (id) == ND_UF_MINIMUM || (id) == ND_UF_FMAX ||      \
                    (id) == ND_UF_FMIN || (id) == ND_UF_FLOOR || (id) == ND_UF_CEIL ||           \
                    (id) == ND_UF_TRUNC || (id) == ND_UF_RINT || (id) == ND_UF_COPYSIGN ||       \
                    (id) == ND_UF_CONJUGATE || (id) == ND_UF_DEG2RAD || (id) == ND_UF_RAD2DEG)
#define NOBOOL(id) ((id) == ND_UF_NEGATIVE || (id) == ND_UF_POSITIVE || (id) == ND_UF_SIGN || \
                    (id) == ND_UF_SUBTRACT || (id) == ND_UF_GCD || (id) == ND_UF_LCM)
#define SAME ND__OUT_SAME
#define BOOL ND__OUT_BOOL
#define REAL ND__OUT_REAL
#define LIN ND__RES_LINEAR
#define FI ND__RES_FLOATINT
#define NOID ND__ID_NONE
#define ZERO ND__ID_ZERO
#define ONE ND__ID_ONE
#define ONES ND__ID_ALLONES

const nd__ufunc_def nd__ufuncs[ND_UF_COUNT] = {
    U(ND_UF_ADD, "add", "nd_add", 2, SAME, LIN, ZERO, false, add)
    U(ND_UF_SUBTRACT, "subtract", "nd_subtract", 2, SAME, LIN, NOID, false, subtract)
    U(ND_UF_MULTIPLY, "multiply", "nd_multiply", 2, SAME, LIN, ONE, false, multiply)
    U(ND_UF_DIVIDE, "divide", "nd_divide", 2, SAME, FI, NOID, false, divide)
    U(ND_UF_FLOOR_DIVIDE, "floor_divide", "nd_floor_divide", 2, SAME, LIN, NOID, false, floor_divide)
    U(ND_UF_REMAINDER, "remainder", "nd_remainder", 2, SAME, LIN, NOID, false, remainder)
    U(ND_UF_FMOD, "fmod", "nd_fmod", 2, SAME, LIN, NOID, false, fmod)
    U(ND_UF_POWER, "power", "nd_power", 2, SAME, LIN, NOID, false, power)
    U(ND_UF_FLOAT_POWER, "float_power", "nd_float_power", 2, SAME, LIN, NOID, false, float_power)
    U(ND_UF_NEGATIVE, "negative", "nd_negative", 1, SAME, LIN, NOID, false, negative)
    U(ND_UF_POSITIVE, "positive", "nd_positive", 1, SAME, LIN, NOID, false, positive)
    U(ND_UF_ABSOLUTE, "absolute", "nd_absolute", 1, REAL, LIN, NOID, false, absolute)
    U(ND_UF_RECIPROCAL, "reciprocal", "nd_reciprocal", 1, SAME, LIN, NOID, false, reciprocal)
    U(ND_UF_SIGN, "sign", "nd_sign", 1, SAME, LIN, NOID, false, sign)
    U(ND_UF_SQUARE, "square", "nd_square", 1, SAME, LIN, NOID, false, square)
    U(ND_UF_SQRT, "sqrt", "nd_sqrt", 1, SAME, LIN, NOID, false, sqrt)
    U(ND_UF_CBRT, "cbrt", "nd_cbrt", 1, SAME, LIN, NOID, false, cbrt)
    U(ND_UF_HEAVISIDE, "heaviside", "nd_heaviside", 2, SAME, LIN, NOID, false, heaviside)
    U(ND_UF_GCD, "gcd", "nd_gcd", 2, SAME, LIN, ZERO, false, gcd)
    U(ND_UF_LCM, "lcm", "nd_lcm", 2, SAME, LIN, NOID, false, lcm)
    U(ND_UF_EXP, "exp", "nd_exp", 1, SAME, LIN, NOID, false, exp)
    U(ND_UF_EXP2, "exp2", "nd_exp2", 1, SAME, LIN, NOID, false, exp2)
    U(ND_UF_EXPM1, "expm1", "nd_expm1", 1, SAME, LIN, NOID, false, expm1)
    U(ND_UF_LOG, "log", "nd_log", 1, SAME, LIN, NOID, false, log)
    U(ND_UF_LOG2, "log2", "nd_log2", 1, SAME, LIN, NOID, false, log2)
    U(ND_UF_LOG10, "log10", "nd_log10", 1, SAME, LIN, NOID, false, log10)
    U(ND_UF_LOG1P, "log1p", "nd_log1p", 1, SAME, LIN, NOID, false, log1p)
    U(ND_UF_LOGADDEXP, "logaddexp", "nd_logaddexp", 2, SAME, LIN, NOID, false, logaddexp)
    U(ND_UF_LOGADDEXP2, "logaddexp2", "nd_logaddexp2", 2, SAME, LIN, NOID, false, logaddexp2)
    U(ND_UF_SIN, "sin", "nd_sin", 1, SAME, LIN, NOID, false, sin)
    U(ND_UF_COS, "cos", "nd_cos", 1, SAME, LIN, NOID, false, cos)
    U(ND_UF_TAN, "tan", "nd_tan", 1, SAME, LIN, NOID, false, tan)
    U(ND_UF_ARCSIN, "arcsin", "nd_arcsin", 1, SAME, LIN, NOID, false, arcsin)
    U(ND_UF_ARCCOS, "arccos", "nd_arccos", 1, SAME, LIN, NOID, false, arccos)
    U(ND_UF_ARCTAN, "arctan", "nd_arctan", 1, SAME, LIN, NOID, false, arctan)
    U(ND_UF_ARCTAN2, "arctan2", "nd_arctan2", 2, SAME, LIN, NOID, false, arctan2)
    U(ND_UF_HYPOT, "hypot", "nd_hypot", 2, SAME, LIN, ZERO, false, hypot)
    U(ND_UF_SINH, "sinh", "nd_sinh", 1, SAME, LIN, NOID, false, sinh)
    U(ND_UF_COSH, "cosh", "nd_cosh", 1, SAME, LIN, NOID, false, cosh)
    U(ND_UF_TANH, "tanh", "nd_tanh", 1, SAME, LIN, NOID, false, tanh)
    U(ND_UF_ARCSINH, "arcsinh", "nd_arcsinh", 1, SAME, LIN, NOID, false, arcsinh)
    U(ND_UF_ARCCOSH, "arccosh", "nd_arccosh", 1, SAME, LIN, NOID, false, arccosh)
    U(ND_UF_ARCTANH, "arctanh", "nd_arctanh", 1, SAME, LIN, NOID, false, arctanh)
    U(ND_UF_DEG2RAD, "deg2rad", "nd_deg2rad", 1, SAME, LIN, NOID, false, deg2rad)
    U(ND_UF_RAD2DEG, "rad2deg", "nd_rad2deg", 1, SAME, LIN, NOID, false, rad2deg)
    U(ND_UF_SINC, "sinc", "nd_sinc", 1, SAME, FI, NOID, false, sinc)
    U(ND_UF_FLOOR, "floor", "nd_floor", 1, SAME, LIN, NOID, false, floor)
    U(ND_UF_CEIL, "ceil", "nd_ceil", 1, SAME, LIN, NOID, false, ceil)
    U(ND_UF_TRUNC, "trunc", "nd_trunc", 1, SAME, LIN, NOID, false, trunc)
    U(ND_UF_RINT, "rint", "nd_rint", 1, SAME, LIN, NOID, false, rint)
    U(ND_UF_FIX, "fix", "nd_fix", 1, SAME, LIN, NOID, false, trunc)
    U(ND_UF_CLIP, "clip", "nd_clip", 3, SAME, LIN, NOID, false, clip)
    U(ND_UF_EQUAL, "equal", "nd_equal", 2, BOOL, LIN, NOID, false, equal)
    U(ND_UF_NOT_EQUAL, "not_equal", "nd_not_equal", 2, BOOL, LIN, NOID, false, not_equal)
    U(ND_UF_LESS, "less", "nd_less", 2, BOOL, LIN, NOID, false, less)
    U(ND_UF_LESS_EQUAL, "less_equal", "nd_less_equal", 2, BOOL, LIN, NOID, false, less_equal)
    U(ND_UF_GREATER, "greater", "nd_greater", 2, BOOL, LIN, NOID, false, greater)
    U(ND_UF_GREATER_EQUAL, "greater_equal", "nd_greater_equal", 2, BOOL, LIN, NOID, false, greater_equal)
    U(ND_UF_LOGICAL_AND, "logical_and", "nd_logical_and", 2, BOOL, LIN, ONES, true, logical_and)
    U(ND_UF_LOGICAL_OR, "logical_or", "nd_logical_or", 2, BOOL, LIN, ZERO, true, logical_or)
    U(ND_UF_LOGICAL_XOR, "logical_xor", "nd_logical_xor", 2, BOOL, LIN, ZERO, false, logical_xor)
    U(ND_UF_LOGICAL_NOT, "logical_not", "nd_logical_not", 1, BOOL, LIN, NOID, false, logical_not)
    U(ND_UF_MAXIMUM, "maximum", "nd_maximum", 2, SAME, LIN, NOID, true, maximum)
    U(ND_UF_MINIMUM, "minimum", "nd_minimum", 2, SAME, LIN, NOID, true, minimum)
    U(ND_UF_FMAX, "fmax", "nd_fmax", 2, SAME, LIN, NOID, true, fmax)
    U(ND_UF_FMIN, "fmin", "nd_fmin", 2, SAME, LIN, NOID, true, fmin)
    U(ND_UF_ISNAN, "isnan", "nd_isnan", 1, BOOL, LIN, NOID, false, isnan)
    U(ND_UF_ISINF, "isinf", "nd_isinf", 1, BOOL, LIN, NOID, false, isinf)
    U(ND_UF_ISFINITE, "isfinite", "nd_isfinite", 1, BOOL, LIN, NOID, false, isfinite)
    U(ND_UF_SIGNBIT, "signbit", "nd_signbit", 1, BOOL, LIN, NOID, false, signbit)
    U(ND_UF_COPYSIGN, "copysign", "nd_copysign", 2, SAME, LIN, NOID, false, copysign)
    U(ND_UF_NEXTAFTER, "nextafter", "nd_nextafter", 2, SAME, LIN, NOID, false, nextafter)
    U(ND_UF_SPACING, "spacing", "nd_spacing", 1, SAME, LIN, NOID, false, spacing)
    U(ND_UF_BITWISE_AND, "bitwise_and", "nd_bitwise_and", 2, SAME, LIN, ONES, true, bitwise_and)
    U(ND_UF_BITWISE_OR, "bitwise_or", "nd_bitwise_or", 2, SAME, LIN, ZERO, true, bitwise_or)
    U(ND_UF_BITWISE_XOR, "bitwise_xor", "nd_bitwise_xor", 2, SAME, LIN, ZERO, false, bitwise_xor)
    U(ND_UF_INVERT, "invert", "nd_invert", 1, SAME, LIN, NOID, false, invert)
    U(ND_UF_LEFT_SHIFT, "left_shift", "nd_left_shift", 2, SAME, LIN, NOID, false, left_shift)
    U(ND_UF_RIGHT_SHIFT, "right_shift", "nd_right_shift", 2, SAME, LIN, NOID, false, right_shift)
    U(ND_UF_CONJUGATE, "conjugate", "nd_conjugate", 1, SAME, LIN, NOID, false, conjugate)
    U(ND_UF_ANGLE, "angle", "nd_angle", 1, REAL, FI, NOID, false, angle)
    U(ND_UF_ANGLE_DEG, "angle", "nd_angle_deg", 1, REAL, FI, NOID, false, angle_deg)
};

const char *nd_ufunc_name(nd_ufunc f)
{
    return (unsigned)f < ND_UF_COUNT ? nd__ufuncs[f].name : "?";
}

int nd_ufunc_nin(nd_ufunc f)
{
    return (unsigned)f < ND_UF_COUNT ? nd__ufuncs[f].nin : 0;
}
