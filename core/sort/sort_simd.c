/* The default-kind sort and the argsort of 16/32/64-bit integers and floats through
 * Highway's vqsort (vqsort_glue.cc): a vectorised quicksort with AVX-512 / AVX2 / SSE4
 * paths chosen at run time (Blacher, Giesen, Sanders, Wassenberg, "Vectorized and
 * performance-portable quicksort", 2022). NumPy 2 sorts with it on several platforms.
 *
 * NaN order as NumPy: vqsort orders no NaN, so sort moves the NaNs to the end first and
 * sorts the rest (FLOAT_SORT below also works around two flaws of Highway 1.0.x).
 * argsort sorts (key, index) pairs as one wide unsigned integer -- the key of NumPy's
 * order in the high bits, NaNs mapped to the top key and -0.0 to 0.0's -- which makes it
 * stable as well; the default kind of 64-bit dtypes sorts the same pairs by the key alone
 * (Highway's key-value sort), which is faster. */
#include <string.h>

#include "sort_simd.h"

#if NUMC_HAVE_HWY
#include "vqsort_glue.h"

/* Where vqsort wins, measured on AVX2 (docs/sort.md has the table). Each call pays
 * ~0.6 us (Highway seeds its pivot sampler with getrandom), so below ~128 elements
 * (256 for 8-byte ones) the insertion/introsort of sort_template.h is faster. 16-bit
 * data has at most 65536 distinct values: from 512 elements the two-pass radix sort of
 * sort_kernels.c is several times faster, and the radix argsort beats the 16-bit one here
 * from 1000 on, so 16-bit argsort stays radix. For 32/64-bit argsort the pairs sort wins
 * over the radix argsort (sort.c's kernel from 256 on) at every size measured. */
enum { SIMD_SORT_MIN_NARROW = 128, SIMD_SORT_MIN_WIDE = 256, SIMD_SORT_MAX_16 = 512,
       SIMD_ARGSORT_MIN = 256 };

bool nd__simd_sort_ok(nd_dtype t, ptrdiff_t n)
{
    if (n < SIMD_SORT_MIN_NARROW || !nd__vqsort_available()) return false;
    switch (t) {
    case ND_INT16: case ND_UINT16: return n >= SIMD_SORT_MIN_NARROW && n < SIMD_SORT_MAX_16;
    case ND_INT32: case ND_UINT32: case ND_FLOAT32: return n >= SIMD_SORT_MIN_NARROW;
    case ND_INT64: case ND_UINT64: case ND_FLOAT64: return n >= SIMD_SORT_MIN_WIDE;
    default: return false;
    }
}

/* Highway 1.0.x's float sort has two flaws that NumPy's order does not allow: it writes
 * the largest finite value where +inf was (and the lowest where -inf was), and it fills
 * runs equal to a pivot with the pivot itself, so -0.0 and 0.0 (equal, not identical)
 * can change sign. Data without zeros or infinities (one branch-free scan that vectorises,
 * which also finds NaNs) goes to the float sort as it is; other data is sorted as signed
 * integers with the same order (the bits of a negative float with all but the sign
 * flipped: -0.0 just below 0.0), which vqsort moves bit for bit, and mapped back.
 * NaNs (any sign) are moved to the end first, in any order. */
