/* mean, var, std and their nan-variants. The mean is a pairwise sum divided by the
 * count; the variance is NumPy's two-pass formula (mean first, then the sum of squared
 * deviations), fused into one pass without a temporary for the common case of a
 * contiguous float array reduced over all axes. */
#include "reduce_internal.h"

static bool check_in(const nd_array *a, const char *who)
{
    if (a) return true;
    nd_set_error(ND_EVALUE, "%s: input is NULL", who);
    return false;
}

/* Accumulator for mean/var: ints and bool → float64, otherwise the input's dtype. */
static nd_dtype stat_dtype(const nd_array *a, int forced)
{
    if (forced) return (nd_dtype)forced;
    return nd__kind_cat(a->dtype) <= 1 ? ND_FLOAT64 : a->dtype;
}

static nd_dtype real_of(nd_dtype t)
{
    return t == ND_COMPLEX64 ? ND_FLOAT32 : t == ND_COMPLEX128 ? ND_FLOAT64 : t;
}

/* Number of elements entering each output: *scalar when it is the same everywhere
 * (no mask, no NaN skipping), else an int64 array shaped like the result. */
static nd_status count_of(const nd_array *a, const nd_reduce_opts *o, bool nan,
                          double *scalar, nd_array **arr, const char *who)
{
    bool mask[ND_MAXDIMS];
    *arr = NULL;
    if (nd__reduce_axes(a, o->axis, &o->axes, mask, who) < 0) return nd_last_error();
    bool skip_nan = nan && (nd_dtype_is_float(a->dtype) || nd_dtype_is_complex(a->dtype));
    if (!o->where && !skip_nan) {
        double c = 1;
        for (int d = 0; d < a->ndim; d++)
            if (mask[d]) c *= (double)a->shape[d];
        *scalar = c;
        return ND_OK;
    }
    nd_array *valid = NULL;
    if (skip_nan) {
        nd_array *isn = nd_isnan(a);
        if (!isn) return nd_last_error();
        valid = nd_logical_not(isn);
        nd_free(isn);
    } else {
        valid = nd_ones(a->ndim, a->shape, ND_BOOL);
    }
    if (!valid) return nd_last_error();
    nd_reduce_opts co = *o;
    co.dtype = ND_INT64;
    co.initial = NULL;
    *arr = nd__reduce(ND_UF_ADD, NULL, valid, &co, ND_INT64, ND_CAST_SAME_KIND, who);
    nd_free(valid);
    return *arr ? ND_OK : nd_last_error();
}

/* out /= (count - ddof), clamped at 0 like NumPy (0 → inf/nan with the FP flags). */
static nd_status divide_by_count(nd_array *out, double cnt, const nd_array *cnt_arr,
                                 double ddof, const char *who)
{
    if (!cnt_arr) {
        double dn = cnt - ddof;
        return nd_divide_into(out, out, dn > 0 ? dn : 0.0, .casting = ND_CAST_UNSAFE);
    }
    nd_array *dn = nd_subtract(cnt_arr, ddof);
    if (!dn) return nd_last_error();
    nd_status rc = nd_maximum_into(dn, dn, 0.0);
    if (rc == ND_OK) rc = nd_divide_into(out, out, dn, .casting = ND_CAST_UNSAFE);
    nd_free(dn);
    (void)who;
    return rc;
}

static nd_array *mean_impl(const nd_array *a, const nd_reduce_opts *o, bool nan,
                           const char *who)
{
    if (!check_in(a, who)) return NULL;
    nd_reduce_opts opts = o ? *o : ND_REDUCE_DEFAULTS;
    nd_dtype t = stat_dtype(a, opts.dtype);
    opts.dtype = 0;
    nd_array *s = nd__reduce(ND_UF_ADD, nan ? nd__loops_nanadd : NULL, a, &opts, t,
                             ND_CAST_SAME_KIND, who);
    if (!s) return NULL;
    double cnt = 0;
    nd_array *carr = NULL;
    if (count_of(a, &opts, nan, &cnt, &carr, who) < 0 ||
        divide_by_count(s, cnt, carr, 0.0, who) < 0) {
        nd_free(carr);
        nd_free(s);
        return NULL;
    }
    nd_free(carr);
    return s;
}

nd_array *nd_mean_(const nd_array *a, const nd_reduce_opts *o)
{
    if (a && (nd_dtype_is_datetime(a->dtype) || nd_dtype_is_timedelta(a->dtype))) /* core/datetime */
        return nd__dt_reduce_sum_mean(a, o, true);
    return mean_impl(a, o, false, "nd_mean");
}

nd_array *nd_nanmean_(const nd_array *a, const nd_reduce_opts *o)
{
    return mean_impl(a, o, true, "nd_nanmean");
}

