/* Products: matmul (stacking, broadcasting, 1-D promotion, layouts, dtypes), dot, vdot,
 * inner, outer, tensordot, kron, multi_dot, matrix_power, trace, einsum — against NumPy. */
#include <numc/linalg.h>

#include "test_linalg_fixture.h"

#define FILE_LA NUMC_TEST_DATA "/linalg/linalg.txt"
#define FX(name) fx_load(FILE_LA, name)
#define CHECK(got, name, tol) fx_check_file((got), FILE_LA, (name), (tol), true)
#define CHECK_ANY_DTYPE(got, name, tol) fx_check_file((got), FILE_LA, (name), (tol), false)

/* Apply a binary product to two fixtures and compare with a third. */
static void binop(nd_array *(*f)(const nd_array *, const nd_array *), const char *a, const char *b,
                  const char *want, double tol)
{
    nd_array *x = FX(a), *y = FX(b);
    CHECK(f(x, y), want, tol);
    nd_free(x);
    nd_free(y);
}

/* ---- counting allocator: proves BLAS gets transposes without copies ------------------------ */
static size_t bytes_allocated;
static void *count_alloc(size_t n, void *ctx)
{
    (void)ctx;
    bytes_allocated += n;
    return aligned_alloc(64, (n + 63) / 64 * 64 + 64);
}
static void count_free(void *p, void *ctx)
{
    (void)ctx;
    free(p);
}

static void test_matmul_basic_and_stacked(void)
{
    binop(nd_matmul, "A34", "B45", "mm_A34_B45", 1e-14);
    binop(nd_matmul, "S234", "B45", "mm_S234_B45", 1e-14);
    binop(nd_matmul, "P2134", "Q546", "mm_P2134_Q546", 1e-14);
}

static void test_matmul_vector_promotion(void)
{
    binop(nd_matmul, "v4", "B45", "mm_v4_B45", 1e-14);
    binop(nd_matmul, "A34", "v4", "mm_A34_v4", 1e-14);
    binop(nd_matmul, "v4", "v4", "mm_v4_v4", 1e-14);
    binop(nd_matmul, "S234", "v4", "mm_S234_v4", 1e-14);
    binop(nd_matmul, "v3", "S234", "mm_v3_S234", 1e-14);
}

static void test_matmul_dtypes(void)
{
    binop(nd_matmul, "I34", "I45", "mm_I34_I45", 0);
    binop(nd_matmul, "K8", "L8", "mm_K8_L8", 0); /* int8 wraps like NumPy */
    binop(nd_matmul, "Bo1", "Bo2", "mm_Bo1_Bo2", 0);
    binop(nd_matmul, "C34", "C45", "mm_C34_C45", 1e-14);
    binop(nd_matmul, "F34", "F45", "mm_F34_F45", 1e-6);
    binop(nd_matmul, "G34", "F45", "mm_G34_F45", 1e-6);
    binop(nd_matmul, "I34", "B45", "mm_I34_B45", 1e-14);
}

/* Transposed, F-ordered, strided and negatively strided operands all give A@B. */
static void test_matmul_layouts(void)
{
    nd_array *a = FX("A34"), *b = FX("B45");
    nd_array *at = nd_transpose(a, NULL), *bt = nd_transpose(b, NULL);
    nd_array *atc = nd_copy(at, ND_ORDER_C), *btc = nd_copy(bt, ND_ORDER_C);
    nd_array *a_again = nd_transpose(atc, NULL), *b_again = nd_transpose(btc, NULL); /* F layout */
    CHECK(nd_matmul(a_again, b_again), "mm_A34_B45", 1e-14);
    nd_array *af = nd_copy(a, ND_ORDER_F);
    CHECK(nd_matmul(af, b), "mm_A34_B45", 1e-14);
    /* Reverse both axes of a reversed copy: negative strides. */
    nd_array *rev = nd_view(a, "::-1, ::-1"), *revc = nd_copy(rev, ND_ORDER_C);
    nd_array *back = nd_view(revc, "::-1, ::-1");
    CHECK(nd_matmul(back, b), "mm_A34_B45", 1e-14);
    /* Every other column of a wider matrix: non-unit inner stride. */
    nd_array *wide = nd_zeros(ND_SHAPE(3, 8), ND_FLOAT64), *every2 = nd_view(wide, ":, ::2");
    CU_ASSERT_EQUAL(nd_assign(every2, a, ND_CAST_DEFAULT), ND_OK);
    CHECK(nd_matmul(every2, b), "mm_A34_B45", 1e-14);
    nd_free(a), nd_free(b), nd_free(at), nd_free(bt), nd_free(atc), nd_free(btc);
    nd_free(a_again), nd_free(b_again), nd_free(af), nd_free(rev), nd_free(revc), nd_free(back);
    nd_free(wide), nd_free(every2);
}

