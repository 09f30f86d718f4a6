/* numpy.polynomial's series arithmetic for the six families: *add, *sub, *mul, *div,
 * *pow, *mulx, *trim, *line, *fromroots and the conversions to and from the power series
 * (cheb2poly, poly2cheb, ...). Products and conversions are one Clenshaw recurrence over
 * series (nd__pf_clenshaw_series); division is NumPy's generic long division. */
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include <numc/array.h>
#include <numc/error.h>
#include <numc/poly.h>

#include "polyfam_internal.h"

/* c1 and c2 loaded (trimmed) into a and b; on an error neither is held. */
static nd_status load2(const char *who, const nd_array *c1, const nd_array *c2, pf_vec *a,
                       pf_vec *b)
{
    if (!c1 || !c2) return nd_set_error(ND_EVALUE, "%s: array is NULL", who);
    nd_status st = nd__pf_load(c1, true, who, a);
    if (st < 0) return st;
    if ((st = nd__pf_load(c2, true, who, b)) < 0) nd__pf_free(a);
    return st;
}

static nd_array *addsub(const char *who, const nd_array *c1, const nd_array *c2, double s)
{
    pf_vec a, b, r;
    if (load2(who, c1, c2, &a, &b) < 0) return NULL;
    nd_status st = nd__pf_axpy(&a, s, &b, &r, who);
    nd__pf_free(&a);
    nd__pf_free(&b);
    return st < 0 ? NULL : nd__pf_take(&r);
}

static nd_array *mul(pf_kind kind, const char *who, const nd_array *c1, const nd_array *c2)
{
    pf_vec a, b, r;
    if (load2(who, c1, c2, &a, &b) < 0) return NULL;
    nd_status st = nd__pf_mul(kind, &a, &b, &r, who);
    nd__pf_free(&a);
    nd__pf_free(&b);
    return st < 0 ? NULL : nd__pf_take(&r);
}

/* NumPy's polyutils._div: long division through products with the basis polynomials. */
static nd_status divide(pf_kind kind, const char *who, const nd_array *c1, const nd_array *c2,
                        nd_array **quo, nd_array **rem)
{
    if (quo) *quo = NULL;
    if (rem) *rem = NULL;
    if (!c1 || !c2) return nd_set_error(ND_EVALUE, "%s: array is NULL", who);
    if (!quo || !rem) return nd_set_error(ND_EVALUE, "%s: quo and rem must not be NULL", who);
    pf_vec a, b, q = { NULL, 0 }, r = { NULL, 0 }, basis = { NULL, 0 }, p = { NULL, 0 };
    nd_status st = load2(who, c1, c2, &a, &b);
    if (st < 0) return st;
    if (b.v[b.n - 1] == 0) {
        st = nd_set_error(ND_EVALUE, "%s: division by the zero series (ZeroDivisionError)", who);
        goto done;
    }
    ptrdiff_t l1 = a.n, l2 = b.n;
    if (l1 < l2) {
        if ((st = nd__pf_alloc(&q, 1, who)) < 0) goto done;
        r = a;
        a.v = NULL;
    } else if (l2 == 1) {
        if ((st = nd__pf_alloc(&q, l1, who)) < 0 || (st = nd__pf_alloc(&r, 1, who)) < 0) goto done;
        for (ptrdiff_t i = 0; i < l1; i++) q.v[i] = a.v[i] / b.v[0];
    } else {
        if ((st = nd__pf_alloc(&q, l1 - l2 + 1, who)) < 0) goto done;
        r = a;
        a.v = NULL;
        if ((st = nd__pf_alloc(&basis, l1, who)) < 0) goto done;
        for (ptrdiff_t i = l1 - l2; i >= 0; i--) {
            memset(basis.v, 0, sizeof(double) * (size_t)l1);
            basis.v[i] = 1;
            basis.n = i + 1;
            if ((st = nd__pf_mul(kind, &basis, &b, &p, who)) < 0) goto done;
            double qq = r.v[r.n - 1] / p.v[p.n - 1];
            for (ptrdiff_t j = 0; j < r.n - 1; j++) r.v[j] -= qq * (j < p.n - 1 ? p.v[j] : 0);
            r.n--;
            q.v[i] = qq;
            nd__pf_free(&p);
        }
        nd__pf_trimseq(&r);
    }
    *quo = nd__pf_take(&q);
    *rem = nd__pf_take(&r);
    if (!*quo || !*rem) {
        nd_free(*quo);
        nd_free(*rem);
        *quo = *rem = NULL;
        st = ND_ENOMEM;
    }
done:
    nd__pf_free(&a);
    nd__pf_free(&b);
    nd__pf_free(&q);
    nd__pf_free(&r);
    nd__pf_free(&basis);
    nd__pf_free(&p);
    return st;
}

