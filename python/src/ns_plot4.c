/* numc._core._plot4: issue 21's Python names for plot.h "Axes properties: getters and
 * setters", "Axes: inset axes, arrows, ticklabel_format, locator_params, bxp, tight boxes"
 * and "Figure properties, figure images, label alignment" (numc/_pyplot_pyprops.py).
 * ax_do / fig_do change the figure (numc.pyplot logs and replays them); ax_get / fig_get
 * read a property; inset_axes returns the new axes. */
#include "ns_plot_names.h"

#include <math.h>
#include <string.h>

#include <numc/plot.h>

static PyObject *rgba(const double c[4]) { return Py_BuildValue("dddd", c[0], c[1], c[2], c[3]); }

/* a sequence of floats into buf (at most cap); the count or -1 */
static Py_ssize_t floats(PyObject *seq, double *buf, Py_ssize_t cap)
{
    Py_ssize_t n = PySequence_Size(seq);
    if (n < 0) return -1;
    if (n > cap) n = cap;
    for (Py_ssize_t i = 0; i < n; i++) {
        PyObject *it = PySequence_GetItem(seq, i);
        if (!it) return -1;
        buf[i] = PyFloat_AsDouble(it);
        Py_DECREF(it);
        if (buf[i] == -1.0 && PyErr_Occurred()) return -1;
    }
    return n;
}

