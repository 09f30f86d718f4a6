/* Parallel I/O (mpi/dist_io.c) and M4 decimation (mpi/dist_plot.c): .npy files written by
 * every rank equal nd_save of the gathered array byte for byte (and NumPy reads them), files
 * NumPy wrote (scripts/gen_mpi_io_fixtures.py) load like nd_load, a failed write leaves the
 * old file, CSV read split by byte ranges equals nd_loadtxt, and the decimated series
 * equals M4 applied to the gathered array. */
#define _DEFAULT_SOURCE 1
#include <dirent.h>
#include <signal.h>
#include <stdlib.h>
#include <sys/resource.h>
#include <unistd.h>

#include <numc/plot.h>

#include "test_mpi_util.h"

#define FIX NUMC_TEST_DATA "/mpi/"

static char dir[256]; /* a scratch directory shared by every rank */

static void make_dir(void)
{
    if (mpi_rank == 0) {
        snprintf(dir, sizeof dir, "mpiio-XXXXXX");
        if (!mkdtemp(dir)) dir[0] = '\0';
    }
    MPI_Bcast(dir, sizeof dir, MPI_CHAR, 0, MPI_COMM_WORLD);
}

static void remove_dir(void)
{
    MPI_Barrier(MPI_COMM_WORLD);
    if (mpi_rank == 0 && dir[0]) {
        char cmd[300];
        snprintf(cmd, sizeof cmd, "rm -rf %s", dir);
        if (system(cmd) != 0) printf("cannot remove %s\n", dir);
    }
}

static char *file_bytes(const char *path, size_t *n)
{
    FILE *f = fopen(path, "rb");
    if (!f) return NULL;
    fseek(f, 0, SEEK_END);
    long sz = ftell(f);
    fseek(f, 0, SEEK_SET);
    char *b = malloc((size_t)sz + 1);
    *n = b && fread(b, 1, (size_t)sz, f) == (size_t)sz ? (size_t)sz : 0;
    fclose(f);
    return b;
}

static int same_file(const char *a, const char *b)
{
    size_t na = 0, nb = 0;
    char *x = file_bytes(a, &na), *y = file_bytes(b, &nb);
    int same = x && y && na == nb && memcmp(x, y, na) == 0;
    free(x);
    free(y);
    return same;
}

static bool have_numpy(void)
{
    return system("/usr/bin/python3 -c 'import numpy' >/dev/null 2>&1") == 0;
}

static nd_scalar fill_fn(const ptrdiff_t *g, int ndim, void *ctx)
{
    (void)ctx;
    double v = 0.5; /* in [0, 200): every dtype holds it */
    for (int k = 0; k < ndim; k++) v = fmod(v * 31.0 + (double)g[k] * (k + 1.25), 200.0);
    return ND_F64(v);
}

/* Save a distributed array, compare with nd_save of the gathered one, read it back. */
static void roundtrip(int ndim, const ptrdiff_t *shape, nd_dtype dt, const nd_distribution *ds, int tag)
{
    char mine[320], ref[320];
    snprintf(mine, sizeof mine, "%s/d%d.npy", dir, tag);
    snprintf(ref, sizeof ref, "%s/r%d.npy", dir, tag);
    nd_dist *a = nd_dist_fromfunction(MPI_COMM_WORLD, ndim, shape, dt, ds, fill_fn, NULL);
    CU_ASSERT_PTR_NOT_NULL(a);
    if (!a) {
        if (mpi_rank == 0) printf("\n  fromfunction: %s\n", nd_errmsg());
        return;
    }
    nd_array *g = NULL;
    CU_ASSERT_EQUAL(nd_dist_gather(a, 0, &g), ND_OK);
    nd_status st = nd_dist_save_npy(mine, a);
    CU_ASSERT_EQUAL(st, ND_OK);
    if (st != ND_OK && mpi_rank == 0) printf("\n  save %d: %s\n", tag, nd_errmsg());
    if (mpi_rank == 0) {
        CU_ASSERT_EQUAL(nd_save(ref, g), ND_OK);
        int same = same_file(mine, ref);
        if (!same) printf("\n  case %d: the file differs from nd_save's\n", tag);
        CU_ASSERT(same);
        nd_array *back = nd_load(mine);
        CU_ASSERT(test_same_bits(back, g));
        nd_free(back);
    }
    /* read back in several layouts */
    nd_distribution b1 = nd_dist_block(ndim > 1 ? 1 : 0), rep = nd_dist_replicated(),
                    cyc = nd_dist_cyclic2d(0, 0, 2, 3);
    const nd_distribution *outs[] = { NULL, &b1, &rep, ndim == 2 ? &cyc : NULL };
    for (int i = 0; i < 4; i++) {
        if (i == 3 && !outs[i]) continue;
        if (ndim == 0 && i != 2 && i != 0) continue;
        nd_dist *l = nd_dist_load_npy(MPI_COMM_WORLD, mine, outs[i]);
        CU_ASSERT_PTR_NOT_NULL(l);
        if (!l && mpi_rank == 0) printf("\n  load %d/%d: %s\n", tag, i, nd_errmsg());
        nd_array *lg = l ? nd_dist_allgather(l) : NULL;
        nd_array *want = nd_dist_allgather(a);
        CU_ASSERT(test_same_bits(lg, want));
        if (l && outs[i]) CU_ASSERT_EQUAL(nd_dist_get_kind(l), outs[i]->kind);
        nd_free(lg);
        nd_free(want);
        nd_dist_free(l);
    }
    nd_free(g);
    nd_dist_free(a);
}

