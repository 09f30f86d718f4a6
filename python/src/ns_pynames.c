/* numc._core._pynames: issue 21's Python names for plot.h calls that had none
 * (numc/_pyplot_names.py, _pyplot_names3d.py): the artist properties of an axes and of a
 * figure (one row per property in a table of typed get / set functions), 3-D limits and
 * cubes, coordinate transforms, pixel boxes, minor ticks, the kinds of an axes' artists,
 * fig.get_children and fig.findobj. Plotting calls with keyword arguments (tri*, z ticks,
 * polar grids, indicate_inset) are rows of _plot's table instead (plot_table.c), which fills
 * their options. */
#include "ns_plot_names.h"

#include <math.h>
#include <string.h>

#include <numc/plot.h>

/* A list of n items made by item(ctx, i); NULL (with the error set) when one fails. */
typedef PyObject *(*list_item_fn)(const void *ctx, Py_ssize_t i);

static PyObject *list_of(Py_ssize_t n, list_item_fn item, const void *ctx)
{
    PyObject *l = PyList_New(n);
    for (Py_ssize_t i = 0; l && i < n; i++) {
        PyObject *it = item(ctx, i);
        if (!it) {
            Py_CLEAR(l);
            break;
        }
        PyList_SetItem(l, i, it);
    }
    return l;
}

static PyObject *float_item(const void *v, Py_ssize_t i) { return PyFloat_FromDouble(((const double *)v)[i]); }

static PyObject *floats_list(const double *v, Py_ssize_t n) { return list_of(n, float_item, v); }

/* ---- property tables ------------------------------------------------------------------- */
/* A property of an axes or a figure: its Python value converted by type ('b' bool, 'i' int,
 * 'd' float, 's' str or None) and the plot.h getter / setter (either may be absent). The
 * adapters below give every row the same two signatures over a void handle. */
typedef struct pn_prop {
    const char *name;
    PyObject *(*get)(void *h);
    nd_status (*set)(void *h, PyObject *v);
} pn_prop;

static int to_bool(PyObject *v, bool *out)
{
    int t = PyObject_IsTrue(v);
    if (t < 0) return -1;
    *out = t;
    return 0;
}

static int to_long(PyObject *v, long *out)
{
    *out = PyLong_AsLong(v);
    return *out == -1 && PyErr_Occurred() ? -1 : 0;
}

/* None → NaN */
static int to_double(PyObject *v, double *out)
{
    *out = v == Py_None ? NAN : PyFloat_AsDouble(v);
    return *out == -1.0 && PyErr_Occurred() ? -1 : 0;
}

/* None → NULL */
static int to_str(PyObject *v, const char **out)
{
    *out = NULL;
    return v != Py_None && !(*out = PyUnicode_AsUTF8AndSize(v, NULL)) ? -1 : 0;
}

#define PN_GET(id, T, conv, call) \
    static PyObject *g_##id(void *h) { T *o = h; return conv(call); }
/* the value's conversion, then the call; -1 from a conversion leaves its Python error set */
#define PN_SET(id, T, decl, conv, call) \
    static nd_status s_##id(void *h, PyObject *v) \
    { \
        T *o = h; \
        decl; \
        if (conv < 0) return ND_EVALUE; \
        return call; \
    }
#define PN_SET_B(id, T, call) PN_SET(id, T, bool b, to_bool(v, &b), call)
#define PN_SET_I(id, T, call) PN_SET(id, T, long i, to_long(v, &i), call)
#define PN_SET_D(id, T, call) PN_SET(id, T, double d, to_double(v, &d), call)
#define PN_SET_S(id, T, call) PN_SET(id, T, const char *s, to_str(v, &s), call)

static PyObject *pn_bool(bool b) { return PyBool_FromLong(b); }
static PyObject *pn_int(long i) { return PyLong_FromLong(i); }

