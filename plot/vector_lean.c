/* Lean vector output: markers written as SVG by reference (vector_lean.h has the scheme).
 *
 * A batch of markers becomes, per marker class (size and face colour):
 *   <defs><path id="nmK" d="shape at (0,0)" style="fill/stroke as cairo would"/>
 *         <marker id="nkK" markerUnits="userSpaceOnUse" overflow="visible">
 *         <use xlink:href="#nmK"/></marker></defs>
 * defined once, then each run of consecutive points of that class is one invisible
 * polyline carrying the marker at every vertex (marker-start/mid/end: the shape is placed
 * by reference, a point costs only its two coordinates), and a lone point is one
 * <use xlink:href="#nmK" x=".." y=".."/>. Coordinates are rounded to 0.01 pt; points
 * whose marker cannot reach the clip rectangle are not written. Drawing order is kept:
 * runs follow the input order and classes never reorder points. */
#include "vector_lean.h"

#include <math.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* First occurrence of needle (n bytes) in [s, s + len), or NULL. */
static const char *find(const char *s, size_t len, const char *needle, size_t n)
{
    while (len >= n) {
        const char *p = memchr(s, needle[0], len - n + 1);
        if (!p) return NULL;
        if (memcmp(p, needle, n) == 0) return p;
        len -= (size_t)(p + 1 - s);
        s = p + 1;
    }
    return NULL;
}

typedef struct sbuf {
    char *p;
    size_t len, cap;
    bool failed;
} sbuf;

static bool sb_reserve(sbuf *b, size_t extra)
{
    if (b->failed) return false;
    if (b->len + extra <= b->cap) return true;
    char *q = nplot__grow(b->p, &b->cap, b->len, b->len + extra, 1, "nplot_savefig");
    if (!q) {
        b->failed = true;
        return false;
    }
    b->p = q;
    return true;
}

static void sb_put(sbuf *b, const char *s, size_t n)
{
    if (!sb_reserve(b, n)) return;
    memcpy(b->p + b->len, s, n);
    b->len += n;
}

static void sb_str(sbuf *b, const char *s) { sb_put(b, s, strlen(s)); }

