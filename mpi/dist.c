/* The nd_dist object: construction, accessors, index maps, the collective error agreement
 * and the ScaLAPACK descriptor. */
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "dist_internal.h"

/* ---- errors ----------------------------------------------------------------------------- */

nd_status nd__mpi_status(int rc, const char *who, const char *call)
{
    if (rc == MPI_SUCCESS) return ND_OK;
    char es[MPI_MAX_ERROR_STRING];
    int len = 0;
    if (MPI_Error_string(rc, es, &len) != MPI_SUCCESS) snprintf(es, sizeof es, "MPI error %d", rc);
    return nd_set_error(ND_EIO, "%s: %s failed: %s", who, call, es);
}

/* Is msg already "rank R: ..." (an agreement nested inside another)? */
static bool has_rank_prefix(const char *msg)
{
    if (strncmp(msg, "rank ", 5) != 0) return false;
    const char *p = msg + 5;
    if (*p < '0' || *p > '9') return false;
    while (*p >= '0' && *p <= '9') p++;
    return p[0] == ':' && p[1] == ' ';
}

nd_status nd__dist_agree(MPI_Comm comm, nd_status local)
{
    int rank = 0, size = 1;
    int rc = MPI_Comm_rank(comm, &rank);
    if (rc == MPI_SUCCESS) rc = MPI_Comm_size(comm, &size);
    if (rc != MPI_SUCCESS) return local != ND_OK ? local : nd__mpi_status(rc, "nd_dist", "MPI_Comm_rank");
    struct {
        int v, i;
    } in = { local != ND_OK ? rank : size, (int)local }, out = { size, 0 };
    rc = MPI_Allreduce(&in, &out, 1, MPI_2INT, MPI_MINLOC, comm);
    if (rc != MPI_SUCCESS) return local != ND_OK ? local : nd__mpi_status(rc, "nd_dist", "MPI_Allreduce");
    if (out.v >= size) return ND_OK;
    char msg[1024];
    msg[0] = '\0';
    if (rank == out.v) snprintf(msg, sizeof msg, "%s", nd_errmsg());
    rc = MPI_Bcast(msg, (int)sizeof msg, MPI_CHAR, out.v, comm);
    if (rc != MPI_SUCCESS) snprintf(msg, sizeof msg, "(the message could not be sent)");
    msg[sizeof msg - 1] = '\0';
    if (has_rank_prefix(msg)) return nd_set_error((nd_status)out.i, "%s", msg);
    return nd_set_error((nd_status)out.i, "rank %d: %s", out.v, msg);
}

nd_status nd__dist_check_same(MPI_Comm comm, const void *p, size_t n, const char *who, const char *what)
{
    if (n > INT_MAX) return nd_set_error(ND_EVALUE, "%s: %s too large to compare", who, what);
    unsigned char stackbuf[512], *mine = stackbuf;
    if (n > sizeof stackbuf) {
        mine = nd_malloc(n, who);
        if (!mine) return ND_ENOMEM;
    }
    memcpy(mine, p, n);
    nd_status st = nd__mpi_status(MPI_Bcast(mine, (int)n, MPI_BYTE, 0, comm), who, "MPI_Bcast");
    if (st == ND_OK && memcmp(mine, p, n) != 0)
        st = nd_set_error(ND_EVALUE, "%s: %s differs from rank 0's (a collective call needs the same "
                          "arguments on every rank)", who, what);
    if (mine != stackbuf) nd_free_mem(mine);
    return st;
}

/* ---- layout ----------------------------------------------------------------------------- */

MPI_Datatype nd__dist_mpi_type(nd_dtype dt)
{
    switch (dt) {
    case ND_BOOL: return MPI_C_BOOL;
    case ND_INT8: return MPI_INT8_T;
    case ND_INT16: return MPI_INT16_T;
    case ND_INT32: return MPI_INT32_T;
    case ND_INT64: return MPI_INT64_T;
    case ND_UINT8: return MPI_UINT8_T;
    case ND_UINT16: return MPI_UINT16_T;
    case ND_UINT32: return MPI_UINT32_T;
    case ND_UINT64: return MPI_UINT64_T;
    case ND_FLOAT32: return MPI_FLOAT;
    case ND_FLOAT64: return MPI_DOUBLE;
    case ND_COMPLEX64: return MPI_C_FLOAT_COMPLEX;
    case ND_COMPLEX128: return MPI_C_DOUBLE_COMPLEX;
    default: return MPI_DATATYPE_NULL;
    }
}

