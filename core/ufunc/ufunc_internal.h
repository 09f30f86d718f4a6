/* Internal interface of the ufunc engine: loop signature, the function registry,
 * per-dtype type lists for X-macro instantiation, and the loop templates. */
#ifndef NUMC_UFUNC_INTERNAL_H
#define NUMC_UFUNC_INTERNAL_H

#include <numc/ufunc.h>

#include <fenv.h>
#include <math.h>
#include <stdint.h>
#include <string.h>

#include "internal.h"
#include "pairwise.h"

/* NumPy's inner-loop signature: args[nin + nout] pointers, dims[0] elements,
 * steps[] byte strides, ctx per-call data (may be NULL). */
typedef void (*nd__loop_fn)(char **args, const ptrdiff_t *dims, const ptrdiff_t *steps,
                            void *ctx);

typedef struct { float re, im; } nd__c64;
typedef struct { double re, im; } nd__c128;

/* How the output dtype follows from the loop dtype. */
enum nd__outkind {
    ND__OUT_SAME,  /* out = loop dtype */
    ND__OUT_BOOL,  /* comparisons, predicates */
    ND__OUT_REAL   /* complex → its real dtype (absolute, angle) */
};

/* How the loop dtype is found. */
enum nd__resolver {
    ND__RES_LINEAR,   /* first loop every input casts to safely (NumPy's default) */
    ND__RES_FLOATINT  /* bool/int inputs go to float64 first (true_divide, sinc, angle) */
};

/* Identity for reductions. */
enum nd__identity {
    ND__ID_NONE,   /* no identity; the reduction must be idempotent (max, min) */
    ND__ID_ZERO,
    ND__ID_ONE,
    ND__ID_ALLONES /* -1 for integers, true for bool (bitwise_and, logical_and) */
};

typedef struct nd__ufunc_def {
    const char *name;          /* NumPy's name, used in messages */
    const char *cname;         /* the numc function, first word of error messages */
    unsigned char nin, nout;
    unsigned char outkind;     /* enum nd__outkind */
    unsigned char resolver;    /* enum nd__resolver */
    unsigned char identity;    /* enum nd__identity */
    bool idempotent;           /* f(x, x) == x: reductions may re-read the first item */
    bool no_bool;              /* NumPy refuses all-bool inputs (boolean negative, ...) */
    bool uniform;              /* NumPy resolves it from the inputs' common type */
    bool stream;               /* memory-bound: stream large outputs (ufunc_engine.c) */
    const nd__loop_fn *loops;  /* ND_NTYPES entries indexed by the loop dtype */
} nd__ufunc_def;

ND_INTERNAL extern const nd__ufunc_def nd__ufuncs[ND_UF_COUNT];

/* Loop tables (defined in the loops_*.c files). */
#define ND__LOOP_TABLES(X)                                                             \
    X(add) X(subtract) X(multiply) X(divide) X(floor_divide) X(remainder) X(fmod)     \
    X(power) X(float_power) X(negative) X(positive) X(absolute) X(reciprocal) X(sign) \
    X(square) X(sqrt) X(cbrt) X(heaviside) X(gcd) X(lcm)                               \
    X(exp) X(exp2) X(expm1) X(log) X(log2) X(log10) X(log1p) X(logaddexp)             \
    X(logaddexp2) X(sin) X(cos) X(tan) X(arcsin) X(arccos) X(arctan) X(arctan2)       \
    X(hypot) X(sinh) X(cosh) X(tanh) X(arcsinh) X(arccosh) X(arctanh) X(deg2rad)      \
    X(rad2deg) X(sinc) X(floor) X(ceil) X(trunc) X(rint) X(clip)                       \
    X(equal) X(not_equal) X(less) X(less_equal) X(greater) X(greater_equal)           \
    X(logical_and) X(logical_or) X(logical_xor) X(logical_not) X(maximum) X(minimum)  \
    X(fmax) X(fmin) X(isnan) X(isinf) X(isfinite) X(signbit) X(copysign)              \
    X(nextafter) X(spacing) X(bitwise_and) X(bitwise_or) X(bitwise_xor) X(invert)     \
    X(left_shift) X(right_shift) X(conjugate) X(angle) X(angle_deg)                   \
    X(nanadd) X(nanmultiply) X(divmod)
