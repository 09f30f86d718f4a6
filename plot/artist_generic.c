/* matplotlib's Artist calls on an Axes and a Figure that are not properties by name (issue
 * 20): the clip box and path kept for the getters, update_from, the owning figure, findobj
 * and the default extra artists, the axes locator, execute_constrained_layout. The
 * properties by name are plot/artist_protocol.c. */
#include "plot_model.h"

#include <math.h>
#include <string.h>

/* ---- clip box and path ------------------------------------------------------------------------ */
static nd_status set_clip_box(nplot_figure *fig, bool *has, double dst[4], const double box[4],
                              const char *who)
{
    if (box) {
        for (int i = 0; i < 4; i++)
            if (!isfinite(box[i])) return nplot__fail(fig, ND_EVALUE, "%s: box[%d] is %g", who, i, box[i]);
        memcpy(dst, box, 4 * sizeof *dst);
    }
    *has = box != NULL;
    return ND_OK;
}

static nd_status set_clip_path(nplot_figure *fig, double **dst, size_t *ndst, const double *xy,
                               size_t n, const char *who)
{
    double *c = NULL;
    if (n) {
        if (!xy) return nplot__fail(fig, ND_EVALUE, "%s: xy is NULL with n = %zu", who, n);
        for (size_t i = 0; i < 2 * n; i++)
            if (!isfinite(xy[i]))
                return nplot__fail(fig, ND_EVALUE, "%s: vertex %zu is not finite", who, i / 2);
        c = nd_malloc(2 * n * sizeof *c, who);
        if (!c) return nplot__fail(fig, ND_ENOMEM, "%s: out of memory", who);
        memcpy(c, xy, 2 * n * sizeof *c);
    }
    nd_free_mem(*dst);
    *dst = c;
    *ndst = n;
    return ND_OK;
}

static size_t get_clip_path(const double *src, size_t n, double *xy, size_t cap)
{
    if (xy && src) memcpy(xy, src, 2 * (n < cap ? n : cap) * sizeof *xy);
    return n;
}

nd_status nplot_axes_set_clip_box(nplot_axes *ax, const double box[4])
{
    CHECK_AX(ax, "nplot_axes_set_clip_box");
    return set_clip_box(ax->fig, &ax->pr.has_clip_box, ax->pr.clip_box, box, "nplot_axes_set_clip_box");
}

bool nplot_axes_get_clip_box(nplot_axes *ax, double box[4])
{
    if (!ax) return nd_set_error(ND_EVALUE, "nplot_axes_get_clip_box: axes is NULL"), false;
    if (ax->pr.has_clip_box && box) memcpy(box, ax->pr.clip_box, sizeof ax->pr.clip_box);
    return ax->pr.has_clip_box;
}

nd_status nplot_axes_set_clip_path(nplot_axes *ax, const double *xy, size_t n)
{
    CHECK_AX(ax, "nplot_axes_set_clip_path");
    return set_clip_path(ax->fig, &ax->pr.clip_path, &ax->pr.nclip_path, xy, n,
                         "nplot_axes_set_clip_path");
}

size_t nplot_axes_get_clip_path(nplot_axes *ax, double *xy, size_t cap)
{
    if (!ax) return nd_set_error(ND_EVALUE, "nplot_axes_get_clip_path: axes is NULL"), 0;
    return get_clip_path(ax->pr.clip_path, ax->pr.nclip_path, xy, cap);
}

#define FIG_OK(fig, who)                                                          \
    do {                                                                          \
        if (!(fig)) return nd_set_error(ND_EVALUE, "%s: figure is NULL", who);    \
        nd_status st_ = nplot__check(fig);                                        \
        if (st_) return st_;                                                      \
    } while (0)

nd_status nplot_figure_set_clip_box(nplot_figure *fig, const double box[4])
{
    FIG_OK(fig, "nplot_figure_set_clip_box");
    return set_clip_box(fig, &fig->has_clip_box, fig->clip_box, box, "nplot_figure_set_clip_box");
}

bool nplot_figure_get_clip_box(nplot_figure *fig, double box[4])
{
    if (!fig) return nd_set_error(ND_EVALUE, "nplot_figure_get_clip_box: figure is NULL"), false;
    if (fig->has_clip_box && box) memcpy(box, fig->clip_box, sizeof fig->clip_box);
    return fig->has_clip_box;
}

nd_status nplot_figure_set_clip_path(nplot_figure *fig, const double *xy, size_t n)
{
    FIG_OK(fig, "nplot_figure_set_clip_path");
    return set_clip_path(fig, &fig->clip_path, &fig->nclip_path, xy, n, "nplot_figure_set_clip_path");
}

size_t nplot_figure_get_clip_path(nplot_figure *fig, double *xy, size_t cap)
{
    if (!fig) return nd_set_error(ND_EVALUE, "nplot_figure_get_clip_path: figure is NULL"), 0;
    return get_clip_path(fig->clip_path, fig->nclip_path, xy, cap);
}

