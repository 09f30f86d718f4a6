/* Constrained layout (matplotlib 3.6's _constrained_layout.py / _layoutgrid.py) and the
 * layout-engine switches. matplotlib solves a kiwisolver system; on numc's grids (every
 * gridspec a rectangle of rows and columns, nested grids filling cells of their parent) its
 * constraints reduce to: each column (row) has margins on both sides, at least the
 * decorations of the axes starting (ending) there plus the pads and colorbars; the rest of
 * the grid's box is split between the columns (rows) in the grid's ratios. layout.c runs
 * this twice at draw time, re-measuring the decorations in between. */
#include "plot_render.h"

#include <math.h>
#include <string.h>

enum { M_L, M_LCB, M_R, M_RCB, M_T, M_TCB, M_B, M_BCB, M_N };

/* One grid: margins per column (M_L..M_RCB) or row (M_T..M_BCB) in figure fractions and,
 * once solved, the outer edges of each column (xs: left, right) and row (ys: top, bottom;
 * y up). A panel (the figure or a subfigure) is a 1 x 1 grid with gs NULL. */
typedef struct cgrid {
    const nplot_gridspec *gs;
    const nplot_subfigure *sf; /* the panel's subfigure (NULL: the figure) */
    int nr, nc;
    double *m[M_N];
    double *xs, *ys;
    bool solved;
} cgrid;

typedef struct cstate {
    render_ctx *rc;
    nplot_figure *fig;
    cgrid *g;      /* panels first (figure, then subfigures in order), then the gridspecs */
    int ng, npanels;
    double wpad, hpad; /* figure fractions */
} cstate;

static cgrid *grid_of(cstate *s, const nplot_gridspec *gs)
{
    for (int i = s->npanels; i < s->ng; i++)
        if (s->g[i].gs == gs) return &s->g[i];
    return NULL;
}

static cgrid *panel_of(cstate *s, const nplot_subfigure *sf)
{
    for (int i = 0; i < s->npanels; i++)
        if (s->g[i].sf == sf) return &s->g[i];
    return &s->g[0];
}

static bool grid_init(cgrid *g, int nr, int nc)
{
    g->nr = nr, g->nc = nc;
    double *buf = nd_calloc((size_t)(6 * nc + 6 * nr), sizeof(double), "nplot constrained");
    if (!buf) return false;
    for (int k = 0; k < 4; k++) g->m[k] = buf + k * nc;
    for (int k = 0; k < 4; k++) g->m[4 + k] = buf + 4 * nc + k * nr;
    g->xs = buf + 4 * nc + 4 * nr;
    g->ys = g->xs + 2 * nc;
    return true;
}

static void edit_min(cgrid *g, int k, int cell, double v)
{
    if (v > g->m[k][cell]) g->m[k][cell] = v;
}

/* The inner box (l, b, r, t) of rows [r0, r1) x columns [c0, c1); cb: only the colorbar
 * margins taken off (get_bbox_for_cb). */
static void inner_box(const cgrid *g, int r0, int r1, int c0, int c1, bool cb, double out[4])
{
    out[0] = g->xs[2 * c0] + g->m[M_LCB][c0] + (cb ? 0 : g->m[M_L][c0]);
    out[2] = g->xs[2 * (c1 - 1) + 1] - g->m[M_RCB][c1 - 1] - (cb ? 0 : g->m[M_R][c1 - 1]);
    out[3] = g->ys[2 * r0] - g->m[M_TCB][r0] - (cb ? 0 : g->m[M_T][r0]);
    out[1] = g->ys[2 * (r1 - 1) + 1] + g->m[M_BCB][r1 - 1] + (cb ? 0 : g->m[M_B][r1 - 1]);
}

