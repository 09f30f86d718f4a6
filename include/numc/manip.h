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
    ND_PAD_CONSTANT = 0, ND_PAD_EDGE, ND_PAD_REFLECT, ND_PAD_SYMMETRIC, ND_PAD_WRAP,
    ND_PAD_LINEAR_RAMP, ND_PAD_MAXIMUM, ND_PAD_MEAN, ND_PAD_MEDIAN, ND_PAD_MINIMUM,
    ND_PAD_EMPTY, ND_PAD_FUNCTION
} nd_pad_mode;
/* numpy.pad with (before, after) widths per axis: `widths` has 2 * ndim entries, 2
 * entries applied to every axis, or 1 applied to every side. Negative widths are
 * ND_EVALUE. Modes other than constant/empty cannot extend an empty axis. */
ND_API nd_array *nd_pad(const nd_array *a, int nwidths, const ptrdiff_t *widths, nd_pad_mode mode,
                        nd_scalar constant);

typedef enum nd_reflect_type { ND_REFLECT_EVEN = 0, ND_REFLECT_ODD } nd_reflect_type;
/* The callback of ND_PAD_FUNCTION (NumPy's pad with a function): called once for every
 * 1-d vector along every axis of the zero-padded result, in place; `before` / `after` are
 * that axis's widths. A negative return stops nd_pad_ex, which returns NULL with it. */
typedef int (*nd_pad_fn)(nd_array *vector, ptrdiff_t before, ptrdiff_t after, int axis, void *ctx);
typedef struct nd_pad_opts {
    int _; /* reserved: leave it out */
    nd_pad_mode mode;              /* default constant */
    nd_scalar constant;            /* constant: the value of every side (default 0) */
    int nconstants;                /* or per side: 1, 2 (before, after) or 2 * ndim values */
    const nd_scalar *constants;
    int nend_values;               /* linear_ramp: end values, 0 (all 0), 1, 2 or 2 * ndim */
    const double *end_values;
    int nstat_length;              /* maximum/mean/median/minimum: 0 (whole axis), 1, 2 or */
    const ptrdiff_t *stat_length;  /* 2 * ndim lengths; an ND_NONE entry is the whole axis */
    nd_reflect_type reflect_type;  /* reflect/symmetric: even (default) or odd */
    nd_pad_fn fn;                  /* ND_PAD_FUNCTION: the callback and its context */
    void *ctx;
} nd_pad_opts;
/* numpy.pad with every mode and its keywords. The widths are ND_WIDTHS(...) (1, 2 or
 * 2 * ndim values, as for nd_pad) or ND_WIDTH_ARRAY(n, pointer) (both only here):
 *     nd_pad_ex(a, ND_WIDTHS(2, 3), .mode = ND_PAD_REFLECT, .reflect_type = ND_REFLECT_ODD)
 *     nd_pad_ex(a, ND_WIDTHS(1), .mode = ND_PAD_MEAN, .nstat_length = 1, .stat_length = &k)
 *     nd_pad_ex(a, ND_WIDTH_ARRAY(2 * ndim, w))                      constant 0
 * Returns a new array (the caller's); ND_EVALUE for bad widths, counts or a stat_length
 * of 0 with maximum/minimum. */
ND_API nd_array *nd_pad_ex_(const nd_array *a, int nwidths, const ptrdiff_t *widths, const nd_pad_opts *o);
#define ND_WIDTHS(...) (ND_SHAPE(__VA_ARGS__))
#define ND_WIDTH_ARRAY(n, widths) ((n), (widths))
#define ND__UNPAREN(...) __VA_ARGS__
#define ND__PAD_HEAD(a, w, ...) (a), ND__UNPAREN w
#define nd_pad_ex(...) \
    nd_pad_ex_(ND__PAD_HEAD(__VA_ARGS__, ), &(nd_pad_opts){ ._ = 0, ND__T2(__VA_ARGS__, ) })

/* ---- inserting and deleting ---------------------------------------------------------------- */
/* numpy.delete(a, obj, axis): obj is an integer array of indices (negatives count from
 * the end, repeats allowed) or a bool mask as long as the axis. axis ND_AXIS_NONE works
 * on the flattened array. ND_EINDEX names an index out of bounds. */
