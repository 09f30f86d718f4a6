/* Legends as data: nplot_legend (an axes' current legend), nplot_legend_add_artist (kept
 * legends, matplotlib's ax.add_artist(legend)) and nplot_fig_legend (figure legends): the
 * options checked and copied, the entries resolved to (axes, artist index, label). */
#include "legend_model.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

static const char *const loc_names[] = {
    "best", "upper right", "upper left", "lower left", "lower right", "right",
    "center left", "center right", "lower center", "upper center", "center",
};
#define NLOC (int)(sizeof loc_names / sizeof *loc_names)

bool nplot__legend_has_entry(const artist *a)
{
    return a->label && a->label[0] && a->label[0] != '_';
}

static void spec_free(legend_spec *sp)
{
    if (!sp) return;
    for (size_t i = 0; i < sp->n; i++) nd_free_mem(sp->labels[i]);
    nd_free_mem(sp->labels);
    nd_free_mem(sp->idx);
    nd_free_mem(sp->hax);
    nd_free_mem(sp->title);
    nd_free_mem(sp);
}

void nplot__legends_free(legend_spec *list)
{
    for (legend_spec *n; list; list = n) {
        n = list->next;
        spec_free(list);
    }
}

void nplot__axes_legends_free(nplot_axes *ax)
{
    if (ax->legend_cur && !ax->legend_cur->kept) spec_free(ax->legend_cur);
    nplot__legends_free(ax->legends_kept);
    ax->legend_cur = ax->legends_kept = NULL;
}

bool nplot__legend_in_figure(const nplot_figure *fig, const nplot_axes *ax)
{
    for (const nplot_axes *a = fig->axes; a; a = a->next)
        if (a == ax) return true;
    return false;
}

const nplot_subfigure *nplot__axes_subfig(const nplot_axes *ax)
{
    const nplot_gridspec *g = ax->gs;
    if (!g) return NULL;
    while (g->parent) g = g->parent;
    return g->sf;
}

/* The subfigure legend being built by spec_new (NULL: a figure or axes legend). */
typedef struct spec_ctx {
    const nplot_subfigure *sf;
} spec_ctx;

/* The labelled artists of owner (every axes of fig when owner is NULL, those of sf when
 * given), in order: their count, and when hax / idx are given their axes and indices. */
static size_t labelled_in(nplot_figure *fig, nplot_axes *owner, const nplot_subfigure *sf,
                          nplot_axes **hax, int *idx)
{
    size_t n = 0;
    for (nplot_axes *ax = owner ? owner : fig->axes; ax; ax = owner ? NULL : ax->next) {
        if (!owner && sf && nplot__axes_subfig(ax) != sf) continue;
        int k = 0;
        for (artist *a = ax->artists; a; a = a->next, k++)
            if (nplot__legend_has_entry(a)) {
                if (hax) hax[n] = ax;
                if (idx) idx[n] = k;
                n++;
            }
    }
    return n;
}

static size_t labelled(nplot_figure *fig, nplot_axes *owner, nplot_axes **hax, int *idx)
{
    return labelled_in(fig, owner, NULL, hax, idx);
}

/* Check the options of nplot_legend (owner an axes) or nplot_fig_legend (owner NULL; the
 * axes of ctx->sf for a subfigure legend) and build the legend; NULL with the figure failed. */
