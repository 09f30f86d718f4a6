/* savefig's PNG writer: the chunks written here, the image data deflated here (a
 * specialised encoder below; zlib's checksums) in horizontal stripes, several at once.
 *
 * A PNG's image data is one zlib stream, but a deflate stream may be cut at any byte
 * boundary that ends a non-final block. Each stripe of rows is deflated on its own (no
 * match reaches into the stripe above) and ended like zlib's Z_SYNC_FLUSH (an empty
 * stored block, byte-aligned), the last one as the final block; joined behind the two-byte zlib
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
    const struct fixed_codes *codes;
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

/* ---- the deflate encoder ---------------------------------------------------------------- */
/* Plots are mostly runs of one colour and rows repeating the row above, so the stripes are
 * encoded with two candidate matches only: the pixel to the left (distance bpp) and the
 * pixel above (distance rowlen), the longer taken greedily, everything else a literal, in
 * one block of deflate's fixed Huffman code (RFC 1951 3.2.6). No hashing: several times
 * zlib's level 1, at a somewhat larger file. */
enum { MIN_MATCH = 3, MAX_MATCH = 258, MAX_DIST = 32768 };

/* A symbol or a whole match's code (its bits, LSB first, and how many). */
typedef struct code {
    uint32_t bits;
    int n;
} code;

typedef struct fixed_codes {
    code lit[257];              /* literals 0-255 and end of block */
    code len[MAX_MATCH + 1];    /* length 3-258: symbol and extra bits */
    code left, up;              /* the two distances: code and extra bits */
} fixed_codes;

static uint32_t reverse_bits(uint32_t v, int n)
{
    uint32_t r = 0;
    for (int i = 0; i < n; i++, v >>= 1) r = (r << 1) | (v & 1);
    return r;
}

/* The fixed code of literal / length symbol s (0-287). */
static code fixed_symbol(int s)
{
    code c;
    if (s < 144) c.bits = 0x30u + (uint32_t)s, c.n = 8;
    else if (s < 256) c.bits = 0x190u + (uint32_t)(s - 144), c.n = 9;
    else if (s < 280) c.bits = (uint32_t)(s - 256), c.n = 7;
    else c.bits = 0xC0u + (uint32_t)(s - 280), c.n = 8;
    c.bits = reverse_bits(c.bits, c.n);
    return c;
}

/* Distance d (1-32768): its 5-bit code and extra bits. */
static code fixed_distance(int d)
{
    static const int base[30] = { 1, 2, 3, 4, 5, 7, 9, 13, 17, 25, 33, 49, 65, 97, 129, 193, 257, 385,
                                  513, 769, 1025, 1537, 2049, 3073, 4097, 6145, 8193, 12289, 16385, 24577 };
    int k = 29;
    while (base[k] > d) k--;
    int extra = k < 4 ? 0 : k / 2 - 1;
    code c = { reverse_bits((uint32_t)k, 5) | (uint32_t)(d - base[k]) << 5, 5 + extra };
    return c;
}

static void fixed_codes_init(fixed_codes *fc, int bpp, size_t rowlen)
{
    static const int base[29] = { 3, 4, 5, 6, 7, 8, 9, 10, 11, 13, 15, 17, 19, 23, 27,
                                  31, 35, 43, 51, 59, 67, 83, 99, 115, 131, 163, 195, 227, 258 };
    for (int s = 0; s <= 256; s++) fc->lit[s] = fixed_symbol(s);
    for (int l = MIN_MATCH, k = 0; l <= MAX_MATCH; l++) {
        while (k < 28 && base[k + 1] <= l) k++;
        int extra = k < 8 || k == 28 ? 0 : k / 4 - 1;
        code sym = fixed_symbol(257 + k);
        fc->len[l].bits = sym.bits | (uint32_t)(l - base[k]) << sym.n;
        fc->len[l].n = sym.n + extra;
    }
    fc->left = fixed_distance(bpp);
    fc->up = rowlen <= MAX_DIST ? fixed_distance((int)rowlen) : (code){ 0, 0 };
}

typedef struct bit_out {
    unsigned char *p;
    uint64_t acc;
    int n; /* bits held in acc, < 32 between calls */
} bit_out;

