/* Layout: subplot geometry, aspect, tick computation and tight_layout. */
#include "plot_render.h"
#include "dates.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

/* Cell edges of a grid in figure fractions: xs[2*c], xs[2*c+1] are the left and right of
 * column c; ys likewise with row 0 at the top (ys are top/bottom, top > bottom). */
static bool grid_edges(const nplot_figure *fig, const nplot_gridspec *g, double *xs, double *ys)
{
    double left = g->left >= 0 ? g->left : fig->left, right = g->right >= 0 ? g->right : fig->right;
    double bottom = g->bottom >= 0 ? g->bottom : fig->bottom, top = g->top >= 0 ? g->top : fig->top;
    double ws = g->wspace >= 0 ? g->wspace : fig->wspace, hs = g->hspace >= 0 ? g->hspace : fig->hspace;
    const nplot_subfigure *sf = g->parent ? NULL : g->sf;
    if (sf) {
        /* a grid of a subfigure: the subfigure's params, mapped into its box below */
        left = g->left >= 0 ? g->left : sf->left, right = g->right >= 0 ? g->right : sf->right;
        bottom = g->bottom >= 0 ? g->bottom : sf->bottom, top = g->top >= 0 ? g->top : sf->top;
        ws = g->wspace >= 0 ? g->wspace : sf->wspace, hs = g->hspace >= 0 ? g->hspace : sf->hspace;
    }
    if (g->parent) {
        /* a nested grid (GridSpecFromSubplotSpec) fills its cells of the parent grid */
        const nplot_gridspec *p = g->parent;
        double *pxs = nd_malloc(sizeof(double) * 2 * (size_t)(p->ncols + p->nrows), "nplot");
        if (!pxs || !grid_edges(fig, p, pxs, pxs + 2 * p->ncols)) {
            nd_free_mem(pxs);
            return false;
        }
        const double *pys = pxs + 2 * p->ncols;
        left = pxs[2 * g->pc0];
        right = pxs[2 * (g->pc1 - 1) + 1];
        top = pys[2 * g->pr0];
        bottom = pys[2 * (g->pr1 - 1) + 1];
        nd_free_mem(pxs);
    }
    int nc = g->ncols, nr = g->nrows;
    double cell_w = (right - left) / (nc + ws * (nc - 1)), sep_w = ws * cell_w;
    double cell_h = (top - bottom) / (nr + hs * (nr - 1)), sep_h = hs * cell_h;
    double sw = 0, sh = 0;
    for (int c = 0; c < nc; c++) sw += g->wr ? g->wr[c] : 1;
    for (int r = 0; r < nr; r++) sh += g->hr ? g->hr[r] : 1;
    double x = left;
    for (int c = 0; c < nc; c++) {
        double w = cell_w * nc * (g->wr ? g->wr[c] : 1) / sw;
        xs[2 * c] = x;
        xs[2 * c + 1] = x + w;
        x += w + sep_w;
    }
    double y = top;
    for (int r = 0; r < nr; r++) {
        double h = cell_h * nr * (g->hr ? g->hr[r] : 1) / sh;
        ys[2 * r] = y;
        ys[2 * r + 1] = y - h;
        y -= h + sep_h;
    }
    if (sf) {
        for (int c = 0; c < 2 * nc; c++) xs[c] = sf->box[0] + xs[c] * sf->box[2];
        for (int r = 0; r < 2 * nr; r++) ys[r] = sf->box[1] + ys[r] * sf->box[3];
    }
    return true;
}

/* matplotlib's colorbar.make_axes: the parent keeps 1 - fraction - pad of its box, the
 * colorbar sits in the last `fraction`, shrunk along its length and narrowed to its box
 * aspect, anchored against the parent side. */
static void place_colorbar(render_ctx *rc, nplot_axes *cax)
{
    nplot_axes *p = cax->cbar_parent;
    double *pd = p->dev;
    double W = pd[2] - pd[0], H = pd[3] - pd[1];
    double f = cax->cbar_fraction, pad = cax->cbar_pad, sh = cax->cbar_shrink, asp = cax->cbar_aspect;
    double d[4];
    if (cax->cbar_vertical) {
        double rx0 = pd[0] + W * (1 - f), rw = W * f;
        double h = H * sh, w = fmin(h / asp, rw);
        double cy = (pd[1] + pd[3]) / 2;
        d[0] = rx0, d[2] = rx0 + w, d[1] = cy - h / 2, d[3] = cy + h / 2;
        pd[2] = pd[0] + W * (1 - f - pad);
        if (cax->cbar_flip) {
            /* location='left': the first fraction, hugging the parent */
            d[2] = pd[0] + rw, d[0] = d[2] - w;
            pd[2] = pd[0] + W;
            pd[0] += W * (f + pad);
        }
    } else {
        double ry0 = pd[1] + H * (1 - f), rh = H * f;
        double w = W * sh, h = fmin(w / asp, rh);
        double cx = (pd[0] + pd[2]) / 2;
        d[0] = cx - w / 2, d[2] = cx + w / 2, d[1] = ry0, d[3] = ry0 + h;
        pd[3] = pd[1] + H * (1 - f - pad);
        if (cax->cbar_flip) {
            /* location='top' */
            d[3] = pd[1] + rh, d[1] = d[3] - h;
            pd[3] = pd[1] + H;
            pd[1] += H * (f + pad);
        }
    }
    if (rc->raster) {
        for (int i = 0; i < 4; i++) d[i] = round(d[i]);
        for (int i = 0; i < 4; i++) pd[i] = round(pd[i]);
    }
    memcpy(cax->dev, d, sizeof d);
    memcpy(cax->cell_dev, d, sizeof d);
}

