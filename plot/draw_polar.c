/* Drawing a polar axes (issue 20), as matplotlib's PolarAxes: the wedge patch, the grid
 * (circles at the r ticks, spokes at the theta ticks), the artists clipped to the wedge,
 * the spines (outer arc, inner arc, start and end edges of a sector), theta labels in
 * degrees around the rim and r labels along rlabel_position (or the start edge).
 *
 * The artists are the ordinary ones: their (theta, r) vertices are mapped here (polar.c)
 * to device positions handed to the ordinary painters as figure coordinates, so lines,
 * markers, polygons and patch collections draw unchanged. Patch edges (bars, hist) are
 * interpolated in (theta, r) first, 100 steps per edge as matplotlib's Axes.bar asks, so
 * bars become annular sectors; lines and polygons keep straight segments as matplotlib's
 * Line2D and Polygon (interpolation steps 1). */
#include "plot_render.h"

#include <math.h>
#include <stdio.h>
#include <string.h>

enum { BAR_STEPS = 100 };

static void set_rgba(cairo_t *cr, rgba c, double alpha)
{
    cairo_set_source_rgba(cr, c.r, c.g, c.b, c.a * alpha);
}

static void bb_add(bbox *bb, bbox b)
{
    if (b.x1 <= b.x0 && b.y1 <= b.y0) return;
    bb->x0 = fmin(bb->x0, b.x0);
    bb->y0 = fmin(bb->y0, b.y0);
    bb->x1 = fmax(bb->x1, b.x1);
    bb->y1 = fmax(bb->y1, b.y1);
}

/* Python's a % b for b > 0. */
static double pymod(double a, double b)
{
    double m = fmod(a, b);
    return m < 0 ? m + b : m;
}

/* The sector between radii rin and rout (device units) as one closed path. */
static void wedge_path(cairo_t *cr, const polar_state *p, double rin, double rout)
{
    cairo_new_path(cr);
    if (p->full) {
        cairo_new_sub_path(cr);
        cairo_arc_negative(cr, p->cx, p->cy, rout, 0, -2 * M_PI);
        cairo_close_path(cr);
        if (rin > 0) {
            cairo_new_sub_path(cr);
            cairo_arc(cr, p->cx, p->cy, rin, 0, 2 * M_PI);
            cairo_close_path(cr);
        }
        return;
    }
    cairo_new_sub_path(cr);
    cairo_arc_negative(cr, p->cx, p->cy, rout, -p->a0, -p->a1);
    if (rin > 0) cairo_arc(cr, p->cx, p->cy, rin, -p->a1, -p->a0);
    else cairo_line_to(cr, p->cx, p->cy);
    cairo_close_path(cr);
}

/* ---- ticks ------------------------------------------------------------------------------ */
static void free_axis_ticks(axis_state *a)
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

#define TICK_CAP 512

