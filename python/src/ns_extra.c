/* The top-level functions of numc beyond core's (funcs.c): partition, lexsort, msort,
 * sort_complex (sort.h), nan-quantiles and histograms (stats.h), the numerical utilities of
 * ufunc.h (ediff1d, gradient, unwrap, the window functions, real_if_close, array_equiv),
 * array manipulation and indexing routines (manip.h, array.h). Positional C functions; NumPy's signatures are numc/_extra.py's. The GIL is
 * released for large inputs. */
#include "ns_common_extra.h"

#define MAXLIST 256

/* ---- generic shapes of call ---------------------------------------------------------------- */
#define P_A(name, call)                                                                  \
    static PyObject *x_##name(PyObject *self, PyObject *args)                            \
    {                                                                                    \
        (void)self;                                                                      \
        nd_array *a = NULL, *r;                                                          \
        if (!PyArg_ParseTuple(args, "O&", nsx_arr, &a)) return NULL;                     \
        NPY_CALL(nd_size(a), r = call(a));                                               \
        nd_free(a);                                                                      \
        return npy_wrap(r);                                                              \
    }
#define P_AB_I(name, call)                                                               \
    static PyObject *x_##name(PyObject *self, PyObject *args)                            \
    {                                                                                    \
        (void)self;                                                                      \
        nd_array *a = NULL, *b = NULL, *r;                                               \
        int i;                                                                           \
        if (!PyArg_ParseTuple(args, "O&O&O&", nsx_arr, &a, nsx_arr, &b, nsx_axis, &i))   \
            return NULL;                                                                 \
        NPY_CALL(nd_size(a) + nd_size(b), r = call);                                     \
        nd_free(a);                                                                      \
        nd_free(b);                                                                      \
        return npy_wrap(r);                                                              \
    }
#define CV (const nd_array *const *)

/* ---- sorting, searching, sets ---------------------------------------------------------------- */
static PyObject *x_sort(PyObject *self, PyObject *args)
{
    (void)self;
    nd_array *a = NULL, *r;
    int axis, stable, arg;
    if (!PyArg_ParseTuple(args, "O&O&pp", nsx_arr, &a, nsx_axis, &axis, &stable, &arg)) return NULL;
    nd_sort_kind k = stable ? ND_SORT_STABLE : ND_SORT_QUICK;
    NPY_CALL(nd_size(a), r = arg ? (nd_argsort)(a, axis, k) : (nd_sort)(a, axis, k));
    nd_free(a);
    return npy_wrap(r);
}

static PyObject *x_partition(PyObject *self, PyObject *args)
{
    (void)self;
    nd_array *a = NULL, *r;
    Py_ssize_t kth;
    int axis, arg;
    if (!PyArg_ParseTuple(args, "O&nO&p", nsx_arr, &a, &kth, nsx_axis, &axis, &arg)) return NULL;
    NPY_CALL(nd_size(a), r = arg ? nd_argpartition(a, kth, axis) : nd_partition(a, kth, axis));
    nd_free(a);
    return npy_wrap(r);
}

static PyObject *x_lexsort(PyObject *self, PyObject *seq)
{
    (void)self;
    nd_array *v[MAXLIST], *r;
    int n = nsx_arrays(seq, v, MAXLIST);
    if (n < 0) return NULL;
    NPY_CALL(n ? nd_size(v[0]) * n : 0, r = nd_lexsort(n, CV v));
    nsx_free_n(v, n);
    return npy_wrap(r);
}


P_A(msort, nd_msort)
P_A(sort_complex, nd_sort_complex)

/* ---- statistics -------------------------------------------------------------------------------- */
/* numc's statistics warning bits as NumPy's RuntimeWarnings (cleared before each call) */
static int stats_warn(void)
{
    unsigned w = nd_stats_warnings();
    if ((w & ND_WARN_EMPTY) && PyErr_WarnEx(PyExc_RuntimeWarning, "Mean of empty slice.", 1) < 0) return -1;
    if ((w & ND_WARN_ALL_NAN) && PyErr_WarnEx(PyExc_RuntimeWarning, "All-NaN slice encountered", 1) < 0)
        return -1;
    if ((w & ND_WARN_DOF) && PyErr_WarnEx(PyExc_RuntimeWarning, "Degrees of freedom <= 0 for slice", 1) < 0)
        return -1;
    return 0;
}

/* quantile(kind 0..3, a, q, axis, keepdims, method) with kind percentile / quantile /
 * nanpercentile / nanquantile */
