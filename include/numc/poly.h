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


/* ==== numpy.polynomial: the six families ===================================================
 *
 * numpy.polynomial.{polynomial, chebyshev, legendre, laguerre, hermite, hermite_e}. NumPy's
 * module functions keep their names with an nd_ prefix: chebval -> nd_chebval, legfit ->
 * nd_legfit, hermeroots -> nd_hermeroots. The power-series module's names (polyval,
 * polyfit, polyder, polyint, polyadd, ...) are taken by the classic API above, so its
 * functions are nd_polynomial_<suffix>: numpy.polynomial.polynomial.polyval ->
 * nd_polynomial_val, polyvander -> nd_polynomial_vander, polyroots -> nd_polynomial_roots,
 * polyfromroots -> nd_polynomial_fromroots (and so on for every suffix below). Below,
 * nd_<f>val stands for the six functions nd_polynomial_val, nd_chebval, nd_legval,
 * nd_lagval, nd_hermval and nd_hermeval, and so on.
 *
 * Coefficients run from low to high degree (c[i] multiplies P_i), the opposite of the
 * classic API. Coefficient arrays are 1-d (a 0-d array counts as one coefficient; der, int,
 * val and the 2-d/3-d evaluations take more dimensions), of any real dtype, computed and
 * returned as float64; complex input is ND_EDTYPE except in nd_<f>val. Every result is a new array (the
 * caller's, nd_free) or NULL with the last error set (ND_EVALUE for a NULL array or a bad
 * argument, ND_ESHAPE for a wrong number of dimensions, ND_ENOMEM). Where NumPy trims
 * (add, sub, mul, div, pow, roots, fromroots, the conversions) trailing zeros are dropped,
 * one kept; an empty coefficient array there is ND_EVALUE "Coefficient array is empty".
 */

/* Options of the nd_<f>fit functions: NumPy's rcond, full and w (positional in that order
 * after deg). With .full, .info receives residuals, rank, singular_values and rcond
 * (release with nd_polyfit_info_free; its cov stays NULL). */
typedef struct nd_polyfam_fit_opts {
    int _;                 /* reserved: leave it out */
    double rcond;          /* 0: len(x) * eps (NumPy's rcond=None) */
    bool full;             /* fill *info */
    const nd_array *w;     /* weights (1-d, len(x)), applied to the unsquared residuals */
    nd_polyfit_info *info; /* required with .full */
    const nd_array *degs;  /* NumPy's deg given as a list: fit only these degrees (1-d,
                              integer, >= 0; deg is then ignored); the result has
                              max(degs) + 1 coefficients, zeros for the others */
} nd_polyfam_fit_opts;

/* Options of the nd_<f>der functions (NumPy's m=1, scl=1, axis=0). */
typedef struct nd_polyfam_der_opts {
    int _;      /* reserved: leave it out */
    int m;      /* order of the derivative (>= 0) */
    double scl; /* each differentiation multiplies by scl */
    int axis;   /* the coefficient axis of an n-d c (negative counts from the end) */
} nd_polyfam_der_opts;

/* Options of the nd_<f>int functions (NumPy's m=1, k=[], lbnd=0, scl=1, axis=0). */
typedef struct nd_polyfam_int_opts {
    int _;        /* reserved: leave it out */
    int m;        /* order of the integral (>= 0) */
    nd_operand k; /* integration constants: ND_OPERAND(2.0) or a 1-d array of at most m
                     values (k[0] for the first integration); left out: zeros */
    double lbnd;  /* lower bound: the integral is k[i] at lbnd */
    double scl;   /* each integration multiplies by scl */
    int axis;     /* the coefficient axis of an n-d c */
} nd_polyfam_int_opts;

/* Options of the nd_<f>pow functions: maxpower (NumPy's default 16; nd_polynomial_pow's
 * default -1 is NumPy's None, no limit). */
typedef struct nd_polyfam_pow_opts {
    int _; /* reserved: leave it out */
    int maxpower;
} nd_polyfam_pow_opts;

/* nd_<f>val(x, c): sum c[i] P_i(x) for every element of x (an array of any shape, or a C
 * scalar through ND_OPERAND: nd_chebval(0.5, c)), by Clenshaw's recurrence (Horner's for
 * the power series). Result: float64 of x's shape (complex128 when c or x is complex); a
 * c of shape (n, R...) gives shape R... + x.shape (NumPy's tensor=True: one series per
 * column). ND_EVALUE for an empty c. */
