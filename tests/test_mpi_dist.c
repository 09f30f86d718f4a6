/* nd_dist: layouts, accessors, scatter / gather / redistribution round trips and the
 * collective error agreement, for every rank count ctest runs (1..4). */
#include "test_mpi_util.h"

/* The global test array: 0, 1, 2, ... in the given shape and dtype. */
static nd_array *iota(int ndim, const ptrdiff_t *shape, nd_dtype dt)
{
    ptrdiff_t n = 1;
    for (int k = 0; k < ndim; k++) n *= shape[k];
    nd_array *r = nd_arange(0, (double)n, 1, ND_FLOAT64);
    nd_array *t = nd_astype(r, dt, ND_CAST_UNSAFE);
    nd_array *a = nd_reshape(t, ndim, shape);
    nd_free(r);
    nd_free(t);
    return a;
}

static void test_block_layout(void)
{
    /* FFTW's default block: b = ceil(n / P); rank r owns [r b, min(n, (r+1) b)). */
    ptrdiff_t n = 10;
    nd_dist *d = nd_dist_zeros(MPI_COMM_WORLD, ND_SHAPE(n, 3), ND_FLOAT64, NULL);
    CU_ASSERT_PTR_NOT_NULL(d);
    if (!d) return;
    ptrdiff_t b = (n + mpi_size - 1) / mpi_size;
    nd_distribution r = nd_dist_distribution(d);
    CU_ASSERT_EQUAL(r.kind, ND_DIST_BLOCK);
    CU_ASSERT_EQUAL(r.axis, 0);
    CU_ASSERT_EQUAL(r.block, b);
    CU_ASSERT_EQUAL(nd_dist_size(d), 30);
    CU_ASSERT_EQUAL(nd_dist_ndim(d), 2);
    CU_ASSERT_EQUAL(nd_dist_shape(d)[0], n);
    ptrdiff_t total = 0;
    for (int q = 0; q < mpi_size; q++) {
        ptrdiff_t lo, hi;
        CU_ASSERT_EQUAL(nd_dist_range(d, q, &lo, &hi), ND_OK);
        CU_ASSERT_EQUAL(lo, q * b < n ? q * b : n);
        CU_ASSERT_EQUAL(hi, (q + 1) * b < n ? (q + 1) * b : n);
        total += hi - lo;
    }
    CU_ASSERT_EQUAL(total, n);
    nd_array *mine = nd_dist_local(d);
    ptrdiff_t lo, hi;
    CU_ASSERT_EQUAL(nd_dist_range(d, mpi_rank, &lo, &hi), ND_OK);
    CU_ASSERT_EQUAL(nd_shape(mine)[0], hi - lo);
    CU_ASSERT_EQUAL(nd_shape(mine)[1], 3);
    CU_ASSERT_EQUAL(nd_dist_local_offset(d)[0], lo);
    CU_ASSERT(nd_is_c_contiguous(mine));
    /* owner and index maps */
    for (ptrdiff_t i = 0; i < n; i++) {
        ptrdiff_t g[2] = { i, 2 }, l[2] = { -1, -1 }, back[2];
        CU_ASSERT_EQUAL(nd_dist_owner(d, g), (int)(i / b));
        bool here = nd_dist_global_to_local(d, g, l);
        CU_ASSERT_EQUAL(here, i >= lo && i < hi);
        if (here) {
            CU_ASSERT_EQUAL(l[0], i - lo);
            CU_ASSERT_EQUAL(nd_dist_local_to_global(d, l, back), ND_OK);
            CU_ASSERT(back[0] == i && back[1] == 2);
        }
    }
    ptrdiff_t bad[2] = { n, 0 };
    CU_ASSERT_EQUAL(nd_dist_owner(d, bad), -1);
    CU_ASSERT_EQUAL(nd_last_error(), ND_EINDEX);
    nd_dist_free(d);
}

