/* Autorelease scopes: nd_sum(nd_square(nd_subtract(y, p))) inside a scope leaks nothing
 * (the ASan build checks leaks), nd_keep moves an array out, nd_free inside a scope does
 * not double free, scopes nest and are per thread. */
#include <numc/numc.h>

#include "testutil.h"

static void test_expression_freed_at_scope_end(void)
{
    nd_array *y = nd_arange(0, 4, 1, ND_FLOAT64), *p = nd_zeros(ND_SHAPE(4), ND_FLOAT64);
    CU_ASSERT_EQUAL(nd_scope_begin(), ND_OK);
    CU_ASSERT_EQUAL(nd_scope_depth(), 1);
    /* 0 + 1 + 4 + 9 */
    CU_ASSERT_EQUAL(nd_item_f64(nd_sum(nd_square(nd_subtract(y, p)))), 14);
    nd_array *early = nd_add(y, 1.0);
    nd_free(early); /* freed early: nd_scope_end must not free it again */
    nd_array *kept = nd_keep(nd_multiply(y, 2.0));
    CU_ASSERT_EQUAL(nd_scope_end(), ND_OK);
    CU_ASSERT_EQUAL(nd_scope_depth(), 0);
    CU_ASSERT_EQUAL(nd_get_f64(kept, ND_IDX(3)), 6);
    nd_free(kept);
    CU_ASSERT_EQUAL(nd_scope_end(), ND_EVALUE);
    nd_free(y);
    nd_free(p);
}

static void test_nested_scopes_and_keep(void)
{
    nd_scope_begin();
    nd_array *outer = nd_ones(ND_SHAPE(2), ND_FLOAT64);
    nd_scope_begin();
    nd_array *inner = nd_keep(nd_add(outer, outer)); /* moves to the outer scope */
    nd_array *view = nd_ref(outer);                  /* views are listed too */
    (void)view;
    nd_scope_end();
    CU_ASSERT_EQUAL(nd_get_f64(inner, ND_IDX(1)), 2);
    CU_ASSERT_EQUAL(nd_get_f64(outer, ND_IDX(0)), 1);
    nd_scope_end(); /* frees outer and inner */
}

static void test_table_columns_survive_scope(void)
{
    const char csv[] = "a,b\n1,2\n3,4\n";
    nd_scope_begin();
    nd_table *t = nd_read_csv_buffer(csv, sizeof csv - 1, NULL);
    CU_ASSERT_PTR_NOT_NULL(t);
    nd_scope_end();
    nd_table_free(t); /* its columns were not freed by the scope (ASan would see it) */
}

static void test_scope_is_per_thread_state(void)
{
    /* no scope open: arrays are plain, nd_keep passes them through */
    nd_array *a = nd_zeros(ND_SHAPE(3), ND_FLOAT64);
    CU_ASSERT_PTR_EQUAL(nd_keep(a), a);
    CU_ASSERT_PTR_NULL(nd_keep(NULL));
    nd_free(a);
}

static const ND_TEST tests[] = {
    ND_T(test_expression_freed_at_scope_end),
    ND_T(test_nested_scopes_and_keep),
    ND_T(test_table_columns_survive_scope),
    ND_T(test_scope_is_per_thread_state),
    { 0 },
};
ND_TEST_MAIN("scope", tests)
