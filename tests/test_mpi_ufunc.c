/* Elementwise ufuncs on distributed arrays: every function of the ufunc registry on
 * conforming operands equals nd_ufunc_apply on the gathered operands bit for bit, with
 * replicated arrays and scalars broadcast; mismatched distributions name both. */
#include "test_mpi_util.h"

/* Deterministic values in (-3, 3), some exactly integer, for every rank. */
static nd_array *values(int ndim, const ptrdiff_t *shape, nd_dtype dt, unsigned seed)
{
    nd_rng *r = nd_rng_new(seed);
    nd_array *u = nd_rng_uniform(r, -3, 3, ndim, shape);
    nd_array *h = nd_multiply(u, 2.0);
    nd_array *q = nd_rint(h);
    /* half of the elements rounded to halves: ties, zeros and integers occur */
    nd_array *m = nd_greater(u, 0.0);
    nd_array *half = nd_divide(q, 2.0);
    nd_array *mix = nd_where(m, half, u);
    nd_array *out = nd_astype(mix, dt, ND_CAST_UNSAFE);
    nd_free(u);
    nd_free(h);
    nd_free(q);
    nd_free(m);
    nd_free(half);
    nd_free(mix);
    nd_rng_free(r);
    return out;
}

/* f on distributed x (and y, z) against nd_ufunc_apply on the gathered arrays. */
static int check_ufunc(nd_ufunc f, const nd_array *gx, const nd_array *gy, const nd_array *gz,
                       const nd_distribution *dist)
{
    int nin = nd_ufunc_nin(f);
    const nd_array *g[3] = { gx, gy, gz };
    nd_dist *d[3] = { 0 };
    nd_dist_operand ops[3];
    nd_operand lops[3];
    for (int i = 0; i < nin; i++) {
        d[i] = nd_dist_scatter(MPI_COMM_WORLD, 0, mpi_rank == 0 ? g[i] : NULL, dist);
        ops[i] = nd_dop_dist(d[i]);
        lops[i] = nd_op_array(g[i]);
    }
    nd_clear_error();
    nd_array *want = nd_ufunc_apply(f, lops, NULL);
    nd_status wst = want ? ND_OK : nd_last_error();
    nd_dist *r = nd_dist_ufunc(f, ops, NULL);
    int ok;
    if (!want) {
        ok = r == NULL && nd_last_error() == wst; /* the same error everywhere */
    } else {
        nd_array *got = r ? nd_dist_allgather(r) : NULL;
        ok = test_same_bits(got, want);
        nd_free(got);
    }
    if (!ok && mpi_rank == 0) printf("\n  %s differs (%s)\n", nd_ufunc_name(f), nd_errmsg());
    nd_free(want);
    nd_dist_free(r);
    for (int i = 0; i < nin; i++) nd_dist_free(d[i]);
    return ok;
}

static void every_ufunc(nd_dtype dt, const nd_distribution *dist, int nd, const ptrdiff_t *shape)
{
    nd_array *x = values(nd, shape, dt, 1), *y = values(nd, shape, dt, 2), *z = values(nd, shape, dt, 3);
    int bad = 0;
    for (int f = 0; f < ND_UF_COUNT; f++) bad += !check_ufunc((nd_ufunc)f, x, y, z, dist);
    CU_ASSERT_EQUAL(bad, 0);
    nd_free(x);
    nd_free(y);
    nd_free(z);
}

static void test_every_ufunc_f64(void)
{
    nd_distribution b0 = nd_dist_block(0), b1 = nd_dist_block(1), c = nd_dist_cyclic2d(0, 0, 2, 3),
                    r = nd_dist_replicated();
    every_ufunc(ND_FLOAT64, &b0, ND_SHAPE(13, 5));
    every_ufunc(ND_FLOAT64, &b1, ND_SHAPE(3, 7));
    every_ufunc(ND_FLOAT64, &c, ND_SHAPE(9, 10));
    every_ufunc(ND_FLOAT64, &r, ND_SHAPE(4));
}

static void test_every_ufunc_other_dtypes(void)
{
    nd_distribution b0 = nd_dist_block(0), c = nd_dist_cyclic2d(0, 0, 3, 2);
    every_ufunc(ND_FLOAT32, &c, ND_SHAPE(7, 9));
    every_ufunc(ND_INT32, &b0, ND_SHAPE(11));
    every_ufunc(ND_COMPLEX128, &b0, ND_SHAPE(6, 2));
    every_ufunc(ND_BOOL, &c, ND_SHAPE(5, 5));
}

