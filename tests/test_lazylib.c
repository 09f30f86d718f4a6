/* BLAS, LAPACKE and FFTW are loaded on first use (core/array/lazylib.c), not with numc:
 * array work leaves them unloaded, the first matmul loads BLAS only, the first LAPACK
 * routine LAPACKE, and a library that cannot be loaded is an ND_EIO error naming the
 * function and the library. White-box: nd__lazy_set_soname points FFTW at a missing file.
 * Whether a library is in the process is asked with dlopen(RTLD_NOLOAD), which matches
 * the soname whatever path it was loaded from. */
#define _GNU_SOURCE
#include <dlfcn.h>
#include <numc/fft.h>
#include <numc/linalg.h>
#include <numc/stats.h>
#include <numc/ufunc.h>

#include "lazylib.h"
#include "testutil.h"

static bool loaded(const char *soname)
{
    void *h = dlopen(soname, RTLD_NOW | RTLD_NOLOAD);
    if (h) dlclose(h);
    return h != NULL;
}

static bool any_loaded(void)
{
    for (int l = 0; l < ND_LAZY_NLIBS; l++)
        if (loaded(nd__lazy_soname((nd_lazy_lib)l))) return true;
    return loaded("libgfortran.so.5");
}

static nd_array *mat2(double a, double b, double c, double d)
{
    const double v[4] = { a, b, c, d };
    return nd_from_buffer(v, 2, (const ptrdiff_t[]){ 2, 2 }, ND_FLOAT64);
}

static void test_array_work_loads_nothing(void)
{
    CU_ASSERT_FALSE(any_loaded());
    nd_array *x = nd_arange(0, 12, 1, ND_FLOAT64), *y = nd_add(x, x), *s = nd_sum(y);
    CU_ASSERT_PTR_NOT_NULL_FATAL(s);
    CU_ASSERT_DOUBLE_EQUAL(*(double *)s->data, 132.0, 0);
    nd_array *c = nd_fftfreq(8, 1.0); /* a helper of the FFT module that needs no FFTW */
    CU_ASSERT_PTR_NOT_NULL(c);
    CU_ASSERT_FALSE(any_loaded());
    nd_free(x);
    nd_free(y);
    nd_free(s);
    nd_free(c);
}

static void test_missing_library_is_an_error(void)
{
    nd__lazy_set_soname(ND_LAZY_FFTWF, "libnumc-test-missing.so.0");
    nd_array *x = nd_arange(0, 8, 1, ND_FLOAT64);
    for (int i = 0; i < 2; i++) { /* the failed load is remembered: same error again */
        nd_clear_error();
        nd_array *f = nd_fft(x);
        CU_ASSERT_PTR_NULL(f);
        CU_ASSERT_EQUAL(nd_last_error(), ND_EIO);
        CU_ASSERT_PTR_NOT_NULL(strstr(nd_errmsg(), "nd_fft"));
        CU_ASSERT_PTR_NOT_NULL(strstr(nd_errmsg(), "cannot load libnumc-test-missing.so.0"));
        nd_free(f);
    }
    CU_ASSERT_EQUAL(nd_fft_wisdom_save("lazylib-wisdom.txt"), ND_EIO);
    CU_ASSERT_PTR_NOT_NULL(strstr(nd_errmsg(), "nd_fft_wisdom_save: cannot load"));
    CU_ASSERT_FALSE(loaded(nd__lazy_soname(ND_LAZY_BLAS)));
    nd_free(x);
}

static void test_matmul_loads_blas_only(void)
{
    CU_ASSERT_FALSE(loaded(nd__lazy_soname(ND_LAZY_BLAS)));
    nd_array *a = mat2(1, 2, 3, 4), *b = mat2(5, 6, 7, 8), *c = nd_matmul(a, b);
    CU_ASSERT_PTR_NOT_NULL_FATAL(c);
    const double *p = (const double *)c->data;
    CU_ASSERT_DOUBLE_EQUAL(p[0], 19, 0);
    CU_ASSERT_DOUBLE_EQUAL(p[1], 22, 0);
    CU_ASSERT_DOUBLE_EQUAL(p[2], 43, 0);
    CU_ASSERT_DOUBLE_EQUAL(p[3], 50, 0);
    CU_ASSERT_TRUE(loaded(nd__lazy_soname(ND_LAZY_BLAS)));
    CU_ASSERT_FALSE(loaded(nd__lazy_soname(ND_LAZY_LAPACKE)));
    nd_free(a);
    nd_free(b);
    nd_free(c);
}

static void test_inv_loads_lapacke(void)
{
    nd_array *a = mat2(4, 7, 2, 6), *inv = nd_inv(a);
    CU_ASSERT_PTR_NOT_NULL_FATAL(inv);
    const double *p = (const double *)inv->data, want[4] = { 0.6, -0.7, -0.2, 0.4 };
    for (int i = 0; i < 4; i++) CU_ASSERT_DOUBLE_EQUAL(p[i], want[i], 1e-15);
    CU_ASSERT_TRUE(loaded(nd__lazy_soname(ND_LAZY_LAPACKE)));
    nd_free(a);
    nd_free(inv);
}

static const ND_TEST tests[] = {
    ND_T(test_array_work_loads_nothing), ND_T(test_missing_library_is_an_error),
    ND_T(test_matmul_loads_blas_only), ND_T(test_inv_loads_lapacke), { 0 }
};
ND_TEST_MAIN("lazylib", tests)