ND_API nd_array *nd_delete(const nd_array *a, const nd_array *obj, int axis);
/* numpy.delete(a, i, axis) for one index, and np.delete(a, slice(start, stop, step), axis)
 * (ND_NONE for an omitted start / stop, step 0 means 1). */
ND_API nd_array *nd_delete_at(const nd_array *a, ptrdiff_t index, int axis);
ND_API nd_array *nd_delete_slice(const nd_array *a, nd_index slice, int axis);
/* numpy.insert(a, obj, values, axis): obj an integer array of positions (a 0-d array is
 * one position: values then form the inserted block). values are cast to a's dtype and
 * broadcast. Positions may equal the axis length (append). */
ND_API nd_array *nd_insert(const nd_array *a, const nd_array *obj, const nd_array *values, int axis);
ND_API nd_array *nd_insert_at(const nd_array *a, ptrdiff_t index, const nd_array *values, int axis);
ND_API nd_array *nd_insert_slice(const nd_array *a, nd_index slice, const nd_array *values, int axis);
/* numpy.trim_zeros(filt, trim): trim "f" (front), "b" (back) or "fb" (both; NULL too)
 * zeros from a 1-d array. Returns a view. */
ND_API nd_array *nd_trim_zeros(const nd_array *filt, const char *trim);

/* ---- block, unstack, checks, vander ------------------------------------------------------- */
/* numpy.block: a nested list is an nd_blocks. ND_BLOCK_ROW(a, b) is the list [a, b];
 * ND_BLOCK_ROWS(r1, r2) a list of such lists (nestable):
 *     nd_block(ND_BLOCK_ROW(a, b))                                     np.block([a, b])
 *     nd_block(ND_BLOCK_ROWS(ND_BLOCK_ROW(a, b), ND_BLOCK_ROW(c, d)))  np.block([[a, b], [c, d]])
 * The innermost lists join along the last axis, the next level along the one before. */
typedef struct nd_blocks {
    int n;                           /* entries in this list */
    const nd_array *const *arrays;   /* the arrays of an innermost list ... */
    const struct nd_blocks *lists;   /* ... or the sub-lists */
} nd_blocks;
#define ND_BLOCK_ROW(...) ((nd_blocks){ ND_ARRAYS(__VA_ARGS__), NULL })
#define ND_BLOCK_ROWS(...) \
    ((nd_blocks){ (int)(sizeof((nd_blocks[]){ __VA_ARGS__ }) / sizeof(nd_blocks)), NULL, \
                  (const nd_blocks[]){ __VA_ARGS__ } })
/* Returns a new array; ND_EVALUE for an empty list or mismatched depths, ND_ESHAPE when
 * the pieces do not fit. */
ND_API nd_array *nd_block_(const nd_blocks *b);
#define nd_block(b) nd_block_(&(b))
/* numpy.unstack(a, axis): writes a.shape[axis] views to out (a must be at least 1-d). */
ND_API nd_status nd_unstack(const nd_array *a, int axis, nd_array **out);
/* numpy.asarray_chkfinite: a new handle to a's data when every element is finite;
 * ND_EVALUE naming the first NaN or infinity and its position otherwise. */
ND_API nd_array *nd_asarray_chkfinite(const nd_array *a);
/* numpy.vander(x, N, increasing): x 1-d; N = ND_NONE (the default) means len(x), N >= 0
 * columns otherwise. dtype promote_types(x, int64); powers by repeated multiplication. */
ND_API nd_array *nd_vander(const nd_array *x, ptrdiff_t n, bool increasing);
#define nd_vander(...) ND__OVERLOAD(nd_vander, __VA_ARGS__)
#define nd_vander_with_1_args(x) (nd_vander)(nd_requires_an_array_argument(x), ND_NONE, false)
#define nd_vander_with_2_args(x, n) (nd_vander)((x), (n), false)
#define nd_vander_with_3_args(x, n, inc) (nd_vander)((x), (n), (inc))

