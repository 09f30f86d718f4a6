/* Loading NumPy-generated fixtures from text files and comparing arrays with them.
 * Two line formats:
 *   name dtype ndim d0 .. d{ndim-1} v0 v1 ...   (fixture_load / fixture_check)
 *   name v0 v1 ...                             (fixture_values / fixture_expect) */
#ifndef NUMC_TEST_FIXTURE_H
#define NUMC_TEST_FIXTURE_H

#include <math.h>
#include <numc/numc.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "testutil.h"

/* Read one line of any length into *buf (grown with realloc); false at end of file. */
static inline bool fixture_getline(FILE *f, char **buf, size_t *cap)
{
    size_t len = 0;
    if (!*buf) *buf = malloc(*cap = 4096);
    while (fgets(*buf + len, (int)(*cap - len), f)) {
        len += strlen(*buf + len);
        if (len && (*buf)[len - 1] == '\n') return true;
        *buf = realloc(*buf, *cap *= 2);
    }
    return len > 0;
}

/* The line of `path` that starts with "name "; NULL if none (free the result). */
static inline char *fixture_line(const char *path, const char *name)
{
    FILE *f = fopen(path, "r");
    if (!f) return NULL;
    char *line = NULL;
    size_t cap = 0, nlen = strlen(name);
    bool found = false;
    while (!found && fixture_getline(f, &line, &cap))
        found = strncmp(line, name, nlen) == 0 && line[nlen] == ' ';
    fclose(f);
    if (!found) {
        free(line);
        return NULL;
    }
    return line;
}

/* The numbers after "name" on its line, up to cap of them; -1 if there is no such line. */
static inline int fixture_values(const char *path, const char *name, double *out, int cap)
{
    char *line = fixture_line(path, name);
    if (!line) return -1;
    char *p = line + strlen(name), *end;
    int n = 0;
    for (double v; n < cap && (v = strtod(p, &end), end != p); p = end) out[n++] = v;
    free(line);
    return n;
}

/* Assert that a equals the values of fixture `name` within rtol (0: exactly; NaN
 * equals NaN); prints the first mismatches. */
static inline void fixture_expect(const char *path, const char *name, const nd_array *a, double rtol)
{
    CU_ASSERT_PTR_NOT_NULL_FATAL(a);
    ptrdiff_t n = nd_size(a);
    size_t cap = (size_t)(n > 0 ? n : 0) + 1;
    double *want = malloc(sizeof *want * cap), *got = malloc(sizeof *got * cap);
    int m = fixture_values(path, name, want, (int)n + 1);
    if (m != n) printf("\n  %s: fixture has %d values, array %td\n", name, m, n);
    CU_ASSERT_EQUAL(m, n);
    nd_to_f64(a, got);
    int bad = 0;
    for (ptrdiff_t i = 0; m == n && i < n; i++) {
        bool ok = (isnan(got[i]) && isnan(want[i])) || fabs(got[i] - want[i]) <= rtol * fabs(want[i]) ||
                  got[i] == want[i];
        if (!ok && bad++ < 3) printf("\n  %s[%td]: %.17g vs %.17g", name, i, got[i], want[i]);
    }
    CU_ASSERT_EQUAL(bad, 0);
    free(want);
    free(got);
}

/* The array named `name` in `path`, as its own dtype; NULL if absent. */
static inline nd_array *fixture_load(const char *path, const char *name)
{
    char *line = fixture_line(path, name);
    if (!line) return NULL;
    char *p = line + strlen(name), *end;
    char dt[32];
    int used = 0, ndim = 0;
    nd_array *out = NULL;
    if (sscanf(p, "%31s %d%n", dt, &ndim, &used) == 2 && ndim >= 0 && ndim <= ND_MAXDIMS) {
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
    return out;
}

/* True if got has want's shape (and dtype if check_dtype) and values within rtol of want's
 * (NaN equals NaN); on a mismatch prints the first differing element and both arrays. */
static inline bool fixture_same(const char *name, const nd_array *want, const nd_array *got,
                                double rtol, bool check_dtype)
{
    bool ok = got && (!check_dtype || nd_dtype_of(got) == nd_dtype_of(want)) &&
              nd_ndim(got) == nd_ndim(want) &&
              !memcmp(nd_shape(got), nd_shape(want), sizeof(ptrdiff_t) * (size_t)nd_ndim(want));
    for (ptrdiff_t i = 0; ok && i < nd_size(want); i++) {
        nd_scalar a, b;
        nd_get_flat(got, i, &a);
        nd_get_flat(want, i, &b);
        double x = nd_scalar_as_f64(a), y = nd_scalar_as_f64(b);
        ok = x == y || (x != x && y != y) || fabs(x - y) <= rtol * fabs(y);
        if (!ok) printf("\n%s[%td]: got %.17g want %.17g\n", name, i, x, y);
    }
    if (!ok) {
        char *g = got ? nd_repr(got) : NULL, *w = nd_repr(want);
        printf("\n%s:\n got  %s%s\n want %s\n", name, g ? g : "NULL: ", g ? "" : nd_errmsg(), w);
        nd_free_mem(g);
        nd_free_mem(w);
    }
    return ok;
}

/* Assert `got` has the fixture's dtype, shape and values (NaN equals NaN). Frees got. */
static inline void fixture_check(const char *path, const char *name, nd_array *got)
{
    nd_array *want = fixture_load(path, name);
    if (!want) printf("\nfixture %s missing in %s\n", name, path);
    CU_ASSERT_PTR_NOT_NULL_FATAL(want);
    if (!got) printf("\n%s: NULL (%s)\n", name, nd_errmsg());
    CU_ASSERT_PTR_NOT_NULL_FATAL(got);
    CU_ASSERT_TRUE(fixture_same(name, want, got, 0.0, true));
    nd_free(want);
    nd_free(got);
}

#endif
