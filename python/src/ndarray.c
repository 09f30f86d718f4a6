/* numc.ndarray: the Python object wrapping an nd_array. Buffer protocol and
 * __array_interface__ (NumPy shares its memory), attributes, printing, NumPy's indexing,
 * the number protocol (operators with broadcasting and Python scalars). */
#include "numc_py.h"

#include <string.h>

PyTypeObject *NcArray_Type;

static void arr_dealloc(PyObject *self)
{
    PyTypeObject *tp = Py_TYPE(self);
    nd_free(NC_ARR(self));
    PyObject_Free(self);
    Py_DECREF(tp);
}

static PyObject *arr_new(PyTypeObject *type, PyObject *args, PyObject *kw)
{
    static char *names[] = { "shape", "dtype", "buffer", "offset", "strides", "order", NULL };
    PyObject *so, *dto = Py_None, *buf = Py_None, *strides = Py_None, *order = Py_None;
    Py_ssize_t offset = 0;
    if (!PyArg_ParseTupleAndKeywords(args, kw, "O|OOnOO:ndarray", names, &so, &dto, &buf, &offset,
                                     &strides, &order))
        return NULL;
    ptrdiff_t shape[ND_MAXDIMS];
    int nd = npy_shape_arg(so, shape);
    if (nd < 0) return NULL;
    int dt = npy_dtype_arg(dto);
    if (dt == -2) return NULL;
    if (buf != Py_None || strides != Py_None || offset) {
        PyErr_SetString(PyExc_TypeError, "numc.ndarray: buffer/offset/strides are not supported; use numc.asarray");
        return NULL;
    }
    return npy_wrap((nd_empty)(nd, shape, dt < 0 ? ND_FLOAT64 : (nd_dtype)dt));
}

/* ---- buffer protocol ---------------------------------------------------------------------- */
static const char *fmt_of(nd_dtype t)
{
    static const char *f[ND_NTYPES] = { "?", "b", "h", "i", "l", "B", "H", "I", "L", "f", "d", "Zf", "Zd" };
    return f[t];
}

/* The buffer format of a string dtype as NumPy writes it ('U5': "5w", 'S3': "3s") in a new
 * allocation (the view keeps it in `internal` until released). */
static char *flex_fmt(nd_dtype t)
{
    char *f = nd_malloc(32, "numc.ndarray buffer");
    if (f) snprintf(f, 32, "%zu%c", nd_dtype_width(t), nd_dtype_base(t) == ND_STR ? 'w' : 's');
    return f;
}

static int arr_getbuffer(PyObject *self, Py_buffer *view, int flags)
{
    nd_array *a = NC_ARR(self);
    if ((flags & PyBUF_WRITABLE) == PyBUF_WRITABLE && !nd_is_writeable(a)) {
        PyErr_SetString(PyExc_BufferError, "numc.ndarray is not writeable");
        return -1;
    }
    if ((flags & PyBUF_C_CONTIGUOUS) == PyBUF_C_CONTIGUOUS && !nd_is_c_contiguous(a)) {
        PyErr_SetString(PyExc_BufferError, "numc.ndarray is not C-contiguous");
        return -1;
    }
    if ((flags & PyBUF_F_CONTIGUOUS) == PyBUF_F_CONTIGUOUS && !nd_is_f_contiguous(a)) {
        PyErr_SetString(PyExc_BufferError, "numc.ndarray is not Fortran contiguous");
        return -1;
    }
    if ((flags & PyBUF_ANY_CONTIGUOUS) == PyBUF_ANY_CONTIGUOUS && !nd_is_c_contiguous(a) &&
        !nd_is_f_contiguous(a)) {
        PyErr_SetString(PyExc_BufferError, "numc.ndarray is not contiguous");
        return -1;
    }
    if ((flags & PyBUF_STRIDES) != PyBUF_STRIDES && !nd_is_c_contiguous(a)) {
        PyErr_SetString(PyExc_BufferError, "numc.ndarray is not C-contiguous (ask for strides)");
        return -1;
    }
    nd_dtype dt = nd_dtype_of(a);
    char *ffmt = NULL;
    if (!nd_dtype_is_numeric((int)dt)) {
        if (!nd_dtype_is_string(dt)) {
            /* NumPy exports no buffer of dates either; __array_interface__ carries them */
            PyErr_Format(PyExc_BufferError, "cannot include dtype '%c' in a buffer", nd_dtype_kind(dt));
            return -1;
        }
        if ((flags & PyBUF_FORMAT) == PyBUF_FORMAT && !(ffmt = flex_fmt(dt))) {
            npy_raise();
            return -1;
        }
    }
    view->obj = Py_NewRef(self);
    view->buf = nd_data(a);
    view->len = (Py_ssize_t)nd_nbytes(a);
    view->readonly = !nd_is_writeable(a);
    view->itemsize = (Py_ssize_t)nd_itemsize(a);
    view->format = ffmt ? ffmt : (flags & PyBUF_FORMAT) == PyBUF_FORMAT && nd_dtype_is_numeric((int)dt)
                                     ? (char *)fmt_of(dt) : NULL;
    view->ndim = nd_ndim(a);
    view->shape = (flags & PyBUF_ND) == PyBUF_ND ? (Py_ssize_t *)nd_shape(a) : NULL;
    view->strides = (flags & PyBUF_STRIDES) == PyBUF_STRIDES ? (Py_ssize_t *)nd_strides(a) : NULL;
    view->suboffsets = NULL;
    view->internal = ffmt;
    ((NcArray *)self)->exports++;
    return 0;
}

static void arr_releasebuffer(PyObject *self, Py_buffer *view)
{
    nd_free_mem(view->internal);
    view->internal = NULL;
    ((NcArray *)self)->exports--;
}

/* ---- attributes ---------------------------------------------------------------------------- */
static PyObject *tuple_of(int n, const ptrdiff_t *v)
{
    PyObject *t = PyTuple_New(n);
    if (!t) return NULL;
    for (int i = 0; i < n; i++) {
        PyObject *x = PyLong_FromSsize_t(v[i]);
        if (!x) {
            Py_DECREF(t);
            return NULL;
        }
        PyTuple_SetItem(t, i, x);
    }
    return t;
}

static PyObject *g_shape(PyObject *s, void *c) { return tuple_of(nd_ndim(NC_ARR(s)), nd_shape(NC_ARR(s))); }

