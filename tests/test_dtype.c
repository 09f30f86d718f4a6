/* dtype names, promotion, casting levels and element conversion, checked against
 * NumPy fixtures (tests/data/dtype/gen.py). */
#include <numc/numc.h>

#include "internal.h"
#include "testutil.h"

#include <stdint.h>
#include <stdio.h>
#include <string.h>

#define DATA NUMC_TEST_DATA "/dtype/"

static FILE *open_fixture(const char *name)
{
    char path[1024];
    snprintf(path, sizeof path, DATA "%s", name);
    FILE *f = fopen(path, "r");
    CU_ASSERT_PTR_NOT_NULL_FATAL(f);
    return f;
}

static int dtype_of(const char *name)
{
    for (int t = 0; t < ND_NTYPES; t++)
        if (strcmp(nd_dtype_name((nd_dtype)t), name) == 0) return t;
    return -1;
}

/* ---- names and properties ---------------------------------------------------------- */

static void test_names_sizes_kinds(void)
{
    static const char *names[ND_NTYPES] = { "bool", "int8", "int16", "int32", "int64",
        "uint8", "uint16", "uint32", "uint64", "float32", "float64", "complex64",
        "complex128" };
    static const size_t sizes[ND_NTYPES] = { 1, 1, 2, 4, 8, 1, 2, 4, 8, 4, 8, 8, 16 };
    static const char kinds[] = "biiiiuuuuffcc";
    for (int t = 0; t < ND_NTYPES; t++) {
        CU_ASSERT_STRING_EQUAL(nd_dtype_name((nd_dtype)t), names[t]);
        CU_ASSERT_EQUAL(nd_dtype_size((nd_dtype)t), sizes[t]);
        CU_ASSERT_EQUAL(nd_dtype_kind((nd_dtype)t), kinds[t]);
        CU_ASSERT(nd_dtype_is_numeric(t));
        CU_ASSERT_EQUAL(nd_dtype_is_integer((nd_dtype)t), kinds[t] == 'i' || kinds[t] == 'u');
        CU_ASSERT_EQUAL(nd_dtype_is_float((nd_dtype)t), kinds[t] == 'f');
        CU_ASSERT_EQUAL(nd_dtype_is_complex((nd_dtype)t), kinds[t] == 'c');
    }
}

static void test_invalid_dtype_properties(void)
{
    CU_ASSERT_FALSE(nd_dtype_is_numeric(-1));
    CU_ASSERT_FALSE(nd_dtype_is_numeric(ND_NTYPES));
    CU_ASSERT_STRING_EQUAL(nd_dtype_name(ND_NTYPES), "?");
    CU_ASSERT_EQUAL(nd_dtype_size(ND_NTYPES), 0);
    CU_ASSERT_EQUAL(nd_dtype_kind(ND_NTYPES), '?');
    CU_ASSERT_FALSE(nd_dtype_is_integer(ND_NTYPES));
    CU_ASSERT_FALSE(nd_dtype_is_float(ND_NTYPES));
    CU_ASSERT_FALSE(nd_dtype_is_complex(ND_NTYPES));
}

static void test_from_name_roundtrips_every_dtype(void)
{
    for (int t = 0; t < ND_NTYPES; t++)
        CU_ASSERT_EQUAL(nd_dtype_from_name(nd_dtype_name((nd_dtype)t)), t);
}

/* Every string of names.txt parses to NumPy's dtype, or fails where NumPy fails or
 * gives a dtype numc does not have. */
static void test_from_name_matches_numpy(void)
{
    FILE *f = open_fixture("names.txt");
    char name[64], want[64];
    int n = 0;
    while (fscanf(f, "%63s %63s", name, want) == 2) {
        nd_clear_error();
        int got = nd_dtype_from_name(name);
        int expect = strcmp(want, "-") == 0 ? -1 : dtype_of(want);
        if (strcmp(want, "-") != 0 && expect < 0) expect = nd_dtype_from_name(want); /* flexible */
        if (got != expect) printf("\n  '%s': got %d, NumPy %s\n", name, got, want);
        CU_ASSERT_EQUAL(got, expect);
        CU_ASSERT_EQUAL(nd_last_error(), expect < 0 ? ND_EDTYPE : ND_OK);
        n++;
    }
    fclose(f);
    CU_ASSERT(n > 100);
}

