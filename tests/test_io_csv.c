/* CSV and text: bit-exact parsing of NumPy-written text, dialects (delimiters, quotes,
 * comments, line ends, BOM), headers and column selection, missing values, text
 * columns, the shared sample data, errors that name the line and column, savetxt. */
#define _POSIX_C_SOURCE 200809L /* mkdtemp, lstat */
#include "testutil.h"
#include "test_io_common.h"


#define BUF(s) (s), sizeof(s) - 1

static nd_table *table_of(const char *text, const nd_csv_opts *o)
{
    return nd_read_csv_buffer(text, strlen(text), o);
}

static double cell(const nd_table *t, int col, ptrdiff_t row)
{
    nd_array *c = nd_table_column(t, col);
    double v = c ? nd_get_f64(c, ND_IDX(row)) : -12345.0;
    nd_free(c);
    return v;
}

/* ---- NumPy-written text parses to the same bits ------------------------------------- */

static void test_numpy_savetxt_18e_bit_exact(void)
{
    nd_array *want = nd_load(IO_DATA "/normals.npy");
    nd_csv_stats st;
    nd_array *got = nd_loadtxt(IO_DATA "/normals_18e.csv", .stats = &st);
    CU_ASSERT(io_bits_equal(want, got));
    CU_ASSERT(st.header && st.delimiter == ',' && st.nrows == 200 && st.ncols == 3);
    nd_free(got);
    got = nd_loadtxt(IO_DATA "/normals_repr.csv");
    CU_ASSERT(io_bits_equal(want, got));
    nd_free(got);
    got = nd_loadtxt(IO_DATA "/normals_17g.txt", .stats = &st);
    CU_ASSERT(io_bits_equal(want, got));
    CU_ASSERT(st.delimiter == ' ' && !st.header);
    nd_free(got);
    nd_free(want);
}

static void test_numpy_complex_and_int_text(void)
{
    nd_array *want = nd_load(IO_DATA "/complex.npy");
    nd_array *got = nd_loadtxt(IO_DATA "/complex.txt", .dtype = ND_COMPLEX128);
    CU_ASSERT(io_bits_equal(want, got));
    nd_free(got);
    nd_free(want);
    want = nd_load(IO_DATA "/ints.npy");
    nd_csv_stats st;
    got = nd_loadtxt(IO_DATA "/ints.csv", .dtype = ND_INT64, .stats = &st);
    CU_ASSERT(io_bits_equal(want, got));
    CU_ASSERT_EQUAL(st.delimiter, ';');
    nd_free(got);
    nd_free(want);
}

/* ---- dialects ------------------------------------------------------------------------- */

static void test_delimiter_detection(void)
{
    const struct { const char *text; char delim; } cases[] = {
        { "1,2,3\n4,5,6\n", ',' },   { "1\t2\t3\n4\t5\t6\n", '\t' },
        { "1;2;3\n4;5;6\n", ';' },   { "1 2  3\n  4 5 6  \n", ' ' },
        { "\"a,b\";c\n\"d\";e\n", ';' },
    };
    for (size_t i = 0; i < sizeof cases / sizeof *cases; i++) {
        nd_csv_stats st;
        nd_table *t = table_of(cases[i].text, &(nd_csv_opts){ .header = -1, .stats = &st });
        CU_ASSERT_PTR_NOT_NULL(t);
        CU_ASSERT_EQUAL(st.delimiter, cases[i].delim);
        CU_ASSERT_EQUAL(st.nrows, 2);
        nd_table_free(t);
    }
    /* a single column */
    nd_array *a = nd_loadtxt_buffer(BUF("1\n2\n3\n"), NULL);
    CU_ASSERT(a && io_same_shape(a, 1, (ptrdiff_t[]){ 3 }) && nd_get_f64(a, ND_IDX(2)) == 3);
    nd_free(a);
}