void nplot__polar_ticks(render_ctx *rc, nplot_axes *ax)
{
    polar_state *p = ax->polar;
    /* r: on a full circle whose rmin is at the origin, only ticks beyond the origin
     * (RadialLocator) */
    axis_state *ra = &ax->ya;
    if (p->full && ra->lo <= p->r0 && ra->ticks) {
        int k = 0;
        for (int i = 0; i < ra->nticks; i++) {
            if (ra->ticks[i] > p->r0) {
                ra->ticks[k] = ra->ticks[i];
                ra->ticklabels[k++] = ra->ticklabels[i];
            } else {
                nd_free_mem(ra->ticklabels[i]);
            }
        }
        ra->nticks = k;
    }
    /* theta */
    axis_state *a = &ax->xa;
    free_axis_ticks(a);
    double lo = a->lo, hi = a->hi, lo_d = lo * 180 / M_PI, hi_d = hi * 180 / M_PI;
    double buf[TICK_CAP];
    const char *lab[TICK_CAP];
    int n = 0;
    if (a->fixed_set) {
        n = a->nfixed < TICK_CAP ? a->nfixed : TICK_CAP;
        for (int i = 0; i < n; i++) {
            buf[i] = a->fixed[i];
            lab[i] = i < a->nfixed_labels ? a->fixed_labels[i] : NULL;
        }
    } else if (p->full) {
        /* ThetaLocator: every 45° on the full circle */
        for (n = 0; n < 8; n++) {
            buf[n] = n * 2 * M_PI / 8;
            lab[n] = NULL;
        }
    } else {
        static const double steps[] = { 1, 1.5, 3, 4.5, 9, 10 };
        double lsize = NPLOT_OPT(a->major.labelsize, 10);
        int space = (int)floor((ax->dev[2] - ax->dev[0]) / rc->scale / (lsize * 3));
        int nb = space < 1 ? 1 : space > 9 ? 9 : space;
        n = nplot__maxn_ticks_steps(lo_d, hi_d, nb, steps, 6, 2, buf, TICK_CAP);
        if (n < 0) n = 0;
        if (n > TICK_CAP) n = TICK_CAP;
        for (int i = 0; i < n; i++) {
            buf[i] *= M_PI / 180;
            lab[i] = NULL;
        }
    }
    a->ticks = nd_malloc(sizeof(double) * (size_t)(n ? n : 1), "nplot layout");
    a->ticklabels = nd_calloc((size_t)(n ? n : 1), sizeof(char *), "nplot layout");
    a->offset_text = nd_strdup("", "nplot layout");
    if (!a->ticks || !a->ticklabels || !a->offset_text) {
        nplot__fail(ax->fig, ND_ENOMEM, "nplot: out of memory computing polar ticks");
        return;
    }
    /* ThetaFormatter: degrees with max(-int(log10(span) - 1.5), 0) digits and the ° sign */
    double span = fabs(hi_d - lo_d);
    int digits = span > 0 ? -(int)(log10(span) - 1.5) : 0;
    if (digits < 0) digits = 0;
    double tol = (hi - lo) * 1e-10;
    int nv = 0;
    for (int i = 0; i < n; i++) {
        double t = buf[i];
        if (!(t >= lo - tol && t <= hi + tol)) continue;
        char s[128];
        double deg = t * 180 / M_PI;
        if (lab[i]) snprintf(s, sizeof s, "%s", lab[i]);
        else if (a->fixed_set && a->nfixed_labels > 0) s[0] = '\0';
        else if (p->theta_fmt[0]) {
#pragma GCC diagnostic push
#pragma GCC diagnostic ignored "-Wformat-nonliteral"
            snprintf(s, sizeof s, p->theta_fmt, deg); /* one double conversion (kind_polar.c) */
#pragma GCC diagnostic pop
        } else {
            snprintf(s, sizeof s, "%.*f\u00b0", digits, deg == 0 ? 0.0 : deg);
        }
        char *c = nd_strdup(s, "nplot layout");
        if (!c) {
            nplot__fail(ax->fig, ND_ENOMEM, "nplot: out of memory computing polar ticks");
            return;
        }
        a->ticks[nv] = t;
        a->ticklabels[nv++] = c;
        a->nticks = nv; /* counted as they come: a failure later frees these */
    }
}

/* ---- grid, spines and labels -------------------------------------------------------------- */
static void draw_grid(render_ctx *rc, nplot_axes *ax)
{
    cairo_t *cr = rc->cr;
    const polar_state *p = ax->polar;
    for (int xi = 0; xi < 2; xi++) {
        axis_state *a = xi == 0 ? &ax->xa : &ax->ya;
        if (!a->grid_major || a->nticks == 0) continue;
        const struct grid_style *g = &a->grid[0];
        double lw = g->lw * rc->scale;
        cairo_set_line_width(cr, lw);
        nplot__set_dash(cr, g->ls, NULL, 0, lw, rc->scale);
        cairo_set_line_cap(cr, CAIRO_LINE_CAP_BUTT);
        set_rgba(cr, g->color, g->alpha);
        cairo_new_path(cr);
        for (int i = 0; i < a->nticks; i++) {
            if (xi == 0) { /* spoke */
                double ang = a->ticks[i] * p->direction + p->offset;
                double c = cos(ang), s = sin(ang);
                cairo_move_to(cr, p->cx + p->rin * c, p->cy - p->rin * s);
                cairo_line_to(cr, p->cx + p->rout * c, p->cy - p->rout * s);
            } else { /* circle */
                double d = (a->ticks[i] - p->r0) * p->k;
                if (!(d > 0) || d < p->rin - 1e-9 || d > p->rout + 1e-9) continue;
                cairo_new_sub_path(cr);
                if (p->full) cairo_arc(cr, p->cx, p->cy, d, 0, 2 * M_PI);
                else cairo_arc_negative(cr, p->cx, p->cy, d, -p->a0, -p->a1);
            }
        }
        cairo_stroke(cr);
    }
    cairo_set_dash(cr, NULL, 0, 0);
}

