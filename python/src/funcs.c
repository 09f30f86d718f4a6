/* NumPy's top-level array functions over numc's manip.h / sort.h / stats.h / ufunc.h:
 * joining, where/nonzero, meshgrid, sorting and sets, tiling and flipping, rounding and
 * comparisons, median/percentile/histogram. Each is a thin argument translation. */
#include "numc_py.h"

#include <string.h>

#define KW (METH_VARARGS | METH_KEYWORDS)
#define FN(f) ((PyCFunction)(void (*)(void))(f))

/* A sequence of array-likes as nd_arrays (new references in out[]); count or -1. */
static int arrays_of(PyObject *seq, nd_array **out, int max, const char *who)
{
    PyObject *t = PySequence_Tuple(seq);
    if (!t) {
        PyErr_Format(PyExc_TypeError, "%s: expected a sequence of arrays", who);
        return -1;
    }
    Py_ssize_t n = PyTuple_Size(t);
    if (n > max) {
        Py_DECREF(t);
        PyErr_Format(PyExc_ValueError, "%s: at most %d arrays", who, max);
        return -1;
    }
    for (Py_ssize_t i = 0; i < n; i++) {
        out[i] = npy_as_nd(PyTuple_GetItem(t, i), -1);
        if (!out[i]) {
            for (Py_ssize_t j = 0; j < i; j++) nd_free(out[j]);
            Py_DECREF(t);
            return -1;
        }
    }
    Py_DECREF(t);
    return (int)n;
}

/* Both array-likes as nd_arrays (new references in *a and *b): 0, or -1 with a Python error set
 * and nothing left to free. */
static int as_nd_pair(PyObject *ao, PyObject *bo, nd_array **a, nd_array **b)
{
    *a = npy_as_nd(ao, -1);
    *b = *a ? npy_as_nd(bo, -1) : NULL;
    if (*b) return 0;
    nd_free(*a);
    return -1;
}

static void free_all(nd_array **a, int n)
{
    for (int i = 0; i < n; i++) nd_free(a[i]);
}

PyObject *npy_tuple_of(nd_array **a, int n)
{
    PyObject *t = PyTuple_New(n);
    if (!t) {
        free_all(a, n);
        return NULL;
    }
    for (int i = 0; i < n; i++) {
        PyObject *o = npy_wrap(a[i]);
        a[i] = NULL;
        if (!o) {
            free_all(a + i + 1, n - i - 1);
            Py_DECREF(t);
            return NULL;
        }
        PyTuple_SetItem(t, i, o);
    }
    return t;
}

/* axis argument where None means ND_AXIS_NONE */
static int axis_of(PyObject *o, int *axis)
{
    nd_axes axes;
    if (npy_axis_arg(o, axis, &axes) < 0) return -1;
    if (axes.n > 0) {
        PyErr_SetString(PyExc_TypeError, "numc: a single axis is expected here");
        return -1;
    }
    return 0;
}

#define MAXARR 256

/* numc's statistics report NumPy's RuntimeWarnings as bits (nd_stats_warnings): issue them
 * with NumPy's texts. Call stats_clear() before the numc call, stats_warn() after it; -1
 * when a warning filter turned one into an exception. */
static void stats_clear(void)
{
    (void)nd_stats_warnings();
}

static int stats_warn(void)
{
    unsigned bits = nd_stats_warnings();
    if ((bits & ND_WARN_EMPTY) && PyErr_WarnEx(PyExc_RuntimeWarning, "Mean of empty slice.", 1) < 0) return -1;
    if ((bits & ND_WARN_ALL_NAN) && PyErr_WarnEx(PyExc_RuntimeWarning, "All-NaN slice encountered", 1) < 0)
        return -1;
    if ((bits & ND_WARN_DOF) && PyErr_WarnEx(PyExc_RuntimeWarning, "Degrees of freedom <= 0 for slice", 1) < 0)
        return -1;
    return 0;
}

/* npy_wrap_result after a statistics call */
static PyObject *stats_result(nd_array *r)
{
    if (r && stats_warn() < 0) {
        nd_free(r);
        return NULL;
    }
    return npy_wrap_result(r);
}

typedef nd_array *(*join_fn)(int, const nd_array *const *, int);
static PyObject *join(PyObject *args, PyObject *kw, const char *fmt, join_fn fn, int has_axis, nd_array *(*fn2)(int, const nd_array *const *))
{
    static char *names[] = { "arrays", "axis", NULL };
    static char *names1[] = { "tup", NULL };
    PyObject *seq, *ao = NULL;
    int ok = has_axis ? PyArg_ParseTupleAndKeywords(args, kw, fmt, names, &seq, &ao)
                      : PyArg_ParseTupleAndKeywords(args, kw, fmt, names1, &seq);
    if (!ok) return NULL;
    int axis = 0;
    if (ao && axis_of(ao, &axis) < 0) return NULL;
    nd_array *arr[MAXARR];
    int n = arrays_of(seq, arr, MAXARR, fmt);
    if (n < 0) return NULL;
    ptrdiff_t total = 0;
    for (int i = 0; i < n; i++) total += nd_size(arr[i]);
    nd_array *r;
    NPY_CALL(total, r = has_axis ? fn(n, (const nd_array *const *)arr, axis) : fn2(n, (const nd_array *const *)arr));
    free_all(arr, n);
    return npy_wrap(r);
}
static PyObject *f_concatenate(PyObject *s, PyObject *a, PyObject *k) { return join(a, k, "O|O:concatenate", nd_concatenate, 1, NULL); }
static PyObject *f_stack(PyObject *s, PyObject *a, PyObject *k) { return join(a, k, "O|O:stack", nd_stack, 1, NULL); }
static PyObject *f_vstack(PyObject *s, PyObject *a, PyObject *k) { return join(a, k, "O:vstack", NULL, 0, nd_vstack); }
static PyObject *f_hstack(PyObject *s, PyObject *a, PyObject *k) { return join(a, k, "O:hstack", NULL, 0, nd_hstack); }
static PyObject *f_dstack(PyObject *s, PyObject *a, PyObject *k) { return join(a, k, "O:dstack", NULL, 0, nd_dstack); }
static PyObject *f_column_stack(PyObject *s, PyObject *a, PyObject *k) { return join(a, k, "O:column_stack", NULL, 0, nd_column_stack); }

static PyObject *f_nonzero(PyObject *self, PyObject *o)
{
    nd_array *a = npy_as_nd(o, -1);
    if (!a) return NULL;
    int n = nd_ndim(a) == 0 ? 1 : nd_ndim(a);
    nd_array *out[ND_MAXDIMS];
    nd_status st = nd_nonzero(a, out);
    nd_free(a);
    if (st < 0) return npy_raise();
    return npy_tuple_of(out, n);
}

static PyObject *f_where(PyObject *self, PyObject *args)
{
    PyObject *co, *xo = NULL, *yo = NULL;
    if (!PyArg_ParseTuple(args, "O|OO:where", &co, &xo, &yo)) return NULL;
    if (!xo && !yo) return f_nonzero(self, co);
    if (!xo || !yo) {
        PyErr_SetString(PyExc_ValueError, "either both or neither of x and y should be given");
        return NULL;
    }
    nd_array *c = npy_as_nd(co, ND_BOOL), *x = c ? npy_as_nd(xo, -1) : NULL, *y = x ? npy_as_nd(yo, -1) : NULL;
    nd_array *r = NULL;
    if (y) NPY_CALL(nd_size(c), r = nd_where(c, x, y));
    nd_free(c);
    nd_free(x);
    nd_free(y);
    if (!y) return NULL;
    return npy_wrap(r);
}

static PyObject *one_array_fn(PyObject *o, nd_array *(*fn)(const nd_array *))
{
    nd_array *a = npy_as_nd(o, -1);
    if (!a) return NULL;
    nd_array *r = fn(a);
    nd_free(a);
    return npy_wrap(r);
}
static PyObject *f_argwhere(PyObject *s, PyObject *o) { return one_array_fn(o, nd_argwhere); }
static PyObject *f_flatnonzero(PyObject *s, PyObject *o) { return one_array_fn(o, nd_flatnonzero); }
static PyObject *f_atleast_1d(PyObject *s, PyObject *o) { return one_array_fn(o, nd_atleast_1d); }
static PyObject *f_atleast_2d(PyObject *s, PyObject *o) { return one_array_fn(o, nd_atleast_2d); }
static PyObject *f_atleast_3d(PyObject *s, PyObject *o) { return one_array_fn(o, nd_atleast_3d); }
static PyObject *f_fliplr(PyObject *s, PyObject *o) { return one_array_fn(o, nd_fliplr); }
static PyObject *f_flipud(PyObject *s, PyObject *o) { return one_array_fn(o, nd_flipud); }
static PyObject *f_ascontiguousarray(PyObject *s, PyObject *o) { return one_array_fn(o, nd_ascontiguousarray); }
static PyObject *one_result(PyObject *o, nd_array *(*fn)(const nd_array *))
{
    nd_array *a = npy_as_nd(o, -1);
    if (!a) return NULL;
    nd_array *r;
    NPY_CALL(nd_size(a), r = fn(a));
    nd_free(a);
    return npy_wrap_result(r);
}
static PyObject *f_fabs(PyObject *s, PyObject *o) { return one_result(o, nd_fabs); }
static PyObject *f_isposinf(PyObject *s, PyObject *o) { return one_result(o, nd_isposinf); }
static PyObject *f_isneginf(PyObject *s, PyObject *o) { return one_result(o, nd_isneginf); }
static PyObject *f_iscomplex(PyObject *s, PyObject *o) { return one_result(o, nd_iscomplex); }
static PyObject *f_isreal(PyObject *s, PyObject *o) { return one_result(o, nd_isreal); }
static PyObject *f_i0(PyObject *s, PyObject *o) { return one_result(o, nd_i0); }
static PyObject *f_real(PyObject *s, PyObject *o) { return one_result(o, nd_real); }
static PyObject *f_imag(PyObject *s, PyObject *o) { return one_result(o, nd_imag); }

