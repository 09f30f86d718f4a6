/* numc — masked arrays: the everyday numpy.ma routines beyond ufuncs and reductions:
 * joining (concatenate, stack, hstack, vstack), where, dot, allclose / allequal, the
 * row / column helpers of numpy.ma.extras (compress_rowcols, mask_rowcols), anom, diff,
 * ediff1d, clip, round, choose, resize, putmask and put.
 *
 * Each is NumPy 1.24's recipe on the data and the mask separately, with the plain
 * routines doing the work: the data through nd_concatenate, nd_where, nd_dot, ...; the
 * mask through the same routine on the full masks (or the masked ufuncs, when NumPy
 * uses them). Whether the result has nomask follows what NumPy's recipe gives. */
#include <math.h>
#include <string.h>

#include "ma_ops_internal.h"
#include "numc/linalg.h"
#include "numc/manip.h"

/* ---- small shared steps ------------------------------------------------------------------ */
/* mask, or NULL when nothing is set in it (NumPy's _shrink_mask); mask is taken over. A
 * failure is ND_ENOMEM with *out NULL, never read as "nothing masked". */
static nd_status shrink(nd_array *mask, nd_array **out)
{
    *out = NULL;
    bool any = false;
    nd_status st = ma__any(mask, &any);
    if (st < 0 || !any) {
        nd_free(mask);
        return st;
    }
    *out = mask;
    return ND_OK;
}

/* Broadcasts *mask (of another shape, say 0-d) into a fresh mask of data's shape; false on
 * failure (*mask, possibly NULL then, is still the caller's to free). */
static bool fit_mask(nd_array **mask, const nd_array *data)
{
    if (ma__same_shape(*mask, data))
        return true;
    nd_array *t = nd_broadcast_to(*mask, nd_ndim(data), nd_shape(data));
    bool ok = t && ma__replace(mask, nd_copy(t, ND_ORDER_C)) != NULL;
    nd_free(t);
    return ok;
}

/* The tail of the builders: the result owning data and mask, or both freed on failure. */
static nd_marray *wrap_if(bool ok, nd_array *data, nd_array *mask, const char *who)
{
    if (!ok) {
        nd_free(data);
        nd_free(mask);
        return NULL;
    }
    return ma__wrap(data, mask, NULL, false, who);
}

/* The data of an operand as an array (new handle): the masked array's data, the plain
 * array, or a 0-d array of the scalar. */
static nd_array *operand_data(nd_ma_operand o)
{
    if (o.ma)
        return nd_ref(o.ma->data);
    if (o.op.kind == ND_OPK_ARRAY)
        return nd_ref(o.op.array);
    return nd_full(0, NULL, o.op.scalar.dtype, o.op.scalar);
}

static bool operand_null(nd_ma_operand o) { return !o.ma && o.op.kind == ND_OPK_ARRAY && !o.op.array; }

/* ND_ESHAPE naming the shapes unless the n arrays broadcast together. */
static nd_status check_broadcast(int n, const nd_array *const *arrs, const char *who)
{
    int ndims[4];
    const ptrdiff_t *shapes[4];
    for (int i = 0; i < n; i++) {
        ndims[i] = nd_ndim(arrs[i]);
        shapes[i] = nd_shape(arrs[i]);
    }
    int ndim;
    ptrdiff_t shape[ND_MAXDIMS];
    if (nd_broadcast_shapes(n, ndims, shapes, &ndim, shape) == ND_OK)
        return ND_OK;
    if (nd_last_error() == ND_ENOMEM)
        return ND_ENOMEM;
    char s[4][128], all[600] = "";
    for (int i = 0; i < n; i++) {
        nd__shape_str(s[i], sizeof s[i], ndims[i], shapes[i]);
        strcat(all, i ? " " : "");
        strcat(all, s[i]);
    }
    return nd_set_error(ND_ESHAPE, "%s: operands could not be broadcast together with shapes %s",
                        who, all);
}

/* ---- joining ------------------------------------------------------------------------------ */
typedef nd_array *(*join_fn)(int n, const nd_array *const *arrays, int axis);
static nd_array *join_concatenate(int n, const nd_array *const *a, int axis) { return (nd_concatenate)(n, a, axis); }
static nd_array *join_stack(int n, const nd_array *const *a, int axis) { return nd_stack(n, a, axis); }
static nd_array *join_hstack(int n, const nd_array *const *a, int axis) { (void)axis; return nd_hstack(n, a); }
static nd_array *join_vstack(int n, const nd_array *const *a, int axis) { (void)axis; return nd_vstack(n, a); }

