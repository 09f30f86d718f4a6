/* numc._core._imgcol: the Python names of plot.h's "current image (gci/sci/clim),
 * pcolorfast, violin from statistics, prop cycles" section (numc/_pyplot_imgcol.py).
 * ax_do changes the figure (numc.pyplot logs and replays it); ax_get reads a property. */
#include "ns_plot_names.h"

#include <math.h>
#include <stdbool.h>
#include <string.h>

#include <numc/plot.h>

/* A list of str (or None) as borrowed UTF-8 pointers in *out (PyMem); -1 with an error. */
static int strs(PyObject *seq, nplot_strs *out, const char ***buf)
{
    *out = (nplot_strs){ 0 };
    *buf = NULL;
    if (seq == Py_None) return 0;
    Py_ssize_t n = PySequence_Size(seq);
    if (n < 0) return -1;
    const char **v = PyMem_Calloc((size_t)n + 1, sizeof *v);
    if (!v) return PyErr_NoMemory(), -1;
    for (Py_ssize_t i = 0; i < n; i++) {
        PyObject *it = PySequence_GetItem(seq, i); /* the list keeps it alive */
        if (!it) goto fail;
        v[i] = PyUnicode_AsUTF8AndSize(it, NULL);
        Py_DECREF(it);
        if (!v[i]) goto fail;
    }
    *out = (nplot_strs){ (size_t)n, v };
    *buf = v;
    return 0;
fail:
    PyMem_Free(v);
    return -1;
}

/* A sequence of floats (or None) into *out (PyMem buffer *buf); -1 with an error. */
static int f64s(PyObject *seq, nplot_f64s *out, double **buf)
{
    *out = (nplot_f64s){ 0 };
    *buf = NULL;
    if (seq == Py_None) return 0;
    Py_ssize_t n = PySequence_Size(seq);
    if (n < 0) return -1;
    double *v = PyMem_Calloc((size_t)n + 1, sizeof *v);
    if (!v) return PyErr_NoMemory(), -1;
    for (Py_ssize_t i = 0; i < n; i++) {
        PyObject *it = PySequence_GetItem(seq, i);
        if (!it) goto fail;
        v[i] = PyFloat_AsDouble(it);
        Py_DECREF(it);
        if (v[i] == -1.0 && PyErr_Occurred()) goto fail;
    }
    *out = (nplot_f64s){ (size_t)n, v };
    *buf = v;
    return 0;
fail:
    PyMem_Free(v);
    return -1;
}

static PyObject *set_prop_cycle(nplot_axes *ax, PyObject *rest)
{
    PyObject *c, *ls, *mk, *lw, *ms;
    if (!PyArg_ParseTuple(rest, "OOOOO", &c, &ls, &mk, &lw, &ms)) return NULL;
    nplot_prop_cycle_opts o = { 0 };
    const char **b1 = NULL, **b2 = NULL, **b3 = NULL;
    double *b4 = NULL, *b5 = NULL;
    PyObject *res = NULL;
    if (!strs(c, &o.color, &b1) && !strs(ls, &o.linestyle, &b2) && !strs(mk, &o.marker, &b3) &&
        !f64s(lw, &o.linewidth, &b4) && !f64s(ms, &o.markersize, &b5))
        res = status(nplot_set_prop_cycle_(ax, &o));
    PyMem_Free(b1);
    PyMem_Free(b2);
    PyMem_Free(b3);
    PyMem_Free(b4);
    PyMem_Free(b5);
    return res;
}

/* violin(ax, [(coords, vals, mean, median, min, max, quantiles)], positions, vert, widths,
 * showmeans, showextrema, showmedians) */
