/* numc/poly.h against NumPy 1.24 (fixtures: tests/data/poly/gen_poly.py). */
#include <complex.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <numc/numc.h>

#include "roots_expect.h"
#include "testutil.h"

#define DIR NUMC_TEST_DATA "/poly/"

static nd_array *ld(const char *name) { return test_load_npy(DIR, "", name); }

/* got ≈ fixture `name` (same dtype and shape, rtol); frees got. */
static void expect(nd_array *got, const char *name, double rtol)
{
    CU_ASSERT_PTR_NOT_NULL_FATAL(got);
    nd_array *want = ld(name);
    CU_ASSERT_PTR_NOT_NULL_FATAL(want);
    if (nd_dtype_of(got) != nd_dtype_of(want))
        printf("\n  %s: dtype %s, NumPy %s\n", name, nd_dtype_name(nd_dtype_of(got)),
               nd_dtype_name(nd_dtype_of(want)));
    CU_ASSERT_EQUAL(nd_dtype_of(got), nd_dtype_of(want));
    CU_ASSERT_EQUAL(nd_ndim(got), nd_ndim(want));
    nd_status rc = nd_assert_allclose(got, want, .rtol = rtol, .atol = rtol * 1e-3);
    if (rc != ND_OK) printf("\n  %s: %s\n", name, nd_errmsg());
    CU_ASSERT_EQUAL(rc, ND_OK);
    nd_free(got);
    nd_free(want);
}

static void expect_roots(nd_array *got, const char *name, double tol)
{
    roots_expect(DIR, got, name, tol);
}

static void expect_err(const void *r, nd_status code, const char *text)
{
    CU_ASSERT_PTR_NULL(r);
    CU_ASSERT_EQUAL(nd_last_error(), code);
    if (text && !strstr(nd_errmsg(), text)) printf("\n  message: %s\n", nd_errmsg());
    if (text) CU_ASSERT_PTR_NOT_NULL(strstr(nd_errmsg(), text));
}

static void test_polyval(void)
{
    nd_array *p = ld("pv_p"), *x = ld("pv_x"), *x2 = ld("pv_x2");
    expect(nd_polyval(p, x), "pv_y", 1e-12);
    expect(nd_polyval(p, x2), "pv_y2", 1e-12);
    nd_array *rev = nd_view(x, "::-2");
    expect(nd_polyval(p, rev), "pv_y_rev", 1e-12);
    nd_free(rev);
    nd_array *s = nd_polyval(p, 2.5);
    CU_ASSERT_EQUAL(nd_ndim(s), 0);
    expect(s, "pv_scalar", 1e-12);
    /* non-contiguous coefficients: p[::-1][::-1] */
    nd_array *pr = nd_view(p, "::-1"), *prr = nd_view(pr, "::-1");
    expect(nd_polyval(prr, x), "pv_y", 1e-12);
    nd_free(pr);
    nd_free(prr);
    nd_array *pi = ld("pv_pi"), *xi = ld("pv_xi"), *xf = ld("pv_xf"), *pc = ld("pv_pc");
    expect(nd_polyval(pi, xi), "pv_yi", 0);
    expect(nd_polyval(pi, x), "pv_yif", 1e-12);
    expect(nd_polyval(p, xf), "pv_yf", 1e-6);
    expect(nd_polyval(pc, x), "pv_yc", 1e-12);
    ptrdiff_t zero = 0;
    nd_array *e = nd_empty(1, &zero, ND_FLOAT64);
    expect(nd_polyval(e, x), "pv_empty", 0);
    nd_array *ex = nd_polyval(p, e);
    CU_ASSERT_EQUAL(nd_size(ex), 0);
    nd_free(ex);
    nd_clear_error();
    expect_err(nd_polyval(NULL, x), ND_EVALUE, "nd_polyval: array is NULL");
    expect_err(nd_polyval(p, (nd_array *)NULL), ND_EVALUE, "array is NULL");
    expect_err(nd_polyval(x2, x), ND_ESHAPE, "nd_polyval");
    nd_free(e);
    nd_free(p);
    nd_free(x);
    nd_free(x2);
    nd_free(pi);
    nd_free(xi);
    nd_free(xf);
    nd_free(pc);
}

