/* What test_fancy.c and test_index_routines.c share: their fixture file
 * (scripts/gen_fancy_fixtures.py → tests/data/fancy/fancy.txt) and small helpers. */
#ifndef NUMC_TEST_FANCY_SUITE_H
#define NUMC_TEST_FANCY_SUITE_H

#include <string.h>

#include "fixture.h"

#define FX NUMC_TEST_DATA "/fancy/fancy.txt"

static inline nd_array *in(const char *name) { return fixture_load(FX, name); }

/* IX(3, -1, 0): a new 1-d int64 array of the listed values. */
static inline nd_array *i64s(ptrdiff_t n, const int64_t *v) { return nd_from_i64(v, n); }
#define IX(...) i64s((ptrdiff_t)(sizeof((int64_t[]){ __VA_ARGS__ }) / sizeof(int64_t)), (int64_t[]){ __VA_ARGS__ })

/* Assert that the last error has `code` and its message contains `text`. */
static inline void expect_error(nd_status code, const char *text)
{
    CU_ASSERT_EQUAL(nd_last_error(), code);
    if (!strstr(nd_errmsg(), text)) printf("\n  message \"%s\" lacks \"%s\"\n", nd_errmsg(), text);
    CU_ASSERT_PTR_NOT_NULL(strstr(nd_errmsg(), text));
}

#endif
