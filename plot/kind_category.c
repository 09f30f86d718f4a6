/* plot and scatter with string categories on either axis (matplotlib's StrCategoryConverter):
 * each label not seen before on that axis takes the next integer position 0, 1, 2, ... in
 * first-seen order (shared with bar / barh over categories), and the axis is ticked at the
 * categories with their labels (layout.c). */
#include "plot_model.h"

#include <stdlib.h>

/* The positions of n labels on the x (or y) axis of ax, nd_malloc'd into *out. */
static nd_status positions(nplot_axes *ax, bool x, const char *const *cats, size_t n, double **out,
                           const char *who)
{
    *out = NULL;
    if (n > 0 && !cats)
        return nplot__fail(ax->fig, ND_EVALUE, "%s: the %s category labels are NULL", who,
                           x ? "x" : "y");
    double *p = nd_malloc(sizeof(double) * (n + 1), who);
    if (!p) return nplot__fail(ax->fig, ND_ENOMEM, "%s: out of memory", who);
    for (size_t i = 0; i < n; i++) {
        double v = nplot__category(ax, x, cats[i], who);
        if (v < 0) {
            nd_free_mem(p);
            return ax->fig->status;
        }
        p[i] = v;
    }
    *out = p;
    return ND_OK;
}

/* Either axis categorical (xc / yc) or numeric (xv / yv); plot (so NULL) or scatter. */
static nd_status cat_xy(nplot_axes *ax, bool xcat, const char *const *xc, const double *xv,
                        bool ycat, const char *const *yc, const double *yv, size_t n,
                        const nplot_line_opts *lo, const nplot_scatter_opts *so, const char *who)
{
    CHECK_AX(ax, who);
    if (n > 0 && ((!xcat && !xv) || (!ycat && !yv)))
        return nplot__fail(ax->fig, ND_EVALUE, "%s: the numeric %s values are NULL", who,
                           !xcat && !xv ? "x" : "y");
    double *px = NULL, *py = NULL;
    nd_status st = ND_OK;
    if (xcat) st = positions(ax, true, xc, n, &px, who);
    if (!st && ycat) st = positions(ax, false, yc, n, &py, who);
    if (!st) {
        const double *x = xcat ? px : xv, *y = ycat ? py : yv;
        if (so) {
            if (so->sizes || so->c)
                st = nplot__fail(ax->fig, ND_EVALUE, "%s: use sizes_f64 / c_f64 with C arrays", who);
            else if (!(st = NPLOT__CHECK_LEN(ax->fig, who, "sizes", so->sizes_f64, n, "x and y have")) &&
                     !(st = NPLOT__CHECK_LEN(ax->fig, who, "c", so->c_f64, n, "x and y have")))
                st = nplot__scatter(ax, x, y, n, so->sizes_f64.v, so->c_f64.v, so, who);
        } else {
            st = nplot_plot_xy_(ax, x, y, n, lo);
        }
    }
    nd_free_mem(px);
    nd_free_mem(py);
    return st;
}

nd_status nplot_plot_cat_(nplot_axes *ax, const char *const *x, const double *y, size_t n,
                          const nplot_line_opts *o)
{
    return cat_xy(ax, true, x, NULL, false, NULL, y, n, o, NULL, "nplot_plot_cat");
}

nd_status nplot_plot_caty_(nplot_axes *ax, const double *x, const char *const *y, size_t n,
                           const nplot_line_opts *o)
{
    return cat_xy(ax, false, NULL, x, true, y, NULL, n, o, NULL, "nplot_plot_caty");
}

nd_status nplot_plot_cats_(nplot_axes *ax, const char *const *x, const char *const *y, size_t n,
                           const nplot_line_opts *o)
{
    return cat_xy(ax, true, x, NULL, true, y, NULL, n, o, NULL, "nplot_plot_cats");
}

nd_status nplot_scatter_cat_(nplot_axes *ax, const char *const *x, const double *y, size_t n,
                             const nplot_scatter_opts *o)
{
    o = NPLOT__OPTS(o, nplot_scatter_opts);
    return cat_xy(ax, true, x, NULL, false, NULL, y, n, NULL, o, "nplot_scatter_cat");
}

nd_status nplot_scatter_caty_(nplot_axes *ax, const double *x, const char *const *y, size_t n,
                              const nplot_scatter_opts *o)
{
    o = NPLOT__OPTS(o, nplot_scatter_opts);
    return cat_xy(ax, false, NULL, x, true, y, NULL, n, NULL, o, "nplot_scatter_caty");
}
