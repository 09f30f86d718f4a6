/* numc — masked arrays (numpy.ma): data with holes that every operation respects.
 *
 * An nd_marray is an nd_array (the data), a boolean mask of the same shape (true marks
 * an invalid element) or none at all (NumPy's `nomask`), a fill value and a hard/soft
 * mask flag. The rules are NumPy's:
 *   - the data of a masked array made from an array is a view of it (no copy) unless
 *     .copy is asked for; views of a masked array (nd_ma_view, nd_ma_reshape,
 *     nd_ma_transpose, ...) share its data and its mask;
 *   - the result mask of an operation is the union of the input masks, plus the
 *     elements outside the domain of the function (log of x <= 0, division by zero,
 *     arcsin outside [-1, 1] ...), which are masked instead of giving NaN or a warning;
 *     data under the mask of a result is the input's data left as it was (NumPy keeps
 *     the first operand's value there);
 *   - reductions skip masked elements; a slice with no valid element gives a masked
 *     result.
 *
 * Ownership: every nd_marray * returned is the caller's, freed with nd_ma_free (NULL is
 * a no-op); every nd_array * returned is the caller's, freed with nd_free. Masked arrays
 * are not listed in autorelease scopes (nd_scope_begin); arrays they hold are theirs.
 * Errors: functions returning a pointer return NULL and set nd_errmsg(); those returning
 * nd_status return a negative code. Inputs are never changed on failure. */
#ifndef NUMC_MA_H
#define NUMC_MA_H

#include <stdbool.h>
#include <stddef.h>
#include <stdio.h>

#include "array.h"
#include "io.h"
#include "manip.h" /* nd_clipmode (nd_ma_choose) */
#include "ufunc.h"

