/* Arithmetic loops: add, subtract, multiply, divide, negative, positive, absolute,
 * reciprocal, sign, square, power, float_power, and the nan-skipping add/multiply
 * used by nansum/nanprod. Integer arithmetic wraps (done in the unsigned type, as
 * NumPy's results do, without C's signed-overflow undefined behaviour). */
#include "ufunc_internal.h"

ND__FILE_NO_MATH_ERRNO

/* ---- complex helpers (NumPy's formulas: plain products, Smith's division) ------------ */
#define ND__CPLX_HELPERS(CT, RT, sfx)                                                  \
    static inline CT cadd_##sfx(CT a, CT b) { return (CT){ a.re + b.re, a.im + b.im }; } \
    static inline CT csub_##sfx(CT a, CT b) { return (CT){ a.re - b.re, a.im - b.im }; } \
    static inline CT cmul_##sfx(CT a, CT b)                                           \
    {                                                                                 \
        return (CT){ a.re * b.re - a.im * b.im, a.re * b.im + a.im * b.re };          \
    }                                                                                 \
    static inline CT cdiv_##sfx(CT a, CT b)                                           \
    {                                                                                 \
        RT abs_br = (RT)fabs((double)b.re), abs_bi = (RT)fabs((double)b.im);        \
        if (abs_br >= abs_bi) {                                                       \
            if (abs_br == 0 && abs_bi == 0) {                                         \
                /* divide by zero: IEEE on each part, like NumPy */                   \
                return (CT){ a.re / abs_br, a.im / abs_bi };                          \
            }                                                                         \
            RT rat = b.im / b.re, scl = (RT)1.0 / (b.re + b.im * rat);                \
            return (CT){ (a.re + a.im * rat) * scl, (a.im - a.re * rat) * scl };      \
        }                                                                             \
        RT rat = b.re / b.im, scl = (RT)1.0 / (b.im + b.re * rat);                    \
        return (CT){ (a.re * rat + a.im) * scl, (a.im * rat - a.re) * scl };          \
    }
ND__CPLX_HELPERS(nd__c64, float, c64)
ND__CPLX_HELPERS(nd__c128, double, c128)

/* ---- add ------------------------------------------------------------------------------- */
ND__BINARY_RED_LOOP(add_b, bool, x || y)
#define ADD_INT(E, T, UT, s) ND__BINARY_RED_LOOP(add_##s, T, (T)((UT)x + (UT)y))
ND__INT_TYPES(ADD_INT)

/* Float add: the reduce form sums pairwise (the accuracy NumPy's sum has). */
#define ADD_FLOAT(E, T, UT, s)                                                          \
    ND__CLONES static void add_##s(char **args, const ptrdiff_t *dims,                 \
                                   const ptrdiff_t *steps, void *ctx)                  \
    {                                                                                  \
        (void)ctx;                                                                     \
        if (args[0] == args[2] && steps[0] == 0 && steps[2] == 0) {                    \
            *(T *)args[0] += nd__pairwise_sum_##s(args[1], dims[0], steps[1]);         \
            return;                                                                    \
        }                                                                              \
        ND__BINARY_BODY(T, T, x + y)                                                   \
    }
ND__FLOAT_TYPES(ADD_FLOAT)

