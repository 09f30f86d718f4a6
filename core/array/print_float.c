/* Number text for printing: NumPy's float formatting (arrayprint.FloatingFormat and the
 * scalar str() of numpy.float64 / float32 / complex).
 *
 * NumPy's Dragon4 prints the shortest digits that read back to the same value
 * ("unique" mode), cut at `precision` digits where the exact binary value is rounded
 * half-even, and extended to `min_digits` by exact rounding too. We get the shortest
 * digits by asking printf for 1, 2, ... significant digits until strtod (strtof for
 * float32) reads the text back to the same value, and every cut or extension from
 * glibc's exactly rounded %.Nf / %.Ne. */
#include "print_internal.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* An exact decimal expansion of a double has < 1075 fraction digits and < 770
 * significant digits: asking printf for more only appends zeros, so requests are
 * capped there (the callers trim or never need those zeros). */
#define FRAC_CAP 1100
#define SIG_CAP 800
#define NUMBUF (FRAC_CAP + 340)

/* ---- growing strings --------------------------------------------------------------- */

static bool sb_reserve(nd__strbuf *b, size_t extra)
{
    if (b->failed) return false;
    if (b->len + extra + 1 <= b->cap) return true;
    if (extra > SIZE_MAX - b->len - 1 ||
        nd__buf_reserve(&b->p, b->len, &b->cap, b->len + extra + 1, 128, b->who ? b->who : "nd_repr") < 0) {
        b->failed = true;
        return false;
    }
    b->p[b->len] = '\0';
    return true;
}

void nd__sb_putn(nd__strbuf *b, const char *s, size_t n)
{
    if (!sb_reserve(b, n)) return;
    memcpy(b->p + b->len, s, n);
    b->len += n;
    b->p[b->len] = '\0';
}

void nd__sb_puts(nd__strbuf *b, const char *s) { nd__sb_putn(b, s, strlen(s)); }

void nd__sb_putc(nd__strbuf *b, char c) { nd__sb_putn(b, &c, 1); }

void nd__sb_spaces(nd__strbuf *b, ptrdiff_t n)
{
    if (n <= 0 || !sb_reserve(b, (size_t)n)) return;
    memset(b->p + b->len, ' ', (size_t)n);
    b->len += (size_t)n;
    b->p[b->len] = '\0';
}

void nd__sb_release(nd__strbuf *b)
{
    nd_free_mem(b->p);
    b->p = NULL;
    b->len = b->cap = 0;
}

/* ---- digits ----------------------------------------------------------------------- */

static bool reads_back(const char *s, double ax, bool f32)
{
    if (f32) return strtof(s, NULL) == (float)ax;
    return strtod(s, NULL) == ax;
}

/* Split printf's "%e" text ("d.ddde+XX" or "de+XX") into its digits and exponent. */
static void split_e(const char *s, char *digits, int *exp)
{
    size_t n = 0;
    for (; *s && *s != 'e'; s++)
        if (*s >= '0' && *s <= '9') digits[n++] = *s;
    digits[n] = '\0';
    *exp = *s == 'e' ? atoi(s + 1) : 0;
}

/* Add one unit in the last digit (digits stay the same count; 99 -> 10, exp + 1). */
static void bump(char *d, int *exp)
{
    size_t n = strlen(d);
    size_t i = n;
    while (i > 0 && d[i - 1] == '9') d[--i] = '0';
    if (i > 0) {
        d[i - 1]++;
    } else {
        d[0] = '1';
        (*exp)++;
    }
}

static void strip_zeros(char *d, size_t keep)
{
    size_t n = strlen(d);
    while (n > keep && d[n - 1] == '0') d[--n] = '\0';
}

/* Shortest digits D (no trailing zeros) and exponent E with ax = D[0].D[1...] x 10^E
 * that read back as ax (finite, >= 0). Dragon4's "unique" digits: the correctly
 * rounded p-digit decimal for the smallest p that reads back, except at a power of
 * two, where the gap below ax is half the gap above and the nearest p-digit decimal
 * may miss while the next one up still reads back. */
