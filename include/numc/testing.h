/* numc — assertions for your own tests (numpy.testing).
 *
 *     if (nd_assert_allclose(got, want, .rtol = 1e-12) != ND_OK)
 *         fprintf(stderr, "%s\n", nd_errmsg());
 *
 * Each function returns ND_OK when the assertion holds and ND_EASSERT when it does not;
 * then the thread's last error (nd_errmsg) is "nd_assert_X:" followed by NumPy's report,
 * word for word what str(AssertionError) is in NumPy 1.24:
 *
 *     nd_assert_allclose:
 *     Not equal to tolerance rtol=1e-07, atol=0
 *
 *     Mismatched elements: 3 / 10 (30%)
 *     Max absolute difference: 5.
 *     Max relative difference: 2.5
 *      x: array([0., 1., 2., 3., 4., 5., 6., 7., 8., 9.])
 *      y: array([0.   , 1.001, 2.   , 3.   , 6.   , 5.   , 6.   , 2.   , 8.   ,
 *            9.   ])
 *
 * (the last error keeps at most 1023 characters; `.report` gets the whole report, without
 * the name). Nothing is printed and nothing aborts: wrap the call in your test framework's
 * check (CU_ASSERT_EQUAL(nd_assert_allclose(a, b), ND_OK)).
 *
 * Operands are arrays or C scalars (ND_OPERAND, ufunc.h): nd_assert_allclose(s, 2.5).
 * A scalar or 0-d operand is compared with every element of the other one; otherwise the
 * shapes must be equal, else the report says "(shapes (3,), (4,) mismatch)".
 * Other errors: ND_EVALUE for a NULL array ("nd_assert_allclose: array is NULL");
 * ND_ENOMEM; ND_EDTYPE for complex input to the ULP functions (NumPy: NotImplementedError)
 * and ND_ESHAPE for their shape mismatch (NumPy: ValueError). */
#ifndef NUMC_TESTING_H
#define NUMC_TESTING_H

#include <stdbool.h>

#include "array.h"
#include "error.h"
#include "export.h"
#include "ufunc.h"

