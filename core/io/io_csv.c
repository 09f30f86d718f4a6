/* The delimited-text reader behind nd_loadtxt, nd_genfromtxt and nd_read_csv.
 *
 * One pass over the bytes in memory. Each row is split into fields by a small state
 * machine (RFC 4180 quoting: a quoted field may hold delimiters, line ends and doubled
 * quotes). Numeric cells are parsed in place: the number parser runs at the start of the
 * field and the field counts as numeric only when what follows is a delimiter, a line
 * end or a comment, so ordinary numbers are read with a single look at each byte.
 * Storage for the values is sized up front from the number of line ends, so the hot
 * loop never reallocates.
 *
 * Columns of a table start out numeric; the first cell that is neither a number nor a
 * missing-value token turns the column into text. If that happens after the first row,
 * the earlier cells of that column were not kept, so the pass runs once more with the
 * kinds now known (at most one extra pass, and only for such files). */
#include "io_internal.h"

#include <math.h>
#include <stdio.h>
#include <string.h>

#include "parallel.h"
#include <numc/threads.h>

enum { T_DELIM, T_EOL, T_JUNK, T_ERR };

typedef struct field {
    const char *s, *e; /* content: quotes removed, blanks trimmed */
    bool quoted, esc;  /* esc: holds doubled quotes to collapse */
} field;

typedef struct reader {
    const char *p, *end;
    ptrdiff_t line;
    char delim;               /* ' ' → runs of blanks */
    int quote;                /* quote character, or -1 */
    const char *comment;
    size_t ncomment;
    unsigned char special[256]; /* bytes that end an unquoted field */
    ptrdiff_t quote_line;     /* where an unterminated quoted field began */
} reader;

static void set_delim(reader *r, char d)
{
    r->delim = d;
    memset(r->special, 0, sizeof r->special);
    r->special['\n'] = r->special['\r'] = 1;
    if (d == ' ') r->special[' '] = r->special['\t'] = 1;
    else r->special[(unsigned char)d] = 1;
    if (r->ncomment) r->special[(unsigned char)r->comment[0]] = 1;
}

static inline bool blank(const reader *r, char c) { return (c == ' ' || c == '\t') && c != r->delim; }

static inline bool at_comment(const reader *r, const char *p)
{
    return r->ncomment && (size_t)(r->end - p) >= r->ncomment && *p == r->comment[0] &&
           memcmp(p, r->comment, r->ncomment) == 0;
}

static inline void eat_eol(reader *r)
{
    if (*r->p == '\r' && r->p + 1 < r->end && r->p[1] == '\n') r->p += 2;
    else r->p++;
    r->line++;
}

static void skip_line(reader *r)
{
    while (r->p < r->end && *r->p != '\n' && *r->p != '\r') r->p++;
    if (r->p < r->end) eat_eol(r);
}

/* Go to the next row that has content; false at the end of the data. */
static bool next_row(reader *r)
{
    for (;;) {
        const char *s = r->p;
        while (s < r->end && (*s == ' ' || *s == '\t')) s++;
        if (s >= r->end) {
            r->p = r->end;
            return false;
        }
        if (*s == '\n' || *s == '\r' || at_comment(r, s)) {
            r->p = s;
            skip_line(r);
            continue;
        }
        if (r->delim == ' ') r->p = s; /* otherwise a leading tab may be an empty field */
        return true;
    }
}

static ptrdiff_t count_line_ends(const char *s, const char *e)
{
    ptrdiff_t n = 0;
    for (; s < e; s++)
        if (*s == '\n' || (*s == '\r' && !(s + 1 < e && s[1] == '\n'))) n++;
    return n;
}

/* Occurrences of byte ch in [s, e). Blocks of 255 x 16 bytes are counted in 16 byte-wide
 * counters (at most 255 each, so they cannot wrap), which compilers turn into one vector
 * compare and subtract per 16 bytes: about six times the speed of eight bytes at a time
 * in a word. */
static ptrdiff_t count_byte(const char *s, const char *e, char ch)
{
    const unsigned char *u = (const unsigned char *)s, c = (unsigned char)ch;
    size_t len = (size_t)(e - s);
    ptrdiff_t n = 0;
    while (len >= 255 * 16) {
        unsigned char acc[16] = { 0 };
        for (size_t j = 0; j < 255; j++)
            for (int k = 0; k < 16; k++) acc[k] = (unsigned char)(acc[k] + (u[j * 16 + k] == c));
        for (int k = 0; k < 16; k++) n += acc[k];
        u += 255 * 16;
        len -= 255 * 16;
    }
    for (size_t i = 0; i < len; i++) n += u[i] == c;
    return n;
}

/* Upper bound of the rows in [s, e): line ends + 1. */
static ptrdiff_t max_rows_in(const char *s, const char *e)
{
    ptrdiff_t n = count_byte(s, e, '\n') + 1;
    if (memchr(s, '\r', (size_t)(e - s))) n += count_byte(s, e, '\r');
    return n;
}

/* At r->p, a line end, or a comment with the rest of its line, is eaten (true); anything
 * else is left (false). */
static bool eat_line_end(reader *r)
{
    if (*r->p == '\n' || *r->p == '\r') eat_eol(r);
    else if (at_comment(r, r->p)) skip_line(r);
    else return false;
    return true;
}

/* After a field's content: what ends it. */
static int finish(reader *r)
{
    const char *p = r->p, *end = r->end;
    if (r->delim == ' ') {
        const char *s = p;
        while (s < end && (*s == ' ' || *s == '\t')) s++;
        r->p = s;
        if (s >= end || eat_line_end(r)) return T_EOL;
        if (s == p) {
            r->p = p;
            return T_JUNK;
        }
        return T_DELIM;
    }
    while (p < end && blank(r, *p)) p++;
    r->p = p;
    if (p >= end) return T_EOL;
    if (*p == r->delim) {
        r->p = p + 1;
        return T_DELIM;
    }
    return eat_line_end(r) ? T_EOL : T_JUNK;
}

