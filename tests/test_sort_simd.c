/* The vectorised sort (core/sort/sort_simd.c, Highway's vqsort when NUMC_HWY is on) and
 * the kernels it sits beside, against NumPy (tests/data/sort_simd/gen.py): every dtype it
 * takes, random / sorted / reversed / all-equal / few-distinct / NaN / ±inf / -0.0 inputs,
 * sizes 0 to 1000 around its thresholds, and 10^6-element properties; with NUMC_HWY, that
 * the first sort loads Highway (libnumc does not link it: vqsort_glue.cc). */
#define _GNU_SOURCE
#include <numc/manip.h>
#include <numc/sort.h>
#include <pthread.h>
#include <string.h>

#include "testutil.h"

#define FX NUMC_TEST_DATA "/sort_simd/sort_simd.npz"

static const char *const dtypes[] = { "int16", "uint16", "int32", "uint32", "int64", "uint64", "float32", "float64" };
static const char *const patterns[] = { "random", "sorted", "reversed", "equal", "dups", "nan", "inf", "zeros" };
static const int sizes[] = { 0, 1, 2, 15, 16, 17, 200, 300, 1000 };

/* Element i of a 1-D array as a double, and whether it is -0.0. */
static double at(const nd_array *a, ptrdiff_t i) { return nd_get_f64(a, ND_IDX(i)); }
static bool negzero(const nd_array *a, ptrdiff_t i)
{
    double x = at(a, i);
    return x == 0 && signbit(x);
}

/* Integer elements compare exactly through int64/uint64 (a double would round them). */
static bool same_elem(const nd_array *a, ptrdiff_t i, const nd_array *b, ptrdiff_t j)
{
    size_t isz = nd_dtype_size(nd_dtype_of(a));
    const char *p = (const char *)nd_data(a) + (size_t)i * (size_t)nd_strides(a)[0];
    const char *q = (const char *)nd_data(b) + (size_t)j * (size_t)nd_strides(b)[0];
    if (nd_dtype_of(a) == ND_FLOAT32 || nd_dtype_of(a) == ND_FLOAT64) {
        double x = at(a, i), y = at(b, j);
        return (x != x && y != y) || x == y; /* NaN payloads and zero signs: see callers */
    }
    return memcmp(p, q, isz) == 0;
}

static nd_npz *open_fx(void)
{
    nd_npz *z = nd_npz_open(FX);
    if (!z) printf("\n  cannot open %s: %s\n", FX, nd_errmsg());
    return z;
}

/* The values of np.sort (default kind): equal element by element, NaN where NumPy has
 * NaN, and the run of zeros holding as many -0.0 as the input (their order within the run
 * is unspecified for a quicksort, in NumPy as here). */
static bool sorted_as_numpy(const nd_array *got, const nd_array *want, const nd_array *in)
{
    ptrdiff_t n = nd_shape(want)[0], negs_in = 0, negs_out = 0;
    if (!got || nd_shape(got)[0] != n || nd_dtype_of(got) != nd_dtype_of(want)) return false;
    for (ptrdiff_t i = 0; i < n; i++) {
        if (!same_elem(got, i, want, i)) return false;
        if (nd_dtype_of(in) == ND_FLOAT32 || nd_dtype_of(in) == ND_FLOAT64) {
            negs_in += negzero(in, i);
            negs_out += negzero(got, i);
        }
    }
    return negs_in == negs_out;
}

static bool equal_i64(const nd_array *got, const nd_array *want)
{
    ptrdiff_t n = nd_shape(want)[0];
    if (!got || nd_shape(got)[0] != n) return false;
    return n == 0 || memcmp(nd_data(got), nd_data(want), (size_t)n * 8) == 0;
}

/* a[ix] has the values of want (sorted_as_numpy) and ix is a permutation of 0..n-1. */
static bool argsort_orders(const nd_array *ix, const nd_array *a, const nd_array *want)
{
    ptrdiff_t n = nd_shape(a)[0];
    if (!ix || nd_shape(ix)[0] != n) return false;
    char *seen = calloc((size_t)n + 1, 1);
    bool ok = seen != NULL;
    for (ptrdiff_t i = 0; ok && i < n; i++) {
        int64_t k = ((const int64_t *)nd_data(ix))[i];
        ok = k >= 0 && k < n && !seen[k] && same_elem(a, k, want, i);
        if (ok) seen[k] = 1;
    }
    free(seen);
    return ok;
}

