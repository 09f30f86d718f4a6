/* sum and mean of timedelta64 arrays (core/datetime/dt_reduce.c), diff and histogram of
 * dates. Expected values are NumPy 1.24's output for the same calls (in each comment). */
#include <numc/numc.h>

#include "testutil.h"

#include <string.h>

static nd_array *td(int ndim, const ptrdiff_t *shape, const int64_t *v, nd_dtunit u)
{
    nd_array *a = nd_empty(ndim, shape, ND_TIMEDELTA64_OF(u));
    CU_ASSERT_PTR_NOT_NULL_FATAL(a);
    memcpy(nd_data(a), v, (size_t)nd_size(a) * 8);
    return a;
}

static void expect(nd_array *r, nd_dtype t, ptrdiff_t n, const int64_t *want)
{
    CU_ASSERT_PTR_NOT_NULL_FATAL(r);
    CU_ASSERT_EQUAL(nd_dtype_of(r), t);
    CU_ASSERT_EQUAL(nd_size(r), n);
    const int64_t *g = nd_data(r);
    for (ptrdiff_t i = 0; i < n && nd_size(r) == n; i++) CU_ASSERT_EQUAL(g[i], want[i]);
    nd_free(r);
}

static void test_sum_and_mean(void)
{
    nd_dtype s = ND_TIMEDELTA64_OF(ND_DT_s);
    /* np.array([1, 2], 'm8[s]'): mean 1 s (truncated), sum 3 s */
    nd_array *a = td(1, (ptrdiff_t[]){ 2 }, (int64_t[]){ 1, 2 }, ND_DT_s);
    expect(nd_mean(a), s, 1, (int64_t[]){ 1 });
    expect(nd_sum(a), s, 1, (int64_t[]){ 3 });
    nd_free(a);
    /* [1, 2, 4] -> 2; [-1, -2, -4] -> -2 (toward zero) */
    a = td(1, (ptrdiff_t[]){ 3 }, (int64_t[]){ 1, 2, 4 }, ND_DT_s);
    expect(nd_mean(a), s, 1, (int64_t[]){ 2 });
    nd_free(a);
    a = td(1, (ptrdiff_t[]){ 3 }, (int64_t[]){ -1, -2, -4 }, ND_DT_s);
    expect(nd_mean(a), s, 1, (int64_t[]){ -2 });
    nd_free(a);
    /* a NaT makes the lane NaT */
    a = td(1, (ptrdiff_t[]){ 2 }, (int64_t[]){ 1, ND_NAT }, ND_DT_s);
    expect(nd_mean(a), s, 1, (int64_t[]){ ND_NAT });
    expect(nd_sum(a), s, 1, (int64_t[]){ ND_NAT });
    nd_free(a);
    /* [[1, 2], [3, 5]] m8[h]: mean(axis=0) [2, 3], sum(axis=1) [3, 8] */
    a = td(2, (ptrdiff_t[]){ 2, 2 }, (int64_t[]){ 1, 2, 3, 5 }, ND_DT_h);
    expect(nd_mean(a, 0), ND_TIMEDELTA64_OF(ND_DT_h), 2, (int64_t[]){ 2, 3 });
    expect(nd_sum(a, 1), ND_TIMEDELTA64_OF(ND_DT_h), 2, (int64_t[]){ 3, 8 });
    nd_free(a);
    /* the mean of nothing is NaT */
    a = nd_empty(1, (ptrdiff_t[]){ 0 }, s);
    expect(nd_mean(a), s, 1, (int64_t[]){ ND_NAT });
    nd_free(a);
    /* datetime64 does not add (NumPy: UFuncTypeError) */
    nd_array *d = nd_zeros(1, (ptrdiff_t[]){ 2 }, ND_DATETIME64_OF(ND_DT_D));
    nd_clear_error();
    CU_ASSERT_PTR_NULL(nd_sum(d));
    CU_ASSERT_EQUAL(nd_last_error(), ND_EDTYPE);
    CU_ASSERT_PTR_NULL(nd_mean(d));
    nd_free(d);
}

static nd_array *dates(ptrdiff_t n, const char *const *s, nd_dtunit u)
{
    nd_array *a = nd_datetime64_from_strings(n, s, ND_DATETIME64_OF(u));
    CU_ASSERT_PTR_NOT_NULL_FATAL(a);
    return a;
}

static void test_diff_of_dates(void)
{
    /* np.diff(np.array(['2020-01-01', '2020-03-05', '2021-01-01'], 'M8[D]')): [64 302] m8[D];
     * n=2: [238] */
    nd_array *d = dates(3, (const char *const[]){ "2020-01-01", "2020-03-05", "2021-01-01" }, ND_DT_D);
    expect(nd_diff(d), ND_TIMEDELTA64_OF(ND_DT_D), 2, (int64_t[]){ 64, 302 });
    expect(nd_diff(d, .n = 2), ND_TIMEDELTA64_OF(ND_DT_D), 1, (int64_t[]){ 238 });
    nd_free(d);
}