static int nwarn;
static void on_warn(const char *msg, unsigned bits, void *ctx)
{
    (void)bits;
    (void)ctx;
    if (strstr(msg, "nd_polyfit: Polyfit may be poorly conditioned")) nwarn++;
}

static void test_polyfit(void)
{
    nd_array *x = ld("pf_x"), *y = ld("pf_y"), *w = ld("pf_w"), *y2 = ld("pf_y2");
    const char *names[] = { "pf_c0", "pf_c1", "pf_c3", "pf_c5" };
    int degs[] = { 0, 1, 3, 5 };
    for (int i = 0; i < 4; i++) expect(nd_polyfit(x, y, degs[i]), names[i], 1e-10);
    nd_polyfit_info info = { 0 };
    nd_array *c = nd_polyfit(x, y, 3, .full = true, .info = &info);
    CU_ASSERT_PTR_NOT_NULL(c);
    expect(c, "pf_c3", 1e-10);
    nd_array *meta = ld("pf_full_meta");
    CU_ASSERT_EQUAL(info.rank, (ptrdiff_t)nd_get_f64(meta, ND_IDX(0)));
    CU_ASSERT_DOUBLE_EQUAL(info.rcond, nd_get_f64(meta, ND_IDX(1)), 1e-25);
    nd_free(meta);
    expect(info.residuals, "pf_full_res", 1e-8);
    expect(info.singular_values, "pf_full_sv", 1e-12);
    info.residuals = info.singular_values = NULL;
    nd_polyfit_info_free(&info);
    expect(nd_polyfit(x, y, 3, .w = w), "pf_cw", 1e-10);
    /* positional order: rcond, full, w, cov */
    expect(nd_polyfit(x, y, 3, 0, false, w), "pf_cw", 1e-10);
    nd_polyfit_info ci = { 0 };
    expect(nd_polyfit(x, y, 3, .cov = true, .info = &ci), "pf_c3", 1e-10);
    expect(ci.cov, "pf_cov", 1e-8);
    ci.cov = NULL;
    expect(nd_polyfit(x, y, 3, .cov = ND_POLYFIT_COV_UNSCALED, .info = &ci), "pf_c3", 1e-10);
    expect(ci.cov, "pf_cov_unscaled", 1e-8);
    ci.cov = NULL;
    c = nd_polyfit(x, y, 2, .w = w, .cov = true, .info = &ci);
    nd_free(c);
    expect(ci.cov, "pf_cov_w", 1e-8);
    ci.cov = NULL;
    /* 2-D y */
    expect(nd_polyfit(x, y2, 2), "pf_c2d", 1e-10);
    c = nd_polyfit(x, y2, 2, .cov = true, .info = &ci);
    nd_free(c);
    expect(ci.cov, "pf_cov2d", 1e-8);
    ci.cov = NULL;
    c = nd_polyfit(x, y2, 2, .full = true, .info = &ci);
    nd_free(c);
    expect(ci.residuals, "pf_res2d", 1e-8);
    ci.residuals = NULL;
    nd_polyfit_info_free(&ci);
    /* non-contiguous: every other point of a reversed view fits the same line exactly */
    nd_array *xr = nd_view(x, "::-1"), *yr = nd_view(y, "::-1");
    expect(nd_polyfit(xr, yr, 3), "pf_c3", 1e-10);
    nd_free(xr);
    nd_free(yr);
    /* int and float32 input */
    nd_array *xi = ld("pf_xi"), *yi = ld("pf_yi");
    expect(nd_polyfit(xi, yi, 2), "pf_ci", 1e-9);
    nd_array *xf = nd_astype(x, ND_FLOAT32, ND_CAST_UNSAFE), *yf = nd_astype(y, ND_FLOAT32, ND_CAST_UNSAFE);
    expect(nd_polyfit(xf, yf, 2), "pf_cf32", 1e-10);
    /* rank deficiency warns */
    nd_array *rx = ld("pf_rank_x"), *ry = ld("pf_rank_y");
    nwarn = 0;
    nd_seterrcall(on_warn, NULL);
    expect(nd_polyfit(rx, ry, 3), "pf_rank_c", 1e-8);
    CU_ASSERT_EQUAL(nwarn, 1);
    c = nd_polyfit(rx, ry, 3, .full = true, .info = &ci);
    CU_ASSERT_EQUAL(nwarn, 1);
    CU_ASSERT_EQUAL(ci.rank, 2);
    CU_ASSERT_EQUAL(nd_size(ci.residuals), 0);
    nd_free(c);
    nd_polyfit_info_free(&ci);
    nd_seterrcall(NULL, NULL);
    /* errors */
    ptrdiff_t zero = 0;
    nd_array *e = nd_empty(1, &zero, ND_FLOAT64);
    expect_err(nd_polyfit(e, e, 1), ND_EVALUE, "nd_polyfit: expected non-empty vector for x");
    expect_err(nd_polyfit(x, y, -1), ND_EVALUE, "expected deg >= 0");
    expect_err(nd_polyfit(x, xi, 1), ND_EVALUE, "same length");
    expect_err(nd_polyfit(NULL, y, 1), ND_EVALUE, "nd_polyfit: array is NULL");
    expect_err(nd_polyfit(x, NULL, 1), ND_EVALUE, "array is NULL");
    expect_err(nd_polyfit(y2, y, 1), ND_ESHAPE, "expected 1D vector for x");
    expect_err(nd_polyfit(x, y, 1, .full = true), ND_EVALUE, ".info");
    nd_array *yn = nd_copy(y, ND_ORDER_C);
    nd_set_f64(yn, ND_IDX(3), NAN);
    expect_err(nd_polyfit(x, yn, 1), ND_EVALUE, "finite");
    nd_set_f64(yn, ND_IDX(3), INFINITY);
    expect_err(nd_polyfit(x, yn, 1), ND_EVALUE, "finite");
    nd_array *x3 = nd_view(x, ":3"), *y3 = nd_view(y, ":3");
    c = nd_polyfit(x3, y3, 3, .cov = true, .info = &ci);
    expect_err(c, ND_EVALUE, "must exceed order");
    nd_free(x3);
    nd_free(y3);
    nd_free(yn);
    nd_free(e);
    nd_free(rx);
    nd_free(ry);
    nd_free(xi);
    nd_free(yi);
    nd_free(xf);
    nd_free(yf);
    nd_free(x);
    nd_free(y);
    nd_free(w);
    nd_free(y2);
}

