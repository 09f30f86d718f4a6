/* Reductions on the ufunc loops (NumPy's ufunc.reduce): the output is viewed with
 * zero strides on the reduced axes and the binary loop runs as out = out op in over
 * the input's shape. When a reduced axis is innermost the loop sees its reduce form
 * (one accumulator; pairwise for float add); when a kept axis is innermost it adds
 * whole rows elementwise. Nothing is copied for non-contiguous axes. */
#include "reduce_internal.h"

#include <stdio.h>

nd_status nd__reduce_axes(const nd_array *a, int axis1, const nd_axes *axes, bool *mask,
                          const char *who)
{
    nd_axes given = { 0 };
    const nd_axes *ax = &given;
    if (nd__opt_axes(axis1, axes, &given, who) < 0) return nd_last_error();
    for (int d = 0; d < a->ndim; d++) mask[d] = ax->n == 0;
    if (ax->n < 0 || ax->n > ND_MAXDIMS)
        return nd_set_error(ND_EAXIS, "%s: invalid number of axes %d", who, ax->n);
    for (int i = 0; i < ax->n; i++) {
        int axis = ax->ax[i];
        if (axis < -a->ndim || axis >= a->ndim || a->ndim == 0)
            return nd_set_error(ND_EAXIS, "%s: axis %d is out of bounds for array of dimension %d",
                             who, axis, a->ndim);
        if (axis < 0) axis += a->ndim;
        if (mask[axis]) return nd_set_error(ND_EAXIS, "%s: repeated axis %d", who, ax->ax[i]);
        mask[axis] = true;
    }
    return ND_OK;
}

nd_dtype nd__sum_default_dtype(nd_dtype t)
{
    if (t == ND_BOOL) return ND_INT64;
    if (nd_dtype_kind(t) == 'i') return ND_INT64;
    if (nd_dtype_kind(t) == 'u') return ND_UINT64;
    return t;
}

nd_array *nd__squeeze_reduced(nd_array *out, const bool *mask, bool keepdims)
{
    if (keepdims || !out) return out;
    int k = 0;
    for (int d = 0; d < out->ndim; d++) {
        if (mask[d]) continue;
        out->shape[k] = out->shape[d];
        out->strides[k] = out->strides[d];
        k++;
    }
    out->ndim = k;
    nd__update_flags(out);
    return out;
}

/* ---- the reduction runner -------------------------------------------------------------- */
typedef struct red_ctx {
    nd__loop_fn loop;
    nd_dtype in_dt, t;
    bool cast, has_where;
    unsigned char fill[16]; /* value for masked-out elements */
    char *buf;
} red_ctx;

static void red_direct(char **ptrs, ptrdiff_t len, const ptrdiff_t *strides, void *ud)
{
    red_ctx *r = ud;
    r->loop(ptrs, &len, strides, NULL);
}

#define RED_BUFN 4096

static void red_buffered(char **ptrs, ptrdiff_t len, const ptrdiff_t *strides, void *ud)
{
    red_ctx *r = ud;
    const ptrdiff_t tsz = (ptrdiff_t)nd_dtype_size(r->t);
    for (ptrdiff_t off = 0; off < len; off += RED_BUFN) {
        ptrdiff_t m = len - off < RED_BUFN ? len - off : RED_BUFN;
        nd_cast_strided(r->buf, r->t, tsz, ptrs[1] + off * strides[1], r->in_dt, strides[1], m);
        if (r->has_where) {
            const char *mp = ptrs[3] + off * strides[3];
            for (ptrdiff_t k = 0; k < m; k++)
                if (!*(const bool *)(mp + k * strides[3]))
                    memcpy(r->buf + k * tsz, r->fill, (size_t)tsz);
        }
        char *args[3] = { ptrs[0] + off * strides[0], r->buf, ptrs[2] + off * strides[2] };
        ptrdiff_t steps[3] = { strides[0], tsz, strides[2] };
        r->loop(args, &m, steps, NULL);
    }
}

static nd_scalar identity_value(int id)
{
    switch (id) {
    case ND__ID_ONE: return ND_I64(1);
    case ND__ID_ALLONES: return ND_I64(-1);
    default: return ND_I64(0);
    }
}

/* ---- nd__reduce, phase by phase ----------------------------------------------------------- */

/* The where mask broadcasts to a's shape; *where becomes a bool copy when it is not bool
 * (*wb, which the caller frees). */