static void test_histogram_of_dates(void)
{
    /* d = np.array(['2020-01-01T10:00', '2020-03-05', 'NaT', '2021-01-01'], 'M8[s]')
     * b = np.array(['2020-01-01', '2020-02-01', '2021-01-01'], 'M8[D]')
     * np.histogram(d, bins=b) → [1 2], b (datetime64[D]); weights [1.5, 2, 3, 4] → [1.5 6.]
     * density=True → [0.010752688172043012 0.0019900497512437812] (widths in days) */
    nd_array *d = dates(4, (const char *const[]){ "2020-01-01T10:00", "2020-03-05", "NaT", "2021-01-01" },
                        ND_DT_s);
    nd_array *b = dates(3, (const char *const[]){ "2020-01-01", "2020-02-01", "2021-01-01" }, ND_DT_D);
    nd_array *h = NULL, *e = NULL;
    CU_ASSERT_EQUAL_FATAL(nd_histogram(d, &h, &e, .edges = b), ND_OK);
    expect(h, ND_INT64, 2, (int64_t[]){ 1, 2 });
    CU_ASSERT_EQUAL(nd_dtype_of(e), ND_DATETIME64_OF(ND_DT_D));
    CU_ASSERT(memcmp(nd_data(e), nd_data(b), 24) == 0);
    nd_free(e);
    double wv[4] = { 1.5, 2, 3, 4 };
    nd_array *w = nd_from_f64(wv, 4);
    CU_ASSERT_EQUAL_FATAL(nd_histogram(d, &h, NULL, .edges = b, .weights = w), ND_OK);
    CU_ASSERT_EQUAL(nd_dtype_of(h), ND_FLOAT64);
    CU_ASSERT_EQUAL(((double *)nd_data(h))[0], 1.5);
    CU_ASSERT_EQUAL(((double *)nd_data(h))[1], 6.0);
    nd_free(h);
    CU_ASSERT_EQUAL_FATAL(nd_histogram(d, &h, NULL, .edges = b, .density = true), ND_OK);
    CU_ASSERT_DOUBLE_EQUAL(((double *)nd_data(h))[0], 0.010752688172043012, 1e-17);
    CU_ASSERT_DOUBLE_EQUAL(((double *)nd_data(h))[1], 0.0019900497512437812, 1e-17);
    nd_free(h);
    /* np.histogram(np.array([5, 10, 20], 'm8[h]'), bins=np.array([0, 1, 2], 'm8[D]')) → [3 0] */
    nd_array *t = td(1, (ptrdiff_t[]){ 3 }, (int64_t[]){ 5, 10, 20 }, ND_DT_h);
    nd_array *tb = td(1, (ptrdiff_t[]){ 3 }, (int64_t[]){ 0, 1, 2 }, ND_DT_D);
    CU_ASSERT_EQUAL_FATAL(nd_histogram(t, &h, NULL, .edges = tb), ND_OK);
    expect(h, ND_INT64, 2, (int64_t[]){ 3, 0 });
    /* what NumPy refuses: bins it would compute (TypeError), edges of the other kind
     * (TypeError), edges that decrease (ValueError); digitize of dates (TypeError) */
    CU_ASSERT_EQUAL(nd_histogram(d, &h, NULL), ND_EDTYPE);
    CU_ASSERT_EQUAL(nd_histogram(d, &h, NULL, .edges = tb), ND_EDTYPE);
    CU_ASSERT_PTR_NOT_NULL(strstr(nd_errmsg(), "Cannot cast array data from dtype('timedelta64[D]')"));
    int64_t *bv = nd_data(b);
    int64_t keep = bv[0];
    bv[0] = bv[2];
    CU_ASSERT_EQUAL(nd_histogram(d, &h, NULL, .edges = b), ND_EVALUE);
    bv[0] = keep;
    CU_ASSERT_PTR_NULL(nd_digitize(d, b, false));
    CU_ASSERT_EQUAL(nd_last_error(), ND_EDTYPE);
    nd_free(w);
    nd_free(t);
    nd_free(tb);
    nd_free(d);
    nd_free(b);
}

static const ND_TEST tests[] = {
    ND_T(test_sum_and_mean),
    ND_T(test_diff_of_dates),
    ND_T(test_histogram_of_dates),
    { 0 },
};

ND_TEST_MAIN("datetime_reduce", tests)
