/* datetime64 / timedelta64 casts: unit conversions (truncation toward -inf, NaT kept, Y/M
 * through the calendar or the 400-year average), to and from numbers, overflow as an error;
 * checked against NumPy 1.24 fixtures (tests/data/datetime/gen.py). */
#include <numc/numc.h>

#include <math.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "datetime_fixture.h"

static nd_array *int64_array(const char *text, ptrdiff_t *n)
{
    int64_t v[64];
    ptrdiff_t k = parse_i64s(text, v, 64);
    *n = k;
    nd_array *a = nd_empty(1, &k, ND_INT64);
    for (ptrdiff_t i = 0; i < k; i++) nd_set(a, 1, &i, ND_I64(v[i]));
    return a;
}

static void test_casts_match_numpy(void)
{
    FILE *f = open_fixture("cast.txt");
    char line[2048], *fl[4];
    int rows = 0, bad = 0, errs = 0;
    while (fgets(line, sizeof line, f)) {
        CU_ASSERT_FATAL(split_tabs(line, fl, 4) == 4);
        nd_dtype st = dtype_of(fl[0]), dt = dtype_of(fl[1]);
        ptrdiff_t n;
        nd_array *raw = int64_array(fl[2], &n);
        nd_array *src = nd_astype(raw, st, ND_CAST_UNSAFE);
        CU_ASSERT_PTR_NOT_NULL_FATAL(src);
        char *want = fl[3];
        for (ptrdiff_t i = 0; i < n; i++) {
            char *tok = want + strspn(want, " ");
            size_t len = strcspn(tok, " ");
            char w[64];
            memcpy(w, tok, len);
            w[len] = '\0';
            want = tok + len;
            if (strcmp(w, "SKIP") == 0) continue;
            nd_array *one = nd_slice(src, 1, (nd_index[]){ ND_SLICE(i, i + 1, 1) });
            nd_clear_error();
            nd_array *r = nd_astype(one, dt, ND_CAST_UNSAFE);
            bool ok;
            if (strcmp(w, "ERR") == 0) {
                ok = r == NULL && nd_last_error() == ND_EVALUE && strstr(nd_errmsg(), "int64");
                errs++;
            } else if (!r) {
                ok = false;
            } else {
                nd_scalar s;
                ok = nd_get(r, 1, (ptrdiff_t[]){ 0 }, &s) == ND_OK;
                if (nd_dtype_is_float(dt)) ok = ok && s.v.f == strtod(w, NULL);
                else if (dt == ND_BOOL) ok = ok && s.v.b == (strcmp(w, "1") == 0);
                else if (dt == ND_UINT8) ok = ok && s.v.u == strtoull(w, NULL, 10);
                else ok = ok && s.v.i == strtoll(w, NULL, 10);
            }
            if (!ok && bad++ < 10)
                printf("\n  %s -> %s element %td: want %s, got %s", fl[0], fl[1], i, w,
                       r ? "a value" : nd_errmsg());
            CU_ASSERT(ok);
            nd_free(r);
            nd_free(one);
        }
        nd_free(src);
        nd_free(raw);
        rows++;
    }
    fclose(f);
    CU_ASSERT(rows > 200);
    CU_ASSERT(errs > 20);
}

static void test_numbers_to_dates_match_numpy(void)
{
    FILE *f = open_fixture("from_num.txt");
    char line[1024], *fl[4];
    int rows = 0;
    while (fgets(line, sizeof line, f)) {
        CU_ASSERT_FATAL(split_tabs(line, fl, 4) == 4);
        nd_dtype st = dtype_of(fl[0]), dt = dtype_of(fl[1]);
        double v[16];
        ptrdiff_t n = 0;
        char *p = fl[2], *end;
        for (;;) {
            while (*p == ' ') p++;
            if (!*p) break;
            v[n++] = strncmp(p, "nan", 3) == 0 ? NAN : strtod(p, &end);
            p = strncmp(p, "nan", 3) == 0 ? p + 3 : end;
        }
        nd_array *a = nd_empty(1, &n, st);
        for (ptrdiff_t i = 0; i < n; i++)
            nd_set(a, 1, &i, st == ND_INT64 ? ND_I64((int64_t)(v[i] < -9e18 ? INT64_MIN : (int64_t)v[i])) : ND_F64(v[i]));
        nd_array *r = nd_astype(a, dt, ND_CAST_UNSAFE);
        CU_ASSERT_PTR_NOT_NULL_FATAL(r);
        CU_ASSERT_EQUAL(nd_dtype_of(r), dt);
        p = fl[3];
        for (ptrdiff_t i = 0; i < n; i++) {
            nd_scalar s;
            nd_get(r, 1, &i, &s);
            CU_ASSERT_EQUAL(s.v.i, strtoll(p, &p, 10));
        }
        nd_free(r);
        nd_free(a);
        rows++;
    }
    fclose(f);
    CU_ASSERT_EQUAL(rows, 8);
}

