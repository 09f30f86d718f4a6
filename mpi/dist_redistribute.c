/* Moving elements between layouts: global views (dist_internal.h), scatter from a root,
 * gather to a root, and redistribution between any two distributions (MPI_Alltoallv). */
#include <limits.h>
#include <string.h>

#include "dist_internal.h"

void nd__gview_free(nd__gview *v)
{
    if (!v) return;
    for (int k = 0; k < v->ndim; k++) {
        nd_free_mem(v->g[k]);
        v->g[k] = NULL;
    }
    v->ndim = 0;
}

static nd_status alloc_lists(nd__gview *v, int ndim, const ptrdiff_t *n, const char *who)
{
    memset(v, 0, sizeof *v);
    v->ndim = ndim;
    for (int k = 0; k < ndim; k++) {
        v->n[k] = n[k];
        v->g[k] = nd_malloc(sizeof(ptrdiff_t) * (size_t)(n[k] > 0 ? n[k] : 1), who);
        if (!v->g[k]) {
            nd__gview_free(v);
            return ND_ENOMEM;
        }
    }
    return ND_OK;
}

nd_status nd__gview_of_rank(const nd_dist *d, int r, nd__gview *out)
{
    ptrdiff_t ls[ND_MAXDIMS];
    nd__dist_local_shape(d->ndim, d->shape, &d->dist, r, ls);
    nd_status st = alloc_lists(out, d->ndim, ls, "nd_dist");
    if (st != ND_OK) return st;
    for (int k = 0; k < d->ndim; k++) {
        ptrdiff_t *g = out->g[k];
        for (ptrdiff_t i = 0; i < ls[k]; i++) g[i] = i;
        if (d->dist.kind == ND_DIST_BLOCK && k == d->dist.axis) {
            ptrdiff_t lo, hi;
            nd__dist_block_range(d->shape[k], d->dist.block, r, &lo, &hi);
            for (ptrdiff_t i = 0; i < ls[k]; i++) g[i] = lo + i;
        } else if (d->dist.kind == ND_DIST_CYCLIC2D) {
            ptrdiff_t nb = k == 0 ? d->dist.mb : d->dist.nb;
            int p = k == 0 ? r / d->dist.pc : r % d->dist.pc, np = k == 0 ? d->dist.pr : d->dist.pc;
            for (ptrdiff_t i = 0; i < ls[k]; i++) g[i] = nd__dist_cyc_l2g(i, nb, p, np);
        }
    }
    if (r == d->rank) {
        out->base = nd_data(d->local);
        for (int k = 0; k < d->ndim; k++) out->stride[k] = nd_strides(d->local)[k];
    }
    return ND_OK;
}

nd_status nd__gview_full(int ndim, const ptrdiff_t *shape, char *base, const ptrdiff_t *strides, nd__gview *out)
{
    nd_status st = alloc_lists(out, ndim, shape, "nd_dist");
    if (st != ND_OK) return st;
    for (int k = 0; k < ndim; k++) {
        for (ptrdiff_t i = 0; i < shape[k]; i++) out->g[k][i] = i;
        out->stride[k] = strides ? strides[k] : 0;
    }
    out->base = base;
    return ND_OK;
}

nd_status nd__gview_isect(const nd__gview *a, const nd__gview *b, size_t isz, char *base, nd__gview *out,
                          ptrdiff_t *count)
{
    ptrdiff_t n[ND_MAXDIMS];
    for (int k = 0; k < a->ndim; k++) n[k] = a->n[k] < b->n[k] ? a->n[k] : b->n[k];
    nd_status st = alloc_lists(out, a->ndim, n, "nd_dist");
    if (st != ND_OK) return st;
    ptrdiff_t total = 1;
    for (int k = 0; k < a->ndim; k++) {
        ptrdiff_t i = 0, j = 0, m = 0;
        while (i < a->n[k] && j < b->n[k]) {
            if (a->g[k][i] < b->g[k][j]) i++;
            else if (a->g[k][i] > b->g[k][j]) j++;
            else {
                out->g[k][m++] = a->g[k][i];
                i++;
                j++;
            }
        }
        out->n[k] = m;
        total *= m;
    }
    ptrdiff_t s = (ptrdiff_t)isz;
    for (int k = a->ndim - 1; k >= 0; k--) {
        out->stride[k] = s;
        s *= out->n[k] > 0 ? out->n[k] : 1;
    }
    out->base = base;
    *count = total;
    return ND_OK;
}

