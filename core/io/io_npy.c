/* NumPy's .npy format, versions 1.0, 2.0 and 3.0 (numpy/lib/format.py documents it):
 *
 *   "\x93NUMPY" major minor  header_len (uint16 LE for 1.0, uint32 LE for 2.0/3.0)
 *   header: a Python dict literal {'descr': '<f8', 'fortran_order': False, 'shape': (3, 4), }
 *           padded with spaces and a final '\n' so the data starts on a 64-byte boundary
 *   data:   the elements in C or Fortran order, in the byte order the descr names.
 *
 * The header is parsed as the small subset of Python literal syntax NumPy writes (strings,
 * True/False, tuples of integers); anything else — object dtypes (pickles), structured
 * dtypes, unknown keys — is refused with a message, never evaluated. */
#include "io_internal.h"

#include <numc/datetime.h>

#include <errno.h>
#include <string.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <unistd.h>

#define NPY_MAGIC "\x93NUMPY"
#define NPY_ALIGN 64
#define NPY_GROWTH_DIGITS 21            /* NumPy's GROWTH_AXIS_MAX_DIGITS */
#define NPY_MAX_HEADER (1u << 20)       /* far above any header numc can describe */

static bool host_little(void)
{
    const uint16_t one = 1;
    unsigned char b;
    memcpy(&b, &one, 1);
    return b == 1;
}

/* ---- header parsing --------------------------------------------------------------------- */

typedef struct hp {
    const char *p, *end, *start;
    const char *who, *name;
} hp;

static void hp_space(hp *h)
{
    while (h->p < h->end && (*h->p == ' ' || *h->p == '\t' || *h->p == '\n' || *h->p == '\r'))
        h->p++;
}

static nd_status hp_fail(hp *h, const char *what)
{
    return nd_set_error(ND_EPARSE, "%s: %s: malformed .npy header: %s at offset %td", h->who,
                     h->name, what, h->p - h->start);
}

static bool hp_char(hp *h, char c)
{
    hp_space(h);
    if (h->p < h->end && *h->p == c) {
        h->p++;
        return true;
    }
    return false;
}

/* A Python string literal in single or double quotes (no escapes are needed by NumPy). */
static nd_status hp_string(hp *h, char *out, size_t cap)
{
    hp_space(h);
    if (h->p >= h->end || (*h->p != '\'' && *h->p != '"')) return hp_fail(h, "expected a string");
    char q = *h->p++;
    size_t n = 0;
    while (h->p < h->end && *h->p != q) {
        if (*h->p == '\\' || *h->p == '\n') return hp_fail(h, "unsupported string literal");
        if (n + 1 < cap) out[n++] = *h->p;
        else return hp_fail(h, "string too long");
        h->p++;
    }
    if (h->p >= h->end) return hp_fail(h, "unterminated string");
    h->p++;
    out[n] = '\0';
    return ND_OK;
}

