/* Marker shapes (matplotlib's geometry) and batched marker drawing.
 *
 * On raster surfaces a marker is rendered once into a small premultiplied ARGB tile and
 * blended at every position (stamp.c; matplotlib's Agg does the same "stamp" trick);
 * vector surfaces get real paths. */
#include "plot_render.h"
#include "stamp.h"
#include "vector_lean.h"

#include <math.h>
#include <pthread.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

static const struct { const char *name; marker_kind m; } marker_names[] = {
    { ".", MK_POINT }, { ",", MK_PIXEL }, { "o", MK_CIRCLE }, { "s", MK_SQUARE },
    { "^", MK_TRI_UP }, { "v", MK_TRI_DOWN }, { "<", MK_TRI_LEFT }, { ">", MK_TRI_RIGHT },
    { "D", MK_DIAMOND }, { "d", MK_THIN_DIAMOND }, { "p", MK_PENTAGON }, { "h", MK_HEXAGON1 },
    { "H", MK_HEXAGON2 }, { "*", MK_STAR }, { "+", MK_PLUS }, { "x", MK_X }, { "|", MK_VLINE },
    { "_", MK_HLINE }, { "8", MK_OCTAGON }, { "P", MK_PLUS_FILLED }, { "X", MK_X_FILLED },
    { "1", MK_TRI1 }, { "2", MK_TRI2 }, { "3", MK_TRI3 }, { "4", MK_TRI4 },
    { "None", MK_NONE }, { "none", MK_NONE }, { "", MK_NONE }, { " ", MK_NONE },
    { "circle", MK_CIRCLE }, { "square", MK_SQUARE }, { "point", MK_POINT },
    { "diamond", MK_DIAMOND }, { "star", MK_STAR }, { "plus", MK_PLUS }, { "cross", MK_X },
    /* matplotlib's integer markers TICKLEFT (0) .. CARETDOWNBASE (11) by their names */
    { "tickleft", MK_TICKLEFT }, { "tickright", MK_TICKRIGHT }, { "tickup", MK_TICKUP },
    { "tickdown", MK_TICKDOWN }, { "caretleft", MK_CARETLEFT }, { "caretright", MK_CARETRIGHT },
    { "caretup", MK_CARETUP }, { "caretdown", MK_CARETDOWN }, { "caretleftbase", MK_CARETLEFTBASE },
    { "caretrightbase", MK_CARETRIGHTBASE }, { "caretupbase", MK_CARETUPBASE },
    { "caretdownbase", MK_CARETDOWNBASE },
};

int nplot__marker_parse(const char *s)
{
    if (!s) return -1;
    for (size_t i = 0; i < sizeof marker_names / sizeof *marker_names; i++)
        if (strcmp(s, marker_names[i].name) == 0) return (int)marker_names[i].m;
    return -1;
}

bool nplot__marker_filled(marker_kind m)
{
    if ((int)m >= MK_CUSTOM) {
        const custom_marker *d = nplot__marker_custom((int)m);
        return d && d->filled;
    }
    switch (m) {
    case MK_PLUS: case MK_X: case MK_VLINE: case MK_HLINE: case MK_TRI1: case MK_TRI2:
    case MK_TRI3: case MK_TRI4: case MK_NONE:
        return false;
    default:
        break;
    }
    /* matplotlib's carets are "unfilled" open paths, yet Line2D fills them with the face
     * color (a solid triangle with a miter-joined V edge); ticks have no area */
    return m < MK_TICKLEFT || m > MK_TICKDOWN;
}

/* matplotlib's tick and caret markers: an open polyline (cairo closes it to fill) of n points in marker units (y up),
 * scaled by s and rotated by rot_deg about (x, y). */
static void open_poly(cairo_t *cr, double x, double y, double s, const double *pts, int n, double rot_deg)
{
    double c = cos(rot_deg * M_PI / 180), si = sin(rot_deg * M_PI / 180);
    for (int i = 0; i < n; i++) {
        double px = pts[2 * i] * c - pts[2 * i + 1] * si, py = pts[2 * i] * si + pts[2 * i + 1] * c;
        if (i == 0) cairo_move_to(cr, x + s * px, y - s * py);
        else cairo_line_to(cr, x + s * px, y - s * py);
    }
}

