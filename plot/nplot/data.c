/* The input side of nplot: read the bytes, undo decimal commas, parse the table with the
 * numc CSV reader, then decide what x, y and the groups are. Every failure leaves a
 * message naming the file (and line and column when there is one) in d->err. */
#include "nplot_cli.h"

#include <numc/array.h>
#include <numc/error.h>
#include <numc/io.h>

#include <ctype.h>
#include <errno.h>
#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>
#include <math.h>
#include <stdarg.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

static int fail(cli_data *d, int code, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(d->err, sizeof d->err, fmt, ap);
    va_end(ap);
    return code;
}

/* numc messages start with the function ("nd_read_csv_buffer: file: line 3: ..."); the
 * user ran nplot, not that function. */
static const char *strip_func(const char *msg)
{
    const char *p = msg;
    if (strncmp(p, "nd_", 3) == 0) {
        const char *c = strstr(p, ": ");
        if (c) return c + 2;
    }
    return p;
}

/* ---- reading the bytes ------------------------------------------------------------------- */
static int read_all(FILE *f, cli_data *d)
{
    size_t cap = 1 << 16, len = 0;
    char *buf = malloc(cap);
    if (!buf) return -1;
    for (;;) {
        if (len == cap) {
            char *nb = cap > SIZE_MAX / 2 ? NULL : realloc(buf, cap * 2);
            if (!nb) {
                free(buf);
                errno = ENOMEM;
                return -1;
            }
            buf = nb;
            cap *= 2;
        }
        size_t got = fread(buf + len, 1, cap - len, f);
        len += got;
        if (got == 0) break;
    }
    if (ferror(f)) {
        int e = errno;
        free(buf);
        errno = e ? e : EIO;
        return -1;
    }
    d->buf = buf;
    d->len = len;
    return 0;
}

static int read_input(const cli_opts *o, cli_data *d)
{
    if (strcmp(o->input, "-") == 0) {
        d->file = "<stdin>";
        if (read_all(stdin, d) < 0)
            return fail(d, CLI_EXIT_DATA, "<stdin>: cannot read: %s", strerror(errno));
        return CLI_EXIT_OK;
    }
    d->file = o->input;
    int fd = open(o->input, O_RDONLY | O_CLOEXEC);
    if (fd < 0) return fail(d, CLI_EXIT_DATA, "%s: cannot open: %s", o->input, strerror(errno));
    struct stat st;
    if (fstat(fd, &st) == 0 && S_ISDIR(st.st_mode)) {
        close(fd);
        return fail(d, CLI_EXIT_DATA, "%s: cannot read: is a directory", o->input);
    }
    /* A regular file is read by every thread at once (readfile.c), which also notes the
     * bytes the checks below look for. */
    if (fstat(fd, &st) == 0 && S_ISREG(st.st_mode) && st.st_size > 0 &&
        (uint64_t)st.st_size < SIZE_MAX / 2) {
        int err;
        char *buf = cli_read_file(fd, (size_t)st.st_size, &d->seen, &err);
        close(fd);
        if (!buf && err < 0)
            return fail(d, CLI_EXIT_DATA, "%s: cannot read: the file ended before its %jd "
                        "bytes (did it change while being read?)", o->input,
                        (intmax_t)st.st_size);
        if (!buf) return fail(d, CLI_EXIT_DATA, "%s: cannot read: %s", o->input, strerror(err));
        d->buf = buf;
        d->len = (size_t)st.st_size;
        d->ndmem = d->seen_known = true;
        return CLI_EXIT_OK;
    }
    FILE *f = fdopen(fd, "rb");
    if (!f) {
        int e = errno;
        close(fd);
        return fail(d, CLI_EXIT_DATA, "%s: cannot read: %s", o->input, strerror(e));
    }
    int rc = read_all(f, d);
    int e = errno;
    fclose(f);
    if (rc < 0) return fail(d, CLI_EXIT_DATA, "%s: cannot read: %s", o->input, strerror(e));
    return CLI_EXIT_OK;
}

/* A note on stderr (not an error): silenced by -q. */
static void note(const cli_opts *o, const char *fmt, ...)
{
    if (o->quiet) return;
    va_list ap;
    va_start(ap, fmt);
    fputs("nplot: ", stderr);
    vfprintf(stderr, fmt, ap);
    fputc('\n', stderr);
    va_end(ap);
}

static void replace_buf(cli_data *d, char *buf, size_t len)
{
    if (d->ndmem) nd_free_mem(d->buf);
    else free(d->buf);
    d->buf = buf;
    d->len = len;
    d->ndmem = d->seen_known = false;
}

/* The text must reach the reader (and pango) as UTF-8 without NULs: UTF-16 with a byte
 * order mark is decoded, bytes that are not UTF-8 are read as Latin-1 (with a note), a
 * NUL byte is refused where it is (it would cut a name or a cell short). */