/* Positions in `from` of the indices of `to` that `from` holds (merge of two ascending lists):
 * returns the number of matches, with pa / pb the positions in a and b. */
static ptrdiff_t match(const ptrdiff_t *a, ptrdiff_t na, const ptrdiff_t *b, ptrdiff_t nb, ptrdiff_t *pa,
                       ptrdiff_t *pb)
{
    ptrdiff_t i = 0, j = 0, m = 0;
    while (i < na && j < nb) {
        if (a[i] < b[j]) i++;
        else if (a[i] > b[j]) j++;
        else {
            pa[m] = i++;
            pb[m++] = j++;
        }
    }
    return m;
}

nd_status nd__gview_copy(const nd__gview *dst, const nd__gview *src, size_t isz)
{
    int nd = dst->ndim;
    if (nd == 0) {
        memcpy(dst->base, src->base, isz);
        return ND_OK;
    }
    nd_status st = ND_OK;
    /* Byte offsets of the common indices, per axis, on both sides. */
    ptrdiff_t *doff[ND_MAXDIMS] = { 0 }, *soff[ND_MAXDIMS] = { 0 }, cnt[ND_MAXDIMS];
    bool ok = true;
    for (int k = 0; k < nd && ok; k++) {
        ptrdiff_t cap = dst->n[k] < src->n[k] ? dst->n[k] : src->n[k];
        doff[k] = nd_malloc(sizeof(ptrdiff_t) * (size_t)(cap > 0 ? cap : 1), "nd_dist");
        soff[k] = nd_malloc(sizeof(ptrdiff_t) * (size_t)(cap > 0 ? cap : 1), "nd_dist");
        if (!doff[k] || !soff[k]) {
            st = ND_ENOMEM;
            ok = false;
            break;
        }
        cnt[k] = match(dst->g[k], dst->n[k], src->g[k], src->n[k], doff[k], soff[k]);
        for (ptrdiff_t i = 0; i < cnt[k]; i++) {
            doff[k][i] *= dst->stride[k];
            soff[k][i] *= src->stride[k];
        }
        if (cnt[k] == 0) ok = false; /* nothing in common */
    }
    if (ok) {
        /* Runs along the last axis: contiguous on both sides -> one memcpy. */
        ptrdiff_t last = cnt[nd - 1];
        bool run = dst->stride[nd - 1] == (ptrdiff_t)isz && src->stride[nd - 1] == (ptrdiff_t)isz &&
                   doff[nd - 1][last - 1] - doff[nd - 1][0] == (last - 1) * (ptrdiff_t)isz &&
                   soff[nd - 1][last - 1] - soff[nd - 1][0] == (last - 1) * (ptrdiff_t)isz;
        ptrdiff_t idx[ND_MAXDIMS] = { 0 };
        for (;;) {
            ptrdiff_t db = 0, sb = 0;
            for (int k = 0; k < nd - 1; k++) {
                db += doff[k][idx[k]];
                sb += soff[k][idx[k]];
            }
            char *dp = dst->base + db;
            const char *sp = src->base + sb;
            if (run) memcpy(dp + doff[nd - 1][0], sp + soff[nd - 1][0], (size_t)last * isz);
            else
                for (ptrdiff_t i = 0; i < last; i++) memcpy(dp + doff[nd - 1][i], sp + soff[nd - 1][i], isz);
            int k = nd - 2;
            while (k >= 0 && ++idx[k] == cnt[k]) idx[k--] = 0;
            if (k < 0) break;
        }
    }
    for (int k = 0; k < nd; k++) {
        nd_free_mem(doff[k]);
        nd_free_mem(soff[k]);
    }
    return st;
}

