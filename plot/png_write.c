/* savefig's PNG writer: the chunks written here, the image data deflated by zlib in
 * horizontal stripes, several at once.
 *
 * A PNG's image data is one zlib stream, but a deflate stream may be cut at any byte
 * boundary that ends a non-final block. Each stripe of rows is deflated on its own (no
 * dictionary carried over from the stripe above) and ended with Z_SYNC_FLUSH (an empty
 * stored block, byte-aligned), the last one with Z_FINISH; joined behind the two-byte zlib
 * header and followed by the Adler-32 of all the rows (the stripes' checksums combined),
 * they form a valid stream. Stripe boundaries depend on the image size only, so the file
 * is the same whatever the number of threads; the stripes run on the plot helpers
 * (workers.h). */
#include "plot_render.h"
#include "workers.h"

#include <numc/io.h>
#include <numc/threads.h>
#include <stdatomic.h>
#include <stdint.h>
#include <string.h>
#include <zlib.h>

/* Stripes: one per 64 KiB of rows (small images are one stripe; many stripes share the
 * work evenly), at most MAX_STRIPES, and none above 256 MiB of rows so every IDAT chunk
 * stays below PNG's 2^31 limit. */
enum { MAX_STRIPES = 256, MAX_THREADS = 8 };
#define STRIPE_MIN_BYTES ((size_t)1 << 16)
#define STRIPE_MAX_BYTES ((size_t)1 << 28)

typedef struct stripe {
    int y0, y1;          /* rows [y0, y1) */
    unsigned char *out;  /* deflated bytes */
    size_t nout;
    uLong adler;         /* of the filtered rows */
    size_t nraw;
    bool ok;
} stripe;

typedef struct png_job {
    const unsigned char *data; /* cairo's ARGB32, premultiplied */
    int w, stride;
    bool opaque;
    stripe *s;
    int ns;
    atomic_int next; /* the next stripe to take */
    const char *who;
} png_job;

/* Un-premultiply one ARGB32 pixel into RGBA bytes. */
static inline void unpremul(uint32_t px, unsigned char *o)
{
    unsigned a = px >> 24, r = (px >> 16) & 255, g = (px >> 8) & 255, b = px & 255;
    if (a == 255) {
        o[0] = (unsigned char)r, o[1] = (unsigned char)g, o[2] = (unsigned char)b, o[3] = 255;
    } else if (a == 0) {
        o[0] = o[1] = o[2] = o[3] = 0;
    } else {
        o[0] = (unsigned char)((r * 255 + a / 2) / a);
        o[1] = (unsigned char)((g * 255 + a / 2) / a);
        o[2] = (unsigned char)((b * 255 + a / 2) / a);
        o[3] = (unsigned char)a;
    }
}

static voidpf z_alloc(voidpf who, uInt n, uInt size)
{
    return nd_malloc((size_t)n * size, who);
}

static void z_free(voidpf who, voidpf p)
{
    (void)who;
    nd_free_mem(p);
}

/* A thread's deflate state and row buffer, kept from one stripe to the next. */
typedef struct png_worker {
    z_stream z;
    bool z_ready;
    unsigned char *raw;
    size_t cap;
} png_worker;

/* Filter (type None) and deflate the rows of stripe s; false when out of memory (the
 * error is set on the calling thread). */
