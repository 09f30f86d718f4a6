/* Distributed percentile / quantile / median (and their nan-variants) equal numc's on the
 * gathered array bit for bit: every method, several q at once, axis None / the distributed
 * axis / another axis, keepdims, NaNs, duplicates, empty ranks, every rank count (1..4). */
#include <math.h>

#include "test_mpi_util.h"

/* Deterministic values (the same on every rank) with duplicates (mod `distinct`) and, with
 * `nans`, some NaNs. No signed zeros: which zero introselect picks is unspecified. */
static nd_array *values(ptrdiff_t n, nd_dtype dt, unsigned seed, int distinct, bool nans)
{
    nd_array *f = (nd_empty)(1, &n, ND_FLOAT64);
    double *v = nd_data(f);
    unsigned long long x = 0x2545F4914F6CDD1DULL ^ ((unsigned long long)seed * 0x100000001B3ULL);
    for (ptrdiff_t i = 0; i < n; i++) {
        x ^= x << 13;
        x ^= x >> 7;
        x ^= x << 17;
        long long k = (long long)(x % (unsigned long long)distinct) - distinct / 3;
        v[i] = nd_dtype_is_float(dt) ? (double)k / 7.0 + (k == 0 ? 0.5 : 0) : (double)k;
        if (nans && (x >> 20) % 9 == 0) v[i] = NAN;
    }
    nd_array *c = nd_astype(f, dt, ND_CAST_UNSAFE);
    nd_free(f);
    return c;
}

static const double qlist[] = { 0, 1, 12.5, 25, 33.3, 50, 62.5, 75, 99, 100 };
#define NQ ((ptrdiff_t)(sizeof qlist / sizeof qlist[0]))

static int same(const char *what, nd_dist *r, nd_array *want, const nd_dist *x, int axis, int method)
{
    nd_array *got = r ? nd_dist_allgather(r) : NULL;
    /* both refuse (percentile of an empty axis: ND_EINDEX) or both agree bit for bit */
    int ok = !r && !want ? nd_last_error() == ND_EINDEX : test_same_bits(got, want);
    if (!ok && mpi_rank == 0) {
        char b[200];
        printf("\n  %s (method %d) axis %d of %s differs%s%s\n", what, method, axis,
               nd_dist_describe(x, b, sizeof b), r ? "" : ": ", r ? "" : nd_errmsg());
    }
    nd_free(got);
    return ok;
}

/* Every method, percentile and quantile, plain and nan, median and nanmedian. */
static int check_all(const nd_array *g, const nd_distribution *dist, int axis, bool keepdims)
{
    nd_dist *x = nd_dist_scatter(MPI_COMM_WORLD, 0, mpi_rank == 0 ? g : NULL, dist);
    if (!x) return 0;
    int ok = 1;
    ptrdiff_t nq = NQ;
    nd_array *qs = (nd_empty)(1, &nq, ND_FLOAT64), *qq = (nd_empty)(1, &nq, ND_FLOAT64);
    memcpy(nd_data(qs), qlist, sizeof qlist);
    for (ptrdiff_t j = 0; j < nq; j++) ((double *)nd_data(qq))[j] = qlist[j] / 100;
    for (int m = 0; m <= ND_Q_NORMAL_UNBIASED; m++)
        for (int nan = 0; nan < 2; nan++) {
            nd_quantile_opts o = ND_QUANTILE_DEFAULTS;
            o.axis = axis;
            o.keepdims = keepdims;
            o.method = (nd_quantile_method)m;
            o.qs = qs;
            nd_array *w = nan ? nd_nanpercentile_(g, &o) : nd_percentile_(g, &o);
            nd_dist *r = nan ? nd_dist_nanpercentile(x, &o) : nd_dist_percentile(x, &o);
            ok &= same(nan ? "nanpercentile" : "percentile", r, w, x, axis, m);
            nd_free(w);
            nd_dist_free(r);
            if (m > ND_Q_NEAREST) continue; /* a scalar q: a few methods suffice */
            o.qs = NULL;
            o.q = 0.3;
            w = nan ? nd_nanquantile_(g, &o) : nd_quantile_(g, &o);
            r = nan ? nd_dist_nanquantile(x, &o) : nd_dist_quantile(x, &o);
            ok &= same(nan ? "nanquantile" : "quantile", r, w, x, axis, m);
            nd_free(w);
            nd_dist_free(r);
        }
    for (int nan = 0; nan < 2; nan++) {
        nd_median_opts mo = ND_MEDIAN_DEFAULTS;
        mo.axis = axis;
        nd_array *w = nan ? nd_nanmedian_(g, &mo) : nd_median_(g, &mo);
        nd_dist *r = nan ? nd_dist_nanmedian(x, axis) : nd_dist_median(x, axis);
        ok &= same(nan ? "nanmedian" : "median", r, w, x, axis, -1);
        nd_free(w);
        nd_dist_free(r);
    }
    nd_free(qs);
    nd_free(qq);
    nd_dist_free(x);
    return ok;
}

