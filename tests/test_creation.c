/* Creation: filled arrays, ranges (against NumPy fixtures), matrices, grids. */
#include <numc/numc.h>
#include <stdio.h>
#include <string.h>

#include "testutil.h"

/* Look up a fixture line "name n v0 v1 ..." from tests/data/core/creation.txt. */
static ptrdiff_t fixture(const char *name, double *out, ptrdiff_t cap)
{
    FILE *f = fopen(NUMC_TEST_DATA "/core/creation.txt", "r");
    CU_ASSERT_PTR_NOT_NULL_FATAL(f);
    char key[128];
    ptrdiff_t n = -1;
    while (fscanf(f, "%127s %td", key, &n) == 2) {
        for (ptrdiff_t i = 0; i < n; i++) {
            double v;
            if (fscanf(f, "%lf", &v) != 1) break;
            if (i < cap) out[i] = v;
        }
        if (!strcmp(key, name)) break;
        n = -1;
    }
    fclose(f);
    CU_ASSERT_FATAL(n >= 0);
    return n;
}

/* Assert a 1-D array equals the fixture within `ulps` units in the last place (0: exact). */
static void assert_close_ulps(nd_array *a, const char *name, double ulps)
{
    double want[64], got[64];
    CU_ASSERT_PTR_NOT_NULL_FATAL(a);
    ptrdiff_t n = fixture(name, want, 64);
    CU_ASSERT_EQUAL_FATAL(nd_size(a), n);
    CU_ASSERT_EQUAL(nd_to_f64(a, got), ND_OK);
    for (ptrdiff_t i = 0; i < n; i++) {
        double tol = ulps * (nextafter(fabs(want[i]), INFINITY) - fabs(want[i]));
        if (fabs(got[i] - want[i]) > tol) printf("\n%s[%td]: got %.17g want %.17g\n", name, i, got[i], want[i]);
        CU_ASSERT(fabs(got[i] - want[i]) <= tol);
    }
    nd_free(a);
}

/* linspace and arange are exact; logspace/geomspace go through pow, where NumPy's SIMD
 * loop and glibc may differ in the last bit. */
#define assert_matches(a, name) assert_close_ulps((a), (name), 0)
#define assert_matches_pow(a, name) assert_close_ulps((a), (name), 2)

static void test_zeros_ones_full(void)
{
    nd_array *z = nd_zeros(ND_SHAPE(2, 3), ND_INT32);
    nd_array *o = nd_ones(ND_SHAPE(4), ND_COMPLEX64);
    nd_array *f = nd_full(ND_SHAPE(3, 1, 2), ND_UINT8, ND_I64(300)); /* wraps like a C cast */
    CU_ASSERT_EQUAL(nd_ndim(z), 2);
    CU_ASSERT_EQUAL(nd_shape(z)[1], 3);
    CU_ASSERT_EQUAL(nd_strides(z)[0], 12);
    CU_ASSERT_EQUAL(nd_dtype_of(z), ND_INT32);
    CU_ASSERT_EQUAL(nd_get_i64(z, ND_IDX(1, 2)), 0);
    double re, im;
    CU_ASSERT_EQUAL(nd_get_c128(o, ND_IDX(3), &re, &im), ND_OK);
    CU_ASSERT_EQUAL(re, 1.0);
    CU_ASSERT_EQUAL(im, 0.0);
    CU_ASSERT_EQUAL(nd_size(f), 6);
    CU_ASSERT_EQUAL(nd_get_i64(f, ND_IDX(2, 0, 1)), 44);
    CU_ASSERT_TRUE(nd_is_c_contiguous(f));
    nd_free(z);
    nd_free(o);
    nd_free(f);
}

static void test_like_and_scalar(void)
{
    nd_array *a = nd_arange(0, 6, 1, ND_FLOAT32);
    nd_array *b = nd_full_like(a, -1, ND_F64(2.5));
    nd_array *c = nd_zeros_like(a, ND_INT8);
    nd_array *s = nd_scalar_array(ND_C128(1, -2));
    CU_ASSERT_EQUAL(nd_dtype_of(b), ND_FLOAT32);
    CU_ASSERT_EQUAL(nd_get_f64(b, ND_IDX(5)), 2.5);
    CU_ASSERT_EQUAL(nd_dtype_of(c), ND_INT8);
    CU_ASSERT_EQUAL(nd_ndim(s), 0);
    CU_ASSERT_EQUAL(nd_size(s), 1);
    double re, im;
    nd_item_c128(s, &re, &im);
    CU_ASSERT_EQUAL(im, -2.0);
    nd_free(a);
    nd_free(b);
    nd_free(c);
    nd_free(s);
}

