/* Files for the I/O module: whole-file reads with clear errors, and nd_file_writer, the
 * one writer behind every save (npy, npz, text, and numc_plot's savefig). */
#include "io_internal.h"

#include "parallel.h"
#include <numc/threads.h>

#include <errno.h>
#include <fcntl.h>
#include <stdatomic.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <unistd.h>

nd_status nd__io_errno(int e, const char *who, const char *what, const char *path)
{
    const char *why;
    char buf[128];
    switch (e) {
    case ENOENT: why = "no such file or directory"; break;
    case EACCES:
    case EPERM: why = "permission denied"; break;
    case EISDIR: why = "is a directory"; break;
    case ENOTDIR: why = "a component of the path is not a directory"; break;
    case ENOSPC: why = "no space left on device"; break;
    case EROFS: why = "read-only file system"; break;
    default: why = strerror_r(e, buf, sizeof buf); break;
    }
    return nd_set_error(ND_EIO, "%s: cannot %s '%s': %s", who, what, path, why);
}

int nd__open_read(const char *path, struct stat *st, const char *who)
{
    if (!path) {
        nd_set_error(ND_EVALUE, "%s: path is NULL", who);
        return -1;
    }
    int fd = open(path, O_RDONLY | O_CLOEXEC);
    if (fd < 0) {
        nd__io_errno(errno, who, "open", path);
        return -1;
    }
    const int e = fstat(fd, st) != 0 ? errno : S_ISDIR(st->st_mode) ? EISDIR : 0;
    if (e) {
        nd__io_errno(e, who, "read", path);
        close(fd);
        return -1;
    }
    return fd;
}

char *nd__read_file(const char *path, size_t *n, size_t pad, const char *who)
{
    struct stat st;
    int fd = nd__open_read(path, &st, who);
    if (fd < 0) return NULL;
    char *buf = NULL;
    /* Regular files are read in one go; pipes and devices grow the buffer as they go. */
    size_t cap = S_ISREG(st.st_mode) ? (size_t)st.st_size + 1 : 65536, len = 0;
    if (S_ISREG(st.st_mode) && (uint64_t)st.st_size > SIZE_MAX / 2) {
        nd_set_error(ND_ENOMEM, "%s: '%s' is too large to read (%lld bytes)", who, path,
                  (long long)st.st_size);
        goto fail;
    }
    /* `room` counts the block's bytes, the last `pad` of which stay for the terminator */
    size_t room = 0;
    if (nd__buf_reserve(&buf, 0, &room, cap + pad, cap + pad, who) < 0) goto fail;
    for (;;) {
        if (len == room - pad && nd__buf_reserve(&buf, len, &room, room + 1, 0, who) < 0) goto fail;
        ssize_t r = read(fd, buf + len, room - pad - len);
        if (r < 0) {
            if (errno == EINTR) continue;
            nd__io_errno(errno, who, "read", path);
            goto fail;
        }
        if (r == 0) break;
        len += (size_t)r;
    }
    memset(buf + len, 0, pad);
    close(fd);
    *n = len;
    return buf;
fail:
    nd_free_mem(buf);
    close(fd);
    return NULL;
}

/* ---- nd_file_writer ----------------------------------------------------------------
 * Regular (or missing) targets: a temporary file "<target>.tmp<pid>.<n>" in the target's
 * directory, renamed over the target by commit. Anything else (character devices, FIFOs,
 * sockets) is written in place, like numpy.save's open(path, "wb"). Symbolic links are
 * followed first, so the link stays and its target is replaced. */
struct nd_file_writer {
    int fd;
    char *path;      /* as the caller gave it, for messages */
    char *target;    /* the file the data ends up in (symlinks resolved) */
    char *tmp;       /* the temporary file; NULL when writing in place */
    const char *who;
    nd_status err;   /* the first failure; every later call returns it */
    bool seekable;
    size_t len;      /* buffered bytes */
    unsigned char buf[1 << 16];
};

