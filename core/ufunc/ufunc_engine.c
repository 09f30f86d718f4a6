/* The ufunc engine: loop selection, broadcasting, output allocation and checks,
 * overlap handling, the where mask, buffered casting, and the FP error check.
 * Loops see one long inner dimension whenever the operands allow it: axes are
 * ordered by the output's strides and merged before iterating. */
#include "ufunc_internal.h"

#include <stdalign.h>
#include <stdio.h>
#if defined(__x86_64__) && defined(__SSE2__)
#include <emmintrin.h>
#endif

/* Elements per buffered chunk: small enough for L1/L2, large enough to amortise. */
#define ND__BUFN 2048

static const nd_dtype search_order[ND_NTYPES] = {
    ND_BOOL, ND_INT8, ND_UINT8, ND_INT16, ND_UINT16, ND_INT32, ND_UINT32,
    ND_INT64, ND_UINT64, ND_FLOAT32, ND_FLOAT64, ND_COMPLEX64, ND_COMPLEX128,
};

static nd_dtype real_of(nd_dtype t)
{
    return t == ND_COMPLEX64 ? ND_FLOAT32 : t == ND_COMPLEX128 ? ND_FLOAT64 : t;
}

nd_dtype nd__ufunc_outtype(nd_ufunc f, nd_dtype t)
{
    switch (nd__ufuncs[f].outkind) {
    case ND__OUT_BOOL: return ND_BOOL;
    case ND__OUT_REAL: return real_of(t);
    default: return t;
    }
}

static void types_str(char *buf, size_t cap, int n, const nd_dtype *t)
{
    size_t k = 0;
    buf[0] = '\0';
    for (int i = 0; i < n && k < cap; i++)
        k += (size_t)snprintf(buf + k, cap - k, "%s%s", i ? ", " : "", nd_dtype_name(t[i]));
}

int nd__ufunc_resolve(nd_ufunc f, const nd__loop_fn *loops, const nd_operand *in,
                      int forced, nd_casting casting, const char *who)
{
    const nd__ufunc_def *d = &nd__ufuncs[f];
    const int nin = d->nin;
    nd_dtype eff[ND__NEST_MAXOP];
    int alt[ND__NEST_MAXOP];
    if (!loops) loops = d->loops;
    nd__effective_types(nin, in, eff, d->uniform ? NULL : alt);
    if (d->uniform)
        for (int i = 0; i < nin; i++) alt[i] = -1;

    if (d->no_bool) {
        bool allbool = true;
        for (int i = 0; i < nin; i++) allbool = allbool && eff[i] == ND_BOOL;
        if (allbool) {
            nd_set_error(ND_EDTYPE, "%s: the numpy boolean %s is not supported", who, d->name);
            return -1;
        }
    }
    if (forced) {
        nd_dtype t = (nd_dtype)forced;
        if (d->outkind == ND__OUT_REAL && !nd_dtype_is_complex(t)) {
            for (int i = 0; i < nin; i++)
                if (nd_dtype_is_complex(eff[i]))
                    t = t == ND_FLOAT32 ? ND_COMPLEX64 : ND_COMPLEX128;
        }
        if (!loops[t]) {
            nd_set_error(ND_EDTYPE, "%s: no loop for dtype %s (ufunc '%s')", who,
                      nd_dtype_name(t), d->name);
            return -1;
        }
        for (int i = 0; i < nin; i++) {
            if (!nd_can_cast(eff[i], t, casting)) {
                nd_set_error(ND_EDTYPE,
                          "%s: cannot cast ufunc '%s' input %d from %s to %s with casting "
                          "rule '%s'", who, d->name, i, nd_dtype_name(eff[i]),
                          nd_dtype_name(t), nd_casting_name(casting));
                return -1;
            }
        }
        return (int)t;
    }
    if (d->resolver == ND__RES_FLOATINT && loops[ND_FLOAT64]) {
        bool allint = true;
        for (int i = 0; i < nin; i++) allint = allint && nd__kind_cat(eff[i]) <= 1;
        if (allint) return ND_FLOAT64;
    }
    for (int k = 0; k < ND_NTYPES; k++) {
        nd_dtype t = search_order[k];
        if (!loops[t]) continue;
        bool ok = true;
        for (int i = 0; i < nin && ok; i++)
            ok = nd_can_cast(eff[i], t, ND_CAST_SAFE) ||
                 (alt[i] >= 0 && nd_can_cast((nd_dtype)alt[i], t, ND_CAST_SAFE));
        if (ok) return (int)t;
    }
    char ts[128];
    types_str(ts, sizeof ts, nin, eff);
    nd_set_error(ND_EDTYPE, "%s: ufunc '%s' not supported for the input types (%s)", who,
              d->name, ts);
    return -1;
}

