/* numc._core._ax3db: issue 21's Python names for plot.h "3-D axes state: aspect, sharing,
 * z ticks, tick_params, margins, autoscale, view, frame" (numc/_pyplot_ax3db.py).
 * do(name, ax, *args) changes the axes (numc.pyplot logs and replays it); get(name, ax)
 * reads a property. */
#include "ns_plot_names.h"

#include <math.h>
#include <string.h>

#include <numc/plot.h>

/* a sequence of floats as a new PyMem array (*n values); NULL with an exception set */
static double *floats(PyObject *seq, size_t *n)
{
    Py_ssize_t m = PySequence_Size(seq);
    if (m < 0) return NULL;
    double *v = PyMem_Calloc((size_t)(m ? m : 1), sizeof(double));
    if (!v) return (double *)PyErr_NoMemory();
    for (Py_ssize_t i = 0; i < m; i++) {
        PyObject *it = PySequence_GetItem(seq, i);
        v[i] = it ? PyFloat_AsDouble(it) : -1.0;
        Py_XDECREF(it);
        if (v[i] == -1.0 && PyErr_Occurred()) {
            PyMem_Free(v);
            return NULL;
        }
    }
    *n = (size_t)m;
    return v;
}

/* do(name, ax, *args) */
static PyObject *f_do(PyObject *self, PyObject *args)
{
    (void)self;
    const char *name;
    void *h;
    PyObject *rest, *res = NULL;
    if (prologue(args, "do", AX_CAP, &name, &h, &rest) < 0) return NULL;
    nplot_axes *ax = h;
    const char *s = NULL, *s2 = NULL;
    double d[3] = { 0 };
    int b = 0;
    PyObject *o[3] = { NULL, NULL, NULL };
#define P(fmt, ...) PyArg_ParseTuple(rest, fmt, __VA_ARGS__)
    if (is(name, "set_aspect")) {
        if (P("sz", &s, &s2)) res = status(nplot_set_aspect3d(ax, s, s2));
    } else if (is(name, "sharez")) {
        if (P("O", &o[0])) {
            nplot_axes *other = PyCapsule_GetPointer(o[0], AX_CAP);
            if (other) res = status(nplot_sharez(ax, other));
        }
    } else if (is(name, "margins")) {
        if (P("ddd", &d[0], &d[1], &d[2])) res = status(nplot_margins3d(ax, d[0], d[1], d[2]));
    } else if (is(name, "autoscale")) {
        if (P("pz", &b, &s)) res = status(nplot_autoscale3d(ax, b, s));
    } else if (is(name, "auto_scale_xyz")) {
        if (P("OOOp", &o[0], &o[1], &o[2], &b)) {
            double *v[3] = { NULL, NULL, NULL };
            size_t m[3] = { 0, 0, 0 };
            bool ok = true;
            for (int k = 0; k < 3 && ok; k++)
                if (o[k] != Py_None) ok = (v[k] = floats(o[k], &m[k])) != NULL;
            if (ok) res = status(nplot_auto_scale_xyz(ax, v[0], m[0], v[1], m[1], v[2], m[2], b));
            for (int k = 0; k < 3; k++) PyMem_Free(v[k]);
        }
    } else {
        PyErr_Format(PyExc_AttributeError, "_ax3db.do: no '%s'", name);
    }
#undef P
    Py_DECREF(rest);
    return res;
}

/* get(name, ax) */
static PyObject *f_get(PyObject *self, PyObject *args)
{
    (void)self;
    const char *name;
    nplot_axes *ax = name_and_handle(args, AX_CAP, &name);
    if (!ax) return NULL;
    if (is(name, "aspect")) {
        const char *a = nplot_get_aspect3d(ax);
        if (!a) return npy_raise();
        return PyUnicode_FromString(a);
    }
    if (is(name, "margins")) {
        double m[3];
        if (nplot_get_margins3d(ax, m)) return npy_raise();
        return Py_BuildValue("ddd", m[0], m[1], m[2]);
    }
    if (is(name, "axis_position")) {
        bool h[3];
        if (nplot_get_axis_position(ax, h)) return npy_raise();
        return Py_BuildValue("NNN", PyBool_FromLong(h[0]), PyBool_FromLong(h[1]), PyBool_FromLong(h[2]));
    }
    if (is(name, "zticks") || is(name, "zminorticks")) {
        bool minor = is(name, "zminorticks");
        int k = minor ? nplot_get_zminorticks(ax, NULL, 0) : nplot_get_zticks(ax, NULL, 0);
        if (k < 0) return npy_raise();
        double *t = PyMem_Calloc((size_t)(k ? k : 1), sizeof(double));
        if (!t) return PyErr_NoMemory();
        if (minor) nplot_get_zminorticks(ax, t, k);
        else nplot_get_zticks(ax, t, k);
        PyObject *locs = PyList_New(k), *labels = PyList_New(minor ? 0 : k);
        for (int i = 0; locs && labels && i < k; i++) {
            PyList_SetItem(locs, i, PyFloat_FromDouble(t[i]));
            if (!minor) {
                const char *l = nplot_get_zticklabel(ax, i);
                PyList_SetItem(labels, i, PyUnicode_FromString(l ? l : ""));
            }
        }
        PyMem_Free(t);
        if (!locs || !labels) {
            Py_XDECREF(locs);
            Py_XDECREF(labels);
            return NULL;
        }
        return Py_BuildValue("NN", locs, labels);
    }
    PyErr_Format(PyExc_AttributeError, "_ax3db.get: no '%s'", name);
    return NULL;
}

static PyMethodDef methods[] = {
    { "do", f_do, METH_VARARGS, "do(name, ax, *args): a 3-D axes setter" },
    { "get", f_get, METH_VARARGS, "get(name, ax) -> a 3-D axes property" },
    { NULL, NULL, 0, NULL },
};

static struct PyModuleDef def = { PyModuleDef_HEAD_INIT, "numc._core._ax3db", NULL, -1, methods,
                                  NULL, NULL, NULL, NULL };

PyObject *numc_py_ns_ax3db(void) { return PyModule_Create(&def); }
