/* numpy.testing's array assertions (numc/testing.h): assert_allclose, assert_array_equal,
 * assert_array_less (NumPy's assert_array_compare, step for step), assert_array_max_ulp
 * and assert_array_almost_equal_nulp, each reporting the mismatch in NumPy 1.24's words.
 * Built on the public API only: the ufuncs do the comparisons, nd_repr the printing. */
#include <math.h>
#include <stdarg.h>
#include <stdio.h>
#include <string.h>

#include <numc/array.h>
#include <numc/error.h>
#include <numc/manip.h>
#include <numc/testing.h>
#include <numc/ufunc.h>

#include "internal.h"
#include "print_internal.h"

/* ---- temporaries: every array made during one assertion, freed at its end -------------- */
#define POOL_MAX 48
typedef struct pool {
    nd_array *a[POOL_MAX];
    int n;
    bool oom; /* an allocation (or a call) failed: the assertion fails with its error */
} pool;

/* Track `a` (NULL marks the pool failed); returns `a`. */
static nd_array *keep(pool *p, nd_array *a)
{
    if (!a) {
        p->oom = true;
        return NULL;
    }
    if (p->n == POOL_MAX) { /* cannot happen: the longest path makes ~30 arrays */
        nd_free(a);
        p->oom = true;
        nd_set_error(ND_ENOMEM, "numc testing: too many temporaries");
        return NULL;
    }
    p->a[p->n++] = a;
    return a;
}

static void pool_free(pool *p)
{
    for (int i = 0; i < p->n; i++) nd_free(p->a[i]);
    p->n = 0;
}

/* The failure of an inner call, as a status (ND_ENOMEM when none was recorded). */
static nd_status inner_error(void)
{
    nd_status rc = nd_last_error();
    return rc < 0 ? rc : ND_ENOMEM;
}

/* The common end of an assertion: the pool freed, the error state cleared when it held. */
static nd_status finish(pool *p, nd_status rc)
{
    pool_free(p);
    if (rc == ND_OK) nd_clear_error();
    return rc;
}

/* ---- a growable string (through numc's allocator hooks) ------------------------------ */
typedef nd__strbuf sbuf;

#if defined(__GNUC__)
__attribute__((format(printf, 2, 3)))
#endif
static void sb_printf(sbuf *b, const char *fmt, ...)
{
    char tmp[512];
    va_list ap;
    va_start(ap, fmt);
    int n = vsnprintf(tmp, sizeof tmp, fmt, ap);
    va_end(ap);
    if (n < 0) return;
    nd__sb_putn(b, tmp, (size_t)n < sizeof tmp ? (size_t)n : sizeof tmp - 1);
}

/* ---- operands ---------------------------------------------------------------------- */
/* NumPy's asanyarray: an array is borrowed, a scalar becomes a 0-d array (pooled). */
static const nd_array *as_array(pool *p, nd_operand o, const char *who, nd_status *rc)
{
    if (o.kind == ND_OPK_ARRAY) {
        if (!o.array) *rc = nd_set_error(ND_EVALUE, "%s: array is NULL", who);
        return o.array;
    }
    if (o.kind != ND_OPK_SCALAR) {
        *rc = nd_set_error(ND_EVALUE, "%s: missing operand", who);
        return NULL;
    }
    const nd_array *a = keep(p, nd_scalar_array(o.scalar));
    if (!a) *rc = inner_error();
    return a;
}

/* The two operands of an assertion as arrays in the pool (*report cleared first); false
 * with *rc set when one is missing or cannot be made. */
static bool operands(pool *p, nd_operand xo, nd_operand yo, const char *who, char **report,
                     nd_status *rc, const nd_array **x, const nd_array **y)
{
    if (report) *report = NULL;
    *x = as_array(p, xo, who, rc);
    *y = *x ? as_array(p, yo, who, rc) : NULL;
    return *x && *y;
}

/* An array as a ufunc operand; a 0-d array by value (NumPy 1.x promotion of 0-d arrays). */
static nd_operand val(const nd_array *a)
{
    nd_scalar s;
    if (nd_ndim(a) == 0 && nd_item(a, &s) == ND_OK) return nd_op_scalar(s);
    return nd_op_array(a);
}

static bool is_inexact(const nd_array *a)
{
    char k = nd_dtype_kind(nd_dtype_of(a));
    return k == 'f' || k == 'c';
}

/* 1 if every element of the bool array `m` is true (an empty one is), 0 if not, <0 error. */
static int all_true(pool *p, const nd_array *m)
{
    if (!m) return inner_error(); /* the call that made m failed */
    nd_array *r = keep(p, nd_all(m));
    if (!r) return inner_error();
    return nd_item_bool(r) ? 1 : 0;
}