static void test_quotes_escapes_and_newlines_in_fields(void)
{
    const char *text = "name,value,note\n"
                       "\"Smith, J\",1.5,\"say \"\"hi\"\"\"\n"
                       "\"multi\nline\",\"2\",plain\n"
                       "  x  ,3,\"\"\n";
    nd_table *t = table_of(text, NULL);
    CU_ASSERT_PTR_NOT_NULL_FATAL(t);
    CU_ASSERT_EQUAL(nd_table_nrows(t), 3);
    CU_ASSERT(nd_table_is_text(t, 0) && !nd_table_is_text(t, 1) && nd_table_is_text(t, 2));
    CU_ASSERT_STRING_EQUAL(nd_table_text(t, 0, 0), "Smith, J");
    CU_ASSERT_STRING_EQUAL(nd_table_text(t, 0, 2), "say \"hi\"");
    CU_ASSERT_STRING_EQUAL(nd_table_text(t, 1, 0), "multi\nline");
    CU_ASSERT_STRING_EQUAL(nd_table_text(t, 2, 0), "x");
    CU_ASSERT_STRING_EQUAL(nd_table_text(t, 2, 2), "");
    CU_ASSERT_EQUAL(cell(t, 1, 1), 2.0); /* a quoted number is a number */
    CU_ASSERT_EQUAL(nd_table_nmissing(t, 1), 0);
    nd_table_free(t);
    /* errors after a multi-line field name the right line */
    nd_array *a = nd_loadtxt_buffer(BUF("a,b\n\"x\ny\",1\n3,z\n"),
                                    &(nd_csv_opts){ .path = "q.csv", .usecols = (int[]){ 1 }, .nusecols = 1 });
    CU_ASSERT_PTR_NULL(a);
    CU_ASSERT(strstr(nd_errmsg(), "q.csv: line 4, column 2 ('b'): cannot parse 'z' as float64") != NULL);
    /* no quoting */
    t = table_of("\"a\",b\n\"1\",2\n", &(nd_csv_opts){ .quote = -1 });
    CU_ASSERT(t && nd_table_is_text(t, 0) && strcmp(nd_table_text(t, 0, 0), "\"1\"") == 0);
    nd_table_free(t);
}

static void test_comments_blank_lines_skiprows_maxrows(void)
{
    const char *text = "junk line 1\njunk, line, 2\n# comment\n\n  \n1,2 # trailing\n3,4\n// x\n5,6\n7,8\n";
    nd_csv_stats st;
    nd_array *a = nd_loadtxt_buffer(text, strlen(text),
                                    &(nd_csv_opts){ .skiprows = 2, .max_rows = 3, .stats = &st });
    CU_ASSERT_PTR_NULL(a); /* "// x" is not a comment by default */
    CU_ASSERT(strstr(nd_errmsg(), "line 8") != NULL);
    a = nd_genfromtxt_buffer(text, strlen(text),
                             &(nd_csv_opts){ .skiprows = 2, .max_rows = 3, .ragged_fill = true, .stats = &st });
    CU_ASSERT(a && io_same_shape(a, 2, (ptrdiff_t[]){ 3, 2 }));
    CU_ASSERT(a && isnan(nd_get_f64(a, ND_IDX(2, 0))) && isnan(nd_get_f64(a, ND_IDX(2, 1))));
    CU_ASSERT_EQUAL(st.nmissing, 2);
    CU_ASSERT_EQUAL(st.first_missing_line, 8);
    nd_free(a);
    const char *text2 = "// header comment\n1;2 // note\n3;4\n";
    a = nd_loadtxt_buffer(text2, strlen(text2), &(nd_csv_opts){ .comments = "//" });
    CU_ASSERT(a && io_same_shape(a, 2, (ptrdiff_t[]){ 2, 2 }) && nd_get_f64(a, ND_IDX(1, 1)) == 4);
    nd_free(a);
    /* '/' alone inside a field is data when the comment is "//" */
    nd_table *t = table_of("a,b\n1/2,3\n", &(nd_csv_opts){ .comments = "//" });
    CU_ASSERT(t && strcmp(nd_table_text(t, 0, 0), "1/2") == 0);
    nd_table_free(t);
}

static void test_bom_crlf_cr(void)
{
    const char *texts[] = { "\xEF\xBB\xBFx,y\r\n1,2\r\n3,4\r\n", "x,y\r1,2\r3,4", "x,y\n1,2\n3,4" };
    for (int i = 0; i < 3; i++) {
        nd_table *t = table_of(texts[i], NULL);
        CU_ASSERT_PTR_NOT_NULL_FATAL(t);
        CU_ASSERT_EQUAL(nd_table_nrows(t), 2);
        CU_ASSERT_STRING_EQUAL(nd_table_colname(t, 0), "x");
        CU_ASSERT_EQUAL(cell(t, 1, 1), 4.0);
        nd_table_free(t);
    }
}

/* ---- headers and selection --------------------------------------------------------------- */

