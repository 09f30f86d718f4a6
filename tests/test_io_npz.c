/* .npz: archives written by numpy.savez / savez_compressed read exactly; numc's archives
 * (stored, deflated, zip64) read back; corrupt archives refused. */
#define _POSIX_C_SOURCE 200809L /* mkdtemp, lstat */
#include "testutil.h"
#include "test_io_common.h"


/* The members gen_fixtures.py put in stored.npz and deflated.npz. */
static void check_numpy_members(nd_npz *z)
{
    CU_ASSERT_EQUAL_FATAL(nd_npz_count(z), 5);
    const char *names[] = { "a", "b", "c", "fortran", "empty" };
    for (int i = 0; i < 5; i++) CU_ASSERT(nd_npz_find(z, names[i]) >= 0);
    CU_ASSERT_EQUAL(nd_npz_find(z, "a.npy"), nd_npz_find(z, "a"));
    nd_array *a = nd_npz_get(z, "a");
    CU_ASSERT(a && nd_dtype_of(a) == ND_INT64 && io_same_shape(a, 1, (ptrdiff_t[]){ 10 }));
    CU_ASSERT(a && io_matches_formula(a));
    nd_free(a);
    a = nd_npz_get(z, "b");
    CU_ASSERT(a && io_same_shape(a, 2, (ptrdiff_t[]){ 2, 3 }) && io_matches_formula(a));
    nd_free(a);
    a = nd_npz_get(z, "c");
    double re = 0, im = 0;
    CU_ASSERT(a && nd_ndim(a) == 0 && nd_item_c128(a, &re, &im) == ND_OK);
    CU_ASSERT(re == 1.5 && im == -2.0);
    nd_free(a);
    a = nd_npz_get(z, "fortran");
    CU_ASSERT(a && nd_dtype_of(a) == ND_FLOAT32 && nd_is_f_contiguous(a) && io_matches_formula(a));
    nd_free(a);
    a = nd_npz_get(z, "empty");
    CU_ASSERT(a && io_same_shape(a, 2, (ptrdiff_t[]){ 0, 3 }));
    nd_free(a);
    CU_ASSERT_PTR_NULL(nd_npz_get(z, "nope"));
    CU_ASSERT_EQUAL(nd_last_error(), ND_EINDEX);
    CU_ASSERT(strstr(nd_errmsg(), "'nope'") != NULL);
}

static void test_numpy_savez_stored(void)
{
    nd_npz *z = nd_npz_open(IO_DATA "/stored.npz");
    CU_ASSERT_PTR_NOT_NULL_FATAL(z);
    check_numpy_members(z);
    nd_npz_close(z);
}

static void test_numpy_savez_compressed(void)
{
    nd_npz *z = nd_npz_open(IO_DATA "/deflated.npz");
    CU_ASSERT_PTR_NOT_NULL_FATAL(z);
    check_numpy_members(z);
    nd_npz_close(z);
}

static void test_other_members_and_comment(void)
{
    nd_npz *z = nd_npz_open(IO_DATA "/mixed.npz");
    CU_ASSERT_PTR_NOT_NULL_FATAL(z);
    CU_ASSERT_EQUAL(nd_npz_count(z), 2);
    CU_ASSERT_STRING_EQUAL(nd_npz_name(z, 0), "notes.txt");
    CU_ASSERT_STRING_EQUAL(nd_npz_name(z, 1), "x");
    CU_ASSERT_PTR_NULL(nd_npz_name(z, 2));
    nd_array *a = nd_npz_get(z, "notes.txt");
    CU_ASSERT_PTR_NULL(a);
    CU_ASSERT_EQUAL(nd_last_error(), ND_EPARSE);
    CU_ASSERT(strstr(nd_errmsg(), "mixed.npz:notes.txt") != NULL);
    a = nd_npz_get(z, "x");
    CU_ASSERT(a && nd_dtype_of(a) == ND_UINT16 && io_matches_formula(a));
    nd_free(a);
    nd_npz_close(z);
}

