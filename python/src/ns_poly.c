/* NumPy's classic polynomial functions polyfit (with full= and cov=), polyadd, polysub,
 * polymul, polydiv, polyder, polyint over poly.h, for numc/_extra.py (polyval, roots and
 * poly are funcs.c's). */
#include "ns_common_extra.h"

/* polyfit(x, y, deg, rcond (0: default), full, w, cov (0/1/2)) -> coefficients, or
 * (coefficients, residuals, rank, singular values, rcond) with full, or
 * (coefficients, cov) with cov */
static PyObject *p_polyfit(PyObject *self, PyObject *args)
{
    (void)self;
    nd_array *x = NULL, *y = NULL, *w = NULL, *c;
    int deg, full, cov;
    double rcond;
    if (!PyArg_ParseTuple(args, "O&O&idpO&i", nsx_arr, &x, nsx_arr, &y, &deg, &rcond, &full, nsx_arr_opt, &w,
                          &cov))
        return NULL;
    nd_polyfit_info info = { 0 };
    nd_polyfit_opts o = { ._ = 0, .rcond = rcond, .full = full, .w = w, .cov = cov };
    if (full || cov) o.info = &info;
    NPY_CALL(nd_size(x), c = nd_polyfit_(x, y, deg, &o));
    nd_free(x);
    nd_free(y);
    nd_free(w);
    if (!c) {
        nd_polyfit_info_free(&info);
        return npy_raise();
    }
    if (npy_flush_warnings() < 0) {
        nd_free(c);
        nd_polyfit_info_free(&info);
        return NULL;
    }
    if (full) {
        PyObject *co = npy_wrap(c), *res = npy_wrap(info.residuals), *sv = npy_wrap(info.singular_values);
        info.residuals = info.singular_values = NULL;
        nd_polyfit_info_free(&info);
        if (!co || !res || !sv) {
            Py_XDECREF(co);
            Py_XDECREF(res);
            Py_XDECREF(sv);
            return NULL;
        }
        return Py_BuildValue("NNnNd", co, res, info.rank, sv, info.rcond);
    }
    if (cov) {
        nd_array *o2[2] = { c, info.cov };
        info.cov = NULL;
        nd_polyfit_info_free(&info);
        return nsx_tuple(2, o2, 0);
    }
    return npy_wrap(c);
}

#define P_BIN(name, call)                                                                \
    static PyObject *p_##name(PyObject *self, PyObject *args)                            \
    {                                                                                    \
        (void)self;                                                                      \
        nd_array *a = NULL, *b = NULL, *r;                                               \
        if (!PyArg_ParseTuple(args, "O&O&", nsx_arr, &a, nsx_arr, &b)) return NULL;      \
        NPY_CALL(nd_size(a) * nd_size(b), r = call(a, b));                               \
        nd_free(a);                                                                      \
        nd_free(b);                                                                      \
        return npy_wrap(r);                                                              \
    }
P_BIN(polyadd, nd_polyadd)
P_BIN(polysub, nd_polysub)
P_BIN(polymul, nd_polymul)

static PyObject *p_polydiv(PyObject *self, PyObject *args)
{
    (void)self;
    nd_array *u = NULL, *v = NULL, *o[2] = { NULL, NULL };
    if (!PyArg_ParseTuple(args, "O&O&", nsx_arr, &u, nsx_arr, &v)) return NULL;
    nd_status st = nd_polydiv(u, v, &o[0], &o[1]);
    nd_free(u);
    nd_free(v);
    if (st < 0) return npy_raise();
    return nsx_tuple(2, o, 0);
}

static PyObject *p_polyder(PyObject *self, PyObject *args)
{
    (void)self;
    nd_array *p = NULL, *r;
    int m;
    if (!PyArg_ParseTuple(args, "O&i", nsx_arr, &p, &m)) return NULL;
    nd_polyder_opts o = { ._ = 0, .m = m };
    r = nd_polyder_(p, &o);
    nd_free(p);
    return npy_wrap(r);
}

/* polyint(p, m, k or None) */
static PyObject *p_polyint(PyObject *self, PyObject *args)
{
    (void)self;
    nd_array *p = NULL, *tmp = NULL, *r;
    int m;
    PyObject *ko;
    if (!PyArg_ParseTuple(args, "O&iO", nsx_arr, &p, &m, &ko)) return NULL;
    nd_polyint_opts o;
    memset(&o, 0, sizeof o);
    o.m = m;
    if (ko != Py_None && npy_operand(ko, &o.k, &tmp) < 0) {
        nd_free(p);
        return NULL;
    }
    r = nd_polyint_(p, &o);
    nd_free(p);
    nd_free(tmp);
    return npy_wrap(r);
}

#define M(n) { #n, p_##n, METH_VARARGS, NULL }
static PyMethodDef p_methods[] = {
    M(polyfit), M(polyadd), M(polysub), M(polymul), M(polydiv),
    M(polyder), M(polyint), { NULL, NULL, 0, NULL }
};
#undef M

static struct PyModuleDef p_def = { PyModuleDef_HEAD_INIT, "numc._core._poly",
                                    "numc's classic polynomial functions (poly.h)", -1, p_methods,
                                    NULL, NULL, NULL, NULL };

PyObject *numc_py_ns_poly(void) { return PyModule_Create(&p_def); }
