/* What the nd_array forms of every plot kind share (each kind_*.c has its own forms):
 * arrays of any dtype become float64 copies with nd_to_f64, and lengths are checked. */
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
    if (!nd_dtype_is_numeric((int)dt))
        return nplot__fail(fig, ND_EDTYPE, "%s: %s has dtype %s; plotting takes numeric arrays", who, what,
                           nd_dtype_name(dt));
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

nd_status nplot__lengths_match(nplot_figure *fig, size_t nx, size_t ny, const char *xn,
                               const char *yn, const char *who)
{
    if (nx != ny)
        return nplot__fail(fig, ND_ESHAPE, "%s: %s and %s must have the same length, got %zu and %zu",
                           who, xn, yn, nx, ny);
    return ND_OK;
}

nd_status nplot__xy_f64(nplot_figure *fig, const nd_array *x, const nd_array *y, double **xs,
                        double **ys, size_t *n, const char *xn, const char *yn, const char *who)
{
    size_t nx = 0, ny = 0;
    *ys = NULL;
    nd_status st = to_f64(fig, x, xs, &nx, xn, who);
    if (!st) st = to_f64(fig, y, ys, &ny, yn, who);
    if (!st && x) st = nplot__lengths_match(fig, nx, ny, xn, yn, who);
    if (st) {
        nd_free_mem(*xs);
        nd_free_mem(*ys);
        *xs = *ys = NULL;
    }
    *n = ny;
    return st;
}

nd_status nplot__ma_nan(nplot_figure *fig, const nd_marray *m, nd_array **out, const char *what,
                        const char *who)
{
    *out = NULL;
    if (!m) return ND_OK;
    nd_dtype dt = nd_ma_dtype(m);
    if (dt == ND_COMPLEX64 || dt == ND_COMPLEX128)
        return nplot__fail(fig, ND_EDTYPE, "%s: %s is complex; plot its real or imaginary part", who, what);
    if (!(*out = nd_ma_filled_nan(m)))
        return nplot__fail(fig, nd_last_error(), "%s: cannot convert %s: %s", who, what, nd_errmsg());
    return ND_OK;
}