static nd_status place_axes(render_ctx *rc)
{
    nplot_figure *fig = rc->fig;
    for (nplot_axes *ax = fig->axes; ax; ax = ax->next) {
        if (ax->cl_placed) {
            /* constrained layout's box (constrained.c) */
            memcpy(ax->rect, ax->cl_rect, sizeof ax->rect);
        } else if (ax->gs) {
            nplot_gridspec *g = ax->gs;
            double *xs = nd_malloc(sizeof(double) * 2 * (size_t)(g->ncols + g->nrows), "nplot");
            if (!xs) return nplot__fail(fig, ND_ENOMEM, "nplot: out of memory in layout");
            double *ys = xs + 2 * g->ncols;
            if (!grid_edges(fig, g, xs, ys)) {
                nd_free_mem(xs);
                return nplot__fail(fig, ND_ENOMEM, "nplot: out of memory in layout");
            }
            double l = xs[2 * ax->c0], r = xs[2 * (ax->c1 - 1) + 1];
            double t = ys[2 * ax->r0], b = ys[2 * (ax->r1 - 1) + 1];
            nd_free_mem(xs);
            ax->rect[0] = l;
            ax->rect[1] = b;
            ax->rect[2] = r - l;
            ax->rect[3] = t - b;
        }
        if (ax->pr.pos_set) memcpy(ax->rect, ax->pr.pos, sizeof ax->rect); /* set_position */
        double x0 = ax->rect[0] * rc->W, x1 = (ax->rect[0] + ax->rect[2]) * rc->W;
        double y0 = (1 - ax->rect[1] - ax->rect[3]) * rc->H, y1 = (1 - ax->rect[1]) * rc->H;
        if (rc->raster) {
            /* whole pixels keep spines and the axes patch crisp */
            x0 = round(x0);
            x1 = round(x1);
            y0 = round(y0);
            y1 = round(y1);
        }
        ax->dev[0] = x0;
        ax->dev[1] = y0;
        ax->dev[2] = x1;
        ax->dev[3] = y1;
        memcpy(ax->cell_dev, ax->dev, sizeof ax->dev);
    }
    for (nplot_axes *cax = fig->axes; cax; cax = cax->next)
        if (cax->cbar_parent && !cax->cl_placed) place_colorbar(rc, cax);
    for (nplot_axes *ax = fig->axes; ax; ax = ax->next) memcpy(ax->cl_orig, ax->dev, sizeof ax->dev);
    return ND_OK;
}

static double trange(const axis_state *a)
{
    return fabs(nplot__scale_fwd(a, a->hi) - nplot__scale_fwd(a, a->lo));
}

/* Expand one axis' limits (in scaled space, about the centre) by factor f >= 1. */
static void expand_limits(axis_state *a, double f)
{
    double tl = nplot__scale_fwd(a, a->lo), th = nplot__scale_fwd(a, a->hi);
    double c = (tl + th) / 2, h = (th - tl) / 2 * f;
    a->lo = nplot__scale_inv(a, c - h);
    a->hi = nplot__scale_inv(a, c + h);
}

static void apply_aspect(nplot_axes *ax)
{
    if (ax->polar) { /* polar: a square box (polar.c) */
        nplot__polar_box(ax);
        return;
    }
    double w = ax->dev[2] - ax->dev[0], h = ax->dev[3] - ax->dev[1];
    if (ax->pr.box_aspect > 0 && w > 0 && h > 0) {
        /* set_box_aspect: the box shrunk to h / w = box_aspect, placed by the anchor
         * (matplotlib's shrunk_to_aspect + anchored); a fixed aspect then adjusts the data
         * limits inside it (the adjustable is 'datalim') */
        double want = ax->pr.box_aspect * w;
        if (want > h) {
            double nw = h / ax->pr.box_aspect;
            ax->dev[0] += (w - nw) * ax->anchor[0];
            ax->dev[2] = ax->dev[0] + nw;
        } else {
            ax->dev[1] += (h - want) * (1 - ax->anchor[1]);
            ax->dev[3] = ax->dev[1] + want;
        }
        w = ax->dev[2] - ax->dev[0];
        h = ax->dev[3] - ax->dev[1];
    }
    if (ax->aspect == 0) return;
    if (w <= 0 || h <= 0) return;
    double xr = trange(&ax->xa), yr = trange(&ax->ya);
    if (!(xr > 0) || !(yr > 0)) return;
    if (ax->aspect < 0) { /* square: equal ranges in a square box */
        /* matplotlib: both ranges become the larger one, from the lower limit up */
        axis_state *a = xr < yr ? &ax->xa : yr < xr ? &ax->ya : NULL;
        if (a) {
            double tl = nplot__scale_fwd(a, a->lo), th = nplot__scale_fwd(a, a->hi);
            double r = fmax(xr, yr) * (th >= tl ? 1 : -1);
            a->hi = nplot__scale_inv(a, tl + r);
        }
        double s = fmin(w, h), cx = (ax->dev[0] + ax->dev[2]) / 2, cy = (ax->dev[1] + ax->dev[3]) / 2;
        ax->dev[0] = cx - s / 2;
        ax->dev[2] = cx + s / 2;
        ax->dev[1] = cy - s / 2;
        ax->dev[3] = cy + s / 2;
        return;
    }
    /* device units per data unit must satisfy (h / yr) = aspect * (w / xr) */
    double want = ax->aspect * yr / xr * w; /* box height that gives the aspect */
    if (ax->aspect_datalim) {
        if (want > h) expand_limits(&ax->xa, want / h);
        else if (want < h) expand_limits(&ax->ya, h / want);
        return;
    }
    /* the anchor (matplotlib's, y up) places the shrunk box inside the cell */
    if (want > h) { /* too tall: shrink the width */
        double nw = w * h / want;
        ax->dev[0] += (w - nw) * ax->anchor[0];
        ax->dev[2] = ax->dev[0] + nw;
    } else {
        ax->dev[1] += (h - want) * (1 - ax->anchor[1]);
        ax->dev[3] = ax->dev[1] + want;
    }
}

