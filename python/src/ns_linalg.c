/* numc.linalg (and the products numpy has at top level: dot, vdot, inner, outer, kron,
 * tensordot, einsum, trace) over linalg.h. Positional C functions; NumPy's keywords and
 * defaults are numc/linalg.py's. The GIL is released for inputs above NPY_NOGIL_SIZE. */
#include "ns_common_extra.h"

#define LA_BIN(name, call)                                                           \
    static PyObject *la_##name(PyObject *self, PyObject *args)                       \
    {                                                                                \
        (void)self;                                                                  \
        nd_array *a = NULL, *b = NULL, *r;                                           \
        if (!PyArg_ParseTuple(args, "O&O&", nsx_arr, &a, nsx_arr, &b)) return NULL;  \
        NPY_CALL(nd_size(a) + nd_size(b), r = call(a, b));                           \
        nd_free(a);                                                                  \
        nd_free(b);                                                                  \
        return npy_wrap_result(r);                                                   \
    }
LA_BIN(matmul, nd_matmul)
LA_BIN(dot, nd_dot)
LA_BIN(vdot, nd_vdot)
LA_BIN(inner, nd_inner)
LA_BIN(outer, nd_outer)
LA_BIN(kron, nd_kron)
LA_BIN(solve, nd_solve)

#define LA_UN(name, call)                                                            \
    static PyObject *la_##name(PyObject *self, PyObject *args)                       \
    {                                                                                \
        (void)self;                                                                  \
        nd_array *a = NULL, *r;                                                      \
        if (!PyArg_ParseTuple(args, "O&", nsx_arr, &a)) return NULL;                 \
        NPY_CALL(nd_size(a), r = call(a));                                           \
        nd_free(a);                                                                  \
        return npy_wrap_result(r);                                                   \
    }
LA_UN(inv, nd_inv)
LA_UN(det, nd_det)
LA_UN(cholesky, nd_cholesky)
LA_UN(eigvals, nd_eigvals)

static PyObject *la_tensordot(PyObject *self, PyObject *args)
{
    (void)self;
    nd_array *a = NULL, *b = NULL, *r;
    PyObject *axes;
    if (!PyArg_ParseTuple(args, "O&O&O", nsx_arr, &a, nsx_arr, &b, &axes)) return NULL;
    if (PyLong_Check(axes)) {
        long n = PyLong_AsLong(axes);
        NPY_CALL(nd_size(a) + nd_size(b), r = nd_tensordot(a, b, (int)n));
    } else {
        nd_axes xa = { 0 }, xb = { 0 };
        PyObject *p0 = NULL, *p1 = NULL;
        if (PySequence_Check(axes) && PySequence_Size(axes) == 2) {
            p0 = PySequence_GetItem(axes, 0);
            p1 = PySequence_GetItem(axes, 1);
        }
        int ok = p0 && p1 && nsx_axes(p0, &xa) && nsx_axes(p1, &xb);
        Py_XDECREF(p0);
        Py_XDECREF(p1);
        if (!ok) {
            if (!PyErr_Occurred()) PyErr_SetString(PyExc_TypeError, "numc: tensordot axes must be an int or a pair of axis lists");
            nd_free(a);
            nd_free(b);
            return NULL;
        }
        NPY_CALL(nd_size(a) + nd_size(b), r = nd_tensordot_axes(a, b, xa, xb));
    }
    nd_free(a);
    nd_free(b);
    return npy_wrap_result(r);
}

#define LA_MAXOPS 64
static PyObject *la_multi_dot(PyObject *self, PyObject *seq)
{
    (void)self;
    nd_array *ops[LA_MAXOPS];
    int n = nsx_arrays(seq, ops, LA_MAXOPS);
    if (n < 0) return NULL;
    ptrdiff_t tot = 0;
    for (int i = 0; i < n; i++) tot += nd_size(ops[i]);
    nd_array *r;
    NPY_CALL(tot, r = nd_multi_dot(n, (const nd_array *const *)ops));
    nsx_free_n(ops, n);
    return npy_wrap_result(r);
}

