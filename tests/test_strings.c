/* Fixed-width string arrays ('S' and 'U'): creation, element access, casts, comparisons,
 * sorting and printing, against NumPy fixtures (tests/data/strings/gen.py). */
#include <numc/numc.h>

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "strings_fixture.h"

/* The data array of kind 'U' or 'S' from strings.txt. */
static nd_array *data_array(const fixture *fx, char kind, strs *s)
{
    char tag[16];
    snprintf(tag, sizeof tag, "%cdata", kind);
    *s = strs_of(fx_find(fx, tag), 0);
    nd_array *a = kind == 'U' ? nd_str_array(s->n, (const char *const *)s->s, ND_STR_OF(0))
                              : nd_bytes_array(s->n, (const char *const *)s->s, s->len, 0);
    CU_ASSERT_PTR_NOT_NULL_FATAL(a);
    return a;
}

/* ---- creation and element access ------------------------------------------------------------ */

static void test_create_sizes_to_longest_and_reads_back(void)
{
    fixture fx = fx_load("strings.txt");
    for (int k = 0; k < 2; k++) {
        char kind = "US"[k], tag[16];
        strs s;
        nd_array *a = data_array(&fx, kind, &s);
        snprintf(tag, sizeof tag, "%cdtype", kind);
        CU_ASSERT_STRING_EQUAL(nd_dtype_name(nd_dtype_of(a)), fx_find(&fx, tag)->tok[0]);
        check_strs(a, &s);
        /* the buffer form: length first, then a cut copy */
        char small[4];
        CU_ASSERT_EQUAL(nd_str_get(a, 1, (ptrdiff_t[]){ 0 }, NULL, 0), 6);
        CU_ASSERT_EQUAL(nd_str_get(a, 1, (ptrdiff_t[]){ -20 }, small, sizeof small), 6);
        CU_ASSERT_STRING_EQUAL(small, "ban");
        strs_free(&s);
        nd_free(a);
    }
    /* 'U' holds code points: 'é' is one, four bytes of storage */
    nd_array *u = nd_str_array(2, (const char *[]){ "\xc3\xa9t\xc3\xa9", "" }, ND_STR_OF(0));
    CU_ASSERT_EQUAL(nd_dtype_of(u), ND_STR_OF(3));
    CU_ASSERT_EQUAL(((const uint32_t *)nd_data(u))[0], 0xe9u);
    nd_free(u);
    /* all empty: 'U1' as NumPy */
    nd_array *e = nd_str_array(2, (const char *[]){ "", "" }, ND_STR_OF(0));
    CU_ASSERT_EQUAL(nd_dtype_of(e), ND_STR_OF(1));
    nd_free(e);
    /* 2-D from a shape */
    nd_array *m = nd_str_array_nd(2, (ptrdiff_t[]){ 2, 2 }, (const char *[]){ "a", "bb", "ccc", "" },
                                  ND_BYTES_OF(0));
    CU_ASSERT_EQUAL(nd_dtype_of(m), ND_BYTES_OF(3));
    char b[8];
    CU_ASSERT_EQUAL(nd_str_get(m, 2, (ptrdiff_t[]){ 1, 0 }, b, sizeof b), 3);
    CU_ASSERT_STRING_EQUAL(b, "ccc");
    nd_free(m);
    fx_free(&fx);
}

static void test_explicit_width_cuts_as_numpy(void)
{
    fixture fx = fx_load("astype.txt");
    nd_array *a = nd_str_array(2, (const char *[]){ "hello", "hi" }, ND_STR_OF(3));
    CU_ASSERT_PTR_NOT_NULL_FATAL(a);
    const fline *L = fx_find(&fx, "U3_create");
    CU_ASSERT_STRING_EQUAL(nd_dtype_name(nd_dtype_of(a)), L->tok[0]);
    strs s = strs_of(L, 1);
    check_strs(a, &s);
    strs_free(&s);
    CU_ASSERT_EQUAL(nd_str_set(a, 1, (ptrdiff_t[]){ 1 }, "world"), ND_OK);
    s = strs_of(fx_find(&fx, "U3_set"), 0);
    check_strs(a, &s);
    strs_free(&s);
    /* raw bytes, inner NULs kept, trailing ones dropped (NumPy's b'a\0b', b'a\0' -> b'a') */
    nd_array *b = nd_bytes_array(2, (const char *[]){ "a\0b", "a\0" }, (size_t[]){ 3, 2 }, 0);
    CU_ASSERT_EQUAL(nd_dtype_of(b), ND_BYTES_OF(3));
    check_elem(b, 0, "a\0b", 3);
    check_elem(b, 1, "a", 1);
    CU_ASSERT_EQUAL(nd_bytes_set(b, 1, (ptrdiff_t[]){ 1 }, "\xff\xfe\xfd\xfc", 4), ND_OK);
    check_elem(b, 1, "\xff\xfe\xfd", 3);
    nd_free(a);
    nd_free(b);
    fx_free(&fx);
}