static void most_square_grid(int p, int *pr, int *pc)
{
    int r = 1;
    for (int k = 1; (long)k * k <= p; k++)
        if (p % k == 0) r = k;
    *pr = r;
    *pc = p / r;
}

nd_status nd__dist_resolve(int ndim, const ptrdiff_t *shape, nd_dtype dt, const nd_distribution *dist,
                           int nprocs, nd_distribution *out, const char *who)
{
    if (!nd_dtype_is_numeric((int)dt)) return nd_set_error(ND_EDTYPE, "%s: invalid dtype %d", who, (int)dt);
    if (ndim < 0 || ndim > ND_MAXDIMS)
        return nd_set_error(ND_EVALUE, "%s: ndim %d out of range [0, %d]", who, ndim, ND_MAXDIMS);
    if (ndim > 0 && !shape) return nd_set_error(ND_EVALUE, "%s: shape is NULL", who);
    if (nprocs < 1) return nd_set_error(ND_EVALUE, "%s: %d ranks", who, nprocs);
    ptrdiff_t total = 1;
    for (int k = 0; k < ndim; k++) {
        if (shape[k] < 0)
            return nd_set_error(ND_EVALUE, "%s: negative extent %td on axis %d", who, shape[k], k);
        if (shape[k] > 0 && total > PTRDIFF_MAX / shape[k] / (ptrdiff_t)nd_dtype_size(dt))
            return nd_set_error(ND_ENOMEM, "%s: the global array is too large", who);
        total *= shape[k];
    }
    nd_distribution d = dist ? *dist : nd_dist_block(0);
    switch (d.kind) {
    case ND_DIST_BLOCK: {
        if (ndim == 0)
            return nd_set_error(ND_EVALUE, "%s: a 0-d array cannot be block-distributed "
                                "(use nd_dist_replicated())", who);
        int ax = d.axis < 0 ? d.axis + ndim : d.axis;
        if (ax < 0 || ax >= ndim)
            return nd_set_error(ND_EAXIS, "%s: axis %d out of range for %d dimensions", who, d.axis, ndim);
        ptrdiff_t n = shape[ax];
        ptrdiff_t b = d.block;
        if (b < 0) return nd_set_error(ND_EVALUE, "%s: block %td is negative", who, b);
        if (b == 0) b = n == 0 ? 1 : (n + nprocs - 1) / nprocs;
        if (b < (n + nprocs - 1) / nprocs)
            return nd_set_error(ND_EVALUE, "%s: block %td is too small for %td indices over %d ranks "
                                "(needs block * ranks >= n)", who, b, n, nprocs);
        d.axis = ax;
        d.block = b;
        d.pr = d.pc = 0;
        d.mb = d.nb = 0;
        break;
    }
    case ND_DIST_CYCLIC2D:
        if (ndim != 2)
            return nd_set_error(ND_EVALUE, "%s: the 2-D block-cyclic distribution needs a 2-D array, "
                                "not %d-D", who, ndim);
        if (d.pr < 0 || d.pc < 0 || (d.pr == 0) != (d.pc == 0))
            return nd_set_error(ND_EVALUE, "%s: process grid %d x %d: give both (> 0) or neither",
                                who, d.pr, d.pc);
        if (d.pr == 0) most_square_grid(nprocs, &d.pr, &d.pc);
        if ((long)d.pr * d.pc != nprocs)
            return nd_set_error(ND_EVALUE, "%s: process grid %d x %d does not have %d ranks", who, d.pr,
                                d.pc, nprocs);
        if (d.mb < 0 || d.nb < 0)
            return nd_set_error(ND_EVALUE, "%s: negative block size %td x %td", who, d.mb, d.nb);
        if (d.mb == 0) d.mb = ND_DIST_DEFAULT_MB;
        if (d.nb == 0) d.nb = ND_DIST_DEFAULT_MB;
        if (d.mb > INT_MAX || d.nb > INT_MAX || shape[0] > INT_MAX || shape[1] > INT_MAX)
            return nd_set_error(ND_EVALUE, "%s: 2-D block-cyclic sizes must fit ScaLAPACK's int", who);
        d.axis = 0;
        d.block = 0;
        break;
    case ND_DIST_REPLICATED:
        d.axis = 0;
        d.block = 0;
        d.pr = d.pc = 0;
        d.mb = d.nb = 0;
        break;
    default: return nd_set_error(ND_EVALUE, "%s: unknown distribution kind %d", who, (int)d.kind);
    }
    *out = d;
    return ND_OK;
}

