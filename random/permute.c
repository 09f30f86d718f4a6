/* shuffle, permutation, permuted and choice, drawing NumPy's Generator streams. */
#include <math.h>
#include <string.h>

#include <numc/manip.h>

#include "dist_internal.h"

/* Fisher–Yates over n items from the end, j = random_interval(i), as Generator.shuffle
 * (first = 1) and permuted (first = 0, whose extra step draws nothing). */
static void shuffle_raw(nd_rng *r, ptrdiff_t n, ptrdiff_t first, size_t itemsize,
                        ptrdiff_t stride, char *data)
{
    char buf[32];
    for (ptrdiff_t i = n - 1; i >= first; i--) {
        ptrdiff_t j = (ptrdiff_t)nd__interval(r, (uint64_t)i);
        memcpy(buf, data + j * stride, itemsize);
        memcpy(data + j * stride, data + i * stride, itemsize);
        memcpy(data + i * stride, buf, itemsize);
    }
}

/* The permutation that Generator.shuffle applies to n items: perm[k] is the original
 * position that ends up at k. */
static int64_t *shuffle_perm(nd_rng *r, ptrdiff_t n, const char *who)
{
    int64_t *perm = nd__malloc_n((n > 0 ? n : 1), sizeof *perm, who);
    if (!perm) return NULL;
    for (ptrdiff_t i = 0; i < n; i++) perm[i] = i;
    shuffle_raw(r, n, 1, sizeof *perm, sizeof *perm, (char *)perm);
    return perm;
}

static nd_array *take_perm(const nd_array *x, const int64_t *perm, ptrdiff_t n, int axis,
                           const char *who)
{
    nd_array *idx = nd_from_i64(perm, n);
    if (!idx) return NULL;
    nd_array *res = nd_take(x, idx, axis);
    nd_free(idx);
    (void)who;
    return res;
}

nd_status nd_rng_shuffle(nd_rng *r, nd_array *x, int axis)
{
    const char *who = "nd_rng_shuffle";
    if (!r || !x) return nd_set_error(ND_EVALUE, "%s: NULL argument", who);
    if (!nd_is_writeable(x)) return nd_set_error(ND_EVALUE, "%s: array is read-only", who);
    if (x->ndim == 0) return nd_set_error(ND_EVALUE, "%s: cannot shuffle a 0-d array", who);
    if (nd__norm_axis(&axis, x->ndim, who) < 0) return nd_last_error();
    if (x->size == 0) return ND_OK;
    size_t isz = nd_dtype_size(x->dtype);
    if (x->ndim == 1) {
        shuffle_raw(r, x->shape[0], 1, isz, x->strides[0], x->data);
        return ND_OK;
    }
    ptrdiff_t n = x->shape[axis];
    int64_t *perm = shuffle_perm(r, n, who);
    if (!perm) return nd_last_error();
    nd_array *t = take_perm(x, perm, n, axis, who);
    nd_free_mem(perm);
    if (!t) return nd_last_error();
    nd_status st = nd__copy_into(x, t);
    nd_free(t);
    return st;
}

nd_array *nd_rng_permutation_n(nd_rng *r, int64_t n)
{
    const char *who = "nd_rng_permutation";
    if (!r) return ND_FAIL(ND_EVALUE, "%s: NULL generator", who);
    if (n < 0) return ND_FAIL(ND_EVALUE, "%s: n = %lld < 0", who, (long long)n);
    ptrdiff_t len = (ptrdiff_t)n;
    nd_array *a = nd__alloc(1, &len, ND_INT64, false, who);
    if (!a) return NULL;
    int64_t *d = (int64_t *)a->data;
    for (ptrdiff_t i = 0; i < len; i++) d[i] = i;
    shuffle_raw(r, len, 1, sizeof *d, sizeof *d, a->data);
    return a;
}

nd_array *nd_rng_permutation(nd_rng *r, const nd_array *x, int axis)
{
    const char *who = "nd_rng_permutation";
    if (!r || !x) return ND_FAIL(ND_EVALUE, "%s: NULL argument", who);
    if (x->ndim == 0)
        return ND_FAIL(ND_EVALUE, "%s: x must be an integer or at least 1-dimensional", who);
    if (nd__norm_axis(&axis, x->ndim, who) < 0) return NULL;
    ptrdiff_t n = x->shape[axis];
    int64_t *perm = shuffle_perm(r, n, who);
    if (!perm) return NULL;
    nd_array *res = take_perm(x, perm, n, axis, who);
    nd_free_mem(perm);
    return res;
}

