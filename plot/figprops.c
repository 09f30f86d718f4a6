/* Figure's own properties (matplotlib's Figure as an Artist), the layout engine switch, clf,
 * the current axes, children and findobj, figimage, label alignment groups and
 * autofmt_xdate (matplotlib 3.6's figure.py). The drawing side is draw_figimage.c. */
#include "legend_model.h"
#include "plot_model.h"

#include <math.h>
#include <stdio.h>
#include <string.h>

#define FIG_CHECK(fig, who)                                                    \
    do {                                                                       \
        if (!(fig)) return nd_set_error(ND_EVALUE, "%s: figure is NULL", who); \
        nd_status st_ = nplot__check(fig);                                     \
        if (st_) return st_;                                                   \
    } while (0)

/* a getter's figure: NULL sets ND_EVALUE and the getter returns its neutral value */
static bool got(const nplot_figure *fig, const char *who)
{
    if (fig) return true;
    nd_set_error(ND_EVALUE, "%s: figure is NULL", who);
    return false;
}

/* ---- size and dpi ------------------------------------------------------------------------ */
double nplot_figure_get_dpi(const nplot_figure *fig)
{
    return got(fig, "nplot_figure_get_dpi") ? fig->dpi : NAN;
}

nd_status nplot_figure_get_size_inches(const nplot_figure *fig, double out[2])
{
    if (!got(fig, "nplot_figure_get_size_inches")) return ND_EVALUE;
    if (!out) return nd_set_error(ND_EVALUE, "nplot_figure_get_size_inches: out is NULL");
    out[0] = fig->width;
    out[1] = fig->height;
    return ND_OK;
}

double nplot_figure_get_figwidth(const nplot_figure *fig)
{
    return got(fig, "nplot_figure_get_figwidth") ? fig->width : NAN;
}

double nplot_figure_get_figheight(const nplot_figure *fig)
{
    return got(fig, "nplot_figure_get_figheight") ? fig->height : NAN;
}

/* set_size_inches' checks (figure.c's, which this file does not call: figure.c is lower) */
static nd_status set_size(nplot_figure *fig, double w, double h, const char *who)
{
    if (!(isfinite(w) && w > 0 && isfinite(h) && h > 0))
        return nplot__fail(fig, ND_EVALUE, "%s: size must be positive and finite, got %g x %g",
                           who, w, h);
    if (w * fig->dpi > 32767 || h * fig->dpi > 32767)
        return nplot__fail(fig, ND_EVALUE, "%s: %g x %g in at %g dpi exceeds 32767 pixels", who,
                           w, h, fig->dpi);
    fig->width = w;
    fig->height = h;
    nplot__mark_dirty(fig);
    return ND_OK;
}

nd_status nplot_figure_set_figwidth(nplot_figure *fig, double width)
{
    FIG_CHECK(fig, "nplot_figure_set_figwidth");
    return set_size(fig, width, fig->height, "nplot_figure_set_figwidth");
}

nd_status nplot_figure_set_figheight(nplot_figure *fig, double height)
{
    FIG_CHECK(fig, "nplot_figure_set_figheight");
    return set_size(fig, fig->width, height, "nplot_figure_set_figheight");
}

/* ---- colours and the frame ------------------------------------------------------------------ */
static nd_status get_rgba(const nplot_figure *fig, const rgba *c, double out[4], const char *who)
{
    if (!got(fig, who)) return ND_EVALUE;
    if (!out) return nd_set_error(ND_EVALUE, "%s: out is NULL", who);
    out[0] = c->r, out[1] = c->g, out[2] = c->b, out[3] = c->a;
    return ND_OK;
}

static nd_status set_rgba(nplot_figure *fig, rgba *c, const char *color, const char *who)
{
    FIG_CHECK(fig, who);
    if (!color) return nplot__fail(fig, ND_EVALUE, "%s: color is NULL", who);
    rgba v;
    if (nplot__color(color, fig->style, &v, who)) return nplot__fail(fig, ND_EVALUE, "%s", nd_errmsg());
    *c = v;
    nplot__mark_dirty(fig);
    return ND_OK;
}

