/* Printing: repr / str against NumPy 1.24 text (tests/data/print, made by gen.py),
 * print options, nd_print and error paths. */
#include <numc/array.h>

#include <inttypes.h>
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "testutil.h"

/* ---- fixture reading ----------------------------------------------------------------- */

static char *slurp(const char *name, size_t *len)
{
    char path[1024];
    snprintf(path, sizeof path, "%s/print/%s", NUMC_TEST_DATA, name);
    FILE *f = fopen(path, "rb");
    if (!f) return NULL;
    fseek(f, 0, SEEK_END);
    long n = ftell(f);
    fseek(f, 0, SEEK_SET);
    char *s = malloc((size_t)n + 1);
    if (s && fread(s, 1, (size_t)n, f) != (size_t)n) {
        free(s);
        s = NULL;
    }
    fclose(f);
    if (s) {
        s[n] = '\0';
        if (len) *len = (size_t)n;
    }
    return s;
}

/* Next line of the fixture text (NUL-terminated in place); NULL at the end. */
static char *next_line(char **cur)
{
    char *s = *cur;
    if (!s || !*s) return NULL;
    char *nl = strchr(s, '\n');
    if (nl) {
        *nl = '\0';
        *cur = nl + 1;
    } else {
        *cur = s + strlen(s);
    }
    return s;
}

/* A length-prefixed text block: "KEY LEN\n" then LEN bytes and '\n'. */
static char *read_block(char **cur, const char *key)
{
    char *line = next_line(cur);
    size_t klen = strlen(key);
    if (!line || strncmp(line, key, klen) != 0) return NULL;
    size_t n = strtoul(line + klen, NULL, 10);
    char *text = *cur;
    if (strlen(text) < n) return NULL;
    text[n] = '\0';
    *cur = text + n + 1;
    return text;
}

typedef struct fixture {
    char name[96];
    nd_dtype dt;
    int ndim;
    ptrdiff_t shape[ND_MAXDIMS];
    nd_printoptions opts;
    char view[16];
    ptrdiff_t count;
    void *data;
    const char *repr, *str;
} fixture;

static const char *const dtype_names[ND_NTYPES] = {
    "bool", "int8", "int16", "int32", "int64", "uint8", "uint16", "uint32", "uint64",
    "float32", "float64", "complex64", "complex128",
};

static int dtype_by_name(const char *name)
{
    for (int t = 0; t < ND_NTYPES; t++)
        if (strcmp(name, dtype_names[t]) == 0) return t;
    return -1;
}

static size_t elem_size(nd_dtype dt)
{
    static const size_t sz[ND_NTYPES] = { 1, 1, 2, 4, 8, 1, 2, 4, 8, 4, 8, 8, 16 };
    return sz[dt];
}

static void store_value(void *base, ptrdiff_t i, nd_dtype dt, const char *s)
{
    char *p = (char *)base + (size_t)i * elem_size(dt);
    char *end;
    switch (dt) {
    case ND_BOOL: { uint8_t v = (uint8_t)(atoi(s) != 0); memcpy(p, &v, 1); } break;
    case ND_INT8: { int8_t v = (int8_t)strtoll(s, NULL, 10); memcpy(p, &v, 1); } break;
    case ND_INT16: { int16_t v = (int16_t)strtoll(s, NULL, 10); memcpy(p, &v, 2); } break;
    case ND_INT32: { int32_t v = (int32_t)strtoll(s, NULL, 10); memcpy(p, &v, 4); } break;
    case ND_INT64: { int64_t v = strtoll(s, NULL, 10); memcpy(p, &v, 8); } break;
    case ND_UINT8: { uint8_t v = (uint8_t)strtoull(s, NULL, 10); memcpy(p, &v, 1); } break;
    case ND_UINT16: { uint16_t v = (uint16_t)strtoull(s, NULL, 10); memcpy(p, &v, 2); } break;
    case ND_UINT32: { uint32_t v = (uint32_t)strtoull(s, NULL, 10); memcpy(p, &v, 4); } break;
    case ND_UINT64: { uint64_t v = strtoull(s, NULL, 10); memcpy(p, &v, 8); } break;
    /* the text is an exact float64 repr, and float32 values are exact in float64 */
    case ND_FLOAT32: { float v = (float)strtod(s, NULL); memcpy(p, &v, 4); } break;
    case ND_FLOAT64: { double v = strtod(s, NULL); memcpy(p, &v, 8); } break;
    case ND_COMPLEX64: {
        float v[2];
        v[0] = (float)strtod(s, &end);
        v[1] = (float)strtod(end, NULL);
        memcpy(p, v, 8);
    } break;
    case ND_COMPLEX128: {
        double v[2];
        v[0] = strtod(s, &end);
        v[1] = strtod(end, NULL);
        memcpy(p, v, 16);
    } break;
    default: break;
    }
}