static int scan_field(reader *r, field *f)
{
    const char *p = r->p, *end = r->end;
    f->quoted = f->esc = false;
    while (p < end && blank(r, *p)) p++;
    if (r->quote >= 0 && p < end && (unsigned char)*p == r->quote) {
        const char *s = p + 1;
        r->quote_line = r->line;
        for (;;) {
            const char *q = memchr(s, r->quote, (size_t)(end - s));
            if (!q) return T_ERR;
            r->line += count_line_ends(s, q);
            if (q + 1 < end && (unsigned char)q[1] == r->quote) {
                f->esc = true;
                s = q + 2;
                continue;
            }
            f->s = p + 1;
            f->e = q;
            f->quoted = true;
            r->p = q + 1;
            return finish(r);
        }
    }
    const char *s = p;
    for (;;) {
        while (p < end && !r->special[(unsigned char)*p]) p++;
        /* A comment's first byte that does not start the whole comment string. */
        if (p < end && r->ncomment && *p == r->comment[0] && *p != r->delim && *p != '\n' &&
            *p != '\r' && !(r->delim == ' ' && (*p == ' ' || *p == '\t')) && !at_comment(r, p)) {
            p++;
            continue;
        }
        break;
    }
    const char *e = p;
    while (e > s && (e[-1] == ' ' || e[-1] == '\t') && e[-1] != r->delim) e--;
    f->s = s;
    f->e = e;
    r->p = p;
    return finish(r);
}

/* ---- the parse ---------------------------------------------------------------------- */

typedef struct col_state {
    int sel;         /* output column, -1 when not selected */
} col_state;

typedef struct ctx {
    const char *who, *name;
    const nd_csv_opts *o;
    nd__csv_mode mode;
    reader r;
    int nfile;               /* columns in the file */
    col_state *cs;           /* nfile */
    nd__csv_result *res;
    size_t itemsize;
    ptrdiff_t rowcap;        /* rows the data can hold at most (line ends + 1, max_rows) */
    ptrdiff_t alloc_rows;    /* rows the value buffers have room for now */
    char fill[16];           /* the fill value as one element of res->dtype */
    bool auto_kind;          /* TABLE without .numeric: columns may turn to text */
    bool rerun;              /* a column turned to text after row 0 */
    ptrdiff_t nmissing, nragged, first_missing_line;
    const char *const *missing;
    int nmissing_tokens;
    bool numeric_tokens;     /* a missing token is itself a number ("-999") */
    const char *stop;        /* a chunk of the parallel pass: no row starts here or after */
    bool chunk;              /* ... and a column cannot turn to text (par_read falls back) */
} ctx;

static const char *const default_missing[] = { "NA", "N/A", "n/a", "NULL", "null", "None",
                                               "#N/A", "<NA>" };

static bool is_missing(const ctx *c, const field *f)
{
    size_t n = (size_t)(f->e - f->s);
    if (n == 0) return true;
    for (int i = 0; i < c->nmissing_tokens; i++)
        if (c->missing[i] && strlen(c->missing[i]) == n && memcmp(c->missing[i], f->s, n) == 0)
            return true;
    return false;
}

static char *col_desc(const ctx *c, int k, char *buf, size_t cap)
{
    if (c->res && c->o && k < c->nfile && c->cs[k].sel >= 0 &&
        c->res->cols[c->cs[k].sel].name && !(c->res->cols[c->cs[k].sel].name[0] >= '0' &&
                                              c->res->cols[c->cs[k].sel].name[0] <= '9'))
        snprintf(buf, cap, "column %d ('%.60s')", k + 1, c->res->cols[c->cs[k].sel].name);
    else
        snprintf(buf, cap, "column %d", k + 1);
    return buf;
}

static nd_status grow_text(ctx *c, nd__csv_col *col, size_t need)
{
    if (need > SIZE_MAX - col->tlen) return nd_set_error(ND_ENOMEM, "%s: text column too large", c->who);
    return nd__buf_reserve(&col->tbuf, col->tlen, &col->tcap, col->tlen + need, 4096, c->who);
}

static nd_status add_text(ctx *c, nd__csv_col *col, ptrdiff_t row, const field *f)
{
    if (!col->toff) {
        col->toff = nd_calloc((size_t)c->alloc_rows + 1, sizeof *col->toff, c->who);
        if (!col->toff) return ND_ENOMEM;
    }
    size_t n = f ? (size_t)(f->e - f->s) : 0;
    if (grow_text(c, col, n + 1) < 0) return ND_ENOMEM;
    char *d = col->tbuf + col->tlen;
    col->toff[row] = col->tlen;
    if (f && f->esc) {
        for (const char *s = f->s; s < f->e; s++) {
            *d++ = *s;
            if ((unsigned char)*s == c->r.quote && s + 1 < f->e) s++;
        }
    } else if (n) {
        memcpy(d, f->s, n);
        d += n;
    }
    *d++ = '\0';
    col->tlen = (size_t)(d - col->tbuf);
    return ND_OK;
}

static inline char *slot(ctx *c, int k, ptrdiff_t row)
{
    nd__csv_result *res = c->res;
    if (res->matrix) return res->matrix + ((size_t)row * (size_t)res->ncols + (size_t)k) * c->itemsize;
    return res->cols[k].data + (size_t)row * c->itemsize;
}

/* Fill output cell (row, k). `missing`: the cell was empty, a missing token or padding
 * (not unparsable text), which .missing reports, as genfromtxt(usemask=True) masks. */
