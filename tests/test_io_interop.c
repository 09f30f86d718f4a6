/* NumPy reads what numc writes: every dtype, order, byte order and .npy version, .npz
 * (stored, deflated, zip64) and savetxt text, checked by tests/data/io/check_numc_files.py
 * with /usr/bin/python3 + numpy. Without them the test says it is skipped and passes. */
#define _POSIX_C_SOURCE 200809L
#include "testutil.h"
#include "test_io_common.h"


static nd_array *formula(nd_dtype dt, int ndim, const ptrdiff_t *shape)
{
    nd_array *a = nd_empty(ndim, shape, dt);
    if (!a) return NULL;
    size_t isz = nd_dtype_size(dt);
    for (ptrdiff_t k = 0; k < nd_size(a); k++) io_expected(dt, (long)k, (char *)nd_data(a) + (size_t)k * isz);
    return a;
}

static bool numpy_available(void)
{
    return system("/usr/bin/python3 -c 'import numpy' >/dev/null 2>&1") == 0;
}

static void write_everything(void)
{
    char p[600];
    const char *names[IO_NDTYPES];
    nd_array *arrs[IO_NDTYPES];
    for (int d = 0; d < IO_NDTYPES; d++) {
        nd_dtype dt = io_all_dtypes[d];
        nd_array *a = formula(dt, 3, (ptrdiff_t[]){ 2, 3, 4 });
        CU_ASSERT_PTR_NOT_NULL_FATAL(a);
        nd_array *f = nd_copy(a, ND_ORDER_F);
        for (int o = 0; o < 2; o++)
            for (int b = 0; b < 2; b++)
                for (int v = 1; v <= 3; v++) {
                    snprintf(p, sizeof p, "%s/%s_%c_%s_v%d.npy", tmp, nd_dtype_name(dt), "CF"[o],
                             b ? "be" : "le", v);
                    CU_ASSERT_EQUAL(nd_save(p, o ? f : a, .version = v, .byteorder = b ? '>' : '<'), ND_OK);
                }
        nd_free(f);
        arrs[d] = a;
        names[d] = nd_dtype_name(dt);
    }
    snprintf(p, sizeof p, "%s/scalar.npy", tmp);
    nd_array *s = nd_scalar_array(ND_F64(2.5));
    CU_ASSERT_EQUAL(nd_save(p, s), ND_OK);
    nd_free(s);
    snprintf(p, sizeof p, "%s/empty.npy", tmp);
    s = nd_zeros(ND_SHAPE(0, 3), ND_INT16);
    CU_ASSERT_EQUAL(nd_save(p, s), ND_OK);
    nd_free(s);
    const nd_array *const *ca = (const nd_array *const *)arrs;
    snprintf(p, sizeof p, "%s/stored.npz", tmp);
    CU_ASSERT_EQUAL(nd_savez(p, IO_NDTYPES, names, ca), ND_OK);
    snprintf(p, sizeof p, "%s/deflated.npz", tmp);
    CU_ASSERT_EQUAL(nd_savez_compressed(p, IO_NDTYPES, names, ca), ND_OK);
    snprintf(p, sizeof p, "%s/zip64.npz", tmp);
    CU_ASSERT_EQUAL(nd_savez_compressed(p, IO_NDTYPES, names, ca, .force_zip64 = true), ND_OK);
    for (int d = 0; d < IO_NDTYPES; d++) nd_free(arrs[d]);

    nd_array *x = formula(ND_FLOAT64, 2, (ptrdiff_t[]){ 50, 3 });
    snprintf(p, sizeof p, "%s/floats.txt", tmp);
    CU_ASSERT_EQUAL(nd_savetxt(p, x), ND_OK);
    snprintf(p, sizeof p, "%s/floats.csv", tmp);
    CU_ASSERT_EQUAL(nd_savetxt(p, x, .fmt = "%.17g", .delimiter = ",", .header = "a,b,c", .comments = ""), ND_OK);
    nd_free(x);
    x = formula(ND_COMPLEX128, 2, (ptrdiff_t[]){ 10, 2 });
    snprintf(p, sizeof p, "%s/complex.txt", tmp);
    CU_ASSERT_EQUAL(nd_savetxt(p, x), ND_OK);
    nd_free(x);
    x = formula(ND_INT64, 2, (ptrdiff_t[]){ 10, 4 });
    snprintf(p, sizeof p, "%s/ints.txt", tmp);
    CU_ASSERT_EQUAL(nd_savetxt(p, x, .fmt = "%d", .delimiter = ";"), ND_OK);
    nd_free(x);
}

static void test_numpy_reads_numc_files(void)
{
    write_everything();
    if (!numpy_available()) {
        printf("\n  skipped: /usr/bin/python3 with numpy is not available to check the files\n");
        return;
    }
    char cmd[1024];
    snprintf(cmd, sizeof cmd, "/usr/bin/python3 %s/check_numc_files.py %s", IO_DATA, tmp);
    printf("\n  ");
    fflush(stdout);
    CU_ASSERT_EQUAL(system(cmd), 0);
}

static const ND_TEST tests[] = {
    ND_T(test_numpy_reads_numc_files),
    { 0 }
};

ND_TEST_MAIN_WITH("io_interop", tests, io_scratch_setup, io_scratch_teardown)
