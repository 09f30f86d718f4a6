/* numc.random over random.h: bit generators held in capsules (with a lock each, so a
 * generator used from several threads is never entered twice while the GIL is released),
 * the distributions of numpy.random.Generator and the legacy RandomState draws.
 * Positional C functions; numc/random.py has NumPy's classes, keywords and defaults. */
#include "ns_common_extra.h"

#include <pythread.h>

#define RNG_CAPSULE "numc.random.bitgen"

typedef struct {
    nd_rng *r;
    PyThread_type_lock lock;
} rng_box;

static void box_free(PyObject *cap)
{
    rng_box *b = (rng_box *)PyCapsule_GetPointer(cap, RNG_CAPSULE);
    if (!b) return;
    nd_rng_free(b->r);
    if (b->lock) PyThread_free_lock(b->lock);
    PyMem_Free(b);
}

/* A capsule owning r (freed on failure). */
static PyObject *box_new(nd_rng *r)
{
    if (!r) return npy_raise();
    rng_box *b = (rng_box *)PyMem_Malloc(sizeof *b);
    if (!b) {
        nd_rng_free(r);
        return PyErr_NoMemory();
    }
    b->r = r;
    b->lock = PyThread_allocate_lock();
    if (!b->lock) {
        nd_rng_free(r);
        PyMem_Free(b);
        return PyErr_NoMemory();
    }
    PyObject *cap = PyCapsule_New(b, RNG_CAPSULE, box_free);
    if (!cap) {
        nd_rng_free(r);
        PyThread_free_lock(b->lock);
        PyMem_Free(b);
    }
    return cap;
}

static int box_conv(PyObject *o, void *p)
{
    rng_box *b = (rng_box *)PyCapsule_GetPointer(o, RNG_CAPSULE);
    if (!b) return 0;
    *(rng_box **)p = b;
    return 1;
}

/* Run stmt holding the generator's lock; without the GIL when n is large or another
 * thread holds the lock. */
#define RNG_CALL(b, n, stmt)                                                             \
    do {                                                                                 \
        if ((n) > NPY_NOGIL_SIZE || !PyThread_acquire_lock((b)->lock, NOWAIT_LOCK)) {    \
            PyThreadState *rng_ts_ = PyEval_SaveThread();                                \
            PyThread_acquire_lock((b)->lock, WAIT_LOCK);                                 \
            stmt;                                                                        \
            PyThread_release_lock((b)->lock);                                            \
            PyEval_RestoreThread(rng_ts_);                                               \
        } else {                                                                         \
            stmt;                                                                        \
            PyThread_release_lock((b)->lock);                                            \
        }                                                                                \
    } while (0)

static ptrdiff_t shape_n(const nsx_shape *s)
{
    ptrdiff_t n = 1;
    for (int i = 0; i < s->ndim; i++) n *= s->shape[i] > 0 ? s->shape[i] : 0;
    return n;
}

/* ---- construction ---------------------------------------------------------------------- */
/* _new(kind, entropy words (tuple of uint32) or None, spawn key (tuple of uint32)) */
static PyObject *r_new(PyObject *self, PyObject *args)
{
    (void)self;
    int kind;
    PyObject *words, *key;
    if (!PyArg_ParseTuple(args, "iOO", &kind, &words, &key)) return NULL;
    nd_rng *r;
    if (words == Py_None) {
        r = nd_rng_from_os((nd_bitgen_kind)kind);
    } else {
        uint32_t w[32];
        Py_ssize_t n = PySequence_Size(words);
        if (n < 0) return NULL;
        if (n > 32) {
            PyErr_SetString(PyExc_ValueError, "numc: at most 32 words of seed entropy are supported");
            return NULL;
        }
        for (Py_ssize_t i = 0; i < n; i++) {
            PyObject *it = PySequence_GetItem(words, i);
            if (!it) return NULL;
            w[i] = (uint32_t)PyLong_AsUnsignedLongMask(it);
            Py_DECREF(it);
        }
        if (PyErr_Occurred()) return NULL;
        r = nd_rng_from_entropy((nd_bitgen_kind)kind, w, (size_t)n);
    }
    if (!r) return npy_raise();
    /* a spawn key k0, k1, ...: child k0 of the root, then child k1 of that, ... */
    Py_ssize_t nk = PySequence_Size(key);
    if (nk < 0) {
        nd_rng_free(r);
        return NULL;
    }
    for (Py_ssize_t i = 0; i < nk; i++) {
        PyObject *it = PySequence_GetItem(key, i);
        long k = it ? PyLong_AsLong(it) : -1;
        Py_XDECREF(it);
        if (k < 0 || k > 1 << 20) {
            nd_rng_free(r);
            if (!PyErr_Occurred()) PyErr_SetString(PyExc_ValueError, "numc: spawn keys must be in [0, 2**20]");
            return NULL;
        }
        nd_rng **kids = (nd_rng **)PyMem_Calloc((size_t)k + 1, sizeof *kids);
        if (!kids) {
            nd_rng_free(r);
            return PyErr_NoMemory();
        }
        nd_status st = nd_rng_spawn(r, (int)k + 1, kids);
        nd_rng_free(r);
        if (st < 0) {
            PyMem_Free(kids);
            return npy_raise();
        }
        for (long j = 0; j < k; j++) nd_rng_free(kids[j]);
        r = kids[k];
        PyMem_Free(kids);
    }
    return box_new(r);
}

