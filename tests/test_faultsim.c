/* Fault injection over the whole library (tests/faultsim.h): the allocator fails at the
 * 1st, 2nd, ... allocation of each body until a run gets through. Every run must end in
 * success or ND_ENOMEM, with every block it allocated freed. Covered: the ufunc engine
 * (broadcasting, casting, where), reductions, sort and sets, the CSV / .npy / .npz
 * readers and writers, linalg, polynomials (polyfit, roots), FFT, a whole figure saved to PNG, SVG and PDF, and the
 * windows / unwrap / frexp helpers. */
#define _POSIX_C_SOURCE 200809L
#include <numc/numc.h>
#include <numc/plot.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "faultsim.h"
#include "testutil.h"

static char dir[256];

static void path_in(char *buf, size_t cap, const char *name)
{
    snprintf(buf, cap, "%s/%s", dir, name);
}

/* A failed allocation must surface as the body's status. */
#define TRY(expr) do { if (!(expr)) { rc = nd_last_error(); goto out; } } while (0)
#define CHECK(cond) do { if (!(cond)) { rc = ND_EVALUE; goto out; } } while (0)
/* nd_array_equal: 1 equal, 0 different, -1 error (an allocation failed). */
#define CHECK_EQUAL(a, b)                                                      \
    do {                                                                       \
        int eq_ = nd_array_equal((a), (b), false);                             \
        if (eq_ < 0) { rc = nd_last_error(); goto out; }                       \
        CHECK(eq_ == 1);                                                       \
    } while (0)

static nd_array *mat(int rows, int cols, double bias)
{
    nd_array *a = nd_empty(ND_SHAPE(rows, cols), ND_FLOAT64);
    if (!a) return NULL;
    double *p = nd_data(a);
    for (int i = 0; i < rows * cols; i++) p[i] = (double)((i * 7919) % 97) / 13.0;
    for (int i = 0; i < rows && i < cols; i++) p[i * cols + i] += bias;
    return a;
}

/* ---- bodies ------------------------------------------------------------------------ */
static nd_status ufunc_body(void *ctx)
{
    (void)ctx;
    nd_status rc = ND_OK;
    nd_array *a = NULL, *b = NULL, *s = NULL, *m = NULL, *w = NULL, *c = NULL;
    TRY(a = mat(40, 50, 0));
    TRY(b = nd_arange(0, 50, 1, ND_INT32));
    TRY(s = nd_add(a, b));                   /* broadcast + int32 → float64 cast */
    TRY(m = nd_greater(s, 10.0));
    TRY(w = nd_sin(s, .where = m));           /* masked output */
    TRY(c = nd_multiply(w, 2, .dtype = ND_FLOAT32));
    CHECK(nd_get_f64(s, ND_IDX(0, 3)) == nd_get_f64(a, ND_IDX(0, 3)) + 3.0);
out:
    nd_free(a), nd_free(b), nd_free(s), nd_free(m), nd_free(w), nd_free(c);
    return rc;
}

static nd_status reduce_body(void *ctx)
{
    (void)ctx;
    nd_status rc = ND_OK;
    nd_array *a = NULL, *s = NULL, *sd = NULL, *am = NULL, *cs = NULL;
    TRY(a = mat(30, 20, 0));
    TRY(s = nd_sum(a, .axis = 1, .keepdims = true));
    TRY(sd = nd_std(a, .axis = 0, .ddof = 1));
    TRY(am = nd_argmax(a));
    TRY(cs = nd_cumsum(a));
    CHECK(nd_ndim(s) == 2 && nd_shape(s)[0] == 30 && nd_shape(s)[1] == 1);
out:
    nd_free(a), nd_free(s), nd_free(sd), nd_free(am), nd_free(cs);
    return rc;
}

static nd_status sort_body(void *ctx)
{
    (void)ctx;
    nd_status rc = ND_OK;
    nd_array *a = NULL, *s = NULL, *i = NULL, *u = NULL;
    TRY(a = mat(25, 40, 0));
    TRY(s = nd_sort(a, -1, ND_SORT_QUICK));
    TRY(i = nd_argsort(a, 0, ND_SORT_STABLE));
    TRY(u = nd_unique(a));
    CHECK(nd_get_f64(s, ND_IDX(0, 0)) <= nd_get_f64(s, ND_IDX(0, 1)));
out:
    nd_free(a), nd_free(s), nd_free(i), nd_free(u);
    return rc;
}

