/* numc — masked arrays: reductions, running sums, average, median, cov and corrcoef.
 *
 * NumPy 1.24's MaskedArray methods reduce filled data: sum is filled(0).sum, prod
 * filled(1).prod, min filled(+inf / the dtype's max).min, all filled(True).all, ... and
 * mask the result where a slice has no valid element. Here sum, mean and var of
 * C-contiguous float64 over every axis or the last one run NumPy's own pairwise tree over
 * the masked data (same bits as numpy.ma, one pass, no filled copy); the other sums run on
 * the plain reductions with where = ~mask (what they add is what filled(0) adds), the
 * extremes on a filled copy. Data under a masked result: 0 for sum, mean, var and std, 1
 * for prod, the result dtype's default fill value for min, max and ptp, True for all,
 * False for any (NumPy's). An input with nomask (and no .where) gives a result with
 * nomask, but for var and std (see var_core). */
#include <float.h>
#include <math.h>
#include <stdint.h>
#include <string.h>

#include "ma_ops_internal.h"
#include "numc/linalg.h"
#include "numc/manip.h"
#include "numc/stats.h"

/* Frees *p and sets it to NULL. */
static void replace_null(nd_array **p)
{
    nd_free(*p);
    *p = NULL;
}

/* ---- shared steps --------------------------------------------------------------------- */
static nd_reduce_opts opts_of(const nd_reduce_opts *o) { return o ? *o : ND_REDUCE_DEFAULTS; }

/* The options a reduction of the mask keeps: the axes and keepdims. */
static nd_reduce_opts axes_only(const nd_reduce_opts *o)
{
    nd_reduce_opts r = ND_REDUCE_DEFAULTS;
    if (o) {
        r.axis = o->axis;
        r.axes = o->axes;
        r.keepdims = o->keepdims;
    }
    return r;
}

/* The elements that take part: ~mask & .where, of the data's shape; NULL (no error) when
 * every element does (nomask and no .where). */
static nd_status valid_of(const nd_marray *m, const nd_reduce_opts *o, nd_array **out)
{
    nd_array *v = NULL;
    *out = NULL;
    if (m->mask && !(v = nd_logical_not(m->mask)))
        return nd_last_error();
    if (o && o->where) {
        nd_array *w = nd_broadcast_to(o->where, nd_ndim(m->data), nd_shape(m->data));
        nd_array *c = w ? (v ? nd_logical_and(v, w) : nd_astype(w, ND_BOOL, ND_CAST_UNSAFE)) : NULL;
        nd_free(w);
        nd_free(v);
        if (!(v = c))
            return nd_last_error();
    }
    *out = v;
    return ND_OK;
}

/* True where a slice has no valid element (NULL when valid is NULL). */
static nd_status empty_slices(const nd_array *valid, const nd_reduce_opts *o, nd_array **out)
{
    *out = NULL;
    if (!valid)
        return ND_OK;
    nd_reduce_opts ro = axes_only(o);
    nd_array *any = nd_any_(valid, &ro);
    if (!any || !(*out = nd_logical_not(any))) {
        nd_free(any);
        return nd_last_error();
    }
    nd_free(any);
    return ND_OK;
}

/* Number of valid elements per slice (int64, the result's shape). */
static nd_array *count_of(const nd_marray *m, const nd_array *valid, const nd_reduce_opts *o)
{
    nd_reduce_opts ro = axes_only(o);
    ro.dtype = ND_INT64;
    if (valid)
        return nd_sum_(valid, &ro);
    nd_array *ones = nd_ones(nd_ndim(m->data), nd_shape(m->data), ND_BOOL);
    nd_array *c = ones ? nd_sum_(ones, &ro) : NULL;
    nd_free(ones);
    return c;
}

/* The result: data with `mask` (taken over; NULL nomask), the masked elements set to
 * *under (NULL: left as computed); fill value the result dtype's default. */
static nd_marray *result(nd_array *data, nd_array *mask, const nd_scalar *under, const char *who)
{
    if (data && mask && under && nd_mask_assign(data, mask, *under) < 0) {
        nd_free(data);
        nd_free(mask);
        return NULL;
    }
    if (!data) {
        nd_free(mask);
        return NULL;
    }
    return ma__wrap(data, mask, NULL, false, who);
}

/* numpy.ma.minimum_fill_value / maximum_fill_value: what never wins a min / max. */
static nd_scalar extreme_fill(nd_dtype dt, bool for_min)
{
    if (dt == ND_BOOL)
        return ND_BOOL_S(for_min);
    if (nd_dtype_is_integer(dt)) {
        nd_iinfo ii;
        (void)nd_iinfo_of(dt, &ii);
        if (dt >= ND_UINT8 && dt <= ND_UINT64)
            return for_min ? ND_U64((uint64_t)ii.max) : ND_U64(0);
        return for_min ? ND_I64(ii.max) : ND_I64(ii.min);
    }
    if (nd_dtype_is_complex(dt))
        return ND_C128(for_min ? INFINITY : -INFINITY, 0.0);
    return ND_F64(for_min ? INFINITY : -INFINITY);
}

/* A C-ordered copy of the data with the elements outside `valid` set to v. */
static nd_array *filled_with(const nd_marray *m, const nd_array *valid, nd_scalar v)
{
    nd_array *f = nd_copy(m->data, ND_ORDER_C);
    if (!f || !valid)
        return f;
    nd_array *inv = nd_logical_not(valid);
    if (!inv || nd_mask_assign(f, inv, v) < 0) {
        nd_free(inv);
        nd_free(f);
        return NULL;
    }
    nd_free(inv);
    return f;
}

typedef nd_array *(*reduce_fn)(const nd_array *, const nd_reduce_opts *);

/* sum / prod: the plain reduction over the valid elements (filled(0 or 1) in NumPy). */
static nd_marray *sum_like(const nd_marray *m, const nd_reduce_opts *o, reduce_fn fn,
                           const char *who)
{
    nd_array *valid, *mask = NULL;
    if (ma__check(m, who) < 0 || valid_of(m, o, &valid) < 0)
        return NULL;
    nd_reduce_opts ro = opts_of(o);
    ro.where = valid;
    nd_array *data = fn(m->data, &ro);
    if (data && empty_slices(valid, o, &mask) < 0) {
        nd_free(data);
        data = NULL;
    }
    nd_free(valid);
    return result(data, mask, NULL, who); /* the identity is already under the mask */
}