/* ---- shapes ------------------------------------------------------------------------------ */
static nd_status broadcast_into(int *ndim, ptrdiff_t *shape, int an, const ptrdiff_t *as)
{
    if (an > *ndim) {
        int shift = an - *ndim;
        for (int d = *ndim - 1; d >= 0; d--) shape[d + shift] = shape[d];
        for (int d = 0; d < shift; d++) shape[d] = 1;
        *ndim = an;
    }
    for (int d = 0; d < an; d++) {
        ptrdiff_t *s = &shape[*ndim - an + d];
        if (as[d] == *s || as[d] == 1) continue;
        if (*s == 1) *s = as[d];
        else return ND_ESHAPE;
    }
    return ND_OK;
}

static void shapes_msg(char *buf, size_t cap, int n, const nd_array *const *arr)
{
    size_t k = 0;
    buf[0] = '\0';
    for (int i = 0; i < n && k < cap; i++) {
        char s[ND_SHAPE_STRLEN];
        if (!arr[i]) continue;
        nd__shape_str(s, sizeof s, arr[i]->ndim, arr[i]->shape);
        k += (size_t)snprintf(buf + k, cap - k, "%s%s", k ? " " : "", s);
    }
}

/* Byte strides of `a` broadcast to (ndim, shape), right-aligned. */
static void bc_strides(const nd_array *a, int ndim, const ptrdiff_t *shape, ptrdiff_t *st)
{
    int off = ndim - a->ndim;
    for (int d = 0; d < ndim; d++) {
        int ad = d - off;
        st[d] = (ad < 0 || a->shape[ad] == 1 || shape[d] == 1) ? 0 : a->strides[ad];
    }
}

/* True when reading `in` (broadcast) element by element while writing `out` touches
 * each element before it is overwritten: same start, dtype and strides. */
static bool same_layout(const nd_array *in, const nd_array *out)
{
    if (in->data != out->data || in->dtype != out->dtype) return false;
    ptrdiff_t st[ND_MAXDIMS];
    bc_strides(in, out->ndim, out->shape, st);
    for (int d = 0; d < out->ndim; d++)
        if (out->shape[d] > 1 && st[d] != out->strides[d]) return false;
    return true;
}

/* Loops dereference typed pointers: data and strides must be multiples of the
 * element's alignment, otherwise the operand goes through the (memcpy) buffer. */
bool nd__aligned(const nd_array *a)
{
    size_t al = nd_dtype_size(a->dtype);
    if (al > 8) al = 8;
    if (a->dtype == ND_COMPLEX64) al = 4;
    if ((uintptr_t)a->data % al) return false;
    for (int d = 0; d < a->ndim; d++)
        if (a->shape[d] > 1 && a->strides[d] % (ptrdiff_t)al) return false;
    return true;
}

/* ---- running the loops --------------------------------------------------------------------- */
typedef struct run_ctx {
    nd__loop_fn loop;
    void *ctx;
    int nin, nout;
    bool has_where;
    nd_dtype t, ot;
    nd_dtype dt[ND__NEST_MAXOP]; /* actual dtype of each operand */
    bool cast[ND__NEST_MAXOP];   /* operand needs conversion through a buffer */
    char *buf[ND__NEST_MAXOP];
    bool stream;                 /* write the output with non-temporal stores */
} run_ctx;

/* Outputs larger than the last-level cache are written with non-temporal stores: the
 * loop fills an L1-sized buffer, which is then streamed out. That skips reading each
 * destination line before overwriting it (a quarter of the memory traffic of a + b),
 * and the result would not stay in cache anyway. */