/* Parse one "case ... end" block; false at the end of the file or on bad syntax. */
static bool read_fixture(char **cur, fixture *fx)
{
    memset(fx, 0, sizeof *fx);
    char *line = next_line(cur);
    if (!line || sscanf(line, "case %95s", fx->name) != 1) return false;
    char dtname[32];
    line = next_line(cur);
    if (!line || sscanf(line, "dtype %31s", dtname) != 1) return false;
    int dt = dtype_by_name(dtname);
    if (dt < 0) return false;
    fx->dt = (nd_dtype)dt;
    line = next_line(cur);
    if (!line || strncmp(line, "shape ", 6) != 0) return false;
    char *p = line + 6;
    fx->ndim = (int)strtol(p, &p, 10);
    for (int d = 0; d < fx->ndim; d++) fx->shape[d] = strtol(p, &p, 10);
    line = next_line(cur);
    int prec, edge, lw, sup;
    long thr;
    if (!line || sscanf(line, "opts %d %ld %d %d %d", &prec, &thr, &edge, &lw, &sup) != 5)
        return false;
    fx->opts = (nd_printoptions){ .precision = prec, .threshold = thr, .edgeitems = edge,
                                  .linewidth = lw, .suppress = sup != 0 };
    line = next_line(cur);
    if (line && strncmp(line, "view ", 5) == 0) {
        snprintf(fx->view, sizeof fx->view, "%s", line + 5);
        line = next_line(cur);
    }
    if (!line || sscanf(line, "values %td", &fx->count) != 1) return false;
    fx->data = calloc((size_t)(fx->count ? fx->count : 1), elem_size(fx->dt));
    for (ptrdiff_t i = 0; i < fx->count; i++) {
        line = next_line(cur);
        if (!line) return false;
        store_value(fx->data, i, fx->dt, line);
    }
    fx->repr = read_block(cur, "repr ");
    fx->str = read_block(cur, "str ");
    line = next_line(cur);
    return fx->repr && fx->str && line && strcmp(line, "end") == 0;
}

/* The array the fixture describes: a copy, or a strided view of one ("T": transpose,
 * "step2": every second item along axis 0), built with nd_wrap's explicit strides. */
static nd_array *fixture_array(const fixture *fx)
{
    if (!fx->view[0]) return nd_from_buffer(fx->data, fx->ndim, fx->shape, fx->dt);
    ptrdiff_t shape[ND_MAXDIMS], strides[ND_MAXDIMS];
    ptrdiff_t step = (ptrdiff_t)elem_size(fx->dt);
    ptrdiff_t cstr[ND_MAXDIMS];
    for (int d = fx->ndim - 1; d >= 0; d--) {
        cstr[d] = step;
        step *= fx->shape[d];
    }
    for (int d = 0; d < fx->ndim; d++) {
        if (strcmp(fx->view, "T") == 0) {
            shape[d] = fx->shape[fx->ndim - 1 - d];
            strides[d] = cstr[fx->ndim - 1 - d];
        } else {
            shape[d] = d == 0 ? (fx->shape[0] + 1) / 2 : fx->shape[d];
            strides[d] = d == 0 ? 2 * cstr[0] : cstr[d];
        }
    }
    return nd_wrap(fx->data, fx->ndim, shape, strides, fx->dt, NULL, NULL);
}

