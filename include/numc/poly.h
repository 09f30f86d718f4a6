/* numc — polynomials, NumPy's classic API (numpy.polyval, polyfit, roots, poly,
 * polyadd, polysub, polymul, polydiv, polyder, polyint and numpy.poly1d).
 *
 * Coefficients are 1-d arrays, highest power first, as in NumPy: [1, 2, 3] is
 * x**2 + 2 x + 3. Every function returns a new array (the caller's, nd_free) or NULL
 * with the last error set: ND_EVALUE for a NULL array ("nd_polyval: array is NULL") or
 * a bad argument, ND_ESHAPE for a wrong number of dimensions, ND_ENOMEM.
 *
 *     nd_array *y = nd_polyval(p, x);                     // numpy.polyval(p, x)
 *     nd_array *c = nd_polyfit(x, y, 2);                  // numpy.polyfit(x, y, 2)
 *     nd_polyfit_info info = {0};
 *     c = nd_polyfit(x, y, 2, .full = true, .info = &info);
 */
#ifndef NUMC_POLY_H
#define NUMC_POLY_H

#include <stdbool.h>

#include "array.h"
#include "error.h"
#include "export.h"
#include "ufunc.h"

#ifdef __cplusplus
extern "C" {
#endif

/* numpy.polyval(p, x): Horner's scheme over every element of x (an array of any shape
 * or a C scalar: nd_polyval(p, 2.5) gives a 0-d array). The result has x's shape; its
 * dtype is NumPy's: x's dtype when x is an array whose kind (int < float < complex) is
 * at least p's (an int32 x stays int32, a float32 x float32), else the promotion of
 * both; for a 0-d or scalar x the promotion of both. Integers wrap as in NumPy. An
 * empty p gives zeros. */
ND_API nd_array *nd_polyval_(const nd_array *p, nd_operand x);
#define nd_polyval(p, x) nd_polyval_((p), ND_OPERAND(x))

/* numpy.polyfit's cov argument: false, true, or "unscaled". */
enum { ND_POLYFIT_COV_UNSCALED = 2 };

/* What nd_polyfit returns besides the coefficients (free with nd_polyfit_info_free).
 * With .full: residuals (sum of squared residuals per column of y, shape (1,) or (K,),
 * empty when rank < deg + 1 or len(x) <= deg + 1), rank, singular_values (of the scaled
 * Vandermonde matrix) and rcond. With .cov (and not .full): cov, the covariance matrix
 * of the coefficients, (deg+1, deg+1) or (deg+1, deg+1, K) for a 2-d y. */
typedef struct nd_polyfit_info {
    nd_array *residuals;
    ptrdiff_t rank;
    nd_array *singular_values;
    double rcond;
    nd_array *cov;
} nd_polyfit_info;
ND_API void nd_polyfit_info_free(nd_polyfit_info *info);

/* numpy.polyfit(x, y, deg, rcond=None, full=False, w=None, cov=False). Positional
 * arguments after deg land in NumPy's order. */
typedef struct nd_polyfit_opts {
    int _;              /* reserved: leave it out */
    double rcond;       /* 0: len(x) * eps (NumPy's rcond=None) */
    bool full;          /* fill info->residuals, rank, singular_values, rcond */
    const nd_array *w;  /* weights (1-d, len(x)), applied to the unsquared residuals */
    int cov;            /* false, true (scaled by resid / (len(x) - deg - 1)) or
                           ND_POLYFIT_COV_UNSCALED; fills info->cov */
    nd_polyfit_info *info; /* required with .full or .cov */
} nd_polyfit_opts;
/* Least-squares fit of a polynomial of degree deg to the points (x[i], y[i]): x 1-d,
 * y 1-d or 2-d (one fit per column; the result is then (deg+1, K)). Real input only
 * (ND_EDTYPE for complex); the results are float64 for every input dtype, as NumPy's
 * (a float32 x gives the default rcond from float32's eps). Errors (ND_EVALUE): deg < 0 ("expected deg >= 0"), empty x
 * ("expected non-empty vector for x"), lengths that differ, NaN or inf in x, y or w,
 * .full or .cov without .info; ND_ESHAPE for x not 1-d or y not 1-d/2-d. A rank-deficient
 * fit (without .full) warns "nd_polyfit: Polyfit may be poorly conditioned" through
 * nd_warn (NumPy's RankWarning) and returns the coefficients. */
ND_API nd_array *nd_polyfit_(const nd_array *x, const nd_array *y, int deg,
                             const nd_polyfit_opts *o);
#define nd_polyfit(x, y, ...) \
    nd_polyfit_((x), (y), ND__FIRST(__VA_ARGS__, ), &(nd_polyfit_opts){ ._ = 0, ND__T1(__VA_ARGS__, ) })

/* numpy.roots(p): the roots of p (leading zeros dropped; each trailing zero a root 0),
 * the eigenvalues of the companion matrix (nd_eigvals): float64 (float32 for float32 p)
 * when all are real, complex otherwise; integer p is computed as float64. A 0-d p counts
 * as [p]; a p of zeros or of one nonzero coefficient gives an empty float64 array.
 * ND_ESHAPE for p with more than one dimension ("Input must be a rank-1 array."). */
ND_API nd_array *nd_roots(const nd_array *p);

/* numpy.poly(seq_of_zeros): the monic polynomial with those roots (1-d roots), or the
 * characteristic polynomial of a non-empty square matrix. float64 for integer or float64
 * input, float32 for float32 roots; complex roots that come in conjugate pairs give a
 * real result. No roots: a 0-d float64 1.0 (NumPy returns 1.0). ND_EVALUE for other
 * shapes ("input must be 1d or non-empty square 2d array."). */
ND_API nd_array *nd_poly(const nd_array *seq_of_zeros);

/* numpy.polyadd / polysub (the shorter operand padded with leading zeros) and polymul
 * (nd_convolve); dtype: the promotion of both. 0-d operands count as 1-d. */
ND_API nd_array *nd_polyadd(const nd_array *a1, const nd_array *a2);
ND_API nd_array *nd_polysub(const nd_array *a1, const nd_array *a2);
ND_API nd_array *nd_polymul(const nd_array *a1, const nd_array *a2);

/* numpy.polydiv(u, v): *q and *r with u = q * v + r, computed as NumPy does (float64,
 * float32 or complex); leading coefficients of r with |r[0]| <= 1e-8 are dropped while r
 * has more than one. */
ND_API nd_status nd_polydiv(const nd_array *u, const nd_array *v, nd_array **q, nd_array **r);

/* numpy.polyder(p, m=1). The derivative's dtype is that of p * int64 (int32 or float32
 * p give int64 / float64). ND_EVALUE for m < 0. */
typedef struct nd_polyder_opts {
    int _; /* reserved: leave it out */
    int m; /* order of the derivative; the macro's default is 1 */
} nd_polyder_opts;
ND_API nd_array *nd_polyder_(const nd_array *p, const nd_polyder_opts *o);
#define nd_polyder(...) \
    nd_polyder_(ND__RH(__VA_ARGS__, ), &(nd_polyder_opts){ ._ = 0, .m = 1, ._ = 0, ND__T1(__VA_ARGS__, ) })

/* numpy.polyint(p, m=1, k=None). k: the integration constants, a C scalar or an array of
 * length 1 (used for every order) or >= m (k[0] for the first integration), given as
 * .k = ND_OPERAND(value); left out: zeros. float64 result (complex128 when p or k is
 * complex). ND_EVALUE for m < 0 or a k too short. */
typedef struct nd_polyint_opts {
    int _;        /* reserved: leave it out */
    int m;        /* the macro's default is 1 */
    nd_operand k; /* ND_OPERAND(2.0) or ND_OPERAND(array); zero-filled: no constants */
} nd_polyint_opts;
ND_API nd_array *nd_polyint_(const nd_array *p, const nd_polyint_opts *o);
#define nd_polyint(...) \
    nd_polyint_(ND__RH(__VA_ARGS__, ), &(nd_polyint_opts){ ._ = 0, .m = 1, ._ = 0, ND__T1(__VA_ARGS__, ) })

/* ---- numpy.poly1d ---------------------------------------------------------------------- */

/* A polynomial value: its coefficients (leading zeros trimmed; [0] for the zero
 * polynomial) and the variable's name used by nd_poly1d_str. Free with nd_poly1d_free. */
typedef struct nd_poly1d nd_poly1d;

typedef struct nd_poly1d_opts {
    int _;                /* reserved: leave it out */
    bool r;               /* the array holds the roots (NumPy's r=True) */
    const char *variable; /* NULL: "x" */
} nd_poly1d_opts;
/* numpy.poly1d(c_or_r, r=False, variable=None). */
ND_API nd_poly1d *nd_poly1d_new_(const nd_array *c_or_r, const nd_poly1d_opts *o);
#define nd_poly1d_new(...) \
    nd_poly1d_new_(ND__RH(__VA_ARGS__, ), &(nd_poly1d_opts){ ._ = 0, ND__T1(__VA_ARGS__, ) })
/* NULL is a no-op. */
ND_API void nd_poly1d_free(nd_poly1d *p);

/* p(x) (nd_polyval). */
ND_API nd_array *nd_poly1d_call_(const nd_poly1d *p, nd_operand x);
#define nd_poly1d_call(p, x) nd_poly1d_call_((p), ND_OPERAND(x))
/* The order (len(coeffs) - 1); -1 with ND_EVALUE for a NULL p. */
ND_API ptrdiff_t nd_poly1d_order(const nd_poly1d *p);
/* The variable's name (the poly1d's own string; NULL for a NULL p). */
ND_API const char *nd_poly1d_variable(const nd_poly1d *p);
/* A copy of the coefficients / the roots (nd_roots). */
ND_API nd_array *nd_poly1d_coeffs(const nd_poly1d *p);
ND_API nd_array *nd_poly1d_roots(const nd_poly1d *p);
/* poly1d.deriv(m=1) / poly1d.integ(m=1, k=0) (k: a scalar constant). */
ND_API nd_poly1d *nd_poly1d_deriv(const nd_poly1d *p, int m);
ND_API nd_poly1d *nd_poly1d_integ(const nd_poly1d *p, int m, double k);
/* p + q, p - q, p * q (variable "x", as NumPy), and the quotient and remainder of p / q. */
ND_API nd_poly1d *nd_poly1d_add(const nd_poly1d *p, const nd_poly1d *q);
ND_API nd_poly1d *nd_poly1d_sub(const nd_poly1d *p, const nd_poly1d *q);
ND_API nd_poly1d *nd_poly1d_mul(const nd_poly1d *p, const nd_poly1d *q);
ND_API nd_status nd_poly1d_div(const nd_poly1d *p, const nd_poly1d *q, nd_poly1d **quot,
                               nd_poly1d **rem);
/* str(poly1d): NumPy's two-line text, exponents on the first line ("   2\n1 x + 2 x + 3"),
 * wrapped at 70 columns. Free with nd_free_mem. */
ND_API char *nd_poly1d_str(const nd_poly1d *p);

#ifdef __cplusplus
}
#endif
#endif
