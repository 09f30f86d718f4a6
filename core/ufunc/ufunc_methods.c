/* The ufunc methods (NumPy's ufunc.reduce, accumulate, reduceat, outer and at) for the
 * built-in binary functions, and the generic versions the user-defined ufuncs share.
 *
 * The generic versions step along the reduced axis: with the result `acc` and the input
 * viewed as (kept axes..., reduced), step k runs the loop once over the kept shape as
 * acc = f(acc, a[..., k]) (split across the worker pool when large). That is the order
 * NumPy gives non-reorderable functions (subtract, power) and a loop never sees its
 * output overlapping an input other than element for element. Reorderable built-ins with
 * an identity or idempotent (add, maximum, ...) take reduce.c's direct reduction. */
#include "ufunc_methods_internal.h"

#include <stdio.h>

void nd__ufm_begin(void) { nd__loop_begin(); }

nd_status nd__ufm_finish(const nd__ufm *m, const char *who)
{
    if (m->builtin >= 0) return nd__loop_finish((nd_ufunc)m->builtin, who);
    return nd__loop_finish_any(who);
}

/* ---- small helpers ------------------------------------------------------------------ */
/* a as dtype t, aligned (a new reference when it already is); ND_EDTYPE when casting
 * does not allow it. */
static nd_array *as_type(const nd_array *a, nd_dtype t, nd_casting casting, const char *who)
{
    if (!nd_can_cast(a->dtype, t, casting))
        return ND_FAIL(ND_EDTYPE, "%s: cannot cast %s to %s with casting rule '%s'", who,
                       nd_dtype_name(a->dtype), nd_dtype_name(t), nd_casting_name(casting));
    if (a->dtype == t && nd__aligned(a)) return nd_ref(a);
    return nd_astype(a, t, ND_CAST_UNSAFE);
}

/* A view sharing a's buffer with the given geometry. */
static nd_array *geom_view(const nd_array *a, int ndim, const ptrdiff_t *shape,
                           const ptrdiff_t *strides, char *data)
{
    return nd__view_of(a, ndim, shape, strides, data, a->dtype);
}

static ptrdiff_t prod(int n, const ptrdiff_t *s)
{
    ptrdiff_t p = 1;
    for (int i = 0; i < n; i++) p *= s[i];
    return p;
}

/* ---- the lane runner: one loop call per innermost run of a nest ------------------------ */
typedef struct lane {
    nd__nest nest;
    const nd__ufm *m;
    int nop;        /* nin + 1 (+1 with a mask) */
    bool masked;
} lane;

static void lane_inner(char **p, ptrdiff_t len, const ptrdiff_t *st, void *ud)
{
    const lane *L = ud;
    L->m->fn(p, &len, st, L->m->ctx);
}

/* The last operand is a bool mask: the loop runs on each run of true elements. */
static void lane_inner_masked(char **p, ptrdiff_t len, const ptrdiff_t *st, void *ud)
{
    const lane *L = ud;
    const int nio = L->nop - 1;
    const char *mp = p[nio];
    for (ptrdiff_t k = 0; k < len;) {
        if (!*(const bool *)(mp + k * st[nio])) {
            k++;
            continue;
        }
        ptrdiff_t e = k + 1;
        while (e < len && *(const bool *)(mp + e * st[nio])) e++;
        char *q[ND__NEST_MAXOP];
        for (int i = 0; i < nio; i++) q[i] = p[i] + k * st[i];
        ptrdiff_t n = e - k;
        L->m->fn(q, &n, st, L->m->ctx);
        k = e;
    }
}

/* Set up a nest over (ndim, shape) with nop operands of the given strides. */
static void lane_init(lane *L, const nd__ufm *m, int nop, bool masked, int ndim,
                      const ptrdiff_t *shape, const ptrdiff_t *const *strides)
{
    L->m = m;
    L->nop = nop;
    L->masked = masked;
    L->nest.nop = nop;
    L->nest.ndim = ndim;
    for (int d = 0; d < ndim; d++) {
        L->nest.shape[d] = shape[d];
        for (int op = 0; op < nop; op++) L->nest.strides[op][d] = strides[op][d];
    }
    if (ndim == 0) {
        L->nest.ndim = 1;
        L->nest.shape[0] = 1;
        for (int op = 0; op < nop; op++) L->nest.strides[op][0] = 0;
    }
    nd__nest_optimize(&L->nest, nop - 1 - (masked ? 1 : 0));
}

/* Run the nest with these base pointers; the output is operand nin (m->nin). */
static void lane_run(lane *L, char *const *bases)
{
    for (int op = 0; op < L->nop; op++) L->nest.base[op] = bases[op];
    nd__nest_run_parallel(&L->nest, L->masked ? lane_inner_masked : lane_inner, L,
                          1u << L->m->nin);
}

/* One lane, no other axes: acc = f(acc, x[k]) for k < n. Reorderable built-ins take their
 * loop's reduce form (as reduce.c does); other loops are called element by element, so a
 * loop never sees its output aliasing an input with a zero stride. */
static void seq_lane(const nd__ufm *m, char *acc, char *x, ptrdiff_t xs, ptrdiff_t n)
{
    if (n <= 0) return;
    if (m->builtin >= 0 && m->reorderable) {
        char *args[3] = { acc, x, acc };
        ptrdiff_t st[3] = { 0, xs, 0 };
        m->fn(args, &n, st, m->ctx);
        return;
    }
    ptrdiff_t one = 1;
    const ptrdiff_t st[3] = { 0, 0, 0 };
    for (ptrdiff_t k = 0; k < n; k++) {
        char *args[3] = { acc, x + k * xs, acc };
        m->fn(args, &one, st, m->ctx);
    }
}

/* ---- copy with a mask and a casting check ----------------------------------------------- */
typedef struct cw_ctx {
    nd_dtype dt, st;
} cw_ctx;

static void cw_inner(char **p, ptrdiff_t len, const ptrdiff_t *s, void *ud)
{
    const cw_ctx *c = ud;
    for (ptrdiff_t k = 0; k < len;) {
        if (!*(const bool *)(p[2] + k * s[2])) {
            k++;
            continue;
        }
        ptrdiff_t e = k + 1;
        while (e < len && *(const bool *)(p[2] + e * s[2])) e++;
        nd_cast_strided(p[0] + k * s[0], c->dt, s[0], p[1] + k * s[1], c->st, s[1], e - k);
        k = e;
    }
}