#define ADD_CPLX(E, T, RT, s)                                                           \
    static void add_##s(char **args, const ptrdiff_t *dims, const ptrdiff_t *steps,    \
                        void *ctx)                                                     \
    {                                                                                  \
        (void)ctx;                                                                     \
        if (args[0] == args[2] && steps[0] == 0 && steps[2] == 0) {                    \
            *(T *)args[0] = cadd_##s(*(T *)args[0],                                    \
                                     nd__pairwise_sum_##s(args[1], dims[0], steps[1])); \
            return;                                                                    \
        }                                                                              \
        ND__BINARY_BODY(T, T, cadd_##s(x, y))                                          \
    }
ND__COMPLEX_TYPES(ADD_CPLX)

/* nanadd: acc + input with a NaN input counting as 0 (nansum): only args[1] (the
 * reduction's input) is filtered, a NaN the accumulator reached stays. */
#define NANADD_FLOAT(E, T, UT, s)                                                       \
    static void nanadd_##s(char **args, const ptrdiff_t *dims, const ptrdiff_t *steps, \
                           void *ctx)                                                  \
    {                                                                                  \
        (void)ctx;                                                                     \
        if (args[0] == args[2] && steps[0] == 0 && steps[2] == 0) {                    \
            const ptrdiff_t n = dims[0];                                               \
            /* pairwise over blocks with NaNs zeroed in a small buffer */              \
            T buf[512];                                                                \
            T acc = *(T *)args[0];                                                     \
            for (ptrdiff_t i = 0; i < n; i += 512) {                                   \
                ptrdiff_t m = n - i < 512 ? n - i : 512;                               \
                for (ptrdiff_t k = 0; k < m; k++) {                                    \
                    T v = *(const T *)(args[1] + (i + k) * steps[1]);                  \
                    buf[k] = isnan(v) ? 0 : v;                                         \
                }                                                                      \
                acc += nd__pairwise_sum_##s((const char *)buf, m, sizeof(T));          \
            }                                                                          \
            *(T *)args[0] = acc;                                                       \
            return;                                                                    \
        }                                                                              \
        ND__BINARY_BODY(T, T, x + (isnan(y) ? 0 : y))                                  \
    }
ND__FLOAT_TYPES(NANADD_FLOAT)
static inline nd__c64 cz_c64(nd__c64 v) { return (isnan(v.re) || isnan(v.im)) ? (nd__c64){ 0, 0 } : v; }
static inline nd__c128 cz_c128(nd__c128 v) { return (isnan(v.re) || isnan(v.im)) ? (nd__c128){ 0, 0 } : v; }
#define NANADD_CPLX(E, T, RT, s) ND__BINARY_RED_LOOP(nanadd_##s, T, cadd_##s(x, cz_##s(y)))
ND__COMPLEX_TYPES(NANADD_CPLX)

/* ---- subtract (no bool loop: NumPy rejects boolean subtract) --------------------------- */
#define SUB_INT(E, T, UT, s) ND__BINARY_LOOP(subtract_##s, T, T, (T)((UT)x - (UT)y))
ND__INT_TYPES(SUB_INT)
#define SUB_FLOAT(E, T, UT, s) ND__CLONES ND__BINARY_LOOP(subtract_##s, T, T, x - y)
ND__FLOAT_TYPES(SUB_FLOAT)
#define SUB_CPLX(E, T, RT, s) ND__BINARY_LOOP(subtract_##s, T, T, csub_##s(x, y))
ND__COMPLEX_TYPES(SUB_CPLX)

/* ---- multiply ---------------------------------------------------------------------------- */
ND__BINARY_RED_LOOP(multiply_b, bool, x && y)
#define MUL_INT(E, T, UT, s) ND__BINARY_RED_LOOP(multiply_##s, T, (T)((UT)x * (UT)y))
ND__INT_TYPES(MUL_INT)
#define MUL_FLOAT(E, T, UT, s) ND__CLONES ND__BINARY_RED_LOOP(multiply_##s, T, x * y)
ND__FLOAT_TYPES(MUL_FLOAT)
#define MUL_CPLX(E, T, RT, s) ND__BINARY_RED_LOOP(multiply_##s, T, cmul_##s(x, y))
ND__COMPLEX_TYPES(MUL_CPLX)

