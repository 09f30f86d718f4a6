/* Axes.add_collection for collections the caller builds: LineCollection (polylines) and
 * PolyCollection (polygons), many items with a color and a width each, or values coloured
 * through a colormap and norm (set_array), one artist for all of them. */
#include "plot_model.h"

#include <math.h>
#include <string.h>

static nd_status check(nplot_axes *ax, const double *x, const double *y, const size_t *lens, size_t n,
                       const nplot_collection_opts *o, bool poly, size_t *nv, const char *who)
{
    nplot_figure *fig = ax->fig;
    if (n && (!x || !y || !lens)) return nplot__fail(fig, ND_EVALUE, "%s: x, y and lens are needed", who);
    *nv = 0;
    for (size_t i = 0; i < n; i++) {
        if (lens[i] < (poly ? 3u : 2u))
            return nplot__fail(fig, ND_EVALUE, "%s: item %zu has %zu vertices (a %s needs %d)", who, i,
                               lens[i], poly ? "polygon" : "line", poly ? 3 : 2);
        *nv += lens[i];
    }
    for (size_t i = 0; i < *nv; i++)
        if (!isfinite(x[i]) || !isfinite(y[i]))
            return nplot__fail(fig, ND_EVALUE, "%s: vertex %zu is not finite", who, i);
    nd_status bad;
    if ((bad = NPLOT__CHECK_LEN(fig, who, "array", o->array, n, "the collection has")) ) return bad;
    if ((o->colors.n && !o->colors.v) || (o->linewidths.n && !o->linewidths.v))
        return nplot__fail(fig, ND_EVALUE, "%s: an option has a count but no values", who);
    for (size_t i = 0; i < o->linewidths.n; i++)
        if (!(o->linewidths.v[i] >= 0) || !isfinite(o->linewidths.v[i]))
            return nplot__fail(fig, ND_EVALUE, "%s: linewidths must be finite and >= 0", who);
    if (o->alpha < 0 || o->alpha > 1) return nplot__fail(fig, ND_EVALUE, "%s: alpha must be in [0, 1]", who);
    return ND_OK;
}

nplot_artist *nplot_add_collection_(nplot_axes *ax, const double *x, const double *y, const size_t *lens,
                                    size_t n, const nplot_collection_opts *o)
{
    static const char *who = "nplot_add_collection";
    if (!ax) return ND_FAIL(ND_EVALUE, "%s: axes is NULL", who);
    nplot_figure *fig = ax->fig;
    if (nplot__check(fig)) return NULL;
    o = NPLOT__OPTS(o, nplot_collection_opts);
    bool poly;
    if (!o->kind || !strcmp(o->kind, "line")) poly = false;
    else if (!strcmp(o->kind, "poly")) poly = true;
    else return nplot__fail(fig, ND_EVALUE, "%s: kind must be 'line' or 'poly', got '%s'", who, o->kind), NULL;
    size_t nv = 0;
    if (check(ax, x, y, lens, n, o, poly, &nv, who)) return NULL;
    const nplot__style *st = fig->style;
    /* the items' colors: the array through the colormap, else colors (cycled), else
     * lines.color / patch.facecolor ('C0') */
    rgba *cols = nd_malloc(sizeof(rgba) * (n ? n : 1), who);
    double *vx = nd_malloc(sizeof(double) * (nv + n + 1), who), *vy = nd_malloc(sizeof(double) * (nv + n + 1), who);
    double *lw = nd_malloc(sizeof(double) * (n ? n : 1), who), *vals = NULL;
    artist *a = NULL;
    mappable m = { 0 };
    if (!cols || !vx || !vy || !lw) {
        nplot__fail(fig, ND_ENOMEM, "%s: out of memory", who);
        goto done;
    }
    if (o->array.v) {
        if (nplot__mappable_init(fig, &m, o->cmap, o->norm, o->vmin, o->vmax, o->array.v, n, who)) goto done;
        if (!(vals = nplot__copy_or_index(fig, o->array.v, n, who))) goto done;
        for (size_t i = 0; i < n; i++) cols[i] = nplot__map_color(&m, vals[i]);
    } else {
        for (size_t i = 0; i < n; i++) {
            if (!o->colors.n) cols[i] = st->cycle[0];
            else if (nplot__color(o->colors.v[i % o->colors.n], st, &cols[i], who)) {
                nplot__fail(fig, ND_EVALUE, "%s", nd_errmsg());
                goto done;
            }
        }
    }
    /* matplotlib: lines.linewidth for lines, patch.linewidth (1) for polygons */
    for (size_t i = 0; i < n; i++)
        lw[i] = o->linewidths.n ? o->linewidths.v[i % o->linewidths.n] : poly ? 1.0 : st->linewidth;
    size_t p = 0, k = 0;
    for (size_t i = 0; i < n; i++) {
        if (i) vx[p] = vy[p] = NAN, p++;
        for (size_t j = 0; j < lens[i]; j++, k++, p++) vx[p] = x[k], vy[p] = y[k];
    }
    if (!(a = nplot__patches_new(ax, vx, vy, p, n, cols, who))) goto done;
    a->collection = true;
    a->sizes = lw, lw = NULL;
    a->edge_lw = n ? a->sizes[0] : 1;
    a->z = vals, vals = NULL;
    a->map = m;
    a->alpha = NPLOT_OPT(o->alpha, 1);
    a->autoscale = o->autolim != NPLOT_OFF;
    if (poly) {
        /* PolyCollection: faces in the item colors, edges as given ("face": each its own) */
        a->has_face = true;
        a->has_edge = false;
        if (o->edgecolor && strcmp(o->edgecolor, "none")) {
            a->has_edge = true;
            a->edge_is_face = !strcmp(o->edgecolor, "face");
            if (!a->edge_is_face && nplot__color(o->edgecolor, st, &a->edge, who)) {
                nplot__fail(fig, ND_EVALUE, "%s", nd_errmsg());
                a = NULL;
                goto done;
            }
        }
        a->zorder = o->zorder ? o->zorder : 1;
    } else {
        /* LineCollection: open polylines stroked in their own colors */
        a->open_path = true;
        a->has_face = false;
        a->has_edge = true;
        a->edge_is_face = true;
        a->lp = (line_props){ .color = n ? cols[0] : st->cycle[0], .lw = a->edge_lw, .ls = LS_SOLID,
                              .marker = MK_NONE, .markevery = 1 };
        a->legend_kind = LEGEND_LINE;
        a->zorder = o->zorder ? o->zorder : 2;
    }
    if (o->label && !(a->label = nplot__strdup(fig, o->label, who))) {
        a = NULL;
        goto done;
    }
    if (a->autoscale) nplot__update_datalim(ax, a);
    nplot__mark_dirty(fig);
done:
    nd_free_mem(cols);
    nd_free_mem(vx);
    nd_free_mem(vy);
    nd_free_mem(lw);
    nd_free_mem(vals);
    return (nplot_artist *)(void *)a;
}
