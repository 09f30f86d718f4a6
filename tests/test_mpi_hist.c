/* Distributed histograms equal nd_histogram of the gathered array bit for bit: bin counts,
 * explicit edges, ranges, density, weights (folded in numc's order), the bin rules, every
 * layout and rank count (1..4), NaNs, empty arrays; bad input errors on every rank. */
#include <math.h>

#include "test_mpi_util.h"

static nd_array *values(int ndim, const ptrdiff_t *shape, nd_dtype dt, unsigned seed, bool nans)
{
    ptrdiff_t n = 1;
    for (int k = 0; k < ndim; k++) n *= shape[k];
    nd_array *f = (nd_empty)(1, &n, ND_FLOAT64);
    double *v = nd_data(f);
    unsigned long long x = 0x9E3779B97F4A7C15ULL ^ ((unsigned long long)seed * 0x100000001B3ULL);
    for (ptrdiff_t i = 0; i < n; i++) {
        x ^= x << 13;
        x ^= x >> 7;
        x ^= x << 17;
        double u = (double)(x >> 11) / 9007199254740992.0;
        v[i] = nd_dtype_is_integer(dt) ? floor(u * 60 - 20) : (u - 0.3) * pow(10.0, (double)(x % 5) - 2);
        if (nans && (x >> 20) % 17 == 0) v[i] = NAN;
    }
    nd_array *c = nd_astype(f, dt, ND_CAST_UNSAFE), *r = nd_reshape(c, ndim, shape);
    nd_free(f);
    nd_free(c);
    return r;
}

/* One histogram call, distributed and on the gathered arrays. */
static int check(const nd_array *g, const nd_array *w, const nd_distribution *dist, const nd_hist_opts *o)
{
    nd_dist *x = nd_dist_scatter(MPI_COMM_WORLD, 0, mpi_rank == 0 ? g : NULL, dist);
    nd_dist *xw = w ? nd_dist_scatter(MPI_COMM_WORLD, 0, mpi_rank == 0 ? w : NULL, dist) : NULL;
    nd_hist_opts lo = *o;
    lo.weights = w;
    nd_array *wh = NULL, *we = NULL, *gh = NULL, *ge = NULL;
    nd_status ws = nd_histogram_(g, &wh, &we, &lo);
    nd_status gs = x ? nd_dist_histogram(x, xw, &gh, &ge, o) : ND_EVALUE;
    int ok = ws == gs && (ws != ND_OK || (test_same_bits(gh, wh) && test_same_bits(ge, we)));
    if (!ok && mpi_rank == 0) {
        char b[200];
        printf("\n  histogram of %s (bins %td, rule %d, density %d, weights %d) differs: %d vs %d %s\n",
               x ? nd_dist_describe(x, b, sizeof b) : "?", o->bins, (int)o->rule, o->density, w != NULL, (int)gs,
               (int)ws, nd_errmsg());
    }
    nd_free(wh);
    nd_free(we);
    nd_free(gh);
    nd_free(ge);
    nd_dist_free(x);
    nd_dist_free(xw);
    return ok;
}

static void run(const nd_array *g, const nd_array *w, const nd_distribution *dist)
{
    static const double rng[2] = { -1.5, 4.25 };
    static const nd_bin_rule rules[] = { ND_BINS_AUTO, ND_BINS_FD, ND_BINS_STURGES, ND_BINS_RICE, ND_BINS_SQRT };
    double ev[] = { -3, -0.5, 0, 0.1, 0.2, 2, 7 };
    ptrdiff_t ne = 7;
    nd_array *edges = (nd_empty)(1, &ne, ND_FLOAT64);
    memcpy(nd_data(edges), ev, sizeof ev);
    for (int dens = 0; dens < 2; dens++)
        for (int ww = 0; ww < (w ? 2 : 1); ww++) {
            const nd_array *wt = ww ? w : NULL;
            nd_hist_opts o = { 0 };
            o.density = dens;
            CU_ASSERT(check(g, wt, dist, &o));
            o.bins = 37;
            CU_ASSERT(check(g, wt, dist, &o));
            o.range = rng;
            CU_ASSERT(check(g, wt, dist, &o));
            o.range = NULL;
            o.edges = edges;
            CU_ASSERT(check(g, wt, dist, &o));
            o.edges = NULL;
            o.bins = 0;
            for (size_t r = 0; r < sizeof rules / sizeof rules[0]; r++) {
                o.rule = rules[r];
                o.range = NULL;
                CU_ASSERT(check(g, wt, dist, &o));
                o.range = rng;
                CU_ASSERT(check(g, wt, dist, &o));
            }
        }
    nd_free(edges);
}

