/* The CSV reader's parallel pass (line-aligned chunks, one per thread) must give exactly
 * what the serial pass gives: the same rows, the same bits, the same counts and the same
 * messages, for files whose chunk boundaries fall on CRLF line ends, inside quoted fields
 * that span lines, between ragged, blank and comment lines, and for files without a final
 * line end. Each file is read with one thread (serial) and with 2..8 (parallel), and the
 * two results are compared field by field. */
#define _POSIX_C_SOURCE 200809L
#include "testutil.h"
#include "io_internal.h"

#include <numc/threads.h>
#include <stdio.h>
#include <string.h>

static uint64_t rng_state = 0x2545F4914F6CDD1Du;
static uint64_t rnd(void)
{
    rng_state ^= rng_state << 13;
    rng_state ^= rng_state >> 7;
    rng_state ^= rng_state << 17;
    return rng_state;
}

typedef struct text {
    char *p;
    size_t n, cap;
} text;

static void put(text *t, const char *s, size_t n)
{
    if (t->n + n + 1 > t->cap) {
        t->cap = (t->n + n + 1) * 2;
        t->p = realloc(t->p, t->cap);
    }
    memcpy(t->p + t->n, s, n);
    t->n += n;
    t->p[t->n] = '\0';
}

static void puts_(text *t, const char *s) { put(t, s, strlen(s)); }

static void putf(text *t, const char *fmt, double v)
{
    char b[64];
    int k = snprintf(b, sizeof b, fmt, v);
    put(t, b, (size_t)k);
}

typedef struct outcome {
    nd_status st;
    char msg[1024];
    nd__csv_result res;
    nd_csv_stats stats;
} outcome;

static void parse(const text *t, const nd_csv_opts *o, int threads, outcome *out)
{
    int old = nd_set_num_threads(threads);
    nd_clear_error();
    memset(out, 0, sizeof *out);
    out->st = nd__csv_parse(t->p, t->n, o, ND__CSV_TABLE, "test", "chunks.csv", &out->res,
                            &out->stats);
    snprintf(out->msg, sizeof out->msg, "%s", out->st < 0 ? nd_errmsg() : "");
    nd_set_num_threads(old);
}

static bool same(const outcome *a, const outcome *b)
{
    if (a->st != b->st || strcmp(a->msg, b->msg) != 0) {
        printf("\n  status %d '%s' vs %d '%s'\n", a->st, a->msg, b->st, b->msg);
        return false;
    }
    if (a->st < 0) return true;
    const nd__csv_result *x = &a->res, *y = &b->res;
    if (x->ncols != y->ncols || x->nrows != y->nrows || x->dtype != y->dtype) {
        printf("\n  shape %d x %td vs %d x %td\n", x->ncols, x->nrows, y->ncols, y->nrows);
        return false;
    }
    if (memcmp(&a->stats, &b->stats, sizeof a->stats) != 0) {
        printf("\n  stats differ: rows %td/%td missing %td/%td ragged %td/%td line %td/%td\n",
               a->stats.nrows, b->stats.nrows, a->stats.nmissing, b->stats.nmissing,
               a->stats.nragged, b->stats.nragged, a->stats.first_missing_line,
               b->stats.first_missing_line);
        return false;
    }
    size_t isz = nd_dtype_size(x->dtype);
    for (int k = 0; k < x->ncols; k++) {
        const nd__csv_col *c = &x->cols[k], *d = &y->cols[k];
        if (c->text != d->text || c->nmissing != d->nmissing || strcmp(c->name, d->name) != 0) {
            printf("\n  column %d: text %d/%d missing %td/%td\n", k, c->text, d->text,
                   c->nmissing, d->nmissing);
            return false;
        }
        if (c->data && memcmp(c->data, d->data, (size_t)x->nrows * isz) != 0) {
            printf("\n  column %d: values differ\n", k);
            return false;
        }
        if (c->toff)
            for (ptrdiff_t r = 0; r < x->nrows; r++)
                if (strcmp(c->tbuf + c->toff[r], d->tbuf + d->toff[r]) != 0) {
                    printf("\n  column %d row %td: text differs\n", k, r);
                    return false;
                }
    }
    return true;
}

/* Read t serially and with 2..8 threads; the results must agree. Returns how many of the
 * parallel reads took the parallel pass. */
static int check_file(const text *t, const nd_csv_opts *o)
{
    outcome ser, par;
    parse(t, o, 1, &ser);
    int used = 0;
    for (int th = 2; th <= 8; th++) {
        long before = nd__csv_parallel_reads();
        parse(t, o, th, &par);
        used += nd__csv_parallel_reads() > before;
        CU_ASSERT_TRUE(same(&ser, &par));
        nd__csv_result_free(&par.res);
    }
    nd__csv_result_free(&ser.res);
    return used;
}

