/* Window functions, i0, unwrap and the float helpers (issue 16) against NumPy fixtures
 * (.npy files of tests/data/ufunc/windows, made by tests/data/ufunc/gen_windows.py).
 * Transcendental results (cos-based windows, i0, kaiser) within rel 1e-14 + abs 1e-15
 * (NumPy's SIMD cos/exp are not glibc's); frexp, ldexp, modf, fabs, unwrap's float64
 * arithmetic and the predicates exactly, bit for bit (signed zeros included). */
#include "testutil.h"

#include <numc/numc.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>

#define WDIR NUMC_TEST_DATA "/ufunc/windows/"

static nd_array *fx(const char *name)
{
    nd_array *a = test_load_npy(WDIR, "", name);
    CU_ASSERT_PTR_NOT_NULL_FATAL(a);
    return a;
}

/* got (any real dtype) vs want element by element: |d| <= atol + rtol |want| (both 0:
 * bit-exact, -0.0 != 0.0), NaN equals NaN. Frees got. Returns the number of mismatches. */
static int compare(const char *what, nd_array *got, const nd_array *want, double rtol,
                   double atol)
{
    CU_ASSERT_PTR_NOT_NULL_FATAL(got);
    CU_ASSERT_EQUAL_FATAL(nd_ndim(got), nd_ndim(want));
    for (int d = 0; d < nd_ndim(got); d++) CU_ASSERT_EQUAL_FATAL(nd_shape(got)[d], nd_shape(want)[d]);
    const ptrdiff_t n = nd_size(got);
    double *g = malloc(sizeof(double) * (size_t)(n + 1)), *w = malloc(sizeof(double) * (size_t)(n + 1));
    CU_ASSERT_FATAL(nd_to_f64(got, g) == ND_OK && nd_to_f64(want, w) == ND_OK);
    int bad = 0;
    for (ptrdiff_t i = 0; i < n; i++) {
        bool ok;
        if (isnan(g[i]) || isnan(w[i])) ok = isnan(g[i]) && isnan(w[i]);
        else if (rtol == 0 && atol == 0) ok = memcmp(&g[i], &w[i], sizeof(double)) == 0;
        else ok = g[i] == w[i] || fabs(g[i] - w[i]) <= atol + rtol * fabs(w[i]);
        if (!ok && bad++ < 4) printf("\n  %s[%td]: %.17g, NumPy %.17g", what, i, g[i], w[i]);
    }
    CU_ASSERT_EQUAL(bad, 0);
    free(g);
    free(w);
    nd_free(got);
    return bad;
}

/* compare() against the fixture `name`. */
static int check_fx(const char *name, nd_array *got, double rtol, double atol)
{
    nd_array *want = fx(name);
    int bad = compare(name, got, want, rtol, atol);
    nd_free(want);
    return bad;
}

#define RT 1e-14
#define AT 1e-15

/* ---- windows --------------------------------------------------------------------------- */
typedef nd_array *(*window_fn)(ptrdiff_t);

static void check_window(const char *name, window_fn f, double rtol, double atol)
{
    nd_array *ms = fx("ms"), *all = fx(name);
    const int64_t *m = nd_data(ms);
    ptrdiff_t off = 0;
    for (ptrdiff_t k = 0; k < nd_size(ms); k++) {
        const ptrdiff_t n = m[k] < 1 ? 0 : m[k];
        char spec[64], what[64];
        snprintf(spec, sizeof spec, "%td:%td", off, off + n);
        snprintf(what, sizeof what, "%s(%lld)", name, (long long)m[k]);
        nd_array *want = nd_view(all, spec);
        nd_array *got = f((ptrdiff_t)m[k]);
        CU_ASSERT_PTR_NOT_NULL_FATAL(got);
        CU_ASSERT_EQUAL(nd_dtype_of(got), ND_FLOAT64);
        CU_ASSERT_EQUAL(nd_ndim(got), 1);
        /* exactly symmetric, as NumPy's */
        const double *g = nd_data(got);
        for (ptrdiff_t i = 0; i < n / 2; i++) CU_ASSERT_EQUAL(g[i], g[n - 1 - i]);
        compare(what, got, want, rtol, atol);
        nd_free(want);
        off += n;
    }
    CU_ASSERT_EQUAL(off, nd_size(all));
    nd_free(ms);
    nd_free(all);
}

