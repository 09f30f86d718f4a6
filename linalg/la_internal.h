/* Internal helpers shared by the linalg sources: compute types, stacks of matrices, copies into
 * and out of LAPACK's column-major workspaces, typed BLAS / LAPACK wrappers. */
#ifndef NUMC_LA_INTERNAL_H
#define NUMC_LA_INTERNAL_H

#include "internal.h"
#include "lazylib.h"

#include <numc/linalg.h>

/* The last two dims of a matrix (stack) x: extents and byte strides. */
#define ROWS(x) ((x)->shape[(x)->ndim - 2])
#define COLS(x) ((x)->shape[(x)->ndim - 1])
#define RS(x) ((x)->strides[(x)->ndim - 2])
#define CS(x) ((x)->strides[(x)->ndim - 1])
#define MAX(a, b) ((a) > (b) ? (a) : (b))
#define MIN(a, b) ((a) < (b) ? (a) : (b))

typedef float _Complex la_c64;
typedef double _Complex la_c128;

/* Compute dtype for the decompositions: float32, complex64, complex128 stay; everything
 * else becomes float64. */
ND_INTERNAL nd_dtype la_ftype(nd_dtype t);
/* Real dtype of a float/complex compute dtype (complex64 -> float32). */
ND_INTERNAL nd_dtype la_rtype(nd_dtype t);
/* Machine epsilon of a compute dtype's precision. */
ND_INTERNAL double la_eps(nd_dtype t);

/* ---- stacks ------------------------------------------------------------------------------ */
/* The broadcast shape of the leading ("stack") dimensions of a set of operands. */
typedef struct la_stack {
    int nd;
    ptrdiff_t shape[ND_MAXDIMS];
    ptrdiff_t count;
} la_stack;

/* Broadcast the leading dims of n arrays; core[i] trailing dims of array i are the core.
 * Fails with ND_ESHAPE naming `who`. */
ND_INTERNAL ND_WARN_UNUSED
nd_status la_stack_init(la_stack *st, int n, const nd_array *const *a, const int *core,
                        const char *who);
/* st = the leading dims of a, all but its last `core`. */
ND_INTERNAL void la_stack_of(la_stack *st, const nd_array *a, int core);
/* Checks that a is a stack of matrices LAPACK can take (at least 2-D, square when `square`,
 * extents within its 32-bit integers) and that LAPACK is loaded (nd__need_lapack),
 * setting the error naming `who`; then st = its leading dims. */
ND_INTERNAL ND_WARN_UNUSED
nd_status la_matrix_stack(la_stack *st, const nd_array *a, bool square, const char *who);
/* Address of item i (C order over st) of `a`, whose last `core` dims are the core; its
 * leading dims are right-aligned to the stack and size-1 dims repeat. */
ND_INTERNAL char *la_item(const nd_array *a, int core, const la_stack *st, ptrdiff_t i);
/* A new C-ordered array of shape stack + core[0..ncore). */
ND_INTERNAL ND_WARN_UNUSED
nd_array *la_alloc(const la_stack *st, int ncore, const ptrdiff_t *core, nd_dtype t,
                   const char *who);

/* ---- matrices in and out of column-major workspaces ------------------------------------------ */
/* Bytes la_malloc adds past the end of every workspace. OpenBLAS's complex gemv kernels
 * (cgemv_n / zgemv_n, reached from LAPACK's ?larf) load whole vectors and read 8-16 bytes
 * past the last element of a matrix; the loaded lanes are discarded, but the read leaves
 * the block (valgrind reports it). The padding keeps it inside. */
#define LA_PAD 64
/* nd_malloc(nbytes + LA_PAD): a workspace handed to LAPACK/BLAS. Freed with nd_free_mem. */
ND_INTERNAL ND_WARN_UNUSED void *la_malloc(size_t nbytes, const char *who);

/* dst (type t, column-major, leading dim ld) = the m×n matrix at src (type st, byte
 * strides rs between rows, cs between columns), converted. */