static PyObject *x_quantile(PyObject *self, PyObject *args)
{
    (void)self;
    int kind, keep;
    nd_array *a = NULL, *qa = NULL, *r;
    PyObject *qo, *axo;
    const char *method;
    if (!PyArg_ParseTuple(args, "iO&OOps", &kind, nsx_arr, &a, &qo, &axo, &keep, &method)) return NULL;
    nd_quantile_opts o = ND_QUANTILE_DEFAULTS;
    int m = nd_quantile_method_from_name(method);
    if (m < 0) {
        nd_free(a);
        return npy_raise();
    }
    o.method = (nd_quantile_method)m;
    o.keepdims = keep;
    nd_axes ax = { 0 };
    if (!nsx_axes(axo, &ax)) goto fail;
    if (ax.n == 1) o.axis = ax.ax[0];
    else if (ax.n > 1) o.axes = ax;
    if (PyFloat_Check(qo) || PyLong_Check(qo)) {
        o.q = PyFloat_AsDouble(qo);
    } else {
        qa = npy_as_nd(qo, ND_FLOAT64);
        if (!qa) goto fail;
        o.qs = qa;
    }
    (void)nd_stats_warnings();
    switch (kind) {
    case 0: NPY_CALL(nd_size(a), r = nd_percentile_(a, &o)); break;
    case 1: NPY_CALL(nd_size(a), r = nd_quantile_(a, &o)); break;
    case 2: NPY_CALL(nd_size(a), r = nd_nanpercentile_(a, &o)); break;
    default: NPY_CALL(nd_size(a), r = nd_nanquantile_(a, &o));
    }
    nd_free(a);
    nd_free(qa);
    if (r && stats_warn() < 0) {
        nd_free(r);
        return NULL;
    }
    return npy_wrap_result(r);
fail:
    nd_free(a);
    return NULL;
}

static PyObject *x_median(PyObject *self, PyObject *args)
{
    (void)self;
    nd_array *a = NULL, *r;
    PyObject *axo;
    int keep, nan;
    if (!PyArg_ParseTuple(args, "O&Opp", nsx_arr, &a, &axo, &keep, &nan)) return NULL;
    nd_median_opts o = ND_MEDIAN_DEFAULTS;
    nd_axes ax = { 0 };
    if (!nsx_axes(axo, &ax)) {
        nd_free(a);
        return NULL;
    }
    if (ax.n == 1) o.axis = ax.ax[0];
    else if (ax.n > 1) o.axes = ax;
    o.keepdims = keep;
    (void)nd_stats_warnings();
    NPY_CALL(nd_size(a), r = nan ? nd_nanmedian_(a, &o) : nd_median_(a, &o));
    nd_free(a);
    if (r && stats_warn() < 0) {
        nd_free(r);
        return NULL;
    }
    return npy_wrap_result(r);
}

/* Fill histogram options: bins (int, str rule or edges array), range (None or pair),
 * weights, density. tmp receives arrays to free. */
static int hist_opts(PyObject *bins, PyObject *range, PyObject *weights, int density,
                     nd_hist_opts *o, double *rng, nd_array **tmp)
{
    memset(o, 0, sizeof *o);
    o->density = density;
    if (PyUnicode_Check(bins)) {
        int rule = nd_bin_rule_from_name(PyUnicode_AsUTF8AndSize(bins, NULL));
        if (rule < 0) {
            npy_raise();
            return -1;
        }
        o->rule = (nd_bin_rule)rule;
    } else if (PyLong_Check(bins)) {
        o->bins = PyLong_AsSsize_t(bins);
        if (o->bins == -1 && PyErr_Occurred()) return -1;
        if (o->bins < 1) {
            PyErr_SetString(PyExc_ValueError, "`bins` must be positive, when an integer");
            return -1;
        }
    } else {
        tmp[0] = npy_as_nd(bins, -1);
        if (!tmp[0]) return -1;
        o->edges = tmp[0];
    }
    if (range != Py_None) {
        if (!PyArg_ParseTuple(range, "dd", &rng[0], &rng[1])) return -1;
        o->range = rng;
    }
    if (weights != Py_None) {
        tmp[1] = npy_as_nd(weights, -1);
        if (!tmp[1]) return -1;
        o->weights = tmp[1];
    }
    return 0;
}

/* histogram(a, bins, range, weights, density, edges_only) */
static PyObject *x_histogram(PyObject *self, PyObject *args)
{
    (void)self;
    nd_array *a = NULL, *tmp[2] = { NULL, NULL }, *o2[2] = { NULL, NULL };
    PyObject *bins, *range, *weights;
    int density, edges_only;
    if (!PyArg_ParseTuple(args, "O&OOOpp", nsx_arr, &a, &bins, &range, &weights, &density, &edges_only))
        return NULL;
    nd_hist_opts o;
    double rng[2];
    PyObject *res = NULL;
    if (hist_opts(bins, range, weights, density, &o, rng, tmp) < 0) goto done;
    if (edges_only) {
        nd_array *e;
        NPY_CALL(nd_size(a), e = nd_histogram_bin_edges_(a, &o));
        res = npy_wrap(e);
    } else {
        nd_status st;
        NPY_CALL(nd_size(a), st = nd_histogram_(a, &o2[0], &o2[1], &o));
        res = st < 0 ? npy_raise() : nsx_tuple(2, o2, 0);
    }
done:
    nd_free(a);
    nsx_free_n(tmp, 2);
    return res;
}

/* histogramdd(sample (N, D), bins (int, list of ints or list of arrays), range (None or
 * list of pairs), weights, density) -> (hist, [edges]) */
