/* sort / argsort of datetime64 and timedelta64 arrays: NaT sorts last, as NumPy 1.24
 * (tests/data/datetime/gen.py, sort.txt). */
#include <numc/numc.h>

#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "datetime_fixture.h"

static void test_sort_matches_numpy(void)
{
    FILE *f = open_fixture("sort.txt");
    char line[8192];
    int rows = 0;
    while (fgets(line, sizeof line, f)) {
        char *fl[4];
        CU_ASSERT_FATAL(split_tabs(line, fl, 4) == 4);
        int t = nd_dtype_from_name(fl[0]);
        CU_ASSERT_FATAL(t >= 0);
        int64_t v[64];
        ptrdiff_t k = parse_i64s(fl[1], v, 64);
        nd_array *a = nd_empty(1, &k, (nd_dtype)t);
        memcpy(nd_data(a), v, (size_t)k * 8);
        nd_array *s = nd_sort(a);
        nd_array *ix = nd_argsort(a, -1, ND_SORT_STABLE);
        CU_ASSERT_PTR_NOT_NULL_FATAL(s);
        CU_ASSERT_PTR_NOT_NULL_FATAL(ix);
        CU_ASSERT_EQUAL(nd_dtype_of(s), (nd_dtype)t);
        const int64_t *sv = nd_data(s), *iv = nd_data(ix);
        char *ps = fl[2], *pi = fl[3];
        for (ptrdiff_t i = 0; i < k; i++) {
            CU_ASSERT_EQUAL(sv[i], strtoll(ps, &ps, 10));
            CU_ASSERT_EQUAL(iv[i], strtoll(pi, &pi, 10));
        }
        /* the input is untouched */
        CU_ASSERT_EQUAL(memcmp(nd_data(a), v, (size_t)k * 8), 0);
        nd_free(ix);
        nd_free(s);
        nd_free(a);
        rows++;
    }
    fclose(f);
    CU_ASSERT_EQUAL(rows, 3);
}

static void test_sort_2d_axis(void)
{
    const char *txt[] = { "2001-01-03", "NaT", "2001-01-01", "1999-12-31", "2001-01-02", "NaT" };
    nd_array *a = nd_datetime64_from_strings(6, txt, ND_DATETIME64_OF(ND_DT_D));
    nd_array *m = nd_reshape(a, 2, (ptrdiff_t[]){ 2, 3 });
    CU_ASSERT_EQUAL(nd_sort_inplace(m, 0, ND_SORT_QUICK), ND_OK);
    char *s = nd_str(m);
    CU_ASSERT_STRING_EQUAL(s, "[['1999-12-31' '2001-01-02' '2001-01-01']\n ['2001-01-03'        'NaT'        'NaT']]");
    nd_free_mem(s);
    nd_free(m);
    nd_free(a);
}

static void read_i64(char **p, int64_t *v, int n)
{
    for (int i = 0; i < n; i++) v[i] = strtoll(*p, p, 10);
}

static void test_min_max_arg_match_numpy(void)
{
    FILE *f = open_fixture("reduce.txt");
    char line[2048];
    int rows = 0;
    while (fgets(line, sizeof line, f)) {
        char *fl[6];
        CU_ASSERT_FATAL(split_tabs(line, fl, 6) == 6);
        nd_dtype t = (nd_dtype)nd_dtype_from_name(fl[0]);
        const ptrdiff_t shape[2] = { 2, 4 };
        nd_array *a = nd_empty(2, shape, t);
        int64_t v[8], flat[4], mn[4], mx[4], am[2];
        char *p = fl[1];
        read_i64(&p, v, 8);
        memcpy(nd_data(a), v, sizeof v);
        p = fl[2];
        read_i64(&p, flat, 4);
        p = fl[3];
        read_i64(&p, mn, 4);
        p = fl[4];
        read_i64(&p, mx, 4);
        p = fl[5];
        read_i64(&p, am, 2);
        nd_array *r[4] = { nd_min(a), nd_max(a), nd_argmin(a), nd_argmax(a) };
        for (int k = 0; k < 4; k++) {
            CU_ASSERT_PTR_NOT_NULL_FATAL(r[k]);
            CU_ASSERT_EQUAL(*(int64_t *)nd_data(r[k]), flat[k]);
            if (k < 2) CU_ASSERT_EQUAL(nd_dtype_of(r[k]), t);
            nd_free(r[k]);
        }
        nd_array *m0 = nd_min(a, 0), *x0 = nd_max(a, 0), *a1 = nd_argmax(a, 1);
        CU_ASSERT_PTR_NOT_NULL_FATAL(m0);
        CU_ASSERT_PTR_NOT_NULL_FATAL(x0);
        CU_ASSERT_PTR_NOT_NULL_FATAL(a1);
        CU_ASSERT_EQUAL(memcmp(nd_data(m0), mn, sizeof mn), 0);
        CU_ASSERT_EQUAL(memcmp(nd_data(x0), mx, sizeof mx), 0);
        CU_ASSERT_EQUAL(memcmp(nd_data(a1), am, sizeof am), 0);
        nd_free(m0);
        nd_free(x0);
        nd_free(a1);
        /* reductions NumPy does not define on dates are errors, not crashes (sum and mean
         * of timedelta64 are defined: test_datetime_reduce) */
        CU_ASSERT_PTR_NULL(nd_prod(a));
        CU_ASSERT_EQUAL(nd_last_error(), ND_EDTYPE);
        if (nd_dtype_is_datetime(nd_dtype_of(a))) {
            CU_ASSERT_PTR_NULL(nd_sum(a));
            CU_ASSERT_EQUAL(nd_last_error(), ND_EDTYPE);
            CU_ASSERT_PTR_NULL(nd_mean(a));
        }
        nd_free(a);
        rows++;
    }
    fclose(f);
    CU_ASSERT_EQUAL(rows, 3);
}