static nd_status reduce_check_where(const nd_array *a, const nd_array **where, nd_array **wb,
                                    const char *who)
{
    int nd2;
    ptrdiff_t sh2[ND_MAXDIMS];
    const int nds[2] = { a->ndim, (*where)->ndim };
    const ptrdiff_t *shs[2] = { a->shape, (*where)->shape };
    if (nd__broadcast(2, nds, shs, &nd2, sh2, who) < 0) return nd_last_error();
    bool ok = nd2 == a->ndim;
    for (int k = 0; ok && k < nd2; k++) ok = sh2[k] == a->shape[k];
    if (!ok) {
        char s1[ND_SHAPE_STRLEN], s2[ND_SHAPE_STRLEN];
        return nd_set_error(ND_ESHAPE, "%s: where mask of shape %s does not broadcast to %s",
                            who, nd__shape_str(s1, sizeof s1, (*where)->ndim, (*where)->shape),
                            nd__shape_str(s2, sizeof s2, a->ndim, a->shape));
    }
    if ((*where)->dtype != ND_BOOL) {
        *wb = nd_astype(*where, ND_BOOL, ND_CAST_UNSAFE);
        if (!*wb) return nd_last_error();
        *where = *wb;
    }
    return ND_OK;
}

/* The starting value of out: opts->initial, the identity, or (idempotent functions) the
 * first item along the reduced axes (*first, a view the caller frees). r->fill is what a
 * masked-out element contributes. */
static nd_status reduce_start(nd_array *out, const nd_array *a, const bool *mask,
                              const ptrdiff_t *oshape, bool empty_reduce, bool masked,
                              const nd__ufunc_def *d, const nd_reduce_opts *opts, red_ctx *r,
                              nd_array **first, const char *who)
{
    if (opts->initial) {
        if (nd_fill(out, *opts->initial) < 0) return nd_last_error();
        /* a masked-out element contributes the identity (initial counts once), or for the
         * idempotent functions without one the initial value itself */
        nd__scalar_store(r->fill, r->t, d->identity != ND__ID_NONE ? identity_value(d->identity)
                                                                  : *opts->initial);
        return ND_OK;
    }
    if (d->identity != ND__ID_NONE) {
        nd_scalar id = identity_value(d->identity);
        if (nd_fill(out, id) < 0) return nd_last_error();
        nd__scalar_store(r->fill, r->t, id);
        return ND_OK;
    }
    if (empty_reduce && nd_size(out) > 0)
        return nd_set_error(ND_EVALUE,
                            "%s: zero-size array to reduction operation %s which has no identity",
                            who, d->name);
    if (masked)
        return nd_set_error(ND_EVALUE,
                            "%s: reduction operation '%s' has no identity, so a where mask needs "
                            "an initial value", who, d->name);
    if (nd_size(out) > 0) {
        ptrdiff_t fst[ND_MAXDIMS];
        for (int k = 0; k < a->ndim; k++) fst[k] = mask[k] ? 0 : a->strides[k];
        *first = nd__view_of(a, a->ndim, oshape, fst, a->data, a->dtype);
        if (!*first || nd__copy_into(out, *first) < 0) return nd_last_error();
    }
    return ND_OK;
}

/* The nest: out (zero strides on reduced axes), in, out, [mask]. */
static void reduce_nest(nd__nest *nest, nd_array *out, const nd_array *a, const bool *mask,
                        const nd_array *where)
{
    nest->nop = where ? 4 : 3;
    nest->ndim = a->ndim;
    memcpy(nest->shape, a->shape, sizeof(ptrdiff_t) * (size_t)a->ndim);
    for (int k = 0; k < a->ndim; k++) {
        nest->strides[0][k] = mask[k] ? 0 : out->strides[k];
        nest->strides[1][k] = a->strides[k];
        nest->strides[2][k] = nest->strides[0][k];
    }
    nest->base[0] = nest->base[2] = out->data;
    nest->base[1] = a->data;
    if (where) {
        nest->base[3] = where->data;
        int off = a->ndim - where->ndim;
        for (int k = 0; k < a->ndim; k++) {
            int wd = k - off;
            nest->strides[3][k] = (wd < 0 || where->shape[wd] == 1) ? 0 : where->strides[wd];
        }
    }
    if (a->ndim == 0) {
        nest->ndim = 1;
        nest->shape[0] = 1;
        for (int op = 0; op < nest->nop; op++) nest->strides[op][0] = 0;
    }
    nd__nest_optimize(nest, 1);
}

/* Run the reduction loop (buffered when a cast or a mask is involved), then report a
 * loop error or a floating-point error. */
static nd_status reduce_run(const nd__nest *nest, red_ctx *r, nd_ufunc f, const char *who)
{
    nd__loop_begin();
    if (r->cast || r->has_where) {
        r->buf = nd_malloc(RED_BUFN * 16, who);
        if (!r->buf) return nd_last_error();
        nd__nest_run(nest, red_buffered, r);
        nd_free_mem(r->buf);
        r->buf = NULL;
    } else {
        nd__nest_run_parallel(nest, red_direct, r, 1u | 4u);
    }
    return nd__loop_finish(f, who);
}