#define ND__STREAM_MIN_BYTES ((ptrdiff_t)48 << 20)
#define ND__STREAM_CHUNK 2048 /* bytes per buffered chunk */

static void stream_copy(char *dst, const char *src, ptrdiff_t nbytes)
{
#if defined(__x86_64__) && defined(__SSE2__)
    ptrdiff_t i = 0;
    for (; i + 16 <= nbytes; i += 16)
        _mm_stream_pd((double *)(void *)(dst + i), _mm_load_pd((const double *)(const void *)(src + i)));
    if (i < nbytes) memcpy(dst + i, src + i, (size_t)(nbytes - i));
#else
    memcpy(dst, src, (size_t)nbytes);
#endif
}

static void direct_inner(char **ptrs, ptrdiff_t len, const ptrdiff_t *strides, void *ud)
{
    run_ctx *r = ud;
    const int o = r->nin;
    const ptrdiff_t osz = (ptrdiff_t)nd_dtype_size(r->ot);
    if (!r->stream || r->nout != 1 || strides[o] != osz || len * osz < 4 * ND__STREAM_CHUNK) {
        r->loop(ptrs, &len, strides, r->ctx);
        return;
    }
    /* head: up to the first 16-byte boundary of the output, directly */
    ptrdiff_t head = (ptrdiff_t)(((16 - (uintptr_t)ptrs[o] % 16) % 16) / (size_t)osz);
    if ((uintptr_t)(ptrs[o] + head * osz) % 16) {
        r->loop(ptrs, &len, strides, r->ctx);
        return;
    }
    if (head) r->loop(ptrs, &head, strides, r->ctx);
    alignas(64) char buf[ND__STREAM_CHUNK];
    const ptrdiff_t per = ND__STREAM_CHUNK / osz;
    char *args[ND__NEST_MAXOP];
    ptrdiff_t steps[ND__NEST_MAXOP];
    for (int i = 0; i <= o; i++) steps[i] = strides[i];
    steps[o] = osz;
    for (ptrdiff_t off = head; off < len; off += per) {
        ptrdiff_t m = len - off < per ? len - off : per;
        for (int i = 0; i < o; i++) args[i] = ptrs[i] + off * strides[i];
        args[o] = buf;
        r->loop(args, &m, steps, r->ctx);
        stream_copy(ptrs[o] + off * osz, buf, m * osz);
    }
#if defined(__x86_64__) && defined(__SSE2__)
    _mm_sfence();
#endif
}

static void buffered_inner(char **ptrs, ptrdiff_t len, const ptrdiff_t *strides, void *ud)
{
    run_ctx *r = ud;
    const int nio = r->nin + r->nout;
    const ptrdiff_t tsz = (ptrdiff_t)nd_dtype_size(r->t), osz = (ptrdiff_t)nd_dtype_size(r->ot);
    for (ptrdiff_t off = 0; off < len; off += ND__BUFN) {
        ptrdiff_t m = len - off < ND__BUFN ? len - off : ND__BUFN;
        char *args[ND__NEST_MAXOP];
        ptrdiff_t steps[ND__NEST_MAXOP];
        for (int i = 0; i < r->nin; i++) {
            char *p = ptrs[i] + off * strides[i];
            if (r->cast[i]) {
                nd_cast_strided(r->buf[i], r->t, tsz, p, r->dt[i], strides[i], m);
                args[i] = r->buf[i];
                steps[i] = tsz;
            } else {
                args[i] = p;
                steps[i] = strides[i];
            }
        }
        for (int j = r->nin; j < nio; j++) {
            if (r->cast[j] || r->has_where) {
                args[j] = r->buf[j];
                steps[j] = osz;
            } else {
                args[j] = ptrs[j] + off * strides[j];
                steps[j] = strides[j];
            }
        }
        r->loop(args, &m, steps, r->ctx);
        if (r->has_where) {
            const char *mp = ptrs[nio] + off * strides[nio];
            const ptrdiff_t ms = strides[nio];
            for (ptrdiff_t k = 0; k < m;) {
                if (!*(const bool *)(mp + k * ms)) {
                    k++;
                    continue;
                }
                ptrdiff_t e = k + 1;
                while (e < m && *(const bool *)(mp + e * ms)) e++;
                for (int j = r->nin; j < nio; j++)
                    nd_cast_strided(ptrs[j] + (off + k) * strides[j], r->dt[j], strides[j],
                                    r->buf[j] + k * osz, r->ot, osz, e - k);
                k = e;
            }
        } else {
            for (int j = r->nin; j < nio; j++)
                if (r->cast[j])
                    nd_cast_strided(ptrs[j] + off * strides[j], r->dt[j], strides[j],
                                    r->buf[j], r->ot, osz, m);
        }
    }
}