/* a.shape = (...): in place when numc can reshape without copying (NumPy's rule). */
static int s_shape(PyObject *s, PyObject *v, void *c)
{
    if (!v) {
        PyErr_SetString(PyExc_AttributeError, "Cannot delete array shape");
        return -1;
    }
    ptrdiff_t shape[ND_MAXDIMS];
    int nd = npy_shape_arg(v, shape);
    if (nd < 0) return -1;
    if (atomic_load(&npy_nogil_calls) > 0) {
        PyErr_SetString(PyExc_RuntimeError, "cannot change an array's shape while numc computes on "
                                            "another thread without the GIL; use reshape()");
        return -1;
    }
    if (((NcArray *)s)->exports > 0) {
        PyErr_SetString(PyExc_BufferError, "cannot change the shape of an array whose buffer is exported "
                                           "(a NumPy array or memoryview of it exists)");
        return -1;
    }
    nd_array *a = NC_ARR(s), *r = nd_reshape(a, nd, shape);
    if (!r) return (npy_raise(), -1);
    if (nd_size(r) > 0 && nd_data(r) != nd_data(a)) {
        nd_free(r);
        PyErr_SetString(PyExc_AttributeError, "Incompatible shape for in-place modification. Use "
                                              "`.reshape()` to make a copy with the desired shape.");
        return -1;
    }
    if (!nd_is_writeable(a)) nd_set_readonly(r);
    ((NcArray *)s)->arr = r;
    nd_free(a);
    return 0;
}
static PyObject *g_strides(PyObject *s, void *c) { return tuple_of(nd_ndim(NC_ARR(s)), nd_strides(NC_ARR(s))); }
static PyObject *g_ndim(PyObject *s, void *c) { return PyLong_FromLong(nd_ndim(NC_ARR(s))); }
static PyObject *g_size(PyObject *s, void *c) { return PyLong_FromSsize_t(nd_size(NC_ARR(s))); }
static PyObject *g_itemsize(PyObject *s, void *c) { return PyLong_FromSize_t(nd_itemsize(NC_ARR(s))); }
static PyObject *g_nbytes(PyObject *s, void *c) { return PyLong_FromSize_t(nd_nbytes(NC_ARR(s))); }
static PyObject *g_dtype(PyObject *s, void *c) { return Py_NewRef(npy_dtype_obj(nd_dtype_of(NC_ARR(s)))); }
static PyObject *g_flags(PyObject *s, void *c) { return npy_flags_of(nd_flags(NC_ARR(s))); }
static PyObject *g_T(PyObject *s, void *c) { return npy_wrap((nd_transpose)(NC_ARR(s), NULL)); }
static PyObject *g_real(PyObject *s, void *c) { return npy_wrap(nd_real(NC_ARR(s))); }
static PyObject *g_imag(PyObject *s, void *c) { return npy_wrap(nd_imag(NC_ARR(s))); }

/* NumPy's typestr: '<f8', '|b1', and for the flexible dtypes '<M8[D]', '<m8[25s]', '<U5',
 * '|S3' (into buf, which has 64 bytes). */
static const char *typestr_of(nd_dtype t, char *buf)
{
    if (nd_dtype_is_string(t)) {
        snprintf(buf, 64, "%c%c%zu", nd_dtype_base(t) == ND_STR ? '<' : '|',
                 nd_dtype_base(t) == ND_STR ? 'U' : 'S', nd_dtype_width(t));
        return buf;
    }
    if (!nd_dtype_is_numeric((int)t)) {
        const char *name = nd_dtype_name(t), *br = strchr(name, '[');
        snprintf(buf, 64, "<%c8%s", nd_dtype_kind(t), br ? br : "");
        return buf;
    }
    static const char *ts[ND_NTYPES] = { "|b1", "|i1", "<i2", "<i4", "<i8", "|u1", "<u2", "<u4",
                                         "<u8", "<f4", "<f8", "<c8", "<c16" };
    return ts[t];
}

static PyObject *g_array_interface(PyObject *s, void *c)
{
    nd_array *a = NC_ARR(s);
    PyObject *strides = nd_is_c_contiguous(a) ? Py_NewRef(Py_None) : tuple_of(nd_ndim(a), nd_strides(a));
    PyObject *shape = tuple_of(nd_ndim(a), nd_shape(a));
    char tsbuf[64];
    const char *ts = typestr_of(nd_dtype_of(a), tsbuf);
    PyObject *d = NULL;
    if (strides && shape)
        d = Py_BuildValue("{s:(NO),s:O,s:O,s:s,s:[(ss)],s:i}", "data", PyLong_FromVoidPtr(nd_data(a)),
                          nd_is_writeable(a) ? Py_False : Py_True, "shape", shape, "strides", strides,
                          "typestr", ts, "descr", "", ts, "version", 3);
    Py_XDECREF(strides);
    Py_XDECREF(shape);
    return d;
}

static PyGetSetDef arr_getset[] = {
    { "shape", g_shape, s_shape, "tuple of dimensions (settable when no copy is needed)", NULL },
    { "strides", g_strides, NULL, "byte steps per dimension", NULL },
    { "ndim", g_ndim, NULL, "number of dimensions", NULL },
    { "size", g_size, NULL, "number of elements", NULL },
    { "itemsize", g_itemsize, NULL, "bytes per element", NULL },
    { "nbytes", g_nbytes, NULL, "bytes of the elements", NULL },
    { "dtype", g_dtype, NULL, "the numc.dtype", NULL },
    { "flags", g_flags, NULL, "memory layout flags", NULL },
    { "T", g_T, NULL, "transposed view", NULL },
    { "real", g_real, NULL, "real part", NULL },
    { "imag", g_imag, NULL, "imaginary part", NULL },
    { "__array_interface__", g_array_interface, NULL, "NumPy's array interface (version 3)", NULL },
    { NULL, NULL, NULL, NULL, NULL }
};

/* ---- printing ------------------------------------------------------------------------------ */
static PyObject *text(char *s)
{
    if (!s) return npy_raise();
    PyObject *r = PyUnicode_FromString(s);
    nd_free_mem(s);
    return r;
}
static PyObject *arr_repr(PyObject *s) { return text(nd_repr(NC_ARR(s))); }
static PyObject *arr_str(PyObject *s) { return text(nd_str(NC_ARR(s))); }