enum { ROWS = 120000 }; /* about 3 MB: large enough for the parallel pass */

static double val(void) { return ((double)(rnd() >> 11) / 9007199254740992.0 - 0.5) * 2e4; }

static void test_plain_lf(void)
{
    text t = { 0 };
    puts_(&t, "t,walk,wave\n");
    for (int i = 0; i < ROWS; i++) {
        putf(&t, "%.6g,", i * 0.001);
        putf(&t, "%.17g,", val());
        putf(&t, "%.6g\n", val());
    }
    int used = check_file(&t, NULL);
    CU_ASSERT_EQUAL(used, 7); /* every thread count splits this file */
    free(t.p);
}

static void test_crlf_no_final_line_end(void)
{
    text t = { 0 };
    puts_(&t, "\xEF\xBB\xBF" "a;b\r\n");
    for (int i = 0; i < ROWS; i++) {
        putf(&t, "%.9g;", val());
        putf(&t, i + 1 < ROWS ? "%.3e\r\n" : "%.3e", val());
    }
    CU_ASSERT_EQUAL(check_file(&t, NULL), 7);
    /* Old Mac line ends (CR alone): no '\n' to split at, one chunk reads everything. */
    for (size_t i = 0; i < t.n; i++)
        if (t.p[i] == '\n') t.p[i] = ' ';
    check_file(&t, NULL);
    free(t.p);
}

/* Blank lines, comments and ragged rows leave gaps between the chunks' rows; missing
 * cells (empty, NA) are counted, and the first one's line is reported. */
static void test_ragged_blank_comments_missing(void)
{
    text t = { 0 };
    puts_(&t, "# a comment before the header\nx,y,z\n");
    for (int i = 0; i < ROWS; i++) {
        uint64_t r = rnd() % 100;
        if (r == 0) puts_(&t, "\n");
        else if (r == 1) puts_(&t, "# note, with \"quotes\"\n");
        else if (r == 2) puts_(&t, "   \n");
        putf(&t, "%.8g", val());
        if (r == 3) puts_(&t, ",\n"); /* ragged: two fields, the second empty */
        else if (r == 4) puts_(&t, "\n"); /* ragged: one field */
        else if (r == 5 && i > ROWS / 2) puts_(&t, ",NA,1\n");
        else {
            putf(&t, ",%.8g", val());
            putf(&t, ",%.8g\n", val());
        }
    }
    nd_csv_opts o = { .ragged_fill = true };
    CU_ASSERT_EQUAL(check_file(&t, &o), 7);
    /* Without ragged_fill the first ragged row is an error naming its line. */
    outcome ser;
    parse(&t, NULL, 4, &ser);
    CU_ASSERT_EQUAL(ser.st, ND_EPARSE);
    CU_ASSERT_PTR_NOT_NULL(strstr(ser.msg, "expected 3 fields"));
    check_file(&t, NULL);
    free(t.p);
}

/* Quoted fields: quoted numbers, and (with .numeric, where text cells are missing) quoted
 * text spanning lines, with doubled quotes, so that many chunk boundaries fall inside
 * quotes. */
static void test_quotes_spanning_lines(void)
{
    text t = { 0 };
    puts_(&t, "\"a\",\"b, the second\"\n");
    for (int i = 0; i < ROWS; i++) {
        uint64_t r = rnd() % 20;
        if (r == 0) puts_(&t, "\"line one\nline \"\"two\"\"\r\nthree\",");
        else if (r == 1) putf(&t, "\"%.5g\",", val());
        else putf(&t, "%.5g,", val());
        putf(&t, "%.5g\n", val());
    }
    nd_csv_opts o = { .numeric = true };
    CU_ASSERT_TRUE(check_file(&t, &o) > 0);
    /* One long quoted field across the middle of the file (where two chunks would meet). */
    text u = { 0 };
    puts_(&u, "a,b\n");
    for (int i = 0; i < ROWS; i++) {
        if (i == ROWS / 2) {
            puts_(&u, "\"");
            for (int k = 0; k < 20000; k++) puts_(&u, "x,1\n");
            puts_(&u, "\",2\n");
        }
        putf(&u, "%.5g,", val());
        putf(&u, "%.5g\n", val());
    }
    CU_ASSERT_TRUE(check_file(&u, &o) > 0);
    /* A quote inside an unquoted field is text, not an opening quote: the quote pairing
     * guesses wrong, and the reads must still agree (by falling back). */
    text v = { 0 };
    puts_(&v, "a,b\n");
    for (int i = 0; i < ROWS; i++) {
        if (i % 5000 == 7) puts_(&v, "5'3\",");
        else putf(&v, "%.5g,", val());
        putf(&v, "%.5g\n", val());
    }
    check_file(&v, &o);
    free(t.p);
    free(u.p);
    free(v.p);
}