static void test_select_1d(void)
{
    static const nd_dtype dts[] = { ND_FLOAT64, ND_FLOAT32, ND_INT32, ND_UINT8 };
    static const ptrdiff_t sizes[] = { 0, 1, 2, 3, 7, 257, 9001 };
    for (size_t d = 0; d < sizeof dts / sizeof dts[0]; d++)
        for (size_t k = 0; k < sizeof sizes / sizeof sizes[0]; k++) {
            bool fl = nd_dtype_is_float(dts[d]);
            nd_array *g = values(sizes[k], dts[d], (unsigned)(d * 17 + k), k % 2 ? 6 : 100000, fl && k % 3 == 1);
            CU_ASSERT(check_all(g, NULL, ND_AXIS_NONE, false));
            nd_free(g);
        }
}

/* Larger than the gather threshold: many selection rounds; NaN-free and with NaNs. */
static void test_select_large(void)
{
    nd_dist *x = nd_dist_random_normal(MPI_COMM_WORLD, 7, 0, 1, ND_SHAPE(200003), ND_FLOAT64, NULL);
    nd_array *g = x ? nd_dist_allgather(x) : NULL;
    nd_dist_free(x);
    CU_ASSERT(g && check_all(g, NULL, ND_AXIS_NONE, false));
    nd_array *d = values(30001, ND_FLOAT64, 3, 1000, true), *i = values(30001, ND_INT64, 4, 50, false);
    CU_ASSERT(check_all(d, NULL, ND_AXIS_NONE, true));
    CU_ASSERT(check_all(i, NULL, 0, false));
    nd_free(g);
    nd_free(d);
    nd_free(i);
}

/* N-D: over everything, the distributed axis, another axis; BLOCK, CYCLIC2D, REPLICATED. */
static void test_select_nd(void)
{
    static const ptrdiff_t s1[] = { 37, 5 }, s2[] = { 3, 700 }, s3[] = { 5, 6, 7 };
    const struct {
        int nd;
        const ptrdiff_t *s;
    } shapes[] = { { 2, s1 }, { 2, s2 }, { 3, s3 } };
    for (size_t i = 0; i < sizeof shapes / sizeof shapes[0]; i++) {
        ptrdiff_t n = 1;
        for (int k = 0; k < shapes[i].nd; k++) n *= shapes[i].s[k];
        nd_array *flat = values(n, ND_FLOAT64, (unsigned)i + 40, i == 1 ? 100000 : 20, i != 1);
        nd_array *g = nd_reshape(flat, shapes[i].nd, shapes[i].s);
        for (int dax = 0; dax < shapes[i].nd; dax++) {
            nd_distribution b = nd_dist_block(dax);
            for (int ax = -1; ax < shapes[i].nd; ax++)
                CU_ASSERT(check_all(g, &b, ax < 0 ? ND_AXIS_NONE : ax, ax == 1));
        }
        if (shapes[i].nd == 2) {
            nd_distribution c = nd_dist_cyclic2d(0, 0, 4, 3);
            for (int ax = -1; ax < 2; ax++) CU_ASSERT(check_all(g, &c, ax < 0 ? ND_AXIS_NONE : ax, false));
            nd_distribution r = nd_dist_replicated();
            CU_ASSERT(check_all(g, &r, 1, false));
        }
        nd_free(flat);
        nd_free(g);
    }
}

/* Bad input on one rank: the same error on every rank. */
static void test_select_errors(void)
{
    nd_dist *x = nd_dist_ones(MPI_COMM_WORLD, ND_SHAPE(10), ND_FLOAT64, NULL);
    nd_quantile_opts o = ND_QUANTILE_DEFAULTS;
    o.q = mpi_rank == mpi_size - 1 ? 101 : 50;
    nd_dist *r = nd_dist_percentile(x, &o);
    CU_ASSERT_PTR_NULL(r);
    CU_ASSERT_EQUAL(nd_last_error(), ND_EVALUE);
    char want[64];
    snprintf(want, sizeof want, "rank %d: nd_dist_percentile: Percentiles", mpi_size - 1);
    CU_ASSERT(strstr(nd_errmsg(), want) != NULL);
    o.q = mpi_rank == 0 ? 10 : 20; /* differs between ranks */
    r = nd_dist_percentile(x, &o);
    CU_ASSERT_EQUAL(r == NULL, mpi_size > 1);
    nd_dist_free(r);
    CU_ASSERT_PTR_NULL(nd_dist_median(x, 3));
    CU_ASSERT_EQUAL(nd_last_error(), ND_EAXIS);
    CU_ASSERT_PTR_NULL(nd_dist_quantile(x, NULL));
    nd_dist *z = nd_dist_zeros(MPI_COMM_WORLD, ND_SHAPE(4), ND_COMPLEX128, NULL);
    CU_ASSERT_PTR_NULL(nd_dist_median(z, ND_AXIS_NONE));
    CU_ASSERT_EQUAL(nd_last_error(), ND_EDTYPE);
    nd_dist_free(z);
    nd_dist_free(x);
}

static const ND_TEST tests[] = {
    ND_T(test_select_1d),
    ND_T(test_select_large),
    ND_T(test_select_nd),
    ND_T(test_select_errors),
    { 0 },
};

ND_MPI_TEST_MAIN("mpi_select", tests)
