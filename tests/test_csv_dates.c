/* Dates and text in CSV tables: date columns (ISO dates, date-times, YYYYMMDD, quarters)
 * as the datetime64 arrays NumPy builds from the same values, text columns (non-ASCII,
 * empty and quoted cells) as 'U' arrays, forced column dtypes, the loose parser shared
 * with nplot, and the errors for cells that are no dates. Fixtures: tests/data/csvdates/gen.py. */
#include "testutil.h"

#include <numc/datetime.h>
#include <numc/io.h>
#include <numc/numc.h>
#include <numc/strings.h>

#define CD_DATA NUMC_TEST_DATA "/csvdates"

/* Same dtype, shape and bytes as the NumPy fixture `name`.npy. */
static bool same_as_fixture(const nd_array *got, const char *name)
{
    char path[512];
    snprintf(path, sizeof path, CD_DATA "/%s.npy", name);
    nd_array *want = nd_load(path);
    bool ok = want && got && nd_dtype_of(want) == nd_dtype_of(got) &&
              nd_size(want) == nd_size(got) && nd_ndim(got) == 1 &&
              memcmp(nd_data(want), nd_data(got), (size_t)nd_nbytes(want)) == 0;
    if (!ok) fprintf(stderr, "\n  column %s differs from NumPy's\n", name);
    nd_free(want);
    return ok;
}

static void test_date_and_text_columns_match_numpy(void)
{
    nd_table *t = nd_read_csv(CD_DATA "/dates.csv");
    CU_ASSERT_PTR_NOT_NULL_FATAL(t);
    CU_ASSERT_EQUAL(nd_table_nrows(t), 6);
    const char *dates[] = { "date", "when", "quarter" };
    for (int i = 0; i < 3; i++) {
        int k = nd_table_find(t, dates[i]);
        CU_ASSERT(nd_table_is_date(t, k));
        CU_ASSERT(nd_table_is_text(t, k)); /* the cells' own text stays readable */
        nd_array *c = nd_table_column(t, k);
        CU_ASSERT(same_as_fixture(c, dates[i]));
        nd_free(c);
    }
    CU_ASSERT_STRING_EQUAL(nd_table_text(t, 1, nd_table_find(t, "quarter")), "2020-Q2");
    /* YYYYMMDD numbers stay numbers unless the column is forced to dates */
    int d8 = nd_table_find(t, "day8");
    CU_ASSERT(!nd_table_is_date(t, d8) && !nd_table_is_text(t, d8));
    nd_array *n8 = nd_table_column(t, d8);
    CU_ASSERT(n8 && nd_get_f64(n8, ND_IDX(0)) == 20200131.0);
    nd_free(n8);
    const char *texts[] = { "ticker", "name" };
    for (int i = 0; i < 2; i++) {
        int k = nd_table_find(t, texts[i]);
        CU_ASSERT(nd_table_is_text(t, k) && !nd_table_is_date(t, k));
        CU_ASSERT_PTR_NULL(nd_table_column(t, k));
        CU_ASSERT_EQUAL(nd_last_error(), ND_EDTYPE);
        nd_array *u = nd_table_text_column(t, k);
        CU_ASSERT(same_as_fixture(u, texts[i]));
        nd_free(u);
    }
    nd_array *p = nd_table_column_by_name(t, "price");
    nd_array *want = nd_load(CD_DATA "/price.npy");
    CU_ASSERT(want && p && nd_allclose(p, want, 0, 0, true));
    nd_free(want);
    nd_free(p);
    /* numeric columns side by side leave the dates out */
    nd_array *m = nd_table_to_array(t, ND_FLOAT64);
    CU_ASSERT(m && nd_shape(m)[1] == 2);
    nd_free(m);
    nd_table_free(t);
}