static void test_ranges_match_numpy(void)
{
    double step = 0;
    assert_matches(nd_linspace(0, 1, 5, .retstep = &step), "linspace_0_1_5");
    CU_ASSERT_EQUAL(step, 0.25);
    assert_matches(nd_linspace(0, 1, 7, .no_endpoint = true), "linspace_0_1_7_noend");
    assert_matches(nd_linspace(-3.3, 7.1, 13), "linspace_m3_7_13");
    assert_matches(nd_linspace(1, 1e10, 11), "linspace_1_1e10_11");
    assert_matches(nd_linspace(5, -5, 4), "linspace_5_m5_4");
    assert_matches(nd_linspace(0, 10, 4, .dtype = ND_INT64), "linspace_int_0_10_4");
    assert_matches(nd_linspace(-5, 5, 4, .dtype = ND_INT64), "linspace_int_m5_5_4");
    assert_matches_pow(nd_logspace(0, 3, 4), "logspace_0_3_4");
    assert_matches_pow(nd_logspace(0, 1, 5, .base = 2), "logspace_0_1_5_base2");
    assert_matches_pow(nd_logspace(-2, 2, 9, .no_endpoint = true), "logspace_m2_2_9_noend");
    assert_matches_pow(nd_geomspace(1, 1000, 4), "geomspace_1_1000_4");
    assert_matches_pow(nd_geomspace(-1, -1000, 5), "geomspace_m1_m1000_5");
    assert_matches_pow(nd_geomspace(0.5, 30, 7), "geomspace_0.5_30_7");
    assert_matches(nd_arange(0, 1, 0.1, ND_FLOAT64), "arange_0_1_0.1");
    assert_matches(nd_arange(10, -3, -1.5, ND_FLOAT64), "arange_10_m3_m1.5");
    assert_matches(nd_arange(0.5, 4.5, 1, ND_FLOAT64), "arange_0.5_4.5_1");
}

static void test_arange_int_and_empty(void)
{
    nd_array *a = nd_arange(-3, 8, 3, ND_INT16);
    CU_ASSERT_EQUAL(nd_size(a), 4);
    CU_ASSERT_EQUAL(nd_get_i64(a, ND_IDX(3)), 6);
    nd_array *e = nd_arange(5, 1, 1, ND_FLOAT64);
    CU_ASSERT_EQUAL(nd_size(e), 0);
    nd_array *l = nd_linspace(0, 1, 0);
    CU_ASSERT_EQUAL(nd_size(l), 0);
    nd_array *one = nd_linspace(2, 9, 1);
    CU_ASSERT_EQUAL(nd_get_f64(one, ND_IDX(0)), 2.0);
    nd_free(a);
    nd_free(e);
    nd_free(l);
    nd_free(one);
}

static void test_eye_tri_diag(void)
{
    nd_array *e = nd_eye(3, 4, 1, ND_FLOAT64);
    CU_ASSERT_EQUAL(nd_get_f64(e, ND_IDX(0, 1)), 1.0);
    CU_ASSERT_EQUAL(nd_get_f64(e, ND_IDX(2, 3)), 1.0);
    CU_ASSERT_EQUAL(nd_get_f64(e, ND_IDX(0, 0)), 0.0);
    nd_array *t = nd_tri(3, -1, -1, ND_INT32);
    CU_ASSERT_EQUAL(nd_get_i64(t, ND_IDX(1, 0)), 1);
    CU_ASSERT_EQUAL(nd_get_i64(t, ND_IDX(1, 1)), 0);
    nd_array *v = nd_arange(1, 4, 1, ND_INT64);
    nd_array *d = nd_diag(v, -1); /* 4x4 with 1,2,3 below the diagonal */
    CU_ASSERT_EQUAL(nd_shape(d)[0], 4);
    CU_ASSERT_EQUAL(nd_get_i64(d, ND_IDX(3, 2)), 3);
    CU_ASSERT_EQUAL(nd_get_i64(d, ND_IDX(2, 2)), 0);
    nd_array *back = nd_diag(d, -1);
    CU_ASSERT_EQUAL(nd_size(back), 3);
    CU_ASSERT_EQUAL(nd_get_i64(back, ND_IDX(1)), 2);
    nd_array *r4 = nd_arange(0, 4, 1, ND_INT64), *r9 = nd_arange(1, 10, 1, ND_FLOAT64);
    nd_array *m = nd_reshape(r4, ND_SHAPE(2, 2));
    nd_array *df = nd_diagflat(m, 0);
    CU_ASSERT_EQUAL(nd_shape(df)[0], 4);
    CU_ASSERT_EQUAL(nd_get_i64(df, ND_IDX(3, 3)), 3);
    nd_array *sq = nd_reshape(r9, ND_SHAPE(3, 3));
    nd_array *lo = nd_tril(sq, 0), *up = nd_triu(sq, 1);
    CU_ASSERT_EQUAL(nd_get_f64(lo, ND_IDX(0, 1)), 0.0);
    CU_ASSERT_EQUAL(nd_get_f64(lo, ND_IDX(2, 1)), 8.0);
    CU_ASSERT_EQUAL(nd_get_f64(up, ND_IDX(1, 1)), 0.0);
    CU_ASSERT_EQUAL(nd_get_f64(up, ND_IDX(1, 2)), 6.0);
    nd_array *id = nd_identity(2, ND_BOOL);
    CU_ASSERT_TRUE(nd_get_bool(id, ND_IDX(1, 1)));
    nd_array *arr[] = { e, t, v, d, back, m, df, sq, lo, up, id, r4, r9 };
    for (size_t i = 0; i < sizeof arr / sizeof *arr; i++) nd_free(arr[i]);
}

