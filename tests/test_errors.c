/* The error model: messages, allocation failure, limits, inputs untouched. */
#include <numc/numc.h>
#include <stdio.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "testutil.h"

static int allow; /* allocations that succeed before the hook starts failing */

static void *failing_alloc(size_t n, void *ctx)
{
    (void)ctx;
    if (allow-- <= 0) return NULL;
    return malloc(n);
}

static void plain_free(void *p, void *ctx)
{
    (void)ctx;
    free(p);
}

static void test_allocation_failure_is_reported(void)
{
    nd_array *src = nd_arange(0, 100, 1, ND_FLOAT64);
    nd_array *t = nd_reshape(src, ND_SHAPE(10, 10));
    nd_free(src);
    /* Fail at every possible allocation of a few operations: never a crash or leak. */
    for (int k = 0; k < 6; k++) {
        allow = k;
        nd_set_allocator(&(nd_allocator){ failing_alloc, plain_free, NULL });
        nd_array *z = nd_zeros(ND_SHAPE(4, 4), ND_FLOAT64);
        nd_array *c = nd_copy(t, ND_ORDER_F);
        nd_array *v = nd_view(t, "::2, 1:");
        nd_set_allocator(NULL);
        if (!z) CU_ASSERT_EQUAL(nd_last_error(), ND_ENOMEM);
        nd_free(z);
        nd_free(c);
        nd_free(v);
    }
    allow = 0;
    nd_set_allocator(&(nd_allocator){ failing_alloc, plain_free, NULL });
    CU_ASSERT_PTR_NULL(nd_zeros(ND_SHAPE(3), ND_INT8));
    nd_set_allocator(NULL);
    CU_ASSERT_EQUAL(nd_last_error(), ND_ENOMEM);
    CU_ASSERT_PTR_NOT_NULL(strstr(nd_errmsg(), "nd_zeros: out of memory"));
    nd_free(t);
}

static void test_limits(void)
{
    ptrdiff_t shape[ND_MAXDIMS + 1];
    for (int i = 0; i <= ND_MAXDIMS; i++) shape[i] = 1;
    CU_ASSERT_PTR_NULL(nd_zeros(ND_MAXDIMS + 1, shape, ND_FLOAT64));
    CU_ASSERT_EQUAL(nd_last_error(), ND_EVALUE);
    CU_ASSERT_PTR_NOT_NULL(nd_errmsg()[0] ? strstr(nd_errmsg(), "ndim 33") : NULL);
    nd_array *ok = nd_zeros(ND_MAXDIMS, shape, ND_FLOAT64);
    CU_ASSERT_PTR_NOT_NULL(ok);
    CU_ASSERT_PTR_NULL(nd_expand_dims(ok, 0));
    nd_free(ok);
    CU_ASSERT_PTR_NULL(nd_empty(ND_SHAPE(3, -2), ND_FLOAT64));
    CU_ASSERT_STRING_EQUAL(nd_errmsg(), "nd_empty: negative dimensions are not allowed (shape (3, -2))");
    CU_ASSERT_PTR_NULL(nd_empty(ND_SHAPE(PTRDIFF_MAX / 2, 4), ND_FLOAT64));
    CU_ASSERT_EQUAL(nd_last_error(), ND_ENOMEM);
    CU_ASSERT_PTR_NULL(nd_empty(ND_SHAPE(1 << 30, 1 << 30, 1 << 30), ND_INT8));
    CU_ASSERT_EQUAL(nd_last_error(), ND_ENOMEM);
    /* NumPy refuses these too: the strides of the nonzero extents would overflow. */
    CU_ASSERT_PTR_NULL(nd_empty(ND_SHAPE(PTRDIFF_MAX / 2, 4, 0), ND_FLOAT64));
    CU_ASSERT_EQUAL(nd_last_error(), ND_ENOMEM);
    CU_ASSERT_PTR_NULL(nd_empty(ND_SHAPE(0, (ptrdiff_t)1 << 62, 3), ND_INT8));
    nd_array *e = nd_empty(ND_SHAPE(1 << 20, 0, 1 << 20), ND_FLOAT64); /* size 0 is fine */
    CU_ASSERT_PTR_NOT_NULL(e);
    CU_ASSERT_EQUAL(nd_size(e), 0);
    nd_free(e);
    CU_ASSERT_PTR_NULL(nd_zeros(ND_SHAPE(2), (nd_dtype)42));
    CU_ASSERT_EQUAL(nd_last_error(), ND_EDTYPE);
}

