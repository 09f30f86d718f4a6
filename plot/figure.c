/* Figures: creation, subplots, GridSpec, subplot params, figure text. */
#include "plot_model.h"

#include <ctype.h>
#include <math.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static bool good_size(double v) { return isfinite(v) && v > 0; }

nplot_figure *nplot_figure_new_(const nplot_figure_opts *o)
{
    static const char *who = "nplot_figure_new";
    o = NPLOT__OPTS(o, nplot_figure_opts);
    /* the thread's rc table (rc.c), with o->style applied on top, resolved for this figure */
    nplot__style *st = nd_malloc(sizeof *st, who);
    if (!st) return NULL;
    if (nplot__style_snapshot(o->style, st, who)) return nd_free_mem(st), NULL;
    double w = o->width == 0 ? st->fig_width : o->width;
    double h = o->height == 0 ? st->fig_height : o->height;
    double dpi = o->dpi == 0 ? st->fig_dpi : o->dpi;
    const char *bad = NULL;
    if (!good_size(w) || !good_size(h))
        bad = (nd_set_error(ND_EVALUE, "%s: figure size must be positive and finite, got %g x %g",
                            who, w, h), "");
    else if (!good_size(dpi) || dpi > 10000)
        bad = (nd_set_error(ND_EVALUE, "%s: dpi must be in (0, 10000], got %g", who, dpi), "");
    else if (w * dpi > 32767 || h * dpi > 32767)
        bad = (nd_set_error(ND_EVALUE, "%s: %g x %g in at %g dpi exceeds 32767 pixels", who, w, h,
                            dpi), "");
    rgba face = st->fig_face;
    if (!bad && o->facecolor && nplot__color(o->facecolor, st, &face, who)) bad = "";
    nplot_figure *fig = bad ? NULL : nd_calloc(1, sizeof *fig, who);
    if (!fig) return nd_free_mem(st), NULL;
    fig->width = w;
    fig->height = h;
    fig->dpi = dpi;
    fig->face = face;
    fig->style = fig->style_owned = st;
    fig->left = 0.125;
    fig->right = 0.9;
    fig->bottom = 0.11;
    fig->top = 0.88;
    fig->wspace = 0.2;
    fig->hspace = 0.2;
    /* figprops.c's properties: matplotlib's figure.edgecolor (white) and frameon, alpha None */
    fig->edge = (rgba){ 1, 1, 1, 1 };
    fig->alpha = -1;
    /* constrained layout's defaults: figure.constrained_layout.w_pad / h_pad 3/72 in,
     * wspace / hspace 0.02 */
    fig->cl_wpad = fig->cl_hpad = 3.0 / 72;
    fig->cl_wspace = fig->cl_hspace = 0.02;
    if (o->layout && (!strcmp(o->layout, "constrained") || !strcmp(o->layout, "compressed"))) {
        fig->constrained = true;
        fig->cl_compress = !strcmp(o->layout, "compressed");
    } else if (o->layout && !strcmp(o->layout, "tight")) {
        fig->tight = true;
        fig->tight_pad = fig->tight_hpad = fig->tight_wpad = 1.08;
    } else if (o->layout && strcmp(o->layout, "none")) {
        nd_set_error(ND_EVALUE, "%s: layout must be 'constrained', 'compressed', 'tight' or "
                     "'none', got '%s'", who, o->layout);
        nd_free_mem(st);
        nd_free_mem(fig);
        return NULL;
    }
    return fig;
}

