/* Solvers and decompositions on float32/float64/complex64/complex128 and stacks: NumPy
 * fixtures plus identities (A·inv(A) = I, QR/SVD/eig/eigh/cholesky reconstruct A). */
#include <numc/linalg.h>

#include "test_linalg_fixture.h"

#define FILE_LA NUMC_TEST_DATA "/linalg/linalg.txt"
#define FX(name) fx_load(FILE_LA, name)

static const char *const TAGS[4] = { "d", "f", "z", "c" };

static nd_array *fxt(const char *base, const char *tag)
{
    char name[128];
    snprintf(name, sizeof name, "%s_%s", base, tag);
    return FX(name);
}

static void check_t(nd_array *got, const char *base, const char *tag, double tol)
{
    char name[128];
    snprintf(name, sizeof name, "%s_%s", base, tag);
    fx_check_file(got, FILE_LA, name, tol, true);
}

/* Tolerances: 1e-12 in double precision on these well-conditioned inputs, 2e-5 in single. */
static double tol_of(const char *tag) { return (tag[0] == 'f' || tag[0] == 'c') ? 2e-5 : 1e-12; }

/* Conjugate transpose of the last two axes (a new complex128 / float64 array). */
static nd_array *conj_t(const nd_array *a)
{
    nd_array *t = nd_swapaxes(a, -1, -2), *c = nd_astype(t, ND_COMPLEX128, ND_CAST_UNSAFE);
    nd_array *cc = nd_copy(c, ND_ORDER_C);
    double *p = nd_data(cc);
    for (ptrdiff_t i = 0; i < nd_size(cc); i++) p[2 * i + 1] = -p[2 * i + 1];
    nd_free(t);
    nd_free(c);
    return cc;
}

/* max |x - y| / max |y| through complex128. */
static double diff(const nd_array *x, const nd_array *y) { return fx_relerr(x, y); }

static nd_array *eye_like(ptrdiff_t n) { return nd_eye(n, -1, 0, ND_FLOAT64); }

static void test_solve_all_dtypes(void)
{
    for (int k = 0; k < 4; k++) {
        const char *t = TAGS[k];
        nd_array *g = fxt("G4", t), *b = fxt("b4", t), *bm = fxt("Bm", t), *gs = fxt("Gs", t), *bs = fxt("bs", t);
        check_t(nd_solve(g, b), "solve_G4_b4", t, tol_of(t));
        check_t(nd_solve(g, bm), "solve_G4_Bm", t, tol_of(t));
        check_t(nd_solve(gs, bs), "solve_Gs_bs", t, tol_of(t));
        /* The same system through a Fortran-ordered and a reversed-then-reversed a. */
        nd_array *gf = nd_copy(g, ND_ORDER_F);
        check_t(nd_solve(gf, b), "solve_G4_b4", t, tol_of(t));
        nd_free(g), nd_free(b), nd_free(bm), nd_free(gs), nd_free(bs), nd_free(gf);
    }
}

static void test_solve_broadcasts_stack_and_vector(void)
{
    nd_array *gs = fxt("Gs", "d"), *b = nd_ones(ND_SHAPE(3), ND_FLOAT64), *x = nd_solve(gs, b);
    CU_ASSERT_PTR_NOT_NULL_FATAL(x);
    CU_ASSERT_EQUAL(nd_ndim(x), 2);
    CU_ASSERT_EQUAL(nd_shape(x)[0], 2);
    /* a @ x == b for every matrix of the stack. */
    nd_array *ax = nd_einsum("sij,sj->si", gs, x), *bb = nd_broadcast_to(b, ND_SHAPE(2, 3));
    CU_ASSERT(diff(ax, bb) < 1e-13);
    nd_array *bm = nd_ones(ND_SHAPE(3, 2), ND_FLOAT64), *xm = nd_solve(gs, bm);
    CU_ASSERT_PTR_NOT_NULL(xm);
    if (xm) CU_ASSERT_EQUAL(nd_shape(xm)[2], 2);
    nd_free(gs), nd_free(b), nd_free(x), nd_free(ax), nd_free(bb), nd_free(bm), nd_free(xm);
}