static PyObject *x_histogramdd(PyObject *self, PyObject *args)
{
    (void)self;
    nd_array *s = NULL, *w = NULL, *edges_in[ND_MAXDIMS] = { 0 }, *edges[ND_MAXDIMS] = { 0 }, *h = NULL;
    PyObject *bins, *range, *res = NULL;
    int density, nin = 0;
    if (!PyArg_ParseTuple(args, "O&OOO&p", nsx_arr, &s, &bins, &range, nsx_arr_opt, &w, &density)) return NULL;
    int D = nd_ndim(s) == 1 ? 1 : (int)nd_shape(s)[nd_ndim(s) - 1];
    if (nd_ndim(s) != 1 && nd_ndim(s) != 2) {
        PyErr_SetString(PyExc_ValueError, "numc: histogramdd takes an (N, D) sample");
        goto done;
    }
    if (D > ND_MAXDIMS) {
        PyErr_Format(PyExc_ValueError, "numc: histogramdd supports at most %d dimensions", ND_MAXDIMS);
        goto done;
    }
    nd_histdd_opts o = { 0 };
    o.weights = w;
    o.density = density;
    ptrdiff_t each[ND_MAXDIMS];
    double rng[2 * ND_MAXDIMS];
    if (PyLong_Check(bins)) {
        o.bins = PyLong_AsSsize_t(bins);
    } else {
        Py_ssize_t nb = PySequence_Size(bins);
        if (nb != D) {
            if (!PyErr_Occurred())
                PyErr_SetString(PyExc_ValueError, "The dimension of bins must be equal to the dimension of the sample x.");
            goto done;
        }
        int all_int = 1;
        for (Py_ssize_t i = 0; i < nb; i++) {
            PyObject *it = PySequence_GetItem(bins, i);
            if (!it) goto done;
            if (PyLong_Check(it)) each[i] = PyLong_AsSsize_t(it);
            else all_int = 0;
            if (!all_int) {
                edges_in[i] = npy_as_nd(it, -1);
                nin = (int)i + 1;
            }
            Py_DECREF(it);
            if (!all_int && !edges_in[i]) goto done;
        }
        if (all_int) o.bins_each = each;
        else {
            for (Py_ssize_t i = 0; i < nb; i++)
                if (!edges_in[i]) {
                    PyErr_SetString(PyExc_TypeError, "numc: histogramdd bins must be all counts or all edge arrays");
                    goto done;
                }
            o.edges = CV edges_in;
        }
    }
    if (range != Py_None) {
        Py_ssize_t nr = PySequence_Size(range);
        if (nr != D) {
            if (!PyErr_Occurred()) PyErr_SetString(PyExc_ValueError, "numc: range needs one (min, max) pair per dimension");
            goto done;
        }
        for (Py_ssize_t i = 0; i < nr; i++) {
            PyObject *it = PySequence_GetItem(range, i);
            int ok = it && PyArg_ParseTuple(it, "dd", &rng[2 * i], &rng[2 * i + 1]);
            Py_XDECREF(it);
            if (!ok) goto done;
        }
        o.range = rng;
    }
    if (PyErr_Occurred()) goto done;
    nd_status st;
    NPY_CALL(nd_size(s), st = nd_histogramdd_(s, &h, edges, &o));
    if (st < 0) {
        npy_raise();
        goto done;
    }
    PyObject *el = PyList_New(D);
    for (int i = 0; el && i < D; i++) {
        PyObject *e = npy_wrap(edges[i]);
        edges[i] = NULL;
        if (!e) Py_CLEAR(el);
        else PyList_SetItem(el, i, e);
    }
    nsx_free_n(edges, D);
    if (el) {
        PyObject *hh = npy_wrap(h);
        h = NULL;
        res = hh ? Py_BuildValue("NN", hh, el) : NULL;
        if (!hh) Py_DECREF(el);
    }
done:
    nd_free(h);
    nd_free(s);
    nd_free(w);
    nsx_free_n(edges_in, nin);
    return res;
}

static PyObject *x_ediff1d(PyObject *self, PyObject *args)
{
    (void)self;
    nd_array *a = NULL, *te = NULL, *tb = NULL, *r;
    if (!PyArg_ParseTuple(args, "O&O&O&", nsx_arr, &a, nsx_arr_opt, &te, nsx_arr_opt, &tb)) return NULL;
    NPY_CALL(nd_size(a), r = nd_ediff1d(a, te, tb));
    nd_free(a);
    nd_free(te);
    nd_free(tb);
    return npy_wrap(r);
}


/* ---- joining and splitting ------------------------------------------------------------------------ */