static nd_status check_list(int n, const nd_marray *const *arrays, const char *who)
{
    if (n < 1)
        return nd_set_error(ND_EVALUE, "%s: need at least one array, got %d", who, n);
    if (!arrays)
        return nd_set_error(ND_EVALUE, "%s: array list is NULL", who);
    for (int i = 0; i < n; i++)
        if (!arrays[i])
            return nd_set_error(ND_EVALUE, "%s: array %d is NULL", who, i + 1);
    return ND_OK;
}

/* `fn` over the data, then over the full masks. concatenate (`shrink_mask`) gives
 * nomask when no operand has a mask or nothing is masked; the stacks always keep one
 * (numpy.ma's _fromnxfunction_seq builds masked_array(data, mask=fn(masks))). */
static nd_marray *join(join_fn fn, int n, const nd_marray *const *arrays, int axis, bool shrink_mask,
                       const char *who)
{
    if (check_list(n, arrays, who) < 0)
        return NULL;
    const nd_array **parts = nd_malloc(sizeof *parts * (size_t)n, who);
    nd_array **masks = nd_malloc(sizeof *masks * (size_t)n, who);
    nd_array *data = NULL, *mask = NULL;
    bool any_mask = false, ok = parts && masks;
    for (int i = 0; ok && i < n; i++) {
        parts[i] = arrays[i]->data;
        any_mask |= arrays[i]->mask != NULL;
    }
    ok = ok && (data = fn(n, parts, axis)) != NULL;
    if (ok && (any_mask || !shrink_mask)) {
        int made = 0;
        for (; made < n && (masks[made] = ma__maskarray(arrays[made], who)); made++)
            ;
        ok = made == n && (mask = fn(n, (const nd_array *const *)masks, axis)) != NULL;
        for (int i = 0; i < made; i++)
            nd_free(masks[i]);
        /* concatenating with axis None flattens the masks as the data: same shape */
        if (ok && shrink_mask)
            ok = shrink(mask, &mask) == ND_OK;
    }
    nd_free_mem(parts);
    nd_free_mem(masks);
    return wrap_if(ok, data, mask, who);
}

nd_marray *nd_ma_concatenate(int n, const nd_marray *const *arrays, int axis)
{
    return join(join_concatenate, n, arrays, axis, true, "nd_ma_concatenate");
}
nd_marray *nd_ma_stack(int n, const nd_marray *const *arrays, int axis)
{
    return join(join_stack, n, arrays, axis, false, "nd_ma_stack");
}
nd_marray *nd_ma_hstack(int n, const nd_marray *const *arrays)
{
    return join(join_hstack, n, arrays, 0, false, "nd_ma_hstack");
}
nd_marray *nd_ma_vstack(int n, const nd_marray *const *arrays)
{
    return join(join_vstack, n, arrays, 0, false, "nd_ma_vstack");
}

/* ---- where ---------------------------------------------------------------------------------- */
nd_marray *nd_ma_where_(nd_ma_operand condition, nd_ma_operand x, nd_ma_operand y)
{
    static const char who[] = "nd_ma_where";
    const nd_ma_operand ops[3] = { condition, x, y };
    static const char *const names[3] = { "condition", "x", "y" };
    for (int i = 0; i < 3; i++)
        if (operand_null(ops[i]))
            return ND_FAIL(ND_EVALUE, "%s: %s is NULL", who, names[i]);
    nd_array *d[3] = { NULL, NULL, NULL }, *cf = NULL, *data = NULL, *mask = NULL, *t = NULL;
    nd_array *no = nd_zeros(0, NULL, ND_BOOL); /* the mask of an operand without one */
    bool ok = no != NULL;
    for (int i = 0; ok && i < 3; i++)
        ok = (d[i] = operand_data(ops[i])) != NULL;
    ok = ok && check_broadcast(3, (const nd_array *const *)d, who) == ND_OK;
    /* filled(condition, False): nonzero and not masked */
    ok = ok && (cf = nd_astype(d[0], ND_BOOL, ND_CAST_UNSAFE)) != NULL &&
         (!condition.ma || !condition.ma->mask ||
          nd_mask_assign(cf, condition.ma->mask, ND_BOOL_S(false)) == ND_OK);
    ok = ok && (data = nd_where(cf, d[1], d[2])) != NULL;
    if (ok && ((x.ma && x.ma->mask) || (y.ma && y.ma->mask))) {
        const nd_array *xm = x.ma && x.ma->mask ? x.ma->mask : no;
        const nd_array *ym = y.ma && y.ma->mask ? y.ma->mask : no;
        ok = (mask = nd_where(cf, xm, ym)) != NULL;
    }
    /* (a copy: the result must not share the condition's mask) */
    if (ok && condition.ma && condition.ma->mask)
        ok = (t = nd_copy(condition.ma->mask, ND_ORDER_C)) != NULL && ma__or_into(&mask, t);
    /* a 0-d mask broadcast, to the data's shape */
    ok = ok && (!mask || fit_mask(&mask, data));
    ok = ok && (!mask || shrink(mask, &mask) == ND_OK);
    for (int i = 0; i < 3; i++)
        nd_free(d[i]);
    nd_free(cf);
    nd_free(no);
    return wrap_if(ok, data, mask, who);
}

