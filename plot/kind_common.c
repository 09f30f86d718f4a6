/* nd_array front ends: every plotting call accepts arrays of any dtype, converted to
 * float64 copies with nd_to_f64. */
#include "plot_model.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

/* A float64 copy of all elements (C order). NULL array gives NULL with *n untouched. */
static nd_status to_f64(nplot_figure *fig, const nd_array *a, double **out, size_t *n,
                        const char *what, const char *who)
{
    *out = NULL;
    if (!a) return ND_OK;
    nd_dtype dt = nd_dtype_of(a);
    if (dt == ND_COMPLEX64 || dt == ND_COMPLEX128)
        return nplot__fail(fig, ND_EDTYPE, "%s: %s is complex; plot its real or imaginary part", who, what);
    ptrdiff_t sz = nd_size(a);
    double *buf = nd_malloc(sizeof(double) * (size_t)(sz ? sz : 1), who);
    if (!buf) return nplot__fail(fig, ND_ENOMEM, "%s: out of memory", who);
    if (sz > 0 && nd_to_f64(a, buf) != ND_OK) {
        nd_free_mem(buf);
        return nplot__fail(fig, nd_last_error(), "%s: cannot convert %s: %s", who, what, nd_errmsg());
    }
    *out = buf;
    *n = (size_t)sz;
    return ND_OK;
}

nd_status nplot__to_f64(nplot_figure *fig, const nd_array *a, double **out, size_t *n,
                        const char *what, const char *who)
{
    return to_f64(fig, a, out, n, what, who);
}

static nd_status lengths_match(nplot_figure *fig, size_t nx, size_t ny, const char *xn,
                               const char *yn, const char *who)
{
    if (nx != ny)
        return nplot__fail(fig, ND_ESHAPE, "%s: %s and %s must have the same length, got %zu and %zu",
                           who, xn, yn, nx, ny);
    return ND_OK;
}

typedef nd_status (*line_fn)(nplot_axes *, const double *, const double *, size_t,
                             const nplot_line_opts *);

static nd_status plot_arrays(nplot_axes *ax, const nd_array *x, const nd_array *y,
                             const nplot_line_opts *o, line_fn fn, const char *who)
{
    CHECK_AX(ax, who);
    if (!y) return nplot__fail(ax->fig, ND_EVALUE, "%s: y is NULL", who);
    nplot_line_opts d = { 0 };
    if (!o) o = &d;
    int nd = nd_ndim(y);
    if (nd > 2) return nplot__fail(ax->fig, ND_ESHAPE, "%s: y must be 1-D or 2-D, got %d dimensions", who, nd);
    double *xs = NULL, *ys = NULL;
    size_t nx = 0, ny = 0;
    nd_status st = to_f64(ax->fig, x, &xs, &nx, "x", who);
    if (!st) st = to_f64(ax->fig, y, &ys, &ny, "y", who);
    if (st) goto done;
    if (x && nd_ndim(x) > 1) {
        st = nplot__fail(ax->fig, ND_ESHAPE, "%s: x must be 1-D, got %d dimensions", who, nd_ndim(x));
        goto done;
    }
    if (nd <= 1) {
        if (x && (st = lengths_match(ax->fig, nx, ny, "x", "y", who))) goto done;
        st = fn(ax, xs, ys, ny, o);
    } else {
        /* matplotlib: a 2-D y plots one line per column */
        size_t rows = (size_t)nd_shape(y)[0], cols = (size_t)nd_shape(y)[1];
        if (x && (st = lengths_match(ax->fig, nx, rows, "x", "y's first dimension", who))) goto done;
        double *col = nd_malloc(sizeof(double) * (rows ? rows : 1), who);
        if (!col) {
            st = nplot__fail(ax->fig, ND_ENOMEM, "%s: out of memory", who);
            goto done;
        }
        for (size_t c = 0; c < cols && !st; c++) {
            for (size_t r = 0; r < rows; r++) col[r] = ys[r * cols + c];
            nplot_line_opts oc = *o;
            if (c > 0) oc.label = NULL; /* one legend entry for the group (the first) */
            st = fn(ax, xs, col, rows, &oc);
        }
        nd_free_mem(col);
    }
done:
    nd_free_mem(xs);
    nd_free_mem(ys);
    return st;
}

nd_status nplot_plot_(nplot_axes *ax, const nd_array *x, const nd_array *y,
                           const nplot_line_opts *o)
{
    return plot_arrays(ax, x, y, o, nplot_plot_xy_, "nplot_plot");
}

nd_status nplot_step_(nplot_axes *ax, const nd_array *x, const nd_array *y,
                           const nplot_line_opts *o)
{
    return plot_arrays(ax, x, y, o, nplot_step_xy_, "nplot_step");
}