/* the axes */
PN_GET(ax_clip_on, nplot_axes, pn_bool, nplot_axes_get_clip_on(o))
PN_SET_B(ax_clip_on, nplot_axes, nplot_axes_set_clip_on(o, b))
PN_GET(ax_snap, nplot_axes, pn_int, nplot_axes_get_snap(o))
PN_SET_I(ax_snap, nplot_axes, nplot_axes_set_snap(o, (int)i))
PN_GET(ax_url, nplot_axes, str_or_none, nplot_axes_get_url(o))
PN_SET_S(ax_url, nplot_axes, nplot_axes_set_url(o, s))
PN_SET_I(ax_axisbelow, nplot_axes, nplot_set_axisbelow(o, (int)i))
PN_GET(ax_has_legend, nplot_axes, pn_bool, nplot_axes_has_legend(o))
PN_GET(ax_autoscalez_on, nplot_axes, pn_bool, nplot_get_autoscalez_on(o))
PN_SET_B(ax_autoscalez_on, nplot_axes, nplot_set_autoscalez_on(o, b))
PN_GET(ax_zscale, nplot_axes, str_or_none, nplot_get_zscale(o))
PN_SET_S(ax_zscale, nplot_axes, nplot_set_zscale(o, s))
PN_GET(ax_zlabel, nplot_axes, str_or_none, nplot_get_zlabel(o))
PN_SET_B(ax_grid3d, nplot_axes, nplot_axes3d_grid(o, b))

static const pn_prop ax_props[] = {
    { "clip_on", g_ax_clip_on, s_ax_clip_on },
    { "snap", g_ax_snap, s_ax_snap },
    { "url", g_ax_url, s_ax_url },
    { "axisbelow", NULL, s_ax_axisbelow },
    { "has_legend", g_ax_has_legend, NULL },
    { "autoscalez_on", g_ax_autoscalez_on, s_ax_autoscalez_on },
    { "zscale", g_ax_zscale, s_ax_zscale },
    { "zlabel", g_ax_zlabel, NULL },
    { "grid3d", NULL, s_ax_grid3d },
    { NULL, NULL, NULL }
};

/* the figure */
static PyObject *pn_alpha(double a)
{
    if (isnan(a)) Py_RETURN_NONE;
    return PyFloat_FromDouble(a);
}
PN_GET(fig_alpha, nplot_figure, pn_alpha, nplot_figure_get_alpha(o))
PN_SET_D(fig_alpha, nplot_figure, nplot_figure_set_alpha(o, d))
PN_GET(fig_clip_on, nplot_figure, pn_bool, nplot_figure_get_clip_on(o))
PN_SET_B(fig_clip_on, nplot_figure, nplot_figure_set_clip_on(o, b))
PN_GET(fig_gid, nplot_figure, str_or_none, nplot_figure_get_gid(o))
PN_SET_S(fig_gid, nplot_figure, nplot_figure_set_gid(o, s))
PN_GET(fig_in_layout, nplot_figure, pn_bool, nplot_figure_get_in_layout(o))
PN_SET_B(fig_in_layout, nplot_figure, nplot_figure_set_in_layout(o, b))
PN_GET(fig_label, nplot_figure, str_or_none, nplot_figure_get_label(o))
PN_SET_S(fig_label, nplot_figure, nplot_figure_set_label(o, s))
PN_GET(fig_rasterized, nplot_figure, pn_bool, nplot_figure_get_rasterized(o))
PN_SET_B(fig_rasterized, nplot_figure, nplot_figure_set_rasterized(o, b))
PN_GET(fig_snap, nplot_figure, pn_int, (long)nplot_figure_get_snap(o))
PN_SET_I(fig_snap, nplot_figure, nplot_figure_set_snap(o, (nplot_snap)i))
PN_GET(fig_tight_layout, nplot_figure, pn_bool, nplot_figure_get_tight_layout(o))
PN_SET_B(fig_tight_layout, nplot_figure, nplot_figure_set_tight_layout(o, b))
PN_GET(fig_url, nplot_figure, str_or_none, nplot_figure_get_url(o))
PN_SET_S(fig_url, nplot_figure, nplot_figure_set_url(o, s))
PN_GET(fig_visible, nplot_figure, pn_bool, nplot_figure_get_visible(o))
PN_SET_B(fig_visible, nplot_figure, nplot_figure_set_visible(o, b))
PN_GET(fig_zorder, nplot_figure, PyFloat_FromDouble, nplot_figure_get_zorder(o))
PN_SET_D(fig_zorder, nplot_figure, nplot_figure_set_zorder(o, d))