static void test_from_name_brief_spellings(void)
{
    CU_ASSERT_EQUAL(nd_dtype_from_name("?"), ND_BOOL);
    CU_ASSERT_EQUAL(nd_dtype_from_name("b1"), ND_BOOL);
    CU_ASSERT_EQUAL(nd_dtype_from_name("i2"), ND_INT16);
    CU_ASSERT_EQUAL(nd_dtype_from_name("u1"), ND_UINT8);
    CU_ASSERT_EQUAL(nd_dtype_from_name("f4"), ND_FLOAT32);
    CU_ASSERT_EQUAL(nd_dtype_from_name("float"), ND_FLOAT64);
    CU_ASSERT_EQUAL(nd_dtype_from_name("double"), ND_FLOAT64);
    CU_ASSERT_EQUAL(nd_dtype_from_name("c8"), ND_COMPLEX64);
    CU_ASSERT_EQUAL(nd_dtype_from_name("c16"), ND_COMPLEX128);
    CU_ASSERT_EQUAL(nd_dtype_from_name("complex"), ND_COMPLEX128);
    CU_ASSERT_EQUAL(nd_dtype_from_name("int"), ND_INT64);
    CU_ASSERT_EQUAL(nd_dtype_from_name("<f8"), ND_FLOAT64);
    CU_ASSERT_EQUAL(nd_dtype_from_name("=i4"), ND_INT32);
    CU_ASSERT_EQUAL(nd_dtype_from_name("|u2"), ND_UINT16);
    CU_ASSERT_EQUAL(nd_dtype_from_name(">u1"), ND_UINT8);
    CU_ASSERT_EQUAL(nd_dtype_from_name(">b1"), ND_BOOL);
}

static void test_from_name_unknown_message(void)
{
    nd_clear_error();
    CU_ASSERT_EQUAL(nd_dtype_from_name("xyz"), -1);
    CU_ASSERT_EQUAL(nd_last_error(), ND_EDTYPE);
    CU_ASSERT_STRING_EQUAL(nd_errmsg(), "nd_dtype_from_name: unknown dtype 'xyz'");
}

static void test_from_name_big_endian_rejected(void)
{
    nd_clear_error();
    CU_ASSERT_EQUAL(nd_dtype_from_name(">f8"), -1);
    CU_ASSERT_EQUAL(nd_last_error(), ND_EDTYPE);
    CU_ASSERT_STRING_EQUAL(nd_errmsg(), "nd_dtype_from_name: big-endian dtype '>f8' "
                                        "is not supported (numc arrays are native-endian)");
    CU_ASSERT_EQUAL(nd_dtype_from_name(">c16"), -1);
    CU_ASSERT_EQUAL(nd_dtype_from_name(">i2"), -1);
}

static void test_from_name_rejects_null_empty_and_spaces(void)
{
    const char *bad[] = { "", "int64 ", " int64", "f4 ", "i 8", "i01", "f08", "int0",
                          "float64\n", "U3 ", "M8[D] " };
    for (size_t i = 0; i < sizeof bad / sizeof bad[0]; i++) {
        nd_clear_error();
        CU_ASSERT_EQUAL(nd_dtype_from_name(bad[i]), -1);
        CU_ASSERT_EQUAL(nd_last_error(), ND_EDTYPE);
    }
    nd_clear_error();
    CU_ASSERT_EQUAL(nd_dtype_from_name(NULL), -1);
    CU_ASSERT_EQUAL(nd_last_error(), ND_EDTYPE);
}

/* ---- promotion and casting levels ------------------------------------------------ */

