/* numpy.polynomial's families: the family table and the coefficient-vector kernels
 * (mulx, Clenshaw evaluation over numbers and over series) that every other polyfam*.c
 * file builds on. Each family is only its recurrence and its multiplication-by-x rule. */
#include <math.h>
#include <string.h>

#include <numc/array.h>
#include <numc/error.h>
#include <numc/poly.h>

#include "polyfam_internal.h"

void nd__pf_rec(pf_kind kind, ptrdiff_t k, pf_rec *r)
{
    double kk = (double)k;
    r->A = 1;
    r->B = 0;
    r->G = 0;
    r->D = 1;
    switch (kind) {
    case PF_POWER: r->A = 1; r->G = 0; break;
    case PF_CHEB: r->A = k == 0 ? 1 : 2; r->G = 1; break;
    case PF_LEG: r->A = 2 * kk + 1; r->G = kk; r->D = kk + 1; break;
    case PF_LAG: r->A = -1; r->B = 2 * kk + 1; r->G = kk; r->D = kk + 1; break;
    case PF_HERM: r->A = 2; r->G = 2 * kk; break;
    case PF_HERME: r->A = 1; r->G = kk; break;
    }
}

void nd__pf_mx(pf_kind kind, ptrdiff_t k, pf_mx *m)
{
    double kk = (double)k;
    m->d = 0;
    m->l = 0;
    m->s = 1;
    m->u = 1;
    switch (kind) {
    case PF_POWER: break;
    case PF_CHEB:
        if (k > 0) m->l = 1, m->s = 2;
        break;
    case PF_LEG: m->u = kk + 1; m->l = kk; m->s = 2 * kk + 1; break;
    case PF_LAG: m->u = -(kk + 1); m->d = 2 * kk + 1; m->l = -kk; break;
    case PF_HERM: m->u = 1; m->l = 2 * kk; m->s = 2; break;
    case PF_HERME: m->l = kk; break;
    }
}

/* ---- vectors -------------------------------------------------------------------------- */

nd_status nd__pf_alloc(pf_vec *v, ptrdiff_t n, const char *who)
{
    v->n = 0;
    v->v = nd__malloc_n(n > 0 ? n : 1, sizeof(double), who);
    if (!v->v) return nd_last_error() < 0 ? nd_last_error() : ND_ENOMEM;
    memset(v->v, 0, sizeof(double) * (size_t)(n > 0 ? n : 1));
    v->n = n;
    return ND_OK;
}

void nd__pf_free(pf_vec *v)
{
    if (!v) return;
    nd_free_mem(v->v);
    v->v = NULL;
    v->n = 0;
}

void nd__pf_trimseq(pf_vec *v)
{
    while (v->n > 1 && v->v[v->n - 1] == 0) v->n--;
}

double *nd__pf_f64(const nd_array *a, const char *who)
{
    if (!a) return nd_set_error(ND_EVALUE, "%s: array is NULL", who), NULL;
    if (nd_dtype_is_complex(nd_dtype_of(a)))
        return nd_set_error(ND_EDTYPE, "%s: complex input is not supported (float64 only)", who),
               NULL;
    ptrdiff_t n = nd_size(a);
    double *b = nd__malloc_n(n + 1, sizeof(double), who);
    if (!b) return NULL;
    if (n > 0 && nd_to_f64(a, b) < 0) {
        nd_free_mem(b);
        return NULL;
    }
    return b;
}

nd_array *nd__pf_f64_array(const nd_array *a, const char *who)
{
    double *b = nd__pf_f64(a, who);
    if (!b) return NULL;
    nd_array *r = nd_empty(nd_ndim(a), nd_shape(a), ND_FLOAT64);
    if (r && nd_size(a) > 0) memcpy(nd_data(r), b, sizeof(double) * (size_t)nd_size(a));
    nd_free_mem(b);
    return r;
}

