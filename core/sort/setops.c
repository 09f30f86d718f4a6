/* unique and the sorted set operations, built on a stable argsort. */
#include <numc/manip.h>
#include <numc/sort.h>

#include <math.h>
#include <string.h>

#include "internal.h"
#include "sort_kernels.h"
#include "sort_kernels.h"

static bool has_nan(const char *x, nd_dtype t)
{
    if (t == ND_FLOAT32) return isnan(*(const float *)x);
    if (t == ND_FLOAT64) return isnan(*(const double *)x);
    if (t == ND_COMPLEX64) return isnan(((const float *)x)[0]) || isnan(((const float *)x)[1]);
    if (t == ND_COMPLEX128) return isnan(((const double *)x)[0]) || isnan(((const double *)x)[1]);
    return false;
}

/* x == y as NumPy's unique compares neighbours after sorting: NaN never equals anything,
 * unless equal_nan, where every value holding a NaN is one (complex included). */
static bool same_nan(const char *x, const char *y, nd_dtype t, bool equal_nan)
{
    /* fixed-width strings are equal when their zero-padded bytes are */
    if (nd_dtype_is_string(t)) return memcmp(x, y, nd_dtype_size(t)) == 0;
    bool nx = has_nan(x, t), ny = has_nan(y, t);
    if (nx || ny) return equal_nan && nx && ny;
    bool (*less)(const void *, const void *) = nd__sort_kernels[t].less;
    return !less(x, y) && !less(y, x);
}

/* Rows of m elements: lexicographic order with the sort kernel's less (NaN last). */
typedef struct row_ctx {
    const char *data;
    ptrdiff_t m;
    size_t isz;
    nd_dtype t;
} row_ctx;

static int row_cmp(const row_ctx *c, int64_t i, int64_t j)
{
    bool (*less)(const void *, const void *) = nd__sort_kernels[c->t].less;
    const char *x = c->data + (size_t)(i * c->m) * c->isz, *y = c->data + (size_t)(j * c->m) * c->isz;
    for (ptrdiff_t k = 0; k < c->m; k++, x += c->isz, y += c->isz) {
        if (less(x, y)) return -1;
        if (less(y, x)) return 1;
    }
    return 0;
}

static bool row_same(const row_ctx *c, int64_t i, int64_t j)
{
    const char *x = c->data + (size_t)(i * c->m) * c->isz, *y = c->data + (size_t)(j * c->m) * c->isz;
    for (ptrdiff_t k = 0; k < c->m; k++, x += c->isz, y += c->isz)
        if (!same_nan(x, y, c->t, false)) return false;
    return true;
}

/* Stable merge sort of row numbers p[0..n) (tmp: n scratch entries). */
static void row_sort(const row_ctx *c, int64_t *p, int64_t *tmp, ptrdiff_t n)
{
    if (n < 2) return;
    ptrdiff_t h = n / 2;
    row_sort(c, p, tmp, h);
    row_sort(c, p + h, tmp, n - h);
    ptrdiff_t i = 0, j = h, k = 0;
    while (i < h && j < n) tmp[k++] = row_cmp(c, p[j], p[i]) < 0 ? p[j++] : p[i++];
    while (i < h) tmp[k++] = p[i++];
    while (j < n) tmp[k++] = p[j++];
    memcpy(p, tmp, sizeof(int64_t) * (size_t)n);
}

