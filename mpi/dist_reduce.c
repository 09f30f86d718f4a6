/* Reductions of distributed arrays, bit-identical to numc's single-process reductions of
 * the gathered array for any number of ranks.
 *
 * numc's float sum (core/array/pairwise.c) is a pairwise tree whose split points depend
 * only on the length n: a node of m > 256 elements splits at h = m/2 rounded down to a
 * multiple of 16. Here every rank enumerates the same tree over the global sequence and
 * cuts it into a "frontier": the largest nodes that lie inside one rank's range (their
 * sums are computed by that rank with nd_sum, i.e. by pairwise.c itself) and the leaves
 * (<= 256 elements) that straddle two ranks (their elements are shipped and summed with
 * nd_sum). One MPI_Allgatherv gives every rank every frontier value; every rank then adds
 * them up the same tree, in the same order and precision as pairwise.c does. When numc's
 * reduction adds whole rows instead (a kept axis innermost), the distributed version folds
 * the rows in the same order, rank after rank. Integer sums are exact (any order). */
#include <limits.h>
#include <math.h>
#include <stdio.h>
#include <string.h>

#include <numc/manip.h>

#include "dist_internal.h"

#define PW_LEAF 256
#define PW_ACC 16
/* numc's buffered reductions (a cast to the accumulator dtype) sum blocks of this many
 * elements pairwise and add the blocks in order (core/ufunc/reduce.c, RED_BUFN). */
#define RED_BUFN 4096

static nd_status agree_fail(const nd_dist *d, nd_status st, nd_array *free_me)
{
    nd_free(free_me);
    return nd__dist_agree(d->comm, st);
}

/* ---- the distributed pairwise tree -------------------------------------------------------- */

typedef struct pw_item {
    ptrdiff_t s, m;
    int owner; /* the rank holding [s, s+m), or -1 for a leaf that straddles ranks */
} pw_item;

typedef struct pw_plan {
    int P, me;
    const ptrdiff_t *bound; /* rank r holds [bound[r], bound[r+1]) of every row */
    ptrdiff_t R, n;         /* rows, sequence length */
    pw_item *items;
    ptrdiff_t nitems, cap;
    bool f32;
} pw_plan;

static int owner_of(const pw_plan *p, ptrdiff_t s, ptrdiff_t m)
{
    for (int r = 0; r < p->P; r++)
        if (p->bound[r] <= s && s + m <= p->bound[r + 1] && p->bound[r] < p->bound[r + 1]) return r;
    return -1;
}

static bool is_item(const pw_plan *p, ptrdiff_t s, ptrdiff_t m, int *owner)
{
    *owner = owner_of(p, s, m);
    return *owner >= 0 || m <= PW_LEAF;
}

static nd_status visit(pw_plan *p, ptrdiff_t s, ptrdiff_t m)
{
    int own;
    if (is_item(p, s, m, &own)) {
        if (p->nitems == p->cap) {
            ptrdiff_t nc = p->cap ? 2 * p->cap : 64;
            pw_item *ni = nd_malloc(sizeof(pw_item) * (size_t)nc, "nd_dist_sum");
            if (!ni) return ND_ENOMEM;
            if (p->nitems) memcpy(ni, p->items, sizeof(pw_item) * (size_t)p->nitems);
            nd_free_mem(p->items);
            p->items = ni;
            p->cap = nc;
        }
        p->items[p->nitems++] = (pw_item){ s, m, own };
        return ND_OK;
    }
    ptrdiff_t h = m / 2;
    h -= h % PW_ACC;
    nd_status st = visit(p, s, h);
    return st == ND_OK ? visit(p, s + h, m - h) : st;
}

/* Elements of row-range [s, s+m) that rank r holds. */
static ptrdiff_t part_of(const pw_plan *p, int r, ptrdiff_t s, ptrdiff_t m, ptrdiff_t *from)
{
    ptrdiff_t a = s > p->bound[r] ? s : p->bound[r], b = s + m < p->bound[r + 1] ? s + m : p->bound[r + 1];
    *from = a;
    return b > a ? b - a : 0;
}

/* Doubles (or floats widened) rank r sends for item it. */
static ptrdiff_t contrib(const pw_plan *p, int r, const pw_item *it)
{
    if (it->owner >= 0) return it->owner == r ? p->R : 0;
    ptrdiff_t from;
    return p->R * part_of(p, r, it->s, it->m, &from);
}

/* Row sums of a (R, m) array in its dtype, as doubles. */
static nd_status row_sums(const nd_array *x, double *out, ptrdiff_t R)
{
    nd_array *s = nd_sum_(x, &(nd_reduce_opts){ ._ = 0, .axis = 1 });
    if (!s) return nd_last_error();
    nd_array *d = nd_astype(s, ND_FLOAT64, ND_CAST_SAFE);
    nd_free(s);
    if (!d) return nd_last_error();
    memcpy(out, nd_data(d), sizeof(double) * (size_t)R);
    nd_free(d);
    return ND_OK;
}