/* Lay the grid's columns and rows into box (l, b, r, t); false when a cell collapses. */
static bool grid_solve(cgrid *g, const double box[4])
{
    const double *wr = g->gs ? g->gs->wr : NULL, *hr = g->gs ? g->gs->hr : NULL;
    double sw = 0, sh = 0, mw = 0, mh = 0;
    for (int c = 0; c < g->nc; c++)
        sw += wr ? wr[c] : 1, mw += g->m[M_L][c] + g->m[M_LCB][c] + g->m[M_R][c] + g->m[M_RCB][c];
    for (int r = 0; r < g->nr; r++)
        sh += hr ? hr[r] : 1, mh += g->m[M_T][r] + g->m[M_TCB][r] + g->m[M_B][r] + g->m[M_BCB][r];
    double iw = box[2] - box[0] - mw, ih = box[3] - box[1] - mh;
    double x = box[0];
    for (int c = 0; c < g->nc; c++) {
        g->xs[2 * c] = x;
        x += g->m[M_L][c] + g->m[M_LCB][c] + iw * (wr ? wr[c] : 1) / sw + g->m[M_R][c] +
             g->m[M_RCB][c];
        g->xs[2 * c + 1] = x;
    }
    double y = box[3];
    for (int r = 0; r < g->nr; r++) {
        g->ys[2 * r] = y;
        y -= g->m[M_T][r] + g->m[M_TCB][r] + ih * (hr ? hr[r] : 1) / sh + g->m[M_B][r] +
             g->m[M_BCB][r];
        g->ys[2 * r + 1] = y;
    }
    g->solved = true;
    return iw > 0 && ih > 0;
}

/* A device-unit box (y down) as figure fractions (l, b, r, t). */
static void to_frac(const render_ctx *rc, double x0, double y0, double x1, double y1, double out[4])
{
    out[0] = x0 / rc->W, out[2] = x1 / rc->W;
    out[1] = 1 - y1 / rc->H, out[3] = 1 - y0 / rc->H;
}

static bool in_layout(const nplot_axes *ax)
{
    return ax->gs && !ax->twin_parent && !ax->cbar_parent && !ax->secondary;
}

/* get_margin_from_padding: the pad margins of cells [r0, r1) x [c0, c1) of grid g */
static void pad_margins(const cstate *s, const cgrid *g, int r0, int r1, int c0, int c1,
                        double wpad, double hpad, double m[M_N])
{
    const nplot_gridspec *gs = g->gs;
    double ws = (gs && gs->wspace >= 0 ? gs->wspace : s->fig->cl_wspace) / 2;
    double hs = (gs && gs->hspace >= 0 ? gs->hspace : s->fig->cl_hspace) / 2;
    for (int k = 0; k < M_N; k++) m[k] = 0;
    m[M_LCB] = m[M_RCB] = wpad;
    m[M_TCB] = m[M_BCB] = hpad;
    if (ws / g->nc > wpad) {
        if (c0 > 0) m[M_LCB] = ws / g->nc;
        if (c1 < g->nc) m[M_RCB] = ws / g->nc;
    }
    if (hs / g->nr > hpad) {
        if (r1 < g->nr) m[M_BCB] = hs / g->nr;
        if (r0 > 0) m[M_TCB] = hs / g->nr;
    }
}

static void outer_mins(cgrid *g, const double m[M_N], int r0, int r1, int c0, int c1)
{
    edit_min(g, M_L, c0, m[M_L]);
    edit_min(g, M_LCB, c0, m[M_LCB]);
    edit_min(g, M_R, c1 - 1, m[M_R]);
    edit_min(g, M_RCB, c1 - 1, m[M_RCB]);
    edit_min(g, M_T, r0, m[M_T]);
    edit_min(g, M_TCB, r0, m[M_TCB]);
    edit_min(g, M_B, r1 - 1, m[M_B]);
    edit_min(g, M_BCB, r1 - 1, m[M_BCB]);
}

static void bb_union(bbox *a, bbox b)
{
    a->x0 = fmin(a->x0, b.x0), a->y0 = fmin(a->y0, b.y0);
    a->x1 = fmax(a->x1, b.x1), a->y1 = fmax(a->y1, b.y1);
}

/* The colorbar's side: 0 right, 1 left, 2 top, 3 bottom. */
static int cbar_side(const nplot_axes *cax)
{
    return cax->cbar_vertical ? (cax->cbar_flip ? 1 : 0) : (cax->cbar_flip ? 2 : 3);
}

