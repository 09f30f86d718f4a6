/* numc._core._plot2: the queries of issue 21's Python names that return values rather than
 * draw (the drawing calls are rows of plot_table.c's table, so the call log replays them):
 * artist counts / kinds / visibility by index on an axes (plot.h "artists after the fact"),
 * a subfigure's box, and the date-axis ticks and labels of plot.h "date axes"
 * (numc.mpl.dates' AutoDateLocator / formatters on their own), and the 3-D projection
 * matrix and z bounds (Axes3D.get_proj, get_zbound, zaxis_inverted). */
#include "numc_py.h"

#include <string.h>

#include <numc/plot.h>

static const char AX_CAP[] = "numc.nplot_axes", SF_CAP[] = "numc.nplot_subfigure";

static nplot_axes *get_ax(PyObject *cap) { return PyCapsule_GetPointer(cap, AX_CAP); }

/* artist_count(ax) -> int */
static PyObject *f_artist_count(PyObject *self, PyObject *cap)
{
    (void)self;
    nplot_axes *ax = get_ax(cap);
    if (!ax) return NULL;
    ptrdiff_t n = nplot_artist_count(ax);
    if (n < 0) return npy_raise();
    return PyLong_FromSsize_t((Py_ssize_t)n);
}

/* artist_info(ax, i) -> (kind, visible) */
static PyObject *f_artist_info(PyObject *self, PyObject *args)
{
    (void)self;
    PyObject *cap;
    Py_ssize_t i;
    if (!PyArg_ParseTuple(args, "On", &cap, &i)) return NULL;
    nplot_axes *ax = get_ax(cap);
    if (!ax) return NULL;
    nplot_artist *a = nplot_get_artist(ax, (ptrdiff_t)i);
    if (!a) return npy_raise();
    const char *k = nplot_artist_kind(a);
    return Py_BuildValue("sO", k ? k : "", nplot_artist_get_visible(a) ? Py_True : Py_False);
}

/* subfig_position(sf) -> (left, bottom, width, height) in figure fractions */
static PyObject *f_subfig_position(PyObject *self, PyObject *cap)
{
    (void)self;
    nplot_subfigure *sf = PyCapsule_GetPointer(cap, SF_CAP);
    if (!sf) return NULL;
    double b[4];
    if (nplot_subfig_get_position(sf, b) != ND_OK) return npy_raise();
    return Py_BuildValue("dddd", b[0], b[1], b[2], b[3]);
}

/* date_ticks(vmin, vmax, formatter=None) -> ([ticks], [labels], offset): AutoDateLocator's
 * ticks in the view with the labels of formatter (None / "auto", "concise", or strftime). */
static PyObject *f_date_ticks(PyObject *self, PyObject *args)
{
    (void)self;
    double lo, hi;
    const char *fmt = NULL;
    if (!PyArg_ParseTuple(args, "dd|z", &lo, &hi, &fmt)) return NULL;
    enum { CAP = 256 };
    double *ticks = PyMem_Calloc(CAP, sizeof(double));
    char (*labels)[NPLOT_DATE_LABEL] = PyMem_Calloc(CAP, NPLOT_DATE_LABEL);
    char offset[NPLOT_DATE_LABEL] = "";
    PyObject *res = NULL, *lt = NULL, *ll = NULL;
    if (!ticks || !labels) {
        PyErr_NoMemory();
        goto done;
    }
    int n = nplot_date_ticks(lo, hi, fmt, ticks, labels, CAP, offset, sizeof offset);
    if (n < 0) {
        npy_raise();
        goto done;
    }
    if (n > CAP) n = CAP;
    lt = PyList_New(n);
    ll = PyList_New(n);
    for (int i = 0; lt && ll && i < n; i++) {
        PyObject *f = PyFloat_FromDouble(ticks[i]);
        PyObject *s = PyUnicode_FromString(labels[i]);
        if (!f || !s) {
            Py_XDECREF(f);
            Py_XDECREF(s);
            goto done;
        }
        PyList_SetItem(lt, i, f);
        PyList_SetItem(ll, i, s);
    }
    if (lt && ll) res = Py_BuildValue("OOs", lt, ll, offset);
done:
    Py_XDECREF(lt);
    Py_XDECREF(ll);
    PyMem_Free(ticks);
    PyMem_Free(labels);
    return res;
}

