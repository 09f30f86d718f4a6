/* Dense linear algebra on distributed matrices through ScaLAPACK: matmul (p?gemm), solve
 * (pdgesv), cholesky (pdpotrf), qr (pdgeqrf + pdorgqr), eigh (pdsyevd), svd (pdgesvd) and
 * lstsq (pdgesvd for the rank, pdgels or the SVD for the solution).
 *
 * Every function: validate locally, compare the argument record between ranks, agree;
 * move each input into a working CYCLIC2D copy (one all-to-all); call ScaLAPACK with
 * descriptors that all name one BLACS context (ScaLAPACK requires it: every working
 * matrix has its own grid over a duplicate of the same communicator, with the same
 * process at the same grid position, so one context serves them all); agree on INFO. */
#include <float.h>
#include <limits.h>
#include <math.h>
#include <stdio.h>
#include <string.h>

#include <numc/linalg.h>
#include <numc/manip.h>

#include "dist_internal.h"

/* ---- ScaLAPACK (Fortran) and PBLAS (C) entry points ---------------------------------------
 * Fortran CHARACTER arguments carry a hidden length (size_t, after all the others). */
void psgemm_(const char *ta, const char *tb, const int *m, const int *n, const int *k, const float *alpha,
             const float *a, const int *ia, const int *ja, const int *desca, const float *b, const int *ib,
             const int *jb, const int *descb, const float *beta, float *c, const int *ic, const int *jc,
             const int *descc);
void pdgemm_(const char *ta, const char *tb, const int *m, const int *n, const int *k, const double *alpha,
             const double *a, const int *ia, const int *ja, const int *desca, const double *b, const int *ib,
             const int *jb, const int *descb, const double *beta, double *c, const int *ic, const int *jc,
             const int *descc);
void pcgemm_(const char *ta, const char *tb, const int *m, const int *n, const int *k, const float *alpha,
             const void *a, const int *ia, const int *ja, const int *desca, const void *b, const int *ib,
             const int *jb, const int *descb, const float *beta, void *c, const int *ic, const int *jc,
             const int *descc);
void pzgemm_(const char *ta, const char *tb, const int *m, const int *n, const int *k, const double *alpha,
             const void *a, const int *ia, const int *ja, const int *desca, const void *b, const int *ib,
             const int *jb, const int *descb, const double *beta, void *c, const int *ic, const int *jc,
             const int *descc);
void pdgesv_(const int *n, const int *nrhs, double *a, const int *ia, const int *ja, const int *desca, int *ipiv,
             double *b, const int *ib, const int *jb, const int *descb, int *info);
void pdpotrf_(const char *uplo, const int *n, double *a, const int *ia, const int *ja, const int *desca, int *info,
              size_t luplo);
void pdgeqrf_(const int *m, const int *n, double *a, const int *ia, const int *ja, const int *desca, double *tau,
              double *work, const int *lwork, int *info);
void pdorgqr_(const int *m, const int *n, const int *k, double *a, const int *ia, const int *ja, const int *desca,
              const double *tau, double *work, const int *lwork, int *info);
void pdsyevd_(const char *jobz, const char *uplo, const int *n, double *a, const int *ia, const int *ja,
              const int *desca, double *w, double *z, const int *iz, const int *jz, const int *descz, double *work,
              const int *lwork, int *iwork, const int *liwork, int *info, size_t ljobz, size_t luplo);
void pdgesvd_(const char *jobu, const char *jobvt, const int *m, const int *n, double *a, const int *ia,
              const int *ja, const int *desca, double *s, double *u, const int *iu, const int *ju, const int *descu,
              double *vt, const int *ivt, const int *jvt, const int *descvt, double *work, const int *lwork,
              int *info, size_t ljobu, size_t ljobvt);
void pdgels_(const char *trans, const int *m, const int *n, const int *nrhs, double *a, const int *ia,
             const int *ja, const int *desca, double *b, const int *ib, const int *jb, const int *descb,
             double *work, const int *lwork, int *info, size_t ltrans);

static const int ONE = 1;

/* ---- the working context ------------------------------------------------------------------ */

typedef struct la_ctx {
    const char *who;
    MPI_Comm comm;      /* the first argument's: every collective of the call goes over it */
    int nprocs, rank;
    nd_distribution wd; /* the working CYCLIC2D layout */
    int ctxt;           /* the BLACS context every descriptor names (the first working matrix's) */
} la_ctx;

static void most_square(int p, int *pr, int *pc)
{
    int r = 1;
    for (int k = 1; (long)k * k <= p; k++)
        if (p % k == 0) r = k;
    *pr = r;
    *pc = p / r;
}

/* The working layout for matrices whose largest extent is maxdim (see mpi.h). */
static nd_distribution work_layout(const nd_dist *a, ptrdiff_t maxdim)
{
    if (a->dist.kind == ND_DIST_CYCLIC2D && a->dist.mb == a->dist.nb) return a->dist;
    int pr, pc;
    most_square(a->nprocs, &pr, &pc);
    ptrdiff_t nb = ND_DIST_DEFAULT_MB;
    while (nb > 8 && nb * pc > maxdim) nb /= 2;
    return nd_dist_cyclic2d(pr, pc, nb, nb);
}

/* The argument record of an operand (compared between ranks). */
static void pack_operand(int64_t *rec, const nd_dist *d)
{
    memset(rec, 0, 12 * sizeof *rec);
    if (!d) return;
    rec[0] = 1;
    rec[1] = d->ndim;
    rec[2] = d->dtype;
    rec[3] = d->ndim > 0 ? d->shape[0] : 0;
    rec[4] = d->ndim > 1 ? d->shape[1] : 0;
    rec[5] = d->ndim > 2 ? d->shape[2] : 0;
    rec[6] = d->dist.kind;
    rec[7] = d->dist.axis;
    rec[8] = d->dist.block;
    rec[9] = d->dist.pr * 65536 + d->dist.pc;
    rec[10] = d->dist.mb;
    rec[11] = d->dist.nb;
}

static const char *shape_str(const nd_dist *d, char *buf, size_t n)
{
    size_t k = 0;
    buf[0] = '\0';
    k += (size_t)snprintf(buf + k, n - k, "(");
    for (int i = 0; i < d->ndim && k < n - 24; i++)
        k += (size_t)snprintf(buf + k, n - k, "%s%td", i ? ", " : "", d->shape[i]);
    snprintf(buf + k, n - k, "%s)", d->ndim == 1 ? "," : "");
    return buf;
}

/* The start of every function: `local` is this rank's own validation (its message in
 * nd_errmsg()); the operands' records and `extra` are compared with rank 0's; every rank
 * returns the same status. a must not be NULL (the caller returns at once otherwise). */
