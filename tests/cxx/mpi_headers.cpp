// <numc/mpi.h> compiles as C++ and libnumc_mpi links by its C names (tests/test_cxx_headers.sh,
// when libnumc_mpi is built): distribute 0..9 over the ranks and gather it back.
#include <numc/mpi.h>
#include <numc/numc.h>

#include <cstdio>

int main(int argc, char **argv)
{
    MPI_Init(&argc, &argv);
    nd_array *a = nd_arange(0, 10, 1, ND_FLOAT64);
    int rank = 0;
    MPI_Comm_rank(MPI_COMM_WORLD, &rank);
    nd_distribution blocks = nd_dist_block(0);
    nd_dist *d = nd_dist_scatter(MPI_COMM_WORLD, 0, rank == 0 ? a : nullptr, &blocks);
    nd_array *g = d ? nd_dist_allgather(d) : nullptr;
    nd_array *s = g ? nd_sum_(g, nullptr) : nullptr;
    double total = s ? nd_item_f64(s) : -1;
    nd_free(s);
    nd_free(g);
    nd_dist_free(d);
    nd_free(a);
    MPI_Finalize();
    if (total != 45.0) {
        std::printf("FAIL: distributed sum %g\n", total);
        return 1;
    }
    std::printf("ok: C++ calls into libnumc_mpi (gathered sum %g)\n", total);
    return 0;
}
