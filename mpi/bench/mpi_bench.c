/* Strong and weak scaling of libnumc_mpi (`make bench-mpi` runs it under mpirun -np 1 and
 * -np 2 through mpi/bench/run.py, which prints the table).
 *
 *     mpirun -np P mpi_bench strong|weak [--scale s] [--dir d] [--reps r] [--only name]
 *
 * strong: the same global problem for every P; weak: the problem grows with P (elements
 * x P for add, sum, sort and .npy I/O; rows x P for fft2; n x P^(1/3) for matmul, so that
 * the flops grow x P). --scale multiplies every size (1 = the sizes: add/sum
 * 50M float64, matmul 4000, fft2 4096^2 complex128, sort 100M float64, .npy 1 GB).
 * Each line: "RESULT <name> <mode> <P> <size> <seconds>" (the best of r runs, the slowest
 * rank's time). numc's own threads are set to 1 so that the ranks are the only
 * parallelism. Rows whose function is not in this build (nd_dist_matmul, nd_dist_fft2,
 * nd_dist_sort come from the ScaLAPACK/FFTW and sort parts of libnumc_mpi) print
 * "SKIP <name> <reason>". */
#include <math.h>
#include <numc/mpi.h>
#include <numc/numc.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

static int rank, nprocs, reps = 3;
static double scale = 1.0;
static const char *only;

static double now_max(MPI_Comm c, double t)
{
    double m = t;
    MPI_Allreduce(&t, &m, 1, MPI_DOUBLE, MPI_MAX, c);
    return m;
}

static void report(const char *name, const char *mode, double size, double secs)
{
    if (rank == 0) printf("RESULT %s %s %d %.0f %.6f\n", name, mode, nprocs, size, secs);
    fflush(stdout);
}

static void fail(const char *name)
{
    if (rank == 0) printf("SKIP %s failed: %s\n", name, nd_errmsg());
    fflush(stdout);
}

static bool want(const char *name)
{
    return !only || strcmp(only, name) == 0;
}

/* Time `body` (returns false on failure) reps times; the best slowest-rank time. */
#define TIMED(best, ok, body)                                   \
    do {                                                        \
        best = INFINITY;                                        \
        ok = true;                                              \
        for (int r_ = 0; r_ < reps && ok; r_++) {               \
            MPI_Barrier(MPI_COMM_WORLD);                        \
            double t0_ = MPI_Wtime();                           \
            ok = (body);                                        \
            double t_ = now_max(MPI_COMM_WORLD, MPI_Wtime() - t0_); \
            if (t_ < best) best = t_;                           \
        }                                                       \
    } while (0)

static bool do_add(nd_dist *a, nd_dist *b, nd_dist *out)
{
    nd_dist_operand in[2] = { nd_dop_dist(a), nd_dop_dist(b) };
    return nd_dist_ufunc_into(ND_UF_ADD, out, in, NULL) == ND_OK;
}

static bool do_sum(nd_dist *a)
{
    nd_dist *s = nd_dist_sum(a, ND_AXIS_NONE);
    bool ok = s != NULL;
    nd_dist_free(s);
    return ok;
}

static void bench_elementwise(const char *mode, bool weak)
{
    if (!want("add") && !want("sum")) return;
    ptrdiff_t n = (ptrdiff_t)(50e6 * scale) * (weak ? nprocs : 1);
    nd_dist *a = nd_dist_random(MPI_COMM_WORLD, 1, ND_SHAPE(n), ND_FLOAT64, NULL);
    nd_dist *b = nd_dist_random(MPI_COMM_WORLD, 2, ND_SHAPE(n), ND_FLOAT64, NULL);
    nd_dist *o = a ? nd_dist_empty_like(a, -1) : NULL;
    double best;
    bool ok;
    if (!a || !b || !o) {
        fail("add");
    } else {
        if (want("add")) {
            TIMED(best, ok, do_add(a, b, o));
            if (ok) report("add", mode, (double)n, best);
            else fail("add");
        }
        if (want("sum")) {
            TIMED(best, ok, do_sum(a));
            if (ok) report("sum", mode, (double)n, best);
            else fail("sum");
        }
    }
    nd_dist_free(a);
    nd_dist_free(b);
    nd_dist_free(o);
}

#ifdef NUMC_MPI_BENCH_LINALG
static bool do_matmul(nd_dist *a, nd_dist *b)
{
    nd_dist *c = nd_dist_matmul(a, b);
    bool ok = c != NULL;
    nd_dist_free(c);
    return ok;
}
#endif

static void bench_matmul(const char *mode, bool weak)
{
    if (!want("matmul")) return;
#ifdef NUMC_MPI_BENCH_LINALG
    ptrdiff_t n = (ptrdiff_t)(4000 * scale * (weak ? cbrt((double)nprocs) : 1.0));
    nd_distribution cyc = nd_dist_cyclic2d(0, 0, 0, 0);
    nd_dist *a = nd_dist_random(MPI_COMM_WORLD, 3, ND_SHAPE(n, n), ND_FLOAT64, &cyc);
    nd_dist *b = nd_dist_random(MPI_COMM_WORLD, 4, ND_SHAPE(n, n), ND_FLOAT64, &cyc);
    double best;
    bool ok = a && b;
    if (ok) TIMED(best, ok, do_matmul(a, b));
    if (ok) report("matmul", mode, (double)n, best);
    else fail("matmul");
    nd_dist_free(a);
    nd_dist_free(b);
#else
    (void)mode;
    (void)weak;
    if (rank == 0) printf("SKIP matmul nd_dist_matmul is not in this build (ScaLAPACK part)\n");
#endif
}

