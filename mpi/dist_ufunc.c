/* Elementwise functions on distributed arrays: any ufunc of <numc/ufunc.h> (by its
 * nd_ufunc id, through nd_ufunc_apply) on conforming distributed operands, replicated
 * nd_arrays and scalars. Purely local: no communication besides the error agreement. */
#include <stdio.h>
#include <string.h>

#include <numc/manip.h>

#include "dist_internal.h"

nd_status nd__dist_local_part(const nd_dist *ref, const nd_array *a, nd_array **out, const char *who)
{
    *out = NULL;
    int N = ref->ndim, m = nd_ndim(a);
    const ptrdiff_t *as = nd_shape(a);
    bool ok = m <= N;
    for (int j = 0; ok && j < m; j++) ok = as[j] == 1 || as[j] == ref->shape[N - m + j];
    if (!ok) {
        char b[256];
        size_t k = 0;
        b[0] = '\0';
        for (int j = 0; j < m && k < sizeof b - 24; j++)
            k += (size_t)snprintf(b + k, sizeof b - k, "%s%td", j ? ", " : "", as[j]);
        char dd[200];
        return nd_set_error(ND_ESHAPE, "%s: a replicated operand of shape (%s%s) does not broadcast to %s", who, b,
                            m == 1 ? "," : "", nd_dist_describe(ref, dd, sizeof dd));
    }
    if (ref->dist.kind == ND_DIST_REPLICATED) {
        *out = nd_ref(a);
        return *out ? ND_OK : nd_last_error();
    }
    nd_array *cur = nd_ref(a);
    if (!cur) return nd_last_error();
    for (int j = 0; j < m; j++) {
        int k = N - m + j; /* the global axis of a's axis j */
        if (as[j] == 1) continue;
        nd_array *next = NULL;
        if (ref->dist.kind == ND_DIST_BLOCK && k == ref->dist.axis) {
            ptrdiff_t lo = ref->offset[k], hi = lo + nd_shape(ref->local)[k];
            nd_index idx[ND_MAXDIMS];
            for (int q = 0; q < m; q++) idx[q] = ND_ALL;
            idx[j] = ND_SLICE(lo, hi, 1);
            next = nd_slice(cur, m, idx);
        } else if (ref->dist.kind == ND_DIST_CYCLIC2D) {
            ptrdiff_t n = nd_shape(ref->local)[k];
            ptrdiff_t nb = k == 0 ? ref->dist.mb : ref->dist.nb;
            int p = k == 0 ? ref->myrow : ref->mycol, np = k == 0 ? ref->dist.pr : ref->dist.pc;
            nd_array *ix = (nd_empty)(1, &n, ND_INT64);
            if (ix) {
                int64_t *v = nd_data(ix);
                for (ptrdiff_t i = 0; i < n; i++) v[i] = (int64_t)nd__dist_cyc_l2g(i, nb, p, np);
                next = nd_take(cur, ix, j);
            }
            nd_free(ix);
        } else {
            continue;
        }
        nd_free(cur);
        if (!next) return nd_last_error();
        cur = next;
    }
    *out = cur;
    return ND_OK;
}

static nd_status check_operands(nd_ufunc f, const nd_dist_operand *in, int nin, const nd_dist **ref,
                                const char *who)
{
    *ref = NULL;
    for (int i = 0; i < nin; i++) {
        if (in[i].kind == ND_DOPK_DIST) {
            if (!in[i].d) return nd_set_error(ND_EVALUE, "%s: operand %d is a NULL distributed array", who, i);
            if (!*ref) *ref = in[i].d;
            else if (!nd_dist_conforms(*ref, in[i].d)) {
                char b1[200], b2[200];
                return nd_set_error(ND_EVALUE, "%s(%s): operand %d is %s but an earlier operand is %s "
                                    "(redistribute one of them first)", who, nd_ufunc_name(f), i,
                                    nd_dist_describe(in[i].d, b1, sizeof b1), nd_dist_describe(*ref, b2, sizeof b2));
            }
        } else if (in[i].kind == ND_DOPK_ARRAY) {
            if (!in[i].a) return nd_set_error(ND_EVALUE, "%s: operand %d is a NULL array", who, i);
        } else if (in[i].kind != ND_DOPK_SCALAR) {
            return nd_set_error(ND_EVALUE, "%s: operand %d has an unknown kind %d", who, i, (int)in[i].kind);
        }
    }
    return ND_OK;
}

/* The function and the operands' kinds are the same on every rank. Collective. */
static nd_status same_call(MPI_Comm comm, nd_ufunc f, const nd_dist_operand *in, int nin, const char *who)
{
    int rec[4] = { (int)f, -1, -1, -1 };
    for (int i = 0; i < nin && i < 3; i++) rec[i + 1] = (int)in[i].kind;
    return nd__dist_check_same(comm, rec, sizeof rec, who, "the function or its operands' kinds");
}

