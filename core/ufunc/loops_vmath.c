/* Real exp/log/trig/hyperbolic loops on glibc's vector math library (libmvec,
 * pulled in by -lm's linker script). NumPy uses AVX-512 loops for these; a scalar
 * libm loop is several times slower. libmvec's documented bound is 4 ULP; the test
 * suite measures it (tests/test_ufunc_accuracy.c) over wide ranges and specials.
 *
 * Each function has three kernels over contiguous doubles/floats — AVX-512, AVX2
 * and scalar libm — chosen once from the CPU. Tails are padded with a copy of the
 * last element, so padding raises no floating-point flag the data does not.
 * Strided operands go through a small stack buffer. */
#include "ufunc_internal.h"

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

typedef void (*vm_f64_fn)(const double *in, double *out, ptrdiff_t n);
typedef void (*vm_f32_fn)(const float *in, float *out, ptrdiff_t n);

/* ---- scalar kernels ---------------------------------------------------------------- */
#define VM_SCALAR(np, c, nf)                                                           \
    static void vm1_##np##_f64(const double *in, double *out, ptrdiff_t n)             \
    {                                                                                  \
        for (ptrdiff_t i = 0; i < n; i++) out[i] = c(in[i]);                           \
    }                                                                                  \
    static void vm1_##np##_f32(const float *in, float *out, ptrdiff_t n)               \
    {                                                                                  \
        for (ptrdiff_t i = 0; i < n; i++) out[i] = c##f(in[i]);                        \
    }
ND__VMATH_FUNCS(VM_SCALAR)

#ifdef ND_HAVE_LIBMVEC
/* One kernel: W lanes of vector type VT via the libmvec symbol SYM; LOAD/STORE are
 * the unaligned intrinsics. */
#define VM_KERNEL(kname, T, VT, W, SYM, LOAD, STORE)                                   \
    VT SYM(VT);                                                                        \
    static void kname(const T *in, T *out, ptrdiff_t n)                                \
    {                                                                                  \
        ptrdiff_t i = 0;                                                               \
        for (; i + (W) <= n; i += (W)) STORE(out + i, SYM(LOAD(in + i)));              \
        if (i < n) {                                                                   \
            T t[W];                                                                    \
            ptrdiff_t r = n - i;                                                       \
            for (ptrdiff_t k = 0; k < (W); k++) t[k] = in[i + (k < r ? k : r - 1)];    \
            STORE(t, SYM(LOAD(t)));                                                    \
            memcpy(out + i, t, (size_t)r * sizeof(T));                                 \
        }                                                                              \
    }

ND__TARGET_AVX2_BEGIN
#define VM_AVX2(np, c, nf)                                                             \
    VM_KERNEL(vm256_##np##_f64, double, __m256d, 4, _ZGVdN4v_##c, _mm256_loadu_pd,     \
              _mm256_storeu_pd)                                                        \
    VM_KERNEL(vm256_##np##_f32, float, __m256, 8, _ZGVdN8v_##c##f, _mm256_loadu_ps,    \
              _mm256_storeu_ps)
ND__VMATH_FUNCS(VM_AVX2)
ND__TARGET_END

ND__TARGET_AVX512_BEGIN
#define VM_AVX512(np, c, nf)                                                           \
    VM_KERNEL(vm512_##np##_f64, double, __m512d, 8, _ZGVeN8v_##c, _mm512_loadu_pd,     \
              _mm512_storeu_pd)                                                        \
    VM_KERNEL(vm512_##np##_f32, float, __m512, 16, _ZGVeN16v_##c##f, _mm512_loadu_ps,  \
              _mm512_storeu_ps)
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
#ifdef ND_HAVE_LIBMVEC
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
    static void vmap_##sfx(void (*f)(const T *, T *, ptrdiff_t), char **args,          \
                           const ptrdiff_t *dims, const ptrdiff_t *steps)              \
    {                                                                                  \
        const ptrdiff_t n = dims[0], si = steps[0], so = steps[1];                     \
        if (si == (ptrdiff_t)sizeof(T) && so == (ptrdiff_t)sizeof(T)) {                \
            f((const T *)args[0], (T *)args[1], n);                                    \
            return;                                                                    \
        }                                                                              \
        T buf[256];                                                                    \
        for (ptrdiff_t i = 0; i < n; i += 256) {                                       \
            ptrdiff_t m = n - i < 256 ? n - i : 256;                                   \
            const char *ip = args[0] + i * si;                                         \
            char *op = args[1] + i * so;                                               \
            for (ptrdiff_t k = 0; k < m; k++) buf[k] = *(const T *)(ip + k * si);      \
            f(buf, buf, m);                                                            \
            for (ptrdiff_t k = 0; k < m; k++) *(T *)(op + k * so) = buf[k];            \
        }                                                                              \
    }
