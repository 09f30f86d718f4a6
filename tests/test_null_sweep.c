/* Every public libnumc function that takes an nd_array (issue 15), called with NULL arrays,
 * each call in a forked child so that a crash fails the suite naming the function instead
 * of killing it. The rule checked: no crash; a function returning a pointer returns NULL
 * and one returning a value (status, count, flag) sets the last error. The call list is
 * generated from the headers by scripts/gen_null_sweep.py (tests/null_sweep_table.h). */
#include "testutil.h"

#include <numc/numc.h>
#include <stdint.h>
#include <stdio.h>
#include <sys/wait.h>
#include <unistd.h>

static nd_array *slots[64];
static const nd_array *list[64];
static nd_operand ops[8];
static nd_rng *rng;
static _Alignas(64) ptrdiff_t zbuf[256];

#define SWEEP(h, fn, variant, kind, body) \
    static intptr_t sweep_##fn##_##variant(void) body
#if defined(__GNUC__)
#pragma GCC diagnostic ignored "-Wnonnull"
#pragma GCC diagnostic ignored "-Wunused-result"
#endif
#include "null_sweep_table.h"
#undef SWEEP

typedef struct row {
    const char *header, *name, *variant;
    char kind; /* V: void, P: pointer result, S: scalar / status result, N: NULL passes through,
                  O: every array argument is optional (no crash is all that is asked) */
    intptr_t (*call)(void);
} row;
#define SWEEP(h, fn, variant, kind, body) { #h, #fn, #variant, (#kind)[0], sweep_##fn##_##variant },
static const row rows[] = {
#include "null_sweep_table.h"
};
#undef SWEEP

/* 0: kept the rule; 3: returned with no error set; 4: returned a non-NULL pointer. */
static int run_child(const row *r)
{
    nd_clear_error();
    intptr_t v = r->call();
    if (r->kind == 'V' || r->kind == 'O') return 0; /* O: the arrays are optional arguments */
    if (r->kind == 'N') return v != 0 ? 4 : 0;
    if (r->kind == 'P' && v != 0) return 4;
    if (nd_last_error() >= 0) return 3;
    return 0;
}

static void test_every_array_function_survives_null(void)
{
    const nd_array *x = nd_zeros(ND_SHAPE(2, 2), ND_FLOAT64);
    CU_ASSERT_PTR_NOT_NULL_FATAL(x);
    for (int i = 1; i < 64; i++) list[i] = x;
    for (int i = 0; i < 8; i++) ops[i] = nd_op_array(NULL);
    rng = nd_rng_new(1);
    size_t n = sizeof rows / sizeof rows[0], bad = 0;
    CU_ASSERT_EQUAL(n, 2 * NULL_SWEEP_NFUNCS);
    fflush(NULL);
    for (size_t i = 0; i < n; i++) {
        pid_t pid = fork();
        if (pid == 0) _exit(run_child(&rows[i]));
        int status = 0;
        CU_ASSERT_FATAL(pid > 0 && waitpid(pid, &status, 0) == pid);
        const char *why = NULL;
        char buf[64];
        if (WIFSIGNALED(status)) {
            snprintf(buf, sizeof buf, "crashed (signal %d)", WTERMSIG(status));
            why = buf;
        } else if (WEXITSTATUS(status) == 3) {
            why = "returned without setting an error";
        } else if (WEXITSTATUS(status) == 4) {
            why = "returned a non-NULL pointer";
        } else if (WEXITSTATUS(status) != 0) {
            snprintf(buf, sizeof buf, "crashed (exit %d, a sanitizer report)", WEXITSTATUS(status));
            why = buf;
        }
        if (why) {
            fprintf(stderr, "  %s (%s.h, call %s): %s\n", rows[i].name, rows[i].header,
                    rows[i].variant, why);
            bad++;
        }
    }
    if (bad) fprintf(stderr, "  %zu of %zu NULL calls broke the rule\n", bad, n);
    CU_ASSERT_EQUAL(bad, 0);
    nd_free((nd_array *)x);
    nd_rng_free(rng);
}

static void test_null_accessors_documented_values(void)
{
    nd_clear_error();
    CU_ASSERT_EQUAL(nd_ndim(NULL), -1);
    CU_ASSERT_EQUAL(nd_last_error(), ND_EVALUE);
    CU_ASSERT_EQUAL(nd_size(NULL), -1);
    CU_ASSERT_EQUAL(nd_itemsize(NULL), 0);
    CU_ASSERT_EQUAL(nd_nbytes(NULL), 0);
    CU_ASSERT_PTR_NULL(nd_shape(NULL));
    CU_ASSERT_PTR_NULL(nd_data(NULL));
    CU_ASSERT_FALSE(nd_is_writeable(NULL));
    nd_clear_error();
    nd_free(NULL); /* the one exception: a no-op, no error */
    CU_ASSERT_EQUAL(nd_last_error(), ND_OK);
}

static const ND_TEST tests[] = {
    ND_T(test_every_array_function_survives_null),
    ND_T(test_null_accessors_documented_values),
    { 0 },
};
ND_TEST_MAIN("null_sweep", tests)
