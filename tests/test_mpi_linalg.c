/* Distributed linear algebra through ScaLAPACK (mpi/dist_linalg.c): every result equals
 * single-process numc (nd_matmul, nd_solve, nd_cholesky, nd_qr, nd_eigh, nd_svd, nd_lstsq
 * on the gathered arrays) to 1e-12 relative, for inputs in every distribution and odd
 * sizes, on 1..4 ranks; the free signs of QR / eigenvectors / singular vectors are
 * compared through reconstructions and sign-normalised columns. Errors (singular, not
 * positive definite, bad shapes, an argument that differs on one rank) are the same on
 * every rank. */
#include "test_mpi_util.h"

/* A deterministic global matrix (the same on every rank): entries in [-1, 1). */
static nd_array *mat(ptrdiff_t m, ptrdiff_t n, unsigned seed)
{
    nd_array *a = nd_empty(ND_SHAPE(m, n), ND_FLOAT64);
    mpi_fill_uniform(nd_data(a), (size_t)(m * n), seed);
    return a;
}

/* a + shift * I (square a), in place. */
static void add_diag(nd_array *a, double shift)
{
    ptrdiff_t n = nd_shape(a)[0];
    double *p = nd_data(a);
    for (ptrdiff_t i = 0; i < n; i++) p[i * n + i] += shift;
}

/* A symmetric positive definite n x n matrix: M M^T + n I. */
static nd_array *spd(ptrdiff_t n, unsigned seed)
{
    nd_array *m = mat(n, n, seed), *mt = nd_transpose(m), *a = nd_matmul(m, mt);
    add_diag(a, (double)n);
    nd_free(m);
    nd_free(mt);
    return a;
}

/* A symmetric matrix (M + M^T) / 2. */
static nd_array *sym(ptrdiff_t n, unsigned seed)
{
    nd_array *m = mat(n, n, seed), *mt = nd_transpose(m), *s = nd_add(m, mt);
    nd_array *h = nd_multiply(s, nd_op_f64(0.5));
    nd_free(m);
    nd_free(mt);
    nd_free(s);
    return h;
}

/* max |x - ref| / max |ref| (complex: over real and imaginary parts); 1e300 when the
 * shapes differ or an array is missing. */
static double rel_err(const nd_array *x, const nd_array *ref)
{
    if (!x || !ref || nd_ndim(x) != nd_ndim(ref)) return 1e300;
    for (int k = 0; k < nd_ndim(x); k++)
        if (nd_shape(x)[k] != nd_shape(ref)[k]) return 1e300;
    bool cx = nd_dtype_is_complex(nd_dtype_of(x)) || nd_dtype_is_complex(nd_dtype_of(ref));
    nd_dtype dt = cx ? ND_COMPLEX128 : ND_FLOAT64;
    nd_array *a = nd_astype(x, dt, ND_CAST_UNSAFE), *b = nd_astype(ref, dt, ND_CAST_UNSAFE);
    nd_array *ca = nd_ascontiguousarray(a), *cb = nd_ascontiguousarray(b);
    size_t n = nd_nbytes(ca) / sizeof(double);
    const double *pa = nd_data(ca), *pb = nd_data(cb);
    double d = 0.0, r = 0.0;
    for (size_t i = 0; i < n; i++) {
        if (fabs(pa[i] - pb[i]) > d || isnan(pa[i])) d = isnan(pa[i]) ? 1e300 : fabs(pa[i] - pb[i]);
        if (fabs(pb[i]) > r) r = fabs(pb[i]);
    }
    nd_free(a);
    nd_free(b);
    nd_free(ca);
    nd_free(cb);
    return n == 0 ? 0.0 : d / (r > 0 ? r : 1.0);
}

/* Flip the columns of u (and the matching rows of vh, when given) so that each column's
 * largest-magnitude entry is positive: a canonical sign for comparing decompositions. */