static void free_ticks(axis_state *a)
{
    for (int i = 0; i < a->nticks; i++) nd_free_mem(a->ticklabels[i]);
    nd_free_mem(a->ticklabels);
    nd_free_mem(a->ticks);
    nd_free_mem(a->offset_text);
    nd_free_mem(a->minor_ticks);
    a->ticklabels = NULL;
    a->ticks = NULL;
    a->offset_text = NULL;
    a->minor_ticks = NULL;
    a->nticks = a->nminor = 0;
}

static bool in_view(const axis_state *a, double v)
{
    double tl = nplot__scale_fwd(a, a->lo), th = nplot__scale_fwd(a, a->hi), t = nplot__scale_fwd(a, v);
    if (!isfinite(t)) return false;
    double lo = fmin(tl, th), hi = fmax(tl, th), tol = (hi - lo) * 1e-10;
    if (a->tick_lo < a->tick_hi) {
        double b0 = nplot__scale_fwd(a, a->tick_lo), b1 = nplot__scale_fwd(a, a->tick_hi);
        lo = fmax(lo, fmin(b0, b1));
        hi = fmin(hi, fmax(b0, b1));
    }
    return t >= lo - tol && t <= hi + tol;
}

#define TICK_CAP 512

/* Do adjacent major tick labels collide along the axis? (matplotlib's weak spot: its
 * bin count ignores the real label widths.) */
static bool labels_overlap(render_ctx *rc, nplot_axes *ax, axis_state *a, bool x)
{
    if (a->nticks < 2 || a->label_rotation != 0 || a->hide_ticklabels) return false;
    if (!a->labels_side[0] && !a->labels_side[1]) return false;
    text_style ts = { a->major.labelsize, a->major.labelcolor, PANGO_WEIGHT_NORMAL,
                      PANGO_STYLE_NORMAL, rc->fig->style->font_family };
    xform tf = nplot__xform(ax);
    double prev_pos = 0, prev_half = 0, pad = 0.5 * a->major.labelsize * rc->scale;
    for (int i = 0; i < a->nticks; i++) {
        text_box tb = nplot__text_layout(rc, a->ticklabels[i], &ts);
        double extent = x ? tb.w : tb.h;
        nplot__text_free(&tb);
        double px, py;
        nplot__to_dev(rc, ax, &tf, COORD_DATA, COORD_DATA, x ? a->ticks[i] : 1, x ? 1 : a->ticks[i], &px, &py);
        double pos = x ? px : py;
        if (i > 0 && fabs(pos - prev_pos) < prev_half + extent / 2 + pad) return true;
        prev_pos = pos;
        prev_half = extent / 2;
    }
    return false;
}

static void compute_axis_ticks_nb(render_ctx *rc, nplot_axes *ax, axis_state *a, bool x, int nbins);

/* MaxNLocator(nbins, steps, min_n_ticks, prune, symmetric).tick_values as locator_params
 * left it (nbins 0: 'auto', the axis' tick space) */
static int maxn_params_ticks(const struct maxn_params *p, double lo, double hi, int auto_nbins,
                             double *buf)
{
    static const double def_steps[] = { 1, 2, 2.5, 5, 10 };
    if (p->symmetric) {
        hi = fmax(fabs(lo), fabs(hi));
        lo = -hi;
    }
    int n = nplot__maxn_ticks_steps(lo, hi, p->nbins ? p->nbins : auto_nbins,
                                    p->nsteps ? p->steps : def_steps, p->nsteps ? p->nsteps : 5,
                                    p->min_n_ticks ? p->min_n_ticks : 2, buf, TICK_CAP);
    if (n > TICK_CAP) n = TICK_CAP;
    if (n <= 0) return n;
    int first = (p->prune & 1) ? 1 : 0, last = (p->prune & 2) ? n - 1 : n;
    if (last <= first) return 0;
    memmove(buf, buf + first, sizeof(double) * (size_t)(last - first));
    return last - first;
}

static void compute_axis_ticks(render_ctx *rc, nplot_axes *ax, axis_state *a, bool x)
{
    double len_pt = (x ? ax->dev[2] - ax->dev[0] : ax->dev[3] - ax->dev[1]) / rc->scale;
    double lsize = NPLOT_OPT(a->major.labelsize, 10);
    int space = (int)floor(len_pt / (lsize * (x ? 3 : 2)));
    int nb = space < 1 ? 1 : space > 9 ? 9 : space;
    bool auto_linear = !a->fixed_set && a->scale == SCALE_LINEAR && a->ncats == 0 && !a->date &&
                       a->maxn.nbins == 0;
    for (;;) {
        compute_axis_ticks_nb(rc, ax, a, x, nb);
        if (!auto_linear || nb <= 1 || ax->fig->status || !labels_overlap(rc, ax, a, x)) break;
        nb--;
    }
}

