/* ndarray.tofile / numpy.fromfile against files written and read by NumPy
 * (tests/data/iorand/raw/ and rawfile.txt, from scripts/gen_iorand_fixtures.py). */
#define _GNU_SOURCE
#include <dirent.h>
#include <numc/io.h>
#include <numc/ufunc.h>
#include <stdio.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "fixture.h"

#define RAW NUMC_TEST_DATA "/iorand/raw/"
#define FX NUMC_TEST_DATA "/iorand/rawfile.txt"

static char dir[] = "/tmp/numc_rawfileXXXXXX";
static char path[512];

static int setup(void) { return mkdtemp(dir) ? 0 : -1; }
static int teardown(void)
{
    char cmd[600];
    snprintf(cmd, sizeof cmd, "rm -rf '%s'", dir);
    return system(cmd) == 0 ? 0 : -1;
}

static const char *tmp(const char *name)
{
    snprintf(path, sizeof path, "%s/%s", dir, name);
    return path;
}

static char *slurp(const char *p, size_t *n)
{
    FILE *f = fopen(p, "rb");
    if (!f) return NULL;
    char *b = malloc(1 << 16);
    *n = fread(b, 1, (1 << 16) - 1, f);
    b[*n] = 0;
    fclose(f);
    return b;
}

/* The file `got` has exactly the bytes of the NumPy reference `ref`. */
static void same_file(const char *got, const char *ref)
{
    size_t n1 = 0, n2 = 0;
    char *a = slurp(got, &n1), *b = slurp(ref, &n2);
    CU_ASSERT_PTR_NOT_NULL_FATAL(a);
    CU_ASSERT_PTR_NOT_NULL_FATAL(b);
    CU_ASSERT_EQUAL(n1, n2);
    bool same = n1 == n2 && memcmp(a, b, n1) == 0;
    if (!same) fprintf(stderr, "\n%s:\n got  '%s'\n want '%s'\n", ref, a, b);
    CU_ASSERT(same);
    free(a);
    free(b);
}

static void test_tofile_binary_matches_numpy(void)
{
    const double v[5] = { 1.5, -2, NAN, INFINITY, 1e-300 };
    nd_array *a = nd_from_f64(v, 5);
    CU_ASSERT_EQUAL(nd_tofile(tmp("f64.bin"), a), ND_OK);
    same_file(path, RAW "f64.bin");
    nd_free(a);
    /* non-contiguous views are written in C order */
    nd_array *i = nd_arange(0, 12, 1, ND_INT32), *m = nd_reshape(i, ND_SHAPE(3, 4));
    nd_array *t = nd_transpose(m);
    CU_ASSERT_EQUAL(nd_tofile(tmp("i32_T.bin"), t), ND_OK);
    same_file(path, RAW "i32_T.bin");
    nd_array *s = nd_arange(0, 10, 1, ND_INT16);
    nd_array *rv = nd_view(s, "::-3");
    CU_ASSERT_PTR_NOT_NULL_FATAL(rv);
    CU_ASSERT_EQUAL(nd_tofile(tmp("i16_neg.bin"), rv), ND_OK);
    same_file(path, RAW "i16_neg.bin");
    nd_free(i);
    nd_free(m);
    nd_free(t);
    nd_free(s);
    nd_free(rv);
}

static off_t file_size(const char *p)
{
    struct stat st;
    return stat(p, &st) == 0 ? st.st_size : -1;
}

/* Binary tofile reserves the file's blocks before writing (fallocate KEEP_SIZE): the
 * file still ends exactly at the data, also when it replaces a longer one or is empty. */
