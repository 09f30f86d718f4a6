/* Comparisons of string arrays: the comparison ufuncs, sorting, searchsorted, unique and
 * isin, all in NumPy's order (code points for 'U', unsigned bytes for 'S', trailing zeros
 * ignored). */
#include "str_internal.h"

#include <numc/sort.h>
#include <numc/ufunc.h>

/* ---- the comparison ufuncs ----------------------------------------------------------------- */

static const char *const cmp_names[] = { "equal", "not_equal", "less", "less_equal", "greater",
                                         "greater_equal" };

static bool is_cmp(int f) { return f >= ND_UF_EQUAL && f <= ND_UF_GREATER_EQUAL; }

bool nd__str_ufunc_claims(int f, int nin, const nd_operand *in)
{
    if (!is_cmp(f) || nin != 2 || !in) return false;
    for (int i = 0; i < 2; i++)
        if (in[i].kind == ND_OPK_ARRAY && in[i].array && nd_dtype_is_string(in[i].array->dtype))
            return true;
    return false;
}

static bool cmp_result(int f, int c)
{
    switch (f) {
    case ND_UF_EQUAL: return c == 0;
    case ND_UF_NOT_EQUAL: return c != 0;
    case ND_UF_LESS: return c < 0;
    case ND_UF_LESS_EQUAL: return c <= 0;
    case ND_UF_GREATER: return c > 0;
    default: return c >= 0;
    }
}

static const char *operand_type(const nd_operand *o)
{
    if (o->kind == ND_OPK_ARRAY) return o->array ? nd_dtype_name(o->array->dtype) : "NULL";
    return nd_dtype_name(o->scalar.dtype);
}

nd_status nd__str_ufunc_exec(int f, const nd_operand *in, nd_array **out,
                             const nd_ufunc_opts *o, const char *who)
{
    const nd_ufunc_opts opts = o ? *o : (nd_ufunc_opts){ 0 };
    const char *name = cmp_names[f - ND_UF_EQUAL];
    if (opts.no_positional_options_use_X_into_for_out != 0 &&
        opts.no_positional_options_use_X_into_for_out != ND__NOPOS)
        return nd_set_error(ND_EVALUE, "%s: a positional argument after the operands", who);
    if (in[0].kind != ND_OPK_ARRAY || in[1].kind != ND_OPK_ARRAY || !in[0].array ||
        !in[1].array || !nd_dtype_is_string(in[0].array->dtype) ||
        !nd_dtype_is_string(in[1].array->dtype) ||
        nd__str_is_u(in[0].array->dtype) != nd__str_is_u(in[1].array->dtype))
        return nd_set_error(ND_EDTYPE, "%s: ufunc '%s' did not contain a loop with signature "
                            "matching types (%s, %s)", who, name, operand_type(&in[0]),
                            operand_type(&in[1]));
    if (opts.dtype && opts.dtype != ND_BOOL)
        return nd_set_error(ND_EDTYPE, "%s: string comparisons give bool, not %s", who,
                            nd_dtype_name((nd_dtype)opts.dtype));
    const nd_array *a = in[0].array, *b = in[1].array, *where = opts.where;
    if (where && where->dtype != ND_BOOL)
        return nd_set_error(ND_EDTYPE, "%s: where must be a bool array, got %s", who,
                            nd_dtype_name(where->dtype));
    int ndims[2] = { a->ndim, b->ndim }, ndim;
    const ptrdiff_t *shapes[2] = { a->shape, b->shape };
    ptrdiff_t shape[ND_MAXDIMS];
    if (nd__broadcast(2, ndims, shapes, &ndim, shape, who) < 0) return nd_last_error();
    nd_array *res = *out;
    nd_casting casting = opts.casting ? opts.casting : ND_CAST_SAME_KIND;
    if (res) {
        bool same = res->ndim == ndim;
        for (int d = 0; same && d < ndim; d++) same = res->shape[d] == shape[d];
        if (!same) {
            char s1[ND_SHAPE_STRLEN], s2[ND_SHAPE_STRLEN];
            return nd_set_error(ND_ESHAPE, "%s: output shape %s does not match the broadcast "
                                "shape %s", who, nd__shape_str(s1, sizeof s1, res->ndim, res->shape),
                                nd__shape_str(s2, sizeof s2, ndim, shape));
        }
        if (!nd_is_writeable(res)) return nd_set_error(ND_EVALUE, "%s: output array is read-only", who);
        if (!nd_can_cast(ND_BOOL, res->dtype, casting))
            return nd_set_error(ND_EDTYPE, "%s: cannot cast ufunc '%s' output from bool to %s "
                                "with casting rule '%s'", who, name, nd_dtype_name(res->dtype),
                                nd_casting_name(casting));
    } else {
        res = nd__alloc_ex(ndim, shape, ND_BOOL, false, where != NULL, who);
        if (!res) return nd_last_error();
    }
    nd_array *ops[4] = { res, (nd_array *)a, (nd_array *)b, (nd_array *)where };
    nd_iter it;
    if (nd_iter_init(&it, where ? 4 : 3, ops, ndim, shape) < 0) goto fail;
    bool u = nd__str_is_u(a->dtype);
    size_t wa = nd_dtype_width(a->dtype), wb = nd_dtype_width(b->dtype);
    if (it.size > 0) {
        do {
            char *po = it.ptrs[0], *pa = it.ptrs[1], *pb = it.ptrs[2];
            const char *pw = where ? it.ptrs[3] : NULL;
            for (ptrdiff_t i = 0; i < it.inner_size; i++) {
                if (!pw || *pw) {
                    bool r = cmp_result(f, nd__str_cmp(pa, wa, pb, wb, u));
                    if (res->dtype == ND_BOOL) *po = r;
                    else nd_cast_strided(po, res->dtype, 0, &r, ND_BOOL, 0, 1);
                }
                po += it.inner_strides[0], pa += it.inner_strides[1], pb += it.inner_strides[2];
                if (pw) pw += it.inner_strides[3];
            }
        } while (nd_iter_next(&it));
    }
    *out = res;
    return ND_OK;
fail:
    if (res != *out) nd_free(res);
    return nd_last_error();
}