static void test_bartlett(void) { check_window("bartlett", nd_bartlett, 0, 0); }
static void test_blackman(void) { check_window("blackman", nd_blackman, RT, AT); }
static void test_hamming(void) { check_window("hamming", nd_hamming, RT, AT); }
static void test_hanning(void) { check_window("hanning", nd_hanning, RT, AT); }

static double kaiser_beta;
static nd_array *kaiser_at(ptrdiff_t m) { return nd_kaiser(m, kaiser_beta); }

static void test_kaiser(void)
{
    nd_array *betas = fx("betas");
    for (ptrdiff_t i = 0; i < nd_size(betas); i++) {
        char name[32];
        snprintf(name, sizeof name, "kaiser_b%td", i);
        kaiser_beta = ((const double *)nd_data(betas))[i];
        check_window(name, kaiser_at, RT, AT);
    }
    nd_free(betas);
}

static void test_window_edges(void)
{
    window_fn fs[] = { nd_bartlett, nd_blackman, nd_hamming, nd_hanning, kaiser_at };
    kaiser_beta = 3;
    for (size_t k = 0; k < sizeof fs / sizeof fs[0]; k++) {
        nd_array *e = fs[k](-5), *z = fs[k](0), *one = fs[k](1);
        CU_ASSERT_PTR_NOT_NULL_FATAL(e);
        CU_ASSERT_PTR_NOT_NULL_FATAL(z);
        CU_ASSERT_PTR_NOT_NULL_FATAL(one);
        CU_ASSERT(nd_ndim(e) == 1 && nd_size(e) == 0 && nd_dtype_of(e) == ND_FLOAT64);
        CU_ASSERT(nd_ndim(z) == 1 && nd_size(z) == 0);
        CU_ASSERT(nd_size(one) == 1 && ((const double *)nd_data(one))[0] == 1.0);
        nd_free(e);
        nd_free(z);
        nd_free(one);
    }
    /* the middle of an odd window is 1 (cos 0) */
    nd_array *h = nd_hanning(7);
    CU_ASSERT_EQUAL(((const double *)nd_data(h))[3], 1.0);
    nd_free(h);
}

/* ---- i0 -------------------------------------------------------------------------------------- */
static void test_i0(void)
{
    nd_errstate old = nd_seterr(.all = ND_ERR_IGNORE);
    nd_array *x = fx("i0_x"), *y = fx("i0_y");
    nd_array *g = nd_i0(x);
    CU_ASSERT_EQUAL(nd_dtype_of(g), ND_FLOAT64);
    compare("i0", g, y, RT, AT);
    /* negative strides and a step: the same elements of the expected array */
    nd_array *xv = nd_view(x, "::-3"), *yv = nd_view(y, "::-3");
    compare("i0[::-3]", nd_i0(xv), yv, RT, AT);
    nd_free(xv);
    nd_free(yv);
    /* 2-D, transposed (non-contiguous) */
    nd_array *x2 = nd_view(x, ":800"), *y2 = nd_view(y, ":800");
    nd_array *xr = nd_reshape(x2, 2, (ptrdiff_t[]){ 20, 40 }), *yr = nd_reshape(y2, 2, (ptrdiff_t[]){ 20, 40 });
    nd_array *xt = nd_transpose(xr), *yt = nd_transpose(yr);
    compare("i0 transposed", nd_i0(xt), yt, RT, AT);
    nd_free(x2), nd_free(y2), nd_free(xr), nd_free(yr), nd_free(xt), nd_free(yt);
    /* NaN gives NaN without an "invalid" warning, as NumPy */
    (void)nd_seterr(.invalid = ND_ERR_RAISE);
    nd_array *nn = nd_full(ND_SHAPE(3), ND_FLOAT64, ND_F64(NAN)), *gn = nd_i0(nn);
    CU_ASSERT(gn && isnan(((const double *)nd_data(gn))[2]));
    nd_free(nn), nd_free(gn);
    (void)nd_seterr(.invalid = ND_ERR_IGNORE);
    /* 0-d stays 0-d; empty stays empty */
    nd_array *s = nd_scalar_array(ND_F64(-3.0)), *gs = nd_i0(s);
    CU_ASSERT_PTR_NOT_NULL_FATAL(gs);
    CU_ASSERT_EQUAL(nd_ndim(gs), 0);
    ND_ASSERT_CLOSE(((const double *)nd_data(gs))[0], 4.880792585865024, 1e-15);
    nd_array *em = nd_zeros(ND_SHAPE(0, 3), ND_FLOAT64), *ge = nd_i0(em);
    CU_ASSERT(ge && nd_ndim(ge) == 2 && nd_size(ge) == 0);
    nd_free(s), nd_free(gs), nd_free(em), nd_free(ge);
    nd_free(x);
    nd_free(y);
    /* float32 stays float32 (NumPy computes in float32, numc rounds the double result) */
    x = fx("i0_x32");
    y = fx("i0_y32");
    g = nd_i0(x);
    CU_ASSERT_EQUAL(nd_dtype_of(g), ND_FLOAT32);
    compare("i0 float32", g, y, 1e-5, 1e-30);
    nd_free(x);
    nd_free(y);
    /* integers → float64 */
    x = fx("i0_xi");
    y = fx("i0_yi");
    g = nd_i0(x);
    CU_ASSERT_EQUAL(nd_dtype_of(g), ND_FLOAT64);
    compare("i0 int32", g, y, RT, AT);
    nd_free(x);
    nd_free(y);
    nd_seterr_(&old);
}

