/* numc.emath (numpy.emath / numpy.lib.scimath): the complex principal values of sqrt, the
 * logs, power and the inverse trigonometric functions where the real ones are undefined
 * (ufunc.h nd_emath_*). A namespace of the binding: this file and python/numc/emath.py,
 * registered by the ns_*.c pattern of docs/python.md. */
#include "numc_py.h"

typedef nd_array *(*emath1_fn)(nd_operand);
typedef nd_array *(*emath2_fn)(nd_operand, nd_operand);

static PyObject *emath1(PyObject *x, emath1_fn fn)
{
    PyObject *objs[1] = { x };
    nd_operand op[1];
    nd_array *tmp[1];
    if (npy_operands(1, objs, op, tmp) < 0) return NULL;
    nd_array *r;
    NPY_CALL(op[0].kind == ND_OPK_ARRAY ? nd_size(op[0].array) : 1, r = fn(op[0]));
    nd_free(tmp[0]);
    return npy_wrap_result(r);
}

static PyObject *emath2(PyObject *args, const char *fmt, emath2_fn fn)
{
    PyObject *objs[2];
    if (!PyArg_ParseTuple(args, fmt, &objs[0], &objs[1])) return NULL;
    nd_operand op[2];
    nd_array *tmp[2];
    if (npy_operands(2, objs, op, tmp) < 0) return NULL;
    nd_array *r = fn(op[0], op[1]);
    nd_free(tmp[0]);
    nd_free(tmp[1]);
    return npy_wrap_result(r);
}

static PyObject *f_sqrt(PyObject *s, PyObject *x) { return emath1(x, nd_emath_sqrt_); }
static PyObject *f_log(PyObject *s, PyObject *x) { return emath1(x, nd_emath_log_); }
static PyObject *f_log2(PyObject *s, PyObject *x) { return emath1(x, nd_emath_log2_); }
static PyObject *f_log10(PyObject *s, PyObject *x) { return emath1(x, nd_emath_log10_); }
static PyObject *f_arccos(PyObject *s, PyObject *x) { return emath1(x, nd_emath_arccos_); }
static PyObject *f_arcsin(PyObject *s, PyObject *x) { return emath1(x, nd_emath_arcsin_); }
static PyObject *f_arctanh(PyObject *s, PyObject *x) { return emath1(x, nd_emath_arctanh_); }
static PyObject *f_logn(PyObject *s, PyObject *a) { return emath2(a, "OO:logn", nd_emath_logn_); }
static PyObject *f_power(PyObject *s, PyObject *a) { return emath2(a, "OO:power", nd_emath_power_); }

static PyMethodDef methods[] = {
    { "sqrt", f_sqrt, METH_O, "numpy.emath.sqrt(x)" },
    { "log", f_log, METH_O, "numpy.emath.log(x)" },
    { "log2", f_log2, METH_O, "numpy.emath.log2(x)" },
    { "log10", f_log10, METH_O, "numpy.emath.log10(x)" },
    { "logn", f_logn, METH_VARARGS, "numpy.emath.logn(n, x)" },
    { "power", f_power, METH_VARARGS, "numpy.emath.power(x, p)" },
    { "arccos", f_arccos, METH_O, "numpy.emath.arccos(x)" },
    { "arcsin", f_arcsin, METH_O, "numpy.emath.arcsin(x)" },
    { "arctanh", f_arctanh, METH_O, "numpy.emath.arctanh(x)" },
    { NULL, NULL, 0, NULL }
};

static struct PyModuleDef def = {
    PyModuleDef_HEAD_INIT, "numc.emath", "numpy.emath: complex results outside the real domain", -1,
    methods, NULL, NULL, NULL, NULL
};

PyObject *numc_py_ns_emath(void)
{
    return PyModule_Create(&def);
}
