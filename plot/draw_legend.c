/* Legends: entries, layout (matplotlib's spacing rcParams), loc='best' and handles. */
#include "plot_render.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

static const char *const loc_names[] = {
    "best", "upper right", "upper left", "lower left", "lower right", "right",
    "center left", "center right", "lower center", "upper center", "center",
};
#define NLOC (int)(sizeof loc_names / sizeof *loc_names)

static bool has_entry(const artist *a)
{
    return a->label && a->label[0] && a->label[0] != '_';
}

nd_status nplot_legend_(nplot_axes *ax, const nplot_legend_opts *o)
{
    static const char *who = "nplot_legend";
    if (!ax) return nd_set_error(ND_EVALUE, "%s: axes is NULL", who);
    nd_status st = nplot__check(ax->fig);
    if (st) return st;
    o = NPLOT__OPTS(o, nplot_legend_opts);
    int loc = 0;
    if (o->loc) {
        loc = -1;
        for (int i = 0; i < NLOC; i++)
            if (!strcmp(o->loc, loc_names[i])) loc = i;
        if (loc < 0)
            return nplot__fail(ax->fig, ND_EVALUE, "%s: unknown loc '%s' (best, upper right, upper "
                                                   "left, lower left, lower right, right, center "
                                                   "left, center right, lower center, upper "
                                                   "center, center)", who, o->loc);
    }
    if (o->ncol < 0 || o->framealpha < 0 || o->framealpha > 1 || o->fontsize < 0 || o->markerscale < 0)
        return nplot__fail(ax->fig, ND_EVALUE, "%s: ncol, fontsize, markerscale must be >= 0 and "
                                               "framealpha in [0, 1]", who);
    if (NPLOT__CHECK_LEN(ax->fig, who, "bbox_to_anchor", o->bbox_to_anchor, 2, "it takes"))
        return ax->fig->status;
    if (o->borderpad < 0 || o->labelspacing < 0 || o->handlelength < 0 || o->handletextpad < 0 ||
        o->columnspacing < 0 || o->title_fontsize < 0 || o->scatterpoints < 0)
        return nplot__fail(ax->fig, ND_EVALUE, "%s: borderpad, labelspacing, handlelength, "
                                               "handletextpad, columnspacing, title_fontsize and "
                                               "scatterpoints must be >= 0", who);
    if ((o->handles.n && !o->handles.v) || (o->labels.n && !o->labels.v))
        return nplot__fail(ax->fig, ND_EVALUE, "%s: handles / labels have a count but no values",
                           who);
    if (o->handles.n && o->labels.v && o->labels.n != o->handles.n)
        return nplot__fail(ax->fig, ND_EVALUE, "%s: %zu handles but %zu labels (give one label "
                                               "per handle)", who, o->handles.n, o->labels.n);
    if (o->handles.n && !o->labels.v)
        return nplot__fail(ax->fig, ND_EVALUE, "%s: handles need labels (one per handle)", who);
    rgba fc = { 0 }, ec = { 0 };
    if (o->facecolor && (st = nplot__color(o->facecolor, ax->fig->style, &fc, who)))
        return nplot__fail(ax->fig, st, "%s", nd_errmsg());
    if (o->edgecolor && (st = nplot__color(o->edgecolor, ax->fig->style, &ec, who)))
        return nplot__fail(ax->fig, st, "%s", nd_errmsg());
    /* the explicit entries: artist indices with their labels */
    size_t n = 0;
    int *idx = NULL;
    if (o->handles.n) {
        n = o->handles.n;
        for (size_t i = 0; i < n; i++)
            if (o->handles.v[i] < 0 || o->handles.v[i] >= ax->nartists)
                return nplot__fail(ax->fig, ND_EVALUE, "%s: handle %d is not an artist index "
                                                       "(the axes holds %d artists)",
                                   who, o->handles.v[i], ax->nartists);
    } else if (o->labels.n) {
        n = 0;
        for (artist *a = ax->artists; a; a = a->next) n += has_entry(a);
        if (n != o->labels.n)
            return nplot__fail(ax->fig, ND_EVALUE, "%s: %zu labels but the axes has %zu labelled "
                                                   "artists", who, o->labels.n, n);
    }
    char **labels = NULL;
    if (n) {
        idx = nd_calloc(n, sizeof *idx, "nplot");
        labels = nd_calloc(n, sizeof *labels, "nplot");
        bool ok = idx && labels;
        for (size_t i = 0; ok && i < n; i++)
            ok = (labels[i] = nplot__strdup(ax->fig, o->labels.v[i] ? o->labels.v[i] : "", who));
        if (!ok) {
            for (size_t i = 0; labels && i < n; i++) nd_free_mem(labels[i]);
            nd_free_mem(labels);
            nd_free_mem(idx);
            return nplot__fail(ax->fig, ND_ENOMEM, "%s: out of memory", who);
        }
        if (o->handles.n) {
            for (size_t i = 0; i < n; i++) idx[i] = o->handles.v[i];
        } else {
            int k = 0;
            size_t j = 0;
            for (artist *a = ax->artists; a; a = a->next, k++)
                if (has_entry(a)) idx[j++] = k;
        }
    }
    char *title = NULL;
    if (o->title && !(title = nplot__strdup(ax->fig, o->title, who))) {
        for (size_t i = 0; i < n; i++) nd_free_mem(labels[i]);
        nd_free_mem(labels);
        nd_free_mem(idx);
        return ax->fig->status;
    }
    for (size_t i = 0; i < ax->legend_n; i++) nd_free_mem(ax->legend_labels[i]);
    nd_free_mem(ax->legend_labels);
    nd_free_mem(ax->legend_idx);
    ax->legend_labels = labels;
    ax->legend_idx = idx;
    ax->legend_n = n;
    ax->legend_fc = fc;
    ax->legend_ec = ec;
    ax->legend_has_fc = o->facecolor != NULL;
    ax->legend_has_ec = o->edgecolor != NULL;
    nd_free_mem(ax->legend_title);
    ax->legend_title = title;
    ax->legend = *o;
    ax->legend.loc = loc_names[loc];
    ax->legend.title = NULL;
    ax->legend_has_anchor = o->bbox_to_anchor.v != NULL;
    if (o->bbox_to_anchor.v) {
        ax->legend_anchor[0] = o->bbox_to_anchor.v[0];
        ax->legend_anchor[1] = o->bbox_to_anchor.v[1];
    }
    ax->legend.bbox_to_anchor = (nplot_f64s){ 0 };
    ax->legend.handles = (nplot_ints){ 0 };
    ax->legend.labels = (nplot_strs){ 0 };
    ax->legend.facecolor = ax->legend.edgecolor = NULL;
    ax->legend_on = true;
    nplot__mark_dirty(ax->fig);
    return ND_OK;
}