static void roundtrip(const char *name, bool compress, bool zip64)
{
    char p[512];
    snprintf(p, sizeof p, "%s/%s", tmp, name);
    nd_array *arrs[IO_NDTYPES + 2];
    const char *names[IO_NDTYPES + 2];
    char namebuf[IO_NDTYPES][32];
    for (int d = 0; d < IO_NDTYPES; d++) {
        char fp[256];
        snprintf(fp, sizeof fp, IO_DATA "/npy/%s_%c_be.npy", nd_dtype_name(io_all_dtypes[d]),
                 "CF"[d % 2]);
        arrs[d] = nd_load(fp);
        CU_ASSERT_PTR_NOT_NULL_FATAL(arrs[d]);
        snprintf(namebuf[d], sizeof namebuf[d], "arr_%s", nd_dtype_name(io_all_dtypes[d]));
        names[d] = namebuf[d];
    }
    nd_array *big = nd_arange(0, 200000, 0.5, ND_FLOAT64); /* compresses well */
    nd_array *strided = nd_view(big, "::-7");
    arrs[IO_NDTYPES] = big;
    arrs[IO_NDTYPES + 1] = strided;
    names[IO_NDTYPES] = "big";
    names[IO_NDTYPES + 1] = "dir/strided é";
    nd_status st = nd_savez_(p, IO_NDTYPES + 2, names,
                                  &(nd_savez_opts){ .arrays = (const nd_array *const *)arrs,
                                                    .compress = compress, .force_zip64 = zip64 });
    CU_ASSERT_EQUAL_FATAL(st, ND_OK);
    nd_npz *z = nd_npz_open(p);
    CU_ASSERT_PTR_NOT_NULL_FATAL(z);
    CU_ASSERT_EQUAL(nd_npz_count(z), IO_NDTYPES + 2);
    for (int i = 0; i < IO_NDTYPES + 2; i++) {
        CU_ASSERT_STRING_EQUAL(nd_npz_name(z, (size_t)i), names[i]);
        nd_array *b = nd_npz_get_index(z, (size_t)i);
        CU_ASSERT(io_bits_equal(arrs[i], b));
        nd_free(b);
    }
    nd_npz_close(z);
    struct stat sb;
    stat(p, &sb);
    if (compress) CU_ASSERT(sb.st_size < 400000 * 8 / 4); /* really deflated */
    /* the same archive from memory */
    size_t n = 0;
    unsigned char *img = io_slurp(p, &n);
    z = nd_npz_open_buffer(img, n, NULL);
    free(img);
    CU_ASSERT_PTR_NOT_NULL_FATAL(z);
    nd_array *b = nd_npz_get(z, "big");
    CU_ASSERT(io_bits_equal(big, b));
    nd_free(b);
    nd_npz_close(z);
    for (int i = 0; i < IO_NDTYPES + 2; i++) nd_free(arrs[i]);
}

static void test_roundtrip_stored(void) { roundtrip("s.npz", false, false); }
static void test_roundtrip_deflated(void) { roundtrip("d.npz", true, false); }
static void test_roundtrip_zip64_records(void) { roundtrip("z64.npz", true, true); }

static void test_macros_and_empty_archive(void)
{
    char p[512];
    snprintf(p, sizeof p, "%s/m.npz", tmp);
    nd_array *x = nd_arange(0, 5, 1, ND_INT32);
    const nd_array *arrs[] = { x };
    const char *names[] = { "x" };
    CU_ASSERT_EQUAL(nd_savez(p, 1, names, arrs), ND_OK);
    CU_ASSERT_EQUAL(nd_savez_compressed(p, 1, names, arrs, .level = 9), ND_OK);
    nd_npz *z = nd_npz_open(p);
    nd_array *y = z ? nd_npz_get(z, "x") : NULL;
    CU_ASSERT(io_bits_equal(x, y));
    nd_free(y);
    nd_npz_close(z);
    CU_ASSERT_EQUAL(nd_savez(p, 0, names, arrs), ND_OK);
    z = nd_npz_open(p);
    CU_ASSERT(z && nd_npz_count(z) == 0);
    nd_npz_close(z);
    nd_free(x);
}

