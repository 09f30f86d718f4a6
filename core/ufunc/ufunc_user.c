/* User-defined ufuncs: typed C loops registered under a name, called with broadcasting,
 * NumPy's type resolution (the first loop every input casts to safely), out / where /
 * casting, the worker pool for large inputs, and the methods of ufunc_methods.c.
 * Inputs that need a cast (or are misaligned) are converted whole before the run; an
 * output of another dtype, or under a mask, is computed into a temporary of the loop's
 * dtype and copied. */
#include "ufunc_methods_internal.h"

#include <stdio.h>

struct nd_userfunc {
    char name[64];
    int nin, nout, nloops;
    nd_ufunc_loop *loops;
    bool has_identity;
    nd_scalar identity;
    double (*f1)(double);
    double (*f2)(double, double);
};

static bool valid_dtype(nd_dtype t) { return nd_dtype_is_numeric((int)t); }

nd_userfunc *nd_ufunc_new(const char *name, int nin, int nout, int nloops,
                          const nd_ufunc_loop *loops, const nd_scalar *identity)
{
    const char *who = "nd_ufunc_new";
    if (!name) return ND_FAIL(ND_EVALUE, "%s: name is NULL", who);
    if (strlen(name) > 63) return ND_FAIL(ND_EVALUE, "%s: name '%.20s...' is longer than 63", who, name);
    if (nin < 1 || nout < 1 || nin + nout > ND_UFUNC_MAXARGS)
        return ND_FAIL(ND_EVALUE, "%s: nin %d and nout %d (each >= 1, nin + nout <= %d)", who,
                       nin, nout, ND_UFUNC_MAXARGS);
    if (nloops < 1 || !loops) return ND_FAIL(ND_EVALUE, "%s: '%s' needs at least one loop (got %d)",
                                             who, name, nloops);
    for (int k = 0; k < nloops; k++) {
        if (!loops[k].fn) return ND_FAIL(ND_EVALUE, "%s: loop %d of '%s' has no function", who, k, name);
        for (int i = 0; i < nin + nout; i++)
            if (!valid_dtype(loops[k].types[i]))
                return ND_FAIL(ND_EVALUE, "%s: loop %d of '%s': invalid dtype %d for operand %d",
                               who, k, name, (int)loops[k].types[i], i);
    }
    if (identity && !valid_dtype(identity->dtype))
        return ND_FAIL(ND_EVALUE, "%s: identity of invalid dtype %d", who, (int)identity->dtype);
    nd_userfunc *u = nd_malloc(sizeof *u, who);
    if (!u) return NULL;
    memset(u, 0, sizeof *u);
    u->loops = nd__malloc_n(nloops, sizeof *u->loops, who);
    if (!u->loops) {
        nd_free_mem(u);
        return NULL;
    }
    memcpy(u->loops, loops, sizeof *loops * (size_t)nloops);
    snprintf(u->name, sizeof u->name, "%s", name);
    u->nin = nin;
    u->nout = nout;
    u->nloops = nloops;
    if (identity) {
        u->has_identity = true;
        u->identity = *identity;
    }
    return u;
}

void nd_ufunc_free(nd_userfunc *u)
{
    if (!u) return;
    nd_free_mem(u->loops);
    nd_free_mem(u);
}

const char *nd_userfunc_name(const nd_userfunc *u) { return u ? u->name : "?"; }
int nd_userfunc_nin(const nd_userfunc *u) { return u ? u->nin : 0; }
int nd_userfunc_nout(const nd_userfunc *u) { return u ? u->nout : 0; }

/* ---- the scalar-function loops --------------------------------------------------------------- */
static void f64_unary_loop(char **args, const ptrdiff_t *dims, const ptrdiff_t *steps, void *ctx)
{
    double (*f)(double) = ((const nd_userfunc *)ctx)->f1;
    const ptrdiff_t n = dims[0], s0 = steps[0], s1 = steps[1];
    for (ptrdiff_t i = 0; i < n; i++)
        *(double *)(void *)(args[1] + i * s1) = f(*(const double *)(const void *)(args[0] + i * s0));
}

