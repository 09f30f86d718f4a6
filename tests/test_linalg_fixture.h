/* Fixture loading and comparison for the linalg and fft suites.
 * A fixture file holds one array per line: name dtype ndim d0 ... v0 v1 ... (complex
 * values as re im), written by tests/data/<area>/gen.py. */
#ifndef NUMC_TEST_LINALG_FIXTURE_H
#define NUMC_TEST_LINALG_FIXTURE_H

#include <numc/numc.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "testutil.h"

/* The array called `name` in `file` (NULL and a message when missing). */
static inline nd_array *fx_load(const char *file, const char *name)
{
    FILE *f = fopen(file, "r");
    if (!f) {
        printf("\ncannot open %s\n", file);
        return NULL;
    }
    char key[256], dt[64];
    int ndim;
    nd_array *r = NULL;
    while (fscanf(f, "%255s %63s %d", key, dt, &ndim) == 3) {
        ptrdiff_t shape[ND_MAXDIMS], size = 1;
        for (int i = 0; i < ndim; i++) {
            if (fscanf(f, "%td", &shape[i]) != 1) goto done;
            size *= shape[i];
        }
        int t = nd_dtype_from_name(dt);
        if (t < 0) goto done;
        bool cplx = nd_dtype_is_complex((nd_dtype)t), match = strcmp(key, name) == 0;
        ptrdiff_t nv = size * (cplx ? 2 : 1);
        double *v = match ? malloc(sizeof(double) * (size_t)(nv ? nv : 1)) : NULL;
        for (ptrdiff_t i = 0; i < nv; i++) {
            double x;
            if (fscanf(f, "%lf", &x) != 1) {
                free(v);
                goto done;
            }
            if (v) v[i] = x;
        }
        if (match) {
            r = nd_empty(ndim, shape, (nd_dtype)t);
            if (r) nd_cast_strided(nd_data(r), (nd_dtype)t, (ptrdiff_t)nd_itemsize(r), v,
                                   cplx ? ND_COMPLEX128 : ND_FLOAT64, cplx ? 16 : 8, size);
            free(v);
            goto done;
        }
    }
done:
    fclose(f);
    if (!r) printf("\nfixture %s not found in %s\n", name, file);
    return r;
}

/* max |got - want| / max |want| over all elements (complex-aware); INFINITY when the
 * shapes differ. Both arrays are read through complex128 copies. */
static inline double fx_relerr(const nd_array *got, const nd_array *want)
{
    if (!got || !want) return INFINITY;
    if (nd_ndim(got) != nd_ndim(want)) return INFINITY;
    for (int i = 0; i < nd_ndim(got); i++)
        if (nd_shape(got)[i] != nd_shape(want)[i]) return INFINITY;
    ptrdiff_t n = nd_size(got);
    double *g = malloc(16 * (size_t)(n ? n : 1)), *w = malloc(16 * (size_t)(n ? n : 1));
    double err = 0, scale = 0;
    nd_to_buffer(got, g, ND_COMPLEX128);
    nd_to_buffer(want, w, ND_COMPLEX128);
    for (ptrdiff_t i = 0; i < n; i++) {
        double d = hypot(g[2 * i] - w[2 * i], g[2 * i + 1] - w[2 * i + 1]);
        double m = hypot(w[2 * i], w[2 * i + 1]);
        if (d > err || d != d) err = d != d ? INFINITY : d;
        if (m > scale) scale = m;
    }
    free(g);
    free(w);
    return n == 0 ? 0 : err / (scale > 0 ? scale : 1);
}

/* Assert got matches fixture `name` of `file` within tol (relative to its largest
 * element) and, when check_dtype, has the fixture's dtype. Frees got. */
static inline void fx_check_file(nd_array *got, const char *file, const char *name, double tol,
                          bool check_dtype)
{
    nd_array *want = fx_load(file, name);
    CU_ASSERT_PTR_NOT_NULL(got);
    CU_ASSERT_PTR_NOT_NULL(want);
    if (!got && want) printf("\n%s: NULL result (%s)\n", name, nd_errmsg());
    if (got && want) {
        double e = fx_relerr(got, want);
        if (!(e <= tol)) printf("\n%s: relative error %.3g > %.3g\n", name, e, tol);
        CU_ASSERT(e <= tol);
        if (check_dtype && nd_dtype_of(got) != nd_dtype_of(want))
            printf("\n%s: dtype %s, want %s\n", name, nd_dtype_name(nd_dtype_of(got)),
                   nd_dtype_name(nd_dtype_of(want)));
        if (check_dtype) CU_ASSERT_EQUAL(nd_dtype_of(got), nd_dtype_of(want));
    }
    nd_free(want);
    nd_free(got);
}

/* Tolerance for a dtype's precision: rel64 for double precision, rel32 for single. */
static inline double fx_tol(nd_dtype t, double rel64, double rel32)
{
    return (t == ND_FLOAT32 || t == ND_COMPLEX64) ? rel32 : rel64;
}

#endif
