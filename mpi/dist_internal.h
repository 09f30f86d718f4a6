/* libnumc_mpi's private header: the nd_dist struct and the helpers every collective of
 * mpi/ shares (error agreement, MPI error mapping, the layout arithmetic, BLACS grids and
 * ScaLAPACK descriptors). Internal: hidden symbols of libnumc_mpi.
 *
 * Note: libnumc's own internal functions (nd__* in core/array/internal.h) are hidden in
 * libnumc.so and cannot be called from here; mpi/ uses libnumc's public API plus the
 * macros and inline helpers of core/array/internal.h.
 *
 * The collective pattern every public function follows:
 *
 *     nd_status st = <validate the arguments locally, and nd__dist_check_same() the
 *                     arguments that must agree between ranks>;
 *     if ((st = nd__dist_agree(comm, st)) != ND_OK) return ...;   // all ranks leave
 *     ... communicate; every MPI return code goes through nd__mpi_status() ...
 *     st = nd__dist_agree(comm, st);                                 // again at the end
 *
 * so no rank ever waits in a collective that another rank skipped. */
#ifndef NUMC_MPI_DIST_INTERNAL_H
#define NUMC_MPI_DIST_INTERNAL_H

#include <mpi.h>
#include <numc/mpi.h>
#include <stdbool.h>
#include <stddef.h>

#include "internal.h"

/* The block size of CYCLIC2D when the distribution gives 0. */
#define ND_DIST_DEFAULT_MB 64

struct nd_dist {
    MPI_Comm comm;       /* duplicated from the user's, MPI_ERRORS_RETURN */
    int rank, nprocs;
    nd_dtype dtype;
    int ndim;
    ptrdiff_t shape[ND_MAXDIMS]; /* global */
    ptrdiff_t size;              /* global element count */
    nd_distribution dist;        /* resolved: axis >= 0, block > 0 (BLOCK); pr, pc, mb, nb > 0 */
    /* BLOCK and REPLICATED: global index of local element (0, ..., 0). CYCLIC2D: global
     * row and column of the first local element (meaningful when the piece is not empty). */
    ptrdiff_t offset[ND_MAXDIMS];
    int myrow, mycol;    /* CYCLIC2D: this rank's grid coordinates (rank / pc, rank % pc) */
    int blacs_ctxt;      /* CYCLIC2D: the BLACS grid over comm (Cblacs_gridinit); else -1 */
    int blacs_handle;    /* the BLACS system handle of comm (Csys2blacs_handle), or -1 */
    nd_array *local;     /* the piece, owned */
};

/* ---- errors ----------------------------------------------------------------------------- */

/* Collective error agreement: every rank passes its own status (ND_OK or an error whose
 * message is in nd_errmsg()). Returns ND_OK on every rank when all passed ND_OK; else every
 * rank returns the status of the lowest failing rank R with nd_errmsg() set to
 * "rank R: <R's message>" (R's message is broadcast). If the agreement itself cannot
 * communicate, the local status (or ND_EIO naming the MPI error) is returned. */
ND_INTERNAL ND_WARN_UNUSED nd_status nd__dist_agree(MPI_Comm comm, nd_status local);

/* An MPI return code as a numc status: MPI_SUCCESS -> ND_OK, else ND_EIO with
 * "<who>: <call> failed: <MPI_Error_string>" as the message. */
ND_INTERNAL ND_WARN_UNUSED nd_status nd__mpi_status(int rc, const char *who, const char *call);

/* Check that `n` bytes at `p` are the same on every rank of comm (rank 0's bytes are
 * broadcast and compared). ND_OK where they equal rank 0's, else ND_EVALUE with
 * "<who>: <what> differs from rank 0's" (the caller then agrees). An MPI failure is
 * ND_EIO. Collective. */
ND_INTERNAL ND_WARN_UNUSED nd_status nd__dist_check_same(MPI_Comm comm, const void *p, size_t n,
                                                         const char *who, const char *what);

/* ---- construction ----------------------------------------------------------------------- */

/* Validate (locally) a global shape, dtype and distribution for `nprocs` ranks and
 * resolve the defaults into *out. ND_OK or an error naming `who`. Not collective. */
ND_INTERNAL ND_WARN_UNUSED nd_status nd__dist_resolve(int ndim, const ptrdiff_t *shape, nd_dtype dt,
                                                      const nd_distribution *dist, int nprocs,
                                                      nd_distribution *out, const char *who);

