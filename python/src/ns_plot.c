/* numc._core._plot: libnumc_plot (include/numc/plot.h) for numc.pyplot.
 *
 * Table-driven: every plotting function is one row of `funcs` (its Python name, the kinds
 * of its positional arguments, a one-line wrapper and the keyword table of its options
 * struct). The keyword tables (ns_plot_kw.h) are generated from plot.h by
 * scripts/gen_py_plot_kw.py: { name, offset, kind }, so one loop (fill_opts) fills any
 * options struct from Python keyword arguments, and an unknown keyword is a TypeError
 * naming it. Handles are capsules: a figure owns its axes (freed with the capsule), an
 * axes or gridspec capsule is kept valid by numc.pyplot holding the figure. */
#include "numc_py.h"

#include <math.h>
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include <numc/plot.h>

enum { K_D = 1, K_I, K_TRI, K_B, K_U64, K_S, K_F64S, K_STRS, K_ARR, K_NORM, K_OUT, K_FN, K_AX,
       K_F64SS /* a list of float lists (violinplot's quantiles per dataset) */ };
typedef struct npp_kw {
    const char *name;
    size_t off;
    int kind;
    size_t ctx_off; /* K_FN: where the callback's ctx goes */
} npp_kw;
#include "ns_plot_kw.h"

static const char FIG_CAP[] = "numc.nplot_figure", AX_CAP[] = "numc.nplot_axes",
                  GS_CAP[] = "numc.nplot_gridspec", SF_CAP[] = "numc.nplot_subfigure";

/* ---- per-call storage: what the options point to, released after the call ------------- */
#define NPP_MAXA 64
typedef struct npp_arena {
    nd_array *arrs[NPP_MAXA];
    int narrs;
    void *mem[NPP_MAXA];
    int nmem;
    PyObject *objs[NPP_MAXA];
    int nobjs;
    size_t elems; /* data elements seen (decides GIL release) */
} npp_arena;

static void arena_free(npp_arena *A)
{
    for (int i = 0; i < A->narrs; i++) nd_free(A->arrs[i]);
    for (int i = 0; i < A->nmem; i++) PyMem_Free(A->mem[i]);
    for (int i = 0; i < A->nobjs; i++) Py_DECREF(A->objs[i]);
    A->narrs = A->nmem = A->nobjs = 0;
}

static void *arena_alloc(npp_arena *A, size_t n)
{
    if (A->nmem >= NPP_MAXA) {
        PyErr_SetString(PyExc_ValueError, "numc.pyplot: too many option values in one call");
        return NULL;
    }
    void *p = PyMem_Calloc(1, n ? n : 1);
    if (!p) return PyErr_NoMemory();
    A->mem[A->nmem++] = p;
    return p;
}

static int arena_keep(npp_arena *A, PyObject *o)
{
    if (A->nobjs >= NPP_MAXA) {
        Py_DECREF(o);
        PyErr_SetString(PyExc_ValueError, "numc.pyplot: too many option values in one call");
        return -1;
    }
    A->objs[A->nobjs++] = o;
    return 0;
}

static nd_array *arena_array(npp_arena *A, PyObject *o)
{
    if (A->narrs >= NPP_MAXA) {
        PyErr_SetString(PyExc_ValueError, "numc.pyplot: too many arrays in one call");
        return NULL;
    }
    nd_array *a = npy_as_nd(o, -1);
    if (!a) return NULL;
    A->arrs[A->narrs++] = a;
    A->elems += (size_t)nd_size(a);
    return a;
}

/* A color given as an (r, g, b[, a]) sequence of floats in [0, 1] → "#rrggbbaa". */
static const char *color_tuple(npp_arena *A, PyObject *o)
{
    if (!PyTuple_Check(o) && !PyList_Check(o)) return NULL;
    Py_ssize_t n = PySequence_Size(o);
    if (n != 3 && n != 4) return NULL;
    double c[4] = { 0, 0, 0, 1 };
    for (Py_ssize_t i = 0; i < n; i++) {
        PyObject *it = PySequence_GetItem(o, i);
        if (!it) return NULL;
        c[i] = PyFloat_AsDouble(it);
        Py_DECREF(it);
        if (c[i] == -1.0 && PyErr_Occurred()) {
            PyErr_Clear();
            return NULL;
        }
        if (!(c[i] >= 0 && c[i] <= 1)) return NULL;
    }
    char *buf = arena_alloc(A, 10);
    if (!buf) return NULL;
    snprintf(buf, 10, "#%02x%02x%02x%02x", (int)lround(c[0] * 255), (int)lround(c[1] * 255),
             (int)lround(c[2] * 255), (int)lround(c[3] * 255));
    return buf;
}

/* A string option: str, or a color tuple (colors are the only non-str strings). */
static int get_str(npp_arena *A, PyObject *v, const char **out, const char *what)
{
    if (PyUnicode_Check(v)) {
        *out = PyUnicode_AsUTF8AndSize(v, NULL);
        return *out ? 0 : -1;
    }
    const char *c = color_tuple(A, v);
    if (c) {
        *out = c;
        return 0;
    }
    if (PyErr_Occurred()) return -1;
    PyErr_Format(PyExc_TypeError, "%s must be a string, not %s", what, Py_TYPE(v) == NULL ? "?" : "another type");
    return -1;
}

static int get_f64s(npp_arena *A, PyObject *v, nplot_f64s *out)
{
    if (PyFloat_Check(v) || PyLong_Check(v)) {
        double *d = arena_alloc(A, sizeof(double));
        if (!d) return -1;
        d[0] = PyFloat_AsDouble(v);
        *out = (nplot_f64s){ 1, d };
        return PyErr_Occurred() ? -1 : 0;
    }
    nd_array *a = npy_as_nd(v, ND_FLOAT64);
    if (!a) return -1;
    size_t n = (size_t)nd_size(a);
    double *d = arena_alloc(A, n * sizeof(double));
    if (!d) {
        nd_free(a);
        return -1;
    }
    nd_array *c = nd_ascontiguousarray(a);
    nd_free(a);
    if (!c) return npy_raise() ? -1 : -1;
    if (n) memcpy(d, nd_data(c), n * sizeof(double));
    nd_free(c);
    *out = (nplot_f64s){ n, d };
    return 0;
}

static int get_strs(npp_arena *A, PyObject *v, nplot_strs *out, const char *what)
{
    if (PyUnicode_Check(v)) {
        const char **s = arena_alloc(A, sizeof(char *));
        if (!s || get_str(A, v, &s[0], what) < 0) return -1;
        *out = (nplot_strs){ 1, s };
        return 0;
    }
    PyObject *seq = PySequence_List(v);
    if (!seq) return -1;
    if (arena_keep(A, seq) < 0) return -1;
    Py_ssize_t n = PyList_Size(seq);
    const char **s = arena_alloc(A, (size_t)n * sizeof(char *));
    if (!s) return -1;
    for (Py_ssize_t i = 0; i < n; i++) {
        PyObject *it = PyList_GetItem(seq, i);
        if (!PyUnicode_Check(it) && !PyTuple_Check(it) && !PyList_Check(it)) {
            PyObject *st = PyObject_Str(it); /* labels may be numbers */
            if (!st || arena_keep(A, st) < 0) return -1;
            it = st;
        }
        if (get_str(A, it, &s[i], what) < 0) return -1;
    }
    *out = (nplot_strs){ (size_t)n, s };
    return 0;
}

/* nplot_tick_format_fn calling a Python callable fn(value, index) → str. */
static size_t fmt_trampoline(double value, int index, char *buf, size_t cap, void *ctx)
{
    PyGILState_STATE g = PyGILState_Ensure();
    size_t len = 0;
    PyObject *r = PyObject_CallFunction((PyObject *)ctx, "di", value, index);
    PyObject *s = r ? PyObject_Str(r) : NULL;
    Py_XDECREF(r);
    const char *u = s ? PyUnicode_AsUTF8AndSize(s, NULL) : NULL;
    if (u) {
        len = strlen(u);
        if (cap) snprintf(buf, cap, "%s", u);
    } else {
        PyErr_WriteUnraisable((PyObject *)ctx);
        if (cap) buf[0] = '\0';
    }
    Py_XDECREF(s);
    PyGILState_Release(g);
    return len;
}

