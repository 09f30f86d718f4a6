/* Real exp/log/trig/hyperbolic loops. With SLEEF (CMake finds Debian's libsleef-dev;
 * vmath_sleef.h) every function runs on SLEEF's 1-ULP ("u10") vector functions, with
 * numc's own IEEE flag model (sl_post_* below); the rest of this comment is about the
 * build without SLEEF.
 *
 * Without SLEEF: glibc's vector math library (libmvec, pulled in by -lm's linker script). NumPy uses AVX-512 loops for these; a scalar
 * libm loop is several times slower. libmvec's documented bound is 4 ULP; the test
 * suite measures it (tests/test_ufunc_accuracy.c) over wide ranges and specials.
 *
 * Each function has three kernels over contiguous doubles/floats — AVX-512, AVX2
 * and scalar libm — chosen once from the CPU. Tails are padded with a copy of the
 * last element, so padding raises no floating-point flag the data does not.
 * Strided operands go through a small stack buffer. */
#include "vmath_own.h"

#include <float.h>
#include <stdatomic.h>

/* Not under clang: clang computes the calling convention of a call from the
 * translation unit's flags, not from the function's target attribute, so without a
 * global -mavx2 it passes __m256d arguments on the stack while libmvec reads them
 * from ymm registers (pow(x, y) then returned garbage). clang builds use the scalar
 * libm loops. */
#if defined(__x86_64__) && defined(__GNUC__) && !defined(__clang__) &&                 \
    !defined(NUMC_NO_LIBMVEC)
#define ND_HAVE_LIBMVEC 1
#include <immintrin.h>
#endif
/* With SLEEF, libmvec serves float32 (its 4-ULP float kernels are 2-6 times faster than
 * SLEEF's 1-ULP ones) and sqrt; SLEEF serves float64 everywhere and float32 where
 * libmvec is not used (clang builds, where the alternative is scalar libm). */
#ifdef ND_HAVE_LIBMVEC
#define ND_LIBMVEC_FUNCS 1
#endif
#ifdef ND_HAVE_SLEEF
/* The libmvec / libm loops below are then internal (vmx_*), float32's called by the
 * SLEEF loops' float32 entry points, float64's unused. */
#define VM_ENTRY(name) __attribute__((unused)) static void vmx_##name
#else
#define VM_ENTRY(name) void nd__vm_##name
#endif

/* 1 when the float32 loops run on SLEEF (tests hold them to 1 ULP then), 0 when on
 * libmvec or libm (4 ULP). */
ND_INTERNAL int nd__vmath_f32_sleef(void);
int nd__vmath_f32_sleef(void)
{
#if defined(ND_HAVE_SLEEF) && !defined(ND_HAVE_LIBMVEC)
    return 1;
#else
    return 0;
#endif
}

/* out[i] = f(in[i]); returns nonzero when some result is subnormal (NumPy's "underflow"),
 * found while the results are in registers: a second pass over the output cost as much
 * as libmvec's float kernels themselves. */
typedef int (*vm_f64_fn)(const double *in, double *out, ptrdiff_t n);
typedef int (*vm_f32_fn)(const float *in, float *out, ptrdiff_t n);

/* y (a scalar or a GCC vector) is subnormal: lanes all ones / 1 where it is */
#define VM_SUBNORMAL(y, TMIN) (((y) != 0) & ((y) > -(TMIN)) & ((y) < (TMIN)))

/* ---- scalar kernels ---------------------------------------------------------------- */
#define VM_SCALAR(np, c, nf)                                                           \
    static int vm1_##np##_f64(const double *in, double *out, ptrdiff_t n)              \
    {                                                                                  \
        int sub = 0;                                                                   \
        for (ptrdiff_t i = 0; i < n; i++) {                                            \
            out[i] = c(in[i]);                                                         \
            sub |= VM_SUBNORMAL(out[i], DBL_MIN);                                      \
        }                                                                              \
        return sub;                                                                    \
    }                                                                                  \
    static int vm1_##np##_f32(const float *in, float *out, ptrdiff_t n)                \
    {                                                                                  \
        int sub = 0;                                                                   \
        for (ptrdiff_t i = 0; i < n; i++) {                                            \
            out[i] = c##f(in[i]);                                                      \
            sub |= VM_SUBNORMAL(out[i], FLT_MIN);                                      \
        }                                                                              \
        return sub;                                                                    \
    }
ND__VMATH_FUNCS(VM_SCALAR)

#ifdef ND_LIBMVEC_FUNCS
/* One kernel: W lanes of vector type VT via the libmvec symbol SYM; LOAD/STORE are
 * the unaligned intrinsics; TMIN the type's smallest normal number. */
#define VM_KERNEL(kname, T, VT, W, SYM, LOAD, STORE, TMIN)                             \
    VT SYM(VT);                                                                        \
    static int kname(const T *in, T *out, ptrdiff_t n)                                 \
    {                                                                                  \
        __typeof__((VT){ 0 } < (VT){ 0 }) sub = (VT){ 0 } != (VT){ 0 }; /* no lane */  \
        ptrdiff_t i = 0;                                                               \
        for (; i + (W) <= n; i += (W)) {                                               \
            const VT y = SYM(LOAD(in + i));                                            \
            sub |= VM_SUBNORMAL(y, TMIN);                                              \
            STORE(out + i, y);                                                         \
        }                                                                              \
        if (i < n) {                                                                   \
            T t[W];                                                                    \
            ptrdiff_t r = n - i;                                                       \
            for (ptrdiff_t k = 0; k < (W); k++) t[k] = in[i + (k < r ? k : r - 1)];    \
            const VT y = SYM(LOAD(t));                                                 \
            sub |= VM_SUBNORMAL(y, TMIN); /* the padding repeats a real element */     \
            STORE(t, y);                                                               \
            memcpy(out + i, t, (size_t)r * sizeof(T));                                 \
        }                                                                              \
        int any = 0;                                                                   \
        for (int k = 0; k < (W); k++) any |= sub[k] != 0;                              \
        return any;                                                                    \
    }

