/* numc's I/O (io.h) for numc/_io.py: .npy files and images, .npz archives (a capsule per
 * open archive), savez, loadtxt / genfromtxt (files or bytes), savetxt, fromfile / tofile,
 * fromstring, fromregex, open_memmap. The
 * GIL is released around file reads and writes. */
#include "ns_common_extra.h"

#define NPZ_CAPSULE "numc.npz"

#define IO_CALL(stmt)                                                                    \
    do {                                                                                 \
        PyThreadState *io_ts_ = PyEval_SaveThread();                                     \
        stmt;                                                                            \
        PyEval_RestoreThread(io_ts_);                                                    \
    } while (0)

static PyObject *io_load(PyObject *self, PyObject *args)
{
    (void)self;
    const char *path;
    int mmap;
    if (!PyArg_ParseTuple(args, "si", &path, &mmap)) return NULL;
    nd_load_opts o = { .path = path, .mmap_mode = (nd_mmap_mode)mmap };
    nd_array *r;
    IO_CALL(r = nd_load_(&o));
    return npy_wrap(r);
}

static PyObject *io_load_buffer(PyObject *self, PyObject *args)
{
    (void)self;
    const char *data;
    Py_ssize_t n;
    if (!PyArg_ParseTuple(args, "y#", &data, &n)) return NULL;
    return npy_wrap(nd_load_buffer(data, (size_t)n));
}

/* save(path or None, a, fortran): None → the .npy image as bytes */
static PyObject *io_save(PyObject *self, PyObject *args)
{
    (void)self;
    PyObject *po;
    nd_array *a = NULL;
    int fortran;
    if (!PyArg_ParseTuple(args, "OO&p", &po, nsx_arr, &a, &fortran)) return NULL;
    nd_save_opts o = { .array = a, .fortran = fortran };
    PyObject *res = NULL;
    if (po == Py_None) {
        size_t n = 0;
        void *buf = nd_save_buffer(&n, &o);
        res = buf ? PyBytes_FromStringAndSize((const char *)buf, (Py_ssize_t)n) : npy_raise();
        nd_free_mem(buf);
    } else {
        const char *path = PyUnicode_AsUTF8AndSize(po, NULL);
        if (path) {
            nd_status st;
            IO_CALL(st = nd_save_(path, &o));
            res = st < 0 ? npy_raise() : Py_NewRef(Py_None);
        }
    }
    nd_free(a);
    return res;
}

static void npz_free(PyObject *cap)
{
    nd_npz *z = (nd_npz *)PyCapsule_GetPointer(cap, NPZ_CAPSULE);
    if (z) nd_npz_close(z);
}

/* npz_open(path or bytes) -> (capsule, [names]) */
static PyObject *io_npz_open(PyObject *self, PyObject *arg)
{
    (void)self;
    nd_npz *z;
    if (PyBytes_Check(arg)) {
        char *data;
        Py_ssize_t n;
        if (PyBytes_AsStringAndSize(arg, &data, &n) < 0) return NULL;
        z = nd_npz_open_buffer(data, (size_t)n, NULL);
    } else {
        const char *path = PyUnicode_AsUTF8AndSize(arg, NULL);
        if (!path) return NULL;
        nd_npz_opts o = { .path = path };
        IO_CALL(z = nd_npz_open_(&o));
    }
    if (!z) return npy_raise();
    PyObject *cap = PyCapsule_New(z, NPZ_CAPSULE, npz_free);
    if (!cap) {
        nd_npz_close(z);
        return NULL;
    }
    size_t n = nd_npz_count(z);
    PyObject *names = PyList_New((Py_ssize_t)n);
    for (size_t i = 0; names && i < n; i++) {
        PyObject *s = PyUnicode_FromString(nd_npz_name(z, i));
        if (!s) Py_CLEAR(names);
        else PyList_SetItem(names, (Py_ssize_t)i, s);
    }
    if (!names) {
        Py_DECREF(cap);
        return NULL;
    }
    return Py_BuildValue("NN", cap, names);
}