/* ---- handles ------------------------------------------------------------------------------------- */
static void handle_patch(render_ctx *rc, const artist *a, double x, double y, double w, double h)
{
    cairo_t *cr = rc->cr;
    cairo_rectangle(cr, x, y, w, h);
    if (a->has_face) {
        cairo_set_source_rgba(cr, a->face.r, a->face.g, a->face.b, a->face.a * a->alpha);
        cairo_fill_preserve(cr);
    }
    if (a->hatch.any) nplot__hatch_paint(rc, &a->hatch, nplot__hatch_color(a), a->hatch_lw);
    if (a->has_edge) {
        cairo_set_source_rgba(cr, a->edge.r, a->edge.g, a->edge.b, a->edge.a * a->alpha);
        cairo_set_line_width(cr, a->edge_lw * rc->scale);
        cairo_stroke_preserve(cr);
    }
    cairo_new_path(cr);
}

/* The legend being drawn sets these for the handles (its markerscale and scatterpoints);
 * nplot__legend_handle callers elsewhere get 1 and 1. */
static _Thread_local double handle_mscale = 1;
static _Thread_local int handle_npoints = 1;

static void handle_scatter(render_ctx *rc, const artist *a, double x, double y, double w, double h)
{
    double size = a->sizes && a->n ? sqrt(a->sizes[0]) : sqrt(a->size);
    if (!(size > 0)) size = sqrt(a->size);
    size *= handle_mscale;
    rgba f = a->face, e = a->edge_is_face ? a->face : a->edge;
    f.a *= a->alpha;
    e.a *= a->alpha;
    bool filled = nplot__marker_filled((marker_kind)a->lp.marker);
    /* several scatterpoints: matplotlib spreads them evenly over the handle, 0.3 font
     * sizes in from its ends, at heights 3/8, 4/8, 2.5/8 (repeating) from its bottom */
    static const double yoff[3] = { 3.0 / 8, 4.0 / 8, 2.5 / 8 };
    int np = handle_npoints > 0 ? handle_npoints : 1;
    double pad = 0.3 * h / 0.7; /* h is 0.7 font sizes */
    for (int k = 0; k < np; k++) {
        double cx = np == 1 ? x + w / 2 : x + pad + (w - 2 * pad) * k / (np - 1);
        double cy = np == 1 ? y + h / 2 : y + h * (1 - yoff[k % 3]);
        nplot__draw_markers(rc, &cx, &cy, 1, a->lp.marker, size * rc->scale, NULL, f, NULL,
                            filled ? e : f, false, a->edge_lw * rc->scale, filled, NULL);
    }
}