static const npp_kw *kw_find(const npp_kw *t, const char *name)
{
    for (; t && t->name; t++)
        if (t->kind != K_OUT && strcmp(t->name, name) == 0) return t;
    return NULL;
}

static int fill_opts(npp_arena *A, const npp_kw *table, void *opts, PyObject *kwargs,
                     const char *fname);

/* One keyword value into its field. None leaves the default. */
static int set_field(npp_arena *A, const npp_kw *k, char *base, PyObject *v, const char *fname)
{
    char *f = base + k->off;
    if (v == Py_None) return 0;
    switch (k->kind) {
    case K_D: {
        double d = PyFloat_AsDouble(v);
        if (d == -1.0 && PyErr_Occurred()) goto type_error;
        if (d == 0.0) d = NPLOT_ZERO; /* an explicit 0 is not "the default" */
        memcpy(f, &d, sizeof d);
        return 0;
    }
    case K_I: case K_TRI: {
        int bval = PyBool_Check(v);
        long l = PyLong_AsLong(v);
        if (l == -1 && PyErr_Occurred()) {
            PyErr_Clear();
            double d = PyFloat_AsDouble(v);
            if (PyErr_Occurred() || d != floor(d)) goto type_error;
            l = (long)d;
        }
        if (k->kind == K_TRI) l = bval ? (l ? NPLOT_ON : NPLOT_OFF) : (l == 0 ? NPLOT_OFF : l);
        int i = (int)l;
        memcpy(f, &i, sizeof i);
        return 0;
    }
    case K_B: {
        int t = PyObject_IsTrue(v);
        if (t < 0) return -1;
        bool b = t;
        memcpy(f, &b, sizeof b);
        return 0;
    }
    case K_U64: {
        unsigned long long u = PyLong_AsUnsignedLongLong(v);
        if (PyErr_Occurred()) goto type_error;
        uint64_t x = u;
        memcpy(f, &x, sizeof x);
        return 0;
    }
    case K_S: {
        const char *s;
        if (get_str(A, v, &s, k->name) < 0) return -1;
        memcpy(f, &s, sizeof s);
        return 0;
    }
    case K_F64S: {
        nplot_f64s x;
        if (get_f64s(A, v, &x) < 0) return -1;
        memcpy(f, &x, sizeof x);
        return 0;
    }
    case K_F64SS: {
        PyObject *seq = PySequence_List(v);
        if (!seq) goto type_error;
        if (arena_keep(A, seq) < 0) return -1;
        Py_ssize_t n = PyList_Size(seq);
        nplot_f64s *lists = arena_alloc(A, (size_t)n * sizeof *lists);
        if (!lists) return -1;
        for (Py_ssize_t i = 0; i < n; i++)
            if (get_f64s(A, PyList_GetItem(seq, i), &lists[i]) < 0) return -1;
        const nplot_f64s *cl = lists;
        memcpy(f, &cl, sizeof cl);
        return 0;
    }
    case K_STRS: {
        nplot_strs x;
        if (get_strs(A, v, &x, k->name) < 0) return -1;
        memcpy(f, &x, sizeof x);
        return 0;
    }
    case K_ARR: {
        const nd_array *a = arena_array(A, v);
        if (!a) return -1;
        memcpy(f, &a, sizeof a);
        return 0;
    }
    case K_NORM: {
        /* a dict of nplot_norm fields, or an object with one as `_nplot` (numc.mpl.colors) */
        PyObject *d = PyDict_Check(v) ? (Py_INCREF(v), v) : PyObject_GetAttrString(v, "_nplot");
        if (!d) goto type_error;
        if (arena_keep(A, d) < 0) return -1;
        if (!PyDict_Check(d)) goto type_error;
        nplot_norm *n = arena_alloc(A, sizeof *n);
        if (!n || fill_opts(A, kw_nplot_norm, n, d, "norm") < 0) return -1;
        const nplot_norm *cn = n;
        memcpy(f, &cn, sizeof cn);
        return 0;
    }
    case K_FN: {
        if (!PyCallable_Check(v)) goto type_error;
        nplot_tick_format_fn fn = fmt_trampoline;
        void *ctx = v; /* numc.pyplot keeps the callable alive with the figure */
        memcpy(f, &fn, sizeof fn);
        memcpy(base + k->ctx_off, &ctx, sizeof ctx);
        return 0;
    }
    case K_AX: {
        nplot_axes *ax = PyCapsule_GetPointer(v, AX_CAP);
        if (!ax) return -1;
        memcpy(f, &ax, sizeof ax);
        return 0;
    }
    default: break;
    }
type_error:
    PyErr_Clear();
    PyErr_Format(PyExc_TypeError, "%s(): invalid value for keyword argument '%s'", fname, k->name);
    return -1;
}

static int fill_opts(npp_arena *A, const npp_kw *table, void *opts, PyObject *kwargs,
                     const char *fname)
{
    if (!kwargs) return 0;
    PyObject *key, *val;
    Py_ssize_t pos = 0;
    while (PyDict_Next(kwargs, &pos, &key, &val)) {
        const char *name = PyUnicode_AsUTF8AndSize(key, NULL);
        if (!name) return -1;
        const npp_kw *k = kw_find(table, name);
        if (!k) {
            PyErr_Format(PyExc_TypeError, "%s() got an unexpected keyword argument '%s'", fname, name);
            return -1;
        }
        if (set_field(A, k, opts, val, fname) < 0) return -1;
    }
    return 0;
}

/* ---- the function table ------------------------------------------------------------------ */
/* Positional arguments after the handle, by sig character:
 *   A array-like (None → NULL)   d float (None → NaN)   i int   s str (None → NULL)
 *   T sequence of floats (pointer + count)   L sequence of strings (pointer + count)
 *   b bool
 * Handles (first char): f figure, a axes, g gridspec, S subfigure, - none. */
#define NPP_MANY 64
typedef struct npp_args {
    nplot_figure *fig;
    nplot_axes *ax;
    nplot_gridspec *gs;
    nplot_subfigure *sf;
    const nd_array *a[6];
    double d[5];
    int i[4];
    const char *s[3];
    nplot_f64s t;
    nplot_strs l;
    bool b;
    /* results */
    nd_status st;
    nplot_axes *rax;
    nplot_subfigure *rsf;         /* ret 'S' */
    nplot_gridspec *rgs;          /* ret 'g' */
    void *many[NPP_MANY];         /* ret 'M' (subfigures) / 'X' (axes): i[0] * i[1] of them */
} npp_args;
typedef void (*npp_wrap)(npp_args *x, const void *o);

#define W(name, call) \
    static void w_##name(npp_args *x, const void *o) { (void)o; call; }
#define O(T) ((const T *)o)