static void test_solve_integer_input_gives_float64(void)
{
    int64_t av[4] = { 2, 1, 1, 3 }, bv[2] = { 3, 5 };
    nd_array *a = nd_from_buffer(av, ND_SHAPE(2, 2), ND_INT64), *b = nd_from_i64(bv, 2);
    nd_array *x = nd_solve(a, b);
    CU_ASSERT_PTR_NOT_NULL_FATAL(x);
    CU_ASSERT_EQUAL(nd_dtype_of(x), ND_FLOAT64);
    CU_ASSERT_DOUBLE_EQUAL(nd_get_f64(x, ND_IDX(0)), 0.8, 1e-15);
    CU_ASSERT_DOUBLE_EQUAL(nd_get_f64(x, ND_IDX(1)), 1.4, 1e-15);
    nd_free(a), nd_free(b), nd_free(x);
}

static void test_singular_is_an_error_value(void)
{
    double v[4] = { 1, 2, 2, 4 };
    nd_array *a = nd_from_buffer(v, ND_SHAPE(2, 2), ND_FLOAT64), *b = nd_ones(ND_SHAPE(2), ND_FLOAT64);
    CU_ASSERT_PTR_NULL(nd_solve(a, b));
    CU_ASSERT_EQUAL(nd_last_error(), ND_ELINALG);
    CU_ASSERT_STRING_EQUAL(nd_errmsg(), "nd_solve: singular matrix");
    CU_ASSERT_PTR_NULL(nd_inv(a));
    CU_ASSERT_STRING_EQUAL(nd_errmsg(), "nd_inv: singular matrix");
    nd_array *d = nd_det(a);
    CU_ASSERT_PTR_NOT_NULL_FATAL(d);
    CU_ASSERT_EQUAL(nd_item_f64(d), 0.0);
    nd_array *sign, *logdet;
    CU_ASSERT_EQUAL(nd_slogdet(a, &sign, &logdet), ND_OK);
    CU_ASSERT_EQUAL(nd_item_f64(sign), 0.0);
    CU_ASSERT(isinf(nd_item_f64(logdet)) && nd_item_f64(logdet) < 0);
    nd_free(a), nd_free(b), nd_free(d), nd_free(sign), nd_free(logdet);
}

static void test_shape_errors(void)
{
    nd_array *r = nd_zeros(ND_SHAPE(2, 3), ND_FLOAT64), *v = nd_zeros(ND_SHAPE(3), ND_FLOAT64);
    CU_ASSERT_PTR_NULL(nd_inv(r));
    CU_ASSERT_EQUAL(nd_last_error(), ND_ELINALG);
    CU_ASSERT(strstr(nd_errmsg(), "must be square") != NULL);
    CU_ASSERT_PTR_NULL(nd_det(v));
    CU_ASSERT(strstr(nd_errmsg(), "at least two-dimensional") != NULL);
    nd_array *sq = nd_eye(3, -1, 0, ND_FLOAT64), *b = nd_zeros(ND_SHAPE(4), ND_FLOAT64);
    CU_ASSERT_PTR_NULL(nd_solve(sq, b));
    CU_ASSERT_EQUAL(nd_last_error(), ND_ESHAPE);
    nd_array *w;
    CU_ASSERT_EQUAL(nd_eigh(sq, 'X', &w, NULL), ND_EVALUE);
    CU_ASSERT_PTR_NULL(w);
    nd_free(r), nd_free(v), nd_free(sq), nd_free(b);
}

static void test_inv_identity_and_fixtures(void)
{
    for (int k = 0; k < 4; k++) {
        const char *t = TAGS[k];
        nd_array *g = fxt("G4", t), *gs = fxt("Gs", t);
        nd_array *gi = nd_inv(g);
        check_t(nd_ref(gi), "inv_G4", t, tol_of(t));
        check_t(nd_inv(gs), "inv_Gs", t, tol_of(t));
        nd_array *prod = nd_matmul(g, gi), *e = eye_like(4);
        CU_ASSERT(diff(prod, e) < tol_of(t));
        nd_free(g), nd_free(gs), nd_free(gi), nd_free(prod), nd_free(e);
    }
    nd_array *empty = nd_zeros(ND_SHAPE(0, 0), ND_FLOAT64), *ei = nd_inv(empty), *ed = nd_det(empty);
    CU_ASSERT_PTR_NOT_NULL(ei);
    CU_ASSERT_PTR_NOT_NULL_FATAL(ed);
    CU_ASSERT_EQUAL(nd_item_f64(ed), 1.0);
    nd_free(empty), nd_free(ei), nd_free(ed);
}