nd_array *nd_rng_permuted(nd_rng *r, const nd_array *x, int axis, bool axis_none)
{
    const char *who = "nd_rng_permuted";
    if (!r || !x) return ND_FAIL(ND_EVALUE, "%s: NULL argument", who);
    nd_array *out = nd_copy(x, ND_ORDER_C);
    if (!out) return NULL;
    size_t isz = nd_dtype_size(out->dtype);
    if (axis_none || out->ndim == 0) {
        shuffle_raw(r, out->size, 1, isz, (ptrdiff_t)isz, out->data);
        return out;
    }
    if (nd__norm_axis(&axis, out->ndim, who) < 0) {
        nd_free(out);
        return NULL;
    }
    /* each 1-D slice along axis, the other axes in C order */
    ptrdiff_t len = out->shape[axis], stride = out->strides[axis];
    ptrdiff_t outer = 1, inner = 1;
    for (int d = 0; d < axis; d++) outer *= out->shape[d];
    for (int d = axis + 1; d < out->ndim; d++) inner *= out->shape[d];
    for (ptrdiff_t o = 0; o < outer; o++)
        for (ptrdiff_t i = 0; i < inner; i++)
            shuffle_raw(r, len, 0, isz, stride,
                        out->data + (o * len * inner + i) * (ptrdiff_t)isz);
    return out;
}

/* ---- choice --------------------------------------------------------------------------- */
static ptrdiff_t size_of(const nd_choice_opts *o)
{
    ptrdiff_t n = 1;
    for (int i = 0; i < o->ndim; i++) n *= o->shape[i];
    return n;
}

/* cdf of p normalised by its last entry; index of the first cdf value > u (NumPy's
 * searchsorted side='right'). */
static ptrdiff_t search_right(const double *cdf, ptrdiff_t n, double u)
{
    ptrdiff_t lo = 0, hi = n;
    while (lo < hi) {
        ptrdiff_t mid = lo + (hi - lo) / 2;
        if (cdf[mid] <= u)
            lo = mid + 1;
        else
            hi = mid;
    }
    return lo;
}

static void make_cdf(const double *p, double *cdf, ptrdiff_t n)
{
    double s = 0;
    for (ptrdiff_t i = 0; i < n; i++) cdf[i] = s += p[i];
    double last = cdf[n - 1];
    for (ptrdiff_t i = 0; i < n; i++) cdf[i] /= last;
}

static nd_status check_p(const nd_array *pa, int64_t pop, double **p_out, const char *who)
{
    if (pa->ndim != 1) return nd_set_error(ND_EVALUE, "%s: p must be 1-dimensional", who);
    if (pa->shape[0] != pop)
        return nd_set_error(ND_EVALUE, "%s: a and p must have same size (%lld and %td)", who,
                         (long long)pop, pa->shape[0]);
    double *p = nd__malloc_n((pop > 0 ? pop : 1), sizeof *p, who);
    if (!p) return nd_last_error();
    if (nd__need_numeric(pa->dtype, who) < 0 || nd_to_f64(pa, p) < 0) {
        nd_free_mem(p);
        return nd_last_error();
    }
    double s = 0, c = 0;
    for (int64_t i = 0; i < pop; i++) {
        if (isnan(p[i])) {
            nd_free_mem(p);
            return nd_set_error(ND_EVALUE, "%s: probabilities contain NaN", who);
        }
        if (p[i] < 0) {
            nd_status st = nd_set_error(ND_EVALUE, "%s: probabilities are not non-negative (p[%lld] = %g)",
                                        who, (long long)i, p[i]);
            nd_free_mem(p); /* after the message reads p[i] */
            return st;
        }
        double y = p[i] - c, t = s + y;
        c = (t - s) - y;
        s = t;
    }
    if (fabs(s - 1.0) > sqrt(2.220446049250313e-16)) {
        nd_free_mem(p);
        return nd_set_error(ND_EVALUE, "%s: probabilities do not sum to 1 (sum = %.17g)", who, s);
    }
    *p_out = p;
    return ND_OK;
}

/* Floyd's sampling without replacement with a linear-probing set, as NumPy. */
static nd_status floyd(nd_rng *r, int64_t pop, int64_t size, int64_t *out, const char *who)
{
    uint64_t mask = (uint64_t)(1.2 * (double)size);
    for (int s = 1; s < 64; s <<= 1) mask |= mask >> s;
    uint64_t set_size = mask + 1;
    uint64_t *set = nd__malloc_n(set_size, sizeof *set, who);
    if (!set) return nd_last_error();
    memset(set, 0xff, (size_t)set_size * sizeof *set);
    for (int64_t j = pop - size; j < pop; j++) {
        uint64_t val = nd__bounded_u64(r, (uint64_t)j);
        uint64_t loc = val & mask;
        while (set[loc] != UINT64_MAX && set[loc] != val) loc = (loc + 1) & mask;
        if (set[loc] == UINT64_MAX) {
            set[loc] = val;
            out[j - pop + size] = (int64_t)val;
        } else {
            loc = (uint64_t)j & mask;
            while (set[loc] != UINT64_MAX) loc = (loc + 1) & mask;
            set[loc] = (uint64_t)j;
            out[j - pop + size] = j;
        }
    }
    nd_free_mem(set);
    return ND_OK;
}

/* NumPy's _shuffle_int: Fisher–Yates with Lemire bounded draws. */
static void shuffle_int(nd_rng *r, int64_t n, int64_t first, int64_t *d)
{
    for (int64_t i = n - 1; i >= first; i--) {
        int64_t j = (int64_t)nd__bounded_u64(r, (uint64_t)i);
        int64_t t = d[j];
        d[j] = d[i];
        d[i] = t;
    }
}