static void test_roots(void)
{
    const char *in[] = { "rt_p1", "rt_p2", "rt_p3", "rt_pi", "rt_pc" };
    const char *out[] = { "rt_r1", "rt_r2", "rt_r3", "rt_ri", "rt_rc" };
    for (int i = 0; i < 5; i++) {
        nd_array *p = ld(in[i]);
        expect_roots(nd_roots(p), out[i], 1e-12);
        nd_free(p);
    }
    /* Wilkinson's polynomial of degree 10: ill-conditioned, compared with a tolerance */
    nd_array *wil = ld("rt_wil");
    expect_roots(nd_roots(wil), "rt_rwil", 1e-8);
    /* negative stride */
    nd_array *p1 = ld("rt_p1"), *rv = nd_view(p1, "::-1"), *rrv = nd_view(rv, "::-1");
    expect_roots(nd_roots(rrv), "rt_r1", 1e-12);
    nd_array *f32 = nd_astype(p1, ND_FLOAT32, ND_CAST_UNSAFE), *rf = nd_roots(f32);
    CU_ASSERT_EQUAL(nd_dtype_of(rf), ND_FLOAT32);
    nd_free(rf);
    nd_free(f32);
    /* zeros, one coefficient, 0-d */
    ptrdiff_t three = 3, zero = 0;
    nd_array *z = nd_zeros(1, &three, ND_FLOAT64), *e = nd_empty(1, &zero, ND_FLOAT64);
    nd_array *r = nd_roots(z);
    CU_ASSERT_EQUAL(nd_size(r), 0);
    CU_ASSERT_EQUAL(nd_dtype_of(r), ND_FLOAT64);
    nd_free(r);
    r = nd_roots(e);
    CU_ASSERT_EQUAL(nd_size(r), 0);
    nd_free(r);
    nd_array *s = nd_scalar_array((nd_scalar){ ND_FLOAT64, { .f = 5 } });
    r = nd_roots(s);
    CU_ASSERT_EQUAL(nd_size(r), 0);
    nd_free(r);
    nd_array *m = nd_zeros(ND_SHAPE(2, 2), ND_FLOAT64);
    expect_err(nd_roots(m), ND_ESHAPE, "Input must be a rank-1 array.");
    expect_err(nd_roots(NULL), ND_EVALUE, "nd_roots: array is NULL");
    nd_free(m);
    nd_free(s);
    nd_free(z);
    nd_free(e);
    nd_free(p1);
    nd_free(rv);
    nd_free(rrv);
    nd_free(wil);
}