static nd_status parse_descr(hp *h, const char *d, nd_dtype *dt, bool *swap)
{
    const char *s = d;
    char order = '=';
    if (*s == '<' || *s == '>' || *s == '|' || *s == '=') order = *s++;
    static const struct { const char *code; nd_dtype dt; } codes[] = {
        { "b1", ND_BOOL }, { "?", ND_BOOL },
        { "i1", ND_INT8 }, { "i2", ND_INT16 }, { "i4", ND_INT32 }, { "i8", ND_INT64 },
        { "u1", ND_UINT8 }, { "u2", ND_UINT16 }, { "u4", ND_UINT32 }, { "u8", ND_UINT64 },
        { "f4", ND_FLOAT32 }, { "f8", ND_FLOAT64 }, { "c8", ND_COMPLEX64 }, { "c16", ND_COMPLEX128 },
    };
    for (size_t i = 0; i < sizeof codes / sizeof *codes; i++)
        if (strcmp(s, codes[i].code) == 0) {
            *dt = codes[i].dt;
            size_t isz = nd_dtype_size(*dt);
            bool little = host_little();
            *swap = isz > 1 && ((order == '>' && little) || (order == '<' && !little));
            return ND_OK;
        }
    /* string dtypes (core/strings): 'S<w>' bytes, 'U<w>' UCS-4 in the named byte order */
    if ((*s == 'U' || *s == 'S') && s[1] >= '1' && s[1] <= '9' && strspn(s + 1, "0123456789") == strlen(s + 1)) {
        unsigned long w = 0;
        for (const char *q = s + 1; *q && w <= ND_STR_MAXWIDTH; q++) w = w * 10 + (unsigned long)(*q - '0');
        if (w > ND_STR_MAXWIDTH)
            return nd_set_error(ND_EDTYPE, "%s: %s: dtype '%s' is wider than numc's strings", h->who, h->name, d);
        *dt = *s == 'U' ? ND_STR_OF(w) : ND_BYTES_OF(w);
        *swap = *s == 'U' && ((order == '>' && host_little()) || (order == '<' && !host_little()));
        return ND_OK;
    }
    if (*s == 'M' || *s == 'm') { /* datetime64 / timedelta64: '<M8[D]', '<m8[25s]', '<M8' */
        int t = nd_dtype_from_name(s);
        if (t >= 0 && s[1] == '8') {
            *dt = (nd_dtype)t;
            bool little = host_little();
            *swap = (order == '>' && little) || (order == '<' && !little);
            return ND_OK;
        }
        nd_clear_error();
    }
    if (*s == 'O')
        return nd_set_error(ND_EDTYPE, "%s: %s: the array holds Python objects (dtype '%s'); "
                         "numc never unpickles data", h->who, h->name, d);
    const char *what = *s == 'f' && s[1] == '2' ? "float16"
                       : *s == 'U' ? "unicode strings"
                       : *s == 'S' || *s == 'a' ? "byte strings"
                       : *s == 'V' ? "raw void records"
                       : *s == 'M' || *s == 'm' ? "datetimes"
                       : *s == 'f' || *s == 'c' ? "extended precision"
                       : "an unknown type";
    return nd_set_error(ND_EDTYPE, "%s: %s: dtype '%s' (%s) is not supported by numc", h->who,
                     h->name, d, what);
}

static nd_status parse_shape(hp *h, nd_npy_header *out)
{
    if (!hp_char(h, '(')) return hp_fail(h, "expected '(' for the shape");
    out->ndim = 0;
    for (;;) {
        if (hp_char(h, ')')) break;
        if (out->ndim == ND_MAXDIMS)
            return nd_set_error(ND_EVALUE, "%s: %s: the array has more than %d dimensions", h->who,
                             h->name, ND_MAXDIMS);
        hp_space(h);
        const char *s = h->p;
        uint64_t v = 0;
        while (h->p < h->end && *h->p >= '0' && *h->p <= '9') {
            if (v > (UINT64_MAX - 9) / 10) return nd_set_error(ND_EVALUE, "%s: %s: huge shape value",
                                                            h->who, h->name);
            v = v * 10 + (uint64_t)(*h->p++ - '0');
        }
        if (h->p == s) return hp_fail(h, "expected a non-negative integer in the shape");
        if (h->p < h->end && (*h->p == 'L' || *h->p == 'l')) h->p++; /* Python 2 longs */
        if (v > (uint64_t)PTRDIFF_MAX)
            return nd_set_error(ND_EVALUE, "%s: %s: shape value %llu is too large", h->who, h->name,
                             (unsigned long long)v);
        out->shape[out->ndim++] = (ptrdiff_t)v;
        if (hp_char(h, ',')) continue;
        if (hp_char(h, ')')) break;
        return hp_fail(h, "expected ',' or ')' in the shape");
    }
    return ND_OK;
}

