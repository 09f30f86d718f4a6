/* Markers beyond the named ones: '$...$' mathtext, custom vertices, (numsides, style,
 * angle) tuples, and any marker with a fill style other than 'full' (matplotlib's
 * MarkerStyle). Each distinct definition is interned once per process and named by an
 * id >= MK_CUSTOM, so that everything passing a marker around as an int (lines, scatter,
 * legend handles, the stamp tiles, the SVG/PDF marker definitions) handles it unchanged. */
#include "plot_render.h"

#include <math.h>
#include <stdlib.h>
#include <stdio.h>
#include <string.h>

static custom_marker *def_new(int nops, int npts, const char *who)
{
    custom_marker *d = nd_calloc(1, sizeof *d, who);
    if (!d) return NULL;
    d->base = -1;
    d->filled = true;
    d->join = CAIRO_LINE_JOIN_ROUND; /* MarkerStyle._recache's default */
    d->nops = nops;
    d->npts = npts;
    d->ops = nops ? nd_calloc((size_t)nops, 1, who) : NULL;
    d->pts = npts ? nd_calloc((size_t)npts * 2, sizeof(double), who) : NULL;
    if ((nops && !d->ops) || (npts && !d->pts)) {
        nplot__marker_def_free(d);
        return NULL;
    }
    return d;
}

/* ---- the three path sources ------------------------------------------------------------------ */

/* Path(verts) scaled by 0.5 / max|v| (MarkerStyle._set_custom_marker): an open polyline,
 * filled as if closed. */
static custom_marker *verts_def(const double *v, int n, const char *who)
{
    if (n < 1 || !v) {
        nd_set_error(ND_EVALUE, "%s: marker_verts needs at least one (x, y) vertex", who);
        return NULL;
    }
    double rescale = 0;
    for (int i = 0; i < 2 * n; i++) {
        if (!isfinite(v[i])) {
            nd_set_error(ND_EVALUE, "%s: marker vertex %d is not finite", who, i / 2);
            return NULL;
        }
        if (fabs(v[i]) > rescale) rescale = fabs(v[i]);
    }
    if (!(rescale > 0)) {
        nd_set_error(ND_EVALUE, "%s: marker vertices are all (0, 0)", who);
        return NULL;
    }
    custom_marker *d = def_new(n, n, who);
    if (!d) return NULL;
    for (int i = 0; i < n; i++) {
        d->ops[i] = i == 0 ? CM_MOVE : CM_LINE;
        d->pts[2 * i] = v[2 * i] * 0.5 / rescale;
        d->pts[2 * i + 1] = v[2 * i + 1] * 0.5 / rescale;
    }
    return d;
}

/* (numsides, style, angle): Path.unit_regular_polygon / unit_regular_star(n, 0.5) /
 * unit_regular_asterisk(n) scaled 0.5 and rotated by angle (MarkerStyle._set_tuple_marker). */
static custom_marker *tuple_def(int numsides, int style, double angle, const char *who)
{
    if (numsides < 1 || numsides > 1000 || style < 0 || style > 2 || !isfinite(angle)) {
        nd_set_error(ND_EVALUE, "%s: Unexpected tuple marker: (%d, %d, %g) (numsides in 1..1000, "
                     "style 0, 1 or 2)", who, numsides, style, angle);
        return NULL;
    }
    int nv = style == 0 ? numsides : 2 * numsides;
    custom_marker *d = def_new(nv + 1, nv, who);
    if (!d) return NULL;
    double c = cos(angle * M_PI / 180), s = sin(angle * M_PI / 180);
    for (int i = 0; i < nv; i++) {
        double th = 2 * M_PI / nv * i + M_PI / 2;
        double r = style == 0 || i % 2 == 0 ? 1 : style == 1 ? 0.5 : 0;
        double x = 0.5 * r * cos(th), y = 0.5 * r * sin(th);
        d->ops[i] = i == 0 ? CM_MOVE : CM_LINE;
        d->pts[2 * i] = x * c - y * s;
        d->pts[2 * i + 1] = x * s + y * c;
    }
    d->ops[nv] = CM_CLOSE;
    d->join = style == 0 ? CAIRO_LINE_JOIN_MITER : CAIRO_LINE_JOIN_BEVEL;
    d->filled = style != 2;
    return d;
}

/* '$...$': the text's outline through numc's mathtext, centred and scaled so that
 * max(width, height) of its vertices is 1 (MarkerStyle._set_mathtext_path). */
