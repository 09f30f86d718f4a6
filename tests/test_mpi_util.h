/* Shared helpers for the MPI suites (tests/test_mpi_*.c), run by ctest under
 * `mpirun -np N` for N = 1..4 (cmake/NumcMPI.cmake). Every rank runs every test; rank 0
 * prints CUnit's report, the other ranks print only their failures, and every rank exits
 * non-zero when any rank failed. Tests must make the same collective calls on every rank
 * whatever their assertions find (CU_ASSERT, never CU_ASSERT_FATAL), or a failure would
 * turn into a hang. */
#ifndef NUMC_TEST_MPI_UTIL_H
#define NUMC_TEST_MPI_UTIL_H

#include <CUnit/Basic.h>
#include <CUnit/CUnit.h>
#include <math.h>
#include <numc/mpi.h>
#include <numc/numc.h>
#include <stdio.h>
#include <string.h>

typedef struct ND_TEST {
    const char *name;
    void (*fn)(void);
} ND_TEST;

#define ND_T(fn) { #fn, fn }

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

#ifndef NUMC_TEST_DATA
#define NUMC_TEST_DATA "tests/data"
#endif

/* dir + prefix + name + ".npy" loaded, or NULL with the reason printed. */
static inline nd_array *test_load_npy(const char *dir, const char *prefix, const char *name)
{
    char path[512];
    snprintf(path, sizeof path, "%s%s%s.npy", dir, prefix, name);
    nd_array *a = nd_load(path);
    if (!a) printf("\n  cannot load %s: %s\n", path, nd_errmsg());
    return a;
}

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
