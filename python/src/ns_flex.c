/* The functions of the flexible dtypes (datetime.h, strings.h): numpy.datetime_as_string,
 * isnat, datetime_data, the business-day calendar functions and numpy.char. A namespace of
 * the binding (_core._flex): python/numc/_dates.py and python/numc/char.py give them
 * NumPy's signatures. String arguments of the char functions are str (UTF-8, for 'U'
 * arrays) or bytes (raw, for 'S' arrays); numc's errors become Python's as elsewhere. */
#include "numc_py.h"

#include <string.h>

/* A str or bytes argument as a NUL-terminated C string (borrowed from o); None gives NULL
 * when allow_none. 0 or -1 (TypeError). */
static int str_arg(PyObject *o, const char *what, int allow_none, const char **out)
{
    *out = NULL;
    if (o == NULL || (o == Py_None && allow_none)) return 0;
    if (PyUnicode_Check(o)) {
        *out = PyUnicode_AsUTF8AndSize(o, NULL);
        return *out ? 0 : -1;
    }
    if (PyBytes_Check(o)) {
        *out = PyBytes_AsString(o);
        return *out ? 0 : -1;
    }
    PyErr_Format(PyExc_TypeError, "%s must be str or bytes, not %.100s", what, Py_TYPE(o) == NULL ? "?" : "object");
    return -1;
}

/* ---- datetime -------------------------------------------------------------------------------- */
static PyObject *f_datetime_as_string(PyObject *self, PyObject *args, PyObject *kw)
{
    static char *names[] = { "arr", "unit", "timezone", "casting", NULL };
    PyObject *ao, *uo = Py_None, *tzo = Py_None;
    const char *casting = "same_kind";
    if (!PyArg_ParseTupleAndKeywords(args, kw, "O|OOs:datetime_as_string", names, &ao, &uo, &tzo, &casting))
        return NULL;
    nd_dt_format_opts o = { 0 };
    if (str_arg(uo, "unit", 1, &o.unit) < 0 || str_arg(tzo, "timezone", 1, &o.timezone) < 0) return NULL;
    static const char *cn[] = { "no", "equiv", "safe", "same_kind", "unsafe" };
    for (int i = 0; i < 5; i++)
        if (strcmp(casting, cn[i]) == 0) o.casting = (nd_casting)(i + 1);
    if (o.casting == ND_CAST_DEFAULT) {
        PyErr_SetString(PyExc_ValueError, "casting must be one of 'no', 'equiv', 'safe', 'same_kind', or 'unsafe'");
        return NULL;
    }
    nd_array *a = npy_as_nd(ao, -1);
    if (!a) return NULL;
    ptrdiff_t n = nd_size(a);
    char **texts = nd_datetime_as_string(a, &o);
    if (!texts) {
        nd_free(a);
        return npy_raise();
    }
    nd_array *flat = nd_str_array(n, (const char *const *)texts, ND_STR_OF(0));
    nd_free_mem(texts);
    nd_array *r = flat ? nd_reshape(flat, nd_ndim(a), nd_shape(a)) : NULL;
    nd_free(flat);
    nd_free(a);
    return npy_wrap_result(r);
}

static PyObject *f_isnat(PyObject *self, PyObject *x)
{
    nd_array *a = npy_as_nd(x, -1);
    if (!a) return NULL;
    nd_array *r = nd_isnat(a);
    nd_free(a);
    return npy_wrap_result(r);
}

/* (unit name, count) of a date dtype number */
static PyObject *f_datetime_data(PyObject *self, PyObject *o)
{
    int t = npy_dtype_arg(o);
    if (t == -2) return NULL;
    nd_dtunit unit;
    int count;
    if (t < 0 || nd_datetime_data((nd_dtype)t, &unit, &count) < 0) {
        if (t < 0) nd_set_error(ND_EDTYPE, "datetime_data: cannot get datetime metadata from None");
        return npy_raise();
    }
    return Py_BuildValue("(si)", nd_dtunit_name(unit), count);
}