/* split(a, sections (int) or indices (sequence), axis, strict) -> list */
static PyObject *x_split(PyObject *self, PyObject *args)
{
    (void)self;
    nd_array *a = NULL;
    PyObject *sec;
    int axis, strict;
    if (!PyArg_ParseTuple(args, "O&Oip", nsx_arr, &a, &sec, &axis, &strict)) return NULL;
    nd_array **out = NULL;
    ptrdiff_t *idx = NULL;
    Py_ssize_t nout = 0;
    PyObject *res = NULL;
    nd_status st;
    if (PyLong_Check(sec)) {
        Py_ssize_t k = PyLong_AsSsize_t(sec);
        if (k <= 0) {
            if (!PyErr_Occurred()) PyErr_SetString(PyExc_ValueError, "number sections must be larger than 0.");
            goto done;
        }
        nout = k;
        out = (nd_array **)PyMem_Calloc((size_t)k, sizeof *out);
        if (!out) goto nomem;
        st = strict ? nd_split(a, k, axis, out) : nd_array_split(a, k, axis, out);
    } else {
        Py_ssize_t n = PySequence_Size(sec);
        if (n < 0) goto done;
        idx = (ptrdiff_t *)PyMem_Calloc((size_t)n + 1, sizeof *idx);
        out = (nd_array **)PyMem_Calloc((size_t)n + 1, sizeof *out);
        if (!idx || !out) goto nomem;
        for (Py_ssize_t i = 0; i < n; i++) {
            PyObject *it = PySequence_GetItem(sec, i);
            idx[i] = it ? PyNumber_AsSsize_t(it, PyExc_OverflowError) : -1;
            Py_XDECREF(it);
            if (PyErr_Occurred()) goto done;
        }
        nout = n + 1;
        st = nd_split_at(a, (int)n, idx, axis, out);
    }
    if (st < 0) {
        npy_raise();
        goto done;
    }
    res = PyList_New(nout);
    for (Py_ssize_t i = 0; i < nout; i++) {
        PyObject *e = res ? npy_wrap(out[i]) : NULL;
        if (!res) nd_free(out[i]);
        else if (!e) Py_CLEAR(res);
        else PyList_SetItem(res, i, e);
        out[i] = NULL;
    }
    goto done;
nomem:
    PyErr_NoMemory();
done:
    nd_free(a);
    PyMem_Free(out);
    PyMem_Free(idx);
    return res;
}

static PyObject *x_resize(PyObject *self, PyObject *args)
{
    (void)self;
    nd_array *a = NULL, *r;
    nsx_shape s;
    if (!PyArg_ParseTuple(args, "O&O&", nsx_arr, &a, nsx_shape_conv, &s)) return NULL;
    NPY_CALL(nd_size(a), r = nd_resize(a, s.ndim, s.shape));
    nd_free(a);
    return npy_wrap(r);
}

/* pad(a, widths (flat list), mode, constants (flat list of floats), end_values (flat),
 * stat_length (flat, None entries → whole axis), reflect_odd) */
static PyObject *x_pad(PyObject *self, PyObject *args)
{
    (void)self;
    nd_array *a = NULL, *r = NULL;
    PyObject *wo, *co, *eo, *so;
    int mode, odd;
    if (!PyArg_ParseTuple(args, "O&OiOOOp", nsx_arr, &a, &wo, &mode, &co, &eo, &so, &odd)) return NULL;
    ptrdiff_t w[2 * ND_MAXDIMS], sl[2 * ND_MAXDIMS];
    double ev[2 * ND_MAXDIMS];
    nd_scalar cs[2 * ND_MAXDIMS];
    Py_ssize_t nw = PySequence_Size(wo), nc = PySequence_Size(co), ne = PySequence_Size(eo),
               nsl = PySequence_Size(so);
    if (nw < 0 || nc < 0 || ne < 0 || nsl < 0) goto done;
    if (nw > 2 * ND_MAXDIMS || nc > 2 * ND_MAXDIMS || ne > 2 * ND_MAXDIMS || nsl > 2 * ND_MAXDIMS) {
        PyErr_SetString(PyExc_ValueError, "numc: too many pad widths or values");
        goto done;
    }
    for (Py_ssize_t i = 0; i < nw; i++) {
        PyObject *it = PySequence_GetItem(wo, i);
        w[i] = it ? PyNumber_AsSsize_t(it, PyExc_OverflowError) : 0;
        Py_XDECREF(it);
    }
    int cplx = nd_dtype_of(a) == ND_COMPLEX64 || nd_dtype_of(a) == ND_COMPLEX128;
    int isint = nd_dtype_of(a) != ND_FLOAT32 && nd_dtype_of(a) != ND_FLOAT64 && !cplx;
    for (Py_ssize_t i = 0; i < nc; i++) {
        PyObject *it = PySequence_GetItem(co, i);
        if (!it) goto done;
        if (cplx) cs[i] = ND_C128(PyComplex_RealAsDouble(it), PyComplex_ImagAsDouble(it));
        else if (isint && PyLong_Check(it)) cs[i] = ND_I64(PyLong_AsLongLong(it));
        else cs[i] = ND_F64(PyFloat_AsDouble(it));
        Py_DECREF(it);
    }
    for (Py_ssize_t i = 0; i < ne; i++) {
        PyObject *it = PySequence_GetItem(eo, i);
        ev[i] = it ? PyFloat_AsDouble(it) : 0;
        Py_XDECREF(it);
    }
    for (Py_ssize_t i = 0; i < nsl; i++) {
        PyObject *it = PySequence_GetItem(so, i);
        sl[i] = !it ? 0 : it == Py_None ? ND_NONE : PyNumber_AsSsize_t(it, PyExc_OverflowError);
        Py_XDECREF(it);
    }
    if (PyErr_Occurred()) goto done;
    nd_pad_opts o = { ._ = 0 };
    o.mode = (nd_pad_mode)mode;
    if (nc == 1) o.constant = cs[0];
    else if (nc > 1) {
        o.nconstants = (int)nc;
        o.constants = cs;
    }
    o.nend_values = (int)ne;
    o.end_values = ne ? ev : NULL;
    o.nstat_length = (int)nsl;
    o.stat_length = nsl ? sl : NULL;
    o.reflect_type = odd ? ND_REFLECT_ODD : ND_REFLECT_EVEN;
    NPY_CALL(nd_size(a), r = nd_pad_ex_(a, (int)nw, w, &o));
    nd_free(a);
    return npy_wrap(r);
done:
    nd_free(a);
    return NULL;
}