static void test_result_type_matches_numpy(void)
{
    FILE *f = open_fixture("promote.txt");
    char name[32];
    int n = 0;
    for (int a = 0; a < ND_NTYPES; a++)
        for (int b = 0; b < ND_NTYPES; b++) {
            CU_ASSERT_FATAL(fscanf(f, "%31s", name) == 1);
            nd_dtype got = nd_result_type((nd_dtype)a, (nd_dtype)b);
            if ((int)got != dtype_of(name))
                printf("\n  %s + %s: got %s, NumPy %s\n", nd_dtype_name((nd_dtype)a),
                       nd_dtype_name((nd_dtype)b), nd_dtype_name(got), name);
            CU_ASSERT_EQUAL((int)got, dtype_of(name));
            n++;
        }
    fclose(f);
    CU_ASSERT_EQUAL(n, 169);
}

static void test_result_type_known_pairs(void)
{
    CU_ASSERT_EQUAL(nd_result_type(ND_INT64, ND_UINT64), ND_FLOAT64);
    CU_ASSERT_EQUAL(nd_result_type(ND_INT8, ND_UINT8), ND_INT16);
    CU_ASSERT_EQUAL(nd_result_type(ND_UINT64, ND_INT8), ND_FLOAT64);
    CU_ASSERT_EQUAL(nd_result_type(ND_FLOAT32, ND_INT16), ND_FLOAT32);
    CU_ASSERT_EQUAL(nd_result_type(ND_FLOAT32, ND_INT32), ND_FLOAT64);
    CU_ASSERT_EQUAL(nd_result_type(ND_COMPLEX64, ND_FLOAT64), ND_COMPLEX128);
    CU_ASSERT_EQUAL(nd_result_type(ND_COMPLEX64, ND_INT32), ND_COMPLEX128);
    for (int t = 0; t < ND_NTYPES; t++) {
        CU_ASSERT_EQUAL((int)nd_result_type(ND_BOOL, (nd_dtype)t), t);
        CU_ASSERT_EQUAL((int)nd_result_type((nd_dtype)t, (nd_dtype)t), t);
    }
}

static void test_result_type_invalid(void)
{
    nd_clear_error();
    CU_ASSERT_EQUAL(nd_result_type(ND_NTYPES, ND_INT8), ND_NTYPES);
    CU_ASSERT_EQUAL(nd_last_error(), ND_EDTYPE);
}

static void test_can_cast_matches_numpy(void)
{
    static const nd_casting levels[5] = { ND_CAST_NO, ND_CAST_EQUIV, ND_CAST_SAFE,
                                          ND_CAST_SAME_KIND, ND_CAST_UNSAFE };
    FILE *f = open_fixture("can_cast.txt");
    char from[32], to[32];
    int bits[5], n = 0;
    while (fscanf(f, "%31s %31s %d %d %d %d %d", from, to, &bits[0], &bits[1], &bits[2],
                  &bits[3], &bits[4]) == 7) {
        nd_dtype a = (nd_dtype)dtype_of(from), b = (nd_dtype)dtype_of(to);
        for (int c = 0; c < 5; c++) {
            bool got = nd_can_cast(a, b, levels[c]);
            if (got != (bits[c] != 0))
                printf("\n  can_cast(%s, %s, %s): got %d\n", from, to,
                       nd_casting_name(levels[c]), got);
            CU_ASSERT_EQUAL(got, bits[c] != 0);
            n++;
        }
        CU_ASSERT_EQUAL(nd_can_cast(a, b, ND_CAST_DEFAULT), bits[2] != 0);
    }
    fclose(f);
    CU_ASSERT_EQUAL(n, 169 * 5);
}

static void test_can_cast_invalid(void)
{
    nd_clear_error();
    CU_ASSERT_FALSE(nd_can_cast(ND_NTYPES, ND_INT8, ND_CAST_UNSAFE));
    CU_ASSERT_EQUAL(nd_last_error(), ND_EDTYPE);
    nd_clear_error();
    CU_ASSERT_FALSE(nd_can_cast(ND_INT8, ND_INT8, (nd_casting)17));
    CU_ASSERT_EQUAL(nd_last_error(), ND_EVALUE);
}