static void test_det_slogdet(void)
{
    for (int k = 0; k < 4; k++) {
        const char *t = TAGS[k];
        nd_array *g = fxt("G4", t), *gs = fxt("Gs", t), *sign, *logdet;
        check_t(nd_det(g), "det_G4", t, tol_of(t));
        check_t(nd_det(gs), "det_Gs", t, tol_of(t));
        CU_ASSERT_EQUAL(nd_slogdet(gs, &sign, &logdet), ND_OK);
        check_t(sign, "slogdet_sign_Gs", t, tol_of(t));
        check_t(logdet, "slogdet_log_Gs", t, tol_of(t));
        nd_free(g), nd_free(gs);
    }
}

static void test_cholesky(void)
{
    for (int k = 0; k < 4; k++) {
        const char *t = TAGS[k];
        nd_array *p = fxt("P5", t), *l = nd_cholesky(p);
        check_t(nd_ref(l), "chol_P5", t, tol_of(t));
        nd_array *lh = conj_t(l), *llh = nd_matmul(l, lh);
        CU_ASSERT(diff(llh, p) < tol_of(t));
        nd_free(p), nd_free(l), nd_free(lh), nd_free(llh);
    }
    double v[4] = { 1, 2, 2, 1 };
    nd_array *a = nd_from_buffer(v, ND_SHAPE(2, 2), ND_FLOAT64);
    CU_ASSERT_PTR_NULL(nd_cholesky(a));
    CU_ASSERT_EQUAL(nd_last_error(), ND_ELINALG);
    CU_ASSERT(strstr(nd_errmsg(), "nd_cholesky: matrix is not positive definite") != NULL);
    nd_free(a);
}

static void test_qr_modes(void)
{
    for (int k = 0; k < 4; k++) {
        const char *t = TAGS[k];
        nd_array *a = fxt("A53", t), *q, *r;
        CU_ASSERT_EQUAL_FATAL(nd_qr(a, ND_QR_REDUCED, &q, &r), ND_OK);
        CU_ASSERT_EQUAL(nd_shape(q)[1], 3);
        check_t(nd_ref(r), "qr_r_A53", t, tol_of(t));
        nd_array *qr = nd_matmul(q, r), *qh = conj_t(q), *qhq = nd_matmul(qh, q), *e3 = eye_like(3);
        CU_ASSERT(diff(qr, a) < tol_of(t));
        CU_ASSERT(diff(qhq, e3) < tol_of(t));
        nd_free(q), nd_free(r), nd_free(qr), nd_free(qh), nd_free(qhq);
        CU_ASSERT_EQUAL_FATAL(nd_qr(a, ND_QR_COMPLETE, &q, &r), ND_OK);
        CU_ASSERT_EQUAL(nd_shape(q)[1], 5);
        CU_ASSERT_EQUAL(nd_shape(r)[0], 5);
        nd_array *e5 = eye_like(5);
        qr = nd_matmul(q, r), qh = conj_t(q), qhq = nd_matmul(qh, q);
        CU_ASSERT(diff(qr, a) < tol_of(t));
        CU_ASSERT(diff(qhq, e5) < tol_of(t));
        nd_free(q), nd_free(r), nd_free(qr), nd_free(qh), nd_free(qhq);
        CU_ASSERT_EQUAL(nd_qr(a, ND_QR_R, NULL, &r), ND_OK);
        check_t(r, "qr_r_A53", t, tol_of(t));
        nd_free(a), nd_free(e3), nd_free(e5);
    }
}

static void test_qr_stack_wide(void)
{
    /* A stack of wide (2×4) matrices, transposed view input. */
    nd_array *x = nd_arange(1, 25, 1, ND_FLOAT64), *x3 = nd_reshape(x, ND_SHAPE(3, 4, 2));
    nd_array *xt = nd_swapaxes(x3, 1, 2), *q, *r;
    CU_ASSERT_EQUAL_FATAL(nd_qr(xt, ND_QR_REDUCED, &q, &r), ND_OK);
    CU_ASSERT_EQUAL(nd_shape(q)[1], 2);
    CU_ASSERT_EQUAL(nd_shape(r)[2], 4);
    nd_array *qr = nd_matmul(q, r);
    CU_ASSERT(diff(qr, xt) < 1e-13);
    nd_free(x), nd_free(x3), nd_free(xt), nd_free(q), nd_free(r), nd_free(qr);
}

