/* Artists after the fact: matplotlib's Artist setters (set_data, set_color, set_visible, ...),
 * Artist.remove, Axes.relim, Axes.cla and Figure.delaxes.
 *
 * Handles stay valid for the figure's lifetime: a removed artist or a deleted axes leaves its
 * list and waits in the figure's graveyard (freed with the figure), so a handle kept by the
 * caller can be asked about it and gets a clear error instead of reading freed memory. */
#include "legend_model.h"
#include "plot_model.h"

#include <math.h>
#include <string.h>

static artist *of(nplot_artist *h) { return (artist *)(void *)h; }

/* The entry check of an artist setter: a NULL or removed artist is ND_EVALUE. */
static nd_status check_artist(const artist *a, const char *who)
{
    if (!a) return nd_set_error(ND_EVALUE, "%s: artist is NULL", who);
    if (nplot__check(a->ax->fig)) return a->ax->fig->status;
    /* a stale handle is the caller's error, not the figure's: the figure stays usable */
    if (a->removed) return nd_set_error(ND_EVALUE, "%s: the %s was removed", who,
                                        nplot__class_of(a->kind)->name);
    return ND_OK;
}

/* The prologue of every artist setter: h's artist, or NULL with *st set by check_artist. */
static artist *enter(nplot_artist *h, const char *who, nd_status *st)
{
    artist *a = of(h);
    *st = check_artist(a, who);
    return *st ? NULL : a;
}

ptrdiff_t nplot_artist_count(const nplot_axes *ax)
{
    if (!ax) {
        nd_set_error(ND_EVALUE, "nplot_artist_count: axes is NULL");
        return -1;
    }
    return ax->nartists;
}

nplot_artist *nplot_get_artist(nplot_axes *ax, ptrdiff_t i)
{
    static const char *who = "nplot_get_artist";
    if (!ax) {
        nd_set_error(ND_EVALUE, "%s: axes is NULL", who);
        return NULL;
    }
    if (nplot__check(ax->fig)) return NULL;
    ptrdiff_t k = i < 0 ? i + ax->nartists : i;
    if (k < 0 || k >= ax->nartists) {
        nd_set_error(ND_EINDEX, "%s: index %td is out of bounds for an axes with %d artists", who,
                     i, ax->nartists);
        return NULL;
    }
    artist *a = ax->artists;
    while (k--) a = a->next;
    return (nplot_artist *)(void *)a;
}

const char *nplot_artist_kind(const nplot_artist *h)
{
    const artist *a = (const artist *)(const void *)h;
    return a ? nplot__class_of(a->kind)->name : NULL;
}

nplot_axes *nplot_artist_axes(const nplot_artist *h)
{
    const artist *a = (const artist *)(const void *)h;
    return a && !a->removed ? a->ax : NULL;
}

/* ---- setters ------------------------------------------------------------------------------ */

nd_status nplot_artist_set_data(nplot_artist *h, const double *x, const double *y, size_t n)
{
    static const char *who = "nplot_artist_set_data";
    nd_status st;
    artist *a = enter(h, who, &st);
    if (!a) return st;
    nplot_figure *fig = a->ax->fig;
    if (a->kind != ART_LINE && a->kind != ART_SCATTER)
        return nplot__fail(fig, ND_EVALUE, "%s: an artist of type %s has no set_data (lines: "
                                           "set_data, scatter: set_offsets)", who,
                           nplot__class_of(a->kind)->name);
    if ((!x || !y) && n != a->n)
        return nplot__fail(fig, ND_ESHAPE, "%s: keeping the %s coordinates needs n = %zu, not %zu",
                           who, x ? "y" : "x", a->n, n);
    if (!x && !y) return ND_OK;
    if (a->kind == ART_SCATTER && n != a->n && (a->sizes || a->colors))
        return nplot__fail(fig, ND_ESHAPE, "%s: the scatter has per-point sizes or colours for %zu "
                                           "points, not %zu", who, a->n, n);
    double *nx = x ? nd_malloc(sizeof *nx * (n ? n : 1), who) : a->x;
    double *ny = y ? nd_malloc(sizeof *ny * (n ? n : 1), who) : a->y;
    if (!nx || !ny) {
        if (x) nd_free_mem(nx);
        if (y) nd_free_mem(ny);
        return nplot__fail(fig, ND_ENOMEM, "%s: out of memory", who);
    }
    if (x) {
        if (n) memcpy(nx, x, sizeof *nx * n);
        nd_free_mem(a->x);
    }
    if (y) {
        if (n) memcpy(ny, y, sizeof *ny * n);
        nd_free_mem(a->y);
    }
    a->x = nx;
    a->y = ny;
    a->n = n;
    nplot__mark_dirty(fig);
    return ND_OK;
}