/* ---- float64 lanes: NumPy's own pairwise sums, masked -------------------------------------- */
/* MaskedArray.sum / mean / var of contiguous float64 add filled(0) data (and filled
 * squared deviations) with NumPy's pairwise sum (numpy/core/src/umath/
 * loops_utils.h.src): below 8 elements a plain loop, up to 128 eight accumulators, above
 * that the halves split at a multiple of 8. The same tree over the masked values (a
 * masked element adds 0) gives NumPy's result to the bit, in one pass, no temporary. */
#define PW_BLOCK 128

/* x, or 0 where masked (a branch-free select: masks are random). */
static inline double unmasked(double x, unsigned char masked)
{
    uint64_t b, k = (uint64_t)masked - 1; /* all ones when valid */
    memcpy(&b, &x, sizeof b);
    b &= k;
    memcpy(&x, &b, sizeof x);
    return x;
}

/* The leaf value: x (sq false) or (x - mean)^2, 0 where masked. */
static inline double leaf(const double *x, const unsigned char *m, ptrdiff_t i, bool sq, double mean)
{
    double d = sq ? (x[i] - mean) * (x[i] - mean) : x[i];
    return unmasked(d, m[i]);
}

ND__CLONES static double pw_block(const double *x, const unsigned char *m, ptrdiff_t n, bool sq,
                                   double mean)
{
    double res;
    ptrdiff_t i;
    if (n < 8) {
        res = 0.0;
        for (i = 0; i < n; i++)
            res += leaf(x, m, i, sq, mean);
        return res;
    }
    double r[8];
    for (int j = 0; j < 8; j++)
        r[j] = leaf(x, m, j, sq, mean);
    for (i = 8; i < n - (n % 8); i += 8)
        for (int j = 0; j < 8; j++)
            r[j] += leaf(x, m, i + j, sq, mean);
    res = ((r[0] + r[1]) + (r[2] + r[3])) + ((r[4] + r[5]) + (r[6] + r[7]));
    for (; i < n; i++)
        res += leaf(x, m, i, sq, mean);
    return res;
}

static double masked_pairwise(const double *x, const unsigned char *m, ptrdiff_t n, bool sq,
                              double mean)
{
    if (n <= PW_BLOCK)
        return pw_block(x, m, n, sq, mean);
    ptrdiff_t n2 = n / 2;
    n2 -= n2 % 8;
    return masked_pairwise(x, m, n2, sq, mean) + masked_pairwise(x + n2, m + n2, n - n2, sq, mean);
}

ND__CLONES static ptrdiff_t count_valid(const unsigned char *m, ptrdiff_t n)
{
    ptrdiff_t masked = 0;
    for (ptrdiff_t i = 0; i < n; i++)
        masked += m[i];
    return n - masked;
}

/* The lanes NumPy's pairwise sum runs over in a C-contiguous float64 masked array: with
 * every axis reduced the whole array (one lane), with the last axis reduced each row of
 * it (the reduction's inner loop gets one row at a time). The result's shape goes to
 * *rnd / rshape. False for every other case (no mask, .where, .initial, another dtype
 * or axis; a bad axis too): the plain reductions with where = ~mask do those. */
typedef struct lanes {
    ptrdiff_t n, len;
    int rnd;
    ptrdiff_t rshape[ND_MAXDIMS];
} lanes;

static bool pairwise_lanes(const nd_marray *m, const nd_reduce_opts *o, lanes *l)
{
    if (!m->mask || nd_dtype_of(m->data) != ND_FLOAT64 || !nd_is_c_contiguous(m->data) ||
        !nd_is_c_contiguous(m->mask) ||
        (o && (o->where || o->initial || o->axes.n > 1 || (o->dtype && o->dtype != ND_FLOAT64))))
        return false;
    int nd = nd_ndim(m->data), axis = !o ? ND_AXIS_NONE : o->axes.n == 1 ? o->axes.ax[0] : o->axis;
    const ptrdiff_t *shape = nd_shape(m->data);
    bool keep = o && o->keepdims;
    if (axis == ND_AXIS_NONE) {
        l->n = 1;
        l->len = nd_size(m->data);
        l->rnd = keep ? nd : 0;
        for (int i = 0; i < l->rnd; i++)
            l->rshape[i] = 1;
        return true;
    }
    if (nd == 0 || (axis != nd - 1 && axis != -1))
        return false;
    l->len = shape[nd - 1];
    l->n = 1;
    for (int i = 0; i < nd - 1; i++)
        l->n *= l->rshape[i] = shape[i];
    l->rnd = nd - 1;
    if (keep)
        l->rshape[l->rnd++] = 1;
    return true;
}

typedef enum { MOMENT_SUM, MOMENT_MEAN, MOMENT_VAR } moment;

/* sum, mean (sum * 1. / count) or variance (sum((x - mean)^2) / (count - ddof)) of each
 * lane's valid elements as NumPy rounds them; masked where a lane has no valid element,
 * var also where count - ddof <= 0 and, for a 0-d result, where it is not finite
 * (numpy.ma's divide domain); 0 under the mask. With a result of at least one dimension
 * and nothing masked, var's mask is nomask (NumPy shrinks it). */
static nd_status lane_moment(const nd_marray *m, const lanes *l, moment k, double ddof,
                             nd_array **data, nd_array **mask)
{
    nd_array *d = nd_empty(l->rnd, l->rshape, ND_FLOAT64);
    nd_array *mk = d ? nd_empty(l->rnd, l->rshape, ND_BOOL) : NULL;
    *data = *mask = NULL;
    if (!mk) {
        nd_free(d);
        return nd_last_error();
    }
    const double *x = nd_data(m->data);
    const unsigned char *km = nd_data(m->mask); /* bools as bytes: see ma_ufunc.c */
    double *out = nd_data(d);
    bool *masked = nd_data(mk), any = false;
    for (ptrdiff_t i = 0; i < l->n; i++) {
        const double *xi = x + i * l->len;
        const unsigned char *ki = km + i * l->len;
        ptrdiff_t cnt = count_valid(ki, l->len);
        double v = masked_pairwise(xi, ki, l->len, false, 0.0);
        bool bad = cnt == 0;
        if (k != MOMENT_SUM)
            v = v * 1.0 / (double)cnt;
        if (k == MOMENT_VAR) {
            v = masked_pairwise(xi, ki, l->len, true, v) / ((double)cnt - ddof);
            bad |= (double)cnt - ddof <= 0.0 || (l->rnd == 0 && !isfinite(v));
        }
        out[i] = bad ? 0.0 : v;
        masked[i] = bad;
        any |= bad;
    }
    if (k == MOMENT_VAR && l->rnd > 0 && !any)
        replace_null(&mk);
    *data = d;
    *mask = mk;
    return ND_OK;
}