#define NANMUL_FLOAT(E, T, UT, s) \
    ND__BINARY_RED_LOOP(nanmultiply_##s, T, x * (isnan(y) ? 1 : y))
ND__FLOAT_TYPES(NANMUL_FLOAT)
static inline nd__c64 cone_c64(nd__c64 v) { return (isnan(v.re) || isnan(v.im)) ? (nd__c64){ 1, 0 } : v; }
static inline nd__c128 cone_c128(nd__c128 v) { return (isnan(v.re) || isnan(v.im)) ? (nd__c128){ 1, 0 } : v; }
#define NANMUL_CPLX(E, T, RT, s) \
    ND__BINARY_RED_LOOP(nanmultiply_##s, T, cmul_##s(x, cone_##s(y)))
ND__COMPLEX_TYPES(NANMUL_CPLX)

/* ---- divide (true_divide; integer inputs resolve to float64) ---------------------------- */
#define DIV_FLOAT(E, T, UT, s) ND__CLONES ND__BINARY_LOOP(divide_##s, T, T, x / y)
ND__FLOAT_TYPES(DIV_FLOAT)
#define DIV_CPLX(E, T, RT, s) ND__BINARY_LOOP(divide_##s, T, T, cdiv_##s(x, y))
ND__COMPLEX_TYPES(DIV_CPLX)

/* ---- unary ------------------------------------------------------------------------------- */
#define NEG_INT(E, T, UT, s) ND__UNARY_LOOP(negative_##s, T, T, (T)(0 - (UT)x))
ND__INT_TYPES(NEG_INT)
#define NEG_FLOAT(E, T, UT, s) ND__UNARY_LOOP(negative_##s, T, T, -x)
ND__FLOAT_TYPES(NEG_FLOAT)
#define NEG_CPLX(E, T, RT, s) ND__UNARY_LOOP(negative_##s, T, T, ((T){ -x.re, -x.im }))
ND__COMPLEX_TYPES(NEG_CPLX)

#define POS_ANY(E, T, UT, s) ND__UNARY_LOOP(positive_##s, T, T, x)
ND__INT_TYPES(POS_ANY)
ND__FLOAT_TYPES(POS_ANY)
ND__COMPLEX_TYPES(POS_ANY)

ND__UNARY_LOOP(absolute_b, bool, bool, x)
#define ABS_SINT(E, T, UT, s) ND__UNARY_LOOP(absolute_##s, T, T, x < 0 ? (T)(0 - (UT)x) : x)
ND__SINT_TYPES(ABS_SINT)
#define ABS_UINT(E, T, UT, s) ND__UNARY_LOOP(absolute_##s, T, T, x)
ND__UINT_TYPES(ABS_UINT)
ND__CLONES ND__UNARY_LOOP(absolute_f32, float, float, fabsf(x))
ND__CLONES ND__UNARY_LOOP(absolute_f64, double, double, fabs(x))
ND__UNARY_LOOP(absolute_c64, nd__c64, float, hypotf(x.re, x.im))
ND__UNARY_LOOP(absolute_c128, nd__c128, double, hypot(x.re, x.im))

/* Integer reciprocal is C division 1 / x: 0 unless |x| == 1; x == 0 sets the divide
 * flag and gives 0 (numc's rule for integer division by zero). */
#define RECIP_INT(E, T, UT, s)                                                         \
    static inline T recip_##s(T x)                                                     \
    {                                                                                  \
        if (x == 0) {                                                                  \
            feraiseexcept(FE_DIVBYZERO);                                               \
            return 0;                                                                  \
        }                                                                              \
        return (T)(1 / x);                                                             \
    }                                                                                  \
    ND__UNARY_LOOP(reciprocal_##s, T, T, recip_##s(x))
ND__INT_TYPES(RECIP_INT)
#define RECIP_FLOAT(E, T, UT, s) ND__UNARY_LOOP(reciprocal_##s, T, T, (T)1 / x)
ND__FLOAT_TYPES(RECIP_FLOAT)
/* NumPy's complex reciprocal: 1/0 is nan+nanj (not Smith's division's inf). */
#define RECIP_CPLX(E, T, RT, s)                                                         \
    static inline T crecip_##s(T z)                                                    \
    {                                                                                  \
        RT ar = z.re < 0 ? -z.re : z.re, ai = z.im < 0 ? -z.im : z.im;                 \
        if (ai <= ar) {                                                                \
            RT r = z.im / z.re, d = z.re + z.im * r;                                   \
            return (T){ 1 / d, -r / d };                                               \
        }                                                                              \
        RT r = z.re / z.im, d = z.im + z.re * r;                                       \
        return (T){ r / d, -1 / d };                                                   \
    }                                                                                  \
    ND__UNARY_LOOP(reciprocal_##s, T, T, crecip_##s(x))
ND__COMPLEX_TYPES(RECIP_CPLX)

#define SIGN_SINT(E, T, UT, s) ND__UNARY_LOOP(sign_##s, T, T, (T)((x > 0) - (x < 0)))
ND__SINT_TYPES(SIGN_SINT)
#define SIGN_UINT(E, T, UT, s) ND__UNARY_LOOP(sign_##s, T, T, (T)(x > 0))
ND__UINT_TYPES(SIGN_UINT)
#define SIGN_FLOAT(E, T, UT, s) \
    ND__UNARY_LOOP(sign_##s, T, T, x > 0 ? (T)1 : x < 0 ? (T)-1 : x == 0 ? (T)0 : x)
ND__FLOAT_TYPES(SIGN_FLOAT)
/* NumPy 1.x: the sign of the first non-zero part, lexicographically. */
#define SIGN_CPLX(E, T, RT, s)                                                          \
    static inline T csign_##s(T z)                                                     \
    {                                                                                  \
        RT r;                                                                          \
        if (isnan(z.re) || isnan(z.im)) r = (RT)NAN;                                   \
        else if (z.re > 0 || (z.re == 0 && z.im > 0)) r = 1;                           \
        else if (z.re < 0 || (z.re == 0 && z.im < 0)) r = -1;                          \
        else r = 0;                                                                    \
        return (T){ r, 0 };                                                            \
    }                                                                                  \
    ND__UNARY_LOOP(sign_##s, T, T, csign_##s(x))
ND__COMPLEX_TYPES(SIGN_CPLX)

#define SQUARE_INT(E, T, UT, s) ND__UNARY_LOOP(square_##s, T, T, (T)((UT)x * (UT)x))
ND__INT_TYPES(SQUARE_INT)
#define SQUARE_FLOAT(E, T, UT, s) ND__UNARY_LOOP(square_##s, T, T, x * x)
ND__FLOAT_TYPES(SQUARE_FLOAT)
#define SQUARE_CPLX(E, T, RT, s) ND__UNARY_LOOP(square_##s, T, T, cmul_##s(x, x))
ND__COMPLEX_TYPES(SQUARE_CPLX)

/* ---- power ---------------------------------------------------------------------------------- */
#define POW_SINT(E, T, UT, s)                                                           \
    static inline T ipow_##s(T b, T e)                                                 \
    {                                                                                  \
        if (e < 0) {                                                                   \
            nd__loop_fail(ND_EVALUE, "integers to negative integer powers are not allowed"); \
            return 0;                                                                  \
        }                                                                              \
        UT r = 1, base = (UT)b;                                                        \
        for (UT k = (UT)e; k; k >>= 1) {                                               \
            if (k & 1) r = (UT)(r * base);                                             \
            base = (UT)(base * base);                                                  \
        }                                                                              \
        return (T)r;                                                                   \
    }                                                                                  \
    ND__BINARY_LOOP(power_##s, T, T, ipow_##s(x, y))
ND__SINT_TYPES(POW_SINT)
#define POW_UINT(E, T, UT, s)                                                           \
    static inline T ipow_##s(T b, T e)                                                 \
    {                                                                                  \
        T r = 1;                                                                       \
        for (; e; e >>= 1) {                                                           \
            if (e & 1) r = (T)(r * b);                                                 \
            b = (T)(b * b);                                                            \
        }                                                                              \
        return r;                                                                      \
    }                                                                                  \
    ND__BINARY_LOOP(power_##s, T, T, ipow_##s(x, y))
ND__UINT_TYPES(POW_UINT)

/* Complex power: small integer exponents by repeated squaring (exact like NumPy),
 * zero bases by NumPy's rules, otherwise cpow via exp(y log x). */
#define POW_CPLX(E, T, RT, s)                                                           \
    static T cpow_##s(T a, T b)                                                        \
    {                                                                                  \
        if (b.re == 0 && b.im == 0) return (T){ 1, 0 };                                \
        if (a.re == 0 && a.im == 0) {                                                  \
            if (b.re > 0 && b.im == 0) return (T){ 0, 0 };                             \
            feraiseexcept(FE_INVALID);                                                 \
            return (T){ (RT)NAN, (RT)NAN };                                            \
        }                                                                              \
        if (b.im == 0 && fabs((double)b.re) < 100 && b.re == (RT)(long)b.re) {         \
            long n = (long)b.re, k = n < 0 ? -n : n;                                   \
            T r = { 1, 0 }, p = a;                                                     \
            for (; k; k >>= 1) {                                                       \
                if (k & 1) r = cmul_##s(r, p);                                         \
                p = cmul_##s(p, p);                                                    \
            }                                                                          \
            return n < 0 ? cdiv_##s((T){ 1, 0 }, r) : r;                               \
        }                                                                              \
        double lr = log(hypot((double)a.re, (double)a.im));                            \
        double th = atan2((double)a.im, (double)a.re);                                 \
        double mr = exp((double)b.re * lr - (double)b.im * th);                        \
        if (mr == 0) return (T){ 0, 0 };                                               \
        double ang = (double)b.im * lr + (double)b.re * th;                            \
        return (T){ (RT)(mr * cos(ang)), (RT)(mr * sin(ang)) };                        \
    }                                                                                  \
    ND__BINARY_LOOP(power_##s, T, T, cpow_##s(x, y))
ND__COMPLEX_TYPES(POW_CPLX)

/* ---- tables --------------------------------------------------------------------------------- */
#define ROW_INT(op) \
    [ND_INT8] = op##_i8, [ND_INT16] = op##_i16, [ND_INT32] = op##_i32, [ND_INT64] = op##_i64, \
    [ND_UINT8] = op##_u8, [ND_UINT16] = op##_u16, [ND_UINT32] = op##_u32, [ND_UINT64] = op##_u64
#define ROW_FLOAT(op) [ND_FLOAT32] = op##_f32, [ND_FLOAT64] = op##_f64
#define ROW_CPLX(op) [ND_COMPLEX64] = op##_c64, [ND_COMPLEX128] = op##_c128

const nd__loop_fn nd__loops_add[ND_NTYPES] = {
    [ND_BOOL] = add_b, ROW_INT(add), ROW_FLOAT(add), ROW_CPLX(add) };
const nd__loop_fn nd__loops_nanadd[ND_NTYPES] = {
    [ND_BOOL] = add_b, ROW_INT(add), ROW_FLOAT(nanadd), ROW_CPLX(nanadd) };
const nd__loop_fn nd__loops_subtract[ND_NTYPES] = {
    ROW_INT(subtract), ROW_FLOAT(subtract), ROW_CPLX(subtract) };
const nd__loop_fn nd__loops_multiply[ND_NTYPES] = {
    [ND_BOOL] = multiply_b, ROW_INT(multiply), ROW_FLOAT(multiply), ROW_CPLX(multiply) };
const nd__loop_fn nd__loops_nanmultiply[ND_NTYPES] = {
    [ND_BOOL] = multiply_b, ROW_INT(multiply), ROW_FLOAT(nanmultiply), ROW_CPLX(nanmultiply) };
const nd__loop_fn nd__loops_divide[ND_NTYPES] = { ROW_FLOAT(divide), ROW_CPLX(divide) };
const nd__loop_fn nd__loops_negative[ND_NTYPES] = {
    ROW_INT(negative), ROW_FLOAT(negative), ROW_CPLX(negative) };
const nd__loop_fn nd__loops_positive[ND_NTYPES] = {
    ROW_INT(positive), ROW_FLOAT(positive), ROW_CPLX(positive) };
const nd__loop_fn nd__loops_absolute[ND_NTYPES] = {
    [ND_BOOL] = absolute_b, ROW_INT(absolute), ROW_FLOAT(absolute), ROW_CPLX(absolute) };
const nd__loop_fn nd__loops_reciprocal[ND_NTYPES] = {
    ROW_INT(reciprocal), ROW_FLOAT(reciprocal), ROW_CPLX(reciprocal) };
const nd__loop_fn nd__loops_sign[ND_NTYPES] = { ROW_INT(sign), ROW_FLOAT(sign), ROW_CPLX(sign) };
const nd__loop_fn nd__loops_square[ND_NTYPES] = {
    ROW_INT(square), ROW_FLOAT(square), ROW_CPLX(square) };
const nd__loop_fn nd__loops_power[ND_NTYPES] = {
    ROW_INT(power), [ND_FLOAT32] = nd__vm_pow_f32, [ND_FLOAT64] = nd__vm_pow_f64, ROW_CPLX(power) };
const nd__loop_fn nd__loops_float_power[ND_NTYPES] = {
    [ND_FLOAT64] = nd__vm_pow_f64, [ND_COMPLEX128] = power_c128 };