nd_status nplot_artist_set_color(nplot_artist *h, const char *color)
{
    static const char *who = "nplot_artist_set_color";
    nd_status st;
    artist *a = enter(h, who, &st);
    if (!a) return st;
    nplot_figure *fig = a->ax->fig;
    rgba c;
    if ((st = nplot__color(color, fig->style, &c, who))) return nplot__fail(fig, st, "%s", nd_errmsg());
    switch (a->kind) {
    case ART_LINE:
    case ART_SEGMENTS:
    case ART_AXLINE:
    case ART_LINE3D: {
        /* Line2D.set_color: the markers follow when their colours were the line's */
        rgba old = a->lp.color;
        if (!memcmp(&a->lp.mfc, &old, sizeof old)) a->lp.mfc = c;
        if (!memcmp(&a->lp.mec, &old, sizeof old)) a->lp.mec = c;
        a->lp.color = c;
        break;
    }
    case ART_SCATTER:
    case ART_SCATTER3D:
    case ART_POLY:
    case ART_PATCHES:
    case ART_POLY3D:
        /* Collection.set_color / Patch.set_color: face and edge */
        nd_free_mem(a->colors);
        nd_free_mem(a->edge_colors);
        a->colors = a->edge_colors = NULL;
        a->face = a->edge = c;
        a->edge_is_face = false;
        break;
    case ART_TEXT:
    case ART_ANNOTATE:
        a->ts.color = c;
        break;
    default:
        return nplot__fail(fig, ND_EVALUE, "%s: an artist of type %s has no set_color (its "
                                           "colours come from its colormap)", who,
                           nplot__class_of(a->kind)->name);
    }
    nplot__mark_dirty(fig);
    return ND_OK;
}

nd_status nplot_artist_set_linewidth(nplot_artist *h, double lw)
{
    static const char *who = "nplot_artist_set_linewidth";
    nd_status st;
    artist *a = enter(h, who, &st);
    if (!a) return st;
    nplot_figure *fig = a->ax->fig;
    if (!(lw >= 0) || !isfinite(lw))
        return nplot__fail(fig, ND_EVALUE, "%s: linewidth %g is not a finite width >= 0", who, lw);
    switch (a->kind) {
    case ART_LINE:
    case ART_SEGMENTS:
    case ART_AXLINE:
    case ART_LINE3D: a->lp.lw = lw; break;
    case ART_SCATTER:
    case ART_SCATTER3D:
    case ART_POLY:
    case ART_PATCHES: a->edge_lw = lw; break;
    default:
        return nplot__fail(fig, ND_EVALUE, "%s: an artist of type %s has no set_linewidth", who,
                           nplot__class_of(a->kind)->name);
    }
    nplot__mark_dirty(fig);
    return ND_OK;
}

nd_status nplot_artist_set_alpha(nplot_artist *h, double alpha)
{
    static const char *who = "nplot_artist_set_alpha";
    nd_status st;
    artist *a = enter(h, who, &st);
    if (!a) return st;
    if (!(alpha >= 0 && alpha <= 1))
        return nplot__fail(a->ax->fig, ND_EVALUE, "%s: alpha (%g) is outside 0-1 range", who, alpha);
    a->alpha = alpha;
    if (a->kind == ART_IMAGE) a->img_alpha = alpha;
    nplot__mark_dirty(a->ax->fig);
    return ND_OK;
}

nd_status nplot_artist_set_visible(nplot_artist *h, bool visible)
{
    nd_status st;
    artist *a = enter(h, "nplot_artist_set_visible", &st);
    if (!a) return st;
    a->hidden = !visible;
    nplot__mark_dirty(a->ax->fig);
    return ND_OK;
}

bool nplot_artist_get_visible(const nplot_artist *h)
{
    const artist *a = (const artist *)(const void *)h;
    return a && !a->removed && !a->hidden;
}

nd_status nplot_artist_set_zorder(nplot_artist *h, double zorder)
{
    static const char *who = "nplot_artist_set_zorder";
    nd_status st;
    artist *a = enter(h, who, &st);
    if (!a) return st;
    if (!isfinite(zorder)) return nplot__fail(a->ax->fig, ND_EVALUE, "%s: zorder %g is not finite", who, zorder);
    a->zorder = zorder;
    nplot__mark_dirty(a->ax->fig);
    return ND_OK;
}

