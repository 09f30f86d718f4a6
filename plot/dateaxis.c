/* Date axes on nplot axes and the flexible dtypes as plot input: datetime64 arrays become
 * matplotlib date numbers and mark their axis a date axis (matplotlib's units registry with
 * DateConverter), timedelta64 arrays plot as counts, 'U' / 'S' arrays are categories
 * (StrCategoryConverter); the layout hook ticks a date axis with AutoDateLocator and the
 * chosen formatter (dates.c). */
#include "dates.h"

#include <math.h>
#include <string.h>

#include <numc/datetime.h>
#include <numc/strings.h>

static axis_state *axis_named(nplot_axes *ax, const char *axis, const char *who)
{
    if (!ax) {
        nd_set_error(ND_EVALUE, "%s: axes is NULL", who);
        return NULL;
    }
    if (axis && !strcmp(axis, "x")) return &ax->xa;
    if (axis && !strcmp(axis, "y")) return &ax->ya;
    if (axis && !strcmp(axis, "z") && ax->is3d) return &ax->za; /* Axes3D.zaxis_date */
    nplot__fail(ax->fig, ND_EVALUE, "%s: axis must be \"x\"%s or \"y\", got %s%s%s", who,
                ax->is3d ? ", \"z\"" : "", axis ? "\"" : "", axis ? axis : "NULL", axis ? "\"" : "");
    return NULL;
}

static nd_status make_date(nplot_axes *ax, axis_state *a, bool x, const char *who)
{
    if (a->ncats > 0)
        return nplot__fail(ax->fig, ND_EDTYPE, "%s: the %s axis holds string categories; dates cannot "
                           "go on it (matplotlib's ConversionError)", who, x ? "x" : "y");
    a->date = true;
    return ND_OK;
}

nd_status nplot_axis_date(nplot_axes *ax, const char *axis)
{
    static const char *who = "nplot_axis_date";
    axis_state *a = axis_named(ax, axis, who);
    if (!a) return nd_last_error();
    return make_date(ax, a, a == &ax->xa, who);
}

nd_status nplot_set_date_formatter(nplot_axes *ax, const char *axis, const char *formatter)
{
    static const char *who = "nplot_set_date_formatter";
    axis_state *a = axis_named(ax, axis, who);
    if (!a) return nd_last_error();
    int kind;
    nd_status st = nplot__date_formatter_kind(formatter, &kind, who);
    if (st) return nplot__fail(ax->fig, st, "%s", nd_errmsg());
    if ((st = make_date(ax, a, a == &ax->xa, who))) return st;
    a->date_fmt = kind;
    a->date_strftime[0] = '\0';
    if (kind == NPLOT__DATEFMT_STRFTIME) snprintf(a->date_strftime, sizeof a->date_strftime, "%s", formatter);
    nplot__mark_dirty(ax->fig);
    return ND_OK;
}

static nd_status lim_dates(nplot_axes *ax, bool x, const char *lo, const char *hi, const char *who)
{
    CHECK_AX(ax, who);
    double l = NAN, h = NAN;
    nd_status st;
    if (lo && (st = nplot_datestr2num(lo, &l))) return nplot__fail(ax->fig, st, "%s: %s", who, nd_errmsg());
    if (hi && (st = nplot_datestr2num(hi, &h))) return nplot__fail(ax->fig, st, "%s: %s", who, nd_errmsg());
    if ((st = make_date(ax, x ? &ax->xa : &ax->ya, x, who))) return st;
    return x ? nplot_set_xlim(ax, l, h) : nplot_set_ylim(ax, l, h);
}

nd_status nplot_set_xlim_dates(nplot_axes *ax, const char *lo, const char *hi)
{
    return lim_dates(ax, true, lo, hi, "nplot_set_xlim_dates");
}

nd_status nplot_set_ylim_dates(nplot_axes *ax, const char *lo, const char *hi)
{
    return lim_dates(ax, false, lo, hi, "nplot_set_ylim_dates");
}

nd_status nplot_date2num(const nd_array *dates, double *out)
{
    static const char *who = "nplot_date2num";
    if (!dates) return nplot__fail(NULL, ND_EVALUE, "%s: dates is NULL", who);
    nd_dtype dt = nd_dtype_of(dates);
    if (!nd_dtype_is_datetime(dt))
        return nplot__fail(NULL, ND_EDTYPE, "%s: dates has dtype %s, not datetime64", who, nd_dtype_name(dt));
    ptrdiff_t n = nd_size(dates);
    if (n > 0 && !out) return nplot__fail(NULL, ND_EVALUE, "%s: out is NULL", who);
    nd_array *c = nd_ascontiguousarray(dates);
    if (!c) return nplot__fail(NULL, nd_last_error(), "%s: %s", who, nd_errmsg());
    const int64_t *v = nd_data(c);
    for (ptrdiff_t i = 0; i < n; i++) out[i] = nplot__date2num_value(v[i], dt);
    nd_free(c);
    return ND_OK;
}

