/* nd_savetxt: NumPy's savetxt. The user's fmt is parsed once into literal pieces and
 * printf conversions (only d i u o x X e E f F g G with flags, width and precision are
 * accepted, so a format string can never read arguments it was not given); each row is
 * formatted into a line buffer and written through a temporary file. */
#include "io_internal.h"
#include <numc/datetime.h>
#include <numc/strings.h>

#include <math.h>
#include <stdio.h>
#include <string.h>

typedef struct piece {
    char spec[24]; /* a printf conversion ("%.18e", "%5lld") or literal text if !conv */
    char conv;     /* 0 for literal text */
    const char *lit;
    size_t nlit;
} piece;

typedef struct rowfmt {
    piece *p;
    int n, nconv;
    char *text; /* the combined format the pieces point into */
} rowfmt;

static void rowfmt_free(rowfmt *r)
{
    nd_free_mem(r->p);
    nd_free_mem(r->text);
}

/* Append s to the growable string (*buf, *len, *cap); '%' doubled when `escape`. */
static nd_status sappend(char **buf, size_t *len, size_t *cap, const char *s, size_t n, bool escape,
                         const char *who)
{
    if (n > (SIZE_MAX - *len - 1) / 2) return nd_set_error(ND_ENOMEM, "%s: line too long", who);
    if (nd__buf_reserve(buf, *len, cap, *len + 2 * n + 1, 256, who) < 0) return ND_ENOMEM;
    for (size_t i = 0; i < n; i++) {
        (*buf)[(*len)++] = s[i];
        if (escape && s[i] == '%') (*buf)[(*len)++] = '%';
    }
    (*buf)[*len] = '\0';
    return ND_OK;
}

static nd_status parse_fmt(rowfmt *r, const char *fmt, const char *who)
{
    size_t n = strlen(fmt);
    r->p = nd_calloc(n + 1, sizeof *r->p, who);
    if (!r->p) return ND_ENOMEM;
    const char *s = fmt;
    while (*s) {
        piece *pc = &r->p[r->n];
        if (*s != '%' || s[1] == '%') {
            /* literal run; "%%" is one '%' (kept as a one-character piece) */
            if (*s == '%') {
                pc->lit = s;
                pc->nlit = 1;
                s += 2;
            } else {
                const char *e = s;
                while (*e && *e != '%') e++;
                pc->lit = s;
                pc->nlit = (size_t)(e - s);
                s = e;
            }
            r->n++;
            continue;
        }
        const char *start = s++;
        while (*s && strchr("-+ #0", *s)) s++;
        int digits = 0;
        while (*s >= '0' && *s <= '9') { s++; digits++; }
        if (*s == '.') {
            s++;
            while (*s >= '0' && *s <= '9') { s++; digits++; }
        }
        char c = *s;
        if (!c || !strchr("diouxXeEfFgG", c) || digits > 6)
            return nd_set_error(ND_EVALUE, "%s: unsupported conversion '%.*s' in fmt \"%s\" (use d i "
                             "u o x X e E f F g G with flags, width and precision)", who,
                             (int)(s - start + (c != 0)), start, fmt);
        size_t sl = (size_t)(s - start);
        if (sl + 4 > sizeof pc->spec)
            return nd_set_error(ND_EVALUE, "%s: conversion too long in fmt \"%s\"", who, fmt);
        memcpy(pc->spec, start, sl);
        if (strchr("diouxX", c)) {
            memcpy(pc->spec + sl, "ll", 2);
            sl += 2;
        }
        pc->spec[sl++] = c;
        pc->spec[sl] = '\0';
        pc->conv = c;
        r->n++;
        r->nconv++;
        s++;
    }
    return ND_OK;
}

/* Format one value with one conversion. */
static int format_value(char *out, size_t cap, const piece *pc, double d, bool is_int,
                        int64_t iv, bool is_u, uint64_t uv)
{
    if (strchr("diouxX", pc->conv)) {
        if (is_int) {
            if (is_u && strchr("di", pc->conv)) {
                char spec[24];
                memcpy(spec, pc->spec, sizeof spec);
                spec[strlen(spec) - 1] = 'u';
                return snprintf(out, cap, spec, (unsigned long long)uv);
            }
            return snprintf(out, cap, pc->spec, is_u ? (long long)uv : (long long)iv);
        }
        if (!isfinite(d)) return -1;
        return snprintf(out, cap, pc->spec, (long long)trunc(d));
    }
    return snprintf(out, cap, pc->spec, is_int ? (is_u ? (double)uv : (double)iv) : d);
}