ND_INTERNAL
void la_load(void *dst, nd_dtype t, ptrdiff_t ld, const char *src, nd_dtype st, ptrdiff_t rs,
             ptrdiff_t cs, ptrdiff_t m, ptrdiff_t n);
/* The reverse: the m×n matrix at dst (type dt, byte strides rs, cs) = src (type st,
 * column-major, leading dim ld), converted. */
ND_INTERNAL
void la_store(char *dst, nd_dtype dt, ptrdiff_t rs, ptrdiff_t cs, const void *src, nd_dtype st,
              ptrdiff_t ld, ptrdiff_t m, ptrdiff_t n);

/* The m×n matrix at a (type t, column-major, leading dim ld) = the identity (ones on the
 * diagonal, zeros elsewhere, n columns of ld). */
ND_INTERNAL void la_identity(void *a, nd_dtype t, ptrdiff_t ld, ptrdiff_t m, ptrdiff_t n);

/* A new C-contiguous copy of a converted to t. */
ND_INTERNAL ND_WARN_UNUSED nd_array *la_ccopy(const nd_array *a, nd_dtype t, const char *who);

/* Checks that set the error: at least 2-D; last two dims equal. */
ND_INTERNAL ND_WARN_UNUSED nd_status la_check_2d(const nd_array *a, const char *who);
ND_INTERNAL ND_WARN_UNUSED nd_status la_check_square(const nd_array *a, const char *who);
/* Every extent used by LAPACK/BLAS must fit its 32-bit integers. */
ND_INTERNAL ND_WARN_UNUSED nd_status la_check_int(ptrdiff_t v, const char *who);

/* ---- elementwise helpers (the ufunc engine is separate; these are the few loops linalg
 *      needs) ------------------------------------------------------------------------------ */
/* a * b with broadcasting in dtype nd_result_type(a, b). */
ND_INTERNAL ND_WARN_UNUSED
nd_array *la_multiply(const nd_array *a, const nd_array *b, const char *who);
/* Sum over the last axis into dtype `out` (computed in double / complex double / exact
 * 64-bit integers). Shape: a's shape without its last axis. */
ND_INTERNAL ND_WARN_UNUSED nd_array *la_sum_last(const nd_array *a, nd_dtype out, const char *who);
/* NumPy's sum dtype for an input dtype (int64 for bool and signed ints, uint64 for
 * unsigned ints, the dtype itself otherwise). */
ND_INTERNAL nd_dtype la_sum_dtype(nd_dtype t);
/* Identity matrices of shape stack + (n, n). */
ND_INTERNAL ND_WARN_UNUSED
nd_array *la_eye_stack(const la_stack *st, ptrdiff_t n, nd_dtype t, const char *who);

/* ---- BLAS (row-major C, alpha = 1, beta = 0) ---------------------------------------------------- */
/* ta / tb: 'N', 'T' or 'C' (conjugate transpose). t: float/complex dtype. */
ND_INTERNAL
void la_gemm(nd_dtype t, char ta, char tb, ptrdiff_t m, ptrdiff_t n, ptrdiff_t k, const void *a,
             ptrdiff_t lda, const void *b, ptrdiff_t ldb, void *c, ptrdiff_t ldc);
/* Internal matmul on same-length stacks: c (stack, m, n) = a (stack, m, k) · b (stack, k, n),
 * all three of the same dtype (c's). Strides of a, b, c may be anything; c must not overlap
 * a or b. */
ND_INTERNAL ND_WARN_UNUSED
nd_status la_matmul_core(const nd_array *a, const nd_array *b, nd_array *c, const char *who);
/* nd_matmul with the caller's name in errors. */
ND_INTERNAL ND_WARN_UNUSED
nd_array *la_matmul(const nd_array *a, const nd_array *b, const char *who);
/* Matrix inverse of (..., M, M); when nan_on_singular, singular matrices give NaNs instead
 * of an error (numpy.linalg.cond needs that). */
