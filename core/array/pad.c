/* numpy.pad: every mode of NumPy's arraypad.py, one axis at a time on the padded result.
 * As in NumPy, axis d is padded over the full (already padded) extent of the axes before
 * it and the original extent of the axes after it, so corners come from the later axes. */
#include <numc/manip.h>

#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "internal.h"

typedef struct pad_plan {
    const nd_pad_opts *o;
    nd_array *out;
    int axis, ndim;
    ptrdiff_t n, before, after; /* original length and widths on this axis */
    size_t isz;
    unsigned char cbefore[16], cafter[16]; /* constant mode: the two values as elements */
    double ramp[2];                        /* linear_ramp: end values */
    ptrdiff_t stat[2];                     /* stat modes: lengths (ND_NONE: whole) */
    double *work;                          /* median scratch: 2 * n doubles */
} pad_plan;

/* Element access through complex128, which holds every numc dtype's value. */
static void load_c(const char *p, nd_dtype t, double v[2]) { nd_cast_strided(v, ND_COMPLEX128, 0, p, t, 0, 1); }
static void store_c(char *p, nd_dtype t, double re, double im)
{
    if (nd_dtype_is_integer(t)) {
        /* Through int64, wrapping into narrower types as NumPy's casts do; NaN, inf and
         * values beyond int64 give the integer minimum (never an undefined C conversion). */
        int64_t m = INT64_MIN;
        if (re >= -0x1p63 && re < 0x1p63) m = (int64_t)re;
        else if (t == ND_UINT64 && re >= 0 && re < 0x1p64) {
            uint64_t u = (uint64_t)re;
            memcpy(p, &u, sizeof u);
            return;
        }
        nd_cast_strided(p, t, 0, &m, ND_INT64, 0, 1);
        return;
    }
    double v[2] = { re, im };
    nd_cast_strided(p, t, 0, v, ND_COMPLEX128, 0, 1);
}

static inline void copy_elem(char *d, const char *s, size_t isz)
{
    switch (isz) {
    case 1: *d = *s; break;
    case 2: memcpy(d, s, 2); break;
    case 4: memcpy(d, s, 4); break;
    case 8: memcpy(d, s, 8); break;
    default: memcpy(d, s, isz); break;
    }
}

#define AT(k) (base + (k) * stride)

/* 2 * edge - x in the dtype's own arithmetic: integers wrap (as NumPy's), bool is
 * edge or x (2e - x is nonzero unless both are 0). */
static void odd_value(char *dst, const char *edge, const char *x, nd_dtype t)
{
    if (t == ND_BOOL) {
        *dst = (char)(*edge || *x);
    } else if (nd_dtype_is_integer(t)) {
        nd_scalar e = nd__scalar_load(edge, t), v = nd__scalar_load(x, t);
        uint64_t r = nd_dtype_kind(t) == 'i' ? 2 * (uint64_t)e.v.i - (uint64_t)v.v.i : 2 * e.v.u - v.v.u;
        nd_cast_strided(dst, t, 0, &r, ND_UINT64, 0, 1);
    } else {
        double ev[2], xv[2];
        load_c(edge, t, ev);
        load_c(x, t, xv);
        store_c(dst, t, 2 * ev[0] - xv[0], 2 * ev[1] - xv[1]);
    }
}