nd_marray *nd_ma_sum_(const nd_marray *m, const nd_reduce_opts *o)
{
    static const char who[] = "nd_ma_sum";
    lanes l;
    nd_array *d, *k;
    if (m && pairwise_lanes(m, o, &l))
        return lane_moment(m, &l, MOMENT_SUM, 0.0, &d, &k) < 0 ? NULL : result(d, k, NULL, who);
    return sum_like(m, o, nd_sum_, who);
}

nd_marray *nd_ma_prod_(const nd_marray *m, const nd_reduce_opts *o)
{
    return sum_like(m, o, nd_prod_, "nd_ma_prod");
}

/* Zero of a result dtype (the data numpy.ma leaves under a masked mean / var). */
static nd_scalar zero_of(nd_dtype dt)
{
    return nd_dtype_is_complex(dt) ? ND_C128(0.0, 0.0) : ND_F64(0.0);
}

/* mean = sum / count (MaskedArray.mean): the sum in the input's accumulator dtype, the
 * quotient in float64 (complex128 for complex input); masked where count is 0. */
nd_marray *nd_ma_mean_(const nd_marray *m, const nd_reduce_opts *o)
{
    static const char who[] = "nd_ma_mean";
    nd_array *valid, *mask = NULL, *data = NULL;
    if (ma__check(m, who) < 0 || valid_of(m, o, &valid) < 0)
        return NULL;
    if (!valid) /* nomask: ndarray.mean */
        return result(nd_mean_(m->data, o), NULL, NULL, who);
    lanes l;
    if (pairwise_lanes(m, o, &l)) {
        nd_free(valid);
        return lane_moment(m, &l, MOMENT_MEAN, 0.0, &data, &mask) < 0
                   ? NULL
                   : result(data, mask, NULL, who);
    }
    nd_reduce_opts ro = opts_of(o);
    ro.where = valid;
    nd_array *s = nd_sum_(m->data, &ro);
    nd_array *cnt = s ? count_of(m, valid, o) : NULL;
    if (cnt) {
        nd_dtype dt = nd_dtype_is_complex(nd_dtype_of(s)) ? ND_COMPLEX128 : ND_FLOAT64;
        nd_errstate old = nd_seterr(.divide = ND_ERR_IGNORE, .invalid = ND_ERR_IGNORE);
        nd_array *sf = nd_astype(s, dt, ND_CAST_UNSAFE);
        data = sf ? nd_divide(sf, cnt) : NULL;
        nd_seterr_(&old);
        nd_free(sf);
        if (data && !(mask = nd_equal(cnt, 0))) {
            nd_free(data);
            data = NULL;
        }
    }
    nd_free(s);
    nd_free(cnt);
    nd_free(valid);
    nd_scalar zero = zero_of(data ? nd_dtype_of(data) : ND_FLOAT64);
    return result(data, mask, &zero, who);
}

/* The variance and its mask as MaskedArray.var gives them:
 *   with a mask: the float64 variance of the valid elements (the plain two-pass one with
 *     where = ~mask); masked where a slice has no valid element or count - ddof <= 0
 *     (nomask when nothing is: NumPy shrinks that mask); a 0-d result is also masked
 *     when not finite (the domain of numpy.ma's divide);
 *   with nomask: ndarray.var, whose last division goes through MaskedArray.__array_wrap__
 *     and the domain of true_divide: masked where n - ddof <= 0 or the variance is
 *     infinite, the data there 1 (true_divide's ma fill), 0 for a 0-d result.
 * Data under other masked elements is 0. */
static nd_status var_core(const nd_marray *m, const nd_reduce_opts *o, nd_array **data,
                          nd_array **mask, const char *who)
{
    nd_array *valid, *x = NULL, *v = NULL, *cnt = NULL, *few = NULL, *empty = NULL, *k = NULL;
    *data = *mask = NULL;
    if (ma__check(m, who) < 0 || valid_of(m, o, &valid) < 0)
        return nd_last_error();
    lanes l;
    if (valid && pairwise_lanes(m, o, &l)) {
        nd_free(valid);
        return lane_moment(m, &l, MOMENT_VAR, o ? o->ddof : 0.0, data, mask);
    }
    nd_dtype dt = nd_dtype_of(m->data);
    /* numpy.ma subtracts a float64 mean, so the deviations are float64 */
    bool keep = !valid || dt == ND_FLOAT64 || dt == ND_COMPLEX128 || (o && o->dtype);
    x = keep ? nd_ref(m->data)
             : nd_astype(m->data, nd_dtype_is_complex(dt) ? ND_COMPLEX128 : ND_FLOAT64, ND_CAST_UNSAFE);
    nd_reduce_opts ro = opts_of(o);
    ro.where = valid;
    if (x) {
        nd_errstate old = nd_seterr(.divide = ND_ERR_IGNORE, .invalid = ND_ERR_IGNORE);
        v = nd_var_(x, &ro);
        nd_seterr_(&old);
    }
    double ddof = o ? o->ddof : 0.0;
    nd_status st = v && (cnt = count_of(m, valid, o)) && (few = nd_less_equal(cnt, ddof)) &&
                           empty_slices(valid, o, &empty) == ND_OK
                       ? ND_OK
                       : nd_last_error();
    bool zero_d = v && nd_ndim(v) == 0;
    double under = 0.0;
    if (st == ND_OK) {
        /* few | empty | not finite (as described above); each taken over */
        bool want_nf = !valid || zero_d;
        nd_array *nf = want_nf ? ma__not_finite(v, !valid) : NULL;
        if (!valid)
            under = zero_d ? 0.0 : 1.0;
        k = few;
        bool ok = ma__or_into(&k, empty) && (!want_nf || nf);
        if (ok)
            ok = ma__or_into(&k, nf);
        else
            nd_free(nf);
        few = empty = NULL;
        bool any = false;
        if (!ok || ma__any(k, &any) < 0)
            st = nd_last_error();
        else if (!zero_d && !any) /* nothing masked: NumPy's shrunk nomask */
            replace_null(&k);
        else if (nd_mask_assign(v, k, ND_F64(under)) < 0)
            st = nd_last_error();
    }
    nd_free(few);
    nd_free(empty);
    nd_free(cnt);
    nd_free(x);
    nd_free(valid);
    if (st < 0) {
        nd_free(v);
        nd_free(k);
        return st;
    }
    *data = v;
    *mask = k;
    return ND_OK;
}