/* date_format(days, fmt) -> str (DateFormatter(fmt)(days); "" for a date numc cannot show) */
static PyObject *f_date_format(PyObject *self, PyObject *args)
{
    (void)self;
    double d;
    const char *fmt;
    if (!PyArg_ParseTuple(args, "ds", &d, &fmt)) return NULL;
    char buf[256];
    size_t n = nplot_date_format(d, fmt, buf, sizeof buf);
    if (n >= sizeof buf) {
        char *big = PyMem_Malloc(n + 1);
        if (!big) return PyErr_NoMemory();
        nplot_date_format(d, fmt, big, n + 1);
        PyObject *r = PyUnicode_FromString(big);
        PyMem_Free(big);
        return r;
    }
    return PyUnicode_FromString(buf);
}

/* get_proj(ax) -> [16 floats], row-major (Axes3D.get_proj) */
static PyObject *f_get_proj(PyObject *self, PyObject *cap)
{
    (void)self;
    nplot_axes *ax = get_ax(cap);
    if (!ax) return NULL;
    double m[16];
    if (nplot_get_proj(ax, m) != ND_OK) return npy_raise();
    PyObject *l = PyList_New(16);
    for (int i = 0; l && i < 16; i++) {
        PyObject *f = PyFloat_FromDouble(m[i]);
        if (!f) {
            Py_CLEAR(l);
            break;
        }
        PyList_SetItem(l, i, f);
    }
    return l;
}

/* get_zbound(ax) -> (lower, upper); zaxis_inverted(ax) -> bool */
static PyObject *f_get_zbound(PyObject *self, PyObject *cap)
{
    (void)self;
    nplot_axes *ax = get_ax(cap);
    if (!ax) return NULL;
    double lo, hi;
    if (nplot_get_zbound(ax, &lo, &hi) != ND_OK) return npy_raise();
    return Py_BuildValue("dd", lo, hi);
}

static PyObject *f_zaxis_inverted(PyObject *self, PyObject *cap)
{
    (void)self;
    nplot_axes *ax = get_ax(cap);
    if (!ax) return NULL;
    return PyBool_FromLong(nplot_zaxis_inverted(ax));
}

static PyMethodDef methods[] = {
    { "artist_count", f_artist_count, METH_O, "artist_count(ax) -> the number of artists of ax" },
    { "artist_info", f_artist_info, METH_VARARGS, "artist_info(ax, i) -> (kind, visible)" },
    { "subfig_position", f_subfig_position, METH_O,
      "subfig_position(sf) -> (left, bottom, width, height)" },
    { "date_ticks", f_date_ticks, METH_VARARGS,
      "date_ticks(vmin, vmax, formatter=None) -> (ticks, labels, offset)" },
    { "date_format", f_date_format, METH_VARARGS, "date_format(days, fmt) -> str" },
    { "get_proj", f_get_proj, METH_O, "get_proj(ax) -> the 16 values of the 3-D projection" },
    { "get_zbound", f_get_zbound, METH_O, "get_zbound(ax) -> (lower, upper)" },
    { "zaxis_inverted", f_zaxis_inverted, METH_O, "zaxis_inverted(ax) -> bool" },
    { NULL, NULL, 0, NULL }
};

static struct PyModuleDef def = { PyModuleDef_HEAD_INIT, "numc._core._plot2", NULL, -1, methods,
                                  NULL, NULL, NULL, NULL };

PyObject *numc_py_ns_plot2(void) { return PyModule_Create(&def); }
