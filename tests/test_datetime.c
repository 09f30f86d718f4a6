/* datetime64 text and calendar: ISO 8601 parsing, datetime_as_string, days <-> dates, arrays
 * from strings, checked against NumPy 1.24 fixtures (tests/data/datetime/gen.py). */
#include <numc/numc.h>

#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "datetime_fixture.h"

static void test_parse_matches_numpy(void)
{
    FILE *f = open_fixture("parse.txt");
    char line[512], *fl[4];
    int n = 0, bad = 0;
    while (fgets(line, sizeof line, f)) {
        CU_ASSERT_FATAL(split_tabs(line, fl, 4) == 4);
        char unitname[64];
        snprintf(unitname, sizeof unitname, strcmp(fl[1], "generic") == 0 ? "M8" : "M8[%s]", fl[1]);
        nd_dtype t = dtype_of(unitname), got_t = ND_BOOL;
        int64_t v = 0;
        nd_clear_error();
        nd_status st = nd_datetime_parse(fl[0], t, &v, &got_t);
        bool ok;
        if (strcmp(fl[2], "ERR") == 0) {
            ok = st == ND_EVALUE && strstr(nd_errmsg(), "datetime string") != NULL;
        } else if (strcmp(fl[2], "OVF") == 0) {
            ok = st == ND_EVALUE && strstr(nd_errmsg(), "out of range") != NULL;
        } else {
            ok = st == ND_OK && got_t == dtype_of(fl[2]) && v == strtoll(fl[3], NULL, 10);
        }
        if (!ok && bad++ < 10)
            printf("\n  parse \"%s\" as %s: want %s %s, got %d %s %lld (%s)", fl[0], fl[1], fl[2],
                   fl[3], (int)st, st == ND_OK ? nd_dtype_name(got_t) : "-", (long long)v,
                   st ? nd_errmsg() : "");
        CU_ASSERT(ok);
        n++;
    }
    fclose(f);
    CU_ASSERT(n > 700);
}

static void test_parse_errors_name_string_and_position(void)
{
    int64_t v;
    CU_ASSERT_EQUAL(nd_datetime_parse("2011-01-01 x", ND_DATETIME64_OF(ND_DT_GENERIC), &v, NULL), ND_EVALUE);
    CU_ASSERT_PTR_NOT_NULL(strstr(nd_errmsg(), "Error parsing datetime string \"2011-01-01 x\" at position 11"));
    CU_ASSERT_EQUAL(nd_datetime_parse("2011-13-01", ND_DATETIME64_OF(ND_DT_D), &v, NULL), ND_EVALUE);
    CU_ASSERT_PTR_NOT_NULL(strstr(nd_errmsg(), "Month out of range in datetime string \"2011-13-01\""));
    /* overflow is an error (NumPy wraps 2300-01-01 in ns to 1715) */
    CU_ASSERT_EQUAL(nd_datetime_parse("2300-01-01", ND_DATETIME64_OF(ND_DT_ns), &v, NULL), ND_EVALUE);
    CU_ASSERT_PTR_NOT_NULL(strstr(nd_errmsg(), "out of range"));
    CU_ASSERT_EQUAL(nd_datetime_parse("1677-09-21T00:12:43.145224192", ND_DATETIME64_OF(ND_DT_ns), &v, NULL),
                    ND_EVALUE); /* that would be NaT's bit pattern */
    CU_ASSERT_EQUAL(nd_datetime_parse("1677-09-21T00:12:43.145224193", ND_DATETIME64_OF(ND_DT_ns), &v, NULL),
                    ND_OK);
    CU_ASSERT_EQUAL(v, INT64_MIN + 1);
    CU_ASSERT_EQUAL(nd_datetime_parse("2262-04-11T23:47:16.854775808", ND_DATETIME64_OF(ND_DT_ns), &v, NULL),
                    ND_EVALUE);
    CU_ASSERT_EQUAL(nd_datetime_parse("99999999999999999999", ND_DATETIME64_OF(ND_DT_Y), &v, NULL), ND_EVALUE);
    /* generic: only NaT */
    nd_dtype t = ND_BOOL;
    CU_ASSERT_EQUAL(nd_datetime_parse("NaT", ND_DATETIME64_OF(ND_DT_GENERIC), &v, &t), ND_OK);
    CU_ASSERT_EQUAL(v, ND_NAT);
    CU_ASSERT_EQUAL(t, ND_DATETIME64_OF(ND_DT_GENERIC));
    CU_ASSERT_EQUAL(nd_datetime_parse("2011", ND_TIMEDELTA64_OF(ND_DT_D), &v, NULL), ND_EDTYPE);
    CU_ASSERT_EQUAL(nd_datetime_parse(NULL, ND_DATETIME64_OF(ND_DT_D), &v, NULL), ND_EVALUE);
}