/* delete(a, obj (int, slice or array), axis) / insert(a, obj, values, axis) */
static int slice_index(PyObject *sl, nd_index *ix)
{
    PyObject *st = PyObject_GetAttrString(sl, "start"), *sp = PyObject_GetAttrString(sl, "stop"),
             *se = PyObject_GetAttrString(sl, "step");
    int ok = st && sp && se;
    ptrdiff_t v[3] = { ND_NONE, ND_NONE, 1 };
    PyObject *p[3] = { st, sp, se };
    for (int i = 0; ok && i < 3; i++)
        if (p[i] != Py_None) {
            v[i] = PyNumber_AsSsize_t(p[i], PyExc_OverflowError);
            if (PyErr_Occurred()) ok = 0;
        }
    Py_XDECREF(st);
    Py_XDECREF(sp);
    Py_XDECREF(se);
    if (!ok) return -1;
    *ix = ND_SLICE(v[0], v[1], v[2]);
    return 0;
}

static PyObject *x_delete(PyObject *self, PyObject *args)
{
    (void)self;
    nd_array *a = NULL, *r = NULL;
    PyObject *obj;
    int axis;
    if (!PyArg_ParseTuple(args, "O&OO&", nsx_arr, &a, &obj, nsx_axis, &axis)) return NULL;
    if (PySlice_Check(obj)) {
        nd_index ix;
        if (slice_index(obj, &ix) == 0) r = nd_delete_slice(a, ix, axis);
        else goto fail;
    } else if (PyLong_Check(obj)) {
        Py_ssize_t i = PyLong_AsSsize_t(obj);
        r = nd_delete_at(a, i, axis);
    } else {
        nd_array *o = npy_as_nd(obj, -1);
        if (!o) goto fail;
        NPY_CALL(nd_size(a), r = nd_delete(a, o, axis));
        nd_free(o);
    }
    nd_free(a);
    return npy_wrap(r);
fail:
    nd_free(a);
    return NULL;
}

static PyObject *x_insert(PyObject *self, PyObject *args)
{
    (void)self;
    nd_array *a = NULL, *v = NULL, *r = NULL;
    PyObject *obj;
    int axis;
    if (!PyArg_ParseTuple(args, "O&OO&O&", nsx_arr, &a, &obj, nsx_arr, &v, nsx_axis, &axis)) return NULL;
    if (PySlice_Check(obj)) {
        nd_index ix;
        if (slice_index(obj, &ix) == 0) r = nd_insert_slice(a, ix, v, axis);
        else goto fail;
    } else if (PyLong_Check(obj)) {
        r = nd_insert_at(a, PyLong_AsSsize_t(obj), v, axis);
    } else {
        nd_array *o = npy_as_nd(obj, -1);
        if (!o) goto fail;
        NPY_CALL(nd_size(a), r = nd_insert(a, o, v, axis));
        nd_free(o);
    }
    nd_free(a);
    nd_free(v);
    return npy_wrap(r);
fail:
    nd_free(a);
    nd_free(v);
    return NULL;
}

static PyObject *x_trim_zeros(PyObject *self, PyObject *args)
{
    (void)self;
    nd_array *a = NULL, *r;
    const char *trim;
    if (!PyArg_ParseTuple(args, "O&s", nsx_arr, &a, &trim)) return NULL;
    r = nd_trim_zeros(a, trim);
    nd_free(a);
    return npy_wrap(r);
}

static PyObject *x_vander(PyObject *self, PyObject *args)
{
    (void)self;
    nd_array *x = NULL, *r;
    PyObject *no;
    int inc;
    if (!PyArg_ParseTuple(args, "O&Op", nsx_arr, &x, &no, &inc)) return NULL;
    ptrdiff_t n = no == Py_None ? ND_NONE : PyLong_AsSsize_t(no);
    r = PyErr_Occurred() ? NULL : (nd_vander)(x, n, inc);
    nd_free(x);
    if (PyErr_Occurred()) {
        nd_free(r);
        return NULL;
    }
    return npy_wrap(r);
}