#ifdef __cplusplus
extern "C" {
#endif

typedef struct nd_marray nd_marray;

/* ---- the type --------------------------------------------------------------------- */
typedef struct nd_ma_opts {
    int _;                     /* reserved: leave it out (lets an empty option list compile) */
    bool copy;                 /* copy the data (default: a view of it, as NumPy) */
    bool hard_mask;            /* a hard mask: assigning to a masked element keeps it masked */
    const nd_scalar *fill_value; /* NULL → the dtype's default (nd_ma_default_fill_value) */
} nd_ma_opts;

/* numpy.ma.masked_array(data, mask=mask, ...): `mask` NULL is nomask; otherwise a bool
 * array broadcastable to the data's shape, or of the data's size in another shape (read in
 * C order, as NumPy reshapes it); it is copied. Errors: ND_EDTYPE for
 * a non-bool mask ("mask must be bool, got int64"), ND_ESHAPE when the shapes do not
 * broadcast (both named), ND_EVALUE for a fill value that does not fit the dtype (a
 * float fill for an int array, 300 for int8, ...).
 *     nd_marray *m = nd_ma_array(x, mask, .fill_value = &ND_F64(-999));
 */
ND_API nd_marray *nd_ma_array_(const nd_array *data, const nd_array *mask, const nd_ma_opts *o);
#define nd_ma_array(...) \
    nd_ma_array_(ND__H2R(__VA_ARGS__, ), &(nd_ma_opts){ ._ = 0, ND__T2(__VA_ARGS__, ) })
/* Free a masked array (NULL is a no-op). Views made from it stay valid. */
ND_API void nd_ma_free(nd_marray *m);
/* A new handle on the same data and mask (a view of the whole masked array). */
ND_API nd_marray *nd_ma_ref(const nd_marray *m);
/* A deep copy (data, mask and fill value). */
ND_API nd_marray *nd_ma_copy(const nd_marray *m);

/* ---- accessors -------------------------------------------------------------------- */
ND_API int nd_ma_ndim(const nd_marray *m);
ND_API const ptrdiff_t *nd_ma_shape(const nd_marray *m);
ND_API ptrdiff_t nd_ma_size(const nd_marray *m);
ND_API nd_dtype nd_ma_dtype(const nd_marray *m);
/* The data array itself (borrowed: valid while m lives; writes through it change m). */
ND_API const nd_array *nd_ma_data(const nd_marray *m);
/* The mask array itself (borrowed), or NULL for nomask. */
ND_API const nd_array *nd_ma_mask(const nd_marray *m);
/* True when m has no mask (nomask): nothing is masked and no mask array exists. */
ND_API bool nd_ma_is_nomask(const nd_marray *m);
/* numpy.ma.getdata: a view of the data (new handle). */
ND_API nd_array *nd_ma_getdata(const nd_marray *m);
/* numpy.ma.getmask: a view of the mask (new handle), or NULL with no error set for
 * nomask (check nd_last_error() or use nd_ma_getmaskarray). */
ND_API nd_array *nd_ma_getmask(const nd_marray *m);
/* numpy.ma.getmaskarray: the mask as a full bool array (all false for nomask). */
ND_API nd_array *nd_ma_getmaskarray(const nd_marray *m);
/* The fill value (as the dtype's scalar), and setting it (ND_EVALUE if it does not fit;
 * kept in the dtype's precision: 0.1 for float32 is float32's 0.1). */
ND_API nd_scalar nd_ma_fill_value(const nd_marray *m);
ND_API nd_status nd_ma_set_fill_value(nd_marray *m, nd_scalar v);
/* numpy.ma.default_fill_value: True for bool, 999999 for integers (unsigned too, as
 * NumPy), 1e20 for floats, 1e20+0j for complex. */
ND_API nd_scalar nd_ma_default_fill_value(nd_dtype dt);
/* harden_mask / soften_mask / hardmask. */
ND_API void nd_ma_harden_mask(nd_marray *m);
ND_API void nd_ma_soften_mask(nd_marray *m);
ND_API bool nd_ma_is_hard_mask(const nd_marray *m);
/* shrink_mask: an all-false mask becomes nomask. */
ND_API nd_status nd_ma_shrink_mask(nd_marray *m);
/* numpy.ma.is_masked: true when at least one element is masked. */
ND_API bool nd_ma_is_masked(const nd_marray *m);

/* ---- elements --------------------------------------------------------------------- */
/* Element at idx (ND_IDX): *value gets the data (also under the mask), *masked whether it
 * is masked (either pointer may be NULL). ND_EINDEX for a bad index. */
ND_API nd_status nd_ma_get_f64(const nd_marray *m, int nidx, const ptrdiff_t *idx, double *value,
                               bool *masked);
/* a[idx] = value: sets the data and unmasks the element (a hard mask keeps it masked
 * and leaves the data, as NumPy). */
ND_API nd_status nd_ma_set_f64(nd_marray *m, int nidx, const ptrdiff_t *idx, double value);
/* a[idx] = numpy.ma.masked: masks the element (creating the mask if m had nomask). */
ND_API nd_status nd_ma_set_masked(nd_marray *m, int nidx, const ptrdiff_t *idx);
/* The element of a 0-d (or one-element) masked array: *masked tells NumPy's `masked`. */
ND_API nd_status nd_ma_item_f64(const nd_marray *m, double *value, bool *masked);

/* ---- views (share data and mask) ----------------------------------------------------- */
/* NumPy's basic index syntax in a string, as nd_view ("1:3, ::2"): a view. */
ND_API nd_marray *nd_ma_view(const nd_marray *m, const char *index);
ND_API nd_marray *nd_ma_reshape(const nd_marray *m, int ndim, const ptrdiff_t *shape);
ND_API nd_marray *nd_ma_transpose(const nd_marray *m);
ND_API nd_marray *nd_ma_ravel(const nd_marray *m);
/* Boolean / integer selection (nd_getitem with an index array): a copy, as NumPy. */
ND_API nd_marray *nd_ma_take(const nd_marray *m, const nd_array *index);

/* ---- making masks ------------------------------------------------------------------- */
/* numpy.ma.make_mask(m): a new bool array (nonzero → true, NaN too); with shrink
 * (NumPy's default) an all-false result is nomask: NULL with the error state cleared
 * (nd_last_error() == ND_OK tells it from a failure). */
ND_API nd_array *nd_ma_make_mask(const nd_array *m, bool shrink);
/* numpy.ma.mask_or(m1, m2): NULL (nomask) operands allowed; both NULL gives NULL; one
 * NULL gives make_mask of the other. Two masks must have the same dtype (ND_EDTYPE, as
 * NumPy's "Incompatible dtypes") and broadcast (ND_ESHAPE naming both shapes). nomask
 * results as make_mask. */
ND_API nd_array *nd_ma_mask_or(const nd_array *m1, const nd_array *m2, bool shrink);
/* numpy.ma.masked_where(condition, a): a copy of a (NumPy's copy=True) masked where
 * condition is nonzero. The condition is 0-d (applies to every element) or of a's shape
 * exactly (ND_ESHAPE naming both otherwise: NumPy does not broadcast it); nothing
 * masked gives nomask. The masked_* functions below all return copies likewise. */
ND_API nd_marray *nd_ma_masked_where(const nd_array *condition, const nd_array *a);
/* numpy.ma.masked_invalid: NaN and ±inf masked (fill value the default). */
ND_API nd_marray *nd_ma_masked_invalid(const nd_array *a);
/* masked_equal / not_equal / greater / greater_equal / less / less_equal (a, value):
 * compared as the ufuncs compare a with a double (NaN is not equal to anything).
 * masked_equal also sets the fill value to `value`, as NumPy (truncated toward zero
 * for integer arrays, 2.5 → 2); a value no element of the dtype can hold (NaN or inf
 * for integers, 300 for int8) is ND_EVALUE. */
ND_API nd_marray *nd_ma_masked_equal(const nd_array *a, double value);
ND_API nd_marray *nd_ma_masked_not_equal(const nd_array *a, double value);
ND_API nd_marray *nd_ma_masked_greater(const nd_array *a, double value);
ND_API nd_marray *nd_ma_masked_greater_equal(const nd_array *a, double value);
ND_API nd_marray *nd_ma_masked_less(const nd_array *a, double value);
ND_API nd_marray *nd_ma_masked_less_equal(const nd_array *a, double value);
/* masked_inside(a, v1, v2): v1 <= a <= v2 masked (bounds in either order);
 * masked_outside: a < min or a > max masked. */
ND_API nd_marray *nd_ma_masked_inside(const nd_array *a, double v1, double v2);
ND_API nd_marray *nd_ma_masked_outside(const nd_array *a, double v1, double v2);
/* masked_values(a, value, rtol, atol, shrink): floats within isclose(a, value) masked,
 * integers, bool and complex exactly equal; the fill value becomes `value` (converted
 * as masked_equal's). NumPy's defaults are rtol = 1e-5, atol = 1e-8, shrink = true
 * (shrink false keeps an all-false mask). */
ND_API nd_marray *nd_ma_masked_values(const nd_array *a, double value, double rtol, double atol,
                                      bool shrink);
/* masked_all(shape, dtype) / masked_all_like(a): every element masked; the data is zeros
 * (NumPy's is uninitialised). ND_EDTYPE for an invalid dtype. */
ND_API nd_marray *nd_ma_masked_all(int ndim, const ptrdiff_t *shape, nd_dtype dt);
ND_API nd_marray *nd_ma_masked_all_like(const nd_array *a);
/* fix_invalid(a): a copy (mask, fill value and hardness too) with NaN/inf masked and
 * their data replaced by the fill value; without any, the copy as it is (nomask kept). */
ND_API nd_marray *nd_ma_fix_invalid(const nd_marray *a);

/* ---- getting the data out ---------------------------------------------------------- */
/* filled(m, fill): a new array with masked elements replaced by *fill (NULL: m's fill
 * value). ND_EVALUE if the fill value does not fit the dtype. */
ND_API nd_array *nd_ma_filled(const nd_marray *m, const nd_scalar *fill);
/* filled(m) as float64 with masked elements NaN (what the plotting functions draw as
 * gaps). */
ND_API nd_array *nd_ma_filled_nan(const nd_marray *m);
/* compressed(): the valid elements, flattened in C order (1-D). */
ND_API nd_array *nd_ma_compressed(const nd_marray *m);
/* count(axis=..., keepdims=...): valid elements per slice (int64; 0-d for all axes).
 * count_masked: masked elements over all axes. */
ND_API nd_array *nd_ma_count_(const nd_marray *m, const nd_reduce_opts *o);
#define nd_ma_count(...) ND__RED(nd_ma_count_, __VA_ARGS__)
ND_API ptrdiff_t nd_ma_count_masked(const nd_marray *m);

/* ---- elementwise operations -------------------------------------------------------- */
/* An operand of a masked elementwise function: a masked array, a plain array (no mask)
 * or a scalar. ND_MA_OPERAND(x) builds one from any of them (C11 _Generic). */
typedef struct nd_ma_operand {
    const nd_marray *ma; /* non-NULL: this masked array */
    nd_operand op;       /* otherwise: an array or scalar, unmasked */
} nd_ma_operand;
static inline nd_ma_operand nd_ma_op_ma(const nd_marray *m)
{ nd_ma_operand o; o.ma = m; o.op = nd_op_array(NULL); return o; }
static inline nd_ma_operand nd_ma_op_plain(nd_operand op)
{ nd_ma_operand o; o.ma = NULL; o.op = op; return o; }
static inline nd_ma_operand nd__ma_op_same(nd_ma_operand o) { return o; }
static inline nd_ma_operand nd__ma_op_array(const nd_array *a) { return nd_ma_op_plain(nd_op_array(a)); }
static inline nd_ma_operand nd__ma_op_scalar(nd_scalar s) { return nd_ma_op_plain(nd_op_scalar(s)); }
static inline nd_ma_operand nd__ma_op_bool(bool b) { return nd_ma_op_plain(nd_op_bool(b)); }
static inline nd_ma_operand nd__ma_op_i64(long long i) { return nd_ma_op_plain(nd_op_i64(i)); }
static inline nd_ma_operand nd__ma_op_u64(unsigned long long u) { return nd_ma_op_plain(nd_op_u64(u)); }
static inline nd_ma_operand nd__ma_op_f64(double f) { return nd_ma_op_plain(nd_op_f64(f)); }
#ifndef __cplusplus
#define ND_MA_OPERAND(x) _Generic((x),                                               \
    nd_marray *: nd_ma_op_ma, const nd_marray *: nd_ma_op_ma,                        \
    nd_ma_operand: nd__ma_op_same,                                                   \
    nd_array *: nd__ma_op_array, const nd_array *: nd__ma_op_array,                  \
    nd_scalar: nd__ma_op_scalar, _Bool: nd__ma_op_bool,                              \
    char: nd__ma_op_i64, signed char: nd__ma_op_i64, short: nd__ma_op_i64,           \
    int: nd__ma_op_i64, long: nd__ma_op_i64, long long: nd__ma_op_i64,               \
    unsigned char: nd__ma_op_u64, unsigned short: nd__ma_op_u64, unsigned: nd__ma_op_u64, \
    unsigned long: nd__ma_op_u64, unsigned long long: nd__ma_op_u64,                 \
    float: nd__ma_op_f64, double: nd__ma_op_f64)(x)
