/* Subfigures (matplotlib 3.6's Figure.subfigures / add_subfigure, SubFigure): regions of the
 * figure with their own patch, super titles and labels, subplot params and subplots. A
 * subfigure's box is fixed when it is made; the grids of its subplots (gridspecs with sf set)
 * take their default params from it and are mapped into its box by layout.c; draw_subfigs.c
 * paints their patches and nplot_figure_free frees them. */
#include "plot_model.h"

#include <math.h>
#include <string.h>

/* The figure of sf, checked: NULL sf is ND_EVALUE naming who; a figure in error re-raises. */
static nd_status check_sf(const nplot_subfigure *sf, const char *who)
{
    if (!sf) return nd_set_error(ND_EVALUE, "%s: subfigure is NULL", who);
    return nplot__check(sf->fig);
}

static nd_status check_ratios(nplot_figure *fig, const char *who, const char *name,
                              nplot_f64s r, int want, const char *against)
{
    nd_status st = nplot__check_len(fig, who, name, r.v, r.n, (size_t)want, against);
    if (st) return st;
    for (size_t i = 0; r.v && i < r.n; i++)
        if (!(r.v[i] > 0) || !isfinite(r.v[i]))
            return nplot__fail(fig, ND_EVALUE, "%s: %s[%zu] = %g must be positive and finite",
                               who, name, i, r.v[i]);
    return ND_OK;
}

/* The patch options: colors and line width, checked. */
static nd_status patch_opts(nplot_figure *fig, const nplot_subfigure_opts *o, rgba *face,
                            rgba *edge, double *lw, const char *who)
{
    *face = fig->style->fig_face;
    *edge = (rgba){ 1, 1, 1, 1 }; /* figure.edgecolor: white */
    if (o->facecolor && nplot__color(o->facecolor, fig->style, face, who))
        return nplot__fail(fig, ND_EVALUE, "%s", nd_errmsg());
    if (o->edgecolor && nplot__color(o->edgecolor, fig->style, edge, who))
        return nplot__fail(fig, ND_EVALUE, "%s", nd_errmsg());
    if (!(o->linewidth >= 0) || !isfinite(o->linewidth))
        return nplot__fail(fig, ND_EVALUE, "%s: linewidth must be >= 0 and finite, got %g", who,
                           o->linewidth);
    *lw = o->linewidth;
    return ND_OK;
}

static nplot_subfigure *sf_new(nplot_figure *fig, nplot_subfigure *parent, const double box[4],
                               const nplot_subfigure_opts *o, rgba face, rgba edge, double lw,
                               const char *who)
{
    nplot_subfigure *s = nd_calloc(1, sizeof *s, who);
    if (!s) {
        nplot__fail(fig, ND_ENOMEM, "%s: out of memory", who);
        return NULL;
    }
    s->fig = fig;
    s->parent = parent;
    memcpy(s->box, box, sizeof s->box);
    /* SubFigure's own SubplotParams: the rc defaults figure.subplot.* */
    s->left = 0.125;
    s->right = 0.9;
    s->bottom = 0.11;
    s->top = 0.88;
    s->wspace = 0.2;
    s->hspace = 0.2;
    s->face = face;
    s->edge = edge;
    s->linewidth = lw;
    s->frameon = !o->frameoff;
    if (fig->last_subfig) fig->last_subfig->next = s;
    else fig->subfigs = s;
    fig->last_subfig = s;
    nplot__mark_dirty(fig);
    return s;
}

/* The boxes of an nrows x ncols grid filling `pbox` (left = bottom = 0, right = top = 1 of
 * it) with spacing ws / hs and ratios wr / hr (NULL: equal): cell (r, c) spanning
 * [r0, r1) x [c0, c1) into box. */