/* ---- update_from: Artist.update_from's properties ----------------------------------------- */
nd_status nplot_axes_update_from(nplot_axes *ax, nplot_axes *other)
{
    static const char *who = "nplot_axes_update_from";
    CHECK_AX(ax, who);
    if (!other) return nplot__fail(ax->fig, ND_EVALUE, "%s: other is NULL", who);
    nd_status st = nplot_axes_set_clip_path(ax, other->pr.clip_path, other->pr.nclip_path);
    if (!st) st = nplot_axes_set_label(ax, other->pr.label);
    if (st) return st;
    ax->pr.hidden = other->pr.hidden;
    ax->pr.has_alpha = other->pr.has_alpha;
    ax->pr.alpha = other->pr.alpha;
    ax->pr.clip_off = other->pr.clip_off;
    ax->pr.has_clip_box = other->pr.has_clip_box;
    memcpy(ax->pr.clip_box, other->pr.clip_box, sizeof ax->pr.clip_box);
    nplot__mark_dirty(ax->fig);
    return ND_OK;
}

nd_status nplot_figure_update_from(nplot_figure *fig, nplot_figure *other)
{
    static const char *who = "nplot_figure_update_from";
    FIG_OK(fig, who);
    if (!other) return nplot__fail(fig, ND_EVALUE, "%s: other is NULL", who);
    nd_status st = nplot_figure_set_clip_path(fig, other->clip_path, other->nclip_path);
    if (!st) st = nplot_figure_set_label(fig, other->label);
    if (!st) st = nplot_figure_set_visible(fig, !other->hidden);
    if (!st) st = nplot_figure_set_alpha(fig, other->alpha < 0 ? NAN : other->alpha);
    if (!st) st = nplot_figure_set_clip_on(fig, !other->clip_off);
    if (st) return st;
    fig->has_clip_box = other->has_clip_box;
    memcpy(fig->clip_box, other->clip_box, sizeof fig->clip_box);
    return ND_OK;
}

/* ---- the figure, units, findobj, extra artists ---------------------------------------------- */
nplot_figure *nplot_axes_get_figure(nplot_axes *ax)
{
    if (!ax) return nd_set_error(ND_EVALUE, "nplot_axes_get_figure: axes is NULL"), NULL;
    return ax->fig;
}

nd_status nplot_axes_set_figure(nplot_axes *ax, nplot_figure *fig)
{
    CHECK_AX(ax, "nplot_axes_set_figure");
    if (fig != ax->fig)
        return nd_set_error(ND_EVALUE, "nplot_axes_set_figure: Can not put single artist in more "
                            "than one figure (an axes belongs to the figure that made it)");
    return ND_OK;
}

/* the artists of ax (kind NULL: any) that are not hidden when visible_only */
static ptrdiff_t axes_artists(nplot_axes *ax, const char *kind, bool visible_only,
                              nplot_artist **out, ptrdiff_t cap, ptrdiff_t n)
{
    for (artist *a = ax->artists; a; a = a->next) {
        nplot_artist *h = (nplot_artist *)(void *)a;
        if (a->map.cbar_gradient || a->removed) continue; /* a colorbar's own solids */
        if (visible_only && a->hidden) continue;
        if (kind && strcmp(nplot_artist_kind(h), kind) != 0) continue;
        if (out && n < cap) out[n] = h;
        n++;
    }
    return n;
}

ptrdiff_t nplot_axes_findobj(nplot_axes *ax, const char *kind, nplot_artist **out, ptrdiff_t cap)
{
    if (!ax) return nd_set_error(ND_EVALUE, "nplot_axes_findobj: axes is NULL"), -1;
    return axes_artists(ax, kind, false, out, cap, 0);
}

ptrdiff_t nplot_axes_get_default_bbox_extra_artists(nplot_axes *ax, nplot_artist **out,
                                                    ptrdiff_t cap)
{
    if (!ax) {
        nd_set_error(ND_EVALUE, "nplot_axes_get_default_bbox_extra_artists: axes is NULL");
        return -1;
    }
    return axes_artists(ax, NULL, true, out, cap, 0);
}

ptrdiff_t nplot_figure_get_default_bbox_extra_artists(nplot_figure *fig, nplot_artist **out,
                                                      ptrdiff_t cap)
{
    if (!fig) {
        nd_set_error(ND_EVALUE, "nplot_figure_get_default_bbox_extra_artists: figure is NULL");
        return -1;
    }
    ptrdiff_t n = 0;
    for (nplot_axes *ax = fig->axes; ax; ax = ax->next)
        if (!ax->pr.hidden) n = axes_artists(ax, NULL, true, out, cap, n);
    return n;
}

/* ---- the axes locator, constrained layout now ------------------------------------------------ */
nd_status nplot_axes_set_axes_locator(nplot_axes *ax, nplot_axes_locator_fn fn, void *ctx)
{
    CHECK_AX(ax, "nplot_axes_set_axes_locator");
    ax->pr.locator = fn;
    ax->pr.locator_ctx = fn ? ctx : NULL;
    nplot__mark_dirty(ax->fig);
    return ND_OK;
}

nplot_axes_locator_fn nplot_axes_get_axes_locator(nplot_axes *ax, void **ctx)
{
    if (!ax) {
        nd_set_error(ND_EVALUE, "nplot_axes_get_axes_locator: axes is NULL");
        return NULL;
    }
    if (ctx) *ctx = ax->pr.locator_ctx;
    return ax->pr.locator;
}

nd_status nplot_figure_execute_constrained_layout(nplot_figure *fig)
{
    FIG_OK(fig, "nplot_figure_execute_constrained_layout");
    return fig->constrained ? nplot_figure_draw(fig) : ND_OK;
}