#define ND__DECLARE_TABLE(name) ND_INTERNAL extern const nd__loop_fn nd__loops_##name[ND_NTYPES];
ND__LOOP_TABLES(ND__DECLARE_TABLE)
#undef ND__DECLARE_TABLE

/* Real transcendental loops backed by glibc's libmvec (loops_vmath.c):
 * X(numpy name, C name, IEEE flags the function cannot raise on its own). The vector
 * code can raise those spuriously on lanes it then recomputes (sin of a huge
 * argument sets "overflow"); the loops clear them so nd_seterr sees NumPy's flags. */
#define ND__FE_OD (FE_OVERFLOW | FE_DIVBYZERO)
#define ND__VMATH_FUNCS(X)                                                             \
    X(exp, exp, FE_DIVBYZERO) X(exp2, exp2, FE_DIVBYZERO) X(expm1, expm1, FE_DIVBYZERO) \
    X(log, log, FE_OVERFLOW) X(log2, log2, FE_OVERFLOW) X(log10, log10, FE_OVERFLOW)   \
    X(log1p, log1p, FE_OVERFLOW) X(sin, sin, ND__FE_OD) X(cos, cos, ND__FE_OD)          \
    X(tan, tan, ND__FE_OD) X(arcsin, asin, ND__FE_OD) X(arccos, acos, ND__FE_OD)        \
    X(arctan, atan, ND__FE_OD) X(sinh, sinh, FE_DIVBYZERO) X(cosh, cosh, FE_DIVBYZERO)  \
    X(tanh, tanh, ND__FE_OD) X(arcsinh, asinh, ND__FE_OD) X(arccosh, acosh, ND__FE_OD)  \
    X(arctanh, atanh, FE_OVERFLOW) X(cbrt, cbrt, ND__FE_OD)
#define ND__DECLARE_VM(np, c, nf)                                                        \
    ND_INTERNAL void nd__vm_##np##_f32(char **args, const ptrdiff_t *dims,             \
                                       const ptrdiff_t *steps, void *ctx);             \
    ND_INTERNAL void nd__vm_##np##_f64(char **args, const ptrdiff_t *dims,             \
                                       const ptrdiff_t *steps, void *ctx);
ND__VMATH_FUNCS(ND__DECLARE_VM)
#undef ND__DECLARE_VM
/* sqrt with the vector instructions (float32 / float64). */
ND_INTERNAL
void nd__vm_sqrt_f32(char **args, const ptrdiff_t *dims, const ptrdiff_t *steps, void *ctx);
ND_INTERNAL
void nd__vm_sqrt_f64(char **args, const ptrdiff_t *dims, const ptrdiff_t *steps, void *ctx);
/* x ** y on libmvec's vector pow (float32 / float64). */
ND_INTERNAL
void nd__vm_pow_f32(char **args, const ptrdiff_t *dims, const ptrdiff_t *steps, void *ctx);
ND_INTERNAL
void nd__vm_pow_f64(char **args, const ptrdiff_t *dims, const ptrdiff_t *steps, void *ctx);
/* Vector code level used by the libmvec loops: 0 scalar libm, 1 AVX2, 2 AVX-512.
 * nd__vmath_set_level caps it (tests compare the paths); returns the level in use. */
ND_INTERNAL int nd__vmath_level(void);
ND_INTERNAL int nd__vmath_set_level(int max_level);

/* ---- the engine, for the other files of the module --------------------------------- */
/* Run ufunc `f` on its nin operands into nout outputs (outs[i] NULL → allocated
 * and stored there). `loops` overrides the function's table (internal variants such
 * as divmod or nanadd; NULL → the function's own); `ctx` is handed to the loop;
 * `who` names the public function in messages. */
ND_INTERNAL ND_WARN_UNUSED
nd_status nd__ufunc_exec(nd_ufunc f, const nd__loop_fn *loops, int nout,
                         const nd_operand *in, nd_array **outs, const nd_ufunc_opts *o,
                         void *ctx, const char *who);