/* Every fixture: sort (both kinds) and argsort (both kinds) as NumPy, on the contiguous
 * input and on a reversed view of its reverse (a strided lane, gathered and scattered). */
static void test_sort_argsort_match_numpy_every_dtype_and_pattern(void)
{
    nd_npz *z = open_fx();
    CU_ASSERT_PTR_NOT_NULL_FATAL(z);
    int cases = 0;
    for (size_t d = 0; d < sizeof dtypes / sizeof *dtypes; d++)
        for (size_t p = 0; p < sizeof patterns / sizeof *patterns; p++)
            for (size_t s = 0; s < sizeof sizes / sizeof *sizes; s++) {
                char key[96];
                snprintf(key, sizeof key, "%s_%s_%d_in", dtypes[d], patterns[p], sizes[s]);
                if (nd_npz_find(z, key) < 0) continue; /* NaN/inf/zero patterns: floats only */
                nd_array *in = nd_npz_get(z, key);
                snprintf(key, sizeof key, "%s_%s_%d_sort", dtypes[d], patterns[p], sizes[s]);
                nd_array *want = nd_npz_get(z, key);
                snprintf(key, sizeof key, "%s_%s_%d_argsort", dtypes[d], patterns[p], sizes[s]);
                nd_array *want_ix = nd_npz_get(z, key);
                CU_ASSERT_PTR_NOT_NULL_FATAL(in);
                CU_ASSERT_PTR_NOT_NULL_FATAL(want);
                CU_ASSERT_PTR_NOT_NULL_FATAL(want_ix);
                nd_array *rev = nd_view(in, "::-1"), *rin = rev ? nd_copy(rev, ND_ORDER_C) : NULL;
                nd_array *strided = rin ? nd_view(rin, "::-1") : NULL; /* in's values, stride -isz */
                const nd_array *inputs[2] = { in, strided };
                for (int k = 0; k < 2; k++) {
                    const nd_array *x = inputs[k];
                    nd_array *q = nd_sort(x, 0, ND_SORT_QUICK), *st = nd_sort(x, 0, ND_SORT_STABLE);
                    nd_array *aq = nd_argsort(x, 0, ND_SORT_QUICK), *as = nd_argsort(x, 0, ND_SORT_STABLE);
                    nd_array *stable_vals = nd_take(in, want_ix, 0); /* np.sort(kind='stable') */
                    bool ok_q = sorted_as_numpy(q, want, in);
                    bool ok_st = st && stable_vals && nd_shape(st)[0] == nd_shape(in)[0] &&
                                 (nd_shape(in)[0] == 0 ||
                                  memcmp(nd_data(st), nd_data(stable_vals),
                                         (size_t)nd_shape(in)[0] * nd_dtype_size(nd_dtype_of(in))) == 0 ||
                                  nd_dtype_of(in) == ND_FLOAT32 || nd_dtype_of(in) == ND_FLOAT64);
                    /* floats: bit-exact apart from NaN payloads, -0.0 in place */
                    for (ptrdiff_t i = 0; ok_st && i < nd_shape(in)[0]; i++)
                        ok_st = same_elem(st, i, stable_vals, i) && negzero(st, i) == negzero(stable_vals, i);
                    bool ok_as = equal_i64(as, want_ix), ok_aq = argsort_orders(aq, in, want);
                    if (!(ok_q && ok_st && ok_as && ok_aq))
                        printf("\n  %s_%s_%d (%s): sort quick %d stable %d, argsort quick %d stable %d\n",
                               dtypes[d], patterns[p], sizes[s], k ? "strided" : "contiguous", ok_q,
                               ok_st, ok_aq, ok_as);
                    CU_ASSERT(ok_q && ok_st && ok_as && ok_aq);
                    nd_free(q);
                    nd_free(st);
                    nd_free(aq);
                    nd_free(as);
                    nd_free(stable_vals);
                }
                cases++;
                nd_free(strided);
                nd_free(rin);
                nd_free(rev);
                nd_free(in);
                nd_free(want);
                nd_free(want_ix);
            }
    CU_ASSERT_EQUAL(cases, (5 * 8 + 3 * 2) * 9); /* every fixture was found and checked */
    nd_npz_close(z);
}

