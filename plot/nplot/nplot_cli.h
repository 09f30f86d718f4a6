/* nplot — CSV to chart. Internal interfaces between the command's files:
 *   args.c     command line → cli_opts, --help, --version
 *   columns.c  column specs (names, 1-based indices, ranges) and "did you mean"
 *   dates.c    date/time text and YYYYMMDD numbers → days since 1970-01-01
 *   sniff.c    delimiter / decimal-comma detection, monotonic columns
 *   data.c     reading the input into a table and choosing x and y
 *   render*.c  one figure per kind, through libnumc_plot
 * Nothing here is installed; the unit tests include these sources directly. */
#ifndef NPLOT_CLI_H
#define NPLOT_CLI_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>

#define NPLOT_VERSION_STRING "0.1.0"

/* Exit codes (documented in --help and docs/nplot.1). */
enum {
    CLI_EXIT_OK = 0,
    CLI_EXIT_USAGE = 1,  /* bad command line */
    CLI_EXIT_DATA = 2,   /* the input cannot be read or plotted */
    CLI_EXIT_OUTPUT = 3, /* the output cannot be written */
    CLI_EXIT_HELP = -1   /* internal: --help / --version printed, exit 0 */
};

typedef enum cli_kind {
    CLI_LINE = 0, CLI_SCATTER, CLI_STEP, CLI_AREA, CLI_STACK, CLI_BAR, CLI_BARH, CLI_HIST,
    CLI_BOX, CLI_HEATMAP, CLI_HEXBIN, CLI_SURFACE, CLI_WIREFRAME, CLI_PIE, CLI_NKINDS
} cli_kind;

/* Name of a kind ("line") and the kind of a name (-1 if unknown). */
const char *cli_kind_name(cli_kind k);
int cli_kind_parse(const char *s);

typedef struct cli_opts {
    const char *input;       /* path, or "-" for standard input */
    const char *output;      /* NULL → input's base name with .png in the current dir */
    const char *format;      /* "png" | "svg" | "pdf"; NULL → from the output's extension */
    const char *xcol, *ycols, *sepcol; /* column specs, NULL → automatic */
    cli_kind kind;
    bool kind_set;
    char delimiter;          /* 0 → detect; ' ' → runs of blanks */
    int header;              /* 0 → detect, 1 → yes, -1 → --no-header */
    char decimal;            /* 0 → detect, '.' or ',' */
    const char *title, *xlabel, *ylabel;
    int width, height;       /* pixels, 0 → 800 × 600 at the default dpi */
    double inch_w, inch_h;   /* --size given in inches ("6.4x4.8in"), else 0 */
    double dpi;              /* 0 → 100 */
    bool logx, logy;
    double xlim[2], ylim[2]; /* NaN side → automatic; dates as days since 1970 */
    bool xlim_date[2], ylim_date[2]; /* that side was written as a date */
    bool has_xlim, has_ylim;
    const char *style, *theme, *cmap;
    const char *legend;      /* NULL → automatic (shown for several series), "none" → off,
                                otherwise a matplotlib loc name */
    bool grid, subplots, density, no_dates;
    int bins;                /* hist / hexbin grid: 0 → automatic */
    const char *yfmt, *xfmt; /* printf tick formats */
    const char *color, *marker;
    double linewidth, alpha;
    bool quiet;
    bool verbose;            /* -v: layout decisions on stderr */
    bool transpose;          /* rows are series over the columns */
    const char *size_arg;    /* --size as given, for messages */
} cli_opts;

/* Limits of the command line: the renderer's largest image side, and the width,
 * precision and length of a printf tick format. */
enum { CLI_MAX_PIXELS = 32767, CLI_MAX_FMT_WIDTH = 64, CLI_MAX_FMT_LEN = 256 };

/* NULL when fmt is a printf format nplot accepts for tick labels (one conversion among
 * f F e E g G, width and precision at most CLI_MAX_FMT_WIDTH), else why not. */
const char *cli_format_check(const char *fmt);

/* A limit for a date axis: a side written as a plain year (1000–9999) means 1 January
 * of that year, other numbers are days. */
double cli_date_limit(double v, bool was_date);
/* Parse argv into o (defaults first). Returns CLI_EXIT_OK, CLI_EXIT_HELP (help or version
 * printed to out) or CLI_EXIT_USAGE (message printed to err). */
int cli_parse_args(int argc, char **argv, cli_opts *o, FILE *out, FILE *err);
void cli_print_help(FILE *f);
void cli_print_version(FILE *f);

/* ---- columns.c -------------------------------------------------------------------- */
/* Damerau–Levenshtein (optimal string alignment) distance, ASCII case-insensitive. */
int cli_edit_distance(const char *a, const char *b);
/* Up to `cap` column names close to `name` (best first) written as indices to out;
 * returns how many. A name qualifies when its distance is small for its length, or when
 * one name contains the other (case-insensitive). */
