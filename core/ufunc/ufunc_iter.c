/* The engine's loop nest (axis ordering, coalescing, iteration), K-order output
 * allocation, and NumPy 1.x value-based type promotion for scalar operands. */
#include "ufunc_internal.h"

#include <float.h>
#include <numc/threads.h>
#include <stdatomic.h>

#include "parallel.h"

/* ---- loop nest ------------------------------------------------------------------------ */
static ptrdiff_t absd(ptrdiff_t v) { return v < 0 ? -v : v; }

void nd__nest_optimize(nd__nest *n, int ref)
{
    /* drop length-1 axes (their strides are irrelevant) */
    int k = 0;
    for (int d = 0; d < n->ndim; d++) {
        if (n->shape[d] == 1) continue;
        n->shape[k] = n->shape[d];
        for (int op = 0; op < n->nop; op++) n->strides[op][k] = n->strides[op][d];
        k++;
    }
    n->ndim = k;
    /* stable insertion sort: larger |stride of ref| outer. Ties (broadcast zeros)
     * keep C order, so the other operands' natural order decides. */
    for (int i = 1; i < n->ndim; i++) {
        for (int j = i; j > 0 && absd(n->strides[ref][j - 1]) < absd(n->strides[ref][j]); j--)
            nd__swap_loop_axes(n->shape, n->strides, n->nop, j);
    }
    /* merge axis d into d+1 when every operand steps uniformly across both */
    k = 0;
    for (int d = 0; d < n->ndim; d++) {
        if (k > 0) {
            bool ok = true;
            for (int op = 0; op < n->nop && ok; op++)
                ok = n->strides[op][k - 1] == n->strides[op][d] * n->shape[d];
            if (ok) {
                n->shape[k - 1] *= n->shape[d];
                for (int op = 0; op < n->nop; op++) n->strides[op][k - 1] = n->strides[op][d];
                continue;
            }
        }
        n->shape[k] = n->shape[d];
        for (int op = 0; op < n->nop; op++) n->strides[op][k] = n->strides[op][d];
        k++;
    }
    n->ndim = k;
    if (n->ndim == 0) {
        n->ndim = 1;
        n->shape[0] = 1;
        for (int op = 0; op < n->nop; op++) n->strides[op][0] = 0;
    }
}

void nd__nest_run(const nd__nest *n, nd__inner_fn fn, void *ud)
{
    for (int d = 0; d < n->ndim; d++)
        if (n->shape[d] == 0) return;
    const int outer = n->ndim - 1;
    const ptrdiff_t len = n->shape[outer];
    ptrdiff_t inner_strides[ND__NEST_MAXOP];
    char *ptrs[ND__NEST_MAXOP];
    for (int op = 0; op < n->nop; op++) {
        inner_strides[op] = n->strides[op][outer];
        ptrs[op] = n->base[op];
    }
    ptrdiff_t idx[ND_MAXDIMS] = { 0 };
    for (;;) {
        fn(ptrs, len, inner_strides, ud);
        int d = outer - 1;
        for (; d >= 0; d--) {
            if (++idx[d] < n->shape[d]) {
                for (int op = 0; op < n->nop; op++) ptrs[op] += n->strides[op][d];
                break;
            }
            idx[d] = 0;
            for (int op = 0; op < n->nop; op++)
                ptrs[op] -= n->strides[op][d] * (n->shape[d] - 1);
        }
        if (d < 0) return;
    }
}

nd_array *nd__alloc_k(int ndim, const ptrdiff_t *shape, nd_dtype dt,
                      const ptrdiff_t *ref_strides, bool zero, const char *who)
{
    int perm[ND_MAXDIMS];
    for (int d = 0; d < ndim; d++) perm[d] = d;
    if (ref_strides) {
        for (int i = 1; i < ndim; i++)
            for (int j = i; j > 0 && absd(ref_strides[perm[j - 1]]) < absd(ref_strides[perm[j]]); j--) {
                int t = perm[j];
                perm[j] = perm[j - 1];
                perm[j - 1] = t;
            }
    }
    ptrdiff_t pshape[ND_MAXDIMS];
    for (int d = 0; d < ndim; d++) pshape[d] = shape[perm[d]];
    nd_array *a = zero ? nd_zeros(ndim, pshape, dt) : nd_empty(ndim, pshape, dt);
    if (!a) {
        if (nd_last_error() == ND_ENOMEM)
            nd_set_error(ND_ENOMEM, "%s: cannot allocate the output", who);
        return NULL;
    }
    ptrdiff_t st[ND_MAXDIMS];
    for (int d = 0; d < ndim; d++) st[perm[d]] = a->strides[d];
    for (int d = 0; d < ndim; d++) {
        a->shape[d] = shape[d];
        a->strides[d] = st[d];
    }
    nd__update_flags(a);
    return a;
}