static void handle_stroke(render_ctx *rc, const artist *a, double x, double y, double w, double h)
{
    cairo_t *cr = rc->cr;
    if (a->lp.ls == LS_NONE) return;
    rgba c = a->lp.color;
    double lw = a->lp.lw * rc->scale;
    cairo_set_source_rgba(cr, c.r, c.g, c.b, c.a * a->alpha);
    cairo_set_line_width(cr, lw);
    nplot__set_dash(cr, a->lp.ls, a->lp.dashes, a->lp.ndashes, lw, rc->scale);
    cairo_move_to(cr, x, y + h / 2);
    cairo_line_to(cr, x + w, y + h / 2);
    cairo_stroke(cr);
    cairo_set_dash(cr, NULL, 0, 0);
}

static void handle_marker(render_ctx *rc, const artist *a, double x, double y, double w, double h)
{
    if (a->lp.marker == MK_NONE) return;
    double cx = x + w / 2, cy = y + h / 2;
    rgba f = a->lp.mfc, e = a->lp.mec;
    f.a *= a->alpha;
    e.a *= a->alpha;
    nplot__draw_markers(rc, &cx, &cy, 1, a->lp.marker, a->lp.ms * handle_mscale * rc->scale, NULL, f, NULL, e,
                        false, a->lp.mew * rc->scale,
                        nplot__marker_filled((marker_kind)a->lp.marker), NULL);
}

static void handle_line(render_ctx *rc, const artist *a, double x, double y, double w, double h)
{
    handle_stroke(rc, a, x, y, w, h);
    handle_marker(rc, a, x, y, w, h);
}

static void handle_errorbar(render_ctx *rc, const artist *a, double x, double y, double w,
                            double h)
{
    cairo_t *cr = rc->cr;
    handle_stroke(rc, a, x, y, w, h);
    rgba c = a->lp.color;
    cairo_set_source_rgba(cr, c.r, c.g, c.b, c.a * a->alpha);
    cairo_set_line_width(cr, a->lp.lw * rc->scale);
    cairo_move_to(cr, x + w / 2, y - h * 0.2);
    cairo_line_to(cr, x + w / 2, y + h * 1.2);
    cairo_stroke(cr);
    handle_marker(rc, a, x, y, w, h);
}

/* The legend sample of each LEGEND_* kind (plot_model.h), drawn in the box (x, y, w, h). */
typedef void (*legend_handle_fn)(render_ctx *rc, const artist *a, double x, double y, double w,
                                 double h);
static const legend_handle_fn handles[LEGEND_NKINDS] = {
    [LEGEND_LINE] = handle_line,
    [LEGEND_PATCH] = handle_patch,
    [LEGEND_MARKER] = handle_marker,
    [LEGEND_ERRORBAR] = handle_errorbar,
    [LEGEND_SCATTER] = handle_scatter,
};

void nplot__legend_handle(render_ctx *rc, artist *a, double x, double y, double w, double h,
                          double fs)
{
    (void)fs;
    if ((unsigned)a->legend_kind < LEGEND_NKINDS) handles[a->legend_kind](rc, a, x, y, w, h);
}

/* ---- loc='best' --------------------------------------------------------------------------------- */
static bool seg_hits(const bbox *b, double x0, double y0, double x1, double y1)
{
    double t0, t1;
    return nplot__clip_segment(b, x0, y0, x1, y1, &t0, &t1);
}

/* The device points of one artist loc='best' avoids, converted once for all candidate
 * boxes: every stride-th data point (at most ~20000); for lines and markers NaN where the
 * point is not finite, for polygons as they are (NaN separates polygons). */
typedef struct dev_path {
    const artist *a;
    double *x, *y;
    size_t n, stride;
} dev_path;