static void test_svd(void)
{
    for (int k = 0; k < 4; k++) {
        const char *t = TAGS[k];
        nd_array *a = fxt("A53", t), *u, *s, *vh;
        CU_ASSERT_EQUAL(nd_svd(a, false, NULL, &s, NULL), ND_OK);
        check_t(s, "svdvals_A53", t, tol_of(t));
        CU_ASSERT_EQUAL_FATAL(nd_svd(a, false, &u, &s, &vh), ND_OK);
        CU_ASSERT_EQUAL(nd_shape(u)[1], 3);
        nd_array *us = nd_einsum("ij,j->ij", u, s), *usv = nd_matmul(us, vh);
        CU_ASSERT(diff(usv, a) < tol_of(t));
        nd_free(u), nd_free(s), nd_free(vh), nd_free(us), nd_free(usv);
        CU_ASSERT_EQUAL_FATAL(nd_svd(a, true, &u, &s, &vh), ND_OK);
        CU_ASSERT_EQUAL(nd_shape(u)[1], 5);
        nd_array *uh = conj_t(u), *uhu = nd_matmul(uh, u), *e5 = eye_like(5);
        CU_ASSERT(diff(uhu, e5) < tol_of(t));
        nd_free(u), nd_free(s), nd_free(vh), nd_free(uh), nd_free(uhu), nd_free(e5), nd_free(a);
    }
}

static void test_svd_stack_of_transposes(void)
{
    nd_array *x = nd_arange(0, 24, 1, ND_FLOAT64), *x3 = nd_reshape(x, ND_SHAPE(2, 3, 4));
    nd_array *xt = nd_swapaxes(x3, 1, 2), *u, *s, *vh;
    CU_ASSERT_EQUAL_FATAL(nd_svd(xt, false, &u, &s, &vh), ND_OK);
    nd_array *us = nd_einsum("bij,bj->bij", u, s), *usv = nd_matmul(us, vh);
    CU_ASSERT(diff(usv, xt) < 1e-13);
    nd_free(x), nd_free(x3), nd_free(xt), nd_free(u), nd_free(s), nd_free(vh), nd_free(us), nd_free(usv);
}

static int cmp_c128(const void *a, const void *b)
{
    const double *x = a, *y = b;
    if (x[0] != y[0]) return x[0] < y[0] ? -1 : 1;
    return (x[1] > y[1]) - (x[1] < y[1]);
}

static nd_array *sorted_complex(const nd_array *w)
{
    nd_array *c = nd_astype(w, ND_COMPLEX128, ND_CAST_UNSAFE);
    qsort(nd_data(c), (size_t)nd_size(c), 16, cmp_c128);
    return c;
}

static void test_eig(void)
{
    for (int k = 0; k < 4; k++) {
        const char *t = TAGS[k];
        nd_array *g = fxt("G4", t), *w, *v;
        CU_ASSERT_EQUAL_FATAL(nd_eig(g, &w, &v), ND_OK);
        check_t(sorted_complex(w), "eigvals_G4", t, tol_of(t));
        nd_array *av = nd_matmul(g, v), *vw = nd_einsum("ij,j->ij", v, w);
        CU_ASSERT(diff(av, vw) < tol_of(t) * 10);
        nd_array *wv = nd_eigvals(g);
        CU_ASSERT(diff(wv, w) == 0);
        nd_free(g), nd_free(w), nd_free(v), nd_free(av), nd_free(vw), nd_free(wv);
    }
    /* Real input with a complex pair: complex results; with real eigenvalues: real. */
    nd_array *ne = FX("NE33"), *w, *v;
    CU_ASSERT_EQUAL_FATAL(nd_eig(ne, &w, &v), ND_OK);
    CU_ASSERT_EQUAL(nd_dtype_of(w), ND_COMPLEX128);
    fx_check_file(sorted_complex(w), FILE_LA, "eigvals_NE33", 1e-13, true);
    nd_array *av = nd_matmul(ne, v), *vw = nd_einsum("ij,j->ij", v, w);
    CU_ASSERT(diff(av, vw) < 1e-13);
    nd_free(ne), nd_free(w), nd_free(v), nd_free(av), nd_free(vw);
    double d[9] = { 3, 0, 0, 0, 1, 0, 0, 0, 2 };
    nd_array *dg = nd_from_buffer(d, ND_SHAPE(3, 3), ND_FLOAT64), *dw = nd_eigvals(dg);
    CU_ASSERT_PTR_NOT_NULL_FATAL(dw);
    CU_ASSERT_EQUAL(nd_dtype_of(dw), ND_FLOAT64);
    CU_ASSERT_EQUAL(nd_get_f64(dw, ND_IDX(0)), 3.0);
    nd_free(dg), nd_free(dw);
}