static void tick_caret_path(cairo_t *cr, marker_kind m, double x, double y, double s)
{
    static const double hor[] = { 0, 0, 1, 0 }, caret[] = { -1, 1.5, 0, 0, 1, 1.5 },
                        base[] = { -1, 0, 0, -1.5, 1, 0 };
    switch (m) {
    /* ticks: markersize long from the point (no 0.5 scale) */
    case MK_TICKLEFT: open_poly(cr, x, y, s, hor, 2, 180); break;
    case MK_TICKRIGHT: open_poly(cr, x, y, s, hor, 2, 0); break;
    case MK_TICKUP: open_poly(cr, x, y, s, hor, 2, 90); break;
    case MK_TICKDOWN: open_poly(cr, x, y, s, hor, 2, 270); break;
    /* carets: _caret_path scaled by 0.5 (caretdown as drawn), rotated for the others */
    case MK_CARETDOWN: open_poly(cr, x, y, s * 0.5, caret, 3, 0); break;
    case MK_CARETUP: open_poly(cr, x, y, s * 0.5, caret, 3, 180); break;
    case MK_CARETLEFT: open_poly(cr, x, y, s * 0.5, caret, 3, 270); break;
    case MK_CARETRIGHT: open_poly(cr, x, y, s * 0.5, caret, 3, 90); break;
    case MK_CARETDOWNBASE: open_poly(cr, x, y, s * 0.5, base, 3, 0); break;
    case MK_CARETUPBASE: open_poly(cr, x, y, s * 0.5, base, 3, 180); break;
    case MK_CARETLEFTBASE: open_poly(cr, x, y, s * 0.5, base, 3, 270); break;
    case MK_CARETRIGHTBASE: open_poly(cr, x, y, s * 0.5, base, 3, 90); break;
    default: break;
    }
}

static void polygon(cairo_t *cr, double x, double y, double r, int n, double rot_deg)
{
    for (int i = 0; i < n; i++) {
        double a = (90 + rot_deg + 360.0 * i / n) * M_PI / 180;
        double px = x + r * cos(a), py = y - r * sin(a);
        if (i == 0) cairo_move_to(cr, px, py);
        else cairo_line_to(cr, px, py);
    }
    cairo_close_path(cr);
}

static void rotated_poly(cairo_t *cr, double x, double y, double s, const double *pts, int n,
                         double rot_deg)
{
    double c = cos(rot_deg * M_PI / 180), si = sin(rot_deg * M_PI / 180);
    for (int i = 0; i < n; i++) {
        double px = pts[2 * i] * c - pts[2 * i + 1] * si;
        double py = pts[2 * i] * si + pts[2 * i + 1] * c;
        if (i == 0) cairo_move_to(cr, x + s * px, y - s * py);
        else cairo_line_to(cr, x + s * px, y - s * py);
    }
    cairo_close_path(cr);
}

/* ---- interned marker definitions (marker_custom.c builds them) ---------------------------- */
#define CUSTOM_MAX 4096

static custom_marker **ctable;
static size_t nctable, capctable;
static pthread_mutex_t ctable_mutex = PTHREAD_MUTEX_INITIALIZER;

void nplot__marker_def_free(custom_marker *d)
{
    if (!d) return;
    nd_free_mem(d->ops);
    nd_free_mem(d->pts);
    nd_free_mem(d);
}

static bool same_def(const custom_marker *a, const custom_marker *b)
{
    if (a->base != b->base || a->fillstyle != b->fillstyle || a->join != b->join ||
        a->filled != b->filled || a->half_only != b->half_only || a->nops != b->nops ||
        a->npts != b->npts || a->split != b->split)
        return false;
    if (a->alt.r != b->alt.r || a->alt.g != b->alt.g || a->alt.b != b->alt.b || a->alt.a != b->alt.a)
        return false;
    if (a->nops && memcmp(a->ops, b->ops, (size_t)a->nops) != 0) return false;
    if (a->npts && memcmp(a->pts, b->pts, sizeof(double) * 2 * (size_t)a->npts) != 0) return false;
    return true;
}