/* colorbar_get_pad: pad times the parent's inner width (height) in the last solution (0
 * before the first, as matplotlib's unsolved variables) */
static double cbar_pad(const nplot_axes *cax, bool solved)
{
    if (!solved) return 0;
    const double *r = cax->cbar_parent->cl_rect;
    return cax->cbar_pad * (cax->cbar_vertical ? r[2] : r[3]);
}

/* make_layout_margins for one axes */
static void axes_margins(cstate *s, nplot_axes *ax, bool solved)
{
    render_ctx *rc = s->rc;
    cgrid *g = grid_of(s, ax->gs);
    if (!g) return;
    double m[M_N];
    pad_margins(s, g, ax->r0, ax->r1, ax->c0, ax->c1, s->wpad, s->hpad, m);
    bbox bb = nplot__axes_tight_bbox(rc, ax), lb;
    /* the axes' legends count (Axes.get_tightbbox), as do its twins' */
    if (nplot__legends_bbox(rc, ax, &lb)) bb_union(&bb, lb);
    for (nplot_axes *t = s->fig->axes; t; t = t->next)
        if (t->twin_parent == ax) {
            bb_union(&bb, nplot__axes_tight_bbox(rc, t));
            if (nplot__legends_bbox(rc, t, &lb)) bb_union(&bb, lb);
        }
    double pos[4], b[4];
    to_frac(rc, ax->cl_orig[0], ax->cl_orig[1], ax->cl_orig[2], ax->cl_orig[3], pos);
    to_frac(rc, bb.x0, bb.y0, bb.x1, bb.y1, b);
    m[M_L] += pos[0] - b[0];
    m[M_R] += b[2] - pos[2];
    m[M_B] += pos[1] - b[1];
    m[M_T] += b[3] - pos[3];
    for (nplot_axes *cax = s->fig->axes; cax; cax = cax->next) {
        if (cax->cbar_parent != ax) continue;
        bbox cbb = nplot__axes_tight_bbox(rc, cax);
        double cb[4];
        to_frac(rc, cbb.x0, cbb.y0, cbb.x1, cbb.y1, cb);
        double pad = cbar_pad(cax, solved);
        int side = cbar_side(cax);
        if (side == 0) m[M_RCB] += cb[2] - cb[0] + pad;
        else if (side == 1) m[M_LCB] += cb[2] - cb[0] + pad;
        else if (side == 2) m[M_TCB] += cb[3] - cb[1] + pad;
        else m[M_BCB] += cb[3] - cb[1] + pad;
        if (side >= 2) { /* wider than the axes' decorations */
            if (cb[0] < b[0]) m[M_L] += b[0] - cb[0];
            if (cb[2] > b[2]) m[M_R] += cb[2] - b[2];
        } else {
            if (cb[1] < b[1]) m[M_B] += b[1] - cb[1];
            if (cb[3] > b[3]) m[M_T] += cb[3] - b[3];
        }
    }
    outer_mins(g, m, ax->r0, ax->r1, ax->c0, ax->c1);
}

/* matplotlib's height of a one-line text (Text._get_layout: ascent and descent each at
 * least those of "lp") and its width; < 0 when it cannot be measured */
static double text_height(render_ctx *rc, const char *text, const text_style *ts, double *width)
{
    double asc = 0, desc = 0;
    *width = 0;
    for (int k = 0; k < 2; k++) {
        text_box tb = nplot__text_layout(rc, k ? "lp" : text, ts);
        if (!tb.layout) return -1;
        PangoRectangle ink;
        pango_layout_get_extents(tb.layout, &ink, NULL);
        double top = (double)ink.y / PANGO_SCALE, bottom = (double)(ink.y + ink.height) / PANGO_SCALE;
        if (!k) *width = tb.w;
        asc = fmax(asc, tb.baseline - top);
        desc = fmax(desc, bottom - tb.baseline);
        nplot__text_free(&tb);
    }
    /* a multi-line text: its layout height */
    if (strchr(text, '\n')) {
        text_box tb = nplot__text_layout(rc, text, ts);
        if (tb.layout) asc = fmax(asc + desc, tb.h) - desc;
        nplot__text_free(&tb);
    }
    return asc + desc;
}