/* ---- indexing ------------------------------------------------------------------------------ */
#define NPY_MAXIDX (2 * ND_MAXDIMS + 2)
typedef struct {
    int n, nint, narr, nfancy_tmp;
    nd_index idx[NPY_MAXIDX];
    nd_array *tmp[NPY_MAXIDX];
} parsed_index;

static void index_free(parsed_index *p)
{
    for (int i = 0; i < p->nfancy_tmp; i++) nd_free(p->tmp[i]);
}

static int index_item(PyObject *o, parsed_index *p)
{
    if (p->n >= NPY_MAXIDX) {
        PyErr_SetString(PyExc_IndexError, "too many indices for array");
        return -1;
    }
    nd_index *ix = &p->idx[p->n++];
    if (PyLong_Check(o) && !PyBool_Check(o)) {
        Py_ssize_t i = PyLong_AsSsize_t(o);
        if (i == -1 && PyErr_Occurred()) {
            PyErr_Clear();
            PyErr_SetString(PyExc_IndexError, "index out of bounds (does not fit in an index)");
            return -1;
        }
        *ix = (nd_index){ ND_IX_INT, i, 0, 0, NULL };
        p->nint++;
        return 0;
    }
    if (PySlice_Check(o)) {
        Py_ssize_t start, stop, step;
        if (PySlice_Unpack(o, &start, &stop, &step) < 0) return -1;
        /* PySlice_Unpack gives PY_SSIZE_T_MIN as the stop of a reversed slice to the
         * start, which is ND_NONE ("omitted"): what it means. */
        *ix = (nd_index){ ND_IX_SLICE, start, stop, step, NULL };
        return 0;
    }
    if (o == Py_None) {
        *ix = ND_NEWAXIS;
        return 0;
    }
    if (o == Py_Ellipsis) {
        *ix = ND_ELLIPSIS;
        return 0;
    }
    if (!NcArray_Check(o) && !PyList_Check(o) && !PyBool_Check(o) && PyIndex_Check(o)) {
        /* NumPy integer scalars and 0-d integer arrays; other arrays refuse __index__
         * with a TypeError and are index arrays below */
        Py_ssize_t i = PyNumber_AsSsize_t(o, PyExc_IndexError);
        if (!(i == -1 && PyErr_Occurred())) {
            *ix = (nd_index){ ND_IX_INT, i, 0, 0, NULL };
            p->nint++;
            return 0;
        }
        if (!PyErr_ExceptionMatches(PyExc_TypeError)) return -1;
        PyErr_Clear();
    }
    if (PyFloat_Check(o) || PyComplex_Check(o) || PyUnicode_Check(o) || PyBytes_Check(o)) goto bad;
    nd_array *a = npy_as_nd(o, -1);
    if (!a) {
        PyErr_Clear();
        goto bad;
    }
    p->tmp[p->nfancy_tmp++] = a;
    nd_dtype t = nd_dtype_of(a);
    if (t != ND_BOOL && !nd_dtype_is_integer(t)) {
        if (nd_size(a) == 0 && PyList_Check(o)) {
            /* NumPy takes an empty list as an empty integer index */
            nd_array *b = nd_astype(a, ND_INT64, ND_CAST_UNSAFE);
            if (!b) return (npy_raise(), -1);
            nd_free(a);
            p->tmp[p->nfancy_tmp - 1] = b;
            a = b;
        } else {
            PyErr_SetString(PyExc_IndexError, "arrays used as indices must be of integer (or boolean) type");
            return -1;
        }
    }
    *ix = ND_ARR(a);
    p->narr++;
    return 0;
bad:
    PyErr_SetString(PyExc_IndexError,
                    "only integers, slices (`:`), ellipsis (`...`), numpy.newaxis (`None`) and "
                    "integer or boolean arrays are valid indices");
    return -1;
}

static int parse_index(PyObject *key, parsed_index *p)
{
    p->n = p->nint = p->narr = p->nfancy_tmp = 0;
    if (PyTuple_Check(key)) {
        Py_ssize_t n = PyTuple_Size(key);
        for (Py_ssize_t i = 0; i < n; i++)
            if (index_item(PyTuple_GetItem(key, i), p) < 0) {
                index_free(p);
                return -1;
            }
        return 0;
    }
    if (index_item(key, p) < 0) {
        index_free(p);
        return -1;
    }
    return 0;
}

/* ND_EDTYPE from an index is NumPy's IndexError. */
static PyObject *index_error(void)
{
    if (nd_last_error() == ND_EDTYPE) {
        PyErr_SetString(PyExc_IndexError, nd_errmsg());
        nd_clear_error();
        return NULL;
    }
    return npy_raise();
}

static PyObject *arr_getitem(PyObject *self, PyObject *key)
{
    nd_array *a = NC_ARR(self);
    int nd = nd_ndim(a);
    /* fast path: one integer on a 1-d array */
    if (PyLong_CheckExact(key) && nd == 1) {
        Py_ssize_t i = PyLong_AsSsize_t(key);
        if (i == -1 && PyErr_Occurred()) return NULL;
        return npy_get(a, 1, &i);
    }
    parsed_index p;
    if (parse_index(key, &p) < 0) return NULL;
    nd_array *r;
    if (p.narr == 0 && p.nint == p.n && p.n == nd) {
        ptrdiff_t ii[ND_MAXDIMS];
        for (int i = 0; i < nd; i++) ii[i] = p.idx[i].start;
        return npy_get(a, nd, ii);
    }
    if (p.narr == 0) {
        r = nd_slice(a, p.n, p.idx);
    } else {
        NPY_CALL(nd_size(a), r = nd_getitem_(a, p.n, p.idx));
    }
    index_free(&p);
    if (!r) return index_error();
    return npy_wrap(r);
}

static int arr_setitem(PyObject *self, PyObject *key, PyObject *value)
{
    if (!value) {
        PyErr_SetString(PyExc_ValueError, "cannot delete array elements");
        return -1;
    }
    nd_array *a = NC_ARR(self);
    parsed_index p;
    if (parse_index(key, &p) < 0) return -1;
    nd_status st;
    if (p.narr == 0 && p.nint == p.n && p.n == nd_ndim(a) &&
        (PyFloat_Check(value) || PyLong_Check(value) || PyComplex_Check(value))) {
        nd_operand op;
        nd_array *tmp;
        if (npy_operand(value, &op, &tmp) < 0) return -1;
        ptrdiff_t ii[ND_MAXDIMS];
        for (int i = 0; i < p.n; i++) ii[i] = p.idx[i].start;
        st = nd_set(a, p.n, ii, op.scalar);
        return st < 0 ? (npy_raise(), -1) : 0;
    }
    nd_array *v = npy_as_nd(value, -1);
    if (!v) {
        index_free(&p);
        return -1;
    }
    if (nd_may_share_memory(a, v)) {
        nd_array *c = nd_copy(v, ND_ORDER_K);
        nd_free(v);
        if (!(v = c)) {
            index_free(&p);
            return (npy_raise(), -1);
        }
    }
    NPY_CALL(nd_size(v), st = nd_setitem_(a, p.n, p.idx, v));
    nd_free(v);
    index_free(&p);
    if (st < 0) return (index_error(), -1);
    return 0;
}

