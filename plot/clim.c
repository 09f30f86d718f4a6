/* The figure's current image (pyplot's gci / sci) and colouring a mappable again after the
 * fact (ScalarMappable.set_clim, plt.clim): images, meshes, hexbins, scatters with c and
 * contour sets recolour from the values they keep, and their colorbars follow (matplotlib's
 * Colorbar.update_normal through the mappable's 'changed' callback). */
#include "plot_model.h"

#include <math.h>

static artist *of(nplot_artist *h) { return (artist *)(void *)h; }

/* A mappable gci can return: colour-mapped, not a colorbar's gradient, not removed. */
static bool is_mappable(const artist *a) { return a && a->map.on && !a->removed; }

/* ax's current image: the last mappable added after the one nplot_sci made current (pyplot
 * makes each new one current), else that one; NULL when ax has none. */
static artist *axes_gci(const nplot_axes *ax)
{
    artist *cur = is_mappable(ax->cur_image) && ax->cur_image->ax == ax ? ax->cur_image : NULL;
    artist *after = NULL;
    bool past = cur == NULL || !ax->cur_image_mark;
    for (artist *a = ax->artists; a; a = a->next) {
        if (past && is_mappable(a)) after = a;
        if (a == ax->cur_image_mark) past = true;
    }
    return after ? after : cur;
}

/* The current axes as fig.gca() without creating one: NULL for a figure without axes. */
static nplot_axes *current_axes(nplot_figure *fig)
{
    for (const nplot_axes *a = fig->axes; a; a = a->next)
        if (!a->cbar_parent && !a->secondary) return nplot_gca(fig);
    return NULL;
}

nplot_artist *nplot_gci(nplot_figure *fig)
{
    if (!fig) return ND_FAIL(ND_EVALUE, "nplot_gci: figure is NULL");
    if (nplot__check(fig)) return NULL;
    nplot_axes *cur = current_axes(fig);
    if (!cur) return NULL;
    artist *im = axes_gci(cur);
    /* matplotlib's Figure._gci: else the most recent axes that has one */
    if (!im) {
        for (nplot_axes *ax = fig->axes; ax; ax = ax->next) {
            artist *a = axes_gci(ax);
            if (a) im = a;
        }
    }
    return (nplot_artist *)(void *)im;
}

nd_status nplot_sci(nplot_figure *fig, nplot_artist *im)
{
    static const char *who = "nplot_sci";
    if (!fig) return nd_set_error(ND_EVALUE, "%s: figure is NULL", who);
    nd_status st = nplot__check(fig);
    if (st) return st;
    artist *a = of(im);
    nplot_axes *cur = current_axes(fig);
    if (!a || a->removed || !cur || a->ax != cur || !a->map.on)
        return nd_set_error(ND_EVALUE, "%s: Argument must be an image, collection, or ContourSet in "
                                       "this Axes", who);
    cur->cur_image = a;
    cur->cur_image_mark = cur->last_artist;
    return ND_OK;
}

/* The set's item color of a contour line (its level) or band (its middle, the extended ends
 * under / over), with the alpha the set gave it kept. */
static void contour_recolor(artist *a, const mappable *old)
{
    double lo = a->clev[0], hi = a->clev[1], v = lo;
    if (a->cfilled)
        v = isinf(lo) ? lo : isinf(hi) ? hi
          : a->map.norm.kind == NPLOT_NORM_LOG ? sqrt(lo) * sqrt(hi) : 0.5 * (lo + hi);
    rgba *c = a->cfilled ? &a->face : &a->lp.color;
    rgba was = nplot__map_color(old, v), now = nplot__map_color(&a->map, v);
    now.a *= was.a > 0 ? c->a / was.a : 1;
    *c = now;
}

/* ScalarMappable.set_clim on the norm of m: NaN leaves a limit; the result checked as
 * matplotlib checks it when drawing (order, finiteness, a log norm's positive limits, a
 * TwoSlopeNorm's vcenter inside). */
