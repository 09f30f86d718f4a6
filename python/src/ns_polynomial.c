/* numpy.polynomial's six families (polynomial, chebyshev, legendre, laguerre, hermite,
 * hermite_e) over poly.h: each operation is one C function taking the family index (0..5 in
 * that order) and looking the numc function up in a table. numc/polynomial/ has NumPy's
 * module functions (chebval, legfit, hermroots, ...). */
#include "ns_common_extra.h"

typedef nd_array *(*f_val)(nd_operand, const nd_array *);
typedef nd_array *(*f_a)(const nd_array *);
typedef nd_array *(*f_aa)(const nd_array *, const nd_array *);
typedef nd_array *(*f_aaa)(const nd_array *, const nd_array *, const nd_array *);
typedef nd_array *(*f_aaaa)(const nd_array *, const nd_array *, const nd_array *, const nd_array *);
typedef nd_array *(*f_vander)(const nd_array *, int);
typedef nd_array *(*f_vander2)(const nd_array *, const nd_array *, int, int);
typedef nd_array *(*f_vander3)(const nd_array *, const nd_array *, const nd_array *, int, int, int);
typedef nd_array *(*f_fit)(const nd_array *, const nd_array *, int, const nd_polyfam_fit_opts *);
typedef nd_array *(*f_der)(const nd_array *, const nd_polyfam_der_opts *);
typedef nd_array *(*f_int)(const nd_array *, const nd_polyfam_int_opts *);
typedef nd_status (*f_div)(const nd_array *, const nd_array *, nd_array **, nd_array **);
typedef nd_array *(*f_pow)(const nd_array *, int, const nd_polyfam_pow_opts *);
typedef nd_array *(*f_trim)(const nd_array *, double);
typedef nd_array *(*f_line)(double, double);
typedef nd_status (*f_gauss)(int, nd_array **, nd_array **);

static const f_val t_val[6] = {
    nd_polynomial_val_, nd_chebval_, nd_legval_, nd_lagval_, nd_hermval_, nd_hermeval_
};
static const f_aaa t_val2d[6] = {
    nd_polynomial_val2d, nd_chebval2d, nd_legval2d, nd_lagval2d, nd_hermval2d, nd_hermeval2d
};
static const f_aaaa t_val3d[6] = {
    nd_polynomial_val3d, nd_chebval3d, nd_legval3d, nd_lagval3d, nd_hermval3d, nd_hermeval3d
};
static const f_aaa t_grid2d[6] = {
    nd_polynomial_grid2d, nd_chebgrid2d, nd_leggrid2d, nd_laggrid2d, nd_hermgrid2d,
    nd_hermegrid2d
};
static const f_aaaa t_grid3d[6] = {
    nd_polynomial_grid3d, nd_chebgrid3d, nd_leggrid3d, nd_laggrid3d, nd_hermgrid3d,
    nd_hermegrid3d
};
static const f_vander t_vander[6] = {
    nd_polynomial_vander, nd_chebvander, nd_legvander, nd_lagvander, nd_hermvander,
    nd_hermevander
};
static const f_vander2 t_vander2d[6] = {
    nd_polynomial_vander2d, nd_chebvander2d, nd_legvander2d, nd_lagvander2d, nd_hermvander2d,
    nd_hermevander2d
};
static const f_vander3 t_vander3d[6] = {
    nd_polynomial_vander3d, nd_chebvander3d, nd_legvander3d, nd_lagvander3d, nd_hermvander3d,
    nd_hermevander3d
};
static const f_fit t_fit[6] = {
    nd_polynomial_fit_, nd_chebfit_, nd_legfit_, nd_lagfit_, nd_hermfit_, nd_hermefit_
};
static const f_der t_der[6] = {
    nd_polynomial_der_, nd_chebder_, nd_legder_, nd_lagder_, nd_hermder_, nd_hermeder_
};
static const f_int t_int[6] = {
    nd_polynomial_int_, nd_chebint_, nd_legint_, nd_lagint_, nd_hermint_, nd_hermeint_
};
static const f_a t_roots[6] = {
    nd_polynomial_roots, nd_chebroots, nd_legroots, nd_lagroots, nd_hermroots, nd_hermeroots
};
static const f_a t_fromroots[6] = {
    nd_polynomial_fromroots, nd_chebfromroots, nd_legfromroots, nd_lagfromroots,
    nd_hermfromroots, nd_hermefromroots
};
static const f_a t_companion[6] = {
    nd_polynomial_companion, nd_chebcompanion, nd_legcompanion, nd_lagcompanion,
    nd_hermcompanion, nd_hermecompanion
};
static const f_aa t_add[6] = {
    nd_polynomial_add, nd_chebadd, nd_legadd, nd_lagadd, nd_hermadd, nd_hermeadd
};
static const f_aa t_sub[6] = {
    nd_polynomial_sub, nd_chebsub, nd_legsub, nd_lagsub, nd_hermsub, nd_hermesub
};
static const f_aa t_mul[6] = {
    nd_polynomial_mul, nd_chebmul, nd_legmul, nd_lagmul, nd_hermmul, nd_hermemul
};
static const f_div t_div[6] = {
    nd_polynomial_div, nd_chebdiv, nd_legdiv, nd_lagdiv, nd_hermdiv, nd_hermediv
};
static const f_pow t_pow[6] = {
    nd_polynomial_pow_, nd_chebpow_, nd_legpow_, nd_lagpow_, nd_hermpow_, nd_hermepow_
};
static const f_a t_mulx[6] = {
    nd_polynomial_mulx, nd_chebmulx, nd_legmulx, nd_lagmulx, nd_hermmulx, nd_hermemulx
};
static const f_trim t_trim[6] = {
    nd_polynomial_trim, nd_chebtrim, nd_legtrim, nd_lagtrim, nd_hermtrim, nd_hermetrim
};
static const f_line t_line[6] = {
    nd_polynomial_line, nd_chebline, nd_legline, nd_lagline, nd_hermline, nd_hermeline
};
static const f_a t_to_poly[6] = {
    NULL, nd_cheb2poly, nd_leg2poly, nd_lag2poly, nd_herm2poly, nd_herme2poly
};
static const f_a t_from_poly[6] = {
    NULL, nd_poly2cheb, nd_poly2leg, nd_poly2lag, nd_poly2herm, nd_poly2herme
};
static const f_gauss t_gauss[6] = {
    NULL, nd_chebgauss, nd_leggauss, nd_laggauss, nd_hermgauss, nd_hermegauss
};
static const f_a t_weight[6] = {
    NULL, nd_chebweight, nd_legweight, nd_lagweight, nd_hermweight, nd_hermeweight
};