static void test_casting_names(void)
{
    CU_ASSERT_STRING_EQUAL(nd_casting_name(ND_CAST_NO), "no");
    CU_ASSERT_STRING_EQUAL(nd_casting_name(ND_CAST_EQUIV), "equiv");
    CU_ASSERT_STRING_EQUAL(nd_casting_name(ND_CAST_SAFE), "safe");
    CU_ASSERT_STRING_EQUAL(nd_casting_name(ND_CAST_SAME_KIND), "same_kind");
    CU_ASSERT_STRING_EQUAL(nd_casting_name(ND_CAST_UNSAFE), "unsafe");
    CU_ASSERT_STRING_EQUAL(nd_casting_name(ND_CAST_DEFAULT), "default");
    CU_ASSERT_STRING_EQUAL(nd_casting_name((nd_casting)9), "?");
}

/* ---- element conversion against NumPy's astype ------------------------------------- */

#define MAXVALS 64

/* cast.txt grouped by source dtype: the source values and NumPy's result per target. */
static struct {
    int n;
    unsigned char src[MAXVALS][16];
    unsigned char dst[ND_NTYPES][MAXVALS][16];
} fx[ND_NTYPES];
static int fx_loaded;

static void hex_bytes(const char *hex, unsigned char *out, size_t size)
{
    CU_ASSERT_EQUAL_FATAL(strlen(hex), 2 * size);
    for (size_t i = 0; i < size; i++) {
        unsigned v;
        CU_ASSERT_FATAL(sscanf(hex + 2 * i, "%2x", &v) == 1);
        out[i] = (unsigned char)v;
    }
}

static void load_cast_fixture(void)
{
    if (fx_loaded) return;
    FILE *f = open_fixture("cast.txt");
    char line[1024];
    while (fgets(line, sizeof line, f)) {
        char *tok = strtok(line, " \n");
        int s = dtype_of(tok);
        CU_ASSERT_FATAL(s >= 0 && fx[s].n < MAXVALS);
        int k = fx[s].n++;
        hex_bytes(strtok(NULL, " \n"), fx[s].src[k], nd_dtype_size((nd_dtype)s));
        for (int d = 0; d < ND_NTYPES; d++)
            hex_bytes(strtok(NULL, " \n"), fx[s].dst[d][k], nd_dtype_size((nd_dtype)d));
    }
    fclose(f);
    fx_loaded = 1;
}

static bool is_nan_bytes(const unsigned char *p, size_t size)
{
    if (size == 4) {
        float x;
        memcpy(&x, p, 4);
        return x != x;
    }
    double x;
    memcpy(&x, p, 8);
    return x != x;
}

/* Bytes equal, or for float components both NaN (payload bits are not compared). */
static bool same_element(nd_dtype d, const unsigned char *got, const unsigned char *want)
{
    size_t size = nd_dtype_size(d);
    if (memcmp(got, want, size) == 0) return true;
    char k = nd_dtype_kind(d);
    if (k != 'f' && k != 'c') return false;
    size_t part = k == 'c' ? size / 2 : size, nparts = size / part;
    for (size_t i = 0; i < nparts; i++) {
        const unsigned char *g = got + i * part, *w = want + i * part;
        if (memcmp(g, w, part) != 0 && !(is_nan_bytes(g, part) && is_nan_bytes(w, part)))
            return false;
    }
    return true;
}

static void print_hex(const unsigned char *p, size_t n)
{
    for (size_t i = 0; i < n; i++) printf("%02x", p[i]);
}

/* Cast every fixture source through nd_cast_strided with the given layout: element
 * stride multiplier (negative walks backwards) and a byte offset (1 = unaligned). */
