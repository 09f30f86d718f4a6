/* Raster fast paths: stamped markers and data-space image minification (stamp.h). */
#include "stamp.h"

#include <math.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

/* ---- stamped markers -------------------------------------------------------------------------- */
/* A rendered marker tile (premultiplied ARGB32), cropped to its visible pixels; its
 * top-left pixel sits at (ox, oy) relative to the centre pixel. */
typedef struct stamp {
    uint32_t *px;
    int w, h, ox, oy;
    rgba face;
    double msize;
} stamp;

#define STAMP_CACHE 64

static bool rgba_same(rgba a, rgba b)
{
    return a.r == b.r && a.g == b.g && a.b == b.b && a.a == b.a;
}

bool nplot__stamp_usable(const render_ctx *rc)
{
    if (!rc->raster || !rc->surface || cairo_surface_get_type(rc->surface) != CAIRO_SURFACE_TYPE_IMAGE ||
        cairo_image_surface_get_format(rc->surface) != CAIRO_FORMAT_ARGB32)
        return false;
    const char *off = getenv("NUMC_PLOT_NO_STAMP");
    if (off && *off && strcmp(off, "0") != 0) return false;
    cairo_matrix_t m;
    cairo_get_matrix(rc->cr, &m);
    /* device pixels are user units: positions are placed as they are */
    return m.xx == 1 && m.yy == 1 && m.xy == 0 && m.yx == 0 && m.x0 == 0 && m.y0 == 0;
}

static bool stamp_make(stamp *st, int m, double size, rgba face, rgba edge, double lw,
                       bool filled, stamp_paint_fn paint)
{
    int half = (int)ceil(size * 0.75 + lw) + 2;
    int dim = 2 * half + 1;
    cairo_surface_t *s = cairo_image_surface_create(CAIRO_FORMAT_ARGB32, dim, dim);
    if (cairo_surface_status(s)) {
        cairo_surface_destroy(s);
        return false;
    }
    cairo_t *cr = cairo_create(s);
    cairo_set_line_join(cr, CAIRO_LINE_JOIN_MITER);
    cairo_set_line_cap(cr, CAIRO_LINE_CAP_BUTT);
    /* Pixel centres are at +0.5: the marker is centred on pixel (half, half). */
    paint(cr, m, half + 0.5, half + 0.5, size, face, edge, lw, filled);
    cairo_destroy(cr);
    cairo_surface_flush(s);
    int stride = cairo_image_surface_get_stride(s);
    const unsigned char *data = cairo_image_surface_get_data(s);
    /* crop to the pixels with coverage: most of the padded tile is empty */
    int r0 = dim, r1 = -1, c0 = dim, c1 = -1;
    for (int r = 0; r < dim; r++) {
        const uint32_t *row = (const uint32_t *)(data + (size_t)r * stride);
        for (int c = 0; c < dim; c++)
            if (row[c] >> 24) {
                if (r < r0) r0 = r;
                if (r > r1) r1 = r;
                if (c < c0) c0 = c;
                if (c > c1) c1 = c;
            }
    }
    if (r1 < 0) r0 = r1 = c0 = c1 = half; /* invisible marker: one empty pixel */
    st->w = c1 - c0 + 1;
    st->h = r1 - r0 + 1;
    st->ox = c0 - half;
    st->oy = r0 - half;
    st->px = nd_malloc((size_t)st->w * st->h * 4, "nplot");
    if (!st->px) {
        cairo_surface_destroy(s);
        return false;
    }
    for (int r = 0; r < st->h; r++)
        memcpy(st->px + (size_t)r * st->w, data + (size_t)(r0 + r) * stride + (size_t)c0 * 4,
               (size_t)st->w * 4);
    cairo_surface_destroy(s);
    return true;
}

/* premultiplied "over" of source word sp onto dp, two channels per multiply */
static inline uint32_t over(uint32_t sp, uint32_t dp)
{
    uint32_t ia = 255 - (sp >> 24);
    uint32_t rb = (dp & 0x00ff00ffu) * ia + 0x00800080u;
    rb = ((rb + ((rb >> 8) & 0x00ff00ffu)) >> 8) & 0x00ff00ffu;
    uint32_t ag = ((dp >> 8) & 0x00ff00ffu) * ia + 0x00800080u;
    ag = (ag + ((ag >> 8) & 0x00ff00ffu)) & 0xff00ff00u;
    return sp + rb + ag;
}

/* Blend a tile onto the target's pixels with its centre at pixel (cx, cy), inside the
 * clip [clx0, clx1) x [cly0, cly1). */
static void stamp_blend(const stamp *st, uint32_t *dst, int dstride, int cx, int cy, int clx0,
                        int cly0, int clx1, int cly1)
{
    int x0 = cx + st->ox, y0 = cy + st->oy;
    int sx0 = 0, sy0 = 0, sx1 = st->w, sy1 = st->h;
    if (x0 < clx0) sx0 = clx0 - x0;
    if (y0 < cly0) sy0 = cly0 - y0;
    if (x0 + sx1 > clx1) sx1 = clx1 - x0;
    if (y0 + sy1 > cly1) sy1 = cly1 - y0;
    for (int r = sy0; r < sy1; r++) {
        const uint32_t *s = st->px + (size_t)r * st->w;
        uint32_t *d = dst + (size_t)(y0 + r) * dstride + x0;
        for (int c = sx0; c < sx1; c++) {
            uint32_t sp = s[c], a = sp >> 24;
            if (a == 0) continue;
            d[c] = a == 255 ? sp : over(sp, d[c]);
        }
    }
}