void nplot_figure_free(nplot_figure *fig)
{
    if (!fig) return;
    nd_free_mem(fig->style_owned);
    for (nplot_axes *a = fig->axes, *n; a; a = n) {
        n = a->next;
        nplot__axes_free(a);
    }
    for (nplot_axes *a = fig->removed_axes, *n; a; a = n) {
        n = a->next;
        nplot__axes_free(a);
    }
    for (artist *a = fig->removed_artists, *n; a; a = n) {
        n = a->next;
        nplot__artist_free(a);
    }
    for (nplot_gridspec *g = fig->gridspecs, *n; g; g = n) {
        n = g->next;
        nd_free_mem(g->wr);
        nd_free_mem(g->hr);
        nd_free_mem(g);
    }
    for (fig_text *t = fig->texts, *n; t; t = n) {
        n = t->next;
        nd_free_mem(t->text);
        nd_free_mem(t);
    }
    nplot__legends_free(fig->legends);
    for (nplot_mosaic *m = fig->mosaics, *n; m; m = n) {
        n = m->next;
        for (int i = 0; i < m->n; i++) nd_free_mem(m->labels[i]);
        nd_free_mem(m->labels);
        nd_free_mem(m->axes);
        nd_free_mem(m);
    }
    nd_free_mem(fig->suptitle);
    for (int k = 0; k < 2; k++) /* subfigure.c's, and those nplot_clf kept (figprops.c) */
        for (struct nplot_subfigure *s = k ? fig->cleared_subfigs : fig->subfigs, *n; s; s = n) {
            n = s->next;
            nd_free_mem(s);
        }
    for (fig_image *im = fig->figimages, *n; im; im = n) { /* figprops.c's */
        n = im->next;
        nd_free_mem(im->rgba8);
        nd_free_mem(im);
    }
    nd_free_mem(fig->label);
    nd_free_mem(fig->gid);
    nd_free_mem(fig->url);
    nd_free_mem(fig->clip_path);
    nd_free_mem(fig);
}

nd_status nplot_figure_status(const nplot_figure *fig)
{
    return fig ? fig->status : ND_EVALUE;
}

const char *nplot_figure_errmsg(const nplot_figure *fig)
{
    return fig ? fig->errmsg : "nplot: figure is NULL";
}

nd_status nplot_figure_set_size_inches(nplot_figure *fig, double width, double height)
{
    nd_status st = nplot__check(fig);
    if (st) return st;
    if (!good_size(width) || !good_size(height))
        return nplot__fail(fig, ND_EVALUE, "nplot_figure_set_size_inches: size must be "
                                           "positive and finite, got %g x %g", width, height);
    if (width * fig->dpi > 32767 || height * fig->dpi > 32767)
        return nplot__fail(fig, ND_EVALUE, "nplot_figure_set_size_inches: %g x %g in at %g dpi "
                                           "exceeds 32767 pixels", width, height, fig->dpi);
    fig->width = width;
    fig->height = height;
    nplot__mark_dirty(fig);
    return ND_OK;
}

nd_status nplot_figure_set_dpi(nplot_figure *fig, double dpi)
{
    nd_status st = nplot__check(fig);
    if (st) return st;
    if (!good_size(dpi) || dpi > 10000 || fig->width * dpi > 32767 || fig->height * dpi > 32767)
        return nplot__fail(fig, ND_EVALUE, "nplot_figure_set_dpi: dpi %g is out of range for a "
                                           "%g x %g in figure", dpi, fig->width, fig->height);
    fig->dpi = dpi;
    nplot__mark_dirty(fig);
    return ND_OK;
}

nd_status nplot_figure_pixel_size(const nplot_figure *fig, int *width, int *height)
{
    if (!fig) return nd_set_error(ND_EVALUE, "nplot_figure_pixel_size: figure is NULL");
    /* matplotlib rounds the canvas size: 6.4 in x 100 dpi = 640 px */
    if (width) *width = (int)lround(fig->width * fig->dpi);
    if (height) *height = (int)lround(fig->height * fig->dpi);
    return ND_OK;
}