static legend_spec *spec_new_in(nplot_figure *fig, nplot_axes *owner, const nplot_legend_opts *o,
                                const char *who, const spec_ctx *ctx)
{
    int loc = 0;
    if (o->loc) {
        loc = -1;
        for (int i = 0; i < NLOC; i++)
            if (!strcmp(o->loc, loc_names[i])) loc = i;
        if (loc < 0) {
            nplot__fail(fig, ND_EVALUE, "%s: unknown loc '%s' (best, upper right, upper left, "
                                        "lower left, lower right, right, center left, center "
                                        "right, lower center, upper center, center)", who, o->loc);
            return NULL;
        }
    }
    if (o->ncol < 0 || o->framealpha < 0 || o->framealpha > 1 || o->fontsize < 0 || o->markerscale < 0) {
        nplot__fail(fig, ND_EVALUE, "%s: ncol, fontsize, markerscale must be >= 0 and framealpha "
                                    "in [0, 1]", who);
        return NULL;
    }
    const nplot_f64s *ba = &o->bbox_to_anchor;
    if (ba->v && ba->n != 2 && ba->n != 4) {
        nplot__fail(fig, ND_EVALUE, "%s: 'bbox_to_anchor' has %zu value%s, but it takes 2 (x, y) "
                                    "or 4 (x, y, width, height)", who, ba->n, ba->n == 1 ? "" : "s");
        return NULL;
    }
    if (NPLOT__CHECK_LEN(fig, who, "bbox_to_anchor", *ba, ba->n, "it takes")) return NULL;
    for (size_t i = 0; ba->v && i < ba->n; i++)
        if (!isfinite(ba->v[i])) {
            nplot__fail(fig, ND_EVALUE, "%s: 'bbox_to_anchor' value %zu is not finite", who, i);
            return NULL;
        }
    bool expand = false;
    if (o->mode) {
        if (strcmp(o->mode, "expand") != 0) {
            nplot__fail(fig, ND_EVALUE, "%s: unknown mode '%s' (expand, or none)", who, o->mode);
            return NULL;
        }
        if (ba->v && ba->n == 2) {
            nplot__fail(fig, ND_EVALUE, "%s: mode 'expand' needs a box to fill: a 4-value "
                                        "bbox_to_anchor {x, y, width, height} or none", who);
            return NULL;
        }
        expand = true;
    }
    if (o->borderpad < 0 || o->labelspacing < 0 || o->handlelength < 0 || o->handletextpad < 0 ||
        o->columnspacing < 0 || o->title_fontsize < 0 || o->scatterpoints < 0 || o->borderaxespad < 0) {
        nplot__fail(fig, ND_EVALUE, "%s: borderpad, labelspacing, handlelength, handletextpad, "
                                    "columnspacing, title_fontsize, scatterpoints and borderaxespad "
                                    "must be >= 0", who);
        return NULL;
    }
    if ((o->handles.n && !o->handles.v) || (o->labels.n && !o->labels.v)) {
        nplot__fail(fig, ND_EVALUE, "%s: handles / labels have a count but no values", who);
        return NULL;
    }
    if (o->handles.n && o->labels.v && o->labels.n != o->handles.n) {
        nplot__fail(fig, ND_EVALUE, "%s: %zu handles but %zu labels (give one label per handle)",
                    who, o->handles.n, o->labels.n);
        return NULL;
    }
    if (o->handles.n && !o->labels.v) {
        nplot__fail(fig, ND_EVALUE, "%s: handles need labels (one per handle)", who);
        return NULL;
    }
    if (o->handle_axes && !o->handles.n) {
        nplot__fail(fig, ND_EVALUE, "%s: handle_axes without handles (one axes per handle)", who);
        return NULL;
    }
    if (!owner && o->handles.n && !o->handle_axes) {
        nplot__fail(fig, ND_EVALUE, "%s: handles need handle_axes (the axes of each handle)", who);
        return NULL;
    }
    rgba fc = { 0 }, ec = { 0 };
    nd_status st;
    if (o->facecolor && (st = nplot__color(o->facecolor, fig->style, &fc, who))) {
        nplot__fail(fig, st, "%s", nd_errmsg());
        return NULL;
    }
    if (o->edgecolor && (st = nplot__color(o->edgecolor, fig->style, &ec, who))) {
        nplot__fail(fig, st, "%s", nd_errmsg());
        return NULL;
    }
    size_t n = 0;
    if (o->handles.n) {
        n = o->handles.n;
        for (size_t i = 0; i < n; i++) {
            nplot_axes *hx = o->handle_axes ? o->handle_axes[i] : owner;
            if (!hx || !nplot__legend_in_figure(fig, hx)) {
                nplot__fail(fig, ND_EVALUE, "%s: handle_axes[%zu] is %s", who, i,
                            hx ? "an axes of another figure" : "NULL");
                return NULL;
            }
            if (o->handles.v[i] < 0 || o->handles.v[i] >= hx->nartists) {
                nplot__fail(fig, ND_EVALUE, "%s: handle %d is not an artist index (the axes "
                                            "holds %d artists)", who, o->handles.v[i], hx->nartists);
                return NULL;
            }
        }
    } else if (o->labels.n) {
        n = labelled_in(fig, owner, ctx->sf, NULL, NULL);
        if (n != o->labels.n) {
            nplot__fail(fig, ND_EVALUE, "%s: %zu labels but the %s %zu labelled artists", who,
                        o->labels.n, owner ? "axes has" : "figure's axes have", n);
            return NULL;
        }
    }
    legend_spec *sp = nd_calloc(1, sizeof *sp, who);
    bool ok = sp != NULL;
    if (ok && n) {
        sp->n = n;
        sp->hax = nd_calloc(n, sizeof *sp->hax, who);
        sp->idx = nd_calloc(n, sizeof *sp->idx, who);
        sp->labels = nd_calloc(n, sizeof *sp->labels, who);
        ok = sp->hax && sp->idx && sp->labels;
        if (!ok) sp->n = 0; /* nothing to free label by label */
        for (size_t i = 0; ok && i < n; i++)
            ok = (sp->labels[i] = nd_strdup(o->labels.v[i] ? o->labels.v[i] : "", who)) != NULL;
        if (ok && o->handles.n) {
            for (size_t i = 0; i < n; i++) {
                sp->hax[i] = o->handle_axes ? o->handle_axes[i] : owner;
                sp->idx[i] = o->handles.v[i];
            }
        } else if (ok) {
            labelled_in(fig, owner, ctx->sf, sp->hax, sp->idx);
        }
    }
    if (ok && o->title) ok = (sp->title = nd_strdup(o->title, who)) != NULL;
    if (!ok) {
        spec_free(sp);
        nplot__fail(fig, ND_ENOMEM, "%s: out of memory", who);
        return NULL;
    }
    sp->o = *o;
    sp->loc = loc;
    sp->o.loc = loc_names[loc];
    sp->expand = expand;
    sp->o.mode = expand ? "expand" : NULL;
    sp->o.title = NULL;
    sp->nanchor = ba->v ? (int)ba->n : 0;
    for (int i = 0; i < sp->nanchor; i++) sp->anchor[i] = ba->v[i];
    sp->o.bbox_to_anchor = (nplot_f64s){ 0 };
    sp->o.handles = (nplot_ints){ 0 };
    sp->o.labels = (nplot_strs){ 0 };
    sp->o.handle_axes = NULL;
    sp->o.facecolor = sp->o.edgecolor = NULL;
    sp->fc = fc;
    sp->ec = ec;
    sp->has_fc = o->facecolor != NULL;
    sp->has_ec = o->edgecolor != NULL;
    return sp;
}