/* plotting on an axes */
W(plot, x->st = nplot_plot_(x->ax, x->a[0], x->a[1], O(nplot_line_opts)))
W(step, x->st = nplot_step_(x->ax, x->a[0], x->a[1], O(nplot_line_opts)))
W(scatter, x->st = nplot_scatter_(x->ax, x->a[0], x->a[1], O(nplot_scatter_opts)))
W(fill, x->st = nplot_fill_(x->ax, x->a[0], x->a[1], O(nplot_fill_opts)))
W(errorbar, x->st = nplot_errorbar_(x->ax, x->a[0], x->a[1], O(nplot_errorbar_opts)))
W(stem, x->st = nplot_stem_(x->ax, x->a[0], x->a[1], O(nplot_stem_opts)))
W(bar, x->st = nplot_bar_(x->ax, x->a[0], x->a[1], O(nplot_bar_opts)))
W(barh, x->st = nplot_barh_(x->ax, x->a[0], x->a[1], O(nplot_bar_opts)))
W(bar_cat, x->st = nplot_bar_cat_(x->ax, x->l.v, x->t.v, x->t.n < x->l.n ? x->t.n : x->l.n, O(nplot_bar_opts)))
W(barh_cat, x->st = nplot_barh_cat_(x->ax, x->l.v, x->t.v, x->t.n < x->l.n ? x->t.n : x->l.n, O(nplot_bar_opts)))
W(hexbin, x->st = nplot_hexbin_(x->ax, x->a[0], x->a[1], O(nplot_hexbin_opts)))
W(hist2d, x->st = nplot_hist2d_(x->ax, x->a[0], x->a[1], O(nplot_hist2d_opts)))
W(quiver, x->st = nplot_quiver_(x->ax, x->a[0], x->a[1], O(nplot_quiver_opts)))
W(barbs, x->st = nplot_barbs_(x->ax, x->a[0], x->a[1], O(nplot_barbs_opts)))
W(stackplot, x->st = nplot_stackplot_(x->ax, x->a[0], x->a[1], O(nplot_stackplot_opts)))
W(hist, x->st = nplot_hist_(x->ax, x->a[0], O(nplot_hist_opts)))
W(imshow, x->st = nplot_imshow_(x->ax, x->a[0], O(nplot_imshow_opts)))
W(matshow, x->st = nplot_matshow_(x->ax, x->a[0], O(nplot_imshow_opts)))
W(pie, x->st = nplot_pie_(x->ax, x->a[0], O(nplot_pie_opts)))
W(boxplot, x->st = nplot_boxplot_(x->ax, x->a[0], O(nplot_boxplot_opts)))
W(violinplot, x->st = nplot_violinplot_(x->ax, x->a[0], O(nplot_violin_opts)))
W(pcolormesh, x->st = nplot_pcolormesh_(x->ax, x->a[0], O(nplot_pcolormesh_opts)))
W(stairs, x->st = nplot_stairs_(x->ax, x->a[0], O(nplot_stairs_opts)))
W(ecdf, x->st = nplot_ecdf_(x->ax, x->a[0], O(nplot_ecdf_opts)))
W(eventplot, x->st = nplot_eventplot_(x->ax, x->a[0], O(nplot_eventplot_opts)))
W(fill_between, x->st = nplot_fill_between_(x->ax, x->a[0], x->a[1], x->a[2], O(nplot_fill_opts)))
W(fill_betweenx, x->st = nplot_fill_betweenx_(x->ax, x->a[0], x->a[1], x->a[2], O(nplot_fill_opts)))
W(contour, x->st = nplot_contour_(x->ax, x->a[0], x->a[1], x->a[2], O(nplot_contour_opts)))
W(contourf, x->st = nplot_contourf_(x->ax, x->a[0], x->a[1], x->a[2], O(nplot_contour_opts)))
W(contour3d, x->st = nplot_contour3d_(x->ax, x->a[0], x->a[1], x->a[2], O(nplot_contour_opts)))
W(contourf3d, x->st = nplot_contourf3d_(x->ax, x->a[0], x->a[1], x->a[2], O(nplot_contour_opts)))
W(plot_surface, x->st = nplot_plot_surface_(x->ax, x->a[0], x->a[1], x->a[2], O(nplot_surface_opts)))
W(plot_wireframe, x->st = nplot_plot_wireframe_(x->ax, x->a[0], x->a[1], x->a[2], O(nplot_surface_opts)))
W(plot3d, x->st = nplot_plot3d_(x->ax, x->a[0], x->a[1], x->a[2], O(nplot_line_opts)))
W(scatter3d, x->st = nplot_scatter3d_(x->ax, x->a[0], x->a[1], x->a[2], O(nplot_scatter_opts)))
W(hlines, x->st = nplot_hlines_(x->ax, x->a[0], x->a[1], x->a[2], O(nplot_lines_opts)))
W(vlines, x->st = nplot_vlines_(x->ax, x->a[0], x->a[1], x->a[2], O(nplot_lines_opts)))
W(streamplot, x->st = nplot_streamplot_(x->ax, x->a[0], x->a[1], x->a[2], x->a[3], O(nplot_streamplot_opts)))
W(broken_barh, x->st = nplot_broken_barh_(x->ax, x->a[0], x->d[0], x->d[1], O(nplot_broken_barh_opts)))
/* text and decorations */
W(set_title, x->st = nplot_set_title_(x->ax, x->s[0], O(nplot_text_opts)))
W(set_xlabel, x->st = nplot_set_xlabel_(x->ax, x->s[0], O(nplot_text_opts)))
W(set_ylabel, x->st = nplot_set_ylabel_(x->ax, x->s[0], O(nplot_text_opts)))
W(set_zlabel, x->st = nplot_set_zlabel_(x->ax, x->s[0], O(nplot_text_opts)))
W(set_xscale, x->st = nplot_set_xscale_(x->ax, x->s[0], O(nplot_scale_opts)))
W(set_yscale, x->st = nplot_set_yscale_(x->ax, x->s[0], O(nplot_scale_opts)))
W(text, x->st = nplot_text_(x->ax, x->d[0], x->d[1], x->s[0], O(nplot_text_opts)))
W(annotate, x->st = nplot_annotate_(x->ax, x->s[0], x->d[0], x->d[1], O(nplot_annotate_opts)))
W(legend, x->st = nplot_legend_(x->ax, O(nplot_legend_opts)))
/* figure labels and legends, sharing with any axes (plot.h "subplot mosaic, sharing ...") */
W(supxlabel, x->st = nplot_supxlabel_(x->fig, x->s[0], O(nplot_text_opts)))
W(supylabel, x->st = nplot_supylabel_(x->fig, x->s[0], O(nplot_text_opts)))
W(fig_legend, x->st = nplot_fig_legend_(x->fig, O(nplot_legend_opts)))
W(legend_add_artist, x->st = nplot_legend_add_artist(x->ax))
W(sharex, x->st = nplot_sharex(x->ax, O(nplot_add_subplot_opts)->sharex))
W(sharey, x->st = nplot_sharey(x->ax, O(nplot_add_subplot_opts)->sharey))
W(add_subplot_share, x->rax = nplot_add_subplot_(x->fig, x->i[0], x->i[1], x->i[2], O(nplot_add_subplot_opts)))
W(gridspec_add_subplot, x->rax = nplot_gridspec_add_subplot_(x->gs, x->s[0], O(nplot_add_subplot_opts)))
W(grid, x->st = nplot_grid_(x->ax, O(nplot_grid_opts)))
W(tick_params, x->st = nplot_tick_params_(x->ax, O(nplot_tick_params)))
W(clabel, x->st = nplot_clabel_(x->ax, O(nplot_clabel_opts)))
W(set_xformatter, x->st = nplot_set_xformatter_(x->ax, O(nplot_formatter_opts)))
W(set_yformatter, x->st = nplot_set_yformatter_(x->ax, O(nplot_formatter_opts)))
W(colorbar, x->rax = nplot_colorbar_(x->ax, O(nplot_colorbar_opts)))
W(axhline, x->st = nplot_axhline_(x->ax, x->d[0], O(nplot_refline_opts)))
W(axvline, x->st = nplot_axvline_(x->ax, x->d[0], O(nplot_refline_opts)))
W(axhspan, x->st = nplot_axhspan_(x->ax, x->d[0], x->d[1], O(nplot_refline_opts)))
W(axvspan, x->st = nplot_axvspan_(x->ax, x->d[0], x->d[1], O(nplot_refline_opts)))
W(axline, x->st = nplot_axline_(x->ax, x->d[0], x->d[1], x->d[2], x->d[3], O(nplot_axline_opts)))
W(axline_slope, x->st = nplot_axline_slope_(x->ax, x->d[0], x->d[1], x->d[2], O(nplot_axline_opts)))
W(quiverkey, x->st = nplot_quiverkey_(x->ax, x->d[0], x->d[1], x->d[2], x->s[0], O(nplot_quiverkey_opts)))
W(set_xticks, x->st = nplot_set_xticks_(x->ax, x->t.v, (int)x->t.n, O(nplot_ticks_opts)))
W(set_yticks, x->st = nplot_set_yticks_(x->ax, x->t.v, (int)x->t.n, O(nplot_ticks_opts)))
W(set_xticklabels, x->st = nplot_set_xticklabels_(x->ax, x->l.v, (int)x->l.n, O(nplot_ticks_opts)))
W(set_yticklabels, x->st = nplot_set_yticklabels_(x->ax, x->l.v, (int)x->l.n, O(nplot_ticks_opts)))
/* axes state without options */
W(set_xlim, x->st = nplot_set_xlim(x->ax, x->d[0], x->d[1]))
W(set_ylim, x->st = nplot_set_ylim(x->ax, x->d[0], x->d[1]))
W(set_zlim, x->st = nplot_set_zlim(x->ax, x->d[0], x->d[1]))
W(margins, x->st = nplot_margins(x->ax, x->d[0], x->d[1]))
W(view_init, x->st = nplot_view_init(x->ax, x->d[0], x->d[1]))
W(invert_xaxis, x->st = nplot_invert_xaxis(x->ax))
W(invert_yaxis, x->st = nplot_invert_yaxis(x->ax))
W(minorticks_on, x->st = nplot_minorticks_on(x->ax))
W(minorticks_off, x->st = nplot_minorticks_off(x->ax))
W(axis, x->st = nplot_axis(x->ax, x->s[0]))
W(set_facecolor, x->st = nplot_set_facecolor(x->ax, x->s[0]))
W(set_aspect, x->st = nplot_set_aspect(x->ax, x->d[0]))
W(spines_set_visible, x->st = nplot_spines_set_visible(x->ax, x->s[0], x->b))
W(twinx, x->rax = nplot_twinx(x->ax))
W(twiny, x->rax = nplot_twiny(x->ax))
/* figures */
W(subplot, x->rax = nplot_subplot(x->fig, x->i[0], x->i[1], x->i[2]))
W(subplot_3d, x->rax = nplot_subplot_3d(x->fig, x->i[0], x->i[1], x->i[2]))
W(add_axes, x->rax = nplot_add_axes(x->fig, x->d[0], x->d[1], x->d[2], x->d[3]))
W(gridspec_subplot, x->rax = nplot_gridspec_subplot(x->gs, x->s[0]))
W(tight_layout, x->st = nplot_tight_layout_(x->fig, O(nplot_tight_opts)))
W(subplots_adjust, x->st = nplot_subplots_adjust_(x->fig, O(nplot_adjust_opts)))
W(suptitle, x->st = nplot_suptitle_(x->fig, x->s[0], O(nplot_text_opts)))
W(fig_text, x->st = nplot_fig_text_(x->fig, x->d[0], x->d[1], x->s[0], O(nplot_text_opts)))
W(savefig, x->st = nplot_savefig_(x->fig, x->s[0], O(nplot_save_opts)))
W(set_size_inches, x->st = nplot_figure_set_size_inches(x->fig, x->d[0], x->d[1]))
W(set_dpi, x->st = nplot_figure_set_dpi(x->fig, x->d[0]))
W(set_layout_engine, x->st = nplot_figure_set_layout_engine(x->fig, x->s[0]))
W(set_constrained_layout_pads,
  x->st = nplot_figure_set_constrained_layout_pads(x->fig, x->d[0], x->d[1], x->d[2], x->d[3]))
