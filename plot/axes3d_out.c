/* A 3-D axes' z ticks as drawn (Axes3D.get_zticks, get_zticklabels, get_zminorticklabels):
 * the figure is laid out first, and the ticks are those draw_axes3d.c draws. */
#include "plot_model.h"

#include <math.h>

/* za.ticks / za.ticklabels hold the z ticks of the last layout (computed here on demand) */
static nd_status z_ticks(nplot_axes *ax, const char *who)
{
    if (!ax) return nd_set_error(ND_EVALUE, "%s: axes is NULL", who);
    nd_status st = nplot__check(ax->fig);
    if (st) return st;
    if (!ax->is3d) return nplot__fail(ax->fig, ND_EVALUE, "%s: the axes is not 3-D (use nplot_subplot_3d)", who);
    if (!ax->fig->laid_out && (st = nplot_figure_draw(ax->fig))) return st;
    axis_state *a = &ax->za;
    double locs[64];
    char *labels[64] = { 0 };
    int n = nplot__axis3d_ticklabels(ax, 2, ax->fig->dpi / 72, locs, labels, 64);
    if ((st = nplot__check(ax->fig))) return st;
    double *t = nd_malloc(sizeof(double) * (size_t)(n ? n : 1), who);
    char **l = nd_calloc((size_t)(n ? n : 1), sizeof(char *), who);
    if (!t || !l) {
        nd_free_mem(t), nd_free_mem(l);
        for (int i = 0; i < n; i++) nd_free_mem(labels[i]);
        return nplot__fail(ax->fig, ND_ENOMEM, "%s: out of memory", who);
    }
    for (int i = 0; i < a->nticks; i++) nd_free_mem(a->ticklabels[i]);
    nd_free_mem(a->ticklabels), nd_free_mem(a->ticks);
    for (int i = 0; i < n; i++) t[i] = locs[i], l[i] = labels[i];
    a->ticks = t, a->ticklabels = l, a->nticks = n;
    return ND_OK;
}

int nplot_get_zticks(nplot_axes *ax, double *out, int cap)
{
    static const char *who = "nplot_get_zticks";
    nd_status st = z_ticks(ax, who);
    if (st) return st;
    if (cap > 0 && !out) return nplot__fail(ax->fig, ND_EVALUE, "%s: out is NULL", who);
    for (int i = 0; i < ax->za.nticks && i < cap; i++) out[i] = ax->za.ticks[i];
    return ax->za.nticks;
}

const char *nplot_get_zticklabel(nplot_axes *ax, int i)
{
    static const char *who = "nplot_get_zticklabel";
    if (z_ticks(ax, who)) return NULL;
    if (i < 0 || i >= ax->za.nticks) {
        nd_set_error(ND_EINDEX, "%s: index %d out of range (%d ticks)", who, i, ax->za.nticks);
        return NULL;
    }
    return ax->za.ticklabels[i] ? ax->za.ticklabels[i] : "";
}

int nplot_get_zminorticks(nplot_axes *ax, double *out, int cap)
{
    static const char *who = "nplot_get_zminorticks";
    nd_status st = z_ticks(ax, who);
    if (st) return st;
    if (cap > 0 && !out) return nplot__fail(ax->fig, ND_EVALUE, "%s: out is NULL", who);
    /* Axis3D's minor locator is a NullLocator: only set_zticks(..., minor=True) gives some */
    const axis_state *a = &ax->za;
    if (!a->minor_fixed_set) return 0;
    double lo = fmin(a->lo, a->hi), hi = fmax(a->lo, a->hi), tol = (hi - lo) * 1e-9;
    int m = 0;
    for (int i = 0; i < a->nfixed_minor; i++) {
        double v = a->fixed_minor[i];
        if (v < lo - tol || v > hi + tol) continue;
        if (m < cap) out[m] = v;
        m++;
    }
    return m;
}
