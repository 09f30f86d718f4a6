/* numpy.ma printing (core/ma/ma_print.c): nd_ma_repr, nd_ma_str and nd_ma_print against
 * the texts NumPy 1.24 printed, byte for byte. scripts/gen_ma_print_fixtures.py writes the
 * inputs (tests/data/ma/print_inputs.txt) and the texts (tests/data/ma/print.txt). */
#define _POSIX_C_SOURCE 200809L
#include "testutil.h"
#include "faultsim.h"

#include <inttypes.h>
#include <numc/ma.h>
#include <numc/numc.h>
#include <stdio.h>
#include <string.h>

#define INPUTS NUMC_TEST_DATA "/ma/print_inputs.txt"
#define TEXTS NUMC_TEST_DATA "/ma/print.txt"

#include "reports_text.h"

static int load_texts(void) { return reports_load(TEXTS); }

/* ---- the inputs ----------------------------------------------------------------------- */

typedef struct input {
    char name[64];
    nd_marray *m;
    bool has_options;
    nd_printoptions options;
} input;

static bool is_uint(nd_dtype dt) { return dt >= ND_UINT8 && dt <= ND_UINT64; }

/* One token of a value of dtype dt (complex: two tokens) as a scalar nd_set stores. */
static nd_scalar parse_value(nd_dtype dt, char **p)
{
    char *end;
    if (nd_dtype_is_complex(dt)) {
        double re = strtod(*p, &end), im = strtod(end, p);
        return ND_C128(re, im);
    }
    if (dt == ND_FLOAT32 || dt == ND_FLOAT64) {
        double f = strtod(*p, p);
        return ND_F64(f);
    }
    if (is_uint(dt)) {
        unsigned long long u = strtoull(*p, p, 10);
        return ND_U64(u);
    }
    long long i = strtoll(*p, p, 10);
    return dt == ND_BOOL ? ND_BOOL_S(i != 0) : ND_I64(i);
}

/* The multi-index of flat position i in C order. */
static void unravel(ptrdiff_t i, int ndim, const ptrdiff_t *shape, ptrdiff_t *idx)
{
    for (int d = ndim - 1; d >= 0; d--) {
        idx[d] = shape[d] ? i % shape[d] : 0;
        i = shape[d] ? i / shape[d] : 0;
    }
}

static char *skip_bar(char *p)
{
    char *bar = strchr(p, '|');
    return bar ? bar + 1 : p + strlen(p);
}

/* Parse one line of print_inputs.txt (see the generator for the format). */
static bool parse_input(char *line, input *in)
{
    char dts[32];
    int ndim, used;
    memset(in, 0, sizeof *in);
    if (sscanf(line, "%63s %31s %d%n", in->name, dts, &ndim, &used) != 3) return false;
    char *p = line + used;
    ptrdiff_t shape[ND_MAXDIMS], n = 1, idx[ND_MAXDIMS];
    for (int d = 0; d < ndim; d++) {
        shape[d] = strtol(p, &p, 10);
        n *= shape[d];
    }
    nd_dtype dt = (nd_dtype)nd_dtype_from_name(dts);
    nd_array *data = nd_zeros(ndim, shape, dt), *mask = NULL;
    p = skip_bar(p);
    double scale = 0, offset = 0;
    bool gen = sscanf(p, " @arange %lf %lf", &scale, &offset) == 2;
    for (ptrdiff_t i = 0; i < n; i++) {
        unravel(i, ndim, shape, idx);
        nd_scalar v = gen ? ND_F64((double)i * scale + offset) : parse_value(dt, &p);
        if (gen && nd_dtype_is_integer(dt)) v = ND_I64((long long)i * (long long)scale + (long long)offset);
        nd_set(data, ndim, idx, v);
    }
    p = skip_bar(p);
    int k = 0, r = 0;
    bool nomask = strncmp(p, " nomask", 7) == 0, modmask = sscanf(p, " @mod %d %d", &k, &r) == 2;
    if (!nomask) {
        mask = nd_zeros(ndim, shape, ND_BOOL);
        for (ptrdiff_t i = 0; i < n; i++) {
            unravel(i, ndim, shape, idx);
            bool b = modmask ? i % k == r : strtol(p, &p, 10) != 0;
            nd_set(mask, ndim, idx, ND_BOOL_S(b));
        }
    }
    in->m = nd_ma_array(data, mask);
    nd_free(data);
    nd_free(mask);
    if (!in->m) return false;
    p = skip_bar(p);
    while (*p == ' ') p++;
    if (strncmp(p, "default", 7) != 0 && nd_ma_set_fill_value(in->m, parse_value(dt, &p)) < 0)
        return false;
    p = skip_bar(p);
    int th, edge, width;
    if (sscanf(p, " %d,%d,%d", &th, &edge, &width) == 3) {
        in->has_options = true;
        in->options = (nd_printoptions){ .threshold = th, .edgeitems = edge, .linewidth = width };
    }
    if (!strcmp(in->name, "hard")) nd_ma_harden_mask(in->m);
    if (!strcmp(in->name, "view")) {
        nd_marray *v = nd_ma_view(in->m, ":, ::2"), *t = v ? nd_ma_transpose(v) : NULL;
        nd_ma_free(v);
        nd_ma_free(in->m);
        in->m = t;
    }
    return in->m != NULL;
}

/* ---- the texts -------------------------------------------------------------------------- */

