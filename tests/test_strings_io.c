/* .npy files of the string dtypes: NumPy's files load, and save back byte for byte
 * (tests/data/strings/gen.py writes them with numpy.save). */
#include <numc/numc.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "testutil.h"

#define DATA NUMC_TEST_DATA "/strings/"

static unsigned char *slurp(const char *path, size_t *n)
{
    FILE *f = fopen(path, "rb");
    CU_ASSERT_PTR_NOT_NULL_FATAL(f);
    fseek(f, 0, SEEK_END);
    long len = ftell(f);
    fseek(f, 0, SEEK_SET);
    unsigned char *b = malloc((size_t)len + 1);
    *n = fread(b, 1, (size_t)len, f);
    fclose(f);
    return b;
}

/* Load NAME.npy, check its dtype and elements (C order; lens NULL: NUL-terminated), save it
 * back (byteorder bo) and compare with the file. */
static void roundtrip(const char *name, const char *dtype, int n, const char *const *want,
                      const size_t *lens, char bo)
{
    char path[256];
    snprintf(path, sizeof path, DATA "%s.npy", name);
    nd_array *a = nd_load(path);
    if (!a) printf("\n  %s: %s\n", name, nd_errmsg());
    CU_ASSERT_PTR_NOT_NULL_FATAL(a);
    CU_ASSERT_STRING_EQUAL(nd_dtype_name(nd_dtype_of(a)), dtype);
    CU_ASSERT_EQUAL_FATAL(nd_size(a), n);
    nd_array *flat = nd_flatten(a);
    for (int i = 0; i < n; i++) {
        size_t len;
        char *s = nd_str_get_alloc(flat, 1, (ptrdiff_t[]){ i }, &len);
        CU_ASSERT_PTR_NOT_NULL_FATAL(s);
        size_t wl = lens ? lens[i] : strlen(want[i]);
        CU_ASSERT_EQUAL(len, wl);
        CU_ASSERT(len == wl && memcmp(s, want[i], wl) == 0);
        nd_free_mem(s);
    }
    size_t fn, bn;
    unsigned char *file = slurp(path, &fn);
    unsigned char *buf = nd_save_buffer(&bn, &(nd_save_opts){ .array = a, .byteorder = bo });
    CU_ASSERT_PTR_NOT_NULL_FATAL(buf);
    CU_ASSERT_EQUAL(bn, fn);
    CU_ASSERT(bn == fn && memcmp(buf, file, fn) == 0);
    if (bn != fn || memcmp(buf, file, fn)) printf("\n  %s: saved bytes differ from NumPy's\n", name);
    nd_free_mem(buf);
    free(file);
    nd_free(flat);
    nd_free(a);
}

static void test_npy_unicode_roundtrips_byte_for_byte(void)
{
    roundtrip("u5", "<U5", 5, (const char *[]){ "na\xc3\xafve", "", "apple", "\xe6\x97\xa5\xe6\x9c\xac", "tail " }, NULL, 0);
    roundtrip("u2d", "<U3", 6, (const char *[]){ "a", "bc", "def", "", "\xc3\xa9", "\xf0\x9f\x98\x80" }, NULL, 0);
    roundtrip("ufortran", "<U3", 6, (const char *[]){ "a", "bc", "def", "", "\xc3\xa9", "zz" }, NULL, 0);
    roundtrip("ubig", "<U3", 2, (const char *[]){ "big", "\xc3\xa9" }, NULL, '>');
    roundtrip("uempty", "<U4", 0, NULL, NULL, 0);
}

static void test_npy_bytes_roundtrips_byte_for_byte(void)
{
    /* b'a\0b' keeps its inner NUL: 3 bytes */
    roundtrip("s3", "|S3", 4, (const char *[]){ "ab", "", "xyz", "a\0b" }, (size_t[]){ 2, 0, 3, 3 }, 0);
    nd_array *a = nd_load(DATA "s3.npy");
    CU_ASSERT_PTR_NOT_NULL_FATAL(a);
    char b[4];
    CU_ASSERT_EQUAL(nd_str_get(a, 1, (ptrdiff_t[]){ 3 }, b, sizeof b), 3);
    CU_ASSERT(memcmp(b, "a\0b", 3) == 0);
    nd_free(a);
}

static void test_npy_bad_string_descr_is_an_error(void)
{
    /* a width numc cannot hold */
    const char hdr[] = "{'descr': '<U99999999', 'fortran_order': False, 'shape': (1,), }";
    unsigned char img[128];
    memcpy(img, "\x93NUMPY\x01\x00", 8);
    size_t hl = 128 - 10;
    img[8] = (unsigned char)hl, img[9] = 0;
    memset(img + 10, ' ', hl);
    memcpy(img + 10, hdr, sizeof hdr - 1);
    img[127] = '\n';
    nd_clear_error();
    CU_ASSERT_PTR_NULL(nd_load_buffer(img, sizeof img));
    CU_ASSERT_EQUAL(nd_last_error(), ND_EDTYPE);
}

static const ND_TEST tests[] = {
    ND_T(test_npy_unicode_roundtrips_byte_for_byte),
    ND_T(test_npy_bytes_roundtrips_byte_for_byte),
    ND_T(test_npy_bad_string_descr_is_an_error),
    { 0 },
};

ND_TEST_MAIN("strings_io", tests)