#endif

/* Any ufunc of ufunc.h (nd_ufunc), applied to masked operands: nin = 1, 2 (or 3 for
 * clip). Broadcasting, type resolution, casting and `where` as the plain ufunc. As
 * numpy.ma (1.24):
 *   - the result is masked where any input is (nomask when every input has nomask);
 *   - the domained functions also mask where the input is outside the domain or the
 *     result is not finite: log, log2, log10 (x <= 0), sqrt (x < 0), arcsin, arccos
 *     (|x| > 1), arccosh (x < 1), arctanh (|x| > 1 - 1e-15), tan (|cos x| < 1e-35),
 *     divide, floor_divide, remainder, fmod (|a| * tiny >= |b|: a zero or tiny
 *     divisor); their result always has a mask;
 *   - power masks where the result is not finite and puts the fill value there;
 *   - data under the mask is the first operand's (cast; for the domained binary
 *     functions only when it casts safely, else 0) for the functions numpy.ma has a
 *     version of (add, multiply, exp, sin, the comparisons, logical and bitwise ones,
 *     the domained ones, ...); maximum / minimum are ma.where(greater(a, b), a, b) (b's
 *     data where the comparison is masked; a NaN does not win); the shifts shift
 *     filled(a, 0); the ufuncs numpy.ma has no version of (log1p, reciprocal, expm1,
 *     square, clip, ...) mask the union only and keep the computed data, as NumPy's
 *     MaskedArray.__array_wrap__ does.
 * The fill value is the first masked operand's when one was set and it fits the result
 * dtype, else the result dtype's default. Divide-by-zero and invalid conditions raise no
 * floating-point warning (numpy.ma's errstate); overflow follows nd_seterr. Errors:
 * ND_EVALUE (a NULL operand: "operand 2 is NULL"; nin not the function's), ND_ESHAPE
 * naming the shapes that do not broadcast, the plain ufunc's (ND_EDTYPE, ...). */