static void test_bad_arguments(void)
{
    char p[512];
    snprintf(p, sizeof p, "%s/bad.npz", tmp);
    nd_array *x = nd_zeros(ND_SHAPE(2), ND_FLOAT64);
    const nd_array *arrs[] = { x, x };
    CU_ASSERT_EQUAL(nd_savez(p, 2, ((const char *[]){ "a", "a" }), arrs), ND_EVALUE);
    CU_ASSERT(strstr(nd_errmsg(), "'a' is given twice") != NULL);
    CU_ASSERT_EQUAL(nd_savez(p, 2, ((const char *[]){ "a", "" }), arrs), ND_EVALUE);
    CU_ASSERT_EQUAL(nd_savez_compressed(p, 1, ((const char *[]){ "a" }), arrs, .level = 12), ND_EVALUE);
    CU_ASSERT_EQUAL(nd_savez(tmp, 1, ((const char *[]){ "a" }), arrs), ND_EIO);
    CU_ASSERT_EQUAL(access(p, F_OK), -1);
    nd_free(x);
}

static void expect_open_error(const char *path, nd_status code, const char *needle)
{
    nd_npz *z = nd_npz_open(path);
    CU_ASSERT_PTR_NULL(z);
    nd_npz_close(z);
    CU_ASSERT_EQUAL(nd_last_error(), code);
    CU_ASSERT(strstr(nd_errmsg(), needle) != NULL);
    if (!strstr(nd_errmsg(), needle)) printf("\n  got \"%s\", wanted \"%s\"\n", nd_errmsg(), needle);
}

static void test_corrupt_archives(void)
{
    char p[512];
    snprintf(p, sizeof p, "%s/c.npz", tmp);
    size_t n = 0;
    unsigned char *img = io_slurp(IO_DATA "/deflated.npz", &n);
    CU_ASSERT_PTR_NOT_NULL_FATAL(img);
    expect_open_error("/nonexistent.npz", ND_EIO, "no such file");
    expect_open_error(tmp, ND_EIO, "is a directory");
    expect_open_error(IO_DATA "/npy/int8_C_le.npy", ND_EVALUE, "nd_load");
    io_write_file(p, img, 0);
    expect_open_error(p, ND_EPARSE, "empty");
    io_write_file(p, img, n - 10); /* end record cut */
    expect_open_error(p, ND_EPARSE, "end-of-central-directory");
    io_write_file(p, img + 100, n - 100); /* start cut: offsets point wrong */
    nd_npz *z = nd_npz_open(p);
    if (z) { /* the directory may still parse; the members must not */
        for (size_t i = 0; i < nd_npz_count(z); i++) {
            nd_array *a = nd_npz_get_index(z, i);
            CU_ASSERT_PTR_NULL(a);
            nd_free(a);
        }
        nd_npz_close(z);
    }
    /* flip one byte inside each member's compressed data: zlib or the CRC notices, always */
    int refused = 0, tries = 0;
    for (size_t off = 0; off + 30 < n && img[off] == 'P' && img[off + 2] == 3;) {
        size_t nl = (size_t)img[off + 26] | (size_t)img[off + 27] << 8;
        size_t xl = (size_t)img[off + 28] | (size_t)img[off + 29] << 8;
        uint32_t cs = (uint32_t)img[off + 18] | (uint32_t)img[off + 19] << 8 |
                      (uint32_t)img[off + 20] << 16 | (uint32_t)img[off + 21] << 24;
        size_t csize = cs;
        if (cs == 0xFFFFFFFFu) /* numpy's zip64 local header: usize, then csize */
            memcpy(&csize, img + off + 30 + nl + 4 + 8, 8);
        size_t data = off + 30 + nl + xl;
        /* (the last byte may end in padding bits that carry nothing) */
        for (size_t k = data; k + 1 < data + csize; k += 3) {
            unsigned char *bad = malloc(n);
            memcpy(bad, img, n);
            bad[k] ^= 0x5A;
            z = nd_npz_open_buffer(bad, n, NULL);
            free(bad);
            CU_ASSERT_PTR_NOT_NULL_FATAL(z);
            bool any_bad = false;
            for (size_t i = 0; i < nd_npz_count(z); i++) {
                nd_array *a = nd_npz_get_index(z, i);
                if (!a) any_bad = true;
                nd_free(a);
            }
            nd_npz_close(z);
            refused += any_bad;
            tries++;
        }
        off = data + csize;
    }
    CU_ASSERT(tries > 50);
    CU_ASSERT_EQUAL(refused, tries);
    free(img);
}

