/* .npy files of the string dtypes: NumPy's files load, and save back byte for byte
 * (tests/data/strings/gen.py writes them with numpy.save). */
#define _POSIX_C_SOURCE 200809L /* mkdtemp */
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
    /* 'S' has no byte order: saved big-endian it is still '|S3' with the same bytes (fuzz_npy
     * found the bytes of each element reversed) */
    size_t n;
    unsigned char *img = nd_save_buffer(&n, &(nd_save_opts){ .array = a, .byteorder = '>' });
    CU_ASSERT_PTR_NOT_NULL_FATAL(img);
    nd_array *back = nd_load_buffer(img, n);
    CU_ASSERT_PTR_NOT_NULL_FATAL(back);
    CU_ASSERT_EQUAL(nd_dtype_of(back), ND_BYTES_OF(3));
    CU_ASSERT(memcmp(nd_data(back), nd_data(a), nd_nbytes(a)) == 0);
    nd_free(back);
    nd_free_mem(img);
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


static char tmp[256];

/* NumPy's np.savez of 'U', 'S' and float members reads back; nd_savez writes them so that
 * they read back the same. */
static void test_npz_with_strings(void)
{
    nd_npz *z = nd_npz_open(DATA "mixed.npz");
    CU_ASSERT_PTR_NOT_NULL_FATAL(z);
    nd_array *u = nd_npz_get(z, "u"), *s = nd_npz_get(z, "s"), *f = nd_npz_get(z, "f");
    nd_npz_close(z);
    CU_ASSERT_PTR_NOT_NULL_FATAL(u);
    CU_ASSERT_PTR_NOT_NULL_FATAL(s);
    CU_ASSERT_PTR_NOT_NULL_FATAL(f);
    CU_ASSERT_EQUAL(nd_dtype_of(u), ND_STR_OF(5));
    CU_ASSERT_EQUAL(nd_dtype_of(s), ND_BYTES_OF(3));
    char b[16];
    CU_ASSERT_EQUAL(nd_str_get(u, 1, (ptrdiff_t[]){ 3 }, b, sizeof b), 6);
    CU_ASSERT_STRING_EQUAL(b, "\xe6\x97\xa5\xe6\x9c\xac");
    char path[300];
    snprintf(path, sizeof path, "%s/out.npz", tmp);
    const char *names[] = { "u", "s", "f" };
    const nd_array *members[] = { u, s, f };
    CU_ASSERT_EQUAL(nd_savez(path, 3, names, members), ND_OK);
    nd_npz *w = nd_npz_open(path);
    CU_ASSERT_PTR_NOT_NULL_FATAL(w);
    nd_array *u2 = nd_npz_get(w, "u"), *s2 = nd_npz_get(w, "s");
    nd_npz_close(w);
    CU_ASSERT_PTR_NOT_NULL_FATAL(u2);
    CU_ASSERT_PTR_NOT_NULL_FATAL(s2);
    /* the same .npy images, byte for byte */
    size_t n1, n2, n3, n4;
    void *i1 = nd_save_buffer(&n1, &(nd_save_opts){ .array = u });
    void *i2 = nd_save_buffer(&n2, &(nd_save_opts){ .array = u2 });
    void *i3 = nd_save_buffer(&n3, &(nd_save_opts){ .array = s });
    void *i4 = nd_save_buffer(&n4, &(nd_save_opts){ .array = s2 });
    CU_ASSERT(i1 && i2 && n1 == n2 && memcmp(i1, i2, n1) == 0);
    CU_ASSERT(i3 && i4 && n3 == n4 && memcmp(i3, i4, n3) == 0);
    nd_free_mem(i1), nd_free_mem(i2), nd_free_mem(i3), nd_free_mem(i4);
    nd_free(u), nd_free(s), nd_free(f), nd_free(u2), nd_free(s2);
}


static char *unhex_str(const char *t, size_t *len)
{
    size_t n = strcmp(t, "-") ? strlen(t) / 2 : 0;
    char *s = malloc(n + 1);
    for (size_t i = 0; i < n; i++) {
        unsigned v;
        sscanf(t + 2 * i, "%2x", &v);
        s[i] = (char)v;
    }
    s[n] = '\0';
    if (len) *len = n;
    return s;
}

/* numpy.savetxt of string arrays with '%s' formats (tests/data/strings/savetxt.txt). */
static void test_savetxt_strings_match_numpy(void)
{
    FILE *f = fopen(DATA "savetxt.txt", "r");
    CU_ASSERT_PTR_NOT_NULL_FATAL(f);
    char line[4096];
    int cases = 0;
    while (fgets(line, sizeof line, f)) {
        char *tok[32];
        int n = 0;
        for (char *t = line; *t && n < 32;) {
            size_t k = strcspn(t, " \n");
            if (k) tok[n++] = t;
            t += k;
            if (*t) *t++ = '\0';
        }
        int eq = 1;
        while (strcmp(tok[eq], "=")) eq++;
        char *items[16];
        size_t lens[16];
        for (int i = 1; i < eq; i++) items[i - 1] = unhex_str(tok[i], &lens[i - 1]);
        int ndim = atoi(tok[eq + 1]);
        char *fmt = unhex_str(tok[eq + 2], NULL), *want = unhex_str(tok[eq + 3], NULL);
        nd_array *a1 = tok[0][0] == 'U' ? nd_str_array(eq - 1, (const char *const *)items, ND_STR_OF(0))
                                        : nd_bytes_array(eq - 1, (const char *const *)items, lens, 0);
        nd_array *a = ndim == 2 ? nd_reshape(a1, 2, (ptrdiff_t[]){ 2, 2 }) : nd_ref(a1);
        char path[300];
        snprintf(path, sizeof path, "%s/s%d.txt", tmp, cases);
        CU_ASSERT_EQUAL(nd_savetxt(path, a, .fmt = fmt, .delimiter = ",", .header = "h"), ND_OK);
        size_t gl;
        unsigned char *got = slurp(path, &gl);
        CU_ASSERT(gl == strlen(want) && memcmp(got, want, gl) == 0);
        if (gl != strlen(want) || memcmp(got, want, gl)) printf("\n  fmt %s: got '%.*s'\n", fmt, (int)gl, got);
        free(got), free(fmt), free(want);
        for (int i = 1; i < eq; i++) free(items[i - 1]);
        nd_free(a1), nd_free(a);
        cases++;
    }
    fclose(f);
    CU_ASSERT_EQUAL(cases, 5);
    /* NumPy's default '%.18e' does not take text; a number conversion neither */
    nd_array *u = nd_str_array(1, (const char *[]){ "a" }, ND_STR_OF(0));
    char path[300];
    snprintf(path, sizeof path, "%s/bad.txt", tmp);
    CU_ASSERT_EQUAL(nd_savetxt(path, u), ND_EDTYPE);
    CU_ASSERT_EQUAL(nd_savetxt(path, u, .fmt = "%d"), ND_EVALUE);
    CU_ASSERT_EQUAL(nd_savetxt(path, u, .fmt = "%s %s"), ND_EVALUE);
    nd_free(u);
}

static const ND_TEST tests[] = {
    ND_T(test_npy_unicode_roundtrips_byte_for_byte),
    ND_T(test_npy_bytes_roundtrips_byte_for_byte),
    ND_T(test_npy_bad_string_descr_is_an_error),
    ND_T(test_npz_with_strings),
    ND_T(test_savetxt_strings_match_numpy),
    { 0 },
};

ND_TEST_MAIN_TMPDIR("strings_io", tests, tmp, "numc-strings-io")