static PyObject *la_einsum(PyObject *self, PyObject *args)
{
    (void)self;
    const char *sub;
    PyObject *seq;
    if (!PyArg_ParseTuple(args, "sO", &sub, &seq)) return NULL;
    nd_array *ops[ND_EINSUM_MAXOP];
    int n = nsx_arrays(seq, ops, ND_EINSUM_MAXOP);
    if (n < 0) return NULL;
    ptrdiff_t tot = 0;
    for (int i = 0; i < n; i++) tot += nd_size(ops[i]);
    nd_array *r;
    NPY_CALL(tot, r = nd_einsum_n(sub, n, (const nd_array *const *)ops));
    nsx_free_n(ops, n);
    return npy_wrap_result(r);
}

/* einsum_path(subscripts, operands, optimize): (list of contraction tuples, report). */
static PyObject *la_einsum_path(PyObject *self, PyObject *args)
{
    (void)self;
    const char *sub, *opt;
    PyObject *seq;
    if (!PyArg_ParseTuple(args, "sOs", &sub, &seq, &opt)) return NULL;
    nd_array *ops[ND_EINSUM_MAXOP];
    int n = nsx_arrays(seq, ops, ND_EINSUM_MAXOP);
    if (n < 0) return NULL;
    char *report = NULL;
    nd_einsum_path p;
    nd_einsum_path_opts o = { ._ = 0, .optimize = opt, .report = &report };
    nd_status st = nd_einsum_path_n(sub, n, (const nd_array *const *)ops, &o, &p);
    nsx_free_n(ops, n);
    if (st < 0) return npy_raise();
    PyObject *steps = PyList_New(0);
    for (int i = 0; steps && i < p.ncontract; i++) {
        PyObject *t = PyTuple_New(p.npos[i]);
        for (int j = 0; t && j < p.npos[i]; j++) PyTuple_SetItem(t, j, PyLong_FromLong(p.pos[i][j]));
        if (!t || PyList_Append(steps, t) < 0) Py_CLEAR(steps);
        Py_XDECREF(t);
    }
    PyObject *r = steps ? Py_BuildValue("Ns", steps, report ? report : "") : NULL;
    nd_free_mem(report);
    return r;
}

static PyObject *la_matrix_power(PyObject *self, PyObject *args)
{
    (void)self;
    nd_array *a = NULL, *r;
    long n;
    if (!PyArg_ParseTuple(args, "O&l", nsx_arr, &a, &n)) return NULL;
    NPY_CALL(nd_size(a), r = nd_matrix_power(a, n));
    nd_free(a);
    return npy_wrap_result(r);
}

static PyObject *la_trace(PyObject *self, PyObject *args)
{
    (void)self;
    nd_array *a = NULL, *r;
    Py_ssize_t off;
    int ax1, ax2;
    if (!PyArg_ParseTuple(args, "O&nii", nsx_arr, &a, &off, &ax1, &ax2)) return NULL;
    NPY_CALL(nd_size(a), r = nd_trace(a, off, ax1, ax2));
    nd_free(a);
    return npy_wrap_result(r);
}

static PyObject *la_pinv(PyObject *self, PyObject *args)
{
    (void)self;
    nd_array *a = NULL, *r;
    double rcond;
    if (!PyArg_ParseTuple(args, "O&d", nsx_arr, &a, &rcond)) return NULL;
    NPY_CALL(nd_size(a), r = nd_pinv(a, rcond));
    nd_free(a);
    return npy_wrap(r);
}

static PyObject *la_slogdet(PyObject *self, PyObject *args)
{
    (void)self;
    nd_array *a = NULL, *o[2] = { NULL, NULL };
    nd_status st;
    if (!PyArg_ParseTuple(args, "O&", nsx_arr, &a)) return NULL;
    NPY_CALL(nd_size(a), st = nd_slogdet(a, &o[0], &o[1]));
    nd_free(a);
    if (st < 0) return npy_raise();
    return nsx_tuple(2, o, 1);
}

