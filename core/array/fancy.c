/* Advanced indexing: NumPy's a[idx] and a[idx] = v with integer and boolean index arrays
 * (nd_getitem / nd_setitem), and the same in NumPy's syntax (nd_getitem_str).
 *
 * The index is split in two, as NumPy's mapping.c does: the basic items (slices, newaxis,
 * ellipsis, and integers when no array is present) make a view V of `a`, in which every
 * advanced axis is kept whole; the advanced items (index arrays, bool arrays replaced by
 * their nonzero() arrays, and integers when an array is present) broadcast to a shape B,
 * and each position of B becomes one byte offset into V. The result is then
 * P + B + Q (P the non-advanced axes of V before the advanced ones when those are
 * adjacent, Q the rest) and a gather / scatter walks P, B and copies Q blocks. */
#include <numc/manip.h>

#include <string.h>

#include "internal.h"

typedef struct adv_index {
    int vdim;     /* axis of the basic view V it indexes */
    int axis;     /* axis of `a` (error messages name it, as NumPy does) */
    nd_array *ix; /* int64 index array (owned) */
} adv_index;

typedef struct plan {
    nd_array *v; /* the basic view */
    int nadv;
    adv_index adv[ND_MAXDIMS];
    bool consecutive;
    int bnd, np, nq, rnd;
    ptrdiff_t bshape[ND_MAXDIMS], bsize;
    ptrdiff_t pshape[ND_MAXDIMS], pstr[ND_MAXDIMS], psize;
    ptrdiff_t qshape[ND_MAXDIMS], qstr[ND_MAXDIMS], qsize;
    ptrdiff_t rshape[ND_MAXDIMS];
    ptrdiff_t *off; /* bsize byte offsets into V, C order over B */
} plan;

static void plan_free(plan *pl)
{
    nd_free(pl->v);
    for (int k = 0; k < pl->nadv; k++) nd_free(pl->adv[k].ix);
    nd_free_mem(pl->off);
    memset(pl, 0, sizeof *pl);
}

static nd_status add_adv(plan *pl, int vdim, int axis, nd_array *ix, const char *who)
{
    if (!ix) return nd_last_error();
    if (pl->nadv == ND_MAXDIMS) {
        nd_free(ix);
        return nd_set_error(ND_EINDEX, "%s: too many index arrays", who);
    }
    pl->adv[pl->nadv++] = (adv_index){ vdim, axis, ix };
    return ND_OK;
}

static nd_array *int64_scalar(ptrdiff_t v)
{
    nd_array *s = nd_empty(0, NULL, ND_INT64);
    if (s) *(int64_t *)nd_data(s) = (int64_t)v;
    return s;
}

/* Shape string of an array for messages. */
static const char *shp(char *buf, const nd_array *x)
{
    return nd__shape_str(buf, ND_SHAPE_STRLEN, x->ndim, x->shape);
}