nd_status nd__ufm_copy_where(nd_array *dst, const nd_array *src, const nd_array *where,
                             nd_casting casting, const char *who)
{
    if (!nd_is_writeable(dst)) return nd_set_error(ND_EVALUE, "%s: output array is read-only", who);
    if (!nd_can_cast(src->dtype, dst->dtype, casting))
        return nd_set_error(ND_EDTYPE, "%s: cannot cast output from %s to %s with casting rule '%s'",
                            who, nd_dtype_name(src->dtype), nd_dtype_name(dst->dtype),
                            nd_casting_name(casting));
    if (!where) return nd__copy_into(dst, src);
    nd_array *sb = nd__broadcast_view(src, dst->ndim, dst->shape, who);
    nd_array *wb = sb ? nd__broadcast_view(where, dst->ndim, dst->shape, who) : NULL;
    nd_array *wbool = wb && wb->dtype != ND_BOOL ? nd_astype(wb, ND_BOOL, ND_CAST_UNSAFE) : NULL;
    nd_status rc = ND_OK;
    if (!sb || !wb || (wb->dtype != ND_BOOL && !wbool)) {
        rc = nd_last_error();
    } else {
        const nd_array *w = wbool ? wbool : wb;
        nd__nest n = { .nop = 3, .ndim = dst->ndim };
        for (int d = 0; d < dst->ndim; d++) {
            n.shape[d] = dst->shape[d];
            n.strides[0][d] = dst->strides[d];
            n.strides[1][d] = sb->strides[d];
            n.strides[2][d] = w->strides[d];
        }
        if (dst->ndim == 0) {
            n.ndim = 1;
            n.shape[0] = 1;
            n.strides[0][0] = n.strides[1][0] = n.strides[2][0] = 0;
        }
        n.base[0] = dst->data;
        n.base[1] = sb->data;
        n.base[2] = w->data;
        nd__nest_optimize(&n, 0);
        cw_ctx c = { dst->dtype, src->dtype };
        nd__nest_run(&n, cw_inner, &c);
    }
    nd_free(wbool);
    nd_free(wb);
    nd_free(sb);
    return rc;
}

/* Hand a result to the caller: into `out` (its shape must be the result's) or *res. */
static nd_status deliver(nd_array *r, nd_array *out, nd_array **res, const char *who)
{
    if (!out) {
        *res = r;
        return ND_OK;
    }
    bool same = out->ndim == r->ndim;
    for (int d = 0; same && d < r->ndim; d++) same = out->shape[d] == r->shape[d];
    nd_status rc;
    if (!same) {
        char s1[ND_SHAPE_STRLEN], s2[ND_SHAPE_STRLEN];
        rc = nd_set_error(ND_ESHAPE, "%s: output of shape %s does not match the result shape %s",
                          who, nd__shape_str(s1, sizeof s1, out->ndim, out->shape),
                          nd__shape_str(s2, sizeof s2, r->ndim, r->shape));
    } else {
        rc = nd__ufm_copy_where(out, r, NULL, ND_CAST_SAME_KIND, who);
    }
    nd_free(r);
    return rc;
}

/* ---- reduce ------------------------------------------------------------------------------ */
/* No options: ufunc.reduce's own default, axis 0 (not nd_sum's all axes). */
static const nd_reduce_opts ufunc_reduce_defaults = { ._ = 0, .axis = 0 };

nd_status nd__ufm_reduce(const nd__ufm *m, const nd_array *a, const nd_reduce_opts *o,
                         nd_array *out, nd_array **res, const char *who)
{
    const nd_reduce_opts opts = o ? *o : ufunc_reduce_defaults;
    bool mask[ND_MAXDIMS];
    if (nd__reduce_axes(a, opts.axis, &opts.axes, mask, who) < 0) return nd_last_error();
    int perm[ND_MAXDIMS], nk = 0, nred = 0;
    ptrdiff_t kshape[ND_MAXDIMS + 1], R = 1;
    for (int d = 0; d < a->ndim; d++)
        if (!mask[d]) {
            perm[nk] = d;
            kshape[nk++] = a->shape[d];
        }
    for (int d = 0; d < a->ndim; d++)
        if (mask[d]) {
            perm[nk + nred++] = d;
            R *= a->shape[d];
        }
    if (nred > 1 && !m->reorderable)
        return nd_set_error(ND_EVALUE,
                            "%s: reduction operation '%s' is not reorderable, so at most one "
                            "axis may be specified", who, m->name);
    const bool start_given = opts.initial || m->has_identity;
    if (opts.where && !start_given)
        return nd_set_error(ND_EVALUE,
                            "%s: reduction operation '%s' does not have an identity, so to use "
                            "a where mask one has to specify 'initial'", who, m->name);
    const ptrdiff_t K = prod(nk, kshape);
    if (R == 0 && K > 0 && !start_given)
        return nd_set_error(ND_EVALUE,
                            "%s: zero-size array to reduction operation %s which has no identity",
                            who, m->name);

    nd_array *ac = NULL, *v = NULL, *vc = NULL, *wv = NULL, *wbc = NULL, *acc = NULL, *first = NULL;
    nd_status rc = ND_OK;
    ac = as_type(a, m->t, m->in_casting ? m->in_casting : ND_CAST_SAME_KIND, who);
    if (!ac) goto fail;
    /* v: (kept..., R), the reduced axes flattened (a copy only when there are several) */
    kshape[nk] = R;
    {
        nd_array *tv = nd_transpose(ac, a->ndim ? perm : NULL);
        if (!tv) goto fail;
        if (nred == 1) {
            v = tv;
        } else {
            vc = nd_copy(tv, ND_ORDER_C);
            nd_free(tv);
            if (!vc) goto fail;
            v = nd_reshape(vc, nk + 1, kshape);
            if (!v) goto fail;
        }
    }
    if (opts.where) {
        nd_array *wb = nd__broadcast_view(opts.where, a->ndim, a->shape, who);
        if (!wb) goto fail;
        nd_array *wt = nd_transpose(wb, a->ndim ? perm : NULL);
        nd_free(wb);
        if (!wt) goto fail;
        wbc = nd_astype(wt, ND_BOOL, ND_CAST_UNSAFE); /* a C-ordered bool copy */
        nd_free(wt);
        if (!wbc) goto fail;
        wv = nd_reshape(wbc, nk + 1, kshape);
        if (!wv) goto fail;
    }
    acc = nd__alloc(nk, kshape, m->t, false, who);
    if (!acc) goto fail;
    ptrdiff_t kstart = 0;
    if (opts.initial || m->has_identity) {
        if (nd_fill(acc, opts.initial ? *opts.initial : m->identity) < 0) goto fail;
    } else if (K > 0) {
        first = geom_view(v, nk, kshape, v->strides, v->data);
        if (!first || nd__copy_into(acc, first) < 0) goto fail;
        kstart = 1;
    }
    if (K > 0 && R > kstart) {
        lane L;
        const ptrdiff_t *st[4] = { acc->strides, v->strides, acc->strides,
                                   wv ? wv->strides : NULL };
        lane_init(&L, m, wv ? 4 : 3, wv != NULL, nk, kshape, st);
        const ptrdiff_t vs = v->strides[nk], ws = wv ? wv->strides[nk] : 0;
        nd__ufm_begin();
        if (K == 1 && !wv) {
            seq_lane(m, acc->data, v->data + kstart * vs, vs, R - kstart);
            R = kstart;
        }
        for (ptrdiff_t k = kstart; k < R; k++) {
            char *b[4] = { acc->data, v->data + k * vs, acc->data, wv ? wv->data + k * ws : NULL };
            lane_run(&L, b);
        }
        if (nd__ufm_finish(m, who) < 0) goto fail;
    }
    if (opts.keepdims) {
        ptrdiff_t ks[ND_MAXDIMS];
        for (int d = 0; d < a->ndim; d++) ks[d] = mask[d] ? 1 : a->shape[d];
        nd_array *r2 = nd_reshape(acc, a->ndim, ks);
        if (!r2) goto fail;
        nd_free(acc);
        acc = r2;
    }
    rc = deliver(acc, out, res, who);
    acc = NULL;
    goto done;
fail:
    rc = nd_last_error();
done:
    nd_free(first);
    nd_free(acc);
    nd_free(wv);
    nd_free(wbc);
    nd_free(v);
    nd_free(vc);
    nd_free(ac);
    return rc < 0 ? rc : ND_OK;
}

