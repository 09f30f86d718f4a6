/* numc._core._plot: the per-call storage (what an options struct points to, released
 * after the call) and the conversion of Python values and keyword arguments into
 * plot.h's options structs by the generated tables (ns_plot_common.h). */
#include "ns_plot_common.h"

void npp_arena_free(npp_arena *A)
{
    for (int i = 0; i < A->narrs; i++) nd_free(A->arrs[i]);
    for (int i = 0; i < A->nmem; i++) PyMem_Free(A->mem[i]);
    for (int i = 0; i < A->nobjs; i++) Py_DECREF(A->objs[i]);
    A->narrs = A->nmem = A->nobjs = 0;
}

void *npp_arena_alloc(npp_arena *A, size_t n)
{
    if (A->nmem >= NPP_MAXA) {
        PyErr_SetString(PyExc_ValueError, "numc.pyplot: too many option values in one call");
        return NULL;
    }
    void *p = PyMem_Calloc(1, n ? n : 1);
    if (!p) return PyErr_NoMemory();
    A->mem[A->nmem++] = p;
    return p;
}

static int arena_keep(npp_arena *A, PyObject *o)
{
    if (A->nobjs >= NPP_MAXA) {
        Py_DECREF(o);
        PyErr_SetString(PyExc_ValueError, "numc.pyplot: too many option values in one call");
        return -1;
    }
    A->objs[A->nobjs++] = o;
    return 0;
}

nd_array *npp_arena_array(npp_arena *A, PyObject *o)
{
    if (A->narrs >= NPP_MAXA) {
        PyErr_SetString(PyExc_ValueError, "numc.pyplot: too many arrays in one call");
        return NULL;
    }
    nd_array *a = npy_as_nd(o, -1);
    if (!a) return NULL;
    A->arrs[A->narrs++] = a;
    A->elems += (size_t)nd_size(a);
    return a;
}

/* A color given as an (r, g, b[, a]) sequence of floats in [0, 1] → "#rrggbbaa". */
static const char *color_tuple(npp_arena *A, PyObject *o)
{
    if (!PyTuple_Check(o) && !PyList_Check(o)) return NULL;
    Py_ssize_t n = PySequence_Size(o);
    if (n != 3 && n != 4) return NULL;
    double c[4] = { 0, 0, 0, 1 };
    for (Py_ssize_t i = 0; i < n; i++) {
        PyObject *it = PySequence_GetItem(o, i);
        if (!it) return NULL;
        c[i] = PyFloat_AsDouble(it);
        Py_DECREF(it);
        if (c[i] == -1.0 && PyErr_Occurred()) {
            PyErr_Clear();
            return NULL;
        }
        if (!(c[i] >= 0 && c[i] <= 1)) return NULL;
    }
    char *buf = npp_arena_alloc(A, 10);
    if (!buf) return NULL;
    snprintf(buf, 10, "#%02x%02x%02x%02x", (int)lround(c[0] * 255), (int)lround(c[1] * 255),
             (int)lround(c[2] * 255), (int)lround(c[3] * 255));
    return buf;
}

/* A string option: str, or a color tuple (colors are the only non-str strings). */
int npp_get_str(npp_arena *A, PyObject *v, const char **out, const char *what)
{
    if (PyUnicode_Check(v)) {
        *out = PyUnicode_AsUTF8AndSize(v, NULL);
        return *out ? 0 : -1;
    }
    const char *c = color_tuple(A, v);
    if (c) {
        *out = c;
        return 0;
    }
    if (PyErr_Occurred()) return -1;
    PyErr_Format(PyExc_TypeError, "%s must be a string, not %s", what, Py_TYPE(v) == NULL ? "?" : "another type");
    return -1;
}

int npp_get_f64s(npp_arena *A, PyObject *v, nplot_f64s *out)
{
    if (PyFloat_Check(v) || PyLong_Check(v)) {
        double *d = npp_arena_alloc(A, sizeof(double));
        if (!d) return -1;
        d[0] = PyFloat_AsDouble(v);
        *out = (nplot_f64s){ 1, d };
        return PyErr_Occurred() ? -1 : 0;
    }
    nd_array *a = npy_as_nd(v, ND_FLOAT64);
    if (!a) return -1;
    size_t n = (size_t)nd_size(a);
    double *d = npp_arena_alloc(A, n * sizeof(double));
    if (!d) {
        nd_free(a);
        return -1;
    }
    nd_array *c = nd_ascontiguousarray(a);
    nd_free(a);
    if (!c) return npy_raise() ? -1 : -1;
    if (n) memcpy(d, nd_data(c), n * sizeof(double));
    nd_free(c);
    *out = (nplot_f64s){ n, d };
    return 0;
}