nd_status nplot_scatter_(nplot_axes *ax, const nd_array *x, const nd_array *y,
                              const nplot_scatter_opts *o)
{
    static const char *who = "nplot_scatter";
    CHECK_AX(ax, who);
    nplot_scatter_opts d = { 0 };
    if (!o) o = &d;
    if (!x || !y) return nplot__fail(ax->fig, ND_EVALUE, "%s: x and y are required", who);
    double *xs = NULL, *ys = NULL, *ss = NULL, *cs = NULL;
    size_t nx = 0, ny = 0, ns = 0, nc = 0;
    nd_status st = to_f64(ax->fig, x, &xs, &nx, "x", who);
    if (!st) st = to_f64(ax->fig, y, &ys, &ny, "y", who);
    if (!st) st = to_f64(ax->fig, o->sizes, &ss, &ns, "sizes", who);
    if (!st) st = to_f64(ax->fig, o->c, &cs, &nc, "c", who);
    if (!st) st = lengths_match(ax->fig, nx, ny, "x", "y", who);
    if (!st && ss) st = lengths_match(ax->fig, nx, ns, "x", "sizes", who);
    if (!st && cs) st = lengths_match(ax->fig, nx, nc, "x", "c", who);
    if (!st && !ss) st = NPLOT__CHECK_LEN(ax->fig, who, "sizes", o->sizes_f64, nx, "x and y have");
    if (!st && !cs) st = NPLOT__CHECK_LEN(ax->fig, who, "c", o->c_f64, nx, "x and y have");
    if (!st)
        st = nplot__scatter(ax, xs, ys, nx, ss ? ss : o->sizes_f64.v, cs ? cs : o->c_f64.v, o, who);
    nd_free_mem(xs);
    nd_free_mem(ys);
    nd_free_mem(ss);
    nd_free_mem(cs);
    return st;
}

nd_status nplot_fill_(nplot_axes *ax, const nd_array *x, const nd_array *y,
                           const nplot_fill_opts *o)
{
    static const char *who = "nplot_fill";
    CHECK_AX(ax, who);
    if (!x || !y) return nplot__fail(ax->fig, ND_EVALUE, "%s: x and y are required", who);
    double *xs = NULL, *ys = NULL;
    size_t nx = 0, ny = 0;
    nd_status st = to_f64(ax->fig, x, &xs, &nx, "x", who);
    if (!st) st = to_f64(ax->fig, y, &ys, &ny, "y", who);
    if (!st) st = lengths_match(ax->fig, nx, ny, "x", "y", who);
    if (!st) st = nplot_fill_xy_(ax, xs, ys, nx, o);
    nd_free_mem(xs);
    nd_free_mem(ys);
    return st;
}

nd_status nplot_fill_between_(nplot_axes *ax, const nd_array *x, const nd_array *y1,
                                   const nd_array *y2, const nplot_fill_opts *o)
{
    static const char *who = "nplot_fill_between";
    CHECK_AX(ax, who);
    nplot_fill_opts d = { 0 };
    if (!o) o = &d;
    if (!x || !y1) return nplot__fail(ax->fig, ND_EVALUE, "%s: x and y1 are required", who);
    double *xs = NULL, *a = NULL, *b = NULL, *w = NULL;
    bool *wb = NULL;
    size_t nx = 0, na = 0, nb = 0, nw = 0;
    nd_status st = to_f64(ax->fig, x, &xs, &nx, "x", who);
    if (!st) st = to_f64(ax->fig, y1, &a, &na, "y1", who);
    if (!st) st = to_f64(ax->fig, y2, &b, &nb, "y2", who);
    if (!st) st = to_f64(ax->fig, o->where, &w, &nw, "where", who);
    if (!st) st = lengths_match(ax->fig, nx, na, "x", "y1", who);
    if (!st && b) st = lengths_match(ax->fig, nx, nb, "x", "y2", who);
    if (!st && w) st = lengths_match(ax->fig, nx, nw, "x", "where", who);
    if (!st && w) {
        wb = nd_malloc(nw ? nw : 1, who);
        if (!wb) st = nplot__fail(ax->fig, ND_ENOMEM, "%s: out of memory", who);
        else for (size_t i = 0; i < nw; i++) wb[i] = w[i] != 0;
    }
    if (!st) st = nplot__fill_between(ax, xs, a, b, nx, wb ? wb : o->where_b, o, who);
    nd_free_mem(xs);
    nd_free_mem(a);
    nd_free_mem(b);
    nd_free_mem(w);
    nd_free_mem(wb);
    return st;
}