/* make_margin_suptitles for one panel: the suptitle at 1 - h_pad (va top), supxlabel at
 * h_pad, supylabel at w_pad of the panel's box, each with a margin of its extent + 2 pads */
static void panel_texts(cstate *s, cgrid *p)
{
    render_ctx *rc = s->rc;
    nplot_figure *fig = s->fig;
    const nplot_subfigure *sf = p->sf;
    double box[4] = { 0, 0, 1, 1 };
    if (sf) box[0] = sf->box[0], box[1] = sf->box[1], box[2] = sf->box[0] + sf->box[2],
            box[3] = sf->box[1] + sf->box[3];
    double w;
    if (!sf && fig->suptitle && fig->suptitle[0]) {
        fig->suptitle_y = s->hpad;
        double h = text_height(rc, fig->suptitle, &fig->suptitle_ts, &w);
        if (h >= 0) edit_min(p, M_T, 0, h / rc->H + 2 * s->hpad);
    }
    const fig_text *top = sf ? sf->suptitle : NULL;
    fig_text *sx = sf ? sf->supxlabel : fig->supxlabel, *sy = sf ? sf->supylabel : fig->supylabel;
    for (int k = 0; k < 3; k++) {
        fig_text *t = k == 0 ? (fig_text *)top : k == 1 ? sx : sy;
        if (!t || !t->text[0]) continue;
        double h = text_height(rc, t->text, &t->ts, &w);
        if (h < 0) continue;
        double c = fabs(cos(t->rotation * M_PI / 180)), sn = fabs(sin(t->rotation * M_PI / 180));
        double ext_h = (c * h + sn * w) / rc->H, ext_w = (sn * h + c * w) / rc->W;
        if (k == 0) {
            t->y = box[3] - s->hpad;
            edit_min(p, M_T, 0, ext_h + 2 * s->hpad);
        } else if (k == 1) {
            t->y = box[1] + s->hpad;
            edit_min(p, M_B, 0, ext_h + 2 * s->hpad);
        } else {
            t->x = box[0] + s->wpad;
            edit_min(p, M_L, 0, ext_w + 2 * s->wpad);
        }
    }
}

/* the largest interior margin (k: M_L over cells (a, b], M_R over [a, b - 1)) with its cb */
static double submerged(const cgrid *g, int k, int a, int b)
{
    double v = 0;
    int lo = k == M_L || k == M_T ? a + 1 : a, hi = k == M_L || k == M_T ? b : b - 1;
    for (int i = lo; i < hi; i++) v = fmax(v, g->m[k][i] + g->m[k + 1][i]);
    return v;
}

/* match_submerged_margins: the margins inside spanning axes all as wide as the widest */
static void match_submerged(cstate *s)
{
    nplot_figure *fig = s->fig;
    for (int dir = 0; dir < 2; dir++) {
        int kl = dir ? M_T : M_L, kr = dir ? M_B : M_R;
        double ml = 0, mr = 0;
        for (nplot_axes *ax = fig->axes; ax; ax = ax->next) {
            if (!in_layout(ax)) continue;
            cgrid *g = grid_of(s, ax->gs);
            int a = dir ? ax->r0 : ax->c0, b = dir ? ax->r1 : ax->c1;
            if (!g || b - a < 2) continue;
            ml = fmax(ml, submerged(g, kl, a, b));
            mr = fmax(mr, submerged(g, kr, a, b));
        }
        for (nplot_axes *ax = fig->axes; ax; ax = ax->next) {
            if (!in_layout(ax)) continue;
            cgrid *g = grid_of(s, ax->gs);
            int a = dir ? ax->r0 : ax->c0, b = dir ? ax->r1 : ax->c1;
            if (!g || b - a < 2) continue;
            for (int i = a + 1; i < b; i++) edit_min(g, kl, i, ml);
            for (int i = a; i < b - 1; i++) edit_min(g, kr, i, mr);
        }
    }
}