static void test_header_detection_and_names(void)
{
    nd_csv_stats st;
    nd_table *t = table_of("\"YEAR\",\"SUN\"\n1700,5\n", &(nd_csv_opts){ .stats = &st });
    CU_ASSERT(t && st.header && strcmp(nd_table_colname(t, 1), "SUN") == 0);
    CU_ASSERT_EQUAL(nd_table_find(t, "YEAR"), 0);
    CU_ASSERT_EQUAL(nd_table_find(t, "nope"), -1);
    CU_ASSERT_EQUAL(nd_last_error(), ND_EINDEX);
    nd_table_free(t);
    t = table_of("1,2\n3,4\n", &(nd_csv_opts){ .stats = &st });
    CU_ASSERT(t && !st.header && strcmp(nd_table_colname(t, 1), "1") == 0);
    CU_ASSERT_EQUAL(nd_table_nrows(t), 2);
    nd_table_free(t);
    t = table_of("1,2\n3,4\n", &(nd_csv_opts){ .header = 1 });
    CU_ASSERT(t && nd_table_nrows(t) == 1 && strcmp(nd_table_colname(t, 0), "1") == 0);
    nd_table_free(t);
    t = table_of("a,b\nc,d\n", &(nd_csv_opts){ .header = -1 });
    CU_ASSERT(t && nd_table_nrows(t) == 2 && nd_table_is_text(t, 1));
    nd_table_free(t);
    /* header only: zero rows */
    t = table_of("a,b\n", NULL);
    CU_ASSERT(t && nd_table_nrows(t) == 0 && nd_table_ncols(t) == 2);
    nd_array *c = t ? nd_table_column(t, 0) : NULL;
    CU_ASSERT(c && nd_size(c) == 0);
    nd_free(c);
    nd_table_free(t);
}

static void test_usecols_by_index_and_name(void)
{
    const char *text = "a,b,c,d\n1,2,3,4\n5,6,7,8\n";
    nd_array *a = nd_loadtxt_buffer(text, strlen(text),
                                    &(nd_csv_opts){ .usecols = (int[]){ -1, 1 }, .nusecols = 2 });
    CU_ASSERT(a && io_same_shape(a, 2, (ptrdiff_t[]){ 2, 2 }));
    CU_ASSERT(a && nd_get_f64(a, ND_IDX(0, 0)) == 4 && nd_get_f64(a, ND_IDX(1, 1)) == 6);
    nd_free(a);
    nd_table *t = table_of(text, &(nd_csv_opts){ .usenames = (const char *[]){ "c", "a" }, .nusenames = 2 });
    CU_ASSERT(t && nd_table_ncols(t) == 2 && strcmp(nd_table_colname(t, 0), "c") == 0);
    CU_ASSERT(t && cell(t, 0, 1) == 7 && cell(t, 1, 1) == 5);
    nd_table_free(t);
    CU_ASSERT_PTR_NULL(table_of(text, &(nd_csv_opts){ .usenames = (const char *[]){ "zz" }, .nusenames = 1 }));
    CU_ASSERT_STRING_EQUAL(nd_errmsg(), "nd_read_csv_buffer: <buffer>: no column named 'zz'");
    CU_ASSERT_PTR_NULL(table_of(text, &(nd_csv_opts){ .usecols = (int[]){ 4 }, .nusecols = 1 }));
    CU_ASSERT_EQUAL(nd_last_error(), ND_EINDEX);
    CU_ASSERT_PTR_NULL(table_of(text, &(nd_csv_opts){ .usecols = (int[]){ 0, -4 }, .nusecols = 2 }));
    CU_ASSERT(strstr(nd_errmsg(), "twice") != NULL);
}

static void test_loadtxt_squeezes_like_numpy(void)
{
    nd_array *a = nd_loadtxt_buffer(BUF("1,2,3\n"), NULL);
    CU_ASSERT(a && io_same_shape(a, 1, (ptrdiff_t[]){ 3 }));
    nd_free(a);
    a = nd_loadtxt_buffer(BUF("7\n"), NULL);
    CU_ASSERT(a && nd_ndim(a) == 0 && nd_item_f64(a) == 7);
    nd_free(a);
    a = nd_loadtxt_buffer(BUF("7\n"), &(nd_csv_opts){ .ndmin = 1 });
    CU_ASSERT(a && io_same_shape(a, 1, (ptrdiff_t[]){ 1 }));
    nd_free(a);
    a = nd_loadtxt_buffer(BUF("1\n2\n"), &(nd_csv_opts){ .ndmin = 2 });
    CU_ASSERT(a && io_same_shape(a, 2, (ptrdiff_t[]){ 2, 1 }));
    nd_free(a);
    CU_ASSERT_PTR_NULL(nd_loadtxt_buffer(BUF("1\n"), &(nd_csv_opts){ .ndmin = 3 }));
}

/* ---- values ------------------------------------------------------------------------------- */