ND__TARGET_AVX2_BEGIN
#define VM_AVX2(np, c, nf)                                                             \
    VM_KERNEL(vm256_##np##_f64, double, __m256d, 4, _ZGVdN4v_##c, _mm256_loadu_pd,     \
              _mm256_storeu_pd, DBL_MIN)                                                        \
    VM_KERNEL(vm256_##np##_f32, float, __m256, 8, _ZGVdN8v_##c##f, _mm256_loadu_ps,    \
              _mm256_storeu_ps, FLT_MIN)
ND__VMATH_FUNCS(VM_AVX2)
ND__TARGET_END

ND__TARGET_AVX512_BEGIN
#define VM_AVX512(np, c, nf)                                                           \
    VM_KERNEL(vm512_##np##_f64, double, __m512d, 8, _ZGVeN8v_##c, _mm512_loadu_pd,     \
              _mm512_storeu_pd, DBL_MIN)                                                        \
    VM_KERNEL(vm512_##np##_f32, float, __m512, 16, _ZGVeN16v_##c##f, _mm512_loadu_ps,  \
              _mm512_storeu_ps, FLT_MIN)
ND__VMATH_FUNCS(VM_AVX512)
ND__TARGET_END
#define VM_IMPLS(np, sfx) { vm1_##np##_##sfx, vm256_##np##_##sfx, vm512_##np##_##sfx }
#else
#define VM_IMPLS(np, sfx) { vm1_##np##_##sfx, vm1_##np##_##sfx, vm1_##np##_##sfx }
#endif

/* ---- level selection ------------------------------------------------------------------ */
static atomic_int vm_level = -1;
static atomic_int vm_cap = 2;

static int detect_level(void)
{
#if defined(ND_LIBMVEC_FUNCS) || defined(ND_HAVE_SLEEF)
    __builtin_cpu_init();
    if (__builtin_cpu_supports("avx512f") && __builtin_cpu_supports("avx512dq")) return 2;
    if (__builtin_cpu_supports("avx2") && __builtin_cpu_supports("fma")) return 1;
#endif
    return 0;
}

int nd__vmath_level(void)
{
    int l = atomic_load_explicit(&vm_level, memory_order_relaxed);
    if (l < 0) {
        l = detect_level();
        atomic_store_explicit(&vm_level, l, memory_order_relaxed);
    }
    int cap = atomic_load_explicit(&vm_cap, memory_order_relaxed);
    return l < cap ? l : cap;
}

int nd__vmath_set_level(int max_level)
{
    atomic_store_explicit(&vm_cap, max_level < 0 ? 2 : max_level, memory_order_relaxed);
    return nd__vmath_level();
}

/* ---- strided wrappers ------------------------------------------------------------------ */
#define VM_MAP(T, sfx)                                                                 \
    static int vmap_##sfx(int (*f)(const T *, T *, ptrdiff_t), char **args,            \
                          const ptrdiff_t *dims, const ptrdiff_t *steps)               \
    {                                                                                  \
        const ptrdiff_t n = dims[0], si = steps[0], so = steps[1];                     \
        if (si == (ptrdiff_t)sizeof(T) && so == (ptrdiff_t)sizeof(T))                 \
            return f((const T *)args[0], (T *)args[1], n);                             \
        int sub = 0;                                                                   \
        T buf[256];                                                                    \
        for (ptrdiff_t i = 0; i < n; i += 256) {                                       \
            ptrdiff_t m = n - i < 256 ? n - i : 256;                                   \
            const char *ip = args[0] + i * si;                                         \
            char *op = args[1] + i * so;                                               \
            for (ptrdiff_t k = 0; k < m; k++) buf[k] = *(const T *)(ip + k * si);      \
            sub |= f(buf, buf, m);                                                     \
            for (ptrdiff_t k = 0; k < m; k++) *(T *)(op + k * so) = buf[k];            \
        }                                                                              \
        return sub;                                                                    \
    }
VM_MAP(double, f64)
VM_MAP(float, f32)

/* x ** y for one y in {2, 1, 0, -1} as NumPy's fast paths (no call to pow): true when done.
 * Not when the output is the scalar input itself (a reduction's accumulator), where each
 * step must see the previous result. */
#define VM_POW_SMALL(T, sfx)                                                           \
    __attribute__((unused)) static bool pow_small_##sfx(char **args, const ptrdiff_t *dims, \
                                                        const ptrdiff_t *steps)        \
    {                                                                                  \
        const ptrdiff_t n = dims[0], sx = steps[0], sy = steps[1], so = steps[2];      \
        if (sy != 0 || (sx == 0 && so == 0 && args[0] == args[2])) return false;       \
        const T y = *(const T *)args[1];                                               \
        if (y != 2 && y != 1 && y != 0 && y != -1) return false;                       \
        for (ptrdiff_t i = 0; i < n; i++) {                                            \
            const T x = *(const T *)(args[0] + i * sx);                                \
            *(T *)(args[2] + i * so) = y == 2 ? x * x : y == 1 ? x : y == 0 ? (T)1 : (T)1 / x; \
        }                                                                              \
        return true;                                                                   \
    }