/* Split the index into the basic view and the advanced arrays (see the file comment). */
static nd_status plan_build(plan *pl, const nd_array *a, int n, const nd_index *idx, const char *who)
{
    memset(pl, 0, sizeof *pl);
    if (!a) return nd_set_error(ND_EVALUE, "%s: array is NULL", who);
    if (n < 0 || (n > 0 && !idx)) return nd_set_error(ND_EVALUE, "%s: bad index count %d", who, n);
    if (n > 2 * ND_MAXDIMS + 1) return nd_set_error(ND_EINDEX, "%s: too many index items (%d)", who, n);
    int consumed = 0, ellipses = 0;
    bool fancy = false;
    for (int i = 0; i < n; i++) {
        const nd_index *ix = &idx[i];
        switch (ix->kind) {
        case ND_IX_ELLIPSIS: ellipses++; break;
        case ND_IX_NEWAXIS: break;
        case ND_IX_SLICE:
            if (ix->step == PTRDIFF_MIN) return nd_set_error(ND_EVALUE, "%s: slice step is too small", who);
            consumed++;
            break;
        case ND_IX_INT: consumed++; break;
        case ND_IX_ARRAY:
            if (!ix->array) return nd_set_error(ND_EVALUE, "%s: index array of item %d is NULL", who, i);
            if (ix->array->dtype == ND_BOOL) consumed += ix->array->ndim;
            else if (ix->start == 1)
                return nd_set_error(ND_EDTYPE, "%s: ND_MASK needs a bool array, not %s (item %d)", who,
                                    nd_dtype_name(ix->array->dtype), i);
            else if (nd_dtype_is_integer(ix->array->dtype)) consumed++;
            else
                return nd_set_error(ND_EDTYPE,
                                    "%s: arrays used as indices must be of integer (or boolean) type, not %s "
                                    "(item %d)",
                                    who, nd_dtype_name(ix->array->dtype), i);
            fancy = true;
            break;
        default: return nd_set_error(ND_EVALUE, "%s: index item %d has unknown kind %d", who, i, (int)ix->kind);
        }
    }
    if (ellipses > 1) return nd_set_error(ND_EINDEX, "%s: an index can only have a single ellipsis ('...')", who);
    if (consumed > a->ndim)
        return nd_set_error(ND_EINDEX, "%s: too many indices for array: array is %d-dimensional, but %d were indexed",
                            who, a->ndim, consumed);
    nd_index basic[3 * ND_MAXDIMS + 2]; /* n items, bool arrays expanding to their ndim */
    int nb = 0, dim = 0, vd = 0, state = 0; /* state: 0 no advanced yet, 1 in a run, 2 run ended */
    pl->consecutive = true;
    nd_status st = ND_OK;
    for (int i = 0; i < n && st == ND_OK; i++) {
        const nd_index *ix = &idx[i];
        bool advanced = ix->kind == ND_IX_ARRAY || (ix->kind == ND_IX_INT && fancy);
        if (advanced) {
            if (state == 2) pl->consecutive = false;
            state = 1;
        } else if (state == 1 && !(ix->kind == ND_IX_ELLIPSIS && a->ndim == consumed)) {
            state = 2; /* a slice, newaxis or non-empty ellipsis separates advanced items */
        }
        switch (ix->kind) {
        case ND_IX_ELLIPSIS:
            basic[nb++] = *ix;
            vd += a->ndim - consumed;
            dim += a->ndim - consumed;
            break;
        case ND_IX_NEWAXIS:
            basic[nb++] = *ix;
            vd++;
            break;
        case ND_IX_SLICE:
            basic[nb++] = *ix;
            vd++;
            dim++;
            break;
        case ND_IX_INT: {
            ptrdiff_t k = ix->start, ext = a->shape[dim];
            if (k < -ext || k >= ext)
                return nd_set_error(ND_EINDEX, "%s: index %td is out of bounds for axis %d with size %td", who, k,
                                    dim, ext);
            if (fancy) {
                basic[nb++] = ND_ALL;
                st = add_adv(pl, vd++, dim, int64_scalar(k), who);
            } else {
                basic[nb++] = *ix;
            }
            dim++;
            break;
        }
        default: { /* ND_IX_ARRAY */
            const nd_array *x = ix->array;
            if (x->dtype != ND_BOOL) {
                basic[nb++] = ND_ALL;
                nd_array *c = x->dtype == ND_INT64 ? nd_ref(x) : nd_astype(x, ND_INT64, ND_CAST_UNSAFE);
                st = add_adv(pl, vd++, dim++, c, who);
            } else if (x->ndim == 0) {
                /* a[True] / a[False]: a new axis of length 1 indexed by [0] or []. */
                basic[nb++] = ND_NEWAXIS;
                ptrdiff_t len = *(const bool *)x->data ? 1 : 0;
                nd_array *c = nd_zeros(1, &len, ND_INT64);
                st = add_adv(pl, vd++, dim, c, who);
            } else {
                for (int d = 0; d < x->ndim; d++)
                    if (x->shape[d] != a->shape[dim + d])
                        return nd_set_error(ND_EINDEX,
                                            "%s: boolean index did not match indexed array along dimension %d; "
                                            "dimension is %td but corresponding boolean dimension is %td",
                                            who, dim + d, a->shape[dim + d], x->shape[d]);
                nd_array *nz[ND_MAXDIMS];
                if ((st = nd_nonzero(x, nz)) < 0) break;
                for (int d = 0; d < x->ndim; d++) {
                    basic[nb++] = ND_ALL;
                    if (st == ND_OK) st = add_adv(pl, vd, dim, nz[d], who);
                    else nd_free(nz[d]);
                    vd++;
                    dim++;
                }
            }
            break;
        }
        }
    }
    if (st < 0) return st;
    if (!(pl->v = nd_slice(a, nb, basic))) return nd_last_error();
    if (pl->nadv == 0) return ND_OK;
    const nd_array *v = pl->v;
    /* Broadcast the index arrays (NumPy's message lists every shape). */
    int bnd = 0;
    for (int k = 0; k < pl->nadv; k++)
        if (pl->adv[k].ix->ndim > bnd) bnd = pl->adv[k].ix->ndim;
    for (int d = 0; d < bnd; d++) pl->bshape[d] = 1;
    for (int k = 0; k < pl->nadv; k++) {
        const nd_array *x = pl->adv[k].ix;
        for (int d = 0; d < x->ndim; d++) {
            ptrdiff_t *b = &pl->bshape[bnd - x->ndim + d];
            if (x->shape[d] == *b || x->shape[d] == 1) continue;
            if (*b == 1) {
                *b = x->shape[d];
                continue;
            }
            char msg[1024], buf[ND_SHAPE_STRLEN];
            size_t len = 0;
            for (int j = 0; j < pl->nadv && len < sizeof msg - 1; j++)
                len += (size_t)snprintf(msg + len, sizeof msg - len, " %s", shp(buf, pl->adv[j].ix));
            return nd_set_error(ND_EINDEX,
                                "%s: shape mismatch: indexing arrays could not be broadcast together with shapes%s",
                                who, msg);
        }
    }
    pl->bnd = bnd;
    /* Subspaces: P before the advanced axes (when adjacent), Q the other axes of V. */
    bool is_adv[ND_MAXDIMS + 1] = { false };
    int first = v->ndim;
    for (int k = 0; k < pl->nadv; k++) {
        is_adv[pl->adv[k].vdim] = true;
        if (pl->adv[k].vdim < first) first = pl->adv[k].vdim;
    }
    if (!pl->consecutive) first = 0;
    pl->psize = pl->qsize = 1;
    for (int d = 0; d < v->ndim; d++) {
        if (is_adv[d]) continue;
        if (d < first) {
            pl->pshape[pl->np] = v->shape[d];
            pl->pstr[pl->np++] = v->strides[d];
            pl->psize *= v->shape[d];
        } else {
            pl->qshape[pl->nq] = v->shape[d];
            pl->qstr[pl->nq++] = v->strides[d];
            pl->qsize *= v->shape[d];
        }
    }
    if (pl->np + bnd + pl->nq > ND_MAXDIMS)
        return nd_set_error(ND_EINDEX, "%s: result would have more than %d dimensions", who, ND_MAXDIMS);
    int r = 0;
    for (int d = 0; d < pl->np; d++) pl->rshape[r++] = pl->pshape[d];
    for (int d = 0; d < bnd; d++) pl->rshape[r++] = pl->bshape[d];
    for (int d = 0; d < pl->nq; d++) pl->rshape[r++] = pl->qshape[d];
    pl->rnd = r;
    if ((pl->bsize = nd__shape_size(bnd, pl->bshape, who)) < 0) return nd_last_error();
    if (nd__shape_size(r, pl->rshape, who) < 0) return nd_last_error();
    return ND_OK;
}