nd_marray *nd_ma_var_(const nd_marray *m, const nd_reduce_opts *o)
{
    nd_array *d, *k;
    if (var_core(m, o, &d, &k, "nd_ma_var") < 0)
        return NULL;
    return result(d, k, NULL, "nd_ma_var");
}

/* std = numpy.ma.sqrt(var): masked also where the variance is not finite (sqrt's domain
 * and its ~isfinite), the variance's data left there; always a mask (a domained call). */
nd_marray *nd_ma_std_(const nd_marray *m, const nd_reduce_opts *o)
{
    static const char who[] = "nd_ma_std";
    nd_array *d, *k;
    if (var_core(m, o, &d, &k, who) < 0)
        return NULL;
    nd_marray *var = ma__wrap(d, k, NULL, false, who);
    nd_marray *r = var ? nd_ma_sqrt(var) : NULL;
    nd_ma_free(var);
    if (r && nd_ndim(r->data) == 0 && r->mask && nd_item_bool(r->mask) &&
        nd_mask_assign(r->data, r->mask, ND_F64(0.0)) < 0) { /* NumPy's `masked` */
        nd_ma_free(r);
        return NULL;
    }
    return r;
}

/* The plain reduction fn of the data filled with `fill` outside the valid elements;
 * *mask gets the empty slices. The options keep axes, keepdims (and dtype if keep_dtype). */
static nd_array *filled_reduce(const nd_marray *m, const nd_reduce_opts *o, reduce_fn fn,
                               nd_scalar fill, nd_array **mask, const char *who)
{
    nd_array *valid, *f = NULL, *data = NULL;
    *mask = NULL;
    if (ma__check(m, who) < 0 || valid_of(m, o, &valid) < 0)
        return NULL;
    nd_reduce_opts ro = axes_only(o);
    if ((f = filled_with(m, valid, fill)))
        data = fn(f, &ro);
    if (data && empty_slices(valid, o, mask) < 0) {
        nd_free(data);
        data = NULL;
    }
    nd_free(f);
    nd_free(valid);
    return data;
}

/* min / max: filled with what never wins; masked slices hold the default fill value. */
static nd_marray *extreme(const nd_marray *m, const nd_reduce_opts *o, bool is_min, const char *who)
{
    nd_array *mask;
    nd_array *data = filled_reduce(m, o, is_min ? nd_amin_ : nd_amax_,
                                   extreme_fill(m ? nd_dtype_of(m->data) : ND_FLOAT64, is_min),
                                   &mask, who);
    nd_scalar under = nd_ma_default_fill_value(data ? nd_dtype_of(data) : ND_FLOAT64);
    return result(data, mask, &under, who);
}

nd_marray *nd_ma_min_(const nd_marray *m, const nd_reduce_opts *o) { return extreme(m, o, true, "nd_ma_min"); }
nd_marray *nd_ma_max_(const nd_marray *m, const nd_reduce_opts *o) { return extreme(m, o, false, "nd_ma_max"); }

/* ptp = max - min (MaskedArray.ptp); masked slices keep max's fill value. */
nd_marray *nd_ma_ptp_(const nd_marray *m, const nd_reduce_opts *o)
{
    static const char who[] = "nd_ma_ptp";
    nd_marray *hi = extreme(m, o, false, who);
    nd_marray *lo = hi ? extreme(m, o, true, who) : NULL;
    nd_array *d = lo ? nd_subtract(hi->data, lo->data) : NULL;
    nd_array *mask = d && hi->mask ? nd_ref(hi->mask) : NULL;
    nd_scalar under = nd_ma_default_fill_value(d ? nd_dtype_of(d) : ND_FLOAT64);
    bool failed = !d || (hi->mask && !mask);
    nd_ma_free(hi);
    nd_ma_free(lo);
    if (failed) {
        nd_free(d);
        nd_free(mask);
        return NULL;
    }
    return result(d, mask, &under, who);
}

/* all = filled(True).all, any = filled(False).any; masked where a slice is all masked. */
nd_marray *nd_ma_all_(const nd_marray *m, const nd_reduce_opts *o)
{
    nd_array *mask;
    nd_array *d = filled_reduce(m, o, nd_all_, ND_BOOL_S(true), &mask, "nd_ma_all");
    return result(d, mask, NULL, "nd_ma_all");
}

nd_marray *nd_ma_any_(const nd_marray *m, const nd_reduce_opts *o)
{
    nd_array *mask;
    nd_array *d = filled_reduce(m, o, nd_any_, ND_BOOL_S(false), &mask, "nd_ma_any");
    return result(d, mask, NULL, "nd_ma_any");
}

/* argmin / argmax: the plain ones on the data filled with what never wins
 * (MaskedArray.argmin); an all-masked slice gives 0. */
static nd_array *arg_extreme(const nd_marray *m, const nd_reduce_opts *o, bool is_min, const char *who)
{
    nd_array *valid, *f, *out = NULL;
    if (ma__check(m, who) < 0 || valid_of(m, o, &valid) < 0)
        return NULL;
    nd_reduce_opts ro = axes_only(o);
    if ((f = filled_with(m, valid, extreme_fill(nd_dtype_of(m->data), is_min))))
        out = is_min ? nd_argmin_(f, &ro) : nd_argmax_(f, &ro);
    nd_free(f);
    nd_free(valid);
    return out;
}

nd_array *nd_ma_argmin_(const nd_marray *m, const nd_reduce_opts *o) { return arg_extreme(m, o, true, "nd_ma_argmin"); }
nd_array *nd_ma_argmax_(const nd_marray *m, const nd_reduce_opts *o) { return arg_extreme(m, o, false, "nd_ma_argmax"); }