/* Follow symbolic links from `path` (at most 40, like the kernel), dangling ones included:
 * the result names the file that a write through `path` would create or replace. A link
 * under /proc (/dev/stdout → /proc/self/fd/1) names an open file, not a path: *magic is
 * set and the result is `path` itself, to be written in place. */
static char *resolve_links(const char *path, bool *magic, const char *who)
{
    char cur[PATH_MAX], link[PATH_MAX];
    if (strlen(path) >= sizeof cur) {
        nd__io_errno(ENAMETOOLONG, who, "write", path);
        return NULL;
    }
    strcpy(cur, path);
    for (int hops = 0;; hops++) {
        struct stat st;
        if (lstat(cur, &st) != 0 || !S_ISLNK(st.st_mode)) break;
        if ((*magic = strncmp(cur, "/proc/", 6) == 0)) return nd_strdup(path, who);
        ssize_t k = hops < 40 ? readlink(cur, link, sizeof link - 1) : -1;
        if (k < 0) {
            nd__io_errno(hops < 40 ? errno : ELOOP, who, "write", path);
            return NULL;
        }
        link[k] = 0;
        char *slash = strrchr(cur, '/');
        size_t dir = link[0] != '/' && slash ? (size_t)(slash - cur) + 1 : 0;
        if (dir + (size_t)k >= sizeof cur) {
            nd__io_errno(ENAMETOOLONG, who, "write", path);
            return NULL;
        }
        memcpy(cur + dir, link, (size_t)k + 1);
    }
    return nd_strdup(cur, who);
}

static nd_status writer_fail(nd_file_writer *w, int e)
{
    if (w->err == ND_OK) w->err = nd__io_errno(e ? e : EIO, w->who, "write", w->path);
    return w->err;
}

static nd_status write_all(nd_file_writer *w, const unsigned char *p, size_t n)
{
    while (n) {
        ssize_t k = write(w->fd, p, n > ((size_t)1 << 30) ? (size_t)1 << 30 : n);
        if (k < 0 && errno == EINTR) continue;
        if (k <= 0) return writer_fail(w, k < 0 ? errno : ENOSPC);
        p += k;
        n -= (size_t)k;
    }
    return ND_OK;
}

static nd_status writer_flush(nd_file_writer *w)
{
    size_t n = w->len;
    w->len = 0;
    return w->err ? w->err : write_all(w, w->buf, n);
}

/* Create the temporary file next to `target`, with the permission bits (and, where
 * allowed, the owner and group) of the file it replaces (`st`, NULL when there is none)
 * or the usual 0666 & ~umask. */
static nd_status open_temp(nd_file_writer *w, const struct stat *st)
{
    static _Thread_local unsigned counter;
    size_t n = strlen(w->target) + 64;
    if (!(w->tmp = nd_malloc(n, w->who))) return ND_ENOMEM;
    for (int attempt = 0; attempt < 100; attempt++) {
        snprintf(w->tmp, n, "%s.tmp%ld.%u", w->target, (long)getpid(), counter++);
        w->fd = open(w->tmp, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0666);
        if (w->fd >= 0) {
            if (st && (st->st_uid != geteuid() || st->st_gid != getegid()) &&
                fchown(w->fd, st->st_uid, st->st_gid) != 0) {
                /* not allowed (only root may give a file away): the new file is ours */
            }
            if (st && fchmod(w->fd, st->st_mode & 07777) != 0) return writer_fail(w, errno);
            return ND_OK;
        }
        if (errno != EEXIST) break;
    }
    int e = errno;
    nd_free_mem(w->tmp);
    w->tmp = NULL;
    return e == EEXIST ? nd_set_error(ND_EIO, "%s: cannot create a temporary file next to '%s'",
                                      w->who, w->path)
                       : writer_fail(w, e);
}

