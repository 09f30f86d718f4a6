/* argmin/argmax (and nan-variants) along one axis, and the running reductions cumsum /
 * cumprod (and nan-variants), which reuse the binary add/multiply loops in place. */
#include "reduce_internal.h"

/* ---- index kernels: first extreme; NaN wins (plain) or is skipped (nan) --------------- */
typedef ptrdiff_t (*arg_fn)(const char *p, ptrdiff_t n, ptrdiff_t s);

#define ISNAN_R(v) ((v) != (v))
/* name: the first index where `v OP best` holds over the run; a NaN returns its index */
#define ARG_FIRST(name, T, OP)                                                           \
    static ptrdiff_t name(const char *p, ptrdiff_t n, ptrdiff_t s)                      \
    {                                                                                   \
        T best = *(const T *)p;                                                         \
        ptrdiff_t bi = 0;                                                               \
        if (ISNAN_R(best)) return 0;                                                    \
        for (ptrdiff_t i = 1; i < n; i++) {                                             \
            T v = *(const T *)(p + i * s);                                              \
            if (ISNAN_R(v)) return i;                                                   \
            if (v OP best) {                                                            \
                best = v;                                                               \
                bi = i;                                                                 \
            }                                                                           \
        }                                                                               \
        return bi;                                                                      \
    }
/* the same over the non-NaN values; -1 when all are NaN */
#define ARG_NANFIRST(name, T, OP)                                                        \
    static ptrdiff_t name(const char *p, ptrdiff_t n, ptrdiff_t s)                      \
    {                                                                                   \
        T best = 0;                                                                     \
        ptrdiff_t bi = -1;                                                              \
        for (ptrdiff_t i = 0; i < n; i++) {                                             \
            T v = *(const T *)(p + i * s);                                              \
            if (ISNAN_R(v)) continue;                                                   \
            if (bi < 0 || v OP best) {                                                  \
                best = v;                                                               \
                bi = i;                                                                 \
            }                                                                           \
        }                                                                               \
        return bi;                                                                      \
    }