/* cumsum / cumprod (MaskedArray.cumsum): the running value of filled(0 / 1) data, with
 * the input's mask (raveled when flattened); the fill value carried over. */
static nd_marray *cum_like(const nd_marray *m, const nd_reduce_opts *o, reduce_fn fn,
                           nd_scalar identity, const char *who)
{
    nd_array *valid, *f, *data = NULL, *mask = NULL;
    if (ma__check(m, who) < 0 || valid_of(m, o, &valid) < 0)
        return NULL;
    nd_reduce_opts ro = opts_of(o);
    ro.where = NULL;
    if ((f = filled_with(m, valid, identity)))
        data = fn(f, &ro);
    bool masked = valid != NULL;
    if (data && masked) { /* the mask of the valid elements' complement, data's shape */
        nd_array *inv = nd_logical_not(valid);
        mask = inv ? nd_reshape(inv, nd_ndim(data), nd_shape(data)) : NULL;
        nd_free(inv);
    }
    nd_free(f);
    nd_free(valid);
    if (!data || (masked && !mask)) {
        nd_free(data);
        nd_free(mask);
        return NULL;
    }
    nd_scalar fill = ma__result_fill(m, nd_dtype_of(data));
    return ma__wrap(data, mask, &fill, false, who);
}

nd_marray *nd_ma_cumsum_(const nd_marray *m, const nd_reduce_opts *o)
{
    return cum_like(m, o, nd_cumsum_, ND_BOOL_S(false), "nd_ma_cumsum");
}

nd_marray *nd_ma_cumprod_(const nd_marray *m, const nd_reduce_opts *o)
{
    return cum_like(m, o, nd_cumprod_, ND_BOOL_S(true), "nd_ma_cumprod");
}

/* ---- median ----------------------------------------------------------------------------- */
/* numpy.ma.median: the median of each slice's valid elements (float64; float32 stays
 * float32); NaN when a valid element is NaN; masked when the slice has none. */
nd_marray *nd_ma_median_(const nd_marray *m, const nd_reduce_opts *o)
{
    static const char who[] = "nd_ma_median";
    if (ma__check(m, who) < 0)
        return NULL;
    nd_dtype dt = nd_dtype_of(m->data);
    if (nd_dtype_is_complex(dt))
        return ND_FAIL(ND_EDTYPE, "%s: complex input is not supported", who);
    if (o && o->axes.n > 1)
        return ND_FAIL(ND_EVALUE, "%s: one axis or all axes, got %d axes", who, o->axes.n);
    nd_dtype rdt = dt == ND_FLOAT32 ? ND_FLOAT32 : ND_FLOAT64;
    int axis = !o ? ND_AXIS_NONE : o->axes.n == 1 ? o->axes.ax[0] : o->axis;
    bool keep = o && o->keepdims;
    int nd = nd_ndim(m->data);
    if (axis != ND_AXIS_NONE && (axis < -nd || axis >= nd))
        return ND_FAIL(ND_EAXIS, "%s: axis %d is out of bounds for array of dimension %d", who,
                       axis, nd);
    if (axis < 0 && axis != ND_AXIS_NONE)
        axis += nd;
    nd_array *valid;
    if (valid_of(m, o, &valid) < 0)
        return NULL;
    /* lanes: the reduced axis last, as a C-ordered float64 (n_lanes, len) copy */
    nd_array *x = NULL, *v = NULL, *out = NULL, *mask = NULL;
    ptrdiff_t len;
    if (axis == ND_AXIS_NONE) {
        len = nd_size(m->data);
        x = nd_astype(m->data, ND_FLOAT64, ND_CAST_UNSAFE);
        v = valid ? nd_ref(valid) : NULL;
    } else {
        int src = axis, dst = nd - 1;
        nd_array *xt = nd_moveaxis(m->data, 1, &src, &dst);
        nd_array *xc = xt ? nd_copy(xt, ND_ORDER_C) : NULL;
        x = xc ? nd_astype(xc, ND_FLOAT64, ND_CAST_UNSAFE) : NULL;
        nd_free(xc);
        nd_free(xt);
        if (x && valid) {
            nd_array *vt = nd_moveaxis(valid, 1, &src, &dst);
            v = vt ? nd_copy(vt, ND_ORDER_C) : NULL;
            nd_free(vt);
        }
        len = nd_shape(m->data)[axis];
    }
    /* result shape: the data's without the axis (keepdims: with length 1) */
    ptrdiff_t rshape[ND_MAXDIMS];
    int rnd = 0;
    for (int i = 0; i < nd; i++) {
        if (axis == ND_AXIS_NONE || i == axis) {
            if (keep)
                rshape[rnd++] = 1;
        } else {
            rshape[rnd++] = nd_shape(m->data)[i];
        }
    }
    if (x && (!valid || v)) {
        out = nd_empty(rnd, rshape, ND_FLOAT64);
        mask = out && valid ? nd_zeros(rnd, rshape, ND_BOOL) : NULL;
    }
    double *buf = out && (!valid || mask) ? nd_malloc(sizeof(double) * (size_t)(len ? len : 1), who) : NULL;
    bool ok = buf != NULL;
    ptrdiff_t lanes = ok ? nd_size(out) : 0;
    const double *xd = ok ? nd_data(x) : NULL;
    const bool *vd = ok && v ? nd_data(v) : NULL;
    for (ptrdiff_t l = 0; ok && l < lanes; l++) {
        ptrdiff_t k = 0;
        for (ptrdiff_t i = 0; i < len; i++)
            if (!vd || vd[l * len + i])
                buf[k++] = xd[l * len + i];
        double med = 0.0;
        if (k) {
            nd_array *lane = nd_wrap(buf, 1, &k, NULL, ND_FLOAT64, NULL, NULL);
            nd_array *r = lane ? nd_median(lane) : NULL;
            ok = r != NULL;
            if (ok)
                med = nd_item_f64(r);
            nd_free(r);
            nd_free(lane);
        } else if (mask) {
            ((bool *)nd_data(mask))[l] = true;
        } else {
            med = NAN; /* an empty axis: NumPy's mean of nothing */
        }
        ((double *)nd_data(out))[l] = med;
    }
    nd_free_mem(buf);
    nd_free(x);
    nd_free(v);
    nd_free(valid);
    if (!ok) {
        nd_free(out);
        nd_free(mask);
        return NULL;
    }
    bool any = true;
    if (axis == ND_AXIS_NONE && mask && ma__any(mask, &any) == ND_OK && !any)
        replace_null(&mask); /* NumPy's scalar: no mask (mask is C-ordered: no failure) */
    if (rdt != ND_FLOAT64) {
        nd_array *c = nd_astype(out, rdt, ND_CAST_UNSAFE);
        nd_free(out);
        if (!(out = c)) {
            nd_free(mask);
            return NULL;
        }
    }
    return result(out, mask, NULL, who);
}