void nd__dist_local_shape(int ndim, const ptrdiff_t *shape, const nd_distribution *rd, int r,
                          ptrdiff_t *lshape)
{
    for (int k = 0; k < ndim; k++) lshape[k] = shape[k];
    if (rd->kind == ND_DIST_BLOCK) {
        ptrdiff_t lo, hi;
        nd__dist_block_range(shape[rd->axis], rd->block, r, &lo, &hi);
        lshape[rd->axis] = hi - lo;
    } else if (rd->kind == ND_DIST_CYCLIC2D) {
        lshape[0] = nd__dist_numroc(shape[0], rd->mb, r / rd->pc, rd->pr);
        lshape[1] = nd__dist_numroc(shape[1], rd->nb, r % rd->pc, rd->pc);
    }
}

/* The canonical argument record compared between ranks (no padding bytes). */
static void pack_args(int64_t *rec, int ndim, const ptrdiff_t *shape, nd_dtype dt, const nd_distribution *rd)
{
    memset(rec, 0, sizeof(int64_t) * (ND_MAXDIMS + 9));
    rec[0] = ndim;
    rec[1] = dt;
    rec[2] = rd->kind;
    rec[3] = rd->axis;
    rec[4] = rd->block;
    rec[5] = rd->pr;
    rec[6] = rd->pc;
    rec[7] = rd->mb;
    rec[8] = rd->nb;
    for (int k = 0; k < ndim; k++) rec[9 + k] = shape[k];
}

static void free_struct(nd_dist *d)
{
    if (!d) return;
    if (d->blacs_ctxt >= 0) Cblacs_gridexit(d->blacs_ctxt);
    if (d->blacs_handle >= 0) Cfree_blacs_system_handle(d->blacs_handle);
    if (d->comm != MPI_COMM_NULL) MPI_Comm_free(&d->comm);
    nd_free(d->local);
    nd_free_mem(d);
}

/* Allocate the piece (uninitialised): C order, or Fortran order for CYCLIC2D. */
static nd_array *alloc_piece(const nd_dist *d, const ptrdiff_t *lshape)
{
    if (d->dist.kind != ND_DIST_CYCLIC2D) return (nd_empty)(d->ndim, lshape, d->dtype);
    ptrdiff_t ts[2] = { lshape[1], lshape[0] };
    nd_array *t = (nd_empty)(2, ts, d->dtype);
    if (!t) return NULL;
    nd_array *v = (nd_transpose)(t, NULL);
    nd_free(t);
    return v;
}

