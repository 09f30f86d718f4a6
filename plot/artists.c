/* scatter, fill, fill_between and text: creation from C arrays and drawing. */
#include "plot_render.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

/* ---- scatter ------------------------------------------------------------------------------------- */
nd_status nplot__scatter(nplot_axes *ax, const double *x, const double *y, size_t n,
                         const double *sizes, const double *cvals, const nplot_scatter_opts *o,
                         const char *who)
{
    CHECK_AX(ax, who);
    nplot_figure *fig = ax->fig;
    const nplot__style *st = fig->style;
    if (n > 0 && (!x || !y)) return nplot__fail(fig, ND_EVALUE, "%s: x and y are required", who);
    if (o->s < 0 || !isfinite(o->s) || o->alpha < 0 || o->alpha > 1 || o->linewidths < 0)
        return nplot__fail(fig, ND_EVALUE, "%s: s and linewidths must be >= 0 and alpha in [0, 1]",
                           who);
    int marker = MK_CIRCLE;
    if (o->marker && (marker = nplot__marker_parse(o->marker)) < 0)
        return nplot__fail(fig, ND_EVALUE, "%s: unknown marker '%s'", who, o->marker);
    if (o->color && cvals)
        return nplot__fail(fig, ND_EVALUE, "%s: give either color or c values, not both", who);
    rgba face;
    if (o->color) {
        if (nplot__color(o->color, st, &face, who)) return nplot__fail(fig, ND_EVALUE, "%s", nd_errmsg());
    } else if (!cvals) {
        face = nplot__next_patch_color(ax);
    } else {
        face = (rgba){ 0, 0, 0, 1 };
    }
    cmap_ref cm;
    if (cvals && nplot__cmap_find(o->cmap, &cm, who)) return nplot__fail(fig, ND_EVALUE, "%s", nd_errmsg());
    rgba edge = face;
    bool edge_is_face = true;
    if (o->edgecolors && strcmp(o->edgecolors, "face")) {
        edge_is_face = false;
        if (nplot__color(o->edgecolors, st, &edge, who))
            return nplot__fail(fig, ND_EVALUE, "%s", nd_errmsg());
    }
    artist *a = nplot__artist_add(ax, ART_SCATTER, who);
    if (!a) return fig->status;
    a->n = n;
    a->zorder = o->zorder ? o->zorder : 1;
    a->alpha = NPLOT_OPT(o->alpha, 1);
    a->lp.marker = marker;
    a->size = NPLOT_OPT(o->s, st->markersize * st->markersize);
    a->face = face;
    a->edge = edge;
    a->edge_is_face = edge_is_face;
    a->edge_lw = NPLOT_OPT(o->linewidths, st->linewidth);
    a->legend_kind = 2;
    if (!(a->x = nplot__copy_or_index(fig, x, n, who))) return fig->status;
    if (!(a->y = nplot__copy_or_index(fig, y, n, who))) return fig->status;
    if (sizes) {
        if (!(a->sizes = nplot__copy_or_index(fig, sizes, n, who))) return fig->status;
        for (size_t i = 0; i < n; i++)
            if (a->sizes[i] < 0) return nplot__fail(fig, ND_EVALUE, "%s: size %zu is negative (%g)", who, i, a->sizes[i]);
    }
    if (cvals) {
        double lo = o->vmin, hi = o->vmax;
        if (lo == hi) {
            lo = INFINITY;
            hi = -INFINITY;
            for (size_t i = 0; i < n; i++)
                if (isfinite(cvals[i])) lo = fmin(lo, cvals[i]), hi = fmax(hi, cvals[i]);
            if (!(lo <= hi)) lo = 0, hi = 1;
        }
        a->colors = nd_malloc(sizeof(rgba) * (n ? n : 1), who);
        if (!a->colors) return nplot__fail(fig, ND_ENOMEM, "%s: out of memory", who);
        for (size_t i = 0; i < n; i++) {
            double v = hi > lo ? (cvals[i] - lo) / (hi - lo) : 0.5;
            a->colors[i] = nplot__cmap_at(&cm, v);
        }
        a->face = nplot__cmap_at(&cm, 0.5);
        a->map = (mappable){ true, cm, lo, hi };
    }
    if (o->label && !(a->label = nplot__strdup(fig, o->label, who))) return fig->status;
    nplot__update_datalim(ax, a);
    return ND_OK;
}

