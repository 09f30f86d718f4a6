/* Front ends of the text reader: nd_loadtxt, nd_genfromtxt and the nd_table type. */
#include "io_internal.h"
#include "print_internal.h"

#include <numc/datetime.h>

#include <math.h>
#include <stdlib.h>
#include <string.h>

struct nd_table {
    nd__csv_result r;
    nd_array **arrays;        /* per column: the numeric values, NULL for text columns */
    const char *const *index; /* row labels (nd_table_describe), NULL: 0, 1, 2 ... */
    bool *date;               /* per column: arrays[k] holds datetime64 values */
};

static void free_numc_buffer(void *data, void *ctx)
{
    (void)ctx;
    nd_free_mem(data);
}

/* An array that owns a buffer from nd_malloc (freed with the array). */
static nd_array *adopt(char **data, int ndim, const ptrdiff_t *shape, nd_dtype dt)
{
    nd_array *a = nd_wrap(*data, ndim, shape, NULL, dt, free_numc_buffer, NULL);
    if (a) *data = NULL;
    return a;
}

static const char *buffer_name(const nd_csv_opts *o)
{
    return o && o->path ? o->path : "<buffer>";
}

/* NumPy's _ensure_ndmin_ndarray: squeeze when ndim > ndmin, then pad up to ndmin. */
static nd_array *shape_like_loadtxt(nd__csv_result *res, int ndmin, const char *who)
{
    ptrdiff_t rc[2] = { res->nrows, res->ncols };
    if (!res->matrix) { /* no columns selected */
        res->matrix = nd_malloc(1, who);
        if (!res->matrix) return NULL;
    }
    nd_array *a = adopt(&res->matrix, 2, rc, res->dtype);
    if (!a) return NULL;
    ptrdiff_t shape[2];
    int nd = 0;
    if (2 > ndmin) {
        for (int i = 0; i < 2; i++)
            if (rc[i] != 1) shape[nd++] = rc[i];
    } else {
        return a;
    }
    if (nd < ndmin) { /* ndmin == 1 and a single element */
        shape[0] = 1;
        nd = 1;
    }
    nd_array *b = nd_reshape(a, nd, shape);
    nd_free(a);
    return b;
}

/* The missing-cell flags of res as a bool array of a's shape (all false without flags:
 * no column was selected). */
static nd_array *missing_like(nd__csv_result *res, const nd_array *a)
{
    if (!res->missing) return nd_zeros(nd_ndim(a), nd_shape(a), ND_BOOL);
    ptrdiff_t rc[2] = { res->nrows, res->ncols };
    nd_array *m = adopt(&res->missing, 2, rc, ND_BOOL);
    nd_array *r = m ? nd_reshape(m, nd_ndim(a), nd_shape(a)) : NULL;
    nd_free(m);
    return r;
}

static nd_array *load_matrix(const char *buf, size_t n, const nd_csv_opts *o, nd__csv_mode mode,
                             const char *who, const char *name)
{
    nd__csv_result res;
    if (o && o->missing) *o->missing = NULL;
    if (nd__csv_parse(buf, n, o, mode, who, name, &res, o ? o->stats : NULL) < 0) return NULL;
    nd_array *a = shape_like_loadtxt(&res, o ? o->ndmin : 0, who);
    if (a && o && o->missing && !(*o->missing = missing_like(&res, a))) {
        nd_free(a);
        a = NULL;
    }
    nd__csv_result_free(&res);
    return a;
}

static nd_array *load_file(const nd_csv_opts *o, nd__csv_mode mode, const char *who)
{
    if (!o || !o->path) return ND_FAIL(ND_EVALUE, "%s: path is NULL", who);
    size_t n;
    nd__mapped m;
    const char *buf = nd__map_file(o->path, &n, &m, who);
    if (!buf) return NULL;
    nd_array *a = load_matrix(buf, n, o, mode, who, o->path);
    nd__unmap_file(&m);
    return a;
}

nd_array *nd_loadtxt_(const nd_csv_opts *o)
{
    return load_file(o, ND__CSV_LOADTXT, "nd_loadtxt");
}