nd_file_writer *nd_file_writer_open(const char *path, const char *who)
{
    if (!who) who = "nd_file_writer_open";
    if (!path || !*path) return ND_FAIL(ND_EVALUE, "%s: empty path", who);
    nd_file_writer *w = nd_malloc(sizeof *w, who);
    if (!w) return NULL;
    *w = (nd_file_writer){ .fd = -1, .who = who };
    bool magic = false;
    if (!(w->path = nd_strdup(path, who)) || !(w->target = resolve_links(path, &magic, who)))
        goto fail;
    struct stat st;
    bool exists = stat(w->target, &st) == 0;
    if (exists && S_ISDIR(st.st_mode)) {
        writer_fail(w, EISDIR);
    } else if (magic || (exists && !S_ISREG(st.st_mode))) {
        /* a device, FIFO or /proc link: written in place (opening a FIFO waits for a reader) */
        int flags = O_WRONLY | O_CLOEXEC | (exists && !S_ISREG(st.st_mode) ? 0 : O_CREAT | O_TRUNC);
        while ((w->fd = open(w->target, flags, 0666)) < 0 && errno == EINTR) {}
        if (w->fd < 0) writer_fail(w, errno);
        w->seekable = w->fd >= 0 && lseek(w->fd, 0, SEEK_CUR) >= 0;
    } else if (exists && access(w->target, W_OK) != 0) {
        writer_fail(w, errno); /* replacing a read-only file would bypass its protection */
    } else {
        open_temp(w, exists ? &st : NULL);
        w->seekable = true;
    }
    if (w->err == ND_OK && w->fd >= 0) return w;
fail:
    nd_file_writer_abort(w);
    return NULL;
}

nd_status nd_file_writer_write(nd_file_writer *w, const void *data, size_t n)
{
    if (!w) return nd_set_error(ND_EVALUE, "nd_file_writer_write: writer is NULL");
    if (w->err) return w->err;
    if (w->len + n > sizeof w->buf && writer_flush(w) < 0) return w->err;
    if (n >= sizeof w->buf) return write_all(w, data, n);
    if (n) memcpy(w->buf + w->len, data, n);
    w->len += n;
    return ND_OK;
}

bool nd__file_writer_seekable(const nd_file_writer *w) { return w->seekable; }

nd_status nd__file_writer_patch(nd_file_writer *w, uint64_t off, const void *data, size_t n)
{
    if (writer_flush(w) < 0) return w->err;
    ssize_t k;
    while ((k = pwrite(w->fd, data, n, (off_t)off)) < 0 && errno == EINTR) {}
    return k == (ssize_t)n ? ND_OK : writer_fail(w, k < 0 ? errno : ENOSPC);
}

void nd__file_writer_reserve(nd_file_writer *w, uint64_t n)
{
#ifdef FALLOC_FL_KEEP_SIZE
    /* only our own fresh temporary file: a device or FIFO has no blocks to reserve */
    if (w->err || !w->tmp || n == 0 || n > (uint64_t)INT64_MAX) return;
    off_t at = lseek(w->fd, 0, SEEK_CUR);
    if (at >= 0 && fallocate(w->fd, FALLOC_FL_KEEP_SIZE, at + (off_t)w->len, (off_t)n) != 0) {
        /* unsupported (tmpfs before 3.5, NFS...) or short of space: the writes decide */
    }
#else
    (void)w, (void)n;
#endif
}

void nd_file_writer_abort(nd_file_writer *w)
{
    if (!w) return;
    if (w->fd >= 0) close(w->fd);
    if (w->tmp) unlink(w->tmp);
    nd_free_mem(w->tmp);
    nd_free_mem(w->target);
    nd_free_mem(w->path);
    nd_free_mem(w);
}

nd_status nd_file_writer_commit(nd_file_writer *w)
{
    if (!w) return nd_set_error(ND_EVALUE, "nd_file_writer_commit: writer is NULL");
    writer_flush(w);
    if (close(w->fd) != 0 && errno != EINTR) writer_fail(w, errno);
    w->fd = -1;
    if (w->err == ND_OK && w->tmp) {
        if (rename(w->tmp, w->target) != 0) writer_fail(w, errno);
        else nd_free_mem(w->tmp), w->tmp = NULL;
    }
    nd_status st = w->err;
    nd_file_writer_abort(w);
    return st;
}