/* "(3,)", "(2, 3)", "()": a shape as Python prints a tuple. */
static void sb_shape(sbuf *b, const nd_array *a)
{
    int nd = nd_ndim(a);
    const ptrdiff_t *sh = nd_shape(a);
    nd__sb_puts(b, "(");
    for (int i = 0; i < nd; i++) sb_printf(b, i ? ", %td" : "%td", sh[i]);
    nd__sb_puts(b, nd == 1 ? ",)" : ")");
}

/* The head of NumPy's build_err_msg: "\n" + header, err_msg on that line or the next. */
static void err_msg_head(sbuf *b, const char *err_msg, const char *header)
{
    nd__sb_puts(b, "\n");
    nd__sb_puts(b, header);
    if (err_msg && *err_msg) {
        if (!strchr(err_msg, '\n') && (long)strlen(err_msg) < 79 - (long)strlen(header)) {
            nd__sb_puts(b, " ");
            nd__sb_puts(b, err_msg);
        } else {
            nd__sb_puts(b, "\n");
            nd__sb_puts(b, err_msg);
        }
    }
}

/* One " name: repr" line of build_err_msg (more than 3 newlines: the first 3 lines and
 * "..."); r NULL when the repr failed. */
static void err_msg_item(sbuf *b, const char *name, const char *r)
{
    sb_printf(b, "\n %s: ", name);
    if (!r) {
        nd__sb_puts(b, "[repr failed]");
        return;
    }
    int nl = 0;
    for (const char *c = r; *c; c++) nl += *c == '\n';
    if (nl > 3) {
        const char *c = r;
        for (int k = 0; k < 3; k++) c = strchr(c, '\n') + 1;
        nd__sb_putn(b, r, (size_t)(c - r - 1));
        nd__sb_puts(b, "...");
    } else {
        nd__sb_puts(b, r);
    }
}

/* NumPy's build_err_msg([x, y], err_msg, header=header, names=('x', 'y'),
 * precision=precision). */
static void build_err_msg(sbuf *b, const nd_array *x, const nd_array *y, const char *err_msg,
                          const char *header, int precision)
{
    err_msg_head(b, err_msg, header);
    nd_printoptions old = nd_get_printoptions(), po = old;
    po.precision = precision > 0 ? precision : 6;
    nd_set_printoptions(&po);
    const nd_array *arr[2] = { x, y };
    const char *names[2] = { "x", "y" };
    for (int i = 0; i < 2; i++) {
        char *r = nd_repr(arr[i]);
        err_msg_item(b, names[i], r);
        nd_free_mem(r);
    }
    nd_set_printoptions(&old);
}

/* NumPy's array2string of a 0-d array (default print options): str of the 1-element
 * array without its brackets. */
static void sb_scalar_str(sbuf *b, pool *p, const nd_array *a0)
{
    nd_array *one = keep(p, nd_reshape(a0, ND_SHAPE(1)));
    char *s = one ? nd_str(one) : NULL;
    if (!s) {
        nd__sb_puts(b, "?");
        return;
    }
    size_t n = strlen(s);
    if (n >= 2 && s[0] == '[' && s[n - 1] == ']') nd__sb_putn(b, s + 1, n - 2);
    else nd__sb_puts(b, s);
    nd_free_mem(s);
}

/* The failure: set the last error ("who:" + report) and hand the report out. */
static nd_status fail_with(sbuf *b, const char *who, char **report)
{
    if (b->failed) {
        nd_free_mem(b->p);
        return nd_set_error(ND_ENOMEM, "%s: out of memory writing the report", who);
    }
    nd_set_error(ND_EASSERT, "%s:%s%s", who, b->p[0] == '\n' ? "" : " ", b->p);
    if (report) *report = b->p;
    else nd_free_mem(b->p);
    return ND_EASSERT;
}

/* ---- assert_array_compare ----------------------------------------------------------- */
typedef enum cmp_kind { CMP_CLOSE, CMP_EQUAL, CMP_LESS, CMP_ALMOST } cmp_kind;
typedef struct cmp_spec {
    cmp_kind kind;
    double rtol, atol;
    bool equal_nan, equal_inf;
    const char *header, *err_msg, *who;
    char **report;
    int precision; /* of the arrays in the report (0: NumPy's 6) */
    int decimal;   /* CMP_ALMOST: |x - y| < 1.5 * 10**-decimal */
} cmp_spec;

/* x_id / y_id: where `what` holds (0 nan, 1 +inf, 2 -inf); a dtype without such values
 * gives all-false. */
