/* numc._core._axgeneric: issue 21's Python names for plot.h "Artist protocol on Axes and
 * Figure" (numc/_pyplot_axgeneric.py): properties by name (set / get / properties),
 * update_from, units and execute_constrained_layout. Values cross as the Python-literal
 * text plot.h reads and writes. */
#include "ns_plot_names.h"

#include <stdbool.h>
#include <string.h>

#include <numc/plot.h>

/* the axes or figure capsule o: *ax or *fig set, the other NULL */
static int handle(PyObject *o, nplot_axes **ax, nplot_figure **fig)
{
    *ax = NULL, *fig = NULL;
    if (PyCapsule_IsValid(o, AX_CAP)) *ax = PyCapsule_GetPointer(o, AX_CAP);
    else if (PyCapsule_IsValid(o, FIG_CAP)) *fig = PyCapsule_GetPointer(o, FIG_CAP);
    else {
        PyErr_SetString(PyExc_TypeError, "_axgeneric: an axes or figure handle is needed");
        return -1;
    }
    return 0;
}

/* set_prop(h, name, value_text) */
static PyObject *f_set_prop(PyObject *self, PyObject *args)
{
    (void)self;
    PyObject *h;
    const char *name, *value;
    nplot_axes *ax;
    nplot_figure *fig;
    if (!PyArg_ParseTuple(args, "Oss", &h, &name, &value) || handle(h, &ax, &fig)) return NULL;
    nd_status st = ax ? nplot_axes_set_prop(ax, name, value) : nplot_figure_set_prop(fig, name, value);
    if (st != ND_OK) return npy_raise();
    Py_RETURN_NONE;
}

/* the text of one property (name) or of properties() (name None) */
static PyObject *f_get_prop(PyObject *self, PyObject *args)
{
    (void)self;
    PyObject *h;
    const char *name = NULL;
    nplot_axes *ax;
    nplot_figure *fig;
    if (!PyArg_ParseTuple(args, "Oz", &h, &name) || handle(h, &ax, &fig)) return NULL;
    ptrdiff_t n;
    char small[256];
    n = name ? (ax ? nplot_axes_get_prop(ax, name, small, sizeof small)
                   : nplot_figure_get_prop(fig, name, small, sizeof small))
             : (ax ? nplot_axes_properties(ax, NULL, 0) : nplot_figure_properties(fig, NULL, 0));
    if (n < 0) return npy_raise();
    if (name && (size_t)n < sizeof small) return PyUnicode_FromString(small);
    char *buf = PyMem_Malloc((size_t)n + 1);
    if (!buf) return PyErr_NoMemory();
    if (name) n = ax ? nplot_axes_get_prop(ax, name, buf, (size_t)n + 1)
                     : nplot_figure_get_prop(fig, name, buf, (size_t)n + 1);
    else n = ax ? nplot_axes_properties(ax, buf, (size_t)n + 1)
                : nplot_figure_properties(fig, buf, (size_t)n + 1);
    PyObject *r = n < 0 ? npy_raise() : PyUnicode_FromString(buf);
    PyMem_Free(buf);
    return r;
}

/* update_from(h, other) */
static PyObject *f_update_from(PyObject *self, PyObject *args)
{
    (void)self;
    PyObject *h, *o;
    nplot_axes *ax, *oax;
    nplot_figure *fig, *ofig;
    if (!PyArg_ParseTuple(args, "OO", &h, &o) || handle(h, &ax, &fig) || handle(o, &oax, &ofig))
        return NULL;
    if (!ax != !oax) {
        PyErr_SetString(PyExc_TypeError, "update_from: an axes from an axes, a figure from a figure");
        return NULL;
    }
    nd_status st = ax ? nplot_axes_update_from(ax, oax) : nplot_figure_update_from(fig, ofig);
    if (st != ND_OK) return npy_raise();
    Py_RETURN_NONE;
}

/* convert_units(ax, "x" | "y" | "z", value_text) -> float */
static PyObject *f_convert_units(PyObject *self, PyObject *args)
{
    (void)self;
    PyObject *h;
    const char *axis, *value;
    if (!PyArg_ParseTuple(args, "Oss", &h, &axis, &value)) return NULL;
    nplot_axes *ax = PyCapsule_GetPointer(h, AX_CAP);
    if (!ax) return NULL;
    double v;
    nd_status st = axis[0] == 'y'   ? nplot_axes_convert_yunits(ax, value, &v)
                   : axis[0] == 'z' ? nplot_axes_convert_zunits(ax, value, &v)
                                    : nplot_axes_convert_xunits(ax, value, &v);
    if (st != ND_OK) return npy_raise();
    return PyFloat_FromDouble(v);
}