nd_array *nd__reduce(nd_ufunc f, const nd__loop_fn *loops, const nd_array *a,
                     const nd_reduce_opts *o, int t_in, nd_casting casting, const char *who)
{
    if (a && nd_dtype_is_flexible((int)a->dtype)) /* dates and strings reduce elsewhere */
        return ND_FAIL(ND_EDTYPE, "%s: reduction not supported for %s", who, nd_dtype_name(a->dtype));
    const nd__ufunc_def *d = &nd__ufuncs[f];
    const nd_reduce_opts opts = o ? *o : ND_REDUCE_DEFAULTS;
    bool mask[ND_MAXDIMS];
    nd_array *out = NULL, *first = NULL, *wb = NULL;
    const nd_array *where = opts.where;
    if (!loops) loops = d->loops;

    /* the loop and the axes */
    if (!a) return ND_FAIL(ND_EVALUE, "%s: input is NULL", who);
    if (nd__reduce_axes(a, opts.axis, &opts.axes, mask, who) < 0) return NULL;
    if (opts.dtype && !nd_dtype_is_numeric(opts.dtype))
        return ND_FAIL(ND_EDTYPE, "%s: invalid dtype %d", who, opts.dtype);
    nd_dtype t = opts.dtype ? (nd_dtype)opts.dtype : (nd_dtype)t_in;
    if (nd__need_numeric(a->dtype, who) < 0 || nd__need_numeric(t, who) < 0) return NULL;
    if (!loops[t])
        return ND_FAIL(ND_EDTYPE, "%s: reduction '%s' not supported for dtype %s", who,
                       d->name, nd_dtype_name(t));
    if (!nd_can_cast(a->dtype, t, casting))
        return ND_FAIL(ND_EDTYPE,
                       "%s: cannot cast %s to %s with casting rule '%s'", who,
                       nd_dtype_name(a->dtype), nd_dtype_name(t), nd_casting_name(casting));

    /* the output's shape (keepdims) and the mask */
    ptrdiff_t oshape[ND_MAXDIMS];
    bool empty_reduce = false;
    for (int k = 0; k < a->ndim; k++) {
        oshape[k] = mask[k] ? 1 : a->shape[k];
        if (mask[k] && a->shape[k] == 0) empty_reduce = true;
    }
    if (where && reduce_check_where(a, &where, &wb, who) < 0) return NULL;

    /* output, starting value, nest, run */
    red_ctx r = { .loop = loops[t], .in_dt = a->dtype, .t = t,
                  .cast = a->dtype != t || !nd__aligned(a), .has_where = where != NULL };
    out = nd__alloc(a->ndim, oshape, t, false, who);
    bool ok = out && reduce_start(out, a, mask, oshape, empty_reduce, where != NULL, d, &opts,
                                  &r, &first, who) == ND_OK;
    if (ok) {
        nd__nest nest;
        reduce_nest(&nest, out, a, mask, where);
        ok = reduce_run(&nest, &r, f, who) >= 0;
    }
    nd_free(first);
    nd_free(wb);
    if (!ok) {
        nd_free(out);
        return NULL;
    }
    return nd__squeeze_reduced(out, mask, opts.keepdims);
}

/* ---- the public reductions ------------------------------------------------------------- */
static bool check_in(const nd_array *a, const char *who)
{
    if (a) return true;
    nd_set_error(ND_EVALUE, "%s: input is NULL", who);
    return false;
}

nd_array *nd_sum_(const nd_array *a, const nd_reduce_opts *o)
{
    if (!check_in(a, "nd_sum")) return NULL;
    if (nd_dtype_is_datetime(a->dtype) || nd_dtype_is_timedelta(a->dtype)) /* core/datetime */
        return nd__dt_reduce_sum_mean(a, o, false);
    return nd__reduce(ND_UF_ADD, NULL, a, o, nd__sum_default_dtype(a->dtype),
                      ND_CAST_SAME_KIND, "nd_sum");
}

nd_array *nd_prod_(const nd_array *a, const nd_reduce_opts *o)
{
    if (!check_in(a, "nd_prod")) return NULL;
    return nd__reduce(ND_UF_MULTIPLY, NULL, a, o, nd__sum_default_dtype(a->dtype),
                      ND_CAST_SAME_KIND, "nd_prod");
}

nd_array *nd_amin_(const nd_array *a, const nd_reduce_opts *o)
{
    if (!check_in(a, "nd_amin")) return NULL;
    if (nd_dtype_is_datetime(a->dtype) || nd_dtype_is_timedelta(a->dtype)) /* core/datetime */
        return nd__dt_reduce_minmax(a, o, 0);
    return nd__reduce(ND_UF_MINIMUM, NULL, a, o, a->dtype, ND_CAST_SAME_KIND, "nd_amin");
}

