/* .npz archives: a zip file (PKWARE APPNOTE 6.3) holding one .npy member per array,
 * stored (numpy.savez) or raw-deflate compressed (numpy.savez_compressed), with zip64
 * records for members or archives past 4 GiB (NumPy writes zip64 local headers always).
 *
 * Reading trusts nothing: every offset and size from the archive is checked against the
 * file size before use, a member's declared size must be reachable from its compressed
 * size (deflate expands at most 1032:1), arrays are read straight into their buffers as
 * the member inflates, and the CRC-32 of every member is verified. For untrusted files,
 * .max_bytes caps what one member may declare (a small archive of zeros can inflate a
 * thousandfold). */
#include "io_internal.h"

#include <errno.h>
#include <stdio.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>
#include <zlib.h>

#define SIG_LOCAL 0x04034b50u
#define SIG_CENTRAL 0x02014b50u
#define SIG_EOCD 0x06054b50u
#define SIG_EOCD64 0x06064b50u
#define SIG_LOC64 0x07064b50u
#define U32MAX 0xFFFFFFFFu

static uint16_t rd16(const unsigned char *p) { return (uint16_t)(p[0] | p[1] << 8); }
static uint32_t rd32(const unsigned char *p) { return (uint32_t)rd16(p) | (uint32_t)rd16(p + 2) << 16; }
static uint64_t rd64(const unsigned char *p) { return (uint64_t)rd32(p) | (uint64_t)rd32(p + 4) << 32; }

typedef struct npz_entry {
    char *name; /* member name */
    char *key;  /* name without ".npy" */
    uint16_t method, flags;
    uint32_t crc;
    uint64_t csize, usize, local_off;
} npz_entry;

struct nd_npz {
    int fd;             /* -1: the archive is in mem */
    unsigned char *mem;
    uint64_t size;
    char *path;
    uint64_t max_bytes; /* cap on a member's declared size; 0: none */
    size_t n;
    npz_entry *e;
};

static nd_status src_read(nd_npz *z, uint64_t off, void *dst, size_t n, const char *who)
{
    if (off > z->size || n > z->size - off)
        return nd_set_error(ND_EPARSE, "%s: %s: truncated archive (needs bytes %llu..%llu of %llu)",
                         who, z->path, (unsigned long long)off, (unsigned long long)(off + n),
                         (unsigned long long)z->size);
    if (z->fd < 0) {
        memcpy(dst, z->mem + off, n);
        return ND_OK;
    }
    char *d = dst;
    while (n) {
        ssize_t r = pread(z->fd, d, n > (1u << 30) ? (1u << 30) : n, (off_t)off);
        if (r < 0 && errno == EINTR) continue;
        if (r < 0) return nd__io_errno(errno, who, "read", z->path);
        if (r == 0) return nd_set_error(ND_EPARSE, "%s: %s: file ended early", who, z->path);
        d += r;
        n -= (size_t)r;
        off += (uint64_t)r;
    }
    return ND_OK;
}

void nd_npz_close(nd_npz *z)
{
    if (!z) return;
    if (z->fd >= 0) close(z->fd);
    for (size_t i = 0; i < z->n; i++) {
        nd_free_mem(z->e[i].name);
        nd_free_mem(z->e[i].key);
    }
    nd_free_mem(z->e);
    nd_free_mem(z->mem);
    nd_free_mem(z->path);
    nd_free_mem(z);
}

static nd_status bad_zip(nd_npz *z, const char *who, const char *what)
{
    return nd_set_error(ND_EPARSE, "%s: %s: not a valid .npz (zip) archive: %s", who, z->path, what);
}