nd_status nplot_scatter_xy_(nplot_axes *ax, const double *x, const double *y, size_t n,
                                 const nplot_scatter_opts *o)
{
    nplot_scatter_opts d = { 0 };
    if (!o) o = &d;
    if (ax && (o->sizes || o->c))
        return nplot__fail(ax->fig, ND_EVALUE, "nplot_scatter_xy: use sizes_f64/c_f64 with C arrays");
    nd_status st;
    if (ax && ((st = NPLOT__CHECK_LEN(ax->fig, "nplot_scatter", "sizes", o->sizes_f64, n,
                                      "x and y have")) ||
               (st = NPLOT__CHECK_LEN(ax->fig, "nplot_scatter", "c", o->c_f64, n, "x and y have"))))
        return st;
    return nplot__scatter(ax, x, y, n, o->sizes_f64.v, o->c_f64.v, o, "nplot_scatter");
}

/* ---- fill and fill_between --------------------------------------------------------------------- */
static nd_status poly_style(nplot_axes *ax, artist *a, const nplot_fill_opts *o, bool edge_default,
                            const char *who)
{
    const nplot__style *st = ax->fig->style;
    rgba face;
    const char *fc = o->facecolor ? o->facecolor : o->color;
    if (fc) {
        if (nplot__color(fc, st, &face, who)) return nplot__fail(ax->fig, ND_EVALUE, "%s", nd_errmsg());
    } else {
        face = nplot__next_patch_color(ax);
    }
    a->face = face;
    a->has_face = true;
    a->edge = face;
    a->has_edge = edge_default;
    const char *ec = o->edgecolor ? o->edgecolor : (o->color && o->linewidth > 0 ? o->color : NULL);
    if (ec) {
        if (nplot__color(ec, st, &a->edge, who)) return nplot__fail(ax->fig, ND_EVALUE, "%s", nd_errmsg());
        a->has_edge = true;
    }
    if (o->linewidth > 0 && !ec) a->has_edge = true;
    a->edge_lw = NPLOT_OPT(o->linewidth, 1.0);
    if (o->alpha < 0 || o->alpha > 1)
        return nplot__fail(ax->fig, ND_EVALUE, "%s: alpha must be in [0, 1], got %g", who, o->alpha);
    a->alpha = NPLOT_OPT(o->alpha, 1);
    a->zorder = o->zorder ? o->zorder : 1;
    a->legend_kind = 1;
    if (o->label && !(a->label = nplot__strdup(ax->fig, o->label, who))) return ax->fig->status;
    return ND_OK;
}

nd_status nplot_fill_xy_(nplot_axes *ax, const double *x, const double *y, size_t n,
                              const nplot_fill_opts *o)
{
    static const char *who = "nplot_fill";
    CHECK_AX(ax, who);
    nplot_fill_opts d = { 0 };
    if (!o) o = &d;
    if (n > 0 && (!x || !y)) return nplot__fail(ax->fig, ND_EVALUE, "%s: x and y are required", who);
    artist *a = nplot__artist_add(ax, ART_POLY, who);
    if (!a) return ax->fig->status;
    nd_status st = poly_style(ax, a, o, false, who);
    if (st) return st;
    a->n = n;
    if (!(a->x = nplot__copy_or_index(ax->fig, x, n, who))) return ax->fig->status;
    if (!(a->y = nplot__copy_or_index(ax->fig, y, n, who))) return ax->fig->status;
    nplot__update_datalim(ax, a);
    return ND_OK;
}

static double crossing(double x0, double d0, double x1, double d1)
{
    if (d0 == d1) return x0;
    return x0 + (x1 - x0) * d0 / (d0 - d1);
}