/* ---- business days ----------------------------------------------------------------------------- */
#define CAL_CAPSULE "numc.busdaycalendar"

static void cal_destroy(PyObject *cap)
{
    nd_busdaycal_free(PyCapsule_GetPointer(cap, CAL_CAPSULE));
}

/* _busdaycal(weekmask or None, holidays or None): a capsule owning an nd_busdaycal */
static PyObject *f_busdaycal(PyObject *self, PyObject *args)
{
    PyObject *wo, *ho;
    if (!PyArg_ParseTuple(args, "OO:_busdaycal", &wo, &ho)) return NULL;
    const char *wm;
    if (str_arg(wo, "weekmask", 1, &wm) < 0) return NULL;
    nd_array *h = NULL;
    if (ho != Py_None && !(h = npy_as_nd(ho, -1))) return NULL;
    nd_busdaycal *cal = nd_busdaycalendar(wm, h);
    nd_free(h);
    if (!cal) return npy_raise();
    PyObject *cap = PyCapsule_New(cal, CAL_CAPSULE, cal_destroy);
    if (!cap) nd_busdaycal_free(cal);
    return cap;
}

static int cal_arg(PyObject *o, const nd_busdaycal **cal)
{
    *cal = NULL;
    if (o == NULL || o == Py_None) return 0;
    *cal = PyCapsule_GetPointer(o, CAL_CAPSULE);
    return *cal ? 0 : -1;
}

/* the holidays of a calendar as datetime64[D] */
static PyObject *f_busdaycal_holidays(PyObject *self, PyObject *cap)
{
    const nd_busdaycal *cal;
    if (cal_arg(cap, &cal) < 0 || !cal) {
        if (!PyErr_Occurred()) PyErr_SetString(PyExc_TypeError, "not a busdaycalendar");
        return NULL;
    }
    const int64_t *days;
    ptrdiff_t n = nd_busdaycal_holidays(cal, &days);
    nd_array *r = nd_empty(1, &n, ND_DATETIME64_OF(ND_DT_D));
    if (r && n > 0) memcpy(nd_data(r), days, sizeof(int64_t) * (size_t)n);
    return npy_wrap(r);
}

static PyObject *f_is_busday(PyObject *self, PyObject *args)
{
    PyObject *dto, *co;
    if (!PyArg_ParseTuple(args, "OO:_is_busday", &dto, &co)) return NULL;
    const nd_busdaycal *cal;
    if (cal_arg(co, &cal) < 0) return NULL;
    nd_array *d = npy_as_nd(dto, ND_DATETIME64_OF(ND_DT_D));
    if (!d) return NULL;
    nd_array *r = nd_is_busday(d, cal);
    nd_free(d);
    return npy_wrap_result(r);
}

static PyObject *f_busday_offset(PyObject *self, PyObject *args)
{
    PyObject *dto, *oo, *co;
    int roll;
    if (!PyArg_ParseTuple(args, "OOiO:_busday_offset", &dto, &oo, &roll, &co)) return NULL;
    const nd_busdaycal *cal;
    if (cal_arg(co, &cal) < 0) return NULL;
    if (roll < ND_ROLL_RAISE || roll > ND_ROLL_MODIFIEDPRECEDING) {
        PyErr_SetString(PyExc_ValueError, "_busday_offset: bad roll");
        return NULL;
    }
    nd_array *d = npy_as_nd(dto, ND_DATETIME64_OF(ND_DT_D));
    if (!d) return NULL;
    nd_array *off = npy_as_nd(oo, ND_INT64);
    if (!off) {
        nd_free(d);
        return NULL;
    }
    nd_array *r = nd_busday_offset(d, off, (nd_busday_roll)roll, cal);
    nd_free(d);
    nd_free(off);
    return npy_wrap_result(r);
}