static void shortest(double ax, bool f32, char *D, int *E)
{
    if (ax == 0) {
        strcpy(D, "0");
        *E = 0;
        return;
    }
    int maxp = f32 ? 9 : 17;
    char s[64];
    for (int p = 1; p <= maxp; p++) {
        snprintf(s, sizeof s, "%.*e", p - 1, ax);
        split_e(s, D, E);
        if (reads_back(s, ax, f32)) break;
        if (p == maxp) break; /* cannot happen: 17 (9) digits always read back */
        bump(D, E);
        snprintf(s, sizeof s, "0.%se%d", D, *E + 1);
        if (reads_back(s, ax, f32)) break;
    }
    strip_zeros(D, 1);
}

/* Positional digits of ax >= 0: integer part ip, fraction fp (no sign, no point).
 * precision >= 0 cuts the fraction there; min_digits >= 0 extends the digits down to
 * that many fraction digits (both exactly rounded); -1 means no cut / no extension. */
static void pos_parts(double ax, bool f32, int precision, int min_digits, char *ip, char *fp)
{
    char D[32];
    int E;
    shortest(ax, f32, D, &E);
    size_t n = strlen(D);
    if (E < 0) {
        strcpy(ip, "0");
        memset(fp, '0', (size_t)(-E - 1));
        strcpy(fp + (-E - 1), D);
    } else if (n > (size_t)E + 1) {
        memcpy(ip, D, (size_t)E + 1);
        ip[E + 1] = '\0';
        strcpy(fp, D + E + 1);
    } else {
        strcpy(ip, D);
        memset(ip + n, '0', (size_t)E + 1 - n);
        ip[E + 1] = '\0';
        fp[0] = '\0';
    }
    /* Exponent of the last shortest digit: Dragon4 keeps generating exact digits down
     * to 10^-min_digits, so with min_digits = 0 a float32 66640568 prints as
     * "66640568." where the shortest digits alone give "66640570.". */
    int last = E - (int)n + 1;
    int flen = last < 0 ? -last : 0, want = -1;
    if (precision >= 0 && flen > precision) want = precision;
    else if (min_digits >= 0 && last > -min_digits) want = min_digits;
    if (want < 0) return;
    if (want > FRAC_CAP) want = FRAC_CAP;
    char buf[NUMBUF];
    snprintf(buf, sizeof buf, "%.*f", want, ax);
    char *dot = strchr(buf, '.');
    if (dot) {
        *dot = '\0';
        strcpy(fp, dot + 1);
    } else {
        fp[0] = '\0';
    }
    strcpy(ip, buf);
}

/* Scientific digits of ax >= 0: m = mantissa digits (m[0] before the point), *exp. */
static void sci_parts(double ax, bool f32, int precision, int min_digits, char *m, int *exp)
{
    shortest(ax, f32, m, exp);
    int flen = (int)strlen(m) - 1, want = -1;
    if (precision >= 0 && flen > precision) want = precision;
    else if (min_digits > flen) want = min_digits;
    if (want < 0) return;
    if (want > SIG_CAP) want = SIG_CAP;
    char buf[SIG_CAP + 16];
    snprintf(buf, sizeof buf, "%.*e", want, ax);
    split_e(buf, m, exp);
}

/* NumPy's trim modes: 'k' keep, '.' drop trailing zeros (keep the point),
 * '0' keep one zero after the point, '-' drop trailing zeros and the point. */
static void trim_frac(char *fp, char trim)
{
    if (trim == 'k') return;
    strip_zeros(fp, 0);
    if (trim == '0' && !*fp) strcpy(fp, "0");
}

static void put_sign_padded(nd__strbuf *out, bool neg, bool sign_plus, size_t body, int pad_left)
{
    char sign = neg ? '-' : sign_plus ? '+' : 0;
    nd__sb_spaces(out, (ptrdiff_t)pad_left - (ptrdiff_t)(body + (sign != 0)));
    if (sign) nd__sb_putc(out, sign);
}

static void put_positional(nd__strbuf *out, bool neg, bool sign_plus, const char *ip, char *fp,
                           char trim, int pad_left, int pad_right)
{
    trim_frac(fp, trim);
    put_sign_padded(out, neg, sign_plus, strlen(ip), pad_left);
    nd__sb_puts(out, ip);
    if (trim != '-' || *fp) nd__sb_putc(out, '.');
    nd__sb_puts(out, fp);
    nd__sb_spaces(out, (ptrdiff_t)pad_right - (ptrdiff_t)strlen(fp));
}

static int exp_digit_count(int e)
{
    int n = 1;
    for (e = e < 0 ? -e : e; e >= 10; e /= 10) n++;
    return n < 2 ? 2 : n;
}