static Py_ssize_t arr_len(PyObject *self)
{
    nd_array *a = NC_ARR(self);
    if (nd_ndim(a) == 0) {
        PyErr_SetString(PyExc_TypeError, "len() of unsized object");
        return -1;
    }
    return nd_shape(a)[0];
}

static PyObject *arr_item(PyObject *self, Py_ssize_t i)
{
    nd_array *a = NC_ARR(self);
    if (nd_ndim(a) == 0) {
        PyErr_SetString(PyExc_TypeError, "iteration over a 0-d array");
        return NULL;
    }
    if (i < 0 || i >= nd_shape(a)[0]) {
        PyErr_Format(PyExc_IndexError, "index %zd is out of bounds for axis 0 with size %zd", i,
                     (Py_ssize_t)nd_shape(a)[0]);
        return NULL;
    }
    if (nd_ndim(a) == 1) return npy_get(a, 1, &i);
    nd_index ix = ND_AT(i);
    return npy_wrap(nd_slice(a, 1, &ix));
}

/* ---- operators ----------------------------------------------------------------------------- */
static int is_operand(PyObject *o)
{
    return NcArray_Check(o) || PyFloat_Check(o) || PyLong_Check(o) || PyComplex_Check(o) ||
           PyList_Check(o) || PyTuple_Check(o) || PyObject_CheckBuffer(o) || PyUnicode_Check(o);
}

/* ---- the small-array fast path ----------------------------------------------------------
 * For + - * on two C-contiguous arrays of one shape and dtype (float64 or int64) of at most
 * NPY_FAST_MAX elements, the per-call cost of numc's general machinery (type resolution,
 * broadcasting, the floating-point flags: ~200 ns) dominates; the binding runs the loop
 * itself. The results are bitwise numc's (IEEE + - *; integers wrap as NumPy's). Anything
 * that could raise a floating-point condition goes to numc instead, which recomputes it and
 * applies errstate: a non-finite float64 result (overflow, invalid, NaN/inf inputs), and
 * multiply whenever underflow is not ignored (add and subtract cannot underflow inexactly). */
#define NPY_FAST_MAX 4096

static int fast_operands(nd_ufunc f, const nd_array *a, const nd_array *b)
{
    if (f != ND_UF_ADD && f != ND_UF_SUBTRACT && f != ND_UF_MULTIPLY) return 0;
    nd_dtype t = nd_dtype_of(a);
    if (t != nd_dtype_of(b) || (t != ND_FLOAT64 && t != ND_INT64)) return 0;
    ptrdiff_t n = nd_size(a);
    int nd = nd_ndim(a);
    if (n > NPY_FAST_MAX || n != nd_size(b) || nd != nd_ndim(b)) return 0;
    if (!nd_is_c_contiguous(a) || !nd_is_c_contiguous(b)) return 0;
    if (memcmp(nd_shape(a), nd_shape(b), sizeof(ptrdiff_t) * (size_t)nd) != 0) return 0;
    if (t == ND_FLOAT64 && f == ND_UF_MULTIPLY && nd_geterr().under != ND_ERR_IGNORE) return 0;
    return 1;
}

/* out = x f y over n elements; -1 when a float64 result is not finite (then out is garbage
 * and the caller asks numc). */
static int fast_loop(nd_ufunc f, nd_dtype t, void *out, const void *x, const void *y, ptrdiff_t n)
{
    if (t == ND_INT64) {
        uint64_t *o = out;
        const uint64_t *p = x, *q = y;
        switch (f) {
        case ND_UF_ADD: for (ptrdiff_t i = 0; i < n; i++) o[i] = p[i] + q[i]; break;
        case ND_UF_SUBTRACT: for (ptrdiff_t i = 0; i < n; i++) o[i] = p[i] - q[i]; break;
        default: for (ptrdiff_t i = 0; i < n; i++) o[i] = p[i] * q[i]; break;
        }
        return 0;
    }
    double *o = out;
    const double *p = x, *q = y;
    switch (f) {
    case ND_UF_ADD: for (ptrdiff_t i = 0; i < n; i++) o[i] = p[i] + q[i]; break;
    case ND_UF_SUBTRACT: for (ptrdiff_t i = 0; i < n; i++) o[i] = p[i] - q[i]; break;
    default: for (ptrdiff_t i = 0; i < n; i++) o[i] = p[i] * q[i]; break;
    }
    /* x - x is 0 for finite x and NaN for inf / NaN: one test for the whole block */
    double acc = 0.0;
    for (ptrdiff_t i = 0; i < n; i++) acc += o[i] - o[i];
    return acc == 0.0 ? 0 : -1;
}

/* The fast path with a Python number on one side: float64 arrays with a float or an int,
 * int64 arrays with an int that fits int64 (NumPy's result dtype is then the array's). */
static int fast_scalar(nd_ufunc f, const nd_array *a, PyObject *num, double *fv, int64_t *iv)
{
    if (f != ND_UF_ADD && f != ND_UF_SUBTRACT && f != ND_UF_MULTIPLY) return 0;
    nd_dtype t = nd_dtype_of(a);
    if ((t != ND_FLOAT64 && t != ND_INT64) || nd_size(a) > NPY_FAST_MAX || !nd_is_c_contiguous(a)) return 0;
    if (PyFloat_CheckExact(num)) {
        if (t != ND_FLOAT64) return 0;
        *fv = PyFloat_AsDouble(num);
    } else if (PyLong_CheckExact(num)) {
        int ov = 0;
        long long v = PyLong_AsLongLongAndOverflow(num, &ov);
        if (ov) return 0;
        *iv = v;
        *fv = (double)v;
        if (t == ND_FLOAT64 && (long long)*fv != v) return 0; /* not exactly a double */
    } else {
        return 0;
    }
    if (t == ND_FLOAT64 && f == ND_UF_MULTIPLY && nd_geterr().under != ND_ERR_IGNORE) return 0;
    return 1;
}

