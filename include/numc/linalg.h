/* numc — linear algebra (numpy.dot, numpy.matmul, numpy.einsum, numpy.linalg) on OpenBLAS
 * and LAPACK.
 *
 * Dtypes: every function accepts any numeric dtype. Products keep NumPy's result type
 * (integer and bool products are computed exactly, with integer wrap-around); the
 * decompositions compute in float32, float64, complex64 or complex128 (bool and integer
 * inputs become float64, like NumPy).
 * Stacks: functions documented with (..., M, N) shapes work on every matrix of a stack;
 * leading dimensions broadcast between operands.
 * Layout: any strides are accepted (C, F, transposed, sliced, negative). Products pass
 * BLAS a transpose flag instead of copying whenever the strides allow it.
 * Ownership and errors: every returned array is the caller's (nd_free). On failure the
 * functions return NULL or a negative nd_status and set nd_errmsg(); output pointers are
 * set to NULL. A singular matrix, a matrix that is not positive definite or a
 * decomposition that did not converge is ND_ELINALG ("nd_solve: singular matrix");
 * non-square input where a square matrix is needed is ND_ELINALG too (as NumPy's
 * LinAlgError); mismatched shapes are ND_ESHAPE. */
#ifndef NUMC_LINALG_H
#define NUMC_LINALG_H

#include "array.h"