static void test_save_load_npy(void)
{
    make_dir();
    nd_distribution b0 = nd_dist_block(0), b1 = nd_dist_block(1), rep = nd_dist_replicated(),
                    cyc = nd_dist_cyclic2d(0, 0, 2, 2), big = nd_dist_block(0);
    big.block = 9;
    int tag = 0;
    static const nd_dtype dts[] = { ND_FLOAT64, ND_INT32, ND_COMPLEX128, ND_BOOL, ND_UINT8, ND_FLOAT32 };
    for (int t = 0; t < 6; t++) {
        roundtrip(ND_SHAPE(10), dts[t], &b0, tag++);
        roundtrip(ND_SHAPE(7, 3), dts[t], &b0, tag++);
    }
    roundtrip(ND_SHAPE(7, 5), ND_FLOAT64, &b1, tag++);
    roundtrip(ND_SHAPE(9, 7), ND_FLOAT64, &cyc, tag++);
    roundtrip(ND_SHAPE(5, 2, 3), ND_INT64, &rep, tag++);
    roundtrip(ND_SHAPE(5, 2, 3), ND_INT16, &b1, tag++);
    roundtrip(ND_SHAPE(9), ND_FLOAT64, &big, tag++);
    roundtrip(ND_SHAPE(0, 4), ND_FLOAT64, &b0, tag++);
    roundtrip(ND_SHAPE(1), ND_FLOAT64, &b0, tag++);
    roundtrip(0, NULL, ND_FLOAT64, &rep, tag++);
    roundtrip(ND_SHAPE(100003), ND_FLOAT64, &b0, tag++);
    /* a header over 65535 bytes cannot happen for 32 dims; the version 2.0 path is read below */
    /* NumPy reads what the ranks wrote */
    if (mpi_rank == 0 && have_numpy()) {
        char cmd[1024];
        snprintf(cmd, sizeof cmd,
                 "/usr/bin/python3 -c \"import numpy as np, sys\n"
                 "for i in range(%d):\n"
                 "  a = np.load('%s/d%%d.npy' %% i); b = np.load('%s/r%%d.npy' %% i)\n"
                 "  assert a.dtype == b.dtype and a.shape == b.shape and a.tobytes() == b.tobytes(), i\n"
                 "\"",
                 tag, dir, dir);
        CU_ASSERT_EQUAL(system(cmd), 0);
    }
    remove_dir();
}

static void test_load_numpy_files(void)
{
    static const char *names[] = { "io_be_f8", "io_be_i4", "io_v2_c16", "io_fortran_1d", "io_u2_3d", "io_0d",
                                   "io_empty" };
    for (int i = 0; i < 7; i++) {
        char path[512];
        snprintf(path, sizeof path, "%s%s.npy", FIX, names[i]);
        nd_array *want = nd_load(path);
        CU_ASSERT_PTR_NOT_NULL(want);
        nd_dist *d = nd_dist_load_npy(MPI_COMM_WORLD, path, NULL);
        if (!d && mpi_rank == 0) printf("\n  %s: %s\n", names[i], nd_errmsg());
        nd_array *g = d ? nd_dist_allgather(d) : NULL;
        nd_array *wc = want ? nd_ascontiguousarray(want) : NULL;
        int same = test_same_bits(g, wc);
        if (!same && mpi_rank == 0) printf("\n  %s differs from nd_load\n", names[i]);
        CU_ASSERT(same);
        nd_free(g);
        nd_free(wc);
        nd_free(want);
        nd_dist_free(d);
    }
}