static custom_marker *mathtext_def(const char *s, const char *who)
{
    char *markup = nplot__mathtext_markup(s);
    if (!markup) return NULL; /* the error names the unknown symbol */
    nplot__render_lock();
    PangoContext *ctx = nplot__pango_context();
    PangoLayout *l = pango_layout_new(ctx);
    PangoFontDescription *fd = pango_font_description_from_string("DejaVu Sans");
    pango_font_description_set_absolute_size(fd, 100.0 * PANGO_SCALE);
    pango_layout_set_font_description(l, fd);
    pango_font_description_free(fd);
    pango_layout_set_markup(l, markup, -1);
    nd_free_mem(markup);
    cairo_surface_t *surf = cairo_image_surface_create(CAIRO_FORMAT_A8, 1, 1);
    cairo_t *cr = cairo_create(surf);
    pango_cairo_layout_path(cr, l);
    cairo_path_t *p = cairo_copy_path(cr);
    custom_marker *d = NULL;
    int nops = 0, npts = 0;
    double x0 = INFINITY, y0 = INFINITY, x1 = -INFINITY, y1 = -INFINITY, cx = 0, cy = 0;
    if (p->status == CAIRO_STATUS_SUCCESS) {
        for (int i = 0; i < p->num_data; i += p->data[i].header.length) {
            nops++;
            const cairo_path_data_t *e = &p->data[i];
            npts += e->header.length - 1;
            /* the box of the vertices matplotlib's TextPath holds: the glyphs' quadratic
             * control points, which cairo gives as cubics (recovered when they are one) */
            double vx[3], vy[3];
            int nv = 0;
            if (e->header.type == CAIRO_PATH_CURVE_TO && i > 0) {
                double px = cx, py = cy;
                double qx = (3 * e[1].point.x - px) / 2, qy = (3 * e[1].point.y - py) / 2;
                double q2x = (3 * e[2].point.x - e[3].point.x) / 2,
                       q2y = (3 * e[2].point.y - e[3].point.y) / 2;
                if (fabs(qx - q2x) < 0.05 && fabs(qy - q2y) < 0.05) { /* 24.8 fixed point */
                    vx[nv] = qx, vy[nv++] = qy;
                } else {
                    vx[nv] = e[1].point.x, vy[nv++] = e[1].point.y;
                    vx[nv] = e[2].point.x, vy[nv++] = e[2].point.y;
                }
                vx[nv] = e[3].point.x, vy[nv++] = e[3].point.y;
            } else if (e->header.length > 1) {
                vx[nv] = e[e->header.length - 1].point.x, vy[nv++] = e[e->header.length - 1].point.y;
            }
            for (int j = 0; j < nv; j++)
                x0 = fmin(x0, vx[j]), x1 = fmax(x1, vx[j]), y0 = fmin(y0, vy[j]), y1 = fmax(y1, vy[j]);
            if (e->header.length > 1) cx = vx[nv - 1], cy = vy[nv - 1];
        }
    }
    /* matplotlib's glyph paths end each contour with a CLOSEPOLY vertex at the glyph's
     * origin (pen position on the baseline): that point is in its box too */
    if (npts > 0) {
        PangoLayoutIter *it = pango_layout_get_iter(l);
        do {
            PangoLayoutRun *run = pango_layout_iter_get_run_readonly(it);
            if (!run) continue;
            PangoRectangle lr;
            pango_layout_iter_get_run_extents(it, NULL, &lr);
            double bx = (double)lr.x / PANGO_SCALE,
                   by = (double)pango_layout_iter_get_baseline(it) / PANGO_SCALE;
            for (int g = 0; g < run->glyphs->num_glyphs; g++) {
                const PangoGlyphInfo *gi = &run->glyphs->glyphs[g];
                double gx = bx + (double)gi->geometry.x_offset / PANGO_SCALE,
                       gy = by + (double)gi->geometry.y_offset / PANGO_SCALE;
                if (gi->glyph != PANGO_GLYPH_EMPTY)
                    x0 = fmin(x0, gx), x1 = fmax(x1, gx), y0 = fmin(y0, gy), y1 = fmax(y1, gy);
                bx += (double)gi->geometry.width / PANGO_SCALE;
            }
        } while (pango_layout_iter_next_run(it));
        pango_layout_iter_free(it);
    }
    double w = x1 - x0, h = y1 - y0, md = fmax(w, h);
    if (p->status != CAIRO_STATUS_SUCCESS) {
        nd_set_error(ND_ENOMEM, "%s: out of memory tracing marker '%s'", who, s);
    } else if (npts > 0 && md > 0 && (d = def_new(nops, npts, who))) {
        int io = 0, ip = 0;
        for (int i = 0; i < p->num_data; i += p->data[i].header.length) {
            const cairo_path_data_t *e = &p->data[i];
            d->ops[io++] = e->header.type == CAIRO_PATH_MOVE_TO   ? CM_MOVE
                           : e->header.type == CAIRO_PATH_LINE_TO ? CM_LINE
                           : e->header.type == CAIRO_PATH_CURVE_TO ? CM_CURVE
                                                                    : CM_CLOSE;
            for (int j = 1; j < e->header.length; j++, ip++) {
                /* y up, centred on the vertices' box */
                d->pts[2 * ip] = (e[j].point.x - x0 - 0.5 * w) / md;
                d->pts[2 * ip + 1] = -(e[j].point.y - y0 - 0.5 * h) / md;
            }
        }
    } else if (npts == 0 || !(md > 0)) {
        d = def_new(0, 0, who); /* no ink: matplotlib's empty path draws nothing */
    } else {
        nd_set_error(ND_ENOMEM, "%s: out of memory", who);
    }
    cairo_path_destroy(p);
    cairo_destroy(cr);
    cairo_surface_destroy(surf);
    g_object_unref(l);
    g_object_unref(ctx);
    nplot__render_unlock();
    return d;
}