static void test_tofile_binary_sizes_after_reserve(void)
{
    nd_array *big = nd_arange(0, 300000, 1, ND_FLOAT64);
    CU_ASSERT_EQUAL(nd_tofile(tmp("sizes.bin"), big), ND_OK);
    CU_ASSERT_EQUAL(file_size(path), 300000 * 8);
    nd_array *back = nd_fromfile(path);
    CU_ASSERT_EQUAL(nd_size(back), 300000);
    CU_ASSERT_EQUAL(nd_get_f64(back, ND_IDX(299999)), 299999.0);
    nd_free(back);
    nd_array *rv = nd_view(big, "::-100000");   /* strided, reversed: 299999, 199999, 99999 */
    CU_ASSERT_PTR_NOT_NULL_FATAL(rv);
    CU_ASSERT_EQUAL(nd_tofile(tmp("sizes.bin"), rv), ND_OK);
    CU_ASSERT_EQUAL(file_size(path), 3 * 8);
    back = nd_fromfile(path);
    CU_ASSERT_EQUAL(nd_size(back), 3);
    CU_ASSERT_EQUAL(nd_get_f64(back, ND_IDX(0)), 299999.0);
    CU_ASSERT_EQUAL(nd_get_f64(back, ND_IDX(2)), 99999.0);
    nd_free(back);
    nd_array *one = nd_view(big, "7:8");
    CU_ASSERT_EQUAL(nd_tofile(tmp("sizes.bin"), one), ND_OK);
    CU_ASSERT_EQUAL(file_size(path), 8);
    nd_array *none = nd_view(big, "5:5");
    CU_ASSERT_EQUAL(nd_tofile(tmp("sizes.bin"), none), ND_OK);
    CU_ASSERT_EQUAL(file_size(path), 0);
    nd_free(none);
    nd_free(one);
    nd_free(rv);
    nd_free(big);
}

static void test_tofile_text_matches_numpy(void)
{
    const double v[9] = { 1.5, 2, NAN, -INFINITY, 1e-5, 1e20, 0.1, 1e16, 123456789.0 };
    nd_array *a = nd_from_f64(v, 9);
    CU_ASSERT_EQUAL(nd_tofile(tmp("f64_sep.txt"), a, .sep = ", "), ND_OK);
    same_file(path, RAW "f64_sep.txt");
    CU_ASSERT_EQUAL(nd_tofile(tmp("f64_fmt.txt"), a, .sep = "\n", .format = "%.3f"), ND_OK);
    same_file(path, RAW "f64_fmt.txt");
    nd_free(a);
    const int64_t iv[3] = { 1, -2, 300 }, hv[3] = { 26, -26, 255 };
    a = nd_from_buffer(iv, ND_SHAPE(3), ND_INT64);
    CU_ASSERT_EQUAL(nd_tofile(tmp("i64_fmt.txt"), a, .sep = " ", .format = "%5d"), ND_OK);
    same_file(path, RAW "i64_fmt.txt");
    nd_free(a);
    a = nd_from_buffer(hv, ND_SHAPE(3), ND_INT64);
    CU_ASSERT_EQUAL(nd_tofile(tmp("i64_hex.txt"), a, .sep = ";", .format = "<%x>"), ND_OK);
    same_file(path, RAW "i64_hex.txt");
    nd_free(a);
    const bool bv[2] = { true, false };
    a = nd_from_buffer(bv, ND_SHAPE(2), ND_BOOL);
    CU_ASSERT_EQUAL(nd_tofile(tmp("bool.txt"), a, .sep = " "), ND_OK);
    same_file(path, RAW "bool.txt");
    nd_free(a);
    const double cv[8] = { 1, 2, 3, 0, -0.0, -1.5, -0.0, 1 };
    a = nd_from_buffer(cv, ND_SHAPE(4), ND_COMPLEX128);
    CU_ASSERT_EQUAL(nd_tofile(tmp("c128.txt"), a, .sep = " "), ND_OK);
    same_file(path, RAW "c128.txt");
    nd_free(a);
    const float fv[2] = { 1.5f, 0.1f };
    a = nd_from_buffer(fv, ND_SHAPE(2), ND_FLOAT32);
    CU_ASSERT_EQUAL(nd_tofile(tmp("f32.txt"), a, .sep = " "), ND_OK);
    same_file(path, RAW "f32.txt");
    nd_free(a);
    const double dv[2] = { 1.25, -3.75 };
    a = nd_from_f64(dv, 2);
    CU_ASSERT_EQUAL(nd_tofile(tmp("f64_as_int.txt"), a, .sep = ",", .format = "%d%%"), ND_OK);
    same_file(path, RAW "f64_as_int.txt");
    nd_free(a);
    a = nd_zeros(ND_SHAPE(0), ND_FLOAT64);
    CU_ASSERT_EQUAL(nd_tofile(tmp("empty.txt"), a, .sep = " "), ND_OK);
    same_file(path, RAW "empty.txt");
    nd_free(a);
}