static int fam_arg(int f)
{
    if (f < 0 || f > 5) {
        PyErr_SetString(PyExc_ValueError, "numc: unknown polynomial family");
        return -1;
    }
    return 0;
}

/* val(f, x, c) */
static PyObject *q_val(PyObject *self, PyObject *args)
{
    (void)self;
    int f;
    PyObject *xo;
    nd_array *c = NULL, *tmp = NULL, *r;
    nd_operand x;
    if (!PyArg_ParseTuple(args, "iOO&", &f, &xo, nsx_arr, &c)) return NULL;
    if (fam_arg(f) < 0 || npy_operand(xo, &x, &tmp) < 0) {
        nd_free(c);
        return NULL;
    }
    NPY_CALL(nsx_n(tmp) * nd_size(c), r = t_val[f](x, c));
    nd_free(c);
    nd_free(tmp);
    return npy_wrap_result(r);
}

/* evalnd(f, kind 0 val2d / 1 val3d / 2 grid2d / 3 grid3d, [x, y(, z)], c) */
static PyObject *q_evalnd(PyObject *self, PyObject *args)
{
    (void)self;
    int f, kind;
    PyObject *seq;
    nd_array *c = NULL, *v[3] = { NULL, NULL, NULL }, *r = NULL;
    if (!PyArg_ParseTuple(args, "iiOO&", &f, &kind, &seq, nsx_arr, &c)) return NULL;
    int n = fam_arg(f) < 0 ? -1 : nsx_arrays(seq, v, 3);
    if (n < 0 || n != (kind & 1 ? 3 : 2)) {
        if (n >= 0) {
            nsx_free_n(v, n);
            PyErr_SetString(PyExc_ValueError, "numc: wrong number of coordinate arrays");
        }
        nd_free(c);
        return NULL;
    }
    switch (kind) {
    case 0: r = t_val2d[f](v[0], v[1], c); break;
    case 1: r = t_val3d[f](v[0], v[1], v[2], c); break;
    case 2: r = t_grid2d[f](v[0], v[1], c); break;
    default: r = t_grid3d[f](v[0], v[1], v[2], c);
    }
    nsx_free_n(v, n);
    nd_free(c);
    return npy_wrap_result(r);
}