nd_status nd__dist_byte_type(size_t isz, MPI_Datatype *t, const char *who)
{
    int rc = MPI_Type_contiguous((int)isz, MPI_BYTE, t);
    if (rc == MPI_SUCCESS) rc = MPI_Type_commit(t);
    return nd__mpi_status(rc, who, "MPI_Type_contiguous");
}

static nd_status count_int(ptrdiff_t n, const char *who, int *out)
{
    if (n > INT_MAX)
        return nd_set_error(ND_EVALUE, "%s: %td elements in one message exceed MPI's int count", who, n);
    *out = (int)n;
    return ND_OK;
}

/* ---- redistribution --------------------------------------------------------------------- */

/* Every rank's element count of d in cnt[] and its offset in a rank-ordered concatenation in
 * dis[] (MPI's int counts), the total in *total. */
static nd_status rank_counts(const nd_dist *d, int P, int *cnt, int *dis, ptrdiff_t *total, const char *who)
{
    nd_status st = ND_OK;
    ptrdiff_t tot = 0;
    for (int r = 0; r < P && st == ND_OK; r++) {
        ptrdiff_t lsz = 1, ls[ND_MAXDIMS];
        nd__dist_local_shape(d->ndim, d->shape, &d->dist, r, ls);
        for (int k = 0; k < d->ndim; k++) lsz *= ls[k];
        st = count_int(tot, who, &dis[r]);
        if (st == ND_OK) st = count_int(lsz, who, &cnt[r]);
        tot += lsz;
    }
    *total = tot;
    return st;
}

/* For every rank r of d, move the elements `local` shares with r's piece between `local` and the
 * packed buffer at buf + dis[r] * isz: into the buffer when pack, out of it otherwise. */
static nd_status move_by_rank(const nd_dist *d, int P, const nd__gview *local, size_t isz, char *buf,
                              const int *dis, int pack)
{
    nd_status st = ND_OK;
    for (int r = 0; r < P && st == ND_OK; r++) {
        nd__gview v = { 0 }, x = { 0 };
        ptrdiff_t c = 0;
        st = nd__gview_of_rank(d, r, &v);
        if (st == ND_OK) st = nd__gview_isect(local, &v, isz, buf + (size_t)dis[r] * isz, &x, &c);
        if (st == ND_OK && c > 0) st = pack ? nd__gview_copy(&x, local, isz) : nd__gview_copy(local, &x, isz);
        nd__gview_free(&v);
        nd__gview_free(&x);
    }
    return st;
}