VM_POW_SMALL(double, f64)
VM_POW_SMALL(float, f32)

#ifdef ND_HAVE_SLEEF
/* ---- SLEEF: kernels, fix-ups and the IEEE flag model ------------------------------------ *
 * SLEEF computes without regard to the IEEE status flags: it raises some that NumPy does
 * not (a lane it discards) and none of those NumPy raises (it selects inf for exp(1000)).
 * So each loop clears whatever the kernels raised and raises NumPy's flags itself, read
 * off each input and result:
 *   invalid    a NaN result of a non-NaN input (log(-1), sin(inf), arcsin(2));
 *   overflow   (exp family, sinh, cosh, pow) an infinite result of a finite input;
 *   divide     (log family, arctanh; pow(0, y < 0)) likewise, the pole;
 *   underflow  a subnormal result (not of tanh, which is x there, exactly), or (exp,
 *              exp2, pow, arctan2) zero for a finite nonzero input.
 * The kernels tell whether a block has a result that is not a normal number (or is
 * below a function's tiny threshold, see sl_tiny); only such blocks, which are rare,
 * are looked at element by element.
 *
 * SLEEF's u10 sinh and cosh return inf for 709 < |x| <= 710.47, asinh and acosh for
 * |x| > 1.34e154 and log1p for x > 1e307, where the result is finite: those lanes
 * (an infinite result of a finite input) are recomputed in long double. */
#define SL_ENUM_ENTRY(np, c, nf) SLF_##np,
enum { ND__VMATH_FUNCS(SL_ENUM_ENTRY) SLF_COUNT };

#define SL_BLOCK 512
#define SL_FLAGS (FE_INVALID | FE_DIVBYZERO | FE_OVERFLOW | FE_UNDERFLOW)

typedef int (*sl_f64_fn)(const double *in, double *out, ptrdiff_t n, double lo);
typedef int (*sl_f32_fn)(const float *in, float *out, ptrdiff_t n, float lo);
static const sl_f64_fn sl_impl_f64[][3] = {
#define SL_ROW_F64(np, c, nf) { nd__sl_sse2_##np##_f64, nd__sl_avx2_##np##_f64, nd__sl_avx512_##np##_f64 },
    ND__VMATH_FUNCS(SL_ROW_F64)
};
static const sl_f32_fn sl_impl_f32[][3] = {
#define SL_ROW_F32(np, c, nf) { nd__sl_sse2_##np##_f32, nd__sl_avx2_##np##_f32, nd__sl_avx512_##np##_f32 },
    ND__VMATH_FUNCS(SL_ROW_F32)
};

/* The float64 kernel of function fid at vector level `level`: numc's own (vmath_own.h)
 * where it is as accurate as SLEEF's and faster (exp, expm1, sinh, cosh, tanh, cbrt at the
 * AVX2 and AVX-512 levels, log and log1p at AVX2: docs/ufunc.md has the timings),
 * SLEEF's otherwise. */
static sl_f64_fn sl_pick_f64(int fid, int level)
{
#ifdef ND_HAVE_VMATH_OWN
    if (fid == SLF_exp && level == 1) return nd__vo_avx2_exp_f64;
    if (fid == SLF_exp && level == 2) return nd__vo_avx512_exp_f64;
    if (fid == SLF_log && level == 1) return nd__vo_avx2_log_f64;
    if (fid == SLF_cosh && level == 1) return nd__vo_avx2_cosh_f64;
    if (fid == SLF_cosh && level == 2) return nd__vo_avx512_cosh_f64;
    if (fid == SLF_sinh && level == 1) return nd__vo_avx2_sinh_f64;
    if (fid == SLF_sinh && level == 2) return nd__vo_avx512_sinh_f64;
    if (fid == SLF_cbrt && level == 1) return nd__vo_avx2_cbrt_f64;
    if (fid == SLF_cbrt && level == 2) return nd__vo_avx512_cbrt_f64;
    if (fid == SLF_tanh && level == 1) return nd__vo_avx2_tanh_f64;
    if (fid == SLF_tanh && level == 2) return nd__vo_avx512_tanh_f64;
    if (fid == SLF_expm1 && level == 1) return nd__vo_avx2_expm1_f64;
    if (fid == SLF_expm1 && level == 2) return nd__vo_avx512_expm1_f64;
    if (fid == SLF_log1p && level == 1) return nd__vo_avx2_log1p_f64;
#endif
    return sl_impl_f64[fid][level];
}

/* The finite result SLEEF turned into inf (see above), or NaN: no fix-up for fid. */
static long double sl_refix(int fid, long double x)
{
    switch (fid) {
    case SLF_exp: return expl(x);
    case SLF_exp2: return exp2l(x);
    case SLF_expm1: return expm1l(x);
    case SLF_sinh: return sinhl(x);
    case SLF_cosh: return coshl(x);
    case SLF_arcsinh: return asinhl(x);
    case SLF_arccosh: return acoshl(x);
    case SLF_log1p: return log1pl(x);
    default: return NAN;
    }
}

