/* Sorting, searching and sets against NumPy fixtures (tests/data/manip). */
#define _GNU_SOURCE
#include <numc/manip.h>
#include <numc/sort.h>

#include "fixture.h"

#define FX NUMC_TEST_DATA "/manip/manip.txt"

static nd_array *in(const char *name) { return fixture_load(FX, name); }

static void test_sort_nan_last_and_axes(void)
{
    nd_array *v = in("in_v"), *w = in("in_w"), *b = in("in_b");
    fixture_check(FX, "sort_v", nd_sort(v, 0, ND_SORT_QUICK));
    fixture_check(FX, "sort_w", nd_sort(w, -1, ND_SORT_QUICK)); /* 300 elements: the radix path */
    nd_array *rb = nd_view(b, "::-1");
    fixture_check(FX, "sort_b_ax0", nd_sort(rb, 0, ND_SORT_STABLE));
    fixture_check(FX, "argsort_v_stable", nd_argsort(v, 0, ND_SORT_STABLE));
    fixture_check(FX, "argsort_w_stable", nd_argsort(w, 0, ND_SORT_STABLE));
    nd_free(rb);
    nd_free(v);
    nd_free(w);
    nd_free(b);
}

static void test_argsort_dup_stable_and_lexsort(void)
{
    nd_array *dup = in("in_dup"), *w = in("in_w");
    fixture_check(FX, "argsort_dup_stable", nd_argsort(dup, 0, ND_SORT_STABLE));
    nd_array *w40 = nd_view(w, ":40");
    fixture_check(FX, "lexsort", nd_lexsort(2, (const nd_array *[]){ w40, dup }));
    nd_free(w40);
    nd_free(dup);
    nd_free(w);
}

/* Every dtype and both kinds, short (comparison) and long (radix) lanes, strided:
 * the result must be ordered and a permutation of the input. */
static void test_sort_every_dtype_is_ordered(void)
{
    for (int t = 0; t < ND_NTYPES; t++) {
        for (int len = 5; len <= 2000; len *= 20) {
            nd_array *r = nd_arange(0, 2 * len, 1, ND_FLOAT64);
            for (ptrdiff_t i = 0; i < 2 * len; i++) ((double *)nd_data(r))[i] = (double)((i * 7919) % 113) - 50;
            nd_array *x = nd_astype(r, (nd_dtype)t, ND_CAST_UNSAFE);
            nd_array *xs = nd_view(x, "::2");
            for (int kind = 0; kind < 2; kind++) {
                nd_array *s = nd_sort(xs, 0, (nd_sort_kind)kind), *ix = nd_argsort(xs, 0, (nd_sort_kind)kind);
                nd_array *g = nd_take(xs, ix, 0);
                bool ordered = true, same = true;
                for (ptrdiff_t i = 0; i < len; i++) {
                    double re0, im0, re1, im1, gr, gi;
                    nd_get_c128(s, ND_IDX(i), &re1, &im1);
                    nd_get_c128(g, ND_IDX(i), &gr, &gi);
                    same = same && gr == re1 && gi == im1;
                    if (i) {
                        nd_get_c128(s, ND_IDX(i - 1), &re0, &im0);
                        ordered = ordered && (re0 < re1 || (re0 == re1 && im0 <= im1));
                    }
                }
                if (!ordered || !same) printf("\ndtype %s len %d kind %d\n", nd_dtype_name((nd_dtype)t), len, kind);
                CU_ASSERT_TRUE(ordered);
                CU_ASSERT_TRUE(same);
                nd_free(s);
                nd_free(ix);
                nd_free(g);
            }
            nd_free(xs);
            nd_free(x);
            nd_free(r);
        }
    }
}

static bool nan_last_less(double a, double b) { return a < b || (b != b && a == a); }

static void test_partition(void)
{
    nd_array *v = in("in_v");
    nd_array *sorted = nd_sort(v, 0, ND_SORT_QUICK);
    for (ptrdiff_t k = 0; k < 37; k += 6) {
        nd_array *p = nd_partition(v, k, 0), *ap = nd_argpartition(v, k, 0);
        double kv = nd_get_f64(p, ND_IDX(k)), want = nd_get_f64(sorted, ND_IDX(k));
        CU_ASSERT(kv == want || (kv != kv && want != want));
        bool ok = true;
        for (ptrdiff_t i = 0; i < 37; i++) {
            double x = nd_get_f64(p, ND_IDX(i));
            if (i < k) ok = ok && !nan_last_less(kv, x);
            if (i > k) ok = ok && !nan_last_less(x, kv);
        }
        CU_ASSERT_TRUE(ok);
        double via = nd_get_f64(v, ND_IDX(nd_get_i64(ap, ND_IDX(k))));
        CU_ASSERT(via == want || (via != via && want != want));
        nd_free(p);
        nd_free(ap);
    }
    CU_ASSERT_PTR_NULL(nd_partition(v, 37, 0));
    CU_ASSERT_EQUAL(nd_last_error(), ND_EVALUE);
    nd_free(sorted);
    nd_free(v);
}

static void test_searchsorted(void)
{
    nd_array *dup = in("in_dup"), *s = nd_sort(dup, 0, ND_SORT_QUICK);
    double q[] = { 0, 3, 3.5, 9, -1 };
    nd_array *qa = nd_from_f64(q, 5);
    fixture_check(FX, "searchsorted_left", nd_searchsorted(s, qa, ND_SIDE_LEFT));
    fixture_check(FX, "searchsorted_right", nd_searchsorted(s, qa, ND_SIDE_RIGHT));
    nd_free(qa);
    nd_free(s);
    nd_free(dup);
}