static inline void put_bits(bit_out *o, uint32_t v, int n)
{
    o->acc |= (uint64_t)v << o->n;
    o->n += n;
    if (o->n >= 32) {
        o->p[0] = (unsigned char)o->acc, o->p[1] = (unsigned char)(o->acc >> 8);
        o->p[2] = (unsigned char)(o->acc >> 16), o->p[3] = (unsigned char)(o->acc >> 24);
        o->p += 4;
        o->acc >>= 32;
        o->n -= 32;
    }
}

/* Out to the byte boundary (zero bits). */
static void put_align(bit_out *o)
{
    while (o->n > 0) {
        *o->p++ = (unsigned char)o->acc;
        o->acc >>= 8;
        o->n = o->n > 8 ? o->n - 8 : 0;
    }
    o->acc = 0;
}

/* How many of the first max bytes of a and b agree. */
static inline size_t match_len(const unsigned char *a, const unsigned char *b, size_t max)
{
    size_t l = 0;
#if defined(__GNUC__) && defined(__BYTE_ORDER__) && __BYTE_ORDER__ == __ORDER_LITTLE_ENDIAN__
    for (; l + 8 <= max; l += 8) {
        uint64_t x, y;
        memcpy(&x, a + l, 8);
        memcpy(&y, b + l, 8);
        if (x != y) return l + (size_t)(__builtin_ctzll(x ^ y) >> 3);
    }
#endif
    while (l < max && a[l] == b[l]) l++;
    return l;
}

/* The n bytes at raw as one fixed-code block into out (room for n * 9 / 8 + 16 bytes):
 * the final block of the stream (last), or a block followed by an empty stored block
 * that ends it on a byte boundary (zlib's Z_SYNC_FLUSH). Returns the bytes written. */
static size_t deflate_fixed(const fixed_codes *fc, const unsigned char *raw, size_t n, int bpp,
                            size_t rowlen, bool last, unsigned char *out)
{
    bit_out o = { out, 0, 0 };
    put_bits(&o, (last ? 1u : 0u) | 1u << 1, 3); /* BFINAL, BTYPE 01: fixed codes */
    size_t up = fc->up.n ? rowlen : 0;
    for (size_t i = 0; i < n;) {
        size_t max = n - i < MAX_MATCH ? n - i : MAX_MATCH;
        size_t lu = up && i >= up ? match_len(raw + i, raw + i - up, max) : 0;
        size_t ll = i >= (size_t)bpp ? match_len(raw + i, raw + i - bpp, max) : 0;
        if (lu >= MIN_MATCH && lu >= ll) {
            put_bits(&o, fc->len[lu].bits, fc->len[lu].n);
            put_bits(&o, fc->up.bits, fc->up.n);
            i += lu;
        } else if (ll >= MIN_MATCH) {
            put_bits(&o, fc->len[ll].bits, fc->len[ll].n);
            put_bits(&o, fc->left.bits, fc->left.n);
            i += ll;
        } else {
            put_bits(&o, fc->lit[raw[i]].bits, fc->lit[raw[i]].n);
            i++;
        }
    }
    put_bits(&o, fc->lit[256].bits, fc->lit[256].n); /* end of block */
    if (!last) {
        put_bits(&o, 0, 3); /* a stored block, not final, of length 0 */
        put_align(&o);
        static const unsigned char empty[4] = { 0, 0, 0xff, 0xff };
        memcpy(o.p, empty, 4);
        o.p += 4;
    } else {
        put_align(&o);
    }
    return (size_t)(o.p - out);
}

/* A thread's row buffer, kept from one stripe to the next. */
typedef struct png_worker {
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
    if (!(s->out = nd_malloc(nraw + nraw / 8 + 64, j->who))) return false;
    s->nout = deflate_fixed(j->codes, raw, nraw, bpp, rowlen, last, s->out);
    return true;
}

/* Every thread takes the next stripe not yet taken until none is left (a slot that starts
 * late finds none). */
static void png_slot(void *p, int slot)
{
    (void)slot;
    png_job *j = p;
    png_worker wk = { .raw = NULL, .cap = 0 };
    for (int i; (i = atomic_fetch_add(&j->next, 1)) < j->ns;)
        j->s[i].ok = deflate_stripe(j, &wk, &j->s[i], i == j->ns - 1);
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
    fixed_codes codes;
    fixed_codes_init(&codes, opaque ? 3 : 4, rowlen);
    png_job j = { data, w, stride, opaque, st_, (int)ns, 0, who, &codes };
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