/* NumPy >= 1.25's _set_reflect_both, iterated until both sides are filled. */
static void lane_reflect(const pad_plan *p, char *base, ptrdiff_t stride, bool symmetric)
{
    ptrdiff_t L = p->n + p->before + p->after, left = p->before, right = p->after, period = p->n;
    nd_dtype t = p->out->dtype;
    bool odd = p->o->reflect_type == ND_REFLECT_ODD;
    if (period == 1) { /* legacy: a singleton axis is edge-padded */
        for (ptrdiff_t k = 0; k < left; k++) copy_elem(AT(k), AT(left), p->isz);
        for (ptrdiff_t k = L - right; k < L; k++) copy_elem(AT(k), AT(left), p->isz);
        return;
    }
    while (left > 0 || right > 0) {
        ptrdiff_t old = L - right - left, off;
        if (symmetric) {
            old = old / period * period;
            off = 1;
        } else {
            old = (old - 1) / (period - 1) * (period - 1) + 1 - 1;
            off = 0;
        }
        if (left > 0) {
            ptrdiff_t chunk = old < left ? old : left, start = left - off + chunk;
            unsigned char e[16];
            if (odd) memcpy(e, AT(left), p->isz); /* odd: numeric, at most 16 bytes */
            for (ptrdiff_t k = 0; k < chunk; k++) {
                char *dst = AT(left - chunk + k);
                const char *src = AT(start - k);
                if (odd) {
                    odd_value(dst, (const char *)e, src, t);
                } else {
                    copy_elem(dst, src, p->isz);
                }
            }
            left -= chunk;
        }
        if (right > 0) {
            ptrdiff_t chunk = old < right ? old : right, start = L - right + off - 2;
            unsigned char e[16];
            if (odd) memcpy(e, AT(L - right - 1), p->isz); /* odd: numeric, at most 16 bytes */
            for (ptrdiff_t k = 0; k < chunk; k++) {
                char *dst = AT(L - right + k);
                const char *src = AT(start - k);
                if (odd) {
                    odd_value(dst, (const char *)e, src, t);
                } else {
                    copy_elem(dst, src, p->isz);
                }
            }
            right -= chunk;
        }
    }
}

/* linspace(start, stop, num, endpoint=False) in the array's dtype, as NumPy's ramps. */
static void ramp(const pad_plan *p, char *base, ptrdiff_t stride, ptrdiff_t from, ptrdiff_t num, ptrdiff_t dir,
                 double end, const char *edge)
{
    nd_dtype t = p->out->dtype;
    double e[2];
    load_c(edge, t, e);
    double step_re = (e[0] - end) / (double)num, step_im = e[1] / (double)num;
    for (ptrdiff_t k = 0; k < num; k++) {
        double re = (double)k * step_re + end, im = (double)k * step_im;
        if (nd_dtype_is_integer(t)) re = floor(re); /* linspace floors for integer dtypes (NumPy >= 1.20) */
        store_c(AT(from + dir * k), t, re, im);
    }
}

/* a < b for the max / min scan: NumPy's complex order is lexicographic. */
static int cmp_c(const double *a, const double *b)
{
    if (a[0] != b[0]) return a[0] < b[0] ? -1 : 1;
    if (a[1] != b[1]) return a[1] < b[1] ? -1 : 1;
    return 0;
}

static int cmp_median(const void *x, const void *y)
{
    const double *a = x, *b = y;
    return cmp_c(a, b);
}