/* |x| below which f(x) = x + O(x^3) (sin, tan, ...) or x + O(x^2) (expm1, log1p) rounds
 * to x itself, which these functions then return: SLEEF's u10 kernels are 1 ULP off
 * there (sinh(0x1.1p-53) is 0x1.1p-53 rounded, SLEEF's result one ULP from it); 0 for
 * the other functions. */
static double sl_tiny(int fid, bool f32)
{
    switch (fid) {
    case SLF_sin: case SLF_tan: case SLF_arcsin: case SLF_arctan: case SLF_sinh:
    case SLF_tanh: case SLF_arcsinh: case SLF_arctanh:
        return f32 ? 0x1p-13 : 0x1p-28;
    case SLF_expm1: case SLF_log1p: return f32 ? 0x1p-25 : 0x1p-54;
    default: return 0;
    }
}

/* Fix-ups and flags of one block (see above) whose kernel found a result of magnitude
 * below its `lo` (DBL_MIN, or 2 tiny when the function has a tiny threshold), an
 * infinity or a NaN; returns the flags to raise. */
#define SL_POST(T, sfx, TMIN, TMAX)                                                    \
    static int sl_post_##sfx(int fid, int infflag, T tiny, T lo, const T *x, T *o,     \
                             ptrdiff_t n)                                              \
    {                                                                                  \
        int fl = 0;                                                                    \
        for (ptrdiff_t i = 0; i < n; i++) {                                            \
            T y = o[i], v = x[i];                                                      \
            if (fabs((double)y) >= lo && fabs((double)y) <= (TMAX)) continue;          \
            if (fabs((double)v) < tiny) o[i] = y = v;                                  \
            if (isnan(y)) {                                                            \
                if (!isnan(v)) fl |= FE_INVALID;                                       \
            } else if (isinf(y)) {                                                     \
                if (!isfinite(v)) continue;                                            \
                long double r = sl_refix(fid, (long double)v);                         \
                if (!isnan(r)) o[i] = y = (T)r; /* inf past the threshold, IEEE */   \
                if (isinf(y)) fl |= infflag;                                           \
            } else if (fabs((double)y) < (TMIN)) {                                     \
                if (y != 0 ? fid != SLF_tanh /* NumPy's tanh(x) = x here, exact */      \
                           : infflag == FE_OVERFLOW && fid != SLF_expm1 && v != 0 &&   \
                                 isfinite(v))                                          \
                    fl |= FE_UNDERFLOW;                                                \
            }                                                                          \
        }                                                                              \
        return fl;                                                                     \
    }
SL_POST(double, f64, DBL_MIN, DBL_MAX)
SL_POST(float, f32, FLT_MIN, FLT_MAX)

/* Clear the flags the computation raised (not those set before it), raise `fl`. */
static void sl_flags(int before, int fl)
{
    int raised = fetestexcept(SL_FLAGS) & ~before;
    if (raised) feclearexcept(raised);
    if (fl) feraiseexcept(fl);
}

/* Unary: blocks of SL_BLOCK through the kernel, then sl_post on the block while it is
 * in cache. In-place operands keep a copy of the block's input for sl_post. */
#define SL_MAP(T, sfx, TMIN)                                                           \
    static int sl_map_##sfx(int fid, int infflag, sl_##sfx##_fn f,                     \
                            char **args, const ptrdiff_t *dims, const ptrdiff_t *steps) \
    {                                                                                  \
        const ptrdiff_t n = dims[0], si = steps[0], so = steps[1];                     \
        const T tiny = (T)sl_tiny(fid, sizeof(T) == sizeof(float));                    \
        const T lo = 2 * tiny > (TMIN) ? 2 * tiny : (TMIN);                            \
        T xb[SL_BLOCK], ob[SL_BLOCK];                                                  \
        int fl = 0;                                                                    \
        const bool contig = si == (ptrdiff_t)sizeof(T) && so == (ptrdiff_t)sizeof(T);  \
        for (ptrdiff_t i = 0; i < n; i += SL_BLOCK) {                                  \
            const ptrdiff_t m = n - i < SL_BLOCK ? n - i : SL_BLOCK;                   \
            const T *x;                                                                \
            T *o;                                                                      \
            if (contig) {                                                              \
                x = (const T *)args[0] + i;                                            \
                o = (T *)args[1] + i;                                                  \
                if ((const char *)o < (const char *)(x + m) &&                         \
                    (const char *)x < (const char *)(o + m)) {                         \
                    memcpy(xb, x, (size_t)m * sizeof(T));                              \
                    x = xb;                                                            \
                }                                                                      \
            } else {                                                                   \
                const char *ip = args[0] + i * si;                                     \
                for (ptrdiff_t k = 0; k < m; k++) xb[k] = *(const T *)(ip + k * si);   \
                x = xb;                                                                \
                o = ob;                                                                \
            }                                                                          \
            if (f(x, o, m, lo)) fl |= sl_post_##sfx(fid, infflag, tiny, lo, x, o, m);  \
            if (!contig) {                                                             \
                char *op = args[1] + i * so;                                           \
                for (ptrdiff_t k = 0; k < m; k++) *(T *)(op + k * so) = ob[k];         \
            }                                                                          \
        }                                                                              \
        return fl;                                                                     \
    }
SL_MAP(double, f64, DBL_MIN)
SL_MAP(float, f32, FLT_MIN)

