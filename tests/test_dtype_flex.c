/* The flexible dtypes as values: names, sizes, kinds, parsing, promotion and casting
 * levels, checked against NumPy fixtures (tests/data/dtype/gen_flex.py); arrays of them
 * through the generic paths (creation, copies, views, element access). */
#include <numc/numc.h>

#include <stdint.h>
#include "testutil.h"

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

static int parse(const char *name)
{
    nd_clear_error();
    int t = nd_dtype_from_name(name);
    if (t < 0) printf("\n  cannot parse '%s': %s\n", name, nd_errmsg());
    CU_ASSERT(t >= 0);
    return t;
}

static void test_names_sizes_kinds_match_numpy(void)
{
    FILE *f = open_fixture("flex_names.txt");
    char spelled[64], str[64], kind[4], chr[4];
    size_t size;
    int n = 0;
    while (fscanf(f, "%63s %63s %zu %3s %3s", spelled, str, &size, kind, chr) == 5) {
        int t = parse(spelled);
        if (t < 0) continue;
        CU_ASSERT(nd_dtype_is_valid(t) && nd_dtype_is_flexible(t) && !nd_dtype_is_numeric(t));
        CU_ASSERT_STRING_EQUAL(nd_dtype_name((nd_dtype)t), str);
        CU_ASSERT_EQUAL(nd_dtype_size((nd_dtype)t), size);
        CU_ASSERT_EQUAL(nd_dtype_kind((nd_dtype)t), kind[0]);
        CU_ASSERT_EQUAL(nd_dtype_char((nd_dtype)t), chr[0]);
        CU_ASSERT_EQUAL(parse(str), t); /* str(dtype) parses back */
        n++;
    }
    fclose(f);
    CU_ASSERT_EQUAL(n, 36);
}

static void test_constructors_and_parameters(void)
{
    CU_ASSERT_EQUAL(nd_dtype_from_name("datetime64[D]"), ND_DATETIME64_OF(ND_DT_D));
    CU_ASSERT_EQUAL(nd_dtype_from_name("<m8[ns]"), ND_TIMEDELTA64_OF(ND_DT_ns));
    CU_ASSERT_EQUAL(nd_dtype_from_name("U10"), ND_STR_OF(10));
    CU_ASSERT_EQUAL(nd_dtype_from_name("|S7"), ND_BYTES_OF(7));
    CU_ASSERT_EQUAL(nd_dtype_from_name("str"), ND_STR_OF(0));
    CU_ASSERT_EQUAL(nd_dtype_from_name("bytes"), ND_BYTES_OF(0));
    nd_dtype t = nd_dtype_datetime(ND_DATETIME64, ND_DT_s, 25);
    CU_ASSERT_STRING_EQUAL(nd_dtype_name(t), "datetime64[25s]");
    CU_ASSERT_EQUAL(nd_dtype_unit(t), ND_DT_s);
    CU_ASSERT_EQUAL(nd_dtype_unit_count(t), 25);
    CU_ASSERT_EQUAL(nd_dtype_base(t), ND_DATETIME64);
    CU_ASSERT(nd_dtype_is_datetime(t) && !nd_dtype_is_timedelta(t) && !nd_dtype_is_string(t));
    CU_ASSERT_EQUAL(nd_dtype_width(ND_STR_OF(10)), 10);
    CU_ASSERT_EQUAL(nd_dtype_size(ND_STR_OF(10)), 40);
    CU_ASSERT_EQUAL(nd_dtype_width(ND_FLOAT64), 0);
    CU_ASSERT_EQUAL(nd_dtype_unit(ND_FLOAT64), ND_DT_NUNITS);
    CU_ASSERT_EQUAL(nd_dtype_base(ND_INT32), ND_INT32);
    CU_ASSERT_EQUAL(nd_dtype_base((nd_dtype)0x24), -1);
    /* bad parameters are errors, not dtypes */
    CU_ASSERT_EQUAL(nd_dtype_datetime(ND_DATETIME64, ND_DT_GENERIC, 2), ND_NTYPES);
    CU_ASSERT_EQUAL(nd_last_error(), ND_EDTYPE);
    CU_ASSERT_EQUAL(nd_dtype_datetime(ND_BYTES, ND_DT_s, 1), ND_NTYPES);
    CU_ASSERT_EQUAL(nd_dtype_datetime(ND_DATETIME64, ND_DT_s, 0), ND_NTYPES);
    CU_ASSERT_FALSE(nd_dtype_is_valid(ND_DATETIME64 | 14 << 8)); /* unit past generic */
    static const char *bad[] = { "M8[", "M8[D", "M8[x]", "M8[0s]", "datetime64[D]x", "U1x", "S-1",
                                 "U99999999", ">U3", ">M8[D]", "M8[2]" };
    for (size_t i = 0; i < sizeof bad / sizeof *bad; i++) {
        nd_clear_error();
        CU_ASSERT_EQUAL(nd_dtype_from_name(bad[i]), -1);
        CU_ASSERT_EQUAL(nd_last_error(), ND_EDTYPE);
    }
}