/* ---- accumulate and reduceat ------------------------------------------------------------- */
/* Shape and strides of x without `axis`. */
static void drop_axis(const nd_array *x, int axis, ptrdiff_t *shape, ptrdiff_t *strides)
{
    for (int d = 0, k = 0; d < x->ndim; d++) {
        if (d == axis) continue;
        if (shape) shape[k] = x->shape[d];
        strides[k++] = x->strides[d];
    }
}

nd_status nd__ufm_accumulate(const nd__ufm *m, const nd_array *a, int axis, nd_array *out,
                             nd_array **res, const char *who)
{
    if (a->ndim == 0) return nd_set_error(ND_EVALUE, "%s: cannot accumulate on a scalar", who);
    if (nd__norm_axis(&axis, a->ndim, who) < 0) return nd_last_error();
    nd_array *ac = as_type(a, m->t, m->in_casting ? m->in_casting : ND_CAST_SAME_KIND, who), *r = NULL, *rv = NULL, *av = NULL;
    if (!ac) return nd_last_error();
    r = nd__alloc(a->ndim, a->shape, m->t, false, who);
    if (!r) goto fail;
    const int nk = a->ndim - 1;
    ptrdiff_t ks[ND_MAXDIMS], as[ND_MAXDIMS], rs[ND_MAXDIMS];
    drop_axis(ac, axis, ks, as);
    drop_axis(r, axis, NULL, rs);
    const ptrdiff_t n = a->shape[axis];
    if (n > 0 && prod(nk, ks) > 0) {
        rv = geom_view(r, nk, ks, rs, r->data);
        av = geom_view(ac, nk, ks, as, ac->data);
        if (!rv || !av || nd__copy_into(rv, av) < 0) goto fail;
        lane L;
        const ptrdiff_t *st[3] = { rs, as, rs };
        lane_init(&L, m, 3, false, nk, ks, st);
        const ptrdiff_t sa = ac->strides[axis], sr = r->strides[axis];
        nd__ufm_begin();
        if (prod(nk, ks) == 1) {
            ptrdiff_t one = 1;
            const ptrdiff_t st1[3] = { 0, 0, 0 };
            for (ptrdiff_t k = 1; k < n; k++) {
                char *b[3] = { r->data + (k - 1) * sr, ac->data + k * sa, r->data + k * sr };
                m->fn(b, &one, st1, m->ctx);
            }
        }
        for (ptrdiff_t k = prod(nk, ks) == 1 ? n : 1; k < n; k++) {
            char *b[3] = { r->data + (k - 1) * sr, ac->data + k * sa, r->data + k * sr };
            lane_run(&L, b);
        }
        if (nd__ufm_finish(m, who) < 0) goto fail;
    }
    nd_free(rv);
    nd_free(av);
    nd_free(ac);
    return deliver(r, out, res, who);
fail:
    nd_free(rv);
    nd_free(av);
    nd_free(r);
    nd_free(ac);
    return nd_last_error();
}

/* The indices as a C-contiguous int64 array; ND_EDTYPE for non-integer ones. */
static nd_array *int_indices(const nd_array *idx, const char *who)
{
    if (!idx) return ND_FAIL(ND_EVALUE, "%s: indices are NULL", who);
    char k = nd_dtype_kind(idx->dtype);
    if (k != 'i' && k != 'u')
        return ND_FAIL(ND_EINDEX, "%s: arrays used as indices must be of integer (or boolean) "
                       "type, not %s", who, nd_dtype_name(idx->dtype));
    if (idx->dtype == ND_UINT64) {
        nd_array *m = nd_amax(idx);
        uint64_t big = m ? nd_item_u64(m) : 0;
        nd_free(m);
        if (big > (uint64_t)INT64_MAX)
            return ND_FAIL(ND_EINDEX, "%s: index %llu is out of bounds", who,
                           (unsigned long long)big);
    }
    if (idx->dtype == ND_INT64 && nd_is_c_contiguous(idx) && nd__aligned(idx)) return nd_ref(idx);
    nd_array *c = nd_astype(idx, ND_INT64, ND_CAST_UNSAFE);
    if (c && !nd_is_c_contiguous(c)) {
        nd_array *cc = nd_copy(c, ND_ORDER_C);
        nd_free(c);
        c = cc;
    }
    return c;
}