static nd_array *where_is(pool *p, const nd_array *a, int what)
{
    if (!is_inexact(a)) return keep(p, nd_zeros_like(a, ND_BOOL));
    if (what == 0) return keep(p, nd_isnan(a));
    return keep(p, nd_equal(a, what == 1 ? INFINITY : -INFINITY));
}

/* func_assert_same_pos: 1 and *flag set when the positions agree, 0 when they do not
 * (the report is then written), <0 on error. */
static int same_pos(pool *p, const nd_array *x, const nd_array *y, int what, nd_array **flag)
{
    nd_array *xi = where_is(p, x, what), *yi = where_is(p, y, what);
    if (!xi || !yi) return inner_error();
    nd_array *eq = keep(p, nd_equal(xi, yi));
    if (!eq) return inner_error();
    int ok = all_true(p, eq);
    if (ok <= 0) return ok;
    *flag = nd_ndim(xi) == 0 ? xi : yi;
    return 1;
}

static nd_status array_compare(nd_operand xo, nd_operand yo, const cmp_spec *c)
{
    pool p = { .n = 0 };
    sbuf b = { 0 };
    nd_status rc = ND_OK;
    const nd_array *x, *y;
    if (!operands(&p, xo, yo, c->who, c->report, &rc, &x, &y)) goto done;
    const nd_array *ox = x, *oy = y;
    const char *err_msg = c->err_msg ? c->err_msg : "";

    /* shapes: equal, or one of them a scalar */
    bool shape_ok = nd_ndim(x) == 0 || nd_ndim(y) == 0 || nd_ndim(x) == nd_ndim(y);
    for (int d = 0; shape_ok && nd_ndim(x) && nd_ndim(y) && d < nd_ndim(x); d++)
        shape_ok = nd_shape(x)[d] == nd_shape(y)[d];
    if (!shape_ok) {
        sbuf r = { 0 };
        nd__sb_puts(&r, err_msg);
        nd__sb_puts(&r, "\n(shapes ");
        sb_shape(&r, x);
        nd__sb_puts(&r, ", ");
        sb_shape(&r, y);
        nd__sb_puts(&r, " mismatch)");
        if (!r.failed) build_err_msg(&b, ox, oy, r.p, c->header, c->precision);
        b.failed = b.failed || r.failed;
        nd_free_mem(r.p);
        rc = fail_with(&b, c->who, c->report);
        b.p = NULL;
        goto done;
    }

    nd_errstate olderr = nd_seterr(.all = ND_ERR_IGNORE);
    /* NaN / inf positions */
    nd_array *flagged = NULL;
    static const char *const hasval[3] = { "nan", "+inf", "-inf" };
    for (int what = 0; what < 3; what++) {
        if (what == 0 && !c->equal_nan) continue;
        if (what > 0 && !c->equal_inf) continue;
        nd_array *f = NULL;
        int ok = same_pos(&p, x, y, what, &f);
        if (ok < 0) {
            rc = ok;
            goto restore;
        }
        if (!ok) {
            char em[600];
            snprintf(em, sizeof em, "%s\nx and y %s location mismatch:", err_msg, hasval[what]);
            build_err_msg(&b, x, y, em, c->header, c->precision);
            rc = fail_with(&b, c->who, c->report);
            b.p = NULL;
            goto restore;
        }
        flagged = flagged ? keep(&p, nd_logical_or(flagged, f)) : f;
        if (!flagged) {
            rc = inner_error();
            goto restore;
        }
    }
    ptrdiff_t n_elements = -1;
    if (flagged && nd_ndim(flagged) > 0) {
        nd_array *keepm = keep(&p, nd_logical_not(flagged));
        nd_array *xs = keepm ? keep(&p, nd_mask_select(x, keepm)) : NULL;
        nd_array *ys = xs ? keep(&p, nd_mask_select(y, keepm)) : NULL;
        if (!ys) {
            rc = inner_error();
            goto restore;
        }
        n_elements = nd_size(flagged);
        x = xs;
        y = ys;
        if (nd_size(x) == 0) goto restore;
    } else if (flagged && nd_item_bool(flagged)) {
        goto restore;
    }

    nd_array *val_ = NULL;
    switch (c->kind) {
    case CMP_CLOSE: val_ = nd_isclose_(nd_op_array(x), nd_op_array(y), c->rtol, c->atol, c->equal_nan); break;
    case CMP_EQUAL: val_ = nd_equal(val(x), val(y)); break;
    case CMP_LESS: val_ = nd_less(val(x), val(y)); break;
    case CMP_ALMOST: {
        /* abs(x - asarray(y, result_type(y, 1.))) < 1.5 * 10.0**(-decimal) */
        const nd_array *yf = is_inexact(y) ? y : keep(&p, nd_astype(y, ND_FLOAT64, ND_CAST_UNSAFE));
        nd_array *d = yf ? keep(&p, nd_subtract(val(x), val(yf))) : NULL;
        nd_array *ad = d ? keep(&p, nd_absolute(d)) : NULL;
        val_ = ad ? nd_less(ad, 1.5 * pow(10.0, -(double)c->decimal)) : NULL;
    } break;
    }
    if (!keep(&p, val_)) {
        rc = inner_error();
        goto restore;
    }
    int ok = all_true(&p, val_);
    if (ok < 0) {
        rc = ok;
        goto restore;
    }
    if (ok) goto restore;

    /* the remarks */
    nd_array *nt = keep(&p, nd_count_nonzero(val_));
    if (!nt) {
        rc = inner_error();
        goto restore;
    }
    ptrdiff_t size = nd_size(val_), n_mismatch = size - (ptrdiff_t)nd_item_i64(nt);
    if (n_elements < 0) n_elements = size;
    sbuf r = { 0 };
    nd__sb_puts(&r, err_msg);
    sb_printf(&r, "\nMismatched elements: %td / %td (%.3g%%)", n_mismatch, n_elements,
              100.0 * (double)n_mismatch / (double)n_elements);
    /* abs(x - y) fails for two bool arrays (NumPy: TypeError, suppressed) */
    if (!(nd_dtype_of(x) == ND_BOOL && nd_dtype_of(y) == ND_BOOL)) {
        nd_array *d = keep(&p, nd_subtract(val(x), val(y)));
        nd_array *err = d ? keep(&p, nd_absolute(d)) : NULL;
        if (err && nd_dtype_kind(nd_dtype_of(x)) == 'u') {
            nd_array *d2 = keep(&p, nd_subtract(val(y), val(x)));
            nd_array *e2 = d2 ? keep(&p, nd_absolute(d2)) : NULL;
            if (!e2 || nd_minimum_into(err, err, e2) < 0) err = NULL;
        }
        nd_array *mx = err ? keep(&p, nd_amax(err)) : NULL;
        nd_array *nz = mx ? keep(&p, nd_not_equal(y, 0)) : NULL;
        int none = nz ? all_true(&p, keep(&p, nd_logical_not(nz))) : -1;
        if (!mx || !nz || none < 0) {
            nd_free_mem(r.p);
            rc = inner_error();
            goto restore;
        }
        nd__sb_puts(&r, "\nMax absolute difference: ");
        sb_scalar_str(&r, &p, mx);
        nd__sb_puts(&r, "\nMax relative difference: ");
        if (none) {
            nd__sb_puts(&r, "inf");
        } else {
            const nd_array *en = err, *yn = y;
            if (nd_ndim(y) > 0) {
                en = nd_ndim(err) > 0 ? keep(&p, nd_mask_select(err, nz)) : err;
                yn = keep(&p, nd_mask_select(y, nz));
            }
            nd_array *ay = yn && en ? keep(&p, nd_absolute(yn)) : NULL;
            nd_array *q = ay ? keep(&p, nd_divide(val(en), val(ay))) : NULL;
            nd_array *mq = q ? keep(&p, nd_amax(q)) : NULL;
            if (!mq) {
                nd_free_mem(r.p);
                rc = inner_error();
                goto restore;
            }
            sb_scalar_str(&r, &p, mq);
        }
    }
    if (!r.failed) build_err_msg(&b, ox, oy, r.p, c->header, c->precision);
    b.failed = b.failed || r.failed;
    nd_free_mem(r.p);
    rc = fail_with(&b, c->who, c->report);
    b.p = NULL;
restore:
    nd_seterr_(&olderr);
done:
    nd_free_mem(b.p);
    return finish(&p, rc);
}

