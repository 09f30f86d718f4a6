/* Parallel I/O: one NumPy .npy file written and read by every rank at once with MPI-IO
 * (rank 0 writes or parses the header, each rank its slab of rows at its offset), and a
 * CSV file read split by byte ranges. */
#include <errno.h>
#include <limits.h>
#include <numc/io.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "dist_internal.h"

#define NPY_ALIGN 64
#define NPY_GROWTH_DIGITS 21      /* NumPy's GROWTH_AXIS_MAX_DIGITS */
#define NPY_MAX_HEADER (1u << 20) /* numc's reader limit */
#define IO_CHUNK ((size_t)1 << 28) /* bytes per MPI-IO call (counts are ints) */

/* ---- helpers ------------------------------------------------------------------------------ */

/* A private duplicate of comm that returns MPI errors. */
static nd_status dup_comm(MPI_Comm comm, MPI_Comm *out, const char *who)
{
    *out = MPI_COMM_NULL;
    if (comm == MPI_COMM_NULL) return nd_set_error(ND_EVALUE, "%s: the communicator is MPI_COMM_NULL", who);
    nd_status st = nd__mpi_status(MPI_Comm_dup(comm, out), who, "MPI_Comm_dup");
    if (st == ND_OK) st = nd__mpi_status(MPI_Comm_set_errhandler(*out, MPI_ERRORS_RETURN), who,
                                         "MPI_Comm_set_errhandler");
    return st;
}

static void free_comm(MPI_Comm *c)
{
    if (*c != MPI_COMM_NULL) MPI_Comm_free(c);
}

static bool host_little(void)
{
    const uint16_t one = 1;
    unsigned char b;
    memcpy(&b, &one, 1);
    return b == 1;
}

/* An MPI-IO error with the file's name and the MPI error string. */
static nd_status io_status(int rc, const char *who, const char *call, const char *path)
{
    if (rc == MPI_SUCCESS) return ND_OK;
    char s[MPI_MAX_ERROR_STRING];
    int n = 0;
    if (MPI_Error_string(rc, s, &n) != MPI_SUCCESS) snprintf(s, sizeof s, "MPI error %d", rc);
    return nd_set_error(ND_EIO, "%s: %s: %s failed: %s", who, path, call, s);
}

/* The path rank 0 passed, on every rank (NULL paths are an error agreed by the caller). */
static nd_status bcast_path(MPI_Comm c, const char *path, char **out, const char *who)
{
    *out = NULL;
    long n = path ? (long)strlen(path) : -1;
    nd_status st = nd__mpi_status(MPI_Bcast(&n, 1, MPI_LONG, 0, c), who, "MPI_Bcast");
    if (st != ND_OK) return st;
    if (n < 0) return nd_set_error(ND_EVALUE, "%s: path is NULL on rank 0", who);
    if (n >= INT_MAX) return nd_set_error(ND_EVALUE, "%s: path too long", who);
    *out = nd_malloc((size_t)n + 1, who);
    int ok = *out != NULL, all = 0;
    if (ok && path) memcpy(*out, path, (size_t)n + 1);
    st = nd__mpi_status(MPI_Allreduce(&ok, &all, 1, MPI_INT, MPI_MIN, c), who, "MPI_Allreduce");
    if (st == ND_OK && !all) st = ok ? nd_set_error(ND_ENOMEM, "%s: out of memory", who) : ND_ENOMEM;
    if (st == ND_OK) st = nd__mpi_status(MPI_Bcast(*out, (int)n + 1, MPI_CHAR, 0, c), who, "MPI_Bcast");
    if (st != ND_OK) {
        nd_free_mem(*out);
        *out = NULL;
    }
    return st;
}

/* Write or read `n` bytes at file offset `off` collectively, in chunks: every rank makes the
 * same number of calls (count 0 once its own bytes are done). */
static nd_status rw_all(MPI_File fh, MPI_Comm c, bool write, MPI_Offset off, char *buf, size_t n,
                        const char *who, const char *path)
{
    unsigned long long mine = (n + IO_CHUNK - 1) / IO_CHUNK, most = 0;
    nd_status st = nd__mpi_status(MPI_Allreduce(&mine, &most, 1, MPI_UNSIGNED_LONG_LONG, MPI_MAX, c), who,
                                  "MPI_Allreduce");
    if (st != ND_OK) return st;
    nd_status first = ND_OK;
    for (unsigned long long k = 0; k < most; k++) {
        size_t at = (size_t)k * IO_CHUNK, cnt = at < n ? (n - at < IO_CHUNK ? n - at : IO_CHUNK) : 0;
        MPI_Status ms;
        int rc = write ? MPI_File_write_at_all(fh, off + (MPI_Offset)at, buf + (cnt ? at : 0), (int)cnt,
                                               MPI_BYTE, &ms)
                       : MPI_File_read_at_all(fh, off + (MPI_Offset)at, buf + (cnt ? at : 0), (int)cnt,
                                              MPI_BYTE, &ms);
        if (rc != MPI_SUCCESS && first == ND_OK)
            first = io_status(rc, who, write ? "MPI_File_write_at_all" : "MPI_File_read_at_all", path);
        if (rc == MPI_SUCCESS && first == ND_OK) {
            int got = 0;
            MPI_Get_count(&ms, MPI_BYTE, &got);
            if ((size_t)got != cnt)
                first = nd_set_error(ND_EIO, "%s: %s: short %s (%d of %zu bytes at offset %lld)", who, path,
                                     write ? "write" : "read", got, cnt, (long long)(off + (MPI_Offset)at));
        }
    }
    return first;
}