nd_status nplot_figure_get_facecolor(const nplot_figure *fig, double rgba[4])
{
    return get_rgba(fig, fig ? &fig->face : NULL, rgba, "nplot_figure_get_facecolor");
}

nd_status nplot_figure_set_facecolor(nplot_figure *fig, const char *color)
{
    return set_rgba(fig, fig ? &fig->face : NULL, color, "nplot_figure_set_facecolor");
}

nd_status nplot_figure_get_edgecolor(const nplot_figure *fig, double rgba[4])
{
    return get_rgba(fig, fig ? &fig->edge : NULL, rgba, "nplot_figure_get_edgecolor");
}

nd_status nplot_figure_set_edgecolor(nplot_figure *fig, const char *color)
{
    return set_rgba(fig, fig ? &fig->edge : NULL, color, "nplot_figure_set_edgecolor");
}

double nplot_figure_get_linewidth(const nplot_figure *fig)
{
    return got(fig, "nplot_figure_get_linewidth") ? fig->linewidth : NAN;
}

nd_status nplot_figure_set_linewidth(nplot_figure *fig, double lw)
{
    FIG_CHECK(fig, "nplot_figure_set_linewidth");
    if (!(isfinite(lw) && lw >= 0))
        return nplot__fail(fig, ND_EVALUE, "nplot_figure_set_linewidth: linewidth must be >= 0 "
                                           "and finite, got %g", lw);
    fig->linewidth = lw;
    nplot__mark_dirty(fig);
    return ND_OK;
}

