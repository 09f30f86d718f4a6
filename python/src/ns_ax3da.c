/* numc._core._ax3da: Python names of plot.h's "3-D plot kinds" (voxels, stem, errorbar,
 * text / text2D, bar at zs, add_collection3d, contour sets, tricontour(f)) for
 * numc/_pyplot_ax3da.py. Keyword arguments by name (an unknown one is a TypeError naming
 * it); colors as strings, arrays as any array-like. */
#include "ns_common_extra.h"
#include "ns_plot_names.h"

#include <math.h>
#include <string.h>

#include <numc/plot.h>

static nplot_axes *ax_of(PyObject *o) { return PyCapsule_GetPointer(o, AX_CAP); }

static PyObject *done(nd_status st)
{
    if (st != ND_OK) return npy_raise();
    Py_RETURN_NONE;
}

/* The names of a color list (None → { 0, NULL }). *keep: an nd_malloc'd block holding the
 * UTF-8 pointers, then (as its last slot) a new list of the strings, which keeps them
 * alive until names_free. */
static int names_of(PyObject *o, nplot_strs *out, const char ***keep)
{
    *out = (nplot_strs){ 0, NULL };
    *keep = NULL;
    if (!o || o == Py_None) return 0;
    if (PyUnicode_Check(o)) {
        PyErr_SetString(PyExc_TypeError, "a list of color names was expected, got a string");
        return -1;
    }
    PyObject *list = PySequence_List(o);
    if (!list) return -1;
    Py_ssize_t n = PyList_Size(list);
    const char **v = nd_malloc(sizeof(char *) * (size_t)(n + 1), "numc.pyplot");
    if (!v) {
        Py_DECREF(list);
        return (void)PyErr_NoMemory(), -1;
    }
    v[n] = (const char *)(void *)list;
    for (Py_ssize_t i = 0; i < n; i++) {
        PyObject *it = PyList_GetItem(list, i);
        if (!PyUnicode_Check(it)) PyErr_Format(PyExc_TypeError, "color names must be strings, got %R", it);
        if (PyErr_Occurred() || !(v[i] = PyUnicode_AsUTF8AndSize(it, NULL))) {
            Py_DECREF(list);
            nd_free_mem(v);
            return -1;
        }
    }
    *keep = v;
    *out = (nplot_strs){ (size_t)n, v };
    return 0;
}

static void names_free(const char **keep, nplot_strs s)
{
    if (!keep) return;
    Py_DECREF((PyObject *)(void *)keep[s.n]);
    nd_free_mem(keep);
}

/* An error argument: None, a number (one value) or an array-like. */
static int err_of(PyObject *o, nd_array **arr, double *value)
{
    *arr = NULL;
    *value = 0;
    if (!o || o == Py_None) return 0;
    if (PyFloat_Check(o) || PyLong_Check(o)) {
        *value = PyFloat_AsDouble(o);
        return PyErr_Occurred() ? -1 : 0;
    }
    *arr = npy_as_nd(o, ND_FLOAT64);
    return *arr ? 0 : -1;
}