nd_status nd__npy_parse_header(const void *buf, size_t n, nd_npy_header *out, const char *who,
                               const char *name)
{
    const unsigned char *b = buf;
    memset(out, 0, sizeof *out);
    if (n < 10 || memcmp(b, NPY_MAGIC, 6) != 0) {
        if (n >= 4 && memcmp(b, "PK\x03\x04", 4) == 0)
            return nd_set_error(ND_EVALUE, "%s: %s is a .npz archive; open it with nd_npz_open",
                             who, name);
        if (n >= 2 && b[0] == 0x80 && b[1] <= 5)
            return nd_set_error(ND_EDTYPE, "%s: %s is a Python pickle; numc never unpickles data",
                             who, name);
        return nd_set_error(ND_EPARSE, "%s: %s is not a .npy file (%s)", who, name,
                         n < 10 ? "too short for the header" : "wrong magic string");
    }
    out->major = b[6];
    out->minor = b[7];
    if (out->major < 1 || out->major > 3 || out->minor != 0)
        return nd_set_error(ND_EPARSE, "%s: %s: unsupported .npy format version %d.%d (numc reads "
                         "1.0, 2.0 and 3.0)", who, name, out->major, out->minor);
    size_t pre = out->major == 1 ? 10 : 12;
    if (n < pre) return nd_set_error(ND_EPARSE, "%s: %s: file truncated inside the header", who, name);
    size_t hlen = out->major == 1 ? (size_t)b[8] | (size_t)b[9] << 8
                                  : (size_t)b[8] | (size_t)b[9] << 8 | (size_t)b[10] << 16 |
                                        (size_t)b[11] << 24;
    if (hlen > NPY_MAX_HEADER)
        return nd_set_error(ND_EPARSE, "%s: %s: header length %zu exceeds the %u-byte limit", who,
                         name, hlen, NPY_MAX_HEADER);
    if (n < pre + hlen)
        return nd_set_error(ND_EPARSE, "%s: %s: file truncated inside the header (%zu of %zu bytes)",
                         who, name, n, pre + hlen);
    out->header_len = pre + hlen;

    hp h = { (const char *)b + pre, (const char *)b + pre + hlen, (const char *)b, who, name };
    char key[32], descr[64];
    bool got_descr = false, got_order = false, got_shape = false;
    nd_status st;
    if (!hp_char(&h, '{')) return hp_fail(&h, "expected '{'");
    for (;;) {
        if (hp_char(&h, '}')) break;
        if ((st = hp_string(&h, key, sizeof key)) < 0) return st;
        if (!hp_char(&h, ':')) return hp_fail(&h, "expected ':'");
        hp_space(&h);
        if (strcmp(key, "descr") == 0 && !got_descr) {
            if (h.p < h.end && *h.p == '[')
                return nd_set_error(ND_EDTYPE, "%s: %s: structured dtypes are not supported by numc",
                                 who, name);
            if ((st = hp_string(&h, descr, sizeof descr)) < 0) return st;
            if ((st = parse_descr(&h, descr, &out->dtype, &out->swap)) < 0) return st;
            got_descr = true;
        } else if (strcmp(key, "fortran_order") == 0 && !got_order) {
            if ((size_t)(h.end - h.p) >= 4 && memcmp(h.p, "True", 4) == 0) {
                out->fortran_order = true;
                h.p += 4;
            } else if ((size_t)(h.end - h.p) >= 5 && memcmp(h.p, "False", 5) == 0) {
                h.p += 5;
            } else {
                return hp_fail(&h, "fortran_order must be True or False");
            }
            got_order = true;
        } else if (strcmp(key, "shape") == 0 && !got_shape) {
            if ((st = parse_shape(&h, out)) < 0) return st;
            got_shape = true;
        } else {
            return nd_set_error(ND_EPARSE, "%s: %s: malformed .npy header: unexpected key '%s'", who,
                             name, key);
        }
        if (hp_char(&h, ',')) continue;
        if (hp_char(&h, '}')) break;
        return hp_fail(&h, "expected ',' or '}'");
    }
    hp_space(&h);
    if (h.p != h.end) return hp_fail(&h, "text after the header dict");
    if (!got_descr || !got_order || !got_shape)
        return nd_set_error(ND_EPARSE, "%s: %s: malformed .npy header: missing '%s'", who, name,
                         !got_descr ? "descr" : !got_order ? "fortran_order" : "shape");
    /* Total size, with overflow checks: a lying shape must not wrap around. Like NumPy,
     * the nonzero extents must fit together even when another one is 0, or the strides of
     * the (empty) array would overflow. */
    uint64_t bytes = nd_dtype_size(out->dtype);
    bool empty = false;
    for (int i = 0; i < out->ndim; i++) {
        uint64_t d = (uint64_t)out->shape[i];
        if (d == 0) {
            empty = true;
            continue;
        }
        if (bytes > (uint64_t)PTRDIFF_MAX / d) {
            char sb[ND_SHAPE_STRLEN];
            return nd_set_error(ND_EVALUE, "%s: %s: shape %s of %s is too large", who, name,
                             nd__shape_str(sb, sizeof sb, out->ndim, out->shape),
                             nd_dtype_name(out->dtype));
        }
        bytes *= d;
    }
    out->data_len = empty ? 0 : (size_t)bytes;
    return ND_OK;
}