static void test_meshgrid_xy_ij(void)
{
    nd_array *x = nd_arange(0, 3, 1, ND_FLOAT64), *y = nd_arange(10, 12, 1, ND_FLOAT64);
    const nd_array *in[2] = { x, y };
    nd_array *g[2];
    CU_ASSERT_EQUAL(nd_meshgrid(2, in, ND_XY, g), ND_OK);
    CU_ASSERT_EQUAL(nd_shape(g[0])[0], 2);
    CU_ASSERT_EQUAL(nd_shape(g[0])[1], 3);
    CU_ASSERT_EQUAL(nd_get_f64(g[0], ND_IDX(1, 2)), 2.0);
    CU_ASSERT_EQUAL(nd_get_f64(g[1], ND_IDX(1, 2)), 11.0);
    nd_free(g[0]);
    nd_free(g[1]);
    CU_ASSERT_EQUAL(nd_meshgrid(2, in, ND_IJ, g), ND_OK);
    CU_ASSERT_EQUAL(nd_shape(g[0])[0], 3);
    CU_ASSERT_EQUAL(nd_get_f64(g[0], ND_IDX(2, 1)), 2.0);
    CU_ASSERT_EQUAL(nd_get_f64(g[1], ND_IDX(2, 1)), 11.0);
    nd_free(g[0]);
    nd_free(g[1]);
    nd_free(x);
    nd_free(y);
}

static nd_scalar index_sum(const ptrdiff_t *idx, int ndim, void *ctx)
{
    double scale = *(double *)ctx, s = 0;
    for (int i = 0; i < ndim; i++) s += (double)idx[i] * (i + 1);
    return ND_F64(s * scale);
}

static void test_fromfunction(void)
{
    double scale = 0.5;
    nd_array *a = nd_fromfunction(ND_SHAPE(3, 4), ND_FLOAT32, index_sum, &scale);
    CU_ASSERT_EQUAL(nd_get_f64(a, ND_IDX(2, 3)), 0.5 * (2 + 6));
    CU_ASSERT_EQUAL(nd_get_f64(a, ND_IDX(1, 0)), 0.5);
    nd_free(a);
}

static int wrap_freed;
static void count_free(void *data, void *ctx)
{
    (void)data;
    wrap_freed += *(int *)ctx;
}

static void test_wrap_and_from_buffer(void)
{
    double buf[6] = { 1, 2, 3, 4, 5, 6 };
    int one = 1;
    wrap_freed = 0;
    nd_array *w = nd_wrap(buf, ND_SHAPE(2, 3), NULL, ND_FLOAT64, count_free, &one);
    nd_array *v = nd_view(w, "1, ::-1");
    nd_free(w);
    CU_ASSERT_EQUAL(wrap_freed, 0); /* the view keeps the buffer alive */
    CU_ASSERT_EQUAL(nd_get_f64(v, ND_IDX(0)), 6.0);
    nd_set_f64(v, ND_IDX(2), 40);
    CU_ASSERT_EQUAL(buf[3], 40.0);
    nd_free(v);
    CU_ASSERT_EQUAL(wrap_freed, 1);
    nd_array *c = nd_from_buffer(buf, ND_SHAPE(3, 2), ND_FLOAT64);
    buf[0] = -7;
    CU_ASSERT_EQUAL(nd_get_f64(c, ND_IDX(0, 0)), 1.0); /* a copy */
    CU_ASSERT_TRUE(nd_flags(c) & ND_OWNDATA);
    nd_free(c);
}

static const ND_TEST tests[] = {
    ND_T(test_zeros_ones_full),     ND_T(test_like_and_scalar), ND_T(test_ranges_match_numpy),
    ND_T(test_arange_int_and_empty), ND_T(test_eye_tri_diag),   ND_T(test_meshgrid_xy_ij),
    ND_T(test_fromfunction),        ND_T(test_wrap_and_from_buffer), { 0 }
};
ND_TEST_MAIN("creation", tests)