/* ---- the .npy header ----------------------------------------------------------------------- */

static const char *descr_code(nd_dtype dt)
{
    static const char *const codes[ND_NTYPES] = { "b1", "i1", "i2", "i4", "i8", "u1", "u2",
                                                  "u4", "u8", "f4", "f8", "c8", "c16" };
    return codes[dt];
}

/* numc's (and NumPy's) header for a C-order array of this shape and dtype: the dict with
 * the growth axis padded to 21 digits, version 1.0 unless its 16-bit length overflows,
 * total length a multiple of 64 ending in '\n'. */
static unsigned char *make_header(nd_dtype dt, int ndim, const ptrdiff_t *shape, size_t *len, const char *who)
{
    char order = nd_dtype_size(dt) == 1 ? '|' : host_little() ? '<' : '>';
    char dict[64 + ND_MAXDIMS * 24 + NPY_GROWTH_DIGITS];
    int n = snprintf(dict, sizeof dict, "{'descr': '%c%s', 'fortran_order': False, 'shape': (", order,
                     descr_code(dt));
    for (int i = 0; i < ndim; i++) n += snprintf(dict + n, sizeof dict - (size_t)n, i ? ", %td" : "%td", shape[i]);
    n += snprintf(dict + n, sizeof dict - (size_t)n, "%s), }", ndim == 1 ? "," : "");
    if (ndim > 0) {
        char digits[24];
        int nd = snprintf(digits, sizeof digits, "%td", shape[0]);
        for (int i = nd; i < NPY_GROWTH_DIGITS; i++) dict[n++] = ' ';
        dict[n] = '\0';
    }
    size_t t1 = 10 + (size_t)n + 1;
    t1 += (NPY_ALIGN - t1 % NPY_ALIGN) % NPY_ALIGN;
    int version = t1 - 10 <= 65535 ? 1 : 2;
    size_t pre = version == 1 ? 10 : 12, total = pre + (size_t)n + 1;
    total += (NPY_ALIGN - total % NPY_ALIGN) % NPY_ALIGN;
    size_t hlen = total - pre;
    unsigned char *h = nd_malloc(total, who);
    if (!h) return NULL;
    memcpy(h, "\x93NUMPY", 6);
    h[6] = (unsigned char)version;
    h[7] = 0;
    for (size_t i = 0; i < pre - 8; i++) h[8 + i] = (unsigned char)(hlen >> (8 * i));
    memcpy(h + pre, dict, (size_t)n);
    memset(h + pre + n, ' ', total - pre - (size_t)n - 1);
    h[total - 1] = '\n';
    *len = total;
    return h;
}

/* What rank 0 learns from a header and broadcasts. */
typedef struct npy_info {
    int status;        /* ND_OK or the parse error (message on rank 0) */
    int dtype, ndim, swap, fortran;
    long long shape[ND_MAXDIMS];
    long long header_len, file_size;
} npy_info;

typedef struct hparse {
    const char *p, *end, *who, *path;
} hparse;

static nd_status hp_fail(hparse *h, const char *what)
{
    return nd_set_error(ND_EPARSE, "%s: %s: malformed .npy header: %s", h->who, h->path, what);
}

static void hp_ws(hparse *h)
{
    while (h->p < h->end && (*h->p == ' ' || *h->p == '\t' || *h->p == '\n' || *h->p == '\r')) h->p++;
}

static bool hp_eat(hparse *h, char c)
{
    hp_ws(h);
    if (h->p < h->end && *h->p == c) {
        h->p++;
        return true;
    }
    return false;
}

static nd_status hp_string(hparse *h, char *out, size_t cap)
{
    hp_ws(h);
    if (h->p >= h->end || (*h->p != '\'' && *h->p != '"')) return hp_fail(h, "expected a string");
    char q = *h->p++;
    size_t n = 0;
    while (h->p < h->end && *h->p != q) {
        if (n + 1 >= cap) return hp_fail(h, "string too long");
        out[n++] = *h->p++;
    }
    if (h->p >= h->end) return hp_fail(h, "unterminated string");
    h->p++;
    out[n] = '\0';
    return ND_OK;
}

