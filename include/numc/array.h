/* numc — the n-dimensional array.
 *
 * Ownership: every nd_array* returned is the caller's, freed with nd_free (NULL is a
 * no-op). Views share a reference-counted buffer, so freeing the parent first is safe.
 * No function takes ownership of its arguments.
 * Errors: functions returning nd_array* return NULL and set nd_errmsg(); functions
 * returning nd_status return a negative code. Inputs are never changed on failure. */
#ifndef NUMC_ARRAY_H
#define NUMC_ARRAY_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>

#include "dtype.h"
#include "error.h"

#ifdef __cplusplus
extern "C" {
#endif

#define ND_MAXDIMS 32

typedef struct nd_array nd_array;

/* Shape literal: nd_zeros(ND_SHAPE(3, 4), ND_FLOAT64) passes ndim and the extents. */
#define ND_SHAPE(...) \
    (int)(sizeof((ptrdiff_t[]){ __VA_ARGS__ }) / sizeof(ptrdiff_t)), ((const ptrdiff_t[]){ __VA_ARGS__ })
/* Index literal for element access: nd_get_f64(a, ND_IDX(1, -1)). It expands to the
 * number of indices and the indices, so a count that does not match the array's ndim
 * is an ND_EINDEX error instead of a read past the index array. */
#define ND_IDX(...) \
    (int)(sizeof((ptrdiff_t[]){ __VA_ARGS__ }) / sizeof(ptrdiff_t)), ((const ptrdiff_t[]){ __VA_ARGS__ })
/* Keyword arguments (DESIGN.md "Keyword arguments in C"). A function with an options
 * struct is a macro: nd_sum(a, .axis = 1, .keepdims = true). In every options struct
 *   .axis = k          is the int axis k (0 is axis 0, negative counts from the end);
 *   .axes = ND_AXES(0, 2)  is the tuple form;
 *   neither            is NumPy's default (axis=None for reductions, -1 for fft);
 *   a positional argument after the required ones means what NumPy means (nd_sum(a, 0)
 *   is axis 0) or does not compile (nd_add(a, b, out): use nd_add_into(out, a, b)).
 * The macros fill in ND_AXIS_NONE for .axis and then let the caller's fields override
 * it, which C allows (C11 6.7.9p19) but gcc's -Woverride-init (in -Wextra) and clang's
 * -Winitializer-overrides report, so this header turns those two warnings off for the
 * rest of the translation unit. Code that builds an options struct itself starts from
 * the struct's ND_..._DEFAULTS value (or passes NULL for all defaults). */
#if !defined(__cplusplus)
#if defined(__clang__)
#pragma clang diagnostic ignored "-Winitializer-overrides"
#elif defined(__GNUC__)
#pragma GCC diagnostic ignored "-Woverride-init"
#endif
#endif
/* "No axis" (NumPy's axis=None): the default of every .axis field, and the value that
 * flattens for functions taking an int axis (nd_sort, nd_concatenate, nd_roll ...). */
#define ND_AXIS_NONE (-1000)
/* Plumbing of the keyword macros (argument splitting without empty variadic arguments,
 * which C11 forbids): ND__RH / ND__H2R / ND__H3R take the first 1/2/3 arguments,
 * ND__T1 / ND__T2 / ND__T3 the rest; ND__KWA(T, ...) is T's options with .axis
 * defaulting to ND_AXIS_NONE and a leading positional argument landing in .axis. */
#define ND__RH(a, ...) (a)
#define ND__FIRST(a, ...) a
#define ND__H2R(a, b, ...) (a), (b)
#define ND__H3R(a, n, axis, ...) (a), (n), (axis)
#define ND__T1(x, ...) __VA_ARGS__
#define ND__T2(x, y, ...) __VA_ARGS__
#define ND__T3(x, y, z, ...) __VA_ARGS__
#define ND__KWA(T, ...) (&(T){ ._ = 0, .axis = ND_AXIS_NONE, ._ = 0, __VA_ARGS__ })
/* Trailing defaults by argument count (NumPy's positional defaults, for functions without
 * keyword options): nd_sort(a) is nd_sort(a, -1, ND_SORT_QUICK). ND__OVERLOAD(f, ...)
 * calls f_with_N_args(...) for N arguments (an empty call counts as one), so a count that
 * has no form fails naming it ("implicit declaration of function 'nd_sort_with_5_args'").
 * The extents of ND_SHAPE / ND_IDX are parenthesized, so a shape counts as 2 arguments. */
#define ND__NARGS(...) ND__NARGS_(__VA_ARGS__, 8, 7, 6, 5, 4, 3, 2, 1, 0)
#define ND__NARGS_(_1, _2, _3, _4, _5, _6, _7, _8, n, ...) n
#define ND__CAT(a, b) ND__CAT_(a, b)
#define ND__CAT_(a, b) a##b
#define ND__OVERLOAD(f, ...) ND__CAT(f##_with_, ND__CAT(ND__NARGS(__VA_ARGS__), _args))(__VA_ARGS__)
/* Required arguments of those macros go through these identity functions, so leaving one
 * out reads "too few arguments to function 'nd_requires_an_array_argument'". */
static inline const nd_array *nd_requires_an_array_argument(const nd_array *a) { return a; }
static inline ptrdiff_t nd_requires_a_size_argument(ptrdiff_t n) { return n; }
/* nd_zeros(5) is not C's shape: "too few arguments to function 'nd_shape_is_ND_SHAPE_of_the_extents'". */
static inline int nd_shape_is_ND_SHAPE_of_the_extents(int ndim, const ptrdiff_t *shape)
{
    (void)shape;
    return ndim;
}
/* Tuple of axes for the .axes field of options structs: .axes = ND_AXES(0, 2). */
#define ND_AXES(...) \
    ((const nd_axes){ (int)(sizeof((int[]){ __VA_ARGS__ }) / sizeof(int)), { __VA_ARGS__ } })

/* A set of axes. n == 0 means "the default" (usually: all axes). */
typedef struct nd_axes {
    int n;
    int ax[ND_MAXDIMS];
} nd_axes;

enum nd_flags {
    ND_C_CONTIGUOUS = 1 << 0,
    ND_F_CONTIGUOUS = 1 << 1,
    ND_WRITEABLE = 1 << 2,
    ND_ALIGNED = 1 << 3,
    ND_OWNDATA = 1 << 4
};

typedef enum nd_order { ND_ORDER_C = 0, ND_ORDER_F = 1, ND_ORDER_A = 2, ND_ORDER_K = 3 } nd_order;

/* ---- accessors ------------------------------------------------------------ */
/* NULL rule (every function taking an array): a NULL array sets ND_EVALUE
 * "<fn>: array is NULL" and the function returns NULL / that status. The accessors
 * below return a value that cannot be a real one, with the error set: nd_ndim and
 * nd_size -1, nd_dtype_of ND_NTYPES, nd_itemsize / nd_nbytes / nd_flags 0, the pointer
 * accessors NULL, the nd_is_* predicates false. nd_free(NULL) alone is a silent no-op. */
ND_API nd_dtype nd_dtype_of(const nd_array *a);
ND_API int nd_ndim(const nd_array *a);
ND_API const ptrdiff_t *nd_shape(const nd_array *a);   /* ndim extents */
ND_API const ptrdiff_t *nd_strides(const nd_array *a); /* ndim byte strides */
ND_API ptrdiff_t nd_size(const nd_array *a);           /* product of the shape */
ND_API size_t nd_itemsize(const nd_array *a);
ND_API size_t nd_nbytes(const nd_array *a);
ND_API void *nd_data(const nd_array *a); /* address of element (0, ..., 0) */
ND_API unsigned nd_flags(const nd_array *a);
ND_API bool nd_is_c_contiguous(const nd_array *a);
ND_API bool nd_is_f_contiguous(const nd_array *a);
ND_API bool nd_is_writeable(const nd_array *a);
/* True when a and b may touch the same bytes (same buffer and overlapping extents). */
ND_API bool nd_may_share_memory(const nd_array *a, const nd_array *b);
/* True when `a` is a view that shares another array's buffer. */
ND_API bool nd_is_view(const nd_array *a);
/* Make the array read-only (views of it taken afterwards are read-only too). */
ND_API void nd_set_readonly(nd_array *a);

/* Free an array (drops its buffer reference). NULL is a no-op. */
ND_API void nd_free(nd_array *a);

/* ---- autorelease scopes (expressions without leaks) -----------------------------------
 *     nd_scope_begin();
 *     double mse = nd_item_f64(nd_mean(nd_square(nd_subtract(y, p))));
 *     nd_array *r = nd_keep(nd_sqrt(x));     kept: the caller's after the scope
 *     nd_scope_end();                        frees the three temporaries and the mean
 * While a scope is open on a thread, every nd_array that numc returns on that thread
 * (new arrays, views, nd_ref, nd_wrap) is listed in the innermost scope and freed by
 * nd_scope_end. Scopes nest and are per thread (arrays made on another thread are not
 * listed). nd_free of a scoped array is allowed and takes it out of the scope (no double
 * free). Objects that keep arrays they created (an nd_table's columns) take them out
 * too. An allocation failure while listing an array fails the call that made it
 * (ND_ENOMEM, nothing leaked). */
/* Open a scope on this thread (ND_ENOMEM if it cannot be allocated). */
ND_API nd_status nd_scope_begin(void);
/* Free every array still listed in the innermost scope and close it; ND_EVALUE when no
 * scope is open. */
ND_API nd_status nd_scope_end(void);
/* Move `a` from its scope to the enclosing one, or out of scopes entirely (the caller
 * then frees it with nd_free). Returns a; NULL and unscoped arrays pass through. */
ND_API nd_array *nd_keep(nd_array *a);
/* Number of scopes open on this thread. */
ND_API int nd_scope_depth(void);
/* A new handle on the same data (a view of the whole array). */
ND_API nd_array *nd_ref(const nd_array *a);

/* ---- creation --------------------------------------------------------------- */
ND_API nd_array *nd_empty(int ndim, const ptrdiff_t *shape, nd_dtype dt);
ND_API nd_array *nd_zeros(int ndim, const ptrdiff_t *shape, nd_dtype dt);
ND_API nd_array *nd_ones(int ndim, const ptrdiff_t *shape, nd_dtype dt);
/* The dtype defaults to float64 like NumPy's: nd_zeros(ND_SHAPE(3, 4)). */
#define nd_empty(...) ND__OVERLOAD(nd_empty, __VA_ARGS__)
#define nd_zeros(...) ND__OVERLOAD(nd_zeros, __VA_ARGS__)
#define nd_ones(...) ND__OVERLOAD(nd_ones, __VA_ARGS__)
#define nd_empty_with_1_args(shape) (nd_empty)(nd_shape_is_ND_SHAPE_of_the_extents(shape), NULL, ND_FLOAT64)
#define nd_zeros_with_1_args(shape) (nd_zeros)(nd_shape_is_ND_SHAPE_of_the_extents(shape), NULL, ND_FLOAT64)
#define nd_ones_with_1_args(shape) (nd_ones)(nd_shape_is_ND_SHAPE_of_the_extents(shape), NULL, ND_FLOAT64)
#define nd_empty_with_2_args(ndim, shape) (nd_empty)((ndim), (shape), ND_FLOAT64)
#define nd_zeros_with_2_args(ndim, shape) (nd_zeros)((ndim), (shape), ND_FLOAT64)
#define nd_ones_with_2_args(ndim, shape) (nd_ones)((ndim), (shape), ND_FLOAT64)
#define nd_empty_with_3_args(ndim, shape, dt) (nd_empty)((ndim), (shape), (dt))
#define nd_zeros_with_3_args(ndim, shape, dt) (nd_zeros)((ndim), (shape), (dt))
#define nd_ones_with_3_args(ndim, shape, dt) (nd_ones)((ndim), (shape), (dt))
ND_API nd_array *nd_full(int ndim, const ptrdiff_t *shape, nd_dtype dt, nd_scalar value);
/* Same shape as `a`; dtype of `a` when dt < 0. */
ND_API nd_array *nd_empty_like(const nd_array *a, int dt);
ND_API nd_array *nd_zeros_like(const nd_array *a, int dt);
ND_API nd_array *nd_ones_like(const nd_array *a, int dt);
ND_API nd_array *nd_full_like(const nd_array *a, int dt, nd_scalar value);
/* A 0-d array holding `value` (in its own dtype). */
ND_API nd_array *nd_scalar_array(nd_scalar value);

/* Wrap a caller's buffer without copying. `strides` NULL means C-contiguous.
 * If `free_fn` is non-NULL it is called with (data, ctx) when the last reference
 * goes away; otherwise the caller keeps the buffer alive while arrays use it. */
ND_API nd_array *nd_wrap(void *data, int ndim, const ptrdiff_t *shape, const ptrdiff_t *strides,
                         nd_dtype dt, void (*free_fn)(void *data, void *ctx), void *ctx);
/* Copy a C-ordered buffer of `dt` elements into a new array. */
ND_API nd_array *nd_from_buffer(const void *data, int ndim, const ptrdiff_t *shape, nd_dtype dt);
/* Convenience: a 1-D float64 / int64 array copied from a C array. */
ND_API nd_array *nd_from_f64(const double *data, ptrdiff_t n);
ND_API nd_array *nd_from_i64(const int64_t *data, ptrdiff_t n);

/* numpy.arange(start, stop, step) with length ceil((stop - start) / step). */
ND_API nd_array *nd_arange(double start, double stop, double step, nd_dtype dt);

/* numpy.linspace / logspace / geomspace with keyword options: nd_linspace(0, 1) (50
 * samples), nd_linspace(0, 1, 5), nd_linspace(0, 1, .num = 5, .dtype = ND_FLOAT32). */
typedef struct nd_linspace_opts {
    int _;                /* reserved: leave it out (lets an empty option list compile) */
    ptrdiff_t num;        /* number of samples (the macros default it to 50) */
    int dtype;            /* 0 → float64 (any nd_dtype works; ints truncate like NumPy) */
    bool no_endpoint;     /* NumPy's endpoint=False */
    double *retstep;      /* if non-NULL receives the step (NumPy's retstep) */
    double base;          /* logspace only: 0 → 10 */
} nd_linspace_opts;
ND_API nd_array *nd_linspace_(double start, double stop, const nd_linspace_opts *o);
ND_API nd_array *nd_logspace_(double start, double stop, const nd_linspace_opts *o);
ND_API nd_array *nd_geomspace_(double start, double stop, const nd_linspace_opts *o);
#define ND__SPACED(f, ...) \
    f(ND__H2R(__VA_ARGS__, ), &(nd_linspace_opts){ ._ = 0, .num = 50, ._ = 0, ND__T2(__VA_ARGS__, ) })
#define nd_linspace(...) ND__SPACED(nd_linspace_, __VA_ARGS__)
#define nd_logspace(...) ND__SPACED(nd_logspace_, __VA_ARGS__)
#define nd_geomspace(...) ND__SPACED(nd_geomspace_, __VA_ARGS__)

/* numpy.eye(n, m, k): ones on the k-th diagonal of an n×m matrix (m < 0 → m = n). */
ND_API nd_array *nd_eye(ptrdiff_t n, ptrdiff_t m, ptrdiff_t k, nd_dtype dt);
/* numpy.identity(n): the n×n identity. */
ND_API nd_array *nd_identity(ptrdiff_t n, nd_dtype dt);
/* NumPy's defaults M = N, k = 0, dtype float64: nd_eye(3), nd_eye(3, 4), nd_eye(3, 4, 1),
 * nd_identity(3); every argument may still be given. */
#define nd_eye(...) ND__OVERLOAD(nd_eye, __VA_ARGS__)
#define nd_eye_with_1_args(n) (nd_eye)(nd_requires_a_size_argument(n), -1, 0, ND_FLOAT64)
#define nd_eye_with_2_args(n, m) (nd_eye)((n), (m), 0, ND_FLOAT64)
#define nd_eye_with_3_args(n, m, k) (nd_eye)((n), (m), (k), ND_FLOAT64)
#define nd_eye_with_4_args(n, m, k, dt) (nd_eye)((n), (m), (k), (dt))
#define nd_identity(...) ND__OVERLOAD(nd_identity, __VA_ARGS__)
#define nd_identity_with_1_args(n) (nd_identity)(nd_requires_a_size_argument(n), ND_FLOAT64)
#define nd_identity_with_2_args(n, dt) (nd_identity)((n), (dt))
/* numpy.diag: 1-D → 2-D matrix with `a` on diagonal k; 2-D → copy of diagonal k. */
ND_API nd_array *nd_diag(const nd_array *a, ptrdiff_t k);
/* numpy.diagflat: flatten `a`, then build the 2-D diagonal matrix. */
ND_API nd_array *nd_diagflat(const nd_array *a, ptrdiff_t k);
/* numpy.tri(n, m, k): ones at and below diagonal k (m < 0 → m = n). */
ND_API nd_array *nd_tri(ptrdiff_t n, ptrdiff_t m, ptrdiff_t k, nd_dtype dt);
/* Lower / upper triangle of the last two axes (copies). */
ND_API nd_array *nd_tril(const nd_array *a, ptrdiff_t k);
ND_API nd_array *nd_triu(const nd_array *a, ptrdiff_t k);

typedef enum nd_indexing { ND_XY = 0, ND_IJ = 1 } nd_indexing;
/* numpy.meshgrid over n 1-D arrays; writes n new arrays to out[]. */
ND_API nd_status nd_meshgrid(int n, const nd_array *const *xi, nd_indexing indexing, nd_array **out);

/* numpy.fromfunction: element at `index` (ndim entries) is fn(index, ndim, ctx),
 * converted to dt. */
typedef nd_scalar (*nd_index_fn)(const ptrdiff_t *index, int ndim, void *ctx);
ND_API nd_array *nd_fromfunction(int ndim, const ptrdiff_t *shape, nd_dtype dt, nd_index_fn fn,
                                 void *ctx);

/* ---- views ------------------------------------------------------------------- */
/* ND_NONE as a slice start/stop means "omitted" (NumPy's None). */
#define ND_NONE PTRDIFF_MIN

typedef enum nd_index_kind {
    ND_IX_SLICE = 0, ND_IX_INT, ND_IX_NEWAXIS, ND_IX_ELLIPSIS, ND_IX_ARRAY
} nd_index_kind;

typedef struct nd_index {
    nd_index_kind kind;
    ptrdiff_t start, stop, step; /* slice: ND_NONE for omitted; step 0 means 1.
                                    int: start is the index (negative counts from the end)
                                    array: start 1 requires a bool array (ND_MASK) */
    const nd_array *array;       /* array: the integer or boolean index array (borrowed) */
} nd_index;

#define ND_SLICE(start, stop, step) ((nd_index){ ND_IX_SLICE, (start), (stop), (step), NULL })
#define ND_ALL ((nd_index){ ND_IX_SLICE, ND_NONE, ND_NONE, 1, NULL })
#define ND_AT(i) ((nd_index){ ND_IX_INT, (i), 0, 0, NULL })
#define ND_NEWAXIS ((nd_index){ ND_IX_NEWAXIS, 0, 0, 0, NULL })
#define ND_ELLIPSIS ((nd_index){ ND_IX_ELLIPSIS, 0, 0, 0, NULL })
/* Advanced index items (nd_getitem / nd_setitem only): an integer or boolean array as
 * NumPy takes it (a bool array is a mask: its nonzero() positions), and a mask that must
 * be boolean. */
#define ND_ARR(x) ((nd_index){ ND_IX_ARRAY, 0, 0, 0, (x) })
#define ND_MASK(m) ((nd_index){ ND_IX_ARRAY, 1, 0, 0, (m) })

/* Basic indexing: a view of `a` selected by n index items (NumPy's a[i0, i1, ...]). */
ND_API nd_array *nd_slice(const nd_array *a, int n, const nd_index *idx);
#define nd_sel(a, ...) \
    nd_slice((a), (int)(sizeof((nd_index[]){ __VA_ARGS__ }) / sizeof(nd_index)), \
             (const nd_index[]){ __VA_ARGS__ })
/* The same in NumPy's syntax: nd_view(a, "::2, None, 1:-1, ..."). Errors name the
 * position of a bad character. */
ND_API nd_array *nd_view(const nd_array *a, const char *spec);

/* ---- advanced indexing (NumPy's a[idx] and a[idx] = v with index arrays) ------------
 *     nd_getitem(a, ND_ARR(rows), ND_ARR(cols))        a[rows, cols]
 *     nd_getitem(a, ND_AT(0), ND_ALL, ND_MASK(m))      a[0, :, m]
 *     nd_setitem(a, v, ND_ARR(ix))                     a[ix] = v
 * Integer arrays on several axes broadcast together; the broadcast dimensions replace the
 * indexed axes in place when the advanced items are adjacent, else they come first (an
 * integer next to an array counts as advanced, as in NumPy). A bool array is replaced by
 * its nonzero() index arrays. With an array item the result is a new C-contiguous copy;
 * with only basic items it is the view nd_slice gives. Errors: ND_EINDEX ("index 7 is out
 * of bounds for axis 1 with size 5", too many indices, mask shape), ND_ESHAPE (index
 * arrays do not broadcast), ND_EDTYPE (a float index array). */
ND_API nd_array *nd_getitem_(const nd_array *a, int n, const nd_index *idx);
/* a[idx] = value: value (converted to a's dtype as NumPy casts) is broadcast to the shape
 * nd_getitem would return; with repeated indices the last write wins. ND_EVALUE for a
 * read-only `a`, ND_ESHAPE when value does not broadcast. */
ND_API nd_status nd_setitem_(nd_array *a, int n, const nd_index *idx, const nd_array *value);
#define ND__NINDEX(...) (int)(sizeof((nd_index[]){ __VA_ARGS__ }) / sizeof(nd_index))
#define nd_getitem(a, ...) nd_getitem_((a), ND__NINDEX(__VA_ARGS__), (const nd_index[]){ __VA_ARGS__ })
#define nd_setitem(a, value, ...) \
    nd_setitem_((a), ND__NINDEX(__VA_ARGS__), (const nd_index[]){ __VA_ARGS__ }, (value))

/* Named operands of the string form: { "m", mask }. ND_NAMED({ "r", rows }, { "c", cols })
 * expands to their count and list. */
typedef struct nd_named {
    const char *name;
    const nd_array *array;
} nd_named;
#define ND_NAMED(...) \
    (int)(sizeof((nd_named[]){ __VA_ARGS__ }) / sizeof(nd_named)), ((const nd_named[]){ __VA_ARGS__ })
/* nd_getitem in NumPy's syntax, nd_view's plus index arrays: a list literal ("[0, 2, -1]",
 * nested for more dimensions, True/False for a mask) or the name of an operand:
 *     nd_getitem_str(a, "[0, 2], ::-1, m", ND_NAMED({ "m", mask }))
 *     nd_getitem_str(a, "r, c", ND_NAMED({ "r", rows }, { "c", cols }))
 *     nd_getitem_str(a, "..., [1, 1, 0]", 0, NULL)
 * ND_EPARSE names the position of a bad character, ND_EVALUE an unknown operand. */
ND_API nd_array *nd_getitem_str(const nd_array *a, const char *spec, int nops, const nd_named *ops);
ND_API nd_status nd_setitem_str(nd_array *a, const char *spec, const nd_array *value, int nops,
                                const nd_named *ops);

/* Reshape (one extent may be -1). A view when the strides allow it, else a copy. */
ND_API nd_array *nd_reshape(const nd_array *a, int ndim, const ptrdiff_t *shape);
/* 1-D: a view when possible (ravel), always a copy (flatten). */
ND_API nd_array *nd_ravel(const nd_array *a);
ND_API nd_array *nd_flatten(const nd_array *a);
/* Permute axes (axes NULL → reverse). View. */
ND_API nd_array *nd_transpose(const nd_array *a, const int *axes);
/* nd_transpose(a) reverses the axes (NumPy's axes=None), like nd_transpose(a, NULL). */
#define nd_transpose(...) ND__OVERLOAD(nd_transpose, __VA_ARGS__)
#define nd_transpose_with_1_args(a) (nd_transpose)(nd_requires_an_array_argument(a), NULL)
#define nd_transpose_with_2_args(a, axes) (nd_transpose)((a), (axes))
ND_API nd_array *nd_swapaxes(const nd_array *a, int axis1, int axis2);
/* numpy.moveaxis with n source/destination axes. View. */
ND_API nd_array *nd_moveaxis(const nd_array *a, int n, const int *source, const int *destination);
/* Remove length-1 axes: all of them when n == 0, else those listed (each must be 1). */
ND_API nd_array *nd_squeeze(const nd_array *a, int n, const int *axes);
/* Insert a length-1 axis at `axis` (negative counts from the end of the result). */
ND_API nd_array *nd_expand_dims(const nd_array *a, int axis);
/* Read-only broadcast view (zero strides). */
ND_API nd_array *nd_broadcast_to(const nd_array *a, int ndim, const ptrdiff_t *shape);
/* Broadcast n shapes; writes the result to *out_ndim / out_shape (ND_MAXDIMS long). */
ND_API nd_status nd_broadcast_shapes(int n, const int *ndims, const ptrdiff_t *const *shapes,
                                     int *out_ndim, ptrdiff_t *out_shape);
/* Broadcast n arrays against each other; out[i] are views. */
ND_API nd_status nd_broadcast_arrays(int n, const nd_array *const *in, nd_array **out);
/* numpy.diagonal(a, offset, axis1, axis2). View. */
ND_API nd_array *nd_diagonal(const nd_array *a, ptrdiff_t offset, int axis1, int axis2);
/* Real / imaginary part. Views for complex input; for real input real() is a view and
 * imag() a read-only array of zeros. */
ND_API nd_array *nd_real(const nd_array *a);
ND_API nd_array *nd_imag(const nd_array *a);

/* ---- copies and conversion ---------------------------------------------------- */
/* Copy in C, F, A (F if a is F-contiguous and not C) or K (keep stride order) order. */
ND_API nd_array *nd_copy(const nd_array *a, nd_order order);
/* `a` itself (a new reference) when already C-contiguous, else a C copy. */
ND_API nd_array *nd_ascontiguousarray(const nd_array *a);
/* Convert to dt if casting permits (ND_CAST_DEFAULT → unsafe, like NumPy's astype). */
ND_API nd_array *nd_astype(const nd_array *a, nd_dtype dt, nd_casting casting);
/* Copy src into dst (broadcasting src), casting with `casting` (default same_kind). */
ND_API nd_status nd_assign(nd_array *dst, const nd_array *src, nd_casting casting);
/* Set every element of dst to value. */
ND_API nd_status nd_fill(nd_array *dst, nd_scalar value);

/* ---- element access ----------------------------------------------------------------
 * Every accessor takes the index as a count and the indices, which ND_IDX writes:
 * nd_get_f64(a, ND_IDX(1, -1)); negatives count from the end. A count other than ndim
 * ("too many indices for array: array is 1-dimensional, but 2 were indexed"), a NULL idx
 * with a count > 0, or an index out of range is ND_EINDEX. A 0-d array takes (0, NULL),
 * or use nd_item_*. */
ND_API nd_status nd_get(const nd_array *a, int nidx, const ptrdiff_t *idx, nd_scalar *out);
ND_API nd_status nd_set(nd_array *a, int nidx, const ptrdiff_t *idx, nd_scalar value);
/* Typed shortcuts. On a bad index they set the error and return NaN / 0 / false. */
ND_API double nd_get_f64(const nd_array *a, int nidx, const ptrdiff_t *idx);
ND_API int64_t nd_get_i64(const nd_array *a, int nidx, const ptrdiff_t *idx);
ND_API uint64_t nd_get_u64(const nd_array *a, int nidx, const ptrdiff_t *idx);
ND_API bool nd_get_bool(const nd_array *a, int nidx, const ptrdiff_t *idx);
/* Writes re and im; imaginary 0 for real dtypes. */
ND_API nd_status nd_get_c128(const nd_array *a, int nidx, const ptrdiff_t *idx, double *re,
                             double *im);
ND_API nd_status nd_set_f64(nd_array *a, int nidx, const ptrdiff_t *idx, double v);
ND_API nd_status nd_set_i64(nd_array *a, int nidx, const ptrdiff_t *idx, int64_t v);
/* NumPy's a.item(): the only element of a size-1 array (any ndim), converted. Any other
 * size is ND_EVALUE ("can only convert an array of size 1 to a Python scalar"), and the
 * typed forms then return NaN / 0 / false. double s = nd_item_f64(std) for a 0-d result. */
ND_API nd_status nd_item(const nd_array *a, nd_scalar *out);
ND_API double nd_item_f64(const nd_array *a);
ND_API int64_t nd_item_i64(const nd_array *a);
ND_API uint64_t nd_item_u64(const nd_array *a);
ND_API bool nd_item_bool(const nd_array *a);
/* Writes re and im (imaginary 0 for real dtypes). */
ND_API nd_status nd_item_c128(const nd_array *a, double *re, double *im);
/* Element at flat C-order position i (0 <= i < size) of any array. */
ND_API nd_status nd_get_flat(const nd_array *a, ptrdiff_t i, nd_scalar *out);
/* Pointer to the element at idx (no error set: NULL when nidx != ndim or out of range). */
ND_API void *nd_ptr(const nd_array *a, int nidx, const ptrdiff_t *idx);
/* Copy all elements in C order, converted to double / to a buffer of dt. */
ND_API nd_status nd_to_f64(const nd_array *a, double *out);
ND_API nd_status nd_to_buffer(const nd_array *a, void *out, nd_dtype dt);

/* ---- printing -------------------------------------------------------------------- */
typedef struct nd_printoptions {
    int precision;      /* default 8 */
    ptrdiff_t threshold; /* summarise above this many elements; default 1000 */
    int edgeitems;      /* default 3 */
    int linewidth;      /* default 75 */
    bool suppress;      /* never scientific notation for small numbers */
    char sign;          /* floats: 0 or '-' (default), '+' always, ' ' a blank for + */
    const char *nanstr; /* NULL → "nan"; the string must outlive the setting */
    const char *infstr; /* NULL → "inf" */
} nd_printoptions;
/* Set / get the thread's print options (zero fields mean the default). */
ND_API void nd_set_printoptions(const nd_printoptions *o);
ND_API nd_printoptions nd_get_printoptions(void);
/* The np.printoptions context manager: save this thread's options and set o (NULL: the
 * defaults); nd_printoptions_end restores the saved ones. Scopes nest (up to 32 deep,
 * ND_EVALUE beyond); an end without a begin is ND_EVALUE. */
ND_API nd_status nd_printoptions_begin(const nd_printoptions *o);
ND_API nd_status nd_printoptions_end(void);
/* numpy.format_float_positional / format_float_scientific: the text of one value, a new
 * string (free with nd_free_mem). Zero fields mean NumPy's default (None); a NumPy
 * value of 0 for precision, pad_left, pad_right, exp_digits or min_digits is written
 * ND_FMT_0. Errors (NULL, ND_EVALUE): no precision with .no_unique, min_digits >
 * precision, an unknown trim, precision 0 with .no_fractional, fractional / pad_right
 * given to the scientific form.
 *     nd_format_float_positional(1.999, .precision = 2)             "2."
 *     nd_format_float_scientific(123.456, .precision = 1, .trim = '-') "1.2e+02" */
#define ND_FMT_0 (-1)
typedef struct nd_format_float_opts {
    double x;               /* the value (positional argument) */
    int precision;          /* max digits (fraction digits, or significant ones with
                               .no_fractional); exact digits with .no_unique */
    bool no_unique;         /* NumPy's unique=False: exactly `precision` digits */
    bool no_fractional;     /* positional: precision counts significant digits */
    char trim;              /* 'k' (0: keep), '.', '0' or '-' as NumPy */
    bool sign;              /* '+' on positive values */
    int pad_left;           /* at least this many characters left of the point */
    int pad_right;          /* positional: at least this many right of the point */
    int exp_digits;         /* scientific: at least this many exponent digits (None: 2) */
    int min_digits;         /* at least this many digits (unique mode) */
    bool float32;           /* format x as a float32 (its shortest digits) */
} nd_format_float_opts;
ND_API char *nd_format_float_positional_(const nd_format_float_opts *o);
ND_API char *nd_format_float_scientific_(const nd_format_float_opts *o);
#define nd_format_float_positional(...) \
    nd_format_float_positional_(&(nd_format_float_opts){ .x = __VA_ARGS__ })
#define nd_format_float_scientific(...) \
    nd_format_float_scientific_(&(nd_format_float_opts){ .x = __VA_ARGS__ })

/* NumPy's repr(a) ("array([1., 2.])") and str(a) ("[1. 2.]"). Free with nd_free_mem. */
ND_API char *nd_repr(const nd_array *a);
ND_API char *nd_str(const nd_array *a);
/* np.array2string's options; zero fields take the thread's print options (NumPy's None);
 * a NumPy value of 0 for precision, threshold or edgeitems is written ND_FMT_0. */
typedef struct nd_array2string_opts {
    int _;                 /* reserved: leave it out (lets an empty option list compile) */
    int max_line_width;    /* line width (default: the print option, 75) */
    int precision;         /* float digits (default 8) */
    bool suppress_small;   /* no scientific notation for small values */
    const char *separator; /* between elements (NULL: " "); its rstripped part ends rows */
    const char *prefix;    /* its length indents wrapped lines; not part of the result */
    const char *suffix;    /* its length is kept free at the end of the last line */
    ptrdiff_t threshold;   /* summarise arrays of more elements (default 1000) */
    int edgeitems;         /* items shown at each end when summarised (default 3) */
    char sign;             /* '-', '+' or ' ' (0: the print option) */
} nd_array2string_opts;
/* numpy.array2string(a, ...): the text of a (no "array(" around it; "[]" when empty; a
 * 0-d array is its element), a new string freed with nd_free_mem. ND_EVALUE for a NULL
 * array, a negative width/precision/threshold/edgeitems or an unknown sign. */
ND_API char *nd_array2string_(const nd_array *a, const nd_array2string_opts *o);
#define nd_array2string(...) \
    nd_array2string_(ND__RH(__VA_ARGS__, ), &(nd_array2string_opts){ ._ = 0, ND__T1(__VA_ARGS__, ) })
/* Print str(a) and a newline to f (stdout when f is NULL). */
ND_API nd_status nd_print(const nd_array *a, FILE *f);

/* ---- broadcasting multi-array iterator ---------------------------------------------- */
/* Walks up to ND_ITER_MAXOP operands broadcast together, exposing an inner loop. Axes
 * are visited in memory order of the operands (NumPy's 'K' order: C order for C arrays,
 * reversed for F arrays) after coalescing, so the visiting order is only C order when
 * the operands are C-ordered; elementwise kernels must not depend on it:
 *
 *     nd_iter it;
 *     if (nd_iter_init(&it, 2, ops, 0, NULL) < 0) return ...;
 *     do {
 *         kernel(it.ptrs, it.inner_size, it.inner_strides);
 *     } while (nd_iter_next(&it));
 *
 * `shape` (ndim entries), if given, is the shape to broadcast to (for outputs). */
#define ND_ITER_MAXOP 8
typedef struct nd_iter {
    int nop;
    int ndim;                               /* after coalescing; >= 1 */
    ptrdiff_t shape[ND_MAXDIMS];            /* coalesced shape, innermost last */
    ptrdiff_t strides[ND_ITER_MAXOP][ND_MAXDIMS];
    ptrdiff_t index[ND_MAXDIMS];
    char *base[ND_ITER_MAXOP];
    char *ptrs[ND_ITER_MAXOP];              /* current inner-loop start for each op */
    ptrdiff_t inner_strides[ND_ITER_MAXOP]; /* byte stride of each op in the inner loop */
    ptrdiff_t inner_size;                   /* elements in the inner loop */
    ptrdiff_t size;                         /* total elements; 0 means nothing to do */
    int bc_ndim;                            /* broadcast shape before coalescing */
    ptrdiff_t bc_shape[ND_MAXDIMS];
} nd_iter;

/* Broadcast ops (and `shape`, if ndim > 0) together. Fails with ND_ESHAPE. */
ND_API nd_status nd_iter_init(nd_iter *it, int nop, nd_array *const *ops, int ndim,
                              const ptrdiff_t *shape);
/* Advance to the next inner loop; false when done. */
ND_API bool nd_iter_next(nd_iter *it);

/* ---- layouts, requirements and memory overlap (numpy.require family) ----------------- */
/* numpy.isfortran(a): F-contiguous and not C-contiguous (so false for 1-D arrays). */
ND_API bool nd_isfortran(const nd_array *a);
/* numpy.asfortranarray(a): `a` itself (a new reference) when F-contiguous, else an F
 * copy; a 0-d input becomes shape (1,) like NumPy. Caller frees. */
ND_API nd_array *nd_asfortranarray(const nd_array *a);
/* numpy.require's requirement letters as bits: C, F (contiguous), A (aligned),
 * W (writeable), O (owns its data), E (ensure array: always true in C). */
enum nd_requirement {
    ND_REQ_C = 1u << 0,
    ND_REQ_F = 1u << 1,
    ND_REQ_A = 1u << 2,
    ND_REQ_W = 1u << 3,
    ND_REQ_O = 1u << 4,
    ND_REQ_E = 1u << 5
};
/* numpy.require(a, dtype, requirements): `a` itself (a new reference) when it has the
 * dtype (-1: any) and every flag, else a copy that has them. Caller frees. Errors:
 * ND_EVALUE for C and F together or unknown bits, ND_EDTYPE for a bad dtype.
 * nd_require(a) and nd_require(a, dtype) leave out NumPy's defaults. */
ND_API nd_array *nd_require(const nd_array *a, int dtype, unsigned int requirements);
#define nd_require(...) ND__OVERLOAD(nd_require, __VA_ARGS__)
#define nd_require_with_1_args(a) (nd_require)(nd_requires_an_array_argument(a), -1, 0u)
#define nd_require_with_2_args(a, dtype) (nd_require)((a), (dtype), 0u)
#define nd_require_with_3_args(a, dtype, req) (nd_require)((a), (dtype), (req))
/* numpy.shares_memory(a, b, max_work): 1 when some byte is used by both, 0 when none,
 * solved exactly (max_work < 0, the default), by bounds only (0, like
 * nd_may_share_memory), or within max_work candidate steps (> 0; more is ND_EVALUE
 * "Exceeded max_work", NumPy's TooHardError). Negative nd_status on error. */
ND_API int nd_shares_memory_(const nd_array *a, const nd_array *b, long long max_work);
#define nd_shares_memory(...) ND__OVERLOAD(nd_shares_memory, __VA_ARGS__)
#define nd_shares_memory_with_2_args(a, b) nd_shares_memory_((a), (b), -1)
#define nd_shares_memory_with_3_args(a, b, max_work) nd_shares_memory_((a), (b), (max_work))
/* numpy.asfarray(a, dtype): `a` as an inexact dtype; dtype -1 (or any non-inexact one)
 * means float64 (complex input then keeps its real part, as NumPy casts). `a` itself (a
 * new reference) when it already has that dtype. Caller frees. nd_asfarray(a) is -1. */
ND_API nd_array *nd_asfarray(const nd_array *a, int dtype);
#define nd_asfarray(...) ND__OVERLOAD(nd_asfarray, __VA_ARGS__)
#define nd_asfarray_with_1_args(a) (nd_asfarray)(nd_requires_an_array_argument(a), -1)
#define nd_asfarray_with_2_args(a, dtype) (nd_asfarray)((a), (dtype))
/* numpy.asarray(a, dtype, order): `a` itself (a new reference) when it has the dtype (-1:
 * any) and the order (C, F, A: either, K: any layout), else a converted copy. Caller
 * frees. nd_asarray(a), nd_asarray(a, dtype) use NumPy's order K. */
ND_API nd_array *nd_asarray(const nd_array *a, int dtype, nd_order order);
#define nd_asarray(...) ND__OVERLOAD(nd_asarray, __VA_ARGS__)
#define nd_asarray_with_1_args(a) (nd_asarray)(nd_requires_an_array_argument(a), -1, ND_ORDER_K)
#define nd_asarray_with_2_args(a, dtype) (nd_asarray)((a), (dtype), ND_ORDER_K)
#define nd_asarray_with_3_args(a, dtype, order) (nd_asarray)((a), (dtype), (order))
/* numpy.frombuffer(buffer, dtype, count=-1, offset=0): a 1-D view of the caller's nbytes
 * bytes (kept alive by the caller while the array lives; writes go to the buffer), count
 * < 0 taking every element after offset. Errors (ND_EVALUE): NumPy's, for an offset past
 * the end, a size that is no multiple of the item size, or a count that does not fit. */
ND_API nd_array *nd_frombuffer(void *buffer, size_t nbytes, nd_dtype dtype, ptrdiff_t count, ptrdiff_t offset);
#define nd_frombuffer(...) ND__OVERLOAD(nd_frombuffer, __VA_ARGS__)
#define nd_frombuffer_with_2_args(buf, nbytes) (nd_frombuffer)((buf), (nbytes), ND_FLOAT64, -1, 0)
#define nd_frombuffer_with_3_args(buf, nbytes, dt) (nd_frombuffer)((buf), (nbytes), (dt), -1, 0)
#define nd_frombuffer_with_4_args(buf, nbytes, dt, count) (nd_frombuffer)((buf), (nbytes), (dt), (count), 0)
#define nd_frombuffer_with_5_args(buf, nbytes, dt, count, offset) \
    (nd_frombuffer)((buf), (nbytes), (dt), (count), (offset))
/* numpy.fromiter(iterable, dtype, count=-1): a new 1-D array of the values next() gives
 * (it returns false when exhausted), converted to dtype; count >= 0 stops after count
 * values and is ND_EVALUE "iterator too short" when fewer come. Caller frees. */
ND_API nd_array *nd_fromiter(bool (*next)(void *ctx, nd_scalar *out), void *ctx, nd_dtype dtype, ptrdiff_t count);
#define nd_fromiter(...) ND__OVERLOAD(nd_fromiter, __VA_ARGS__)
#define nd_fromiter_with_3_args(next, ctx, dt) (nd_fromiter)((next), (ctx), (dt), -1)
#define nd_fromiter_with_4_args(next, ctx, dt, count) (nd_fromiter)((next), (ctx), (dt), (count))
/* numpy.fastCopyAndTranspose(a): a C-contiguous copy of a's transpose. Caller frees. */
ND_API nd_array *nd_fastCopyAndTranspose(const nd_array *a);
/* numpy.disp(a, device=None, linefeed=True): writes str(a) (nd_str) to device (NULL:
 * stdout), then a newline when linefeed. ND_EIO when the write fails. */
ND_API nd_status nd_disp(const nd_array *a, FILE *device, bool linefeed);
#define nd_disp(...) ND__OVERLOAD(nd_disp, __VA_ARGS__)
#define nd_disp_with_1_args(a) (nd_disp)(nd_requires_an_array_argument(a), NULL, true)
#define nd_disp_with_2_args(a, device) (nd_disp)((a), (device), true)
#define nd_disp_with_3_args(a, device, linefeed) (nd_disp)((a), (device), (linefeed))

#ifdef __cplusplus
}
#endif
#endif
