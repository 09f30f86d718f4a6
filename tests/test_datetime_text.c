/* astype between the date dtypes and the string dtypes (core/datetime/dt_text.c). The
 * expected values are NumPy 1.24's output for the same calls (shown in each comment). */
#include <numc/numc.h>

#include "testutil.h"

#include <string.h>

static void expect_repr(nd_array *a, const char *want)
{
    CU_ASSERT_PTR_NOT_NULL_FATAL(a);
    char *r = nd_repr(a);
    CU_ASSERT_PTR_NOT_NULL_FATAL(r);
    if (strcmp(r, want) != 0) printf("\n  got  %s\n  want %s\n", r, want);
    CU_ASSERT_STRING_EQUAL(r, want);
    nd_free_mem(r);
    nd_free(a);
}

static nd_array *dates(ptrdiff_t n, const char *const *s, nd_dtype t)
{
    nd_array *a = nd_datetime64_from_strings(n, s, t);
    CU_ASSERT_PTR_NOT_NULL_FATAL(a);
    return a;
}

static void test_dates_to_text(void)
{
    /* np.array(['2008-01-01', 'NaT', '-0001-12-31'], 'M8[D]').astype('U') */
    nd_array *d = dates(3, (const char *[]){ "2008-01-01", "NaT", "-0001-12-31" }, ND_DATETIME64_OF(ND_DT_D));
    expect_repr(nd_astype(d, ND_STR_OF(0), ND_CAST_UNSAFE), "array(['2008-01-01', 'NaT', '-001-12-31'], dtype='<U28')");
    expect_repr(nd_astype(d, ND_BYTES_OF(0), ND_CAST_UNSAFE),
                "array([b'2008-01-01', b'NaT', b'-001-12-31'], dtype='|S28')");
    expect_repr(nd_astype(d, ND_STR_OF(12), ND_CAST_UNSAFE), "array(['2008-01-01', 'NaT', '-001-12-31'], dtype='<U12')");
    /* 'U5' is too short: NumPy raises */
    nd_clear_error();
    CU_ASSERT_PTR_NULL(nd_astype(d, ND_STR_OF(5), ND_CAST_UNSAFE));
    CU_ASSERT_EQUAL(nd_last_error(), ND_EVALUE);
    nd_free(d);
    /* the unit's own text and NumPy's widths: s -> U38, W prints days -> U28 */
    d = dates(2, (const char *[]){ "2008-01-01T12:30:15", "NaT" }, ND_DATETIME64_OF(ND_DT_s));
    expect_repr(nd_astype(d, ND_STR_OF(0), ND_CAST_UNSAFE), "array(['2008-01-01T12:30:15', 'NaT'], dtype='<U38')");
    nd_free(d);
    d = dates(2, (const char *[]){ "2008-01-01", "NaT" }, ND_DATETIME64_OF(ND_DT_W));
    expect_repr(nd_astype(d, ND_STR_OF(0), ND_CAST_UNSAFE), "array(['2007-12-27', 'NaT'], dtype='<U28')");
    nd_free(d);
    static const struct {
        nd_dtunit u;
        size_t w;
    } widths[] = { { ND_DT_Y, 22 }, { ND_DT_h, 32 }, { ND_DT_ms, 42 }, { ND_DT_ns, 48 } };
    for (size_t i = 0; i < sizeof widths / sizeof *widths; i++) {
        d = dates(1, (const char *[]){ "2008" }, ND_DATETIME64_OF(widths[i].u));
        nd_array *t = nd_astype(d, ND_STR_OF(0), ND_CAST_UNSAFE);
        CU_ASSERT_PTR_NOT_NULL_FATAL(t);
        CU_ASSERT_EQUAL(nd_dtype_width(nd_dtype_of(t)), widths[i].w);
        nd_free(t);
        nd_free(d);
    }
    /* np.array([1, -2, 'NaT'], 'm8[D]').astype('U') */
    nd_array *td = nd_zeros(1, (ptrdiff_t[]){ 3 }, ND_TIMEDELTA64_OF(ND_DT_D));
    int64_t *v = nd_data(td);
    v[0] = 1, v[1] = -2, v[2] = ND_NAT;
    expect_repr(nd_astype(td, ND_STR_OF(0), ND_CAST_UNSAFE), "array(['1 days', '-2 days', 'NaT'], dtype='<U21')");
    nd_free(td);
}

