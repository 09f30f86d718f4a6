/* numpy.poly1d as a C value (numc/poly.h): coefficients with leading zeros trimmed and
 * a variable name; arithmetic through the nd_poly* functions; str() as NumPy prints it. */
#include <complex.h>
#include <stdio.h>
#include <string.h>

#include <numc/array.h>
#include <numc/error.h>
#include <numc/poly.h>

#include "poly_internal.h"

struct nd_poly1d {
    nd_array *coeffs; /* 1-d, contiguous, never empty */
    char *variable;
};

static nd_status check(const nd_poly1d *p, const char *who)
{
    if (!p || !p->coeffs) return nd__poly_null(who);
    return ND_OK;
}

/* A poly1d owning c (trimmed here); c is freed on failure. */
static nd_poly1d *wrap(nd_array *c, const char *variable, const char *who)
{
    if (!c) return NULL;
    nd_array *t = nd__poly_trim(c, who);
    nd_free(c);
    if (!t) return NULL;
    nd_poly1d *p = nd_malloc(sizeof *p, who);
    char *v = p ? nd_strdup(variable ? variable : "x", who) : NULL;
    if (!v) {
        nd_free_mem(p);
        nd_free(t);
        return NULL;
    }
    p->coeffs = t;
    p->variable = v;
    return p;
}

nd_poly1d *nd_poly1d_new_(const nd_array *c_or_r, const nd_poly1d_opts *o)
{
    const char *who = "nd_poly1d_new";
    static const nd_poly1d_opts dflt = { 0, false, NULL };
    if (!o) o = &dflt;
    if (!c_or_r) return nd__poly_null(who), NULL;
    if (nd_ndim(c_or_r) > 1)
        return nd_set_error(ND_EVALUE, "%s: Polynomial must be 1d only.", who), NULL;
    nd_array *c = o->r ? nd_poly(c_or_r) : nd_ref(c_or_r);
    return wrap(c, o->variable, who);
}

void nd_poly1d_free(nd_poly1d *p)
{
    if (!p) return;
    nd_free(p->coeffs);
    nd_free_mem(p->variable);
    nd_free_mem(p);
}

nd_array *nd_poly1d_call_(const nd_poly1d *p, nd_operand x)
{
    if (check(p, "nd_poly1d_call") < 0) return NULL;
    return nd_polyval_(p->coeffs, x);
}

ptrdiff_t nd_poly1d_order(const nd_poly1d *p)
{
    if (check(p, "nd_poly1d_order") < 0) return -1;
    return nd_size(p->coeffs) - 1;
}

const char *nd_poly1d_variable(const nd_poly1d *p)
{
    if (check(p, "nd_poly1d_variable") < 0) return NULL;
    return p->variable;
}

nd_array *nd_poly1d_coeffs(const nd_poly1d *p)
{
    if (check(p, "nd_poly1d_coeffs") < 0) return NULL;
    return nd_copy(p->coeffs, ND_ORDER_C);
}

nd_array *nd_poly1d_roots(const nd_poly1d *p)
{
    if (check(p, "nd_poly1d_roots") < 0) return NULL;
    return nd_roots(p->coeffs);
}

nd_poly1d *nd_poly1d_deriv(const nd_poly1d *p, int m)
{
    const char *who = "nd_poly1d_deriv";
    if (check(p, who) < 0) return NULL;
    return wrap(nd_polyder(p->coeffs, .m = m), NULL, who);
}

nd_poly1d *nd_poly1d_integ(const nd_poly1d *p, int m, double k)
{
    const char *who = "nd_poly1d_integ";
    if (check(p, who) < 0) return NULL;
    return wrap(nd_polyint(p->coeffs, .m = m, .k = nd_op_f64(k)), NULL, who);
}

static nd_poly1d *binop(const nd_poly1d *p, const nd_poly1d *q, int op, const char *who)
{
    if (check(p, who) < 0 || check(q, who) < 0) return NULL;
    nd_array *c = op == 0   ? nd_polyadd(p->coeffs, q->coeffs)
                  : op == 1 ? nd_polysub(p->coeffs, q->coeffs)
                            : nd_polymul(p->coeffs, q->coeffs);
    return wrap(c, NULL, who);
}

nd_poly1d *nd_poly1d_add(const nd_poly1d *p, const nd_poly1d *q)
{
    return binop(p, q, 0, "nd_poly1d_add");
}

nd_poly1d *nd_poly1d_sub(const nd_poly1d *p, const nd_poly1d *q)
{
    return binop(p, q, 1, "nd_poly1d_sub");
}

nd_poly1d *nd_poly1d_mul(const nd_poly1d *p, const nd_poly1d *q)
{
    return binop(p, q, 2, "nd_poly1d_mul");
}

nd_status nd_poly1d_div(const nd_poly1d *p, const nd_poly1d *q, nd_poly1d **quot, nd_poly1d **rem)
{
    const char *who = "nd_poly1d_div";
    if (quot) *quot = NULL;
    if (rem) *rem = NULL;
    if (check(p, who) < 0 || check(q, who) < 0) return nd_last_error();
    if (!quot || !rem) return nd_set_error(ND_EVALUE, "%s: quot and rem must not be NULL", who);
    nd_array *qa = NULL, *ra = NULL;
    nd_status rc = nd_polydiv(p->coeffs, q->coeffs, &qa, &ra);
    if (rc < 0) return rc;
    *quot = wrap(qa, NULL, who);
    *rem = *quot ? wrap(ra, NULL, who) : (nd_free(ra), NULL);
    if (!*rem) {
        nd_poly1d_free(*quot);
        *quot = NULL;
        return nd_last_error() < 0 ? nd_last_error() : ND_ENOMEM;
    }
    return ND_OK;
}