static void combine(const pw_plan *p, ptrdiff_t s, ptrdiff_t m, const double *vals, ptrdiff_t *k, double *out,
                    double *scratch)
{
    int own;
    if (is_item(p, s, m, &own)) {
        memcpy(out, vals + *k * p->R, sizeof(double) * (size_t)p->R);
        (*k)++;
        return;
    }
    ptrdiff_t h = m / 2;
    h -= h % PW_ACC;
    double *b = scratch, *next = scratch + p->R;
    combine(p, s, h, vals, k, out, next);
    combine(p, s + h, m - h, vals, k, b, next);
    for (ptrdiff_t i = 0; i < p->R; i++)
        out[i] = p->f32 ? (double)((float)out[i] + (float)b[i]) : out[i] + b[i];
}

/* Row sums over the global sequence of every row, numc's way: the pairwise tree over each
 * block of `top` elements (top = n: one tree), blocks added in order to a zero start.
 * `loc` is this rank's (R, bound[me+1] - bound[me]) C-contiguous piece in the sum's
 * dtype (float32 or float64). res: R doubles (float32 values widened), on every rank. */
static nd_status seg_sum(const nd_dist *d, const nd_array *loc, ptrdiff_t R, ptrdiff_t n, const ptrdiff_t *bound,
                         ptrdiff_t top, double *res, const char *who)
{
    pw_plan p = { d->nprocs, d->rank, bound, R, n, NULL, 0, 0, nd_dtype_of(loc) == ND_FLOAT32 };
    nd_status st = ND_OK;
    if (top <= 0) top = n > 0 ? n : 1;
    ptrdiff_t nblocks = n > 0 ? (n + top - 1) / top : 0;
    for (ptrdiff_t c = 0; c < nblocks && st == ND_OK; c++)
        st = visit(&p, c * top, (c + 1) * top < n ? top : n - c * top);
    int P = d->nprocs;
    int *cnt = nd_calloc((size_t)P * 2, sizeof(int), who);
    double *sbuf = NULL, *rbuf = NULL, *vals = NULL, *scratch = NULL;
    ptrdiff_t *cur = nd_calloc((size_t)P, sizeof(ptrdiff_t), who);
    if (!cnt || !cur) st = ND_ENOMEM;
    ptrdiff_t tot = 0, mine = 0;
    for (int r = 0; r < P && st == ND_OK; r++) {
        ptrdiff_t c = 0;
        for (ptrdiff_t i = 0; i < p.nitems; i++) c += contrib(&p, r, &p.items[i]);
        if (c > INT_MAX / 2 || tot > INT_MAX / 2)
            st = nd_set_error(ND_EVALUE, "%s: %td partial sums exceed one MPI message", who, c);
        cnt[P + r] = (int)tot;
        cnt[r] = (int)c;
        tot += c;
        if (r == p.me) mine = c;
    }
    if (st == ND_OK) {
        sbuf = nd_malloc(sizeof(double) * (size_t)(mine > 0 ? mine : 1), who);
        rbuf = nd_malloc(sizeof(double) * (size_t)(tot > 0 ? tot : 1), who);
        vals = nd_malloc(sizeof(double) * (size_t)(p.nitems > 0 ? p.nitems * R : 1), who);
        scratch = nd_malloc(sizeof(double) * (size_t)R * 130, who);
        if (!sbuf || !rbuf || !vals || !scratch) st = ND_ENOMEM;
    }
    /* This rank's contributions, item by item. */
    ptrdiff_t off = 0, myl = bound[p.me];
    size_t isz = nd_itemsize(loc);
    for (ptrdiff_t i = 0; i < p.nitems && st == ND_OK; i++) {
        const pw_item *it = &p.items[i];
        if (it->owner == p.me) {
            nd_index ix[2] = { ND_ALL, ND_SLICE(it->s - myl, it->s - myl + it->m, 1) };
            nd_array *v = nd_slice(loc, 2, ix);
            st = v ? row_sums(v, sbuf + off, R) : nd_last_error();
            nd_free(v);
            off += R;
        } else if (it->owner < 0) {
            ptrdiff_t from, k = part_of(&p, p.me, it->s, it->m, &from);
            const char *base = nd_data(loc);
            ptrdiff_t rs = nd_strides(loc)[0];
            for (ptrdiff_t row = 0; row < R && k > 0; row++)
                for (ptrdiff_t j = 0; j < k; j++) {
                    const char *e = base + row * rs + (ptrdiff_t)((size_t)(from - myl + j) * isz);
                    sbuf[off + row * k + j] = p.f32 ? (double)*(const float *)e : *(const double *)e;
                }
            off += R * k;
        }
    }
    st = nd__dist_agree(d->comm, st);
    if (st == ND_OK)
        st = nd__dist_agree(d->comm, nd__mpi_status(MPI_Allgatherv(sbuf, (int)mine, MPI_DOUBLE, rbuf, cnt, cnt + P,
                                                                   MPI_DOUBLE, d->comm),
                                                    who, "MPI_Allgatherv"));
    /* Every frontier value, in tree order. */
    for (int r = 0; r < P; r++) cur[r] = cnt ? cnt[P + r] : 0;
    nd_array *leaf = NULL;
    for (ptrdiff_t i = 0; i < p.nitems && st == ND_OK; i++) {
        const pw_item *it = &p.items[i];
        if (it->owner >= 0) {
            memcpy(vals + i * R, rbuf + cur[it->owner], sizeof(double) * (size_t)R);
            cur[it->owner] += R;
            continue;
        }
        /* a straddling leaf: its rows assembled from the ranks' parts, then summed by numc */
        ptrdiff_t shape[2] = { R, it->m };
        leaf = (nd_empty)(2, shape, p.f32 ? ND_FLOAT32 : ND_FLOAT64);
        if (!leaf) {
            st = nd_last_error();
            break;
        }
        for (int r = 0; r < P; r++) {
            ptrdiff_t from, k = part_of(&p, r, it->s, it->m, &from);
            if (k == 0) continue;
            for (ptrdiff_t row = 0; row < R; row++)
                for (ptrdiff_t j = 0; j < k; j++) {
                    double v = rbuf[cur[r] + row * k + j];
                    ptrdiff_t at = row * it->m + (from - it->s) + j;
                    if (p.f32) ((float *)nd_data(leaf))[at] = (float)v;
                    else ((double *)nd_data(leaf))[at] = v;
                }
            cur[r] += R * k;
        }
        st = row_sums(leaf, vals + i * R, R);
        nd_free(leaf);
        leaf = NULL;
    }
    /* Up the tree, block by block, from numc's zero start. */
    if (st == ND_OK) {
        for (ptrdiff_t i = 0; i < R; i++) res[i] = 0.0;
        ptrdiff_t k = 0;
        double *blk = scratch, *sc = scratch + R;
        for (ptrdiff_t c = 0; c < nblocks; c++) {
            combine(&p, c * top, (c + 1) * top < n ? top : n - c * top, vals, &k, blk, sc);
            for (ptrdiff_t i = 0; i < R; i++)
                res[i] = p.f32 ? (double)((float)res[i] + (float)blk[i]) : res[i] + blk[i];
        }
    }
    nd_free_mem(p.items);
    nd_free_mem(cnt);
    nd_free_mem(cur);
    nd_free_mem(sbuf);
    nd_free_mem(rbuf);
    nd_free_mem(vals);
    nd_free_mem(scratch);
    return nd__dist_agree(d->comm, st);
}

