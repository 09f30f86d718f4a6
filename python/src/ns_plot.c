/* numc._core._plot: libnumc_plot (include/numc/plot.h) for numc.pyplot.
 *
 * Table-driven: every plotting function is one row of `funcs` in plot_table.c (its Python
 * name, the kinds of its positional arguments, a one-line wrapper and the keyword table of
 * its options struct). The keyword tables (ns_plot_kw.h) are generated from plot.h by
 * scripts/gen_py_plot_kw.py: { name, offset, kind }, so one loop (npp_fill_opts in
 * plot_opts.c) fills any options struct from Python keyword arguments, and an unknown
 * keyword is a TypeError naming it. This file: figures, grids, mosaics, secondary axes,
 * rcParams, read-backs (limits, ticks, status), colors, colormaps, norms and locators, and
 * the module's method table. Handles are capsules: a figure owns its axes (freed with the
 * capsule), an axes or gridspec capsule is kept valid by numc.pyplot holding the figure. */
#include "ns_plot_common.h"

static PyObject *ticks_list(const double *b, int n);

/* ---- figures ------------------------------------------------------------------------------ */
static void fig_destroy(PyObject *cap)
{
    nplot_figure_free(PyCapsule_GetPointer(cap, FIG_CAP));
}

/* figure(**figure_opts) → figure capsule (figsize and dpi are numc.pyplot's business) */
static PyObject *f_figure_new(PyObject *self, PyObject *args, PyObject *kwargs)
{
    (void)self;
    (void)args;
    npp_arena A;
    memset(&A, 0, sizeof A);
    nplot_figure_opts o;
    memset(&o, 0, sizeof o);
    PyObject *res = NULL;
    if (npp_fill_opts(&A, kw_nplot_figure_opts, &o, kwargs, "figure") == 0) {
        nplot_figure *fig = nplot_figure_new_(&o);
        res = fig ? PyCapsule_New(fig, FIG_CAP, fig_destroy) : npy_raise();
        if (!res && fig) nplot_figure_free(fig);
    }
    npp_arena_free(&A);
    return res;
}

/* subplots(fig, nrows, ncols, sharex, sharey) → list of nrows * ncols axes, row-major */
static PyObject *f_subplots(PyObject *self, PyObject *args)
{
    (void)self;
    PyObject *cap;
    int nr, nc, sx, sy;
    if (!PyArg_ParseTuple(args, "Oiiii", &cap, &nr, &nc, &sx, &sy)) return NULL;
    nplot_figure *fig = PyCapsule_GetPointer(cap, FIG_CAP);
    if (!fig) return NULL;
    if (nr < 1 || nc < 1 || nr > 1000 || nc > 1000) {
        PyErr_Format(PyExc_ValueError, "Number of rows and columns must be positive integers, not %d and %d", nr, nc);
        return NULL;
    }
    nplot_axes **axs = PyMem_Calloc((size_t)nr * nc, sizeof *axs);
    if (!axs) return PyErr_NoMemory();
    nd_status st = nplot_subplots_(fig, nr, nc, axs, &(nplot_subplots_opts){ 0, (nplot_share)sx, (nplot_share)sy });
    PyObject *l = NULL;
    if (st != ND_OK) {
        npy_raise();
    } else if ((l = PyList_New(nr * nc))) {
        for (int i = 0; i < nr * nc; i++) {
            PyObject *c = PyCapsule_New(axs[i], AX_CAP, NULL);
            if (!c) {
                Py_CLEAR(l);
                break;
            }
            PyList_SetItem(l, i, c);
        }
    }
    PyMem_Free(axs);
    return l;
}