/* off[b] += (ix[b] wrapped) * stride over B in C order; ND_EINDEX for an index out of range. */
static nd_status add_offsets(plan *pl, const adv_index *ad, const char *who)
{
    const nd_array *v = pl->v;
    ptrdiff_t ext = v->shape[ad->vdim], stride = v->strides[ad->vdim];
    nd_array *bv = nd__broadcast_view(ad->ix, pl->bnd, pl->bshape, who);
    if (!bv) return nd_last_error();
    int nd = pl->bnd;
    ptrdiff_t inner = nd ? pl->bshape[nd - 1] : 1, istr = nd ? bv->strides[nd - 1] : 0;
    ptrdiff_t pos[ND_MAXDIMS] = { 0 }, *off = pl->off;
    const char *row = bv->data;
    nd_status st = ND_OK;
    for (ptrdiff_t done = 0; done < pl->bsize; done += inner) {
        const char *p = row;
        for (ptrdiff_t i = 0; i < inner; i++, p += istr) {
            int64_t k = *(const int64_t *)p;
            int64_t w = k < 0 ? k + ext : k;
            if ((uint64_t)w >= (uint64_t)ext) {
                st = nd_set_error(ND_EINDEX, "%s: index %lld is out of bounds for axis %d with size %td", who,
                                  (long long)k, ad->axis, ext);
                goto out;
            }
            off[done + i] += (ptrdiff_t)w * stride;
        }
        for (int d = nd - 2; d >= 0; d--) {
            row += bv->strides[d];
            if (++pos[d] < pl->bshape[d]) break;
            row -= bv->strides[d] * pl->bshape[d];
            pos[d] = 0;
        }
    }
out:
    nd_free(bv);
    return st;
}