ND_API nd_array *nd_polynomial_val_(nd_operand x, const nd_array *c);
#define nd_polynomial_val(x, c) nd_polynomial_val_(ND_OPERAND(x), (c))
ND_API nd_array *nd_chebval_(nd_operand x, const nd_array *c);
#define nd_chebval(x, c) nd_chebval_(ND_OPERAND(x), (c))
ND_API nd_array *nd_legval_(nd_operand x, const nd_array *c);
#define nd_legval(x, c) nd_legval_(ND_OPERAND(x), (c))
ND_API nd_array *nd_lagval_(nd_operand x, const nd_array *c);
#define nd_lagval(x, c) nd_lagval_(ND_OPERAND(x), (c))
ND_API nd_array *nd_hermval_(nd_operand x, const nd_array *c);
#define nd_hermval(x, c) nd_hermval_(ND_OPERAND(x), (c))
ND_API nd_array *nd_hermeval_(nd_operand x, const nd_array *c);
#define nd_hermeval(x, c) nd_hermeval_(ND_OPERAND(x), (c))

/* nd_<f>val2d(x, y, c) / nd_<f>val3d(x, y, z, c): sum c[i,j(,k)] P_i(x) P_j(y) (P_k(z)) at
 * the points (x[n], y[n](, z[n])); x, y, z of one shape (ND_ESHAPE "x, y are
 * incompatible" otherwise), c exactly 2-d (3-d). Result: float64 of x's shape. */
ND_API nd_array *nd_polynomial_val2d(const nd_array *x, const nd_array *y, const nd_array *c);
ND_API nd_array *nd_chebval2d(const nd_array *x, const nd_array *y, const nd_array *c);
ND_API nd_array *nd_legval2d(const nd_array *x, const nd_array *y, const nd_array *c);
ND_API nd_array *nd_lagval2d(const nd_array *x, const nd_array *y, const nd_array *c);
ND_API nd_array *nd_hermval2d(const nd_array *x, const nd_array *y, const nd_array *c);
ND_API nd_array *nd_hermeval2d(const nd_array *x, const nd_array *y, const nd_array *c);
ND_API nd_array *nd_polynomial_val3d(const nd_array *x, const nd_array *y, const nd_array *z,
                              const nd_array *c);
ND_API nd_array *nd_chebval3d(const nd_array *x, const nd_array *y, const nd_array *z,
                              const nd_array *c);
ND_API nd_array *nd_legval3d(const nd_array *x, const nd_array *y, const nd_array *z,
                              const nd_array *c);
ND_API nd_array *nd_lagval3d(const nd_array *x, const nd_array *y, const nd_array *z,
                              const nd_array *c);
ND_API nd_array *nd_hermval3d(const nd_array *x, const nd_array *y, const nd_array *z,
                              const nd_array *c);
ND_API nd_array *nd_hermeval3d(const nd_array *x, const nd_array *y, const nd_array *z,
                              const nd_array *c);

/* nd_<f>grid2d(x, y, c) / nd_<f>grid3d(x, y, z, c): the values on the Cartesian product,
 * shape x.shape + y.shape (+ z.shape); c exactly 2-d / 3-d. */
ND_API nd_array *nd_polynomial_grid2d(const nd_array *x, const nd_array *y, const nd_array *c);
ND_API nd_array *nd_chebgrid2d(const nd_array *x, const nd_array *y, const nd_array *c);
ND_API nd_array *nd_leggrid2d(const nd_array *x, const nd_array *y, const nd_array *c);
ND_API nd_array *nd_laggrid2d(const nd_array *x, const nd_array *y, const nd_array *c);
ND_API nd_array *nd_hermgrid2d(const nd_array *x, const nd_array *y, const nd_array *c);
ND_API nd_array *nd_hermegrid2d(const nd_array *x, const nd_array *y, const nd_array *c);
ND_API nd_array *nd_polynomial_grid3d(const nd_array *x, const nd_array *y, const nd_array *z,
                               const nd_array *c);
ND_API nd_array *nd_chebgrid3d(const nd_array *x, const nd_array *y, const nd_array *z,
                               const nd_array *c);
ND_API nd_array *nd_leggrid3d(const nd_array *x, const nd_array *y, const nd_array *z,
                               const nd_array *c);
ND_API nd_array *nd_laggrid3d(const nd_array *x, const nd_array *y, const nd_array *z,
                               const nd_array *c);
ND_API nd_array *nd_hermgrid3d(const nd_array *x, const nd_array *y, const nd_array *z,
                               const nd_array *c);
ND_API nd_array *nd_hermegrid3d(const nd_array *x, const nd_array *y, const nd_array *z,
                               const nd_array *c);

/* nd_<f>vander(x, deg): the pseudo-Vandermonde matrix, shape x.shape + (deg + 1,) (a 0-d
 * x counts as (1,)), column i = P_i(x). vander2d(x, y, degx, degy): x.shape +
 * ((degx+1)(degy+1),), column i*(degy+1)+j = P_i(x) P_j(y); vander3d likewise.
 * ND_EVALUE for a negative degree; x, y, z of one shape. */