/* ---- nd__ufunc_exec, phase by phase ------------------------------------------------------ */

/* Every input is an array or a scalar of a valid dtype; ins[i] = the array (NULL for a
 * scalar). */
static nd_status check_inputs(int nin, const nd_operand *in, const nd_array **ins,
                              const char *who)
{
    for (int i = 0; i < nin; i++) {
        if (in[i].kind == ND_OPK_ARRAY && !in[i].array)
            return nd_set_error(ND_EVALUE, "%s: input %d is NULL", who, i);
        if (in[i].kind != ND_OPK_ARRAY && in[i].kind != ND_OPK_SCALAR)
            return nd_set_error(ND_EVALUE, "%s: input %d is missing", who, i);
        if (in[i].kind == ND_OPK_SCALAR && !nd_dtype_is_numeric(in[i].scalar.dtype))
            return nd_set_error(ND_EDTYPE, "%s: scalar input %d has invalid dtype %d", who, i,
                             (int)in[i].scalar.dtype);
        ins[i] = in[i].array;
    }
    return ND_OK;
}

/* The broadcast shape of the inputs. */
static nd_status broadcast_inputs(int nin, const nd_array *const *ins, int *ndim,
                                  ptrdiff_t *shape, const char *who)
{
    *ndim = 0;
    for (int i = 0; i < nin; i++) {
        if (!ins[i]) continue;
        if (broadcast_into(ndim, shape, ins[i]->ndim, ins[i]->shape) < 0) {
            char msg[512];
            shapes_msg(msg, sizeof msg, nin, ins);
            return nd_set_error(ND_ESHAPE,
                             "%s: operands could not be broadcast together with shapes %s",
                             who, msg);
        }
    }
    return ND_OK;
}

/* A given output: the broadcast shape (which it may extend) must be exactly its shape,
 * it must be writeable and take the loop's output type under `casting`. */
static nd_status check_output(const nd_array *out, int *ndim, ptrdiff_t *shape, nd_dtype ot,
                              nd_casting casting, const nd__ufunc_def *d, const char *who)
{
    int nd2 = *ndim;
    ptrdiff_t sh2[ND_MAXDIMS];
    memcpy(sh2, shape, sizeof(ptrdiff_t) * (size_t)*ndim);
    bool ok = broadcast_into(&nd2, sh2, out->ndim, out->shape) == ND_OK && nd2 == out->ndim;
    for (int k = 0; ok && k < nd2; k++) ok = sh2[k] == out->shape[k];
    if (!ok) {
        char a[ND_SHAPE_STRLEN], b[ND_SHAPE_STRLEN];
        return nd_set_error(ND_ESHAPE,
                         "%s: output of shape %s does not match the broadcast shape %s",
                         who, nd__shape_str(a, sizeof a, out->ndim, out->shape),
                         nd__shape_str(b, sizeof b, *ndim, shape));
    }
    *ndim = nd2;
    memcpy(shape, sh2, sizeof(ptrdiff_t) * (size_t)nd2);
    if (!nd_is_writeable(out))
        return nd_set_error(ND_EVALUE, "%s: output array is read-only", who);
    if (!nd_can_cast(ot, out->dtype, casting))
        return nd_set_error(ND_EDTYPE,
                         "%s: cannot cast ufunc '%s' output from %s to %s with casting "
                         "rule '%s'", who, d->name, nd_dtype_name(ot),
                         nd_dtype_name(out->dtype), nd_casting_name(casting));
    return ND_OK;
}