static void test_poly(void)
{
    const char *in[] = { "po_r1", "po_rc", "po_rnc", "po_M", "po_ri" };
    const char *out[] = { "po_c1", "po_cc", "po_cnc", "po_cM", "po_ci" };
    for (int i = 0; i < 5; i++) {
        nd_array *r = ld(in[i]);
        expect(nd_poly(r), out[i], 1e-12);
        nd_free(r);
    }
    ptrdiff_t zero = 0;
    nd_array *e = nd_empty(1, &zero, ND_FLOAT64), *one = nd_poly(e);
    CU_ASSERT_EQUAL(nd_ndim(one), 0);
    CU_ASSERT_EQUAL(nd_item_f64(one), 1.0);
    nd_free(one);
    nd_array *bad = nd_zeros(ND_SHAPE(2, 3), ND_FLOAT64);
    expect_err(nd_poly(bad), ND_EVALUE, "input must be 1d or non-empty square 2d array.");
    expect_err(nd_poly(NULL), ND_EVALUE, "nd_poly: array is NULL");
    nd_free(bad);
    nd_free(e);
}

static void test_arith(void)
{
    nd_array *a = ld("ar_a"), *b = ld("ar_b"), *ai = ld("ar_ai"), *bi = ld("ar_bi");
    expect(nd_polyadd(a, b), "ar_add", 0);
    expect(nd_polysub(b, a), "ar_sub", 0);
    expect(nd_polymul(a, b), "ar_mul", 0);
    nd_array *z = nd_from_f64((double[]){ 0, 0, 1, 2 }, 4);
    expect(nd_polymul(z, b), "ar_mulz", 0);
    expect(nd_polyadd(ai, bi), "ar_addi", 0);
    nd_array *u = ld("dv_u"), *v = ld("dv_v"), *q = NULL, *r = NULL;
    CU_ASSERT_EQUAL(nd_polydiv(u, v, &q, &r), ND_OK);
    expect(q, "dv_q", 1e-12);
    expect(r, "dv_r", 1e-12);
    nd_array *u2 = ld("dv_u2"), *v2 = ld("dv_v2"), *uc = ld("dv_uc");
    CU_ASSERT_EQUAL(nd_polydiv(u2, v2, &q, &r), ND_OK);
    expect(q, "dv_q2", 1e-12);
    expect(r, "dv_r2", 1e-12);
    nd_array *s1 = nd_from_f64((double[]){ 1, 2 }, 2), *s2 = nd_from_f64((double[]){ 1, 0, 3 }, 3);
    CU_ASSERT_EQUAL(nd_polydiv(s1, s2, &q, &r), ND_OK);
    expect(q, "dv_q3", 0);
    expect(r, "dv_r3", 0);
    CU_ASSERT_EQUAL(nd_polydiv(uc, v, &q, &r), ND_OK);
    expect(q, "dv_qc", 1e-12);
    expect(r, "dv_rc", 1e-12);
    CU_ASSERT_EQUAL(nd_polydiv(NULL, v, &q, &r), ND_EVALUE);
    CU_ASSERT_PTR_NULL(q);
    nd_array *p = ld("dr_p"), *pi = ld("dr_pi");
    expect(nd_polyder(p), "dr_1", 0);
    expect(nd_polyder(p, 2), "dr_2", 0);
    expect(nd_polyder(p, .m = 9), "dr_9", 0);
    expect(nd_polyder(pi), "dr_i", 0);
    expect_err(nd_polyder(p, -1), ND_EVALUE, "Order of derivative must be positive");
    expect(nd_polyint(p), "in_1", 1e-15);
    expect(nd_polyint(p, 3, ND_OPERAND(2.0)), "in_3k", 1e-15);
    nd_array *k = ld("in_k");
    expect(nd_polyint(p, .m = 3, .k = ND_OPERAND(k)), "in_3ka", 1e-15);
    nd_array *pc = nd_empty(ND_SHAPE(2), ND_COMPLEX128);
    ((double _Complex *)nd_data(pc))[0] = I;
    ((double _Complex *)nd_data(pc))[1] = 2;
    expect(nd_polyint(pc), "in_c", 1e-15);
    expect_err(nd_polyint(p, 4, ND_OPERAND(k)), ND_EVALUE, "length 1 or >m");
    expect_err(nd_polyint(p, -1), ND_EVALUE, "Order of integral must be positive");
    expect_err(nd_polyadd(NULL, a), ND_EVALUE, "nd_polyadd: array is NULL");
    expect_err(nd_polymul(a, NULL), ND_EVALUE, "nd_polymul: array is NULL");
    nd_free(pc);
    nd_free(k);
    nd_free(p);
    nd_free(pi);
    nd_free(s1);
    nd_free(s2);
    nd_free(u);
    nd_free(v);
    nd_free(u2);
    nd_free(v2);
    nd_free(uc);
    nd_free(z);
    nd_free(a);
    nd_free(b);
    nd_free(ai);
    nd_free(bi);
}