nd_status nd__dist_move(const nd_dist *src, nd_dist *dst, const char *who)
{
    int P = src->nprocs, me = src->rank;
    size_t isz = nd_dtype_size(src->dtype);
    nd_status st = ND_OK;
    int *scnt = nd_calloc((size_t)P * 4, sizeof(int), who);
    nd__gview mine_s = { 0 }, mine_d = { 0 }, v = { 0 }, x = { 0 };
    char *sbuf = NULL, *rbuf = NULL;
    MPI_Datatype bt = MPI_DATATYPE_NULL;
    if (!scnt) st = ND_ENOMEM;
    int *sdis = scnt + P, *rcnt = scnt + 2 * P, *rdis = scnt + 3 * P;
    if (st == ND_OK) st = nd__gview_of_rank(src, me, &mine_s);
    if (st == ND_OK) st = nd__gview_of_rank(dst, me, &mine_d);
    ptrdiff_t stot = 0, rtot = 0;
    /* Sizes of what goes to / comes from every rank. */
    for (int r = 0; r < P && st == ND_OK; r++) {
        ptrdiff_t c = 0;
        st = nd__gview_of_rank(dst, r, &v);
        if (st == ND_OK) st = nd__gview_isect(&mine_s, &v, isz, NULL, &x, &c);
        nd__gview_free(&v);
        nd__gview_free(&x);
        if (st == ND_OK && (st = count_int(stot, who, &sdis[r])) == ND_OK) st = count_int(c, who, &scnt[r]);
        stot += c;
        if (st != ND_OK) break;
        st = nd__gview_of_rank(src, r, &v);
        if (st == ND_OK) st = nd__gview_isect(&v, &mine_d, isz, NULL, &x, &c);
        nd__gview_free(&v);
        nd__gview_free(&x);
        if (st == ND_OK && (st = count_int(rtot, who, &rdis[r])) == ND_OK) st = count_int(c, who, &rcnt[r]);
        rtot += c;
    }
    if (st == ND_OK) {
        sbuf = nd_malloc((size_t)(stot > 0 ? stot : 1) * isz, who);
        rbuf = nd_malloc((size_t)(rtot > 0 ? rtot : 1) * isz, who);
        if (!sbuf || !rbuf) st = ND_ENOMEM;
    }
    if (st == ND_OK) st = move_by_rank(dst, P, &mine_s, isz, sbuf, sdis, 1);
    if (st == ND_OK) st = nd__dist_byte_type(isz, &bt, who);
    st = nd__dist_agree(src->comm, st);
    if (st == ND_OK)
        st = nd__mpi_status(MPI_Alltoallv(sbuf, scnt, sdis, bt, rbuf, rcnt, rdis, bt, src->comm), who,
                            "MPI_Alltoallv");
    if (st == ND_OK) st = move_by_rank(src, P, &mine_d, isz, rbuf, rdis, 0);
    if (bt != MPI_DATATYPE_NULL) MPI_Type_free(&bt);
    nd__gview_free(&mine_s);
    nd__gview_free(&mine_d);
    nd_free_mem(sbuf);
    nd_free_mem(rbuf);
    nd_free_mem(scnt);
    return nd__dist_agree(src->comm, st);
}

nd_dist *nd_dist_redistribute(const nd_dist *a, const nd_distribution *to)
{
    const char *who = "nd_dist_redistribute";
    if (!a) {
        nd_set_error(ND_EVALUE, "%s: the distributed array is NULL", who);
        return NULL;
    }
    nd_dist *out = NULL;
    if (nd__dist_new(a->comm, a->ndim, a->shape, a->dtype, to, &out, who) != ND_OK) return NULL;
    if (nd__dist_move(a, out, who) != ND_OK) {
        nd_dist_free(out);
        return NULL;
    }
    return out;
}

/* ---- scatter and gather ----------------------------------------------------------------- */