#define PN_ROW(what, name) { #name, g_##what##_##name, s_##what##_##name }
static const pn_prop fig_props[] = {
    PN_ROW(fig, alpha), PN_ROW(fig, clip_on), PN_ROW(fig, gid), PN_ROW(fig, in_layout),
    PN_ROW(fig, label), PN_ROW(fig, rasterized), PN_ROW(fig, snap), PN_ROW(fig, tight_layout),
    PN_ROW(fig, url), PN_ROW(fig, visible), PN_ROW(fig, zorder),
    { NULL, NULL, NULL }
};

static const pn_prop *prop_find(const pn_prop *t, const char *name, int set)
{
    for (; t->name; t++)
        if (strcmp(t->name, name) == 0 && (set ? t->set != NULL : t->get != NULL)) return t;
    return NULL;
}

/* prop(kind, name, handle[, value]): read a property, or set it when a value is given */
static PyObject *prop(const pn_prop *table, const char *cap_name, PyObject *args)
{
    const char *name;
    PyObject *cap, *v = NULL;
    if (!PyArg_ParseTuple(args, "sO|O", &name, &cap, &v)) return NULL;
    void *h = PyCapsule_GetPointer(cap, cap_name);
    if (!h) return NULL;
    const pn_prop *p = prop_find(table, name, v != NULL);
    if (!p) return PyErr_Format(PyExc_AttributeError, "_pynames: no %s property '%s'",
                                v ? "settable" : "readable", name);
    if (!v) return p->get(h);
    nd_status st = p->set(h, v);
    if (st != ND_OK && PyErr_Occurred()) return NULL;
    return status(st);
}

static PyObject *f_ax_prop(PyObject *self, PyObject *args)
{
    (void)self;
    return prop(ax_props, AX_CAP, args);
}

static PyObject *f_fig_prop(PyObject *self, PyObject *args)
{
    (void)self;
    return prop(fig_props, FIG_CAP, args);
}

/* ---- axes queries ---------------------------------------------------------------------- */
static nplot_axes *axes_arg(PyObject *cap) { return PyCapsule_GetPointer(cap, AX_CAP); }

/* shares(a, b, 'x'|'y') -> get_shared_x_axes().joined(a, b) */
static PyObject *f_shares(PyObject *self, PyObject *args)
{
    (void)self;
    PyObject *c1, *c2;
    const char *which;
    if (!PyArg_ParseTuple(args, "OOs", &c1, &c2, &which)) return NULL;
    nplot_axes *a = axes_arg(c1), *b = a ? axes_arg(c2) : NULL;
    if (!b) return NULL;
    return PyBool_FromLong(which[0] == 'x' ? nplot_axes_shares_x(a, b) : nplot_axes_shares_y(a, b));
}

/* cube(ax, which): get_w_lims (6), unit_cube / tunit_cube (8 x 3), tunit_edges (24 x 3) */
static PyObject *f_cube(PyObject *self, PyObject *args)
{
    (void)self;
    PyObject *cap;
    const char *which;
    if (!PyArg_ParseTuple(args, "Os", &cap, &which)) return NULL;
    nplot_axes *ax = axes_arg(cap);
    if (!ax) return NULL;
    double v[72];
    nd_status st;
    Py_ssize_t n;
    if (strcmp(which, "w_lims") == 0) st = nplot_get_w_lims(ax, v), n = 6;
    else if (strcmp(which, "unit_cube") == 0) st = nplot_unit_cube(ax, v), n = 24;
    else if (strcmp(which, "tunit_cube") == 0) st = nplot_tunit_cube(ax, v), n = 24;
    else if (strcmp(which, "tunit_edges") == 0) st = nplot_tunit_edges(ax, v), n = 72;
    else return PyErr_Format(PyExc_ValueError, "_pynames.cube: no '%s'", which);
    if (st != ND_OK) return npy_raise();
    return floats_list(v, n);
}