static PyObject *r_copy(PyObject *self, PyObject *args)
{
    (void)self;
    rng_box *b;
    if (!PyArg_ParseTuple(args, "O&", box_conv, &b)) return NULL;
    return box_new(nd_rng_copy(b->r));
}

static PyObject *r_jumped(PyObject *self, PyObject *args)
{
    (void)self;
    rng_box *b;
    unsigned long long jumps;
    if (!PyArg_ParseTuple(args, "O&K", box_conv, &b, &jumps)) return NULL;
    return box_new(nd_rng_jumped(b->r, jumps));
}

static PyObject *r_advance(PyObject *self, PyObject *args)
{
    (void)self;
    rng_box *b;
    unsigned long long hi, lo;
    nd_status st;
    if (!PyArg_ParseTuple(args, "O&KK", box_conv, &b, &hi, &lo)) return NULL;
    RNG_CALL(b, 0, st = nd_rng_advance(b->r, hi, lo));
    if (st < 0) return npy_raise();
    Py_RETURN_NONE;
}

static PyObject *r_raw(PyObject *self, PyObject *args)
{
    (void)self;
    rng_box *b;
    Py_ssize_t n;
    nd_array *r;
    if (!PyArg_ParseTuple(args, "O&n", box_conv, &b, &n)) return NULL;
    RNG_CALL(b, n, r = nd_rng_random_raw(b->r, n));
    return npy_wrap(r);
}

/* _get_state(box) -> (w tuple of 11, has_uint32, uinteger, mt_key tuple, mt_pos,
 * has_gauss, gauss) */
static PyObject *r_get_state(PyObject *self, PyObject *args)
{
    (void)self;
    rng_box *b;
    nd_rng_state st;
    nd_status rc;
    if (!PyArg_ParseTuple(args, "O&", box_conv, &b)) return NULL;
    RNG_CALL(b, 0, rc = nd_rng_get_state(b->r, &st));
    if (rc < 0) return npy_raise();
    PyObject *w = PyTuple_New(11), *key = PyTuple_New(624);
    if (!w || !key) {
        Py_XDECREF(w);
        Py_XDECREF(key);
        return NULL;
    }
    for (int i = 0; i < 11; i++) PyTuple_SetItem(w, i, PyLong_FromUnsignedLongLong(st.w[i]));
    for (int i = 0; i < 624; i++) PyTuple_SetItem(key, i, PyLong_FromUnsignedLong(st.mt_key[i]));
    return Py_BuildValue("NiINiid", w, st.has_uint32, (unsigned)st.uinteger, key, st.mt_pos,
                         st.has_gauss, st.gauss);
}

