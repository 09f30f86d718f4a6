/* numc's Python binding: what every C file of the extension numc._core shares.
 *
 * One extension module (numc._core) holds every namespace, so there is one ndarray type
 * and one copy of libnumc's thread-local state. A namespace is one C file
 * python/src/ns_<name>.c defining
 *
 *     PyObject *numc_py_ns_<name>(void);      a new module object (PyModule_Create)
 *
 * CMake finds the ns_*.c files by name and generates the table _core's init walks: each
 * module object becomes _core._<name>, which the Python file python/numc/<name>.py (or
 * python/numc/<name>/__init__.py) re-exports. docs/python.md describes the pattern.
 *
 * Built with Py_LIMITED_API = 3.11 (the buffer protocol joined the stable ABI there). */
#ifndef NUMC_PY_H
#define NUMC_PY_H

#ifndef Py_LIMITED_API
#define Py_LIMITED_API 0x030B0000
#endif
#define PY_SSIZE_T_CLEAN
#include <Python.h>

#include <numc/numc.h>
#include <stdatomic.h>

/* The object behind numc.ndarray: one reference to an nd_array (the owner of memory that
 * is not numc's is held by the nd_array's free_fn). */
typedef struct {
    PyObject_HEAD
    nd_array *arr;
    Py_ssize_t exports; /* live Py_buffer exports: they point into arr's shape/strides */
} NcArray;

extern PyTypeObject *NcArray_Type;
#define NcArray_Check(o) (Py_TYPE(o) == NcArray_Type)
#define NC_ARR(o) (((NcArray *)(o))->arr)

/* Elements above which a numc call runs with the GIL released. */
#define NPY_NOGIL_SIZE 16384
/* Run `stmt` with the GIL released when `n` (an element count) is large. It first makes
 * sure numc's warnings on this thread reach Python (npy_install_warnings). */
#define NPY_CALL(n, stmt)                                                                  \
    do {                                                                                   \
        npy_install_warnings();                                                            \
        if ((n) > NPY_NOGIL_SIZE) {                                                        \
            atomic_fetch_add(&npy_nogil_calls, 1);                                         \
            PyThreadState *npy_ts_ = PyEval_SaveThread();                                  \
            stmt;                                                                          \
            PyEval_RestoreThread(npy_ts_);                                                 \
            atomic_fetch_sub(&npy_nogil_calls, 1);                                         \
        } else {                                                                           \
            stmt;                                                                          \
        }                                                                                  \
    } while (0)
/* numc calls running without the GIL right now (in any thread): what replaces an
 * ndarray's nd_array (a.shape = ...) waits for none to run, since they hold its pointer. */
extern atomic_int npy_nogil_calls;

/* ---- the helpers (core.c) ---------------------------------------------------------------- */
/* Route this thread's numc warnings to Python (once per thread; numc's handler is per
 * thread). NPY_CALL, npy_as_nd and npy_operand call it; call it before any other numc call
 * that may warn. */
void npy_install_warnings(void);
/* A new numc.ndarray owning `a` (the reference is stolen; NULL a: raises numc's error). */
PyObject *npy_wrap(nd_array *a);
/* As npy_wrap, but a 0-d result becomes a Python scalar (what NumPy's ufuncs and
 * reductions return). */
PyObject *npy_wrap_result(nd_array *a);
/* Element access as Python objects (numbers, numc.datetime64 / numc.timedelta64, str for
 * 'U' and bytes for 'S'): nd_get's index, a C-order flat index, the only element. NULL
 * with an exception set. */
PyObject *npy_get(const nd_array *a, int nidx, const ptrdiff_t *idx);
PyObject *npy_get_flat(const nd_array *a, ptrdiff_t i);
PyObject *npy_get_item(const nd_array *a);
/* The Python scalar of element `s`. */
PyObject *npy_scalar_to_py(nd_scalar s);
/* Raise the Python exception of numc's last error (ValueError, TypeError, IndexError,
 * MemoryError, FloatingPointError, numc.AxisError, numc.LinAlgError ...); returns NULL. */
PyObject *npy_raise(void);
/* Call after every numc call: turns numc warnings into Python RuntimeWarnings. Returns
 * -1 when a warning filter made one an exception (then the result must be dropped). */
int npy_flush_warnings(void);
/* numc's view of any array-like (numc.ndarray, an object with the buffer protocol or
 * __array_interface__, nested sequences, Python scalars), converted to `dtype` (-1: keep).
 * Shares memory whenever it can. A new nd_array reference (nd_free it), NULL with a
 * Python exception set. */
nd_array *npy_as_nd(PyObject *o, int dtype);
/* A dtype-like (None → -1, "float64", numc.float64, float, numpy.dtype('f4'), np.int32)
 * as nd_dtype; -2 with TypeError set when it is none. */
int npy_dtype_arg(PyObject *o);
/* The numc.dtype object of t (borrowed). */
PyObject *npy_dtype_obj(nd_dtype t);
/* Python ints / floats / bools / complex as an nd_operand (no allocation); other objects
 * are converted with npy_as_nd into *tmp (nd_free it after the call). 0, or -1 with an
 * exception set. */
int npy_operand(PyObject *o, nd_operand *op, nd_array **tmp);
/* The n inputs of an elementwise call with NumPy 1.x's scalar rule: when some input is an
 * array of ndim >= 1, 0-d arrays take part by value (as scalars, like Python numbers);
 * when none is, Python numbers are 0-d arrays of their default dtype (int64, float64,
 * complex128, bool), so that 0-d inputs promote by type. A NULL object is ND_NOBOUND.
 * tmps[n] receives what to nd_free after the call. 0, or -1 with an exception set. */
int npy_operands(int n, PyObject *const *objs, nd_operand *ops, nd_array **tmps);
/* An axis argument: None → ND_AXIS_NONE in *axis and n = 0 axes; an int → *axis; a
 * tuple → axes. 0 or -1 (TypeError). */
int npy_axis_arg(PyObject *o, int *axis, nd_axes *axes);
/* Shape argument (int or sequence of ints) into shape[ND_MAXDIMS]; returns ndim or -1. */
int npy_shape_arg(PyObject *o, ptrdiff_t *shape);
/* A tuple of n new numc.ndarrays made from a[0..n) (references stolen, also on failure). */
PyObject *npy_tuple_of(nd_array **a, int n);
/* The flags object of an array's nd_flags bits (numc.ndarray.flags). */
PyObject *npy_flags_of(unsigned bits);
/* The exceptions of numc (module-level objects, borrowed). */
extern PyObject *npy_AxisError, *npy_LinAlgError;

/* Route numc's allocations through the binding's per-thread small-block caches (alloc.c);
 * called once, before any numc call. Returns 1 when installed (0 in sanitizer builds). */
int npy_install_allocator(void);

/* ---- the parts of _core (each file's init) ------------------------------------------------ */
int npy_init_ndarray(PyObject *m);
int npy_init_ufuncs(PyObject *m);
extern PyMethodDef npy_core_methods[];
extern PyMethodDef npy_func_methods[];

#endif
