/* sort, argsort, partition, lexsort, searchsorted along any axis. */
#include <numc/manip.h>
#include <numc/sort.h>

#include <string.h>

#include "internal.h"
#include "sort_kernels.h"
#include "sort_simd.h"

/* Radix beats comparison sorts from a few hundred elements on. */
enum { RADIX_MIN = 256 };

/* Visit every 1-D lane of `a` along `axis`: fn(lane_ptr, stride, n, ctx). */
typedef nd_status (*lane_fn)(char *lane, ptrdiff_t stride, ptrdiff_t n, void *ctx);

static nd_status for_each_lane(nd_array *a, int axis, lane_fn fn, void *ctx)
{
    ptrdiff_t idx[ND_MAXDIMS] = { 0 }, lanes = 1;
    for (int d = 0; d < a->ndim; d++)
        if (d != axis) lanes *= a->shape[d];
    if (a->size == 0) return ND_OK;
    for (ptrdiff_t l = 0; l < lanes; l++) {
        char *p = a->data;
        for (int d = 0; d < a->ndim; d++)
            if (d != axis) p += idx[d] * a->strides[d];
        nd_status st = fn(p, a->strides[axis], a->shape[axis], ctx);
        if (st < 0) return st;
        for (int d = a->ndim - 1; d >= 0; d--) {
            if (d == axis) continue;
            if (++idx[d] < a->shape[d]) break;
            idx[d] = 0;
        }
    }
    return ND_OK;
}

typedef struct lane_ctx {
    nd_dtype dtype;
    bool stable;
    ptrdiff_t kth;
    char *buf;      /* contiguous lane copy (n elements), allocated on first use */
    char *scratch;  /* n elements or n int64, whichever is larger; on first use */
    ptrdiff_t n;    /* lane length */
    const char *who;
    int64_t *ix;    /* n indices */
    nd_array *out;  /* argsort / argpartition output, walked in step */
    char *out_lane;
    ptrdiff_t out_stride;
} lane_ctx;

/* Gather a strided lane into a contiguous buffer (or use it in place). */
static char *lane_contiguous(lane_ctx *c, char *lane, ptrdiff_t stride, ptrdiff_t n)
{
    size_t isz = nd_dtype_size(c->dtype);
    if (stride == (ptrdiff_t)isz) return lane;
    /* allocated when a lane needs it: a contiguous array sorts in place, untouched
     * buffers only cost page faults when the allocator hands them out again */
    if (!c->buf && !(c->buf = nd__malloc_n(c->n ? c->n : 1, isz, c->who))) return NULL;
    for (ptrdiff_t i = 0; i < n; i++) memcpy(c->buf + (size_t)i * isz, lane + i * stride, isz);
    return c->buf;
}

/* The kernels' scratch (comparison sorts), allocated on first use. */
static char *lane_scratch(lane_ctx *c)
{
    size_t isz = nd_dtype_size(c->dtype), big = isz > 8 ? isz : 8;
    if (!c->scratch) c->scratch = nd__malloc_n(c->n ? c->n : 1, big, c->who);
    return c->scratch;
}

static void lane_scatter(lane_ctx *c, char *lane, ptrdiff_t stride, ptrdiff_t n, const char *src)
{
    size_t isz = nd_dtype_size(c->dtype);
    if (src == lane) return;
    for (ptrdiff_t i = 0; i < n; i++) memcpy(lane + i * stride, src + (size_t)i * isz, isz);
}

static nd_status sort_lane(char *lane, ptrdiff_t stride, ptrdiff_t n, void *ctx)
{
    lane_ctx *c = ctx;
    char *v = lane_contiguous(c, lane, stride, n);
    if (!v) return ND_ENOMEM;
#if NUMC_HAVE_HWY
    if (!c->stable && nd__simd_sort_ok(c->dtype, n)) { /* vqsort: sort_simd.c */
        if (nd__simd_sort(v, c->dtype, n) < 0) return nd_last_error();
    } else
#endif
    if (n >= RADIX_MIN && nd__radix_ok(c->dtype)) {
        if (nd__radix_sort(v, c->dtype, n) < 0) return ND_ENOMEM;
    } else {
        if (!lane_scratch(c)) return ND_ENOMEM;
        nd__sort_kernels[c->dtype].sort(v, n, c->stable, c->scratch);
    }
    lane_scatter(c, lane, stride, n, v);
    return ND_OK;
}

