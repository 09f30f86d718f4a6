/* A 2-D heat equation solved on a distributed grid (libnumc_mpi):
 *
 *     du/dt = alpha * (d2u/dx2 + d2u/dy2),  u = 0 on the border,
 *
 * explicit (FTCS) steps u += r * (north + south + east + west - 4 u) with r = 0.2 (stable for
 * r <= 1/4). The n x n field is an nd_dist in blocks of rows (BLOCK along axis 0); before each
 * step every rank swaps its first and last rows with the ranks holding the neighbouring rows
 * (one MPI_Sendrecv each way: 2 rows of n doubles per rank per step). The total heat and the
 * peak come from nd_dist_sum / nd_dist_max (bit-identical for any rank count); at the end
 * the field is written with nd_dist_save_npy and rank 0 gathers it for an imshow +
 * colorbar PNG.
 *
 *     mpirun -np 2 mpi_heat [n steps] [--check] [--out prefix]
 *
 * --check recomputes the whole run in one process with plain numc on rank 0 and exits
 * non-zero unless the distributed result equals it bit for bit. */
#include <math.h>
#include <numc/mpi.h>
#include <numc/numc.h>
#include <numc/plot.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define R 0.2

/* Three hot spots and a warm bar, zero on the border. */
static nd_scalar initial(const ptrdiff_t *g, int ndim, void *ctx)
{
    (void)ndim;
    double n = (double)*(const ptrdiff_t *)ctx, y = (double)g[0] / (n - 1), x = (double)g[1] / (n - 1);
    if (g[0] == 0 || g[1] == 0 || g[0] == (ptrdiff_t)n - 1 || g[1] == (ptrdiff_t)n - 1) return ND_F64(0.0);
    double v = 100.0 * exp(-((x - 0.3) * (x - 0.3) + (y - 0.3) * (y - 0.3)) / 0.004) +
               60.0 * exp(-((x - 0.7) * (x - 0.7) + (y - 0.4) * (y - 0.4)) / 0.01) +
               80.0 * exp(-((x - 0.5) * (x - 0.5) + (y - 0.75) * (y - 0.75)) / 0.002);
    if (y > 0.55 && y < 0.6 && x > 0.15 && x < 0.85) v += 40.0;
    return ND_F64(v);
}

/* One FTCS step of rows [0, m) of a padded (m + 2) x n buffer p (row 0 and m + 1 are the
 * neighbours' rows) into out (m x n); rows at global index 0 and n - 1 stay fixed. */
static void step_rows(const double *p, double *out, ptrdiff_t m, ptrdiff_t n, ptrdiff_t g0)
{
    for (ptrdiff_t i = 0; i < m; i++) {
        const double *c = p + (i + 1) * n, *up = c - n, *dn = c + n;
        double *o = out + i * n;
        ptrdiff_t g = g0 + i;
        if (g == 0 || g == n - 1) {
            memcpy(o, c, sizeof(double) * (size_t)n);
            continue;
        }
        o[0] = c[0];
        o[n - 1] = c[n - 1];
        for (ptrdiff_t j = 1; j < n - 1; j++) o[j] = c[j] + R * (up[j] + dn[j] + c[j - 1] + c[j + 1] - 4.0 * c[j]);
    }
}

/* The ranks holding the rows just before and after ours (skipping ranks with no rows). */
static void neighbours(const nd_dist *u, int *prev, int *next)
{
    int me = nd_dist_rank(u), p = nd_dist_nprocs(u);
    ptrdiff_t lo, hi;
    *prev = *next = MPI_PROC_NULL;
    nd_dist_range(u, me, &lo, &hi);
    if (lo == hi) return;
    for (int r = me - 1; r >= 0; r--) {
        ptrdiff_t a, b;
        nd_dist_range(u, r, &a, &b);
        if (a < b) {
            *prev = r;
            break;
        }
    }
    for (int r = me + 1; r < p; r++) {
        ptrdiff_t a, b;
        nd_dist_range(u, r, &a, &b);
        if (a < b) {
            *next = r;
            break;
        }
    }
}

/* The single-process run with plain numc arrays, for --check. */
static nd_array *serial_solution(ptrdiff_t n, int steps)
{
    nd_array *u = nd_fromfunction(ND_SHAPE(n, n), ND_FLOAT64, initial, &n);
    nd_array *pad = nd_zeros(ND_SHAPE(n + 2, n));
    if (!u || !pad) {
        nd_free(u);
        nd_free(pad);
        return NULL;
    }
    double *p = nd_data(pad);
    for (int s = 0; s < steps; s++) {
        memcpy(p + n, nd_data(u), sizeof(double) * (size_t)(n * n));
        step_rows(p, nd_data(u), n, n, 0);
    }
    nd_free(pad);
    return u;
}

