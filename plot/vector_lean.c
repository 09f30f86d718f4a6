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
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <zlib.h>

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
    if (n == 0 || !sb_reserve(b, n)) return;
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
    double *ph;      /* the first corner of each placeholder rectangle (x, y) */
    size_t capph;
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

static void draw_placeholder(render_ctx *rc, size_t k, const bbox *clip, double *corner)
{
    cairo_t *cr = rc->cr;
    /* larger than the clip, so that cairo keeps the clip group around it */
    bbox r = clip ? *clip : (bbox){ 0, 0, rc->W, rc->H };
    corner[0] = r.x0 - 8;
    corner[1] = r.y0 - 8;
    cairo_save(cr);
    cairo_new_path(cr);
    cairo_rectangle(cr, r.x0 - 8, r.y0 - 8, r.x1 - r.x0 + 16, r.y1 - r.y0 + 16);
    cairo_set_source_rgba(cr, (double)(k & 255) / 255, (double)((k >> 8) & 255) / 255,
                          (double)((k >> 16) & 255) / 255, PH_OPACITY);
    cairo_set_operator(cr, CAIRO_OPERATOR_OVER);
    cairo_fill(cr);
    cairo_restore(cr);
}

/* A new batch (cleared) with its placeholder slot; NULL (and l->oom set) when there is no
 * room. *k is its index. */
static sbuf *new_batch(lean_svg *l, size_t *k)
{
    if (l->nb >= (1u << 24)) { /* more batches than the placeholder colour can index */
        l->oom = true;
        return NULL;
    }
    sbuf *bs = nplot__grow(l->batches, &l->capb, l->nb, l->nb + 1, sizeof *bs, "nplot_savefig");
    if (bs) l->batches = bs;
    double *ph = nplot__grow(l->ph, &l->capph, 2 * l->nb, 2 * l->nb + 2, sizeof *ph, "nplot_savefig");
    if (ph) l->ph = ph;
    if (!bs || !ph) {
        l->oom = true;
        return NULL;
    }
    *k = l->nb++;
    l->batches[*k] = (sbuf){ 0 };
    return &l->batches[*k];
}

void nplot__lean_svg_raw(render_ctx *rc, const char *text)
{
    lean_svg *l = cur;
    if (!l) return;
    size_t k;
    sbuf *b = new_batch(l, &k);
    if (!b) return;
    sb_str(b, text);
    /* a small square (a full-surface fill would become a <rect>), outside any clip: cairo
     * closes its clip groups before it */
    cairo_t *cr = rc->cr;
    cairo_save(cr);
    cairo_reset_clip(cr);
    cairo_identity_matrix(cr);
    cairo_new_path(cr);
    cairo_rectangle(cr, 0.5, 0.5, 1, 1);
    cairo_set_source_rgba(cr, (double)(k & 255) / 255, (double)((k >> 8) & 255) / 255,
                          (double)((k >> 16) & 255) / 255, PH_OPACITY);
    cairo_set_operator(cr, CAIRO_OPERATOR_OVER);
    cairo_fill(cr);
    cairo_restore(cr);
    l->ph[2 * k] = l->ph[2 * k + 1] = 0.5;
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
            /* and its path starts at the rectangle's corner (not a user's path that
             * happens to have this opacity) */
            const char *d = k >= 0 ? find(tag, (size_t)(close - tag), "d=\"M ", 5) : NULL;
            char *e1 = NULL, *e2 = NULL;
            double cx = d ? strtod(d + 5, &e1) : 0, cy = e1 ? strtod(e1, &e2) : 0;
            if (k >= 0 && (size_t)k < l->nb &&
                (!e2 || fabs(cx - l->ph[2 * k]) > 0.01 || fabs(cy - l->ph[2 * k + 1]) > 0.01))
                k = -1;
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
    nd_free_mem(l->ph);
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
                    bool filled, lean_marker_path_fn trace)
{
    cairo_surface_t *s = cairo_image_surface_create(CAIRO_FORMAT_A8, 1, 1);
    cairo_t *cr = cairo_create(s);
    trace(cr, (marker_kind)marker, 0, 0, sz);
    cairo_path_t *path = cairo_copy_path(cr);
    cairo_line_join_t join = cairo_get_line_join(cr); /* the trace sets a custom marker's */
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
    const char *jname = join == CAIRO_LINE_JOIN_ROUND ? "round" : join == CAIRO_LINE_JOIN_BEVEL ? "bevel" : "miter";
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
        sb_printf(b, ";stroke-opacity:%.6g;stroke-width:%.6g;stroke-linejoin:%s;"
                     "stroke-linecap:butt;stroke-miterlimit:10", e.a, lw, jname);
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
    if (run->failed) { /* the run's text is incomplete: the batch fails with it */
        b->failed = true;
        return;
    }
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
                             bool filled, const bbox *clip, lean_marker_path_fn path)
{
    lean_svg *l = cur;
    size_t k;
    sbuf *b = new_batch(l, &k);
    if (!b) return;
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
            put_def(b, cls[c].id, marker, sz, f, edge_is_face ? f : edge, edge_lw, filled, path);
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
    draw_placeholder(rc, k, clip, &l->ph[2 * k]);
}