static nd_status la_begin(la_ctx *c, const char *who, const nd_dist *a, const nd_dist *b, const double *extra,
                          int nextra, nd_status local)
{
    c->who = who;
    c->comm = a->comm;
    c->nprocs = a->nprocs;
    c->rank = a->rank;
    c->ctxt = -1;
    nd_status st = local;
    if (st == ND_OK && b) {
        int cmp = MPI_UNEQUAL;
        if (MPI_Comm_compare(a->comm, b->comm, &cmp) != MPI_SUCCESS || (cmp != MPI_IDENT && cmp != MPI_CONGRUENT))
            st = nd_set_error(ND_EVALUE, "%s: the operands live on different communicators", who);
    }
    int64_t rec[24 + 4];
    pack_operand(rec, a);
    pack_operand(rec + 12, b);
    memset(rec + 24, 0, 4 * sizeof *rec);
    for (int i = 0; i < nextra && i < 4; i++) memcpy(&rec[24 + i], &extra[i], sizeof(double));
    char keep[1024];
    if (st != ND_OK) snprintf(keep, sizeof keep, "%s", nd_errmsg());
    nd_status same = nd__dist_check_same(c->comm, rec, sizeof rec, who,
                                         "the operands' shape, dtype or distribution or an option");
    if (st != ND_OK) nd_set_error(st, "%s", keep);
    else st = same;
    return nd__dist_agree(c->comm, st);
}

/* A new working matrix (m, n) of dtype dt (uninitialised), collective. */
static nd_status new_work(la_ctx *c, ptrdiff_t m, ptrdiff_t n, nd_dtype dt, nd_dist **out)
{
    ptrdiff_t sh[2] = { m, n };
    nd_status st = nd__dist_new(c->comm, 2, sh, dt, &c->wd, out, c->who);
    if (st == ND_OK && c->ctxt < 0) c->ctxt = (*out)->blacs_ctxt;
    return st;
}

/* d's descriptor naming the common context. */
static nd_status desc_of(const la_ctx *c, const nd_dist *d, int desc[9])
{
    nd_status st = nd__dist_descinit(d, desc);
    if (st == ND_OK) desc[1] = c->ctxt;
    return st;
}

/* A working copy of the 2-D x with dtype dt: one all-to-all, then a local cast. */
static nd_status to_work(la_ctx *c, const nd_dist *x, nd_dtype dt, nd_dist **out)
{
    *out = NULL;
    nd_dist *t = NULL;
    nd_status st = new_work(c, x->shape[0], x->shape[1], x->dtype, &t);
    if (st != ND_OK) return st;
    /* Already in the working layout: a local copy; else one all-to-all. */
    if (nd_dist_conforms(x, t)) st = nd__dist_agree(c->comm, nd_assign(t->local, x->local, ND_CAST_NO));
    else st = nd__dist_move(x, t, c->who);
    if (st != ND_OK) {
        nd_dist_free(t);
        return st;
    }
    if (x->dtype == dt) {
        *out = t;
        return ND_OK;
    }
    nd_dist *w = NULL;
    if ((st = new_work(c, x->shape[0], x->shape[1], dt, &w)) == ND_OK) {
        st = nd__dist_agree(c->comm, nd_assign(w->local, t->local, ND_CAST_UNSAFE));
        if (st != ND_OK) {
            nd_dist_free(w);
            w = NULL;
        }
    }
    nd_dist_free(t);
    *out = w;
    return st;
}

/* A working float64 (rows, 1) column holding the 1-D v in its first v->shape[0] rows and
 * zeros below (v is gathered: O(n) words per rank). */
static nd_status vec_to_work(la_ctx *c, const nd_dist *v, ptrdiff_t rows, nd_dist **out)
{
    *out = NULL;
    nd_array *full = nd_dist_allgather(v);
    if (!full) return nd_last_error();
    nd_array *f64 = nd_astype(full, ND_FLOAT64, ND_CAST_UNSAFE);
    nd_free(full);
    nd_status st = f64 ? ND_OK : nd_last_error();
    st = nd__dist_agree(c->comm, st);
    if (st != ND_OK) {
        nd_free(f64);
        return st;
    }
    nd_dist *w = NULL;
    st = new_work(c, rows, 1, ND_FLOAT64, &w);
    if (st == ND_OK) {
        const double *src = nd_data(f64);
        ptrdiff_t n = nd_shape(f64)[0], lr = nd_shape(w->local)[0], lc = nd_shape(w->local)[1];
        double *dst = nd_data(w->local);
        for (ptrdiff_t i = 0; lc > 0 && i < lr; i++) {
            ptrdiff_t g = nd__dist_cyc_l2g(i, w->dist.mb, w->myrow, w->dist.pr);
            dst[i] = g < n ? src[g] : 0.0;
        }
        *out = w;
    }
    nd_free(f64);
    return st;
}

/* The first n rows of the working column w as a new 1-D float64 array, BLOCK along axis 0
 * (w is gathered: O(n) words per rank). */
static nd_status work_to_vec(la_ctx *c, const nd_dist *w, ptrdiff_t n, nd_dist **out)
{
    *out = NULL;
    nd_array *full = nd_dist_allgather(w);
    if (!full) return nd_last_error();
    nd_dist *x = NULL;
    nd_status st = nd__dist_new(c->comm, 1, &n, ND_FLOAT64, NULL, &x, c->who);
    if (st == ND_OK) {
        const double *src = nd_data(full);
        double *dst = nd_data(x->local);
        ptrdiff_t lo = x->offset[0], ln = nd_shape(x->local)[0];
        for (ptrdiff_t i = 0; i < ln; i++) dst[i] = src[lo + i];
        *out = x;
    }
    nd_free(full);
    return st;
}

/* Copy the leading part of src's piece into dst's piece (both in the working layout, so
 * that local index (i, j) is the same global element in both as long as it exists in
 * both); with zero_rest, dst's other elements become 0. Local, no communication. */
static nd_status local_sub_copy(nd_dist *dst, const nd_dist *src, bool zero_rest)
{
    nd_array *dl = dst->local, *sl = src->local;
    if (zero_rest && nd_nbytes(dl) > 0) memset(nd_data(dl), 0, (size_t)nd_nbytes(dl));
    ptrdiff_t r = nd_shape(dl)[0] < nd_shape(sl)[0] ? nd_shape(dl)[0] : nd_shape(sl)[0];
    ptrdiff_t k = nd_shape(dl)[1] < nd_shape(sl)[1] ? nd_shape(dl)[1] : nd_shape(sl)[1];
    if (r == 0 || k == 0) return ND_OK;
    nd_index ix[2] = { ND_SLICE(0, r, 1), ND_SLICE(0, k, 1) };
    nd_array *dv = nd_slice(dl, 2, ix), *sv = nd_slice(sl, 2, ix);
    nd_status st = dv && sv ? nd_assign(dv, sv, ND_CAST_UNSAFE) : nd_last_error();
    nd_free(dv);
    nd_free(sv);
    return st;
}