static void test_cyclic_layout(void)
{
    nd_distribution c = nd_dist_cyclic2d(0, 0, 2, 3);
    nd_dist *d = nd_dist_zeros(MPI_COMM_WORLD, ND_SHAPE(7, 8), ND_FLOAT64, &c);
    CU_ASSERT_PTR_NOT_NULL(d);
    if (!d) return;
    nd_distribution r = nd_dist_distribution(d);
    CU_ASSERT_EQUAL(r.pr * r.pc, mpi_size);
    CU_ASSERT(r.pr <= r.pc);
    CU_ASSERT(r.mb == 2 && r.nb == 3);
    nd_array *mine = nd_dist_local(d);
    CU_ASSERT(nd_is_f_contiguous(mine));
    ptrdiff_t lld = nd_dist_lld(d);
    CU_ASSERT_EQUAL(lld, nd_shape(mine)[0] > 1 ? nd_shape(mine)[0] : 1);
    /* Every element has exactly one owner and the local pieces add up. */
    ptrdiff_t mine_count = 0;
    for (ptrdiff_t i = 0; i < 7; i++)
        for (ptrdiff_t j = 0; j < 8; j++) {
            ptrdiff_t g[2] = { i, j }, l[2], back[2];
            int own = nd_dist_owner(d, g);
            CU_ASSERT_EQUAL(own, (int)(((i / 2) % r.pr) * r.pc + (j / 3) % r.pc));
            if (nd_dist_global_to_local(d, g, l)) {
                mine_count++;
                CU_ASSERT_EQUAL(own, mpi_rank);
                CU_ASSERT_EQUAL(nd_dist_local_to_global(d, l, back), ND_OK);
                CU_ASSERT(back[0] == i && back[1] == j);
            }
        }
    CU_ASSERT_EQUAL(mine_count, nd_size(mine));
    CU_ASSERT_EQUAL(nd_dist_range(d, 0, &(ptrdiff_t){ 0 }, &(ptrdiff_t){ 0 }), ND_EVALUE);
    nd_dist_free(d);
}

/* Scatter 0..n-1 from rank 0 (or the last rank), check each piece against the layout,
 * gather it back, redistribute through every other layout and gather again. */
static void roundtrip(int ndim, const ptrdiff_t *shape, nd_dtype dt, const nd_distribution *dist)
{
    int root = mpi_size - 1;
    nd_array *g = mpi_rank == root ? iota(ndim, shape, dt) : NULL;
    nd_dist *d = nd_dist_scatter(MPI_COMM_WORLD, root, g, dist);
    CU_ASSERT_PTR_NOT_NULL(d);
    if (!d) {
        printf("\n  %s\n", nd_errmsg());
        nd_free(g);
        return;
    }
    nd_array *mine = nd_dist_local(d);
    nd_array *full = nd_dist_allgather(d);
    CU_ASSERT_PTR_NOT_NULL(full);
    /* Each local element holds its global flat index. */
    ptrdiff_t ls = nd_size(mine);
    int ok = 1;
    for (ptrdiff_t f = 0; f < ls && full; f++) {
        ptrdiff_t l[ND_MAXDIMS], gi[ND_MAXDIMS], rem = f;
        for (int k = ndim - 1; k >= 0; k--) {
            l[k] = rem % nd_shape(mine)[k];
            rem /= nd_shape(mine)[k];
        }
        if (nd_dist_local_to_global(d, l, gi) != ND_OK) ok = 0;
        ptrdiff_t flat = 0;
        for (int k = 0; k < ndim; k++) flat = flat * shape[k] + gi[k];
        double re = 0, im = 0;
        if (nd_dtype_is_complex(dt)) (void)nd_get_c128(mine, ndim, l, &re, &im);
        else re = nd_get_f64(mine, ndim, l);
        if (re != (double)flat) ok = 0;
    }
    CU_ASSERT(ok);
    nd_array *back = NULL;
    CU_ASSERT_EQUAL(nd_dist_gather(d, root, &back), ND_OK);
    if (mpi_rank == root) {
        CU_ASSERT(test_same_bits(back, g));
    } else {
        CU_ASSERT_PTR_NULL(back);
    }
    nd_array *ref = iota(ndim, shape, dt);
    CU_ASSERT(test_same_bits(full, ref));
    /* through the other layouts */
    nd_distribution to[4];
    int nto = 0;
    for (int ax = 0; ax < ndim; ax++) to[nto++] = nd_dist_block(ax);
    if (ndim == 2) to[nto++] = nd_dist_cyclic2d(0, 0, 2, 1);
    to[nto++] = nd_dist_replicated();
    for (int t = 0; t < nto && t < 4; t++) {
        nd_dist *e = nd_dist_redistribute(d, &to[t]);
        CU_ASSERT_PTR_NOT_NULL(e);
        nd_array *eg = e ? nd_dist_allgather(e) : NULL;
        CU_ASSERT(test_same_bits(eg, ref));
        nd_free(eg);
        nd_dist *f = e ? nd_dist_redistribute(e, dist) : NULL;
        nd_array *fg = f ? nd_dist_allgather(f) : NULL;
        CU_ASSERT(test_same_bits(fg, ref));
        CU_ASSERT(f && test_same_bits(nd_dist_local(f), nd_dist_local(d)));
        nd_free(fg);
        nd_dist_free(f);
        nd_dist_free(e);
    }
    nd_free(ref);
    nd_free(back);
    nd_free(full);
    nd_free(g);
    nd_dist_free(d);
}