nd_array *nd_rng_choice_n_(nd_rng *r, int64_t pop, const nd_choice_opts *o)
{
    const char *who = "nd_rng_choice";
    if (!r || !o) return ND_FAIL(ND_EVALUE, "%s: NULL argument", who);
    if (pop < 0) return ND_FAIL(ND_EVALUE, "%s: a = %lld must be non-negative", who, (long long)pop);
    nd_array *out = nd__rng_out(o->ndim, o->shape, ND_INT64, who);
    if (!out) return NULL;
    ptrdiff_t size = size_of(o);
    int64_t *d = (int64_t *)out->data;
    double *p = NULL, *cdf = NULL, *u = NULL;
    if (pop == 0 && size > 0) {
        nd_set_error(ND_EVALUE, "%s: a cannot be empty unless no samples are taken", who);
        goto fail;
    }
    if (o->p && check_p(o->p, pop, &p, who) < 0) goto fail;
    if (!o->no_replace) {
        if (!p) {
            for (ptrdiff_t i = 0; i < size; i++) d[i] = (int64_t)nd__bounded_u64(r, (uint64_t)(pop - 1));
            return out;
        }
        cdf = nd__malloc_n(pop, sizeof *cdf, who);
        if (!cdf) goto fail;
        make_cdf(p, cdf, pop);
        /* NumPy draws all the uniforms first, then searches */
        u = nd__malloc_n((size > 0 ? size : 1), sizeof *u, who);
        if (!u) goto fail;
        for (ptrdiff_t i = 0; i < size; i++) u[i] = nd__next_double(r);
        for (ptrdiff_t i = 0; i < size; i++) d[i] = search_right(cdf, pop, u[i]);
        goto done;
    }
    if (size > pop) {
        nd_set_error(ND_EVALUE, "%s: cannot take a larger sample (%td) than population (%lld) "
                  "when replace is false", who, size, (long long)pop);
        goto fail;
    }
    if (p) {
        ptrdiff_t nonzero = 0;
        for (int64_t i = 0; i < pop; i++) nonzero += p[i] > 0;
        if (nonzero < size) {
            nd_set_error(ND_EVALUE, "%s: fewer non-zero entries in p (%td) than size (%td)", who,
                      nonzero, size);
            goto fail;
        }
        /* repeat: draw the missing count, zero the found ones, keep first occurrences */
        cdf = nd__malloc_n(pop, sizeof *cdf, who);
        u = nd__malloc_n((size > 0 ? size : 1), sizeof *u, who);
        char *seen = nd_calloc((size_t)pop, 1, who);
        if (!cdf || !u || !seen) {
            nd_free_mem(seen);
            goto fail;
        }
        ptrdiff_t have = 0;
        while (have < size) {
            ptrdiff_t want = size - have;
            for (ptrdiff_t i = 0; i < want; i++) u[i] = nd__next_double(r);
            for (ptrdiff_t i = 0; i < have; i++) p[d[i]] = 0;
            make_cdf(p, cdf, pop);
            ptrdiff_t add = 0;
            for (ptrdiff_t i = 0; i < want; i++) {
                ptrdiff_t k = search_right(cdf, pop, u[i]);
                if (!seen[k]) {
                    seen[k] = 1;
                    d[have + add++] = k;
                }
            }
            have += add;
        }
        nd_free_mem(seen);
        goto done;
    }
    if (pop > 10000 && size > pop / 50) {
        /* large samples: shuffle the tail of a full index array */
        int64_t *idx = nd__malloc_n(pop, sizeof *idx, who);
        if (!idx) goto fail;
        for (int64_t i = 0; i < pop; i++) idx[i] = i;
        shuffle_int(r, pop, pop - size > 1 ? pop - size : 1, idx);
        memcpy(d, idx + (pop - size), (size_t)size * sizeof *d);
        nd_free_mem(idx);
    } else {
        if (floyd(r, pop, size, d, who) < 0) goto fail;
        if (!o->no_shuffle) shuffle_int(r, size, 1, d);
    }
done:
    nd_free_mem(p);
    nd_free_mem(cdf);
    nd_free_mem(u);
    return out;
fail:
    nd_free_mem(p);
    nd_free_mem(cdf);
    nd_free_mem(u);
    nd_free(out);
    return NULL;
}

nd_array *nd_rng_choice_(nd_rng *r, const nd_array *a, const nd_choice_opts *o)
{
    const char *who = "nd_rng_choice";
    if (!r || !a || !o) return ND_FAIL(ND_EVALUE, "%s: NULL argument", who);
    if (a->ndim == 0) return ND_FAIL(ND_EVALUE, "%s: a must be 1-dimensional or an integer", who);
    int axis = o->axis;
    if (nd__norm_axis(&axis, a->ndim, who) < 0) return NULL;
    nd_array *idx = nd_rng_choice_n_(r, a->shape[axis], o);
    if (!idx) return NULL;
    nd_array *res = nd_take(a, idx, axis);
    nd_free(idx);
    return res;
}