/* ---- loading ------------------------------------------------------------------------------ */

static void swap_bytes(void *data, size_t nelem, nd_dtype dt)
{
    size_t isz = nd_dtype_size(dt);
    if (nd_dtype_base(dt) == ND_BYTES) return; /* 'S' is bytes: no byte order (fuzz_npy found '>' swapping it) */
    if (nd_dtype_base(dt) == ND_STR) { /* 'U': swap each UCS-4 code point (core/strings) */
        nelem *= nd_dtype_width(dt);
        isz = 4;
    }
    if (nd_dtype_is_complex(dt)) {
        isz /= 2;
        nelem *= 2;
    }
    unsigned char *p = data;
#define SWAP_RUN(BITS)                                                                   \
    for (size_t i = 0; i < nelem; i++, p += (BITS) / 8) {                               \
        uint##BITS##_t v;                                                               \
        memcpy(&v, p, (BITS) / 8);                                                      \
        v = __builtin_bswap##BITS(v);                                                   \
        memcpy(p, &v, (BITS) / 8);                                                      \
    }
    switch (isz) {
    case 2: SWAP_RUN(16) break;
    case 4: SWAP_RUN(32) break;
    case 8: SWAP_RUN(64) break;
    default: break;
    }
#undef SWAP_RUN
}

/* An empty array of the header's shape, in its order (F order is a transposed C array). */
static nd_array *alloc_for(const nd_npy_header *h, const char *who)
{
    return nd__alloc(h->ndim, h->shape, h->dtype, h->fortran_order, who);
}

static nd_status check_avail(const nd_npy_header *h, uint64_t avail, const char *who,
                             const char *name)
{
    if (avail - h->header_len < h->data_len || avail < h->header_len) {
        char sb[ND_SHAPE_STRLEN];
        return nd_set_error(ND_EPARSE, "%s: %s: truncated: the header promises %zu bytes of data "
                         "(shape %s, %s) but only %llu follow", who, name, h->data_len,
                         nd__shape_str(sb, sizeof sb, h->ndim, h->shape),
                         nd_dtype_name(h->dtype),
                         (unsigned long long)(avail > h->header_len ? avail - h->header_len : 0));
    }
    return ND_OK;
}

nd_array *nd__npy_read(nd__source_fn src, void *ctx, uint64_t avail, const char *who,
                       const char *name)
{
    unsigned char pre[12];
    nd_npy_header h;
    unsigned char *hdr = NULL;
    nd_array *a = NULL;
    size_t got = avail < 10 ? (size_t)avail : 10;
    if (src(ctx, pre, got) < 0) return NULL;
    if (got == 10 && memcmp(pre, NPY_MAGIC, 6) == 0 && pre[6] >= 2 && avail >= 12) {
        if (src(ctx, pre + 10, 2) < 0) return NULL;
        got = 12;
    }
    /* Parse the fixed part alone first, to learn the header length safely. */
    nd_status st = nd__npy_parse_header(pre, got, &h, who, name);
    if (st < 0 && h.header_len == 0) {
        size_t hl = got;
        if (got >= 10 && memcmp(pre, NPY_MAGIC, 6) == 0 && pre[6] >= 1 && pre[6] <= 3 && pre[7] == 0) {
            hl = pre[6] == 1 ? 10u + (pre[8] | (size_t)pre[9] << 8)
                 : got < 12 ? got
                            : 12u + (pre[8] | (size_t)pre[9] << 8 | (size_t)pre[10] << 16 |
                                     (size_t)pre[11] << 24);
        }
        if (hl <= got || hl - got > NPY_MAX_HEADER) return NULL; /* error already set */
        if (hl > avail) {
            nd_set_error(ND_EPARSE, "%s: %s: file truncated inside the header (%llu of %zu bytes)",
                      who, name, (unsigned long long)avail, hl);
            return NULL;
        }
        hdr = nd_malloc(hl, who);
        if (!hdr) return NULL;
        memcpy(hdr, pre, got);
        if (src(ctx, hdr + got, hl - got) < 0) goto fail;
        if (nd__npy_parse_header(hdr, hl, &h, who, name) < 0) goto fail;
    } else if (st < 0) {
        return NULL;
    }
    if (check_avail(&h, avail, who, name) < 0) goto fail;
    a = alloc_for(&h, who);
    if (!a) goto fail;
    if (h.data_len && src(ctx, nd_data(a), h.data_len) < 0) goto fail;
    if (h.swap) swap_bytes(nd_data(a), (size_t)nd_size(a), h.dtype);
    nd_free_mem(hdr);
    return a;
fail:
    nd_free(a);
    nd_free_mem(hdr);
    return NULL;
}