nd_array *nd_amax_(const nd_array *a, const nd_reduce_opts *o)
{
    if (!check_in(a, "nd_amax")) return NULL;
    if (nd_dtype_is_datetime(a->dtype) || nd_dtype_is_timedelta(a->dtype)) /* core/datetime */
        return nd__dt_reduce_minmax(a, o, 1);
    return nd__reduce(ND_UF_MAXIMUM, NULL, a, o, a->dtype, ND_CAST_SAME_KIND, "nd_amax");
}

/* all / any: the input is read as truth values (bool cast), the result is bool. */
static nd_array *logical_reduce(nd_ufunc f, const nd_array *a, const nd_reduce_opts *o,
                                const char *who)
{
    if (!check_in(a, who)) return NULL;
    nd_reduce_opts opts = o ? *o : ND_REDUCE_DEFAULTS;
    if (opts.dtype && opts.dtype != ND_BOOL)
        return ND_FAIL(ND_EDTYPE, "%s: the result dtype is bool", who);
    opts.dtype = 0;
    return nd__reduce(f, NULL, a, &opts, ND_BOOL, ND_CAST_UNSAFE, who);
}

nd_array *nd_all_(const nd_array *a, const nd_reduce_opts *o)
{
    return logical_reduce(ND_UF_LOGICAL_AND, a, o, "nd_all");
}

nd_array *nd_any_(const nd_array *a, const nd_reduce_opts *o)
{
    return logical_reduce(ND_UF_LOGICAL_OR, a, o, "nd_any");
}

nd_array *nd_count_nonzero_(const nd_array *a, const nd_reduce_opts *o)
{
    if (!check_in(a, "nd_count_nonzero")) return NULL;
    nd_reduce_opts opts = o ? *o : ND_REDUCE_DEFAULTS;
    opts.dtype = ND_INT64;
    opts.initial = NULL;
    nd_array *b = a->dtype == ND_BOOL ? nd_ref(a) : nd_astype(a, ND_BOOL, ND_CAST_UNSAFE);
    if (!b) return NULL;
    nd_array *r = nd__reduce(ND_UF_ADD, NULL, b, &opts, ND_INT64, ND_CAST_SAME_KIND,
                             "nd_count_nonzero");
    nd_free(b);
    return r;
}

nd_array *nd_ptp_(const nd_array *a, const nd_reduce_opts *o)
{
    nd_array *hi = nd_amax_(a, o);
    if (!hi) return NULL;
    nd_array *lo = nd_amin_(a, o);
    if (!lo) {
        nd_free(hi);
        return NULL;
    }
    nd_status rc = nd_subtract_into(hi, hi, lo, .casting = ND_CAST_UNSAFE);
    nd_free(lo);
    if (rc < 0) {
        nd_free(hi);
        return NULL;
    }
    return hi;
}

nd_array *nd_nansum_(const nd_array *a, const nd_reduce_opts *o)
{
    if (!check_in(a, "nd_nansum")) return NULL;
    return nd__reduce(ND_UF_ADD, nd__loops_nanadd, a, o, nd__sum_default_dtype(a->dtype),
                      ND_CAST_SAME_KIND, "nd_nansum");
}

nd_array *nd_nanprod_(const nd_array *a, const nd_reduce_opts *o)
{
    if (!check_in(a, "nd_nanprod")) return NULL;
    return nd__reduce(ND_UF_MULTIPLY, nd__loops_nanmultiply, a, o,
                      nd__sum_default_dtype(a->dtype), ND_CAST_SAME_KIND, "nd_nanprod");
}

/* nanmin / nanmax: fmin / fmax skip NaN; an all-NaN slice stays NaN and is reported
 * as an invalid value (NumPy's "All-NaN slice encountered" warning). */
static nd_array *nan_extreme(nd_ufunc f, const nd_array *a, const nd_reduce_opts *o,
                             const char *who)
{
    if (!check_in(a, who)) return NULL;
    nd_array *r = nd__reduce(f, NULL, a, o, a->dtype, ND_CAST_SAME_KIND, who);
    if (!r || !(nd_dtype_is_float(r->dtype) || nd_dtype_is_complex(r->dtype))) return r;
    nd_array *nan = nd_isnan(r);
    if (!nan) {
        nd_free(r);
        return NULL;
    }
    nd_array *any = nd_any(nan);
    bool found = any && nd_item_bool(any);
    nd_free(any);
    nd_free(nan);
    if (found && nd__fpe_report(ND_FPE_INVALID, who) < 0) {
        nd_free(r);
        return NULL;
    }
    return r;
}

nd_array *nd_nanmin_(const nd_array *a, const nd_reduce_opts *o)
{
    return nan_extreme(ND_UF_FMIN, a, o, "nd_nanmin");
}

nd_array *nd_nanmax_(const nd_array *a, const nd_reduce_opts *o)
{
    return nan_extreme(ND_UF_FMAX, a, o, "nd_nanmax");
}