static void test_unique_and_sets(void)
{
    nd_array *dup = in("in_dup"), *v = in("in_v"), *w = in("in_w");
    nd_array *index, *inverse, *counts;
    fixture_check(FX, "unique_vals", nd_unique(dup, .index = &index, .inverse = &inverse, .counts = &counts));
    fixture_check(FX, "unique_index", index);
    fixture_check(FX, "unique_inverse", inverse);
    fixture_check(FX, "unique_counts", counts);
    fixture_check(FX, "unique_v", nd_unique(v));
    nd_array *w20 = nd_view(w, ":20"), *w60 = nd_view(w, ":60"), *w10 = nd_view(w, ":10"), *w30 = nd_view(w, ":30");
    fixture_check(FX, "isin", nd_isin(w20, dup));
    fixture_check(FX, "intersect", nd_intersect1d(w60, dup));
    fixture_check(FX, "union", nd_union1d(w10, dup));
    fixture_check(FX, "setdiff", nd_setdiff1d(dup, w60));
    fixture_check(FX, "setxor", nd_setxor1d(w30, dup));
    nd_array *arr[] = { dup, v, w, w20, w60, w10, w30 };
    for (size_t i = 0; i < sizeof arr / sizeof *arr; i++) nd_free(arr[i]);
}

/* -0.0 equals 0.0: a stable sort keeps the zeros in their original order with their signs
 * (NumPy's stable sort compares them equal), on the radix path (long lanes) and the
 * comparison path (short ones), for float64 and float32. */
static void check_signed_zeros(nd_dtype t, ptrdiff_t n)
{
    nd_array *x = nd_empty(1, &n, ND_FLOAT64);
    double *d = nd_data(x);
    int nzero = 0;
    for (ptrdiff_t i = 0; i < n; i++) {
        int v = (int)((i * 7919) % 7) - 3; /* -3..3 */
        d[i] = v ? v : (i % 3 == 0 ? -0.0 : 0.0);
        nzero += v == 0;
    }
    nd_array *xt = nd_astype(x, t, ND_CAST_UNSAFE);
    nd_array *s = nd_sort(xt, -1, ND_SORT_STABLE), *ix = nd_argsort(xt, -1, ND_SORT_STABLE);
    nd_array *s64 = nd_astype(s, ND_FLOAT64, ND_CAST_UNSAFE);
    CU_ASSERT_PTR_NOT_NULL_FATAL(s64);
    CU_ASSERT_PTR_NOT_NULL_FATAL(ix);
    const double *sd = nd_data(s64);
    const int64_t *id = nd_data(ix);
    ptrdiff_t first = 0;
    while (first < n && sd[first] < 0) first++;
    int bad = 0;
    ptrdiff_t k = 0;
    for (ptrdiff_t i = 0; i < n; i++) { /* the k-th zero of x is the k-th of the run */
        if (d[i] != 0) continue;
        bool neg = signbit(d[i]) != 0;
        bad += sd[first + k] != 0 || (signbit(sd[first + k]) != 0) != neg || id[first + k] != i;
        k++;
    }
    CU_ASSERT_EQUAL(k, nzero);
    CU_ASSERT_EQUAL(bad, 0);
    nd_free(x), nd_free(xt), nd_free(s), nd_free(ix), nd_free(s64);
}

static void test_sort_keeps_signed_zero_order(void)
{
    check_signed_zeros(ND_FLOAT64, 5000);
    check_signed_zeros(ND_FLOAT32, 5000);
    check_signed_zeros(ND_FLOAT64, 40);
    check_signed_zeros(ND_FLOAT32, 40);
}

static void test_bad_input(void)
{
    nd_array *s = nd_scalar_array(ND_F64(1)), *m = nd_zeros(ND_SHAPE(2, 2), ND_FLOAT64);
    CU_ASSERT_PTR_NULL(nd_sort(s, 0, ND_SORT_QUICK));
    CU_ASSERT_EQUAL(nd_last_error(), ND_EAXIS);
    CU_ASSERT_PTR_NULL(nd_argsort(m, 2, ND_SORT_QUICK));
    CU_ASSERT_EQUAL(nd_last_error(), ND_EAXIS);
    CU_ASSERT_PTR_NULL(nd_searchsorted(m, m, ND_SIDE_LEFT));
    nd_array *ro = nd_broadcast_to(m, ND_SHAPE(2, 2));
    CU_ASSERT_EQUAL(nd_sort_inplace(ro, 0, ND_SORT_QUICK), ND_EVALUE);
    nd_array *flat = nd_sort(m, ND_AXIS_NONE, ND_SORT_QUICK);
    CU_ASSERT_EQUAL(nd_ndim(flat), 1);
    nd_free(flat);
    nd_free(ro);
    nd_free(s);
    nd_free(m);
}

static const ND_TEST tests[] = {
    ND_T(test_sort_nan_last_and_axes), ND_T(test_argsort_dup_stable_and_lexsort), ND_T(test_sort_every_dtype_is_ordered),
    ND_T(test_partition),              ND_T(test_searchsorted),                   ND_T(test_unique_and_sets),
    ND_T(test_bad_input),              ND_T(test_sort_keeps_signed_zero_order), { 0 }
};
ND_TEST_MAIN("sort", tests)