static nd_array *unique_axis(const nd_unique_opts *o)
{
    const char *who = "nd_unique";
    const nd_array *a = o->a;
    int axis = o->axis;
    if (a->ndim == 0) return ND_FAIL(ND_EAXIS, "%s: axis %d is out of bounds for a 0-d array", who, axis);
    if (nd__norm_axis(&axis, a->ndim, who) < 0) return NULL;
    if (nd__need_numeric(a->dtype, who) < 0) return NULL; /* rows compare with the sort kernels */
    int zero = 0;
    nd_array *mv = nd_moveaxis(a, 1, &axis, &zero), *c = mv ? nd_ascontiguousarray(mv) : NULL;
    nd_array *vals = NULL, *index = NULL, *inverse = NULL, *counts = NULL, *res = NULL;
    int64_t *p = NULL, *tmp = NULL;
    nd_free(mv);
    if (!c) return NULL;
    ptrdiff_t n = c->shape[0], m = 1;
    for (int d = 1; d < c->ndim; d++) m *= c->shape[d];
    row_ctx rc = { c->data, m, nd_dtype_size(c->dtype), c->dtype };
    if (!(p = nd__malloc_n(n ? n : 1, sizeof(int64_t), who)) || !(tmp = nd__malloc_n(n ? n : 1, sizeof(int64_t), who)))
        goto done;
    for (ptrdiff_t i = 0; i < n; i++) p[i] = i;
    row_sort(&rc, p, tmp, n);
    ptrdiff_t nu = 0;
    for (ptrdiff_t i = 0; i < n; i++)
        if (i == 0 || !row_same(&rc, p[i], p[i - 1])) nu++;
    ptrdiff_t shape[ND_MAXDIMS];
    memcpy(shape, c->shape, sizeof(ptrdiff_t) * (size_t)c->ndim);
    shape[0] = nu;
    if (!(vals = nd_empty(c->ndim, shape, c->dtype))) goto done;
    if (o->index && !(index = nd_empty(1, &nu, ND_INT64))) goto done;
    if (o->counts && !(counts = nd_empty(1, &nu, ND_INT64))) goto done;
    if (o->inverse && !(inverse = nd_empty(1, &n, ND_INT64))) goto done;
    size_t rowb = (size_t)m * rc.isz;
    ptrdiff_t u = -1;
    for (ptrdiff_t i = 0; i < n; i++) {
        if (i == 0 || !row_same(&rc, p[i], p[i - 1])) {
            u++;
            if (rowb) memcpy(vals->data + (size_t)u * rowb, c->data + (size_t)p[i] * rowb, rowb);
            if (index) ((int64_t *)index->data)[u] = p[i];
            if (counts) ((int64_t *)counts->data)[u] = 0;
        }
        if (counts) ((int64_t *)counts->data)[u]++;
        if (inverse) ((int64_t *)inverse->data)[p[i]] = u;
    }
    {
        nd_array *back = nd_moveaxis(vals, 1, &zero, &axis);
        res = back ? nd_ascontiguousarray(back) : NULL;
        nd_free(back);
    }
    if (!res) goto done;
    if (o->index) *o->index = index, index = NULL;
    if (o->inverse) *o->inverse = inverse, inverse = NULL;
    if (o->counts) *o->counts = counts, counts = NULL;
done:
    nd_free_mem(p);
    nd_free_mem(tmp);
    nd_free(c);
    nd_free(vals);
    nd_free(index);
    nd_free(inverse);
    nd_free(counts);
    return res;
}