W(figure_draw, x->st = nplot_figure_draw(x->fig))
W(style_use, x->st = nplot_style_use(x->s[0]))

/* numc.pyplot's spectral plots, 3-D bars / quivers / projection state, path effects and
 * sketch (python/numc/_pyplot_pyspec.py) */
W(psd, x->st = nplot_psd_(x->ax, x->a[0], O(nplot_spectral_opts)))
W(csd, x->st = nplot_csd_(x->ax, x->a[0], x->a[1], O(nplot_spectral_opts)))
W(cohere, x->st = nplot_cohere_(x->ax, x->a[0], x->a[1], O(nplot_spectral_opts)))
W(specgram, x->st = nplot_specgram_(x->ax, x->a[0], O(nplot_spectral_opts)))
W(magnitude_spectrum, x->st = nplot_magnitude_spectrum_(x->ax, x->a[0], O(nplot_spectral_opts)))
W(angle_spectrum, x->st = nplot_angle_spectrum_(x->ax, x->a[0], O(nplot_spectral_opts)))
W(phase_spectrum, x->st = nplot_phase_spectrum_(x->ax, x->a[0], O(nplot_spectral_opts)))
W(xcorr, x->st = nplot_xcorr_(x->ax, x->a[0], x->a[1], O(nplot_xcorr_opts)))
W(acorr, x->st = nplot_acorr_(x->ax, x->a[0], O(nplot_xcorr_opts)))
W(spy, x->st = nplot_spy_(x->ax, x->a[0], O(nplot_spy_opts)))
W(bar3d, x->st = nplot_bar3d_(x->ax, x->a[0], x->a[1], x->a[2], x->a[3], x->a[4], x->a[5], O(nplot_bar3d_opts)))
W(quiver3d, x->st = nplot_quiver3d_(x->ax, x->a[0], x->a[1], x->a[2], x->a[3], x->a[4], x->a[5], O(nplot_quiver3d_opts)))
W(set_proj_type, x->st = nplot_set_proj_type(x->ax, x->s[0], x->d[0]))
W(set_box_aspect3d, x->st = nplot_set_box_aspect3d(x->ax, x->d[0], x->d[1], x->d[2], x->d[3]))
W(view_init_roll, x->st = nplot_view_init_roll(x->ax, x->d[0], x->d[1], x->d[2]))
W(invert_zaxis, x->st = nplot_invert_zaxis(x->ax))
W(set_zbound, x->st = nplot_set_zbound(x->ax, x->d[0], x->d[1]))
W(set_zmargin, x->st = nplot_set_zmargin(x->ax, x->d[0]))

/* issue 21's Python names: artists after the fact (by index on their axes), tables, imsave,
 * date axes, subfigures */
static nplot_artist *art_at(npp_args *x) { return nplot_get_artist(x->ax, x->i[0]); }
#define ART(call) { nplot_artist *a_ = art_at(x); x->st = a_ ? (call) : nd_last_error(); }
static const double *f64_data(const nd_array *a)
{
    return a && nd_dtype_of(a) == ND_FLOAT64 && nd_is_c_contiguous(a) ? nd_data(a) : NULL;
}
static void w_artist_set_data(npp_args *x, const void *o)
{
    (void)o;
    nplot_artist *a = art_at(x);
    if (!a) {
        x->st = nd_last_error();
        return;
    }
    const nd_array *ax = x->a[0], *ay = x->a[1];
    size_t n = (size_t)(ax ? nd_size(ax) : ay ? nd_size(ay) : 0);
    const double *px = f64_data(ax), *py = f64_data(ay);
    if ((ax && !px) || (ay && !py) || (ax && ay && nd_size(ay) != (ptrdiff_t)n)) n = (size_t)-1; /* refused below */
    x->st = nplot_artist_set_data(a, px, py, n == (size_t)-1 ? 0 : n);
}
W(artist_set_color, ART(nplot_artist_set_color(a_, x->s[0])))
W(artist_set_linewidth, ART(nplot_artist_set_linewidth(a_, x->d[0])))
W(artist_set_alpha, ART(nplot_artist_set_alpha(a_, x->d[0])))
W(artist_set_visible, ART(nplot_artist_set_visible(a_, x->b)))
W(artist_set_zorder, ART(nplot_artist_set_zorder(a_, x->d[0])))
W(artist_set_label, ART(nplot_artist_set_label(a_, x->s[0])))
W(artist_set_text, ART(nplot_artist_set_text(a_, x->s[0])))
W(artist_set_sketch_params, ART(nplot_artist_set_sketch_params(a_, x->d[0], x->d[1], x->d[2])))
/* path effects: T holds 9 numbers per effect (kind, linewidth, alpha, rho, offset x, offset y,
 * spacing, angle, length), L one foreground per effect ("" for none) */
