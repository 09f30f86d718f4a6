/* Helpers shared by the I/O suites: the value formulas of tests/data/io/gen_fixtures.py
 * and scratch files. Header-only (each test_io_*.c is its own executable). */
#ifndef NUMC_TEST_IO_COMMON_H
#define NUMC_TEST_IO_COMMON_H

#include <numc/io.h>
#include <numc/numc.h>

#include <dirent.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#define IO_DATA NUMC_TEST_DATA "/io"

static const nd_dtype io_all_dtypes[] = { ND_BOOL,   ND_INT8,   ND_INT16,     ND_INT32,
                                          ND_INT64,  ND_UINT8,  ND_UINT16,    ND_UINT32,
                                          ND_UINT64, ND_FLOAT32, ND_FLOAT64, ND_COMPLEX64,
                                          ND_COMPLEX128 };
#define IO_NDTYPES 13

static inline double io_fval(long k) { return (k * 3 - 7) / 4.0 + (1.0 / 3.0) * k; }

/* Element k of the fixture formula, as the bytes of one element of dt. */
static inline void io_expected(nd_dtype dt, long k, void *out)
{
    size_t isz = nd_dtype_size(dt);
    if (dt == ND_BOOL) {
        *(unsigned char *)out = k % 3 == 0;
    } else if (nd_dtype_is_integer(dt)) {
        uint64_t v = (uint64_t)k * UINT64_C(0x0123456789ABCDEF) - 100u;
        /* little-endian host: the low isz bytes are the value wrapped to the width */
        memcpy(out, &v, isz);
    } else if (dt == ND_FLOAT64) {
        double d = io_fval(k);
        memcpy(out, &d, 8);
    } else if (dt == ND_FLOAT32) {
        float f = (float)io_fval(k);
        memcpy(out, &f, 4);
    } else if (dt == ND_COMPLEX128) {
        double c[2] = { io_fval(k), io_fval(k + 100) };
        memcpy(out, c, 16);
    } else {
        float c[2] = { (float)io_fval(k), (float)io_fval(k + 100) };
        memcpy(out, c, 8);
    }
}

/* True when every element of a (any layout), in C order, matches the formula. */
static inline bool io_matches_formula(const nd_array *a)
{
    nd_dtype dt = nd_dtype_of(a);
    size_t isz = nd_dtype_size(dt);
    nd_array *c = nd_copy(a, ND_ORDER_C);
    if (!c) return false;
    const unsigned char *p = nd_data(c);
    bool ok = true;
    for (ptrdiff_t k = 0; k < nd_size(c) && ok; k++) {
        unsigned char want[16];
        io_expected(dt, (long)k, want);
        ok = memcmp(p + (size_t)k * isz, want, isz) == 0;
    }
    nd_free(c);
    return ok;
}

/* A fresh scratch directory (removed by io_rmtree). */
static inline char *io_tmpdir(void)
{
    static char buf[256];
    const char *base = getenv("TMPDIR") ? getenv("TMPDIR") : "/tmp";
    snprintf(buf, sizeof buf, "%s/numc-io-XXXXXX", base);
    return mkdtemp(buf) ? strdup(buf) : NULL;
}

static inline void io_rmtree(const char *dir)
{
    DIR *d = opendir(dir);
    if (!d) return;
    struct dirent *e;
    char p[4096];
    while ((e = readdir(d))) {
        if (!strcmp(e->d_name, ".") || !strcmp(e->d_name, "..")) continue;
        if ((size_t)snprintf(p, sizeof p, "%s/%s", dir, e->d_name) >= sizeof p) continue;
        struct stat st;
        if (lstat(p, &st) == 0 && S_ISDIR(st.st_mode)) io_rmtree(p);
        else unlink(p);
    }
    closedir(d);
    rmdir(dir);
}

/* The suite's scratch directory: made before the first test, removed after the last
 * (ND_TEST_MAIN_WITH(name, tests, io_scratch_setup, io_scratch_teardown)). */
static char *tmp;

static inline int io_scratch_setup(void)
{
    tmp = io_tmpdir();
    return tmp ? 0 : 1;
}

static inline int io_scratch_teardown(void)
{
    io_rmtree(tmp);
    free(tmp);
    tmp = NULL;
    return 0;
}

/* Number of entries in a directory (to check no temporary file was left behind). */
static inline int io_count_entries(const char *dir)
{
    DIR *d = opendir(dir);
    if (!d) return -1;
    int n = 0;
    struct dirent *e;
    while ((e = readdir(d)))
        if (strcmp(e->d_name, ".") && strcmp(e->d_name, "..")) n++;
    closedir(d);
    return n;
}

/* Whole file into malloc'd memory. */
static inline unsigned char *io_slurp(const char *path, size_t *n)
{
    FILE *f = fopen(path, "rb");
    if (!f) return NULL;
    fseek(f, 0, SEEK_END);
    long len = ftell(f);
    fseek(f, 0, SEEK_SET);
    unsigned char *b = malloc((size_t)len + 1);
    if (b && fread(b, 1, (size_t)len, f) != (size_t)len) {
        free(b);
        b = NULL;
    }
    fclose(f);
    if (b) *n = (size_t)len;
    return b;
}

static inline bool io_write_file(const char *path, const void *data, size_t n)
{
    FILE *f = fopen(path, "wb");
    if (!f) return false;
    bool ok = fwrite(data, 1, n, f) == n;
    return fclose(f) == 0 && ok;
}

static inline bool io_same_shape(const nd_array *a, int ndim, const ptrdiff_t *shape)
{
    if (nd_ndim(a) != ndim) return false;
    for (int i = 0; i < ndim; i++)
        if (nd_shape(a)[i] != shape[i]) return false;
    return true;
}

/* Bitwise equality of two arrays' elements (C order), same dtype and shape. */
static inline bool io_bits_equal(const nd_array *a, const nd_array *b)
{
    if (!a || !b || nd_dtype_of(a) != nd_dtype_of(b) || !io_same_shape(a, nd_ndim(b), nd_shape(b)))
        return false;
    nd_array *ca = nd_copy(a, ND_ORDER_C), *cb = nd_copy(b, ND_ORDER_C);
    bool ok = ca && cb && memcmp(nd_data(ca), nd_data(cb), nd_nbytes(ca)) == 0;
    nd_free(ca);
    nd_free(cb);
    return ok;
}

#endif