/* Replaces *slot by a copy of s (NULL clears it). */
static nd_status set_string(artist *a, char **slot, const char *s, const char *who)
{
    char *c = NULL;
    if (s && !(c = nplot__strdup(a->ax->fig, s, who))) return a->ax->fig->status;
    nd_free_mem(*slot);
    *slot = c;
    nplot__mark_dirty(a->ax->fig);
    return ND_OK;
}

nd_status nplot_artist_set_label(nplot_artist *h, const char *label)
{
    nd_status st;
    artist *a = enter(h, "nplot_artist_set_label", &st);
    return a ? set_string(a, &a->label, label, "nplot_artist_set_label") : st;
}

nd_status nplot_artist_set_text(nplot_artist *h, const char *text)
{
    static const char *who = "nplot_artist_set_text";
    nd_status st;
    artist *a = enter(h, who, &st);
    if (!a) return st;
    if (a->kind != ART_TEXT && a->kind != ART_ANNOTATE)
        return nplot__fail(a->ax->fig, ND_EVALUE, "%s: an artist of type %s has no text", who,
                           nplot__class_of(a->kind)->name);
    return set_string(a, &a->text, text ? text : "", who);
}

/* ---- removal --------------------------------------------------------------------------------- */

/* Legends name explicit entries by (axes, index): after artist k of ax left, the later ones
 * move down one and entries of k itself are gone (-1, which draw_legend.c skips). */
static void legend_fix(legend_spec *sp, const nplot_axes *ax, int k)
{
    for (; sp; sp = sp->next)
        for (size_t i = 0; i < sp->n; i++) {
            if (sp->hax[i] != ax || sp->idx[i] < 0) continue;
            if (sp->idx[i] == k) sp->idx[i] = -1;
            else if (sp->idx[i] > k) sp->idx[i]--;
        }
}

static void legends_fix(nplot_figure *fig, const nplot_axes *ax, int k)
{
    for (nplot_axes *o = fig->axes; o; o = o->next) {
        legend_fix(o->legends_kept, ax, k);
        if (o->legend_cur && !o->legend_cur->kept) {
            legend_spec *next = o->legend_cur->next;
            o->legend_cur->next = NULL; /* the current legend alone, not a list */
            legend_fix(o->legend_cur, ax, k);
            o->legend_cur->next = next;
        }
    }
    legend_fix(fig->legends, ax, k);
}

/* Takes artist a (the k-th) out of its axes' list into the figure's graveyard. */
static void unlink_artist(nplot_axes *ax, artist *a, artist *prev)
{
    if (prev) prev->next = a->next;
    else ax->artists = a->next;
    if (ax->last_artist == a) ax->last_artist = prev;
    ax->nartists--;
    a->removed = true;
    a->next = ax->fig->removed_artists;
    ax->fig->removed_artists = a;
}

nd_status nplot_artist_remove(nplot_artist *h)
{
    static const char *who = "nplot_artist_remove";
    nd_status st;
    artist *a = enter(h, who, &st);
    if (!a) return st;
    nplot_axes *ax = a->ax;
    artist *prev = NULL;
    int k = 0;
    for (artist *p = ax->artists; p != a; p = p->next, k++) prev = p;
    unlink_artist(ax, a, prev);
    legends_fix(ax->fig, ax, k);
    nplot__mark_dirty(ax->fig);
    return ND_OK;
}

nd_status nplot_relim(nplot_axes *ax)
{
    CHECK_AX(ax, "nplot_relim");
    axis_state *axes[2] = { &ax->xa, &ax->ya };
    for (int i = 0; i < 2; i++) {
        axes[i]->dmin = axes[i]->minpos = INFINITY;
        axes[i]->dmax = -INFINITY;
        axes[i]->has_data = false;
    }
    for (artist *a = ax->artists; a; a = a->next) nplot__update_datalim(ax, a);
    nplot__mark_dirty(ax->fig);
    return ND_OK;
}

/* An axis back to a new axes' state, keeping its sharing and, on a twin, its sides. */
static void axis_reset(nplot_axes *ax, axis_state *a, bool is_x, bool keep_sides)
{
    axis_state keep = *a;
    nplot__axis_free(a);
    nplot__axis_init(ax, a, is_x);
    a->share_root = keep.share_root;
    a->hide_ticklabels = keep.hide_ticklabels;
    if (keep_sides) {
        memcpy(a->ticks_side, keep.ticks_side, sizeof a->ticks_side);
        memcpy(a->minor_side, keep.minor_side, sizeof a->minor_side);
        memcpy(a->labels_side, keep.labels_side, sizeof a->labels_side);
        a->grid_major = keep.grid_major;
    }
}