/* ---- value-based promotion ------------------------------------------------------------------ */
int nd__kind_cat(nd_dtype t)
{
    switch (nd_dtype_kind(t)) {
    case 'b': return 0;
    case 'i': case 'u': return 1;
    case 'f': return 2;
    default: return 3;
    }
}

static nd_dtype min_int_type(nd_scalar s)
{
    bool neg = nd_dtype_kind(s.dtype) == 'i' && s.v.i < 0;
    if (neg) {
        int64_t v = s.v.i;
        if (v >= INT8_MIN) return ND_INT8;
        if (v >= INT16_MIN) return ND_INT16;
        if (v >= INT32_MIN) return ND_INT32;
        return ND_INT64;
    }
    uint64_t u = nd_dtype_kind(s.dtype) == 'i' ? (uint64_t)s.v.i : s.v.u;
    if (u <= UINT8_MAX) return ND_UINT8;
    if (u <= UINT16_MAX) return ND_UINT16;
    if (u <= UINT32_MAX) return ND_UINT32;
    return ND_UINT64;
}

static bool fits_f32(double v) { return !isfinite(v) || fabs(v) <= FLT_MAX; }

nd_dtype nd__min_scalar_type(nd_scalar s)
{
    switch (nd__kind_cat(s.dtype)) {
    case 0: return ND_BOOL;
    case 1: return min_int_type(s);
    case 2: return fits_f32(s.v.f) ? ND_FLOAT32 : ND_FLOAT64;
    default: return fits_f32(s.v.c[0]) && fits_f32(s.v.c[1]) ? ND_COMPLEX64 : ND_COMPLEX128;
    }
}

/* The scalar's own dtype as a "full" type (its kind's widest). */
static nd_dtype scalar_full_type(nd_scalar s)
{
    switch (nd__kind_cat(s.dtype)) {
    case 0: return ND_BOOL;
    case 1: return nd_dtype_kind(s.dtype) == 'u' ? ND_UINT64 : ND_INT64;
    case 2: return s.dtype == ND_FLOAT32 ? ND_FLOAT32 : ND_FLOAT64;
    default: return s.dtype == ND_COMPLEX64 ? ND_COMPLEX64 : ND_COMPLEX128;
    }
}

/* Effective dtypes for resolution (NumPy 1.x): scalars of a kind no higher than the
 * arrays' take their minimal type by value; a complex scalar with float arrays
 * keeps the arrays' precision; otherwise a scalar has its full type.
 * NumPy's "small unsigned" rule: a non-negative integer that also fits the signed
 * type of the same size may count as that signed type. With `alt` NULL (functions
 * resolved from the common type: add, maximum, ...) that happens next to signed
 * arrays (int8 + 100 → int8, uint8 + 300 → uint16); otherwise alt[i] receives the
 * signed alternative (or -1) for the loop search (uint8 ** 300 → int16). */
void nd__effective_types(int nin, const nd_operand *in, nd_dtype *eff, int *alt)
{
    int max_arr = -1, max_sc = -1;
    bool any_signed = false;
    for (int i = 0; i < nin; i++) {
        if (in[i].kind == ND_OPK_ARRAY) {
            int c = nd__kind_cat(nd_dtype_of(in[i].array));
            if (c > max_arr) max_arr = c;
            any_signed = any_signed || nd_dtype_kind(nd_dtype_of(in[i].array)) == 'i';
        } else if (in[i].kind == ND_OPK_SCALAR) {
            int c = nd__kind_cat(in[i].scalar.dtype);
            if (c > max_sc) max_sc = c;
        }
    }
    for (int i = 0; i < nin; i++) {
        if (alt) alt[i] = -1;
        if (in[i].kind == ND_OPK_ARRAY) {
            eff[i] = nd_dtype_of(in[i].array);
            continue;
        }
        if (in[i].kind != ND_OPK_SCALAR) {
            eff[i] = ND_BOOL;
            continue;
        }
        nd_scalar s = in[i].scalar;
        int c = nd__kind_cat(s.dtype);
        bool by_value = (max_arr >= 0 && max_sc <= max_arr) || (max_arr == 2 && c == 3);
        eff[i] = by_value ? nd__min_scalar_type(s) : scalar_full_type(s);
        if (!by_value || c != 1 || nd_dtype_kind(eff[i]) != 'u') continue;
        uint64_t u = nd_dtype_kind(s.dtype) == 'i' ? (uint64_t)s.v.i : s.v.u;
        nd_dtype sg = eff[i] == ND_UINT8 ? ND_INT8 : eff[i] == ND_UINT16 ? ND_INT16
                    : eff[i] == ND_UINT32 ? ND_INT32 : ND_INT64;
        uint64_t lim = sg == ND_INT8 ? INT8_MAX : sg == ND_INT16 ? INT16_MAX
                     : sg == ND_INT32 ? INT32_MAX : INT64_MAX;
        if (u > lim) continue;
        if (alt) alt[i] = (int)sg;
        else if (any_signed) eff[i] = sg;
    }
}

