/* Template of the SLEEF kernels of one instruction set (vmath_sleef.h), included by
 * vmath_sleef_<isa>.c after it defines:
 *   SL_ISA       numc's name of the set (sse2, avx2, avx512)
 *   SL_SUFFIX    SLEEF's suffix of the set (sse2, avx2, avx512f)
 *   SL_WD, SL_WF lanes of double / float (2/4, 4/8, 8/16)
 *   SL_VD, SL_VF the vector types; SL_LOADD/SL_STORED, SL_LOADF/SL_STOREF unaligned
 *                loads and stores. */
#include <sleef.h>

#define SL_CAT_(a, b) a##b
#define SL_CAT(a, b) SL_CAT_(a, b)
#define SL_CAT3(a, b, c) SL_CAT(SL_CAT(a, b), c)
#define SL_CAT4(a, b, c, d) SL_CAT(SL_CAT3(a, b, c), d)
/* Sleef_<c>d<W>_u10<suffix>, Sleef_<c>f<W>_u10<suffix> */
#define SL_FD(c) SL_CAT4(Sleef_##c##d, SL_WD, _u10, SL_SUFFIX)
#define SL_FF(c) SL_CAT4(Sleef_##c##f, SL_WF, _u10, SL_SUFFIX)
#define SL_NAME(np, sfx) SL_CAT4(nd__sl_, SL_ISA, _##np, _##sfx)

#define SL_KERNEL1(kname, T, VT, W, FN, LOAD, STORE)                                    \
    void kname(const T *in, T *out, ptrdiff_t n)                                        \
    {                                                                                   \
        ptrdiff_t i = 0;                                                                \
        for (; i + (W) <= n; i += (W)) STORE(out + i, FN(LOAD(in + i)));               \
        if (i < n) {                                                                    \
            T t[W];                                                                     \
            ptrdiff_t r = n - i;                                                        \
            for (ptrdiff_t k = 0; k < (W); k++) t[k] = in[i + (k < r ? k : r - 1)];     \
            STORE(t, FN(LOAD(t)));                                                      \
            memcpy(out + i, t, (size_t)r * sizeof(T));                                  \
        }                                                                               \
    }
#define SL_KERNEL2(kname, T, VT, W, FN, LOAD, STORE)                                    \
    void kname(const T *a, const T *b, T *out, ptrdiff_t n)                             \
    {                                                                                   \
        ptrdiff_t i = 0;                                                                \
        for (; i + (W) <= n; i += (W)) STORE(out + i, FN(LOAD(a + i), LOAD(b + i)));    \
        if (i < n) {                                                                    \
            T ta[W], tb[W];                                                             \
            ptrdiff_t r = n - i;                                                        \
            for (ptrdiff_t k = 0; k < (W); k++) {                                       \
                ta[k] = a[i + (k < r ? k : r - 1)];                                     \
                tb[k] = b[i + (k < r ? k : r - 1)];                                     \
            }                                                                           \
            STORE(ta, FN(LOAD(ta), LOAD(tb)));                                          \
            memcpy(out + i, ta, (size_t)r * sizeof(T));                                 \
        }                                                                               \
    }

#define SL_UNARY(np, c, nf)                                                             \
    SL_KERNEL1(SL_NAME(np, f64), double, SL_VD, SL_WD, SL_FD(c), SL_LOADD, SL_STORED)   \
    SL_KERNEL1(SL_NAME(np, f32), float, SL_VF, SL_WF, SL_FF(c), SL_LOADF, SL_STOREF)
ND__VMATH_FUNCS(SL_UNARY)
SL_KERNEL2(SL_NAME(pow, f64), double, SL_VD, SL_WD, SL_FD(pow), SL_LOADD, SL_STORED)
SL_KERNEL2(SL_NAME(pow, f32), float, SL_VF, SL_WF, SL_FF(pow), SL_LOADF, SL_STOREF)
SL_KERNEL2(SL_NAME(atan2, f64), double, SL_VD, SL_WD, SL_FD(atan2), SL_LOADD, SL_STORED)
SL_KERNEL2(SL_NAME(atan2, f32), float, SL_VF, SL_WF, SL_FF(atan2), SL_LOADF, SL_STOREF)