nd_array *nd_genfromtxt_(const nd_csv_opts *o)
{
    return load_file(o, ND__CSV_GENFROMTXT, "nd_genfromtxt");
}

nd_array *nd_loadtxt_buffer(const void *data, size_t n, const nd_csv_opts *o)
{
    if (!data && n) return ND_FAIL(ND_EVALUE, "nd_loadtxt_buffer: data is NULL");
    return load_matrix(data, n, o, ND__CSV_LOADTXT, "nd_loadtxt_buffer", buffer_name(o));
}

nd_array *nd_genfromtxt_buffer(const void *data, size_t n, const nd_csv_opts *o)
{
    if (!data && n) return ND_FAIL(ND_EVALUE, "nd_genfromtxt_buffer: data is NULL");
    return load_matrix(data, n, o, ND__CSV_GENFROMTXT, "nd_genfromtxt_buffer", buffer_name(o));
}

/* ---- tables ----------------------------------------------------------------------------- */

static bool col_is_date(const nd_table *t, int k) { return t->date && t->date[k]; }

/* A numeric column's values as YYYYMMDD texts (NULL where not an integer: NaT). */
static char **number_texts(const nd_table *t, int k, char **store, const char *who)
{
    ptrdiff_t n = t->r.nrows;
    char **strs = nd_calloc((size_t)n + 1, sizeof *strs, who);
    *store = nd_calloc((size_t)n + 1, 24, who);
    if (!strs || !*store) {
        nd_free_mem(strs);
        return NULL;
    }
    for (ptrdiff_t i = 0; i < n; i++) {
        double v = nd_get_f64(t->arrays[k], 1, &i);
        if (v == v && v >= -9e15 && v <= 9e15 && v == (double)(long long)v) {
            strs[i] = *store + 24 * (size_t)i;
            snprintf(strs[i], 24, "%lld", (long long)v);
        }
    }
    return strs;
}

/* Column k as dates of dtype dt (generic: automatic unit); `forced` errors name the cell. */
static nd_status column_to_dates(nd_table *t, int k, nd_dtype dt, bool forced, const char *who)
{
    nd__csv_col *c = &t->r.cols[k];
    ptrdiff_t n = t->r.nrows;
    char *store = NULL;
    char **strs;
    if (c->toff) {
        strs = nd_calloc((size_t)n + 1, sizeof *strs, who);
        if (strs)
            for (ptrdiff_t i = 0; i < n; i++) strs[i] = c->tbuf + c->toff[i];
    } else {
        strs = number_texts(t, k, &store, who);
    }
    if (!strs) return ND_ENOMEM;
    nd_status st = ND_OK;
    nd_dtunit unit;
    if (!forced && !nd_datetime_sniff_loose(n, (const char *const *)strs, 0, &unit)) goto done;
    for (ptrdiff_t i = 0; forced && i < n; i++) {
        nd_dt_loose r;
        const char *s = strs[i];
        if (!s || nd_datetime_parse_loose(s, strlen(s), 0, &r)) continue;
        /* a NaT spelling (blank, "NA", ...) is fine next to a date */
        if (nd_datetime_sniff_loose(2, (const char *const[]){ s, "2000-01-01" }, 0, NULL)) continue;
        st = nd_set_error(ND_EVALUE, "%s: column %d ('%s'), row %td: \"%s\" is not a date "
                          "(at position %zu)", who, k, c->name, i, s, r.errpos);
        goto done;
    }
    /* the unit sniffed: one more parse of the column, not two */
    if (!forced && nd_dtype_unit(dt) == ND_DT_GENERIC) dt = nd_dtype_datetime(ND_DATETIME64, unit, 1);
    nd_array *a = nd_datetime64_from_strings_loose(n, (const char *const *)strs, 0, dt);
    if (!a) {
        st = nd_set_error(nd_last_error(), "%s: column %d ('%s'): %s", who, k, c->name, nd_errmsg());
        goto done;
    }
    nd__scope_detach(a);
    nd_free(t->arrays[k]);
    t->arrays[k] = a;
    t->date[k] = true;
done:
    nd_free_mem(strs);
    nd_free_mem(store);
    return st;
}