nd_status nd__pf_load(const nd_array *c, bool trim, const char *who, pf_vec *out)
{
    out->v = NULL;
    out->n = 0;
    if (!c) return nd_set_error(ND_EVALUE, "%s: array is NULL", who);
    if (nd_ndim(c) > 1)
        return nd_set_error(ND_ESHAPE, "%s: expected a 1-d array of coefficients, got %d dimensions",
                            who, nd_ndim(c));
    if (trim && nd_size(c) == 0) return nd_set_error(ND_EVALUE, "%s: Coefficient array is empty", who);
    out->v = nd__pf_f64(c, who);
    if (!out->v) return nd_last_error() < 0 ? nd_last_error() : ND_ENOMEM;
    out->n = nd_size(c);
    if (trim) nd__pf_trimseq(out);
    return ND_OK;
}

nd_array *nd__pf_take(pf_vec *v)
{
    ptrdiff_t n = v->n;
    nd_array *r = nd_empty(1, &n, ND_FLOAT64);
    if (r && n) memcpy(nd_data(r), v->v, sizeof(double) * (size_t)n);
    nd__pf_free(v);
    return r;
}

nd_status nd__pf_axpy(const pf_vec *a, double s, const pf_vec *b, pf_vec *out, const char *who)
{
    ptrdiff_t n = a->n > b->n ? a->n : b->n;
    pf_vec r;
    nd_status st = nd__pf_alloc(&r, n, who);
    if (st < 0) return st;
    for (ptrdiff_t i = 0; i < a->n; i++) r.v[i] = a->v[i];
    for (ptrdiff_t i = 0; i < b->n; i++) r.v[i] = i < a->n ? a->v[i] + s * b->v[i] : s * b->v[i];
    nd__pf_trimseq(&r);
    *out = r;
    return ND_OK;
}

/* out[0..n] = x * c (out has room for n + 1; the caller's length bookkeeping). */
static void mulx_into(pf_kind kind, const double *c, ptrdiff_t n, double *out)
{
    for (ptrdiff_t k = 0; k <= n; k++) out[k] = 0;
    for (ptrdiff_t k = 0; k < n; k++) {
        pf_mx m;
        nd__pf_mx(kind, k, &m);
        out[k + 1] += (c[k] * m.u) / m.s;
        if (m.d != 0) out[k] += (c[k] * m.d) / m.s;
        if (k > 0 && m.l != 0) out[k - 1] += (c[k] * m.l) / m.s;
    }
}

nd_status nd__pf_mulx(pf_kind kind, const pf_vec *c, pf_vec *out, const char *who)
{
    bool zero = c->n == 1 && c->v[0] == 0;
    nd_status st = nd__pf_alloc(out, zero ? 1 : c->n + 1, who);
    if (st < 0) return st;
    if (!zero) mulx_into(kind, c->v, c->n, out->v);
    return ND_OK;
}

double nd__pf_eval(pf_kind kind, const double *c, ptrdiff_t n, ptrdiff_t stride, double x)
{
    if (kind == PF_POWER) {
        double v = c[(n - 1) * stride];
        for (ptrdiff_t i = n - 2; i >= 0; i--) v = c[i * stride] + v * x;
        return v;
    }
    if (n == 1) return c[0];
    double lo = c[(n - 2) * stride], hi = c[(n - 1) * stride];
    for (ptrdiff_t j = n - 2; j >= 1; j--) {
        pf_rec r;
        nd__pf_rec(kind, j, &r);
        double tmp = lo;
        lo = c[(j - 1) * stride] - (hi * r.G) / r.D;
        hi = tmp + (hi * (r.A * x + r.B)) / r.D;
    }
    pf_rec r0;
    nd__pf_rec(kind, 0, &r0);
    return lo + hi * ((r0.A * x + r0.B) / r0.D);
}

/* mx (x * v in family `to`, nv + 1 long) becomes (a + b x) * v. */
static void affine(double *mx, const double *v, ptrdiff_t nv, double a, double b)
{
    if (a == 0 && b == 1) return;
    for (ptrdiff_t q = 0; q <= nv; q++) mx[q] = b * mx[q] + (q < nv ? a * v[q] : 0);
}