/* Large regular files are read, not mapped: into one block (from 4 MiB the default
 * allocator gives it whole huge pages), every thread pread()ing its own 2 MiB-aligned
 * share. A mapping faults its 4 KiB pages in one at a time on the thread that first reads
 * them: counting the line ends of a mapped 26 MB file took 22-28 ms, reading it this way
 * and counting took 11 ms on one thread. */
enum { READ_PAR_MIN = 4 << 20, READ_SHARE = 2 << 20, READ_PIECE = 1 << 20 };

typedef struct read_job {
    int fd;
    char *buf;
    size_t size, units;
    ptrdiff_t nshares;
    _Atomic int err;     /* errno of a failed read, or -1 for a file that ended early */
} read_job;

static void read_share(ptrdiff_t b, ptrdiff_t e, ptrdiff_t k, void *arg)
{
    (void)e;
    (void)k;
    read_job *job = arg;
    size_t from = job->units * (size_t)b / (size_t)job->nshares * READ_SHARE,
           to = b == job->nshares - 1 ? job->size
                                      : job->units * (size_t)(b + 1) / (size_t)job->nshares * READ_SHARE;
    while (from < to && !atomic_load(&job->err)) {
        size_t want = to - from < READ_PIECE ? to - from : READ_PIECE;
        ssize_t got = pread(job->fd, job->buf + from, want, (off_t)from);
        if (got < 0 && errno == EINTR) continue;
        if (got <= 0) {
            int none = 0;
            atomic_compare_exchange_strong(&job->err, &none, got < 0 ? (errno ? errno : EIO) : -1);
            return;
        }
        from += (size_t)got;
    }
}

static char *read_parallel(int fd, size_t size, const char *path, const char *who)
{
    char *buf = nd_malloc(size + 1, who);
    if (!buf) return NULL;
    read_job job = { .fd = fd, .buf = buf, .size = size,
                     .units = (size + READ_SHARE - 1) / READ_SHARE };
    int nt = nd_get_num_threads();
    job.nshares = (ptrdiff_t)((size_t)nt < job.units ? (size_t)nt : job.units);
    atomic_init(&job.err, 0);
    nd__parallel_for(job.nshares, 1, read_share, &job);
    int err = atomic_load(&job.err);
    if (err) {
        nd_free_mem(buf);
        if (err > 0) nd__io_errno(err, who, "read", path);
        else
            nd_set_error(ND_EIO, "%s: cannot read '%s': the file ended before its %zu bytes "
                         "(did it change while being read?)", who, path, size);
        return NULL;
    }
    buf[size] = '\0';
    return buf;
}

const char *nd__map_file(const char *path, size_t *n, nd__mapped *m, const char *who)
{
    m->map = NULL;
    m->buf = NULL;
    m->len = 0;
    struct stat st;
    int fd = nd__open_read(path, &st, who);
    if (fd < 0) return NULL;
    if (S_ISREG(st.st_mode) && st.st_size >= READ_PAR_MIN && (uint64_t)st.st_size < SIZE_MAX / 2) {
        m->buf = read_parallel(fd, (size_t)st.st_size, path, who);
        close(fd);
        if (m->buf) *n = (size_t)st.st_size;
        return m->buf;
    }
    if (S_ISREG(st.st_mode) && st.st_size > 0 && (uint64_t)st.st_size < SIZE_MAX / 2) {
        /* Mapping the page cache skips both the copy and the zeroing of a fresh buffer. */
        void *p = mmap(NULL, (size_t)st.st_size, PROT_READ, MAP_PRIVATE | MAP_POPULATE, fd, 0);
        if (p != MAP_FAILED) {
            close(fd);
            m->map = p;
            m->len = (size_t)st.st_size;
            *n = m->len;
            return p;
        }
    }
    close(fd);
    m->buf = nd__read_file(path, n, 1, who);
    return m->buf;
}

void nd__unmap_file(nd__mapped *m)
{
    if (m->map) munmap(m->map, m->len);
    nd_free_mem(m->buf);
    m->map = NULL;
    m->buf = NULL;
}
