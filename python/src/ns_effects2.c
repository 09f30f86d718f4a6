/* numc._core._effects2: the Python names of plot.h "path effects and sketch on patches and
 * text, Axes/Figure path effects, compressed layout" (numc/_pyplot_effects2.py).
 * ax_do(name, ax, *args) / fig_do(name, fig, *args) change the figure (numc.pyplot logs and
 * replays them); ax_get / fig_get read the sketch params back. Effects travel as
 * numc.mpl.patheffects' encoding: 9 numbers per effect (kind, linewidth, alpha, rho, offset
 * x, offset y, spacing, angle, length) and one foreground string per effect ("" for none). */
#include "ns_plot_names.h"

#include <string.h>

#include <numc/plot.h>

/* nums (a sequence of 9n floats) and fgs (n strings) into fx[8]; n or -1 (exception set) */
static Py_ssize_t effects(PyObject *nums, PyObject *fgs, nplot_path_effect fx[8])
{
    Py_ssize_t m = PySequence_Size(nums), n = PySequence_Size(fgs);
    if (m < 0 || n < 0) return -1;
    if (m != 9 * n || n > 8) {
        PyErr_Format(PyExc_ValueError, "set_path_effects: at most 8 effects, got %zd", n);
        return -1;
    }
    for (Py_ssize_t i = 0; i < n; i++) {
        double v[9];
        for (int k = 0; k < 9; k++) {
            PyObject *it = PySequence_GetItem(nums, 9 * i + k);
            if (!it) return -1;
            v[k] = PyFloat_AsDouble(it);
            Py_DECREF(it);
            if (v[k] == -1.0 && PyErr_Occurred()) return -1;
        }
        PyObject *s = PySequence_GetItem(fgs, i);
        if (!s) return -1;
        const char *fg = PyUnicode_AsUTF8AndSize(s, NULL);
        Py_DECREF(s); /* the string stays alive in fgs */
        if (!fg) return -1;
        fx[i] = (nplot_path_effect){ .kind = (nplot_effect_kind)(int)v[0], .linewidth = v[1],
                                     .foreground = fg[0] ? fg : NULL, .alpha = v[2], .rho = v[3],
                                     .offset = { v[4], v[5] }, .spacing = v[6], .angle = v[7],
                                     .length = v[8] };
    }
    return n;
}

/* ax_do(name, ax, *args): "path_effects" (nums, fgs), "sketch_params" (scale, length,
 * randomness), "text_path_effects" (which, nums, fgs) */
static PyObject *f_ax_do(PyObject *self, PyObject *args)
{
    (void)self;
    const char *name, *which;
    PyObject *cap, *nums, *fgs;
    double d[3];
    nplot_path_effect fx[8];
    if (PyTuple_Size(args) < 2) {
        PyErr_SetString(PyExc_TypeError, "ax_do(name, ax, *args)");
        return NULL;
    }
    if (!(name = PyUnicode_AsUTF8AndSize(PyTuple_GetItem(args, 0), NULL))) return NULL;
    if (is(name, "path_effects") && PyArg_ParseTuple(args, "sOOO", &name, &cap, &nums, &fgs)) {
        nplot_axes *ax = PyCapsule_GetPointer(cap, AX_CAP);
        Py_ssize_t n = ax ? effects(nums, fgs, fx) : -1;
        return n < 0 ? NULL : status(nplot_axes_set_path_effects(ax, fx, (size_t)n));
    }
    if (is(name, "sketch_params") && PyArg_ParseTuple(args, "sOddd", &name, &cap, &d[0], &d[1], &d[2])) {
        nplot_axes *ax = PyCapsule_GetPointer(cap, AX_CAP);
        return ax ? status(nplot_axes_set_sketch_params(ax, d[0], d[1], d[2])) : NULL;
    }
    if (is(name, "text_path_effects") &&
        PyArg_ParseTuple(args, "sOsOO", &name, &cap, &which, &nums, &fgs)) {
        nplot_axes *ax = PyCapsule_GetPointer(cap, AX_CAP);
        Py_ssize_t n = ax ? effects(nums, fgs, fx) : -1;
        return n < 0 ? NULL : status(nplot_axes_set_text_path_effects(ax, which, fx, (size_t)n));
    }
    if (!PyErr_Occurred()) PyErr_Format(PyExc_ValueError, "ax_do: unknown setter '%s'", name);
    return NULL;
}