static void canon_signs(nd_array *u, nd_array *vh)
{
    ptrdiff_t m = nd_shape(u)[0], k = nd_shape(u)[1];
    double *p = nd_data(u);
    for (ptrdiff_t j = 0; j < k; j++) {
        ptrdiff_t best = 0;
        for (ptrdiff_t i = 1; i < m; i++)
            if (fabs(p[i * k + j]) > fabs(p[best * k + j]) + 1e-9) best = i;
        if (p[best * k + j] >= 0) continue;
        for (ptrdiff_t i = 0; i < m; i++) p[i * k + j] = -p[i * k + j];
        if (vh) {
            ptrdiff_t n = nd_shape(vh)[1];
            double *q = (double *)nd_data(vh) + j * n;
            for (ptrdiff_t i = 0; i < n; i++) q[i] = -q[i];
        }
    }
}

/* The input distributions every test runs through (ScaLAPACK's own layout among them). */
static int n_layouts(void) { return 5; }
static nd_distribution layout(int i)
{
    switch (i) {
    case 0: return nd_dist_block(0);
    case 1: return nd_dist_block(1);
    case 2: return nd_dist_cyclic2d(0, 0, 3, 3);
    case 3: return nd_dist_cyclic2d(0, 0, 4, 5); /* non-square blocks: moved to the default layout */
    default: return nd_dist_replicated();
    }
}

#define TOL 1e-12

static void test_matmul(void)
{
    nd_array *a = mat(37, 29, 1), *b = mat(29, 41, 2), *ref = nd_matmul(a, b);
    for (int l = 0; l < n_layouts(); l++) {
        nd_distribution d = layout(l), e = layout((l + 1) % n_layouts());
        nd_dist *da = mpi_scatter0(a, &d), *db = mpi_scatter0(b, &e);
        nd_dist *dc = nd_dist_matmul(da, db);
        CU_ASSERT_PTR_NOT_NULL(dc);
        if (dc) {
            CU_ASSERT_EQUAL(nd_dist_get_kind(dc), ND_DIST_CYCLIC2D);
            CU_ASSERT_EQUAL(nd_dist_dtype(dc), ND_FLOAT64);
        }
        nd_array *c = mpi_all(dc);
        CU_ASSERT(rel_err(c, ref) <= TOL);
        nd_free(c);
        nd_dist_free(dc);
        nd_dist_free(da);
        nd_dist_free(db);
    }
    nd_free(ref);
    /* float32 (psgemm) and complex128 (pzgemm). */
    nd_array *a32 = nd_astype(a, ND_FLOAT32, ND_CAST_UNSAFE), *b32 = nd_astype(b, ND_FLOAT32, ND_CAST_UNSAFE);
    nd_array *r32 = nd_matmul(a32, b32);
    nd_dist *da = mpi_scatter0(a32, NULL), *db = mpi_scatter0(b32, NULL), *dc = nd_dist_matmul(da, db);
    CU_ASSERT(dc && nd_dist_dtype(dc) == ND_FLOAT32);
    nd_array *c = mpi_all(dc);
    CU_ASSERT(rel_err(c, r32) <= 1e-5);
    nd_free(c);
    nd_dist_free(da);
    nd_dist_free(db);
    nd_dist_free(dc);
    nd_free(a32);
    nd_free(b32);
    nd_free(r32);
    nd_array *ai = mat(37, 29, 3), *bi = mat(29, 41, 4);
    nd_array *za = nd_astype(a, ND_COMPLEX128, ND_CAST_UNSAFE), *zb = nd_astype(b, ND_COMPLEX128, ND_CAST_UNSAFE);
    nd_array *zai = nd_multiply(nd_op_array(ai), nd_op_scalar(ND_C128(0, 1))), *zbi = nd_multiply(nd_op_array(bi), nd_op_scalar(ND_C128(0, 1)));
    nd_array *za2 = nd_add(za, zai), *zb2 = nd_add(zb, zbi), *zr = nd_matmul(za2, zb2);
    nd_distribution cyc = nd_dist_cyclic2d(0, 0, 2, 2);
    da = mpi_scatter0(za2, &cyc);
    db = mpi_scatter0(zb2, NULL);
    dc = nd_dist_matmul(da, db);
    CU_ASSERT(dc && nd_dist_dtype(dc) == ND_COMPLEX128);
    c = mpi_all(dc);
    CU_ASSERT(rel_err(c, zr) <= TOL);
    nd_free(c);
    nd_dist_free(da);
    nd_dist_free(db);
    nd_dist_free(dc);
    nd_free(ai);
    nd_free(bi);
    nd_free(za);
    nd_free(zb);
    nd_free(zai);
    nd_free(zbi);
    nd_free(za2);
    nd_free(zb2);
    nd_free(zr);
    nd_free(a);
    nd_free(b);
}