/* vander(f, [x(, y, z)], (degx, degy, degz)) (unused degrees 0) */
static PyObject *q_vander(PyObject *self, PyObject *args)
{
    (void)self;
    int f, d[3] = { 0, 0, 0 };
    PyObject *seq;
    nd_array *v[3] = { NULL, NULL, NULL }, *r;
    if (!PyArg_ParseTuple(args, "iO(iii)", &f, &seq, &d[0], &d[1], &d[2])) return NULL;
    int n = fam_arg(f) < 0 ? -1 : nsx_arrays(seq, v, 3);
    if (n < 1) {
        if (n == 0) PyErr_SetString(PyExc_ValueError, "numc: no coordinate arrays");
        return NULL;
    }
    r = n == 1 ? t_vander[f](v[0], d[0]) : n == 2 ? t_vander2d[f](v[0], v[1], d[0], d[1])
                                                   : t_vander3d[f](v[0], v[1], v[2], d[0], d[1], d[2]);
    nsx_free_n(v, n);
    return npy_wrap(r);
}

/* fit(f, x, y, deg (int) or degs (array), rcond, full, w) */
static PyObject *q_fit(PyObject *self, PyObject *args)
{
    (void)self;
    int f, full;
    nd_array *x = NULL, *y = NULL, *w = NULL, *degs = NULL, *r;
    PyObject *dego;
    double rcond;
    if (!PyArg_ParseTuple(args, "iO&O&OdpO&", &f, nsx_arr, &x, nsx_arr, &y, &dego, &rcond, &full,
                          nsx_arr_opt, &w))
        return NULL;
    int deg = 0;
    PyObject *res = NULL;
    if (fam_arg(f) < 0) goto done;
    if (PyLong_Check(dego)) {
        deg = (int)PyLong_AsLong(dego);
        if (PyErr_Occurred()) goto done;
    } else if (!(degs = npy_as_nd(dego, ND_INT64))) {
        goto done;
    }
    nd_polyfit_info info = { 0 };
    nd_polyfam_fit_opts o = { ._ = 0, .rcond = rcond, .full = full, .w = w, .info = full ? &info : NULL,
                              .degs = degs };
    NPY_CALL(nd_size(x), r = t_fit[f](x, y, deg, &o));
    if (!r) {
        nd_polyfit_info_free(&info);
        npy_raise();
        goto done;
    }
    if (npy_flush_warnings() < 0) {
        nd_free(r);
        nd_polyfit_info_free(&info);
        goto done;
    }
    if (!full) {
        res = npy_wrap(r);
        goto done;
    }
    PyObject *co = npy_wrap(r), *rs = npy_wrap(info.residuals), *sv = npy_wrap(info.singular_values);
    ptrdiff_t rank = info.rank;
    double rc = info.rcond;
    info.residuals = info.singular_values = NULL;
    nd_polyfit_info_free(&info);
    if (co && rs && sv) res = Py_BuildValue("N[NnNd]", co, rs, rank, sv, rc);
    else {
        Py_XDECREF(co);
        Py_XDECREF(rs);
        Py_XDECREF(sv);
    }
done:
    nd_free(x);
    nd_free(y);
    nd_free(w);
    nd_free(degs);
    return res;
}

/* der(f, c, m, scl, axis) */
static PyObject *q_der(PyObject *self, PyObject *args)
{
    (void)self;
    int f, m, axis;
    double scl;
    nd_array *c = NULL, *r;
    if (!PyArg_ParseTuple(args, "iO&idi", &f, nsx_arr, &c, &m, &scl, &axis)) return NULL;
    nd_polyfam_der_opts o = { ._ = 0, .m = m, .scl = scl, .axis = axis };
    r = fam_arg(f) < 0 ? NULL : t_der[f](c, &o);
    nd_free(c);
    return r || !PyErr_Occurred() ? npy_wrap(r) : NULL;
}

/* integ(f, c, m, k or None, lbnd, scl, axis) */
static PyObject *q_int(PyObject *self, PyObject *args)
{
    (void)self;
    int f, m, axis;
    double scl, lbnd;
    PyObject *ko;
    nd_array *c = NULL, *tmp = NULL, *r = NULL;
    if (!PyArg_ParseTuple(args, "iO&iOddi", &f, nsx_arr, &c, &m, &ko, &lbnd, &scl, &axis)) return NULL;
    nd_polyfam_int_opts o;
    memset(&o, 0, sizeof o);
    o.m = m;
    o.lbnd = lbnd;
    o.scl = scl;
    o.axis = axis;
    if (fam_arg(f) < 0 || (ko != Py_None && npy_operand(ko, &o.k, &tmp) < 0)) {
        nd_free(c);
        return NULL;
    }
    r = t_int[f](c, &o);
    nd_free(c);
    nd_free(tmp);
    return npy_wrap(r);
}

/* un(f, op, a): 0 roots, 1 fromroots, 2 companion, 3 mulx, 4 to poly, 5 from poly,
 * 6 weight */