/* The piece in dtype t, C-contiguous: the piece itself (a new reference) when it already is. */
static nd_array *piece_as(const nd_array *local, nd_dtype t)
{
    if (nd_dtype_of(local) == t && nd_is_c_contiguous(local)) return nd_ref(local);
    return nd_astype(local, t, ND_CAST_UNSAFE);
}

/* ---- shared plumbing ------------------------------------------------------------------- */

enum { R_SUM, R_MEAN, R_VAR, R_STD, R_MIN, R_MAX, R_ALL, R_ANY, R_ARGMIN, R_ARGMAX };
static const char *const rname[] = { "nd_dist_sum", "nd_dist_mean", "nd_dist_var", "nd_dist_std",
                                     "nd_dist_min", "nd_dist_max", "nd_dist_all", "nd_dist_any",
                                     "nd_dist_argmin", "nd_dist_argmax" };

/* numc's single-process reduction of a local array. */
static nd_array *local_reduce(int op, const nd_array *x, int axis, double ddof)
{
    nd_reduce_opts o = { ._ = 0, .axis = axis };
    o.ddof = ddof;
    switch (op) {
    case R_SUM: return nd_sum_(x, &o);
    case R_MEAN: return nd_mean_(x, &o);
    case R_VAR: return nd_var_(x, &o);
    case R_STD: return nd_std_(x, &o);
    case R_MIN: return nd_amin_(x, &o);
    case R_MAX: return nd_amax_(x, &o);
    case R_ALL: return nd_all_(x, &o);
    case R_ANY: return nd_any_(x, &o);
    case R_ARGMIN: return nd_argmin_(x, &o);
    default: return nd_argmax_(x, &o);
    }
}

/* A REPLICATED nd_dist around a result every rank computed identically. */
static nd_dist *replicated(const nd_dist *a, nd_array *res, const char *who)
{
    nd_dist *out = NULL;
    nd_distribution rep = nd_dist_replicated();
    if (nd__dist_adopt(a->comm, nd_ndim(res), nd_shape(res), nd_dtype_of(res), &rep, res, &out, who) != ND_OK)
        return NULL;
    return out;
}

/* The dtype numc's sum accumulates in. */
static nd_dtype sum_dtype(nd_dtype t)
{
    if (t == ND_BOOL || nd_dtype_kind(t) == 'i') return ND_INT64;
    if (nd_dtype_kind(t) == 'u') return ND_UINT64;
    return t;
}

/* ---- reductions over the distributed axis (BLOCK) or over everything ---------------------
 * `x` is BLOCK along axis k (the caller redistributes other layouts first). */

/* Order-free reductions (min, max, all, any, argmin, argmax) and exact integer sums:
 * every rank reduces its piece, the candidates are gathered and reduced again. */