/* ---- subplots ---------------------------------------------------------------------------------- */
static nplot_gridspec *gridspec_make(nplot_figure *fig, int nrows, int ncols, const char *who)
{
    if (nrows < 1 || ncols < 1 || nrows > 1000 || ncols > 1000) {
        nplot__fail(fig, ND_EVALUE, "%s: grid must be at least 1x1 (and at most 1000x1000), "
                                    "got %dx%d", who, nrows, ncols);
        return NULL;
    }
    nplot_gridspec *g = nd_calloc(1, sizeof *g, who);
    if (!g) {
        nplot__fail(fig, ND_ENOMEM, "%s: out of memory", who);
        return NULL;
    }
    g->fig = fig;
    g->nrows = nrows;
    g->ncols = ncols;
    g->left = g->right = g->bottom = g->top = g->wspace = g->hspace = -1;
    g->next = fig->gridspecs;
    fig->gridspecs = g;
    return g;
}

static nplot_axes *place(nplot_gridspec *g, int r0, int r1, int c0, int c1, const char *who)
{
    nplot_axes *ax = nplot__axes_new(g->fig, who);
    if (!ax) return NULL;
    ax->gs = g;
    ax->r0 = r0;
    ax->r1 = r1;
    ax->c0 = c0;
    ax->c1 = c1;
    return ax;
}

nplot_axes *nplot_subplot(nplot_figure *fig, int nrows, int ncols, int index)
{
    static const char *who = "nplot_subplot";
    if (nplot__check(fig)) return NULL;
    if (nrows < 1 || ncols < 1 || index < 1 || index > nrows * ncols) {
        nplot__fail(fig, ND_EVALUE, "%s: index %d is out of range for a %dx%d grid (1..%d)", who,
                    index, nrows, ncols, nrows * ncols);
        return NULL;
    }
    /* reuse one gridspec per geometry so subplot(2,2,1) and (2,2,2) share spacing */
    nplot_gridspec *g = NULL;
    for (nplot_gridspec *q = fig->gridspecs; q; q = q->next)
        if (q->nrows == nrows && q->ncols == ncols && !q->wr && !q->hr && q->left < 0 &&
            !q->parent && !q->sf)
            g = q;
    if (!g && !(g = gridspec_make(fig, nrows, ncols, who))) return NULL;
    int r = (index - 1) / ncols, c = (index - 1) % ncols;
    return place(g, r, r + 1, c, c + 1, who);
}

nd_status nplot_subplots_(nplot_figure *fig, int nrows, int ncols, nplot_axes **axs,
                               const nplot_subplots_opts *o)
{
    static const char *who = "nplot_subplots";
    nd_status st = nplot__check(fig);
    if (st) return st;
    if (!axs) return nplot__fail(fig, ND_EVALUE, "%s: axs is NULL", who);
    o = NPLOT__OPTS(o, nplot_subplots_opts);
    if ((unsigned)o->sharex > NPLOT_SHARE_COL || (unsigned)o->sharey > NPLOT_SHARE_COL)
        return nplot__fail(fig, ND_EVALUE, "%s: sharex/sharey must be NPLOT_SHARE_NONE, ALL, "
                                           "ROW or COL", who);
    nplot_gridspec *g = gridspec_make(fig, nrows, ncols, who);
    if (!g) return fig->status;
    for (int r = 0; r < nrows; r++)
        for (int c = 0; c < ncols; c++) {
            nplot_axes *ax = place(g, r, r + 1, c, c + 1, who);
            if (!ax) return fig->status;
            axs[r * ncols + c] = ax;
        }
    for (int r = 0; r < nrows; r++)
        for (int c = 0; c < ncols; c++) {
            nplot_axes *ax = axs[r * ncols + c];
            nplot_share sx = o->sharex, sy = o->sharey;
            nplot_axes *rx = sx == NPLOT_SHARE_ALL ? axs[0] : sx == NPLOT_SHARE_ROW ? axs[r * ncols]
                            : sx == NPLOT_SHARE_COL ? axs[c] : NULL;
            nplot_axes *ry = sy == NPLOT_SHARE_ALL ? axs[0] : sy == NPLOT_SHARE_ROW ? axs[r * ncols]
                            : sy == NPLOT_SHARE_COL ? axs[c] : NULL;
            if (rx && rx != ax) ax->xa.share_root = rx;
            if (ry && ry != ax) ax->ya.share_root = ry;
            /* label_outer: x tick labels only on the bottom row when x is shared by
             * column or by all; y tick labels only on the first column likewise. */
            if ((sx == NPLOT_SHARE_ALL || sx == NPLOT_SHARE_COL) && r != nrows - 1)
                ax->xa.hide_ticklabels = true;
            if ((sy == NPLOT_SHARE_ALL || sy == NPLOT_SHARE_ROW) && c != 0)
                ax->ya.hide_ticklabels = true;
        }
    return ND_OK;
}