/* out = a f s (scalar_left: s f a); -1 when a float64 result is not finite. */
static int fast_scalar_loop(nd_ufunc f, nd_dtype t, void *out, const void *x, double fv, int64_t iv,
                            ptrdiff_t n, int scalar_left)
{
    if (t == ND_INT64) {
        uint64_t *o = out, s = (uint64_t)iv;
        const uint64_t *p = x;
        switch (f) {
        case ND_UF_ADD: for (ptrdiff_t i = 0; i < n; i++) o[i] = p[i] + s; break;
        case ND_UF_SUBTRACT:
            if (scalar_left) for (ptrdiff_t i = 0; i < n; i++) o[i] = s - p[i];
            else for (ptrdiff_t i = 0; i < n; i++) o[i] = p[i] - s;
            break;
        default: for (ptrdiff_t i = 0; i < n; i++) o[i] = p[i] * s; break;
        }
        return 0;
    }
    double *o = out;
    const double *p = x;
    switch (f) {
    case ND_UF_ADD: for (ptrdiff_t i = 0; i < n; i++) o[i] = p[i] + fv; break;
    case ND_UF_SUBTRACT:
        if (scalar_left) for (ptrdiff_t i = 0; i < n; i++) o[i] = fv - p[i];
        else for (ptrdiff_t i = 0; i < n; i++) o[i] = p[i] - fv;
        break;
    default: for (ptrdiff_t i = 0; i < n; i++) o[i] = p[i] * fv; break;
    }
    double acc = 0.0;
    for (ptrdiff_t i = 0; i < n; i++) acc += o[i] - o[i];
    return acc == 0.0 ? 0 : -1;
}

static PyObject *binop(PyObject *x, PyObject *y, nd_ufunc f)
{
    double fv = 0.0;
    int64_t iv = 0;
    if (NcArray_Check(x) != NcArray_Check(y)) {
        int left = !NcArray_Check(x);
        const nd_array *a = NC_ARR(left ? y : x);
        if (nd_ndim(a) > 0 && fast_scalar(f, a, left ? x : y, &fv, &iv)) {
            nd_dtype t = nd_dtype_of(a);
            nd_array *r = (nd_empty)(nd_ndim(a), nd_shape(a), t);
            if (!r) return npy_raise();
            if (fast_scalar_loop(f, t, nd_data(r), nd_data(a), fv, iv, nd_size(a), left) == 0) return npy_wrap(r);
            nd_free(r);
        }
    }
    if (NcArray_Check(x) && NcArray_Check(y) && fast_operands(f, NC_ARR(x), NC_ARR(y))) {
        const nd_array *a = NC_ARR(x), *b = NC_ARR(y);
        nd_dtype t = nd_dtype_of(a);
        nd_array *r = (nd_empty)(nd_ndim(a), nd_shape(a), t);
        if (!r) return npy_raise();
        if (fast_loop(f, t, nd_data(r), nd_data(a), nd_data(b), nd_size(a)) == 0) return npy_wrap_result(r);
        nd_free(r);
    }
    if (!is_operand(x) || !is_operand(y)) Py_RETURN_NOTIMPLEMENTED;
    PyObject *objs[2] = { x, y };
    nd_operand ops[2];
    nd_array *tmps[2];
    if (npy_operands(2, objs, ops, tmps) < 0) return NULL;
    ptrdiff_t n = ops[0].kind == ND_OPK_ARRAY ? nd_size(ops[0].array) : 1;
    if (ops[1].kind == ND_OPK_ARRAY && nd_size(ops[1].array) > n) n = nd_size(ops[1].array);
    nd_array *r;
    NPY_CALL(n, r = nd_ufunc2_(f, ops[0], ops[1], NULL));
    nd_free(tmps[0]);
    nd_free(tmps[1]);
    return npy_wrap_result(r);
}

static PyObject *inplace(PyObject *x, PyObject *y, nd_ufunc f)
{
    if (!NcArray_Check(x) || !is_operand(y)) Py_RETURN_NOTIMPLEMENTED;
    PyObject *objs[2] = { x, y };
    nd_operand ops[2], b;
    nd_array *tmps[2], *tb;
    if (npy_operands(2, objs, ops, tmps) < 0) return NULL;
    nd_free(tmps[0]); /* x is an ndarray: a 0-d x with a Python y stays the array itself */
    b = ops[1];
    tb = tmps[1];
    nd_array *a = NC_ARR(x);
    nd_status st;
    if (b.kind == ND_OPK_ARRAY && nd_is_writeable(a) && fast_operands(f, a, b.array) &&
        (nd_data(a) == nd_data(b.array) || !nd_may_share_memory(a, b.array))) {
        /* the fast path's loop into a scratch copy keeps `a` intact when numc must redo it */
        double scratch[NPY_FAST_MAX];
        nd_dtype t = nd_dtype_of(a);
        if (fast_loop(f, t, scratch, nd_data(a), nd_data(b.array), nd_size(a)) == 0) {
            memcpy(nd_data(a), scratch, nd_nbytes(a));
            nd_free(tb);
            return Py_NewRef(x);
        }
    }
    NPY_CALL(nd_size(a), st = nd_ufunc2_into_(f, a, nd_op_array(a), b, NULL));
    nd_free(tb);
    if (st < 0) return npy_raise();
    if (npy_flush_warnings() < 0) return NULL;
    return Py_NewRef(x);
}

#define BIN(name, F)                                                                              \
    static PyObject *nb_##name(PyObject *x, PyObject *y) { return binop(x, y, F); }               \
    static PyObject *nb_i##name(PyObject *x, PyObject *y) { return inplace(x, y, F); }
BIN(add, ND_UF_ADD)
BIN(sub, ND_UF_SUBTRACT)
BIN(mul, ND_UF_MULTIPLY)
BIN(tdiv, ND_UF_DIVIDE)
BIN(fdiv, ND_UF_FLOOR_DIVIDE)
BIN(rem, ND_UF_REMAINDER)
BIN(and, ND_UF_BITWISE_AND)
BIN(or, ND_UF_BITWISE_OR)
BIN(xor, ND_UF_BITWISE_XOR)
BIN(lsh, ND_UF_LEFT_SHIFT)
BIN(rsh, ND_UF_RIGHT_SHIFT)