/* ---- average ------------------------------------------------------------------------------ */
/* The weights at a's shape: as given, or 1-D along `axis` (NumPy's broadcast_to + swapaxes). */
static nd_array *weights_at(const nd_marray *m, int axis, const nd_array *w, const char *who)
{
    int nd = nd_ndim(m->data);
    if (ma__same_shape(w, m->data))
        return nd_ref(w);
    char s1[ND_SHAPE_STRLEN], s2[ND_SHAPE_STRLEN];
    nd__shape_str(s1, sizeof s1, nd, nd_shape(m->data));
    nd__shape_str(s2, sizeof s2, nd_ndim(w), nd_shape(w));
    if (axis == ND_AXIS_NONE)
        return ND_FAIL(ND_ESHAPE, "%s: axis must be specified when shapes of a %s and weights %s differ",
                       who, s1, s2);
    if (nd_ndim(w) != 1)
        return ND_FAIL(ND_ESHAPE, "%s: 1D weights expected when shapes of a %s and weights %s differ",
                       who, s1, s2);
    if (axis < -nd || axis >= nd)
        return ND_FAIL(ND_EAXIS, "%s: axis %d is out of bounds for array of dimension %d", who, axis, nd);
    if (axis < 0)
        axis += nd;
    if (nd_shape(w)[0] != nd_shape(m->data)[axis])
        return ND_FAIL(ND_ESHAPE, "%s: length of weights %s not compatible with axis %d of a %s", who,
                       s2, axis, s1);
    ptrdiff_t shape[ND_MAXDIMS];
    for (int i = 0; i < nd; i++)
        shape[i] = i == axis ? nd_shape(w)[0] : 1;
    nd_array *r = nd_reshape(w, nd, shape);
    nd_array *b = r ? nd_broadcast_to(r, nd, nd_shape(m->data)) : NULL;
    nd_free(r);
    return b;
}

/* Two masked operands of nd_ma_ufunc_. */
static nd_marray *ma_binary(nd_ufunc f, const nd_marray *a, const nd_marray *b, const nd_ufunc_opts *o)
{
    const nd_ma_operand in[2] = { nd_ma_op_ma(a), nd_ma_op_ma(b) };
    return nd_ma_ufunc_(f, 2, in, o);
}

/* numpy.ma.average: without weights the mean and the count; with them
 * sum(a * w) / sum(w) over the valid elements, in float64 for integer / bool data
 * (np.result_type(a, w, 'f8')), else in the common type of a and w. */
nd_marray *nd_ma_average(const nd_marray *m, int axis, const nd_array *weights,
                         nd_array **sum_of_weights)
{
    static const char who[] = "nd_ma_average";
    if (sum_of_weights)
        *sum_of_weights = NULL;
    if (ma__check(m, who) < 0)
        return NULL;
    nd_reduce_opts ro = ND_REDUCE_DEFAULTS;
    ro.axis = axis;
    nd_marray *avg = NULL;
    nd_array *scl = NULL;
    if (!weights) {
        avg = nd_ma_mean_(m, &ro);
        nd_array *cnt = avg && sum_of_weights ? nd_ma_count_(m, &ro) : NULL;
        scl = cnt ? nd_astype(cnt, nd_dtype_of(avg->data), ND_CAST_UNSAFE) : NULL;
        nd_free(cnt);
    } else {
        nd_array *w = weights_at(m, axis, weights, who), *wz = NULL;
        nd_marray *wm = NULL, *sw = NULL, *prod = NULL, *ps = NULL;
        nd_dtype dt = nd_dtype_of(m->data);
        nd_dtype rdt = w ? nd_result_type(dt, nd_dtype_of(w)) : ND_FLOAT64;
        if (dt == ND_BOOL || nd_dtype_is_integer(dt))
            rdt = nd_result_type(rdt, ND_FLOAT64);
        if (w && m->mask) { /* wgt * ~mask, masked where a is */
            nd_array *inv = nd_logical_not(m->mask);
            nd_array *wk = inv ? nd_copy(m->mask, ND_ORDER_C) : NULL;
            wz = wk ? nd_multiply(w, inv) : NULL;
            nd_free(inv);
            if (wz)
                wm = ma__wrap(wz, wk, NULL, false, who);
            else
                nd_free(wk);
        } else if (w) {
            wm = ma__wrap(nd_ref(w), NULL, NULL, false, who);
        }
        nd_reduce_opts so = ro;
        so.dtype = (int)rdt;
        nd_ufunc_opts uo = { 0 };
        uo.dtype = (int)rdt;
        if (wm && (sw = nd_ma_sum_(wm, &so)) && (prod = ma_binary(ND_UF_MULTIPLY, m, wm, &uo)) &&
            (ps = nd_ma_sum_(prod, &ro)))
            avg = ma_binary(ND_UF_DIVIDE, ps, sw, NULL);
        if (avg && sum_of_weights)
            scl = nd_ref(sw->data);
        nd_free(w);
        nd_ma_free(wm);
        nd_ma_free(sw);
        nd_ma_free(prod);
        nd_ma_free(ps);
    }
    if (avg && sum_of_weights) {
        nd_array *b = scl ? nd_broadcast_to(scl, nd_ndim(avg->data), nd_shape(avg->data)) : NULL;
        *sum_of_weights = b ? nd_copy(b, ND_ORDER_C) : NULL;
        nd_free(b);
        if (!*sum_of_weights) {
            nd_ma_free(avg);
            avg = NULL;
        }
    }
    nd_free(scl);
    return avg;
}