static int show_mismatch(const char *name, const char *what, const char *got, const char *want)
{
    printf("\n--- %s %s\nnumc:\n%s\nnumpy:\n%s\n", name, what, got ? got : "(NULL)", want);
    return 1;
}

/* Run every fixture whose name starts with one of the prefixes; returns the count. */
static int run_fixtures(const char *const *prefixes)
{
    char *text = slurp("fixtures.txt", NULL);
    CU_ASSERT_PTR_NOT_NULL_FATAL(text);
    char *cur = text;
    fixture fx;
    int ran = 0, bad = 0;
    while (read_fixture(&cur, &fx)) {
        bool want = false;
        for (const char *const *p = prefixes; *p; p++)
            if (strncmp(fx.name, *p, strlen(*p)) == 0) want = true;
        if (want) {
            nd_set_printoptions(&fx.opts);
            nd_array *a = fixture_array(&fx);
            CU_ASSERT_PTR_NOT_NULL(a);
            char *r = nd_repr(a), *s = nd_str(a);
            if (!r || strcmp(r, fx.repr) != 0) bad += show_mismatch(fx.name, "repr", r, fx.repr);
            if (!s || strcmp(s, fx.str) != 0) bad += show_mismatch(fx.name, "str", s, fx.str);
            nd_free_mem(r);
            nd_free_mem(s);
            nd_free(a);
            nd_set_printoptions(NULL);
            ran++;
        }
        free(fx.data);
    }
    CU_ASSERT_PTR_NULL(next_line(&cur)); /* the whole file parsed */
    free(text);
    CU_ASSERT(ran > 0);
    CU_ASSERT_EQUAL(bad, 0);
    return ran;
}

#define FIXTURES(...) run_fixtures((const char *const[]){ __VA_ARGS__, NULL })

/* ---- NumPy fixtures by theme --------------------------------------------------------- */

static void test_float64_matches_numpy(void) { FIXTURES("f64_", "negzero", "all_zero", "shortest_f64"); }
static void test_float32_matches_numpy(void) { FIXTURES("f32_", "shortest_f32"); }
static void test_integers_match_numpy(void) { FIXTURES("int", "uint"); }
static void test_bool_matches_numpy(void) { FIXTURES("bool"); }
static void test_complex_matches_numpy(void) { FIXTURES("c128", "c64"); }
static void test_empty_arrays_match_numpy(void) { FIXTURES("empty_"); }
static void test_views_match_numpy(void) { FIXTURES("transpose_view", "step_view"); }
static void test_scientific_matches_numpy(void) { FIXTURES("sci_", "below_1e8"); }
static void test_nonfinite_matches_numpy(void) { FIXTURES("nonfinite"); }
static void test_options_match_numpy(void)
{
    FIXTURES("prec3", "suppress_", "linewidth40", "edge2_", "edge1_");
}

static void test_every_fixture_is_checked(void)
{
    /* Counting all cases catches a fixture no theme above claims. */
    int all = FIXTURES("");
    int themed = FIXTURES("f64_", "negzero", "all_zero", "shortest_", "f32_", "int", "uint",
                          "bool", "c128", "c64", "empty_", "transpose_view", "step_view",
                          "sci_", "below_1e8", "nonfinite", "prec3", "suppress_",
                          "linewidth40", "edge2_", "edge1_");
    CU_ASSERT_EQUAL(all, themed);
    CU_ASSERT(all >= 100);
}

/* str() of 0-d float64 / float32 arrays: NumPy's shortest round-trip digits for random
 * bit patterns and every power of two. */
static void test_scalar_shortest_digits_match_numpy(void)
{
    char *text = slurp("scalars.txt", NULL);
    CU_ASSERT_PTR_NOT_NULL_FATAL(text);
    char *cur = text, *line;
    int n = 0, bad = 0;
    while ((line = next_line(&cur))) {
        char kind[8], want[64];
        unsigned long long bits;
        if (sscanf(line, "%7s %llx %63s", kind, &bits, want) != 3) continue;
        nd_array *a;
        if (strcmp(kind, "f32") == 0) {
            uint32_t b = (uint32_t)bits;
            float v;
            memcpy(&v, &b, 4);
            a = nd_from_buffer(&v, 0, NULL, ND_FLOAT32);
        } else {
            uint64_t b = bits;
            double v;
            memcpy(&v, &b, 8);
            a = nd_from_buffer(&v, 0, NULL, ND_FLOAT64);
        }
        char *s = nd_str(a);
        if (!s || strcmp(s, want) != 0) {
            if (bad < 20) printf("\n%s %llx: numc %s numpy %s", kind, bits, s ? s : "(NULL)", want);
            bad++;
        }
        nd_free_mem(s);
        nd_free(a);
        n++;
    }
    free(text);
    CU_ASSERT(n > 3000);
    CU_ASSERT_EQUAL(bad, 0);
}