static void test_scatter_gather_block(void)
{
    nd_distribution b0 = nd_dist_block(0), b1 = nd_dist_block(1), bl = nd_dist_block(-1);
    roundtrip(ND_SHAPE(1), ND_FLOAT64, &b0);
    roundtrip(ND_SHAPE(11), ND_INT32, NULL);
    roundtrip(ND_SHAPE(5, 7), ND_FLOAT64, &b0);
    roundtrip(ND_SHAPE(5, 7), ND_INT64, &b1);
    roundtrip(ND_SHAPE(3, 2, 5), ND_FLOAT32, &bl);
    roundtrip(ND_SHAPE(0, 4), ND_FLOAT64, &b0);
    nd_distribution big = nd_dist_block(0);
    big.block = 4; /* a given block: 4 * P >= 3 */
    roundtrip(ND_SHAPE(3), ND_UINT8, &big);
}

static void test_scatter_gather_cyclic(void)
{
    nd_distribution c = nd_dist_cyclic2d(0, 0, 2, 3), c1 = nd_dist_cyclic2d(0, 0, 1, 1);
    roundtrip(ND_SHAPE(7, 8), ND_FLOAT64, &c);
    roundtrip(ND_SHAPE(5, 3), ND_COMPLEX128, &c1);
    roundtrip(ND_SHAPE(1, 1), ND_FLOAT64, NULL);
    nd_distribution rev = nd_dist_cyclic2d(mpi_size, 1, 3, 2);
    roundtrip(ND_SHAPE(9, 4), ND_INT16, &rev);
}

static void test_replicated(void)
{
    nd_distribution r = nd_dist_replicated();
    roundtrip(ND_SHAPE(3, 4), ND_FLOAT64, &r);
    nd_dist *s = nd_dist_full(MPI_COMM_WORLD, 0, NULL, ND_FLOAT64, ND_F64(2.5), &r);
    CU_ASSERT_PTR_NOT_NULL(s);
    CU_ASSERT(s && nd_item_f64(nd_dist_local(s)) == 2.5);
    nd_dist_free(s);
}