#define SL_LOOPS(np, c, nf)                                                            \
    void nd__vm_##np##_f64(char **args, const ptrdiff_t *dims, const ptrdiff_t *steps, \
                           void *ctx)                                                  \
    {                                                                                  \
        (void)ctx;                                                                     \
        int before = fetestexcept(SL_FLAGS);                                           \
        int fl = sl_map_f64(SLF_##np, (FE_OVERFLOW | FE_DIVBYZERO) & ~(nf),            \
                            sl_pick_f64(SLF_##np, nd__vmath_level()), args, dims, steps);  \
        sl_flags(before, fl);                                                          \
    }                                                                                  \
    void nd__vm_##np##_f32(char **args, const ptrdiff_t *dims, const ptrdiff_t *steps, \
                           void *ctx)                                                  \
    {                                                                                  \
        if (SL_F32_LIBMVEC) {                                                          \
            vmx_##np##_f32(args, dims, steps, ctx);                                    \
            return;                                                                    \
        }                                                                              \
        int before = fetestexcept(SL_FLAGS);                                           \
        int fl = sl_map_f32(SLF_##np, (FE_OVERFLOW | FE_DIVBYZERO) & ~(nf),            \
                            sl_impl_f32[SLF_##np][nd__vmath_level()], args, dims, steps); \
        sl_flags(before, fl);                                                          \
    }
#ifdef ND_HAVE_LIBMVEC
#define SL_F32_LIBMVEC 1
#else
#define SL_F32_LIBMVEC 0
#endif
#define SL_DECLARE_VMX(np, c, nf)                                                      \
    static void vmx_##np##_f32(char **args, const ptrdiff_t *dims, const ptrdiff_t *steps, \
                               void *ctx);
ND__VMATH_FUNCS(SL_DECLARE_VMX)
static void vmx_pow_f32(char **args, const ptrdiff_t *dims, const ptrdiff_t *steps, void *ctx);
ND__VMATH_FUNCS(SL_LOOPS)

/* ---- pow and arctan2 on SLEEF's two-argument kernels -------------------------------------- */
typedef int (*sl2_f64_fn)(const double *a, const double *b, double *out, ptrdiff_t n,
                          double lo);
typedef int (*sl2_f32_fn)(const float *a, const float *b, float *out, ptrdiff_t n, float lo);
static const sl2_f64_fn sl_pow_f64[3] = { nd__sl_sse2_pow_f64, nd__sl_avx2_pow_f64, nd__sl_avx512_pow_f64 };
static const sl2_f32_fn sl_pow_f32[3] = { nd__sl_sse2_pow_f32, nd__sl_avx2_pow_f32, nd__sl_avx512_pow_f32 };
static const sl2_f64_fn sl_atan2_f64[3] = { nd__sl_sse2_atan2_f64, nd__sl_avx2_atan2_f64, nd__sl_avx512_atan2_f64 };
static const sl2_f32_fn sl_atan2_f32[3] = { nd__sl_sse2_atan2_f32, nd__sl_avx2_atan2_f32, nd__sl_avx512_atan2_f32 };

/* Fix-ups and flags of one block of pow(a, b) (is_pow) or arctan2(a, b), as sl_post's.
 * SLEEF's pow returns inf for results just below the overflow threshold (pow(DBL_MAX,
 * 1)): recomputed in long double. Its atan2 is up to 1.3 ULP off for subnormal results:
 * below TINY, atan2(a, b) (b > 0) is a / b rounded (atan(q) = q - q^3/3). */
#define SL_POST2(T, sfx, TMIN, TMAX, TINY)                                             \
    static int sl_post2_##sfx(bool is_pow, T lo, const T *a, const T *b, T *o,         \
                              ptrdiff_t n)                                             \
    {                                                                                  \
        int fl = 0;                                                                    \
        for (ptrdiff_t i = 0; i < n; i++) {                                            \
            T y = o[i];                                                                \
            if (fabs((double)y) >= lo && fabs((double)y) <= (TMAX)) continue;          \
            const T u = a[i], v = b[i];                                                \
            if (!is_pow && v > 0 && isfinite(v) && isfinite(u) && fabs((double)y) < 2 * (TINY)) { \
                T q = u / v;                                                           \
                if (fabs((double)q) < (TINY)) o[i] = y = q;                            \
            }                                                                          \
            if (isnan(y)) {                                                            \
                if (!isnan(u) && !isnan(v)) fl |= FE_INVALID;                          \
            } else if (isinf(y)) {                                                     \
                if (is_pow && isfinite(u) && isfinite(v)) {                            \
                    long double r = powl(u, v);                                        \
                    if (!isnan(r)) o[i] = y = (T)r;                                    \
                    if (isinf(y)) fl |= u == 0 ? FE_DIVBYZERO : FE_OVERFLOW;           \
                }                                                                      \
            } else if (fabs((double)y) < (TMIN) && isfinite(u) && isfinite(v)) {       \
                /* pow: a zero result of a nonzero base; arctan2: of a nonzero a */    \
                if (y != 0 || (u != 0 && (is_pow || v > 0)))                           \
                    fl |= FE_UNDERFLOW;                                                \
            }                                                                          \
        }                                                                              \
        return fl;                                                                     \
    }
SL_POST2(double, f64, DBL_MIN, DBL_MAX, 0x1p-28)
SL_POST2(float, f32, FLT_MIN, FLT_MAX, 0x1p-13f)

/* Operands of any stride (a broadcast operand has stride 0) through small buffers; the
 * reduce form (args[0] == args[2], both of stride 0: out = f(out, b[i]) in turn) one
 * element at a time. */
#define SL_MAP2(T, sfx, TMIN, TINY)                                                    \
    static void sl_map2_##sfx(bool is_pow, sl2_##sfx##_fn f, char **args,              \
                              const ptrdiff_t *dims, const ptrdiff_t *steps)           \
    {                                                                                  \
        /* results below lo are looked at (sl_post2) */                                \
        const T lo = is_pow ? (TMIN) : 2 * (TINY);                                     \
        const ptrdiff_t n = dims[0], sa = steps[0], sb = steps[1], so = steps[2];      \
        int before = fetestexcept(SL_FLAGS), fl = 0;                                   \
        T ab[SL_BLOCK], bb[SL_BLOCK], ob[SL_BLOCK];                                    \
        if (sa == 0 && so == 0 && args[0] == args[2]) {                               \
            T *acc = (T *)args[0];                                                     \
            for (ptrdiff_t i = 0; i < n; i++) {                                        \
                ab[0] = *acc;                                                          \
                bb[0] = *(const T *)(args[1] + i * sb);                                \
                if (f(ab, bb, ob, 1, lo)) fl |= sl_post2_##sfx(is_pow, lo, ab, bb, ob, 1);   \
                *acc = ob[0];                                                          \
            }                                                                          \
            sl_flags(before, fl);                                                      \
            return;                                                                    \
        }                                                                              \
        const ptrdiff_t w = (ptrdiff_t)sizeof(T);                                      \
        for (ptrdiff_t i = 0; i < n; i += SL_BLOCK) {                                  \
            const ptrdiff_t m = n - i < SL_BLOCK ? n - i : SL_BLOCK;                   \
            const T *a = (const T *)(args[0] + i * sa), *b = (const T *)(args[1] + i * sb); \
            T *o = (T *)(args[2] + i * so);                                            \
            if (sa != w) {                                                             \
                for (ptrdiff_t k = 0; k < m; k++) ab[k] = *(const T *)((const char *)a + k * sa); \
                a = ab;                                                                \
            }                                                                          \
            if (sb != w) {                                                             \
                for (ptrdiff_t k = 0; k < m; k++) bb[k] = *(const T *)((const char *)b + k * sb); \
                b = bb;                                                                \
            }                                                                          \
            if (f(a, b, ob, m, lo)) fl |= sl_post2_##sfx(is_pow, lo, a, b, ob, m);         \
            if (so == w)                                                               \
                memcpy(o, ob, (size_t)m * sizeof(T));                                  \
            else                                                                       \
                for (ptrdiff_t k = 0; k < m; k++) *(T *)((char *)o + k * so) = ob[k];  \
        }                                                                              \
        sl_flags(before, fl);                                                          \
    }