bool nd__operand_can_cast(const nd_operand *o, nd_dtype t, nd_casting casting)
{
    if (o->kind == ND_OPK_ARRAY) return nd_can_cast(nd_dtype_of(o->array), t, casting);
    return nd_can_cast(nd__min_scalar_type(o->scalar), t, casting);
}

/* ---- parallel loop nests ------------------------------------------------------------------ */
/* Below this many elements a nest runs on the calling thread. */
#define PAR_MIN_ELEMS ((ptrdiff_t)1 << 17)
/* Target elements per chunk; chunk boundaries depend only on the shape. */
#define PAR_CHUNK_ELEMS ((ptrdiff_t)1 << 16)

typedef struct par_job {
    const nd__nest *n;
    int axis;
    nd__inner_fn fn;
    void *ud;
    atomic_int flags;
    atomic_int loop_code;
    const char *_Atomic loop_msg;
} par_job;

#define PAR_FLAGS (FE_DIVBYZERO | FE_OVERFLOW | FE_UNDERFLOW | FE_INVALID)

static void par_chunk(ptrdiff_t begin, ptrdiff_t end, ptrdiff_t chunk, void *ctx)
{
    (void)chunk;
    par_job *j = ctx;
    nd__nest sub = *j->n;
    sub.shape[j->axis] = end - begin;
    for (int op = 0; op < sub.nop; op++) sub.base[op] += begin * sub.strides[op][j->axis];
    /* FP flags and loop errors are per thread: collect them for the caller */
    feclearexcept(PAR_FLAGS);
    nd__nest_run(&sub, j->fn, j->ud);
    int f = fetestexcept(PAR_FLAGS);
    if (f) atomic_fetch_or(&j->flags, f);
    const char *msg;
    nd_status rc = nd__loop_status(&msg);
    if (rc < 0) {
        int expected = 0;
        if (atomic_compare_exchange_strong(&j->loop_code, &expected, (int)rc))
            atomic_store(&j->loop_msg, msg);
        nd__loop_status_clear();
    }
}

void nd__nest_run_parallel(const nd__nest *n, nd__inner_fn fn, void *ud, unsigned write_mask)
{
    ptrdiff_t total = 1;
    for (int d = 0; d < n->ndim; d++) total *= n->shape[d];
    if (total < PAR_MIN_ELEMS || nd_get_num_threads() < 2) {
        nd__nest_run(n, fn, ud);
        return;
    }
    /* split the outermost axis along which every written operand moves (so chunks write
     * disjoint elements and each output sees its inputs in the serial order) */
    int axis = -1;
    for (int d = 0; d < n->ndim && axis < 0; d++) {
        /* an innermost axis under outer loops is not split: chunks of it would read
         * every outer row in short pieces (measured slower than one thread) */
        bool ok = n->shape[d] > 1 && (d < n->ndim - 1 || n->ndim == 1);
        for (int op = 0; op < n->nop && ok; op++)
            if ((write_mask >> op) & 1) ok = n->strides[op][d] != 0;
        if (ok) axis = d;
    }
    if (axis < 0) {
        nd__nest_run(n, fn, ud);
        return;
    }
    ptrdiff_t inner = total / n->shape[axis];
    ptrdiff_t grain = PAR_CHUNK_ELEMS / (inner ? inner : 1);
    if (grain < 1) grain = 1;
    /* keep split innermost runs long enough to stay vectorised and streaming */
    if (axis == n->ndim - 1 && grain < 1024) grain = 1024;
    if (n->shape[axis] <= grain) {
        nd__nest_run(n, fn, ud);
        return;
    }
    par_job j = { n, axis, fn, ud, 0, 0, NULL };
    nd__parallel_for(n->shape[axis], grain, par_chunk, &j);
    int f = atomic_load(&j.flags);
    if (f) feraiseexcept(f);
    int code = atomic_load(&j.loop_code);
    if (code < 0) nd__loop_fail((nd_status)code, atomic_load(&j.loop_msg));
}