static nd_status dist_new(MPI_Comm comm, nd_status pre, int ndim, const ptrdiff_t *shape, nd_dtype dt,
                          const nd_distribution *dist, nd_array *adopt, nd_dist **out, const char *who)
{
    *out = NULL;
    char premsg[1024];
    if (pre != ND_OK) snprintf(premsg, sizeof premsg, "%s", nd_errmsg());
    if (comm == MPI_COMM_NULL) {
        nd_free(adopt);
        return nd_set_error(ND_EVALUE, "%s: the communicator is MPI_COMM_NULL", who);
    }
    nd_dist *d = nd_calloc(1, sizeof *d, who);
    MPI_Comm dup = MPI_COMM_NULL;
    int rc = MPI_Comm_dup(comm, &dup);
    if (rc != MPI_SUCCESS) {
        /* Without a communicator there is nobody to agree with: report locally. */
        nd_free_mem(d);
        nd_free(adopt);
        return nd__mpi_status(rc, who, "MPI_Comm_dup");
    }
    MPI_Comm_set_errhandler(dup, MPI_ERRORS_RETURN);
    nd_status st = d ? pre : ND_ENOMEM;
    if (d && pre != ND_OK) nd_set_error(pre, "%s", premsg);
    if (d && pre == ND_OK) {
        d->comm = dup;
        d->blacs_ctxt = d->blacs_handle = -1;
        d->local = adopt;
        adopt = NULL;
        MPI_Comm_rank(dup, &d->rank);
        MPI_Comm_size(dup, &d->nprocs);
        st = nd__dist_resolve(ndim, shape, dt, dist, d->nprocs, &d->dist, who);
    } else if (d) {
        d->comm = dup;
        d->blacs_ctxt = d->blacs_handle = -1;
        d->local = adopt;
        adopt = NULL;
    }
    /* The arguments must be the same everywhere (a rank that already failed sends zeros). */
    int64_t rec[ND_MAXDIMS + 9];
    if (st == ND_OK) pack_args(rec, ndim, shape, dt, &d->dist);
    else memset(rec, 0, sizeof rec);
    if (st == ND_OK) {
        st = nd__dist_check_same(dup, rec, sizeof rec, who, "the shape, dtype or distribution");
    } else { /* take part in the comparison, keep this rank's own error */
        char keep[1024];
        snprintf(keep, sizeof keep, "%s", nd_errmsg());
        nd_status ignored = nd__dist_check_same(dup, rec, sizeof rec, who, "the shape, dtype or distribution");
        (void)ignored;
        nd_set_error(st, "%s", keep);
    }
    st = nd__dist_agree(dup, st);
    if (st != ND_OK) {
        if (d) free_struct(d);
        else MPI_Comm_free(&dup);
        nd_free(adopt);
        return st;
    }
    d->dtype = dt;
    d->ndim = ndim;
    d->size = 1;
    for (int k = 0; k < ndim; k++) {
        d->shape[k] = shape[k];
        d->size *= shape[k];
    }
    if (d->dist.kind == ND_DIST_BLOCK) {
        ptrdiff_t hi;
        nd__dist_block_range(shape[d->dist.axis], d->dist.block, d->rank, &d->offset[d->dist.axis], &hi);
    } else if (d->dist.kind == ND_DIST_CYCLIC2D) {
        d->myrow = d->rank / d->dist.pc;
        d->mycol = d->rank % d->dist.pc;
        d->offset[0] = (ptrdiff_t)d->myrow * d->dist.mb;
        d->offset[1] = (ptrdiff_t)d->mycol * d->dist.nb;
        d->blacs_handle = Csys2blacs_handle(dup);
        int ctxt = d->blacs_handle;
        Cblacs_gridinit(&ctxt, "R", d->dist.pr, d->dist.pc);
        d->blacs_ctxt = ctxt;
        int npr = -1, npc = -1, r = -1, c = -1;
        if (ctxt >= 0) Cblacs_gridinfo(ctxt, &npr, &npc, &r, &c);
        if (ctxt < 0 || npr != d->dist.pr || npc != d->dist.pc || r != d->myrow || c != d->mycol)
            st = nd_set_error(ND_EIO, "%s: the BLACS grid %d x %d places this rank at (%d, %d), "
                              "expected (%d, %d)", who, npr, npc, r, c, d->myrow, d->mycol);
    }
    ptrdiff_t lshape[ND_MAXDIMS];
    nd__dist_local_shape(ndim, shape, &d->dist, d->rank, lshape);
    if (st == ND_OK && d->local) {
        bool ok = nd_dtype_of(d->local) == dt && nd_ndim(d->local) == ndim;
        for (int k = 0; ok && k < ndim; k++) ok = nd_shape(d->local)[k] == lshape[k];
        if (ok && d->dist.kind == ND_DIST_CYCLIC2D) ok = nd_is_f_contiguous(d->local);
        if (!ok) st = nd_set_error(ND_ESHAPE, "%s: the adopted local piece does not have this rank's "
                                   "shape and dtype", who);
    } else if (st == ND_OK) {
        d->local = alloc_piece(d, lshape);
        if (!d->local) st = nd_last_error() != ND_OK ? nd_last_error() : ND_ENOMEM;
    }
    st = nd__dist_agree(dup, st);
    if (st != ND_OK) {
        free_struct(d);
        return st;
    }
    *out = d;
    return ND_OK;
}