static PyObject *f_busday_count(PyObject *self, PyObject *args)
{
    PyObject *bo, *eo, *co;
    if (!PyArg_ParseTuple(args, "OOO:_busday_count", &bo, &eo, &co)) return NULL;
    const nd_busdaycal *cal;
    if (cal_arg(co, &cal) < 0) return NULL;
    nd_array *b = npy_as_nd(bo, ND_DATETIME64_OF(ND_DT_D));
    if (!b) return NULL;
    nd_array *e = npy_as_nd(eo, ND_DATETIME64_OF(ND_DT_D));
    if (!e) {
        nd_free(b);
        return NULL;
    }
    nd_array *r = nd_busday_count(b, e, cal);
    nd_free(b);
    nd_free(e);
    return npy_wrap_result(r);
}

/* ---- numpy.char -------------------------------------------------------------------------------- */
typedef nd_array *(*char1_fn)(const nd_array *);

static PyObject *char1(PyObject *x, char1_fn fn)
{
    nd_array *a = npy_as_nd(x, -1);
    if (!a) return NULL;
    nd_array *r;
    NPY_CALL(nd_size(a), r = fn(a));
    nd_free(a);
    return npy_wrap_result(r);
}

#define CHAR1(name)                                                                               \
    static PyObject *c_##name(PyObject *s, PyObject *x) { return char1(x, nd_char_##name); }
CHAR1(upper)
CHAR1(lower)
CHAR1(swapcase)
CHAR1(capitalize)
CHAR1(title)
CHAR1(str_len)
CHAR1(isalpha)
CHAR1(isalnum)
CHAR1(isdigit)
CHAR1(isdecimal)
CHAR1(isnumeric)
CHAR1(isspace)
CHAR1(islower)
CHAR1(isupper)
CHAR1(istitle)

typedef nd_array *(*strip_fn)(const nd_array *, const char *);
static PyObject *strip(PyObject *args, PyObject *kw, const char *fmt, strip_fn fn)
{
    static char *names[] = { "a", "chars", NULL };
    PyObject *x, *co = Py_None;
    if (!PyArg_ParseTupleAndKeywords(args, kw, fmt, names, &x, &co)) return NULL;
    const char *chars;
    if (str_arg(co, "chars", 1, &chars) < 0) return NULL;
    nd_array *a = npy_as_nd(x, -1);
    if (!a) return NULL;
    nd_array *r = fn(a, chars);
    nd_free(a);
    return npy_wrap_result(r);
}
static PyObject *c_strip(PyObject *s, PyObject *a, PyObject *k) { return strip(a, k, "O|O:strip", nd_char_strip); }
static PyObject *c_lstrip(PyObject *s, PyObject *a, PyObject *k) { return strip(a, k, "O|O:lstrip", nd_char_lstrip); }
static PyObject *c_rstrip(PyObject *s, PyObject *a, PyObject *k) { return strip(a, k, "O|O:rstrip", nd_char_rstrip); }

typedef nd_array *(*pad_fn)(const nd_array *, ptrdiff_t, const char *);
static PyObject *pad(PyObject *args, PyObject *kw, const char *fmt, pad_fn fn)
{
    static char *names[] = { "a", "width", "fillchar", NULL };
    PyObject *x, *fo = Py_None;
    Py_ssize_t width;
    if (!PyArg_ParseTupleAndKeywords(args, kw, fmt, names, &x, &width, &fo)) return NULL;
    const char *fill;
    if (str_arg(fo, "fillchar", 1, &fill) < 0) return NULL;
    nd_array *a = npy_as_nd(x, -1);
    if (!a) return NULL;
    nd_array *r = fn(a, width, fill);
    nd_free(a);
    return npy_wrap_result(r);
}
static PyObject *c_center(PyObject *s, PyObject *a, PyObject *k) { return pad(a, k, "On|O:center", nd_char_center); }
static PyObject *c_ljust(PyObject *s, PyObject *a, PyObject *k) { return pad(a, k, "On|O:ljust", nd_char_ljust); }
static PyObject *c_rjust(PyObject *s, PyObject *a, PyObject *k) { return pad(a, k, "On|O:rjust", nd_char_rjust); }