static void w_artist_set_path_effects(npp_args *x, const void *o)
{
    (void)o;
    nplot_path_effect fx[8];
    size_t n = x->t.n / 9;
    if (n > 8 || x->t.n % 9 || x->l.n != n) {
        x->st = nd_set_error(ND_EVALUE, "set_path_effects: at most 8 effects, got %zu", n);
        return;
    }
    for (size_t i = 0; i < n; i++) {
        const double *v = x->t.v + 9 * i;
        fx[i] = (nplot_path_effect){ .kind = (nplot_effect_kind)(int)v[0], .linewidth = v[1],
                                     .foreground = x->l.v[i][0] ? x->l.v[i] : NULL,
                                     .alpha = v[2], .rho = v[3], .offset = { v[4], v[5] },
                                     .spacing = v[6], .angle = v[7], .length = v[8] };
    }
    ART(nplot_artist_set_path_effects(a_, fx, n));
}
W(artist_remove, ART(nplot_artist_remove(a_)))
W(relim, x->st = nplot_relim(x->ax))
W(cla, x->st = nplot_cla(x->ax))
W(fig_delaxes, x->st = nplot_fig_delaxes(x->fig, x->ax))
W(table, x->st = nplot_table_(x->ax, x->i[0], x->i[1], O(nplot_table_opts)))
W(imsave, x->st = nplot_imsave_(x->s[0], x->a[0], O(nplot_imsave_opts)))
W(axis_date, x->st = nplot_axis_date(x->ax, x->s[0]))
W(set_date_formatter, x->st = nplot_set_date_formatter(x->ax, x->s[0], x->s[1]))
W(set_xlim_dates, x->st = nplot_set_xlim_dates(x->ax, x->s[0], x->s[1]))
W(set_ylim_dates, x->st = nplot_set_ylim_dates(x->ax, x->s[0], x->s[1]))
static bool many_ok(npp_args *x)
{
    return x->i[0] >= 1 && x->i[1] >= 1 && x->i[0] <= NPP_MANY / x->i[1];
}
/* more than NPP_MANY results: numc.pyplot refuses those first; a direct call gets the
 * library's ND_EVALUE for a NULL figure instead of writing past x->many */
#define MANY(call) { x->st = many_ok(x) ? (call) : (nplot_subfigures_(NULL, 0, 0, NULL, NULL)); }
W(subfigures, MANY(nplot_subfigures_(x->fig, x->i[0], x->i[1], (nplot_subfigure **)x->many, O(nplot_subfigure_opts))))
W(subfig_subfigures, MANY(nplot_subfig_subfigures_(x->sf, x->i[0], x->i[1], (nplot_subfigure **)x->many, O(nplot_subfigure_opts))))
W(subfig_subplots, MANY(nplot_subfig_subplots_(x->sf, x->i[0], x->i[1], (nplot_axes **)x->many, O(nplot_subplots_opts))))
W(add_subfigure, x->rsf = nplot_add_subfigure_(x->gs, x->s[0], O(nplot_subfigure_opts)))
W(subfig_add_subplot, x->rax = nplot_subfig_add_subplot(x->sf, x->i[0], x->i[1], x->i[2]))
W(subfig_suptitle, x->st = nplot_subfig_suptitle_(x->sf, x->s[0], O(nplot_text_opts)))
W(subfig_supxlabel, x->st = nplot_subfig_supxlabel_(x->sf, x->s[0], O(nplot_text_opts)))
W(subfig_supylabel, x->st = nplot_subfig_supylabel_(x->sf, x->s[0], O(nplot_text_opts)))
W(subfig_set_facecolor, x->st = nplot_subfig_set_facecolor(x->sf, x->s[0]))
W(subfig_set_edgecolor, x->st = nplot_subfig_set_edgecolor(x->sf, x->s[0]))
W(subfig_set_linewidth, x->st = nplot_subfig_set_linewidth(x->sf, x->d[0]))
W(subfig_set_frameon, x->st = nplot_subfig_set_frameon(x->sf, x->b))
W(subfig_subplots_adjust, x->st = nplot_subfig_subplots_adjust_(x->sf, O(nplot_adjust_opts)))
/* savefig(metadata=dict): the pairs as a NULL-terminated list (at most 32 pairs) */
static void w_savefig_meta(npp_args *x, const void *o)
{
    const char *md[NPP_MANY + 1];
    size_t n = x->l.n < NPP_MANY ? x->l.n : NPP_MANY;
    for (size_t i = 0; i < n; i++) md[i] = x->l.v[i];
    md[n] = NULL;
    nplot_save_opts so = *O(nplot_save_opts);
    so.metadata = md;
    x->st = nplot_savefig_(x->fig, x->s[0], &so);
}
/* numc.pyplot's names for the triangulation plots, z ticks, polar grids and indicate_inset
 * (numc/_pyplot_pynames.py): a[0..3] are x, y, triangles, mask (None: Delaunay, none) */
static void tri_call(npp_args *x, const void *o, int which)
{
    nplot_triangulation *t = nplot_triangulation_new(x->a[0], x->a[1], x->a[2], x->a[3]);
    if (!t) {
        x->st = nd_last_error();
        return;
    }
    switch (which) {
    case 0: x->st = nplot_triplot_(x->ax, t, O(nplot_line_opts)); break;
    case 1: x->st = nplot_tripcolor_(x->ax, t, x->a[4], O(nplot_tripcolor_opts)); break;
    case 2: x->st = nplot_tricontour_(x->ax, t, x->a[4], O(nplot_tricontour_opts)); break;
    case 3: x->st = nplot_tricontourf_(x->ax, t, x->a[4], O(nplot_tricontour_opts)); break;
    default: x->st = nplot_plot_trisurf_(x->ax, t, x->a[4], O(nplot_trisurf_opts)); break;
    }
    nplot_triangulation_free(t);
}
W(triplot, tri_call(x, o, 0))
W(tripcolor, tri_call(x, o, 1))
W(tricontour, tri_call(x, o, 2))
W(tricontourf, tri_call(x, o, 3))
W(plot_trisurf, tri_call(x, o, 4))
W(set_zticks, x->st = nplot_set_zticks_(x->ax, x->t.v, (int)x->t.n, O(nplot_ticks_opts)))
W(set_zticklabels, x->st = nplot_set_zticklabels_(x->ax, x->l.v, (int)x->l.n, O(nplot_ticks_opts)))
W(rgrids, x->st = nplot_rgrids_(x->ax, x->t.v, (int)x->t.n, O(nplot_rgrids_opts)))
W(thetagrids, x->st = nplot_thetagrids_(x->ax, x->t.v, (int)x->t.n, O(nplot_thetagrids_opts)))
W(subplot_polar, x->rax = nplot_subplot_polar(x->fig, x->i[0], x->i[1], x->i[2]))
W(indicate_inset, x->st = nplot_indicate_inset_(x->ax, x->d[0], x->d[1], x->d[2], x->d[3], O(nplot_indicate_inset_opts)))
W(subfig_gridspec, x->rgs = nplot_subfig_gridspec_new_(x->sf, x->i[0], x->i[1], O(nplot_gridspec_opts)))
W(subfig_legend, x->st = nplot_subfig_legend_(x->sf, O(nplot_legend_opts)))

typedef struct npp_func {
    const char *name;
    const char *sig;  /* first char: f figure, a axes, g gridspec, - none; then the args */
    char ret;         /* s status, a axes */
    npp_wrap fn;
    const npp_kw *kw; /* NULL: no keyword arguments */
    size_t opts_size;
} npp_func;

