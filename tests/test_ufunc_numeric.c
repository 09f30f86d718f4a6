/* Numerical utilities (diff, ediff1d, gradient, trapz, cross, convolve, interp) and the
 * parameterised elementwise functions (around, nan_to_num, isclose, clip) against
 * NumPy fixtures ("N key" lines of tests/data/ufunc/ufunc.txt). */
#define _GNU_SOURCE
#include "test_ufunc_fixture.h"

#include <float.h>

#define MAXIN 160
static struct {
    char name[32];
    nd_array *a;
} inputs[MAXIN];
static int ninputs;
static char *results[128][2]; /* key, line */
static int nresults;

static void load(void)
{
    if (ninputs) return;
    FILE *fp = fopen(UFX_PATH, "r");
    CU_ASSERT_PTR_NOT_NULL_FATAL(fp);
    char *line = NULL;
    size_t cap = 0;
    static ufx_line l;
    while (getline(&line, &cap, fp) > 0) {
        if (line[0] == 'I' && ninputs < MAXIN) {
            ufx_split(&l, line);
            int pos = 2;
            snprintf(inputs[ninputs].name, sizeof inputs[ninputs].name, "%s", l.tok[1]);
            inputs[ninputs].a = ufx_array(&l, &pos);
            ninputs++;
        } else if (line[0] == 'N' && nresults < 128) {
            char key[64];
            sscanf(line + 2, "%63s", key);
            results[nresults][0] = strdup(key);
            results[nresults][1] = strdup(line);
            nresults++;
        }
    }
    free(line);
    fclose(fp);
}

static nd_array *in(const char *name)
{
    load();
    for (int i = 0; i < ninputs; i++)
        if (!strcmp(inputs[i].name, name)) return inputs[i].a;
    CU_FAIL_FATAL("missing input");
    return NULL;
}

/* Compare `got` (freed) with the fixture `key`. */
static void check(const char *key, nd_array *got, double rtol)
{
    load();
    static ufx_line l;
    for (int i = 0; i < nresults; i++) {
        if (strcmp(results[i][0], key)) continue;
        char *copy = strdup(results[i][1]);
        ufx_split(&l, copy);
        int pos = 2;
        nd_array *want = ufx_array(&l, &pos);
        CU_ASSERT_TRUE(ufx_equal(got, want, rtol, key));
        nd_free(want);
        nd_free(got);
        free(copy);
        return;
    }
    printf("\nfixture %s missing\n", key);
    CU_FAIL("missing fixture");
    nd_free(got);
}

static void test_diff(void)
{
    check("diff_m2d_1_last", nd_diff(in("m2d"), 1, -1), 0);
    check("diff_m2d_2_0", nd_diff(in("m2d"), 2, 0), 0);
    check("diff_m2i_1_1", nd_diff(in("m2i"), 1, 1), 0);
    check("diff_b", nd_diff(in("b"), 1, 0), 0);
    check("diff_u8", nd_diff(in("u8"), 1, -1), 0);
    nd_array *z = nd_zeros(ND_SHAPE(0), ND_FLOAT64);
    nd_array *pre = nd_scalar_array(ND_F64(0)), *app = nd_from_f64((double[]){ 30, 40 }, 2);
    check("diff_v5_prepend", nd_diff(in("v5"), 1, 0, .prepend = pre, .append = app), 0);
    nd_free(pre);
    nd_free(app);
    CU_ASSERT_PTR_NULL(nd_diff(in("v5"), -1, 0));
    CU_ASSERT_PTR_NULL(nd_diff(in("v5"), 1, 1));
    CU_ASSERT_EQUAL(nd_last_error(), ND_EAXIS);
    nd_array *d0 = nd_diff(in("v5"), 0, 0);
    CU_ASSERT_EQUAL(nd_size(d0), 5);
    nd_free(d0);
    nd_free(z);
}

static void test_ediff1d(void)
{
    check("ediff1d_m2i", nd_ediff1d(in("m2i"), NULL, NULL), 0);
    nd_array *end = nd_from_f64((double[]){ 100, 200 }, 2), *beg = nd_scalar_array(ND_F64(-1));
    check("ediff1d_v5_ends", nd_ediff1d(in("v5"), end, beg), 0);
    nd_free(end);
    nd_free(beg);
}