static int check_casts(int mult, size_t offset)
{
    load_cast_fixture();
    int checked = 0;
    enum { PAD = 4 * 16 * MAXVALS + 64 };
    static unsigned char sbuf[PAD], dbuf[PAD];
    for (int s = 0; s < ND_NTYPES; s++) {
        size_t ssz = nd_dtype_size((nd_dtype)s);
        int n = fx[s].n;
        int m = mult < 0 ? -mult : mult;
        ptrdiff_t ss = (ptrdiff_t)ssz * mult;
        /* element k at base + k*stride; with negative strides base is the last slot */
        unsigned char *sbase = sbuf + offset + (mult < 0 ? (size_t)(n - 1) * ssz * (size_t)m : 0);
        for (int k = 0; k < n; k++) memcpy(sbase + k * ss, fx[s].src[k], ssz);
        for (int d = 0; d < ND_NTYPES; d++) {
            size_t dsz = nd_dtype_size((nd_dtype)d);
            ptrdiff_t ds = (ptrdiff_t)dsz * mult;
            unsigned char *dbase = dbuf + offset + (mult < 0 ? (size_t)(n - 1) * dsz * (size_t)m : 0);
            memset(dbuf, 0xAB, sizeof dbuf);
            nd_cast_strided(dbase, (nd_dtype)d, ds, sbase, (nd_dtype)s, ss, n);
            for (int k = 0; k < n; k++) {
                bool ok = same_element((nd_dtype)d, dbase + k * ds, fx[s].dst[d][k]);
                if (!ok) {
                    printf("\n  %s -> %s: src ", nd_dtype_name((nd_dtype)s),
                           nd_dtype_name((nd_dtype)d));
                    print_hex(fx[s].src[k], ssz);
                    printf(" got ");
                    print_hex(dbase + k * ds, dsz);
                    printf(" NumPy ");
                    print_hex(fx[s].dst[d][k], dsz);
                    printf("\n");
                }
                CU_ASSERT(ok);
                checked++;
            }
        }
    }
    return checked;
}

static void test_cast_contiguous_matches_numpy(void)
{
    int checked = check_casts(1, 0), values = 0;
    for (int s = 0; s < ND_NTYPES; s++) values += fx[s].n;
    CU_ASSERT(values > 300);
    CU_ASSERT_EQUAL(checked, values * ND_NTYPES);
}

static void test_cast_strided_matches_numpy(void) { CU_ASSERT(check_casts(3, 0) > 0); }
static void test_cast_negative_stride_matches_numpy(void) { CU_ASSERT(check_casts(-2, 0) > 0); }
static void test_cast_unaligned_matches_numpy(void) { CU_ASSERT(check_casts(1, 1) > 0); }

static void test_cast_every_pair_has_fixture_values(void)
{
    load_cast_fixture();
    CU_ASSERT_EQUAL(fx[ND_BOOL].n, 2);
    for (int s = 1; s < ND_NTYPES; s++) CU_ASSERT(fx[s].n >= 10);
}

