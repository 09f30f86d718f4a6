/* Creating distributed arrays: ranges equal to nd_arange / nd_linspace bit for bit,
 * functions of the global index, element access, casts, and random arrays that are the
 * same global array for any rank count and distribution and equal NumPy's streams
 * (fixtures from scripts/gen_mpi_fixtures.py). */
#include "test_mpi_util.h"

#define FIX NUMC_TEST_DATA "/mpi/"

static void check_gathered(nd_dist *d, nd_array *want, const char *what)
{
    nd_array *g = d ? nd_dist_allgather(d) : NULL;
    int same = test_same_bits(g, want);
    if (!same && mpi_rank == 0) printf("\n  %s differs%s%s\n", what, d ? "" : ": ", d ? "" : nd_errmsg());
    CU_ASSERT(same);
    nd_free(g);
}

static void test_arange_linspace(void)
{
    nd_distribution rep = nd_dist_replicated(), big = nd_dist_block(0);
    big.block = 9; /* with more than one rank the last ranks hold nothing */
    const nd_distribution *dists[] = { NULL, &rep };
    for (int i = 0; i < 2; i++) {
        const nd_distribution *ds = dists[i];
        nd_dist *a = nd_dist_arange(MPI_COMM_WORLD, 0.1, 7.3, 0.3, ND_FLOAT64, ds);
        nd_array *w = nd_arange(0.1, 7.3, 0.3, ND_FLOAT64);
        check_gathered(a, w, "arange f64");
        nd_dist_free(a);
        nd_free(w);
        a = nd_dist_arange(MPI_COMM_WORLD, -3, 20, 2, ND_INT16, ds);
        w = nd_arange(-3, 20, 2, ND_INT16);
        check_gathered(a, w, "arange i16");
        nd_dist_free(a);
        nd_free(w);
        a = nd_dist_arange(MPI_COMM_WORLD, 5, 1, 1, ND_FLOAT32, ds); /* empty */
        w = nd_arange(5, 1, 1, ND_FLOAT32);
        check_gathered(a, w, "arange empty");
        nd_dist_free(a);
        nd_free(w);
        static const ptrdiff_t nums[] = { 0, 1, 2, 11, 50 };
        for (int k = 0; k < 5; k++)
            for (int ep = 0; ep < 2; ep++) {
                a = nd_dist_linspace(MPI_COMM_WORLD, -1.5, 2.25, nums[k], ep, ND_FLOAT64, ds);
                w = nd_linspace(-1.5, 2.25, .num = nums[k], .no_endpoint = !ep);
                check_gathered(a, w, "linspace");
                nd_dist_free(a);
                nd_free(w);
            }
        a = nd_dist_linspace(MPI_COMM_WORLD, 0, 1e-320, 7, true, ND_FLOAT64, ds); /* step underflows */
        w = nd_linspace(0, 1e-320, .num = 7);
        check_gathered(a, w, "linspace tiny");
        nd_dist_free(a);
        nd_free(w);
        a = nd_dist_linspace(MPI_COMM_WORLD, -3, 9, 13, true, ND_INT32, ds);
        w = nd_linspace(-3, 9, .num = 13, .dtype = ND_INT32);
        check_gathered(a, w, "linspace int32");
        nd_dist_free(a);
        nd_free(w);
    }
    nd_dist *a = nd_dist_arange(MPI_COMM_WORLD, 0, 9, 1, ND_FLOAT64, &big);
    nd_array *w = nd_arange(0, 9, 1, ND_FLOAT64);
    check_gathered(a, w, "arange with block 9");
    nd_dist_free(a);
    nd_free(w);
    /* errors agree */
    a = nd_dist_arange(MPI_COMM_WORLD, 0, 1, mpi_rank == mpi_size - 1 ? 0 : 1, ND_FLOAT64, NULL);
    CU_ASSERT_PTR_NULL(a);
    char want[64];
    snprintf(want, sizeof want, "rank %d: nd_dist_arange: step must be", mpi_size - 1);
    CU_ASSERT_EQUAL(strncmp(nd_errmsg(), want, strlen(want)), 0);
    a = nd_dist_linspace(MPI_COMM_WORLD, 0, 1, -2, true, ND_FLOAT64, NULL);
    CU_ASSERT_PTR_NULL(a);
    CU_ASSERT_PTR_NOT_NULL(strstr(nd_errmsg(), "must be non-negative"));
    nd_distribution c = nd_dist_cyclic2d(0, 0, 0, 0);
    a = nd_dist_arange(MPI_COMM_WORLD, 0, 4, 1, ND_FLOAT64, &c);
    CU_ASSERT_PTR_NULL(a);
    CU_ASSERT_PTR_NOT_NULL(strstr(nd_errmsg(), "needs a 2-D array"));
}

