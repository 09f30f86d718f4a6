/* The broadcasting iterator: coalescing, strides, visiting order. */
#include <numc/numc.h>

#include "testutil.h"

#include <string.h>

static void test_contiguous_coalesces_to_one_loop(void)
{
    nd_array *a = test_iota(ND_SHAPE(4, 5, 6)), *b = nd_zeros(ND_SHAPE(4, 5, 6), ND_INT64);
    nd_iter it;
    CU_ASSERT_EQUAL(nd_iter_init(&it, 2, (nd_array *[]){ a, b }, 0, NULL), ND_OK);
    CU_ASSERT_EQUAL(it.ndim, 1);
    CU_ASSERT_EQUAL(it.inner_size, 120);
    CU_ASSERT_EQUAL(it.inner_strides[0], 8);
    CU_ASSERT_FALSE(nd_iter_next(&it));
    nd_free(a);
    nd_free(b);
}

static void test_broadcast_visits_in_c_order(void)
{
    nd_array *col = test_iota(ND_SHAPE(3, 1)), *row = test_iota(ND_SHAPE(4));
    nd_iter it;
    CU_ASSERT_EQUAL(nd_iter_init(&it, 2, (nd_array *[]){ col, row }, 0, NULL), ND_OK);
    CU_ASSERT_EQUAL(it.ndim, 2);
    CU_ASSERT_EQUAL(it.size, 12);
    CU_ASSERT_EQUAL(it.inner_strides[0], 0);
    CU_ASSERT_EQUAL(it.inner_strides[1], 8);
    int64_t seen[12];
    int k = 0;
    do {
        for (ptrdiff_t i = 0; i < it.inner_size; i++) {
            int64_t c = *(int64_t *)(it.ptrs[0] + i * it.inner_strides[0]);
            int64_t r = *(int64_t *)(it.ptrs[1] + i * it.inner_strides[1]);
            seen[k++] = c * 10 + r;
        }
    } while (nd_iter_next(&it));
    CU_ASSERT_EQUAL(k, 12);
    CU_ASSERT_EQUAL(seen[0], 0);
    CU_ASSERT_EQUAL(seen[5], 11);
    CU_ASSERT_EQUAL(seen[11], 23);
    nd_free(col);
    nd_free(row);
}

static void test_negative_strides_and_output_shape(void)
{
    nd_array *a = test_iota(ND_SHAPE(3, 4));
    nd_array *r = nd_view(a, "::-1, ::-2");
    nd_array *out = nd_zeros(ND_SHAPE(2, 3, 2), ND_INT64);
    nd_iter it;
    CU_ASSERT_EQUAL(nd_iter_init(&it, 2, (nd_array *[]){ out, r }, 3, nd_shape(out)), ND_OK);
    int64_t sum = 0;
    ptrdiff_t count = 0;
    do {
        for (ptrdiff_t i = 0; i < it.inner_size; i++) {
            int64_t v = *(int64_t *)(it.ptrs[1] + i * it.inner_strides[1]);
            *(int64_t *)(it.ptrs[0] + i * it.inner_strides[0]) = v;
            sum += v;
            count++;
        }
    } while (nd_iter_next(&it));
    CU_ASSERT_EQUAL(count, 12);
    CU_ASSERT_EQUAL(sum, 2 * (11 + 9 + 7 + 5 + 3 + 1));
    CU_ASSERT_EQUAL(nd_get_i64(out, ND_IDX(1, 0, 0)), 11);
    CU_ASSERT_EQUAL(nd_get_i64(out, ND_IDX(0, 2, 1)), 1);
    /* The output may not be stretched by an input. */
    nd_array *small = nd_zeros(ND_SHAPE(4), ND_INT64);
    CU_ASSERT_EQUAL(nd_iter_init(&it, 2, (nd_array *[]){ small, a }, 1, nd_shape(small)), ND_ESHAPE);
    nd_free(small);
    nd_free(out);
    nd_free(r);
    nd_free(a);
}