/* True when data and strides suit typed access (else the engine buffers). */
ND_INTERNAL bool nd__aligned(const nd_array *a);
/* Resolve the loop dtype for `f` on the given operands; -1 with ND_EDTYPE set. */
ND_INTERNAL int nd__ufunc_resolve(nd_ufunc f, const nd__loop_fn *loops, const nd_operand *in,
                                  int forced, nd_casting casting, const char *who);
/* Dtype of the output of `f` when the loop runs in dtype t. */
ND_INTERNAL nd_dtype nd__ufunc_outtype(nd_ufunc f, nd_dtype t);

/* A loop nest over nop operands of one shape with arbitrary byte strides: the
 * engine's iterator (reductions need zero-stride outputs and stride-ordered axes). */
#define ND__NEST_MAXOP 8
typedef struct nd__nest {
    int nop, ndim;
    ptrdiff_t shape[ND_MAXDIMS]; /* innermost last */
    ptrdiff_t strides[ND__NEST_MAXOP][ND_MAXDIMS];
    char *base[ND__NEST_MAXOP];
} nd__nest;
/* Reorder axes by decreasing |stride| of operand `ref` (stable), then merge axes that
 * are contiguous for every operand and drop length-1 axes. */
ND_INTERNAL void nd__nest_optimize(nd__nest *n, int ref);
typedef void (*nd__inner_fn)(char **ptrs, ptrdiff_t len, const ptrdiff_t *strides, void *ud);
/* Call fn for every innermost run. Does nothing when some extent is 0. */
ND_INTERNAL void nd__nest_run(const nd__nest *n, nd__inner_fn fn, void *ud);
/* The same, split across the worker pool (numc/threads.h) when the nest is large.
 * Operands with bit op of write_mask set are written: the split axis is one along
 * which they all move, so chunks write disjoint elements in the serial order and the
 * result does not depend on the thread count. FP flags and loop errors raised on the
 * workers are passed back to the calling thread. */
ND_INTERNAL
void nd__nest_run_parallel(const nd__nest *n, nd__inner_fn fn, void *ud, unsigned write_mask);

/* Allocate an array of `shape` whose memory order follows `ref_strides` (NumPy's K
 * order; C order when ref_strides is NULL); zero-filled when `zero`. */
ND_INTERNAL ND_WARN_UNUSED
nd_array *nd__alloc_k(int ndim, const ptrdiff_t *shape, nd_dtype dt,
                      const ptrdiff_t *ref_strides, bool zero, const char *who);

/* Floating-point error state (fpe.c). nd__fpe_clear before a computation;
 * nd__fpe_check after it reports flags raised since then per the thread's modes and
 * returns ND_EVALUE when one of them is "raise". */
ND_INTERNAL void nd__fpe_clear(void);
ND_INTERNAL ND_WARN_UNUSED nd_status nd__fpe_check(const char *who);
/* Report the given ND_FPE_* bits directly (for conditions found without flags). */
ND_INTERNAL ND_WARN_UNUSED nd_status nd__fpe_report(unsigned bits, const char *who);

/* A loop that finds an error it cannot express as an IEEE flag (integer to a negative
 * power) records it here; the engine turns it into the call's error. */
ND_INTERNAL void nd__loop_fail(nd_status code, const char *msg);
ND_INTERNAL ND_WARN_UNUSED nd_status nd__loop_status(const char **msg);
ND_INTERNAL void nd__loop_status_clear(void);
/* Around one run of the loops: nd__loop_begin clears the FP flags and the loop error
 * slot; nd__loop_finish turns a recorded loop error into the call's error (clearing the
 * slot), else reports the FP flags (nd__fpe_check) — for the loops of f: NumPy's
 * comparison, maximum/minimum, fmax/fmin, clip, sign and heaviside loops clear the 'invalid'
 * flag a NaN operand raises in an ordered comparison, so they warn of nothing for NaN. */
ND_INTERNAL void nd__loop_begin(void);
ND_INTERNAL ND_WARN_UNUSED nd_status nd__loop_finish(nd_ufunc f, const char *who);
/* nd__loop_finish for loops that are not a built-in's (user-defined): no flag cleared. */
ND_INTERNAL ND_WARN_UNUSED nd_status nd__loop_finish_any(const char *who);