static void test_bad_input_is_an_error(void)
{
    nd_clear_error();
    CU_ASSERT_PTR_NULL(nd_str_array(2, (const char *[]){ "ok", "ab\xff" "c" }, ND_STR_OF(0)));
    CU_ASSERT_EQUAL(nd_last_error(), ND_EVALUE);
    CU_ASSERT_PTR_NOT_NULL(strstr(nd_errmsg(), "offset 2"));
    CU_ASSERT_PTR_NOT_NULL(strstr(nd_errmsg(), "string 1"));
    const char *bad[] = { "\xc0\x80", "\xed\xa0\x80", "x\xe6\x97", "\x80", "\xf4\x90\x80\x80" };
    for (int i = 0; i < 5; i++) {
        CU_ASSERT_PTR_NULL(nd_str_array(1, &bad[i], ND_STR_OF(4)));
        CU_ASSERT_EQUAL(nd_last_error(), ND_EVALUE);
    }
    /* 'S' takes ASCII only, as NumPy's ascii codec */
    CU_ASSERT_PTR_NULL(nd_str_array(1, (const char *[]){ "\xc3\xa9" }, ND_BYTES_OF(0)));
    CU_ASSERT_EQUAL(nd_last_error(), ND_EVALUE);
    nd_array *s = nd_str_array(1, (const char *[]){ "ab" }, ND_BYTES_OF(0));
    CU_ASSERT_EQUAL(nd_str_set(s, 1, (ptrdiff_t[]){ 0 }, "\xc3\xa9"), ND_EVALUE);
    CU_ASSERT_EQUAL(nd_str_set(s, 1, (ptrdiff_t[]){ 1 }, "x"), ND_EINDEX);
    CU_ASSERT_EQUAL(nd_str_set(s, 2, (ptrdiff_t[]){ 0, 0 }, "x"), ND_EINDEX);
    CU_ASSERT_EQUAL(nd_str_set(s, 1, (ptrdiff_t[]){ 0 }, NULL), ND_EVALUE);
    CU_ASSERT_EQUAL(nd_str_get(s, 1, (ptrdiff_t[]){ -2 }, NULL, 0), ND_EINDEX);
    /* a 'U' array takes ASCII bytes only */
    nd_array *u = nd_str_array(1, (const char *[]){ "ab" }, ND_STR_OF(0));
    CU_ASSERT_EQUAL(nd_bytes_set(u, 1, (ptrdiff_t[]){ 0 }, "\xff", 1), ND_EVALUE);
    /* numbers are no strings */
    nd_array *f = nd_zeros(1, (ptrdiff_t[]){ 2 }, ND_FLOAT64);
    CU_ASSERT_EQUAL(nd_str_get(f, 1, (ptrdiff_t[]){ 0 }, NULL, 0), ND_EDTYPE);
    CU_ASSERT_PTR_NULL(nd_str_array(1, (const char *[]){ "a" }, ND_INT32));
    CU_ASSERT_EQUAL(nd_last_error(), ND_EDTYPE);
    CU_ASSERT_PTR_NULL(nd_str_array(1, (const char *[]){ NULL }, ND_STR_OF(0)));
    CU_ASSERT_EQUAL(nd_last_error(), ND_EVALUE);
    nd_free(s);
    nd_free(u);
    nd_free(f);
}

/* ---- casts ------------------------------------------------------------------------------------ */