int nplot__marker_intern(custom_marker *d, const char *who)
{
    pthread_mutex_lock(&ctable_mutex);
    int id = -1;
    for (size_t i = 0; i < nctable; i++)
        if (same_def(ctable[i], d)) {
            id = MK_CUSTOM + (int)i;
            break;
        }
    if (id < 0) {
        custom_marker **t = nctable < CUSTOM_MAX
                                ? nplot__grow(ctable, &capctable, nctable, nctable + 1, sizeof *t, who)
                                : NULL;
        if (t) {
            ctable = t;
            ctable[nctable] = d;
            id = MK_CUSTOM + (int)nctable++;
            d = NULL;
        } else if (nctable >= CUSTOM_MAX) {
            nd_set_error(ND_EVALUE, "%s: more than %d distinct custom markers", who, CUSTOM_MAX);
        } else {
            nd_set_error(ND_ENOMEM, "%s: out of memory", who);
        }
    }
    pthread_mutex_unlock(&ctable_mutex);
    nplot__marker_def_free(d);
    return id;
}

const custom_marker *nplot__marker_custom(int m)
{
    if (m < MK_CUSTOM) return NULL;
    pthread_mutex_lock(&ctable_mutex);
    const custom_marker *d = (size_t)(m - MK_CUSTOM) < nctable ? ctable[m - MK_CUSTOM] : NULL;
    pthread_mutex_unlock(&ctable_mutex);
    return d;
}

/* matplotlib's half paths meet at the centre except for triangles (y = -1/5 of the unit
 * triangle toward its base), the pentagon (its side vertices) and the star (its inner
 * vertices), measured along the axis the fill style splits. */
double nplot__marker_split(marker_kind m, int fs)
{
    bool vert = fs == FS_TOP || fs == FS_BOTTOM;
    switch (m) {
    case MK_TRI_UP: return vert ? -0.1 : 0;
    case MK_TRI_DOWN: return vert ? 0.1 : 0;
    case MK_TRI_LEFT: return vert ? 0 : 0.1;
    case MK_TRI_RIGHT: return vert ? 0 : -0.1;
    case MK_PENTAGON: return vert ? 0.5 * sin(M_PI / 10) : 0;
    case MK_STAR: return vert ? -0.5 * 0.381966 * sin(M_PI / 10) : 0;
    default: return 0;
    }
}

static void custom_path(cairo_t *cr, const custom_marker *d, double x, double y, double s)
{
    const double *p = d->pts;
    for (int i = 0; i < d->nops; i++) {
        switch (d->ops[i]) {
        case CM_MOVE: cairo_move_to(cr, x + s * p[0], y - s * p[1]); p += 2; break;
        case CM_LINE: cairo_line_to(cr, x + s * p[0], y - s * p[1]); p += 2; break;
        case CM_CURVE:
            cairo_curve_to(cr, x + s * p[0], y - s * p[1], x + s * p[2], y - s * p[3],
                           x + s * p[4], y - s * p[5]);
            p += 6;
            break;
        default: cairo_close_path(cr); break;
        }
    }
}