static void test_cast_float_to_int_out_of_range_is_defined(void)
{
    const double nan = NAN, inf = INFINITY;
    double src[] = { nan, inf, -inf, 300.0, -1.0, 1e10, 1e30, -1e30, 18446744073709549568.0 };
    int64_t i64[9];
    int32_t i32[9];
    int8_t i8[9];
    uint8_t u8[9];
    uint32_t u32[9];
    uint64_t u64[9];
    nd_cast_strided(i64, ND_INT64, 8, src, ND_FLOAT64, 8, 9);
    nd_cast_strided(i32, ND_INT32, 4, src, ND_FLOAT64, 8, 9);
    nd_cast_strided(i8, ND_INT8, 1, src, ND_FLOAT64, 8, 9);
    nd_cast_strided(u8, ND_UINT8, 1, src, ND_FLOAT64, 8, 9);
    nd_cast_strided(u32, ND_UINT32, 4, src, ND_FLOAT64, 8, 9);
    nd_cast_strided(u64, ND_UINT64, 8, src, ND_FLOAT64, 8, 9);
    CU_ASSERT_EQUAL(i64[0], INT64_MIN);
    CU_ASSERT_EQUAL(i64[1], INT64_MIN);
    CU_ASSERT_EQUAL(i64[5], 10000000000);
    CU_ASSERT_EQUAL(i32[0], INT32_MIN);
    CU_ASSERT_EQUAL(i32[5], INT32_MIN);
    CU_ASSERT_EQUAL(i8[3], 44);
    CU_ASSERT_EQUAL(i8[0], 0);
    CU_ASSERT_EQUAL(u8[4], 255);
    CU_ASSERT_EQUAL(u32[4], 4294967295u);
    CU_ASSERT_EQUAL(u32[5], 1410065408u);
    CU_ASSERT_EQUAL(u64[0], UINT64_C(9223372036854775808));
    CU_ASSERT_EQUAL(u64[1], 0);
    CU_ASSERT_EQUAL(u64[2], UINT64_C(9223372036854775808));
    CU_ASSERT_EQUAL(u64[4], UINT64_MAX);
    CU_ASSERT_EQUAL(u64[6], 0);
    CU_ASSERT_EQUAL(u64[8], UINT64_C(18446744073709549568));
}

static void test_cast_truncates_toward_zero(void)
{
    double src[] = { 2.9, -2.9, 0.5, -0.5, 127.99 };
    int32_t got[5];
    nd_cast_strided(got, ND_INT32, 4, src, ND_FLOAT64, 8, 5);
    CU_ASSERT_EQUAL(got[0], 2);
    CU_ASSERT_EQUAL(got[1], -2);
    CU_ASSERT_EQUAL(got[2], 0);
    CU_ASSERT_EQUAL(got[3], 0);
    CU_ASSERT_EQUAL(got[4], 127);
}

static void test_cast_bool_bytes_other_than_one_are_true(void)
{
    unsigned char b[3] = { 0, 2, 255 };
    double f[3];
    unsigned char nb[3];
    nd_cast_strided(f, ND_FLOAT64, 8, b, ND_BOOL, 1, 3);
    nd_cast_strided(nb, ND_UINT8, 1, b, ND_BOOL, 1, 3);
    CU_ASSERT_EQUAL(f[0], 0.0);
    CU_ASSERT_EQUAL(f[1], 1.0);
    CU_ASSERT_EQUAL(f[2], 1.0);
    CU_ASSERT_EQUAL(nb[1], 1);
    CU_ASSERT_EQUAL(nb[2], 1);
}

static void test_cast_complex_to_bool_uses_both_parts(void)
{
    double c[6] = { 0, 0, 0, 2, 0, NAN };
    unsigned char b[3];
    nd_cast_strided(b, ND_BOOL, 1, c, ND_COMPLEX128, 16, 3);
    CU_ASSERT_EQUAL(b[0], 0);
    CU_ASSERT_EQUAL(b[1], 1);
    CU_ASSERT_EQUAL(b[2], 1);
}

static void test_cast_same_type_copies_bits(void)
{
    uint64_t src[6] = { 1, 2, 3, 4, 5, UINT64_C(0x7ff8dead0000beef) };
    uint64_t dst[6] = { 0 };
    nd_cast_strided(dst, ND_FLOAT64, 8, src, ND_FLOAT64, 8, 6);
    CU_ASSERT_EQUAL(memcmp(dst, src, sizeof src), 0);
    uint64_t even[3] = { 0 };
    nd_cast_strided(even, ND_INT64, 8, src, ND_INT64, 16, 3);
    CU_ASSERT_EQUAL(even[0], 1);
    CU_ASSERT_EQUAL(even[1], 3);
    CU_ASSERT_EQUAL(even[2], 5);
    /* stride 0 source broadcasts one element */
    int16_t one = 7, fill[4];
    nd_cast_strided(fill, ND_INT16, 2, &one, ND_INT16, 0, 4);
    CU_ASSERT(fill[0] == 7 && fill[3] == 7);
}