/* The avoided artists' device paths; *np of them (an artist whose copy cannot be allocated
 * is left out, as if it were not there). Free with free_dev_paths. */
static dev_path *dev_paths(render_ctx *rc, nplot_axes *ax, size_t *np)
{
    size_t count = 0;
    for (artist *a = ax->artists; a; a = a->next)
        if (nplot__class_of(a->kind)->avoided) count++;
    *np = 0;
    dev_path *p = count ? nd_calloc(count, sizeof *p, "nplot") : NULL;
    if (!p) return NULL;
    xform tf = nplot__xform(ax);
    for (artist *a = ax->artists; a; a = a->next) {
        if (!nplot__class_of(a->kind)->avoided) continue;
        size_t stride = a->n > 20000 ? a->n / 20000 : 1, m = (a->n + stride - 1) / stride;
        dev_path *d = &p[*np];
        d->x = nd_malloc(sizeof(double) * (m ? m : 1), "nplot");
        d->y = nd_malloc(sizeof(double) * (m ? m : 1), "nplot");
        if (!d->x || !d->y) {
            nd_free_mem(d->x);
            nd_free_mem(d->y);
            continue;
        }
        bool area = nplot__class_of(a->kind)->area; /* polygons keep their NaN separators */
        size_t k = 0;
        for (size_t i = 0; i < a->n && k < m; i += stride, k++) {
            nplot__to_dev(rc, ax, &tf, a->xcoord, a->ycoord, a->x[i], a->y[i], &d->x[k], &d->y[k]);
            if (!area && (!isfinite(d->x[k]) || !isfinite(d->y[k]))) d->x[k] = d->y[k] = NAN;
        }
        d->a = a;
        d->n = k;
        d->stride = stride;
        (*np)++;
    }
    return p;
}

static void free_dev_paths(dev_path *p, size_t np)
{
    for (size_t i = 0; i < np; i++) {
        nd_free_mem(p[i].x);
        nd_free_mem(p[i].y);
    }
    nd_free_mem(p);
}

/* Even-odd parity of (x, y) in the polygon px[start..end) (crossings of a ray to the right). */
static bool inside_ring(const double *px, const double *py, size_t start, size_t end, double x,
                        double y)
{
    bool in = false;
    for (size_t i = start, j = end - 1; i < end; j = i++)
        if (((py[i] > y) != (py[j] > y)) &&
            x < (px[j] - px[i]) * (y - py[i]) / (py[j] - py[i]) + px[i])
            in = !in;
    return in;
}

/* How much of box b the filled polygons of d cover: 2 for each of 4 x 4 sample points inside
 * them (even-odd over all the NaN-separated polygons). A polygon whose bounding box misses a
 * sample point cannot flip its parity, so only the polygons near b are walked edge by edge. */
static double area_badness(const dev_path *d, const bbox *b)
{
    bool in[16] = { false };
    size_t start = 0;
    while (start < d->n) {
        size_t end = start;
        double x0 = INFINITY, x1 = -INFINITY, y0 = INFINITY, y1 = -INFINITY;
        for (; end < d->n && !isnan(d->x[end]); end++) {
            x0 = fmin(x0, d->x[end]);
            x1 = fmax(x1, d->x[end]);
            y0 = fmin(y0, d->y[end]);
            y1 = fmax(y1, d->y[end]);
        }
        if (end > start && x0 <= b->x1 && x1 >= b->x0 && y0 <= b->y1 && y1 >= b->y0)
            for (int s = 0; s < 16; s++) {
                double sx = b->x0 + (s % 4 + 0.5) / 4 * (b->x1 - b->x0);
                double sy = b->y0 + (s / 4 + 0.5) / 4 * (b->y1 - b->y0);
                if (sx >= x0 && sx <= x1 && sy >= y0 && sy <= y1 &&
                    inside_ring(d->x, d->y, start, end, sx, sy))
                    in[s] = !in[s];
            }
        start = end + 1;
    }
    double bad = 0;
    for (int s = 0; s < 16; s++) bad += in[s] ? 2 : 0;
    return bad;
}

/* matplotlib's idea: count data vertices inside the box and line segments crossing it;
 * patches count by how much of the box they cover. */
