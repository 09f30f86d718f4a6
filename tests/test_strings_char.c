/* numpy.char on 'U' and 'S' arrays against NumPy fixtures (tests/data/strings/gen.py,
 * char.txt): every function, its result width and its values. */
#include <numc/numc.h>

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "strings_fixture.h"

/* One call of a fixture line: name, arguments (s:<hex>, i:<int>, i:end, n), '=' result. */
static nd_array *call(const nd_array *a, const fline *L, int *eq)
{
    const char *name = L->tok[0];
    char *s[3] = { NULL, NULL, NULL };
    ptrdiff_t iv[3] = { 0, 0, 0 };
    int ns = 0, ni = 0, k = 1;
    for (; strcmp(L->tok[k], "="); k++) {
        const char *t = L->tok[k];
        if (t[0] == 's') s[ns++] = unhex(t + 2, NULL);
        else if (t[0] == 'n') s[ns++] = NULL;
        else iv[ni++] = strcmp(t + 2, "end") ? atoll(t + 2) : ND_CHAR_END;
    }
    *eq = k;
    nd_array *r = NULL;
#define IS(x) (!strcmp(name, x))
    if (IS("upper")) r = nd_char_upper(a);
    else if (IS("lower")) r = nd_char_lower(a);
    else if (IS("swapcase")) r = nd_char_swapcase(a);
    else if (IS("capitalize")) r = nd_char_capitalize(a);
    else if (IS("title")) r = nd_char_title(a);
    else if (IS("strip")) r = nd_char_strip(a, s[0]);
    else if (IS("lstrip")) r = nd_char_lstrip(a, s[0]);
    else if (IS("rstrip")) r = nd_char_rstrip(a, s[0]);
    else if (IS("center")) r = nd_char_center(a, iv[0], s[0]);
    else if (IS("ljust")) r = nd_char_ljust(a, iv[0], s[0]);
    else if (IS("rjust")) r = nd_char_rjust(a, iv[0], s[0]);
    else if (IS("zfill")) r = nd_char_zfill(a, iv[0]);
    else if (IS("multiply")) r = nd_char_multiply(a, iv[0]);
    else if (IS("replace")) r = nd_char_replace(a, s[0], s[1], iv[0]);
    else if (IS("find")) r = nd_char_find(a, s[0], iv[0], iv[1]);
    else if (IS("rfind")) r = nd_char_rfind(a, s[0], iv[0], iv[1]);
    else if (IS("count")) r = nd_char_count(a, s[0], iv[0], iv[1]);
    else if (IS("startswith")) r = nd_char_startswith(a, s[0], iv[0], iv[1]);
    else if (IS("endswith")) r = nd_char_endswith(a, s[0], iv[0], iv[1]);
    else if (IS("str_len")) r = nd_char_str_len(a);
    else if (IS("isalpha")) r = nd_char_isalpha(a);
    else if (IS("isalnum")) r = nd_char_isalnum(a);
    else if (IS("isdigit")) r = nd_char_isdigit(a);
    else if (IS("isdecimal")) r = nd_char_isdecimal(a);
    else if (IS("isnumeric")) r = nd_char_isnumeric(a);
    else if (IS("isspace")) r = nd_char_isspace(a);
    else if (IS("islower")) r = nd_char_islower(a);
    else if (IS("isupper")) r = nd_char_isupper(a);
    else if (IS("istitle")) r = nd_char_istitle(a);
    else CU_FAIL("unknown function in char.txt");
#undef IS
    for (int j = 0; j < ns; j++) free(s[j]);
    if (!r) printf("\n  %s: %s\n", name, nd_errmsg());
    return r;
}

static nd_array *data_of(const fline *D)
{
    strs s = strs_of(D, 0);
    nd_array *a = D->tag[0] == 'U' ? nd_str_array(s.n, (const char *const *)s.s, ND_STR_OF(0))
                                   : nd_bytes_array(s.n, (const char *const *)s.s, s.len, 0);
    strs_free(&s);
    CU_ASSERT_PTR_NOT_NULL_FATAL(a);
    return a;
}

static void test_char_functions_match_numpy(void)
{
    fixture fx = fx_load("char.txt");
    nd_array *a = NULL;
    int calls = 0;
    for (int i = 0; i < fx.n; i++) {
        const fline *L = &fx.lines[i];
        if (!strcmp(L->tag, "U") || !strcmp(L->tag, "S")) {
            nd_free(a);
            a = data_of(L);
            continue;
        }
        if (strcmp(L->tag + 1, "call")) continue;
        int eq;
        nd_array *r = call(a, L, &eq);
        CU_ASSERT_PTR_NOT_NULL_FATAL(r);
        const fline R = { "", L->n - eq - 1, L->tok + eq + 1 };
        if (nd_dtype_is_string(nd_dtype_of(r))) {
            CU_ASSERT_STRING_EQUAL(nd_dtype_name(nd_dtype_of(r)), R.tok[0]);
            if (strcmp(nd_dtype_name(nd_dtype_of(r)), R.tok[0])) printf("\n  %s: width\n", L->tok[0]);
            strs want = strs_of(&R, 1);
            check_strs(r, &want);
            strs_free(&want);
        } else {
            check_i64(r, &R);
        }
        nd_free(r);
        calls++;
    }
    CU_ASSERT_EQUAL(calls, 36 + 34);
    nd_free(a);
    fx_free(&fx);
}