static nd_status put(nd_file_writer *w, const char *s) { return nd_file_writer_write(w, s, strlen(s)); }

/* A header or footer: every line prefixed with `comments`, then `newline`. */
static nd_status write_commented(nd_file_writer *w, const char *text, const char *comments,
                                 const char *newline)
{
    if (!text || !text[0]) return ND_OK;
    nd_status st = put(w, comments);
    for (const char *h = text; *h && st == ND_OK; h++) {
        st = nd_file_writer_write(w, h, 1);
        if (*h == '\n' && st == ND_OK) st = put(w, comments);
    }
    return st < 0 ? st : put(w, newline);
}

/* The row format for `fmt`: with one conversion, fmt repeated for each of the ncols
 * columns and joined by delim (complex: " (fmt+fmtj)"); else fmt itself, which must then
 * hold one conversion per value. rf->text is the caller's to free (rowfmt_free), also
 * on failure. */
static nd_status make_row_format(rowfmt *rf, const char *fmt, const char *delim,
                                 ptrdiff_t ncols, bool cplx, const char *who)
{
    size_t tcap = 0, tlen = 0;
    nd_status st;
    /* Count conversions: one → repeated per column (complex: " (f+fj)"), else a row format. */
    rowfmt probe = { 0 };
    if ((st = parse_fmt(&probe, fmt, who)) < 0) {
        rowfmt_free(&probe);
        return st;
    }
    int nconv = probe.nconv;
    rowfmt_free(&probe);
    ptrdiff_t per_row = cplx ? 2 * ncols : ncols;
    if (nconv == 1) {
        for (ptrdiff_t j = 0; j < ncols; j++) {
            if (j && (st = sappend(&rf->text, &tlen, &tcap, delim, strlen(delim), true, who)) < 0)
                return st;
            if (cplx) {
                if ((st = sappend(&rf->text, &tlen, &tcap, " (", 2, false, who)) < 0 ||
                    (st = sappend(&rf->text, &tlen, &tcap, fmt, strlen(fmt), false, who)) < 0 ||
                    (st = sappend(&rf->text, &tlen, &tcap, "+", 1, false, who)) < 0 ||
                    (st = sappend(&rf->text, &tlen, &tcap, fmt, strlen(fmt), false, who)) < 0 ||
                    (st = sappend(&rf->text, &tlen, &tcap, "j)", 2, false, who)) < 0)
                    return st;
            } else if ((st = sappend(&rf->text, &tlen, &tcap, fmt, strlen(fmt), false, who)) < 0) {
                return st;
            }
        }
        if (!rf->text && (st = sappend(&rf->text, &tlen, &tcap, "", 0, false, who)) < 0)
            return st;
    } else if (nconv == per_row) {
        if ((st = sappend(&rf->text, &tlen, &tcap, fmt, strlen(fmt), false, who)) < 0) return st;
    } else {
        return nd_set_error(ND_EVALUE, "%s: fmt \"%s\" has %d conversions; give 1 or %td (one "
                            "per %s)", who, fmt, nconv, per_row,
                            cplx ? "real and imaginary part" : "column");
    }
    return parse_fmt(rf, rf->text, who);
}

/* The elements savetxt writes: a C-contiguous 2-D (or 1-D: one column) array. */
typedef struct rowsrc {
    const char *data;
    nd_dtype dt;
    size_t isz;
    ptrdiff_t ncols;
    bool cplx, is_int, is_u;
} rowsrc;

/* Row i of src formatted with rf into *line (*llen bytes, *lcap allocated); NumPy writes
 * "1+-2j" as "1-2j". */
