/* Loading NumPy-generated array fixtures in the simple text format
 *   name dtype ndim d0 .. d{ndim-1} v0 v1 ...
 * (one array per line, values in C order) and comparing arrays against them. */
#ifndef NUMC_TEST_FIXTURE_H
#define NUMC_TEST_FIXTURE_H

#include <numc/numc.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "testutil.h"

/* The array named `name` in `path`, as its own dtype; NULL if absent. */
static nd_array *fixture_load(const char *path, const char *name)
{
    FILE *f = fopen(path, "r");
    if (!f) return NULL;
    char *line = NULL;
    size_t cap = 0;
    nd_array *out = NULL;
    size_t nlen = strlen(name);
    while (!out && getline(&line, &cap, f) > 0) {
        if (strncmp(line, name, nlen) != 0 || line[nlen] != ' ') continue;
        char *p = line + nlen, *end;
        char dt[32];
        int used = 0, ndim;
        if (sscanf(p, "%31s %d%n", dt, &ndim, &used) != 2) break;
        p += used;
        ptrdiff_t shape[ND_MAXDIMS], n = 1;
        for (int d = 0; d < ndim; d++) {
            shape[d] = strtol(p, &end, 10);
            p = end;
            n *= shape[d];
        }
        double *v = malloc(sizeof *v * (size_t)(n ? n : 1));
        for (ptrdiff_t i = 0; i < n; i++) {
            v[i] = strtod(p, &end);
            p = end;
        }
        nd_array *f64 = nd_wrap(v, ndim, shape, NULL, ND_FLOAT64, NULL, NULL);
        out = nd_astype(f64, (nd_dtype)nd_dtype_from_name(dt), ND_CAST_UNSAFE);
        nd_free(f64);
        free(v);
    }
    free(line);
    fclose(f);
    return out;
}

/* Assert `got` has the fixture's dtype, shape and values (NaN equals NaN). Frees got. */
static void fixture_check(const char *path, const char *name, nd_array *got)
{
    nd_array *want = fixture_load(path, name);
    if (!want) printf("\nfixture %s missing in %s\n", name, path);
    CU_ASSERT_PTR_NOT_NULL_FATAL(want);
    if (!got) printf("\n%s: NULL (%s)\n", name, nd_errmsg());
    CU_ASSERT_PTR_NOT_NULL_FATAL(got);
    bool ok = nd_dtype_of(got) == nd_dtype_of(want) && nd_ndim(got) == nd_ndim(want) &&
              !memcmp(nd_shape(got), nd_shape(want), sizeof(ptrdiff_t) * (size_t)nd_ndim(want));
    for (ptrdiff_t i = 0; ok && i < nd_size(want); i++) {
        nd_scalar a, b;
        nd_get_flat(got, i, &a);
        nd_get_flat(want, i, &b);
        double x = nd_scalar_as_f64(a), y = nd_scalar_as_f64(b);
        if (!(x == y || (x != x && y != y))) {
            printf("\n%s[%td]: got %.17g want %.17g\n", name, i, x, y);
            ok = false;
        }
    }
    if (!ok) {
        char *g = nd_repr(got), *w = nd_repr(want);
        printf("\n%s:\n got  %s\n want %s\n", name, g, w);
        nd_freemem(g);
        nd_freemem(w);
    }
    CU_ASSERT_TRUE(ok);
    nd_free(want);
    nd_free(got);
}

#endif
