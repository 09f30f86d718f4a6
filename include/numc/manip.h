/* numc — array manipulation and indexing beyond views: joining, splitting, tiling,
 * flipping, rolling, padding, selection with index and boolean arrays.
 *
 * Every function returns a new array (the caller's, freed with nd_free) or NULL with
 * nd_errmsg() set; inputs are only read. Axis arguments accept negatives. */
#ifndef NUMC_MANIP_H
#define NUMC_MANIP_H

#include "array.h"

#ifdef __cplusplus
extern "C" {
#endif

/* ---- joining ------------------------------------------------------------------------ */
/* numpy.concatenate(arrays, axis): dtypes are promoted with nd_result_type. */
ND_API nd_array *nd_concatenate(int n, const nd_array *const *arrays, int axis);
/* NumPy's default axis 0 may be left out; ND_ARRAYS(a, b, ...) is the count and the list:
 *     nd_concatenate(ND_ARRAYS(a, b))       np.concatenate((a, b))
 *     nd_concatenate(ND_ARRAYS(a, b), 1)    np.concatenate((a, b), axis=1)
 *     nd_concatenate(n, list)               np.concatenate(list)      (axis 0)
 *     nd_concatenate(n, list, ND_AXIS_NONE) np.concatenate(list, axis=None)
 * A list written in place needs ND_ARRAYS (or parentheses around the compound literal):
 * the commas inside its braces would count as arguments. Without the list the message
 * reads "too few arguments to function 'nd_concatenate_requires_n_and_arrays'". */
#define ND_ARRAYS(...)                                                                  \
    (int)(sizeof((const nd_array *[]){ __VA_ARGS__ }) / sizeof(const nd_array *)),     \
        ((const nd_array *const[]){ __VA_ARGS__ })
static inline int nd_concatenate_requires_n_and_arrays(int n, const nd_array *const *arrays)
{
    (void)arrays;
    return n;
}
#define nd_concatenate(...) ND__OVERLOAD(nd_concatenate, __VA_ARGS__)
#define nd_concatenate_with_1_args(n) \
    (nd_concatenate)(nd_concatenate_requires_n_and_arrays(n), NULL, 0)
#define nd_concatenate_with_2_args(n, arrays) (nd_concatenate)((n), (arrays), 0)
#define nd_concatenate_with_3_args(n, arrays, axis) (nd_concatenate)((n), (arrays), (axis))
/* numpy.stack: join along a new axis (all shapes equal). */
ND_API nd_array *nd_stack(int n, const nd_array *const *arrays, int axis);
/* numpy.hstack / vstack / dstack / column_stack. */
ND_API nd_array *nd_hstack(int n, const nd_array *const *arrays);
ND_API nd_array *nd_vstack(int n, const nd_array *const *arrays);
ND_API nd_array *nd_dstack(int n, const nd_array *const *arrays);
ND_API nd_array *nd_column_stack(int n, const nd_array *const *arrays);
/* numpy.append(a, values, axis); axis ND_AXIS_NONE flattens both first. */
ND_API nd_array *nd_append(const nd_array *a, const nd_array *values, int axis);
/* numpy.atleast_1d / 2d / 3d: views with added length-1 axes. */
ND_API nd_array *nd_atleast_1d(const nd_array *a);
ND_API nd_array *nd_atleast_2d(const nd_array *a);
ND_API nd_array *nd_atleast_3d(const nd_array *a);

/* ---- splitting ------------------------------------------------------------------------ */
/* numpy.array_split(a, sections, axis): writes `sections` views to out; the first
 * len % sections parts get one extra element. */
ND_API nd_status nd_array_split(const nd_array *a, ptrdiff_t sections, int axis, nd_array **out);
/* numpy.split(a, sections, axis): like array_split but sections must divide the axis. */
ND_API nd_status nd_split(const nd_array *a, ptrdiff_t sections, int axis, nd_array **out);
/* numpy.split(a, indices, axis) with n split points: writes n + 1 views. */
ND_API nd_status nd_split_at(const nd_array *a, int n, const ptrdiff_t *indices, int axis, nd_array **out);

/* ---- repetition and rearrangement -------------------------------------------------------- */
/* numpy.tile(a, reps) with n repetition counts. */
ND_API nd_array *nd_tile(const nd_array *a, int n, const ptrdiff_t *reps);
/* numpy.repeat(a, repeats, axis): `repeats` has 1 entry (broadcast) or one per element
 * along axis; axis ND_AXIS_NONE repeats the flattened array. */
ND_API nd_array *nd_repeat(const nd_array *a, ptrdiff_t nrep, const ptrdiff_t *repeats, int axis);
/* numpy.flip over n axes (n == 0: all). A view. fliplr / flipud are axes 1 / 0. */
ND_API nd_array *nd_flip(const nd_array *a, int n, const int *axes);
ND_API nd_array *nd_fliplr(const nd_array *a);
ND_API nd_array *nd_flipud(const nd_array *a);
/* numpy.roll(a, shift, axis); axis ND_AXIS_NONE rolls the flattened array. */
ND_API nd_array *nd_roll(const nd_array *a, ptrdiff_t shift, int axis);
/* numpy.rot90(a, k, axes=(0, 1)). A view. */
ND_API nd_array *nd_rot90(const nd_array *a, int k);
/* numpy.resize(a, shape): repeat the flattened data to fill the new shape. */
ND_API nd_array *nd_resize(const nd_array *a, int ndim, const ptrdiff_t *shape);

typedef enum nd_pad_mode {
    ND_PAD_CONSTANT = 0, ND_PAD_EDGE, ND_PAD_REFLECT, ND_PAD_SYMMETRIC, ND_PAD_WRAP
} nd_pad_mode;
/* numpy.pad with (before, after) widths per axis: `widths` has 2 * ndim entries, or 2
 * entries applied to every axis when nwidths == 2. */
ND_API nd_array *nd_pad(const nd_array *a, int nwidths, const ptrdiff_t *widths, nd_pad_mode mode,
                        nd_scalar constant);

/* ---- indexing with arrays --------------------------------------------------------------- */
/* numpy.take(a, indices, axis): integer indices (negatives count from the end);
 * axis ND_AXIS_NONE takes from the flattened array. Result shape: a's shape with the
 * axis replaced by indices' shape. */
ND_API nd_array *nd_take(const nd_array *a, const nd_array *indices, int axis);
/* numpy.take_along_axis(a, indices, axis). */
ND_API nd_array *nd_take_along_axis(const nd_array *a, const nd_array *indices, int axis);
/* a[mask] for a boolean mask of a's shape: the selected elements in C order (1-D). */
ND_API nd_array *nd_mask_select(const nd_array *a, const nd_array *mask);
/* a[mask] = value (broadcast scalar). */
ND_API nd_status nd_mask_assign(nd_array *a, const nd_array *mask, nd_scalar value);
/* numpy.compress(condition, a, axis): condition is 1-D bool along axis. */
ND_API nd_array *nd_compress(const nd_array *condition, const nd_array *a, int axis);
/* numpy.where(cond, x, y): elementwise choice, broadcasting the three; dtype promoted. */
ND_API nd_array *nd_where(const nd_array *cond, const nd_array *x, const nd_array *y);
/* numpy.nonzero(a): writes ndim int64 index arrays to out (one per axis). */
ND_API nd_status nd_nonzero(const nd_array *a, nd_array **out);
/* numpy.argwhere(a): (count, ndim) int64. flatnonzero: 1-D flat indices. */
ND_API nd_array *nd_argwhere(const nd_array *a);
ND_API nd_array *nd_flatnonzero(const nd_array *a);
/* numpy.put(a, indices, values) on the flattened array (values repeat as needed). */
ND_API nd_status nd_put(nd_array *a, const nd_array *indices, const nd_array *values);

/* ---- hsplit / vsplit / dsplit and rollaxis ----------------------------------------------- */
/* numpy.hsplit / vsplit / dsplit(a, sections): numpy.split along axis 1 (axis 0 for a
 * 1-D array) / 0 / 2; writes `sections` views to out (the caller frees each). Errors:
 * ND_EVALUE when a has fewer than 1 / 2 / 3 dimensions or sections does not divide it. */
ND_API nd_status nd_hsplit(const nd_array *a, ptrdiff_t sections, nd_array **out);
ND_API nd_status nd_vsplit(const nd_array *a, ptrdiff_t sections, nd_array **out);
ND_API nd_status nd_dsplit(const nd_array *a, ptrdiff_t sections, nd_array **out);
/* The same with n split indices (NumPy's list form): writes n + 1 views. */
ND_API nd_status nd_hsplit_at(const nd_array *a, int n, const ptrdiff_t *indices, nd_array **out);
ND_API nd_status nd_vsplit_at(const nd_array *a, int n, const ptrdiff_t *indices, nd_array **out);
ND_API nd_status nd_dsplit_at(const nd_array *a, int n, const ptrdiff_t *indices, nd_array **out);
/* numpy.rollaxis(a, axis, start=0): axis moved to sit before `start` (0 <= start <= ndim,
 * negatives count from the end). A view; ND_EAXIS for a bad axis or start. */
ND_API nd_array *nd_rollaxis(const nd_array *a, int axis, int start);
#define nd_rollaxis(...) ND__OVERLOAD(nd_rollaxis, __VA_ARGS__)
#define nd_rollaxis_with_2_args(a, axis) (nd_rollaxis)((a), (axis), 0)
#define nd_rollaxis_with_3_args(a, axis, start) (nd_rollaxis)((a), (axis), (start))

#ifdef __cplusplus
}
#endif
#endif
