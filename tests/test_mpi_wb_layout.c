/* White-box checks of mpi/dist_internal.h against ScaLAPACK itself: the layout arithmetic
 * (NUMROC and the block-cyclic index maps), the descriptor nd__dist_descinit builds over
 * an array's BLACS grid (a real ScaLAPACK call, PDLANGE, reads the distributed matrix
 * through it), and the collective error agreement. */
#include "dist_internal.h"
#include "test_mpi_util.h"

int numroc_(const int *n, const int *nb, const int *iproc, const int *isrcproc, const int *nprocs);
int indxg2p_(const int *indxglob, const int *nb, const int *iproc, const int *isrcproc, const int *nprocs);
int indxg2l_(const int *indxglob, const int *nb, const int *iproc, const int *isrcproc, const int *nprocs);
int indxl2g_(const int *indxloc, const int *nb, const int *iproc, const int *isrcproc, const int *nprocs);
double pdlange_(const char *norm, const int *m, const int *n, const double *a, const int *ia, const int *ja,
                const int *desca, double *work);

static void test_numroc_and_maps(void)
{
    int zero = 0, bad = 0;
    for (int n = 0; n <= 40; n++)
        for (int nb = 1; nb <= 7; nb++)
            for (int np = 1; np <= 5; np++)
                for (int p = 0; p < np; p++) {
                    if (nd__dist_numroc(n, nb, p, np) != numroc_(&n, &nb, &p, &zero, &np)) bad++;
                    for (int g = 1; g <= n; g++) { /* ScaLAPACK counts from 1 */
                        int own = indxg2p_(&g, &nb, &p, &zero, &np);
                        if (nd__dist_cyc_owner(g - 1, nb, np) != own) bad++;
                        if (own == p && nd__dist_cyc_g2l(g - 1, nb, np) != indxg2l_(&g, &nb, &p, &zero, &np) - 1) bad++;
                    }
                    int loc = numroc_(&n, &nb, &p, &zero, &np);
                    for (int l = 1; l <= loc; l++)
                        if (nd__dist_cyc_l2g(l - 1, nb, p, np) != indxl2g_(&l, &nb, &p, &zero, &np) - 1) bad++;
                }
    CU_ASSERT_EQUAL(bad, 0);
}

static void test_descinit_pdlange(void)
{
    nd_distribution c = nd_dist_cyclic2d(0, 0, 3, 2);
    nd_array *g = nd_arange(-40, 37, 1, ND_FLOAT64), *m = g ? nd_reshape(g, 2, (ptrdiff_t[]){ 7, 11 }) : NULL;
    nd_dist *d = nd_dist_scatter(MPI_COMM_WORLD, 0, mpi_rank == 0 ? m : NULL, &c);
    CU_ASSERT_PTR_NOT_NULL(d);
    int desc[9] = { 0 };
    CU_ASSERT_EQUAL(d ? nd__dist_descinit(d, desc) : ND_EVALUE, ND_OK);
    CU_ASSERT(desc[0] == 1 && desc[2] == 7 && desc[3] == 11 && desc[4] == 3 && desc[5] == 2 && desc[6] == 0 &&
              desc[7] == 0);
    CU_ASSERT(d && desc[1] == d->blacs_ctxt && desc[8] == (int)nd_dist_lld(d));
    int one = 1, mm = 7, nn = 11;
    double work[16];
    double mx = d ? pdlange_("M", &mm, &nn, nd_data(nd_dist_local(d)), &one, &one, desc, work) : 0;
    double one_norm = d ? pdlange_("1", &mm, &nn, nd_data(nd_dist_local(d)), &one, &one, desc, work) : 0;
    CU_ASSERT_EQUAL(mx, 40.0); /* max |a_ij| */
    /* the largest column sum of |a|: column j holds -40 + j + 11 i, i = 0..6 */
    double best = 0;
    for (int j = 0; j < 11; j++) {
        double s = 0;
        for (int i = 0; i < 7; i++) s += fabs(-40.0 + j + 11 * i);
        if (s > best) best = s;
    }
    CU_ASSERT_EQUAL(one_norm, best);
    /* not block-cyclic: no descriptor */
    nd_dist *b = nd_dist_zeros(MPI_COMM_WORLD, ND_SHAPE(4, 4), ND_FLOAT64, NULL);
    CU_ASSERT_EQUAL(nd__dist_descinit(b, desc), ND_EVALUE);
    CU_ASSERT_PTR_NOT_NULL(strstr(nd_errmsg(), "block(axis=0"));
    nd_dist_free(b);
    nd_dist_free(d);
    nd_free(m);
    nd_free(g);
}

static void test_agree(void)
{
    /* every rank fails with its own message: the lowest rank's wins everywhere */
    nd_set_error(ND_EIO, "failure %d", mpi_rank);
    nd_status st = nd__dist_agree(MPI_COMM_WORLD, ND_EIO);
    CU_ASSERT_EQUAL(st, ND_EIO);
    CU_ASSERT_STRING_EQUAL(nd_errmsg(), "rank 0: failure 0");
    /* only rank 1 (or 0 alone) fails, with another status */
    int who = mpi_size > 1 ? 1 : 0;
    nd_status mine = mpi_rank == who ? nd_set_error(ND_ELINALG, "singular") : ND_OK;
    st = nd__dist_agree(MPI_COMM_WORLD, mine);
    CU_ASSERT_EQUAL(st, ND_ELINALG);
    char want[32];
    snprintf(want, sizeof want, "rank %d: singular", who);
    CU_ASSERT_STRING_EQUAL(nd_errmsg(), want);
    /* agreeing again keeps the message (no second prefix) */
    st = nd__dist_agree(MPI_COMM_WORLD, st);
    CU_ASSERT_STRING_EQUAL(nd_errmsg(), want);
    CU_ASSERT_EQUAL(nd__dist_agree(MPI_COMM_WORLD, ND_OK), ND_OK);
    CU_ASSERT_EQUAL(nd__mpi_status(MPI_ERR_COUNT, "f", "MPI_Send"), ND_EIO);
    CU_ASSERT_PTR_NOT_NULL(strstr(nd_errmsg(), "f: MPI_Send failed: "));
}

static const ND_TEST tests[] = {
    ND_T(test_numroc_and_maps),
    ND_T(test_descinit_pdlange),
    ND_T(test_agree),
    { 0 },
};

ND_MPI_TEST_MAIN("mpi_wb_layout", tests)