static nd_array *gather_candidates(const nd_dist *x, int op, int axis, nd_status *st, const char *who)
{
    int k = x->dist.axis, P = x->nprocs;
    bool all = axis == ND_AXIS_NONE;
    ptrdiff_t ln = nd_shape(x->local)[k];
    bool have = ln > 0 && nd_size(x->local) > 0;
    /* the candidate shape: the result's shape (axis None: a scalar) */
    int rnd = 0;
    ptrdiff_t rsh[ND_MAXDIMS];
    if (!all)
        for (int q = 0; q < x->ndim; q++)
            if (q != k) rsh[rnd++] = x->shape[q];
    ptrdiff_t rsize = 1;
    for (int q = 0; q < rnd; q++) rsize *= rsh[q];
    bool arg = op == R_ARGMIN || op == R_ARGMAX;
    nd_dtype vt = op == R_SUM ? sum_dtype(x->dtype) : op == R_ALL || op == R_ANY ? ND_BOOL : x->dtype;
    size_t vsz = nd_dtype_size(vt);
    /* per rank: a flag, the values and (arg*) the global indices as int64 */
    size_t vbytes = ((size_t)rsize * vsz + 7) / 8 * 8; /* records stay 8-byte aligned */
    size_t rec = 8 + vbytes + (arg ? (size_t)rsize * 8 : 0);
    char *mine = nd_calloc(1, rec, who), *all_recs = nd_malloc(rec * (size_t)P, who);
    if (!mine || !all_recs) *st = ND_ENOMEM;
    if (*st == ND_OK && have) {
        int vop = op == R_ARGMIN ? R_MIN : op == R_ARGMAX ? R_MAX : op;
        nd_array *v = local_reduce(vop, x->local, all ? ND_AXIS_NONE : k, 0);
        nd_array *vc = v ? nd_astype(v, vt, ND_CAST_SAFE) : NULL;
        nd_array *vi = arg && vc ? local_reduce(op, x->local, all ? ND_AXIS_NONE : k, 0) : NULL;
        if (!vc || (arg && !vi)) *st = nd_last_error();
        if (*st == ND_OK) {
            *(int64_t *)mine = 1;
            memcpy(mine + 8, nd_data(vc), (size_t)rsize * vsz);
            if (arg) {
                int64_t *gi = (int64_t *)(void *)(mine + 8 + vbytes);
                const int64_t *li = nd_data(vi);
                for (ptrdiff_t i = 0; i < rsize; i++) {
                    if (!all) {
                        gi[i] = li[i] + x->offset[k];
                        continue;
                    }
                    /* flat local index -> flat global index */
                    ptrdiff_t l[ND_MAXDIMS], g[ND_MAXDIMS], rem = li[i];
                    for (int q = x->ndim - 1; q >= 0; q--) {
                        l[q] = rem % nd_shape(x->local)[q];
                        rem /= nd_shape(x->local)[q];
                    }
                    if (nd_dist_local_to_global(x, l, g) != ND_OK) *st = nd_last_error();
                    ptrdiff_t flat = 0;
                    for (int q = 0; q < x->ndim; q++) flat = flat * x->shape[q] + g[q];
                    gi[i] = flat;
                }
            }
        }
        nd_free(v);
        nd_free(vc);
        nd_free(vi);
    }
    *st = nd__dist_agree(x->comm, *st);
    if (*st == ND_OK)
        *st = nd__dist_agree(x->comm, nd__mpi_status(MPI_Allgather(mine, (int)rec, MPI_BYTE, all_recs, (int)rec,
                                                                   MPI_BYTE, x->comm),
                                                     who, "MPI_Allgather"));
    nd_array *res = NULL;
    if (*st == ND_OK) {
        /* the ranks that hold something, in rank order (for BLOCK: increasing index) */
        int nh = 0;
        for (int r = 0; r < P; r++) nh += *(int64_t *)(void *)(all_recs + rec * (size_t)r) != 0;
        if (nh == 0) {
            /* an empty global array: numc's answer on an empty array of the global shape */
            nd_array *e = (nd_empty)(x->ndim, x->shape, x->dtype);
            res = e ? local_reduce(op, e, all ? ND_AXIS_NONE : k, 0) : NULL;
            nd_free(e);
            if (!res) *st = nd_last_error();
        } else {
            ptrdiff_t csh[ND_MAXDIMS + 1];
            csh[0] = nh;
            for (int q = 0; q < rnd; q++) csh[q + 1] = rsh[q];
            nd_array *cv = (nd_empty)(rnd + 1, csh, vt), *ci = arg ? (nd_empty)(rnd + 1, csh, ND_INT64) : NULL;
            if (!cv || (arg && !ci)) *st = nd_last_error();
            for (int r = 0, j = 0; r < P && *st == ND_OK; r++) {
                const char *p = all_recs + rec * (size_t)r;
                if (!*(const int64_t *)(const void *)p) continue;
                memcpy((char *)nd_data(cv) + (size_t)j * (size_t)rsize * vsz, p + 8, (size_t)rsize * vsz);
                if (arg)
                    memcpy((char *)nd_data(ci) + (size_t)j * (size_t)rsize * 8, p + 8 + vbytes,
                           (size_t)rsize * 8);
                j++;
            }
            if (*st == ND_OK && !arg) {
                int cop = op;
                res = local_reduce(cop, cv, 0, 0);
                if (!res) *st = nd_last_error();
            } else if (*st == ND_OK) {
                /* for axis None the candidates must be in global flat order: a rank's
                 * candidate precedes another's when its index is smaller (ties: equal
                 * values at different places keep the first) */
                if (all) {
                    int64_t *gi = nd_data(ci);
                    size_t vs = vsz;
                    char *vv = nd_data(cv), tmpv[16];
                    for (int a2 = 1; a2 < nh; a2++)
                        for (int b2 = a2; b2 > 0 && gi[b2 - 1] > gi[b2]; b2--) {
                            int64_t t = gi[b2];
                            gi[b2] = gi[b2 - 1];
                            gi[b2 - 1] = t;
                            memcpy(tmpv, vv + (size_t)b2 * vs, vs);
                            memcpy(vv + (size_t)b2 * vs, vv + (size_t)(b2 - 1) * vs, vs);
                            memcpy(vv + (size_t)(b2 - 1) * vs, tmpv, vs);
                        }
                }
                nd_array *w = local_reduce(op, cv, 0, 0); /* which candidate wins */
                if (!w) *st = nd_last_error();
                else {
                    nd_array *w2 = nd_expand_dims(w, 0);
                    nd_array *t = w2 ? nd_take_along_axis(ci, w2, 0) : NULL;
                    res = t ? nd_squeeze(t, 1, (const int[]){ 0 }) : NULL;
                    if (res) {
                        nd_array *c = nd_ascontiguousarray(res);
                        nd_free(res);
                        res = c;
                    }
                    if (!res) *st = nd_last_error();
                    nd_free(t);
                    nd_free(w2);
                    nd_free(w);
                }
            }
            nd_free(cv);
            nd_free(ci);
        }
    }
    nd_free_mem(mine);
    nd_free_mem(all_recs);
    *st = nd__dist_agree(x->comm, *st);
    if (*st != ND_OK) {
        nd_free(res);
        return NULL;
    }
    return res;
}