static PyObject *io_npz_get(PyObject *self, PyObject *args)
{
    (void)self;
    PyObject *cap;
    const char *name;
    if (!PyArg_ParseTuple(args, "Os", &cap, &name)) return NULL;
    nd_npz *z = (nd_npz *)PyCapsule_GetPointer(cap, NPZ_CAPSULE);
    if (!z) return NULL;
    nd_array *r;
    IO_CALL(r = nd_npz_get(z, name));
    return npy_wrap(r);
}

/* savez(path, [names], [arrays], compress) */
static PyObject *io_savez(PyObject *self, PyObject *args)
{
    (void)self;
    const char *path;
    PyObject *names, *arrs;
    int compress;
    if (!PyArg_ParseTuple(args, "sOOp", &path, &names, &arrs, &compress)) return NULL;
    Py_ssize_t n = PySequence_Size(names);
    if (n < 0) return NULL;
    nd_array **v = (nd_array **)PyMem_Calloc((size_t)n + 1, sizeof *v);
    const char **nm = (const char **)PyMem_Calloc((size_t)n + 1, sizeof *nm);
    PyObject *nlist = PySequence_List(names), *alist = PySequence_List(arrs), *res = NULL;
    Py_ssize_t got = 0;
    if (!v || !nm || !nlist || !alist) {
        if (!PyErr_Occurred()) PyErr_NoMemory();
        goto done;
    }
    if (PyList_Size(alist) != n) {
        PyErr_SetString(PyExc_ValueError, "numc: savez needs one name per array");
        goto done;
    }
    for (Py_ssize_t i = 0; i < n; i++) {
        nm[i] = PyUnicode_AsUTF8AndSize(PyList_GetItem(nlist, i), NULL);
        if (!nm[i]) goto done;
        v[i] = npy_as_nd(PyList_GetItem(alist, i), -1);
        if (!v[i]) goto done;
        got = i + 1;
    }
    nd_savez_opts o = { .arrays = (const nd_array *const *)v, .compress = compress };
    nd_status st;
    IO_CALL(st = nd_savez_(path, (size_t)n, nm, &o));
    res = st < 0 ? npy_raise() : Py_NewRef(Py_None);
done:
    if (v) nsx_free_n(v, (int)got);
    PyMem_Free(v);
    PyMem_Free(nm);
    Py_XDECREF(nlist);
    Py_XDECREF(alist);
    return res;
}

/* text(genfromtxt?, path or bytes, delimiter (str, "" = detect), comments or None,
 *      skiprows, max_rows, usecols (tuple), dtype, ndmin, filling_value or None,
 *      missing_values (list of str) or None) */