/* ---- sorting ------------------------------------------------------------------------------- */

typedef struct lane {
    const char *base;
    ptrdiff_t stride;
    size_t width;
    bool u;
} lane;

/* An element by its position, with some of its characters packed into a key that orders
 * like them: three code points of 21 bits ('U') or eight bytes big-endian ('S'). Equal
 * keys go on to the next characters; the sort moves these 16-byte pairs, not the elements,
 * so it stays in cache. */
typedef struct keyed {
    uint64_t key;
    int64_t ix;
} keyed;

/* The packed key of element i's characters [off, off + 3) ('U') or [off, off + 8) ('S'). */
static uint64_t key_at(const lane *L, int64_t i, size_t off)
{
    const char *p = L->base + i * L->stride;
    uint64_t k = 0;
    size_t m = L->u ? 3 : 8;
    for (size_t j = off; j < off + m; j++) {
        uint64_t c = j < L->width ? nd__str_at(p, L->u, j) : 0;
        k = L->u ? k << 21 | (c & 0x1fffff) : k << 8 | c;
    }
    return k;
}

/* Stable merge sort of v[0..n) by key alone (tmp holds n / 2 + 1). */
static void sort_by_key(keyed *v, keyed *tmp, ptrdiff_t n)
{
    if (n <= 16) {
        for (ptrdiff_t i = 1; i < n; i++) {
            keyed x = v[i];
            ptrdiff_t j = i;
            while (j > 0 && v[j - 1].key > x.key) v[j] = v[j - 1], j--;
            v[j] = x;
        }
        return;
    }
    ptrdiff_t h = n / 2;
    sort_by_key(v, tmp, h);
    sort_by_key(v + h, tmp, n - h);
    if (v[h - 1].key <= v[h].key) return;
    memcpy(tmp, v, (size_t)h * sizeof *tmp);
    ptrdiff_t i = 0, j = h, k = 0;
    while (i < h && j < n) v[k++] = v[j].key < tmp[i].key ? v[j++] : tmp[i++];
    while (i < h) v[k++] = tmp[i++];
}

/* v[0..n) share their characters before off and are in index order: order them by the rest,
 * a key of the next characters at a time (MSD), runs of equal keys recursively, so equal
 * strings keep their index order (stable, as NumPy's string sorts). */