/* ---- PDF ----------------------------------------------------------------------------------- */

typedef struct qpt {
    int64_t key;
    int32_t x, y; /* translation in 0.01 pt */
} qpt;

typedef struct pdf_run {
    double ox, oy; /* where the placeholder was painted */
    bbox clip;
    bool has_clip, used;
    qpt *pts;
    size_t n;
} pdf_run;

struct lean_pdf {
    sbuf cairo;
    pdf_run *runs;
    size_t nr, capr;
    bool oom;
};

static _Thread_local lean_pdf *cur_pdf;
static _Thread_local bool pdf_off;

void nplot__lean_pdf_disable(bool off) { pdf_off = off; }
bool nplot__lean_pdf_enabled(void) { return !pdf_off; }
bool nplot__lean_pdf_active(void) { return cur_pdf != NULL; }

lean_pdf *nplot__lean_pdf_begin(const char *who)
{
    lean_pdf *l = nd_calloc(1, sizeof *l, who);
    if (l) cur_pdf = l;
    return l;
}

cairo_status_t nplot__lean_pdf_stream(void *closure, const unsigned char *data, unsigned int len)
{
    lean_pdf *l = closure;
    sb_put(&l->cairo, (const char *)data, len);
    return l->cairo.failed ? CAIRO_STATUS_NO_MEMORY : CAIRO_STATUS_SUCCESS;
}

static int qpt_cmp(const void *a, const void *b)
{
    int64_t x = ((const qpt *)a)->key, y = ((const qpt *)b)->key;
    return (x > y) - (x < y);
}

#define PDF_MAX_RUNS 1000000

void nplot__lean_pdf_run(render_ctx *rc, cairo_surface_t *rec, const double *txy, size_t n,
                         const bbox *clip)
{
    lean_pdf *l = cur_pdf;
    if (n == 0 || l->oom) return;
    if (l->nr >= PDF_MAX_RUNS) {
        l->oom = true;
        return;
    }
    pdf_run *rs = nplot__grow(l->runs, &l->capr, l->nr, l->nr + 1, sizeof *rs, "nplot_savefig");
    qpt *q = nd_malloc(n * sizeof *q, "nplot_savefig");
    if (rs) l->runs = rs;
    if (!rs || !q) {
        nd_free_mem(q);
        l->oom = true;
        return;
    }
    /* bands about as high as the mean spacing of the points, boustrophedon inside */
    int32_t x0 = INT32_MAX, x1 = INT32_MIN, y0 = INT32_MAX;
    for (size_t i = 0; i < n; i++) {
        q[i].x = (int32_t)llround(txy[2 * i] * 100);
        q[i].y = (int32_t)llround(txy[2 * i + 1] * 100);
        if (q[i].x < x0) x0 = q[i].x;
        if (q[i].x > x1) x1 = q[i].x;
        if (q[i].y < y0) y0 = q[i].y;
    }
    double area = clip ? (clip->x1 - clip->x0) * (clip->y1 - clip->y0) : rc->W * rc->H;
    double band = sqrt(fmax(area, 1) / (double)n);
    int64_t qb = llround(fmin(fmax(band, 0.5), 50) * 100);
    for (size_t i = 0; i < n; i++) {
        int64_t b = ((int64_t)q[i].y - y0) / qb;
        int64_t along = b % 2 ? (int64_t)x1 - q[i].x : (int64_t)q[i].x - x0;
        q[i].key = b * ((int64_t)1 << 33) + along;
    }
    qsort(q, n, sizeof *q, qpt_cmp);
    size_t k = l->nr++;
    pdf_run *r = &l->runs[k];
    bbox c = clip ? *clip : (bbox){ 0, 0, rc->W, rc->H };
    /* the placeholder: the run index in the millionths of its position */
    r->ox = floor((c.x0 + c.x1) / 2) + 0.5 + (double)(k % 1000 + 1) * 1e-6;
    r->oy = floor((c.y0 + c.y1) / 2) + 0.5 + (double)(k / 1000 + 1) * 1e-6;
    r->clip = c;
    r->has_clip = clip != NULL;
    r->used = false;
    r->pts = q;
    r->n = n;
    cairo_t *cr = rc->cr;
    cairo_set_source_surface(cr, rec, r->ox, r->oy);
    cairo_paint(cr);
}