nd_array *nd_unique_(const nd_unique_opts *o)
{
    if (!o || !o->a) return ND_FAIL(ND_EVALUE, "nd_unique: array is NULL");
    /* string arrays (core/strings) */
    if (nd_dtype_is_string(o->a->dtype)) return nd__str_unique(o);
    if (nd_dtype_is_datetime(o->a->dtype) || nd_dtype_is_timedelta(o->a->dtype)) /* core/datetime */
        return nd__dt_unique(o);
    if (o->axis != ND_AXIS_NONE) return unique_axis(o);
    bool eqn = o->equal_nan;
    nd_array *flat = nd_flatten(o->a);
    nd_array *perm = flat ? nd_argsort(flat, 0, ND_SORT_STABLE) : NULL;
    nd_array *vals = NULL, *index = NULL, *inverse = NULL, *counts = NULL;
    if (!perm) goto fail;
    if (nd__need_numeric(flat->dtype, "nd_unique") < 0) goto fail; /* same_nan: the sort kernels */
    ptrdiff_t n = flat->size;
    size_t isz = nd_dtype_size(flat->dtype);
    const int64_t *p = (const int64_t *)perm->data;
    /* Count the runs of equal values in sorted order. */
    ptrdiff_t nu = 0;
    for (ptrdiff_t i = 0; i < n; i++)
        if (i == 0 || !same_nan(flat->data + (size_t)p[i] * isz, flat->data + (size_t)p[i - 1] * isz, flat->dtype, eqn))
            nu++;
    if (!(vals = nd_empty(1, &nu, flat->dtype))) goto fail;
    if (o->index && !(index = nd_empty(1, &nu, ND_INT64))) goto fail;
    if (o->counts && !(counts = nd_empty(1, &nu, ND_INT64))) goto fail;
    if (o->inverse && !(inverse = nd_empty(o->a->ndim, o->a->shape, ND_INT64))) goto fail;
    ptrdiff_t u = -1;
    for (ptrdiff_t i = 0; i < n; i++) {
        const char *x = flat->data + (size_t)p[i] * isz;
        if (i == 0 || !same_nan(x, flat->data + (size_t)p[i - 1] * isz, flat->dtype, eqn)) {
            u++;
            memcpy(vals->data + (size_t)u * isz, x, isz);
            if (index) ((int64_t *)index->data)[u] = p[i]; /* stable: the first occurrence */
            if (counts) ((int64_t *)counts->data)[u] = 0;
        }
        if (counts) ((int64_t *)counts->data)[u]++;
        if (inverse) ((int64_t *)inverse->data)[p[i]] = u;
    }
    if (o->index) *o->index = index;
    if (o->inverse) *o->inverse = inverse;
    if (o->counts) *o->counts = counts;
    nd_free(flat);
    nd_free(perm);
    return vals;
fail:
    nd_free(flat);
    nd_free(perm);
    nd_free(vals);
    nd_free(index);
    nd_free(inverse);
    nd_free(counts);
    return NULL;
}

/* Sorted unique values of a converted to dtype t (caller frees). */
static nd_array *unique_as(const nd_array *a, nd_dtype t)
{
    nd_array *c = a->dtype == t ? nd_ref(a) : nd_astype(a, t, ND_CAST_UNSAFE);
    nd_array *u = c ? nd_unique(c) : NULL;
    nd_free(c);
    return u;
}

/* Merge-walk two sorted unique arrays keeping elements by membership:
 * keep_a_only / keep_both / keep_b_only select setdiff, intersect, union, xor. */
static nd_array *merge_sets(const nd_array *a, const nd_array *b, bool keep_a_only, bool keep_both, bool keep_b_only,
                            const char *who)
{
    if (!a || !b) return ND_FAIL(ND_EVALUE, "%s: arguments must not be NULL", who);
    nd_dtype t = nd_result_type(a->dtype, b->dtype);
    if (nd__need_numeric(a->dtype, who) < 0 || nd__need_numeric(b->dtype, who) < 0 ||
        nd__need_numeric(t, who) < 0)
        return NULL;
    nd_array *ua = unique_as(a, t), *ub = ua ? unique_as(b, t) : NULL;
    ptrdiff_t cap = ua && ub ? ua->size + ub->size : 0;
    nd_array *out = ub ? nd_empty(1, &cap, t) : NULL;
    if (!out) {
        nd_free(ua);
        nd_free(ub);
        return NULL;
    }
    bool (*less)(const void *, const void *) = nd__sort_kernels[t].less;
    size_t isz = nd_dtype_size(t);
    ptrdiff_t i = 0, j = 0, k = 0;
    while (i < ua->size || j < ub->size) {
        const char *x = i < ua->size ? ua->data + (size_t)i * isz : NULL;
        const char *y = j < ub->size ? ub->data + (size_t)j * isz : NULL;
        if (x && (!y || less(x, y))) {
            if (keep_a_only) memcpy(out->data + (size_t)k++ * isz, x, isz);
            i++;
        } else if (y && (!x || less(y, x))) {
            if (keep_b_only) memcpy(out->data + (size_t)k++ * isz, y, isz);
            j++;
        } else {
            if (keep_both) memcpy(out->data + (size_t)k++ * isz, x, isz);
            i++;
            j++;
        }
    }
    nd_free(ua);
    nd_free(ub);
    nd_array *cut = nd_sel(out, ND_SLICE(0, k, 1));
    nd_array *res = cut ? nd_copy(cut, ND_ORDER_C) : NULL;
    nd_free(cut);
    nd_free(out);
    return res;
}