static PyObject *r_set_state(PyObject *self, PyObject *args)
{
    (void)self;
    rng_box *b;
    PyObject *w, *key;
    int has32, mtpos, hasg;
    unsigned int u;
    double g;
    if (!PyArg_ParseTuple(args, "O&OiIOiid", box_conv, &b, &w, &has32, &u, &key, &mtpos, &hasg, &g))
        return NULL;
    nd_rng_state st;
    memset(&st, 0, sizeof st);
    st.kind = nd_rng_kind(b->r);
    if (PySequence_Size(w) != 11 || PySequence_Size(key) != 624) {
        PyErr_SetString(PyExc_ValueError, "numc: malformed generator state");
        return NULL;
    }
    for (int i = 0; i < 11; i++) {
        PyObject *it = PySequence_GetItem(w, i);
        st.w[i] = it ? PyLong_AsUnsignedLongLongMask(it) : 0;
        Py_XDECREF(it);
    }
    for (int i = 0; i < 624; i++) {
        PyObject *it = PySequence_GetItem(key, i);
        st.mt_key[i] = it ? (uint32_t)PyLong_AsUnsignedLongMask(it) : 0;
        Py_XDECREF(it);
    }
    if (PyErr_Occurred()) return NULL;
    st.has_uint32 = has32;
    st.uinteger = u;
    st.mt_pos = mtpos;
    st.has_gauss = hasg;
    st.gauss = g;
    nd_status rc;
    RNG_CALL(b, 0, rc = nd_rng_set_state(b->r, &st));
    if (rc < 0) return npy_raise();
    Py_RETURN_NONE;
}

/* ---- distributions with scalar parameters ------------------------------------------------- */
enum { K_D0, K_D1, K_D2, K_D3, K_BINOM, K_HYPER };
typedef void (*anyfn)(void);
typedef nd_array *(*f_d0)(nd_rng *, int, const ptrdiff_t *);
typedef nd_array *(*f_d1)(nd_rng *, double, int, const ptrdiff_t *);
typedef nd_array *(*f_d2)(nd_rng *, double, double, int, const ptrdiff_t *);
typedef nd_array *(*f_d3)(nd_rng *, double, double, double, int, const ptrdiff_t *);
#define D(name, kind) { #name, kind, (anyfn)nd_rng_##name }
static const struct {
    const char *name;
    int kind;
    anyfn fn;
} dists[] = {
    D(standard_cauchy, K_D0), D(exponential, K_D1), D(chisquare, K_D1), D(standard_t, K_D1),
    D(weibull, K_D1), D(pareto, K_D1), D(power, K_D1), D(rayleigh, K_D1), D(poisson, K_D1),
    D(geometric, K_D1), D(zipf, K_D1), D(logseries, K_D1), D(uniform, K_D2), D(normal, K_D2),
    D(gamma, K_D2), D(beta, K_D2), D(f, K_D2), D(lognormal, K_D2), D(laplace, K_D2),
    D(logistic, K_D2), D(gumbel, K_D2), D(vonmises, K_D2), D(wald, K_D2),
    D(noncentral_chisquare, K_D2), D(negative_binomial, K_D2), D(triangular, K_D3),
    D(noncentral_f, K_D3), D(binomial, K_BINOM), D(hypergeometric, K_HYPER),
};
#undef D

/* _dist(box, name, (params...), size) */
static PyObject *r_dist(PyObject *self, PyObject *args)
{
    (void)self;
    rng_box *b;
    const char *name;
    double p[3] = { 0, 0, 0 };
    nsx_shape s;
    PyObject *params;
    if (!PyArg_ParseTuple(args, "O&sO!O&", box_conv, &b, &name, &PyTuple_Type, &params,
                          nsx_shape_conv, &s))
        return NULL;
    int k = -1;
    for (size_t i = 0; i < sizeof dists / sizeof dists[0]; i++)
        if (strcmp(dists[i].name, name) == 0) k = (int)i;
    if (k < 0) {
        PyErr_Format(PyExc_ValueError, "numc: unknown distribution %s", name);
        return NULL;
    }
    Py_ssize_t np_ = PyTuple_Size(params);
    int kind = dists[k].kind;
    int want = kind == K_D0 ? 0 : kind == K_D1 ? 1 : kind == K_D3 || kind == K_HYPER ? 3 : 2;
    if (np_ != want) {
        PyErr_Format(PyExc_TypeError, "numc: %s takes %d parameters", name, want);
        return NULL;
    }
    int64_t q[3] = { 0, 0, 0 };
    for (int i = 0; i < want; i++) {
        PyObject *it = PyTuple_GetItem(params, i);
        if ((kind == K_HYPER) || (kind == K_BINOM && i == 0)) {
            q[i] = PyLong_AsLongLong(it);
        } else {
            p[i] = PyFloat_AsDouble(it);
        }
        if (PyErr_Occurred()) return NULL;
    }
    nd_array *r = NULL;
    const ptrdiff_t *sh = s.shape;
    anyfn fn = dists[k].fn;
    switch (kind) {
    case K_D0: RNG_CALL(b, shape_n(&s), r = ((f_d0)fn)(b->r, s.ndim, sh)); break;
    case K_D1: RNG_CALL(b, shape_n(&s), r = ((f_d1)fn)(b->r, p[0], s.ndim, sh)); break;
    case K_D2: RNG_CALL(b, shape_n(&s), r = ((f_d2)fn)(b->r, p[0], p[1], s.ndim, sh)); break;
    case K_D3: RNG_CALL(b, shape_n(&s), r = ((f_d3)fn)(b->r, p[0], p[1], p[2], s.ndim, sh)); break;
    case K_BINOM: RNG_CALL(b, shape_n(&s), r = nd_rng_binomial(b->r, q[0], p[1], s.ndim, sh)); break;
    default: RNG_CALL(b, shape_n(&s), r = nd_rng_hypergeometric(b->r, q[0], q[1], q[2], s.ndim, sh));
    }
    return npy_wrap_result(r);
}