/* Inflate [p, p + n) into a new buffer; NULL when it is not a zlib stream or on OOM. */
static char *inflate_all(const char *p, size_t n, size_t *out_len, bool *oom)
{
    size_t cap = n * 4 + 1024, len = 0;
    char *o = nd_malloc(cap, "nplot_savefig");
    if (!o) {
        *oom = true;
        return NULL;
    }
    z_stream zs = { 0 };
    if (inflateInit(&zs) != Z_OK) {
        nd_free_mem(o);
        *oom = true;
        return NULL;
    }
    zs.next_in = (Bytef *)p;
    zs.avail_in = (uInt)n;
    int zr;
    do {
        if (len == cap) {
            char *g = nplot__grow(o, &cap, len, cap * 2, 1, "nplot_savefig");
            if (!g) {
                inflateEnd(&zs);
                nd_free_mem(o);
                *oom = true;
                return NULL;
            }
            o = g;
        }
        zs.next_out = (Bytef *)o + len;
        zs.avail_out = (uInt)(cap - len);
        zr = inflate(&zs, Z_NO_FLUSH);
        len = cap - zs.avail_out;
    } while (zr == Z_OK);
    inflateEnd(&zs);
    if (zr != Z_STREAM_END) {
        nd_free_mem(o);
        return NULL;
    }
    *out_len = len;
    return o;
}

/* The placeholder run whose translation is (tx, ty), or -1. */
static long run_of(const lean_pdf *l, double tx, double ty)
{
    double fx = (tx - floor(tx) - 0.5) * 1e6, fy = (ty - floor(ty) - 0.5) * 1e6;
    long jx = lround(fx) - 1, jy = lround(fy) - 1;
    if (jx < 0 || jx > 999 || jy < 0 || fabs(fx - round(fx)) > 0.05 || fabs(fy - round(fy)) > 0.05)
        return -1;
    long j = jx + 1000 * jy;
    if ((size_t)j >= l->nr || l->runs[j].used) return -1;
    if (fabs(l->runs[j].ox - tx) > 1e-5 || fabs(l->runs[j].oy - ty) > 1e-5) return -1;
    return j;
}

/* Write run r's placements with op (the placeholder's "... Do\n") into b. */
static void put_run(sbuf *b, const pdf_run *r, const char *op, size_t oplen)
{
    if (r->has_clip) {
        sb_num(b, r->clip.x0);
        sb_str(b, " ");
        sb_num(b, r->clip.y0);
        sb_str(b, " ");
        sb_num(b, r->clip.x1 - r->clip.x0);
        sb_str(b, " ");
        sb_num(b, r->clip.y1 - r->clip.y0);
        sb_str(b, " re W n\n");
    }
    int64_t band = -1;
    int32_t px = 0, py = 0;
    for (size_t i = 0; i < r->n; i++) {
        const qpt *q = &r->pts[i];
        int64_t bq = q->key >> 33;
        if (bq != band) { /* absolute at the start of a band: no drift from summing */
            if (band >= 0) sb_str(b, "Q\n");
            sb_str(b, "q\n");
            band = bq;
            px = py = 0;
        }
        sb_str(b, "1 0 0 1 ");
        sb_num(b, (double)(q->x - px) / 100);
        sb_str(b, " ");
        sb_num(b, (double)(q->y - py) / 100);
        sb_str(b, " cm ");
        sb_put(b, op, oplen);
        px = q->x;
        py = q->y;
    }
    if (band >= 0) sb_str(b, "Q\n");
}