/* Sequential fold of rows (a kept axis innermost in numc's loop): acc = 0, then
 * acc += row for the rows of axis k in order, passed from rank to rank. x's piece is cast
 * to t first (numc's buffered cast). Result: R x inner values, on every rank. */
static nd_array *fold_rows(const nd_dist *x, nd_dtype t, nd_status *st, const char *who)
{
    int k = x->dist.axis, P = x->nprocs, me = x->rank;
    ptrdiff_t outer = 1, inner = 1, lk = nd_shape(x->local)[k];
    for (int q = 0; q < k; q++) outer *= x->shape[q];
    for (int q = k + 1; q < x->ndim; q++) inner *= x->shape[q];
    ptrdiff_t ash[2] = { outer, inner };
    nd_array *acc = (nd_zeros)(2, ash, t);
    nd_array *loc = piece_as(x->local, t);
    nd_array *l3 = loc ? nd_reshape(loc, 3, (ptrdiff_t[]){ outer, lk, inner }) : NULL;
    if (!acc || !l3) *st = nd_last_error() != ND_OK ? nd_last_error() : ND_ENOMEM;
    MPI_Datatype bt = MPI_DATATYPE_NULL;
    if (*st == ND_OK) *st = nd__dist_byte_type(nd_dtype_size(t), &bt, who);
    if (*st == ND_OK && outer * inner > INT_MAX) *st = nd_set_error(ND_EVALUE, "%s: result too large", who);
    *st = nd__dist_agree(x->comm, *st);
    bool chain = *st == ND_OK;
    /* rank r waits for r-1's accumulator (ranks holding nothing pass it on) */
    int cnt = (int)(outer * inner);
    if (chain && me > 0)
        *st = nd__mpi_status(MPI_Recv(nd_data(acc), cnt, bt, me - 1, 77, x->comm, MPI_STATUS_IGNORE), who, "MPI_Recv");
    for (ptrdiff_t j = 0; j < lk && *st == ND_OK; j++) {
        nd_index ix[3] = { ND_ALL, ND_AT(j), ND_ALL };
        nd_array *row = nd_slice(l3, 3, ix);
        *st = row ? nd_add_into(acc, acc, row) : nd_last_error();
        nd_free(row);
    }
    if (chain && me + 1 < P) {
        /* in the chain a rank always sends, even after a local failure: nobody waits forever */
        nd_status s2 = nd__mpi_status(MPI_Send(nd_data(acc), cnt, bt, me + 1, 77, x->comm), who, "MPI_Send");
        if (*st == ND_OK) *st = s2;
    }
    *st = nd__dist_agree(x->comm, *st);
    if (*st == ND_OK)
        *st = nd__dist_agree(x->comm, nd__mpi_status(MPI_Bcast(nd_data(acc), cnt, bt, P - 1, x->comm), who, "MPI_Bcast"));
    if (bt != MPI_DATATYPE_NULL) MPI_Type_free(&bt);
    nd_free(l3);
    nd_free(loc);
    if (*st != ND_OK) {
        nd_free(acc);
        return NULL;
    }
    return acc;
}

/* The float sum over the distributed axis k (axis) or over everything (axis None, k == 0
 * or nothing before k) as numc computes it on the gathered array; t: the accumulator dtype
 * (float32 / float64); buffered: numc casts into t (ints -> float64: blocks of RED_BUFN).
 * Returns the result array (the global result shape), the same on every rank. */