static PyObject *nb_pow(PyObject *x, PyObject *y, PyObject *z)
{
    if (z != Py_None) {
        PyErr_SetString(PyExc_TypeError, "numc: pow() with a modulus is not supported");
        return NULL;
    }
    return binop(x, y, ND_UF_POWER);
}
static PyObject *nb_ipow(PyObject *x, PyObject *y, PyObject *z) { return inplace(x, y, ND_UF_POWER); }

static PyObject *nb_divmod(PyObject *x, PyObject *y)
{
    if (!is_operand(x) || !is_operand(y)) Py_RETURN_NOTIMPLEMENTED;
    nd_operand a, b;
    nd_array *ta, *tb = NULL, *q = NULL, *r = NULL;
    if (npy_operand(x, &a, &ta) < 0) return NULL;
    if (npy_operand(y, &b, &tb) < 0) {
        nd_free(ta);
        return NULL;
    }
    nd_status st = nd_divmod_(a, b, &q, &r, NULL);
    nd_free(ta);
    nd_free(tb);
    if (st < 0) return npy_raise();
    PyObject *pq = npy_wrap_result(q);
    PyObject *pr = pq ? npy_wrap_result(r) : (nd_free(r), NULL);
    if (!pr) {
        Py_XDECREF(pq);
        return NULL;
    }
    return Py_BuildValue("(NN)", pq, pr);
}

static PyObject *nb_matmul(PyObject *x, PyObject *y)
{
    if (!is_operand(x) || !is_operand(y)) Py_RETURN_NOTIMPLEMENTED;
    nd_array *a = npy_as_nd(x, -1);
    if (!a) return NULL;
    nd_array *b = npy_as_nd(y, -1);
    if (!b) {
        nd_free(a);
        return NULL;
    }
    nd_array *r;
    NPY_CALL(nd_size(a) + nd_size(b), r = nd_matmul(a, b));
    nd_free(a);
    nd_free(b);
    return npy_wrap_result(r);
}

static PyObject *unop(PyObject *x, nd_ufunc f)
{
    nd_array *r;
    NPY_CALL(nd_size(NC_ARR(x)), r = nd_ufunc1_(f, nd_op_array(NC_ARR(x)), NULL));
    return npy_wrap_result(r);
}
static PyObject *nb_neg(PyObject *x) { return unop(x, ND_UF_NEGATIVE); }
static PyObject *nb_pos(PyObject *x) { return unop(x, ND_UF_POSITIVE); }
static PyObject *nb_abs(PyObject *x) { return unop(x, ND_UF_ABSOLUTE); }
static PyObject *nb_inv(PyObject *x) { return unop(x, ND_UF_INVERT); }

static int one_item(PyObject *x, nd_scalar *s, const char *what)
{
    nd_array *a = NC_ARR(x);
    if (nd_size(a) != 1) {
        if (what)
            PyErr_SetString(PyExc_ValueError, "The truth value of an array with more than one element is "
                                              "ambiguous. Use a.any() or a.all()");
        else
            PyErr_SetString(PyExc_TypeError, "only size-1 arrays can be converted to Python scalars");
        return -1;
    }
    if (nd_item(a, s) < 0) return (npy_raise(), -1);
    return 0;
}

static int nb_bool(PyObject *x)
{
    nd_array *a = NC_ARR(x);
    if (nd_size(a) == 0) return 0;
    if (nd_size(a) != 1) {
        nd_scalar s;
        return one_item(x, &s, "bool");
    }
    PyObject *o = npy_get_item(a);
    if (!o) return -1;
    int r = PyObject_IsTrue(o);
    Py_DECREF(o);
    return r;
}

static PyObject *nb_float(PyObject *x)
{
    nd_scalar s;
    if (one_item(x, &s, NULL) < 0) return NULL;
    PyObject *o = npy_scalar_to_py(s);
    if (!o) return NULL;
    PyObject *r = PyNumber_Float(o);
    Py_DECREF(o);
    return r;
}

static PyObject *nb_int(PyObject *x)
{
    nd_scalar s;
    if (one_item(x, &s, NULL) < 0) return NULL;
    PyObject *o = npy_scalar_to_py(s);
    if (!o) return NULL;
    PyObject *r = PyNumber_Long(o);
    Py_DECREF(o);
    return r;
}

static PyObject *nb_index(PyObject *x)
{
    nd_array *a = NC_ARR(x);
    if (nd_ndim(a) != 0 || !nd_dtype_is_integer(nd_dtype_of(a))) {
        PyErr_SetString(PyExc_TypeError, "only integer scalar arrays can be converted to a scalar index");
        return NULL;
    }
    nd_scalar s;
    if (nd_item(a, &s) < 0) return npy_raise();
    return npy_scalar_to_py(s);
}

static PyObject *arr_richcompare(PyObject *x, PyObject *y, int op)
{
    static const nd_ufunc map[] = { ND_UF_LESS, ND_UF_LESS_EQUAL, ND_UF_EQUAL, ND_UF_NOT_EQUAL,
                                    ND_UF_GREATER, ND_UF_GREATER_EQUAL };
    if (y == Py_None || !is_operand(y)) Py_RETURN_NOTIMPLEMENTED;
    return binop(x, y, map[op]);
}

/* ---- methods ------------------------------------------------------------------------------- */
static PyObject *shape_from_args(PyObject *args, ptrdiff_t *shape, int *nd)
{
    Py_ssize_t n = PyTuple_Size(args);
    PyObject *src = n == 1 ? PyTuple_GetItem(args, 0) : args;
    *nd = npy_shape_arg(src, shape);
    return *nd < 0 ? NULL : Py_None;
}

static PyObject *m_reshape(PyObject *self, PyObject *args, PyObject *kw)
{
    ptrdiff_t shape[ND_MAXDIMS];
    int nd;
    if (kw && PyDict_Size(kw) > 0) {
        PyObject *order = PyDict_GetItemString(kw, "order");
        if (!order || PyDict_Size(kw) > 1) {
            PyErr_SetString(PyExc_TypeError, "reshape() got an unexpected keyword argument");
            return NULL;
        }
        if (!PyUnicode_Check(order) || PyUnicode_CompareWithASCIIString(order, "C") != 0) {
            PyErr_SetString(PyExc_ValueError, "numc: reshape supports order='C' only");
            return NULL;
        }
    }
    if (!shape_from_args(args, shape, &nd)) return NULL;
    return npy_wrap(nd_reshape(NC_ARR(self), nd, shape));
}