static nd_status select_lane(char *lane, ptrdiff_t stride, ptrdiff_t n, void *ctx)
{
    lane_ctx *c = ctx;
    char *v = lane_contiguous(c, lane, stride, n);
    if (!v) return ND_ENOMEM;
    nd__sort_kernels[c->dtype].select(v, n, c->kth);
    lane_scatter(c, lane, stride, n, v);
    return ND_OK;
}

/* Argsort / argpartition: the output lane advances in step with the input lanes. */
static nd_status arg_lane(char *lane, ptrdiff_t stride, ptrdiff_t n, void *ctx, bool partition)
{
    lane_ctx *c = ctx;
    const char *v = lane_contiguous(c, lane, stride, n);
    if (!v) return ND_ENOMEM;
#if NUMC_HAVE_HWY
    if (!partition && nd__simd_argsort_ok(c->dtype, n)) { /* vqsort: sort_simd.c */
        if (nd__simd_argsort(v, c->dtype, n, c->stable, c->ix) < 0) return nd_last_error();
    } else
#endif
    if (!partition && n >= RADIX_MIN && nd__radix_ok(c->dtype)) {
        if (nd__radix_argsort(v, c->dtype, n, c->ix) < 0) return ND_ENOMEM;
    } else {
        for (ptrdiff_t i = 0; i < n; i++) c->ix[i] = i;
        if (partition) nd__sort_kernels[c->dtype].aselect(v, c->ix, n, c->kth);
        else if (!lane_scratch(c)) return ND_ENOMEM;
        else nd__sort_kernels[c->dtype].argsort(v, c->ix, n, c->stable, (int64_t *)c->scratch);
    }
    return ND_OK;
}

static nd_status argsort_lane(char *lane, ptrdiff_t stride, ptrdiff_t n, void *ctx)
{
    return arg_lane(lane, stride, n, ctx, false);
}

static nd_status argselect_lane(char *lane, ptrdiff_t stride, ptrdiff_t n, void *ctx)
{
    return arg_lane(lane, stride, n, ctx, true);
}

/* Allocate the lane buffers for lanes of length n. */
static nd_status ctx_init(lane_ctx *c, nd_dtype t, ptrdiff_t n, bool need_ix, const char *who)
{
    memset(c, 0, sizeof *c);
    if (nd__need_numeric(t, who) < 0) return nd_last_error(); /* the kernels are per numeric dtype */
    c->dtype = t;
    c->n = n;
    c->who = who;
    c->ix = need_ix ? nd__malloc_n(n ? n : 1, 8, who) : NULL;
    return need_ix && !c->ix ? ND_ENOMEM : ND_OK;
}

static void ctx_free(lane_ctx *c)
{
    nd_free_mem(c->buf);
    nd_free_mem(c->scratch);
    nd_free_mem(c->ix);
}

/* Resolve ND_AXIS_NONE (flatten) and negative axes; *flat gets the array to work on. */
static nd_status resolve_axis(const nd_array *a, int *axis, nd_array **work, bool copy, const char *who)
{
    if (!a) return nd_set_error(ND_EVALUE, "%s: array is NULL", who);
    if (*axis == ND_AXIS_NONE) {
        *work = copy ? nd_flatten(a) : nd_ravel(a);
        *axis = 0;
    } else {
        if (a->ndim == 0) return nd_set_error(ND_EAXIS, "%s: axis %d is out of bounds for array of dimension 0", who, *axis);
        if (nd__norm_axis(axis, a->ndim, who) < 0) return nd_last_error();
        *work = copy ? nd_copy(a, ND_ORDER_C) : nd_ref(a);
    }
    return *work ? ND_OK : nd_last_error();
}