nd_dist *nd_dist_scatter(MPI_Comm comm, int root, const nd_array *a, const nd_distribution *dist)
{
    const char *who = "nd_dist_scatter";
    if (comm == MPI_COMM_NULL) {
        nd_set_error(ND_EVALUE, "%s: the communicator is MPI_COMM_NULL", who);
        return NULL;
    }
    /* Work on a private duplicate so that errors return (the caller's may be fatal). */
    MPI_Comm c = MPI_COMM_NULL;
    nd_status st = nd__mpi_status(MPI_Comm_dup(comm, &c), who, "MPI_Comm_dup");
    if (st != ND_OK) return NULL;
    MPI_Comm_set_errhandler(c, MPI_ERRORS_RETURN);
    int me = 0, P = 1;
    MPI_Comm_rank(c, &me);
    MPI_Comm_size(c, &P);
    int64_t hdr[ND_MAXDIMS + 2] = { 0 };
    nd_status same = nd__dist_check_same(c, &root, sizeof root, who, "the root");
    if (root < 0 || root >= P) st = nd_set_error(ND_EVALUE, "%s: root %d out of range [0, %d)", who, root, P);
    else if (same != ND_OK) st = same;
    else if (me == root && !a) st = nd_set_error(ND_EVALUE, "%s: the root's array is NULL", who);
    if (st == ND_OK && me == root) {
        hdr[0] = nd_ndim(a);
        hdr[1] = nd_dtype_of(a);
        for (int k = 0; k < nd_ndim(a); k++) hdr[2 + k] = nd_shape(a)[k];
    }
    st = nd__dist_agree(c, st);
    if (st == ND_OK) st = nd__dist_agree(c, nd__mpi_status(MPI_Bcast(hdr, ND_MAXDIMS + 2, MPI_INT64_T, root, c), who, "MPI_Bcast"));
    nd_dist *d = NULL;
    ptrdiff_t shape[ND_MAXDIMS];
    for (int k = 0; k < ND_MAXDIMS; k++) shape[k] = (ptrdiff_t)hdr[2 + k];
    if (st == ND_OK) st = nd__dist_new(c, (int)hdr[0], shape, (nd_dtype)hdr[1], dist, &d, who);
    if (st != ND_OK) {
        MPI_Comm_free(&c);
        return NULL;
    }
    size_t isz = nd_dtype_size(d->dtype);
    nd_array *ca = NULL;
    char *sbuf = NULL, *rbuf = NULL;
    int *cnt = NULL, *dis = NULL;
    nd__gview full = { 0 }, x = { 0 }, mine = { 0 };
    MPI_Datatype bt = MPI_DATATYPE_NULL;
    ptrdiff_t mycount = nd_size(d->local);
    rbuf = nd_malloc((size_t)(mycount > 0 ? mycount : 1) * isz, who);
    if (!rbuf) st = ND_ENOMEM;
    if (st == ND_OK && me == root) {
        ca = nd_ascontiguousarray(a);
        cnt = nd_calloc((size_t)P * 2, sizeof(int), who);
        if (!ca || !cnt) st = nd_last_error() != ND_OK ? nd_last_error() : ND_ENOMEM;
        if (st == ND_OK) {
            dis = cnt + P;
            st = nd__gview_full(d->ndim, d->shape, nd_data(ca), nd_strides(ca), &full);
        }
        ptrdiff_t tot = 0;
        if (st == ND_OK) st = rank_counts(d, P, cnt, dis, &tot, who);
        if (st == ND_OK) {
            sbuf = nd_malloc((size_t)(tot > 0 ? tot : 1) * isz, who);
            if (!sbuf) st = ND_ENOMEM;
        }
        if (st == ND_OK) st = move_by_rank(d, P, &full, isz, sbuf, dis, 1);
    }
    if (st == ND_OK) st = nd__dist_byte_type(isz, &bt, who);
    st = nd__dist_agree(d->comm, st);
    if (st == ND_OK)
        st = nd__mpi_status(MPI_Scatterv(sbuf, cnt, dis, bt, rbuf, (int)mycount, bt, root, d->comm), who,
                            "MPI_Scatterv");
    if (st == ND_OK) st = nd__gview_of_rank(d, me, &mine);
    if (st == ND_OK) {
        ptrdiff_t n = 0;
        st = nd__gview_isect(&mine, &mine, isz, rbuf, &x, &n);
        if (st == ND_OK && n > 0) st = nd__gview_copy(&mine, &x, isz);
        nd__gview_free(&x);
    }
    st = nd__dist_agree(d->comm, st);
    if (bt != MPI_DATATYPE_NULL) MPI_Type_free(&bt);
    nd__gview_free(&full);
    nd__gview_free(&mine);
    nd_free(ca);
    nd_free_mem(sbuf);
    nd_free_mem(rbuf);
    nd_free_mem(cnt);
    MPI_Comm_free(&c);
    if (st != ND_OK) {
        nd_dist_free(d);
        return NULL;
    }
    return d;
}