/* ---- str ------------------------------------------------------------------------------------ */

typedef nd__strbuf sbuf;

/* Python's '%.4g' % q, with a trailing ".0000" removed (fmt_float). */
static void fmt_float(char *out, size_t cap, double q)
{
    snprintf(out, cap, "%.4g", q);
    size_t n = strlen(out);
    if (n >= 5 && strcmp(out + n - 5, ".0000") == 0) out[n - 5] = '\0';
}

/* numpy's _raise_power(astr, wrap=70). */
static void raise_power(sbuf *out, const char *astr)
{
    sbuf l1 = { 0 }, l2 = { 0 };
    nd__sb_puts(out, " ");
    nd__sb_puts(&l1, "");
    nd__sb_puts(&l2, "");
    size_t n = 0, len = strlen(astr);
    for (;;) {
        const char *m = strstr(astr + n, "**");
        if (!m) break;
        size_t s0 = (size_t)(m - astr), e = s0 + 2;
        while (e < len && astr[e] >= '0' && astr[e] <= '9') e++;
        const char *power = astr + s0 + 2;
        ptrdiff_t plen = (ptrdiff_t)(e - s0 - 2), partlen = (ptrdiff_t)(s0 - n);
        const char *part = astr + n;
        n = e;
        ptrdiff_t add2 = partlen + (plen - 1 > 0 ? plen - 1 : 0);
        ptrdiff_t add1 = (partlen - 1 > 0 ? partlen - 1 : 0) + plen;
        if ((ptrdiff_t)l2.len + add2 > 70 || (ptrdiff_t)l1.len + add1 > 70) {
            nd__sb_puts(out, l1.p ? l1.p : "");
            nd__sb_puts(out, "\n");
            nd__sb_puts(out, l2.p ? l2.p : "");
            nd__sb_puts(out, "\n ");
            l1.len = l2.len = 0;
            if (l1.p) l1.p[0] = '\0';
            if (l2.p) l2.p[0] = '\0';
        }
        nd__sb_putn(&l2, part, (size_t)partlen);
        nd__sb_spaces(&l2, plen - 1);
        nd__sb_spaces(&l1, partlen - 1);
        nd__sb_putn(&l1, power, (size_t)plen);
    }
    if (l1.failed || l2.failed) out->failed = true;
    nd__sb_puts(out, l1.p ? l1.p : "");
    nd__sb_puts(out, "\n");
    nd__sb_puts(out, l2.p ? l2.p : "");
    nd__sb_puts(out, astr + n);
    nd_free_mem(l1.p);
    nd_free_mem(l2.p);
}

char *nd_poly1d_str(const nd_poly1d *p)
{
    const char *who = "nd_poly1d_str";
    if (check(p, who) < 0) return NULL;
    const char *var = p->variable;
    ptrdiff_t n = nd_size(p->coeffs);
    double _Complex *c = nd__poly_buf(p->coeffs, ND_COMPLEX128, who);
    if (!c) return NULL;
    ptrdiff_t f = 0;
    while (f < n && c[f] == 0) f++;
    ptrdiff_t N = n - f - 1;
    sbuf s = { 0 }, out = { 0 };
    nd__sb_puts(&s, "0");
    size_t vlen = strlen(var);
    char *newstr = nd_malloc(vlen + 160, who);
    if (!newstr) s.failed = true;
    for (ptrdiff_t k = 0; newstr && k <= N; k++) {
        double re = creal(c[f + k]), im = cimag(c[f + k]);
        char coef[112], a[48], b[48]; /* "(a + bj)" fits */
        if (im == 0) {
            fmt_float(coef, sizeof coef, re);
        } else if (re == 0) {
            fmt_float(a, sizeof a, im);
            snprintf(coef, sizeof coef, "%sj", a);
        } else {
            fmt_float(a, sizeof a, re);
            fmt_float(b, sizeof b, im);
            snprintf(coef, sizeof coef, "(%s + %sj)", a, b);
        }
        ptrdiff_t power = N - k;
        bool zero = strcmp(coef, "0") == 0;
        if (power == 0) {
            snprintf(newstr, vlen + 160, "%s", !zero ? coef : k == 0 ? "0" : "");
        } else if (power == 1) {
            if (zero) newstr[0] = '\0';
            else if (strcmp(coef, "b") == 0) snprintf(newstr, vlen + 160, "%s", var);
            else snprintf(newstr, vlen + 160, "%s %s", coef, var);
        } else {
            if (zero) newstr[0] = '\0';
            else snprintf(newstr, vlen + 160, "%s %s**%td", coef, var, power);
        }
        if (k > 0) {
            if (newstr[0] != '\0') {
                if (newstr[0] == '-') {
                    nd__sb_puts(&s, " - ");
                    nd__sb_puts(&s, newstr + 1);
                } else {
                    nd__sb_puts(&s, " + ");
                    nd__sb_puts(&s, newstr);
                }
            }
        } else {
            s.len = 0;
            if (s.p) s.p[0] = '\0';
            nd__sb_puts(&s, newstr);
        }
    }
    nd_free_mem(newstr);
    nd_free_mem(c);
    if (!s.failed) raise_power(&out, s.p ? s.p : "");
    nd_free_mem(s.p);
    if (s.failed || out.failed) {
        nd_free_mem(out.p);
        nd_set_error(ND_ENOMEM, "%s: out of memory", who);
        return NULL;
    }
    return out.p;
}