/* _dt(box, name, k, size, dtype, out or None): random / standard_normal /
 * standard_exponential / standard_gamma with a dtype or into out. */
static PyObject *r_dt(PyObject *self, PyObject *args)
{
    (void)self;
    rng_box *b;
    const char *name;
    double k;
    nsx_shape s;
    int dt;
    PyObject *outo;
    if (!PyArg_ParseTuple(args, "O&sdO&O&O", box_conv, &b, &name, &k, nsx_shape_conv, &s, nsx_dtype,
                          &dt, &outo))
        return NULL;
    int which = strcmp(name, "random") == 0 ? 0 : strcmp(name, "standard_normal") == 0 ? 1
              : strcmp(name, "standard_exponential") == 0 ? 2 : strcmp(name, "standard_gamma") == 0 ? 3 : -1;
    if (which < 0) {
        PyErr_Format(PyExc_ValueError, "numc: unknown distribution %s", name);
        return NULL;
    }
    if (outo != Py_None) {
        if (!NcArray_Check(outo)) {
            PyErr_SetString(PyExc_TypeError, "numc: out must be a numc.ndarray");
            return NULL;
        }
        nd_array *o = NC_ARR(outo);
        nd_status st;
        switch (which) {
        case 0: RNG_CALL(b, nd_size(o), st = nd_rng_random_into(b->r, o)); break;
        case 1: RNG_CALL(b, nd_size(o), st = nd_rng_standard_normal_into(b->r, o)); break;
        case 2: RNG_CALL(b, nd_size(o), st = nd_rng_standard_exponential_into(b->r, o)); break;
        default: RNG_CALL(b, nd_size(o), st = nd_rng_standard_gamma_into(b->r, k, o));
        }
        if (st < 0) return npy_raise();
        Py_INCREF(outo);
        return outo;
    }
    nd_dtype t = dt < 0 ? ND_FLOAT64 : (nd_dtype)dt;
    nd_array *r;
    switch (which) {
    case 0: RNG_CALL(b, shape_n(&s), r = nd_rng_random(b->r, s.ndim, s.shape, t)); break;
    case 1: RNG_CALL(b, shape_n(&s), r = nd_rng_standard_normal(b->r, s.ndim, s.shape, t)); break;
    case 2: RNG_CALL(b, shape_n(&s), r = nd_rng_standard_exponential(b->r, s.ndim, s.shape, t)); break;
    default: RNG_CALL(b, shape_n(&s), r = nd_rng_standard_gamma(b->r, k, s.ndim, s.shape, t));
    }
    return npy_wrap_result(r);
}

/* _integers(box, low, high, size, dtype, endpoint) */
static PyObject *r_integers(PyObject *self, PyObject *args)
{
    (void)self;
    rng_box *b;
    long long lo, hi;
    nsx_shape s;
    int dt, endpoint;
    if (!PyArg_ParseTuple(args, "O&LLO&O&p", box_conv, &b, &lo, &hi, nsx_shape_conv, &s, nsx_dtype, &dt,
                          &endpoint))
        return NULL;
    nd_array *r;
    RNG_CALL(b, shape_n(&s),
             r = (nd_rng_integers)(b->r, lo, hi, s.ndim, s.shape, dt < 0 ? ND_INT64 : (nd_dtype)dt,
                                   endpoint));
    return npy_wrap_result(r);
}