static void test_eigh(void)
{
    for (int k = 0; k < 4; k++) {
        const char *t = TAGS[k];
        nd_array *p = fxt("P5", t), *w, *v;
        CU_ASSERT_EQUAL_FATAL(nd_eigh(p, 'L', &w, &v), ND_OK);
        check_t(nd_ref(w), "eigvalsh_P5", t, tol_of(t));
        nd_array *av = nd_matmul(p, v), *vw = nd_einsum("ij,j->ij", v, w);
        CU_ASSERT(diff(av, vw) < tol_of(t));
        nd_array *vh = conj_t(v), *vhv = nd_matmul(vh, v), *e = eye_like(5);
        CU_ASSERT(diff(vhv, e) < tol_of(t));
        /* Only the named triangle is read. */
        nd_array *up = nd_triu(p, 0);
        check_t(nd_eigvalsh(up, 'U'), "eigvalsh_P5_U", t, tol_of(t));
        nd_free(p), nd_free(w), nd_free(v), nd_free(av), nd_free(vw), nd_free(vh), nd_free(vhv);
        nd_free(e), nd_free(up);
    }
}

static void test_eigh_stack(void)
{
    nd_array *p = fxt("P5", "d"), *st = nd_broadcast_to(p, ND_SHAPE(3, 5, 5)), *w;
    CU_ASSERT_EQUAL_FATAL(nd_eigh(st, 0, &w, NULL), ND_OK);
    nd_array *w2 = nd_view(w, "2"), *want = FX("eigvalsh_P5_d");
    CU_ASSERT(diff(w2, want) < 1e-12);
    nd_free(p), nd_free(st), nd_free(w), nd_free(w2), nd_free(want);
}

static void test_lstsq_pinv(void)
{
    for (int k = 0; k < 4; k++) {
        const char *t = TAGS[k];
        nd_array *a = fxt("A53", t), *b = fxt("b5", t);
        nd_lstsq_result r;
        CU_ASSERT_EQUAL_FATAL(nd_lstsq(a, b, -1, &r), ND_OK);
        check_t(nd_ref(r.x), "lstsq_x", t, tol_of(t));
        check_t(nd_ref(r.residuals), "lstsq_res", t, tol_of(t) * 10);
        check_t(nd_ref(r.s), "lstsq_s", t, tol_of(t));
        CU_ASSERT_EQUAL(nd_item_i64(r.rank), 3);
        nd_lstsq_result_free(&r);
        check_t(nd_pinv(a, -1), "pinv_A53", t, tol_of(t));
        nd_free(a), nd_free(b);
    }
    nd_array *d = FX("D55"), *bd = FX("bd5");
    nd_lstsq_result r;
    CU_ASSERT_EQUAL_FATAL(nd_lstsq(d, bd, -1, &r), ND_OK);
    CU_ASSERT_EQUAL(nd_item_i64(r.rank), 3);
    CU_ASSERT_EQUAL(nd_size(r.residuals), 0); /* rank-deficient: no residuals, as NumPy */
    fx_check_file(nd_ref(r.x), FILE_LA, "lstsq_D_x", 1e-10, true);
    nd_lstsq_result_free(&r);
    fx_check_file(nd_pinv(d, -1), FILE_LA, "pinv_D55", 1e-10, true);
    fx_check_file(nd_matrix_rank(d, -1), FILE_LA, "matrix_rank_D55", 0, false);
    nd_array *a64 = FX("A64"), *b62 = FX("B62");
    CU_ASSERT_EQUAL_FATAL(nd_lstsq(a64, b62, -1, &r), ND_OK);
    fx_check_file(nd_ref(r.x), FILE_LA, "lstsq_A64_B62_x", 1e-12, true);
    fx_check_file(nd_ref(r.residuals), FILE_LA, "lstsq_A64_B62_res", 1e-12, true);
    fx_check_file(nd_ref(r.s), FILE_LA, "lstsq_A64_B62_s", 1e-12, true);
    nd_lstsq_result_free(&r);
    nd_lstsq_result_free(NULL);
    nd_free(d), nd_free(bd), nd_free(a64), nd_free(b62);
}

