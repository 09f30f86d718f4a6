/* numc_bench: times the workloads registered by bench/wl_*.c (see bench.h).
 *
 *   numc_bench [--list] [--tsv] [--repeats N] [--min-time S] [--filter SUB]... [NAME]...
 *
 * Each workload runs in a forked child so that its peak RSS (getrusage) is its own and
 * a crash in one workload does not stop the others. Times come from CLOCK_MONOTONIC. */
#include "bench.h"

#include <numc/error.h>

#include <errno.h>
#include <ftw.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#ifndef NUMC_SHARED_DATA
#define NUMC_SHARED_DATA "data"
#endif

#define MAX_REPEATS 200

typedef struct workload {
    const char *name;
    bench_setup_fn setup;
    bench_run_fn run, peer_run;
    bench_teardown_fn teardown;
} workload;

static workload *registry;
static size_t nregistry, capregistry;
static int registry_oom;

void bench_register(const char *name, bench_setup_fn setup, bench_run_fn run,
                    bench_run_fn peer_run, bench_teardown_fn teardown)
{
    if (nregistry == capregistry) {
        size_t cap = capregistry ? 2 * capregistry : 64;
        workload *r = realloc(registry, cap * sizeof *r);
        if (!r) {
            registry_oom = 1;
            return;
        }
        registry = r;
        capregistry = cap;
    }
    registry[nregistry++] = (workload){ name, setup, run, peer_run, teardown };
}

/* ---- deterministic inputs ------------------------------------------------------------ */
static uint64_t splitmix64(uint64_t *s)
{
    uint64_t z = (*s += 0x9E3779B97F4A7C15ull);
    z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ull;
    z = (z ^ (z >> 27)) * 0x94D049BB133111EBull;
    return z ^ (z >> 31);
}

static double unit(uint64_t *s) { return (double)(splitmix64(s) >> 11) * 0x1.0p-53; }

void bench_fill_uniform(double *x, size_t n, uint64_t seed)
{
    uint64_t s = seed;
    for (size_t i = 0; i < n; i++) x[i] = unit(&s);
}

void bench_fill_normal(double *x, size_t n, uint64_t seed)
{
    /* Box-Muller: two normals from two uniforms; 1 - u keeps the log argument > 0. */
    const double two_pi = 6.283185307179586476925286766559;
    uint64_t s = seed;
    for (size_t i = 0; i < n; i += 2) {
        double r = sqrt(-2.0 * log(1.0 - unit(&s))), t = two_pi * unit(&s);
        x[i] = r * cos(t);
        if (i + 1 < n) x[i + 1] = r * sin(t);
    }
}

const char *bench_shared_data(void)
{
    const char *env = getenv("NUMC_SHARED_DATA");
    return env && *env ? env : NUMC_SHARED_DATA;
}

const char *bench_nplot(void)
{
#ifdef NUMC_NPLOT
    return NUMC_NPLOT;
#else
    return NULL;
#endif
}

static char tmpdir[64];

const char *bench_tmpdir(void) { return tmpdir; }

static int rm_entry(const char *path, const struct stat *sb, int flag, struct FTW *ftw)
{
    (void)sb, (void)flag, (void)ftw;
    return remove(path);
}

/* ---- timing ------------------------------------------------------------------------ */
typedef struct result {
    int status;             /* 0 ok, 1 setup failed, 2 run failed, 3 peer failed */
    int reps, peer_reps;
    double median, min, peer_median;
    long maxrss_kb;
    char err[512];
} result;

typedef struct opts {
    int min_repeats;
    double min_time;
    int tsv, fork;
} opts;

static double now(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (double)ts.tv_sec + 1e-9 * (double)ts.tv_nsec;
}

static int cmp_double(const void *a, const void *b)
{
    double x = *(const double *)a, y = *(const double *)b;
    return (x > y) - (x < y);
}

