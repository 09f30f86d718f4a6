/* Files for the I/O module: whole-file reads with clear errors, and saves that go
 * through a temporary file renamed over the target so no partial file remains. */
#include "io_internal.h"

#include <errno.h>
#include <fcntl.h>
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

char *nd__read_file(const char *path, size_t *n, size_t pad, const char *who)
{
    if (!path) {
        nd_set_error(ND_EVALUE, "%s: path is NULL", who);
        return NULL;
    }
    int fd = open(path, O_RDONLY | O_CLOEXEC);
    if (fd < 0) {
        nd__io_errno(errno, who, "open", path);
        return NULL;
    }
    char *buf = NULL;
    struct stat st;
    if (fstat(fd, &st) != 0) {
        nd__io_errno(errno, who, "read", path);
        goto fail;
    }
    if (S_ISDIR(st.st_mode)) {
        nd__io_errno(EISDIR, who, "read", path);
        goto fail;
    }
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

nd_status nd__atomic_open(nd__atomic_file *af, const char *path, const char *who)
{
    static _Thread_local unsigned counter;
    memset(af, 0, sizeof *af);
    af->path = path;
    af->who = who;
    if (!path || !*path) return nd_set_error(ND_EVALUE, "%s: empty path", who);
    struct stat st;
    if (stat(path, &st) == 0 && S_ISDIR(st.st_mode)) return nd__io_errno(EISDIR, who, "write", path);
    size_t n = strlen(path) + 64;
    af->tmp = nd_malloc(n, who);
    if (!af->tmp) return ND_ENOMEM;
    /* O_EXCL with a fresh name rather than mkstemp: the file gets the usual 0666 & ~umask
     * permissions once renamed, like a file NumPy writes. */
    for (int attempt = 0; attempt < 100; attempt++) {
        snprintf(af->tmp, n, "%s.tmp%ld.%u", path, (long)getpid(), counter++);
        int fd = open(af->tmp, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0666);
        if (fd < 0) {
            if (errno == EEXIST) continue;
            nd_status s = nd__io_errno(errno, who, "write", path);
            nd_free_mem(af->tmp);
            af->tmp = NULL;
            return s;
        }
        af->f = fdopen(fd, "wb");
        if (!af->f) {
            nd_status s = nd__io_errno(errno, who, "write", path);
            close(fd);
            unlink(af->tmp);
            nd_free_mem(af->tmp);
            af->tmp = NULL;
            return s;
        }
        return ND_OK;
    }
    nd_free_mem(af->tmp);
    af->tmp = NULL;
    return nd_set_error(ND_EIO, "%s: cannot create a temporary file next to '%s'", who, path);
}

nd_status nd__atomic_write(void *ctx, const void *data, size_t n)
{
    nd__atomic_file *af = ctx;
    if (n && fwrite(data, 1, n, af->f) != n)
        return nd__io_errno(errno ? errno : EIO, af->who, "write", af->path);
    return ND_OK;
}

void nd__atomic_abort(nd__atomic_file *af)
{
    if (af->f) fclose(af->f);
    if (af->tmp) {
        unlink(af->tmp);
        nd_free_mem(af->tmp);
    }
    af->f = NULL;
    af->tmp = NULL;
}

nd_status nd__atomic_commit(nd__atomic_file *af)
{
    int e = 0;
    if (fflush(af->f) != 0 || ferror(af->f)) e = errno ? errno : EIO;
    if (fclose(af->f) != 0 && !e) e = errno ? errno : EIO;
    af->f = NULL;
    if (!e && rename(af->tmp, af->path) != 0) e = errno;
    if (e) {
        nd_status s = nd__io_errno(e, af->who, "write", af->path);
        nd__atomic_abort(af);
        return s;
    }
    nd_free_mem(af->tmp);
    af->tmp = NULL;
    return ND_OK;
}

const char *nd__map_file(const char *path, size_t *n, nd__mapped *m, const char *who)
{
    m->map = NULL;
    m->buf = NULL;
    m->len = 0;
    if (!path) {
        nd_set_error(ND_EVALUE, "%s: path is NULL", who);
        return NULL;
    }
    int fd = open(path, O_RDONLY | O_CLOEXEC);
    if (fd < 0) {
        nd__io_errno(errno, who, "open", path);
        return NULL;
    }
    struct stat st;
    if (fstat(fd, &st) == 0 && S_ISREG(st.st_mode) && st.st_size > 0 &&
        (uint64_t)st.st_size < SIZE_MAX / 2) {
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