/* a[i-1] <= a[i] in NumPy's order (NaNs last), compared in the dtype itself. */
static bool in_order(const nd_array *a, ptrdiff_t i)
{
    const char *p = (const char *)nd_data(a) + (size_t)(i - 1) * nd_dtype_size(nd_dtype_of(a));
    switch (nd_dtype_of(a)) {
    case ND_INT16: return ((const int16_t *)p)[0] <= ((const int16_t *)p)[1];
    case ND_UINT16: return ((const uint16_t *)p)[0] <= ((const uint16_t *)p)[1];
    case ND_INT32: return ((const int32_t *)p)[0] <= ((const int32_t *)p)[1];
    case ND_UINT32: return ((const uint32_t *)p)[0] <= ((const uint32_t *)p)[1];
    case ND_INT64: return ((const int64_t *)p)[0] <= ((const int64_t *)p)[1];
    case ND_UINT64: return ((const uint64_t *)p)[0] <= ((const uint64_t *)p)[1];
    default: {
        double x = at(a, i - 1), y = at(a, i);
        return y != y || x <= y;
    }
    }
}

/* 10^6 elements of every dtype with duplicates (and NaNs, -0.0, ±inf for floats): the
 * default-kind sort is ordered, NaNs last, and holds the values of the stable sort; the
 * stable argsort is NumPy's stable order (ties by index, NaNs last by index), the default
 * one orders the values (and is the stable one for 32-bit dtypes). */
static void test_sort_argsort_million_every_dtype(void)
{
    static const nd_dtype ts[] = { ND_INT16, ND_UINT16, ND_INT32, ND_UINT32, ND_INT64, ND_UINT64, ND_FLOAT32, ND_FLOAT64 };
    const ptrdiff_t n = 1000000;
    uint64_t s = 0x9E3779B97F4A7C15u;
    for (size_t ti = 0; ti < sizeof ts / sizeof *ts; ti++) {
        nd_dtype t = ts[ti];
        bool flt = t == ND_FLOAT32 || t == ND_FLOAT64;
        nd_array *a = nd_empty(1, &n, t);
        CU_ASSERT_PTR_NOT_NULL_FATAL(a);
        size_t isz = nd_dtype_size(t);
        for (ptrdiff_t i = 0; i < n; i++) {
            s ^= s << 13, s ^= s >> 7, s ^= s << 17;
            char *p = (char *)nd_data(a) + (size_t)i * isz;
            if (flt) {
                static const double special[] = { NAN, -NAN, INFINITY, -INFINITY, 0.0, -0.0 };
                double x = (s & 15) == 0 ? special[(s >> 8) % 6] : (double)(int64_t)(s >> 40) / 1024.0 - 8192.0;
                if (t == ND_FLOAT64) memcpy(p, &x, 8);
                else memcpy(p, &(float){ (float)x }, 4);
            } else {
                uint64_t v = (s & 1) ? s >> 50 : s; /* half of them among 2^14 values */
                memcpy(p, &v, isz); /* little-endian low bytes */
            }
        }
        nd_array *q = nd_sort(a, 0, ND_SORT_QUICK), *st = nd_sort(a, 0, ND_SORT_STABLE);
        nd_array *aq = nd_argsort(a, 0, ND_SORT_QUICK), *as = nd_argsort(a, 0, ND_SORT_STABLE);
        CU_ASSERT_PTR_NOT_NULL_FATAL(q);
        CU_ASSERT_PTR_NOT_NULL_FATAL(st);
        CU_ASSERT_PTR_NOT_NULL_FATAL(aq);
        CU_ASSERT_PTR_NOT_NULL_FATAL(as);
        bool values = true, stable = true;
        ptrdiff_t negs_q = 0, negs_st = 0;
        for (ptrdiff_t i = 0; i < n; i++) {
            values = values && same_elem(q, i, st, i);
            if (flt) {
                negs_q += negzero(q, i);
                negs_st += negzero(st, i);
            }
            int64_t k = ((const int64_t *)nd_data(as))[i];
            stable = stable && k >= 0 && k < n && same_elem(a, k, st, i);
            if (i && stable && same_elem(st, i - 1, st, i)) /* a tie (NaNs tie too): by index */
                stable = ((const int64_t *)nd_data(as))[i - 1] < k;
        }
        bool ordered = true;
        for (ptrdiff_t i = 1; i < n && ordered; i++) ordered = in_order(q, i);
        bool quick_ix = argsort_orders(aq, a, st);
        if (!(values && stable && ordered && negs_q == negs_st && quick_ix))
            printf("\n  %s: values %d stable %d ordered %d negzeros %td/%td\n", nd_dtype_name(t), values,
                   stable, ordered, negs_q, negs_st);
        CU_ASSERT(values && stable && ordered && negs_q == negs_st && quick_ix);
        if (t == ND_INT32 || t == ND_UINT32 || t == ND_FLOAT32) /* (key << 32 | index): stable */
            CU_ASSERT(equal_i64(aq, as));
        nd_free(q);
        nd_free(st);
        nd_free(aq);
        nd_free(as);
        nd_free(a);
    }
}