ND_API nd_array *nd_polynomial_vander(const nd_array *x, int deg);
ND_API nd_array *nd_chebvander(const nd_array *x, int deg);
ND_API nd_array *nd_legvander(const nd_array *x, int deg);
ND_API nd_array *nd_lagvander(const nd_array *x, int deg);
ND_API nd_array *nd_hermvander(const nd_array *x, int deg);
ND_API nd_array *nd_hermevander(const nd_array *x, int deg);
ND_API nd_array *nd_polynomial_vander2d(const nd_array *x, const nd_array *y, int degx, int degy);
ND_API nd_array *nd_chebvander2d(const nd_array *x, const nd_array *y, int degx, int degy);
ND_API nd_array *nd_legvander2d(const nd_array *x, const nd_array *y, int degx, int degy);
ND_API nd_array *nd_lagvander2d(const nd_array *x, const nd_array *y, int degx, int degy);
ND_API nd_array *nd_hermvander2d(const nd_array *x, const nd_array *y, int degx, int degy);
ND_API nd_array *nd_hermevander2d(const nd_array *x, const nd_array *y, int degx, int degy);
ND_API nd_array *nd_polynomial_vander3d(const nd_array *x, const nd_array *y, const nd_array *z,
                                 int degx, int degy, int degz);
ND_API nd_array *nd_chebvander3d(const nd_array *x, const nd_array *y, const nd_array *z,
                                 int degx, int degy, int degz);
ND_API nd_array *nd_legvander3d(const nd_array *x, const nd_array *y, const nd_array *z,
                                 int degx, int degy, int degz);
ND_API nd_array *nd_lagvander3d(const nd_array *x, const nd_array *y, const nd_array *z,
                                 int degx, int degy, int degz);
ND_API nd_array *nd_hermvander3d(const nd_array *x, const nd_array *y, const nd_array *z,
                                 int degx, int degy, int degz);
ND_API nd_array *nd_hermevander3d(const nd_array *x, const nd_array *y, const nd_array *z,
                                 int degx, int degy, int degz);

/* nd_<f>fit(x, y, deg, rcond, full, w): least-squares fit (columns of the Vandermonde
 * matrix scaled to unit norm, then nd_lstsq), x 1-d, y 1-d or 2-d (one fit per column:
 * result (deg+1, K)). Errors (ND_EVALUE): deg < 0, empty x, lengths that differ, NaN or inf
 * in x, y or w, .full without .info; ND_ESHAPE: x not 1-d, y not 1-d/2-d, w not 1-d. A
 * rank-deficient fit without .full warns "<name>: The fit may be poorly conditioned ..."
 * through nd_warn (NumPy's RankWarning) and returns the coefficients. */
ND_API nd_array *nd_polynomial_fit_(const nd_array *x, const nd_array *y, int deg,
                             const nd_polyfam_fit_opts *o);
#define nd_polynomial_fit(x, y, ...) \
    nd_polynomial_fit_((x), (y), ND__FIRST(__VA_ARGS__, ), &(nd_polyfam_fit_opts){ ._ = 0, ND__T1(__VA_ARGS__, ) })
ND_API nd_array *nd_chebfit_(const nd_array *x, const nd_array *y, int deg,
                             const nd_polyfam_fit_opts *o);
#define nd_chebfit(x, y, ...) \
    nd_chebfit_((x), (y), ND__FIRST(__VA_ARGS__, ), &(nd_polyfam_fit_opts){ ._ = 0, ND__T1(__VA_ARGS__, ) })
ND_API nd_array *nd_legfit_(const nd_array *x, const nd_array *y, int deg,
                             const nd_polyfam_fit_opts *o);
#define nd_legfit(x, y, ...) \
    nd_legfit_((x), (y), ND__FIRST(__VA_ARGS__, ), &(nd_polyfam_fit_opts){ ._ = 0, ND__T1(__VA_ARGS__, ) })
ND_API nd_array *nd_lagfit_(const nd_array *x, const nd_array *y, int deg,
                             const nd_polyfam_fit_opts *o);
#define nd_lagfit(x, y, ...) \
    nd_lagfit_((x), (y), ND__FIRST(__VA_ARGS__, ), &(nd_polyfam_fit_opts){ ._ = 0, ND__T1(__VA_ARGS__, ) })
ND_API nd_array *nd_hermfit_(const nd_array *x, const nd_array *y, int deg,
                             const nd_polyfam_fit_opts *o);
#define nd_hermfit(x, y, ...) \
    nd_hermfit_((x), (y), ND__FIRST(__VA_ARGS__, ), &(nd_polyfam_fit_opts){ ._ = 0, ND__T1(__VA_ARGS__, ) })
ND_API nd_array *nd_hermefit_(const nd_array *x, const nd_array *y, int deg,
                             const nd_polyfam_fit_opts *o);