nd_status nplot__fill_between(nplot_axes *ax, const double *x, const double *y1, const double *y2,
                              size_t n, const bool *where, const nplot_fill_opts *o, const char *who)
{
    CHECK_AX(ax, who);
    nplot_figure *fig = ax->fig;
    if (n > 0 && (!x || !y1)) return nplot__fail(fig, ND_EVALUE, "%s: x and y1 are required", who);
    int step = 0;
    if (o->step) {
        if (!strcmp(o->step, "pre")) step = 1;
        else if (!strcmp(o->step, "mid")) step = 2;
        else if (!strcmp(o->step, "post")) step = 3;
        else return nplot__fail(fig, ND_EVALUE, "%s: step must be 'pre', 'post' or 'mid', got '%s'",
                                who, o->step);
    }
    artist *a = nplot__artist_add(ax, ART_POLY, who);
    if (!a) return fig->status;
    nd_status st = poly_style(ax, a, o, false, who);
    if (st) return st;
    /* worst case per point: 2 step vertices on each edge, 2 crossings, separators */
    size_t cap = 6 * n + 8;
    a->x = nd_malloc(sizeof(double) * cap, who);
    a->y = nd_malloc(sizeof(double) * cap, who);
    if (!a->x || !a->y) return nplot__fail(fig, ND_ENOMEM, "%s: out of memory", who);
    size_t k = 0;
    size_t i = 0;
    while (i < n) {
        /* a run of usable points */
        while (i < n && !(isfinite(x[i]) && isfinite(y1[i]) && isfinite(y2 ? y2[i] : o->y2) &&
                          (!where || where[i])))
            i++;
        if (i >= n) break;
        size_t i0 = i;
        while (i < n && isfinite(x[i]) && isfinite(y1[i]) && isfinite(y2 ? y2[i] : o->y2) &&
               (!where || where[i]))
            i++;
        size_t i1 = i; /* [i0, i1) */
        double sx = NAN, sy = NAN, fx = NAN, fy = NAN;
        if (o->interpolate && where) {
            if (i0 > 0 && isfinite(x[i0 - 1]) && isfinite(y1[i0 - 1])) {
                double b0 = y2 ? y2[i0 - 1] : o->y2, b1 = y2 ? y2[i0] : o->y2;
                double d0 = y1[i0 - 1] - b0, d1 = y1[i0] - b1;
                if (isfinite(d0) && d0 * d1 <= 0) {
                    sx = crossing(x[i0 - 1], d0, x[i0], d1);
                    double t = x[i0] != x[i0 - 1] ? (sx - x[i0 - 1]) / (x[i0] - x[i0 - 1]) : 0;
                    sy = b0 + t * (b1 - b0);
                }
            }
            if (i1 < n && isfinite(x[i1]) && isfinite(y1[i1])) {
                double b0 = y2 ? y2[i1 - 1] : o->y2, b1 = y2 ? y2[i1] : o->y2;
                double d0 = y1[i1 - 1] - b0, d1 = y1[i1] - b1;
                if (isfinite(d1) && d0 * d1 <= 0) {
                    fx = crossing(x[i1 - 1], d0, x[i1], d1);
                    double t = x[i1] != x[i1 - 1] ? (fx - x[i1 - 1]) / (x[i1] - x[i1 - 1]) : 0;
                    fy = b0 + t * (b1 - b0);
                }
            }
        }
        if (k > 0) {
            a->x[k] = NAN;
            a->y[k++] = NAN;
        }
        if (!isnan(sx)) a->x[k] = sx, a->y[k++] = sy;
        /* upper edge forward (with steps), lower edge backward */
        for (int edge = 0; edge < 2; edge++) {
            size_t m = 0;
            for (size_t j = i0; j < i1; j++) {
                double yy = edge == 0 ? y1[j] : (y2 ? y2[j] : o->y2);
                if (step && j > i0) {
                    double yp = edge == 0 ? y1[j - 1] : (y2 ? y2[j - 1] : o->y2);
                    if (step == 1) {
                        a->x[k] = x[j - 1], a->y[k++] = yy, m++;
                    } else if (step == 3) {
                        a->x[k] = x[j], a->y[k++] = yp, m++;
                    } else {
                        double xm = (x[j - 1] + x[j]) / 2;
                        a->x[k] = xm, a->y[k++] = yp, m++;
                        a->x[k] = xm, a->y[k++] = yy, m++;
                    }
                }
                a->x[k] = x[j];
                a->y[k++] = yy;
                m++;
            }
            if (edge == 0) {
                if (!isnan(fx)) a->x[k] = fx, a->y[k++] = fy;
            } else {
                /* reverse the lower edge just written */
                size_t s = k - m;
                for (size_t p = 0, q = m - 1; p < q; p++, q--) {
                    double tx = a->x[s + p], ty = a->y[s + p];
                    a->x[s + p] = a->x[s + q];
                    a->y[s + p] = a->y[s + q];
                    a->x[s + q] = tx;
                    a->y[s + q] = ty;
                }
            }
        }
    }
    a->n = k;
    nplot__update_datalim(ax, a);
    return ND_OK;
}