int cli_suggest(const char *name, const char *const *names, int ncols, int *out, int cap);
/* One column: exact name, then 1-based index (negative counts from the end), then a
 * case-insensitive name. Returns the 0-based index or -1 with a message in err naming
 * the spec, the file and the closest names. */
int cli_column_find(const char *spec, const char *const *names, int ncols, const char *file,
                    char *err, size_t errcap);
/* A list "a,b", "2:4", "year:cpi", "3,-1" → 0-based indices in out (at most cap);
 * returns the count or -1 with err filled. A spec that is itself a column name (even
 * with ',' or ':' in it) is that column. Ranges may run backwards ("4:2"). */
int cli_columns_parse(const char *spec, const char *const *names, int ncols,
                      const char *file, int *out, int cap, char *err, size_t errcap);

/* ---- dates.c ------------------------------------------------------------------------- */
/* What a date/time text held. */
enum { CLI_DT_DATE = 1, CLI_DT_TIME = 2 };
/* Days from 1970-01-01 of a proleptic Gregorian date (any year), and back. */
int64_t cli_days_from_civil(int64_t y, int m, int d);
void cli_civil_from_days(int64_t days, int64_t *y, int *m, int *d);
/* Parse s[0..n) (surrounding blanks allowed) as YYYY-MM-DD, YYYY/MM/DD, YYYYMMDD,
 * YYYY-MM, an ISO date-time ("YYYY-MM-DDTHH:MM[:SS[.f]][Z|±HH[:MM]]", also with a space
 * instead of T) or a time of day HH:MM[:SS[.f]]. On success stores days since the epoch
 * (UTC; a time of day alone is a fraction of day 0), sets *what to CLI_DT_* bits and
 * returns true. */
bool cli_parse_datetime(const char *s, size_t n, double *days, int *what);
/* A number like 19580329 (an integer with a valid month and day, years 1000–9999) as
 * days since the epoch. */
bool cli_yyyymmdd(double v, double *days);
/* Format days since the epoch with a subset of strftime: %Y %m %d %H %M %S %b %B %j %%.
 * Returns the length written (truncated to cap - 1). */
size_t cli_format_date(double days, const char *fmt, char *buf, size_t cap);

/* ---- date axes ----------------------------------------------------------------------- */
/* Ticks and labels of date axes come from the plot library (nplot_axis_date,
 * nplot_date_ticks: matplotlib's AutoDateLocator). A date axis spans at most years
 * -1,000,000 .. +1,000,000 (in days from 1970). */
#define CLI_DATE_MAX_DAYS 365242500.0 /* NPLOT_DATE_MAX_DAYS */

/* ---- sniff.c ------------------------------------------------------------------------- */
/* Look at the first lines of buf: the delimiter ('\0' if no guess better than the CSV
 * reader's own) and whether numbers are written with a decimal comma ("1,5"). */
void cli_sniff(const char *buf, size_t n, char *delimiter, bool *decimal_comma);
/* Rewrite a decimal-comma file in place for the CSV reader: in every unquoted field that
 * is a number written with a decimal comma, '.' thousands separators are dropped and the
 * comma becomes '.'. Returns the new length (≤ n). */
size_t cli_decimal_comma_to_dot(char *buf, size_t n, char delimiter);
/* +1 non-decreasing, -1 non-increasing (NaNs skipped; at least two values and not all
 * equal), 0 otherwise. */
int cli_monotonic(const double *v, size_t n);
/* 1-based line of data row `row` (0-based) in a CSV buffer: blank and '#' lines are
 * skipped, a header takes the first line, quoted fields may span lines. */
ptrdiff_t cli_row_line(const char *buf, size_t n, bool header, ptrdiff_t row);

/* Where the first NUL byte of buf[0..n) is (1-based line and byte column); false if none. */
bool cli_find_nul(const char *buf, size_t n, size_t *line, size_t *col);
/* Offset of the first byte of s[0..n) that is not valid UTF-8, or (size_t)-1. */
size_t cli_utf8_invalid(const char *s, size_t n);
/* Length of the valid UTF-8 sequence at s (1-4; n bytes available), or 0 (RFC 3629: no
 * overlong forms, surrogates or code points past U+10FFFF). */
size_t cli_utf8_seq(const unsigned char *s, size_t n);
/* s[0..n) read as Latin-1 (ISO 8859-1), as a new NUL-terminated UTF-8 string of *outn
 * bytes (malloc'd; NULL when out of memory). */
char *cli_latin1_to_utf8(const char *s, size_t n, size_t *outn);
/* 1 for a UTF-16 little-endian byte order mark at buf, 2 for big-endian, else 0. */
int cli_utf16_bom(const char *buf, size_t n);
/* UTF-16 text (after its BOM) as a new NUL-terminated UTF-8 string (malloc'd); unpaired
 * surrogates become U+FFFD. */
char *cli_utf16_to_utf8(const char *buf, size_t n, bool big_endian, size_t *outn);
/* The largest number of fields on one line (outside quotes) and that line (1-based): with
 * delimiter 0 the most frequent of , ; tab | on each line, with ' ' runs of blanks. One
 * pass, no allocation: it guards the CSV reader against a line of millions of fields. */