nd_status nd_sort_inplace(nd_array *a, int axis, nd_sort_kind kind)
{
    if (!a) return nd_set_error(ND_EVALUE, "nd_sort_inplace: array is NULL");
    if (!nd_is_writeable(a)) return nd_set_error(ND_EVALUE, "nd_sort_inplace: array is read-only");
    if (a->ndim == 0) return nd_set_error(ND_EAXIS, "nd_sort_inplace: cannot sort a 0-d array");
    /* string arrays (core/strings): a stable merge sort in NumPy's string order */
    if (nd_dtype_is_string(a->dtype)) return nd__str_sort_inplace(a, axis);
    if (nd__norm_axis(&axis, a->ndim, "nd_sort_inplace") < 0) return nd_last_error();
    if (nd_dtype_is_datetime(a->dtype) || nd_dtype_is_timedelta(a->dtype)) /* NaT last: core/datetime */
        return nd__dt_sort_inplace(a, axis, kind);
    lane_ctx c;
    if (ctx_init(&c, a->dtype, a->shape[axis], false, "nd_sort_inplace") < 0) return nd_last_error();
    c.stable = kind == ND_SORT_STABLE;
    nd_status st = for_each_lane(a, axis, sort_lane, &c);
    ctx_free(&c);
    return st;
}

nd_array *(nd_sort)(const nd_array *a, int axis, nd_sort_kind kind)
{
    nd_array *w;
    if (resolve_axis(a, &axis, &w, true, "nd_sort") < 0) return NULL;
    if (nd_sort_inplace(w, axis, kind) < 0) {
        nd_free(w);
        return NULL;
    }
    return w;
}

nd_array *nd_partition(const nd_array *a, ptrdiff_t kth, int axis)
{
    nd_array *w;
    if (resolve_axis(a, &axis, &w, true, "nd_partition") < 0) return NULL;
    ptrdiff_t n = w->shape[axis];
    if (kth < -n || kth >= n) {
        nd_free(w);
        return ND_FAIL(ND_EVALUE, "nd_partition: kth(=%td) out of bounds (%td)", kth, n);
    }
    lane_ctx c;
    if (ctx_init(&c, w->dtype, n, false, "nd_partition") < 0) {
        nd_free(w);
        return NULL;
    }
    c.kth = kth < 0 ? kth + n : kth;
    nd_status st = for_each_lane(w, axis, select_lane, &c);
    ctx_free(&c);
    if (st < 0) {
        nd_free(w);
        return NULL;
    }
    return w;
}

/* argsort / argpartition: sort indices per lane, then write them into out's lanes. */
static nd_array *arg_common(const nd_array *a, int axis, bool stable, bool partition, ptrdiff_t kth, const char *who)
{
    nd_array *w;
    if (resolve_axis(a, &axis, &w, false, who) < 0) return NULL;
    ptrdiff_t n = w->shape[axis];
    if (partition && (kth < -n || kth >= n)) {
        nd_free(w);
        return ND_FAIL(ND_EVALUE, "%s: kth(=%td) out of bounds (%td)", who, kth, n);
    }
    nd_array *out = nd_empty(w->ndim, w->shape, ND_INT64);
    lane_ctx c;
    if (!out || ctx_init(&c, w->dtype, n, true, who) < 0) {
        nd_free(out);
        nd_free(w);
        return NULL;
    }
    c.stable = stable;
    c.kth = kth < 0 ? kth + n : kth;
    /* Walk input lanes and output lanes together with one odometer. */
    ptrdiff_t idx[ND_MAXDIMS] = { 0 }, lanes = 1;
    for (int d = 0; d < w->ndim; d++)
        if (d != axis) lanes *= w->shape[d];
    nd_status st = ND_OK;
    for (ptrdiff_t l = 0; w->size && l < lanes && st == ND_OK; l++) {
        char *p = w->data, *q = out->data;
        for (int d = 0; d < w->ndim; d++)
            if (d != axis) {
                p += idx[d] * w->strides[d];
                q += idx[d] * out->strides[d];
            }
        st = (partition ? argselect_lane : argsort_lane)(p, w->strides[axis], n, &c);
        for (ptrdiff_t i = 0; i < n; i++) memcpy(q + i * out->strides[axis], &c.ix[i], 8);
        for (int d = w->ndim - 1; d >= 0; d--) {
            if (d == axis) continue;
            if (++idx[d] < w->shape[d]) break;
            idx[d] = 0;
        }
    }
    ctx_free(&c);
    nd_free(w);
    if (st < 0) {
        nd_free(out);
        return NULL;
    }
    return out;
}