/* The multi-index of flat element i (C order) of shape[0..nd). */
static void unravel(ptrdiff_t i, int nd, const ptrdiff_t *shape, ptrdiff_t *idx)
{
    for (int k = nd - 1; k >= 0; k--) {
        ptrdiff_t s = shape[k] > 0 ? shape[k] : 1;
        idx[k] = i % s;
        i /= s;
    }
}

nd_status nplot__axis_f64(nplot_axes *ax, bool x, const nd_array *a, bool cats, double **out,
                          size_t *n, const char *what, const char *who)
{
    *out = NULL;
    if (!a) return ND_OK;
    nd_dtype dt = nd_dtype_of(a);
    axis_state *as = x ? &ax->xa : &ax->ya;
    const char *an = x ? "x" : "y";
    bool is_dt = nd_dtype_is_datetime(dt), is_td = nd_dtype_is_timedelta(dt), is_str = nd_dtype_is_string(dt);
    if (!is_dt && !is_td && !is_str) return nplot__to_f64(ax->fig, a, out, n, what, who);
    if (is_str && !cats)
        return nplot__fail(ax->fig, ND_EDTYPE, "%s: %s has dtype %s; string categories are taken by "
                           "plot, step, scatter, bar and barh", who, what, nd_dtype_name(dt));
    if (is_str && as->date)
        return nplot__fail(ax->fig, ND_EDTYPE, "%s: %s holds strings but the %s axis is a date axis "
                           "(matplotlib's ConversionError)", who, what, an);
    if (is_dt && as->ncats > 0)
        return nplot__fail(ax->fig, ND_EDTYPE, "%s: %s holds dates but the %s axis holds string "
                           "categories", who, what, an);
    ptrdiff_t sz = nd_size(a);
    double *buf = nd_malloc(sizeof(double) * (size_t)(sz > 0 ? sz : 1), who);
    if (!buf) return nplot__fail(ax->fig, ND_ENOMEM, "%s: out of memory", who);
    nd_status st = ND_OK;
    if (is_str) {
        int nd = nd_ndim(a);
        const ptrdiff_t *shape = nd_shape(a);
        ptrdiff_t idx[ND_MAXDIMS];
        for (ptrdiff_t i = 0; i < sz && !st; i++) {
            unravel(i, nd, shape, idx);
            char *s = nd_str_get_alloc(a, nd, idx, NULL);
            if (!s) {
                st = nplot__fail(ax->fig, nd_last_error(), "%s: %s[%td]: %s", who, what, i, nd_errmsg());
                break;
            }
            double v = nplot__category(ax, x, s, who);
            nd_free_mem(s);
            if (v < 0) st = ax->fig->status ? ax->fig->status : ND_EVALUE;
            else buf[i] = v;
        }
    } else {
        nd_array *c = nd_ascontiguousarray(a);
        if (!c) {
            st = nplot__fail(ax->fig, nd_last_error(), "%s: cannot read %s: %s", who, what, nd_errmsg());
        } else {
            const int64_t *v = nd_data(c);
            for (ptrdiff_t i = 0; i < sz; i++)
                buf[i] = is_dt ? nplot__date2num_value(v[i], dt) : v[i] == ND_NAT ? NAN : (double)v[i];
            nd_free(c);
            if (is_dt) as->date = true;
        }
    }
    if (st) {
        nd_free_mem(buf);
        return st;
    }
    *out = buf;
    *n = (size_t)sz;
    return ND_OK;
}

nd_status nplot__axis_xy_f64(nplot_axes *ax, bool horiz, bool cats, const nd_array *x,
                             const nd_array *y, double **xs, double **ys, size_t *n,
                             const char *xn, const char *yn, const char *who)
{
    size_t nx = 0, ny = 0;
    *ys = NULL;
    nd_status st = nplot__axis_f64(ax, !horiz, x, cats, xs, &nx, xn, who);
    if (!st) st = nplot__axis_f64(ax, horiz, y, cats, ys, &ny, yn, who);
    if (!st && x) st = nplot__lengths_match(ax->fig, nx, ny, xn, yn, who);
    if (st) {
        nd_free_mem(*xs);
        nd_free_mem(*ys);
        *xs = *ys = NULL;
    }
    *n = ny;
    return st;
}