nd_status nd_assert_allclose_(nd_operand actual, nd_operand desired, const nd_allclose_opts *o)
{
    nd_allclose_opts d = ND_ALLCLOSE_DEFAULTS;
    if (!o) o = &d;
    char header[128];
    snprintf(header, sizeof header, "Not equal to tolerance rtol=%g, atol=%g", o->rtol, o->atol);
    cmp_spec c = { CMP_CLOSE, o->rtol, o->atol, o->equal_nan, true, header, o->err_msg,
                   "nd_assert_allclose", o->report, 6, 0 };
    return array_compare(actual, desired, &c);
}

/* assert_array_equal and assert_array_less: a comparison without tolerances; infinities
 * must sit in the same places only for equality. */
static nd_status assert_exact(cmp_kind kind, nd_operand x, nd_operand y, const nd_assert_opts *o,
                              const char *header, const char *who)
{
    nd_assert_opts d = ND_ASSERT_DEFAULTS;
    if (!o) o = &d;
    cmp_spec c = { kind, 0, 0, true, kind == CMP_EQUAL, header, o->err_msg, who, o->report, 6, 0 };
    return array_compare(x, y, &c);
}

nd_status nd_assert_array_equal_(nd_operand x, nd_operand y, const nd_assert_opts *o)
{
    return assert_exact(CMP_EQUAL, x, y, o, "Arrays are not equal", "nd_assert_array_equal");
}