/* Lanes of a 2-D array along either axis (gathered, sorted, scattered) as 1-D sorts. */
static void test_sort_lanes_of_2d(void)
{
    ptrdiff_t shape[2] = { 3, 700 };
    nd_array *a = nd_empty(2, shape, ND_FLOAT64);
    CU_ASSERT_PTR_NOT_NULL_FATAL(a);
    double *x = nd_data(a);
    for (ptrdiff_t i = 0; i < 2100; i++) x[i] = (double)((i * 7919) % 1013) - 500.0 + (i % 97 == 0 ? NAN : 0.0);
    nd_array *at0 = nd_transpose(a, NULL), *c0 = at0 ? nd_copy(at0, ND_ORDER_C) : NULL; /* 700 x 3 */
    nd_array *s1 = nd_sort(a, 1, ND_SORT_QUICK), *s0 = c0 ? nd_sort(c0, 0, ND_SORT_QUICK) : NULL;
    nd_array *ix1 = nd_argsort(a, 1, ND_SORT_STABLE), *ix0 = c0 ? nd_argsort(c0, 0, ND_SORT_STABLE) : NULL;
    CU_ASSERT_PTR_NOT_NULL_FATAL(s1);
    CU_ASSERT_PTR_NOT_NULL_FATAL(s0);
    CU_ASSERT_PTR_NOT_NULL_FATAL(ix1);
    CU_ASSERT_PTR_NOT_NULL_FATAL(ix0);
    for (ptrdiff_t r = 0; r < 3; r++) {
        char sel[32];
        snprintf(sel, sizeof sel, "%td", r);
        nd_array *row = nd_view(a, sel);
        nd_array *want = row ? nd_sort(row, 0, ND_SORT_STABLE) : NULL;
        nd_array *want_ix = row ? nd_argsort(row, 0, ND_SORT_STABLE) : NULL;
        CU_ASSERT_PTR_NOT_NULL_FATAL(want);
        CU_ASSERT_PTR_NOT_NULL_FATAL(want_ix);
        bool ok = true;
        for (ptrdiff_t j = 0; j < 700; j++) {
            double w = at(want, j), g1 = nd_get_f64(s1, ND_IDX(r, j)), g0 = nd_get_f64(s0, ND_IDX(j, r));
            int64_t k = ((const int64_t *)nd_data(want_ix))[j];
            ok = ok && ((w != w && g1 != g1 && g0 != g0) || (w == g1 && w == g0)) &&
                 nd_get_i64(ix1, ND_IDX(r, j)) == k && nd_get_i64(ix0, ND_IDX(j, r)) == k;
        }
        CU_ASSERT(ok);
        nd_free(row);
        nd_free(want);
        nd_free(want_ix);
    }
    nd_free(s1);
    nd_free(s0);
    nd_free(ix1);
    nd_free(ix0);
    nd_free(c0);
    nd_free(at0);
    nd_free(a);
}