nd_status nd__ufm_reduceat(const nd__ufm *m, const nd_array *a, const nd_array *indices,
                           int axis, nd_array *out, nd_array **res, const char *who)
{
    if (a->ndim == 0) return nd_set_error(ND_EVALUE, "%s: cannot reduceat on a scalar", who);
    if (nd__norm_axis(&axis, a->ndim, who) < 0) return nd_last_error();
    if (!indices) return nd_set_error(ND_EVALUE, "%s: indices are NULL", who);
    if (indices->ndim != 1)
        return nd_set_error(ND_EVALUE, "%s: indices must be 1-d, got %d dimensions", who,
                            indices->ndim);
    nd_array *ix = int_indices(indices, who);
    if (!ix) return nd_last_error();
    const int64_t *id = (const int64_t *)ix->data;
    const ptrdiff_t ni = ix->shape[0], N = a->shape[axis];
    for (ptrdiff_t i = 0; i < ni; i++) {
        if (id[i] < 0 || id[i] >= N) {
            nd_free(ix);
            return nd_set_error(ND_EINDEX, "%s: index %lld out-of-bounds in %s.reduceat [0, %td)",
                                who, (long long)id[i], m->name, N);
        }
    }
    nd_array *ac = as_type(a, m->t, m->in_casting ? m->in_casting : ND_CAST_SAME_KIND, who), *r = NULL, *rv = NULL, *av = NULL;
    if (!ac) {
        nd_free(ix);
        return nd_last_error();
    }
    ptrdiff_t rshape[ND_MAXDIMS];
    memcpy(rshape, a->shape, sizeof(ptrdiff_t) * (size_t)a->ndim);
    rshape[axis] = ni;
    r = nd__alloc(a->ndim, rshape, m->t, false, who);
    if (!r) goto fail;
    const int nk = a->ndim - 1;
    ptrdiff_t ks[ND_MAXDIMS], as[ND_MAXDIMS], rs[ND_MAXDIMS];
    drop_axis(ac, axis, ks, as);
    drop_axis(r, axis, NULL, rs);
    if (ni > 0 && prod(nk, ks) > 0) {
        rv = geom_view(r, nk, ks, rs, r->data);
        av = geom_view(ac, nk, ks, as, ac->data);
        if (!rv || !av) goto fail;
        lane L;
        const ptrdiff_t *st[3] = { rs, as, rs };
        lane_init(&L, m, 3, false, nk, ks, st);
        const ptrdiff_t sa = ac->strides[axis], sr = r->strides[axis];
        const bool single = prod(nk, ks) == 1;
        nd__ufm_begin();
        for (ptrdiff_t i = 0; i < ni; i++) {
            ptrdiff_t s = (ptrdiff_t)id[i], e = i + 1 < ni ? (ptrdiff_t)id[i + 1] : N;
            if (e <= s) e = s + 1; /* NumPy: a[indices[i]] when the next is not larger */
            rv->data = r->data + i * sr;
            av->data = ac->data + s * sa;
            if (single) {
                memcpy(rv->data, av->data, nd_dtype_size(m->t));
                seq_lane(m, rv->data, ac->data + (s + 1) * sa, sa, e - s - 1);
                continue;
            }
            if (nd__copy_into(rv, av) < 0) goto fail;
            for (ptrdiff_t k = s + 1; k < e; k++) {
                char *b[3] = { rv->data, ac->data + k * sa, rv->data };
                lane_run(&L, b);
            }
        }
        if (nd__ufm_finish(m, who) < 0) goto fail;
    }
    nd_free(rv);
    nd_free(av);
    nd_free(ac);
    nd_free(ix);
    return deliver(r, out, res, who);
fail:
    nd_free(rv);
    nd_free(av);
    nd_free(r);
    nd_free(ac);
    nd_free(ix);
    return nd_last_error();
}

/* ---- at ----------------------------------------------------------------------------------- */
/* np.add.at(a, idx, b) for 1-d aligned float64 / int64 a, one int64 index array and b a
 * scalar or a 1-d array of a's dtype: the tight loop. Returns false when not applicable. */