/* fig_do(name, fig, *args): "path_effects" (nums, fgs), "sketch_params" (3 floats) */
static PyObject *f_fig_do(PyObject *self, PyObject *args)
{
    (void)self;
    const char *name;
    PyObject *cap, *nums, *fgs;
    double d[3];
    nplot_path_effect fx[8];
    if (PyTuple_Size(args) < 2) {
        PyErr_SetString(PyExc_TypeError, "fig_do(name, fig, *args)");
        return NULL;
    }
    if (!(name = PyUnicode_AsUTF8AndSize(PyTuple_GetItem(args, 0), NULL))) return NULL;
    if (is(name, "path_effects") && PyArg_ParseTuple(args, "sOOO", &name, &cap, &nums, &fgs)) {
        nplot_figure *fig = PyCapsule_GetPointer(cap, FIG_CAP);
        Py_ssize_t n = fig ? effects(nums, fgs, fx) : -1;
        return n < 0 ? NULL : status(nplot_figure_set_path_effects(fig, fx, (size_t)n));
    }
    if (is(name, "sketch_params") && PyArg_ParseTuple(args, "sOddd", &name, &cap, &d[0], &d[1], &d[2])) {
        nplot_figure *fig = PyCapsule_GetPointer(cap, FIG_CAP);
        return fig ? status(nplot_figure_set_sketch_params(fig, d[0], d[1], d[2])) : NULL;
    }
    if (!PyErr_Occurred()) PyErr_Format(PyExc_ValueError, "fig_do: unknown setter '%s'", name);
    return NULL;
}

static PyObject *sketch_tuple(bool on, const double v[3])
{
    if (!on) Py_RETURN_NONE;
    return Py_BuildValue("ddd", v[0], v[1], v[2]);
}

/* ax_get("sketch_params", ax) / fig_get("sketch_params", fig): (scale, length, randomness)
 * or None */
static PyObject *f_ax_get(PyObject *self, PyObject *args)
{
    (void)self;
    const char *name;
    nplot_axes *ax = name_and_handle(args, AX_CAP, &name);
    if (!ax) return NULL;
    double v[3];
    if (is(name, "sketch_params")) return sketch_tuple(nplot_axes_get_sketch_params(ax, v), v);
    PyErr_Format(PyExc_ValueError, "ax_get: unknown property '%s'", name);
    return NULL;
}

static PyObject *f_fig_get(PyObject *self, PyObject *args)
{
    (void)self;
    const char *name;
    nplot_figure *fig = name_and_handle(args, FIG_CAP, &name);
    if (!fig) return NULL;
    double v[3];
    if (is(name, "sketch_params")) return sketch_tuple(nplot_figure_get_sketch_params(fig, v), v);
    PyErr_Format(PyExc_ValueError, "fig_get: unknown property '%s'", name);
    return NULL;
}

static PyMethodDef methods[] = {
    { "ax_do", f_ax_do, METH_VARARGS, "ax_do(name, ax, *args): an effects2 setter of the axes" },
    { "fig_do", f_fig_do, METH_VARARGS, "fig_do(name, fig, *args): an effects2 setter of the figure" },
    { "ax_get", f_ax_get, METH_VARARGS, "ax_get(name, ax): sketch_params" },
    { "fig_get", f_fig_get, METH_VARARGS, "fig_get(name, fig): sketch_params" },
    { NULL, NULL, 0, NULL },
};

static PyModuleDef module = { PyModuleDef_HEAD_INIT, "numc._core._effects2", NULL, -1, methods,
                              NULL, NULL, NULL, NULL };

PyObject *numc_py_ns_effects2(void)
{
    return PyModule_Create(&module);
}