/* Solve the panels and the grids top-down; false when something collapses. */
static bool solve_all(cstate *s)
{
    bool ok = true;
    for (int i = 0; i < s->npanels; i++) {
        cgrid *p = &s->g[i];
        double box[4] = { 0, 0, 1, 1 };
        if (p->sf) box[0] = p->sf->box[0], box[1] = p->sf->box[1],
                   box[2] = p->sf->box[0] + p->sf->box[2], box[3] = p->sf->box[1] + p->sf->box[3];
        ok &= grid_solve(p, box);
    }
    /* parents before their nested grids (a mosaic makes a nested grid before its parent) */
    for (int progress = 1; progress;) {
        progress = 0;
        for (int i = s->npanels; i < s->ng; i++) {
            cgrid *g = &s->g[i];
            const nplot_gridspec *gs = g->gs;
            double box[4];
            if (g->solved) continue;
            if (gs->parent) {
                const cgrid *pg = grid_of(s, gs->parent);
                if (!pg || !pg->solved) continue;
                box[0] = pg->xs[2 * gs->pc0], box[2] = pg->xs[2 * (gs->pc1 - 1) + 1];
                box[3] = pg->ys[2 * gs->pr0], box[1] = pg->ys[2 * (gs->pr1 - 1) + 1];
            } else {
                inner_box(panel_of(s, gs->sf), 0, 1, 0, 1, false, box);
            }
            ok &= grid_solve(g, box);
            progress = 1;
        }
    }
    return ok;
}

/* reposition_colorbar: beyond the parent's decorations, a pad from them, after the
 * colorbars already placed on that side; its drawn box narrowed to its aspect */
static void place_cbar(cstate *s, nplot_axes *cax, double offset[4])
{
    render_ctx *rc = s->rc;
    nplot_axes *ax = cax->cbar_parent;
    cgrid *g = grid_of(s, ax->gs);
    double pb[4], bp[4];
    inner_box(g, ax->r0, ax->r1, ax->c0, ax->c1, false, pb);
    inner_box(g, ax->r0, ax->r1, ax->c0, ax->c1, true, bp);
    bbox cbb = nplot__axes_tight_bbox(rc, cax);
    double cb[4], pos[4];
    to_frac(rc, cbb.x0, cbb.y0, cbb.x1, cbb.y1, cb);
    to_frac(rc, cax->cl_orig[0], cax->cl_orig[1], cax->cl_orig[2], cax->cl_orig[3], pos);
    int side = cbar_side(cax);
    double pw = pb[2] - pb[0], ph = pb[3] - pb[1];
    double pad = cax->cbar_pad * (side < 2 ? pw : ph);
    double f = cax->cbar_fraction, sh = cax->cbar_shrink, r[4];
    /* make_axes' anchors: right (0, 0.5), left (1, 0.5), top (0.5, 0), bottom (0.5, 1) */
    static const double AX[4] = { 0, 1, 0.5, 0.5 }, AY[4] = { 0.5, 0.5, 0, 1 };
    double w = side < 2 ? f * pw : sh * pw, h = side < 2 ? sh * ph : f * ph;
    r[0] = pb[0] + AX[side] * (pw - w), r[1] = pb[1] + AY[side] * (ph - h);
    double dx = 0, dy = 0;
    if (side == 0) {
        dx = bp[2] - r[0] + offset[0] + pad + (pos[0] - cb[0]);
        offset[0] += cb[2] - cb[0] + pad;
    } else if (side == 1) {
        dx = bp[0] - r[0] - (cb[2] - cb[0]) - pad + (pos[0] - cb[0]) - offset[1];
        offset[1] += cb[2] - cb[0] + pad;
    } else if (side == 2) {
        dy = bp[3] - r[1] + offset[2] + pad + (pos[1] - cb[1]);
        offset[2] += cb[3] - cb[1] + pad;
    } else {
        dy = bp[1] - r[1] - (cb[3] - cb[1]) - pad + (pos[1] - cb[1]) - offset[3];
        offset[3] += cb[3] - cb[1] + pad;
    }
    r[0] += dx, r[1] += dy;
    /* set_box_aspect(aspect) with the anchor: the drawn box, in device units */
    double W = w * rc->W, H = h * rc->H, asp = cax->cbar_aspect;
    double want = side < 2 ? asp : 1 / asp; /* height / width */
    double dw = W, dh = H;
    if (H / W > want) dh = W * want;
    else dw = H / want;
    r[0] += AX[side] * (W - dw) / rc->W, r[1] += AY[side] * (H - dh) / rc->H;
    cax->cl_rect[0] = r[0], cax->cl_rect[1] = r[1];
    cax->cl_rect[2] = dw / rc->W, cax->cl_rect[3] = dh / rc->H;
    cax->cl_placed = true;
}