#define nd_hermefit(x, y, ...) \
    nd_hermefit_((x), (y), ND__FIRST(__VA_ARGS__, ), &(nd_polyfam_fit_opts){ ._ = 0, ND__T1(__VA_ARGS__, ) })

/* nd_<f>der(c, m=1, scl=1, axis=0): the m-th derivative along the axis (c of any number of
 * dimensions >= 1; m at least the length gives one zero). ND_EVALUE for m < 0 or a bad
 * axis. */
ND_API nd_array *nd_polynomial_der_(const nd_array *c, const nd_polyfam_der_opts *o);
#define nd_polynomial_der(...) \
    nd_polynomial_der_(ND__RH(__VA_ARGS__, ), &(nd_polyfam_der_opts){ ._ = 0, .m = 1, .scl = 1, ._ = 0, ND__T1(__VA_ARGS__, ) })
ND_API nd_array *nd_chebder_(const nd_array *c, const nd_polyfam_der_opts *o);
#define nd_chebder(...) \
    nd_chebder_(ND__RH(__VA_ARGS__, ), &(nd_polyfam_der_opts){ ._ = 0, .m = 1, .scl = 1, ._ = 0, ND__T1(__VA_ARGS__, ) })
ND_API nd_array *nd_legder_(const nd_array *c, const nd_polyfam_der_opts *o);
#define nd_legder(...) \
    nd_legder_(ND__RH(__VA_ARGS__, ), &(nd_polyfam_der_opts){ ._ = 0, .m = 1, .scl = 1, ._ = 0, ND__T1(__VA_ARGS__, ) })
ND_API nd_array *nd_lagder_(const nd_array *c, const nd_polyfam_der_opts *o);
#define nd_lagder(...) \
    nd_lagder_(ND__RH(__VA_ARGS__, ), &(nd_polyfam_der_opts){ ._ = 0, .m = 1, .scl = 1, ._ = 0, ND__T1(__VA_ARGS__, ) })
ND_API nd_array *nd_hermder_(const nd_array *c, const nd_polyfam_der_opts *o);
#define nd_hermder(...) \
    nd_hermder_(ND__RH(__VA_ARGS__, ), &(nd_polyfam_der_opts){ ._ = 0, .m = 1, .scl = 1, ._ = 0, ND__T1(__VA_ARGS__, ) })
ND_API nd_array *nd_hermeder_(const nd_array *c, const nd_polyfam_der_opts *o);
#define nd_hermeder(...) \
    nd_hermeder_(ND__RH(__VA_ARGS__, ), &(nd_polyfam_der_opts){ ._ = 0, .m = 1, .scl = 1, ._ = 0, ND__T1(__VA_ARGS__, ) })

/* nd_<f>int(c, m=1, k=[], lbnd=0, scl=1, axis=0): the m-th integral along the axis.
 * ND_EVALUE for m < 0, more constants than m ("Too many integration constants"), a
 * bad axis or an empty c. */
ND_API nd_array *nd_polynomial_int_(const nd_array *c, const nd_polyfam_int_opts *o);
#define nd_polynomial_int(...) \
    nd_polynomial_int_(ND__RH(__VA_ARGS__, ), &(nd_polyfam_int_opts){ ._ = 0, .m = 1, .scl = 1, ._ = 0, ND__T1(__VA_ARGS__, ) })
ND_API nd_array *nd_chebint_(const nd_array *c, const nd_polyfam_int_opts *o);
#define nd_chebint(...) \
    nd_chebint_(ND__RH(__VA_ARGS__, ), &(nd_polyfam_int_opts){ ._ = 0, .m = 1, .scl = 1, ._ = 0, ND__T1(__VA_ARGS__, ) })
ND_API nd_array *nd_legint_(const nd_array *c, const nd_polyfam_int_opts *o);
#define nd_legint(...) \
    nd_legint_(ND__RH(__VA_ARGS__, ), &(nd_polyfam_int_opts){ ._ = 0, .m = 1, .scl = 1, ._ = 0, ND__T1(__VA_ARGS__, ) })
ND_API nd_array *nd_lagint_(const nd_array *c, const nd_polyfam_int_opts *o);
#define nd_lagint(...) \
    nd_lagint_(ND__RH(__VA_ARGS__, ), &(nd_polyfam_int_opts){ ._ = 0, .m = 1, .scl = 1, ._ = 0, ND__T1(__VA_ARGS__, ) })
ND_API nd_array *nd_hermint_(const nd_array *c, const nd_polyfam_int_opts *o);
#define nd_hermint(...) \
    nd_hermint_(ND__RH(__VA_ARGS__, ), &(nd_polyfam_int_opts){ ._ = 0, .m = 1, .scl = 1, ._ = 0, ND__T1(__VA_ARGS__, ) })