static nd_status fill_cell(ctx *c, int k, ptrdiff_t row, ptrdiff_t line, bool missing)
{
    nd__csv_col *col = &c->res->cols[k];
    if (!col->text) {
        memcpy(slot(c, k, row), c->fill, c->itemsize);
        if (missing && c->res->missing)
            c->res->missing[(size_t)row * (size_t)c->res->ncols + (size_t)k] = 1;
        col->nmissing++;
        c->nmissing++;
        if (!c->first_missing_line) c->first_missing_line = line;
    }
    if (col->toff) return add_text(c, col, row, NULL);
    return ND_OK;
}

/* A cell of output column k whose content is not a plain number (or was quoted). */
static nd_status slow_cell(ctx *c, int k, int filecol, ptrdiff_t row, const field *f,
                           ptrdiff_t line)
{
    nd__csv_col *col = &c->res->cols[k];
    if (col->text) return col->toff ? add_text(c, col, row, f) : ND_OK;
    if (c->numeric_tokens && is_missing(c, f)) return fill_cell(c, k, row, line, true);
    if (!f->esc && nd__parse_cell(f->s, f->e, c->res->dtype, slot(c, k, row))) {
        if (col->toff) return add_text(c, col, row, f);
        return ND_OK;
    }
    if (c->auto_kind && !is_missing(c, f)) {
        if (c->chunk) return ND_EPARSE; /* the serial pass keeps the earlier cells */
        col->text = true;
        nd_free_mem(col->data);
        col->data = NULL;
        if (row == 0) return add_text(c, col, row, f);
        c->rerun = true; /* earlier cells of this column were not kept */
        return ND_OK;
    }
    bool strict = c->mode == ND__CSV_LOADTXT || (c->o->invalid_raise && !is_missing(c, f));
    if (strict) {
        char cd[96];
        return nd_set_error(ND_EPARSE, "%s: %s: line %td, %s: cannot parse '%.*s' as %s", c->who,
                         c->name, line, col_desc(c, filecol, cd, sizeof cd),
                         (int)(f->e - f->s > 60 ? 60 : f->e - f->s), f->s,
                         nd_dtype_name(c->res->dtype));
    }
    nd_status s = fill_cell(c, k, row, line, is_missing(c, f));
    if (s == ND_OK && col->toff) { /* keep the original text, not "" */
        col->tlen = col->toff[row];
        s = add_text(c, col, row, f);
    }
    return s;
}

/* Copy a buffer of `used` bytes into a new one of exactly `cap` bytes. */
static nd_status regrow(void *p, size_t used, size_t cap, const char *who)
{
    size_t have = 0; /* from zero, the new capacity is `first`, i.e. cap */
    return nd__buf_reserve(p, used, &have, cap, cap, who);
}

/* Double the room for rows (up to the row bound); `row` rows are in use. */
static nd_status grow_rows(ctx *c, ptrdiff_t row)
{
    ptrdiff_t want = c->alloc_rows > c->rowcap / 2 ? c->rowcap : 2 * c->alloc_rows;
    size_t rows = (size_t)want + 1;
    nd__csv_result *res = c->res;
    if (res->matrix) {
        size_t per = (size_t)res->ncols * c->itemsize;
        if (per && rows > SIZE_MAX / per) return nd_set_error(ND_ENOMEM, "%s: too many values", c->who);
        if (regrow(&res->matrix, (size_t)row * per, rows * per, c->who) < 0) return ND_ENOMEM;
        if (res->missing) {
            size_t used = (size_t)row * (size_t)res->ncols, cap = rows * (size_t)res->ncols;
            if (regrow(&res->missing, used, cap, c->who) < 0) return ND_ENOMEM;
            memset(res->missing + used, 0, cap - used);
        }
    }
    for (int k = 0; k < res->ncols; k++) {
        nd__csv_col *col = &res->cols[k];
        if (col->data && regrow(&col->data, (size_t)row * c->itemsize, rows * c->itemsize, c->who) < 0)
            return ND_ENOMEM;
        if (col->toff && regrow(&col->toff, (size_t)row * sizeof *col->toff,
                                rows * sizeof *col->toff, c->who) < 0)
            return ND_ENOMEM;
    }
    c->alloc_rows = want;
    return ND_OK;
}

static nd_status field_error(ctx *c, int term, int k)
{
    char cd[96];
    if (term == T_ERR)
        return nd_set_error(ND_EPARSE, "%s: %s: line %td, column %d: quoted field never closed "
                         "(the quote opens on line %td)", c->who, c->name, c->r.quote_line,
                         k + 1, c->r.quote_line);
    return nd_set_error(ND_EPARSE, "%s: %s: line %td, %s: unexpected character '%c' after a "
                     "closing quote", c->who, c->name, c->r.line,
                     col_desc(c, k, cd, sizeof cd), *c->r.p);
}