static void cell_box(const double pbox[4], int nrows, int ncols, const double *wr,
                     const double *hr, double ws, double hs, int r0, int r1, int c0, int c1,
                     double box[4])
{
    double sw = 0, sh = 0;
    for (int c = 0; c < ncols; c++) sw += wr ? wr[c] : 1;
    for (int r = 0; r < nrows; r++) sh += hr ? hr[r] : 1;
    /* GridSpec.get_grid_positions with left=0, right=1, bottom=0, top=1 */
    double cell_w = 1 / (ncols + ws * (ncols - 1)), sep_w = ws * cell_w;
    double cell_h = 1 / (nrows + hs * (nrows - 1)), sep_h = hs * cell_h;
    double x = 0, x0 = 0, x1 = 0;
    for (int c = 0; c < c1; c++) {
        double w = cell_w * ncols * (wr ? wr[c] : 1) / sw;
        if (c == c0) x0 = x;
        x1 = x + w;
        x += w + sep_w;
    }
    double y = 1, y0 = 0, y1 = 0; /* from the top */
    for (int r = 0; r < r1; r++) {
        double h = cell_h * nrows * (hr ? hr[r] : 1) / sh;
        if (r == r0) y1 = y;
        y0 = y - h;
        y -= h + sep_h;
    }
    box[0] = pbox[0] + x0 * pbox[2];
    box[1] = pbox[1] + y0 * pbox[3];
    box[2] = (x1 - x0) * pbox[2];
    box[3] = (y1 - y0) * pbox[3];
}

static nd_status subfigures(nplot_figure *fig, nplot_subfigure *parent, int nrows, int ncols,
                            nplot_subfigure **out, const nplot_subfigure_opts *o, const char *who)
{
    o = NPLOT__OPTS(o, nplot_subfigure_opts);
    if (!out) return nplot__fail(fig, ND_EVALUE, "%s: out is NULL", who);
    if (nrows < 1 || ncols < 1 || nrows > 1000 || ncols > 1000)
        return nplot__fail(fig, ND_EVALUE, "%s: grid must be at least 1x1 (and at most "
                                           "1000x1000), got %dx%d", who, nrows, ncols);
    if (!(o->wspace >= 0) || !(o->hspace >= 0) || !isfinite(o->wspace) || !isfinite(o->hspace))
        return nplot__fail(fig, ND_EVALUE, "%s: wspace and hspace must be >= 0 and finite, "
                                           "got wspace=%g hspace=%g", who, o->wspace, o->hspace);
    nd_status st = check_ratios(fig, who, "width_ratios", o->width_ratios, ncols,
                                "the grid has ncols =");
    if (!st) st = check_ratios(fig, who, "height_ratios", o->height_ratios, nrows,
                               "the grid has nrows =");
    rgba face, edge;
    double lw;
    if (!st) st = patch_opts(fig, o, &face, &edge, &lw, who);
    if (st) return st;
    static const double whole[4] = { 0, 0, 1, 1 };
    const double *pbox = parent ? parent->box : whole;
    for (int r = 0; r < nrows; r++)
        for (int c = 0; c < ncols; c++) {
            double box[4];
            cell_box(pbox, nrows, ncols, o->width_ratios.v, o->height_ratios.v, o->wspace,
                     o->hspace, r, r + 1, c, c + 1, box);
            nplot_subfigure *s = sf_new(fig, parent, box, o, face, edge, lw, who);
            if (!s) return fig->status;
            out[r * ncols + c] = s;
        }
    return ND_OK;
}

nd_status nplot_subfigures_(nplot_figure *fig, int nrows, int ncols, nplot_subfigure **out,
                            const nplot_subfigure_opts *o)
{
    nd_status st = nplot__check(fig);
    if (st) return st;
    return subfigures(fig, NULL, nrows, ncols, out, o, "nplot_subfigures");
}

nd_status nplot_subfig_subfigures_(nplot_subfigure *sf, int nrows, int ncols,
                                   nplot_subfigure **out, const nplot_subfigure_opts *o)
{
    static const char *who = "nplot_subfig_subfigures";
    nd_status st = check_sf(sf, who);
    if (st) return st;
    return subfigures(sf->fig, sf, nrows, ncols, out, o, who);
}

