/* Nothing destroyed, nothing lost: every save (nd_save, nd_savez, nd_savetxt,
 * nplot_savefig as PNG, SVG and PDF) goes through nd_file_writer. A full disk
 * (/dev/full) is an error; a save that fails half-way leaves an existing file as it was
 * and no temporary behind; a symbolic link is followed and stays a link; a FIFO is
 * written through, not replaced; /dev/null stays a character device. */
#define _POSIX_C_SOURCE 200809L
#include <numc/numc.h>
#include <numc/plot.h>

#include <fcntl.h>
#include <signal.h>
#include <sys/stat.h>
#include <sys/types.h>
#include <sys/wait.h>

#include "faultsim.h"
#include "test_io_common.h"
#include "testutil.h"

enum { NPY, NPZ, NPZ_DEFLATE, TXT, PNG, SVG, PDF, NKINDS };
static const char *kind_name[NKINDS] = { "npy", "npz", "npz-deflate", "txt", "png", "svg", "pdf" };

static nd_array *sample(void)
{
    return nd_arange(0, 12, 1, ND_FLOAT64);
}

/* Save something of `kind` to `path`. */
static nd_status save_kind(int kind, const char *path)
{
    nd_status st = ND_OK;
    if (kind >= PNG) {
        nplot_figure *fig = nplot_figure_new(.width = 2, .height = 1.5, .dpi = 30);
        nplot_axes *ax = fig ? nplot_subplot(fig, 1, 1, 1) : NULL;
        double y[3] = { 1, 3, 2 };
        if (!ax || nplot_plot_xy(ax, NULL, y, 3) < 0) st = nd_last_error();
        if (st == ND_OK)
            st = nplot_savefig(fig, path, .format = kind == PNG ? "png" : kind == SVG ? "svg" : "pdf");
        nplot_figure_free(fig);
        return st;
    }
    nd_array *a = sample();
    if (!a) return nd_last_error();
    const char *names[] = { "a" };
    const nd_array *arrays[] = { a };
    switch (kind) {
    case NPY: st = nd_save(path, a); break;
    case NPZ: st = nd_savez(path, 1, names, arrays); break;
    case NPZ_DEFLATE: st = nd_savez_compressed(path, 1, names, arrays); break;
    default: st = nd_savetxt(path, a, .fmt = "%g"); break;
    }
    nd_free(a);
    return st;
}

static bool is_chardev(const char *path)
{
    struct stat st;
    return stat(path, &st) == 0 && S_ISCHR(st.st_mode);
}

static void test_full_disk_is_an_error(void)
{
    if (!is_chardev("/dev/full")) {
        printf("(no /dev/full) ");
        return;
    }
    for (int k = 0; k < NKINDS; k++) {
        nd_clear_error();
        nd_status st = save_kind(k, "/dev/full");
        if (st != ND_EIO) printf("\n  %s to /dev/full: %d %s", kind_name[k], (int)st, nd_errmsg());
        CU_ASSERT_EQUAL(st, ND_EIO);
        CU_ASSERT(strstr(nd_errmsg(), "no space left on device") != NULL);
        CU_ASSERT(strstr(nd_errmsg(), "/dev/full") != NULL);
    }
    CU_ASSERT(is_chardev("/dev/full"));
}

/* ---- a save failing half-way keeps the old file ------------------------------------- */
static const char old_content[] = "the old content\n";

typedef struct keep_ctx {
    int kind;
    char path[512];
    bool broken; /* the old file was damaged or a temporary left behind */
} keep_ctx;

static bool old_file_intact(const char *path)
{
    size_t n = 0;
    unsigned char *b = io_slurp(path, &n);
    bool ok = b && n == sizeof old_content - 1 && memcmp(b, old_content, n) == 0;
    free(b);
    return ok && io_count_entries(tmp) == 1;
}

static nd_status save_over_old(void *ctx)
{
    keep_ctx *c = ctx;
    nd_status st = save_kind(c->kind, c->path);
    if (st != ND_OK) {
        if (!old_file_intact(c->path)) c->broken = true;
        return st;
    }
    bool replaced = !old_file_intact(c->path) && io_count_entries(tmp) == 1;
    if (!replaced || !io_write_file(c->path, old_content, sizeof old_content - 1)) c->broken = true;
    return c->broken ? ND_EVALUE : ND_OK;
}

static void quiet(const char *msg, unsigned bits, void *ctx) { (void)msg, (void)bits, (void)ctx; }