nd_array *(nd_argsort)(const nd_array *a, int axis, nd_sort_kind kind)
{
    /* string arrays (core/strings): always the stable order */
    if (a && nd_dtype_is_string(a->dtype)) return nd__str_sort(a, axis, true, "nd_argsort");
    if (a && (nd_dtype_is_datetime(a->dtype) || nd_dtype_is_timedelta(a->dtype))) /* core/datetime */
        return nd__dt_argsort(a, axis, kind);
    return arg_common(a, axis, kind == ND_SORT_STABLE, false, 0, "nd_argsort");
}

nd_array *nd_argpartition(const nd_array *a, ptrdiff_t kth, int axis)
{
    return arg_common(a, axis, false, true, kth, "nd_argpartition");
}

nd_array *nd_lexsort(int nkeys, const nd_array *const *keys)
{
    if (nkeys < 1 || !keys) return ND_FAIL(ND_EVALUE, "nd_lexsort: need at least one key");
    ptrdiff_t n = keys[0]->ndim == 1 ? keys[0]->shape[0] : -1;
    for (int k = 0; k < nkeys; k++)
        if (!keys[k] || keys[k]->ndim != 1 || keys[k]->shape[0] != n)
            return ND_FAIL(ND_ESHAPE, "nd_lexsort: all keys need to be 1-d and the same length");
    /* Stable sorts from the least significant key (first) to the primary (last). */
    nd_array *order = nd_arange(0, (double)n, 1, ND_INT64);
    for (int k = 0; order && k < nkeys; k++) {
        nd_array *kv = nd_take(keys[k], order, 0);
        nd_array *ix = kv ? nd_argsort(kv, 0, ND_SORT_STABLE) : NULL;
        nd_array *next = ix ? nd_take(order, ix, 0) : NULL;
        nd_free(kv);
        nd_free(ix);
        nd_free(order);
        order = next;
    }
    return order;
}

nd_array *nd_searchsorted(const nd_array *a, const nd_array *v, nd_side side)
{
    if (!a || !v) return ND_FAIL(ND_EVALUE, "nd_searchsorted: arguments must not be NULL");
    if (a->ndim != 1) return ND_FAIL(ND_EVALUE, "nd_searchsorted: a must be 1-d, got %d-d", a->ndim);
    /* string arrays (core/strings) */
    if (nd_dtype_is_string(a->dtype) || nd_dtype_is_string(v->dtype))
        return nd__str_searchsorted(a, v, (int)side);
    if (nd_dtype_is_datetime(a->dtype) || nd_dtype_is_timedelta(a->dtype) || /* core/datetime */
        nd_dtype_is_datetime(v->dtype) || nd_dtype_is_timedelta(v->dtype))
        return nd__dt_searchsorted(a, v, side);
    nd_dtype t = nd_result_type(a->dtype, v->dtype);
    if (nd__need_numeric(a->dtype, "nd_searchsorted") < 0 || nd__need_numeric(v->dtype, "nd_searchsorted") < 0 ||
        nd__need_numeric(t, "nd_searchsorted") < 0)
        return NULL;
    nd_array *ac = nd_empty(1, a->shape, t), *vc = ac ? nd_empty(v->ndim, v->shape, t) : NULL;
    nd_array *out = vc ? nd_empty(v->ndim, v->shape, ND_INT64) : NULL;
    if (!out || nd__copy_into(ac, a) < 0 || nd__copy_into(vc, v) < 0) {
        nd_free(ac);
        nd_free(vc);
        nd_free(out);
        return NULL;
    }
    bool (*less)(const void *, const void *) = nd__sort_kernels[t].less;
    size_t isz = nd_dtype_size(t);
    ptrdiff_t n = a->shape[0];
    int64_t *o = (int64_t *)out->data;
    for (ptrdiff_t i = 0; i < vc->size; i++) {
        const char *x = vc->data + (size_t)i * isz;
        ptrdiff_t lo = 0, hi = n;
        while (lo < hi) {
            ptrdiff_t mid = lo + (hi - lo) / 2;
            const char *m = ac->data + (size_t)mid * isz;
            bool go_right = side == ND_SIDE_LEFT ? less(m, x) : !less(x, m);
            if (go_right) lo = mid + 1;
            else hi = mid;
        }
        o[i] = lo;
    }
    nd_free(ac);
    nd_free(vc);
    return out;
}
