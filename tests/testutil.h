/* Shared helpers for the CUnit suites: one executable per test_*.c file.
 *
 *   static void test_x(void) { ... }
 *   static const ND_TEST tests[] = { ND_T(test_x), { 0 } };
 *   ND_TEST_MAIN("creation", tests)
 */
#ifndef NUMC_TESTUTIL_H
#define NUMC_TESTUTIL_H

#include <CUnit/Basic.h>
#include <CUnit/CUnit.h>
#include <math.h>
#include <numc/array.h>
#include <numc/error.h>
#include <numc/io.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

typedef struct ND_TEST {
    const char *name;
    void (*fn)(void);
} ND_TEST;

#define ND_T(fn) { #fn, fn }

/* Directory of committed fixtures (tests/data) and of the shared sample data. */
#ifndef NUMC_TEST_DATA
#define NUMC_TEST_DATA "tests/data"
#endif
#ifndef NUMC_SHARED_DATA
#define NUMC_SHARED_DATA "data"
#endif

/* 0, 1, 2, ... as int64 in the given shape (numpy.arange(n).reshape(shape)). */
static inline nd_array *test_iota(int ndim, const ptrdiff_t *shape)
{
    ptrdiff_t n = 1;
    for (int i = 0; i < ndim; i++) n *= shape[i];
    nd_array *r = nd_arange(0, (double)n, 1, ND_INT64);
    nd_array *a = nd_reshape(r, ndim, shape);
    nd_free(r);
    return a;
}

/* The .npy fixture dir + prefix + name + ".npy" (dir ends in '/'); NULL, with the path and
 * numc's message printed, when it cannot be loaded. */
static inline nd_array *test_load_npy(const char *dir, const char *prefix, const char *name)
{
    char path[512];
    snprintf(path, sizeof path, "%s%s%s.npy", dir, prefix, name);
    nd_array *a = nd_load(path);
    if (!a) printf("\n  cannot load %s: %s\n", path, nd_errmsg());
    return a;
}

/* The numbers of the line "name v1 v2 ..." of a reference text file (what the plot
 * reference scripts write: one name and its values per line) into out, at most cap; their
 * count, or -1 (printed) when the file has no such line. `name` may be several words
 * ("case label key"): the line's first words must be those. */
static inline int test_ref_values(const char *path, const char *name, double *out, int cap)
{
    FILE *f = fopen(path, "r");
    CU_ASSERT_PTR_NOT_NULL_FATAL(f);
    char line[2048];
    int n = -1;
    while (n < 0 && fgets(line, sizeof line, f)) {
        /* the line's first words must be the words of `name` */
        const char *p = line, *q = name;
        int match = 1;
        while (match && *q) {
            char w[64], k[64];
            int wu = 0, ku = 0;
            if (sscanf(q, "%63s%n", w, &wu) != 1) break;
            match = sscanf(p, "%63s%n", k, &ku) == 1 && !strcmp(k, w);
            q += wu;
            p += ku;
            while (*q == ' ') q++;
        }
        if (!match) continue;
        n = 0;
        char *end;
        for (double v = strtod(p, &end); end != p && n < cap; v = strtod(p, &end)) {
            out[n++] = v;
            p = end;
        }
    }
    fclose(f);
    CU_ASSERT(n >= 0);
    if (n < 0) printf("\n  %s has no %s\n", path, name);
    return n;
}

#define ND_ASSERT_CLOSE(a, b, tol) \
    CU_ASSERT(fabs((double)(a) - (double)(b)) <= (tol) * (1.0 + fabs((double)(b))))

/* ND_TEST_MAIN_WITH adds suite set-up and tear-down (int fn(void), 0 on success), e.g. a
 * scratch directory made before the first test and removed after the last. */
#define ND_TEST_MAIN(suite_name, tests) ND_TEST_MAIN_WITH(suite_name, tests, NULL, NULL)
#define ND_TEST_MAIN_WITH(suite_name, tests, setup, teardown)                   \
    int main(void)                                                              \
    {                                                                           \
        if (CU_initialize_registry() != CUE_SUCCESS) return 1;                  \
        CU_pSuite s = CU_add_suite(suite_name, (setup), (teardown));            \
        for (const ND_TEST *t = tests; t->name; t++) CU_add_test(s, t->name, t->fn); \
        CU_basic_set_mode(CU_BRM_VERBOSE);                                      \
        CU_basic_run_tests();                                                   \
        unsigned fails = CU_get_number_of_failures() + CU_get_number_of_tests_failed(); \
        CU_cleanup_registry();                                                  \
        return fails ? 1 : 0;                                                   \
    }

/* A suite whose tests write files into a scratch directory: `dir` (a char[64] of the test
 * file) is made as /tmp/<prefix>-XXXXXX before the first test and removed after the last.
 * ND_TEST_MAIN_TMPDIR_INIT also calls `init()` (void, e.g. filling the suite's data) first. */
#define ND_TEST_MAIN_TMPDIR(suite_name, tests, dir, prefix)                     \
    static void nd__no_init(void) {}                                            \
    ND_TEST_MAIN_TMPDIR_INIT(suite_name, tests, dir, prefix, nd__no_init)
#define ND_TEST_MAIN_TMPDIR_INIT(suite_name, tests, dir, prefix, init)          \
    static int nd__tmpdir_make(void)                                            \
    {                                                                           \
        init();                                                                 \
        snprintf(dir, sizeof dir, "/tmp/%s-XXXXXX", prefix);                    \
        return mkdtemp(dir) ? 0 : 1;                                            \
    }                                                                           \
    static int nd__tmpdir_remove(void)                                          \
    {                                                                           \
        char cmd[sizeof dir + 16];                                              \
        snprintf(cmd, sizeof cmd, "rm -rf '%s'", dir);                          \
        if (system(cmd) != 0) fprintf(stderr, "could not remove %s\n", dir);    \
        return 0;                                                               \
    }                                                                           \
    ND_TEST_MAIN_WITH(suite_name, tests, nd__tmpdir_make, nd__tmpdir_remove)

#endif
