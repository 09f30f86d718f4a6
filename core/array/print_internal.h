/* Shared between core/print.c (array layout) and core/print_float.c (number text).
 * Not installed. */
#ifndef NUMC_PRINT_INTERNAL_H
#define NUMC_PRINT_INTERNAL_H

#include "internal.h"

/* A growing string. A failed allocation makes it sticky-failed (ND_ENOMEM is set once);
 * later appends are ignored, so callers check `failed` at the end only. */
typedef struct nd__strbuf {
    char *p;
    size_t len, cap;
    bool failed;
    const char *who; /* public function named in the out-of-memory message */
} nd__strbuf;

ND_INTERNAL void nd__sb_putn(nd__strbuf *b, const char *s, size_t n);
ND_INTERNAL void nd__sb_puts(nd__strbuf *b, const char *s);
ND_INTERNAL void nd__sb_putc(nd__strbuf *b, char c);
ND_INTERNAL void nd__sb_spaces(nd__strbuf *b, ptrdiff_t n); /* n <= 0 appends nothing */
ND_INTERNAL void nd__sb_release(nd__strbuf *b);

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
} nd__floatfmt;

ND_INTERNAL
void nd__floatfmt_init(nd__floatfmt *f, bool f32, bool sign_plus, int precision, bool suppress);
/* Choose notation and column widths from the n values that will be printed. */
ND_INTERNAL void nd__floatfmt_fill(nd__floatfmt *f, const double *v, ptrdiff_t n);
/* Append one value formatted to the common width. */
ND_INTERNAL void nd__floatfmt_put(const nd__floatfmt *f, double x, nd__strbuf *out);

/* str() of a NumPy float scalar ("3.0", "0.1", "1e+20", "nan"); f32 selects float32
 * digits. sign_plus forces a '+' on non-negative values. */
ND_INTERNAL void nd__float_scalar_str(double x, bool f32, bool sign_plus, nd__strbuf *out);
/* str() of a NumPy complex scalar ("(1+2j)", "2j", "(nan+infj)"). */
ND_INTERNAL void nd__complex_scalar_str(double re, double im, bool f32, nd__strbuf *out);

#endif