/* Replace the placeholders of content c (len n) into b; returns how many were replaced. */
static size_t substitute(lean_pdf *l, const char *c, size_t n, sbuf *b)
{
    static const char pat[] = "q\n1 0 0 1 ";
    size_t done = 0, found = 0;
    const char *s = c, *end = c + n;
    while ((s = find(s, (size_t)(end - s), pat, sizeof pat - 1)) != NULL) {
        const char *p = s + sizeof pat - 1;
        char *e1, *e2;
        double tx = strtod(p, &e1);
        double ty = e1 < end ? strtod(e1, &e2) : 0;
        long j = e1 > p && e1 < end && e2 > e1 && end - e2 > 4 && !memcmp(e2, " cm\n", 4)
                     ? run_of(l, tx, ty) : -1;
        const char *op = j >= 0 ? e2 + 4 : NULL;
        const char *doe = op ? find(op, (size_t)(end - op) < 64 ? (size_t)(end - op) : 64, "Do\n", 3) : NULL;
        if (!doe || end - (doe + 3) < 2 || memcmp(doe + 3, "Q\n", 2) != 0) {
            s = p;
            continue;
        }
        sb_put(b, c + done, (size_t)(s + 2 - (c + done))); /* through "q\n" */
        put_run(b, &l->runs[j], op, (size_t)(doe + 3 - op));
        l->runs[j].used = true;
        found++;
        done = (size_t)(doe + 3 - c); /* the closing "Q\n" stays */
        s = doe + 3;
    }
    sb_put(b, c + done, n - done);
    return found;
}

typedef struct edit {
    size_t at, len; /* bytes replaced in the original */
    char *text;     /* replacement (owned) */
    size_t tlen;
} edit;

static int edit_cmp(const void *a, const void *b)
{
    size_t x = ((const edit *)a)->at, y = ((const edit *)b)->at;
    return (x > y) - (x < y);
}

/* Parse an unsigned decimal at p (within end); returns the end of the digits or NULL. */
static const char *parse_size(const char *p, const char *end, size_t *v)
{
    size_t x = 0;
    const char *q = p;
    while (q < end && *q >= '0' && *q <= '9') x = x * 10 + (size_t)(*q++ - '0');
    *v = x;
    return q > p ? q : NULL;
}