static text_style tick_ts(const render_ctx *rc, const axis_state *a)
{
    return (text_style){ a->major.labelsize, a->major.labelcolor, PANGO_WEIGHT_NORMAL,
                         PANGO_STYLE_NORMAL, rc->fig->style->font_family };
}

/* The tick padding of matplotlib's Tick: pad plus the part of the tick outside. */
static double tick_pad(const tick_side *t)
{
    return t->pad + t->length * (t->direction == 0 ? 1 : t->direction == 2 ? 0.5 : 0);
}

/* RadialTick._determine_anchor in 'default' rotation mode (angle: spine angle - 90). */
static void r_anchor(double angle, bool start, int *ha, int *va)
{
    static const double edges[] = { -68.5, -23.5, 22.5, 67.5, 112.5, 157.5, 202.5, 247.5 };
    static const int sh[] = { HA_CENTER, HA_LEFT, HA_LEFT, HA_LEFT, HA_CENTER, HA_RIGHT, HA_RIGHT,
                              HA_RIGHT, HA_CENTER };
    static const int sv[] = { VA_TOP, VA_TOP, VA_CENTER, VA_BOTTOM, VA_BOTTOM, VA_BOTTOM, VA_CENTER,
                              VA_TOP, VA_TOP };
    static const int eh[] = { HA_CENTER, HA_RIGHT, HA_RIGHT, HA_RIGHT, HA_CENTER, HA_LEFT, HA_LEFT,
                              HA_LEFT, HA_CENTER };
    static const int ev[] = { VA_BOTTOM, VA_BOTTOM, VA_CENTER, VA_TOP, VA_TOP, VA_TOP, VA_CENTER,
                              VA_BOTTOM, VA_BOTTOM };
    int k = 0;
    while (k < 8 && !(angle < edges[k])) k++;
    *ha = start ? sh[k] : eh[k];
    *va = start ? sv[k] : ev[k];
}