/* gridspec(fig, nrows, ncols, **gridspec_opts) → gridspec capsule (owned by the figure) */
static PyObject *f_gridspec(PyObject *self, PyObject *args, PyObject *kwargs)
{
    (void)self;
    PyObject *cap;
    int nr, nc;
    if (!PyArg_ParseTuple(args, "Oii", &cap, &nr, &nc)) return NULL;
    nplot_figure *fig = PyCapsule_GetPointer(cap, FIG_CAP);
    if (!fig) return NULL;
    npp_arena A;
    memset(&A, 0, sizeof A);
    nplot_gridspec_opts o;
    memset(&o, 0, sizeof o);
    PyObject *res = NULL;
    if (npp_fill_opts(&A, kw_nplot_gridspec_opts, &o, kwargs, "GridSpec") == 0) {
        nplot_gridspec *gs = nplot_gridspec_new_(fig, nr, nc, &o);
        res = gs ? PyCapsule_New(gs, GS_CAP, NULL) : npy_raise();
    }
    npp_arena_free(&A);
    return res;
}

/* ---- mosaic, nested grids, secondary axes, positions, rcParams ------------------------- */
/* mosaic(fig, layout, **mosaic_opts) → [(label, axes capsule)] in creation order */
static PyObject *f_mosaic(PyObject *self, PyObject *args, PyObject *kwargs)
{
    (void)self;
    PyObject *cap;
    const char *layout;
    if (!PyArg_ParseTuple(args, "Os", &cap, &layout)) return NULL;
    /* a figure, or a subfigure (subfig.subplot_mosaic, numc/_pyplot_pyprops.py) */
    nplot_subfigure *sf = PyCapsule_IsValid(cap, SF_CAP) ? PyCapsule_GetPointer(cap, SF_CAP) : NULL;
    nplot_figure *fig = sf ? NULL : PyCapsule_GetPointer(cap, FIG_CAP);
    if (!fig && !sf) return NULL;
    npp_arena A;
    memset(&A, 0, sizeof A);
    nplot_mosaic_opts o;
    memset(&o, 0, sizeof o);
    PyObject *res = NULL;
    if (npp_fill_opts(&A, kw_nplot_mosaic_opts, &o, kwargs, "subplot_mosaic") == 0) {
        nd_clear_error();
        nplot_mosaic *m = sf ? nplot_subfig_subplot_mosaic_(sf, layout, &o)
                             : nplot_subplot_mosaic_(fig, layout, &o);
        if (!m) {
            npy_raise();
            npp_drop_warnings();
        } else {
            int n = nplot_mosaic_count(m);
            res = PyList_New(n);
            for (int i = 0; res && i < n; i++) {
                PyObject *t = Py_BuildValue("(sN)", nplot_mosaic_label(m, i),
                                            PyCapsule_New(nplot_mosaic_axes(m, i), AX_CAP, NULL));
                if (!t) Py_CLEAR(res);
                else PyList_SetItem(res, i, t);
            }
        }
    }
    npp_arena_free(&A);
    return res;
}

/* subgridspec(gs, spec, nrows, ncols, **gridspec_opts) → gridspec capsule */
static PyObject *f_subgridspec(PyObject *self, PyObject *args, PyObject *kwargs)
{
    (void)self;
    PyObject *cap;
    const char *spec;
    int nr, nc;
    if (!PyArg_ParseTuple(args, "Osii", &cap, &spec, &nr, &nc)) return NULL;
    nplot_gridspec *gs = PyCapsule_GetPointer(cap, GS_CAP);
    if (!gs) return NULL;
    npp_arena A;
    memset(&A, 0, sizeof A);
    nplot_gridspec_opts o;
    memset(&o, 0, sizeof o);
    PyObject *res = NULL;
    if (npp_fill_opts(&A, kw_nplot_gridspec_opts, &o, kwargs, "subgridspec") == 0) {
        nplot_gridspec *g = nplot_gridspec_subgridspec_(gs, spec, nr, nc, &o);
        res = g ? PyCapsule_New(g, GS_CAP, NULL) : npy_raise();
    }
    npp_arena_free(&A);
    return res;
}

/* The secondary axes' functions: ctx is a (forward, inverse) tuple of Python callables,
 * kept alive by numc.pyplot with the figure. Drawing runs without the GIL (savefig), so
 * the trampolines take it; a callable that fails or returns no number gives NaN (the
 * figure then reports the non-finite limits) and the exception is printed as unraisable. */