/* One warm-up, then at least min_repeats runs and more until min_time has passed. */
static int time_runs(bench_run_fn run, void *st, const opts *o, double *median, double *min,
                     int *reps)
{
    double t[MAX_REPEATS], total = 0;
    int n = 0;
    if (run(st) < 0) return -1;
    while (n < o->min_repeats || (total < o->min_time && n < MAX_REPEATS)) {
        double t0 = now();
        if (run(st) < 0) return -1;
        t[n] = now() - t0;
        total += t[n++];
        if (n == MAX_REPEATS) break;
    }
    qsort(t, (size_t)n, sizeof t[0], cmp_double);
    *median = n % 2 ? t[n / 2] : 0.5 * (t[n / 2 - 1] + t[n / 2]);
    *min = t[0];
    *reps = n;
    return 0;
}

static void run_workload(const workload *w, const opts *o, result *r)
{
    void *st = NULL;
    memset(r, 0, sizeof *r);
    r->median = r->min = r->peer_median = NAN;
    nd_clear_error();
    if (w->setup && w->setup(&st) < 0) {
        r->status = 1;
        snprintf(r->err, sizeof r->err, "setup failed: %s", nd_errmsg());
    } else if (time_runs(w->run, st, o, &r->median, &r->min, &r->reps) < 0) {
        r->status = 2;
        snprintf(r->err, sizeof r->err, "run failed: %s", nd_errmsg());
    } else if (w->peer_run) {
        double pmin;
        if (time_runs(w->peer_run, st, o, &r->peer_median, &pmin, &r->peer_reps) < 0) {
            r->status = 3;
            snprintf(r->err, sizeof r->err, "peer run failed: %s", nd_errmsg());
        }
    }
    if (w->teardown) w->teardown(st);
    struct rusage ru;
    getrusage(RUSAGE_SELF, &ru);
    r->maxrss_kb = ru.ru_maxrss;
}

static void run_forked(const workload *w, const opts *o, result *r)
{
    int fd[2];
    fflush(stdout);
    if (pipe(fd) < 0) {
        memset(r, 0, sizeof *r);
        r->status = 1;
        snprintf(r->err, sizeof r->err, "pipe: %s", strerror(errno));
        return;
    }
    pid_t pid = fork();
    if (pid == 0) {
        close(fd[0]);
        run_workload(w, o, r);
        ssize_t k = write(fd[1], r, sizeof *r);
        _exit(k == (ssize_t)sizeof *r ? 0 : 1);
    }
    close(fd[1]);
    memset(r, 0, sizeof *r);
    r->median = r->min = r->peer_median = NAN;
    ssize_t got = pid < 0 ? -1 : read(fd[0], r, sizeof *r);
    close(fd[0]);
    int wst = 0;
    if (pid > 0) waitpid(pid, &wst, 0);
    if (got != (ssize_t)sizeof *r) {
        r->status = 2;
        if (pid < 0)
            snprintf(r->err, sizeof r->err, "fork: %s", strerror(errno));
        else if (WIFSIGNALED(wst))
            snprintf(r->err, sizeof r->err, "crashed (signal %d)", WTERMSIG(wst));
        else
            snprintf(r->err, sizeof r->err, "exited %d without a result", WEXITSTATUS(wst));
    }
}

/* ---- main --------------------------------------------------------------------------- */
static int selected(const workload *w, int nnames, char **names, int nfilters,
                    char **filters)
{
    if (nnames == 0 && nfilters == 0) return 1;
    for (int i = 0; i < nnames; i++)
        if (strcmp(w->name, names[i]) == 0) return 1;
    for (int i = 0; i < nfilters; i++)
        if (strstr(w->name, filters[i])) return 1;
    return 0;
}

static void usage(FILE *f)
{
    fprintf(f,
            "usage: numc_bench [--list] [--tsv] [--repeats N] [--min-time SECONDS]\n"
            "                  [--filter SUBSTRING]... [--no-fork] [NAME]...\n"
            "Times each registered workload (median of >= N runs after a warm-up).\n");
}

static int check_registry(void)
{
    if (registry_oom) {
        fprintf(stderr, "numc_bench: out of memory while registering workloads\n");
        return -1;
    }
    for (size_t i = 0; i < nregistry; i++) {
        if (!registry[i].name || !*registry[i].name || !registry[i].run) {
            fprintf(stderr, "numc_bench: workload %zu has no name or run function\n", i);
            return -1;
        }
        for (size_t j = 0; j < i; j++)
            if (strcmp(registry[i].name, registry[j].name) == 0) {
                fprintf(stderr, "numc_bench: workload '%s' registered twice\n",
                        registry[i].name);
                return -1;
            }
    }
    return 0;
}

