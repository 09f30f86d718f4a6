/* numc — distributed arrays over MPI (libnumc_mpi, link numc::mpi): #include <numc/mpi.h>.
 *
 *     MPI_Init(&argc, &argv);
 *     nd_dist *x = nd_dist_zeros(MPI_COMM_WORLD, ND_SHAPE(1000), ND_FLOAT64, NULL);
 *     nd_array *mine = nd_dist_local(x);      // this rank's piece, an ordinary nd_array
 *     ...
 *     nd_dist_free(x);
 *     MPI_Finalize();
 *
 * The model. An nd_dist is one global array of a given shape and dtype, spread over the
 * ranks of a communicator (numc duplicates it, so its messages never mix with the
 * caller's). Each rank holds its piece as an ordinary nd_array (nd_dist_local) that any
 * numc function accepts. Three distributions (nd_distribution):
 *   ND_DIST_BLOCK      blocks along one axis, FFTW-MPI's layout: with b = ceil(n / P)
 *                      (or a given block b, b * P >= n) rank r owns the indices
 *                      [r*b, min(n, (r+1)*b)) of the axis, all of the other axes, C order.
 *                      With n < P*b some ranks own nothing (their piece has extent 0).
 *   ND_DIST_CYCLIC2D   ScaLAPACK's 2-D block-cyclic layout of a matrix over a pr x pc
 *                      process grid (rank r sits at row r / pc, column r % pc: BLACS's
 *                      row-major grid) with mb x nb blocks; the piece is column-major
 *                      (Fortran order) with leading dimension nd_dist_lld().
 *   ND_DIST_REPLICATED every rank holds the whole array (the results of full reductions).
 *
 * Collectives. Every function taking an nd_dist or a communicator is collective: all
 * ranks of the communicator call it with the same arguments (the same global shape,
 * dtype, distribution, axis, ...; arguments that differ between ranks are an error).
 * Errors agree: when any rank fails (bad input, no memory, an MPI error) every rank
 * returns the same status and nd_errmsg() is the message of the lowest failing rank,
 * prefixed "rank R: ". Nothing calls MPI_Abort, and the duplicated communicator returns
 * MPI errors instead of aborting.
 *
 * Functions returning nd_dist * give NULL on error; the caller frees results with
 * nd_dist_free. MPI must be initialised (MPI_Init) before any call and finalised after
 * the last nd_dist_free. */
#ifndef NUMC_MPI_H
#define NUMC_MPI_H

/* From C++ the C API is all numc needs: skip the deprecated MPI-2 C++ bindings (which
 * would need libmpi_cxx), as most MPI libraries written in C do. */
#if defined(__cplusplus) && !defined(OMPI_SKIP_MPICXX)
#define OMPI_SKIP_MPICXX 1
#endif
#if defined(__cplusplus) && !defined(MPICH_SKIP_MPICXX)
#define MPICH_SKIP_MPICXX 1
#endif
#include <mpi.h>
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <string.h>

#include "array.h"
#include "dtype.h"
#include "error.h"
#include "export.h"
#include "io.h"
#include "ufunc.h"