static void test_missing_values_and_fill(void)
{
    const char *text = "x,y\n1,\n,NA\nnan,-inf\n4,?\n";
    nd_csv_stats st;
    nd_array *a = nd_genfromtxt_buffer(text, strlen(text), &(nd_csv_opts){ .stats = &st });
    CU_ASSERT_PTR_NOT_NULL_FATAL(a);
    CU_ASSERT(isnan(nd_get_f64(a, ND_IDX(0, 1))) && isnan(nd_get_f64(a, ND_IDX(1, 0))));
    CU_ASSERT(isnan(nd_get_f64(a, ND_IDX(2, 0))) && nd_get_f64(a, ND_IDX(2, 1)) == -INFINITY);
    CU_ASSERT(isnan(nd_get_f64(a, ND_IDX(3, 1)))); /* unparsable, filled */
    CU_ASSERT_EQUAL(st.nmissing, 4);
    CU_ASSERT_EQUAL(st.first_missing_line, 2);
    nd_free(a);
    a = nd_genfromtxt_buffer(text, strlen(text), &(nd_csv_opts){ .filling_value = &(double){ -1.5 } });
    CU_ASSERT(a && nd_get_f64(a, ND_IDX(1, 1)) == -1.5);
    nd_free(a);
    CU_ASSERT_PTR_NULL(nd_genfromtxt_buffer(text, strlen(text), &(nd_csv_opts){ .invalid_raise = true }));
    CU_ASSERT(strstr(nd_errmsg(), "line 5, column 2 ('y'): cannot parse '?' as float64") != NULL);
    CU_ASSERT_PTR_NULL(nd_loadtxt_buffer(text, strlen(text), &(nd_csv_opts){ .path = "m.csv" }));
    CU_ASSERT(strstr(nd_errmsg(), "m.csv: line 2, column 2 ('y'): cannot parse '' as float64") != NULL);
    /* integer columns fill with -1 */
    a = nd_genfromtxt_buffer(BUF("1,2\n,4\n"), &(nd_csv_opts){ .dtype = ND_INT32 });
    CU_ASSERT(a && nd_dtype_of(a) == ND_INT32 && nd_get_i64(a, ND_IDX(1, 0)) == -1);
    nd_free(a);
    /* custom tokens */
    a = nd_genfromtxt_buffer(BUF("1,-999\n"), &(nd_csv_opts){ .missing_values = (const char *[]){ "-999" },
                                                               .nmissing_values = 1, .invalid_raise = true });
    CU_ASSERT(a && nd_get_f64(a, ND_IDX(1)) != nd_get_f64(a, ND_IDX(1)));
    nd_free(a);
}

static void test_ragged_rows(void)
{
    const char *text = "1,2,3\n4,5\n6,7,8,9\n";
    CU_ASSERT_PTR_NULL(nd_loadtxt_buffer(text, strlen(text), &(nd_csv_opts){ .path = "r.csv" }));
    CU_ASSERT_EQUAL(nd_last_error(), ND_EPARSE);
    CU_ASSERT_STRING_EQUAL(nd_errmsg(), "nd_loadtxt_buffer: r.csv: line 2: expected 3 fields, found 2");
    nd_csv_stats st;
    nd_array *a = nd_genfromtxt_buffer(text, strlen(text), &(nd_csv_opts){ .ragged_fill = true, .stats = &st });
    CU_ASSERT(a && io_same_shape(a, 2, (ptrdiff_t[]){ 3, 3 }));
    CU_ASSERT(a && isnan(nd_get_f64(a, ND_IDX(1, 2))) && nd_get_f64(a, ND_IDX(2, 2)) == 8);
    CU_ASSERT(st.nragged == 2 && st.nmissing == 1);
    nd_free(a);
}

/* Short rows (ragged_fill) hold fewer bytes per row than the first guess assumes: the
 * buffers grow, keeping every row. */
static void test_buffers_grow_for_short_rows(void)
{
    size_t n = 6 + 3000 * 4;
    char *text = malloc(n + 1);
    strcpy(text, "a,b,c\n");
    for (int i = 0; i < 3000; i++) snprintf(text + 6 + 4 * i, 5, "%03d\n", i % 1000);
    nd_csv_stats st;
    nd_table *t = nd_read_csv_buffer(text, n, &(nd_csv_opts){ .ragged_fill = true, .keep_text = true, .stats = &st });
    CU_ASSERT_PTR_NOT_NULL_FATAL(t);
    CU_ASSERT_EQUAL(nd_table_nrows(t), 3000);
    CU_ASSERT_EQUAL(cell(t, 0, 2999), 999);
    CU_ASSERT_STRING_EQUAL(nd_table_text(t, 2998, 0), "998");
    CU_ASSERT(isnan(cell(t, 2, 2999)));
    CU_ASSERT_EQUAL(st.nmissing, 6000);
    nd_table_free(t);
    nd_array *a = nd_genfromtxt_buffer(text, n, &(nd_csv_opts){ .ragged_fill = true });
    CU_ASSERT(a && io_same_shape(a, 2, (ptrdiff_t[]){ 3000, 3 }) && nd_get_f64(a, ND_IDX(1234, 0)) == 234);
    nd_free(a);
    free(text);
}

