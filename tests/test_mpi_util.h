/* Shared helpers for the MPI suites (tests/test_mpi_*.c), run by ctest under
 * `mpirun -np N` for N = 1..4 (cmake/NumcMPI.cmake). Every rank runs every test; rank 0
 * prints CUnit's report, the other ranks print only their failures, and every rank exits
 * non-zero when any rank failed. Tests must make the same collective calls on every rank
 * whatever their assertions find (CU_ASSERT, never CU_ASSERT_FATAL), or a failure would
 * turn into a hang. */
#ifndef NUMC_TEST_MPI_UTIL_H
#define NUMC_TEST_MPI_UTIL_H

#include "testutil.h" /* ND_TEST, ND_T, NUMC_TEST_DATA, test_load_npy */

#include <numc/mpi.h>
#include <numc/numc.h>
#include <stdint.h>
#include <string.h>

static int mpi_rank, mpi_size;

/* Bitwise equality of two arrays (same dtype, shape and every element's bytes). */
static inline int test_same_bits(const nd_array *a, const nd_array *b)
{
    if (!a || !b || nd_dtype_of(a) != nd_dtype_of(b) || nd_ndim(a) != nd_ndim(b)) return 0;
    for (int k = 0; k < nd_ndim(a); k++)
        if (nd_shape(a)[k] != nd_shape(b)[k]) return 0;
    nd_array *ca = nd_ascontiguousarray(a), *cb = nd_ascontiguousarray(b);
    int same = ca && cb && memcmp(nd_data(ca), nd_data(cb), nd_nbytes(ca)) == 0;
    nd_free(ca);
    nd_free(cb);
    return same;
}

/* p[0..n) uniform in [-1, 1) from a xorshift64 stream seeded by seed: the same on every rank. */
static inline void mpi_fill_uniform(double *p, size_t n, unsigned seed)
{
    uint64_t s = 0x9E3779B97F4A7C15ull * (seed + 1);
    for (size_t i = 0; i < n; i++) {
        s ^= s << 13;
        s ^= s >> 7;
        s ^= s << 17;
        p[i] = (double)(s >> 11) / 9007199254740992.0 * 2.0 - 1.0;
    }
}

/* a (rank 0's) scattered over MPI_COMM_WORLD by d. */
static inline nd_dist *mpi_scatter0(const nd_array *a, const nd_distribution *d)
{
    return nd_dist_scatter(MPI_COMM_WORLD, 0, mpi_rank == 0 ? a : NULL, d);
}

/* The global array of a distributed result on every rank (NULL d: NULL). */
static inline nd_array *mpi_all(const nd_dist *d) { return d ? nd_dist_allgather(d) : NULL; }

#define ND_MPI_TEST_MAIN(suite_name, tests)                                              \
    int main(int argc, char **argv)                                                      \
    {                                                                                    \
        MPI_Init(&argc, &argv);                                                          \
        MPI_Comm_rank(MPI_COMM_WORLD, &mpi_rank);                                        \
        MPI_Comm_size(MPI_COMM_WORLD, &mpi_size);                                        \
        if (CU_initialize_registry() != CUE_SUCCESS) return 1;                           \
        CU_pSuite s = CU_add_suite(suite_name, NULL, NULL);                              \
        for (const ND_TEST *t = tests; t->name; t++) CU_add_test(s, t->name, t->fn);     \
        CU_basic_set_mode(mpi_rank == 0 ? CU_BRM_VERBOSE : CU_BRM_SILENT);               \
        CU_basic_run_tests();                                                            \
        unsigned fails = CU_get_number_of_failures() + CU_get_number_of_tests_failed();  \
        if (fails && mpi_rank != 0) {                                                    \
            printf("rank %d of %d:", mpi_rank, mpi_size);                                \
            CU_basic_show_failures(CU_get_failure_list());                               \
            printf("\n");                                                                \
        }                                                                                \
        CU_cleanup_registry();                                                           \
        unsigned all = 0;                                                                \
        MPI_Allreduce(&fails, &all, 1, MPI_UNSIGNED, MPI_SUM, MPI_COMM_WORLD);           \
        if (mpi_rank == 0) printf("%u failures over %d ranks\n", all, mpi_size);         \
        MPI_Finalize();                                                                  \
        return all ? 1 : 0;                                                              \
    }

#endif
