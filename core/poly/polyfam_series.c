/* numpy.polynomial's series classes (Polynomial, Chebyshev, ...): nd_series holds the
 * kind, the coefficients, the domain and the window, and dispatches to the kind's module
 * functions after mapping domain onto window, as ABCPolyBase does. */
#include <math.h>
#include <string.h>

#include <numc/array.h>
#include <numc/error.h>
#include <numc/poly.h>
#include <numc/ufunc.h>

#include "poly_internal.h"
#include "polyfam_internal.h"

struct nd_series {
    pf_kind kind;
    nd_array *coef;
    double domain[2], window[2];
};

#define PF_API_ROW(P, K) { nd_##P##val_, nd_##P##fit_, nd_##P##der_, nd_##P##int_, nd_##P##roots },
static const pf_api API[] = { ND__PF_FAMILIES(PF_API_ROW) };

static bool kind_ok(nd_series_kind kind, const char *who)
{
    if ((int)kind < 0 || (int)kind > (int)ND_HERMITE_E) {
        nd_set_error(ND_EVALUE, "%s: unknown series kind %d", who, (int)kind);
        return false;
    }
    return true;
}

static void default_window(pf_kind kind, double w[2])
{
    w[0] = kind == PF_LAG ? 0 : -1;
    w[1] = 1;
}

/* NumPy's mapparms(old, new): new = off + scl * old. */
static void mapparms(const double *old, const double *nw, double *off, double *scl)
{
    double oldlen = old[1] - old[0], newlen = nw[1] - nw[0];
    *off = (old[1] * nw[0] - old[0] * nw[1]) / oldlen;
    *scl = newlen / oldlen;
}

static bool pair_ok(const double *p, const char *what, const char *who)
{
    if (!p) return true;
    if (!isfinite(p[0]) || !isfinite(p[1]) || p[0] == p[1]) {
        nd_set_error(ND_EVALUE, "%s: the %s [%g, %g] must be two different finite numbers", who, what,
                     p[0], p[1]);
        return false;
    }
    return true;
}

/* A new series owning coef. */
static nd_series *make(pf_kind kind, nd_array *coef, const double *domain, const double *window,
                       const char *who)
{
    if (!coef) return NULL;
    nd_series *s = nd_malloc(sizeof *s, who);
    if (!s) {
        nd_free(coef);
        return NULL;
    }
    s->kind = kind;
    s->coef = coef;
    default_window(kind, s->window);
    memcpy(s->domain, s->window, sizeof s->domain);
    if (domain) memcpy(s->domain, domain, sizeof s->domain);
    if (window) memcpy(s->window, window, sizeof s->window);
    return s;
}

static bool null_series(const nd_series *s, const char *who)
{
    if (s) return false;
    nd_set_error(ND_EVALUE, "%s: series is NULL", who);
    return true;
}

nd_series *nd_series_new_(nd_series_kind kind, const nd_array *coef, const nd_series_opts *o)
{
    const char *who = "nd_series_new";
    static const nd_series_opts dflt = { 0, NULL, NULL };
    if (!o) o = &dflt;
    if (!kind_ok(kind, who)) return NULL;
    if (!pair_ok(o->domain, "domain", who) || !pair_ok(o->window, "window", who)) return NULL;
    pf_vec v;
    if (nd__pf_load(coef, false, who, &v) < 0) return NULL;
    if (v.n == 0) {
        nd__pf_free(&v);
        return nd_set_error(ND_EVALUE, "%s: Coefficient array is empty", who), NULL;
    }
    return make((pf_kind)kind, nd__pf_take(&v), o->domain, o->window, who);
}

void nd_series_free(nd_series *s)
{
    if (!s) return;
    nd_free(s->coef);
    nd_free_mem(s);
}

int nd_series_kind_of(const nd_series *s)
{
    if (null_series(s, "nd_series_kind_of")) return -1;
    return (int)s->kind;
}

nd_array *nd_series_coef(const nd_series *s)
{
    if (null_series(s, "nd_series_coef")) return NULL;
    return nd_copy(s->coef, ND_ORDER_C);
}