ND_API nd_marray *nd_ma_ufunc_(nd_ufunc f, int nin, const nd_ma_operand *in, const nd_ufunc_opts *o);
#ifndef __cplusplus
#define nd_ma_unary(f, a) \
    nd_ma_ufunc_((f), 1, (const nd_ma_operand[]){ ND_MA_OPERAND(a) }, NULL)
#define nd_ma_binary(f, a, b) \
    nd_ma_ufunc_((f), 2, (const nd_ma_operand[]){ ND_MA_OPERAND(a), ND_MA_OPERAND(b) }, NULL)
/* The common ones by name: nd_ma_add(m, 2.0), nd_ma_log(m) ... */
#define nd_ma_add(a, b) nd_ma_binary(ND_UF_ADD, a, b)
#define nd_ma_subtract(a, b) nd_ma_binary(ND_UF_SUBTRACT, a, b)
#define nd_ma_multiply(a, b) nd_ma_binary(ND_UF_MULTIPLY, a, b)
#define nd_ma_divide(a, b) nd_ma_binary(ND_UF_DIVIDE, a, b)
#define nd_ma_power(a, b) nd_ma_binary(ND_UF_POWER, a, b)
#define nd_ma_maximum(a, b) nd_ma_binary(ND_UF_MAXIMUM, a, b)
#define nd_ma_minimum(a, b) nd_ma_binary(ND_UF_MINIMUM, a, b)
#define nd_ma_equal(a, b) nd_ma_binary(ND_UF_EQUAL, a, b)
#define nd_ma_less(a, b) nd_ma_binary(ND_UF_LESS, a, b)
#define nd_ma_greater(a, b) nd_ma_binary(ND_UF_GREATER, a, b)
#define nd_ma_negative(a) nd_ma_unary(ND_UF_NEGATIVE, a)
#define nd_ma_absolute(a) nd_ma_unary(ND_UF_ABSOLUTE, a)
#define nd_ma_sqrt(a) nd_ma_unary(ND_UF_SQRT, a)
#define nd_ma_exp(a) nd_ma_unary(ND_UF_EXP, a)
#define nd_ma_log(a) nd_ma_unary(ND_UF_LOG, a)
#define nd_ma_log10(a) nd_ma_unary(ND_UF_LOG10, a)
#define nd_ma_sin(a) nd_ma_unary(ND_UF_SIN, a)
#define nd_ma_cos(a) nd_ma_unary(ND_UF_COS, a)
#define nd_ma_arcsin(a) nd_ma_unary(ND_UF_ARCSIN, a)
#endif

/* ---- reductions ------------------------------------------------------------------- */
/* Over .axis / .axes (default all) with .keepdims, skipping masked elements, as numpy.ma.
 * The result is a masked array (0-d when every axis is reduced): an element is masked
 * when its slice has no valid element (sum/prod of such a slice are masked too, as
 * NumPy's ma); var/std also where count - ddof <= 0. An input with nomask gives a
 * result with nomask, except var (masked where the variance is infinite: NumPy's
 * true_divide domain) and std (numpy.ma.sqrt of var: always a mask).
 * mean is sum / count in float64 (float32 input too, as NumPy). .ddof for var/std;
 * .dtype as the plain reductions; .where is combined with the mask. */
