/* scatter: markers at (x, y), sized and colour-mapped per point; C arrays and nd_array
 * forms. Drawn by nplot__draw_scatter (draw_artists.c). */
#include "plot_model.h"
#include "dates.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

/* ---- scatter ------------------------------------------------------------------------------------- */
/* The artist keeps x and y: copies of x / y, or, when own_x / own_y are given, the
 * caller's buffers themselves (nd_malloc'd; taken, and the caller's pointer set to NULL,
 * once the artist exists; on an earlier error they stay the caller's to free). Handing
 * them over saves a copy of every point: the nd_array form converts to new f64 buffers
 * anyway. */
static nd_status scatter_core(nplot_axes *ax, const double *x, const double *y, size_t n,
                              const double *sizes, const double *cvals,
                              const nplot_scatter_opts *o, double **own_x, double **own_y,
                              const char *who)
{
    CHECK_AX(ax, who);
    nplot_figure *fig = ax->fig;
    const nplot__style *st = fig->style;
    if (n > 0 && (!x || !y)) return nplot__fail(fig, ND_EVALUE, "%s: x and y are required", who);
    if (o->s < 0 || !isfinite(o->s) || o->alpha < 0 || o->alpha > 1 || o->linewidths < 0)
        return nplot__fail(fig, ND_EVALUE, "%s: s and linewidths must be >= 0 and alpha in [0, 1]",
                           who);
    int fstyle = nplot__fillstyle_parse(o->fillstyle);
    if (fstyle < 0)
        return nplot__fail(fig, ND_EVALUE, "%s: fillstyle must be 'full', 'left', 'right', "
                                           "'bottom', 'top' or 'none', got '%s'", who, o->fillstyle);
    int marker = nplot__marker_resolve(o->marker, o->marker_verts.v, o->marker_verts.n, fstyle,
                                       (rgba){ 0, 0, 0, 0 }, true, MK_CIRCLE, who);
    if (marker < 0) return nplot__fail(fig, nd_last_error(), "%s", nd_errmsg());
    if (o->color && cvals)
        return nplot__fail(fig, ND_EVALUE, "%s: give either color or c values, not both", who);
    rgba face;
    if (o->color) {
        if (nplot__color(o->color, st, &face, who)) return nplot__fail(fig, ND_EVALUE, "%s", nd_errmsg());
    } else if (!cvals) {
        face = nplot__next_patch_color(ax);
    } else {
        face = (rgba){ 0, 0, 0, 1 };
    }
    mappable map = { 0 };
    if (cvals) {
        /* matplotlib's _combine_masks: a point missing in x or y (NaN, masked) does not
         * count towards the color range either, so the autoscale sees only the c values
         * of points with finite x and y */
        const double *cs = cvals;
        double *kept = NULL;
        size_t nk = 0;
        for (size_t i = 0; i < n; i++) nk += isfinite(x[i]) && isfinite(y[i]);
        if (nk < n) {
            if (!(kept = nd_malloc(sizeof(double) * (nk ? nk : 1), who)))
                return nplot__fail(fig, ND_ENOMEM, "%s: out of memory", who);
            nk = 0;
            for (size_t i = 0; i < n; i++)
                if (isfinite(x[i]) && isfinite(y[i])) kept[nk++] = cvals[i];
            cs = kept;
        }
        nd_status bad = nplot__mappable_init(fig, &map, o->cmap, o->norm, o->vmin, o->vmax, cs, nk, who);
        nd_free_mem(kept);
        if (bad) return bad;
    }
    rgba edge = face;
    bool edge_is_face = true;
    if (o->edgecolors && strcmp(o->edgecolors, "face")) {
        edge_is_face = false;
        if (nplot__color(o->edgecolors, st, &edge, who))
            return nplot__fail(fig, ND_EVALUE, "%s", nd_errmsg());
    }
    artist *a = nplot__artist_add(ax, ART_SCATTER, who);
    if (!a) return fig->status;
    a->n = n;
    a->zorder = o->zorder ? o->zorder : 1;
    a->alpha = NPLOT_OPT(o->alpha, 1);
    a->lp.marker = marker;
    a->size = NPLOT_OPT(o->s, st->markersize * st->markersize);
    a->face = face;
    a->edge = edge;
    a->edge_is_face = edge_is_face;
    a->edge_lw = NPLOT_OPT(o->linewidths, st->linewidth);
    a->legend_kind = LEGEND_SCATTER;
    if (own_x) {
        a->x = *own_x;
        *own_x = NULL;
    } else if (!(a->x = nplot__copy_or_index(fig, x, n, who))) {
        return fig->status;
    }
    if (own_y) {
        a->y = *own_y;
        *own_y = NULL;
    } else if (!(a->y = nplot__copy_or_index(fig, y, n, who))) {
        return fig->status;
    }
    if (sizes) {
        if (!(a->sizes = nplot__copy_or_index(fig, sizes, n, who))) return fig->status;
        for (size_t i = 0; i < n; i++)
            if (a->sizes[i] < 0) return nplot__fail(fig, ND_EVALUE, "%s: size %zu is negative (%g)", who, i, a->sizes[i]);
    }
    if (cvals) {
        a->colors = nd_malloc(sizeof(rgba) * (n ? n : 1), who);
        if (!a->colors) return nplot__fail(fig, ND_ENOMEM, "%s: out of memory", who);
        for (size_t i = 0; i < n; i++) a->colors[i] = nplot__map_color(&map, cvals[i]);
        /* the c values, for set_clim (clim.c) */
        if (!(a->z = nplot__copy_or_index(fig, cvals, n, who))) return fig->status;
        a->face = nplot__cmap_at(&map.cm, 0.5);
        a->map = map;
    }
    if (o->label && !(a->label = nplot__strdup(fig, o->label, who))) return fig->status;
    nplot__update_datalim(ax, a);
    return ND_OK;
}