static nd_status get_pair(const nd_series *s, const double *p, double out[2], const char *who)
{
    if (null_series(s, who)) return ND_EVALUE;
    if (!out) return nd_set_error(ND_EVALUE, "%s: out is NULL", who);
    out[0] = p[0];
    out[1] = p[1];
    return ND_OK;
}

nd_status nd_series_domain(const nd_series *s, double out[2])
{
    return get_pair(s, s ? s->domain : NULL, out, "nd_series_domain");
}

nd_status nd_series_window(const nd_series *s, double out[2])
{
    return get_pair(s, s ? s->window : NULL, out, "nd_series_window");
}

/* off + scl * x as a new float64 array. */
static nd_array *mapped(const nd_array *x, double off, double scl, const char *who)
{
    nd_array *r = nd__pf_f64_array(x, who);
    if (r) {
        double *v = nd_data(r);
        ptrdiff_t n = nd_size(r);
        for (ptrdiff_t i = 0; i < n; i++) v[i] = off + scl * v[i];
    }
    return r;
}

nd_array *nd_series_eval_(const nd_series *s, nd_operand x)
{
    const char *who = "nd_series_eval";
    if (null_series(s, who)) return NULL;
    if (x.kind == ND_OPK_ARRAY && !x.array) return nd_set_error(ND_EVALUE, "%s: array is NULL", who), NULL;
    if (x.kind != ND_OPK_ARRAY && x.kind != ND_OPK_SCALAR)
        return nd_set_error(ND_EVALUE, "%s: x is missing", who), NULL;
    nd_array *xs = NULL;
    const nd_array *xa = nd__poly_operand(x, &xs);
    if (!xa) return NULL;
    double off, scl;
    mapparms(s->domain, s->window, &off, &scl);
    nd_array *xm = mapped(xa, off, scl, who);
    nd_free(xs);
    if (!xm) return NULL;
    nd_array *r = API[s->kind].val(nd_op_array(xm), s->coef);
    nd_free(xm);
    return r;
}

nd_series *nd_series_fit_(nd_series_kind kind, const nd_array *x, const nd_array *y, int deg,
                          const nd_series_fit_opts *o)
{
    const char *who = "nd_series_fit";
    static const nd_series_fit_opts dflt = { 0, NULL, 0.0, false, NULL, NULL, NULL, NULL };
    if (!o) o = &dflt;
    if (!kind_ok(kind, who)) return NULL;
    if (!x || !y) return nd_set_error(ND_EVALUE, "%s: array is NULL", who), NULL;
    if (nd_ndim(x) != 1 || nd_size(x) == 0)
        return nd_set_error(ND_EVALUE, "%s: expected non-empty 1D vector for x", who), NULL;
    if (!pair_ok(o->window, "window", who)) return NULL;
    double dom[2], win[2];
    if (o->domain) {
        if (!pair_ok(o->domain, "domain", who)) return NULL;
        dom[0] = o->domain[0];
        dom[1] = o->domain[1];
    } else {
        double *b = nd__pf_f64(x, who);
        if (!b) return NULL;
        dom[0] = dom[1] = b[0];
        for (ptrdiff_t i = 1; i < nd_size(x); i++) {
            if (b[i] < dom[0]) dom[0] = b[i];
            if (b[i] > dom[1]) dom[1] = b[i];
        }
        nd_free_mem(b);
        if (!pair_ok(dom, "domain (min(x), max(x))", who)) return NULL;
    }
    default_window((pf_kind)kind, win);
    if (o->window) win[0] = o->window[0], win[1] = o->window[1];
    double off, scl;
    mapparms(dom, win, &off, &scl);
    nd_array *xm = mapped(x, off, scl, who);
    if (!xm) return NULL;
    nd_polyfam_fit_opts fo = { 0, o->rcond, o->full, o->w, o->info, o->degs };
    nd_array *c = API[kind].fit(xm, y, deg, &fo);
    nd_free(xm);
    return make((pf_kind)kind, c, dom, win, who);
}