static void test_gradient(void)
{
    nd_array *g[3] = { NULL, NULL, NULL };
    CU_ASSERT_EQUAL(nd_gradient(in("v5"), g), ND_OK);
    check("gradient_v5", g[0], 1e-15);
    CU_ASSERT_EQUAL(nd_gradient(in("v5"), g, .dx = (double[]){ 2.0 }), ND_OK);
    check("gradient_v5_dx2", g[0], 1e-15);
    const nd_array *xs[1] = { in("xs5") };
    CU_ASSERT_EQUAL(nd_gradient(in("v5"), g, .x = xs), ND_OK);
    check("gradient_v5_x", g[0], 1e-15);
    CU_ASSERT_EQUAL(nd_gradient(in("v5"), g, .x = xs, .edge_order = 2), ND_OK);
    check("gradient_v5_x_e2", g[0], 1e-14);
    CU_ASSERT_EQUAL(nd_gradient(in("v5"), g, .edge_order = 2), ND_OK);
    check("gradient_v5_e2", g[0], 1e-15);
    CU_ASSERT_EQUAL(nd_gradient(in("m2d"), g, .axis = 0), ND_OK);
    check("gradient_m2d_ax0", g[0], 1e-15);
    CU_ASSERT_EQUAL(nd_gradient(in("m2d"), g, .axis = -1), ND_OK);
    check("gradient_m2d_ax2", g[0], 1e-15);
    CU_ASSERT_EQUAL(nd_gradient(in("m2i"), g, .axis = 1), ND_OK);
    check("gradient_m2i_ax1", g[0], 1e-15);
    CU_ASSERT_EQUAL(nd_gradient(in("m2c"), g, .axis = 1), ND_OK);
    check("gradient_m2c_ax1", g[0], 1e-15);
    /* all axes at once */
    CU_ASSERT_EQUAL(nd_gradient(in("m2d"), g), ND_OK);
    CU_ASSERT_DOUBLE_EQUAL(nd_get_f64(g[1], ND_IDX(0, 0, 0)), 3.0, 1e-12);
    for (int k = 0; k < 3; k++) nd_free(g[k]);
    /* too short for the edge order */
    nd_array *two = nd_from_f64((double[]){ 1, 2 }, 2);
    CU_ASSERT_EQUAL(nd_gradient(two, g, .edge_order = 2), ND_EVALUE);
    nd_free(two);
}

static void test_trapz(void)
{
    check("trapz_v5", nd_trapz(in("v5"), NULL, 0, -1), 1e-15);
    check("trapz_v5_x", nd_trapz(in("v5"), in("xs5"), 0, -1), 1e-15);
    check("trapz_v5_dx", nd_trapz(in("v5"), NULL, 0.5, -1), 1e-15);
    check("trapz_m2d_ax1", nd_trapz(in("m2d"), NULL, 1, 1), 1e-15);
    check("trapz_m2i", nd_trapz(in("m2i"), NULL, 1, -1), 1e-15);
}

static void test_cross(void)
{
    check("cross_33", nd_cross(in("va3"), in("vb3"), -1), 0);
    check("cross_32", nd_cross(in("va3"), in("vb2"), -1), 0);
    nd_array *rev = nd_view(in("vb2"), "::-1");
    check("cross_22", nd_cross(in("vb2"), rev, -1), 0);
    nd_free(rev);
    rev = nd_view(in("vc3"), "::-1");
    check("cross_ax0", nd_cross(in("vc3"), rev, 0), 0);
    nd_free(rev);
    CU_ASSERT_PTR_NULL(nd_cross(in("v5"), in("v5"), -1));
    CU_ASSERT_EQUAL(nd_last_error(), ND_EVALUE);
}