static void check_values(nd_array *a, const char *name)
{
    double want[64];
    int n = fixture_values(FX, name, want, 64);
    CU_ASSERT_PTR_NOT_NULL_FATAL(a);
    bool cplx = nd_dtype_is_complex(nd_dtype_of(a));
    CU_ASSERT_EQUAL_FATAL(n, (cplx ? 2 : 1) * nd_size(a));
    double got[64];
    for (ptrdiff_t i = 0; i < nd_size(a); i++) {
        nd_scalar sc;
        CU_ASSERT_EQUAL(nd_get_flat(a, i, &sc), ND_OK);
        if (cplx) {
            got[2 * i] = sc.v.c[0];
            got[2 * i + 1] = sc.v.c[1];
        } else {
            char k = nd_dtype_kind(nd_dtype_of(a));
            got[i] = k == 'b' ? sc.v.b : k == 'i' ? (double)sc.v.i : k == 'u' ? (double)sc.v.u : sc.v.f;
        }
    }
    for (int i = 0; i < n; i++) {
        bool ok = isnan(want[i]) ? isnan(got[i]) : got[i] == want[i];
        if (!ok) fprintf(stderr, "%s[%d]: got %.17g want %.17g\n", name, i, got[i], want[i]);
        CU_ASSERT(ok);
    }
    nd_free(a);
}

static void test_fromfile_binary_matches_numpy(void)
{
    nd_array *a = nd_fromfile(RAW "f64.bin");
    CU_ASSERT_PTR_NOT_NULL_FATAL(a);
    CU_ASSERT_EQUAL(nd_size(a), 5);
    CU_ASSERT_EQUAL(nd_get_f64(a, ND_IDX(0)), 1.5);
    CU_ASSERT(isnan(nd_get_f64(a, ND_IDX(2))));
    CU_ASSERT_EQUAL(nd_get_f64(a, ND_IDX(4)), 1e-300);
    nd_free(a);
    a = nd_fromfile(RAW "i32_T.bin", .dtype = ND_INT32, .count = 3, .offset = 4);
    CU_ASSERT_EQUAL(nd_size(a), 3);
    CU_ASSERT_EQUAL(nd_get_i64(a, ND_IDX(0)), 4);
    CU_ASSERT_EQUAL(nd_get_i64(a, ND_IDX(2)), 1);
    nd_free(a);
    /* 7 bytes as int16: 3 items, the odd byte ignored (NumPy) */
    check_values(nd_fromfile(RAW "odd7.bin", .dtype = ND_INT16), "odd7_i16");
    check_values(nd_fromfile(RAW "odd7.bin", .dtype = ND_INT16, .offset = 3), "odd7_i16_off3");
    check_values(nd_fromfile(RAW "odd7.bin", .dtype = ND_UINT8, .count = 4, .offset = 1),
                 "odd7_u8_count");
    /* more asked than there is: what there is */
    a = nd_fromfile(RAW "odd7.bin", .dtype = ND_INT16, .count = 100);
    CU_ASSERT_EQUAL(nd_size(a), 3);
    nd_free(a);
    a = nd_fromfile(RAW "odd7.bin", .dtype = ND_INT64, .offset = 7);
    CU_ASSERT_EQUAL(nd_size(a), 0);
    nd_free(a);
}