static void test_astype_text_to_text_matches_numpy(void)
{
    fixture fx = fx_load("astype.txt");
    const char *tags[] = { "U_S", "U_S1", "U_S6", "S_U", "S_U1", "S_U6" };
    for (int t = 0; t < 6; t++) {
        bool from_u = tags[t][0] == 'U';
        nd_array *a = from_u ? nd_str_array(3, (const char *[]){ "abc", "", "a b " }, ND_STR_OF(0))
                             : nd_bytes_array(3, (const char *[]){ "abc", "", "a\0b" },
                                              (size_t[]){ 3, 0, 3 }, 0);
        size_t w = strlen(tags[t]) > 3 ? (size_t)atoi(tags[t] + 3) : 0;
        nd_dtype dt = from_u ? ND_BYTES_OF(w) : ND_STR_OF(w);
        nd_array *r = nd_astype(a, dt, ND_CAST_UNSAFE);
        CU_ASSERT_PTR_NOT_NULL_FATAL(r);
        const fline *L = fx_find(&fx, tags[t]);
        CU_ASSERT_STRING_EQUAL(nd_dtype_name(nd_dtype_of(r)), L->tok[0]);
        strs s = strs_of(L, 1);
        check_strs(r, &s);
        strs_free(&s);
        nd_free(a);
        nd_free(r);
    }
    /* NumPy's codecs: non-ASCII text into 'S', bytes >= 128 into 'U' */
    CU_ASSERT_STRING_EQUAL(fx_find(&fx, "bad_US")->tok[0], "error");
    nd_array *u = nd_str_array(2, (const char *[]){ "ab", "a\xc3\xa9" }, ND_STR_OF(0));
    CU_ASSERT_PTR_NULL(nd_astype(u, ND_BYTES_OF(0), ND_CAST_UNSAFE));
    CU_ASSERT_EQUAL(nd_last_error(), ND_EVALUE);
    CU_ASSERT_STRING_EQUAL(fx_find(&fx, "bad_SU")->tok[0], "error");
    nd_array *b = nd_bytes_array(2, (const char *[]){ "ab", "a\xff" }, NULL, 0);
    CU_ASSERT_PTR_NULL(nd_astype(b, ND_STR_OF(0), ND_CAST_UNSAFE));
    CU_ASSERT_EQUAL(nd_last_error(), ND_EVALUE);
    /* same dtype: a copy; casting levels as NumPy's (U3 -> U2 is not safe) */
    nd_array *c = nd_astype(u, nd_dtype_of(u), ND_CAST_NO);
    CU_ASSERT_PTR_NOT_NULL_FATAL(c);
    check_elem(c, 1, "a\xc3\xa9", 3);
    CU_ASSERT_PTR_NULL(nd_astype(u, ND_STR_OF(1), ND_CAST_SAFE));
    CU_ASSERT_EQUAL(nd_last_error(), ND_EDTYPE);
    nd_free(u), nd_free(b), nd_free(c);
    fx_free(&fx);
}