bbox nplot__polar_decorations(render_ctx *rc, nplot_axes *ax, bool draw)
{
    cairo_t *cr = rc->cr;
    const polar_state *p = ax->polar;
    double s = rc->scale;
    bbox bb = { ax->dev[0], ax->dev[1], ax->dev[2], ax->dev[3] };
    double top = ax->dev[1];
    if (!ax->axis_off) {
        if (draw && ax->frame_on) { /* spines: outer arc, inner arc, sector edges */
            const nplot__style *st = ax->fig->style;
            cairo_set_line_width(cr, st->axes_linewidth * s);
            cairo_set_dash(cr, NULL, 0, 0);
            cairo_set_line_cap(cr, CAIRO_LINE_CAP_BUTT);
            cairo_set_line_join(cr, CAIRO_LINE_JOIN_MITER);
            set_rgba(cr, st->axes_edge, 1);
            cairo_new_path(cr);
            if (p->full) {
                cairo_arc(cr, p->cx, p->cy, p->rout, 0, 2 * M_PI);
                cairo_close_path(cr);
                if (p->rin > 0) {
                    cairo_new_sub_path(cr);
                    cairo_arc(cr, p->cx, p->cy, p->rin, 0, 2 * M_PI);
                    cairo_close_path(cr);
                }
            } else {
                cairo_arc_negative(cr, p->cx, p->cy, p->rout, -p->a0, -p->a1);
                if (p->rin > 0) {
                    cairo_new_sub_path(cr);
                    cairo_arc(cr, p->cx, p->cy, p->rin, -p->a1, -p->a0);
                }
                for (int e = 0; e < 2; e++) {
                    double ang = e ? p->a1 : p->a0;
                    cairo_move_to(cr, p->cx + p->rin * cos(ang), p->cy - p->rin * sin(ang));
                    cairo_line_to(cr, p->cx + p->rout * cos(ang), p->cy - p->rout * sin(ang));
                }
            }
            cairo_stroke(cr);
        }
        /* theta labels: centred, (pad + 7) points beyond the rim along their angle */
        axis_state *xa = &ax->xa;
        if (xa->labels_side[0] && !xa->hide_ticklabels) {
            text_style ts = tick_ts(rc, xa);
            double pad = (tick_pad(&xa->major) + 7) * s;
            for (int i = 0; i < xa->nticks; i++) {
                if (!xa->ticklabels[i] || !xa->ticklabels[i][0]) continue;
                double ang = xa->ticks[i] * p->direction + p->offset, c = cos(ang), sn = sin(ang);
                double x = p->cx + (p->rout + pad) * c, y = p->cy - (p->rout + pad) * sn;
                text_box tb = nplot__text_layout(rc, xa->ticklabels[i], &ts);
                bbox b = nplot__text_place(rc, &tb, x, y, HA_CENTER, VA_CENTER, xa->label_rotation,
                                           &xa->major.labelcolor, draw);
                nplot__text_free(&tb);
                bb_add(&bb, b);
                top = fmin(top, b.y0);
            }
        }
        /* r labels */
        axis_state *ra = &ax->ya;
        if (ra->labels_side[0] && !ra->hide_ticklabels) {
            text_style ts = tick_ts(rc, ra);
            double theta, ox = 0, oy = 0;
            int ha = HA_LEFT, va = VA_BOTTOM;
            if (p->full) {
                theta = p->rlabel_pos * M_PI / 180;
            } else {
                theta = ax->xa.lo;
                double pad = tick_pad(&ra->major) * s;
                double ang = p->direction > 0 ? p->a0 - M_PI / 2 : p->a1 + M_PI / 2;
                ox = pad * cos(ang);
                oy = -pad * sin(ang);
                double deg = pymod(ax->xa.lo * 180 / M_PI * p->direction + p->offset * 180 / M_PI,
                                   360) - 90;
                r_anchor(deg, p->direction > 0, &ha, &va);
            }
            for (int i = 0; i < ra->nticks; i++) {
                if (!ra->ticklabels[i] || !ra->ticklabels[i][0]) continue;
                double x, y;
                nplot__polar_to_dev(ax, theta, ra->ticks[i], &x, &y);
                if (!isfinite(x) || !isfinite(y)) continue;
                text_box tb = nplot__text_layout(rc, ra->ticklabels[i], &ts);
                bbox b = nplot__text_place(rc, &tb, x + ox, y + oy, ha, va, ra->label_rotation,
                                           &ra->major.labelcolor, draw);
                nplot__text_free(&tb);
                bb_add(&bb, b);
            }
        }
    }
    /* axis labels: x below everything drawn so far, y left of it (matplotlib's polar
     * axes keeps the rectilinear label positions) */
    if (!ax->axis_off) {
        bbox deco = bb;
        for (int xi = 0; xi < 2; xi++) {
            axis_state *a = xi == 0 ? &ax->xa : &ax->ya;
            if (!a->label || !a->label[0]) continue;
            text_box tb = nplot__text_layout(rc, a->label, &a->label_ts);
            double pad = a->labelpad * s;
            bbox b = xi == 0 ? nplot__text_place(rc, &tb, (ax->dev[0] + ax->dev[2]) / 2, deco.y1 + pad,
                                                 HA_CENTER, VA_TOP, 0, &a->label_ts.color, draw)
                             : nplot__text_place(rc, &tb, deco.x0 - pad, (ax->dev[1] + ax->dev[3]) / 2,
                                                 HA_RIGHT, VA_CENTER, 90, &a->label_ts.color, draw);
            nplot__text_free(&tb);
            bb_add(&bb, b);
        }
    }
    /* titles: above the rim and the theta labels (matplotlib moves the title above the
     * theta axis' box) */
    for (int i = 0; i < 3; i++) {
        if (!ax->title[i] || !ax->title[i][0]) continue;
        text_box tb = nplot__text_layout(rc, ax->title[i], &ax->title_ts[i]);
        double x = i == 0 ? (ax->dev[0] + ax->dev[2]) / 2 : i == 1 ? ax->dev[0] : ax->dev[2];
        int ha = i == 0 ? HA_CENTER : i == 1 ? HA_LEFT : HA_RIGHT;
        double y = top - ax->title_pad * s;
        bbox b = nplot__text_place(rc, &tb, x, y, ha, VA_BASELINE, 0, &ax->title_ts[i].color, draw);
        nplot__text_free(&tb);
        bb_add(&bb, b);
    }
    return bb;
}

