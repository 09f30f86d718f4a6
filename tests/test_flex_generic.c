/* Arrays of the flexible dtypes through the dtype-agnostic routines, which move elements as
 * bytes: take, concatenate, reshape, flip, repeat, fancy indexing, pad's copying modes —
 * with exact bytes checked for '<U3' / '<U5' (12 and 20 bytes per element: wider than the
 * 16-byte element buffers of the numeric paths) and 'M8[D]' (int64 days). Numeric-only
 * routines refuse them with ND_EDTYPE naming the function and the dtype. */
#include <numc/numc.h>

#include <stdint.h>
#include "testutil.h"

#include <string.h>

/* A 1-D '<Uw' array of ASCII strings (UCS-4 code points, zero-padded to w). */
static nd_array *ustr(size_t w, int n, const char *const *s)
{
    uint32_t buf[64] = { 0 };
    CU_ASSERT_FATAL((size_t)n * w <= 64);
    for (int i = 0; i < n; i++)
        for (size_t k = 0; k < w && s[i][k]; k++) buf[(size_t)i * w + k] = (unsigned char)s[i][k];
    nd_array *a = nd_from_buffer(buf, 1, (const ptrdiff_t[]){ n }, ND_STR_OF(w));
    CU_ASSERT_PTR_NOT_NULL_FATAL(a);
    return a;
}

/* a (any shape, any layout) holds exactly the strings s in C order. */
static bool ustr_equal(const nd_array *a, size_t w, int n, const char *const *s)
{
    if (!a || nd_dtype_of(a) != ND_STR_OF(w) || nd_size(a) != n) return false;
    nd_array *c = nd_ascontiguousarray(a);
    if (!c) return false;
    const uint32_t *d = nd_data(c);
    bool ok = true;
    for (int i = 0; i < n && ok; i++)
        for (size_t k = 0; k < w; k++) {
            uint32_t want = k < strlen(s[i]) ? (unsigned char)s[i][k] : 0;
            if (d[(size_t)i * w + k] != want) ok = false;
        }
    nd_free(c);
    return ok;
}

static nd_array *days(int n, const int64_t *v)
{
    nd_array *a = nd_from_buffer(v, 1, (const ptrdiff_t[]){ n }, ND_DATETIME64_OF(ND_DT_D));
    CU_ASSERT_PTR_NOT_NULL_FATAL(a);
    return a;
}

static bool days_equal(const nd_array *a, int n, const int64_t *v)
{
    if (!a || nd_dtype_of(a) != ND_DATETIME64_OF(ND_DT_D) || nd_size(a) != n) return false;
    nd_array *c = nd_ascontiguousarray(a);
    bool ok = c && memcmp(nd_data(c), v, (size_t)n * 8) == 0;
    nd_free(c);
    return ok;
}

static void test_take(void)
{
    nd_array *u = ustr(5, 3, (const char *[]){ "a", "bb", "ccccc" });
    nd_array *ix = nd_from_buffer((const int64_t[]){ 2, 0, 2, 1 }, 1, (const ptrdiff_t[]){ 4 }, ND_INT64);
    nd_array *t = nd_take(u, ix, 0);
    CU_ASSERT(ustr_equal(t, 5, 4, (const char *[]){ "ccccc", "a", "ccccc", "bb" }));
    nd_array *d = days(3, (const int64_t[]){ 19000, -1, ND_NAT });
    nd_array *td = nd_take(d, ix, 0);
    CU_ASSERT(days_equal(td, 4, (const int64_t[]){ ND_NAT, 19000, ND_NAT, -1 }));
    nd_free(t);
    nd_free(td);
    nd_free(ix);
    nd_free(u);
    nd_free(d);
}

static void test_concatenate_reshape(void)
{
    nd_array *a = ustr(3, 2, (const char *[]){ "ab", "c" }), *b = ustr(3, 2, (const char *[]){ "xyz", "" });
    nd_array *c = nd_concatenate(ND_ARRAYS(a, b));
    CU_ASSERT(ustr_equal(c, 3, 4, (const char *[]){ "ab", "c", "xyz", "" }));
    nd_array *r = c ? nd_reshape(c, 2, (const ptrdiff_t[]){ 2, 2 }) : NULL;
    CU_ASSERT_PTR_NOT_NULL_FATAL(r);
    CU_ASSERT_EQUAL(nd_ndim(r), 2);
    nd_array *rt = nd_transpose(r, NULL); /* [[ab, xyz], [c, ""]] */
    CU_ASSERT(ustr_equal(rt, 3, 4, (const char *[]){ "ab", "xyz", "c", "" }));
    nd_array *d1 = days(2, (const int64_t[]){ 1, 2 }), *d2 = days(1, (const int64_t[]){ 3 });
    nd_array *dc = nd_concatenate(ND_ARRAYS(d1, d2));
    CU_ASSERT(days_equal(dc, 3, (const int64_t[]){ 1, 2, 3 }));
    nd_free(rt);
    nd_free(r);
    nd_free(c);
    nd_free(a);
    nd_free(b);
    nd_free(dc);
    nd_free(d1);
    nd_free(d2);
}