static double badness(const dev_path *paths, size_t np, const bbox *b)
{
    double bad = 0;
    for (size_t k = 0; k < np; k++) {
        const dev_path *d = &paths[k];
        const artist *a = d->a;
        if (nplot__class_of(a->kind)->area) {
            bad += area_badness(d, b);
            continue;
        }
        bool segments = a->kind == ART_SEGMENTS || (a->kind == ART_LINE && a->lp.ls != LS_NONE);
        double px = NAN, py = NAN;
        for (size_t j = 0; j < d->n; j++) {
            double x = d->x[j], y = d->y[j];
            if (isnan(x)) {
                px = NAN;
                continue;
            }
            if (x >= b->x0 && x <= b->x1 && y >= b->y0 && y <= b->y1) bad += 1;
            if (segments && !isnan(px) && seg_hits(b, px, py, x, y)) bad += 1;
            px = x;
            py = y;
            if (a->kind == ART_SEGMENTS && (j * d->stride) % 2 == 1) px = NAN;
        }
    }
    return bad;
}

/* ---- drawing --------------------------------------------------------------------------------------- */
#define MAX_ENTRIES 256

/* The top left corner (device units) of a W x H legend box: loc, or with loc 'best' the
 * candidate overlapping the least data (matplotlib's order of preference on ties). */
static void legend_origin(render_ctx *rc, nplot_axes *ax, double W, double H, double bap,
                          double *plx, double *ply)
{
    const nplot_legend_opts *o = &ax->legend;
    double ax0 = ax->dev[0] + bap, ay0 = ax->dev[1] + bap, ax1 = ax->dev[2] - bap, ay1 = ax->dev[3] - bap;
    int loc = 0;
    for (int i = 0; i < NLOC; i++)
        if (!strcmp(o->loc, loc_names[i])) loc = i;
    double lx = 0, ly = 0;
    if (ax->legend_has_anchor) {
        /* the anchor point in axes fractions; loc says which corner sits there */
        double px = ax->dev[0] + ax->legend_anchor[0] * (ax->dev[2] - ax->dev[0]);
        double py = ax->dev[3] - ax->legend_anchor[1] * (ax->dev[3] - ax->dev[1]);
        ax0 = ax1 = px;
        ay0 = ay1 = py;
        if (loc == 0) loc = 1;
    }
    int cand[10];
    int ncand = 0;
    if (loc == 0) for (int i = 1; i <= 10; i++) cand[ncand++] = i;
    else cand[ncand++] = loc;
    double best = INFINITY;
    size_t np = 0;
    dev_path *paths = ncand > 1 ? dev_paths(rc, ax, &np) : NULL;
    for (int k = 0; k < ncand; k++) {
        int L = cand[k];
        double x, y;
        bool right = L == 1 || L == 4 || L == 5 || L == 7, left = L == 2 || L == 3 || L == 6;
        bool upper = L == 1 || L == 2 || L == 9, lower = L == 3 || L == 4 || L == 8;
        if (ax->legend_has_anchor) {
            x = right ? ax0 - W : left ? ax0 : ax0 - W / 2;
            y = upper ? ay0 : lower ? ay0 - H : ay0 - H / 2;
            /* matplotlib anchors the legend's own corner at the point: upper right loc puts
             * the legend's upper right corner there */
        } else {
            x = right ? ax1 - W : left ? ax0 : (ax0 + ax1 - W) / 2;
            y = upper ? ay0 : lower ? ay1 - H : (ay0 + ay1 - H) / 2;
        }
        if (ncand == 1) {
            lx = x;
            ly = y;
            break;
        }
        bbox b = { x, y, x + W, y + H };
        double bad = badness(paths, np, &b);
        if (bad < best) {
            best = bad;
            lx = x;
            ly = y;
        }
        if (bad == 0) break;
    }
    free_dev_paths(paths, np);
    *plx = lx;
    *ply = ly;
}

/* The legend's frame (face and edge) at (lx, ly), W x H, unless the options or the style
 * turn it off. */