#ifdef __cplusplus
extern "C" {
#endif

/* Exported from libnumc_mpi (the same default visibility as ND_API). */
#define ND_MPI_API ND_API

typedef struct nd_dist nd_dist;

typedef enum nd_dist_kind {
    ND_DIST_BLOCK = 0,      /* blocks along one axis (the default; FFTW-MPI's layout) */
    ND_DIST_CYCLIC2D = 1,   /* 2-D block-cyclic over a process grid (ScaLAPACK's layout) */
    ND_DIST_REPLICATED = 2  /* the whole array on every rank */
} nd_dist_kind;

/* How an array is distributed. Zero fields take the defaults, so {0} (or a NULL
 * pointer wherever a `const nd_distribution *` is taken) is a block distribution along
 * axis 0 with FFTW's block size. nd_dist_distribution() returns the resolved values. */
typedef struct nd_distribution {
    nd_dist_kind kind;
    int axis;        /* BLOCK: the distributed axis (negative counts from the end) */
    ptrdiff_t block; /* BLOCK: indices per rank; 0 = ceil(n / P); else b >= 1, b * P >= n */
    int pr, pc;      /* CYCLIC2D: process grid, pr * pc == P; 0, 0 = the most square
                        grid with pr <= pc (P = 6: 2 x 3; P = 3: 1 x 3) */
    ptrdiff_t mb, nb; /* CYCLIC2D: block rows and columns; 0 = 64 */
} nd_distribution;

/* Distribution builders (plain values: usable from C and C++). */
static inline nd_distribution nd_dist_block(int axis)
{
    nd_distribution d;
    d.kind = ND_DIST_BLOCK;
    d.axis = axis;
    d.block = 0;
    d.pr = d.pc = 0;
    d.mb = d.nb = 0;
    return d;
}
static inline nd_distribution nd_dist_cyclic2d(int pr, int pc, ptrdiff_t mb, ptrdiff_t nb)
{
    nd_distribution d;
    d.kind = ND_DIST_CYCLIC2D;
    d.axis = 0;
    d.block = 0;
    d.pr = pr;
    d.pc = pc;
    d.mb = mb;
    d.nb = nb;
    return d;
}
static inline nd_distribution nd_dist_replicated(void)
{
    nd_distribution d = nd_dist_block(0);
    d.kind = ND_DIST_REPLICATED;
    return d;
}

/* ---- the object --------------------------------------------------------------------- */

/* Free a distributed array (collective: it releases the duplicated communicator and,
 * for CYCLIC2D, the BLACS grid). NULL is a no-op (and not collective). */
ND_MPI_API void nd_dist_free(nd_dist *d);

/* This rank's piece: an ordinary nd_array owned by d (do not free it; it lives until
 * nd_dist_free). Writing into it writes the distributed array. BLOCK: C order, the global
 * shape with the distributed axis cut to this rank's range. CYCLIC2D: Fortran order,
 * shape (local rows, local columns). REPLICATED: the whole array. */
ND_MPI_API nd_array *nd_dist_local(const nd_dist *d);
/* The duplicated communicator (MPI_ERRORS_RETURN), this rank and the number of ranks. */
ND_MPI_API MPI_Comm nd_dist_comm(const nd_dist *d);
ND_MPI_API int nd_dist_rank(const nd_dist *d);
ND_MPI_API int nd_dist_nprocs(const nd_dist *d);
/* The global array: dimensions, shape (ndim extents), element count, dtype. */
ND_MPI_API int nd_dist_ndim(const nd_dist *d);
ND_MPI_API const ptrdiff_t *nd_dist_shape(const nd_dist *d);
ND_MPI_API ptrdiff_t nd_dist_size(const nd_dist *d);
ND_MPI_API nd_dtype nd_dist_dtype(const nd_dist *d);
/* The distribution with every default resolved (block size, grid, block sizes). */
ND_MPI_API nd_distribution nd_dist_distribution(const nd_dist *d);
ND_MPI_API nd_dist_kind nd_dist_get_kind(const nd_dist *d);
/* CYCLIC2D: the local leading dimension (max(1, local rows)), what ScaLAPACK's
 * descriptor holds as LLD. Other kinds: the extent of the local piece's last axis
 * (C order), at least 1. */
ND_MPI_API ptrdiff_t nd_dist_lld(const nd_dist *d);
/* BLOCK: the global indices [*lo, *hi) of the distributed axis that `rank` owns
 * (lo == hi when it owns nothing). REPLICATED: [0, n) of axis 0. CYCLIC2D: ND_EVALUE
 * (a rank's rows are not one range; use nd_dist_owner / nd_dist_global_to_local).
 * Not collective. */
ND_MPI_API nd_status nd_dist_range(const nd_dist *d, int rank, ptrdiff_t *lo, ptrdiff_t *hi);
/* The shape of rank `rank`'s piece (ndim extents written to lshape; for this rank the
 * shape of nd_dist_local). Not collective. */
ND_MPI_API nd_status nd_dist_local_shape(const nd_dist *d, int rank, ptrdiff_t *lshape);
/* The global index of the local piece's element (0, ..., 0) (ndim values; BLOCK and
 * REPLICATED; for CYCLIC2D the offsets of the first local block). Not collective. */
ND_MPI_API const ptrdiff_t *nd_dist_local_offset(const nd_dist *d);
/* The rank that owns global element `gidx` (ndim indices, each in range), or -1 with
 * ND_EINDEX. REPLICATED: this rank. Not collective. */
ND_MPI_API int nd_dist_owner(const nd_dist *d, const ptrdiff_t *gidx);
/* Global index -> index into nd_dist_local(); false when this rank does not hold it.
 * Local index -> global index (ND_EINDEX when out of the piece). Not collective. */
ND_MPI_API bool nd_dist_global_to_local(const nd_dist *d, const ptrdiff_t *gidx, ptrdiff_t *lidx);
ND_MPI_API nd_status nd_dist_local_to_global(const nd_dist *d, const ptrdiff_t *lidx,
                                             ptrdiff_t *gidx);
/* True when a and b have the same global shape and distribution over congruent
 * communicators, so that their pieces match element for element (dtypes may differ). */
ND_MPI_API bool nd_dist_conforms(const nd_dist *a, const nd_dist *b);
/* A human-readable description, e.g. "float64 (10, 3) block(axis=0, b=3) over 4 ranks"
 * or "float64 (8, 8) cyclic2d(grid 2x2, blocks 4x4) over 4 ranks", written into buf
 * (always terminated); returns buf. Not collective. */
ND_MPI_API const char *nd_dist_describe(const nd_dist *d, char *buf, size_t n);

/* ---- creation (dist_create.c) --------------------------------------------------------
 * `dist` NULL means nd_dist_block(0). Shapes are global. */

/* Uninitialised, zeros, ones, `value` cast to dt. */
ND_MPI_API nd_dist *nd_dist_empty(MPI_Comm comm, int ndim, const ptrdiff_t *shape, nd_dtype dt,
                                  const nd_distribution *dist);
ND_MPI_API nd_dist *nd_dist_zeros(MPI_Comm comm, int ndim, const ptrdiff_t *shape, nd_dtype dt,
                                  const nd_distribution *dist);
ND_MPI_API nd_dist *nd_dist_ones(MPI_Comm comm, int ndim, const ptrdiff_t *shape, nd_dtype dt,
                                 const nd_distribution *dist);
ND_MPI_API nd_dist *nd_dist_full(MPI_Comm comm, int ndim, const ptrdiff_t *shape, nd_dtype dt,
                                 nd_scalar value, const nd_distribution *dist);
/* Same shape, distribution and communicator as `a`, new storage; dt < 0 keeps a's
 * dtype. */
ND_MPI_API nd_dist *nd_dist_empty_like(const nd_dist *a, int dt);
ND_MPI_API nd_dist *nd_dist_zeros_like(const nd_dist *a, int dt);
/* A copy with its own storage (same distribution). */
ND_MPI_API nd_dist *nd_dist_copy(const nd_dist *a);

/* NumPy's arange and linspace (1-D; BLOCK or REPLICATED), element for element equal to
 * nd_arange / nd_linspace(start, stop, .num = num, .no_endpoint = !endpoint, .dtype = dt)
 * for any number of ranks. */
ND_MPI_API nd_dist *nd_dist_arange(MPI_Comm comm, double start, double stop, double step, nd_dtype dt,
                                   const nd_distribution *dist);
ND_MPI_API nd_dist *nd_dist_linspace(MPI_Comm comm, double start, double stop, ptrdiff_t num, bool endpoint,
                                     nd_dtype dt, const nd_distribution *dist);
/* Element g = fn(g, ndim, ctx) cast to dt, for every global index g (nd_fromfunction's
 * callback; each rank calls it for the elements it holds, in no particular order). */
ND_MPI_API nd_dist *nd_dist_fromfunction(MPI_Comm comm, int ndim, const ptrdiff_t *shape, nd_dtype dt,
                                         const nd_distribution *dist, nd_index_fn fn, void *ctx);
/* Random arrays whose global array is the same for any number of ranks and any
 * distribution. The global array, flattened in C order, is cut into blocks of
 * ND_DIST_RANDOM_BLOCK elements; block j is drawn, in order, by a PCG64 generator seeded
 * with child j of SeedSequence(seed): NumPy's
 *     np.random.default_rng(np.random.SeedSequence(seed).spawn(j + 1)[j])
 * So for an array of at most ND_DIST_RANDOM_BLOCK elements it is exactly
 * default_rng(SeedSequence(seed).spawn(1)[0]).random(...) / .uniform / .normal /
 * .integers of numc's nd_rng_* (NumPy's streams). The arrays are drawn as BLOCK along
 * axis 0 and redistributed when another distribution is asked for. dt: float32 / float64
 * (nd_dist_random, _uniform, _normal), any integer dtype (_integers, NumPy's
 * Generator.integers with endpoint). */
#define ND_DIST_RANDOM_BLOCK 65536
ND_MPI_API nd_dist *nd_dist_random(MPI_Comm comm, uint64_t seed, int ndim, const ptrdiff_t *shape, nd_dtype dt,
                                   const nd_distribution *dist);
ND_MPI_API nd_dist *nd_dist_random_uniform(MPI_Comm comm, uint64_t seed, double low, double high, int ndim,
                                           const ptrdiff_t *shape, nd_dtype dt, const nd_distribution *dist);
ND_MPI_API nd_dist *nd_dist_random_normal(MPI_Comm comm, uint64_t seed, double loc, double scale, int ndim,
                                          const ptrdiff_t *shape, nd_dtype dt, const nd_distribution *dist);
ND_MPI_API nd_dist *nd_dist_random_integers(MPI_Comm comm, uint64_t seed, int64_t low, int64_t high,
                                            bool endpoint, int ndim, const ptrdiff_t *shape, nd_dtype dt,
                                            const nd_distribution *dist);
/* Set every element to value (cast to the dtype). */
ND_MPI_API nd_status nd_dist_fill(nd_dist *d, nd_scalar value);
/* A copy cast to dt (casting ND_CAST_DEFAULT: unsafe, like nd_astype's default). */
ND_MPI_API nd_dist *nd_dist_astype(const nd_dist *a, nd_dtype dt, nd_casting casting);
/* One element by its global index: nd_dist_get returns it on every rank (its owner
 * broadcasts it); nd_dist_set stores value on its owner (every rank of a REPLICATED
 * array). Both collective. */
ND_MPI_API nd_status nd_dist_get(const nd_dist *d, const ptrdiff_t *gidx, nd_scalar *out);
ND_MPI_API nd_status nd_dist_set(nd_dist *d, const ptrdiff_t *gidx, nd_scalar value);

/* Scatter the array `a` held by rank `root` (other ranks pass NULL; its shape and dtype
 * are sent to them) into a distributed array: element for element equal. */
ND_MPI_API nd_dist *nd_dist_scatter(MPI_Comm comm, int root, const nd_array *a,
                                    const nd_distribution *dist);
/* Gather the global array to rank `root`: *out is a new C-contiguous nd_array on root and
 * NULL on the other ranks. nd_dist_allgather: a new array on every rank. */
ND_MPI_API nd_status nd_dist_gather(const nd_dist *d, int root, nd_array **out);
ND_MPI_API nd_array *nd_dist_allgather(const nd_dist *d);

/* ---- elementwise (dist_ufunc.c) ---------------------------------------------------------
 * Every ufunc of <numc/ufunc.h>, named by its nd_ufunc id (ND_UF_ADD, ND_UF_SIN, ...), on
 * operands that are distributed arrays, replicated nd_arrays or scalars. The distributed
 * operands must conform (nd_dist_conforms: same global shape and distribution; otherwise
 * ND_EVALUE naming both); replicated arrays (the same on every rank) and scalars
 * broadcast against the global shape, NumPy's rules, without growing it. Each rank
 * computes its own piece with nd_ufunc_apply: no communication, results bit-identical to
 * nd_ufunc_apply on the gathered operands. Options as nd_ufunc_opts (.where is a
 * replicated bool array; .dtype, .casting). */
typedef enum nd_dist_opk { ND_DOPK_DIST = 0, ND_DOPK_ARRAY = 1, ND_DOPK_SCALAR = 2 } nd_dist_opk;
typedef struct nd_dist_operand {
    nd_dist_opk kind;
    const nd_dist *d;  /* ND_DOPK_DIST */
    const nd_array *a; /* ND_DOPK_ARRAY: replicated, the same array on every rank */
    nd_scalar s;       /* ND_DOPK_SCALAR */
} nd_dist_operand;
static inline nd_dist_operand nd_dop_dist(const nd_dist *d)
{
    nd_dist_operand o;
    memset(&o, 0, sizeof o);
    o.kind = ND_DOPK_DIST;
    o.d = d;
    return o;
}
static inline nd_dist_operand nd_dop_array(const nd_array *a)
{
    nd_dist_operand o;
    memset(&o, 0, sizeof o);
    o.kind = ND_DOPK_ARRAY;
    o.a = a;
    return o;
}
static inline nd_dist_operand nd_dop_scalar(nd_scalar s)
{
    nd_dist_operand o;
    memset(&o, 0, sizeof o);
    o.kind = ND_DOPK_SCALAR;
    o.s = s;
    return o;
}
static inline nd_dist_operand nd_dop_f64(double v)
{
    nd_scalar s;
    memset(&s, 0, sizeof s);
    s.dtype = ND_FLOAT64;
    s.v.f = v;
    return nd_dop_scalar(s);
}
/* f on nd_ufunc_nin(f) operands `in` (at least one distributed): a new nd_dist with the
 * distributed operands' layout and the ufunc's result dtype. `o` may be NULL. */
ND_MPI_API nd_dist *nd_dist_ufunc(nd_ufunc f, const nd_dist_operand *in, const nd_ufunc_opts *o);
/* The same into an existing `out` that conforms to the distributed operands. */
ND_MPI_API nd_status nd_dist_ufunc_into(nd_ufunc f, nd_dist *out, const nd_dist_operand *in,
                                        const nd_ufunc_opts *o);

/* ---- reductions (dist_reduce.c) -----------------------------------------------------------
 * Over one axis (negative counts from the end) or over everything (ND_AXIS_NONE). The
 * result is a new nd_dist:
 *   - reducing everything, or the distributed axis: REPLICATED, the same on every rank
 *     (a 0-d array for ND_AXIS_NONE: nd_item_f64(nd_dist_local(r)));
 *   - reducing another axis of a BLOCK array: local, no communication; the result is
 *     BLOCK along the same axis (renumbered).
 * Every result equals numc's nd_sum / nd_mean / nd_var / nd_std / nd_amin / nd_amax /
 * nd_all / nd_any / nd_argmin / nd_argmax of the gathered array bit for bit, for any
 * number of ranks: the float sums follow pairwise.c's fixed tree across the ranks, and
 * where numc adds whole rows the rows are added in the same order. Result dtypes are
 * numc's (sum of ints: int64 / uint64; mean of ints: float64; argmin: int64, flat
 * indices for ND_AXIS_NONE). Sums, means and variances of complex arrays: ND_EDTYPE.
 * A CYCLIC2D array (and a BLOCK array summed over everything along an axis other than
 * the first) is redistributed first; docs/mpi.md gives each case's communication. */
ND_MPI_API nd_dist *nd_dist_sum(const nd_dist *a, int axis);
ND_MPI_API nd_dist *nd_dist_mean(const nd_dist *a, int axis);
/* Divisor n - ddof (clamped at 0, like numc). */
ND_MPI_API nd_dist *nd_dist_var(const nd_dist *a, int axis, double ddof);
ND_MPI_API nd_dist *nd_dist_std(const nd_dist *a, int axis, double ddof);
ND_MPI_API nd_dist *nd_dist_min(const nd_dist *a, int axis);
ND_MPI_API nd_dist *nd_dist_max(const nd_dist *a, int axis);
ND_MPI_API nd_dist *nd_dist_all(const nd_dist *a, int axis);
ND_MPI_API nd_dist *nd_dist_any(const nd_dist *a, int axis);
ND_MPI_API nd_dist *nd_dist_argmin(const nd_dist *a, int axis);
ND_MPI_API nd_dist *nd_dist_argmax(const nd_dist *a, int axis);

/* ---- redistribution (dist_redistribute.c) --------------------------------------------- */

/* The same global array in another distribution (`to` NULL: block along axis 0): a new
 * nd_dist over the same communicator, element for element equal. One MPI_Alltoallv: every
 * element not already on its new owner crosses the network once. */
ND_MPI_API nd_dist *nd_dist_redistribute(const nd_dist *a, const nd_distribution *to);

/* ---- sorting, selection and histograms (dist_sort.c, dist_select.c, dist_hist.c) ---------
 * Results equal numc's single-process functions on the gathered array bit for bit, for any
 * number of ranks; docs/mpi.md gives the communication of each. */
#include "sort.h"
#include "stats.h"

/* Sorted copy / sorting indices along axis, always stable: equal to nd_sort / nd_argsort
 * (a, axis, ND_SORT_STABLE) of the gathered array (equal keys keep their global order, so
 * signed zeros and NaN payloads too; NaNs last, complex lexicographic, numc's order).
 *   - ND_AXIS_NONE (and the axis of a 1-D array): a sample sort of the flattened array
 *     (local stable argsort, P samples per rank, P - 1 splitters, one MPI_Alltoallv, a
 *     local sort of the received runs, a rebalancing MPI_Alltoallv); the result is 1-D,
 *     BLOCK with the default block (nd_dist_block(0)); argsort's values are global flat
 *     indices (int64). A CYCLIC2D array, or a BLOCK array whose ranks do not hold
 *     contiguous runs of the flattening, is redistributed along axis 0 first.
 *   - another axis of a BLOCK array: each rank sorts its piece, no communication; the
 *     result has a's distribution.
 *   - the distributed axis of an N-D array (or any axis of CYCLIC2D): redistributed along
 *     the longest other axis, sorted locally and redistributed back (two all-to-alls).
 *   - REPLICATED: numc on every rank, the result REPLICATED.
 * Every dtype numc sorts (bool, integers, floats, complex). ND_EAXIS for a bad axis. */
ND_MPI_API nd_dist *nd_dist_sort(const nd_dist *a, int axis);
ND_MPI_API nd_dist *nd_dist_argsort(const nd_dist *a, int axis);

/* numpy.percentile / quantile / nanpercentile / nanquantile of a distributed array, equal
 * to nd_percentile_ (...) of the gathered array with the same options, for every method of
 * nd_quantile_method. o->axis: ND_AXIS_NONE or one axis (o->axes must be empty); o->q or
 * o->qs (a replicated array); o->keepdims. Over everything or over the distributed axis
 * the order statistics are found by distributed selection (no gather): per reduced slice,
 * rounds of a weighted-median-of-medians pivot and a global count of the values below and
 * equal to it (O(log n) rounds of O(P) words), the last few thousand candidates gathered;
 * the result is REPLICATED. Over another axis of a BLOCK array: local, BLOCK along the
 * distributed axis (renumbered). Complex input: ND_EDTYPE. The warning bits of
 * nd_stats_warnings() (empty / all-NaN slices) are not set by the distributed paths. */
ND_MPI_API nd_dist *nd_dist_percentile(const nd_dist *a, const nd_quantile_opts *o);
ND_MPI_API nd_dist *nd_dist_quantile(const nd_dist *a, const nd_quantile_opts *o);
ND_MPI_API nd_dist *nd_dist_nanpercentile(const nd_dist *a, const nd_quantile_opts *o);
ND_MPI_API nd_dist *nd_dist_nanquantile(const nd_dist *a, const nd_quantile_opts *o);
/* numpy.median / nanmedian over axis (ND_AXIS_NONE: everything), equal to nd_median /
 * nd_nanmedian of the gathered array; the same selection and result layouts. */
ND_MPI_API nd_dist *nd_dist_median(const nd_dist *a, int axis);
ND_MPI_API nd_dist *nd_dist_nanmedian(const nd_dist *a, int axis);

/* numpy.histogram of the whole distributed array: *hist and *edges (either may be NULL)
 * are new nd_arrays on every rank, equal to nd_histogram_(gathered a, hist, edges, o) with
 * o->weights replaced by the distributed `weights` (NULL: none; else conforming to a).
 * o: bins, edges (a replicated array), range, density, max_bins, and the rules
 * ND_BINS_COUNT, STURGES, RICE, SQRT, FD and AUTO (FD's percentiles by distributed
 * selection). SCOTT and DOANE (which need numc's pairwise sums of the kept values) give
 * ND_EVALUE, and so does a non-NULL o->weights (pass `weights`). The edges come from the global
 * min / max (or range) with numc's own arithmetic; counts are MPI_Allreduce'd; weighted
 * sums are folded in numc's order (global flat C order, one bin sum per bin carried from
 * rank to rank: a pipeline of P - 1 messages of nbins words), so they are bit-identical
 * for any number of ranks. */
ND_MPI_API nd_status nd_dist_histogram(const nd_dist *a, const nd_dist *weights, nd_array **hist,
                                       nd_array **edges, const nd_hist_opts *o);

/* ---- Linear algebra (ScaLAPACK) (dist_linalg.c) ------------------------------------------
 * Dense linear algebra on distributed matrices through ScaLAPACK (PBLAS / BLACS). Inputs
 * may be in any distribution: each is redistributed (nd_dist_redistribute's one
 * all-to-all) into a working 2-D block-cyclic copy, the layout ScaLAPACK needs, and the
 * inputs are never modified. The working layout is
 *   - the first matrix argument's own when it is CYCLIC2D with square blocks (mb == nb),
 *   - else nd_dist_cyclic2d(pr, pc, nb, nb) on the most square grid (pr <= pc, pr * pc =
 *     P) with nb = 64, halved (down to 8) while nb * pc exceeds the largest extent, so
 *     that small matrices still spread over the grid.
 * Results: matrices come back CYCLIC2D in that working layout (redistribute them with
 * nd_dist_redistribute when another is wanted); 1-D results that are O(n) (eigenvalues,
 * singular values, residuals, rank) come back REPLICATED on every rank; a solution x for
 * a 1-D right-hand side is 1-D BLOCK along axis 0 (the default block).
 * Dtypes: matmul computes in float32, float64, complex64 or complex128 (the promoted
 * dtype of a and b: psgemm / pdgemm / pcgemm / pzgemm); bool and integer matrices are
 * ND_EDTYPE (cast them with nd_dist_astype). The decompositions and solvers compute in
 * float64: bool, integer and float32 inputs are converted to float64 and give float64
 * results (NumPy keeps float32); complex inputs are ND_EDTYPE.
 * Errors (every rank returns the same status and message): ND_EVALUE for NULL arguments
 * (a rank whose first argument is NULL cannot take part: it returns at once), arguments
 * that differ between ranks (the shape, dtype or distribution of an operand, uplo, rcond)
 * and operands over communicators that are not congruent; ND_ESHAPE for shapes that do
 * not line up and non-2-D matrices; ND_ELINALG for a non-square matrix where a square one
 * is needed, a singular matrix ("nd_dist_solve: singular matrix"), a matrix that is not
 * positive definite, and a decomposition that did not converge - like numc's nd_solve,
 * nd_cholesky, nd_eigh, nd_svd. All functions are collective over the first argument's
 * communicator. */

/* numpy.matmul of two 2-D matrices: a (M, K) @ b (K, N) -> (M, N), pdgemm. */
ND_MPI_API nd_dist *nd_dist_matmul(const nd_dist *a, const nd_dist *b);
/* numpy.linalg.solve: x with a @ x = b, pdgesv (LU with partial pivoting). a (M, M);
 * b (M, K) (K right-hand sides; x CYCLIC2D) or (M,) (x 1-D BLOCK). */
ND_MPI_API nd_dist *nd_dist_solve(const nd_dist *a, const nd_dist *b);
/* numpy.linalg.cholesky: lower-triangular L (zeros above the diagonal) with a = L @ L^T,
 * pdpotrf; only the lower triangle of a is read. ND_ELINALG "nd_dist_cholesky: matrix is
 * not positive definite" when it is not. */
ND_MPI_API nd_dist *nd_dist_cholesky(const nd_dist *a);
/* numpy.linalg.qr(a, mode='reduced') of a (M, N), K = min(M, N): q (M, K) with
 * orthonormal columns and upper-triangular r (K, N), a = q @ r (pdgeqrf + pdorgqr:
 * LAPACK's Householder convention, the same signs as numc's nd_qr in exact arithmetic).
 * q may be NULL (r only). */
ND_MPI_API nd_status nd_dist_qr(const nd_dist *a, nd_dist **q, nd_dist **r);
/* numpy.linalg.eigh of a real symmetric (M, M), pdsyevd: *w the eigenvalues ascending
 * (float64 (M,), REPLICATED) and *v the orthonormal eigenvectors as columns (M, M).
 * uplo 'L' (or 0) reads the lower triangle, 'U' the upper. v may be NULL (eigenvalues
 * only; pdsyevd computes the vectors anyway). Each eigenvector's sign is free. The
 * blocks may be smaller than the working layout's: pdsyevd needs every grid row and
 * column to hold part of the matrix (a matrix smaller than the grid is solved by LAPACK,
 * nd_eigh, on every rank). */
ND_MPI_API nd_status nd_dist_eigh(const nd_dist *a, char uplo, nd_dist **w, nd_dist **v);
/* numpy.linalg.svd(a, full_matrices=False) of a (M, N), K = min(M, N), pdgesvd:
 * a = u @ diag(s) @ vh with u (M, K), s (K,) descending (REPLICATED), vh (K, N). Pass
 * u = vh = NULL for the singular values only. The signs of paired singular vectors are
 * free. */
ND_MPI_API nd_status nd_dist_svd(const nd_dist *a, nd_dist **u, nd_dist **s, nd_dist **vh);

/* numpy.linalg.lstsq(a, b, rcond) for a (M, N) and b (M,) or (M, K). rcond < 0 selects
 * eps * max(M, N) (NumPy's rcond=None); singular values <= rcond * largest count as zero.
 * The singular values (pdgesvd) give s and the rank; a matrix of full rank (rank ==
 * min(M, N)) is solved by pdgels (QR when M >= N, LQ otherwise: the minimum-norm solution),
 * a rank-deficient one through its SVD (x = V diag(1/s) U^T b over the singular values
 * kept, the minimum-norm solution NumPy's gelsd gives). Results (free them with
 * nd_dist_lstsq_result_free):
 *   x          (N, K) CYCLIC2D, or (N,) BLOCK for a 1-D b;
 *   residuals  REPLICATED float64 (K,) (or (1,) for a 1-D b): the squared 2-norms of the
 *              residual columns when rank == N < M; else empty (0,), like NumPy;
 *   rank       REPLICATED 0-d int64;
 *   s          REPLICATED float64 (min(M, N),), descending. */
typedef struct nd_dist_lstsq_result {
    nd_dist *x, *residuals, *rank, *s;
} nd_dist_lstsq_result;
ND_MPI_API nd_status nd_dist_lstsq(const nd_dist *a, const nd_dist *b, double rcond, nd_dist_lstsq_result *out);
/* Free the four results and set them to NULL (collective, like nd_dist_free). NULL is a
 * no-op. */
ND_MPI_API void nd_dist_lstsq_result_free(nd_dist_lstsq_result *r);

/* ---- FFT (FFTW-MPI) (dist_fft.c) ----------------------------------------------------------
 * numpy.fft's n-dimensional transforms of a whole distributed array (every axis; fft2
 * and friends: a 2-D array, fftn: 2-D or more) through FFTW's MPI transforms, in double
 * precision: complex transforms give complex128 (float32 / complex64 inputs too; numc's
 * nd_fftn keeps single precision), rfft gives complex128, irfft float64.
 * Layout. FFTW-MPI works on ND_DIST_BLOCK along axis 0 with the default block ceil(n0/P).
 * An input in that layout is used as it is; an input BLOCK along axis 1 with the default
 * block is read "transposed in" (FFTW_MPI_TRANSPOSED_IN, for complex transforms and
 * irfft) without a redistribution; any other input is first redistributed to BLOCK along
 * axis 0. The result is BLOCK along axis 0 (default block), or with .transposed_out
 * (FFTW_MPI_TRANSPOSED_OUT: complex transforms and rfft) BLOCK along axis 1 (default
 * block): the same global array, one all-to-all cheaper (FFTW skips its last global
 * transpose; each rank reorders its own piece locally). A transposed-out forward result
 * fed to the inverse transform is read transposed in: the pair forward / pointwise
 * work / inverse costs two global transposes instead of four.
 * FFTW's own buffers (its padded r2c rows, the extra room its transposes ask for:
 * fftw_mpi_local_size*) are internal: every piece the user sees is an ordinary C-ordered
 * nd_array of the global shape cut along the distributed axis.
 * Options: `o` may be NULL (all defaults).
 *   .norm            ND_FFT_BACKWARD / ND_FFT_ORTHO / ND_FFT_FORWARD (NumPy's norm)
 *   .transposed_out  see above (ND_EVALUE for irfft)
 *   .last            irfft2 / irfftn: the output's last extent (NumPy's s[-1]; 0 means
 *                    2 * (m - 1) for an input whose last extent is m); the input's last
 *                    axis is cut or zero-padded to last / 2 + 1 like NumPy
 *   .planner         FFTW's planning effort (ND_FFT_ESTIMATE by default)
 * Errors: ND_EVALUE for extents of 0 ("invalid number of data points"), a 1-D array, 2-D
 * transforms of non-2-D arrays, options that differ between ranks; ND_EDTYPE for rfft of
 * a complex array. Collective over the input's communicator. */
#include "fft.h"
typedef struct nd_dist_fft_opts {
    nd_fft_norm norm;
    bool transposed_out;
    ptrdiff_t last;
    nd_fft_planner planner;
} nd_dist_fft_opts;
ND_MPI_API nd_dist *nd_dist_fftn(const nd_dist *a, const nd_dist_fft_opts *o);
ND_MPI_API nd_dist *nd_dist_ifftn(const nd_dist *a, const nd_dist_fft_opts *o);
/* Real input (a complex array is ND_EDTYPE): the last axis becomes n/2 + 1 long. */
ND_MPI_API nd_dist *nd_dist_rfftn(const nd_dist *a, const nd_dist_fft_opts *o);
/* The inverse of rfftn: a real result whose last extent is .last (or 2 (m - 1)). */
ND_MPI_API nd_dist *nd_dist_irfftn(const nd_dist *a, const nd_dist_fft_opts *o);
/* The same for 2-D arrays (ND_EVALUE for any other dimension). */
ND_MPI_API nd_dist *nd_dist_fft2(const nd_dist *a, const nd_dist_fft_opts *o);
ND_MPI_API nd_dist *nd_dist_ifft2(const nd_dist *a, const nd_dist_fft_opts *o);
ND_MPI_API nd_dist *nd_dist_rfft2(const nd_dist *a, const nd_dist_fft_opts *o);
ND_MPI_API nd_dist *nd_dist_irfft2(const nd_dist *a, const nd_dist_fft_opts *o);


/* ---- parallel I/O, CSV split, plotting (dist_io.c, dist_plot.c) ----------------------------
 * docs/mpi.md gives each one's I/O and communication volume. */

/* Write the global array to `path` as one NumPy .npy file, every rank at once (MPI-IO):
 * rank 0 writes the header (numc's nd_save header byte for byte: format 1.0, or 2.0 when
 * the header needs more than 65535 bytes, as NumPy chooses; C order, native byte order),
 * each rank writes its slab of axis-0 rows at its offset with MPI_File_write_at_all. The
 * file equals nd_save of the gathered array byte for byte. A BLOCK array along axis 0 and
 * a REPLICATED one (each rank writes a share) are written in place; other layouts are
 * redistributed to BLOCK(0) first. The bytes go to a temporary file in the same directory
 * (MPI_File_sync), which rank 0 renames over `path` only when every rank succeeded: a
 * failed write leaves an existing file intact and removes the temporary; the error agrees
 * on every rank. The path rank 0 passes is used. Collective. */
ND_MPI_API nd_status nd_dist_save_npy(const char *path, const nd_dist *d);

/* Read a .npy file (format 1.0, 2.0 or 3.0, any byte order, C order or a 1-D Fortran-order
 * file) every rank at once: rank 0 reads and parses the header and broadcasts it, each
 * rank reads its slab of BLOCK(0) rows with MPI_File_read_at_all. `dist` NULL: BLOCK along
 * axis 0 (no communication); another distribution is reached with one redistribution.
 * Element for element equal to nd_load(path). Errors (missing file, bad header, truncated
 * data, Fortran order with 2 or more dimensions: ND_EVALUE) agree on every rank. The path
 * rank 0 passes is used. Collective. */
ND_MPI_API nd_dist *nd_dist_load_npy(MPI_Comm comm, const char *path, const nd_distribution *dist);

/* numpy.loadtxt of a CSV / text file, read split by byte ranges: with the data starting at
 * byte s (after .skiprows lines and the header line, found by rank 0 and broadcast with the
 * delimiter) and L bytes of data, rank r parses the lines that START in
 * [s + r*L/N, s + (r+1)*L/N) with nd_loadtxt_buffer, and the rows are rebalanced (one
 * MPI_Alltoallv) to the standard BLOCK(0) layout. The result, a 2-D (rows, columns)
 * BLOCK(0) array of .dtype (float64 by default), equals
 *     nd_loadtxt(path, <the same options>, .ndmin = 2)
 * bit for bit. Options: those of nd_loadtxt (o may be NULL) except .max_rows, .usenames,
 * .missing and .stats (ND_EVALUE); .ndmin must be 0 or 2. Lines end in "\n" or "\r\n";
 * a quoted field must not hold a newline. A parse error names the line counted from the
 * start of the rank's byte range. Collective; errors agree. */
ND_MPI_API nd_dist *nd_dist_read_csv(MPI_Comm comm, const char *path, const nd_csv_opts *o);

/* M4 decimation of a distributed 1-D series y (BLOCK along axis 0 or REPLICATED; any real
 * dtype) for plotting it `width` pixel columns wide: element i lies in bucket
 * floor(i * width / n) and at x = x0 + (x1 - x0) * i / (n - 1) (x0 when n == 1). Of each
 * bucket's finite values the first, the lowest, the highest and the last (first
 * occurrences; in index order, repeated indices once) are kept; a bucket holding a
 * non-finite value is followed by one NaN point (x and y NaN; index -1), so the drawn
 * line breaks there. Each rank summarises its own slab (O(width) values) and the root
 * merges them: no element of y is sent. On `root`, *ox and *oy (and *oidx, int64 global
 * indices, when oidx is not NULL) are new float64 1-D arrays of at most 4 * width + width
 * points; on other ranks they are set to NULL (the pointers may be NULL there). width in
 * [1, 4194304]. Collective; errors agree. */
ND_MPI_API nd_status nd_dist_decimate_m4(const nd_dist *y, int width, double x0, double x1, int root,
                                         nd_array **ox, nd_array **oy, nd_array **oidx);

/* Draw y as a line on `ax` (an axes of <numc/plot.h>, used on rank 0; other ranks pass
 * NULL) from its M4 decimation over `width` buckets (nd_dist_decimate_m4 with root 0):
 * nplot_plot(ax, x, y, .fmt = fmt) of at most 5 * width points, whatever y's length.
 * A width of about the axes' width in pixels keeps the picture. ND_EVALUE when libnumc_mpi was built without libnumc_plot. Collective. */
typedef struct nplot_axes nplot_axes;
ND_MPI_API nd_status nd_dist_plot_line(nplot_axes *ax, const nd_dist *y, double x0, double x1, int width,
                                       const char *fmt);

#ifdef __cplusplus
}
#endif
#endif