static PyObject *f_voxels(PyObject *self, PyObject *args, PyObject *kw)
{
    (void)self;
    static char *names[] = { "ax", "filled", "facecolor", "facecolors", "edgecolor", "shade", "linewidth", "alpha",
                             "label", "x", "y", "z", NULL };
    PyObject *cap, *fo, *fcs = Py_None, *co[3] = { Py_None, Py_None, Py_None };
    const char *fc = NULL, *ec = NULL, *label = NULL;
    int shade = 1;
    double lw = 0, alpha = 0;
    if (!PyArg_ParseTupleAndKeywords(args, kw, "OO|zOzpddzOOO:voxels", names, &cap, &fo, &fc, &fcs, &ec, &shade, &lw,
                                     &alpha, &label, &co[0], &co[1], &co[2]))
        return NULL;
    nplot_axes *ax = ax_of(cap);
    if (!ax) return NULL;
    nplot_strs cols;
    const char **keep;
    if (names_of(fcs, &cols, &keep)) return NULL;
    nd_array *f = NULL, *c[3] = { NULL, NULL, NULL };
    PyObject *res = NULL;
    if (!(f = npy_as_nd(fo, ND_FLOAT64))) goto out;
    for (int i = 0; i < 3; i++)
        if (co[i] != Py_None && !(c[i] = npy_as_nd(co[i], ND_FLOAT64))) goto out;
    res = done(nplot_voxels(ax, f, .facecolor = fc, .facecolors = cols, .edgecolor = ec, .no_shade = !shade,
                            .linewidth = lw, .alpha = alpha, .label = label, .x = c[0], .y = c[1], .z = c[2]));
out:
    nd_free(f);
    for (int i = 0; i < 3; i++) nd_free(c[i]);
    names_free(keep, cols);
    return res;
}

/* x, y, z of a 3-D call: new references (NULL with the exception set). */
static int xyz_of(PyObject *x, PyObject *y, PyObject *z, nd_array *out[3])
{
    PyObject *in[3] = { x, y, z };
    for (int i = 0; i < 3; i++) {
        if (!(out[i] = npy_as_nd(in[i], ND_FLOAT64))) {
            for (int k = 0; k < i; k++) nd_free(out[k]);
            return -1;
        }
    }
    return 0;
}

static PyObject *f_stem3d(PyObject *self, PyObject *args, PyObject *kw)
{
    (void)self;
    static char *names[] = { "ax", "x", "y", "z", "linefmt", "markerfmt", "basefmt", "bottom", "orientation",
                             "label", NULL };
    PyObject *cap, *x, *y, *z;
    const char *lf = NULL, *mf = NULL, *bf = NULL, *orient = NULL, *label = NULL;
    double bottom = 0;
    if (!PyArg_ParseTupleAndKeywords(args, kw, "OOOO|zzzdzz:stem", names, &cap, &x, &y, &z, &lf, &mf, &bf, &bottom,
                                     &orient, &label))
        return NULL;
    nplot_axes *ax = ax_of(cap);
    nd_array *a[3];
    if (!ax || xyz_of(x, y, z, a)) return NULL;
    nd_status st = nplot_stem3d(ax, a[0], a[1], a[2], .linefmt = lf, .markerfmt = mf, .basefmt = bf, .bottom = bottom,
                                .orientation = orient, .label = label);
    for (int i = 0; i < 3; i++) nd_free(a[i]);
    return done(st);
}

static PyObject *f_errorbar3d(PyObject *self, PyObject *args, PyObject *kw)
{
    (void)self;
    static char *names[] = { "ax", "x", "y", "z", "xerr", "yerr", "zerr", "fmt", "color", "ecolor", "elinewidth",
                             "linewidth", "capsize", "capthick", "errorevery", "alpha", "label", NULL };
    PyObject *cap, *x, *y, *z, *eo[3] = { Py_None, Py_None, Py_None };
    const char *fmt = NULL, *color = NULL, *ecolor = NULL, *label = NULL;
    double elw = 0, lw = 0, cs = 0, ct = 0, alpha = 0;
    int every = 0;
    if (!PyArg_ParseTupleAndKeywords(args, kw, "OOOO|OOOzzzddddidz:errorbar", names, &cap, &x, &y, &z, &eo[0], &eo[1],
                                     &eo[2], &fmt, &color, &ecolor, &elw, &lw, &cs, &ct, &every, &alpha, &label))
        return NULL;
    nplot_axes *ax = ax_of(cap);
    nd_array *a[3], *e[3] = { 0 };
    double v[3];
    if (!ax || xyz_of(x, y, z, a)) return NULL;
    PyObject *res = NULL;
    for (int i = 0; i < 3; i++)
        if (err_of(eo[i], &e[i], &v[i])) goto out;
    res = done(nplot_errorbar3d(ax, a[0], a[1], a[2], .xerr = e[0], .yerr = e[1], .zerr = e[2], .xerr_value = v[0],
                                .yerr_value = v[1], .zerr_value = v[2], .fmt = fmt, .color = color, .ecolor = ecolor,
                                .elinewidth = elw, .linewidth = lw, .capsize = cs, .capthick = ct,
                                .errorevery = every, .alpha = alpha, .label = label));
out:
    for (int i = 0; i < 3; i++) nd_free(a[i]), nd_free(e[i]);
    return res;
}