/* Locate and read the central directory, filling z->e. */
static nd_status read_directory(nd_npz *z, const char *who)
{
    unsigned char tail[65536 + 22];
    if (z->size < 22) {
        unsigned char m[6];
        if (z->size >= 6 && src_read(z, 0, m, 6, who) == ND_OK && memcmp(m, "\x93NUMPY", 6) == 0)
            return nd_set_error(ND_EVALUE, "%s: %s is a .npy file; load it with nd_load", who, z->path);
        return bad_zip(z, who, "too short");
    }
    size_t tn = z->size < sizeof tail ? (size_t)z->size : sizeof tail;
    nd_status st = src_read(z, z->size - tn, tail, tn, who);
    if (st < 0) return st;
    ptrdiff_t at = -1;
    for (ptrdiff_t i = (ptrdiff_t)tn - 22; i >= 0; i--)
        if (rd32(tail + i) == SIG_EOCD && (size_t)i + 22 + rd16(tail + i + 20) <= tn) {
            at = i;
            break;
        }
    if (at < 0) {
        if (tn >= 6 && z->size == tn && memcmp(tail, "\x93NUMPY", 6) == 0)
            return nd_set_error(ND_EVALUE, "%s: %s is a .npy file; load it with nd_load", who, z->path);
        return bad_zip(z, who, "no end-of-central-directory record");
    }
    const unsigned char *e = tail + at;
    uint64_t eocd_off = z->size - tn + (uint64_t)at;
    if (rd16(e + 4) != 0 || rd16(e + 6) != 0) return bad_zip(z, who, "multi-disk archives are not supported");
    uint64_t count = rd16(e + 10), cd_size = rd32(e + 12), cd_off = rd32(e + 16);
    if (count == 0xFFFF || cd_size == U32MAX || cd_off == U32MAX) {
        unsigned char loc[20], e64[56];
        if (eocd_off < 20 || (st = src_read(z, eocd_off - 20, loc, 20, who)) < 0 ||
            rd32(loc) != SIG_LOC64)
            return bad_zip(z, who, "zip64 end-of-central-directory locator missing");
        if ((st = src_read(z, rd64(loc + 8), e64, 56, who)) < 0) return st;
        if (rd32(e64) != SIG_EOCD64) return bad_zip(z, who, "bad zip64 end-of-central-directory record");
        count = rd64(e64 + 32);
        cd_size = rd64(e64 + 40);
        cd_off = rd64(e64 + 48);
    }
    if (cd_off > z->size || cd_size > z->size - cd_off)
        return bad_zip(z, who, "central directory outside the file");
    if (count > cd_size / 46) return bad_zip(z, who, "more entries than the directory can hold");
    unsigned char *cd = nd_malloc(cd_size ? (size_t)cd_size : 1, who);
    if (!cd) return ND_ENOMEM;
    z->e = nd_calloc(count ? (size_t)count : 1, sizeof *z->e, who);
    if (!z->e) {
        nd_free_mem(cd);
        return ND_ENOMEM;
    }
    if ((st = src_read(z, cd_off, cd, (size_t)cd_size, who)) < 0) goto done;
    size_t pos = 0;
    for (uint64_t i = 0; i < count; i++) {
        if (cd_size - pos < 46 || rd32(cd + pos) != SIG_CENTRAL) {
            st = bad_zip(z, who, "corrupt central directory entry");
            goto done;
        }
        const unsigned char *c = cd + pos;
        size_t nlen = rd16(c + 28), xlen = rd16(c + 30), clen = rd16(c + 32);
        if (cd_size - pos - 46 < nlen + xlen + clen) {
            st = bad_zip(z, who, "central directory entry runs past the directory");
            goto done;
        }
        npz_entry *en = &z->e[z->n];
        en->flags = rd16(c + 8);
        en->method = rd16(c + 10);
        en->crc = rd32(c + 16);
        en->csize = rd32(c + 20);
        en->usize = rd32(c + 24);
        en->local_off = rd32(c + 42);
        /* zip64 extra: 8-byte values for exactly the fields saturated above, in order. */
        const unsigned char *x = c + 46 + nlen, *xe = x + xlen;
        while (xe - x >= 4) {
            uint16_t id = rd16(x), len = rd16(x + 2);
            if ((size_t)(xe - x - 4) < len) break;
            if (id == 0x0001) {
                const unsigned char *v = x + 4, *ve = v + len;
                if (en->usize == U32MAX && ve - v >= 8) { en->usize = rd64(v); v += 8; }
                if (en->csize == U32MAX && ve - v >= 8) { en->csize = rd64(v); v += 8; }
                if (en->local_off == U32MAX && ve - v >= 8) { en->local_off = rd64(v); v += 8; }
            }
            x += 4 + len;
        }
        en->name = nd_malloc(nlen + 1, who);
        if (!en->name) {
            st = ND_ENOMEM;
            goto done;
        }
        memcpy(en->name, c + 46, nlen);
        en->name[nlen] = '\0';
        size_t kl = nlen >= 4 && memcmp(en->name + nlen - 4, ".npy", 4) == 0 ? nlen - 4 : nlen;
        en->key = nd_malloc(kl + 1, who);
        if (!en->key) {
            nd_free_mem(en->name);
            st = ND_ENOMEM;
            goto done;
        }
        memcpy(en->key, en->name, kl);
        en->key[kl] = '\0';
        z->n++;
        pos += 46 + nlen + xlen + clen;
    }
    st = ND_OK;
done:
    nd_free_mem(cd);
    return st;
}

static nd_npz *open_common(nd_npz *z, const nd_npz_opts *o, const char *who)
{
    z->max_bytes = o ? o->max_bytes : 0;
    if (read_directory(z, who) < 0) {
        nd_npz_close(z);
        return NULL;
    }
    return z;
}