/* "(n, style)" or "(n, style, angle)" → true with the parts; false when s is not a tuple. */
static bool parse_tuple(const char *s, int *n, int *style, double *angle, bool *bad)
{
    *bad = false;
    while (*s == ' ') s++;
    if (*s != '(') return false;
    char *end;
    double v[3];
    int k = 0;
    s++;
    for (;;) {
        if (k == 3) { *bad = true; return true; }
        v[k++] = strtod(s, &end);
        if (end == s) { *bad = true; return true; }
        s = end;
        while (*s == ' ') s++;
        if (*s == ',') { s++; continue; }
        if (*s == ')') break;
        *bad = true;
        return true;
    }
    s++;
    while (*s == ' ') s++;
    if (*s || k < 2 || v[0] != floor(v[0]) || v[1] != floor(v[1]) || fabs(v[0]) > 1e6 ||
        fabs(v[1]) > 1e6) {
        *bad = true;
        return true;
    }
    *n = (int)v[0];
    *style = (int)v[1];
    *angle = k == 3 ? v[2] : 0;
    return true;
}

int nplot__fillstyle_parse(const char *s)
{
    static const char *names[] = { "full", "left", "right", "bottom", "top", "none" };
    if (!s) return FS_FULL;
    for (int i = 0; i < 6; i++)
        if (strcmp(s, names[i]) == 0) return i;
    return -1;
}

int nplot__marker_resolve(const char *marker, const double *verts, size_t nv, int fillstyle,
                          rgba alt, bool half_only, int dflt, const char *who)
{
    custom_marker *d = NULL;
    int base = dflt;
    if (verts || nv) {
        if (marker) {
            nd_set_error(ND_EVALUE, "%s: give either marker or marker_verts, not both", who);
            return -1;
        }
        if (nv % 2 || nv > 2000000) {
            nd_set_error(ND_EVALUE, "%s: marker_verts needs (x, y) pairs: an even count of values, "
                         "got %zu", who, nv);
            return -1;
        }
        if (!(d = verts_def(verts, (int)(nv / 2), who))) return -1;
    } else if (marker) {
        size_t len = strlen(marker);
        int n, style;
        double angle;
        bool bad;
        if (len >= 2 && marker[0] == '$' && marker[len - 1] == '$') {
            if (!(d = mathtext_def(marker, who))) {
                if (nd_last_error() == ND_EVALUE) {
                    char why[256];
                    snprintf(why, sizeof why, "%s", nd_errmsg());
                    nd_set_error(ND_EVALUE, "%s: marker '%s': %s", who, marker, why);
                }
                return -1;
            }
        } else if (parse_tuple(marker, &n, &style, &angle, &bad)) {
            if (bad) {
                nd_set_error(ND_EVALUE, "%s: unknown marker '%s' (a tuple marker is "
                             "\"(numsides, style)\" or \"(numsides, style, angle)\")", who, marker);
                return -1;
            }
            if (!(d = tuple_def(n, style, angle, who))) return -1;
        } else if ((base = nplot__marker_parse(marker)) < 0) {
            nd_set_error(ND_EVALUE, "%s: unknown marker '%s'", who, marker);
            return -1;
        }
    }
    if (!d) {
        if (fillstyle == FS_FULL || base == MK_NONE) return base;
        if (!(d = def_new(0, 0, who))) return -1;
        d->base = base;
        d->filled = nplot__marker_filled((marker_kind)base);
        d->join = CAIRO_LINE_JOIN_MITER;
    }
    d->fillstyle = fillstyle;
    d->alt = alt;
    d->half_only = half_only;
    if (fillstyle == FS_NONE) d->filled = false;
    d->split = d->base >= 0 ? nplot__marker_split((marker_kind)d->base, fillstyle) : 0;
    return nplot__marker_intern(d, who);
}