static int check_encoding(const cli_opts *o, cli_data *d)
{
    /* Bytes read by cli_read_file that are all ASCII and hold no NUL need no check. */
    if (d->seen_known && !d->seen.high && !d->seen.nul) return CLI_EXIT_OK;
    int bom = cli_utf16_bom(d->buf, d->len);
    if (bom) {
        size_t n;
        char *u = cli_utf16_to_utf8(d->buf + 2, d->len - 2, bom == 2, &n);
        if (!u) return fail(d, CLI_EXIT_DATA, "%s: out of memory decoding UTF-16", d->file);
        replace_buf(d, u, n);
        note(o, "%s: file is UTF-16 (%s); decoded to UTF-8", d->file,
             bom == 2 ? "big-endian" : "little-endian");
    }
    size_t line, col;
    if (cli_find_nul(d->buf, d->len, &line, &col))
        return fail(d, CLI_EXIT_DATA,
                    "%s: line %zu, column %zu: a NUL byte; nplot reads text (is this a binary "
                    "file, or UTF-16 without a byte order mark?)", d->file, line, col);
    size_t bad = cli_scan_utf8_invalid(d->buf, d->len);
    if (bad != (size_t)-1) {
        size_t l = 1;
        for (size_t i = 0; i < bad; i++) l += d->buf[i] == '\n';
        unsigned char byte = (unsigned char)d->buf[bad];
        size_t n;
        char *u = cli_latin1_to_utf8(d->buf, d->len, &n);
        if (!u) return fail(d, CLI_EXIT_DATA, "%s: out of memory decoding Latin-1", d->file);
        replace_buf(d, u, n);
        note(o, "%s: line %zu: byte 0x%02X is not UTF-8; reading the file as Latin-1", d->file,
             l, byte);
    }
    return CLI_EXIT_OK;
}

/* ---- interning strings (categories, groups) ------------------------------------------------ */
typedef struct strmap {
    const char **keys;
    int *vals;
    size_t cap;
    int count;
} strmap;

static uint64_t hash_str(const char *s)
{
    uint64_t h = 1469598103934665603ull; /* FNV-1a */
    for (; *s; s++) h = (h ^ (unsigned char)*s) * 1099511628211ull;
    return h;
}

/* Index of s (added when new), or -1 when out of memory. The key is borrowed. */
static int intern(strmap *m, const char *s)
{
    if ((size_t)(m->count + 1) * 2 > m->cap) {
        size_t nc = m->cap ? m->cap * 2 : 64;
        const char **nk = calloc(nc, sizeof *nk);
        int *nv = malloc(nc * sizeof *nv);
        if (!nk || !nv) {
            free(nk);
            free(nv);
            return -1;
        }
        for (size_t i = 0; i < m->cap; i++) {
            if (!m->keys[i]) continue;
            size_t j = hash_str(m->keys[i]) & (nc - 1);
            while (nk[j]) j = (j + 1) & (nc - 1);
            nk[j] = m->keys[i];
            nv[j] = m->vals[i];
        }
        free(m->keys);
        free(m->vals);
        m->keys = nk;
        m->vals = nv;
        m->cap = nc;
    }
    size_t j = hash_str(s) & (m->cap - 1);
    while (m->keys[j]) {
        if (strcmp(m->keys[j], s) == 0) return m->vals[j];
        j = (j + 1) & (m->cap - 1);
    }
    m->keys[j] = s;
    m->vals[j] = m->count;
    return m->count++;
}

static int strmap_find(const strmap *m, const char *s)
{
    if (!m->cap) return -1;
    size_t j = hash_str(s) & (m->cap - 1);
    while (m->keys[j]) {
        if (strcmp(m->keys[j], s) == 0) return m->vals[j];
        j = (j + 1) & (m->cap - 1);
    }
    return -1;
}

static void strmap_free(strmap *m)
{
    free(m->keys);
    free(m->vals);
}

/* ---- column helpers ------------------------------------------------------------------------ */
static bool name_hints_date(const char *name)
{
    static const char *const hints[] = { "date", "time", "day", "datum", "fecha", "jour" };
    for (size_t i = 0; i < sizeof hints / sizeof hints[0]; i++) {
        size_t n = strlen(hints[i]);
        for (const char *p = name; *p; p++)
            if (strncasecmp(p, hints[i], n) == 0) return true;
    }
    return false;
}

/* A numeric column as a borrowed double pointer (the array keeps the table's data). */
static const double *num_col(cli_data *d, int col, nd_array **keep)
{
    nd_array *a = nd_table_column(d->table, col);
    if (!a) return NULL;
    *keep = a;
    return (const double *)nd_data(a);
}