int npp_get_strs(npp_arena *A, PyObject *v, nplot_strs *out, const char *what)
{
    if (PyUnicode_Check(v)) {
        const char **s = npp_arena_alloc(A, sizeof(char *));
        if (!s || npp_get_str(A, v, &s[0], what) < 0) return -1;
        *out = (nplot_strs){ 1, s };
        return 0;
    }
    PyObject *seq = PySequence_List(v);
    if (!seq) return -1;
    if (arena_keep(A, seq) < 0) return -1;
    Py_ssize_t n = PyList_Size(seq);
    const char **s = npp_arena_alloc(A, (size_t)n * sizeof(char *));
    if (!s) return -1;
    for (Py_ssize_t i = 0; i < n; i++) {
        PyObject *it = PyList_GetItem(seq, i);
        if (!PyUnicode_Check(it) && !PyTuple_Check(it) && !PyList_Check(it)) {
            PyObject *st = PyObject_Str(it); /* labels may be numbers */
            if (!st || arena_keep(A, st) < 0) return -1;
            it = st;
        }
        if (npp_get_str(A, it, &s[i], what) < 0) return -1;
    }
    *out = (nplot_strs){ (size_t)n, s };
    return 0;
}

/* nplot_tick_format_fn calling a Python callable fn(value, index) → str. */
static size_t fmt_trampoline(double value, int index, char *buf, size_t cap, void *ctx)
{
    PyGILState_STATE g = PyGILState_Ensure();
    size_t len = 0;
    PyObject *r = PyObject_CallFunction((PyObject *)ctx, "di", value, index);
    PyObject *s = r ? PyObject_Str(r) : NULL;
    Py_XDECREF(r);
    const char *u = s ? PyUnicode_AsUTF8AndSize(s, NULL) : NULL;
    if (u) {
        len = strlen(u);
        if (cap) snprintf(buf, cap, "%s", u);
    } else {
        PyErr_WriteUnraisable((PyObject *)ctx);
        if (cap) buf[0] = '\0';
    }
    Py_XDECREF(s);
    PyGILState_Release(g);
    return len;
}

static const npp_kw *kw_find(const npp_kw *t, const char *name)
{
    for (; t && t->name; t++)
        if (t->kind != K_OUT && strcmp(t->name, name) == 0) return t;
    return NULL;
}