/* The where mask broadcasts to the shape without extending it. */
static nd_status check_where(const nd_array *where, int ndim, const ptrdiff_t *shape,
                             const char *who)
{
    int nd2 = ndim;
    ptrdiff_t sh2[ND_MAXDIMS];
    memcpy(sh2, shape, sizeof(ptrdiff_t) * (size_t)ndim);
    bool ok = broadcast_into(&nd2, sh2, where->ndim, where->shape) == ND_OK && nd2 == ndim;
    for (int k = 0; ok && k < nd2; k++) ok = sh2[k] == shape[k];
    if (!ok) {
        char a[ND_SHAPE_STRLEN], b[ND_SHAPE_STRLEN];
        return nd_set_error(ND_ESHAPE, "%s: where mask of shape %s does not broadcast to %s",
                         who, nd__shape_str(a, sizeof a, where->ndim, where->shape),
                         nd__shape_str(b, sizeof b, ndim, shape));
    }
    return ND_OK;
}

/* Missing outputs, in the memory order of the first full-shape input (zeroed under a
 * mask: the masked-out elements are never written). */
static nd_status alloc_outputs(int nin, const nd_array *const *ins, int nout, nd_array **outs,
                               int ndim, const ptrdiff_t *shape, nd_dtype ot, bool masked,
                               const char *who)
{
    const ptrdiff_t *ref = NULL;
    for (int i = 0; i < nin && !ref; i++)
        if (ins[i] && ins[i]->ndim == ndim && nd_size(ins[i]) > 1) ref = ins[i]->strides;
    for (int j = 0; j < nout; j++) {
        if (outs[j]) continue;
        outs[j] = nd__alloc_k(ndim, shape, ot, ref, masked, who);
        if (!outs[j]) return nd_last_error();
    }
    return ND_OK;
}

/* An input that overlaps a given output other than element-for-element is copied
 * (copies[i]), as is a mask that overlaps one; a mask that is not bool is cast. The
 * copies replace ins[i] and *where; the caller frees copies and *where_copy. */
static nd_status isolate_operands(int nin, const nd_array **ins, nd_array **copies, int nout,
                                  nd_array *const *given, const nd_array **where,
                                  nd_array **where_copy)
{
    for (int i = 0; i < nin; i++) {
        if (!ins[i]) continue;
        for (int j = 0; j < nout; j++) {
            if (!given[j] || !nd_may_share_memory(ins[i], given[j]) || same_layout(ins[i], given[j]))
                continue;
            copies[i] = nd_copy(ins[i], ND_ORDER_K);
            if (!copies[i]) return nd_last_error();
            ins[i] = copies[i];
            break;
        }
    }
    for (int j = 0; j < nout && *where && !*where_copy; j++) {
        if (given[j] && nd_may_share_memory(*where, given[j])) {
            *where_copy = nd_copy(*where, ND_ORDER_K);
            if (!*where_copy) return nd_last_error();
            *where = *where_copy;
        }
    }
    if (*where && (*where)->dtype != ND_BOOL) {
        nd_array *wb = nd_astype(*where, ND_BOOL, ND_CAST_UNSAFE);
        if (!wb) return nd_last_error();
        nd_free(*where_copy);
        *where = *where_copy = wb;
    }
    return ND_OK;
}

/* The nest over inputs, outputs and mask, and the loop's run context. Scalar inputs are
 * stored in sbuf (which must outlive the run). Returns whether the run needs buffering
 * (a cast, a misaligned operand or a mask). */