nd_status nplot_cla(nplot_axes *ax)
{
    static const char *who = "nplot_cla";
    CHECK_AX(ax, who);
    nplot_figure *fig = ax->fig;
    if (ax->cbar_parent || ax->secondary)
        return nplot__fail(fig, ND_EVALUE, "%s: a %s axes is cleared with its parent", who,
                           ax->cbar_parent ? "colorbar" : "secondary");
    while (ax->artists) nplot_artist_remove((nplot_artist *)(void *)ax->artists);
    nplot__axes_legends_free(ax);
    ax->legend_on = false;
    bool twin = ax->twin_x_of || ax->twin_y_of, polar = ax->polar != NULL;
    axis_reset(ax, &ax->xa, true, twin);
    axis_reset(ax, &ax->ya, false, twin);
    if (ax->is3d) { /* Axes3D.clear: z margin 0 in perspective (axes.zmargin ortho), grid on */
        axis_reset(ax, &ax->za, false, false);
        if (!isinf(ax->focal)) ax->za.margin = 0; /* ortho keeps axis_init's 0.05 */
        ax->grid3d_off = false;
        ax->aspect3d = 0;
    }
    const nplot__style *st = fig->style;
    for (int i = 0; i < 3; i++) {
        nd_free_mem(ax->title[i]);
        ax->title[i] = NULL;
        ax->title_ts[i] = (text_style){ st->title_size, st->text_color, st->title_weight, TS_NORMAL,
                                        st->font_family };
    }
    ax->title_pad = st->title_pad;
    ax->line_cycle = ax->patch_cycle = 0;
    nplot__pcycle_free(ax); /* matplotlib's cla: the rc cycle again */
    nplot__containers_free(ax);
    ax->cur_image = ax->cur_image_mark = NULL;
    if (!twin) ax->face = st->axes_face;
    ax->axis_off = false;
    ax->frame_on = true;
    ax->aspect = 0;
    ax->aspect_datalim = false;
    ax->spine[0] = st->spine_left;
    ax->spine[1] = st->spine_bottom;
    ax->spine[2] = st->spine_right;
    ax->spine[3] = st->spine_top;
    memset(ax->spine_pos, 0, sizeof ax->spine_pos);
    memset(ax->spine_pos_v, 0, sizeof ax->spine_pos_v);
    memset(ax->spine_color_set, 0, sizeof ax->spine_color_set);
    memset(ax->spine_lw_set, 0, sizeof ax->spine_lw_set);
    memset(ax->spine_bounds_set, 0, sizeof ax->spine_bounds_set);
    ax->axisbelow = 0;
    if (polar) { /* the projection stays; its theta/r settings go back to the defaults */
        nd_free_mem(ax->polar);
        ax->polar = NULL;
        nd_status ps = nplot_set_projection(ax, "polar");
        if (ps) return ps;
    }
    nplot__mark_dirty(fig);
    return ND_OK;
}

nd_status nplot_fig_delaxes(nplot_figure *fig, nplot_axes *ax)
{
    static const char *who = "nplot_fig_delaxes";
    if (!fig) return nd_set_error(ND_EVALUE, "%s: figure is NULL", who);
    if (!ax) return nd_set_error(ND_EVALUE, "%s: axes is NULL", who);
    nd_status st = nplot__check(fig);
    if (st) return st;
    nplot_axes *prev = NULL, *p = fig->axes;
    while (p && p != ax) {
        prev = p;
        p = p->next;
    }
    if (!p) return nplot__fail(fig, ND_EVALUE, "%s: the axes is not in this figure", who);
    for (nplot_axes *o = fig->axes; o; o = o->next) {
        if (o == ax) continue;
        const char *what = o->twin_parent == ax ? "a twin"
                         : o->cbar_parent == ax ? "a colorbar"
                         : o->secondary && o->secondary->parent == ax ? "a secondary axes"
                         : o->xa.share_root == ax || o->ya.share_root == ax || o->za.share_root == ax
                             ? "an axes sharing its limits" : NULL;
        if (what) return nplot__fail(fig, ND_EVALUE, "%s: %s is attached to this axes: delete it "
                                                     "first", who, what);
    }
    if (prev) prev->next = ax->next;
    else fig->axes = ax->next;
    if (fig->last_axes == ax) fig->last_axes = prev;
    fig->naxes--;
    ax->next = fig->removed_axes;
    fig->removed_axes = ax;
    nplot__mark_dirty(fig);
    return ND_OK;
}

