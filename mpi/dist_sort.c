/* Distributed sort and argsort: a sample sort (local stable argsort, regular sampling,
 * splitters, one MPI_Alltoallv, a local stable sort of the received runs) followed by a
 * rebalancing MPI_Alltoallv into the standard block distribution.
 *
 * Every element is ordered by the pair (key, global index), keys compared with numc's
 * sort order (NaNs last, complex lexicographic with NaN parts last): the order is total,
 * so the result is the stable sort of the gathered array, independent of the number of
 * ranks, bit for bit (signed zeros and NaN payloads stay in their original order). */
#include <limits.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <numc/sort.h>

#include "dist_internal.h"

/* ---- numc's key order (core/sort/sort_kernels.c) -------------------------------------------- */

typedef struct cplx64_t { float re, im; } cplx64_t;
typedef struct cplx128_t { double re, im; } cplx128_t;

#define LT_NUM(a, b) ((a) < (b))
#define LT_FLT(a, b) ((a) < (b) || ((b) != (b) && (a) == (a)))
#define LT_CPX(a, b)                                                                        \
    ((a).re < (b).re || ((a).re == (b).re && LT_FLT((a).im, (b).im)) ||                     \
     ((b).re != (b).re && ((a).re == (a).re || LT_FLT((a).im, (b).im))))

typedef bool (*key_lt_fn)(const void *a, const void *b);
#define DEF_LT(name, T, LT)                                                   \
    static bool lt_##name(const void *pa, const void *pb)                      \
    {                                                                         \
        T a, b;                                                               \
        memcpy(&a, pa, sizeof a);                                             \
        memcpy(&b, pb, sizeof b);                                             \
        return LT(a, b);                                                      \
    }
DEF_LT(u8, uint8_t, LT_NUM)
DEF_LT(i8, int8_t, LT_NUM)
DEF_LT(i16, int16_t, LT_NUM)
DEF_LT(i32, int32_t, LT_NUM)
DEF_LT(i64, int64_t, LT_NUM)
DEF_LT(u16, uint16_t, LT_NUM)
DEF_LT(u32, uint32_t, LT_NUM)
DEF_LT(u64, uint64_t, LT_NUM)
DEF_LT(f32, float, LT_FLT)
DEF_LT(f64, double, LT_FLT)
DEF_LT(c64, cplx64_t, LT_CPX)
DEF_LT(c128, cplx128_t, LT_CPX)

static key_lt_fn key_lt_of(nd_dtype dt)
{
    switch (dt) {
    case ND_BOOL:
    case ND_UINT8: return lt_u8;
    case ND_INT8: return lt_i8;
    case ND_INT16: return lt_i16;
    case ND_INT32: return lt_i32;
    case ND_INT64: return lt_i64;
    case ND_UINT16: return lt_u16;
    case ND_UINT32: return lt_u32;
    case ND_UINT64: return lt_u64;
    case ND_FLOAT32: return lt_f32;
    case ND_FLOAT64: return lt_f64;
    case ND_COMPLEX64: return lt_c64;
    case ND_COMPLEX128: return lt_c128;
    default: return NULL;
    }
}

/* (key a, index ga) < (key b, index gb) */
static bool pair_lt(key_lt_fn lt, const void *a, int64_t ga, const void *b, int64_t gb)
{
    if (lt(a, b)) return true;
    if (lt(b, a)) return false;
    return ga < gb;
}

/* ---- small helpers ---------------------------------------------------------------------------- */

static nd_status to_int(ptrdiff_t v, int *out, const char *who)
{
    if (v < 0 || v > INT_MAX)
        return nd_set_error(ND_EVALUE, "%s: %td elements in one message exceed MPI's int count "
                            "(use more ranks)", who, v);
    *out = (int)v;
    return ND_OK;
}

static void *alloc_n(ptrdiff_t n, size_t sz, const char *who) { return nd_malloc((size_t)(n > 0 ? n : 1) * sz, who); }

