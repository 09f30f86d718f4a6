/* Ufuncs on datetime64 / timedelta64 operands (type rules, NaT, units) against NumPy 1.24
 * fixtures (tests/data/datetime/gen.py). */
#include <numc/numc.h>

#include <math.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "datetime_fixture.h"

/* An array of dtype t from the text of its values (int64 ticks / numbers). */
static nd_array *make(const char *dt, const char *text)
{
    nd_dtype t = dtype_of(dt);
    ptrdiff_t n = 0;
    double fv[32];
    long long iv[32];
    char *p = (char *)text, *end;
    while (*p) {
        while (*p == ' ') p++;
        if (!*p) break;
        if (t == ND_FLOAT64) {
            if (strncmp(p, "nan", 3) == 0) { fv[n] = NAN; end = p + 3; }
            else fv[n] = strtod(p, &end);
        } else {
            iv[n] = strtoll(p, &end, 10);
        }
        n++;
        p = end;
    }
    nd_array *a = nd_empty(1, &n, t);
    for (ptrdiff_t i = 0; i < n; i++)
        nd_set(a, 1, &i, t == ND_FLOAT64 ? ND_F64(fv[i]) : ND_I64(iv[i]));
    return a;
}

static bool same(const nd_array *r, const char *dt, const char *text)
{
    nd_dtype t = dtype_of(dt);
    if (nd_dtype_of(r) != t) return false;
    char *p = (char *)text;
    for (ptrdiff_t i = 0; i < nd_size(r); i++) {
        nd_scalar s;
        nd_get(r, 1, &i, &s);
        while (*p == ' ') p++;
        if (t == ND_FLOAT64) {
            double w;
            if (strncmp(p, "nan", 3) == 0) { w = NAN; p += 3; }
            else if (strncmp(p, "inf", 3) == 0) { w = INFINITY; p += 3; }
            else if (strncmp(p, "-inf", 4) == 0) { w = -INFINITY; p += 4; }
            else w = strtod(p, &p);
            if (!(s.v.f == w || (isnan(w) && isnan(s.v.f)))) return false;
        } else if (t == ND_BOOL) {
            if (s.v.b != (strtol(p, &p, 10) != 0)) return false;
        } else {
            if (s.v.i != strtoll(p, &p, 10)) return false;
        }
    }
    return true;
}

static const struct { const char *name; nd_ufunc f; } names[] = {
    { "add", ND_UF_ADD }, { "subtract", ND_UF_SUBTRACT }, { "multiply", ND_UF_MULTIPLY },
    { "divide", ND_UF_DIVIDE }, { "floor_divide", ND_UF_FLOOR_DIVIDE },
    { "remainder", ND_UF_REMAINDER }, { "equal", ND_UF_EQUAL }, { "not_equal", ND_UF_NOT_EQUAL },
    { "less", ND_UF_LESS }, { "less_equal", ND_UF_LESS_EQUAL }, { "greater", ND_UF_GREATER },
    { "greater_equal", ND_UF_GREATER_EQUAL }, { "maximum", ND_UF_MAXIMUM },
    { "minimum", ND_UF_MINIMUM }, { "fmax", ND_UF_FMAX }, { "fmin", ND_UF_FMIN },
    { "negative", ND_UF_NEGATIVE }, { "positive", ND_UF_POSITIVE }, { "absolute", ND_UF_ABSOLUTE },
    { "sign", ND_UF_SIGN }, { "isnan", ND_UF_ISNAN }, { "isfinite", ND_UF_ISFINITE },
    { "isinf", ND_UF_ISINF },
};