static void f64_binary_loop(char **args, const ptrdiff_t *dims, const ptrdiff_t *steps, void *ctx)
{
    double (*f)(double, double) = ((const nd_userfunc *)ctx)->f2;
    const ptrdiff_t n = dims[0], s0 = steps[0], s1 = steps[1], s2 = steps[2];
    for (ptrdiff_t i = 0; i < n; i++)
        *(double *)(void *)(args[2] + i * s2) = f(*(const double *)(const void *)(args[0] + i * s0),
                                                  *(const double *)(const void *)(args[1] + i * s1));
}

nd_userfunc *nd_ufunc_from_f64(const char *name, double (*f)(double))
{
    if (!f) return ND_FAIL(ND_EVALUE, "nd_ufunc_from_f64: function is NULL");
    nd_ufunc_loop l = { { ND_FLOAT64, ND_FLOAT64 }, f64_unary_loop, NULL };
    nd_userfunc *u = nd_ufunc_new(name, 1, 1, 1, &l, NULL);
    if (!u) return NULL;
    u->f1 = f;
    u->loops[0].ctx = u;
    return u;
}

nd_userfunc *nd_ufunc_from_f64_binary(const char *name, double (*f)(double, double),
                                      const nd_scalar *identity)
{
    if (!f) return ND_FAIL(ND_EVALUE, "nd_ufunc_from_f64_binary: function is NULL");
    nd_ufunc_loop l = { { ND_FLOAT64, ND_FLOAT64, ND_FLOAT64 }, f64_binary_loop, NULL };
    nd_userfunc *u = nd_ufunc_new(name, 2, 1, 1, &l, identity);
    if (!u) return NULL;
    u->f2 = f;
    u->loops[0].ctx = u;
    return u;
}

/* ---- type resolution ----------------------------------------------------------------------- */
static void types_msg(char *buf, size_t cap, int nin, const nd_operand *in)
{
    size_t k = 0;
    buf[0] = '\0';
    for (int i = 0; i < nin && k < cap; i++) {
        nd_dtype t = in[i].kind == ND_OPK_ARRAY ? in[i].array->dtype : in[i].scalar.dtype;
        k += (size_t)snprintf(buf + k, cap - k, "%s%s", i ? ", " : "", nd_dtype_name(t));
    }
}

/* The index of the loop for these operands: with `forced`, the first whose first output
 * has that dtype and which the inputs cast to under `casting`; otherwise the first the
 * inputs cast to safely. need_same: only loops whose nin + 1 dtypes are one. -1 and
 * ND_EDTYPE when none. */
static int resolve(const nd_userfunc *u, const nd_operand *in, int forced, nd_casting casting,
                   bool need_same, const char *who)
{
    for (int k = 0; k < u->nloops; k++) {
        const nd_dtype *ty = u->loops[k].types;
        if (forced && ty[u->nin] != (nd_dtype)forced) continue;
        bool ok = true;
        for (int i = 0; i <= u->nin && need_same && ok; i++) ok = ty[i] == ty[0];
        for (int i = 0; i < u->nin && ok; i++)
            ok = nd__operand_can_cast(&in[i], ty[i], forced ? casting : ND_CAST_SAFE);
        if (ok) return k;
    }
    char ts[160];
    types_msg(ts, sizeof ts, u->nin, in);
    if (forced)
        nd_set_error(ND_EDTYPE, "%s: ufunc '%s' has no loop giving %s for the input types (%s) "
                     "with casting rule '%s'", who, u->name, nd_dtype_name((nd_dtype)forced), ts,
                     nd_casting_name(casting));
    else
        nd_set_error(ND_EDTYPE, "%s: ufunc '%s' not supported for the input types (%s)%s", who,
                     u->name, ts, need_same ? " with one dtype for inputs and output" : "");
    return -1;
}

/* ---- the call ----------------------------------------------------------------------------- */
typedef struct ucall {
    nd_loop_fn fn;
    void *ctx;
} ucall;

static void ucall_inner(char **p, ptrdiff_t len, const ptrdiff_t *st, void *ud)
{
    const ucall *c = ud;
    c->fn(p, &len, st, c->ctx);
}