ND_API nd_array *nd_hermeint_(const nd_array *c, const nd_polyfam_int_opts *o);
#define nd_hermeint(...) \
    nd_hermeint_(ND__RH(__VA_ARGS__, ), &(nd_polyfam_int_opts){ ._ = 0, .m = 1, .scl = 1, ._ = 0, ND__T1(__VA_ARGS__, ) })

/* nd_<f>roots(c): the roots, eigenvalues of the rotated scaled companion matrix, sorted
 * (real first by value; complex128 when any root is complex, else float64). Fewer than
 * two coefficients (after trimming): an empty float64 array. */
ND_API nd_array *nd_polynomial_roots(const nd_array *c);
ND_API nd_array *nd_chebroots(const nd_array *c);
ND_API nd_array *nd_legroots(const nd_array *c);
ND_API nd_array *nd_lagroots(const nd_array *c);
ND_API nd_array *nd_hermroots(const nd_array *c);
ND_API nd_array *nd_hermeroots(const nd_array *c);

/* nd_<f>fromroots(roots): the series with those (real) roots, leading coefficient such that
 * it equals prod (x - r); no roots: [1]. */
ND_API nd_array *nd_polynomial_fromroots(const nd_array *roots);
ND_API nd_array *nd_chebfromroots(const nd_array *roots);
ND_API nd_array *nd_legfromroots(const nd_array *roots);
ND_API nd_array *nd_lagfromroots(const nd_array *roots);
ND_API nd_array *nd_hermfromroots(const nd_array *roots);
ND_API nd_array *nd_hermefromroots(const nd_array *roots);

/* nd_<f>companion(c): NumPy's scaled companion matrix (symmetric for the orthogonal
 * families when c is a basis polynomial), (n-1, n-1) for n coefficients. ND_EVALUE
 * "Series must have maximum degree of at least 1." for fewer than 2. */
ND_API nd_array *nd_polynomial_companion(const nd_array *c);
ND_API nd_array *nd_chebcompanion(const nd_array *c);
ND_API nd_array *nd_legcompanion(const nd_array *c);
ND_API nd_array *nd_lagcompanion(const nd_array *c);
ND_API nd_array *nd_hermcompanion(const nd_array *c);
ND_API nd_array *nd_hermecompanion(const nd_array *c);

/* nd_<f>add / nd_<f>sub / nd_<f>mul (c1, c2): sum, difference, product as series (trimmed). */
ND_API nd_array *nd_polynomial_add(const nd_array *c1, const nd_array *c2);
ND_API nd_array *nd_chebadd(const nd_array *c1, const nd_array *c2);
ND_API nd_array *nd_legadd(const nd_array *c1, const nd_array *c2);
ND_API nd_array *nd_lagadd(const nd_array *c1, const nd_array *c2);
ND_API nd_array *nd_hermadd(const nd_array *c1, const nd_array *c2);
ND_API nd_array *nd_hermeadd(const nd_array *c1, const nd_array *c2);
ND_API nd_array *nd_polynomial_sub(const nd_array *c1, const nd_array *c2);
ND_API nd_array *nd_chebsub(const nd_array *c1, const nd_array *c2);
ND_API nd_array *nd_legsub(const nd_array *c1, const nd_array *c2);
ND_API nd_array *nd_lagsub(const nd_array *c1, const nd_array *c2);
ND_API nd_array *nd_hermsub(const nd_array *c1, const nd_array *c2);
ND_API nd_array *nd_hermesub(const nd_array *c1, const nd_array *c2);
ND_API nd_array *nd_polynomial_mul(const nd_array *c1, const nd_array *c2);
ND_API nd_array *nd_chebmul(const nd_array *c1, const nd_array *c2);
ND_API nd_array *nd_legmul(const nd_array *c1, const nd_array *c2);
ND_API nd_array *nd_lagmul(const nd_array *c1, const nd_array *c2);
ND_API nd_array *nd_hermmul(const nd_array *c1, const nd_array *c2);
ND_API nd_array *nd_hermemul(const nd_array *c1, const nd_array *c2);

/* nd_<f>div(c1, c2, &quo, &rem): c1 = quo * c2 + rem, deg rem < deg c2. ND_EVALUE
 * (NumPy's ZeroDivisionError) when c2 is zero. quo and rem are the caller's. */
ND_API nd_status nd_polynomial_div(const nd_array *c1, const nd_array *c2, nd_array **quo,
                             nd_array **rem);
ND_API nd_status nd_chebdiv(const nd_array *c1, const nd_array *c2, nd_array **quo,
                             nd_array **rem);
ND_API nd_status nd_legdiv(const nd_array *c1, const nd_array *c2, nd_array **quo,
                             nd_array **rem);
ND_API nd_status nd_lagdiv(const nd_array *c1, const nd_array *c2, nd_array **quo,
                             nd_array **rem);
ND_API nd_status nd_hermdiv(const nd_array *c1, const nd_array *c2, nd_array **quo,
                             nd_array **rem);