/* ---- permutations and choice --------------------------------------------------------------- */
static PyObject *r_shuffle(PyObject *self, PyObject *args)
{
    (void)self;
    rng_box *b;
    nd_array *x = NULL;
    int axis;
    nd_status st;
    if (!PyArg_ParseTuple(args, "O&O&i", box_conv, &b, nsx_arr, &x, &axis)) return NULL;
    RNG_CALL(b, nd_size(x), st = nd_rng_shuffle(b->r, x, axis));
    nd_free(x);
    if (st < 0) return npy_raise();
    Py_RETURN_NONE;
}

static PyObject *r_permutation(PyObject *self, PyObject *args)
{
    (void)self;
    rng_box *b;
    PyObject *xo;
    int axis;
    nd_array *r;
    if (!PyArg_ParseTuple(args, "O&Oi", box_conv, &b, &xo, &axis)) return NULL;
    if (PyLong_Check(xo)) {
        long long n = PyLong_AsLongLong(xo);
        if (n == -1 && PyErr_Occurred()) return NULL;
        RNG_CALL(b, n, r = nd_rng_permutation_n(b->r, n));
        return npy_wrap(r);
    }
    nd_array *x = npy_as_nd(xo, -1);
    if (!x) return NULL;
    RNG_CALL(b, nd_size(x), r = nd_rng_permutation(b->r, x, axis));
    nd_free(x);
    return npy_wrap(r);
}

static PyObject *r_permuted(PyObject *self, PyObject *args)
{
    (void)self;
    rng_box *b;
    nd_array *x = NULL, *r;
    PyObject *axo;
    if (!PyArg_ParseTuple(args, "O&O&O", box_conv, &b, nsx_arr, &x, &axo)) return NULL;
    int axis = 0;
    if (axo != Py_None) {
        axis = (int)PyLong_AsLong(axo);
        if (axis == -1 && PyErr_Occurred()) {
            nd_free(x);
            return NULL;
        }
    }
    RNG_CALL(b, nd_size(x), r = nd_rng_permuted(b->r, x, axis, axo == Py_None));
    nd_free(x);
    return npy_wrap(r);
}

/* _choice(box, a (int or array-like), size, replace, p or None, shuffle, axis) */
static PyObject *r_choice(PyObject *self, PyObject *args)
{
    (void)self;
    rng_box *b;
    PyObject *ao;
    nsx_shape s;
    int replace, shuffle, axis;
    nd_array *p = NULL, *r;
    if (!PyArg_ParseTuple(args, "O&OO&pO&pi", box_conv, &b, &ao, nsx_shape_conv, &s, &replace,
                          nsx_arr_opt, &p, &shuffle, &axis))
        return NULL;
    nd_choice_opts o = { .ndim = s.ndim, .shape = s.shape, .no_replace = !replace, .p = p,
                         .no_shuffle = !shuffle, .axis = axis };
    if (PyLong_Check(ao)) {
        long long n = PyLong_AsLongLong(ao);
        if (n == -1 && PyErr_Occurred()) {
            nd_free(p);
            return NULL;
        }
        RNG_CALL(b, shape_n(&s), r = nd_rng_choice_n_(b->r, n, &o));
    } else {
        nd_array *a = npy_as_nd(ao, -1);
        if (!a) {
            nd_free(p);
            return NULL;
        }
        RNG_CALL(b, shape_n(&s), r = nd_rng_choice_(b->r, a, &o));
        nd_free(a);
    }
    nd_free(p);
    return npy_wrap_result(r);
}

/* ---- multivariate ---------------------------------------------------------------------------- */
static PyObject *r_multinomial(PyObject *self, PyObject *args)
{
    (void)self;
    rng_box *b;
    long long n;
    nd_array *pv = NULL, *r;
    nsx_shape s;
    if (!PyArg_ParseTuple(args, "O&LO&O&", box_conv, &b, &n, nsx_arr, &pv, nsx_shape_conv, &s)) return NULL;
    RNG_CALL(b, shape_n(&s), r = nd_rng_multinomial(b->r, n, pv, s.ndim, s.shape));
    nd_free(pv);
    return npy_wrap(r);
}

static PyObject *r_dirichlet(PyObject *self, PyObject *args)
{
    (void)self;
    rng_box *b;
    nd_array *al = NULL, *r;
    nsx_shape s;
    if (!PyArg_ParseTuple(args, "O&O&O&", box_conv, &b, nsx_arr, &al, nsx_shape_conv, &s)) return NULL;
    RNG_CALL(b, shape_n(&s), r = nd_rng_dirichlet(b->r, al, s.ndim, s.shape));
    nd_free(al);
    return npy_wrap(r);
}

