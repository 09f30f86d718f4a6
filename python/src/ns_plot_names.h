/* What the small plot namespaces share (ns_plot4.c, ns_pynames.c, ns_axgeneric.c,
 * ns_imgcol.c, ns_effects2.c, ns_ax3da.c, ns_ax3db.c): the handle capsule names and the
 * helpers of their name-dispatched entry points (`do(name, handle, *args)`). Static inline
 * functions only: each file gets its copy. */
#ifndef NUMC_PY_NS_PLOT_NAMES_H
#define NUMC_PY_NS_PLOT_NAMES_H

#include "numc_py.h"

#include <string.h>

#include <numc/plot.h>

static const char FIG_CAP[] = "numc.nplot_figure", AX_CAP[] = "numc.nplot_axes";

static inline int is(const char *a, const char *b) { return strcmp(a, b) == 0; }

/* None, or the numc error raised as its Python exception */
static inline PyObject *status(nd_status st)
{
    if (st != ND_OK) return npy_raise();
    Py_RETURN_NONE;
}

static inline PyObject *str_or_none(const char *s)
{
    if (!s) Py_RETURN_NONE;
    return PyUnicode_FromString(s);
}

/* The prologue of a name-dispatched entry point: args is (name, handle, *rest); the name,
 * the handle (a capsule named cap_name) and a new tuple of the rest. 0, or -1 with the
 * error set. */
static inline int prologue(PyObject *args, const char *who, const char *cap_name,
                           const char **name, void **h, PyObject **rest)
{
    Py_ssize_t n = PyTuple_Size(args);
    if (n < 2) {
        PyErr_Format(PyExc_TypeError, "%s(name, handle, *args)", who);
        return -1;
    }
    if (!(*name = PyUnicode_AsUTF8AndSize(PyTuple_GetItem(args, 0), NULL))) return -1;
    if (!(*h = PyCapsule_GetPointer(PyTuple_GetItem(args, 1), cap_name))) return -1;
    return (*rest = PyTuple_GetSlice(args, 2, n)) ? 0 : -1;
}

/* The arguments (name, handle) of a getter: the name, and the handle of the capsule named
 * cap_name; NULL with the error set. */
static inline void *name_and_handle(PyObject *args, const char *cap_name, const char **name)
{
    PyObject *cap;
    if (!PyArg_ParseTuple(args, "sO", name, &cap)) return NULL;
    return PyCapsule_GetPointer(cap, cap_name);
}

#endif