static void test_i0_errors(void)
{
    nd_array *z = nd_zeros(ND_SHAPE(3), ND_COMPLEX128);
    CU_ASSERT_PTR_NULL(nd_i0(z));
    CU_ASSERT_EQUAL(nd_last_error(), ND_EDTYPE);
    CU_ASSERT_PTR_NOT_NULL(strstr(nd_errmsg(), "complex"));
    CU_ASSERT_PTR_NULL(nd_i0(NULL));
    CU_ASSERT_EQUAL(nd_last_error(), ND_EVALUE);
    CU_ASSERT_PTR_NOT_NULL(strstr(nd_errmsg(), "nd_i0: array is NULL"));
    nd_free(z);
    /* overflow follows nd_seterr: raise → ND_EVALUE */
    nd_errstate old = nd_seterr(.over = ND_ERR_RAISE, .invalid = ND_ERR_IGNORE);
    nd_array *big = nd_full(ND_SHAPE(2), ND_FLOAT64, ND_F64(800.0));
    CU_ASSERT_PTR_NULL(nd_i0(big));
    CU_ASSERT_EQUAL(nd_last_error(), ND_EVALUE);
    nd_seterr_(&old);
    nd_free(big);
}

/* ---- unwrap -------------------------------------------------------------------------------- */
static void test_unwrap(void)
{
    nd_array *p = fx("unwrap_p");
    nd_clear_error();
    check_fx("unwrap_default", nd_unwrap(p), 0, 0);
    check_fx("unwrap_default", nd_unwrap(p, .axis = 1), 0, 0);
    check_fx("unwrap_axis0", nd_unwrap(p, .axis = 0), 0, 0);
    check_fx("unwrap_axis0", nd_unwrap(p, 0.0, -2), 0, 0); /* NumPy: unwrap(p, None, -2) */
    check_fx("unwrap_discont4", nd_unwrap(p, .discont = 4.0), 0, 0);
    check_fx("unwrap_discont4", nd_unwrap(p, 4.0), 0, 0);
    check_fx("unwrap_discont1", nd_unwrap(p, 1.0), 0, 0);
    nd_array *v = nd_view(p, "::-1, ::-2");
    check_fx("unwrap_view", nd_unwrap(v), 0, 0);
    nd_free(v);
    /* NULL options are the defaults */
    check_fx("unwrap_default", nd_unwrap_(p, NULL), 0, 0);
    nd_free(p);

    p = fx("unwrap_deg");
    check_fx("unwrap_deg360", nd_unwrap(p, .period = 360), 0, 0);
    nd_free(p);
    p = fx("unwrap_p32");
    nd_array *g = nd_unwrap(p);
    CU_ASSERT_EQUAL(nd_dtype_of(g), ND_FLOAT32);
    check_fx("unwrap_p32_out", g, 0, 0);
    check_fx("unwrap_p32_axis0", nd_unwrap(p, .axis = 0), 0, 0);
    nd_free(p);
    p = fx("unwrap_int");
    g = nd_unwrap(p, .period = 4);
    CU_ASSERT_EQUAL(nd_dtype_of(g), ND_FLOAT64);
    check_fx("unwrap_int_p4", g, 0, 0);
    check_fx("unwrap_int_default", nd_unwrap(p), 0, 0);
    nd_free(p);
    p = fx("unwrap_bool");
    check_fx("unwrap_bool_p1", nd_unwrap(p, .period = 1), 0, 0);
    check_fx("unwrap_bool_p3", nd_unwrap(p, .period = 3), 0, 0);
    nd_free(p);
    p = fx("unwrap_nan");
    /* a NaN spreads along the axis without an "invalid" warning (NumPy gives none) */
    nd_errstate old = nd_seterr(.invalid = ND_ERR_RAISE);
    check_fx("unwrap_nan_out", nd_unwrap(p), 0, 0);
    nd_seterr_(&old);
    nd_free(p);
}