int main(int argc, char **argv)
{
    opts o = { .min_repeats = 5, .min_time = 0.5, .tsv = 0, .fork = 1 };
    int list = 0, nnames = 0, nfilters = 0, rc = 0;
    char **names = calloc((size_t)argc, sizeof *names);
    char **filters = calloc((size_t)argc, sizeof *filters);
    if (!names || !filters) return 1;

    for (int i = 1; i < argc; i++) {
        const char *a = argv[i];
        if (strcmp(a, "--list") == 0) list = 1;
        else if (strcmp(a, "--tsv") == 0) o.tsv = 1;
        else if (strcmp(a, "--no-fork") == 0) o.fork = 0;
        else if (strcmp(a, "--repeats") == 0 && i + 1 < argc) o.min_repeats = atoi(argv[++i]);
        else if (strcmp(a, "--min-time") == 0 && i + 1 < argc) o.min_time = atof(argv[++i]);
        else if (strcmp(a, "--filter") == 0 && i + 1 < argc) filters[nfilters++] = argv[++i];
        else if (strcmp(a, "--help") == 0 || strcmp(a, "-h") == 0) {
            usage(stdout);
            goto done;
        } else if (a[0] == '-') {
            fprintf(stderr, "numc_bench: unknown option '%s'\n", a);
            usage(stderr);
            rc = 2;
            goto done;
        } else names[nnames++] = argv[i];
    }
    if (o.min_repeats < 1) o.min_repeats = 1;
    if (o.min_repeats > MAX_REPEATS) o.min_repeats = MAX_REPEATS;
    if (check_registry() < 0) {
        rc = 1;
        goto done;
    }
    for (int i = 0; i < nnames; i++) {
        size_t j = 0;
        while (j < nregistry && strcmp(registry[j].name, names[i]) != 0) j++;
        if (j == nregistry) fprintf(stderr, "numc_bench: no workload named '%s'\n", names[i]);
    }

    if (list) {
        for (size_t i = 0; i < nregistry; i++)
            if (selected(&registry[i], nnames, names, nfilters, filters))
                printf("%s%s\n", registry[i].name, registry[i].peer_run ? "\tvs" : "");
        goto done;
    }

    snprintf(tmpdir, sizeof tmpdir, "%s", "/tmp/numc-bench-XXXXXX");
    if (!mkdtemp(tmpdir)) {
        fprintf(stderr, "numc_bench: mkdtemp: %s\n", strerror(errno));
        rc = 1;
        goto done;
    }
    if (o.tsv)
        printf("name\tstatus\tnumc_s\tnumc_min_s\treps\tmaxrss_kb\tpeer_s\terror\n");
    else
        printf("%-28s %12s %12s %5s %9s %12s\n", "name", "median_s", "min_s", "reps",
               "rss_MB", "c_peer_s");
    for (size_t i = 0; i < nregistry; i++) {
        const workload *w = &registry[i];
        result r;
        if (!selected(w, nnames, names, nfilters, filters)) continue;
        if (o.fork) run_forked(w, &o, &r);
        else run_workload(w, &o, &r);
        if (r.status) rc = 1;
        if (o.tsv) {
            printf("%s\t%s\t%.9g\t%.9g\t%d\t%ld\t%.9g\t%s\n", w->name, r.status ? "fail" : "ok",
                   r.median, r.min, r.reps, r.maxrss_kb, r.peer_median, r.err);
        } else if (r.status) {
            printf("%-28s FAILED: %s\n", w->name, r.err);
        } else {
            printf("%-28s %12.6f %12.6f %5d %9.1f", w->name, r.median, r.min, r.reps,
                   (double)r.maxrss_kb / 1024.0);
            if (w->peer_run) printf(" %12.6f", r.peer_median);
            printf("\n");
        }
        fflush(stdout);
    }
    nftw(tmpdir, rm_entry, 16, FTW_DEPTH | FTW_PHYS);

done:
    free(names);
    free(filters);
    free(registry);
    return rc;
}