static void compute_axis_ticks_nb(render_ctx *rc, nplot_axes *ax, axis_state *a, bool x, int nbins)
{
    free_ticks(a);
    if (nplot__date_axis_ticks(ax, a)) return; /* date axis (dateaxis.c) */
    double len_pt = (x ? ax->dev[2] - ax->dev[0] : ax->dev[3] - ax->dev[1]) / rc->scale;
    double lsize = NPLOT_OPT(a->major.labelsize, 10);
    int space = (int)floor(len_pt / (lsize * (x ? 3 : 2)));
    double buf[TICK_CAP];
    int n = 0;
    double lo = fmin(a->lo, a->hi), hi = fmax(a->lo, a->hi);
    /* a secondary axis over a log parent is ticked as a log axis (matplotlib's functionlog) */
    int tscale = nplot__secondary_log(ax, x) ? SCALE_LOG : a->scale;
    if (a->fixed_set) {
        n = a->nfixed < TICK_CAP ? a->nfixed : TICK_CAP;
        if (n > 0) memcpy(buf, a->fixed, sizeof(double) * (size_t)n);
    } else if (a->loc.kind != LOC_AUTO) {
        n = nplot__locator_ticks(a, false, NULL, 0, lo, hi, buf, TICK_CAP);
    } else if (a->ncats > 0) {
        /* StrCategoryLocator: one tick per category */
        n = a->ncats < TICK_CAP ? a->ncats : TICK_CAP;
        for (int i = 0; i < n; i++) buf[i] = i;
    } else if (tscale == SCALE_LOG) {
        int nt = space < 2 ? 2 : space > 9 ? 9 : space;
        n = nplot_log_ticks(lo, hi, a->base, nt, false, buf, TICK_CAP);
    } else if (a->scale == SCALE_SYMLOG) {
        n = nplot__symlog_ticks(lo, hi, a->base, a->linthresh, buf, TICK_CAP);
    } else if (a->scale == SCALE_ASINH) {
        n = nplot__asinh_ticks(lo, hi, a->linear_width, floor(a->base), buf, TICK_CAP); /* int(base) */
    } else if (a->scale == SCALE_LOGIT) {
        n = nplot__logit_ticks(lo, hi, a->minpos, space, false, buf, TICK_CAP);
    } else if (a->maxn.nbins || a->maxn.nsteps || a->maxn.min_n_ticks || a->maxn.prune ||
               a->maxn.symmetric) {
        n = maxn_params_ticks(&a->maxn, lo, hi, nbins, buf);
    } else {
        n = nplot_maxn_ticks(lo, hi, nbins, buf, TICK_CAP);
    }
    if (n < 0) n = 0;
    if (n > TICK_CAP) n = TICK_CAP;
    /* keep the ticks inside the view; fixed labels follow their tick's index */
    double vis[TICK_CAP];
    const char *fixed_lab[TICK_CAP];
    int nv = 0;
    for (int i = 0; i < n; i++)
        if (in_view(a, buf[i])) {
            fixed_lab[nv] = a->fixed_set && i < a->nfixed_labels ? a->fixed_labels[i] : NULL;
            vis[nv++] = buf[i];
        }
    a->ticks = nd_malloc(sizeof(double) * (size_t)(nv ? nv : 1), "nplot layout");
    a->ticklabels = nd_calloc((size_t)(nv ? nv : 1), sizeof(char *), "nplot layout");
    if (!a->ticks || !a->ticklabels) {
        nplot__fail(ax->fig, ND_ENOMEM, "nplot: out of memory computing ticks");
        return;
    }
    if (nv > 0) memcpy(a->ticks, vis, sizeof(double) * (size_t)nv);
    bool have_fixed_labels = a->nfixed_labels > 0;
    bool categorical = !a->fixed_set && a->ncats > 0;
    if (categorical) have_fixed_labels = true;
    if (nplot__format_ticks(&a->fmt, tscale, a->base, vis, nv, a->lo, a->hi, a->ticklabels,
                            &a->offset_text)) {
        nplot__fail(ax->fig, ND_ENOMEM, "nplot: out of memory formatting ticks");
        return;
    }
    if (a->scale == SCALE_LOGIT && a->fmt.kind == FMT_SCALAR) { /* LogitFormatter */
        for (int i = 0; i < nv; i++) {
            char lab[160];
            nplot__logit_label(vis[i], vis, nv, lab, sizeof lab);
            char *c = nd_strdup(lab, "nplot layout");
            if (!c) {
                nplot__fail(ax->fig, ND_ENOMEM, "nplot: out of memory formatting ticks");
                return;
            }
            nd_free_mem(a->ticklabels[i]);
            a->ticklabels[i] = c;
        }
        if (a->offset_text) a->offset_text[0] = '\0';
    }
    if (!ax->fig->style->unicode_minus) { /* axes.unicode_minus False: ASCII hyphens */
        for (int i = 0; i < nv; i++) nplot__ascii_minus(a->ticklabels[i]);
        if (a->offset_text) nplot__ascii_minus(a->offset_text);
    }
    a->nticks = nv;
    if (have_fixed_labels) {
        for (int i = 0; i < nv; i++) {
            const char *l = categorical ? a->cats[(int)vis[i]]
                            : a->fixed_set ? fixed_lab[i]
                            : (i < a->nfixed_labels ? a->fixed_labels[i] : "");
            char *c = nd_strdup(l ? l : "", "nplot layout");
            if (!c) {
                nplot__fail(ax->fig, ND_ENOMEM, "nplot: out of memory");
                return;
            }
            nd_free_mem(a->ticklabels[i]);
            a->ticklabels[i] = c;
        }
        a->offset_text[0] = '\0';
    }
    /* minor ticks */
    int nm = 0;
    double mbuf[TICK_CAP];
    if (a->minor_fixed_set) {
        nm = a->nfixed_minor < TICK_CAP ? a->nfixed_minor : TICK_CAP;
        if (nm > 0) memcpy(mbuf, a->fixed_minor, sizeof(double) * (size_t)nm);
    } else if (a->mloc.kind != LOC_AUTO) {
        nm = nplot__locator_ticks(a, true, buf, n, lo, hi, mbuf, TICK_CAP);
    } else if (tscale == SCALE_LOG && a->minor_log != NPLOT_OFF) {
        int nt = space < 2 ? 2 : space > 9 ? 9 : space;
        nm = nplot_log_ticks(lo, hi, a->base, nt, true, mbuf, TICK_CAP);
    } else if (a->scale == SCALE_LOGIT) {
        nm = nplot__logit_ticks(lo, hi, a->minpos, space, true, mbuf, TICK_CAP);
    } else if (a->scale == SCALE_ASINH) {
        nm = nplot__asinh_minor_ticks(lo, hi, a->linear_width, a->base, mbuf, TICK_CAP);
    } else if (a->minor_on && (a->scale == SCALE_LINEAR || a->scale == SCALE_FUNCTION)) {
        double all[TICK_CAP];
        int na = a->fixed_set ? nv : n;
        if (na > 0) memcpy(all, a->fixed_set ? vis : buf, sizeof(double) * (size_t)na);
        nm = nplot__auto_minor_ticks(all, na, lo, hi, mbuf, TICK_CAP);
    }
    if (nm < 0) nm = 0;
    if (nm > TICK_CAP) nm = TICK_CAP;
    a->minor_ticks = nd_malloc(sizeof(double) * (size_t)(nm ? nm : 1), "nplot layout");
    if (!a->minor_ticks) {
        nplot__fail(ax->fig, ND_ENOMEM, "nplot: out of memory computing ticks");
        return;
    }
    for (int i = 0; i < nm; i++) {
        if (!in_view(a, mbuf[i])) continue;
        bool dup = false;
        double tol = fabs(hi - lo) * 1e-9;
        for (int j = 0; j < nv && !dup; j++)
            if (fabs(vis[j] - mbuf[i]) <= tol * (tscale == SCALE_LOG ? fabs(mbuf[i]) : 1)) dup = true;
        if (!dup) a->minor_ticks[a->nminor++] = mbuf[i];
    }
}

