/* The default allocator's cache of freed large blocks (core/array/bigcache.c): a freed
 * large temporary is reused by the next one of its size class, small blocks are not
 * cached, nd_trim_memory empties it, threads share it safely. */
#include <numc/numc.h>

#include "testutil.h"

#include <pthread.h>
#include <stdint.h>
#include <string.h>

/* nd_zeros(n) is all zeros (after blocks with other values went to the cache); the cache
 * is emptied after. */
static void check_zeros(ptrdiff_t n)
{
    nd_array *z = nd_zeros(1, &n, ND_FLOAT64);
    CU_ASSERT_PTR_NOT_NULL_FATAL(z);
    const double *d = nd_data(z);
    bool all0 = true;
    for (ptrdiff_t i = 0; i < nd_size(z); i++) all0 &= d[i] == 0;
    CU_ASSERT(all0);
    nd_free(z);
    nd_trim_memory();
}

static void test_large_block_is_reused(void)
{
    nd_trim_memory();
    CU_ASSERT_EQUAL(nd_cached_memory(), 0);
    nd_array *a = nd_empty(1, (ptrdiff_t[]){ 1 << 18 }, ND_FLOAT64); /* 2 MiB */
    CU_ASSERT_PTR_NOT_NULL_FATAL(a);
    void *p = nd_data(a);
    nd_free(a);
    CU_ASSERT(nd_cached_memory() >= (size_t)2 << 20);
    /* the same size class (up to 25 % smaller) takes the block back */
    nd_array *b = nd_empty(1, (ptrdiff_t[]){ (1 << 18) - 1000 }, ND_FLOAT64);
    CU_ASSERT_PTR_NOT_NULL_FATAL(b);
    CU_ASSERT_PTR_EQUAL(nd_data(b), p);
    CU_ASSERT_EQUAL(nd_cached_memory(), 0);
    nd_free(b);
    /* a much smaller request does not take a block twice its size */
    nd_array *c = nd_empty(1, (ptrdiff_t[]){ 1 << 16 }, ND_FLOAT64); /* 512 KiB */
    CU_ASSERT_PTR_NOT_NULL_FATAL(c);
    CU_ASSERT_PTR_NOT_EQUAL(nd_data(c), p);
    CU_ASSERT(nd_cached_memory() >= (size_t)2 << 20);
    nd_free(c);
    nd_trim_memory();
    CU_ASSERT_EQUAL(nd_cached_memory(), 0);
}

static void test_small_blocks_are_not_cached(void)
{
    nd_trim_memory();
    nd_free(nd_empty(1, (ptrdiff_t[]){ 1000 }, ND_FLOAT64));
    CU_ASSERT_EQUAL(nd_cached_memory(), 0);
}

static void test_cache_is_bounded(void)
{
    nd_trim_memory();
    /* 40 blocks of 1 MiB: at most 16 slots are kept */
    nd_array *a[40];
    for (int i = 0; i < 40; i++) a[i] = nd_empty(1, (ptrdiff_t[]){ 1 << 17 }, ND_FLOAT64);
    for (int i = 0; i < 40; i++) nd_free(a[i]);
    size_t held = nd_cached_memory();
    CU_ASSERT(held >= (size_t)16 << 20);
    CU_ASSERT(held < ((size_t)17 << 20));
    nd_trim_memory();
}

static void *churn(void *arg)
{
    (void)arg;
    for (int i = 0; i < 200; i++) {
        nd_array *x = nd_zeros(1, (ptrdiff_t[]){ (1 << 16) + 64 * (i % 7) }, ND_FLOAT64);
        if (!x) return (void *)1;
        double *d = nd_data(x);
        d[0] = 1, d[nd_size(x) - 1] = 2;
        nd_array *y = nd_multiply(x, x);
        bool ok = y && ((double *)nd_data(y))[nd_size(y) - 1] == 4 && ((double *)nd_data(y))[1] == 0;
        nd_free(x);
        nd_free(y);
        if (!ok) return (void *)1;
    }
    return NULL;
}

static void test_threads_share_the_cache(void)
{
    pthread_t t[4];
    for (int i = 0; i < 4; i++) pthread_create(&t[i], NULL, churn, NULL);
    for (int i = 0; i < 4; i++) {
        void *r;
        pthread_join(t[i], &r);
        CU_ASSERT_PTR_NULL(r);
    }
    nd_trim_memory();
}

/* A reused block starts with old contents; nd_zeros still gives zeros. */
static void test_zeros_after_reuse(void)
{
    nd_array *a = nd_full(1, (ptrdiff_t[]){ 1 << 18 }, ND_FLOAT64, ND_F64(7));
    nd_free(a);
    check_zeros(1 << 18);
}

/* A block of 4 MiB or more is whole huge pages: 2 MiB aligned (and rounded up to 2 MiB,
 * so a request a little smaller reuses it from the cache). */
static void test_large_blocks_are_huge_page_aligned(void)
{
    nd_trim_memory();
    nd_array *a = nd_empty(1, (ptrdiff_t[]){ 5 << 17 }, ND_FLOAT64); /* 5 MiB */
    CU_ASSERT_PTR_NOT_NULL_FATAL(a);
    void *p = nd_data(a);
    CU_ASSERT_EQUAL((uintptr_t)p % ((uintptr_t)2 << 20), 0);
    nd_free(a);
    CU_ASSERT(nd_cached_memory() >= (size_t)6 << 20); /* 5 MiB rounded up to 6 */
    nd_array *b = nd_empty(1, (ptrdiff_t[]){ (6 << 17) - 8 }, ND_FLOAT64); /* 6 MiB - 64 B */
    CU_ASSERT_PTR_NOT_NULL_FATAL(b);
    CU_ASSERT_PTR_EQUAL(nd_data(b), p);
    nd_free(b);
    /* large zeros come from calloc: zero even though a 6 MiB block with old values is
     * cached */
    nd_array *f = nd_full(1, (ptrdiff_t[]){ 6 << 17 }, ND_FLOAT64, ND_F64(3));
    nd_free(f);
    check_zeros(6 << 17);
}

static const ND_TEST tests[] = {
    ND_T(test_large_blocks_are_huge_page_aligned),
    ND_T(test_large_block_is_reused),
    ND_T(test_small_blocks_are_not_cached),
    ND_T(test_cache_is_bounded),
    ND_T(test_threads_share_the_cache),
    ND_T(test_zeros_after_reuse),
    { 0 },
};

ND_TEST_MAIN("bigcache", tests)