nplot_subfigure *nplot_add_subfigure_(nplot_gridspec *gs, const char *spec,
                                      const nplot_subfigure_opts *o)
{
    static const char *who = "nplot_add_subfigure";
    if (!gs) return ND_FAIL(ND_EVALUE, "%s: gridspec is NULL", who);
    nplot_figure *fig = gs->fig;
    if (nplot__check(fig)) return NULL;
    o = NPLOT__OPTS(o, nplot_subfigure_opts);
    if (o->width_ratios.v || o->height_ratios.v || o->wspace || o->hspace) {
        nplot__fail(fig, ND_EVALUE, "%s: width_ratios, height_ratios, wspace and hspace belong "
                                    "to the gridspec, not to nplot_add_subfigure", who);
        return NULL;
    }
    if (gs->parent) {
        nplot__fail(fig, ND_EVALUE, "%s: a subgridspec cannot hold a subfigure; use "
                                    "nplot_subfig_gridspec_new on a subfigure instead", who);
        return NULL;
    }
    if (!spec) {
        nplot__fail(fig, ND_EPARSE, "%s: spec is NULL", who);
        return NULL;
    }
    int r0, r1, c0, c1;
    if (!nplot__parse_cells(gs, spec, &r0, &r1, &c0, &c1)) {
        nplot__fail(fig, ND_EINDEX, "%s: '%s' is not a valid span of a %dx%d grid", who, spec,
                    gs->nrows, gs->ncols);
        return NULL;
    }
    rgba face, edge;
    double lw;
    if (patch_opts(fig, o, &face, &edge, &lw, who)) return NULL;
    /* matplotlib 3.6 (SubFigure._redo_transform_rel_fig): only the grid's ratios place it */
    static const double whole[4] = { 0, 0, 1, 1 };
    double box[4];
    cell_box(gs->sf ? gs->sf->box : whole, gs->nrows, gs->ncols, gs->wr, gs->hr, 0, 0, r0, r1,
             c0, c1, box);
    return sf_new(fig, gs->sf, box, o, face, edge, lw, who);
}

nd_status nplot_subfig_subplots_(nplot_subfigure *sf, int nrows, int ncols, nplot_axes **axs,
                                 const nplot_subplots_opts *o)
{
    static const char *who = "nplot_subfig_subplots";
    nd_status st = check_sf(sf, who);
    if (st) return st;
    nplot_figure *fig = sf->fig;
    if (!axs) return nplot__fail(fig, ND_EVALUE, "%s: axs is NULL", who);
    if (nrows < 1 || ncols < 1 || nrows > 1000 || ncols > 1000)
        return nplot__fail(fig, ND_EVALUE, "%s: grid must be at least 1x1 (and at most "
                                           "1000x1000), got %dx%d", who, nrows, ncols);
    nplot_gridspec *before = fig->gridspecs;
    st = nplot_subplots_(fig, nrows, ncols, axs, o);
    if (st) return st;
    /* nplot_subplots made one new grid, at the head of the figure's list: it belongs to sf */
    if (fig->gridspecs != before) fig->gridspecs->sf = sf;
    return ND_OK;
}

nplot_axes *nplot_subfig_add_subplot(nplot_subfigure *sf, int nrows, int ncols, int index)
{
    static const char *who = "nplot_subfig_add_subplot";
    if (check_sf(sf, who)) return NULL;
    nplot_figure *fig = sf->fig;
    if (nrows < 1 || ncols < 1 || index < 1 || index > nrows * ncols) {
        nplot__fail(fig, ND_EVALUE, "%s: index %d is out of range for a %dx%d grid (1..%d)", who,
                    index, nrows, ncols, nrows * ncols);
        return NULL;
    }
    /* one grid per geometry in this subfigure, so (2,2,1) and (2,2,2) share spacing */
    nplot_gridspec *g = NULL;
    for (nplot_gridspec *q = fig->gridspecs; q; q = q->next)
        if (q->sf == sf && q->nrows == nrows && q->ncols == ncols && !q->wr && !q->hr &&
            q->left < 0 && q->right < 0 && q->bottom < 0 && q->top < 0 && q->wspace < 0 &&
            q->hspace < 0 && !q->parent)
            g = q;
    if (!g) {
        if (!(g = nplot__gridspec_make(fig, nrows, ncols, who))) return NULL;
        g->sf = sf;
    }
    int r = (index - 1) / ncols, c = (index - 1) % ncols;
    return nplot__place(g, r, r + 1, c, c + 1, who);
}