static void test_matmul_transpose_needs_no_copy(void)
{
    nd_array *a = nd_ones(ND_SHAPE(200, 100), ND_FLOAT64), *b = nd_ones(ND_SHAPE(200, 100), ND_FLOAT64);
    nd_array *at = nd_transpose(a, NULL);
    nd_set_allocator(&(nd_allocator){ count_alloc, count_free, NULL });
    bytes_allocated = 0;
    nd_array *c = nd_matmul(at, b); /* (100, 200) @ (200, 100) */
    size_t used = bytes_allocated;
    nd_set_allocator(NULL);
    CU_ASSERT_PTR_NOT_NULL_FATAL(c);
    CU_ASSERT_EQUAL(nd_shape(c)[0], 100);
    /* Only the 100×100 result (80 kB) plus headers: no 160 kB copy of a. */
    CU_ASSERT(used < 100 * 100 * 8 + 8192);
    CU_ASSERT_EQUAL(nd_get_f64(c, ND_IDX(3, 7)), 200.0);
    nd_free(a), nd_free(b), nd_free(at), nd_free(c);
}

static void test_matmul_stack_folds_and_broadcasts(void)
{
    /* (4, 3, 5) @ (5, 2) -> one folded gemm; compare with per-matrix products. */
    nd_array *a = nd_arange(0, 60, 1, ND_FLOAT64), *a3 = nd_reshape(a, ND_SHAPE(4, 3, 5));
    nd_array *b = nd_arange(0, 10, 1, ND_FLOAT64), *b2 = nd_reshape(b, ND_SHAPE(5, 2));
    nd_array *c = nd_matmul(a3, b2);
    CU_ASSERT_PTR_NOT_NULL_FATAL(c);
    for (ptrdiff_t s = 0; s < 4; s++)
        for (ptrdiff_t i = 0; i < 3; i++)
            for (ptrdiff_t j = 0; j < 2; j++) {
                double want = 0;
                for (ptrdiff_t k = 0; k < 5; k++) want += (double)(s * 15 + i * 5 + k) * (double)(k * 2 + j);
                CU_ASSERT_EQUAL(nd_get_f64(c, ND_IDX(s, i, j)), want);
            }
    /* A broadcast (stride-0) stack operand. */
    nd_array *bb = nd_broadcast_to(b2, ND_SHAPE(4, 5, 2)), *c2 = nd_matmul(a3, bb);
    CU_ASSERT_DOUBLE_EQUAL(fx_relerr(c2, c), 0, 0);
    nd_free(a), nd_free(a3), nd_free(b), nd_free(b2), nd_free(c), nd_free(bb), nd_free(c2);
}

static void test_matmul_into_and_overlap(void)
{
    nd_array *a = FX("A34"), *b = FX("B45"), *want = FX("mm_A34_B45");
    nd_array *out = nd_zeros(ND_SHAPE(3, 5), ND_FLOAT64);
    CU_ASSERT_EQUAL(nd_matmul_into(out, a, b), ND_OK);
    CU_ASSERT(fx_relerr(out, want) < 1e-14);
    /* Transposed destination: computed as b^T a^T without a temporary. */
    nd_array *outT = nd_zeros(ND_SHAPE(5, 3), ND_FLOAT64), *outTT = nd_transpose(outT, NULL);
    CU_ASSERT_EQUAL(nd_matmul_into(outTT, a, b), ND_OK);
    CU_ASSERT(fx_relerr(outTT, want) < 1e-14);
    /* In-place square product: m = m @ m reads m before writing it. */
    nd_array *m = nd_arange(0, 9, 1, ND_FLOAT64), *m2 = nd_reshape(m, ND_SHAPE(3, 3));
    CU_ASSERT_EQUAL(nd_matmul_into(m2, m2, m2), ND_OK);
    CU_ASSERT_EQUAL(nd_get_f64(m2, ND_IDX(0, 0)), 15.0);
    CU_ASSERT_EQUAL(nd_get_f64(m2, ND_IDX(2, 2)), 111.0);
    /* float32 out: same_kind cast allowed; int out: not. */
    nd_array *o32 = nd_zeros(ND_SHAPE(3, 5), ND_FLOAT32), *oi = nd_zeros(ND_SHAPE(3, 5), ND_INT64);
    CU_ASSERT_EQUAL(nd_matmul_into(o32, a, b), ND_OK);
    CU_ASSERT(fx_relerr(o32, want) < 1e-6);
    CU_ASSERT_EQUAL(nd_matmul_into(oi, a, b), ND_EDTYPE);
    nd_array *bad = nd_zeros(ND_SHAPE(3, 4), ND_FLOAT64);
    CU_ASSERT_EQUAL(nd_matmul_into(bad, a, b), ND_ESHAPE);
    nd_free(a), nd_free(b), nd_free(want), nd_free(out), nd_free(outT), nd_free(outTT);
    nd_free(m), nd_free(m2), nd_free(o32), nd_free(oi), nd_free(bad);
}