static void test_matmul_errors(void)
{
    nd_array *a = mat(6, 5, 1), *b = mat(6, 4, 2);
    nd_dist *da = mpi_scatter0(a, NULL), *db = mpi_scatter0(b, NULL);
    nd_dist *dc = nd_dist_matmul(da, db);
    CU_ASSERT_PTR_NULL(dc);
    CU_ASSERT_EQUAL(nd_last_error(), ND_ESHAPE);
    CU_ASSERT(strstr(nd_errmsg(), "not aligned") != NULL);
    nd_dist_free(dc);
    /* integers: ND_EDTYPE */
    nd_dist *di = nd_dist_ones(MPI_COMM_WORLD, ND_SHAPE(5, 5), ND_INT64, NULL);
    dc = nd_dist_matmul(di, di);
    CU_ASSERT_PTR_NULL(dc);
    CU_ASSERT_EQUAL(nd_last_error(), ND_EDTYPE);
    nd_dist_free(di);
    nd_dist_free(da);
    nd_dist_free(db);
    nd_free(a);
    nd_free(b);
}

static void test_solve(void)
{
    nd_array *a = mat(37, 37, 5), *b = mat(37, 5, 6), *b1 = mat(37, 1, 7);
    add_diag(a, 8.0);
    nd_array *v = nd_reshape(b1, ND_SHAPE(37));
    nd_array *ref = nd_solve(a, b), *ref1 = nd_solve(a, v);
    for (int l = 0; l < n_layouts(); l++) {
        nd_distribution d = layout(l), e = layout((l + 2) % n_layouts());
        nd_dist *da = mpi_scatter0(a, &d), *db = mpi_scatter0(b, &e);
        nd_distribution d1 = l % 2 ? nd_dist_replicated() : nd_dist_block(0);
        nd_dist *dv = mpi_scatter0(v, &d1);
        nd_dist *x = nd_dist_solve(da, db), *x1 = nd_dist_solve(da, dv);
        CU_ASSERT(x && nd_dist_get_kind(x) == ND_DIST_CYCLIC2D);
        CU_ASSERT(x1 && nd_dist_get_kind(x1) == ND_DIST_BLOCK && nd_dist_ndim(x1) == 1);
        nd_array *gx = mpi_all(x), *gx1 = mpi_all(x1);
        CU_ASSERT(rel_err(gx, ref) <= TOL);
        CU_ASSERT(rel_err(gx1, ref1) <= TOL);
        nd_free(gx);
        nd_free(gx1);
        nd_dist_free(x);
        nd_dist_free(x1);
        nd_dist_free(da);
        nd_dist_free(db);
        nd_dist_free(dv);
    }
    /* the input is not modified */
    nd_dist *da = mpi_scatter0(a, NULL), *db = mpi_scatter0(b, NULL), *x = nd_dist_solve(da, db);
    nd_array *ga = mpi_all(da);
    CU_ASSERT(test_same_bits(ga, a));
    nd_free(ga);
    nd_dist_free(x);
    nd_dist_free(da);
    nd_dist_free(db);
    nd_free(ref);
    nd_free(ref1);
    nd_free(v);
    nd_free(a);
    nd_free(b);
    nd_free(b1);
}