static void test_dtypes(void)
{
    nd_array *a = nd_loadtxt_buffer(BUF("1,-2\n300,4e2\n"), &(nd_csv_opts){ .dtype = ND_INT16 });
    CU_ASSERT(a && nd_dtype_of(a) == ND_INT16 && nd_get_i64(a, ND_IDX(1, 1)) == 400);
    nd_free(a);
    CU_ASSERT_PTR_NULL(nd_loadtxt_buffer(BUF("1,2.5\n"), &(nd_csv_opts){ .dtype = ND_INT32 }));
    CU_ASSERT_PTR_NULL(nd_loadtxt_buffer(BUF("1,-2\n"), &(nd_csv_opts){ .dtype = ND_UINT8 }));
    CU_ASSERT_PTR_NULL(nd_loadtxt_buffer(BUF("1,300\n"), &(nd_csv_opts){ .dtype = ND_INT8 }));
    a = nd_loadtxt_buffer(BUF("18446744073709551615,9223372036854775807\n"),
                          &(nd_csv_opts){ .dtype = ND_UINT64 });
    CU_ASSERT(a && nd_get_u64(a, ND_IDX(0)) == UINT64_MAX);
    nd_free(a);
    a = nd_loadtxt_buffer(BUF("0.1,3.4028235e38\n"), &(nd_csv_opts){ .dtype = ND_FLOAT32 });
    CU_ASSERT(a && ((float *)nd_data(a))[0] == 0.1f && ((float *)nd_data(a))[1] == 3.4028235e38f);
    nd_free(a);
    a = nd_loadtxt_buffer(BUF("1+2j,(3-4.5j),-j,7\n"), &(nd_csv_opts){ .dtype = ND_COMPLEX64 });
    CU_ASSERT_PTR_NOT_NULL_FATAL(a);
    const float *c = nd_data(a);
    CU_ASSERT(c[0] == 1 && c[1] == 2 && c[2] == 3 && c[3] == -4.5f && c[4] == 0 && c[5] == -1 &&
              c[6] == 7 && c[7] == 0);
    nd_free(a);
}

static void test_text_columns_and_late_text(void)
{
    /* column b is numeric for 3 rows, then text: the reader keeps every cell */
    const char *text = "a,b\n1,2\n3,4\n5,6\n7,oops\n";
    nd_table *t = table_of(text, NULL);
    CU_ASSERT_PTR_NOT_NULL_FATAL(t);
    CU_ASSERT(!nd_table_is_text(t, 0) && nd_table_is_text(t, 1));
    CU_ASSERT_STRING_EQUAL(nd_table_text(t, 0, 1), "2");
    CU_ASSERT_STRING_EQUAL(nd_table_text(t, 3, 1), "oops");
    CU_ASSERT_PTR_NULL(nd_table_column(t, 1));
    CU_ASSERT_EQUAL(nd_last_error(), ND_EDTYPE);
    CU_ASSERT_PTR_NULL(nd_table_text(t, 0, 0));
    CU_ASSERT_EQUAL(nd_last_error(), ND_EVALUE);
    nd_array *m = nd_table_to_array(t, ND_FLOAT64);
    CU_ASSERT(m && io_same_shape(m, 2, (ptrdiff_t[]){ 4, 1 }) && nd_get_f64(m, ND_IDX(3, 0)) == 7);
    nd_free(m);
    nd_table_free(t);
    /* keep_text keeps the original spelling of numbers (nplot detects dates with it) */
    t = table_of("d,v\n20240131, 1.50\n20240201,NA\n", &(nd_csv_opts){ .keep_text = true });
    CU_ASSERT_PTR_NOT_NULL_FATAL(t);
    CU_ASSERT_STRING_EQUAL(nd_table_text(t, 0, 0), "20240131");
    CU_ASSERT_STRING_EQUAL(nd_table_text(t, 0, 1), "1.50");
    CU_ASSERT_STRING_EQUAL(nd_table_text(t, 1, 1), "NA");
    CU_ASSERT(isnan(cell(t, 1, 1)) && nd_table_nmissing(t, 1) == 1);
    nd_table_free(t);
    /* .numeric: text cells become missing */
    t = table_of(text, &(nd_csv_opts){ .numeric = true });
    CU_ASSERT(t && !nd_table_is_text(t, 1) && isnan(cell(t, 1, 3)) && nd_table_nmissing(t, 1) == 1);
    nd_table_free(t);
}

static void test_columns_outlive_the_table(void)
{
    nd_table *t = table_of("x\n1\n2\n", NULL);
    nd_array *c = nd_table_column_by_name(t, "x");
    nd_table_free(t);
    CU_ASSERT(c && nd_get_f64(c, ND_IDX(1)) == 2);
    nd_free(c);
}

/* ---- the shared sample data ------------------------------------------------------------ */

