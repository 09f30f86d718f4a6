/* numpy.polynomial's calculus for the six families: *der and *int along any axis of an
 * n-d coefficient array. The drivers (orders, scaling, constants, lower bound, axis) are
 * shared; a family contributes one differentiation and one integration step. */
#include <string.h>

#include <numc/array.h>
#include <numc/error.h>
#include <numc/poly.h>

#include "polyfam_internal.h"

/* One derivative of c (n coefficients, modified) into der (n - 1), as NumPy's *der loops. */
static void der1(pf_kind kind, double *c, ptrdiff_t n, double *der)
{
    ptrdiff_t m = n - 1; /* NumPy's n after `n = n - 1` */
    switch (kind) {
    case PF_POWER:
    case PF_HERME:
        for (ptrdiff_t j = m; j >= 1; j--) der[j - 1] = (double)j * c[j];
        break;
    case PF_HERM:
        for (ptrdiff_t j = m; j >= 1; j--) der[j - 1] = (double)(2 * j) * c[j];
        break;
    case PF_CHEB:
        for (ptrdiff_t j = m; j > 2; j--) {
            der[j - 1] = (double)(2 * j) * c[j];
            c[j - 2] += ((double)j * c[j]) / (double)(j - 2);
        }
        if (m > 1) der[1] = 4 * c[2];
        der[0] = c[1];
        break;
    case PF_LEG:
        for (ptrdiff_t j = m; j > 2; j--) {
            der[j - 1] = (double)(2 * j - 1) * c[j];
            c[j - 2] += c[j];
        }
        if (m > 1) der[1] = 3 * c[2];
        der[0] = c[1];
        break;
    case PF_LAG:
        for (ptrdiff_t j = m; j > 1; j--) {
            der[j - 1] = -c[j];
            c[j - 1] += c[j];
        }
        der[0] = -c[1];
        break;
    }
}

/* One integral of c (n) into tmp (n + 1) with tmp's constant term before the bound fix. */
static void int1(pf_kind kind, const double *c, ptrdiff_t n, double *tmp)
{
    for (ptrdiff_t j = 0; j <= n; j++) tmp[j] = 0;
    switch (kind) {
    case PF_POWER:
        for (ptrdiff_t j = 0; j < n; j++) tmp[j + 1] = c[j] / (double)(j + 1);
        break;
    case PF_HERME:
        tmp[1] = c[0];
        for (ptrdiff_t j = 1; j < n; j++) tmp[j + 1] = c[j] / (double)(j + 1);
        break;
    case PF_HERM:
        tmp[1] = c[0] / 2;
        for (ptrdiff_t j = 1; j < n; j++) tmp[j + 1] = c[j] / (double)(2 * (j + 1));
        break;
    case PF_CHEB:
        tmp[1] = c[0];
        if (n > 1) tmp[2] = c[1] / 4;
        for (ptrdiff_t j = 2; j < n; j++) {
            tmp[j + 1] = c[j] / (double)(2 * (j + 1));
            tmp[j - 1] -= c[j] / (double)(2 * (j - 1));
        }
        break;
    case PF_LEG:
        tmp[1] = c[0];
        if (n > 1) tmp[2] = c[1] / 3;
        for (ptrdiff_t j = 2; j < n; j++) {
            double t = c[j] / (double)(2 * j + 1);
            tmp[j + 1] = t;
            tmp[j - 1] -= t;
        }
        break;
    case PF_LAG:
        tmp[0] = c[0];
        tmp[1] = -c[0];
        for (ptrdiff_t j = 1; j < n; j++) {
            tmp[j] += c[j];
            tmp[j + 1] = -c[j];
        }
        break;
    }
}

typedef struct block {
    double *v;
    int ndim, ax;
    ptrdiff_t shape[ND_MAXDIMS], pre, n, post;
} block;