static void test_solve_errors(void)
{
    /* singular: a zero column */
    nd_array *a = mat(9, 9, 5), *b = mat(9, 2, 6);
    double *p = nd_data(a);
    for (int i = 0; i < 9; i++) p[i * 9 + 4] = 0.0;
    nd_distribution cyc = nd_dist_cyclic2d(0, 0, 2, 2);
    nd_dist *da = mpi_scatter0(a, &cyc), *db = mpi_scatter0(b, NULL);
    nd_dist *x = nd_dist_solve(da, db);
    CU_ASSERT_PTR_NULL(x);
    CU_ASSERT_EQUAL(nd_last_error(), ND_ELINALG);
    CU_ASSERT(strstr(nd_errmsg(), "nd_dist_solve: singular matrix") != NULL);
    nd_dist_free(x);
    /* non-square */
    nd_array *r = mat(9, 7, 1);
    nd_dist *dr = mpi_scatter0(r, NULL);
    x = nd_dist_solve(dr, db);
    CU_ASSERT_PTR_NULL(x);
    CU_ASSERT_EQUAL(nd_last_error(), ND_ELINALG);
    CU_ASSERT(strstr(nd_errmsg(), "must be square") != NULL);
    /* b does not match */
    nd_array *b2 = mat(7, 2, 1);
    nd_dist *db2 = mpi_scatter0(b2, NULL);
    add_diag(a, 5.0);
    p[4] = 1.0;
    nd_dist *dgood = mpi_scatter0(a, NULL);
    x = nd_dist_solve(dgood, db2);
    CU_ASSERT_PTR_NULL(x);
    CU_ASSERT_EQUAL(nd_last_error(), ND_ESHAPE);
    /* the last rank passes another right-hand side (wrong shape), then a complex one:
     * every rank returns the same error, naming that rank */
    if (mpi_size > 1) {
        nd_dist *dz = nd_dist_zeros(MPI_COMM_WORLD, ND_SHAPE(9, 2), ND_COMPLEX128, NULL);
        for (int round = 0; round < 3; round++) {
            const nd_dist *mine = round == 0 ? db2 : round == 1 ? dz : NULL;
            x = nd_dist_solve(dgood, mpi_rank == mpi_size - 1 ? mine : db);
            CU_ASSERT_PTR_NULL(x);
            char want[32];
            snprintf(want, sizeof want, "rank %d: ", mpi_size - 1);
            CU_ASSERT(strncmp(nd_errmsg(), want, strlen(want)) == 0);
            if (round == 0) CU_ASSERT_EQUAL(nd_last_error(), ND_ESHAPE);
            if (round == 1) CU_ASSERT_EQUAL(nd_last_error(), ND_EDTYPE);
            if (round == 2) CU_ASSERT_EQUAL(nd_last_error(), ND_EVALUE);
            nd_dist_free(x);
        }
        nd_dist_free(dz);
        /* an option that differs: eigh's uplo on one rank */
        nd_dist *w = NULL, *v = NULL;
        nd_status st = nd_dist_eigh(dgood, mpi_rank == mpi_size - 1 ? 'U' : 'L', &w, &v);
        CU_ASSERT_EQUAL(st, ND_EVALUE);
        CU_ASSERT(w == NULL && v == NULL);
        CU_ASSERT(strstr(nd_errmsg(), "differs from rank 0's") != NULL);
    }
    nd_dist_free(dgood);
    nd_dist_free(db2);
    nd_dist_free(dr);
    nd_dist_free(da);
    nd_dist_free(db);
    nd_free(b2);
    nd_free(r);
    nd_free(a);
    nd_free(b);
}