static nd_scalar index_fn(const ptrdiff_t *g, int ndim, void *ctx)
{
    double v = *(double *)ctx;
    for (int k = 0; k < ndim; k++) v = v * 100 + (double)g[k];
    return ND_F64(v);
}

static void test_fromfunction_get_set(void)
{
    double base = 7;
    nd_distribution dists[3] = { nd_dist_block(1), nd_dist_cyclic2d(0, 0, 2, 3), nd_dist_replicated() };
    nd_array *w = nd_fromfunction(ND_SHAPE(9, 11), ND_FLOAT64, index_fn, &base);
    for (int i = 0; i < 3; i++) {
        nd_dist *d = nd_dist_fromfunction(MPI_COMM_WORLD, ND_SHAPE(9, 11), ND_FLOAT64, &dists[i], index_fn, &base);
        check_gathered(d, w, "fromfunction");
        nd_scalar s;
        CU_ASSERT_EQUAL(nd_dist_get(d, (const ptrdiff_t[]){ 8, 4 }, &s), ND_OK);
        CU_ASSERT_EQUAL(s.v.f, 70804.0);
        CU_ASSERT_EQUAL(nd_dist_set(d, (const ptrdiff_t[]){ 3, 10 }, ND_F64(-1)), ND_OK);
        CU_ASSERT_EQUAL(nd_dist_get(d, (const ptrdiff_t[]){ 3, 10 }, &s), ND_OK);
        CU_ASSERT_EQUAL(s.v.f, -1.0);
        CU_ASSERT_EQUAL(nd_dist_get(d, (const ptrdiff_t[]){ 9, 0 }, &s), ND_EINDEX);
        nd_dist *i32 = nd_dist_astype(d, ND_INT32, ND_CAST_UNSAFE);
        nd_array *g = i32 ? nd_dist_allgather(i32) : NULL;
        CU_ASSERT(g && nd_dtype_of(g) == ND_INT32 && nd_get_i64(g, ND_IDX(3, 10)) == -1 &&
                  nd_get_i64(g, ND_IDX(2, 5)) == 70205);
        CU_ASSERT_EQUAL(nd_dist_fill(i32, ND_I64(4)), ND_OK);
        nd_scalar f;
        CU_ASSERT(nd_dist_get(i32, (const ptrdiff_t[]){ 0, 0 }, &f) == ND_OK && f.v.i == 4);
        nd_dist *bad = nd_dist_astype(d, ND_INT32, ND_CAST_SAFE);
        CU_ASSERT_PTR_NULL(bad);
        CU_ASSERT_EQUAL(nd_last_error(), ND_EDTYPE);
        nd_free(g);
        nd_dist_free(i32);
        nd_dist_free(d);
    }
    nd_free(w);
    nd_dist *d = nd_dist_fromfunction(MPI_COMM_WORLD, ND_SHAPE(3), ND_FLOAT64, NULL, NULL, NULL);
    CU_ASSERT_PTR_NULL(d);
    CU_ASSERT_PTR_NOT_NULL(strstr(nd_errmsg(), "the function is NULL"));
}

/* The values at the fixture's indices of a distributed random array (every rank). */
static void check_random(nd_dist *d, const char *name)
{
    nd_array *idx = test_load_npy(FIX, "", "random_index"), *want = test_load_npy(FIX, "", name);
    nd_array *g = d ? nd_dist_allgather(d) : NULL;
    nd_array *flat = g ? nd_ravel(g) : NULL;
    nd_array *got = flat && idx ? nd_take(flat, idx, 0) : NULL;
    int same = test_same_bits(got, want);
    if (!same && mpi_rank == 0) printf("\n  random %s differs from NumPy's\n", name);
    CU_ASSERT(same);
    nd_free(idx);
    nd_free(want);
    nd_free(g);
    nd_free(flat);
    nd_free(got);
}