/* One pass over the data rows starting at c->r. */
static nd_status run_pass(ctx *c)
{
    reader *r = &c->r;
    nd__csv_result *res = c->res;
    const bool fast_f64 = res->dtype == ND_FLOAT64;
    ptrdiff_t row = 0;
    while (row < c->rowcap && (!c->stop || r->p < c->stop) && next_row(r)) {
        if (row == c->alloc_rows && grow_rows(c, row) < 0) return ND_ENOMEM;
        ptrdiff_t line = r->line;
        int k = 0;
        for (;; k++) {
            int sel = k < c->nfile ? c->cs[k].sel : -1;
            int term;
            if (sel >= 0 && fast_f64 && !res->cols[sel].text) {
                const char *s = r->p, *start;
                while (s < r->end && blank(r, *s)) s++;
                start = s;
                double v;
                const char *q = nd__parse_f64(s, r->end, &v);
                if (q) {
                    const char *save = r->p;
                    /* The usual ends of a number, as finish() reads them: the delimiter
                     * right after it, or '\n'. */
                    if (q < r->end && *q == r->delim && r->delim != ' ') {
                        r->p = q + 1;
                        term = T_DELIM;
                    } else if (q < r->end && *q == '\n') {
                        r->p = q + 1;
                        r->line++;
                        term = T_EOL;
                    } else {
                        r->p = q;
                        term = finish(r);
                    }
                    if (term != T_JUNK && c->numeric_tokens &&
                        is_missing(c, &(field){ start, q, false, false })) {
                        if (fill_cell(c, sel, row, line, true) < 0) return ND_ENOMEM;
                        if (term == T_EOL) break;
                        continue;
                    }
                    if (term != T_JUNK) {
                        memcpy(slot(c, sel, row), &v, sizeof v);
                        if (res->cols[sel].toff) {
                            field f = { start, q, false, false };
                            if (add_text(c, &res->cols[sel], row, &f) < 0) return ND_ENOMEM;
                        }
                        if (term == T_EOL) break;
                        continue;
                    }
                    r->p = save;
                }
            }
            field f;
            term = scan_field(r, &f);
            if (term == T_ERR || term == T_JUNK) return field_error(c, term, k);
            if (sel >= 0) {
                nd_status s = slow_cell(c, sel, k, row, &f, line);
                if (s < 0) return s;
            }
            if (term == T_EOL) break;
        }
        int nf = k + 1;
        if (nf != c->nfile) {
            if (!c->o->ragged_fill)
                return nd_set_error(ND_EPARSE, "%s: %s: line %td: expected %d fields, found %d",
                                 c->who, c->name, line, c->nfile, nf);
            c->nragged++;
            for (int j = nf; j < c->nfile; j++)
                if (c->cs[j].sel >= 0 && fill_cell(c, c->cs[j].sel, row, line, true) < 0)
                    return ND_ENOMEM;
        }
        row++;
    }
    res->nrows = row;
    return ND_OK;
}

/* ---- detection ------------------------------------------------------------------------ */

/* Fields of the row at r (consumed). -1 on a quoting error, with *term and *col set. */
static int row_fields(reader *r, field *out, int max, int *term, int *col)
{
    int n = 0;
    for (;;) {
        field f;
        int t = scan_field(r, &f);
        if (t == T_ERR || t == T_JUNK) {
            if (term) *term = t;
            if (col) *col = n;
            return -1;
        }
        if (out && n < max) out[n] = f;
        if (n == INT32_MAX / 2) return -1;
        n++;
        if (t == T_EOL) return n;
    }
}

static char detect_delimiter(const reader *base)
{
    static const char cands[] = { ',', '\t', ';', ' ' };
    int best = -1, best_multi = 0;
    for (int i = 0; i < 4; i++) {
        reader r = *base;
        set_delim(&r, cands[i]);
        int first = -1, rows = 0, multi = 0;
        bool consistent = true;
        while (rows < 50 && next_row(&r)) {
            int nf = row_fields(&r, NULL, 0, NULL, NULL);
            if (nf < 0) {
                consistent = false;
                break;
            }
            if (first < 0) first = nf;
            else if (nf != first) consistent = false;
            if (nf >= 2) multi++;
            rows++;
        }
        if (consistent && first >= 2) return cands[i];
        if (multi > best_multi) {
            best_multi = multi;
            best = i;
        }
    }
    return best >= 0 ? cands[best] : ',';
}

static bool looks_numeric(const field *f)
{
    double v;
    const char *q = nd__parse_f64(f->s, f->e, &v);
    if (q == f->e) return true;
    double re, im;
    q = nd__parse_c128(f->s, f->e, &re, &im);
    return q == f->e && f->e - f->s > 1;
}

/* ---- setup ----------------------------------------------------------------------------- */

static nd_status fill_value(ctx *c)
{
    nd_dtype dt = c->res->dtype;
    double v = c->o->filling_value ? *c->o->filling_value
                                   : (nd_dtype_is_integer(dt) || dt == ND_BOOL ? -1.0 : NAN);
    memset(c->fill, 0, sizeof c->fill);
    if (dt == ND_FLOAT64 || dt == ND_COMPLEX128) memcpy(c->fill, &v, sizeof v);
    else if (dt == ND_FLOAT32 || dt == ND_COMPLEX64) {
        float f = (float)v;
        memcpy(c->fill, &f, sizeof f);
    } else {
        if (isnan(v) || v < -9.3e18 || v > 1.8e19)
            return nd_set_error(ND_EVALUE, "%s: filling value %g does not fit %s", c->who, v,
                             nd_dtype_name(dt));
        nd_cast_strided(c->fill, dt, 0, &v, ND_FLOAT64, 0, 1);
    }
    return ND_OK;
}

static char *dup_span(const char *s, const char *e, bool esc, int quote, const char *who)
{
    char *d = nd_malloc((size_t)(e - s) + 1, who);
    if (!d) return NULL;
    char *o = d;
    for (; s < e; s++) {
        *o++ = *s;
        if (esc && (unsigned char)*s == quote && s + 1 < e) s++;
    }
    *o = '\0';
    return d;
}