static nd_status parse_descr(hparse *h, const char *d, npy_info *in)
{
    static const struct {
        const char *code;
        nd_dtype dt;
    } tab[] = { { "b1", ND_BOOL },     { "?", ND_BOOL },       { "i1", ND_INT8 },     { "i2", ND_INT16 },
                { "i4", ND_INT32 },    { "i8", ND_INT64 },     { "u1", ND_UINT8 },    { "u2", ND_UINT16 },
                { "u4", ND_UINT32 },   { "u8", ND_UINT64 },    { "f4", ND_FLOAT32 },  { "f8", ND_FLOAT64 },
                { "c8", ND_COMPLEX64 }, { "c16", ND_COMPLEX128 }, { "b", ND_INT8 },   { "B", ND_UINT8 } };
    char order = '|';
    if (*d == '<' || *d == '>' || *d == '|' || *d == '=') order = *d++;
    for (size_t i = 0; i < sizeof tab / sizeof tab[0]; i++)
        if (strcmp(d, tab[i].code) == 0) {
            in->dtype = (int)tab[i].dt;
            in->swap = nd_dtype_size(tab[i].dt) > 1 && ((order == '<' && !host_little()) ||
                                                        (order == '>' && host_little()));
            return ND_OK;
        }
    return nd_set_error(ND_EDTYPE, "%s: %s: unsupported dtype '%s' in the .npy header", h->who, h->path, d);
}

/* Parse a whole header (magic through the final '\n') into *in. */
static nd_status parse_header(const unsigned char *buf, size_t n, npy_info *in, const char *who, const char *path)
{
    size_t pre = buf[6] == 1 ? 10 : 12;
    hparse h = { (const char *)buf + pre, (const char *)buf + n, who, path };
    if (!hp_eat(&h, '{')) return hp_fail(&h, "expected '{'");
    bool got[3] = { false, false, false };
    while (!hp_eat(&h, '}')) {
        char key[32], val[64];
        nd_status st = hp_string(&h, key, sizeof key);
        if (st != ND_OK) return st;
        if (!hp_eat(&h, ':')) return hp_fail(&h, "expected ':'");
        if (strcmp(key, "descr") == 0) {
            if ((st = hp_string(&h, val, sizeof val)) != ND_OK) return st;
            if ((st = parse_descr(&h, val, in)) != ND_OK) return st;
            got[0] = true;
        } else if (strcmp(key, "fortran_order") == 0) {
            hp_ws(&h);
            if ((size_t)(h.end - h.p) >= 4 && memcmp(h.p, "True", 4) == 0) in->fortran = 1, h.p += 4;
            else if ((size_t)(h.end - h.p) >= 5 && memcmp(h.p, "False", 5) == 0) in->fortran = 0, h.p += 5;
            else return hp_fail(&h, "fortran_order is neither True nor False");
            got[1] = true;
        } else if (strcmp(key, "shape") == 0) {
            if (!hp_eat(&h, '(')) return hp_fail(&h, "expected '(' for the shape");
            in->ndim = 0;
            while (!hp_eat(&h, ')')) {
                hp_ws(&h);
                if (h.p >= h.end || *h.p < '0' || *h.p > '9') return hp_fail(&h, "bad shape");
                unsigned long long v = 0;
                while (h.p < h.end && *h.p >= '0' && *h.p <= '9') {
                    if (v > (unsigned long long)(PTRDIFF_MAX / 10)) return hp_fail(&h, "huge shape value");
                    v = v * 10 + (unsigned long long)(*h.p++ - '0');
                }
                if (h.p < h.end && *h.p == 'L') h.p++;
                if (in->ndim == ND_MAXDIMS) return hp_fail(&h, "too many dimensions");
                in->shape[in->ndim++] = (long long)v;
                if (!hp_eat(&h, ',')) {
                    if (!hp_eat(&h, ')')) return hp_fail(&h, "expected ',' or ')' in the shape");
                    break;
                }
            }
            got[2] = true;
        } else {
            return hp_fail(&h, "unexpected key");
        }
        if (!hp_eat(&h, ',')) {
            if (!hp_eat(&h, '}')) return hp_fail(&h, "expected ',' or '}'");
            break;
        }
    }
    if (!got[0] || !got[1] || !got[2]) return hp_fail(&h, "missing descr, fortran_order or shape");
    if (in->fortran && in->ndim > 1)
        return nd_set_error(ND_EVALUE, "%s: %s: the file is in Fortran order; nd_dist_load_npy reads C-order "
                            "files (load it with nd_load and nd_dist_scatter, or save it in C order)",
                            who, path);
    uint64_t bytes = nd_dtype_size((nd_dtype)in->dtype);
    for (int i = 0; i < in->ndim; i++) {
        uint64_t d = (uint64_t)in->shape[i];
        if (d && bytes > (uint64_t)PTRDIFF_MAX / d) return hp_fail(&h, "the array is too large");
        bytes *= d;
    }
    if (in->file_size - in->header_len < (long long)bytes)
        return nd_set_error(ND_EPARSE, "%s: %s: truncated: the header promises %llu bytes of data, the file "
                            "holds %lld", who, path, (unsigned long long)bytes, in->file_size - in->header_len);
    return ND_OK;
}

static void swap_elems(char *p, size_t n, nd_dtype dt)
{
    size_t isz = nd_dtype_size(dt), part = dt == ND_COMPLEX64 || dt == ND_COMPLEX128 ? isz / 2 : isz;
    size_t parts = n * (isz / part);
    for (size_t i = 0; i < parts; i++, p += part)
        for (size_t a = 0, b = part - 1; a < b; a++, b--) {
            char t = p[a];
            p[a] = p[b];
            p[b] = t;
        }
}