nd_status nd_assert_array_less_(nd_operand x, nd_operand y, const nd_assert_opts *o)
{
    return assert_exact(CMP_LESS, x, y, o, "Arrays are not less-ordered", "nd_assert_array_less");
}

/* ---- units in the last place ---------------------------------------------------------- */
/* numpy.common_type of two arrays: float32 when both are float32, else float64;
 * complex types are refused by the callers first. */
static nd_dtype common_float(const nd_array *a, const nd_array *b)
{
    return nd_dtype_of(a) == ND_FLOAT32 && nd_dtype_of(b) == ND_FLOAT32 ? ND_FLOAT32
                                                                         : ND_FLOAT64;
}

/* NumPy's nulp_diff(x, y) as doubles into a new float64 array of x's shape, or NULL; complex
 * input is ND_EDTYPE, as NumPy raises for it (a ULP distance has no meaning there). */
static nd_array *nulp_diff(pool *p, const nd_array *x, const nd_array *y, const char *who)
{
    if (nd_dtype_is_complex(nd_dtype_of(x)) || nd_dtype_is_complex(nd_dtype_of(y)))
        return (nd_set_error(ND_EDTYPE, "%s: units in the last place are not defined for "
                             "complex arrays (NumPy refuses them too)", who), NULL);
    bool same = nd_ndim(x) == nd_ndim(y);
    for (int d = 0; same && d < nd_ndim(x); d++) same = nd_shape(x)[d] == nd_shape(y)[d];
    if (!same) {
        sbuf s = { 0 };
        sb_shape(&s, x);
        nd__sb_puts(&s, " - ");
        sb_shape(&s, y);
        nd_set_error(ND_ESHAPE, "%s: x and y do not have the same shape: %s", who,
                     s.p ? s.p : "?");
        nd_free_mem(s.p);
        return NULL;
    }
    nd_dtype t = common_float(x, y);
    nd_array *cx = keep(p, nd_astype(x, t, ND_CAST_UNSAFE));
    nd_array *cy = cx ? keep(p, nd_astype(y, t, ND_CAST_UNSAFE)) : NULL;
    nd_array *r = cy ? keep(p, nd_empty(nd_ndim(x), nd_shape(x), ND_FLOAT64)) : NULL;
    if (!r) return NULL;
    ptrdiff_t n = nd_size(x);
    const char *px = nd_data(cx), *py = nd_data(cy);
    double *pr = nd_data(r);
    for (ptrdiff_t i = 0; i < n; i++) {
        if (t == ND_FLOAT32) {
            float fx, fy;
            memcpy(&fx, px + 4 * i, 4);
            memcpy(&fy, py + 4 * i, 4);
            if (isnan(fx)) fx = NAN; /* x[isnan(x)] = nan: one bit pattern */
            if (isnan(fy)) fy = NAN;
            int32_t ix, iy;
            memcpy(&ix, &fx, 4);
            memcpy(&iy, &fy, 4);
            /* _integer_repr: negative patterns count down from INT32_MIN */
            if (ix < 0) ix = (int32_t)((uint32_t)INT32_MIN - (uint32_t)ix);
            if (iy < 0) iy = (int32_t)((uint32_t)INT32_MIN - (uint32_t)iy);
            int32_t dd = (int32_t)((uint32_t)ix - (uint32_t)iy);
            pr[i] = fabs((double)(float)dd);
        } else {
            double fx, fy;
            memcpy(&fx, px + 8 * i, 8);
            memcpy(&fy, py + 8 * i, 8);
            if (isnan(fx)) fx = NAN;
            if (isnan(fy)) fy = NAN;
            int64_t ix, iy;
            memcpy(&ix, &fx, 8);
            memcpy(&iy, &fy, 8);
            if (ix < 0) ix = (int64_t)((uint64_t)INT64_MIN - (uint64_t)ix);
            if (iy < 0) iy = (int64_t)((uint64_t)INT64_MIN - (uint64_t)iy);
            int64_t dd = (int64_t)((uint64_t)ix - (uint64_t)iy);
            pr[i] = fabs((double)dd);
        }
    }
    return r;
}