static void test_sample_data(void)
{
    nd_csv_stats st;
    nd_table *t = nd_read_csv(NUMC_SHARED_DATA "/sunspots.csv", .stats = &st);
    CU_ASSERT_PTR_NOT_NULL_FATAL(t);
    CU_ASSERT(nd_table_nrows(t) == 309 && nd_table_ncols(t) == 2 && st.header);
    CU_ASSERT_STRING_EQUAL(nd_table_colname(t, 1), "SUNACTIVITY");
    CU_ASSERT_EQUAL(cell(t, 0, 0), 1700);
    CU_ASSERT_EQUAL(cell(t, 1, 2), 16);
    nd_table_free(t);

    t = nd_read_csv(NUMC_SHARED_DATA "/co2.csv", .stats = &st);
    CU_ASSERT_PTR_NOT_NULL_FATAL(t);
    CU_ASSERT_EQUAL(nd_table_nrows(t), 2284);
    CU_ASSERT_EQUAL(nd_table_nmissing(t, 1), 59);
    CU_ASSERT_EQUAL(st.nmissing, 59);
    CU_ASSERT_EQUAL(cell(t, 0, 0), 19580329);
    CU_ASSERT_EQUAL(cell(t, 1, 0), 316.1);
    nd_table_free(t);

    t = nd_read_csv(NUMC_SHARED_DATA "/macrodata.csv");
    CU_ASSERT(t && nd_table_nrows(t) == 203 && nd_table_ncols(t) == 14);
    CU_ASSERT(t && nd_table_find(t, "realint") == 13 && cell(t, 2, 0) == 2710.349);
    /* a misspelt name suggests the closest column; a far one suggests nothing */
    CU_ASSERT(t && nd_table_column_by_name(t, "realgpd") == NULL);
    CU_ASSERT_STRING_EQUAL(nd_errmsg(), "nd_table_find: no column named 'realgpd'; did you mean 'realgdp'?");
    CU_ASSERT(t && nd_table_find(t, "INFL") == -1);
    CU_ASSERT_STRING_EQUAL(nd_errmsg(), "nd_table_find: no column named 'INFL'; did you mean 'infl'?");
    CU_ASSERT(t && nd_table_find(t, "temperature") == -1);
    CU_ASSERT_STRING_EQUAL(nd_errmsg(), "nd_table_find: no column named 'temperature'");
    nd_table_free(t);

    nd_array *a = nd_loadtxt(NUMC_SHARED_DATA "/elnino.csv");
    CU_ASSERT(a && io_same_shape(a, 2, (ptrdiff_t[]){ 61, 13 }));
    CU_ASSERT(a && nd_get_f64(a, ND_IDX(0, 1)) == 23.11 && nd_get_f64(a, ND_IDX(60, 0)) == 2010);
    nd_free(a);

    t = nd_read_csv(NUMC_SHARED_DATA "/statecrime.csv");
    CU_ASSERT_PTR_NOT_NULL_FATAL(t);
    CU_ASSERT(nd_table_nrows(t) == 51 && nd_table_ncols(t) == 8 && nd_table_is_text(t, 0));
    CU_ASSERT_STRING_EQUAL(nd_table_text(t, 0, 0), "Alabama");
    CU_ASSERT_EQUAL(cell(t, nd_table_find(t, "violent"), 1), 632.6);
    nd_array *m = nd_table_to_array(t, ND_FLOAT32);
    CU_ASSERT(m && io_same_shape(m, 2, (ptrdiff_t[]){ 51, 7 }));
    nd_free(m);
    nd_table_free(t);
}

/* ---- errors ---------------------------------------------------------------------------- */

static void expect_err(const char *text, nd_status code, const char *needle)
{
    nd_table *t = nd_read_csv_buffer(text, strlen(text), &(nd_csv_opts){ .path = "e.csv" });
    CU_ASSERT_PTR_NULL(t);
    nd_table_free(t);
    CU_ASSERT_EQUAL(nd_last_error(), code);
    CU_ASSERT(strstr(nd_errmsg(), needle) != NULL);
    if (!strstr(nd_errmsg(), needle)) printf("\n  got \"%s\", wanted \"%s\"\n", nd_errmsg(), needle);
}

static void test_error_messages(void)
{
    expect_err("", ND_EPARSE, "e.csv: empty file");
    expect_err("# only\n\n", ND_EPARSE, "no data");
    expect_err("a,b\n1,\"open\n2,3\n", ND_EPARSE, "line 2, column 2: quoted field never closed");
    expect_err("a,b\n1,\"x\"y\n", ND_EPARSE, "line 2, column 2 ('b'): unexpected character 'y'");
}