static void test_text_to_dates(void)
{
    /* np.array(['2008-01-01T12', '2009', 'NaT', '']).astype('M8[D]') */
    nd_array *s = nd_str_array(4, (const char *[]){ "2008-01-01T12", "2009", "NaT", "" }, ND_STR_OF(0));
    expect_repr(nd_astype(s, ND_DATETIME64_OF(ND_DT_D), ND_CAST_UNSAFE),
                "array(['2008-01-01', '2009-01-01',        'NaT',        'NaT'],\n      dtype='datetime64[D]')");
    /* .astype('M8'): the finest unit of the strings */
    expect_repr(nd_astype(s, ND_DATETIME64_OF(ND_DT_GENERIC), ND_CAST_UNSAFE),
                "array(['2008-01-01T12', '2009-01-01T00',           'NaT',           'NaT'],\n"
                "      dtype='datetime64[h]')");
    nd_free(s);
    nd_array *b = nd_bytes_array(1, (const char *[]){ "2008-01-02" }, NULL, 0);
    expect_repr(nd_astype(b, ND_DATETIME64_OF(ND_DT_D), ND_CAST_UNSAFE), "array(['2008-01-02'], dtype='datetime64[D]')");
    nd_free(b);
    /* all NaT stays generic: array(['NaT', 'NaT'], dtype=datetime64) */
    s = nd_str_array(2, (const char *[]){ "NaT", "NaT" }, ND_STR_OF(0));
    expect_repr(nd_astype(s, ND_DATETIME64_OF(ND_DT_GENERIC), ND_CAST_UNSAFE), "array(['NaT', 'NaT'], dtype=datetime64)");
    nd_free(s);
    /* timedelta64 reads integers: np.array(['12', 'NaT', '']).astype('m8[h]') */
    s = nd_str_array(3, (const char *[]){ "12", "NaT", "" }, ND_STR_OF(0));
    expect_repr(nd_astype(s, ND_TIMEDELTA64_OF(ND_DT_h), ND_CAST_UNSAFE),
                "array([   12, 'NaT', 'NaT'], dtype='timedelta64[h]')");
    nd_free(s);
    /* bad text is an error naming the string, as NumPy's ValueError */
    static const char *const bad_dates[] = { "bad", "2008-13-01", "\xc3\xa9t\xc3\xa9" };
    for (size_t i = 0; i < 3; i++) {
        s = nd_str_array(1, &bad_dates[i], ND_STR_OF(0));
        nd_clear_error();
        CU_ASSERT_PTR_NULL(nd_astype(s, ND_DATETIME64_OF(ND_DT_D), ND_CAST_UNSAFE));
        CU_ASSERT_EQUAL(nd_last_error(), ND_EVALUE);
        CU_ASSERT_PTR_NOT_NULL(strstr(nd_errmsg(), "nd_astype"));
        nd_free(s);
    }
    s = nd_str_array(2, (const char *[]){ "5", " 12 " }, ND_STR_OF(0));
    nd_clear_error();
    CU_ASSERT_PTR_NULL(nd_astype(s, ND_TIMEDELTA64_OF(ND_DT_s), ND_CAST_UNSAFE));
    CU_ASSERT_EQUAL(nd_last_error(), ND_EVALUE);
    nd_free(s);
    /* text -> dates is an unsafe cast only, as NumPy's can_cast */
    s = nd_str_array(1, (const char *[]){ "2008" }, ND_STR_OF(0));
    CU_ASSERT_PTR_NULL(nd_astype(s, ND_DATETIME64_OF(ND_DT_D), ND_CAST_SAFE));
    CU_ASSERT_EQUAL(nd_last_error(), ND_EDTYPE);
    nd_free(s);
}

/* The cast loop on a reversed strided view, an empty array and bytes past ASCII:
 * np.array(['2001-01-01', 'x', '2003-03-03', 'y', '2005-05-05'])[::-2].astype('M8[D]') */
static void test_text_to_dates_views(void)
{
    nd_array *s = nd_str_array(5, (const char *[]){ "2001-01-01", "x", "2003-03-03", "y", "2005-05-05" },
                               ND_STR_OF(0));
    nd_array *v = nd_view(s, "::-2");
    CU_ASSERT_PTR_NOT_NULL_FATAL(v);
    expect_repr(nd_astype(v, ND_DATETIME64_OF(ND_DT_D), ND_CAST_UNSAFE),
                "array(['2005-05-05', '2003-03-03', '2001-01-01'], dtype='datetime64[D]')");
    nd_array *e = nd_view(s, "2:2");
    nd_array *ed = nd_astype(e, ND_DATETIME64_OF(ND_DT_D), ND_CAST_UNSAFE);
    CU_ASSERT_PTR_NOT_NULL(ed);
    CU_ASSERT_EQUAL(nd_size(ed), 0);
    nd_free(ed), nd_free(e), nd_free(v), nd_free(s);
    nd_array *b = nd_bytes_array(2, (const char *[]){ "2008-01-02", "2008-01-0\xff" }, NULL, 0);
    nd_clear_error();
    CU_ASSERT_PTR_NULL(nd_astype(b, ND_DATETIME64_OF(ND_DT_D), ND_CAST_UNSAFE));
    CU_ASSERT_EQUAL(nd_last_error(), ND_EVALUE);
    CU_ASSERT_PTR_NOT_NULL(strstr(nd_errmsg(), "U+00FF"));
    nd_free(b);
}

/* nd_assign into a preallocated string array broadcasts and round-trips */
static void test_assign_round_trip(void)
{
    nd_array *d = dates(2, (const char *[]){ "1677-09-22", "2262-04-11" }, ND_DATETIME64_OF(ND_DT_D));
    nd_array *t = nd_empty(ND_SHAPE(2, 2), ND_STR_OF(10));
    CU_ASSERT_EQUAL_FATAL(nd_assign(t, d, ND_CAST_UNSAFE), ND_OK);
    nd_array *back = nd_astype(t, ND_DATETIME64_OF(ND_DT_D), ND_CAST_UNSAFE);
    CU_ASSERT_PTR_NOT_NULL_FATAL(back);
    const int64_t *x = nd_data(d), *y = nd_data(back);
    for (int i = 0; i < 4; i++) CU_ASSERT_EQUAL(y[i], x[i % 2]);
    nd_free(back), nd_free(t), nd_free(d);
}

static const ND_TEST tests[] = {
    ND_T(test_dates_to_text),
    ND_T(test_text_to_dates),
    ND_T(test_text_to_dates_views),
    ND_T(test_assign_round_trip),
    { 0 },
};

ND_TEST_MAIN("datetime_text", tests)