static bool add_at_fast(const nd__ufm *m, nd_array *a, const nd_array *ix, const nd_array *b,
                        nd_status *rc, const char *who)
{
    if (m->builtin != ND_UF_ADD || a->ndim != 1 || ix->ndim != 1 || m->t != a->dtype ||
        (a->dtype != ND_FLOAT64 && a->dtype != ND_INT64) || !nd__aligned(a) ||
        b->dtype != a->dtype || !nd__aligned(b) || (b->ndim == 1 && b->shape[0] != ix->shape[0] &&
                                                    b->shape[0] != 1) || b->ndim > 1)
        return false;
    const int64_t *id = (const int64_t *)ix->data;
    const ptrdiff_t n = ix->shape[0], N = a->shape[0], as = a->strides[0];
    const ptrdiff_t bs = b->ndim == 1 && b->shape[0] != 1 ? b->strides[0] : 0;
    char *ad = a->data;
    const char *bd = b->data;
    *rc = ND_OK;
    if (a->dtype == ND_FLOAT64) {
        nd__ufm_begin();
        if (as == 8 && bs == 0) {
            double *p = (double *)(void *)ad;
            const double v = *(const double *)(const void *)bd;
            for (ptrdiff_t i = 0; i < n; i++) {
                int64_t j = id[i];
                if (j < 0) j += N;
                if ((uint64_t)j >= (uint64_t)N) goto oob;
                p[j] += v;
            }
        } else {
            for (ptrdiff_t i = 0; i < n; i++) {
                int64_t j = id[i];
                if (j < 0) j += N;
                if ((uint64_t)j >= (uint64_t)N) goto oob;
                *(double *)(void *)(ad + j * as) += *(const double *)(const void *)(bd + i * bs);
            }
        }
        *rc = nd__ufm_finish(m, who);
        return true;
    }
    if (as == 8 && bs == 0) {
        int64_t *p = (int64_t *)(void *)ad;
        const uint64_t v = (uint64_t) * (const int64_t *)(const void *)bd;
        for (ptrdiff_t i = 0; i < n; i++) {
            int64_t j = id[i];
            if (j < 0) j += N;
            if ((uint64_t)j >= (uint64_t)N) goto oob;
            p[j] = (int64_t)((uint64_t)p[j] + v); /* wraps like NumPy's int64 add */
        }
    } else {
        for (ptrdiff_t i = 0; i < n; i++) {
            int64_t j = id[i];
            if (j < 0) j += N;
            if ((uint64_t)j >= (uint64_t)N) goto oob;
            int64_t *q = (int64_t *)(void *)(ad + j * as);
            *q = (int64_t)((uint64_t)*q + (uint64_t) * (const int64_t *)(const void *)(bd + i * bs));
        }
    }
    return true;
oob:
    for (ptrdiff_t i = 0; i < n; i++) {
        if (id[i] < -N || id[i] >= N) {
            *rc = nd_set_error(ND_EINDEX, "%s: index %lld is out of bounds for axis 0 with size %td",
                               who, (long long)id[i], N);
            break;
        }
    }
    return true;
}

/* Index arrays → nk int64 arrays broadcast to one shape (a bool mask is its nonzero
 * coordinates). *nk_out counts the indexed axes of a. */
static nd_status at_indices(const nd_array *a, int nidx, const nd_array *const *idx,
                            nd_array **ix, int *nk_out, const char *who)
{
    int nk = 0;
    for (int i = 0; i < nidx; i++) {
        if (!idx[i]) return nd_set_error(ND_EVALUE, "%s: index array %d is NULL", who, i);
        if (idx[i]->dtype == ND_BOOL) {
            if (nidx != 1)
                return nd_set_error(ND_EINDEX, "%s: a boolean index must be the only index", who);
            const nd_array *bm = idx[0];
            bool ok = bm->ndim <= a->ndim && bm->ndim > 0;
            for (int d = 0; ok && d < bm->ndim; d++) ok = bm->shape[d] == a->shape[d];
            if (!ok) {
                char s1[ND_SHAPE_STRLEN], s2[ND_SHAPE_STRLEN];
                return nd_set_error(ND_EINDEX, "%s: boolean index of shape %s does not match "
                                    "the array's shape %s", who,
                                    nd__shape_str(s1, sizeof s1, bm->ndim, bm->shape),
                                    nd__shape_str(s2, sizeof s2, a->ndim, a->shape));
            }
            nd_array *bc = nd_copy(bm, ND_ORDER_C);
            if (!bc) return nd_last_error();
            ptrdiff_t cnt = 0, total = nd_size(bc);
            const bool *bp = (const bool *)bc->data;
            for (ptrdiff_t k = 0; k < total; k++) cnt += bp[k];
            for (int d = 0; d < bm->ndim; d++) {
                ix[d] = nd__alloc(1, &cnt, ND_INT64, false, who);
                if (!ix[d]) {
                    nd_free(bc);
                    return nd_last_error();
                }
            }
            ptrdiff_t pos = 0, coord[ND_MAXDIMS] = { 0 };
            for (ptrdiff_t k = 0; k < total; k++) {
                if (bp[k]) {
                    for (int d = 0; d < bm->ndim; d++) ((int64_t *)ix[d]->data)[pos] = coord[d];
                    pos++;
                }
                for (int d = bm->ndim - 1; d >= 0; d--) {
                    if (++coord[d] < bm->shape[d]) break;
                    coord[d] = 0;
                }
            }
            nd_free(bc);
            *nk_out = bm->ndim;
            return ND_OK;
        }
        ix[i] = int_indices(idx[i], who);
        if (!ix[i]) return nd_last_error();
        nk++;
    }
    if (nk > a->ndim)
        return nd_set_error(ND_EINDEX, "%s: too many indices for array: array is %d-dimensional, "
                            "but %d were indexed", who, a->ndim, nk);
    *nk_out = nk;
    return ND_OK;
}