static nd_status format_row(const rowfmt *rf, const rowsrc *src, ptrdiff_t i, char **line,
                            size_t *llen, size_t *lcap, const char *who)
{
    nd_status st;
    const nd_dtype dt = src->dt;
    *llen = 0;
    int vi = 0;
    for (int k = 0; k < rf->n; k++) {
        const piece *pc = &rf->p[k];
        if (!pc->conv) {
            if ((st = sappend(line, llen, lcap, pc->lit, pc->nlit, false, who)) < 0) return st;
            continue;
        }
        ptrdiff_t col = src->cplx ? vi / 2 : vi;
        const char *el = src->data + ((size_t)i * (size_t)src->ncols + (size_t)col) * src->isz;
        double d = 0;
        int64_t iv = 0;
        uint64_t uv = 0;
        if (src->cplx) {
            if (dt == ND_COMPLEX128) memcpy(&d, el + (vi % 2) * 8, 8);
            else {
                float f;
                memcpy(&f, el + (vi % 2) * 4, 4);
                d = f;
            }
        } else if (src->is_u) {
            nd_cast_strided(&uv, ND_UINT64, 0, el, dt, 0, 1);
        } else if (src->is_int) {
            nd_cast_strided(&iv, ND_INT64, 0, el, dt, 0, 1);
        } else {
            nd_cast_strided(&d, ND_FLOAT64, 0, el, dt, 0, 1);
        }
        char buf[512];
        int w = format_value(buf, sizeof buf, pc, d, src->is_int, iv, src->is_u, uv);
        if (w < 0)
            return nd_set_error(ND_EVALUE, "%s: row %td: cannot format %g with '%s'", who, i, d,
                                pc->spec);
        if ((size_t)w >= sizeof buf) w = (int)sizeof buf - 1;
        if ((st = sappend(line, llen, lcap, buf, (size_t)w, false, who)) < 0) return st;
        vi++;
    }
    if (src->cplx) { /* NumPy writes "1+-2j" as "1-2j" */
        size_t out = 0;
        for (size_t k = 0; k < *llen; k++) {
            if ((*line)[k] == '+' && k + 1 < *llen && (*line)[k + 1] == '-') continue;
            (*line)[out++] = (*line)[k];
        }
        *llen = out;
    }
    return ND_OK;
}

/* Whether fmt has a conversion other than %s (and %%): Python's fmt % row needs numbers then. */
static bool fmt_has_numeric_conv(const char *fmt)
{
    for (const char *s = fmt; *s; s++) {
        if (*s != '%') continue;
        if (s[1] == '%') {
            s++;
            continue;
        }
        for (s++; *s && strchr("-+ #0123456789.", *s); s++) {}
        if (*s != 's') return true;
        if (!*s) break;
    }
    return false;
}

