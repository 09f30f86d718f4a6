/* numpy.polynomial's six families (numc/poly.h, second part): the family table and the
 * coefficient-vector helpers every polyfam*.c file shares. Every kernel is written once
 * over the table; the public per-family names are thin wrappers (ND__PF_FAMILIES). */
#ifndef NUMC_POLYFAM_INTERNAL_H
#define NUMC_POLYFAM_INTERNAL_H

#include "internal.h"

#include <numc/poly.h>

typedef enum pf_kind { PF_POWER, PF_CHEB, PF_LEG, PF_LAG, PF_HERM, PF_HERME } pf_kind;

/* X(public prefix after "nd_", kind) for the six families. */
#define ND__PF_FAMILIES(X) \
    X(polynomial_, PF_POWER) X(cheb, PF_CHEB) X(leg, PF_LEG) X(lag, PF_LAG) X(herm, PF_HERM) \
    X(herme, PF_HERME)

/* Three-term recurrence P_{k+1} = ((A x + B) P_k - G P_{k-1}) / D, P_0 = 1, P_{-1} = 0. */
typedef struct pf_rec {
    double A, B, G, D;
} pf_rec;
ND_INTERNAL void nd__pf_rec(pf_kind kind, ptrdiff_t k, pf_rec *r);
/* Multiplication by x: x P_k = (u P_{k+1} + d P_k + l P_{k-1}) / s (l unused for k = 0). */
typedef struct pf_mx {
    double u, d, l, s;
} pf_mx;
ND_INTERNAL void nd__pf_mx(pf_kind kind, ptrdiff_t k, pf_mx *m);

/* A coefficient vector (owned buffer, length n >= 0). */
typedef struct pf_vec {
    double *v;
    ptrdiff_t n;
} pf_vec;

/* c as float64 coefficients: NULL -> ND_EVALUE "who: array is NULL", ndim > 1 ->
 * ND_ESHAPE, complex -> ND_EDTYPE; 0-d counts as (1,). With trim, trailing zeros are
 * dropped (one kept) and an empty c is ND_EVALUE "Coefficient array is empty". */
ND_INTERNAL nd_status nd__pf_load(const nd_array *c, bool trim, const char *who, pf_vec *out);
/* Any real array's elements as float64 (C order) into a new buffer; complex: ND_EDTYPE. */
ND_INTERNAL ND_WARN_UNUSED double *nd__pf_f64(const nd_array *a, const char *who);
/* The same as a new float64 array of a's shape (the caller's). */
ND_INTERNAL ND_WARN_UNUSED nd_array *nd__pf_f64_array(const nd_array *a, const char *who);
/* A new 1-d float64 array from v (v is freed in every case). */
ND_INTERNAL ND_WARN_UNUSED nd_array *nd__pf_take(pf_vec *v);
/* A new zeroed vector of n elements (n >= 1 allocated). */
ND_INTERNAL nd_status nd__pf_alloc(pf_vec *v, ptrdiff_t n, const char *who);
ND_INTERNAL void nd__pf_free(pf_vec *v);
/* NumPy's trimseq: drop trailing zeros, keeping one element. */
ND_INTERNAL void nd__pf_trimseq(pf_vec *v);
/* a + s * b into a new vector (length max), trimmed by trimseq when trim. */
ND_INTERNAL nd_status nd__pf_axpy(const pf_vec *a, double s, const pf_vec *b, pf_vec *out,
                                  const char *who);
/* x * c in the family's basis (NumPy's *mulx: [0] stays [0]). */
ND_INTERNAL nd_status nd__pf_mulx(pf_kind kind, const pf_vec *c, pf_vec *out, const char *who);
/* a * b in the family's basis, trimmed (NumPy's *mul). */
ND_INTERNAL nd_status nd__pf_mul(pf_kind kind, const pf_vec *a, const pf_vec *b, pf_vec *out,
                                 const char *who);
/* sum c_k P_k(X) * start, P from family `from`, arithmetic (X = a + b x) in family `to`:
 * the conversion from -> to (start = [1]) and, with from == to, a = 0, b = 1, the product. */
ND_INTERNAL nd_status nd__pf_clenshaw_series(pf_kind from, pf_kind to, const pf_vec *c,
                                             const pf_vec *start, double a, double b, pf_vec *out,
                                             const char *who);
/* The public per-family entry points the series type dispatches to (index = pf_kind). */
typedef struct pf_api {
    nd_array *(*val)(nd_operand, const nd_array *);
    nd_array *(*fit)(const nd_array *, const nd_array *, int, const nd_polyfam_fit_opts *);
    nd_array *(*der)(const nd_array *, const nd_polyfam_der_opts *);
    nd_array *(*integ)(const nd_array *, const nd_polyfam_int_opts *);
    nd_array *(*roots)(const nd_array *);
} pf_api;
/* sum c[i * stride] P_i(x), i < n (n >= 1), NumPy's Clenshaw form. */
ND_INTERNAL double nd__pf_eval(pf_kind kind, const double *c, ptrdiff_t n, ptrdiff_t stride,
                               double x);
/* v[i * is + k * ks] = P_k(x[i]), k <= deg, i < n (NumPy's *vander recurrence). */
ND_INTERNAL void nd__pf_vander(pf_kind kind, const double *x, ptrdiff_t n, int deg, double *v,
                               ptrdiff_t is, ptrdiff_t ks);
/* Row i of v (row stride ld) = P_0..P_deg at x[i], i < n: nd__pf_vander(..., ld, 1). */
ND_INTERNAL void nd__pf_vander_rows(pf_kind kind, const double *x, ptrdiff_t n, int deg, double *v,
                                    ptrdiff_t ld);
/* The family's scaled companion matrix of c (trimmed, n >= 2) as NumPy builds it. */
ND_INTERNAL nd_status nd__pf_companion(pf_kind kind, const pf_vec *c, nd_array **out,
                                       const char *who);

#endif