static PyObject *io_text(PyObject *self, PyObject *args)
{
    (void)self;
    int gen, dt, ndmin;
    PyObject *src, *usecols, *fill, *missing;
    const char *delim, *comments;
    Py_ssize_t skip, maxrows;
    if (!PyArg_ParseTuple(args, "iOsznnOO&iOO", &gen, &src, &delim, &comments, &skip, &maxrows, &usecols,
                          nsx_dtype, &dt, &ndmin, &fill, &missing))
        return NULL;
    nd_csv_opts o;
    memset(&o, 0, sizeof o);
    int uc[64];
    double fv;
    const char *mv[64];
    PyObject *mlist = NULL;
    o.delimiter = delim[0] ? delim[0] : ' ';
    o.comments = comments ? comments : "";
    o.header = -1;
    o.skiprows = skip;
    o.max_rows = maxrows;
    o.dtype = dt < 0 ? ND_FLOAT64 : dt;
    o.ndmin = ndmin;
    Py_ssize_t nu = PySequence_Size(usecols);
    if (nu < 0 || nu > 64) {
        if (!PyErr_Occurred()) PyErr_SetString(PyExc_ValueError, "numc: at most 64 usecols");
        return NULL;
    }
    for (Py_ssize_t i = 0; i < nu; i++) {
        PyObject *it = PySequence_GetItem(usecols, i);
        uc[i] = it ? (int)PyLong_AsLong(it) : 0;
        Py_XDECREF(it);
    }
    if (PyErr_Occurred()) return NULL;
    if (nu) {
        o.usecols = uc;
        o.nusecols = (int)nu;
    }
    if (fill != Py_None) {
        fv = PyFloat_AsDouble(fill);
        if (PyErr_Occurred()) return NULL;
        o.filling_value = &fv;
    }
    if (missing != Py_None) {
        mlist = PySequence_List(missing);
        if (!mlist) return NULL;
        Py_ssize_t nm = PyList_Size(mlist);
        if (nm > 64) nm = 64;
        for (Py_ssize_t i = 0; i < nm; i++) {
            mv[i] = PyUnicode_AsUTF8AndSize(PyList_GetItem(mlist, i), NULL);
            if (!mv[i]) {
                Py_DECREF(mlist);
                return NULL;
            }
        }
        o.missing_values = mv;
        o.nmissing_values = (int)nm;
    }
    nd_array *r;
    if (PyBytes_Check(src)) {
        char *data;
        Py_ssize_t n;
        PyBytes_AsStringAndSize(src, &data, &n);
        o.path = NULL;
        r = gen ? nd_genfromtxt_buffer(data, (size_t)n, &o) : nd_loadtxt_buffer(data, (size_t)n, &o);
    } else {
        o.path = PyUnicode_AsUTF8AndSize(src, NULL);
        if (!o.path) {
            Py_XDECREF(mlist);
            return NULL;
        }
        IO_CALL(r = gen ? nd_genfromtxt_(&o) : nd_loadtxt_(&o));
    }
    Py_XDECREF(mlist);
    return npy_wrap(r);
}

/* savetxt(path, a, fmt, delimiter, newline, header, footer, comments) */
static PyObject *io_savetxt(PyObject *self, PyObject *args)
{
    (void)self;
    const char *path, *fmt, *delim, *nl, *header, *footer, *comments;
    nd_array *a = NULL;
    if (!PyArg_ParseTuple(args, "sO&sssszs", &path, nsx_arr, &a, &fmt, &delim, &nl, &header, &footer,
                          &comments))
        return NULL;
    nd_savetxt_opts o = { .array = a, .fmt = fmt, .delimiter = delim, .newline = nl,
                          .header = header[0] ? header : NULL, .footer = footer && footer[0] ? footer : NULL,
                          .comments = comments };
    nd_status st;
    IO_CALL(st = nd_savetxt_(path, &o));
    nd_free(a);
    if (st < 0) return npy_raise();
    Py_RETURN_NONE;
}

/* fromfile(path, dtype, count, sep, offset) */
static PyObject *io_fromfile(PyObject *self, PyObject *args)
{
    (void)self;
    const char *path, *sep;
    int dt;
    Py_ssize_t count, offset;
    if (!PyArg_ParseTuple(args, "sO&nsn", &path, nsx_dtype, &dt, &count, &sep, &offset)) return NULL;
    nd_fromfile_opts o = { .path = path, .count = count, .sep = sep, .offset = offset };
    if (dt == ND_BOOL) o.bool_dtype = true;
    else o.dtype = dt < 0 ? ND_FLOAT64 : dt;
    nd_array *r;
    IO_CALL(r = nd_fromfile_(&o));
    return npy_wrap(r);
}

/* tofile(path, a, sep, format or None) */
static PyObject *io_tofile(PyObject *self, PyObject *args)
{
    (void)self;
    const char *path, *sep, *fmt;
    nd_array *a = NULL;
    if (!PyArg_ParseTuple(args, "sO&sz", &path, nsx_arr, &a, &sep, &fmt)) return NULL;
    nd_tofile_opts o = { .array = a, .sep = sep, .format = fmt };
    nd_status st;
    IO_CALL(st = nd_tofile_(path, &o));
    nd_free(a);
    if (st < 0) return npy_raise();
    Py_RETURN_NONE;
}