static void test_full_ones_copy(void)
{
    nd_distribution c = nd_dist_cyclic2d(0, 0, 2, 2);
    nd_dist *o = nd_dist_ones(MPI_COMM_WORLD, ND_SHAPE(5, 6), ND_INT32, &c);
    nd_dist *f = nd_dist_full(MPI_COMM_WORLD, ND_SHAPE(9), ND_FLOAT32, ND_F64(-1.5), NULL);
    nd_dist *z = nd_dist_zeros_like(f, ND_INT8);
    nd_dist *cp = nd_dist_copy(o);
    CU_ASSERT(o && f && z && cp);
    nd_array *og = o ? nd_dist_allgather(o) : NULL, *fg = f ? nd_dist_allgather(f) : NULL;
    nd_array *zg = z ? nd_dist_allgather(z) : NULL, *cg = cp ? nd_dist_allgather(cp) : NULL;
    nd_array *one = nd_ones(ND_SHAPE(5, 6), ND_INT32), *m15 = nd_full(ND_SHAPE(9), ND_FLOAT32, ND_F64(-1.5));
    nd_array *z8 = nd_zeros(ND_SHAPE(9), ND_INT8);
    CU_ASSERT(test_same_bits(og, one));
    CU_ASSERT(test_same_bits(cg, one));
    CU_ASSERT(test_same_bits(fg, m15));
    CU_ASSERT(test_same_bits(zg, z8));
    CU_ASSERT(cp && o && nd_dist_conforms(cp, o) && nd_data(nd_dist_local(cp)) != nd_data(nd_dist_local(o)));
    CU_ASSERT(!nd_dist_conforms(o, f));
    char buf[128];
    if (o) {
        nd_dist_describe(o, buf, sizeof buf);
        CU_ASSERT_PTR_NOT_NULL(strstr(buf, "int32 (5, 6) cyclic2d(grid"));
    }
    nd_free(og);
    nd_free(fg);
    nd_free(zg);
    nd_free(cg);
    nd_free(one);
    nd_free(m15);
    nd_free(z8);
    nd_dist_free(o);
    nd_dist_free(f);
    nd_dist_free(z);
    nd_dist_free(cp);
}

/* A bad argument on one rank: every rank gets the same status and message, naming the
 * lowest failing rank; nobody hangs. */
static void test_error_agreement(void)
{
    int bad = mpi_size - 1;
    ptrdiff_t n = mpi_rank == bad ? -3 : 8;
    nd_dist *d = nd_dist_zeros(MPI_COMM_WORLD, 1, &n, ND_FLOAT64, NULL);
    CU_ASSERT_PTR_NULL(d);
    CU_ASSERT_EQUAL(nd_last_error(), ND_EVALUE);
    char want[64];
    snprintf(want, sizeof want, "rank %d: nd_dist_zeros: negative extent", bad);
    CU_ASSERT_EQUAL(strncmp(nd_errmsg(), want, strlen(want)), 0);
    if (strncmp(nd_errmsg(), want, strlen(want))) printf("\n  got: %s\n", nd_errmsg());
    nd_dist_free(d);

    /* Shapes that differ between ranks (only with more than one rank). */
    ptrdiff_t m = 8 + (mpi_rank == bad && mpi_size > 1);
    d = nd_dist_zeros(MPI_COMM_WORLD, 1, &m, ND_FLOAT64, NULL);
    if (mpi_size > 1) {
        CU_ASSERT_PTR_NULL(d);
        CU_ASSERT_PTR_NOT_NULL(strstr(nd_errmsg(), "differs from rank 0's"));
        snprintf(want, sizeof want, "rank %d: ", bad);
        CU_ASSERT_EQUAL(strncmp(nd_errmsg(), want, strlen(want)), 0);
    } else {
        CU_ASSERT_PTR_NOT_NULL(d);
    }
    nd_dist_free(d);

    /* Distribution errors are the same on every rank. */
    nd_distribution g = nd_dist_cyclic2d(mpi_size + 1, 1, 0, 0);
    d = nd_dist_zeros(MPI_COMM_WORLD, ND_SHAPE(4, 4), ND_FLOAT64, &g);
    CU_ASSERT_PTR_NULL(d);
    CU_ASSERT_PTR_NOT_NULL(strstr(nd_errmsg(), "rank 0: nd_dist_zeros: process grid"));
    nd_distribution c = nd_dist_cyclic2d(0, 0, 0, 0);
    d = nd_dist_zeros(MPI_COMM_WORLD, ND_SHAPE(2, 2, 2), ND_FLOAT64, &c);
    CU_ASSERT_PTR_NULL(d);
    CU_ASSERT_EQUAL(nd_last_error(), ND_EVALUE);
    nd_distribution ax = nd_dist_block(2);
    d = nd_dist_zeros(MPI_COMM_WORLD, ND_SHAPE(2, 2), ND_FLOAT64, &ax);
    CU_ASSERT_PTR_NULL(d);
    CU_ASSERT_EQUAL(nd_last_error(), ND_EAXIS);
    nd_distribution small = nd_dist_block(0);
    small.block = 1;
    d = nd_dist_zeros(MPI_COMM_WORLD, ND_SHAPE(mpi_size + 1), ND_FLOAT64, &small);
    CU_ASSERT_PTR_NULL(d);
    CU_ASSERT_PTR_NOT_NULL(strstr(nd_errmsg(), "too small"));

    /* Scatter: the root's array missing; a root out of range. */
    d = nd_dist_scatter(MPI_COMM_WORLD, 0, NULL, NULL);
    CU_ASSERT_PTR_NULL(d);
    CU_ASSERT_PTR_NOT_NULL(strstr(nd_errmsg(), "rank 0: nd_dist_scatter: the root's array is NULL"));
    d = nd_dist_scatter(MPI_COMM_WORLD, mpi_size, NULL, NULL);
    CU_ASSERT_PTR_NULL(d);
    CU_ASSERT_PTR_NOT_NULL(strstr(nd_errmsg(), "root"));
    nd_dist *ok = nd_dist_zeros(MPI_COMM_WORLD, ND_SHAPE(4), ND_FLOAT64, NULL);
    nd_array *out = (nd_array *)1;
    CU_ASSERT_EQUAL(nd_dist_gather(ok, -1, &out), ND_EVALUE);
    CU_ASSERT_PTR_NULL(out);
    /* roots that differ between ranks */
    if (mpi_size > 1) {
        CU_ASSERT_EQUAL(nd_dist_gather(ok, mpi_rank, &out), ND_EVALUE);
        CU_ASSERT_PTR_NOT_NULL(strstr(nd_errmsg(), "the root differs"));
    }
    nd_dist_free(ok);
    CU_ASSERT_PTR_NULL(nd_dist_empty(MPI_COMM_NULL, ND_SHAPE(3), ND_FLOAT64, NULL));
    CU_ASSERT_PTR_NOT_NULL(strstr(nd_errmsg(), "MPI_COMM_NULL"));
}

