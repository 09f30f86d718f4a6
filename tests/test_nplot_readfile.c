/* nplot's threaded file reader (plot/nplot/readfile.c) and what rests on it: the bytes of
 * a file read in 2 MiB shares on several threads equal the file's, the flags for bytes
 * >= 0x80, NUL and '"' are set exactly when such a byte is anywhere (also in the last
 * share and its last byte), a file shorter than the size asked for and a descriptor that
 * cannot be read are errors; cli_data_load of files that span several shares gives the
 * same table as the serial cli_data_load_buffer of the same bytes, and the encoding checks
 * that the flags let it skip still run when a share holds a NUL or a Latin-1 byte. */
#define _GNU_SOURCE
#include "nplot_cli.h"

#include "testutil.h"

#include <numc/error.h>
#include <numc/threads.h>

#include <errno.h>
#include <fcntl.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

/* A CSV of `rows` rows "i,i*0.5,-i" with a header: about 9 MB for 500000 rows. */
static char *make_csv(size_t rows, size_t *len)
{
    size_t cap = rows * 40 + 64, n = 0;
    char *b = malloc(cap);
    n += (size_t)snprintf(b, cap, "a,b,c\n");
    for (size_t i = 0; i < rows; i++)
        n += (size_t)snprintf(b + n, cap - n, "%zu,%.1f,-%zu\n", i, (double)i * 0.5, i);
    *len = n;
    return b;
}

static char *write_tmp(const char *data, size_t n)
{
    char *path = strdup("/tmp/nplot_readfile_XXXXXX");
    int fd = mkstemp(path);
    CU_ASSERT_FATAL(fd >= 0);
    CU_ASSERT_FATAL(write(fd, data, n) == (ssize_t)n);
    close(fd);
    return path;
}

static char *read_back(const char *path, size_t size, cli_bytes_seen *seen, int *err)
{
    int fd = open(path, O_RDONLY);
    CU_ASSERT_FATAL(fd >= 0);
    char *b = cli_read_file(fd, size, seen, err);
    close(fd);
    return b;
}

static void test_bytes_and_flags_on_several_threads(void)
{
    int old = nd_set_num_threads(4);
    size_t n;
    char *csv = make_csv(500000, &n);
    CU_ASSERT_FATAL(n > 8u << 20); /* four shares of 2 MiB and more */
    /* Plain ASCII, then one flagged byte at a time: first byte, a share boundary, the
     * middle of a share, the last byte. */
    const size_t at[] = { 0, 2u << 20, (2u << 20) - 1, 5u << 20, n - 1 };
    const char bytes[] = { (char)0xE9, '\0', '"' };
    cli_bytes_seen seen;
    int err;
    char *path = write_tmp(csv, n);
    char *b = read_back(path, n, &seen, &err);
    CU_ASSERT_PTR_NOT_NULL_FATAL(b);
    CU_ASSERT(memcmp(b, csv, n) == 0);
    CU_ASSERT(!seen.high && !seen.nul && !seen.quote);
    nd_free_mem(b);
    unlink(path);
    free(path);
    for (size_t i = 0; i < sizeof at / sizeof at[0]; i++)
        for (size_t k = 0; k < sizeof bytes; k++) {
            char keep = csv[at[i]];
            csv[at[i]] = bytes[k];
            path = write_tmp(csv, n);
            b = read_back(path, n, &seen, &err);
            CU_ASSERT_PTR_NOT_NULL_FATAL(b);
            CU_ASSERT(memcmp(b, csv, n) == 0);
            CU_ASSERT_EQUAL(seen.high, k == 0);
            CU_ASSERT_EQUAL(seen.nul, k == 1);
            CU_ASSERT_EQUAL(seen.quote, k == 2);
            nd_free_mem(b);
            unlink(path);
            free(path);
            csv[at[i]] = keep;
        }
    /* One thread reads the same bytes. */
    nd_set_num_threads(1);
    path = write_tmp(csv, n);
    b = read_back(path, n, &seen, &err);
    CU_ASSERT_PTR_NOT_NULL_FATAL(b);
    CU_ASSERT(memcmp(b, csv, n) == 0);
    nd_free_mem(b);
    /* A file shorter than the size asked for (it shrank after the stat): err -1. */
    nd_set_num_threads(4);
    b = read_back(path, n + 100, &seen, &err);
    CU_ASSERT_PTR_NULL(b);
    CU_ASSERT_EQUAL(err, -1);
    b = read_back(path, n + (3u << 20), &seen, &err); /* a whole share past the end */
    CU_ASSERT_PTR_NULL(b);
    CU_ASSERT_EQUAL(err, -1);
    /* A descriptor that cannot be read: its errno. */
    int fd = open(path, O_WRONLY);
    CU_ASSERT_FATAL(fd >= 0);
    b = cli_read_file(fd, n, &seen, &err);
    close(fd);
    CU_ASSERT_PTR_NULL(b);
    CU_ASSERT_EQUAL(err, EBADF);
    unlink(path);
    free(path);
    free(csv);
    nd_set_num_threads(old);
}

