/* Command-line workloads: the nplot executable of this build, whole process (start,
 * read the CSV, draw, write the PNG), like bench/peer_nplot.py runs python3 + matplotlib. */
#include "bench.h"

#include <math.h>
#include <spawn.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>

#include <numc/error.h>

extern char **environ;

#define NPLOT_ROWS 1000000

typedef struct nplot_state {
    char csv[512], png[512];
    bool own_csv;
} nplot_state;

static void nplot_teardown(void *st)
{
    nplot_state *s = st;
    if (!s) return;
    if (s->own_csv) remove(s->csv);
    remove(s->png);
    free(s);
}

static int need_nplot(void)
{
    if (bench_nplot()) return 0;
    nd_clear_error();
    fprintf(stderr, "nplot is not built (plot/CMakeLists.txt needs add_subdirectory(cli))\n");
    return -1;
}

/* t, walk, wave: a time column, a random walk and a noisy sine, 6 significant digits
 * (what a logger writes); 26 MB. */
static int setup_csv_1m(void **st)
{
    nplot_state *s = calloc(1, sizeof *s);
    if (!s) return -1;
    *st = s;
    if (need_nplot()) return -1;
    snprintf(s->csv, sizeof s->csv, "%s/nplot_1M.csv", bench_tmpdir());
    snprintf(s->png, sizeof s->png, "%s/nplot_1M.png", bench_tmpdir());
    double *z = malloc(2 * (size_t)NPLOT_ROWS * sizeof *z);
    FILE *f = fopen(s->csv, "w");
    if (!z || !f) {
        free(z);
        if (f) fclose(f);
        return -1;
    }
    s->own_csv = true;
    bench_fill_normal(z, 2 * (size_t)NPLOT_ROWS, 42);
    fputs("t,walk,wave\n", f);
    double walk = 0;
    for (size_t i = 0; i < NPLOT_ROWS; i++) {
        walk += z[i];
        fprintf(f, "%.6g,%.6g,%.6g\n", i * 0.001, walk, sin(i * 0.001) + 0.1 * z[NPLOT_ROWS + i]);
    }
    free(z);
    return fclose(f) == 0 ? 0 : -1;
}

static int setup_sunspots(void **st)
{
    nplot_state *s = calloc(1, sizeof *s);
    if (!s) return -1;
    *st = s;
    if (need_nplot()) return -1;
    snprintf(s->csv, sizeof s->csv, "%s/sunspots.csv", bench_shared_data());
    snprintf(s->png, sizeof s->png, "%s/nplot_sunspots.png", bench_tmpdir());
    return 0;
}

static int run_nplot(void *st)
{
    nplot_state *s = st;
    char *argv[] = { (char *)bench_nplot(), s->csv, "-q", "-o", s->png, NULL };
    pid_t pid;
    if (posix_spawn(&pid, argv[0], NULL, NULL, argv, environ) != 0) return -1;
    int status;
    if (waitpid(pid, &status, 0) != pid) return -1;
    return WIFEXITED(status) && WEXITSTATUS(status) == 0 ? 0 : -1;
}

BENCH_WORKLOAD("nplot_csv_1M", setup_csv_1m, run_nplot, nplot_teardown);
BENCH_WORKLOAD("nplot_sunspots", setup_sunspots, run_nplot, nplot_teardown);

/* ---- 10M rows, and the parse floor ------------------------------------------------------
 * nplot_csv_10M: the same columns as nplot_csv_1M over 10,000,000 rows (255 MB).
 * parse_floor_1M / parse_floor_10M: read + parse alone, in this process: nd_read_csv of
 * the same files (read by every thread into one huge-page block, parsed in line-aligned
 * chunks on every thread), which is what nplot does before it draws; the distance from
 * these rows to nplot_csv_* is the drawing and the process. */
#include <numc/io.h>

static int write_nplot_csv(const char *path, size_t rows)
{
    double *z = malloc(2 * rows * sizeof *z);
    FILE *f = fopen(path, "w");
    if (!z || !f) {
        free(z);
        if (f) fclose(f);
        return -1;
    }
    bench_fill_normal(z, 2 * rows, 42);
    fputs("t,walk,wave\n", f);
    double walk = 0;
    for (size_t i = 0; i < rows; i++) {
        walk += z[i];
        fprintf(f, "%.6g,%.6g,%.6g\n", i * 0.001, walk, sin(i * 0.001) + 0.1 * z[rows + i]);
    }
    free(z);
    return fclose(f) == 0 ? 0 : -1;
}

static int setup_rows(void **st, const char *name, size_t rows, bool need_cmd)
{
    nplot_state *s = calloc(1, sizeof *s);
    if (!s) return -1;
    *st = s;
    if (need_cmd && need_nplot()) return -1;
    snprintf(s->csv, sizeof s->csv, "%s/%s.csv", bench_tmpdir(), name);
    snprintf(s->png, sizeof s->png, "%s/%s.png", bench_tmpdir(), name);
    s->own_csv = true;
    return write_nplot_csv(s->csv, rows);
}

static int setup_csv_10m(void **st) { return setup_rows(st, "nplot_10M", 10000000, true); }
static int setup_floor_1m(void **st) { return setup_rows(st, "floor_1M", 1000000, false); }
static int setup_floor_10m(void **st) { return setup_rows(st, "floor_10M", 10000000, false); }

static int run_parse(void *st)
{
    nplot_state *s = st;
    nd_table *t = nd_read_csv(s->csv);
    int ok = t && nd_table_ncols(t) == 3 && nd_table_nrows(t) > 0;
    nd_table_free(t);
    return ok ? 0 : -1;
}

BENCH_WORKLOAD("nplot_csv_10M", setup_csv_10m, run_nplot, nplot_teardown);
BENCH_WORKLOAD("parse_floor_1M", setup_floor_1m, run_parse, nplot_teardown);
BENCH_WORKLOAD("parse_floor_10M", setup_floor_10m, run_parse, nplot_teardown);