static nd_poly1d *p1d(const double *c, ptrdiff_t n, bool r, const char *var)
{
    nd_array *a = nd_from_f64(c, n);
    nd_poly1d *p = nd_poly1d_new(a, .r = r, .variable = var);
    nd_free(a);
    return p;
}

static void expect_str(nd_poly1d *p, const char *name)
{
    CU_ASSERT_PTR_NOT_NULL_FATAL(p);
    FILE *f = fopen(DIR "poly1d_str.txt", "r");
    CU_ASSERT_PTR_NOT_NULL_FATAL(f);
    char line[4096], want[4096];
    want[0] = '\0';
    while (fgets(line, sizeof line, f)) {
        size_t n = strlen(name);
        if (strncmp(line, name, n) || line[n] != '\t') continue;
        size_t j = 0;
        for (const char *s = line + n + 1; *s && *s != '\n'; s++) {
            if (s[0] == '\\' && s[1] == 'n') {
                want[j++] = '\n';
                s++;
            } else {
                want[j++] = *s;
            }
        }
        want[j] = '\0';
    }
    fclose(f);
    char *got = nd_poly1d_str(p);
    CU_ASSERT_PTR_NOT_NULL_FATAL(got);
    if (strcmp(got, want)) printf("\n  %s:\n[%s]\nNumPy:\n[%s]\n", name, got, want);
    CU_ASSERT_STRING_EQUAL(got, want);
    nd_free_mem(got);
    nd_poly1d_free(p);
}