/* The statistic of lane elements [lo, lo + len) into v. NaN propagates (NumPy). */
static void lane_stat(const pad_plan *p, char *base, ptrdiff_t stride, ptrdiff_t lo, ptrdiff_t len, double v[2],
                      const char **pick)
{
    *pick = NULL;
    nd_dtype t = p->out->dtype;
    nd_pad_mode m = p->o->mode;
    v[0] = v[1] = 0;
    if (len == 0) { /* mean / median of nothing: NaN (max / min were refused) */
        v[0] = NAN;
        v[1] = nd_dtype_is_complex(t) ? NAN : 0;
        return;
    }
    if (m == ND_PAD_MAXIMUM || m == ND_PAD_MINIMUM) {
        if (!nd_dtype_is_float(t) && !nd_dtype_is_complex(t)) {
            /* Integers compared exactly (int64 does not fit a double). */
            const char *best = AT(lo);
            bool sgn = nd_dtype_kind(t) == 'i';
            for (ptrdiff_t k = 1; k < len; k++) {
                nd_scalar a = nd__scalar_load(AT(lo + k), t), b = nd__scalar_load(best, t);
                bool less = sgn ? a.v.i < b.v.i : t == ND_BOOL ? a.v.b < b.v.b : a.v.u < b.v.u;
                bool more = sgn ? a.v.i > b.v.i : t == ND_BOOL ? a.v.b > b.v.b : a.v.u > b.v.u;
                if (m == ND_PAD_MAXIMUM ? more : less) best = AT(lo + k);
            }
            *pick = best; /* the caller copies the element itself */
            return;
        }
        double b[2], x[2];
        load_c(AT(lo), t, b);
        for (ptrdiff_t k = 1; k < len && !isnan(b[0]) && !isnan(b[1]); k++) {
            load_c(AT(lo + k), t, x);
            if (isnan(x[0]) || isnan(x[1]) || (m == ND_PAD_MAXIMUM ? cmp_c(x, b) > 0 : cmp_c(x, b) < 0)) {
                b[0] = x[0];
                b[1] = x[1];
            }
        }
        v[0] = b[0];
        v[1] = b[1];
        return;
    }
    if (m == ND_PAD_MEAN) {
        double x[2];
        for (ptrdiff_t k = 0; k < len; k++) {
            load_c(AT(lo + k), t, x);
            v[0] += x[0];
            v[1] += x[1];
        }
        v[0] /= (double)len;
        v[1] /= (double)len;
    } else { /* median */
        double *w = p->work;
        bool nan = false;
        for (ptrdiff_t k = 0; k < len; k++) {
            load_c(AT(lo + k), t, w + 2 * k);
            nan = nan || isnan(w[2 * k]) || isnan(w[2 * k + 1]);
        }
        if (nan) {
            v[0] = NAN;
            v[1] = nd_dtype_is_complex(t) ? NAN : 0;
            return;
        }
        qsort(w, (size_t)len, 2 * sizeof(double), cmp_median);
        ptrdiff_t h = len / 2;
        if (len % 2) {
            v[0] = w[2 * h];
            v[1] = w[2 * h + 1];
        } else {
            v[0] = (w[2 * (h - 1)] + w[2 * h]) / 2;
            v[1] = (w[2 * (h - 1) + 1] + w[2 * h + 1]) / 2;
        }
    }
    if (nd_dtype_is_integer(t)) v[0] = nearbyint(v[0]); /* _round_if_needed: half to even */
}

static void fill_stat(const pad_plan *p, char *base, ptrdiff_t stride, ptrdiff_t from, ptrdiff_t num, const double v[2],
                      const char *pick)
{
    nd_dtype t = p->out->dtype;
    if (!num) return;
    char *first = AT(from);
    unsigned char keep[16];
    if (pick) {
        memcpy(keep, pick, p->isz); /* pick may lie in the area being filled */
        copy_elem(first, (const char *)keep, p->isz);
    } else {
        store_c(first, t, v[0], v[1]);
    }
    for (ptrdiff_t k = 1; k < num; k++) copy_elem(AT(from + k), first, p->isz);
}