static nd_status plan_offsets(plan *pl, const char *who)
{
    if (!(pl->off = nd__malloc_n(pl->bsize ? pl->bsize : 1, sizeof(ptrdiff_t), who))) return nd_last_error();
    memset(pl->off, 0, sizeof(ptrdiff_t) * (size_t)pl->bsize);
    for (int k = 0; k < pl->nadv; k++)
        if (add_offsets(pl, &pl->adv[k], who) < 0) return nd_last_error();
    return ND_OK;
}

/* Element moves with a compile-time size, so the hot loops are plain loads and stores. */
typedef struct { char b[16]; } elem16;
#define ND__FOR_SIZES(X) X(1, uint8_t) X(2, uint16_t) X(4, uint32_t) X(8, uint64_t) X(16, elem16)

/* Gather (to_v false: V → contiguous buf) or scatter (true: buf → V) of n single elements
 * at byte offsets off from base. */
static void move_elems(char *base, const ptrdiff_t *off, char *buf, ptrdiff_t n, size_t isz, bool to_v)
{
    switch (isz) {
#define X(S, T)                                                                             \
    case S:                                                                                 \
        if (to_v)                                                                           \
            for (ptrdiff_t i = 0; i < n; i++) *(T *)(base + off[i]) = ((const T *)buf)[i]; \
        else                                                                                \
            for (ptrdiff_t i = 0; i < n; i++) ((T *)buf)[i] = *(const T *)(base + off[i]); \
        return;
        ND__FOR_SIZES(X)
#undef X
    default:
        for (ptrdiff_t i = 0; i < n; i++, buf += isz) {
            if (to_v) memcpy(base + off[i], buf, isz);
            else memcpy(buf, base + off[i], isz);
        }
    }
}

/* Move one Q block (nq strided axes at src/dst in V) to or from contiguous buf. */
static char *move_block(const plan *pl, char *vp, char *buf, size_t isz, bool to_v)
{
    int nq = pl->nq;
    ptrdiff_t inner = pl->qshape[nq - 1], istr = pl->qstr[nq - 1];
    ptrdiff_t pos[ND_MAXDIMS] = { 0 };
    for (ptrdiff_t done = 0; done < pl->qsize; done += inner) {
        char *p = vp;
        if (to_v)
            for (ptrdiff_t i = 0; i < inner; i++, p += istr, buf += isz) memcpy(p, buf, isz);
        else if (istr == (ptrdiff_t)isz) {
            memcpy(buf, p, (size_t)inner * isz);
            buf += (size_t)inner * isz;
        } else
            for (ptrdiff_t i = 0; i < inner; i++, p += istr, buf += isz) memcpy(buf, p, isz);
        for (int d = nq - 2; d >= 0; d--) {
            vp += pl->qstr[d];
            if (++pos[d] < pl->qshape[d]) break;
            vp -= pl->qstr[d] * pl->qshape[d];
            pos[d] = 0;
        }
    }
    return buf;
}