/* ---- dot -------------------------------------------------------------------------------- */
/* ~mask as float64 (1 where valid): its dot product counts the valid products. */
static nd_array *valid_f64(const nd_marray *m, const char *who)
{
    nd_array *k = ma__maskarray(m, who), *v = k ? nd_logical_not(k) : NULL;
    nd_array *f = v ? nd_astype(v, ND_FLOAT64, ND_CAST_UNSAFE) : NULL;
    nd_free(k);
    nd_free(v);
    return f;
}

nd_marray *nd_ma_dot(const nd_marray *a, const nd_marray *b, bool strict)
{
    static const char who[] = "nd_ma_dot";
    if (ma__check(a, who) < 0 || ma__check(b, who) < 0)
        return NULL;
    nd_marray *sa = NULL, *sb = NULL;
    if (strict && nd_ndim(a->data) == 2 && nd_ndim(b->data) == 2) {
        if (!(sa = nd_ma_mask_rowcols(a, 0)) || !(sb = nd_ma_mask_rowcols(b, 1))) {
            nd_ma_free(sa);
            return NULL;
        }
        a = sa;
        b = sb;
    }
    nd_array *fa = nd_ma_filled(a, &ND_I64(0)), *fb = fa ? nd_ma_filled(b, &ND_I64(0)) : NULL;
    nd_array *data = fb ? nd_dot(fa, fb) : NULL;
    nd_array *va = data ? valid_f64(a, who) : NULL, *vb = va ? valid_f64(b, who) : NULL;
    nd_array *count = vb ? nd_dot(va, vb) : NULL;
    /* masked where no product has both factors valid (NumPy's ~dot(~ma, ~mb)) */
    nd_array *mask = count ? nd_equal(count, 0.0) : NULL;
    nd_free(fa);
    nd_free(fb);
    nd_free(va);
    nd_free(vb);
    nd_free(count);
    nd_ma_free(sa);
    nd_ma_free(sb);
    if (!mask) {
        nd_free(data);
        return NULL;
    }
    return ma__wrap(data, mask, NULL, false, who);
}

/* ---- allclose, allequal ------------------------------------------------------------------ */
/* The four arrays data / mask of a and b broadcast together and read as float64 (the
 * masks as 0 / 1); *n the element count. */
typedef struct pair_f64 {
    double *v[4];
    ptrdiff_t n;
} pair_f64;

static void pair_free(pair_f64 *p)
{
    for (int i = 0; i < 4; i++)
        nd_free_mem(p->v[i]);
}