static nd_status load_block(const nd_array *c, int axis, const char *who, block *b)
{
    b->v = NULL;
    if (!c) return nd_set_error(ND_EVALUE, "%s: array is NULL", who);
    b->ndim = nd_ndim(c) ? nd_ndim(c) : 1;
    if (axis < -b->ndim || axis >= b->ndim)
        return nd_set_error(ND_EAXIS, "%s: axis %d is out of bounds for array of dimension %d", who,
                            axis, b->ndim);
    b->ax = axis < 0 ? axis + b->ndim : axis;
    if (nd_ndim(c)) memcpy(b->shape, nd_shape(c), sizeof(ptrdiff_t) * (size_t)b->ndim);
    else b->shape[0] = 1;
    b->pre = b->post = 1;
    for (int d = 0; d < b->ax; d++) b->pre *= b->shape[d];
    for (int d = b->ax + 1; d < b->ndim; d++) b->post *= b->shape[d];
    b->n = b->shape[b->ax];
    b->v = nd__pf_f64(c, who);
    return b->v ? ND_OK : (nd_last_error() < 0 ? nd_last_error() : ND_ENOMEM);
}

static nd_array *block_take(block *b)
{
    b->shape[b->ax] = b->n;
    nd_array *r = nd_empty(b->ndim, b->shape, ND_FLOAT64);
    ptrdiff_t total = b->pre * b->n * b->post;
    if (r && total) memcpy(nd_data(r), b->v, sizeof(double) * (size_t)total);
    nd_free_mem(b->v);
    b->v = NULL;
    return r;
}

#define AT(b, p, j, q) ((b)->v[((p) * (b)->n + (j)) * (b)->post + (q)])

/* Apply step (der or int) to every column: n -> nn coefficients. */
static nd_status apply(block *b, ptrdiff_t nn, const char *who,
                       void (*step)(pf_kind, double *, ptrdiff_t, double *, void *), pf_kind kind,
                       void *ctx)
{
    double *nv = nd__malloc_n(b->pre * nn * b->post + 1, sizeof(double), who);
    double *col = nd__malloc_n(b->n + nn + 2, sizeof(double), who);
    if (!nv || !col) {
        nd_free_mem(nv);
        nd_free_mem(col);
        return ND_ENOMEM;
    }
    double *out = col + b->n + 1;
    for (ptrdiff_t p = 0; p < b->pre; p++)
        for (ptrdiff_t q = 0; q < b->post; q++) {
            for (ptrdiff_t j = 0; j < b->n; j++) col[j] = AT(b, p, j, q);
            step(kind, col, b->n, out, ctx);
            for (ptrdiff_t j = 0; j < nn; j++) nv[(p * nn + j) * b->post + q] = out[j];
        }
    nd_free_mem(b->v);
    nd_free_mem(col);
    b->v = nv;
    b->n = nn;
    return ND_OK;
}

static void der_step(pf_kind kind, double *c, ptrdiff_t n, double *out, void *ctx)
{
    double scl = *(const double *)ctx;
    for (ptrdiff_t j = 0; j < n; j++) c[j] *= scl;
    der1(kind, c, n, out);
}

static nd_array *der(pf_kind kind, const char *who, const nd_array *c, const nd_polyfam_der_opts *o)
{
    nd_polyfam_der_opts d = { 0, 1, 1.0, 0 };
    if (o) d = *o;
    if (!c) return nd_set_error(ND_EVALUE, "%s: array is NULL", who), NULL;
    if (d.m < 0)
        return nd_set_error(ND_EVALUE, "%s: The order of derivation must be non-negative (got %d)",
                            who, d.m),
               NULL;
    block b;
    if (load_block(c, d.axis, who, &b) < 0) return NULL;
    if (d.m >= b.n) {
        ptrdiff_t nn = b.n ? 1 : 0;
        for (ptrdiff_t p = 0; p < b.pre; p++)
            for (ptrdiff_t q = 0; q < b.post * nn; q++) b.v[p * b.post + q] = 0;
        b.n = nn;
        return block_take(&b);
    }
    for (int i = 0; i < d.m; i++)
        if (apply(&b, b.n - 1, who, der_step, kind, &d.scl) < 0) {
            nd_free_mem(b.v);
            return NULL;
        }
    return block_take(&b);
}

