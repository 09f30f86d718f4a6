/* numc's ufuncs as Python objects (table-driven: one numc.ufunc object per nd_ufunc, named
 * by nd_ufunc_name) with out/where/dtype/casting and the methods reduce / accumulate /
 * outer / at; the reductions (sum, mean, var, argmax, cumsum, ...) as module functions and
 * ndarray methods with axis/keepdims/dtype/ddof/out/initial/where. */
#include "numc_py.h"

#include <string.h>

typedef struct {
    PyObject_HEAD
    int f;
} NcUfunc;

static PyTypeObject *NcUfunc_Type;

static void uf_dealloc(PyObject *self)
{
    PyTypeObject *tp = Py_TYPE(self);
    PyObject_Free(self);
    Py_DECREF(tp);
}

static int casting_arg(PyObject *o, nd_casting *c)
{
    *c = ND_CAST_DEFAULT;
    if (!o || o == Py_None) return 0;
    static const char *cn[] = { "no", "equiv", "safe", "same_kind", "unsafe" };
    const char *s = PyUnicode_Check(o) ? PyUnicode_AsUTF8AndSize(o, NULL) : NULL;
    for (int i = 0; s && i < 5; i++)
        if (strcmp(s, cn[i]) == 0) {
            *c = (nd_casting)(i + 1);
            return 0;
        }
    PyErr_SetString(PyExc_ValueError, "casting must be one of 'no', 'equiv', 'safe', 'same_kind', or 'unsafe'");
    return -1;
}

/* out=: an ndarray, a 1-tuple of one, or None. */
static int out_arg(PyObject *o, PyObject **out)
{
    *out = NULL;
    if (!o || o == Py_None) return 0;
    if (PyTuple_Check(o)) {
        if (PyTuple_Size(o) != 1) {
            PyErr_SetString(PyExc_ValueError, "The 'out' tuple must have exactly one entry per ufunc output");
            return -1;
        }
        o = PyTuple_GetItem(o, 0);
        if (o == Py_None) return 0;
    }
    if (!NcArray_Check(o) && !PyObject_CheckBuffer(o)) {
        PyErr_SetString(PyExc_TypeError, "return arrays must be of ArrayType (a numc.ndarray or an "
                                         "array with the buffer protocol, such as a NumPy array)");
        return -1;
    }
    *out = o;
    return 0;
}

/* numc's view of an out= object (a numc.ndarray, or a NumPy array whose memory numc writes
 * into): a new reference, NULL with an exception. */
static nd_array *out_nd(PyObject *out)
{
    if (NcArray_Check(out)) {
        nd_array *a = nd_ref(NC_ARR(out));
        return a ? a : (nd_array *)npy_raise();
    }
    return npy_as_nd(out, -1);
}

