/* sum and mean of timedelta64 arrays (core/datetime/dt_reduce.c). Expected values are
 * NumPy 1.24's output for the same calls (in each comment). */
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

static const ND_TEST tests[] = {
    ND_T(test_sum_and_mean),
    { 0 },
};

ND_TEST_MAIN("datetime_reduce", tests)