static nd_status pair_read(const nd_marray *a, const nd_marray *b, pair_f64 *p, const char *who)
{
    memset(p, 0, sizeof *p);
    if (ma__check(a, who) < 0 || ma__check(b, who) < 0)
        return nd_last_error();
    if (nd_dtype_is_complex(nd_dtype_of(a->data)) || nd_dtype_is_complex(nd_dtype_of(b->data)))
        return nd_set_error(ND_EDTYPE, "%s: complex arrays are not supported", who);
    nd_array *ka = ma__maskarray(a, who), *kb = ka ? ma__maskarray(b, who) : NULL;
    const nd_array *in[4] = { a->data, b->data, ka, kb };
    nd_array *bc[4] = { NULL, NULL, NULL, NULL };
    nd_status st = !kb ? nd_last_error() : check_broadcast(2, in, who);
    if (st == ND_OK)
        st = nd_broadcast_arrays(4, in, bc);
    if (st == ND_OK) {
        p->n = nd_size(bc[0]);
        for (int i = 0; i < 4 && st == ND_OK; i++) {
            p->v[i] = nd_malloc(sizeof(double) * (size_t)(p->n > 0 ? p->n : 1), who);
            st = !p->v[i] ? nd_last_error() : nd_to_f64(bc[i], p->v[i]);
        }
    }
    for (int i = 0; i < 4; i++)
        nd_free(bc[i]);
    nd_free(ka);
    nd_free(kb);
    if (st < 0)
        pair_free(p);
    return st;
}

int nd_ma_allclose(const nd_marray *a, const nd_marray *b, bool masked_equal, double rtol, double atol)
{
    pair_f64 p;
    nd_status st = pair_read(a, b, &p, "nd_ma_allclose");
    if (st < 0)
        return st;
    const double *x = p.v[0], *y = p.v[1], *xm = p.v[2], *ym = p.v[3];
    int r = 1;
    /* NumPy: isinf(x) outside either mask must equal isinf(y) outside y's mask */
    for (ptrdiff_t i = 0; r && i < p.n; i++) {
        bool masked = xm[i] != 0 || ym[i] != 0;
        bool xinf = !masked && isinf(x[i]), yinf = ym[i] == 0 && isinf(y[i]);
        if (xinf != yinf)
            r = 0;
        else if (masked)
            r = masked_equal;
        else if (xinf)
            r = x[i] == y[i];
        else
            r = fabs(x[i] - y[i]) <= atol + rtol * fabs(y[i]);
    }
    pair_free(&p);
    return r;
}

int nd_ma_allequal(const nd_marray *a, const nd_marray *b, bool fill_value)
{
    static const char who[] = "nd_ma_allequal";
    if (ma__check(a, who) < 0 || ma__check(b, who) < 0)
        return nd_last_error();
    const nd_array *in[2] = { a->data, b->data };
    if (check_broadcast(2, in, who) < 0)
        return nd_last_error();
    /* mask_or shrinks: an all-false mask counts as nomask */
    nd_array *m = nd_ma_mask_or(a->mask, b->mask, true);
    if (!m && nd_last_error() != ND_OK)
        return nd_last_error();
    if (m && !fill_value) {
        nd_free(m);
        return 0;
    }
    nd_array *eq = nd_equal(a->data, b->data);
    if (eq && m)
        ma__replace(&eq, nd_logical_or(eq, m));
    nd_array *all = eq ? nd_all(eq) : NULL;
    int r = all ? nd_item_bool(all) : nd_last_error();
    nd_free(m);
    nd_free(eq);
    nd_free(all);
    return r;
}

/* ---- rows and columns ------------------------------------------------------------------- */
/* The 2-D check and the axis: *rows / *cols tell which to take. NumPy's two functions
 * read the axis differently (see the header): compress_rowcols normalises it, mask_rowcols
 * tests `not axis` and `axis in [None, 1, -1]`. */
static nd_status rowcols_of(const nd_marray *x, int axis, bool as_mask, bool *rows, bool *cols,
                            const char *who)
{
    if (ma__check(x, who) < 0)
        return nd_last_error();
    if (nd_ndim(x->data) != 2)
        return nd_set_error(ND_ESHAPE, "%s: works for 2-D arrays only, got %d-D", who, nd_ndim(x->data));
    if (axis != ND_AXIS_NONE && (axis < -2 || axis > 1))
        return nd_set_error(ND_EAXIS, "%s: axis %d is out of bounds for array of dimension 2", who, axis);
    if (as_mask) {
        *rows = axis == ND_AXIS_NONE || axis == 0;
        *cols = axis == ND_AXIS_NONE || axis == 1 || axis == -1;
    } else {
        *rows = axis == ND_AXIS_NONE || axis == 0 || axis == -2;
        *cols = axis == ND_AXIS_NONE || axis == 1 || axis == -1;
    }
    return ND_OK;
}

/* Which rows (along = 0: any over axis 1) or columns hold a masked element, 1-D bool. */
static nd_array *holding_masked(const nd_array *mask, int along)
{
    return nd_any(mask, .axis = 1 - along);
}