static PyObject *uf_call(PyObject *self, PyObject *args, PyObject *kw)
{
    nd_ufunc f = (nd_ufunc)((NcUfunc *)self)->f;
    int nin = nd_ufunc_nin(f);
    Py_ssize_t npos = PyTuple_Size(args);
    const char *name = nd_ufunc_name(f);
    if (npos < nin || npos > nin + 1) {
        PyErr_Format(PyExc_TypeError, "%s() takes from %d to %d positional arguments but %zd were given",
                     name, nin, nin + 1, npos);
        return NULL;
    }
    PyObject *outo = npos > nin ? PyTuple_GetItem(args, nin) : NULL, *whereo = NULL, *dto = NULL,
             *castingo = NULL;
    if (kw) {
        Py_ssize_t pos = 0;
        PyObject *k, *v;
        while (PyDict_Next(kw, &pos, &k, &v)) {
            const char *ks = PyUnicode_AsUTF8AndSize(k, NULL);
            if (!ks) return NULL;
            if (strcmp(ks, "out") == 0 && !outo) outo = v;
            else if (strcmp(ks, "where") == 0) whereo = v;
            else if (strcmp(ks, "dtype") == 0) dto = v;
            else if (strcmp(ks, "casting") == 0) castingo = v;
            else if ((strcmp(ks, "order") == 0 || strcmp(ks, "subok") == 0) ) continue;
            else {
                PyErr_Format(PyExc_TypeError, "%s() got an unexpected keyword argument '%s'", name, ks);
                return NULL;
            }
        }
    }
    PyObject *out;
    nd_ufunc_opts o = { 0 };
    if (out_arg(outo, &out) < 0 || casting_arg(castingo, &o.casting) < 0) return NULL;
    int dt = npy_dtype_arg(dto);
    if (dt == -2) return NULL;
    if (dt >= 0) {
        if (dt == ND_BOOL) {
            PyErr_SetString(PyExc_TypeError, "numc: dtype=bool cannot be forced on a ufunc");
            return NULL;
        }
        o.dtype = dt;
    }
    nd_operand in[3];
    nd_array *tmp[4] = { NULL, NULL, NULL, NULL };
    PyObject *r = NULL, *objs[3];
    ptrdiff_t n = 1;
    for (int i = 0; i < nin; i++) {
        objs[i] = PyTuple_GetItem(args, i);
        if (f == ND_UF_CLIP && i > 0 && objs[i] == Py_None) objs[i] = NULL; /* no bound */
    }
    if (npy_operands(nin, objs, in, tmp) < 0) return NULL;
    for (int i = 0; i < nin; i++)
        if (in[i].kind == ND_OPK_ARRAY && nd_size(in[i].array) > n) n = nd_size(in[i].array);
    if (whereo && whereo != Py_True) {
        tmp[3] = npy_as_nd(whereo, ND_BOOL);
        if (!tmp[3]) goto done;
        o.where = tmp[3];
    }
    if (out) {
        nd_array *od = out_nd(out);
        if (!od) goto done;
        nd_status st;
        NPY_CALL(n, st = nd_ufunc_apply_into(f, od, in, &o));
        nd_free(od);
        if (st < 0) npy_raise();
        else if (npy_flush_warnings() == 0) r = Py_NewRef(out);
    } else {
        nd_array *res;
        NPY_CALL(n, res = nd_ufunc_apply(f, in, &o));
        r = npy_wrap_result(res);
    }
done:
    for (int i = 0; i < 4; i++) nd_free(tmp[i]);
    return r;
}

static PyObject *uf_repr(PyObject *self)
{
    return PyUnicode_FromFormat("<ufunc '%s'>", nd_ufunc_name((nd_ufunc)((NcUfunc *)self)->f));
}

static PyObject *uf_name(PyObject *self, void *c) { return PyUnicode_FromString(nd_ufunc_name((nd_ufunc)((NcUfunc *)self)->f)); }
static PyObject *uf_nin(PyObject *self, void *c) { return PyLong_FromLong(nd_ufunc_nin((nd_ufunc)((NcUfunc *)self)->f)); }
static PyObject *uf_nout(PyObject *self, void *c) { return PyLong_FromLong(1); }
static PyObject *uf_nargs(PyObject *self, void *c) { return PyLong_FromLong(nd_ufunc_nin((nd_ufunc)((NcUfunc *)self)->f) + 1); }

static PyGetSetDef uf_getset[] = {
    { "__name__", uf_name, NULL, "NumPy's name", NULL },
    { "nin", uf_nin, NULL, "number of inputs", NULL },
    { "nout", uf_nout, NULL, "number of outputs", NULL },
    { "nargs", uf_nargs, NULL, "nin + nout", NULL },
    { NULL, NULL, NULL, NULL, NULL }
};

static int axis_into(PyObject *ao, nd_reduce_opts *o)
{
    int axis;
    nd_axes axes;
    if (npy_axis_arg(ao, &axis, &axes) < 0) return -1;
    o->axis = axis;
    o->axes = axes;
    return 0;
}

static PyObject *finish_out(nd_array *r, PyObject *out)
{
    if (!r) return npy_raise();
    if (!out) return npy_wrap_result(r);
    nd_array *od = out_nd(out);
    if (!od) {
        nd_free(r);
        return NULL;
    }
    nd_status st = nd_assign(od, r, ND_CAST_SAME_KIND);
    nd_free(od);
    nd_free(r);
    if (st < 0) return npy_raise();
    if (npy_flush_warnings() < 0) return NULL;
    return Py_NewRef(out);
}

/* A reduction's dtype= (None: the default) into o and its out= into *out: 0, or -1 with a
 * Python error set. */
static int reduce_dtype_out(PyObject *dto, PyObject *outo, nd_reduce_opts *o, PyObject **out)
{
    int dt = npy_dtype_arg(dto);
    if (dt == -2 || out_arg(outo, out) < 0) return -1;
    o->dtype = dt < 0 ? 0 : dt;
    return 0;
}

