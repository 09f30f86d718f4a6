/* Shared between core/print.c (array layout) and core/print_float.c (number text).
 * Not installed. */
#ifndef NUMC_PRINT_INTERNAL_H
#define NUMC_PRINT_INTERNAL_H

#include "internal.h"

/* The growing string nd__strbuf is numc's one (internal.h). */

/* NumPy's FloatingFormat (arrayprint.py, floatmode='maxprec', sign '-' or '+'):
 * fill it from every value that will be shown, then format values one at a time
 * so they line up in columns. */
typedef struct nd__floatfmt {
    bool f32;        /* values are float32: digits are the shortest that read back as float */
    bool sign_plus;  /* sign='+' (imaginary parts of complex numbers) */
    bool suppress;   /* no scientific notation for small values */
    bool exp_format; /* scientific notation */
    int precision;   /* max fraction digits; in scientific mode the digits every value gets */
    int min_digits;
    int pad_left, pad_right, exp_size;
    bool sign_space; /* sign=' ' */
    const char *nanstr, *infstr;
} nd__floatfmt;

ND_INTERNAL
void nd__floatfmt_init(nd__floatfmt *f, bool f32, bool sign_plus, int precision, bool suppress);
/* print options beyond the defaults: sign ('-', '+' or ' '; 0 keeps init's), nanstr and
 * infstr (NULL: "nan" / "inf"). Call before fill. */
ND_INTERNAL void nd__floatfmt_style(nd__floatfmt *f, char sign, const char *nanstr,
                                    const char *infstr);
/* Choose notation and column widths from the n values that will be printed. */
ND_INTERNAL void nd__floatfmt_fill(nd__floatfmt *f, const double *v, ptrdiff_t n);
/* Append one value formatted to the common width. */
ND_INTERNAL void nd__floatfmt_put(const nd__floatfmt *f, double x, nd__strbuf *out);

/* str() of a NumPy float scalar ("3.0", "0.1", "1e+20", "nan"); f32 selects float32
 * digits. sign_plus forces a '+' on non-negative values. */
ND_INTERNAL void nd__float_scalar_str(double x, bool f32, bool sign_plus, nd__strbuf *out);
/* str() of a NumPy complex scalar ("(1+2j)", "2j", "(nan+infj)"). */
ND_INTERNAL void nd__complex_scalar_str(double re, double im, bool f32, nd__strbuf *out);

/* Dragon4's unique digits of ax (finite, >= 0): D (32 bytes; no trailing zeros, "0"
 * for zero) and exponent E with ax = D[0].D[1...] x 10^E (print_float.c). */
ND_INTERNAL void nd__float_shortest(double ax, bool f32, char *D, int *E);

#endif
