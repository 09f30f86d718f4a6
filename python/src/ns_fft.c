/* numc.fft over fft.h: one C entry for the fourteen transforms (NumPy's n/axis, s/axes and
 * norm are filled into nd_fft_opts) plus the helpers. Keywords and defaults are
 * numc/fft.py's. The GIL is released for inputs above NPY_NOGIL_SIZE. */
#include "ns_common_extra.h"

typedef nd_array *(*fft_fn)(const nd_fft_opts *);
static const struct {
    const char *name;
    fft_fn fn;
} fft_table[] = {
    { "fft", nd_fft_ },     { "ifft", nd_ifft_ },   { "rfft", nd_rfft_ },     { "irfft", nd_irfft_ },
    { "hfft", nd_hfft_ },   { "ihfft", nd_ihfft_ }, { "fft2", nd_fft2_ },     { "ifft2", nd_ifft2_ },
    { "rfft2", nd_rfft2_ }, { "irfft2", nd_irfft2_ }, { "fftn", nd_fftn_ },   { "ifftn", nd_ifftn_ },
    { "rfftn", nd_rfftn_ }, { "irfftn", nd_irfftn_ },
};

/* _transform(name, a, n or None, axis, s or None, axes or None, norm 0/1/2) */
static PyObject *fft_transform(PyObject *self, PyObject *args)
{
    (void)self;
    const char *name;
    nd_array *a = NULL;
    PyObject *no, *so, *axo;
    int axis, norm;
    if (!PyArg_ParseTuple(args, "sO&OiOOi", &name, nsx_arr, &a, &no, &axis, &so, &axo, &norm))
        return NULL;
    fft_fn fn = NULL;
    size_t idx = 0;
    for (size_t i = 0; i < sizeof fft_table / sizeof fft_table[0]; i++)
        if (strcmp(fft_table[i].name, name) == 0) fn = fft_table[i].fn, idx = i;
    nd_fft_opts o = ND_FFT_DEFAULTS;
    o.a = a;
    if (idx < 6) o.axis = axis; /* the 1-D transforms; n-D ones take s / axes */
    o.norm = (nd_fft_norm)norm;
    if (!fn) {
        PyErr_Format(PyExc_ValueError, "numc: unknown transform %s", name);
        goto fail;
    }
    if (no != Py_None) {
        o.n = PyLong_AsSsize_t(no);
        if (o.n == -1 && PyErr_Occurred()) goto fail;
        if (o.n < 1) {
            PyErr_Format(PyExc_ValueError, "Invalid number of FFT data points (%zd) specified.", o.n);
            goto fail;
        }
    }
    if (so != Py_None) {
        ptrdiff_t sh[ND_MAXDIMS];
        int k = npy_shape_arg(so, sh);
        if (k < 0) goto fail;
        o.s.n = k;
        for (int i = 0; i < k; i++) {
            if (sh[i] < 1) {
                PyErr_Format(PyExc_ValueError, "Invalid number of FFT data points (%zd) specified.", sh[i]);
                goto fail;
            }
            o.s.v[i] = sh[i];
        }
    }
    if (axo != Py_None && !nsx_axes(axo, &o.axes)) goto fail;
    nd_array *r;
    NPY_CALL(nd_size(a), r = fn(&o));
    nd_free(a);
    return npy_wrap(r);
fail:
    nd_free(a);
    return NULL;
}

static PyObject *fft_freq(PyObject *self, PyObject *args)
{
    (void)self;
    Py_ssize_t n;
    double d;
    int real;
    if (!PyArg_ParseTuple(args, "ndp", &n, &d, &real)) return NULL;
    return npy_wrap(real ? (nd_rfftfreq)(n, d) : (nd_fftfreq)(n, d));
}

static PyObject *fft_shift(PyObject *self, PyObject *args)
{
    (void)self;
    nd_array *a = NULL, *r;
    nd_axes axes = { 0 };
    int inverse;
    if (!PyArg_ParseTuple(args, "O&O&p", nsx_arr, &a, nsx_axes, &axes, &inverse)) return NULL;
    NPY_CALL(nd_size(a), r = inverse ? nd_ifftshift(a, axes) : nd_fftshift(a, axes));
    nd_free(a);
    return npy_wrap(r);
}

static PyMethodDef fft_methods[] = {
    { "_transform", fft_transform, METH_VARARGS, NULL },
    { "_freq", fft_freq, METH_VARARGS, NULL },
    { "_shift", fft_shift, METH_VARARGS, NULL },
    { NULL, NULL, 0, NULL }
};

static struct PyModuleDef fft_def = { PyModuleDef_HEAD_INIT, "numc._core._fft",
                                      "numc's discrete Fourier transforms (fft.h)", -1,
                                      fft_methods, NULL, NULL, NULL, NULL };

PyObject *numc_py_ns_fft(void) { return PyModule_Create(&fft_def); }