/* Convert a reduction's array operand and its optional initial= / where= arguments into o
 * (o->initial points at *is, o->where at *w). Returns the converted array, or NULL with a Python
 * error set and nothing left to free. */
static nd_array *reduce_operands(PyObject *ao, PyObject *init, PyObject *whereo, nd_reduce_opts *o,
                                 nd_scalar *is, nd_array **w)
{
    nd_array *a = npy_as_nd(ao, -1);
    if (!a) return NULL;
    if (init && init != Py_None) {
        nd_operand op;
        nd_array *t;
        if (npy_operand(init, &op, &t) < 0 || t) {
            nd_free(t);
            nd_free(a);
            if (!PyErr_Occurred()) PyErr_SetString(PyExc_TypeError, "initial must be a scalar");
            return NULL;
        }
        *is = op.scalar;
        o->initial = is;
    }
    if (whereo && whereo != Py_True) {
        if (!(*w = npy_as_nd(whereo, ND_BOOL))) {
            nd_free(a);
            return NULL;
        }
        o->where = *w;
    }
    return a;
}

static PyObject *uf_reduce(PyObject *self, PyObject *args, PyObject *kw)
{
    static char *names[] = { "array", "axis", "dtype", "out", "keepdims", "initial", "where", NULL };
    PyObject *ao, *axo = NULL, *dto = Py_None, *outo = Py_None, *init = NULL, *whereo = NULL;
    int keepdims = 0;
    if (!PyArg_ParseTupleAndKeywords(args, kw, "O|OOOpOO:reduce", names, &ao, &axo, &dto, &outo, &keepdims,
                                     &init, &whereo))
        return NULL;
    nd_reduce_opts o = ND_REDUCE_DEFAULTS;
    if (!axo) o.axis = 0;
    else if (axis_into(axo, &o) < 0) return NULL;
    o.keepdims = keepdims;
    PyObject *out;
    if (reduce_dtype_out(dto, outo, &o, &out) < 0) return NULL;
    nd_scalar is;
    nd_array *w = NULL, *a = reduce_operands(ao, init, whereo, &o, &is, &w);
    if (!a) return NULL;
    nd_array *r;
    NPY_CALL(nd_size(a), r = nd_ufunc_reduce((nd_ufunc)((NcUfunc *)self)->f, a, &o));
    nd_free(a);
    nd_free(w);
    return finish_out(r, out);
}

static PyObject *uf_accumulate(PyObject *self, PyObject *args, PyObject *kw)
{
    static char *names[] = { "array", "axis", "dtype", "out", NULL };
    PyObject *ao, *dto = Py_None, *outo = Py_None;
    int axis = 0;
    if (!PyArg_ParseTupleAndKeywords(args, kw, "O|iOO:accumulate", names, &ao, &axis, &dto, &outo)) return NULL;
    int dt = npy_dtype_arg(dto);
    PyObject *out;
    if (dt == -2 || out_arg(outo, &out) < 0) return NULL;
    nd_accumulate_opts o = { .axis = axis, .dtype = dt < 0 ? 0 : dt };
    nd_array *a = npy_as_nd(ao, -1);
    if (!a) return NULL;
    nd_array *r;
    NPY_CALL(nd_size(a), r = nd_ufunc_accumulate((nd_ufunc)((NcUfunc *)self)->f, a, &o));
    nd_free(a);
    return finish_out(r, out);
}

static PyObject *uf_outer(PyObject *self, PyObject *args, PyObject *kw)
{
    static char *names[] = { "A", "B", "dtype", NULL };
    PyObject *ao, *bo, *dto = Py_None;
    if (!PyArg_ParseTupleAndKeywords(args, kw, "OO|O:outer", names, &ao, &bo, &dto)) return NULL;
    int dt = npy_dtype_arg(dto);
    if (dt == -2) return NULL;
    nd_ufunc_opts o = { .dtype = dt < 0 ? 0 : dt };
    nd_array *a = npy_as_nd(ao, -1), *b = a ? npy_as_nd(bo, -1) : NULL;
    if (!b) {
        nd_free(a);
        return NULL;
    }
    nd_array *r;
    NPY_CALL(nd_size(a) * nd_size(b), r = nd_ufunc_outer((nd_ufunc)((NcUfunc *)self)->f, a, b, &o));
    nd_free(a);
    nd_free(b);
    return npy_wrap_result(r);
}