typedef nd_status (*two_out_fn)(const nd_array *, nd_array **, nd_array **);
static PyObject *two_results(PyObject *o, two_out_fn fn)
{
    nd_array *a = npy_as_nd(o, -1);
    if (!a) return NULL;
    nd_array *r[2] = { NULL, NULL };
    nd_status st;
    NPY_CALL(nd_size(a), st = fn(a, &r[0], &r[1]));
    nd_free(a);
    if (st < 0) return npy_raise();
    if (nd_ndim(r[0]) == 0) {
        PyObject *x = npy_wrap_result(r[0]), *y = x ? npy_wrap_result(r[1]) : (nd_free(r[1]), NULL);
        if (!y) {
            Py_XDECREF(x);
            return NULL;
        }
        return Py_BuildValue("(NN)", x, y);
    }
    return npy_tuple_of(r, 2);
}
static PyObject *f_modf(PyObject *s, PyObject *o) { return two_results(o, nd_modf); }
static PyObject *f_frexp(PyObject *s, PyObject *o) { return two_results(o, nd_frexp); }

static PyObject *f_ldexp(PyObject *self, PyObject *args)
{
    PyObject *objs[2];
    if (!PyArg_ParseTuple(args, "OO:ldexp", &objs[0], &objs[1])) return NULL;
    nd_operand ops[2];
    nd_array *tmps[2];
    if (npy_operands(2, objs, ops, tmps) < 0) return NULL;
    nd_array *r = nd_ldexp_(ops[0], ops[1]);
    nd_free(tmps[0]);
    nd_free(tmps[1]);
    return npy_wrap_result(r);
}

static PyObject *f_cross(PyObject *self, PyObject *args, PyObject *kw)
{
    static char *names[] = { "a", "b", "axisa", "axisb", "axisc", "axis", NULL };
    PyObject *ao, *bo, *axa = Py_None, *axb = Py_None, *axc = Py_None;
    int axis = -1;
    if (!PyArg_ParseTupleAndKeywords(args, kw, "OO|OOOi:cross", names, &ao, &bo, &axa, &axb, &axc, &axis)) return NULL;
    if (axa != Py_None || axb != Py_None || axc != Py_None) {
        PyErr_SetString(PyExc_TypeError, "numc.cross: axisa/axisb/axisc are not supported; use axis");
        return NULL;
    }
    nd_array *a, *b;
    if (as_nd_pair(ao, bo, &a, &b) < 0) return NULL;
    nd_array *r = nd_cross(a, b, axis);
    nd_free(a);
    nd_free(b);
    return npy_wrap_result(r);
}

static PyObject *f_trapz(PyObject *self, PyObject *args, PyObject *kw)
{
    static char *names[] = { "y", "x", "dx", "axis", NULL };
    PyObject *yo, *xo = Py_None;
    double dx = 1.0;
    int axis = -1;
    if (!PyArg_ParseTupleAndKeywords(args, kw, "O|Odi:trapz", names, &yo, &xo, &dx, &axis)) return NULL;
    nd_array *y = npy_as_nd(yo, -1), *x = NULL;
    if (!y) return NULL;
    if (xo != Py_None && !(x = npy_as_nd(xo, -1))) {
        nd_free(y);
        return NULL;
    }
    nd_array *r = nd_trapz(y, x, dx, axis);
    nd_free(y);
    nd_free(x);
    return npy_wrap_result(r);
}

static PyObject *f_meshgrid(PyObject *self, PyObject *args, PyObject *kw)
{
    const char *indexing = "xy";
    int copy = 1, sparse = 0;
    if (kw) {
        PyObject *empty = PyTuple_New(0);
        static char *names[] = { "indexing", "copy", "sparse", NULL };
        int ok = empty && PyArg_ParseTupleAndKeywords(empty, kw, "|spp:meshgrid", names, &indexing, &copy, &sparse);
        Py_XDECREF(empty);
        if (!ok) return NULL;
    }
    int ij = strcmp(indexing, "ij") == 0;
    if (!ij && strcmp(indexing, "xy") != 0) {
        PyErr_SetString(PyExc_ValueError, "Valid values for `indexing` are 'xy' and 'ij'.");
        return NULL;
    }
    if (sparse) {
        PyErr_SetString(PyExc_ValueError, "numc.meshgrid: sparse=True is not supported");
        return NULL;
    }
    nd_array *in[ND_MAXDIMS], *out[ND_MAXDIMS];
    int n = arrays_of(args, in, ND_MAXDIMS, "meshgrid");
    if (n < 0) return NULL;
    nd_status st = nd_meshgrid(n, (const nd_array *const *)in, ij ? ND_IJ : ND_XY, out);
    free_all(in, n);
    if (st < 0) return npy_raise();
    return npy_tuple_of(out, n);
}

static int kind_of(PyObject *o, nd_sort_kind *k)
{
    *k = ND_SORT_QUICK;
    if (!o || o == Py_None) return 0;
    const char *s = PyUnicode_Check(o) ? PyUnicode_AsUTF8AndSize(o, NULL) : NULL;
    if (s && (!strcmp(s, "quicksort") || !strcmp(s, "heapsort"))) return 0;
    if (s && (!strcmp(s, "stable") || !strcmp(s, "mergesort"))) {
        *k = ND_SORT_STABLE;
        return 0;
    }
    PyErr_SetString(PyExc_ValueError, "sort kind must be one of 'quick', 'heap', or 'stable'");
    return -1;
}

static PyObject *sortlike(PyObject *args, PyObject *kw, const char *fmt, int arg)
{
    static char *names[] = { "a", "axis", "kind", "order", NULL };
    PyObject *ao, *axo = NULL, *ko = NULL, *order = NULL;
    if (!PyArg_ParseTupleAndKeywords(args, kw, fmt, names, &ao, &axo, &ko, &order)) return NULL;
    int axis = -1;
    nd_sort_kind kind;
    if ((axo && axis_of(axo, &axis) < 0) || kind_of(ko, &kind) < 0) return NULL;
    nd_array *a = npy_as_nd(ao, -1);
    if (!a) return NULL;
    nd_array *r;
    NPY_CALL(nd_size(a), r = arg ? (nd_argsort)(a, axis, kind) : (nd_sort)(a, axis, kind));
    nd_free(a);
    return npy_wrap(r);
}
static PyObject *f_sort(PyObject *s, PyObject *a, PyObject *k) { return sortlike(a, k, "O|OOO:sort", 0); }
static PyObject *f_argsort(PyObject *s, PyObject *a, PyObject *k) { return sortlike(a, k, "O|OOO:argsort", 1); }

static PyObject *f_unique(PyObject *self, PyObject *args, PyObject *kw)
{
    static char *names[] = { "ar", "return_index", "return_inverse", "return_counts", "axis", "equal_nan", NULL };
    PyObject *ao, *axo = Py_None;
    int ri = 0, rv = 0, rc = 0, eqnan = 1;
    if (!PyArg_ParseTupleAndKeywords(args, kw, "O|pppOp:unique", names, &ao, &ri, &rv, &rc, &axo, &eqnan)) return NULL;
    nd_unique_opts o = ND_UNIQUE_DEFAULTS;
    nd_array *idx = NULL, *inv = NULL, *cnt = NULL;
    if (axis_of(axo, &o.axis) < 0) return NULL;
    o.equal_nan = eqnan;
    o.index = ri ? &idx : NULL;
    o.inverse = rv ? &inv : NULL;
    o.counts = rc ? &cnt : NULL;
    o.a = npy_as_nd(ao, -1);
    if (!o.a) return NULL;
    nd_array *u;
    NPY_CALL(nd_size(o.a), u = nd_unique_(&o));
    nd_free((nd_array *)o.a);
    if (!u) return npy_raise();
    if (!ri && !rv && !rc) return npy_wrap(u);
    nd_array *parts[4];
    int n = 0;
    parts[n++] = u;
    if (ri) parts[n++] = idx;
    if (rv && o.axis == ND_AXIS_NONE && inv && nd_ndim(inv) != 1) {
        /* NumPy 1.24: the inverse of the flattened array is 1-d */
        nd_array *flat = nd_ravel(inv);
        nd_free(inv);
        inv = flat;
        if (!inv) {
            nd_free(u);
            nd_free(idx);
            nd_free(cnt);
            return npy_raise();
        }
    }
    if (rv) parts[n++] = inv;
    if (rc) parts[n++] = cnt;
    return npy_tuple_of(parts, n);
}

static PyObject *f_searchsorted(PyObject *self, PyObject *args, PyObject *kw)
{
    static char *names[] = { "a", "v", "side", "sorter", NULL };
    PyObject *ao, *vo, *sorter = Py_None;
    const char *side = "left";
    if (!PyArg_ParseTupleAndKeywords(args, kw, "OO|sO:searchsorted", names, &ao, &vo, &side, &sorter)) return NULL;
    if (strcmp(side, "left") != 0 && strcmp(side, "right") != 0) {
        PyErr_Format(PyExc_ValueError, "side must be 'left' or 'right' (got '%s')", side);
        return NULL;
    }
    if (sorter != Py_None) {
        PyErr_SetString(PyExc_ValueError, "numc.searchsorted: sorter is not supported; index a first");
        return NULL;
    }
    nd_array *a, *v;
    if (as_nd_pair(ao, vo, &a, &v) < 0) return NULL;
    nd_array *r;
    NPY_CALL(nd_size(a), r = nd_searchsorted(a, v, strcmp(side, "right") == 0 ? ND_SIDE_RIGHT : ND_SIDE_LEFT));
    nd_free(a);
    nd_free(v);
    return npy_wrap_result(r);
}

static PyObject *f_tile(PyObject *self, PyObject *args)
{
    PyObject *ao, *ro;
    if (!PyArg_ParseTuple(args, "OO:tile", &ao, &ro)) return NULL;
    ptrdiff_t reps[ND_MAXDIMS];
    int n = npy_shape_arg(ro, reps);
    if (n < 0) return NULL;
    nd_array *a = npy_as_nd(ao, -1);
    if (!a) return NULL;
    nd_array *r;
    NPY_CALL(nd_size(a), r = nd_tile(a, n, reps));
    nd_free(a);
    return npy_wrap(r);
}