static void legend_frame(render_ctx *rc, const nplot_axes *ax, const nplot__style *st,
                         double lx, double ly, double W, double H, double fs)
{
    const nplot_legend_opts *o = &ax->legend;
    cairo_t *cr = rc->cr;
    double s = rc->scale;
    if (o->frameon != NPLOT_OFF && (o->frameon == NPLOT_ON || st->legend_frame)) {
        double fa = NPLOT_OPT(o->framealpha, st->legend_alpha);
        rgba face = ax->legend_has_fc ? ax->legend_fc : st->legend_face;
        rgba edge = ax->legend_has_ec ? ax->legend_ec : st->legend_edge;
        double r = o->fancybox == NPLOT_OFF ? 0 : 0.2 * fs;
        if (o->shadow == NPLOT_ON) {
            /* matplotlib's Shadow(patch, 2, -2): the frame shifted 2 pt right and down in
             * 0.3 x the face colour at alpha 0.5 */
            double d = 2 * s;
            cairo_new_path(cr);
            if (r > 0) {
                cairo_new_sub_path(cr);
                cairo_arc(cr, lx + d + W - r, ly + d + r, r, -M_PI / 2, 0);
                cairo_arc(cr, lx + d + W - r, ly + d + H - r, r, 0, M_PI / 2);
                cairo_arc(cr, lx + d + r, ly + d + H - r, r, M_PI / 2, M_PI);
                cairo_arc(cr, lx + d + r, ly + d + r, r, M_PI, 3 * M_PI / 2);
                cairo_close_path(cr);
            } else {
                cairo_rectangle(cr, lx + d, ly + d, W, H);
            }
            cairo_set_source_rgba(cr, 0.3 * face.r, 0.3 * face.g, 0.3 * face.b, 0.5);
            cairo_fill(cr);
        }
        cairo_new_path(cr);
        if (r > 0) {
            cairo_new_sub_path(cr);
            cairo_arc(cr, lx + W - r, ly + r, r, -M_PI / 2, 0);
            cairo_arc(cr, lx + W - r, ly + H - r, r, 0, M_PI / 2);
            cairo_arc(cr, lx + r, ly + H - r, r, M_PI / 2, M_PI);
            cairo_arc(cr, lx + r, ly + r, r, M_PI, 3 * M_PI / 2);
            cairo_close_path(cr);
        } else {
            cairo_rectangle(cr, lx, ly, W, H);
        }
        cairo_set_source_rgba(cr, face.r, face.g, face.b, face.a * fa);
        cairo_fill_preserve(cr);
        cairo_set_source_rgba(cr, edge.r, edge.g, edge.b, edge.a * fa);
        cairo_set_line_width(cr, 1.0 * s);
        cairo_set_dash(cr, NULL, 0, 0);
        cairo_stroke(cr);
    }
}

/* matplotlib measures a legend text's box by the ink of "lp" in its font (multi-line labels
 * add their extra lines): *asc above the baseline, *desc below it, in device units, and
 * *logical the layout's own height for one line. */
static void lp_metrics(render_ctx *rc, const text_style *ts, double *asc, double *desc,
                       double *logical)
{
    text_box lp = nplot__text_layout(rc, "lp", ts);
    *asc = *desc = *logical = 0;
    if (!lp.layout) return;
    PangoRectangle ink, log;
    pango_layout_get_extents(lp.layout, &ink, &log);
    double k = log.height > 0 ? lp.h / log.height : 0;
    int base = pango_layout_get_baseline(lp.layout);
    *asc = (base - ink.y) * k;
    *desc = (ink.y + ink.height - base) * k;
    *logical = lp.h;
    nplot__text_free(&lp);
}