nplot_axes *nplot_add_axes(nplot_figure *fig, double left, double bottom, double width,
                           double height)
{
    static const char *who = "nplot_add_axes";
    if (nplot__check(fig)) return NULL;
    if (!isfinite(left) || !isfinite(bottom) || !(width > 0) || !(height > 0) ||
        !isfinite(width) || !isfinite(height)) {
        nplot__fail(fig, ND_EVALUE, "%s: rect [%g, %g, %g, %g] needs finite values and a "
                                    "positive width and height", who, left, bottom, width, height);
        return NULL;
    }
    nplot_axes *ax = nplot__axes_new(fig, who);
    if (!ax) return NULL;
    ax->rect[0] = left;
    ax->rect[1] = bottom;
    ax->rect[2] = width;
    ax->rect[3] = height;
    return ax;
}

nplot_gridspec *nplot_gridspec_new_(nplot_figure *fig, int nrows, int ncols,
                                        const nplot_gridspec_opts *o)
{
    static const char *who = "nplot_gridspec_new";
    if (nplot__check(fig)) return NULL;
    o = NPLOT__OPTS(o, nplot_gridspec_opts);
    nplot_gridspec *g = gridspec_make(fig, nrows, ncols, who);
    if (!g) return NULL;
    if (NPLOT__CHECK_LEN(fig, who, "width_ratios", o->width_ratios, (size_t)ncols,
                         "the grid has ncols ="))
        return NULL;
    if (o->width_ratios.v) {
        g->wr = nd_malloc(sizeof(double) * (size_t)ncols, who);
        if (!g->wr) {
            nplot__fail(fig, ND_ENOMEM, "%s: out of memory", who);
            return NULL;
        }
        for (int i = 0; i < ncols; i++) {
            if (!(o->width_ratios.v[i] > 0) || !isfinite(o->width_ratios.v[i])) {
                nplot__fail(fig, ND_EVALUE, "%s: width_ratios[%d] = %g must be positive", who, i,
                            o->width_ratios.v[i]);
                return NULL;
            }
            g->wr[i] = o->width_ratios.v[i];
        }
    }
    if (NPLOT__CHECK_LEN(fig, who, "height_ratios", o->height_ratios, (size_t)nrows,
                         "the grid has nrows ="))
        return NULL;
    if (o->height_ratios.v) {
        g->hr = nd_malloc(sizeof(double) * (size_t)nrows, who);
        if (!g->hr) {
            nplot__fail(fig, ND_ENOMEM, "%s: out of memory", who);
            return NULL;
        }
        for (int i = 0; i < nrows; i++) {
            if (!(o->height_ratios.v[i] > 0) || !isfinite(o->height_ratios.v[i])) {
                nplot__fail(fig, ND_EVALUE, "%s: height_ratios[%d] = %g must be positive", who, i,
                            o->height_ratios.v[i]);
                return NULL;
            }
            g->hr[i] = o->height_ratios.v[i];
        }
    }
    if (o->left) g->left = o->left;
    if (o->right) g->right = o->right;
    if (o->bottom) g->bottom = o->bottom;
    if (o->top) g->top = o->top;
    if (o->wspace) g->wspace = o->wspace;
    if (o->hspace) g->hspace = o->hspace;
    return g;
}