ND_API nd_status nd_hermediv(const nd_array *c1, const nd_array *c2, nd_array **quo,
                             nd_array **rem);

/* nd_<f>pow(c, pow, maxpower): c ** pow by repeated multiplication. ND_EVALUE for pow < 0
 * ("Power must be a non-negative integer.") or pow > maxpower ("Power is too large"). */
ND_API nd_array *nd_polynomial_pow_(const nd_array *c, int pow, const nd_polyfam_pow_opts *o);
ND_API nd_array *nd_chebpow_(const nd_array *c, int pow, const nd_polyfam_pow_opts *o);
ND_API nd_array *nd_legpow_(const nd_array *c, int pow, const nd_polyfam_pow_opts *o);
ND_API nd_array *nd_lagpow_(const nd_array *c, int pow, const nd_polyfam_pow_opts *o);
ND_API nd_array *nd_hermpow_(const nd_array *c, int pow, const nd_polyfam_pow_opts *o);
ND_API nd_array *nd_hermepow_(const nd_array *c, int pow, const nd_polyfam_pow_opts *o);
#define nd_polynomial_pow(c, ...) \
    nd_polynomial_pow_((c), ND__FIRST(__VA_ARGS__, ), &(nd_polyfam_pow_opts){ ._ = 0, .maxpower = -1, ._ = 0, ND__T1(__VA_ARGS__, ) })
#define nd_chebpow(c, ...) \
    nd_chebpow_((c), ND__FIRST(__VA_ARGS__, ), &(nd_polyfam_pow_opts){ ._ = 0, .maxpower = 16, ._ = 0, ND__T1(__VA_ARGS__, ) })
#define nd_legpow(c, ...) \
    nd_legpow_((c), ND__FIRST(__VA_ARGS__, ), &(nd_polyfam_pow_opts){ ._ = 0, .maxpower = 16, ._ = 0, ND__T1(__VA_ARGS__, ) })
#define nd_lagpow(c, ...) \
    nd_lagpow_((c), ND__FIRST(__VA_ARGS__, ), &(nd_polyfam_pow_opts){ ._ = 0, .maxpower = 16, ._ = 0, ND__T1(__VA_ARGS__, ) })
#define nd_hermpow(c, ...) \
    nd_hermpow_((c), ND__FIRST(__VA_ARGS__, ), &(nd_polyfam_pow_opts){ ._ = 0, .maxpower = 16, ._ = 0, ND__T1(__VA_ARGS__, ) })
#define nd_hermepow(c, ...) \
    nd_hermepow_((c), ND__FIRST(__VA_ARGS__, ), &(nd_polyfam_pow_opts){ ._ = 0, .maxpower = 16, ._ = 0, ND__T1(__VA_ARGS__, ) })

/* nd_<f>mulx(c): x * c (one coefficient longer; [0] stays [0]). */
ND_API nd_array *nd_polynomial_mulx(const nd_array *c);
ND_API nd_array *nd_chebmulx(const nd_array *c);
ND_API nd_array *nd_legmulx(const nd_array *c);
ND_API nd_array *nd_lagmulx(const nd_array *c);
ND_API nd_array *nd_hermmulx(const nd_array *c);
ND_API nd_array *nd_hermemulx(const nd_array *c);

/* nd_<f>trim(c, tol): trailing coefficients with |c| <= tol removed; all of them: [0].
 * ND_EVALUE for tol < 0 or an empty c. */
ND_API nd_array *nd_polynomial_trim(const nd_array *c, double tol);
ND_API nd_array *nd_chebtrim(const nd_array *c, double tol);
ND_API nd_array *nd_legtrim(const nd_array *c, double tol);
ND_API nd_array *nd_lagtrim(const nd_array *c, double tol);
ND_API nd_array *nd_hermtrim(const nd_array *c, double tol);
ND_API nd_array *nd_hermetrim(const nd_array *c, double tol);

/* nd_<f>line(off, scl): the series of off + scl * x ([off] when scl is 0). */
ND_API nd_array *nd_polynomial_line(double off, double scl);
ND_API nd_array *nd_chebline(double off, double scl);
ND_API nd_array *nd_legline(double off, double scl);
ND_API nd_array *nd_lagline(double off, double scl);
ND_API nd_array *nd_hermline(double off, double scl);
ND_API nd_array *nd_hermeline(double off, double scl);

/* Conversions to and from the power series (NumPy's cheb2poly, poly2cheb, ...):
 * c's series rewritten in the other basis (trimmed). */