void nplot__draw_legend(render_ctx *rc, nplot_axes *ax)
{
    const nplot__style *st = ax->fig->style;
    const nplot_legend_opts *o = &ax->legend;
    artist *ent[MAX_ENTRIES];
    const char *lab[MAX_ENTRIES];
    int n = 0;
    if (ax->legend_n) {
        /* explicit entries: the artists at the stored indices (one gone since is left out) */
        for (size_t i = 0; i < ax->legend_n && n < MAX_ENTRIES; i++) {
            int k = 0;
            artist *a = ax->artists;
            while (a && k < ax->legend_idx[i]) {
                a = a->next;
                k++;
            }
            if (!a) continue;
            ent[n] = a;
            lab[n++] = ax->legend_labels[i];
        }
    } else {
        for (artist *a = ax->artists; a && n < MAX_ENTRIES; a = a->next)
            if (has_entry(a)) {
                ent[n] = a;
                lab[n++] = a->label;
            }
    }
    /* twins contribute to their own legend only (matplotlib) */
    if (n == 0) return;
    if (o->reverse == NPLOT_ON)
        for (int i = 0, j = n - 1; i < j; i++, j--) {
            artist *ta = ent[i];
            ent[i] = ent[j];
            ent[j] = ta;
            const char *tl = lab[i];
            lab[i] = lab[j];
            lab[j] = tl;
        }
    double s = rc->scale;
    double fsz = NPLOT_OPT(o->fontsize, st->legend_size);
    double fs = fsz * s;
    text_style ts = { fsz, st->text_color, PANGO_WEIGHT_NORMAL, PANGO_STYLE_NORMAL, st->font_family };
    text_box tb[MAX_ENTRIES];
    double lasc, ldesc, llog;
    lp_metrics(rc, &ts, &lasc, &ldesc, &llog);
    double maxh = 0;
    for (int i = 0; i < n; i++) {
        tb[i] = nplot__text_layout(rc, lab[i], &ts);
        maxh = fmax(maxh, tb[i].h - llog); /* the extra lines of multi-line labels */
    }
    int ncol = NPLOT_OPT(o->ncol, 1);
    if (ncol > n) ncol = n;
    int nrow = (n + ncol - 1) / ncol;
    double hl = NPLOT_OPT(o->handlelength, 2.0) * fs, hh = 0.7 * fs;
    double htp = NPLOT_OPT(o->handletextpad, 0.8) * fs, ls = NPLOT_OPT(o->labelspacing, 0.5) * fs;
    double bp = NPLOT_OPT(o->borderpad, 0.4) * fs, cs = NPLOT_OPT(o->columnspacing, 2.0) * fs;
    /* a row: the handle (hh tall, its bottom on the baseline) beside the label's "lp" box */
    double rasc = fmax(lasc, hh), rowh = rasc + ldesc + fmax(maxh, 0);
    double colw[MAX_ENTRIES] = { 0 };
    /* column-major fill like matplotlib: the first (n % ncol) columns get one more */
    int per[MAX_ENTRIES], start[MAX_ENTRIES];
    int base = n / ncol, extra = n % ncol, acc = 0;
    for (int c = 0; c < ncol; c++) {
        per[c] = base + (c < extra ? 1 : 0);
        start[c] = acc;
        acc += per[c];
        for (int k = 0; k < per[c]; k++)
            colw[c] = fmax(colw[c], hl + htp + tb[start[c] + k].w);
    }
    nrow = per[0];
    double W = 2 * bp, H = 2 * bp + nrow * rowh + (nrow - 1) * ls;
    for (int c = 0; c < ncol; c++) W += colw[c] + (c ? cs : 0);
    text_box ttb = { 0 };
    text_style tts = ts;
    tts.size = NPLOT_OPT(o->title_fontsize, fsz);
    double tasc = 0, tdesc = 0, tlog = 0;
    if (ax->legend_title && ax->legend_title[0]) {
        ttb = nplot__text_layout(rc, ax->legend_title, &tts);
        lp_metrics(rc, &tts, &tasc, &tdesc, &tlog);
        H += tasc + tdesc + fmax(ttb.h - tlog, 0) + ls;
        W = fmax(W, ttb.w + 2 * bp);
    }
    /* placement */
    double lx, ly;
    legend_origin(rc, ax, W, H, 0.5 * fs, &lx, &ly);
    /* frame */
    legend_frame(rc, ax, st, lx, ly, W, H, fs);
    double y0 = ly + bp;
    if (ttb.layout) {
        nplot__text_place(rc, &ttb, lx + W / 2, y0 + tasc, HA_CENTER, VA_BASELINE, 0, &tts.color,
                          true);
        y0 += tasc + tdesc + fmax(ttb.h - tlog, 0) + ls;
        nplot__text_free(&ttb);
    }
    double x = lx + bp;
    for (int c = 0; c < ncol; c++) {
        for (int k = 0; k < per[c]; k++) {
            int i = start[c] + k;
            double ry = y0 + k * (rowh + ls);
            double hy = ry + rasc - hh;
            handle_mscale = NPLOT_OPT(o->markerscale, 1.0);
            handle_npoints = NPLOT_OPT(o->scatterpoints, 1);
            nplot__legend_handle(rc, ent[i], x, hy, hl, hh, fs);
            handle_mscale = 1;
            handle_npoints = 1;
            nplot__text_place(rc, &tb[i], x + hl + htp, ry + rasc, HA_LEFT, VA_BASELINE, 0,
                              &ts.color, true);
        }
        x += colw[c] + cs;
    }
    for (int i = 0; i < n; i++) nplot__text_free(&tb[i]);
}