/* ax_do(name, ax, *args): a setter of the axes */
static PyObject *f_ax_do(PyObject *self, PyObject *args)
{
    (void)self;
    const char *name;
    void *h;
    PyObject *rest, *res = NULL;
    if (prologue(args, "ax_do", AX_CAP, &name, &h, &rest) < 0) return NULL;
    nplot_axes *ax = h;
    double d[8] = { 0 };
    int b = 0, i1 = 0, i2 = 0, i3 = 0, i4 = 0;
    const char *s = NULL, *s2 = NULL;
    PyObject *o1 = NULL, *o2 = NULL;
#define P(fmt, ...) PyArg_ParseTuple(rest, fmt, __VA_ARGS__)
    if (is(name, "alpha")) { if (P("d", &d[0])) res = status(nplot_axes_set_alpha(ax, d[0])); }
    else if (is(name, "anchor")) { if (P("s", &s)) res = status(nplot_axes_set_anchor(ax, s)); }
    else if (is(name, "anchor_xy")) { if (P("dd", &d[0], &d[1])) res = status(nplot_axes_set_anchor_xy(ax, d[0], d[1])); }
    else if (is(name, "aspect")) { if (P("d", &d[0])) res = status(nplot_set_aspect(ax, d[0])); }
    else if (is(name, "adjustable")) { if (P("s", &s)) res = status(nplot_axes_set_adjustable(ax, s)); }
    else if (is(name, "box_aspect")) { if (P("d", &d[0])) res = status(nplot_axes_set_box_aspect(ax, d[0])); }
    else if (is(name, "autoscale_on")) { if (P("p", &b)) res = status(nplot_axes_set_autoscale_on(ax, b)); }
    else if (is(name, "autoscalex_on")) { if (P("p", &b)) res = status(nplot_axes_set_autoscalex_on(ax, b)); }
    else if (is(name, "autoscaley_on")) { if (P("p", &b)) res = status(nplot_axes_set_autoscaley_on(ax, b)); }
    else if (is(name, "frame_on")) { if (P("p", &b)) res = status(nplot_axes_set_frame_on(ax, b)); }
    else if (is(name, "gid")) { if (P("z", &s)) res = status(nplot_axes_set_gid(ax, s)); }
    else if (is(name, "label")) { if (P("z", &s)) res = status(nplot_axes_set_label(ax, s)); }
    else if (is(name, "in_layout")) { if (P("p", &b)) res = status(nplot_axes_set_in_layout(ax, b)); }
    else if (is(name, "rasterized")) { if (P("p", &b)) res = status(nplot_axes_set_rasterized(ax, b)); }
    else if (is(name, "rasterization_zorder")) { if (P("d", &d[0])) res = status(nplot_axes_set_rasterization_zorder(ax, d[0])); }
    else if (is(name, "visible")) { if (P("p", &b)) res = status(nplot_axes_set_visible(ax, b)); }
    else if (is(name, "zorder")) { if (P("d", &d[0])) res = status(nplot_axes_set_zorder(ax, d[0])); }
    else if (is(name, "xbound")) { if (P("dd", &d[0], &d[1])) res = status(nplot_axes_set_xbound(ax, d[0], d[1])); }
    else if (is(name, "ybound")) { if (P("dd", &d[0], &d[1])) res = status(nplot_axes_set_ybound(ax, d[0], d[1])); }
    else if (is(name, "position")) {
        if (P("(dddd)z", &d[0], &d[1], &d[2], &d[3], &s)) res = status(nplot_axes_set_position(ax, d, s));
    } else if (is(name, "reset_position")) { res = status(nplot_axes_reset_position(ax)); }
    else if (is(name, "update_datalim")) {
        if (P("OO", &o1, &o2)) {
            Py_ssize_t m = PySequence_Size(o1);
            double *xs = m > 0 ? PyMem_Calloc((size_t)m * 2, sizeof(double)) : NULL;
            if (m > 0 && !xs) res = PyErr_NoMemory();
            else if (m >= 0 && floats(o1, xs, m) == m && floats(o2, xs + m, m) == m)
                res = status(nplot_axes_update_datalim(ax, xs, xs + m, (size_t)m));
            PyMem_Free(xs);
        }
    } else if (is(name, "arrow")) {
        /* x, y, dx, dy, width, head_width, head_length, length_includes_head, shape, overhang,
         * head_starts_at_zero, color, facecolor, edgecolor, linewidth, alpha, zorder, label */
        const char *shape, *color, *fc, *ec, *label;
        int lih, hsz;
        double lw, alpha, z;
        if (P("ddddddd" "pzdp" "zzz" "ddd" "z", &d[0], &d[1], &d[2], &d[3], &d[4], &d[5], &d[6],
              &lih, &shape, &d[7], &hsz, &color, &fc, &ec, &lw, &alpha, &z, &label)) {
            nplot_arrow_opts o = { .width = d[4], .head_width = d[5], .head_length = d[6],
                                   .length_includes_head = lih, .shape = shape,
                                   .overhang = d[7], .head_starts_at_zero = hsz,
                                   .color = color, .facecolor = fc, .edgecolor = ec,
                                   .linewidth = lw, .alpha = alpha, .zorder = z,
                                   .label = label };
            res = status(nplot_arrow_(ax, d[0], d[1], d[2], d[3], &o));
        }
    } else if (is(name, "ticklabel_format")) {
        /* axis, style, scilimits_set, m, n, use_offset, offset_set, offset, use_mathtext */
        int sl, off_set, uo, mt;
        if (P("zzpiiipdi", &s, &s2, &sl, &i1, &i2, &uo, &off_set, &d[0], &mt)) {
            nplot_ticklabel_format_opts o = { .axis = s, .style = s2, .scilimits_set = sl,
                                              .scilimits = { i1, i2 }, .use_offset = uo,
                                              .offset_set = off_set, .offset = d[0],
                                              .use_mathtext = mt };
            res = status(nplot_ticklabel_format_(ax, &o));
        }
    } else if (is(name, "locator_params")) {
        /* axis, tight, nbins, steps (sequence), min_n_ticks, prune, symmetric */
        if (P("ziiOizi", &s, &i1, &i2, &o1, &i3, &s2, &i4)) {
            double st[16];
            Py_ssize_t k = o1 == Py_None ? 0 : floats(o1, st, 16);
            if (k >= 0) {
                nplot_locator_params_opts o = { .axis = s, .tight = i1, .nbins = i2,
                                                .steps = { (size_t)k, k ? st : NULL },
                                                .min_n_ticks = i3, .prune = s2, .symmetric = i4 };
                res = status(nplot_locator_params_(ax, &o));
            }
        }
    } else if (is(name, "indicate_inset_zoom")) {
        if (P("O", &o1)) {
            nplot_axes *in = PyCapsule_GetPointer(o1, AX_CAP);
            nplot_indicate_inset_opts o = { 0 };
            if (in) res = status(nplot_indicate_inset_zoom_(ax, in, &o));
        }
    } else PyErr_Format(PyExc_AttributeError, "_plot4.ax_do: no '%s'", name);
#undef P
    Py_DECREF(rest);
    return res;
}