static PyObject *f_have_units(PyObject *self, PyObject *args)
{
    (void)self;
    PyObject *h;
    if (!PyArg_ParseTuple(args, "O", &h)) return NULL;
    nplot_axes *ax = PyCapsule_GetPointer(h, AX_CAP);
    if (!ax) return NULL;
    return PyBool_FromLong(nplot_axes_have_units(ax));
}

static PyObject *f_execute_constrained_layout(PyObject *self, PyObject *args)
{
    (void)self;
    PyObject *h;
    if (!PyArg_ParseTuple(args, "O", &h)) return NULL;
    nplot_figure *fig = PyCapsule_GetPointer(h, FIG_CAP);
    if (!fig) return NULL;
    nd_status st;
    Py_BEGIN_ALLOW_THREADS st = nplot_figure_execute_constrained_layout(fig);
    Py_END_ALLOW_THREADS if (st != ND_OK) return npy_raise();
    Py_RETURN_NONE;
}

/* set_clip(h, "box" | "path", value): value None, (x0, y0, x1, y1) or [(x, y), ...] */
static PyObject *f_set_clip(PyObject *self, PyObject *args)
{
    (void)self;
    PyObject *h, *v;
    const char *which;
    nplot_axes *ax;
    nplot_figure *fig;
    if (!PyArg_ParseTuple(args, "OsO", &h, &which, &v) || handle(h, &ax, &fig)) return NULL;
    bool box = which[0] == 'b';
    Py_ssize_t n = v == Py_None ? 0 : PySequence_Size(v);
    if (n < 0) return NULL;
    if (box && n && n != 4) {
        PyErr_SetString(PyExc_ValueError, "set_clip_box: a box is (x0, y0, x1, y1)");
        return NULL;
    }
    double *xy = n ? PyMem_Calloc((size_t)n * 2, sizeof(double)) : NULL;
    if (n && !xy) return PyErr_NoMemory();
    for (Py_ssize_t i = 0; i < n; i++) {
        PyObject *it = PySequence_GetItem(v, i);
        if (!it) goto fail;
        if (box) xy[i] = PyFloat_AsDouble(it);
        else if (!PyArg_ParseTuple(it, "dd", &xy[2 * i], &xy[2 * i + 1])) {
            Py_DECREF(it);
            goto fail;
        }
        Py_DECREF(it);
        if (PyErr_Occurred()) goto fail;
    }
    nd_status st = box ? (ax ? nplot_axes_set_clip_box(ax, n ? xy : NULL)
                             : nplot_figure_set_clip_box(fig, n ? xy : NULL))
                       : (ax ? nplot_axes_set_clip_path(ax, xy, (size_t)n)
                             : nplot_figure_set_clip_path(fig, xy, (size_t)n));
    PyMem_Free(xy);
    if (st != ND_OK) return npy_raise();
    Py_RETURN_NONE;
fail:
    PyMem_Free(xy);
    return NULL;
}

/* get_clip(h, "box" | "path") -> None, (x0, y0, x1, y1) or [(x, y), ...] */
static PyObject *f_get_clip(PyObject *self, PyObject *args)
{
    (void)self;
    PyObject *h;
    const char *which;
    nplot_axes *ax;
    nplot_figure *fig;
    if (!PyArg_ParseTuple(args, "Os", &h, &which) || handle(h, &ax, &fig)) return NULL;
    if (which[0] == 'b') {
        double b[4];
        if (!(ax ? nplot_axes_get_clip_box(ax, b) : nplot_figure_get_clip_box(fig, b))) Py_RETURN_NONE;
        return Py_BuildValue("dddd", b[0], b[1], b[2], b[3]);
    }
    size_t n = ax ? nplot_axes_get_clip_path(ax, NULL, 0) : nplot_figure_get_clip_path(fig, NULL, 0);
    if (!n) Py_RETURN_NONE;
    double *xy = PyMem_Calloc(n * 2, sizeof(double));
    if (!xy) return PyErr_NoMemory();
    if (ax) nplot_axes_get_clip_path(ax, xy, n);
    else nplot_figure_get_clip_path(fig, xy, n);
    PyObject *r = PyList_New((Py_ssize_t)n);
    for (size_t i = 0; r && i < n; i++) {
        PyObject *t = Py_BuildValue("dd", xy[2 * i], xy[2 * i + 1]);
        if (!t) {
            Py_CLEAR(r);
            break;
        }
        PyList_SetItem(r, (Py_ssize_t)i, t);
    }
    PyMem_Free(xy);
    return r;
}