/* packbits(a, axis, little) / unpackbits(a, axis, count or None, little) */
static PyObject *x_packbits(PyObject *self, PyObject *args)
{
    (void)self;
    nd_array *a = NULL, *r;
    int axis, little, unpack;
    PyObject *count;
    if (!PyArg_ParseTuple(args, "O&O&pOp", nsx_arr, &a, nsx_axis, &axis, &little, &count, &unpack)) return NULL;
    nd_bits_opts o = { ._ = 0, .axis = axis, .bitorder = little ? ND_BITORDER_LITTLE : ND_BITORDER_BIG,
                       .count = ND_COUNT_ALL };
    if (count != Py_None) o.count = PyLong_AsSsize_t(count);
    r = PyErr_Occurred() ? NULL : unpack ? nd_unpackbits_(a, &o) : nd_packbits_(a, &o);
    nd_free(a);
    if (PyErr_Occurred()) {
        nd_free(r);
        return NULL;
    }
    return npy_wrap(r);
}

/* ---- indexing routines ------------------------------------------------------------------------------ */
P_AB_I(take_along_axis, nd_take_along_axis(a, b, i))
P_AB_I(compress, nd_compress(a, b, i))

/* a tuple of n arrays written by a status call */
static PyObject *tuple_of(nd_status st, int n, nd_array **out)
{
    if (st < 0) return npy_raise();
    return nsx_tuple(n, out, 0);
}

/* in-place writers: put, place, putmask, put_along_axis, fill_diagonal */
static PyObject *x_put(PyObject *self, PyObject *args)
{
    (void)self;
    const char *name;
    nd_array *a = NULL, *b = NULL, *c = NULL;
    int axis;
    if (!PyArg_ParseTuple(args, "sO&O&O&O&", &name, nsx_arr, &a, nsx_arr, &b, nsx_arr_opt, &c, nsx_axis, &axis))
        return NULL;
    nd_status st;
    if (strcmp(name, "put") == 0) st = nd_put(a, b, c);
    else if (strcmp(name, "place") == 0) st = nd_place(a, b, c);
    else if (strcmp(name, "putmask") == 0) st = nd_putmask(a, b, c);
    else if (strcmp(name, "put_along_axis") == 0) st = nd_put_along_axis(a, b, c, axis);
    else st = nd_fill_diagonal(a, b, axis != 0);
    nd_free(a);
    nd_free(b);
    nd_free(c);
    if (st < 0) return npy_raise();
    Py_RETURN_NONE;
}

static PyObject *x_indices(PyObject *self, PyObject *args)
{
    (void)self;
    nsx_shape s;
    int dt, sparse;
    if (!PyArg_ParseTuple(args, "O&O&p", nsx_shape_conv, &s, nsx_dtype, &dt, &sparse)) return NULL;
    nd_dtype t = dt < 0 ? ND_INT64 : (nd_dtype)dt;
    if (!sparse) return npy_wrap((nd_indices)(s.ndim, s.shape, t));
    nd_array *out[ND_MAXDIMS] = { 0 };
    return tuple_of(nd_indices_sparse(s.ndim, s.shape, t, out), s.ndim, out);
}

static PyObject *x_ix(PyObject *self, PyObject *seq)
{
    (void)self;
    nd_array *v[ND_MAXDIMS], *out[ND_MAXDIMS] = { 0 };
    int n = nsx_arrays(seq, v, ND_MAXDIMS);
    if (n < 0) return NULL;
    nd_status st = nd_ix(n, CV v, out);
    nsx_free_n(v, n);
    return tuple_of(st, n, out);
}

static int clipmode(const char *m)
{
    if (strcmp(m, "raise") == 0) return ND_RAISE;
    if (strcmp(m, "wrap") == 0) return ND_WRAP;
    if (strcmp(m, "clip") == 0) return ND_CLIP;
    PyErr_Format(PyExc_ValueError, "clipmode must be one of 'clip', 'raise', or 'wrap' (got '%s')", m);
    return -1;
}

/* ravel_multi_index(list of index arrays, dims, modes (list of str), order 'C'/'F') */
static PyObject *x_ravel_multi_index(PyObject *self, PyObject *args)
{
    (void)self;
    PyObject *seq, *modes;
    nsx_shape dims;
    const char *order;
    if (!PyArg_ParseTuple(args, "OO&Os", &seq, nsx_shape_conv, &dims, &modes, &order)) return NULL;
    nd_clipmode m[ND_MAXDIMS];
    Py_ssize_t nm = PySequence_Size(modes);
    if (nm < 0 || nm > ND_MAXDIMS) {
        if (!PyErr_Occurred()) PyErr_SetString(PyExc_ValueError, "numc: too many modes");
        return NULL;
    }
    for (Py_ssize_t i = 0; i < nm; i++) {
        PyObject *it = PySequence_GetItem(modes, i);
        const char *s = it ? PyUnicode_AsUTF8AndSize(it, NULL) : NULL;
        int k = s ? clipmode(s) : -1;
        Py_XDECREF(it);
        if (k < 0) return NULL;
        m[i] = (nd_clipmode)k;
    }
    nd_array *v[ND_MAXDIMS], *r;
    int n = nsx_arrays(seq, v, ND_MAXDIMS);
    if (n < 0) return NULL;
    nd_ravel_opts o = ND_RAVEL_DEFAULTS;
    if (nm == 1) o.mode = m[0];
    else if (nm > 1) o.modes = m;
    o.order = order[0] == 'F' ? ND_ORDER_F : ND_ORDER_C;
    r = nd_ravel_multi_index_(n, CV v, dims.ndim, dims.shape, &o);
    nsx_free_n(v, n);
    return npy_wrap_result(r);
}