/* Walk P, then B, moving Q blocks between V and the contiguous buffer buf (R in C order). */
static void plan_move(const plan *pl, char *buf, bool to_v)
{
    size_t isz = nd_dtype_size(pl->v->dtype);
    if (pl->qsize == 0 || pl->bsize == 0 || pl->psize == 0) return;
    ptrdiff_t pos[ND_MAXDIMS] = { 0 };
    char *pbase = pl->v->data;
    for (ptrdiff_t p = 0; p < pl->psize; p++) {
        if (pl->nq == 0) {
            move_elems(pbase, pl->off, buf, pl->bsize, isz, to_v);
            buf += (size_t)pl->bsize * isz;
        } else {
            for (ptrdiff_t b = 0; b < pl->bsize; b++) buf = move_block(pl, pbase + pl->off[b], buf, isz, to_v);
        }
        for (int d = pl->np - 1; d >= 0; d--) {
            pbase += pl->pstr[d];
            if (++pos[d] < pl->pshape[d]) break;
            pbase -= pl->pstr[d] * pl->pshape[d];
            pos[d] = 0;
        }
    }
}

/* a[ix] for one contiguous int64 index array over a 1-D view: one pass that checks,
 * wraps and gathers (the take of a million random indices). */
static bool gather_1d(const plan *pl, nd_array *out, const char *who)
{
    const adv_index *ad = &pl->adv[0];
    const nd_array *v = pl->v, *x = ad->ix;
    size_t isz = nd_dtype_size(v->dtype);
    ptrdiff_t n = x->size, ext = v->shape[0], s = v->strides[0];
    const int64_t *ix = (const int64_t *)x->data;
    const char *base = v->data;
    switch (isz) {
#define X(S, T)                                                                    \
    case S: {                                                                      \
        T *o = (T *)out->data;                                                     \
        for (ptrdiff_t i = 0; i < n; i++) {                                        \
            int64_t k = ix[i], w = k < 0 ? k + ext : k;                            \
            if ((uint64_t)w >= (uint64_t)ext) goto bad;                            \
            o[i] = *(const T *)(base + (ptrdiff_t)w * s);                          \
        }                                                                          \
        return true;                                                               \
    }
        ND__FOR_SIZES(X)
#undef X
    default:
        for (ptrdiff_t i = 0; i < n; i++) {
            int64_t k = ix[i], w = k < 0 ? k + ext : k;
            if ((uint64_t)w >= (uint64_t)ext) goto bad;
            memcpy(out->data + (size_t)i * isz, base + (ptrdiff_t)w * s, isz);
        }
        return true;
    }
bad:
    for (ptrdiff_t i = 0; i < n; i++)
        if (ix[i] < -ext || ix[i] >= ext) {
            nd_set_error(ND_EINDEX, "%s: index %lld is out of bounds for axis %d with size %td", who,
                         (long long)ix[i], ad->axis, ext);
            break;
        }
    return false;
}

nd_array *nd_getitem_(const nd_array *a, int n, const nd_index *idx)
{
    const char *who = "nd_getitem";
    plan pl;
    nd_array *out = NULL;
    if (plan_build(&pl, a, n, idx, who) < 0) goto done;
    if (pl.nadv == 0) {
        out = pl.v;
        pl.v = NULL;
        goto done;
    }
    if (!(out = nd_empty(pl.rnd, pl.rshape, a->dtype))) goto done;
    if (pl.nadv == 1 && pl.np == 0 && pl.nq == 0 && nd_is_c_contiguous(pl.adv[0].ix)) {
        if (!gather_1d(&pl, out, who)) {
            nd_free(out);
            out = NULL;
        }
        goto done;
    }
    if (plan_offsets(&pl, who) < 0) {
        nd_free(out);
        out = NULL;
        goto done;
    }
    plan_move(&pl, out->data, false);
done:
    plan_free(&pl);
    return out;
}

/* value viewed without leading length-1 axes beyond ndim (NumPy drops them), or a new ref. */
static nd_array *value_fit(const nd_array *value, int ndim)
{
    int extra = value->ndim - ndim;
    for (int d = 0; d < extra; d++)
        if (value->shape[d] != 1) return nd_ref(value);
    if (extra <= 0) return nd_ref(value);
    return nd__view_of(value, ndim, value->shape + extra, value->strides + extra, value->data, value->dtype);
}

static bool broadcasts_to(const nd_array *x, int ndim, const ptrdiff_t *shape)
{
    if (x->ndim > ndim) return false;
    for (int d = 0; d < x->ndim; d++) {
        ptrdiff_t e = x->shape[d], t = shape[ndim - x->ndim + d];
        if (e != t && e != 1) return false;
    }
    return true;
}