static void parse_opts(cli_opts *o, const char *path)
{
    char *argv[] = { "nplot", (char *)path, "-q", NULL };
    FILE *devnull = fopen("/dev/null", "w");
    CU_ASSERT_EQUAL_FATAL(cli_parse_args(3, argv, o, devnull, devnull), CLI_EXIT_OK);
    fclose(devnull);
}

/* The table from the file (threaded read) equals the one from the same bytes in memory. */
static void test_load_file_equals_load_buffer(void)
{
    int old = nd_set_num_threads(2);
    size_t n;
    char *csv = make_csv(500000, &n);
    char *path = write_tmp(csv, n);
    cli_opts o;
    parse_opts(&o, path);
    cli_data a, b;
    CU_ASSERT_EQUAL_FATAL(cli_data_load(&o, &a), CLI_EXIT_OK);
    CU_ASSERT_EQUAL_FATAL(cli_data_load_buffer(&o, path, csv, n, &b), CLI_EXIT_OK);
    CU_ASSERT_EQUAL(a.nrows, 500000);
    CU_ASSERT_EQUAL(a.nrows, b.nrows);
    CU_ASSERT_EQUAL(a.ny, b.ny);
    CU_ASSERT_EQUAL(a.ny, 2);
    CU_ASSERT_STRING_EQUAL(a.names[0], "a");
    long diff = 0;
    for (ptrdiff_t r = 0; r < a.nrows; r++) {
        diff += a.x[r] != b.x[r] || a.x[r] != (double)r;
        for (int i = 0; i < a.ny; i++) diff += a.y[i][r] != b.y[i][r];
    }
    CU_ASSERT_EQUAL(diff, 0);
    CU_ASSERT_EQUAL(a.y[0][499999], 499999 * 0.5);
    CU_ASSERT_EQUAL(a.y[1][499999], -499999.0);
    cli_data_free(&a);
    cli_data_free(&b);
    unlink(path);
    free(path);
    free(csv);
    nd_set_num_threads(old);
}

/* A NUL or a Latin-1 byte in a later share: the checks the flags skip for plain files run,
 * with the line of the byte. */
static void test_encoding_checks_still_run(void)
{
    int old = nd_set_num_threads(4);
    size_t n;
    char *csv = make_csv(500000, &n);
    /* the first byte of line 400001 (row 399999 + header): "399999,..." */
    char *line = strstr(csv, "\n399999,") + 1;
    line[0] = '\0';
    char *path = write_tmp(csv, n);
    cli_opts o;
    parse_opts(&o, path);
    cli_data d;
    CU_ASSERT_EQUAL(cli_data_load(&o, &d), CLI_EXIT_DATA);
    CU_ASSERT_PTR_NOT_NULL(strstr(d.err, "line 400001, column 1: a NUL byte"));
    cli_data_free(&d);
    unlink(path);
    free(path);
    /* The header's name as Latin-1 "\xe9": read as Latin-1, the name becomes UTF-8. */
    line[0] = '3';
    csv[0] = (char)0xE9;
    path = write_tmp(csv, n);
    parse_opts(&o, path);
    CU_ASSERT_EQUAL_FATAL(cli_data_load(&o, &d), CLI_EXIT_OK);
    CU_ASSERT_STRING_EQUAL(d.names[0], "\xc3\xa9");
    CU_ASSERT_EQUAL(d.nrows, 500000);
    CU_ASSERT_EQUAL(d.y[0][399999], 399999 * 0.5);
    cli_data_free(&d);
    unlink(path);
    free(path);
    /* A quoted field: the quote-aware field count runs and the table is the same. */
    csv[0] = 'a';
    char *q = malloc(n + 2); /* "a",b,c then the rows */
    q[0] = '"';
    q[1] = 'a';
    q[2] = '"';
    memcpy(q + 3, csv + 1, n - 1);
    path = write_tmp(q, n + 2);
    parse_opts(&o, path);
    CU_ASSERT_EQUAL_FATAL(cli_data_load(&o, &d), CLI_EXIT_OK);
    CU_ASSERT_STRING_EQUAL(d.names[0], "a");
    CU_ASSERT_EQUAL(d.nrows, 500000);
    cli_data_free(&d);
    unlink(path);
    free(path);
    free(q);
    free(csv);
    nd_set_num_threads(old);
}

static const ND_TEST tests[] = {
    ND_T(test_bytes_and_flags_on_several_threads),
    ND_T(test_load_file_equals_load_buffer),
    ND_T(test_encoding_checks_still_run),
    { 0 }
};
ND_TEST_MAIN("nplot_readfile", tests)