static void test_astype_numbers_to_text_matches_numpy(void)
{
    fixture fx = fx_load("astype.txt");
    double fv[] = { 0.1, 1e20, 1.0, NAN, -INFINITY, 1e-5, 123456789012345678.0, -0.0, 2.5e-300,
                    1.0 / 3 };
    nd_array *f = nd_from_buffer(fv, 1, (ptrdiff_t[]){ 10 }, ND_FLOAT64);
    nd_array *f4 = nd_astype(f, ND_FLOAT32, ND_CAST_UNSAFE);
    struct { const char *tag; nd_array *src; nd_dtype dt; } cases[] = {
        { "f8_U", f, ND_STR_OF(0) }, { "f8_S", f, ND_BYTES_OF(0) }, { "f8_U4", f, ND_STR_OF(4) },
        { "f4_U", f4, ND_STR_OF(0) },
    };
    for (int k = 0; k < 4; k++) {
        nd_array *r = nd_astype(cases[k].src, cases[k].dt, ND_CAST_UNSAFE);
        CU_ASSERT_PTR_NOT_NULL_FATAL(r);
        const fline *L = fx_find(&fx, cases[k].tag);
        CU_ASSERT_STRING_EQUAL(nd_dtype_name(nd_dtype_of(r)), L->tok[0]);
        strs s = strs_of(L, 1);
        check_strs(r, &s);
        strs_free(&s);
        nd_free(r);
    }
    int64_t iv[] = { 0, -5, 300, INT64_MIN, INT64_MAX };
    nd_array *i = nd_from_buffer(iv, 1, (ptrdiff_t[]){ 5 }, ND_INT64);
    nd_array *ri = nd_astype(i, ND_STR_OF(0), ND_CAST_UNSAFE), *ri2 = nd_astype(i, ND_BYTES_OF(2), ND_CAST_UNSAFE);
    strs s = strs_of(fx_find(&fx, "i8_U"), 1);
    check_strs(ri, &s);
    strs_free(&s);
    s = strs_of(fx_find(&fx, "i8_S2"), 1);
    check_strs(ri2, &s);
    strs_free(&s);
    /* widths of the unsized targets */
    for (int t = 0; t < fx.n; t++) {
        const fline *L = &fx.lines[t];
        if (strcmp(L->tag, "width")) continue;
        nd_dtype dt = (nd_dtype)nd_dtype_from_name(L->tok[0]);
        nd_array *z = nd_zeros(1, (ptrdiff_t[]){ 1 }, dt);
        nd_array *zu = nd_astype(z, ND_STR_OF(0), ND_CAST_UNSAFE), *zs = nd_astype(z, ND_BYTES_OF(0), ND_CAST_UNSAFE);
        CU_ASSERT_STRING_EQUAL(nd_dtype_name(nd_dtype_of(zu)), L->tok[1]);
        CU_ASSERT_STRING_EQUAL(nd_dtype_name(nd_dtype_of(zs)), L->tok[2]);
        nd_free(z), nd_free(zu), nd_free(zs);
    }
    bool bv[] = { true, false };
    nd_array *b = nd_from_buffer(bv, 1, (ptrdiff_t[]){ 2 }, ND_BOOL);
    nd_array *rb = nd_astype(b, ND_STR_OF(0), ND_CAST_UNSAFE);
    s = strs_of(fx_find(&fx, "b_U"), 1);
    check_strs(rb, &s);
    strs_free(&s);
    double cv[] = { 1, 2, 0, 1, -0.0, -1, NAN, 0, 1.5, 0 };
    nd_array *c = nd_from_buffer(cv, 1, (ptrdiff_t[]){ 5 }, ND_COMPLEX128);
    nd_array *rc = nd_astype(c, ND_STR_OF(0), ND_CAST_UNSAFE);
    const fline *L = fx_find(&fx, "c16_U");
    CU_ASSERT_STRING_EQUAL(nd_dtype_name(nd_dtype_of(rc)), L->tok[0]);
    s = strs_of(L, 1);
    check_strs(rc, &s);
    strs_free(&s);
    nd_free(f), nd_free(f4), nd_free(i), nd_free(ri), nd_free(ri2), nd_free(b), nd_free(rb);
    nd_free(c), nd_free(rc);
    fx_free(&fx);
}