static void check_range(nd_array *r, nd_dtype t, int n, const char *const *want)
{
    CU_ASSERT_PTR_NOT_NULL_FATAL(r);
    CU_ASSERT_EQUAL(nd_dtype_of(r), t);
    CU_ASSERT_EQUAL_FATAL(nd_size(r), n);
    char **s = nd_datetime_as_string(r, NULL);
    for (int i = 0; i < n; i++) CU_ASSERT_STRING_EQUAL(s[i], want[i]);
    nd_free_mem(s);
    nd_free(r);
}

static void test_arange_matches_numpy(void)
{
    const nd_dtype G = ND_DATETIME64_OF(ND_DT_GENERIC);
    nd_scalar two_days = { .dtype = ND_TIMEDELTA64_OF(ND_DT_D), .v.i = 2 };
    check_range(nd_datetime_arange("2001-01-01", "2001-01-10", two_days, G), ND_DATETIME64_OF(ND_DT_D), 5,
                (const char *[]){ "2001-01-01", "2001-01-03", "2001-01-05", "2001-01-07", "2001-01-09" });
    nd_scalar seven_h = { .dtype = ND_TIMEDELTA64_OF(ND_DT_h), .v.i = 7 };
    check_range(nd_datetime_arange("2001-01-01", "2001-01-02T05", seven_h, G), ND_DATETIME64_OF(ND_DT_h), 5,
                (const char *[]){ "2001-01-01T00", "2001-01-01T07", "2001-01-01T14", "2001-01-01T21",
                                  "2001-01-02T04" });
    nd_scalar back = { .dtype = ND_TIMEDELTA64_OF(ND_DT_D), .v.i = -4 };
    check_range(nd_datetime_arange("2001-01-10", "2001-01-01", back, G), ND_DATETIME64_OF(ND_DT_D), 3,
                (const char *[]){ "2001-01-10", "2001-01-06", "2001-01-02" });
    nd_scalar year = { .dtype = ND_TIMEDELTA64_OF(ND_DT_Y), .v.i = 1 };
    check_range(nd_datetime_arange("2001", "2004", year, G), ND_DATETIME64_OF(ND_DT_Y), 3,
                (const char *[]){ "2001", "2002", "2003" });
    check_range(nd_datetime_arange("2001-01", "2001-01-07", ND_I64(3), ND_DATETIME64_OF(ND_DT_D)),
                ND_DATETIME64_OF(ND_DT_D), 2, (const char *[]){ "2001-01-01", "2001-01-04" });
    nd_scalar month = { .dtype = ND_TIMEDELTA64_OF(ND_DT_M), .v.i = 1 };
    CU_ASSERT_PTR_NULL(nd_datetime_arange("2001-01-01", "2002-01-05", month, G));
    CU_ASSERT_EQUAL(nd_last_error(), ND_EDTYPE);
    CU_ASSERT_PTR_NULL(nd_datetime_arange("2001-01-01", "NaT", two_days, G));
    CU_ASSERT_PTR_NOT_NULL(strstr(nd_errmsg(), "NaT"));
    nd_scalar zero = { .dtype = ND_TIMEDELTA64_OF(ND_DT_D), .v.i = 0 };
    CU_ASSERT_PTR_NULL(nd_datetime_arange("2001-01-01", "2001-01-05", zero, G));
    CU_ASSERT_PTR_NOT_NULL(strstr(nd_errmsg(), "zero"));
    CU_ASSERT_PTR_NULL(nd_datetime_arange("2001-01-01", "2001-13-05", two_days, G));
    CU_ASSERT_PTR_NULL(nd_datetime_arange("2001-01-01", "2001-01-05", ND_F64(1.5), G));
    nd_array *e = nd_datetime_arange("2001-01-05", "2001-01-01", two_days, G);
    CU_ASSERT_PTR_NOT_NULL(e);
    CU_ASSERT_EQUAL(nd_size(e), 0);
    nd_free(e);
}

