/* numpy.format_float_positional / format_float_scientific (Dragon4's options: precision,
 * unique, fractional, trim, sign, pad_left, pad_right, exp_digits, min_digits).
 *
 * Unique digits come from print_float.c's shortest(); cuts and extensions are glibc's
 * exactly rounded %.Nf / %.Ne (round half to even on the exact binary value, as
 * Dragon4). In unique mode a cut drops the zeros it leaves ("2." for 1.999 at two
 * digits), except that a value cut to zero keeps its digits ("0.0"). */
#include "print_internal.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* Dragon4's output digits: d[0].d[1...] x 10^e (d on the heap, "0" for zero). */
typedef struct digits {
    char *d;
    int e;
} digits;

/* The exact decimal expansion of ax > 0 (glibc prints it exactly): digits without
 * trailing zeros and the exponent of the first. */
static char *exact_digits(double ax, int *e, const char *who)
{
    char *s = nd_malloc(840, who);
    if (!s) return NULL;
    snprintf(s, 840, "%.780e", ax);
    char *o = s, *p = s;
    for (; *p && *p != 'e'; p++)
        if (*p != '.') *o++ = *p;
    *e = atoi(p + 1);
    *o = 0;
    while (o > s + 1 && o[-1] == '0') *--o = 0;
    return s;
}

/* Round the exact digits F (exponent e) to k >= 1 digits, half to even, as Dragon4 at
 * its cutoff: digits it generated are kept (zeros too), a carry through nines drops them
 * ("1999" → "2", exponent unchanged; "999" → "1", exponent + 1). */
static char *round_digits(const char *F, int *e, int k, const char *who)
{
    size_t nF = strlen(F);
    char *t = nd_malloc((size_t)k + 2, who);
    if (!t) return NULL;
    for (int i = 0; i < k; i++) t[i] = (size_t)i < nF ? F[i] : '0';
    t[k] = 0;
    bool up = false;
    if ((size_t)k < nF) {
        char r = F[k];
        if (r > '5') up = true;
        else if (r == '5') up = strspn(F + k + 1, "0") < strlen(F + k + 1) || ((t[k - 1] - '0') & 1);
    }
    if (!up) return t;
    int i = k - 1;
    while (i >= 0 && t[i] == '9') t[i--] = 0;
    if (i < 0) {
        strcpy(t, "1");
        (*e)++;
    } else {
        t[i]++;
    }
    return t;
}

/* Dragon4(): unique (shortest, at least kmin digits, at most kmax) or exact digits (at
 * most kmax, fewer when the expansion ends). kmax / kmin < 0: none. `frac` cutoffs count
 * digits after the point (kmax may then fall above the first digit), else digits. */
static bool dragon4(double ax, bool f32, bool unique, bool frac, int cmax, int cmin, digits *g,
                    const char *who)
{
    g->d = NULL;
    if (ax == 0) {
        g->e = 0;
        g->d = nd_strdup("0", who);
        return g->d != NULL;
    }
    int E;
    char *F = exact_digits(ax, &E, who);
    if (!F) return false;
    int kmax = -1, kmin = -1;
    if (cmax >= 0) {
        kmax = frac ? E + cmax + 1 : cmax;
        if (kmax < 1) {
            /* the value is below the last digit asked for: one digit there, 0 or 1 */
            int c = -cmax;
            bool up = E == c - 1 && (F[0] > '5' || (F[0] == '5' && F[1]));
            nd_free_mem(F);
            g->e = c;
            g->d = nd_strdup(up ? "1" : "0", who);
            return g->d != NULL;
        }
    }
    if (cmin >= 0) kmin = frac ? E + cmin + 1 : cmin;
    int e = E;
    char *d = NULL;
    if (unique) {
        char S[32];
        int Es;
        nd__float_shortest(ax, f32, S, &Es);
        int n = (int)strlen(S), want = n;
        if (kmin > want) want = kmin;
        if (kmax >= 0 && kmax < want) want = kmax;
        if (want == n) {
            d = nd_strdup(S, who);
            e = Es;
        } else {
            d = round_digits(F, &e, want, who);
        }
    } else if (kmax < 0 || (int)strlen(F) <= kmax) {
        d = nd_strdup(F, who);
    } else {
        d = round_digits(F, &e, kmax, who);
    }
    nd_free_mem(F);
    g->d = d;
    g->e = e;
    return d != NULL;
}

typedef struct fopts {
    int precision, pad_left, pad_right, exp_digits, min_digits;   /* -1: None */
    bool unique, fractional, sign, f32;
    char trim;
} fopts;