static void test_convolve(void)
{
    check("conv_full", nd_convolve(in("v5"), in("k3"), ND_CONV_FULL), 1e-15);
    check("conv_same", nd_convolve(in("v5"), in("k3"), ND_CONV_SAME), 1e-15);
    check("conv_valid", nd_convolve(in("v5"), in("k3"), ND_CONV_VALID), 1e-15);
    check("conv_same_swap", nd_convolve(in("k3"), in("v5"), ND_CONV_SAME), 1e-15);
    nd_array *k = nd_from_buffer((int32_t[]){ 1, -2, 1 }, ND_SHAPE(3), ND_INT32);
    check("conv_int", nd_convolve(in("i7"), k, ND_CONV_FULL), 0);
    nd_free(k);
    k = nd_from_buffer((int32_t[]){ 1, 2, 3, 4 }, ND_SHAPE(4), ND_INT32);
    check("conv_same_even", nd_convolve(in("i7"), k, ND_CONV_SAME), 0);
    nd_free(k);
    check("conv_cplx", nd_convolve(in("fpc"), in("k3"), ND_CONV_FULL), 1e-15);
    nd_array *e = nd_zeros(ND_SHAPE(0), ND_FLOAT64);
    CU_ASSERT_PTR_NULL(nd_convolve(e, in("k3"), ND_CONV_FULL));
    CU_ASSERT_EQUAL(nd_last_error(), ND_EVALUE);
    nd_free(e);
}

static void test_interp(void)
{
    check("interp", nd_interp(in("xq"), in("xpv"), in("fpv")), 1e-15);
    check("interp_lr", nd_interp(in("xq"), in("xpv"), in("fpv"), .left = &(double){ -5 },
                                 .right = &(double){ 7 }), 1e-15);
    check("interp_cplx", nd_interp(in("xq"), in("xpv"), in("fpc")), 1e-15);
    check("interp_period", nd_interp(in("ang"), in("xpa"), in("fpa"), .period = 360), 1e-14);
    check("interp_2d", nd_interp(in("m2d"), in("xpv"), in("fpv")), 1e-15);
    CU_ASSERT_PTR_NULL(nd_interp(in("xq"), in("xpv"), in("v5")));
    CU_ASSERT_EQUAL(nd_last_error(), ND_EVALUE);
}

static void test_around_nan_to_num_isclose_clip(void)
{
    nd_array *t = nd_multiply(in("m2d"), 1.37);
    check("around_m2d_1", nd_around(t, 1), 1e-15);
    nd_free(t);
    t = nd_multiply(in("m2d"), 13.7);
    check("around_m2d_m1", nd_around(t, -1), 1e-15);
    nd_free(t);
    t = nd_multiply(in("i64b"), 37);
    check("around_i64_m2", nd_around(t, -2), 0);
    nd_free(t);
    t = nd_multiply(in("m2c"), 1.37);
    check("around_c", nd_around(t, 1), 1e-15);
    nd_free(t);
    check("nan_to_num", nd_nan_to_num(in("f64"), 0, NAN, NAN), 0);
    check("nan_to_num_f32", nd_nan_to_num(in("f32"), -1, 9, NAN), 0);
    t = nd_multiply(in("f64"), 1 + 1e-6);
    check("isclose", nd_isclose(in("f64"), t, 1e-5, 1e-8, false), 0);
    nd_free(t);
    check("isclose_en", nd_isclose(in("f64"), in("f64"), 1e-5, 1e-8, true), 0);
    t = nd_add(in("c128"), 1e-7);
    check("isclose_c", nd_isclose(in("c128"), t, 1e-5, 1e-8, false), 0);
    nd_free(t);
    check("clip_f", nd_clip(in("f64"), -1.0, 2.0), 0);
    check("clip_i8", nd_clip(in("i8"), -5, 100), 0);
    check("clip_u8_f", nd_clip(in("u8"), 1.5, 100), 0);
}

static void cleanup(void)
{
    for (int i = 0; i < ninputs; i++) nd_free(inputs[i].a);
    for (int i = 0; i < nresults; i++) {
        free(results[i][0]);
        free(results[i][1]);
    }
    ninputs = nresults = 0;
}

static void test_zz_cleanup(void) { cleanup(); }

static const ND_TEST tests[] = {
    ND_T(test_diff),
    ND_T(test_ediff1d),
    ND_T(test_gradient),
    ND_T(test_trapz),
    ND_T(test_cross),
    ND_T(test_convolve),
    ND_T(test_interp),
    ND_T(test_around_nan_to_num_isclose_clip),
    ND_T(test_zz_cleanup),
    { 0 },
};
ND_TEST_MAIN("ufunc_numeric", tests)