static nd_status select_columns(ctx *c, char **names, bool header)
{
    const nd_csv_opts *o = c->o;
    int nsel = c->nfile;
    for (int k = 0; k < c->nfile; k++) c->cs[k].sel = -1;
    if (o->nusecols > 0 && o->nusenames > 0)
        return nd_set_error(ND_EVALUE, "%s: give usecols or usenames, not both", c->who);
    if (o->nusecols > 0) {
        nsel = o->nusecols;
        for (int i = 0; i < nsel; i++) {
            int k = o->usecols[i];
            if (k < -c->nfile || k >= c->nfile)
                return nd_set_error(ND_EINDEX, "%s: %s: usecols index %d is out of range for %d "
                                 "columns", c->who, c->name, k, c->nfile);
            if (k < 0) k += c->nfile;
            if (c->cs[k].sel >= 0)
                return nd_set_error(ND_EVALUE, "%s: usecols lists column %d twice", c->who, k);
            c->cs[k].sel = i;
        }
    } else if (o->nusenames > 0) {
        nsel = o->nusenames;
        for (int i = 0; i < nsel; i++) {
            int k = 0;
            while (k < c->nfile && strcmp(names[k], o->usenames[i] ? o->usenames[i] : "") != 0) k++;
            if (k == c->nfile)
                return nd_set_error(ND_EINDEX, "%s: %s: no column named '%s'%s", c->who, c->name,
                                 o->usenames[i] ? o->usenames[i] : "(null)",
                                 header ? "" : " (the file has no header row)");
            if (c->cs[k].sel >= 0)
                return nd_set_error(ND_EVALUE, "%s: usenames lists '%s' twice", c->who, names[k]);
            c->cs[k].sel = i;
        }
    } else {
        for (int k = 0; k < c->nfile; k++) c->cs[k].sel = k;
    }
    c->res->ncols = nsel;
    c->res->cols = nd_calloc((size_t)nsel, sizeof *c->res->cols, c->who);
    if (!c->res->cols) return ND_ENOMEM;
    for (int k = 0; k < c->nfile; k++)
        if (c->cs[k].sel >= 0) {
            c->res->cols[c->cs[k].sel].name = names[k];
            names[k] = NULL;
        }
    return ND_OK;
}

static nd_status alloc_values(ctx *c)
{
    nd__csv_result *res = c->res;
    size_t rows = (size_t)c->alloc_rows + 1;
    if (c->mode != ND__CSV_TABLE) {
        size_t per = (size_t)res->ncols * c->itemsize;
        if (per && rows > SIZE_MAX / per)
            return nd_set_error(ND_ENOMEM, "%s: %s: too many values", c->who, c->name);
        res->matrix = nd_malloc(rows * per, c->who);
        if (!res->matrix) return ND_ENOMEM;
        if (c->o->missing && res->ncols) { /* per cell flags (1 byte) fit where values do */
            res->missing = nd_calloc(rows, (size_t)res->ncols, c->who);
            if (!res->missing) return ND_ENOMEM;
        }
        return ND_OK;
    }
    for (int k = 0; k < res->ncols; k++) {
        nd__csv_col *col = &res->cols[k];
        if (!col->text) {
            if (rows > SIZE_MAX / c->itemsize)
                return nd_set_error(ND_ENOMEM, "%s: %s: too many values", c->who, c->name);
            col->data = nd_malloc(rows * c->itemsize, c->who);
            if (!col->data) return ND_ENOMEM;
        }
        if (col->text || c->o->keep_text) {
            col->toff = nd_calloc(rows, sizeof *col->toff, c->who);
            if (!col->toff) return ND_ENOMEM;
        }
    }
    return ND_OK;
}

/* Give back the unused tail of the value buffers when the row bound was far too high
 * (many comment or blank lines). */
static nd_status shrink(ctx *c, char **data, size_t rowbytes)
{
    size_t used = (size_t)c->res->nrows * rowbytes, cap = ((size_t)c->alloc_rows + 1) * rowbytes;
    if (!*data || cap - used < 65536 || used > cap / 2) return ND_OK;
    char *nb = nd_malloc(used ? used : 1, c->who);
    if (!nb) return ND_ENOMEM;
    memcpy(nb, *data, used);
    nd_free_mem(*data);
    *data = nb;
    return ND_OK;
}

static void reset_values(ctx *c)
{
    for (int k = 0; k < c->res->ncols; k++) {
        nd__csv_col *col = &c->res->cols[k];
        nd_free_mem(col->data);
        nd_free_mem(col->tbuf);
        nd_free_mem(col->toff);
        col->data = col->tbuf = NULL;
        col->toff = NULL;
        col->tlen = col->tcap = 0;
        col->nmissing = 0;
    }
    c->nmissing = c->nragged = c->first_missing_line = 0;
}

void nd__csv_result_free(nd__csv_result *r)
{
    if (!r) return;
    for (int k = 0; k < r->ncols && r->cols; k++) {
        nd_free_mem(r->cols[k].name);
        nd_free_mem(r->cols[k].data);
        nd_free_mem(r->cols[k].tbuf);
        nd_free_mem(r->cols[k].toff);
    }
    nd_free_mem(r->cols);
    nd_free_mem(r->matrix);
    nd_free_mem(r->missing);
    memset(r, 0, sizeof *r);
}

static nd_status check_opts(const nd_csv_opts *o, const char *who)
{
    char d = o->delimiter;
    if (d == '\n' || d == '\r' || (o->quote > 0 && d == o->quote))
        return nd_set_error(ND_EVALUE, "%s: delimiter %d cannot be a line end or the quote", who, d);
    if (o->quote == ' ' || o->quote == '\t' || o->quote == '\n' || o->quote == '\r')
        return nd_set_error(ND_EVALUE, "%s: quote character %d cannot be a blank or line end", who,
                         o->quote);
    if (o->comments && o->comments[0] &&
        ((d && o->comments[0] == d) || o->comments[0] == (o->quote ? o->quote : '"') ||
         o->comments[0] == '\n' || o->comments[0] == '\r'))
        return nd_set_error(ND_EVALUE, "%s: comments '%s' cannot start with the delimiter, the "
                         "quote or a line end", who, o->comments);
    if (o->skiprows < 0 || o->max_rows < 0 || o->nusecols < 0 || o->nusenames < 0 ||
        o->nmissing_values < 0 || (o->nusecols && !o->usecols) || (o->nusenames && !o->usenames))
        return nd_set_error(ND_EVALUE, "%s: negative count or missing list in the options", who);
    if (o->dtype && !nd_dtype_is_numeric(o->dtype))
        return nd_set_error(ND_EDTYPE, "%s: invalid dtype %d", who, o->dtype);
    if (o->ndmin < 0 || o->ndmin > 2)
        return nd_set_error(ND_EVALUE, "%s: ndmin must be 0, 1 or 2, not %d", who, o->ndmin);
    return ND_OK;
}