static PyObject *violin(nplot_axes *ax, PyObject *rest)
{
    PyObject *stats, *pos, *widths;
    int vert, sm, se, smed;
    if (!PyArg_ParseTuple(rest, "OOpOppp", &stats, &pos, &vert, &widths, &sm, &se, &smed)) return NULL;
    Py_ssize_t k = PySequence_Size(stats);
    if (k < 0) return NULL;
    nplot_violin_stats *vs = PyMem_Calloc((size_t)k + 1, sizeof *vs);
    double **bufs = PyMem_Calloc((size_t)k * 3 + 3, sizeof *bufs);
    PyObject *res = NULL;
    if (!vs || !bufs) {
        PyErr_NoMemory();
        goto done;
    }
    for (Py_ssize_t i = 0; i < k; i++) {
        PyObject *t = PySequence_GetItem(stats, i), *co, *va, *qu;
        if (!t) goto done;
        nplot_violin_stats *s = &vs[i];
        int ok = PyArg_ParseTuple(t, "OOddddO", &co, &va, &s->mean, &s->median, &s->min, &s->max, &qu);
        nplot_f64s a, b;
        ok = ok && !f64s(co, &a, &bufs[3 * i]) && !f64s(va, &b, &bufs[3 * i + 1]) &&
             !f64s(qu, &s->quantiles, &bufs[3 * i + 2]);
        Py_DECREF(t);
        if (!ok) goto done;
        if (a.n != b.n) {
            PyErr_Format(PyExc_ValueError, "violin: coords and vals of violin %zd differ in length", i);
            goto done;
        }
        s->coords = a.v, s->vals = b.v, s->n = a.n;
    }
    nplot_violin_draw_opts o = { .vert = vert ? 0 : NPLOT_OFF, .showmeans = sm,
                                 .showextrema = se ? 0 : NPLOT_OFF, .showmedians = smed };
    if (f64s(pos, &o.positions, &bufs[3 * k]) || f64s(widths, &o.widths_each, &bufs[3 * k + 1])) goto done;
    res = status(nplot_violin_(ax, vs, (int)k, &o));
done:
    for (Py_ssize_t i = 0; bufs && i < 3 * k + 3; i++) PyMem_Free(bufs[i]);
    PyMem_Free(bufs);
    PyMem_Free(vs);
    return res;
}

/* pcolorfast(ax, C, x, y, cmap, vmin, vmax, alpha, zorder, label) -> the style */
static PyObject *pcolorfast(nplot_axes *ax, PyObject *rest)
{
    PyObject *c, *x, *y;
    const char *cmap, *label;
    double vmin, vmax, alpha, zorder;
    if (!PyArg_ParseTuple(rest, "OOOzdddd" "z", &c, &x, &y, &cmap, &vmin, &vmax, &alpha, &zorder, &label))
        return NULL;
    nd_array *C = npy_as_nd(c, ND_FLOAT64), *X = NULL, *Y = NULL;
    PyObject *res = NULL;
    if (!C) return NULL;
    if (x != Py_None && !(X = npy_as_nd(x, ND_FLOAT64))) goto done;
    if (y != Py_None && !(Y = npy_as_nd(y, ND_FLOAT64))) goto done;
    const char *style = NULL;
    nplot_pcolorfast_opts o = { .x = X, .y = Y, .cmap = cmap, .vmin = vmin, .vmax = vmax,
                                .alpha = alpha, .zorder = zorder, .label = label, .style = &style };
    if (!nplot_pcolorfast_(ax, C, &o)) res = npy_raise();
    else res = PyUnicode_FromString(style);
done:
    nd_free(C);
    nd_free(X);
    nd_free(Y);
    return res;
}

/* add_collection(ax, kind, xs, ys, lens, colors, edgecolor, linewidths, array, cmap, vmin,
 * vmax, alpha, zorder, label, autolim) */
static PyObject *add_collection(nplot_axes *ax, PyObject *rest)
{
    const char *kind, *edge, *cmap, *label;
    PyObject *xs, *ys, *lens, *colors, *lws, *arr;
    double vmin, vmax, alpha, zorder;
    int autolim;
    if (!PyArg_ParseTuple(rest, "sOOOOzOOzdddd" "zp", &kind, &xs, &ys, &lens, &colors, &edge, &lws, &arr,
                          &cmap, &vmin, &vmax, &alpha, &zorder, &label, &autolim))
        return NULL;
    nplot_f64s fx = { 0 }, fy = { 0 }, fl = { 0 };
    double *bx = NULL, *by = NULL, *bl = NULL, *bw = NULL, *ba = NULL;
    const char **bc = NULL;
    size_t *ln = NULL;
    PyObject *res = NULL;
    nplot_collection_opts o = { .kind = kind, .edgecolor = edge, .cmap = cmap, .vmin = vmin, .vmax = vmax,
                                .alpha = alpha, .zorder = zorder, .label = label,
                                .autolim = autolim ? 0 : NPLOT_OFF };
    if (f64s(xs, &fx, &bx) || f64s(ys, &fy, &by) || f64s(lens, &fl, &bl) || strs(colors, &o.colors, &bc) ||
        f64s(lws, &o.linewidths, &bw) || f64s(arr, &o.array, &ba))
        goto done;
    if (!(ln = PyMem_Calloc(fl.n + 1, sizeof *ln))) {
        PyErr_NoMemory();
        goto done;
    }
    for (size_t i = 0; i < fl.n; i++) ln[i] = (size_t)fl.v[i];
    if (!nplot_add_collection_(ax, fx.v, fy.v, ln, fl.n, &o)) res = npy_raise();
    else Py_INCREF(Py_None), res = Py_None;
done:
    PyMem_Free(bx);
    PyMem_Free(by);
    PyMem_Free(bl);
    PyMem_Free(bw);
    PyMem_Free(ba);
    PyMem_Free(bc);
    PyMem_Free(ln);
    return res;
}