/* ---- artists ------------------------------------------------------------------------------ */
static bool mapped_kind(artist_kind k)
{
    return k == ART_LINE || k == ART_SCATTER || k == ART_POLY || k == ART_SEGMENTS ||
           k == ART_PATCHES;
}

/* Device → figure fractions (COORD_FIGURE), which the painters map back exactly. */
static void put(render_ctx *rc, const nplot_axes *ax, double t, double r, double *fx, double *fy)
{
    double x, y;
    nplot__polar_to_dev(ax, t, r, &x, &y);
    *fx = x / rc->W;
    *fy = 1 - y / rc->H;
}

/* The vertices of a patch collection with every edge that changes theta split in
 * BAR_STEPS pieces (linear in theta and r); NaN separators kept. Returns the count, or 0
 * when out of memory (fx, fy NULL). */
static size_t patches_mapped(render_ctx *rc, const nplot_axes *ax, const artist *a, double **fx,
                             double **fy)
{
    size_t m = 0;
    for (int pass = 0; pass < 2; pass++) {
        size_t k = 0, i = 0;
        while (i < a->n) {
            if (!(isfinite(a->x[i]) && isfinite(a->y[i]))) {
                if (pass) (*fx)[k] = (*fy)[k] = NAN;
                k++;
                i++;
                continue;
            }
            size_t j = i;
            while (j < a->n && isfinite(a->x[j]) && isfinite(a->y[j])) j++;
            for (size_t v = i; v < j; v++) {
                size_t w = v + 1 < j ? v + 1 : i;
                double t0 = a->x[v], r0 = a->y[v], t1 = a->x[w], r1 = a->y[w];
                if (pass) put(rc, ax, t0, r0, &(*fx)[k], &(*fy)[k]);
                k++;
                if (t0 == t1 || j - i < 2) continue;
                for (int q = 1; q < BAR_STEPS; q++) {
                    double f = (double)q / BAR_STEPS;
                    if (pass) put(rc, ax, t0 + f * (t1 - t0), r0 + f * (r1 - r0), &(*fx)[k], &(*fy)[k]);
                    k++;
                }
            }
            i = j;
        }
        if (!pass) {
            m = k;
            *fx = nd_malloc(sizeof(double) * (m ? m : 1), "nplot");
            *fy = nd_malloc(sizeof(double) * (m ? m : 1), "nplot");
            if (!*fx || !*fy) {
                nd_free_mem(*fx);
                nd_free_mem(*fy);
                *fx = *fy = NULL;
                return 0;
            }
        }
    }
    return m;
}

/* Paint a with its vertices mapped to figure fractions (patch edges interpolated); with
 * mask, points outside the sector are dropped (markers). */
static void paint_mapped(render_ctx *rc, nplot_axes *ax, artist *a, nplot__painter paint, bool mask)
{
    double *fx = NULL, *fy = NULL;
    size_t m = a->n;
    if (a->kind == ART_PATCHES) {
        m = patches_mapped(rc, ax, a, &fx, &fy);
    } else {
        fx = nd_malloc(sizeof(double) * (m ? m : 1), "nplot");
        fy = nd_malloc(sizeof(double) * (m ? m : 1), "nplot");
        if (fx && fy) {
            const polar_state *p = ax->polar;
            double iw = 1 / rc->W, ih = 1 / rc->H, dir = p->direction, off = p->offset;
            for (size_t i = 0; i < m; i++) {
                double rr = a->y[i] - p->r0, t = a->x[i];
                if (!(rr >= 0) || !isfinite(t) || !isfinite(rr) ||
                    (mask && nplot__polar_outside(ax, t, a->y[i]))) {
                    fx[i] = fy[i] = NAN;
                    continue;
                }
                double ang = t * dir + off, d = rr * p->k;
                fx[i] = (p->cx + d * cos(ang)) * iw;
                fy[i] = 1 - (p->cy - d * sin(ang)) * ih;
            }
        }
    }
    if (!fx || !fy) {
        nd_free_mem(fx);
        nd_free_mem(fy);
        nplot__fail(ax->fig, ND_ENOMEM, "nplot: out of memory drawing a polar artist");
        return;
    }
    artist t = *a;
    t.x = fx;
    t.y = fy;
    t.n = m;
    t.xcoord = t.ycoord = COORD_FIGURE;
    paint(rc, ax, &t);
    nd_free_mem(fx);
    nd_free_mem(fy);
}