nd_status nd_setitem_(nd_array *a, int n, const nd_index *idx, const nd_array *value)
{
    const char *who = "nd_setitem";
    if (!a || !value) return nd_set_error(ND_EVALUE, "%s: array is NULL", who);
    if (!nd_is_writeable(a)) return nd_set_error(ND_EVALUE, "%s: assignment destination is read-only", who);
    plan pl;
    nd_array *vf = NULL, *buf = NULL;
    char s1[ND_SHAPE_STRLEN], s2[ND_SHAPE_STRLEN];
    nd_status st = plan_build(&pl, a, n, idx, who);
    if (st < 0) goto done;
    if (!(vf = value_fit(value, pl.nadv ? pl.rnd : pl.v->ndim))) {
        st = nd_last_error();
        goto done;
    }
    if (pl.nadv == 0) {
        if (!broadcasts_to(vf, pl.v->ndim, pl.v->shape)) {
            st = nd_set_error(ND_ESHAPE, "%s: could not broadcast input array from shape %s into shape %s", who,
                              shp(s1, value), shp(s2, pl.v));
            goto done;
        }
        /* The value may overlap the destination: copy it first when it does. */
        if (nd_may_share_memory(pl.v, vf)) {
            nd_array *c = nd_copy(vf, ND_ORDER_C);
            nd_free(vf);
            if (!(vf = c)) {
                st = nd_last_error();
                goto done;
            }
        }
        st = nd__copy_into(pl.v, vf);
        goto done;
    }
    if ((st = plan_offsets(&pl, who)) < 0) goto done; /* index errors first, as NumPy */
    if (!broadcasts_to(vf, pl.rnd, pl.rshape)) {
        st = nd_set_error(ND_ESHAPE,
                          "%s: shape mismatch: value array of shape %s could not be broadcast to indexing result "
                          "of shape %s",
                          who, shp(s1, value), nd__shape_str(s2, sizeof s2, pl.rnd, pl.rshape));
        goto done;
    }
    if (!(buf = nd_empty(pl.rnd, pl.rshape, a->dtype)) || (st = nd__copy_into(buf, vf)) < 0) {
        if (st == ND_OK) st = nd_last_error();
        goto done;
    }
    plan_move(&pl, buf->data, true);
done:
    nd_free(vf);
    nd_free(buf);
    plan_free(&pl);
    return st;
}

/* ---- the string form ------------------------------------------------------------------ */

typedef struct sparser {
    const char *s, *p, *who;
    int nops;
    const nd_named *ops;
    nd_array *owned[2 * ND_MAXDIMS + 1]; /* list literals, freed after the call */
    int nowned;
} sparser;

#define SP_BLANKS " \t\n"

static void sp_ws(sparser *ps) { ps->p += strspn(ps->p, SP_BLANKS); }

static nd_status sp_error(const sparser *ps, const char *what)
{
    return nd_set_error(ND_EPARSE, "%s: %s at position %d in \"%s\" (near '%.8s')", ps->who, what,
                        (int)(ps->p - ps->s), ps->s, *ps->p ? ps->p : "<end>");
}

static bool is_ident(char c, bool first)
{
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '_' || (!first && c >= '0' && c <= '9');
}

static bool sp_word(sparser *ps, const char *w) { return nd__view_scan_word(&ps->p, w); }

/* An optional signed integer: 1 read, 0 none, < 0 error. */
static int sp_int(sparser *ps, ptrdiff_t *v)
{
    sp_ws(ps);
    const char *why;
    int r = nd__view_scan_int(&ps->p, v, &why);
    return r < 0 ? sp_error(ps, why) : r;
}

typedef struct list_acc {
    int64_t *vals;
    size_t n, cap;
    int ndim;
    ptrdiff_t shape[ND_MAXDIMS];
    int kind; /* 0 unknown, 1 int, 2 bool */
} list_acc;

