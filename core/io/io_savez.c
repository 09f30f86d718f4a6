/* Writing .npz archives (numpy.savez / savez_compressed): each array streams through
 * its .npy encoding (and zlib's raw deflate when compressing) straight into the archive;
 * the local header is written first with placeholders and patched once the sizes and
 * CRC-32 are known. The archive goes through nd_file_writer (a temporary file renamed at
 * the end); a target that cannot seek (a FIFO) is refused before anything is written. */
#include "io_internal.h"

#include <stdio.h>
#include <string.h>
#include <time.h>
#include <zlib.h>

#define U32MAX 0xFFFFFFFFu
/* Above this many bytes a member gets zip64 sizes (deflate output can exceed its input by
 * a few bytes per 16 KiB block, so leave room below 4 GiB). */
#define ZIP64_MEMBER (UINT64_C(0xFFFFFFFF) - (UINT64_C(1) << 24))

static void wr16(unsigned char *p, unsigned v) { p[0] = (unsigned char)v; p[1] = (unsigned char)(v >> 8); }
static void wr32(unsigned char *p, uint32_t v) { wr16(p, v & 0xFFFF); wr16(p + 2, v >> 16); }
static void wr64(unsigned char *p, uint64_t v) { wr32(p, (uint32_t)v); wr32(p + 4, (uint32_t)(v >> 32)); }

typedef struct written {
    uint64_t off, csize, usize;
    uint32_t crc;
    bool zip64;
} written;

typedef struct zw {
    nd_file_writer *file;
    const char *who;
    uint64_t pos;        /* bytes written to the archive */
    bool deflating;
    z_stream zs;
    uint32_t crc;
    uint64_t usize, csize;
    unsigned char out[1 << 16];
} zw;

static nd_status raw(zw *w, const void *p, size_t n)
{
    nd_status st = nd_file_writer_write(w->file, p, n);
    if (st == ND_OK) w->pos += n;
    return st;
}

static nd_status drain(zw *w, int flush)
{
    for (;;) {
        w->zs.next_out = w->out;
        w->zs.avail_out = sizeof w->out;
        int r = deflate(&w->zs, flush);
        if (r == Z_STREAM_ERROR) return nd_set_error(ND_EIO, "%s: zlib deflate failed", w->who);
        size_t k = sizeof w->out - w->zs.avail_out;
        if (k) {
            nd_status st = raw(w, w->out, k);
            if (st < 0) return st;
            w->csize += k;
        }
        if (flush == Z_FINISH ? r == Z_STREAM_END : w->zs.avail_out != 0) return ND_OK;
    }
}

/* The member's data: CRC, then stored or deflated. */
static nd_status member_write(void *ctx, const void *data, size_t n)
{
    zw *w = ctx;
    const unsigned char *p = data;
    while (n) {
        uInt k = n > (1u << 30) ? (1u << 30) : (uInt)n;
        w->crc = (uint32_t)crc32(w->crc, p, k);
        w->usize += k;
        if (w->deflating) {
            w->zs.next_in = (unsigned char *)(uintptr_t)p;
            w->zs.avail_in = k;
            nd_status st = drain(w, Z_NO_FLUSH);
            if (st < 0) return st;
        } else {
            nd_status st = raw(w, p, k);
            if (st < 0) return st;
            w->csize += k;
        }
        p += k;
        n -= k;
    }
    return ND_OK;
}

static void dos_time(unsigned *t, unsigned *d)
{
    time_t now = time(NULL);
    struct tm tm;
    if (!localtime_r(&now, &tm) || tm.tm_year < 80) {
        *t = 0;
        *d = (1 << 5) | 1; /* 1980-01-01 */
        return;
    }
    *t = (unsigned)(tm.tm_hour << 11 | tm.tm_min << 5 | tm.tm_sec / 2);
    *d = (unsigned)((tm.tm_year - 80) << 9 | (tm.tm_mon + 1) << 5 | tm.tm_mday);
}

static bool is_ascii(const char *s)
{
    for (; *s; s++)
        if ((unsigned char)*s >= 0x80) return false;
    return true;
}