static PyObject *f_repeat(PyObject *self, PyObject *args, PyObject *kw)
{
    static char *names[] = { "a", "repeats", "axis", NULL };
    PyObject *ao, *ro, *axo = Py_None;
    if (!PyArg_ParseTupleAndKeywords(args, kw, "OO|O:repeat", names, &ao, &ro, &axo)) return NULL;
    int axis;
    if (axis_of(axo, &axis) < 0) return NULL;
    nd_array *rep = npy_as_nd(ro, ND_INT64);
    if (!rep) return NULL;
    nd_array *a = npy_as_nd(ao, -1);
    if (!a) {
        nd_free(rep);
        return NULL;
    }
    nd_array *c = nd_ascontiguousarray(rep);
    nd_array *r = c ? nd_repeat(a, nd_size(c), (const ptrdiff_t *)nd_data(c), axis) : NULL;
    nd_free(c);
    nd_free(rep);
    nd_free(a);
    return npy_wrap(r);
}

static PyObject *f_flip(PyObject *self, PyObject *args, PyObject *kw)
{
    static char *names[] = { "m", "axis", NULL };
    PyObject *ao, *axo = Py_None;
    if (!PyArg_ParseTupleAndKeywords(args, kw, "O|O:flip", names, &ao, &axo)) return NULL;
    int axis;
    nd_axes axes;
    if (npy_axis_arg(axo, &axis, &axes) < 0) return NULL;
    if (axis != ND_AXIS_NONE) {
        axes.n = 1;
        axes.ax[0] = axis;
    }
    nd_array *a = npy_as_nd(ao, -1);
    if (!a) return NULL;
    nd_array *r = nd_flip(a, axes.n, axes.ax);
    nd_free(a);
    return npy_wrap(r);
}

static PyObject *f_roll(PyObject *self, PyObject *args, PyObject *kw)
{
    static char *names[] = { "a", "shift", "axis", NULL };
    PyObject *ao, *axo = Py_None;
    Py_ssize_t shift;
    if (!PyArg_ParseTupleAndKeywords(args, kw, "On|O:roll", names, &ao, &shift, &axo)) return NULL;
    int axis;
    if (axis_of(axo, &axis) < 0) return NULL;
    nd_array *a = npy_as_nd(ao, -1);
    if (!a) return NULL;
    nd_array *r;
    NPY_CALL(nd_size(a), r = nd_roll(a, shift, axis));
    nd_free(a);
    return npy_wrap(r);
}

static PyObject *f_rot90(PyObject *self, PyObject *args, PyObject *kw)
{
    static char *names[] = { "m", "k", NULL };
    PyObject *ao;
    int k = 1;
    if (!PyArg_ParseTupleAndKeywords(args, kw, "O|i:rot90", names, &ao, &k)) return NULL;
    nd_array *a = npy_as_nd(ao, -1);
    if (!a) return NULL;
    nd_array *r = nd_rot90(a, k);
    nd_free(a);
    return npy_wrap(r);
}

static PyObject *f_expand_dims(PyObject *self, PyObject *args, PyObject *kw)
{
    static char *names[] = { "a", "axis", NULL };
    PyObject *ao;
    int axis;
    if (!PyArg_ParseTupleAndKeywords(args, kw, "Oi:expand_dims", names, &ao, &axis)) return NULL;
    nd_array *a = npy_as_nd(ao, -1);
    if (!a) return NULL;
    nd_array *r = nd_expand_dims(a, axis);
    nd_free(a);
    return npy_wrap(r);
}

static PyObject *f_broadcast_to(PyObject *self, PyObject *args, PyObject *kw)
{
    static char *names[] = { "array", "shape", NULL };
    PyObject *ao, *so;
    if (!PyArg_ParseTupleAndKeywords(args, kw, "OO:broadcast_to", names, &ao, &so)) return NULL;
    ptrdiff_t shape[ND_MAXDIMS];
    int nd = npy_shape_arg(so, shape);
    if (nd < 0) return NULL;
    nd_array *a = npy_as_nd(ao, -1);
    if (!a) return NULL;
    nd_array *r = nd_broadcast_to(a, nd, shape);
    nd_free(a);
    return npy_wrap(r);
}

static PyObject *f_moveaxis(PyObject *self, PyObject *args, PyObject *kw)
{
    static char *names[] = { "a", "source", "destination", NULL };
    PyObject *ao, *so, *dout;
    if (!PyArg_ParseTupleAndKeywords(args, kw, "OOO:moveaxis", names, &ao, &so, &dout)) return NULL;
    ptrdiff_t s[ND_MAXDIMS], d[ND_MAXDIMS];
    int ns = npy_shape_arg(so, s), nd = ns < 0 ? -1 : npy_shape_arg(dout, d);
    if (nd < 0) return NULL;
    if (ns != nd) {
        PyErr_SetString(PyExc_ValueError, "`source` and `destination` arguments must have the same number of elements");
        return NULL;
    }
    int si[ND_MAXDIMS], di[ND_MAXDIMS];
    for (int i = 0; i < ns; i++) {
        si[i] = (int)s[i];
        di[i] = (int)d[i];
    }
    nd_array *a = npy_as_nd(ao, -1);
    if (!a) return NULL;
    nd_array *r = nd_moveaxis(a, ns, si, di);
    nd_free(a);
    return npy_wrap(r);
}

static PyObject *diagish(PyObject *args, PyObject *kw, const char *fmt, nd_array *(*fn)(const nd_array *, ptrdiff_t))
{
    static char *names[] = { "v", "k", NULL };
    PyObject *ao;
    Py_ssize_t k = 0;
    if (!PyArg_ParseTupleAndKeywords(args, kw, fmt, names, &ao, &k)) return NULL;
    nd_array *a = npy_as_nd(ao, -1);
    if (!a) return NULL;
    nd_array *r = fn(a, k);
    nd_free(a);
    return npy_wrap(r);
}
static PyObject *f_diag(PyObject *s, PyObject *a, PyObject *k) { return diagish(a, k, "O|n:diag", nd_diag); }
static PyObject *f_tril(PyObject *s, PyObject *a, PyObject *k) { return diagish(a, k, "O|n:tril", nd_tril); }
static PyObject *f_triu(PyObject *s, PyObject *a, PyObject *k) { return diagish(a, k, "O|n:triu", nd_triu); }

static PyObject *f_around(PyObject *self, PyObject *args, PyObject *kw)
{
    static char *names[] = { "a", "decimals", "out", NULL };
    PyObject *ao, *outo = Py_None;
    int dec = 0;
    if (!PyArg_ParseTupleAndKeywords(args, kw, "O|iO:around", names, &ao, &dec, &outo)) return NULL;
    nd_array *a = npy_as_nd(ao, -1);
    if (!a) return NULL;
    if (outo != Py_None) {
        if (!NcArray_Check(outo)) {
            nd_free(a);
            PyErr_SetString(PyExc_TypeError, "out must be a numc.ndarray");
            return NULL;
        }
        nd_status st = nd_around_into(NC_ARR(outo), a, dec);
        nd_free(a);
        if (st < 0) return npy_raise();
        return Py_NewRef(outo);
    }
    nd_array *r;
    NPY_CALL(nd_size(a), r = nd_around(a, dec));
    nd_free(a);
    return npy_wrap_result(r);
}

static PyObject *closeness(PyObject *args, PyObject *kw, int all)
{
    static char *names[] = { "a", "b", "rtol", "atol", "equal_nan", NULL };
    PyObject *ao, *bo;
    double rtol = 1e-5, atol = 1e-8;
    int eq = 0;
    if (!PyArg_ParseTupleAndKeywords(args, kw, all ? "OO|ddp:allclose" : "OO|ddp:isclose", names, &ao, &bo,
                                     &rtol, &atol, &eq))
        return NULL;
    nd_operand a, b;
    nd_array *ta, *tb = NULL;
    if (npy_operand(ao, &a, &ta) < 0) return NULL;
    if (npy_operand(bo, &b, &tb) < 0) {
        nd_free(ta);
        return NULL;
    }
    PyObject *r;
    if (all) {
        int v = nd_allclose_(a, b, rtol, atol, eq);
        r = v < 0 ? npy_raise() : PyBool_FromLong(v);
    } else {
        r = npy_wrap_result(nd_isclose_(a, b, rtol, atol, eq));
    }
    nd_free(ta);
    nd_free(tb);
    return r;
}
static PyObject *f_isclose(PyObject *s, PyObject *a, PyObject *k) { return closeness(a, k, 0); }
static PyObject *f_allclose(PyObject *s, PyObject *a, PyObject *k) { return closeness(a, k, 1); }

static PyObject *f_array_equal(PyObject *self, PyObject *args, PyObject *kw)
{
    static char *names[] = { "a1", "a2", "equal_nan", NULL };
    PyObject *ao, *bo;
    int eq = 0;
    if (!PyArg_ParseTupleAndKeywords(args, kw, "OO|p:array_equal", names, &ao, &bo, &eq)) return NULL;
    nd_array *a, *b;
    if (as_nd_pair(ao, bo, &a, &b) < 0) return NULL;
    int v = nd_array_equal(a, b, eq);
    nd_free(a);
    nd_free(b);
    if (v < 0) return npy_raise();
    return PyBool_FromLong(v);
}

static PyObject *f_diff(PyObject *self, PyObject *args, PyObject *kw)
{
    static char *names[] = { "a", "n", "axis", "prepend", "append", NULL };
    PyObject *ao, *pre = NULL, *app = NULL;
    nd_diff_opts o = ND_DIFF_DEFAULTS;
    if (!PyArg_ParseTupleAndKeywords(args, kw, "O|iiOO:diff", names, &ao, &o.n, &o.axis, &pre, &app)) return NULL;
    nd_array *a = npy_as_nd(ao, -1), *p = NULL, *q = NULL;
    if (!a) return NULL;
    if (pre && !(p = npy_as_nd(pre, -1))) goto fail;
    if (app && !(q = npy_as_nd(app, -1))) goto fail;
    o.prepend = p;
    o.append = q;
    nd_array *r;
    NPY_CALL(nd_size(a), r = nd_diff_(a, &o));
    nd_free(a);
    nd_free(p);
    nd_free(q);
    return npy_wrap(r);
fail:
    nd_free(a);
    nd_free(p);
    return NULL;
}