/* _mvn(box, mean, cov, size, method 0/1/2, check 0/1/2, tol) */
static PyObject *r_mvn(PyObject *self, PyObject *args)
{
    (void)self;
    rng_box *b;
    nd_array *mean = NULL, *cov = NULL, *r;
    nsx_shape s;
    int method, check;
    double tol;
    if (!PyArg_ParseTuple(args, "O&O&O&O&iid", box_conv, &b, nsx_arr, &mean, nsx_arr, &cov,
                          nsx_shape_conv, &s, &method, &check, &tol))
        return NULL;
    nd_mvn_opts o = { .ndim = s.ndim, .shape = s.shape, .method = (nd_mvn_method)method,
                      .check_valid = (nd_mvn_check)check, .tol = tol };
    RNG_CALL(b, shape_n(&s) * nd_size(mean), r = nd_rng_multivariate_normal_(b->r, mean, cov, &o));
    nd_free(mean);
    nd_free(cov);
    return npy_wrap(r);
}

static PyObject *r_mvhg(PyObject *self, PyObject *args)
{
    (void)self;
    rng_box *b;
    nd_array *colors = NULL, *r;
    long long nsample;
    nsx_shape s;
    int method;
    if (!PyArg_ParseTuple(args, "O&O&LO&i", box_conv, &b, nsx_arr, &colors, &nsample, nsx_shape_conv,
                          &s, &method))
        return NULL;
    nd_mvhg_opts o = { .ndim = s.ndim, .shape = s.shape, .method = (nd_mvhg_method)method };
    RNG_CALL(b, shape_n(&s), r = nd_rng_multivariate_hypergeometric_(b->r, colors, nsample, &o));
    nd_free(colors);
    return npy_wrap(r);
}

static PyObject *r_bytes(PyObject *self, PyObject *args)
{
    (void)self;
    rng_box *b;
    Py_ssize_t n;
    if (!PyArg_ParseTuple(args, "O&n", box_conv, &b, &n)) return NULL;
    if (n < 0) {
        PyErr_SetString(PyExc_ValueError, "negative dimensions are not allowed");
        return NULL;
    }
    char *buf = (char *)PyMem_Malloc((size_t)n + 1);
    if (!buf) return PyErr_NoMemory();
    nd_status st;
    RNG_CALL(b, n, st = nd_rng_bytes(b->r, buf, (size_t)n));
    PyObject *r = st < 0 ? npy_raise() : PyBytes_FromStringAndSize(buf, n);
    PyMem_Free(buf);
    return r;
}

/* ---- legacy RandomState ---------------------------------------------------------------------- */
/* _legacy_new(seed uint32 or key tuple) */
static PyObject *r_legacy_new(PyObject *self, PyObject *arg)
{
    (void)self;
    if (PyLong_Check(arg)) {
        unsigned long s = PyLong_AsUnsignedLong(arg);
        if (PyErr_Occurred() || s > 0xFFFFFFFFul) {
            PyErr_Clear();
            PyErr_SetString(PyExc_ValueError, "Seed must be between 0 and 2**32 - 1");
            return NULL;
        }
        return box_new(nd_random_state_new((uint32_t)s));
    }
    Py_ssize_t n = PySequence_Size(arg);
    if (n < 0) return NULL;
    uint32_t *key = (uint32_t *)PyMem_Malloc(((size_t)n + 1) * sizeof *key);
    if (!key) return PyErr_NoMemory();
    for (Py_ssize_t i = 0; i < n; i++) {
        PyObject *it = PySequence_GetItem(arg, i);
        unsigned long v = it ? PyLong_AsUnsignedLong(it) : 0;
        Py_XDECREF(it);
        if (PyErr_Occurred() || v > 0xFFFFFFFFul) {
            PyMem_Free(key);
            PyErr_Clear();
            PyErr_SetString(PyExc_ValueError, "Seed must be between 0 and 2**32 - 1");
            return NULL;
        }
        key[i] = (uint32_t)v;
    }
    PyObject *r = box_new(nd_random_state_from_array(key, (size_t)n));
    PyMem_Free(key);
    return r;
}

/* _legacy(box, name, p1, p2, size): random_sample / standard_normal / normal / uniform /
 * randint (p1 = low, p2 = high) */