nd_series *nd_series_deriv(const nd_series *s, int m)
{
    const char *who = "nd_series_deriv";
    if (null_series(s, who)) return NULL;
    double off, scl;
    mapparms(s->domain, s->window, &off, &scl);
    nd_polyfam_der_opts d = { 0, m, scl, 0 };
    return make(s->kind, API[s->kind].der(s->coef, &d), s->domain, s->window, who);
}

nd_series *nd_series_integ(const nd_series *s, int m, nd_operand k, const double *lbnd)
{
    const char *who = "nd_series_integ";
    if (null_series(s, who)) return NULL;
    double off, scl;
    mapparms(s->domain, s->window, &off, &scl);
    nd_polyfam_int_opts d = { 0, m, k, lbnd ? off + scl * *lbnd : 0.0, 1.0 / scl, 0 };
    return make(s->kind, API[s->kind].integ(s->coef, &d), s->domain, s->window, who);
}

nd_array *nd_series_roots(const nd_series *s)
{
    const char *who = "nd_series_roots";
    if (null_series(s, who)) return NULL;
    nd_array *r = API[s->kind].roots(s->coef);
    if (!r) return NULL;
    double off, scl;
    mapparms(s->window, s->domain, &off, &scl);
    ptrdiff_t n = nd_size(r);
    if (nd_dtype_of(r) == ND_FLOAT64) {
        double *v = nd_data(r);
        for (ptrdiff_t i = 0; i < n; i++) v[i] = off + scl * v[i];
    } else {
        double *v = nd_data(r); /* complex128: (re, im) pairs */
        for (ptrdiff_t i = 0; i < n; i++) {
            v[2 * i] = off + scl * v[2 * i];
            v[2 * i + 1] = scl * v[2 * i + 1];
        }
    }
    return r;
}

nd_series *nd_series_convert(const nd_series *s, nd_series_kind kind, const double *domain,
                             const double *window)
{
    const char *who = "nd_series_convert";
    if (null_series(s, who) || !kind_ok(kind, who)) return NULL;
    if (!pair_ok(domain, "domain", who) || !pair_ok(window, "window", who)) return NULL;
    double dom[2], win[2];
    default_window((pf_kind)kind, win);
    memcpy(dom, win, sizeof dom);
    if (domain) dom[0] = domain[0], dom[1] = domain[1];
    if (window) win[0] = window[0], win[1] = window[1];
    /* X = identity of the new kind: X = off1 + scl1 x_new; s's argument u = off2 + scl2 X */
    double off1, scl1, off2, scl2;
    mapparms(win, dom, &off1, &scl1);
    mapparms(s->domain, s->window, &off2, &scl2);
    pf_vec c, one, r;
    if (nd__pf_load(s->coef, true, who, &c) < 0) return NULL;
    if (nd__pf_alloc(&one, 1, who) < 0) {
        nd__pf_free(&c);
        return NULL;
    }
    one.v[0] = 1;
    nd_status st = nd__pf_clenshaw_series(s->kind, (pf_kind)kind, &c, &one, off2 + scl2 * off1,
                                          scl2 * scl1, &r, who);
    nd__pf_free(&c);
    nd__pf_free(&one);
    if (st < 0) return NULL;
    return make((pf_kind)kind, nd__pf_take(&r), dom, win, who);
}

nd_status nd_series_linspace(const nd_series *s, int n, const double *domain, nd_array **x,
                             nd_array **y)
{
    const char *who = "nd_series_linspace";
    if (x) *x = NULL;
    if (y) *y = NULL;
    if (null_series(s, who)) return ND_EVALUE;
    if (!x || !y) return nd_set_error(ND_EVALUE, "%s: x and y must not be NULL", who);
    if (n < 0) return nd_set_error(ND_EVALUE, "%s: Number of samples, %d, must be non-negative.", who, n);
    const double *d = domain ? domain : s->domain;
    nd_array *xs = nd_linspace(d[0], d[1], .num = n);
    if (!xs) return nd_last_error() < 0 ? nd_last_error() : ND_ENOMEM;
    nd_array *ys = nd_series_eval(s, xs);
    if (!ys) {
        nd_free(xs);
        return nd_last_error() < 0 ? nd_last_error() : ND_ENOMEM;
    }
    *x = xs;
    *y = ys;
    return ND_OK;
}