/* One item of a grid spec: "1", "-1", ":", "1:", ":2", "0:2". Writes [lo, hi). */
static bool parse_span(const char **ps, int n, int *lo, int *hi)
{
    const char *s = *ps;
    while (*s == ' ') s++;
    long a = 0, b = n;
    bool has_a = false, has_b = false, colon = false;
    char *end;
    if (*s == '-' || isdigit((unsigned char)*s)) {
        a = strtol(s, &end, 10);
        s = end;
        has_a = true;
    }
    while (*s == ' ') s++;
    if (*s == ':') {
        colon = true;
        s++;
        while (*s == ' ') s++;
        if (*s == '-' || isdigit((unsigned char)*s)) {
            b = strtol(s, &end, 10);
            s = end;
            has_b = true;
        }
    }
    while (*s == ' ') s++;
    *ps = s;
    if (!colon) {
        if (!has_a) return false;
        if (a < 0) a += n;
        if (a < 0 || a >= n) return false;
        *lo = (int)a;
        *hi = (int)a + 1;
        return true;
    }
    if (has_a && a < 0) a += n;
    if (has_b && b < 0) b += n;
    if (a < 0) a = 0;
    if (b > n) b = n;
    if (a >= b) return false;
    *lo = (int)a;
    *hi = (int)b;
    return true;
}

nplot_axes *nplot_gridspec_subplot(nplot_gridspec *gs, const char *spec)
{
    static const char *who = "nplot_gridspec_subplot";
    if (!gs) {
        nd_set_error(ND_EVALUE, "%s: gridspec is NULL", who);
        return NULL;
    }
    if (nplot__check(gs->fig)) return NULL;
    if (!spec) {
        nplot__fail(gs->fig, ND_EPARSE, "%s: spec is NULL", who);
        return NULL;
    }
    const char *p = spec;
    int r0, r1, c0 = 0, c1 = gs->ncols;
    if (!parse_span(&p, gs->nrows, &r0, &r1)) goto bad;
    if (*p == ',') {
        p++;
        if (!parse_span(&p, gs->ncols, &c0, &c1)) goto bad;
    }
    if (*p) goto bad;
    return place(gs, r0, r1, c0, c1, who);
bad:
    nplot__fail(gs->fig, ND_EINDEX, "%s: '%s' is not a valid span of a %dx%d grid", who, spec,
                gs->nrows, gs->ncols);
    return NULL;
}

nd_status nplot_subplots_adjust_(nplot_figure *fig, const nplot_adjust_opts *o)
{
    static const char *who = "nplot_subplots_adjust";
    nd_status st = nplot__check(fig);
    if (st) return st;
    o = NPLOT__OPTS(o, nplot_adjust_opts);
    double l = o->left ? o->left : fig->left, r = o->right ? o->right : fig->right;
    double b = o->bottom ? o->bottom : fig->bottom, t = o->top ? o->top : fig->top;
    double ws = o->wspace ? o->wspace : fig->wspace, hs = o->hspace ? o->hspace : fig->hspace;
    if (!(l < r) || !(b < t) || l < 0 || r > 1 || b < 0 || t > 1 || !(ws >= 0) || !(hs >= 0))
        return nplot__fail(fig, ND_EVALUE, "%s: need 0 <= left < right <= 1 and 0 <= bottom < "
                                           "top <= 1 and spaces >= 0, got left=%g right=%g "
                                           "bottom=%g top=%g wspace=%g hspace=%g",
                           who, l, r, b, t, ws, hs);
    fig->left = l;
    fig->right = r;
    fig->bottom = b;
    fig->top = t;
    fig->wspace = ws;
    fig->hspace = hs;
    fig->tight = false;
    nplot__mark_dirty(fig);
    return ND_OK;
}