static void test_option_and_file_errors(void)
{
    CU_ASSERT_PTR_NULL(nd_read_csv_buffer(BUF("1\n"), &(nd_csv_opts){ .delimiter = '\n' }));
    CU_ASSERT_EQUAL(nd_last_error(), ND_EVALUE);
    CU_ASSERT_PTR_NULL(nd_read_csv_buffer(BUF("1\n"), &(nd_csv_opts){ .comments = "," , .delimiter = ','}));
    CU_ASSERT_EQUAL(nd_last_error(), ND_EVALUE);
    CU_ASSERT_PTR_NULL(nd_read_csv_buffer(BUF("1\n"), &(nd_csv_opts){ .dtype = 99 }));
    CU_ASSERT_EQUAL(nd_last_error(), ND_EDTYPE);
    CU_ASSERT_PTR_NULL(nd_read_csv("/nonexistent.csv"));
    CU_ASSERT(strstr(nd_errmsg(), "cannot open '/nonexistent.csv': no such file") != NULL);
    CU_ASSERT_PTR_NULL(nd_loadtxt(tmp));
    CU_ASSERT(strstr(nd_errmsg(), "is a directory") != NULL);
}

/* ---- savetxt ----------------------------------------------------------------------------- */

static char *slurp_text(const char *path)
{
    size_t n = 0;
    unsigned char *b = io_slurp(path, &n);
    if (b) b[n] = '\0';
    return (char *)b;
}

static void test_savetxt_roundtrip_default_format(void)
{
    char p[512];
    snprintf(p, sizeof p, "%s/out.txt", tmp);
    nd_array *x = nd_load(IO_DATA "/normals.npy");
    CU_ASSERT_EQUAL_FATAL(nd_savetxt(p, x), ND_OK);
    nd_array *back = nd_loadtxt(p);
    CU_ASSERT(io_bits_equal(x, back));
    nd_free(back);
    /* the same text NumPy wrote (normals_18e.csv used ',' and a header) */
    CU_ASSERT_EQUAL(nd_savetxt(p, x, .delimiter = ",", .header = "a,b,c", .comments = ""), ND_OK);
    char *mine = slurp_text(p), *numpy = slurp_text(IO_DATA "/normals_18e.csv");
    CU_ASSERT(mine && numpy && strcmp(mine, numpy) == 0);
    free(mine);
    free(numpy);
    nd_free(x);
    /* complex, NumPy's layout */
    x = nd_load(IO_DATA "/complex.npy");
    CU_ASSERT_EQUAL(nd_savetxt(p, x), ND_OK);
    mine = slurp_text(p);
    numpy = slurp_text(IO_DATA "/complex.txt");
    CU_ASSERT(mine && numpy && strcmp(mine, numpy) == 0);
    free(mine);
    free(numpy);
    nd_free(x);
    /* ints with %d, as NumPy wrote them */
    x = nd_load(IO_DATA "/ints.npy");
    CU_ASSERT_EQUAL(nd_savetxt(p, x, .fmt = "%d", .delimiter = ";"), ND_OK);
    mine = slurp_text(p);
    numpy = slurp_text(IO_DATA "/ints.csv");
    CU_ASSERT(mine && numpy && strcmp(mine, numpy) == 0);
    free(mine);
    free(numpy);
    nd_free(x);
}

static void test_savetxt_formats_header_footer(void)
{
    char p[512];
    snprintf(p, sizeof p, "%s/fmt.txt", tmp);
    nd_array *a = nd_arange(0, 6, 1, ND_FLOAT64);
    nd_array *m = nd_reshape(a, 2, (ptrdiff_t[]){ 3, 2 });
    CU_ASSERT_EQUAL(nd_savetxt(p, m, .fmt = "%d -> %.2f%%", .header = "two\nlines", .footer = "end",
                               .comments = "## ", .newline = "\r\n"), ND_OK);
    char *s = slurp_text(p);
    CU_ASSERT(s && strcmp(s, "## two\n## lines\r\n0 -> 1.00%\r\n2 -> 3.00%\r\n4 -> 5.00%\r\n## end\r\n") == 0);
    free(s);
    CU_ASSERT_EQUAL(nd_savetxt(p, a, .fmt = "%5.1f"), ND_OK); /* 1-D: one per line */
    s = slurp_text(p);
    CU_ASSERT(s && strncmp(s, "  0.0\n  1.0\n", 12) == 0);
    free(s);
    CU_ASSERT_EQUAL(nd_savetxt(p, m, .fmt = "%s"), ND_EVALUE);
    CU_ASSERT_EQUAL(nd_savetxt(p, m, .fmt = "%n"), ND_EVALUE);
    CU_ASSERT_EQUAL(nd_savetxt(p, m, .fmt = "%*d"), ND_EVALUE);
    CU_ASSERT_EQUAL(nd_savetxt(p, m, .fmt = "%d %d %d"), ND_EVALUE);
    CU_ASSERT(strstr(nd_errmsg(), "give 1 or 2") != NULL);
    nd_array *cube = nd_zeros(ND_SHAPE(2, 2, 2), ND_FLOAT64);
    CU_ASSERT_EQUAL(nd_savetxt(p, cube), ND_ESHAPE);
    nd_free(cube);
    nd_array *u = nd_full(ND_SHAPE(1), ND_UINT64, ND_U64(UINT64_MAX));
    CU_ASSERT_EQUAL(nd_savetxt(p, u, .fmt = "%d"), ND_OK);
    s = slurp_text(p);
    CU_ASSERT(s && strcmp(s, "18446744073709551615\n") == 0);
    free(s);
    nd_free(u);
    nd_free(m);
    nd_free(a);
}