/* transform(ax, from, to, x, y) -> (x, y) (plot.h's coordinate systems; display origin
 * bottom-left) */
static PyObject *f_transform(PyObject *self, PyObject *args)
{
    (void)self;
    PyObject *cap;
    const char *from, *to;
    double x, y, ox, oy;
    if (!PyArg_ParseTuple(args, "Ossdd", &cap, &from, &to, &x, &y)) return NULL;
    nplot_axes *ax = axes_arg(cap);
    if (!ax) return NULL;
    nd_status st;
    Py_BEGIN_ALLOW_THREADS st = nplot_axes_transform(ax, from, to, x, y, &ox, &oy);
    Py_END_ALLOW_THREADS if (st != ND_OK) return npy_raise();
    return Py_BuildValue("dd", ox, oy);
}

/* pixel_box(ax) -> (x0, y0, x1, y1) in pixels, origin top-left (draws the figure first) */
static PyObject *f_pixel_box(PyObject *self, PyObject *cap)
{
    (void)self;
    nplot_axes *ax = axes_arg(cap);
    if (!ax) return NULL;
    double b[4];
    if (nplot_axes_pixel_box(ax, &b[0], &b[1], &b[2], &b[3]) != ND_OK) return npy_raise();
    return Py_BuildValue("dddd", b[0], b[1], b[2], b[3]);
}

/* minor_ticks(ax, 'x'|'y') -> the minor tick positions in the view */
static PyObject *f_minor_ticks(PyObject *self, PyObject *args)
{
    (void)self;
    PyObject *cap;
    const char *which;
    if (!PyArg_ParseTuple(args, "Os", &cap, &which)) return NULL;
    nplot_axes *ax = axes_arg(cap);
    if (!ax) return NULL;
    int (*get)(nplot_axes *, double *, int) = which[0] == 'x' ? nplot_get_xminorticks
                                                               : nplot_get_yminorticks;
    int n = get(ax, NULL, 0);
    if (n < 0) return npy_raise();
    double *v = PyMem_Calloc((size_t)n + 1, sizeof(double));
    if (!v) return PyErr_NoMemory();
    PyObject *r = get(ax, v, n) < 0 ? npy_raise() : floats_list(v, n);
    PyMem_Free(v);
    return r;
}

static PyObject *kind_item(const void *ax, Py_ssize_t i)
{
    return PyUnicode_FromString(nplot_artist_kind(nplot_get_artist((nplot_axes *)ax, i)));
}

/* artist_kinds(ax) -> the kind of each artist of the axes, in the order added */
static PyObject *f_artist_kinds(PyObject *self, PyObject *cap)
{
    (void)self;
    nplot_axes *ax = axes_arg(cap);
    if (!ax) return NULL;
    ptrdiff_t n = nplot_artist_count(ax);
    if (n < 0) return npy_raise();
    return list_of(n, kind_item, ax);
}

/* ---- figure queries -------------------------------------------------------------------- */
static PyObject *child_item(const void *children, Py_ssize_t i)
{
    const nplot_fig_child *c = (const nplot_fig_child *)children + i;
    return c->axes ? Py_BuildValue("sN", c->kind, PyCapsule_New(c->axes, AX_CAP, NULL))
                   : Py_BuildValue("sO", c->kind, Py_None);
}