static PyObject *q_un(PyObject *self, PyObject *args)
{
    (void)self;
    int f, op;
    nd_array *a = NULL, *r;
    if (!PyArg_ParseTuple(args, "iiO&", &f, &op, nsx_arr, &a)) return NULL;
    if (fam_arg(f) < 0) {
        nd_free(a);
        return NULL;
    }
    const f_a *tabs[] = { t_roots, t_fromroots, t_companion, t_mulx, t_to_poly, t_from_poly, t_weight };
    f_a fn = op >= 0 && op < 7 ? tabs[op][f] : NULL;
    if (!fn) {
        nd_free(a);
        PyErr_SetString(PyExc_ValueError, "numc: no such polynomial operation for this family");
        return NULL;
    }
    r = fn(a);
    nd_free(a);
    return npy_wrap(r);
}

/* bin(f, op, c1, c2): 0 add, 1 sub, 2 mul, 3 div -> (quo, rem) */
static PyObject *q_bin(PyObject *self, PyObject *args)
{
    (void)self;
    int f, op;
    nd_array *a = NULL, *b = NULL, *r = NULL;
    if (!PyArg_ParseTuple(args, "iiO&O&", &f, &op, nsx_arr, &a, nsx_arr, &b)) return NULL;
    PyObject *res = NULL;
    if (fam_arg(f) < 0) goto done;
    if (op == 3) {
        nd_array *o[2] = { NULL, NULL };
        nd_status st = t_div[f](a, b, &o[0], &o[1]);
        res = st < 0 ? npy_raise() : nsx_tuple(2, o, 0);
        goto done;
    }
    r = op == 0 ? t_add[f](a, b) : op == 1 ? t_sub[f](a, b) : t_mul[f](a, b);
    res = npy_wrap(r);
done:
    nd_free(a);
    nd_free(b);
    return res;
}

/* pow(f, c, pow, maxpower) */
static PyObject *q_pow(PyObject *self, PyObject *args)
{
    (void)self;
    int f, p, maxp;
    nd_array *c = NULL, *r;
    if (!PyArg_ParseTuple(args, "iO&ii", &f, nsx_arr, &c, &p, &maxp)) return NULL;
    nd_polyfam_pow_opts o = { ._ = 0, .maxpower = maxp };
    r = fam_arg(f) < 0 ? NULL : t_pow[f](c, p, &o);
    nd_free(c);
    return r || !PyErr_Occurred() ? npy_wrap(r) : NULL;
}

static PyObject *q_trim(PyObject *self, PyObject *args)
{
    (void)self;
    int f;
    double tol;
    nd_array *c = NULL, *r;
    if (!PyArg_ParseTuple(args, "iO&d", &f, nsx_arr, &c, &tol)) return NULL;
    r = fam_arg(f) < 0 ? NULL : t_trim[f](c, tol);
    nd_free(c);
    return r || !PyErr_Occurred() ? npy_wrap(r) : NULL;
}

static PyObject *q_line(PyObject *self, PyObject *args)
{
    (void)self;
    int f;
    double off, scl;
    if (!PyArg_ParseTuple(args, "idd", &f, &off, &scl)) return NULL;
    if (fam_arg(f) < 0) return NULL;
    return npy_wrap(t_line[f](off, scl));
}

static PyObject *q_gauss(PyObject *self, PyObject *args)
{
    (void)self;
    int f, deg;
    if (!PyArg_ParseTuple(args, "ii", &f, &deg)) return NULL;
    if (fam_arg(f) < 0) return NULL;
    if (!t_gauss[f]) {
        PyErr_SetString(PyExc_ValueError, "numc: the power series has no Gauss quadrature");
        return NULL;
    }
    nd_array *o[2] = { NULL, NULL };
    nd_status st = t_gauss[f](deg, &o[0], &o[1]);
    if (st < 0) return npy_raise();
    return nsx_tuple(2, o, 0);
}

static PyObject *q_chebpts(PyObject *self, PyObject *args)
{
    (void)self;
    int kind, n;
    if (!PyArg_ParseTuple(args, "ii", &kind, &n)) return NULL;
    return npy_wrap(kind == 1 ? nd_chebpts1(n) : nd_chebpts2(n));
}

#define M(n) { #n, q_##n, METH_VARARGS, NULL }
static PyMethodDef q_methods[] = {
    M(val), M(evalnd), M(vander), M(fit), M(der), M(int), M(un), M(bin), M(pow), M(trim), M(line),
    M(gauss), M(chebpts), { NULL, NULL, 0, NULL }
};
#undef M

static struct PyModuleDef q_def = { PyModuleDef_HEAD_INIT, "numc._core._polynomial",
                                    "numpy.polynomial's six families (poly.h)", -1, q_methods, NULL,
                                    NULL, NULL, NULL };

PyObject *numc_py_ns_polynomial(void) { return PyModule_Create(&q_def); }