/* expected values from NumPy 1.24 (np.unique / np.searchsorted on the same data) */
static void test_unique_searchsorted_match_numpy(void)
{
    const char *t[] = { "2001-01-03", "NaT", "1999-01-01", "2001-01-03", "NaT", "1999-01-01T12" };
    nd_array *a = nd_datetime64_from_strings(6, t, ND_DATETIME64_OF(ND_DT_h));
    nd_array *inv = NULL, *cnt = NULL;
    nd_array *u = nd_unique(a, .inverse = &inv, .counts = &cnt);
    CU_ASSERT_PTR_NOT_NULL_FATAL(u);
    CU_ASSERT_EQUAL(nd_dtype_of(u), ND_DATETIME64_OF(ND_DT_h));
    CU_ASSERT_EQUAL_FATAL(nd_size(u), 4);
    const int64_t wu[4] = { 254208, 254220, 271800, INT64_MIN }, winv[6] = { 2, 3, 0, 2, 3, 1 },
                  wcnt[4] = { 1, 1, 2, 2 };
    CU_ASSERT_EQUAL(memcmp(nd_data(u), wu, sizeof wu), 0);
    CU_ASSERT_EQUAL(memcmp(nd_data(inv), winv, sizeof winv), 0);
    CU_ASSERT_EQUAL(memcmp(nd_data(cnt), wcnt, sizeof wcnt), 0);
    const char *st[] = { "2001-01-03", "NaT", "1999-01-01" };
    nd_array *s0 = nd_datetime64_from_strings(3, st, ND_DATETIME64_OF(ND_DT_D));
    nd_array *s = nd_sort(s0);
    const char *vt[] = { "2001-01-03T01", "NaT", "1999-01-01", "2005-01-01" };
    nd_array *v = nd_datetime64_from_strings(4, vt, ND_DATETIME64_OF(ND_DT_h));
    nd_array *l = nd_searchsorted(s, v, ND_SIDE_LEFT), *r = nd_searchsorted(s, v, ND_SIDE_RIGHT);
    CU_ASSERT_PTR_NOT_NULL_FATAL(l);
    CU_ASSERT_PTR_NOT_NULL_FATAL(r);
    const int64_t wl[4] = { 2, 2, 0, 2 }, wr[4] = { 2, 3, 1, 2 };
    CU_ASSERT_EQUAL(memcmp(nd_data(l), wl, sizeof wl), 0);
    CU_ASSERT_EQUAL(memcmp(nd_data(r), wr, sizeof wr), 0);
    /* dates against numbers: no common dtype */
    nd_array *f = nd_zeros(1, (ptrdiff_t[]){ 2 }, ND_FLOAT64);
    CU_ASSERT_PTR_NULL(nd_searchsorted(s, f, ND_SIDE_LEFT));
    CU_ASSERT_EQUAL(nd_last_error(), ND_EDTYPE);
    nd_free(f);
    nd_free(l);
    nd_free(r);
    nd_free(v);
    nd_free(s);
    nd_free(s0);
    nd_free(u);
    nd_free(inv);
    nd_free(cnt);
    nd_free(a);
}

static const ND_TEST tests[] = {
    ND_T(test_unique_searchsorted_match_numpy),
    ND_T(test_arange_matches_numpy),
    ND_T(test_min_max_arg_match_numpy),
    ND_T(test_sort_matches_numpy),
    ND_T(test_sort_2d_axis),
    { NULL, NULL },
};

ND_TEST_MAIN("datetime_sort", tests)