static PyObject *uf_at(PyObject *self, PyObject *args)
{
    PyObject *ao, *io, *bo = Py_None;
    if (!PyArg_ParseTuple(args, "OO|O:at", &ao, &io, &bo)) return NULL;
    if (!NcArray_Check(ao)) {
        PyErr_SetString(PyExc_TypeError, "at: the first argument must be a numc.ndarray");
        return NULL;
    }
    nd_array *idx[ND_MAXDIMS];
    int nidx = 0;
    PyObject *seq = PyTuple_Check(io) ? Py_NewRef(io) : PyTuple_Pack(1, io);
    if (!seq) return NULL;
    Py_ssize_t n = PyTuple_Size(seq);
    PyObject *r = NULL;
    nd_array *tb = NULL;
    for (Py_ssize_t i = 0; i < n && i < ND_MAXDIMS; i++) {
        idx[nidx] = npy_as_nd(PyTuple_GetItem(seq, i), -1);
        if (!idx[nidx]) goto done;
        nidx++;
    }
    nd_operand b = ND_NOBOUND;
    if (bo != Py_None && npy_operand(bo, &b, &tb) < 0) goto done;
    if (nd_ufunc_at_n_((nd_ufunc)((NcUfunc *)self)->f, NC_ARR(ao), nidx, (const nd_array *const *)idx, b) < 0)
        npy_raise();
    else if (npy_flush_warnings() == 0)
        r = Py_NewRef(Py_None);
done:
    for (int i = 0; i < nidx; i++) nd_free(idx[i]);
    nd_free(tb);
    Py_DECREF(seq);
    return r;
}

static PyMethodDef uf_methods[] = {
    { "reduce", (PyCFunction)(void (*)(void))uf_reduce, METH_VARARGS | METH_KEYWORDS, "ufunc.reduce" },
    { "accumulate", (PyCFunction)(void (*)(void))uf_accumulate, METH_VARARGS | METH_KEYWORDS, "ufunc.accumulate" },
    { "outer", (PyCFunction)(void (*)(void))uf_outer, METH_VARARGS | METH_KEYWORDS, "ufunc.outer" },
    { "at", uf_at, METH_VARARGS, "ufunc.at" },
    { NULL, NULL, 0, NULL }
};

/* ---- reductions ---------------------------------------------------------------------------- */
enum { RK_PLAIN, RK_DDOF, RK_ARG, RK_CUM };
typedef struct {
    const char *name;
    nd_array *(*fn)(const nd_array *, const nd_reduce_opts *);
    int kind;
} reduction;

static const reduction reductions[] = {
    { "sum", nd_sum_, RK_PLAIN }, { "prod", nd_prod_, RK_PLAIN }, { "min", nd_amin_, RK_PLAIN },
    { "max", nd_amax_, RK_PLAIN }, { "amin", nd_amin_, RK_PLAIN }, { "amax", nd_amax_, RK_PLAIN },
    { "all", nd_all_, RK_PLAIN }, { "any", nd_any_, RK_PLAIN }, { "mean", nd_mean_, RK_PLAIN },
    { "var", nd_var_, RK_DDOF }, { "std", nd_std_, RK_DDOF }, { "ptp", nd_ptp_, RK_PLAIN },
    { "count_nonzero", nd_count_nonzero_, RK_PLAIN },
    { "nansum", nd_nansum_, RK_PLAIN }, { "nanprod", nd_nanprod_, RK_PLAIN },
    { "nanmin", nd_nanmin_, RK_PLAIN }, { "nanmax", nd_nanmax_, RK_PLAIN },
    { "nanmean", nd_nanmean_, RK_PLAIN }, { "nanvar", nd_nanvar_, RK_DDOF },
    { "nanstd", nd_nanstd_, RK_DDOF },
    { "argmin", nd_argmin_, RK_ARG }, { "argmax", nd_argmax_, RK_ARG },
    { "nanargmin", nd_nanargmin_, RK_ARG }, { "nanargmax", nd_nanargmax_, RK_ARG },
    { "cumsum", nd_cumsum_, RK_CUM }, { "cumprod", nd_cumprod_, RK_CUM },
    { "nancumsum", nd_nancumsum_, RK_CUM }, { "nancumprod", nd_nancumprod_, RK_CUM },
    { NULL, NULL, 0 }
};