/* The public 0 → None, ND_FMT_0 → 0 mapping, with NumPy's checks. */
static bool unpack(const nd_format_float_opts *o, bool sci, fopts *f, const char *who)
{
    const int in[5] = { o->precision, o->pad_left, o->pad_right, o->exp_digits, o->min_digits };
    static const char *const names[5] = { "precision", "pad_left", "pad_right", "exp_digits",
                                          "min_digits" };
    int out[5];
    for (int i = 0; i < 5; i++) {
        if (in[i] < ND_FMT_0) {
            nd_set_error(ND_EVALUE, "%s: %s = %d (0 for NumPy's None, ND_FMT_0 for 0, or > 0)",
                         who, names[i], in[i]);
            return false;
        }
        out[i] = in[i] == 0 ? -1 : in[i] == ND_FMT_0 ? 0 : in[i];
    }
    f->precision = out[0];
    f->pad_left = out[1];
    f->pad_right = out[2];
    f->exp_digits = out[3];
    f->min_digits = out[4];
    f->unique = !o->no_unique;
    f->fractional = !o->no_fractional;
    f->sign = o->sign;
    f->f32 = o->float32;
    f->trim = o->trim ? o->trim : 'k';
    if (!strchr("k.0-", f->trim) || !f->trim) {
        nd_set_error(ND_EVALUE, "%s: trim '%c' must be one of 'k', '.', '0' or '-'", who, f->trim);
        return false;
    }
    if (sci && (o->no_fractional || o->pad_right)) {
        nd_set_error(ND_EVALUE, "%s: fractional and pad_right apply to positional formatting only",
                     who);
        return false;
    }
    if (!f->unique && f->precision < 0) {
        nd_set_error(ND_EVALUE, "%s: in non-unique mode `precision` must be supplied", who);
        return false;
    }
    if (f->min_digits >= 0 && f->precision >= 0 && f->min_digits > f->precision) {
        nd_set_error(ND_EVALUE, "%s: min_digits = %d must be less than or equal to precision = %d",
                     who, f->min_digits, f->precision);
        return false;
    }
    if (!sci && !f->fractional && f->precision == 0) {
        nd_set_error(ND_EVALUE, "%s: precision must be greater than 0 if fractional=False", who);
        return false;
    }
    return true;
}

/* nan / inf: no padding; a sign on inf only. */
static char *special(double x, const fopts *f, const char *who)
{
    const char *s = isnan(x) ? "nan" : signbit(x) ? "-inf" : f->sign ? "+inf" : "inf";
    return nd_strdup(s, who);
}

static void trim_digits(char *fp, char trim)
{
    if (trim == 'k') return;
    size_t n = strlen(fp);
    while (n > 0 && fp[n - 1] == '0') fp[--n] = '\0';
    if (trim == '0' && n == 0) strcpy(fp, "0");
}

static void put_sign_pad(nd__strbuf *b, bool neg, bool plus, size_t body, int pad_left)
{
    char s = neg ? '-' : plus ? '+' : 0;
    if (pad_left >= 0) nd__sb_spaces(b, (ptrdiff_t)pad_left - (ptrdiff_t)(body + (s != 0)));
    if (s) nd__sb_putc(b, s);
}

static char *finish(nd__strbuf *b)
{
    if (b->failed) {
        nd_free_mem(b->p);
        return NULL;
    }
    return b->p;
}

char *nd_format_float_positional_(const nd_format_float_opts *o)
{
    const char *who = "nd_format_float_positional";
    if (!o) return ND_FAIL(ND_EVALUE, "%s: NULL options", who);
    fopts f;
    if (!unpack(o, false, &f, who)) return NULL;
    double x = f.f32 ? (double)(float)o->x : o->x;
    if (!isfinite(x)) return special(x, &f, who);
    bool neg = signbit(x) != 0;
    double ax = fabs(x);
    digits g;
    if (!dragon4(ax, f.f32, f.unique, f.fractional, f.precision, f.unique ? f.min_digits : -1, &g,
                 who))
        return NULL;
    /* integer part and fraction from digits d and exponent e */
    int n = (int)strlen(g.d);
    size_t cap = (size_t)n + (size_t)(g.e < 0 ? -g.e : g.e) + 4;
    char *ip = nd_malloc(cap, who), *fp = nd_malloc(cap, who);
    nd__strbuf b = { .who = who };
    if (!ip || !fp) goto done;
    if (g.e < 0) {
        strcpy(ip, "0");
        memset(fp, '0', (size_t)(-g.e - 1));
        strcpy(fp + (-g.e - 1), g.d);
    } else if (n > g.e + 1) {
        memcpy(ip, g.d, (size_t)g.e + 1);
        ip[g.e + 1] = '\0';
        strcpy(fp, g.d + g.e + 1);
    } else {
        strcpy(ip, g.d);
        memset(ip + n, '0', (size_t)(g.e + 1 - n));
        ip[g.e + 1] = '\0';
        fp[0] = '\0';
    }
    int whole = g.e >= 0 ? g.e + 1 : 1;
    int add = f.unique ? f.min_digits : f.precision;
    int desired = add < 0 ? 0 : add;
    if (!f.fractional) desired = add - whole;
    if (f.trim == 'k' && desired > (int)strlen(fp)) {
        size_t l = strlen(fp);
        char *fp2 = nd_malloc((size_t)desired + 1, who);
        if (!fp2) {
            nd_free_mem(ip);
            ip = NULL;
            goto done;
        }
        memcpy(fp2, fp, l);
        memset(fp2 + l, '0', (size_t)desired - l);
        fp2[desired] = 0;
        nd_free_mem(fp);
        fp = fp2;
    }
    trim_digits(fp, f.trim);
    size_t nf = strlen(fp);
    put_sign_pad(&b, neg, f.sign, strlen(ip), f.pad_left);
    nd__sb_puts(&b, ip);
    bool point = f.trim != '-' || nf > 0;
    if (point) nd__sb_putc(&b, '.');
    nd__sb_puts(&b, fp);
    if (f.pad_right >= 0 && f.pad_right >= (int)nf) {
        if (!point) nd__sb_putc(&b, ' ');
        nd__sb_spaces(&b, f.pad_right - (ptrdiff_t)nf);
    }
    if (!b.p && !b.failed) nd__sb_puts(&b, "");
done:
    nd_free_mem(ip);
    nd_free_mem(fp);
    nd_free_mem(g.d);
    if (!ip || !fp) {
        nd_free_mem(b.p);
        return NULL;
    }
    return finish(&b);
}

