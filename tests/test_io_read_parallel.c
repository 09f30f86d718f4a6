/* Files of 4 MiB and more are read by every thread at once into one block (core/io/io_file.c,
 * nd__map_file): nd_read_csv and nd_loadtxt of such a file give the same values as the
 * readers of the same bytes in memory, on one thread and on several, for sizes that end
 * exactly on a 2 MiB share, one byte past it, and without a final line end. */
#define _GNU_SOURCE
#include "testutil.h"

#include <numc/array.h>
#include <numc/error.h>
#include <numc/io.h>
#include <numc/threads.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

/* "x,y\n" then rows "i,i*0.25\n" padded with blanks (read as nothing) until exactly `size`
 * bytes; the last row loses its line end when `final_eol` is false. */
static char *make_csv(size_t size, bool final_eol, ptrdiff_t *rows)
{
    char *b = malloc(size + 1);
    size_t n = (size_t)snprintf(b, size + 1, "x,y\n");
    ptrdiff_t r = 0;
    for (;;) {
        char line[64];
        int k = snprintf(line, sizeof line, "%td,%.2f\n", r, (double)r * 0.25);
        if (n + (size_t)k + 16 > size) break;
        memcpy(b + n, line, (size_t)k);
        n += (size_t)k;
        r++;
    }
    /* blanks after the last value up to the size, then the line end (or not) */
    n--;
    while (n < size - 1) b[n++] = ' ';
    b[n++] = final_eol ? '\n' : ' ';
    *rows = r;
    return b;
}

static char *write_tmp(const char *data, size_t n)
{
    char *path = strdup("/tmp/numc_read_parallel_XXXXXX");
    int fd = mkstemp(path);
    CU_ASSERT_FATAL(fd >= 0);
    CU_ASSERT_FATAL(write(fd, data, n) == (ssize_t)n);
    close(fd);
    return path;
}

static void check_size(size_t size, bool final_eol, int threads)
{
    int old = nd_set_num_threads(threads);
    ptrdiff_t rows;
    char *csv = make_csv(size, final_eol, &rows);
    char *path = write_tmp(csv, size);
    nd_table *f = nd_read_csv(path);
    nd_table *m = nd_read_csv_buffer(csv, size, NULL);
    CU_ASSERT_PTR_NOT_NULL_FATAL(f);
    CU_ASSERT_PTR_NOT_NULL_FATAL(m);
    CU_ASSERT_EQUAL(nd_table_nrows(f), rows);
    CU_ASSERT_EQUAL(nd_table_nrows(m), rows);
    CU_ASSERT_EQUAL(nd_table_ncols(f), 2);
    long diff = 0;
    for (int c = 0; c < 2; c++) {
        nd_array *a = nd_table_column(f, c), *b = nd_table_column(m, c);
        const double *x = nd_data(a), *y = nd_data(b);
        for (ptrdiff_t r = 0; r < rows; r++)
            diff += x[r] != y[r] || x[r] != (c == 0 ? (double)r : (double)r * 0.25);
        nd_free(a);
        nd_free(b);
    }
    CU_ASSERT_EQUAL(diff, 0);
    nd_table_free(f);
    nd_table_free(m);
    /* nd_loadtxt goes through the same read */
    nd_array *l = nd_loadtxt(path, .delimiter = ',', .skiprows = 1);
    CU_ASSERT_PTR_NOT_NULL_FATAL(l);
    CU_ASSERT_EQUAL(nd_shape(l)[0], rows);
    const double *v = nd_data(l);
    CU_ASSERT_EQUAL(v[2 * (rows - 1) + 1], (double)(rows - 1) * 0.25);
    nd_free(l);
    unlink(path);
    free(path);
    free(csv);
    nd_set_num_threads(old);
}

static void test_read_csv_file_equals_buffer(void)
{
    check_size(4u << 20, true, 2);          /* ends on a share */
    check_size((4u << 20) + 1, true, 2);    /* one byte into a third share */
    check_size((6u << 20) + 777, false, 4); /* no final line end, more threads than needed */
    check_size((5u << 20) + 3, true, 1);    /* one thread */
}

static void test_missing_file_and_directory_errors(void)
{
    CU_ASSERT_PTR_NULL(nd_read_csv("/nonexistent/numc_read_parallel.csv"));
    CU_ASSERT_PTR_NOT_NULL(strstr(nd_errmsg(), "no such file or directory"));
    CU_ASSERT_PTR_NULL(nd_read_csv("/tmp"));
    CU_ASSERT_EQUAL(nd_last_error(), ND_EIO);
    nd_clear_error();
}

static const ND_TEST tests[] = {
    ND_T(test_read_csv_file_equals_buffer),
    ND_T(test_missing_file_and_directory_errors),
    { 0 }
};
ND_TEST_MAIN("io_read_parallel", tests)