static void test_crc_mismatch_is_reported(void)
{
    size_t n = 0;
    unsigned char *img = io_slurp(IO_DATA "/stored.npz", &n);
    CU_ASSERT_PTR_NOT_NULL_FATAL(img);
    /* the last data byte of the first member ("a.npy", 208 bytes stored after its header) */
    size_t hdr = 30 + 5 + ((size_t)img[28] | (size_t)img[29] << 8);
    img[hdr + 207] ^= 1;
    nd_npz *z = nd_npz_open_buffer(img, n, NULL);
    CU_ASSERT_PTR_NOT_NULL_FATAL(z);
    nd_array *a = nd_npz_get(z, "a");
    CU_ASSERT_PTR_NULL(a);
    CU_ASSERT(strstr(nd_errmsg(), "CRC-32 mismatch") != NULL);
    nd_npz_close(z);
    free(img);
}

/* A 16 MiB array of zeros deflates to ~16 KiB: .max_bytes refuses it before inflating. */
static void test_max_bytes_caps_members(void)
{
    char path[512];
    snprintf(path, sizeof path, "%s/bomb.npz", tmp);
    nd_array *zeros = nd_zeros(ND_SHAPE(2 * 1024 * 1024), ND_FLOAT64);
    CU_ASSERT_PTR_NOT_NULL_FATAL(zeros);
    CU_ASSERT_EQUAL_FATAL(nd_savez_compressed(path, 1, (const char *[]){ "z" },
                                              (const nd_array *[]){ zeros }), ND_OK);
    nd_free(zeros);
    size_t n = 0;
    unsigned char *img = io_slurp(path, &n);
    CU_ASSERT_FATAL(img && n < 64 * 1024);

    nd_npz *z = nd_npz_open(path, .max_bytes = 1 << 20);
    CU_ASSERT_PTR_NOT_NULL_FATAL(z);
    CU_ASSERT_PTR_NULL(nd_npz_get(z, "z"));
    CU_ASSERT_EQUAL(nd_last_error(), ND_EVALUE);
    const char *msg = nd_errmsg();
    CU_ASSERT(strstr(msg, "z.npy") && strstr(msg, "declares 16777344 bytes") &&
              strstr(msg, "cap of 1048576 bytes"));
    nd_npz_close(z);

    z = nd_npz_open_buffer(img, n, &(nd_npz_opts){ .path = "bomb", .max_bytes = 1 << 20 });
    CU_ASSERT_PTR_NOT_NULL_FATAL(z);
    CU_ASSERT_PTR_NULL(nd_npz_get(z, "z"));
    CU_ASSERT(strstr(nd_errmsg(), "bomb:z.npy") != NULL);
    nd_npz_close(z);

    z = nd_npz_open(path, .max_bytes = 16777344); /* exactly the declared size: allowed */
    CU_ASSERT_PTR_NOT_NULL_FATAL(z);
    nd_array *a = nd_npz_get(z, "z");
    CU_ASSERT(a && nd_size(a) == 2 * 1024 * 1024);
    nd_free(a);
    nd_npz_close(z);
    free(img);
}

static const ND_TEST tests[] = {
    ND_T(test_numpy_savez_stored),
    ND_T(test_numpy_savez_compressed),
    ND_T(test_other_members_and_comment),
    ND_T(test_roundtrip_stored),
    ND_T(test_roundtrip_deflated),
    ND_T(test_roundtrip_zip64_records),
    ND_T(test_macros_and_empty_archive),
    ND_T(test_bad_arguments),
    ND_T(test_corrupt_archives),
    ND_T(test_crc_mismatch_is_reported),
    ND_T(test_max_bytes_caps_members),
    { 0 }
};

ND_TEST_MAIN_WITH("io_npz", tests, io_scratch_setup, io_scratch_teardown)