static nd_status mpi(int rc, const char *who, const char *call) { return nd__mpi_status(rc, who, call); }

/* Stable argsort of m keys of dtype dt at k: the permutation (int64, m entries, caller frees
 * with nd_free_mem), or NULL. */
static int64_t *local_argsort(const char *k, ptrdiff_t m, nd_dtype dt, const char *who)
{
    size_t isz = nd_dtype_size(dt);
    int64_t *perm = nd_malloc((size_t)(m > 0 ? m : 1) * sizeof *perm, who);
    if (!perm || m == 0) return perm;
    nd_array *arr = (nd_empty)(1, &m, dt);
    nd_array *ix = NULL;
    if (arr) {
        memcpy(nd_data(arr), k, (size_t)m * isz);
        ix = (nd_argsort)(arr, 0, ND_SORT_STABLE);
    }
    if (!ix) {
        nd_free(arr);
        nd_free_mem(perm);
        return NULL;
    }
    memcpy(perm, nd_data(ix), (size_t)m * sizeof *perm);
    nd_free(ix);
    nd_free(arr);
    return perm;
}

/* Bottom-up merge sort of the indices idx[0..n) by (keys[i], g[i]). */
static nd_status sort_pairs(int *idx, int n, const char *keys, const int64_t *g, size_t isz, key_lt_fn lt,
                            const char *who)
{
    int *tmp = nd_malloc((size_t)(n > 0 ? n : 1) * sizeof *tmp, who);
    if (!tmp) return ND_ENOMEM;
    for (int w = 1; w < n; w *= 2) {
        for (int lo = 0; lo < n; lo += 2 * w) {
            int mid = lo + w < n ? lo + w : n, hi = lo + 2 * w < n ? lo + 2 * w : n;
            int i = lo, j = mid, o = lo;
            while (i < mid && j < hi) {
                int a = idx[i], b = idx[j];
                if (pair_lt(lt, keys + (size_t)b * isz, g[b], keys + (size_t)a * isz, g[a]))
                    tmp[o++] = idx[j++];
                else
                    tmp[o++] = idx[i++];
            }
            while (i < mid) tmp[o++] = idx[i++];
            while (j < hi) tmp[o++] = idx[j++];
        }
        memcpy(idx, tmp, (size_t)n * sizeof *idx);
    }
    nd_free_mem(tmp);
    return ND_OK;
}

/* How many of the m sorted pairs (k, g) are less than (s, gs). */
static ptrdiff_t lower_bound(const char *k, const int64_t *g, ptrdiff_t m, size_t isz, key_lt_fn lt,
                             const void *s, int64_t gs)
{
    ptrdiff_t lo = 0, hi = m;
    while (lo < hi) {
        ptrdiff_t mid = lo + (hi - lo) / 2;
        if (pair_lt(lt, k + (size_t)mid * isz, g[mid], s, gs))
            lo = mid + 1;
        else
            hi = mid;
    }
    return lo;
}

/* ---- the sample sort ------------------------------------------------------------------------ */

typedef struct sort_bufs {
    char *sk, *rk, *sam_k, *out_k;
    int64_t *sg, *rg, *sam_g, *out_g, *perm;
    int *cnt; /* 8 * P ints */
    int *sidx;
} sort_bufs;

static void bufs_free(sort_bufs *b)
{
    nd_free_mem(b->sk);
    nd_free_mem(b->rk);
    nd_free_mem(b->sam_k);
    nd_free_mem(b->out_k);
    nd_free_mem(b->sg);
    nd_free_mem(b->rg);
    nd_free_mem(b->sam_g);
    nd_free_mem(b->out_g);
    nd_free_mem(b->perm);
    nd_free_mem(b->cnt);
    nd_free_mem(b->sidx);
    memset(b, 0, sizeof *b);
}


/* Sort the global 1-D sequence whose elements [g0, g0 + m) are `keys` on this rank (the ranks
 * hold consecutive runs in rank order, n in all) into a new 1-D BLOCK nd_dist of the sorted
 * values (want_idx false) or of the global indices that sort it (int64). `pre`: this rank's
 * status so far (agreed before any communication). Collective. */