static void sort_run(const lane *L, keyed *v, keyed *tmp, ptrdiff_t n, size_t off)
{
    if (off >= L->width) return; /* equal strings */
    for (ptrdiff_t i = 0; i < n; i++) v[i].key = key_at(L, v[i].ix, off);
    sort_by_key(v, tmp, n);
    size_t next = off + (L->u ? 3 : 8);
    for (ptrdiff_t i = 0, j; i < n; i = j) {
        for (j = i + 1; j < n && v[j].key == v[i].key;) j++;
        if (j - i > 1) sort_run(L, v + i, tmp, j - i, next);
    }
}

/* The order of every lane along `axis` of a: for each lane, fn(ctx, lane data, indices).
 * The lane is the moved-last axis of a C copy. */
static nd_status sort_lanes(const nd_array *a, int axis, nd_array **moved_out, int64_t **ix_out,
                            const char *who)
{
    int src = axis, dst = a->ndim - 1;
    nd_array *mv = nd_moveaxis(a, 1, &src, &dst);
    nd_array *c = mv ? nd_ascontiguousarray(mv) : NULL; /* no copy when already C-ordered */
    nd_free(mv);
    if (!c) return nd_last_error();
    ptrdiff_t n = c->ndim ? c->shape[c->ndim - 1] : 1;
    ptrdiff_t lanes = n ? c->size / n : 0;
    int64_t *ix = nd__malloc_n(c->size + 1, sizeof *ix, who);
    keyed *v = ix ? nd__malloc_n(n + n / 2 + 1, sizeof *v, who) : NULL;
    nd_array *keys = v ? nd__alloc(1, &n, ND_UINT64, false, who) : NULL;
    if (!keys) {
        nd_free_mem(v);
        nd_free_mem(ix);
        nd_free(c);
        return nd_last_error();
    }
    size_t isz = nd_dtype_size(c->dtype);
    uint64_t *kv = (uint64_t *)keys->data;
    lane L = { .stride = (ptrdiff_t)isz, .width = nd_dtype_width(c->dtype), .u = nd__str_is_u(c->dtype) };
    nd_status st = ND_OK;
    for (ptrdiff_t l = 0; l < lanes && st == ND_OK; l++) {
        L.base = c->data + (size_t)(l * n) * isz;
        for (ptrdiff_t i = 0; i < n; i++) kv[i] = key_at(&L, i, 0);
        /* the first keys by a stable integer sort (radix), then each run of equal keys
         * (still in index order) by the following characters */
        nd_array *order = nd_argsort(keys, 0, ND_SORT_STABLE);
        if (!order) {
            st = nd_last_error();
            break;
        }
        const int64_t *o = (const int64_t *)order->data;
        for (ptrdiff_t i = 0; i < n; i++) v[i] = (keyed){ kv[o[i]], o[i] };
        nd_free(order);
        for (ptrdiff_t i = 0, j; i < n; i = j) {
            for (j = i + 1; j < n && v[j].key == v[i].key;) j++;
            if (j - i > 1) sort_run(&L, v + i, v + n, j - i, L.u ? 3 : 8);
        }
        for (ptrdiff_t i = 0; i < n; i++) ix[l * n + i] = v[i].ix;
    }
    nd_free(keys);
    nd_free_mem(v);
    if (st) {
        nd_free_mem(ix);
        nd_free(c);
        return st;
    }
    *moved_out = c;
    *ix_out = ix;
    return ND_OK;
}