static nd_status sp_list(sparser *ps, list_acc *acc, int depth)
{
    if (depth >= ND_MAXDIMS) return sp_error(ps, "list nested too deeply");
    ps->p++; /* '[' */
    ptrdiff_t count = 0;
    bool nested = false;
    for (;;) {
        sp_ws(ps);
        if (*ps->p == ']' && count == 0) break;
        if (*ps->p == '[') {
            if (count > 0 && !nested) return sp_error(ps, "list mixes numbers and lists");
            nested = true;
            if (sp_list(ps, acc, depth + 1) < 0) return nd_last_error();
        } else {
            if (nested) return sp_error(ps, "list mixes numbers and lists");
            int64_t x;
            int kind;
            ptrdiff_t v = 0;
            if (sp_word(ps, "True") || sp_word(ps, "False")) {
                kind = 2;
                x = ps->p[-1] == 'e' && ps->p[-2] == 'u';
            } else {
                int r = sp_int(ps, &v);
                if (r < 0) return r;
                if (r == 0) return sp_error(ps, "expected an integer, True or False in the list");
                kind = 1;
                x = v;
            }
            if (acc->kind && acc->kind != kind) return sp_error(ps, "list mixes integers and booleans");
            acc->kind = kind;
            if (acc->n == acc->cap) {
                size_t cap = acc->cap ? acc->cap * 2 : 16;
                int64_t *nv = nd__malloc_n((ptrdiff_t)cap, sizeof *nv, ps->who);
                if (!nv) return nd_last_error();
                if (acc->n) memcpy(nv, acc->vals, acc->n * sizeof *nv);
                nd_free_mem(acc->vals);
                acc->vals = nv;
                acc->cap = cap;
            }
            acc->vals[acc->n++] = x;
            if (acc->ndim == 0) acc->ndim = depth + 1;
            else if (acc->ndim != depth + 1) return sp_error(ps, "ragged nested list");
        }
        count++;
        sp_ws(ps);
        if (*ps->p == ',') {
            ps->p++;
            sp_ws(ps);
            if (*ps->p == ']') break;
            continue;
        }
        if (*ps->p == ']') break;
        return sp_error(ps, "expected ',' or ']' in the list");
    }
    ps->p++; /* ']' */
    if (count == 0) {
        if (acc->ndim == 0) acc->ndim = depth + 1;
        else if (acc->ndim != depth + 1) return sp_error(ps, "ragged nested list");
    }
    if (acc->shape[depth] == -1) acc->shape[depth] = count;
    else if (acc->shape[depth] != count) return sp_error(ps, "ragged nested list");
    return ND_OK;
}

static nd_status sp_item(sparser *ps, nd_index *ix)
{
    sp_ws(ps);
    if (strncmp(ps->p, "...", 3) == 0) {
        ps->p += 3;
        *ix = ND_ELLIPSIS;
        return ND_OK;
    }
    const char *save = ps->p;
    if (sp_word(ps, "None") || sp_word(ps, "newaxis") || sp_word(ps, "np.newaxis")) {
        sp_ws(ps);
        if (*ps->p != ':') {
            *ix = ND_NEWAXIS;
            return ND_OK;
        }
        ps->p = save;
    }
    if (*ps->p == '[' || sp_word(ps, "True") || sp_word(ps, "False")) {
        if (ps->nowned == (int)(sizeof ps->owned / sizeof *ps->owned)) return sp_error(ps, "too many index items");
        list_acc acc = { 0 };
        for (int d = 0; d < ND_MAXDIMS; d++) acc.shape[d] = -1;
        nd_status st = ND_OK;
        if (*ps->p == '[') {
            st = sp_list(ps, &acc, 0);
        } else { /* a bare True / False: a 0-d mask */
            acc.kind = 2;
            acc.vals = nd__malloc_n(1, sizeof *acc.vals, ps->who);
            if (!acc.vals) return nd_last_error();
            acc.vals[0] = ps->p[-1] == 'e' && ps->p[-2] == 'u';
            acc.n = 1;
        }
        nd_array *arr = NULL;
        if (st == ND_OK) {
            arr = nd_empty(acc.ndim, acc.shape, acc.kind == 2 ? ND_BOOL : ND_INT64);
            if (arr) {
                for (size_t i = 0; i < acc.n; i++) {
                    if (acc.kind == 2) ((bool *)arr->data)[i] = acc.vals[i] != 0;
                    else ((int64_t *)arr->data)[i] = acc.vals[i];
                }
            } else {
                st = nd_last_error();
            }
        }
        nd_free_mem(acc.vals);
        if (st < 0) return st;
        ps->owned[ps->nowned++] = arr;
        *ix = ND_ARR(arr);
        return ND_OK;
    }
    if (is_ident(*ps->p, true)) {
        const char *q = ps->p;
        while (is_ident(*q, false)) q++;
        size_t len = (size_t)(q - ps->p);
        for (int i = 0; i < ps->nops; i++) {
            const char *nm = ps->ops[i].name;
            if (nm && strlen(nm) == len && strncmp(nm, ps->p, len) == 0) {
                if (!ps->ops[i].array)
                    return nd_set_error(ND_EVALUE, "%s: operand '%s' is NULL", ps->who, nm);
                ps->p = q;
                *ix = ND_ARR(ps->ops[i].array);
                return ND_OK;
            }
        }
        return nd_set_error(ND_EVALUE, "%s: no operand named '%.*s' (position %d in \"%s\")", ps->who, (int)len,
                            ps->p, (int)(ps->p - ps->s), ps->s);
    }
    ptrdiff_t v[3] = { ND_NONE, ND_NONE, ND_NONE };
    const char *why;
    int parts = nd__view_scan_slice(&ps->p, SP_BLANKS, v, &why);
    if (parts < 0) return sp_error(ps, why);
    if (parts == 0) {
        if (v[0] == ND_NONE) return sp_error(ps, "expected an index, slice, list, operand name, None or ...");
        *ix = ND_AT(v[0]);
        return ND_OK;
    }
    if (parts == 2 && v[2] == 0) return sp_error(ps, "slice step cannot be zero");
    *ix = ND_SLICE(v[0], v[1], v[2] == ND_NONE ? 1 : v[2]);
    return ND_OK;
}