static void test_failed_save_keeps_old_file(void)
{
    nd_seterrcall(quiet, NULL); /* plotting warns about each failed allocation */
    for (int k = 0; k < NKINDS; k++) {
        keep_ctx c = { .kind = k };
        snprintf(c.path, sizeof c.path, "%s/out.%s", tmp, kind_name[k]);
        CU_ASSERT_FATAL(io_write_file(c.path, old_content, sizeof old_content - 1));
        faultsim_report r = faultsim_run(kind_name[k], save_over_old, &c);
        if (!r.ok || c.broken) printf("\n  %s: %s%s", kind_name[k], r.why, c.broken ? " (old file damaged)" : "");
        CU_ASSERT(r.ok);
        CU_ASSERT_FALSE(c.broken);
        unlink(c.path);
    }
    nd_seterrcall(NULL, NULL);
}

static void test_writer_abort_and_commit(void)
{
    char path[512];
    snprintf(path, sizeof path, "%s/w.bin", tmp);
    CU_ASSERT_FATAL(io_write_file(path, old_content, sizeof old_content - 1));
    CU_ASSERT_EQUAL(chmod(path, 0640), 0);
    int before = io_count_entries(tmp);
    nd_file_writer *w = nd_file_writer_open(path, "test");
    CU_ASSERT_PTR_NOT_NULL_FATAL(w);
    CU_ASSERT_EQUAL(nd_file_writer_write(w, "new", 3), ND_OK);
    nd_file_writer_abort(w);
    CU_ASSERT(old_file_intact(path));
    size_t n = 0;
    unsigned char *b;

    w = nd_file_writer_open(path, "test");
    CU_ASSERT_PTR_NOT_NULL_FATAL(w);
    CU_ASSERT_EQUAL(nd_file_writer_write(w, "new", 3), ND_OK);
    CU_ASSERT_EQUAL(nd_file_writer_commit(w), ND_OK);
    b = io_slurp(path, &n);
    CU_ASSERT(b && n == 3 && memcmp(b, "new", 3) == 0);
    free(b);
    struct stat st;
    CU_ASSERT(stat(path, &st) == 0 && (st.st_mode & 07777) == 0640); /* permissions kept */
    CU_ASSERT_EQUAL(io_count_entries(tmp), before);

    /* errors: a directory, a missing directory, NULL */
    CU_ASSERT_PTR_NULL(nd_file_writer_open(tmp, "test"));
    CU_ASSERT(nd_last_error() == ND_EIO && strstr(nd_errmsg(), "is a directory"));
    snprintf(path, sizeof path, "%s/no/such/dir.npy", tmp);
    CU_ASSERT_EQUAL(save_kind(NPY, path), ND_EIO);
    CU_ASSERT(strstr(nd_errmsg(), "no such file or directory") != NULL);
    CU_ASSERT_PTR_NULL(nd_file_writer_open(NULL, NULL));
    CU_ASSERT_EQUAL(nd_last_error(), ND_EVALUE);
    nd_file_writer_abort(NULL);
    if (geteuid() != 0) { /* root may write anything */
        snprintf(path, sizeof path, "%s/w.bin", tmp);
        CU_ASSERT_EQUAL(chmod(path, 0444), 0);
        CU_ASSERT_EQUAL(save_kind(NPY, path), ND_EIO);
        CU_ASSERT(strstr(nd_errmsg(), "permission denied") != NULL);
    }
    snprintf(path, sizeof path, "%s/w.bin", tmp);
    unlink(path);
}

static void test_symlink_is_followed(void)
{
    char target[512], link[512], dangling[512], created[512];
    snprintf(target, sizeof target, "%s/target.npy", tmp);
    snprintf(link, sizeof link, "%s/link.npy", tmp);
    snprintf(dangling, sizeof dangling, "%s/dangling.npy", tmp);
    snprintf(created, sizeof created, "%s/created.npy", tmp);
    CU_ASSERT_FATAL(io_write_file(target, old_content, sizeof old_content - 1));
    CU_ASSERT_EQUAL_FATAL(symlink("target.npy", link), 0);
    for (int k = 0; k < NKINDS; k++) {
        CU_ASSERT_EQUAL(save_kind(k, link), ND_OK);
        struct stat st;
        CU_ASSERT(lstat(link, &st) == 0 && S_ISLNK(st.st_mode));
        CU_ASSERT(lstat(target, &st) == 0 && S_ISREG(st.st_mode) && st.st_size > 20);
    }
    CU_ASSERT_EQUAL(save_kind(NPY, link), ND_OK);
    nd_array *a = nd_load(target), *want = sample();
    CU_ASSERT(io_bits_equal(a, want));
    nd_free(a);
    nd_free(want);
    /* a dangling link creates its target */
    CU_ASSERT_EQUAL(symlink("created.npy", dangling), 0);
    CU_ASSERT_EQUAL(save_kind(NPY, dangling), ND_OK);
    struct stat st;
    CU_ASSERT(lstat(dangling, &st) == 0 && S_ISLNK(st.st_mode));
    CU_ASSERT(lstat(created, &st) == 0 && S_ISREG(st.st_mode));
    CU_ASSERT_EQUAL(io_count_entries(tmp), 4); /* no temporaries */
    unlink(link), unlink(target), unlink(dangling), unlink(created);
}