static void test_poly1d(void)
{
    expect_str(p1d((double[]){ 1, 2, 3 }, 3, false, NULL), "s_basic");
    expect_str(p1d((double[]){ -1.5, 0, 2.25, -4 }, 4, false, NULL), "s_neg");
    expect_str(p1d((double[]){ 0 }, 1, false, NULL), "s_zero");
    expect_str(p1d((double[]){ 3, 0 }, 2, false, NULL), "s_lin");
    expect_str(p1d((double[]){ 7 }, 1, false, NULL), "s_const");
    expect_str(p1d((double[]){ 1e-5, 123456.0, 1.0 / 3 }, 3, false, NULL), "s_float");
    expect_str(p1d((double[]){ 1, 2, 3 }, 3, false, "z"), "s_var");
    double c25[25];
    for (int i = 0; i < 25; i++) c25[i] = i + 1;
    expect_str(p1d(c25, 25, false, NULL), "s_long");
    expect_str(p1d((double[]){ 1, 2 }, 2, true, NULL), "s_roots");
    expect_str(p1d((double[]){ 0, 0, 1, 0, -1 }, 5, false, NULL), "s_lead0");
    nd_array *cc = nd_empty(ND_SHAPE(3), ND_COMPLEX128);
    double _Complex *cd = nd_data(cc);
    cd[0] = 1 + 2 * I;
    cd[1] = 3 * I;
    cd[2] = 2;
    expect_str(nd_poly1d_new(cc), "s_cplx");
    nd_free(cc);

    nd_poly1d *p = p1d((double[]){ 1, -3, 2 }, 3, false, NULL);
    nd_poly1d *q = p1d((double[]){ 1, -1 }, 2, false, NULL);
    CU_ASSERT_EQUAL(nd_poly1d_order(p), 2);
    CU_ASSERT_STRING_EQUAL(nd_poly1d_variable(p), "x");
    nd_array *v = nd_poly1d_call(p, 3.0);
    CU_ASSERT_EQUAL(nd_item_f64(v), 2.0);
    nd_free(v);
    nd_array *r = nd_poly1d_roots(p);
    double rv[2];
    nd_to_f64(r, rv);
    CU_ASSERT(fabs(rv[0] - 2) < 1e-12 && fabs(rv[1] - 1) < 1e-12);
    nd_free(r);
    nd_poly1d *d = nd_poly1d_deriv(p, 1), *in = nd_poly1d_integ(p, 1, 5.0);
    nd_array *dc = nd_poly1d_coeffs(d), *ic = nd_poly1d_coeffs(in);
    nd_array *dw = nd_from_f64((double[]){ 2, -3 }, 2);
    CU_ASSERT_EQUAL(nd_assert_allclose(dc, dw), ND_OK);
    nd_free(dw);
    nd_free(dc);
    double want_i[] = { 1.0 / 3, -1.5, 2, 5 }, got_i[4];
    nd_to_f64(ic, got_i);
    for (int i = 0; i < 4; i++) CU_ASSERT_DOUBLE_EQUAL(got_i[i], want_i[i], 1e-15);
    nd_free(ic);
    nd_poly1d *s = nd_poly1d_add(p, q), *m = nd_poly1d_mul(p, q), *sb = nd_poly1d_sub(p, p), *qq, *rr;
    CU_ASSERT_EQUAL(nd_poly1d_order(s), 2);
    CU_ASSERT_EQUAL(nd_poly1d_order(m), 3);
    CU_ASSERT_EQUAL(nd_poly1d_order(sb), 0);
    CU_ASSERT_EQUAL(nd_poly1d_div(p, q, &qq, &rr), ND_OK);
    CU_ASSERT_EQUAL(nd_poly1d_order(qq), 1);
    CU_ASSERT_EQUAL(nd_poly1d_order(rr), 0);
    char *txt = nd_poly1d_str(qq);
    CU_ASSERT_STRING_EQUAL(txt, " \n1 x - 2");
    nd_free_mem(txt);
    nd_clear_error();
    CU_ASSERT_EQUAL(nd_poly1d_order(NULL), -1);
    CU_ASSERT_EQUAL(nd_last_error(), ND_EVALUE);
    CU_ASSERT_PTR_NULL(nd_poly1d_str(NULL));
    nd_poly1d *none = nd_poly1d_new(NULL);
    expect_err(none, ND_EVALUE, "nd_poly1d_new: array is NULL");
    nd_poly1d_free(NULL);
    nd_poly1d_free(qq);
    nd_poly1d_free(rr);
    nd_poly1d_free(s);
    nd_poly1d_free(m);
    nd_poly1d_free(sb);
    nd_poly1d_free(d);
    nd_poly1d_free(in);
    nd_poly1d_free(p);
    nd_poly1d_free(q);
}

static const ND_TEST tests[] = {
    ND_T(test_polyval), ND_T(test_polyfit), ND_T(test_roots), ND_T(test_poly),
    ND_T(test_arith),   ND_T(test_poly1d),  { 0 },
};
ND_TEST_MAIN("poly", tests)