static void test_matmul_errors(void)
{
    nd_array *a = FX("A34"), *s = nd_scalar_array(ND_F64(2));
    CU_ASSERT_PTR_NULL(nd_matmul(a, a));
    CU_ASSERT_EQUAL(nd_last_error(), ND_ESHAPE);
    CU_ASSERT(strstr(nd_errmsg(), "nd_matmul") != NULL);
    CU_ASSERT(strstr(nd_errmsg(), "size 3 is different from 4") != NULL);
    CU_ASSERT_PTR_NULL(nd_matmul(a, s));
    CU_ASSERT_EQUAL(nd_last_error(), ND_EVALUE);
    nd_array *x = nd_zeros(ND_SHAPE(2, 3, 4), ND_FLOAT64), *y = nd_zeros(ND_SHAPE(3, 4, 5), ND_FLOAT64);
    CU_ASSERT_PTR_NULL(nd_matmul(x, y)); /* stacks 2 and 3 do not broadcast */
    CU_ASSERT_EQUAL(nd_last_error(), ND_ESHAPE);
    nd_free(a), nd_free(s), nd_free(x), nd_free(y);
}

static void test_matmul_empty_and_zero_k(void)
{
    nd_array *a = nd_zeros(ND_SHAPE(3, 0), ND_FLOAT64), *b = nd_zeros(ND_SHAPE(0, 2), ND_FLOAT64);
    nd_array *c = nd_matmul(a, b);
    CU_ASSERT_PTR_NOT_NULL_FATAL(c);
    CU_ASSERT_EQUAL(nd_size(c), 6);
    CU_ASSERT_EQUAL(nd_get_f64(c, ND_IDX(2, 1)), 0.0);
    nd_array *d = nd_matmul(b, a); /* (0, 2) @ (3, 0) mismatch */
    CU_ASSERT_PTR_NULL(d);
    nd_free(a), nd_free(b), nd_free(c);
}

static void test_dot_inner_outer_vdot(void)
{
    binop(nd_dot, "T234", "T345", "dot_T234_T345", 1e-14);
    binop(nd_dot, "T234", "v4", "dot_T234_v4", 1e-14);
    binop(nd_dot, "A34", "B45", "dot_A34_B45", 1e-14);
    binop(nd_inner, "A34", "R54", "inner_A34_R54", 1e-14);
    binop(nd_inner, "T234", "R54", "inner_T234_R54", 1e-14);
    binop(nd_outer, "v3", "v4", "outer_v3_v4", 1e-15);
    binop(nd_outer, "A34", "v3", "outer_A34_v3", 1e-15);
    binop(nd_vdot, "A34", "A34", "vdot_A34_A34", 1e-14);
    nd_array *c = FX("C34"), *cr = nd_view(c, "::-1");
    CHECK(nd_vdot(c, cr), "vdot_C34_C34b", 1e-14);
    nd_array *two = nd_scalar_array(ND_F64(2)), *d = nd_dot(two, c);
    CU_ASSERT_PTR_NOT_NULL_FATAL(d);
    double re, im, r0, i0;
    nd_get_c128(d, ND_IDX(1, 2), &re, &im);
    nd_get_c128(c, ND_IDX(1, 2), &r0, &i0);
    CU_ASSERT_EQUAL(re, 2 * r0);
    CU_ASSERT_EQUAL(im, 2 * i0);
    nd_free(c), nd_free(cr), nd_free(two), nd_free(d);
}