/* Zero the elements of a float64 working matrix strictly above (upper = false: below)
 * the diagonal. Local. */
static void zero_triangle(nd_dist *d, bool above)
{
    ptrdiff_t lr = nd_shape(d->local)[0], lc = nd_shape(d->local)[1];
    ptrdiff_t s0 = nd_strides(d->local)[0], s1 = nd_strides(d->local)[1];
    char *base = nd_data(d->local);
    for (ptrdiff_t j = 0; j < lc; j++) {
        ptrdiff_t gj = nd__dist_cyc_l2g(j, d->dist.nb, d->mycol, d->dist.pc);
        for (ptrdiff_t i = 0; i < lr; i++) {
            ptrdiff_t gi = nd__dist_cyc_l2g(i, d->dist.mb, d->myrow, d->dist.pr);
            if (above ? gi < gj : gi > gj) *(double *)(base + i * s0 + j * s1) = 0.0;
        }
    }
}

/* A REPLICATED nd_dist around a copy of `n` doubles (every rank holds the same values). */
static nd_status replicated_f64(la_ctx *c, const double *v, ptrdiff_t n, nd_dist **out)
{
    *out = NULL;
    nd_array *a = (nd_empty)(1, &n, ND_FLOAT64);
    if (a && n > 0) memcpy(nd_data(a), v, (size_t)n * sizeof(double));
    nd_status st = nd__dist_agree(c->comm, a ? ND_OK : nd_last_error());
    if (st != ND_OK) {
        nd_free(a);
        return st;
    }
    nd_distribution rep = nd_dist_replicated();
    return nd__dist_adopt(c->comm, 1, &n, ND_FLOAT64, &rep, a, out, c->who);
}

static bool fits_int(ptrdiff_t v) { return v >= 0 && v <= INT_MAX; }

/* A Fortran workspace size reported by a query (a double), with some room. */
static nd_status work_size(double q, ptrdiff_t minimum, int *lwork, const char *who)
{
    double v = q * 1.05 + 64.0;
    if (v < (double)minimum) v = (double)minimum;
    if (!(v <= (double)INT_MAX)) return nd_set_error(ND_ENOMEM, "%s: ScaLAPACK workspace too large", who);
    *lwork = (int)v;
    return ND_OK;
}

static bool is_float_kind(nd_dtype dt)
{
    return dt == ND_FLOAT32 || dt == ND_FLOAT64 || dt == ND_COMPLEX64 || dt == ND_COMPLEX128;
}

/* The local checks shared by the float64 decompositions: a 2-D real matrix. */
static nd_status check_matrix(const nd_dist *a, const char *who, bool square)
{
    char sb[128];
    if (a->ndim != 2)
        return nd_set_error(ND_ESHAPE, "%s: a must be 2-D, not of shape %s", who, shape_str(a, sb, sizeof sb));
    if (nd_dtype_is_complex(a->dtype))
        return nd_set_error(ND_EDTYPE, "%s: complex matrices are not supported (float64 only)", who);
    if (!fits_int(a->shape[0]) || !fits_int(a->shape[1]))
        return nd_set_error(ND_EVALUE, "%s: extents must fit ScaLAPACK's int", who);
    if (square && a->shape[0] != a->shape[1])
        return nd_set_error(ND_ELINALG, "%s: last 2 dimensions of the array must be square, not %s", who,
                            shape_str(a, sb, sizeof sb));
    return ND_OK;
}

/* The local checks on the right-hand side b of a x = b (a already checked): float64-able of shape
 * (M,) or (M, K). */
static nd_status check_rhs(const nd_dist *a, const nd_dist *b, const char *who)
{
    char s1[128], s2[128];
    if (!b) return nd_set_error(ND_EVALUE, "%s: b is NULL", who);
    if (b->ndim < 1 || b->ndim > 2 || b->shape[0] != a->shape[0])
        return nd_set_error(ND_ESHAPE, "%s: b of shape %s does not match a of shape %s (it must be (%td,) or "
                            "(%td, K))", who, shape_str(b, s2, sizeof s2), shape_str(a, s1, sizeof s1),
                            a->shape[0], a->shape[0]);
    if (nd_dtype_is_complex(b->dtype))
        return nd_set_error(ND_EDTYPE, "%s: complex right-hand sides are not supported (float64 only)", who);
    if (b->ndim == 2 && !fits_int(b->shape[1]))
        return nd_set_error(ND_EVALUE, "%s: extents must fit ScaLAPACK's int", who);
    return ND_OK;
}

/* ---- matmul ---------------------------------------------------------------------------------- */

