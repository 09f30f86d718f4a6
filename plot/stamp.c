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

/* The tile's colour when every pixel is that colour at some coverage (premultiplied
 * p = a * (r, g, b, 1) within rounding): *u gets (r, g, b) in 0-255. False for tiles of
 * two colours (a face and a different edge). */
static bool stamp_one_colour(const stamp *st, double u[3])
{
    uint32_t best = 0;
    for (int i = 0; i < st->w * st->h; i++)
        if ((st->px[i] >> 24) > (best >> 24)) best = st->px[i];
    uint32_t A = best >> 24;
    if (A == 0) return false;
    for (int c = 0; c < 3; c++) u[c] = (double)((best >> (16 - 8 * c)) & 255) * 255 / A;
    for (int i = 0; i < st->w * st->h; i++) {
        uint32_t p = st->px[i], a = p >> 24;
        for (int c = 0; c < 3; c++)
            if (fabs((double)((p >> (16 - 8 * c)) & 255) - u[c] * a / 255) > 2.5) return false;
    }
    return true;
}

/* Many markers of one class whose tile is one colour U: "over" with such a source is
 * D -> U + (1 - a)(D - U), maps that commute, so the order of the points does not matter
 * and a pixel covered with alphas a_1 ... a_k ends as U + (D - U) * prod(1 - a_i). The
 * points are counted per pixel (stamp_acc_add, any number of batches), the logarithms of
 * the products summed per target pixel (count times log(1 - a) of each tile pixel), and
 * every touched pixel is composited once (stamp_acc_end): the same picture as blending the
 * stamps one by one, up to 8-bit rounding. */
struct stamp_acc {
    stamp one;
    double u[3];
    uint32_t *count;            /* per position of the grown clip */
    int gx0, gy0, gw, gh;       /* the grown clip: the pixels a tile can reach the clip from */
    double lox, hix, loy, hiy;  /* points outside are dropped (NaN too) */
    uint32_t *dst;
    int dstride, clx0, cly0, clx1, cly1;
    cairo_surface_t *target;
};

/* The target's pixels and clip rectangle; false when nothing can be drawn. */
static bool stamp_target(render_ctx *rc, const bbox *clip, uint32_t **dst, int *dstride, int cl[4])
{
    cairo_surface_t *target = rc->surface;
    cairo_surface_flush(target);
    *dst = (uint32_t *)cairo_image_surface_get_data(target);
    *dstride = cairo_image_surface_get_stride(target) / 4;
    int W = cairo_image_surface_get_width(target), H = cairo_image_surface_get_height(target);
    cl[0] = 0, cl[1] = 0, cl[2] = W, cl[3] = H;
    if (clip) {
        cl[0] = (int)fmax(0, floor(clip->x0));
        cl[1] = (int)fmax(0, floor(clip->y0));
        cl[2] = (int)fmin(W, ceil(clip->x1));
        cl[3] = (int)fmin(H, ceil(clip->y1));
    }
    return *dst && cl[2] > cl[0] && cl[3] > cl[1];
}

stamp_acc *nplot__stamp_acc_begin(render_ctx *rc, int marker, double size_dev, rgba face, rgba edge,
                                  double edge_lw, bool filled, const bbox *clip, stamp_paint_fn paint)
{
    uint32_t *dst;
    int dstride, cl[4];
    if (!(size_dev > 0) || !stamp_target(rc, clip, &dst, &dstride, cl)) return NULL;
    stamp_acc *acc = nd_calloc(1, sizeof *acc, "nplot");
    if (!acc) return NULL;
    if (!stamp_make(&acc->one, marker, size_dev, face, edge, edge_lw, filled, paint)) {
        nd_free_mem(acc);
        return NULL;
    }
    const stamp *st = &acc->one;
    acc->gx0 = cl[0] - (st->w + st->ox);
    acc->gy0 = cl[1] - (st->h + st->oy);
    acc->gw = cl[2] - st->ox + 1 - acc->gx0;
    acc->gh = cl[3] - st->oy + 1 - acc->gy0;
    double margin = (size_dev + edge_lw) * 2 + 2;
    acc->lox = cl[0] - margin, acc->hix = cl[2] + margin;
    acc->loy = cl[1] - margin, acc->hiy = cl[3] + margin;
    acc->dst = dst, acc->dstride = dstride;
    acc->clx0 = cl[0], acc->cly0 = cl[1], acc->clx1 = cl[2], acc->cly1 = cl[3];
    acc->target = rc->surface;
    if (!stamp_one_colour(st, acc->u) ||
        !(acc->count = nd_calloc((size_t)acc->gw * (size_t)acc->gh, sizeof *acc->count, "nplot"))) {
        nd_free_mem(acc->one.px);
        nd_free_mem(acc);
        return NULL;
    }
    return acc;
}