static void test_ufuncs_match_numpy(void)
{
    FILE *f = open_fixture("ufunc.txt");
    char line[2048], *fl[7];
    int rows = 0, bad = 0;
    while (fgets(line, sizeof line, f)) {
        CU_ASSERT_FATAL(split_tabs(line, fl, 7) == 7);
        nd_array *a = make(fl[1], fl[2]);
        nd_array *b = strcmp(fl[3], "-") ? make(fl[3], fl[4]) : NULL;
        nd_array *r = NULL;
        nd_clear_error();
        if (strcmp(fl[0], "isnat") == 0) {
            r = nd_isnat(a);
        } else {
            int k = -1;
            for (size_t i = 0; i < sizeof names / sizeof *names; i++)
                if (strcmp(names[i].name, fl[0]) == 0) k = (int)i;
            CU_ASSERT_FATAL(k >= 0);
            nd_operand ops[2] = { nd_op_array(a), nd_op_array(b) };
            r = nd_ufunc_apply(names[k].f, ops, NULL);
        }
        bool ok = strcmp(fl[5], "ERR") == 0 ? r == NULL && nd_last_error() == ND_EDTYPE
                                           : r != NULL && same(r, fl[5], fl[6]);
        if (!ok && bad++ < 12)
            printf("\n  %s(%s, %s): want %s [%s], got %s", fl[0], fl[1], fl[3], fl[5], fl[6],
                   r ? nd_dtype_name(nd_dtype_of(r)) : nd_errmsg());
        CU_ASSERT(ok);
        nd_free(r);
        nd_free(a);
        nd_free(b);
        rows++;
    }
    fclose(f);
    CU_ASSERT(rows > 300);
}

static void test_scalars_out_and_errors(void)
{
    const char *s[] = { "2008-02-28", "NaT", "2008-12-31" };
    nd_array *a = nd_datetime64_from_strings(3, s, ND_DATETIME64_OF(ND_DT_D));
    /* a date plus a timedelta scalar and a plain integer */
    nd_scalar day = { .dtype = ND_TIMEDELTA64_OF(ND_DT_h), .v.i = 36 };
    nd_array *r = nd_add(a, day);
    CU_ASSERT_PTR_NOT_NULL_FATAL(r);
    CU_ASSERT_EQUAL(nd_dtype_of(r), ND_DATETIME64_OF(ND_DT_h));
    char **txt = nd_datetime_as_string(r, NULL);
    CU_ASSERT_STRING_EQUAL(txt[0], "2008-02-29T12");
    CU_ASSERT_STRING_EQUAL(txt[1], "NaT");
    CU_ASSERT_STRING_EQUAL(txt[2], "2009-01-01T12");
    nd_free_mem(txt);
    nd_free(r);
    r = nd_add(a, 1);
    CU_ASSERT_PTR_NOT_NULL_FATAL(r);
    nd_scalar v;
    nd_get(r, 1, (ptrdiff_t[]){ 2 }, &v);
    CU_ASSERT_EQUAL(v.v.i, 14245);
    /* into an existing output */
    nd_array *out = nd_zeros(1, (ptrdiff_t[]){ 3 }, ND_BOOL);
    CU_ASSERT_EQUAL(nd_greater_into(out, r, a), ND_OK);
    nd_get(out, 1, (ptrdiff_t[]){ 0 }, &v);
    CU_ASSERT(v.v.b);
    nd_get(out, 1, (ptrdiff_t[]){ 1 }, &v);
    CU_ASSERT(!v.v.b);
    /* overflow is an error */
    nd_scalar big = { .dtype = ND_TIMEDELTA64_OF(ND_DT_D), .v.i = INT64_MAX - 5 };
    CU_ASSERT_PTR_NULL(nd_add(a, big));
    CU_ASSERT_EQUAL(nd_last_error(), ND_EVALUE);
    /* units NumPy refuses to mix */
    nd_scalar year = { .dtype = ND_TIMEDELTA64_OF(ND_DT_Y), .v.i = 1 };
    nd_array *td = nd_zeros(1, (ptrdiff_t[]){ 2 }, ND_TIMEDELTA64_OF(ND_DT_D));
    CU_ASSERT_PTR_NULL(nd_add(td, year));
    CU_ASSERT_EQUAL(nd_last_error(), ND_EDTYPE);
    CU_ASSERT_PTR_NULL(nd_add(a, a));
    CU_ASSERT_PTR_NULL(nd_isnat(out));
    CU_ASSERT_EQUAL(nd_last_error(), ND_EDTYPE);
    CU_ASSERT_PTR_NULL(nd_sqrt(td));
    nd_free(td);
    nd_free(out);
    nd_free(r);
    nd_free(a);
}

static const ND_TEST tests[] = {
    ND_T(test_ufuncs_match_numpy),
    ND_T(test_scalars_out_and_errors),
    { NULL, NULL },
};

ND_TEST_MAIN("datetime_ufunc", tests)