/* The text options both text calls take. */
#define TEXT_NAMES "fontsize", "color", "weight", "style", "family", "ha", "va", "alpha", "zorder", "coords"
#define TEXT_FMT "dzzzzzzddz"
#define TEXT_PTRS &t.fontsize, &t.color, &t.weight, &t.style, &t.family, &t.ha, &t.va, &t.alpha, &t.zorder, &t.coords

static PyObject *f_text3d(PyObject *self, PyObject *args, PyObject *kw)
{
    (void)self;
    static char *names[] = { "ax", "x", "y", "z", "s", "zdir", TEXT_NAMES, NULL };
    PyObject *cap;
    double x, y, z;
    const char *s, *zdir = NULL;
    nplot_text_opts t = { 0 };
    if (!PyArg_ParseTupleAndKeywords(args, kw, "Odddsz|" TEXT_FMT ":text", names, &cap, &x, &y, &z, &s, &zdir,
                                     TEXT_PTRS))
        return NULL;
    nplot_axes *ax = ax_of(cap);
    if (!ax) return NULL;
    return done(nplot_text3d_(ax, x, y, z, s, zdir, &t));
}

static PyObject *f_text2d(PyObject *self, PyObject *args, PyObject *kw)
{
    (void)self;
    static char *names[] = { "ax", "x", "y", "s", TEXT_NAMES, NULL };
    PyObject *cap;
    double x, y;
    const char *s;
    nplot_text_opts t = { 0 };
    if (!PyArg_ParseTupleAndKeywords(args, kw, "Odds|" TEXT_FMT ":text2D", names, &cap, &x, &y, &s, TEXT_PTRS))
        return NULL;
    nplot_axes *ax = ax_of(cap);
    if (!ax) return NULL;
    return done(nplot_text2d_(ax, x, y, s, &t));
}

/* zs: a number or an array-like */
static int zs_of(PyObject *o, nd_array **arr, double *value) { return err_of(o, arr, value); }

static PyObject *f_bar_zs(PyObject *self, PyObject *args, PyObject *kw)
{
    (void)self;
    static char *names[] = { "ax", "left", "height", "zs", "zdir", "width", "bottom", "color", "colors", "edgecolor",
                             "linewidth", "alpha", "label", NULL };
    PyObject *cap, *lo, *ho, *zo = Py_None, *co = Py_None;
    const char *zdir = NULL, *color = NULL, *ec = NULL, *label = NULL;
    double width = 0, bottom = 0, lw = 0, alpha = 0;
    if (!PyArg_ParseTupleAndKeywords(args, kw, "OOO|OzddzOzddz:bar", names, &cap, &lo, &ho, &zo, &zdir, &width,
                                     &bottom, &color, &co, &ec, &lw, &alpha, &label))
        return NULL;
    nplot_axes *ax = ax_of(cap);
    if (!ax) return NULL;
    nd_array *l = NULL, *h = NULL, *zs = NULL;
    double zv = 0;
    nplot_strs cols = { 0 };
    const char **keep = NULL;
    PyObject *res = NULL;
    if (!(l = npy_as_nd(lo, ND_FLOAT64)) || !(h = npy_as_nd(ho, ND_FLOAT64)) || zs_of(zo, &zs, &zv) ||
        names_of(co, &cols, &keep))
        goto out;
    res = done(nplot_bar_zs(ax, l, h, .zs = zs, .zs_value = zv, .zdir = zdir, .width = width, .bottom = bottom,
                            .color = color, .colors = cols, .edgecolor = ec, .linewidth = lw, .alpha = alpha,
                            .label = label));
out:
    nd_free(l);
    nd_free(h);
    nd_free(zs);
    names_free(keep, cols);
    return res;
}