/* ---- saving ---------------------------------------------------------------------------------- */

/* The rows of axis 0 this rank writes: a BLOCK(axis 0) array's own slab, or for a REPLICATED
 * array the rank's share of ceil(n / P) rows. */
static void my_rows(const nd_dist *d, ptrdiff_t *lo, ptrdiff_t *hi)
{
    if (d->ndim == 0) {
        *lo = 0;
        *hi = d->rank == 0 ? 1 : 0;
        return;
    }
    ptrdiff_t n = d->shape[0], b = d->dist.kind == ND_DIST_BLOCK ? d->dist.block : (n + d->nprocs - 1) / d->nprocs;
    if (b < 1) b = 1;
    nd__dist_block_range(n, b, d->rank, lo, hi);
}

nd_status nd_dist_save_npy(const char *path, const nd_dist *d)
{
    const char *who = "nd_dist_save_npy";
    if (!d) return nd_set_error(ND_EVALUE, "%s: the array is NULL", who);
    MPI_Comm c = d->comm;
    char *p = NULL, *tmp = NULL;
    nd_dist *re = NULL;
    unsigned char *hdr = NULL;
    MPI_File fh = MPI_FILE_NULL;
    bool opened = false;
    nd_status st = bcast_path(c, path, &p, who);
    if ((st = nd__dist_agree(c, st)) != ND_OK) return st;
    /* Rows along axis 0: other layouts move to BLOCK(0) first. */
    const nd_dist *src = d;
    if (d->ndim > 0 && !(d->dist.kind == ND_DIST_REPLICATED || (d->dist.kind == ND_DIST_BLOCK && d->dist.axis == 0))) {
        nd_distribution b0 = nd_dist_block(0);
        re = nd_dist_redistribute(d, &b0);
        if (!re) {
            st = nd_last_error();
            goto out;
        }
        src = re;
    }
    /* Rank 0 makes the header and the temporary name in the same directory. */
    size_t hlen = 0;
    size_t plen = strlen(p);
    tmp = nd_malloc(plen + 64, who);
    st = tmp ? ND_OK : ND_ENOMEM;
    if (st == ND_OK && d->rank == 0) {
        hdr = make_header(d->dtype, d->ndim, d->shape, &hlen, who);
        if (!hdr) st = nd_last_error();
        static unsigned counter;
        snprintf(tmp, plen + 64, "%s.numc-tmp-%ld-%u", p, (long)getpid(), counter++);
    }
    if ((st = nd__dist_agree(c, st)) != ND_OK) goto out;
    unsigned long long hl = hlen;
    if ((st = nd__mpi_status(MPI_Bcast(&hl, 1, MPI_UNSIGNED_LONG_LONG, 0, c), who, "MPI_Bcast")) == ND_OK)
        st = nd__mpi_status(MPI_Bcast(tmp, (int)plen + 64, MPI_CHAR, 0, c), who, "MPI_Bcast");
    if ((st = nd__dist_agree(c, st)) != ND_OK) goto out;
    st = io_status(MPI_File_open(c, tmp, MPI_MODE_CREATE | MPI_MODE_WRONLY | MPI_MODE_EXCL, MPI_INFO_NULL, &fh),
                   who, "MPI_File_open", tmp);
    if ((st = nd__dist_agree(c, st)) != ND_OK) goto out;
    opened = true;
    if (d->rank == 0) {
        MPI_Status ms;
        st = io_status(MPI_File_write_at(fh, 0, hdr, (int)hlen, MPI_BYTE, &ms), who, "MPI_File_write_at", tmp);
    }
    ptrdiff_t lo, hi;
    my_rows(src, &lo, &hi);
    size_t row = nd_dtype_size(d->dtype);
    for (int k = 1; k < d->ndim; k++) row *= (size_t)d->shape[k];
    const char *base = nd_data(nd_dist_local(src));
    if (src->dist.kind == ND_DIST_REPLICATED && d->ndim > 0) base += (size_t)lo * row;
    nd_status wst = rw_all(fh, c, true, (MPI_Offset)hl + (MPI_Offset)((size_t)lo * row), (char *)base,
                           (size_t)(hi - lo) * row, who, tmp);
    if (st == ND_OK) st = wst;
    if (st == ND_OK) st = io_status(MPI_File_sync(fh), who, "MPI_File_sync", tmp);
    else MPI_File_sync(fh);
    /* Collective writes may be done by aggregator ranks: check the size that reached the disk. */
    if (st == ND_OK && d->rank == 0) {
        MPI_Offset got = 0;
        long long want = (long long)hl + (long long)(d->ndim ? row * (size_t)d->shape[0] : row);
        st = io_status(MPI_File_get_size(fh, &got), who, "MPI_File_get_size", tmp);
        if (st == ND_OK && (long long)got != want)
            st = nd_set_error(ND_EIO, "%s: %s: short write (%lld of %lld bytes)", who, tmp, (long long)got, want);
    }
    {
        int rc = MPI_File_close(&fh);
        opened = false;
        if (st == ND_OK) st = io_status(rc, who, "MPI_File_close", tmp);
    }
    st = nd__dist_agree(c, st);
    /* All bytes are on disk: rank 0 puts the file in place (or removes the temporary). */
    if (d->rank == 0) {
        if (st == ND_OK) {
            if (rename(tmp, p) != 0) st = nd_set_error(ND_EIO, "%s: cannot rename %s to %s: %s", who, tmp, p, strerror(errno));
        }
        if (st != ND_OK) (void)unlink(tmp);
    }
    st = nd__dist_agree(c, st);
out:
    if (opened) {
        MPI_File_close(&fh);
        if (d->rank == 0) (void)unlink(tmp);
    }
    nd_free_mem(hdr);
    nd_free_mem(tmp);
    nd_free_mem(p);
    nd_dist_free(re);
    return st;
}