static void test_forced_dtypes_and_detection_off(void)
{
    nd_dtype dts[] = { 0, 0, nd_dtype_datetime(ND_DATETIME64, ND_DT_GENERIC, 1), 0,
                       ND_STR_OF(0) };
    nd_table *t = nd_read_csv(CD_DATA "/dates.csv", .dtypes = dts, .ndtypes = 5);
    CU_ASSERT_PTR_NOT_NULL_FATAL(t);
    nd_array *c = nd_table_column(t, 2);
    CU_ASSERT(nd_table_is_date(t, 2) && same_as_fixture(c, "day8"));
    nd_free(c);
    nd_table_free(t);
    /* a unit given truncates: the date-times to days */
    nd_dtype days[] = { 0, ND_DATETIME64_OF(ND_DT_D) };
    t = nd_read_csv(CD_DATA "/dates.csv", .dtypes = days, .ndtypes = 2);
    CU_ASSERT_PTR_NOT_NULL_FATAL(t);
    c = nd_table_column(t, 1);
    CU_ASSERT(c && nd_dtype_of(c) == ND_DATETIME64_OF(ND_DT_D));
    if (c) CU_ASSERT_EQUAL(((const int64_t *)nd_data(c))[0], 18292); /* 2020-01-31 */
    nd_free(c);
    nd_table_free(t);
    /* detection off: dates stay text */
    t = nd_read_csv(CD_DATA "/dates.csv", .dates = -1);
    CU_ASSERT_PTR_NOT_NULL_FATAL(t);
    CU_ASSERT(!nd_table_is_date(t, 0) && nd_table_is_text(t, 0));
    CU_ASSERT_PTR_NULL(nd_table_column(t, 0));
    nd_table_free(t);
    /* forcing a text column that is no date names the cell, row and position */
    nd_dtype bad[] = { 0, 0, 0, 0, ND_DATETIME64_OF(ND_DT_D) };
    CU_ASSERT_PTR_NULL(nd_read_csv(CD_DATA "/dates.csv", .dtypes = bad, .ndtypes = 5));
    CU_ASSERT_EQUAL(nd_last_error(), ND_EVALUE);
    CU_ASSERT_STRING_EQUAL(nd_errmsg(), "nd_read_csv: column 4 ('ticker'), row 0: \"AAPL\" is "
                                        "not a date (at position 0)");
    nd_dtype num[] = { ND_INT32 };
    CU_ASSERT_PTR_NULL(nd_read_csv(CD_DATA "/dates.csv", .dtypes = num, .ndtypes = 1));
    CU_ASSERT_EQUAL(nd_last_error(), ND_EDTYPE);
    nd_dtype u[] = { 0, 0, ND_STR_OF(0) };
    CU_ASSERT_PTR_NULL(nd_read_csv(CD_DATA "/dates.csv", .dtypes = u, .ndtypes = 3));
    CU_ASSERT_EQUAL(nd_last_error(), ND_EVALUE); /* a numeric column needs .keep_text */
    t = nd_read_csv(CD_DATA "/dates.csv", .dtypes = u, .ndtypes = 3, .keep_text = true);
    CU_ASSERT(t && nd_table_is_text(t, 2));
    nd_table_free(t);
    CU_ASSERT_PTR_NULL(nd_read_csv(CD_DATA "/dates.csv", .ndtypes = 2));
}

static void test_fractions_offsets_and_bad_dates(void)
{
    nd_table *t = nd_read_csv(CD_DATA "/frac.csv");
    CU_ASSERT_PTR_NOT_NULL_FATAL(t);
    nd_array *c = nd_table_column(t, 0);
    CU_ASSERT(same_as_fixture(c, "frac"));
    nd_free(c);
    nd_table_free(t);
    /* one cell that is no date keeps the column text (2021-02-29 does not exist) */
    const char *csv = "d,v\n2021-02-28,1\n2021-02-29,2\n";
    t = nd_read_csv_buffer(csv, strlen(csv), NULL);
    CU_ASSERT(t && nd_table_is_text(t, 0) && !nd_table_is_date(t, 0));
    nd_table_free(t);
    nd_dtype g[] = { nd_dtype_datetime(ND_DATETIME64, ND_DT_GENERIC, 1) };
    CU_ASSERT_PTR_NULL(nd_read_csv_buffer(csv, strlen(csv), &(nd_csv_opts){ .dtypes = g, .ndtypes = 1 }));
    CU_ASSERT_STRING_EQUAL(nd_errmsg(), "nd_read_csv_buffer: column 0 ('d'), row 1: \"2021-02-29\" "
                                        "is not a date (at position 0)");
    const char *csv2 = "d\n2021-02-28T10:61\n";
    CU_ASSERT_PTR_NULL(nd_read_csv_buffer(csv2, strlen(csv2), &(nd_csv_opts){ .dtypes = g, .ndtypes = 1 }));
    CU_ASSERT_STRING_EQUAL(nd_errmsg(), "nd_read_csv_buffer: column 0 ('d'), row 0: "
                                        "\"2021-02-28T10:61\" is not a date (at position 14)");
    /* all missing: not a date column */
    const char *csv3 = "d,v\nNA,1\n,2\n";
    t = nd_read_csv_buffer(csv3, strlen(csv3), NULL);
    CU_ASSERT(t && !nd_table_is_date(t, 0));
    nd_table_free(t);
}