#define BOOL_PROP(name, field, invert)                                                \
    bool nplot_figure_get_##name(const nplot_figure *fig)                             \
    {                                                                                 \
        return got(fig, "nplot_figure_get_" #name) ? (invert) != fig->field : false;  \
    }                                                                                 \
    nd_status nplot_figure_set_##name(nplot_figure *fig, bool v)                      \
    {                                                                                 \
        FIG_CHECK(fig, "nplot_figure_set_" #name);                                    \
        fig->field = (invert) != v;                                                   \
        nplot__mark_dirty(fig);                                                       \
        return ND_OK;                                                                 \
    }
BOOL_PROP(frameon, frameoff, true)
BOOL_PROP(visible, hidden, true)
BOOL_PROP(rasterized, rasterized, false)
BOOL_PROP(clip_on, clip_off, true)
BOOL_PROP(in_layout, not_in_layout, true)

/* ---- stored properties -------------------------------------------------------------------- */
static nd_status set_str(nplot_figure *fig, char **field, const char *s, const char *who)
{
    FIG_CHECK(fig, who);
    char *c = NULL;
    if (s && !(c = nplot__strdup(fig, s, who))) return nd_last_error();
    nd_free_mem(*field);
    *field = c;
    return ND_OK;
}

const char *nplot_figure_get_label(const nplot_figure *fig)
{
    if (!got(fig, "nplot_figure_get_label")) return NULL;
    return fig->label ? fig->label : "";
}

nd_status nplot_figure_set_label(nplot_figure *fig, const char *label)
{
    return set_str(fig, fig ? &fig->label : NULL, label, "nplot_figure_set_label");
}

const char *nplot_figure_get_gid(const nplot_figure *fig)
{
    return got(fig, "nplot_figure_get_gid") ? fig->gid : NULL;
}

nd_status nplot_figure_set_gid(nplot_figure *fig, const char *gid)
{
    return set_str(fig, fig ? &fig->gid : NULL, gid, "nplot_figure_set_gid");
}

const char *nplot_figure_get_url(const nplot_figure *fig)
{
    return got(fig, "nplot_figure_get_url") ? fig->url : NULL;
}

nd_status nplot_figure_set_url(nplot_figure *fig, const char *url)
{
    return set_str(fig, fig ? &fig->url : NULL, url, "nplot_figure_set_url");
}

double nplot_figure_get_zorder(const nplot_figure *fig)
{
    return got(fig, "nplot_figure_get_zorder") ? fig->zorder : NAN;
}

nd_status nplot_figure_set_zorder(nplot_figure *fig, double zorder)
{
    FIG_CHECK(fig, "nplot_figure_set_zorder");
    if (!isfinite(zorder))
        return nplot__fail(fig, ND_EVALUE, "nplot_figure_set_zorder: zorder must be finite, "
                                           "got %g", zorder);
    fig->zorder = zorder;
    return ND_OK;
}

double nplot_figure_get_alpha(const nplot_figure *fig)
{
    if (!got(fig, "nplot_figure_get_alpha")) return NAN;
    return fig->alpha < 0 ? NAN : fig->alpha;
}

nd_status nplot_figure_set_alpha(nplot_figure *fig, double alpha)
{
    FIG_CHECK(fig, "nplot_figure_set_alpha");
    if (!isnan(alpha) && !(alpha >= 0 && alpha <= 1)) /* matplotlib's message */
        return nplot__fail(fig, ND_EVALUE, "nplot_figure_set_alpha: alpha (%g) is outside 0-1 "
                                           "range", alpha);
    fig->alpha = isnan(alpha) ? -1 : alpha;
    return ND_OK;
}

nplot_snap nplot_figure_get_snap(const nplot_figure *fig)
{
    if (!got(fig, "nplot_figure_get_snap") || !fig->snap_set) return NPLOT_SNAP_AUTO;
    return fig->snap ? NPLOT_SNAP_TRUE : NPLOT_SNAP_FALSE;
}

nd_status nplot_figure_set_snap(nplot_figure *fig, nplot_snap snap)
{
    FIG_CHECK(fig, "nplot_figure_set_snap");
    if (snap != NPLOT_SNAP_AUTO && snap != NPLOT_SNAP_TRUE && snap != NPLOT_SNAP_FALSE)
        return nplot__fail(fig, ND_EVALUE, "nplot_figure_set_snap: snap must be NPLOT_SNAP_AUTO, "
                                           "_TRUE or _FALSE, got %d", (int)snap);
    fig->snap_set = snap != NPLOT_SNAP_AUTO;
    fig->snap = snap == NPLOT_SNAP_TRUE;
    return ND_OK;
}

/* ---- axes, children, findobj ------------------------------------------------------------------ */
int nplot_figure_get_axes(const nplot_figure *fig, nplot_axes **out, int cap)
{
    if (!got(fig, "nplot_figure_get_axes")) return -1;
    int n = 0;
    for (nplot_axes *a = fig->axes; a; a = a->next, n++)
        if (out && n < cap) out[n] = a;
    return n;
}

static bool subfig_text(const nplot_figure *fig, const fig_text *t)
{
    for (const nplot_subfigure *s = fig->subfigs; s; s = s->next)
        if (t == s->suptitle || t == s->supxlabel || t == s->supylabel) return true;
    return false;
}

int nplot_figure_get_children(const nplot_figure *fig, nplot_fig_child *out, int cap)
{
    if (!got(fig, "nplot_figure_get_children")) return -1;
    int n = 0;
#define PUT(k, a, s)                                                      \
    do {                                                                  \
        if (out && n < cap) out[n] = (nplot_fig_child){ (k), (a), (s) }; \
        n++;                                                              \
    } while (0)
    PUT("patch", NULL, NULL);
    for (nplot_axes *a = fig->axes; a; a = a->next) /* a subfigure's axes are its children */
        if (!a->gs || !a->gs->sf) PUT("axes", a, NULL);
    for (const fig_text *t = fig->texts; t; t = t->next)
        if (!subfig_text(fig, t)) PUT("text", NULL, NULL);
    if (fig->suptitle && fig->suptitle[0]) PUT("text", NULL, NULL);
    for (const fig_image *im = fig->figimages; im; im = im->next) PUT("image", NULL, NULL);
    for (const struct legend_spec *l = fig->legends; l; l = l->next)
        PUT("legend", NULL, NULL);
    for (nplot_subfigure *s = fig->subfigs; s; s = s->next)
        if (!s->parent) PUT("subfigure", NULL, s);
#undef PUT
    return n;
}

ptrdiff_t nplot_findobj(nplot_figure *fig, const char *kind, nplot_artist **out, ptrdiff_t cap)
{
    if (!got(fig, "nplot_findobj")) return -1;
    ptrdiff_t n = 0;
    for (nplot_axes *ax = fig->axes; ax; ax = ax->next)
        for (artist *a = ax->artists; a; a = a->next) {
            nplot_artist *h = (nplot_artist *)(void *)a;
            if (a->map.cbar_gradient) continue; /* a colorbar's own solids */
            if (kind && strcmp(nplot_artist_kind(h), kind) != 0) continue;
            if (out && n < cap) out[n] = h;
            n++;
        }
    return n;
}

/* ---- clf ------------------------------------------------------------------------------------ */
nd_status nplot_clf(nplot_figure *fig)
{
    FIG_CHECK(fig, "nplot_clf");
    while (fig->axes) { /* to the graveyard: handles stay valid (as nplot_fig_delaxes) */
        nplot_axes *a = fig->axes;
        fig->axes = a->next;
        for (artist *r = a->artists; r; r = r->next) r->removed = true; /* setters refuse */
        a->next = fig->removed_axes;
        fig->removed_axes = a;
    }
    fig->last_axes = NULL;
    fig->naxes = 0;
    fig->cur_axes = fig->cur_axes_last = NULL;
    for (fig_text *t = fig->texts, *n; t; t = n) {
        n = t->next;
        nd_free_mem(t->text);
        nd_free_mem(t);
    }
    fig->texts = NULL;
    fig->supxlabel = fig->supylabel = NULL;
    nd_free_mem(fig->suptitle);
    fig->suptitle = NULL;
    nplot__legends_free(fig->legends);
    fig->legends = NULL;
    for (fig_image *im = fig->figimages, *n; im; im = n) {
        n = im->next;
        nd_free_mem(im->rgba8);
        nd_free_mem(im);
    }
    fig->figimages = fig->last_figimage = NULL;
    while (fig->subfigs) {
        nplot_subfigure *s = fig->subfigs;
        fig->subfigs = s->next;
        s->suptitle = s->supxlabel = s->supylabel = NULL; /* freed with fig->texts */
        s->next = fig->cleared_subfigs;
        fig->cleared_subfigs = s;
    }
    fig->last_subfig = NULL;
    fig->tight_sf_warned = false;
    nplot__mark_dirty(fig);
    return ND_OK;
}

/* ---- current axes ---------------------------------------------------------------------------- */
static bool in_fig(const nplot_figure *fig, const nplot_axes *ax)
{
    for (const nplot_axes *a = fig->axes; a; a = a->next)
        if (a == ax) return true;
    return false;
}

/* colorbars and secondary axes never become current (matplotlib sca's back after them) */
static bool stackable(const nplot_axes *a) { return !a->cbar_parent && !a->secondary; }

nplot_axes *nplot_gca(nplot_figure *fig)
{
    if (!fig) return nd_set_error(ND_EVALUE, "nplot_gca: figure is NULL"), NULL;
    if (nplot__check(fig)) return NULL;
    nplot_axes *cur = NULL;
    const nplot_axes *from = fig->axes;
    if (fig->cur_axes && in_fig(fig, fig->cur_axes)) {
        cur = fig->cur_axes;
        from = in_fig(fig, fig->cur_axes_last) ? fig->cur_axes_last->next : NULL;
    }
    for (const nplot_axes *a = from; a; a = a->next) /* created after the sca */
        if (stackable(a)) cur = (nplot_axes *)a;
    if (cur) return cur;
    return nplot_subplot(fig, 1, 1, 1);
}

nd_status nplot_sca(nplot_figure *fig, nplot_axes *ax)
{
    FIG_CHECK(fig, "nplot_sca");
    if (!ax || !in_fig(fig, ax))
        return nplot__fail(fig, ND_EVALUE, "nplot_sca: the axes is %s", ax ? "not in this figure"
                                                                            : "NULL");
    fig->cur_axes = ax;
    fig->cur_axes_last = fig->last_axes;
    return ND_OK;
}

/* ---- figimage -------------------------------------------------------------------------------- */
static unsigned char byte_of(double v) /* matplotlib's to_rgba(bytes=True): (v * 255) truncated */
{
    v = nplot__clampd(v, 0, 1);
    return (unsigned char)(v * 255);
}

nd_status nplot_figimage_(nplot_figure *fig, const nd_array *X, const nplot_figimage_opts *o)
{
    static const char *who = "nplot_figimage";
    FIG_CHECK(fig, who);
    o = NPLOT__OPTS(o, nplot_figimage_opts);
    if (!X) return nplot__fail(fig, ND_EVALUE, "%s: image is NULL", who);
    int nd = nd_ndim(X);
    const ptrdiff_t *sh = nd_shape(X);
    int nch = nd == 3 ? (int)sh[2] : 1;
    if (nd < 2 || nd > 3 || (nd == 3 && nch != 3 && nch != 4))
        return nplot__fail(fig, ND_ESHAPE, "%s: image must be (h, w), (h, w, 3) or (h, w, 4), got "
                                           "%d dimensions%s", who, nd,
                           nd == 3 ? " with a last axis other than 3 or 4" : "");
    if (sh[0] < 1 || sh[1] < 1 || sh[0] > 1 << 15 || sh[1] > 1 << 15)
        return nplot__fail(fig, ND_ESHAPE, "%s: image of %td x %td pixels is empty or too large "
                                           "(32768 max)", who, sh[0], sh[1]);
    bool upper = true;
    if (o->origin && strcmp(o->origin, "upper") != 0) {
        if (strcmp(o->origin, "lower") != 0)
            return nplot__fail(fig, ND_EVALUE, "%s: origin must be 'upper' or 'lower', got '%s'",
                               who, o->origin);
        upper = false;
    }
    double alpha = o->alpha == 0 ? 1 : o->alpha == NPLOT_ZERO ? 0 : o->alpha;
    if (!(alpha >= 0 && alpha <= 1))
        return nplot__fail(fig, ND_EVALUE, "%s: alpha (%g) is outside 0-1 range", who, o->alpha);
    if (!isfinite(o->xo) || !isfinite(o->yo))
        return nplot__fail(fig, ND_EVALUE, "%s: xo and yo must be finite, got %g, %g", who, o->xo,
                           o->yo);
    int h = (int)sh[0], w = (int)sh[1];
    if (o->resize) {
        nd_status st = set_size(fig, w / fig->dpi, h / fig->dpi, who);
        if (st) return st;
    }
    bool bytes = nd_dtype_of(X) == ND_UINT8;
    double *z = NULL;
    size_t n = 0;
    nd_status st = nplot__to_f64(fig, X, &z, &n, "image", who);
    if (st) return st;
    fig_image *im = nd_calloc(1, sizeof *im, who);
    unsigned char *px = im ? nd_malloc((size_t)w * h * 4, who) : NULL;
    if (!px) {
        nd_free_mem(im);
        nd_free_mem(z);
        return nplot__fail(fig, ND_ENOMEM, "%s: out of memory for a %d x %d image", who, h, w);
    }
    if (nch == 1) {
        mappable m;
        st = nplot__mappable_init(fig, &m, o->cmap, o->norm, o->vmin, o->vmax, z, n, who);
        for (size_t i = 0; i < n && !st; i++) {
            rgba c = nplot__cmap_at(&m.cm, nplot__norm_fwd(&m, z[i]));
            px[4 * i] = byte_of(c.r), px[4 * i + 1] = byte_of(c.g), px[4 * i + 2] = byte_of(c.b);
            px[4 * i + 3] = byte_of(c.a * alpha);
        }
    } else {
        for (size_t i = 0; i < (size_t)w * h; i++) {
            for (int k = 0; k < 4; k++) {
                double v = k < nch ? z[i * nch + k] : bytes ? 255 : 1;
                if (bytes) v /= 255;
                if (k == 3) v *= alpha;
                px[4 * i + k] = bytes && k < 3 ? (unsigned char)lround(v * 255) : byte_of(v);
            }
        }
    }
    nd_free_mem(z);
    if (st) {
        nd_free_mem(px);
        nd_free_mem(im);
        return st;
    }
    *im = (fig_image){ .w = w, .h = h, .rgba8 = px, .xo = o->xo, .yo = o->yo, .origin_upper = upper };
    if (fig->last_figimage) fig->last_figimage->next = im;
    else fig->figimages = im;
    fig->last_figimage = im;
    nplot__mark_dirty(fig);
    return ND_OK;
}

/* ---- label alignment -------------------------------------------------------------------------- */
/* the side the axis label sits on (draw_axes.c's rule): 0 bottom / left, 1 top / right */
static int label_side(const axis_state *a)
{
    int side = a->labels_side[0] || a->ticks_side[0] ? 0 : 1;
    if (a->labels_side[1] && !a->labels_side[0]) side = 1;
    return side;
}

/* matplotlib's Grouper.join: the two groups become one */
static void join(nplot_figure *fig, nplot_axes *a, nplot_axes *b, int k)
{
    int ga = a->align_group[k], gb = b->align_group[k];
    if (!ga && !gb) a->align_group[k] = b->align_group[k] = ++fig->align_next;
    else if (!ga) a->align_group[k] = gb;
    else if (!gb) b->align_group[k] = ga;
    else if (ga != gb)
        for (nplot_axes *o = fig->axes; o; o = o->next)
            if (o->align_group[k] == gb) o->align_group[k] = ga;
}

static nd_status align(nplot_figure *fig, nplot_axes *const *axs, int n, int k, const char *who)
{
    FIG_CHECK(fig, who);
    if (n < 0 || (n > 0 && !axs))
        return nplot__fail(fig, ND_EVALUE, "%s: %d axes at %p", who, n, (const void *)axs);
    nplot_axes *const *list = axs;
    nplot_axes **all = NULL;
    if (!axs || n == 0) {
        n = fig->naxes;
        all = nd_malloc(sizeof *all * (size_t)(n ? n : 1), who);
        if (!all) return nplot__fail(fig, ND_ENOMEM, "%s: out of memory", who);
        nplot_figure_get_axes(fig, all, n);
        list = all;
    }
    for (int i = 0; i < n; i++)
        if (!list[i] || !in_fig(fig, list[i])) {
            nd_free_mem(all);
            return nplot__fail(fig, ND_EVALUE, "%s: axes %d is %s", who, i,
                               list[i] ? "not in this figure" : "NULL");
        }
    for (int i = 0; i < n; i++) {
        nplot_axes *a = list[i];
        if (!a->gs || a->is3d || a->polar) continue; /* only subplots (matplotlib) */
        const axis_state *as = k ? &a->ya : &a->xa;
        int pos = label_side(as);
        for (int j = 0; j < n; j++) {
            nplot_axes *c = list[j];
            if (!c->gs || c->is3d || c->polar) continue;
            if (label_side(k ? &c->ya : &c->xa) != pos) continue;
            /* x: bottom labels share the last row, top ones the first; y: left ones the first
             * column, right ones the last */
            bool same = k == 0 ? (pos ? a->r0 == c->r0 : a->r1 == c->r1)
                               : (pos ? a->c1 == c->c1 : a->c0 == c->c0);
            if (same) join(fig, a, c, k);
        }
    }
    nd_free_mem(all);
    nplot__mark_dirty(fig);
    return ND_OK;
}

nd_status nplot_align_xlabels(nplot_figure *fig, nplot_axes *const *axs, int n)
{
    return align(fig, axs, n, 0, "nplot_align_xlabels");
}

nd_status nplot_align_ylabels(nplot_figure *fig, nplot_axes *const *axs, int n)
{
    return align(fig, axs, n, 1, "nplot_align_ylabels");
}

nd_status nplot_align_labels(nplot_figure *fig, nplot_axes *const *axs, int n)
{
    nd_status st = align(fig, axs, n, 0, "nplot_align_labels");
    return st ? st : align(fig, axs, n, 1, "nplot_align_labels");
}

/* ---- autofmt_xdate ------------------------------------------------------------------------------ */
nd_status nplot_autofmt_xdate_(nplot_figure *fig, const nplot_autofmt_opts *o)
{
    static const char *who = "nplot_autofmt_xdate";
    FIG_CHECK(fig, who);
    o = NPLOT__OPTS(o, nplot_autofmt_opts);
    const char *which = o->which ? o->which : "major";
    bool minor = strcmp(which, "minor") == 0;
    if (!minor && strcmp(which, "major") != 0 && strcmp(which, "both") != 0)
        return nplot__fail(fig, ND_EVALUE, "%s: '%s' is not a valid value for which; supported "
                                           "values are 'major', 'minor', 'both'", who, which);
    const char *has = o->ha ? o->ha : "right";
    int ha = nplot__parse_ha(has);
    if (ha < 0)
        return nplot__fail(fig, ND_EVALUE, "%s: ha must be 'left', 'center' or 'right', got '%s'",
                           who, has);
    double rot = o->rotation == 0 ? 30 : o->rotation == NPLOT_ZERO ? 0 : o->rotation;
    double bottom = o->bottom == 0 ? 0.2 : o->bottom == NPLOT_ZERO ? 0 : o->bottom;
    if (!isfinite(rot))
        return nplot__fail(fig, ND_EVALUE, "%s: rotation must be finite, got %g", who, rot);
    bool allsub = true;
    for (nplot_axes *a = fig->axes; a; a = a->next) allsub = allsub && a->gs;
    if (allsub && !(bottom >= 0 && bottom < fig->top)) /* subplots_adjust's check */
        return nplot__fail(fig, ND_EVALUE, "%s: bottom cannot be >= top (%g >= %g)", who, bottom,
                           fig->top);
    /* numc draws no minor tick labels: which = "minor" rotates nothing it draws */
    for (nplot_axes *a = fig->axes; a; a = a->next) {
        if (fig->naxes != 1 && !allsub) break;
        bool last_row = fig->naxes == 1 || a->r1 == a->gs->nrows;
        if (last_row) {
            if (!minor) {
                a->xa.label_rotation = rot;
                a->xa.label_ha = ha;
            }
        } else {
            if (!minor) a->xa.hide_ticklabels = true;
            nd_free_mem(a->xa.label);
            a->xa.label = NULL;
        }
    }
    /* subplots_adjust(bottom): a tight engine redoes it at draw, a constrained one refuses */
    if (allsub && fig->naxes > 0) {
        if (fig->constrained)
            nd_warn("%s: This figure was using a layout engine that is incompatible with "
                    "subplots_adjust and/or tight_layout; not calling subplots_adjust.", who);
        else
            fig->bottom = bottom;
    }
    nplot__mark_dirty(fig);
    return ND_OK;
}

nd_status nplot_axis_label_pixel_box(nplot_axes *ax, const char *axis, double box[4])
{
    static const char *who = "nplot_axis_label_pixel_box";
    CHECK_AX(ax, who);
    if (!axis || (strcmp(axis, "x") != 0 && strcmp(axis, "y") != 0))
        return nd_set_error(ND_EVALUE, "%s: axis must be \"x\" or \"y\", got %s", who,
                            axis ? axis : "NULL");
    if (!box) return nd_set_error(ND_EVALUE, "%s: box is NULL", who);
    const double *b = ax->label_px[axis[0] == 'y'];
    if (!ax->fig->laid_out || !(b[0] < b[2]))
        return nd_set_error(ND_EVALUE, "%s: the %s axis has no label drawn (call "
                                       "nplot_figure_draw after setting it)", who, axis);
    memcpy(box, b, 4 * sizeof *b);
    return ND_OK;
}