nd_status nplot_fill_between_xy_(nplot_axes *ax, const double *x, const double *y1,
                                      const double *y2, size_t n, const nplot_fill_opts *o)
{
    nplot_fill_opts d = { 0 };
    if (!o) o = &d;
    if (ax && o->where)
        return nplot__fail(ax->fig, ND_EVALUE, "nplot_fill_between_xy: use where_b with C arrays");
    return nplot__fill_between(ax, x, y1, y2, n, o->where_b, o, "nplot_fill_between");
}

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
    if (o->bbox) {
        if (!strcmp(o->bbox, "square")) bstyle = 1;
        else if (!strcmp(o->bbox, "round")) bstyle = 2;
        else return nplot__fail(fig, ND_EVALUE, "%s: bbox must be 'square' or 'round', got '%s'", who, o->bbox);
    }
    rgba bface = { 1, 1, 1, 1 };
    if (o->bbox_color && nplot__color(o->bbox_color, fig->style, &bface, who))
        return nplot__fail(fig, ND_EVALUE, "%s", nd_errmsg());
    text_style ts;
    nd_status st = nplot__text_style_from(fig, o, fig->style->font_size, &ts, who);
    if (st) return st;
    artist *a = nplot__artist_add(ax, kind, who);
    if (!a) return fig->status;
    a->xcoord = a->ycoord = c;
    a->ts = ts;
    a->ha = ha;
    a->va = va;
    a->rotation = o->rotation;
    a->bbox_style = bstyle;
    a->bbox_face = bface;
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

/* ---- drawing ----------------------------------------------------------------------------------------- */
static void clip_to_axes(cairo_t *cr, const nplot_axes *ax)
{
    cairo_rectangle(cr, ax->dev[0], ax->dev[1], ax->dev[2] - ax->dev[0], ax->dev[3] - ax->dev[1]);
    cairo_clip(cr);
}

void nplot__draw_scatter(render_ctx *rc, nplot_axes *ax, artist *a)
{
    size_t n = a->n;
    if (!n) return;
    double *dx = nd_malloc(sizeof(double) * n, "nplot"), *dy = nd_malloc(sizeof(double) * n, "nplot");
    double *sz = a->sizes ? nd_malloc(sizeof(double) * n, "nplot") : NULL;
    rgba *faces = a->colors && a->alpha < 1 ? nd_malloc(sizeof(rgba) * n, "nplot") : NULL;
    if (!dx || !dy || (a->sizes && !sz) || (a->colors && a->alpha < 1 && !faces)) {
        nd_free_mem(dx);
        nd_free_mem(dy);
        nd_free_mem(sz);
        nd_free_mem(faces);
        nplot__fail(ax->fig, ND_ENOMEM, "nplot: out of memory drawing %zu markers", n);
        return;
    }
    xform tf = nplot__xform(ax);
    for (size_t i = 0; i < n; i++)
        nplot__to_dev(rc, ax, &tf, a->xcoord, a->ycoord, a->x[i], a->y[i], &dx[i], &dy[i]);
    if (sz)
        for (size_t i = 0; i < n; i++) sz[i] = sqrt(a->sizes[i]) * rc->scale;
    const rgba *fc = a->colors;
    if (faces) {
        for (size_t i = 0; i < n; i++) {
            faces[i] = a->colors[i];
            faces[i].a *= a->alpha;
        }
        fc = faces;
    }
    rgba face = a->face, edge = a->edge;
    face.a *= a->alpha;
    edge.a *= a->alpha;
    bool filled = nplot__marker_filled((marker_kind)a->lp.marker);
    bool eif = a->edge_is_face || !filled;
    double lw = a->edge_lw * rc->scale;
    bbox clip = { ax->dev[0], ax->dev[1], ax->dev[2], ax->dev[3] };
    nplot__draw_markers(rc, dx, dy, n, a->lp.marker, sqrt(a->size) * rc->scale, sz, face, fc, edge,
                        eif, lw, filled, &clip);
    nd_free_mem(dx);
    nd_free_mem(dy);
    nd_free_mem(sz);
    nd_free_mem(faces);
}

void nplot__draw_poly(render_ctx *rc, nplot_axes *ax, artist *a)
{
    cairo_t *cr = rc->cr;
    if (a->n < 2) return;
    xform tf = nplot__xform(ax);
    cairo_save(cr);
    clip_to_axes(cr, ax);
    cairo_new_path(cr);
    bool open = false;
    const double lim = 1e6;
    for (size_t i = 0; i < a->n; i++) {
        double px, py;
        nplot__to_dev(rc, ax, &tf, a->xcoord, a->ycoord, a->x[i], a->y[i], &px, &py);
        if (!isfinite(px) || !isfinite(py)) {
            if (open) cairo_close_path(cr);
            open = false;
            continue;
        }
        px = nplot__clampd(px, -lim, lim);
        py = nplot__clampd(py, -lim, lim);
        if (!open) {
            cairo_move_to(cr, px, py);
            open = true;
        } else {
            cairo_line_to(cr, px, py);
        }
    }
    if (open) cairo_close_path(cr);
    cairo_set_fill_rule(cr, CAIRO_FILL_RULE_WINDING);
    if (a->has_face && a->face.a > 0) {
        cairo_set_source_rgba(cr, a->face.r, a->face.g, a->face.b, a->face.a * a->alpha);
        cairo_fill_preserve(cr);
    }
    if (a->has_edge && a->edge.a > 0) {
        cairo_set_source_rgba(cr, a->edge.r, a->edge.g, a->edge.b, a->edge.a * a->alpha);
        cairo_set_line_width(cr, a->edge_lw * rc->scale);
        cairo_set_line_join(cr, CAIRO_LINE_JOIN_MITER);
        cairo_set_dash(cr, NULL, 0, 0);
        cairo_stroke_preserve(cr);
    }
    cairo_new_path(cr);
    cairo_restore(cr);
}