static void test_cast_zero_count_and_invalid_dtype(void)
{
    int32_t dst = 99;
    double src = 1.0;
    nd_cast_strided(&dst, ND_INT32, 4, &src, ND_FLOAT64, 8, 0);
    CU_ASSERT_EQUAL(dst, 99);
    nd_clear_error();
    nd_cast_strided(&dst, ND_NTYPES, 4, &src, ND_FLOAT64, 8, 1);
    CU_ASSERT_EQUAL(nd_last_error(), ND_EDTYPE);
    CU_ASSERT_EQUAL(dst, 99);
}

/* ---- scalars ----------------------------------------------------------------------- */

static void test_scalar_load_uses_member_of_kind(void)
{
    int8_t i8 = -5;
    uint32_t u32 = 4000000000u;
    float f32 = 1.5f;
    float c64[2] = { 2.5f, -3.0f };
    unsigned char b = 1;
    nd_scalar s = nd__scalar_load(&i8, ND_INT8);
    CU_ASSERT(s.dtype == ND_INT8 && s.v.i == -5);
    s = nd__scalar_load(&u32, ND_UINT32);
    CU_ASSERT(s.dtype == ND_UINT32 && s.v.u == 4000000000u);
    s = nd__scalar_load(&f32, ND_FLOAT32);
    CU_ASSERT(s.dtype == ND_FLOAT32 && s.v.f == 1.5);
    s = nd__scalar_load(c64, ND_COMPLEX64);
    CU_ASSERT(s.dtype == ND_COMPLEX64 && s.v.c[0] == 2.5 && s.v.c[1] == -3.0);
    s = nd__scalar_load(&b, ND_BOOL);
    CU_ASSERT(s.dtype == ND_BOOL && s.v.b);
}

static void test_scalar_store_converts_unsafely(void)
{
    int8_t i8;
    nd__scalar_store(&i8, ND_INT8, ND_I64(300));
    CU_ASSERT_EQUAL(i8, 44);
    nd__scalar_store(&i8, ND_INT8, ND_F64(-2.9));
    CU_ASSERT_EQUAL(i8, -2);
    uint16_t u16;
    nd__scalar_store(&u16, ND_UINT16, ND_I64(-1));
    CU_ASSERT_EQUAL(u16, 65535);
    float f32;
    nd__scalar_store(&f32, ND_FLOAT32, ND_U64(UINT64_MAX));
    CU_ASSERT_EQUAL(f32, 18446744073709551616.0f);
    double c[2];
    nd__scalar_store(c, ND_COMPLEX128, ND_F64(4.0));
    CU_ASSERT(c[0] == 4.0 && c[1] == 0.0);
    unsigned char b;
    nd__scalar_store(&b, ND_BOOL, ND_C128(0.0, -1.0));
    CU_ASSERT_EQUAL(b, 1);
    int64_t i64;
    nd__scalar_store(&i64, ND_INT64, ND_BOOL_S(true));
    CU_ASSERT_EQUAL(i64, 1);
    /* a scalar tagged with a narrow dtype still reads its kind's widest member */
    nd_scalar f = { .dtype = ND_FLOAT32, .v.f = 0.1 };
    double d;
    nd__scalar_store(&d, ND_FLOAT64, f);
    CU_ASSERT_EQUAL(d, 0.1);
}

static void test_scalar_roundtrip_every_dtype(void)
{
    for (int t = 0; t < ND_NTYPES; t++) {
        unsigned char in[16], out[16];
        nd__scalar_store(in, (nd_dtype)t, ND_C128(1.0, 0.0));
        nd_scalar s = nd__scalar_load(in, (nd_dtype)t);
        CU_ASSERT_EQUAL((int)s.dtype, t);
        nd__scalar_store(out, (nd_dtype)t, s);
        CU_ASSERT_EQUAL(memcmp(in, out, nd_dtype_size((nd_dtype)t)), 0);
        CU_ASSERT_EQUAL(nd_scalar_as_f64(s), 1.0);
        CU_ASSERT_EQUAL(nd_scalar_as_i64(s), 1);
    }
}