static bool setup_nest(nd__nest *nest, run_ctx *r, const nd_operand *in,
                       const nd_array *const *ins, nd_array *const *outs, const nd_array *where,
                       int ndim, const ptrdiff_t *shape, unsigned char (*sbuf)[16])
{
    const int nin = r->nin, nout = r->nout;
    nest->nop = nin + nout + (where ? 1 : 0);
    nest->ndim = ndim;
    memcpy(nest->shape, shape, sizeof(ptrdiff_t) * (size_t)ndim);
    bool buffered = where != NULL;
    for (int i = 0; i < nin; i++) {
        if (ins[i]) {
            nest->base[i] = ins[i]->data;
            bc_strides(ins[i], ndim, shape, nest->strides[i]);
            r->dt[i] = ins[i]->dtype;
        } else {
            nd__scalar_store(sbuf[i], r->t, in[i].scalar);
            nest->base[i] = (char *)sbuf[i];
            for (int k = 0; k < ndim; k++) nest->strides[i][k] = 0;
            r->dt[i] = r->t;
        }
        r->cast[i] = r->dt[i] != r->t || (ins[i] && !nd__aligned(ins[i]));
        buffered = buffered || r->cast[i];
    }
    for (int j = 0; j < nout; j++) {
        int op = nin + j;
        nest->base[op] = outs[j]->data;
        memcpy(nest->strides[op], outs[j]->strides, sizeof(ptrdiff_t) * (size_t)ndim);
        r->dt[op] = outs[j]->dtype;
        r->cast[op] = r->dt[op] != r->ot || !nd__aligned(outs[j]);
        buffered = buffered || r->cast[op];
    }
    if (where) {
        nest->base[nin + nout] = where->data;
        bc_strides(where, ndim, shape, nest->strides[nin + nout]);
    }
    if (ndim == 0) {
        nest->ndim = 1;
        nest->shape[0] = 1;
        for (int op = 0; op < nest->nop; op++) nest->strides[op][0] = 0;
    }
    nd__nest_optimize(nest, nin);
    return buffered;
}

/* Run the loop over the nest (buffered: single-threaded through cast buffers; direct:
 * split across the pool), then report a loop error or a floating-point error. */
static nd_status run_nest(nd__nest *nest, run_ctx *r, bool buffered, nd_ufunc f, const char *who)
{
    if (buffered) {
        const size_t bsz = ND__BUFN * 16;
        char *mem = nd_malloc(bsz * (size_t)(r->nin + r->nout), who);
        if (!mem) return ND_ENOMEM;
        for (int k = 0; k < r->nin + r->nout; k++) r->buf[k] = mem + bsz * (size_t)k;
        nd__loop_begin();
        nd__nest_run(nest, buffered_inner, r);
        nd_free_mem(mem);
    } else {
        nd__loop_begin();
        nd__nest_run_parallel(nest, direct_inner, r, ((1u << r->nout) - 1) << r->nin);
    }
    return nd__loop_finish(f, who);
}