nd_status nd__ufm_at(const nd__ufm *m, nd_array *a, int nidx, const nd_array *const *idx,
                     const nd_array *b, const char *who)
{
    if (!nd_is_writeable(a)) return nd_set_error(ND_EVALUE, "%s: array is read-only", who);
    if (nidx < 1 || nidx > ND_MAXDIMS)
        return nd_set_error(ND_EVALUE, "%s: %d index arrays (1 to %d)", who, nidx, ND_MAXDIMS);
    nd_array *ix[ND_MAXDIMS] = { NULL }, *ib[ND_MAXDIMS] = { NULL };
    nd_array *bt = NULL, *bb = NULL, *av = NULL, *bv = NULL, *tin = NULL, *tout = NULL;
    int nk = 0;
    nd_status rc = at_indices(a, nidx, idx, ix, &nk, who);
    if (rc < 0) goto done;
    /* broadcast the index arrays */
    int ind = 0;
    ptrdiff_t ishape[ND_MAXDIMS];
    {
        int nds[ND_MAXDIMS];
        const ptrdiff_t *shs[ND_MAXDIMS];
        for (int i = 0; i < nk; i++) {
            nds[i] = ix[i]->ndim;
            shs[i] = ix[i]->shape;
        }
        if ((rc = nd__broadcast(nk, nds, shs, &ind, ishape, who)) < 0) goto done;
        for (int i = 0; i < nk; i++)
            if (!(ib[i] = nd__broadcast_view(ix[i], ind, ishape, who))) goto fail;
    }
    /* every index is checked before any is applied (NumPy: nothing changes on an error) */
    for (int i = 0; i < nk; i++) {
        const int64_t *v = (const int64_t *)(const void *)ix[i]->data;
        const ptrdiff_t cnt = nd_size(ix[i]), N = a->shape[i];
        for (ptrdiff_t k = 0; k < cnt; k++) {
            if (v[k] < -N || v[k] >= N) {
                rc = nd_set_error(ND_EINDEX, "%s: index %lld is out of bounds for axis %d with size %td",
                                  who, (long long)v[k], i, N);
                goto done;
            }
        }
    }
    const int sub_nd = a->ndim - nk;
    if (ind + sub_nd > ND_MAXDIMS) {
        rc = nd_set_error(ND_EVALUE, "%s: index and array dimensions exceed %d", who, ND_MAXDIMS);
        goto done;
    }
    ptrdiff_t fshape[ND_MAXDIMS];
    memcpy(fshape, ishape, sizeof(ptrdiff_t) * (size_t)ind);
    memcpy(fshape + ind, a->shape + nk, sizeof(ptrdiff_t) * (size_t)sub_nd);
    const int fnd = ind + sub_nd;
    if (b) {
        /* b broadcasts to index shape + the remaining axes of a, without extending them */
        int nds[2] = { fnd, b->ndim }, ond;
        const ptrdiff_t *shs[2] = { fshape, b->shape };
        ptrdiff_t osh[ND_MAXDIMS];
        bool ok = nd__broadcast(2, nds, shs, &ond, osh, who) == ND_OK && ond == fnd;
        for (int d = 0; ok && d < fnd; d++) ok = osh[d] == fshape[d];
        if (!ok) {
            char s1[ND_SHAPE_STRLEN], s2[ND_SHAPE_STRLEN];
            rc = nd_set_error(ND_ESHAPE, "%s: values of shape %s are not broadcastable to the "
                              "indexed shape %s", who, nd__shape_str(s1, sizeof s1, b->ndim, b->shape),
                              nd__shape_str(s2, sizeof s2, fnd, fshape));
            goto done;
        }
        if (!(bt = as_type(b, m->t, ND_CAST_SAFE, who))) goto fail;
        if (!(bb = nd__broadcast_view(bt, fnd, fshape, who))) goto fail;
    }
    const bool direct = a->dtype == m->t && m->ot == m->t && nd__aligned(a);
    if (direct && nk == 1 && ind == 1 && b && add_at_fast(m, a, ib[0], bb, &rc, who)) goto done;

    /* the general path: one loop run over the sub-array per index position */
    const ptrdiff_t npos = prod(ind, ishape);
    ptrdiff_t sub_st_a[ND_MAXDIMS];
    memcpy(sub_st_a, a->strides + nk, sizeof(ptrdiff_t) * (size_t)sub_nd);
    if (!(av = geom_view(a, sub_nd, a->shape + nk, sub_st_a, a->data))) goto fail;
    if (bb && !(bv = geom_view(bb, sub_nd, a->shape + nk, bb->strides + ind, bb->data))) goto fail;
    lane L;
    const ptrdiff_t *st[3];
    if (!direct) {
        if (!(tin = nd__alloc(sub_nd, a->shape + nk, m->t, false, who))) goto fail;
        if (!(tout = nd__alloc(sub_nd, a->shape + nk, m->ot, false, who))) goto fail;
    }
    {
        const ptrdiff_t *ast = direct ? sub_st_a : tin->strides, *ost = direct ? sub_st_a : tout->strides;
        int k = 0;
        st[k++] = ast;
        if (b) st[k++] = bv->strides;
        st[k++] = ost;
        lane_init(&L, m, k, false, sub_nd, a->shape + nk, st);
    }
    nd__ufm_begin();
    ptrdiff_t pos[ND_MAXDIMS] = { 0 };
    for (ptrdiff_t p = 0; p < npos; p++) {
        char *ap = a->data, *bp = bb ? bb->data : NULL;
        for (int i = 0; i < nk; i++) {
            ptrdiff_t off = 0;
            for (int d = 0; d < ind; d++) off += pos[d] * ib[i]->strides[d];
            int64_t j = *(const int64_t *)(const void *)(ib[i]->data + off);
            if (j < 0) j += a->shape[i];
            if (j < 0 || j >= a->shape[i]) {
                nd__loop_status_clear();
                rc = nd_set_error(ND_EINDEX, "%s: index %lld is out of bounds for axis %d with size %td",
                                  who, (long long)*(const int64_t *)(const void *)(ib[i]->data + off),
                                  i, a->shape[i]);
                goto done;
            }
            ap += j * a->strides[i];
        }
        if (bb)
            for (int d = 0; d < ind; d++) bp += pos[d] * bb->strides[d];
        char *bases[3];
        int k = 0;
        if (sub_nd == 0) {
            /* one element per position: the loop directly, casts by hand */
            static const ptrdiff_t st0[3] = { 0, 0, 0 };
            ptrdiff_t one = 1;
            bases[k++] = direct ? ap : tin->data;
            if (b) bases[k++] = bp;
            bases[k++] = direct ? ap : tout->data;
            if (!direct) nd_cast_strided(tin->data, m->t, 0, ap, a->dtype, 0, 1);
            m->fn(bases, &one, st0, m->ctx);
            if (!direct) nd_cast_strided(ap, a->dtype, 0, tout->data, m->ot, 0, 1);
        } else if (direct) {
            bases[k++] = ap;
            if (b) bases[k++] = bp;
            bases[k++] = ap;
            lane_run(&L, bases);
        } else {
            av->data = ap;
            if (nd__copy_into(tin, av) < 0) goto fail;
            bases[k++] = tin->data;
            if (b) bases[k++] = bp;
            bases[k++] = tout->data;
            lane_run(&L, bases);
            if (nd__copy_into(av, tout) < 0) goto fail;
        }
        for (int d = ind - 1; d >= 0; d--) {
            if (++pos[d] < ishape[d]) break;
            pos[d] = 0;
        }
    }
    rc = nd__ufm_finish(m, who);
    goto done;
fail:
    rc = nd_last_error();
done:
    for (int i = 0; i < ND_MAXDIMS; i++) {
        nd_free(ix[i]);
        nd_free(ib[i]);
    }
    nd_free(bt);
    nd_free(bb);
    nd_free(av);
    nd_free(bv);
    nd_free(tin);
    nd_free(tout);
    return rc < 0 ? rc : ND_OK;
}

