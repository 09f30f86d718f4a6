/* .npy files of datetime64 / timedelta64 arrays: NumPy's files load ('<M8[D]', '<m8[ns]',
 * counts, big-endian, generic) and numc writes them byte for byte as NumPy does
 * (tests/data/datetime/gen.py). */
#include <numc/numc.h>

#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "datetime_fixture.h"

static unsigned char *slurp(const char *path, size_t *n)
{
    FILE *f = fopen(path, "rb");
    if (!f) return NULL;
    static unsigned char buf[4096];
    *n = fread(buf, 1, sizeof buf, f);
    fclose(f);
    return buf;
}

static void test_npy_roundtrip_with_numpy(void)
{
    FILE *f = open_fixture("npy_values.txt");
    char line[1024];
    int rows = 0;
    while (fgets(line, sizeof line, f)) {
        line[strcspn(line, "\n")] = '\0';
        char *name = line, *dt = strchr(line, '\t');
        CU_ASSERT_PTR_NOT_NULL_FATAL(dt);
        *dt++ = '\0';
        char *vals = strchr(dt, '\t');
        *vals++ = '\0';
        char path[2048];
        snprintf(path, sizeof path, DATA "%s.npy", name);
        nd_array *a = nd_load(path);
        if (!a) printf("\n  %s: %s", path, nd_errmsg());
        CU_ASSERT_PTR_NOT_NULL_FATAL(a);
        const char *bare = dt + 1; /* without the byte order */
        CU_ASSERT_EQUAL(nd_dtype_of(a), (nd_dtype)nd_dtype_from_name(bare));
        nd_array *c = nd_ascontiguousarray(a);
        const int64_t *v = nd_data(c);
        char *p = vals;
        for (ptrdiff_t i = 0; i < nd_size(c); i++) CU_ASSERT_EQUAL(v[i], strtoll(p, &p, 10));
        if (dt[0] == '<') { /* what numc writes is NumPy's file */
            size_t n = 0, m = 0;
            void *mine = nd_save_buffer(&n, &(nd_save_opts){ .array = a });
            CU_ASSERT_PTR_NOT_NULL_FATAL(mine);
            unsigned char *theirs = slurp(path, &m);
            CU_ASSERT_PTR_NOT_NULL_FATAL(theirs);
            CU_ASSERT_EQUAL(n, m);
            CU_ASSERT(n == m && memcmp(mine, theirs, n) == 0);
            nd_free_mem(mine);
        }
        nd_free(c);
        nd_free(a);
        rows++;
    }
    fclose(f);
    CU_ASSERT_EQUAL(rows, 6);
}

static void test_npy_bad_date_descr(void)
{
    /* a header whose unit does not exist */
    const char hdr[] = "\x93NUMPY\x01\x00\x76\x00{'descr': '<M8[fortnight]', 'fortran_order': False, 'shape': (1,), }";
    unsigned char buf[128 + 8];
    memset(buf, ' ', sizeof buf);
    memcpy(buf, hdr, sizeof hdr - 1);
    buf[127] = '\n';
    memset(buf + 128, 0, 8);
    CU_ASSERT_PTR_NULL(nd_load_buffer(buf, sizeof buf));
    CU_ASSERT_EQUAL(nd_last_error(), ND_EDTYPE);
    CU_ASSERT_PTR_NOT_NULL(strstr(nd_errmsg(), "M8[fortnight]"));
}

static const ND_TEST tests[] = {
    ND_T(test_npy_roundtrip_with_numpy),
    ND_T(test_npy_bad_date_descr),
    { NULL, NULL },
};

ND_TEST_MAIN("datetime_npy", tests)