/* Fused variance of a contiguous float array over all axes: two pairwise passes. */
static nd_array *var_fused(const nd_array *a, const nd_reduce_opts *o, const char *who)
{
    const ptrdiff_t n = a->size;
    double v;
    nd__fpe_clear();
    if (a->dtype == ND_FLOAT64) {
        double m = nd__pairwise_sum_f64(a->data, n, 8) / (double)n;
        v = nd__pairwise_sqdev_f64(a->data, n, 8, m);
    } else {
        float m = nd__pairwise_sum_f32(a->data, n, 4) / (float)n;
        v = (double)nd__pairwise_sqdev_f32(a->data, n, 4, m);
    }
    double dn = (double)n - o->ddof;
    v = v / (dn > 0 ? dn : 0.0);
    if (nd__fpe_check(who) < 0) return NULL;
    ptrdiff_t shape[ND_MAXDIMS];
    for (int d = 0; d < a->ndim; d++) shape[d] = 1;
    nd_array *out = nd__alloc(o->keepdims ? a->ndim : 0, shape, a->dtype, false, who);
    if (!out) return NULL;
    if (a->dtype == ND_FLOAT64) *(double *)out->data = v;
    else *(float *)out->data = (float)v;
    return out;
}

static nd_array *var_impl(const nd_array *a, const nd_reduce_opts *o, bool nan, bool sd,
                          const char *who)
{
    if (!check_in(a, who)) return NULL;
    nd_reduce_opts opts = o ? *o : ND_REDUCE_DEFAULTS;
    nd_dtype t = stat_dtype(a, opts.dtype);
    if (nd__need_numeric(a->dtype, who) < 0 || nd__need_numeric(t, who) < 0) return NULL;
    bool mask[ND_MAXDIMS];
    if (nd__reduce_axes(a, opts.axis, &opts.axes, mask, who) < 0) return NULL;
    bool all = true;
    for (int d = 0; d < a->ndim; d++) all = all && mask[d];
    nd_array *res = NULL, *mean = NULL, *x = NULL, *sq = NULL, *carr = NULL, *valid = NULL;
    if (all && !opts.where && !opts.initial && a->dtype == t && a->size > 0 &&
        (t == ND_FLOAT64 || t == ND_FLOAT32) && nd_is_c_contiguous(a) && !nan) {
        res = var_fused(a, &opts, who);
        goto finish;
    }
    {
        nd_reduce_opts mo = opts;
        mo.keepdims = true;
        mo.dtype = (int)t;
        mean = mean_impl(a, &mo, nan, who);
        if (!mean) goto fail;
        x = nd_subtract(a, mean, .dtype = (int)t, .casting = ND_CAST_UNSAFE);
        if (!x) goto fail;
        if (nd_dtype_is_complex(t)) {
            nd_array *re = nd_real(x), *im = nd_imag(x);
            nd_array *r2 = re ? nd_multiply(re, re) : NULL;
            nd_array *i2 = im ? nd_multiply(im, im) : NULL;
            sq = r2 && i2 ? nd_add(r2, i2) : NULL;
            nd_free(re);
            nd_free(im);
            nd_free(r2);
            nd_free(i2);
            if (!sq) goto fail;
        } else {
            if (nd_multiply_into(x, x, x) < 0) goto fail;
            sq = x;
            x = NULL;
        }
        nd_reduce_opts so = opts;
        so.dtype = 0;
        so.initial = NULL;
        if (nan && (nd_dtype_is_float(a->dtype) || nd_dtype_is_complex(a->dtype))) {
            /* skip the elements that were NaN, not the NaNs the deviations produce
             * (inf - inf): NumPy's nanvar masks the original NaNs only */
            nd_array *isn = nd_isnan(a);
            valid = isn ? nd_logical_not(isn) : NULL;
            nd_free(isn);
            if (valid && opts.where && nd_logical_and_into(valid, valid, opts.where) < 0) {
                nd_free(valid);
                valid = NULL;
            }
            if (!valid) goto fail;
            so.where = valid;
        }
        res = nd__reduce(ND_UF_ADD, NULL, sq, &so, real_of(t), ND_CAST_SAME_KIND, who);
        if (!res) goto fail;
        double cnt = 0;
        if (count_of(a, &opts, nan, &cnt, &carr, who) < 0 ||
            divide_by_count(res, cnt, carr, opts.ddof, who) < 0)
            goto fail;
    }
finish:
    if (res && sd && nd_sqrt_into(res, res) < 0) goto fail;
    nd_free(valid);
    nd_free(mean);
    nd_free(x);
    nd_free(sq);
    nd_free(carr);
    return res;
fail:
    nd_free(res);
    nd_free(valid);
    nd_free(mean);
    nd_free(x);
    nd_free(sq);
    nd_free(carr);
    return NULL;
}

nd_array *nd_var_(const nd_array *a, const nd_reduce_opts *o)
{
    return var_impl(a, o, false, false, "nd_var");
}

nd_array *nd_std_(const nd_array *a, const nd_reduce_opts *o)
{
    return var_impl(a, o, false, true, "nd_std");
}

nd_array *nd_nanvar_(const nd_array *a, const nd_reduce_opts *o)
{
    return var_impl(a, o, true, false, "nd_nanvar");
}

nd_array *nd_nanstd_(const nd_array *a, const nd_reduce_opts *o)
{
    return var_impl(a, o, true, true, "nd_nanstd");
}