static void put_scientific(nd__strbuf *out, bool neg, bool sign_plus, char *m, int exp, char trim,
                           int pad_left, int exp_digits)
{
    trim_frac(m + 1, trim);
    put_sign_padded(out, neg, sign_plus, 1, pad_left);
    nd__sb_putc(out, m[0]);
    if (trim != '-' || m[1]) nd__sb_putc(out, '.');
    nd__sb_puts(out, m + 1);
    char e[16];
    int n = snprintf(e, sizeof e, "%d", exp < 0 ? -exp : exp);
    nd__sb_putc(out, 'e');
    nd__sb_putc(out, exp < 0 ? '-' : '+');
    for (; n < exp_digits || n < 2; n++) nd__sb_putc(out, '0');
    nd__sb_puts(out, e);
}

/* ---- FloatingFormat ------------------------------------------------------------------ */

void nd__floatfmt_init(nd__floatfmt *f, bool f32, bool sign_plus, int precision, bool suppress)
{
    memset(f, 0, sizeof *f);
    f->f32 = f32;
    f->sign_plus = sign_plus;
    f->suppress = suppress;
    f->precision = precision;
    f->exp_size = -1;
    f->nanstr = "nan";
    f->infstr = "inf";
}

void nd__floatfmt_style(nd__floatfmt *f, char sign, const char *nanstr, const char *infstr)
{
    if (sign == '+') f->sign_plus = true;
    f->sign_space = sign == ' ';
    if (nanstr) f->nanstr = nanstr;
    if (infstr) f->infstr = infstr;
}

static int imax(int a, int b) { return a > b ? a : b; }

void nd__floatfmt_fill(nd__floatfmt *f, const double *v, ptrdiff_t n)
{
    bool any_finite = false, any_nonfinite = false, neg_inf = false, any_nonzero = false;
    double maxv = 0, minv = 0;
    for (ptrdiff_t i = 0; i < n; i++) {
        double x = v[i];
        if (!isfinite(x)) {
            any_nonfinite = true;
            if (isinf(x) && x < 0) neg_inf = true;
            continue;
        }
        any_finite = true;
        double ax = fabs(x);
        if (ax == 0) continue;
        if (!any_nonzero || ax > maxv) maxv = ax;
        if (!any_nonzero || ax < minv) minv = ax;
        any_nonzero = true;
    }
    f->exp_format = false;
    if (any_nonzero) {
        /* NumPy divides two scalars of the array's type, so float32 data get a
         * float32 ratio (which may overflow to inf). */
        bool ratio_big = f->f32 ? (float)maxv / (float)minv > 1000.0f : maxv / minv > 1000.0;
        if (maxv >= 1e8 || (!f->suppress && (minv < 1e-4 || ratio_big))) f->exp_format = true;
    }

    int pad_left = 0, pad_right = 0;
    if (!any_finite) {
        f->exp_size = -1;
        f->min_digits = 0;
    } else if (f->exp_format) {
        int max_frac = 0, max_exp = 0;
        char m[SIG_CAP + 16];
        for (ptrdiff_t i = 0; i < n; i++) {
            if (!isfinite(v[i])) continue;
            int e;
            sci_parts(fabs(v[i]), f->f32, f->precision, -1, m, &e);
            trim_frac(m + 1, '.');
            max_frac = imax(max_frac, (int)strlen(m + 1));
            max_exp = imax(max_exp, exp_digit_count(e));
            pad_left = imax(pad_left, 1 + (signbit(v[i]) || f->sign_plus));
        }
        f->exp_size = max_exp;
        f->precision = f->min_digits = max_frac;
        pad_right = f->exp_size + 2 + f->precision;
    } else {
        char ip[NUMBUF], fp[NUMBUF];
        for (ptrdiff_t i = 0; i < n; i++) {
            if (!isfinite(v[i])) continue;
            /* NumPy measures with min_digits unset and prints with min_digits 0 */
            pos_parts(fabs(v[i]), f->f32, f->precision, -1, ip, fp);
            trim_frac(fp, '.');
            pad_left = imax(pad_left, (int)strlen(ip) + (signbit(v[i]) || f->sign_plus));
            pad_right = imax(pad_right, (int)strlen(fp));
        }
        f->exp_size = -1;
        f->min_digits = 0;
    }
    if (f->sign_space) {
        /* sign=' ': a blank where a minus would go, unless some value has a sign */
        bool any_neg = false;
        for (ptrdiff_t i = 0; i < n; i++)
            if (isfinite(v[i]) && signbit(v[i])) any_neg = true;
        if (!any_neg) pad_left += 1;
    }
    if (any_nonfinite) {
        /* nanstr / infstr right-aligned in the column of the finite values. */
        int offset = pad_right + 1;
        int nanlen = (int)strlen(f->nanstr);
        int inflen = (int)strlen(f->infstr) + (f->sign_plus || f->sign_space || neg_inf);
        pad_left = imax(pad_left, imax(nanlen - offset, inflen - offset));
    }
    f->pad_left = pad_left;
    f->pad_right = pad_right;
}