/* The collective constructor the public ones use: checks the arguments are valid and the
 * same on every rank, duplicates comm (MPI_ERRORS_RETURN), creates the BLACS grid for
 * CYCLIC2D, allocates the local piece (uninitialised) through numc's hooks. Errors agree:
 * *out is NULL on every rank on failure. */
ND_INTERNAL ND_WARN_UNUSED nd_status nd__dist_new(MPI_Comm comm, int ndim, const ptrdiff_t *shape,
                                                  nd_dtype dt, const nd_distribution *dist,
                                                  nd_dist **out, const char *who);

/* nd__dist_new for a caller that has checked its own arguments first: `pre` is this rank's
 * status (its message in nd_errmsg()); a failing rank takes part in the agreement, so that
 * every rank returns the lowest failing rank's error. */
ND_INTERNAL ND_WARN_UNUSED nd_status nd__dist_new_checked(MPI_Comm comm, nd_status pre, int ndim,
                                                          const ptrdiff_t *shape, nd_dtype dt,
                                                          const nd_distribution *dist, nd_dist **out,
                                                          const char *who);

/* The same around a local piece the caller already has (e.g. allocated with
 * fftw_malloc): `local` must have exactly the shape and dtype the distribution gives this
 * rank (nd__dist_local_shape); the nd_dist takes ownership of it (also on failure).
 * Collective. */
ND_INTERNAL ND_WARN_UNUSED nd_status nd__dist_adopt(MPI_Comm comm, int ndim, const ptrdiff_t *shape,
                                                    nd_dtype dt, const nd_distribution *dist,
                                                    nd_array *local, nd_dist **out,
                                                    const char *who);

/* An nd_dist like `a` (communicator congruent: duplicated again) but with dtype dt and
 * an uninitialised piece. Collective. */
ND_INTERNAL ND_WARN_UNUSED nd_status nd__dist_new_like(const nd_dist *a, nd_dtype dt,
                                                       nd_dist **out, const char *who);

/* ---- layout arithmetic (pure, not collective) ------------------------------------------ */

/* BLOCK: the range [lo, hi) of an axis of extent n that rank r owns with block b. */
static inline void nd__dist_block_range(ptrdiff_t n, ptrdiff_t b, int r, ptrdiff_t *lo, ptrdiff_t *hi)
{
    ptrdiff_t l = (ptrdiff_t)r * b, h = l + b;
    if (l > n) l = n;
    if (h > n) h = n;
    *lo = l;
    *hi = h;
}

/* ScaLAPACK's NUMROC: how many of n rows (or columns) in blocks of nb the process at grid
 * coordinate p of np holds, with the first block on process 0. */
static inline ptrdiff_t nd__dist_numroc(ptrdiff_t n, ptrdiff_t nb, int p, int np)
{
    ptrdiff_t nblocks = n / nb, r = (nblocks / np) * nb;
    ptrdiff_t extra = nblocks % np;
    if (p < extra) r += nb;
    else if (p == extra) r += n % nb;
    return r;
}
/* Block-cyclic index maps (first block on process 0): global g -> owner and local index;
 * local l on process p -> global. */
static inline int nd__dist_cyc_owner(ptrdiff_t g, ptrdiff_t nb, int np) { return (int)((g / nb) % np); }
static inline ptrdiff_t nd__dist_cyc_g2l(ptrdiff_t g, ptrdiff_t nb, int np)
{
    return (g / (nb * np)) * nb + g % nb;
}
static inline ptrdiff_t nd__dist_cyc_l2g(ptrdiff_t l, ptrdiff_t nb, int p, int np)
{
    return ((l / nb) * np + p) * nb + l % nb;
}

/* The shape of rank r's piece (ndim extents) for a resolved distribution. */
ND_INTERNAL void nd__dist_local_shape(int ndim, const ptrdiff_t *shape, const nd_distribution *rd,
                                      int r, ptrdiff_t *lshape);

/* The MPI datatype of one element of dt (complex: MPI_C_DOUBLE_COMPLEX / MPI_C_FLOAT_COMPLEX,
 * bool: MPI_C_BOOL). */
ND_INTERNAL MPI_Datatype nd__dist_mpi_type(nd_dtype dt);