static void test_today_and_now(void)
{
    int64_t today, now;
    nd_dtype t;
    CU_ASSERT_EQUAL_FATAL(nd_datetime_parse("today", ND_DATETIME64_OF(ND_DT_GENERIC), &today, &t), ND_OK);
    CU_ASSERT_EQUAL(t, ND_DATETIME64_OF(ND_DT_D));
    CU_ASSERT_EQUAL_FATAL(nd_datetime_parse("NOW", ND_DATETIME64_OF(ND_DT_GENERIC), &now, &t), ND_OK);
    CU_ASSERT_EQUAL(t, ND_DATETIME64_OF(ND_DT_s));
    CU_ASSERT(now > 1600000000); /* after 2020 */
    /* the local date is within a day of the UTC one */
    CU_ASSERT(today - now / 86400 >= -1 && today - now / 86400 <= 1);
}

static void test_format_matches_numpy(void)
{
    FILE *f = open_fixture("format.txt");
    char line[512], *fl[5];
    int n = 0, bad = 0;
    while (fgets(line, sizeof line, f)) {
        CU_ASSERT_FATAL(split_tabs(line, fl, 5) == 5);
        nd_dtype t = dtype_of(fl[0]);
        int64_t v = strtoll(fl[1], NULL, 10);
        nd_dt_format_opts o = { .unit = strcmp(fl[2], "-") == 0 ? NULL : fl[2], .timezone = fl[3] };
        char buf[ND_DATETIME_STRLEN];
        nd_status st = nd_datetime_format(v, t, &o, buf, sizeof buf);
        bool ok = strcmp(fl[4], "ERR") == 0 ? st < 0 : st == ND_OK && strcmp(buf, fl[4]) == 0;
        if (!ok && bad++ < 10)
            printf("\n  format %s %s unit %s tz %s: want '%s' got %d '%s'", fl[0], fl[1], fl[2],
                   fl[3], fl[4], (int)st, st ? nd_errmsg() : buf);
        CU_ASSERT(ok);
        n++;
    }
    fclose(f);
    CU_ASSERT(n > 7000);
}

static void test_format_errors(void)
{
    char buf[11];
    CU_ASSERT_EQUAL(nd_datetime_format(0, ND_DATETIME64_OF(ND_DT_s), NULL, buf, sizeof buf), ND_EVALUE);
    CU_ASSERT_EQUAL(nd_datetime_format(0, ND_DATETIME64_OF(ND_DT_D), NULL, buf, 10), ND_EVALUE);
    CU_ASSERT_EQUAL(nd_datetime_format(0, ND_DATETIME64_OF(ND_DT_D), NULL, buf, sizeof buf), ND_OK);
    CU_ASSERT_STRING_EQUAL(buf, "1970-01-01");
    nd_dt_format_opts o = { .unit = "fortnight" };
    CU_ASSERT_EQUAL(nd_datetime_format(0, ND_DATETIME64_OF(ND_DT_D), &o, buf, sizeof buf), ND_EVALUE);
    o = (nd_dt_format_opts){ .timezone = "local" };
    CU_ASSERT_EQUAL(nd_datetime_format(0, ND_DATETIME64_OF(ND_DT_D), &o, buf, sizeof buf), ND_EVALUE);
    o = (nd_dt_format_opts){ .unit = "D", .casting = ND_CAST_SAFE };
    CU_ASSERT_EQUAL(nd_datetime_format(0, ND_DATETIME64_OF(ND_DT_s), &o, buf, sizeof buf), ND_EDTYPE);
    CU_ASSERT_EQUAL(nd_datetime_format(0, ND_INT64, NULL, buf, sizeof buf), ND_EDTYPE);
}