/* ---- the built-in functions -------------------------------------------------------------- */
/* Resolve built-in f for a method on input dtype `in` (and `b` for at; NULL: in again),
 * with `forced` (0: resolve); the default accumulator of add / multiply is NumPy's
 * (bool and small ints → int64 / uint64). */
static nd_status builtin_ufm(nd__ufm *m, nd_ufunc f, const nd_operand *in, int nin,
                             int forced, bool need_same, const char *who)
{
    if ((unsigned)f >= ND_UF_COUNT)
        return nd_set_error(ND_EVALUE, "%s: invalid function %d", who, (int)f);
    const nd__ufunc_def *d = &nd__ufuncs[f];
    if (d->nin != nin)
        return nd_set_error(ND_EVALUE, "%s: '%s' takes %d inputs; this method needs %s", who,
                            d->name, d->nin, nin == 2 ? "a binary function" : "a unary function");
    if (forced && !nd_dtype_is_numeric(forced))
        return nd_set_error(ND_EDTYPE, "%s: invalid dtype %d", who, forced);
    int t;
    const bool logical = f == ND_UF_LOGICAL_AND || f == ND_UF_LOGICAL_OR || f == ND_UF_LOGICAL_XOR;
    if (!forced && need_same && logical)
        t = ND_BOOL; /* NumPy's logical reductions read truth values */
    else if (!forced && need_same && (f == ND_UF_ADD || f == ND_UF_MULTIPLY) && in[0].array &&
        nd__kind_cat(in[0].array->dtype) <= 1 && (nin < 2 || in[1].array == in[0].array))
        t = nd__sum_default_dtype(in[0].array->dtype);
    else
        t = nd__ufunc_resolve(f, NULL, in, forced, ND_CAST_SAME_KIND, who);
    if (t < 0) return nd_last_error();
    if (!d->loops[t])
        return nd_set_error(ND_EDTYPE, "%s: '%s' has no loop for dtype %s", who, d->name,
                            nd_dtype_name((nd_dtype)t));
    nd_dtype ot = nd__ufunc_outtype(f, (nd_dtype)t);
    if (need_same && ot != (nd_dtype)t)
        return nd_set_error(ND_EDTYPE, "%s: '%s' on %s gives %s; reduce, accumulate and reduceat "
                            "need a loop whose output dtype is its input dtype", who, d->name,
                            nd_dtype_name((nd_dtype)t), nd_dtype_name(ot));
    *m = (nd__ufm){ .name = d->name, .builtin = (int)f, .nin = nin, .fn = d->loops[t],
                    .ctx = NULL, .t = (nd_dtype)t, .ot = ot,
                    .has_identity = d->identity != ND__ID_NONE,
                    .reorderable = d->identity != ND__ID_NONE || d->idempotent,
                    .in_casting = logical ? ND_CAST_UNSAFE : ND_CAST_SAME_KIND };
    if (m->has_identity) {
        nd_scalar id = ND_I64(d->identity == ND__ID_ONE ? 1 : d->identity == ND__ID_ALLONES ? -1 : 0);
        if (m->t == ND_BOOL) {
            id.dtype = ND_BOOL;
            id.v.b = d->identity != ND__ID_ZERO;
        }
        m->identity = id;
    }
    return ND_OK;
}

/* The reduce of reduce.c serves reorderable built-ins without out; everything else takes
 * the generic path. */
static nd_status builtin_reduce(nd_ufunc f, nd_array *out, const nd_array *a,
                                const nd_reduce_opts *o, nd_array **res, const char *who)
{
    if (!a) return nd_set_error(ND_EVALUE, "%s: input is NULL", who);
    int forced = o ? o->dtype : 0;
    if (!forced && out) forced = out->dtype;
    nd_operand in[2] = { nd_op_array(a), nd_op_array(a) };
    nd__ufm m;
    if (builtin_ufm(&m, f, in, 2, forced, true, who) < 0) return nd_last_error();
    if (!out && m.reorderable) {
        nd_reduce_opts op = o ? *o : ufunc_reduce_defaults;
        op.dtype = (int)m.t;
        *res = nd__reduce(f, NULL, a, &op, m.t, m.in_casting, who);
        return *res ? ND_OK : nd_last_error();
    }
    return nd__ufm_reduce(&m, a, o, out, res, who);
}

nd_array *nd_ufunc_reduce(nd_ufunc f, const nd_array *a, const nd_reduce_opts *o)
{
    nd_array *r = NULL;
    return builtin_reduce(f, NULL, a, o, &r, "nd_ufunc_reduce") < 0 ? NULL : r;
}

nd_status nd_ufunc_reduce_into(nd_ufunc f, nd_array *out, const nd_array *a,
                               const nd_reduce_opts *o)
{
    if (!out) return nd_set_error(ND_EVALUE, "nd_ufunc_reduce_into: out is NULL");
    return builtin_reduce(f, out, a, o, NULL, "nd_ufunc_reduce_into");
}

static nd_status builtin_accumulate(nd_ufunc f, nd_array *out, const nd_array *a,
                                    const nd_accumulate_opts *o, nd_array **res, const char *who)
{
    if (!a) return nd_set_error(ND_EVALUE, "%s: input is NULL", who);
    int forced = o ? o->dtype : 0;
    if (!forced && out) forced = out->dtype;
    nd_operand in[2] = { nd_op_array(a), nd_op_array(a) };
    nd__ufm m;
    if (builtin_ufm(&m, f, in, 2, forced, true, who) < 0) return nd_last_error();
    return nd__ufm_accumulate(&m, a, o ? o->axis : 0, out, res, who);
}

nd_array *nd_ufunc_accumulate(nd_ufunc f, const nd_array *a, const nd_accumulate_opts *o)
{
    nd_array *r = NULL;
    return builtin_accumulate(f, NULL, a, o, &r, "nd_ufunc_accumulate") < 0 ? NULL : r;
}