nd_array *nd_ma_compress_rowcols(const nd_marray *x, int axis)
{
    static const char who[] = "nd_ma_compress_rowcols";
    bool rows, cols, any = false;
    if (rowcols_of(x, axis, false, &rows, &cols, who) < 0 || ma__any(x->mask, &any) < 0)
        return NULL;
    if (!any)
        return nd_ref(x->data);
    nd_array *all = nd_all(x->mask);
    if (!all)
        return NULL;
    bool every = nd_item_bool(all);
    nd_free(all);
    if (every)
        return nd_zeros(1, (ptrdiff_t[]){ 0 }, ND_FLOAT64);
    nd_array *out = nd_ref(x->data);
    for (int ax = 0; ax < 2 && out; ax++) {
        if (!(ax == 0 ? rows : cols))
            continue;
        nd_array *bad = holding_masked(x->mask, ax), *keep = bad ? nd_logical_not(bad) : NULL;
        ma__replace(&out, keep ? nd_compress(keep, out, ax) : NULL);
        nd_free(bad);
        nd_free(keep);
    }
    return out;
}

nd_array *nd_ma_compress_rows(const nd_marray *x) { return nd_ma_compress_rowcols(x, 0); }
nd_array *nd_ma_compress_cols(const nd_marray *x) { return nd_ma_compress_rowcols(x, 1); }

nd_marray *nd_ma_mask_rowcols(const nd_marray *a, int axis)
{
    static const char who[] = "nd_ma_mask_rowcols";
    bool rows, cols, any = false;
    if (rowcols_of(a, axis, true, &rows, &cols, who) < 0 || ma__any(a->mask, &any) < 0)
        return NULL;
    nd_array *mask = a->mask ? nd_copy(a->mask, ND_ORDER_C) : NULL;
    bool ok = !a->mask || mask;
    for (int ax = 0; any && ok && ax < 2; ax++) {
        if (!(ax == 0 ? rows : cols))
            continue;
        /* rows: bad[:, None]; columns: bad[None, :] — broadcast into the mask */
        nd_array *bad = holding_masked(a->mask, ax);
        nd_array *b2 = bad ? nd_expand_dims(bad, 1 - ax) : NULL;
        ok = b2 && ma__replace(&mask, nd_logical_or(mask, b2)) != NULL;
        nd_free(bad);
        nd_free(b2);
    }
    if (!ok) {
        nd_free(mask);
        return NULL;
    }
    return ma__wrap(nd_ref(a->data), mask, &a->fill, a->hard, who);
}

nd_marray *nd_ma_mask_rows(const nd_marray *a) { return nd_ma_mask_rowcols(a, 0); }
nd_marray *nd_ma_mask_cols(const nd_marray *a) { return nd_ma_mask_rowcols(a, 1); }

/* ---- anom, diff, ediff1d ---------------------------------------------------------------- */
nd_marray *nd_ma_anom(const nd_marray *a, int axis)
{
    if (ma__check(a, "nd_ma_anom") < 0)
        return NULL;
    /* the mean with keepdims broadcasts back as NumPy's expand_dims(mean, axis) */
    nd_marray *mean = nd_ma_mean(a, .axis = axis, .keepdims = true);
    nd_marray *r = mean ? nd_ma_subtract(a, mean) : NULL;
    nd_ma_free(mean);
    return r;
}

/* a with `axis` sliced to [1:] (tail) or [:-1]: a view. */
static nd_array *axis_part(const nd_array *a, int axis, bool tail)
{
    nd_index idx[ND_MAXDIMS];
    for (int i = 0; i < nd_ndim(a); i++)
        idx[i] = ND_ALL;
    idx[axis] = tail ? ND_SLICE(1, ND_NONE, 1) : ND_SLICE(ND_NONE, -1, 1);
    return nd_slice(a, nd_ndim(a), idx);
}