static nd_dist *sample_sort(MPI_Comm comm, nd_status pre, nd_dtype dt, const char *keys, ptrdiff_t m, int64_t g0,
                            ptrdiff_t n, bool want_idx, const char *who)
{
    int P = 1, rank = 0;
    MPI_Comm_size(comm, &P);
    MPI_Comm_rank(comm, &rank);
    size_t isz = nd_dtype_size(dt);
    key_lt_fn lt = key_lt_of(dt);
    sort_bufs B;
    memset(&B, 0, sizeof B);
    MPI_Datatype bt = MPI_DATATYPE_NULL;
    nd_dist *out = NULL;
    nd_status st = pre;
    if (st == ND_OK && !lt) st = nd_set_error(ND_EDTYPE, "%s: dtype %d cannot be sorted", who, (int)dt);

    /* 1. the local run, sorted by (key, global index) */
    if (st == ND_OK) {
        B.perm = local_argsort(keys, m, dt, who);
        B.sk = alloc_n(m, isz, who);
        B.sg = alloc_n(m, sizeof(int64_t), who);
        B.cnt = alloc_n(8 * (ptrdiff_t)P, sizeof(int), who);
        if (!B.perm || !B.sk || !B.sg || !B.cnt) st = nd_last_error() != ND_OK ? nd_last_error() : ND_ENOMEM;
    }
    if (st == ND_OK) {
        for (ptrdiff_t i = 0; i < m; i++) {
            memcpy(B.sk + (size_t)i * isz, keys + (size_t)B.perm[i] * isz, isz);
            B.sg[i] = g0 + B.perm[i];
        }
        if (st == ND_OK) st = nd__dist_byte_type(isz, &bt, who);
    }
    if ((st = nd__dist_agree(comm, st)) != ND_OK) goto done;

    int *scnt = B.cnt, *sdis = B.cnt + P, *rcnt = B.cnt + 2 * P, *rdis = B.cnt + 3 * P;
    ptrdiff_t mr = m; /* elements held after the exchange */
    if (P > 1) {
        /* 2. regular samples: up to P per rank, at the middles of P equal parts */
        int s = m < P ? (int)m : P, T = 0;
        st = mpi(MPI_Allgather(&s, 1, MPI_INT, rcnt, 1, MPI_INT, comm), who, "MPI_Allgather");
        if ((st = nd__dist_agree(comm, st)) != ND_OK) goto done;
        for (int r = 0; r < P; r++) {
            rdis[r] = T;
            T += rcnt[r];
        }
        char *myk = alloc_n(s, isz, who);
        int64_t *myg = alloc_n(s, sizeof(int64_t), who);
        B.sam_k = alloc_n(T, isz, who);
        B.sam_g = alloc_n(T, sizeof(int64_t), who);
        B.sidx = alloc_n(T, sizeof(int), who);
        if (!myk || !myg || !B.sam_k || !B.sam_g || !B.sidx) st = ND_ENOMEM;
        for (int i = 0; st == ND_OK && i < s; i++) {
            ptrdiff_t p = (ptrdiff_t)((2 * (long double)i + 1) * (long double)m / (2 * (long double)s));
            if (p >= m) p = m - 1;
            memcpy(myk + (size_t)i * isz, B.sk + (size_t)p * isz, isz);
            myg[i] = B.sg[p];
        }
        if ((st = nd__dist_agree(comm, st)) == ND_OK) {
            st = mpi(MPI_Allgatherv(myk, s, bt, B.sam_k, rcnt, rdis, bt, comm), who, "MPI_Allgatherv");
            if (st == ND_OK)
                st = mpi(MPI_Allgatherv(myg, s, MPI_INT64_T, B.sam_g, rcnt, rdis, MPI_INT64_T, comm), who,
                         "MPI_Allgatherv");
        }
        nd_free_mem(myk);
        nd_free_mem(myg);
        if ((st = nd__dist_agree(comm, st)) != ND_OK) goto done;
        /* 3. P - 1 splitters from the sorted samples (the same on every rank); this rank's
         * run splits at the first element >= each splitter */
        for (int i = 0; i < T; i++) B.sidx[i] = i;
        st = sort_pairs(B.sidx, T, B.sam_k, B.sam_g, isz, lt, who);
        ptrdiff_t prev = 0;
        for (int r = 0; st == ND_OK && r < P; r++) {
            ptrdiff_t b = m;
            if (r < P - 1 && T > 0) {
                int j = B.sidx[(int)(((long long)(r + 1) * T) / P)];
                b = lower_bound(B.sk, B.sg, m, isz, lt, B.sam_k + (size_t)j * isz, B.sam_g[j]);
            } else if (r < P - 1) {
                b = 0;
            }
            if (b < prev) b = prev;
            scnt[r] = (int)(b - prev);
            sdis[r] = (int)prev;
            prev = b;
        }
        if (st == ND_OK && m > INT_MAX) st = to_int(m, &(int){ 0 }, who);
        if ((st = nd__dist_agree(comm, st)) != ND_OK) goto done;
        /* 4. the exchange */
        st = mpi(MPI_Alltoall(scnt, 1, MPI_INT, rcnt, 1, MPI_INT, comm), who, "MPI_Alltoall");
        if ((st = nd__dist_agree(comm, st)) != ND_OK) goto done;
        ptrdiff_t tot = 0;
        for (int r = 0; r < P; r++) tot += rcnt[r];
        int itot = 0;
        st = to_int(tot, &itot, who);
        for (int r = 0, d = 0; r < P; r++) {
            rdis[r] = d;
            d += rcnt[r];
        }
        if (st == ND_OK) {
            B.rk = alloc_n(tot, isz, who);
            B.rg = alloc_n(tot, sizeof(int64_t), who);
            if (!B.rk || !B.rg) st = ND_ENOMEM;
        }
        if ((st = nd__dist_agree(comm, st)) != ND_OK) goto done;
        st = mpi(MPI_Alltoallv(B.sk, scnt, sdis, bt, B.rk, rcnt, rdis, bt, comm), who, "MPI_Alltoallv");
        if (st == ND_OK)
            st = mpi(MPI_Alltoallv(B.sg, scnt, sdis, MPI_INT64_T, B.rg, rcnt, rdis, MPI_INT64_T, comm), who,
                     "MPI_Alltoallv");
        if ((st = nd__dist_agree(comm, st)) != ND_OK) goto done;
        /* 5. the received runs, in source-rank order (ascending global indices for equal
         * keys), sorted stably by key: (key, global index) order */
        mr = tot;
        nd_free_mem(B.perm);
        B.perm = local_argsort(B.rk, mr, dt, who);
        char *nk = B.perm ? alloc_n(mr, isz, who) : NULL;
        int64_t *ng = nk ? alloc_n(mr, sizeof(int64_t), who) : NULL;
        if (!ng) {
            nd_free_mem(nk);
            st = ND_ENOMEM;
        } else {
            for (ptrdiff_t i = 0; i < mr; i++) {
                memcpy(nk + (size_t)i * isz, B.rk + (size_t)B.perm[i] * isz, isz);
                ng[i] = B.rg[B.perm[i]];
            }
            nd_free_mem(B.sk);
            nd_free_mem(B.sg);
            B.sk = nk;
            B.sg = ng;
        }
        if ((st = nd__dist_agree(comm, st)) != ND_OK) goto done;
    }

    /* 6. rebalance into the standard block distribution: sorted position p goes to rank p / b */
    {
        nd_dtype odt = want_idx ? ND_INT64 : dt;
        out = nd_dist_empty(comm, 1, &n, odt, NULL);
        if (!out) goto done;
        int64_t mine = mr, *starts = alloc_n(P, sizeof(int64_t), who);
        st = starts ? ND_OK : ND_ENOMEM;
        if ((st = nd__dist_agree(comm, st)) == ND_OK)
            st = mpi(MPI_Allgather(&mine, 1, MPI_INT64_T, starts, 1, MPI_INT64_T, comm), who, "MPI_Allgather");
        if ((st = nd__dist_agree(comm, st)) != ND_OK) {
            nd_free_mem(starts);
            nd_dist_free(out);
            out = NULL;
            goto done;
        }
        int64_t start = 0;
        for (int r = 0; r < rank; r++) start += starts[r];
        ptrdiff_t b = out->dist.block;
        for (int r = 0; r < P; r++) {
            ptrdiff_t lo, hi;
            nd__dist_block_range(n, b, r, &lo, &hi);
            ptrdiff_t a0 = lo > start ? lo : start, a1 = hi < start + mr ? hi : start + mr;
            scnt[r] = a1 > a0 ? (int)(a1 - a0) : 0;
            sdis[r] = a1 > a0 ? (int)(a0 - start) : 0;
            /* what r sends me: the overlap of my block with r's sorted run */
        }
        ptrdiff_t mylo, myhi;
        nd__dist_block_range(n, b, rank, &mylo, &myhi);
        int64_t s0 = 0;
        for (int r = 0; r < P; r++) {
            ptrdiff_t a0 = mylo > s0 ? mylo : s0, a1 = myhi < s0 + starts[r] ? myhi : s0 + starts[r];
            rcnt[r] = a1 > a0 ? (int)(a1 - a0) : 0;
            rdis[r] = a1 > a0 ? (int)(a0 - mylo) : 0;
            s0 += starts[r];
        }
        nd_free_mem(starts);
        void *dst = nd_data(out->local);
        if (want_idx)
            st = mpi(MPI_Alltoallv(B.sg, scnt, sdis, MPI_INT64_T, dst, rcnt, rdis, MPI_INT64_T, comm), who,
                     "MPI_Alltoallv");
        else
            st = mpi(MPI_Alltoallv(B.sk, scnt, sdis, bt, dst, rcnt, rdis, bt, comm), who, "MPI_Alltoallv");
        if ((st = nd__dist_agree(comm, st)) != ND_OK) {
            nd_dist_free(out);
            out = NULL;
        }
    }
done:
    if (bt != MPI_DATATYPE_NULL) MPI_Type_free(&bt);
    bufs_free(&B);
    return out;
}