int main(int argc, char **argv)
{
    MPI_Init(&argc, &argv);
    ptrdiff_t n = 256;
    int steps = 800, check = 0, pos = 0;
    const char *prefix = "mpi_heat";
    for (int i = 1; i < argc; i++) {
        if (strcmp(argv[i], "--check") == 0) check = 1;
        else if (strcmp(argv[i], "--out") == 0 && i + 1 < argc) prefix = argv[++i];
        else if (pos == 0) n = atol(argv[i]), pos++;
        else steps = atoi(argv[i]);
    }
    int rank, size;
    MPI_Comm_rank(MPI_COMM_WORLD, &rank);
    MPI_Comm_size(MPI_COMM_WORLD, &size);
    int rc = 0;
    nd_dist *u = n >= 3 ? nd_dist_fromfunction(MPI_COMM_WORLD, ND_SHAPE(n, n), ND_FLOAT64, NULL, initial, &n) : NULL;
    if (!u) {
        if (rank == 0) fprintf(stderr, "mpi_heat: %s\n", n >= 3 ? nd_errmsg() : "n must be at least 3");
        MPI_Finalize();
        return 1;
    }
    nd_array *mine = nd_dist_local(u);
    ptrdiff_t m = nd_shape(mine)[0], g0 = nd_dist_local_offset(u)[0];
    int prev, next;
    neighbours(u, &prev, &next);
    MPI_Comm comm = nd_dist_comm(u);
    /* the local rows with one halo row above and below */
    nd_array *pad = nd_zeros(ND_SHAPE(m + 2, n));
    int ok = pad != NULL, all_ok = 0;
    MPI_Allreduce(&ok, &all_ok, 1, MPI_INT, MPI_MIN, comm);
    if (!all_ok) {
        if (rank == 0) fprintf(stderr, "mpi_heat: out of memory\n");
        nd_free(pad);
        nd_dist_free(u);
        MPI_Finalize();
        return 1;
    }
    double *p = nd_data(pad), *c = nd_data(mine);
    nd_dist *s0 = nd_dist_sum(u, ND_AXIS_NONE);
    double heat0 = s0 ? nd_item_f64(nd_dist_local(s0)) : NAN;
    nd_dist_free(s0);
    double t0 = MPI_Wtime();
    for (int s = 0; s < steps; s++) {
        if (m > 0) {
            memcpy(p + n, c, sizeof(double) * (size_t)(m * n));
            /* halo exchange: our first row goes up, the row below ours comes back, and so on */
            MPI_Sendrecv(c, (int)n, MPI_DOUBLE, prev, 0, p + (m + 1) * n, (int)n, MPI_DOUBLE, next, 0, comm,
                         MPI_STATUS_IGNORE);
            MPI_Sendrecv(c + (m - 1) * n, (int)n, MPI_DOUBLE, next, 1, p, (int)n, MPI_DOUBLE, prev, 1, comm,
                         MPI_STATUS_IGNORE);
            step_rows(p, c, m, n, g0);
        }
    }
    double secs = MPI_Wtime() - t0;
    nd_dist *s1 = nd_dist_sum(u, ND_AXIS_NONE), *mx = nd_dist_max(u, ND_AXIS_NONE);
    if (rank == 0)
        printf("mpi_heat: %td x %td grid, %d steps on %d ranks in %.3f s: total heat %.6g -> %.6g, peak %.6g\n", n,
               n, steps, size, secs, heat0, s1 ? nd_item_f64(nd_dist_local(s1)) : NAN,
               mx ? nd_item_f64(nd_dist_local(mx)) : NAN);
    nd_dist_free(s1);
    nd_dist_free(mx);

    char path[512];
    snprintf(path, sizeof path, "%s.npy", prefix);
    if (nd_dist_save_npy(path, u) != ND_OK) {
        if (rank == 0) fprintf(stderr, "mpi_heat: %s\n", nd_errmsg());
        rc = 1;
    }
    nd_array *field = NULL;
    if (nd_dist_gather(u, 0, &field) != ND_OK) {
        if (rank == 0) fprintf(stderr, "mpi_heat: %s\n", nd_errmsg());
        rc = 1;
    }
    if (rank == 0 && field) {
        nplot_figure *fig = nplot_figure_new(.width = 6.4, .height = 5.2);
        nplot_axes *ax = nplot_subplot(fig, 1, 1, 1);
        nplot_imshow(ax, field, .cmap = "inferno", .origin = "lower", .extent = { 4, (const double[]){ 0, 1, 0, 1 } });
        nplot_colorbar(ax, .label = "temperature");
        char title[128];
        snprintf(title, sizeof title, "heat equation, %td x %td, %d steps, %d MPI ranks", n, n, steps, size);
        nplot_set_title(ax, title);
        nplot_set_xlabel(ax, "x");
        nplot_set_ylabel(ax, "y");
        snprintf(path, sizeof path, "%s.png", prefix);
        if (nplot_savefig(fig, path) != ND_OK) {
            fprintf(stderr, "mpi_heat: %s\n", nd_errmsg());
            rc = 1;
        } else {
            printf("mpi_heat: wrote %s and %s.npy\n", path, prefix);
        }
        nplot_figure_free(fig);
        if (check) {
            nd_array *want = serial_solution(n, steps);
            int same = want && memcmp(nd_data(want), nd_data(field), sizeof(double) * (size_t)(n * n)) == 0;
            printf("mpi_heat: %s the single-process solution bit for bit\n", same ? "equals" : "DIFFERS FROM");
            if (!same) rc = 1;
            nd_free(want);
        }
    }
    nd_free(field);
    nd_free(pad);
    nd_dist_free(u);
    MPI_Bcast(&rc, 1, MPI_INT, 0, MPI_COMM_WORLD);
    MPI_Finalize();
    return rc;
}