static void paint_artist(render_ctx *rc, nplot_axes *ax, artist *a, nplot__painter paint)
{
    cairo_t *cr = rc->cr;
    bool data = a->xcoord == COORD_DATA && a->ycoord == COORD_DATA;
    bool clip = a->kind != ART_TEXT && a->kind != ART_ANNOTATE; /* texts: clip_on False */
    if (clip) {
        cairo_save(cr);
        wedge_path(cr, ax->polar, ax->polar->rin, ax->polar->rout);
        cairo_clip(cr);
        cairo_new_path(cr);
    }
    if (!data || !mapped_kind(a->kind)) {
        paint(rc, ax, a);
    } else if (a->kind == ART_SCATTER) {
        /* the scatter painter maps through nplot__to_dev (polar.c); stamped markers
         * ignore cairo's clip, so the points outside the sector are masked instead */
        ax->polar->mask_outside = true;
        paint(rc, ax, a);
        ax->polar->mask_outside = false;
    } else if (a->kind == ART_LINE && a->lp.marker != MK_NONE) {
        artist t = *a;
        t.lp.marker = MK_NONE;
        paint_mapped(rc, ax, &t, paint, false);
        t = *a;
        t.lp.ls = LS_NONE;
        paint_mapped(rc, ax, &t, paint, true);
    } else {
        paint_mapped(rc, ax, a, paint, false);
    }
    if (clip) cairo_restore(cr);
}

void nplot__draw_axes_polar(render_ctx *rc, nplot_axes *ax, nplot__painter paint)
{
    cairo_t *cr = rc->cr;
    polar_state *p = ax->polar;
    if (!ax->axis_off && ax->frame_on && ax->face.a > 0) {
        wedge_path(cr, p, p->rin, p->rout);
        set_rgba(cr, ax->face, 1);
        cairo_fill(cr);
    }
    artist **list = nd_malloc(sizeof(artist *) * (size_t)(ax->nartists ? ax->nartists : 1), "nplot");
    if (!list) {
        nplot__fail(ax->fig, ND_ENOMEM, "nplot: out of memory drawing");
        return;
    }
    int n = 0;
    for (artist *a = ax->artists; a; a = a->next)
        if (!a->hidden) list[n++] = a; /* set_visible(False) */
    for (int i = 1; i < n; i++) { /* insertion sort: equal zorders keep their order */
        artist *k = list[i];
        int j = i - 1;
        while (j >= 0 && list[j]->zorder > k->zorder) {
            list[j + 1] = list[j];
            j--;
        }
        list[j + 1] = k;
    }
    double grid_z = ax->fig->style->axisbelow == 1 ? 0.5 : ax->fig->style->axisbelow == 3 ? 2.5 : 1.5;
    bool grid_done = ax->axis_off, deco_done = false;
    for (int i = 0; i < n; i++) {
        if (!grid_done && list[i]->zorder > grid_z) {
            draw_grid(rc, ax);
            grid_done = true;
        }
        if (!deco_done && list[i]->zorder > 2.5) {
            nplot__polar_decorations(rc, ax, true);
            deco_done = true;
        }
        paint_artist(rc, ax, list[i], paint);
    }
    if (!grid_done) draw_grid(rc, ax);
    if (!deco_done) nplot__polar_decorations(rc, ax, true);
    nd_free_mem(list);
    if (ax->legend_on) nplot__draw_legend(rc, ax);
}