/* children(fig) -> [(kind, axes capsule or None)] in matplotlib's get_children order */
static PyObject *f_children(PyObject *self, PyObject *cap)
{
    (void)self;
    nplot_figure *fig = PyCapsule_GetPointer(cap, FIG_CAP);
    if (!fig) return NULL;
    int n = nplot_figure_get_children(fig, NULL, 0);
    if (n < 0) return npy_raise();
    nplot_fig_child *c = PyMem_Calloc((size_t)n + 1, sizeof *c);
    if (!c) return PyErr_NoMemory();
    PyObject *l = nplot_figure_get_children(fig, c, n) < 0 ? npy_raise() : list_of(n, child_item, c);
    PyMem_Free(c);
    return l;
}

static PyObject *found_item(const void *found, Py_ssize_t i)
{
    nplot_artist *a = ((nplot_artist *const *)found)[i];
    nplot_axes *ax = nplot_artist_axes(a);
    ptrdiff_t k = 0, m = nplot_artist_count(ax);
    while (k < m && nplot_get_artist(ax, k) != a) k++;
    return Py_BuildValue("Nns", PyCapsule_New(ax, AX_CAP, NULL), (Py_ssize_t)k, nplot_artist_kind(a));
}

/* findobj(fig, kind or None) -> [(axes capsule, index on that axes, kind)] */
static PyObject *f_findobj(PyObject *self, PyObject *args)
{
    (void)self;
    PyObject *cap;
    const char *kind = NULL;
    if (!PyArg_ParseTuple(args, "O|z", &cap, &kind)) return NULL;
    nplot_figure *fig = PyCapsule_GetPointer(cap, FIG_CAP);
    if (!fig) return NULL;
    ptrdiff_t n = nplot_findobj(fig, kind, NULL, 0);
    if (n < 0) return npy_raise();
    nplot_artist **a = PyMem_Calloc((size_t)n + 1, sizeof *a);
    if (!a) return PyErr_NoMemory();
    PyObject *l = nplot_findobj(fig, kind, a, n) < 0 ? npy_raise() : list_of(n, found_item, a);
    PyMem_Free(a);
    return l;
}

/* same(a, b): the two capsules hold the same nplot_axes */
static PyObject *f_same(PyObject *self, PyObject *args)
{
    (void)self;
    PyObject *c1, *c2;
    if (!PyArg_ParseTuple(args, "OO", &c1, &c2)) return NULL;
    nplot_axes *a = axes_arg(c1), *b = a ? axes_arg(c2) : NULL;
    if (!b) return NULL;
    return PyBool_FromLong(a == b);
}

static PyMethodDef methods[] = {
    { "same", f_same, METH_VARARGS, "same(a, b) -> the capsules hold the same axes" },
    { "ax_prop", f_ax_prop, METH_VARARGS, "ax_prop(name, ax[, value]): read or set an axes property" },
    { "fig_prop", f_fig_prop, METH_VARARGS, "fig_prop(name, fig[, value]): read or set a figure property" },
    { "shares", f_shares, METH_VARARGS, "shares(a, b, 'x'|'y') -> bool" },
    { "cube", f_cube, METH_VARARGS, "cube(ax, 'w_lims'|'unit_cube'|'tunit_cube'|'tunit_edges') -> [float]" },
    { "transform", f_transform, METH_VARARGS, "transform(ax, from, to, x, y) -> (x, y)" },
    { "pixel_box", f_pixel_box, METH_O, "pixel_box(ax) -> (x0, y0, x1, y1), origin top-left" },
    { "minor_ticks", f_minor_ticks, METH_VARARGS, "minor_ticks(ax, 'x'|'y') -> [float]" },
    { "artist_kinds", f_artist_kinds, METH_O, "artist_kinds(ax) -> [str]" },
    { "children", f_children, METH_O, "children(fig) -> [(kind, axes or None)]" },
    { "findobj", f_findobj, METH_VARARGS, "findobj(fig, kind=None) -> [(axes, index, kind)]" },
    { NULL, NULL, 0, NULL }
};

static struct PyModuleDef def = { PyModuleDef_HEAD_INIT, "numc._core._pynames", NULL, -1, methods,
                                  NULL, NULL, NULL, NULL };

PyObject *numc_py_ns_pynames(void) { return PyModule_Create(&def); }