static PyObject *c_zfill(PyObject *s, PyObject *args, PyObject *kw)
{
    static char *names[] = { "a", "width", NULL };
    PyObject *x;
    Py_ssize_t width;
    if (!PyArg_ParseTupleAndKeywords(args, kw, "On:zfill", names, &x, &width)) return NULL;
    nd_array *a = npy_as_nd(x, -1);
    if (!a) return NULL;
    nd_array *r = nd_char_zfill(a, width);
    nd_free(a);
    return npy_wrap_result(r);
}

typedef nd_array *(*char2_fn)(const nd_array *, const nd_array *);
static PyObject *char2(PyObject *args, PyObject *kw, const char *fmt, char2_fn fn)
{
    static char *names[] = { "x1", "x2", NULL };
    PyObject *x, *y;
    if (!PyArg_ParseTupleAndKeywords(args, kw, fmt, names, &x, &y)) return NULL;
    nd_array *a = npy_as_nd(x, -1);
    if (!a) return NULL;
    nd_array *b = npy_as_nd(y, -1);
    if (!b) {
        nd_free(a);
        return NULL;
    }
    nd_array *r = fn(a, b);
    nd_free(a);
    nd_free(b);
    return npy_wrap_result(r);
}
#define CHAR2(name)                                                                                        \
    static PyObject *c_##name(PyObject *s, PyObject *a, PyObject *k) { return char2(a, k, "OO:" #name, nd_char_##name); }
CHAR2(add)
CHAR2(equal)
CHAR2(not_equal)
CHAR2(less)
CHAR2(less_equal)
CHAR2(greater)
CHAR2(greater_equal)
CHAR2(mod)

static PyObject *c_multiply(PyObject *s, PyObject *args, PyObject *kw)
{
    static char *names[] = { "a", "i", NULL };
    PyObject *x;
    Py_ssize_t i;
    if (!PyArg_ParseTupleAndKeywords(args, kw, "On:multiply", names, &x, &i)) return NULL;
    nd_array *a = npy_as_nd(x, -1);
    if (!a) return NULL;
    nd_array *r = nd_char_multiply(a, i);
    nd_free(a);
    return npy_wrap_result(r);
}

static PyObject *c_replace(PyObject *s, PyObject *args, PyObject *kw)
{
    static char *names[] = { "a", "old", "new", "count", NULL };
    PyObject *x, *oo, *no, *co = Py_None;
    if (!PyArg_ParseTupleAndKeywords(args, kw, "OOO|O:replace", names, &x, &oo, &no, &co)) return NULL;
    const char *old, *new_;
    if (str_arg(oo, "old", 0, &old) < 0 || str_arg(no, "new", 0, &new_) < 0) return NULL;
    Py_ssize_t count = -1;
    if (co != Py_None && (count = PyLong_AsSsize_t(co)) == -1 && PyErr_Occurred()) return NULL;
    nd_array *a = npy_as_nd(x, -1);
    if (!a) return NULL;
    nd_array *r = nd_char_replace(a, old, new_, count);
    nd_free(a);
    return npy_wrap_result(r);
}

typedef nd_array *(*find_fn)(const nd_array *, const char *, ptrdiff_t, ptrdiff_t);
static PyObject *find(PyObject *args, PyObject *kw, const char *fmt, find_fn fn)
{
    static char *subn[] = { "a", "sub", "start", "end", NULL };
    static char *pren[] = { "a", "prefix", "start", "end", NULL };
    static char *sufn[] = { "a", "suffix", "start", "end", NULL };
    char **names = fn == nd_char_startswith ? pren : fn == nd_char_endswith ? sufn : subn;
    PyObject *x, *so, *eo = Py_None;
    Py_ssize_t start = 0, end = ND_CHAR_END;
    if (!PyArg_ParseTupleAndKeywords(args, kw, fmt, names, &x, &so, &start, &eo)) return NULL;
    const char *sub;
    if (str_arg(so, "sub", 0, &sub) < 0) return NULL;
    if (eo != Py_None && (end = PyLong_AsSsize_t(eo)) == -1 && PyErr_Occurred()) return NULL;
    nd_array *a = npy_as_nd(x, -1);
    if (!a) return NULL;
    nd_array *r = fn(a, sub, start, end);
    nd_free(a);
    return npy_wrap_result(r);
}
#define FIND(name)                                                                                         \
    static PyObject *c_##name(PyObject *s, PyObject *a, PyObject *k) { return find(a, k, "OO|nO:" #name, nd_char_##name); }