/* ax_get(name, ax, *args): a property of the axes */
static PyObject *f_ax_get(PyObject *self, PyObject *args)
{
    (void)self;
    const char *name, *s = NULL;
    void *h;
    PyObject *rest;
    double d0 = 0, d1 = 0;
    if (prologue(args, "ax_get", AX_CAP, &name, &h, &rest) < 0) return NULL;
    nplot_axes *ax = h;
    int ok = PyArg_ParseTuple(rest, "|zdd", &s, &d0, &d1); /* s stays alive in args */
    Py_DECREF(rest);
    if (!ok) return NULL;
    double v[4] = { 0 };
    if (is(name, "alpha")) {
        double a = nplot_axes_get_alpha(ax);
        if (isnan(a)) Py_RETURN_NONE;
        return PyFloat_FromDouble(a);
    }
    if (is(name, "anchor")) {
        const char *c = nplot_axes_get_anchor(ax, &v[0], &v[1]);
        if (!c) return npy_raise();
        return Py_BuildValue("sdd", c, v[0], v[1]);
    }
    if (is(name, "aspect")) return PyFloat_FromDouble(nplot_axes_get_aspect(ax));
    if (is(name, "adjustable")) return str_or_none(nplot_axes_get_adjustable(ax));
    if (is(name, "box_aspect")) return PyFloat_FromDouble(nplot_axes_get_box_aspect(ax));
    if (is(name, "autoscale_on")) return PyBool_FromLong(nplot_axes_get_autoscale_on(ax));
    if (is(name, "autoscalex_on")) return PyBool_FromLong(nplot_axes_get_autoscalex_on(ax));
    if (is(name, "autoscaley_on")) return PyBool_FromLong(nplot_axes_get_autoscaley_on(ax));
    if (is(name, "axisbelow")) return PyLong_FromLong(nplot_axes_get_axisbelow(ax));
    if (is(name, "facecolor")) {
        if (nplot_axes_get_facecolor(ax, v) != ND_OK) return npy_raise();
        return rgba(v);
    }
    if (is(name, "frame_on")) return PyBool_FromLong(nplot_axes_get_frame_on(ax));
    if (is(name, "gid")) return str_or_none(nplot_axes_get_gid(ax));
    if (is(name, "label")) return str_or_none(nplot_axes_get_label(ax));
    if (is(name, "in_layout")) return PyBool_FromLong(nplot_axes_get_in_layout(ax));
    if (is(name, "rasterized")) return PyBool_FromLong(nplot_axes_get_rasterized(ax));
    if (is(name, "rasterization_zorder")) {
        double z = nplot_axes_get_rasterization_zorder(ax);
        if (isnan(z)) Py_RETURN_NONE;
        return PyFloat_FromDouble(z);
    }
    if (is(name, "visible")) return PyBool_FromLong(nplot_axes_get_visible(ax));
    if (is(name, "zorder")) return PyFloat_FromDouble(nplot_axes_get_zorder(ax));
    if (is(name, "title")) {
        const char *t = nplot_axes_get_title(ax, s);
        if (!t) return npy_raise();
        return PyUnicode_FromString(t);
    }
    if (is(name, "xlabel")) return str_or_none(nplot_axes_get_xlabel(ax));
    if (is(name, "ylabel")) return str_or_none(nplot_axes_get_ylabel(ax));
    if (is(name, "xscale")) return str_or_none(nplot_axes_get_xscale(ax));
    if (is(name, "yscale")) return str_or_none(nplot_axes_get_yscale(ax));
    if (is(name, "xbound") || is(name, "ybound")) {
        nd_status st = name[0] == 'x' ? nplot_axes_get_xbound(ax, &v[0], &v[1])
                                      : nplot_axes_get_ybound(ax, &v[0], &v[1]);
        if (st != ND_OK) return npy_raise();
        return Py_BuildValue("dd", v[0], v[1]);
    }
    if (is(name, "xaxis_inverted")) return PyBool_FromLong(nplot_axes_xaxis_inverted(ax));
    if (is(name, "yaxis_inverted")) return PyBool_FromLong(nplot_axes_yaxis_inverted(ax));
    if (is(name, "data_ratio")) {
        double r = nplot_axes_get_data_ratio(ax);
        if (isnan(r)) return npy_raise();
        return PyFloat_FromDouble(r);
    }
    if (is(name, "has_data")) return PyBool_FromLong(nplot_axes_has_data(ax));
    if (is(name, "legend_labels")) {
        int m = nplot_axes_get_legend_handles_labels(ax, NULL, NULL, 0);
        if (m < 0) return npy_raise();
        int *idx = PyMem_Calloc((size_t)m + 1, sizeof(int));
        const char **lab = PyMem_Calloc((size_t)m + 1, sizeof(char *));
        PyObject *r = NULL;
        if (!idx || !lab) r = PyErr_NoMemory();
        else if (nplot_axes_get_legend_handles_labels(ax, idx, lab, m) < 0) r = npy_raise();
        else if ((r = PyList_New(m)))
            for (int i = 0; i < m; i++) {
                PyObject *t = Py_BuildValue("is", idx[i], lab[i] ? lab[i] : "");
                if (!t) {
                    Py_CLEAR(r);
                    break;
                }
                PyList_SetItem(r, i, t);
            }
        PyMem_Free(idx);
        PyMem_Free(lab);
        return r;
    }
    if (is(name, "active_position")) {
        nd_status st;
        Py_BEGIN_ALLOW_THREADS st = nplot_axes_get_active_position(ax, v);
        Py_END_ALLOW_THREADS if (st != ND_OK) return npy_raise();
        return rgba(v);
    }
    if (is(name, "contains_point")) return PyBool_FromLong(nplot_axes_contains_point(ax, d0, d1));
    if (is(name, "tightbbox")) {
        if (nplot_get_tightbbox(ax, v) != ND_OK) return npy_raise();
        return rgba(v);
    }
    if (is(name, "label_box")) { /* the x or y axis label's pixel box, origin top left */
        if (nplot_axis_label_pixel_box(ax, s ? s : "x", v) != ND_OK) return npy_raise();
        return rgba(v);
    }
    PyErr_Format(PyExc_AttributeError, "_plot4.ax_get: no '%s'", name);
    return NULL;
}