/* Dates from a text column: every non-empty cell must parse. Returns a new array of days
 * (NaN for empty cells) or NULL. */
static double *text_dates(cli_data *d, int col, int *what_out)
{
    double *v = malloc((size_t)(d->nrows ? d->nrows : 1) * sizeof *v);
    if (!v) return NULL;
    int what = 0, parsed = 0;
    for (ptrdiff_t r = 0; r < d->nrows; r++) {
        const char *s = nd_table_text(d->table, r, col);
        if (!s || strspn(s, " \t") == strlen(s)) {
            v[r] = NAN;
            continue;
        }
        int w;
        if (!cli_parse_datetime(s, strlen(s), &v[r], &w)) {
            free(v);
            return NULL;
        }
        what |= w;
        parsed++;
    }
    if (!parsed) {
        free(v);
        return NULL;
    }
    *what_out = what;
    return v;
}

/* YYYYMMDD numbers → days, when every value is one and the column looks like an index. */
static double *number_dates(const double *v, ptrdiff_t n, const char *name)
{
    ptrdiff_t first = 0;
    while (first < n && isnan(v[first])) first++;
    double tmp;
    if (first == n || !cli_yyyymmdd(v[first], &tmp)) return NULL;
    if (!name_hints_date(name) && cli_monotonic(v, (size_t)n) == 0) return NULL;
    double *out = malloc((size_t)n * sizeof *out);
    if (!out) return NULL;
    for (ptrdiff_t r = 0; r < n; r++) {
        if (isnan(v[r])) {
            out[r] = NAN;
        } else if (!cli_yyyymmdd(v[r], &out[r])) {
            free(out);
            return NULL;
        }
    }
    return out;
}

/* A text cell that is not a number: where it is, for the message. */
static void non_numeric(cli_data *d, int col, const char *role)
{
    for (ptrdiff_t r = 0; r < d->nrows; r++) {
        const char *s = nd_table_text(d->table, r, col);
        if (!s) continue;
        char *end;
        strtod(s, &end);
        while (isspace((unsigned char)*end)) end++;
        if (end != s && !*end) continue;
        if (strspn(s, " \t") == strlen(s)) continue;
        fail(d, CLI_EXIT_DATA,
             "%s: line %td, column %d (%s): '%.60s' is not a number; the %s column must be "
             "numeric",
             d->file, cli_row_line(d->buf, d->len, d->header, r), col + 1, d->names[col], s,
             role);
        return;
    }
    fail(d, CLI_EXIT_DATA, "%s: column %d (%s) is not numeric; the %s column must be",
         d->file, col + 1, d->names[col], role);
}

/* x is either ours (dates, categories, row numbers) or a column array of the table. */
static void release_x(cli_data *d)
{
    d->xmono = -2;
    if (d->xarr) nd_free(d->xarr);
    else free(d->x);
    d->xarr = NULL;
    d->x = NULL;
}

/* ---- x ---------------------------------------------------------------------------------------- */
static int set_x_row(cli_data *d)
{
    d->xcol = d->xcol2 = -1;
    d->xtype = CLI_X_ROW;
    d->x = malloc((size_t)(d->nrows ? d->nrows : 1) * sizeof *d->x);
    if (!d->x) return fail(d, CLI_EXIT_DATA, "%s: out of memory", d->file);
    for (ptrdiff_t r = 0; r < d->nrows; r++) d->x[r] = (double)r;
    return CLI_EXIT_OK;
}

static int set_x_categories(cli_data *d, int col)
{
    strmap m = { 0 };
    d->x = malloc((size_t)d->nrows * sizeof *d->x);
    if (!d->x) return fail(d, CLI_EXIT_DATA, "%s: out of memory", d->file);
    for (ptrdiff_t r = 0; r < d->nrows; r++) {
        const char *s = nd_table_text(d->table, r, col);
        int k = intern(&m, s ? s : "");
        if (k < 0) {
            strmap_free(&m);
            return fail(d, CLI_EXIT_DATA, "%s: out of memory", d->file);
        }
        d->x[r] = k;
    }
    d->cats = malloc((size_t)(m.count ? m.count : 1) * sizeof *d->cats);
    if (!d->cats) {
        strmap_free(&m);
        return fail(d, CLI_EXIT_DATA, "%s: out of memory", d->file);
    }
    for (size_t i = 0; i < m.cap; i++)
        if (m.keys[i]) d->cats[m.vals[i]] = m.keys[i];
    d->ncats = m.count;
    strmap_free(&m);
    d->xcol = col;
    d->xtype = CLI_X_CATEGORY;
    return CLI_EXIT_OK;
}

/* A year column followed by a quarter or month column (statsmodels' macrodata:
 * "year","quarter") is one date: the first day of that quarter or month. Returns the
 * days, or NULL when the two columns are not that. */