ND_API nd_marray *nd_ma_sum_(const nd_marray *m, const nd_reduce_opts *o);
ND_API nd_marray *nd_ma_prod_(const nd_marray *m, const nd_reduce_opts *o);
ND_API nd_marray *nd_ma_mean_(const nd_marray *m, const nd_reduce_opts *o);
ND_API nd_marray *nd_ma_var_(const nd_marray *m, const nd_reduce_opts *o);
ND_API nd_marray *nd_ma_std_(const nd_marray *m, const nd_reduce_opts *o);
ND_API nd_marray *nd_ma_min_(const nd_marray *m, const nd_reduce_opts *o);
ND_API nd_marray *nd_ma_max_(const nd_marray *m, const nd_reduce_opts *o);
ND_API nd_marray *nd_ma_ptp_(const nd_marray *m, const nd_reduce_opts *o);
ND_API nd_marray *nd_ma_all_(const nd_marray *m, const nd_reduce_opts *o);
ND_API nd_marray *nd_ma_any_(const nd_marray *m, const nd_reduce_opts *o);
ND_API nd_marray *nd_ma_median_(const nd_marray *m, const nd_reduce_opts *o);
#define nd_ma_sum(...) ND__RED(nd_ma_sum_, __VA_ARGS__)
#define nd_ma_prod(...) ND__RED(nd_ma_prod_, __VA_ARGS__)
#define nd_ma_mean(...) ND__RED(nd_ma_mean_, __VA_ARGS__)
#define nd_ma_var(...) ND__RED(nd_ma_var_, __VA_ARGS__)
#define nd_ma_std(...) ND__RED(nd_ma_std_, __VA_ARGS__)
#define nd_ma_min(...) ND__RED(nd_ma_min_, __VA_ARGS__)
#define nd_ma_max(...) ND__RED(nd_ma_max_, __VA_ARGS__)
#define nd_ma_ptp(...) ND__RED(nd_ma_ptp_, __VA_ARGS__)
#define nd_ma_all(...) ND__RED(nd_ma_all_, __VA_ARGS__)
#define nd_ma_any(...) ND__RED(nd_ma_any_, __VA_ARGS__)
#define nd_ma_median(...) ND__RED(nd_ma_median_, __VA_ARGS__)
/* argmin / argmax (.axis or flattened): int64 indices of a plain array; masked elements
 * are never chosen (NumPy fills them with the extreme value); an all-masked slice
 * gives 0, as NumPy. */
ND_API nd_array *nd_ma_argmin_(const nd_marray *m, const nd_reduce_opts *o);
ND_API nd_array *nd_ma_argmax_(const nd_marray *m, const nd_reduce_opts *o);
#define nd_ma_argmin(...) ND__RED(nd_ma_argmin_, __VA_ARGS__)
#define nd_ma_argmax(...) ND__RED(nd_ma_argmax_, __VA_ARGS__)
/* cumsum / cumprod (.axis or flattened): masked elements stay masked in the result and
 * do not contribute to the running value. */
ND_API nd_marray *nd_ma_cumsum_(const nd_marray *m, const nd_reduce_opts *o);
ND_API nd_marray *nd_ma_cumprod_(const nd_marray *m, const nd_reduce_opts *o);
#define nd_ma_cumsum(...) ND__RED(nd_ma_cumsum_, __VA_ARGS__)
#define nd_ma_cumprod(...) ND__RED(nd_ma_cumprod_, __VA_ARGS__)
/* numpy.ma.average(a, axis, weights): weights (NULL: equal) of a's shape or 1-D along
 * .axis; masked elements and their weights left out. If sum_of_weights is non-NULL it
 * receives the summed weights (NumPy's returned=True), a plain array. */
ND_API nd_marray *nd_ma_average(const nd_marray *m, int axis, const nd_array *weights,
                                nd_array **sum_of_weights);
/* numpy.ma.cov(x, y=None, rowvar=True, bias=False, allow_masked=True, ddof=None) and
 * corrcoef(x, y, rowvar): y may be NULL; ddof < 0 means NumPy's None. Observations
 * masked in any variable are left out pairwise as numpy.ma does. */
ND_API nd_marray *nd_ma_cov(const nd_marray *x, const nd_marray *y, bool rowvar, bool bias,
                            int ddof);
ND_API nd_marray *nd_ma_corrcoef(const nd_marray *x, const nd_marray *y, bool rowvar);

/* ---- sorting and searching ------------------------------------------------------- */
/* sort(axis, endwith): masked elements go last (endwith true, NumPy's default) or
 * first; argsort returns the indices (int64). axis ND_AXIS_NONE flattens. As numpy.ma,
 * argsort fills masked elements (with endwith: NaN for floats, else the dtype's largest
 * value; without: -inf or the smallest value) and argsorts with quicksort, so they tie
 * with valid NaNs / extreme values; a 0-d array argsorts as one element. The sorted
 * array keeps m's fill value and hard flag; under a hard mask NumPy writes the sorted
 * values back through the mask: the result mask is m's mask | the sorted mask and its
 * masked places keep m's data. ND_EAXIS for a bad axis (0-d sorts need ND_AXIS_NONE). */