void nplot__marker_path(cairo_t *cr, marker_kind m, double x, double y, double s)
{
    if ((int)m >= MK_CUSTOM) {
        const custom_marker *d = nplot__marker_custom((int)m);
        if (!d) return;
        cairo_set_line_join(cr, (cairo_line_join_t)d->join); /* read back by vector_lean.c */
        if (d->base >= 0) nplot__marker_path(cr, (marker_kind)d->base, x, y, s);
        else custom_path(cr, d, x, y, s);
        return;
    }
    static const double tri[] = { 0, 1, -1, -1, 1, -1 };
    static const double plusf[] = { -1, -3, 1, -3, 1, -1, 3, -1, 3, 1, 1, 1,
                                    1, 3, -1, 3, -1, 1, -3, 1, -3, -1, -1, -1 };
    switch (m) {
    case MK_NONE: break;
    case MK_POINT: cairo_new_sub_path(cr); cairo_arc(cr, x, y, s * 0.25, 0, 2 * M_PI); cairo_close_path(cr); break;
    case MK_PIXEL: cairo_rectangle(cr, x - 0.5, y - 0.5, 1, 1); break;
    case MK_CIRCLE: cairo_new_sub_path(cr); cairo_arc(cr, x, y, s * 0.5, 0, 2 * M_PI); cairo_close_path(cr); break;
    case MK_SQUARE: cairo_rectangle(cr, x - s / 2, y - s / 2, s, s); break;
    case MK_TRI_UP: rotated_poly(cr, x, y, s * 0.5, tri, 3, 0); break;
    case MK_TRI_DOWN: rotated_poly(cr, x, y, s * 0.5, tri, 3, 180); break;
    case MK_TRI_LEFT: rotated_poly(cr, x, y, s * 0.5, tri, 3, 90); break;
    case MK_TRI_RIGHT: rotated_poly(cr, x, y, s * 0.5, tri, 3, 270); break;
    case MK_DIAMOND: polygon(cr, x, y, s * M_SQRT1_2, 4, 0); break;
    case MK_THIN_DIAMOND: {
        double h = s * M_SQRT1_2, w = 0.6 * h;
        cairo_move_to(cr, x, y - h);
        cairo_line_to(cr, x + w, y);
        cairo_line_to(cr, x, y + h);
        cairo_line_to(cr, x - w, y);
        cairo_close_path(cr);
        break;
    }
    case MK_PENTAGON: polygon(cr, x, y, s * 0.5, 5, 0); break;
    case MK_HEXAGON1: polygon(cr, x, y, s * 0.5, 6, 0); break;
    case MK_HEXAGON2: polygon(cr, x, y, s * 0.5, 6, 30); break;
    case MK_OCTAGON: polygon(cr, x, y, s * 0.5, 8, 22.5); break;
    case MK_STAR: {
        double r = s * 0.5, ri = r * 0.381966;
        for (int i = 0; i < 10; i++) {
            double a = (90 + 36.0 * i) * M_PI / 180, rr = i % 2 ? ri : r;
            if (i == 0) cairo_move_to(cr, x + rr * cos(a), y - rr * sin(a));
            else cairo_line_to(cr, x + rr * cos(a), y - rr * sin(a));
        }
        cairo_close_path(cr);
        break;
    }
    case MK_PLUS:
        cairo_move_to(cr, x - s / 2, y); cairo_line_to(cr, x + s / 2, y);
        cairo_move_to(cr, x, y - s / 2); cairo_line_to(cr, x, y + s / 2);
        break;
    case MK_X:
        cairo_move_to(cr, x - s / 2, y - s / 2); cairo_line_to(cr, x + s / 2, y + s / 2);
        cairo_move_to(cr, x - s / 2, y + s / 2); cairo_line_to(cr, x + s / 2, y - s / 2);
        break;
    case MK_VLINE: cairo_move_to(cr, x, y - s / 2); cairo_line_to(cr, x, y + s / 2); break;
    case MK_HLINE: cairo_move_to(cr, x - s / 2, y); cairo_line_to(cr, x + s / 2, y); break;
    case MK_PLUS_FILLED: rotated_poly(cr, x, y, s / 6, plusf, 12, 0); break;
    case MK_X_FILLED: rotated_poly(cr, x, y, s / 6, plusf, 12, 45); break;
    case MK_TRI1: case MK_TRI2: case MK_TRI3: case MK_TRI4: {
        double rot = m == MK_TRI1 ? 180 : m == MK_TRI2 ? 0 : m == MK_TRI3 ? 90 : 270;
        for (int i = 0; i < 3; i++) {
            double a = (90 + rot + 120.0 * i) * M_PI / 180;
            cairo_move_to(cr, x, y);
            cairo_line_to(cr, x + s / 2 * cos(a), y - s / 2 * sin(a));
        }
        break;
    }
    case MK_TICKLEFT: case MK_TICKRIGHT: case MK_TICKUP: case MK_TICKDOWN: case MK_CARETLEFT:
    case MK_CARETRIGHT: case MK_CARETUP: case MK_CARETDOWN: case MK_CARETLEFTBASE:
    case MK_CARETRIGHTBASE: case MK_CARETUPBASE: case MK_CARETDOWNBASE:
        tick_caret_path(cr, m, x, y, s);
        break;
    }
}

/* The half-plane of fill style fs beyond split c (marker units) for a marker of size s at
 * (x, y); other: the complementary half. */
static void half_plane(cairo_t *cr, int fs, bool other, double c, double x, double y, double s,
                       double pad)
{
    double big = 4 * s + 4 * pad + 4, cx = x + c * s, cy = y - c * s;
    bool low = fs == FS_LEFT || fs == FS_TOP; /* the face half is on the smaller device side */
    if (other) low = !low;
    if (fs == FS_LEFT || fs == FS_RIGHT) {
        if (low) cairo_rectangle(cr, cx - big, y - big, big + pad, 2 * big);
        else cairo_rectangle(cr, cx - pad, y - big, big + pad, 2 * big);
    } else {
        if (low) cairo_rectangle(cr, x - big, cy - big, 2 * big, big + pad);
        else cairo_rectangle(cr, x - big, cy - pad, 2 * big, big + pad);
    }
}