#define ARG_REAL(E, T, UT, sfx)                                                          \
    ARG_FIRST(argmax_##sfx, T, >)                                                       \
    ARG_FIRST(argmin_##sfx, T, <)                                                       \
    ARG_NANFIRST(nanargmax_##sfx, T, >)                                                 \
    ARG_NANFIRST(nanargmin_##sfx, T, <)
ND__BOOL_TYPE(ARG_REAL)
ND__INT_TYPES(ARG_REAL)

/* Floats: contiguous data goes block by block — a vectorised extreme of each block
 * (NaN propagating), then a scan of the one block that improved on the best so far
 * for its first index — so one pass does the work at SIMD speed. */
#define ARG_BLOCK 2048
#define ARG_FLOAT(E, T, UT, sfx)                                                         \
    static ptrdiff_t arg_blocks_##sfx(const T *p, ptrdiff_t n, bool mx)                 \
    {                                                                                   \
        /* the block holding the first extreme: later blocks win only when strictly   \
         * better, so it is found once, at the end */                                  \
        T best = p[0];                                                                  \
        ptrdiff_t bb = 0;                                                               \
        for (ptrdiff_t b = 0; b < n; b += ARG_BLOCK) {                                  \
            ptrdiff_t m = n - b < ARG_BLOCK ? n - b : ARG_BLOCK;                        \
            T e = mx ? nd__max_run_##sfx(p + b, m) : nd__min_run_##sfx(p + b, m);               \
            if (e != e) {                                                               \
                for (ptrdiff_t j = 0; j < m; j++)                                       \
                    if (p[b + j] != p[b + j]) return b + j;                             \
            }                                                                           \
            if (mx ? e > best : e < best) {                                             \
                best = e;                                                               \
                bb = b;                                                                 \
            }                                                                           \
        }                                                                               \
        for (ptrdiff_t j = bb; j < n; j++)                                              \
            if (p[j] == best) return j;                                                 \
        return 0;                                                                       \
    }
ND__FLOAT_TYPES(ARG_FLOAT)
ND__FLOAT_TYPES(ARG_REAL)
/* contiguous float data takes the block path */
#define ARG_FAST(E, T, UT, sfx)                                                          \
    static ptrdiff_t argmax_fast_##sfx(const char *p, ptrdiff_t n, ptrdiff_t s)         \
    {                                                                                   \
        return s == (ptrdiff_t)sizeof(T) && (uintptr_t)p % sizeof(T) == 0               \
                   ? arg_blocks_##sfx((const T *)p, n, true) : argmax_##sfx(p, n, s);   \
    }                                                                                   \
    static ptrdiff_t argmin_fast_##sfx(const char *p, ptrdiff_t n, ptrdiff_t s)         \
    {                                                                                   \
        return s == (ptrdiff_t)sizeof(T) && (uintptr_t)p % sizeof(T) == 0               \
                   ? arg_blocks_##sfx((const T *)p, n, false) : argmin_##sfx(p, n, s);  \
    }
ND__FLOAT_TYPES(ARG_FAST)

#define CNAN(v) (isnan((v).re) || isnan((v).im))
#define CGT(a, b) ((a).re > (b).re || ((a).re == (b).re && (a).im > (b).im))
#define CLT(a, b) ((a).re < (b).re || ((a).re == (b).re && (a).im < (b).im))
#define ARG_CPLX(E, T, RT, sfx)                                                          \
    static ptrdiff_t arg_c_##sfx(const char *p, ptrdiff_t n, ptrdiff_t s, bool mx,      \
                                 bool skip)                                             \
    {                                                                                   \
        T best = { 0, 0 };                                                              \
        ptrdiff_t bi = -1;                                                              \
        for (ptrdiff_t i = 0; i < n; i++) {                                             \
            T v = *(const T *)(p + i * s);                                              \
            if (CNAN(v)) {                                                              \
                if (skip) continue;                                                     \
                return i;                                                               \
            }                                                                           \
            if (bi < 0 || (mx ? CGT(v, best) : CLT(v, best))) {                         \
                best = v;                                                               \
                bi = i;                                                                 \
            }                                                                           \
        }                                                                               \
        return bi;                                                                      \
    }                                                                                   \
    static ptrdiff_t argmax_##sfx(const char *p, ptrdiff_t n, ptrdiff_t s)              \
    { return arg_c_##sfx(p, n, s, true, false); }                                        \
    static ptrdiff_t argmin_##sfx(const char *p, ptrdiff_t n, ptrdiff_t s)              \
    { return arg_c_##sfx(p, n, s, false, false); }                                       \
    static ptrdiff_t nanargmax_##sfx(const char *p, ptrdiff_t n, ptrdiff_t s)           \
    { return arg_c_##sfx(p, n, s, true, true); }                                         \
    static ptrdiff_t nanargmin_##sfx(const char *p, ptrdiff_t n, ptrdiff_t s)           \
    { return arg_c_##sfx(p, n, s, false, true); }
ND__COMPLEX_TYPES(ARG_CPLX)

#define ARG_ROW(op)                                                                      \
    { [ND_BOOL] = op##_b, [ND_INT8] = op##_i8, [ND_INT16] = op##_i16,                   \
      [ND_INT32] = op##_i32, [ND_INT64] = op##_i64, [ND_UINT8] = op##_u8,               \
      [ND_UINT16] = op##_u16, [ND_UINT32] = op##_u32, [ND_UINT64] = op##_u64,           \
      [ND_FLOAT32] = op##_f32, [ND_FLOAT64] = op##_f64, [ND_COMPLEX64] = op##_c64,      \
      [ND_COMPLEX128] = op##_c128 }
static const arg_fn arg_tables[4][ND_NTYPES] = {
    ARG_ROW(argmin), ARG_ROW(argmax), ARG_ROW(nanargmin), ARG_ROW(nanargmax)
};
static const arg_fn arg_fast[2][ND_NTYPES] = {
    { [ND_FLOAT32] = argmin_fast_f32, [ND_FLOAT64] = argmin_fast_f64 },
    { [ND_FLOAT32] = argmax_fast_f32, [ND_FLOAT64] = argmax_fast_f64 },
};

typedef struct arg_ctx {
    arg_fn fn;
    ptrdiff_t n, s;
    bool all_nan;
} arg_ctx;

static void arg_inner(char **ptrs, ptrdiff_t len, const ptrdiff_t *strides, void *ud)
{
    arg_ctx *c = ud;
    for (ptrdiff_t i = 0; i < len; i++) {
        ptrdiff_t k = c->fn(ptrs[0] + i * strides[0], c->n, c->s);
        if (k < 0) {
            c->all_nan = true;
            k = 0;
        }
        *(int64_t *)(ptrs[1] + i * strides[1]) = (int64_t)k;
    }
}

/* The array a one-axis function walks and the axis in it: `a` itself (a new reference)
 * with opts->axis normalised, or a raveled `a` and axis 0 when no axis is given (then
 * *flat is true). NULL with the error set for more than one axis or a bad one. */
static nd_array *one_axis_src(const nd_array *a, const nd_reduce_opts *opts, int *axis,
                              bool *flat, const char *who)
{
    nd_axes given = { 0 };
    if (nd__opt_axes(opts->axis, &opts->axes, &given, who) < 0) return NULL;
    if (given.n > 1) return ND_FAIL(ND_EAXIS, "%s: takes a single axis", who);
    *flat = given.n == 0;
    *axis = 0;
    if (*flat) return nd_ravel(a);
    *axis = given.ax[0];
    if (nd__norm_axis(axis, a->ndim, who) < 0) return NULL;
    return nd_ref(a);
}

static nd_array *arg_impl(const nd_array *a, const nd_reduce_opts *o, int which,
                          const char *who)
{
    static const char *const names[4] = { "argmin", "argmax", "nanargmin", "nanargmax" };
    if (!a) return ND_FAIL(ND_EVALUE, "%s: input is NULL", who);
    if ((nd_dtype_is_datetime(a->dtype) || nd_dtype_is_timedelta(a->dtype)) && which < 2) /* core/datetime */
        return nd__dt_reduce_minmax(a, o, 2 + which);
    if (nd_dtype_is_flexible((int)a->dtype))
        return ND_FAIL(ND_EDTYPE, "%s: not supported for %s", who, nd_dtype_name(a->dtype));
    const nd_reduce_opts opts = o ? *o : ND_REDUCE_DEFAULTS;
    int axis = 0;
    bool flat = false;
    nd_array *src = one_axis_src(a, &opts, &axis, &flat, who), *out = NULL;
    if (!src) return NULL;
    const ptrdiff_t n = src->shape[axis];
    if (nd__need_numeric(src->dtype, who) < 0) goto fail;
    if (n == 0) {
        nd_set_error(ND_EVALUE, "%s: attempt to get %s of an empty sequence", who, names[which]);
        goto fail;
    }
    /* result: src's shape without `axis` */
    ptrdiff_t oshape[ND_MAXDIMS];
    int ond = 0;
    nd__nest nest;
    nest.nop = 2;
    for (int d = 0; d < src->ndim; d++) {
        if (d == axis) continue;
        oshape[ond] = src->shape[d];
        nest.shape[ond] = src->shape[d];
        nest.strides[0][ond] = src->strides[d];
        ond++;
    }
    out = nd__alloc(ond, oshape, ND_INT64, false, who);
    if (!out) goto fail;
    for (int d = 0; d < ond; d++) nest.strides[1][d] = out->strides[d];
    nest.ndim = ond;
    nest.base[0] = src->data;
    nest.base[1] = out->data;
    if (ond == 0) {
        nest.ndim = 1;
        nest.shape[0] = 1;
        nest.strides[0][0] = nest.strides[1][0] = 0;
    }
    nd__nest_optimize(&nest, 0);
    arg_fn fn = which < 2 && arg_fast[which][src->dtype] ? arg_fast[which][src->dtype]
                                                          : arg_tables[which][src->dtype];
    arg_ctx c = { fn, n, src->strides[axis], false };
    nd__nest_run(&nest, arg_inner, &c);
    if (c.all_nan) {
        nd_set_error(ND_EVALUE, "%s: All-NaN slice encountered", who);
        goto fail;
    }
    if (opts.keepdims) {
        /* a fresh C-contiguous array: insert the length-1 axes by editing the header */
        ptrdiff_t sh[ND_MAXDIMS];
        int k = 0;
        for (int d = 0; d < a->ndim; d++)
            sh[d] = (flat || d == axis) ? 1 : out->shape[k++];
        nd_array *r = nd_reshape(out, a->ndim, sh);
        nd_free(out);
        out = r;
    }
    nd_free(src);
    return out;
fail:
    nd_free(src);
    nd_free(out);
    return NULL;
}

nd_array *nd_argmin_(const nd_array *a, const nd_reduce_opts *o) { return arg_impl(a, o, 0, "nd_argmin"); }
nd_array *nd_argmax_(const nd_array *a, const nd_reduce_opts *o) { return arg_impl(a, o, 1, "nd_argmax"); }
nd_array *nd_nanargmin_(const nd_array *a, const nd_reduce_opts *o) { return arg_impl(a, o, 2, "nd_nanargmin"); }
nd_array *nd_nanargmax_(const nd_array *a, const nd_reduce_opts *o) { return arg_impl(a, o, 3, "nd_nanargmax"); }

/* ---- cumulative ------------------------------------------------------------------------ */
/* NaN → v in place over a fresh C-contiguous float or complex array. */
static void nan_fill(nd_array *a, double v)
{
    const ptrdiff_t n = a->size * (nd_dtype_is_complex(a->dtype) ? 2 : 1);
    const bool cplx = nd_dtype_is_complex(a->dtype);
    if (a->dtype == ND_FLOAT64 || a->dtype == ND_COMPLEX128) {
        double *p = (double *)a->data;
        for (ptrdiff_t i = 0; i < n; i += cplx ? 2 : 1) {
            if (cplx ? (isnan(p[i]) || isnan(p[i + 1])) : isnan(p[i])) {
                p[i] = v;
                if (cplx) p[i + 1] = 0;
            }
        }
    } else if (a->dtype == ND_FLOAT32 || a->dtype == ND_COMPLEX64) {
        float *p = (float *)a->data;
        for (ptrdiff_t i = 0; i < n; i += cplx ? 2 : 1) {
            if (cplx ? (isnan(p[i]) || isnan(p[i + 1])) : isnan(p[i])) {
                p[i] = (float)v;
                if (cplx) p[i + 1] = 0;
            }
        }
    }
}

typedef struct cum_ctx {
    nd__loop_fn loop;
    ptrdiff_t n, s;
} cum_ctx;

/* One lane p[0], p[s], ...: p[i] = p[i-1] op p[i], in order (the loop reads input 0
 * one element behind the output, which plain C semantics keep sequential). */
static void cum_lanes(char **ptrs, ptrdiff_t len, const ptrdiff_t *strides, void *ud)
{
    cum_ctx *c = ud;
    const ptrdiff_t m = c->n - 1;
    const ptrdiff_t steps[3] = { c->s, c->s, c->s };
    for (ptrdiff_t i = 0; i < len; i++) {
        char *p = ptrs[0] + i * strides[0];
        char *args[3] = { p, p + c->s, p + c->s };
        c->loop(args, &m, steps, NULL);
    }
}

static void cum_rows(char **ptrs, ptrdiff_t len, const ptrdiff_t *strides, void *ud)
{
    cum_ctx *c = ud;
    c->loop(ptrs, &len, strides, NULL);
}

static nd_array *cum_impl(const nd_array *a, const nd_reduce_opts *o, nd_ufunc f, bool nan,
                          const char *who)
{
    if (!a) return ND_FAIL(ND_EVALUE, "%s: input is NULL", who);
    const nd_reduce_opts opts = o ? *o : ND_REDUCE_DEFAULTS;
    if (opts.dtype && !nd_dtype_is_numeric(opts.dtype))
        return ND_FAIL(ND_EDTYPE, "%s: invalid dtype %d", who, opts.dtype);
    nd_dtype t = opts.dtype ? (nd_dtype)opts.dtype : nd__sum_default_dtype(a->dtype);
    if (nd__need_numeric(a->dtype, who) < 0 || nd__need_numeric(t, who) < 0) return NULL;
    const nd__loop_fn loop = nd__ufuncs[f].loops[t];
    if (!loop) return ND_FAIL(ND_EDTYPE, "%s: not supported for dtype %s", who, nd_dtype_name(t));
    int axis = 0;
    bool flat = false;
    nd_array *src = one_axis_src(a, &opts, &axis, &flat, who), *out = NULL;
    if (!src) return NULL;
    out = nd__alloc(src->ndim, src->shape, t, false, who);
    if (!out || nd__copy_into(out, src) < 0) goto fail;
    nd_free(src);
    src = NULL;
    if (nan) nan_fill(out, f == ND_UF_ADD ? 0.0 : 1.0);
    const ptrdiff_t n = out->shape[axis];
    if (out->size == 0 || n < 2) return out;

    cum_ctx c = { loop, n, out->strides[axis] };
    nd__nest nest;
    nd__fpe_clear();
    if (axis == out->ndim - 1) {
        nest.nop = 1;
        nest.ndim = out->ndim - 1;
        for (int d = 0; d < nest.ndim; d++) {
            nest.shape[d] = out->shape[d];
            nest.strides[0][d] = out->strides[d];
        }
        nest.base[0] = out->data;
        if (nest.ndim == 0) {
            nest.ndim = 1;
            nest.shape[0] = 1;
            nest.strides[0][0] = 0;
        }
        nd__nest_optimize(&nest, 0);
        nd__nest_run(&nest, cum_lanes, &c);
    } else {
        /* row i += row i-1, each row a long contiguous run of the C-ordered output */
        for (ptrdiff_t i = 1; i < n; i++) {
            nest.nop = 3;
            nest.ndim = 0;
            for (int d = 0; d < out->ndim; d++) {
                if (d == axis) continue;
                nest.shape[nest.ndim] = out->shape[d];
                for (int op = 0; op < 3; op++) nest.strides[op][nest.ndim] = out->strides[d];
                nest.ndim++;
            }
            nest.base[0] = out->data + (i - 1) * c.s;
            nest.base[1] = nest.base[2] = out->data + i * c.s;
            nd__nest_optimize(&nest, 0);
            nd__nest_run(&nest, cum_rows, &c);
        }
    }
    if (nd__fpe_check(who) < 0) goto fail;
    return out;
fail:
    nd_free(src);
    nd_free(out);
    return NULL;
}

nd_array *nd_cumsum_(const nd_array *a, const nd_reduce_opts *o)
{
    return cum_impl(a, o, ND_UF_ADD, false, "nd_cumsum");
}

nd_array *nd_cumprod_(const nd_array *a, const nd_reduce_opts *o)
{
    return cum_impl(a, o, ND_UF_MULTIPLY, false, "nd_cumprod");
}

nd_array *nd_nancumsum_(const nd_array *a, const nd_reduce_opts *o)
{
    return cum_impl(a, o, ND_UF_ADD, true, "nd_nancumsum");
}

nd_array *nd_nancumprod_(const nd_array *a, const nd_reduce_opts *o)
{
    return cum_impl(a, o, ND_UF_MULTIPLY, true, "nd_nancumprod");
}