nd_status nplot_tight_layout_(nplot_figure *fig, const nplot_tight_opts *o)
{
    nd_status st = nplot__check(fig);
    if (st) return st;
    o = NPLOT__OPTS(o, nplot_tight_opts);
    if (o->pad < 0 || o->h_pad < 0 || o->w_pad < 0)
        return nplot__fail(fig, ND_EVALUE, "nplot_tight_layout: pads must be >= 0");
    fig->tight = true;
    fig->constrained = false; /* matplotlib: the tight engine replaces the constrained one */
    fig->tight_pad = o->pad ? o->pad : 1.08;
    fig->tight_hpad = o->h_pad ? o->h_pad : fig->tight_pad;
    fig->tight_wpad = o->w_pad ? o->w_pad : fig->tight_pad;
    nplot__mark_dirty(fig);
    return ND_OK;
}

/* ---- figure text ------------------------------------------------------------------------------ */
nd_status nplot_fig_text_(nplot_figure *fig, double x, double y, const char *s,
                               const nplot_text_opts *o)
{
    static const char *who = "nplot_fig_text";
    nd_status st = nplot__check(fig);
    if (st) return st;
    o = NPLOT__OPTS(o, nplot_text_opts);
    if (!isfinite(x) || !isfinite(y))
        return nplot__fail(fig, ND_EVALUE, "%s: position (%g, %g) must be finite", who, x, y);
    fig_text *t = nd_calloc(1, sizeof *t, who);
    if (!t) return nplot__fail(fig, ND_ENOMEM, "%s: out of memory", who);
    if ((st = nplot__text_style_from(fig, o, fig->style->font_size, &t->ts, who))) {
        nd_free_mem(t);
        return st;
    }
    t->ha = nplot__parse_ha(o->ha);
    t->va = nplot__parse_va(o->va);
    if (t->ha < 0 || t->va < 0) {
        nd_free_mem(t);
        return nplot__fail(fig, ND_EVALUE, "%s: bad alignment ha='%s' va='%s'", who,
                           o->ha ? o->ha : "", o->va ? o->va : "");
    }
    if (!(t->text = nplot__strdup(fig, s, who))) {
        nd_free_mem(t);
        return fig->status;
    }
    t->x = x;
    t->y = y;
    t->rotation = o->rotation;
    fig_text **pp = &fig->texts;
    while (*pp) pp = &(*pp)->next;
    *pp = t;
    nplot__mark_dirty(fig);
    return ND_OK;
}

nd_status nplot_suptitle_(nplot_figure *fig, const char *s, const nplot_text_opts *o)
{
    static const char *who = "nplot_suptitle";
    nd_status st = nplot__check(fig);
    if (st) return st;
    o = NPLOT__OPTS(o, nplot_text_opts);
    text_style ts;
    /* figure.titlesize is 'large' = 12 pt */
    if ((st = nplot__text_style_from(fig, o, 12, &ts, who))) return st;
    char *c = nplot__strdup(fig, s, who);
    if (!c) return fig->status;
    nd_free_mem(fig->suptitle);
    fig->suptitle = c;
    fig->suptitle_ts = ts;
    nplot__mark_dirty(fig);
    return ND_OK;
}

/* ---- for mosaic.c ------------------------------------------------------------------------------ */
nplot_gridspec *nplot__gridspec_make(nplot_figure *fig, int nrows, int ncols, const char *who)
{
    return gridspec_make(fig, nrows, ncols, who);
}

nplot_axes *nplot__place(nplot_gridspec *g, int r0, int r1, int c0, int c1, const char *who)
{
    return place(g, r0, r1, c0, c1, who);
}

bool nplot__parse_cells(const nplot_gridspec *g, const char *spec, int *r0, int *r1, int *c0,
                        int *c1)
{
    const char *p = spec;
    *c0 = 0;
    *c1 = g->ncols;
    if (!parse_span(&p, g->nrows, r0, r1)) return false;
    if (*p == ',') {
        p++;
        if (!parse_span(&p, g->ncols, c0, c1)) return false;
    }
    return *p == '\0';
}