nd_npz *nd_npz_open_(const nd_npz_opts *o)
{
    const char *who = "nd_npz_open";
    const char *path = o ? o->path : NULL;
    if (!path) return ND_FAIL(ND_EVALUE, "%s: path is NULL", who);
    nd_npz *z = nd_calloc(1, sizeof *z, who);
    if (!z) return NULL;
    z->fd = -1;
    z->path = nd_strdup(path, who);
    if (!z->path) goto fail;
    struct stat sb;
    z->fd = nd__open_read(path, &sb, who);
    if (z->fd < 0) goto fail;
    if (!S_ISREG(sb.st_mode)) {
        nd_set_error(ND_EIO, "%s: '%s' is not a regular file (a zip archive is read from its end)",
                  who, path);
        goto fail;
    }
    if (sb.st_size == 0) {
        nd_set_error(ND_EPARSE, "%s: %s is empty", who, path);
        goto fail;
    }
    z->size = (uint64_t)sb.st_size;
    return open_common(z, o, who);
fail:
    nd_npz_close(z);
    return NULL;
}

nd_npz *nd_npz_open_buffer(const void *data, size_t n, const nd_npz_opts *o)
{
    const char *who = "nd_npz_open_buffer";
    if (!data && n) return ND_FAIL(ND_EVALUE, "%s: data is NULL", who);
    nd_npz *z = nd_calloc(1, sizeof *z, who);
    if (!z) return NULL;
    z->fd = -1;
    z->path = nd_strdup(o && o->path ? o->path : "<buffer>", who);
    z->mem = nd_malloc(n ? n : 1, who);
    if (!z->path || !z->mem) {
        nd_npz_close(z);
        return NULL;
    }
    if (n) memcpy(z->mem, data, n);
    z->size = n;
    return open_common(z, o, who);
}

size_t nd_npz_count(const nd_npz *z) { return z ? z->n : 0; }

const char *nd_npz_name(const nd_npz *z, size_t i)
{
    if (!z || i >= z->n) {
        nd_set_error(ND_EINDEX, "nd_npz_name: member %zu out of range for %zu members", i,
                  z ? z->n : 0);
        return NULL;
    }
    return z->e[i].key;
}

ptrdiff_t nd_npz_find(const nd_npz *z, const char *name)
{
    if (!z || !name) {
        nd_set_error(ND_EVALUE, "nd_npz_find: archive or name is NULL");
        return -1;
    }
    for (size_t i = 0; i < z->n; i++)
        if (strcmp(z->e[i].key, name) == 0 || strcmp(z->e[i].name, name) == 0) return (ptrdiff_t)i;
    nd_set_error(ND_EINDEX, "nd_npz_find: %s has no member '%s'", z->path, name);
    return -1;
}

/* ---- reading one member ------------------------------------------------------------------ */

typedef struct member {
    nd_npz *z;
    const npz_entry *e;
    const char *who;
    char *label;         /* "archive.npz:x.npy" for messages */
    uint64_t off, cleft; /* next compressed byte and how many remain */
    uint64_t produced;
    uint32_t crc;
    bool inflating;
    z_stream zs;
    unsigned char in[1 << 16];
} member;

static void crc_update(member *m, const void *p, size_t n)
{
    const unsigned char *b = p;
    while (n) {
        uInt k = n > (1u << 30) ? (1u << 30) : (uInt)n;
        m->crc = (uint32_t)crc32(m->crc, b, k);
        b += k;
        n -= k;
    }
}

static nd_status member_read(void *ctx, void *dst, size_t n)
{
    member *m = ctx;
    if (n > m->e->usize - m->produced)
        return nd_set_error(ND_EPARSE, "%s: %s: member data ends early", m->who, m->label);
    if (!m->inflating) {
        nd_status st = src_read(m->z, m->off, dst, n, m->who);
        if (st < 0) return st;
        m->off += n;
        m->cleft -= n;
    } else {
        m->zs.next_out = dst;
        size_t left = n;
        while (left) {
            if (m->zs.avail_in == 0 && m->cleft) {
                size_t k = m->cleft < sizeof m->in ? (size_t)m->cleft : sizeof m->in;
                nd_status st = src_read(m->z, m->off, m->in, k, m->who);
                if (st < 0) return st;
                m->off += k;
                m->cleft -= k;
                m->zs.next_in = m->in;
                m->zs.avail_in = (uInt)k;
            }
            uInt chunk = left > (1u << 30) ? (1u << 30) : (uInt)left;
            m->zs.avail_out = chunk;
            int r = inflate(&m->zs, Z_NO_FLUSH);
            size_t got = chunk - m->zs.avail_out;
            left -= got;
            if (r == Z_STREAM_END && left)
                return nd_set_error(ND_EPARSE, "%s: %s: compressed data ends before the declared "
                                 "size", m->who, m->label);
            if (r != Z_OK && r != Z_STREAM_END && !(r == Z_BUF_ERROR && got))
                return nd_set_error(ND_EPARSE, "%s: %s: corrupt compressed data (%s)", m->who,
                                 m->label, r == Z_BUF_ERROR ? "truncated" : m->zs.msg ? m->zs.msg
                                                                                     : "zlib error");
        }
    }
    crc_update(m, dst, n);
    m->produced += n;
    return ND_OK;
}