static nd_array *float_sum(const nd_dist *x, int axis, nd_dtype t, nd_status *st, const char *who)
{
    int k = x->dist.axis, P = x->nprocs;
    bool all = axis == ND_AXIS_NONE;
    bool buffered = x->dtype != t;
    ptrdiff_t outer = 1, inner = 1;
    for (int q = 0; q < k; q++) outer *= x->shape[q];
    for (int q = k + 1; q < x->ndim; q++) inner *= x->shape[q];
    int rnd = 0;
    ptrdiff_t rsh[ND_MAXDIMS];
    if (!all)
        for (int q = 0; q < x->ndim; q++)
            if (q != k) rsh[rnd++] = x->shape[q];
    if (!all && outer * inner == 0) {
        nd_array *z = (nd_zeros)(rnd, rsh, t);
        if (!z) *st = nd_last_error();
        return z;
    }
    if (!all && inner != 1) {
        /* numc adds whole rows: fold them rank after rank */
        nd_array *acc = fold_rows(x, t, st, who);
        if (!acc) return NULL;
        nd_array *r = nd_reshape(acc, rnd, rsh);
        nd_free(acc);
        if (!r) *st = nd_last_error();
        return r;
    }
    /* one pairwise tree per row over the sequence this axis (or the flattened array) gives */
    ptrdiff_t R = all ? 1 : outer, n = all ? x->size : x->shape[k], lk = nd_shape(x->local)[k];
    ptrdiff_t *bound = nd_malloc(sizeof(ptrdiff_t) * (size_t)(P + 1), who);
    double *res = nd_malloc(sizeof(double) * (size_t)(R > 0 ? R : 1), who);
    nd_array *loc = piece_as(x->local, t), *l2 = NULL;
    if (!bound || !res || !loc) *st = nd_last_error() != ND_OK ? nd_last_error() : ND_ENOMEM;
    if (*st == ND_OK) {
        ptrdiff_t unit = all ? inner : 1; /* sequence elements per index of axis k (axis None: outer == 1) */
        for (int r = 0; r <= P; r++) {
            ptrdiff_t lo, hi;
            nd__dist_block_range(x->shape[k], x->dist.block, r < P ? r : P - 1, &lo, &hi);
            bound[r] = (r < P ? lo : hi) * unit;
        }
        l2 = nd_reshape(loc, 2, (ptrdiff_t[]){ R, all ? nd_size(x->local) : lk });
        if (!l2) *st = nd_last_error();
    }
    *st = nd__dist_agree(x->comm, *st);
    if (*st == ND_OK && R > 0) *st = seg_sum(x, l2, R, n, bound, buffered ? RED_BUFN : n, res, who);
    nd_array *out = NULL;
    if (*st == ND_OK) {
        out = (nd_empty)(rnd, rsh, t);
        if (!out) *st = nd_last_error();
        else if (t == ND_FLOAT32)
            for (ptrdiff_t i = 0; i < R; i++) ((float *)nd_data(out))[i] = (float)res[i];
        else memcpy(nd_data(out), res, sizeof(double) * (size_t)R);
    }
    nd_free(l2);
    nd_free(loc);
    nd_free_mem(bound);
    nd_free_mem(res);
    return out;
}

/* numc's mean: the sum in t divided by the count (nd_divide_into with a double). */
static nd_status divide_count(nd_array *s, double cnt, double ddof)
{
    double dn = cnt - ddof;
    return nd_divide_into(s, s, dn > 0 ? dn : 0.0, .casting = ND_CAST_UNSAFE);
}

static nd_dtype stat_dtype(nd_dtype t)
{
    return t == ND_BOOL || nd_dtype_kind(t) == 'i' || nd_dtype_kind(t) == 'u' ? ND_FLOAT64 : t;
}

/* The sum (R_SUM) or mean (R_MEAN) over axis k / everything, replicated. */
static nd_array *sum_like(const nd_dist *x, int op, int axis, nd_status *st, const char *who)
{
    nd_dtype t = op == R_SUM ? sum_dtype(x->dtype) : stat_dtype(x->dtype);
    nd_array *s = NULL;
    if (t == ND_FLOAT32 || t == ND_FLOAT64) s = float_sum(x, axis, t, st, who);
    else s = gather_candidates(x, R_SUM, axis, st, who); /* exact integers */
    if (s && op == R_MEAN) {
        double cnt = axis == ND_AXIS_NONE ? (double)x->size : (double)x->shape[x->dist.axis];
        *st = nd__dist_agree(x->comm, divide_count(s, cnt, 0));
        if (*st != ND_OK) {
            nd_free(s);
            s = NULL;
        }
    }
    return s;
}

/* numc's variance: the mean (kept dims), the squared deviations, their sum / (n - ddof).
 * Over everything numc fuses the two passes for float arrays; the deviations are the same
 * elementwise values, so the sum below has the same bits. */