#define FLOAT_SORT(name, T, U, I, SIGN, vqsort_float, vqsort_int)                          \
    static void name(T *v, ptrdiff_t n)                                                     \
    {                                                                                       \
        int nan = 0, special = 0;                                                           \
        for (ptrdiff_t i = 0; i < n; i++) {                                                 \
            T x = v[i];                                                                     \
            nan |= x != x;                                                                  \
            special |= (x == 0) | (x - x != 0); /* zero, inf (inf - inf is NaN) or NaN */   \
        }                                                                                   \
        if (nan) { /* NaNs to the end */                                                    \
            ptrdiff_t lo = 0, hi = n;                                                       \
            for (;;) {                                                                      \
                while (lo < hi && v[lo] == v[lo]) lo++;                                     \
                while (lo < hi && v[hi - 1] != v[hi - 1]) hi--;                             \
                if (hi - lo < 2) break;                                                     \
                T x = v[lo];                                                                \
                v[lo++] = v[hi - 1];                                                        \
                v[--hi] = x;                                                                \
            }                                                                               \
            n = lo;                                                                         \
        }                                                                                   \
        if (!special) {                                                                     \
            vqsort_float(v, (size_t)n);                                                     \
            return;                                                                         \
        }                                                                                   \
        /* U -> I and back is the same map: x ^ ((x >> (bits-1)) & ~SIGN) keeps the sign */ \
        for (ptrdiff_t i = 0; i < n; i++) {                                                 \
            U u;                                                                            \
            memcpy(&u, &v[i], sizeof u);                                                    \
            u ^= (U)(0 - (u >> (8 * sizeof u - 1))) & (U)~SIGN;                             \
            memcpy(&v[i], &u, sizeof u);                                                    \
        }                                                                                   \
        vqsort_int((I *)(void *)v, (size_t)n);                                              \
        for (ptrdiff_t i = 0; i < n; i++) {                                                 \
            U u;                                                                            \
            memcpy(&u, &v[i], sizeof u);                                                    \
            u ^= (U)(0 - (u >> (8 * sizeof u - 1))) & (U)~SIGN;                             \
            memcpy(&v[i], &u, sizeof u);                                                    \
        }                                                                                   \
    }
FLOAT_SORT(float_sort_f32, float, uint32_t, int32_t, 0x80000000u, nd__vqsort_f32, nd__vqsort_i32)
FLOAT_SORT(float_sort_f64, double, uint64_t, int64_t, 0x8000000000000000u, nd__vqsort_f64, nd__vqsort_i64)

nd_status nd__simd_sort(void *v, nd_dtype t, ptrdiff_t n)
{
    size_t m = (size_t)n;
    if (n >= 2 && !nd__vqsort_available()) /* sort.c asks first */
        return nd_set_error(ND_EDTYPE, "nd_sort: Highway's vqsort could not be loaded");
    switch (t) {
    case ND_INT16: nd__vqsort_i16(v, m); break;
    case ND_UINT16: nd__vqsort_u16(v, m); break;
    case ND_INT32: nd__vqsort_i32(v, m); break;
    case ND_UINT32: nd__vqsort_u32(v, m); break;
    case ND_INT64: nd__vqsort_i64(v, m); break;
    case ND_UINT64: nd__vqsort_u64(v, m); break;
    case ND_FLOAT32: float_sort_f32(v, n); break;
    case ND_FLOAT64: float_sort_f64(v, n); break;
    default: return nd_set_error(ND_EDTYPE, "nd_sort: no vectorised sort for dtype %s", nd_dtype_name(t));
    }
    return ND_OK;
}

bool nd__simd_argsort_ok(nd_dtype t, ptrdiff_t n)
{
    if (n < SIMD_ARGSORT_MIN || !nd__vqsort_available()) return false;
    switch (t) {
    case ND_INT32: case ND_UINT32: case ND_FLOAT32:
        return (uint64_t)n <= (uint64_t)UINT32_MAX + 1; /* (key << 32 | index) in one uint64 */
    case ND_INT64: case ND_UINT64: case ND_FLOAT64: return true;
    default: return false;
    }
}

/* Keys in NumPy's order as unsigned integers: the sign bit flipped for signed integers;
 * for floats all bits flipped for negatives and the sign bit set for positives, -0.0
 * as 0.0 and every NaN as the largest key (no number has it). */
static inline uint64_t key64_f64(double x)
{
    /* without branches, so that the key loop vectorises: a negative flips every bit (its
     * arithmetic shift is all ones), a positive only the sign */
    uint64_t u;
    memcpy(&u, &x, 8);
    u &= -(uint64_t)((u << 1) != 0);                            /* -0.0 as 0.0 */
    uint64_t k = u ^ ((uint64_t)((int64_t)u >> 63) | 0x8000000000000000u);
    return k | -(uint64_t)(x != x);                             /* NaN: the largest */
}