ND_API nd_marray *nd_ma_sort(const nd_marray *m, int axis, bool endwith);
ND_API nd_array *nd_ma_argsort(const nd_marray *m, int axis, bool endwith);
/* numpy.ma.unique(a): sorted unique valid values, then one masked element if any was
 * masked (1-D), as numpy.unique on the sorted masked array: when something is masked,
 * valid NaNs (which sort among the masked elements) are not merged, and each of them
 * separates the masked run as in NumPy. */
ND_API nd_marray *nd_ma_unique(const nd_marray *m);
/* numpy.ma.polyfit(x, y, deg): points masked in x or y are left out (y 1-D here).
 * ND_ESHAPE unless x and y are 1-D; ND_EVALUE for lengths that differ, deg < 0 or
 * every point masked; nd_polyfit's errors otherwise. */
ND_API nd_array *nd_ma_polyfit(const nd_marray *x, const nd_marray *y, int deg);
/* Runs over the flattened array as (k, 2) int64 arrays of [start, stop) pairs, shape
 * (0, 2) when there is none: clump_masked (runs of masked elements), clump_unmasked and
 * notmasked_contiguous (runs of valid elements; NumPy's list of slices with axis=None,
 * any ndim). An empty array without a mask has the one valid run [0, 0) (NumPy's
 * slice(0, 0)); with an empty mask, none (NumPy's clump_* raise IndexError there). */
ND_API nd_array *nd_ma_clump_masked(const nd_marray *m);
ND_API nd_array *nd_ma_clump_unmasked(const nd_marray *m);
ND_API nd_array *nd_ma_notmasked_contiguous(const nd_marray *m);
/* flatnotmasked_edges: *first and *last valid flat indices; ND_OK with both -1 when
 * every element is masked (NumPy's None). Nothing masked gives 0 and size - 1, also
 * for an empty array (0, -1), as NumPy. ND_EVALUE for a NULL output pointer. */
ND_API nd_status nd_ma_flatnotmasked_edges(const nd_marray *m, ptrdiff_t *first, ptrdiff_t *last);

/* ---- more routines: joining, where, dot, rows and columns, differences ------------- */
/* numpy.ma.concatenate(arrays, axis): the n data arrays joined as nd_concatenate joins
 * them (dtypes promoted; axis ND_AXIS_NONE flattens), and the masks joined alike, a
 * nomask operand counting as all false. The result has nomask when every operand has
 * nomask or nothing is masked in the joined mask (NumPy shrinks it); its fill value is
 * the default, not hard. Errors: ND_EVALUE for n < 1, a NULL list or a NULL array
 * ("array 2 is NULL"), nd_concatenate's (ND_ESHAPE, ND_EAXIS) otherwise. */
ND_API nd_marray *nd_ma_concatenate(int n, const nd_marray *const *arrays, int axis);
/* numpy.ma.stack(arrays, axis) / hstack / vstack: nd_stack / nd_hstack / nd_vstack of
 * the data and of the full masks. As NumPy, the result always has a mask (all false
 * when nothing is masked) and the default fill value. Errors as nd_ma_concatenate. */
ND_API nd_marray *nd_ma_stack(int n, const nd_marray *const *arrays, int axis);
ND_API nd_marray *nd_ma_hstack(int n, const nd_marray *const *arrays);
ND_API nd_marray *nd_ma_vstack(int n, const nd_marray *const *arrays);
/* numpy.ma.where(condition, x, y): x where the condition is true, y where it is false or
 * masked (operands are masked arrays, arrays or scalars: ND_MA_OPERAND, broadcast
 * together, dtype as nd_where). The result is masked where the condition is masked or
 * the chosen operand is; nomask when nothing is; the fill value the default. Errors:
 * ND_EVALUE for a NULL operand, ND_ESHAPE naming the shapes that do not broadcast. */
ND_API nd_marray *nd_ma_where_(nd_ma_operand condition, nd_ma_operand x, nd_ma_operand y);
#ifndef __cplusplus
#define nd_ma_where(c, x, y) nd_ma_where_(ND_MA_OPERAND(c), ND_MA_OPERAND(x), ND_MA_OPERAND(y))
#endif
/* numpy.ma.dot(a, b, strict): nd_dot of the data filled with 0 (masked elements add
 * nothing); an element of the result is masked when every product that makes it has a
 * masked factor (also an empty sum). With strict and both operands 2-D, a row of a / a
 * column of b holding a masked value is masked whole first (mask_rowcols), so that any
 * masked factor masks the element. The result always has a mask (0-d for two 1-D
 * operands) and the default fill value. Errors: ND_EVALUE for NULL, nd_dot's (ND_ESHAPE
 * for shapes that do not align). */
ND_API nd_marray *nd_ma_dot(const nd_marray *a, const nd_marray *b, bool strict);
/* numpy.ma.allclose(a, b, masked_equal, rtol, atol) (NumPy's defaults true, 1e-5,
 * 1e-8): 1 when |a - b| <= atol + rtol * |b| at every element where neither is masked
 * (broadcast), infinities equal to themselves; an element masked in either counts as
 * masked_equal. As NumPy, an infinity of b where a is masked is a mismatch (b's
 * infinities must sit where a's valid ones do); NaN is never close. 0 when not,
 * negative nd_status on error (NULL: ND_EVALUE; shapes: ND_ESHAPE; complex: ND_EDTYPE).
 * Computed in float64. */