static PyObject *f_take(PyObject *self, PyObject *args, PyObject *kw)
{
    static char *names[] = { "a", "indices", "axis", NULL };
    PyObject *ao, *io, *axo = Py_None;
    if (!PyArg_ParseTupleAndKeywords(args, kw, "OO|O:take", names, &ao, &io, &axo)) return NULL;
    int axis;
    if (axis_of(axo, &axis) < 0) return NULL;
    nd_array *a, *i;
    if (as_nd_pair(ao, io, &a, &i) < 0) return NULL;
    nd_array *r;
    NPY_CALL(nd_size(a), r = nd_take(a, i, axis));
    nd_free(a);
    nd_free(i);
    return npy_wrap_result(r);
}

static PyObject *f_nan_to_num(PyObject *self, PyObject *args, PyObject *kw)
{
    static char *names[] = { "x", "copy", "nan", "posinf", "neginf", NULL };
    PyObject *xo, *po = Py_None, *no = Py_None;
    int copy = 1;
    double nan = 0.0;
    if (!PyArg_ParseTupleAndKeywords(args, kw, "O|pdOO:nan_to_num", names, &xo, &copy, &nan, &po, &no)) return NULL;
    double pinf = po == Py_None ? NAN : PyFloat_AsDouble(po), ninf = no == Py_None ? NAN : PyFloat_AsDouble(no);
    if (PyErr_Occurred()) return NULL;
    nd_array *x = npy_as_nd(xo, -1);
    if (!x) return NULL;
    nd_array *r = nd_nan_to_num(x, nan, pinf, ninf);
    nd_free(x);
    return npy_wrap_result(r);
}

static PyObject *f_median(PyObject *self, PyObject *args, PyObject *kw)
{
    static char *names[] = { "a", "axis", "out", "overwrite_input", "keepdims", NULL };
    PyObject *ao, *axo = Py_None, *outo = Py_None;
    int ow = 0, keep = 0;
    if (!PyArg_ParseTupleAndKeywords(args, kw, "O|OOpp:median", names, &ao, &axo, &outo, &ow, &keep)) return NULL;
    nd_median_opts o = ND_MEDIAN_DEFAULTS;
    if (npy_axis_arg(axo, &o.axis, &o.axes) < 0) return NULL;
    o.keepdims = keep;
    nd_array *a = npy_as_nd(ao, -1);
    if (!a) return NULL;
    nd_array *r;
    stats_clear();
    NPY_CALL(nd_size(a), r = nd_median_(a, &o));
    nd_free(a);
    return stats_result(r);
}

static PyObject *quantiles(PyObject *args, PyObject *kw, const char *fmt, nd_array *(*fn)(const nd_array *, const nd_quantile_opts *))
{
    static char *names[] = { "a", "q", "axis", "out", "overwrite_input", "method", "keepdims", NULL };
    PyObject *ao, *qo, *axo = Py_None, *outo = Py_None;
    int ow = 0, keep = 0;
    const char *method = "linear";
    if (!PyArg_ParseTupleAndKeywords(args, kw, fmt, names, &ao, &qo, &axo, &outo, &ow, &method, &keep)) return NULL;
    nd_quantile_opts o = ND_QUANTILE_DEFAULTS;
    if (npy_axis_arg(axo, &o.axis, &o.axes) < 0) return NULL;
    o.keepdims = keep;
    int m = nd_quantile_method_from_name(method);
    if (m < 0) return npy_raise();
    o.method = (nd_quantile_method)m;
    nd_array *qa = NULL;
    if (PyFloat_Check(qo) || PyLong_Check(qo)) {
        o.q = PyFloat_AsDouble(qo);
    } else {
        if (!(qa = npy_as_nd(qo, ND_FLOAT64))) return NULL;
        o.qs = qa;
    }
    nd_array *a = npy_as_nd(ao, -1);
    if (!a) {
        nd_free(qa);
        return NULL;
    }
    nd_array *r;
    stats_clear();
    NPY_CALL(nd_size(a), r = fn(a, &o));
    nd_free(a);
    nd_free(qa);
    return stats_result(r);
}
static PyObject *f_percentile(PyObject *s, PyObject *a, PyObject *k) { return quantiles(a, k, "OO|OOpsp:percentile", nd_percentile_); }
static PyObject *f_quantile(PyObject *s, PyObject *a, PyObject *k) { return quantiles(a, k, "OO|OOpsp:quantile", nd_quantile_); }

/* histogram/histogram2d density= (None: *out unchanged, else its truth): 0, or -1 with a
 * Python error set. */
static int density_arg(PyObject *dens, bool *out)
{
    if (dens == Py_None) return 0;
    int d = PyObject_IsTrue(dens);
    if (d < 0) return -1;
    *out = d;
    return 0;
}

static PyObject *f_histogram(PyObject *self, PyObject *args, PyObject *kw)
{
    static char *names[] = { "a", "bins", "range", "density", "weights", NULL };
    PyObject *ao, *bo = NULL, *ro = Py_None, *wo = Py_None, *dens = Py_None;
    if (!PyArg_ParseTupleAndKeywords(args, kw, "O|OOOO:histogram", names, &ao, &bo, &ro, &dens, &wo)) return NULL;
    nd_hist_opts o = { 0 };
    nd_array *a = NULL, *edges_in = NULL, *w = NULL, *hist = NULL, *edges = NULL;
    double range[2];
    PyObject *r = NULL;
    if (density_arg(dens, &o.density) < 0) return NULL;
    if (ro != Py_None) {
        if (!PyArg_ParseTuple(ro, "dd:range", &range[0], &range[1])) return NULL;
        o.range = range;
    }
    if (bo && PyUnicode_Check(bo)) {
        int rule = nd_bin_rule_from_name(PyUnicode_AsUTF8AndSize(bo, NULL));
        if (rule < 0) return npy_raise();
        o.rule = (nd_bin_rule)rule;
    } else if (bo && PyLong_Check(bo)) {
        o.bins = PyLong_AsSsize_t(bo);
        if (o.bins == -1 && PyErr_Occurred()) return NULL;
        if (o.bins < 1) {
            PyErr_SetString(PyExc_ValueError, "`bins` must be positive, when an integer");
            return NULL;
        }
    } else if (bo) {
        if (!(edges_in = npy_as_nd(bo, -1))) return NULL;
        o.edges = edges_in;
    }
    if (wo != Py_None && !(w = npy_as_nd(wo, -1))) goto done;
    o.weights = w;
    if (!(a = npy_as_nd(ao, -1))) goto done;
    nd_status st;
    NPY_CALL(nd_size(a), st = nd_histogram_(a, &hist, &edges, &o));
    if (st < 0) {
        npy_raise();
        goto done;
    }
    if (edges_in) {
        /* NumPy returns explicit bins as given (their dtype), numc's edges are float64 */
        nd_free(edges);
        edges = edges_in;
        edges_in = NULL;
    }
    nd_array *parts[2] = { hist, edges };
    r = npy_tuple_of(parts, 2);
done:
    nd_free(a);
    nd_free(w);
    nd_free(edges_in);
    return r;
}

static PyObject *spaced(PyObject *args, PyObject *kw, const char *fmt, nd_array *(*fn)(double, double, const nd_linspace_opts *))
{
    static char *names[] = { "start", "stop", "num", "endpoint", "base", "dtype", NULL };
    double a, b, base = 10.0;
    Py_ssize_t num = 50;
    int endpoint = 1;
    PyObject *dto = Py_None;
    if (!PyArg_ParseTupleAndKeywords(args, kw, fmt, names, &a, &b, &num, &endpoint, &base, &dto)) return NULL;
    int dt = npy_dtype_arg(dto);
    if (dt == -2) return NULL;
    nd_linspace_opts o = { .num = num, .dtype = dt < 0 ? 0 : dt, .no_endpoint = !endpoint, .base = base };
    return npy_wrap(fn(a, b, &o));
}
static PyObject *f_logspace(PyObject *s, PyObject *a, PyObject *k) { return spaced(a, k, "dd|npdO:logspace", nd_logspace_); }
static PyObject *f_geomspace(PyObject *s, PyObject *a, PyObject *k) { return spaced(a, k, "dd|npdO:geomspace", nd_geomspace_); }

static PyObject *f_outer(PyObject *self, PyObject *args)
{
    PyObject *ao, *bo;
    if (!PyArg_ParseTuple(args, "OO:outer", &ao, &bo)) return NULL;
    nd_array *a, *b;
    if (as_nd_pair(ao, bo, &a, &b) < 0) return NULL;
    nd_array *fa = nd_ravel(a), *fb = nd_ravel(b);
    nd_array *r = fa && fb ? nd_ufunc_outer(ND_UF_MULTIPLY, fa, fb, NULL) : NULL;
    nd_free(fa);
    nd_free(fb);
    nd_free(a);
    nd_free(b);
    return npy_wrap(r);
}

static PyObject *f_interp(PyObject *self, PyObject *args, PyObject *kw)
{
    static char *names[] = { "x", "xp", "fp", "left", "right", "period", NULL };
    PyObject *xo, *xpo, *fpo, *lo = Py_None, *ro = Py_None, *po = Py_None;
    if (!PyArg_ParseTupleAndKeywords(args, kw, "OOO|OOO:interp", names, &xo, &xpo, &fpo, &lo, &ro, &po)) return NULL;
    double left = 0, right = 0;
    nd_interp_opts o = { 0 };
    if (lo != Py_None) {
        left = PyFloat_AsDouble(lo);
        o.left = &left;
    }
    if (ro != Py_None) {
        right = PyFloat_AsDouble(ro);
        o.right = &right;
    }
    if (po != Py_None) o.period = PyFloat_AsDouble(po);
    if (PyErr_Occurred()) return NULL;
    nd_array *x = npy_as_nd(xo, -1), *xp = x ? npy_as_nd(xpo, -1) : NULL, *fp = xp ? npy_as_nd(fpo, -1) : NULL;
    nd_array *r = fp ? nd_interp_(x, xp, fp, &o) : NULL;
    int failed = !fp;
    nd_free(x);
    nd_free(xp);
    nd_free(fp);
    if (failed) return NULL;
    return npy_wrap_result(r);
}