/* nd_table_str: pandas' print(df.head(n)) layout; nd_table_describe: df.describe()
 * (values from NumPy: d = np.genfromtxt("macrodata.csv", delimiter=",", names=True);
 * x = d["realgdp"]; x.mean(), x.std(ddof=1), np.percentile(x, [25, 50, 75])). */
static void test_table_print_and_describe(void)
{
    const char csv[] = "name,x,n\nab,1.5,3\ncde,,10\nf,2,7\n";
    nd_table *t = nd_read_csv_buffer(csv, sizeof csv - 1, NULL);
    CU_ASSERT_PTR_NOT_NULL_FATAL(t);
    char *s = nd_table_str(t, -1);
    CU_ASSERT_STRING_EQUAL(s, "   name    x     n\n"
                              "0    ab  1.5   3.0\n"
                              "1   cde  nan  10.0\n"
                              "2     f  2.0   7.0\n");
    nd_free_mem(s);
    s = nd_table_str(t, 1);
    CU_ASSERT_STRING_EQUAL(s, "   name    x    n\n0    ab  1.5  3.0\n[3 rows x 3 columns]\n");
    nd_free_mem(s);
    nd_table *d = nd_table_describe(t);
    CU_ASSERT_PTR_NOT_NULL_FATAL(d);
    CU_ASSERT_EQUAL(nd_table_ncols(d), 2); /* the text column is left out */
    s = nd_table_str(d, -1);
    CU_ASSERT_STRING_EQUAL(s, "              x          n\n"
                              "count  2.0        3.0     \n"
                              "mean   1.75       6.666667\n"
                              "std    0.353553   3.511885\n"
                              "min    1.5        3.0     \n"
                              "25%    1.625      5.0     \n"
                              "50%    1.75       7.0     \n"
                              "75%    1.875      8.5     \n"
                              "max    2.0       10.0     \n");
    nd_free_mem(s);
    nd_table_free(d);
    nd_table_free(t);

    t = nd_read_csv(NUMC_SHARED_DATA "/macrodata.csv");
    d = nd_table_describe(t);
    nd_array *g = nd_table_column_by_name(d, "realgdp");
    CU_ASSERT_PTR_NOT_NULL_FATAL(g);
    double want[8] = { 203, 7221.171901477834, 3214.956043957166, 2710.349, 4440.1035, 6559.594,
                       9629.3465, 13415.266 };
    double got[8];
    CU_ASSERT_EQUAL(nd_to_f64(g, got), ND_OK);
    for (int i = 0; i < 8; i++) CU_ASSERT_DOUBLE_EQUAL(got[i], want[i], 1e-9 * (1 + want[i]));
    nd_free(g);
    nd_table_free(d);
    nd_table_free(t);
}

static const ND_TEST tests[] = {
    ND_T(test_numpy_savetxt_18e_bit_exact),
    ND_T(test_numpy_complex_and_int_text),
    ND_T(test_delimiter_detection),
    ND_T(test_quotes_escapes_and_newlines_in_fields),
    ND_T(test_comments_blank_lines_skiprows_maxrows),
    ND_T(test_bom_crlf_cr),
    ND_T(test_header_detection_and_names),
    ND_T(test_usecols_by_index_and_name),
    ND_T(test_loadtxt_squeezes_like_numpy),
    ND_T(test_missing_values_and_fill),
    ND_T(test_ragged_rows),
    ND_T(test_buffers_grow_for_short_rows),
    ND_T(test_dtypes),
    ND_T(test_text_columns_and_late_text),
    ND_T(test_columns_outlive_the_table),
    ND_T(test_sample_data),
    ND_T(test_error_messages),
    ND_T(test_option_and_file_errors),
    ND_T(test_savetxt_roundtrip_default_format),
    ND_T(test_savetxt_formats_header_footer),
    ND_T(test_table_print_and_describe),
    { 0 }
};

ND_TEST_MAIN_WITH("io_csv", tests, io_scratch_setup, io_scratch_teardown)