FIND(find)
FIND(rfind)
FIND(index)
FIND(rindex)
FIND(count)
FIND(startswith)
FIND(endswith)

static PyObject *c_partition_impl(PyObject *args, PyObject *kw, const char *fmt,
                                  nd_array *(*fn)(const nd_array *, const char *))
{
    static char *names[] = { "a", "sep", NULL };
    PyObject *x, *so;
    if (!PyArg_ParseTupleAndKeywords(args, kw, fmt, names, &x, &so)) return NULL;
    const char *sep;
    if (str_arg(so, "sep", 0, &sep) < 0) return NULL;
    nd_array *a = npy_as_nd(x, -1);
    if (!a) return NULL;
    nd_array *r = fn(a, sep);
    nd_free(a);
    return npy_wrap_result(r);
}
static PyObject *c_partition(PyObject *s, PyObject *a, PyObject *k) { return c_partition_impl(a, k, "OO:partition", nd_char_partition); }
static PyObject *c_rpartition(PyObject *s, PyObject *a, PyObject *k) { return c_partition_impl(a, k, "OO:rpartition", nd_char_rpartition); }

static PyObject *c_expandtabs(PyObject *s, PyObject *args, PyObject *kw)
{
    static char *names[] = { "a", "tabsize", NULL };
    PyObject *x;
    Py_ssize_t tab = 8;
    if (!PyArg_ParseTupleAndKeywords(args, kw, "O|n:expandtabs", names, &x, &tab)) return NULL;
    nd_array *a = npy_as_nd(x, -1);
    if (!a) return NULL;
    nd_array *r = nd_char_expandtabs(a, tab);
    nd_free(a);
    return npy_wrap_result(r);
}

static PyObject *c_join(PyObject *s, PyObject *args, PyObject *kw)
{
    static char *names[] = { "sep", "seq", NULL };
    PyObject *so, *x;
    if (!PyArg_ParseTupleAndKeywords(args, kw, "OO:join", names, &so, &x)) return NULL;
    const char *sep;
    if (str_arg(so, "sep", 0, &sep) < 0) return NULL;
    nd_array *a = npy_as_nd(x, -1);
    if (!a) return NULL;
    nd_array *r = nd_char_join(sep, a);
    nd_free(a);
    return npy_wrap_result(r);
}

static PyObject *codec(PyObject *args, PyObject *kw, const char *fmt,
                       nd_array *(*fn)(const nd_array *, const char *))
{
    static char *names[] = { "a", "encoding", "errors", NULL };
    PyObject *x, *eo = Py_None, *errors = Py_None;
    if (!PyArg_ParseTupleAndKeywords(args, kw, fmt, names, &x, &eo, &errors)) return NULL;
    const char *enc, *err;
    if (str_arg(eo, "encoding", 1, &enc) < 0 || str_arg(errors, "errors", 1, &err) < 0) return NULL;
    if (err && strcmp(err, "strict") != 0) {
        PyErr_Format(PyExc_ValueError, "numc.char: errors='%s' is not supported (only 'strict')", err);
        return NULL;
    }
    nd_array *a = npy_as_nd(x, -1);
    if (!a) return NULL;
    nd_array *r = fn(a, enc);
    nd_free(a);
    return npy_wrap_result(r);
}
static PyObject *c_encode(PyObject *s, PyObject *a, PyObject *k) { return codec(a, k, "O|OO:encode", nd_char_encode); }
static PyObject *c_decode(PyObject *s, PyObject *a, PyObject *k) { return codec(a, k, "O|OO:decode", nd_char_decode); }