static void test_matrix_rank(void)
{
    nd_array *z = nd_zeros(ND_SHAPE(4), ND_FLOAT64), *rz = nd_matrix_rank(z, -1);
    CU_ASSERT_EQUAL(nd_item_i64(rz), 0);
    nd_array *e = nd_eye(4, -1, 0, ND_FLOAT64), *re = nd_matrix_rank(e, -1), *rt = nd_matrix_rank(e, 2.0);
    CU_ASSERT_EQUAL(nd_item_i64(re), 4);
    CU_ASSERT_EQUAL(nd_item_i64(rt), 0);
    nd_free(z), nd_free(rz), nd_free(e), nd_free(re), nd_free(rt);
}

static void test_norms_per_dtype(void)
{
    for (int k = 0; k < 4; k++) {
        const char *t = TAGS[k];
        nd_array *a = fxt("A53", t), *g = fxt("G4", t);
        check_t(nd_norm(a), "norm_A53", t, tol_of(t));
        check_t(nd_norm(a, .ord = "nuc"), "norm_A53_nuc", t, tol_of(t));
        check_t(nd_norm(a, .ord = "2"), "norm_A53_2", t, tol_of(t));
        check_t(nd_cond(g, NULL), "cond_G4", t, tol_of(t));
        nd_free(a), nd_free(g);
    }
}

static void test_norm_orders(void)
{
    static const char *mat[][2] = { { NULL, "none" }, { "fro", "fro" }, { "nuc", "nuc" }, { "1", "1" },
                                    { "-1", "m1" }, { "2", "2" }, { "-2", "m2" }, { "inf", "inf" },
                                    { "-inf", "minf" } };
    static const char *vec[][2] = { { NULL, "none" }, { "0", "0" }, { "1", "1" }, { "2", "2" },
                                    { "3.5", "3.5" }, { "inf", "inf" }, { "-inf", "minf" }, { "-1", "m1" } };
    nd_array *n34 = FX("N34"), *g = FX("Gc");
    char name[64];
    for (size_t i = 0; i < sizeof mat / sizeof mat[0]; i++) {
        snprintf(name, sizeof name, "norm_N34_%s", mat[i][1]);
        fx_check_file(nd_norm(n34, .ord = mat[i][0]), FILE_LA, name, 1e-14, true);
        snprintf(name, sizeof name, "cond_Gc_%s", mat[i][1]);
        fx_check_file(nd_cond(g, mat[i][0]), FILE_LA, name, 1e-12, true);
    }
    for (size_t i = 0; i < sizeof vec / sizeof vec[0]; i++) {
        snprintf(name, sizeof name, "norm_N34_ax1_%s", vec[i][1]);
        fx_check_file(nd_norm(n34, .ord = vec[i][0], .axis = 1), FILE_LA, name, 1e-14, true);
    }
    fx_check_file(nd_norm(n34, .axis = 0, .keepdims = true), FILE_LA, "norm_N34_ax0_keep", 1e-14, true);
    nd_array *t = FX("T234"), *c = FX("C34");
    fx_check_file(nd_norm(t, .ord = "fro", .axes = ND_AXES(2, 1)), FILE_LA, "norm_T234_ax21", 1e-14, true);
    fx_check_file(nd_norm(t, .ord = "2", .axes = ND_AXES(0, 2)), FILE_LA, "norm_T234_ax02_2", 1e-13, true);
    fx_check_file(nd_norm(t), FILE_LA, "norm_T234_all", 1e-14, true);
    fx_check_file(nd_norm(c), FILE_LA, "norm_C34", 1e-14, true);
    fx_check_file(nd_norm(c, .ord = "1", .axis = 0), FILE_LA, "norm_C34_ax0_1", 1e-14, true);
    CU_ASSERT_PTR_NULL(nd_norm(t, .ord = "fro"));
    CU_ASSERT_EQUAL(nd_last_error(), ND_EVALUE);
    CU_ASSERT_PTR_NULL(nd_norm(n34, .ord = "fro", .axis = 0));
    CU_ASSERT_PTR_NULL(nd_norm(n34, .ord = "bogus"));
    CU_ASSERT_PTR_NULL(nd_norm(n34, .ord = "3", .axes = ND_AXES(0, 1)));
    nd_free(n34), nd_free(g), nd_free(t), nd_free(c);
}