nd_dist *nd_dist_matmul(const nd_dist *a, const nd_dist *b)
{
    const char *who = "nd_dist_matmul";
    if (!a) {
        nd_set_error(ND_EVALUE, "%s: a is NULL", who);
        return NULL;
    }
    nd_status st = ND_OK;
    nd_dtype dt = ND_FLOAT64;
    char s1[128], s2[128];
    if (!b) st = nd_set_error(ND_EVALUE, "%s: b is NULL", who);
    else if (a->ndim != 2 || b->ndim != 2)
        st = nd_set_error(ND_ESHAPE, "%s: operands must be 2-D, not %s and %s", who, shape_str(a, s1, sizeof s1),
                          shape_str(b, s2, sizeof s2));
    else if (a->shape[1] != b->shape[0])
        st = nd_set_error(ND_ESHAPE, "%s: shapes %s and %s not aligned: %td (dim 1) != %td (dim 0)", who,
                          shape_str(a, s1, sizeof s1), shape_str(b, s2, sizeof s2), a->shape[1], b->shape[0]);
    else if (!fits_int(a->shape[0]) || !fits_int(a->shape[1]) || !fits_int(b->shape[1]))
        st = nd_set_error(ND_EVALUE, "%s: extents must fit ScaLAPACK's int", who);
    else {
        dt = nd_promote_types(a->dtype, b->dtype);
        if (!is_float_kind(dt))
            st = nd_set_error(ND_EDTYPE, "%s: %s @ %s computes in %s: ScaLAPACK multiplies float32, float64, "
                              "complex64 and complex128 only (cast with nd_dist_astype)", who,
                              nd_dtype_name(a->dtype), nd_dtype_name(b->dtype), nd_dtype_name(dt));
    }
    la_ctx c;
    if (la_begin(&c, who, a, b, NULL, 0, st) != ND_OK) return NULL;
    ptrdiff_t m = a->shape[0], k = a->shape[1], n = b->shape[1];
    ptrdiff_t mx = m > k ? m : k;
    if (n > mx) mx = n;
    c.wd = work_layout(a, mx);
    nd_dist *wa = NULL, *wb = NULL, *wc = NULL;
    if ((st = to_work(&c, a, dt, &wa)) == ND_OK && (st = to_work(&c, b, dt, &wb)) == ND_OK)
        st = new_work(&c, m, n, dt, &wc);
    if (st == ND_OK) {
        int da[9], db[9], dc[9];
        st = desc_of(&c, wa, da);
        if (st == ND_OK) st = desc_of(&c, wb, db);
        if (st == ND_OK) st = desc_of(&c, wc, dc);
        if (st == ND_OK && nd_nbytes(wc->local) > 0) memset(nd_data(wc->local), 0, (size_t)nd_nbytes(wc->local));
        st = nd__dist_agree(c.comm, st);
        if (st == ND_OK && m > 0 && n > 0 && k > 0) {
            int im = (int)m, in = (int)n, ik = (int)k;
            void *pa = nd_data(wa->local), *pb = nd_data(wb->local), *pc = nd_data(wc->local);
            if (dt == ND_FLOAT32) {
                float al = 1.0f, be = 0.0f;
                psgemm_("N", "N", &im, &in, &ik, &al, pa, &ONE, &ONE, da, pb, &ONE, &ONE, db, &be, pc, &ONE, &ONE, dc);
            } else if (dt == ND_FLOAT64) {
                double al = 1.0, be = 0.0;
                pdgemm_("N", "N", &im, &in, &ik, &al, pa, &ONE, &ONE, da, pb, &ONE, &ONE, db, &be, pc, &ONE, &ONE, dc);
            } else if (dt == ND_COMPLEX64) {
                float al[2] = { 1.0f, 0.0f }, be[2] = { 0.0f, 0.0f };
                pcgemm_("N", "N", &im, &in, &ik, al, pa, &ONE, &ONE, da, pb, &ONE, &ONE, db, be, pc, &ONE, &ONE, dc);
            } else {
                double al[2] = { 1.0, 0.0 }, be[2] = { 0.0, 0.0 };
                pzgemm_("N", "N", &im, &in, &ik, al, pa, &ONE, &ONE, da, pb, &ONE, &ONE, db, be, pc, &ONE, &ONE, dc);
            }
        }
    }
    nd_dist_free(wa);
    nd_dist_free(wb);
    if (st != ND_OK) {
        nd_dist_free(wc);
        return NULL;
    }
    return wc;
}

/* ---- solve ------------------------------------------------------------------------------------ */

nd_dist *nd_dist_solve(const nd_dist *a, const nd_dist *b)
{
    const char *who = "nd_dist_solve";
    if (!a) {
        nd_set_error(ND_EVALUE, "%s: a is NULL", who);
        return NULL;
    }
    nd_status st = check_matrix(a, who, true);
    if (st == ND_OK) st = check_rhs(a, b, who);
    la_ctx c;
    if (la_begin(&c, who, a, b, NULL, 0, st) != ND_OK) return NULL;
    ptrdiff_t n = a->shape[0], k = b->ndim == 2 ? b->shape[1] : 1;
    c.wd = work_layout(a, n > k ? n : k);
    nd_dist *wa = NULL, *wb = NULL, *x = NULL;
    int *ipiv = NULL;
    st = to_work(&c, a, ND_FLOAT64, &wa);
    if (st == ND_OK) st = b->ndim == 2 ? to_work(&c, b, ND_FLOAT64, &wb) : vec_to_work(&c, b, n, &wb);
    if (st == ND_OK) {
        int da[9], db[9];
        st = desc_of(&c, wa, da);
        if (st == ND_OK) st = desc_of(&c, wb, db);
        ptrdiff_t np = nd_shape(wa->local)[0] + c.wd.mb;
        if (st == ND_OK && !(ipiv = nd_malloc((size_t)np * sizeof(int), who))) st = ND_ENOMEM;
        st = nd__dist_agree(c.comm, st);
        if (st == ND_OK && n > 0 && k > 0) {
            int in = (int)n, ik = (int)k, info = 0;
            pdgesv_(&in, &ik, nd_data(wa->local), &ONE, &ONE, da, ipiv, nd_data(wb->local), &ONE, &ONE, db, &info);
            if (info > 0) st = nd_set_error(ND_ELINALG, "%s: singular matrix", who);
            else if (info < 0) st = nd_set_error(ND_EVALUE, "%s: pdgesv rejected argument %d", who, -info);
            st = nd__dist_agree(c.comm, st);
        }
    }
    nd_free_mem(ipiv);
    nd_dist_free(wa);
    if (st == ND_OK && b->ndim == 1) {
        st = work_to_vec(&c, wb, n, &x);
        nd_dist_free(wb);
    } else if (st == ND_OK) {
        x = wb;
    } else {
        nd_dist_free(wb);
    }
    return st == ND_OK ? x : NULL;
}

/* ---- cholesky --------------------------------------------------------------------------------- */

nd_dist *nd_dist_cholesky(const nd_dist *a)
{
    const char *who = "nd_dist_cholesky";
    if (!a) {
        nd_set_error(ND_EVALUE, "%s: a is NULL", who);
        return NULL;
    }
    la_ctx c;
    if (la_begin(&c, who, a, NULL, NULL, 0, check_matrix(a, who, true)) != ND_OK) return NULL;
    ptrdiff_t n = a->shape[0];
    c.wd = work_layout(a, n);
    nd_dist *wa = NULL;
    nd_status st = to_work(&c, a, ND_FLOAT64, &wa);
    if (st == ND_OK) {
        int da[9];
        st = nd__dist_agree(c.comm, desc_of(&c, wa, da));
        if (st == ND_OK && n > 0) {
            int in = (int)n, info = 0;
            pdpotrf_("L", &in, nd_data(wa->local), &ONE, &ONE, da, &info, 1);
            if (info > 0)
                st = nd_set_error(ND_ELINALG, "%s: matrix is not positive definite (the leading minor of order "
                                  "%d is not)", who, info);
            else if (info < 0) st = nd_set_error(ND_EVALUE, "%s: pdpotrf rejected argument %d", who, -info);
            st = nd__dist_agree(c.comm, st);
        }
    }
    if (st != ND_OK) {
        nd_dist_free(wa);
        return NULL;
    }
    zero_triangle(wa, true);
    return wa;
}