static void reposition(cstate *s)
{
    nplot_figure *fig = s->fig;
    for (nplot_axes *ax = fig->axes; ax; ax = ax->next) {
        if (!in_layout(ax)) continue;
        cgrid *g = grid_of(s, ax->gs);
        if (!g || !g->solved) continue;
        double b[4];
        inner_box(g, ax->r0, ax->r1, ax->c0, ax->c1, false, b);
        ax->cl_rect[0] = b[0], ax->cl_rect[1] = b[1];
        ax->cl_rect[2] = b[2] - b[0], ax->cl_rect[3] = b[3] - b[1];
        ax->cl_placed = true;
    }
    for (nplot_axes *ax = fig->axes; ax; ax = ax->next) {
        if (!in_layout(ax) || !ax->cl_placed) continue;
        /* ax._colorbars[::-1]: the last one added hugs the axes */
        double offset[4] = { 0 };
        int n = 0;
        for (nplot_axes *c = fig->axes; c; c = c->next) n += c->cbar_parent == ax;
        for (int k = n - 1; k >= 0; k--) {
            int j = 0;
            for (nplot_axes *c = fig->axes; c; c = c->next)
                if (c->cbar_parent == ax && j++ == k) place_cbar(s, c, offset);
        }
    }
}

/* compress_fixed_aspect's figure margins: over the gridspec's columns (rows), the most
 * width (height) aspect took off an axes spanning it, halved (figure fractions); false
 * (nothing to do) without such axes, ND_EVALUE when they come from several gridspecs. */
static bool compress_extra(render_ctx *rc, double extra[2])
{
    nplot_figure *fig = rc->fig;
    const nplot_gridspec *gs = NULL;
    double *ew = NULL, *eh = NULL;
    extra[0] = extra[1] = 0;
    for (nplot_axes *ax = fig->axes; ax; ax = ax->next) {
        if (!in_layout(ax) || !ax->gs || ax->cbar_parent) continue;
        if (!gs) {
            gs = ax->gs;
            ew = nd_calloc((size_t)(gs->ncols + gs->nrows), sizeof(double), "nplot constrained");
            if (!ew) {
                nplot__fail(fig, ND_ENOMEM, "nplot: out of memory in constrained layout");
                return false;
            }
            eh = ew + gs->ncols;
        } else if (ax->gs != gs) {
            nd_free_mem(ew);
            nplot__fail(fig, ND_EVALUE, "layout 'compressed': Cannot do compressed layout if axes "
                                        "are not all from the same gridspec");
            return false;
        }
        /* get_position(original=True) against the box apply_aspect left */
        double dw = ((ax->cl_orig[2] - ax->cl_orig[0]) - (ax->dev[2] - ax->dev[0])) / rc->W;
        double dh = ((ax->cl_orig[3] - ax->cl_orig[1]) - (ax->dev[3] - ax->dev[1])) / rc->H;
        for (int c = ax->c0; dw > 0 && c < ax->c1; c++) ew[c] = fmax(ew[c], dw);
        for (int r = ax->r0; dh > 0 && r < ax->r1; r++) eh[r] = fmax(eh[r], dh);
    }
    if (!gs) {
        nplot__fail(fig, ND_EVALUE, "layout 'compressed': Cannot do compressed layout if no axes "
                                    "are part of a gridspec.");
        return false;
    }
    for (int c = 0; c < gs->ncols; c++) extra[0] += ew[c];
    for (int r = 0; r < gs->nrows; r++) extra[1] += eh[r];
    extra[0] /= 2, extra[1] /= 2;
    nd_free_mem(ew);
    return extra[0] > 0 || extra[1] > 0;
}