/* Dates: forced columns (.dtypes), then detection among the text columns (.dates). */
static nd_status table_dates(nd_table *t, const nd_csv_opts *o, const char *who)
{
    int nd = o ? o->ndtypes : 0;
    if (nd < 0 || (nd && !o->dtypes))
        return nd_set_error(ND_EVALUE, "%s: ndtypes %d without a dtypes list", who, nd);
    for (int k = 0; k < t->r.ncols; k++) {
        nd_dtype dt = k < nd ? o->dtypes[k] : (nd_dtype)0;
        nd__csv_col *c = &t->r.cols[k];
        if (dt == 0) {
            if (c->text && c->toff && !(o && o->dates < 0) &&
                column_to_dates(t, k, nd_dtype_datetime(ND_DATETIME64, ND_DT_GENERIC, 1), false,
                                who) < 0)
                return nd_last_error();
        } else if (nd_dtype_is_datetime(dt)) {
            if (column_to_dates(t, k, dt, true, who) < 0) return nd_last_error();
        } else if (nd_dtype_is_string(dt) && (int)dt == (int)ND_STR_OF(0)) {
            if (c->text) continue;
            if (!c->toff)
                return nd_set_error(ND_EVALUE, "%s: column %d ('%s') is numeric; read with "
                                    ".keep_text = true to have it as text", who, k, c->name);
            c->text = true;
            nd_free(t->arrays[k]);
            t->arrays[k] = NULL;
        } else {
            return nd_set_error(ND_EDTYPE, "%s: dtypes[%d]: only a datetime64 dtype or "
                                "ND_STR_OF(0) can be forced (numbers take .dtype)", who, k);
        }
    }
    return ND_OK;
}

static nd_table *make_table(const char *buf, size_t n, const nd_csv_opts *o, const char *who,
                            const char *name)
{
    nd_table *t = nd_calloc(1, sizeof *t, who);
    if (!t) return NULL;
    if (nd__csv_parse(buf, n, o, ND__CSV_TABLE, who, name, &t->r, o ? o->stats : NULL) < 0) {
        nd_free_mem(t);
        return NULL;
    }
    t->arrays = nd_calloc((size_t)t->r.ncols + 1, sizeof *t->arrays, who);
    if (!t->arrays) goto fail;
    for (int k = 0; k < t->r.ncols; k++) {
        nd__csv_col *col = &t->r.cols[k];
        if (col->text) continue;
        t->arrays[k] = adopt(&col->data, 1, &t->r.nrows, t->r.dtype);
        if (!t->arrays[k]) goto fail;
        nd__scope_detach(t->arrays[k]); /* the table owns its columns, not the scope */
    }
    t->date = nd_calloc((size_t)t->r.ncols + 1, sizeof *t->date, who);
    if (!t->date || table_dates(t, o, who) < 0) goto fail;
    return t;
fail:
    nd_table_free(t);
    return NULL;
}

nd_table *nd_read_csv_(const nd_csv_opts *o)
{
    if (!o || !o->path) return ND_FAIL(ND_EVALUE, "nd_read_csv: path is NULL");
    size_t n;
    nd__mapped m;
    const char *buf = nd__map_file(o->path, &n, &m, "nd_read_csv");
    if (!buf) return NULL;
    nd_table *t = make_table(buf, n, o, "nd_read_csv", o->path);
    nd__unmap_file(&m);
    return t;
}

nd_table *nd_read_csv_buffer(const void *data, size_t n, const nd_csv_opts *o)
{
    if (!data && n) return ND_FAIL(ND_EVALUE, "nd_read_csv_buffer: data is NULL");
    return make_table(data, n, o, "nd_read_csv_buffer", buffer_name(o));
}

void nd_table_free(nd_table *t)
{
    if (!t) return;
    if (t->arrays)
        for (int k = 0; k < t->r.ncols; k++) nd_free(t->arrays[k]);
    nd_free_mem(t->arrays);
    nd_free_mem(t->date);
    nd__csv_result_free(&t->r);
    nd_free_mem(t);
}

ptrdiff_t nd_table_nrows(const nd_table *t) { return t ? t->r.nrows : 0; }
int nd_table_ncols(const nd_table *t) { return t ? t->r.ncols : 0; }

