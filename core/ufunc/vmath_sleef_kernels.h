/* Template of the SLEEF kernels of one instruction set (vmath_sleef.h), included by
 * vmath_sleef_<isa>.c after it defines:
 *   SL_ISA       numc's name of the set (sse2, avx2, avx512)
 *   SL_SUFFIX    SLEEF's suffix of the set (sse2, avx2, avx512f)
 *   SL_WD, SL_WF lanes of double / float (2/4, 4/8, 8/16)
 *   SL_VD, SL_VF the vector types; SL_LOADD/SL_STORED, SL_LOADF/SL_STOREF unaligned
 *                loads and stores;
 *   SL_MD, SL_MF the type of a lane mask, and the functions sl_okd / sl_okf (lanes whose
 *                |v| is in [lo, hi]; false for NaN), sl_andd / sl_andf, sl_onesd /
 *                sl_onesf (every lane), sl_alld / sl_allf (every lane set?). */
#include <float.h>
#include <sleef.h>

#define SL_CAT_(a, b) a##b
#define SL_CAT(a, b) SL_CAT_(a, b)
#define SL_CAT3(a, b, c) SL_CAT(SL_CAT(a, b), c)
#define SL_CAT4(a, b, c, d) SL_CAT(SL_CAT3(a, b, c), d)
/* Sleef_<c>d<W>_u10<suffix>, Sleef_<c>f<W>_u10<suffix> */
#define SL_FD(c) SL_CAT4(Sleef_##c##d, SL_WD, _u10, SL_SUFFIX)
#define SL_FF(c) SL_CAT4(Sleef_##c##f, SL_WF, _u10, SL_SUFFIX)
#define SL_NAME(np, sfx) SL_CAT4(nd__sl_, SL_ISA, _##np, _##sfx)

/* sfx: d or f (the helpers' suffix) */
#define SL_KERNEL1(kname, T, VT, M, W, FN, LOAD, STORE, SET1, TMAX, sfx)                 \
    int kname(const T *in, T *out, ptrdiff_t n, T lo)                                   \
    {                                                                                   \
        const VT vlo = SET1(lo), vhi = SET1(TMAX);                                      \
        M ok = sl_ones##sfx();                                                          \
        ptrdiff_t i = 0;                                                                \
        for (; i + (W) <= n; i += (W)) {                                                \
            VT r = FN(LOAD(in + i));                                                    \
            ok = sl_and##sfx(ok, sl_ok##sfx(r, vlo, vhi));                              \
            STORE(out + i, r);                                                          \
        }                                                                               \
        if (i < n) {                                                                    \
            T t[W];                                                                     \
            ptrdiff_t r = n - i;                                                        \
            for (ptrdiff_t k = 0; k < (W); k++) t[k] = in[i + (k < r ? k : r - 1)];     \
            VT v = FN(LOAD(t));                                                         \
            ok = sl_and##sfx(ok, sl_ok##sfx(v, vlo, vhi));                              \
            STORE(t, v);                                                                \
            memcpy(out + i, t, (size_t)r * sizeof(T));                                  \
        }                                                                               \
        return !sl_all##sfx(ok);                                                        \
    }
#define SL_KERNEL2(kname, T, VT, M, W, FN, LOAD, STORE, SET1, TMAX, sfx)                 \
    int kname(const T *a, const T *b, T *out, ptrdiff_t n, T lo)                        \
    {                                                                                   \
        const VT vlo = SET1(lo), vhi = SET1(TMAX);                                      \
        M ok = sl_ones##sfx();                                                          \
        ptrdiff_t i = 0;                                                                \
        for (; i + (W) <= n; i += (W)) {                                                \
            VT r = FN(LOAD(a + i), LOAD(b + i));                                        \
            ok = sl_and##sfx(ok, sl_ok##sfx(r, vlo, vhi));                              \
            STORE(out + i, r);                                                          \
        }                                                                               \
        if (i < n) {                                                                    \
            T ta[W], tb[W];                                                             \
            ptrdiff_t r = n - i;                                                        \
            for (ptrdiff_t k = 0; k < (W); k++) {                                       \
                ta[k] = a[i + (k < r ? k : r - 1)];                                     \
                tb[k] = b[i + (k < r ? k : r - 1)];                                     \
            }                                                                           \
            VT v = FN(LOAD(ta), LOAD(tb));                                              \
            ok = sl_and##sfx(ok, sl_ok##sfx(v, vlo, vhi));                              \
            STORE(ta, v);                                                               \
            memcpy(out + i, ta, (size_t)r * sizeof(T));                                 \
        }                                                                               \
        return !sl_all##sfx(ok);                                                        \
    }

#define SL_D(name, FN) SL_NAME(name, f64), double, SL_VD, SL_MD, SL_WD, FN, SL_LOADD, SL_STORED, SL_SET1D, DBL_MAX, d
#define SL_F(name, FN) SL_NAME(name, f32), float, SL_VF, SL_MF, SL_WF, FN, SL_LOADF, SL_STOREF, SL_SET1F, FLT_MAX, f
/* SL_D / SL_F expand to several arguments before SL_KERNEL1/2 count them */
#define SL_K1(...) SL_KERNEL1(__VA_ARGS__)
#define SL_K2(...) SL_KERNEL2(__VA_ARGS__)
#define SL_UNARY(np, c, nf) SL_K1(SL_D(np, SL_FD(c))) SL_K1(SL_F(np, SL_FF(c)))
ND__VMATH_FUNCS(SL_UNARY)
SL_K2(SL_D(pow, SL_FD(pow)))
SL_K2(SL_F(pow, SL_FF(pow)))
SL_K2(SL_D(atan2, SL_FD(atan2)))
SL_K2(SL_F(atan2, SL_FF(atan2)))