nd_status nplot__lean_pdf_end(lean_pdf *l, nd_file_writer *out, bool *complete, const char *who)
{
    if (cur_pdf == l) cur_pdf = NULL;
    *complete = true;
    nd_status st = ND_OK;
    edit *ed = NULL;
    size_t ned = 0, caped = 0, *offs = NULL;
    const char *doc = l->cairo.p, *dend = doc + l->cairo.len;
    if (l->oom || l->cairo.failed) {
        st = nd_set_error(ND_ENOMEM, "%s: out of memory writing PDF", who);
        goto done;
    }
    if (!out) goto done;
    if (l->nr == 0) { /* nothing to replace: cairo's file as it is */
        st = nd_file_writer_write(out, doc, l->cairo.len);
        goto done;
    }
    /* the cross-reference table: one subsection "xref\n0 N\n" of 20-byte entries */
    const char *sx = NULL;
    for (const char *p = find(doc, l->cairo.len, "startxref\n", 10); p;
         p = find(p + 1, (size_t)(dend - p - 1), "startxref\n", 10))
        sx = p;
    size_t xref_at = 0, nobj = 0;
    const char *xp = sx ? parse_size(sx + 10, dend, &xref_at) : NULL;
    const char *xr = xp && xref_at < l->cairo.len ? doc + xref_at : NULL;
    if (!xr || dend - xr < 7 || memcmp(xr, "xref\n0 ", 7) != 0 || !(xp = parse_size(xr + 7, dend, &nobj)) ||
        *xp != '\n' || (size_t)(dend - xp - 1) < nobj * 20) {
        *complete = false;
        goto done;
    }
    const char *ent = xp + 1;
    offs = nd_malloc((nobj ? nobj : 1) * sizeof *offs, who);
    if (!offs) {
        st = ND_ENOMEM;
        goto done;
    }
    for (size_t i = 0; i < nobj; i++) {
        parse_size(ent + 20 * i, ent + 20 * i + 10, &offs[i]);
        if (offs[i] >= xref_at) offs[i] = 0;
    }
    /* content streams: "<< /Length L 0 R\n   /Filter /FlateDecode\n>>\nstream\n" */
    static const char f1[] = " 0 R\n   /Filter /FlateDecode\n>>\nstream\n";
    for (size_t i = 1; i < nobj && st == ND_OK; i++) {
        if (!offs[i]) continue;
        const char *o = doc + offs[i], *p;
        size_t id, lobj, slen;
        if (!(p = parse_size(o, dend, &id)) || id != i || dend - p < 20 ||
            memcmp(p, " 0 obj\n<< /Length ", 18) != 0)
            continue;
        p = parse_size(p + 18, dend, &lobj);
        if (!p || lobj >= nobj || !offs[lobj] || (size_t)(dend - p) < sizeof f1 - 1 ||
            memcmp(p, f1, sizeof f1 - 1) != 0)
            continue;
        const char *data = p + sizeof f1 - 1;
        const char *lo = doc + offs[lobj], *lv;
        size_t lid;
        if (!(lv = parse_size(lo, dend, &lid)) || lid != lobj || dend - lv < 8 ||
            memcmp(lv, " 0 obj\n", 7) != 0)
            continue;
        lv += 7;
        while (lv < dend && *lv == ' ') lv++;
        const char *lve = parse_size(lv, dend, &slen);
        if (!lve || slen > (size_t)(dend - data)) continue;
        bool oom = false;
        size_t clen = 0;
        char *content = inflate_all(data, slen, &clen, &oom);
        if (oom) st = ND_ENOMEM;
        if (!content) continue;
        sbuf nb = { 0 };
        size_t found = substitute(l, content, clen, &nb);
        nd_free_mem(content);
        if (nb.failed) st = ND_ENOMEM;
        if (!found || nb.failed) {
            nd_free_mem(nb.p);
            continue;
        }
        uLong bound = compressBound((uLong)nb.len);
        char *z = nd_malloc(bound, who);
        char *ltxt = nd_malloc(32, who);
        edit *g = nplot__grow(ed, &caped, ned, ned + 2, sizeof *ed, who);
        if (g) ed = g;
        uLongf zlen = bound;
        if (!z || !ltxt || !g || compress2((Bytef *)z, &zlen, (const Bytef *)nb.p, (uLong)nb.len, 6) != Z_OK) {
            nd_free_mem(z);
            nd_free_mem(ltxt);
            nd_free_mem(nb.p);
            st = ND_ENOMEM;
            break;
        }
        nd_free_mem(nb.p);
        ed[ned++] = (edit){ (size_t)(data - doc), slen, z, zlen };
        int tl = snprintf(ltxt, 32, "%lu", (unsigned long)zlen);
        ed[ned++] = (edit){ (size_t)(lv - doc), (size_t)(lve - lv), ltxt, (size_t)tl };
    }
    if (st != ND_OK) goto done;
    for (size_t j = 0; j < l->nr; j++)
        if (!l->runs[j].used) *complete = false;
    if (!*complete) goto done;
    qsort(ed, ned, sizeof *ed, edit_cmp);
    /* the body with the edits applied, then a new table */
    size_t pos = 0;
    for (size_t e = 0; e < ned && st == ND_OK; e++) {
        st = nd_file_writer_write(out, doc + pos, ed[e].at - pos);
        if (st == ND_OK) st = nd_file_writer_write(out, ed[e].text, ed[e].tlen);
        pos = ed[e].at + ed[e].len;
    }
    if (st == ND_OK) st = nd_file_writer_write(out, doc + pos, xref_at - pos);
    sbuf tb = { 0 };
    sb_printf(&tb, "xref\n0 %zu\n", nobj);
    for (size_t i = 0; i < nobj; i++) {
        /* entry 0 and free entries are copied as they are */
        if (i == 0 || !offs[i]) {
            sb_put(&tb, ent + 20 * i, 20);
            continue;
        }
        size_t o = offs[i];
        long long d = 0;
        for (size_t e = 0; e < ned; e++)
            if (ed[e].at + ed[e].len <= o) d += (long long)ed[e].tlen - (long long)ed[e].len;
        sb_printf(&tb, "%010lld 00000 n \n", (long long)o + d);
    }
    long long newx = (long long)xref_at;
    for (size_t e = 0; e < ned; e++) newx += (long long)ed[e].tlen - (long long)ed[e].len;
    const char *tr = ent + 20 * nobj; /* "trailer ... startxref\n" */
    sb_put(&tb, tr, (size_t)(sx + 10 - tr));
    sb_printf(&tb, "%lld\n%%%%EOF\n", newx);
    if (tb.failed && st == ND_OK) st = nd_set_error(ND_ENOMEM, "%s: out of memory writing PDF", who);
    if (st == ND_OK) st = nd_file_writer_write(out, tb.p, tb.len);
    nd_free_mem(tb.p);
done:
    for (size_t e = 0; e < ned; e++) nd_free_mem(ed[e].text);
    nd_free_mem(ed);
    nd_free_mem(offs);
    for (size_t j = 0; j < l->nr; j++) nd_free_mem(l->runs[j].pts);
    nd_free_mem(l->runs);
    nd_free_mem(l->cairo.p);
    nd_free_mem(l);
    if (st == ND_ENOMEM && nd_last_error() != ND_ENOMEM)
        st = nd_set_error(ND_ENOMEM, "%s: out of memory writing PDF", who);
    return st;
}