/* ---- cov and corrcoef --------------------------------------------------------------------- */
/* numpy.ma's _covhelper: x (and y) as float64 with ndmin=2, variables as rows, masks full;
 * y's and x's masks merged when their shapes agree; y's variables appended. */
typedef struct cov_in {
    nd_array *x;    /* (V, N) float64, C-ordered, centred on each row's valid mean */
    bool *valid;    /* (V, N) */
    ptrdiff_t v, n;
    bool all_valid;
} cov_in;

static nd_status rows_of(const nd_marray *a, nd_array **x, nd_array **mk, const char *who)
{
    if (nd_ndim(a->data) > 2)
        return nd_set_error(ND_EVALUE, "%s: an array of at most 2 dimensions expected, got %d", who,
                            nd_ndim(a->data));
    ptrdiff_t shape[2] = { 1, nd_ndim(a->data) ? nd_shape(a->data)[nd_ndim(a->data) - 1] : 1 };
    if (nd_ndim(a->data) == 2)
        shape[0] = nd_shape(a->data)[0];
    nd_array *f = nd_astype(a->data, ND_FLOAT64, ND_CAST_UNSAFE);
    nd_array *m = ma__maskarray(a, who);
    *x = f ? nd_reshape(f, 2, shape) : NULL;
    *mk = m ? nd_reshape(m, 2, shape) : NULL;
    nd_free(f);
    nd_free(m);
    if (!*x || !*mk) {
        replace_null(x);
        replace_null(mk);
        return nd_last_error();
    }
    return ND_OK;
}

static void cov_free(cov_in *c)
{
    nd_free(c->x);
    nd_free_mem(c->valid);
}

static nd_status cov_prepare(const nd_marray *xm, const nd_marray *ym, bool rowvar, cov_in *c,
                             const char *who)
{
    memset(c, 0, sizeof *c);
    if (ma__check(xm, who) < 0)
        return nd_last_error();
    nd_array *x = NULL, *xk = NULL, *y = NULL, *yk = NULL, *xc = NULL, *kc = NULL;
    nd_status st = rows_of(xm, &x, &xk, who);
    if (st == ND_OK && ym && (st = rows_of(ym, &y, &yk, who)) == ND_OK) {
        if (nd_shape(x)[0] == 1)
            rowvar = true;
        bool xany = false, yany = false; /* both C-ordered masks: the scan cannot fail */
        if (ma__any(xk, &xany) == ND_OK && ma__any(yk, &yany) == ND_OK && (xany || yany) &&
            ma__same_shape(x, y)) {
            nd_array *u = nd_logical_or(xk, yk);
            nd_free(xk);
            nd_free(yk);
            xk = u;
            yk = u ? nd_ref(u) : NULL;
            if (!yk)
                st = nd_last_error();
        }
        int ax = rowvar ? 0 : 1;
        const nd_array *xs[2] = { x, y }, *ks[2] = { xk, yk };
        if (st == ND_OK && (!(xc = nd_concatenate(2, xs, ax)) || !(kc = nd_concatenate(2, ks, ax))))
            st = nd_last_error();
    } else if (st == ND_OK) {
        if (nd_shape(x)[0] == 1)
            rowvar = true;
        xc = nd_ref(x);
        kc = nd_ref(xk);
    }
    nd_free(x);
    nd_free(xk);
    nd_free(y);
    nd_free(yk);
    if (st == ND_OK && !rowvar) {
        nd_array *t = nd_transpose(xc), *u = t ? nd_transpose(kc) : NULL;
        ma__replace(&xc, t);
        ma__replace(&kc, u);
    }
    nd_array *xd = st == ND_OK && xc ? nd_copy(xc, ND_ORDER_C) : NULL;
    nd_array *kd = xd && kc ? nd_copy(kc, ND_ORDER_C) : NULL;
    nd_free(xc);
    nd_free(kc);
    if (!kd) {
        nd_free(xd);
        return st < 0 ? st : nd_last_error();
    }
    c->v = nd_shape(xd)[0];
    c->n = nd_shape(xd)[1];
    size_t cells = (size_t)(c->v * c->n);
    c->valid = nd_malloc(sizeof(bool) * (cells ? cells : 1), who);
    if (!c->valid) {
        nd_free(xd);
        nd_free(kd);
        return nd_last_error();
    }
    const bool *k = nd_data(kd);
    c->all_valid = true;
    for (ptrdiff_t i = 0; i < c->v * c->n; i++) {
        c->valid[i] = !k[i];
        c->all_valid &= c->valid[i];
    }
    nd_free(kd);
    /* x -= x.mean(axis=1): each row centred on its valid elements' mean (sum / count) */
    nd_array *vb = nd_wrap(c->valid, 2, nd_shape(xd), NULL, ND_BOOL, NULL, NULL);
    nd_reduce_opts ro = ND_REDUCE_DEFAULTS;
    ro.axis = 1;
    ro.where = vb;
    nd_array *sums = vb ? nd_sum_(xd, &ro) : NULL;
    nd_free(vb);
    if (!sums) {
        nd_free(xd);
        cov_free(c);
        return nd_last_error();
    }
    double *xv = nd_data(xd);
    const double *sv = nd_data(sums);
    for (ptrdiff_t i = 0; i < c->v; i++) {
        ptrdiff_t cnt = 0;
        for (ptrdiff_t j = 0; j < c->n; j++)
            cnt += c->valid[i * c->n + j];
        double mean = cnt ? sv[i] * 1.0 / (double)cnt : 0.0; /* a masked mean subtracts nothing */
        for (ptrdiff_t j = 0; j < c->n; j++)
            xv[i * c->n + j] = c->valid[i * c->n + j] ? xv[i * c->n + j] - mean : 0.0;
    }
    nd_free(sums);
    c->x = xd;
    return ND_OK;
}

/* x xᵀ of the centred rows (masked entries 0; BLAS, as np.dot) and the number of
 * observations valid in both rows of each pair, minus ddof (float64). */