void nplot__axes_ticks(render_ctx *rc, nplot_axes *ax)
{
    if (ax->polar) { /* polar: r ticks as a y axis (no overlap pass), theta by draw_polar.c */
        double lsize = NPLOT_OPT(ax->ya.major.labelsize, 10);
        int space = (int)floor((ax->dev[3] - ax->dev[1]) / rc->scale / (lsize * 2));
        /* matplotlib does not snap a polar box to whole pixels: square the unrounded cell
         * (unless a colorbar took its share of it) */
        bool cbar = false;
        for (nplot_axes *t = ax->fig->axes; t; t = t->next) cbar |= t->cbar_parent == ax;
        if (!cbar) {
            ax->dev[0] = ax->rect[0] * rc->W;
            ax->dev[2] = (ax->rect[0] + ax->rect[2]) * rc->W;
            ax->dev[1] = (1 - ax->rect[1] - ax->rect[3]) * rc->H;
            ax->dev[3] = (1 - ax->rect[1]) * rc->H;
            nplot__polar_box(ax);
        }
        nplot__polar_geometry(ax);
        compute_axis_ticks_nb(rc, ax, &ax->ya, false, space < 1 ? 1 : space > 9 ? 9 : space);
        nplot__polar_ticks(rc, ax);
        return;
    }
    compute_axis_ticks(rc, ax, &ax->xa, true);
    compute_axis_ticks(rc, ax, &ax->ya, false);
}

/* ---- shared tickers --------------------------------------------------------------------------- */
static nplot_axes *group_root(nplot_axes *ax, bool x)
{
    int guard = 0;
    for (;;) {
        nplot_axes *r = x ? ax->xa.share_root : ax->ya.share_root;
        if (!r || guard++ > 1000) return ax;
        ax = r;
    }
}

static bool explicit_ticker(const axis_state *a)
{
    return a->fixed_set || a->minor_fixed_set || a->loc.kind != LOC_AUTO ||
           a->mloc.kind != LOC_AUTO || a->fmt.kind != FMT_SCALAR || a->nfixed_labels > 0 ||
           a->date; /* a date axis (issue 17) ticks the group */
}

/* dst's computed ticks become copies of src's; false when out of memory */
static bool copy_ticks(axis_state *dst, const axis_state *src)
{
    free_ticks(dst);
    int n = src->nticks, nm = src->nminor;
    dst->ticks = nd_malloc(sizeof(double) * (size_t)(n ? n : 1), "nplot layout");
    dst->ticklabels = nd_calloc((size_t)(n ? n : 1), sizeof(char *), "nplot layout");
    dst->minor_ticks = nd_malloc(sizeof(double) * (size_t)(nm ? nm : 1), "nplot layout");
    dst->offset_text = nd_strdup(src->offset_text ? src->offset_text : "", "nplot layout");
    if (!dst->ticks || !dst->ticklabels || !dst->minor_ticks || !dst->offset_text) return false;
    for (int i = 0; i < n; i++)
        if (!(dst->ticklabels[i] = nd_strdup(src->ticklabels[i] ? src->ticklabels[i] : "",
                                             "nplot layout")))
            return false;
    if (n) memcpy(dst->ticks, src->ticks, sizeof(double) * (size_t)n);
    if (nm) memcpy(dst->minor_ticks, src->minor_ticks, sizeof(double) * (size_t)nm);
    dst->nticks = n;
    dst->nminor = nm;
    return true;
}

/* matplotlib's shared axes hold one Ticker (locator and formatter): its locator sizes the
 * ticks by the group's first axes, whatever the member's own length. The ticks of a group
 * come from its root, or from the first member given explicit ticks / a locator or
 * formatter when the root has none. */