/* The context's settings from the options: result dtype, missing-value tokens, fill. */
static nd_status init_ctx(ctx *c)
{
    const nd_csv_opts *o = c->o;
    nd__csv_result *res = c->res;
    res->dtype = o->dtype ? (nd_dtype)o->dtype : ND_FLOAT64;
    c->itemsize = nd_dtype_size(res->dtype);
    c->auto_kind = c->mode == ND__CSV_TABLE && !o->numeric;
    c->missing = o->missing_values ? o->missing_values : default_missing;
    const int ndefault = (int)(sizeof default_missing / sizeof *default_missing);
    c->nmissing_tokens = o->missing_values ? o->nmissing_values : ndefault;
    for (int i = 0; i < c->nmissing_tokens; i++) {
        const char *tok = c->missing[i];
        if (tok && *tok && nd__parse_cell(tok, tok + strlen(tok), ND_COMPLEX128, (double[2]){ 0 }))
            c->numeric_tokens = true;
    }
    return fill_value(c);
}

/* Point the reader at buf[0, n) past a byte-order mark and `skiprows` lines, and choose
 * the delimiter. ND_EPARSE when no data row follows. */
static nd_status open_reader(ctx *c, const char *buf, size_t n)
{
    const nd_csv_opts *o = c->o;
    reader *r = &c->r;
    r->p = buf;
    r->end = buf + n;
    r->line = 1;
    r->quote = o->quote < 0 ? -1 : o->quote ? (unsigned char)o->quote : '"';
    r->comment = o->comments ? o->comments : "#";
    r->ncomment = strlen(r->comment);
    if (n >= 3 && memcmp(buf, "\xEF\xBB\xBF", 3) == 0) r->p += 3;
    for (ptrdiff_t i = 0; i < o->skiprows && r->p < r->end; i++) skip_line(r);

    set_delim(r, ',');
    reader probe = *r;
    if (!next_row(&probe))
        return nd_set_error(ND_EPARSE, "%s: %s: %s", c->who, c->name,
                            n == 0 ? "empty file" : "no data (only blank or comment lines)");
    set_delim(r, o->delimiter ? o->delimiter : detect_delimiter(r));
    return ND_OK;
}

/* Whether the first row's fields hdr[0..nf) are a header (.header < 0: never, > 0:
 * always, 0: when no unquoted field is a number and some field is text). */
static bool is_header(const ctx *c, const field *hdr, int nf)
{
    if (c->o->header != 0) return c->o->header > 0;
    bool any_number = false, any_text = false;
    for (int k = 0; k < nf; k++) {
        if (!hdr[k].quoted && looks_numeric(&hdr[k])) any_number = true;
        else if (hdr[k].e > hdr[k].s && !is_missing(c, &hdr[k])) any_text = true;
    }
    return !any_number && any_text;
}

/* The first row decides the number of columns (c->nfile) and whether it is a header;
 * the columns get their names (the header's, or their indices) and are selected. The
 * reader is left at the first data row. *hdr and *names (nfile entries) are the
 * caller's to free, also on failure. */
static nd_status read_header(ctx *c, field **hdr, char ***names, bool *header)
{
    reader *r = &c->r;
    reader probe = *r;
    next_row(&probe);
    ptrdiff_t first_line = probe.line;
    reader cnt = probe;
    int eterm = 0, ecol = 0;
    int nf = row_fields(&cnt, NULL, 0, &eterm, &ecol);
    if (nf < 0) {
        c->r = cnt;
        return field_error(c, eterm, ecol);
    }
    c->nfile = nf;
    *hdr = nd_calloc((size_t)nf, sizeof **hdr, c->who);
    *names = nd_calloc((size_t)nf, sizeof **names, c->who);
    c->cs = nd_calloc((size_t)nf, sizeof *c->cs, c->who);
    if (!*hdr || !*names || !c->cs) return ND_ENOMEM;
    cnt = probe;
    row_fields(&cnt, *hdr, nf, NULL, NULL);
    *header = is_header(c, *hdr, nf);
    for (int k = 0; k < nf; k++) {
        const field *h = &(*hdr)[k];
        char idx[16];
        snprintf(idx, sizeof idx, "%d", k);
        (*names)[k] = *header && h->e > h->s ? dup_span(h->s, h->e, h->esc, r->quote, c->who)
                                             : nd_strdup(idx, c->who);
        if (!(*names)[k]) return ND_ENOMEM;
    }
    if (*header) *r = cnt; /* data starts after the header row */
    if (!*header && c->o->nusenames > 0)
        return nd_set_error(ND_EVALUE, "%s: %s: usenames needs a header row, and the first "
                            "row (line %td) looks like data", c->who, c->name, first_line);
    return select_columns(c, *names, *header);
}

/* Read every data row into the value buffers (a second pass when a column turned to
 * text after its first row), then give back what the row bound over-allocated. */
/* ---- the parallel pass ---------------------------------------------------------------------
 * A large table of numbers is read in line-aligned chunks, one per thread, each by the same
 * run_pass as the serial read, into the shared column buffers at the chunk's own rows.
 * Chunk i ends where chunk i + 1 starts: after a '\n' near its share of the bytes (with
 * quotes, one where the quotes before it pair up). A chunk reads every row that starts
 * before its end, so the split is right when each chunk's last row ends exactly there;
 * chunk 0 starts where the serial pass does, so by induction every chunk then read the
 * rows the serial pass reads. Anything else (a split inside a quoted field, a column
 * turning to text, any error) discards the chunks and the serial pass runs, so results
 * and messages are the serial pass's. */