/* ---- arithmetic ------------------------------------------------------------------------------ */

#define PF_OPS_ROW(P, K) { nd_##P##add, nd_##P##sub, nd_##P##mul, nd_##P##pow_, nd_##P##div },
static const struct {
    nd_array *(*add)(const nd_array *, const nd_array *);
    nd_array *(*sub)(const nd_array *, const nd_array *);
    nd_array *(*mul)(const nd_array *, const nd_array *);
    nd_array *(*pow)(const nd_array *, int, const nd_polyfam_pow_opts *);
    nd_status (*div)(const nd_array *, const nd_array *, nd_array **, nd_array **);
} OPS[] = { ND__PF_FAMILIES(PF_OPS_ROW) };

/* NumPy's ABCPolyBase._get_coefficients: same kind, domain and window. */
static bool compatible(const nd_series *s, const nd_series *t, const char *who)
{
    if (!s || !t) return !nd_set_error(ND_EVALUE, "%s: series is NULL", who);
    if (s->kind != t->kind) return !nd_set_error(ND_EVALUE, "%s: Polynomial types differ", who);
    if (s->domain[0] != t->domain[0] || s->domain[1] != t->domain[1])
        return !nd_set_error(ND_EVALUE, "%s: Domains differ", who);
    if (s->window[0] != t->window[0] || s->window[1] != t->window[1])
        return !nd_set_error(ND_EVALUE, "%s: Windows differ", who);
    return true;
}

nd_series *nd_series_add(const nd_series *s, const nd_series *t)
{
    if (!compatible(s, t, "nd_series_add")) return NULL;
    return make(s->kind, OPS[s->kind].add(s->coef, t->coef), s->domain, s->window, "nd_series_add");
}

nd_series *nd_series_sub(const nd_series *s, const nd_series *t)
{
    if (!compatible(s, t, "nd_series_sub")) return NULL;
    return make(s->kind, OPS[s->kind].sub(s->coef, t->coef), s->domain, s->window, "nd_series_sub");
}

nd_series *nd_series_mul(const nd_series *s, const nd_series *t)
{
    if (!compatible(s, t, "nd_series_mul")) return NULL;
    return make(s->kind, OPS[s->kind].mul(s->coef, t->coef), s->domain, s->window, "nd_series_mul");
}

nd_series *nd_series_pow(const nd_series *s, int pow)
{
    if (null_series(s, "nd_series_pow")) return NULL;
    nd_polyfam_pow_opts o = { 0, 100 };
    return make(s->kind, OPS[s->kind].pow(s->coef, pow, &o), s->domain, s->window, "nd_series_pow");
}

nd_status nd_series_divmod(const nd_series *s, const nd_series *t, nd_series **quo, nd_series **rem)
{
    const char *who = "nd_series_divmod";
    if (quo) *quo = NULL;
    if (rem) *rem = NULL;
    if (!compatible(s, t, who)) return ND_EVALUE;
    nd_array *q = NULL, *r = NULL;
    nd_status st = OPS[s->kind].div(s->coef, t->coef, &q, &r);
    if (st < 0) return st;
    nd_series *sq = make(s->kind, q, s->domain, s->window, who);
    nd_series *sr = sq ? make(s->kind, r, s->domain, s->window, who) : NULL;
    if (!sq) nd_free(r);
    if (!sr) {
        nd_series_free(sq);
        return nd_last_error() < 0 ? nd_last_error() : ND_ENOMEM;
    }
    if (quo) *quo = sq;
    else nd_series_free(sq);
    if (rem) *rem = sr;
    else nd_series_free(sr);
    return ND_OK;
}