/* fromstring(string, dtype, count, sep) */
static PyObject *io_fromstring(PyObject *self, PyObject *args)
{
    (void)self;
    const char *s, *sep;
    int dt;
    Py_ssize_t count;
    if (!PyArg_ParseTuple(args, "sO&ns", &s, nsx_dtype, &dt, &count, &sep)) return NULL;
    nd_fromstring_opts o = { ._ = 0, .count = count, .sep = sep };
    if (dt == ND_BOOL) o.bool_dtype = true;
    else o.dtype = dt < 0 ? ND_FLOAT64 : dt;
    return npy_wrap(nd_fromstring_(s, &o));
}

/* fromregex(path, regexp, dtype) */
static PyObject *io_fromregex(PyObject *self, PyObject *args)
{
    (void)self;
    const char *path, *re;
    int dt;
    if (!PyArg_ParseTuple(args, "ssO&", &path, &re, nsx_dtype, &dt)) return NULL;
    nd_fromregex_opts o = { ._ = 0 };
    if (dt == ND_BOOL) o.bool_dtype = true;
    else o.dtype = dt < 0 ? ND_FLOAT64 : dt;
    nd_array *r;
    IO_CALL(r = nd_fromregex_(path, re, &o));
    return npy_wrap(r);
}

/* open_memmap(path, mode 0 r+ / 1 r / 2 w+ / 3 c, dtype, shape or None, fortran_order) */
static PyObject *io_open_memmap(PyObject *self, PyObject *args)
{
    (void)self;
    const char *path;
    int mode, dt, fortran;
    nsx_shape s;
    if (!PyArg_ParseTuple(args, "siO&O&p", &path, &mode, nsx_dtype, &dt, nsx_shape_conv, &s, &fortran))
        return NULL;
    nd_open_memmap_opts o = { .path = path, .mode = (nd_memmap_mode)mode };
    if (mode == ND_MEMMAP_W_PLUS) { /* the other modes take all of these from the file */
        if (dt == ND_BOOL) o.bool_dtype = true;
        else o.dtype = dt < 0 ? ND_FLOAT64 : dt;
        o.ndim = s.ndim;
        o.shape = s.shape;
        o.fortran_order = fortran;
    }
    nd_array *r;
    IO_CALL(r = nd_open_memmap_(&o));
    return npy_wrap(r);
}

static PyObject *io_memmap_flush(PyObject *self, PyObject *args)
{
    (void)self;
    nd_array *a = NULL;
    if (!PyArg_ParseTuple(args, "O&", nsx_arr, &a)) return NULL;
    nd_status st;
    IO_CALL(st = nd_memmap_flush(a));
    nd_free(a);
    if (st < 0) return npy_raise();
    Py_RETURN_NONE;
}

static PyMethodDef io_methods[] = {
    { "load", io_load, METH_VARARGS, NULL },       { "load_buffer", io_load_buffer, METH_VARARGS, NULL },
    { "save", io_save, METH_VARARGS, NULL },       { "npz_open", io_npz_open, METH_O, NULL },
    { "npz_get", io_npz_get, METH_VARARGS, NULL }, { "savez", io_savez, METH_VARARGS, NULL },
    { "text", io_text, METH_VARARGS, NULL },       { "savetxt", io_savetxt, METH_VARARGS, NULL },
    { "fromfile", io_fromfile, METH_VARARGS, NULL }, { "tofile", io_tofile, METH_VARARGS, NULL },
    { "fromstring", io_fromstring, METH_VARARGS, NULL },
    { "fromregex", io_fromregex, METH_VARARGS, NULL },
    { "open_memmap", io_open_memmap, METH_VARARGS, NULL },
    { "memmap_flush", io_memmap_flush, METH_VARARGS, NULL },
    { NULL, NULL, 0, NULL }
};

static struct PyModuleDef io_def = { PyModuleDef_HEAD_INIT, "numc._core._io", "numc's I/O (io.h)", -1,
                                     io_methods, NULL, NULL, NULL, NULL };

PyObject *numc_py_ns_io(void) { return PyModule_Create(&io_def); }