/* /proc/self/fd/N (what /dev/stdout points to) names an open file, not a path: it is
 * written in place, so the file the descriptor refers to gets the data. */
static void test_proc_fd_link_written_in_place(void)
{
    char path[512], via[64];
    snprintf(path, sizeof path, "%s/held.npy", tmp);
    int fd = open(path, O_RDWR | O_CREAT | O_TRUNC, 0600);
    CU_ASSERT_FATAL(fd >= 0);
    struct stat before, after;
    CU_ASSERT_EQUAL(fstat(fd, &before), 0);
    snprintf(via, sizeof via, "/proc/self/fd/%d", fd);
    CU_ASSERT_EQUAL(save_kind(NPY, via), ND_OK);
    CU_ASSERT(stat(path, &after) == 0 && after.st_ino == before.st_ino);
    nd_array *a = nd_load(path), *want = sample();
    CU_ASSERT(io_bits_equal(a, want));
    nd_free(a);
    nd_free(want);
    close(fd);
    CU_ASSERT_EQUAL(io_count_entries(tmp), 1);
    unlink(path);
}

/* Save `kind` into a FIFO read by a child process; returns the bytes the child got (-1
 * on failure) and the status through *st. */
static long save_through_fifo(int kind, const char *fifo, const char *copy, nd_status *st)
{
    pid_t pid = fork();
    if (pid == 0) {
        alarm(20); /* never hang the suite */
        int in = open(fifo, O_RDONLY), out = open(copy, O_WRONLY | O_CREAT | O_TRUNC, 0600);
        char buf[4096];
        ssize_t k;
        while (in >= 0 && out >= 0 && (k = read(in, buf, sizeof buf)) > 0)
            if (write(out, buf, (size_t)k) != k) _exit(2);
        _exit(in >= 0 && out >= 0 ? 0 : 1);
    }
    if (pid < 0) return -1;
    alarm(20);
    *st = save_kind(kind, fifo);
    alarm(0);
    int status = 0;
    waitpid(pid, &status, 0);
    struct stat sb;
    if (!WIFEXITED(status) || WEXITSTATUS(status) != 0 || stat(copy, &sb) != 0) return -1;
    return (long)sb.st_size;
}

static bool fifo_ok; /* the FIFO test passed: the writer does not replace special files */

static void test_fifo_is_written_through(void)
{
    char fifo[512], copy[512];
    snprintf(fifo, sizeof fifo, "%s/pipe", tmp);
    snprintf(copy, sizeof copy, "%s/copy", tmp);
    CU_ASSERT_EQUAL_FATAL(mkfifo(fifo, 0600), 0);
    bool ok = true;
    for (int k = 0; k < NKINDS; k++) {
        nd_status st = ND_OK;
        long n = save_through_fifo(k, fifo, copy, &st);
        struct stat sb;
        bool still_fifo = lstat(fifo, &sb) == 0 && S_ISFIFO(sb.st_mode);
        CU_ASSERT(still_fifo);
        ok = ok && still_fifo;
        if (k == NPZ || k == NPZ_DEFLATE) { /* written with seeks: refused, nothing sent */
            CU_ASSERT_EQUAL(st, ND_EIO);
            CU_ASSERT(strstr(nd_errmsg(), "pipe") != NULL);
            CU_ASSERT_EQUAL(n, 0);
        } else {
            if (st != ND_OK) printf("\n  %s: %s", kind_name[k], nd_errmsg());
            CU_ASSERT_EQUAL(st, ND_OK);
            CU_ASSERT(n > 20);
        }
        if (k == NPY) {
            nd_array *a = nd_load(copy), *want = sample();
            CU_ASSERT(io_bits_equal(a, want));
            nd_free(a);
            nd_free(want);
        }
        unlink(copy);
    }
    CU_ASSERT_EQUAL(io_count_entries(tmp), 1);
    unlink(fifo);
    fifo_ok = ok;
}

static void test_dev_null_stays_a_device(void)
{
    if (!fifo_ok || !is_chardev("/dev/null")) {
        printf("(skipped) ");
        return;
    }
    for (int k = 0; k < NKINDS; k++) {
        CU_ASSERT_EQUAL(save_kind(k, "/dev/null"), ND_OK);
        CU_ASSERT_FATAL(is_chardev("/dev/null"));
    }
}

static const ND_TEST tests[] = {
    ND_T(test_full_disk_is_an_error),
    ND_T(test_failed_save_keeps_old_file),
    ND_T(test_writer_abort_and_commit),
    ND_T(test_symlink_is_followed),
    ND_T(test_proc_fd_link_written_in_place),
    ND_T(test_fifo_is_written_through),
    ND_T(test_dev_null_stays_a_device),
    { 0 }
};

ND_TEST_MAIN_WITH("safe_save", tests, io_scratch_setup, io_scratch_teardown)
