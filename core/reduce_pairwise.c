/* Pairwise (cascade) summation, as in NumPy: leaves of up to PW_LEAF elements are
 * summed with PW_ACC independent accumulators (which also lets the compiler keep
 * them in vector registers), larger ranges split in halves. The rounding error grows
 * as O(log n) instead of O(n). The split points depend only on n, so results do not
 * depend on how callers chunk the work above the tree. */
#include "ufunc_internal.h"

#pragma GCC optimize("no-math-errno")

#define PW_LEAF 256
#define PW_ACC 16

/* Leaf kernels: CONTIG reads p[i], STRIDED reads through a byte stride. VAL(v) maps
 * the element (identity for sums, squared deviation for variances). */
#define PW_DEFINE(T, name, VALDECL, VAL)                                                 \
    ND__CLONES static T name##_leaf_contig(const T *p, ptrdiff_t n VALDECL)             \
    {                                                                                   \
        T r[PW_ACC];                                                                    \
        for (int k = 0; k < PW_ACC; k++) r[k] = 0;                                      \
        ptrdiff_t i = 0;                                                                \
        for (; i + PW_ACC <= n; i += PW_ACC)                                            \
            for (int k = 0; k < PW_ACC; k++) r[k] += VAL(p[i + k]);                     \
        for (int w = PW_ACC / 2; w > 0; w /= 2)                                         \
            for (int k = 0; k < w; k++) r[k] += r[k + w];                               \
        T res = r[0];                                                                   \
        for (; i < n; i++) res += VAL(p[i]);                                            \
        return res;                                                                     \
    }                                                                                   \
    static T name##_leaf_strided(const char *p, ptrdiff_t n, ptrdiff_t s VALDECL)       \
    {                                                                                   \
        T r[8] = { 0, 0, 0, 0, 0, 0, 0, 0 };                                            \
        ptrdiff_t i = 0;                                                                \
        for (; i + 8 <= n; i += 8)                                                      \
            for (int k = 0; k < 8; k++) r[k] += VAL(*(const T *)(p + (i + k) * s));     \
        T res = ((r[0] + r[1]) + (r[2] + r[3])) + ((r[4] + r[5]) + (r[6] + r[7]));     \
        for (; i < n; i++) res += VAL(*(const T *)(p + i * s));                         \
        return res;                                                                     \
    }                                                                                   \
    static T name##_rec(const char *p, ptrdiff_t n, ptrdiff_t s VALDECL)                \
    {                                                                                   \
        if (n <= PW_LEAF) {                                                             \
            if (s == (ptrdiff_t)sizeof(T))                                              \
                return name##_leaf_contig((const T *)p, n PW_ARG);                      \
            return name##_leaf_strided(p, n, s PW_ARG);                                 \
        }                                                                               \
        ptrdiff_t h = n / 2;                                                            \
        h -= h % PW_ACC;                                                                \
        return name##_rec(p, h, s PW_ARG) + name##_rec(p + h * s, n - h, s PW_ARG);     \
    }

#define PW_ID(v) (v)
#define PW_ARG
PW_DEFINE(double, pw_f64, , PW_ID)
PW_DEFINE(float, pw_f32, , PW_ID)
#undef PW_ARG

/* Sum of squared deviations from m (variance numerators, no temporary array). */
#define PW_COMMA_M(T) , T m
#define PW_SQ(v) (((v) - m) * ((v) - m))
#define PW_ARG , m
PW_DEFINE(double, sq_f64, PW_COMMA_M(double), PW_SQ)
PW_DEFINE(float, sq_f32, PW_COMMA_M(float), PW_SQ)
#undef PW_ARG

double nd__pairwise_sum_f64(const char *p, ptrdiff_t n, ptrdiff_t s)
{
    return n > 0 ? pw_f64_rec(p, n, s) : 0.0;
}

float nd__pairwise_sum_f32(const char *p, ptrdiff_t n, ptrdiff_t s)
{
    return n > 0 ? pw_f32_rec(p, n, s) : 0.0f;
}

nd__c128 nd__pairwise_sum_c128(const char *p, ptrdiff_t n, ptrdiff_t s)
{
    return (nd__c128){ nd__pairwise_sum_f64(p, n, s),
                       nd__pairwise_sum_f64(p + sizeof(double), n, s) };
}

nd__c64 nd__pairwise_sum_c64(const char *p, ptrdiff_t n, ptrdiff_t s)
{
    return (nd__c64){ nd__pairwise_sum_f32(p, n, s),
                      nd__pairwise_sum_f32(p + sizeof(float), n, s) };
}

double nd__pairwise_sqdev_f64(const char *p, ptrdiff_t n, ptrdiff_t s, double m)
{
    return n > 0 ? sq_f64_rec(p, n, s, m) : 0.0;
}

float nd__pairwise_sqdev_f32(const char *p, ptrdiff_t n, ptrdiff_t s, float m)
{
    return n > 0 ? sq_f32_rec(p, n, s, m) : 0.0f;
}