/* Read whatever the array did not need and check size and CRC. */
static nd_status member_finish(member *m)
{
    unsigned char scratch[4096];
    while (m->produced < m->e->usize) {
        uint64_t left = m->e->usize - m->produced;
        nd_status st = member_read(m, scratch, left < sizeof scratch ? (size_t)left : sizeof scratch);
        if (st < 0) return st;
    }
    if (m->crc != m->e->crc)
        return nd_set_error(ND_EPARSE, "%s: %s: CRC-32 mismatch (stored %08x, computed %08x): the "
                         "archive is corrupt", m->who, m->label, m->e->crc, m->crc);
    return ND_OK;
}

nd_array *nd_npz_get_index(nd_npz *z, size_t i)
{
    const char *who = "nd_npz_get";
    if (!z || i >= z->n)
        return ND_FAIL(ND_EINDEX, "%s: member %zu out of range for %zu members", who, i,
                       z ? z->n : 0);
    const npz_entry *e = &z->e[i];
    nd_array *a = NULL;
    member *m = nd_calloc(1, sizeof *m, who);
    if (!m) return NULL;
    m->z = z;
    m->e = e;
    m->who = who;
    size_t ll = strlen(z->path) + strlen(e->name) + 2;
    m->label = nd_malloc(ll, who);
    if (!m->label) goto done;
    snprintf(m->label, ll, "%s:%s", z->path, e->name);
    if (e->flags & 1) {
        nd_set_error(ND_EVALUE, "%s: %s is encrypted", who, m->label);
        goto done;
    }
    if (e->method != 0 && e->method != 8) {
        nd_set_error(ND_EVALUE, "%s: %s uses compression method %u (numc reads stored and deflate)",
                  who, m->label, e->method);
        goto done;
    }
    unsigned char lh[30];
    if (src_read(z, e->local_off, lh, 30, who) < 0) goto done;
    if (rd32(lh) != SIG_LOCAL) {
        nd_set_error(ND_EPARSE, "%s: %s: bad local header", who, m->label);
        goto done;
    }
    m->off = e->local_off + 30 + rd16(lh + 26) + rd16(lh + 28);
    if (m->off > z->size || e->csize > z->size - m->off) {
        nd_set_error(ND_EPARSE, "%s: %s: member data runs past the end of the archive", who, m->label);
        goto done;
    }
    if (z->max_bytes && e->usize > z->max_bytes) {
        nd_set_error(ND_EVALUE, "%s: %s declares %llu bytes, more than the cap of %llu bytes "
                     "(.max_bytes of nd_npz_open)", who, m->label, (unsigned long long)e->usize,
                     (unsigned long long)z->max_bytes);
        goto done;
    }
    m->cleft = e->csize;
    if (e->method == 0 && e->usize != e->csize) {
        nd_set_error(ND_EPARSE, "%s: %s: stored member with different sizes", who, m->label);
        goto done;
    }
    if (e->method == 8) {
        if (e->usize / 1032 > e->csize + 64) {
            nd_set_error(ND_EPARSE, "%s: %s: declared size %llu cannot come from %llu compressed "
                      "bytes", who, m->label, (unsigned long long)e->usize,
                      (unsigned long long)e->csize);
            goto done;
        }
        if (inflateInit2(&m->zs, -MAX_WBITS) != Z_OK) {
            nd_set_error(ND_ENOMEM, "%s: zlib could not start", who);
            goto done;
        }
        m->inflating = true;
    }
    a = nd__npy_read(member_read, m, e->usize, who, m->label);
    if (a && member_finish(m) < 0) {
        nd_free(a);
        a = NULL;
    }
done:
    if (m->inflating) inflateEnd(&m->zs);
    nd_free_mem(m->label);
    nd_free_mem(m);
    return a;
}

nd_array *nd_npz_get(nd_npz *z, const char *name)
{
    ptrdiff_t i = nd_npz_find(z, name);
    return i < 0 ? NULL : nd_npz_get_index(z, (size_t)i);
}