nd_marray *nd_ma_diff(const nd_marray *a, int n, int axis)
{
    static const char who[] = "nd_ma_diff";
    if (ma__check(a, who) < 0)
        return NULL;
    int nd = nd_ndim(a->data);
    if (n < 0)
        return ND_FAIL(ND_EVALUE, "%s: order must be non-negative but got %d", who, n);
    if (nd == 0)
        return ND_FAIL(ND_EVALUE, "%s: diff requires input that is at least one dimensional", who);
    if (axis < -nd || axis >= nd)
        return ND_FAIL(ND_EAXIS, "%s: axis %d is out of bounds for array of dimension %d", who, axis, nd);
    if (n == 0)
        return nd_ma_ref(a);
    axis = axis < 0 ? axis + nd : axis;
    nd_diff_opts o = ND_DIFF_DEFAULTS;
    o.n = n;
    o.axis = axis;
    nd_array *data = nd_diff_(a->data, &o), *mask = NULL;
    bool ok = data != NULL && (!a->mask || (mask = nd_ref(a->mask)) != NULL);
    /* each difference masks where either of its two elements was masked */
    for (int k = 0; ok && mask && k < n; k++) {
        nd_array *hi = axis_part(mask, axis, true), *lo = axis_part(mask, axis, false);
        ok = hi && lo && ma__replace(&mask, nd_logical_or(hi, lo)) != NULL;
        nd_free(hi);
        nd_free(lo);
    }
    /* NumPy's ufunc wrapper joins the two masks with mask_or, which shrinks an all-false
     * union to nomask */
    ok = ok && (!mask || shrink(mask, &mask) == ND_OK);
    if (!ok) {
        nd_free(data);
        nd_free(mask);
        return NULL;
    }
    nd_scalar fill = ma__result_fill(a, nd_dtype_of(data));
    return ma__wrap(data, mask, &fill, false, who);
}

nd_marray *nd_ma_ediff1d(const nd_marray *a, const nd_marray *to_end, const nd_marray *to_begin)
{
    static const char who[] = "nd_ma_ediff1d";
    if (ma__check(a, who) < 0)
        return NULL;
    nd_marray *flat = nd_ma_ravel(a);
    nd_marray *hi = flat ? nd_ma_view(flat, "1:") : NULL, *lo = hi ? nd_ma_view(flat, ":-1") : NULL;
    nd_marray *ed = lo ? nd_ma_subtract(hi, lo) : NULL;
    nd_ma_free(flat);
    nd_ma_free(hi);
    nd_ma_free(lo);
    if (!ed || (!to_begin && !to_end))
        return ed;
    const nd_marray *parts[3];
    nd_marray *owned[2] = { NULL, NULL };
    int n = 0;
    bool ok = true;
    if (to_begin)
        ok = (parts[n++] = owned[0] = nd_ma_ravel(to_begin)) != NULL;
    parts[n++] = ed;
    if (ok && to_end)
        ok = (parts[n++] = owned[1] = nd_ma_ravel(to_end)) != NULL;
    nd_marray *r = ok ? join(join_hstack, n, parts, 0, false, who) : NULL;
    nd_ma_free(owned[0]);
    nd_ma_free(owned[1]);
    nd_ma_free(ed);
    return r;
}

/* ---- clip, round ---------------------------------------------------------------------- */
nd_marray *nd_ma_clip_(const nd_marray *a, nd_operand lo, nd_operand hi)
{
    if (ma__check(a, "nd_ma_clip") < 0)
        return NULL;
    /* numpy.ma has no clip of its own: the plain ufunc under a's mask (the ufunc wrapper
     * keeps the computed data and a's fill value) */
    nd_ma_operand in[3] = { nd_ma_op_ma(a), nd_ma_op_plain(lo), nd_ma_op_plain(hi) };
    nd_marray *r = nd_ma_ufunc_(ND_UF_CLIP, 3, in, NULL);
    if (!r)
        return NULL;
    r->hard = a->hard;
    /* the wrapper joins the three masks with mask_or, which shrinks an all-false one */
    if (r->mask && shrink(r->mask, &r->mask) < 0) {
        nd_ma_free(r);
        return NULL;
    }
    return r;
}

nd_marray *nd_ma_round(const nd_marray *a, int decimals)
{
    static const char who[] = "nd_ma_round";
    if (ma__check(a, who) < 0)
        return NULL;
    nd_array *mask = NULL;
    if (a->mask && !(mask = nd_copy(a->mask, ND_ORDER_C)))
        return NULL;
    nd_array *data = nd_around(a->data, decimals);
    if (!data) {
        nd_free(mask);
        return NULL;
    }
    return ma__wrap(data, mask, &a->fill, a->hard, who);
}