nd_status nd__ufunc_exec(nd_ufunc f, const nd__loop_fn *loops, int nout,
                         const nd_operand *in, nd_array **outs, const nd_ufunc_opts *o,
                         void *ctx, const char *who)
{
    const nd__ufunc_def *d = &nd__ufuncs[f];
    const int nin = d->nin;
    const nd_ufunc_opts opts = o ? *o : (nd_ufunc_opts){ 0 };
    if (opts.no_positional_options_use_X_into_for_out != 0 &&
        opts.no_positional_options_use_X_into_for_out != ND__NOPOS)
        return nd_set_error(ND_EVALUE, "%s: a positional argument after the operands (%g); "
                            "options are named (.where = ...), out is nd_%s_into(out, ...)",
                            who, opts.no_positional_options_use_X_into_for_out, d->name);
    /* string operands (core/strings): the comparisons in NumPy's string order */
    if (nout == 1 && nd__str_ufunc_claims((int)f, nin, in))
        return nd__str_ufunc_exec((int)f, in, outs, &opts, who);
    const nd_casting casting = opts.casting ? opts.casting : ND_CAST_SAME_KIND;
    const nd_array *ins[3] = { NULL, NULL, NULL };
    nd_array *copies[3] = { NULL, NULL, NULL };
    nd_array *given[2] = { outs[0], nout > 1 ? outs[1] : NULL };
    const nd_array *where = opts.where;
    nd_array *where_copy = NULL;
    if (!loops) loops = d->loops;
    /* datetime64 / timedelta64 operands (core/datetime/dt_ufunc.c) */
    if (loops == d->loops && nd__dt_ufunc_wants(nin, in))
        return nd__dt_ufunc_exec(f, in, nout, outs, o, who);

    /* the loop: input checks, then type resolution */
    if (check_inputs(nin, in, ins, who) < 0) return nd_last_error();
    if (opts.dtype && !nd_dtype_is_numeric(opts.dtype))
        return nd_set_error(ND_EDTYPE, "%s: invalid dtype %d", who, opts.dtype);
    int t = nd__ufunc_resolve(f, loops, in, opts.dtype, casting, who);
    if (t < 0) return nd_last_error();
    /* the numeric loops and casts: a flexible operand (an unsafe cast may have resolved) is refused */
    for (int i = 0; i < nin; i++)
        if (ins[i] && nd__need_numeric(ins[i]->dtype, who) < 0) return nd_last_error();
    for (int j = 0; j < nout; j++)
        if (given[j] && nd__need_numeric(given[j]->dtype, who) < 0) return nd_last_error();
    const nd_dtype ot = nd__ufunc_outtype(f, (nd_dtype)t);

    /* broadcast shape of the inputs, then check the given outputs and the mask */
    int ndim;
    ptrdiff_t shape[ND_MAXDIMS];
    if (broadcast_inputs(nin, ins, &ndim, shape, who) < 0) return nd_last_error();
    for (int j = 0; j < nout; j++)
        if (given[j] && check_output(given[j], &ndim, shape, ot, casting, d, who) < 0)
            return nd_last_error();
    if (where && check_where(where, ndim, shape, who) < 0) return nd_last_error();

    /* outputs, operand copies, the nest, the run */
    nd_status rc = alloc_outputs(nin, ins, nout, outs, ndim, shape, ot, where != NULL, who);
    if (rc == ND_OK) rc = isolate_operands(nin, ins, copies, nout, given, &where, &where_copy);
    if (rc == ND_OK) {
        alignas(16) unsigned char sbuf[3][16];
        nd__nest nest;
        run_ctx r = { .loop = loops[t], .ctx = ctx, .nin = nin, .nout = nout,
                      .has_where = where != NULL, .t = (nd_dtype)t, .ot = ot };
        bool buffered = setup_nest(&nest, &r, in, ins, outs, where, ndim, shape, sbuf);
        r.stream = !buffered && d->stream && loops == d->loops && nout == 1 &&
                   nd_nbytes(outs[0]) >= ND__STREAM_MIN_BYTES;
        rc = run_nest(&nest, &r, buffered, f, who);
    }
    if (rc < 0) {
        for (int j = 0; j < nout; j++) {
            if (!given[j]) {
                nd_free(outs[j]);
                outs[j] = NULL;
            }
        }
    }
    for (int i = 0; i < nin; i++) nd_free(copies[i]);
    nd_free(where_copy);
    return rc < 0 ? rc : ND_OK;
}

/* ---- public entry points ---------------------------------------------------------------------- */
static bool valid_ufunc(nd_ufunc f, const char *who)
{
    if ((unsigned)f < ND_UF_COUNT) return true;
    nd_set_error(ND_EVALUE, "%s: invalid function %d", who, (int)f);
    return false;
}

/* numpy.clip with a missing bound is maximum / minimum. */
static nd_status clip_dispatch(nd_array **out, const nd_operand *in, const nd_ufunc_opts *o)
{
    if (in[1].kind == ND_OPK_NONE && in[2].kind == ND_OPK_NONE)
        return nd_set_error(ND_EVALUE, "nd_clip: one of the bounds must be given");
    if (in[1].kind == ND_OPK_NONE) {
        nd_operand two[2] = { in[0], in[2] };
        return nd__ufunc_exec(ND_UF_MINIMUM, NULL, 1, two, out, o, NULL, "nd_clip");
    }
    if (in[2].kind == ND_OPK_NONE) {
        nd_operand two[2] = { in[0], in[1] };
        return nd__ufunc_exec(ND_UF_MAXIMUM, NULL, 1, two, out, o, NULL, "nd_clip");
    }
    return nd__ufunc_exec(ND_UF_CLIP, NULL, 1, in, out, o, NULL, "nd_clip");
}

nd_array *nd_ufunc_apply(nd_ufunc f, const nd_operand *in, const nd_ufunc_opts *o)
{
    if (!valid_ufunc(f, "nd_ufunc_apply")) return NULL;
    if (!in) return ND_FAIL(ND_EVALUE, "nd_ufunc_apply: operand list is NULL");
    nd_array *out = NULL;
    nd_status rc = f == ND_UF_CLIP ? clip_dispatch(&out, in, o)
                 : nd__ufunc_exec(f, NULL, 1, in, &out, o, NULL, nd__ufuncs[f].cname);
    return rc < 0 ? NULL : out;
}