char *nd_format_float_scientific_(const nd_format_float_opts *o)
{
    const char *who = "nd_format_float_scientific";
    if (!o) return ND_FAIL(ND_EVALUE, "%s: NULL options", who);
    fopts f;
    if (!unpack(o, true, &f, who)) return NULL;
    double x = f.f32 ? (double)(float)o->x : o->x;
    if (!isfinite(x)) return special(x, &f, who);
    bool neg = signbit(x) != 0;
    double ax = fabs(x);
    digits g;
    if (!dragon4(ax, f.f32, f.unique, false, f.precision < 0 ? -1 : f.precision + 1,
                 f.unique && f.min_digits >= 0 ? f.min_digits + 1 : -1, &g, who))
        return NULL;
    int add = f.unique ? f.min_digits : f.precision;
    size_t nfr = strlen(g.d) - 1;
    if (f.trim == 'k' && add > (int)nfr) {
        char *d2 = nd_malloc((size_t)add + 2, who);
        if (!d2) {
            nd_free_mem(g.d);
            return NULL;
        }
        memcpy(d2, g.d, nfr + 1);
        memset(d2 + nfr + 1, '0', (size_t)add - nfr);
        d2[add + 1] = 0;
        nd_free_mem(g.d);
        g.d = d2;
    }
    {
        /* room for trim '0' to append a zero */
        size_t l = strlen(g.d);
        char *d2 = nd_malloc(l + 3, who);
        if (!d2) {
            nd_free_mem(g.d);
            return NULL;
        }
        memcpy(d2, g.d, l + 1);
        nd_free_mem(g.d);
        g.d = d2;
    }
    char *frac = g.d + 1;
    /* Dragon4 places the point when there are fraction digits before trimming, and
     * trim '-' drops only a point that had none */
    bool point = f.trim != '-' || *frac;
    trim_digits(frac, f.trim);
    nd__strbuf b = { .who = who };
    put_sign_pad(&b, neg, f.sign, 1, f.pad_left);
    nd__sb_putc(&b, g.d[0]);
    if (point) nd__sb_putc(&b, '.');
    nd__sb_puts(&b, frac);
    /* exponent digits without leading zeros (none for 0), padded to exp_digits */
    char e[16];
    int ae = g.e < 0 ? -g.e : g.e;
    int ne = ae ? snprintf(e, sizeof e, "%d", ae) : (e[0] = 0, 0);
    nd__sb_putc(&b, 'e');
    nd__sb_putc(&b, g.e < 0 ? '-' : '+');
    int want = f.exp_digits < 0 ? 2 : f.exp_digits > 5 ? 5 : f.exp_digits;
    for (; ne < want; ne++) nd__sb_putc(&b, '0');
    nd__sb_puts(&b, e);
    nd_free_mem(g.d);
    return finish(&b);
}

/* ---- scoped print options (np.printoptions context manager) ------------------------------ */
#define PO_DEPTH 32
static _Thread_local nd_printoptions po_saved[PO_DEPTH];
static _Thread_local int po_depth;

nd_status nd_printoptions_begin(const nd_printoptions *o)
{
    if (o && o->sign && o->sign != '-' && o->sign != '+' && o->sign != ' ')
        return nd_set_error(ND_EVALUE, "nd_printoptions_begin: sign '%c' must be '-', '+' or ' '",
                            o->sign);
    if (po_depth >= PO_DEPTH)
        return nd_set_error(ND_EVALUE, "nd_printoptions_begin: scopes nested deeper than %d",
                            PO_DEPTH);
    po_saved[po_depth++] = nd_get_printoptions();
    nd_set_printoptions(o);
    return ND_OK;
}

nd_status nd_printoptions_end(void)
{
    if (po_depth == 0)
        return nd_set_error(ND_EVALUE, "nd_printoptions_end: no open nd_printoptions_begin scope");
    nd_set_printoptions(&po_saved[--po_depth]);
    return ND_OK;
}