bool nplot__constrained_layout(render_ctx *rc, int it, void (*relayout)(render_ctx *rc))
{
    nplot_figure *fig = rc->fig;
    cstate s = { rc, fig, NULL, 0, 0, fig->cl_wpad / fig->width, fig->cl_hpad / fig->height };
    int nsf = 0, ngs = 0;
    for (const nplot_subfigure *sf = fig->subfigs; sf; sf = sf->next) nsf++;
    for (const nplot_gridspec *g = fig->gridspecs; g; g = g->next) ngs++;
    bool any = false;
    for (const nplot_axes *ax = fig->axes; ax; ax = ax->next) any |= in_layout(ax);
    if (!any) {
        if (!fig->cl_warned)
            nd_warn("constrained_layout: There are no gridspecs with layoutgrids. Possibly did "
                    "not call parent GridSpec with the \"figure\" keyword");
        fig->cl_warned = true;
        return false;
    }
    s.g = nd_calloc((size_t)(1 + nsf + ngs), sizeof(cgrid), "nplot constrained");
    if (!s.g) {
        nplot__fail(fig, ND_ENOMEM, "nplot: out of memory in constrained layout");
        return false;
    }
    bool ok = grid_init(&s.g[s.ng++], 1, 1);
    for (const nplot_subfigure *sf = fig->subfigs; sf && ok; sf = sf->next) {
        s.g[s.ng].sf = sf;
        ok = grid_init(&s.g[s.ng++], 1, 1);
    }
    s.npanels = s.ng;
    for (const nplot_gridspec *g = fig->gridspecs; g && ok; g = g->next) {
        s.g[s.ng].gs = g;
        ok = grid_init(&s.g[s.ng++], g->nrows, g->ncols);
    }
    bool moved = false;
    if (!ok) {
        nplot__fail(fig, ND_ENOMEM, "nplot: out of memory in constrained layout");
    } else {
        for (nplot_axes *ax = fig->axes; ax; ax = ax->next)
            if (in_layout(ax)) axes_margins(&s, ax, it > 0);
        for (int i = 0; i < s.npanels; i++) panel_texts(&s, &s.g[i]);
        match_submerged(&s);
        if (solve_all(&s)) {
            reposition(&s);
            moved = true;
            double extra[2];
            if (fig->cl_compress && relayout && (relayout(rc), compress_extra(rc, extra))) {
                /* compress_fixed_aspect: with the same margins, the figure's take the room
                 * the aspects left, and the grids are solved again */
                edit_min(&s.g[0], M_L, 0, extra[0]);
                edit_min(&s.g[0], M_R, 0, extra[0]);
                edit_min(&s.g[0], M_T, 0, extra[1]);
                edit_min(&s.g[0], M_B, 0, extra[1]);
                for (int i = 0; i < s.ng; i++) s.g[i].solved = false;
                if (solve_all(&s)) {
                    reposition(&s);
                } else if (!fig->cl_warned) {
                    fig->cl_warned = true;
                    nd_warn("constrained_layout not applied because axes sizes collapsed to "
                            "zero.  Try making figure larger or axes decorations smaller.");
                }
            }
        } else if (!fig->cl_warned) {
            fig->cl_warned = true;
            nd_warn("constrained_layout not applied because axes sizes collapsed to zero.  Try "
                    "making figure larger or axes decorations smaller.");
        }
    }
    for (int i = 0; i < s.ng; i++) nd_free_mem(s.g[i].m[0]);
    nd_free_mem(s.g);
    return moved;
}