static bool bad_col(const nd_table *t, int col, const char *who)
{
    if (!t) {
        nd_set_error(ND_EVALUE, "%s: table is NULL", who);
        return true;
    }
    if (col < 0 || col >= t->r.ncols) {
        nd_set_error(ND_EINDEX, "%s: column %d out of range for a table of %d columns", who, col,
                  t->r.ncols);
        return true;
    }
    return false;
}

const char *nd_table_colname(const nd_table *t, int col)
{
    return bad_col(t, col, "nd_table_colname") ? NULL : t->r.cols[col].name;
}

/* Optimal-string-alignment distance (insertions, deletions, substitutions and adjacent
 * transpositions, ASCII case ignored) between a and b, capped at CAP: names longer than
 * NAME_MAX characters count as CAP, which is never a suggestion. */
enum { SUGGEST_NAME_MAX = 63, SUGGEST_CAP = 1000 };
static int lower_ascii(char c) { return c >= 'A' && c <= 'Z' ? c - 'A' + 'a' : (unsigned char)c; }
static int edit_distance(const char *a, const char *b)
{
    size_t n = strlen(a), m = strlen(b);
    if (n > SUGGEST_NAME_MAX || m > SUGGEST_NAME_MAX) return SUGGEST_CAP;
    int d[SUGGEST_NAME_MAX + 1][SUGGEST_NAME_MAX + 1];
    for (size_t i = 0; i <= n; i++) d[i][0] = (int)i;
    for (size_t j = 0; j <= m; j++) d[0][j] = (int)j;
    for (size_t i = 1; i <= n; i++) {
        for (size_t j = 1; j <= m; j++) {
            int same = lower_ascii(a[i - 1]) == lower_ascii(b[j - 1]);
            int v = d[i - 1][j - 1] + !same;
            if (d[i - 1][j] + 1 < v) v = d[i - 1][j] + 1;
            if (d[i][j - 1] + 1 < v) v = d[i][j - 1] + 1;
            if (i > 1 && j > 1 && lower_ascii(a[i - 1]) == lower_ascii(b[j - 2]) &&
                lower_ascii(a[i - 2]) == lower_ascii(b[j - 1]) && d[i - 2][j - 2] + 1 < v)
                v = d[i - 2][j - 2] + 1;
            d[i][j] = v;
        }
    }
    return d[n][m];
}

/* The column name closest to `name` within about one edit per three characters (at
 * least two), or NULL: the "did you mean" of a failed lookup. */
static const char *closest_colname(const nd_table *t, const char *name)
{
    const char *best = NULL;
    int best_d = SUGGEST_CAP;
    for (int k = 0; k < t->r.ncols; k++) {
        const char *c = t->r.cols[k].name;
        size_t longest = strlen(c) > strlen(name) ? strlen(c) : strlen(name);
        int limit = longest / 3 < 2 ? 2 : (int)(longest / 3);
        int d = edit_distance(name, c);
        if (d <= limit && d < best_d) best = c, best_d = d;
    }
    return best;
}

int nd_table_find(const nd_table *t, const char *name)
{
    if (!t || !name) {
        nd_set_error(ND_EVALUE, "nd_table_find: table or name is NULL");
        return -1;
    }
    for (int k = 0; k < t->r.ncols; k++)
        if (strcmp(t->r.cols[k].name, name) == 0) return k;
    const char *near = closest_colname(t, name);
    if (near)
        nd_set_error(ND_EINDEX, "nd_table_find: no column named '%s'; did you mean '%s'?", name, near);
    else
        nd_set_error(ND_EINDEX, "nd_table_find: no column named '%s'", name);
    return -1;
}

bool nd_table_is_text(const nd_table *t, int col)
{
    return !bad_col(t, col, "nd_table_is_text") && t->r.cols[col].text;
}

bool nd_table_is_date(const nd_table *t, int col)
{
    return !bad_col(t, col, "nd_table_is_date") && col_is_date(t, col);
}

nd_array *nd_table_column(const nd_table *t, int col)
{
    if (bad_col(t, col, "nd_table_column")) return NULL;
    if (t->r.cols[col].text && !col_is_date(t, col))
        return ND_FAIL(ND_EDTYPE, "nd_table_column: column %d ('%s') holds text; use "
                       "nd_table_text", col, t->r.cols[col].name);
    return nd_ref(t->arrays[col]);
}