static nd_status add_member(zw *w, const char *name, const nd_array *a, const nd_savez_opts *o,
                            unsigned dt, unsigned dd, written *out)
{
    const char *who = w->who;
    bool fortran = nd_is_f_contiguous(a) && !nd_is_c_contiguous(a);
    size_t hlen;
    unsigned char *hdr = nd__npy_make_header(a, fortran, '=', 0, &hlen, who);
    if (!hdr) return nd_last_error();
    size_t nlen = strlen(name) + 4;
    uint64_t usize = hlen + (uint64_t)nd_nbytes(a);
    out->off = w->pos;
    out->zip64 = o->force_zip64 || usize >= ZIP64_MEMBER;
    unsigned method = o->compress ? 8 : 0;
    unsigned char lh[30 + 20];
    wr32(lh, 0x04034b50u);
    wr16(lh + 4, out->zip64 ? 45 : 20);
    wr16(lh + 6, is_ascii(name) ? 0 : 1u << 11);
    wr16(lh + 8, method);
    wr16(lh + 10, dt);
    wr16(lh + 12, dd);
    wr32(lh + 14, 0);
    wr32(lh + 18, out->zip64 ? U32MAX : 0);
    wr32(lh + 22, out->zip64 ? U32MAX : 0);
    wr16(lh + 26, (unsigned)nlen);
    wr16(lh + 28, out->zip64 ? 20 : 0);
    wr16(lh + 30, 0x0001);
    wr16(lh + 32, 16);
    wr64(lh + 34, 0);
    wr64(lh + 42, 0);
    nd_status st;
    if ((st = raw(w, lh, 30)) < 0 || (st = raw(w, name, nlen - 4)) < 0 ||
        (st = raw(w, ".npy", 4)) < 0 || (out->zip64 && (st = raw(w, lh + 30, 20)) < 0))
        goto done;
    w->crc = (uint32_t)crc32(0, NULL, 0);
    w->usize = w->csize = 0;
    if (o->compress) {
        memset(&w->zs, 0, sizeof w->zs);
        if (deflateInit2(&w->zs, o->level ? o->level : 6, Z_DEFLATED, -MAX_WBITS, 8,
                         Z_DEFAULT_STRATEGY) != Z_OK) {
            st = nd_set_error(ND_ENOMEM, "%s: zlib could not start", who);
            goto done;
        }
        w->deflating = true;
    }
    if ((st = member_write(w, hdr, hlen)) < 0 ||
        (st = nd__npy_write_data(a, fortran, false, member_write, w, who)) < 0)
        goto done;
    if (w->deflating && (st = drain(w, Z_FINISH)) < 0) goto done;
    if (!out->zip64 && w->csize >= U32MAX) {
        st = nd_set_error(ND_EIO, "%s: member '%s' did not fit 4 GiB after compression", who, name);
        goto done;
    }
    out->crc = w->crc;
    out->csize = w->csize;
    out->usize = w->usize;
    /* Patch the CRC and sizes into the local header. */
    unsigned char fix[12];
    wr32(fix, out->crc);
    wr32(fix + 4, out->zip64 ? U32MAX : (uint32_t)out->csize);
    wr32(fix + 8, out->zip64 ? U32MAX : (uint32_t)out->usize);
    if ((st = nd__file_writer_patch(w->file, out->off + 14, fix, 12)) < 0) goto done;
    if (out->zip64) {
        unsigned char x[16];
        wr64(x, out->usize);
        wr64(x + 8, out->csize);
        st = nd__file_writer_patch(w->file, out->off + 30 + nlen + 4, x, 16);
    }
done:
    if (w->deflating) deflateEnd(&w->zs);
    w->deflating = false;
    nd_free_mem(hdr);
    return st;
}

static nd_status central(zw *w, const char *name, const written *m, bool force64, unsigned method,
                         unsigned dt, unsigned dd)
{
    size_t nlen = strlen(name) + 4;
    bool big_u = force64 || m->usize >= U32MAX, big_c = force64 || m->csize >= U32MAX,
         big_o = force64 || m->off >= U32MAX;
    unsigned char c[46 + 28];
    size_t xl = 0;
    unsigned char *x = c + 46;
    if (big_u || big_c || big_o) {
        wr16(x, 0x0001);
        xl = 4;
        if (big_u) { wr64(x + xl, m->usize); xl += 8; }
        if (big_c) { wr64(x + xl, m->csize); xl += 8; }
        if (big_o) { wr64(x + xl, m->off); xl += 8; }
        wr16(x + 2, (unsigned)(xl - 4));
    }
    bool z64 = xl > 0 || m->zip64;
    wr32(c, 0x02014b50u);
    wr16(c + 4, (3u << 8) | (z64 ? 45 : 20)); /* made by Unix */
    wr16(c + 6, z64 ? 45 : 20);
    wr16(c + 8, is_ascii(name) ? 0 : 1u << 11);
    wr16(c + 10, method);
    wr16(c + 12, dt);
    wr16(c + 14, dd);
    wr32(c + 16, m->crc);
    wr32(c + 20, big_c ? U32MAX : (uint32_t)m->csize);
    wr32(c + 24, big_u ? U32MAX : (uint32_t)m->usize);
    wr16(c + 28, (unsigned)nlen);
    wr16(c + 30, (unsigned)xl);
    wr16(c + 32, 0);
    wr16(c + 34, 0);
    wr16(c + 36, 0);
    wr32(c + 38, 0100644u << 16); /* a regular file, rw-r--r-- */
    wr32(c + 42, big_o ? U32MAX : (uint32_t)m->off);
    nd_status st;
    if ((st = raw(w, c, 46)) < 0 || (st = raw(w, name, nlen - 4)) < 0 ||
        (st = raw(w, ".npy", 4)) < 0 || (st = raw(w, x, xl)) < 0)
        return st;
    return ND_OK;
}