nd_status nd_assert_array_max_ulp_(nd_operand a, nd_operand b, const nd_max_ulp_opts *o)
{
    const char *who = "nd_assert_array_max_ulp";
    nd_max_ulp_opts d = ND_MAX_ULP_DEFAULTS;
    if (!o) o = &d;
    pool p = { .n = 0 };
    nd_status rc = ND_OK;
    const nd_array *x, *y;
    if (!operands(&p, a, b, who, o->report, &rc, &x, &y)) goto done;
    nd_array *diff = nulp_diff(&p, x, y, who);
    if (!diff) {
        rc = nd_last_error() < 0 ? nd_last_error() : ND_ENOMEM;
        goto done;
    }
    double mx = 0;
    bool ok = true;
    const double *pd = nd_data(diff);
    for (ptrdiff_t i = 0; i < nd_size(diff); i++) {
        if (!(pd[i] <= o->maxulp)) ok = false;
        if (pd[i] > mx || isnan(pd[i])) mx = isnan(mx) ? mx : pd[i];
    }
    if (!ok) {
        sbuf s = { 0 };
        sb_printf(&s, "Arrays are not almost equal up to %g ULP (max difference is %g ULP)",
                  o->maxulp, mx);
        rc = fail_with(&s, who, o->report);
    }
done:
    return finish(&p, rc);
}

nd_status nd_assert_array_almost_equal_nulp_(nd_operand xo, nd_operand yo, const nd_nulp_opts *o)
{
    const char *who = "nd_assert_array_almost_equal_nulp";
    nd_nulp_opts d = ND_NULP_DEFAULTS;
    if (!o) o = &d;
    pool p = { .n = 0 };
    nd_status rc = ND_OK;
    const nd_array *x, *y;
    if (!operands(&p, xo, yo, who, o->report, &rc, &x, &y)) goto done;
    nd_errstate olderr = nd_seterr(.all = ND_ERR_IGNORE);
    /* ref = nulp * spacing(where(ax > ay, ax, ay)); all(abs(x - y) <= ref) */
    nd_array *ax = keep(&p, nd_absolute(val(x)));
    nd_array *ay = ax ? keep(&p, nd_absolute(val(y))) : NULL;
    nd_array *gt = ay ? keep(&p, nd_greater(ax, ay)) : NULL;
    nd_array *m = gt ? keep(&p, nd_where(gt, ax, ay)) : NULL;
    nd_array *sp = m ? keep(&p, nd_spacing(m)) : NULL;
    nd_array *ref = sp ? keep(&p, nd_multiply(sp, o->nulp)) : NULL;
    nd_array *df = ref ? keep(&p, nd_subtract(val(x), val(y))) : NULL;
    nd_array *ad = df ? keep(&p, nd_absolute(df)) : NULL;
    nd_array *le = ad ? keep(&p, nd_less_equal(ad, ref)) : NULL;
    int ok = le ? all_true(&p, le) : -1;
    nd_seterr_(&olderr);
    if (ok < 0) {
        rc = inner_error();
        goto done;
    }
    if (!ok) {
        sbuf s = { 0 };
        if (nd_dtype_is_complex(nd_dtype_of(x)) || nd_dtype_is_complex(nd_dtype_of(y))) {
            sb_printf(&s, "X and Y are not equal to %d ULP", o->nulp);
        } else {
            nd_array *diff = nulp_diff(&p, x, y, who);
            if (!diff) {
                nd_free_mem(s.p);
                rc = nd_last_error() < 0 ? nd_last_error() : ND_ENOMEM;
                goto done;
            }
            double mx = -INFINITY;
            const double *pd = nd_data(diff);
            for (ptrdiff_t i = 0; i < nd_size(diff); i++)
                if (pd[i] > mx || isnan(pd[i])) mx = isnan(mx) ? mx : pd[i];
            sb_printf(&s, "X and Y are not equal to %d ULP (max is %g)", o->nulp, mx);
        }
        rc = fail_with(&s, who, o->report);
    }
done:
    return finish(&p, rc);
}

/* ---- assert_almost_equal, assert_approx_equal, assert_array_almost_equal, assert_equal -- */
/* repr() of a Python scalar: True, 3, 2.5, (1+2j). */
static void sb_scalar_repr(sbuf *b, nd_scalar s)
{
    switch (s.dtype) {
    case ND_BOOL: nd__sb_puts(b, s.v.b ? "True" : "False"); break;
    case ND_INT8: case ND_INT16: case ND_INT32: case ND_INT64:
        sb_printf(b, "%lld", (long long)s.v.i);
        break;
    case ND_UINT8: case ND_UINT16: case ND_UINT32: case ND_UINT64:
        sb_printf(b, "%llu", (unsigned long long)s.v.u);
        break;
    case ND_COMPLEX64: case ND_COMPLEX128:
        nd__complex_scalar_str(s.v.c[0], s.v.c[1], false, b);
        break;
    default: nd__float_scalar_str(s.v.f, false, false, b); break;
    }
}