static void test_cholesky(void)
{
    nd_array *a = spd(37, 9), *ref = nd_cholesky(a);
    for (int l = 0; l < n_layouts(); l++) {
        nd_distribution d = layout(l);
        nd_dist *da = mpi_scatter0(a, &d), *dl = nd_dist_cholesky(da);
        CU_ASSERT_PTR_NOT_NULL(dl);
        nd_array *g = mpi_all(dl);
        CU_ASSERT(rel_err(g, ref) <= TOL);
        nd_free(g);
        nd_dist_free(dl);
        nd_dist_free(da);
    }
    /* not positive definite: every rank gets ND_ELINALG */
    add_diag(a, -200.0);
    nd_distribution cyc = nd_dist_cyclic2d(0, 0, 4, 4);
    nd_dist *da = mpi_scatter0(a, &cyc), *dl = nd_dist_cholesky(da);
    CU_ASSERT_PTR_NULL(dl);
    CU_ASSERT_EQUAL(nd_last_error(), ND_ELINALG);
    CU_ASSERT(strstr(nd_errmsg(), "not positive definite") != NULL);
    nd_dist_free(da);
    nd_free(ref);
    nd_free(a);
}

static void check_qr(ptrdiff_t m, ptrdiff_t n, unsigned seed)
{
    nd_array *a = mat(m, n, seed), *rq = NULL, *rr = NULL;
    CU_ASSERT_EQUAL(nd_qr(a, ND_QR_REDUCED, &rq, &rr), ND_OK);
    ptrdiff_t k = m < n ? m : n;
    for (int l = 0; l < n_layouts(); l++) {
        nd_distribution d = layout(l);
        nd_dist *da = mpi_scatter0(a, &d), *dq = NULL, *dr = NULL;
        CU_ASSERT_EQUAL(nd_dist_qr(da, &dq, &dr), ND_OK);
        nd_array *q = mpi_all(dq), *r = mpi_all(dr);
        CU_ASSERT(q && nd_shape(q)[0] == m && nd_shape(q)[1] == k);
        CU_ASSERT(r && nd_shape(r)[0] == k && nd_shape(r)[1] == n);
        if (q && r) {
            nd_array *qr = nd_matmul(q, r), *qt = nd_transpose(q), *qtq = nd_matmul(qt, q);
            nd_array *eye = nd_eye(k, k, 0, ND_FLOAT64);
            CU_ASSERT(rel_err(qr, a) <= TOL);
            CU_ASSERT(rel_err(qtq, eye) <= TOL);
            const double *pr = nd_data(r);
            bool upper = true;
            for (ptrdiff_t i = 0; i < k; i++)
                for (ptrdiff_t j = 0; j < i && j < n; j++) upper = upper && pr[i * n + j] == 0.0;
            CU_ASSERT(upper);
            /* unique up to the signs of the rows of r / columns of q */
            nd_array *aq = nd_absolute(q), *ar = nd_absolute(r), *bq = nd_absolute(rq), *br = nd_absolute(rr);
            CU_ASSERT(rel_err(aq, bq) <= TOL);
            CU_ASSERT(rel_err(ar, br) <= TOL);
            nd_free(aq);
            nd_free(ar);
            nd_free(bq);
            nd_free(br);
            nd_free(qr);
            nd_free(qt);
            nd_free(qtq);
            nd_free(eye);
        }
        nd_free(q);
        nd_free(r);
        nd_dist_free(dq);
        nd_dist_free(dr);
        /* r only */
        CU_ASSERT_EQUAL(nd_dist_qr(da, NULL, &dr), ND_OK);
        r = mpi_all(dr);
        nd_array *ar = r ? nd_absolute(r) : NULL, *br = nd_absolute(rr);
        CU_ASSERT(rel_err(ar, br) <= TOL);
        nd_free(ar);
        nd_free(br);
        nd_free(r);
        nd_dist_free(dr);
        nd_dist_free(da);
    }
    nd_free(rq);
    nd_free(rr);
    nd_free(a);
}

static void test_qr(void)
{
    check_qr(100, 64, 11);
    check_qr(37, 53, 12);
    check_qr(37, 37, 13);
}