/* A column that turns to text after its first row: the serial pass re-reads; the
 * parallel pass is not used for it. A text column from the first row: serial too. */
static void test_text_columns_fall_back(void)
{
    text t = { 0 };
    puts_(&t, "a,b\n");
    for (int i = 0; i < ROWS; i++) {
        putf(&t, "%.5g,", val());
        if (i == ROWS - 10) puts_(&t, "oops\n");
        else putf(&t, "%.5g\n", val());
    }
    CU_ASSERT_EQUAL(check_file(&t, NULL), 0);
    text u = { 0 };
    puts_(&u, "date,v\n");
    for (int i = 0; i < ROWS; i++) {
        char b[64];
        snprintf(b, sizeof b, "2020-01-%02d,%d\n", 1 + i % 28, i);
        puts_(&u, b);
    }
    CU_ASSERT_EQUAL(check_file(&u, NULL), 0);
    free(t.p);
    free(u.p);
}

/* Blank-separated columns; a one-row file (small, and one row of 200000 fields). */
static void test_blanks_and_one_row(void)
{
    text t = { 0 };
    for (int i = 0; i < ROWS; i++) {
        putf(&t, "  %.7g", val());
        putf(&t, "\t%.7g  \n", val());
    }
    nd_csv_opts o = { .delimiter = ' ' };
    CU_ASSERT_EQUAL(check_file(&t, &o), 7);
    text u = { 0 };
    puts_(&u, "1.5,2.5,3.5\n");
    check_file(&u, NULL);
    text w = { 0 };
    for (int k = 0; k < 200000; k++) putf(&w, k ? ",%.4g" : "%.4g", val());
    outcome ser;
    parse(&w, NULL, 4, &ser);
    CU_ASSERT_EQUAL(ser.st, ND_OK);
    CU_ASSERT_EQUAL(ser.res.nrows, 1);
    CU_ASSERT_EQUAL(ser.res.ncols, 200000);
    nd__csv_result_free(&ser.res);
    check_file(&w, NULL);
    free(t.p);
    free(u.p);
    free(w.p);
}

/* A bad cell far into the file: the same message, with the same line number. */
static void test_error_line_numbers(void)
{
    text t = { 0 };
    puts_(&t, "a,b\n");
    for (int i = 0; i < ROWS; i++) {
        putf(&t, "%.5g,", val());
        if (i == ROWS - 100) puts_(&t, "\"unclosed\n");
        else putf(&t, "%.5g\n", val());
    }
    outcome o1;
    parse(&t, NULL, 4, &o1);
    CU_ASSERT_EQUAL(o1.st, ND_EPARSE);
    char want[64];
    snprintf(want, sizeof want, "line %d", ROWS - 100 + 2);
    CU_ASSERT_PTR_NOT_NULL(strstr(o1.msg, want));
    check_file(&t, NULL);
    /* A successful parallel read leaves the caller's earlier error as it was. */
    text u = { 0 };
    puts_(&u, "a,b\n");
    for (int i = 0; i < ROWS; i++) {
        putf(&u, "%.5g,", val());
        putf(&u, "%.5g\n", val());
    }
    int old = nd_set_num_threads(4);
    nd_set_error(ND_EVALUE, "an earlier error");
    nd__csv_result res;
    CU_ASSERT_EQUAL(nd__csv_parse(u.p, u.n, NULL, ND__CSV_TABLE, "test", "u", &res, NULL), ND_OK);
    CU_ASSERT_EQUAL(nd_last_error(), ND_EVALUE);
    CU_ASSERT_STRING_EQUAL(nd_errmsg(), "an earlier error");
    nd__csv_result_free(&res);
    nd_set_num_threads(old);
    nd_clear_error();
    free(t.p);
    free(u.p);
}

static const ND_TEST tests[] = {
    ND_T(test_plain_lf),
    ND_T(test_crlf_no_final_line_end),
    ND_T(test_ragged_blank_comments_missing),
    ND_T(test_quotes_spanning_lines),
    ND_T(test_text_columns_fall_back),
    ND_T(test_blanks_and_one_row),
    ND_T(test_error_line_numbers),
    { 0 }
};
ND_TEST_MAIN("csv_chunks", tests)