/* ---- qr ------------------------------------------------------------------------------------------ */

nd_status nd_dist_qr(const nd_dist *a, nd_dist **q, nd_dist **r)
{
    const char *who = "nd_dist_qr";
    if (q) *q = NULL;
    if (r) *r = NULL;
    if (!a) return nd_set_error(ND_EVALUE, "%s: a is NULL", who);
    nd_status st = check_matrix(a, who, false);
    if (st == ND_OK && !r) st = nd_set_error(ND_EVALUE, "%s: r is NULL", who);
    double want_q = q ? 1.0 : 0.0;
    la_ctx c;
    if ((st = la_begin(&c, who, a, NULL, &want_q, 1, st)) != ND_OK) return st;
    ptrdiff_t m = a->shape[0], n = a->shape[1], k = m < n ? m : n;
    c.wd = work_layout(a, m > n ? m : n);
    nd_dist *wa = NULL, *wr = NULL, *wq = NULL;
    double *tau = NULL, *work = NULL;
    st = to_work(&c, a, ND_FLOAT64, &wa);
    int da[9];
    int im = (int)m, in = (int)n, ik = (int)k, info = 0, lwork = -1;
    if (st == ND_OK) {
        st = desc_of(&c, wa, da);
        ptrdiff_t nt = nd_shape(wa->local)[1] + 1;
        if (st == ND_OK && !(tau = nd_malloc((size_t)nt * sizeof(double), who))) st = ND_ENOMEM;
        st = nd__dist_agree(c.comm, st);
    }
    if (st == ND_OK && k > 0) {
        double q1 = 0.0, q2 = 0.0;
        pdgeqrf_(&im, &in, nd_data(wa->local), &ONE, &ONE, da, tau, &q1, &lwork, &info);
        if (q)
            pdorgqr_(&im, &ik, &ik, nd_data(wa->local), &ONE, &ONE, da, tau, &q2, &lwork, &info);
        st = work_size(q1 > q2 ? q1 : q2, 1, &lwork, who);
        if (st == ND_OK && !(work = nd_malloc((size_t)lwork * sizeof(double), who))) st = ND_ENOMEM;
        st = nd__dist_agree(c.comm, st);
        if (st == ND_OK) {
            pdgeqrf_(&im, &in, nd_data(wa->local), &ONE, &ONE, da, tau, work, &lwork, &info);
            if (info != 0) st = nd_set_error(ND_ELINALG, "%s: pdgeqrf failed (info %d)", who, info);
            st = nd__dist_agree(c.comm, st);
        }
    }
    /* r: the upper triangle of the first k rows. */
    if (st == ND_OK && (st = new_work(&c, k, n, ND_FLOAT64, &wr)) == ND_OK) {
        st = local_sub_copy(wr, wa, true);
        if (st == ND_OK) zero_triangle(wr, false);
        st = nd__dist_agree(c.comm, st);
    }
    if (st == ND_OK && q && k > 0) {
        pdorgqr_(&im, &ik, &ik, nd_data(wa->local), &ONE, &ONE, da, tau, work, &lwork, &info);
        if (info != 0) st = nd_set_error(ND_ELINALG, "%s: pdorgqr failed (info %d)", who, info);
        st = nd__dist_agree(c.comm, st);
    }
    if (st == ND_OK && q && (st = new_work(&c, m, k, ND_FLOAT64, &wq)) == ND_OK)
        st = nd__dist_agree(c.comm, local_sub_copy(wq, wa, true));
    nd_free_mem(tau);
    nd_free_mem(work);
    nd_dist_free(wa);
    if (st != ND_OK) {
        nd_dist_free(wq);
        nd_dist_free(wr);
        return st;
    }
    if (q) *q = wq;
    *r = wr;
    return ND_OK;
}

/* ---- eigh ------------------------------------------------------------------------------------------ */

/* eigh of a matrix smaller than the process grid: every rank gathers it and runs
 * numc's nd_eigh (LAPACK); the eigenvectors are then stored in the working layout. */
static nd_status eigh_small(la_ctx *c, const nd_dist *a, char ul, nd_dist **w, nd_dist **v)
{
    nd_array *full = nd_dist_allgather(a), *ew = NULL, *ev = NULL;
    if (!full) return nd_last_error();
    nd_status st = nd_eigh(full, ul, &ew, &ev);
    nd_free(full);
    nd_array *cw = st == ND_OK ? nd_astype(ew, ND_FLOAT64, ND_CAST_UNSAFE) : NULL;
    nd_array *cv = st == ND_OK ? nd_astype(ev, ND_FLOAT64, ND_CAST_UNSAFE) : NULL;
    if (st == ND_OK && (!cw || !cv)) st = nd_last_error();
    nd_free(ew);
    nd_free(ev);
    st = nd__dist_agree(c->comm, st);
    nd_dist *ww = NULL, *wz = NULL;
    ptrdiff_t n = a->shape[0];
    if (st == ND_OK) st = replicated_f64(c, nd_data(cw), n, &ww);
    if (st == ND_OK && v && (st = new_work(c, n, n, ND_FLOAT64, &wz)) == ND_OK) {
        ptrdiff_t lr = nd_shape(wz->local)[0], lc = nd_shape(wz->local)[1];
        ptrdiff_t s0 = nd_strides(wz->local)[0], s1 = nd_strides(wz->local)[1];
        char *base = nd_data(wz->local);
        const double *src = nd_data(cv);
        for (ptrdiff_t j = 0; j < lc; j++)
            for (ptrdiff_t i = 0; i < lr; i++)
                *(double *)(base + i * s0 + j * s1) =
                    src[nd__dist_cyc_l2g(i, wz->dist.mb, wz->myrow, wz->dist.pr) * n +
                        nd__dist_cyc_l2g(j, wz->dist.nb, wz->mycol, wz->dist.pc)];
    }
    nd_free(cw);
    nd_free(cv);
    if (st != ND_OK) {
        nd_dist_free(ww);
        return st;
    }
    *w = ww;
    if (v) *v = wz;
    return ND_OK;
}