nplot_gridspec *nplot_subfig_gridspec_new_(nplot_subfigure *sf, int nrows, int ncols,
                                           const nplot_gridspec_opts *o)
{
    static const char *who = "nplot_subfig_gridspec_new";
    if (check_sf(sf, who)) return NULL;
    nplot_gridspec *g = nplot_gridspec_new_(sf->fig, nrows, ncols, o);
    if (g) g->sf = sf;
    return g;
}

nd_status nplot_subfig_subplots_adjust_(nplot_subfigure *sf, const nplot_adjust_opts *o)
{
    static const char *who = "nplot_subfig_subplots_adjust";
    nd_status st = check_sf(sf, who);
    if (st) return st;
    o = NPLOT__OPTS(o, nplot_adjust_opts);
    double l = o->left ? o->left : sf->left, r = o->right ? o->right : sf->right;
    double b = o->bottom ? o->bottom : sf->bottom, t = o->top ? o->top : sf->top;
    double ws = o->wspace ? o->wspace : sf->wspace, hs = o->hspace ? o->hspace : sf->hspace;
    if (!(l < r) || !(b < t) || !(ws >= 0) || !(hs >= 0) || !isfinite(l) || !isfinite(r) ||
        !isfinite(b) || !isfinite(t) || !isfinite(ws) || !isfinite(hs))
        return nplot__fail(sf->fig, ND_EVALUE, "%s: need left < right and bottom < top and "
                                               "spaces >= 0, got left=%g right=%g bottom=%g "
                                               "top=%g wspace=%g hspace=%g",
                           who, l, r, b, t, ws, hs);
    sf->left = l, sf->right = r, sf->bottom = b, sf->top = t, sf->wspace = ws, sf->hspace = hs;
    nplot__mark_dirty(sf->fig);
    return ND_OK;
}

/* kind 0 suptitle, 1 supxlabel, 2 supylabel: a figure text at the subfigure's fraction
 * (matplotlib's FigureBase._suplabels: (0.5, 0.98) top, (0.5, 0.01) bottom, (0.02, 0.5)
 * left rotated 90°), replaced by a second call. */
static nd_status sub_text(nplot_subfigure *sf, const char *s, const nplot_text_opts *o, int kind,
                          const char *who)
{
    nd_status st = check_sf(sf, who);
    if (st) return st;
    nplot_figure *fig = sf->fig;
    o = NPLOT__OPTS(o, nplot_text_opts);
    if (!s) return nplot__fail(fig, ND_EVALUE, "%s: text is NULL", who);
    fig_text *t = nd_calloc(1, sizeof *t, who);
    if (!t) return nplot__fail(fig, ND_ENOMEM, "%s: out of memory", who);
    /* figure.titlesize and figure.labelsize are 'large' = 12 pt */
    if ((st = nplot__text_style_from(fig, o, 12, &t->ts, who))) {
        nd_free_mem(t);
        return st;
    }
    static const double X[3] = { 0.5, 0.5, 0.02 }, Y[3] = { 0.98, 0.01, 0.5 };
    static const int HA[3] = { HA_CENTER, HA_CENTER, HA_LEFT }, VA[3] = { VA_TOP, VA_BOTTOM, VA_CENTER };
    t->ha = o->ha ? nplot__parse_ha(o->ha) : HA[kind];
    t->va = o->va ? nplot__parse_va(o->va) : VA[kind];
    if (t->ha < 0 || t->va < 0) {
        nd_free_mem(t);
        return nplot__fail(fig, ND_EVALUE, "%s: bad alignment ha='%s' va='%s'", who,
                           o->ha ? o->ha : "", o->va ? o->va : "");
    }
    if (!(t->text = nplot__strdup(fig, s, who))) {
        nd_free_mem(t);
        return fig->status;
    }
    t->x = sf->box[0] + X[kind] * sf->box[2];
    t->y = sf->box[1] + Y[kind] * sf->box[3];
    t->rotation = NPLOT_OPT(o->rotation, kind == 2 ? 90.0 : 0.0);
    fig_text **slot = kind == 0 ? &sf->suptitle : kind == 1 ? &sf->supxlabel : &sf->supylabel;
    fig_text **pp = &fig->texts;
    while (*pp && *pp != *slot) pp = &(*pp)->next;
    if (*pp) {
        fig_text *old = *pp;
        t->next = old->next;
        nd_free_mem(old->text);
        nd_free_mem(old);
    }
    *pp = t;
    *slot = t;
    nplot__mark_dirty(fig);
    return ND_OK;
}