/* ---- string arrays as tick labels --------------------------------------------------------------- */
static nd_status ticklabels_arr(nplot_axes *ax, bool x, const nd_array *labels,
                                const nplot_ticks_opts *o, const char *who)
{
    CHECK_AX(ax, who);
    if (!labels) return nplot__fail(ax->fig, ND_EVALUE, "%s: labels is NULL", who);
    nd_dtype dt = nd_dtype_of(labels);
    if (!nd_dtype_is_string(dt))
        return nplot__fail(ax->fig, ND_EDTYPE, "%s: labels has dtype %s; a 'U' or 'S' array is needed",
                           who, nd_dtype_name(dt));
    if (nd_ndim(labels) != 1)
        return nplot__fail(ax->fig, ND_ESHAPE, "%s: labels must be 1-D, got %d dimensions", who,
                           nd_ndim(labels));
    ptrdiff_t n = nd_shape(labels)[0];
    if (n > INT32_MAX) return nplot__fail(ax->fig, ND_EVALUE, "%s: too many labels", who);
    char **s = nd_calloc((size_t)(n > 0 ? n : 1), sizeof(char *), who);
    if (!s) return nplot__fail(ax->fig, ND_ENOMEM, "%s: out of memory", who);
    nd_status st = ND_OK;
    for (ptrdiff_t i = 0; i < n && !st; i++)
        if (!(s[i] = nd_str_get_alloc(labels, 1, &i, NULL)))
            st = nplot__fail(ax->fig, nd_last_error(), "%s: labels[%td]: %s", who, i, nd_errmsg());
    if (!st)
        st = x ? nplot_set_xticklabels_(ax, (const char *const *)s, (int)n, o)
               : nplot_set_yticklabels_(ax, (const char *const *)s, (int)n, o);
    for (ptrdiff_t i = 0; i < n; i++) nd_free_mem(s[i]);
    nd_free_mem(s);
    return st;
}

nd_status nplot_set_xticklabels_arr_(nplot_axes *ax, const nd_array *labels, const nplot_ticks_opts *o)
{
    return ticklabels_arr(ax, true, labels, o, "nplot_set_xticklabels_arr");
}

nd_status nplot_set_yticklabels_arr_(nplot_axes *ax, const nd_array *labels, const nplot_ticks_opts *o)
{
    return ticklabels_arr(ax, false, labels, o, "nplot_set_yticklabels_arr");
}

/* ---- the layout hook ---------------------------------------------------------------------------- */
bool nplot__date_axis_ticks(nplot_axes *ax, axis_state *a)
{
    if (!a->date || a->loc.kind != LOC_AUTO || a->nfixed_labels > 0 || a->scale != SCALE_LINEAR)
        return false;
    double lo = fmin(a->lo, a->hi), hi = fmax(a->lo, a->hi);
    static _Thread_local double t[NPLOT__DATE_CAP];
    static _Thread_local char l[NPLOT__DATE_CAP][NPLOT_DATE_LABEL];
    char off[NPLOT_DATE_LABEL];
    int n = 0;
    off[0] = '\0';
    if (isfinite(lo) && isfinite(hi) && fabs(lo) <= NPLOT_DATE_MAX_DAYS && fabs(hi) <= NPLOT_DATE_MAX_DAYS)
        n = nplot__date_ticks_fmt(lo, hi, a->date_fmt, a->date_strftime, a->fixed_set ? a->fixed : NULL,
                                  a->nfixed, t, l, NPLOT__DATE_CAP, off, sizeof off);
    else
        nd_warn("nplot: the date axis view %g .. %g (days from 1970-01-01) is beyond years -1000000 .. "
                "1000000: no ticks", lo, hi);
    if (n > NPLOT__DATE_CAP) n = NPLOT__DATE_CAP;
    a->ticks = nd_malloc(sizeof(double) * (size_t)(n ? n : 1), "nplot layout");
    a->ticklabels = nd_calloc((size_t)(n ? n : 1), sizeof(char *), "nplot layout");
    a->offset_text = nd_strdup(off, "nplot layout");
    a->minor_ticks = nd_malloc(sizeof(double), "nplot layout");
    if (!a->ticks || !a->ticklabels || !a->offset_text || !a->minor_ticks) {
        nplot__fail(ax->fig, ND_ENOMEM, "nplot: out of memory computing date ticks");
        return true;
    }
    for (int i = 0; i < n; i++) {
        a->ticks[i] = t[i];
        if (!(a->ticklabels[i] = nd_strdup(l[i], "nplot layout"))) {
            nplot__fail(ax->fig, ND_ENOMEM, "nplot: out of memory computing date ticks");
            a->nticks = i;
            return true;
        }
    }
    a->nticks = n;
    a->nminor = 0;
    return true;
}