typedef struct mem_src {
    const unsigned char *p;
    size_t left;
} mem_src;

static nd_status mem_read(void *ctx, void *dst, size_t n)
{
    mem_src *m = ctx;
    if (n > m->left) return nd_set_error(ND_EPARSE, "nd_load_buffer: truncated data");
    memcpy(dst, m->p, n);
    m->p += n;
    m->left -= n;
    return ND_OK;
}

nd_array *nd__npy_from_memory(const void *buf, size_t n, const char *who, const char *name)
{
    mem_src m = { buf, n };
    return nd__npy_read(mem_read, &m, n, who, name);
}

nd_array *nd_load_buffer(const void *data, size_t n)
{
    if (!data && n) return ND_FAIL(ND_EVALUE, "nd_load_buffer: data is NULL");
    return nd__npy_from_memory(data ? data : "", n, "nd_load_buffer", "<buffer>");
}

typedef struct fd_src {
    int fd;
    const char *who, *path;
} fd_src;

static nd_status fd_read(void *ctx, void *dst, size_t n)
{
    fd_src *f = ctx;
    char *d = dst;
    while (n) {
        ssize_t r = read(f->fd, d, n > (1u << 30) ? (1u << 30) : n);
        if (r < 0 && errno == EINTR) continue;
        if (r < 0) return nd__io_errno(errno, f->who, "read", f->path);
        if (r == 0) return nd_set_error(ND_EPARSE, "%s: %s: file ended early", f->who, f->path);
        d += r;
        n -= (size_t)r;
    }
    return ND_OK;
}

typedef struct mapping {
    void *base;
    size_t len;
} mapping;

static void unmap(void *data, void *ctx)
{
    (void)data;
    mapping *m = ctx;
    munmap(m->base, m->len);
    nd_free_mem(m);
}

/* Map the file: the array views the bytes after the header. NULL with no error set means
 * "cannot map this one, read it instead" (empty or misaligned data). */