static void test_char_add_and_compare_match_numpy(void)
{
    fixture fx = fx_load("char.txt");
    for (int k = 0; k < 2; k++) {
        char tag[8];
        snprintf(tag, sizeof tag, "%c", "US"[k]);
        nd_array *a = data_of(fx_find(&fx, tag));
        nd_array *rev = nd_view(a, "::-1");
        nd_array *sum = nd_char_add(a, rev);
        CU_ASSERT_PTR_NOT_NULL_FATAL(sum);
        snprintf(tag, sizeof tag, "%cadd", "US"[k]);
        const fline *L = fx_find(&fx, tag);
        CU_ASSERT_STRING_EQUAL(nd_dtype_name(nd_dtype_of(sum)), L->tok[0]);
        strs want = strs_of(L, 1);
        check_strs(sum, &want);
        strs_free(&want);
        /* b = rev + ' ': equal to rev under the trailing-whitespace rule */
        nd_array *sp = k == 0 ? nd_str_array(1, (const char *[]){ " " }, ND_STR_OF(0))
                              : nd_bytes_array(1, (const char *[]){ " " }, NULL, 0);
        nd_array *b = nd_char_add(rev, sp);
        nd_array *(*fns[6])(const nd_array *, const nd_array *) = {
            nd_char_equal, nd_char_not_equal, nd_char_less, nd_char_less_equal, nd_char_greater,
            nd_char_greater_equal };
        snprintf(tag, sizeof tag, "%ccmp", "US"[k]);
        int seen = 0;
        for (int i = 0; i < fx.n; i++) {
            if (strcmp(fx.lines[i].tag, tag)) continue;
            const fline *C = &fx.lines[i];
            nd_array *r = fns[seen++](a, b);
            const fline R = { "", C->n - 1, C->tok + 1 };
            check_i64(r, &R);
            nd_free(r);
        }
        CU_ASSERT_EQUAL(seen, 6);
        nd_free(a), nd_free(rev), nd_free(sum), nd_free(sp), nd_free(b);
    }
    fx_free(&fx);
}

static void test_char_bad_arguments(void)
{
    nd_array *u = nd_str_array(2, (const char *[]){ "ab", "cd" }, ND_STR_OF(0));
    nd_array *s = nd_bytes_array(1, (const char *[]){ "ab" }, NULL, 0);
    nd_array *f = nd_zeros(1, (ptrdiff_t[]){ 2 }, ND_FLOAT64);
    CU_ASSERT_PTR_NULL(nd_char_upper(f));
    CU_ASSERT_EQUAL(nd_last_error(), ND_EDTYPE);
    CU_ASSERT_PTR_NULL(nd_char_isdecimal(s));
    CU_ASSERT_EQUAL(nd_last_error(), ND_EDTYPE);
    CU_ASSERT_PTR_NULL(nd_char_add(u, s));
    CU_ASSERT_EQUAL(nd_last_error(), ND_EDTYPE);
    CU_ASSERT_PTR_NULL(nd_char_center(u, 5, "**"));
    CU_ASSERT_EQUAL(nd_last_error(), ND_EVALUE);
    CU_ASSERT_PTR_NULL(nd_char_index(u, "d", 0, ND_CHAR_END));
    CU_ASSERT_EQUAL(nd_last_error(), ND_EVALUE);
    nd_array *ri = nd_char_rindex(u, "", 0, ND_CHAR_END);
    CU_ASSERT(ri && nd_get_i64(ri, 1, (ptrdiff_t[]){ 0 }) == 2);
    CU_ASSERT_PTR_NULL(nd_char_find(u, "\xff", 0, ND_CHAR_END));
    CU_ASSERT_EQUAL(nd_last_error(), ND_EVALUE);
    CU_ASSERT_PTR_NULL(nd_char_compare(u, u, "<>"));
    CU_ASSERT_EQUAL(nd_last_error(), ND_EVALUE);
    CU_ASSERT_PTR_NULL(nd_char_replace(u, NULL, "x", -1));
    CU_ASSERT_EQUAL(nd_last_error(), ND_EVALUE);
    nd_free(u), nd_free(s), nd_free(f), nd_free(ri);
}

static const ND_TEST tests[] = {
    ND_T(test_char_functions_match_numpy),
    ND_T(test_char_add_and_compare_match_numpy),
    ND_T(test_char_bad_arguments),
    { 0 },
};

ND_TEST_MAIN("strings_char", tests)
