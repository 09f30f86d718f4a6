/* Fixture reading shared by the string tests: lines of "tag token ...", strings as hex
 * (tests/data/strings/gen.py writes them). */
#ifndef NUMC_TEST_STRINGS_FIXTURE_H
#define NUMC_TEST_STRINGS_FIXTURE_H

#include <numc/numc.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "testutil.h"

#define DATA NUMC_TEST_DATA "/strings/"

/* ---- fixture files: lines of "tag token token ...", strings as hex ---------------------- */

typedef struct fline {
    char tag[32];
    int n;
    char **tok;
} fline;

typedef struct fixture {
    fline *lines;
    int n;
    int cur; /* next line for fx_next */
} fixture;

static inline fixture fx_load(const char *name)
{
    char path[1024];
    snprintf(path, sizeof path, DATA "%s", name);
    FILE *f = fopen(path, "r");
    fixture fx = { 0 };
    CU_ASSERT_PTR_NOT_NULL_FATAL(f);
    static char buf[1 << 16];
    while (fgets(buf, sizeof buf, f)) {
        fx.lines = realloc(fx.lines, (size_t)(fx.n + 1) * sizeof *fx.lines);
        fline *L = &fx.lines[fx.n++];
        memset(L, 0, sizeof *L);
        /* space-separated tokens: the tag, then the rest */
        bool first = true;
        for (char *t = buf; *t;) {
            size_t k = strcspn(t, " \n");
            if (k > 0) {
                if (first) {
                    snprintf(L->tag, sizeof L->tag, "%.*s", (int)k, t);
                } else {
                    L->tok = realloc(L->tok, (size_t)(L->n + 1) * sizeof *L->tok);
                    L->tok[L->n] = malloc(k + 1);
                    memcpy(L->tok[L->n], t, k);
                    L->tok[L->n++][k] = '\0';
                }
                first = false;
            }
            t += k;
            if (*t) t++;
        }
    }
    fclose(f);
    return fx;
}

static inline void fx_free(fixture *fx)
{
    for (int i = 0; i < fx->n; i++) {
        for (int k = 0; k < fx->lines[i].n; k++) free(fx->lines[i].tok[k]);
        free(fx->lines[i].tok);
    }
    free(fx->lines);
}

static inline const fline *fx_find(const fixture *fx, const char *tag)
{
    for (int i = 0; i < fx->n; i++)
        if (!strcmp(fx->lines[i].tag, tag)) return &fx->lines[i];
    CU_FAIL_FATAL("fixture tag missing");
    return NULL;
}

static inline const fline *fx_next(fixture *fx)
{
    CU_ASSERT_FATAL(fx->cur < fx->n);
    return &fx->lines[fx->cur++];
}

/* A hex token as a malloc'd NUL-terminated string; *len its byte count. */
static inline char *unhex(const char *t, size_t *len)
{
    size_t n = strcmp(t, "-") ? strlen(t) / 2 : 0;
    char *s = malloc(n + 1);
    for (size_t i = 0; i < n; i++) {
        unsigned v;
        sscanf(t + 2 * i, "%2x", &v);
        s[i] = (char)v;
    }
    s[n] = '\0';
    if (len) *len = n;
    return s;
}

/* The strings of a fixture line (tokens from `from`) as an array of C strings. */
typedef struct strs {
    int n;
    char **s;
    size_t *len;
} strs;

static inline strs strs_of(const fline *L, int from)
{
    strs r = { L->n - from, calloc((size_t)(L->n + 1), sizeof(char *)), calloc((size_t)(L->n + 1), sizeof(size_t)) };
    for (int i = 0; i < r.n; i++) r.s[i] = unhex(L->tok[from + i], &r.len[i]);
    return r;
}

static inline void strs_free(strs *r)
{
    for (int i = 0; i < r->n; i++) free(r->s[i]);
    free(r->s);
    free(r->len);
}

/* Element i of a 1-D string array equals the bytes want/wlen. */
static inline void check_elem(const nd_array *a, ptrdiff_t i, const char *want, size_t wlen)
{
    size_t len = 0;
    char *got = nd_str_get_alloc(a, 1, (ptrdiff_t[]){ i }, &len);
    CU_ASSERT_PTR_NOT_NULL_FATAL(got);
    CU_ASSERT_EQUAL(len, wlen);
    CU_ASSERT(len == wlen && memcmp(got, want, len) == 0);
    if (len != wlen || memcmp(got, want, len)) printf("\n  element %td: got '%s' want '%s'\n", i, got, want);
    nd_free_mem(got);
}

static inline void check_strs(const nd_array *a, const strs *want)
{
    CU_ASSERT_EQUAL_FATAL(nd_size(a), want->n);
    nd_array *flat = nd_ravel(a);
    for (int i = 0; i < want->n; i++) check_elem(flat, i, want->s[i], want->len[i]);
    nd_free(flat);
}

static inline void check_i64(const nd_array *a, const fline *L)
{
    CU_ASSERT_PTR_NOT_NULL_FATAL(a);
    CU_ASSERT_EQUAL_FATAL(nd_size(a), L->n);
    nd_array *flat = nd_ravel(a);
    for (int i = 0; i < L->n; i++)
        CU_ASSERT_EQUAL(nd_get_i64(flat, 1, (ptrdiff_t[]){ i }), atoll(L->tok[i]));
    nd_free(flat);
}

#endif