/* ---- bits --------------------------------------------------------------------------------- */
typedef enum nd_bitorder { ND_BITORDER_BIG = 0, ND_BITORDER_LITTLE } nd_bitorder;
#define ND_COUNT_ALL PTRDIFF_MIN
typedef struct nd_bits_opts {
    int _;               /* reserved: leave it out */
    int axis;            /* ND_AXIS_NONE (default): the flattened array; positional too */
    nd_bitorder bitorder; /* big (default) or little */
    ptrdiff_t count;     /* unpackbits: bits to unpack (negative: drop from the end);
                            ND_COUNT_ALL (default) unpacks all */
} nd_bits_opts;
/* numpy.packbits(a, axis, bitorder): bool or integer input (nonzero is 1) -> uint8, each
 * 8 elements along axis in one byte (zero-padded). ND_EDTYPE for other dtypes. */
ND_API nd_array *nd_packbits_(const nd_array *a, const nd_bits_opts *o);
/* numpy.unpackbits(a, axis, count, bitorder): uint8 input -> uint8 bits. */
ND_API nd_array *nd_unpackbits_(const nd_array *a, const nd_bits_opts *o);
#define ND__BITS_OPTS(...) (&(nd_bits_opts){ ._ = 0, .axis = ND_AXIS_NONE, .count = ND_COUNT_ALL, ._ = 0, __VA_ARGS__ })
#define nd_packbits(...) nd_packbits_(ND__RH(__VA_ARGS__, ), ND__BITS_OPTS(ND__T1(__VA_ARGS__, )))
#define nd_unpackbits(...) nd_unpackbits_(ND__RH(__VA_ARGS__, ), ND__BITS_OPTS(ND__T1(__VA_ARGS__, )))
/* numpy.bitwise_count: the number of 1 bits of |x| for bool or integer input, as uint8. */
ND_API nd_array *nd_bitwise_count(const nd_array *a);
/* numpy.binary_repr(num, width): width 0 means as many digits as needed; a negative num
 * with a width is two's complement. ND_EVALUE when width is too small (NumPy >= 2).
 * The string is the caller's (nd_free_mem). */
ND_API char *nd_binary_repr(int64_t num, int width);
/* numpy.base_repr(number, base, padding): base 2..36 (ND_EVALUE otherwise), `padding`
 * zeros prepended. The string is the caller's (nd_free_mem). */
ND_API char *nd_base_repr(int64_t number, int base, int padding);

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

/* ---- index routines (numpy's indexing routines; index_routines.c) ---------------------
 * Functions writing several arrays take `out` with room for that many (ndim or 2); on
 * failure none is left allocated. Index arrays are int64. */
/* How an out-of-range index is treated (NumPy's mode='raise' / 'wrap' / 'clip'). */
typedef enum nd_clipmode { ND_RAISE = 0, ND_WRAP, ND_CLIP } nd_clipmode;

/* numpy.indices(shape, dtype): the dense grid, shape (ndim, *shape). Default dtype int64:
 * nd_indices(ND_SHAPE(2, 3)) or nd_indices(ND_SHAPE(2, 3), ND_INT32). */
ND_API nd_array *nd_indices(int ndim, const ptrdiff_t *shape, nd_dtype dt);
#define nd_indices(...) ND__OVERLOAD(nd_indices, __VA_ARGS__)
#define nd_indices_with_2_args(ndim, shape) (nd_indices)((ndim), (shape), ND_INT64)
#define nd_indices_with_3_args(ndim, shape, dt) (nd_indices)((ndim), (shape), (dt))
/* numpy.indices(shape, sparse=True): writes ndim (>= 1) arrays, out[i] of shape 1
 * everywhere but extent shape[i] on axis i. */
ND_API nd_status nd_indices_sparse(int ndim, const ptrdiff_t *shape, nd_dtype dt, nd_array **out);
/* numpy.ix_(*seqs): n 1-D integer or bool (→ nonzero) arrays to n open-mesh arrays,
 * out[i] of ndim n with its values on axis i: nd_ix(ND_ARRAYS(rows, cols), out). */
ND_API nd_status nd_ix(int n, const nd_array *const *seqs, nd_array **out);

/* Options of nd_ravel_multi_index / nd_unravel_index: .mode for every axis or .modes
 * (one per axis, NumPy's tuple), .order ND_ORDER_C (default) or ND_ORDER_F. */