ND_API nd_array *nd_cheb2poly(const nd_array *c);
ND_API nd_array *nd_poly2cheb(const nd_array *pol);
ND_API nd_array *nd_leg2poly(const nd_array *c);
ND_API nd_array *nd_poly2leg(const nd_array *pol);
ND_API nd_array *nd_lag2poly(const nd_array *c);
ND_API nd_array *nd_poly2lag(const nd_array *pol);
ND_API nd_array *nd_herm2poly(const nd_array *c);
ND_API nd_array *nd_poly2herm(const nd_array *pol);
ND_API nd_array *nd_herme2poly(const nd_array *c);
ND_API nd_array *nd_poly2herme(const nd_array *pol);

/* Gauss quadrature of degree deg (>= 1): *x (the nodes, ascending) and *w (the weights) of
 * numpy's chebgauss, leggauss, laggauss, hermgauss, hermegauss: exact for polynomials of
 * degree 2*deg - 1 against the family's weight function. ND_EVALUE "deg must be a
 * positive integer". */
ND_API nd_status nd_chebgauss(int deg, nd_array **x, nd_array **w);
ND_API nd_status nd_leggauss(int deg, nd_array **x, nd_array **w);
ND_API nd_status nd_laggauss(int deg, nd_array **x, nd_array **w);
ND_API nd_status nd_hermgauss(int deg, nd_array **x, nd_array **w);
ND_API nd_status nd_hermegauss(int deg, nd_array **x, nd_array **w);

/* The weight functions of the Gauss rules at every element of x (float64, x's shape):
 * chebweight 1/sqrt(1 - x^2), legweight 1, lagweight exp(-x), hermweight exp(-x^2),
 * hermeweight exp(-x^2/2). */
ND_API nd_array *nd_chebweight(const nd_array *x);
ND_API nd_array *nd_legweight(const nd_array *x);
ND_API nd_array *nd_lagweight(const nd_array *x);
ND_API nd_array *nd_hermweight(const nd_array *x);
ND_API nd_array *nd_hermeweight(const nd_array *x);

/* numpy.polynomial.chebyshev.chebpts1(npts) (Chebyshev points of the first kind, npts >= 1)
 * and chebpts2(npts) (second kind, npts >= 2). */
ND_API nd_array *nd_chebpts1(int npts);
ND_API nd_array *nd_chebpts2(int npts);
/* numpy's chebinterpolate(func, deg): the Chebyshev coefficients of the interpolant of
 * func at the deg + 1 Chebyshev points of the first kind; func(x, ctx) is called once per
 * point. ND_EVALUE for deg < 0 or a NULL func. */
ND_API nd_array *nd_chebinterpolate(double (*func)(double x, void *ctx), void *ctx, int deg);



/* ---- the series classes (numpy.polynomial.Polynomial, Chebyshev, ...) --------------------- */

/* Which of NumPy's classes: Polynomial, Chebyshev, Legendre, Laguerre, Hermite, HermiteE. */
typedef enum nd_series_kind {
    ND_POLYNOMIAL = 0,
    ND_CHEBYSHEV,
    ND_LEGENDRE,
    ND_LAGUERRE,
    ND_HERMITE,
    ND_HERMITE_E
} nd_series_kind;

/* A series value: kind, coefficients (float64, 1-d), domain and window. The value at x is
 * <kind>val(off + scl * x, coef) where off + scl * x maps domain onto window (NumPy's
 * mapdomain). Free with nd_series_free. */
typedef struct nd_series nd_series;

/* Domain and window: NULL for the class's default ([-1, 1]; Laguerre's [0, 1]). */
typedef struct nd_series_opts {
    int _;                 /* reserved: leave it out */
    const double *domain;  /* two numbers */
    const double *window;  /* two numbers */
} nd_series_opts;
/* Chebyshev(coef, domain, window) etc.: a copy of coef (1-d or 0-d, real; trailing zeros
 * kept). ND_EVALUE for a NULL or empty coef, a bad kind or a domain/window with equal
 * ends; ND_ESHAPE for coef with more dimensions. */
ND_API nd_series *nd_series_new_(nd_series_kind kind, const nd_array *coef, const nd_series_opts *o);
#define nd_series_new(kind, ...) \
    nd_series_new_((kind), ND__RH(__VA_ARGS__, ), &(nd_series_opts){ ._ = 0, ND__T1(__VA_ARGS__, ) })
/* NULL is a no-op. */
ND_API void nd_series_free(nd_series *s);
/* The kind (-1 with ND_EVALUE for NULL), a copy of the coefficients, and the domain and
 * window written to out[2] (ND_EVALUE for NULL s or out). */
ND_API int nd_series_kind_of(const nd_series *s);
ND_API nd_array *nd_series_coef(const nd_series *s);
ND_API nd_status nd_series_domain(const nd_series *s, double out[2]);
ND_API nd_status nd_series_window(const nd_series *s, double out[2]);

/* s(x): the series at every element of x (array or C scalar), float64 of x's shape. */
ND_API nd_array *nd_series_eval_(const nd_series *s, nd_operand x);
#define nd_series_eval(s, x) nd_series_eval_((s), ND_OPERAND(x))

