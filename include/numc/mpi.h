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

#ifdef __cplusplus
}
#endif
#endif