#ifdef __cplusplus
extern "C" {
#endif

/* ---- products ------------------------------------------------------------------------ */

/* numpy.matmul (a @ b): matrix product of the last two axes, leading axes broadcast;
 * a 1-D a is a row vector and a 1-D b a column vector, the added axis is removed
 * afterwards. 0-d operands are ND_EVALUE. */
ND_API nd_array *nd_matmul(const nd_array *a, const nd_array *b);
/* nd_matmul into an existing array of exactly the result's shape (its dtype may differ:
 * the product is cast with same_kind rules). `out` may overlap a or b. */
ND_API nd_status nd_matmul_into(nd_array *out, const nd_array *a, const nd_array *b);
/* numpy.dot: 0-d operands multiply; 1-D·1-D is the inner product (0-d result); otherwise
 * the sum over the last axis of a and the second-to-last of b (the last when b is 1-D). */
ND_API nd_array *nd_dot(const nd_array *a, const nd_array *b);
/* numpy.vdot: both flattened, sum(conj(a) * b); a 0-d result. Sizes must match. */
ND_API nd_array *nd_vdot(const nd_array *a, const nd_array *b);
/* numpy.inner: sum over the last axes of a and b (0-d operands multiply). */
ND_API nd_array *nd_inner(const nd_array *a, const nd_array *b);
/* numpy.outer: both flattened, result[i, j] = a[i] * b[j]. */
ND_API nd_array *nd_outer(const nd_array *a, const nd_array *b);
/* numpy.tensordot(a, b, axes=n): sum over the last n axes of a and the first n of b. */
ND_API nd_array *nd_tensordot(const nd_array *a, const nd_array *b, int n);
/* numpy.tensordot(a, b, axes=(axes_a, axes_b)): sum over axes_a of a paired with axes_b
 * of b (same count; negative axes count from the end). */
ND_API nd_array *nd_tensordot_axes(const nd_array *a, const nd_array *b, nd_axes axes_a,
                                   nd_axes axes_b);
/* numpy.kron: Kronecker product (the shorter shape is padded with leading 1s). */
ND_API nd_array *nd_kron(const nd_array *a, const nd_array *b);
/* numpy.linalg.multi_dot: product of n >= 2 arrays in the cheapest order (dynamic
 * programming over the chain); the first may be 1-D (row) and the last 1-D (column),
 * the others must be 2-D. */
ND_API nd_array *nd_multi_dot(int n, const nd_array *const *arrays);
/* numpy.linalg.matrix_power for (..., M, M): repeated squaring; n == 0 gives identities,
 * n < 0 inverts first (ND_ELINALG when singular). */
ND_API nd_array *nd_matrix_power(const nd_array *a, long n);
/* numpy.trace(a, offset, axis1, axis2): sums of the diagonals (NumPy's sum dtype:
 * bool and signed integers -> int64, unsigned -> uint64). nd_trace(a, 0, 0, 1) is the
 * usual trace. */
ND_API nd_array *nd_trace(const nd_array *a, ptrdiff_t offset, int axis1, int axis2);
/* numpy.einsum with explicit ("ij,jk->ik") or implicit ("ij,jk") output, repeated labels
 * (diagonals, traces), "..." broadcasting and sums over any label. Two-operand products
 * of float/complex arrays run as one batched BLAS product; the rest run as loops. The
 * result is always a new array (NumPy sometimes returns a view). */
ND_API nd_array *nd_einsum_n(const char *subscripts, int n, const nd_array *const *operands);
#define nd_einsum(subscripts, ...)                                                    \
    nd_einsum_n((subscripts),                                                        \
                (int)(sizeof((const nd_array *[]){ __VA_ARGS__ }) / sizeof(nd_array *)), \
                (const nd_array *const[]){ __VA_ARGS__ })

/* numpy.einsum_path: the order in which nd_einsum's operands are best contracted two at a
 * time, by NumPy 1.24's 'greedy' or 'optimal' search (exhaustive; memory limit: the
 * largest input or output). Step c contracts the npos[c] operands at pos[c][...] of the
 * current list (the result goes to its end); a single step holding every operand means
 * "all at once" (1 or 2 operands, or nothing to optimise). The FLOP counts and scalings
 * are the numbers NumPy prints. */
#define ND_EINSUM_MAXOP 8
typedef struct nd_einsum_path {
    int ncontract;                               /* steps */
    int npos[ND_EINSUM_MAXOP];                   /* operands in each step */
    int pos[ND_EINSUM_MAXOP][ND_EINSUM_MAXOP];   /* their positions in the current list */
    double naive_flops, optimized_flops;         /* "Naive / Optimized FLOP count" */
    int naive_scaling, optimized_scaling;        /* "Naive / Optimized scaling" */
    double largest_intermediate;                 /* "Largest intermediate" (elements) */
} nd_einsum_path;
typedef struct nd_einsum_path_opts {
    int _;                /* reserved: leave it out */
    const char *optimize; /* "greedy" (NULL) or "optimal" */
    char **report;        /* when set: NumPy's printed report (free with nd_free_mem) */
} nd_einsum_path_opts;
/* Fills *out (ND_OK). Errors: nd_einsum's parse errors (naming nd_einsum_path), ND_EVALUE
 * for NULL arguments, more than 8 operands, an unknown optimize name or "..." in the
 * subscripts (name broadcast axes with letters). */
ND_API nd_status nd_einsum_path_n(const char *subscripts, int n, const nd_array *const *operands,
                                  const nd_einsum_path_opts *o, nd_einsum_path *out);
#define nd_einsum_path(out, subscripts, ...)                                          \
    nd_einsum_path_n((subscripts),                                                   \
                     (int)(sizeof((const nd_array *[]){ __VA_ARGS__ }) / sizeof(nd_array *)), \
                     (const nd_array *const[]){ __VA_ARGS__ }, NULL, (out))

/* ---- solvers and inverses (a: (..., M, M)) ---------------------------------------------- */

/* numpy.linalg.solve: x with a @ x = b. b is (M,) (one right-hand side shared by the
 * stack) or (..., M, K) (stacks broadcast). ND_ELINALG "nd_solve: singular matrix". */
ND_API nd_array *nd_solve(const nd_array *a, const nd_array *b);
/* numpy.linalg.inv. ND_ELINALG when singular. */
ND_API nd_array *nd_inv(const nd_array *a);
/* numpy.linalg.pinv for (..., M, N) through the SVD: singular values <= rcond * largest
 * are treated as zero. rcond < 0 selects NumPy's default 1e-15. */
ND_API nd_array *nd_pinv(const nd_array *a, double rcond);
/* numpy.linalg.det: shape (...) (0-d for one matrix). Singular matrices give 0. */
ND_API nd_array *nd_det(const nd_array *a);
/* numpy.linalg.slogdet: *sign (dtype of the computation: |sign| = 1, or 0 when singular)
 * and *logabsdet (real; -inf when singular), both of shape (...). */
ND_API nd_status nd_slogdet(const nd_array *a, nd_array **sign, nd_array **logabsdet);

/* numpy.linalg.lstsq for a (..., M, N) and b (M,) or (..., M, K), through LAPACK gelsd.
 * rcond < 0 selects eps * max(M, N) (NumPy's rcond=None). Results (all the caller's,
 * free them with nd_lstsq_result_free): x (..., N[, K]); residuals: squared 2-norms of
 * the residual columns, shape (..., K) or (..., 1) for a 1-D b — empty (size 0) when
 * rank < N or M <= N for any matrix; rank: int64, shape (...); s: singular values,
 * (..., min(M, N)). */
typedef struct nd_lstsq_result {
    nd_array *x, *residuals, *rank, *s;
} nd_lstsq_result;
ND_API nd_status nd_lstsq(const nd_array *a, const nd_array *b, double rcond, nd_lstsq_result *out);
/* Free the four arrays and set them to NULL. NULL is a no-op. */
ND_API void nd_lstsq_result_free(nd_lstsq_result *r);

/* ---- decompositions ------------------------------------------------------------------------ */

/* numpy.linalg.cholesky: lower-triangular L with a = L @ L^H (only the lower triangle of
 * a is read). ND_ELINALG "nd_cholesky: matrix is not positive definite ...". */
ND_API nd_array *nd_cholesky(const nd_array *a);

typedef enum nd_qr_mode {
    ND_QR_REDUCED = 0, /* q (..., M, K), r (..., K, N), K = min(M, N) */
    ND_QR_COMPLETE,    /* q (..., M, M), r (..., M, N) */
    ND_QR_R            /* r (..., K, N) only; q may be NULL */
} nd_qr_mode;
/* numpy.linalg.qr of (..., M, N). */
ND_API nd_status nd_qr(const nd_array *a, nd_qr_mode mode, nd_array **q, nd_array **r);

/* numpy.linalg.svd of (..., M, N): a = u @ diag(s) @ vh, s descending (real dtype).
 * full_matrices: u (..., M, M), vh (..., N, N); else u (..., M, K), vh (..., K, N).
 * Pass u = vh = NULL for compute_uv=False (singular values only).
 * ND_ELINALG "nd_svd: SVD did not converge". */
ND_API nd_status nd_svd(const nd_array *a, bool full_matrices, nd_array **u, nd_array **s,
                        nd_array **vh);

/* numpy.linalg.eig of (..., M, M): eigenvalues *w (..., M) and right eigenvectors *v
 * (..., M, M) as columns, normalised to unit length. Like NumPy, for real input the
 * results are real when every eigenvalue of the stack is real, complex otherwise.
 * v may be NULL (numpy.linalg.eigvals). ND_ELINALG when the QR algorithm does not
 * converge. */
ND_API nd_status nd_eig(const nd_array *a, nd_array **w, nd_array **v);
ND_API nd_array *nd_eigvals(const nd_array *a);
/* numpy.linalg.eigh of a Hermitian / real symmetric (..., M, M): eigenvalues ascending
 * (real dtype) and orthonormal eigenvectors as columns. uplo 'L' (or 0) reads the lower
 * triangle, 'U' the upper. v may be NULL (numpy.linalg.eigvalsh). */
ND_API nd_status nd_eigh(const nd_array *a, char uplo, nd_array **w, nd_array **v);
ND_API nd_array *nd_eigvalsh(const nd_array *a, char uplo);

/* ---- norms and numbers ---------------------------------------------------------------------- */

/* numpy.linalg.norm. Keyword arguments:
 *   .ord   NULL (None), "fro", "nuc", "inf", "-inf" or a number as text ("1", "-2", "0",
 *          "3.5"): vector orders for one axis, matrix orders (fro nuc 1 -1 2 -2 inf -inf)
 *          for two axes
 *   .axis  k (vector norm along axis k)   .axes  ND_AXES(k, l) (matrix norm) or ND_AXES(k);
 *          neither: all axes of a 1-D or 2-D x, or the 2-norm of the flattened x when
 *          .ord is NULL
 * Positional arguments follow NumPy's norm(x, ord, axis): nd_norm(x, "1", 0).
 *   .keepdims
 * The result has the real dtype (float32 for float32/complex64, float64 otherwise).
 *   nd_norm(x)   nd_norm(x, .ord = "fro")   nd_norm(x, .ord = "inf", .axis = 1) */
typedef struct nd_norm_opts {
    const nd_array *x;
    const char *ord;
    int axis;     /* ND_AXIS_NONE (the default the macro fills in): see .axes */
    nd_axes axes;
    bool keepdims;
} nd_norm_opts;
ND_API nd_array *nd_norm_(const nd_norm_opts *o);
#define ND_NORM_DEFAULTS ((nd_norm_opts){ .x = NULL, .axis = ND_AXIS_NONE })
#define nd_norm(...) nd_norm_(&(nd_norm_opts){ .axis = ND_AXIS_NONE, .x = __VA_ARGS__ })

/* numpy.linalg.cond of (..., M, N) for p = NULL / "2" / "-2" (singular-value ratio, any
 * shape) or "fro", "nuc", "1", "-1", "inf", "-inf" (square only; singular → inf). */
ND_API nd_array *nd_cond(const nd_array *x, const char *p);
/* numpy.linalg.matrix_rank: int64 of shape (...) counting singular values > tol;
 * tol < 0 selects max(s) * max(M, N) * eps. A 1-D (or 0-d) input has rank 1 unless it is
 * all zeros. */
ND_API nd_array *nd_matrix_rank(const nd_array *a, double tol);

/* ---- tensor inverse and tensor solve -------------------------------------------------------- */
/* numpy.linalg.tensorinv(a, ind=2): the inverse of a as a tensor operator, of shape
 * a.shape[ind:] + a.shape[:ind]; prod(a.shape[:ind]) must equal prod(a.shape[ind:]).
 * Caller frees. Errors: ND_EVALUE for ind <= 0, ND_ELINALG (not square, singular). */
ND_API nd_array *nd_tensorinv(const nd_array *a, int ind);
#define nd_tensorinv(...) ND__OVERLOAD(nd_tensorinv, __VA_ARGS__)
#define nd_tensorinv_with_1_args(a) (nd_tensorinv)(nd_requires_an_array_argument(a), 2)
#define nd_tensorinv_with_2_args(a, ind) (nd_tensorinv)((a), (ind))
/* numpy.linalg.tensorsolve(a, b, axes=None): x with tensordot(a, x, x.ndim) == b, of shape
 * a.shape[-(a.ndim - b.ndim):]; the axes listed (ND_AXES(0, 2); none: NumPy's None) are
 * first moved, one by one, to the end of a. nd_tensorsolve(a, b) or
 * nd_tensorsolve(a, b, ND_AXES(0, 2)). Caller frees. Errors: ND_EAXIS (axis not in a),
 * ND_ELINALG (sizes, singular). */
ND_API nd_array *nd_tensorsolve(const nd_array *a, const nd_array *b, nd_axes axes);
#define nd_tensorsolve(...) ND__OVERLOAD(nd_tensorsolve, __VA_ARGS__)
#define nd_tensorsolve_with_2_args(a, b) (nd_tensorsolve)((a), (b), (const nd_axes){ 0, { 0 } })
#define nd_tensorsolve_with_3_args(a, b, axes) (nd_tensorsolve)((a), (b), (axes))

#ifdef __cplusplus
}
#endif
#endif