static nd_array *var_like(const nd_dist *x, int op, int axis, double ddof, nd_status *st, const char *who)
{
    nd_dtype t = stat_dtype(x->dtype);
    if (nd_dtype_is_complex(t)) {
        *st = nd__dist_agree(x->comm, nd_set_error(ND_EDTYPE, "%s: complex input is not supported", who));
        return NULL;
    }
    bool all = axis == ND_AXIS_NONE;
    bool fused = all && x->dtype == t && (t == ND_FLOAT64 || t == ND_FLOAT32) && x->size > 0;
    int k = x->dist.axis;
    nd_array *m = sum_like(x, fused ? R_SUM : R_MEAN, axis, st, who);
    if (!m) return NULL;
    if (fused) { /* var_fused: m = sum / n in t (float32: / (float)n) */
        if (t == ND_FLOAT64) *(double *)nd_data(m) = *(double *)nd_data(m) / (double)x->size;
        else *(float *)nd_data(m) = *(float *)nd_data(m) / (float)x->size;
    }
    nd_array *mk = all ? nd_ref(m) : nd_expand_dims(m, k);
    nd_status s2 = ND_OK;
    nd_array *part = NULL, *dev = NULL;
    if (!mk) s2 = nd_last_error();
    if (s2 == ND_OK && !all) s2 = nd__dist_local_part(x, mk, &part, who);
    if (s2 == ND_OK) {
        dev = nd_subtract(x->local, part ? part : mk, .dtype = (int)t, .casting = ND_CAST_UNSAFE);
        if (!dev || nd_multiply_into(dev, dev, dev) != ND_OK) s2 = nd_last_error();
    }
    nd_free(part);
    nd_free(mk);
    nd_free(m);
    nd_dist *dd = NULL;
    if ((*st = nd__dist_agree(x->comm, s2)) != ND_OK) {
        nd_free(dev);
        return NULL;
    }
    if ((*st = nd__dist_adopt(x->comm, x->ndim, x->shape, t, &x->dist, dev, &dd, who)) != ND_OK) return NULL;
    nd_array *v = float_sum(dd, axis, t, st, who);
    nd_dist_free(dd);
    if (!v) return NULL;
    double cnt = all ? (double)x->size : (double)x->shape[k];
    if (fused) {
        /* var_fused: v / (n - ddof) in double, stored in t */
        double dn = cnt - ddof;
        double r = (t == ND_FLOAT64 ? *(double *)nd_data(v) : (double)*(float *)nd_data(v)) / (dn > 0 ? dn : 0.0);
        if (t == ND_FLOAT64) *(double *)nd_data(v) = r;
        else *(float *)nd_data(v) = (float)r;
    } else {
        s2 = divide_count(v, cnt, ddof);
    }
    if (s2 == ND_OK && op == R_STD) s2 = nd_sqrt_into(v, v);
    *st = nd__dist_agree(x->comm, s2);
    if (*st != ND_OK) {
        nd_free(v);
        return NULL;
    }
    return v;
}

/* ---- the entry point ------------------------------------------------------------------ */