SL_MAP2(double, f64, DBL_MIN, 0x1p-28)
SL_MAP2(float, f32, FLT_MIN, 0x1p-13f)

/* x ** y elementwise. Exponents 0, 1, 2 and -1 given as a scalar are exact shortcuts
 * (pow is correctly rounded there too, and the IEEE operations raise its flags). */
#define SL_POW(T, sfx)                                                                 \
    void nd__vm_pow_##sfx(char **args, const ptrdiff_t *dims, const ptrdiff_t *steps,  \
                          void *ctx)                                                   \
    {                                                                                  \
        if (sizeof(T) == sizeof(float) && SL_F32_LIBMVEC) {                            \
            vmx_pow_f32(args, dims, steps, ctx);                                       \
            return;                                                                    \
        }                                                                              \
        if (pow_small_##sfx(args, dims, steps)) return;                                \
        sl_map2_##sfx(true, sl_pow_##sfx[nd__vmath_level()], args, dims, steps);       \
    }                                                                                  \
    void nd__vm_arctan2_##sfx(char **args, const ptrdiff_t *dims, const ptrdiff_t *steps, \
                              void *ctx)                                               \
    {                                                                                  \
        (void)ctx;                                                                     \
        sl_map2_##sfx(false, sl_atan2_##sfx[nd__vmath_level()], args, dims, steps);    \
    }
SL_POW(double, f64)
SL_POW(float, f32)
#endif /* ND_HAVE_SLEEF */

/* ---- libmvec / libm loops (all of them without SLEEF; float32's with it and libmvec) -- */

/* After a kernel: clear the flags in `impossible` that it raised, and an "invalid" it
 * raised although no result is NaN (an invalid operation always yields NaN, so such a
 * flag comes from a lane the vector code recomputed). */
#define VM_FIX(T, sfx)                                                                 \
    static void fix_flags_##sfx(int before, int impossible, const char *out,           \
                                ptrdiff_t n, ptrdiff_t s)                              \
    {                                                                                  \
        int raised = fetestexcept(impossible | FE_INVALID) & ~before;                  \
        if (raised & impossible) feclearexcept(raised & impossible);                   \
        if (!(raised & FE_INVALID)) return;                                            \
        for (ptrdiff_t i = 0; i < n; i++)                                              \
            if (isnan(*(const T *)(out + i * s))) return;                              \
        feclearexcept(FE_INVALID);                                                     \
    }
VM_FIX(double, f64)
VM_FIX(float, f32)

/* NumPy raises "underflow" for a subnormal result (tanh excepted: tanh(x) is x there,
 * exactly). Not every libmvec kernel raises it: glibc's AVX-512 atanf returns a tiny
 * input unchanged without a flag on some CPUs (AMD Zen 4/5). So when the kernel raised
 * none, the kernels' own finding decides (vm_f64_fn). */
