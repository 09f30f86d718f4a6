/* text: a string placed in data, axes or figure coordinates (also the base of annotate).
 * Drawn by nplot__draw_text_artist (draw_artists.c). */
#include "plot_model.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

/* ---- text ------------------------------------------------------------------------------------------ */
static int parse_coords(const char *s)
{
    if (!s || !strcmp(s, "data")) return COORD_DATA;
    if (!strcmp(s, "axes") || !strcmp(s, "axes fraction")) return COORD_AXES;
    if (!strcmp(s, "figure") || !strcmp(s, "figure fraction")) return COORD_FIGURE;
    if (!strcmp(s, "offset points")) return COORD_OFFSET;
    return -1;
}

int nplot__parse_coords(const char *s) { return parse_coords(s); }

nd_status nplot__text_artist(nplot_axes *ax, artist_kind kind, double x, double y, const char *s,
                             const nplot_text_opts *o, artist **out, const char *who)
{
    CHECK_AX(ax, who);
    nplot_figure *fig = ax->fig;
    if (!isfinite(x) || !isfinite(y))
        return nplot__fail(fig, ND_EVALUE, "%s: position (%g, %g) must be finite", who, x, y);
    int c = parse_coords(o->coords);
    if (c < 0 || c == COORD_OFFSET)
        return nplot__fail(fig, ND_EVALUE, "%s: coords must be 'data', 'axes' or 'figure', got '%s'",
                           who, o->coords);
    int ha = nplot__parse_ha(o->ha), va = nplot__parse_va(o->va);
    if (ha < 0 || va < 0)
        return nplot__fail(fig, ND_EVALUE, "%s: bad alignment ha='%s' va='%s'", who,
                           o->ha ? o->ha : "", o->va ? o->va : "");
    int bstyle = 0;
    fstyle box_st = { 0 };
    if (o->bbox) {
        if (nplot__boxstyle_parse(o->bbox, &box_st, who)) return nplot__fail(fig, ND_EVALUE, "%s", nd_errmsg());
        bstyle = box_st.kind == BXS_ROUND ? 2 : 1;
    }
    rgba bface = { 1, 1, 1, 1 }, bedge = { 0, 0, 0, 1 };
    if (o->bbox_color && nplot__color(o->bbox_color, fig->style, &bface, who))
        return nplot__fail(fig, ND_EVALUE, "%s", nd_errmsg());
    if (o->bbox_edgecolor && nplot__color(o->bbox_edgecolor, fig->style, &bedge, who))
        return nplot__fail(fig, ND_EVALUE, "%s", nd_errmsg());
    if (!(o->bbox_alpha >= 0 && o->bbox_alpha <= 1) || !(o->bbox_linewidth >= 0) ||
        !isfinite(o->bbox_linewidth))
        return nplot__fail(fig, ND_EVALUE, "%s: bbox_alpha must be in [0, 1] and bbox_linewidth "
                                           ">= 0 (got %g, %g)", who, o->bbox_alpha, o->bbox_linewidth);
    if (o->bbox_alpha > 0) bface.a *= o->bbox_alpha, bedge.a *= o->bbox_alpha;
    int bls = LS_SOLID;
    if (o->bbox_linestyle && ((bls = nplot__linestyle_parse(o->bbox_linestyle)) < 0 || bls == LS_NONE))
        return nplot__fail(fig, ND_EVALUE, "%s: bbox_linestyle must be '-', '--', '-.' or ':', got '%s'",
                           who, o->bbox_linestyle);
    bool anchor = false;
    if (o->rotation_mode) {
        if (!strcmp(o->rotation_mode, "anchor")) anchor = true;
        else if (strcmp(o->rotation_mode, "default") != 0)
            return nplot__fail(fig, ND_EVALUE, "%s: rotation_mode must be 'default' or 'anchor', got '%s'",
                               who, o->rotation_mode);
    }
    int malign = -1;
    if (o->multialignment && (malign = nplot__parse_ha(o->multialignment)) < 0)
        return nplot__fail(fig, ND_EVALUE, "%s: multialignment must be 'left', 'center' or 'right', "
                                           "got '%s'", who, o->multialignment);
    text_style ts;
    nd_status st = nplot__text_style_from(fig, o, fig->style->font_size, &ts, who);
    if (st) return st;
    artist *a = nplot__artist_add(ax, kind, who);
    if (!a) return fig->status;
    if ((st = nplot__artist_fx_opt(a, o->path_effects, who))) return st;
    a->xcoord = a->ycoord = c;
    a->ts = ts;
    a->ha = ha;
    a->va = va;
    a->rotation = o->rotation;
    a->bbox_style = bstyle;
    a->bbox_face = bface;
    a->box_st = box_st;
    a->bbox_edge = bedge;
    a->bbox_lw = NPLOT_OPT(o->bbox_linewidth, 1);
    a->bbox_ls = bls;
    a->rot_anchor = anchor;
    a->multialign = malign;
    a->zorder = o->zorder ? o->zorder : 3;
    a->autoscale = false;
    a->n = 1;
    if (!(a->x = nplot__copy_or_index(fig, &x, 1, who))) return fig->status;
    if (!(a->y = nplot__copy_or_index(fig, &y, 1, who))) return fig->status;
    if (!(a->text = nplot__strdup(fig, s, who))) return fig->status;
    if (out) *out = a;
    return ND_OK;
}

nd_status nplot_text_(nplot_axes *ax, double x, double y, const char *s,
                           const nplot_text_opts *o)
{
    nplot_text_opts d = { 0 };
    return nplot__text_artist(ax, ART_TEXT, x, y, s, o ? o : &d, NULL, "nplot_text");
}