static PyObject *m_transpose(PyObject *self, PyObject *args)
{
    Py_ssize_t n = PyTuple_Size(args);
    if (n == 0 || (n == 1 && PyTuple_GetItem(args, 0) == Py_None)) return npy_wrap((nd_transpose)(NC_ARR(self), NULL));
    ptrdiff_t ax[ND_MAXDIMS];
    int nd;
    if (!shape_from_args(args, ax, &nd)) return NULL;
    if (nd != nd_ndim(NC_ARR(self))) {
        PyErr_SetString(PyExc_ValueError, "axes don't match array");
        return NULL;
    }
    int axes[ND_MAXDIMS];
    for (int i = 0; i < nd; i++) axes[i] = (int)ax[i];
    return npy_wrap((nd_transpose)(NC_ARR(self), axes));
}

static int order_arg(PyObject *o, nd_order *order)
{
    if (!o || o == Py_None) {
        *order = ND_ORDER_K;
        return 0;
    }
    const char *s = PyUnicode_Check(o) ? PyUnicode_AsUTF8AndSize(o, NULL) : NULL;
    if (s && strlen(s) == 1 && strchr("CFAK", s[0])) {
        *order = s[0] == 'C' ? ND_ORDER_C : s[0] == 'F' ? ND_ORDER_F : s[0] == 'A' ? ND_ORDER_A : ND_ORDER_K;
        return 0;
    }
    PyErr_SetString(PyExc_ValueError, "order must be one of 'C', 'F', 'A', or 'K'");
    return -1;
}

static PyObject *m_copy(PyObject *self, PyObject *args, PyObject *kw)
{
    static char *names[] = { "order", NULL };
    PyObject *oo = NULL;
    if (!PyArg_ParseTupleAndKeywords(args, kw, "|O:copy", names, &oo)) return NULL;
    nd_order order = ND_ORDER_C;
    if (oo && order_arg(oo, &order) < 0) return NULL;
    nd_array *r;
    NPY_CALL(nd_size(NC_ARR(self)), r = nd_copy(NC_ARR(self), order));
    return npy_wrap(r);
}

static PyObject *m_astype(PyObject *self, PyObject *args, PyObject *kw)
{
    static char *names[] = { "dtype", "order", "casting", "subok", "copy", NULL };
    PyObject *dto, *oo = NULL, *subok = NULL;
    const char *casting = "unsafe";
    int copy = 1;
    if (!PyArg_ParseTupleAndKeywords(args, kw, "O|OsOp:astype", names, &dto, &oo, &casting, &subok, &copy))
        return NULL;
    int dt = npy_dtype_arg(dto);
    if (dt < 0) {
        if (dt == -1) PyErr_SetString(PyExc_TypeError, "astype: dtype is required");
        return NULL;
    }
    static const char *cn[] = { "no", "equiv", "safe", "same_kind", "unsafe" };
    nd_casting c = ND_CAST_UNSAFE;
    int found = 0;
    for (int i = 0; i < 5; i++)
        if (strcmp(casting, cn[i]) == 0) {
            c = (nd_casting)(i + 1);
            found = 1;
        }
    if (!found) {
        PyErr_SetString(PyExc_ValueError, "casting must be one of 'no', 'equiv', 'safe', 'same_kind', or 'unsafe'");
        return NULL;
    }
    nd_array *a = NC_ARR(self);
    if (!copy && (int)nd_dtype_of(a) == dt) return Py_NewRef(self);
    nd_array *r;
    NPY_CALL(nd_size(a), r = nd_astype(a, (nd_dtype)dt, c));
    return npy_wrap(r);
}

static PyObject *m_ravel(PyObject *self, PyObject *unused) { return npy_wrap(nd_ravel(NC_ARR(self))); }
static PyObject *m_flatten(PyObject *self, PyObject *unused) { return npy_wrap(nd_flatten(NC_ARR(self))); }

static PyObject *m_squeeze(PyObject *self, PyObject *args, PyObject *kw)
{
    static char *names[] = { "axis", NULL };
    PyObject *ao = Py_None;
    if (!PyArg_ParseTupleAndKeywords(args, kw, "|O:squeeze", names, &ao)) return NULL;
    int axis;
    nd_axes axes;
    if (npy_axis_arg(ao, &axis, &axes) < 0) return NULL;
    if (axis != ND_AXIS_NONE) {
        axes.n = 1;
        axes.ax[0] = axis;
    }
    return npy_wrap(nd_squeeze(NC_ARR(self), axes.n, axes.ax));
}

static PyObject *m_swapaxes(PyObject *self, PyObject *args)
{
    int a, b;
    if (!PyArg_ParseTuple(args, "ii:swapaxes", &a, &b)) return NULL;
    return npy_wrap(nd_swapaxes(NC_ARR(self), a, b));
}

static PyObject *m_item(PyObject *self, PyObject *args)
{
    nd_array *a = NC_ARR(self);
    Py_ssize_t n = PyTuple_Size(args);
    if (n == 0) return npy_get_item(a);
    if (n == 1 && nd_ndim(a) != 1) {
        Py_ssize_t i = PyLong_AsSsize_t(PyTuple_GetItem(args, 0));
        if (i == -1 && PyErr_Occurred()) return NULL;
        if (i < 0) i += nd_size(a);
        if (i < 0 || i >= nd_size(a)) {
            PyErr_SetString(PyExc_IndexError, "index out of bounds");
            return NULL;
        }
        return npy_get_flat(a, i);
    }
    ptrdiff_t ii[ND_MAXDIMS];
    int nd;
    if (!shape_from_args(args, ii, &nd)) return NULL;
    return npy_get(a, nd, ii);
}

static PyObject *tolist_rec(const nd_array *a, int dim, ptrdiff_t *flat)
{
    if (dim == nd_ndim(a)) return npy_get_flat(a, (*flat)++);
    ptrdiff_t n = nd_shape(a)[dim];
    PyObject *l = PyList_New(n);
    if (!l) return NULL;
    for (ptrdiff_t i = 0; i < n; i++) {
        PyObject *x = tolist_rec(a, dim + 1, flat);
        if (!x) {
            Py_DECREF(l);
            return NULL;
        }
        PyList_SetItem(l, i, x);
    }
    return l;
}