/* ax.set_axes_locator(fn) from Python: ctx is the tuple (fn, python_axes) numc.pyplot keeps
 * alive; fn(ax, None) gives a Bbox (its .bounds) or (left, bottom, width, height) in figure
 * fractions. Layout may run without the GIL (savefig releases it): take it here. */
static nd_status py_locator(nplot_axes *ax, double rect[4], void *ctx)
{
    (void)ax;
    nd_status st = ND_EVALUE;
    PyGILState_STATE g = PyGILState_Ensure();
    PyObject *pair = ctx;
    PyObject *r = PyObject_CallFunction(PyTuple_GetItem(pair, 0), "OO", PyTuple_GetItem(pair, 1),
                                        Py_None);
    PyObject *b = NULL;
    if (r) b = PyObject_HasAttrString(r, "bounds") ? PyObject_GetAttrString(r, "bounds")
                                                   : (Py_INCREF(r), r);
    if (b && PySequence_Size(b) == 4) {
        st = ND_OK;
        for (Py_ssize_t i = 0; i < 4 && st == ND_OK; i++) {
            PyObject *it = PySequence_GetItem(b, i);
            rect[i] = it ? PyFloat_AsDouble(it) : -1.0;
            Py_XDECREF(it);
            if (PyErr_Occurred()) st = ND_EVALUE;
        }
    }
    if (PyErr_Occurred()) PyErr_WriteUnraisable(PyTuple_GetItem(pair, 0));
    Py_XDECREF(b);
    Py_XDECREF(r);
    PyGILState_Release(g);
    return st;
}

/* set_locator(ax, (fn, python_axes) or None) */
static PyObject *f_set_locator(PyObject *self, PyObject *args)
{
    (void)self;
    PyObject *h, *pair;
    if (!PyArg_ParseTuple(args, "OO", &h, &pair)) return NULL;
    nplot_axes *ax = PyCapsule_GetPointer(h, AX_CAP);
    if (!ax) return NULL;
    if (pair != Py_None && (!PyTuple_Check(pair) || PyTuple_Size(pair) != 2)) {
        PyErr_SetString(PyExc_TypeError, "set_locator(ax, (fn, axes))");
        return NULL;
    }
    nd_status st = nplot_axes_set_axes_locator(ax, pair == Py_None ? NULL : py_locator,
                                               pair == Py_None ? NULL : pair);
    if (st != ND_OK) return npy_raise();
    Py_RETURN_NONE;
}

static PyMethodDef methods[] = {
    { "set_locator", f_set_locator, METH_VARARGS, "set_locator(ax, (fn, axes) or None)" },
    { "set_clip", f_set_clip, METH_VARARGS, "set_clip(h, 'box' | 'path', value)" },
    { "get_clip", f_get_clip, METH_VARARGS, "get_clip(h, 'box' | 'path') -> value" },
    { "set_prop", f_set_prop, METH_VARARGS, "set_prop(h, name, text): a property by name" },
    { "get_prop", f_get_prop, METH_VARARGS,
      "get_prop(h, name) -> its text; get_prop(h, None) -> properties() lines" },
    { "update_from", f_update_from, METH_VARARGS, "update_from(h, other)" },
    { "convert_units", f_convert_units, METH_VARARGS, "convert_units(ax, 'x', text) -> float" },
    { "have_units", f_have_units, METH_VARARGS, "have_units(ax) -> bool" },
    { "execute_constrained_layout", f_execute_constrained_layout, METH_VARARGS,
      "execute_constrained_layout(fig)" },
    { NULL, NULL, 0, NULL }
};

static struct PyModuleDef def = { PyModuleDef_HEAD_INIT, "numc._core._axgeneric", NULL, -1,
                                  methods, NULL, NULL, NULL, NULL };

PyObject *numc_py_ns_axgeneric(void) { return PyModule_Create(&def); }