static nd_array *power(pf_kind kind, const char *who, const nd_array *c, int pw,
                       const nd_polyfam_pow_opts *o)
{
    if (!c) return nd_set_error(ND_EVALUE, "%s: array is NULL", who), NULL;
    int maxpower = o ? o->maxpower : (kind == PF_POWER ? -1 : 16);
    pf_vec a, prd, t;
    if (nd__pf_load(c, true, who, &a) < 0) return NULL;
    if (pw < 0) {
        nd__pf_free(&a);
        return nd_set_error(ND_EVALUE, "%s: Power must be a non-negative integer (got %d).", who, pw),
               NULL;
    }
    if (maxpower >= 0 && pw > maxpower) {
        nd__pf_free(&a);
        return nd_set_error(ND_EVALUE, "%s: Power is too large (%d > maxpower %d)", who, pw, maxpower),
               NULL;
    }
    if (pw == 0) {
        nd__pf_free(&a);
        if (nd__pf_alloc(&prd, 1, who) < 0) return NULL;
        prd.v[0] = 1;
        return nd__pf_take(&prd);
    }
    if (nd__pf_alloc(&prd, a.n, who) < 0) {
        nd__pf_free(&a);
        return NULL;
    }
    memcpy(prd.v, a.v, sizeof(double) * (size_t)a.n);
    for (int i = 2; i <= pw; i++) {
        if (nd__pf_mul(kind, &prd, &a, &t, who) < 0) {
            nd__pf_free(&a);
            nd__pf_free(&prd);
            return NULL;
        }
        nd__pf_free(&prd);
        prd = t;
    }
    nd__pf_free(&a);
    return nd__pf_take(&prd);
}

static nd_array *mulx(pf_kind kind, const char *who, const nd_array *c)
{
    pf_vec a, r;
    if (nd__pf_load(c, true, who, &a) < 0) return NULL;
    nd_status st = nd__pf_mulx(kind, &a, &r, who);
    nd__pf_free(&a);
    return st < 0 ? NULL : nd__pf_take(&r);
}

static nd_array *trim(const char *who, const nd_array *c, double tol)
{
    if (!c) return nd_set_error(ND_EVALUE, "%s: array is NULL", who), NULL;
    if (!(tol >= 0)) return nd_set_error(ND_EVALUE, "%s: tol must be non-negative (got %g)", who, tol), NULL;
    pf_vec a;
    if (nd__pf_load(c, false, who, &a) < 0) return NULL;
    if (a.n == 0) {
        nd__pf_free(&a);
        return nd_set_error(ND_EVALUE, "%s: Coefficient array is empty", who), NULL;
    }
    ptrdiff_t n = a.n;
    while (n > 0 && fabs(a.v[n - 1]) <= tol) n--;
    if (n == 0) {
        a.v[0] = 0;
        n = 1;
    }
    a.n = n;
    return nd__pf_take(&a);
}

static nd_array *line(pf_kind kind, const char *who, double off, double scl)
{
    pf_vec r;
    if (nd__pf_alloc(&r, scl != 0 ? 2 : 1, who) < 0) return NULL;
    pf_mx m;
    nd__pf_mx(kind, 0, &m);
    r.v[0] = off;
    if (scl != 0) {
        r.v[0] = off + (scl * m.d) / m.s;
        r.v[1] = (scl * m.u) / m.s;
    }
    return nd__pf_take(&r);
}

static int cmp_f64(const void *a, const void *b)
{
    double x = *(const double *)a, y = *(const double *)b;
    return (x > y) - (x < y);
}