/* ---- set operations and more statistics -------------------------------------------------- */
typedef nd_array *(*setop_fn)(const nd_array *, const nd_array *, const nd_setop_opts *);
static PyObject *setop(PyObject *args, PyObject *kw, const char *fmt, setop_fn fn, int has_invert)
{
    static char *names[] = { "ar1", "ar2", "assume_unique", "invert", NULL };
    PyObject *ao, *bo;
    int au = 0, inv = 0;
    int ok = has_invert ? PyArg_ParseTupleAndKeywords(args, kw, fmt, names, &ao, &bo, &au, &inv)
                        : PyArg_ParseTupleAndKeywords(args, kw, fmt, names, &ao, &bo, &au);
    if (!ok) return NULL;
    nd_setop_opts o = { .assume_unique = au, .invert = inv };
    nd_array *a, *b;
    if (as_nd_pair(ao, bo, &a, &b) < 0) return NULL;
    nd_array *r;
    NPY_CALL(nd_size(a), r = fn(a, b, &o));
    nd_free(a);
    nd_free(b);
    return npy_wrap(r);
}
static PyObject *f_isin(PyObject *s, PyObject *a, PyObject *k) { return setop(a, k, "OO|pp:isin", nd_isin_, 1); }
static PyObject *f_in1d(PyObject *s, PyObject *a, PyObject *k) { return setop(a, k, "OO|pp:in1d", nd_in1d_, 1); }
static PyObject *f_setdiff1d(PyObject *s, PyObject *a, PyObject *k) { return setop(a, k, "OO|p:setdiff1d", nd_setdiff1d_, 0); }
static PyObject *f_setxor1d(PyObject *s, PyObject *a, PyObject *k) { return setop(a, k, "OO|p:setxor1d", nd_setxor1d_, 0); }

static PyObject *f_union1d(PyObject *self, PyObject *args)
{
    PyObject *ao, *bo;
    if (!PyArg_ParseTuple(args, "OO:union1d", &ao, &bo)) return NULL;
    nd_array *a, *b;
    if (as_nd_pair(ao, bo, &a, &b) < 0) return NULL;
    nd_array *r;
    NPY_CALL(nd_size(a), r = nd_union1d(a, b));
    nd_free(a);
    nd_free(b);
    return npy_wrap(r);
}

static PyObject *f_intersect1d(PyObject *self, PyObject *args, PyObject *kw)
{
    static char *names[] = { "ar1", "ar2", "assume_unique", "return_indices", NULL };
    PyObject *ao, *bo;
    int au = 0, ri = 0;
    if (!PyArg_ParseTupleAndKeywords(args, kw, "OO|pp:intersect1d", names, &ao, &bo, &au, &ri)) return NULL;
    nd_array *i1 = NULL, *i2 = NULL;
    nd_intersect_opts o = { .assume_unique = au, .indices1 = ri ? &i1 : NULL, .indices2 = ri ? &i2 : NULL };
    nd_array *a, *b;
    if (as_nd_pair(ao, bo, &a, &b) < 0) return NULL;
    nd_array *r;
    NPY_CALL(nd_size(a), r = nd_intersect1d_(a, b, &o));
    nd_free(a);
    nd_free(b);
    if (!r) return npy_raise();
    if (!ri) return npy_wrap(r);
    nd_array *parts[3] = { r, i1, i2 };
    return npy_tuple_of(parts, 3);
}

static PyObject *f_average(PyObject *self, PyObject *args, PyObject *kw)
{
    static char *names[] = { "a", "axis", "weights", "returned", "keepdims", NULL };
    PyObject *ao, *axo = Py_None, *wo = Py_None;
    int ret = 0, keep = 0;
    if (!PyArg_ParseTupleAndKeywords(args, kw, "O|OOpp:average", names, &ao, &axo, &wo, &ret, &keep)) return NULL;
    nd_average_opts o = { .axis = ND_AXIS_NONE, .keepdims = keep };
    nd_array *sw = NULL, *w = NULL;
    if (npy_axis_arg(axo, &o.axis, &o.axes) < 0) return NULL;
    if (wo != Py_None && !(w = npy_as_nd(wo, -1))) return NULL;
    o.weights = w;
    o.sum_of_weights = ret ? &sw : NULL;
    nd_array *a = npy_as_nd(ao, -1);
    if (!a) {
        nd_free(w);
        return NULL;
    }
    nd_array *r;
    stats_clear();
    NPY_CALL(nd_size(a), r = nd_average_(a, &o));
    if (r && stats_warn() < 0) {
        nd_free(r);
        nd_free(sw);
        nd_free(a);
        nd_free(w);
        return NULL;
    }
    nd_free(a);
    nd_free(w);
    if (!ret) return npy_wrap_result(r);
    if (!r) return npy_raise();
    PyObject *x = npy_wrap_result(r), *y = x ? npy_wrap_result(sw) : (nd_free(sw), NULL);
    if (!y) {
        Py_XDECREF(x);
        return NULL;
    }
    return Py_BuildValue("(NN)", x, y);
}

static PyObject *covlike(PyObject *args, PyObject *kw, int corr)
{
    static char *names[] = { "m", "y", "rowvar", "bias", "ddof", "fweights", "aweights", NULL };
    static char *cnames[] = { "x", "y", "rowvar", NULL };
    PyObject *mo, *yo = Py_None, *ddo = Py_None, *fo = Py_None, *awo = Py_None;
    int rowvar = 1, bias = 0;
    int ok = corr ? PyArg_ParseTupleAndKeywords(args, kw, "O|Op:corrcoef", cnames, &mo, &yo, &rowvar)
                  : PyArg_ParseTupleAndKeywords(args, kw, "O|OppOOO:cov", names, &mo, &yo, &rowvar, &bias, &ddo,
                                                &fo, &awo);
    if (!ok) return NULL;
    nd_cov_opts o = { .columns_are_vars = !rowvar, .bias = bias };
    if (ddo != Py_None) {
        long d = PyLong_AsLong(ddo);
        if (d == -1 && PyErr_Occurred()) return NULL;
        o.ddof = (int)d;
        o.has_ddof = true;
    }
    nd_array *tmp[4] = { NULL, NULL, NULL, NULL };
    PyObject *r = NULL;
    if (!(tmp[0] = npy_as_nd(mo, -1))) return NULL;
    if (yo != Py_None && !(tmp[1] = npy_as_nd(yo, -1))) goto done;
    if (fo != Py_None && !(tmp[2] = npy_as_nd(fo, -1))) goto done;
    if (awo != Py_None && !(tmp[3] = npy_as_nd(awo, -1))) goto done;
    o.y = tmp[1];
    o.fweights = tmp[2];
    o.aweights = tmp[3];
    stats_clear();
    r = stats_result(corr ? nd_corrcoef_(tmp[0], &o) : nd_cov_(tmp[0], &o));
done:
    for (int i = 0; i < 4; i++) nd_free(tmp[i]);
    return r;
}
static PyObject *f_cov(PyObject *s, PyObject *a, PyObject *k) { return covlike(a, k, 0); }
static PyObject *f_corrcoef(PyObject *s, PyObject *a, PyObject *k) { return covlike(a, k, 1); }

static PyObject *f_bincount(PyObject *self, PyObject *args, PyObject *kw)
{
    static char *names[] = { "x", "weights", "minlength", NULL };
    PyObject *xo, *wo = Py_None;
    Py_ssize_t minlength = 0;
    if (!PyArg_ParseTupleAndKeywords(args, kw, "O|On:bincount", names, &xo, &wo, &minlength)) return NULL;
    nd_array *x = npy_as_nd(xo, -1), *w = NULL;
    if (!x) return NULL;
    if (wo != Py_None && !(w = npy_as_nd(wo, -1))) {
        nd_free(x);
        return NULL;
    }
    nd_array *r = nd_bincount(x, w, minlength);
    nd_free(x);
    nd_free(w);
    return npy_wrap(r);
}

static PyObject *f_digitize(PyObject *self, PyObject *args, PyObject *kw)
{
    static char *names[] = { "x", "bins", "right", NULL };
    PyObject *xo, *bo;
    int right = 0;
    if (!PyArg_ParseTupleAndKeywords(args, kw, "OO|p:digitize", names, &xo, &bo, &right)) return NULL;
    nd_array *x, *b;
    if (as_nd_pair(xo, bo, &x, &b) < 0) return NULL;
    nd_array *r;
    NPY_CALL(nd_size(x), r = nd_digitize(x, b, right));
    nd_free(x);
    nd_free(b);
    return npy_wrap_result(r);
}

/* correlate(a, v, mode='valid') and convolve(a, v, mode='full'): the same arguments, mode
 * one of 'valid', 'same' or 'full' as each one's enum. */
static PyObject *correlate_like(PyObject *args, PyObject *kw, int conv)
{
    static char *names[] = { "a", "v", "mode", NULL };
    PyObject *ao, *vo;
    const char *mode = conv ? "full" : "valid";
    if (!PyArg_ParseTupleAndKeywords(args, kw, conv ? "OO|s:convolve" : "OO|s:correlate", names, &ao, &vo, &mode))
        return NULL;
    static const char *const modes[3] = { "valid", "same", "full" };
    static const int values[2][3] = { { ND_MODE_VALID, ND_MODE_SAME, ND_MODE_FULL },
                                      { ND_CONV_VALID, ND_CONV_SAME, ND_CONV_FULL } };
    int m = -1;
    for (int i = 0; i < 3 && m < 0; i++)
        if (!strcmp(mode, modes[i])) m = values[conv][i];
    if (m < 0) {
        PyErr_Format(PyExc_ValueError, "mode must be one of 'valid', 'same', or 'full' (got '%s')", mode);
        return NULL;
    }
    nd_array *a, *v;
    if (as_nd_pair(ao, vo, &a, &v) < 0) return NULL;
    nd_array *r = conv ? nd_convolve(a, v, (nd_convolve_mode)m) : nd_correlate(a, v, (nd_correlate_mode)m);
    nd_free(a);
    nd_free(v);
    return npy_wrap(r);
}
static PyObject *f_correlate(PyObject *s, PyObject *a, PyObject *k) { return correlate_like(a, k, 0); }
static PyObject *f_convolve(PyObject *s, PyObject *a, PyObject *k) { return correlate_like(a, k, 1); }