static PyObject *x_unravel_index(PyObject *self, PyObject *args)
{
    (void)self;
    nd_array *a = NULL, *out[ND_MAXDIMS] = { 0 };
    nsx_shape dims;
    const char *order;
    if (!PyArg_ParseTuple(args, "O&O&s", nsx_arr, &a, nsx_shape_conv, &dims, &order)) return NULL;
    nd_ravel_opts o = ND_RAVEL_DEFAULTS;
    o.order = order[0] == 'F' ? ND_ORDER_F : ND_ORDER_C;
    nd_status st = nd_unravel_index_(a, dims.ndim, dims.shape, out, &o);
    nd_free(a);
    return tuple_of(st, dims.ndim, out);
}

/* tri_indices(which 0 tril / 1 triu / 2 diag, n, k, m) and the _from forms */
static PyObject *x_tri_indices(PyObject *self, PyObject *args)
{
    (void)self;
    int which;
    Py_ssize_t n, k, m;
    if (!PyArg_ParseTuple(args, "innn", &which, &n, &k, &m)) return NULL;
    return npy_wrap(which == 0 ? nd_tril_indices(n, k, m) : which == 1 ? nd_triu_indices(n, k, m)
                                                                    : nd_diag_indices(n, (int)k));
}

static PyObject *x_tri_indices_from(PyObject *self, PyObject *args)
{
    (void)self;
    int which;
    nd_array *a = NULL, *r;
    Py_ssize_t k;
    if (!PyArg_ParseTuple(args, "iO&n", &which, nsx_arr, &a, &k)) return NULL;
    r = which == 0 ? nd_tril_indices_from(a, k) : which == 1 ? nd_triu_indices_from(a, k) : nd_diag_indices_from(a);
    nd_free(a);
    return npy_wrap(r);
}

static PyObject *x_choose(PyObject *self, PyObject *args)
{
    (void)self;
    nd_array *a = NULL, *v[MAXLIST], *r;
    PyObject *seq;
    const char *mode;
    if (!PyArg_ParseTuple(args, "O&Os", nsx_arr, &a, &seq, &mode)) return NULL;
    int m = clipmode(mode);
    int n = m < 0 ? -1 : nsx_arrays(seq, v, MAXLIST);
    if (n < 0) {
        nd_free(a);
        return NULL;
    }
    NPY_CALL(nd_size(a), r = nd_choose(a, n, CV v, (nd_clipmode)m));
    nd_free(a);
    nsx_free_n(v, n);
    return npy_wrap(r);
}

static PyObject *x_select(PyObject *self, PyObject *args)
{
    (void)self;
    PyObject *cl, *chl;
    nd_array *def = NULL, *c[MAXLIST], *ch[MAXLIST], *r;
    if (!PyArg_ParseTuple(args, "OOO&", &cl, &chl, nsx_arr_opt, &def)) return NULL;
    int n1 = nsx_arrays(cl, c, MAXLIST);
    int n2 = n1 < 0 ? -1 : nsx_arrays(chl, ch, MAXLIST);
    if (n2 < 0) {
        if (n1 > 0) nsx_free_n(c, n1);
        nd_free(def);
        return NULL;
    }
    if (n1 != n2) {
        nsx_free_n(c, n1);
        nsx_free_n(ch, n2);
        nd_free(def);
        PyErr_SetString(PyExc_ValueError, "list of cases must be same length as list of conditions");
        return NULL;
    }
    r = nd_select(n1, CV c, CV ch, def);
    nsx_free_n(c, n1);
    nsx_free_n(ch, n2);
    nd_free(def);
    return npy_wrap(r);
}

/* sliding_window_view(x, window_shape, axis (None, int or tuple)) */
static PyObject *x_sliding_window_view(PyObject *self, PyObject *args)
{
    (void)self;
    nd_array *x = NULL, *r;
    nsx_shape w;
    PyObject *axo;
    if (!PyArg_ParseTuple(args, "O&O&O", nsx_arr, &x, nsx_shape_conv, &w, &axo)) return NULL;
    nd_window_opts o = { ._ = 0, .axis = ND_AXIS_NONE };
    nd_axes ax = { 0 };
    if (!nsx_axes(axo, &ax)) {
        nd_free(x);
        return NULL;
    }
    if (axo != Py_None) {
        if (PyLong_Check(axo)) o.axis = ax.ax[0];
        else o.axes = ax;
    }
    r = nd_sliding_window_view_(x, w.ndim, w.shape, &o);
    nd_free(x);
    return npy_wrap(r);
}