static PyObject *m_tolist(PyObject *self, PyObject *unused)
{
    ptrdiff_t flat = 0;
    return tolist_rec(NC_ARR(self), 0, &flat);
}

static PyObject *m_fill(PyObject *self, PyObject *v)
{
    nd_operand op;
    nd_array *tmp;
    if (npy_operand(v, &op, &tmp) < 0) return NULL;
    nd_status st;
    if (tmp) {
        st = nd_assign(NC_ARR(self), tmp, ND_CAST_UNSAFE);
        nd_free(tmp);
    } else {
        st = nd_fill(NC_ARR(self), op.scalar);
    }
    if (st < 0) return npy_raise();
    Py_RETURN_NONE;
}

static PyObject *m_copy0(PyObject *self, PyObject *unused) { return npy_wrap(nd_copy(NC_ARR(self), ND_ORDER_K)); }
static PyObject *m_deepcopy(PyObject *self, PyObject *memo) { return npy_wrap(nd_copy(NC_ARR(self), ND_ORDER_K)); }

static PyObject *m_dot(PyObject *self, PyObject *b)
{
    nd_array *y = npy_as_nd(b, -1);
    if (!y) return NULL;
    nd_array *r;
    NPY_CALL(nd_size(NC_ARR(self)) + nd_size(y), r = nd_dot(NC_ARR(self), y));
    nd_free(y);
    return npy_wrap_result(r);
}

static PyMethodDef arr_methods_base[] = {
    { "reshape", (PyCFunction)(void (*)(void))m_reshape, METH_VARARGS | METH_KEYWORDS, "a.reshape(shape)" },
    { "transpose", m_transpose, METH_VARARGS, "a.transpose(*axes)" },
    { "copy", (PyCFunction)(void (*)(void))m_copy, METH_VARARGS | METH_KEYWORDS, "a.copy(order='C')" },
    { "astype", (PyCFunction)(void (*)(void))m_astype, METH_VARARGS | METH_KEYWORDS, "a.astype(dtype, casting='unsafe')" },
    { "ravel", m_ravel, METH_NOARGS, "a.ravel()" },
    { "flatten", m_flatten, METH_NOARGS, "a.flatten()" },
    { "squeeze", (PyCFunction)(void (*)(void))m_squeeze, METH_VARARGS | METH_KEYWORDS, "a.squeeze(axis=None)" },
    { "swapaxes", m_swapaxes, METH_VARARGS, "a.swapaxes(a1, a2)" },
    { "item", m_item, METH_VARARGS, "a.item(*index)" },
    { "tolist", m_tolist, METH_NOARGS, "nested lists of Python scalars" },
    { "fill", m_fill, METH_O, "a.fill(value)" },
    { "dot", m_dot, METH_O, "a.dot(b)" },
    { "__copy__", m_copy0, METH_NOARGS, "copy" },
    { "__deepcopy__", m_deepcopy, METH_O, "copy" },
    { NULL, NULL, 0, NULL }
};

/* the ndarray methods defined in ufuncs.c (reductions) follow arr_methods_base */
extern PyMethodDef npy_array_reduction_methods[];
static PyMethodDef arr_methods[64];

int npy_init_ndarray(PyObject *m)
{
    int k = 0;
    for (PyMethodDef *d = arr_methods_base; d->ml_name; d++) arr_methods[k++] = *d;
    for (PyMethodDef *d = npy_array_reduction_methods; d->ml_name && k < 63; d++) arr_methods[k++] = *d;
    arr_methods[k] = (PyMethodDef){ NULL, NULL, 0, NULL };

    PyType_Slot slots[] = {
        { Py_tp_dealloc, arr_dealloc },
        { Py_tp_new, arr_new },
        { Py_tp_repr, arr_repr },
        { Py_tp_str, arr_str },
        { Py_tp_getset, arr_getset },
        { Py_tp_methods, arr_methods },
        { Py_tp_richcompare, arr_richcompare },
        { Py_tp_doc, "numc.ndarray: an n-dimensional array of numc (NumPy's ndarray)" },
        { Py_bf_getbuffer, arr_getbuffer },
        { Py_bf_releasebuffer, arr_releasebuffer },
        { Py_mp_subscript, arr_getitem },
        { Py_mp_ass_subscript, arr_setitem },
        { Py_mp_length, arr_len },
        { Py_sq_length, arr_len },
        { Py_sq_item, arr_item },
        { Py_nb_add, nb_add }, { Py_nb_inplace_add, nb_iadd },
        { Py_nb_subtract, nb_sub }, { Py_nb_inplace_subtract, nb_isub },
        { Py_nb_multiply, nb_mul }, { Py_nb_inplace_multiply, nb_imul },
        { Py_nb_true_divide, nb_tdiv }, { Py_nb_inplace_true_divide, nb_itdiv },
        { Py_nb_floor_divide, nb_fdiv }, { Py_nb_inplace_floor_divide, nb_ifdiv },
        { Py_nb_remainder, nb_rem }, { Py_nb_inplace_remainder, nb_irem },
        { Py_nb_and, nb_and }, { Py_nb_inplace_and, nb_iand },
        { Py_nb_or, nb_or }, { Py_nb_inplace_or, nb_ior },
        { Py_nb_xor, nb_xor }, { Py_nb_inplace_xor, nb_ixor },
        { Py_nb_lshift, nb_lsh }, { Py_nb_inplace_lshift, nb_ilsh },
        { Py_nb_rshift, nb_rsh }, { Py_nb_inplace_rshift, nb_irsh },
        { Py_nb_power, nb_pow }, { Py_nb_inplace_power, nb_ipow },
        { Py_nb_divmod, nb_divmod },
        { Py_nb_matrix_multiply, nb_matmul },
        { Py_nb_negative, nb_neg },
        { Py_nb_positive, nb_pos },
        { Py_nb_absolute, nb_abs },
        { Py_nb_invert, nb_inv },
        { Py_nb_bool, nb_bool },
        { Py_nb_float, nb_float },
        { Py_nb_int, nb_int },
        { Py_nb_index, nb_index },
        { 0, NULL }
    };
    PyType_Spec spec = { "numc.ndarray", sizeof(NcArray), 0, Py_TPFLAGS_DEFAULT, slots };
    NcArray_Type = (PyTypeObject *)PyType_FromSpec(&spec);
    if (!NcArray_Type) return -1;
    return PyModule_AddObjectRef(m, "ndarray", (PyObject *)NcArray_Type);
}