#ifdef NUMC_MPI_BENCH_FFT
static bool do_fft2(nd_dist *a)
{
    nd_dist *f = nd_dist_fft2(a, NULL);
    bool ok = f != NULL;
    nd_dist_free(f);
    return ok;
}
#endif

static void bench_fft2(const char *mode, bool weak)
{
    if (!want("fft2")) return;
#ifdef NUMC_MPI_BENCH_FFT
    ptrdiff_t n = (ptrdiff_t)(4096 * scale), rows = n * (weak ? nprocs : 1);
    nd_dist *re = nd_dist_random(MPI_COMM_WORLD, 5, ND_SHAPE(rows, n), ND_FLOAT64, NULL);
    nd_dist *a = re ? nd_dist_astype(re, ND_COMPLEX128, ND_CAST_UNSAFE) : NULL;
    nd_dist_free(re);
    double best;
    bool ok = a != NULL;
    if (ok) TIMED(best, ok, do_fft2(a));
    if (ok) report("fft2", mode, (double)rows * (double)n, best);
    else fail("fft2");
    nd_dist_free(a);
#else
    (void)mode;
    (void)weak;
    if (rank == 0) printf("SKIP fft2 nd_dist_fft2 is not in this build (FFTW-MPI part)\n");
#endif
}

#ifdef NUMC_MPI_BENCH_SORT
static bool do_sort(nd_dist *a)
{
    nd_dist *s = nd_dist_sort(a, ND_AXIS_NONE);
    bool ok = s != NULL;
    nd_dist_free(s);
    return ok;
}
#endif

static void bench_sort(const char *mode, bool weak)
{
    if (!want("sort")) return;
#ifdef NUMC_MPI_BENCH_SORT
    ptrdiff_t n = (ptrdiff_t)(100e6 * scale) * (weak ? nprocs : 1);
    nd_dist *a = nd_dist_random(MPI_COMM_WORLD, 6, ND_SHAPE(n), ND_FLOAT64, NULL);
    double best;
    bool ok = a != NULL;
    int saved = reps;
    reps = 1; /* the biggest row: one run */
    if (ok) TIMED(best, ok, do_sort(a));
    reps = saved;
    if (ok) report("sort", mode, (double)n, best);
    else fail("sort");
    nd_dist_free(a);
#else
    (void)mode;
    (void)weak;
    if (rank == 0) printf("SKIP sort nd_dist_sort is not in this build (sort part)\n");
#endif
}

static bool do_load(const char *path)
{
    nd_dist *d = nd_dist_load_npy(MPI_COMM_WORLD, path, NULL);
    bool ok = d != NULL;
    nd_dist_free(d);
    return ok;
}

static void bench_npy(const char *mode, bool weak, const char *dir)
{
    if (!want("npy_write") && !want("npy_read")) return;
    ptrdiff_t n = (ptrdiff_t)(134217728 * scale) * (weak ? nprocs : 1); /* 1 GiB of float64 */
    char path[1024];
    snprintf(path, sizeof path, "%s/mpi_bench_%d.npy", dir, nprocs);
    nd_dist *a = nd_dist_random(MPI_COMM_WORLD, 7, ND_SHAPE(n), ND_FLOAT64, NULL);
    double best;
    bool ok = a != NULL;
    if (ok) TIMED(best, ok, nd_dist_save_npy(path, a) == ND_OK);
    if (ok) report("npy_write", mode, (double)n * 8, best);
    else fail("npy_write");
    if (ok) {
        /* read what is not in the page cache: drop it when we may (root), else it is warm */
        TIMED(best, ok, do_load(path));
        if (ok) report("npy_read", mode, (double)n * 8, best);
        else fail("npy_read");
    }
    if (rank == 0) unlink(path);
    nd_dist_free(a);
}

int main(int argc, char **argv)
{
    MPI_Init(&argc, &argv);
    MPI_Comm_rank(MPI_COMM_WORLD, &rank);
    MPI_Comm_size(MPI_COMM_WORLD, &nprocs);
    const char *mode = argc > 1 ? argv[1] : "strong", *dir = ".";
    for (int i = 2; i < argc; i++) {
        if (strcmp(argv[i], "--scale") == 0 && i + 1 < argc) scale = atof(argv[++i]);
        else if (strcmp(argv[i], "--dir") == 0 && i + 1 < argc) dir = argv[++i];
        else if (strcmp(argv[i], "--reps") == 0 && i + 1 < argc) reps = atoi(argv[++i]);
        else if (strcmp(argv[i], "--only") == 0 && i + 1 < argc) only = argv[++i];
    }
    bool weak = strcmp(mode, "weak") == 0;
    if ((!weak && strcmp(mode, "strong") != 0) || !(scale > 0) || reps < 1) {
        if (rank == 0) fprintf(stderr, "usage: mpi_bench strong|weak [--scale s] [--dir d] [--reps r] [--only name]\n");
        MPI_Finalize();
        return 2;
    }
    nd_set_num_threads(1);
    bench_elementwise(mode, weak);
    bench_matmul(mode, weak);
    bench_fft2(mode, weak);
    bench_sort(mode, weak);
    bench_npy(mode, weak, dir);
    MPI_Finalize();
    return 0;
}