/* One reduction of `a` (an array-like) with NumPy's arguments (after `a`). */
static PyObject *reduce_call(int which, PyObject *ao, PyObject *args, PyObject *kw)
{
    const reduction *R = &reductions[which];
    static char *plain[] = { "axis", "dtype", "out", "keepdims", "initial", "where", NULL };
    static char *ddof[] = { "axis", "dtype", "out", "ddof", "keepdims", "where", NULL };
    static char *arg[] = { "axis", "out", "keepdims", NULL };
    static char *cum[] = { "axis", "dtype", "out", NULL };
    PyObject *axo = Py_None, *dto = Py_None, *outo = Py_None, *init = NULL, *whereo = NULL;
    int keepdims = 0;
    double dd = 0;
    int ok;
    char fmt[32];
    switch (R->kind) {
    case RK_PLAIN:
        snprintf(fmt, sizeof fmt, "|OOOpOO:%s", R->name);
        ok = PyArg_ParseTupleAndKeywords(args, kw, fmt, plain, &axo, &dto, &outo, &keepdims, &init, &whereo);
        break;
    case RK_DDOF:
        snprintf(fmt, sizeof fmt, "|OOOdpO:%s", R->name);
        ok = PyArg_ParseTupleAndKeywords(args, kw, fmt, ddof, &axo, &dto, &outo, &dd, &keepdims, &whereo);
        break;
    case RK_ARG:
        snprintf(fmt, sizeof fmt, "|OOp:%s", R->name);
        ok = PyArg_ParseTupleAndKeywords(args, kw, fmt, arg, &axo, &outo, &keepdims);
        break;
    default:
        snprintf(fmt, sizeof fmt, "|OOO:%s", R->name);
        ok = PyArg_ParseTupleAndKeywords(args, kw, fmt, cum, &axo, &dto, &outo);
    }
    if (!ok) return NULL;
    nd_reduce_opts o = ND_REDUCE_DEFAULTS;
    if (axis_into(axo, &o) < 0) return NULL;
    o.keepdims = keepdims;
    o.ddof = dd;
    PyObject *out;
    if (reduce_dtype_out(dto, outo, &o, &out) < 0) return NULL;
    nd_scalar is;
    nd_array *w = NULL, *a = reduce_operands(ao, init, whereo, &o, &is, &w);
    if (!a) return NULL;
    nd_array *r;
    NPY_CALL(nd_size(a), r = R->fn(a, &o));
    nd_free(a);
    nd_free(w);
    return finish_out(r, out);
}

/* module-level numc.sum(a, ...): self is the index in reductions[] */
static PyObject *reduce_fn(PyObject *self, PyObject *args, PyObject *kw)
{
    int which = (int)PyLong_AsLong(self);
    if (PyTuple_Size(args) < 1) {
        PyErr_Format(PyExc_TypeError, "%s() missing required argument 'a' (pos 1)", reductions[which].name);
        return NULL;
    }
    PyObject *rest = PyTuple_GetSlice(args, 1, PyTuple_Size(args));
    if (!rest) return NULL;
    PyObject *r = reduce_call(which, PyTuple_GetItem(args, 0), rest, kw);
    Py_DECREF(rest);
    return r;
}

/* ndarray methods: one small wrapper per reduction (methods cannot carry data) */
#define RM(i)                                                                                     \
    static PyObject *rm_##i(PyObject *s, PyObject *a, PyObject *k) { return reduce_call(i, s, a, k); }
RM(0) RM(1) RM(2) RM(3) RM(6) RM(7) RM(8) RM(9) RM(10) RM(11) RM(20) RM(21) RM(24) RM(25)
#define RMD(i, name, doc) { name, (PyCFunction)(void (*)(void))rm_##i, METH_VARARGS | METH_KEYWORDS, doc }
PyMethodDef npy_array_reduction_methods[] = {
    RMD(0, "sum", "a.sum(axis=None, dtype=None, out=None, keepdims=False, initial=, where=)"),
    RMD(1, "prod", "a.prod(...)"), RMD(2, "min", "a.min(...)"), RMD(3, "max", "a.max(...)"), RMD(6, "all", "a.all(...)"),
    RMD(7, "any", "a.any(...)"), RMD(8, "mean", "a.mean(...)"), RMD(9, "var", "a.var(axis, dtype, out, ddof, keepdims, where)"),
    RMD(10, "std", "a.std(...)"), RMD(11, "ptp", "a.ptp(...)"), RMD(20, "argmin", "a.argmin(axis, out, keepdims)"),
    RMD(21, "argmax", "a.argmax(...)"), RMD(24, "cumsum", "a.cumsum(axis, dtype, out)"), RMD(25, "cumprod", "a.cumprod(...)"),
    { NULL, NULL, 0, NULL }
};