ND_API int nd_ma_allclose(const nd_marray *a, const nd_marray *b, bool masked_equal, double rtol,
                          double atol);
/* numpy.ma.allequal(a, b, fill_value): 1 when a == b at every element (broadcast);
 * where either is masked the answer is fill_value's: true ignores those elements, false
 * makes the whole answer 0 (as NumPy, even when the masks are all false but not
 * nomask: an all-false mask shrinks away first). Negative nd_status on error. */
ND_API int nd_ma_allequal(const nd_marray *a, const nd_marray *b, bool fill_value);
/* numpy.ma.compress_rowcols(x, axis): the data of a 2-D x without the rows (axis 0),
 * the columns (axis 1) or both (ND_AXIS_NONE; -1 and -2 count from the end) that hold a
 * masked element: a plain array. Nothing masked gives x's data itself (a view, as NumPy
 * returns x.data); everything masked an empty 1-D float64 array, as NumPy. Errors:
 * ND_EVALUE for NULL, ND_ESHAPE for x not 2-D, ND_EAXIS for another axis.
 * compress_rows(x) is axis 0, compress_cols(x) axis 1. */
ND_API nd_array *nd_ma_compress_rowcols(const nd_marray *x, int axis);
ND_API nd_array *nd_ma_compress_rows(const nd_marray *x);
ND_API nd_array *nd_ma_compress_cols(const nd_marray *x);
/* numpy.ma.mask_rowcols(a, axis): a masked array sharing a's data (a view, fill value
 * and hardness kept) with a new mask in which every row (axis 0), column (axis 1 or -1)
 * or both (ND_AXIS_NONE) holding a masked element is masked whole. Axis -2 masks nothing
 * more, as NumPy 1.24's (it tests `axis in [None, 1, -1]` and `not axis`). Nothing
 * masked: a's mask as it is (nomask stays nomask). Errors: ND_EVALUE for NULL,
 * ND_ESHAPE for a not 2-D, ND_EAXIS outside -2..1. mask_rows is axis 0, mask_cols 1. */
ND_API nd_marray *nd_ma_mask_rowcols(const nd_marray *a, int axis);
ND_API nd_marray *nd_ma_mask_rows(const nd_marray *a);
ND_API nd_marray *nd_ma_mask_cols(const nd_marray *a);
/* numpy.ma.anom(a, axis): a - mean(a, axis) (ND_AXIS_NONE: the mean of all), the mean
 * broadcast back over the axis: float64 for integer input (nd_ma_mean), masked where a
 * is or the slice's mean is (an all-masked slice); a's fill value when it fits. */
ND_API nd_marray *nd_ma_anom(const nd_marray *a, int axis);
/* numpy.ma.diff(a, n, axis) (NumPy's n = 1, axis = -1): nd_diff of the data (bool:
 * not_equal); an element is masked when any of the n + 1 elements it comes from is. The
 * data under the mask is the computed difference (NumPy applies the plain ufunc); fill
 * value a's when it fits the result; nomask when a has nomask. n == 0 gives a view of a
 * (nd_ma_ref), as NumPy returns a itself. Errors: ND_EVALUE for NULL, n < 0 or a 0-d a,
 * ND_EAXIS for a bad axis. */
ND_API nd_marray *nd_ma_diff(const nd_marray *a, int n, int axis);
/* numpy.ma.ediff1d(a, to_end, to_begin): the differences of the flattened a
 * (numpy.ma.subtract of a[1:] and a[:-1]: data under the mask is a[1:]'s), with the
 * flattened to_begin / to_end (NULL for none) joined around them by nd_ma_hstack (then
 * the result always has a mask and the default fill value, as NumPy). */
ND_API nd_marray *nd_ma_ediff1d(const nd_marray *a, const nd_marray *to_end, const nd_marray *to_begin);
/* numpy.ma.clip(a, lo, hi): the data clipped as nd_clip (dtype resolved as the ufunc:
 * float bounds on an integer array give float64; ND_NOBOUND for a missing bound), a's
 * mask kept (nomask stays nomask), fill value and hardness a's. Errors: nd_clip's. */
ND_API nd_marray *nd_ma_clip_(const nd_marray *a, nd_operand lo, nd_operand hi);
#ifndef __cplusplus
#define nd_ma_clip(a, lo, hi) nd_ma_clip_((a), ND_OPERAND(lo), ND_OPERAND(hi))
#endif
/* numpy.ma.round(a, decimals): nd_around of the data (half to even, dtype kept), a's
 * mask copied (nomask stays nomask), fill value and hardness a's. */