#define KW(name, doc) { #name, (PyCFunction)(void (*)(void))c_##name, METH_VARARGS | METH_KEYWORDS, doc }
#define ONE(name) { #name, c_##name, METH_O, "numpy.char." #name "(a)" }
static PyMethodDef methods[] = {
    { "datetime_as_string", (PyCFunction)(void (*)(void))f_datetime_as_string, METH_VARARGS | METH_KEYWORDS,
      "numpy.datetime_as_string(arr, unit=None, timezone='naive', casting='same_kind')" },
    { "isnat", f_isnat, METH_O, "numpy.isnat(x)" },
    { "_datetime_data", f_datetime_data, METH_O, "(unit, count) of a date dtype" },
    { "_busdaycal", f_busdaycal, METH_VARARGS, "nd_busdaycalendar as a capsule" },
    { "_busdaycal_holidays", f_busdaycal_holidays, METH_O, "nd_busdaycal_holidays as datetime64[D]" },
    { "_is_busday", f_is_busday, METH_VARARGS, "nd_is_busday(dates, cal)" },
    { "_busday_offset", f_busday_offset, METH_VARARGS, "nd_busday_offset(dates, offsets, roll, cal)" },
    { "_busday_count", f_busday_count, METH_VARARGS, "nd_busday_count(begin, end, cal)" },
    ONE(upper), ONE(lower), ONE(swapcase), ONE(capitalize), ONE(title), ONE(str_len),
    ONE(isalpha), ONE(isalnum), ONE(isdigit), ONE(isdecimal), ONE(isnumeric), ONE(isspace),
    ONE(islower), ONE(isupper), ONE(istitle),
    KW(strip, "numpy.char.strip(a, chars=None)"), KW(lstrip, "numpy.char.lstrip(a, chars=None)"),
    KW(rstrip, "numpy.char.rstrip(a, chars=None)"),
    KW(center, "numpy.char.center(a, width, fillchar=' ')"), KW(ljust, "numpy.char.ljust(a, width, fillchar=' ')"),
    KW(rjust, "numpy.char.rjust(a, width, fillchar=' ')"), KW(zfill, "numpy.char.zfill(a, width)"),
    KW(add, "numpy.char.add(x1, x2)"), KW(multiply, "numpy.char.multiply(a, i)"),
    KW(mod, "numpy.char.mod(a, values)"), KW(replace, "numpy.char.replace(a, old, new, count=None)"),
    KW(equal, "numpy.char.equal(x1, x2)"), KW(not_equal, "numpy.char.not_equal(x1, x2)"),
    KW(less, "numpy.char.less(x1, x2)"), KW(less_equal, "numpy.char.less_equal(x1, x2)"),
    KW(greater, "numpy.char.greater(x1, x2)"), KW(greater_equal, "numpy.char.greater_equal(x1, x2)"),
    KW(find, "numpy.char.find(a, sub, start=0, end=None)"), KW(rfind, "numpy.char.rfind(a, sub, start=0, end=None)"),
    KW(index, "numpy.char.index(a, sub, start=0, end=None)"), KW(rindex, "numpy.char.rindex(a, sub, start=0, end=None)"),
    KW(count, "numpy.char.count(a, sub, start=0, end=None)"),
    KW(startswith, "numpy.char.startswith(a, prefix, start=0, end=None)"),
    KW(endswith, "numpy.char.endswith(a, suffix, start=0, end=None)"),
    KW(partition, "numpy.char.partition(a, sep)"), KW(rpartition, "numpy.char.rpartition(a, sep)"),
    KW(expandtabs, "numpy.char.expandtabs(a, tabsize=8)"), KW(join, "numpy.char.join(sep, seq)"),
    KW(encode, "numpy.char.encode(a, encoding=None, errors=None)"),
    KW(decode, "numpy.char.decode(a, encoding=None, errors=None)"),
    { NULL, NULL, 0, NULL }
};

static struct PyModuleDef def = {
    PyModuleDef_HEAD_INIT, "numc._flex", "datetime64 / timedelta64 / 'S' / 'U' functions and numpy.char", -1,
    methods, NULL, NULL, NULL, NULL
};

PyObject *numc_py_ns_flex(void)
{
    return PyModule_Create(&def);
}