/* Compare a string numc made (freed here) with NumPy's text "<input>.<what>". */
static int check_text(const char *input_name, const char *what, char *got)
{
    char key[96];
    snprintf(key, sizeof key, "%s.%s", input_name, what);
    char *want = expected(key);
    CU_ASSERT_PTR_NOT_NULL_FATAL(want);
    if (!got) fprintf(stderr, "\n  %s: NULL (%s)\n", key, nd_errmsg());
    CU_ASSERT_PTR_NOT_NULL(got);
    int bad = got && strcmp(got, want) != 0;
    if (bad) fprintf(stderr, "\n  %s: numc\n[%s]\n  NumPy:\n[%s]\n", key, got, want);
    CU_ASSERT_FALSE(bad);
    free(want);
    nd_free_mem(got);
    return bad;
}

/* str and a newline, as nd_ma_print wrote it to a file. */
static char *printed(const nd_marray *m)
{
    FILE *f = tmpfile();
    if (!f) return NULL;
    CU_ASSERT_EQUAL(nd_ma_print(m, f), ND_OK);
    long n = ftell(f);
    rewind(f);
    char *s = nd_malloc((size_t)n + 1, "test");
    size_t got = s ? fread(s, 1, (size_t)n, f) : 0;
    fclose(f);
    if (!s || got != (size_t)n || n < 1 || s[n - 1] != '\n') {
        nd_free_mem(s);
        return NULL;
    }
    s[n - 1] = '\0';
    return s;
}

static void test_numpy_texts(void)
{
    FILE *f = fopen(INPUTS, "r");
    CU_ASSERT_PTR_NOT_NULL_FATAL(f);
    char *line = NULL;
    size_t cap = 0;
    int cases = 0, failures = 0;
    while (getline(&line, &cap, f) > 0) {
        input in;
        bool ok = parse_input(line, &in);
        if (!ok) fprintf(stderr, "\n  bad input line: %.60s (%s)\n", line, nd_errmsg());
        CU_ASSERT_TRUE_FATAL(ok);
        if (in.has_options) CU_ASSERT_EQUAL(nd_printoptions_begin(&in.options), ND_OK);
        failures += check_text(in.name, "repr", nd_ma_repr(in.m));
        failures += check_text(in.name, "str", nd_ma_str(in.m));
        failures += check_text(in.name, "str", printed(in.m));
        if (in.has_options) CU_ASSERT_EQUAL(nd_printoptions_end(), ND_OK);
        nd_ma_free(in.m);
        cases++;
    }
    free(line);
    fclose(f);
    CU_ASSERT(cases >= 60);
    if (failures) fprintf(stderr, "\n  %d of %d texts differ\n", failures, 3 * cases);
}

static void test_errors(void)
{
    CU_ASSERT_PTR_NULL(nd_ma_repr(NULL));
    CU_ASSERT_EQUAL(nd_last_error(), ND_EVALUE);
    CU_ASSERT_STRING_EQUAL(nd_errmsg(), "nd_ma_repr: masked array is NULL");
    CU_ASSERT_PTR_NULL(nd_ma_str(NULL));
    CU_ASSERT_STRING_EQUAL(nd_errmsg(), "nd_ma_str: masked array is NULL");
    CU_ASSERT_EQUAL(nd_ma_print(NULL, NULL), ND_EVALUE);
    CU_ASSERT_STRING_EQUAL(nd_errmsg(), "nd_ma_print: masked array is NULL");
    /* a stream that cannot be written */
    nd_array *d = nd_zeros(1, (ptrdiff_t[]){ 3 }, ND_FLOAT64);
    nd_marray *m = nd_ma_array(d, NULL);
    FILE *ro = fopen(INPUTS, "r");
    CU_ASSERT_PTR_NOT_NULL_FATAL(ro);
    CU_ASSERT_EQUAL(nd_ma_print(m, ro), ND_EIO);
    CU_ASSERT_STRING_EQUAL(nd_errmsg(), "nd_ma_print: writing to the stream failed");
    fclose(ro);
    nd_ma_free(m);
    nd_free(d);
}

/* ---- out of memory: every allocation failing in turn ------------------------------------ */
static nd_status fs_body(void *ctx)
{
    const nd_marray *m = ctx;
    char *r = nd_ma_repr(m);
    if (!r) return nd_last_error();
    nd_free_mem(r);
    char *s = nd_ma_str(m);
    if (!s) return nd_last_error();
    nd_free_mem(s);
    return ND_OK;
}

static void test_faultsim(void)
{
    FILE *f = fopen(INPUTS, "r");
    CU_ASSERT_PTR_NOT_NULL_FATAL(f);
    char *line = NULL;
    size_t cap = 0;
    while (getline(&line, &cap, f) > 0) {
        /* one small masked input of each layout, and one nomask */
        if (strncmp(line, "f2 ", 3) && strncmp(line, "i3 ", 3) && strncmp(line, "c128 ", 5) &&
            strncmp(line, "nomask ", 7) && strncmp(line, "zero_d_masked ", 14))
            continue;
        input in;
        CU_ASSERT_TRUE_FATAL(parse_input(line, &in));
        faultsim_report r = faultsim_run(in.name, fs_body, in.m);
        if (!r.ok) printf("\n%s: %s\n", in.name, r.why);
        CU_ASSERT_TRUE(r.ok);
        nd_ma_free(in.m);
    }
    free(line);
    fclose(f);
}

static const ND_TEST tests[] = {
    ND_T(test_numpy_texts), ND_T(test_errors), ND_T(test_faultsim), { 0 },
};

ND_TEST_MAIN_WITH("ma_print", tests, load_texts, free_reports)