/* build_err_msg([actual, desired], err_msg, header=header) of two Python scalars. */
static nd_status scalar_fail(nd_scalar a, nd_scalar d, const char *err_msg, const char *header,
                             const char *who, char **report)
{
    sbuf b = { 0 }, ra = { 0 }, rd = { 0 };
    sb_scalar_repr(&ra, a);
    sb_scalar_repr(&rd, d);
    err_msg_head(&b, err_msg, header);
    err_msg_item(&b, "ACTUAL", ra.p);
    err_msg_item(&b, "DESIRED", rd.p);
    b.failed = b.failed || ra.failed || rd.failed;
    nd_free_mem(ra.p);
    nd_free_mem(rd.p);
    return fail_with(&b, who, report);
}

static bool is_float_s(nd_scalar s)
{
    return s.dtype == ND_FLOAT32 || s.dtype == ND_FLOAT64;
}

static bool is_uns_s(nd_scalar s) { return s.dtype >= ND_UINT8 && s.dtype <= ND_UINT64; }

static bool scalar_is_complex(nd_scalar s)
{
    return s.dtype == ND_COMPLEX64 || s.dtype == ND_COMPLEX128;
}

/* The real (part = 0) or imaginary (1) part of a scalar as a Python number. */
static nd_scalar scalar_part(nd_scalar s, int part)
{
    if (scalar_is_complex(s)) return ND_F64(s.v.c[part]);
    if (part) return ND_I64(0);
    return s;
}

/* assert_almost_equal of two real scalars: true when they pass. */
static bool almost_real(nd_scalar a, nd_scalar d, int decimal)
{
    double x = nd_scalar_as_f64(a), y = nd_scalar_as_f64(d);
    if (!isfinite(x) || !isfinite(y)) {
        if (isnan(x) || isnan(y)) return isnan(x) && isnan(y);
        return x == y;
    }
    if (!is_float_s(a) && !is_float_s(d)) { /* two Python ints: their exact difference */
        double diff;
        if (is_uns_s(a) && is_uns_s(d)) diff = (double)(a.v.u > d.v.u ? a.v.u - d.v.u : d.v.u - a.v.u);
        else if (!is_uns_s(a) && !is_uns_s(d) && (a.v.i >= 0) == (d.v.i >= 0))
            diff = fabs((double)(d.v.i - a.v.i));
        else diff = fabs(y - x);
        return !(diff >= 1.5 * pow(10.0, -(double)decimal));
    }
    return !(fabs(y - x) >= 1.5 * pow(10.0, -(double)decimal));
}

nd_status nd_assert_array_almost_equal_(nd_operand x, nd_operand y, const nd_almost_opts *o)
{
    nd_almost_opts d = ND_ARRAY_ALMOST_DEFAULTS;
    if (!o) o = &d;
    char header[96];
    snprintf(header, sizeof header, "Arrays are not almost equal to %d decimals", o->decimal);
    cmp_spec c = { CMP_ALMOST, 0, 0, true, true, header, o->err_msg,
                   "nd_assert_array_almost_equal", o->report, o->decimal, o->decimal };
    return array_compare(x, y, &c);
}

nd_status nd_assert_almost_equal_(nd_operand actual, nd_operand desired, const nd_almost_opts *o)
{
    const char *who = "nd_assert_almost_equal";
    nd_almost_opts d = ND_ALMOST_DEFAULTS;
    if (!o) o = &d;
    if (o->report) *o->report = NULL;
    if (actual.kind != ND_OPK_SCALAR || desired.kind != ND_OPK_SCALAR) {
        /* an array on either side: assert_array_almost_equal(actual, desired, decimal) */
        char header[96];
        snprintf(header, sizeof header, "Arrays are not almost equal to %d decimals",
                 o->decimal);
        cmp_spec c = { CMP_ALMOST, 0, 0, true, true, header, o->err_msg, who, o->report,
                       o->decimal, o->decimal };
        return array_compare(actual, desired, &c);
    }
    nd_scalar a = actual.scalar, w = desired.scalar;
    bool ok;
    if (scalar_is_complex(a) || scalar_is_complex(w))
        ok = almost_real(scalar_part(a, 0), scalar_part(w, 0), o->decimal) &&
             almost_real(scalar_part(a, 1), scalar_part(w, 1), o->decimal);
    else
        ok = almost_real(a, w, o->decimal);
    if (ok) {
        nd_clear_error();
        return ND_OK;
    }
    char header[96];
    snprintf(header, sizeof header, "Arrays are not almost equal to %d decimals", o->decimal);
    return scalar_fail(a, w, o->err_msg, header, who, o->report);
}