static void test_promote_matches_numpy(void)
{
    FILE *f = open_fixture("flex_promote.txt");
    char a[64], b[64], want[64];
    int n = 0, bad = 0;
    while (fscanf(f, "%63s %63s %63s", a, b, want) == 3) {
        int ta = parse(a), tb = parse(b);
        nd_clear_error();
        nd_dtype r = nd_result_type((nd_dtype)ta, (nd_dtype)tb);
        const char *got = r == ND_NTYPES ? "error" : nd_dtype_name(r);
        if (strcmp(got, want) != 0 && bad++ < 10) printf("\n  promote(%s, %s): %s, NumPy %s\n", a, b, got, want);
        CU_ASSERT_STRING_EQUAL(got, want);
        if (r == ND_NTYPES) CU_ASSERT_EQUAL(nd_last_error(), ND_EDTYPE);
        n++;
    }
    fclose(f);
    CU_ASSERT(n > 1700);
}

static void test_can_cast_matches_numpy(void)
{
    static const nd_casting levels[] = { ND_CAST_NO, ND_CAST_EQUIV, ND_CAST_SAFE, ND_CAST_SAME_KIND,
                                         ND_CAST_UNSAFE };
    FILE *f = open_fixture("flex_cast.txt");
    char a[64], b[64], bits[8];
    int n = 0, bad = 0;
    while (fscanf(f, "%63s %63s %7s", a, b, bits) == 3) {
        int ta = parse(a), tb = parse(b);
        for (int c = 0; c < 5; c++) {
            bool got = nd_can_cast((nd_dtype)ta, (nd_dtype)tb, levels[c]);
            if (got != (bits[c] == '1') && bad++ < 10)
                printf("\n  can_cast(%s, %s, %s): %d, NumPy %c\n", a, b, nd_casting_name(levels[c]), got,
                       bits[c]);
            CU_ASSERT_EQUAL(got, bits[c] == '1');
        }
        n++;
    }
    fclose(f);
    CU_ASSERT(n > 2000);
}

static void test_issubdtype(void)
{
    nd_dtype d = ND_DATETIME64_OF(ND_DT_D), s = ND_STR_OF(3);
    CU_ASSERT(nd_issubdtype(d, ND_KIND_GENERIC));
    CU_ASSERT_FALSE(nd_issubdtype(d, ND_KIND_NUMBER));
    CU_ASSERT(nd_issubdtype(d, ND_DATETIME64_OF(ND_DT_s))); /* both are datetime64 */
    CU_ASSERT(nd_issubdtype(ND_TIMEDELTA64_OF(ND_DT_s), ND_KIND_SIGNEDINTEGER));
    CU_ASSERT(nd_issubdtype(s, ND_KIND_CHARACTER));
    CU_ASSERT(nd_issubdtype(s, ND_KIND_FLEXIBLE));
    CU_ASSERT(nd_issubdtype(s, ND_STR_OF(0)));
    CU_ASSERT_FALSE(nd_issubdtype(s, ND_BYTES_OF(0)));
    CU_ASSERT_STRING_EQUAL(nd_kind_name(ND_KIND_CHARACTER), "character");
}

/* Arrays of flexible dtypes go through the generic paths: allocation, zero fill, copies
 * of any item size (strided and transposed), views, reshape; what needs a cast is an error. */