static void test_unwrap_edges(void)
{
    /* empty and length-1 axes come back unchanged; 0-d and complex are errors */
    nd_array *e = nd_zeros(ND_SHAPE(3, 0), ND_FLOAT64), *g = nd_unwrap(e);
    CU_ASSERT(g && nd_ndim(g) == 2 && nd_shape(g)[0] == 3 && nd_size(g) == 0);
    nd_free(g);
    g = nd_unwrap(e, .axis = 0);
    CU_ASSERT(g && nd_size(g) == 0);
    nd_free(g);
    nd_free(e);
    nd_array *one = nd_full(ND_SHAPE(1), ND_FLOAT64, ND_F64(7.0));
    g = nd_unwrap(one);
    CU_ASSERT(g && nd_size(g) == 1 && ((const double *)nd_data(g))[0] == 7.0);
    nd_free(g);
    nd_free(one);
    nd_array *s = nd_scalar_array(ND_F64(1.0));
    CU_ASSERT_PTR_NULL(nd_unwrap(s));
    CU_ASSERT_EQUAL(nd_last_error(), ND_EVALUE);
    nd_free(s);
    nd_array *z = nd_zeros(ND_SHAPE(4), ND_COMPLEX128);
    CU_ASSERT_PTR_NULL(nd_unwrap(z));
    CU_ASSERT_EQUAL(nd_last_error(), ND_EDTYPE);
    nd_free(z);
    nd_array *a = nd_zeros(ND_SHAPE(2, 3), ND_FLOAT64);
    CU_ASSERT_PTR_NULL(nd_unwrap(a, .axis = 2));
    CU_ASSERT_EQUAL(nd_last_error(), ND_EAXIS);
    nd_free(a);
    CU_ASSERT_PTR_NULL(nd_unwrap(NULL));
    CU_ASSERT_EQUAL(nd_last_error(), ND_EVALUE);
    CU_ASSERT_PTR_NOT_NULL(strstr(nd_errmsg(), "nd_unwrap: array is NULL"));
}