/* ---- choose, resize ---------------------------------------------------------------------- */
nd_marray *nd_ma_choose(const nd_marray *indices, int n, const nd_marray *const *choices, nd_clipmode mode)
{
    static const char who[] = "nd_ma_choose";
    if (ma__check(indices, who) < 0 || check_list(n, choices, who) < 0)
        return NULL;
    /* the choices filled with their fill values, their masks (a 0-d false for nomask) */
    nd_array **parts = nd_malloc(sizeof *parts * 2 * (size_t)n, who);
    if (!parts)
        return NULL;
    nd_array **masks = parts + n;
    int made = 0;
    bool ok = true;
    for (; ok && made < n; made++) {
        const nd_marray *c = choices[made];
        parts[made] = nd_ma_filled(c, NULL);
        masks[made] = c->mask ? nd_ref(c->mask) : nd_zeros(0, NULL, ND_BOOL);
        ok = parts[made] && masks[made];
    }
    nd_array *c = ok ? nd_ma_filled(indices, &ND_I64(0)) : NULL, *data = NULL, *mask = NULL;
    ok = c && (data = nd_choose(c, n, (const nd_array *const *)parts, mode)) != NULL &&
         (mask = nd_choose(c, n, (const nd_array *const *)masks, mode)) != NULL;
    if (ok && indices->mask) {
        nd_array *k = nd_copy(indices->mask, ND_ORDER_C);
        ok = k && ma__or_into(&mask, k);
    }
    /* an index mask of another shape than the result broadcasts into it */
    ok = ok && fit_mask(&mask, data);
    ok = ok && shrink(mask, &mask) == ND_OK;
    for (int i = 0; i < made; i++) {
        nd_free(parts[i]);
        nd_free(masks[i]);
    }
    nd_free_mem(parts);
    nd_free(c);
    return wrap_if(ok, data, mask, who);
}

nd_marray *nd_ma_resize(const nd_marray *a, int ndim, const ptrdiff_t *shape)
{
    static const char who[] = "nd_ma_resize";
    if (ma__check(a, who) < 0)
        return NULL;
    nd_array *data = nd_resize(a->data, ndim, shape), *mask = NULL;
    if (data && a->mask && nd_ndim(data) > 0 && !(mask = nd_resize(a->mask, ndim, shape))) {
        nd_free(data);
        return NULL;
    }
    /* NumPy makes an empty result with zeros_like(a), which inherits a's attributes */
    bool empty = data && nd_size(data) == 0;
    return ma__wrap(data, mask, empty ? &a->fill : NULL, empty && a->hard, who);
}

/* ---- putmask, put ---------------------------------------------------------------------- */
/* dst[where] = src (src broadcast to dst's shape, cast same_kind) on copies: the new
 * contents of dst as a C-contiguous array of dst's dtype; dst itself is not touched. */
static nd_array *copy_where(const nd_array *dst, const nd_array *src, const nd_array *where,
                            const char *who)
{
    if (!nd_can_cast(nd_dtype_of(src), nd_dtype_of(dst), ND_CAST_SAME_KIND))
        return ND_FAIL(ND_EDTYPE, "%s: cannot cast the values from %s to %s (same_kind)", who,
                       nd_dtype_name(nd_dtype_of(src)), nd_dtype_name(nd_dtype_of(dst)));
    nd_array *s = nd_astype(src, nd_dtype_of(dst), ND_CAST_UNSAFE);
    nd_array *r = s ? nd_where(where, s, dst) : NULL;
    nd_free(s);
    return r;
}