static void test_astype_text_to_numbers_matches_numpy(void)
{
    fixture fx = fx_load("astype.txt");
    const char *tags[] = { "parse_i8", "parse_u1", "parse_f8", "parse_c16", "parse_?" };
    const char *types[] = { "i8", "u1", "f8", "c16", "?" };
    for (int t = 0; t < 5; t++) {
        const fline *L = fx_find(&fx, tags[t]);
        int eq = 0;
        while (strcmp(L->tok[eq], "=")) eq++;
        strs s = { eq, calloc((size_t)eq, sizeof(char *)), NULL };
        for (int i = 0; i < eq; i++) s.s[i] = unhex(L->tok[i], NULL);
        nd_array *a = nd_str_array(eq, (const char *const *)s.s, ND_STR_OF(0));
        nd_dtype dt = (nd_dtype)nd_dtype_from_name(types[t]);
        nd_array *r = nd_astype(a, dt, ND_CAST_UNSAFE);
        if (!r) printf("\n  %s: %s\n", tags[t], nd_errmsg());
        CU_ASSERT_PTR_NOT_NULL_FATAL(r);
        for (int i = 0; i < eq; i++) {
            const char *want = L->tok[eq + 1 + i];
            nd_scalar v;
            CU_ASSERT_EQUAL(nd_get(r, 1, (ptrdiff_t[]){ i }, &v), ND_OK);
            if (dt == ND_COMPLEX128) {
                double re, im;
                CU_ASSERT_EQUAL(nd_get_c128(r, 1, (ptrdiff_t[]){ i }, &re, &im), ND_OK);
                double wre = strtod(want, NULL), wim = strtod(strchr(want, ',') + 1, NULL);
                CU_ASSERT(re == wre || (isnan(re) && isnan(wre)));
                CU_ASSERT(im == wim || (isnan(im) && isnan(wim)));
            } else if (dt == ND_BOOL) {
                CU_ASSERT_EQUAL(nd_get_bool(r, 1, (ptrdiff_t[]){ i }), !strcmp(want, "True"));
            } else if (dt == ND_FLOAT64) {
                double x = nd_get_f64(r, 1, (ptrdiff_t[]){ i }), w = strtod(want, NULL);
                CU_ASSERT(x == w || (isnan(x) && isnan(w)));
            } else {
                CU_ASSERT_EQUAL(nd_get_i64(r, 1, (ptrdiff_t[]){ i }), atoll(want));
            }
        }
        nd_free(a), nd_free(r);
        for (int i = 0; i < eq; i++) free(s.s[i]);
        free(s.s);
    }
    /* parse errors are errors, not zeros */
    int nbad = 0;
    for (int t = 0; t < fx.n; t++) {
        const fline *L = &fx.lines[t];
        if (strncmp(L->tag, "bad_", 4) || strlen(L->tag) < 5 || L->n != 2) continue;
        char *text = unhex(L->tok[0], NULL);
        nd_array *a = nd_str_array(1, (const char *[]){ text }, ND_STR_OF(0));
        nd_array *r = nd_astype(a, (nd_dtype)nd_dtype_from_name(L->tag + 4), ND_CAST_UNSAFE);
        CU_ASSERT_EQUAL(r == NULL, !strcmp(L->tok[1], "error"));
        if ((r == NULL) != !strcmp(L->tok[1], "error")) printf("\n  %s '%s'\n", L->tag, text);
        if (!r) CU_ASSERT_EQUAL(nd_last_error(), ND_EVALUE);
        nbad++;
        nd_free(a), nd_free(r);
        free(text);
    }
    CU_ASSERT_EQUAL(nbad, 13);
    fx_free(&fx);
}

/* ---- comparisons, sorting, sets ---------------------------------------------------------------- */

static void test_comparison_ufuncs_match_numpy(void)
{
    fixture fx = fx_load("strings.txt");
    for (int k = 0; k < 2; k++) {
        char kind = "US"[k], tag[32];
        strs s;
        nd_array *a = data_array(&fx, kind, &s);
        nd_array *b = nd_view(a, "::-1");
        nd_array *r[6] = { nd_equal(a, b), nd_not_equal(a, b), nd_less(a, b),
                           nd_less_equal(a, b), nd_greater(a, b), nd_greater_equal(a, b) };
        const char *ops[] = { "equal", "not_equal", "less", "less_equal", "greater", "greater_equal" };
        for (int o = 0; o < 6; o++) {
            snprintf(tag, sizeof tag, "%c%s", kind, ops[o]);
            CU_ASSERT_PTR_NOT_NULL_FATAL(r[o]);
            CU_ASSERT_EQUAL(nd_dtype_of(r[o]), ND_BOOL);
            check_i64(r[o], fx_find(&fx, tag));
            nd_free(r[o]);
        }
        strs_free(&s);
        nd_free(a), nd_free(b);
    }
    /* trailing NULs do not count; widths may differ; broadcasting; where; out */
    nd_array *x = nd_str_array(3, (const char *[]){ "a", "ab", "b" }, ND_STR_OF(5));
    nd_array *y = nd_str_array(1, (const char *[]){ "ab" }, ND_STR_OF(2));
    nd_array *lt = nd_less(x, y);
    CU_ASSERT_PTR_NOT_NULL_FATAL(lt);
    CU_ASSERT(nd_get_bool(lt, 1, (ptrdiff_t[]){ 0 }) && !nd_get_bool(lt, 1, (ptrdiff_t[]){ 1 }) &&
              !nd_get_bool(lt, 1, (ptrdiff_t[]){ 2 }));
    nd_array *out = nd_zeros(1, (ptrdiff_t[]){ 3 }, ND_INT32);
    bool wv[] = { false, true, true };
    nd_array *where = nd_from_buffer(wv, 1, (ptrdiff_t[]){ 3 }, ND_BOOL);
    CU_ASSERT_EQUAL(nd_greater_equal_into(out, x, y, .where = where), ND_OK);
    CU_ASSERT(nd_get_i64(out, 1, (ptrdiff_t[]){ 0 }) == 0 && nd_get_i64(out, 1, (ptrdiff_t[]){ 1 }) == 1 &&
              nd_get_i64(out, 1, (ptrdiff_t[]){ 2 }) == 1);
    /* no loop for bytes with str, or strings with numbers (NumPy's UFuncTypeError) */
    nd_array *bs = nd_bytes_array(1, (const char *[]){ "a" }, NULL, 0);
    CU_ASSERT_PTR_NULL(nd_equal(x, bs));
    CU_ASSERT_EQUAL(nd_last_error(), ND_EDTYPE);
    CU_ASSERT_PTR_NULL(nd_less(x, 1.0));
    CU_ASSERT_EQUAL(nd_last_error(), ND_EDTYPE);
    nd_free(x), nd_free(y), nd_free(lt), nd_free(out), nd_free(where), nd_free(bs);
    fx_free(&fx);
}