static void test_civil_matches_numpy(void)
{
    FILE *f = open_fixture("civil.txt");
    long long days, y;
    int m, d, n = 0;
    while (fscanf(f, "%lld %lld %d %d", &days, &y, &m, &d) == 4) {
        int64_t gy;
        int gm, gd;
        nd_civil_from_days(days, &gy, &gm, &gd);
        CU_ASSERT(gy == y && gm == m && gd == d);
        int64_t back;
        CU_ASSERT_EQUAL(nd_days_from_civil(y, m, d, &back), ND_OK);
        CU_ASSERT_EQUAL(back, days);
        n++;
    }
    fclose(f);
    CU_ASSERT(n > 600);
    CU_ASSERT(nd_is_leapyear(2000) && !nd_is_leapyear(1900) && nd_is_leapyear(-4) && nd_is_leapyear(0));
    int64_t dd;
    CU_ASSERT_EQUAL(nd_days_from_civil(2001, 2, 29, &dd), ND_EVALUE);
    CU_ASSERT_EQUAL(nd_days_from_civil(2001, 0, 1, &dd), ND_EVALUE);
    /* every int64 day count has a date and comes back */
    int64_t yy;
    int mm, d2;
    nd_civil_from_days(INT64_MAX, &yy, &mm, &d2);
    CU_ASSERT_EQUAL(nd_days_from_civil(yy, mm, d2, &dd), ND_OK);
    CU_ASSERT_EQUAL(dd, INT64_MAX);
}

