/* A regular file's bytes in memory at the speed of both cores: one nd_malloc'd block (from
 * 4 MiB the default allocator gives whole huge pages, so the parse after it takes few page
 * faults and TLB misses), each thread pread()ing its own share and noting, piece by piece
 * while the piece is in cache, which bytes the whole-file checks look for. A mapping was
 * slower on this kind of machine: every 4 KiB page of it faults in one at a time on the
 * thread that first reads it. */
#include "nplot_cli.h"

#include <numc/error.h>
#include <numc/threads.h>

#include <errno.h>
#include <pthread.h>
#include <string.h>
#include <unistd.h>

/* Shares are whole huge pages (each thread faults in its own), pieces fit in L2. */
enum { SHARE_ALIGN = 2 << 20, PIECE = 256 << 10, MAX_SHARES = 16 };

typedef struct share {
    int fd;
    char *dst;
    size_t off, len;
    int err;            /* errno of a failed read */
    bool short_file;    /* the file ended before off + len */
    cli_bytes_seen seen;
} share;

/* Which of the flagged bytes s[0..n) holds (one pass the compiler vectorises). */
static void note_bytes(const unsigned char *s, size_t n, cli_bytes_seen *seen)
{
    unsigned char high = 0, nul = 0, quote = 0;
    for (size_t i = 0; i < n; i++) {
        unsigned char c = s[i];
        high |= c & 0x80;
        nul |= c == 0;
        quote |= c == '"';
    }
    seen->high |= high != 0;
    seen->nul |= nul != 0;
    seen->quote |= quote != 0;
}

static void *read_share(void *arg)
{
    share *sh = arg;
    size_t done = 0;
    while (done < sh->len) {
        size_t want = sh->len - done < PIECE ? sh->len - done : PIECE;
        ssize_t got = pread(sh->fd, sh->dst + done, want, (off_t)(sh->off + done));
        if (got < 0) {
            if (errno == EINTR) continue;
            sh->err = errno ? errno : EIO;
            return NULL;
        }
        if (got == 0) {
            sh->short_file = true;
            return NULL;
        }
        note_bytes((const unsigned char *)sh->dst + done, (size_t)got, &sh->seen);
        done += (size_t)got;
    }
    return NULL;
}

char *cli_read_file(int fd, size_t size, cli_bytes_seen *seen, int *err)
{
    memset(seen, 0, sizeof *seen);
    *err = 0;
    char *buf = nd_malloc(size ? size : 1, "nplot");
    if (!buf) {
        *err = ENOMEM;
        return NULL;
    }
    int n = nd_get_num_threads();
    if (n > MAX_SHARES) n = MAX_SHARES;
    size_t units = (size + SHARE_ALIGN - 1) / SHARE_ALIGN;
    if ((size_t)n > units) n = (int)units;
    if (n < 1) n = 1;
    share sh[MAX_SHARES];
    pthread_t th[MAX_SHARES];
    bool started[MAX_SHARES] = { false };
    for (int i = 0; i < n; i++) {
        size_t a = units * (size_t)i / (size_t)n * SHARE_ALIGN,
               b = i == n - 1 ? size : units * (size_t)(i + 1) / (size_t)n * SHARE_ALIGN;
        sh[i] = (share){ .fd = fd, .dst = buf + a, .off = a, .len = b - a };
    }
    /* Share 0 is read here; a thread that cannot start leaves its share to this one. */
    for (int i = 1; i < n; i++) started[i] = pthread_create(&th[i], NULL, read_share, &sh[i]) == 0;
    read_share(&sh[0]);
    for (int i = 1; i < n; i++) {
        if (started[i]) pthread_join(th[i], NULL);
        else read_share(&sh[i]);
    }
    bool short_file = false;
    for (int i = 0; i < n; i++) {
        if (sh[i].err && !*err) *err = sh[i].err;
        short_file |= sh[i].short_file;
        seen->high |= sh[i].seen.high;
        seen->nul |= sh[i].seen.nul;
        seen->quote |= sh[i].seen.quote;
    }
    if (*err || short_file) {
        nd_free_mem(buf);
        if (!*err) *err = -1;
        return NULL;
    }
    return buf;
}