static double sec_call(int which, double v, void *ctx)
{
    PyGILState_STATE g = PyGILState_Ensure();
    PyObject *fn = PyTuple_GetItem((PyObject *)ctx, which);
    PyObject *r = fn ? PyObject_CallFunction(fn, "d", v) : NULL;
    double out = r ? PyFloat_AsDouble(r) : -1.0;
    if (!r || (out == -1.0 && PyErr_Occurred())) {
        if (!r && !PyErr_Occurred()) PyErr_SetString(PyExc_TypeError, "secondary axis function failed");
        PyErr_WriteUnraisable(fn ? fn : Py_None);
        out = NAN;
    }
    Py_XDECREF(r);
    PyGILState_Release(g);
    return out;
}
static double sec_forward(double v, void *ctx) { return sec_call(0, v, ctx); }
static double sec_inverse(double v, void *ctx) { return sec_call(1, v, ctx); }

/* secondary(ax, 'x'|'y', functions or None, **secondary_opts) → axes capsule */
static PyObject *f_secondary(PyObject *self, PyObject *args, PyObject *kwargs)
{
    (void)self;
    PyObject *cap, *fns;
    const char *which;
    if (!PyArg_ParseTuple(args, "OsO", &cap, &which, &fns)) return NULL;
    nplot_axes *ax = PyCapsule_GetPointer(cap, AX_CAP);
    if (!ax) return NULL;
    if (fns != Py_None && !(PyTuple_Check(fns) && PyTuple_Size(fns) == 2 &&
                            PyCallable_Check(PyTuple_GetItem(fns, 0)) &&
                            PyCallable_Check(PyTuple_GetItem(fns, 1)))) {
        PyErr_SetString(PyExc_ValueError, "functions argument of secondary axes must be a two-tuple of callable functions "
                                          "with the first function being the transform and the second being the inverse");
        return NULL;
    }
    npp_arena A;
    memset(&A, 0, sizeof A);
    nplot_secondary_opts o;
    memset(&o, 0, sizeof o);
    PyObject *res = NULL;
    if (npp_fill_opts(&A, kw_nplot_secondary_opts, &o, kwargs, which[0] == 'x' ? "secondary_xaxis" : "secondary_yaxis") == 0) {
        if (fns != Py_None) {
            o.forward = sec_forward;
            o.inverse = sec_inverse;
            o.ctx = fns;
        }
        nd_clear_error();
        nplot_axes *sec = which[0] == 'x' ? nplot_secondary_xaxis_(ax, &o) : nplot_secondary_yaxis_(ax, &o);
        res = npp_wrap_axes(sec);
        if (!res) npp_drop_warnings();
    }
    npp_arena_free(&A);
    return res;
}

/* position(ax) → (left, bottom, width, height) in figure fractions (draws the figure) */
static PyObject *f_position(PyObject *self, PyObject *cap)
{
    (void)self;
    nplot_axes *ax = PyCapsule_GetPointer(cap, AX_CAP);
    if (!ax) return NULL;
    double b[4];
    nd_status st;
    Py_BEGIN_ALLOW_THREADS st = nplot_axes_get_position(ax, b);
    Py_END_ALLOW_THREADS if (st != ND_OK) return npy_raise();
    return Py_BuildValue("dddd", b[0], b[1], b[2], b[3]);
}