typedef struct int_ctx {
    double scl, k, lbnd;
} int_ctx;

static void int_step(pf_kind kind, double *c, ptrdiff_t n, double *out, void *ctx)
{
    const int_ctx *ic = ctx;
    for (ptrdiff_t j = 0; j < n; j++) c[j] *= ic->scl;
    int1(kind, c, n, out);
    out[0] += ic->k - nd__pf_eval(kind, out, n + 1, 1, ic->lbnd);
}

static nd_array *integ(pf_kind kind, const char *who, const nd_array *c, const nd_polyfam_int_opts *o)
{
    nd_polyfam_int_opts d = { 0, 1, { NULL, { ND_BOOL, { false } }, ND_OPK_NONE }, 0.0, 1.0, 0 };
    if (o) d = *o;
    if (!c) return nd_set_error(ND_EVALUE, "%s: array is NULL", who), NULL;
    if (d.m < 0)
        return nd_set_error(ND_EVALUE, "%s: The order of integration must be non-negative (got %d)",
                            who, d.m),
               NULL;
    double *k = NULL;
    ptrdiff_t nk = 0;
    if (d.k.kind == ND_OPK_ARRAY && d.k.array) { /* a zero-filled k: no constants */
        if (nd_ndim(d.k.array) > 1)
            return nd_set_error(ND_ESHAPE, "%s: k must be a scalar or 1-d", who), NULL;
        nk = nd_size(d.k.array);
        if (!(k = nd__pf_f64(d.k.array, who))) return NULL;
    } else if (d.k.kind == ND_OPK_SCALAR) {
        nd_array *ka = nd_scalar_array(d.k.scalar);
        if (!ka) return NULL;
        nk = 1;
        k = nd__pf_f64(ka, who);
        nd_free(ka);
        if (!k) return NULL;
    }
    if (nk > d.m) {
        nd_free_mem(k);
        return nd_set_error(ND_EVALUE, "%s: Too many integration constants (%td for m = %d)", who, nk,
                            d.m),
               NULL;
    }
    block b;
    if (load_block(c, d.axis, who, &b) < 0) {
        nd_free_mem(k);
        return NULL;
    }
    if (d.m > 0 && b.n == 0) {
        nd_free_mem(k);
        nd_free_mem(b.v);
        return nd_set_error(ND_EVALUE, "%s: Coefficient array is empty", who), NULL;
    }
    for (int i = 0; i < d.m; i++) {
        int_ctx ic = { d.scl, i < nk ? k[i] : 0.0, d.lbnd };
        bool zero = b.n == 1;
        for (ptrdiff_t t = 0; zero && t < b.pre * b.post; t++) zero = b.v[t] * d.scl == 0;
        if (zero) {
            for (ptrdiff_t t = 0; t < b.pre * b.post; t++) b.v[t] = b.v[t] * d.scl + ic.k;
            continue;
        }
        if (apply(&b, b.n + 1, who, int_step, kind, &ic) < 0) {
            nd_free_mem(k);
            nd_free_mem(b.v);
            return NULL;
        }
    }
    nd_free_mem(k);
    return block_take(&b);
}

#define PF_DEF_CALC(P, K)                                                                       \
    nd_array *nd_##P##der_(const nd_array *c, const nd_polyfam_der_opts *o)                    \
    {                                                                                           \
        return der(K, "nd_" #P "der", c, o);                                                    \
    }                                                                                           \
    nd_array *nd_##P##int_(const nd_array *c, const nd_polyfam_int_opts *o)                    \
    {                                                                                           \
        return integ(K, "nd_" #P "int", c, o);                                                  \
    }
ND__PF_FAMILIES(PF_DEF_CALC)