#define F(name, sig, ret, T) { #name, sig, ret, w_##name, kw_##T, sizeof(T) }
#define N(name, sig, ret) { #name, sig, ret, w_##name, NULL, 0 }
static const npp_func funcs[] = {
    F(plot, "aAA", 's', nplot_line_opts),
    F(step, "aAA", 's', nplot_line_opts),
    F(scatter, "aAA", 's', nplot_scatter_opts),
    F(fill, "aAA", 's', nplot_fill_opts),
    F(errorbar, "aAA", 's', nplot_errorbar_opts),
    F(stem, "aAA", 's', nplot_stem_opts),
    F(bar, "aAA", 's', nplot_bar_opts),
    F(barh, "aAA", 's', nplot_bar_opts),
    F(bar_cat, "aLT", 's', nplot_bar_opts),
    F(barh_cat, "aLT", 's', nplot_bar_opts),
    F(hexbin, "aAA", 's', nplot_hexbin_opts),
    F(hist2d, "aAA", 's', nplot_hist2d_opts),
    F(quiver, "aAA", 's', nplot_quiver_opts),
    F(barbs, "aAA", 's', nplot_barbs_opts),
    F(stackplot, "aAA", 's', nplot_stackplot_opts),
    F(hist, "aA", 's', nplot_hist_opts),
    F(imshow, "aA", 's', nplot_imshow_opts),
    F(matshow, "aA", 's', nplot_imshow_opts),
    F(pie, "aA", 's', nplot_pie_opts),
    F(boxplot, "aA", 's', nplot_boxplot_opts),
    F(violinplot, "aA", 's', nplot_violin_opts),
    F(pcolormesh, "aA", 's', nplot_pcolormesh_opts),
    F(stairs, "aA", 's', nplot_stairs_opts),
    F(ecdf, "aA", 's', nplot_ecdf_opts),
    F(eventplot, "aA", 's', nplot_eventplot_opts),
    F(fill_between, "aAAA", 's', nplot_fill_opts),
    F(fill_betweenx, "aAAA", 's', nplot_fill_opts),
    F(contour, "aAAA", 's', nplot_contour_opts),
    F(contourf, "aAAA", 's', nplot_contour_opts),
    F(contour3d, "aAAA", 's', nplot_contour_opts),
    F(contourf3d, "aAAA", 's', nplot_contour_opts),
    F(plot_surface, "aAAA", 's', nplot_surface_opts),
    F(plot_wireframe, "aAAA", 's', nplot_surface_opts),
    F(plot3d, "aAAA", 's', nplot_line_opts),
    F(scatter3d, "aAAA", 's', nplot_scatter_opts),
    F(hlines, "aAAA", 's', nplot_lines_opts),
    F(vlines, "aAAA", 's', nplot_lines_opts),
    F(streamplot, "aAAAA", 's', nplot_streamplot_opts),
    F(broken_barh, "aAdd", 's', nplot_broken_barh_opts),
    F(set_title, "as", 's', nplot_text_opts),
    F(set_xlabel, "as", 's', nplot_text_opts),
    F(set_ylabel, "as", 's', nplot_text_opts),
    F(set_zlabel, "as", 's', nplot_text_opts),
    F(set_xscale, "as", 's', nplot_scale_opts),
    F(set_yscale, "as", 's', nplot_scale_opts),
    F(text, "adds", 's', nplot_text_opts),
    F(annotate, "asdd", 's', nplot_annotate_opts),
    F(legend, "a", 's', nplot_legend_opts),
    F(grid, "a", 's', nplot_grid_opts),
    F(tick_params, "a", 's', nplot_tick_params),
    F(clabel, "a", 's', nplot_clabel_opts),
    F(set_xformatter, "a", 's', nplot_formatter_opts),
    F(set_yformatter, "a", 's', nplot_formatter_opts),
    F(colorbar, "a", 'a', nplot_colorbar_opts),
    F(axhline, "ad", 's', nplot_refline_opts),
    F(axvline, "ad", 's', nplot_refline_opts),
    F(axhspan, "add", 's', nplot_refline_opts),
    F(axvspan, "add", 's', nplot_refline_opts),
    F(axline, "adddd", 's', nplot_axline_opts),
    F(axline_slope, "addd", 's', nplot_axline_opts),
    F(quiverkey, "addds", 's', nplot_quiverkey_opts),
    F(set_xticks, "aT", 's', nplot_ticks_opts),
    F(set_yticks, "aT", 's', nplot_ticks_opts),
    F(set_xticklabels, "aL", 's', nplot_ticks_opts),
    F(set_yticklabels, "aL", 's', nplot_ticks_opts),
    N(set_xlim, "add", 's'),
    N(set_ylim, "add", 's'),
    N(set_zlim, "add", 's'),
    N(margins, "add", 's'),
    N(view_init, "add", 's'),
    N(invert_xaxis, "a", 's'),
    N(invert_yaxis, "a", 's'),
    N(minorticks_on, "a", 's'),
    N(minorticks_off, "a", 's'),
    N(axis, "as", 's'),
    N(set_facecolor, "as", 's'),
    N(set_aspect, "ad", 's'),
    N(spines_set_visible, "asb", 's'),
    N(twinx, "a", 'a'),
    N(twiny, "a", 'a'),
    N(subplot, "fiii", 'a'),
    N(subplot_3d, "fiii", 'a'),
    N(add_axes, "fdddd", 'a'),
    N(gridspec_subplot, "gs", 'a'),
    F(tight_layout, "f", 's', nplot_tight_opts),
    F(subplots_adjust, "f", 's', nplot_adjust_opts),
    F(suptitle, "fs", 's', nplot_text_opts),
    F(fig_text, "fdds", 's', nplot_text_opts),
    F(savefig, "fs", 's', nplot_save_opts),
    N(set_size_inches, "fdd", 's'),
    N(set_dpi, "fd", 's'),
    N(set_layout_engine, "fs", 's'),
    N(set_constrained_layout_pads, "fdddd", 's'),
    N(figure_draw, "f", 's'),
    N(style_use, "-s", 's'),
    F(supxlabel, "fs", 's', nplot_text_opts),
    F(supylabel, "fs", 's', nplot_text_opts),
    F(fig_legend, "f", 's', nplot_legend_opts),
    N(legend_add_artist, "a", 's'),
    F(sharex, "a", 's', nplot_add_subplot_opts),     /* sharex=other */
    F(sharey, "a", 's', nplot_add_subplot_opts),     /* sharey=other */
    F(add_subplot_share, "fiii", 'a', nplot_add_subplot_opts),
    F(gridspec_add_subplot, "gs", 'a', nplot_add_subplot_opts),
    /* issue 21 */
    F(psd, "aA", 's', nplot_spectral_opts),
    F(csd, "aAA", 's', nplot_spectral_opts),
    F(cohere, "aAA", 's', nplot_spectral_opts),
    F(specgram, "aA", 's', nplot_spectral_opts),
    F(magnitude_spectrum, "aA", 's', nplot_spectral_opts),
    F(angle_spectrum, "aA", 's', nplot_spectral_opts),
    F(phase_spectrum, "aA", 's', nplot_spectral_opts),
    F(xcorr, "aAA", 's', nplot_xcorr_opts),
    F(acorr, "aA", 's', nplot_xcorr_opts),
    F(spy, "aA", 's', nplot_spy_opts),
    F(bar3d, "aAAAAAA", 's', nplot_bar3d_opts),
    F(quiver3d, "aAAAAAA", 's', nplot_quiver3d_opts),
    N(set_proj_type, "asd", 's'),
    N(set_box_aspect3d, "adddd", 's'),
    N(view_init_roll, "addd", 's'),
    N(invert_zaxis, "a", 's'),
    N(set_zbound, "add", 's'),
    N(set_zmargin, "ad", 's'),
    N(artist_set_sketch_params, "aiddd", 's'),
    N(artist_set_path_effects, "aiTL", 's'),
    N(artist_set_data, "aiAA", 's'),
    N(artist_set_color, "ais", 's'),
    N(artist_set_linewidth, "aid", 's'),
    N(artist_set_alpha, "aid", 's'),
    N(artist_set_visible, "aib", 's'),
    N(artist_set_zorder, "aid", 's'),
    N(artist_set_label, "ais", 's'),
    N(artist_set_text, "ais", 's'),
    N(artist_remove, "ai", 's'),
    N(relim, "a", 's'),
    N(cla, "a", 's'),
    N(fig_delaxes, "fa", 's'),
    F(table, "aii", 's', nplot_table_opts),
    F(imsave, "-sA", 's', nplot_imsave_opts),
    N(axis_date, "as", 's'),
    N(set_date_formatter, "ass", 's'),
    N(set_xlim_dates, "ass", 's'),
    N(set_ylim_dates, "ass", 's'),
    F(subfigures, "fii", 'M', nplot_subfigure_opts),
    F(subfig_subfigures, "Sii", 'M', nplot_subfigure_opts),
    F(subfig_subplots, "Sii", 'X', nplot_subplots_opts),
    F(add_subfigure, "gs", 'S', nplot_subfigure_opts),
    N(subfig_add_subplot, "Siii", 'a'),
    F(subfig_suptitle, "Ss", 's', nplot_text_opts),
    F(subfig_supxlabel, "Ss", 's', nplot_text_opts),
    F(subfig_supylabel, "Ss", 's', nplot_text_opts),
    N(subfig_set_facecolor, "Ss", 's'),
    N(subfig_set_edgecolor, "Ss", 's'),
    N(subfig_set_linewidth, "Sd", 's'),
    N(subfig_set_frameon, "Sb", 's'),
    F(subfig_subplots_adjust, "S", 's', nplot_adjust_opts),
    F(subfig_gridspec, "Sii", 'g', nplot_gridspec_opts),
    F(savefig_meta, "fsL", 's', nplot_save_opts),
    F(subfig_legend, "S", 's', nplot_legend_opts),
    F(triplot, "aAAAA", 's', nplot_line_opts),
    F(tripcolor, "aAAAAA", 's', nplot_tripcolor_opts),
    F(tricontour, "aAAAAA", 's', nplot_tricontour_opts),
    F(tricontourf, "aAAAAA", 's', nplot_tricontour_opts),
    F(plot_trisurf, "aAAAAA", 's', nplot_trisurf_opts),
    F(set_zticks, "aT", 's', nplot_ticks_opts),
    F(set_zticklabels, "aL", 's', nplot_ticks_opts),
    F(rgrids, "aT", 's', nplot_rgrids_opts),
    F(thetagrids, "aT", 's', nplot_thetagrids_opts),
    N(subplot_polar, "fiii", 'a'),
    F(indicate_inset, "adddd", 's', nplot_indicate_inset_opts),
};
#define NFUNCS (sizeof funcs / sizeof funcs[0])