static bool same_geometry(const nd_array *x, int ndim, const ptrdiff_t *shape, const nd_array *out)
{
    if (x->data != out->data || x->dtype != out->dtype) return false;
    int off = ndim - x->ndim;
    for (int d = 0; d < ndim; d++) {
        int xd = d - off;
        ptrdiff_t s = (xd < 0 || x->shape[xd] == 1) ? 0 : x->strides[xd];
        if (shape[d] > 1 && s != out->strides[d]) return false;
    }
    return true;
}

nd_status nd_userfunc_call_into_(const nd_userfunc *u, int nout, nd_array **outs, int nin,
                                 const nd_operand *in, const nd_ufunc_opts *o)
{
    const char *who = "nd_userfunc_call";
    if (!u) return nd_set_error(ND_EVALUE, "%s: ufunc is NULL", who);
    if (!outs || !in) return nd_set_error(ND_EVALUE, "%s: %s is NULL", who, outs ? "in" : "outs");
    if (nin != u->nin || nout != u->nout)
        return nd_set_error(ND_EVALUE, "%s: '%s' takes %d inputs and %d outputs, got %d and %d",
                            who, u->name, u->nin, u->nout, nin, nout);
    const nd_ufunc_opts opts = o ? *o : (nd_ufunc_opts){ 0 };
    if (opts.no_positional_options_use_X_into_for_out != 0 &&
        opts.no_positional_options_use_X_into_for_out != ND__NOPOS)
        return nd_set_error(ND_EVALUE, "%s: a positional argument after the operands (%g); options "
                            "are named (.where = ...)", who, opts.no_positional_options_use_X_into_for_out);
    const nd_casting casting = opts.casting ? opts.casting : ND_CAST_SAME_KIND;
    for (int i = 0; i < nin; i++) {
        if (in[i].kind == ND_OPK_ARRAY && !in[i].array)
            return nd_set_error(ND_EVALUE, "%s: input %d is NULL", who, i);
        if (in[i].kind != ND_OPK_ARRAY && in[i].kind != ND_OPK_SCALAR)
            return nd_set_error(ND_EVALUE, "%s: input %d is missing", who, i);
        if (in[i].kind == ND_OPK_SCALAR && !valid_dtype(in[i].scalar.dtype))
            return nd_set_error(ND_EDTYPE, "%s: scalar input %d has invalid dtype %d", who, i,
                                (int)in[i].scalar.dtype);
    }
    if (opts.dtype && !nd_dtype_is_numeric(opts.dtype))
        return nd_set_error(ND_EDTYPE, "%s: invalid dtype %d", who, opts.dtype);
    const int k = resolve(u, in, opts.dtype, casting, false, who);
    if (k < 0) return nd_last_error();
    const nd_ufunc_loop *L = &u->loops[k];

    /* the broadcast shape: inputs, then the given outputs (which must have it) */
    int ndim = 0, nds[ND_UFUNC_MAXARGS], n = 0;
    const ptrdiff_t *shs[ND_UFUNC_MAXARGS];
    ptrdiff_t shape[ND_MAXDIMS];
    for (int i = 0; i < nin; i++)
        if (in[i].kind == ND_OPK_ARRAY) {
            nds[n] = in[i].array->ndim;
            shs[n++] = in[i].array->shape;
        }
    for (int j = 0; j < nout; j++)
        if (outs[j]) {
            nds[n] = outs[j]->ndim;
            shs[n++] = outs[j]->shape;
        }
    if (n && nd__broadcast(n, nds, shs, &ndim, shape, who) < 0) return nd_last_error();
    for (int j = 0; j < nout; j++) {
        if (!outs[j]) continue;
        bool ok = outs[j]->ndim == ndim;
        for (int d = 0; ok && d < ndim; d++) ok = outs[j]->shape[d] == shape[d];
        if (!ok) {
            char s1[ND_SHAPE_STRLEN], s2[ND_SHAPE_STRLEN];
            return nd_set_error(ND_ESHAPE, "%s: output %d of shape %s does not match the broadcast "
                                "shape %s", who, j, nd__shape_str(s1, sizeof s1, outs[j]->ndim, outs[j]->shape),
                                nd__shape_str(s2, sizeof s2, ndim, shape));
        }
        if (!nd_is_writeable(outs[j])) return nd_set_error(ND_EVALUE, "%s: output %d is read-only", who, j);
        if (!nd_can_cast(L->types[nin + j], outs[j]->dtype, casting))
            return nd_set_error(ND_EDTYPE, "%s: cannot cast ufunc '%s' output %d from %s to %s with "
                                "casting rule '%s'", who, u->name, j, nd_dtype_name(L->types[nin + j]),
                                nd_dtype_name(outs[j]->dtype), nd_casting_name(casting));
    }
    if (opts.where) {
        int wn[2] = { ndim, opts.where->ndim }, rn;
        const ptrdiff_t *ws[2] = { shape, opts.where->shape };
        ptrdiff_t rs[ND_MAXDIMS];
        bool ok = nd__broadcast(2, wn, ws, &rn, rs, who) == ND_OK && rn == ndim;
        for (int d = 0; ok && d < ndim; d++) ok = rs[d] == shape[d];
        if (!ok) {
            char s1[ND_SHAPE_STRLEN], s2[ND_SHAPE_STRLEN];
            return nd_set_error(ND_ESHAPE, "%s: where mask of shape %s does not broadcast to %s", who,
                                nd__shape_str(s1, sizeof s1, opts.where->ndim, opts.where->shape),
                                nd__shape_str(s2, sizeof s2, ndim, shape));
        }
    }

    nd_array *ins[ND_UFUNC_MAXARGS] = { NULL }, *tmp[ND_UFUNC_MAXARGS] = { NULL };
    nd_array *made[ND_UFUNC_MAXARGS] = { NULL };
    nd_status rc = ND_OK;
    /* inputs in their loop dtypes; copies of those overlapping an output otherwise than
     * element for element */
    for (int i = 0; i < nin && rc == ND_OK; i++) {
        const nd_dtype t = L->types[i];
        if (in[i].kind == ND_OPK_SCALAR) {
            ins[i] = nd_full(0, NULL, t, in[i].scalar);
        } else {
            const nd_array *a = in[i].array;
            if (!nd_can_cast(a->dtype, t, opts.dtype ? casting : ND_CAST_SAFE)) {
                rc = nd_set_error(ND_EDTYPE, "%s: cannot cast input %d from %s to %s", who, i,
                                  nd_dtype_name(a->dtype), nd_dtype_name(t));
                break;
            }
            bool overlap = false;
            for (int j = 0; j < nout; j++)
                overlap = overlap || (outs[j] && nd_may_share_memory(a, outs[j]) &&
                                      !same_geometry(a, ndim, shape, outs[j]));
            ins[i] = a->dtype == t && nd__aligned(a) && !overlap ? nd_ref(a)
                                                                  : nd_astype(a, t, ND_CAST_UNSAFE);
        }
        if (!ins[i]) rc = nd_last_error();
    }
    /* outputs: written directly when they have the loop's dtype and no mask applies */
    nd_array *target[ND_UFUNC_MAXARGS];
    for (int j = 0; j < nout && rc == ND_OK; j++) {
        const nd_dtype t = L->types[nin + j];
        if (outs[j] && outs[j]->dtype == t && nd__aligned(outs[j]) && !opts.where) {
            target[j] = outs[j];
            continue;
        }
        if (!outs[j] && !opts.where) {
            made[j] = nd__alloc_k(ndim, shape, t, NULL, false, who);
            target[j] = made[j];
        } else {
            if (!outs[j]) made[j] = nd__alloc_k(ndim, shape, t, NULL, true, who);
            tmp[j] = nd__alloc_k(ndim, shape, t, NULL, false, who);
            target[j] = tmp[j];
            if (!outs[j] && !made[j]) target[j] = NULL;
        }
        if (!target[j]) rc = nd_last_error();
    }
    if (rc == ND_OK) {
        nd__nest nest = { .nop = nin + nout, .ndim = ndim };
        for (int d = 0; d < ndim; d++) nest.shape[d] = shape[d];
        for (int i = 0; i < nin; i++) {
            const nd_array *a = ins[i];
            int off = ndim - a->ndim;
            for (int d = 0; d < ndim; d++) {
                int ad = d - off;
                nest.strides[i][d] = (ad < 0 || a->shape[ad] == 1) ? 0 : a->strides[ad];
            }
            nest.base[i] = a->data;
        }
        for (int j = 0; j < nout; j++) {
            for (int d = 0; d < ndim; d++) nest.strides[nin + j][d] = target[j]->strides[d];
            nest.base[nin + j] = target[j]->data;
        }
        if (ndim == 0) {
            nest.ndim = 1;
            nest.shape[0] = 1;
            for (int op = 0; op < nest.nop; op++) nest.strides[op][0] = 0;
        }
        nd__nest_optimize(&nest, nin);
        ucall c = { L->fn, L->ctx };
        nd__ufm m = { .name = u->name, .builtin = -1 };
        nd__ufm_begin();
        nd__nest_run_parallel(&nest, ucall_inner, &c, ((1u << nout) - 1) << nin);
        rc = nd__ufm_finish(&m, who);
    }
    for (int j = 0; j < nout && rc == ND_OK; j++) {
        if (!tmp[j]) continue;
        nd_array *dst = outs[j] ? outs[j] : made[j];
        rc = nd__ufm_copy_where(dst, tmp[j], opts.where, outs[j] ? casting : ND_CAST_UNSAFE, who);
    }
    for (int i = 0; i < nin; i++) nd_free(ins[i]);
    for (int j = 0; j < nout; j++) {
        nd_free(tmp[j]);
        if (rc == ND_OK && !outs[j]) {
            outs[j] = made[j];
        } else {
            nd_free(made[j]);
        }
    }
    return rc;
}