nd_array *nd__str_sort(const nd_array *a, int axis, bool indices, const char *who)
{
    nd_array *flat = NULL;
    if (axis == ND_AXIS_NONE) {
        flat = nd_ravel(a);
        if (!flat) return NULL;
        a = flat;
        axis = 0;
    }
    if (a->ndim == 0) {
        nd_free(flat);
        return ND_FAIL(ND_EAXIS, "%s: axis %d is out of bounds for array of dimension 0", who, axis);
    }
    if (nd__norm_axis(&axis, a->ndim, who) < 0) {
        nd_free(flat);
        return NULL;
    }
    nd_array *c = NULL, *res = NULL, *back = NULL;
    int64_t *ix = NULL;
    if (sort_lanes(a, axis, &c, &ix, who) < 0) goto done;
    ptrdiff_t n = c->shape[c->ndim - 1];
    size_t isz = nd_dtype_size(c->dtype);
    res = nd__alloc(c->ndim, c->shape, indices ? ND_INT64 : c->dtype, false, who);
    if (!res) goto done;
    for (ptrdiff_t k = 0; k < c->size; k++) {
        ptrdiff_t l = k / n;
        if (indices) ((int64_t *)res->data)[k] = ix[k];
        else memcpy(res->data + (size_t)k * isz, c->data + (size_t)(l * n + ix[k]) * isz, isz);
    }
    if (axis == a->ndim - 1) { /* the lanes are already in place */
        back = res;
        res = NULL;
        goto done;
    }
    int src = a->ndim - 1, dst = axis;
    nd_array *mv = nd_moveaxis(res, 1, &src, &dst);
    back = mv ? nd_copy(mv, ND_ORDER_C) : NULL;
    nd_free(mv);
done:
    nd_free(flat);
    nd_free(c);
    nd_free(res);
    nd_free_mem(ix);
    return back;
}

nd_status nd__str_sort_inplace(nd_array *a, int axis)
{
    if (!nd_is_writeable(a)) return nd_set_error(ND_EVALUE, "nd_sort_inplace: the array is read-only");
    nd_array *s = nd__str_sort(a, axis, false, "nd_sort_inplace");
    if (!s) return nd_last_error();
    nd_status rc = nd__copy_into(a, s);
    nd_free(s);
    return rc;
}

/* ---- searchsorted, unique, isin --------------------------------------------------------------- */

/* A C-contiguous copy of a with dtype t (a wider string of the same kind). */
static nd_array *as_type(const nd_array *a, nd_dtype t, const char *who)
{
    nd_array *c = nd__alloc(a->ndim, a->shape, t, false, who);
    if (c && nd__copy_into(c, a) < 0) {
        nd_free(c);
        return NULL;
    }
    return c;
}

/* Both string arrays of one kind; the common dtype (the wider). */
static int common_str(const nd_array *a, const nd_array *b, const char *who)
{
    if (!nd_dtype_is_string(a->dtype) || !nd_dtype_is_string(b->dtype) ||
        nd__str_is_u(a->dtype) != nd__str_is_u(b->dtype))
        return nd_set_error(ND_EDTYPE, "%s: cannot compare %s with %s", who,
                            nd_dtype_name(a->dtype), nd_dtype_name(b->dtype));
    return nd_dtype_width(a->dtype) >= nd_dtype_width(b->dtype) ? (int)a->dtype : (int)b->dtype;
}

nd_array *nd__str_searchsorted(const nd_array *a, const nd_array *v, int side)
{
    const char *who = "nd_searchsorted";
    int t = common_str(a, v, who);
    if (t < 0) return NULL;
    if (a->ndim != 1) return ND_FAIL(ND_EVALUE, "%s: a must be 1-d, got %d-d", who, a->ndim);
    nd_array *ac = as_type(a, (nd_dtype)t, who), *vc = ac ? as_type(v, (nd_dtype)t, who) : NULL;
    nd_array *out = vc ? nd__alloc(v->ndim, v->shape, ND_INT64, false, who) : NULL;
    if (!out) goto fail;
    size_t isz = nd_dtype_size((nd_dtype)t), w = nd_dtype_width((nd_dtype)t);
    bool u = nd__str_is_u((nd_dtype)t);
    for (ptrdiff_t i = 0; i < vc->size; i++) {
        const char *x = vc->data + (size_t)i * isz;
        ptrdiff_t lo = 0, hi = ac->shape[0];
        while (lo < hi) {
            ptrdiff_t mid = lo + (hi - lo) / 2;
            int c = nd__str_cmp(ac->data + (size_t)mid * isz, w, x, w, u);
            if (side == ND_SIDE_LEFT ? c < 0 : c <= 0) lo = mid + 1;
            else hi = mid;
        }
        ((int64_t *)out->data)[i] = lo;
    }
    nd_free(ac);
    nd_free(vc);
    return out;
fail:
    nd_free(ac);
    nd_free(vc);
    return NULL;
}