/* A named marker with a half fill style: each half filled with its colour (matplotlib's
 * path and alt_path), the outline and the line between the halves stroked; scatter draws
 * the face half alone. */
static void half_paint(cairo_t *cr, const custom_marker *d, double x, double y, double size,
                       rgba face, rgba edge, double lw)
{
    bool stroke = lw > 0 && edge.a > 0;
    for (int h = 0; h < (d->half_only ? 1 : 2); h++) {
        rgba c = h ? d->alt : face;
        if (c.a <= 0) continue;
        cairo_save(cr);
        half_plane(cr, d->fillstyle, h == 1, d->split, x, y, size, 0);
        cairo_clip(cr);
        nplot__marker_path(cr, (marker_kind)d->base, x, y, size);
        cairo_set_source_rgba(cr, c.r, c.g, c.b, c.a);
        cairo_fill(cr);
        cairo_restore(cr);
    }
    if (!stroke) return;
    cairo_set_source_rgba(cr, edge.r, edge.g, edge.b, edge.a);
    cairo_set_line_width(cr, lw);
    cairo_save(cr);
    if (d->half_only) {
        half_plane(cr, d->fillstyle, false, d->split, x, y, size, lw / 2);
        cairo_clip(cr);
    }
    nplot__marker_path(cr, (marker_kind)d->base, x, y, size);
    cairo_stroke(cr);
    cairo_restore(cr);
    /* the line between the halves, inside the marker (matplotlib's hexagon halves are
     * open paths: no line) */
    if (d->base == MK_HEXAGON1) return;
    cairo_save(cr);
    nplot__marker_path(cr, (marker_kind)d->base, x, y, size);
    cairo_clip(cr);
    double c = d->split * size;
    if (d->fillstyle == FS_LEFT || d->fillstyle == FS_RIGHT) {
        cairo_move_to(cr, x + c, y - size);
        cairo_line_to(cr, x + c, y + size);
    } else {
        cairo_move_to(cr, x - size, y - c);
        cairo_line_to(cr, x + size, y - c);
    }
    cairo_stroke(cr);
    cairo_restore(cr);
}

/* Fill and stroke one marker at (x, y). */
static void marker_paint(cairo_t *cr, int m, double x, double y, double size, rgba face,
                         rgba edge, double lw, bool filled)
{
    cairo_new_path(cr);
    const custom_marker *d = nplot__marker_custom(m);
    if (d) {
        cairo_save(cr);
        cairo_set_line_join(cr, (cairo_line_join_t)d->join);
        if (d->base >= 0 && filled && d->fillstyle >= FS_LEFT && d->fillstyle <= FS_TOP) {
            half_paint(cr, d, x, y, size, face, edge, lw);
            cairo_restore(cr);
            cairo_new_path(cr);
            return;
        }
    }
    nplot__marker_path(cr, (marker_kind)m, x, y, size);
    if (filled && face.a > 0) {
        cairo_set_source_rgba(cr, face.r, face.g, face.b, face.a);
        if (lw > 0 && edge.a > 0) cairo_fill_preserve(cr);
        else cairo_fill(cr);
    }
    if (lw > 0 && edge.a > 0) {
        cairo_set_source_rgba(cr, edge.r, edge.g, edge.b, edge.a);
        cairo_set_line_width(cr, lw);
        cairo_stroke(cr);
    }
    if (d) cairo_restore(cr);
    cairo_new_path(cr);
}

#define VMARK_CACHE 256

typedef struct vmark {
    cairo_surface_t *rec;
    double size;
    rgba face;
    double half;
} vmark;

static bool rgba_eq(rgba a, rgba b)
{
    return a.r == b.r && a.g == b.g && a.b == b.b && a.a == b.a;
}

/* Points per part of a streamed marker batch: 2 x 256 KiB of positions. */
#define MARKER_PART 32768