static PyMethodDef reduce_def = { "reduction", (PyCFunction)(void (*)(void))reduce_fn,
                                  METH_VARARGS | METH_KEYWORDS, NULL };
static PyMethodDef reduce_defs[sizeof reductions / sizeof reductions[0]];

int npy_init_ufuncs(PyObject *m)
{
    static const int rm_index[] = { 0, 1, 2, 3, 6, 7, 8, 9, 10, 11, 20, 21, 24, 25 };
    for (size_t i = 0; i < sizeof rm_index / sizeof rm_index[0]; i++)
        if (strcmp(npy_array_reduction_methods[i].ml_name, reductions[rm_index[i]].name) != 0) {
            PyErr_SetString(PyExc_SystemError, "numc._core: reduction tables out of step");
            return -1;
        }
    PyType_Slot slots[] = {
        { Py_tp_dealloc, uf_dealloc },
        { Py_tp_call, uf_call },
        { Py_tp_repr, uf_repr },
        { Py_tp_getset, uf_getset },
        { Py_tp_methods, uf_methods },
        { Py_tp_doc, "numc.ufunc: an elementwise function of numc (NumPy's ufunc)" },
        { 0, NULL }
    };
    PyType_Spec spec = { "numc.ufunc", sizeof(NcUfunc), 0, Py_TPFLAGS_DEFAULT, slots };
    NcUfunc_Type = (PyTypeObject *)PyType_FromSpec(&spec);
    if (!NcUfunc_Type || PyModule_AddObjectRef(m, "ufunc", (PyObject *)NcUfunc_Type) < 0) return -1;
    PyObject *d = PyDict_New();
    if (!d) return -1;
    for (int f = 0; f < ND_UF_COUNT; f++) {
        if (f == ND_UF_ANGLE_DEG) continue; /* numc.angle(z, deg=True) in Python */
        NcUfunc *u = PyObject_New(NcUfunc, NcUfunc_Type);
        if (!u) goto fail;
        u->f = f;
        int rc = PyDict_SetItemString(d, nd_ufunc_name((nd_ufunc)f), (PyObject *)u);
        Py_DECREF(u);
        if (rc < 0) goto fail;
    }
    static const char *alias[][2] = { { "true_divide", "divide" }, { "mod", "remainder" },
                                      { "abs", "absolute" }, { "conj", "conjugate" },
                                      { "bitwise_not", "invert" }, { "radians", "deg2rad" },
                                      { "degrees", "rad2deg" } };
    for (size_t i = 0; i < sizeof alias / sizeof alias[0]; i++) {
        PyObject *u = PyDict_GetItemString(d, alias[i][1]);
        if (u && PyDict_SetItemString(d, alias[i][0], u) < 0) goto fail;
    }
    if (PyModule_AddObjectRef(m, "ufuncs", d) < 0) goto fail;
    Py_DECREF(d);
    PyObject *rd = PyDict_New();
    if (!rd) return -1;
    for (int i = 0; reductions[i].name; i++) {
        reduce_defs[i] = reduce_def;
        reduce_defs[i].ml_name = reductions[i].name;
        PyObject *idx = PyLong_FromLong(i);
        PyObject *fn = idx ? PyCFunction_NewEx(&reduce_defs[i], idx, NULL) : NULL;
        Py_XDECREF(idx);
        if (!fn || PyDict_SetItemString(rd, reductions[i].name, fn) < 0) {
            Py_XDECREF(fn);
            Py_DECREF(rd);
            return -1;
        }
        Py_DECREF(fn);
    }
    int rc = PyModule_AddObjectRef(m, "reductions", rd);
    Py_DECREF(rd);
    return rc;
fail:
    Py_DECREF(d);
    return -1;
}