/* A scalar or a one-element array as float(x); false (error set) otherwise. */
static bool as_float(nd_operand o, const char *who, nd_status *rc, double *out)
{
    nd_scalar s;
    if (o.kind == ND_OPK_SCALAR) {
        s = o.scalar;
    } else if (o.kind == ND_OPK_ARRAY && o.array) {
        if (nd_size(o.array) != 1) {
            *rc = nd_set_error(ND_EVALUE, "%s: only scalars or one-element arrays can be "
                               "converted to float (got %td elements)", who, nd_size(o.array));
            return false;
        }
        nd_array *one = nd_ravel(o.array);
        nd_status st = one ? nd_item(one, &s) : inner_error();
        nd_free(one);
        if (st < 0) {
            *rc = st;
            return false;
        }
    } else {
        *rc = nd_set_error(ND_EVALUE, "%s: %s", who, o.kind == ND_OPK_ARRAY ? "array is NULL"
                                                                            : "missing operand");
        return false;
    }
    if (scalar_is_complex(s)) {
        *rc = nd_set_error(ND_EDTYPE, "%s: can't convert complex to float", who);
        return false;
    }
    *out = nd_scalar_as_f64(s);
    return true;
}

nd_status nd_assert_approx_equal_(nd_operand actual, nd_operand desired, const nd_approx_opts *o)
{
    const char *who = "nd_assert_approx_equal";
    nd_approx_opts d = ND_APPROX_DEFAULTS;
    if (!o) o = &d;
    if (o->report) *o->report = NULL;
    nd_status rc = ND_OK;
    double x, y;
    if (!as_float(actual, who, &rc, &x) || !as_float(desired, who, &rc, &y)) return rc;
    if (y == x) goto pass;
    /* scale = 10**floor(log10(0.5 * (|desired| + |actual|))) */
    double scale = pow(10.0, floor(log10(0.5 * (fabs(y) + fabs(x)))));
    double sc_desired = y / scale, sc_actual = x / scale;
    bool ok;
    if (!(isfinite(y) && isfinite(x))) {
        if (isnan(y) || isnan(x)) ok = isnan(y) && isnan(x);
        else ok = y == x;
    } else {
        ok = !(fabs(sc_desired - sc_actual) >= pow(10.0, -(double)(o->significant - 1)));
    }
    if (ok) goto pass;
    char header[96];
    snprintf(header, sizeof header, "Items are not equal to %d significant digits:",
             o->significant);
    return scalar_fail(ND_F64(x), ND_F64(y), o->err_msg, header, who, o->report);
pass:
    nd_clear_error();
    return ND_OK;
}

/* assert_equal of two real scalars: NaN equals NaN, 0.0 and -0.0 differ. */
static bool equal_real(nd_scalar a, nd_scalar d)
{
    if (is_float_s(a) || is_float_s(d)) {
        double x = nd_scalar_as_f64(a), y = nd_scalar_as_f64(d);
        if (isnan(x) && isnan(y)) return true;
        if (x == 0 && y == 0) return (signbit(x) != 0) == (signbit(y) != 0);
        return x == y;
    }
    bool ua = is_uns_s(a), ud = is_uns_s(d);
    if (ua && ud) return a.v.u == d.v.u;
    if (!ua && !ud) return nd_scalar_as_i64(a) == nd_scalar_as_i64(d);
    if (ua && d.v.i >= 0) return a.v.u == (uint64_t)d.v.i;
    if (ud && a.v.i >= 0) return d.v.u == (uint64_t)a.v.i;
    return false; /* a negative and an unsigned value */
}

nd_status nd_assert_equal_(nd_operand actual, nd_operand desired, const nd_assert_opts *o)
{
    const char *who = "nd_assert_equal";
    nd_assert_opts d = ND_ASSERT_DEFAULTS;
    if (!o) o = &d;
    if (o->report) *o->report = NULL;
    if (actual.kind != ND_OPK_SCALAR || desired.kind != ND_OPK_SCALAR)
        return assert_exact(CMP_EQUAL, actual, desired, o, "Arrays are not equal", who);
    nd_scalar a = actual.scalar, w = desired.scalar;
    bool ok;
    if (scalar_is_complex(a) || scalar_is_complex(w))
        ok = equal_real(scalar_part(a, 0), scalar_part(w, 0)) &&
             equal_real(scalar_part(a, 1), scalar_part(w, 1));
    else
        ok = equal_real(a, w);
    if (ok) {
        nd_clear_error();
        return ND_OK;
    }
    return scalar_fail(a, w, o->err_msg, "Items are not equal:", who, o->report);
}