/* ---- containers (matplotlib's Axes.containers / add_container / Container.remove) ----------- */
static const char *const container_names[] = { "Container", "BarContainer", "ErrorbarContainer",
                                               "StemContainer", "Container" };

ptrdiff_t nplot_container_count(const nplot_axes *ax)
{
    if (!ax) {
        nd_set_error(ND_EVALUE, "nplot_container_count: axes is NULL");
        return -1;
    }
    return ax->ncontainers;
}

/* container i of ax (negative from the end), or NULL with ND_EINDEX */
static struct nplot__container *container_at(const nplot_axes *ax, ptrdiff_t i, const char *who)
{
    ptrdiff_t k = i < 0 ? i + ax->ncontainers : i;
    if (k < 0 || k >= ax->ncontainers) {
        nd_set_error(ND_EINDEX, "%s: index %td is out of bounds for an axes with %d containers", who, i,
                     ax->ncontainers);
        return NULL;
    }
    return &ax->containers[k];
}

const char *nplot_container_kind(const nplot_axes *ax, ptrdiff_t i)
{
    static const char *who = "nplot_container_kind";
    if (!ax) return ND_FAIL(ND_EVALUE, "%s: axes is NULL", who);
    const struct nplot__container *c = container_at(ax, i, who);
    return c ? container_names[c->kind] : NULL;
}

ptrdiff_t nplot_container_parts(const nplot_axes *ax, ptrdiff_t i, nplot_artist **out, size_t cap)
{
    static const char *who = "nplot_container_parts";
    if (!ax) return nd_set_error(ND_EVALUE, "%s: axes is NULL", who), -1;
    const struct nplot__container *c = container_at(ax, i, who);
    if (!c) return -1;
    if (cap && !out) return nd_set_error(ND_EVALUE, "%s: out is NULL", who), -1;
    ptrdiff_t n = 0;
    for (size_t j = 0; j < c->n; j++) {
        if (c->parts[j]->removed) continue;
        if ((size_t)n < cap) out[n] = (nplot_artist *)(void *)c->parts[j];
        n++;
    }
    return n;
}

ptrdiff_t nplot_add_container(nplot_axes *ax, nplot_artist *const *parts, size_t n, const char *label)
{
    static const char *who = "nplot_add_container";
    if (!ax) return nd_set_error(ND_EVALUE, "%s: axes is NULL", who), -1;
    if (nplot__check(ax->fig)) return -1;
    if (n == 0 || !parts) return nd_set_error(ND_EVALUE, "%s: a container needs at least one artist", who), -1;
    for (size_t j = 0; j < n; j++) {
        const artist *a = of(parts[j]);
        if (!a || a->removed || a->ax != ax)
            return nd_set_error(ND_EVALUE, "%s: part %zu is %s", who, j,
                                !a ? "NULL" : a->removed ? "removed" : "an artist of another axes"), -1;
    }
    char *lab = NULL;
    if (label && !(lab = nplot__strdup(ax->fig, label, who))) return -1;
    if (nplot__container_add(ax, (artist **)(void *)parts, n, CONT_USER, who)) {
        nd_free_mem(lab);
        return -1;
    }
    /* one legend entry for the group: the label on its first part (its sample), none on the others */
    if (label) {
        for (size_t j = 0; j < n; j++) {
            artist *a = of(parts[j]);
            nd_free_mem(a->label);
            a->label = NULL;
        }
        of(parts[0])->label = lab;
    }
    nplot__mark_dirty(ax->fig);
    return ax->ncontainers - 1;
}

nd_status nplot_container_remove(nplot_axes *ax, ptrdiff_t i)
{
    static const char *who = "nplot_container_remove";
    CHECK_AX(ax, who);
    struct nplot__container *c = container_at(ax, i, who);
    if (!c) return nd_last_error();
    struct nplot__container gone = *c;
    ptrdiff_t k = c - ax->containers;
    memmove(c, c + 1, sizeof *c * (size_t)(ax->ncontainers - k - 1));
    ax->ncontainers--;
    nd_status st = ND_OK;
    for (size_t j = 0; j < gone.n && !st; j++)
        if (!gone.parts[j]->removed) st = nplot_artist_remove((nplot_artist *)(void *)gone.parts[j]);
    nd_free_mem(gone.parts);
    return st;
}