/* rc_get(key) → (text, kind, value): kind 'b' bool, 'f' number, 'F' numbers, 's' text */
static PyObject *f_rc_get(PyObject *self, PyObject *key)
{
    (void)self;
    const char *k = PyUnicode_Check(key) ? PyUnicode_AsUTF8AndSize(key, NULL) : NULL;
    if (!k) {
        if (!PyErr_Occurred()) PyErr_SetString(PyExc_TypeError, "rcParams keys are str");
        return NULL;
    }
    char buf[4096];
    if (nplot_rc_get(k, buf, sizeof buf) != ND_OK) {
        PyErr_Format(PyExc_KeyError, "%s", nd_errmsg());
        nd_clear_error();
        return NULL;
    }
    bool b;
    double d[16];
    size_t n = 0;
    if (nplot_rc_get_bool(k, &b) == ND_OK) return Py_BuildValue("(sCO)", buf, 'b', b ? Py_True : Py_False);
    nd_clear_error();
    if (nplot_rc_get_floats(k, d, 16, &n) == ND_OK && n > 1) {
        PyObject *l = PyList_New((Py_ssize_t)n);
        for (size_t i = 0; l && i < n; i++) PyList_SetItem(l, (Py_ssize_t)i, PyFloat_FromDouble(d[i]));
        return l ? Py_BuildValue("(sCN)", buf, 'F', l) : NULL;
    }
    nd_clear_error();
    /* a number only when the text is one: 'medium' font sizes and savefig.dpi 'figure'
     * stay text, as matplotlib's rcParams hold them */
    char *end;
    double num = strtod(buf, &end);
    if (end != buf && *end == '\0') return Py_BuildValue("(sCd)", buf, 'f', num);
    nd_clear_error();
    return Py_BuildValue("(sCs)", buf, 's', buf);
}

/* rc_set(key, text) */
static PyObject *f_rc_set(PyObject *self, PyObject *args)
{
    (void)self;
    const char *k, *v;
    if (!PyArg_ParseTuple(args, "ss:rc_set", &k, &v)) return NULL;
    if (nplot_rc_set(k, v) != ND_OK) {
        /* matplotlib: KeyError for an unknown key, ValueError for a bad value */
        int unknown = strstr(nd_errmsg(), "not a valid rc parameter") != NULL || strstr(nd_errmsg(), "unknown") != NULL ||
                      strstr(nd_errmsg(), "does not use") != NULL;
        PyErr_SetString(unknown ? PyExc_KeyError : PyExc_ValueError, nd_errmsg());
        nd_clear_error();
        return NULL;
    }
    Py_RETURN_NONE;
}

static PyObject *f_rc_keys(PyObject *self, PyObject *unused)
{
    (void)self;
    (void)unused;
    PyObject *l = PyList_New(0);
    for (size_t i = 0; l; i++) {
        const char *k = nplot_rc_key(i);
        if (!k) break;
        PyObject *s = PyUnicode_FromString(k);
        if (!s || PyList_Append(l, s) < 0) Py_CLEAR(l);
        Py_XDECREF(s);
    }
    return l;
}

static PyObject *f_style_names(PyObject *self, PyObject *unused)
{
    (void)self;
    (void)unused;
    PyObject *l = PyList_New(0);
    for (size_t i = 0; l; i++) {
        const char *k = nplot_style_name(i);
        if (!k) break;
        PyObject *s = PyUnicode_FromString(k);
        if (!s || PyList_Append(l, s) < 0) Py_CLEAR(l);
        Py_XDECREF(s);
    }
    return l;
}

static PyObject *f_rc_defaults(PyObject *self, PyObject *unused)
{
    (void)self;
    (void)unused;
    nplot_rc_defaults();
    Py_RETURN_NONE;
}

static PyObject *f_prewarm(PyObject *self, PyObject *unused)
{
    (void)self;
    (void)unused;
    nplot_prewarm();
    Py_RETURN_NONE;
}

static PyObject *rc_status(nd_status st)
{
    if (st != ND_OK) return npy_raise();
    Py_RETURN_NONE;
}
static PyObject *f_rc_push(PyObject *s, PyObject *u) { (void)s; (void)u; return rc_status(nplot_rc_context_push()); }
static PyObject *f_rc_pop(PyObject *s, PyObject *u) { (void)s; (void)u; return rc_status(nplot_rc_context_pop()); }
static PyObject *f_rc_file(PyObject *self, PyObject *args)
{
    (void)self;
    const char *path;
    if (!PyArg_ParseTuple(args, "s:rc_file", &path)) return NULL;
    return rc_status(nplot_rc_file(path));
}
static PyObject *f_rc_text(PyObject *self, PyObject *args)
{
    (void)self;
    const char *text;
    if (!PyArg_ParseTuple(args, "s:rc_load_text", &text)) return NULL;
    return rc_status(nplot_rc_load_text(text));
}