static double *year_period_dates(cli_data *d, int col, const double *years)
{
    int pc = col + 1;
    if (pc >= d->ncols || nd_table_is_text(d->table, pc)) return NULL;
    const char *pn = d->names[pc];
    int months;
    if (!strcasecmp(pn, "quarter") || !strcasecmp(pn, "qtr") || !strcasecmp(pn, "q"))
        months = 3;
    else if (!strcasecmp(pn, "month") || !strcasecmp(pn, "mon") || !strcasecmp(pn, "m"))
        months = 1;
    else
        return NULL;
    nd_array *a = NULL;
    const double *per = num_col(d, pc, &a);
    if (!per) return NULL;
    double *out = malloc((size_t)d->nrows * sizeof *out);
    int maxp = months == 3 ? 4 : 12;
    for (ptrdiff_t r = 0; out && r < d->nrows; r++) {
        double y = years[r], q = per[r];
        if (!(y >= 1000 && y <= 9999 && y == floor(y) && q >= 1 && q <= maxp && q == floor(q))) {
            free(out);
            out = NULL;
            break;
        }
        out[r] = (double)cli_days_from_civil((int64_t)y, (int)(q - 1) * months + 1, 1);
    }
    nd_free(a);
    if (out && cli_monotonic(out, (size_t)d->nrows) != 1) {
        free(out);
        out = NULL;
    }
    if (out) d->xcol2 = pc;
    return out;
}

/* Use column `col` as x: dates (text or YYYYMMDD), categories (text) or numbers. With
 * need_monotonic, a numeric column that runs both ways is refused (returns 1). */
static int try_x(cli_data *d, const cli_opts *o, int col, bool need_monotonic)
{
    if (nd_table_is_text(d->table, col)) {
        int what = 0;
        double *days = o->no_dates ? NULL : text_dates(d, col, &what);
        if (days) {
            d->x = days;
            d->xcol = col;
            d->xtype = CLI_X_DATE;
            d->xdate_what = what;
            return CLI_EXIT_OK;
        }
        return set_x_categories(d, col);
    }
    nd_array *a = NULL;
    const double *v = num_col(d, col, &a);
    if (!v) return fail(d, CLI_EXIT_DATA, "%s: %s", d->file, strip_func(nd_errmsg()));
    int rc = CLI_EXIT_OK;
    double *days = o->no_dates ? NULL : number_dates(v, d->nrows, d->names[col]);
    if (!days && !o->no_dates) days = year_period_dates(d, col, v);
    if (days) {
        d->x = days;
        d->xtype = CLI_X_DATE;
        d->xdate_what = CLI_DT_DATE;
    } else if ((d->xmono = cli_monotonic(v, (size_t)d->nrows)) == 0 && need_monotonic) {
        rc = 1;
    } else {
        /* Numbers are used where the reader put them: the array is kept, not copied. */
        d->x = (double *)v;
        d->xarr = a;
        a = NULL;
        d->xtype = CLI_X_NUMBER;
    }
    if (rc == CLI_EXIT_OK) d->xcol = col;
    nd_free(a);
    return rc;
}

static int choose_x(const cli_opts *o, cli_data *d)
{
    char err[1024];
    if (o->xcol) {
        int c = cli_column_find(o->xcol, (const char *const *)d->names, d->ncols, d->file, err,
                                sizeof err);
        if (c < 0) return fail(d, CLI_EXIT_DATA, "%s", err);
        return try_x(d, o, c, false);
    }
    /* hist and box do not draw x, but a detected index column is still not a y. */
    if (d->ncols < 2) return set_x_row(d);
    int first = 0;
    if (first == d->sepcol) first = 1;
    if (first >= d->ncols) return set_x_row(d);
    /* Scatter and hexbin take any numeric first column: order does not matter there. */
    bool need_mono = !(o->kind == CLI_SCATTER || o->kind == CLI_HEXBIN);
    int rc = try_x(d, o, first, need_mono);
    if (rc == 1) return set_x_row(d);
    return rc;
}

/* ---- y ------------------------------------------------------------------------------------------ */
static int add_y(cli_data *d, int col)
{
    if (d->ny >= CLI_MAX_Y)
        return fail(d, CLI_EXIT_USAGE, "%s: too many y columns (at most %d)", d->file, CLI_MAX_Y);
    if (nd_table_is_text(d->table, col)) {
        non_numeric(d, col, "y");
        return CLI_EXIT_DATA;
    }
    nd_array *a = NULL;
    const double *v = num_col(d, col, &a);
    if (!v) return fail(d, CLI_EXIT_DATA, "%s: %s", d->file, strip_func(nd_errmsg()));
    d->ycols[d->ny] = col;
    d->y[d->ny] = v;
    d->yarr[d->ny] = a;
    d->ny++;
    return CLI_EXIT_OK;
}