static void test_fromfile_text_matches_numpy(void)
{
    static const struct { const char *name; int dtype; bool b; ptrdiff_t count; const char *sep; } cs[] = {
        { "in_comma", 0, false, 0, "," },
        { "in_space_int", ND_INT64, false, 0, " " },
        { "in_count", 0, false, 2, " " },
        { "in_count_more", 0, false, 5, " " },
        { "in_special", 0, false, 0, " " },
        { "in_comma_space", 0, false, 0, ", " },
        { "in_u8_wrap", ND_UINT8, false, 0, " " },
        { "in_bool", 0, true, 0, " " },
        { "in_x", 0, false, 0, "x" },
        { "in_sat", ND_INT64, false, 0, " " },
        { "in_trailing", 0, false, 0, "," },
        { "in_empty", 0, false, 0, "," },
        { "in_f32", ND_FLOAT32, false, 0, " " },
        { "in_c128", ND_COMPLEX128, false, 0, " " },
    };
    for (size_t i = 0; i < sizeof cs / sizeof cs[0]; i++) {
        char p[256];
        snprintf(p, sizeof p, RAW "%s.txt", cs[i].name);
        nd_array *a = nd_fromfile(p, .dtype = cs[i].dtype, .bool_dtype = cs[i].b,
                                  .count = cs[i].count, .sep = cs[i].sep);
        if (!a) fprintf(stderr, "%s: %s\n", cs[i].name, nd_errmsg());
        if (cs[i].b) CU_ASSERT_EQUAL(nd_dtype_of(a), ND_BOOL);
        if (cs[i].dtype) CU_ASSERT_EQUAL((int)nd_dtype_of(a), cs[i].dtype);
        check_values(a, cs[i].name);
    }
}

static void test_fromfile_unmatched_text_is_an_error(void)
{
    static const struct { const char *name; int dtype; const char *sep; } cs[] = {
        { "err_comma_newline", 0, "," }, { "err_double_sep", 0, "," },
        { "err_float_for_int", ND_INT64, " " }, { "err_hex", 0, " " }, { "err_word", 0, " " },
    };
    for (size_t i = 0; i < sizeof cs / sizeof cs[0]; i++) {
        double w[2];
        CU_ASSERT_EQUAL(fixture_values(FX, cs[i].name, w, 2), 1);   /* NumPy refused it too */
        CU_ASSERT_EQUAL(w[0], -1);
        char p[256];
        snprintf(p, sizeof p, RAW "%s.txt", cs[i].name);
        CU_ASSERT_PTR_NULL(nd_fromfile(p, .dtype = cs[i].dtype, .sep = cs[i].sep));
        CU_ASSERT_EQUAL(nd_last_error(), ND_EPARSE);
        CU_ASSERT_PTR_NOT_NULL(strstr(nd_errmsg(), "unmatched data"));
        CU_ASSERT_PTR_NOT_NULL(strstr(nd_errmsg(), cs[i].name));
    }
}

static void test_fromfile_errors(void)
{
    CU_ASSERT_PTR_NULL(nd_fromfile(RAW "no_such_file.bin"));
    CU_ASSERT_EQUAL(nd_last_error(), ND_EIO);
    CU_ASSERT_PTR_NOT_NULL(strstr(nd_errmsg(), "no_such_file.bin"));
    CU_ASSERT_PTR_NULL(nd_fromfile(RAW));
    CU_ASSERT_PTR_NOT_NULL(strstr(nd_errmsg(), "directory"));
    CU_ASSERT_PTR_NULL(nd_fromfile(RAW "odd7.bin", .offset = -1));
    CU_ASSERT_EQUAL(nd_last_error(), ND_EVALUE);
    CU_ASSERT_PTR_NULL(nd_fromfile(RAW "odd7.bin", .offset = 9));
    CU_ASSERT_PTR_NOT_NULL(strstr(nd_errmsg(), "past the end"));
    CU_ASSERT_PTR_NULL(nd_fromfile(RAW "in_x.txt", .sep = "x", .offset = 1));
    CU_ASSERT_PTR_NOT_NULL(strstr(nd_errmsg(), "only permitted for binary"));
    CU_ASSERT_PTR_NULL(nd_fromfile(RAW "odd7.bin", .dtype = 99));
    CU_ASSERT_EQUAL(nd_last_error(), ND_EDTYPE);
    CU_ASSERT_PTR_NULL(nd_fromfile(NULL));
}

static int count_entries(void)
{
    DIR *d = opendir(dir);
    int n = 0;
    for (struct dirent *e; (e = readdir(d));) n += e->d_name[0] != '.';
    closedir(d);
    return n;
}