/* ---- loading --------------------------------------------------------------------------------- */

nd_dist *nd_dist_load_npy(MPI_Comm comm, const char *path, const nd_distribution *dist)
{
    const char *who = "nd_dist_load_npy";
    MPI_Comm c;
    nd_status st = dup_comm(comm, &c, who);
    if (st != ND_OK) {
        free_comm(&c);
        return NULL;
    }
    int rank = 0;
    MPI_Comm_rank(c, &rank);
    char *p = NULL;
    unsigned char *hdr = NULL;
    nd_dist *d = NULL, *out = NULL;
    MPI_File fh = MPI_FILE_NULL;
    bool opened = false;
    npy_info in;
    memset(&in, 0, sizeof in);
    st = bcast_path(c, path, &p, who);
    if ((st = nd__dist_agree(c, st)) != ND_OK) goto done;
    st = io_status(MPI_File_open(c, p, MPI_MODE_RDONLY, MPI_INFO_NULL, &fh), who, "MPI_File_open", p);
    if ((st = nd__dist_agree(c, st)) != ND_OK) goto done;
    opened = true;
    if (rank == 0) {
        MPI_Offset size = 0;
        unsigned char pre[12];
        MPI_Status ms;
        int got = 0;
        st = io_status(MPI_File_get_size(fh, &size), who, "MPI_File_get_size", p);
        in.file_size = (long long)size;
        if (st == ND_OK) st = io_status(MPI_File_read_at(fh, 0, pre, 12, MPI_BYTE, &ms), who, "MPI_File_read_at", p);
        if (st == ND_OK) MPI_Get_count(&ms, MPI_BYTE, &got);
        if (st == ND_OK && (got < 10 || memcmp(pre, "\x93NUMPY", 6) != 0))
            st = nd_set_error(ND_EPARSE, "%s: %s: not a .npy file (%s)", who, p,
                              got < 10 ? "too short for the header" : "wrong magic string");
        if (st == ND_OK && (pre[6] < 1 || pre[6] > 3 || pre[7] != 0))
            st = nd_set_error(ND_EPARSE, "%s: %s: unsupported .npy format version %d.%d", who, p, pre[6], pre[7]);
        size_t hl = 0;
        if (st == ND_OK) {
            size_t np = pre[6] == 1 ? 10 : 12;
            if ((size_t)got < np) st = nd_set_error(ND_EPARSE, "%s: %s: file truncated inside the header", who, p);
            for (size_t i = 8; i < np; i++) hl |= (size_t)pre[i] << (8 * (i - 8));
            hl += np;
            if (st == ND_OK && hl > NPY_MAX_HEADER)
                st = nd_set_error(ND_EPARSE, "%s: %s: header length %zu exceeds the %u-byte limit", who, p, hl,
                                  NPY_MAX_HEADER);
            if (st == ND_OK && (long long)hl > in.file_size)
                st = nd_set_error(ND_EPARSE, "%s: %s: file truncated inside the header", who, p);
        }
        if (st == ND_OK && !(hdr = nd_malloc(hl, who))) st = ND_ENOMEM;
        if (st == ND_OK)
            st = io_status(MPI_File_read_at(fh, 0, hdr, (int)hl, MPI_BYTE, &ms), who, "MPI_File_read_at", p);
        if (st == ND_OK) {
            in.header_len = (long long)hl;
            st = parse_header(hdr, hl, &in, who, p);
        }
        in.status = st;
    }
    if ((st = nd__dist_agree(c, st)) != ND_OK) goto done;
    if ((st = nd__mpi_status(MPI_Bcast(&in, (int)sizeof in, MPI_BYTE, 0, c), who, "MPI_Bcast")) != ND_OK) goto done;
    ptrdiff_t shape[ND_MAXDIMS];
    for (int k = 0; k < in.ndim; k++) shape[k] = (ptrdiff_t)in.shape[k];
    nd_distribution b0 = in.ndim ? nd_dist_block(0) : nd_dist_replicated();
    if ((st = nd__dist_new(c, in.ndim, shape, (nd_dtype)in.dtype, &b0, &d, who)) != ND_OK) goto done;
    ptrdiff_t lo = 0, hi = in.ndim ? d->offset[0] + nd_shape(d->local)[0] : 1;
    if (in.ndim) lo = d->offset[0];
    size_t row = nd_dtype_size((nd_dtype)in.dtype);
    for (int k = 1; k < in.ndim; k++) row *= (size_t)shape[k];
    st = rw_all(fh, c, false, (MPI_Offset)in.header_len + (MPI_Offset)((size_t)lo * row), nd_data(d->local),
                (size_t)(hi - lo) * row, who, p);
    if (st == ND_OK && in.swap) swap_elems(nd_data(d->local), (size_t)nd_size(d->local), (nd_dtype)in.dtype);
    if ((st = nd__dist_agree(c, st)) != ND_OK) goto done;
    /* Elements of a 0-d array are read by every rank (replicated). */
    if (dist && !(dist->kind == ND_DIST_BLOCK && dist->axis == 0 && dist->block == 0 && in.ndim > 0)) {
        out = nd_dist_redistribute(d, dist);
        if (!out) st = nd_last_error();
    } else {
        out = d;
        d = NULL;
    }
done:
    if (opened) MPI_File_close(&fh);
    nd_dist_free(d);
    nd_free_mem(hdr);
    nd_free_mem(p);
    free_comm(&c);
    if (st != ND_OK) {
        nd_dist_free(out);
        return NULL;
    }
    return out;
}