nd_array *nd_table_column_by_name(const nd_table *t, const char *name)
{
    int k = nd_table_find(t, name);
    return k < 0 ? NULL : nd_table_column(t, k);
}

const char *nd_table_text(const nd_table *t, ptrdiff_t row, int col)
{
    if (bad_col(t, col, "nd_table_text")) return NULL;
    if (row < 0 || row >= t->r.nrows) {
        nd_set_error(ND_EINDEX, "nd_table_text: row %td out of range for %td rows", row, t->r.nrows);
        return NULL;
    }
    const nd__csv_col *c = &t->r.cols[col];
    if (!c->toff) {
        nd_set_error(ND_EVALUE, "nd_table_text: column %d ('%s') is numeric and its text was not "
                  "kept (read with .keep_text = true)", col, c->name);
        return NULL;
    }
    return c->tbuf + c->toff[row];
}

ptrdiff_t nd_table_nmissing(const nd_table *t, int col)
{
    return bad_col(t, col, "nd_table_nmissing") ? 0 : t->r.cols[col].nmissing;
}

nd_array *nd_table_to_array(const nd_table *t, nd_dtype dt)
{
    if (!t) return ND_FAIL(ND_EVALUE, "nd_table_to_array: table is NULL");
    if (!nd_dtype_is_numeric((int)dt)) return ND_FAIL(ND_EDTYPE, "nd_table_to_array: invalid dtype %d", (int)dt);
    ptrdiff_t m = 0;
    for (int k = 0; k < t->r.ncols; k++) m += !t->r.cols[k].text && !col_is_date(t, k);
    nd_array *a = nd_empty(ND_SHAPE(t->r.nrows, m), dt);
    if (!a) return NULL;
    size_t isz = nd_dtype_size(dt), ssz = nd_dtype_size(t->r.dtype);
    char *dst = nd_data(a);
    for (int k = 0, j = 0; k < t->r.ncols; k++) {
        if (t->r.cols[k].text || col_is_date(t, k)) continue;
        nd_cast_strided(dst + (size_t)j * isz, dt, (ptrdiff_t)(isz * (size_t)m),
                        nd_data(t->arrays[k]), t->r.dtype, (ptrdiff_t)ssz, t->r.nrows);
        j++;
    }
    return a;
}

/* ---- printing and describe ---------------------------------------------------------------- */

/* Cell (row, k) as it is shown: text as is; numbers in the column's common NumPy format
 * (f, filled from the shown values; decimal points line up), left-trimmed, with a bare
 * point followed by a digit as pandas writes it ("1959." → "1959.0", "2. " → "2.0"). */
static void put_cell(const nd_table *t, int k, ptrdiff_t row, const nd__floatfmt *f, nd__strbuf *out)
{
    const nd__csv_col *c = &t->r.cols[k];
    if (col_is_date(t, k)) { /* as pandas prints datetime64 columns: ISO text, NaT */
        char buf[ND_DATETIME_STRLEN];
        const int64_t *v = nd_data(t->arrays[k]);
        if (nd_datetime_format(v[row], nd_dtype_of(t->arrays[k]), NULL, buf, sizeof buf) < 0)
            snprintf(buf, sizeof buf, "NaT");
        nd__sb_puts(out, buf);
        return;
    }
    if (c->text) {
        nd__sb_puts(out, c->toff ? c->tbuf + c->toff[row] : "");
        return;
    }
    nd__strbuf cell = { .who = out->who };
    nd__floatfmt_put(f, nd_get_f64(t->arrays[k], 1, &row), &cell);
    const char *p = cell.p ? cell.p : "";
    size_t n = cell.len;
    while (n && *p == ' ') p++, n--;
    const char *dot = memchr(p, '.', n);
    if (dot && (dot + 1 == p + n || dot[1] == ' ')) {
        nd__sb_putn(out, p, (size_t)(dot + 1 - p));
        nd__sb_putc(out, '0');
        size_t rest = (size_t)(p + n - (dot + 1));
        if (rest) nd__sb_putn(out, dot + 2, rest - 1); /* the pad space the 0 took */
    } else {
        nd__sb_putn(out, p, n);
    }
    if (cell.failed) out->failed = true;
    nd__sb_release(&cell);
}

