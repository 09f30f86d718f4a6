/* Hostile sizes (issue 15): counts that overflow a size computation or a signed shape /
 * stride product are errors naming the count, never a wrapped allocation or UB. Run under
 * ASan+UBSan (-fsanitize=float-cast-overflow too) in the sanitizer build. */
#include "testutil.h"

#include <numc/error.h>
#include <numc/manip.h>
#include <numc/stats.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

static void test_histogram_2_61_bins_is_enomem_naming_count(void)
{
    nd_array *a = nd_from_f64((const double[]){ 1, 2, 3 }, 3), *h = NULL, *e = NULL;
    /* (2^61 + 1) * 8 wraps to 8 bytes */
    CU_ASSERT_EQUAL(nd_histogram(a, &h, &e, (ptrdiff_t)1 << 61), ND_ENOMEM);
    CU_ASSERT_PTR_NOT_NULL(strstr(nd_errmsg(), "2305843009213693952"));
    CU_ASSERT_PTR_NULL(h);
    CU_ASSERT_EQUAL(nd_histogram(a, &h, &e, PTRDIFF_MAX), ND_ENOMEM);
    CU_ASSERT_PTR_NOT_NULL(strstr(nd_errmsg(), "9223372036854775807"));
    nd_free(a);
}

static void test_histogram_auto_rule_on_huge_integers_is_enomem(void)
{
    /* nplot -k hist on a 9-line CSV of integers up to 2^61 */
    int64_t v[9] = { 0, 1, 2, 3, 4, 5, 6, 7, (int64_t)1 << 61 };
    nd_array *a = nd_from_i64(v, 9), *h = NULL, *e = NULL;
    for (int rule = ND_BINS_AUTO; rule <= ND_BINS_DOANE; rule++) {
        nd_status st = nd_histogram(a, &h, &e, 0, .rule = (nd_bin_rule)rule);
        if (st == ND_OK) {
            /* rules that ask for few bins succeed: the edges are consistent */
            CU_ASSERT_EQUAL(nd_size(e), nd_size(h) + 1);
        } else {
            CU_ASSERT_EQUAL(st, ND_ENOMEM);
            CU_ASSERT_PTR_NOT_NULL(strstr(nd_errmsg(), "bins"));
        }
        nd_free(h);
        nd_free(e);
        h = e = NULL;
    }
    CU_ASSERT_EQUAL(nd_histogram(a, &h, &e, 0, .rule = ND_BINS_AUTO), ND_ENOMEM);
    /* .max_bins caps the rule's count before the edges are allocated: 1000 equal bins
     * over [0, 2^61], all nine values counted */
    CU_ASSERT_EQUAL(nd_histogram(a, &h, &e, 0, .rule = ND_BINS_AUTO, .max_bins = 1000), ND_OK);
    CU_ASSERT_EQUAL(nd_size(h), 1000);
    CU_ASSERT_EQUAL(nd_size(e), 1001);
    CU_ASSERT_EQUAL(nd_get_f64(e, ND_IDX(0)), 0.0);
    CU_ASSERT_EQUAL(nd_get_f64(e, ND_IDX(1000)), 0x1p61);
    CU_ASSERT_EQUAL(nd_get_i64(h, ND_IDX(0)), 8);
    CU_ASSERT_EQUAL(nd_get_i64(h, ND_IDX(999)), 1);
    nd_free(h);
    nd_free(e);
    /* a count under the cap is NumPy's: 'sturges' asks for 5 bins here (6 edges) */
    e = nd_histogram_bin_edges(a, 0, .rule = ND_BINS_STURGES, .max_bins = 1000);
    CU_ASSERT_EQUAL(nd_size(e), 6);
    nd_free(e);
    nd_free(a);
}

static void test_histogramdd_bin_product_overflow_is_enomem(void)
{
    nd_array *s = nd_from_f64((const double[]){ 0, 1, 2, 3 }, 4);
    nd_array *r = nd_reshape(s, 2, (const ptrdiff_t[]){ 2, 2 }), *h = NULL;
    ptrdiff_t each[2] = { (ptrdiff_t)1 << 40, (ptrdiff_t)1 << 40 };
    CU_ASSERT_EQUAL(nd_histogramdd(r, &h, NULL, 0, .bins_each = each), ND_ENOMEM);
    CU_ASSERT_PTR_NULL(h);
    ptrdiff_t big[2] = { (ptrdiff_t)1 << 61, 2 };
    CU_ASSERT_EQUAL(nd_histogramdd(r, &h, NULL, 0, .bins_each = big), ND_ENOMEM);
    CU_ASSERT_PTR_NOT_NULL(strstr(nd_errmsg(), "2305843009213693952"));
    nd_free(r);
    nd_free(s);
}

static void test_bincount_int64_max_is_enomem_not_negative_dims(void)
{
    int64_t v[2] = { 1, INT64_MAX };
    nd_array *x = nd_from_i64(v, 2);
    CU_ASSERT_PTR_NULL(nd_bincount(x, NULL, 0));
    CU_ASSERT_EQUAL(nd_last_error(), ND_ENOMEM);
    CU_ASSERT_PTR_NULL(strstr(nd_errmsg(), "negative"));
    CU_ASSERT_PTR_NOT_NULL(strstr(nd_errmsg(), "9223372036854775807"));
    nd_free(x);
}