static PyObject *f_pixel_size(PyObject *self, PyObject *cap)
{
    (void)self;
    nplot_figure *fig = PyCapsule_GetPointer(cap, FIG_CAP);
    int w, h;
    if (!fig) return NULL;
    if (nplot_figure_pixel_size(fig, &w, &h) != ND_OK) return npy_raise();
    return Py_BuildValue("ii", w, h);
}

/* to_array(fig) → (h, w, 4) uint8 RGBA (renders the figure) */
static PyObject *f_to_array(PyObject *self, PyObject *cap)
{
    (void)self;
    nplot_figure *fig = PyCapsule_GetPointer(cap, FIG_CAP);
    if (!fig) return NULL;
    nd_array *a;
    Py_BEGIN_ALLOW_THREADS a = nplot_figure_to_array(fig);
    Py_END_ALLOW_THREADS return npy_wrap(a);
}

/* limits(ax, which) → (lo, hi) of "x", "y" or "z" */
static PyObject *f_get_lim(PyObject *self, PyObject *args)
{
    (void)self;
    PyObject *cap;
    const char *which;
    if (!PyArg_ParseTuple(args, "Os", &cap, &which)) return NULL;
    nplot_axes *ax = PyCapsule_GetPointer(cap, AX_CAP);
    if (!ax) return NULL;
    double lo, hi;
    nd_status st = which[0] == 'x' ? nplot_get_xlim(ax, &lo, &hi)
                 : which[0] == 'y' ? nplot_get_ylim(ax, &lo, &hi)
                                   : nplot_get_zlim(ax, &lo, &hi);
    if (st != ND_OK) return npy_raise();
    return Py_BuildValue("dd", lo, hi);
}

/* ticks(ax, which) → (positions list, labels list) after drawing the figure */
static PyObject *f_get_ticks(PyObject *self, PyObject *args)
{
    (void)self;
    PyObject *cap;
    const char *which;
    if (!PyArg_ParseTuple(args, "Os", &cap, &which)) return NULL;
    nplot_axes *ax = PyCapsule_GetPointer(cap, AX_CAP);
    if (!ax) return NULL;
    int x = which[0] == 'x';
    double buf[256];
    int n = x ? nplot_get_xticks(ax, buf, 256) : nplot_get_yticks(ax, buf, 256);
    if (n < 0) return npy_raise();
    if (n > 256) n = 256;
    PyObject *pos = PyList_New(n), *lab = PyList_New(n);
    if (!pos || !lab) goto fail;
    for (int i = 0; i < n; i++) {
        const char *s = x ? nplot_get_xticklabel(ax, i) : nplot_get_yticklabel(ax, i);
        PyObject *p = PyFloat_FromDouble(buf[i]), *l = PyUnicode_FromString(s ? s : "");
        if (!p || !l) {
            Py_XDECREF(p);
            Py_XDECREF(l);
            goto fail;
        }
        PyList_SetItem(pos, i, p);
        PyList_SetItem(lab, i, l);
    }
    return Py_BuildValue("NN", pos, lab);
fail:
    Py_XDECREF(pos);
    Py_XDECREF(lab);
    return NULL;
}

/* contour_levels(ax) → the levels of the axes' last contour set */
static PyObject *f_contour_levels(PyObject *self, PyObject *cap)
{
    (void)self;
    nplot_axes *ax = PyCapsule_GetPointer(cap, AX_CAP);
    if (!ax) return NULL;
    double buf[512];
    int n = nplot_contour_levels(ax, buf, 512);
    return ticks_list(buf, n > 512 ? 512 : n);
}

/* status(fig) → (code, message): the figure's sticky status */
static PyObject *f_status(PyObject *self, PyObject *cap)
{
    (void)self;
    nplot_figure *fig = PyCapsule_GetPointer(cap, FIG_CAP);
    if (!fig) return NULL;
    return Py_BuildValue("is", (int)nplot_figure_status(fig), nplot_figure_errmsg(fig));
}

/* ---- colors, colormaps, norms, tick locators --------------------------------------------- */
static PyObject *rgba_tuple(nplot_rgba c)
{
    return Py_BuildValue("dddd", c.r, c.g, c.b, c.a);
}