static PyObject *f_ax_do(PyObject *self, PyObject *args)
{
    (void)self;
    const char *name;
    void *h;
    PyObject *rest, *res = NULL;
    if (prologue(args, "ax_do", AX_CAP, &name, &h, &rest) < 0) return NULL;
    nplot_axes *ax = h;
    if (is(name, "set_prop_cycle")) res = set_prop_cycle(ax, rest);
    else if (is(name, "violin")) res = violin(ax, rest);
    else if (is(name, "pcolorfast")) res = pcolorfast(ax, rest);
    else if (is(name, "add_collection")) res = add_collection(ax, rest);
    else if (is(name, "set_clim")) {
        Py_ssize_t i;
        double lo, hi;
        if (PyArg_ParseTuple(rest, "ndd", &i, &lo, &hi)) {
            nplot_artist *a = nplot_get_artist(ax, i);
            res = a ? status(nplot_artist_set_clim(a, lo, hi)) : npy_raise();
        }
    } else if (is(name, "add_container")) {
        /* add_container(ax, [artist indices], label) */
        PyObject *idx;
        const char *label;
        if (PyArg_ParseTuple(rest, "Oz", &idx, &label)) {
            Py_ssize_t k = PySequence_Size(idx);
            nplot_artist **parts = k >= 0 ? PyMem_Calloc((size_t)k + 1, sizeof *parts) : NULL;
            bool ok = parts != NULL;
            if (k >= 0 && !parts) PyErr_NoMemory();
            for (Py_ssize_t j = 0; ok && j < k; j++) {
                PyObject *it = PySequence_GetItem(idx, j);
                Py_ssize_t v = it ? PyLong_AsSsize_t(it) : -1;
                Py_XDECREF(it);
                if (v == -1 && PyErr_Occurred()) ok = false;
                else if (!(parts[j] = nplot_get_artist(ax, v))) ok = false, npy_raise();
            }
            if (ok) {
                ptrdiff_t r = nplot_add_container(ax, parts, (size_t)k, label);
                res = r < 0 ? npy_raise() : PyLong_FromSsize_t(r);
            }
            PyMem_Free(parts);
        }
    } else if (is(name, "container_remove")) {
        Py_ssize_t i;
        if (PyArg_ParseTuple(rest, "n", &i)) res = status(nplot_container_remove(ax, i));
    } else {
        PyErr_Format(PyExc_AttributeError, "_imgcol.ax_do: no '%s'", name);
    }
    Py_DECREF(rest);
    return res;
}

/* ax_get("clim", ax, i) -> (vmin, vmax); ax_get("containers", ax, 0) -> [kind names] */
static PyObject *f_ax_get(PyObject *self, PyObject *args)
{
    (void)self;
    const char *name;
    PyObject *cap;
    Py_ssize_t i;
    if (!PyArg_ParseTuple(args, "sOn", &name, &cap, &i)) return NULL;
    nplot_axes *ax = PyCapsule_GetPointer(cap, AX_CAP);
    if (!ax) return NULL;
    if (is(name, "containers")) {
        ptrdiff_t n = nplot_container_count(ax);
        PyObject *l = PyList_New(0);
        for (ptrdiff_t j = 0; l && j < n; j++) {
            PyObject *s = PyUnicode_FromString(nplot_container_kind(ax, j));
            if (!s || PyList_Append(l, s)) {
                Py_XDECREF(s);
                Py_DECREF(l);
                return NULL;
            }
            Py_DECREF(s);
        }
        return l;
    }
    if (!is(name, "clim")) {
        PyErr_Format(PyExc_AttributeError, "_imgcol.ax_get: no '%s'", name);
        return NULL;
    }
    nplot_artist *a = nplot_get_artist(ax, i);
    double v[2];
    if (!a || nplot_artist_get_clim(a, v) != ND_OK) return npy_raise();
    return Py_BuildValue("dd", v[0], v[1]);
}

static PyMethodDef methods[] = {
    { "ax_do", f_ax_do, METH_VARARGS, "ax_do(name, ax, *args): set_prop_cycle, violin, pcolorfast, add_collection, set_clim" },
    { "ax_get", f_ax_get, METH_VARARGS, "ax_get('clim', ax, i) -> (vmin, vmax) of artist i" },
    { NULL, NULL, 0, NULL }
};

static struct PyModuleDef def = { PyModuleDef_HEAD_INIT, "numc._core._imgcol", NULL, -1, methods,
                                  NULL, NULL, NULL, NULL };

PyObject *numc_py_ns_imgcol(void) { return PyModule_Create(&def); }