static void pad_lane(const pad_plan *p, char *base, ptrdiff_t stride)
{
    ptrdiff_t b = p->before, n = p->n, e = p->after, L = b + n + e;
    switch (p->o->mode) {
    case ND_PAD_CONSTANT:
        for (ptrdiff_t k = 0; k < b; k++) copy_elem(AT(k), (const char *)p->cbefore, p->isz);
        for (ptrdiff_t k = b + n; k < L; k++) copy_elem(AT(k), (const char *)p->cafter, p->isz);
        break;
    case ND_PAD_EDGE:
        for (ptrdiff_t k = 0; k < b; k++) copy_elem(AT(k), AT(b), p->isz);
        for (ptrdiff_t k = b + n; k < L; k++) copy_elem(AT(k), AT(b + n - 1), p->isz);
        break;
    case ND_PAD_WRAP:
        for (ptrdiff_t k = 0; k < b; k++) copy_elem(AT(k), AT(b + (((k - b) % n) + n) % n), p->isz);
        for (ptrdiff_t k = b + n; k < L; k++) copy_elem(AT(k), AT(b + (k - b) % n), p->isz);
        break;
    case ND_PAD_REFLECT:
    case ND_PAD_SYMMETRIC: lane_reflect(p, base, stride, p->o->mode == ND_PAD_SYMMETRIC); break;
    case ND_PAD_LINEAR_RAMP:
        ramp(p, base, stride, 0, b, 1, p->ramp[0], AT(b));
        ramp(p, base, stride, L - 1, e, -1, p->ramp[1], AT(b + n - 1));
        break;
    case ND_PAD_MAXIMUM:
    case ND_PAD_MINIMUM:
    case ND_PAD_MEAN:
    case ND_PAD_MEDIAN: {
        ptrdiff_t ll = p->stat[0] == ND_NONE || p->stat[0] > n ? n : p->stat[0];
        ptrdiff_t rl = p->stat[1] == ND_NONE || p->stat[1] > n ? n : p->stat[1];
        double vl[2], vr[2];
        const char *pl, *pr;
        unsigned char el[16], er[16]; /* picked elements, copied before any filling */
        lane_stat(p, base, stride, b, ll, vl, &pl);
        if (ll == n && rl == n) {
            memcpy(vr, vl, sizeof vr);
            pr = pl;
        } else {
            lane_stat(p, base, stride, b + n - rl, rl, vr, &pr);
        }
        if (pl) pl = memcpy(el, pl, p->isz);
        if (pr) pr = memcpy(er, pr, p->isz);
        fill_stat(p, base, stride, 0, b, vl, pl);
        fill_stat(p, base, stride, b + n, e, vr, pr);
        break;
    }
    default: break;
    }
}
#undef AT

/* Calls pad_lane (or the user's function) for every lane along p->axis; the other axes
 * range over [lo[d], hi[d]). */
static nd_status each_lane(pad_plan *p, const ptrdiff_t *lo, const ptrdiff_t *hi)
{
    nd_array *out = p->out;
    int nd = out->ndim, ax = p->axis;
    ptrdiff_t idx[ND_MAXDIMS];
    for (int d = 0; d < nd; d++) {
        if (d != ax && hi[d] <= lo[d]) return ND_OK;
        idx[d] = d == ax ? 0 : lo[d];
    }
    ptrdiff_t L = out->shape[ax], stride = out->strides[ax];
    for (;;) {
        char *base = out->data;
        for (int d = 0; d < nd; d++) base += idx[d] * out->strides[d];
        if (p->o->mode == ND_PAD_FUNCTION) {
            nd_array *vec = nd__view_of(out, 1, &L, &stride, base, out->dtype);
            if (!vec) return nd_last_error();
            int r = p->o->fn(vec, p->before, p->after, ax, p->o->ctx);
            nd_free(vec);
            if (r < 0)
                return nd_set_error(r, "nd_pad_ex: the pad function returned %d on axis %d", r, ax);
        } else {
            pad_lane(p, base, stride);
        }
        int d = nd - 1;
        for (; d >= 0; d--) {
            if (d == ax) continue;
            if (++idx[d] < hi[d]) break;
            idx[d] = lo[d];
        }
        if (d < 0) return ND_OK;
    }
}

/* Entry k of a per-axis-side list of count n (1, 2 or 2 * ndim entries) for axis d, side s. */
static int pair_index(int n, int d, int s) { return n == 1 ? 0 : n == 2 ? s : 2 * d + s; }

static bool count_ok(int n, int ndim) { return n == 0 || n == 1 || n == 2 || n == 2 * ndim; }