static void test_cond_singular_is_inf(void)
{
    double v[4] = { 1, 2, 2, 4 };
    nd_array *a = nd_from_buffer(v, ND_SHAPE(2, 2), ND_FLOAT64), *c = nd_cond(a, "1");
    CU_ASSERT_PTR_NOT_NULL_FATAL(c);
    CU_ASSERT(isinf(nd_item_f64(c)));
    nd_free(a), nd_free(c);
}

static void test_nan_input_never_aborts(void)
{
    nd_array *a = nd_full(ND_SHAPE(3, 3), ND_FLOAT64, ND_F64(NAN)), *w, *s;
    nd_status st = nd_eigh(a, 'L', &w, NULL);
    CU_ASSERT(st == ND_OK || st == ND_ELINALG);
    nd_free(w);
    st = nd_svd(a, false, NULL, &s, NULL);
    CU_ASSERT(st == ND_OK || st == ND_ELINALG);
    nd_free(s);
    nd_array *x = nd_inv(a);
    CU_ASSERT(x == NULL || isnan(nd_get_f64(x, ND_IDX(0, 0))));
    nd_free(x), nd_free(a);
}

/* item i of a stacked result equals the single-matrix result */
static void assert_item_equals(const nd_array *stacked, ptrdiff_t i, const nd_array *single, double tol)
{
    char spec[32];
    snprintf(spec, sizeof spec, "%td", i);
    nd_array *it = nd_view(stacked, spec);
    double e = fx_relerr(it, single);
    if (!(e <= tol)) printf("\nstack item %td: relative error %.3g\n", i, e);
    CU_ASSERT(e <= tol);
    nd_free(it);
}

/* Every decomposition on a (3, M, N) stack (built from one matrix in different layouts)
 * matches the single-matrix result item by item. */