static nd_array *load_mapped(int fd, uint64_t size, nd_mmap_mode mode, const char *path,
                             bool *fallback)
{
    const char *who = "nd_load";
    unsigned char pre[12];
    size_t got = size < 12 ? (size_t)size : 12;
    *fallback = false;
    fd_src src = { fd, who, path };
    if (fd_read(&src, pre, got) < 0) return NULL;
    size_t hl = got;
    if (got >= 10 && memcmp(pre, NPY_MAGIC, 6) == 0 && pre[6] >= 1 && pre[6] <= 3)
        hl = pre[6] == 1 ? 10u + (pre[8] | (size_t)pre[9] << 8)
                         : 12u + (pre[8] | (size_t)pre[9] << 8 | (size_t)pre[10] << 16 |
                                  (size_t)pre[11] << 24);
    if (hl > size) hl = (size_t)size; /* the parser reports the truncation */
    if (hl > NPY_MAX_HEADER + 12) hl = NPY_MAX_HEADER + 12;
    unsigned char *hdr = nd_malloc(hl ? hl : 1, who);
    if (!hdr) return NULL;
    nd_npy_header h;
    nd_array *a = NULL;
    if (pread(fd, hdr, hl, 0) != (ssize_t)hl) {
        nd__io_errno(errno ? errno : EIO, who, "read", path);
        goto done;
    }
    if (nd__npy_parse_header(hdr, hl, &h, who, path) < 0) goto done;
    if (check_avail(&h, size, who, path) < 0) goto done;
    if (h.swap && mode == ND_MMAP_R) {
        nd_set_error(ND_EDTYPE, "nd_load: %s: the data is %s-endian, which numc cannot map "
                  "read-only; load it without mmap_mode (or with ND_MMAP_C)", path,
                  host_little() ? "big" : "little");
        goto done;
    }
    size_t align = nd_dtype_size(h.dtype);
    if (nd_dtype_is_complex(h.dtype)) align /= 2;
    if (h.data_len == 0 || h.header_len % align != 0) {
        *fallback = true;
        goto done;
    }
    size_t len = h.header_len + h.data_len;
    mapping *m = nd_malloc(sizeof *m, who);
    if (!m) goto done;
    int prot = mode == ND_MMAP_R ? PROT_READ : PROT_READ | PROT_WRITE;
    void *base = mmap(NULL, len, prot, mode == ND_MMAP_R ? MAP_SHARED : MAP_PRIVATE, fd, 0);
    if (base == MAP_FAILED) {
        nd__io_errno(errno, who, "map", path);
        nd_free_mem(m);
        goto done;
    }
    m->base = base;
    m->len = len;
    char *data = (char *)base + h.header_len;
    if (h.swap) swap_bytes(data, h.data_len / nd_dtype_size(h.dtype), h.dtype);
    ptrdiff_t strides[ND_MAXDIMS];
    ptrdiff_t st = (ptrdiff_t)nd_dtype_size(h.dtype);
    for (int i = 0; i < h.ndim; i++) {
        int ax = h.fortran_order ? i : h.ndim - 1 - i;
        strides[ax] = st;
        st *= h.shape[ax];
    }
    a = nd_wrap(data, h.ndim, h.shape, strides, h.dtype, unmap, m);
    if (!a) {
        munmap(base, len);
        nd_free_mem(m);
        goto done;
    }
    if (mode == ND_MMAP_R) nd_set_readonly(a);
done:
    nd_free_mem(hdr);
    return a;
}

nd_array *nd_load_(const nd_load_opts *o)
{
    const char *who = "nd_load";
    if (!o || !o->path) return ND_FAIL(ND_EVALUE, "%s: path is NULL", who);
    const char *path = o->path;
    if (o->mmap_mode < ND_MMAP_NONE || o->mmap_mode > ND_MMAP_C)
        return ND_FAIL(ND_EVALUE, "%s: invalid mmap_mode %d", who, (int)o->mmap_mode);
    struct stat sb;
    int fd = nd__open_read(path, &sb, who);
    if (fd < 0) return NULL;
    nd_array *a = NULL;
    uint64_t size = S_ISREG(sb.st_mode) ? (uint64_t)sb.st_size : UINT64_MAX;
    if (size == 0) {
        nd_set_error(ND_EPARSE, "%s: %s is empty", who, path);
        goto done;
    }
    if (o->mmap_mode != ND_MMAP_NONE && S_ISREG(sb.st_mode)) {
        bool fallback;
        a = load_mapped(fd, size, o->mmap_mode, path, &fallback);
        if (a || !fallback) goto done;
        if (lseek(fd, 0, SEEK_SET) != 0) {
            nd__io_errno(errno, who, "read", path);
            goto done;
        }
    }
    fd_src src = { fd, who, path };
    a = nd__npy_read(fd_read, &src, size, who, path);
    if (a && o->mmap_mode == ND_MMAP_R) nd_set_readonly(a);
done:
    close(fd);
    return a;
}

/* ---- saving ---------------------------------------------------------------------------- */

static const char *descr_code(nd_dtype dt)
{
    if (nd_dtype_is_string(dt)) { /* 'U5', 'S3' (core/strings) */
        static _Thread_local char code[16];
        snprintf(code, sizeof code, "%c%zu", nd_dtype_base(dt) == ND_STR ? 'U' : 'S', nd_dtype_width(dt));
        return code;
    }
    if (nd_dtype_is_datetime(dt) || nd_dtype_is_timedelta(dt)) { /* 'M8[D]', 'm8[25s]', 'M8' */
        static _Thread_local char buf[32];
        int count = nd_dtype_unit_count(dt);
        char cnt[16] = "";
        if (count > 1) snprintf(cnt, sizeof cnt, "%d", count);
        if (nd_dtype_unit(dt) == ND_DT_GENERIC)
            snprintf(buf, sizeof buf, "%c8", nd_dtype_is_datetime(dt) ? 'M' : 'm');
        else
            snprintf(buf, sizeof buf, "%c8[%s%s]", nd_dtype_is_datetime(dt) ? 'M' : 'm', cnt,
                     nd_dtunit_name(nd_dtype_unit(dt)));
        return buf;
    }
    static const char *const codes[ND_NTYPES] = { "b1", "i1", "i2", "i4", "i8", "u1", "u2",
                                                  "u4", "u8", "f4", "f8", "c8", "c16" };
    return nd_dtype_is_numeric((int)dt) ? codes[dt] : NULL; /* NULL: no code (the caller fails) */
}