static void test_arrays_of_flexible_dtypes(void)
{
    ptrdiff_t shape[2] = { 3, 4 };
    nd_array *a = nd_zeros(2, shape, ND_STR_OF(3));
    CU_ASSERT_PTR_NOT_NULL_FATAL(a);
    CU_ASSERT_EQUAL(nd_itemsize(a), 12);
    CU_ASSERT_EQUAL(nd_strides(a)[0], 48);
    unsigned char *p = nd_data(a);
    for (int i = 0; i < 12; i++) memcpy(p + 12 * i, (uint32_t[3]){ (uint32_t)('a' + i), 'x', (uint32_t)i }, 12);
    nd_array *t = nd_transpose(a);
    nd_array *c = nd_copy(t, ND_ORDER_C);
    CU_ASSERT_PTR_NOT_NULL_FATAL(c);
    const uint32_t *q = nd_data(c);
    for (int i = 0; i < 4; i++)
        for (int j = 0; j < 3; j++) CU_ASSERT_EQUAL(q[3 * (i * 3 + j)], (uint32_t)('a' + j * 4 + i));
    /* a strided (every other column) copy of 12-byte items */
    nd_array *v = nd_view(a, ":, ::2");
    nd_array *vc = nd_copy(v, ND_ORDER_C);
    CU_ASSERT_PTR_NOT_NULL_FATAL(vc);
    CU_ASSERT_EQUAL(((const uint32_t *)nd_data(vc))[3 * 3], (uint32_t)('a' + 6));
    /* scalars do not go into string arrays */
    nd_clear_error();
    CU_ASSERT_EQUAL(nd_fill(a, ND_I64(1)), ND_EDTYPE);
    CU_ASSERT_PTR_NULL(nd_full(2, shape, ND_STR_OF(3), ND_I64(1)));
    nd_scalar sc;
    CU_ASSERT_EQUAL(nd_get(a, 2, (ptrdiff_t[]){ 0, 0 }, &sc), ND_EDTYPE);
    /* text that is no number: a parse error (core/strings), not garbage */
    CU_ASSERT_PTR_NULL(nd_astype(a, ND_FLOAT64, ND_CAST_UNSAFE));
    CU_ASSERT_EQUAL(nd_last_error(), ND_EVALUE);
    /* an unsized string dtype has no arrays */
    CU_ASSERT_PTR_NULL(nd_empty(2, shape, ND_STR_OF(0)));
    CU_ASSERT_EQUAL(nd_last_error(), ND_EDTYPE);
    nd_free(a), nd_free(t), nd_free(c), nd_free(v), nd_free(vc);

    /* dates hold int64 ticks: scalars store and load them, NaN becomes NaT */
    nd_array *d = nd_full(1, (ptrdiff_t[]){ 3 }, ND_DATETIME64_OF(ND_DT_D), ND_I64(14000));
    CU_ASSERT_PTR_NOT_NULL_FATAL(d);
    CU_ASSERT_EQUAL(((const int64_t *)nd_data(d))[2], 14000);
    CU_ASSERT_EQUAL(nd_set(d, 1, (ptrdiff_t[]){ 1 }, ND_F64(0.0 / 0.0)), ND_OK);
    CU_ASSERT_EQUAL(((const int64_t *)nd_data(d))[1], ND_NAT);
    CU_ASSERT_EQUAL(nd_get(d, 1, (ptrdiff_t[]){ 0 }, &sc), ND_OK);
    CU_ASSERT_EQUAL(sc.dtype, ND_DATETIME64_OF(ND_DT_D));
    CU_ASSERT_EQUAL(sc.v.i, 14000);
    nd_free(d);
}

static const ND_TEST tests[] = {
    ND_T(test_names_sizes_kinds_match_numpy),
    ND_T(test_constructors_and_parameters),
    ND_T(test_promote_matches_numpy),
    ND_T(test_can_cast_matches_numpy),
    ND_T(test_issubdtype),
    ND_T(test_arrays_of_flexible_dtypes),
    { 0 },
};

ND_TEST_MAIN("dtype_flex", tests)