static bool deflate_stripe(const png_job *j, png_worker *wk, stripe *s, bool last)
{
    int w = j->w, bpp = j->opaque ? 3 : 4;
    size_t rowlen = 1 + (size_t)w * bpp, nraw = rowlen * (size_t)(s->y1 - s->y0);
    if (nraw > wk->cap) {
        nd_free_mem(wk->raw);
        wk->cap = 0;
        if (!(wk->raw = nd_malloc(nraw, j->who))) return false;
        wk->cap = nraw;
    }
    unsigned char *raw = wk->raw;
    for (int y = s->y0; y < s->y1; y++) {
        const uint32_t *src = (const uint32_t *)(j->data + (size_t)y * j->stride);
        unsigned char *o = raw + (size_t)(y - s->y0) * rowlen;
        *o++ = 0; /* filter None: with antialiased plots the fastest and (measured) smallest */
        if (j->opaque) {
            for (int x = 0; x < w; x++) {
                uint32_t px = src[x];
                o[3 * x] = (unsigned char)(px >> 16);
                o[3 * x + 1] = (unsigned char)(px >> 8);
                o[3 * x + 2] = (unsigned char)px;
            }
        } else {
            for (int x = 0; x < w; x++) unpremul(src[x], o + 4 * x);
        }
    }
    s->nraw = nraw;
    s->adler = adler32(adler32(0, NULL, 0), raw, (uInt)nraw);
    z_stream *z = &wk->z;
    if (!wk->z_ready) {
        memset(z, 0, sizeof *z);
        z->zalloc = z_alloc;
        z->zfree = z_free;
        z->opaque = (voidpf)j->who;
        /* raw deflate (the zlib header and checksum are written around the stripes);
         * level 1: speed over size */
        if (deflateInit2(z, 1, Z_DEFLATED, -15, 8, Z_DEFAULT_STRATEGY) != Z_OK) return false;
        wk->z_ready = true;
    } else if (deflateReset(z) != Z_OK) {
        return false;
    }
    size_t cap = deflateBound(z, (uLong)nraw) + 64; /* + the sync flush's empty block */
    if (!(s->out = nd_malloc(cap, j->who))) return false;
    z->next_in = raw;
    z->avail_in = (uInt)nraw;
    z->next_out = s->out;
    z->avail_out = (uInt)cap;
    int r = deflate(z, last ? Z_FINISH : Z_SYNC_FLUSH);
    bool ok = (last ? r == Z_STREAM_END : r == Z_OK) && z->avail_in == 0 && z->avail_out > 0;
    s->nout = cap - z->avail_out;
    if (!ok) nd_set_error(ND_ENOMEM, "%s: deflate failed", j->who);
    return ok;
}

/* Every thread takes the next stripe not yet taken until none is left (a slot that starts
 * late finds none). */
static void png_slot(void *p, int slot)
{
    (void)slot;
    png_job *j = p;
    png_worker wk = { .z_ready = false, .raw = NULL, .cap = 0 };
    for (int i; (i = atomic_fetch_add(&j->next, 1)) < j->ns;)
        j->s[i].ok = deflate_stripe(j, &wk, &j->s[i], i == j->ns - 1);
    if (wk.z_ready) deflateEnd(&wk.z);
    nd_free_mem(wk.raw);
}

/* ---- chunks ----------------------------------------------------------------------------- */
static void put_be32(unsigned char *p, uint32_t v)
{
    p[0] = (unsigned char)(v >> 24), p[1] = (unsigned char)(v >> 16);
    p[2] = (unsigned char)(v >> 8), p[3] = (unsigned char)v;
}

/* One chunk of `type` holding the n bytes at data (n < 2^31). */
static nd_status put_chunk(nd_file_writer *out, const char *type, const unsigned char *data, size_t n)
{
    unsigned char head[8], tail[4];
    put_be32(head, (uint32_t)n);
    memcpy(head + 4, type, 4);
    uLong crc = crc32(crc32(0, NULL, 0), head + 4, 4);
    for (size_t off = 0; off < n;) { /* crc32 takes uInt lengths */
        size_t k = n - off < ((size_t)1 << 30) ? n - off : (size_t)1 << 30;
        crc = crc32(crc, data + off, (uInt)k);
        off += k;
    }
    put_be32(tail, (uint32_t)crc);
    nd_status st = nd_file_writer_write(out, head, 8);
    if (st == ND_OK && n) st = nd_file_writer_write(out, data, n);
    if (st == ND_OK) st = nd_file_writer_write(out, tail, 4);
    return st;
}