static int choose_y(const cli_opts *o, cli_data *d)
{
    char err[1024];
    if (o->ycols) {
        int cols[CLI_MAX_Y];
        int n = cli_columns_parse(o->ycols, (const char *const *)d->names, d->ncols, d->file,
                                  cols, CLI_MAX_Y, err, sizeof err);
        if (n < 0) return fail(d, CLI_EXIT_DATA, "%s", err);
        for (int i = 0; i < n; i++) {
            int rc = add_y(d, cols[i]);
            if (rc) return rc;
        }
        return CLI_EXIT_OK;
    }
    int limit = (o->kind == CLI_PIE || o->kind == CLI_HEXBIN ||
                 (o->kind == CLI_SCATTER && d->xtype == CLI_X_ROW)) ? 1 : CLI_MAX_Y;
    int numeric = 0, text = 0;
    for (int c = 0; c < d->ncols; c++) {
        if (c == d->xcol || c == d->xcol2 || c == d->sepcol) continue;
        if (nd_table_is_text(d->table, c)) {
            /* A column that disappears should say so (a few by name, then a count). */
            if (text++ < 5) note(o, "%s: column '%s' is text; not plotted", d->file, d->names[c]);
            continue;
        }
        numeric++;
        if (d->ny >= limit) continue;
        int rc = add_y(d, c);
        if (rc) return rc;
    }
    if (text > 5) note(o, "%s: %d more text columns not plotted", d->file, text - 5);
    if (limit == CLI_MAX_Y && numeric > CLI_MAX_Y)
        note(o, "%s: only the first %d of %d numeric columns are plotted (choose with -y)",
             d->file, CLI_MAX_Y, numeric);
    if (d->ny == 0) {
        /* Nothing numeric besides x: plot x itself against the row number. */
        if (d->xcol >= 0 && d->xtype == CLI_X_NUMBER && o->kind != CLI_PIE) {
            int col = d->xcol;
            release_x(d);
            int rc = set_x_row(d);
            if (rc) return rc;
            return add_y(d, col);
        }
        return fail(d, CLI_EXIT_DATA, "%s: no numeric column to plot%s", d->file,
                    d->ncols == 1 ? "" : " (use -y to choose one)");
    }
    return CLI_EXIT_OK;
}

/* ---- groups ---------------------------------------------------------------------------------- */
static int choose_groups(const cli_opts *o, cli_data *d)
{
    d->sepcol = -1;
    if (!o->sepcol) return CLI_EXIT_OK;
    char err[1024];
    int c = cli_column_find(o->sepcol, (const char *const *)d->names, d->ncols, d->file, err,
                            sizeof err);
    if (c < 0) return fail(d, CLI_EXIT_DATA, "%s", err);
    d->sepcol = c;
    d->group = malloc((size_t)d->nrows * sizeof *d->group);
    if (!d->group) return fail(d, CLI_EXIT_DATA, "%s: out of memory", d->file);
    bool text = nd_table_is_text(d->table, c);
    nd_array *a = NULL;
    const double *v = text ? NULL : num_col(d, c, &a);
    if (!text && !v) return fail(d, CLI_EXIT_DATA, "%s: %s", d->file, strip_func(nd_errmsg()));
    strmap m = { 0 };
    int rc = CLI_EXIT_OK;
    for (ptrdiff_t r = 0; r < d->nrows && rc == CLI_EXIT_OK; r++) {
        char tmp[64];
        const char *key = tmp;
        if (text) {
            key = nd_table_text(d->table, r, c);
            if (!key) key = "";
        } else {
            snprintf(tmp, sizeof tmp, "%.15g", v[r]);
        }
        int k = strmap_find(&m, key);
        if (k < 0) {
            /* A new group: the label is ours, the map borrows it. */
            if (m.count >= CLI_MAX_GROUPS) {
                rc = fail(d, CLI_EXIT_DATA,
                          "%s: column %d (%s) has more than %d distinct values; --sep needs a "
                          "column of groups", d->file, c + 1, d->names[c], CLI_MAX_GROUPS);
                break;
            }
            char *label = strdup(key);
            k = label ? intern(&m, label) : -1;
            if (k < 0) {
                free(label);
                rc = fail(d, CLI_EXIT_DATA, "%s: out of memory", d->file);
                break;
            }
            d->groups[k] = label;
            d->ngroups = m.count;
        }
        d->group[r] = k;
    }
    strmap_free(&m);
    nd_free(a);
    return rc;
}

/* Columns of empty cells are numeric to the reader (all NaN): a chart of nothing is an
 * error, not an empty image. */
static int check_numbers(cli_data *d)
{
    for (int i = 0; i < d->ny; i++)
        for (ptrdiff_t r = 0; r < d->nrows; r++)
            if (!isnan(d->y[i][r])) return CLI_EXIT_OK;
    return fail(d, CLI_EXIT_DATA, "%s: no numeric column: no cell to plot holds a number",
                d->file);
}