nd_array *nd__str_unique(const nd_unique_opts *o)
{
    const char *who = "nd_unique";
    const nd_array *a = o->a;
    if (o->axis != ND_AXIS_NONE)
        return ND_FAIL(ND_EVALUE, "%s: unique slices along an axis of a %s array are not "
                       "supported (flatten it, or compare with nd_equal)", who, nd_dtype_name(a->dtype));
    nd_array *ix = nd__str_sort(a, ND_AXIS_NONE, true, who);
    nd_array *flat = ix ? nd_flatten(a) : NULL;
    nd_array *uq = NULL, *first = NULL, *inv = NULL, *cnt = NULL;
    if (!flat) goto fail;
    ptrdiff_t n = flat->size, m = 0;
    size_t isz = nd_dtype_size(a->dtype), w = nd_dtype_width(a->dtype);
    bool u = nd__str_is_u(a->dtype);
    const int64_t *p = (const int64_t *)ix->data;
    for (ptrdiff_t k = 0; k < n; k++)
        if (k == 0 || nd__str_cmp(flat->data + p[k - 1] * (ptrdiff_t)isz, w,
                                  flat->data + p[k] * (ptrdiff_t)isz, w, u) != 0)
            m++;
    uq = nd__alloc(1, &m, a->dtype, false, who);
    if (o->index) first = nd__alloc(1, &m, ND_INT64, false, who);
    if (o->counts) cnt = nd__alloc_ex(1, &m, ND_INT64, false, true, who);
    if (o->inverse) inv = nd__alloc(1, &n, ND_INT64, false, who);
    if (!uq || (o->index && !first) || (o->counts && !cnt) || (o->inverse && !inv)) goto fail;
    ptrdiff_t j = -1;
    for (ptrdiff_t k = 0; k < n; k++) {
        const char *e = flat->data + p[k] * (ptrdiff_t)isz;
        if (k == 0 || nd__str_cmp(flat->data + p[k - 1] * (ptrdiff_t)isz, w, e, w, u) != 0) {
            j++;
            memcpy(uq->data + (size_t)j * isz, e, isz);
            if (first) ((int64_t *)first->data)[j] = p[k]; /* the stable order: first one */
        }
        if (cnt) ((int64_t *)cnt->data)[j]++;
        if (inv) ((int64_t *)inv->data)[p[k]] = j;
    }
    if (o->index) *o->index = first;
    if (o->counts) *o->counts = cnt;
    if (o->inverse) *o->inverse = inv;
    nd_free(ix);
    nd_free(flat);
    return uq;
fail:
    nd_free(ix), nd_free(flat), nd_free(uq), nd_free(first), nd_free(inv), nd_free(cnt);
    return NULL;
}

nd_array *nd__str_isin(const nd_array *element, const nd_array *test, bool invert,
                       const char *who)
{
    int t = common_str(element, test, who);
    if (t < 0) return NULL;
    nd_array *tc = as_type(test, (nd_dtype)t, who);
    nd_array *ts = tc ? nd__str_sort(tc, ND_AXIS_NONE, false, who) : NULL;
    nd_array *ec = ts ? as_type(element, (nd_dtype)t, who) : NULL;
    nd_array *out = NULL;
    if (!ec) goto done;
    ptrdiff_t n = ec->size;
    out = nd__alloc(element->ndim, element->shape, ND_BOOL, false, who);
    if (!out) goto done;
    size_t isz = nd_dtype_size((nd_dtype)t), w = nd_dtype_width((nd_dtype)t);
    bool u = nd__str_is_u((nd_dtype)t);
    for (ptrdiff_t i = 0; i < n; i++) {
        const char *x = ec->data + (size_t)i * isz;
        ptrdiff_t lo = 0, hi = ts->size;
        while (lo < hi) {
            ptrdiff_t mid = lo + (hi - lo) / 2;
            if (nd__str_cmp(ts->data + (size_t)mid * isz, w, x, w, u) < 0) lo = mid + 1;
            else hi = mid;
        }
        bool found = lo < ts->size && nd__str_cmp(ts->data + (size_t)lo * isz, w, x, w, u) == 0;
        ((bool *)out->data)[i] = found != invert;
    }
done:
    nd_free(tc);
    nd_free(ts);
    nd_free(ec);
    return out;
}
