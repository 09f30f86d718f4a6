/* numc — sorting, searching and set operations (NumPy's semantics: NaNs sort to the
 * end, complex numbers sort lexicographically, argsort with ND_SORT_STABLE keeps equal
 * elements in order).
 *
 * Results are new arrays owned by the caller (nd_free); NULL / negative status on error. */
#ifndef NUMC_SORT_H
#define NUMC_SORT_H

#include "array.h"

#ifdef __cplusplus
extern "C" {
#endif

typedef enum nd_sort_kind {
    ND_SORT_QUICK = 0, /* introsort (default), not stable */
    ND_SORT_STABLE     /* stable: radix sort for integers, merge sort otherwise */
} nd_sort_kind;

/* Sorted copy along axis (ND_AXIS_NONE from manip.h: flattened). */
ND_API nd_array *nd_sort(const nd_array *a, int axis, nd_sort_kind kind);
/* Sort in place along axis. */
ND_API nd_status nd_sort_inplace(nd_array *a, int axis, nd_sort_kind kind);
/* Indices (int64) that sort a along axis. */
ND_API nd_array *nd_argsort(const nd_array *a, int axis, nd_sort_kind kind);
/* NumPy's defaults axis = -1 (the last axis), kind quicksort: nd_sort(a), nd_sort(a, 0),
 * nd_argsort(a), nd_sort(a, ND_AXIS_NONE, ND_SORT_STABLE). */
#define nd_sort(...) ND__OVERLOAD(nd_sort, __VA_ARGS__)
#define nd_sort_with_1_args(a) (nd_sort)(nd_requires_an_array_argument(a), -1, ND_SORT_QUICK)
#define nd_sort_with_2_args(a, axis) (nd_sort)((a), (axis), ND_SORT_QUICK)
#define nd_sort_with_3_args(a, axis, kind) (nd_sort)((a), (axis), (kind))
#define nd_argsort(...) ND__OVERLOAD(nd_argsort, __VA_ARGS__)
#define nd_argsort_with_1_args(a) (nd_argsort)(nd_requires_an_array_argument(a), -1, ND_SORT_QUICK)
#define nd_argsort_with_2_args(a, axis) (nd_argsort)((a), (axis), ND_SORT_QUICK)
#define nd_argsort_with_3_args(a, axis, kind) (nd_argsort)((a), (axis), (kind))
/* numpy.partition / argpartition: element kth in its sorted place, smaller ones before,
 * larger after (introselect). */
ND_API nd_array *nd_partition(const nd_array *a, ptrdiff_t kth, int axis);
ND_API nd_array *nd_argpartition(const nd_array *a, ptrdiff_t kth, int axis);
/* numpy.lexsort(keys): indices sorting by the last key, then the previous ... (stable). */
ND_API nd_array *nd_lexsort(int nkeys, const nd_array *const *keys);

typedef enum nd_side { ND_SIDE_LEFT = 0, ND_SIDE_RIGHT } nd_side;
/* numpy.searchsorted(a, v, side): a is 1-D ascending; result int64 of v's shape. */
ND_API nd_array *nd_searchsorted(const nd_array *a, const nd_array *v, nd_side side);

/* numpy.unique(a, return_index, return_inverse, return_counts, axis, equal_nan).
 * Each non-NULL pointer receives an int64 array. */
typedef struct nd_unique_opts {
    const nd_array *a;  /* the input (the macro's positional argument) */
    nd_array **index;   /* first occurrence of each unique value (or slice) */
    nd_array **inverse; /* positions that rebuild a from the uniques (a's shape without
                           an axis; 1-d along the axis with one) */
    nd_array **counts;  /* occurrences of each unique value */
    int axis;           /* ND_AXIS_NONE (the macro's default): the flattened array; an axis:
                           unique slices along it, compared element by element (==, so
                           slices holding NaN are all distinct, as in NumPy) */
    bool equal_nan;     /* the macro's default true: all NaNs are one unique value (NumPy
                           >= 1.24); false keeps every NaN. Without an axis only */
} nd_unique_opts;
#define ND_UNIQUE_DEFAULTS ((nd_unique_opts){ .axis = ND_AXIS_NONE, .equal_nan = true })
/* Sorted uniques (the caller's); ND_EAXIS for a bad axis (a 0-d array has none).
 * nd_unique(a) or nd_unique(a, .counts = &counts, .inverse = &inv, .axis = 0). */
ND_API nd_array *nd_unique_(const nd_unique_opts *o);
#define nd_unique(...) nd_unique_(&(nd_unique_opts){ .axis = ND_AXIS_NONE, .equal_nan = true, .a = __VA_ARGS__ })
/* numpy.intersect1d(a, b, assume_unique, return_indices): the sorted values in both
 * (flattened; NaN is never equal to NaN). indices1 / indices2, when set, receive int64
 * positions of those values in a and b (first occurrences).
 *     nd_intersect1d(a, b)    nd_intersect1d(a, b, .indices1 = &ia, .indices2 = &ib) */
typedef struct nd_intersect_opts {
    int _;              /* reserved: leave it out */
    bool assume_unique; /* skip the unique step (results are wrong if a or b repeat) */
    nd_array **indices1;
    nd_array **indices2;
} nd_intersect_opts;
ND_API nd_array *nd_intersect1d_(const nd_array *a, const nd_array *b, const nd_intersect_opts *o);
#define nd_intersect1d(a, ...) \
    nd_intersect1d_((a), ND__RH(__VA_ARGS__, ), &(nd_intersect_opts){ ._ = 0, ND__T1(__VA_ARGS__, ) })
/* numpy.union1d: the sorted unique values of the flattened inputs, promoted dtype. */
ND_API nd_array *nd_union1d(const nd_array *a, const nd_array *b);

/* ---- set operations with NumPy's options, msort, sort_complex ------------------------------ */
/* Options of numpy.in1d / isin / setdiff1d / setxor1d (zero: NumPy's defaults). Membership
 * is NumPy's `==` after promotion: NaN is never found, -0.0 finds 0.0. */
typedef struct nd_setop_opts {
    int _;              /* reserved: leave it out */
    bool assume_unique; /* inputs are already unique (skips the unique step; results are
                           NumPy's "undefined" ones otherwise) */
    bool invert;        /* in1d / isin: report elements NOT in the second array */
} nd_setop_opts;
/* numpy.in1d(ar1, ar2, assume_unique, invert): 1-D bool of ar1's size, one per element of
 * the flattened ar1. nd_in1d(a, b) or nd_in1d(a, b, .invert = true). Caller frees. */
ND_API nd_array *nd_in1d_(const nd_array *ar1, const nd_array *ar2, const nd_setop_opts *o);
#define nd_in1d(...) nd_in1d_(ND__H2R(__VA_ARGS__, ), &(nd_setop_opts){ ._ = 0, ND__T2(__VA_ARGS__, ) })
/* numpy.isin(element, test_elements, assume_unique, invert): bool of element's shape;
 * nd_isin(e, t) or nd_isin(e, t, .invert = true). Caller frees. */
ND_API nd_array *nd_isin_(const nd_array *element, const nd_array *test, const nd_setop_opts *o);
#define nd_isin(...) nd_isin_(ND__H2R(__VA_ARGS__, ), &(nd_setop_opts){ ._ = 0, ND__T2(__VA_ARGS__, ) })
/* numpy.setdiff1d(ar1, ar2, assume_unique): values of ar1 not in ar2, with ar1's dtype;
 * sorted and unique, or in ar1's order when .assume_unique. Caller frees. */
ND_API nd_array *nd_setdiff1d_(const nd_array *ar1, const nd_array *ar2, const nd_setop_opts *o);
#define nd_setdiff1d(...) \
    nd_setdiff1d_(ND__H2R(__VA_ARGS__, ), &(nd_setop_opts){ ._ = 0, ND__T2(__VA_ARGS__, ) })
/* numpy.setxor1d(ar1, ar2, assume_unique): sorted values in exactly one of the inputs
 * (NaNs, unequal to each other, are all kept), promoted dtype. Caller frees. */
ND_API nd_array *nd_setxor1d_(const nd_array *ar1, const nd_array *ar2, const nd_setop_opts *o);
#define nd_setxor1d(...) \
    nd_setxor1d_(ND__H2R(__VA_ARGS__, ), &(nd_setop_opts){ ._ = 0, ND__T2(__VA_ARGS__, ) })
/* numpy.msort(a): a copy sorted along axis 0. ND_EAXIS for a 0-d array. Caller frees. */
ND_API nd_array *nd_msort(const nd_array *a);
/* numpy.sort_complex(a): a copy sorted along the last axis as complex (int8 / int16 /
 * uint8 / uint16 become complex64, other reals complex128). ND_EAXIS for 0-d. */
ND_API nd_array *nd_sort_complex(const nd_array *a);

#ifdef __cplusplus
}
#endif
#endif