static void test_tensordot_kron(void)
{
    nd_array *t2 = FX("T234"), *t3 = FX("T345"), *s = FX("S234");
    CHECK(nd_tensordot(t2, t3, 2), "tensordot_T234_T345_2", 1e-14);
    CHECK(nd_tensordot_axes(t2, t3, ND_AXES(1, 2), ND_AXES(0, 1)), "tensordot_T234_T345_ax", 1e-14);
    CHECK(nd_tensordot_axes(t2, s, ND_AXES(0, -1), ND_AXES(0, 2)), "tensordot_T234_S234_ax", 1e-14);
    CU_ASSERT_PTR_NULL(nd_tensordot_axes(t2, t3, ND_AXES(0), ND_AXES(0)));
    CU_ASSERT_EQUAL(nd_last_error(), ND_ESHAPE);
    binop(nd_kron, "A23", "B32", "kron_A23_B32", 1e-15);
    binop(nd_kron, "v3", "A23", "kron_v3_A23", 1e-15);
    binop(nd_kron, "I34", "K8", "kron_I34_K8", 0);
    nd_free(t2), nd_free(t3), nd_free(s);
}

static void test_trace(void)
{
    nd_array *a = FX("A34"), *t = FX("T234"), *i = FX("I34"), *c = FX("C34");
    CHECK(nd_trace(a, 0, 0, 1), "trace_A34", 1e-15);
    CHECK(nd_trace(t, 1, 1, 2), "trace_T234_o1_12", 1e-15);
    CHECK(nd_trace(i, 0, 0, 1), "trace_I34", 0); /* int32 -> int64 like NumPy */
    CHECK(nd_trace(c, -1, 0, 1), "trace_C34_om1", 1e-15);
    nd_free(a), nd_free(t), nd_free(i), nd_free(c);
}

static void test_multi_dot(void)
{
    nd_array *m[4] = { FX("M10_100"), FX("M100_5"), FX("M5_50"), FX("M50_1") };
    CHECK(nd_multi_dot(4, (const nd_array *const *)m), "multi_dot_4", 1e-13);
    nd_array *v10 = FX("v10"), *v50 = FX("v50");
    const nd_array *chain[5] = { v10, m[0], m[1], m[2], v50 };
    CHECK(nd_multi_dot(5, chain), "multi_dot_vec", 1e-13);
    CU_ASSERT_PTR_NULL(nd_multi_dot(1, chain));
    for (int i = 0; i < 4; i++) nd_free(m[i]);
    nd_free(v10), nd_free(v50);
}

static void test_matrix_power(void)
{
    nd_array *w = FX("W33"), *ws = FX("Wst"), *iw = FX("Iw");
    CHECK(nd_matrix_power(w, 5), "matrix_power_W33_5", 1e-13);
    CHECK(nd_matrix_power(w, -2), "matrix_power_W33_m2", 1e-13);
    CHECK(nd_matrix_power(ws, 3), "matrix_power_Wst_3", 1e-13);
    CHECK(nd_matrix_power(iw, 4), "matrix_power_Iw_4", 0);
    nd_array *e = nd_matrix_power(ws, 0);
    CU_ASSERT_PTR_NOT_NULL_FATAL(e);
    CU_ASSERT_EQUAL(nd_get_f64(e, ND_IDX(1, 2, 2)), 1.0);
    CU_ASSERT_EQUAL(nd_get_f64(e, ND_IDX(1, 0, 2)), 0.0);
    nd_array *a = FX("A34");
    CU_ASSERT_PTR_NULL(nd_matrix_power(a, 2));
    CU_ASSERT_EQUAL(nd_last_error(), ND_ELINALG);
    nd_array *sing = nd_zeros(ND_SHAPE(2, 2), ND_FLOAT64);
    CU_ASSERT_PTR_NULL(nd_matrix_power(sing, -1));
    CU_ASSERT_STRING_EQUAL(nd_errmsg(), "nd_matrix_power: singular matrix");
    nd_free(w), nd_free(ws), nd_free(iw), nd_free(e), nd_free(a), nd_free(sing);
}