static void test_scalar_as_f64_and_i64(void)
{
    CU_ASSERT_EQUAL(nd_scalar_as_f64(ND_I64(-7)), -7.0);
    CU_ASSERT_EQUAL(nd_scalar_as_f64(ND_U64(UINT64_MAX)), 18446744073709551616.0);
    CU_ASSERT_EQUAL(nd_scalar_as_f64(ND_C128(2.5, 9.0)), 2.5);
    CU_ASSERT_EQUAL(nd_scalar_as_f64(ND_BOOL_S(true)), 1.0);
    CU_ASSERT_EQUAL(nd_scalar_as_i64(ND_F64(-3.99)), -3);
    CU_ASSERT_EQUAL(nd_scalar_as_i64(ND_F64(NAN)), INT64_MIN);
    CU_ASSERT_EQUAL(nd_scalar_as_i64(ND_F64(1e300)), INT64_MIN);
    CU_ASSERT_EQUAL(nd_scalar_as_i64(ND_U64(UINT64_MAX)), -1);
    CU_ASSERT_EQUAL(nd_scalar_as_i64(ND_C128(-8.5, 1.0)), -8);
    CU_ASSERT_EQUAL(nd_scalar_as_i64(ND_I64(INT64_MIN)), INT64_MIN);
}

static void test_scalar_invalid_dtype(void)
{
    int32_t x = 5;
    nd_scalar bad = { .dtype = ND_NTYPES, .v.i = 3 };
    nd_clear_error();
    nd__scalar_store(&x, ND_INT32, bad);
    CU_ASSERT_EQUAL(nd_last_error(), ND_EDTYPE);
    CU_ASSERT_EQUAL(x, 0);
    nd_clear_error();
    CU_ASSERT_EQUAL(nd_scalar_as_f64(bad), 0.0);
    CU_ASSERT_EQUAL(nd_last_error(), ND_EDTYPE);
}

static const ND_TEST tests[] = {
    ND_T(test_names_sizes_kinds),
    ND_T(test_invalid_dtype_properties),
    ND_T(test_from_name_roundtrips_every_dtype),
    ND_T(test_from_name_matches_numpy),
    ND_T(test_from_name_brief_spellings),
    ND_T(test_from_name_unknown_message),
    ND_T(test_from_name_big_endian_rejected),
    ND_T(test_from_name_rejects_null_empty_and_spaces),
    ND_T(test_result_type_matches_numpy),
    ND_T(test_result_type_known_pairs),
    ND_T(test_result_type_invalid),
    ND_T(test_can_cast_matches_numpy),
    ND_T(test_can_cast_invalid),
    ND_T(test_casting_names),
    ND_T(test_cast_every_pair_has_fixture_values),
    ND_T(test_cast_contiguous_matches_numpy),
    ND_T(test_cast_strided_matches_numpy),
    ND_T(test_cast_negative_stride_matches_numpy),
    ND_T(test_cast_unaligned_matches_numpy),
    ND_T(test_cast_float_to_int_out_of_range_is_defined),
    ND_T(test_cast_truncates_toward_zero),
    ND_T(test_cast_bool_bytes_other_than_one_are_true),
    ND_T(test_cast_complex_to_bool_uses_both_parts),
    ND_T(test_cast_same_type_copies_bits),
    ND_T(test_cast_zero_count_and_invalid_dtype),
    ND_T(test_scalar_load_uses_member_of_kind),
    ND_T(test_scalar_store_converts_unsafely),
    ND_T(test_scalar_roundtrip_every_dtype),
    ND_T(test_scalar_as_f64_and_i64),
    ND_T(test_scalar_invalid_dtype),
    { 0 },
};

ND_TEST_MAIN("dtype", tests)