enum { PAR_MIN_BYTES = 1 << 20, PAR_MAX_CHUNKS = 64 };

static _Atomic long par_reads;

long nd__csv_parallel_reads(void) { return par_reads; }

typedef struct par_chunk {
    ctx c;                      /* the chunk's reader and settings */
    nd__csv_result res;         /* its view of the columns: data at row `base` */
    nd__csv_col *cols;
    const char *start, *stop;
    ptrdiff_t base, bound;      /* first row slot; rows it may hold (line ends, + 1 when
                                   the chunk does not end with '\n') */
    nd_status st;
    bool quoted;                /* the chunk holds the quote character */
} par_chunk;

typedef struct par_job {
    par_chunk *ch;
    int quote;
} par_job;

static void par_count(ptrdiff_t b, ptrdiff_t e, ptrdiff_t k, void *arg)
{
    (void)e;
    (void)k;
    par_job *job = arg;
    par_chunk *ch = &job->ch[b];
    ch->quoted = job->quote >= 0 && ch->stop > ch->start &&
                 memchr(ch->start, job->quote, (size_t)(ch->stop - ch->start)) != NULL;
    /* A chunk that ends after a '\n' (all but the last, unless no split was found) holds
     * rows that each end with one of its line ends: no "+ 1" (which would leave a row's
     * gap between the chunks). */
    ch->bound = ch->stop > ch->start
                    ? max_rows_in(ch->start, ch->stop) - (ch->stop[-1] == '\n') : 0;
}

static void par_parse(ptrdiff_t b, ptrdiff_t e, ptrdiff_t k, void *arg)
{
    (void)e;
    (void)k;
    par_chunk *ch = &((par_job *)arg)->ch[b];
    ch->st = ch->stop > ch->start ? run_pass(&ch->c) : ND_OK;
}

/* The first line start at or after p (within [p, end]) where the quotes since `from` pair
 * up; `parity` is the count of quotes in [from, p) mod 2. end when there is none. */
static const char *par_split(const char *p, const char *end, int quote, int parity)
{
    if (quote < 0) {
        const char *nl = memchr(p, '\n', (size_t)(end - p));
        return nl ? nl + 1 : end;
    }
    for (; p < end; p++) {
        if ((unsigned char)*p == quote) parity ^= 1;
        else if (*p == '\n' && !parity) return p + 1;
    }
    return end;
}

/* Split the data of r into n chunks: each ends after the first '\n' at or after its share
 * of the bytes, where (with `quotes`) the quotes since the data's start pair up. */
static void par_splits(const reader *r, par_chunk *ch, int n, bool quotes)
{
    size_t nbytes = (size_t)(r->end - r->p);
    const char *p = r->p;
    int parity = 0, quote = quotes ? r->quote : -1;
    for (int i = 0; i < n; i++) {
        ch[i].start = p;
        if (i == n - 1) {
            p = r->end;
        } else {
            const char *want = r->p + (size_t)((double)nbytes * (i + 1) / n);
            if (want < p) want = p;
            if (quote >= 0) parity ^= (int)(count_byte(p, want, (char)quote) & 1);
            const char *q = par_split(want, r->end, quote, parity);
            if (quote >= 0) parity ^= (int)(count_byte(want, q, (char)quote) & 1);
            p = q;
        }
        ch[i].stop = p;
    }
}

/* 1 when the rows were read in parallel, 0 when the serial pass must read them (nothing
 * kept), or a negative status. */
