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