/* Threads sorting at once (vqsort keeps no state between calls): each thread's results
 * are ordered and hold its own values. */
static void *sort_in_thread(void *arg)
{
    int seed = *(const int *)arg;
    ptrdiff_t n = 100000;
    nd_array *a = nd_empty(1, &n, ND_FLOAT64);
    if (!a) return "alloc";
    double *x = nd_data(a);
    for (ptrdiff_t i = 0; i < n; i++) x[i] = (double)((i * 2654435761u + (unsigned)seed * 40503u) % 100003u) - 5e4;
    const char *err = NULL;
    for (int r = 0; r < 5 && !err; r++) {
        nd_array *s = nd_sort(a, 0, ND_SORT_QUICK), *ix = nd_argsort(a, 0, ND_SORT_STABLE);
        if (!s || !ix) err = "sort failed";
        double sum_a = 0, sum_s = 0;
        for (ptrdiff_t i = 0; !err && i < n; i++) {
            sum_a += x[i];
            sum_s += at(s, i);
            if ((i && !in_order(s, i)) || at(s, i) != x[((const int64_t *)nd_data(ix))[i]]) err = "order";
        }
        if (!err && sum_a != sum_s) err = "values";
        nd_free(s);
        nd_free(ix);
    }
    nd_free(a);
    return (void *)err;
}

static void test_sort_from_threads_at_once(void)
{
    pthread_t th[4];
    int seeds[4] = { 1, 2, 3, 4 };
    for (int i = 0; i < 4; i++) CU_ASSERT_EQUAL_FATAL(pthread_create(&th[i], NULL, sort_in_thread, &seeds[i]), 0);
    for (int i = 0; i < 4; i++) {
        void *err = NULL;
        pthread_join(th[i], &err);
        if (err) printf("\n  thread %d: %s\n", i, (const char *)err);
        CU_ASSERT_PTR_NULL(err);
    }
}

/* libnumc loads Highway on the first sort that uses vqsort, not at start-up (libhwy's
 * constructor costs milliseconds): not mapped before, mapped after. Linux (/proc). */
static bool hwy_mapped(void)
{
    bool found = false;
#if defined(NUMC_TEST_HWY_SONAME) && defined(__linux__)
    FILE *f = fopen("/proc/self/maps", "r");
    char line[1024];
    while (f && fgets(line, sizeof line, f)) found |= strstr(line, NUMC_TEST_HWY_SONAME) != NULL;
    if (f) fclose(f);
#endif
    return found;
}

static void test_highway_loaded_on_first_sort(void)
{
#if defined(NUMC_TEST_HWY_SONAME) && defined(__linux__)
    CU_ASSERT(!hwy_mapped());
    nd_array *a = nd_arange(5000, 0, -1, ND_FLOAT64);
    nd_array *s = nd_sort(a);
    CU_ASSERT_PTR_NOT_NULL_FATAL(s);
    CU_ASSERT_EQUAL(nd_get_f64(s, ND_IDX(0)), 1);
    CU_ASSERT_EQUAL(nd_get_f64(s, ND_IDX(4999)), 5000);
    CU_ASSERT(hwy_mapped());
    nd_free(s);
    nd_free(a);
#else
    CU_ASSERT(!hwy_mapped());
#endif
}

static const ND_TEST tests[] = {
    ND_T(test_highway_loaded_on_first_sort),
    ND_T(test_sort_from_threads_at_once),
    ND_T(test_sort_argsort_match_numpy_every_dtype_and_pattern),
    ND_T(test_sort_argsort_million_every_dtype),
    ND_T(test_sort_lanes_of_2d),
    { 0 },
};
ND_TEST_MAIN("sort_simd", tests)