static PyObject *f_color_parse(PyObject *self, PyObject *arg)
{
    (void)self;
    const char *s = PyUnicode_Check(arg) ? PyUnicode_AsUTF8AndSize(arg, NULL) : NULL;
    if (!s) {
        if (!PyErr_Occurred()) PyErr_SetString(PyExc_TypeError, "a color string is expected");
        return NULL;
    }
    nplot_rgba c;
    if (nplot_color_parse(s, &c) != ND_OK) return npy_raise();
    return rgba_tuple(c);
}

/* cmap_colors(name, values sequence) → list of RGBA tuples */
static PyObject *f_cmap_colors(PyObject *self, PyObject *args)
{
    (void)self;
    const char *name;
    PyObject *vals;
    if (!PyArg_ParseTuple(args, "zO", &name, &vals)) return NULL;
    PyObject *seq = PySequence_List(vals);
    if (!seq) return NULL;
    Py_ssize_t n = PyList_Size(seq);
    PyObject *out = PyList_New(n);
    for (Py_ssize_t i = 0; out && i < n; i++) {
        double v = PyFloat_AsDouble(PyList_GetItem(seq, i));
        nplot_rgba c;
        if (v == -1.0 && PyErr_Occurred()) {
            Py_CLEAR(out);
            break;
        }
        if (nplot_cmap_color(name, v, &c) != ND_OK) {
            Py_CLEAR(out);
            npy_raise();
            break;
        }
        PyObject *t = rgba_tuple(c);
        if (!t) {
            Py_CLEAR(out);
            break;
        }
        PyList_SetItem(out, i, t);
    }
    Py_DECREF(seq);
    return out;
}

static PyObject *f_colormaps(PyObject *self, PyObject *noargs)
{
    (void)self;
    (void)noargs;
    PyObject *l = PyList_New(0);
    const char *s;
    for (size_t i = 0; l && (s = nplot_colormap_builtin(i)); i++) {
        PyObject *u = PyUnicode_FromString(s);
        if (!u || PyList_Append(l, u) < 0) Py_CLEAR(l);
        Py_XDECREF(u);
    }
    return l;
}

/* register_listed(name, colors, n, under, over, bad): a ListedColormap / from_list map
 * (from_list when `values` is not None) registered under `name`. */
static PyObject *f_register_cmap(PyObject *self, PyObject *args)
{
    (void)self;
    const char *name, *under, *over, *bad;
    PyObject *colors, *values;
    int n, from_list;
    if (!PyArg_ParseTuple(args, "sOOipzzz", &name, &colors, &values, &n, &from_list, &under, &over, &bad))
        return NULL;
    npp_arena A;
    memset(&A, 0, sizeof A);
    nplot_colormap_opts o;
    memset(&o, 0, sizeof o);
    o.n = n;
    PyObject *res = NULL;
    nplot_colormap *cm = NULL;
    if (npp_get_strs(&A, colors, &o.colors, "colors") < 0) goto done;
    if (values != Py_None && npp_get_f64s(&A, values, &o.values) < 0) goto done;
    cm = from_list ? nplot_colormap_from_list_(name, &o) : nplot_colormap_listed_(name, &o);
    if (!cm || (under && nplot_colormap_set_under(cm, under) != ND_OK) ||
        (over && nplot_colormap_set_over(cm, over) != ND_OK) ||
        (bad && nplot_colormap_set_bad(cm, bad) != ND_OK) || nplot_colormap_register(cm, name) != ND_OK) {
        npy_raise();
        goto done;
    }
    res = Py_NewRef(Py_None);
done:
    nplot_colormap_free(cm);
    npp_arena_free(&A);
    return res;
}

/* norm_apply(norm_dict, values, inverse_t=None) → list of floats (norm(values), or
 * norm.inverse(t) autoscaled from values) */