/* inset_axes(ax, x0, y0, w, h, transform) -> the new axes */
static PyObject *f_inset_axes(PyObject *self, PyObject *args)
{
    (void)self;
    PyObject *cap;
    double b[4];
    const char *tr = NULL;
    if (!PyArg_ParseTuple(args, "Odddd|z", &cap, &b[0], &b[1], &b[2], &b[3], &tr)) return NULL;
    nplot_axes *ax = PyCapsule_GetPointer(cap, AX_CAP);
    if (!ax) return NULL;
    nplot_inset_axes_opts o = { .transform = tr };
    nplot_axes *in = nplot_inset_axes_(ax, b[0], b[1], b[2], b[3], &o);
    if (!in) return npy_raise();
    return PyCapsule_New(in, AX_CAP, NULL);
}

/* bxp(ax, stats, positions, widths, widths_each, vert, showfliers, showmeans, patch_artist,
 * notch): stats a list of (med, q1, q3, whislo, whishi, mean, cilo, cihi, fliers, label) */
static PyObject *f_bxp(PyObject *self, PyObject *args)
{
    (void)self;
    PyObject *cap, *stats, *pos, *we;
    double widths;
    int vert, showfliers, showmeans, patch, notch;
    if (!PyArg_ParseTuple(args, "OOOdOiippp", &cap, &stats, &pos, &widths, &we, &vert,
                          &showfliers, &showmeans, &patch, &notch))
        return NULL;
    nplot_axes *ax = PyCapsule_GetPointer(cap, AX_CAP);
    if (!ax) return NULL;
    Py_ssize_t k = PySequence_Size(stats);
    if (k < 0) return NULL;
    if (k > 4096) {
        PyErr_SetString(PyExc_ValueError, "bxp(): at most 4096 boxes");
        return NULL;
    }
    nplot_bxp_stats *st = PyMem_Calloc((size_t)k + 1, sizeof *st);
    double **fl = PyMem_Calloc((size_t)k + 1, sizeof *fl);
    double *pv = PyMem_Calloc((size_t)k + 1, sizeof(double));
    double *wv = PyMem_Calloc((size_t)k + 1, sizeof(double));
    PyObject **keep = PyMem_Calloc((size_t)k + 1, sizeof *keep), *res = NULL;
    Py_ssize_t np_ = 0, nw = 0;
    if (!st || !fl || !pv || !wv || !keep) {
        PyErr_NoMemory();
        goto done;
    }
    for (Py_ssize_t i = 0; i < k; i++) {
        PyObject *t = PySequence_GetItem(stats, i), *fo = NULL, *lab = NULL;
        if (!t) goto done;
        keep[i] = t;
        nplot_bxp_stats *b = &st[i];
        if (!PyArg_ParseTuple(t, "ddddddddOO", &b->med, &b->q1, &b->q3, &b->whislo, &b->whishi,
                              &b->mean, &b->cilo, &b->cihi, &fo, &lab))
            goto done;
        Py_ssize_t nf = fo == Py_None ? 0 : PySequence_Size(fo);
        if (nf < 0) goto done;
        if (nf > 0) {
            if (!(fl[i] = PyMem_Calloc((size_t)nf, sizeof(double)))) {
                PyErr_NoMemory();
                goto done;
            }
            if (floats(fo, fl[i], nf) != nf) goto done;
        }
        b->fliers = fl[i];
        b->nfliers = (size_t)nf;
        if (lab != Py_None && !(b->label = PyUnicode_AsUTF8AndSize(lab, NULL))) goto done;
    }
    if (pos != Py_None && (np_ = floats(pos, pv, k)) < 0) goto done;
    if (we != Py_None && (nw = floats(we, wv, k)) < 0) goto done;
    nplot_boxplot_opts o = { .positions = { (size_t)np_, np_ ? pv : NULL }, .widths = widths,
                             .widths_each = { (size_t)nw, nw ? wv : NULL }, .vert = vert,
                             .showfliers = showfliers, .showmeans = showmeans,
                             .patch_artist = patch, .notch = notch };
    res = status(nplot_bxp_(ax, st, (int)k, &o));
done:
    for (Py_ssize_t i = 0; keep && fl && i < k; i++) {
        Py_XDECREF(keep[i]);
        PyMem_Free(fl[i]);
    }
    PyMem_Free(keep);
    PyMem_Free(fl);
    PyMem_Free(st);
    PyMem_Free(pv);
    PyMem_Free(wv);
    return res;
}