/* The descriptor ScaLAPACK gets is what DESCINIT would build; checked through the
 * public accessors it is made of. */
static void test_subcommunicator(void)
{
    /* A distributed array over half of the ranks: the others do not take part. */
    MPI_Comm half;
    MPI_Comm_split(MPI_COMM_WORLD, mpi_rank % 2, mpi_rank, &half);
    int hs;
    MPI_Comm_size(half, &hs);
    nd_dist *d = nd_dist_ones(half, ND_SHAPE(5), ND_FLOAT64, NULL);
    CU_ASSERT_PTR_NOT_NULL(d);
    CU_ASSERT(d && nd_dist_nprocs(d) == hs);
    int cmp = MPI_UNEQUAL;
    if (d) MPI_Comm_compare(nd_dist_comm(d), half, &cmp);
    CU_ASSERT_EQUAL(cmp, MPI_CONGRUENT);
    nd_array *g = d ? nd_dist_allgather(d) : NULL;
    nd_array *one = nd_ones(ND_SHAPE(5), ND_FLOAT64);
    CU_ASSERT(test_same_bits(g, one));
    nd_free(g);
    nd_free(one);
    nd_dist_free(d);
    MPI_Comm_free(&half);
}

static const ND_TEST tests[] = {
    ND_T(test_block_layout),
    ND_T(test_cyclic_layout),
    ND_T(test_scatter_gather_block),
    ND_T(test_scatter_gather_cyclic),
    ND_T(test_replicated),
    ND_T(test_full_ones_copy),
    ND_T(test_error_agreement),
    ND_T(test_subcommunicator),
    { 0 },
};

ND_MPI_TEST_MAIN("mpi_dist", tests)