static PyObject *f_collection3d(PyObject *self, PyObject *args, PyObject *kw)
{
    (void)self;
    static char *names[] = { "ax", "x", "y", "lines", "zs", "zdir", "facecolor", "facecolors", "edgecolor",
                             "linewidth", "linestyle", "alpha", "label", NULL };
    PyObject *cap, *xo, *yo, *zo = Py_None, *fco = Py_None;
    int lines = 0;
    const char *zdir = NULL, *fc = NULL, *ec = NULL, *ls = NULL, *label = NULL;
    double lw = 0, alpha = 0;
    if (!PyArg_ParseTupleAndKeywords(args, kw, "OOO|pOzzOzdzdz:add_collection3d", names, &cap, &xo, &yo, &lines, &zo,
                                     &zdir, &fc, &fco, &ec, &lw, &ls, &alpha, &label))
        return NULL;
    nplot_axes *ax = ax_of(cap);
    if (!ax) return NULL;
    nd_array *x = NULL, *y = NULL, *zs = NULL;
    double zv = 0;
    nplot_strs cols = { 0 };
    const char **keep = NULL;
    PyObject *res = NULL;
    if (!(x = npy_as_nd(xo, ND_FLOAT64)) || !(y = npy_as_nd(yo, ND_FLOAT64)) || zs_of(zo, &zs, &zv) ||
        names_of(fco, &cols, &keep))
        goto out;
    res = done(nplot_add_collection3d(ax, x, y, .lines = lines, .zs = zs, .zs_value = zv, .zdir = zdir,
                                      .facecolor = fc, .facecolors = cols, .edgecolor = ec, .linewidth = lw,
                                      .linestyle = ls, .alpha = alpha, .label = label));
out:
    nd_free(x);
    nd_free(y);
    nd_free(zs);
    names_free(keep, cols);
    return res;
}

static PyObject *f_contour_set(PyObject *self, PyObject *args, PyObject *kw)
{
    (void)self;
    static char *names[] = { "ax", "src", "filled", "zdir", "offset", "extend3d", "stride", NULL };
    PyObject *cap, *src, *off = Py_None;
    int filled = 0, extend3d = 0, stride = 0;
    const char *zdir = NULL;
    if (!PyArg_ParseTupleAndKeywords(args, kw, "OOp|zOpi:add_contour_set", names, &cap, &src, &filled, &zdir, &off,
                                     &extend3d, &stride))
        return NULL;
    nplot_axes *ax = ax_of(cap), *s = ax ? ax_of(src) : NULL;
    if (!s) return NULL;
    nplot_contour_set3d_opts o = { .zdir = zdir, .has_offset = off != Py_None, .extend3d = extend3d,
                                   .stride = stride };
    if (o.has_offset && (o.offset = PyFloat_AsDouble(off)) == -1.0 && PyErr_Occurred()) return NULL;
    return done(filled ? nplot_add_contourf_set_(ax, s, &o) : nplot_add_contour_set_(ax, s, &o));
}