nd_status nd_savetxt_(const char *path, const nd_savetxt_opts *o)
{
    const char *who = "nd_savetxt";
    if (!o || !o->array) return nd_set_error(ND_EVALUE, "%s: array is NULL", who);
    const nd_array *a = o->array;
    int ndim = nd_ndim(a);
    if (ndim < 1 || ndim > 2)
        return nd_set_error(ND_ESHAPE, "%s: expected a 1-D or 2-D array, got %d-D", who, ndim);
    nd_dtype dt = nd_dtype_of(a);
    bool cplx = nd_dtype_is_complex(dt);
    ptrdiff_t nrows = nd_shape(a)[0], ncols = ndim == 2 ? nd_shape(a)[1] : 1;
    const char *fmt = o->fmt ? o->fmt : "%.18e";
    const char *delim = o->delimiter ? o->delimiter : " ";
    const char *newline = o->newline ? o->newline : "\n";
    const char *comments = o->comments ? o->comments : "# ";

    rowfmt rf = { 0 };
    nd_file_writer *w = NULL;
    nd_array *c = NULL;
    char *line = NULL;
    size_t llen = 0, lcap = 0;
    nd_status st;

    /* dates and durations: NumPy formats str() of each element (ISO text, "5 days", NaT), so
     * they take the string path as that text; a numeric conversion is NumPy's mismatch */
    if (nd_dtype_is_datetime(dt) || nd_dtype_is_timedelta(dt)) {
        if (!o->fmt || fmt_has_numeric_conv(o->fmt))
            return nd_set_error(ND_EDTYPE, "%s: Mismatch between array dtype ('%s') and format "
                                "specifier ('%s'): give .fmt = \"%%s\"", who, nd_dtype_name(dt), fmt);
        enum { W = ND_DATETIME_STRLEN + 2 };
        c = nd_ascontiguousarray(a);
        size_t n = c ? (size_t)nd_size(c) : 0;
        char *texts = c ? nd_malloc(n * W + 1, who) : NULL;
        const char **ptrs = texts ? nd_malloc((n + 1) * sizeof *ptrs, who) : NULL;
        nd_array *u = NULL;
        if (ptrs) {
            for (size_t k = 0; k < n; k++) {
                nd__dt_elem_text((const char *)nd_data(c) + 8 * k, dt, false, texts + k * W);
                ptrs[k] = texts + k * W;
            }
            u = nd_str_array_nd(ndim, nd_shape(a), ptrs, ND_STR_OF(0));
        }
        nd_savetxt_opts as_text = *o;
        as_text.array = u;
        st = u ? nd_savetxt_(path, &as_text) : nd_last_error();
        nd_free(u);
        nd_free_mem(ptrs);
        nd_free_mem(texts);
        nd_free(c);
        return st;
    }
    /* string arrays (core/strings): the rows through fmt's %s, as NumPy's fmt % tuple(row) */
    if (nd_dtype_is_string(dt)) {
        if (!o->fmt)
            return nd_set_error(ND_EDTYPE, "%s: Mismatch between array dtype ('%s') and format "
                                "specifier ('%%.18e'): give .fmt = \"%%s\"", who, nd_dtype_name(dt));
        nd__strbuf row = { .who = who }, rowfmt = { .who = who };
        size_t nconv = 0; /* NumPy counts the '%' characters */
        for (const char *q = fmt; *q; q++) nconv += *q == '%';
        for (ptrdiff_t j = 0; j < (nconv == 1 ? ncols : 1); j++) {
            if (j) nd__sb_puts(&rowfmt, delim);
            nd__sb_puts(&rowfmt, fmt);
        }
        if (!rowfmt.p) nd__sb_putn(&rowfmt, "", 0);
        if (rowfmt.failed) return ND_ENOMEM;
        c = nd_ascontiguousarray(a);
        w = c ? nd_file_writer_open(path, who) : NULL;
        st = w ? write_commented(w, o->header, comments, newline) : nd_last_error();
        for (ptrdiff_t i = 0; i < nrows && st == ND_OK; i++) {
            row.len = 0;
            st = nd__str_format_row(rowfmt.p, (const char *)nd_data(c) + i * ncols * (ptrdiff_t)nd_itemsize(c),
                                    (ptrdiff_t)nd_itemsize(c), ncols, dt, &row, who);
            if (st == ND_OK && row.len) st = nd_file_writer_write(w, row.p, row.len);
            if (st == ND_OK) st = put(w, newline);
        }
        if (st == ND_OK) st = write_commented(w, o->footer, comments, newline);
        if (st == ND_OK) st = nd_file_writer_commit(w);
        else if (w) nd_file_writer_abort(w);
        nd__sb_release(&row);
        nd__sb_release(&rowfmt);
        nd_free(c);
        return st;
    }
    if (nd__need_numeric(dt, who) < 0) return nd_last_error(); /* the numeric row formats */
    if ((st = make_row_format(&rf, fmt, delim, ncols, cplx, who)) < 0) goto done;
    c = nd_ascontiguousarray(a);
    if (!c) {
        st = nd_last_error();
        goto done;
    }
    if (!(w = nd_file_writer_open(path, who))) {
        st = nd_last_error();
        goto done;
    }
    if ((st = write_commented(w, o->header, comments, newline)) < 0) goto fail;
    const rowsrc src = {
        .data = nd_data(c), .dt = dt, .isz = nd_dtype_size(dt), .ncols = ncols, .cplx = cplx,
        .is_int = nd_dtype_is_integer(dt) || dt == ND_BOOL,
        .is_u = dt == ND_UINT8 || dt == ND_UINT16 || dt == ND_UINT32 || dt == ND_UINT64,
    };
    for (ptrdiff_t i = 0; i < nrows; i++) {
        if ((st = format_row(&rf, &src, i, &line, &llen, &lcap, who)) < 0) goto fail;
        if ((st = nd_file_writer_write(w, line, llen)) < 0 || (st = put(w, newline)) < 0)
            goto fail;
    }
    if ((st = write_commented(w, o->footer, comments, newline)) < 0) goto fail;
    st = nd_file_writer_commit(w);
    goto done;
fail:
    nd_file_writer_abort(w);
done:
    nd_free(c);
    nd_free_mem(line);
    rowfmt_free(&rf);
    return st;
}