static void test_tile_reps_2_62_is_error(void)
{
    nd_array *a = nd_from_f64((const double[]){ 1, 2, 3, 4 }, 4);
    ptrdiff_t reps[1] = { (ptrdiff_t)1 << 62 };
    CU_ASSERT_PTR_NULL(nd_tile(a, 1, reps));
    CU_ASSERT_EQUAL(nd_last_error(), ND_ENOMEM);
    ptrdiff_t reps2[2] = { (ptrdiff_t)1 << 62, (ptrdiff_t)1 << 62 };
    CU_ASSERT_PTR_NULL(nd_tile(a, 2, reps2));
    nd_free(a);
}

static void test_slice_step_near_int64_max_is_view(void)
{
    nd_array *a = nd_from_f64((const double[]){ 1, 2, 3, 4 }, 4);
    nd_array *v = nd_view(a, "::9223372036854775807");
    CU_ASSERT_PTR_NOT_NULL_FATAL(v);
    CU_ASSERT_EQUAL(nd_size(v), 1);
    CU_ASSERT_EQUAL(*(double *)nd_data(v), 1.0);
    nd_free(v);
    v = nd_view(a, "::-9223372036854775807");
    CU_ASSERT_PTR_NOT_NULL_FATAL(v);
    CU_ASSERT_EQUAL(nd_size(v), 1);
    CU_ASSERT_EQUAL(*(double *)nd_data(v), 4.0);
    nd_free(v);
    v = nd_view(a, "1:9223372036854775807:4611686018427387904");
    CU_ASSERT_PTR_NOT_NULL_FATAL(v);
    CU_ASSERT_EQUAL(nd_size(v), 1);
    CU_ASSERT_EQUAL(*(double *)nd_data(v), 2.0);
    nd_free(v);
    /* the structured API shares the arithmetic */
    nd_index ix = ND_SLICE(ND_NONE, ND_NONE, PTRDIFF_MAX - 1);
    v = nd_slice(a, 1, &ix);
    CU_ASSERT_PTR_NOT_NULL_FATAL(v);
    CU_ASSERT_EQUAL(nd_size(v), 1);
    nd_free(v);
    ix = ND_SLICE(-9223372036854775807, 9223372036854775807, -PTRDIFF_MAX);
    v = nd_slice(a, 1, &ix);
    CU_ASSERT_PTR_NOT_NULL_FATAL(v);
    CU_ASSERT_EQUAL(nd_size(v), 0);
    nd_free(v);
    nd_free(a);
}

/* The slice-string parser is a loop, not a recursion: a megabyte of brackets, colons,
 * commas, ellipses or digits is an error (or a view), never a stack overflow. */
static char *repeat(const char *unit, size_t times)
{
    size_t u = strlen(unit);
    char *s = malloc(u * times + 1);
    if (!s) return NULL;
    for (size_t i = 0; i < times; i++) memcpy(s + i * u, unit, u);
    s[u * times] = '\0';
    return s;
}

static void test_slice_strings_deep_and_long(void)
{
    nd_array *a = nd_arange(0, 120, 1, ND_INT32);
    nd_array *r = nd_reshape(a, ND_SHAPE(2, 3, 4, 5));
    CU_ASSERT_PTR_NOT_NULL_FATAL(r);
    static const char *const units[] = { "[", "(", ":", "0,", "...,", "9", "-", " ", "::-1," };
    for (size_t i = 0; i < sizeof units / sizeof *units; i++) {
        char *s = repeat(units[i], 1 << 20);
        CU_ASSERT_PTR_NOT_NULL_FATAL(s);
        nd_clear_error();
        nd_array *v = nd_view(r, s);
        if (!v) CU_ASSERT_NOT_EQUAL(nd_last_error(), ND_OK);
        nd_free(v);
        free(s);
    }
    nd_free(r);
    nd_free(a);
}

static void test_nd_malloc_n_overflow_message(void)
{
    /* the public allocator already checks its own product */
    CU_ASSERT_PTR_NULL(nd_calloc(SIZE_MAX / 4, 8, "t"));
    CU_ASSERT_EQUAL(nd_last_error(), ND_ENOMEM);
}

static const ND_TEST tests[] = {
    ND_T(test_histogram_2_61_bins_is_enomem_naming_count),
    ND_T(test_histogram_auto_rule_on_huge_integers_is_enomem),
    ND_T(test_histogramdd_bin_product_overflow_is_enomem),
    ND_T(test_bincount_int64_max_is_enomem_not_negative_dims),
    ND_T(test_tile_reps_2_62_is_error),
    ND_T(test_slice_step_near_int64_max_is_view),
    ND_T(test_slice_strings_deep_and_long),
    ND_T(test_nd_malloc_n_overflow_message),
    { 0 },
};
ND_TEST_MAIN("limits", tests)