static PyObject *f_tricontour3d(PyObject *self, PyObject *args, PyObject *kw)
{
    (void)self;
    static char *names[] = { "ax", "x", "y", "triangles", "z", "filled", "zdir", "offset", "levels", "cmap",
                             "colors", "linewidths", "alpha", "extend3d", "stride", NULL };
    PyObject *cap, *xo, *yo, *to, *zo, *off = Py_None, *lev = Py_None;
    int filled = 0, extend3d = 0, stride = 0;
    const char *zdir = NULL, *cmap = NULL, *colors = NULL;
    double lws = 0, alpha = 0;
    if (!PyArg_ParseTupleAndKeywords(args, kw, "OOOOOp|zOOzzddpi:tricontour", names, &cap, &xo, &yo, &to, &zo,
                                     &filled, &zdir, &off, &lev, &cmap, &colors, &lws, &alpha, &extend3d, &stride))
        return NULL;
    nplot_axes *ax = ax_of(cap);
    if (!ax) return NULL;
    nd_array *x = NULL, *y = NULL, *t = NULL, *z = NULL, *L = NULL;
    nplot_triangulation *tri = NULL;
    PyObject *res = NULL;
    nplot_tricontour3d_opts o = { .zdir = zdir, .has_offset = off != Py_None, .extend3d = extend3d, .stride = stride,
                                  .tri = { .cmap = cmap, .colors = colors, .linewidths = lws, .alpha = alpha } };
    if (o.has_offset && (o.offset = PyFloat_AsDouble(off)) == -1.0 && PyErr_Occurred()) return NULL;
    if (lev != Py_None && (PyLong_Check(lev))) {
        o.tri.nlevels = (int)PyLong_AsLong(lev);
    } else if (lev != Py_None) {
        if (!(L = npy_as_nd(lev, ND_FLOAT64))) return NULL;
        o.tri.levels = (nplot_f64s){ (size_t)nd_size(L), nd_data(L) };
    }
    if (!(x = npy_as_nd(xo, ND_FLOAT64)) || !(y = npy_as_nd(yo, ND_FLOAT64)) || !(z = npy_as_nd(zo, ND_FLOAT64)))
        goto out;
    if (to != Py_None && !(t = npy_as_nd(to, ND_INT64))) goto out;
    if (!(tri = nplot_triangulation_new(x, y, t, NULL))) {
        npy_raise();
        goto out;
    }
    res = done(filled ? nplot_tricontourf3d_(ax, tri, z, &o) : nplot_tricontour3d_(ax, tri, z, &o));
out:
    nplot_triangulation_free(tri);
    nd_free(x);
    nd_free(y);
    nd_free(t);
    nd_free(z);
    nd_free(L);
    return res;
}

#define KW(name, fn, doc) { name, (PyCFunction)(void (*)(void))fn, METH_VARARGS | METH_KEYWORDS, doc }
static PyMethodDef methods[] = {
    KW("voxels", f_voxels, "voxels(ax, filled, ...): Axes3D.voxels"),
    KW("stem3d", f_stem3d, "stem3d(ax, x, y, z, ...): Axes3D.stem"),
    KW("errorbar3d", f_errorbar3d, "errorbar3d(ax, x, y, z, ...): Axes3D.errorbar"),
    KW("text3d", f_text3d, "text3d(ax, x, y, z, s, zdir, ...): Axes3D.text"),
    KW("text2d", f_text2d, "text2d(ax, x, y, s, ...): Axes3D.text2D"),
    KW("bar_zs", f_bar_zs, "bar_zs(ax, left, height, ...): Axes3D.bar"),
    KW("collection3d", f_collection3d, "collection3d(ax, x, y, ...): Axes3D.add_collection3d"),
    KW("contour_set", f_contour_set, "contour_set(ax, src, filled, ...): add_contour(f)_set"),
    KW("tricontour3d", f_tricontour3d, "tricontour3d(ax, x, y, triangles, z, filled, ...)"),
    { NULL, NULL, 0, NULL }
};

static struct PyModuleDef def = { PyModuleDef_HEAD_INIT, "numc._core._ax3da", NULL, -1, methods,
                                  NULL, NULL, NULL, NULL };

PyObject *numc_py_ns_ax3da(void) { return PyModule_Create(&def); }