nd_array *nd_userfunc_call_(const nd_userfunc *u, int nin, const nd_operand *in,
                            const nd_ufunc_opts *o)
{
    if (u && u->nout != 1)
        return ND_FAIL(ND_EVALUE, "nd_userfunc_call: '%s' has %d outputs; use nd_userfunc_call_into_",
                       u->name, u->nout);
    nd_array *out = NULL;
    return nd_userfunc_call_into_(u, 1, &out, nin, in, o) < 0 ? NULL : out;
}

nd_array *nd_userfunc_call1_(const nd_userfunc *u, nd_operand a, const nd_ufunc_opts *o)
{
    const nd_operand in[1] = { a };
    return nd_userfunc_call_(u, 1, in, o);
}

nd_array *nd_userfunc_call2_(const nd_userfunc *u, nd_operand a, nd_operand b, const nd_ufunc_opts *o)
{
    const nd_operand in[2] = { a, b };
    return nd_userfunc_call_(u, 2, in, o);
}

nd_status nd_userfunc_call1_into_(const nd_userfunc *u, nd_array *out, nd_operand a,
                                  const nd_ufunc_opts *o)
{
    if (!out) return nd_set_error(ND_EVALUE, "nd_userfunc_call_into: out is NULL");
    const nd_operand in[1] = { a };
    return nd_userfunc_call_into_(u, 1, &out, 1, in, o);
}

