/* numpy.lib.format.open_memmap: a .npy file mapped into memory as an array, created
 * (mode w+) or opened (r, r+, c). The array's buffer is the mapping; when its last view
 * is freed, a writable shared mapping is flushed (msync) and unmapped. */
#include "io_internal.h"

#include <errno.h>
#include <fcntl.h>
#include <string.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <unistd.h>

typedef struct memmap {
    void *base;
    size_t len;
    bool shared_writable;
} memmap;

static void memmap_release(void *data, void *ctx)
{
    (void)data;
    memmap *m = ctx;
    if (m->shared_writable) msync(m->base, m->len, MS_SYNC);
    munmap(m->base, m->len);
    nd_free_mem(m);
}

static bool host_little(void)
{
    const uint16_t one = 1;
    unsigned char b;
    memcpy(&b, &one, 1);
    return b == 1;
}

/* Map `len` bytes of fd and wrap the data at `off` as an array of header h. */
static nd_array *map_array(int fd, const nd_npy_header *h, nd_memmap_mode mode, const char *who,
                           const char *path)
{
    size_t len = h->header_len + h->data_len;
    size_t align = nd_dtype_size(h->dtype);
    if (nd_dtype_is_complex(h->dtype)) align /= 2;
    if (h->header_len % align != 0)
        return ND_FAIL(ND_EVALUE, "%s: %s: the data starts at byte %zu, not aligned for %s", who,
                       path, h->header_len, nd_dtype_name(h->dtype));
    memmap *m = nd_malloc(sizeof *m, who);
    if (!m) return NULL;
    int prot = mode == ND_MEMMAP_R ? PROT_READ : PROT_READ | PROT_WRITE;
    int flags = mode == ND_MEMMAP_C ? MAP_PRIVATE : MAP_SHARED;
    void *base = mmap(NULL, len, prot, flags, fd, 0);
    if (base == MAP_FAILED) {
        nd__io_errno(errno, who, "map", path);
        nd_free_mem(m);
        return NULL;
    }
    *m = (memmap){ base, len, mode == ND_MEMMAP_R_PLUS || mode == ND_MEMMAP_W_PLUS };
    char *data = (char *)base + h->header_len;
    if (h->swap) {
        /* only copy-on-write maps get here: swap the private pages to native order */
        size_t isz = nd_dtype_size(h->dtype), w = nd_dtype_is_complex(h->dtype) ? isz / 2 : isz;
        for (size_t i = 0; i + w <= h->data_len; i += w)
            for (size_t a = 0, b = w - 1; a < b; a++, b--) {
                char t = data[i + a];
                data[i + a] = data[i + b];
                data[i + b] = t;
            }
    }
    ptrdiff_t strides[ND_MAXDIMS];
    ptrdiff_t st = (ptrdiff_t)nd_dtype_size(h->dtype);
    for (int i = 0; i < h->ndim; i++) {
        int ax = h->fortran_order ? i : h->ndim - 1 - i;
        strides[ax] = st;
        st *= h->shape[ax];
    }
    nd_array *a = nd_wrap(data, h->ndim, h->shape, strides, h->dtype, memmap_release, m);
    if (!a) {
        munmap(base, len);
        nd_free_mem(m);
        return NULL;
    }
    if (mode == ND_MEMMAP_R) nd_set_readonly(a);
    return a;
}

static nd_array *open_existing(const nd_open_memmap_opts *o, const char *who)
{
    int fd = open(o->path, (o->mode == ND_MEMMAP_R_PLUS ? O_RDWR : O_RDONLY) | O_CLOEXEC);
    if (fd < 0) {
        nd__io_errno(errno, who, "open", o->path);
        return NULL;
    }
    nd_array *a = NULL;
    unsigned char *hdr = NULL;
    struct stat sb;
    if (fstat(fd, &sb) != 0) {
        nd__io_errno(errno, who, "stat", o->path);
        goto done;
    }
    if (!S_ISREG(sb.st_mode)) {
        nd_set_error(ND_EIO, "%s: %s: not a regular file (%s)", who, o->path,
                     S_ISDIR(sb.st_mode) ? "a directory" : "cannot be mapped");
        goto done;
    }
    uint64_t size = (uint64_t)sb.st_size;
    size_t hl = size < (1u << 20) ? (size_t)size : (1u << 20);
    hdr = nd_malloc(hl ? hl : 1, who);
    if (!hdr) goto done;
    if (hl && pread(fd, hdr, hl, 0) != (ssize_t)hl) {
        nd__io_errno(errno ? errno : EIO, who, "read", o->path);
        goto done;
    }
    nd_npy_header h;
    if (nd__npy_parse_header(hdr, hl, &h, who, o->path) < 0) goto done;
    if (size < h.header_len || size - h.header_len < h.data_len) {
        nd_set_error(ND_EPARSE, "%s: %s: truncated: the header promises %zu bytes of data but "
                                "only %llu follow", who, o->path, h.data_len,
                     (unsigned long long)(size > h.header_len ? size - h.header_len : 0));
        goto done;
    }
    if (h.swap && o->mode != ND_MEMMAP_C) {
        nd_set_error(ND_EDTYPE, "%s: %s: the data is %s-endian; numc maps only native byte order "
                                "with r / r+ (use ND_MEMMAP_C or nd_load)", who, o->path,
                     host_little() ? "big" : "little");
        goto done;
    }
    a = map_array(fd, &h, o->mode, who, o->path);
done:
    nd_free_mem(hdr);
    close(fd);
    return a;
}