static int load_bytes(const cli_opts *o, cli_data *d);

/* A header of months is one quantity spread over columns: a heat map reads it better
 * than one line per column. (A header of years is handled by wide_years.) */
static void hint_wide(const cli_opts *o, cli_data *d)
{
    static const char *const months[] = { "jan", "feb", "mar", "apr", "may", "jun",
                                          "jul", "aug", "sep", "oct", "nov", "dec" };
    if (o->kind == CLI_HEATMAP || !d->header) return;
    int nmonth = 0;
    for (int c = 0; c < d->ncols; c++) {
        const char *nm = d->names[c];
        for (int m = 0; m < 12; m++)
            if (strncasecmp(nm, months[m], 3) == 0) {
                nmonth++;
                break;
            }
    }
    if (nmonth >= 6)
        note(o, "%s: the columns are months (one quantity in %d columns); try -k heatmap",
             d->file, nmonth);
}

/* ---- wide tables: rows as series over the columns ------------------------------------------------ */
enum { CLI_WIDE_MAX_ROWS = 10 };

/* A year 1000..9999 written as a whole number, else 0. */
static int year_of(const char *s)
{
    if (!s) return 0;
    while (*s == ' ') s++;
    char *end;
    double y = strtod(s, &end);
    while (*end == ' ') end++;
    return end != s && *end == '\0' && y >= 1000 && y <= 9999 && y == floor(y) ? (int)y : 0;
}

/* Cell (r, c) as a number (NaN when empty or not a number). */
static double cell_number(cli_data *d, ptrdiff_t r, int c)
{
    if (!nd_table_is_text(d->table, c)) {
        nd_array *a = nd_table_column(d->table, c);
        double v = a ? ((const double *)nd_data(a))[r] : NAN;
        nd_free(a);
        return v;
    }
    const char *t = nd_table_text(d->table, r, c);
    if (!t) return NAN;
    char *end;
    double v = strtod(t, &end);
    while (*end == ' ') end++;
    return end != t && *end == '\0' ? v : NAN;
}

/* The text of a header cell: the name, or row 0 when the reader took the header for data. */
static void header_cell(cli_data *d, bool row0, int c, char *buf, size_t cap)
{
    if (!row0) {
        snprintf(buf, cap, "%s", d->names[c]);
        return;
    }
    if (nd_table_is_text(d->table, c)) {
        const char *t = nd_table_text(d->table, 0, c);
        snprintf(buf, cap, "%s", t ? t : "");
        return;
    }
    double v = cell_number(d, 0, c);
    if (isnan(v)) buf[0] = '\0';
    else snprintf(buf, cap, "%.15g", v);
}

typedef struct sbuf {
    char *p;
    size_t n, cap;
    bool oom;
} sbuf;

static void sb_put(sbuf *b, const char *s, size_t n)
{
    if (b->oom) return;
    if (b->n + n + 1 > b->cap) {
        size_t cap = b->cap ? b->cap : 4096;
        while (b->n + n + 1 > cap) cap *= 2;
        char *p = realloc(b->p, cap);
        if (!p) {
            b->oom = true;
            return;
        }
        b->p = p;
        b->cap = cap;
    }
    memcpy(b->p + b->n, s, n);
    b->n += n;
    b->p[b->n] = '\0';
}

static void sb_str(sbuf *b, const char *s) { sb_put(b, s, strlen(s)); }

static void sb_quoted(sbuf *b, const char *s)
{
    sb_put(b, "\"", 1);
    for (const char *q = s; *q; q++) {
        if (*q == '"') sb_put(b, "\"", 1); /* "" inside quotes */
        sb_put(b, q, 1);
    }
    sb_put(b, "\"", 1);
}

/* A wide table: a header of years (1990,1991,...; a wide time series, one row per entity)
 * or any table with --transpose. With at most CLI_WIDE_MAX_ROWS rows (or --transpose) the
 * table is rewritten with one column per row and read again, so every row is a series over
 * the years; with more rows a note says how. *done: the data was reloaded. */