nd_status nd_userfunc_call2_into_(const nd_userfunc *u, nd_array *out, nd_operand a, nd_operand b,
                                  const nd_ufunc_opts *o)
{
    if (!out) return nd_set_error(ND_EVALUE, "nd_userfunc_call_into: out is NULL");
    const nd_operand in[2] = { a, b };
    return nd_userfunc_call_into_(u, 1, &out, 2, in, o);
}

/* ---- the methods ----------------------------------------------------------------------------- */
/* Resolve u for a method on input a (and b for at: NULL operand kind NONE → a again). */
static nd_status user_ufm(nd__ufm *m, const nd_userfunc *u, const nd_array *a, const nd_operand *b,
                          int forced, bool need_same, int want_nin, const char *who)
{
    if (!u) return nd_set_error(ND_EVALUE, "%s: ufunc is NULL", who);
    if (!a) return nd_set_error(ND_EVALUE, "%s: input is NULL", who);
    if (u->nout != 1 || (want_nin && u->nin != want_nin) || u->nin > 2)
        return nd_set_error(ND_EVALUE, "%s: '%s' has %d inputs and %d outputs; this method needs "
                            "%s with one output", who, u->name, u->nin, u->nout,
                            want_nin == 2 ? "a binary function" : "a unary or binary function");
    if (forced && !nd_dtype_is_numeric(forced))
        return nd_set_error(ND_EDTYPE, "%s: invalid dtype %d", who, forced);
    nd_operand in[2] = { nd_op_array(a), b ? *b : nd_op_array(a) };
    int k = resolve(u, in, forced, ND_CAST_SAME_KIND, need_same, who);
    if (k < 0) return nd_last_error();
    const nd_ufunc_loop *L = &u->loops[k];
    if (u->nin == 2 && L->types[0] != L->types[1])
        return nd_set_error(ND_EDTYPE, "%s: the loop of '%s' for these inputs takes %s and %s; this "
                            "method needs one input dtype", who, u->name,
                            nd_dtype_name(L->types[0]), nd_dtype_name(L->types[1]));
    *m = (nd__ufm){ .name = u->name, .builtin = -1, .nin = u->nin, .fn = L->fn, .ctx = L->ctx,
                    .t = L->types[0], .ot = L->types[u->nin], .has_identity = u->has_identity,
                    .identity = u->identity, .reorderable = u->has_identity };
    return ND_OK;
}