static nd_status csv_body(void *ctx)
{
    (void)ctx;
    char path[300];
    path_in(path, sizeof path, "data.csv");
    nd_status rc = ND_OK;
    nd_array *a = NULL;
    nd_table *t = NULL;
    TRY(a = nd_loadtxt(path, .delimiter = ',', .skiprows = 1));
    CHECK(nd_ndim(a) == 2 && nd_shape(a)[0] == 4 && nd_shape(a)[1] == 3);
    TRY(t = nd_read_csv(path));
    CHECK(nd_table_ncols(t) == 3 && nd_table_is_text(t, 2) == false);
    char out[300];
    path_in(out, sizeof out, "out.csv");
    rc = nd_savetxt(out, a, .delimiter = ",");
out:
    nd_free(a);
    nd_table_free(t);
    return rc;
}

static nd_status npy_body(void *ctx)
{
    (void)ctx;
    char npy[300], npz[300];
    path_in(npy, sizeof npy, "a.npy");
    path_in(npz, sizeof npz, "ab.npz");
    nd_status rc = ND_OK;
    nd_array *a = NULL, *b = NULL, *back = NULL, *m = NULL;
    nd_npz *z = NULL;
    TRY(a = mat(8, 9, 1));
    TRY(b = nd_arange(0, 17, 1, ND_INT16));
    if ((rc = nd_save(npy, a)) != ND_OK) goto out;
    TRY(back = nd_load(npy));
    CHECK_EQUAL(a, back);
    const char *names[] = { "a", "b" };
    if ((rc = nd_savez_compressed(npz, 2, names, (const nd_array *[]){ a, b })) != ND_OK) goto out;
    TRY(z = nd_npz_open(npz));
    TRY(m = nd_npz_get(z, "b"));
    CHECK_EQUAL(m, b);
out:
    nd_free(a), nd_free(b), nd_free(back), nd_free(m);
    nd_npz_close(z);
    return rc;
}

static nd_status linalg_body(void *ctx)
{
    (void)ctx;
    nd_status rc = ND_OK;
    nd_array *a = NULL, *b = NULL, *x = NULL, *inv = NULL, *w = NULL, *v = NULL;
    nd_array *u = NULL, *s = NULL, *vt = NULL, *p = NULL, *sym = NULL, *at = NULL;
    TRY(a = mat(12, 12, 20));
    TRY(b = mat(12, 3, 0));
    TRY(x = nd_solve(a, b));
    TRY(inv = nd_inv(a));
    TRY(at = nd_transpose(a, NULL));
    TRY(sym = nd_add(a, at));
    if ((rc = nd_eigh(sym, 'L', &w, &v)) != ND_OK) goto out;
    if ((rc = nd_svd(a, false, &u, &s, &vt)) != ND_OK) goto out;
    TRY(p = nd_matmul(a, x));
    CHECK(fabs(nd_get_f64(p, ND_IDX(3, 1)) - nd_get_f64(b, ND_IDX(3, 1))) < 1e-9);
out:
    nd_free(a), nd_free(b), nd_free(x), nd_free(inv), nd_free(w), nd_free(v);
    nd_free(u), nd_free(s), nd_free(vt), nd_free(p), nd_free(sym), nd_free(at);
    return rc;
}

static nd_status poly_body(void *ctx)
{
    (void)ctx;
    nd_status rc = ND_OK;
    nd_array *x = NULL, *y = NULL, *c = NULL, *c2 = NULL, *r = NULL, *p = NULL, *v = NULL, *k = NULL;
    nd_polyfit_info info = { 0 };
    nd_poly1d *pd = NULL;
    char *txt = NULL;
    TRY(x = nd_linspace(0, 2, 40));
    TRY(k = nd_from_f64((double[]){ 1, -3, 2 }, 3));
    TRY(y = nd_polyval(k, x));
    TRY(c = nd_polyfit(x, y, 2, .full = true, .info = &info));
    nd_polyfit_info_free(&info);
    TRY(c2 = nd_polyfit(x, y, 3, .cov = true, .info = &info));
    TRY(r = nd_roots(c));
    TRY(p = nd_poly(r));
    TRY(pd = nd_poly1d_new(p));
    TRY(txt = nd_poly1d_str(pd));
    TRY(v = nd_poly1d_call(pd, 2.0));
    CHECK(fabs(nd_item_f64(v)) < 1e-9);
out:
    nd_polyfit_info_free(&info);
    nd_free_mem(txt);
    nd_poly1d_free(pd);
    nd_free(x), nd_free(y), nd_free(c), nd_free(c2), nd_free(r), nd_free(p), nd_free(v), nd_free(k);
    return rc;
}