static void test_flip_repeat(void)
{
    nd_array *u = ustr(5, 3, (const char *[]){ "one", "two", "three" });
    nd_array *f = nd_flip(u, 0, NULL);
    CU_ASSERT(ustr_equal(f, 5, 3, (const char *[]){ "three", "two", "one" }));
    nd_array *r = nd_repeat(u, 1, (const ptrdiff_t[]){ 2 }, 0);
    CU_ASSERT(ustr_equal(r, 5, 6, (const char *[]){ "one", "one", "two", "two", "three", "three" }));
    nd_array *d = days(3, (const int64_t[]){ 10, 20, 30 });
    nd_array *df = nd_flip(d, 0, NULL);
    CU_ASSERT(days_equal(df, 3, (const int64_t[]){ 30, 20, 10 }));
    nd_array *dr = nd_repeat(d, 3, (const ptrdiff_t[]){ 0, 1, 2 }, 0);
    CU_ASSERT(days_equal(dr, 3, (const int64_t[]){ 20, 30, 30 }));
    nd_free(f);
    nd_free(r);
    nd_free(u);
    nd_free(df);
    nd_free(dr);
    nd_free(d);
}

static void test_fancy_indexing(void)
{
    nd_array *u = ustr(5, 4, (const char *[]){ "w", "xx", "yyy", "zzzzz" });
    nd_array *ix = nd_from_buffer((const int64_t[]){ 3, 1, 3 }, 1, (const ptrdiff_t[]){ 3 }, ND_INT64);
    nd_array *g = nd_getitem(u, ND_ARR(ix));
    CU_ASSERT(ustr_equal(g, 5, 3, (const char *[]){ "zzzzz", "xx", "zzzzz" }));
    /* scatter: u[[0, 2]] = ["vv", "uuuuu"] */
    nd_array *j = nd_from_buffer((const int64_t[]){ 0, 2 }, 1, (const ptrdiff_t[]){ 2 }, ND_INT64);
    nd_array *v = ustr(5, 2, (const char *[]){ "vv", "uuuuu" });
    CU_ASSERT_EQUAL(nd_setitem_(u, 1, (const nd_index[]){ ND_ARR(j) }, v), ND_OK);
    CU_ASSERT(ustr_equal(u, 5, 4, (const char *[]){ "vv", "xx", "uuuuu", "zzzzz" }));
    /* a boolean mask */
    nd_array *m = nd_from_buffer((const bool[]){ true, false, false, true }, 1, (const ptrdiff_t[]){ 4 }, ND_BOOL);
    nd_array *gm = nd_getitem(u, ND_ARR(m));
    CU_ASSERT(ustr_equal(gm, 5, 2, (const char *[]){ "vv", "zzzzz" }));
    nd_array *d = days(4, (const int64_t[]){ 5, 6, 7, 8 });
    nd_array *dg = nd_getitem(d, ND_ARR(ix));
    CU_ASSERT(days_equal(dg, 3, (const int64_t[]){ 8, 6, 8 }));
    nd_free(gm);
    nd_free(m);
    nd_free(g);
    nd_free(v);
    nd_free(j);
    nd_free(ix);
    nd_free(u);
    nd_free(dg);
    nd_free(d);
}