/* Pairwise sums (core/array/pairwise.h); complex ones add real and imaginary parts
 * separately. `s` is a byte stride. */
static inline nd__c128 nd__pairwise_sum_c128(const char *p, ptrdiff_t n, ptrdiff_t s)
{
    return (nd__c128){ nd__pairwise_sum_f64(p, n, s), nd__pairwise_sum_f64(p + sizeof(double), n, s) };
}
static inline nd__c64 nd__pairwise_sum_c64(const char *p, ptrdiff_t n, ptrdiff_t s)
{
    return (nd__c64){ nd__pairwise_sum_f32(p, n, s), nd__pairwise_sum_f32(p + sizeof(float), n, s) };
}

/* NaN-propagating maximum / minimum of p[0..n) (n >= 1), vectorised. */
ND_INTERNAL double nd__max_run_f64(const double *p, ptrdiff_t n);
ND_INTERNAL double nd__min_run_f64(const double *p, ptrdiff_t n);
ND_INTERNAL float nd__max_run_f32(const float *p, ptrdiff_t n);
ND_INTERNAL float nd__min_run_f32(const float *p, ptrdiff_t n);

/* Value-based scalar promotion helpers. */
ND_INTERNAL int nd__kind_cat(nd_dtype t); /* bool 0, int 1, float 2, complex 3 */
ND_INTERNAL nd_dtype nd__min_scalar_type(nd_scalar s);
/* The dtype each operand counts as during loop selection (arrays: their own). */
ND_INTERNAL void nd__effective_types(int nin, const nd_operand *in, nd_dtype *eff, int *alt);
/* True when operand o may be cast to t under `casting` (scalars by value). */
ND_INTERNAL bool nd__operand_can_cast(const nd_operand *o, nd_dtype t, nd_casting casting);

/* ---- X-macro type lists: X(ENUM, ctype, unsigned ctype, suffix) -------------------- */
#define ND__SINT_TYPES(X)                     \
    X(ND_INT8, int8_t, uint8_t, i8)           \
    X(ND_INT16, int16_t, uint16_t, i16)       \
    X(ND_INT32, int32_t, uint32_t, i32)       \
    X(ND_INT64, int64_t, uint64_t, i64)
#define ND__UINT_TYPES(X)                     \
    X(ND_UINT8, uint8_t, uint8_t, u8)         \
    X(ND_UINT16, uint16_t, uint16_t, u16)     \
    X(ND_UINT32, uint32_t, uint32_t, u32)     \
    X(ND_UINT64, uint64_t, uint64_t, u64)
#define ND__INT_TYPES(X) ND__SINT_TYPES(X) ND__UINT_TYPES(X)
#define ND__FLOAT_TYPES(X)                    \
    X(ND_FLOAT32, float, float, f32)          \
    X(ND_FLOAT64, double, double, f64)
#define ND__COMPLEX_TYPES(X)                  \
    X(ND_COMPLEX64, nd__c64, float, c64)      \
    X(ND_COMPLEX128, nd__c128, double, c128)
#define ND__BOOL_TYPE(X) X(ND_BOOL, bool, uint8_t, b)

/* ---- loop templates -------------------------------------------------------------------
 * EXPR computes the result from `x` (and `y`) of type TI. The contiguous and
 * scalar-operand branches are plain indexed loops so the compiler vectorises them;
 * no restrict: out may be the same memory as an input (elementwise in place). */
#define ND__UNARY_LOOP(fname, TI, TO, EXPR)                                            \
    static void fname(char **args, const ptrdiff_t *dims, const ptrdiff_t *steps,     \
                      void *ctx)                                                      \
    {                                                                                 \
        (void)ctx;                                                                    \
        const ptrdiff_t n = dims[0], s0 = steps[0], s1 = steps[1];                    \
        char *p0 = args[0], *p1 = args[1];                                            \
        if (s0 == (ptrdiff_t)sizeof(TI) && s1 == (ptrdiff_t)sizeof(TO)) {             \
            const TI *a_ = (const TI *)p0;                                            \
            TO *o_ = (TO *)p1;                                                        \
            for (ptrdiff_t i = 0; i < n; i++) {                                       \
                const TI x = a_[i];                                                   \
                o_[i] = (EXPR);                                                       \
            }                                                                         \
        } else {                                                                      \
            for (ptrdiff_t i = 0; i < n; i++) {                                       \
                const TI x = *(const TI *)(p0 + i * s0);                              \
                *(TO *)(p1 + i * s1) = (EXPR);                                        \
            }                                                                         \
        }                                                                             \
    }