nd_status nd_dist_eigh(const nd_dist *a, char uplo, nd_dist **w, nd_dist **v)
{
    const char *who = "nd_dist_eigh";
    if (w) *w = NULL;
    if (v) *v = NULL;
    if (!a) return nd_set_error(ND_EVALUE, "%s: a is NULL", who);
    if (uplo == 0) uplo = 'L';
    nd_status st = check_matrix(a, who, true);
    if (st == ND_OK && !w) st = nd_set_error(ND_EVALUE, "%s: w is NULL", who);
    if (st == ND_OK && uplo != 'L' && uplo != 'U' && uplo != 'l' && uplo != 'u')
        st = nd_set_error(ND_EVALUE, "%s: uplo must be 'L' or 'U', not '%c'", who, uplo);
    char ul = (uplo == 'U' || uplo == 'u') ? 'U' : 'L';
    double extra[2] = { (double)ul, v ? 1.0 : 0.0 };
    la_ctx c;
    if ((st = la_begin(&c, who, a, NULL, extra, 2, st)) != ND_OK) return st;
    ptrdiff_t n = a->shape[0];
    c.wd = work_layout(a, n);
    /* pdsyevd returns wrong results when a process row or column of the grid holds none
     * of the matrix: blocks small enough that every one holds some, and for a matrix
     * smaller than the grid, LAPACK on every rank (nd_eigh of the gathered matrix). */
    int pmax = c.wd.pr > c.wd.pc ? c.wd.pr : c.wd.pc;
    if (n >= pmax && c.wd.nb * (pmax - 1) >= n) c.wd.mb = c.wd.nb = n / pmax;
    if (n < pmax) return eigh_small(&c, a, ul, w, v);
    nd_dist *wa = NULL, *wz = NULL, *ww = NULL;
    double *ev = NULL, *work = NULL;
    int *iwork = NULL;
    st = to_work(&c, a, ND_FLOAT64, &wa);
    if (st == ND_OK) st = new_work(&c, n, n, ND_FLOAT64, &wz);
    if (st == ND_OK) {
        int da[9], dz[9];
        st = desc_of(&c, wa, da);
        if (st == ND_OK) st = desc_of(&c, wz, dz);
        if (st == ND_OK && !(ev = nd_calloc((size_t)n + 1, sizeof(double), who))) st = ND_ENOMEM;
        if (st == ND_OK && nd_nbytes(wz->local) > 0) memset(nd_data(wz->local), 0, (size_t)nd_nbytes(wz->local));
        st = nd__dist_agree(c.comm, st);
        int in = (int)n, info = 0, lwork = -1, liwork = -1, iq = 0;
        if (st == ND_OK && n > 0) {
            double q = 0.0;
            pdsyevd_("V", &ul, &in, nd_data(wa->local), &ONE, &ONE, da, ev, nd_data(wz->local), &ONE, &ONE, dz, &q,
                     &lwork, &iq, &liwork, &info, 1, 1);
            /* pdsyevd's query is too small for pdormtr when n is not much larger than nb
             * (it then fails inside, only printing "PDORMTR parameter 16"): take the
             * documented bound plus pdormtr's own. */
            ptrdiff_t nb = c.wd.nb, np = nd_shape(wa->local)[0], nq = nd_shape(wa->local)[1];
            ptrdiff_t tri = 3 * n + (nb * (np + 1) > 3 * nb ? nb * (np + 1) : 3 * nb);
            ptrdiff_t doc = 1 + 6 * n + 2 * np * nq;
            ptrdiff_t need = (doc > tri ? doc : tri) + 2 * n + (np + nq + 2 * nb) * nb + nb * nb;
            st = work_size(q, need, &lwork, who);
            liwork = iq + 64 > 8 * in + 64 ? iq + 64 : 8 * in + 64;
            if (st == ND_OK && !(work = nd_malloc((size_t)lwork * sizeof(double), who))) st = ND_ENOMEM;
            if (st == ND_OK && !(iwork = nd_malloc((size_t)liwork * sizeof(int), who))) st = ND_ENOMEM;
            st = nd__dist_agree(c.comm, st);
        }
        if (st == ND_OK && n > 0) {
            pdsyevd_("V", &ul, &in, nd_data(wa->local), &ONE, &ONE, da, ev, nd_data(wz->local), &ONE, &ONE, dz, work,
                     &lwork, iwork, &liwork, &info, 1, 1);
            if (info > 0) st = nd_set_error(ND_ELINALG, "%s: eigenvalues did not converge (info %d)", who, info);
            else if (info < 0) st = nd_set_error(ND_EVALUE, "%s: pdsyevd rejected argument %d", who, -info);
            st = nd__dist_agree(c.comm, st);
        }
    }
    if (st == ND_OK) st = replicated_f64(&c, ev, n, &ww);
    nd_free_mem(ev);
    nd_free_mem(work);
    nd_free_mem(iwork);
    nd_dist_free(wa);
    if (st != ND_OK || !v) nd_dist_free(wz);
    if (st != ND_OK) return st;
    *w = ww;
    if (v) *v = wz;
    return ND_OK;
}

/* ---- svd --------------------------------------------------------------------------------------------- */

/* pdgesvd on the working copy wa (destroyed): s (k doubles, every rank), and with wu / wvt
 * the singular vectors (allocated here). Collective; errors agree. */
static nd_status svd_core(la_ctx *c, nd_dist *wa, double *s, nd_dist **wu, nd_dist **wvt)
{
    ptrdiff_t m = wa->shape[0], n = wa->shape[1], k = m < n ? m : n;
    bool vec = wu != NULL;
    nd_status st = ND_OK;
    if (vec) {
        st = new_work(c, m, k, ND_FLOAT64, wu);
        if (st == ND_OK) st = new_work(c, k, n, ND_FLOAT64, wvt);
        if (st != ND_OK) return st;
    }
    if (k == 0) return ND_OK;
    int da[9], du[9], dv[9];
    st = desc_of(c, wa, da);
    if (vec && st == ND_OK) st = desc_of(c, *wu, du);
    if (vec && st == ND_OK) st = desc_of(c, *wvt, dv);
    if (!vec) {
        memcpy(du, da, sizeof du);
        memcpy(dv, da, sizeof dv);
    }
    st = nd__dist_agree(c->comm, st);
    if (st != ND_OK) return st;
    const char *job = vec ? "V" : "N";
    int im = (int)m, in = (int)n, info = 0, lwork = -1;
    double q = 0.0, dummy = 0.0, *work = NULL;
    double *pu = vec ? nd_data((*wu)->local) : &dummy, *pv = vec ? nd_data((*wvt)->local) : &dummy;
    pdgesvd_(job, job, &im, &in, nd_data(wa->local), &ONE, &ONE, da, s, pu, &ONE, &ONE, du, pv, &ONE, &ONE, dv, &q,
             &lwork, &info, 1, 1);
    st = work_size(q, 1, &lwork, c->who);
    if (st == ND_OK && !(work = nd_malloc((size_t)lwork * sizeof(double), c->who))) st = ND_ENOMEM;
    st = nd__dist_agree(c->comm, st);
    if (st == ND_OK) {
        pdgesvd_(job, job, &im, &in, nd_data(wa->local), &ONE, &ONE, da, s, pu, &ONE, &ONE, du, pv, &ONE, &ONE, dv,
                 work, &lwork, &info, 1, 1);
        if (info > 0) st = nd_set_error(ND_ELINALG, "%s: SVD did not converge (info %d)", c->who, info);
        else if (info < 0) st = nd_set_error(ND_EVALUE, "%s: pdgesvd rejected argument %d", c->who, -info);
        st = nd__dist_agree(c->comm, st);
    }
    nd_free_mem(work);
    return st;
}