typedef struct nd_ravel_opts {
    int _;                    /* reserved: leave it out */
    nd_clipmode mode;         /* default ND_RAISE */
    const nd_clipmode *modes; /* NULL, or one mode per axis */
    nd_order order;
} nd_ravel_opts;
#define ND_RAVEL_DEFAULTS ((nd_ravel_opts){ 0 })
/* numpy.ravel_multi_index(multi_index, dims, mode, order): flat int64 indices of the n
 * index arrays (broadcast together) into an array of shape dims (n entries):
 *     nd_ravel_multi_index(ND_ARRAYS(i, j), ND_SHAPE(4, 5), .mode = ND_CLIP)
 * ND_EVALUE "invalid entry in coordinates array" for an out-of-range index with ND_RAISE. */
ND_API nd_array *nd_ravel_multi_index_(int n, const nd_array *const *multi_index, int ndim, const ptrdiff_t *dims,
                                       const nd_ravel_opts *o);
/* numpy.unravel_index(indices, shape, order): writes ndim int64 arrays of indices' shape:
 *     nd_unravel_index(flat, ND_SHAPE(7, 6), out, .order = ND_ORDER_F)
 * ND_EVALUE "index 42 is out of bounds for array with size 42". */
ND_API nd_status nd_unravel_index_(const nd_array *indices, int ndim, const ptrdiff_t *dims, nd_array **out,
                                   const nd_ravel_opts *o);
#define ND__RAVH4(a, b, c, d, ...) (a), (b), (c), (d)
#define ND__RAVT4(a, b, c, d, ...) __VA_ARGS__
#define nd_ravel_multi_index(...) \
    nd_ravel_multi_index_(ND__RAVH4(__VA_ARGS__, ), &(nd_ravel_opts){ ._ = 0, ND__RAVT4(__VA_ARGS__, ) })
#define nd_unravel_index(...) \
    nd_unravel_index_(ND__RAVH4(__VA_ARGS__, ), &(nd_ravel_opts){ ._ = 0, ND__RAVT4(__VA_ARGS__, ) })

/* The diagonal, triangle and mask index generators return NumPy's tuple of index arrays
 * stacked: an int64 array whose row d is the d-th index array (np.array(np.tril_indices(4))),
 * so rows = nd_sel(t, ND_AT(0)), cols = nd_sel(t, ND_AT(1)). */
/* numpy.diag_indices(n, ndim): shape (ndim, n), every row arange(n). */
ND_API nd_array *nd_diag_indices(ptrdiff_t n, int ndim);
/* numpy.diag_indices_from(a): a.ndim >= 2 with equal extents (ND_EVALUE otherwise). */
ND_API nd_array *nd_diag_indices_from(const nd_array *a);
/* The mask function of nd_mask_indices: nd_tril and nd_triu have this type. */
typedef nd_array *(*nd_mask_fn)(const nd_array *a, ptrdiff_t k);
/* numpy.mask_indices(n, mask_func, k): shape (2, count), the nonzero entries of
 * mask_func(ones((n, n)), k): nd_mask_indices(4, nd_triu, 1). */
ND_API nd_array *nd_mask_indices(ptrdiff_t n, nd_mask_fn mask_func, ptrdiff_t k);
/* numpy.tril_indices(n, k, m) / triu_indices: shape (2, count), the lower / upper triangle
 * of an n×m matrix (m < 0 → m = n) from diagonal k, in row-major order. */
ND_API nd_array *nd_tril_indices(ptrdiff_t n, ptrdiff_t k, ptrdiff_t m);
ND_API nd_array *nd_triu_indices(ptrdiff_t n, ptrdiff_t k, ptrdiff_t m);
/* numpy.tril_indices_from(a, k) / triu_indices_from: for a 2-D a (ND_EVALUE otherwise). */
ND_API nd_array *nd_tril_indices_from(const nd_array *a, ptrdiff_t k);
ND_API nd_array *nd_triu_indices_from(const nd_array *a, ptrdiff_t k);

/* numpy.fill_diagonal(a, val, wrap) in place: val's elements repeat along the diagonal
 * (a 0-d val fills it). a.ndim >= 2, all extents equal when ndim > 2. */