static void test_table_prints_dates(void)
{
    const char *csv = "day,x\n2020-01-31,1.5\n,2\n1999-12-31,3\n";
    nd_table *t = nd_read_csv_buffer(csv, strlen(csv), NULL);
    CU_ASSERT_PTR_NOT_NULL_FATAL(t);
    char *s = nd_table_str(t, -1);
    CU_ASSERT_STRING_EQUAL(s, "          day    x\n"
                              "0  2020-01-31  1.5\n"
                              "1         NaT  2.0\n"
                              "2  1999-12-31  3.0\n");
    nd_free_mem(s);
    nd_table_free(t);
    /* widths count characters, as pandas does: "Zoë" is three wide */
    const char *csv2 = "ticker,x\nZoë,1\nAAPL,2\n";
    t = nd_read_csv_buffer(csv2, strlen(csv2), NULL);
    CU_ASSERT_PTR_NOT_NULL_FATAL(t);
    s = nd_table_str(t, -1);
    CU_ASSERT_STRING_EQUAL(s, "   ticker    x\n"
                              "0     Zoë  1.0\n"
                              "1    AAPL  2.0\n");
    nd_free_mem(s);
    nd_table_free(t);
}

/* The text nd_savetxt wrote to path (NULL when unreadable). */
static char *slurp(const char *path)
{
    static char buf[256];
    FILE *f = fopen(path, "rb");
    if (!f) return NULL;
    size_t n = fread(buf, 1, sizeof buf - 1, f);
    fclose(f);
    buf[n] = '\0';
    return buf;
}

/* numpy.savetxt of datetime64/timedelta64 formats str() of each element with %s; expected
 * texts from NumPy 1.24 (np.savetxt(f, a, fmt=...)). */
static void test_savetxt_dates(void)
{
    const char *path = "csv_dates_savetxt.txt";
    nd_array *d = nd_datetime64_from_strings(2, (const char *const[]){ "2020-01-01", "NaT" },
                                             ND_DATETIME64_OF(ND_DT_D));
    CU_ASSERT_PTR_NOT_NULL_FATAL(d);
    CU_ASSERT_EQUAL(nd_savetxt(path, d, .fmt = "%10s"), ND_OK);
    CU_ASSERT_STRING_EQUAL(slurp(path), "2020-01-01\n       NaT\n");
    /* numbers are NumPy's mismatch, and the file is left as it was */
    CU_ASSERT_EQUAL(nd_savetxt(path, d, .fmt = "%d"), ND_EDTYPE);
    CU_ASSERT_STRING_EQUAL(nd_errmsg(), "nd_savetxt: Mismatch between array dtype ('datetime64[D]') "
                                        "and format specifier ('%d'): give .fmt = \"%s\"");
    CU_ASSERT_EQUAL(nd_savetxt(path, d), ND_EDTYPE);
    CU_ASSERT_STRING_EQUAL(slurp(path), "2020-01-01\n       NaT\n");
    nd_free(d);
    int64_t v[] = { 5, ND_NAT, -3 };
    nd_array *td = nd_from_buffer(v, 1, (ptrdiff_t[]){ 3 }, ND_TIMEDELTA64_OF(ND_DT_D));
    CU_ASSERT_PTR_NOT_NULL_FATAL(td);
    CU_ASSERT_EQUAL(nd_savetxt(path, td, .fmt = "%s"), ND_OK);
    CU_ASSERT_STRING_EQUAL(slurp(path), "5 days\nNaT\n-3 days\n");
    nd_free(td);
    const char *s2[] = { "2020-01-01T10:00:00", "1999-12-31T23:59:59", "NaT", "2000-02-29T00:00:00" };
    nd_array *s = nd_datetime64_from_strings(4, s2, ND_DATETIME64_OF(ND_DT_s));
    nd_array *m = s ? nd_reshape(s, 2, (ptrdiff_t[]){ 2, 2 }) : NULL;
    CU_ASSERT_PTR_NOT_NULL_FATAL(m);
    CU_ASSERT_EQUAL(nd_savetxt(path, m, .fmt = "%s", .delimiter = ","), ND_OK);
    CU_ASSERT_STRING_EQUAL(slurp(path), "2020-01-01T10:00:00,1999-12-31T23:59:59\n"
                                        "NaT,2000-02-29T00:00:00\n");
    nd_free(m);
    nd_free(s);
    remove(path);
}