/* ---- options ------------------------------------------------------------------------- */

static void test_printoptions_defaults(void)
{
    nd_set_printoptions(NULL);
    nd_printoptions o = nd_get_printoptions();
    CU_ASSERT_EQUAL(o.precision, 8);
    CU_ASSERT_EQUAL(o.threshold, 1000);
    CU_ASSERT_EQUAL(o.edgeitems, 3);
    CU_ASSERT_EQUAL(o.linewidth, 75);
    CU_ASSERT_FALSE(o.suppress);
}

static void test_printoptions_zero_fields_mean_default(void)
{
    nd_set_printoptions(&(nd_printoptions){ .precision = 3, .suppress = true });
    nd_printoptions o = nd_get_printoptions();
    CU_ASSERT_EQUAL(o.precision, 3);
    CU_ASSERT_EQUAL(o.threshold, 1000);
    CU_ASSERT_EQUAL(o.edgeitems, 3);
    CU_ASSERT_EQUAL(o.linewidth, 75);
    CU_ASSERT_TRUE(o.suppress);
    nd_set_printoptions(NULL);
    CU_ASSERT_EQUAL(nd_get_printoptions().precision, 8);
}

static void test_precision_option_changes_repr(void)
{
    double v[] = { 3.14159265358979, 2.0 };
    nd_array *a = nd_from_f64(v, 2);
    nd_set_printoptions(&(nd_printoptions){ .precision = 2 });
    char *s = nd_repr(a);
    CU_ASSERT_STRING_EQUAL(s, "array([3.14, 2.  ])");
    nd_free_mem(s);
    nd_set_printoptions(NULL);
    s = nd_repr(a);
    CU_ASSERT_STRING_EQUAL(s, "array([3.14159265, 2.        ])");
    nd_free_mem(s);
    nd_free(a);
}

static void *thread_reads_options(void *arg)
{
    nd_printoptions *seen = arg;
    seen[0] = nd_get_printoptions();
    nd_set_printoptions(&(nd_printoptions){ .linewidth = 20 });
    seen[1] = nd_get_printoptions();
    return NULL;
}

static void test_printoptions_are_thread_local(void)
{
    nd_set_printoptions(&(nd_printoptions){ .precision = 4 });
    nd_printoptions seen[2];
    pthread_t t;
    CU_ASSERT_EQUAL_FATAL(pthread_create(&t, NULL, thread_reads_options, seen), 0);
    pthread_join(t, NULL);
    CU_ASSERT_EQUAL(seen[0].precision, 8); /* a new thread starts from the defaults */
    CU_ASSERT_EQUAL(seen[1].linewidth, 20);
    CU_ASSERT_EQUAL(nd_get_printoptions().precision, 4);
    CU_ASSERT_EQUAL(nd_get_printoptions().linewidth, 75);
    nd_set_printoptions(NULL);
}

/* ---- nd_print and errors ---------------------------------------------------------------- */

static void test_print_writes_str_and_newline(void)
{
    int64_t v[] = { 1, 22, 333 };
    nd_array *a = nd_from_i64(v, 3);
    FILE *f = tmpfile();
    CU_ASSERT_PTR_NOT_NULL_FATAL(f);
    CU_ASSERT_EQUAL(nd_print(a, f), ND_OK);
    rewind(f);
    char buf[64] = { 0 };
    size_t n = fread(buf, 1, sizeof buf - 1, f);
    CU_ASSERT_EQUAL(n, strlen("[  1  22 333]\n"));
    CU_ASSERT_STRING_EQUAL(buf, "[  1  22 333]\n");
    fclose(f);
    nd_free(a);
}