/* Error arrays: (n,) symmetric or (2, n) lower/upper. */
static nd_status err_arrays(nplot_figure *fig, const nd_array *e, size_t n, double **lo,
                            double **hi, double **owned, const char *what, const char *who)
{
    *lo = *hi = *owned = NULL;
    if (!e) return ND_OK;
    size_t m = 0;
    nd_status st = to_f64(fig, e, owned, &m, what, who);
    if (st) return st;
    if (nd_ndim(e) <= 1 && (m == n || m == 1)) {
        if (m == 1 && n > 1) {
            double v = (*owned)[0];
            nd_free_mem(*owned);
            *owned = nd_malloc(sizeof(double) * n, who);
            if (!*owned) return nplot__fail(fig, ND_ENOMEM, "%s: out of memory", who);
            for (size_t i = 0; i < n; i++) (*owned)[i] = v;
        }
        *lo = *hi = *owned;
    } else if (nd_ndim(e) == 2 && nd_shape(e)[0] == 2 && (size_t)nd_shape(e)[1] == n) {
        *lo = *owned;
        *hi = *owned + n;
    } else {
        return nplot__fail(fig, ND_ESHAPE, "%s: %s must have shape (%zu,) or (2, %zu)", who, what, n, n);
    }
    for (size_t i = 0; i < (*lo == *hi ? n : 2 * n); i++)
        if ((*owned)[i] < 0)
            return nplot__fail(fig, ND_EVALUE, "%s: %s has a negative value (%g)", who, what, (*owned)[i]);
    return ND_OK;
}

nd_status nplot_errorbar_(nplot_axes *ax, const nd_array *x, const nd_array *y,
                               const nplot_errorbar_opts *o)
{
    static const char *who = "nplot_errorbar";
    CHECK_AX(ax, who);
    nplot_errorbar_opts d = { 0 };
    if (!o) o = &d;
    if (!y) return nplot__fail(ax->fig, ND_EVALUE, "%s: y is required", who);
    double *xs = NULL, *ys = NULL, *yo = NULL, *xo = NULL, *ylo, *yhi, *xlo, *xhi, *cst = NULL;
    size_t nx = 0, ny = 0;
    nd_status st = to_f64(ax->fig, x, &xs, &nx, "x", who);
    if (!st) st = to_f64(ax->fig, y, &ys, &ny, "y", who);
    if (!st && x) st = lengths_match(ax->fig, nx, ny, "x", "y", who);
    if (!st) st = err_arrays(ax->fig, o->yerr, ny, &ylo, &yhi, &yo, "yerr", who);
    if (!st) st = err_arrays(ax->fig, o->xerr, ny, &xlo, &xhi, &xo, "xerr", who);
    if (!st && !o->yerr)
        st = NPLOT__CHECK_LEN(ax->fig, who, "yerr", o->yerr_f64, ny, "x and y have");
    if (!st && !o->xerr)
        st = NPLOT__CHECK_LEN(ax->fig, who, "xerr", o->xerr_f64, ny, "x and y have");
    bool y_c = !o->yerr && (o->yerr_value || o->yerr_f64.v);
    bool x_c = !o->xerr && (o->xerr_value || o->xerr_f64.v);
    if (!st && (y_c || x_c)) {
        cst = nd_malloc(sizeof(double) * (2 * ny + 1), who);
        if (!cst) st = nplot__fail(ax->fig, ND_ENOMEM, "%s: out of memory", who);
        for (size_t i = 0; !st && i < ny; i++) {
            cst[i] = o->yerr_f64.v ? o->yerr_f64.v[i] : o->yerr_value;
            cst[ny + i] = o->xerr_f64.v ? o->xerr_f64.v[i] : o->xerr_value;
        }
        if (!st && y_c) ylo = yhi = cst;
        if (!st && x_c) xlo = xhi = cst + ny;
    }
    if (!st) st = nplot__errorbar(ax, xs, ys, ny, xlo, xhi, ylo, yhi, o, who);
    nd_free_mem(xs);
    nd_free_mem(ys);
    nd_free_mem(yo);
    nd_free_mem(xo);
    nd_free_mem(cst);
    return st;
}

nd_status nplot_stem_(nplot_axes *ax, const nd_array *x, const nd_array *y,
                           const nplot_stem_opts *o)
{
    static const char *who = "nplot_stem";
    CHECK_AX(ax, who);
    if (!y) return nplot__fail(ax->fig, ND_EVALUE, "%s: y is required", who);
    double *xs = NULL, *ys = NULL;
    size_t nx = 0, ny = 0;
    nd_status st = to_f64(ax->fig, x, &xs, &nx, "x", who);
    if (!st) st = to_f64(ax->fig, y, &ys, &ny, "y", who);
    if (!st && x) st = lengths_match(ax->fig, nx, ny, "x", "y", who);
    if (!st) st = nplot_stem_xy_(ax, xs, ys, ny, o);
    nd_free_mem(xs);
    nd_free_mem(ys);
    return st;
}
