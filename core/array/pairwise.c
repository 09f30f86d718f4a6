/* Pairwise (cascade) summation, as in NumPy: leaves of up to PW_LEAF elements are
 * summed with PW_ACC independent accumulators (which also lets the compiler keep
 * them in vector registers), larger ranges split in halves. The rounding error grows
 * as O(log n) instead of O(n). The split points depend only on n, so results do not
 * depend on how callers chunk the work above the tree. */
#include "pairwise.h"

#include <fenv.h>
#include <numc/threads.h>
#include <stdatomic.h>
#include <stdbool.h>

#include "internal.h"
#include "parallel.h"

ND__FILE_NO_MATH_ERRNO

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

/* ---- the top of the tree in parallel ---------------------------------------------------
 * Large sums split the range exactly as the recursion above does until the pieces have
 * at most PW_PAR_LEAF elements, sum the pieces on the worker pool and combine them in
 * the same tree order: bit-identical to the serial sum for any thread count. */
#define PW_PAR_MIN ((ptrdiff_t)1 << 20)
#define PW_PAR_LEAF ((ptrdiff_t)1 << 17)
#define PW_FLAGS (FE_DIVBYZERO | FE_OVERFLOW | FE_UNDERFLOW | FE_INVALID)

typedef struct pw_job {
    const char *p;
    ptrdiff_t s;
    double m;        /* mean for the squared-deviation sums */
    int kind;        /* 0 sum f64, 1 sum f32, 2 sqdev f64, 3 sqdev f32 */
    ptrdiff_t *off;  /* leaf k covers [off[k], off[k + 1]) */
    double *res;
    atomic_int flags;
} pw_job;

static ptrdiff_t pw_split(ptrdiff_t begin, ptrdiff_t n, ptrdiff_t *off, ptrdiff_t k)
{
    if (n <= PW_PAR_LEAF) {
        off[k] = begin;
        return k + 1;
    }
    ptrdiff_t h = n / 2;
    h -= h % PW_ACC;
    k = pw_split(begin, h, off, k);
    return pw_split(begin + h, n - h, off, k);
}

static double pw_combine(ptrdiff_t n, const double *res, ptrdiff_t *k, bool f32)
{
    if (n <= PW_PAR_LEAF) return res[(*k)++];
    ptrdiff_t h = n / 2;
    h -= h % PW_ACC;
    double a = pw_combine(h, res, k, f32), b = pw_combine(n - h, res, k, f32);
    return f32 ? (double)((float)a + (float)b) : a + b;
}

static void pw_leaf(ptrdiff_t begin, ptrdiff_t end, ptrdiff_t chunk, void *ctx)
{
    (void)chunk;
    pw_job *j = ctx;
    feclearexcept(PW_FLAGS);
    for (ptrdiff_t k = begin; k < end; k++) {
        const char *q = j->p + j->off[k] * j->s;
        ptrdiff_t m = j->off[k + 1] - j->off[k];
        switch (j->kind) {
        case 0: j->res[k] = pw_f64_rec(q, m, j->s); break;
        case 1: j->res[k] = (double)pw_f32_rec(q, m, j->s); break;
        case 2: j->res[k] = sq_f64_rec(q, m, j->s, j->m); break;
        default: j->res[k] = (double)sq_f32_rec(q, m, j->s, (float)j->m); break;
        }
    }
    int f = fetestexcept(PW_FLAGS);
    if (f) atomic_fetch_or(&j->flags, f);
}

/* The parallel sum; false (nothing done) when it does not apply. */
static bool pw_parallel(const char *p, ptrdiff_t n, ptrdiff_t s, double m, int kind, double *out)
{
    if (n < PW_PAR_MIN || nd_get_num_threads() < 2) return false;
    ptrdiff_t cap = 2 * (n / PW_PAR_LEAF) + 4;
    /* Scratch through the hooks; if it fails the serial sum below gives the same bits. */
    ptrdiff_t *off = nd_malloc(sizeof(ptrdiff_t) * (size_t)(cap + 1), "nd_sum");
    double *res = nd_malloc(sizeof(double) * (size_t)cap, "nd_sum");
    if (!off || !res) {
        nd_free_mem(off);
        nd_free_mem(res);
        return false;
    }
    ptrdiff_t nl = pw_split(0, n, off, 0);
    off[nl] = n;
    pw_job j = { p, s, m, kind, off, res, 0 };
    int before = fetestexcept(PW_FLAGS);
    nd__parallel_for(nl, 1, pw_leaf, &j);
    /* the calling thread ran chunks too: restore its earlier flags, add the workers' */
    feclearexcept(PW_FLAGS);
    if (before | atomic_load(&j.flags)) feraiseexcept(before | atomic_load(&j.flags));
    ptrdiff_t k = 0;
    *out = pw_combine(n, res, &k, kind == 1 || kind == 3);
    nd_free_mem(off);
    nd_free_mem(res);
    return true;
}

double nd__pairwise_sum_f64(const char *p, ptrdiff_t n, ptrdiff_t s)
{
    double r;
    if (pw_parallel(p, n, s, 0, 0, &r)) return r;
    return n > 0 ? pw_f64_rec(p, n, s) : 0.0;
}

float nd__pairwise_sum_f32(const char *p, ptrdiff_t n, ptrdiff_t s)
{
    double r;
    if (pw_parallel(p, n, s, 0, 1, &r)) return (float)r;
    return n > 0 ? pw_f32_rec(p, n, s) : 0.0f;
}

double nd__pairwise_sqdev_f64(const char *p, ptrdiff_t n, ptrdiff_t s, double m)
{
    double r;
    if (pw_parallel(p, n, s, m, 2, &r)) return r;
    return n > 0 ? sq_f64_rec(p, n, s, m) : 0.0;
}

float nd__pairwise_sqdev_f32(const char *p, ptrdiff_t n, ptrdiff_t s, float m)
{
    double r;
    if (pw_parallel(p, n, s, m, 3, &r)) return (float)r;
    return n > 0 ? sq_f32_rec(p, n, s, m) : 0.0f;
}