nd_array *nd_pad_ex_(const nd_array *a, int nwidths, const ptrdiff_t *widths, const nd_pad_opts *o)
{
    static const nd_pad_opts none = { 0 };
    if (!a) return ND_FAIL(ND_EVALUE, "nd_pad: array is NULL");
    if (!o) o = &none;
    int nd = a->ndim;
    if ((unsigned)o->mode > ND_PAD_FUNCTION) return ND_FAIL(ND_EVALUE, "nd_pad: unknown mode %d", (int)o->mode);
    if (nwidths < 0 || (nwidths && !widths) || !count_ok(nwidths, nd) || (nwidths == 0 && nd > 0))
        return ND_FAIL(ND_EVALUE, "nd_pad: %d pad widths for a %d-d array (need 1, 2 or %d)", nwidths, nd, 2 * nd);
    for (int i = 0; i < nwidths; i++)
        if (widths[i] < 0)
            return ND_FAIL(ND_EVALUE, "nd_pad: index can't contain negative values (pad width %d is %td)", i,
                           widths[i]);
    if (o->mode == ND_PAD_FUNCTION && !o->fn) return ND_FAIL(ND_EVALUE, "nd_pad: mode function needs .fn");
    if (!count_ok(o->nconstants, nd) || (o->nconstants && !o->constants))
        return ND_FAIL(ND_EVALUE, "nd_pad: %d constant values for a %d-d array (need 1, 2 or %d)", o->nconstants, nd, 2 * nd);
    if (!count_ok(o->nend_values, nd) || (o->nend_values && !o->end_values))
        return ND_FAIL(ND_EVALUE, "nd_pad: %d end values for a %d-d array (need 1, 2 or %d)", o->nend_values, nd, 2 * nd);
    if (!count_ok(o->nstat_length, nd) || (o->nstat_length && !o->stat_length))
        return ND_FAIL(ND_EVALUE, "nd_pad: %d stat lengths for a %d-d array (need 1, 2 or %d)", o->nstat_length, nd, 2 * nd);
    for (int i = 0; i < o->nstat_length; i++)
        if (o->stat_length[i] < 0 && o->stat_length[i] != ND_NONE)
            return ND_FAIL(ND_EVALUE, "nd_pad: index can't contain negative values (stat_length %d is %td)", i,
                           o->stat_length[i]);
    if (o->reflect_type != ND_REFLECT_EVEN && o->reflect_type != ND_REFLECT_ODD)
        return ND_FAIL(ND_EVALUE, "nd_pad: unknown reflect_type %d", (int)o->reflect_type);
    ptrdiff_t before[ND_MAXDIMS], after[ND_MAXDIMS], shape[ND_MAXDIMS];
    for (int d = 0; d < nd; d++) {
        before[d] = widths[pair_index(nwidths, d, 0)];
        after[d] = widths[pair_index(nwidths, d, 1)];
        if (__builtin_add_overflow(a->shape[d], before[d], &shape[d]) ||
            __builtin_add_overflow(shape[d], after[d], &shape[d]))
            return ND_FAIL(ND_EVALUE, "nd_pad: padded length of axis %d overflows", d);
    }
    bool stat = o->mode == ND_PAD_MAXIMUM || o->mode == ND_PAD_MINIMUM || o->mode == ND_PAD_MEAN ||
                o->mode == ND_PAD_MEDIAN;
    /* A flexible dtype pads by copying elements (edge, wrap, even reflect / symmetric, empty,
     * function) or with a scalar a date can hold; the modes that compute values are numeric
     * (and their element buffers hold at most 16 bytes). */
    bool copies = o->mode == ND_PAD_EDGE || o->mode == ND_PAD_WRAP || o->mode == ND_PAD_EMPTY ||
                  o->mode == ND_PAD_FUNCTION ||
                  ((o->mode == ND_PAD_REFLECT || o->mode == ND_PAD_SYMMETRIC) && o->reflect_type == ND_REFLECT_EVEN);
    if (o->mode == ND_PAD_CONSTANT && nd__scalar_fits(a->dtype, "nd_pad") < 0) return NULL;
    if (!copies && o->mode != ND_PAD_CONSTANT && nd__need_numeric(a->dtype, "nd_pad") < 0) return NULL;
    if (o->mode != ND_PAD_CONSTANT && o->mode != ND_PAD_EMPTY && o->mode != ND_PAD_FUNCTION && a->size == 0) {
        for (int d = 0; d < nd; d++)
            if (a->shape[d] == 0 && (before[d] || after[d]))
                return ND_FAIL(ND_EVALUE, "nd_pad: can't extend empty axis %d using modes other than 'constant' or "
                               "'empty'", d);
    }
    if (stat && (o->mode == ND_PAD_MAXIMUM || o->mode == ND_PAD_MINIMUM))
        for (int i = 0; i < o->nstat_length; i++)
            if (o->stat_length[i] == 0)
                return ND_FAIL(ND_EVALUE, "nd_pad: stat_length of 0 yields no value for padding");
    nd_array *out = nd__alloc_ex(nd, shape, a->dtype, false, o->mode == ND_PAD_FUNCTION, "nd_pad");
    if (!out) return NULL;
    pad_plan p = { .o = o, .out = out, .ndim = nd, .isz = nd_dtype_size(a->dtype) };
    nd_status st = ND_OK;
    /* The original block first. */
    {
        nd_index ix[ND_MAXDIMS];
        for (int d = 0; d < nd; d++) ix[d] = ND_SLICE(before[d], before[d] + a->shape[d], 1);
        nd_array *center = nd_slice(out, nd, ix);
        st = center ? nd__copy_into(center, a) : nd_last_error();
        nd_free(center);
    }
    if (st == ND_OK && o->mode == ND_PAD_MEDIAN) {
        ptrdiff_t maxn = 1;
        for (int d = 0; d < nd; d++)
            if (a->shape[d] > maxn) maxn = a->shape[d];
        if (!(p.work = nd__malloc_n(maxn, 2 * sizeof(double), "nd_pad"))) st = nd_last_error();
    }
    if (a->size == 0 && o->mode != ND_PAD_CONSTANT && o->mode != ND_PAD_FUNCTION) goto done;
    for (int d = 0; st == ND_OK && d < nd; d++) {
        if (o->mode != ND_PAD_FUNCTION && !before[d] && !after[d]) continue;
        p.axis = d;
        p.n = a->shape[d];
        p.before = before[d];
        p.after = after[d];
        if (o->mode == ND_PAD_CONSTANT) {
            nd_scalar cb = o->nconstants ? o->constants[pair_index(o->nconstants, d, 0)] : o->constant;
            nd_scalar ca = o->nconstants ? o->constants[pair_index(o->nconstants, d, 1)] : o->constant;
            nd__scalar_store(p.cbefore, a->dtype, cb);
            nd__scalar_store(p.cafter, a->dtype, ca);
        }
        p.ramp[0] = o->nend_values ? o->end_values[pair_index(o->nend_values, d, 0)] : 0;
        p.ramp[1] = o->nend_values ? o->end_values[pair_index(o->nend_values, d, 1)] : 0;
        p.stat[0] = o->nstat_length ? o->stat_length[pair_index(o->nstat_length, d, 0)] : ND_NONE;
        p.stat[1] = o->nstat_length ? o->stat_length[pair_index(o->nstat_length, d, 1)] : ND_NONE;
        ptrdiff_t lo[ND_MAXDIMS], hi[ND_MAXDIMS];
        for (int k = 0; k < nd; k++) {
            bool full = k < d || o->mode == ND_PAD_FUNCTION;
            lo[k] = full ? 0 : before[k];
            hi[k] = full ? shape[k] : before[k] + a->shape[k];
        }
        st = each_lane(&p, lo, hi);
    }
done:
    nd_free_mem(p.work);
    if (st < 0) {
        nd_free(out);
        return NULL;
    }
    return out;
}

nd_array *nd_pad(const nd_array *a, int nwidths, const ptrdiff_t *widths, nd_pad_mode mode, nd_scalar constant)
{
    if ((unsigned)mode > ND_PAD_EMPTY || mode == ND_PAD_FUNCTION)
        return ND_FAIL(ND_EVALUE, "nd_pad: mode %d needs nd_pad_ex", (int)mode);
    nd_pad_opts o = { .mode = mode, .constant = constant };
    return nd_pad_ex_(a, nwidths, widths, &o);
}