static nd_status cov_products(const cov_in *c, double ddof, nd_marray **prod, nd_array **fact,
                              const char *who)
{
    nd_array *xt = nd_transpose(c->x);
    nd_array *p = xt ? nd_matmul(c->x, xt) : NULL;
    nd_free(xt);
    ptrdiff_t shape[2] = { c->v, c->v };
    nd_array *f = p ? nd_empty(2, shape, ND_FLOAT64) : NULL;
    nd_array *none = f ? nd_empty(2, shape, ND_BOOL) : NULL;
    if (!none) {
        nd_free(p);
        nd_free(f);
        return nd_last_error();
    }
    double *fd = nd_data(f);
    bool *nd = nd_data(none);
    for (ptrdiff_t i = 0; i < c->v; i++)
        for (ptrdiff_t j = 0; j < c->v; j++) {
            ptrdiff_t k = 0;
            for (ptrdiff_t t = 0; t < c->n; t++)
                k += c->valid[i * c->n + t] & c->valid[j * c->n + t];
            fd[i * c->v + j] = (double)k * 1.0 - ddof;
            nd[i * c->v + j] = k == 0; /* ma.dot(strict=False) masks pairs with no data */
        }
    if (!(*prod = ma__wrap(p, none, NULL, false, who))) {
        nd_free(f);
        return nd_last_error();
    }
    *fact = f;
    return ND_OK;
}

/* squeeze() of a masked array (data and mask). */
static nd_marray *ma_squeeze(nd_marray *m, const char *who)
{
    if (!m)
        return NULL;
    nd_array *d = nd_squeeze(m->data, 0, NULL);
    nd_array *k = d && m->mask ? nd_squeeze(m->mask, 0, NULL) : NULL;
    nd_marray *r = d && (!m->mask || k) ? ma__wrap(d, k, &m->fill, false, who) : NULL;
    if (!r && d && m->mask && !k)
        nd_free(d);
    nd_ma_free(m);
    return r;
}

/* prod / fact as numpy.ma's divide (masked where fact is 0 or the pair has no data). */
static nd_marray *ma_over(const nd_marray *prod, const nd_array *fact)
{
    const nd_ma_operand in[2] = { nd_ma_op_ma(prod), nd_ma_op_plain(nd_op_array(fact)) };
    return nd_ma_ufunc_(ND_UF_DIVIDE, 2, in, NULL);
}

nd_marray *nd_ma_cov(const nd_marray *x, const nd_marray *y, bool rowvar, bool bias, int ddof)
{
    static const char who[] = "nd_ma_cov";
    cov_in c;
    if (cov_prepare(x, y, rowvar, &c, who) < 0)
        return NULL;
    nd_marray *prod = NULL, *r = NULL;
    nd_array *fact = NULL;
    if (cov_products(&c, ddof >= 0 ? ddof : bias ? 0.0 : 1.0, &prod, &fact, who) == ND_OK)
        r = ma_over(prod, fact);
    nd_ma_free(prod);
    nd_free(fact);
    cov_free(&c);
    return ma_squeeze(r, who);
}

/* Variances (ddof 0) of rows i and j over the observations valid in both (numpy.ma's
 * mask_cols(vstack((x[i], x[j]))).var(axis=1)); false when there is none. */
static bool pair_var(const cov_in *c, ptrdiff_t i, ptrdiff_t j, double *vi, double *vj)
{
    const double *x = nd_data(c->x);
    const bool *ok = c->valid;
    double si = 0.0, sj = 0.0, qi = 0.0, qj = 0.0;
    ptrdiff_t k = 0;
    for (ptrdiff_t t = 0; t < c->n; t++)
        if (ok[i * c->n + t] && ok[j * c->n + t]) {
            si += x[i * c->n + t];
            sj += x[j * c->n + t];
            k++;
        }
    if (!k)
        return false;
    double mi = si / (double)k, mj = sj / (double)k;
    for (ptrdiff_t t = 0; t < c->n; t++)
        if (ok[i * c->n + t] && ok[j * c->n + t]) {
            double di = x[i * c->n + t] - mi, dj = x[j * c->n + t] - mj;
            qi += di * di;
            qj += dj * dj;
        }
    *vi = qi / (double)k;
    *vj = qj / (double)k;
    return true;
}

nd_marray *nd_ma_corrcoef(const nd_marray *x, const nd_marray *y, bool rowvar)
{
    static const char who[] = "nd_ma_corrcoef";
    cov_in c;
    if (cov_prepare(x, y, rowvar, &c, who) < 0)
        return NULL;
    nd_marray *prod = NULL, *cm = NULL, *den = NULL, *r = NULL;
    nd_array *fact = NULL, *dd = NULL, *dk = NULL;
    ptrdiff_t shape[2] = { c.v, c.v };
    if (cov_products(&c, 0.0, &prod, &fact, who) == ND_OK && (cm = ma_over(prod, fact)) &&
        (dd = nd_empty(2, shape, ND_FLOAT64)) && (dk = nd_zeros(2, shape, ND_BOOL))) {
        /* the denominator: sqrt(c_ii c_jj) with no missing data, else c_ii on the diagonal
         * and sqrt(var_i var_j) over the pair's common observations off it */
        const double *cd = nd_data(cm->data);
        const bool *ck = cm->mask ? nd_data(cm->mask) : NULL;
        double *d = nd_data(dd);
        bool *k = nd_data(dk);
        for (ptrdiff_t i = 0; i < c.v; i++)
            for (ptrdiff_t j = 0; j < c.v; j++) {
                ptrdiff_t ii = i * c.v + i, jj = j * c.v + j, ij = i * c.v + j;
                double vi, vj;
                if (c.all_valid) {
                    double p = cd[ii] * cd[jj];
                    k[ij] = (ck && (ck[ii] || ck[jj])) || !(p >= 0.0) || !isfinite(p);
                    d[ij] = k[ij] ? cd[ii] : sqrt(p);
                } else if (i == j) {
                    d[ij] = cd[ii];
                    k[ij] = ck && ck[ii];
                } else if (pair_var(&c, i, j, &vi, &vj)) {
                    d[ij] = sqrt(vi * vj);
                } else {
                    d[ij] = 0.0;
                    k[ij] = true;
                }
            }
        if ((den = ma__wrap(dd, dk, NULL, false, who)))
            r = ma_binary(ND_UF_DIVIDE, cm, den, NULL);
        dd = dk = NULL;
    }
    nd_free(dd);
    nd_free(dk);
    nd_ma_free(prod);
    nd_ma_free(cm);
    nd_ma_free(den);
    nd_free(fact);
    cov_free(&c);
    return ma_squeeze(r, who);
}