nd_status nd_ufunc_apply_into(nd_ufunc f, nd_array *out, const nd_operand *in,
                              const nd_ufunc_opts *o)
{
    if (!valid_ufunc(f, "nd_ufunc_apply_into")) return nd_last_error();
    if (!out) return nd_set_error(ND_EVALUE, "%s_into: out is NULL", nd__ufuncs[f].cname);
    nd_array *outs[1] = { out };
    if (f == ND_UF_CLIP) return clip_dispatch(outs, in, o);
    return nd__ufunc_exec(f, NULL, 1, in, outs, o, NULL, nd__ufuncs[f].cname);
}

static bool check_arity(nd_ufunc f, int nin)
{
    if (!valid_ufunc(f, "nd_ufunc")) return false;
    if (nd__ufuncs[f].nin == nin) return true;
    nd_set_error(ND_EVALUE, "%s: takes %d inputs, got %d", nd__ufuncs[f].cname,
              nd__ufuncs[f].nin, nin);
    return false;
}

nd_array *nd_ufunc1_(nd_ufunc f, nd_operand a, const nd_ufunc_opts *o)
{
    const nd_operand in[1] = { a };
    return check_arity(f, 1) ? nd_ufunc_apply(f, in, o) : NULL;
}

nd_array *nd_ufunc2_(nd_ufunc f, nd_operand a, nd_operand b, const nd_ufunc_opts *o)
{
    const nd_operand in[2] = { a, b };
    return check_arity(f, 2) ? nd_ufunc_apply(f, in, o) : NULL;
}

nd_array *nd_ufunc3_(nd_ufunc f, nd_operand a, nd_operand b, nd_operand c,
                     const nd_ufunc_opts *o)
{
    const nd_operand in[3] = { a, b, c };
    return check_arity(f, 3) ? nd_ufunc_apply(f, in, o) : NULL;
}

nd_status nd_ufunc1_into_(nd_ufunc f, nd_array *out, nd_operand a, const nd_ufunc_opts *o)
{
    const nd_operand in[1] = { a };
    return check_arity(f, 1) ? nd_ufunc_apply_into(f, out, in, o) : nd_last_error();
}

nd_status nd_ufunc2_into_(nd_ufunc f, nd_array *out, nd_operand a, nd_operand b,
                          const nd_ufunc_opts *o)
{
    const nd_operand in[2] = { a, b };
    return check_arity(f, 2) ? nd_ufunc_apply_into(f, out, in, o) : nd_last_error();
}

nd_status nd_ufunc3_into_(nd_ufunc f, nd_array *out, nd_operand a, nd_operand b,
                          nd_operand c, const nd_ufunc_opts *o)
{
    const nd_operand in[3] = { a, b, c };
    return check_arity(f, 3) ? nd_ufunc_apply_into(f, out, in, o) : nd_last_error();
}

nd_status nd_divmod_(nd_operand a, nd_operand b, nd_array **q, nd_array **r,
                     const nd_ufunc_opts *o)
{
    if (!q || !r) return nd_set_error(ND_EVALUE, "nd_divmod: q and r must not be NULL");
    const nd_operand in[2] = { a, b };
    nd_array *outs[2] = { NULL, NULL };
    nd_status rc = nd__ufunc_exec(ND_UF_FLOOR_DIVIDE, nd__loops_divmod, 2, in, outs, o,
                                  NULL, "nd_divmod");
    *q = outs[0];
    *r = outs[1];
    return rc;
}

nd_status nd_divmod_into_(nd_array *q, nd_array *r, nd_operand a, nd_operand b,
                          const nd_ufunc_opts *o)
{
    if (!q || !r) return nd_set_error(ND_EVALUE, "nd_divmod_into: q and r must not be NULL");
    const nd_operand in[2] = { a, b };
    nd_array *outs[2] = { q, r };
    return nd__ufunc_exec(ND_UF_FLOOR_DIVIDE, nd__loops_divmod, 2, in, outs, o, NULL,
                          "nd_divmod_into");
}
