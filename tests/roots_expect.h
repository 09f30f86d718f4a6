/* Comparing computed polynomial roots with NumPy's, as NumPy's own tests do: both sorted by
 * (real, imag), then element by element at a loose tolerance. For test_poly and test_polyfam. */
#ifndef NUMC_TEST_ROOTS_EXPECT_H
#define NUMC_TEST_ROOTS_EXPECT_H

#include <complex.h>
#include <stdio.h>
#include <stdlib.h>

#include "testutil.h"

static inline int roots_expect_cmp(const void *a, const void *b)
{
    const double *x = a, *y = b;
    if (x[0] != y[0]) return x[0] < y[0] ? -1 : 1;
    return (x[1] > y[1]) - (x[1] < y[1]);
}

/* Assert got has the dtype and the roots of dir/name.npy within tol * (1 + |want|).
 * Frees got. */
static inline void roots_expect(const char *dir, nd_array *got, const char *name, double tol)
{
    if (!got) printf("\n  %s: NULL (%s)\n", name, nd_errmsg());
    CU_ASSERT_PTR_NOT_NULL_FATAL(got);
    nd_array *want = test_load_npy(dir, "", name);
    CU_ASSERT_PTR_NOT_NULL_FATAL(want);
    CU_ASSERT_EQUAL(nd_dtype_of(got), nd_dtype_of(want));
    ptrdiff_t n = nd_size(got);
    CU_ASSERT_EQUAL_FATAL(n, nd_size(want));
    double _Complex *g = malloc(sizeof *g * (size_t)(n + 1)), *w = malloc(sizeof *w * (size_t)(n + 1));
    nd_to_buffer(got, g, ND_COMPLEX128);
    nd_to_buffer(want, w, ND_COMPLEX128);
    qsort(g, (size_t)n, sizeof *g, roots_expect_cmp);
    qsort(w, (size_t)n, sizeof *w, roots_expect_cmp);
    for (ptrdiff_t i = 0; i < n; i++) {
        if (cabs(g[i] - w[i]) > tol * (1 + cabs(w[i])))
            printf("\n  %s[%td]: %g%+gj vs %g%+gj\n", name, i, creal(g[i]), cimag(g[i]), creal(w[i]),
                   cimag(w[i]));
        CU_ASSERT(cabs(g[i] - w[i]) <= tol * (1 + cabs(w[i])));
    }
    free(g);
    free(w);
    nd_free(got);
    nd_free(want);
}

#endif
