/* Division-like loops: floor_divide, remainder, fmod, divmod, gcd, lcm, heaviside.
 * Integer division by zero gives 0 and raises the divide flag; MIN / -1 gives MIN
 * and raises the overflow flag (NumPy's behaviour, without C's undefined one). */
#include "ufunc_internal.h"

ND__FILE_NO_MATH_ERRNO

#define SMIN(T, UT) ((T)((UT)1 << (sizeof(T) * 8 - 1)))

/* ---- integer helpers ------------------------------------------------------------------ */
/* x / 0 and x % 0 for integers: 0, with the divide flag raised */
static inline int int_div_zero(void)
{
    feraiseexcept(FE_DIVBYZERO);
    return 0;
}

#define SINT_DIV(E, T, UT, s)                                                            \
    static inline T fdiv_##s(T x, T y)                                                  \
    {                                                                                   \
        if (y == 0) return (T)int_div_zero();                                           \
        if (y == -1) {                                                                  \
            if (x == SMIN(T, UT)) feraiseexcept(FE_OVERFLOW);                           \
            return (T)(0 - (UT)x);                                                      \
        }                                                                               \
        T q = (T)(x / y);                                                               \
        if ((T)(x % y) != 0 && ((x < 0) != (y < 0))) q--;                               \
        return q;                                                                       \
    }                                                                                   \
    static inline T cmod_##s(T x, T y)                                                  \
    {                                                                                   \
        if (y == 0) return (T)int_div_zero();                                           \
        if (y == -1) return 0;                                                          \
        return (T)(x % y);                                                              \
    }                                                                                   \
    /* the C remainder moved to the divisor's sign */                                  \
    static inline T rem_##s(T x, T y)                                                   \
    {                                                                                   \
        T r = cmod_##s(x, y);                                                           \
        if (r != 0 && ((r < 0) != (y < 0))) r = (T)(r + y);                             \
        return r;                                                                       \
    }                                                                                   \
    static inline UT uabs_##s(T x) { return x < 0 ? (UT)(0 - (UT)x) : (UT)x; }         \
    static inline T gcd_##s(T x, T y)                                                   \
    {                                                                                   \
        UT a = uabs_##s(x), b = uabs_##s(y);                                            \
        while (b) {                                                                     \
            UT t = (UT)(a % b);                                                         \
            a = b;                                                                      \
            b = t;                                                                      \
        }                                                                               \
        return (T)a;                                                                    \
    }                                                                                   \
    static inline T lcm_##s(T x, T y)                                                   \
    {                                                                                   \
        UT g = (UT)gcd_##s(x, y);                                                       \
        if (g == 0) return 0;                                                           \
        return (T)(UT)((UT)(uabs_##s(x) / g) * uabs_##s(y));                            \
    }
ND__SINT_TYPES(SINT_DIV)

#define UINT_DIV(E, T, UT, s)                                                            \
    static inline T fdiv_##s(T x, T y) { return y == 0 ? (T)int_div_zero() : (T)(x / y); } \
    static inline T rem_##s(T x, T y) { return y == 0 ? (T)int_div_zero() : (T)(x % y); }  \
    static inline T cmod_##s(T x, T y) { return rem_##s(x, y); }                        \
    static inline T gcd_##s(T a, T b)                                                   \
    {                                                                                   \
        while (b) {                                                                     \
            T t = (T)(a % b);                                                           \
            a = b;                                                                      \
            b = t;                                                                      \
        }                                                                               \
        return a;                                                                       \
    }                                                                                   \
    static inline T lcm_##s(T x, T y)                                                   \
    {                                                                                   \
        T g = gcd_##s(x, y);                                                            \
        return g == 0 ? 0 : (T)((T)(x / g) * y);                                        \
    }
ND__UINT_TYPES(UINT_DIV)

/* ---- float helpers: Python's divmod semantics (NumPy's npy_divmod) ------------------------- */
#define FLOAT_DIV(E, T, UT, s, FMOD, FLOOR, COPYSIGN)                                    \
    static inline T fdivmod_##s(T a, T b, T *modp)                                      \
    {                                                                                   \
        if (b == 0) {                                                                   \
            *modp = FMOD(a, b);                                                         \
            return a / b;                                                               \
        }                                                                               \
        T mod = FMOD(a, b);                                                             \
        T div = (a - mod) / b;                                                          \
        if (mod != 0) {                                                                 \
            if ((b < 0) != (mod < 0)) {                                                 \
                mod += b;                                                               \
                div -= 1;                                                               \
            }                                                                           \
        } else {                                                                        \
            mod = COPYSIGN(0, b);                                                       \
        }                                                                               \
        T fl;                                                                           \
        if (div != 0) {                                                                 \
            fl = FLOOR(div);                                                            \
            if (div - fl > (T)0.5) fl += 1;                                             \
        } else {                                                                        \
            fl = COPYSIGN(0, a / b);                                                    \
        }                                                                               \
        *modp = mod;                                                                    \
        return fl;                                                                      \
    }                                                                                   \
    static inline T fdiv_##s(T a, T b)                                                  \
    {                                                                                   \
        if (b == 0) return a / b;                                                       \
        T m;                                                                            \
        return fdivmod_##s(a, b, &m);                                                   \
    }                                                                                   \
    static inline T rem_##s(T a, T b)                                                   \
    {                                                                                   \
        if (b == 0) return FMOD(a, b);                                                  \
        T m;                                                                            \
        fdivmod_##s(a, b, &m);                                                          \
        return m;                                                                       \
    }                                                                                   \
    static inline T cmod_##s(T a, T b) { return FMOD(a, b); }                           \
    static inline T heavi_##s(T x, T h0)                                                \
    {                                                                                   \
        return isnan(x) ? x : x == 0 ? h0 : x < 0 ? (T)0 : (T)1;                        \
    }
FLOAT_DIV(ND_FLOAT32, float, float, f32, fmodf, floorf, copysignf)
FLOAT_DIV(ND_FLOAT64, double, double, f64, fmod, floor, copysign)

/* ---- loops ------------------------------------------------------------------------------ */
#define DIV_LOOPS(E, T, UT, s)                                                           \
    ND__BINARY_LOOP(floor_divide_##s, T, T, fdiv_##s(x, y))                             \
    ND__BINARY_LOOP(remainder_##s, T, T, rem_##s(x, y))                                 \
    ND__BINARY_LOOP(fmod_##s, T, T, cmod_##s(x, y))                                     \
    static void divmod_##s(char **args, const ptrdiff_t *dims, const ptrdiff_t *steps,  \
                           void *ctx)                                                   \
    {                                                                                   \
        (void)ctx;                                                                      \
        for (ptrdiff_t i = 0; i < dims[0]; i++) {                                       \
            T x = *(const T *)(args[0] + i * steps[0]);                                 \
            T y = *(const T *)(args[1] + i * steps[1]);                                 \
            *(T *)(args[2] + i * steps[2]) = fdiv_##s(x, y);                            \
            *(T *)(args[3] + i * steps[3]) = rem_##s(x, y);                             \
        }                                                                               \
    }
ND__INT_TYPES(DIV_LOOPS)
ND__FLOAT_TYPES(DIV_LOOPS)

#define GCD_LOOPS(E, T, UT, s)                                                           \
    ND__BINARY_RED_LOOP(gcd_loop_##s, T, gcd_##s(x, y))                                 \
    ND__BINARY_RED_LOOP(lcm_loop_##s, T, lcm_##s(x, y))
ND__INT_TYPES(GCD_LOOPS)

ND__BINARY_LOOP(heaviside_f32, float, float, heavi_f32(x, y))
ND__BINARY_LOOP(heaviside_f64, double, double, heavi_f64(x, y))

#define ROW_INT(op) \
    [ND_INT8] = op##_i8, [ND_INT16] = op##_i16, [ND_INT32] = op##_i32, [ND_INT64] = op##_i64, \
    [ND_UINT8] = op##_u8, [ND_UINT16] = op##_u16, [ND_UINT32] = op##_u32, [ND_UINT64] = op##_u64
#define ROW_FLOAT(op) [ND_FLOAT32] = op##_f32, [ND_FLOAT64] = op##_f64

const nd__loop_fn nd__loops_floor_divide[ND_NTYPES] = { ROW_INT(floor_divide), ROW_FLOAT(floor_divide) };
const nd__loop_fn nd__loops_remainder[ND_NTYPES] = { ROW_INT(remainder), ROW_FLOAT(remainder) };
const nd__loop_fn nd__loops_fmod[ND_NTYPES] = { ROW_INT(fmod), ROW_FLOAT(fmod) };
const nd__loop_fn nd__loops_divmod[ND_NTYPES] = { ROW_INT(divmod), ROW_FLOAT(divmod) };
const nd__loop_fn nd__loops_gcd[ND_NTYPES] = { ROW_INT(gcd_loop) };
const nd__loop_fn nd__loops_lcm[ND_NTYPES] = { ROW_INT(lcm_loop) };
const nd__loop_fn nd__loops_heaviside[ND_NTYPES] = { ROW_FLOAT(heaviside) };