/* The local result of f on this rank's parts (into `out` when given). */
static nd_status apply_local(nd_ufunc f, const nd_dist *ref, const nd_dist_operand *in, int nin,
                             const nd_ufunc_opts *o, nd_array *out, nd_array **res, const char *who)
{
    nd_operand ops[3];
    nd_array *parts[4] = { 0 };
    nd_status st = ND_OK;
    for (int i = 0; i < nin && st == ND_OK; i++) {
        if (in[i].kind == ND_DOPK_DIST) ops[i] = nd_op_array(in[i].d->local);
        else if (in[i].kind == ND_DOPK_SCALAR) ops[i] = nd_op_scalar(in[i].s);
        else if ((st = nd__dist_local_part(ref, in[i].a, &parts[i], who)) == ND_OK) ops[i] = nd_op_array(parts[i]);
    }
    nd_ufunc_opts lo;
    memset(&lo, 0, sizeof lo);
    if (o) lo = *o;
    if (st == ND_OK && o && o->where) {
        st = nd__dist_local_part(ref, o->where, &parts[3], who);
        lo.where = parts[3];
    }
    if (st == ND_OK) {
        if (out) st = nd_ufunc_apply_into(f, out, ops, &lo);
        else if (!(*res = nd_ufunc_apply(f, ops, &lo))) st = nd_last_error() != ND_OK ? nd_last_error() : ND_ENOMEM;
    }
    for (int i = 0; i < 4; i++) nd_free(parts[i]);
    return st;
}

nd_dist *nd_dist_ufunc(nd_ufunc f, const nd_dist_operand *in, const nd_ufunc_opts *o)
{
    const char *who = "nd_dist_ufunc";
    if ((int)f < 0 || f >= ND_UF_COUNT) {
        nd_set_error(ND_EVALUE, "%s: unknown ufunc %d", who, (int)f);
        return NULL;
    }
    if (!in) {
        nd_set_error(ND_EVALUE, "%s: the operands are NULL", who);
        return NULL;
    }
    int nin = nd_ufunc_nin(f);
    /* the first distributed operand's communicator carries the agreement */
    const nd_dist *ref = NULL, *first = NULL;
    for (int i = 0; i < nin && !first; i++)
        if (in[i].kind == ND_DOPK_DIST && in[i].d) first = in[i].d;
    if (!first) {
        nd_set_error(ND_EVALUE, "%s(%s): no operand is distributed (use nd_ufunc_apply)", who, nd_ufunc_name(f));
        return NULL;
    }
    nd_status st = check_operands(f, in, nin, &ref, who);
    nd_status same = same_call(first->comm, f, in, nin, who);
    if (st == ND_OK) st = same;
    if (nd__dist_agree(first->comm, st) != ND_OK) return NULL;
    nd_array *res = NULL;
    if (st == ND_OK) st = apply_local(f, ref, in, nin, o, NULL, &res, who);
    if (st == ND_OK) {
        const ptrdiff_t *ls = nd_shape(ref->local);
        bool fits = nd_ndim(res) == ref->ndim;
        for (int k = 0; fits && k < ref->ndim; k++) fits = nd_shape(res)[k] == ls[k];
        if (!fits) {
            char b[200];
            st = nd_set_error(ND_ESHAPE, "%s(%s): the operands broadcast beyond %s", who, nd_ufunc_name(f),
                              nd_dist_describe(ref, b, sizeof b));
        } else if (ref->dist.kind == ND_DIST_CYCLIC2D && !nd_is_f_contiguous(res)) {
            nd_array *fres = nd_copy(res, ND_ORDER_F);
            nd_free(res);
            res = fres;
            if (!res) st = nd_last_error();
        }
    }
    nd_dtype rdt = res ? nd_dtype_of(res) : ref->dtype;
    if (st != ND_OK) {
        nd_free(res);
        res = NULL;
    }
    if (nd__dist_agree(ref->comm, st) != ND_OK) {
        nd_free(res);
        return NULL;
    }
    nd_dist *out = NULL;
    if (nd__dist_adopt(ref->comm, ref->ndim, ref->shape, rdt, &ref->dist, res, &out, who) != ND_OK) return NULL;
    return out;
}

nd_status nd_dist_ufunc_into(nd_ufunc f, nd_dist *out, const nd_dist_operand *in, const nd_ufunc_opts *o)
{
    const char *who = "nd_dist_ufunc_into";
    if (!out) return nd_set_error(ND_EVALUE, "%s: out is NULL", who);
    nd_status st = ND_OK;
    int nin = 0;
    const nd_dist *ref = NULL;
    if ((int)f < 0 || f >= ND_UF_COUNT) st = nd_set_error(ND_EVALUE, "%s: unknown ufunc %d", who, (int)f);
    else if (!in) st = nd_set_error(ND_EVALUE, "%s: the operands are NULL", who);
    else {
        nin = nd_ufunc_nin(f);
        st = check_operands(f, in, nin, &ref, who);
    }
    if (st == ND_OK && ref && !nd_dist_conforms(ref, out)) {
        char b1[200], b2[200];
        st = nd_set_error(ND_EVALUE, "%s(%s): out is %s but the operands are %s", who, nd_ufunc_name(f),
                          nd_dist_describe(out, b1, sizeof b1), nd_dist_describe(ref, b2, sizeof b2));
    }
    nd_status same = same_call(out->comm, f, in, nin, who);
    if (st == ND_OK) st = same;
    if (st == ND_OK) st = apply_local(f, out, in, nin, o, out->local, NULL, who);
    return nd__dist_agree(out->comm, st);
}