/* Parse spec into items (*n of them); the list literals go to ps->owned. */
static nd_status sp_parse(sparser *ps, nd_index *items, int *n)
{
    int cap = 2 * ND_MAXDIMS + 1;
    *n = 0;
    sp_ws(ps);
    if (*ps->p == '\0') return ND_OK;
    for (;;) {
        if (*n == cap) return sp_error(ps, "too many index items");
        if (sp_item(ps, &items[(*n)++]) < 0) return nd_last_error();
        sp_ws(ps);
        if (*ps->p == ',') {
            ps->p++;
            sp_ws(ps);
            if (*ps->p == '\0') return ND_OK;
            continue;
        }
        if (*ps->p == '\0') return ND_OK;
        return sp_error(ps, "unexpected character");
    }
}

static void sp_free(sparser *ps)
{
    for (int i = 0; i < ps->nowned; i++) nd_free(ps->owned[i]);
}

nd_array *nd_getitem_str(const nd_array *a, const char *spec, int nops, const nd_named *ops)
{
    if (!a || !spec) return ND_FAIL(ND_EVALUE, "nd_getitem_str: array or index string is NULL");
    if (nops < 0 || (nops > 0 && !ops)) return ND_FAIL(ND_EVALUE, "nd_getitem_str: bad operand count %d", nops);
    sparser ps = { .s = spec, .p = spec, .who = "nd_getitem_str", .nops = nops, .ops = ops };
    nd_index items[2 * ND_MAXDIMS + 1];
    int n;
    nd_array *out = sp_parse(&ps, items, &n) < 0 ? NULL : nd_getitem_(a, n, items);
    sp_free(&ps);
    return out;
}

nd_status nd_setitem_str(nd_array *a, const char *spec, const nd_array *value, int nops, const nd_named *ops)
{
    if (!a || !spec || !value) return nd_set_error(ND_EVALUE, "nd_setitem_str: array, value or index string is NULL");
    if (nops < 0 || (nops > 0 && !ops)) return nd_set_error(ND_EVALUE, "nd_setitem_str: bad operand count %d", nops);
    sparser ps = { .s = spec, .p = spec, .who = "nd_setitem_str", .nops = nops, .ops = ops };
    nd_index items[2 * ND_MAXDIMS + 1];
    int n;
    nd_status st = sp_parse(&ps, items, &n);
    if (st == ND_OK) st = nd_setitem_(a, n, items, value);
    sp_free(&ps);
    return st;
}