static void test_sort_unique_search_isin_match_numpy(void)
{
    fixture fx = fx_load("strings.txt");
    for (int k = 0; k < 2; k++) {
        char kind = "US"[k], tag[32];
        strs s;
        nd_array *a = data_array(&fx, kind, &s);
        nd_array *ix = nd_argsort(a, 0, ND_SORT_STABLE);
        snprintf(tag, sizeof tag, "%cargsort", kind);
        check_i64(ix, fx_find(&fx, tag));
        nd_array *index, *inverse, *counts;
        nd_array *u = nd_unique(a, .index = &index, .inverse = &inverse, .counts = &counts);
        CU_ASSERT_PTR_NOT_NULL_FATAL(u);
        snprintf(tag, sizeof tag, "%cunique", kind);
        strs us = strs_of(fx_find(&fx, tag), 0);
        check_strs(u, &us);
        strs_free(&us);
        snprintf(tag, sizeof tag, "%cuindex", kind);
        check_i64(index, fx_find(&fx, tag));
        snprintf(tag, sizeof tag, "%cuinverse", kind);
        check_i64(inverse, fx_find(&fx, tag));
        snprintf(tag, sizeof tag, "%cucounts", kind);
        check_i64(counts, fx_find(&fx, tag));
        nd_array *sl = nd_searchsorted(u, a, ND_SIDE_LEFT);
        snprintf(tag, sizeof tag, "%cssleft", kind);
        check_i64(sl, fx_find(&fx, tag));
        nd_array *head = nd_view(a, ":5");
        nd_array *sr = nd_searchsorted(u, head, ND_SIDE_RIGHT);
        snprintf(tag, sizeof tag, "%cssright", kind);
        check_i64(sr, fx_find(&fx, tag));
        nd_array *mid = nd_view(a, "3:8");
        nd_array *in = nd_isin(a, mid);
        snprintf(tag, sizeof tag, "%cisin", kind);
        check_i64(in, fx_find(&fx, tag));
        nd_array *two = nd_reshape(a, 2, (ptrdiff_t[]){ 4, 5 });
        for (int ax = 0; ax < 2; ax++) {
            nd_array *st = nd_sort(two, ax);
            snprintf(tag, sizeof tag, "%csort2d%d", kind, ax);
            strs ss = strs_of(fx_find(&fx, tag), 0);
            check_strs(st, &ss);
            strs_free(&ss);
            nd_free(st);
        }
        /* in place, flattened */
        nd_array *cp = nd_copy(a, ND_ORDER_C);
        CU_ASSERT_EQUAL(nd_sort_inplace(cp, 0, ND_SORT_QUICK), ND_OK);
        nd_array *again = nd_argsort(cp, 0, ND_SORT_STABLE);
        for (ptrdiff_t i = 0; i < 20; i++) CU_ASSERT_EQUAL(nd_get_i64(again, 1, (ptrdiff_t[]){ i }), i);
        nd_free(a), nd_free(ix), nd_free(u), nd_free(index), nd_free(inverse), nd_free(counts);
        nd_free(sl), nd_free(head), nd_free(sr), nd_free(mid), nd_free(in), nd_free(two);
        nd_free(cp), nd_free(again);
        strs_free(&s);
    }
    fx_free(&fx);
}

/* ---- printing ------------------------------------------------------------------------------------ */