/* ---- entry points ------------------------------------------------------------------------------ */

static nd_dist *adopt_like(const nd_dist *a, nd_array *piece, const char *who)
{
    nd_dist *out = NULL;
    if (nd__dist_adopt(a->comm, a->ndim, a->shape, nd_dtype_of(piece), &a->dist, piece, &out, who) != ND_OK)
        return NULL;
    return out;
}

static nd_dist *sort_common(const nd_dist *a, int axis, bool want_idx, const char *who)
{
    if (!a) {
        nd_set_error(ND_EVALUE, "%s: the distributed array is NULL", who);
        return NULL;
    }
    nd_status st = ND_OK;
    if (axis != ND_AXIS_NONE) {
        if (a->ndim == 0)
            st = nd_set_error(ND_EAXIS, "%s: a 0-d array has no axis %d (use ND_AXIS_NONE)", who, axis);
        else if (axis < -a->ndim || axis >= a->ndim)
            st = nd_set_error(ND_EAXIS, "%s: axis %d is out of bounds for array of dimension %d", who, axis,
                              a->ndim);
        else if (axis < 0)
            axis += a->ndim;
    }
    if (st == ND_OK && !key_lt_of(a->dtype)) st = nd_set_error(ND_EDTYPE, "%s: unsortable dtype", who);
    /* every rank agrees on its own checks first, so that all of them take part in the
     * comparison of the arguments that must be the same everywhere */
    if (nd__dist_agree(a->comm, st) != ND_OK) return NULL;
    int32_t ax32 = axis;
    st = nd__dist_check_same(a->comm, &ax32, sizeof ax32, who, "the axis");
    if (nd__dist_agree(a->comm, st) != ND_OK) return NULL;
    /* a 1-D array's only axis is the flattened one */
    if (a->ndim == 1) axis = ND_AXIS_NONE;

    /* REPLICATED: numc itself on every rank */
    if (a->dist.kind == ND_DIST_REPLICATED) {
        nd_array *r = want_idx ? (nd_argsort)(a->local, axis, ND_SORT_STABLE)
                               : (nd_sort)(a->local, axis, ND_SORT_STABLE);
        if (nd__dist_agree(a->comm, r ? ND_OK : nd_last_error()) != ND_OK) {
            nd_free(r);
            return NULL;
        }
        nd_distribution rep = nd_dist_replicated();
        nd_dist *out = NULL;
        if (nd__dist_adopt(a->comm, nd_ndim(r), nd_shape(r), nd_dtype_of(r), &rep, r, &out, who) != ND_OK)
            return NULL;
        return out;
    }

    if (axis != ND_AXIS_NONE) {
        /* along one axis of an N-D array: each rank needs whole lines along it. A BLOCK array
         * distributed along another axis has them; else redistribute along the longest other
         * axis, sort locally, and redistribute back. */
        const nd_dist *x = a;
        nd_dist *moved = NULL;
        if (!(a->dist.kind == ND_DIST_BLOCK && a->dist.axis != axis)) {
            int o = axis == 0 ? 1 : 0;
            for (int q = 0; q < a->ndim; q++)
                if (q != axis && a->shape[q] > a->shape[o]) o = q;
            nd_distribution b = nd_dist_block(o);
            if (!(moved = nd_dist_redistribute(a, &b))) return NULL;
            x = moved;
        }
        nd_array *r = want_idx ? (nd_argsort)(x->local, axis, ND_SORT_STABLE)
                               : (nd_sort)(x->local, axis, ND_SORT_STABLE);
        if (nd__dist_agree(a->comm, r ? ND_OK : nd_last_error()) != ND_OK) {
            nd_free(r);
            nd_dist_free(moved);
            return NULL;
        }
        nd_dist *res = adopt_like(x, r, who);
        nd_dist_free(moved);
        if (!res || !moved) return res;
        nd_dist *back = nd_dist_redistribute(res, &a->dist);
        nd_dist_free(res);
        return back;
    }

    /* flattened: each rank must hold one contiguous run of the C-order flattening (BLOCK
     * with every axis before the distributed one of extent 1); else redistribute along 0 */
    const nd_dist *x = a;
    nd_dist *moved = NULL;
    bool runs = a->dist.kind == ND_DIST_BLOCK;
    for (int q = 0; runs && q < a->dist.axis; q++) runs = a->shape[q] == 1;
    if (!runs) {
        nd_distribution b = nd_dist_block(0);
        if (!(moved = nd_dist_redistribute(a, &b))) return NULL;
        x = moved;
    }
    nd_array *c = nd_ascontiguousarray(x->local);
    st = c ? ND_OK : nd_last_error();
    ptrdiff_t inner = 1;
    for (int q = x->dist.axis + 1; q < x->ndim; q++) inner *= x->shape[q];
    int64_t g0 = (int64_t)x->offset[x->dist.axis] * inner;
    nd_dist *res = sample_sort(a->comm, st, a->dtype, c ? nd_data(c) : NULL, c ? nd_size(c) : 0, g0, a->size,
                               want_idx, who);
    nd_free(c);
    nd_dist_free(moved);
    return res;
}

nd_dist *nd_dist_sort(const nd_dist *a, int axis) { return sort_common(a, axis, false, "nd_dist_sort"); }
nd_dist *nd_dist_argsort(const nd_dist *a, int axis) { return sort_common(a, axis, true, "nd_dist_argsort"); }