static void test_struct_roundtrip_all_units(void)
{
    nd_datetimestruct s = { .year = -44, .month = 3, .day = 15, .hour = 12, .min = 30, .sec = 5,
                            .us = 123456, .ps = 789012, .as = 345678 };
    const char *want[] = { "-044", "-044-03", "-044-03-15", "-044-03-15", "-044-03-15T12",
                           "-044-03-15T12:30", "-044-03-15T12:30:05", "-044-03-15T12:30:05.123",
                           "-044-03-15T12:30:05.123456" };
    for (int u = ND_DT_Y; u <= ND_DT_us; u++) {
        nd_dtype t = ND_DATETIME64_OF(u);
        int64_t v;
        CU_ASSERT_EQUAL_FATAL(nd_datetime_from_struct(&s, t, &v), ND_OK);
        char buf[ND_DATETIME_STRLEN];
        CU_ASSERT_EQUAL(nd_datetime_format(v, t, NULL, buf, sizeof buf), ND_OK);
        CU_ASSERT_STRING_EQUAL(buf, want[u]);
    }
    int64_t ns;
    CU_ASSERT_EQUAL(nd_datetime_from_struct(&s, ND_DATETIME64_OF(ND_DT_ns), &ns), ND_EVALUE);
    /* ps/fs/as only reach a few hours/seconds around 1970 */
    nd_datetimestruct e = { .year = 1969, .month = 12, .day = 31, .hour = 23, .min = 59, .sec = 59,
                            .us = 999999, .ps = 999999, .as = 999998 };
    int64_t v;
    CU_ASSERT_EQUAL(nd_datetime_from_struct(&e, ND_DATETIME64_OF(ND_DT_as), &v), ND_OK);
    CU_ASSERT_EQUAL(v, -2);
    nd_datetimestruct back;
    CU_ASSERT_EQUAL(nd_datetime_to_struct(v, ND_DATETIME64_OF(ND_DT_as), &back), ND_OK);
    CU_ASSERT(back.year == 1969 && back.sec == 59 && back.as == 999998);
    CU_ASSERT_EQUAL(nd_datetime_from_struct(&s, ND_DATETIME64_OF(ND_DT_as), &v), ND_EVALUE);
    /* counts: 25 s ticks, truncated toward -inf */
    nd_datetimestruct m = { .year = 1969, .month = 12, .day = 31, .hour = 23, .min = 59, .sec = 59 };
    CU_ASSERT_EQUAL(nd_datetime_from_struct(&m, nd_dtype_datetime(ND_DATETIME64, ND_DT_s, 25), &v), ND_OK);
    CU_ASSERT_EQUAL(v, -1);
    CU_ASSERT_EQUAL(nd_datetime_to_struct(v, nd_dtype_datetime(ND_DATETIME64, ND_DT_s, 25), &back), ND_OK);
    CU_ASSERT(back.min == 59 && back.sec == 35);
    /* NaT both ways; bad fields; generic */
    CU_ASSERT_EQUAL(nd_datetime_to_struct(ND_NAT, ND_DATETIME64_OF(ND_DT_D), &back), ND_OK);
    CU_ASSERT_EQUAL(back.year, ND_NAT);
    CU_ASSERT_EQUAL(nd_datetime_from_struct(&back, ND_DATETIME64_OF(ND_DT_D), &v), ND_OK);
    CU_ASSERT_EQUAL(v, ND_NAT);
    nd_datetimestruct bad = { .year = 2001, .month = 2, .day = 29 };
    CU_ASSERT_EQUAL(nd_datetime_from_struct(&bad, ND_DATETIME64_OF(ND_DT_D), &v), ND_EVALUE);
    CU_ASSERT_EQUAL(nd_datetime_from_struct(&s, ND_DATETIME64_OF(ND_DT_GENERIC), &v), ND_EDTYPE);
    CU_ASSERT_EQUAL(nd_datetime_to_struct(5, ND_DATETIME64_OF(ND_DT_GENERIC), &back), ND_EDTYPE);
    /* a Y value whose year passes int64 */
    CU_ASSERT_EQUAL(nd_datetime_to_struct(INT64_MAX, nd_dtype_datetime(ND_DATETIME64, ND_DT_Y, 1000), &back),
                    ND_EVALUE);
}

static void test_datetime_data_and_units(void)
{
    nd_dtunit u;
    int c;
    CU_ASSERT_EQUAL(nd_datetime_data(nd_dtype_datetime(ND_TIMEDELTA64, ND_DT_s, 25), &u, &c), ND_OK);
    CU_ASSERT(u == ND_DT_s && c == 25);
    CU_ASSERT_EQUAL(nd_datetime_data(ND_FLOAT64, &u, &c), ND_EDTYPE);
    CU_ASSERT_STRING_EQUAL(nd_dtunit_name(ND_DT_us), "us");
    CU_ASSERT_EQUAL(nd_dtunit_from_name("fs"), ND_DT_fs);
    CU_ASSERT_EQUAL(nd_dtunit_from_name("x"), ND_DT_NUNITS);
}

