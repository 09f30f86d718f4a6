/* Helpers shared by the namespace files ns_linalg.c, ns_fft.c, ns_random.c, ns_extra.c and
 * ns_io.c (what numc_py.h does not have). Static functions only: each file gets its copy.
 *
 * The C functions of these namespaces take positional arguments; NumPy's signatures
 * (keywords and defaults) are the Python files' (numc/linalg.py, ...). */
#ifndef NUMC_PY_NS_COMMON_EXTRA_H
#define NUMC_PY_NS_COMMON_EXTRA_H

#include "numc_py.h"

#include <string.h>

/* PyArg "O&" converter: any array-like → a new nd_array reference (freed by the cleanup
 * pass when a later argument fails). */
static inline int nsx_arr(PyObject *o, void *p)
{
    nd_array **a = (nd_array **)p;
    if (o == NULL) {
        nd_free(*a);
        *a = NULL;
        return 0;
    }
    *a = npy_as_nd(o, -1);
    return *a ? Py_CLEANUP_SUPPORTED : 0;
}

/* As nsx_arr, None → NULL. */
static inline int nsx_arr_opt(PyObject *o, void *p)
{
    if (o == Py_None) {
        *(nd_array **)p = NULL;
        return Py_CLEANUP_SUPPORTED;
    }
    return nsx_arr(o, p);
}

/* A dtype argument (None → -1). */
static inline int nsx_dtype(PyObject *o, void *p)
{
    int t = npy_dtype_arg(o);
    if (t == -2) return 0;
    *(int *)p = t;
    return 1;
}

/* An axes argument (int, sequence or None) as nd_axes (None: n = 0). */
static inline int nsx_axes(PyObject *o, void *p)
{
    nd_axes *ax = (nd_axes *)p;
    int one;
    if (npy_axis_arg(o, &one, ax) < 0) return 0;
    if (ax->n == 0 && one != ND_AXIS_NONE) {
        ax->n = 1;
        ax->ax[0] = one;
    }
    return 1;
}

/* An int axis or None (ND_AXIS_NONE). */
static inline int nsx_axis(PyObject *o, void *p)
{
    int *axis = (int *)p;
    if (o == Py_None) {
        *axis = ND_AXIS_NONE;
        return 1;
    }
    long v = PyLong_AsLong(o);
    if (v == -1 && PyErr_Occurred()) return 0;
    *axis = (int)v;
    return 1;
}

/* A shape argument (int or sequence; None → ndim 0). */
typedef struct {
    int ndim;
    ptrdiff_t shape[ND_MAXDIMS];
} nsx_shape;
static inline int nsx_shape_conv(PyObject *o, void *p)
{
    nsx_shape *s = (nsx_shape *)p;
    if (o == Py_None) {
        s->ndim = 0;
        return 1;
    }
    s->ndim = npy_shape_arg(o, s->shape);
    return s->ndim >= 0;
}

static inline ptrdiff_t nsx_n(const nd_array *a) { return a ? nd_size(a) : 0; }

/* nd_free every non-NULL entry. */
static inline void nsx_free_n(nd_array **a, int n)
{
    for (int i = 0; i < n; i++) nd_free(a[i]);
}

/* A sequence of array-likes → up to `cap` new references in out (count returned, -1 with
 * an exception). */
static inline int nsx_arrays(PyObject *seq, nd_array **out, int cap)
{
    PyObject *t = PySequence_Tuple(seq);
    if (!t) return -1;
    Py_ssize_t n = PyTuple_Size(t);
    if (n > cap) {
        Py_DECREF(t);
        PyErr_Format(PyExc_ValueError, "numc: at most %d arrays are supported, got %zd", cap, n);
        return -1;
    }
    for (Py_ssize_t i = 0; i < n; i++) {
        out[i] = npy_as_nd(PyTuple_GetItem(t, i), -1);
        if (!out[i]) {
            nsx_free_n(out, (int)i);
            Py_DECREF(t);
            return -1;
        }
    }
    Py_DECREF(t);
    return (int)n;
}

/* A tuple of n numc.ndarrays, stealing arrs (all freed on failure). scalar0: 0-d arrays
 * become Python scalars. */
static inline PyObject *nsx_tuple(int n, nd_array **arrs, int scalar0)
{
    for (int i = 0; i < n; i++)
        if (!arrs[i]) {
            nsx_free_n(arrs, n);
            return npy_raise();
        }
    PyObject *t = PyTuple_New(n);
    if (!t) {
        nsx_free_n(arrs, n);
        return NULL;
    }
    for (int i = 0; i < n; i++) {
        PyObject *o = scalar0 ? npy_wrap_result(arrs[i]) : npy_wrap(arrs[i]);
        arrs[i] = NULL;
        if (!o) {
            nsx_free_n(arrs + i + 1, n - i - 1);
            Py_DECREF(t);
            return NULL;
        }
        PyTuple_SetItem(t, i, o);
    }
    return t;
}

#endif