static int wide_years(const cli_opts *o, cli_data *d, bool *done)
{
    *done = false;
    if (d->transposed || o->header < 0) return CLI_EXIT_OK;
    bool xy = !o->kind_set || o->kind == CLI_LINE || o->kind == CLI_SCATTER ||
              o->kind == CLI_STEP || o->kind == CLI_AREA || o->kind == CLI_STACK;
    bool forced = o->transpose;
    if (!forced && (o->xcol || o->ycols || o->sepcol || !xy)) return CLI_EXIT_OK;
    /* The header: d->names, or row 0 when the reader read it as data (a header of
     * years over numeric columns looks like numbers). */
    bool row0 = !d->header && o->header == 0;
    int nyear = 0, label = -1, last = 0;
    bool increasing = true;
    char h[256];
    for (int c = 0; c < d->ncols; c++) {
        header_cell(d, row0, c, h, sizeof h);
        int y = year_of(h);
        if (y) {
            increasing &= y > last;
            last = y;
            nyear++;
        } else if (label < 0 && nd_table_is_text(d->table, c)) {
            label = c;
        }
    }
    bool years = nyear >= 3 && increasing && 2 * nyear > d->ncols;
    if (!years && !forced) return CLI_EXIT_OK;
    if (!years) row0 = false;
    ptrdiff_t r0 = row0 ? 1 : 0, rows = d->nrows - r0;
    /* Without a text column, a first column that runs one way (an index, years) names
     * the rows. */
    int keycol = -1;
    if (!years && label < 0 && d->ncols > 1) {
        nd_array *a = nd_table_column(d->table, 0);
        if (a && cli_monotonic((const double *)nd_data(a), (size_t)d->nrows) != 0) keycol = 0;
        nd_free(a);
    }
    if (rows <= 0) return CLI_EXIT_OK;
    if (!forced && rows > CLI_WIDE_MAX_ROWS) {
        note(o, "%s: the columns are years (a wide time series, one row per entity); %td rows "
             "are more than the %d nplot draws as series by itself: add --transpose to plot "
             "every row over the years, or try -k heatmap", d->file, rows, CLI_WIDE_MAX_ROWS);
        return CLI_EXIT_OK;
    }
    if (rows > CLI_MAX_Y)
        return fail(d, CLI_EXIT_DATA, "%s: --transpose: %td rows; at most %d series are drawn",
                    d->file, rows, CLI_MAX_Y);
    /* The value columns: the years (or, with --transpose, every numeric column). */
    sbuf b = { 0 };
    char lab[64];
    sb_quoted(&b, years ? "year" : label >= 0 ? d->names[label] : "column");
    /* Years become 1 January of each year: a date axis with year ticks. */
    for (ptrdiff_t r = r0; r < d->nrows; r++) {
        const char *t = label >= 0 ? nd_table_text(d->table, r, label) : NULL;
        if (keycol >= 0) {
            snprintf(lab, sizeof lab, "%.15g", cell_number(d, r, keycol));
            t = lab;
        }
        if (!t || !*t) {
            snprintf(lab, sizeof lab, "row %td", r - r0 + 1);
            t = lab;
        }
        sb_str(&b, ",");
        sb_quoted(&b, t);
    }
    sb_str(&b, "\n");
    int nval = 0;
    for (int c = 0; c < d->ncols; c++) {
        header_cell(d, row0, c, h, sizeof h);
        if (years ? !year_of(h) : nd_table_is_text(d->table, c) || c == keycol) continue;
        nval++;
        if (years) {
            char iso[16];
            snprintf(iso, sizeof iso, "%d-01-01", year_of(h));
            sb_str(&b, iso);
        } else {
            sb_quoted(&b, h);
        }
        for (ptrdiff_t r = r0; r < d->nrows; r++) {
            double v = cell_number(d, r, c);
            char num[40] = "";
            if (!isnan(v)) snprintf(num, sizeof num, "%.17g", v);
            sb_str(&b, ",");
            sb_str(&b, num);
        }
        sb_str(&b, "\n");
    }
    if (b.oom) {
        free(b.p);
        return fail(d, CLI_EXIT_DATA, "%s: out of memory", d->file);
    }
    if (nval < 1) {
        free(b.p);
        return fail(d, CLI_EXIT_DATA, "%s: --transpose: no numeric column to plot", d->file);
    }
    if (years)
        note(o, "%s: the columns are years (a wide time series); each of the %td rows is "
             "plotted as a series over the years%s", d->file, rows,
             forced ? "" : " (--transpose does it for more rows; -k heatmap is another view)");
    /* Read the rewritten table as if it were the file. */
    for (int c = 0; c < d->ncols; c++) free(d->names[c]);
    free(d->names);
    d->names = NULL;
    nd_table_free(d->table);
    d->table = NULL;
    replace_buf(d, b.p, b.n);
    d->transposed = true;
    cli_opts u = *o;
    u.header = 1;
    u.delimiter = ',';
    u.decimal = '.';
    *done = true;
    return load_bytes(&u, d);
}

/* ---- the whole load ---------------------------------------------------------------------------- */
int cli_data_load(const cli_opts *o, cli_data *d)
{
    memset(d, 0, sizeof *d);
    d->xcol = d->xcol2 = -1;
    d->sepcol = -1;
    d->xmono = -2;
    int rc = read_input(o, d);
    if (rc) return rc;
    return load_bytes(o, d);
}