static void test_eigh(void)
{
    nd_array *a = sym(37, 21), *rw = NULL, *rv = NULL;
    CU_ASSERT_EQUAL(nd_eigh(a, 'L', &rw, &rv), ND_OK);
    canon_signs(rv, NULL);
    for (int l = 0; l < n_layouts(); l++) {
        nd_distribution d = layout(l);
        nd_dist *da = mpi_scatter0(a, &d), *dw = NULL, *dv = NULL;
        CU_ASSERT_EQUAL(nd_dist_eigh(da, l % 2 ? 'U' : 'L', &dw, &dv), ND_OK);
        CU_ASSERT(dw && nd_dist_get_kind(dw) == ND_DIST_REPLICATED);
        nd_array *w = mpi_all(dw), *v = mpi_all(dv);
        CU_ASSERT(rel_err(w, rw) <= TOL);
        if (w && v) {
            /* a v = v diag(w) */
            nd_array *av = nd_matmul(a, v), *vw = nd_multiply(v, w);
            CU_ASSERT(rel_err(av, vw) <= TOL);
            canon_signs(v, NULL);
            CU_ASSERT(rel_err(v, rv) <= 1e-10); /* eigenvectors: conditioned by the eigenvalue gaps */
            nd_free(av);
            nd_free(vw);
        }
        nd_free(w);
        nd_free(v);
        nd_dist_free(dw);
        nd_dist_free(dv);
        /* eigenvalues only */
        CU_ASSERT_EQUAL(nd_dist_eigh(da, 0, &dw, NULL), ND_OK);
        w = mpi_all(dw);
        CU_ASSERT(rel_err(w, rw) <= TOL);
        nd_free(w);
        nd_dist_free(dw);
        nd_dist_free(da);
    }
    nd_free(rw);
    nd_free(rv);
    nd_free(a);
}

static void check_svd(ptrdiff_t m, ptrdiff_t n, unsigned seed)
{
    nd_array *a = mat(m, n, seed), *ru = NULL, *rs = NULL, *rvh = NULL;
    CU_ASSERT_EQUAL(nd_svd(a, false, &ru, &rs, &rvh), ND_OK);
    canon_signs(ru, rvh);
    for (int l = (int)(seed % 2); l < n_layouts(); l += 2) {
        nd_distribution d = layout(l);
        nd_dist *da = mpi_scatter0(a, &d), *du = NULL, *ds = NULL, *dvh = NULL;
        CU_ASSERT_EQUAL(nd_dist_svd(da, &du, &ds, &dvh), ND_OK);
        nd_array *u = mpi_all(du), *s = mpi_all(ds), *vh = mpi_all(dvh);
        CU_ASSERT(rel_err(s, rs) <= TOL);
        if (u && s && vh) {
            nd_array *us = nd_multiply(u, s), *usv = nd_matmul(us, vh);
            CU_ASSERT(rel_err(usv, a) <= TOL);
            canon_signs(u, vh);
            CU_ASSERT(rel_err(u, ru) <= 1e-10);
            CU_ASSERT(rel_err(vh, rvh) <= 1e-10);
            nd_free(us);
            nd_free(usv);
        }
        nd_free(u);
        nd_free(s);
        nd_free(vh);
        nd_dist_free(du);
        nd_dist_free(ds);
        nd_dist_free(dvh);
        CU_ASSERT_EQUAL(nd_dist_svd(da, NULL, &ds, NULL), ND_OK);
        s = mpi_all(ds);
        CU_ASSERT(rel_err(s, rs) <= TOL);
        nd_free(s);
        nd_dist_free(ds);
        nd_dist_free(da);
    }
    nd_free(ru);
    nd_free(rs);
    nd_free(rvh);
    nd_free(a);
}

static void test_svd(void)
{
    check_svd(100, 64, 31);
    check_svd(37, 53, 32);
}