nd_status nplot_subfig_suptitle_(nplot_subfigure *sf, const char *s, const nplot_text_opts *o)
{
    return sub_text(sf, s, o, 0, "nplot_subfig_suptitle");
}

nd_status nplot_subfig_supxlabel_(nplot_subfigure *sf, const char *s, const nplot_text_opts *o)
{
    return sub_text(sf, s, o, 1, "nplot_subfig_supxlabel");
}

nd_status nplot_subfig_supylabel_(nplot_subfigure *sf, const char *s, const nplot_text_opts *o)
{
    return sub_text(sf, s, o, 2, "nplot_subfig_supylabel");
}

nd_status nplot_subfig_get_position(const nplot_subfigure *sf, double bounds[4])
{
    static const char *who = "nplot_subfig_get_position";
    if (!sf) return nd_set_error(ND_EVALUE, "%s: subfigure is NULL", who);
    if (!bounds) return nd_set_error(ND_EVALUE, "%s: bounds is NULL", who);
    memcpy(bounds, sf->box, sizeof sf->box);
    return ND_OK;
}

static nd_status set_color(nplot_subfigure *sf, const char *color, bool face, const char *who)
{
    nd_status st = check_sf(sf, who);
    if (st) return st;
    if (!color) return nplot__fail(sf->fig, ND_EVALUE, "%s: color is NULL", who);
    rgba c;
    if (nplot__color(color, sf->fig->style, &c, who))
        return nplot__fail(sf->fig, ND_EVALUE, "%s", nd_errmsg());
    *(face ? &sf->face : &sf->edge) = c;
    nplot__mark_dirty(sf->fig);
    return ND_OK;
}

nd_status nplot_subfig_set_facecolor(nplot_subfigure *sf, const char *color)
{
    return set_color(sf, color, true, "nplot_subfig_set_facecolor");
}

nd_status nplot_subfig_set_edgecolor(nplot_subfigure *sf, const char *color)
{
    return set_color(sf, color, false, "nplot_subfig_set_edgecolor");
}

nd_status nplot_subfig_set_linewidth(nplot_subfigure *sf, double linewidth)
{
    static const char *who = "nplot_subfig_set_linewidth";
    nd_status st = check_sf(sf, who);
    if (st) return st;
    if (!(linewidth >= 0) || !isfinite(linewidth))
        return nplot__fail(sf->fig, ND_EVALUE, "%s: linewidth must be >= 0 and finite, got %g",
                           who, linewidth);
    sf->linewidth = linewidth;
    nplot__mark_dirty(sf->fig);
    return ND_OK;
}

nd_status nplot_subfig_set_frameon(nplot_subfigure *sf, bool on)
{
    nd_status st = check_sf(sf, "nplot_subfig_set_frameon");
    if (st) return st;
    sf->frameon = on;
    nplot__mark_dirty(sf->fig);
    return ND_OK;
}

nplot_figure *nplot_subfig_figure(const nplot_subfigure *sf)
{
    return sf ? sf->fig : NULL;
}