/* ---- splitting, appending, padding --------------------------------------------------------- */
static PyObject *splitlike(PyObject *args, PyObject *kw, const char *fmt, int strict)
{
    static char *names[] = { "ary", "indices_or_sections", "axis", NULL };
    PyObject *ao, *io;
    int axis = 0;
    if (!PyArg_ParseTupleAndKeywords(args, kw, fmt, names, &ao, &io, &axis)) return NULL;
    nd_array *a = npy_as_nd(ao, -1);
    if (!a) return NULL;
    PyObject *r = NULL;
    nd_array **out = NULL;
    int nout = 0;
    nd_status st;
    if (PyLong_Check(io)) {
        Py_ssize_t sections = PyLong_AsSsize_t(io);
        if (sections == -1 && PyErr_Occurred()) goto done;
        if (sections <= 0 || sections > 1 << 20) {
            PyErr_SetString(PyExc_ValueError, "number sections must be larger than 0.");
            goto done;
        }
        nout = (int)sections;
        out = PyMem_Calloc((size_t)nout, sizeof *out);
        if (!out) {
            PyErr_NoMemory();
            goto done;
        }
        st = strict ? nd_split(a, sections, axis, out) : nd_array_split(a, sections, axis, out);
    } else {
        ptrdiff_t idx[ND_MAXDIMS * 8];
        PyObject *t = PySequence_Tuple(io);
        if (!t) goto done;
        Py_ssize_t n = PyTuple_Size(t);
        if (n > (Py_ssize_t)(sizeof idx / sizeof idx[0])) {
            Py_DECREF(t);
            PyErr_SetString(PyExc_ValueError, "numc.split: too many split points");
            goto done;
        }
        for (Py_ssize_t i = 0; i < n; i++) {
            idx[i] = PyLong_AsSsize_t(PyTuple_GetItem(t, i));
            if (idx[i] == -1 && PyErr_Occurred()) {
                Py_DECREF(t);
                goto done;
            }
        }
        Py_DECREF(t);
        nout = (int)n + 1;
        out = PyMem_Calloc((size_t)nout, sizeof *out);
        if (!out) {
            PyErr_NoMemory();
            goto done;
        }
        st = nd_split_at(a, (int)n, idx, axis, out);
    }
    if (st < 0) {
        npy_raise();
        goto done;
    }
    r = PyList_New(nout);
    for (int i = 0; r && i < nout; i++) {
        PyObject *x = npy_wrap(out[i]);
        out[i] = NULL;
        if (!x) {
            Py_CLEAR(r);
            break;
        }
        PyList_SetItem(r, i, x);
    }
done:
    if (out)
        for (int i = 0; i < nout; i++) nd_free(out[i]);
    PyMem_Free(out);
    nd_free(a);
    return r;
}
static PyObject *f_split(PyObject *s, PyObject *a, PyObject *k) { return splitlike(a, k, "OO|i:split", 1); }
static PyObject *f_array_split(PyObject *s, PyObject *a, PyObject *k) { return splitlike(a, k, "OO|i:array_split", 0); }

static PyObject *f_append(PyObject *self, PyObject *args, PyObject *kw)
{
    static char *names[] = { "arr", "values", "axis", NULL };
    PyObject *ao, *vo, *axo = Py_None;
    if (!PyArg_ParseTupleAndKeywords(args, kw, "OO|O:append", names, &ao, &vo, &axo)) return NULL;
    int axis;
    if (axis_of(axo, &axis) < 0) return NULL;
    nd_array *a, *v;
    if (as_nd_pair(ao, vo, &a, &v) < 0) return NULL;
    nd_array *r = nd_append(a, v, axis);
    nd_free(a);
    nd_free(v);
    return npy_wrap(r);
}

static PyObject *f_pad(PyObject *self, PyObject *args, PyObject *kw)
{
    static char *names[] = { "array", "pad_width", "mode", "constant_values", NULL };
    PyObject *ao, *wo, *cvo = NULL;
    const char *mode = "constant";
    if (!PyArg_ParseTupleAndKeywords(args, kw, "OO|sO:pad", names, &ao, &wo, &mode, &cvo)) return NULL;
    static const char *modes[] = { "constant", "edge", "reflect", "symmetric", "wrap", "linear_ramp",
                                   "maximum", "mean", "median", "minimum", "empty" };
    int m = -1;
    for (int i = 0; i < (int)(sizeof modes / sizeof modes[0]); i++)
        if (strcmp(mode, modes[i]) == 0) m = i;
    if (m < 0) {
        PyErr_Format(PyExc_ValueError, "mode '%s' is not supported", mode);
        return NULL;
    }
    nd_scalar c = { .dtype = ND_INT64 };
    if (cvo) {
        nd_operand op;
        nd_array *t;
        if (npy_operand(cvo, &op, &t) < 0) return NULL;
        if (t) {
            nd_free(t);
            PyErr_SetString(PyExc_TypeError, "numc.pad: constant_values must be one number");
            return NULL;
        }
        c = op.scalar;
    }
    nd_array *w = npy_as_nd(wo, ND_INT64);
    if (!w) return NULL;
    nd_array *wc = nd_ascontiguousarray(w);
    nd_free(w);
    if (!wc) return npy_raise();
    nd_array *a = npy_as_nd(ao, -1);
    if (!a) {
        nd_free(wc);
        return NULL;
    }
    ptrdiff_t n = nd_size(wc);
    nd_array *r = NULL;
    if (n == 1 || n == 2 || n == 2 * (ptrdiff_t)nd_ndim(a)) {
        r = nd_pad(a, (int)n, (const ptrdiff_t *)nd_data(wc), (nd_pad_mode)m, c);
    } else {
        nd_set_error(ND_EVALUE, "numc.pad: pad_width must be one number, (before, after) or one pair per axis");
    }
    nd_free(a);
    nd_free(wc);
    return npy_wrap(r);
}

/* ---- polynomials (numpy's classic API) ----------------------------------------------------- */
static PyObject *f_polyval(PyObject *self, PyObject *args)
{
    PyObject *po, *xo;
    if (!PyArg_ParseTuple(args, "OO:polyval", &po, &xo)) return NULL;
    nd_array *p = npy_as_nd(po, -1);
    if (!p) return NULL;
    nd_operand x;
    nd_array *tx;
    if (npy_operand(xo, &x, &tx) < 0) {
        nd_free(p);
        return NULL;
    }
    nd_array *r;
    NPY_CALL(x.kind == ND_OPK_ARRAY ? nd_size(x.array) : 1, r = nd_polyval_(p, x));
    nd_free(p);
    nd_free(tx);
    return npy_wrap_result(r);
}

static PyObject *f_polyfit(PyObject *self, PyObject *args, PyObject *kw)
{
    static char *names[] = { "x", "y", "deg", "rcond", "full", "w", "cov", NULL };
    PyObject *xo, *yo, *rco = Py_None, *wo = Py_None, *covo = Py_False;
    int deg, full = 0;
    if (!PyArg_ParseTupleAndKeywords(args, kw, "OOi|OpOO:polyfit", names, &xo, &yo, &deg, &rco, &full, &wo, &covo))
        return NULL;
    if (full || covo != Py_False) {
        PyErr_SetString(PyExc_TypeError, "numc.polyfit: full=True and cov are not supported");
        return NULL;
    }
    nd_polyfit_opts o = { 0 };
    if (rco != Py_None && (o.rcond = PyFloat_AsDouble(rco)) == -1.0 && PyErr_Occurred()) return NULL;
    nd_array *x = npy_as_nd(xo, -1), *y = x ? npy_as_nd(yo, -1) : NULL, *w = NULL;
    if (!y) {
        nd_free(x);
        return NULL;
    }
    if (wo != Py_None && !(w = npy_as_nd(wo, -1))) {
        nd_free(x);
        nd_free(y);
        return NULL;
    }
    o.w = w;
    nd_array *r = nd_polyfit_(x, y, deg, &o);
    nd_free(x);
    nd_free(y);
    nd_free(w);
    return npy_wrap(r);
}

static PyObject *f_roots(PyObject *s, PyObject *o) { return one_array_fn(o, nd_roots); }
static PyObject *f_poly(PyObject *s, PyObject *o) { return one_array_fn(o, nd_poly); }