nd_status nd_dist_svd(const nd_dist *a, nd_dist **u, nd_dist **s, nd_dist **vh)
{
    const char *who = "nd_dist_svd";
    if (u) *u = NULL;
    if (s) *s = NULL;
    if (vh) *vh = NULL;
    if (!a) return nd_set_error(ND_EVALUE, "%s: a is NULL", who);
    nd_status st = check_matrix(a, who, false);
    if (st == ND_OK && !s) st = nd_set_error(ND_EVALUE, "%s: s is NULL", who);
    if (st == ND_OK && (u == NULL) != (vh == NULL))
        st = nd_set_error(ND_EVALUE, "%s: pass both u and vh, or neither (singular values only)", who);
    double want = u ? 1.0 : 0.0;
    la_ctx c;
    if ((st = la_begin(&c, who, a, NULL, &want, 1, st)) != ND_OK) return st;
    ptrdiff_t m = a->shape[0], n = a->shape[1], k = m < n ? m : n;
    c.wd = work_layout(a, m > n ? m : n);
    nd_dist *wa = NULL, *wu = NULL, *wv = NULL, *ws = NULL;
    double *sv = nd_calloc((size_t)k + 1, sizeof(double), who);
    st = nd__dist_agree(c.comm, sv ? ND_OK : ND_ENOMEM);
    if (st == ND_OK) st = to_work(&c, a, ND_FLOAT64, &wa);
    if (st == ND_OK) st = svd_core(&c, wa, sv, u ? &wu : NULL, u ? &wv : NULL);
    if (st == ND_OK) st = replicated_f64(&c, sv, k, &ws);
    nd_free_mem(sv);
    nd_dist_free(wa);
    if (st != ND_OK) {
        nd_dist_free(wu);
        nd_dist_free(wv);
        return st;
    }
    *s = ws;
    if (u) {
        *u = wu;
        *vh = wv;
    }
    return ND_OK;
}

/* ---- lstsq ---------------------------------------------------------------------------------------------- */

void nd_dist_lstsq_result_free(nd_dist_lstsq_result *r)
{
    if (!r) return;
    nd_dist_free(r->x);
    nd_dist_free(r->residuals);
    nd_dist_free(r->rank);
    nd_dist_free(r->s);
    r->x = r->residuals = r->rank = r->s = NULL;
}

/* Scale row i of the float64 working matrix d by f[i] (global row index). Local. */
static void scale_rows(nd_dist *d, const double *f)
{
    ptrdiff_t lr = nd_shape(d->local)[0], lc = nd_shape(d->local)[1];
    ptrdiff_t s0 = nd_strides(d->local)[0], s1 = nd_strides(d->local)[1];
    char *base = nd_data(d->local);
    for (ptrdiff_t i = 0; i < lr; i++) {
        double v = f[nd__dist_cyc_l2g(i, d->dist.mb, d->myrow, d->dist.pr)];
        for (ptrdiff_t j = 0; j < lc; j++) *(double *)(base + i * s0 + j * s1) *= v;
    }
}

/* C = op(A) @ op(B) for float64 working matrices (C allocated here). */
static nd_status gemm_work(la_ctx *c, const char *ta, const nd_dist *a, const nd_dist *b, ptrdiff_t m, ptrdiff_t n,
                           ptrdiff_t k, nd_dist **out)
{
    nd_status st = new_work(c, m, n, ND_FLOAT64, out);
    if (st != ND_OK) return st;
    int da[9], db[9], dc[9];
    st = desc_of(c, a, da);
    if (st == ND_OK) st = desc_of(c, b, db);
    if (st == ND_OK) st = desc_of(c, *out, dc);
    if (nd_nbytes((*out)->local) > 0) memset(nd_data((*out)->local), 0, (size_t)nd_nbytes((*out)->local));
    st = nd__dist_agree(c->comm, st);
    if (st == ND_OK && m > 0 && n > 0 && k > 0) {
        int im = (int)m, in = (int)n, ik = (int)k;
        double al = 1.0, be = 0.0;
        pdgemm_(ta, "N", &im, &in, &ik, &al, nd_data(a->local), &ONE, &ONE, da, nd_data(b->local), &ONE, &ONE, db,
                &be, nd_data((*out)->local), &ONE, &ONE, dc);
    }
    return st;
}