/* Replicated arrays and scalars broadcast against the distributed array. */
static void test_broadcast(void)
{
    nd_array *gx = values(ND_SHAPE(10, 6), ND_FLOAT64, 4);
    nd_array *row = values(ND_SHAPE(6), ND_FLOAT64, 5), *col = values(ND_SHAPE(10, 1), ND_FLOAT64, 6);
    nd_array *mask = nd_greater(col, 0.0);
    nd_distribution dists[4] = { nd_dist_block(0), nd_dist_block(1), nd_dist_cyclic2d(0, 0, 3, 2),
                                 nd_dist_replicated() };
    for (int i = 0; i < 4; i++) {
        nd_dist *x = nd_dist_scatter(MPI_COMM_WORLD, 0, mpi_rank == 0 ? gx : NULL, &dists[i]);
        /* x * row + col, then where(mask) of -x, then 2 ** x with a scalar first */
        nd_dist_operand o1[2] = { nd_dop_dist(x), nd_dop_array(row) };
        nd_dist *a = nd_dist_ufunc(ND_UF_MULTIPLY, o1, NULL);
        nd_dist_operand o2[2] = { nd_dop_dist(a), nd_dop_array(col) };
        nd_dist *b = nd_dist_ufunc(ND_UF_ADD, o2, NULL);
        nd_array *wa = nd_multiply(gx, row), *wb = nd_add(wa, col);
        nd_array *gb = b ? nd_dist_allgather(b) : NULL;
        CU_ASSERT(test_same_bits(gb, wb));
        nd_dist_operand o3[1] = { nd_dop_dist(x) };
        nd_ufunc_opts wo = { 0 };
        wo.where = mask;
        nd_dist *c = nd_dist_ufunc(ND_UF_NEGATIVE, o3, &wo);
        nd_array *gc = c ? nd_dist_allgather(c) : NULL, *wc = nd_ufunc_apply(ND_UF_NEGATIVE, (nd_operand[]){ nd_op_array(gx) }, &wo);
        /* elements where the mask is false are unspecified in a new output: compare the rest */
        nd_array *zero = nd_zeros(ND_SHAPE(1), ND_FLOAT64);
        nd_array *sc = gc ? nd_where(mask, gc, zero) : NULL, *sw = wc ? nd_where(mask, wc, zero) : NULL;
        nd_free(zero);
        CU_ASSERT(test_same_bits(sc, sw));
        nd_dist_operand o4[2] = { nd_dop_f64(2.0), nd_dop_dist(x) };
        nd_dist *e = nd_dist_ufunc(ND_UF_POWER, o4, NULL);
        nd_array *ge = e ? nd_dist_allgather(e) : NULL, *we = nd_power(2.0, gx);
        CU_ASSERT(test_same_bits(ge, we));
        /* into an existing output, with a dtype option */
        nd_dist *out = nd_dist_empty_like(x, ND_FLOAT32);
        nd_ufunc_opts fo = { 0 };
        fo.dtype = ND_FLOAT32;
        fo.casting = ND_CAST_UNSAFE;
        nd_dist_operand o5[2] = { nd_dop_dist(x), nd_dop_scalar(ND_F64(0.5)) };
        CU_ASSERT_EQUAL(nd_dist_ufunc_into(ND_UF_SUBTRACT, out, o5, &fo), ND_OK);
        nd_array *go = out ? nd_dist_allgather(out) : NULL;
        nd_array *wo2 = nd_ufunc_apply(ND_UF_SUBTRACT, (nd_operand[]){ nd_op_array(gx), nd_op_f64(0.5) }, &fo);
        CU_ASSERT(test_same_bits(go, wo2));
        nd_free(go);
        nd_free(wo2);
        nd_dist_free(out);
        nd_free(ge);
        nd_free(we);
        nd_free(sc);
        nd_free(sw);
        nd_free(gc);
        nd_free(wc);
        nd_free(gb);
        nd_free(wa);
        nd_free(wb);
        nd_dist_free(a);
        nd_dist_free(b);
        nd_dist_free(c);
        nd_dist_free(e);
        nd_dist_free(x);
    }
    nd_free(gx);
    nd_free(row);
    nd_free(col);
    nd_free(mask);
}