static void test_print_to_unwritable_stream_is_eio(void)
{
    int64_t v[] = { 1 };
    nd_array *a = nd_from_i64(v, 1);
    FILE *f = fopen("/dev/null", "r");
    CU_ASSERT_PTR_NOT_NULL_FATAL(f);
    CU_ASSERT_EQUAL(nd_print(a, f), ND_EIO);
    CU_ASSERT_PTR_NOT_NULL(strstr(nd_errmsg(), "nd_print"));
    fclose(f);
    nd_free(a);
}

static void test_null_array_is_evalue(void)
{
    nd_clear_error();
    CU_ASSERT_PTR_NULL(nd_repr(NULL));
    CU_ASSERT_EQUAL(nd_last_error(), ND_EVALUE);
    CU_ASSERT_PTR_NOT_NULL(strstr(nd_errmsg(), "nd_repr"));
    CU_ASSERT_PTR_NULL(nd_str(NULL));
    CU_ASSERT_PTR_NOT_NULL(strstr(nd_errmsg(), "nd_str"));
    CU_ASSERT_EQUAL(nd_print(NULL, NULL), ND_EVALUE);
}

/* An allocator that fails after `budget` allocations: every failure point of nd_repr
 * must return NULL with ND_ENOMEM and leak nothing (ASan checks the leaks). */
static long alloc_budget;
static void *budget_alloc(size_t n, void *ctx)
{
    (void)ctx;
    if (alloc_budget-- <= 0) return NULL;
    return malloc(n ? n : 1);
}
static void budget_free(void *p, void *ctx)
{
    (void)ctx;
    free(p);
}

static void test_out_of_memory_returns_null(void)
{
    double v[40];
    for (int i = 0; i < 40; i++) v[i] = i * 1.25 - 3;
    /* a complex array uses every buffer: output, word, scratch and the gathered values */
    nd_array *a = nd_from_buffer(v, 1, (const ptrdiff_t[]){ 20 }, ND_COMPLEX128);
    CU_ASSERT_PTR_NOT_NULL_FATAL(a);
    char *full = nd_repr(a);
    CU_ASSERT_PTR_NOT_NULL_FATAL(full);
    bool succeeded = false;
    for (long budget = 0; budget < 64 && !succeeded; budget++) {
        alloc_budget = budget;
        nd_set_allocator(&(nd_allocator){ budget_alloc, budget_free, NULL });
        nd_clear_error();
        char *s = nd_repr(a);
        nd_set_allocator(NULL);
        if (s) {
            CU_ASSERT_STRING_EQUAL(s, full);
            succeeded = true;
            free(s); /* allocated by budget_alloc's malloc */
        } else {
            CU_ASSERT_EQUAL(nd_last_error(), ND_ENOMEM);
        }
    }
    CU_ASSERT_TRUE(succeeded);
    nd_free_mem(full);
    nd_free(a);
}

static const ND_TEST tests[] = {
    ND_T(test_float64_matches_numpy),
    ND_T(test_float32_matches_numpy),
    ND_T(test_integers_match_numpy),
    ND_T(test_bool_matches_numpy),
    ND_T(test_complex_matches_numpy),
    ND_T(test_empty_arrays_match_numpy),
    ND_T(test_views_match_numpy),
    ND_T(test_scientific_matches_numpy),
    ND_T(test_nonfinite_matches_numpy),
    ND_T(test_options_match_numpy),
    ND_T(test_every_fixture_is_checked),
    ND_T(test_scalar_shortest_digits_match_numpy),
    ND_T(test_printoptions_defaults),
    ND_T(test_printoptions_zero_fields_mean_default),
    ND_T(test_precision_option_changes_repr),
    ND_T(test_printoptions_are_thread_local),
    ND_T(test_print_writes_str_and_newline),
    ND_T(test_print_to_unwritable_stream_is_eio),
    ND_T(test_null_array_is_evalue),
    ND_T(test_out_of_memory_returns_null),
    { 0 },
};

ND_TEST_MAIN("print", tests)