/* a list of axes capsules (or None) into an array; the count, -1 on error */
static int axes_list(PyObject *seq, nplot_axes **out, int cap)
{
    if (seq == Py_None) return 0;
    Py_ssize_t n = PySequence_Size(seq);
    if (n < 0) return -1;
    if (n > cap) n = cap;
    for (Py_ssize_t i = 0; i < n; i++) {
        PyObject *it = PySequence_GetItem(seq, i);
        if (!it) return -1;
        out[i] = PyCapsule_GetPointer(it, AX_CAP);
        Py_DECREF(it);
        if (!out[i]) return -1;
    }
    return (int)n;
}

/* fig_do(name, fig, *args): a change of the figure */
static PyObject *f_fig_do(PyObject *self, PyObject *args)
{
    (void)self;
    const char *name;
    void *h;
    PyObject *rest, *res = NULL, *o1 = NULL;
    if (prologue(args, "fig_do", FIG_CAP, &name, &h, &rest) < 0) return NULL;
    nplot_figure *fig = h;
    double d[4] = { 0 };
    int b = 0;
    const char *s = NULL, *s2 = NULL;
#define P(fmt, ...) PyArg_ParseTuple(rest, fmt, __VA_ARGS__)
    if (is(name, "facecolor")) { if (P("s", &s)) res = status(nplot_figure_set_facecolor(fig, s)); }
    else if (is(name, "edgecolor")) { if (P("s", &s)) res = status(nplot_figure_set_edgecolor(fig, s)); }
    else if (is(name, "linewidth")) { if (P("d", &d[0])) res = status(nplot_figure_set_linewidth(fig, d[0])); }
    else if (is(name, "frameon")) { if (P("p", &b)) res = status(nplot_figure_set_frameon(fig, b)); }
    else if (is(name, "figwidth")) { if (P("d", &d[0])) res = status(nplot_figure_set_figwidth(fig, d[0])); }
    else if (is(name, "figheight")) { if (P("d", &d[0])) res = status(nplot_figure_set_figheight(fig, d[0])); }
    else if (is(name, "align_labels") || is(name, "align_xlabels") || is(name, "align_ylabels")) {
        nplot_axes *axs[256];
        int m;
        if (P("O", &o1) && (m = axes_list(o1, axs, 256)) >= 0) {
            nplot_axes *const *p = m ? axs : NULL;
            res = status(is(name, "align_labels") ? nplot_align_labels(fig, p, m)
                         : is(name, "align_xlabels") ? nplot_align_xlabels(fig, p, m)
                                                     : nplot_align_ylabels(fig, p, m));
        }
    } else if (is(name, "autofmt_xdate")) {
        if (P("ddzz", &d[0], &d[1], &s, &s2)) {
            nplot_autofmt_opts o = { .bottom = d[0], .rotation = d[1], .ha = s, .which = s2 };
            res = status(nplot_autofmt_xdate_(fig, &o));
        }
    } else if (is(name, "figimage")) {
        /* X, xo, yo, origin, cmap, vmin, vmax, alpha, resize */
        double vmin, vmax;
        if (P("Oddzzdddp", &o1, &d[0], &d[1], &s, &s2, &vmin, &vmax, &d[2], &b)) {
            nd_array *X = npy_as_nd(o1, -1);
            if (X) {
                nplot_figimage_opts o = { .xo = d[0], .yo = d[1], .origin = s, .cmap = s2,
                                          .vmin = vmin, .vmax = vmax, .alpha = d[2],
                                          .resize = b };
                res = status(nplot_figimage_(fig, X, &o));
                nd_free(X);
            }
        }
    } else PyErr_Format(PyExc_AttributeError, "_plot4.fig_do: no '%s'", name);
#undef P
    Py_DECREF(rest);
    return res;
}