VM_MAP(double, f64)
VM_MAP(float, f32)

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

#define VM_LOOPS(np, c, nf)                                                            \
    static const vm_f64_fn impl_##np##_f64[3] = VM_IMPLS(np, f64);                     \
    static const vm_f32_fn impl_##np##_f32[3] = VM_IMPLS(np, f32);                     \
    void nd__vm_##np##_f64(char **args, const ptrdiff_t *dims, const ptrdiff_t *steps, \
                           void *ctx)                                                  \
    {                                                                                  \
        (void)ctx;                                                                     \
        int before = fetestexcept((nf) | FE_INVALID);                                  \
        vmap_f64(impl_##np##_f64[nd__vmath_level()], args, dims, steps);               \
        fix_flags_f64(before, nf, args[1], dims[0], steps[1]);                         \
    }                                                                                  \
    void nd__vm_##np##_f32(char **args, const ptrdiff_t *dims, const ptrdiff_t *steps, \
                           void *ctx)                                                  \
    {                                                                                  \
        (void)ctx;                                                                     \
        int before = fetestexcept((nf) | FE_INVALID);                                  \
        vmap_f32(impl_##np##_f32[nd__vmath_level()], args, dims, steps);               \
        fix_flags_f32(before, nf, args[1], dims[0], steps[1]);                         \
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

#ifdef ND_HAVE_LIBMVEC
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
    void nd__vm_pow_##sfx(char **args, const ptrdiff_t *dims, const ptrdiff_t *steps,  \
                          void *ctx)                                                   \
    {                                                                                  \
        (void)ctx;                                                                     \
        const ptrdiff_t n = dims[0], sx = steps[0], sy = steps[1], so = steps[2];      \
        if (sy == 0) {                                                                 \
            const T y = *(const T *)args[1];                                           \
            if (y == 2 || y == 1 || y == 0 || y == -1) {                               \
                for (ptrdiff_t i = 0; i < n; i++) {                                    \
                    const T x = *(const T *)(args[0] + i * sx);                        \
                    *(T *)(args[2] + i * so) =                                         \
                        y == 2 ? x * x : y == 1 ? x : y == 0 ? (T)1 : (T)1 / x;        \
                }                                                                      \
                return;                                                                \
            }                                                                          \
        }                                                                              \
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

/* ---- sqrt: the IEEE instruction, explicitly (GCC keeps errno handling around sqrt()
 * in target_clones functions, which stops vectorisation) ---------------------------------- */
static void sq1_f64(const double *in, double *out, ptrdiff_t n)
{
    for (ptrdiff_t i = 0; i < n; i++) out[i] = sqrt(in[i]);
}
static void sq1_f32(const float *in, float *out, ptrdiff_t n)
{
    for (ptrdiff_t i = 0; i < n; i++) out[i] = sqrtf(in[i]);
}
#ifdef ND_HAVE_LIBMVEC
#define SQ_KERNEL(kname, T, VT, W, SQRT, LOAD, STORE, SCALAR)                           \
    static void kname(const T *in, T *out, ptrdiff_t n)                                \
    {                                                                                  \
        ptrdiff_t i = 0;                                                               \
        for (; i + (W) <= n; i += (W)) STORE(out + i, SQRT(LOAD(in + i)));             \
        for (; i < n; i++) out[i] = SCALAR(in[i]);                                     \
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
    vmap_f64(sq_f64_impl[nd__vmath_level()], args, dims, steps);
}

void nd__vm_sqrt_f32(char **args, const ptrdiff_t *dims, const ptrdiff_t *steps, void *ctx)
{
    (void)ctx;
    vmap_f32(sq_f32_impl[nd__vmath_level()], args, dims, steps);
}