static void test_pad_copying_modes(void)
{
    /* 20-byte elements through edge and even-reflect padding (a 16-byte buffer overflowed) */
    nd_array *u = ustr(5, 2, (const char *[]){ "left", "right" });
    nd_array *e = nd_pad_ex(u, ND_WIDTHS(1, 2), .mode = ND_PAD_EDGE);
    CU_ASSERT(ustr_equal(e, 5, 5, (const char *[]){ "left", "left", "right", "right", "right" }));
    nd_array *r = nd_pad_ex(u, ND_WIDTHS(1), .mode = ND_PAD_REFLECT);
    CU_ASSERT(ustr_equal(r, 5, 4, (const char *[]){ "right", "left", "right", "left" }));
    /* the modes that compute values are numeric */
    nd_clear_error();
    CU_ASSERT_PTR_NULL(nd_pad_ex(u, ND_WIDTHS(1), .mode = ND_PAD_MEAN));
    CU_ASSERT_EQUAL(nd_last_error(), ND_EDTYPE);
    CU_ASSERT_PTR_NOT_NULL(strstr(nd_errmsg(), "nd_pad"));
    CU_ASSERT_PTR_NOT_NULL(strstr(nd_errmsg(), "<U5"));
    nd_free(e);
    nd_free(r);
    nd_free(u);
}

static void test_numeric_routines_refuse(void)
{
    nd_array *u = nd_zeros(ND_SHAPE(2, 2), ND_STR_OF(5));
    nd_array *d = nd_zeros(ND_SHAPE(2, 2), ND_DATETIME64_OF(ND_DT_D));
    CU_ASSERT_PTR_NOT_NULL_FATAL(u);
    CU_ASSERT_PTR_NOT_NULL_FATAL(d);
    struct { nd_array *r; const char *who, *dt; } cases[4];
    nd_clear_error();
    cases[0].r = nd_det(u), cases[0].who = "nd_det", cases[0].dt = "<U5";
    CU_ASSERT_EQUAL(nd_last_error(), ND_EDTYPE);
    CU_ASSERT(strstr(nd_errmsg(), cases[0].who) && strstr(nd_errmsg(), cases[0].dt));
    nd_clear_error();
    cases[1].r = nd_var(d), cases[1].who = "nd_var", cases[1].dt = "datetime64[D]";
    CU_ASSERT_EQUAL(nd_last_error(), ND_EDTYPE);
    CU_ASSERT(strstr(nd_errmsg(), cases[1].who) && strstr(nd_errmsg(), cases[1].dt));
    nd_clear_error();
    cases[2].r = nd_histogram_bin_edges(d), cases[2].who = "nd_histogram", cases[2].dt = "datetime64[D]";
    CU_ASSERT_EQUAL(nd_last_error(), ND_EDTYPE);
    CU_ASSERT(strstr(nd_errmsg(), cases[2].who) && strstr(nd_errmsg(), cases[2].dt));
    nd_clear_error();
    cases[3].r = nd_eye(2, 2, 0, ND_STR_OF(5)), cases[3].who = "nd_eye", cases[3].dt = "<U5";
    CU_ASSERT_EQUAL(nd_last_error(), ND_EDTYPE);
    CU_ASSERT(strstr(nd_errmsg(), cases[3].who) && strstr(nd_errmsg(), cases[3].dt));
    for (int i = 0; i < 4; i++) CU_ASSERT_PTR_NULL(cases[i].r);
    /* a mask assignment of a scalar into strings (the element buffer is 16 bytes) */
    nd_array *m = nd_ones(ND_SHAPE(2, 2), ND_BOOL);
    nd_clear_error();
    CU_ASSERT_EQUAL(nd_mask_assign(u, m, ND_I64(1)), ND_EDTYPE);
    CU_ASSERT_PTR_NOT_NULL(strstr(nd_errmsg(), "nd_mask_assign"));
    nd_free(m);
    /* scalar access: a date element reads as its tick count, a string one is refused */
    nd_scalar s;
    nd_clear_error();
    CU_ASSERT_EQUAL(nd_get_flat(u, 0, &s), ND_EDTYPE);
    CU_ASSERT_PTR_NOT_NULL(strstr(nd_errmsg(), "nd_get_flat"));
    CU_ASSERT_EQUAL(nd_get(u, ND_IDX(0, 1), &s), ND_EDTYPE);
    nd_array *d3 = days(3, (const int64_t[]){ 7, 8, 9 });
    CU_ASSERT_EQUAL(nd_get_flat(d3, 2, &s), ND_OK);
    CU_ASSERT_EQUAL(s.v.i, 9);
    nd_free(d3);
    nd_free(u);
    nd_free(d);
}

static const ND_TEST tests[] = {
    ND_T(test_take),
    ND_T(test_concatenate_reshape),
    ND_T(test_flip_repeat),
    ND_T(test_fancy_indexing),
    ND_T(test_pad_copying_modes),
    ND_T(test_numeric_routines_refuse),
    { 0 },
};
ND_TEST_MAIN("flex_generic", tests)