static void test_npy_errors(void)
{
    make_dir();
    char path[320];
    nd_dist *d = nd_dist_load_npy(MPI_COMM_WORLD, "no/such/file.npy", NULL);
    CU_ASSERT_PTR_NULL(d);
    CU_ASSERT_PTR_NOT_NULL(strstr(nd_errmsg(), "rank 0: nd_dist_load_npy: no/such/file.npy"));
    d = nd_dist_load_npy(MPI_COMM_WORLD, FIX "io_fortran_2d.npy", NULL);
    CU_ASSERT_PTR_NULL(d);
    CU_ASSERT_PTR_NOT_NULL(strstr(nd_errmsg(), "Fortran order"));
    /* not .npy; truncated data */
    snprintf(path, sizeof path, "%s/bad.npy", dir);
    if (mpi_rank == 0) {
        FILE *f = fopen(path, "wb");
        fputs("hello, this is not numpy at all", f);
        fclose(f);
    }
    MPI_Barrier(MPI_COMM_WORLD);
    d = nd_dist_load_npy(MPI_COMM_WORLD, path, NULL);
    CU_ASSERT_PTR_NULL(d);
    CU_ASSERT_PTR_NOT_NULL(strstr(nd_errmsg(), "wrong magic string"));
    nd_dist *a = nd_dist_arange(MPI_COMM_WORLD, 0, 1000, 1, ND_FLOAT64, NULL);
    CU_ASSERT_EQUAL(nd_dist_save_npy(path, a), ND_OK);
    if (mpi_rank == 0) CU_ASSERT_EQUAL(truncate(path, 128 + 8 * 999), 0);
    MPI_Barrier(MPI_COMM_WORLD);
    d = nd_dist_load_npy(MPI_COMM_WORLD, path, NULL);
    CU_ASSERT_PTR_NULL(d);
    CU_ASSERT_PTR_NOT_NULL(strstr(nd_errmsg(), "truncated"));
    /* a directory that does not exist: the error agrees, nothing is left behind */
    CU_ASSERT_EQUAL(nd_dist_save_npy("no/such/dir/x.npy", a), ND_EIO);
    CU_ASSERT_PTR_NOT_NULL(strstr(nd_errmsg(), "rank 0: nd_dist_save_npy"));
    /* a failing write (file size limit) leaves the existing file as it was */
    snprintf(path, sizeof path, "%s/keep.npy", dir);
    if (mpi_rank == 0) {
        FILE *f = fopen(path, "wb");
        fputs("the old contents", f);
        fclose(f);
    }
    MPI_Barrier(MPI_COMM_WORLD);
    nd_dist *big = nd_dist_arange(MPI_COMM_WORLD, 0, 200000, 1, ND_FLOAT64, NULL);
    struct rlimit old, lim;
    getrlimit(RLIMIT_FSIZE, &old);
    lim = old;
    lim.rlim_cur = 4096;
    void (*prev)(int) = signal(SIGXFSZ, SIG_IGN);
    setrlimit(RLIMIT_FSIZE, &lim);
    nd_status st = nd_dist_save_npy(path, big);
    setrlimit(RLIMIT_FSIZE, &old);
    signal(SIGXFSZ, prev);
    CU_ASSERT_NOT_EQUAL(st, ND_OK);
    if (mpi_rank == 0) {
        size_t n = 0;
        char *b = file_bytes(path, &n);
        CU_ASSERT(b && n == 16 && memcmp(b, "the old contents", 16) == 0);
        free(b);
        DIR *dd = opendir(dir);
        struct dirent *e;
        int tmps = 0;
        while (dd && (e = readdir(dd)))
            if (strstr(e->d_name, ".numc-tmp-")) tmps++;
        if (dd) closedir(dd);
        CU_ASSERT_EQUAL(tmps, 0);
    }
    /* and without the limit the same call replaces it */
    CU_ASSERT_EQUAL(nd_dist_save_npy(path, big), ND_OK);
    if (mpi_rank == 0) {
        nd_array *back = nd_load(path);
        CU_ASSERT(back && nd_size(back) == 200000);
        nd_free(back);
    }
    CU_ASSERT_EQUAL(nd_dist_save_npy(NULL, big), mpi_rank == 0 ? ND_EVALUE : ND_EVALUE);
    nd_dist_free(big);
    nd_dist_free(a);
    remove_dir();
}