static nd_status user_reduce(const nd_userfunc *u, nd_array *out, const nd_array *a,
                             const nd_reduce_opts *o, nd_array **res, const char *who)
{
    nd__ufm m; /* out's dtype is reached by a same_kind cast of the loop's result */
    if (user_ufm(&m, u, a, NULL, o ? o->dtype : 0, true, 2, who) < 0) return nd_last_error();
    return nd__ufm_reduce(&m, a, o, out, res, who);
}

nd_array *nd_userfunc_reduce(const nd_userfunc *u, const nd_array *a, const nd_reduce_opts *o)
{
    nd_array *r = NULL;
    return user_reduce(u, NULL, a, o, &r, "nd_userfunc_reduce") < 0 ? NULL : r;
}

nd_status nd_userfunc_reduce_into(const nd_userfunc *u, nd_array *out, const nd_array *a,
                                  const nd_reduce_opts *o)
{
    if (!out) return nd_set_error(ND_EVALUE, "nd_userfunc_reduce_into: out is NULL");
    return user_reduce(u, out, a, o, NULL, "nd_userfunc_reduce_into");
}

static nd_status user_accumulate(const nd_userfunc *u, nd_array *out, const nd_array *a,
                                 const nd_accumulate_opts *o, nd_array **res, const char *who)
{
    nd__ufm m;
    if (user_ufm(&m, u, a, NULL, o ? o->dtype : 0, true, 2, who) < 0) return nd_last_error();
    return nd__ufm_accumulate(&m, a, o ? o->axis : 0, out, res, who);
}

nd_array *nd_userfunc_accumulate(const nd_userfunc *u, const nd_array *a,
                                 const nd_accumulate_opts *o)
{
    nd_array *r = NULL;
    return user_accumulate(u, NULL, a, o, &r, "nd_userfunc_accumulate") < 0 ? NULL : r;
}

nd_status nd_userfunc_accumulate_into(const nd_userfunc *u, nd_array *out, const nd_array *a,
                                      const nd_accumulate_opts *o)
{
    if (!out) return nd_set_error(ND_EVALUE, "nd_userfunc_accumulate_into: out is NULL");
    return user_accumulate(u, out, a, o, NULL, "nd_userfunc_accumulate_into");
}

static nd_status user_reduceat(const nd_userfunc *u, nd_array *out, const nd_array *a,
                               const nd_array *indices, const nd_accumulate_opts *o,
                               nd_array **res, const char *who)
{
    nd__ufm m;
    if (user_ufm(&m, u, a, NULL, o ? o->dtype : 0, true, 2, who) < 0) return nd_last_error();
    return nd__ufm_reduceat(&m, a, indices, o ? o->axis : 0, out, res, who);
}