ND_INTERNAL ND_WARN_UNUSED
nd_array *la_inv(const nd_array *a, bool nan_on_singular, const char *who);
/* Singular values only, of (..., M, N), as (..., K) in the real dtype. */
ND_INTERNAL ND_WARN_UNUSED nd_array *la_svdvals(const nd_array *a, const char *who);

/* ---- LAPACK (column-major, typed by t ∈ float32/float64/complex64/complex128) --------------
 * Each returns LAPACK's info. Workspace queries use lwork = -1 as in LAPACK. `rwork` is the
 * real workspace of the complex routines (ignored for real t). */
ND_INTERNAL int la_getrf(nd_dtype t, int m, int n, void *a, int lda, int *ipiv);
ND_INTERNAL int la_gesv(nd_dtype t, int n, int nrhs, void *a, int lda, int *ipiv, void *b, int ldb);
ND_INTERNAL int la_potrf(nd_dtype t, char uplo, int n, void *a, int lda);
ND_INTERNAL
int la_geqrf(nd_dtype t, int m, int n, void *a, int lda, void *tau, void *work, int lwork);
ND_INTERNAL
int la_orgqr(nd_dtype t, int m, int n, int k, void *a, int lda, const void *tau, void *work,
             int lwork);
ND_INTERNAL
int la_gesdd(nd_dtype t, char jobz, int m, int n, void *a, int lda, void *s, void *u, int ldu,
             void *vt, int ldvt, void *work, int lwork, void *rwork, int *iwork);
/* Real t: w receives the real parts, wi the imaginary parts; complex t: w (complex), wi unused. */
ND_INTERNAL
int la_geev(nd_dtype t, char jobvr, int n, void *a, int lda, void *w, void *wi, void *vr, int ldvr,
            void *work, int lwork, void *rwork);
ND_INTERNAL
int la_syevd(nd_dtype t, char jobz, char uplo, int n, void *a, int lda, void *w, void *work,
             int lwork, void *rwork, int lrwork, int *iwork, int liwork);
ND_INTERNAL
int la_gelsd(nd_dtype t, int m, int n, int nrhs, void *a, int lda, void *b, int ldb, void *s,
             double rcond, int *rank, void *work, int lwork, void *rwork, int *iwork);
/* Size LAPACK reported in work[0] after a query (rounded up: float32 loses precision). */
ND_INTERNAL int la_lwork(nd_dtype t, const void *work);
/* Sets the error for info < 0 (a bug: an illegal argument) and returns ND_ELINALG. */
ND_INTERNAL nd_status la_info_error(const char *who, const char *routine, int info);
/* The status a function returns after its cleanup label: an ND_ENOMEM that stands for an
 * inner call's failure becomes that call's recorded error. */
static inline nd_status la_final_status(nd_status status)
{
    return status == ND_ENOMEM && nd_last_error() < 0 ? nd_last_error() : status;
}

/* ND_OK for info == 0; else sets the error and returns ND_ELINALG: for info < 0 as
 * la_info_error, for info > 0 (the routine's own failure: singular, no convergence) the
 * message "who: " + fmt. */
ND_INTERNAL nd_status la_info_status(int info, const char *who, const char *routine,
                                     const char *fmt, ...) ND_PRINTF(4, 5);

/* The three workspaces of the drivers that size them all by a query (?syevd, ?gelsd): run
 * the routine with lwork = -1 on qw (work), qr (rwork) and &qi (iwork) of a zeroed la_work,
 * then la_work_alloc; la_work_free at the end (also on a zeroed one). */
typedef struct la_work {
    double qw[4], qr[4]; /* the query's answers, in the routine's own float type */
    int qi;
    void *work, *rwork; /* rwork: of the real type; size 1 for a real routine */
    int *iwork;
    int lwork, lrwork, liwork;
} la_work;
/* Allocates w's workspaces at the sizes the query gave, or size 1 each when it did not run
 * or failed (`queried` false). ND_ENOMEM (error set) when an allocation fails. */
ND_INTERNAL ND_WARN_UNUSED
nd_status la_work_alloc(la_work *w, nd_dtype t, bool queried, const char *who);
ND_INTERNAL void la_work_free(la_work *w);

#endif