/* ---- CSV split by byte ranges ------------------------------------------------------------------ */

/* Is the line [s, e) blank or comment-only? */
static bool skippable_line(const char *s, const char *e, const char *comments)
{
    while (s < e && (*s == ' ' || *s == '\t' || *s == '\r')) s++;
    if (s == e) return true;
    size_t cl = strlen(comments);
    return cl && (size_t)(e - s) >= cl && memcmp(s, comments, cl) == 0;
}

/* Rank 0: where the data rows start (after skiprows lines and the header line), the
 * delimiter, from the first whole lines of the file read with the caller's options. */
typedef struct csv_info {
    int status;
    int delimiter;
    long long data_start, file_size;
    long long probe_cols; /* the columns of the result (for a file without data rows) */
} csv_info;

static nd_status csv_probe(MPI_File fh, const char *p, const nd_csv_opts *o, csv_info *ci, const char *who)
{
    size_t have = 0, cap = (size_t)1 << 20;
    char *buf = NULL;
    nd_status st = ND_OK;
    /* A prefix holding whole lines: skiprows lines, then up to a few data lines. */
    for (;;) {
        size_t want = (long long)cap < ci->file_size ? cap : (size_t)ci->file_size;
        char *nb = nd_malloc(want + 1, who);
        if (!nb) {
            st = ND_ENOMEM;
            break;
        }
        nd_free_mem(buf);
        buf = nb;
        MPI_Status ms;
        st = io_status(MPI_File_read_at(fh, 0, buf, (int)want, MPI_BYTE, &ms), who, "MPI_File_read_at", p);
        if (st != ND_OK) break;
        have = want;
        size_t lines = 0;
        for (size_t i = 0; i < have; i++) lines += buf[i] == '\n';
        if ((long long)have == ci->file_size || lines > (size_t)o->skiprows + 64) break;
        if (cap > (size_t)1 << 30) {
            st = nd_set_error(ND_EPARSE, "%s: %s: the first lines are longer than 1 GiB", who, p);
            break;
        }
        cap *= 4;
    }
    if (st == ND_OK && (long long)have < ci->file_size)
        while (have > 0 && buf[have - 1] != '\n') have--;
    if (st != ND_OK) {
        nd_free_mem(buf);
        return st;
    }
    /* skiprows physical lines */
    size_t a = 0;
    for (ptrdiff_t k = 0; k < o->skiprows && a < have; k++) {
        while (a < have && buf[a] != '\n') a++;
        if (a < have) a++;
    }
    nd_csv_stats stats;
    memset(&stats, 0, sizeof stats);
    nd_csv_opts po = *o;
    po.path = p;
    po.skiprows = 0;
    po.max_rows = 1;
    po.ndmin = 2;
    po.stats = &stats;
    nd_array *probe = nd_loadtxt_buffer(buf + a, have - a, &po);
    if (!probe) st = nd_last_error();
    else ci->probe_cols = nd_ndim(probe) == 2 ? (long long)nd_shape(probe)[1] : 0;
    nd_free(probe);
    if (st == ND_OK) {
        ci->delimiter = stats.delimiter;
        if (stats.header) { /* the first non-blank, non-comment line */
            const char *com = o->comments ? o->comments : "#";
            for (;;) {
                size_t e = a;
                while (e < have && buf[e] != '\n') e++;
                bool skip = skippable_line(buf + a, buf + e, com);
                a = e < have ? e + 1 : e;
                if (!skip || a >= have) break;
            }
        }
        ci->data_start = (long long)a;
    }
    nd_free_mem(buf);
    return st;
}

/* The first line start at or after `lo` (data starts at `start`): after the first '\n' at
 * or after lo - 1. */