static void put_label(const nd_table *t, ptrdiff_t row, nd__strbuf *out)
{
    char num[32];
    snprintf(num, sizeof num, "%td", row);
    nd__sb_puts(out, t->index ? t->index[row] : num);
}

/* Width of UTF-8 text in characters, as pandas measures a cell (len of a str). */
static ptrdiff_t text_width(const char *s, size_t n)
{
    ptrdiff_t w = 0;
    for (size_t i = 0; i < n; i++) w += ((unsigned char)s[i] & 0xC0) != 0x80;
    return w;
}

/* Width of what put writes (put into a scratch buffer). */
#define SHOWN_WIDTH(scratch, put) \
    ((scratch)->len = 0, put, text_width((scratch)->p, (scratch)->len))

char *nd_table_str(const nd_table *t, ptrdiff_t nrows)
{
    static const char *who = "nd_table_str";
    if (!t) return ND_FAIL(ND_EVALUE, "%s: table is NULL", who);
    ptrdiff_t rows = nrows < 0 || nrows > t->r.nrows ? t->r.nrows : nrows;
    int ncols = t->r.ncols;
    nd__floatfmt *fmt = nd_calloc((size_t)ncols + 1, sizeof *fmt, who);
    ptrdiff_t *width = nd_calloc((size_t)ncols + 1, sizeof *width, who);
    double *vals = nd_calloc((size_t)rows + 1, sizeof *vals, who);
    nd__strbuf out = { .who = who }, scratch = { .who = who };
    if (!fmt || !width || !vals) goto done;
    for (int k = 0; k < ncols; k++) {
        nd__floatfmt_init(&fmt[k], false, false, 6, true); /* pandas: 6 digits, no e-notation */
        if (!t->r.cols[k].text && !col_is_date(t, k)) {
            for (ptrdiff_t i = 0; i < rows; i++) vals[i] = nd_get_f64(t->arrays[k], 1, &i);
            nd__floatfmt_fill(&fmt[k], vals, rows);
        }
        width[k] = text_width(t->r.cols[k].name, strlen(t->r.cols[k].name));
        for (ptrdiff_t i = 0; i < rows; i++) {
            ptrdiff_t w = SHOWN_WIDTH(&scratch, put_cell(t, k, i, &fmt[k], &scratch));
            if (w > width[k]) width[k] = w;
        }
    }
    ptrdiff_t label_w = 0;
    for (ptrdiff_t i = 0; i < rows; i++) {
        ptrdiff_t w = SHOWN_WIDTH(&scratch, put_label(t, i, &scratch));
        if (w > label_w) label_w = w;
    }
    /* header: the names right-aligned over their columns, after the label column */
    nd__sb_spaces(&out, label_w);
    for (int k = 0; k < ncols; k++) {
        nd__sb_spaces(&out, 2 + width[k] - text_width(t->r.cols[k].name, strlen(t->r.cols[k].name)));
        nd__sb_puts(&out, t->r.cols[k].name);
    }
    nd__sb_putc(&out, '\n');
    for (ptrdiff_t i = 0; i < rows; i++) {
        ptrdiff_t lw = SHOWN_WIDTH(&scratch, put_label(t, i, &scratch));
        put_label(t, i, &out); /* labels are left-aligned, as pandas prints its index */
        nd__sb_spaces(&out, label_w - lw);
        for (int k = 0; k < ncols; k++) {
            nd__sb_spaces(&out, 2 + width[k] - SHOWN_WIDTH(&scratch, put_cell(t, k, i, &fmt[k], &scratch)));
            put_cell(t, k, i, &fmt[k], &out);
        }
        nd__sb_putc(&out, '\n');
    }
    if (t->r.nrows > rows) {
        char more[64];
        snprintf(more, sizeof more, "[%td rows x %d columns]\n", t->r.nrows, ncols);
        nd__sb_puts(&out, more);
    }
    nd__sb_putc(&out, '\0');
done:;
    bool ok = fmt && width && vals && !out.failed && !scratch.failed;
    nd__sb_release(&scratch);
    nd_free_mem(vals);
    nd_free_mem(width);
    nd_free_mem(fmt);
    if (!ok) nd__sb_release(&out);
    return ok ? out.p : NULL;
}