static PyObject *la_lstsq(PyObject *self, PyObject *args)
{
    (void)self;
    nd_array *a = NULL, *b = NULL;
    double rcond;
    nd_lstsq_result res = { 0 };
    nd_status st;
    if (!PyArg_ParseTuple(args, "O&O&d", nsx_arr, &a, nsx_arr, &b, &rcond)) return NULL;
    NPY_CALL(nd_size(a) + nd_size(b), st = nd_lstsq(a, b, rcond, &res));
    nd_free(a);
    nd_free(b);
    if (st < 0) return npy_raise();
    nd_array *o[4] = { res.x, res.residuals, res.rank, res.s };
    return nsx_tuple(4, o, 1);
}

static PyObject *la_qr(PyObject *self, PyObject *args)
{
    (void)self;
    nd_array *a = NULL, *o[2] = { NULL, NULL };
    int mode;
    nd_status st;
    if (!PyArg_ParseTuple(args, "O&i", nsx_arr, &a, &mode)) return NULL;
    NPY_CALL(nd_size(a), st = nd_qr(a, (nd_qr_mode)mode, mode == ND_QR_R ? NULL : &o[0], &o[1]));
    nd_free(a);
    if (st < 0) return npy_raise();
    if (mode == ND_QR_R) return npy_wrap(o[1]);
    return nsx_tuple(2, o, 0);
}

static PyObject *la_svd(PyObject *self, PyObject *args)
{
    (void)self;
    nd_array *a = NULL, *o[3] = { NULL, NULL, NULL };
    int full, uv;
    nd_status st;
    if (!PyArg_ParseTuple(args, "O&pp", nsx_arr, &a, &full, &uv)) return NULL;
    NPY_CALL(nd_size(a), st = nd_svd(a, full, uv ? &o[0] : NULL, &o[1], uv ? &o[2] : NULL));
    nd_free(a);
    if (st < 0) return npy_raise();
    if (!uv) return npy_wrap(o[1]);
    return nsx_tuple(3, o, 0);
}

static PyObject *la_eig(PyObject *self, PyObject *args)
{
    (void)self;
    nd_array *a = NULL, *o[2] = { NULL, NULL };
    nd_status st;
    if (!PyArg_ParseTuple(args, "O&", nsx_arr, &a)) return NULL;
    NPY_CALL(nd_size(a), st = nd_eig(a, &o[0], &o[1]));
    nd_free(a);
    if (st < 0) return npy_raise();
    return nsx_tuple(2, o, 0);
}

static PyObject *la_eigh(PyObject *self, PyObject *args)
{
    (void)self;
    nd_array *a = NULL, *o[2] = { NULL, NULL };
    const char *uplo;
    int vecs;
    nd_status st;
    if (!PyArg_ParseTuple(args, "O&sp", nsx_arr, &a, &uplo, &vecs)) return NULL;
    if (strcmp(uplo, "L") != 0 && strcmp(uplo, "U") != 0) {
        nd_free(a);
        PyErr_SetString(PyExc_ValueError, "UPLO argument must be 'L' or 'U'");
        return NULL;
    }
    NPY_CALL(nd_size(a), st = nd_eigh(a, uplo[0], &o[0], vecs ? &o[1] : NULL));
    nd_free(a);
    if (st < 0) return npy_raise();
    if (!vecs) return npy_wrap(o[0]);
    return nsx_tuple(2, o, 0);
}