nd_array *nd_userfunc_reduceat(const nd_userfunc *u, const nd_array *a, const nd_array *indices,
                               const nd_accumulate_opts *o)
{
    nd_array *r = NULL;
    return user_reduceat(u, NULL, a, indices, o, &r, "nd_userfunc_reduceat") < 0 ? NULL : r;
}

nd_status nd_userfunc_reduceat_into(const nd_userfunc *u, nd_array *out, const nd_array *a,
                                    const nd_array *indices, const nd_accumulate_opts *o)
{
    if (!out) return nd_set_error(ND_EVALUE, "nd_userfunc_reduceat_into: out is NULL");
    return user_reduceat(u, out, a, indices, o, NULL, "nd_userfunc_reduceat_into");
}

static nd_status user_outer(const nd_userfunc *u, nd_array *out, const nd_array *a,
                            const nd_array *b, const nd_ufunc_opts *o, nd_array **res,
                            const char *who)
{
    if (!u) return nd_set_error(ND_EVALUE, "%s: ufunc is NULL", who);
    if (u->nin != 2 || u->nout != 1)
        return nd_set_error(ND_EVALUE, "%s: outer needs a binary function with one output; '%s' "
                            "has %d inputs and %d outputs", who, u->name, u->nin, u->nout);
    if (!a || !b) return nd_set_error(ND_EVALUE, "%s: input %d is NULL", who, a ? 1 : 0);
    nd_array *al = nd__outer_left(a, b->ndim, who);
    if (!al) return nd_last_error();
    nd_operand in[2] = { nd_op_array(al), nd_op_array(b) };
    nd_array *outs[1] = { out };
    nd_status rc = nd_userfunc_call_into_(u, 1, outs, 2, in, o);
    nd_free(al);
    if (rc == ND_OK && !out) *res = outs[0];
    return rc;
}

nd_array *nd_userfunc_outer(const nd_userfunc *u, const nd_array *a, const nd_array *b,
                            const nd_ufunc_opts *o)
{
    nd_array *r = NULL;
    return user_outer(u, NULL, a, b, o, &r, "nd_userfunc_outer") < 0 ? NULL : r;
}

nd_status nd_userfunc_outer_into(const nd_userfunc *u, nd_array *out, const nd_array *a,
                                 const nd_array *b, const nd_ufunc_opts *o)
{
    if (!out) return nd_set_error(ND_EVALUE, "nd_userfunc_outer_into: out is NULL");
    return user_outer(u, out, a, b, o, NULL, "nd_userfunc_outer_into");
}

nd_status nd_userfunc_at_n_(const nd_userfunc *u, nd_array *a, int nidx, const nd_array *const *idx,
                            nd_operand b)
{
    const char *who = "nd_userfunc_at";
    if (!u) return nd_set_error(ND_EVALUE, "%s: ufunc is NULL", who);
    if (!a) return nd_set_error(ND_EVALUE, "%s: array is NULL", who);
    if (!idx) return nd_set_error(ND_EVALUE, "%s: index list is NULL", who);
    if (u->nin == 2 && b.kind == ND_OPK_NONE)
        return nd_set_error(ND_EVALUE, "%s: '%s' is binary: give the values b", who, u->name);
    if (u->nin == 1 && b.kind != ND_OPK_NONE)
        return nd_set_error(ND_EVALUE, "%s: '%s' is unary: pass ND_NOBOUND for b", who, u->name);
    if (b.kind == ND_OPK_ARRAY && !b.array) return nd_set_error(ND_EVALUE, "%s: b is NULL", who);
    nd__ufm m;
    if (user_ufm(&m, u, a, u->nin == 2 ? &b : NULL, 0, false, 0, who) < 0) return nd_last_error();
    nd_array *bs = NULL;
    if (b.kind == ND_OPK_SCALAR && !(bs = nd_full(0, NULL, m.t, b.scalar))) return nd_last_error();
    nd_status rc = nd__ufm_at(&m, a, nidx, idx, u->nin == 2 ? (bs ? bs : b.array) : NULL, who);
    nd_free(bs);
    return rc;
}