/* ---- array.h shape and creation helpers not in core ------------------------------------------------------------ */
static PyObject *x_rollaxis(PyObject *self, PyObject *args)
{
    (void)self;
    nd_array *a = NULL, *r;
    int axis, start;
    if (!PyArg_ParseTuple(args, "O&ii", nsx_arr, &a, &axis, &start)) return NULL;
    r = (nd_rollaxis)(a, axis, start);
    nd_free(a);
    return npy_wrap(r);
}

static PyObject *x_diagflat(PyObject *self, PyObject *args)
{
    (void)self;
    nd_array *a = NULL, *r;
    Py_ssize_t k;
    if (!PyArg_ParseTuple(args, "O&n", nsx_arr, &a, &k)) return NULL;
    r = nd_diagflat(a, k);
    nd_free(a);
    return npy_wrap(r);
}

static PyObject *x_tri(PyObject *self, PyObject *args)
{
    (void)self;
    Py_ssize_t n, m, k;
    int dt;
    if (!PyArg_ParseTuple(args, "nnnO&", &n, &m, &k, nsx_dtype, &dt)) return NULL;
    return npy_wrap(nd_tri(n, m, k, dt < 0 ? ND_FLOAT64 : (nd_dtype)dt));
}

/* ---- window functions and the other utilities of ufunc.h ----------------------------------------------------- */
/* window(which 0 bartlett 1 blackman 2 hamming 3 hanning 4 kaiser, M, beta) */
static PyObject *x_window(PyObject *self, PyObject *args)
{
    (void)self;
    int which;
    Py_ssize_t M;
    double beta;
    if (!PyArg_ParseTuple(args, "ind", &which, &M, &beta)) return NULL;
    switch (which) {
    case 0: return npy_wrap(nd_bartlett(M));
    case 1: return npy_wrap(nd_blackman(M));
    case 2: return npy_wrap(nd_hamming(M));
    case 3: return npy_wrap(nd_hanning(M));
    default: return npy_wrap(nd_kaiser(M, beta));
    }
}

static PyObject *x_asfortranarray(PyObject *self, PyObject *args)
{
    (void)self;
    nd_array *a = NULL, *r;
    if (!PyArg_ParseTuple(args, "O&", nsx_arr, &a)) return NULL;
    NPY_CALL(nd_size(a), r = nd_asfortranarray(a));
    nd_free(a);
    return npy_wrap(r);
}

static PyObject *x_real_if_close(PyObject *self, PyObject *args)
{
    (void)self;
    nd_array *a = NULL, *r;
    double tol;
    if (!PyArg_ParseTuple(args, "O&d", nsx_arr, &a, &tol)) return NULL;
    NPY_CALL(nd_size(a), r = nd_real_if_close_(a, tol));
    nd_free(a);
    return npy_wrap_result(r);
}

static PyObject *x_array_equiv(PyObject *self, PyObject *args)
{
    (void)self;
    nd_array *a = NULL, *b = NULL;
    bool eq = false;
    if (!PyArg_ParseTuple(args, "O&O&", nsx_arr, &a, nsx_arr, &b)) return NULL;
    nd_status st = nd_array_equiv(a, b, &eq);
    nd_free(a);
    nd_free(b);
    if (st < 0) return npy_raise();
    return PyBool_FromLong(eq);
}

static PyObject *x_isfortran(PyObject *self, PyObject *args)
{
    (void)self;
    nd_array *a = NULL;
    if (!PyArg_ParseTuple(args, "O&", nsx_arr, &a)) return NULL;
    bool f = nd_isfortran(a);
    nd_free(a);
    return PyBool_FromLong(f);
}

#define M(n) { #n, x_##n, METH_VARARGS, NULL }
#define MO(n) { #n, x_##n, METH_O, NULL }
static PyMethodDef x_methods[] = {
    M(sort), M(partition), MO(lexsort), M(msort), M(sort_complex), M(quantile), M(median),
    M(histogram), M(histogramdd), M(ediff1d), M(split),
    M(resize), M(pad), M(delete), M(insert), M(trim_zeros), M(vander), M(packbits),
    M(take_along_axis), M(compress), M(put), M(indices), MO(ix), M(ravel_multi_index),
    M(unravel_index), M(tri_indices), M(tri_indices_from), M(choose), M(select),
    M(sliding_window_view), M(rollaxis), M(diagflat), M(tri), M(window),
    M(asfortranarray), M(real_if_close), M(array_equiv), M(isfortran),
    { NULL, NULL, 0, NULL }
};
#undef M
#undef MO

static struct PyModuleDef x_def = { PyModuleDef_HEAD_INIT, "numc._core._extra",
                                    "numc's sorting, statistics and manipulation functions", -1,
                                    x_methods, NULL, NULL, NULL, NULL };

PyObject *numc_py_ns_extra(void) { return PyModule_Create(&x_def); }