static nd_dt_loose loose(const char *s, int flags, bool *ok)
{
    nd_dt_loose r;
    *ok = nd_datetime_parse_loose(s, strlen(s), flags, &r);
    return r;
}

static void test_loose_parser(void)
{
    bool ok;
    nd_dt_loose r = loose("2020Q3", 0, &ok);
    CU_ASSERT(ok && r.unit == ND_DT_M && r.dts.year == 2020 && r.dts.month == 7 && r.dts.day == 1);
    r = loose("q4-1999", 0, &ok);
    CU_ASSERT(ok && r.dts.year == 1999 && r.dts.month == 10);
    r = loose("19580329", 0, &ok);
    CU_ASSERT(ok && r.unit == ND_DT_D && r.dts.month == 3 && r.dts.day == 29);
    r = loose("1958/3/9", 0, &ok);
    CU_ASSERT(ok && r.unit == ND_DT_D && r.dts.day == 9);
    r = loose("2000-12-31T24:00", 0, &ok);
    CU_ASSERT(ok && r.unit == ND_DT_m && r.dts.year == 2001 && r.dts.month == 1 && r.dts.day == 1 &&
              r.dts.hour == 0);
    r = loose("2000-01-01T00:30-01:00", 0, &ok);
    CU_ASSERT(ok && r.dts.hour == 1 && r.dts.min == 30);
    r = loose("2000-01-01 00:00:00.123456789", 0, &ok);
    CU_ASSERT(ok && r.unit == ND_DT_ns && r.dts.us == 123456 && r.dts.ps == 789000);
    r = loose("12:30", 0, &ok);
    CU_ASSERT(!ok);
    r = loose("12:30", ND_DT_LOOSE_TIME_ONLY, &ok);
    CU_ASSERT(ok && r.what == ND_DT_LOOSE_TIME && r.dts.year == 1970 && r.dts.hour == 12);
    const char *bad[] = { "", "1958", "2001-02-30", "2001/12", "2020Q5", "Q1", "2020-01T10:00",
                          "1900-02-29", "20200229x" };
    for (size_t i = 0; i < sizeof bad / sizeof *bad; i++) {
        loose(bad[i], ND_DT_LOOSE_TIME_ONLY, &ok);
        CU_ASSERT_FALSE(ok);
    }
    r = loose("2001-02-03x", 0, &ok);
    CU_ASSERT(!ok && r.errpos == 10);
    nd_dtunit u;
    CU_ASSERT(nd_datetime_sniff_loose(3, (const char *const[]){ "2020-01-01", "NaT", "2020Q1" }, 0, &u));
    CU_ASSERT_EQUAL(u, ND_DT_D);
    CU_ASSERT(!nd_datetime_sniff_loose(2, (const char *const[]){ "", "NA" }, 0, &u));
    CU_ASSERT(!nd_datetime_sniff_loose(0, NULL, 0, &u));
    nd_array *a = nd_datetime64_from_strings_loose(2, (const char *const[]){ "2020-01-01", "x" }, 0,
                                                   ND_DATETIME64_OF(ND_DT_D));
    CU_ASSERT_PTR_NULL(a);
    CU_ASSERT_STRING_EQUAL(nd_errmsg(), "nd_datetime64_from_strings_loose: string 1 \"x\" is not a "
                                        "date (at position 0)");
    CU_ASSERT_PTR_NULL(nd_datetime64_from_strings_loose(-1, NULL, 0, ND_DATETIME64_OF(ND_DT_D)));
    CU_ASSERT_PTR_NULL(nd_datetime64_from_strings_loose(1, (const char *const[]){ "2020-01-01" }, 0,
                                                       ND_FLOAT64));
    CU_ASSERT_EQUAL(nd_last_error(), ND_EDTYPE);
    a = nd_datetime64_from_strings_loose(2, (const char *const[]){ "2262-04-12", "2020-01-01" }, 0,
                                         ND_DATETIME64_OF(ND_DT_ns));
    CU_ASSERT_PTR_NULL(a); /* past the ns range: overflow, not a wrap */
}

static const ND_TEST tests[] = {
    ND_T(test_date_and_text_columns_match_numpy),
    ND_T(test_forced_dtypes_and_detection_off),
    ND_T(test_fractions_offsets_and_bad_dates),
    ND_T(test_table_prints_dates),
    ND_T(test_loose_parser),
    ND_T(test_savetxt_dates),
    { 0 }
};

ND_TEST_MAIN("csv_dates", tests)