/* NumPy's polyutils._fromroots: the linear factors multiplied pairwise. */
static nd_array *fromroots(pf_kind kind, const char *who, const nd_array *roots)
{
    if (!roots) return nd_set_error(ND_EVALUE, "%s: array is NULL", who), NULL;
    if (nd_ndim(roots) > 1)
        return nd_set_error(ND_ESHAPE, "%s: roots must be 1-d, got %d dimensions", who, nd_ndim(roots)),
               NULL;
    pf_vec r;
    if (nd__pf_load(roots, false, who, &r) < 0) return NULL;
    ptrdiff_t n = r.n;
    pf_vec *p = n ? nd__malloc_n(n, sizeof *p, who) : NULL;
    if (n == 0 || !p) {
        nd__pf_free(&r);
        if (n) return NULL;
        pf_vec one;
        if (nd__pf_alloc(&one, 1, who) < 0) return NULL;
        one.v[0] = 1;
        return nd__pf_take(&one);
    }
    qsort(r.v, (size_t)n, sizeof(double), cmp_f64);
    pf_mx m;
    nd__pf_mx(kind, 0, &m);
    nd_status st = ND_OK;
    ptrdiff_t made = 0;
    for (; made < n && st == ND_OK; made++) {
        st = nd__pf_alloc(&p[made], 2, who);
        if (st == ND_OK) {
            p[made].v[0] = -r.v[made] + m.d / m.s;
            p[made].v[1] = m.u / m.s;
        }
    }
    if (st < 0) made--;
    ptrdiff_t cnt = n;
    while (st == ND_OK && cnt > 1) {
        ptrdiff_t h = cnt / 2, odd = cnt % 2;
        for (ptrdiff_t i = 0; i < h && st == ND_OK; i++) {
            pf_vec t;
            st = nd__pf_mul(kind, &p[i], &p[i + h], &t, who);
            if (st < 0) break;
            nd__pf_free(&p[i]);
            nd__pf_free(&p[i + h]);
            p[i] = t;
        }
        if (st == ND_OK && odd) {
            pf_vec t;
            st = nd__pf_mul(kind, &p[0], &p[cnt - 1], &t, who);
            if (st == ND_OK) {
                nd__pf_free(&p[0]);
                nd__pf_free(&p[cnt - 1]);
                p[0] = t;
            }
        }
        cnt = h;
    }
    nd_array *out = st == ND_OK ? nd__pf_take(&p[0]) : NULL;
    for (ptrdiff_t i = 0; i < made; i++) nd__pf_free(&p[i]);
    nd_free_mem(p);
    nd__pf_free(&r);
    return out;
}

static nd_array *convert(pf_kind from, pf_kind to, const char *who, const nd_array *c)
{
    pf_vec a, one, r;
    if (nd__pf_load(c, true, who, &a) < 0) return NULL;
    if (nd__pf_alloc(&one, 1, who) < 0) {
        nd__pf_free(&a);
        return NULL;
    }
    one.v[0] = 1;
    nd_status st = nd__pf_clenshaw_series(from, to, &a, &one, 0.0, 1.0, &r, who);
    nd__pf_free(&a);
    nd__pf_free(&one);
    return st < 0 ? NULL : nd__pf_take(&r);
}

#define PF_DEF_ARITH(P, K)                                                                      \
    nd_array *nd_##P##add(const nd_array *c1, const nd_array *c2)                              \
    {                                                                                           \
        return addsub("nd_" #P "add", c1, c2, 1.0);                                             \
    }                                                                                           \
    nd_array *nd_##P##sub(const nd_array *c1, const nd_array *c2)                              \
    {                                                                                           \
        return addsub("nd_" #P "sub", c1, c2, -1.0);                                            \
    }                                                                                           \
    nd_array *nd_##P##mul(const nd_array *c1, const nd_array *c2)                              \
    {                                                                                           \
        return mul(K, "nd_" #P "mul", c1, c2);                                                  \
    }                                                                                           \
    nd_status nd_##P##div(const nd_array *c1, const nd_array *c2, nd_array **quo, nd_array **rem) \
    {                                                                                           \
        return divide(K, "nd_" #P "div", c1, c2, quo, rem);                                     \
    }                                                                                           \
    nd_array *nd_##P##pow_(const nd_array *c, int pw, const nd_polyfam_pow_opts *o)           \
    {                                                                                           \
        return power(K, "nd_" #P "pow", c, pw, o);                                              \
    }                                                                                           \
    nd_array *nd_##P##mulx(const nd_array *c) { return mulx(K, "nd_" #P "mulx", c); }          \
    nd_array *nd_##P##trim(const nd_array *c, double tol) { return trim("nd_" #P "trim", c, tol); } \
    nd_array *nd_##P##line(double off, double scl) { return line(K, "nd_" #P "line", off, scl); } \
    nd_array *nd_##P##fromroots(const nd_array *roots)                                          \
    {                                                                                           \
        return fromroots(K, "nd_" #P "fromroots", roots);                                       \
    }
ND__PF_FAMILIES(PF_DEF_ARITH)

#define PF_DEF_CONV(P, K)                                                                     \
    nd_array *nd_##P##2poly(const nd_array *c) { return convert(K, PF_POWER, "nd_" #P "2poly", c); } \
    nd_array *nd_poly2##P(const nd_array *pol) { return convert(PF_POWER, K, "nd_poly2" #P, pol); }
PF_DEF_CONV(cheb, PF_CHEB)
PF_DEF_CONV(leg, PF_LEG)
PF_DEF_CONV(lag, PF_LAG)
PF_DEF_CONV(herm, PF_HERM)
PF_DEF_CONV(herme, PF_HERME)
