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


/* A string array (dtype from `kind`) of a fixture line's hex tokens [from, to). */
static nd_array *strings_of(const fline *L, int from, int to, char kind)
{
    fline part = { "", to - from, L->tok + from };
    strs s = strs_of(&part, 0);
    nd_array *a = kind == 'U' ? nd_str_array(s.n, (const char *const *)s.s, ND_STR_OF(0))
                              : nd_bytes_array(s.n, (const char *const *)s.s, s.len, 0);
    strs_free(&s);
    CU_ASSERT_PTR_NOT_NULL_FATAL(a);
    return a;
}

/* r has the dtype and the strings of L's tokens from `from` (dtype first). */
static void check_result(nd_array *r, const fline *L, int from, const char *what)
{
    if (!r) printf("\n  %s: %s\n", what, nd_errmsg());
    CU_ASSERT_PTR_NOT_NULL_FATAL(r);
    CU_ASSERT_STRING_EQUAL(nd_dtype_name(nd_dtype_of(r)), L->tok[from]);
    if (strcmp(nd_dtype_name(nd_dtype_of(r)), L->tok[from])) printf("\n  %s: width %s\n", what, nd_dtype_name(nd_dtype_of(r)));
    fline part = { "", L->n - from - 1, L->tok + from + 1 };
    strs want = strs_of(&part, 0);
    check_strs(r, &want);
    strs_free(&want);
    nd_free(r);
}

static int eq_at(const fline *L)
{
    int k = 0;
    while (strcmp(L->tok[k], "=")) k++;
    return k;
}

static void test_char_partition_expandtabs_join_match_numpy(void)
{
    fixture fx = fx_load("char_more.txt");
    nd_array *a = NULL;
    char kind = 'U';
    int n = 0;
    for (int i = 0; i < fx.n; i++) {
        const fline *L = &fx.lines[i];
        if (!strcmp(L->tag, "U") || !strcmp(L->tag, "S")) {
            nd_free(a);
            kind = L->tag[0];
            a = data_of(L);
            continue;
        }
        const char *sep = kind == 'U' ? "-" : "-";
        if (!strcmp(L->tag, "partition")) check_result(nd_char_partition(a, sep), L, 0, L->tag);
        else if (!strcmp(L->tag, "rpartition")) check_result(nd_char_rpartition(a, sep), L, 0, L->tag);
        else if (!strcmp(L->tag, "expandtabs4")) check_result(nd_char_expandtabs(a, 4), L, 0, L->tag);
        else if (!strcmp(L->tag, "expandtabs")) check_result(nd_char_expandtabs(a, 8), L, 0, L->tag);
        else if (!strcmp(L->tag, "join")) check_result(nd_char_join("::", a), L, 0, L->tag);
        else continue;
        n++;
    }
    CU_ASSERT_EQUAL(n, 9);
    /* partition adds an axis of 3 */
    nd_array *p = nd_char_partition(a, "-");
    CU_ASSERT(p && nd_ndim(p) == 2 && nd_shape(p)[1] == 3);
    CU_ASSERT_PTR_NULL(nd_char_partition(a, ""));
    CU_ASSERT_EQUAL(nd_last_error(), ND_EVALUE);
    CU_ASSERT_PTR_NULL(nd_char_join("-", a)); /* a is the 'S' data: no join for bytes */
    CU_ASSERT_EQUAL(nd_last_error(), ND_EDTYPE);
    nd_free(p);
    nd_free(a);
    fx_free(&fx);
}

static void test_char_encode_decode_match_numpy(void)
{
    fixture fx = fx_load("char_more.txt");
    int n = 0;
    for (int i = 0; i + 1 < fx.n; i++) {
        const fline *L = &fx.lines[i];
        if (strcmp(L->tag, "encode")) continue;
        int eq = eq_at(L);
        nd_array *a = strings_of(L, 1, eq, 'U');
        nd_array *e = nd_char_encode(a, L->tok[0]);
        nd_array *e2 = nd_copy(e, ND_ORDER_C);
        check_result(e, L, eq + 1, "encode");
        check_result(nd_char_decode(e2, L->tok[0]), &fx.lines[i + 1], 0, "decode");
        nd_free(a), nd_free(e2);
        n++;
    }
    CU_ASSERT_EQUAL(n, 3);
    nd_array *u = nd_str_array(1, (const char *[]){ "a\xc3\xa9" }, ND_STR_OF(0));
    CU_ASSERT_PTR_NULL(nd_char_encode(u, "ascii"));
    CU_ASSERT_EQUAL(nd_last_error(), ND_EVALUE);
    CU_ASSERT_PTR_NULL(nd_char_encode(u, "cp1252"));
    CU_ASSERT_EQUAL(nd_last_error(), ND_EVALUE);
    nd_array *b = nd_bytes_array(1, (const char *[]){ "a\xff" }, NULL, 0);
    CU_ASSERT_PTR_NULL(nd_char_decode(b, "utf-8"));
    CU_ASSERT_EQUAL(nd_last_error(), ND_EVALUE);
    CU_ASSERT_PTR_NOT_NULL(strstr(nd_errmsg(), "position 1"));
    nd_array *l1 = nd_char_decode(b, "latin-1");
    CU_ASSERT_PTR_NOT_NULL_FATAL(l1);
    char t[8];
    CU_ASSERT_EQUAL(nd_str_get(l1, 1, (ptrdiff_t[]){ 0 }, t, sizeof t), 3);
    CU_ASSERT_STRING_EQUAL(t, "a\xc3\xbf");
    nd_free(u), nd_free(b), nd_free(l1);
    fx_free(&fx);
}