static void test_hist_1d(void)
{
    static const ptrdiff_t sizes[] = { 0, 1, 2, 3, 7, 257, 5001 };
    for (size_t k = 0; k < sizeof sizes / sizeof sizes[0]; k++)
        for (int nan = 0; nan < 2; nan++) {
            nd_array *g = values(1, &sizes[k], ND_FLOAT64, (unsigned)k + 1, nan);
            nd_array *w = values(1, &sizes[k], ND_FLOAT64, (unsigned)k + 100, false);
            run(g, w, NULL);
            nd_array *i = values(1, &sizes[k], ND_INT32, (unsigned)k + 7, false);
            run(i, NULL, NULL);
            nd_free(g);
            nd_free(w);
            nd_free(i);
        }
}

/* N-D arrays in every layout (weights in the same layout; non-flat ones are moved). */
static void test_hist_nd(void)
{
    static const ptrdiff_t s1[] = { 37, 5 }, s2[] = { 3, 401 }, s3[] = { 4, 6, 5 };
    const struct {
        int nd;
        const ptrdiff_t *s;
    } shapes[] = { { 2, s1 }, { 2, s2 }, { 3, s3 } };
    for (size_t i = 0; i < sizeof shapes / sizeof shapes[0]; i++) {
        nd_array *g = values(shapes[i].nd, shapes[i].s, ND_FLOAT32, (unsigned)i + 20, false);
        nd_array *w = values(shapes[i].nd, shapes[i].s, ND_FLOAT64, (unsigned)i + 30, false);
        for (int ax = 0; ax < shapes[i].nd; ax++) {
            nd_distribution b = nd_dist_block(ax);
            run(g, w, &b);
        }
        if (shapes[i].nd == 2) {
            nd_distribution c = nd_dist_cyclic2d(0, 0, 4, 3), r = nd_dist_replicated();
            run(g, w, &c);
            run(g, w, &r);
        }
        nd_free(g);
        nd_free(w);
    }
}

/* A long weighted sum: the order of the additions shows in the bits. */
static void test_hist_weights_order(void)
{
    ptrdiff_t n = 100003;
    nd_array *g = values(1, &n, ND_FLOAT64, 5, false), *w = values(1, &n, ND_FLOAT64, 6, false);
    nd_hist_opts o = { 0 };
    o.bins = 3;
    CU_ASSERT(check(g, w, NULL, &o));
    nd_free(g);
    nd_free(w);
}

static void test_hist_errors(void)
{
    nd_dist *x = nd_dist_ones(MPI_COMM_WORLD, ND_SHAPE(10), ND_FLOAT64, NULL);
    nd_dist *y = nd_dist_ones(MPI_COMM_WORLD, ND_SHAPE(11), ND_FLOAT64, NULL);
    nd_array *h = NULL;
    nd_hist_opts o = { 0 };
    o.bins = mpi_rank == mpi_size - 1 ? -3 : 5;
    CU_ASSERT_EQUAL(nd_dist_histogram(x, NULL, &h, NULL, &o), ND_EVALUE);
    char want[64];
    snprintf(want, sizeof want, "rank %d: nd_dist_histogram: `bins`", mpi_size - 1);
    CU_ASSERT(strstr(nd_errmsg(), want) != NULL);
    CU_ASSERT_PTR_NULL(h);
    o.bins = 5;
    CU_ASSERT_EQUAL(nd_dist_histogram(x, y, &h, NULL, &o), ND_ESHAPE);
    o.rule = ND_BINS_SCOTT;
    CU_ASSERT_EQUAL(nd_dist_histogram(x, NULL, &h, NULL, &o), ND_EVALUE);
    o.rule = ND_BINS_COUNT;
    double r[2] = { 0, mpi_rank == 0 ? 1.0 : 2.0 }; /* differs between ranks */
    o.range = r;
    nd_status st = nd_dist_histogram(x, NULL, &h, NULL, &o);
    CU_ASSERT_EQUAL(st, mpi_size > 1 ? ND_EVALUE : ND_OK);
    nd_free(h);
    h = NULL;
    /* NaN without a range: numc's error, on every rank */
    nd_scalar nan = ND_F64(NAN);
    CU_ASSERT_EQUAL(nd_dist_set(x, (ptrdiff_t[]){ 9 }, nan), ND_OK);
    o.range = NULL;
    CU_ASSERT_EQUAL(nd_dist_histogram(x, NULL, &h, NULL, &o), ND_EVALUE);
    CU_ASSERT(strstr(nd_errmsg(), "not finite") != NULL);
    nd_dist_free(x);
    nd_dist_free(y);
}

static const ND_TEST tests[] = {
    ND_T(test_hist_1d),
    ND_T(test_hist_nd),
    ND_T(test_hist_weights_order),
    ND_T(test_hist_errors),
    { 0 },
};

ND_MPI_TEST_MAIN("mpi_hist", tests)