static void test_cast_rules_and_errors(void)
{
    const char *s[] = { "2011-01-01", "NaT" };
    nd_array *a = nd_datetime64_from_strings(2, s, ND_DATETIME64_OF(ND_DT_D));
    /* astype to the generic dtype keeps the unit (NumPy resolves it) */
    nd_array *g = nd_astype(a, ND_DATETIME64_OF(ND_DT_GENERIC), ND_CAST_UNSAFE);
    CU_ASSERT_PTR_NOT_NULL_FATAL(g);
    CU_ASSERT_EQUAL(nd_dtype_of(g), ND_DATETIME64_OF(ND_DT_D));
    nd_free(g);
    /* same_kind/safe follow nd_can_cast */
    CU_ASSERT_PTR_NULL(nd_astype(a, ND_INT64, ND_CAST_SAME_KIND));
    CU_ASSERT_EQUAL(nd_last_error(), ND_EDTYPE);
    nd_array *s2 = nd_astype(a, ND_DATETIME64_OF(ND_DT_s), ND_CAST_SAFE);
    CU_ASSERT_PTR_NOT_NULL_FATAL(s2);
    nd_scalar v;
    nd_get(s2, 1, (ptrdiff_t[]){ 0 }, &v);
    CU_ASSERT_EQUAL(v.v.i, 1293840000);
    nd_get(s2, 1, (ptrdiff_t[]){ 1 }, &v);
    CU_ASSERT_EQUAL(v.v.i, ND_NAT);
    /* nd_assign and nd_copyto-style paths go through the same conversion */
    nd_array *ns = nd_zeros(1, (ptrdiff_t[]){ 2 }, ND_DATETIME64_OF(ND_DT_ns));
    CU_ASSERT_EQUAL(nd_assign(ns, s2, ND_CAST_UNSAFE), ND_OK);
    nd_get(ns, 1, (ptrdiff_t[]){ 0 }, &v);
    CU_ASSERT_EQUAL(v.v.i, 1293840000000000000);
    /* overflow is an error, not a wrap: year 3000 in ns */
    const char *far[] = { "3000-01-01" };
    nd_array *f = nd_datetime64_from_strings(1, far, ND_DATETIME64_OF(ND_DT_D));
    CU_ASSERT_PTR_NULL(nd_astype(f, ND_DATETIME64_OF(ND_DT_ns), ND_CAST_UNSAFE));
    CU_ASSERT_PTR_NOT_NULL(strstr(nd_errmsg(), "overflows"));
    CU_ASSERT_EQUAL(nd_assign(ns, f, ND_CAST_UNSAFE), ND_EVALUE);
    /* numbers to a generic date: NumPy wants a unit */
    nd_array *i = nd_zeros(1, (ptrdiff_t[]){ 2 }, ND_INT64);
    CU_ASSERT_PTR_NULL(nd_astype(i, ND_DATETIME64_OF(ND_DT_GENERIC), ND_CAST_UNSAFE));
    /* timedelta Y -> linear uses the 400-year average (NumPy: 1 Y = 365 D, -1 Y = -366 D) */
    nd_array *y = nd_astype(i, ND_TIMEDELTA64_OF(ND_DT_Y), ND_CAST_UNSAFE);
    CU_ASSERT_PTR_NOT_NULL_FATAL(y);
    CU_ASSERT_EQUAL(nd_set(y, 1, (ptrdiff_t[]){ 1 }, ND_I64(-1)), ND_OK);
    nd_array *yd = nd_astype(y, ND_TIMEDELTA64_OF(ND_DT_D), ND_CAST_UNSAFE);
    nd_get(yd, 1, (ptrdiff_t[]){ 1 }, &v);
    CU_ASSERT_EQUAL(v.v.i, -366);
    nd_free(yd);
    nd_free(y);
    nd_free(i);
    nd_free(f);
    nd_free(ns);
    nd_free(s2);
    nd_free(a);
}

static const ND_TEST tests[] = {
    ND_T(test_casts_match_numpy),
    ND_T(test_numbers_to_dates_match_numpy),
    ND_T(test_cast_rules_and_errors),
    { NULL, NULL },
};

ND_TEST_MAIN("datetime_cast", tests)