static PyObject *wrap_axes(nplot_axes *ax)
{
    if (!ax) return npy_raise();
    return PyCapsule_New(ax, AX_CAP, NULL);
}

/* The output arrays (K_OUT fields) of an options struct: set to receive, then returned as
 * a tuple in table order (an empty tuple when the struct has none). */
static PyObject *collect_outs(const npp_kw *kw, char *opts, nd_array **slots, int n, int ok)
{
    PyObject *t = PyTuple_New(n);
    int j = 0;
    for (const npp_kw *k = kw; k && k->name && j < n; k++) {
        if (k->kind != K_OUT) continue;
        nd_array *a = slots[j];
        (void)opts;
        PyObject *v = ok && a ? npy_wrap(a) : (nd_free(a), Py_NewRef(Py_None));
        if (!v || !t) {
            Py_XDECREF(v);
            for (j++; j < n; j++) nd_free(slots[j]);
            Py_XDECREF(t);
            return NULL;
        }
        PyTuple_SetItem(t, j++, v);
    }
    return t;
}

/* The library also says a failure through numc's warning channel (plot/status.c), which
 * the binding queues as a RuntimeWarning: with the exception raised those are dropped,
 * under warnings.catch_warnings() + simplefilter("ignore"), the exception kept. */
static void drop_warnings(void)
{
    PyObject *t, *v, *tb;
    PyErr_Fetch(&t, &v, &tb);
    PyObject *w = PyImport_ImportModule("warnings");
    PyObject *cm = w ? PyObject_CallMethod(w, "catch_warnings", NULL) : NULL;
    PyObject *r = cm ? PyObject_CallMethod(cm, "__enter__", NULL) : NULL;
    Py_XDECREF(r);
    r = r ? PyObject_CallMethod(w, "simplefilter", "s", "ignore") : NULL;
    if (r) npy_flush_warnings();
    Py_XDECREF(r);
    if (cm) {
        r = PyObject_CallMethod(cm, "__exit__", "OOO", Py_None, Py_None, Py_None);
        Py_XDECREF(r);
    }
    Py_XDECREF(cm);
    Py_XDECREF(w);
    PyErr_Clear();
    PyErr_Restore(t, v, tb);
}