/* One keyword value into its field. None leaves the default. */
static int set_field(npp_arena *A, const npp_kw *k, char *base, PyObject *v, const char *fname)
{
    char *f = base + k->off;
    if (v == Py_None) return 0;
    switch (k->kind) {
    case K_D: {
        double d = PyFloat_AsDouble(v);
        if (d == -1.0 && PyErr_Occurred()) goto type_error;
        if (d == 0.0) d = NPLOT_ZERO; /* an explicit 0 is not "the default" */
        memcpy(f, &d, sizeof d);
        return 0;
    }
    case K_I: case K_TRI: {
        int bval = PyBool_Check(v);
        long l = PyLong_AsLong(v);
        if (l == -1 && PyErr_Occurred()) {
            PyErr_Clear();
            double d = PyFloat_AsDouble(v);
            if (PyErr_Occurred() || d != floor(d)) goto type_error;
            l = (long)d;
        }
        if (k->kind == K_TRI) l = bval ? (l ? NPLOT_ON : NPLOT_OFF) : (l == 0 ? NPLOT_OFF : l);
        int i = (int)l;
        memcpy(f, &i, sizeof i);
        return 0;
    }
    case K_B: {
        int t = PyObject_IsTrue(v);
        if (t < 0) return -1;
        bool b = t;
        memcpy(f, &b, sizeof b);
        return 0;
    }
    case K_U64: {
        unsigned long long u = PyLong_AsUnsignedLongLong(v);
        if (PyErr_Occurred()) goto type_error;
        uint64_t x = u;
        memcpy(f, &x, sizeof x);
        return 0;
    }
    case K_S: {
        const char *s;
        if (npp_get_str(A, v, &s, k->name) < 0) return -1;
        memcpy(f, &s, sizeof s);
        return 0;
    }
    case K_F64S: {
        nplot_f64s x;
        if (npp_get_f64s(A, v, &x) < 0) return -1;
        memcpy(f, &x, sizeof x);
        return 0;
    }
    case K_F64SS: {
        PyObject *seq = PySequence_List(v);
        if (!seq) goto type_error;
        if (arena_keep(A, seq) < 0) return -1;
        Py_ssize_t n = PyList_Size(seq);
        nplot_f64s *lists = npp_arena_alloc(A, (size_t)n * sizeof *lists);
        if (!lists) return -1;
        for (Py_ssize_t i = 0; i < n; i++)
            if (npp_get_f64s(A, PyList_GetItem(seq, i), &lists[i]) < 0) return -1;
        const nplot_f64s *cl = lists;
        memcpy(f, &cl, sizeof cl);
        return 0;
    }
    case K_STRS: {
        nplot_strs x;
        if (npp_get_strs(A, v, &x, k->name) < 0) return -1;
        memcpy(f, &x, sizeof x);
        return 0;
    }
    case K_ARR: {
        const nd_array *a = npp_arena_array(A, v);
        if (!a) return -1;
        memcpy(f, &a, sizeof a);
        return 0;
    }
    case K_NORM: {
        /* a dict of nplot_norm fields, or an object with one as `_nplot` (numc.mpl.colors) */
        PyObject *d = PyDict_Check(v) ? (Py_INCREF(v), v) : PyObject_GetAttrString(v, "_nplot");
        if (!d) goto type_error;
        if (arena_keep(A, d) < 0) return -1;
        if (!PyDict_Check(d)) goto type_error;
        nplot_norm *n = npp_arena_alloc(A, sizeof *n);
        if (!n || npp_fill_opts(A, kw_nplot_norm, n, d, "norm") < 0) return -1;
        const nplot_norm *cn = n;
        memcpy(f, &cn, sizeof cn);
        return 0;
    }
    case K_FN: {
        if (!PyCallable_Check(v)) goto type_error;
        nplot_tick_format_fn fn = fmt_trampoline;
        void *ctx = v; /* numc.pyplot keeps the callable alive with the figure */
        memcpy(f, &fn, sizeof fn);
        memcpy(base + k->ctx_off, &ctx, sizeof ctx);
        return 0;
    }
    case K_AX: {
        nplot_axes *ax = PyCapsule_GetPointer(v, AX_CAP);
        if (!ax) return -1;
        memcpy(f, &ax, sizeof ax);
        return 0;
    }
    default: break;
    }
type_error:
    PyErr_Clear();
    PyErr_Format(PyExc_TypeError, "%s(): invalid value for keyword argument '%s'", fname, k->name);
    return -1;
}

int npp_fill_opts(npp_arena *A, const npp_kw *table, void *opts, PyObject *kwargs,
                  const char *fname)
{
    if (!kwargs) return 0;
    PyObject *key, *val;
    Py_ssize_t pos = 0;
    while (PyDict_Next(kwargs, &pos, &key, &val)) {
        const char *name = PyUnicode_AsUTF8AndSize(key, NULL);
        if (!name) return -1;
        const npp_kw *k = kw_find(table, name);
        if (!k) {
            PyErr_Format(PyExc_TypeError, "%s() got an unexpected keyword argument '%s'", fname, name);
            return -1;
        }
        if (set_field(A, k, opts, val, fname) < 0) return -1;
    }
    return 0;
}

PyObject *npp_wrap_axes(nplot_axes *ax)
{
    if (!ax) return npy_raise();
    return PyCapsule_New(ax, AX_CAP, NULL);
}


/* The library also says a failure through numc's warning channel (plot/status.c), which
 * the binding queues as a RuntimeWarning: with the exception raised those are dropped,
 * under warnings.catch_warnings() + simplefilter("ignore"), the exception kept. */
void npp_drop_warnings(void)
{
    PyObject *t, *v, *tb;
    PyErr_Fetch(&t, &v, &tb);
    PyObject *w = PyImport_ImportModule("warnings");
    PyObject *cm = w ? PyObject_CallMethod(w, "catch_warnings", NULL) : NULL;
    PyObject *r = cm ? PyObject_CallMethod(cm, "__enter__", NULL) : NULL;
    Py_XDECREF(r);
    r = r ? PyObject_CallMethod(w, "simplefilter", "s", "ignore") : NULL;
    if (r) npy_flush_warnings();
    Py_XDECREF(r);
    if (cm) {
        r = PyObject_CallMethod(cm, "__exit__", "OOO", Py_None, Py_None, Py_None);
        Py_XDECREF(r);
    }
    Py_XDECREF(cm);
    Py_XDECREF(w);
    PyErr_Clear();
    PyErr_Restore(t, v, tb);
}