static void check_lstsq(const nd_array *a, const nd_array *b, double xtol, int first)
{
    nd_lstsq_result ref = { 0 };
    CU_ASSERT_EQUAL(nd_lstsq(a, b, -1, &ref), ND_OK);
    for (int l = first; l < n_layouts(); l += 2) {
        nd_distribution d = layout(l);
        nd_distribution e = nd_ndim(b) == 2 ? layout((l + 1) % n_layouts()) : nd_dist_block(0);
        nd_dist *da = mpi_scatter0(a, &d), *db = mpi_scatter0(b, &e);
        nd_dist_lstsq_result r = { 0 };
        CU_ASSERT_EQUAL(nd_dist_lstsq(da, db, -1, &r), ND_OK);
        nd_array *x = mpi_all(r.x), *res = mpi_all(r.residuals), *rk = mpi_all(r.rank), *s = mpi_all(r.s);
        CU_ASSERT(rel_err(x, ref.x) <= xtol);
        CU_ASSERT(rel_err(s, ref.s) <= TOL);
        CU_ASSERT(rk && nd_ndim(rk) == 0 && *(int64_t *)nd_data(rk) == *(int64_t *)nd_data(ref.rank));
        CU_ASSERT(rel_err(res, ref.residuals) <= 1e-10); /* small differences of large numbers */
        nd_free(x);
        nd_free(res);
        nd_free(rk);
        nd_free(s);
        nd_dist_lstsq_result_free(&r);
        CU_ASSERT_PTR_NULL(r.x);
        nd_dist_free(da);
        nd_dist_free(db);
    }
    nd_lstsq_result_free(&ref);
}

static void test_lstsq(void)
{
    nd_array *a = mat(100, 64, 41), *b = mat(100, 3, 42), *b1 = mat(100, 1, 43);
    nd_array *v = nd_reshape(b1, ND_SHAPE(100));
    check_lstsq(a, b, TOL, 0); /* overdetermined, full rank: residuals */
    check_lstsq(a, v, TOL, 1); /* a 1-D right-hand side: residuals of shape (1,) */
    nd_array *w = mat(37, 53, 44), *bw = mat(37, 2, 45);
    check_lstsq(w, bw, TOL, 0); /* underdetermined: the minimum-norm solution, no residuals */
    /* rank-deficient: two equal columns */
    nd_array *c = mat(40, 30, 46), *bc = mat(40, 2, 47);
    double *p = nd_data(c);
    for (int i = 0; i < 40; i++) p[i * 30 + 7] = p[i * 30 + 3];
    check_lstsq(c, bc, 1e-10, 1);
    nd_free(c);
    nd_free(bc);
    nd_free(w);
    nd_free(bw);
    nd_free(v);
    nd_free(a);
    nd_free(b);
    nd_free(b1);
}