static void sb_printf(sbuf *b, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
static void sb_printf(sbuf *b, const char *fmt, ...)
{
    char tmp[512];
    va_list ap;
    va_start(ap, fmt);
    int n = vsnprintf(tmp, sizeof tmp, fmt, ap);
    va_end(ap);
    if (n > 0) sb_put(b, tmp, (size_t)n < sizeof tmp ? (size_t)n : sizeof tmp - 1);
}

/* v at 0.01 resolution, shortest form: 12.5, -3, .25, -.07 */
static void sb_num(sbuf *b, double v)
{
    if (!sb_reserve(b, 32)) return;
    char *o = b->p + b->len, tmp[24];
    long long q = llround(v * 100);
    size_t k = 0;
    if (q < 0) {
        *o++ = '-';
        q = -q;
    }
    long long ip = q / 100;
    int fr = (int)(q % 100);
    if (ip > 0 || fr == 0) {
        int t = 0;
        do {
            tmp[t++] = (char)('0' + ip % 10);
            ip /= 10;
        } while (ip);
        while (t) o[k++] = tmp[--t];
    }
    if (fr) {
        o[k++] = '.';
        o[k++] = (char)('0' + fr / 10);
        if (fr % 10) o[k++] = (char)('0' + fr % 10);
    }
    b->len = (size_t)(o + k - b->p);
}

/* ---- the save state of this thread ---------------------------------------------------------- */
struct lean_svg {
    sbuf cairo;      /* cairo's SVG stream */
    sbuf *batches;   /* SVG text of each marker batch, by placeholder index */
    size_t nb, capb;
    unsigned ndefs;  /* marker classes defined so far (their ids) */
    bool oom;
};

static _Thread_local lean_svg *cur;

bool nplot__lean_svg_active(void) { return cur != NULL; }

lean_svg *nplot__lean_svg_begin(const char *who)
{
    lean_svg *l = nd_calloc(1, sizeof *l, who);
    if (l) cur = l;
    return l;
}

cairo_status_t nplot__lean_svg_stream(void *closure, const unsigned char *data, unsigned int len)
{
    lean_svg *l = closure;
    sb_put(&l->cairo, (const char *)data, len);
    return l->cairo.failed ? CAIRO_STATUS_NO_MEMORY : CAIRO_STATUS_SUCCESS;
}

/* The placeholder: fill-opacity 0.987654 (printed by cairo as such) and the batch index in
 * the fill colour's three 8-bit channels. */
#define PH_OPACITY 0.987654
#define PH_TAG "fill-opacity:0.987654;"

static void draw_placeholder(render_ctx *rc, size_t k, const bbox *clip)
{
    cairo_t *cr = rc->cr;
    /* larger than the clip, so that cairo keeps the clip group around it */
    bbox r = clip ? *clip : (bbox){ 0, 0, rc->W, rc->H };
    cairo_save(cr);
    cairo_new_path(cr);
    cairo_rectangle(cr, r.x0 - 8, r.y0 - 8, r.x1 - r.x0 + 16, r.y1 - r.y0 + 16);
    cairo_set_source_rgba(cr, (double)(k & 255) / 255, (double)((k >> 8) & 255) / 255,
                          (double)((k >> 16) & 255) / 255, PH_OPACITY);
    cairo_set_operator(cr, CAIRO_OPERATOR_OVER);
    cairo_fill(cr);
    cairo_restore(cr);
}

/* Parse "rgb(a%,b%,c%)" starting at s into the placeholder index; -1 when malformed. */
static long parse_ph_index(const char *s, const char *end)
{
    const char *p = find(s, (size_t)(end - s), "fill:rgb(", 9);
    if (!p) return -1;
    p += 9;
    long k = 0;
    for (int c = 0; c < 3; c++) {
        char *e;
        double v = strtod(p, &e);
        if (e == p || e >= end || *e != '%') return -1;
        long ch = lround(v * 255 / 100);
        if (ch < 0 || ch > 255) return -1;
        k |= ch << (8 * c);
        p = e + 1;
        if (c < 2) {
            if (*p != ',') return -1;
            p++;
        }
    }
    return k;
}

nd_status nplot__lean_svg_end(lean_svg *l, nd_file_writer *out, const char *who)
{
    if (cur == l) cur = NULL;
    nd_status st = ND_OK;
    if (l->oom || l->cairo.failed) st = nd_set_error(ND_ENOMEM, "%s: out of memory writing SVG", who);
    for (size_t i = 0; i < l->nb && st == ND_OK; i++)
        if (l->batches[i].failed) st = nd_set_error(ND_ENOMEM, "%s: out of memory writing SVG", who);
    if (st == ND_OK && out) {
        const char *s = l->cairo.p, *end = s + l->cairo.len, *done = s;
        size_t taglen = strlen(PH_TAG);
        while (st == ND_OK && s) {
            const char *tag = find(s, (size_t)(end - s), PH_TAG, taglen);
            if (!tag) break;
            /* the enclosing element: from the last "<path" before the tag to "/>" after */
            const char *open = tag;
            while (open > done && memcmp(open, "<path", 5) != 0) open--;
            const char *close = find(tag, (size_t)(end - tag), "/>", 2);
            bool is_path = memcmp(open, "<path", 5) == 0;
            long k = close && is_path ? parse_ph_index(open, tag) : -1;
            if (k < 0 || (size_t)k >= l->nb) {
                s = tag + taglen; /* not ours: leave it */
                continue;
            }
            st = nd_file_writer_write(out, done, (size_t)(open - done));
            if (st == ND_OK) st = nd_file_writer_write(out, l->batches[k].p, l->batches[k].len);
            done = s = close + 2;
        }
        if (st == ND_OK) st = nd_file_writer_write(out, done, (size_t)(end - done));
    }
    for (size_t i = 0; i < l->nb; i++) nd_free_mem(l->batches[i].p);
    nd_free_mem(l->batches);
    nd_free_mem(l->cairo.p);
    nd_free_mem(l);
    return st;
}

/* ---- a marker batch ------------------------------------------------------------------------- */
static void put_rgb(sbuf *b, rgba c)
{
    sb_printf(b, "rgb(%.6g%%,%.6g%%,%.6g%%)", c.r * 100, c.g * 100, c.b * 100);
}

/* <defs> of class id: the shape centred on (0, 0) and the marker placing it. */
static void put_def(sbuf *b, unsigned id, int marker, double sz, rgba f, rgba e, double lw,
                    bool filled)
{
    cairo_surface_t *s = cairo_image_surface_create(CAIRO_FORMAT_A8, 1, 1);
    cairo_t *cr = cairo_create(s);
    nplot__marker_path(cr, (marker_kind)marker, 0, 0, sz);
    cairo_path_t *path = cairo_copy_path(cr);
    sb_printf(b, "<defs><path id=\"nm%u\" d=\"", id);
    for (int i = 0; path->status == CAIRO_STATUS_SUCCESS && i < path->num_data;
         i += path->data[i].header.length) {
        const cairo_path_data_t *d = &path->data[i];
        int np = 0;
        switch (d->header.type) {
        case CAIRO_PATH_MOVE_TO: sb_str(b, "M"); np = 1; break;
        case CAIRO_PATH_LINE_TO: sb_str(b, "L"); np = 1; break;
        case CAIRO_PATH_CURVE_TO: sb_str(b, "C"); np = 3; break;
        case CAIRO_PATH_CLOSE_PATH: sb_str(b, "Z"); break;
        }
        for (int j = 1; j <= np; j++) {
            sb_printf(b, "%s%.4g %.4g", j > 1 ? " " : "", d[j].point.x, d[j].point.y);
        }
    }
    cairo_path_destroy(path);
    cairo_destroy(cr);
    cairo_surface_destroy(s);
    sb_str(b, "\" style=\"");
    if (filled && f.a > 0) {
        sb_str(b, "fill:");
        put_rgb(b, f);
        sb_printf(b, ";fill-opacity:%.6g;fill-rule:nonzero;", f.a);
    } else {
        sb_str(b, "fill:none;");
    }
    if (lw > 0 && e.a > 0) {
        sb_str(b, "stroke:");
        put_rgb(b, e);
        sb_printf(b, ";stroke-opacity:%.6g;stroke-width:%.6g;stroke-linejoin:miter;"
                     "stroke-linecap:butt;stroke-miterlimit:10", e.a, lw);
    } else {
        sb_str(b, "stroke:none");
    }
    sb_printf(b, "\"/><marker id=\"nk%u\" markerUnits=\"userSpaceOnUse\" overflow=\"visible\" "
                 "markerWidth=\"1\" markerHeight=\"1\"><use xlink:href=\"#nm%u\"/></marker></defs>\n",
              id, id);
}

typedef struct lclass {
    double sz;
    rgba f;
    unsigned id;
} lclass;

#define LEAN_CLASSES 64

static void flush_run(sbuf *b, unsigned id, const sbuf *run, size_t npts)
{
    if (npts == 0) return;
    if (npts == 1) {
        sb_printf(b, "<use xlink:href=\"#nm%u\" ", id);
        /* run holds "x y" */
        const char *sp = memchr(run->p, ' ', run->len);
        sb_str(b, "x=\"");
        sb_put(b, run->p, (size_t)(sp - run->p));
        sb_str(b, "\" y=\"");
        sb_put(b, sp + 1, run->len - (size_t)(sp + 1 - run->p));
        sb_str(b, "\"/>\n");
        return;
    }
    sb_printf(b, "<path style=\"fill:none;stroke:none;marker-start:url(#nk%u);"
                 "marker-mid:url(#nk%u);marker-end:url(#nk%u)\" d=\"M", id, id, id);
    sb_put(b, run->p, run->len);
    sb_str(b, "\"/>\n");
}

static bool rgba_same(rgba a, rgba b) { return a.r == b.r && a.g == b.g && a.b == b.b && a.a == b.a; }

void nplot__lean_svg_markers(render_ctx *rc, const double *xs, const double *ys, size_t n,
                             int marker, double size_dev, const double *sizes_dev, rgba face,
                             const rgba *faces, rgba edge, bool edge_is_face, double edge_lw,
                             bool filled, const bbox *clip)
{
    lean_svg *l = cur;
    if (l->nb >= (1u << 24)) { /* more batches than the placeholder colour can index */
        l->oom = true;
        return;
    }
    sbuf *bs = nplot__grow(l->batches, &l->capb, l->nb, l->nb + 1, sizeof *bs, "nplot_savefig");
    if (!bs) {
        l->oom = true;
        return;
    }
    l->batches = bs;
    size_t k = l->nb++;
    sbuf *b = &bs[k];
    *b = (sbuf){ 0 };
    sbuf run = { 0 };
    size_t npts = 0;
    lclass cls[LEAN_CLASSES];
    int ncls = 0, next_evict = 0, curc = -1;
    for (size_t i = 0; i < n; i++) {
        double x = xs[i], y = ys[i];
        if (!isfinite(x) || !isfinite(y)) continue;
        double sz = sizes_dev ? sizes_dev[i] : size_dev;
        if (!(sz > 0)) continue;
        double r = nplot__marker_reach(sz, edge_lw);
        if (clip && (x + r < clip->x0 || x - r > clip->x1 || y + r < clip->y0 || y - r > clip->y1))
            continue;
        rgba f = faces ? faces[i] : face;
        int c = -1;
        if (curc >= 0 && cls[curc].sz == sz && rgba_same(cls[curc].f, f)) {
            c = curc;
        } else {
            for (int j = 0; j < ncls; j++)
                if (cls[j].sz == sz && rgba_same(cls[j].f, f)) {
                    c = j;
                    break;
                }
        }
        if (c != curc) {
            if (curc >= 0) flush_run(b, cls[curc].id, &run, npts);
            run.len = 0;
            npts = 0;
        }
        if (c < 0) {
            if (ncls == LEAN_CLASSES) {
                c = next_evict;
                next_evict = (next_evict + 1) % LEAN_CLASSES;
            } else {
                c = ncls++;
            }
            cls[c] = (lclass){ sz, f, l->ndefs++ };
            put_def(b, cls[c].id, marker, sz, f, edge_is_face ? f : edge, edge_lw, filled);
        }
        curc = c;
        if (npts) sb_str(&run, " ");
        sb_num(&run, x);
        sb_str(&run, " ");
        sb_num(&run, y);
        npts++;
    }
    if (curc >= 0) flush_run(b, cls[curc].id, &run, npts);
    if (run.failed) b->failed = true;
    nd_free_mem(run.p);
    draw_placeholder(rc, k, clip);
}
