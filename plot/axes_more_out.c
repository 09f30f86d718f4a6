/* The "axes more" methods that need the figure laid out: indicate_inset (its connector
 * choice reads the axes' boxes as matplotlib's does), indicate_inset_zoom, get_tightbbox. */
#include "plot_render.h"

#include <math.h>
#include <string.h>

/* ---- indicate_inset ---------------------------------------------------------------------------- */
static bool is_none(const char *c) { return c && !strcmp(c, "none"); }

/* v on axis a of an axes whose box spans [d0, d1] device units, as a fraction of the box */
static double axes_frac(const axis_state *a, double v)
{
    double t0 = nplot__scale_fwd(a, a->lo), t1 = nplot__scale_fwd(a, a->hi);
    return (nplot__scale_fwd(a, v) - t0) / (t1 - t0);
}

nd_status nplot_indicate_inset_(nplot_axes *ax, double x0, double y0, double width, double height,
                                const nplot_indicate_inset_opts *o)
{
    static const char *who = "nplot_indicate_inset";
    CHECK_AX(ax, who);
    o = NPLOT__OPTS(o, nplot_indicate_inset_opts);
    nplot_figure *fig = ax->fig;
    if (!isfinite(x0) || !isfinite(y0) || !isfinite(width) || !isfinite(height))
        return nplot__fail(fig, ND_EVALUE, "%s: bounds [%g, %g, %g, %g] must be finite", who, x0, y0,
                           width, height);
    if (o->inset_ax && o->inset_ax->fig != fig)
        return nplot__fail(fig, ND_EVALUE, "%s: inset_ax belongs to another figure", who);
    if (ax->is3d || ax->polar)
        return nplot__fail(fig, ND_EVALUE, "%s: the axes must be a rectilinear 2-D axes", who);
    if (o->alpha < 0 || o->alpha > 1)
        return nplot__fail(fig, ND_EVALUE, "%s: alpha must be in [0, 1], got %g", who, o->alpha);
    if (o->linewidth < 0 || !isfinite(o->linewidth))
        return nplot__fail(fig, ND_EVALUE, "%s: linewidth must be >= 0, got %g", who, o->linewidth);
    const nplot__style *st = fig->style;
    const char *fc = o->facecolor ? o->facecolor : "none";
    const char *ec = o->edgecolor ? o->edgecolor : "0.5";
    rgba face = { 0, 0, 0, 0 }, edge = { 0, 0, 0, 0 };
    if (!is_none(fc) && nplot__color(fc, st, &face, who))
        return nplot__fail(fig, ND_EVALUE, "%s", nd_errmsg());
    if (!is_none(ec) && nplot__color(ec, st, &edge, who))
        return nplot__fail(fig, ND_EVALUE, "%s", nd_errmsg());
    double alpha = o->alpha > 0 ? o->alpha : 0.5;
    double lw = o->linewidth > 0 ? o->linewidth : 1.0;
    double z = o->zorder ? o->zorder : 4.99;

    /* the rectangle (Rectangle((x, y), w, h) added with add_patch: it extends the limits) */
    double rx[4] = { x0, x0 + width, x0 + width, x0 }, ry[4] = { y0, y0, y0 + height, y0 + height };
    artist *r = nplot__artist_add(ax, ART_POLY, who);
    if (!r) return fig->status;
    r->face = face;
    r->has_face = !is_none(fc);
    r->edge = edge;
    r->has_edge = !is_none(ec);
    r->edge_lw = lw;
    r->alpha = alpha;
    r->zorder = z;
    r->legend_kind = LEGEND_PATCH;
    r->n = 4;
    if (o->label && !(r->label = nplot__strdup(fig, o->label, who))) return fig->status;
    if (!(r->x = nplot__copy_or_index(fig, rx, 4, who))) return fig->status;
    if (!(r->y = nplot__copy_or_index(fig, ry, 4, who))) return fig->status;
    nplot__update_datalim(ax, r);
    if (o->out) {
        memset(o->out, 0, sizeof *o->out);
        o->out->rectangle = (nplot_artist *)(void *)r;
    }
    nplot_axes *in = o->inset_ax;
    if (!in) return ND_OK;

    /* lay out as matplotlib's call does (apply_aspect, the inset's locator) */
    nd_status s = nplot_figure_draw(fig);
    if (s) return s;
    /* matplotlib's figure coordinates (fractions, y up), from the boxes before numc snaps
     * them to whole pixels: an edge shared by the rectangle and the inset compares equal */
    const double *pr = ax->rect;
    double pb[4] = { pr[0], pr[1], pr[0] + pr[2], pr[1] + pr[3] };
    double ib[4] = { in->rect[0], in->rect[1], in->rect[0] + in->rect[2], in->rect[1] + in->rect[3] };
    if (in->inset_parent == ax && !in->inset_data) {
        const double *b = in->inset_bounds;
        ib[0] = pb[0] + b[0] * pr[2], ib[2] = pb[0] + (b[0] + b[2]) * pr[2];
        ib[1] = pb[1] + b[1] * pr[3], ib[3] = pb[1] + (b[1] + b[3]) * pr[3];
    }
    double fx0 = axes_frac(&ax->xa, x0), fx1 = axes_frac(&ax->xa, x0 + width);
    double fy0 = axes_frac(&ax->ya, y0), fy1 = axes_frac(&ax->ya, y0 + height);
    double rb[4] = { pb[0] + fmin(fx0, fx1) * (pb[2] - pb[0]), pb[1] + fmin(fy0, fy1) * (pb[3] - pb[1]),
                     pb[0] + fmax(fx0, fx1) * (pb[2] - pb[0]), pb[1] + fmax(fy0, fy1) * (pb[3] - pb[1]) };
    bool bx0 = rb[0] < ib[0], bx1 = rb[2] < ib[2], by0 = rb[1] < ib[1], by1 = rb[3] < ib[3];
    bool vis[4] = { bx0 ^ by0, bx0 == by1, bx1 == by0, bx1 ^ by1 };
    bool xinv = ax->xa.lo > ax->xa.hi, yinv = ax->ya.lo > ax->ya.hi;
    static const int corner[4][2] = { { 0, 0 }, { 0, 1 }, { 1, 0 }, { 1, 1 } };
    for (int i = 0; i < 4; i++) {
        /* inset corner (axes fractions of the inset) → ax's axes fractions */
        double ix = in->dev[0] + corner[i][0] * (in->dev[2] - in->dev[0]);
        double iy = in->dev[3] - corner[i][1] * (in->dev[3] - in->dev[1]);
        double ax_x = (ix - ax->dev[0]) / (ax->dev[2] - ax->dev[0]);
        double ax_y = (ax->dev[3] - iy) / (ax->dev[3] - ax->dev[1]);
        int ex = xinv ? 1 - corner[i][0] : corner[i][0], ey = yinv ? 1 - corner[i][1] : corner[i][1];
        double dx = axes_frac(&ax->xa, x0 + ex * width), dy = axes_frac(&ax->ya, y0 + ey * height);
        double lx[2] = { ax_x, dx }, ly[2] = { ax_y, dy };
        artist *c = nplot__artist_add(ax, ART_LINE, who);
        if (!c) return fig->status;
        c->xcoord = c->ycoord = COORD_AXES;
        c->autoscale = false;
        c->lp.color = edge;
        c->lp.lw = lw;
        c->lp.ls = is_none(ec) ? LS_NONE : LS_SOLID;
        c->lp.marker = MK_NONE;
        c->alpha = alpha;
        c->zorder = z;
        c->hidden = !vis[i];
        c->n = 2;
        if (!(c->x = nplot__copy_or_index(fig, lx, 2, who))) return fig->status;
        if (!(c->y = nplot__copy_or_index(fig, ly, 2, who))) return fig->status;
        if (o->out) {
            o->out->connectors[i] = (nplot_artist *)(void *)c;
            o->out->visible[i] = vis[i];
        }
    }
    nplot__mark_dirty(fig);
    return ND_OK;
}