/* norm(x, ord or None (text), axes or None, keepdims) */
static PyObject *la_norm(PyObject *self, PyObject *args)
{
    (void)self;
    nd_array *x = NULL, *r;
    const char *ord;
    nd_axes axes = { 0 };
    int keep, one_axis;
    PyObject *axo;
    if (!PyArg_ParseTuple(args, "O&zOpp", nsx_arr, &x, &ord, &axo, &keep, &one_axis)) return NULL;
    if (!nsx_axes(axo, &axes)) {
        nd_free(x);
        return NULL;
    }
    nd_norm_opts o = ND_NORM_DEFAULTS;
    o.x = x;
    o.ord = ord;
    o.keepdims = keep;
    if (one_axis && axes.n == 1) o.axis = axes.ax[0];
    else o.axes = axes;
    NPY_CALL(nd_size(x), r = nd_norm_(&o));
    nd_free(x);
    return npy_wrap_result(r);
}

static PyObject *la_cond(PyObject *self, PyObject *args)
{
    (void)self;
    nd_array *x = NULL, *r;
    const char *p;
    if (!PyArg_ParseTuple(args, "O&z", nsx_arr, &x, &p)) return NULL;
    NPY_CALL(nd_size(x), r = nd_cond(x, p));
    nd_free(x);
    return npy_wrap_result(r);
}

static PyObject *la_matrix_rank(PyObject *self, PyObject *args)
{
    (void)self;
    nd_array *a = NULL, *r;
    double tol;
    if (!PyArg_ParseTuple(args, "O&d", nsx_arr, &a, &tol)) return NULL;
    NPY_CALL(nd_size(a), r = nd_matrix_rank(a, tol));
    nd_free(a);
    return npy_wrap_result(r);
}

static PyObject *la_tensorinv(PyObject *self, PyObject *args)
{
    (void)self;
    nd_array *a = NULL, *r;
    int ind;
    if (!PyArg_ParseTuple(args, "O&i", nsx_arr, &a, &ind)) return NULL;
    NPY_CALL(nd_size(a), r = (nd_tensorinv)(a, ind));
    nd_free(a);
    return npy_wrap(r);
}

static PyObject *la_tensorsolve(PyObject *self, PyObject *args)
{
    (void)self;
    nd_array *a = NULL, *b = NULL, *r;
    nd_axes axes = { 0 };
    if (!PyArg_ParseTuple(args, "O&O&O&", nsx_arr, &a, nsx_arr, &b, nsx_axes, &axes)) return NULL;
    NPY_CALL(nd_size(a), r = (nd_tensorsolve)(a, b, axes));
    nd_free(a);
    nd_free(b);
    return npy_wrap(r);
}

#define M(n, kind) { #n, (PyCFunction)(void (*)(void))la_##n, kind, NULL }
static PyMethodDef la_methods[] = {
    M(matmul, METH_VARARGS), M(dot, METH_VARARGS), M(vdot, METH_VARARGS),
    M(inner, METH_VARARGS), M(outer, METH_VARARGS), M(kron, METH_VARARGS),
    M(solve, METH_VARARGS), M(inv, METH_VARARGS), M(det, METH_VARARGS),
    M(cholesky, METH_VARARGS), M(eigvals, METH_VARARGS), M(tensordot, METH_VARARGS),
    M(multi_dot, METH_O), M(einsum, METH_VARARGS), M(einsum_path, METH_VARARGS),
    M(matrix_power, METH_VARARGS), M(trace, METH_VARARGS), M(pinv, METH_VARARGS),
    M(slogdet, METH_VARARGS), M(lstsq, METH_VARARGS), M(qr, METH_VARARGS),
    M(svd, METH_VARARGS), M(eig, METH_VARARGS), M(eigh, METH_VARARGS),
    M(norm, METH_VARARGS), M(cond, METH_VARARGS), M(matrix_rank, METH_VARARGS),
    M(tensorinv, METH_VARARGS), M(tensorsolve, METH_VARARGS),
    { NULL, NULL, 0, NULL }
};
#undef M

static struct PyModuleDef la_def = { PyModuleDef_HEAD_INIT, "numc._core._linalg",
                                     "numc's linear algebra (linalg.h)", -1, la_methods,
                                     NULL, NULL, NULL, NULL };

PyObject *numc_py_ns_linalg(void) { return PyModule_Create(&la_def); }