static void test_fortran_operands_get_a_contiguous_inner_loop(void)
{
    nd_array *a = nd_zeros(ND_SHAPE(30, 40), ND_FLOAT64);
    nd_array *f = nd_copy(a, ND_ORDER_F);
    nd_array *ft = nd_transpose(f, NULL); /* C-contiguous (40, 30) */
    nd_iter it;
    CU_ASSERT_EQUAL(nd_iter_init(&it, 2, (nd_array *[]){ f, f }, 0, NULL), ND_OK);
    CU_ASSERT_EQUAL(it.ndim, 1);
    CU_ASSERT_EQUAL(it.inner_size, 1200);
    CU_ASSERT_EQUAL(it.inner_strides[0], 8);
    /* Mixed C and F operands: the first operand decides. */
    CU_ASSERT_EQUAL(nd_iter_init(&it, 2, (nd_array *[]){ a, f }, 0, NULL), ND_OK);
    CU_ASSERT_EQUAL(it.inner_strides[0], 8);
    CU_ASSERT_EQUAL(it.inner_strides[1], 240);
    CU_ASSERT_EQUAL(nd_iter_init(&it, 1, (nd_array *[]){ ft }, 0, NULL), ND_OK);
    CU_ASSERT_EQUAL(it.ndim, 1);
    nd_free(ft);
    nd_free(f);
    nd_free(a);
}

static void test_empty_and_zero_d(void)
{
    nd_array *e = nd_zeros(ND_SHAPE(3, 0), ND_FLOAT64), *s = nd_scalar_array(ND_F64(2));
    nd_iter it;
    CU_ASSERT_EQUAL(nd_iter_init(&it, 2, (nd_array *[]){ e, s }, 0, NULL), ND_OK);
    CU_ASSERT_EQUAL(it.size, 0);
    CU_ASSERT_EQUAL(it.inner_size, 0);
    CU_ASSERT_EQUAL(nd_iter_init(&it, 1, (nd_array *[]){ s }, 0, NULL), ND_OK);
    CU_ASSERT_EQUAL(it.size, 1);
    CU_ASSERT_EQUAL(it.inner_size, 1);
    CU_ASSERT_EQUAL(*(double *)it.ptrs[0], 2.0);
    nd_free(e);
    nd_free(s);
}

static void test_mismatch_is_an_error(void)
{
    nd_array *a = nd_zeros(ND_SHAPE(3, 4), ND_FLOAT64), *b = nd_zeros(ND_SHAPE(5), ND_FLOAT64);
    nd_iter it;
    CU_ASSERT_EQUAL(nd_iter_init(&it, 2, (nd_array *[]){ a, b }, 0, NULL), ND_ESHAPE);
    CU_ASSERT_STRING_EQUAL(nd_errmsg(), "nd_iter_init: operands could not be broadcast together with shapes (3, 4) (5,)");
    nd_free(a);
    nd_free(b);
}

static void test_transposed_copy_is_exact(void)
{
    nd_array *a = test_iota(ND_SHAPE(70, 45));
    nd_array *t = nd_transpose(a, NULL);
    nd_array *c = nd_copy(t, ND_ORDER_C);
    int bad = 0;
    for (ptrdiff_t i = 0; i < 45; i++)
        for (ptrdiff_t j = 0; j < 70; j++) bad += nd_get_i64(c, ND_IDX(i, j)) != j * 45 + i;
    CU_ASSERT_EQUAL(bad, 0);
    nd_free(c);
    nd_free(t);
    nd_free(a);
}

/* A contiguous copy of 8 MiB or more is split over the threads: every byte arrives, with 1
 * thread and 2, for a length that no piece divides evenly. */
static void test_large_copy_is_exact(void)
{
    ptrdiff_t n = ((ptrdiff_t)9 << 20) + 12345; /* int8: 9 MiB + 12345 bytes */
    nd_array *a = nd_empty(1, &n, ND_INT8);
    CU_ASSERT_PTR_NOT_NULL_FATAL(a);
    int8_t *p = nd_data(a);
    for (ptrdiff_t i = 0; i < n; i++) p[i] = (int8_t)(i * 7 + i / 4099);
    int saved = nd_get_num_threads();
    for (int nt = 1; nt <= 2; nt++) {
        nd_set_num_threads(nt);
        nd_array *c = nd_copy(a, ND_ORDER_C);
        CU_ASSERT_PTR_NOT_NULL_FATAL(c);
        CU_ASSERT_EQUAL(memcmp(nd_data(c), p, (size_t)n), 0);
        nd_free(c);
    }
    nd_set_num_threads(saved);
    nd_free(a);
}

static const ND_TEST tests[] = {
    ND_T(test_large_copy_is_exact),
    ND_T(test_contiguous_coalesces_to_one_loop), ND_T(test_broadcast_visits_in_c_order),
    ND_T(test_negative_strides_and_output_shape), ND_T(test_empty_and_zero_d), ND_T(test_fortran_operands_get_a_contiguous_inner_loop),
    ND_T(test_mismatch_is_an_error), ND_T(test_transposed_copy_is_exact), { 0 }
};
ND_TEST_MAIN("iterator", tests)