static nd_status clim_set(mappable *m, double vmin, double vmax, const char *who)
{
    if (!isnan(vmin)) m->vmin = vmin;
    if (!isnan(vmax)) m->vmax = vmax;
    const norm_state *ns = &m->norm;
    if (!isfinite(m->vmin) || !isfinite(m->vmax))
        return nd_set_error(ND_EVALUE, "%s: vmin and vmax must be finite, got %g and %g", who,
                           m->vmin, m->vmax);
    if (m->vmin > m->vmax)
        return nd_set_error(ND_EVALUE, "%s: minvalue must be less than or equal to maxvalue "
                                           "(vmin %g, vmax %g)", who, m->vmin, m->vmax);
    if (ns->kind == NPLOT_NORM_LOG && m->vmin <= 0)
        return nd_set_error(ND_EVALUE, "%s: Invalid vmin or vmax for a LogNorm (vmin %g, vmax %g)",
                           who, m->vmin, m->vmax);
    if (ns->kind == NPLOT_NORM_TWOSLOPE && !(m->vmin < ns->vcenter && ns->vcenter < m->vmax))
        return nd_set_error(ND_EVALUE, "%s: vmin, vcenter, and vmax must be in ascending order "
                                           "(vmin %g, vcenter %g, vmax %g)", who, m->vmin, ns->vcenter,
                           m->vmax);
    return ND_OK;
}

nd_status nplot_artist_set_clim(nplot_artist *h, double vmin, double vmax)
{
    static const char *who = "nplot_artist_set_clim";
    artist *a = of(h);
    if (!a) return nd_set_error(ND_EVALUE, "%s: artist is NULL", who);
    nplot_figure *fig = a->ax->fig;
    nd_status st = nplot__check(fig);
    if (st) return st;
    if (a->removed) return nd_set_error(ND_EVALUE, "%s: the %s was removed", who, nplot__class_of(a->kind)->name);
    bool cells = a->kind == ART_PATCHES && !a->cset && !a->collection && a->z,
         contour = a->cset > 0 && !a->ax->is3d, items = a->kind == ART_SCATTER || a->collection;
    bool ok = a->map.on && ((a->kind == ART_IMAGE && a->z && a->nch == 1) || cells ||
                            (a->kind == ART_GOURAUD && a->z) || (items && a->z) ||
                            contour);
    if (!ok)
        return nd_set_error(ND_EVALUE, "%s: the %s is not colour-mapped from values it keeps (an image, "
                                       "mesh, hexbin, scatter with c, collection with an array or 2-D contour set)", who,
                            nplot__class_of(a->kind)->name);
    mappable old = a->map, m = a->map;
    if ((st = clim_set(&m, vmin, vmax, who))) return st;
    if (contour) {
        /* the whole set shares the norm */
        for (artist *b = a->ax->artists; b; b = b->next) {
            if (b->cset != a->cset) continue;
            b->map.vmin = m.vmin, b->map.vmax = m.vmax;
            if (b->kind != ART_CONTOUR && !b->cfixed) contour_recolor(b, &old);
        }
    } else {
        a->map = m;
        if (a->kind == ART_IMAGE) st = nplot__image_recolor(a, who);
        else if (cells) st = nplot__cells_recolor(a, who);
        else if (a->kind == ART_GOURAUD) nplot__gouraud_recolor(a);
        else /* one color per point or collection item */
            for (size_t i = 0, n = a->collection ? a->npoly : a->n; i < n; i++)
                a->colors[i] = nplot__map_color(&m, a->z[i]);
    }
    if (st) return st;
    for (nplot_axes *cax = fig->axes; cax; cax = cax->next)
        if (cax->cbar_link.src == a && (st = nplot__colorbar_follow(cax))) return st;
    nplot__mark_dirty(fig);
    return ND_OK;
}

nd_status nplot_artist_get_clim(const nplot_artist *h, double out[2])
{
    const artist *a = (const artist *)(const void *)h;
    if (!a || !out) return nd_set_error(ND_EVALUE, "nplot_artist_get_clim: %s is NULL", a ? "out" : "artist");
    if (!a->map.on)
        return nd_set_error(ND_EVALUE, "nplot_artist_get_clim: the %s is not colour-mapped",
                            nplot__class_of(a->kind)->name);
    out[0] = a->map.vmin;
    out[1] = a->map.vmax;
    return ND_OK;
}

nd_status nplot_clim(nplot_figure *fig, double vmin, double vmax)
{
    static const char *who = "nplot_clim";
    if (!fig) return nd_set_error(ND_EVALUE, "%s: figure is NULL", who);
    nplot_artist *im = nplot_gci(fig);
    if (!im) {
        nd_status st = nplot__check(fig);
        return st ? st : nd_set_error(ND_EVALUE, "%s: You must first define an image, e.g., with "
                                                 "imshow", who);
    }
    nd_status st = nplot_artist_set_clim(im, vmin, vmax);
    return st;
}