static nd_array *create(const nd_open_memmap_opts *o, const char *who)
{
    nd_dtype dt = o->bool_dtype ? ND_BOOL : o->dtype ? (nd_dtype)o->dtype : ND_FLOAT64;
    if (!nd_dtype_is_numeric((int)dt) || (o->bool_dtype && o->dtype))
        return ND_FAIL(ND_EDTYPE, "%s: invalid dtype %d", who, o->dtype);
    if (o->ndim < 0 || o->ndim > ND_MAXDIMS || (o->ndim && !o->shape))
        return ND_FAIL(ND_EVALUE, "%s: mode w+ needs a shape (ndim = %d)", who, o->ndim);
    if (o->version < 0 || o->version > 3)
        return ND_FAIL(ND_EVALUE, "%s: version %d (0 for automatic, 1, 2 or 3)", who, o->version);
    size_t nbytes = nd_dtype_size(dt);
    for (int i = 0; i < o->ndim; i++) {
        if (o->shape[i] < 0)
            return ND_FAIL(ND_EVALUE, "%s: negative dimension %td in shape", who, o->shape[i]);
        if (o->shape[i] && nbytes > (size_t)PTRDIFF_MAX / (size_t)o->shape[i])
            return ND_FAIL(ND_EVALUE, "%s: shape too large", who);
        nbytes *= (size_t)o->shape[i];
    }
    /* the header comes from an array of that shape that is never read */
    static char dummy[16];
    nd_array *proto = nd_wrap(dummy, o->ndim, o->shape, NULL, dt, NULL, NULL);
    if (!proto) return NULL;
    size_t hlen;
    unsigned char *hdr = nd__npy_make_header(proto, o->fortran_order, '=', o->version, &hlen, who);
    nd_free(proto);
    if (!hdr) return NULL;
    nd_array *a = NULL;
    int fd = open(o->path, O_RDWR | O_CREAT | O_TRUNC | O_CLOEXEC, 0666);
    if (fd < 0) {
        nd__io_errno(errno, who, "create", o->path);
        nd_free_mem(hdr);
        return NULL;
    }
    size_t done = 0;
    while (done < hlen) {
        ssize_t k = write(fd, hdr + done, hlen - done);
        if (k < 0 && errno == EINTR) continue;
        if (k <= 0) break;
        done += (size_t)k;
    }
    if (done < hlen || ftruncate(fd, (off_t)(hlen + nbytes)) != 0) {
        nd__io_errno(errno ? errno : ENOSPC, who, "write", o->path);
        goto fail;
    }
    nd_npy_header h;
    if (nd__npy_parse_header(hdr, hlen, &h, who, o->path) < 0) goto fail;
    a = map_array(fd, &h, ND_MEMMAP_W_PLUS, who, o->path);
    if (!a) goto fail;
    close(fd);
    nd_free_mem(hdr);
    return a;
fail:
    close(fd);
    unlink(o->path);
    nd_free_mem(hdr);
    return NULL;
}

nd_array *nd_open_memmap_(const nd_open_memmap_opts *o)
{
    const char *who = "nd_open_memmap";
    if (!o || !o->path || !*o->path) return ND_FAIL(ND_EVALUE, "%s: NULL or empty path", who);
    if ((unsigned)o->mode > ND_MEMMAP_C)
        return ND_FAIL(ND_EVALUE, "%s: invalid mode %d", who, (int)o->mode);
    if (o->mode == ND_MEMMAP_W_PLUS) return create(o, who);
    if (o->ndim || o->dtype || o->bool_dtype || o->fortran_order || o->version)
        return ND_FAIL(ND_EVALUE, "%s: dtype, shape, fortran_order and version apply to mode w+ "
                                  "only (%s takes them from the file)", who, o->path);
    return open_existing(o, who);
}

nd_status nd_memmap_flush(const nd_array *a)
{
    if (!a) return nd_set_error(ND_EVALUE, "nd_memmap_flush: NULL array");
    if (a->buf->free_fn != memmap_release)
        return nd_set_error(ND_EVALUE, "nd_memmap_flush: the array is not a memory map from "
                                       "nd_open_memmap");
    memmap *m = a->buf->ctx;
    if (m->shared_writable && msync(m->base, m->len, MS_SYNC) != 0)
        return nd__io_errno(errno, "nd_memmap_flush", "flush", "<memmap>");
    return ND_OK;
}