void nplot__stamp_acc_add(stamp_acc *acc, const double *xs, const double *ys, size_t n)
{
    uint32_t *count = acc->count;
    const double lox = acc->lox, hix = acc->hix, loy = acc->loy, hiy = acc->hiy;
    const long gx0 = acc->gx0, gy0 = acc->gy0, gw = acc->gw, gh = acc->gh;
    for (size_t i = 0; i < n; i++) {
        double x = xs[i], y = ys[i];
        if (!(x >= lox && x <= hix && y >= loy && y <= hiy)) continue;
        /* floor of a value in range, without a libm call */
        long fx = (long)x, fy = (long)y;
        fx -= x < (double)fx;
        fy -= y < (double)fy;
        long px = fx - gx0, py = fy - gy0;
        if (px < 0 || py < 0 || px >= gw || py >= gh) continue;
        count[(size_t)py * gw + px]++;
    }
}

/* Add count row `cnt` (gw positions, tile placed at column px + sx, sx >= 0, of the sum
 * rows) times the tile's log rows into the sum rows it reaches (rows[r] for tile row r,
 * NULL when outside the clip). A row with its points close together is added as whole
 * runs (loops the compiler vectorises); a sparse row point by point. */
static void acc_row(const uint32_t *cnt, int gw, const stamp *st, const float *lg, float *const *rows,
                    float *f)
{
    int lo = 0, hi = gw - 1, nnz = 0;
    while (lo < gw && !cnt[lo]) lo++;
    if (lo == gw) return;
    while (!cnt[hi]) hi--;
    for (int px = lo; px <= hi; px++) nnz += cnt[px] != 0;
    int tw = st->w, th = st->h, span = hi - lo + 1;
    if (span <= 4 * nnz) {
        for (int px = lo; px <= hi; px++) f[px] = (float)cnt[px];
        for (int r = 0; r < th; r++) {
            float *srow = rows[r];
            if (!srow) continue;
            for (int c = 0; c < tw; c++) {
                float v = lg[r * tw + c];
                if (v == 0) continue;
                float *o = srow + c;
                for (int px = lo; px <= hi; px++) o[px] += f[px] * v;
            }
        }
        return;
    }
    for (int px = lo; px <= hi; px++) {
        uint32_t k = cnt[px];
        if (!k) continue;
        for (int r = 0; r < th; r++) {
            float *o = rows[r];
            if (!o) continue;
            o += px;
            const float *l = lg + r * tw;
            for (int c = 0; c < tw; c++) o[c] += (float)k * l[c];
        }
    }
}

