/* Business days: busdaycalendar, is_busday, busday_offset (every roll mode), busday_count
 * against NumPy 1.24 (tests/data/datetime/gen.py, busday.txt). */
#include <numc/numc.h>

#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "datetime_fixture.h"

static nd_array *ints(const char *text, nd_dtype t, ptrdiff_t n)
{
    nd_array *a = nd_empty(1, &n, t);
    int64_t *v = nd_data(a);
    char *p = (char *)text;
    for (ptrdiff_t i = 0; i < n; i++) v[i] = strtoll(p, &p, 10);
    return a;
}

static void test_busday_matches_numpy(void)
{
    FILE *f = open_fixture("busday.txt");
    static char line[16384];
    int rows = 0;
    while (fgets(line, sizeof line, f)) {
        char *fl[8];
        CU_ASSERT_FATAL(split_tabs(line, fl, 8) == 8);
        /* holidays */
        const char *hs[8];
        int nh = 0;
        for (char *p = fl[1]; *p;) {
            hs[nh++] = p;
            char *c = strchr(p, ',');
            if (!c) break;
            *c = '\0';
            p = c + 1;
        }
        nd_array *hol = nh ? nd_datetime64_from_strings(nh, hs, ND_DATETIME64_OF(ND_DT_D)) : NULL;
        nd_busdaycal *cal = nd_busdaycalendar(fl[0], hol);
        CU_ASSERT_PTR_NOT_NULL_FATAL(cal);
        const ptrdiff_t N = 12;
        nd_array *d = ints(fl[2], ND_DATETIME64_OF(ND_DT_D), N), *off = ints(fl[3], ND_INT64, N);
        nd_array *d2 = ints(fl[7], ND_DATETIME64_OF(ND_DT_D), N);
        nd_array *isb = nd_is_busday(d, cal);
        CU_ASSERT_PTR_NOT_NULL_FATAL(isb);
        char *p = fl[4];
        for (ptrdiff_t i = 0; i < N; i++) CU_ASSERT_EQUAL(((bool *)nd_data(isb))[i], strtol(p, &p, 10) != 0);
        /* each roll mode, element by element (a raise fails the element only) */
        char *roll = fl[5];
        for (int r = 0; r < 6; r++) {
            char *bar = strchr(roll, '|');
            if (bar) *bar = '\0';
            char *q = roll;
            for (ptrdiff_t i = 0; i < N; i++) {
                while (*q == ' ') q++;
                size_t len = strcspn(q, " ");
                nd_array *di = nd_slice(d, 1, (nd_index[]){ ND_SLICE(i, i + 1, 1) });
                nd_array *oi = nd_slice(off, 1, (nd_index[]){ ND_SLICE(i, i + 1, 1) });
                nd_array *res = nd_busday_offset(di, oi, (nd_busday_roll)r, cal);
                if (strncmp(q, "ERR", 3) == 0) {
                    CU_ASSERT_PTR_NULL(res);
                    CU_ASSERT_PTR_NOT_NULL(strstr(nd_errmsg(), "Non-business day"));
                } else {
                    CU_ASSERT_PTR_NOT_NULL_FATAL(res);
                    CU_ASSERT_EQUAL(*(int64_t *)nd_data(res), strtoll(q, NULL, 10));
                }
                q += len;
                nd_free(res);
                nd_free(oi);
                nd_free(di);
            }
            if (bar) roll = bar + 1;
        }
        nd_array *cnt = nd_busday_count(d, d2, cal);
        CU_ASSERT_PTR_NOT_NULL_FATAL(cnt);
        p = fl[6];
        for (ptrdiff_t i = 0; i < N; i++) CU_ASSERT_EQUAL(((int64_t *)nd_data(cnt))[i], strtoll(p, &p, 10));
        nd_free(cnt);
        nd_free(isb);
        nd_free(d2);
        nd_free(off);
        nd_free(d);
        nd_busdaycal_free(cal);
        nd_free(hol);
        rows++;
    }
    fclose(f);
    CU_ASSERT_EQUAL(rows, 3);
}

static void test_busday_errors(void)
{
    CU_ASSERT_PTR_NULL(nd_busdaycalendar("0000000", NULL));
    CU_ASSERT_PTR_NULL(nd_busdaycalendar("Mon Xyz", NULL));
    CU_ASSERT_EQUAL(nd_last_error(), ND_EVALUE);
    const char *h[] = { "2011-07-04", "2011-07-02", "NaT", "2011-07-04" };
    nd_array *hol = nd_datetime64_from_strings(4, h, ND_DATETIME64_OF(ND_DT_D));
    nd_busdaycal *cal = nd_busdaycalendar("Mon Tue", hol);
    const int64_t *days;
    CU_ASSERT_EQUAL(nd_busdaycal_holidays(cal, &days), 1); /* NumPy: ['2011-07-04'] */
    CU_ASSERT_EQUAL(days[0], 15159);
    const char *s[] = { "2011-01-01", "NaT" };
    nd_array *a = nd_datetime64_from_strings(2, s, ND_DATETIME64_OF(ND_DT_D));
    CU_ASSERT_PTR_NULL(nd_busday_count(a, a, NULL));
    CU_ASSERT_PTR_NOT_NULL(strstr(nd_errmsg(), "NaT"));
    nd_array *f = nd_zeros(1, (ptrdiff_t[]){ 2 }, ND_FLOAT64);
    CU_ASSERT_PTR_NULL(nd_is_busday(f, NULL));
    CU_ASSERT_PTR_NULL(nd_busday_offset(a, f, ND_ROLL_NAT, NULL));
    CU_ASSERT_EQUAL(nd_last_error(), ND_EDTYPE);
    nd_free(f);
    nd_free(a);
    nd_busdaycal_free(cal);
    nd_free(hol);
}

static const ND_TEST tests[] = {
    ND_T(test_busday_matches_numpy),
    ND_T(test_busday_errors),
    { NULL, NULL },
};

ND_TEST_MAIN("datetime_busday", tests)