static void test_arrays_from_strings_match_numpy(void)
{
    FILE *f = open_fixture("arrays.txt");
    char line[1024], *fl[4];
    int n = 0;
    while (fgets(line, sizeof line, f)) {
        CU_ASSERT_FATAL(split_tabs(line, fl, 4) == 4);
        const char *strs[16];
        int k = 0;
        strs[k++] = fl[3];
        for (char *p = fl[3]; *p; p++)
            if (*p == '|') {
                *p = '\0';
                strs[k++] = p + 1;
            }
        nd_array *a = nd_datetime64_from_strings(k, strs, dtype_of(fl[0]));
        CU_ASSERT_PTR_NOT_NULL_FATAL(a);
        CU_ASSERT_EQUAL(nd_dtype_of(a), dtype_of(fl[1]));
        CU_ASSERT_EQUAL(nd_size(a), k);
        char *p = fl[2];
        for (int i = 0; i < k; i++) {
            long long want = strtoll(p, &p, 10);
            nd_scalar sc;
            CU_ASSERT_EQUAL(nd_get(a, 1, (ptrdiff_t[]){ i }, &sc), ND_OK);
            CU_ASSERT_EQUAL(sc.v.i, want);
        }
        nd_free(a);
        n++;
    }
    fclose(f);
    CU_ASSERT(n == 9);
    const char *bad[] = { "2011-01-01", "2011-02-30" };
    CU_ASSERT_PTR_NULL(nd_datetime64_from_strings(2, bad, ND_DATETIME64_OF(ND_DT_D)));
    CU_ASSERT_PTR_NOT_NULL(strstr(nd_errmsg(), "2011-02-30"));
    CU_ASSERT_PTR_NULL(nd_datetime64_from_strings(-1, bad, ND_DATETIME64_OF(ND_DT_D)));
    CU_ASSERT_PTR_NULL(nd_datetime64_from_strings(2, bad, ND_INT64));
    nd_array *e = nd_datetime64_from_strings(0, NULL, ND_DATETIME64_OF(ND_DT_D));
    CU_ASSERT_PTR_NOT_NULL(e);
    CU_ASSERT_EQUAL(nd_size(e), 0);
    nd_free(e);
}

static void test_as_string_arrays(void)
{
    const char *in[] = { "2001-01-01", "NaT", "2001-01-01T12:30", "2001-02-01", "-0001-01-01T00:00:01" };
    nd_array *a = nd_datetime64_from_strings(5, in, ND_DATETIME64_OF(ND_DT_s));
    CU_ASSERT_PTR_NOT_NULL_FATAL(a);
    nd_dt_format_opts o = { .unit = "auto" };
    char **s = nd_datetime_as_string(a, &o);
    CU_ASSERT_PTR_NOT_NULL_FATAL(s);
    const char *want[] = { "2001-01-01", "NaT", "2001-01-01T12:30", "2001-02-01", "-001-01-01T00:00:01" };
    for (int i = 0; i < 5; i++) CU_ASSERT_STRING_EQUAL(s[i], want[i]);
    nd_free_mem(s);
    /* a strided 2-D view, into a fixed-width buffer */
    nd_array *r = nd_reshape(a, 2, (ptrdiff_t[]){ 1, 5 });
    CU_ASSERT_PTR_NOT_NULL_FATAL(r);
    nd_array *t = nd_transpose(r, NULL);
    char buf[5][21];
    o = (nd_dt_format_opts){ .unit = "m", .timezone = "UTC" };
    CU_ASSERT_EQUAL(nd_datetime_as_string_into(t, &o, &buf[0][0], 21), ND_OK);
    CU_ASSERT_STRING_EQUAL(buf[0], "2001-01-01T00:00Z");
    CU_ASSERT_STRING_EQUAL(buf[1], "NaT");
    CU_ASSERT_STRING_EQUAL(buf[4], "-001-01-01T00:00Z");
    CU_ASSERT_EQUAL(buf[1][20], '\0');
    CU_ASSERT_EQUAL(nd_datetime_as_string_into(t, &o, &buf[0][0], 17), ND_EVALUE);
    CU_ASSERT_EQUAL(nd_datetime_as_string_into(t, &o, NULL, 21), ND_EVALUE);
    nd_array *i = nd_zeros(1, (ptrdiff_t[]){ 3 }, ND_INT64);
    CU_ASSERT_PTR_NULL(nd_datetime_as_string(i, NULL));
    nd_free(i);
    nd_free(t);
    nd_free(r);
    nd_free(a);
}

static const ND_TEST tests[] = {
    ND_T(test_parse_matches_numpy),
    ND_T(test_parse_errors_name_string_and_position),
    ND_T(test_today_and_now),
    ND_T(test_format_matches_numpy),
    ND_T(test_format_errors),
    ND_T(test_civil_matches_numpy),
    ND_T(test_struct_roundtrip_all_units),
    ND_T(test_datetime_data_and_units),
    ND_T(test_arrays_from_strings_match_numpy),
    ND_T(test_as_string_arrays),
    { NULL, NULL },
};

ND_TEST_MAIN("datetime", tests)