/* fig_get(name, fig): a property of the figure */
static PyObject *f_fig_get(PyObject *self, PyObject *args)
{
    (void)self;
    const char *name;
    void *h;
    PyObject *rest;
    if (prologue(args, "fig_get", FIG_CAP, &name, &h, &rest) < 0) return NULL;
    nplot_figure *fig = h;
    int ok = PyArg_ParseTuple(rest, "");
    Py_DECREF(rest);
    if (!ok) return NULL;
    double v[4] = { 0 };
    if (is(name, "dpi")) return PyFloat_FromDouble(nplot_figure_get_dpi(fig));
    if (is(name, "size_inches")) {
        if (nplot_figure_get_size_inches(fig, v) != ND_OK) return npy_raise();
        return Py_BuildValue("dd", v[0], v[1]);
    }
    if (is(name, "figwidth")) return PyFloat_FromDouble(nplot_figure_get_figwidth(fig));
    if (is(name, "figheight")) return PyFloat_FromDouble(nplot_figure_get_figheight(fig));
    if (is(name, "facecolor") || is(name, "edgecolor")) {
        nd_status st = name[0] == 'f' ? nplot_figure_get_facecolor(fig, v)
                                      : nplot_figure_get_edgecolor(fig, v);
        if (st != ND_OK) return npy_raise();
        return rgba(v);
    }
    if (is(name, "linewidth")) return PyFloat_FromDouble(nplot_figure_get_linewidth(fig));
    if (is(name, "frameon")) return PyBool_FromLong(nplot_figure_get_frameon(fig));
    if (is(name, "tightbbox")) {
        nd_status st;
        Py_BEGIN_ALLOW_THREADS st = nplot_figure_get_tightbbox(fig, v);
        Py_END_ALLOW_THREADS if (st != ND_OK) return npy_raise();
        return rgba(v);
    }
    PyErr_Format(PyExc_AttributeError, "_plot4.fig_get: no '%s'", name);
    return NULL;
}

static PyMethodDef methods[] = {
    { "ax_do", f_ax_do, METH_VARARGS, "ax_do(name, ax, *args): an axes setter" },
    { "ax_get", f_ax_get, METH_VARARGS, "ax_get(name, ax, *args) -> an axes property" },
    { "inset_axes", f_inset_axes, METH_VARARGS,
      "inset_axes(ax, x0, y0, w, h, transform=None) -> the inset axes" },
    { "bxp", f_bxp, METH_VARARGS, "bxp(ax, stats, ...): boxes from statistics" },
    { "fig_do", f_fig_do, METH_VARARGS, "fig_do(name, fig, *args): a figure setter" },
    { "fig_get", f_fig_get, METH_VARARGS, "fig_get(name, fig) -> a figure property" },
    { NULL, NULL, 0, NULL }
};

static struct PyModuleDef def = { PyModuleDef_HEAD_INIT, "numc._core._plot4", NULL, -1, methods,
                                  NULL, NULL, NULL, NULL };

PyObject *numc_py_ns_plot4(void) { return PyModule_Create(&def); }