nd_status nd_ufunc_accumulate_into(nd_ufunc f, nd_array *out, const nd_array *a,
                                   const nd_accumulate_opts *o)
{
    if (!out) return nd_set_error(ND_EVALUE, "nd_ufunc_accumulate_into: out is NULL");
    return builtin_accumulate(f, out, a, o, NULL, "nd_ufunc_accumulate_into");
}

static nd_status builtin_reduceat(nd_ufunc f, nd_array *out, const nd_array *a,
                                  const nd_array *indices, const nd_accumulate_opts *o,
                                  nd_array **res, const char *who)
{
    if (!a) return nd_set_error(ND_EVALUE, "%s: input is NULL", who);
    int forced = o ? o->dtype : 0;
    if (!forced && out) forced = out->dtype;
    nd_operand in[2] = { nd_op_array(a), nd_op_array(a) };
    nd__ufm m;
    if (builtin_ufm(&m, f, in, 2, forced, true, who) < 0) return nd_last_error();
    return nd__ufm_reduceat(&m, a, indices, o ? o->axis : 0, out, res, who);
}

nd_array *nd_ufunc_reduceat(nd_ufunc f, const nd_array *a, const nd_array *indices,
                            const nd_accumulate_opts *o)
{
    nd_array *r = NULL;
    return builtin_reduceat(f, NULL, a, indices, o, &r, "nd_ufunc_reduceat") < 0 ? NULL : r;
}

nd_status nd_ufunc_reduceat_into(nd_ufunc f, nd_array *out, const nd_array *a,
                                 const nd_array *indices, const nd_accumulate_opts *o)
{
    if (!out) return nd_set_error(ND_EVALUE, "nd_ufunc_reduceat_into: out is NULL");
    return builtin_reduceat(f, out, a, indices, o, NULL, "nd_ufunc_reduceat_into");
}

nd_array *nd__outer_left(const nd_array *a, int extra, const char *who)
{
    if (a->ndim + extra > ND_MAXDIMS)
        return ND_FAIL(ND_EVALUE, "%s: the result would have %d dimensions (at most %d)", who,
                       a->ndim + extra, ND_MAXDIMS);
    ptrdiff_t sh[ND_MAXDIMS], st[ND_MAXDIMS];
    for (int d = 0; d < a->ndim; d++) {
        sh[d] = a->shape[d];
        st[d] = a->strides[d];
    }
    for (int d = 0; d < extra; d++) {
        sh[a->ndim + d] = 1;
        st[a->ndim + d] = 0;
    }
    return geom_view(a, a->ndim + extra, sh, st, a->data);
}

static nd_status builtin_outer(nd_ufunc f, nd_array *out, const nd_array *a, const nd_array *b,
                               const nd_ufunc_opts *o, nd_array **res, const char *who)
{
    if ((unsigned)f >= ND_UF_COUNT) return nd_set_error(ND_EVALUE, "%s: invalid function %d", who, (int)f);
    if (nd__ufuncs[f].nin != 2)
        return nd_set_error(ND_EVALUE, "%s: outer needs a binary function; '%s' takes %d inputs",
                            who, nd__ufuncs[f].name, nd__ufuncs[f].nin);
    if (!a || !b) return nd_set_error(ND_EVALUE, "%s: input %d is NULL", who, a ? 1 : 0);
    nd_array *al = nd__outer_left(a, b->ndim, who);
    if (!al) return nd_last_error();
    nd_operand in[2] = { nd_op_array(al), nd_op_array(b) };
    nd_status rc;
    if (out) {
        rc = nd_ufunc_apply_into(f, out, in, o);
    } else {
        *res = nd_ufunc_apply(f, in, o);
        rc = *res ? ND_OK : nd_last_error();
    }
    nd_free(al);
    return rc;
}

nd_array *nd_ufunc_outer(nd_ufunc f, const nd_array *a, const nd_array *b, const nd_ufunc_opts *o)
{
    nd_array *r = NULL;
    return builtin_outer(f, NULL, a, b, o, &r, "nd_ufunc_outer") < 0 ? NULL : r;
}

nd_status nd_ufunc_outer_into(nd_ufunc f, nd_array *out, const nd_array *a, const nd_array *b,
                              const nd_ufunc_opts *o)
{
    if (!out) return nd_set_error(ND_EVALUE, "nd_ufunc_outer_into: out is NULL");
    return builtin_outer(f, out, a, b, o, NULL, "nd_ufunc_outer_into");
}

nd_status nd_ufunc_at_n_(nd_ufunc f, nd_array *a, int nidx, const nd_array *const *idx,
                         nd_operand b)
{
    const char *who = "nd_ufunc_at";
    if ((unsigned)f >= ND_UF_COUNT) return nd_set_error(ND_EVALUE, "%s: invalid function %d", who, (int)f);
    if (!a) return nd_set_error(ND_EVALUE, "%s: array is NULL", who);
    if (!idx) return nd_set_error(ND_EVALUE, "%s: index list is NULL", who);
    const int nin = nd__ufuncs[f].nin;
    if (nin == 3) return nd_set_error(ND_EVALUE, "%s: '%s' takes 3 inputs", who, nd__ufuncs[f].name);
    if (nin == 2 && b.kind == ND_OPK_NONE)
        return nd_set_error(ND_EVALUE, "%s: '%s' is binary: give the values b", who, nd__ufuncs[f].name);
    if (nin == 1 && b.kind != ND_OPK_NONE)
        return nd_set_error(ND_EVALUE, "%s: '%s' is unary: pass ND_NOBOUND for b", who, nd__ufuncs[f].name);
    if (b.kind == ND_OPK_ARRAY && !b.array) return nd_set_error(ND_EVALUE, "%s: b is NULL", who);
    nd_operand in[2] = { nd_op_array(a), b };
    nd__ufm m;
    if (builtin_ufm(&m, f, in, nin, 0, false, who) < 0) return nd_last_error();
    nd_array *bs = NULL;
    if (b.kind == ND_OPK_SCALAR) {
        nd_scalar v = b.scalar;
        bs = nd_full(0, NULL, m.t, v);
        if (!bs) return nd_last_error();
    }
    nd_status rc = nd__ufm_at(&m, a, nidx, idx, nin == 2 ? (bs ? bs : b.array) : NULL, who);
    nd_free(bs);
    return rc;
}