/* ---- CSV ---------------------------------------------------------------------------------- */

static void write_text(const char *path, const char *text)
{
    if (mpi_rank == 0) {
        FILE *f = fopen(path, "wb");
        fputs(text, f);
        fclose(f);
    }
    MPI_Barrier(MPI_COMM_WORLD);
}

static void csv_case(const char *text, const nd_csv_opts *o, int tag)
{
    char path[320];
    snprintf(path, sizeof path, "%s/c%d.csv", dir, tag);
    write_text(path, text);
    nd_csv_opts so = o ? *o : (nd_csv_opts){ 0 };
    so.path = path;
    so.ndmin = 2;
    nd_array *want = nd_loadtxt_(&so);
    nd_dist *d = nd_dist_read_csv(MPI_COMM_WORLD, path, o);
    if (!d && mpi_rank == 0) printf("\n  csv %d: %s\n", tag, nd_errmsg());
    CU_ASSERT_PTR_NOT_NULL(d);
    nd_array *g = d ? nd_dist_allgather(d) : NULL;
    int same = test_same_bits(g, want);
    if (!same && mpi_rank == 0)
        printf("\n  csv %d differs from nd_loadtxt%s%s\n", tag, want ? "" : ": ", want ? "" : nd_errmsg());
    CU_ASSERT(same);
    if (d) {
        nd_distribution r = nd_dist_distribution(d);
        CU_ASSERT(r.kind == ND_DIST_BLOCK && r.axis == 0);
    }
    nd_free(g);
    nd_free(want);
    nd_dist_free(d);
}

static void test_read_csv(void)
{
    make_dir();
    int tag = 0;
    csv_case("a,b,c\n1,2,3\n4,5,6\n7,8,9.5\n-1e3,0.25,nan\n", NULL, tag++);
    csv_case("1,2\n", NULL, tag++);
    csv_case("# comment\nx;y\n\n1.5;2\n# mid comment\n3;4\n\n5;6\n", NULL, tag++);
    csv_case("1\t2\t3\r\n4\t5\t6\r\n7\t8\t9\r\n", NULL, tag++);
    csv_case("skip me\nand me\n1 2 3\n4   5 6\n", &(nd_csv_opts){ .skiprows = 2 }, tag++);
    csv_case("a,b,c\n1,2,3\n4,5,6\n", &(nd_csv_opts){ .usecols = (int[]){ 2, 0 }, .nusecols = 2 }, tag++);
    csv_case("10,20\n30,40\n50,60\n70,80\n90,100\n", &(nd_csv_opts){ .dtype = ND_INT64 }, tag++);
    csv_case("1,2\n3,4\n", &(nd_csv_opts){ .header = -1 }, tag++);
    csv_case("a,b,c\n", NULL, tag++); /* a header and no rows: (0, 3) */
    csv_case("a,b,c\n# nothing\n\n", &(nd_csv_opts){ .usecols = (int[]){ 1 }, .nusecols = 1 }, tag++);
    /* many rows of varying length, so that the byte ranges cut lines everywhere */
    {
        size_t cap = 1 << 20, n = 0;
        char *t = malloc(cap);
        n += (size_t)snprintf(t + n, cap - n, "time,value,flag\n");
        for (int i = 0; i < 5000; i++)
            n += (size_t)snprintf(t + n, cap - n, "%d,%.17g,%d\n", i, sin(i * 0.37) * pow(10, i % 13 - 6), i % 3);
        csv_case(t, NULL, tag++);
        free(t);
    }
    /* one very long line among short ones */
    {
        size_t cap = 1 << 20, n = 0;
        char *t = malloc(cap);
        for (int r = 0; r < 5; r++) {
            for (int i = 0; i < 4000; i++) n += (size_t)snprintf(t + n, cap - n, i ? ",%d" : "%d", r * 4000 + i);
            n += (size_t)snprintf(t + n, cap - n, "\n");
        }
        csv_case(t, NULL, tag++);
        free(t);
    }
    /* errors agree: a ragged table, a missing file, unsupported options */
    char path[320];
    snprintf(path, sizeof path, "%s/ragged.csv", dir);
    write_text(path, "1,2,3\n4,5,6\n7,8\n1,2,3\n4,5,6\n7,8,9\n");
    nd_dist *d = nd_dist_read_csv(MPI_COMM_WORLD, path, NULL);
    CU_ASSERT_PTR_NULL(d);
    d = nd_dist_read_csv(MPI_COMM_WORLD, "no/such.csv", NULL);
    CU_ASSERT_PTR_NULL(d);
    CU_ASSERT_PTR_NOT_NULL(strstr(nd_errmsg(), "rank 0: nd_dist_read_csv: no/such.csv"));
    d = nd_dist_read_csv(MPI_COMM_WORLD, path, &(nd_csv_opts){ .max_rows = 2 });
    CU_ASSERT_PTR_NULL(d);
    CU_ASSERT_PTR_NOT_NULL(strstr(nd_errmsg(), "max_rows"));
    d = nd_dist_read_csv(MPI_COMM_WORLD, path, &(nd_csv_opts){ .skiprows = mpi_rank });
    CU_ASSERT_PTR_NULL(d);
    if (mpi_size > 1) CU_ASSERT_PTR_NOT_NULL(strstr(nd_errmsg(), "differs from rank 0"));
    remove_dir();
}