/* Options of nd_series_fit: NumPy's classmethod fit(x, y, deg, domain=None, rcond=None,
 * full=False, w=None, window=None). domain NULL: [min(x), max(x)]; window NULL: the
 * class's. With .full, .info is filled as for the nd_<f>fit functions. */
typedef struct nd_series_fit_opts {
    int _;                 /* reserved: leave it out */
    const double *domain;
    double rcond;
    bool full;
    const nd_array *w;
    const double *window;
    nd_polyfit_info *info;
    const nd_array *degs; /* as nd_polyfam_fit_opts.degs */
} nd_series_fit_opts;
/* Least-squares fit in the window's coordinates (x mapped from domain to window). Errors
 * as the kind's nd_<f>fit; ND_EVALUE for a domain with equal ends (x all equal). */
ND_API nd_series *nd_series_fit_(nd_series_kind kind, const nd_array *x, const nd_array *y, int deg,
                                 const nd_series_fit_opts *o);
#define nd_series_fit(kind, x, y, ...) \
    nd_series_fit_((kind), (x), (y), ND__FIRST(__VA_ARGS__, ), &(nd_series_fit_opts){ ._ = 0, ND__T1(__VA_ARGS__, ) })

/* s.deriv(m): the m-th derivative (same domain and window); ND_EVALUE for m < 0. */
ND_API nd_series *nd_series_deriv(const nd_series *s, int m);
/* s.integ(m, k, lbnd): m-th integral with constants k (ND_OPERAND(number) or a 1-d array;
 * zero-filled: none) and lower bound *lbnd in domain coordinates (NULL: NumPy's None, the
 * window's 0). */
ND_API nd_series *nd_series_integ(const nd_series *s, int m, nd_operand k, const double *lbnd);
/* s.roots(): the roots in domain coordinates (sorted; complex128 when any is complex). */
ND_API nd_array *nd_series_roots(const nd_series *s);
/* s.convert(domain, kind, window): the same function as a series of `kind` with that
 * domain and window (NULL: the kind's defaults). */
ND_API nd_series *nd_series_convert(const nd_series *s, nd_series_kind kind, const double *domain,
                                    const double *window);
/* s + t, s - t, s * t, s ** pow (pow >= 0; maxpower 100 as NumPy's classes) and
 * divmod(s, t) (*quo = s // t, *rem = s % t; either may be NULL when not wanted): the
 * kind's add, sub, mul, pow, div on the coefficients. ND_EVALUE when the kinds, domains or
 * windows differ ("Polynomial types differ", "Domains differ", "Windows differ") and for
 * division by the zero series. */
ND_API nd_series *nd_series_add(const nd_series *s, const nd_series *t);
ND_API nd_series *nd_series_sub(const nd_series *s, const nd_series *t);
ND_API nd_series *nd_series_mul(const nd_series *s, const nd_series *t);
ND_API nd_series *nd_series_pow(const nd_series *s, int pow);
ND_API nd_status nd_series_divmod(const nd_series *s, const nd_series *t, nd_series **quo,
                                  nd_series **rem);

/* s.linspace(n, domain): *x = n points evenly spaced over domain (NULL: s's), *y = s(x).
 * ND_EVALUE for n < 0 or NULL x / y. */
ND_API nd_status nd_series_linspace(const nd_series *s, int n, const double *domain, nd_array **x,
                                    nd_array **y);


/* ---- numpy.polynomial.polynomial.polyvalfromroots --------------------------------- */
typedef struct nd_valfromroots_opts {
    int _;       /* reserved: leave it out (lets an empty option list compile) */
    bool tensor; /* the macro's default: true (NumPy's tensor=True) */
} nd_valfromroots_opts;
#define ND_VALFROMROOTS_DEFAULTS ((nd_valfromroots_opts){ 0, true })

/* prod(x - r[i]) over the roots r (axis 0 of r; a 0-d r is one root, an empty r gives 1)
 * for x an array or a C scalar. tensor: r of shape (n, R...) gives R... + x.shape; else
 * x.ndim < r.ndim and x broadcasts against r's columns (ND_EVALUE otherwise). Integer and
 * bool roots become float64. A new array (0-d for a scalar x and a 1-d r), the caller's. */
ND_API nd_array *nd_polynomial_valfromroots_(nd_operand x, const nd_array *r,
                                             const nd_valfromroots_opts *o);
#define nd_polynomial_valfromroots(x, ...)                                                \
    nd_polynomial_valfromroots_(ND_OPERAND(x), ND__RH(__VA_ARGS__, ),                      \
                                &(nd_valfromroots_opts){ ._ = 0, .tensor = true, ._ = 0,   \
                                                         ND__T1(__VA_ARGS__, ) })

#ifdef __cplusplus
}
#endif
#endif
