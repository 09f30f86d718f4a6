/* Reader for tests/data/ufunc/ufunc.txt (see gen.py there): typed arrays with exact
 * integers and complex pairs, and a tolerant comparison for math results. */
#ifndef NUMC_TEST_UFUNC_FIXTURE_H
#define NUMC_TEST_UFUNC_FIXTURE_H

#include <numc/numc.h>
#include <numc/ufunc.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "testutil.h"

#define UFX_PATH NUMC_TEST_DATA "/ufunc/ufunc.txt"
#define UFX_MAXTOK 4096

typedef struct ufx_line {
    char *buf;
    char *tok[UFX_MAXTOK];
    int ntok;
} ufx_line;

/* Split a line in place into whitespace-separated tokens. */
static void ufx_split(ufx_line *l, char *s)
{
    l->buf = s;
    l->ntok = 0;
    for (char *p = strtok(s, " \n"); p && l->ntok < UFX_MAXTOK; p = strtok(NULL, " \n"))
        l->tok[l->ntok++] = p;
}

/* Parse "dtype ndim shape... values..." at tok[*pos]; advances *pos. */
static nd_array *ufx_array(const ufx_line *l, int *pos)
{
    int dt = nd_dtype_from_name(l->tok[(*pos)++]);
    if (dt < 0) return NULL;
    int ndim = atoi(l->tok[(*pos)++]);
    ptrdiff_t shape[ND_MAXDIMS], n = 1;
    for (int d = 0; d < ndim; d++) {
        shape[d] = atol(l->tok[(*pos)++]);
        n *= shape[d];
    }
    nd_array *a = nd_zeros(ndim, shape, (nd_dtype)dt);
    if (!a) return NULL;
    char *p = nd_data(a);
    size_t isz = nd_itemsize(a);
    for (ptrdiff_t i = 0; i < n; i++, p += isz) {
        const char *t = l->tok[(*pos)++];
        switch ((nd_dtype)dt) {
        case ND_BOOL: *(bool *)p = atoi(t) != 0; break;
        case ND_INT8: *(int8_t *)p = (int8_t)strtoll(t, NULL, 10); break;
        case ND_INT16: *(int16_t *)p = (int16_t)strtoll(t, NULL, 10); break;
        case ND_INT32: *(int32_t *)p = (int32_t)strtoll(t, NULL, 10); break;
        case ND_INT64: *(int64_t *)p = (int64_t)strtoll(t, NULL, 10); break;
        case ND_UINT8: *(uint8_t *)p = (uint8_t)strtoull(t, NULL, 10); break;
        case ND_UINT16: *(uint16_t *)p = (uint16_t)strtoull(t, NULL, 10); break;
        case ND_UINT32: *(uint32_t *)p = (uint32_t)strtoull(t, NULL, 10); break;
        case ND_UINT64: *(uint64_t *)p = (uint64_t)strtoull(t, NULL, 10); break;
        case ND_FLOAT32: *(float *)p = strtof(t, NULL); break;
        case ND_FLOAT64: *(double *)p = strtod(t, NULL); break;
        case ND_COMPLEX64:
            ((float *)p)[0] = strtof(t, NULL);
            ((float *)p)[1] = strtof(l->tok[(*pos)++], NULL);
            break;
        case ND_COMPLEX128:
            ((double *)p)[0] = strtod(t, NULL);
            ((double *)p)[1] = strtod(l->tok[(*pos)++], NULL);
            break;
        default: break;
        }
    }
    return a;
}

static bool ufx_close(double g, double w, double rtol)
{
    if (g == w) return true;
    if (g != g && w != w) return true;
    if (g != g || w != w || isinf(g) || isinf(w)) return false;
    double scale = fabs(w) > 1e-290 ? fabs(w) : 1e-290;
    return fabs(g - w) <= rtol * scale;
}

/* Compare dtype, shape and values (rtol 0: exact, NaN equal to NaN). Reports the
 * first difference on stdout with `what`. */
static bool ufx_equal(const nd_array *got, const nd_array *want, double rtol, const char *what)
{
    if (!got) {
        printf("\n%s: NULL (%s)\n", what, nd_errmsg());
        return false;
    }
    if (nd_dtype_of(got) != nd_dtype_of(want) || nd_ndim(got) != nd_ndim(want) ||
        memcmp(nd_shape(got), nd_shape(want), sizeof(ptrdiff_t) * (size_t)nd_ndim(want)) != 0) {
        char *g = nd_repr(got), *w = nd_repr(want);
        printf("\n%s: got %s want %s\n", what, g, w);
        nd_free_mem(g);
        nd_free_mem(w);
        return false;
    }
    bool cplx = nd_dtype_is_complex(nd_dtype_of(want));
    for (ptrdiff_t i = 0; i < nd_size(want); i++) {
        nd_scalar a, b;
        nd_get_flat(got, i, &a);
        nd_get_flat(want, i, &b);
        bool ok;
        if (cplx) {
            double mag = fabs(b.v.c[0]) > fabs(b.v.c[1]) ? fabs(b.v.c[0]) : fabs(b.v.c[1]);
            double tol = rtol * (mag > 1e-290 ? mag : 1e-290);
            ok = true;
            for (int k = 0; k < 2; k++) {
                double g = a.v.c[k], w = b.v.c[k];
                ok = ok && (g == w || (g != g && w != w) ||
                            (!isinf(w) && !isinf(g) && fabs(g - w) <= tol));
            }
        } else if (nd_dtype_is_float(nd_dtype_of(want))) {
            ok = ufx_close(a.v.f, b.v.f, rtol);
        } else if (nd_dtype_kind(nd_dtype_of(want)) == 'u') {
            ok = a.v.u == b.v.u;
        } else if (nd_dtype_of(want) == ND_BOOL) {
            ok = a.v.b == b.v.b;
        } else {
            ok = a.v.i == b.v.i;
        }
        if (!ok) {
            char *g = nd_repr(got), *w = nd_repr(want);
            printf("\n%s: element %td differs\n got  %s\n want %s\n", what, i, g, w);
            nd_free_mem(g);
            nd_free_mem(w);
            return false;
        }
    }
    return true;
}

#endif