nd_status nplot_indicate_inset_zoom_(nplot_axes *ax, nplot_axes *inset_ax,
                                     const nplot_indicate_inset_opts *o)
{
    static const char *who = "nplot_indicate_inset_zoom";
    CHECK_AX(ax, who);
    if (!inset_ax) return nplot__fail(ax->fig, ND_EVALUE, "%s: inset_ax is NULL", who);
    if (inset_ax->fig != ax->fig)
        return nplot__fail(ax->fig, ND_EVALUE, "%s: inset_ax belongs to another figure", who);
    nplot_indicate_inset_opts oo = o ? *o : (nplot_indicate_inset_opts){ 0 };
    oo.inset_ax = inset_ax;
    double xl[2], yl[2];
    nd_status s = nplot_get_xlim(inset_ax, &xl[0], &xl[1]);
    if (!s) s = nplot_get_ylim(inset_ax, &yl[0], &yl[1]);
    if (s) return s;
    return nplot_indicate_inset_(ax, xl[0], yl[0], xl[1] - xl[0], yl[1] - yl[0], &oo);
}

/* ---- get_tightbbox -------------------------------------------------------------------------- */
nd_status nplot_get_tightbbox(nplot_axes *ax, double out[4])
{
    static const char *who = "nplot_get_tightbbox";
    CHECK_AX(ax, who);
    nplot_figure *fig = ax->fig;
    if (!out) return nplot__fail(fig, ND_EVALUE, "%s: bbox is NULL", who);
    nplot__render_lock();
    render_ctx rc = { 0 };
    rc.fig = fig;
    rc.scale = fig->dpi / 72;
    rc.W = fig->width * 72 * rc.scale;
    rc.H = fig->height * 72 * rc.scale;
    cairo_surface_t *rec = cairo_recording_surface_create(CAIRO_CONTENT_COLOR_ALPHA, NULL);
    rc.surface = rec;
    rc.cr = cairo_create(rec);
    nd_status st = ND_OK;
    bbox bb = { 0 };
    if (cairo_status(rc.cr)) {
        st = nplot__fail(fig, ND_ENOMEM, "%s: cannot create a cairo context", who);
    } else {
        rc.pctx = nplot__pango_context();
        pango_cairo_update_context(rc.cr, rc.pctx);
        st = nplot__layout(&rc);
        if (st == ND_OK) {
            bb = nplot__axes_tight_bbox(&rc, ax);
            /* the axes' own box belongs to it too */
            double d[4] = { ax->dev[0], ax->dev[1], ax->dev[2], ax->dev[3] };
            if (!(bb.x1 > bb.x0) || !(bb.y1 > bb.y0)) bb = (bbox){ d[0], d[1], d[2], d[3] };
            bb.x0 = fmin(bb.x0, d[0]), bb.y0 = fmin(bb.y0, d[1]);
            bb.x1 = fmax(bb.x1, d[2]), bb.y1 = fmax(bb.y1, d[3]);
        }
        g_object_unref(rc.pctx);
    }
    cairo_destroy(rc.cr);
    cairo_surface_destroy(rec);
    nplot__render_unlock();
    if (st) return st;
    out[0] = bb.x0;
    out[1] = rc.H - bb.y1;
    out[2] = bb.x1;
    out[3] = rc.H - bb.y0;
    return ND_OK;
}