/* Gather into `out` (allocated on the ranks that receive: all when root < 0). */
static nd_status gather(const nd_dist *d, int root, nd_array **out, const char *who)
{
    int P = d->nprocs, me = d->rank;
    bool recv = root < 0 || me == root;
    size_t isz = nd_dtype_size(d->dtype);
    nd_status st = ND_OK;
    nd_array *res = NULL;
    char *sbuf = NULL, *rbuf = NULL;
    int *cnt = nd_calloc((size_t)P * 2, sizeof(int), who), *dis = cnt ? cnt + P : NULL;
    nd__gview mine = { 0 }, x = { 0 }, full = { 0 };
    MPI_Datatype bt = MPI_DATATYPE_NULL;
    ptrdiff_t mycount = nd_size(d->local), tot = 0;
    if (!cnt) st = ND_ENOMEM;
    if (st == ND_OK) st = rank_counts(d, P, cnt, dis, &tot, who);
    if (st == ND_OK) {
        sbuf = nd_malloc((size_t)(mycount > 0 ? mycount : 1) * isz, who);
        if (!sbuf) st = ND_ENOMEM;
    }
    if (st == ND_OK) st = nd__gview_of_rank(d, me, &mine);
    if (st == ND_OK) {
        ptrdiff_t n = 0;
        st = nd__gview_isect(&mine, &mine, isz, sbuf, &x, &n);
        if (st == ND_OK && n > 0) st = nd__gview_copy(&x, &mine, isz);
        nd__gview_free(&x);
    }
    if (st == ND_OK && recv) {
        res = (nd_empty)(d->ndim, d->shape, d->dtype);
        rbuf = nd_malloc((size_t)(tot > 0 ? tot : 1) * isz, who);
        if (!res || !rbuf) st = nd_last_error() != ND_OK ? nd_last_error() : ND_ENOMEM;
    }
    if (st == ND_OK) st = nd__dist_byte_type(isz, &bt, who);
    st = nd__dist_agree(d->comm, st);
    if (st == ND_OK) {
        int rc = root < 0 ? MPI_Allgatherv(sbuf, (int)mycount, bt, rbuf, cnt, dis, bt, d->comm)
                          : MPI_Gatherv(sbuf, (int)mycount, bt, rbuf, cnt, dis, bt, root, d->comm);
        st = nd__mpi_status(rc, who, root < 0 ? "MPI_Allgatherv" : "MPI_Gatherv");
    }
    if (st == ND_OK && recv) st = nd__gview_full(d->ndim, d->shape, nd_data(res), nd_strides(res), &full);
    if (st == ND_OK && recv) st = move_by_rank(d, P, &full, isz, rbuf, dis, 0);
    st = nd__dist_agree(d->comm, st);
    if (bt != MPI_DATATYPE_NULL) MPI_Type_free(&bt);
    nd__gview_free(&mine);
    nd__gview_free(&full);
    nd_free_mem(sbuf);
    nd_free_mem(rbuf);
    nd_free_mem(cnt);
    if (st != ND_OK) {
        nd_free(res);
        res = NULL;
    }
    *out = res;
    return st;
}

nd_status nd_dist_gather(const nd_dist *d, int root, nd_array **out)
{
    const char *who = "nd_dist_gather";
    if (out) *out = NULL;
    if (!d || !out) return nd_set_error(ND_EVALUE, "%s: NULL argument", who);
    nd_status st = nd__dist_check_same(d->comm, &root, sizeof root, who, "the root");
    if (st == ND_OK && (root < 0 || root >= d->nprocs))
        st = nd_set_error(ND_EVALUE, "%s: root %d out of range [0, %d)", who, root, d->nprocs);
    st = nd__dist_agree(d->comm, st);
    if (st != ND_OK) return st;
    return gather(d, root, out, who);
}

nd_array *nd_dist_allgather(const nd_dist *d)
{
    if (!d) {
        nd_set_error(ND_EVALUE, "nd_dist_allgather: the distributed array is NULL");
        return NULL;
    }
    nd_array *out = NULL;
    if (gather(d, -1, &out, "nd_dist_allgather") != ND_OK) return NULL;
    return out;
}
