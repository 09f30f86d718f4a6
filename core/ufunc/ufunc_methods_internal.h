/* Internal interface of the ufunc methods (ufunc_methods.c) shared with the user-defined
 * ufuncs (ufunc_user.c): one resolved binary (or unary) loop, and the generic reduce,
 * accumulate, reduceat and at that run on it. */
#ifndef NUMC_UFUNC_METHODS_INTERNAL_H
#define NUMC_UFUNC_METHODS_INTERNAL_H

#include "reduce_internal.h"

/* A function resolved to one loop for the methods: the loop reads nin operands of dtype
 * t and writes one of dtype t (reduce, accumulate, reduceat need that; at also serves
 * loops whose output dtype differs: ot). */
typedef struct nd__ufm {
    const char *name;     /* NumPy's name, for messages ("add") */
    int builtin;          /* the nd_ufunc, or -1 for a user function */
    int nin;
    nd__loop_fn fn;
    void *ctx;
    nd_dtype t, ot;
    bool has_identity;
    nd_scalar identity;
    bool reorderable;     /* reduce over several axes at once is allowed */
    nd_casting in_casting; /* input → t for reduce / accumulate / reduceat (0: same_kind;
                              logical_*: unsafe, the input read as truth values) */
} nd__ufm;

/* Clear the FP flags / the loop error before a run; report them after (named `who`). */
ND_INTERNAL void nd__ufm_begin(void);
ND_INTERNAL ND_WARN_UNUSED nd_status nd__ufm_finish(const nd__ufm *m, const char *who);

/* Generic methods on a resolved loop (m->t == m->ot). `out` NULL → a new array stored in
 * *res; otherwise the result is written into out (casting same_kind) and *res untouched.
 * Errors are set naming `who`. */
ND_INTERNAL ND_WARN_UNUSED
nd_status nd__ufm_reduce(const nd__ufm *m, const nd_array *a, const nd_reduce_opts *o,
                         nd_array *out, nd_array **res, const char *who);
ND_INTERNAL ND_WARN_UNUSED
nd_status nd__ufm_accumulate(const nd__ufm *m, const nd_array *a, int axis, nd_array *out,
                             nd_array **res, const char *who);
ND_INTERNAL ND_WARN_UNUSED
nd_status nd__ufm_reduceat(const nd__ufm *m, const nd_array *a, const nd_array *indices,
                           int axis, nd_array *out, nd_array **res, const char *who);
/* a[idx...] = f(a[idx...], b) in place, unbuffered (repeated indices apply repeatedly);
 * b is NULL for a unary function. nidx index arrays index the first nidx axes. */
ND_INTERNAL ND_WARN_UNUSED
nd_status nd__ufm_at(const nd__ufm *m, nd_array *a, int nidx, const nd_array *const *idx,
                     const nd_array *b, const char *who);
/* Copy src (broadcast) into dst where the bool mask (broadcast; NULL: everywhere) is
 * true, converting the dtype; ND_EDTYPE when the cast is not allowed by `casting`. */
ND_INTERNAL ND_WARN_UNUSED
nd_status nd__ufm_copy_where(nd_array *dst, const nd_array *src, const nd_array *where,
                             nd_casting casting, const char *who);
/* a viewed as a.shape + (1,) * extra (the left operand of outer). */
ND_INTERNAL ND_WARN_UNUSED nd_array *nd__outer_left(const nd_array *a, int extra, const char *who);

#endif