unsigned char *nd__npy_make_header(const nd_array *a, bool fortran, char byteorder, int version,
                                   size_t *len, const char *who)
{
    nd_dtype dt = nd_dtype_of(a);
    int ndim = nd_ndim(a);
    const ptrdiff_t *shape = nd_shape(a);
    char order = nd_dtype_size(dt) == 1 || nd_dtype_base(dt) == ND_BYTES ? '|'
                 : byteorder == '<' || byteorder == '>' ? byteorder
                 : host_little() ? '<' : '>';
    /* The dict exactly as numpy.lib.format writes it (keys sorted, repr of each value). */
    char dict[64 + ND_MAXDIMS * 24 + NPY_GROWTH_DIGITS];
    if (!descr_code(dt))
        return ND_FAIL(ND_EDTYPE, "%s: cannot save an array of dtype %s", who, nd_dtype_name(dt));
    int n = snprintf(dict, sizeof dict, "{'descr': '%c%s', 'fortran_order': %s, 'shape': (",
                     order, descr_code(dt), fortran ? "True" : "False");
    for (int i = 0; i < ndim; i++)
        n += snprintf(dict + n, sizeof dict - (size_t)n, i ? ", %td" : "%td", shape[i]);
    n += snprintf(dict + n, sizeof dict - (size_t)n, "%s), }", ndim == 1 ? "," : "");
    if (ndim > 0) { /* room to grow the growth axis in place, as NumPy leaves */
        char digits[24];
        int nd = snprintf(digits, sizeof digits, "%td", shape[fortran ? ndim - 1 : 0]);
        for (int i = nd; i < NPY_GROWTH_DIGITS; i++) dict[n++] = ' ';
        dict[n] = '\0';
    }
    if (version == 0) { /* NumPy: 1.0 unless its 16-bit header length overflows */
        size_t t1 = 10 + (size_t)n + 1;
        t1 += (NPY_ALIGN - t1 % NPY_ALIGN) % NPY_ALIGN;
        version = t1 - 10 <= 65535 ? 1 : 2;
    }
    if (version < 1 || version > 3) {
        nd_set_error(ND_EVALUE, "%s: .npy format version %d does not exist (1, 2 or 3)", who, version);
        return NULL;
    }
    size_t pre = version == 1 ? 10 : 12;
    size_t total = pre + (size_t)n + 1;
    total += (NPY_ALIGN - total % NPY_ALIGN) % NPY_ALIGN;
    size_t hlen = total - pre;
    if (version == 1 && hlen > 65535) {
        nd_set_error(ND_EVALUE, "%s: the header needs %zu bytes, more than format 1.0 allows", who, hlen);
        return NULL;
    }
    unsigned char *h = nd_malloc(total, who);
    if (!h) return NULL;
    memcpy(h, NPY_MAGIC, 6);
    h[6] = (unsigned char)version;
    h[7] = 0;
    for (size_t i = 0; i < pre - 8; i++) h[8 + i] = (unsigned char)(hlen >> (8 * i));
    memcpy(h + pre, dict, (size_t)n);
    memset(h + pre + n, ' ', total - pre - (size_t)n - 1);
    h[total - 1] = '\n';
    *len = total;
    return h;
}