static void link_shared_ticks(nplot_figure *fig)
{
    for (int x = 0; x < 2; x++)
        for (nplot_axes *ax = fig->axes; ax; ax = ax->next) {
            if (ax->polar || ax->is3d) continue;
            nplot_axes *root = group_root(ax, x);
            bool member = root != ax;
            for (nplot_axes *o = fig->axes; o && !member; o = o->next)
                member = o != ax && group_root(o, x) == ax;
            if (!member) continue;
            nplot_axes *src = root;
            if (!explicit_ticker(x ? &root->xa : &root->ya))
                for (nplot_axes *o = fig->axes; o; o = o->next)
                    if (group_root(o, x) == root && explicit_ticker(x ? &o->xa : &o->ya)) {
                        src = o;
                        break;
                    }
            if (src == ax || src->polar || src->is3d) continue;
            if (!copy_ticks(x ? &ax->xa : &ax->ya, x ? &src->xa : &src->ya)) {
                nplot__fail(fig, ND_ENOMEM, "nplot: out of memory linking shared ticks");
                return;
            }
        }
}

/* inset_axes: the bounds in the parent's axes fractions, or (transform data) its data
 * coordinates through its final limits; parents come before their insets in the list */
static void place_insets(render_ctx *rc)
{
    for (nplot_axes *ax = rc->fig->axes; ax; ax = ax->next) {
        const nplot_axes *p = ax->inset_parent;
        if (!p) continue;
        double f[4] = { ax->inset_bounds[0], ax->inset_bounds[1],
                        ax->inset_bounds[0] + ax->inset_bounds[2],
                        ax->inset_bounds[1] + ax->inset_bounds[3] };
        if (ax->inset_data) {
            for (int k = 0; k < 4; k++) {
                const axis_state *a = k % 2 ? &p->ya : &p->xa;
                double t0 = nplot__scale_fwd(a, a->lo), t1 = nplot__scale_fwd(a, a->hi);
                f[k] = (nplot__scale_fwd(a, f[k]) - t0) / (t1 - t0);
                if (!isfinite(f[k])) f[k] = k < 2 ? 0 : 1; /* outside a log axis: its edge */
            }
        }
        double W = rc->W, H = rc->H;
        double x0 = p->dev[0] + f[0] * (p->dev[2] - p->dev[0]);
        double x1 = p->dev[0] + f[2] * (p->dev[2] - p->dev[0]);
        double y0 = p->dev[3] - f[3] * (p->dev[3] - p->dev[1]);
        double y1 = p->dev[3] - f[1] * (p->dev[3] - p->dev[1]);
        if (x1 < x0) { double t = x0; x0 = x1; x1 = t; }
        if (y1 < y0) { double t = y0; y0 = y1; y1 = t; }
        ax->rect[0] = x0 / W;
        ax->rect[2] = (x1 - x0) / W;
        ax->rect[1] = 1 - y1 / H;
        ax->rect[3] = (y1 - y0) / H;
        if (rc->raster) {
            x0 = round(x0), x1 = round(x1), y0 = round(y0), y1 = round(y1);
        }
        ax->dev[0] = x0, ax->dev[1] = y0, ax->dev[2] = x1, ax->dev[3] = y1;
        memcpy(ax->cell_dev, ax->dev, sizeof ax->dev);
        apply_aspect(ax);
    }
}

/* set_axes_locator: the user's function moves the box the layout gave (figure fractions) */
static void place_located(render_ctx *rc)
{
    for (nplot_axes *ax = rc->fig->axes; ax; ax = ax->next) {
        if (!ax->pr.locator) continue;
        double W = rc->W, H = rc->H;
        double r[4] = { ax->dev[0] / W, 1 - ax->dev[3] / H, (ax->dev[2] - ax->dev[0]) / W,
                        (ax->dev[3] - ax->dev[1]) / H };
        nd_status st = ax->pr.locator(ax, r, ax->pr.locator_ctx);
        if (st != ND_OK) {
            nplot__fail(rc->fig, st, "nplot_axes_set_axes_locator: the locator failed (%s)",
                        nd_status_name(st));
            return;
        }
        if (!(isfinite(r[0]) && isfinite(r[1]) && isfinite(r[2]) && isfinite(r[3]) &&
              r[2] >= 0 && r[3] >= 0)) {
            nplot__fail(rc->fig, ND_EVALUE, "nplot_axes_set_axes_locator: the locator gave the "
                        "box (%g, %g, %g, %g): need finite numbers and a width and height >= 0",
                        r[0], r[1], r[2], r[3]);
            return;
        }
        memcpy(ax->rect, r, sizeof r);
        double x0 = r[0] * W, x1 = (r[0] + r[2]) * W, y0 = (1 - r[1] - r[3]) * H, y1 = (1 - r[1]) * H;
        if (rc->raster) x0 = round(x0), x1 = round(x1), y0 = round(y0), y1 = round(y1);
        ax->dev[0] = x0, ax->dev[1] = y0, ax->dev[2] = x1, ax->dev[3] = y1;
        memcpy(ax->cell_dev, ax->dev, sizeof ax->dev);
        apply_aspect(ax);
    }
}

static void layout_pass(render_ctx *rc)
{
    nplot_figure *fig = rc->fig;
    place_axes(rc);
    nplot__autoscale(fig);
    for (nplot_axes *ax = fig->axes; ax; ax = ax->next) apply_aspect(ax);
    /* twins follow their parent's (possibly aspect-shrunk) box */
    for (nplot_axes *ax = fig->axes; ax; ax = ax->next)
        if (ax->twin_parent) memcpy(ax->dev, ax->twin_parent->dev, sizeof ax->dev);
    /* shared axes copy the root's limits after aspect changes */
    for (nplot_axes *ax = fig->axes; ax; ax = ax->next) {
        if (ax->xa.share_root) {
            const axis_state *r = &ax->xa.share_root->xa;
            ax->xa.lo = r->lo;
            ax->xa.hi = r->hi;
        }
        if (ax->ya.share_root) {
            const axis_state *r = &ax->ya.share_root->ya;
            ax->ya.lo = r->lo;
            ax->ya.hi = r->hi;
        }
    }
    place_insets(rc);
    place_located(rc);
    /* secondary axes: forward(parent limits), once those are final (secondary.c) */
    for (nplot_axes *ax = fig->axes; ax; ax = ax->next) nplot__secondary_sync(ax);
    for (nplot_axes *ax = fig->axes; ax; ax = ax->next) nplot__axes_ticks(rc, ax);
    link_shared_ticks(fig);
}