static nd_status fft_body(void *ctx)
{
    (void)ctx;
    nd_status rc = ND_OK;
    nd_array *a = NULL, *f = NULL, *r = NULL, *back = NULL, *f2 = NULL;
    TRY(a = mat(16, 24, 0));
    TRY(f = nd_fft(a));
    TRY(r = nd_rfft(a));
    TRY(back = nd_irfft(r, .n = 24));
    TRY(f2 = nd_fft2(a));
    CHECK(fabs(nd_get_f64(back, ND_IDX(2, 5)) - nd_get_f64(a, ND_IDX(2, 5))) < 1e-12);
out:
    nd_free(a), nd_free(f), nd_free(r), nd_free(back), nd_free(f2);
    return rc;
}

static nd_status figure_body(void *ctx)
{
    (void)ctx;
    nd_status rc = ND_OK;
    nd_array *x = NULL, *y = NULL, *img = NULL;
    nplot_figure *fig = NULL;
    nplot_axes *ax[2] = { NULL, NULL };
    TRY(x = nd_linspace(0, 6.28, 200));
    TRY(y = nd_sin(x));
    TRY(img = mat(20, 30, 0));
    TRY(fig = nplot_figure_new(.width = 4, .height = 3, .dpi = 50));
    if ((rc = nplot_subplots(fig, 1, 2, ax)) != ND_OK) goto out;
    nplot_plot(ax[0], x, y, .fmt = "r--o", .label = "sin $\\alpha^2$");
    nplot_scatter(ax[0], x, y, .label = "points");
    nplot_legend(ax[0]);
    nplot_set_title(ax[0], "faults");
    nplot_imshow(ax[1], img, .cmap = "viridis");
    const char *names[] = { "fig.png", "fig.svg", "fig.pdf" };
    for (int i = 0; i < 3; i++) {
        char path[300];
        path_in(path, sizeof path, names[i]);
        if ((rc = nplot_savefig(fig, path)) != ND_OK) goto out;
    }
out:
    nplot_figure_free(fig);
    nd_free(x), nd_free(y), nd_free(img);
    return rc;
}

/* Windows, i0 (inside kaiser), unwrap along an axis of a strided view, frexp / ldexp with
 * broadcasting, real_if_close and array_equiv (issue 16). */
static nd_status window_body(void *ctx)
{
    (void)ctx;
    nd_status rc = ND_OK;
    nd_array *h = NULL, *k = NULL, *b = NULL, *p = NULL, *v = NULL, *u = NULL, *m = NULL,
             *e = NULL, *l = NULL, *i0 = NULL;
    TRY(h = nd_hanning(64));
    TRY(b = nd_blackman(33));
    TRY(k = nd_kaiser(65, 14.0));
    TRY(i0 = nd_i0(k));
    TRY(p = mat(12, 30, 4.0));
    TRY(v = nd_view(p, "::-1, ::2"));
    TRY(u = nd_unwrap(v, .axis = 0));
    if ((rc = nd_frexp(v, &m, &e)) < 0) goto out;
    TRY(l = nd_ldexp(m, e));
    bool eq = false;
    if ((rc = nd_array_equiv(l, v, &eq)) < 0) goto out;
    CHECK(eq);
    CHECK(nd_shape(u)[0] == 12 && nd_shape(u)[1] == 15);
out:
    nd_free(h), nd_free(k), nd_free(b), nd_free(p), nd_free(v), nd_free(u), nd_free(m);
    nd_free(e), nd_free(l), nd_free(i0);
    return rc;
}