/* ---- frexp / ldexp / modf / fabs --------------------------------------------------------------- */
static void test_frexp_modf(void)
{
    const char *xs[2] = { "sp_x", "sp_x32" }, *sfx[2] = { "", "32" };
    for (int k = 0; k < 2; k++) {
        nd_array *x = fx(xs[k]), *m = NULL, *e = NULL, *f = NULL, *i = NULL;
        const nd_dtype ft = k ? ND_FLOAT32 : ND_FLOAT64;
        char name[32];
        CU_ASSERT_EQUAL_FATAL(nd_frexp(x, &m, &e), ND_OK);
        CU_ASSERT(nd_dtype_of(m) == ft && nd_dtype_of(e) == ND_INT32);
        snprintf(name, sizeof name, "frexp_m%s", sfx[k]);
        check_fx(name, m, 0, 0);
        snprintf(name, sizeof name, "frexp_e%s", sfx[k]);
        check_fx(name, e, 0, 0);
        CU_ASSERT_EQUAL_FATAL(nd_modf(x, &f, &i), ND_OK);
        CU_ASSERT(nd_dtype_of(f) == ft && nd_dtype_of(i) == ft);
        snprintf(name, sizeof name, "modf_f%s", sfx[k]);
        check_fx(name, f, 0, 0);
        snprintf(name, sizeof name, "modf_i%s", sfx[k]);
        check_fx(name, i, 0, 0);
        /* ldexp inverts frexp: ldexp(m, e) == x exactly */
        CU_ASSERT_EQUAL_FATAL(nd_frexp(x, &m, &e), ND_OK);
        nd_array *back = nd_ldexp(m, e);
        compare("ldexp(frexp(x))", back, x, 0, 0);
        nd_free(m);
        nd_free(e);
        nd_free(x);
    }
    /* negative strides */
    nd_array *x = fx("sp_x"), *xv = nd_view(x, "::-2"), *m = NULL, *e = NULL;
    nd_array *wm = fx("frexp_m"), *we = fx("frexp_e");
    nd_array *wmv = nd_view(wm, "::-2"), *wev = nd_view(we, "::-2");
    CU_ASSERT_EQUAL_FATAL(nd_frexp(xv, &m, &e), ND_OK);
    compare("frexp_m[::-2]", m, wmv, 0, 0);
    compare("frexp_e[::-2]", e, wev, 0, 0);
    nd_array *f = NULL, *i = NULL, *wf = fx("modf_f"), *wfv = nd_view(wf, "::-2");
    CU_ASSERT_EQUAL_FATAL(nd_modf(xv, &f, &i), ND_OK);
    compare("modf_f[::-2]", f, wfv, 0, 0);
    nd_free(i);
    nd_free(wm), nd_free(we), nd_free(wmv), nd_free(wev), nd_free(wf), nd_free(wfv);
    nd_free(xv);
    nd_free(x);
    /* int8 → float32 mantissa (NumPy: float16) */
    x = fx("sp_i8");
    CU_ASSERT_EQUAL_FATAL(nd_frexp(x, &m, &e), ND_OK);
    CU_ASSERT_EQUAL(nd_dtype_of(m), ND_FLOAT32);
    check_fx("frexp_i8_m", m, 0, 0);
    check_fx("frexp_i8_e", e, 0, 0);
    nd_free(x);
    /* 0-d and empty */
    nd_array *s = nd_scalar_array(ND_F64(-6.0));
    CU_ASSERT_EQUAL_FATAL(nd_frexp(s, &m, &e), ND_OK);
    CU_ASSERT(nd_ndim(m) == 0 && ((const double *)nd_data(m))[0] == -0.75 &&
              ((const int32_t *)nd_data(e))[0] == 3);
    nd_free(m), nd_free(e);
    CU_ASSERT_EQUAL_FATAL(nd_modf(s, &f, &i), ND_OK);
    CU_ASSERT(nd_ndim(f) == 0 && ((const double *)nd_data(f))[0] == 0.0 &&
              signbit(((const double *)nd_data(f))[0]) && ((const double *)nd_data(i))[0] == -6.0);
    nd_free(f), nd_free(i), nd_free(s);
    nd_array *em = nd_zeros(ND_SHAPE(0), ND_FLOAT32);
    CU_ASSERT_EQUAL_FATAL(nd_frexp(em, &m, &e), ND_OK);
    CU_ASSERT(nd_size(m) == 0 && nd_size(e) == 0);
    nd_free(m), nd_free(e), nd_free(em);
}