nd_status nd__dist_new(MPI_Comm comm, int ndim, const ptrdiff_t *shape, nd_dtype dt,
                       const nd_distribution *dist, nd_dist **out, const char *who)
{
    return dist_new(comm, ND_OK, ndim, shape, dt, dist, NULL, out, who);
}

nd_status nd__dist_new_checked(MPI_Comm comm, nd_status pre, int ndim, const ptrdiff_t *shape, nd_dtype dt,
                               const nd_distribution *dist, nd_dist **out, const char *who)
{
    return dist_new(comm, pre, ndim, shape, dt, dist, NULL, out, who);
}

nd_status nd__dist_adopt(MPI_Comm comm, int ndim, const ptrdiff_t *shape, nd_dtype dt,
                         const nd_distribution *dist, nd_array *local, nd_dist **out, const char *who)
{
    if (!local) {
        *out = NULL;
        return nd_set_error(ND_EVALUE, "%s: the local piece is NULL", who);
    }
    return dist_new(comm, ND_OK, ndim, shape, dt, dist, local, out, who);
}

nd_status nd__dist_new_like(const nd_dist *a, nd_dtype dt, nd_dist **out, const char *who)
{
    return dist_new(a->comm, ND_OK, a->ndim, a->shape, dt, &a->dist, NULL, out, who);
}

void nd_dist_free(nd_dist *d) { free_struct(d); }

/* ---- accessors -------------------------------------------------------------------------- */

#define NULL_CHECK(d, who, ret)                                                   \
    do {                                                                          \
        if (!(d)) {                                                               \
            nd_set_error(ND_EVALUE, "%s: the distributed array is NULL", who);    \
            return ret;                                                           \
        }                                                                         \
    } while (0)

nd_array *nd_dist_local(const nd_dist *d)
{
    NULL_CHECK(d, "nd_dist_local", NULL);
    return d->local;
}
MPI_Comm nd_dist_comm(const nd_dist *d)
{
    NULL_CHECK(d, "nd_dist_comm", MPI_COMM_NULL);
    return d->comm;
}
int nd_dist_rank(const nd_dist *d)
{
    NULL_CHECK(d, "nd_dist_rank", -1);
    return d->rank;
}
int nd_dist_nprocs(const nd_dist *d)
{
    NULL_CHECK(d, "nd_dist_nprocs", 0);
    return d->nprocs;
}
int nd_dist_ndim(const nd_dist *d)
{
    NULL_CHECK(d, "nd_dist_ndim", -1);
    return d->ndim;
}
const ptrdiff_t *nd_dist_shape(const nd_dist *d)
{
    NULL_CHECK(d, "nd_dist_shape", NULL);
    return d->shape;
}
ptrdiff_t nd_dist_size(const nd_dist *d)
{
    NULL_CHECK(d, "nd_dist_size", -1);
    return d->size;
}
nd_dtype nd_dist_dtype(const nd_dist *d)
{
    NULL_CHECK(d, "nd_dist_dtype", ND_NTYPES);
    return d->dtype;
}
nd_distribution nd_dist_distribution(const nd_dist *d)
{
    if (!d) {
        nd_set_error(ND_EVALUE, "nd_dist_distribution: the distributed array is NULL");
        return nd_dist_block(0);
    }
    return d->dist;
}
nd_dist_kind nd_dist_get_kind(const nd_dist *d)
{
    NULL_CHECK(d, "nd_dist_get_kind", ND_DIST_BLOCK);
    return d->dist.kind;
}
ptrdiff_t nd_dist_lld(const nd_dist *d)
{
    NULL_CHECK(d, "nd_dist_lld", 0);
    const ptrdiff_t *ls = nd_shape(d->local);
    ptrdiff_t v = d->dist.kind == ND_DIST_CYCLIC2D ? ls[0] : (d->ndim > 0 ? ls[d->ndim - 1] : 1);
    return v > 1 ? v : 1;
}
const ptrdiff_t *nd_dist_local_offset(const nd_dist *d)
{
    NULL_CHECK(d, "nd_dist_local_offset", NULL);
    return d->offset;
}