/* ---- M4 ------------------------------------------------------------------------------------- */

/* M4 of the gathered series, written out plainly from the contract. */
static void m4_ref(const double *y, ptrdiff_t n, int width, double x0, double x1, double *ox, double *oy,
                   int64_t *oi, size_t *m)
{
    *m = 0;
    double dx = n > 1 ? (x1 - x0) / (double)(n - 1) : 0;
    ptrdiff_t i = 0;
    for (int b = 0; b < width; b++) {
        ptrdiff_t f = -1, l = -1, mn = -1, mx = -1;
        int gap = 0;
        for (; i < n && (i * (ptrdiff_t)width) / n == b; i++) {
            if (!isfinite(y[i])) {
                gap = 1;
                continue;
            }
            if (f < 0) f = mn = mx = i;
            l = i;
            if (y[i] < y[mn]) mn = i;
            if (y[i] > y[mx]) mx = i;
        }
        if (f >= 0) {
            ptrdiff_t k[4] = { f, mn < mx ? mn : mx, mn < mx ? mx : mn, l };
            for (int j = 0; j < 4; j++)
                if (j == 0 || k[j] != k[j - 1]) {
                    ox[*m] = x0 + dx * (double)k[j];
                    oy[*m] = y[k[j]];
                    oi[*m] = k[j];
                    (*m)++;
                }
        }
        if (gap) {
            ox[*m] = oy[*m] = NAN;
            oi[*m] = -1;
            (*m)++;
        }
    }
}

static int same_f64(const double *a, const double *b, size_t n)
{
    for (size_t i = 0; i < n; i++)
        if (!(a[i] == b[i] || (isnan(a[i]) && isnan(b[i])))) return 0;
    return 1;
}