/* Matrices smaller than the process grid (ranks that hold nothing), square and not. */
static void test_tiny(void)
{
    for (ptrdiff_t n = 1; n <= 5; n += 2) {
        nd_array *a = spd(n, 60), *b = mat(n, 2, 61), *r = mat(n + 1, n, 62);
        nd_distribution cyc = nd_dist_cyclic2d(0, 0, 8, 8);
        nd_dist *da = mpi_scatter0(a, &cyc), *db = mpi_scatter0(b, NULL), *dr = mpi_scatter0(r, NULL);
        nd_dist *x = nd_dist_solve(da, db), *l = nd_dist_cholesky(da), *p = nd_dist_matmul(dr, da);
        nd_array *rx = nd_solve(a, b), *rl = nd_cholesky(a), *rp = nd_matmul(r, a);
        nd_array *gx = mpi_all(x), *gl = mpi_all(l), *gp = mpi_all(p);
        CU_ASSERT(rel_err(gx, rx) <= TOL);
        CU_ASSERT(rel_err(gl, rl) <= TOL);
        CU_ASSERT(rel_err(gp, rp) <= TOL);
        nd_dist *w = NULL, *v = NULL, *u = NULL, *s = NULL, *vh = NULL, *q = NULL, *rr = NULL;
        nd_array *ew = NULL, *ev = NULL, *su = NULL, *ss = NULL, *svh = NULL;
        CU_ASSERT_EQUAL(nd_dist_eigh(da, 'L', &w, &v), ND_OK);
        CU_ASSERT_EQUAL(nd_eigh(a, 'L', &ew, &ev), ND_OK);
        nd_array *gw = mpi_all(w), *gv = mpi_all(v);
        CU_ASSERT(rel_err(gw, ew) <= TOL);
        if (gv && gw) {
            nd_array *av = nd_matmul(a, gv), *vw = nd_multiply(gv, gw);
            CU_ASSERT(rel_err(av, vw) <= TOL);
            nd_free(av);
            nd_free(vw);
        }
        CU_ASSERT_EQUAL(nd_dist_svd(dr, &u, &s, &vh), ND_OK);
        CU_ASSERT_EQUAL(nd_svd(r, false, &su, &ss, &svh), ND_OK);
        nd_array *gs = mpi_all(s), *gu = mpi_all(u), *gvh = mpi_all(vh);
        CU_ASSERT(rel_err(gs, ss) <= TOL);
        if (gu && gs && gvh) {
            nd_array *us = nd_multiply(gu, gs), *usv = nd_matmul(us, gvh);
            CU_ASSERT(rel_err(usv, r) <= TOL);
            nd_free(us);
            nd_free(usv);
        }
        CU_ASSERT_EQUAL(nd_dist_qr(dr, &q, &rr), ND_OK);
        nd_array *gq = mpi_all(q), *grr = mpi_all(rr);
        if (gq && grr) {
            nd_array *qr = nd_matmul(gq, grr);
            CU_ASSERT(rel_err(qr, r) <= TOL);
            nd_free(qr);
        }
        nd_dist_lstsq_result lr = { 0 };
        nd_lstsq_result ref = { 0 };
        CU_ASSERT_EQUAL(nd_dist_lstsq(dr, db, -1, &lr), ND_ESHAPE); /* b has n rows, a n + 1 */
        CU_ASSERT_PTR_NULL(lr.x);
        nd_array *bb = mat(n + 1, 2, 61);
        nd_dist *dbb = mpi_scatter0(bb, NULL);
        CU_ASSERT_EQUAL(nd_dist_lstsq(dr, dbb, -1, &lr), ND_OK);
        CU_ASSERT_EQUAL(nd_lstsq(r, bb, -1, &ref), ND_OK);
        nd_array *lx = mpi_all(lr.x), *lres = mpi_all(lr.residuals);
        CU_ASSERT(rel_err(lx, ref.x) <= TOL);
        CU_ASSERT(rel_err(lres, ref.residuals) <= 1e-10);
        nd_free(lx);
        nd_free(lres);
        nd_lstsq_result_free(&ref);
        nd_dist_lstsq_result_free(&lr);
        nd_dist_free(dbb);
        nd_free(bb);
        nd_free(gq);
        nd_free(grr);
        nd_free(gs);
        nd_free(gu);
        nd_free(gvh);
        nd_free(gw);
        nd_free(gv);
        nd_free(ew);
        nd_free(ev);
        nd_free(su);
        nd_free(ss);
        nd_free(svh);
        nd_dist_free(w);
        nd_dist_free(v);
        nd_dist_free(u);
        nd_dist_free(s);
        nd_dist_free(vh);
        nd_dist_free(q);
        nd_dist_free(rr);
        nd_free(gx);
        nd_free(gl);
        nd_free(gp);
        nd_free(rx);
        nd_free(rl);
        nd_free(rp);
        nd_dist_free(x);
        nd_dist_free(l);
        nd_dist_free(p);
        nd_dist_free(da);
        nd_dist_free(db);
        nd_dist_free(dr);
        nd_free(a);
        nd_free(b);
        nd_free(r);
    }
}

static const ND_TEST tests[] = { ND_T(test_matmul), ND_T(test_matmul_errors), ND_T(test_solve),
                                 ND_T(test_solve_errors), ND_T(test_cholesky), ND_T(test_qr),
                                 ND_T(test_eigh), ND_T(test_svd), ND_T(test_lstsq),
                                 ND_T(test_tiny), { NULL, NULL } };

ND_MPI_TEST_MAIN("mpi_linalg", tests)