int cli_data_load_buffer(const cli_opts *o, const char *name, const char *buf, size_t len,
                         cli_data *d)
{
    memset(d, 0, sizeof *d);
    d->xcol = d->xcol2 = -1;
    d->sepcol = -1;
    d->xmono = -2;
    d->file = name;
    d->buf = malloc(len ? len : 1);
    if (!d->buf) return fail(d, CLI_EXIT_DATA, "%s: out of memory", name);
    memcpy(d->buf, buf, len);
    d->len = len;
    return load_bytes(o, d);
}

/* Everything after the bytes are in d->buf: encoding, dialect, table, x, y, groups. */
static int load_bytes(const cli_opts *o, cli_data *d)
{
    int rc = check_encoding(o, d);
    if (rc) return rc;
    char delim = o->delimiter;
    char sniffed;
    bool comma = false;
    cli_sniff(d->buf, d->len, &sniffed, &comma);
    if (o->decimal == ',') comma = true;
    else if (o->decimal == '.') comma = false;
    if (!delim && (comma || sniffed == '|')) delim = sniffed ? sniffed : ';';
    if (comma) {
        if (delim == ',')
            return fail(d, CLI_EXIT_USAGE,
                        "%s: a decimal comma needs another delimiter than ',' (use -d ';')",
                        d->file);
        if (!delim) delim = ';';
        d->len = cli_decimal_comma_to_dot(d->buf, d->len, delim);
    }
    /* A preamble line becomes a comment, so the line numbers in messages stay right. */
    size_t pre = o->header == 0 ? cli_preamble(d->buf, d->len, delim) : 0;
    if (pre) {
        note(o, "%s: line 1 (%.*s) does not look like the rest of the file; skipped as a "
             "preamble (use --header to keep it)", d->file,
             (int)(pre > 60 ? 60 : pre - (d->buf[pre - 1] == '\n')), d->buf);
        d->buf[0] = '#';
    }
    /* The reader keeps an object per column: a line of millions of fields would cost
     * gigabytes before any message. */
    size_t wide_line,
           nf = d->seen_known && !d->seen.quote
                    ? cli_max_fields_unquoted(d->buf, d->len, delim, CLI_MAX_COLS, &wide_line)
                    : cli_max_fields_over(d->buf, d->len, delim, CLI_MAX_COLS, &wide_line);
    if (nf > CLI_MAX_COLS)
        return fail(d, CLI_EXIT_DATA, "%s: line %zu has %zu fields; nplot reads at most %d columns",
                    d->file, wide_line, nf, CLI_MAX_COLS);
    nd_csv_stats st;
    d->table = nd_read_csv_buffer(d->buf, d->len,
                                  &(nd_csv_opts){ .path = d->file, .delimiter = delim,
                                                  .header = o->header, .stats = &st });
    if (!d->table) return fail(d, CLI_EXIT_DATA, "%s", strip_func(nd_errmsg()));
    d->header = st.header;
    d->nrows = nd_table_nrows(d->table);
    d->ncols = nd_table_ncols(d->table);
    if (d->nrows == 0)
        return fail(d, CLI_EXIT_DATA, "%s: no data rows%s", d->file,
                    d->header ? " (only a header)" : "");
    d->names = calloc((size_t)d->ncols, sizeof *d->names);
    if (!d->names) return fail(d, CLI_EXIT_DATA, "%s: out of memory", d->file);
    for (int c = 0; c < d->ncols; c++) {
        char tmp[32];
        const char *nm = nd_table_colname(d->table, c);
        if (!d->header || !nm) {
            snprintf(tmp, sizeof tmp, "%d", c + 1);
            nm = tmp;
        }
        d->names[c] = strdup(nm);
        if (!d->names[c]) return fail(d, CLI_EXIT_DATA, "%s: out of memory", d->file);
    }
    bool reloaded;
    if ((rc = wide_years(o, d, &reloaded)) || reloaded) return rc;
    if ((rc = choose_groups(o, d))) return rc;
    if ((rc = choose_x(o, d))) return rc;
    if ((rc = choose_y(o, d))) return rc;
    if ((rc = check_numbers(d))) return rc;
    hint_wide(o, d);
    return CLI_EXIT_OK;
}

void cli_data_free(cli_data *d)
{
    for (int i = 0; i < d->ny; i++) nd_free(d->yarr[i]);
    for (int g = 0; g < d->ngroups; g++) free(d->groups[g]);
    free(d->group);
    free(d->cats);
    release_x(d);
    if (d->names)
        for (int c = 0; c < d->ncols; c++) free(d->names[c]);
    free(d->names);
    nd_table_free(d->table);
    if (d->ndmem) nd_free_mem(d->buf);
    else free(d->buf);
    memset(d, 0, sizeof *d);
}