static void test_random_numpy_streams(void)
{
    const uint64_t seed = 20261207;
    ptrdiff_t n = 150001;
    nd_distribution rep = nd_dist_replicated();
    const nd_distribution *ds[] = { NULL, &rep };
    for (int i = 0; i < 2; i++) {
        nd_dist *d = nd_dist_random(MPI_COMM_WORLD, seed, 1, &n, ND_FLOAT64, ds[i]);
        check_random(d, "random_f64");
        nd_dist_free(d);
        d = nd_dist_random(MPI_COMM_WORLD, seed, 1, &n, ND_FLOAT32, ds[i]);
        check_random(d, "random_f32");
        nd_dist_free(d);
        d = nd_dist_random_uniform(MPI_COMM_WORLD, seed, -2, 3, 1, &n, ND_FLOAT64, ds[i]);
        check_random(d, "uniform");
        nd_dist_free(d);
        d = nd_dist_random_normal(MPI_COMM_WORLD, seed, 1, 2, 1, &n, ND_FLOAT64, ds[i]);
        check_random(d, "normal");
        nd_dist_free(d);
        d = nd_dist_random_integers(MPI_COMM_WORLD, seed, -5, 17, false, 1, &n, ND_INT64, ds[i]);
        check_random(d, "integers_i64");
        nd_dist_free(d);
        d = nd_dist_random_integers(MPI_COMM_WORLD, seed, -5, 17, true, 1, &n, ND_INT16, ds[i]);
        check_random(d, "integers_i16");
        nd_dist_free(d);
    }
    nd_dist *d = nd_dist_random(MPI_COMM_WORLD, seed, 1, &n, ND_INT32, NULL);
    CU_ASSERT_PTR_NULL(d);
    CU_ASSERT_EQUAL(nd_last_error(), ND_EDTYPE);
}

/* A 2-D normal array: the same global array in every distribution (and so, as ctest runs
 * this for 1..4 ranks, for every rank count; with one rank it is the single stream). */
static void test_random_any_distribution(void)
{
    nd_distribution dists[4] = { nd_dist_block(0), nd_dist_block(1), nd_dist_cyclic2d(0, 0, 5, 7),
                                 nd_dist_replicated() };
    nd_array *ref = NULL;
    for (int i = 0; i < 4; i++) {
        nd_dist *d = nd_dist_random_normal(MPI_COMM_WORLD, 5, 0, 1, ND_SHAPE(301, 257), ND_FLOAT64, &dists[i]);
        CU_ASSERT(d && nd_dist_get_kind(d) == dists[i].kind);
        nd_array *g = d ? nd_dist_allgather(d) : NULL;
        if (i == 0) ref = g;
        else {
            CU_ASSERT(test_same_bits(g, ref));
            nd_free(g);
        }
        nd_dist_free(d);
    }
    /* The first block is default_rng(SeedSequence(5).spawn(1)[0]): numc's own generator. */
    nd_rng *root = nd_rng_new(5), *child = NULL;
    CU_ASSERT_EQUAL(nd_rng_spawn(root, 1, &child), ND_OK);
    nd_array *first = child ? nd_rng_normal(child, 0, 1, ND_SHAPE(1000)) : NULL;
    nd_array *flat = ref ? nd_ravel(ref) : NULL;
    nd_index ix = ND_SLICE(0, 1000, 1);
    nd_array *head = flat ? nd_slice(flat, 1, &ix) : NULL;
    CU_ASSERT(test_same_bits(head, first));
    /* and the second (short) block is child 1 */
    nd_rng *kids[3] = { 0 }, *root2 = nd_rng_new(5);
    CU_ASSERT_EQUAL(nd_rng_spawn(root2, 3, kids), ND_OK);
    ptrdiff_t rest = 301 * 257 - ND_DIST_RANDOM_BLOCK;
    nd_array *third = kids[1] ? nd_rng_normal(kids[1], 0, 1, 1, &rest) : NULL;
    nd_index ix3 = ND_SLICE(ND_DIST_RANDOM_BLOCK, ND_NONE, 1);
    nd_array *tail = flat ? nd_slice(flat, 1, &ix3) : NULL;
    CU_ASSERT(test_same_bits(tail, third));
    for (int i = 0; i < 3; i++) nd_rng_free(kids[i]);
    nd_rng_free(root2);
    nd_free(third);
    nd_free(tail);
    nd_free(head);
    nd_free(flat);
    nd_free(first);
    nd_rng_free(child);
    nd_rng_free(root);
    nd_free(ref);
}

static const ND_TEST tests[] = {
    ND_T(test_arange_linspace),
    ND_T(test_fromfunction_get_set),
    ND_T(test_random_numpy_streams),
    ND_T(test_random_any_distribution),
    { 0 },
};

ND_MPI_TEST_MAIN("mpi_create", tests)