static legend_spec *spec_new(nplot_figure *fig, nplot_axes *owner, const nplot_legend_opts *o,
                             const char *who)
{
    return spec_new_in(fig, owner, o, who, &(const spec_ctx){ NULL });
}

nd_status nplot_legend_(nplot_axes *ax, const nplot_legend_opts *o)
{
    static const char *who = "nplot_legend";
    if (!ax) return nd_set_error(ND_EVALUE, "%s: axes is NULL", who);
    nd_status st = nplot__check(ax->fig);
    if (st) return st;
    o = NPLOT__OPTS(o, nplot_legend_opts);
    legend_spec *sp = spec_new(ax->fig, ax, o, who);
    if (!sp) return ax->fig->status;
    if (ax->legend_cur && !ax->legend_cur->kept) spec_free(ax->legend_cur);
    ax->legend_cur = sp;
    ax->legend_on = true;
    nplot__mark_dirty(ax->fig);
    return ND_OK;
}

nd_status nplot_legend_add_artist(nplot_axes *ax)
{
    static const char *who = "nplot_legend_add_artist";
    if (!ax) return nd_set_error(ND_EVALUE, "%s: axes is NULL", who);
    nd_status st = nplot__check(ax->fig);
    if (st) return st;
    legend_spec *sp = ax->legend_cur;
    if (!sp)
        return nplot__fail(ax->fig, ND_EVALUE, "%s: the axes has no legend (call nplot_legend "
                                               "first)", who);
    if (sp->kept) return ND_OK;
    if (!sp->n) {
        /* freeze the entries: matplotlib's Legend lists the artists of its creation */
        size_t n = labelled(ax->fig, ax, NULL, NULL);
        if (n) {
            nplot_axes **hax = nd_calloc(n, sizeof *hax, who);
            int *idx = nd_calloc(n, sizeof *idx, who);
            char **labels = nd_calloc(n, sizeof *labels, who);
            bool ok = hax && idx && labels;
            if (ok) labelled(ax->fig, ax, hax, idx);
            for (size_t i = 0; ok && i < n; i++) {
                int k = 0;
                artist *a = ax->artists;
                for (; a && k < idx[i]; a = a->next) k++;
                ok = (labels[i] = nd_strdup(a ? a->label : "", who)) != NULL;
            }
            if (!ok) {
                for (size_t i = 0; labels && i < n; i++) nd_free_mem(labels[i]);
                nd_free_mem(labels);
                nd_free_mem(idx);
                nd_free_mem(hax);
                return nplot__fail(ax->fig, ND_ENOMEM, "%s: out of memory", who);
            }
            sp->n = n;
            sp->hax = hax;
            sp->idx = idx;
            sp->labels = labels;
        }
    }
    legend_spec **pp = &ax->legends_kept;
    while (*pp) pp = &(*pp)->next;
    *pp = sp;
    sp->kept = true;
    nplot__mark_dirty(ax->fig);
    return ND_OK;
}

nd_status nplot_fig_legend_(nplot_figure *fig, const nplot_legend_opts *o)
{
    static const char *who = "nplot_fig_legend";
    nd_status st = nplot__check(fig);
    if (st) return st;
    o = NPLOT__OPTS(o, nplot_legend_opts);
    legend_spec *sp = spec_new(fig, NULL, o, who);
    if (!sp) return fig->status;
    legend_spec **pp = &fig->legends;
    while (*pp) pp = &(*pp)->next;
    *pp = sp;
    nplot__mark_dirty(fig);
    return ND_OK;
}


nd_status nplot_subfig_legend_(nplot_subfigure *sf, const nplot_legend_opts *o)
{
    static const char *who = "nplot_subfig_legend";
    if (!sf) return nd_set_error(ND_EVALUE, "%s: subfigure is NULL", who);
    nplot_figure *fig = sf->fig;
    nd_status st = nplot__check(fig);
    if (st) return st;
    o = NPLOT__OPTS(o, nplot_legend_opts);
    legend_spec *sp = spec_new_in(fig, NULL, o, who, &(const spec_ctx){ sf });
    if (!sp) return fig->status;
    sp->sf = sf;
    legend_spec **pp = &fig->legends;
    while (*pp) pp = &(*pp)->next;
    *pp = sp;
    nplot__mark_dirty(fig);
    return ND_OK;
}