static PyObject *f_norm_apply(PyObject *self, PyObject *args)
{
    (void)self;
    PyObject *nd, *vals, *tv = Py_None;
    if (!PyArg_ParseTuple(args, "O!O|O", &PyDict_Type, &nd, &vals, &tv)) return NULL;
    npp_arena A;
    memset(&A, 0, sizeof A);
    nplot_norm norm;
    memset(&norm, 0, sizeof norm);
    PyObject *res = NULL;
    nplot_f64s v, t = { 0, NULL };
    if (npp_fill_opts(&A, kw_nplot_norm, &norm, nd, "norm") < 0 || npp_get_f64s(&A, vals, &v) < 0) goto done;
    if (tv != Py_None && npp_get_f64s(&A, tv, &t) < 0) goto done;
    size_t n = tv == Py_None ? v.n : t.n;
    double *out = npp_arena_alloc(&A, n * sizeof(double));
    if (!out) goto done;
    nd_status st = tv == Py_None ? nplot_norm_apply(&norm, v.v, v.n, out)
                                 : nplot_norm_inverse(&norm, v.v, v.n, t.v, t.n, out);
    if (st != ND_OK) {
        npy_raise();
        goto done;
    }
    res = PyList_New((Py_ssize_t)n);
    for (size_t i = 0; res && i < n; i++) {
        PyObject *f = PyFloat_FromDouble(out[i]);
        if (!f) Py_CLEAR(res);
        else PyList_SetItem(res, (Py_ssize_t)i, f);
    }
done:
    npp_arena_free(&A);
    return res;
}

/* ticks_maxn(vmin, vmax, nbins) / ticks_log(vmin, vmax, base, numticks, minor) → list */
static PyObject *ticks_list(const double *b, int n)
{
    if (n < 0) return npy_raise();
    PyObject *l = PyList_New(n);
    for (int i = 0; l && i < n; i++) {
        PyObject *f = PyFloat_FromDouble(b[i]);
        if (!f) Py_CLEAR(l);
        else PyList_SetItem(l, i, f);
    }
    return l;
}

static PyObject *f_ticks_maxn(PyObject *self, PyObject *args)
{
    (void)self;
    double lo, hi, buf[512];
    int nbins;
    if (!PyArg_ParseTuple(args, "ddi", &lo, &hi, &nbins)) return NULL;
    int n = nplot_maxn_ticks(lo, hi, nbins, buf, 512);
    return ticks_list(buf, n > 512 ? 512 : n);
}

static PyObject *f_ticks_log(PyObject *self, PyObject *args)
{
    (void)self;
    double lo, hi, base, buf[512];
    int numticks, minor;
    if (!PyArg_ParseTuple(args, "dddip", &lo, &hi, &base, &numticks, &minor)) return NULL;
    int n = nplot_log_ticks(lo, hi, base, numticks, minor, buf, 512);
    return ticks_list(buf, n > 512 ? 512 : n);
}

static PyObject *f_imread(PyObject *self, PyObject *args)
{
    (void)self;
    const char *path;
    if (!PyArg_ParseTuple(args, "s", &path)) return NULL;
    return npy_wrap(nplot_imread(path));
}

static PyObject *f_compare_images(PyObject *self, PyObject *args)
{
    (void)self;
    const char *a, *b;
    double rms;
    if (!PyArg_ParseTuple(args, "ss", &a, &b)) return NULL;
    if (nplot_compare_images(a, b, &rms) != ND_OK) return npy_raise();
    return PyFloat_FromDouble(rms);
}