nd_status nplot__scatter(nplot_axes *ax, const double *x, const double *y, size_t n,
                         const double *sizes, const double *cvals, const nplot_scatter_opts *o,
                         const char *who)
{
    return scatter_core(ax, x, y, n, sizes, cvals, o, NULL, NULL, who);
}

nd_status nplot_scatter_xy_(nplot_axes *ax, const double *x, const double *y, size_t n,
                                 const nplot_scatter_opts *o)
{
    o = NPLOT__OPTS(o, nplot_scatter_opts);
    if (ax && (o->sizes || o->c))
        return nplot__fail(ax->fig, ND_EVALUE, "nplot_scatter_xy: use sizes_f64/c_f64 with C arrays");
    nd_status st;
    if (ax && ((st = NPLOT__CHECK_LEN(ax->fig, "nplot_scatter", "sizes", o->sizes_f64, n,
                                      "x and y have")) ||
               (st = NPLOT__CHECK_LEN(ax->fig, "nplot_scatter", "c", o->c_f64, n, "x and y have"))))
        return st;
    return nplot__scatter(ax, x, y, n, o->sizes_f64.v, o->c_f64.v, o, "nplot_scatter");
}


/* ---- nd_array form ---------------------------------------------------------------------------------- */
static nd_status scatter_arrays(nplot_axes *ax, const nd_array *x, const nd_array *y,
                                const nplot_scatter_opts *o, const char *who)
{
    CHECK_AX(ax, who);
    o = NPLOT__OPTS(o, nplot_scatter_opts);
    if (!x || !y) return nplot__fail(ax->fig, ND_EVALUE, "%s: x and y are required", who);
    double *xs, *ys, *ss = NULL, *cs = NULL;
    size_t n, ns = 0, nc = 0;
    nd_status st = nplot__axis_xy_f64(ax, false, true, x, y, &xs, &ys, &n, "x", "y", who);
    if (!st) st = nplot__to_f64(ax->fig, o->sizes, &ss, &ns, "sizes", who);
    if (!st) st = nplot__to_f64(ax->fig, o->c, &cs, &nc, "c", who);
    if (!st && ss) st = nplot__lengths_match(ax->fig, n, ns, "x", "sizes", who);
    if (!st && cs) st = nplot__lengths_match(ax->fig, n, nc, "x", "c", who);
    if (!st && !ss) st = NPLOT__CHECK_LEN(ax->fig, who, "sizes", o->sizes_f64, n, "x and y have");
    if (!st && !cs) st = NPLOT__CHECK_LEN(ax->fig, who, "c", o->c_f64, n, "x and y have");
    if (!st)
        st = scatter_core(ax, xs, ys, n, ss ? ss : o->sizes_f64.v, cs ? cs : o->c_f64.v, o,
                          &xs, &ys, who);
    nd_free_mem(xs);
    nd_free_mem(ys);
    nd_free_mem(ss);
    nd_free_mem(cs);
    return st;
}

nd_status nplot_scatter_(nplot_axes *ax, const nd_array *x, const nd_array *y,
                              const nplot_scatter_opts *o)
{
    return scatter_arrays(ax, x, y, o, "nplot_scatter");
}

/* masked form: a point masked in x or y is NaN, which nplot__draw_scatter and the data
 * limits skip */
nd_status nplot_scatter_ma_(nplot_axes *ax, const nd_marray *x, const nd_marray *y,
                            const nplot_scatter_opts *o)
{
    static const char *who = "nplot_scatter_ma";
    CHECK_AX(ax, who);
    nd_array *xa, *ya = NULL;
    nd_status st = nplot__ma_nan(ax->fig, x, &xa, "x", who);
    if (!st) st = nplot__ma_nan(ax->fig, y, &ya, "y", who);
    if (!st) st = scatter_arrays(ax, xa, ya, o, who);
    nd_free(xa);
    nd_free(ya);
    return st;
}