static void test_char_mod_matches_numpy(void)
{
    fixture fx = fx_load("char_more.txt");
    double fv[] = { 3.7, -0.0, 1e20, 12345.678, -2.5 };
    int64_t iv[] = { 5, -3, 0, 255, 65 }, xv[] = { 255, 8, 65, 10, 97 };
    bool bv[] = { true, false, true, false, true };
    double nv[] = { NAN, INFINITY, -INFINITY };
    nd_array *vf = nd_from_buffer(fv, 1, (ptrdiff_t[]){ 5 }, ND_FLOAT64);
    nd_array *vi = nd_from_buffer(iv, 1, (ptrdiff_t[]){ 5 }, ND_INT64);
    nd_array *vx = nd_from_buffer(xv, 1, (ptrdiff_t[]){ 5 }, ND_INT64);
    nd_array *vb = nd_from_buffer(bv, 1, (ptrdiff_t[]){ 5 }, ND_BOOL);
    nd_array *vn = nd_from_buffer(nv, 1, (ptrdiff_t[]){ 3 }, ND_FLOAT64);
    int n = 0;
    for (int i = 0; i < fx.n; i++) {
        const fline *L = &fx.lines[i];
        bool nan = !strcmp(L->tag, "modnan");
        if (strcmp(L->tag, "mod") && !nan) continue;
        char *fmt = unhex(L->tok[0], NULL);
        nd_array *f = nd_str_array(1, (const char *[]){ fmt }, ND_STR_OF(0));
        const nd_array *v = nan ? vn : !strcmp(L->tok[1], "f8") ? vf : !strcmp(L->tok[1], "?") ? vb
                          : strchr("xXoc", fmt[strlen(fmt) - 1]) ? vx : vi;
        check_result(nd_char_mod(f, v), L, eq_at(L) + 1, fmt);
        free(fmt);
        nd_free(f);
        n++;
    }
    CU_ASSERT_EQUAL(n, 3 * 15 + 7 + 5);
    const fline *B = fx_find(&fx, "modbytes");
    nd_array *bf = nd_bytes_array(2, (const char *[]){ "%d", "%5.2f|" }, NULL, 0);
    nd_array *bvals = nd_from_f64((double[]){ 7, 2.5 }, 2);
    check_result(nd_char_mod(bf, bvals), B, 0, "bytes");
    /* Python's errors */
    nd_array *fx1 = nd_str_array(1, (const char *[]){ "%x" }, ND_STR_OF(0));
    CU_ASSERT_PTR_NULL(nd_char_mod(fx1, vf));
    CU_ASSERT_EQUAL(nd_last_error(), ND_EDTYPE);
    nd_array *two = nd_str_array(1, (const char *[]){ "%d %d" }, ND_STR_OF(0));
    CU_ASSERT_PTR_NULL(nd_char_mod(two, vi));
    CU_ASSERT_EQUAL(nd_last_error(), ND_EVALUE);
    nd_array *none = nd_str_array(1, (const char *[]){ "plain" }, ND_STR_OF(0));
    CU_ASSERT_PTR_NULL(nd_char_mod(none, vi));
    CU_ASSERT_EQUAL(nd_last_error(), ND_EVALUE);
    nd_array *d = nd_str_array(1, (const char *[]){ "%d" }, ND_STR_OF(0));
    CU_ASSERT_PTR_NULL(nd_char_mod(d, vn));
    CU_ASSERT_EQUAL(nd_last_error(), ND_EVALUE);
    nd_free(vf), nd_free(vi), nd_free(vx), nd_free(vb), nd_free(vn), nd_free(bf), nd_free(bvals);
    nd_free(fx1), nd_free(two), nd_free(none), nd_free(d);
    fx_free(&fx);
}

static const ND_TEST tests[] = {
    ND_T(test_char_functions_match_numpy),
    ND_T(test_char_add_and_compare_match_numpy),
    ND_T(test_char_bad_arguments),
    ND_T(test_char_partition_expandtabs_join_match_numpy),
    ND_T(test_char_encode_decode_match_numpy),
    ND_T(test_char_mod_matches_numpy),
    { 0 },
};

ND_TEST_MAIN("strings_char", tests)