static PyMethodDef methods[] = {
    { "call", (PyCFunction)(void (*)(void))npp_call, METH_VARARGS | METH_KEYWORDS,
      "call(name, handle, *args, **options): one plot.h function; unknown keywords raise TypeError" },
    { "figure", (PyCFunction)(void (*)(void))f_figure_new, METH_VARARGS | METH_KEYWORDS,
      "figure(width=, height=, dpi=, facecolor=, style=) -> figure handle" },
    { "subplots", f_subplots, METH_VARARGS, "subplots(fig, nrows, ncols, sharex, sharey) -> [axes]" },
    { "gridspec", (PyCFunction)(void (*)(void))f_gridspec, METH_VARARGS | METH_KEYWORDS,
      "gridspec(fig, nrows, ncols, **opts) -> gridspec handle" },
    { "pixel_size", f_pixel_size, METH_O, "pixel_size(fig) -> (width, height)" },
    { "mosaic", (PyCFunction)(void (*)(void))f_mosaic, METH_VARARGS | METH_KEYWORDS,
      "mosaic(fig, layout, **mosaic_opts) -> [(label, axes)]" },
    { "subgridspec", (PyCFunction)(void (*)(void))f_subgridspec, METH_VARARGS | METH_KEYWORDS,
      "subgridspec(gs, spec, nrows, ncols, **gridspec_opts) -> gridspec" },
    { "secondary", (PyCFunction)(void (*)(void))f_secondary, METH_VARARGS | METH_KEYWORDS,
      "secondary(ax, 'x'|'y', (forward, inverse) or None, **secondary_opts) -> axes" },
    { "position", f_position, METH_O, "position(ax) -> (left, bottom, width, height)" },
    { "rc_get", f_rc_get, METH_O, "rc_get(key) -> (text, kind, value)" },
    { "rc_set", f_rc_set, METH_VARARGS, "rc_set(key, text)" },
    { "rc_keys", f_rc_keys, METH_NOARGS, "the rcParams keys numc has" },
    { "style_names", f_style_names, METH_NOARGS, "the style sheet names" },
    { "rc_defaults", f_rc_defaults, METH_NOARGS, "rcdefaults()" },
    { "prewarm", f_prewarm, METH_NOARGS, "load fonts on a background thread (nplot_prewarm)" },
    { "rc_push", f_rc_push, METH_NOARGS, "rc_context enter" },
    { "rc_pop", f_rc_pop, METH_NOARGS, "rc_context exit" },
    { "rc_file", f_rc_file, METH_VARARGS, "rc_file(path)" },
    { "rc_load_text", f_rc_text, METH_VARARGS, "rc_load_text(text)" },
    { "to_array", f_to_array, METH_O, "to_array(fig) -> (h, w, 4) uint8 RGBA numc.ndarray" },
    { "get_lim", f_get_lim, METH_VARARGS, "get_lim(ax, 'x'|'y'|'z') -> (lo, hi)" },
    { "get_ticks", f_get_ticks, METH_VARARGS, "get_ticks(ax, 'x'|'y') -> (positions, labels)" },
    { "contour_levels", f_contour_levels, METH_O, "contour_levels(ax) -> [float]" },
    { "status", f_status, METH_O, "status(fig) -> (code, message)" },
    { "color_parse", f_color_parse, METH_O, "color_parse(str) -> (r, g, b, a)" },
    { "cmap_colors", f_cmap_colors, METH_VARARGS, "cmap_colors(name, values) -> [(r, g, b, a)]" },
    { "colormaps", f_colormaps, METH_NOARGS, "the built-in colormap names" },
    { "register_cmap", f_register_cmap, METH_VARARGS,
      "register_cmap(name, colors, values, n, from_list, under, over, bad)" },
    { "norm_apply", f_norm_apply, METH_VARARGS, "norm_apply(norm_dict, values[, t]) -> [float]" },
    { "ticks_maxn", f_ticks_maxn, METH_VARARGS, "ticks_maxn(vmin, vmax, nbins) -> [float]" },
    { "ticks_log", f_ticks_log, METH_VARARGS, "ticks_log(vmin, vmax, base, numticks, minor) -> [float]" },
    { "imread", f_imread, METH_VARARGS, "imread(path) -> (h, w, 4) uint8" },
    { "compare_images", f_compare_images, METH_VARARGS, "compare_images(a, b) -> RMS" },
    { "keywords", npp_keywords, METH_O, "keywords(name) -> the keyword names of a function" },
    { "functions", npp_functions, METH_NOARGS, "the names call() knows" },
    { NULL, NULL, 0, NULL }
};

static struct PyModuleDef def = { PyModuleDef_HEAD_INIT, "numc._core._plot", NULL, -1, methods,
                                  NULL, NULL, NULL, NULL };

PyObject *numc_py_ns_plot(void) { return PyModule_Create(&def); }