/* _plot.call(name, handle, *args, **kwargs) */
static PyObject *f_call(PyObject *self, PyObject *args, PyObject *kwargs)
{
    (void)self;
    Py_ssize_t nargs = PyTuple_Size(args);
    if (nargs < 1 || !PyUnicode_Check(PyTuple_GetItem(args, 0))) {
        PyErr_SetString(PyExc_TypeError, "_plot.call(name, handle, *args, **kwargs)");
        return NULL;
    }
    const char *name = PyUnicode_AsUTF8AndSize(PyTuple_GetItem(args, 0), NULL);
    const npp_func *fn = NULL;
    for (size_t i = 0; i < NFUNCS; i++)
        if (strcmp(funcs[i].name, name) == 0) fn = &funcs[i];
    if (!fn) {
        PyErr_Format(PyExc_AttributeError, "numc.pyplot: no plot function '%s'", name);
        return NULL;
    }
    Py_ssize_t want = (Py_ssize_t)strlen(fn->sig) + (fn->sig[0] == '-' ? 0 : 1);
    if (nargs != want) {
        PyErr_Format(PyExc_TypeError, "%s() takes %zd positional arguments (%zd given)", name,
                     want - 1, nargs - 1);
        return NULL;
    }
    npp_arena A;
    A.narrs = A.nmem = A.nobjs = 0;
    A.elems = 0;
    npp_args x;
    memset(&x, 0, sizeof x);
    int na = 0, nd = 0, ni = 0, ns = 0;
    PyObject *res = NULL;
    Py_ssize_t pos = 0;
    for (const char *c = fn->sig; *c; c++) {
        if (*c == '-') continue; /* no handle */
        PyObject *v = PyTuple_GetItem(args, ++pos); /* nargs was checked above */
        if (!v) goto done;
        switch (*c) {
        case 'f': if (!(x.fig = PyCapsule_GetPointer(v, FIG_CAP))) goto done; break;
        case 'a': if (!(x.ax = PyCapsule_GetPointer(v, AX_CAP))) goto done; break;
        case 'g': if (!(x.gs = PyCapsule_GetPointer(v, GS_CAP))) goto done; break;
        case 'S': if (!(x.sf = PyCapsule_GetPointer(v, SF_CAP))) goto done; break;
        case 'A':
            if (v != Py_None && !(x.a[na] = arena_array(&A, v))) goto done;
            na++;
            break;
        case 'd':
            x.d[nd] = v == Py_None ? NAN : PyFloat_AsDouble(v);
            if (x.d[nd] == -1.0 && PyErr_Occurred()) goto done;
            nd++;
            break;
        case 'i':
            x.i[ni] = (int)PyLong_AsLong(v);
            if (x.i[ni] == -1 && PyErr_Occurred()) goto done;
            ni++;
            break;
        case 'b': {
            int t = PyObject_IsTrue(v);
            if (t < 0) goto done;
            x.b = t;
            break;
        }
        case 's':
            if (v != Py_None && get_str(&A, v, &x.s[ns], name) < 0) goto done;
            ns++;
            break;
        case 'T': if (get_f64s(&A, v, &x.t) < 0) goto done; break;
        case 'L': if (get_strs(&A, v, &x.l, name) < 0) goto done; break;
        default: break;
        }
    }
    /* the options struct (every one is well below 1 KiB) */
    union {
        max_align_t align;
        char bytes[1024];
    } opts;
    memset(&opts, 0, sizeof opts);
    nd_array *outs[4] = { NULL, NULL, NULL, NULL };
    int nout = 0;
    if (!fn->kw) {
        if (kwargs && PyDict_Size(kwargs) > 0) {
            PyObject *key, *val;
            Py_ssize_t p = 0;
            PyDict_Next(kwargs, &p, &key, &val);
            PyErr_Format(PyExc_TypeError, "%s() got an unexpected keyword argument '%U'", name, key);
            goto done;
        }
    } else {
        if (fill_opts(&A, fn->kw, opts.bytes, kwargs, name) < 0) goto done;
        for (const npp_kw *k = fn->kw; k->name; k++)
            if (k->kind == K_OUT && nout < 4) {
                nd_array **slot = &outs[nout++];
                memcpy(opts.bytes + k->off, &slot, sizeof slot);
            }
    }
    if (fn->opts_size > sizeof opts) {
        PyErr_SetString(PyExc_SystemError, "numc.pyplot: options struct too large");
        goto done;
    }
    nd_clear_error();
    /* drawing and big data run without the GIL (callbacks take it back) */
    int nogil = A.elems > NPY_NOGIL_SIZE || strncmp(name, "savefig", 7) == 0;
    if (nogil) {
        PyThreadState *ts = PyEval_SaveThread();
        fn->fn(&x, opts.bytes);
        PyEval_RestoreThread(ts);
    } else {
        fn->fn(&x, opts.bytes);
    }
    if (PyErr_Occurred()) goto done;
    if (fn->ret == 'a' || fn->ret == 'S' || fn->ret == 'g') {
        void *h = fn->ret == 'a' ? (void *)x.rax : fn->ret == 'S' ? (void *)x.rsf : (void *)x.rgs;
        res = h ? PyCapsule_New(h, fn->ret == 'a' ? AX_CAP : fn->ret == 'S' ? SF_CAP : GS_CAP, NULL)
                : npy_raise();
        if (!res) drop_warnings();
    } else if ((fn->ret == 'M' || fn->ret == 'X') && x.st == ND_OK) {
        int n = x.i[0] * x.i[1];
        res = PyList_New(n);
        for (int j = 0; res && j < n; j++) {
            PyObject *c = PyCapsule_New(x.many[j], fn->ret == 'M' ? SF_CAP : AX_CAP, NULL);
            if (!c) Py_CLEAR(res);
            else PyList_SetItem(res, j, c);
        }
    } else if (x.st != ND_OK) {
        for (int j = 0; j < nout; j++) nd_free(outs[j]);
        nout = 0;
        npy_raise();
        drop_warnings();
    } else if (nout) {
        res = collect_outs(fn->kw, opts.bytes, outs, nout, 1);
    } else {
        res = Py_NewRef(Py_None);
    }
    if (res && npy_flush_warnings() < 0) Py_CLEAR(res);
done:
    arena_free(&A);
    return res;
}

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
    if (fill_opts(&A, kw_nplot_figure_opts, &o, kwargs, "figure") == 0) {
        nplot_figure *fig = nplot_figure_new_(&o);
        res = fig ? PyCapsule_New(fig, FIG_CAP, fig_destroy) : npy_raise();
        if (!res && fig) nplot_figure_free(fig);
    }
    arena_free(&A);
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
    if (fill_opts(&A, kw_nplot_gridspec_opts, &o, kwargs, "GridSpec") == 0) {
        nplot_gridspec *gs = nplot_gridspec_new_(fig, nr, nc, &o);
        res = gs ? PyCapsule_New(gs, GS_CAP, NULL) : npy_raise();
    }
    arena_free(&A);
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
    if (fill_opts(&A, kw_nplot_mosaic_opts, &o, kwargs, "subplot_mosaic") == 0) {
        nd_clear_error();
        nplot_mosaic *m = sf ? nplot_subfig_subplot_mosaic_(sf, layout, &o)
                             : nplot_subplot_mosaic_(fig, layout, &o);
        if (!m) {
            npy_raise();
            drop_warnings();
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
    arena_free(&A);
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
    if (fill_opts(&A, kw_nplot_gridspec_opts, &o, kwargs, "subgridspec") == 0) {
        nplot_gridspec *g = nplot_gridspec_subgridspec_(gs, spec, nr, nc, &o);
        res = g ? PyCapsule_New(g, GS_CAP, NULL) : npy_raise();
    }
    arena_free(&A);
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
    if (fill_opts(&A, kw_nplot_secondary_opts, &o, kwargs, which[0] == 'x' ? "secondary_xaxis" : "secondary_yaxis") == 0) {
        if (fns != Py_None) {
            o.forward = sec_forward;
            o.inverse = sec_inverse;
            o.ctx = fns;
        }
        nd_clear_error();
        nplot_axes *sec = which[0] == 'x' ? nplot_secondary_xaxis_(ax, &o) : nplot_secondary_yaxis_(ax, &o);
        res = wrap_axes(sec);
        if (!res) drop_warnings();
    }
    arena_free(&A);
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
    if (get_strs(&A, colors, &o.colors, "colors") < 0) goto done;
    if (values != Py_None && get_f64s(&A, values, &o.values) < 0) goto done;
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
    arena_free(&A);
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
    if (fill_opts(&A, kw_nplot_norm, &norm, nd, "norm") < 0 || get_f64s(&A, vals, &v) < 0) goto done;
    if (tv != Py_None && get_f64s(&A, tv, &t) < 0) goto done;
    size_t n = tv == Py_None ? v.n : t.n;
    double *out = arena_alloc(&A, n * sizeof(double));
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
    arena_free(&A);
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

/* keywords(name) → the keyword names of a function (for docs and tests) */
static PyObject *f_keywords(PyObject *self, PyObject *arg)
{
    (void)self;
    const char *name = PyUnicode_AsUTF8AndSize(arg, NULL);
    if (!name) return NULL;
    for (size_t i = 0; i < NFUNCS; i++) {
        if (strcmp(funcs[i].name, name) != 0) continue;
        PyObject *l = PyList_New(0);
        for (const npp_kw *k = funcs[i].kw; l && k && k->name; k++) {
            if (k->kind == K_OUT) continue;
            PyObject *u = PyUnicode_FromString(k->name);
            if (!u || PyList_Append(l, u) < 0) Py_CLEAR(l);
            Py_XDECREF(u);
        }
        return l;
    }
    PyErr_Format(PyExc_KeyError, "%s", name);
    return NULL;
}

static PyObject *f_functions(PyObject *self, PyObject *noargs)
{
    (void)self;
    (void)noargs;
    PyObject *l = PyList_New((Py_ssize_t)NFUNCS);
    for (size_t i = 0; l && i < NFUNCS; i++) {
        PyObject *u = PyUnicode_FromString(funcs[i].name);
        if (!u) Py_CLEAR(l);
        else PyList_SetItem(l, (Py_ssize_t)i, u);
    }
    return l;
}

static PyMethodDef methods[] = {
    { "call", (PyCFunction)(void (*)(void))f_call, METH_VARARGS | METH_KEYWORDS,
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
    { "keywords", f_keywords, METH_O, "keywords(name) -> the keyword names of a function" },
    { "functions", f_functions, METH_NOARGS, "the names call() knows" },
    { NULL, NULL, 0, NULL }
};

static struct PyModuleDef def = { PyModuleDef_HEAD_INIT, "numc._core._plot", NULL, -1, methods,
                                  NULL, NULL, NULL, NULL };

PyObject *numc_py_ns_plot(void) { return PyModule_Create(&def); }
