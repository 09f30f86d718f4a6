/* Distributed sort / argsort equal numc's stable sort of the gathered array bit for bit, for
 * every rank count (1..4), every dtype, duplicates, NaNs, signed zeros, empty ranks (n < P)
 * and odd sizes; bad input gives the same error on every rank. */
#include <math.h>

#include "test_mpi_util.h"

/* Deterministic data (the same on every rank): xorshift values with many duplicates (mod
 * `distinct`), some NaNs and signed zeros for floats. */
static nd_array *data(ptrdiff_t n, nd_dtype dt, unsigned seed, int distinct, bool specials)
{
    nd_array *f = (nd_empty)(1, &n, ND_FLOAT64);
    double *v = nd_data(f);
    unsigned long long x = 0x9E3779B97F4A7C15ULL ^ ((unsigned long long)seed * 0x100000001B3ULL);
    for (ptrdiff_t i = 0; i < n; i++) {
        x ^= x << 13;
        x ^= x >> 7;
        x ^= x << 17;
        long long k = (long long)(x % (unsigned long long)distinct) - distinct / 3;
        v[i] = nd_dtype_is_float(dt) || nd_dtype_is_complex(dt) ? (double)k / 7.0 : (double)k;
        if (specials && (x >> 20) % 11 == 0) v[i] = NAN;
        if (specials && (x >> 20) % 13 == 1) v[i] = (x >> 30) % 2 ? -0.0 : 0.0;
    }
    if (nd_dtype_is_complex(dt)) { /* imaginary parts from another stream */
        nd_array *im = data(n, ND_FLOAT64, seed + 77, 3, specials);
        nd_array *z = (nd_empty)(1, &n, ND_COMPLEX128);
        double *zd = nd_data(z), *id = nd_data(im);
        for (ptrdiff_t i = 0; i < n; i++) {
            zd[2 * i] = v[i];
            zd[2 * i + 1] = id[i];
        }
        nd_free(im);
        nd_free(f);
        f = z;
    }
    nd_array *c = nd_astype(f, dt, ND_CAST_UNSAFE);
    nd_free(f);
    return c;
}

static int check_sort(const nd_array *g, const nd_distribution *dist, int axis)
{
    nd_dist *x = nd_dist_scatter(MPI_COMM_WORLD, 0, mpi_rank == 0 ? g : NULL, dist);
    if (!x) return 0;
    nd_dist *s = nd_dist_sort(x, axis), *i = nd_dist_argsort(x, axis);
    nd_array *gs = s ? nd_dist_allgather(s) : NULL, *gi = i ? nd_dist_allgather(i) : NULL;
    nd_array *ws = (nd_sort)(g, axis, ND_SORT_STABLE), *wi = (nd_argsort)(g, axis, ND_SORT_STABLE);
    int ok = test_same_bits(gs, ws) && test_same_bits(gi, wi);
    if (!ok && mpi_rank == 0) {
        char b[200];
        printf("\n  sort axis %d of %s differs (%s)\n", axis, nd_dist_describe(x, b, sizeof b),
               s && i ? "values" : nd_errmsg());
    }
    if (ok && axis == ND_AXIS_NONE && nd_dist_get_kind(x) != ND_DIST_REPLICATED)
        ok = nd_dist_get_kind(s) == ND_DIST_BLOCK && nd_dist_distribution(s).block ==
             (nd_size(g) + mpi_size - 1) / mpi_size + (nd_size(g) == 0);
    nd_free(gs);
    nd_free(gi);
    nd_free(ws);
    nd_free(wi);
    nd_dist_free(s);
    nd_dist_free(i);
    nd_dist_free(x);
    return ok;
}

static void test_sort_1d_dtypes(void)
{
    static const nd_dtype dts[] = { ND_BOOL,   ND_INT8,    ND_INT16,   ND_INT32,     ND_INT64,
                                    ND_UINT8,  ND_UINT16,  ND_UINT32,  ND_UINT64,    ND_FLOAT32,
                                    ND_FLOAT64, ND_COMPLEX64, ND_COMPLEX128 };
    static const ptrdiff_t sizes[] = { 0, 1, 2, 3, 5, 7, 64, 257, 1001, 20011 };
    for (size_t d = 0; d < sizeof dts / sizeof dts[0]; d++)
        for (size_t k = 0; k < sizeof sizes / sizeof sizes[0]; k++) {
            bool fl = nd_dtype_is_float(dts[d]) || nd_dtype_is_complex(dts[d]);
            nd_array *g = data(sizes[k], dts[d], (unsigned)(d * 31 + k), k % 2 ? 5 : 1000, fl);
            CU_ASSERT(check_sort(g, NULL, ND_AXIS_NONE));
            CU_ASSERT(check_sort(g, NULL, 0));
            nd_free(g);
        }
}