static void test_failed_tofile_leaves_existing_file(void)
{
    FILE *f = fopen(tmp("keep.txt"), "w");
    fputs("precious", f);
    fclose(f);
    int before = count_entries();
    const double v[3] = { 1, 2, NAN };
    nd_array *a = nd_from_f64(v, 3);
    /* the NaN fails only after two items were formatted */
    CU_ASSERT_EQUAL(nd_tofile(tmp("keep.txt"), a, .sep = " ", .format = "%d"), ND_EVALUE);
    CU_ASSERT_PTR_NOT_NULL(strstr(nd_errmsg(), "nan"));
    size_t n = 0;
    char *s = slurp(tmp("keep.txt"), &n);
    CU_ASSERT_STRING_EQUAL(s, "precious");
    free(s);
    CU_ASSERT_EQUAL(count_entries(), before);   /* no temporary file left behind */
    const double cv[2] = { 1, 2 };
    nd_array *c = nd_from_buffer(cv, ND_SHAPE(1), ND_COMPLEX128);
    CU_ASSERT_EQUAL(nd_tofile(tmp("keep.txt"), c, .sep = " ", .format = "%.2f"), ND_EVALUE);
    CU_ASSERT_PTR_NOT_NULL(strstr(nd_errmsg(), "complex"));
    s = slurp(tmp("keep.txt"), &n);
    CU_ASSERT_STRING_EQUAL(s, "precious");
    free(s);
    /* bad formats */
    CU_ASSERT_EQUAL(nd_tofile(tmp("keep.txt"), a, .sep = " ", .format = "%d %d"), ND_EVALUE);
    CU_ASSERT_PTR_NOT_NULL(strstr(nd_errmsg(), "exactly one"));
    CU_ASSERT_EQUAL(nd_tofile(tmp("keep.txt"), a, .sep = " ", .format = "none"), ND_EVALUE);
    CU_ASSERT_EQUAL(nd_tofile(tmp("keep.txt"), a, .sep = " ", .format = "%q"), ND_EVALUE);
    CU_ASSERT_EQUAL(nd_tofile(tmp("nodir/x.bin"), a), ND_EIO);
    CU_ASSERT_PTR_NOT_NULL(strstr(nd_errmsg(), "nodir/x.bin"));
    CU_ASSERT_EQUAL(nd_tofile(NULL, a), ND_EVALUE);
    CU_ASSERT_EQUAL(count_entries(), before);
    /* and a successful write replaces it; binary round trip */
    CU_ASSERT_EQUAL(nd_tofile(tmp("keep.txt"), a), ND_OK);
    nd_array *b = nd_fromfile(tmp("keep.txt"));
    CU_ASSERT_EQUAL(nd_size(b), 3);
    CU_ASSERT_EQUAL(nd_get_f64(b, ND_IDX(1)), 2.0);
    nd_free(b);
    nd_free(a);
    nd_free(c);
}

static void test_text_round_trip_all_dtypes(void)
{
    for (int dt = ND_INT8; dt <= ND_COMPLEX128; dt++) {
        nd_array *a = nd_arange(0, 50, 3, (nd_dtype)dt);
        CU_ASSERT_EQUAL_FATAL(nd_tofile(tmp("rt.txt"), a, .sep = " , "), ND_OK);
        nd_array *b = nd_fromfile(tmp("rt.txt"), .dtype = dt, .sep = ",");
        CU_ASSERT_PTR_NOT_NULL_FATAL(b);
        CU_ASSERT(nd_array_equal(a, b, false) == 1);
        nd_free(a);
        nd_free(b);
    }
}

static void copy_file(const char *from, const char *to)
{
    size_t n = 0;
    char *b = slurp(from, &n);
    CU_ASSERT_PTR_NOT_NULL_FATAL(b);
    FILE *f = fopen(to, "wb");
    CU_ASSERT_PTR_NOT_NULL_FATAL(f);
    fwrite(b, 1, n, f);
    fclose(f);
    free(b);
}