nd_status nplot__write_png(cairo_surface_t *s, const char *path, const char *who)
{
    cairo_surface_flush(s);
    int w = cairo_image_surface_get_width(s), h = cairo_image_surface_get_height(s);
    int stride = cairo_image_surface_get_stride(s);
    const unsigned char *data = cairo_image_surface_get_data(s);
    if (w <= 0 || h <= 0 || !data) return nd_set_error(ND_EVALUE, "%s: cannot write an empty image to '%s'", who, path);
    /* opaque images are written as RGB: a quarter smaller and faster */
    bool opaque = true;
    for (int y = 0; y < h && opaque; y++) {
        const uint32_t *row = (const uint32_t *)(data + (size_t)y * stride);
        uint32_t all = 0xFF000000u;
        for (int x = 0; x < w; x++) all &= row[x];
        opaque = (all >> 24) == 255;
    }
    size_t rowlen = 1 + (size_t)w * (opaque ? 3 : 4), raw = rowlen * (size_t)h;
    /* stripes: by size only (the file does not depend on the thread count) */
    size_t ns = raw / STRIPE_MIN_BYTES;
    if (ns > MAX_STRIPES) ns = MAX_STRIPES;
    if (ns < (raw + STRIPE_MAX_BYTES - 1) / STRIPE_MAX_BYTES) ns = (raw + STRIPE_MAX_BYTES - 1) / STRIPE_MAX_BYTES;
    if (ns > (size_t)h) ns = (size_t)h;
    if (ns < 1) ns = 1;
    stripe *st_ = nd_calloc(ns, sizeof(stripe), who);
    if (!st_) return ND_ENOMEM;
    for (size_t i = 0; i < ns; i++) {
        st_[i].y0 = (int)((size_t)h * i / ns);
        st_[i].y1 = (int)((size_t)h * (i + 1) / ns);
    }
    png_job j = { data, w, stride, opaque, st_, (int)ns, 0, who };
    int nt = nd_get_num_threads();
    nt = nt < (int)ns ? nt : (int)ns;
    nt = nt < MAX_THREADS ? nt : MAX_THREADS;
    nplot__parallel(nt > 1 ? nt : 1, png_slot, &j);
    nd_status st = ND_OK;
    for (size_t i = 0; i < ns; i++)
        if (!st_[i].ok) st = nd_set_error(ND_ENOMEM, "%s: out of memory writing '%s'", who, path);
    nd_file_writer *out = st == ND_OK ? nd_file_writer_open(path, who) : NULL;
    if (st == ND_OK && !out) st = nd_last_error();
    if (st == ND_OK) {
        static const unsigned char sig[8] = { 137, 80, 78, 71, 13, 10, 26, 10 };
        unsigned char ihdr[13];
        put_be32(ihdr, (uint32_t)w);
        put_be32(ihdr + 4, (uint32_t)h);
        ihdr[8] = 8;                /* bit depth */
        ihdr[9] = opaque ? 2 : 6;   /* RGB or RGBA */
        ihdr[10] = ihdr[11] = ihdr[12] = 0; /* deflate, adaptive filtering, no interlace */
        /* zlib header: deflate with a 32 KiB window, "fastest" level, check bits */
        static const unsigned char zhead[2] = { 0x78, 0x01 };
        uLong adler = st_[0].adler;
        for (size_t i = 1; i < ns; i++) adler = adler32_combine(adler, st_[i].adler, (z_off_t)st_[i].nraw);
        unsigned char ztail[4];
        put_be32(ztail, (uint32_t)adler);
        st = nd_file_writer_write(out, sig, 8);
        if (st == ND_OK) st = put_chunk(out, "IHDR", ihdr, 13);
        if (st == ND_OK) st = put_chunk(out, "IDAT", zhead, 2);
        for (size_t i = 0; i < ns && st == ND_OK; i++) st = put_chunk(out, "IDAT", st_[i].out, st_[i].nout);
        if (st == ND_OK) st = put_chunk(out, "IDAT", ztail, 4);
        if (st == ND_OK) st = put_chunk(out, "IEND", NULL, 0);
        if (st == ND_OK) st = nd_file_writer_commit(out);
        else nd_file_writer_abort(out);
    }
    for (size_t i = 0; i < ns; i++) nd_free_mem(st_[i].out);
    nd_free_mem(st_);
    return st;
}