static nd_status line_start(MPI_File fh, long long start, long long lo, long long size, long long *out,
                            const char *who, const char *p)
{
    if (lo <= start) {
        *out = start;
        return ND_OK;
    }
    char win[1 << 16];
    long long at = lo - 1;
    while (at < size) {
        int n = (int)(size - at < (long long)sizeof win ? size - at : (long long)sizeof win);
        MPI_Status ms;
        nd_status st = io_status(MPI_File_read_at(fh, (MPI_Offset)at, win, n, MPI_BYTE, &ms), who,
                                 "MPI_File_read_at", p);
        if (st != ND_OK) return st;
        char *nl = memchr(win, '\n', (size_t)n);
        if (nl) {
            *out = at + (nl - win) + 1;
            return ND_OK;
        }
        at += n;
    }
    *out = size;
    return ND_OK;
}

nd_dist *nd_dist_read_csv(MPI_Comm comm, const char *path, const nd_csv_opts *o)
{
    const char *who = "nd_dist_read_csv";
    MPI_Comm c;
    nd_status st = dup_comm(comm, &c, who);
    if (st != ND_OK) {
        free_comm(&c);
        return NULL;
    }
    int rank = 0, np = 1;
    MPI_Comm_rank(c, &rank);
    MPI_Comm_size(c, &np);
    nd_csv_opts opts;
    memset(&opts, 0, sizeof opts);
    if (o) opts = *o;
    char *p = NULL, *buf = NULL;
    nd_array *mine = NULL;
    nd_dist *d = NULL;
    long long *starts = NULL, *rows = NULL;
    int *sc = NULL, *sd = NULL, *rc = NULL, *rd = NULL;
    MPI_File fh = MPI_FILE_NULL;
    MPI_Datatype rowt = MPI_DATATYPE_NULL;
    bool opened = false;
    csv_info ci;
    memset(&ci, 0, sizeof ci);
    if (opts.max_rows != 0 || opts.usenames || opts.nusenames || opts.missing || opts.stats)
        st = nd_set_error(ND_EVALUE, "%s: .max_rows, .usenames, .missing and .stats are not supported "
                          "(each rank reads its own rows)", who);
    else if (opts.ndmin != 0 && opts.ndmin != 2)
        st = nd_set_error(ND_EVALUE, "%s: the result is 2-D: .ndmin must be 0 or 2, not %d", who, opts.ndmin);
    else if (opts.skiprows < 0)
        st = nd_set_error(ND_EVALUE, "%s: .skiprows must be non-negative", who);
    if ((st = nd__dist_agree(c, st)) != ND_OK) goto done;
    {
        struct {
            int delim, quote, header, dtype, nuse, pad;
            long long skip;
        } same = { opts.delimiter, opts.quote, opts.header, opts.dtype, opts.nusecols, 0, (long long)opts.skiprows };
        st = nd__dist_check_same(c, &same, sizeof same, who, "the options");
        if ((st = nd__dist_agree(c, st)) != ND_OK) goto done;
    }
    st = bcast_path(c, path, &p, who);
    if ((st = nd__dist_agree(c, st)) != ND_OK) goto done;
    opts.path = p;
    st = io_status(MPI_File_open(c, p, MPI_MODE_RDONLY, MPI_INFO_NULL, &fh), who, "MPI_File_open", p);
    if ((st = nd__dist_agree(c, st)) != ND_OK) goto done;
    opened = true;
    if (rank == 0) {
        MPI_Offset size = 0;
        st = io_status(MPI_File_get_size(fh, &size), who, "MPI_File_get_size", p);
        ci.file_size = (long long)size;
        if (st == ND_OK) st = csv_probe(fh, p, &opts, &ci, who);
        ci.status = st;
    }
    if ((st = nd__dist_agree(c, st)) != ND_OK) goto done;
    if ((st = nd__mpi_status(MPI_Bcast(&ci, (int)sizeof ci, MPI_BYTE, 0, c), who, "MPI_Bcast")) != ND_OK) goto done;
    /* This rank's lines: those starting in [start + r*L/N, start + (r+1)*L/N). */
    starts = nd_malloc(sizeof(long long) * (size_t)(np + 1), who);
    rows = nd_malloc(sizeof(long long) * 2 * (size_t)np, who);
    st = starts && rows ? ND_OK : ND_ENOMEM;
    long long L = ci.file_size - ci.data_start, s = 0;
    if (st == ND_OK) {
        long long lo = ci.data_start + (L / np) * rank + (L % np) * rank / np;
        st = line_start(fh, ci.data_start, lo, ci.file_size, &s, who, p);
    }
    if ((st = nd__dist_agree(c, st)) != ND_OK) goto done;
    if ((st = nd__mpi_status(MPI_Allgather(&s, 1, MPI_LONG_LONG, starts, 1, MPI_LONG_LONG, c), who,
                             "MPI_Allgather")) != ND_OK)
        goto done;
    starts[np] = ci.file_size;
    size_t n = (size_t)(starts[rank + 1] - starts[rank]);
    buf = nd_malloc(n + 1, who);
    st = buf ? ND_OK : ND_ENOMEM;
    if ((st = nd__dist_agree(c, st)) != ND_OK) goto done;
    st = rw_all(fh, c, false, (MPI_Offset)starts[rank], buf, n, who, p);
    if ((st = nd__dist_agree(c, st)) != ND_OK) goto done;
    {
        nd_csv_opts lo = opts;
        lo.skiprows = 0;
        lo.header = -1;
        lo.delimiter = (char)ci.delimiter;
        lo.ndmin = 2;
        const char *com = opts.comments ? opts.comments : "#";
        bool any = false; /* a line with data (loadtxt calls a chunk without one empty) */
        for (size_t a = 0; a < n && !any;) {
            size_t e = a;
            while (e < n && buf[e] != '\n') e++;
            any = !skippable_line(buf + a, buf + e, com);
            a = e + 1;
        }
        if (any) {
            mine = nd_loadtxt_buffer(buf, n, &lo);
        } else {
            ptrdiff_t z[2] = { 0, 0 };
            mine = nd_empty(2, z, opts.dtype ? (nd_dtype)opts.dtype : ND_FLOAT64);
        }
        if (!mine) st = nd_last_error();
        else if (nd_ndim(mine) != 2)
            st = nd_set_error(ND_EVALUE, "%s: %s: the rows did not parse as a 2-D table", who, p);
    }
    if ((st = nd__dist_agree(c, st)) != ND_OK) goto done;
    nd_free_mem(buf);
    buf = NULL;
    long long me[2] = { nd_shape(mine)[0], nd_shape(mine)[1] };
    if ((st = nd__mpi_status(MPI_Allgather(me, 2, MPI_LONG_LONG, rows, 2, MPI_LONG_LONG, c), who,
                             "MPI_Allgather")) != ND_OK)
        goto done;
    /* The column count: every rank holding rows must agree (else the file is ragged). */
    long long cols = -1, total = 0;
    int crank = 0;
    for (int r = 0; r < np; r++) {
        total += rows[2 * r];
        if (rows[2 * r] == 0) continue;
        if (cols < 0) {
            cols = rows[2 * r + 1];
            crank = r;
        } else if (rows[2 * r + 1] != cols && st == ND_OK) {
            st = nd_set_error(ND_EPARSE, "%s: %s: the rows read by rank %d have %lld columns, those read by "
                              "rank %d have %lld", who, p, crank, cols, r, rows[2 * r + 1]);
        }
    }
    if (cols < 0) cols = ci.probe_cols; /* no data rows at all: the header's columns */
    if (st == ND_OK && total > INT_MAX) st = nd_set_error(ND_EVALUE, "%s: %s: more than INT_MAX rows", who, p);
    if ((st = nd__dist_agree(c, st)) != ND_OK) goto done;
    nd_dtype dt = nd_dtype_of(mine);
    ptrdiff_t gshape[2] = { (ptrdiff_t)total, (ptrdiff_t)cols };
    nd_distribution b0 = nd_dist_block(0);
    if ((st = nd__dist_new(c, 2, gshape, dt, &b0, &d, who)) != ND_OK) goto done;
    /* Rebalance to the standard block layout: one MPI_Alltoallv of whole rows. */
    size_t rowb = nd_dtype_size(dt) * (size_t)cols;
    sc = nd_calloc(4 * (size_t)np, sizeof(int), who);
    st = sc ? ND_OK : ND_ENOMEM;
    if ((st = nd__dist_agree(c, st)) != ND_OK) goto done;
    if (rowb > 0) {
        sd = sc + np;
        rc = sd + np;
        rd = rc + np;
        long long first = 0;
        for (int r = 0; r < rank; r++) first += rows[2 * r];
        long long mylo = first, myhi = first + rows[2 * rank];
        long long b = d->dist.block;
        for (int t = 0; t < np; t++) {
            long long tlo = (long long)t * b, thi = tlo + b > total ? total : tlo + b;
            if (tlo > total) tlo = total;
            long long a = mylo > tlo ? mylo : tlo, e = myhi < thi ? myhi : thi;
            sc[t] = e > a ? (int)(e - a) : 0;
            sd[t] = e > a ? (int)(a - mylo) : 0;
        }
        long long dlo = d->offset[0], dhi = dlo + nd_shape(d->local)[0], acc = 0;
        for (int r = 0; r < np; r++) {
            long long slo = acc, shi = acc + rows[2 * r];
            acc = shi;
            long long a = slo > dlo ? slo : dlo, e = shi < dhi ? shi : dhi;
            rc[r] = e > a ? (int)(e - a) : 0;
            rd[r] = e > a ? (int)(a - dlo) : 0;
        }
        st = nd__dist_byte_type(rowb, &rowt, who);
        if ((st = nd__dist_agree(c, st)) != ND_OK) goto done;
        st = nd__mpi_status(MPI_Alltoallv(nd_data(mine), sc, sd, rowt, nd_data(d->local), rc, rd, rowt, c),
                                who, "MPI_Alltoallv");
    }
    st = nd__dist_agree(c, st);
done:
    if (rowt != MPI_DATATYPE_NULL) MPI_Type_free(&rowt);
    if (opened) MPI_File_close(&fh);
    nd_free_mem(sc);
    nd_free(mine);
    nd_free_mem(buf);
    nd_free_mem(starts);
    nd_free_mem(rows);
    nd_free_mem(p);
    free_comm(&c);
    if (st != ND_OK) {
        nd_dist_free(d);
        return NULL;
    }
    return d;
}