static void test_ldexp(void)
{
    nd_errstate old = nd_seterr(.all = ND_ERR_IGNORE);
    nd_array *x = fx("sp_x"), *e = fx("ldexp_e");
    check_fx("ldexp_y", nd_ldexp(x, e), 0, 0);
    nd_free(x);
    x = fx("sp_x32");
    nd_array *g = nd_ldexp(x, e);
    CU_ASSERT_EQUAL(nd_dtype_of(g), ND_FLOAT32);
    check_fx("ldexp_y32", g, 0, 0);
    nd_free(x);
    nd_free(e);
    /* scalars and broadcasting */
    nd_array *a = nd_arange(0, 4, 1, ND_INT32);
    g = nd_ldexp(a, 3);
    CU_ASSERT_EQUAL(nd_dtype_of(g), ND_FLOAT64);
    const double *v = nd_data(g);
    CU_ASSERT(v[0] == 0 && v[1] == 8 && v[2] == 16 && v[3] == 24);
    nd_free(g);
    nd_array *col = nd_reshape(a, 2, (ptrdiff_t[]){ 4, 1 });
    nd_array *row = nd_arange(-1, 2, 1, ND_INT64);
    g = nd_ldexp(col, row);
    CU_ASSERT(g && nd_ndim(g) == 2 && nd_shape(g)[0] == 4 && nd_shape(g)[1] == 3);
    CU_ASSERT_EQUAL(((const double *)nd_data(g))[3 * 3 + 0], 1.5);
    CU_ASSERT_EQUAL(((const double *)nd_data(g))[3 * 3 + 2], 6.0);
    nd_free(g);
    g = nd_ldexp(1.5, row);
    CU_ASSERT(g && nd_size(g) == 3 && ((const double *)nd_data(g))[2] == 3.0);
    nd_free(g);
    g = nd_ldexp(2.0, 10);
    CU_ASSERT(g && nd_ndim(g) == 0 && ((const double *)nd_data(g))[0] == 2048.0);
    nd_free(g);
    /* float exponents, complex x, shapes that do not broadcast */
    nd_array *fl = nd_zeros(ND_SHAPE(3), ND_FLOAT64);
    CU_ASSERT_PTR_NULL(nd_ldexp(a, fl));
    CU_ASSERT_EQUAL(nd_last_error(), ND_EDTYPE);
    CU_ASSERT_PTR_NULL(nd_ldexp(a, 2.5));
    CU_ASSERT_EQUAL(nd_last_error(), ND_EDTYPE);
    nd_array *z = nd_zeros(ND_SHAPE(4), ND_COMPLEX64);
    CU_ASSERT_PTR_NULL(nd_ldexp(z, 1));
    CU_ASSERT_EQUAL(nd_last_error(), ND_EDTYPE);
    CU_ASSERT_PTR_NULL(nd_ldexp(a, row));
    CU_ASSERT_EQUAL(nd_last_error(), ND_ESHAPE);
    CU_ASSERT_PTR_NULL(nd_ldexp((nd_array *)NULL, 1));
    CU_ASSERT_EQUAL(nd_last_error(), ND_EVALUE);
    nd_free(fl), nd_free(z), nd_free(col), nd_free(row), nd_free(a);
    nd_seterr_(&old);
}

static void test_fabs(void)
{
    nd_array *x = fx("sp_x");
    check_fx("fabs", nd_fabs(x), 0, 0);
    nd_array *xv = nd_view(x, "::-3"), *w = fx("fabs"), *wv = nd_view(w, "::-3");
    compare("fabs[::-3]", nd_fabs(xv), wv, 0, 0);
    nd_free(xv), nd_free(w), nd_free(wv), nd_free(x);
    nd_array *i = nd_arange(-3, 3, 1, ND_INT32);
    nd_array *g = nd_fabs(i);
    CU_ASSERT_EQUAL(nd_dtype_of(g), ND_FLOAT64);
    CU_ASSERT_EQUAL(((const double *)nd_data(g))[0], 3.0);
    nd_free(g);
    nd_free(i);
    i = nd_arange(-3, 3, 1, ND_INT16);
    g = nd_fabs(i);
    CU_ASSERT_EQUAL(nd_dtype_of(g), ND_FLOAT32);
    nd_free(g);
    nd_free(i);
    nd_array *z = nd_zeros(ND_SHAPE(2), ND_COMPLEX128);
    CU_ASSERT_PTR_NULL(nd_fabs(z));
    CU_ASSERT_EQUAL(nd_last_error(), ND_EDTYPE);
    nd_free(z);
}

