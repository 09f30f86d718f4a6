/* Comparison, logic, extrema, predicates and bitwise loops. Complex values order
 * lexicographically (NumPy's rule), with NaN comparing false. */
#include "ufunc_internal.h"

ND__FILE_NO_MATH_ERRNO

/* ---- complex ordering (NumPy's CLT/CLE/CEQ) ------------------------------------------- */
#define CLT(a, b) (((a).re < (b).re && !isnan((a).im) && !isnan((b).im)) || ((a).re == (b).re && (a).im < (b).im))
#define CLE(a, b) (((a).re < (b).re && !isnan((a).im) && !isnan((b).im)) || ((a).re == (b).re && (a).im <= (b).im))
#define CEQ(a, b) ((a).re == (b).re && (a).im == (b).im)
#define CNAN(a) (isnan((a).re) || isnan((a).im))
#define CTRUE(a) ((a).re != 0 || (a).im != 0)

/* ---- comparisons -------------------------------------------------------------------------- */
#define CMP_REAL(E, T, UT, s)                                                            \
    ND__BINARY_LOOP(equal_##s, T, bool, x == y)                                         \
    ND__BINARY_LOOP(not_equal_##s, T, bool, x != y)                                     \
    ND__BINARY_LOOP(less_##s, T, bool, x < y)                                           \
    ND__BINARY_LOOP(less_equal_##s, T, bool, x <= y)                                    \
    ND__BINARY_LOOP(greater_##s, T, bool, x > y)                                        \
    ND__BINARY_LOOP(greater_equal_##s, T, bool, x >= y)                                 \
    ND__UNARY_LOOP(logical_not_##s, T, bool, x == 0)
ND__BOOL_TYPE(CMP_REAL)
ND__INT_TYPES(CMP_REAL)
ND__FLOAT_TYPES(CMP_REAL)
#define LOGIC_REAL(E, T, UT, s)                                                          \
    ND__BINARY_LOOP(logical_and_##s, T, bool, x != 0 && y != 0)                         \
    ND__BINARY_LOOP(logical_or_##s, T, bool, x != 0 || y != 0)                          \
    ND__BINARY_LOOP(logical_xor_##s, T, bool, (x != 0) != (y != 0))
ND__INT_TYPES(LOGIC_REAL)
ND__FLOAT_TYPES(LOGIC_REAL)

#define CMP_CPLX(E, T, RT, s)                                                            \
    ND__BINARY_LOOP(equal_##s, T, bool, CEQ(x, y))                                      \
    ND__BINARY_LOOP(not_equal_##s, T, bool, !CEQ(x, y))                                 \
    ND__BINARY_LOOP(less_##s, T, bool, CLT(x, y))                                       \
    ND__BINARY_LOOP(less_equal_##s, T, bool, CLE(x, y))                                 \
    ND__BINARY_LOOP(greater_##s, T, bool, CLT(y, x))                                    \
    ND__BINARY_LOOP(greater_equal_##s, T, bool, CLE(y, x))                              \
    ND__BINARY_LOOP(logical_and_##s, T, bool, CTRUE(x) && CTRUE(y))                     \
    ND__BINARY_LOOP(logical_or_##s, T, bool, CTRUE(x) || CTRUE(y))                      \
    ND__BINARY_LOOP(logical_xor_##s, T, bool, CTRUE(x) != CTRUE(y))                     \
    ND__UNARY_LOOP(logical_not_##s, T, bool, !CTRUE(x))
ND__COMPLEX_TYPES(CMP_CPLX)

/* logical_and/or on bool also reduce (all/any). */
ND__BINARY_RED_LOOP(land_b, bool, x && y)
ND__BINARY_RED_LOOP(lor_b, bool, x || y)
ND__BINARY_RED_LOOP(lxor_b, bool, x != y)

/* ---- extrema: maximum/minimum propagate NaN, fmax/fmin ignore it ------------------------
 * (bitwise | of the comparisons, not ||, so the selects vectorise)
 * The reduce form over a contiguous run keeps EXT_ACC independent lanes so it vectorises
 * (a max is exact, so the lane order cannot change the value; only which of -0.0 and
 * +0.0 survives may differ, as with NumPy's SIMD loops). TAKE(r, v): v replaces r. */
#define EXT_ACC 16
#define EXT_LOOP(fname, T, EXPR, TAKE)                                                   \
    ND__CLONES static T fname##_run(const T *p, ptrdiff_t n, T acc)                     \
    {                                                                                   \
        T r[EXT_ACC];                                                                   \
        for (int k = 0; k < EXT_ACC; k++) r[k] = acc;                                   \
        ptrdiff_t i = 0;                                                                \
        for (; i + EXT_ACC <= n; i += EXT_ACC)                                          \
            for (int k = 0; k < EXT_ACC; k++) {                                         \
                const T v = p[i + k];                                                   \
                r[k] = (TAKE(r[k], v)) ? v : r[k];                                      \
            }                                                                           \
        for (int k = 0; k < EXT_ACC; k++) acc = (TAKE(acc, r[k])) ? r[k] : acc;         \
        for (; i < n; i++) acc = (TAKE(acc, p[i])) ? p[i] : acc;                        \
        return acc;                                                                     \
    }                                                                                   \
    static void fname(char **args, const ptrdiff_t *dims, const ptrdiff_t *steps,       \
                      void *ctx)                                                        \
    {                                                                                   \
        (void)ctx;                                                                      \
        if (args[0] == args[2] && steps[0] == 0 && steps[2] == 0 &&                     \
            steps[1] == (ptrdiff_t)sizeof(T)) {                                         \
            *(T *)args[0] = fname##_run((const T *)args[1], dims[0], *(T *)args[0]);    \
            return;                                                                     \
        }                                                                               \
        if (args[0] == args[2] && steps[0] == 0 && steps[2] == 0) {                     \
            T x = *(T *)args[0];                                                        \
            for (ptrdiff_t i = 0; i < dims[0]; i++) {                                   \
                const T y = *(const T *)(args[1] + i * steps[1]);                       \
                x = (EXPR);                                                             \
            }                                                                           \
            *(T *)args[0] = x;                                                          \
            return;                                                                     \
        }                                                                               \
        ND__BINARY_BODY(T, T, EXPR)                                                     \
    }
#define TAKE_GT(r, v) (v) > (r)
#define TAKE_LT(r, v) (v) < (r)
/* NaN wins and then stays (nothing compares greater than NaN) */
#define TAKE_GT_NAN(r, v) ((v) > (r)) | ((v) != (v))
#define TAKE_LT_NAN(r, v) ((v) < (r)) | ((v) != (v))
/* NaN loses: a NaN accumulator is replaced by anything */
#define TAKE_GT_NUM(r, v) ((v) > (r)) | ((r) != (r))
#define TAKE_LT_NUM(r, v) ((v) < (r)) | ((r) != (r))

ND__BINARY_RED_LOOP(maximum_b, bool, x || y)
ND__BINARY_RED_LOOP(minimum_b, bool, x && y)
#define EXT_INT(E, T, UT, s)                                                             \
    EXT_LOOP(maximum_##s, T, x >= y ? x : y, TAKE_GT)                                   \
    EXT_LOOP(minimum_##s, T, x <= y ? x : y, TAKE_LT)
ND__INT_TYPES(EXT_INT)
#define EXT_FLOAT(E, T, UT, s)                                                           \
    EXT_LOOP(maximum_##s, T, ((x >= y) | (x != x)) ? x : y, TAKE_GT_NAN)                \
    EXT_LOOP(minimum_##s, T, ((x <= y) | (x != x)) ? x : y, TAKE_LT_NAN)                \
    EXT_LOOP(fmax_##s, T, ((x >= y) | (y != y)) ? x : y, TAKE_GT_NUM)                   \
    EXT_LOOP(fmin_##s, T, ((x <= y) | (y != y)) ? x : y, TAKE_LT_NUM)
ND__FLOAT_TYPES(EXT_FLOAT)

/* NaN-propagating extremes of a contiguous run (argmax/argmin use them per block). */
double nd__max_run_f64(const double *p, ptrdiff_t n) { return maximum_f64_run(p, n, p[0]); }
double nd__min_run_f64(const double *p, ptrdiff_t n) { return minimum_f64_run(p, n, p[0]); }
float nd__max_run_f32(const float *p, ptrdiff_t n) { return maximum_f32_run(p, n, p[0]); }
float nd__min_run_f32(const float *p, ptrdiff_t n) { return minimum_f32_run(p, n, p[0]); }
#define EXT_CPLX(E, T, RT, s)                                                            \
    ND__BINARY_RED_LOOP(maximum_##s, T, (CLE(y, x) || CNAN(x)) ? x : y)                 \
    ND__BINARY_RED_LOOP(minimum_##s, T, (CLE(x, y) || CNAN(x)) ? x : y)                 \
    ND__BINARY_RED_LOOP(fmax_##s, T, (CLE(y, x) || CNAN(y)) ? x : y)                    \
    ND__BINARY_RED_LOOP(fmin_##s, T, (CLE(x, y) || CNAN(y)) ? x : y)
ND__COMPLEX_TYPES(EXT_CPLX)

/* ---- predicates ---------------------------------------------------------------------------- */
#define PRED_EXACT(E, T, UT, s)                                                          \
    ND__UNARY_LOOP(isnan_##s, T, bool, ((void)x, false))                                \
    ND__UNARY_LOOP(isinf_##s, T, bool, ((void)x, false))                                \
    ND__UNARY_LOOP(isfinite_##s, T, bool, ((void)x, true))
ND__BOOL_TYPE(PRED_EXACT)
ND__INT_TYPES(PRED_EXACT)
#define PRED_FLOAT(E, T, UT, s)                                                          \
    ND__UNARY_LOOP(isnan_##s, T, bool, isnan(x))                                        \
    ND__UNARY_LOOP(isinf_##s, T, bool, isinf(x))                                        \
    ND__UNARY_LOOP(isfinite_##s, T, bool, isfinite(x))                                  \
    ND__UNARY_LOOP(signbit_##s, T, bool, signbit(x) != 0)
ND__FLOAT_TYPES(PRED_FLOAT)
#define PRED_CPLX(E, T, RT, s)                                                           \
    ND__UNARY_LOOP(isnan_##s, T, bool, CNAN(x))                                         \
    ND__UNARY_LOOP(isinf_##s, T, bool, isinf(x.re) || isinf(x.im))                      \
    ND__UNARY_LOOP(isfinite_##s, T, bool, isfinite(x.re) && isfinite(x.im))
ND__COMPLEX_TYPES(PRED_CPLX)

/* ---- float bit-level functions ------------------------------------------------------------- */
ND__BINARY_LOOP(copysign_f32, float, float, copysignf(x, y))
ND__BINARY_LOOP(copysign_f64, double, double, copysign(x, y))
ND__BINARY_LOOP(nextafter_f32, float, float, nextafterf(x, y))
ND__BINARY_LOOP(nextafter_f64, double, double, nextafter(x, y))
/* spacing(inf) and spacing(nan) are a quiet NaN, as in NumPy. */
/* -0.0 counts as positive (NumPy: spacing(-0.0) is the smallest positive subnormal). */
ND__UNARY_LOOP(spacing_f32, float, float,
               isinf(x) || isnan(x) ? NAN : nextafterf(x, x < 0 ? -INFINITY : INFINITY) - x)
ND__UNARY_LOOP(spacing_f64, double, double,
               isinf(x) || isnan(x) ? NAN : nextafter(x, x < 0 ? -INFINITY : INFINITY) - x)

/* ---- rounding ------------------------------------------------------------------------------
 * GCC vectorises floor/ceil/trunc (vroundpd) only without -ftrapping-math; they raise no
 * flag on non-signalling input, so the attribute changes nothing observable. */
#if defined(__GNUC__) && !defined(__clang__)
#define ND__NOTRAP __attribute__((optimize("no-trapping-math", "no-math-errno")))
#else
#define ND__NOTRAP /* clang has no per-function optimize attribute */
#endif
ND__CLONES ND__NOTRAP ND__UNARY_LOOP(floor_f32, float, float, floorf(x))
ND__CLONES ND__NOTRAP ND__UNARY_LOOP(floor_f64, double, double, floor(x))
ND__CLONES ND__NOTRAP ND__UNARY_LOOP(ceil_f32, float, float, ceilf(x))
ND__CLONES ND__NOTRAP ND__UNARY_LOOP(ceil_f64, double, double, ceil(x))
ND__CLONES ND__NOTRAP ND__UNARY_LOOP(trunc_f32, float, float, truncf(x))
ND__CLONES ND__NOTRAP ND__UNARY_LOOP(trunc_f64, double, double, trunc(x))
ND__CLONES ND__UNARY_LOOP(rint_f32, float, float, rintf(x))
ND__CLONES ND__UNARY_LOOP(rint_f64, double, double, rint(x))
ND__UNARY_LOOP(rint_c64, nd__c64, nd__c64, ((nd__c64){ rintf(x.re), rintf(x.im) }))
ND__UNARY_LOOP(rint_c128, nd__c128, nd__c128, ((nd__c128){ rint(x.re), rint(x.im) }))

/* ---- clip: minimum(maximum(x, lo), hi), NaN anywhere propagates ------------------------------- */
#define CLIP_LOOP(fname, T, CLIPEXPR)                                                    \
    static void fname(char **args, const ptrdiff_t *dims, const ptrdiff_t *steps,       \
                      void *ctx)                                                        \
    {                                                                                   \
        (void)ctx;                                                                      \
        const ptrdiff_t n = dims[0];                                                    \
        if (steps[1] == 0 && steps[2] == 0 && steps[0] == (ptrdiff_t)sizeof(T) &&        \
            steps[3] == (ptrdiff_t)sizeof(T)) {                                          \
            const T lo = *(const T *)args[1], hi = *(const T *)args[2];                 \
            const T *a_ = (const T *)args[0];                                           \
            T *o_ = (T *)args[3];                                                       \
            for (ptrdiff_t i = 0; i < n; i++) {                                         \
                const T x = a_[i];                                                      \
                o_[i] = (CLIPEXPR);                                                     \
            }                                                                           \
            return;                                                                     \
        }                                                                               \
        for (ptrdiff_t i = 0; i < n; i++) {                                             \
            const T x = *(const T *)(args[0] + i * steps[0]);                           \
            const T lo = *(const T *)(args[1] + i * steps[1]);                          \
            const T hi = *(const T *)(args[2] + i * steps[2]);                          \
            *(T *)(args[3] + i * steps[3]) = (CLIPEXPR);                                \
        }                                                                               \
    }
#define CLIP_INT(E, T, UT, s) CLIP_LOOP(clip_##s, T, (x > lo ? x : lo) < hi ? (x > lo ? x : lo) : hi)
ND__BOOL_TYPE(CLIP_INT)
ND__INT_TYPES(CLIP_INT)
#define FMAXP(a, b) (isnan(a) ? (a) : (a) > (b) ? (a) : (b))
#define FMINP(a, b) (isnan(a) ? (a) : (a) < (b) ? (a) : (b))
#define CLIP_FLOAT(E, T, UT, s) CLIP_LOOP(clip_##s, T, FMINP(FMAXP(x, lo), hi))
ND__FLOAT_TYPES(CLIP_FLOAT)

/* ---- bitwise -------------------------------------------------------------------------------- */
ND__BINARY_RED_LOOP(bitwise_and_b, bool, x && y)
ND__BINARY_RED_LOOP(bitwise_or_b, bool, x || y)
ND__BINARY_RED_LOOP(bitwise_xor_b, bool, x != y)
ND__UNARY_LOOP(invert_b, bool, bool, !x)
#define BITS_INT(E, T, UT, s)                                                            \
    ND__BINARY_RED_LOOP(bitwise_and_##s, T, (T)(x & y))                                 \
    ND__BINARY_RED_LOOP(bitwise_or_##s, T, (T)(x | y))                                  \
    ND__BINARY_RED_LOOP(bitwise_xor_##s, T, (T)(x ^ y))                                 \
    ND__UNARY_LOOP(invert_##s, T, T, (T)(~(UT)x))                                       \
    ND__BINARY_LOOP(left_shift_##s, T, T,                                               \
                    (size_t)y < sizeof(T) * 8 ? (T)(UT)((UT)x << (size_t)y) : (T)0)      \
    ND__BINARY_LOOP(right_shift_##s, T, T, (size_t)y < sizeof(T) * 8 ? (T)(x >> (size_t)y) : SIGNFILL(T, x))
#define SIGNFILL(T, x) ((T)((x) < 0 ? -1 : 0))
ND__SINT_TYPES(BITS_INT)
#undef SIGNFILL
#define SIGNFILL(T, x) ((T)0)
ND__UINT_TYPES(BITS_INT)

/* ---- complex helpers: conjugate, angle ---------------------------------------------------------- */
#define CONJ_REAL(E, T, UT, s) ND__UNARY_LOOP(conjugate_##s, T, T, x)
ND__INT_TYPES(CONJ_REAL)
ND__FLOAT_TYPES(CONJ_REAL)
#define CONJ_CPLX(E, T, RT, s) ND__UNARY_LOOP(conjugate_##s, T, T, ((T){ x.re, -x.im }))
ND__COMPLEX_TYPES(CONJ_CPLX)

#define ND_PI 3.14159265358979323846264338327950288
ND__UNARY_LOOP(angle_f32, float, float, atan2f(0.0f, x))
ND__UNARY_LOOP(angle_f64, double, double, atan2(0.0, x))
ND__UNARY_LOOP(angle_c64, nd__c64, float, atan2f(x.im, x.re))
ND__UNARY_LOOP(angle_c128, nd__c128, double, atan2(x.im, x.re))
ND__UNARY_LOOP(angle_deg_f32, float, float, atan2f(0.0f, x) * (float)(180.0 / ND_PI))
ND__UNARY_LOOP(angle_deg_f64, double, double, atan2(0.0, x) * (180.0 / ND_PI))
ND__UNARY_LOOP(angle_deg_c64, nd__c64, float, atan2f(x.im, x.re) * (float)(180.0 / ND_PI))
ND__UNARY_LOOP(angle_deg_c128, nd__c128, double, atan2(x.im, x.re) * (180.0 / ND_PI))

/* ---- tables --------------------------------------------------------------------------------- */
#define ROW_INT(op) \
    [ND_INT8] = op##_i8, [ND_INT16] = op##_i16, [ND_INT32] = op##_i32, [ND_INT64] = op##_i64, \
    [ND_UINT8] = op##_u8, [ND_UINT16] = op##_u16, [ND_UINT32] = op##_u32, [ND_UINT64] = op##_u64
#define ROW_FLOAT(op) [ND_FLOAT32] = op##_f32, [ND_FLOAT64] = op##_f64
#define ROW_CPLX(op) [ND_COMPLEX64] = op##_c64, [ND_COMPLEX128] = op##_c128
#define ROW_ALL(op) [ND_BOOL] = op##_b, ROW_INT(op), ROW_FLOAT(op), ROW_CPLX(op)

const nd__loop_fn nd__loops_equal[ND_NTYPES] = { ROW_ALL(equal) };
const nd__loop_fn nd__loops_not_equal[ND_NTYPES] = { ROW_ALL(not_equal) };
const nd__loop_fn nd__loops_less[ND_NTYPES] = { ROW_ALL(less) };
const nd__loop_fn nd__loops_less_equal[ND_NTYPES] = { ROW_ALL(less_equal) };
const nd__loop_fn nd__loops_greater[ND_NTYPES] = { ROW_ALL(greater) };
const nd__loop_fn nd__loops_greater_equal[ND_NTYPES] = { ROW_ALL(greater_equal) };
const nd__loop_fn nd__loops_logical_and[ND_NTYPES] = {
    [ND_BOOL] = land_b, ROW_INT(logical_and), ROW_FLOAT(logical_and), ROW_CPLX(logical_and) };
const nd__loop_fn nd__loops_logical_or[ND_NTYPES] = {
    [ND_BOOL] = lor_b, ROW_INT(logical_or), ROW_FLOAT(logical_or), ROW_CPLX(logical_or) };
const nd__loop_fn nd__loops_logical_xor[ND_NTYPES] = {
    [ND_BOOL] = lxor_b, ROW_INT(logical_xor), ROW_FLOAT(logical_xor), ROW_CPLX(logical_xor) };
const nd__loop_fn nd__loops_logical_not[ND_NTYPES] = { ROW_ALL(logical_not) };
const nd__loop_fn nd__loops_maximum[ND_NTYPES] = { ROW_ALL(maximum) };
const nd__loop_fn nd__loops_minimum[ND_NTYPES] = { ROW_ALL(minimum) };
const nd__loop_fn nd__loops_fmax[ND_NTYPES] = {
    [ND_BOOL] = maximum_b, ROW_INT(maximum), ROW_FLOAT(fmax), ROW_CPLX(fmax) };
const nd__loop_fn nd__loops_fmin[ND_NTYPES] = {
    [ND_BOOL] = minimum_b, ROW_INT(minimum), ROW_FLOAT(fmin), ROW_CPLX(fmin) };
const nd__loop_fn nd__loops_isnan[ND_NTYPES] = { ROW_ALL(isnan) };
const nd__loop_fn nd__loops_isinf[ND_NTYPES] = { ROW_ALL(isinf) };
const nd__loop_fn nd__loops_isfinite[ND_NTYPES] = { ROW_ALL(isfinite) };
const nd__loop_fn nd__loops_signbit[ND_NTYPES] = { ROW_FLOAT(signbit) };
const nd__loop_fn nd__loops_copysign[ND_NTYPES] = { ROW_FLOAT(copysign) };
const nd__loop_fn nd__loops_nextafter[ND_NTYPES] = { ROW_FLOAT(nextafter) };
const nd__loop_fn nd__loops_spacing[ND_NTYPES] = { ROW_FLOAT(spacing) };
const nd__loop_fn nd__loops_floor[ND_NTYPES] = { ROW_FLOAT(floor) };
const nd__loop_fn nd__loops_ceil[ND_NTYPES] = { ROW_FLOAT(ceil) };
const nd__loop_fn nd__loops_trunc[ND_NTYPES] = { ROW_FLOAT(trunc) };
const nd__loop_fn nd__loops_rint[ND_NTYPES] = { ROW_FLOAT(rint), ROW_CPLX(rint) };
const nd__loop_fn nd__loops_clip[ND_NTYPES] = { [ND_BOOL] = clip_b, ROW_INT(clip), ROW_FLOAT(clip) };
const nd__loop_fn nd__loops_bitwise_and[ND_NTYPES] = { [ND_BOOL] = bitwise_and_b, ROW_INT(bitwise_and) };
const nd__loop_fn nd__loops_bitwise_or[ND_NTYPES] = { [ND_BOOL] = bitwise_or_b, ROW_INT(bitwise_or) };
const nd__loop_fn nd__loops_bitwise_xor[ND_NTYPES] = { [ND_BOOL] = bitwise_xor_b, ROW_INT(bitwise_xor) };
const nd__loop_fn nd__loops_invert[ND_NTYPES] = { [ND_BOOL] = invert_b, ROW_INT(invert) };
const nd__loop_fn nd__loops_left_shift[ND_NTYPES] = { ROW_INT(left_shift) };
const nd__loop_fn nd__loops_right_shift[ND_NTYPES] = { ROW_INT(right_shift) };
const nd__loop_fn nd__loops_conjugate[ND_NTYPES] = {
    ROW_INT(conjugate), ROW_FLOAT(conjugate), ROW_CPLX(conjugate) };
const nd__loop_fn nd__loops_angle[ND_NTYPES] = { ROW_FLOAT(angle), ROW_CPLX(angle) };
const nd__loop_fn nd__loops_angle_deg[ND_NTYPES] = { ROW_FLOAT(angle_deg), ROW_CPLX(angle_deg) };