static int par_read(ctx *c)
{
    nd__csv_result *res = c->res;
    reader *r = &c->r;
    size_t nbytes = (size_t)(r->end - r->p);
    int nt = nd_get_num_threads();
    if (c->mode != ND__CSV_TABLE || c->o->keep_text || c->o->max_rows > 0 || nt < 2 ||
        nbytes < PAR_MIN_BYTES || res->ncols < 1)
        return 0;
    for (int k = 0; k < res->ncols; k++)
        if (res->cols[k].text) return 0;
    int n = nt < PAR_MAX_CHUNKS ? nt : PAR_MAX_CHUNKS;
    if ((size_t)n > nbytes / (PAR_MIN_BYTES / 2)) n = (int)(nbytes / (PAR_MIN_BYTES / 2));
    if (n < 2) return 0;
    par_chunk *ch = nd_calloc((size_t)n, sizeof *ch, c->who);
    nd__csv_col *cols = nd_calloc((size_t)n * (size_t)res->ncols, sizeof *cols, c->who);
    if (!ch || !cols) {
        nd_free_mem(ch);
        nd_free_mem(cols);
        return ND_ENOMEM;
    }
    /* Split at line ends first; when a chunk holds a quote, split again where the quotes
     * pair up (a serial count of the quotes, paid only by files that have them). */
    par_job job = { ch, r->quote };
    par_splits(r, ch, n, false);
    nd__parallel_for(n, 1, par_count, &job);
    bool quoted = false;
    for (int i = 0; i < n; i++) quoted |= ch[i].quoted;
    if (quoted) {
        par_splits(r, ch, n, true);
        nd__parallel_for(n, 1, par_count, &job);
    }
    ptrdiff_t total = 0;
    for (int i = 0; i < n; i++) {
        ch[i].base = total;
        total += ch[i].bound;
    }
    c->rowcap = c->alloc_rows = total;
    nd_status st = alloc_values(c);
    if (st < 0) {
        nd_free_mem(ch);
        nd_free_mem(cols);
        return st;
    }
    for (int i = 0; i < n; i++) {
        par_chunk *h = &ch[i];
        h->cols = cols + (size_t)i * (size_t)res->ncols;
        for (int k = 0; k < res->ncols; k++) {
            h->cols[k].data = res->cols[k].data + (size_t)h->base * c->itemsize;
            h->cols[k].name = res->cols[k].name;
        }
        h->res = *res;
        h->res.cols = h->cols;
        h->res.nrows = 0;
        h->c = *c;
        h->c.res = &h->res;
        h->c.r.p = h->start;
        h->c.r.line = 1; /* lines counted from the chunk's start */
        h->c.stop = i == n - 1 ? NULL : h->stop;
        h->c.chunk = true;
        h->c.rowcap = h->c.alloc_rows = h->bound;
        h->c.nmissing = h->c.nragged = h->c.first_missing_line = 0;
        h->c.rerun = false;
    }
    /* The chunk this thread reads may set an error the serial pass would not: keep the
     * caller's error state as it was. */
    nd_status ecode = nd_last_error();
    char emsg[1024];
    snprintf(emsg, sizeof emsg, "%s", nd_errmsg());
    nd__parallel_for(n, 1, par_parse, &job);
    if (nd_last_error() != ecode || strcmp(nd_errmsg(), emsg) != 0) {
        if (ecode == ND_OK) nd_clear_error();
        else nd_set_error(ecode, "%s", emsg);
    }
    bool ok = true;
    for (int i = 0; i < n && ok; i++)
        ok = ch[i].st >= 0 && (ch[i].stop == ch[i].start || ch[i].c.r.p == ch[i].stop);
    if (ok) {
        /* Close the gaps left by rows a chunk's bound counted but did not hold (blank and
         * comment lines), and add up the counts. */
        ptrdiff_t rows = 0, line = r->line;
        for (int i = 0; i < n; i++) {
            par_chunk *h = &ch[i];
            if (h->base != rows && h->res.nrows)
                for (int k = 0; k < res->ncols; k++)
                    memmove(res->cols[k].data + (size_t)rows * c->itemsize, h->cols[k].data,
                            (size_t)h->res.nrows * c->itemsize);
            for (int k = 0; k < res->ncols; k++) res->cols[k].nmissing += h->cols[k].nmissing;
            if (!c->first_missing_line && h->c.first_missing_line)
                c->first_missing_line = line + h->c.first_missing_line - 1;
            c->nmissing += h->c.nmissing;
            c->nragged += h->c.nragged;
            if (h->stop > h->start) line += h->c.r.line - 1;
            rows += h->res.nrows;
        }
        res->nrows = rows;
        par_reads++;
        r->p = r->end;
        r->line = line;
    } else {
        reset_values(c); /* the serial pass starts from nothing */
    }
    nd_free_mem(ch);
    nd_free_mem(cols);
    return ok ? 1 : 0;
}

/* The rows in one pass on this thread (two when a column turned to text). */
static nd_status serial_values(ctx *c)
{
    reader *r = &c->r;
    nd_status st;
    /* Rows can be no more than line ends + 1. */
    c->rowcap = max_rows_in(r->p, r->end);
    if (c->o->max_rows > 0 && c->o->max_rows < c->rowcap) c->rowcap = c->o->max_rows;
    /* Start from what the bytes can hold (a row of k fields takes about 2k bytes) and grow
     * if that was too little, so comment-heavy or ragged files do not over-allocate. */
    size_t fit = (size_t)(r->end - r->p) / (2 * (size_t)(c->nfile > 0 ? c->nfile : 1)) + 64;
    c->alloc_rows = (size_t)c->rowcap < fit ? c->rowcap : (ptrdiff_t)fit;
    reader start = *r;
    for (int pass = 0; pass < 2; pass++) {
        if ((st = alloc_values(c)) < 0) return st;
        c->rerun = false;
        *r = start;
        if ((st = run_pass(c)) < 0) return st;
        if (!c->rerun) break;
        reset_values(c);
    }
    return ND_OK;
}

static nd_status read_values(ctx *c)
{
    nd__csv_result *res = c->res;
    nd_status st;
    int par = par_read(c); /* 1: read by parallel chunks; 0: not (then one pass here) */
    if (par < 0) return (nd_status)par;
    if (!par && (st = serial_values(c)) < 0) return st;
    if (res->matrix && (st = shrink(c, &res->matrix, (size_t)res->ncols * c->itemsize)) < 0)
        return st;
    if (res->missing && (st = shrink(c, &res->missing, (size_t)res->ncols)) < 0) return st;
    for (int k = 0; k < res->ncols; k++)
        if ((st = shrink(c, &res->cols[k].data, c->itemsize)) < 0) return st;
    return ND_OK;
}

nd_status nd__csv_parse(const char *buf, size_t n, const nd_csv_opts *o, nd__csv_mode mode,
                        const char *who, const char *name, nd__csv_result *res,
                        nd_csv_stats *stats)
{
    static const nd_csv_opts defaults;
    if (!o) o = &defaults;
    memset(res, 0, sizeof *res);
    nd_status st = check_opts(o, who);
    if (st < 0) return st;
    ctx c = { .who = who, .name = name, .o = o, .mode = mode, .res = res };
    if ((st = init_ctx(&c)) < 0) return st;

    char **names = NULL;
    field *hdr = NULL;
    bool header = false;
    if ((st = open_reader(&c, buf, n)) >= 0 && (st = read_header(&c, &hdr, &names, &header)) >= 0)
        st = read_values(&c);
    if (st >= 0 && stats) {
        stats->nrows = res->nrows;
        stats->ncols = c.nfile;
        stats->delimiter = c.r.delim;
        stats->header = header;
        stats->nmissing = c.nmissing;
        stats->nragged = c.nragged;
        stats->first_missing_line = c.first_missing_line;
    }
    if (names)
        for (int k = 0; k < c.nfile; k++) nd_free_mem(names[k]);
    nd_free_mem(names);
    nd_free_mem(hdr);
    nd_free_mem(c.cs);
    if (st >= 0) return ND_OK;
    nd__csv_result_free(res);
    return st;
}