static void test_mismatch_errors(void)
{
    nd_distribution c = nd_dist_cyclic2d(0, 0, 2, 2);
    nd_dist *a = nd_dist_ones(MPI_COMM_WORLD, ND_SHAPE(6, 4), ND_FLOAT64, NULL);
    nd_dist *b = nd_dist_ones(MPI_COMM_WORLD, ND_SHAPE(6, 4), ND_FLOAT64, &c);
    nd_dist *s = nd_dist_ones(MPI_COMM_WORLD, ND_SHAPE(6, 5), ND_FLOAT64, NULL);
    nd_dist_operand ab[2] = { nd_dop_dist(a), nd_dop_dist(b) };
    nd_dist *r = nd_dist_ufunc(ND_UF_ADD, ab, NULL);
    CU_ASSERT_PTR_NULL(r);
    CU_ASSERT_EQUAL(nd_last_error(), ND_EVALUE);
    CU_ASSERT_PTR_NOT_NULL(strstr(nd_errmsg(), "float64 (6, 4) cyclic2d(grid"));
    CU_ASSERT_PTR_NOT_NULL(strstr(nd_errmsg(), "float64 (6, 4) block(axis=0"));
    nd_dist_operand as[2] = { nd_dop_dist(a), nd_dop_dist(s) };
    r = nd_dist_ufunc(ND_UF_ADD, as, NULL);
    CU_ASSERT_PTR_NULL(r);
    CU_ASSERT_PTR_NOT_NULL(strstr(nd_errmsg(), "(6, 5)"));
    /* a replicated operand that would grow the array */
    nd_array *big = nd_ones(ND_SHAPE(2, 6, 4), ND_FLOAT64), *wrong = nd_ones(ND_SHAPE(3), ND_FLOAT64);
    nd_dist_operand ag[2] = { nd_dop_dist(a), nd_dop_array(big) };
    r = nd_dist_ufunc(ND_UF_ADD, ag, NULL);
    CU_ASSERT_PTR_NULL(r);
    CU_ASSERT_EQUAL(nd_last_error(), ND_ESHAPE);
    nd_dist_operand aw[2] = { nd_dop_array(wrong), nd_dop_dist(a) };
    r = nd_dist_ufunc(ND_UF_ADD, aw, NULL);
    CU_ASSERT_PTR_NULL(r);
    CU_ASSERT_PTR_NOT_NULL(strstr(nd_errmsg(), "shape (3,) does not broadcast"));
    /* no distributed operand; an unknown ufunc; out of another layout */
    nd_dist_operand sc[2] = { nd_dop_f64(1), nd_dop_f64(2) };
    CU_ASSERT_PTR_NULL(nd_dist_ufunc(ND_UF_ADD, sc, NULL));
    CU_ASSERT_PTR_NOT_NULL(strstr(nd_errmsg(), "no operand is distributed"));
    CU_ASSERT_PTR_NULL(nd_dist_ufunc(ND_UF_COUNT, sc, NULL));
    nd_dist_operand one[2] = { nd_dop_dist(a), nd_dop_f64(1) };
    CU_ASSERT_EQUAL(nd_dist_ufunc_into(ND_UF_ADD, b, one, NULL), ND_EVALUE);
    CU_ASSERT_PTR_NOT_NULL(strstr(nd_errmsg(), "out is float64 (6, 4) cyclic2d"));
    /* a bad dtype on one rank only: everyone gets its error */
    nd_ufunc_opts o = { 0 };
    o.dtype = mpi_rank == mpi_size - 1 ? 99 : 0;
    r = nd_dist_ufunc(ND_UF_ADD, one, &o);
    CU_ASSERT_PTR_NULL(r);
    char want[32];
    snprintf(want, sizeof want, "rank %d: ", mpi_size - 1);
    CU_ASSERT_EQUAL(strncmp(nd_errmsg(), want, strlen(want)), 0);
    /* a different function on one rank: an error, not a hang */
    nd_dist_operand aa[2] = { nd_dop_dist(a), nd_dop_dist(a) };
    r = nd_dist_ufunc(mpi_rank == mpi_size - 1 && mpi_size > 1 ? ND_UF_SUBTRACT : ND_UF_ADD, aa, NULL);
    if (mpi_size > 1) {
        CU_ASSERT_PTR_NULL(r);
        CU_ASSERT_PTR_NOT_NULL(strstr(nd_errmsg(), "the function or its operands' kinds differs from rank 0's"));
    }
    nd_dist_free(r);
    nd_free(big);
    nd_free(wrong);
    nd_dist_free(a);
    nd_dist_free(b);
    nd_dist_free(s);
}

static const ND_TEST tests[] = {
    ND_T(test_every_ufunc_f64),
    ND_T(test_every_ufunc_other_dtypes),
    ND_T(test_broadcast),
    ND_T(test_mismatch_errors),
    { 0 },
};

ND_MPI_TEST_MAIN("mpi_ufunc", tests)