static inline uint32_t key32_f32(float x)
{
    uint32_t u;
    memcpy(&u, &x, 4);
    u &= -(uint32_t)((u << 1) != 0);
    uint32_t k = u ^ ((uint32_t)((int32_t)u >> 31) | 0x80000000u);
    return k | -(uint32_t)(x != x);
}

/* 64-bit keys: (key, index) as 128-bit pairs (lo = index, hi = key), 16-byte aligned,
 * sorted as 128-bit integers (stable) or by the key alone (faster; ties in any order). */
static nd_status argsort_wide(const void *v, nd_dtype t, ptrdiff_t n, bool stable, int64_t *ix)
{
    char *raw = nd__malloc_n(n + 1, 16, "nd_argsort");
    if (!raw) return ND_ENOMEM;
    uint64_t *p = (uint64_t *)(raw + ((16 - (uintptr_t)raw % 16) % 16));
    uint64_t top = 0; /* the largest key */
    if (t == ND_FLOAT64) {
        const double *x = v;
        for (ptrdiff_t i = 0; i < n; i++) {
            uint64_t k = key64_f64(x[i]);
            p[2 * i] = (uint64_t)i;
            p[2 * i + 1] = k;
            top = k > top ? k : top;
        }
    } else {
        const uint64_t *x = v;
        uint64_t flip = t == ND_INT64 ? 0x8000000000000000u : 0;
        for (ptrdiff_t i = 0; i < n; i++) {
            uint64_t k = x[i] ^ flip;
            p[2 * i] = (uint64_t)i;
            p[2 * i + 1] = k;
            top = k > top ? k : top;
        }
    }
    /* Highway 1.0.x's key-value sort pads a partial vector with (top key, all-ones value)
     * and, on its AVX-512 paths (seen on AMD Zen 4/5), can write padding back in place of
     * pairs whose key is the top key too (NaN, INT64_MAX): index -1 came out. The 128-bit
     * sort compares whole pairs, which no padding equals, so such input takes it. */
    if (stable || top == UINT64_MAX) nd__vqsort_u128(p, (size_t)n);
    else nd__vqsort_k64v64(p, (size_t)n);
    for (ptrdiff_t i = 0; i < n; i++) ix[i] = (int64_t)p[2 * i];
    nd_free_mem(raw);
    return ND_OK;
}

/* 32-bit keys: (key << 32 | index) sorted as uint64 in ix itself. */
static nd_status argsort_narrow(const void *v, nd_dtype t, ptrdiff_t n, int64_t *ix)
{
    uint64_t *p = (uint64_t *)ix;
    switch (t) {
    case ND_FLOAT32: {
        const float *x = v;
        for (ptrdiff_t i = 0; i < n; i++) p[i] = (uint64_t)key32_f32(x[i]) << 32 | (uint64_t)i;
        break;
    }
    default: { /* ND_INT32, ND_UINT32 */
        const uint32_t *x = v;
        uint32_t flip = t == ND_INT32 ? 0x80000000u : 0;
        for (ptrdiff_t i = 0; i < n; i++) p[i] = (uint64_t)(x[i] ^ flip) << 32 | (uint64_t)i;
        break;
    }
    }
    nd__vqsort_u64(p, (size_t)n);
    for (ptrdiff_t i = 0; i < n; i++) ix[i] = (int64_t)(p[i] & 0xffffffffu);
    return ND_OK;
}

nd_status nd__simd_argsort(const void *v, nd_dtype t, ptrdiff_t n, bool stable, int64_t *ix)
{
    if (!nd__simd_argsort_ok(t, n) && n >= SIMD_ARGSORT_MIN) /* sort.c asks first */
        return nd_set_error(ND_EDTYPE, "nd_argsort: no vectorised argsort for dtype %s", nd_dtype_name(t));
    if (n >= 2 && !nd__vqsort_available())
        return nd_set_error(ND_EDTYPE, "nd_argsort: Highway's vqsort could not be loaded");
    if (n < 2) {
        if (n == 1) ix[0] = 0;
        return ND_OK;
    }
    if (t == ND_FLOAT64 || t == ND_INT64 || t == ND_UINT64) return argsort_wide(v, t, n, stable, ix);
    return argsort_narrow(v, t, n, ix);
}
#endif