/* ---- tests --------------------------------------------------------------------------- */
#define FAULTSIM_TEST(name, body)                                        \
    static void name(void)                                               \
    {                                                                    \
        faultsim_report r = faultsim_run(#body, body, NULL);             \
        if (!r.ok) fprintf(stderr, "\nfaultsim: %s\n", r.why);          \
        else printf("(%ld allocations, each failed once) ", r.allocs);   \
        CU_ASSERT(r.ok);                                                 \
        CU_ASSERT(r.allocs > 0);                                         \
        CU_ASSERT(r.runs > 0);                                           \
    }
FAULTSIM_TEST(test_faults_ufunc, ufunc_body)
FAULTSIM_TEST(test_faults_reduce, reduce_body)
FAULTSIM_TEST(test_faults_sort, sort_body)
FAULTSIM_TEST(test_faults_csv, csv_body)
FAULTSIM_TEST(test_faults_npy_npz, npy_body)
FAULTSIM_TEST(test_faults_linalg, linalg_body)
FAULTSIM_TEST(test_faults_fft, fft_body)
FAULTSIM_TEST(test_faults_poly, poly_body)
FAULTSIM_TEST(test_faults_figure, figure_body)
FAULTSIM_TEST(test_faults_windows, window_body)

/* The harness itself: a body that leaks on the failure path, or turns ND_ENOMEM into
 * another code, is caught. */
typedef struct {
    nd_array *leaked[64]; /* freed by the test once the harness has seen them */
    int n;
} leak_log;
static nd_status leaky_body(void *ctx)
{
    leak_log *log = ctx;
    nd_array *a = nd_zeros(ND_SHAPE(4), ND_FLOAT64);
    if (!a) return nd_last_error();
    nd_array *b = nd_zeros(ND_SHAPE(4), ND_FLOAT64);
    if (!b) { /* "leaks" a: the harness must notice */
        if (log->n < 64) log->leaked[log->n++] = a;
        return nd_last_error();
    }
    nd_free(a), nd_free(b);
    return ND_OK;
}
static nd_status miscoded_body(void *ctx)
{
    (void)ctx;
    nd_array *a = nd_zeros(ND_SHAPE(4), ND_FLOAT64);
    if (!a) return ND_EVALUE;
    nd_free(a);
    return ND_OK;
}
static void test_faultsim_catches_leaks_and_wrong_codes(void)
{
    leak_log log = { .n = 0 };
    CU_ASSERT_FALSE(faultsim_run("leaky", leaky_body, &log).ok);
    CU_ASSERT(log.n > 0);
    for (int i = 0; i < log.n; i++) nd_free(log.leaked[i]); /* keep LeakSanitizer quiet */
    CU_ASSERT_FALSE(faultsim_run("miscoded", miscoded_body, NULL).ok);
    faultsim_report r = faultsim_run("ufunc", ufunc_body, NULL);
    CU_ASSERT(r.ok && r.runs >= 6);
}

static int setup(void)
{
    snprintf(dir, sizeof dir, "%s/numc-faultsim.XXXXXX", getenv("TMPDIR") ? getenv("TMPDIR") : "/tmp");
    if (!mkdtemp(dir)) return 1;
    char path[300];
    path_in(path, sizeof path, "data.csv");
    FILE *f = fopen(path, "w");
    if (!f) return 1;
    fputs("a,b,c\n1,2,3\n4,5,6.5\n7,8,9\n10,11,-12\n", f);
    return fclose(f) != 0;
}

static int teardown(void)
{
    const char *names[] = { "data.csv", "out.csv", "a.npy", "ab.npz", "fig.png", "fig.svg",
                            "fig.pdf" };
    for (size_t i = 0; i < sizeof names / sizeof *names; i++) {
        char path[300];
        path_in(path, sizeof path, names[i]);
        unlink(path);
    }
    return rmdir(dir) != 0;
}

static const ND_TEST tests[] = {
    ND_T(test_faultsim_catches_leaks_and_wrong_codes),
    ND_T(test_faults_ufunc),
    ND_T(test_faults_reduce),
    ND_T(test_faults_sort),
    ND_T(test_faults_csv),
    ND_T(test_faults_npy_npz),
    ND_T(test_faults_linalg),
    ND_T(test_faults_fft),
    ND_T(test_faults_poly),
    ND_T(test_faults_figure),
    ND_T(test_faults_windows),
    { 0 },
};
ND_TEST_MAIN_WITH("faultsim", tests, setup, teardown)