#ifdef __cplusplus
extern "C" {
#endif

/* nd_assert_array_equal / nd_assert_array_less (NumPy: err_msg='', verbose=True). */
typedef struct nd_assert_opts {
    int _;               /* reserved: leave it out (lets an empty option list compile) */
    const char *err_msg; /* NumPy's err_msg: put into the report (a positional argument
                            after the operands lands here, as in NumPy) */
    char **report;       /* when set: *report = the report (free with nd_free_mem), or
                            NULL when the assertion holds */
} nd_assert_opts;

/* nd_assert_allclose (NumPy: rtol=1e-07, atol=0, equal_nan=True, err_msg=''). */
typedef struct nd_allclose_opts {
    int _;               /* reserved: leave it out (lets an empty option list compile) */
    double rtol;         /* the macro's default: 1e-7 (positional: rtol, atol, equal_nan,
                            err_msg, in NumPy's order) */
    double atol;         /* default 0 */
    bool equal_nan;      /* the macro's default: true (NaNs in the same places are equal) */
    const char *err_msg; /* NumPy's err_msg */
    char **report;       /* as in nd_assert_opts */
} nd_allclose_opts;

/* nd_assert_array_max_ulp (NumPy: maxulp=1). */
typedef struct nd_max_ulp_opts {
    int _;          /* reserved: leave it out (lets an empty option list compile) */
    double maxulp;  /* the macro's default: 1 (a positional argument lands here) */
    char **report;
} nd_max_ulp_opts;

/* nd_assert_array_almost_equal_nulp (NumPy: nulp=1). */
typedef struct nd_nulp_opts {
    int _;          /* reserved: leave it out (lets an empty option list compile) */
    int nulp;       /* the macro's default: 1 (a positional argument lands here) */
    char **report;
} nd_nulp_opts;

/* The defaults code that fills the structs itself starts from (NULL means these too). */
#define ND_ASSERT_DEFAULTS ((nd_assert_opts){ 0, NULL, NULL })
#define ND_ALLCLOSE_DEFAULTS ((nd_allclose_opts){ 0, 1e-7, 0.0, true, NULL, NULL })
#define ND_MAX_ULP_DEFAULTS ((nd_max_ulp_opts){ 0, 1.0, NULL })
#define ND_NULP_DEFAULTS ((nd_nulp_opts){ 0, 1, NULL })

/* numpy.testing.assert_allclose: every element satisfies
 * |actual - desired| <= atol + rtol * |desired| (NaNs in the same places pass unless
 * .equal_nan = false; infinities must be in the same places). Header of the report:
 * "Not equal to tolerance rtol=1e-07, atol=0". */
ND_API nd_status nd_assert_allclose_(nd_operand actual, nd_operand desired,
                                     const nd_allclose_opts *o);
/* numpy.testing.assert_array_equal: same shape (or a scalar) and equal elements, NaNs in
 * the same places count as equal. "Arrays are not equal". */
ND_API nd_status nd_assert_array_equal_(nd_operand x, nd_operand y, const nd_assert_opts *o);
/* numpy.testing.assert_array_less: x < y everywhere (NaNs in the same places are
 * skipped). "Arrays are not less-ordered". */
ND_API nd_status nd_assert_array_less_(nd_operand x, nd_operand y, const nd_assert_opts *o);
/* numpy.testing.assert_array_max_ulp: a and b (same shape, converted to their common float
 * type: float32 when both are float32, else float64) differ by at most maxulp units in the
 * last place. "Arrays are not almost equal up to 1 ULP (max difference is 2 ULP)". */
ND_API nd_status nd_assert_array_max_ulp_(nd_operand a, nd_operand b, const nd_max_ulp_opts *o);
/* numpy.testing.assert_array_almost_equal_nulp: |x - y| <= nulp * spacing(max(|x|, |y|))
 * elementwise (broadcast). "X and Y are not equal to 1 ULP (max is 2)". */
ND_API nd_status nd_assert_array_almost_equal_nulp_(nd_operand x, nd_operand y,
                                                    const nd_nulp_opts *o);

#define nd_assert_allclose(actual, ...)                                                   \
    nd_assert_allclose_(ND_OPERAND(actual), ND__H1(__VA_ARGS__, ),                         \
                        &(nd_allclose_opts){ ._ = 0, .rtol = 1e-7, .equal_nan = true, ._ = 0, \
                                             ND__T1(__VA_ARGS__, ) })
#define nd_assert_array_equal(x, ...)                                                     \
    nd_assert_array_equal_(ND_OPERAND(x), ND__H1(__VA_ARGS__, ),                           \
                           &(nd_assert_opts){ ._ = 0, ND__T1(__VA_ARGS__, ) })
#define nd_assert_array_less(x, ...)                                                      \
    nd_assert_array_less_(ND_OPERAND(x), ND__H1(__VA_ARGS__, ),                            \
                          &(nd_assert_opts){ ._ = 0, ND__T1(__VA_ARGS__, ) })
#define nd_assert_array_max_ulp(a, ...)                                                   \
    nd_assert_array_max_ulp_(ND_OPERAND(a), ND__H1(__VA_ARGS__, ),                         \
                             &(nd_max_ulp_opts){ ._ = 0, .maxulp = 1, ._ = 0,              \
                                                 ND__T1(__VA_ARGS__, ) })
#define nd_assert_array_almost_equal_nulp(x, ...)                                         \
    nd_assert_array_almost_equal_nulp_(ND_OPERAND(x), ND__H1(__VA_ARGS__, ),               \
                                       &(nd_nulp_opts){ ._ = 0, .nulp = 1, ._ = 0,         \
                                                        ND__T1(__VA_ARGS__, ) })


/* ---- assert_almost_equal, assert_approx_equal, assert_array_almost_equal, assert_equal */
/* nd_assert_almost_equal (decimal=7) / nd_assert_array_almost_equal (decimal=6). */
typedef struct nd_almost_opts {
    int _;               /* reserved: leave it out (lets an empty option list compile) */
    int decimal;         /* the macro's default: 7 (array form: 6); a positional argument
                            after the operands lands here, as in NumPy; 0 is 0 */
    const char *err_msg; /* NumPy's err_msg */
    char **report;       /* as in nd_assert_opts */
} nd_almost_opts;

/* nd_assert_approx_equal (NumPy: significant=7). */
typedef struct nd_approx_opts {
    int _;               /* reserved: leave it out (lets an empty option list compile) */
    int significant;     /* the macro's default: 7 (a positional argument lands here) */
    const char *err_msg;
    char **report;
} nd_approx_opts;

#define ND_ALMOST_DEFAULTS ((nd_almost_opts){ 0, 7, NULL, NULL })
#define ND_ARRAY_ALMOST_DEFAULTS ((nd_almost_opts){ 0, 6, NULL, NULL })
#define ND_APPROX_DEFAULTS ((nd_approx_opts){ 0, 7, NULL, NULL })

/* numpy.testing.assert_almost_equal: two C scalars pass when
 * abs(desired - actual) < 1.5 * 10**(-decimal) (NaN equals NaN; infinities must be equal;
 * complex: real and imaginary parts apart); report "Arrays are not almost equal to 7
 * decimals" with ACTUAL / DESIRED. An array on either side: nd_assert_array_almost_equal. */
ND_API nd_status nd_assert_almost_equal_(nd_operand actual, nd_operand desired,
                                         const nd_almost_opts *o);
/* numpy.testing.assert_approx_equal: scalars (or one-element arrays) as floats agree to
 * `significant` digits; "Items are not equal to 7 significant digits:". ND_EVALUE for an
 * array of more than one element, ND_EDTYPE for complex (float() refuses them). */
ND_API nd_status nd_assert_approx_equal_(nd_operand actual, nd_operand desired,
                                         const nd_approx_opts *o);
/* numpy.testing.assert_array_almost_equal: assert_array_compare with
 * abs(x - y) < 1.5 * 10**(-decimal); "Arrays are not almost equal to 6 decimals", the
 * mismatch count and the max absolute / relative differences. */
ND_API nd_status nd_assert_array_almost_equal_(nd_operand x, nd_operand y,
                                               const nd_almost_opts *o);
/* numpy.testing.assert_equal: an array on either side is nd_assert_array_equal (shape and
 * values, NaN equals NaN); two scalars are equal (NaN equals NaN, 0.0 differs from -0.0),
 * else "Items are not equal:" with ACTUAL / DESIRED. */
ND_API nd_status nd_assert_equal_(nd_operand actual, nd_operand desired, const nd_assert_opts *o);

#define nd_assert_almost_equal(actual, ...)                                               \
    nd_assert_almost_equal_(ND_OPERAND(actual), ND__H1(__VA_ARGS__, ),                     \
                            &(nd_almost_opts){ ._ = 0, .decimal = 7, ._ = 0,               \
                                               ND__T1(__VA_ARGS__, ) })
#define nd_assert_array_almost_equal(x, ...)                                              \
    nd_assert_array_almost_equal_(ND_OPERAND(x), ND__H1(__VA_ARGS__, ),                    \
                                  &(nd_almost_opts){ ._ = 0, .decimal = 6, ._ = 0,         \
                                                     ND__T1(__VA_ARGS__, ) })
#define nd_assert_approx_equal(actual, ...)                                               \
    nd_assert_approx_equal_(ND_OPERAND(actual), ND__H1(__VA_ARGS__, ),                     \
                            &(nd_approx_opts){ ._ = 0, .significant = 7, ._ = 0,           \
                                               ND__T1(__VA_ARGS__, ) })
#define nd_assert_equal(actual, ...)                                                      \
    nd_assert_equal_(ND_OPERAND(actual), ND__H1(__VA_ARGS__, ),                            \
                     &(nd_assert_opts){ ._ = 0, ND__T1(__VA_ARGS__, ) })


/* nd_assert_string_equal's options. */
typedef struct nd_string_opts {
    int _;          /* reserved: leave it out (lets an empty option list compile) */
    char **report;  /* as in nd_assert_opts */
} nd_string_opts;
/* numpy.testing.assert_string_equal: the C strings are equal, else ND_EASSERT with NumPy's
 * report, difflib.Differ's lines of the differing lines ("Differences in strings:\n- abc\n?
 *   ^\n+ abd\n?   ^"; where NumPy's report is the repr of one line, that). Strings are
 * UTF-8; lines split at \n, \r, \r\n, \v, \f. ND_EVALUE for a NULL string. */
ND_API nd_status nd_assert_string_equal_(const char *actual, const char *desired,
                                         const nd_string_opts *o);
#define nd_assert_string_equal(actual, ...)                                               \
    nd_assert_string_equal_((actual), ND__RH(__VA_ARGS__, ),                               \
                            &(nd_string_opts){ ._ = 0, ND__T1(__VA_ARGS__, ) })

#ifdef __cplusplus
}
#endif
#endif