/* The cells [r0, r1) x [c0, c1) (span[0..3]) that ax's top-level grid cell covers on the
 * R x C grid of the figure's params (its own cells when ax is on a top-level grid; grids of
 * fewer rows or columns divide R and C, matplotlib's condition, so each cell is a whole
 * number of cells); false when ax's top grid has its own params. */
static bool top_span(const nplot_axes *ax, int R, int C, int span[4])
{
    if (!ax->gs) return false;
    int r0 = ax->r0, r1 = ax->r1, c0 = ax->c0, c1 = ax->c1;
    const nplot_gridspec *t = ax->gs;
    while (t->parent) {
        r0 = t->pr0, r1 = t->pr1, c0 = t->pc0, c1 = t->pc1;
        t = t->parent;
    }
    if (t->left >= 0 || t->sf) return false;
    int fr = R / t->nrows, fc = C / t->ncols;
    span[0] = r0 * fr, span[1] = r1 * fr, span[2] = c0 * fc, span[3] = c1 * fc;
    return true;
}

/* matplotlib's height of a one-line text: the ink above the baseline and below it, each at
 * least that of "lp" (Text._get_layout), and its width; < 0 when out of memory. */
static double suplabel_height(render_ctx *rc, const fig_text *t, double *width)
{
    double asc = 0, desc = 0;
    *width = 0;
    for (int k = 0; k < 2; k++) {
        text_box tb = nplot__text_layout(rc, k ? "lp" : t->text, &t->ts);
        if (!tb.layout) return rc->fig->status ? -1 : 0;
        PangoRectangle ink;
        pango_layout_get_extents(tb.layout, &ink, NULL);
        double top = (double)ink.y / PANGO_SCALE, bottom = (double)(ink.y + ink.height) / PANGO_SCALE;
        if (!k) *width = tb.w;
        asc = fmax(asc, tb.baseline - top);
        desc = fmax(desc, bottom - tb.baseline);
        nplot__text_free(&tb);
    }
    return asc + desc;
}