/* All-equal keys, sorted and reverse-sorted input, a non-default block size, replicated. */
static void test_sort_1d_shapes(void)
{
    ptrdiff_t n = 4099;
    nd_array *same = (nd_full)(1, &n, ND_FLOAT64, ND_F64(2.5));
    nd_array *up = nd_arange(0, 4099, 1, ND_FLOAT64), *down = nd_arange(4099, 0, -1, ND_INT32);
    CU_ASSERT(check_sort(same, NULL, 0));
    CU_ASSERT(check_sort(up, NULL, 0));
    CU_ASSERT(check_sort(down, NULL, 0));
    nd_distribution b = nd_dist_block(0);
    b.block = n; /* everything on rank 0 */
    CU_ASSERT(check_sort(down, &b, 0));
    nd_distribution r = nd_dist_replicated();
    CU_ASSERT(check_sort(down, &r, 0));
    nd_free(same);
    nd_free(up);
    nd_free(down);
}

/* N-D: flattened, along the distributed axis, along another axis; every layout. */
static void test_sort_nd(void)
{
    static const ptrdiff_t s1[] = { 37, 5 }, s2[] = { 3, 41 }, s3[] = { 1, 300 }, s4[] = { 6, 7, 9 };
    const struct {
        int nd;
        const ptrdiff_t *s;
    } shapes[] = { { 2, s1 }, { 2, s2 }, { 2, s3 }, { 3, s4 } };
    for (size_t i = 0; i < sizeof shapes / sizeof shapes[0]; i++) {
        ptrdiff_t n = 1;
        for (int k = 0; k < shapes[i].nd; k++) n *= shapes[i].s[k];
        nd_array *flat = data(n, ND_FLOAT64, (unsigned)i + 5, 50, true);
        nd_array *g = nd_reshape(flat, shapes[i].nd, shapes[i].s);
        for (int dax = 0; dax < shapes[i].nd; dax++) {
            nd_distribution b = nd_dist_block(dax);
            for (int ax = -1; ax < shapes[i].nd; ax++)
                CU_ASSERT(check_sort(g, &b, ax < 0 ? ND_AXIS_NONE : ax));
        }
        if (shapes[i].nd == 2) {
            nd_distribution c = nd_dist_cyclic2d(0, 0, 4, 3);
            for (int ax = -1; ax < 2; ax++) CU_ASSERT(check_sort(g, &c, ax < 0 ? ND_AXIS_NONE : ax));
        }
        nd_free(flat);
        nd_free(g);
    }
}

/* Random data from the distributed generator: the same global array for any rank count. */
static void test_sort_random(void)
{
    nd_dist *x = nd_dist_random_normal(MPI_COMM_WORLD, 42, 0, 1, ND_SHAPE(100003), ND_FLOAT64, NULL);
    nd_array *g = x ? nd_dist_allgather(x) : NULL;
    CU_ASSERT_PTR_NOT_NULL_FATAL(g);
    nd_dist *s = nd_dist_sort(x, 0), *i = nd_dist_argsort(x, ND_AXIS_NONE);
    nd_array *gs = nd_dist_allgather(s), *gi = nd_dist_allgather(i);
    nd_array *ws = (nd_sort)(g, 0, ND_SORT_STABLE), *wi = (nd_argsort)(g, 0, ND_SORT_STABLE);
    CU_ASSERT(test_same_bits(gs, ws));
    CU_ASSERT(test_same_bits(gi, wi));
    nd_free(g);
    nd_free(gs);
    nd_free(gi);
    nd_free(ws);
    nd_free(wi);
    nd_dist_free(s);
    nd_dist_free(i);
    nd_dist_free(x);
}

/* Bad input: the same error on every rank, no hang. */
static void test_sort_errors(void)
{
    nd_dist *x = nd_dist_zeros(MPI_COMM_WORLD, ND_SHAPE(10, 3), ND_FLOAT64, NULL);
    CU_ASSERT_PTR_NULL(nd_dist_sort(x, 2));
    CU_ASSERT_EQUAL(nd_last_error(), ND_EAXIS);
    /* a bad axis on the last rank only: its error, on every rank */
    CU_ASSERT_PTR_NULL(nd_dist_argsort(x, mpi_rank == mpi_size - 1 ? 5 : 0));
    CU_ASSERT_EQUAL(nd_last_error(), ND_EAXIS);
    char want[40];
    snprintf(want, sizeof want, "rank %d: nd_dist_argsort", mpi_size - 1);
    CU_ASSERT(strstr(nd_errmsg(), want) != NULL);
    CU_ASSERT_PTR_NULL(nd_dist_argsort(NULL, 0));
    CU_ASSERT_EQUAL(nd_last_error(), ND_EVALUE);
    /* the axis differs on the last rank: rank 0's comparison reports it everywhere */
    nd_dist *r = nd_dist_sort(x, mpi_rank == mpi_size - 1 && mpi_size > 1 ? 1 : 0);
    if (mpi_size > 1) {
        CU_ASSERT_PTR_NULL(r);
        CU_ASSERT_EQUAL(nd_last_error(), ND_EVALUE);
        CU_ASSERT(strstr(nd_errmsg(), "the axis differs") != NULL);
    } else {
        CU_ASSERT_PTR_NOT_NULL(r);
    }
    nd_dist_free(r);
    nd_dist_free(x);
}

static const ND_TEST tests[] = {
    ND_T(test_sort_1d_dtypes),
    ND_T(test_sort_1d_shapes),
    ND_T(test_sort_nd),
    ND_T(test_sort_random),
    ND_T(test_sort_errors),
    { 0 },
};

ND_MPI_TEST_MAIN("mpi_sort", tests)