/* ---- predicates ------------------------------------------------------------------------------- */
static void test_predicates(void)
{
    nd_array *x = fx("inf_x");
    nd_array *p = nd_isposinf(x), *n = nd_isneginf(x);
    CU_ASSERT(nd_dtype_of(p) == ND_BOOL && nd_dtype_of(n) == ND_BOOL);
    check_fx("isposinf", p, 0, 0);
    check_fx("isneginf", n, 0, 0);
    nd_array *xv = nd_view(x, "::-1"), *w = fx("isposinf"), *wv = nd_view(w, "::-1");
    compare("isposinf[::-1]", nd_isposinf(xv), wv, 0, 0);
    nd_free(xv), nd_free(w), nd_free(wv);
    nd_array *x32 = nd_astype(x, ND_FLOAT32, ND_CAST_UNSAFE);
    check_fx("isneginf", nd_isneginf(x32), 0, 0);
    nd_free(x32);
    nd_free(x);
    nd_array *i = nd_arange(0, 5, 1, ND_INT64), *g = nd_isposinf(i);
    CU_ASSERT(g && nd_size(g) == 5 && !((const bool *)nd_data(g))[1]);
    nd_free(g);
    nd_array *z = fx("cz");
    CU_ASSERT_PTR_NULL(nd_isposinf(z));
    CU_ASSERT_EQUAL(nd_last_error(), ND_EDTYPE);
    CU_ASSERT_PTR_NOT_NULL(strstr(nd_errmsg(), "ambiguous"));
    CU_ASSERT_PTR_NULL(nd_isneginf(z));
    CU_ASSERT_EQUAL(nd_last_error(), ND_EDTYPE);
    check_fx("iscomplex", nd_iscomplex(z), 0, 0);
    check_fx("isreal", nd_isreal(z), 0, 0);
    nd_array *z64 = nd_astype(z, ND_COMPLEX64, ND_CAST_UNSAFE);
    check_fx("iscomplex", nd_iscomplex(z64), 0, 0);
    nd_free(z64);
    g = nd_iscomplex(i);
    CU_ASSERT(g && nd_size(g) == 5 && !((const bool *)nd_data(g))[0]);
    nd_free(g);
    g = nd_isreal(i);
    CU_ASSERT(g && nd_size(g) == 5 && ((const bool *)nd_data(g))[4]);
    nd_free(g);
    nd_array *s = nd_scalar_array(ND_C128(1, 2));
    g = nd_iscomplex(s);
    CU_ASSERT(g && nd_ndim(g) == 0 && ((const bool *)nd_data(g))[0]);
    nd_free(g), nd_free(s), nd_free(z), nd_free(i);
}

static void test_real_if_close(void)
{
    nd_array *z = nd_zeros(ND_SHAPE(2), ND_COMPLEX128);
    double *d = nd_data(z);
    d[0] = 2.1, d[1] = 4e-14, d[2] = 5.2, d[3] = 3e-15;
    nd_array *r = nd_real_if_close(z, 1000);
    double rv[2] = { 0, 0 };
    CU_ASSERT(r && nd_dtype_of(r) == ND_FLOAT64 && nd_to_f64(r, rv) == ND_OK && rv[1] == 5.2);
    nd_free(r);
    r = nd_real_if_close(z); /* tol 100 eps: 4e-14 is not close */
    CU_ASSERT(r && nd_dtype_of(r) == ND_COMPLEX128);
    nd_free(r);
    d[1] = 4e-13;
    r = nd_real_if_close(z, 1000);
    CU_ASSERT(r && nd_dtype_of(r) == ND_COMPLEX128);
    nd_free(r);
    r = nd_real_if_close(z, 1e-12); /* tol <= 1 is absolute */
    CU_ASSERT(r && nd_dtype_of(r) == ND_FLOAT64);
    nd_free(r);
    nd_free(z);
    /* complex64: eps of float32 */
    z = nd_zeros(ND_SHAPE(1), ND_COMPLEX64);
    ((float *)nd_data(z))[1] = 1e-6f;
    r = nd_real_if_close(z);
    CU_ASSERT(r && nd_dtype_of(r) == ND_FLOAT32);
    nd_free(r);
    nd_free(z);
    /* real input: a new reference to the same data */
    nd_array *a = nd_arange(0, 3, 1, ND_INT32);
    r = nd_real_if_close(a);
    CU_ASSERT(r && r != a && nd_data(r) == nd_data(a) && nd_dtype_of(r) == ND_INT32);
    nd_free(r);
    nd_free(a);
    CU_ASSERT_PTR_NULL(nd_real_if_close_(NULL, 100));
    CU_ASSERT_EQUAL(nd_last_error(), ND_EVALUE);
}