nd_status nd__npy_write_data(const nd_array *a, bool fortran, bool swap, nd__sink_fn sink,
                             void *ctx, const char *who)
{
    if (nd_size(a) == 0) return ND_OK;
    bool direct = fortran ? nd_is_f_contiguous(a) : nd_is_c_contiguous(a);
    nd_array *c = direct ? NULL : nd_copy(a, fortran ? ND_ORDER_F : ND_ORDER_C);
    if (!direct && !c) return nd_last_error();
    const char *data = nd_data(c ? c : a);
    size_t total = nd_nbytes(a);
    nd_status st = ND_OK;
    if (!swap) {
        st = sink(ctx, data, total);
    } else {
        unsigned char chunk[1 << 16];
        size_t isz = nd_itemsize(a), step = sizeof chunk / isz * isz;
        if (step == 0) /* a 'U' element wider than the chunk (core/strings) */
            st = nd_set_error(ND_EVALUE, "%s: cannot byte-swap %s elements of %zu bytes", who,
                              nd_dtype_name(nd_dtype_of(a)), isz);
        for (size_t off = 0; off < total && st == ND_OK; off += step) {
            size_t k = total - off < step ? total - off : step;
            memcpy(chunk, data + off, k);
            swap_bytes(chunk, k / isz, nd_dtype_of(a));
            st = sink(ctx, chunk, k);
        }
    }
    (void)who;
    nd_free(c);
    return st;
}

static bool use_fortran(const nd_array *a, const nd_save_opts *o)
{
    return o->fortran || (nd_is_f_contiguous(a) && !nd_is_c_contiguous(a));
}

static bool want_swap(const nd_save_opts *o)
{
    return (o->byteorder == '<' && !host_little()) || (o->byteorder == '>' && host_little());
}

static nd_status check_save_opts(const nd_save_opts *o, const char *who)
{
    if (!o || !o->array) return nd_set_error(ND_EVALUE, "%s: array is NULL", who);
    if (o->byteorder && o->byteorder != '<' && o->byteorder != '>' && o->byteorder != '=')
        return nd_set_error(ND_EVALUE, "%s: byteorder must be '<', '>' or '=', not '%c'", who,
                         o->byteorder);
    return ND_OK;
}

static nd_status file_sink(void *w, const void *data, size_t n)
{
    return nd_file_writer_write(w, data, n);
}

nd_status nd_save_(const char *path, const nd_save_opts *o)
{
    const char *who = "nd_save";
    nd_status st = check_save_opts(o, who);
    if (st < 0) return st;
    const nd_array *a = o->array;
    bool fortran = use_fortran(a, o);
    size_t hlen;
    unsigned char *hdr = nd__npy_make_header(a, fortran, o->byteorder, o->version, &hlen, who);
    if (!hdr) return nd_last_error();
    nd_file_writer *w = nd_file_writer_open(path, who);
    if (!w) {
        st = nd_last_error();
        goto done;
    }
    if ((st = nd_file_writer_write(w, hdr, hlen)) < 0 ||
        (st = nd__npy_write_data(a, fortran, want_swap(o), file_sink, w, who)) < 0) {
        nd_file_writer_abort(w);
        goto done;
    }
    st = nd_file_writer_commit(w);
done:
    nd_free_mem(hdr);
    return st;
}

typedef struct mem_sink {
    unsigned char *p;
    size_t len;
} mem_sink;

static nd_status mem_write(void *ctx, const void *data, size_t n)
{
    mem_sink *m = ctx;
    memcpy(m->p + m->len, data, n);
    m->len += n;
    return ND_OK;
}

void *nd_save_buffer(size_t *n, const nd_save_opts *o)
{
    const char *who = "nd_save_buffer";
    if (check_save_opts(o, who) < 0) return NULL;
    if (!n) return ND_FAIL(ND_EVALUE, "%s: n is NULL", who);
    const nd_array *a = o->array;
    bool fortran = use_fortran(a, o);
    size_t hlen;
    unsigned char *hdr = nd__npy_make_header(a, fortran, o->byteorder, o->version, &hlen, who);
    if (!hdr) return NULL;
    mem_sink m = { nd_malloc(hlen + nd_nbytes(a), who), 0 };
    if (m.p) {
        mem_write(&m, hdr, hlen);
        if (nd__npy_write_data(a, fortran, want_swap(o), mem_write, &m, who) < 0) {
            nd_free_mem(m.p);
            m.p = NULL;
        }
    }
    nd_free_mem(hdr);
    if (m.p) *n = m.len;
    return m.p;
}