static void test_open_memmap_create_matches_numpy(void)
{
    const ptrdiff_t sh[2] = { 3, 4 };
    nd_array *m = nd_open_memmap(tmp("mm_w.npy"), .mode = ND_MEMMAP_W_PLUS, .dtype = ND_FLOAT32,
                                 .ndim = 2, .shape = sh);
    CU_ASSERT_PTR_NOT_NULL_FATAL(m);
    CU_ASSERT(nd_is_writeable(m));
    float *d = (float *)nd_data(m);
    for (int i = 0; i < 12; i++) d[i] = (float)i;
    CU_ASSERT_EQUAL(nd_memmap_flush(m), ND_OK);
    same_file(path, RAW "mm_w.npy");                 /* header and data as NumPy's */
    /* a view keeps the mapping alive after the base is freed */
    nd_array *row = nd_view(m, "1");
    nd_free(m);
    nd_set_f64(row, ND_IDX(0), 40.0);
    nd_free(row);                                    /* last reference: flush and unmap */
    nd_array *back = nd_load(tmp("mm_w.npy"));
    CU_ASSERT_EQUAL(nd_get_f64(back, ND_IDX(1, 0)), 40.0);
    CU_ASSERT_EQUAL(nd_get_f64(back, ND_IDX(2, 3)), 11.0);
    nd_free(back);
    const ptrdiff_t sf[2] = { 2, 3 };
    m = nd_open_memmap(tmp("mm_wf.npy"), .mode = ND_MEMMAP_W_PLUS, .dtype = ND_INT16, .ndim = 2,
                       .shape = sf, .fortran_order = true);
    CU_ASSERT_PTR_NOT_NULL_FATAL(m);
    for (int i = 0; i < 2; i++)
        for (int j = 0; j < 3; j++) nd_set_f64(m, ND_IDX(i, j), 3 * i + j + 1);
    nd_free(m);
    same_file(tmp("mm_wf.npy"), RAW "mm_wf.npy");
}

static void test_open_memmap_modes(void)
{
    copy_file(RAW "mm_w.npy", tmp("mm_rw.npy"));
    /* r: read-only view of NumPy's file */
    nd_array *r = nd_open_memmap(tmp("mm_rw.npy"), .mode = ND_MEMMAP_R);
    CU_ASSERT_PTR_NOT_NULL_FATAL(r);
    CU_ASSERT_EQUAL(nd_ndim(r), 2);
    CU_ASSERT_EQUAL(nd_dtype_of(r), ND_FLOAT32);
    CU_ASSERT_FALSE(nd_is_writeable(r));
    CU_ASSERT_EQUAL(nd_get_f64(r, ND_IDX(2, 1)), 9.0);
    nd_free(r);
    /* c: writes stay in memory */
    nd_array *c = nd_open_memmap(tmp("mm_rw.npy"), .mode = ND_MEMMAP_C);
    CU_ASSERT_PTR_NOT_NULL_FATAL(c);
    nd_set_f64(c, ND_IDX(0, 0), -7.0);
    CU_ASSERT_EQUAL(nd_get_f64(c, ND_IDX(0, 0)), -7.0);
    nd_free(c);
    same_file(tmp("mm_rw.npy"), RAW "mm_w.npy");
    /* r+ (the default): writes reach the file */
    nd_array *w = nd_open_memmap(tmp("mm_rw.npy"));
    CU_ASSERT_PTR_NOT_NULL_FATAL(w);
    nd_set_f64(w, ND_IDX(0, 0), -7.0);
    nd_free(w);
    nd_array *back = nd_load(tmp("mm_rw.npy"));
    CU_ASSERT_EQUAL(nd_get_f64(back, ND_IDX(0, 0)), -7.0);
    nd_free(back);
    /* Fortran order from NumPy */
    nd_array *f = nd_open_memmap(RAW "mm_wf.npy", .mode = ND_MEMMAP_R);
    CU_ASSERT_PTR_NOT_NULL_FATAL(f);
    CU_ASSERT_EQUAL(nd_get_i64(f, ND_IDX(1, 2)), 6);
    CU_ASSERT_EQUAL(nd_get_i64(f, ND_IDX(0, 1)), 2);
    nd_free(f);
    /* big-endian: copy-on-write maps swap, r refuses */
    nd_array *be = nd_open_memmap(RAW "mm_be.npy", .mode = ND_MEMMAP_C);
    CU_ASSERT_PTR_NOT_NULL_FATAL(be);
    CU_ASSERT_EQUAL(nd_get_i64(be, ND_IDX(3)), 3);
    nd_free(be);
    CU_ASSERT_PTR_NULL(nd_open_memmap(RAW "mm_be.npy", .mode = ND_MEMMAP_R));
    CU_ASSERT_EQUAL(nd_last_error(), ND_EDTYPE);
}