static void test_einsum(void)
{
    nd_array *a = FX("A34"), *b = FX("B45"), *s = FX("S234"), *u = FX("U243"), *x = FX("X44");
    nd_array *v3 = FX("v3"), *v4 = FX("v4"), *x3 = FX("X324"), *y3 = FX("Y232"), *z = FX("Z32");
    nd_array *y52 = FX("Y52"), *i34 = FX("I34"), *i45 = FX("I45"), *c34 = FX("C34"), *c45 = FX("C45");
    CHECK(nd_einsum("ij,jk->ik", a, b), "ein_ij_jk", 1e-14);
    CHECK(nd_einsum("bij,bjk->bik", s, u), "ein_bij_bjk", 1e-14);
    CHECK(nd_einsum("ii", x), "ein_ii", 1e-15);
    CHECK(nd_einsum("ii->i", x), "ein_ii_i", 0);
    CHECK(nd_einsum("ij->ji", a), "ein_ij_ji", 0);
    CHECK(nd_einsum("i,j->ij", v3, v4), "ein_i_j_ij", 1e-15);
    CHECK(nd_einsum("ij->i", a), "ein_ij_i", 1e-15);
    CHECK(nd_einsum("ij->j", a), "ein_ij_j", 1e-15);
    CHECK(nd_einsum("...ij,...jk", s, b), "ein_ell", 1e-14);
    CHECK(nd_einsum("ijk,jil->kl", x3, y3), "ein_ijk_jil_kl", 1e-14);
    CHECK(nd_einsum("i,i", v4, v4), "ein_i_i", 1e-14);
    CHECK(nd_einsum("ij,ij->", a, a), "ein_ij_ij", 1e-14);
    CHECK(nd_einsum("ji,jk", a, z), "ein_implicit", 1e-14);
    CHECK(nd_einsum("ij,jk->ik", i34, i45), "ein_int", 0);
    CHECK(nd_einsum("ij,jk,kl->il", a, b, y52), "ein_three", 1e-14);
    CHECK(nd_einsum("ij,jk->k", a, b), "ein_sum_a", 1e-14);
    CHECK(nd_einsum("ij,jk->ik", c34, c45), "ein_c", 1e-14);
    CU_ASSERT_PTR_NULL(nd_einsum("ij,jk->iq", a, b));
    CU_ASSERT_EQUAL(nd_last_error(), ND_EVALUE);
    CU_ASSERT_PTR_NULL(nd_einsum("ij,j%->ik", a, b));
    CU_ASSERT_EQUAL(nd_last_error(), ND_EPARSE);
    CU_ASSERT_PTR_NULL(nd_einsum("ij,jk->ik", a, a));
    CU_ASSERT_EQUAL(nd_last_error(), ND_ESHAPE);
    CU_ASSERT_PTR_NULL(nd_einsum("ij->ij", a, b));
    CU_ASSERT_EQUAL(nd_last_error(), ND_EVALUE);
    nd_free(a), nd_free(b), nd_free(s), nd_free(u), nd_free(x), nd_free(v3), nd_free(v4);
    nd_free(x3), nd_free(y3), nd_free(z), nd_free(y52), nd_free(i34), nd_free(i45);
    nd_free(c34), nd_free(c45);
}

/* Products of text or dates are NumPy's TypeError; the 0-d path used to read a 'U1' scalar
 * as 8-byte integers (found by the Python odd-argument sweep under ASan). */
static void test_products_refuse_text(void)
{
    const char *x[] = { "x" };
    nd_array *u = nd_str_array(1, x, ND_STR_OF(0));
    nd_array *u0 = u ? nd_reshape(u, 0, NULL) : NULL;
    nd_array *f = nd_from_f64((double[]){ 2.0 }, 1);
    nd_array *f0 = f ? nd_reshape(f, 0, NULL) : NULL;
    CU_ASSERT_PTR_NOT_NULL_FATAL(u0);
    CU_ASSERT_PTR_NOT_NULL_FATAL(f0);
    CU_ASSERT_PTR_NULL(nd_dot(u0, f0));
    CU_ASSERT_EQUAL(nd_last_error(), ND_EDTYPE);
    CU_ASSERT_PTR_NULL(nd_dot(f0, u0));
    CU_ASSERT_PTR_NULL(nd_dot(u, f));
    CU_ASSERT_PTR_NULL(nd_outer(u, f));
    CU_ASSERT_EQUAL(nd_last_error(), ND_EDTYPE);
    nd_free(u0), nd_free(u), nd_free(f0), nd_free(f);
}

static const ND_TEST tests[] = {
    ND_T(test_matmul_basic_and_stacked),
    ND_T(test_matmul_vector_promotion),
    ND_T(test_matmul_dtypes),
    ND_T(test_matmul_layouts),
    ND_T(test_matmul_transpose_needs_no_copy),
    ND_T(test_matmul_stack_folds_and_broadcasts),
    ND_T(test_matmul_into_and_overlap),
    ND_T(test_matmul_errors),
    ND_T(test_matmul_empty_and_zero_k),
    ND_T(test_dot_inner_outer_vdot),
    ND_T(test_tensordot_kron),
    ND_T(test_trace),
    ND_T(test_multi_dot),
    ND_T(test_matrix_power),
    ND_T(test_einsum),
    ND_T(test_products_refuse_text),
    { 0 },
};
ND_TEST_MAIN("linalg_products", tests)