static nd_status end_records(zw *w, size_t n, uint64_t cd_off, bool force64)
{
    uint64_t cd_size = w->pos - cd_off;
    bool z64 = force64 || n >= 0xFFFF || cd_off >= U32MAX || cd_size >= U32MAX;
    nd_status st;
    if (z64) {
        unsigned char e[56 + 20];
        uint64_t e64_off = w->pos;
        wr32(e, 0x06064b50u);
        wr64(e + 4, 44);
        wr16(e + 12, (3u << 8) | 45);
        wr16(e + 14, 45);
        wr32(e + 16, 0);
        wr32(e + 20, 0);
        wr64(e + 24, n);
        wr64(e + 32, n);
        wr64(e + 40, cd_size);
        wr64(e + 48, cd_off);
        wr32(e + 56, 0x07064b50u);
        wr32(e + 60, 0);
        wr64(e + 64, e64_off);
        wr32(e + 72, 1);
        if ((st = raw(w, e, sizeof e)) < 0) return st;
    }
    unsigned char e[22];
    wr32(e, 0x06054b50u);
    wr16(e + 4, 0);
    wr16(e + 6, 0);
    wr16(e + 8, z64 ? 0xFFFF : (unsigned)n);
    wr16(e + 10, z64 ? 0xFFFF : (unsigned)n);
    wr32(e + 12, z64 ? U32MAX : (uint32_t)cd_size);
    wr32(e + 16, z64 ? U32MAX : (uint32_t)cd_off);
    wr16(e + 20, 0);
    return raw(w, e, 22);
}

nd_status nd_savez_(const char *path, size_t n, const char *const *names,
                         const nd_savez_opts *o)
{
    const char *who = o && o->compress ? "nd_savez_compressed" : "nd_savez";
    if (!o || (n && (!names || !o->arrays))) return nd_set_error(ND_EVALUE, "%s: names or arrays is NULL", who);
    if (o->level < 0 || o->level > 9)
        return nd_set_error(ND_EVALUE, "%s: compression level %d is not in 1..9", who, o->level);
    for (size_t i = 0; i < n; i++) {
        if (!names[i] || !names[i][0])
            return nd_set_error(ND_EVALUE, "%s: array %zu has an empty name", who, i);
        if (strlen(names[i]) > 65000)
            return nd_set_error(ND_EVALUE, "%s: array name %zu is too long", who, i);
        if (!o->arrays[i]) return nd_set_error(ND_EVALUE, "%s: array '%s' is NULL", who, names[i]);
        for (size_t j = 0; j < i; j++)
            if (strcmp(names[i], names[j]) == 0)
                return nd_set_error(ND_EVALUE, "%s: the name '%s' is given twice", who, names[i]);
    }
    zw *w = nd_calloc(1, sizeof *w, who);
    written *m = nd_calloc(n ? n : 1, sizeof *m, who);
    nd_status st = ND_ENOMEM;
    if (!w || !m) goto done;
    w->who = who;
    if (!(w->file = nd_file_writer_open(path, who))) {
        st = nd_last_error();
        goto done;
    }
    if (!nd__file_writer_seekable(w->file)) {
        st = nd_set_error(ND_EIO, "%s: cannot write '%s': a .npz is written with seeks, and this "
                          "is a pipe or socket; save to a regular file", who, path);
        goto abort;
    }
    unsigned dt, dd;
    dos_time(&dt, &dd);
    for (size_t i = 0; i < n; i++)
        if ((st = add_member(w, names[i], o->arrays[i], o, dt, dd, &m[i])) < 0) goto abort;
    uint64_t cd_off = w->pos;
    for (size_t i = 0; i < n; i++)
        if ((st = central(w, names[i], &m[i], o->force_zip64, o->compress ? 8 : 0, dt, dd)) < 0)
            goto abort;
    if ((st = end_records(w, n, cd_off, o->force_zip64)) < 0) goto abort;
    st = nd_file_writer_commit(w->file);
    goto done;
abort:
    nd_file_writer_abort(w->file);
done:
    nd_free_mem(m);
    nd_free_mem(w);
    return st;
}