ND_API nd_status nd_fill_diagonal(nd_array *a, const nd_array *val, bool wrap);
/* numpy.choose(a, choices, mode): out[i] = choices[a[i]][i], a and the n choices broadcast
 * together; dtype the choices' result type. ND_EVALUE "invalid entry in choice array". */
ND_API nd_array *nd_choose(const nd_array *a, int n, const nd_array *const *choices, nd_clipmode mode);
/* numpy.select(condlist, choicelist, default): n bool conditions and n choices broadcast
 * together; the first true condition picks its choice, else default (NULL: 0). */
ND_API nd_array *nd_select(int n, const nd_array *const *condlist, const nd_array *const *choicelist,
                           const nd_array *default_value);
/* numpy.place(arr, mask, vals): the masked elements of arr (C order) get vals' elements
 * repeated cyclically; mask has arr's size. ND_EVALUE for empty vals with a true mask. */
ND_API nd_status nd_place(nd_array *arr, const nd_array *mask, const nd_array *vals);
/* numpy.putmask(a, mask, values): a.flat[i] = values.flat[i % values.size] where mask[i]
 * (mask has a's size; empty values change nothing). */
ND_API nd_status nd_putmask(nd_array *a, const nd_array *mask, const nd_array *values);
/* numpy.put_along_axis(arr, indices, values, axis): values broadcast to indices' shape
 * (ND_AXIS_NONE: arr's flat elements, for a contiguous arr). */
ND_API nd_status nd_put_along_axis(nd_array *arr, const nd_array *indices, const nd_array *values, int axis);

/* numpy.lib.stride_tricks.sliding_window_view(x, window_shape, axis): a read-only view of
 * shape x.shape (with each windowed axis shortened by window - 1) + window_shape:
 *     nd_sliding_window_view(x, ND_SHAPE(3))                 every axis, in order
 *     nd_sliding_window_view(x, ND_SHAPE(2, 2), .axes = ND_AXES(0, 2))
 * ND_EVALUE for a window larger than its axis or a length mismatch with the axes. */
typedef struct nd_window_opts {
    int _;      /* reserved: leave it out */
    int axis;   /* one axis (ND_AXIS_NONE: every axis, window_shape has ndim entries) */
    nd_axes axes;
} nd_window_opts;
ND_API nd_array *nd_sliding_window_view_(const nd_array *x, int nwin, const ptrdiff_t *window_shape,
                                         const nd_window_opts *o);
#define nd_sliding_window_view(...) \
    nd_sliding_window_view_(ND__H3R(__VA_ARGS__, ), ND__KWA(nd_window_opts, ND__T3(__VA_ARGS__, )))

/* numpy.ndindex(*shape) and numpy.ndenumerate(a) as C loops, in C order:
 *     nd_ndindex it = nd_ndindex_begin(ND_SHAPE(2, 3));
 *     while (nd_ndindex_next(&it)) use(it.index[0], it.index[1]);
 *     nd_ndenumerate e = nd_ndenumerate_begin(a);
 *     while (nd_ndenumerate_next(&e)) use(e.index, e.ptr, e.value);
 * A 0-d shape gives one step with no index; a bad shape or a NULL array sets the error,
 * stores it in .status and gives no step. */
typedef struct nd_ndindex {
    int ndim;
    ptrdiff_t shape[ND_MAXDIMS];
    ptrdiff_t index[ND_MAXDIMS]; /* the current index, valid after nd_ndindex_next */
    ptrdiff_t count, size;       /* steps taken / total */
    nd_status status;
} nd_ndindex;
ND_API nd_ndindex nd_ndindex_begin(int ndim, const ptrdiff_t *shape);
ND_API bool nd_ndindex_next(nd_ndindex *it);
typedef struct nd_ndenumerate {
    nd_ndindex it;
    const ptrdiff_t *index; /* it.index */
    const nd_array *a;      /* borrowed: keep it alive during the loop */
    void *ptr;              /* the current element */
    nd_scalar value;        /* its value */
    nd_status status;
} nd_ndenumerate;
ND_API nd_ndenumerate nd_ndenumerate_begin(const nd_array *a);
ND_API bool nd_ndenumerate_next(nd_ndenumerate *e);

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