size_t cli_max_fields(const char *buf, size_t n, char delimiter, size_t *line);

/* Length of a first line that is a preamble rather than a header or data (0 if none):
 * its field count differs from the next lines (which agree), or it mixes numbers and
 * text over a body of numbers ("150,4,setosa,versicolor,virginica"). */
size_t cli_preamble(const char *buf, size_t n, char delimiter);

/* ---- scan.c: the same answers at memory speed ------------------------------------------ */
/* cli_utf8_invalid(s, n), skipping ASCII 32 bytes at a time. */
size_t cli_scan_utf8_invalid(const char *s, size_t n);
/* cli_max_fields(buf, n, delimiter, line) when that exceeds `limit` (the same count and
 * line); otherwise a count <= limit. Without quotes only lines of `limit` bytes or more
 * are counted. */
size_t cli_max_fields_over(const char *buf, size_t n, char delimiter, size_t limit,
                           size_t *line);
/* cli_max_fields_over of a text known to hold no '"' (skips looking for one). */
size_t cli_max_fields_unquoted(const char *buf, size_t n, char delimiter, size_t limit,
                               size_t *line);

/* ---- readfile.c: a regular file read on every thread ----------------------------------- */
/* Which bytes the whole-file checks look for occur in a text. */
typedef struct cli_bytes_seen {
    bool high;  /* a byte >= 0x80 (not ASCII: UTF-8, Latin-1, a UTF-16 byte order mark) */
    bool nul;   /* a NUL byte */
    bool quote; /* a '"' */
} cli_bytes_seen;
/* The first `size` bytes of the open regular file fd in a new block (free it with
 * nd_free_mem), read by nd_get_num_threads() threads at once with pread, and which of the
 * flagged bytes they hold in *seen. NULL on failure with *err an errno value, or -1 when
 * the file ended before `size` bytes (it shrank while read). */
char *cli_read_file(int fd, size_t size, cli_bytes_seen *seen, int *err);

/* ---- data.c ----------------------------------------------------------------------------- */
/* At most CLI_MAX_Y series are drawn (more is said on stderr) and a file may have at most
 * CLI_MAX_COLS columns (documented in --help and nplot(1)). */
enum { CLI_MAX_Y = 256, CLI_MAX_GROUPS = 64, CLI_MAX_COLS = 16384 };

typedef enum cli_xtype {
    CLI_X_NUMBER = 0, /* a numeric column */
    CLI_X_DATE,       /* dates/times: x holds days since 1970-01-01 */
    CLI_X_CATEGORY,   /* a text column: x holds the category index 0, 1, ... */
    CLI_X_ROW         /* no x column: x holds the row number 0, 1, ... */
} cli_xtype;

struct nd_table;
struct nd_array;

typedef struct cli_data {
    const char *file;           /* the name used in messages ("<stdin>" for -) */
    char *buf;                  /* the input's bytes (as given to the CSV reader) */
    size_t len;
    bool ndmem;                 /* buf is nd_malloc'd (else malloc'd) */
    bool seen_known;            /* seen describes buf */
    cli_bytes_seen seen;        /* which flagged bytes buf holds, when seen_known */
    struct nd_table *table;
    bool header;                /* the file had a header row */
    int ncols;
    char **names;               /* column names; "1", "2"... without a header */
    ptrdiff_t nrows;
    int xcol;                   /* -1 when x is the row number */
    int xcol2;                  /* a quarter/month column joined to a year x, or -1 */
    cli_xtype xtype;
    int xdate_what;             /* CLI_DT_* bits of a date axis */
    double *x;                  /* nrows values: owned, or the data of xarr */
    struct nd_array *xarr;      /* the numeric x column when x borrows it */
    int xmono;                  /* cli_monotonic(x) once known, else -2 */
    const char **cats;          /* category labels of a text x (borrowed from the table) */
    int ncats;
    int ny;
    int ycols[CLI_MAX_Y];
    const double *y[CLI_MAX_Y]; /* nrows values each, borrowed from yarr */
    struct nd_array *yarr[CLI_MAX_Y];
    int sepcol;                 /* -1 without --sep */
    int ngroups;
    char *groups[CLI_MAX_GROUPS]; /* group labels (owned) */
    int *group;                 /* group of each row (owned) */
    bool transposed;            /* rows became columns (wide table, --transpose) */
    char err[2048];             /* the message when loading fails */
} cli_data;

/* Read o->input (a path or "-"), detect its shape and choose x, y and groups for
 * o->kind. Returns CLI_EXIT_OK or CLI_EXIT_DATA / CLI_EXIT_USAGE with d->err set. */
int cli_data_load(const cli_opts *o, cli_data *d);
/* The same from bytes in memory (copied); name is used in messages (borrowed). */
int cli_data_load_buffer(const cli_opts *o, const char *name, const char *buf, size_t len,
                         cli_data *d);
void cli_data_free(cli_data *d);

#endif