/* NumPy's intersect1d literally: (unique) a and b concatenated, stably sorted, and the
 * neighbours that compare equal (==) kept; their sort positions give the indices. */
nd_array *nd_intersect1d_(const nd_array *a, const nd_array *b, const nd_intersect_opts *o)
{
    const char *who = "nd_intersect1d";
    static const nd_intersect_opts none = { 0 };
    if (!a || !b) return ND_FAIL(ND_EVALUE, "%s: arguments must not be NULL", who);
    if (!o) o = &none;
    bool want = o->indices1 || o->indices2;
    nd_array *u1 = NULL, *u2 = NULL, *i1 = NULL, *i2 = NULL, *aux = NULL, *perm = NULL, *res = NULL;
    nd_array *r1 = NULL, *r2 = NULL;
    bool ok = false;
    if (o->assume_unique) {
        u1 = nd_flatten(a);
        u2 = u1 ? nd_flatten(b) : NULL;
    } else {
        u1 = nd_unique(a, .index = want ? &i1 : NULL);
        u2 = u1 ? nd_unique(b, .index = want ? &i2 : NULL) : NULL;
    }
    if (!u2) goto done;
    const nd_array *pair[2] = { u1, u2 };
    if (!(aux = nd_concatenate(2, pair, 0)) || !(perm = nd_argsort(aux, 0, ND_SORT_STABLE))) goto done;
    if (!nd_dtype_is_string(aux->dtype) && nd__need_numeric(aux->dtype, who) < 0) goto done;
    ptrdiff_t n = aux->size, k = 0, n1 = u1->size;
    size_t isz = nd_dtype_size(aux->dtype);
    const int64_t *p = (const int64_t *)perm->data;
    for (ptrdiff_t i = 0; i + 1 < n; i++)
        if (same_nan(aux->data + (size_t)p[i] * isz, aux->data + (size_t)p[i + 1] * isz, aux->dtype, false)) k++;
    if (!(res = nd_empty(1, &k, aux->dtype))) goto done;
    if (want && (!(r1 = nd_empty(1, &k, ND_INT64)) || !(r2 = nd_empty(1, &k, ND_INT64)))) goto done;
    for (ptrdiff_t i = 0, j = 0; i + 1 < n; i++) {
        if (!same_nan(aux->data + (size_t)p[i] * isz, aux->data + (size_t)p[i + 1] * isz, aux->dtype, false)) continue;
        memcpy(res->data + (size_t)j * isz, aux->data + (size_t)p[i] * isz, isz);
        if (want) {
            int64_t x = p[i], y = p[i + 1] - n1;
            /* With assume_unique and repeats, NumPy's indices can point past a; the
             * position is kept as NumPy computes it. */
            ((int64_t *)r1->data)[j] = i1 && x >= 0 && x < i1->size ? ((int64_t *)i1->data)[x] : x;
            ((int64_t *)r2->data)[j] = i2 && y >= 0 && y < i2->size ? ((int64_t *)i2->data)[y] : y;
        }
        j++;
    }
    if (o->indices1) *o->indices1 = r1, r1 = NULL;
    if (o->indices2) *o->indices2 = r2, r2 = NULL;
    ok = true;
done:
    nd_free(u1);
    nd_free(u2);
    nd_free(i1);
    nd_free(i2);
    nd_free(aux);
    nd_free(perm);
    nd_free(r1);
    nd_free(r2);
    if (!ok) {
        nd_free(res);
        res = NULL;
    }
    return res;
}
nd_array *nd_union1d(const nd_array *a, const nd_array *b) { return merge_sets(a, b, true, true, true, "nd_union1d"); }