static void test_decimate_m4(void)
{
    static const ptrdiff_t lens[] = { 1, 7, 1000, 100003 };
    static const int widths[] = { 1, 3, 640 };
    nd_distribution rep = nd_dist_replicated();
    for (int li = 0; li < 4; li++)
        for (int wi = 0; wi < 3; wi++)
            for (int lay = 0; lay < 2; lay++) {
                ptrdiff_t n = lens[li];
                int w = widths[wi];
                nd_dist *y = nd_dist_random_normal(MPI_COMM_WORLD, 7, 0, 1, ND_SHAPE(n), ND_FLOAT64,
                                                   lay ? &rep : NULL);
                /* a few gaps */
                for (ptrdiff_t g = 3; g < n; g += n / 5 + 1) {
                    nd_scalar nan = ND_F64(NAN);
                    CU_ASSERT_EQUAL(nd_dist_set(y, (ptrdiff_t[]){ g }, nan), ND_OK);
                }
                nd_array *X = NULL, *Y = NULL, *I = NULL;
                nd_status st = nd_dist_decimate_m4(y, w, -2.0, 5.0, 0, &X, &Y, &I);
                CU_ASSERT_EQUAL(st, ND_OK);
                nd_array *g = nd_dist_allgather(y);
                if (mpi_rank == 0 && g && X) {
                    size_t cap = (size_t)5 * (size_t)w + 8, m = 0;
                    double *rx = malloc(cap * sizeof(double)), *ry = malloc(cap * sizeof(double));
                    int64_t *ri = malloc(cap * sizeof(int64_t));
                    m4_ref(nd_data(g), n, w, -2.0, 5.0, rx, ry, ri, &m);
                    int ok = (size_t)nd_size(X) == m && same_f64(nd_data(X), rx, m) && same_f64(nd_data(Y), ry, m) &&
                             memcmp(nd_data(I), ri, m * sizeof(int64_t)) == 0;
                    if (!ok) printf("\n  m4 n=%td w=%d layout %d differs (%td vs %zu points)\n", n, w, lay, nd_size(X), m);
                    CU_ASSERT(ok);
                    CU_ASSERT(m <= (size_t)5 * (size_t)w);
                    free(rx);
                    free(ry);
                    free(ri);
                } else {
                    CU_ASSERT(mpi_rank == 0 || (!X && !Y && !I));
                }
                nd_free(g);
                nd_free(X);
                nd_free(Y);
                nd_free(I);
                nd_dist_free(y);
            }
    /* errors agree */
    nd_dist *y = nd_dist_arange(MPI_COMM_WORLD, 0, 10, 1, ND_FLOAT64, NULL);
    nd_array *X = NULL, *Y = NULL;
    CU_ASSERT_EQUAL(nd_dist_decimate_m4(y, mpi_rank == mpi_size - 1 ? 0 : 5, 0, 1, 0, &X, &Y, NULL), ND_EVALUE);
    CU_ASSERT_PTR_NOT_NULL(strstr(nd_errmsg(), "nd_dist_decimate_m4: width must be"));
    CU_ASSERT_EQUAL(nd_dist_decimate_m4(y, 5, 0, 1, mpi_size, &X, &Y, NULL), ND_EVALUE);
    nd_dist *m2 = nd_dist_zeros(MPI_COMM_WORLD, ND_SHAPE(4, 4), ND_FLOAT64, NULL);
    CU_ASSERT_EQUAL(nd_dist_decimate_m4(m2, 5, 0, 1, 0, &X, &Y, NULL), ND_ESHAPE);
    nd_dist_free(m2);
    nd_dist_free(y);
}

static void test_plot_line(void)
{
    make_dir();
    nd_dist *y = nd_dist_linspace(MPI_COMM_WORLD, 0, 50, 200001, true, ND_FLOAT64, NULL);
    nd_dist *s = y ? nd_dist_ufunc(ND_UF_SIN, (nd_dist_operand[]){ nd_dop_dist(y) }, NULL) : NULL;
    nplot_figure *fig = mpi_rank == 0 ? nplot_figure_new() : NULL;
    nplot_axes *ax = fig ? nplot_subplot(fig, 1, 1, 1) : NULL;
    nd_status st = nd_dist_plot_line(ax, s, 0, 50, 640, "b-");
    CU_ASSERT_EQUAL(st, ND_OK);
    if (mpi_rank == 0) {
        char png[320];
        snprintf(png, sizeof png, "%s/line.png", dir);
        CU_ASSERT_EQUAL(nplot_savefig(fig, png), ND_OK);
        size_t n = 0;
        char *b = file_bytes(png, &n);
        CU_ASSERT(b && n > 1000 && memcmp(b, "\x89PNG", 4) == 0);
        free(b);
    }
    /* a NULL axes on rank 0 is an error on every rank */
    CU_ASSERT_EQUAL(nd_dist_plot_line(NULL, s, 0, 50, 640, "b-"), ND_EVALUE);
    nplot_figure_free(fig);
    nd_dist_free(s);
    nd_dist_free(y);
    remove_dir();
}

static const ND_TEST tests[] = {
    ND_T(test_save_load_npy), ND_T(test_load_numpy_files), ND_T(test_npy_errors), ND_T(test_read_csv),
    ND_T(test_decimate_m4),   ND_T(test_plot_line),        { NULL, NULL },
};

ND_MPI_TEST_MAIN("mpi_io", tests)
