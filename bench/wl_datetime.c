/* datetime64 workloads (datetime.h): parse 1M ISO dates (a '<U10' array cast to
 * datetime64[D], as NumPy's astype), read a 1M-row CSV with a date column (nd_read_csv;
 * peer: numpy.loadtxt with a datetime64[D] field) and sort 1M datetime64[s] values. */
#include "bench.h"

#include <numc/io.h>
#include <numc/numc.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>

enum { N_DATES = 1000000 };

typedef struct dates {
    nd_array *a;
} dates;

static void dates_teardown(void *st)
{
    dates *s = st;
    if (!s) return;
    nd_free(s->a);
    free(s);
}

/* Day i: 1970-01-01 + (i * 7919) % 40000 days, as bench/peer_datetime.py computes them. */
static int64_t day_of(uint64_t i) { return (int64_t)((i * 7919u) % 40000u); }

static int text_setup(void **st)
{
    dates *s = calloc(1, sizeof *s);
    if (!s) return -1;
    *st = s;
    ptrdiff_t n = N_DATES;
    s->a = nd_zeros(1, &n, ND_STR_OF(10));
    if (!s->a) return -1;
    uint32_t *d = nd_data(s->a);
    for (uint64_t i = 0; i < N_DATES; i++) {
        int64_t y;
        int m, dd;
        nd_civil_from_days(day_of(i), &y, &m, &dd);
        char t[16];
        snprintf(t, sizeof t, "%04d-%02d-%02d", (int)y, m, dd);
        for (int k = 0; k < 10; k++) d[i * 10 + (uint64_t)k] = (unsigned char)t[k];
    }
    return 0;
}

static int seconds_setup(void **st)
{
    dates *s = calloc(1, sizeof *s);
    if (!s) return -1;
    *st = s;
    ptrdiff_t n = N_DATES;
    s->a = nd_empty(1, &n, ND_DATETIME64_OF(ND_DT_s));
    if (!s->a) return -1;
    int64_t *d = nd_data(s->a);
    for (uint64_t i = 0; i < N_DATES; i++) d[i] = (int64_t)((i * 2654435761u) % 4000000000u);
    return 0;
}

static int done(nd_array *r)
{
    if (!r) return -1;
    nd_free(r);
    return 0;
}

static int run_parse(void *st) { return done(nd_astype(((dates *)st)->a, ND_DATETIME64_OF(ND_DT_D), ND_CAST_UNSAFE)); }
static int run_sort(void *st) { return done(nd_sort(((dates *)st)->a, 0, ND_SORT_QUICK)); }

/* "date,price" rows: the days of day_of, price i % 1000 / 8 (as peer_datetime.py writes) */
typedef struct csv_dates {
    char path[512];
} csv_dates;

static void csv_dates_teardown(void *st)
{
    csv_dates *s = st;
    if (!s) return;
    remove(s->path);
    free(s);
}

static int csv_dates_setup(void **st)
{
    csv_dates *s = calloc(1, sizeof *s);
    if (!s) return -1;
    *st = s;
    snprintf(s->path, sizeof s->path, "%s/csv_dates_1M.csv", bench_tmpdir());
    FILE *f = fopen(s->path, "w");
    if (!f) return -1;
    fputs("date,price\n", f);
    for (uint64_t i = 0; i < N_DATES; i++) {
        int64_t y;
        int m, dd;
        nd_civil_from_days(day_of(i), &y, &m, &dd);
        fprintf(f, "%04d-%02d-%02d,%g\n", (int)y, m, dd, (double)(i % 1000) / 8);
    }
    return fclose(f) ? -1 : 0;
}

static int csv_dates_run(void *st)
{
    nd_table *t = nd_read_csv(((csv_dates *)st)->path);
    if (!t) return -1;
    int ok = nd_table_is_date(t, 0) && nd_table_nrows(t) == N_DATES;
    nd_table_free(t);
    return ok ? 0 : -1;
}

BENCH_WORKLOAD("parse_dates_1M", text_setup, run_parse, dates_teardown);
BENCH_WORKLOAD("csv_dates_1M", csv_dates_setup, csv_dates_run, csv_dates_teardown);
BENCH_WORKLOAD("sort_M8_1M", seconds_setup, run_sort, dates_teardown);