size_t nplot__stamp_markers(render_ctx *rc, const double *xs, const double *ys, size_t n,
                            int marker, double size_dev, const double *sizes_dev, rgba face,
                            const rgba *faces, rgba edge, bool edge_is_face, double edge_lw,
                            bool filled, const bbox *clip, stamp_paint_fn paint)
{
    cairo_surface_t *target = rc->surface;
    cairo_surface_flush(target);
    uint32_t *dst = (uint32_t *)cairo_image_surface_get_data(target);
    int dstride = cairo_image_surface_get_stride(target) / 4;
    int W = cairo_image_surface_get_width(target), H = cairo_image_surface_get_height(target);
    int clx0 = 0, cly0 = 0, clx1 = W, cly1 = H;
    if (clip) {
        clx0 = (int)fmax(0, floor(clip->x0));
        cly0 = (int)fmax(0, floor(clip->y0));
        clx1 = (int)fmin(W, ceil(clip->x1));
        cly1 = (int)fmin(H, ceil(clip->y1));
    }
    if (!dst || clx1 <= clx0 || cly1 <= cly0) return n;
    double margin = (size_dev + edge_lw) * 2 + 2;
    double lox = clx0 - margin, hix = clx1 + margin, loy = cly0 - margin, hiy = cly1 + margin;
    stamp cache[STAMP_CACHE];
    int ncache = 0, next_evict = 0, last = -1;
    size_t i = 0;
    for (; i < n; i++) {
        double x = xs[i], y = ys[i];
        /* also drops NaN: every comparison with it is false */
        if (!(x >= lox && x <= hix && y >= loy && y <= hiy)) continue;
        double sz = sizes_dev ? sizes_dev[i] : size_dev;
        if (!(sz > 0)) continue;
        rgba f = faces ? faces[i] : face;
        int k = -1;
        /* the batch is usually one class: try the last tile first */
        if (last >= 0 && cache[last].msize == sz && rgba_same(cache[last].face, f)) k = last;
        for (int j = 0; k < 0 && j < ncache; j++)
            if (cache[j].msize == sz && rgba_same(cache[j].face, f)) k = j;
        if (k < 0) {
            if (ncache == STAMP_CACHE) {
                k = next_evict;
                next_evict = (next_evict + 1) % STAMP_CACHE;
                nd_free_mem(cache[k].px);
                cache[k].px = NULL;
            } else {
                k = ncache++;
            }
            rgba e = edge_is_face ? f : edge;
            if (!stamp_make(&cache[k], marker, sz, f, e, edge_lw, filled, paint)) {
                cache[k].px = NULL;
                break;
            }
            cache[k].face = f;
            cache[k].msize = sz;
        }
        last = k;
        stamp_blend(&cache[k], dst, dstride, (int)floor(x), (int)floor(y), clx0, cly0, clx1, cly1);
    }
    for (int j = 0; j < ncache; j++) nd_free_mem(cache[j].px);
    cairo_surface_mark_dirty(target);
    return i;
}

/* ---- data-space minification ------------------------------------------------------------------ */
bool nplot__box_mean(const double *z, int iw, int ih, double *out, int ow, int oh)
{
    double *acc = nd_malloc(sizeof(double) * (size_t)ow, "nplot");
    int *x0 = nd_malloc(sizeof(int) * (size_t)(ow + 1), "nplot");
    if (!acc || !x0) {
        nd_free_mem(acc);
        nd_free_mem(x0);
        return false;
    }
    for (int i = 0; i <= ow; i++) x0[i] = (int)((long long)i * iw / ow);
    for (int oy = 0; oy < oh; oy++) {
        int y0 = (int)((long long)oy * ih / oh), y1 = (int)((long long)(oy + 1) * ih / oh);
        if (y1 <= y0) y1 = y0 + 1;
        if (y1 > ih) y1 = ih;
        for (int ox = 0; ox < ow; ox++) acc[ox] = 0;
        for (int y = y0; y < y1; y++) {
            const double *row = z + (size_t)y * (size_t)iw;
            for (int ox = 0; ox < ow; ox++) {
                int xa = x0[ox], xb = x0[ox + 1] > xa ? x0[ox + 1] : xa + 1;
                if (xb > iw) xb = iw;
                double s = 0;
                for (int x = xa; x < xb; x++) s += row[x];
                acc[ox] += s;
            }
        }
        double *o = out + (size_t)oy * (size_t)ow;
        for (int ox = 0; ox < ow; ox++) {
            int xa = x0[ox], xb = x0[ox + 1] > xa ? x0[ox + 1] : xa + 1;
            if (xb > iw) xb = iw;
            o[ox] = acc[ox] / ((double)(xb - xa) * (y1 - y0));
        }
    }
    nd_free_mem(acc);
    nd_free_mem(x0);
    return true;
}