bool nplot__stamp_acc_end(stamp_acc *acc)
{
    if (!acc) return false;
    const stamp *st = &acc->one;
    int gx0 = acc->gx0, gy0 = acc->gy0, gw = acc->gw, gh = acc->gh;
    int clx0 = acc->clx0, cly0 = acc->cly0, clx1 = acc->clx1, cly1 = acc->cly1;
    int ch = cly1 - cly0, ntile = st->w * st->h;
    /* the sums of the clip's rows, each with room for the tiles overhanging its sides:
     * column j of a row is target column j + sx0 (the leftmost a tile reaches) */
    int sx0 = gx0 + st->ox, sw = gw + st->w;
    float *sum = nd_calloc((size_t)sw * (size_t)ch, sizeof *sum, "nplot");
    float *lg = nd_malloc(sizeof(float) * (size_t)ntile, "nplot");
    float *f = nd_malloc(sizeof(float) * (size_t)gw, "nplot");
    float **rows = nd_malloc(sizeof(float *) * (size_t)st->h, "nplot");
    bool ok = sum && lg && f && rows;
    if (ok) {
        for (int i = 0; i < ntile; i++) {
            uint32_t a = st->px[i] >> 24;
            lg[i] = a == 255 ? -1e30f : (float)log1p(-(double)a / 255);
        }
        for (int py = 0; py < gh; py++) {
            int y0 = py + gy0 + st->oy;
            bool any = false;
            for (int r = 0; r < st->h; r++) {
                int ty = y0 + r;
                rows[r] = ty >= cly0 && ty < cly1 ? sum + (size_t)(ty - cly0) * sw : NULL;
                any |= rows[r] != NULL;
            }
            if (any) acc_row(acc->count + (size_t)py * gw, gw, st, lg, rows, f);
        }
        const double *u = acc->u;
        for (int ty = cly0; ty < cly1; ty++) {
            const float *srow = sum + (size_t)(ty - cly0) * sw - sx0;
            uint32_t *d = acc->dst + (size_t)ty * acc->dstride;
            for (int tx = clx0; tx < clx1; tx++) {
                float l = srow[tx];
                if (l == 0) continue;
                double t = l < -80 ? 0 : exp(l);
                uint32_t p = d[tx], out = 0;
                /* alpha: unit 255; colour channels premultiplied; v >= 0: rounded half up */
                double da = (double)(p >> 24);
                out |= (uint32_t)(255 + (da - 255) * t + 0.5) << 24;
                for (int c = 0; c < 3; c++) {
                    double dc = (double)((p >> (16 - 8 * c)) & 255);
                    double v = u[c] + (dc - u[c]) * t;
                    out |= (uint32_t)(v < 0 ? 0 : v > 255 ? 255 : v + 0.5) << (16 - 8 * c);
                }
                d[tx] = out;
            }
        }
        cairo_surface_mark_dirty(acc->target);
    }
    nd_free_mem(sum);
    nd_free_mem(lg);
    nd_free_mem(f);
    nd_free_mem(rows);
    nd_free_mem(acc->count);
    nd_free_mem(acc->one.px);
    nd_free_mem(acc);
    return ok;
}

/* Batches of one class at least this large are accumulated (stamp_accumulate). */
#define ACCUMULATE_MIN 20000

size_t nplot__stamp_markers(render_ctx *rc, const double *xs, const double *ys, size_t n,
                            int marker, double size_dev, const double *sizes_dev, rgba face,
                            const rgba *faces, rgba edge, bool edge_is_face, double edge_lw,
                            bool filled, const bbox *clip, stamp_paint_fn paint)
{
    uint32_t *dst;
    int dstride, cl[4];
    if (!stamp_target(rc, clip, &dst, &dstride, cl)) return n;
    int clx0 = cl[0], cly0 = cl[1], clx1 = cl[2], cly1 = cl[3];
    double margin = (size_dev + edge_lw) * 2 + 2;
    double lox = clx0 - margin, hix = clx1 + margin, loy = cly0 - margin, hiy = cly1 + margin;
    if (!sizes_dev && !faces && n >= ACCUMULATE_MIN) {
        stamp_acc *acc = nplot__stamp_acc_begin(rc, marker, size_dev, face, edge_is_face ? face : edge,
                                                edge_lw, filled, clip, paint);
        if (acc) {
            nplot__stamp_acc_add(acc, xs, ys, n);
            if (nplot__stamp_acc_end(acc)) return n;
        }
    }
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
    cairo_surface_mark_dirty(rc->surface);
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