void nd__floatfmt_put(const nd__floatfmt *f, double x, nd__strbuf *out)
{
    if (!isfinite(x)) {
        const char *sg = isnan(x) ? (f->sign_plus ? "+" : "") : x < 0 ? "-" : f->sign_plus ? "+" : "";
        const char *t = isnan(x) ? f->nanstr : f->infstr;
        nd__sb_spaces(out, (ptrdiff_t)(f->pad_left + f->pad_right + 1) -
                               (ptrdiff_t)(strlen(sg) + strlen(t)));
        nd__sb_puts(out, sg);
        nd__sb_puts(out, t);
        return;
    }
    if (f->exp_format) {
        char m[SIG_CAP + 16];
        int e;
        sci_parts(fabs(x), f->f32, f->precision, f->min_digits, m, &e);
        put_scientific(out, signbit(x), f->sign_plus, m, e, 'k', f->pad_left, f->exp_size);
    } else {
        char ip[NUMBUF], fp[NUMBUF];
        pos_parts(fabs(x), f->f32, f->precision, f->min_digits, ip, fp);
        put_positional(out, signbit(x), f->sign_plus, ip, fp, '.', f->pad_left, f->pad_right);
    }
}

/* ---- scalars -------------------------------------------------------------------------- */

/* NumPy's scalar repr/str rule (scalartypes.c): positional for 1e-4 <= |x| < 1e16 and
 * for zero, scientific otherwise, all shortest digits. */
static void scalar_either(double x, bool f32, char trim_pos, char trim_sci, bool sign_plus,
                          nd__strbuf *out)
{
    if (isnan(x)) {
        nd__sb_puts(out, sign_plus ? "+nan" : "nan");
        return;
    }
    if (isinf(x)) {
        nd__sb_puts(out, x < 0 ? "-inf" : sign_plus ? "+inf" : "inf");
        return;
    }
    double ax = fabs(x);
    if (ax == 0 || (ax < 1e16 && ax >= 1e-4)) {
        char ip[NUMBUF], fp[NUMBUF];
        pos_parts(ax, f32, -1, -1, ip, fp);
        put_positional(out, signbit(x), sign_plus, ip, fp, trim_pos, 0, 0);
    } else {
        char m[SIG_CAP + 16];
        int e;
        sci_parts(ax, f32, -1, -1, m, &e);
        put_scientific(out, signbit(x), sign_plus, m, e, trim_sci, 0, 2);
    }
}

void nd__float_scalar_str(double x, bool f32, bool sign_plus, nd__strbuf *out)
{
    scalar_either(x, f32, '0', '-', sign_plus, out);
}

void nd__complex_scalar_str(double re, double im, bool f32, nd__strbuf *out)
{
    if (re == 0 && !signbit(re)) {
        scalar_either(im, f32, '-', '-', false, out);
        nd__sb_putc(out, 'j');
        return;
    }
    nd__sb_putc(out, '(');
    if (isnan(re)) nd__sb_puts(out, "nan");
    else if (isinf(re)) nd__sb_puts(out, re > 0 ? "inf" : "-inf");
    else scalar_either(re, f32, '-', '-', false, out);
    if (isnan(im)) nd__sb_puts(out, "+nan");
    else if (isinf(im)) nd__sb_puts(out, im > 0 ? "+inf" : "-inf");
    else scalar_either(im, f32, '-', '-', true, out);
    nd__sb_puts(out, "j)");
}

void nd__float_shortest(double ax, bool f32, char *D, int *E) { shortest(ax, f32, D, E); }