static void test_stacks_and_layouts_everywhere(void)
{
    for (int k = 0; k < 4; k++) {
        const char *t = TAGS[k];
        double tol = tol_of(t) * 10;
        nd_array *g = fxt("G4", t), *p = fxt("P5", t), *a = fxt("A53", t), *b = fxt("b5", t);
        /* Stack item 0: C order; 1: transpose of a transposed copy (F order); 2: reversed
         * twice (negative strides). */
        nd_array *gs = nd_empty(ND_SHAPE(3, 4, 4), nd_dtype_of(g)), *ps = nd_empty(ND_SHAPE(3, 5, 5), nd_dtype_of(p));
        nd_array *as = nd_empty(ND_SHAPE(3, 5, 3), nd_dtype_of(a));
        nd_array *src[3] = { g, p, a }, *dst[3] = { gs, ps, as };
        for (int m = 0; m < 3; m++) {
            nd_array *bc = nd_broadcast_to(src[m], 3, (const ptrdiff_t[]){ 3, nd_shape(src[m])[0], nd_shape(src[m])[1] });
            nd_assign(dst[m], bc, ND_CAST_DEFAULT);
            nd_free(bc);
        }
        nd_array *gsf = nd_copy(gs, ND_ORDER_F), *gsr = nd_view(gsf, ":, ::-1, ::-1"), *gsrc = nd_copy(gsr, ND_ORDER_C);
        nd_array *gsn = nd_view(gsrc, ":, ::-1, ::-1"); /* negative strides, same values */
        nd_array *single, *stacked;
        single = nd_inv(g), stacked = nd_inv(gsn);
        for (int i = 0; i < 3; i++) assert_item_equals(stacked, i, single, tol);
        nd_free(single), nd_free(stacked);
        single = nd_det(g), stacked = nd_det(gsf);
        for (int i = 0; i < 3; i++) assert_item_equals(stacked, i, single, tol);
        nd_free(single), nd_free(stacked);
        single = nd_cholesky(p), stacked = nd_cholesky(ps);
        for (int i = 0; i < 3; i++) assert_item_equals(stacked, i, single, tol);
        nd_free(single), nd_free(stacked);
        nd_array *w1, *w3, *v1, *v3;
        CU_ASSERT_EQUAL(nd_eig(g, &w1, &v1), ND_OK);
        CU_ASSERT_EQUAL(nd_eig(gsn, &w3, &v3), ND_OK);
        for (int i = 0; i < 3; i++) assert_item_equals(w3, i, w1, tol), assert_item_equals(v3, i, v1, tol);
        nd_free(w1), nd_free(w3), nd_free(v1), nd_free(v3);
        CU_ASSERT_EQUAL(nd_eigh(p, 'U', &w1, &v1), ND_OK);
        nd_array *psf = nd_copy(ps, ND_ORDER_F);
        CU_ASSERT_EQUAL(nd_eigh(psf, 'U', &w3, &v3), ND_OK);
        for (int i = 0; i < 3; i++) assert_item_equals(w3, i, w1, tol), assert_item_equals(v3, i, v1, tol);
        nd_free(w1), nd_free(w3), nd_free(v1), nd_free(v3), nd_free(psf);
        single = nd_pinv(a, -1), stacked = nd_pinv(as, -1);
        for (int i = 0; i < 3; i++) assert_item_equals(stacked, i, single, tol);
        nd_free(single), nd_free(stacked);
        single = nd_matrix_rank(a, -1), stacked = nd_matrix_rank(as, -1);
        for (int i = 0; i < 3; i++) assert_item_equals(stacked, i, single, 0);
        nd_free(single), nd_free(stacked);
        single = nd_cond(g, "fro"), stacked = nd_cond(gsn, "fro");
        for (int i = 0; i < 3; i++) assert_item_equals(stacked, i, single, tol);
        nd_free(single), nd_free(stacked);
        single = nd_norm(a, .ord = "nuc"), stacked = nd_norm(as, .ord = "nuc", .axes = ND_AXES(1, 2));
        for (int i = 0; i < 3; i++) assert_item_equals(stacked, i, single, tol);
        nd_free(single), nd_free(stacked);
        nd_lstsq_result r1, r3;
        CU_ASSERT_EQUAL(nd_lstsq(a, b, -1, &r1), ND_OK);
        CU_ASSERT_EQUAL(nd_lstsq(as, b, -1, &r3), ND_OK);
        for (int i = 0; i < 3; i++) assert_item_equals(r3.x, i, r1.x, tol), assert_item_equals(r3.s, i, r1.s, tol);
        nd_lstsq_result_free(&r1), nd_lstsq_result_free(&r3);
        nd_free(g), nd_free(p), nd_free(a), nd_free(b), nd_free(gs), nd_free(ps), nd_free(as);
        nd_free(gsf), nd_free(gsr), nd_free(gsrc), nd_free(gsn);
    }
}

static const ND_TEST tests[] = {
    ND_T(test_stacks_and_layouts_everywhere),
    ND_T(test_solve_all_dtypes),
    ND_T(test_solve_broadcasts_stack_and_vector),
    ND_T(test_solve_integer_input_gives_float64),
    ND_T(test_singular_is_an_error_value),
    ND_T(test_shape_errors),
    ND_T(test_inv_identity_and_fixtures),
    ND_T(test_det_slogdet),
    ND_T(test_cholesky),
    ND_T(test_qr_modes),
    ND_T(test_qr_stack_wide),
    ND_T(test_svd),
    ND_T(test_svd_stack_of_transposes),
    ND_T(test_eig),
    ND_T(test_eigh),
    ND_T(test_eigh_stack),
    ND_T(test_lstsq_pinv),
    ND_T(test_matrix_rank),
    ND_T(test_norms_per_dtype),
    ND_T(test_norm_orders),
    ND_T(test_cond_singular_is_inf),
    ND_T(test_nan_input_never_aborts),
    { 0 },
};
ND_TEST_MAIN("linalg_decomp", tests)