#define ND__BINARY_BODY(TI, TO, EXPR)                                                 \
    const ptrdiff_t n = dims[0], s0 = steps[0], s1 = steps[1], s2 = steps[2];         \
    char *p0 = args[0], *p1 = args[1], *p2 = args[2];                                 \
    if (s0 == (ptrdiff_t)sizeof(TI) && s1 == (ptrdiff_t)sizeof(TI) &&                 \
        s2 == (ptrdiff_t)sizeof(TO)) {                                                \
        const TI *a_ = (const TI *)p0, *b_ = (const TI *)p1;                          \
        TO *o_ = (TO *)p2;                                                            \
        for (ptrdiff_t i = 0; i < n; i++) {                                           \
            const TI x = a_[i], y = b_[i];                                            \
            o_[i] = (EXPR);                                                           \
        }                                                                             \
    } else if (s0 == (ptrdiff_t)sizeof(TI) && s1 == 0 && s2 == (ptrdiff_t)sizeof(TO)) { \
        const TI *a_ = (const TI *)p0;                                                \
        const TI y = *(const TI *)p1;                                                 \
        TO *o_ = (TO *)p2;                                                            \
        for (ptrdiff_t i = 0; i < n; i++) {                                           \
            const TI x = a_[i];                                                       \
            o_[i] = (EXPR);                                                           \
        }                                                                             \
    } else if (s0 == 0 && s1 == (ptrdiff_t)sizeof(TI) && s2 == (ptrdiff_t)sizeof(TO)) { \
        const TI x = *(const TI *)p0;                                                 \
        const TI *b_ = (const TI *)p1;                                                \
        TO *o_ = (TO *)p2;                                                            \
        for (ptrdiff_t i = 0; i < n; i++) {                                           \
            const TI y = b_[i];                                                       \
            o_[i] = (EXPR);                                                           \
        }                                                                             \
    } else {                                                                          \
        for (ptrdiff_t i = 0; i < n; i++) {                                           \
            const TI x = *(const TI *)(p0 + i * s0), y = *(const TI *)(p1 + i * s1);  \
            *(TO *)(p2 + i * s2) = (EXPR);                                            \
        }                                                                             \
    }

#define ND__BINARY_LOOP(fname, TI, TO, EXPR)                                           \
    static void fname(char **args, const ptrdiff_t *dims, const ptrdiff_t *steps,     \
                      void *ctx)                                                      \
    {                                                                                 \
        (void)ctx;                                                                    \
        ND__BINARY_BODY(TI, TO, EXPR)                                                 \
    }

/* A binary loop that also serves reductions: args[0] == args[2] with zero strides
 * means "accumulate args[1] into *args[0]" (NumPy's IS_BINARY_REDUCE). */
#define ND__BINARY_RED_LOOP(fname, T, EXPR)                                            \
    static void fname(char **args, const ptrdiff_t *dims, const ptrdiff_t *steps,     \
                      void *ctx)                                                      \
    {                                                                                 \
        (void)ctx;                                                                    \
        if (args[0] == args[2] && steps[0] == 0 && steps[2] == 0) {                   \
            T x = *(T *)args[0];                                                      \
            const char *pb_ = args[1];                                                \
            const ptrdiff_t sb_ = steps[1];                                           \
            for (ptrdiff_t i = 0; i < dims[0]; i++) {                                 \
                const T y = *(const T *)(pb_ + i * sb_);                              \
                x = (EXPR);                                                           \
            }                                                                         \
            *(T *)args[0] = x;                                                        \
            return;                                                                   \
        }                                                                             \
        ND__BINARY_BODY(T, T, EXPR)                                                   \
    }

/* Table initialiser entry. */
#define ND__ENTRY(E, fn) [E] = fn,

#endif