static nd_dist *reduce(const nd_dist *a, int op, int axis, double ddof)
{
    const char *who = rname[op];
    if (!a) {
        nd_set_error(ND_EVALUE, "%s: the distributed array is NULL", who);
        return NULL;
    }
    nd_status st = ND_OK;
    if (axis != ND_AXIS_NONE) {
        if (axis < -a->ndim || axis >= a->ndim)
            st = nd_set_error(ND_EAXIS, "%s: axis %d is out of bounds for array of dimension %d", who, axis, a->ndim);
        else if (axis < 0)
            axis += a->ndim;
    }
    /* the same reduction on every rank (else they would take different paths) */
    double args[3] = { (double)op, (double)axis, ddof };
    nd_status same = nd__dist_check_same(a->comm, args, sizeof args, who, "the axis or ddof");
    if (st == ND_OK) st = same;
    if (st == ND_OK && nd_dtype_is_complex(a->dtype) && (op == R_SUM || op == R_MEAN || op == R_VAR || op == R_STD))
        st = nd_set_error(ND_EDTYPE, "%s: complex distributed sums are not supported (reduce the real and "
                          "imaginary parts)", who);
    if (nd__dist_agree(a->comm, st) != ND_OK) return NULL;

    /* REPLICATED: numc itself, on every rank. */
    if (a->dist.kind == ND_DIST_REPLICATED) {
        nd_array *r = local_reduce(op, a->local, axis, ddof);
        if (agree_fail(a, r ? ND_OK : nd_last_error(), NULL) != ND_OK) {
            nd_free(r);
            return NULL;
        }
        return replicated(a, r, who);
    }

    /* A BLOCK array reduced over another axis: local, the result stays distributed. */
    if (a->dist.kind == ND_DIST_BLOCK && axis != ND_AXIS_NONE && axis != a->dist.axis) {
        int k = a->dist.axis;
        const nd_array *src = a->local;
        nd_array *pad = NULL;
        /* numc's loop order depends on whether the kept axes after `axis` are all of
         * length 1; keep that the same as on the gathered array */
        ptrdiff_t ginner = 1, linner = 1;
        for (int q = axis + 1; q < a->ndim; q++) {
            ginner *= a->shape[q];
            linner *= nd_shape(a->local)[q];
        }
        if (k > axis && ginner != 1 && linner == 1) {
            ptrdiff_t ps[ND_MAXDIMS];
            for (int q = 0; q < a->ndim; q++) ps[q] = nd_shape(a->local)[q];
            ps[k] = 2;
            pad = (nd_zeros)(a->ndim, ps, a->dtype);
            nd_index ix[ND_MAXDIMS];
            for (int q = 0; q < a->ndim; q++) ix[q] = ND_ALL;
            ix[k] = ND_SLICE(0, 1, 1);
            nd_array *first = pad ? nd_slice(pad, a->ndim, ix) : NULL;
            if (!first || nd_assign(first, a->local, ND_CAST_NO) != ND_OK) st = nd_last_error();
            nd_free(first);
            src = pad;
        }
        nd_array *r = st == ND_OK ? local_reduce(op, src, axis, ddof) : NULL;
        if (r && pad) {
            nd_index ix[ND_MAXDIMS];
            int rk = k - (axis < k);
            for (int q = 0; q < a->ndim - 1; q++) ix[q] = ND_ALL;
            ix[rk] = ND_SLICE(0, 1, 1);
            nd_array *v = nd_slice(r, a->ndim - 1, ix), *c = v ? nd_ascontiguousarray(v) : NULL;
            nd_free(v);
            nd_free(r);
            r = c;
        }
        nd_free(pad);
        if (st == ND_OK && !r) st = nd_last_error();
        if (nd__dist_agree(a->comm, st) != ND_OK) {
            nd_free(r);
            return NULL;
        }
        ptrdiff_t rs[ND_MAXDIMS];
        int rn = 0;
        for (int q = 0; q < a->ndim; q++)
            if (q != axis) rs[rn++] = a->shape[q];
        nd_distribution rd = a->dist;
        rd.axis = k - (axis < k);
        nd_dist *out = NULL;
        if (nd__dist_adopt(a->comm, rn, rs, nd_dtype_of(r), &rd, r, &out, who) != ND_OK) return NULL;
        return out;
    }

    /* Everything else works on BLOCK along the reduced axis (axis None: along axis 0, so
     * that each rank holds one contiguous run of the flattened array). Other layouts are
     * redistributed first: the whole array moves once. */
    int want = axis == ND_AXIS_NONE ? 0 : axis;
    bool order_free = op == R_MIN || op == R_MAX || op == R_ALL || op == R_ANY || op == R_ARGMIN || op == R_ARGMAX;
    const nd_dist *x = a;
    nd_dist *moved = NULL;
    bool contiguous_runs = a->dist.kind == ND_DIST_BLOCK;
    if (contiguous_runs && axis == ND_AXIS_NONE)
        for (int q = 0; q < a->dist.axis; q++) contiguous_runs = contiguous_runs && a->shape[q] == 1;
    if (!(a->dist.kind == ND_DIST_BLOCK && (axis != ND_AXIS_NONE ? a->dist.axis == axis : contiguous_runs)) &&
        !(order_free && axis == ND_AXIS_NONE)) {
        if (a->ndim == 0) {
            nd_distribution rep = nd_dist_replicated();
            moved = nd_dist_redistribute(a, &rep);
        } else {
            nd_distribution b = nd_dist_block(want);
            moved = nd_dist_redistribute(a, &b);
        }
        if (!moved) return NULL;
        x = moved;
        if (x->dist.kind == ND_DIST_REPLICATED) {
            nd_dist *r = reduce(x, op, axis, ddof);
            nd_dist_free(moved);
            return r;
        }
    }
    nd_array *res = NULL;
    switch (op) {
    case R_SUM:
    case R_MEAN: res = sum_like(x, op, axis, &st, who); break;
    case R_VAR:
    case R_STD: res = var_like(x, op, axis, ddof, &st, who); break;
    default: res = gather_candidates(x, op, axis, &st, who); break;
    }
    nd_dist_free(moved);
    if (!res) return NULL;
    return replicated(a, res, who);
}

nd_dist *nd_dist_sum(const nd_dist *a, int axis) { return reduce(a, R_SUM, axis, 0); }
nd_dist *nd_dist_mean(const nd_dist *a, int axis) { return reduce(a, R_MEAN, axis, 0); }
nd_dist *nd_dist_var(const nd_dist *a, int axis, double ddof) { return reduce(a, R_VAR, axis, ddof); }
nd_dist *nd_dist_std(const nd_dist *a, int axis, double ddof) { return reduce(a, R_STD, axis, ddof); }
nd_dist *nd_dist_min(const nd_dist *a, int axis) { return reduce(a, R_MIN, axis, 0); }
nd_dist *nd_dist_max(const nd_dist *a, int axis) { return reduce(a, R_MAX, axis, 0); }
nd_dist *nd_dist_all(const nd_dist *a, int axis) { return reduce(a, R_ALL, axis, 0); }
nd_dist *nd_dist_any(const nd_dist *a, int axis) { return reduce(a, R_ANY, axis, 0); }
nd_dist *nd_dist_argmin(const nd_dist *a, int axis) { return reduce(a, R_ARGMIN, axis, 0); }
nd_dist *nd_dist_argmax(const nd_dist *a, int axis) { return reduce(a, R_ARGMAX, axis, 0); }