bool nplot__draw_markers_from(render_ctx *rc, size_t n, marker_points_fn pts, void *ctx, int marker,
                              double size_dev, rgba face, rgba edge, bool edge_is_face, double edge_lw,
                              bool filled, const bbox *clip)
{
    if (marker == MK_NONE || n == 0) return true;
    if (n > MARKER_PART && rc->raster && marker != MK_PIXEL && nplot__stamp_usable(rc)) {
        stamp_acc *acc = nplot__stamp_acc_begin(rc, marker, size_dev, face, edge_is_face ? face : edge,
                                                edge_lw, filled, clip, marker_paint);
        double *buf = acc ? nd_malloc(2 * MARKER_PART * sizeof *buf, "nplot") : NULL;
        if (buf) {
            for (size_t i = 0; i < n; i += MARKER_PART) {
                size_t k = n - i < MARKER_PART ? n - i : MARKER_PART;
                pts(ctx, i, k, buf, buf + MARKER_PART);
                nplot__stamp_acc_add(acc, buf, buf + MARKER_PART, k);
            }
            nd_free_mem(buf);
            if (nplot__stamp_acc_end(acc)) return true;
        } else if (acc) {
            nplot__stamp_acc_add(acc, NULL, NULL, 0);
            nplot__stamp_acc_end(acc); /* frees it; nothing was counted */
        }
    }
    double *xs = nd_malloc(sizeof(double) * n, "nplot"), *ys = nd_malloc(sizeof(double) * n, "nplot");
    bool ok = xs && ys;
    if (ok) {
        pts(ctx, 0, n, xs, ys);
        nplot__draw_markers(rc, xs, ys, n, marker, size_dev, NULL, face, NULL, edge, edge_is_face,
                            edge_lw, filled, clip);
    }
    nd_free_mem(xs);
    nd_free_mem(ys);
    return ok;
}