nd_status nd_table_print(const nd_table *t, ptrdiff_t nrows, FILE *f)
{
    char *s = nd_table_str(t, nrows);
    if (!s) return nd_last_error();
    int rc = fputs(s, f ? f : stdout);
    nd_free_mem(s);
    if (rc >= 0) return ND_OK;
    nd_set_error(ND_EIO, "nd_table_print: write failed");
    return ND_EIO;
}

static int cmp_double(const void *a, const void *b)
{
    double x = *(const double *)a, y = *(const double *)b;
    return (x > y) - (x < y);
}

/* pandas' describe of one column: count, mean, std (ddof 1), min, 25%, 50%, 75%, max of
 * the values that are not NaN (sorted in place to the front of v); NaN when undefined. */
enum { DESCRIBE_NSTATS = 8 };
static const char *const describe_rows[DESCRIBE_NSTATS] = { "count", "mean", "std", "min",
                                                            "25%",   "50%",  "75%", "max" };
static void describe_values(double *v, ptrdiff_t n, double *stat)
{
    ptrdiff_t m = 0;
    for (ptrdiff_t i = 0; i < n; i++)
        if (!isnan(v[i])) v[m++] = v[i];
    qsort(v, (size_t)m, sizeof *v, cmp_double);
    double sum = 0, ss = 0;
    for (ptrdiff_t i = 0; i < m; i++) sum += v[i];
    double mean = m ? sum / (double)m : NAN;
    for (ptrdiff_t i = 0; i < m; i++) ss += (v[i] - mean) * (v[i] - mean);
    stat[0] = (double)m;
    stat[1] = mean;
    stat[2] = m > 1 ? sqrt(ss / (double)(m - 1)) : NAN;
    for (int q = 0; q <= 4; q++) { /* min, 25%, 50%, 75%, max: linear interpolation */
        double pos = (double)(m - 1) * q / 4.0;
        ptrdiff_t lo = (ptrdiff_t)floor(pos);
        double frac = pos - (double)lo;
        stat[3 + q] = !m ? NAN : frac == 0 ? v[lo] : v[lo] + (v[lo + 1] - v[lo]) * frac;
    }
}

nd_table *nd_table_describe(const nd_table *t)
{
    static const char *who = "nd_table_describe";
    if (!t) return ND_FAIL(ND_EVALUE, "%s: table is NULL", who);
    nd_table *d = nd_calloc(1, sizeof *d, who);
    double *v = nd_calloc((size_t)t->r.nrows + 1, sizeof *v, who);
    if (!d || !v) goto fail;
    d->index = describe_rows;
    d->r.nrows = DESCRIBE_NSTATS;
    d->r.dtype = ND_FLOAT64;
    d->r.cols = nd_calloc((size_t)t->r.ncols + 1, sizeof *d->r.cols, who);
    d->arrays = nd_calloc((size_t)t->r.ncols + 1, sizeof *d->arrays, who);
    if (!d->r.cols || !d->arrays) goto fail;
    for (int k = 0; k < t->r.ncols; k++) {
        if (t->r.cols[k].text || col_is_date(t, k)) continue;
        int j = d->r.ncols++;
        d->r.cols[j].name = nd_strdup(t->r.cols[k].name, who);
        d->arrays[j] = nd_empty(ND_SHAPE(DESCRIBE_NSTATS), ND_FLOAT64);
        if (!d->r.cols[j].name || !d->arrays[j]) goto fail;
        nd__scope_detach(d->arrays[j]); /* the table owns its columns, not the scope */
        if (nd_to_f64(t->arrays[k], v) < 0) goto fail;
        describe_values(v, t->r.nrows, nd_data(d->arrays[j]));
    }
    nd_free_mem(v);
    return d;
fail:
    nd_free_mem(v);
    nd_table_free(d);
    return NULL;
}