nd_status nd__pf_clenshaw_series(pf_kind from, pf_kind to, const pf_vec *c, const pf_vec *start,
                                 double a, double b, pf_vec *out, const char *who)
{
    ptrdiff_t n = c->n, cap = start->n + n + 2;
    pf_vec buf;
    nd_status st = nd__pf_alloc(&buf, 4 * cap, who);
    if (st < 0) return st;
    double *lo = buf.v, *hi = buf.v + cap, *tmp = buf.v + 2 * cap, *mx = buf.v + 3 * cap;
    ptrdiff_t nlo = 0, nhi = 0;
#define PF_SCALED(dst, ndst, s)                                                  \
    do {                                                                         \
        for (ptrdiff_t q = 0; q < start->n; q++) (dst)[q] = (s) * start->v[q];   \
        for (ptrdiff_t q = start->n; q < cap; q++) (dst)[q] = 0;                 \
        (ndst) = start->n;                                                       \
    } while (0)
    if (n == 1) {
        PF_SCALED(lo, nlo, c->v[0]);
    } else {
        PF_SCALED(lo, nlo, c->v[n - 2]);
        PF_SCALED(hi, nhi, c->v[n - 1]);
        for (ptrdiff_t j = n - 2; j >= 1; j--) {
            pf_rec r;
            nd__pf_rec(from, j, &r);
            mulx_into(to, hi, nhi, mx);
            affine(mx, hi, nhi, a, b);
            ptrdiff_t nmx = nhi + 1;
            memcpy(tmp, lo, sizeof(double) * (size_t)cap);
            ptrdiff_t ntmp = nlo;
            /* lo = c[j-1] * start - (hi * G) / D */
            for (ptrdiff_t q = 0; q < cap; q++) {
                double s = q < start->n ? c->v[j - 1] * start->v[q] : 0;
                lo[q] = r.G != 0 && q < nhi ? s - (hi[q] * r.G) / r.D : s;
            }
            nlo = nhi > start->n && r.G != 0 ? nhi : start->n;
            /* hi = tmp + (A * x hi + B * hi) / D */
            for (ptrdiff_t q = 0; q < cap; q++) {
                double v = q < nmx ? r.A * mx[q] : 0;
                if (r.B != 0 && q < nhi) v += r.B * hi[q];
                hi[q] = (q < ntmp ? tmp[q] : 0) + v / r.D;
            }
            nhi = nmx > ntmp ? nmx : ntmp;
        }
        pf_rec r0;
        nd__pf_rec(from, 0, &r0);
        mulx_into(to, hi, nhi, mx);
        affine(mx, hi, nhi, a, b);
        ptrdiff_t nmx = nhi + 1;
        for (ptrdiff_t q = 0; q < cap; q++) {
            double v = q < nmx ? r0.A * mx[q] : 0;
            if (r0.B != 0 && q < nhi) v += r0.B * hi[q];
            lo[q] = (q < nlo ? lo[q] : 0) + v / r0.D;
        }
        if (nmx > nlo) nlo = nmx;
    }
#undef PF_SCALED
    st = nd__pf_alloc(out, nlo, who);
    if (st == ND_OK) {
        memcpy(out->v, lo, sizeof(double) * (size_t)nlo);
        nd__pf_trimseq(out);
    }
    nd__pf_free(&buf);
    return st;
}

nd_status nd__pf_mul(pf_kind kind, const pf_vec *a, const pf_vec *b, pf_vec *out, const char *who)
{
    if (kind == PF_POWER) {
        nd_status st = nd__pf_alloc(out, a->n + b->n - 1, who);
        if (st < 0) return st;
        for (ptrdiff_t i = 0; i < a->n; i++)
            for (ptrdiff_t j = 0; j < b->n; j++) out->v[i + j] += a->v[i] * b->v[j];
        nd__pf_trimseq(out);
        return ND_OK;
    }
    /* NumPy runs the recurrence over the shorter operand */
    const pf_vec *c = a, *xs = b;
    if (a->n > b->n) c = b, xs = a;
    return nd__pf_clenshaw_series(kind, kind, c, xs, 0.0, 1.0, out, who);
}