/* ---- moving elements (dist_redistribute.c) ------------------------------------------------
 * A "global view" is a set of elements of the global array given as a product of per-axis
 * ascending lists of global indices, with where each element lives in some memory: element
 * (g[0][i0], ..., g[nd-1][i_nd-1]) is at base + sum_k i_k * stride[k]. A rank's piece, the
 * whole global array on a root, and a packed message buffer are all global views, and
 * copying between two views copies exactly the elements both hold. Messages are packed in
 * the C order of the global indices of the intersection, so sender and receiver agree
 * without sending indices. */
typedef struct nd__gview {
    int ndim;
    ptrdiff_t n[ND_MAXDIMS];         /* list lengths */
    ptrdiff_t *g[ND_MAXDIMS];        /* ascending global indices (owned: nd__gview_free) */
    ptrdiff_t stride[ND_MAXDIMS];    /* byte strides for positions in the lists */
    char *base;                      /* NULL for an index set without memory */
} nd__gview;

/* Rank r's piece of d: its index lists; base and strides of the local array when r is this
 * rank, else base NULL. */
ND_INTERNAL ND_WARN_UNUSED nd_status nd__gview_of_rank(const nd_dist *d, int r, nd__gview *out);
/* The full index space of a shape over an array's memory (base, byte strides). */
ND_INTERNAL ND_WARN_UNUSED nd_status nd__gview_full(int ndim, const ptrdiff_t *shape, char *base,
                                                    const ptrdiff_t *strides, nd__gview *out);
/* The intersection of a and b as a packed C-order buffer of isz-byte elements at base
 * (base may be set later); *count = its element count. */
ND_INTERNAL ND_WARN_UNUSED nd_status nd__gview_isect(const nd__gview *a, const nd__gview *b, size_t isz,
                                                     char *base, nd__gview *out, ptrdiff_t *count);
/* Copy every element held by both views from src to dst (isz bytes each); ND_ENOMEM when
 * its scratch cannot be allocated. */
ND_INTERNAL ND_WARN_UNUSED nd_status nd__gview_copy(const nd__gview *dst, const nd__gview *src, size_t isz);
ND_INTERNAL void nd__gview_free(nd__gview *v);

/* A committed MPI datatype of `isz` contiguous bytes (free with MPI_Type_free). */
ND_INTERNAL ND_WARN_UNUSED nd_status nd__dist_byte_type(size_t isz, MPI_Datatype *t, const char *who);

/* Move the elements of `src` into `dst` (same global shape and dtype, any two
 * distributions, same communicator size): one MPI_Alltoallv. Collective; errors agree. */
ND_INTERNAL ND_WARN_UNUSED nd_status nd__dist_move(const nd_dist *src, nd_dist *dst, const char *who);

/* ---- elementwise (dist_ufunc.c) ------------------------------------------------------------ */

/* The part of a replicated array `a` (broadcastable to ref's global shape without growing
 * it) that lines up with ref's local piece: a view (BLOCK: a slice of the distributed
 * axis) or a copy (CYCLIC2D: the local rows / columns taken); a reference to `a` itself
 * for REPLICATED. ND_ESHAPE naming both when it does not broadcast. Not collective. */
ND_INTERNAL ND_WARN_UNUSED nd_status nd__dist_local_part(const nd_dist *ref, const nd_array *a, nd_array **out,
                                                         const char *who);

/* ---- ScaLAPACK -------------------------------------------------------------------------- */

/* The 9-integer ScaLAPACK array descriptor of a CYCLIC2D nd_dist (DESCINIT: dtype 1,
 * its BLACS context, global m, n, mb, nb, rsrc = csrc = 0, lld). ND_EVALUE for other kinds,
 * ND_EVALUE naming the extent when a size does not fit in a Fortran int. Not collective. */
ND_INTERNAL ND_WARN_UNUSED nd_status nd__dist_descinit(const nd_dist *d, int desc[9]);

/* BLACS (the C interface of ScaLAPACK's libblacs). */
int Csys2blacs_handle(MPI_Comm comm);
void Cfree_blacs_system_handle(int handle);
void Cblacs_gridinit(int *context, const char *order, int nprow, int npcol);
void Cblacs_gridinfo(int context, int *nprow, int *npcol, int *myrow, int *mycol);
void Cblacs_gridexit(int context);
void descinit_(int *desc, const int *m, const int *n, const int *mb, const int *nb, const int *irsrc,
               const int *icsrc, const int *ictxt, const int *lld, int *info);

#endif