static void test_open_memmap_errors(void)
{
    CU_ASSERT_PTR_NULL(nd_open_memmap(RAW "mm_short.npy", .mode = ND_MEMMAP_R));
    CU_ASSERT_EQUAL(nd_last_error(), ND_EPARSE);
    CU_ASSERT_PTR_NOT_NULL(strstr(nd_errmsg(), "truncated"));
    CU_ASSERT_PTR_NULL(nd_open_memmap(RAW "mm_badmagic.npy", .mode = ND_MEMMAP_R));
    CU_ASSERT_EQUAL(nd_last_error(), ND_EPARSE);
    CU_ASSERT_PTR_NULL(nd_open_memmap(RAW "f64.bin", .mode = ND_MEMMAP_R));
    CU_ASSERT_EQUAL(nd_last_error(), ND_EPARSE);
    CU_ASSERT_PTR_NULL(nd_open_memmap(RAW "nope.npy", .mode = ND_MEMMAP_R));
    CU_ASSERT_EQUAL(nd_last_error(), ND_EIO);
    CU_ASSERT_PTR_NULL(nd_open_memmap(RAW, .mode = ND_MEMMAP_R));
    CU_ASSERT_PTR_NULL(nd_open_memmap(tmp("x.npy"), .mode = ND_MEMMAP_W_PLUS, .ndim = 1));
    CU_ASSERT_EQUAL(nd_last_error(), ND_EVALUE);
    const ptrdiff_t neg[1] = { -2 };
    CU_ASSERT_PTR_NULL(nd_open_memmap(tmp("x.npy"), .mode = ND_MEMMAP_W_PLUS, .ndim = 1, .shape = neg));
    CU_ASSERT_PTR_NULL(nd_open_memmap(RAW "mm_w.npy", .mode = ND_MEMMAP_R, .dtype = ND_INT8));
    CU_ASSERT_PTR_NOT_NULL(strstr(nd_errmsg(), "w+ only"));
    CU_ASSERT_PTR_NULL(nd_open_memmap(tmp("nodir/x.npy"), .mode = ND_MEMMAP_W_PLUS, .ndim = 1,
                                      .shape = (const ptrdiff_t[]){ 3 }));
    CU_ASSERT_EQUAL(nd_last_error(), ND_EIO);
    CU_ASSERT_PTR_NULL(nd_open_memmap(tmp("x.npy"), .mode = (nd_memmap_mode)9));
    nd_array *plain = nd_zeros(ND_SHAPE(2), ND_FLOAT64);
    CU_ASSERT_EQUAL(nd_memmap_flush(plain), ND_EVALUE);
    nd_free(plain);
    /* an empty array maps too */
    nd_array *e = nd_open_memmap(tmp("empty.npy"), .mode = ND_MEMMAP_W_PLUS, .ndim = 1,
                                 .shape = (const ptrdiff_t[]){ 0 });
    CU_ASSERT_PTR_NOT_NULL_FATAL(e);
    CU_ASSERT_EQUAL(nd_size(e), 0);
    nd_free(e);
    e = nd_open_memmap(tmp("empty.npy"), .mode = ND_MEMMAP_R);
    CU_ASSERT_PTR_NOT_NULL(e);
    nd_free(e);
}

static const ND_TEST tests[] = {
    ND_T(test_tofile_binary_matches_numpy),
    ND_T(test_tofile_binary_sizes_after_reserve),
    ND_T(test_tofile_text_matches_numpy),
    ND_T(test_fromfile_binary_matches_numpy),
    ND_T(test_fromfile_text_matches_numpy),
    ND_T(test_fromfile_unmatched_text_is_an_error),
    ND_T(test_fromfile_errors),
    ND_T(test_failed_tofile_leaves_existing_file),
    ND_T(test_text_round_trip_all_dtypes),
    ND_T(test_open_memmap_create_matches_numpy),
    ND_T(test_open_memmap_modes),
    ND_T(test_open_memmap_errors),
    { 0 },
};
ND_TEST_MAIN_WITH("io_rawfile", tests, setup, teardown)