nd_status nd_dist_local_shape(const nd_dist *d, int rank, ptrdiff_t *lshape)
{
    if (!d || (!lshape && d->ndim > 0)) return nd_set_error(ND_EVALUE, "nd_dist_local_shape: NULL argument");
    if (rank < 0 || rank >= d->nprocs)
        return nd_set_error(ND_EINDEX, "nd_dist_local_shape: rank %d out of range [0, %d)", rank, d->nprocs);
    nd__dist_local_shape(d->ndim, d->shape, &d->dist, rank, lshape);
    return ND_OK;
}

nd_status nd_dist_range(const nd_dist *d, int rank, ptrdiff_t *lo, ptrdiff_t *hi)
{
    if (!d || !lo || !hi) return nd_set_error(ND_EVALUE, "nd_dist_range: NULL argument");
    if (rank < 0 || rank >= d->nprocs)
        return nd_set_error(ND_EINDEX, "nd_dist_range: rank %d out of range [0, %d)", rank, d->nprocs);
    switch (d->dist.kind) {
    case ND_DIST_BLOCK: nd__dist_block_range(d->shape[d->dist.axis], d->dist.block, rank, lo, hi); return ND_OK;
    case ND_DIST_REPLICATED:
        *lo = 0;
        *hi = d->ndim > 0 ? d->shape[0] : 1;
        return ND_OK;
    default:
        return nd_set_error(ND_EVALUE, "nd_dist_range: a 2-D block-cyclic array's rows are not one range "
                            "(use nd_dist_owner or nd_dist_global_to_local)");
    }
}

static bool gidx_ok(const nd_dist *d, const ptrdiff_t *g, const char *who)
{
    if (!g && d->ndim > 0) {
        nd_set_error(ND_EVALUE, "%s: index is NULL", who);
        return false;
    }
    for (int k = 0; k < d->ndim; k++)
        if (g[k] < 0 || g[k] >= d->shape[k]) {
            nd_set_error(ND_EINDEX, "%s: index %td out of range for axis %d of extent %td", who, g[k], k,
                         d->shape[k]);
            return false;
        }
    return true;
}

int nd_dist_owner(const nd_dist *d, const ptrdiff_t *gidx)
{
    NULL_CHECK(d, "nd_dist_owner", -1);
    if (!gidx_ok(d, gidx, "nd_dist_owner")) return -1;
    switch (d->dist.kind) {
    case ND_DIST_BLOCK: return (int)(gidx[d->dist.axis] / d->dist.block);
    case ND_DIST_CYCLIC2D:
        return nd__dist_cyc_owner(gidx[0], d->dist.mb, d->dist.pr) * d->dist.pc +
               nd__dist_cyc_owner(gidx[1], d->dist.nb, d->dist.pc);
    default: return d->rank;
    }
}

bool nd_dist_global_to_local(const nd_dist *d, const ptrdiff_t *gidx, ptrdiff_t *lidx)
{
    NULL_CHECK(d, "nd_dist_global_to_local", false);
    if (!gidx_ok(d, gidx, "nd_dist_global_to_local")) return false;
    if (nd_dist_owner(d, gidx) != d->rank) return false;
    if (!lidx) return true;
    for (int k = 0; k < d->ndim; k++) lidx[k] = gidx[k];
    if (d->dist.kind == ND_DIST_BLOCK) {
        lidx[d->dist.axis] -= d->offset[d->dist.axis];
    } else if (d->dist.kind == ND_DIST_CYCLIC2D) {
        lidx[0] = nd__dist_cyc_g2l(gidx[0], d->dist.mb, d->dist.pr);
        lidx[1] = nd__dist_cyc_g2l(gidx[1], d->dist.nb, d->dist.pc);
    }
    return true;
}