nd_status nd_ma_putmask(nd_marray *a, const nd_array *mask, const nd_marray *values)
{
    static const char who[] = "nd_ma_putmask";
    if (ma__check(a, who) < 0 || ma__check(values, who) < 0)
        return nd_last_error();
    if (!mask)
        return nd_set_error(ND_EVALUE, "%s: mask is NULL", who);
    if (nd_dtype_of(mask) != ND_BOOL)
        return nd_set_error(ND_EDTYPE, "%s: mask must be bool, got %s", who, nd_dtype_name(nd_dtype_of(mask)));
    const nd_array *shapes[3] = { a->data, mask, values->data };
    if (check_broadcast(3, shapes, who) < 0)
        return nd_last_error();
    /* everything is computed first; a is changed only once nothing can fail but the
     * final copy into its data */
    nd_array *data = copy_where(a->data, values->data, mask, who), *newmask = NULL;
    bool ok = data && ma__same_shape(data, a->data);
    if (!ok && data) {
        nd_set_error(ND_ESHAPE, "%s: values and mask must broadcast to the array's shape", who);
        ma__replace(&data, NULL);
    }
    bool keep_mask = !values->mask && (!a->mask || a->hard);
    if (ok && !keep_mask) {
        nd_array *cur = ma__maskarray(a, who), *vm = cur ? ma__maskarray(values, who) : NULL;
        nd_array *put = vm ? copy_where(cur, vm, mask, who) : NULL;
        /* a hard mask only gains masked elements: a.mask |= m */
        if (put && a->hard && a->mask)
            ma__replace(&put, nd_logical_or(put, a->mask));
        ok = (newmask = put) != NULL;
        nd_free(cur);
        nd_free(vm);
    }
    ok = ok && nd_assign(a->data, data, ND_CAST_UNSAFE) == ND_OK;
    if (ok && newmask) {
        if (a->mask) /* written in place: views sharing the mask see it, as NumPy's */
            ok = nd_assign(a->mask, newmask, ND_CAST_UNSAFE) == ND_OK;
        else {
            nd__scope_detach(newmask);
            a->mask = newmask;
            newmask = NULL;
        }
    }
    nd_free(data);
    nd_free(newmask);
    return ok ? ND_OK : nd_last_error();
}

nd_status nd_ma_put(nd_marray *a, const nd_array *indices, const nd_marray *values)
{
    static const char who[] = "nd_ma_put";
    if (ma__check(a, who) < 0 || ma__check(values, who) < 0)
        return nd_last_error();
    if (!indices)
        return nd_set_error(ND_EVALUE, "%s: indices array is NULL", who);
    nd_array *idx = nd_ravel(indices), *vals = idx ? nd_ravel(values->data) : NULL;
    nd_array *vmask = NULL;
    bool ok = vals && (!values->mask || (vmask = nd_ravel(values->mask)));
    /* a hard mask: drop the indices of masked elements and their values (values paired
     * with the indices first, repeating) */
    if (ok && a->hard && a->mask && nd_size(idx) > 0 && nd_size(vals) > 0) {
        nd_array *fm = nd_ravel(a->mask), *hit = fm ? nd_getitem(fm, ND_ARR(idx)) : NULL;
        nd_array *keep = hit ? nd_logical_not(hit) : NULL;
        ptrdiff_t count = nd_size(idx); /* (idx is replaced below: keep its length) */
        ok = keep != NULL;
        nd_array **each[3] = { &idx, &vals, &vmask };
        for (int i = 0; ok && i < 3; i++) {
            if (!*each[i])
                continue;
            nd_array *r = i ? nd_resize(*each[i], 1, &count) : nd_ref(*each[i]);
            ok = r && ma__replace(each[i], nd_getitem(r, ND_MASK(keep))) != NULL;
            nd_free(r);
        }
        nd_free(fm);
        nd_free(hit);
        nd_free(keep);
    }
    /* the new data and mask on copies; a changes only when both are made */
    nd_array *data = ok ? nd_copy(a->data, ND_ORDER_C) : NULL, *mask = NULL;
    bool any = false;
    ok = data && nd_put(data, idx, vals) == ND_OK;
    if (ok && (a->mask || vmask)) {
        nd_array *no = vmask ? NULL : nd_zeros(0, NULL, ND_BOOL);
        ok = (vmask || no) && (mask = ma__maskarray(a, who)) != NULL &&
             nd_put(mask, idx, vmask ? vmask : no) == ND_OK && ma__any(mask, &any) == ND_OK;
        nd_free(no);
    }
    ok = ok && nd_assign(a->data, data, ND_CAST_UNSAFE) == ND_OK;
    if (ok && mask) {
        /* a's own mask is written in place (views sharing it see the change, as NumPy's
         * m.put on self._mask), then dropped when nothing stays masked (make_mask's
         * shrink) */
        if (a->mask) {
            ok = nd_assign(a->mask, mask, ND_CAST_UNSAFE) == ND_OK;
        } else if (any) {
            nd__scope_detach(mask);
            a->mask = mask;
            mask = NULL;
        }
        if (ok && !any)
            ma__replace(&a->mask, NULL);
    }
    nd_free(idx);
    nd_free(vals);
    nd_free(vmask);
    nd_free(data);
    nd_free(mask);
    return ok ? ND_OK : nd_last_error();
}