static PyObject *r_legacy(PyObject *self, PyObject *args)
{
    (void)self;
    rng_box *b;
    const char *name;
    PyObject *p1, *p2;
    nsx_shape s;
    if (!PyArg_ParseTuple(args, "O&sOOO&", box_conv, &b, &name, &p1, &p2, nsx_shape_conv, &s)) return NULL;
    nd_array *r;
    if (strcmp(name, "randint") == 0) {
        long long lo = PyLong_AsLongLong(p1), hi = PyLong_AsLongLong(p2);
        if (PyErr_Occurred()) return NULL;
        RNG_CALL(b, shape_n(&s), r = nd_legacy_randint(b->r, lo, hi, s.ndim, s.shape));
        return npy_wrap_result(r);
    }
    double a = PyFloat_AsDouble(p1), c = PyFloat_AsDouble(p2);
    if (PyErr_Occurred()) return NULL;
    if (strcmp(name, "random_sample") == 0)
        RNG_CALL(b, shape_n(&s), r = nd_legacy_random_sample(b->r, s.ndim, s.shape));
    else if (strcmp(name, "standard_normal") == 0)
        RNG_CALL(b, shape_n(&s), r = nd_legacy_standard_normal(b->r, s.ndim, s.shape));
    else if (strcmp(name, "normal") == 0)
        RNG_CALL(b, shape_n(&s), r = nd_legacy_normal(b->r, a, c, s.ndim, s.shape));
    else if (strcmp(name, "uniform") == 0)
        RNG_CALL(b, shape_n(&s), r = nd_legacy_uniform(b->r, a, c, s.ndim, s.shape));
    else {
        PyErr_Format(PyExc_ValueError, "numc: unknown legacy draw %s", name);
        return NULL;
    }
    return npy_wrap_result(r);
}

static PyObject *r_legacy_seed(PyObject *self, PyObject *args)
{
    (void)self;
    rng_box *b;
    unsigned long s;
    if (!PyArg_ParseTuple(args, "O&k", box_conv, &b, &s)) return NULL;
    if (s > 0xFFFFFFFFul) {
        PyErr_SetString(PyExc_ValueError, "Seed must be between 0 and 2**32 - 1");
        return NULL;
    }
    nd_status st;
    RNG_CALL(b, 0, st = nd_random_seed(b->r, (uint32_t)s));
    if (st < 0) return npy_raise();
    Py_RETURN_NONE;
}

#define M(n) { #n, r_##n, METH_VARARGS, NULL }
static PyMethodDef r_methods[] = {
    { "_new", r_new, METH_VARARGS, NULL }, { "_copy", r_copy, METH_VARARGS, NULL },
    { "_jumped", r_jumped, METH_VARARGS, NULL }, { "_advance", r_advance, METH_VARARGS, NULL },
    { "_raw", r_raw, METH_VARARGS, NULL }, { "_get_state", r_get_state, METH_VARARGS, NULL },
    { "_set_state", r_set_state, METH_VARARGS, NULL }, { "_dist", r_dist, METH_VARARGS, NULL },
    { "_dt", r_dt, METH_VARARGS, NULL }, { "_integers", r_integers, METH_VARARGS, NULL },
    { "_shuffle", r_shuffle, METH_VARARGS, NULL },
    { "_permutation", r_permutation, METH_VARARGS, NULL },
    { "_permuted", r_permuted, METH_VARARGS, NULL }, { "_choice", r_choice, METH_VARARGS, NULL },
    { "_multinomial", r_multinomial, METH_VARARGS, NULL },
    { "_dirichlet", r_dirichlet, METH_VARARGS, NULL }, { "_mvn", r_mvn, METH_VARARGS, NULL },
    { "_mvhg", r_mvhg, METH_VARARGS, NULL }, { "_bytes", r_bytes, METH_VARARGS, NULL },
    { "_legacy_new", r_legacy_new, METH_O, NULL }, { "_legacy", r_legacy, METH_VARARGS, NULL },
    { "_legacy_seed", r_legacy_seed, METH_VARARGS, NULL },
    { NULL, NULL, 0, NULL }
};
#undef M

static struct PyModuleDef r_def = { PyModuleDef_HEAD_INIT, "numc._core._random",
                                    "numc's random sampling (random.h)", -1, r_methods, NULL,
                                    NULL, NULL, NULL };

PyObject *numc_py_ns_random(void) { return PyModule_Create(&r_def); }