void nplot__draw_segments(render_ctx *rc, nplot_axes *ax, artist *a)
{
    cairo_t *cr = rc->cr;
    if (a->n < 2) return;
    xform tf = nplot__xform(ax);
    cairo_save(cr);
    clip_to_axes(cr, ax);
    cairo_new_path(cr);
    const double lim = 1e6;
    for (size_t i = 0; i + 1 < a->n; i += 2) {
        double x0, y0, x1, y1;
        nplot__to_dev(rc, ax, &tf, a->xcoord, a->ycoord, a->x[i], a->y[i], &x0, &y0);
        nplot__to_dev(rc, ax, &tf, a->xcoord, a->ycoord, a->x[i + 1], a->y[i + 1], &x1, &y1);
        if (!isfinite(x0) || !isfinite(y0) || !isfinite(x1) || !isfinite(y1)) continue;
        cairo_move_to(cr, nplot__clampd(x0, -lim, lim), nplot__clampd(y0, -lim, lim));
        cairo_line_to(cr, nplot__clampd(x1, -lim, lim), nplot__clampd(y1, -lim, lim));
    }
    rgba c = a->lp.color;
    cairo_set_source_rgba(cr, c.r, c.g, c.b, c.a * a->alpha);
    double lw = a->lp.lw * rc->scale;
    cairo_set_line_width(cr, lw);
    nplot__set_dash(cr, a->lp.ls, NULL, 0, lw, rc->scale);
    cairo_set_line_cap(cr, CAIRO_LINE_CAP_BUTT);
    cairo_stroke(cr);
    cairo_restore(cr);
}

void nplot__text_bbox_patch(render_ctx *rc, const bbox *b, int style, rgba face, rgba edge,
                            double pad)
{
    cairo_t *cr = rc->cr;
    double x0 = b->x0 - pad, y0 = b->y0 - pad, x1 = b->x1 + pad, y1 = b->y1 + pad;
    cairo_new_path(cr);
    if (style == 2) {
        double r = fmin(pad, fmin(x1 - x0, y1 - y0) / 2);
        cairo_new_sub_path(cr);
        cairo_arc(cr, x1 - r, y0 + r, r, -M_PI / 2, 0);
        cairo_arc(cr, x1 - r, y1 - r, r, 0, M_PI / 2);
        cairo_arc(cr, x0 + r, y1 - r, r, M_PI / 2, M_PI);
        cairo_arc(cr, x0 + r, y0 + r, r, M_PI, 3 * M_PI / 2);
        cairo_close_path(cr);
    } else {
        cairo_rectangle(cr, x0, y0, x1 - x0, y1 - y0);
    }
    cairo_set_source_rgba(cr, face.r, face.g, face.b, face.a);
    cairo_fill_preserve(cr);
    cairo_set_source_rgba(cr, edge.r, edge.g, edge.b, edge.a);
    cairo_set_line_width(cr, 1.0 * rc->scale);
    cairo_set_dash(cr, NULL, 0, 0);
    cairo_stroke(cr);
}

void nplot__draw_text_artist(render_ctx *rc, nplot_axes *ax, artist *a)
{
    xform tf = nplot__xform(ax);
    double px, py;
    nplot__to_dev(rc, ax, &tf, a->xcoord, a->ycoord, a->x[0], a->y[0], &px, &py);
    if (!isfinite(px) || !isfinite(py)) return;
    text_box tb = nplot__text_layout(rc, a->text, &a->ts);
    if (a->bbox_style) {
        bbox b = nplot__text_place(rc, &tb, px, py, a->ha, a->va, a->rotation, &a->ts.color, false);
        rgba edge = { 0, 0, 0, 1 };
        nplot__text_bbox_patch(rc, &b, a->bbox_style, a->bbox_face, edge, 0.3 * a->ts.size * rc->scale);
    }
    nplot__text_place(rc, &tb, px, py, a->ha, a->va, a->rotation, &a->ts.color, true);
    nplot__text_free(&tb);
}