static void check_text(char *got, const fline *L)
{
    char *want = unhex(L->tok[0], NULL);
    CU_ASSERT_PTR_NOT_NULL_FATAL(got);
    CU_ASSERT_STRING_EQUAL(got, want);
    if (strcmp(got, want)) printf("\n  got:\n%s\n  want:\n%s\n", got, want);
    free(want);
    nd_free_mem(got);
}

/* The sort's keys (3 code points / 8 bytes at a time, runs of equal keys refined by the
 * next characters) against a plain comparison: strings with long shared prefixes, equal
 * strings (order by index: stable), NUL-padded short ones, non-ASCII, both kinds. */
static const char *ref_base;
static size_t ref_isz;
static int ref_u;
static int ref_cmp(const void *x, const void *y)
{
    int64_t i = *(const int64_t *)x, j = *(const int64_t *)y;
    const char *p = ref_base + (size_t)i * ref_isz, *q = ref_base + (size_t)j * ref_isz;
    size_t w = ref_u ? ref_isz / 4 : ref_isz;
    for (size_t k = 0; k < w; k++) {
        uint32_t a = ref_u ? ((const uint32_t *)p)[k] : (unsigned char)p[k];
        uint32_t b = ref_u ? ((const uint32_t *)q)[k] : (unsigned char)q[k];
        if (a != b) return a < b ? -1 : 1;
    }
    return i < j ? -1 : i > j;
}

static void test_sort_keys_against_plain_comparison(void)
{
    enum { N = 5000 };
    static const char *const alphabet[] = { "a", "b", "z", "\xc3\xa9", "\xe4\xb8\x89", "A", " " };
    for (int kind = 0; kind < 2; kind++) {
        static char buf[N][64];
        const char *ptr[N];
        uint64_t r = 12345;
        for (int i = 0; i < N; i++) {
            r = r * 6364136223846793005u + 1442695040888963407u;
            /* a long shared prefix, then a few characters from a small alphabet */
            int len = (int)(r >> 60) % 12, pre = (int)(r >> 56) % 3;
            char *b = buf[i];
            b += sprintf(b, "%s", pre == 0 ? "" : pre == 1 ? "commonprefix" : "commonprefiy");
            for (int k = 0; k < len; k++) {
                r = r * 6364136223846793005u + 1442695040888963407u;
                b += sprintf(b, "%s", alphabet[(r >> 59) % (kind ? 3 : 7)]);
            }
            ptr[i] = buf[i];
        }
        nd_array *a = nd_str_array(N, ptr, kind ? ND_BYTES_OF(0) : ND_STR_OF(0));
        CU_ASSERT_PTR_NOT_NULL_FATAL(a);
        nd_array *ix = nd_argsort(a, 0, ND_SORT_STABLE);
        CU_ASSERT_PTR_NOT_NULL_FATAL(ix);
        int64_t want[N];
        for (int i = 0; i < N; i++) want[i] = i;
        ref_base = nd_data(a), ref_isz = nd_itemsize(a), ref_u = !kind;
        qsort(want, N, sizeof *want, ref_cmp);
        CU_ASSERT(memcmp(nd_data(ix), want, sizeof want) == 0);
        nd_free(ix);
        nd_free(a);
    }
}

static void test_repr_and_str_match_numpy(void)
{
    fixture fx = fx_load("repr.txt");
    int cases = 0;
    while (fx.cur < fx.n) {
        const fline *D = fx_next(&fx);
        char kind = D->tag[0];
        bool zero_d = D->tag[1] == '0';
        strs s = strs_of(D, 0);
        nd_array *a;
        if (zero_d) {
            a = kind == 'U' ? nd_str_array_nd(0, NULL, (const char *const *)s.s, ND_STR_OF(0))
                            : nd_str_array_nd(0, NULL, (const char *const *)s.s, ND_BYTES_OF(0));
        } else {
            a = kind == 'U' ? nd_str_array(s.n, (const char *const *)s.s, ND_STR_OF(0))
                            : nd_bytes_array(s.n, (const char *const *)s.s, s.len, 0);
        }
        CU_ASSERT_PTR_NOT_NULL_FATAL(a);
        /* text with an inner NUL (ASCII here) goes in as bytes */
        for (int i = 0; i < s.n && kind == 'U' && !zero_d; i++)
            if (strlen(s.s[i]) != s.len[i])
                CU_ASSERT_EQUAL(nd_bytes_set(a, 1, (ptrdiff_t[]){ i }, s.s[i], s.len[i]), ND_OK);
        check_text(nd_repr(a), fx_next(&fx));
        check_text(nd_str(a), fx_next(&fx));
        if (!zero_d) {
            nd_array *head = nd_view(a, nd_size(a) >= 4 ? ":4" : ":");
            ptrdiff_t n = nd_size(head);
            nd_array *two = n >= 4 ? nd_reshape(head, 2, (ptrdiff_t[]){ 2, 2 })
                                   : nd_reshape(head, 2, (ptrdiff_t[]){ 1, n });
            check_text(nd_repr(two), fx_next(&fx));
            nd_free(head), nd_free(two);
        }
        nd_free(a);
        strs_free(&s);
        cases++;
    }
    CU_ASSERT_EQUAL(cases, 14);
    fx_free(&fx);
}