nd_status nd_dist_lstsq(const nd_dist *a, const nd_dist *b, double rcond, nd_dist_lstsq_result *out)
{
    const char *who = "nd_dist_lstsq";
    if (out) memset(out, 0, sizeof *out);
    if (!a) return nd_set_error(ND_EVALUE, "%s: a is NULL", who);
    nd_status st = check_matrix(a, who, false);
    if (st == ND_OK && !out) st = nd_set_error(ND_EVALUE, "%s: out is NULL", who);
    else if (st == ND_OK) st = check_rhs(a, b, who);
    if (st == ND_OK && isnan(rcond)) st = nd_set_error(ND_EVALUE, "%s: rcond is NaN", who);
    la_ctx c;
    if ((st = la_begin(&c, who, a, b, &rcond, 1, st)) != ND_OK) return st;
    ptrdiff_t m = a->shape[0], n = a->shape[1], k = b->ndim == 2 ? b->shape[1] : 1, mn = m < n ? m : n;
    ptrdiff_t mx = m > n ? m : n;
    c.wd = work_layout(a, mx > k ? mx : k);
    if (rcond < 0) rcond = DBL_EPSILON * (double)mx;
    double *sv = nd_calloc((size_t)mx + 1, sizeof(double), who);
    st = nd__dist_agree(c.comm, sv ? ND_OK : ND_ENOMEM);
    nd_dist *wa = NULL, *wb = NULL, *wx = NULL, *x = NULL, *res = NULL, *rk = NULL, *ws = NULL;
    /* The singular values: s and the rank. */
    if (st == ND_OK) st = to_work(&c, a, ND_FLOAT64, &wa);
    if (st == ND_OK) st = svd_core(&c, wa, sv, NULL, NULL);
    nd_dist_free(wa);
    wa = NULL;
    int64_t rank = 0;
    for (ptrdiff_t i = 0; st == ND_OK && i < mn; i++)
        if (sv[i] > rcond * sv[0]) rank++;
    /* b as a working (max(M, N), K) matrix, zero below row M. */
    if (st == ND_OK) {
        if (b->ndim == 1) {
            st = vec_to_work(&c, b, mx, &wb);
        } else {
            nd_dist *t = NULL;
            st = to_work(&c, b, ND_FLOAT64, &t);
            if (st == ND_OK && mx == m) {
                wb = t;
                t = NULL;
            } else if (st == ND_OK && (st = new_work(&c, mx, k, ND_FLOAT64, &wb)) == ND_OK) {
                st = nd__dist_agree(c.comm, local_sub_copy(wb, t, true));
            }
            nd_dist_free(t);
        }
    }
    if (st == ND_OK) st = to_work(&c, a, ND_FLOAT64, &wa);
    bool full = rank == mn;
    double *resid = NULL;
    if (st == ND_OK && full && mn > 0 && k > 0) {
        /* Full rank: pdgels (QR or LQ), x in the first N rows of wb. */
        int da[9], db[9];
        st = desc_of(&c, wa, da);
        if (st == ND_OK) st = desc_of(&c, wb, db);
        st = nd__dist_agree(c.comm, st);
        int im = (int)m, in = (int)n, ik = (int)k, info = 0, lwork = -1;
        double q = 0.0, *work = NULL;
        if (st == ND_OK) {
            pdgels_("N", &im, &in, &ik, nd_data(wa->local), &ONE, &ONE, da, nd_data(wb->local), &ONE, &ONE, db, &q,
                    &lwork, &info, 1);
            st = work_size(q, 1, &lwork, who);
            if (st == ND_OK && !(work = nd_malloc((size_t)lwork * sizeof(double), who))) st = ND_ENOMEM;
            st = nd__dist_agree(c.comm, st);
        }
        if (st == ND_OK) {
            pdgels_("N", &im, &in, &ik, nd_data(wa->local), &ONE, &ONE, da, nd_data(wb->local), &ONE, &ONE, db, work,
                    &lwork, &info, 1);
            if (info != 0) st = nd_set_error(ND_ELINALG, "%s: pdgels failed (info %d)", who, info);
            st = nd__dist_agree(c.comm, st);
        }
        nd_free_mem(work);
        if (st == ND_OK && (st = new_work(&c, n, k, ND_FLOAT64, &wx)) == ND_OK)
            st = nd__dist_agree(c.comm, local_sub_copy(wx, wb, true));
        /* Residuals: the squared norms of rows N..M-1 of each column of wb. */
        if (st == ND_OK && m > n) {
            double *part = nd_calloc((size_t)k, sizeof(double), who);
            resid = nd_calloc((size_t)k, sizeof(double), who);
            st = part && resid ? ND_OK : ND_ENOMEM;
            if (st == ND_OK) {
                ptrdiff_t lr = nd_shape(wb->local)[0], lc = nd_shape(wb->local)[1];
                ptrdiff_t s0 = nd_strides(wb->local)[0], s1 = nd_strides(wb->local)[1];
                const char *base = nd_data(wb->local);
                for (ptrdiff_t j = 0; j < lc; j++) {
                    ptrdiff_t gj = nd__dist_cyc_l2g(j, wb->dist.nb, wb->mycol, wb->dist.pc);
                    for (ptrdiff_t i = 0; i < lr; i++) {
                        ptrdiff_t gi = nd__dist_cyc_l2g(i, wb->dist.mb, wb->myrow, wb->dist.pr);
                        double v = *(const double *)(base + i * s0 + j * s1);
                        if (gi >= n && gi < m) part[gj] += v * v;
                    }
                }
            }
            st = nd__dist_agree(c.comm, st);
            if (st == ND_OK)
                st = nd__dist_agree(c.comm, nd__mpi_status(MPI_Allreduce(part, resid, (int)k, MPI_DOUBLE, MPI_SUM,
                                                                         c.comm), who, "MPI_Allreduce"));
            nd_free_mem(part);
        }
    } else if (st == ND_OK) {
        /* Rank-deficient (or empty): x = V diag(1/s) U^T b over the kept singular values. */
        nd_dist *wu = NULL, *wvt = NULL, *utb = NULL;
        double *sv2 = nd_calloc((size_t)mn + 1, sizeof(double), who);
        st = nd__dist_agree(c.comm, sv2 ? ND_OK : ND_ENOMEM);
        if (st == ND_OK) st = svd_core(&c, wa, sv2, &wu, &wvt);
        if (st == ND_OK) st = gemm_work(&c, "T", wu, wb, mn, k, m, &utb);
        if (st == ND_OK) {
            double cut = mn > 0 ? rcond * sv2[0] : 0.0;
            for (ptrdiff_t i = 0; i < mn; i++) sv2[i] = sv2[i] > cut ? 1.0 / sv2[i] : 0.0;
            scale_rows(utb, sv2);
            st = gemm_work(&c, "T", wvt, utb, n, k, mn, &wx);
        }
        nd_free_mem(sv2);
        nd_dist_free(wu);
        nd_dist_free(wvt);
        nd_dist_free(utb);
    }
    nd_dist_free(wa);
    nd_dist_free(wb);
    if (st == ND_OK) {
        if (b->ndim == 1) {
            st = work_to_vec(&c, wx, n, &x);
            nd_dist_free(wx);
        } else {
            x = wx;
        }
        wx = NULL;
    }
    nd_dist_free(wx);
    if (st == ND_OK) st = replicated_f64(&c, resid, resid ? k : 0, &res);
    if (st == ND_OK) st = replicated_f64(&c, sv, mn, &ws);
    if (st == ND_OK) {
        nd_array *r0 = (nd_empty)(0, NULL, ND_INT64);
        if (r0) *(int64_t *)nd_data(r0) = rank;
        st = nd__dist_agree(c.comm, r0 ? ND_OK : nd_last_error());
        nd_distribution rep = nd_dist_replicated();
        if (st == ND_OK) st = nd__dist_adopt(c.comm, 0, NULL, ND_INT64, &rep, r0, &rk, who);
        else nd_free(r0);
    }
    nd_free_mem(sv);
    nd_free_mem(resid);
    if (st != ND_OK) {
        nd_dist_free(x);
        nd_dist_free(res);
        nd_dist_free(rk);
        nd_dist_free(ws);
        return st;
    }
    out->x = x;
    out->residuals = res;
    out->rank = rk;
    out->s = ws;
    return ND_OK;
}