static void raise_subnormal(int before, int sub)
{
    if (sub && !((before | fetestexcept(FE_UNDERFLOW)) & FE_UNDERFLOW))
        feraiseexcept(FE_UNDERFLOW);
}

#define VM_LOOPS(np, c, nf)                                                            \
    static const vm_f64_fn impl_##np##_f64[3] = VM_IMPLS(np, f64);                     \
    static const vm_f32_fn impl_##np##_f32[3] = VM_IMPLS(np, f32);                     \
    VM_ENTRY(np##_f64)(char **args, const ptrdiff_t *dims, const ptrdiff_t *steps,     \
                       void *ctx)                                                      \
    {                                                                                  \
        (void)ctx;                                                                     \
        int before = fetestexcept((nf) | FE_INVALID);                                  \
        int sub = vmap_f64(impl_##np##_f64[nd__vmath_level()], args, dims, steps);     \
        fix_flags_f64(before, nf, args[1], dims[0], steps[1]);                         \
        if (strcmp(#np, "tanh") != 0 && !((nf) & FE_UNDERFLOW))                        \
            raise_subnormal(before, sub);                                              \
    }                                                                                  \
    VM_ENTRY(np##_f32)(char **args, const ptrdiff_t *dims, const ptrdiff_t *steps,     \
                       void *ctx)                                                      \
    {                                                                                  \
        (void)ctx;                                                                     \
        int before = fetestexcept((nf) | FE_INVALID);                                  \
        int sub = vmap_f32(impl_##np##_f32[nd__vmath_level()], args, dims, steps);     \
        fix_flags_f32(before, nf, args[1], dims[0], steps[1]);                         \
        if (strcmp(#np, "tanh") != 0 && !((nf) & FE_UNDERFLOW))                        \
            raise_subnormal(before, sub);                                              \
    }
ND__VMATH_FUNCS(VM_LOOPS)

/* ---- pow: libmvec's two-argument kernels -------------------------------------------------- */
typedef void (*vm2_f64_fn)(const double *x, const double *y, double *out, ptrdiff_t n);
typedef void (*vm2_f32_fn)(const float *x, const float *y, float *out, ptrdiff_t n);

static void vm1_pow_f64(const double *x, const double *y, double *o, ptrdiff_t n)
{
    for (ptrdiff_t i = 0; i < n; i++) o[i] = pow(x[i], y[i]);
}
static void vm1_pow_f32(const float *x, const float *y, float *o, ptrdiff_t n)
{
    for (ptrdiff_t i = 0; i < n; i++) o[i] = powf(x[i], y[i]);
}

#ifdef ND_LIBMVEC_FUNCS
#define VM2_KERNEL(kname, T, VT, W, SYM, LOAD, STORE)                                  \
    VT SYM(VT, VT);                                                                    \
    static void kname(const T *x, const T *y, T *out, ptrdiff_t n)                     \
    {                                                                                  \
        ptrdiff_t i = 0;                                                               \
        for (; i + (W) <= n; i += (W)) STORE(out + i, SYM(LOAD(x + i), LOAD(y + i)));  \
        if (i < n) {                                                                   \
            T tx[W], ty[W];                                                            \
            ptrdiff_t r = n - i;                                                       \
            for (ptrdiff_t k = 0; k < (W); k++) {                                      \
                tx[k] = x[i + (k < r ? k : r - 1)];                                    \
                ty[k] = y[i + (k < r ? k : r - 1)];                                    \
            }                                                                          \
            STORE(tx, SYM(LOAD(tx), LOAD(ty)));                                        \
            memcpy(out + i, tx, (size_t)r * sizeof(T));                                \
        }                                                                              \
    }
ND__TARGET_AVX2_BEGIN
VM2_KERNEL(vm256_pow_f64, double, __m256d, 4, _ZGVdN4vv_pow, _mm256_loadu_pd, _mm256_storeu_pd)
VM2_KERNEL(vm256_pow_f32, float, __m256, 8, _ZGVdN8vv_powf, _mm256_loadu_ps, _mm256_storeu_ps)
ND__TARGET_END
ND__TARGET_AVX512_BEGIN
VM2_KERNEL(vm512_pow_f64, double, __m512d, 8, _ZGVeN8vv_pow, _mm512_loadu_pd, _mm512_storeu_pd)
VM2_KERNEL(vm512_pow_f32, float, __m512, 16, _ZGVeN16vv_powf, _mm512_loadu_ps, _mm512_storeu_ps)
ND__TARGET_END
static const vm2_f64_fn pow_f64_impl[3] = { vm1_pow_f64, vm256_pow_f64, vm512_pow_f64 };
static const vm2_f32_fn pow_f32_impl[3] = { vm1_pow_f32, vm256_pow_f32, vm512_pow_f32 };
#else
static const vm2_f64_fn pow_f64_impl[3] = { vm1_pow_f64, vm1_pow_f64, vm1_pow_f64 };
static const vm2_f32_fn pow_f32_impl[3] = { vm1_pow_f32, vm1_pow_f32, vm1_pow_f32 };
#endif

/* x ** y elementwise; operands of any stride (a broadcast exponent has stride 0) go
 * through small buffers. Exponents 0, 1, 2 and -1 given as a scalar are exact
 * shortcuts (pow is correctly rounded there too). */
#define VM_POW(T, sfx)                                                                 \
    VM_ENTRY(pow_##sfx)(char **args, const ptrdiff_t *dims, const ptrdiff_t *steps,    \
                        void *ctx)                                                     \
    {                                                                                  \
        (void)ctx;                                                                     \
        if (pow_small_##sfx(args, dims, steps)) return;                                \
        const ptrdiff_t n = dims[0], sx = steps[0], sy = steps[1], so = steps[2];      \
        int before = fetestexcept(FE_INVALID);                                         \
        const vm2_##sfx##_fn f = pow_##sfx##_impl[nd__vmath_level()];                  \
        if (sx == (ptrdiff_t)sizeof(T) && sy == (ptrdiff_t)sizeof(T) &&                \
            so == (ptrdiff_t)sizeof(T)) {                                              \
            f((const T *)args[0], (const T *)args[1], (T *)args[2], n);                \
        } else {                                                                       \
            T bx[256], by[256];                                                        \
            for (ptrdiff_t i = 0; i < n; i += 256) {                                   \
                ptrdiff_t m = n - i < 256 ? n - i : 256;                               \
                for (ptrdiff_t k = 0; k < m; k++) {                                    \
                    bx[k] = *(const T *)(args[0] + (i + k) * sx);                      \
                    by[k] = *(const T *)(args[1] + (i + k) * sy);                      \
                }                                                                      \
                f(bx, by, bx, m);                                                      \
                for (ptrdiff_t k = 0; k < m; k++) *(T *)(args[2] + (i + k) * so) = bx[k]; \
            }                                                                          \
        }                                                                              \
        fix_flags_##sfx(before, 0, args[2], n, so);                                    \
    }
VM_POW(double, f64)
VM_POW(float, f32)

/* arctan2 without SLEEF: libm's atan2, one element at a time. */
#ifndef ND_HAVE_SLEEF
static inline double vm_atan2_f64_(double x, double y) { return atan2(x, y); }
static inline float vm_atan2_f32_(float x, float y) { return atan2f(x, y); }
void nd__vm_arctan2_f64(char **args, const ptrdiff_t *dims, const ptrdiff_t *steps, void *ctx)
{
    (void)ctx;
    ND__BINARY_BODY(double, double, vm_atan2_f64_(x, y))
}
void nd__vm_arctan2_f32(char **args, const ptrdiff_t *dims, const ptrdiff_t *steps, void *ctx)
{
    (void)ctx;
    ND__BINARY_BODY(float, float, vm_atan2_f32_(x, y))
}
#endif /* ND_HAVE_SLEEF */

/* ---- sqrt: the IEEE instruction, explicitly (GCC keeps errno handling around sqrt()
 * in target_clones functions, which stops vectorisation) ---------------------------------- */
/* (sqrt's result is never subnormal: the kernels return 0, vm_f64_fn) */
static int sq1_f64(const double *in, double *out, ptrdiff_t n)
{
    for (ptrdiff_t i = 0; i < n; i++) out[i] = sqrt(in[i]);
    return 0;
}
static int sq1_f32(const float *in, float *out, ptrdiff_t n)
{
    for (ptrdiff_t i = 0; i < n; i++) out[i] = sqrtf(in[i]);
    return 0;
}
#ifdef ND_HAVE_LIBMVEC
#define SQ_KERNEL(kname, T, VT, W, SQRT, LOAD, STORE, SCALAR)                           \
    static int kname(const T *in, T *out, ptrdiff_t n)                                 \
    {                                                                                  \
        ptrdiff_t i = 0;                                                               \
        for (; i + (W) <= n; i += (W)) STORE(out + i, SQRT(LOAD(in + i)));             \
        for (; i < n; i++) out[i] = SCALAR(in[i]);                                     \
        return 0;                                                                      \
    }
ND__TARGET_AVX2_BEGIN
SQ_KERNEL(sq256_f64, double, __m256d, 4, _mm256_sqrt_pd, _mm256_loadu_pd, _mm256_storeu_pd, sqrt)
SQ_KERNEL(sq256_f32, float, __m256, 8, _mm256_sqrt_ps, _mm256_loadu_ps, _mm256_storeu_ps, sqrtf)
ND__TARGET_END
ND__TARGET_AVX512_BEGIN
SQ_KERNEL(sq512_f64, double, __m512d, 8, _mm512_sqrt_pd, _mm512_loadu_pd, _mm512_storeu_pd, sqrt)
SQ_KERNEL(sq512_f32, float, __m512, 16, _mm512_sqrt_ps, _mm512_loadu_ps, _mm512_storeu_ps, sqrtf)
ND__TARGET_END
static const vm_f64_fn sq_f64_impl[3] = { sq1_f64, sq256_f64, sq512_f64 };
static const vm_f32_fn sq_f32_impl[3] = { sq1_f32, sq256_f32, sq512_f32 };
#else
static const vm_f64_fn sq_f64_impl[3] = { sq1_f64, sq1_f64, sq1_f64 };
static const vm_f32_fn sq_f32_impl[3] = { sq1_f32, sq1_f32, sq1_f32 };
#endif

void nd__vm_sqrt_f64(char **args, const ptrdiff_t *dims, const ptrdiff_t *steps, void *ctx)
{
    (void)ctx;
    (void)vmap_f64(sq_f64_impl[nd__vmath_level()], args, dims, steps);
}

void nd__vm_sqrt_f32(char **args, const ptrdiff_t *dims, const ptrdiff_t *steps, void *ctx)
{
    (void)ctx;
    (void)vmap_f32(sq_f32_impl[nd__vmath_level()], args, dims, steps);
}