static void test_csv_text_column_as_unicode_array(void)
{
    const char csv[] = "name,ticker,price\nApple,AAPL,1.5\nMicrosoft,MSFT,2\nNihon,\xe6\x97\xa5\xe6\x9c\xac,3\n";
    nd_table *t = nd_read_csv_buffer(csv, sizeof csv - 1, &(nd_csv_opts){ .keep_text = true });
    CU_ASSERT_PTR_NOT_NULL_FATAL(t);
    nd_array *tick = nd_table_text_column(t, nd_table_find(t, "ticker"));
    CU_ASSERT_PTR_NOT_NULL_FATAL(tick);
    CU_ASSERT_EQUAL(nd_dtype_of(tick), ND_STR_OF(4));
    strs want = { 3, (char *[]){ "AAPL", "MSFT", "\xe6\x97\xa5\xe6\x9c\xac" }, (size_t[]){ 4, 4, 6 } };
    check_strs(tick, &want);
    nd_array *price = nd_table_text_column(t, 2); /* numeric, its text kept */
    CU_ASSERT_PTR_NOT_NULL_FATAL(price);
    CU_ASSERT_EQUAL(nd_dtype_of(price), ND_STR_OF(3));
    check_elem(price, 0, "1.5", 3);
    CU_ASSERT_PTR_NULL(nd_table_text_column(t, 7));
    CU_ASSERT_EQUAL(nd_last_error(), ND_EINDEX);
    nd_table_free(t);
    t = nd_read_csv_buffer(csv, sizeof csv - 1, NULL);
    CU_ASSERT_PTR_NOT_NULL_FATAL(t);
    CU_ASSERT_PTR_NULL(nd_table_text_column(t, 2)); /* numeric, text not kept */
    CU_ASSERT_EQUAL(nd_last_error(), ND_EVALUE);
    nd_table_free(t);
    nd_free(tick), nd_free(price);
}

/* np.intersect1d(['b', 'a', 'c'], ['c', 'a', 'z']) == ['a', 'c'] (dtype '<U1') */
static void test_intersect1d_of_strings(void)
{
    nd_array *a = nd_str_array(3, (const char *[]){ "b", "a", "c" }, ND_STR_OF(0));
    nd_array *b = nd_str_array(3, (const char *[]){ "c", "a", "z" }, ND_STR_OF(0));
    nd_array *r = nd_intersect1d(a, b);
    CU_ASSERT_PTR_NOT_NULL_FATAL(r);
    char *txt = nd_repr(r);
    CU_ASSERT_STRING_EQUAL(txt, "array(['a', 'c'], dtype='<U1')");
    nd_free_mem(txt);
    nd_free(a), nd_free(b), nd_free(r);
}

static const ND_TEST tests[] = {
    ND_T(test_intersect1d_of_strings),
    ND_T(test_create_sizes_to_longest_and_reads_back),
    ND_T(test_explicit_width_cuts_as_numpy),
    ND_T(test_bad_input_is_an_error),
    ND_T(test_astype_text_to_text_matches_numpy),
    ND_T(test_astype_numbers_to_text_matches_numpy),
    ND_T(test_astype_text_to_numbers_matches_numpy),
    ND_T(test_comparison_ufuncs_match_numpy),
    ND_T(test_sort_unique_search_isin_match_numpy),
    ND_T(test_sort_keys_against_plain_comparison),
    ND_T(test_repr_and_str_match_numpy),
    ND_T(test_csv_text_column_as_unicode_array),
    { 0 },
};

ND_TEST_MAIN("strings", tests)
