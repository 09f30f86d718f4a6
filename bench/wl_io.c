/* I/O workloads: loading a numeric CSV (peer: numpy.loadtxt). */
#include "bench.h"

#include <numc/io.h>
#include <numc/numc.h>
#include <stdio.h>
#include <stdlib.h>

#define CSV_ROWS 1000000

typedef struct csv_state {
    char path[512];
} csv_state;

static void csv_teardown(void *st)
{
    csv_state *s = st;
    if (!s) return;
    remove(s->path);
    free(s);
}

/* A 1,000,000 × 3 file of standard normals with a header, written the way
 * numpy.savetxt writes it (%.18e, ','), which is also what peer_io.py times. */
static int csv_setup(void **st)
{
    csv_state *s = calloc(1, sizeof *s);
    if (!s) return -1;
    *st = s;
    snprintf(s->path, sizeof s->path, "%s/csv_1Mx3.csv", bench_tmpdir());
    nd_array *a = nd_empty(ND_SHAPE(CSV_ROWS, 3), ND_FLOAT64);
    if (!a) return -1;
    bench_fill_normal(nd_data(a), (size_t)CSV_ROWS * 3, 42);
    nd_status rc = nd_savetxt(s->path, a, .delimiter = ",", .header = "a,b,c", .comments = "");
    nd_free(a);
    return rc < 0 ? -1 : 0;
}

static int csv_run(void *st)
{
    csv_state *s = st;
    nd_array *a = nd_loadtxt(s->path);
    if (!a) return -1;
    int ok = nd_ndim(a) == 2 && nd_shape(a)[0] == CSV_ROWS && nd_shape(a)[1] == 3;
    nd_free(a);
    return ok ? 0 : -1;
}

BENCH_WORKLOAD("csv_load_1Mx3", csv_setup, csv_run, csv_teardown);

/* ---- raw files: ndarray.tofile / numpy.fromfile of 8M float64 (64 MB) ------------------ */
#define RAW_N 8000000

typedef struct raw_state {
    char path[512];
    nd_array *a;
} raw_state;

static void raw_teardown(void *st)
{
    raw_state *s = st;
    if (!s) return;
    remove(s->path);
    nd_free(s->a);
    free(s);
}

static int raw_setup(void **st)
{
    raw_state *s = calloc(1, sizeof *s);
    if (!s) return -1;
    *st = s;
    snprintf(s->path, sizeof s->path, "%s/raw_8M.bin", bench_tmpdir());
    s->a = nd_empty(ND_SHAPE(RAW_N), ND_FLOAT64);
    if (!s->a) return -1;
    bench_fill_normal(nd_data(s->a), RAW_N, 7);
    return nd_tofile(s->path, s->a) < 0 ? -1 : 0;
}

static int tofile_run(void *st)
{
    raw_state *s = st;
    return nd_tofile(s->path, s->a) < 0 ? -1 : 0;
}

static int fromfile_run(void *st)
{
    raw_state *s = st;
    nd_array *a = nd_fromfile(s->path);
    int ok = a && nd_size(a) == RAW_N;
    nd_free(a);
    return ok ? 0 : -1;
}

BENCH_WORKLOAD("tofile_8M", raw_setup, tofile_run, raw_teardown);
BENCH_WORKLOAD("fromfile_8M", raw_setup, fromfile_run, raw_teardown);