static void tight(render_ctx *rc)
{
    nplot_figure *fig = rc->fig;
    double pad = fig->tight_pad * 10 * rc->scale;
    double hpad = fig->tight_hpad * 10 * rc->scale, wpad = fig->tight_wpad * 10 * rc->scale;
    /* the figure-wide grid: every top-level gridspec on the figure's params, on one grid
     * of the most rows and columns, which the others must divide (matplotlib's
     * get_tight_layout_figure; else it warns and leaves the layout alone) */
    int R = 0, C = 0;
    bool sf_axes = false;
    for (int pass = 0; pass < 2; pass++)
        for (nplot_axes *ax = fig->axes; ax; ax = ax->next) {
            if (!ax->gs || ax->pr.not_in_layout || ax->pr.hidden) continue; /* set_in_layout */
            const nplot_gridspec *t = ax->gs;
            while (t->parent) t = t->parent; /* nested grids count as their top cell */
            if (t->sf) {
                /* matplotlib's tight_layout sees only the figure's own axes */
                if (!pass) sf_axes = true;
                continue;
            }
            if (t->left >= 0) continue;
            if (!pass) {
                R = t->nrows > R ? t->nrows : R;
                C = t->ncols > C ? t->ncols : C;
            } else if (R % t->nrows || C % t->ncols) {
                nd_warn("nplot_tight_layout: tight_layout not applied: number of %s in subplot specifications must "
                        "be multiples of one another.", R % t->nrows ? "rows" : "columns");
                return;
            }
        }
    if (sf_axes && !fig->tight_sf_warned) {
        fig->tight_sf_warned = true;
        nd_warn("nplot_tight_layout: the axes of subfigures are left alone (matplotlib's "
                "tight_layout only adjusts the figure's own axes)");
    }
    if (!R || !C) return;
    double ml = 0, mr = 0, mt = 0, mb = 0;
    double *gapw = nd_calloc((size_t)(C + 1) * 2 + (size_t)(R + 1) * 2, sizeof(double), "nplot");
    if (!gapw) return;
    double *gapw2 = gapw + C + 1, *gaph = gapw2 + C + 1, *gaph2 = gaph + R + 1;
    for (nplot_axes *ax = fig->axes; ax; ax = ax->next) {
        int span[4];
        if (ax->twin_parent || ax->pr.not_in_layout || ax->pr.hidden || !top_span(ax, R, C, span))
            continue;
        /* the axes of a nested grid are measured together, as one subplot of their top
         * cell (matplotlib's get_topmost_subplotspec): the first of them does it */
        bool nested = ax->gs->parent != NULL, done = false;
        for (nplot_axes *o = fig->axes; o != ax && nested && !done; o = o->next) {
            int os[4];
            done = !o->twin_parent && o->gs && o->gs->parent && top_span(o, R, C, os) && !memcmp(os, span, sizeof os);
        }
        if (done) continue;
        bbox bb = { 0 };
        double box[4] = { 0 };
        bool first = true;
        for (nplot_axes *m = ax; m; m = nested ? m->next : NULL) {
            int ms[4];
            if (m != ax && (m->twin_parent || m->pr.not_in_layout || m->pr.hidden || !m->gs || !m->gs->parent || !top_span(m, R, C, ms) ||
                            memcmp(ms, span, sizeof ms)))
                continue;
            bbox mb_ = nplot__axes_tight_bbox(rc, m), lb;
            /* legends placed outside the axes count, as in matplotlib's get_tightbbox */
            if (nplot__legends_bbox(rc, m, &lb)) {
                mb_.x0 = fmin(mb_.x0, lb.x0), mb_.y0 = fmin(mb_.y0, lb.y0);
                mb_.x1 = fmax(mb_.x1, lb.x1), mb_.y1 = fmax(mb_.y1, lb.y1);
            }
            /* twins add their own decorations to their parent's */
            bool has_cbar = false;
            for (nplot_axes *t = fig->axes; t; t = t->next)
                if (t->twin_parent == m || t->cbar_parent == m) {
                    has_cbar |= t->cbar_parent == m;
                    bbox tb = nplot__axes_tight_bbox(rc, t), tl;
                    if (nplot__legends_bbox(rc, t, &tl)) {
                        tb.x0 = fmin(tb.x0, tl.x0), tb.y0 = fmin(tb.y0, tl.y0);
                        tb.x1 = fmax(tb.x1, tl.x1), tb.y1 = fmax(tb.y1, tl.y1);
                    }
                    mb_.x0 = fmin(mb_.x0, tb.x0);
                    mb_.y0 = fmin(mb_.y0, tb.y0);
                    mb_.x1 = fmax(mb_.x1, tb.x1);
                    mb_.y1 = fmax(mb_.y1, tb.y1);
                }
            /* with a colorbar the axes only has part of its cell: measure against the cell */
            const double *mbox = has_cbar ? m->cell_dev : m->dev;
            if (first) {
                bb = mb_;
                memcpy(box, mbox, sizeof box);
                first = false;
                continue;
            }
            bb.x0 = fmin(bb.x0, mb_.x0), bb.y0 = fmin(bb.y0, mb_.y0);
            bb.x1 = fmax(bb.x1, mb_.x1), bb.y1 = fmax(bb.y1, mb_.y1);
            box[0] = fmin(box[0], mbox[0]), box[1] = fmin(box[1], mbox[1]);
            box[2] = fmax(box[2], mbox[2]), box[3] = fmax(box[3], mbox[3]);
        }
        int r0 = span[0], r1 = span[1], c0 = span[2], c1 = span[3];
        double sl = fmax(0, box[0] - bb.x0), sr = fmax(0, bb.x1 - box[2]);
        double st = fmax(0, box[1] - bb.y0), sb = fmax(0, bb.y1 - box[3]);
        if (c0 == 0) ml = fmax(ml, sl);
        else gapw2[c0] = fmax(gapw2[c0], sl);
        if (c1 == C) mr = fmax(mr, sr);
        else gapw[c1] = fmax(gapw[c1], sr);
        if (r0 == 0) mt = fmax(mt, st);
        else gaph2[r0] = fmax(gaph2[r0], st);
        if (r1 == R) mb = fmax(mb, sb);
        else gaph[r1] = fmax(gaph[r1], sb);
    }
    double wgap = 0, hgap = 0;
    for (int c = 1; c < C; c++) wgap = fmax(wgap, gapw[c] + gapw2[c] + wpad);
    for (int r = 1; r < R; r++) hgap = fmax(hgap, gaph[r] + gaph2[r] + hpad);
    nd_free_mem(gapw);
    if (fig->suptitle && *fig->suptitle) {
        text_box tb = nplot__text_layout(rc, fig->suptitle, &fig->suptitle_ts);
        mt += tb.h + 0.02 * rc->H;
        nplot__text_free(&tb);
    }
    /* supxlabel / supylabel: their extent and a pad more (matplotlib 3.6) */
    for (int k = 0; k < 2; k++) {
        const fig_text *t = k ? fig->supylabel : fig->supxlabel;
        if (!t || !t->text[0]) continue;
        double w, h = suplabel_height(rc, t, &w);
        if (h < 0) return;
        /* the rotated box's extent across the figure edge */
        double c = fabs(cos(t->rotation * M_PI / 180)), sn = fabs(sin(t->rotation * M_PI / 180));
        if (k) ml += sn * h + c * w + pad;
        else mb += c * h + sn * w + pad;
    }
    double left = (ml + pad) / rc->W, right = 1 - (mr + pad) / rc->W;
    double top = 1 - (mt + pad) / rc->H, bottom = (mb + pad) / rc->H;
    if (!(left < right) || !(bottom < top)) return; /* not enough room: keep the params */
    double totw = (right - left) * rc->W, toth = (top - bottom) * rc->H;
    double cw = (totw - (C - 1) * wgap) / C, ch = (toth - (R - 1) * hgap) / R;
    if (cw <= 0 || ch <= 0) return;
    fig->left = left;
    fig->right = right;
    fig->top = top;
    fig->bottom = bottom;
    fig->wspace = C > 1 ? wgap / cw : fig->wspace;
    fig->hspace = R > 1 ? hgap / ch : fig->hspace;
}

nd_status nplot__layout(render_ctx *rc)
{
    nplot_figure *fig = rc->fig;
    for (nplot_axes *ax = fig->axes; ax; ax = ax->next) ax->cl_placed = false;
    layout_pass(rc);
    if (fig->constrained) {
        /* twice, as matplotlib: tick labels change with the axes sizes (constrained.c) */
        for (int it = 0; it < 2 && fig->status == ND_OK; it++)
            if (nplot__constrained_layout(rc, it, layout_pass)) layout_pass(rc);
    } else if (fig->tight) {
        /* twice: tick density depends on the axes size, which tight changes */
        for (int it = 0; it < 2 && fig->status == ND_OK; it++) {
            tight(rc);
            layout_pass(rc);
        }
    }
    return fig->status;
}