/* ---- more: histogram2d, gradient, unwrap, broadcast_arrays ---------------------------------- */
static PyObject *f_histogram2d(PyObject *self, PyObject *args, PyObject *kw)
{
    static char *names[] = { "x", "y", "bins", "range", "density", "weights", NULL };
    PyObject *xo, *yo, *bo = NULL, *ro = Py_None, *dens = Py_None, *wo = Py_None;
    if (!PyArg_ParseTupleAndKeywords(args, kw, "OO|OOOO:histogram2d", names, &xo, &yo, &bo, &ro, &dens, &wo))
        return NULL;
    nd_histdd_opts o = { .bins = 10 };
    ptrdiff_t each[2];
    double range[4];
    nd_array *edges_in[2] = { NULL, NULL }, *x = NULL, *y = NULL, *w = NULL, *out[3] = { NULL, NULL, NULL };
    PyObject *r = NULL;
    if (density_arg(dens, &o.density) < 0) return NULL;
    if (ro != Py_None) {
        if (!PyArg_ParseTuple(ro, "(dd)(dd):range", &range[0], &range[1], &range[2], &range[3])) return NULL;
        o.range = range;
    }
    if (bo && PyLong_Check(bo)) {
        o.bins = PyLong_AsSsize_t(bo);
        if (o.bins == -1 && PyErr_Occurred()) return NULL;
    } else if (bo && PySequence_Check(bo) && PySequence_Size(bo) == 2) {
        PyObject *b0 = PySequence_GetItem(bo, 0), *b1 = b0 ? PySequence_GetItem(bo, 1) : NULL;
        if (!b1) {
            Py_XDECREF(b0);
            return NULL;
        }
        if (PyLong_Check(b0) && PyLong_Check(b1)) {
            each[0] = PyLong_AsSsize_t(b0);
            each[1] = PyLong_AsSsize_t(b1);
            o.bins_each = each;
        } else {
            edges_in[0] = npy_as_nd(b0, -1);
            edges_in[1] = edges_in[0] ? npy_as_nd(b1, -1) : NULL;
            o.edges = (const nd_array *const *)edges_in;
        }
        Py_DECREF(b0);
        Py_DECREF(b1);
        if (PyErr_Occurred()) goto done;
    } else if (bo) {
        /* one edges array for both dimensions */
        edges_in[0] = npy_as_nd(bo, -1);
        edges_in[1] = edges_in[0] ? nd_ref(edges_in[0]) : NULL;
        if (!edges_in[1]) goto done;
        o.edges = (const nd_array *const *)edges_in;
    }
    if (!(x = npy_as_nd(xo, -1)) || !(y = npy_as_nd(yo, -1))) goto done;
    if (wo != Py_None && !(w = npy_as_nd(wo, -1))) goto done;
    o.weights = w;
    nd_status st;
    NPY_CALL(nd_size(x), st = nd_histogram2d_(x, y, &out[0], &out[1], &out[2], &o));
    if (st < 0) {
        npy_raise();
        goto done;
    }
    if (o.edges) {
        /* NumPy returns explicit edges as given (their dtype); numc's are float64 */
        for (int i = 0; i < 2; i++) {
            nd_free(out[1 + i]);
            out[1 + i] = edges_in[i];
            edges_in[i] = NULL;
        }
    }
    r = npy_tuple_of(out, 3);
done:
    nd_free(edges_in[0]);
    nd_free(edges_in[1]);
    nd_free(x);
    nd_free(y);
    nd_free(w);
    return r;
}

static PyObject *f_gradient(PyObject *self, PyObject *args, PyObject *kw)
{
    Py_ssize_t npos = PyTuple_Size(args);
    if (npos < 1) {
        PyErr_SetString(PyExc_TypeError, "gradient() missing required argument 'f' (pos 1)");
        return NULL;
    }
    PyObject *axo = Py_None;
    int edge_order = 1;
    if (kw) {
        PyObject *empty = PyTuple_New(0);
        static char *names[] = { "axis", "edge_order", NULL };
        int ok = empty && PyArg_ParseTupleAndKeywords(empty, kw, "|Oi:gradient", names, &axo, &edge_order);
        Py_XDECREF(empty);
        if (!ok) return NULL;
    }
    nd_gradient_opts o = ND_GRADIENT_DEFAULTS;
    o.edge_order = edge_order;
    if (npy_axis_arg(axo, &o.axis, &o.axes) < 0) return NULL;
    nd_array *f = npy_as_nd(PyTuple_GetItem(args, 0), -1);
    if (!f) return NULL;
    int naxes = o.axis != ND_AXIS_NONE ? 1 : o.axes.n ? o.axes.n : nd_ndim(f);
    double dx[ND_MAXDIMS];
    nd_array *xs[ND_MAXDIMS] = { NULL }, *out[ND_MAXDIMS] = { NULL };
    int nx = 0;
    PyObject *r = NULL;
    Py_ssize_t nsp = npos - 1;
    if (nsp != 0 && nsp != 1 && nsp != naxes) {
        PyErr_SetString(PyExc_TypeError, "invalid number of arguments");
        goto done;
    }
    if (nsp > 0) {
        int all_scalar = 1;
        for (Py_ssize_t i = 1; i < npos; i++) {
            PyObject *sp = PyTuple_GetItem(args, i);
            if (!PyFloat_Check(sp) && !PyLong_Check(sp)) all_scalar = 0;
        }
        if (all_scalar) {
            for (int i = 0; i < naxes; i++) {
                dx[i] = PyFloat_AsDouble(PyTuple_GetItem(args, nsp == 1 ? 1 : 1 + i));
                if (PyErr_Occurred()) goto done;
            }
            o.dx = dx;
        } else {
            if (nsp != naxes) {
                PyErr_SetString(PyExc_TypeError, "numc.gradient: give one coordinate array per axis");
                goto done;
            }
            for (int i = 0; i < naxes; i++) {
                if (!(xs[i] = npy_as_nd(PyTuple_GetItem(args, 1 + i), -1))) goto done;
                nx++;
            }
            o.x = (const nd_array *const *)xs;
        }
    }
    nd_status st;
    NPY_CALL(nd_size(f), st = nd_gradient_(f, out, &o));
    if (st < 0) {
        npy_raise();
        goto done;
    }
    if (naxes == 1) {
        r = npy_wrap(out[0]);
    } else {
        r = PyList_New(naxes);
        for (int i = 0; i < naxes; i++) {
            PyObject *g = r ? npy_wrap(out[i]) : (nd_free(out[i]), NULL);
            if (g) PyList_SetItem(r, i, g);
            else Py_CLEAR(r);
        }
    }
done:
    for (int i = 0; i < nx; i++) nd_free(xs[i]);
    nd_free(f);
    return r;
}

static PyObject *f_unwrap(PyObject *self, PyObject *args, PyObject *kw)
{
    static char *names[] = { "p", "discont", "axis", "period", NULL };
    PyObject *po, *dco = Py_None;
    nd_unwrap_opts o = ND_UNWRAP_DEFAULTS;
    if (!PyArg_ParseTupleAndKeywords(args, kw, "O|Oi$d:unwrap", names, &po, &dco, &o.axis, &o.period)) return NULL;
    if (dco != Py_None && (o.discont = PyFloat_AsDouble(dco)) == -1.0 && PyErr_Occurred()) return NULL;
    nd_array *p = npy_as_nd(po, -1);
    if (!p) return NULL;
    nd_array *r = nd_unwrap_(p, &o);
    nd_free(p);
    return npy_wrap(r);
}

static PyObject *f_broadcast_arrays(PyObject *self, PyObject *args)
{
    nd_array *in[ND_ITER_MAXOP * 4], *out[ND_ITER_MAXOP * 4];
    int n = arrays_of(args, in, ND_ITER_MAXOP * 4, "broadcast_arrays");
    if (n < 0) return NULL;
    nd_status st = nd_broadcast_arrays(n, (const nd_array *const *)in, out);
    free_all(in, n);
    if (st < 0) return npy_raise();
    PyObject *t = npy_tuple_of(out, n);
    if (!t) return NULL;
    PyObject *l = PySequence_List(t);
    Py_DECREF(t);
    return l;
}

/* numpy.format_float_positional / format_float_scientific over nd_format_float_*: None is
 * NumPy's default (0 in the options), a NumPy 0 is ND_FMT_0. */
static int fmt_count(PyObject *o, const char *name, int *out)
{
    if (o == Py_None) return 0;
    long v = PyLong_AsLong(o);
    if (v == -1 && PyErr_Occurred()) return -1;
    if (v < 0 || v > 10000) {
        PyErr_Format(PyExc_ValueError, "%s must be >= 0, got %ld", name, v);
        return -1;
    }
    *out = v ? (int)v : ND_FMT_0;
    return 0;
}

static PyObject *format_float(PyObject *args, PyObject *kw, bool scientific)
{
    static char *pos_names[] = { "x", "precision", "unique", "fractional", "trim", "sign", "pad_left", "pad_right",
                                 "min_digits", NULL };
    static char *sci_names[] = { "x", "precision", "unique", "trim", "sign", "pad_left", "exp_digits",
                                 "min_digits", NULL };
    PyObject *xo, *prec = Py_None, *padl = Py_None, *padr = Py_None, *expd = Py_None, *mind = Py_None;
    int unique = 1, fractional = 1, sign = 0;
    const char *trim = "k";
    int ok = scientific ? PyArg_ParseTupleAndKeywords(args, kw, "O|OpspOOO:format_float_scientific", sci_names, &xo,
                                                      &prec, &unique, &trim, &sign, &padl, &expd, &mind)
                        : PyArg_ParseTupleAndKeywords(args, kw, "O|OppspOOO:format_float_positional", pos_names,
                                                      &xo, &prec, &unique, &fractional, &trim, &sign, &padl, &padr,
                                                      &mind);
    if (!ok) return NULL;
    nd_format_float_opts o = { .x = PyFloat_AsDouble(xo), .no_unique = !unique, .no_fractional = !fractional,
                               .sign = sign, .trim = trim[0] && !trim[1] ? trim[0] : '?' };
    if (o.x == -1 && PyErr_Occurred()) return NULL;
    /* a float32 scalar prints its own shortest digits */
    PyObject *dt = PyObject_HasAttrString(xo, "dtype") ? PyObject_GetAttrString(xo, "dtype") : NULL;
    PyObject *dts = dt ? PyObject_Str(dt) : NULL;
    o.float32 = dts && PyUnicode_CompareWithASCIIString(dts, "float32") == 0;
    Py_XDECREF(dt);
    Py_XDECREF(dts);
    PyErr_Clear();
    if (fmt_count(prec, "precision", &o.precision) || fmt_count(padl, "pad_left", &o.pad_left) ||
        fmt_count(padr, "pad_right", &o.pad_right) || fmt_count(expd, "exp_digits", &o.exp_digits) ||
        fmt_count(mind, "min_digits", &o.min_digits))
        return NULL;
    char *t = scientific ? nd_format_float_scientific_(&o) : nd_format_float_positional_(&o);
    if (!t) return npy_raise();
    PyObject *r = PyUnicode_FromString(t);
    nd_free_mem(t);
    return r;
}