void nplot__draw_markers(render_ctx *rc, const double *xs, const double *ys, size_t n,
                         int marker, double size_dev, const double *sizes_dev, rgba face,
                         const rgba *faces, rgba edge, bool edge_is_face, double edge_lw,
                         bool filled, const bbox *clip)
{
    if (marker == MK_NONE || n == 0) return;
    cairo_t *cr = rc->cr;
    double margin = (size_dev + edge_lw) * 2 + 2;
    if (rc->raster && marker != MK_PIXEL && nplot__stamp_usable(rc)) {
        /* stamp.c: one tile per marker class, blended at every position */
        size_t done = nplot__stamp_markers(rc, xs, ys, n, marker, size_dev, sizes_dev, face, faces,
                                           edge, edge_is_face, edge_lw, filled, clip, marker_paint);
        if (done == n) return;
        /* out of memory for a tile: cairo draws the rest */
        xs += done, ys += done, n -= done;
        if (sizes_dev) sizes_dev += done;
        if (faces) faces += done;
    }
    cairo_save(cr);
    if (clip) {
        cairo_rectangle(cr, clip->x0, clip->y0, clip->x1 - clip->x0, clip->y1 - clip->y0);
        cairo_clip(cr);
    }
    cairo_set_line_join(cr, CAIRO_LINE_JOIN_MITER);
    cairo_set_line_cap(cr, CAIRO_LINE_CAP_BUTT);
    cairo_set_dash(cr, NULL, 0, 0);
    /* lean vector output (vector_lean.c): SVG markers by reference, PDF positions rounded
     * to 0.01 pt and markers that cannot reach the clip left out */
    const custom_marker *cdef = nplot__marker_custom(marker);
    bool two_tone = cdef && cdef->base >= 0 && cdef->fillstyle >= FS_LEFT && cdef->fillstyle <= FS_TOP;
    if (rc->svg && !rc->offscreen && nplot__lean_svg_active() && !two_tone) {
        nplot__lean_svg_markers(rc, xs, ys, n, marker, size_dev, sizes_dev, face, faces, edge,
                                edge_is_face, edge_lw, filled, clip, nplot__marker_path);
        cairo_restore(cr);
        return;
    }
    bool lean_pdf = !rc->raster && !rc->svg && !rc->offscreen;
    /* PDF: each distinct marker is recorded once and placed by reference (a form
     * XObject) instead of repeating its path per point. */
    vmark cache[VMARK_CACHE];
    int ncache = 0;
    /* lean PDF: runs of one class go to vector_lean.c, painted once each */
    bool lean_runs = lean_pdf && n > 1 && nplot__lean_pdf_active();
    double *run = lean_runs ? nd_malloc(2 * n * sizeof *run, "nplot") : NULL;
    size_t nrun = 0;
    int runk = -1;
    if (!run) lean_runs = false;
    for (size_t i = 0; i < n; i++) {
        double x = xs[i], y = ys[i];
        if (!isfinite(x) || !isfinite(y)) continue;
        if (clip && (x < clip->x0 - margin || x > clip->x1 + margin || y < clip->y0 - margin ||
                     y > clip->y1 + margin))
            continue;
        double sz = sizes_dev ? sizes_dev[i] : size_dev;
        if (lean_pdf) {
            double r = nplot__marker_reach(sz, edge_lw);
            if (clip && (x + r < clip->x0 || x - r > clip->x1 || y + r < clip->y0 ||
                         y - r > clip->y1))
                continue;
            x = nplot__round_cpt(x);
            y = nplot__round_cpt(y);
        }
        rgba f = faces ? faces[i] : face;
        rgba e = edge_is_face ? f : edge;
        int k = -1;
        for (int j = 0; j < ncache; j++)
            if (cache[j].size == sz && rgba_eq(cache[j].face, f)) {
                k = j;
                break;
            }
        if (k < 0 && ncache < VMARK_CACHE && n > 1 && !rc->svg) {
            double h = ceil(sz + edge_lw) + 1;
            cairo_surface_t *rec = cairo_recording_surface_create(
                CAIRO_CONTENT_COLOR_ALPHA, &(cairo_rectangle_t){ 0, 0, 2 * h, 2 * h });
            cairo_t *rcr = cairo_create(rec);
            cairo_set_line_join(rcr, CAIRO_LINE_JOIN_MITER);
            cairo_set_line_cap(rcr, CAIRO_LINE_CAP_BUTT);
            marker_paint(rcr, marker, h, h, sz, f, e, edge_lw, filled);
            cairo_destroy(rcr);
            if (cairo_surface_status(rec) == CAIRO_STATUS_SUCCESS) {
                k = ncache++;
                cache[k] = (vmark){ rec, sz, f, h };
            } else {
                cairo_surface_destroy(rec);
            }
        }
        if (lean_runs && k >= 0) {
            if (k != runk && nrun) {
                nplot__lean_pdf_run(rc, cache[runk].rec, run, nrun, clip);
                nrun = 0;
            }
            runk = k;
            run[2 * nrun] = x - cache[k].half;
            run[2 * nrun + 1] = y - cache[k].half;
            nrun++;
            continue;
        }
        if (nrun) {
            nplot__lean_pdf_run(rc, cache[runk].rec, run, nrun, clip);
            nrun = 0;
        }
        if (k >= 0) {
            cairo_set_source_surface(cr, cache[k].rec, x - cache[k].half, y - cache[k].half);
            cairo_paint(cr);
        } else {
            marker_paint(cr, marker, x, y, sz, f, e, edge_lw, filled);
        }
    }
    if (nrun) nplot__lean_pdf_run(rc, cache[runk].rec, run, nrun, clip);
    nd_free_mem(run);
    for (int j = 0; j < ncache; j++) nplot__defer_destroy(rc, cache[j].rec);
    cairo_restore(cr);
}

void nplot__set_dash(cairo_t *cr, int ls, const double *dashes, int ndashes, double lw,
                     double scale)
{
    /* matplotlib's lines.*_pattern in points, scaled by the line width. */
    static const double dashed[] = { 3.7, 1.6 }, dashdot[] = { 6.4, 1.6, 1, 1.6 },
                        dotted[] = { 1, 1.65 };
    const double *pat = NULL;
    int n = 0;
    double mul = lw / scale; /* line width in points (thin lines too: lines._scale_dashes) */
    if (dashes && ndashes > 0) {
        pat = dashes;
        n = ndashes;
        mul = 1;
    } else if (ls == LS_DASHED) {
        pat = dashed;
        n = 2;
    } else if (ls == LS_DASHDOT) {
        pat = dashdot;
        n = 4;
    } else if (ls == LS_DOTTED) {
        pat = dotted;
        n = 2;
    }
    if (!pat) {
        cairo_set_dash(cr, NULL, 0, 0);
        cairo_set_line_cap(cr, CAIRO_LINE_CAP_SQUARE);
        return;
    }
    double d[16];
    if (n > 16) n = 16;
    for (int i = 0; i < n; i++) d[i] = pat[i] * mul * scale;
    cairo_set_dash(cr, d, n, 0);
    cairo_set_line_cap(cr, CAIRO_LINE_CAP_BUTT);
}