ND_API nd_marray *nd_ma_round(const nd_marray *a, int decimals);
/* numpy.ma.choose(indices, choices, mode): nd_choose of indices filled with 0 over the n
 * choices filled with their fill values (a masked choice gives its fill value, as
 * NumPy's); masked where the chosen element or the index is masked, nomask when nothing
 * is; the fill value the default. Errors: ND_EVALUE for NULL operands or n < 1,
 * nd_choose's otherwise ("invalid entry in choice array" with ND_RAISE). */
ND_API nd_marray *nd_ma_choose(const nd_marray *indices, int n, const nd_marray *const *choices,
                               nd_clipmode mode);
/* numpy.ma.resize(a, shape): nd_resize of the data and of the mask (the flattened
 * elements repeated to fill the new shape); a 0-d result has nomask (NumPy sets the mask
 * only when the result has dimensions); the fill value the default (an empty result keeps
 * a's fill value and hardness: NumPy makes it with zeros_like(a)). Errors: nd_resize's. */
ND_API nd_marray *nd_ma_resize(const nd_marray *a, int ndim, const ptrdiff_t *shape);
/* numpy.ma.putmask(a, mask, values) in place: where the bool `mask` (broadcast to a's
 * shape) is true, a's data gets values' data (broadcast to a's shape, cast same_kind)
 * and a's mask values' mask: a soft mask takes it as it is (unmasking where values are
 * valid), a hard mask only gains masked elements (its data is written all the same, as
 * NumPy's). Errors (a unchanged): ND_EVALUE for NULL, ND_EDTYPE for a non-bool mask or
 * values that do not cast same_kind, ND_ESHAPE for shapes that do not broadcast. */
ND_API nd_status nd_ma_putmask(nd_marray *a, const nd_array *mask, const nd_marray *values);
/* numpy.ma.put(a, indices, values) in place: a.flat[indices] = values (the flattened
 * values repeat as needed; negative indices count from the end; NumPy's mode='raise'),
 * and those elements take values' mask (unmasked for nomask values); the mask shrinks to
 * nomask when nothing stays masked, as NumPy's. With a hard mask the indices of masked
 * elements are skipped (values paired with indices first). Errors (a unchanged):
 * ND_EVALUE for NULL, nd_put's (ND_EINDEX for an index out of range, ND_EDTYPE). */
ND_API nd_status nd_ma_put(nd_marray *a, const nd_array *indices, const nd_marray *values);

/* ---- printing ---------------------------------------------------------------------- */
/* repr as NumPy's: "masked_array(data=[1.0, --, 3.0],\n             mask=[False,  True,
 * False],\n       fill_value=1e+20)" and str: "[1.0 -- 3.0]". New strings, freed with
 * nd_free_mem. nd_ma_print writes str and a newline to f (stdout when NULL; ND_EIO when
 * the write fails). Byte for byte NumPy 1.24's: with a mask the data prints as an object
 * array (Python reprs, "--" for masked elements, no padding, axes longer than 100
 * (1500 for 1-D) cut to their first and last halves before summarising); with nomask
 * as a plain array and "mask=False"; the dtype shows when not implied, all masked or
 * empty. The thread's print options (threshold, edgeitems, linewidth) apply. */
ND_API char *nd_ma_repr(const nd_marray *m);
ND_API char *nd_ma_str(const nd_marray *m);
ND_API nd_status nd_ma_print(const nd_marray *m, FILE *f);

/* ---- files --------------------------------------------------------------------------- */
/* A masked array as a .npz archive of three members: "data" (the data), "mask" (bool,
 * the full mask, all false for nomask) and "fill_value" (0-d, the data's dtype). NumPy
 * reads it back with
 *     f = np.load(path); np.ma.masked_array(f["data"], mask=f["mask"],
 *                                           fill_value=f["fill_value"])
 * A failed write leaves an existing file intact. nd_ma_load checks the members: a
 * missing one, a mask whose shape differs from the data's, a fill value that is not one
 * value or does not fit the data's dtype are ND_EVALUE naming them, a mask that is not
 * bool ND_EDTYPE (the integer default 999999 NumPy saves for int8 / int16 / uint8 /
 * uint16 loads cast, 63 for int8, as NumPy reads it back). The mask loads as a full mask
 * (even all false). */
ND_API nd_status nd_ma_save(const char *path, const nd_marray *m);
ND_API nd_marray *nd_ma_load(const char *path);
/* numpy.genfromtxt(..., usemask=True): a CSV / text table read as nd_genfromtxt reads
 * it (same options, same errors, named by nd_genfromtxt), with the missing cells (empty,
 * one of .missing_values such as "NA" or "-999", or ragged_fill padding) masked; under
 * the mask is the .filling_value (NumPy keeps a numeric token's own value there).
 * Unparsable cells are filled but not masked, as NumPy. The mask is always full; the
 * fill value is the default. .missing is the function's own (a given one is ignored). */
ND_API nd_marray *nd_ma_genfromtxt_(const nd_csv_opts *o);
#define nd_ma_genfromtxt(...) nd_ma_genfromtxt_(&(nd_csv_opts){ .path = __VA_ARGS__ })
ND_API nd_marray *nd_ma_genfromtxt_buffer(const void *data, size_t n, const nd_csv_opts *o);

#ifdef __cplusplus
}
#endif

#endif