static void test_array_equiv(void)
{
    nd_array *a = nd_arange(1, 3, 1, ND_INT64);               /* [1, 2] */
    nd_array *b = nd_arange(1, 3, 1, ND_FLOAT64);
    nd_array *t = nd_tile(a, 2, (ptrdiff_t[]){ 2, 1 });        /* [[1,2],[1,2]] */
    nd_array *t2 = nd_tile(a, 2, (ptrdiff_t[]){ 2, 2 });       /* [[1,2,1,2],[1,2,1,2]] */
    bool r = false;
    CU_ASSERT(nd_array_equiv(a, b, &r) == ND_OK && r);
    CU_ASSERT(nd_array_equiv(a, t, &r) == ND_OK && r);
    nd_clear_error();
    CU_ASSERT(nd_array_equiv(a, t2, &r) == ND_OK && !r);
    CU_ASSERT_EQUAL(nd_last_error(), ND_OK); /* no error left behind */
    nd_array *c = nd_copy(t, ND_ORDER_C);
    ((int64_t *)nd_data(c))[3] = 3;
    CU_ASSERT(nd_array_equiv(a, c, &r) == ND_OK && !r);
    nd_array *rv = nd_view(b, "::-1"), *rr = nd_view(a, "::-1");
    CU_ASSERT(nd_array_equiv(rv, rr, &r) == ND_OK && r);
    CU_ASSERT(nd_array_equiv(rv, a, &r) == ND_OK && !r);
    nd_array *e1 = nd_zeros(ND_SHAPE(0), ND_FLOAT64), *e2 = nd_zeros(ND_SHAPE(3, 0), ND_FLOAT64);
    CU_ASSERT(nd_array_equiv(e1, e2, &r) == ND_OK && r);
    nd_array *nan = nd_full(ND_SHAPE(1), ND_FLOAT64, ND_F64(NAN));
    CU_ASSERT(nd_array_equiv(nan, nan, &r) == ND_OK && !r);
    CU_ASSERT_EQUAL(nd_array_equiv(NULL, a, &r), ND_EVALUE);
    CU_ASSERT_EQUAL(nd_array_equiv(a, a, NULL), ND_EVALUE);
    nd_free(a), nd_free(b), nd_free(t), nd_free(t2), nd_free(c), nd_free(rv), nd_free(rr);
    nd_free(e1), nd_free(e2), nd_free(nan);
}

static void test_null_arguments(void)
{
    nd_array *m = NULL, *e = NULL;
    CU_ASSERT_EQUAL(nd_frexp(NULL, &m, &e), ND_EVALUE);
    CU_ASSERT_PTR_NOT_NULL(strstr(nd_errmsg(), "nd_frexp: array is NULL"));
    CU_ASSERT_EQUAL(nd_modf(NULL, &m, &e), ND_EVALUE);
    nd_array *x = nd_zeros(ND_SHAPE(2), ND_FLOAT64);
    CU_ASSERT_EQUAL(nd_frexp(x, NULL, &e), ND_EVALUE);
    CU_ASSERT_EQUAL(nd_modf(x, &m, NULL), ND_EVALUE);
    nd_free(x);
    nd_array *(*fs[])(const nd_array *) = { nd_fabs, nd_isposinf, nd_isneginf, nd_iscomplex,
                                            nd_isreal, nd_i0 };
    for (size_t k = 0; k < sizeof fs / sizeof fs[0]; k++) {
        CU_ASSERT_PTR_NULL(fs[k](NULL));
        CU_ASSERT_EQUAL(nd_last_error(), ND_EVALUE);
        CU_ASSERT_PTR_NOT_NULL(strstr(nd_errmsg(), ": array is NULL"));
    }
}

static const ND_TEST tests[] = {
    ND_T(test_bartlett),   ND_T(test_blackman),     ND_T(test_hamming),
    ND_T(test_hanning),    ND_T(test_kaiser),       ND_T(test_window_edges),
    ND_T(test_i0),         ND_T(test_i0_errors),    ND_T(test_unwrap),
    ND_T(test_unwrap_edges), ND_T(test_frexp_modf), ND_T(test_ldexp),
    ND_T(test_fabs),       ND_T(test_predicates),   ND_T(test_real_if_close),
    ND_T(test_array_equiv), ND_T(test_null_arguments), { 0 },
};
ND_TEST_MAIN("windows", tests)