nd_status nd_dist_local_to_global(const nd_dist *d, const ptrdiff_t *lidx, ptrdiff_t *gidx)
{
    if (!d || (d->ndim > 0 && (!lidx || !gidx)))
        return nd_set_error(ND_EVALUE, "nd_dist_local_to_global: NULL argument");
    const ptrdiff_t *ls = nd_shape(d->local);
    for (int k = 0; k < d->ndim; k++)
        if (lidx[k] < 0 || lidx[k] >= ls[k])
            return nd_set_error(ND_EINDEX, "nd_dist_local_to_global: local index %td out of range for "
                                "axis %d of extent %td", lidx[k], k, ls[k]);
    for (int k = 0; k < d->ndim; k++) gidx[k] = lidx[k];
    if (d->dist.kind == ND_DIST_BLOCK) {
        gidx[d->dist.axis] += d->offset[d->dist.axis];
    } else if (d->dist.kind == ND_DIST_CYCLIC2D) {
        gidx[0] = nd__dist_cyc_l2g(lidx[0], d->dist.mb, d->myrow, d->dist.pr);
        gidx[1] = nd__dist_cyc_l2g(lidx[1], d->dist.nb, d->mycol, d->dist.pc);
    }
    return ND_OK;
}

bool nd_dist_conforms(const nd_dist *a, const nd_dist *b)
{
    if (!a || !b || a->ndim != b->ndim || a->nprocs != b->nprocs) return false;
    for (int k = 0; k < a->ndim; k++)
        if (a->shape[k] != b->shape[k]) return false;
    const nd_distribution *x = &a->dist, *y = &b->dist;
    if (x->kind != y->kind || x->axis != y->axis || x->block != y->block || x->pr != y->pr ||
        x->pc != y->pc || x->mb != y->mb || x->nb != y->nb)
        return false;
    int cmp = MPI_UNEQUAL;
    if (MPI_Comm_compare(a->comm, b->comm, &cmp) != MPI_SUCCESS) return false;
    return cmp == MPI_IDENT || cmp == MPI_CONGRUENT;
}

const char *nd_dist_describe(const nd_dist *d, char *buf, size_t n)
{
    if (!buf || n == 0) return buf;
    if (!d) {
        snprintf(buf, n, "(null)");
        return buf;
    }
    char sh[256];
    size_t k = 0;
    sh[k++] = '(';
    sh[k] = '\0';
    for (int i = 0; i < d->ndim && k < sizeof sh - 24; i++)
        k += (size_t)snprintf(sh + k, sizeof sh - k, "%s%td", i ? ", " : "", d->shape[i]);
    snprintf(sh + k, sizeof sh - k, "%s)", d->ndim == 1 ? "," : "");
    const nd_distribution *x = &d->dist;
    switch (x->kind) {
    case ND_DIST_BLOCK:
        snprintf(buf, n, "%s %s block(axis=%d, b=%td) over %d ranks", nd_dtype_name(d->dtype), sh, x->axis,
                 x->block, d->nprocs);
        break;
    case ND_DIST_CYCLIC2D:
        snprintf(buf, n, "%s %s cyclic2d(grid %dx%d, blocks %tdx%td) over %d ranks", nd_dtype_name(d->dtype),
                 sh, x->pr, x->pc, x->mb, x->nb, d->nprocs);
        break;
    default:
        snprintf(buf, n, "%s %s replicated over %d ranks", nd_dtype_name(d->dtype), sh, d->nprocs);
        break;
    }
    return buf;
}

/* ---- ScaLAPACK -------------------------------------------------------------------------- */

nd_status nd__dist_descinit(const nd_dist *d, int desc[9])
{
    if (!d || !desc) return nd_set_error(ND_EVALUE, "nd__dist_descinit: NULL argument");
    if (d->dist.kind != ND_DIST_CYCLIC2D || d->blacs_ctxt < 0) {
        char b[200];
        return nd_set_error(ND_EVALUE, "ScaLAPACK needs a 2-D block-cyclic array, not %s",
                            nd_dist_describe(d, b, sizeof b));
    }
    ptrdiff_t lld = nd_dist_lld(d);
    if (lld > INT_MAX) return nd_set_error(ND_EVALUE, "ScaLAPACK: local leading dimension %td exceeds int", lld);
    int m = (int)d->shape[0], n = (int)d->shape[1], mb = (int)d->dist.mb, nb = (int)d->dist.nb, zero = 0;
    int ctxt = d->blacs_ctxt, ld = (int)lld, info = 0;
    descinit_(desc, &m, &n, &mb, &nb, &zero, &zero, &ctxt, &ld, &info);
    if (info != 0) return nd_set_error(ND_EVALUE, "ScaLAPACK DESCINIT: argument %d is invalid", -info);
    return ND_OK;
}