static void test_failure_leaves_input_unchanged(void)
{
    nd_array *a = nd_arange(0, 12, 1, ND_FLOAT64);
    CU_ASSERT_PTR_NULL(nd_reshape(a, ND_SHAPE(5, -1)));
    CU_ASSERT_EQUAL(nd_ndim(a), 1);
    CU_ASSERT_EQUAL(nd_shape(a)[0], 12);
    nd_array *b = nd_zeros(ND_SHAPE(3), ND_FLOAT64);
    CU_ASSERT_EQUAL(nd_assign(b, a, 0), ND_ESHAPE);
    CU_ASSERT_EQUAL(nd_get_f64(b, ND_IDX(0)), 0.0);
    nd_array *i = nd_zeros(ND_SHAPE(12), ND_INT32);
    CU_ASSERT_EQUAL(nd_assign(i, a, ND_CAST_SAFE), ND_EDTYPE);
    CU_ASSERT_EQUAL(nd_get_i64(i, ND_IDX(5)), 0);
    CU_ASSERT_EQUAL(nd_assign(i, a, ND_CAST_UNSAFE), ND_OK);
    CU_ASSERT_EQUAL(nd_get_i64(i, ND_IDX(5)), 5);
    nd_free(a);
    nd_free(b);
    nd_free(i);
}

static void test_clear_and_names(void)
{
    nd_clear_error();
    CU_ASSERT_EQUAL(nd_last_error(), ND_OK);
    CU_ASSERT_STRING_EQUAL(nd_errmsg(), "");
    CU_ASSERT_STRING_EQUAL(nd_status_name(ND_ELINALG), "ND_ELINALG");
    nd_free(NULL);
    nd_free_mem(NULL);
}

typedef struct warn_seen { char msg[64]; unsigned bits; int n; } warn_seen;
static void record_warning(const char *msg, unsigned bits, void *ctx)
{
    warn_seen *w = ctx;
    snprintf(w->msg, sizeof w->msg, "%s", msg);
    w->bits = bits;
    w->n++;
}

/* nd_warn goes through the same handler as floating-point warnings (bits 0 for it). */
static void test_warning_channel(void)
{
    warn_seen w = { "", 99, 0 };
    nd_seterrcall(record_warning, &w);
    nd_warn("nd_polyfit: %s", "polyfit may be poorly conditioned");
    CU_ASSERT_EQUAL(w.n, 1);
    CU_ASSERT_EQUAL(w.bits, 0);
    CU_ASSERT_STRING_EQUAL(w.msg, "nd_polyfit: polyfit may be poorly conditioned");
    nd_array *z = nd_zeros(ND_SHAPE(2), ND_FLOAT64);
    nd_array *r = nd_divide(1.0, z);
    CU_ASSERT_EQUAL(w.n, 2);
    CU_ASSERT_EQUAL(w.bits, ND_FPE_DIVIDE);
    nd_free(r);
    nd_free(z);
    nd_seterrcall(NULL, NULL);
}

/* The public allocator API: nd_calloc refuses overflow, nd_strdup copies, errors name who. */
static void test_public_allocator(void)
{
    char *s = nd_strdup("abc", "mylib_fn");
    CU_ASSERT_PTR_NOT_NULL_FATAL(s);
    CU_ASSERT_STRING_EQUAL(s, "abc");
    nd_free_mem(s);
    CU_ASSERT_PTR_NULL(nd_calloc(SIZE_MAX / 2, 4, "mylib_fn"));
    CU_ASSERT_EQUAL(nd_last_error(), ND_ENOMEM);
    CU_ASSERT_PTR_NOT_NULL(strstr(nd_errmsg(), "mylib_fn"));
    CU_ASSERT_EQUAL(nd_set_error(ND_EVALUE, "mylib_fn: bad %d", 7), ND_EVALUE);
    CU_ASSERT_STRING_EQUAL(nd_errmsg(), "mylib_fn: bad 7");
    nd_free_mem(NULL);
}

/* Large nd_calloc blocks (fresh pages from calloc, advised for huge pages) are zero,
 * also right after a written block of the same size was freed (and maybe cached for
 * reuse by nd_malloc), and are ordinary blocks: writable to the end, freed by
 * nd_free_mem. Sizes around the 4 MiB threshold and odd ones. */
static void test_large_calloc_is_zero(void)
{
    const size_t sizes[] = { (4u << 20) - 8, 4u << 20, (10u << 20) + 12345, 80000000 };
    for (size_t k = 0; k < sizeof sizes / sizeof *sizes; k++) {
        size_t n = sizes[k];
        unsigned char *w = nd_malloc(n, "t");
        CU_ASSERT_PTR_NOT_NULL_FATAL(w);
        memset(w, 0xAB, n);
        nd_free_mem(w);
        unsigned char *z = nd_calloc(n / 8, 8, "t");
        CU_ASSERT_PTR_NOT_NULL_FATAL(z);
        size_t nonzero = 0;
        for (size_t i = 0; i < n / 8 * 8; i++) nonzero += z[i] != 0;
        CU_ASSERT_EQUAL(nonzero, 0);
        z[0] = z[n / 8 * 8 - 1] = 1;
        nd_free_mem(z);
    }
}

static const ND_TEST tests[] = {
    ND_T(test_warning_channel), ND_T(test_public_allocator), ND_T(test_large_calloc_is_zero),
    ND_T(test_allocation_failure_is_reported), ND_T(test_limits),
    ND_T(test_failure_leaves_input_unchanged), ND_T(test_clear_and_names), { 0 }
};
ND_TEST_MAIN("errors", tests)