static PyObject *f_format_float_positional(PyObject *s, PyObject *a, PyObject *k)
{
    (void)s;
    return format_float(a, k, false);
}

static PyObject *f_format_float_scientific(PyObject *s, PyObject *a, PyObject *k)
{
    (void)s;
    return format_float(a, k, true);
}

PyMethodDef npy_func_methods[] = {
    { "concatenate", FN(f_concatenate), KW, "numpy.concatenate(arrays, axis=0)" },
    { "format_float_positional", FN(f_format_float_positional), KW,
      "numpy.format_float_positional(x, precision=None, unique=True, fractional=True, trim='k', sign=False, "
      "pad_left=None, pad_right=None, min_digits=None)" },
    { "format_float_scientific", FN(f_format_float_scientific), KW,
      "numpy.format_float_scientific(x, precision=None, unique=True, trim='k', sign=False, pad_left=None, "
      "exp_digits=None, min_digits=None)" },
    { "stack", FN(f_stack), KW, "numpy.stack(arrays, axis=0)" },
    { "vstack", FN(f_vstack), KW, "numpy.vstack(tup)" },
    { "hstack", FN(f_hstack), KW, "numpy.hstack(tup)" },
    { "dstack", FN(f_dstack), KW, "numpy.dstack(tup)" },
    { "column_stack", FN(f_column_stack), KW, "numpy.column_stack(tup)" },
    { "where", f_where, METH_VARARGS, "numpy.where(condition, [x, y])" },
    { "nonzero", f_nonzero, METH_O, "numpy.nonzero(a)" },
    { "argwhere", f_argwhere, METH_O, "numpy.argwhere(a)" },
    { "flatnonzero", f_flatnonzero, METH_O, "numpy.flatnonzero(a)" },
    { "atleast_1d", f_atleast_1d, METH_O, "numpy.atleast_1d(a)" },
    { "atleast_2d", f_atleast_2d, METH_O, "numpy.atleast_2d(a)" },
    { "atleast_3d", f_atleast_3d, METH_O, "numpy.atleast_3d(a)" },
    { "fliplr", f_fliplr, METH_O, "numpy.fliplr(m)" },
    { "flipud", f_flipud, METH_O, "numpy.flipud(m)" },
    { "ascontiguousarray", f_ascontiguousarray, METH_O, "numpy.ascontiguousarray(a)" },
    { "meshgrid", FN(f_meshgrid), KW, "numpy.meshgrid(*xi, indexing='xy')" },
    { "sort", FN(f_sort), KW, "numpy.sort(a, axis=-1, kind=None)" },
    { "argsort", FN(f_argsort), KW, "numpy.argsort(a, axis=-1, kind=None)" },
    { "unique", FN(f_unique), KW, "numpy.unique(ar, return_index, return_inverse, return_counts, axis)" },
    { "searchsorted", FN(f_searchsorted), KW, "numpy.searchsorted(a, v, side='left')" },
    { "tile", f_tile, METH_VARARGS, "numpy.tile(A, reps)" },
    { "repeat", FN(f_repeat), KW, "numpy.repeat(a, repeats, axis=None)" },
    { "flip", FN(f_flip), KW, "numpy.flip(m, axis=None)" },
    { "roll", FN(f_roll), KW, "numpy.roll(a, shift, axis=None)" },
    { "rot90", FN(f_rot90), KW, "numpy.rot90(m, k=1)" },
    { "expand_dims", FN(f_expand_dims), KW, "numpy.expand_dims(a, axis)" },
    { "broadcast_to", FN(f_broadcast_to), KW, "numpy.broadcast_to(array, shape)" },
    { "moveaxis", FN(f_moveaxis), KW, "numpy.moveaxis(a, source, destination)" },
    { "diag", FN(f_diag), KW, "numpy.diag(v, k=0)" },
    { "tril", FN(f_tril), KW, "numpy.tril(m, k=0)" },
    { "triu", FN(f_triu), KW, "numpy.triu(m, k=0)" },
    { "around", FN(f_around), KW, "numpy.around(a, decimals=0)" },
    { "round", FN(f_around), KW, "numpy.round(a, decimals=0)" },
    { "isclose", FN(f_isclose), KW, "numpy.isclose(a, b, rtol=1e-05, atol=1e-08, equal_nan=False)" },
    { "allclose", FN(f_allclose), KW, "numpy.allclose(a, b, rtol=1e-05, atol=1e-08, equal_nan=False)" },
    { "array_equal", FN(f_array_equal), KW, "numpy.array_equal(a1, a2, equal_nan=False)" },
    { "diff", FN(f_diff), KW, "numpy.diff(a, n=1, axis=-1, prepend, append)" },
    { "take", FN(f_take), KW, "numpy.take(a, indices, axis=None)" },
    { "nan_to_num", FN(f_nan_to_num), KW, "numpy.nan_to_num(x, copy=True, nan=0.0, posinf=None, neginf=None)" },
    { "median", FN(f_median), KW, "numpy.median(a, axis=None, keepdims=False)" },
    { "percentile", FN(f_percentile), KW, "numpy.percentile(a, q, axis=None, method='linear', keepdims=False)" },
    { "quantile", FN(f_quantile), KW, "numpy.quantile(a, q, axis=None, method='linear', keepdims=False)" },
    { "histogram", FN(f_histogram), KW, "numpy.histogram(a, bins=10, range=None, density=None, weights=None)" },
    { "logspace", FN(f_logspace), KW, "numpy.logspace(start, stop, num=50, endpoint=True, base=10.0, dtype=None)" },
    { "geomspace", FN(f_geomspace), KW, "numpy.geomspace(start, stop, num=50, endpoint=True, dtype=None)" },
    { "outer", f_outer, METH_VARARGS, "numpy.outer(a, b)" },
    { "interp", FN(f_interp), KW, "numpy.interp(x, xp, fp, left=None, right=None, period=None)" },
    { "histogram2d", FN(f_histogram2d), KW, "numpy.histogram2d(x, y, bins=10, range=None, density=None, weights=None)" },
    { "gradient", FN(f_gradient), KW, "numpy.gradient(f, *varargs, axis=None, edge_order=1)" },
    { "unwrap", FN(f_unwrap), KW, "numpy.unwrap(p, discont=None, axis=-1, *, period=2*pi)" },
    { "broadcast_arrays", f_broadcast_arrays, METH_VARARGS, "numpy.broadcast_arrays(*args)" },
    { "polyval", f_polyval, METH_VARARGS, "numpy.polyval(p, x)" },
    { "polyfit", FN(f_polyfit), KW, "numpy.polyfit(x, y, deg, rcond=None, w=None)" },
    { "roots", f_roots, METH_O, "numpy.roots(p)" },
    { "poly", f_poly, METH_O, "numpy.poly(seq_of_zeros)" },
    { "split", FN(f_split), KW, "numpy.split(ary, indices_or_sections, axis=0)" },
    { "array_split", FN(f_array_split), KW, "numpy.array_split(ary, indices_or_sections, axis=0)" },
    { "append", FN(f_append), KW, "numpy.append(arr, values, axis=None)" },
    { "pad", FN(f_pad), KW, "numpy.pad(array, pad_width, mode='constant', constant_values=0)" },
    { "fabs", f_fabs, METH_O, "numpy.fabs(x)" },
    { "isposinf", f_isposinf, METH_O, "numpy.isposinf(x)" },
    { "isneginf", f_isneginf, METH_O, "numpy.isneginf(x)" },
    { "iscomplex", f_iscomplex, METH_O, "numpy.iscomplex(x)" },
    { "isreal", f_isreal, METH_O, "numpy.isreal(x)" },
    { "i0", f_i0, METH_O, "numpy.i0(x)" },
    { "real", f_real, METH_O, "numpy.real(val)" },
    { "imag", f_imag, METH_O, "numpy.imag(val)" },
    { "modf", f_modf, METH_O, "numpy.modf(x): (fractional, integral)" },
    { "frexp", f_frexp, METH_O, "numpy.frexp(x): (mantissa, exponent)" },
    { "ldexp", f_ldexp, METH_VARARGS, "numpy.ldexp(x1, x2)" },
    { "cross", FN(f_cross), KW, "numpy.cross(a, b, axis=-1)" },
    { "trapz", FN(f_trapz), KW, "numpy.trapz(y, x=None, dx=1.0, axis=-1)" },
    { "isin", FN(f_isin), KW, "numpy.isin(element, test_elements, assume_unique=False, invert=False)" },
    { "in1d", FN(f_in1d), KW, "numpy.in1d(ar1, ar2, assume_unique=False, invert=False)" },
    { "setdiff1d", FN(f_setdiff1d), KW, "numpy.setdiff1d(ar1, ar2, assume_unique=False)" },
    { "setxor1d", FN(f_setxor1d), KW, "numpy.setxor1d(ar1, ar2, assume_unique=False)" },
    { "union1d", f_union1d, METH_VARARGS, "numpy.union1d(ar1, ar2)" },
    { "intersect1d", FN(f_intersect1d), KW, "numpy.intersect1d(ar1, ar2, assume_unique=False, return_indices=False)" },
    { "average", FN(f_average), KW, "numpy.average(a, axis=None, weights=None, returned=False, keepdims=False)" },
    { "cov", FN(f_cov), KW, "numpy.cov(m, y=None, rowvar=True, bias=False, ddof=None, fweights=None, aweights=None)" },
    { "corrcoef", FN(f_corrcoef), KW, "numpy.corrcoef(x, y=None, rowvar=True)" },
    { "bincount", FN(f_bincount), KW, "numpy.bincount(x, weights=None, minlength=0)" },
    { "digitize", FN(f_digitize), KW, "numpy.digitize(x, bins, right=False)" },
    { "correlate", FN(f_correlate), KW, "numpy.correlate(a, v, mode='valid')" },
    { "convolve", FN(f_convolve), KW, "numpy.convolve(a, v, mode='full')" },
    { NULL, NULL, 0, NULL }
};