/* ---- the layout engine switches ---------------------------------------------------------- */
nd_status nplot_figure_set_layout_engine(nplot_figure *fig, const char *layout)
{
    static const char *who = "nplot_figure_set_layout_engine";
    if (!fig) return nd_set_error(ND_EVALUE, "%s: figure is NULL", who);
    nd_status st = nplot__check(fig);
    if (st) return st;
    bool compressed = layout && !strcmp(layout, "compressed");
    bool to_cl = compressed || (layout && !strcmp(layout, "constrained"));
    if (to_cl != fig->constrained) /* matplotlib 3.6's RuntimeError */
        for (const nplot_axes *a = fig->axes; a; a = a->next)
            if (a->cbar_parent)
                return nplot__fail(fig, ND_EVALUE, "%s: Colorbar layout of new layout engine not "
                                                   "compatible with old engine, and a colorbar has "
                                                   "been created.  Engine not changed.", who);
    if (to_cl) {
        fig->constrained = true;
        fig->cl_compress = compressed;
        fig->tight = false;
    } else if (layout && !strcmp(layout, "tight")) {
        fig->constrained = false;
        fig->tight = true;
        fig->tight_pad = fig->tight_hpad = fig->tight_wpad = 1.08;
    } else if (!layout || !strcmp(layout, "none")) {
        fig->constrained = fig->tight = false;
    } else {
        return nplot__fail(fig, ND_EVALUE, "%s: layout must be 'constrained', 'compressed', "
                                           "'tight', 'none' or NULL, got '%s'", who, layout);
    }
    nplot__mark_dirty(fig);
    return ND_OK;
}

nd_status nplot_figure_set_tight_layout(nplot_figure *fig, bool on)
{
    return nplot_figure_set_layout_engine(fig, on ? "tight" : "none");
}

bool nplot_figure_get_tight_layout(const nplot_figure *fig)
{
    return fig && fig->tight && !fig->constrained;
}

const char *nplot_figure_get_layout_engine(const nplot_figure *fig)
{
    if (!fig) return NULL;
    return fig->constrained ? (fig->cl_compress ? "compressed" : "constrained")
                            : fig->tight ? "tight" : "none";
}

nd_status nplot_figure_set_constrained_layout(nplot_figure *fig, bool on)
{
    return nplot_figure_set_layout_engine(fig, on ? "constrained" : "none");
}

bool nplot_figure_get_constrained_layout(const nplot_figure *fig)
{
    return fig && fig->constrained;
}

nd_status nplot_figure_set_constrained_layout_pads(nplot_figure *fig, double w_pad, double h_pad,
                                                   double wspace, double hspace)
{
    static const char *who = "nplot_figure_set_constrained_layout_pads";
    if (!fig) return nd_set_error(ND_EVALUE, "%s: figure is NULL", who);
    nd_status st = nplot__check(fig);
    if (st) return st;
    const double v[4] = { w_pad, h_pad, wspace, hspace };
    static const char *names[4] = { "w_pad", "h_pad", "wspace", "hspace" };
    for (int i = 0; i < 4; i++)
        if (isnan(v[i]) || isinf(v[i]))
            return nplot__fail(fig, ND_EVALUE, "%s: %s must be finite, got %g", who, names[i], v[i]);
    if (w_pad >= 0) fig->cl_wpad = w_pad;
    if (h_pad >= 0) fig->cl_hpad = h_pad;
    if (wspace >= 0) fig->cl_wspace = wspace;
    if (hspace >= 0) fig->cl_hspace = hspace;
    nplot__mark_dirty(fig);
    return ND_OK;
}

nd_status nplot_figure_get_constrained_layout_pads(const nplot_figure *fig, double out[4])
{
    if (!fig || !out)
        return nd_set_error(ND_EVALUE, "nplot_figure_get_constrained_layout_pads: %s is NULL",
                            fig ? "out" : "figure");
    out[0] = fig->cl_wpad, out[1] = fig->cl_hpad, out[2] = fig->cl_wspace, out[3] = fig->cl_hspace;
    return ND_OK;
}
