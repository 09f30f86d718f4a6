/* numc — input and output: NumPy's .npy / .npz files, CSV and other delimited text.
 *
 * Every nd_array* returned is the caller's (nd_free); tables and archives are freed
 * with their own _free / _close. Errors: NULL or a negative nd_status, with nd_errmsg()
 * naming the function, the file and — for text — the line and column. Saves go through
 * nd_file_writer (end of this file): a temporary file next to the target renamed over
 * it, so a failed save leaves no partial file behind and an existing file unchanged;
 * symbolic links are followed; devices and FIFOs are written in place, never replaced. */
#ifndef NUMC_IO_H
#define NUMC_IO_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "array.h"

#ifdef __cplusplus
extern "C" {
#endif

/* ==== .npy ============================================================================ */

typedef enum nd_mmap_mode {
    ND_MMAP_NONE = 0, /* read into memory */
    ND_MMAP_R,        /* NumPy's mmap_mode='r': read-only view of the file */
    ND_MMAP_C         /* 'c': copy-on-write; writes change memory only, never the file */
} nd_mmap_mode;

/* Keyword arguments (see array.h): the last positional argument is the first field, so
 * the variadic part is never empty: nd_load("a.npy") or nd_load("a.npy", .mmap_mode = ...). */
typedef struct nd_load_opts {
    const char *path;
    nd_mmap_mode mmap_mode;
} nd_load_opts;

/* numpy.load of a .npy file (format 1.0, 2.0 or 3.0; any numc dtype in either byte
 * order, swapped to native; C or Fortran order, kept as such). With .mmap_mode the
 * array maps the file (the mapping lives until the last view is freed); big-endian data
 * cannot be mapped read-only (ND_EDTYPE). Object arrays (pickles) are refused (ND_EDTYPE)
 * and never executed; a .npz path gives ND_EVALUE pointing to nd_npz_open. */
ND_API nd_array *nd_load_(const nd_load_opts *o);
#define nd_load(...) nd_load_(&(nd_load_opts){ .path = __VA_ARGS__ })

/* The same from a .npy image in memory (the data is copied). */
ND_API nd_array *nd_load_buffer(const void *data, size_t n);

typedef struct nd_save_opts {
    const nd_array *array; /* the array to save */
    int version;     /* 0 → like NumPy: 1.0, or 2.0 when the header needs > 65535 bytes;
                        1, 2 or 3 force that format version */
    char byteorder;  /* 0 or '=' native, '<' little-endian, '>' big-endian */
    bool fortran;    /* write in Fortran order even if `a` is C-contiguous. By default, like
                        NumPy, F order is used when `a` is F- but not C-contiguous */
} nd_save_opts;

/* numpy.save: write `a` (any layout) to `path` as .npy. */
ND_API nd_status nd_save_(const char *path, const nd_save_opts *o);
#define nd_save(path, ...) nd_save_((path), &(nd_save_opts){ .array = __VA_ARGS__ })

/* The .npy image of o->array in a new buffer of *n bytes (free with nd_free_mem). */
ND_API void *nd_save_buffer(size_t *n, const nd_save_opts *o);

/* ==== .npz ============================================================================ */

typedef struct nd_npz nd_npz; /* an open .npz (zip) archive */

/* Options of nd_npz_open: nd_npz_open("a.npz") or nd_npz_open("a.npz", .max_bytes = 1 << 26). */
typedef struct nd_npz_opts {
    const char *path;    /* the archive; for nd_npz_open_buffer, the name used in messages
                            (NULL → "<buffer>") */
    uint64_t max_bytes;  /* 0 → no cap (NumPy). Otherwise nd_npz_get refuses (ND_EVALUE,
                            naming the member, its declared size and the cap) a member whose
                            .npy image — header and data, uncompressed — declares more bytes,
                            before allocating or inflating anything. Set it for untrusted
                            files: deflate inflates up to 1032:1, so a 1 MB archive may
                            declare a 1 GB array */
} nd_npz_opts;

/* Open an archive for reading (members stored or deflate-compressed, zip64 included).
 * Only the central directory is read here; members are read by nd_npz_get. */
ND_API nd_npz *nd_npz_open_(const nd_npz_opts *o);
#define nd_npz_open(...) nd_npz_open_(&(nd_npz_opts){ .path = __VA_ARGS__ })
/* The same over bytes in memory; the archive keeps its own copy. o may be NULL. */
ND_API nd_npz *nd_npz_open_buffer(const void *data, size_t n, const nd_npz_opts *o);
ND_API void nd_npz_close(nd_npz *z);
/* Number of members, and the i-th member's array name ("x" for member "x.npy"). */
ND_API size_t nd_npz_count(const nd_npz *z);
ND_API const char *nd_npz_name(const nd_npz *z, size_t i);
/* Index of the member called `name` (with or without ".npy"), or -1 (ND_EINDEX set). */
ND_API ptrdiff_t nd_npz_find(const nd_npz *z, const char *name);
/* Read a member (decompressing and checking its CRC-32). New array, caller's. */
ND_API nd_array *nd_npz_get(nd_npz *z, const char *name);
ND_API nd_array *nd_npz_get_index(nd_npz *z, size_t i);

typedef struct nd_savez_opts {
    const nd_array *const *arrays; /* n arrays */
    bool compress;   /* deflate (numpy.savez_compressed); default stored (numpy.savez) */
    int level;       /* zlib level 1–9 when compressing; 0 → 6 */
    bool force_zip64; /* write zip64 records even for small members (they are written
                        anyway for members or archives past 4 GiB) */
} nd_savez_opts;

/* numpy.savez: n arrays under the given names (each stored as "<name>.npy"). Names must
 * be distinct and non-empty. */
ND_API nd_status nd_savez_(const char *path, size_t n, const char *const *names,
                                const nd_savez_opts *o);
#define nd_savez(path, n, names, ...) \
    nd_savez_((path), (n), (names), &(nd_savez_opts){ .arrays = __VA_ARGS__ })
#define nd_savez_compressed(path, n, names, ...) \
    nd_savez_((path), (n), (names), \
                   &(nd_savez_opts){ .compress = true, .arrays = __VA_ARGS__ })

/* ==== CSV and delimited text =========================================================== */

/* What a reader found (optional output through .stats). */
typedef struct nd_csv_stats {
    ptrdiff_t nrows;        /* data rows read */
    int ncols;              /* columns in the file (before usecols) */
    char delimiter;         /* the delimiter used (' ' for runs of blanks) */
    bool header;            /* a header row was used */
    ptrdiff_t nmissing;     /* cells filled: empty, missing tokens, unparsable */
    ptrdiff_t nragged;      /* rows padded or truncated (ragged_fill) */
    ptrdiff_t first_missing_line; /* line of the first filled cell, 0 if none */
} nd_csv_stats;

/* Options of the text readers; zero means default everywhere. The file comes first:
 * nd_loadtxt("data.csv", .usecols = (int[]){0, 2}, .nusecols = 2). */
typedef struct nd_csv_opts {
    const char *path;       /* the file to read; for the _buffer forms, the name used in
                               messages (NULL → "<buffer>") */
    char delimiter;         /* 0 → detect among ',' '\t' ';' and runs of blanks;
                               ' ' → runs of spaces/tabs (numpy's delimiter=None) */
    char quote;             /* 0 → '"'; a quoted field may hold delimiters, newlines and
                               doubled quotes ("say ""hi"""). -1 → no quoting */
    const char *comments;   /* NULL → "#"; "" → none. Starts a comment anywhere outside
                               quotes; comment-only and blank lines are skipped */
    int header;             /* 0 → detect (first row all non-numeric), 1 → yes, -1 → no */
    ptrdiff_t skiprows;     /* physical lines skipped first (before header detection) */
    ptrdiff_t max_rows;     /* 0 → all data rows */
    const int *usecols;     /* column indices to keep (negative count from the end) ... */
    int nusecols;
    const char *const *usenames; /* ... or column names (needs a header) */
    int nusenames;
    int dtype;              /* numeric dtype: 0 → float64 (ints, floats, complex work) */
    const double *filling_value; /* value for missing cells; NULL → NaN (−1 for ints) */
    const char *const *missing_values; /* tokens meaning "missing" besides the empty cell;
                               NULL → "NA", "N/A", "null", "NULL", "-", "?" */
    int nmissing_values;
    bool invalid_raise;     /* genfromtxt/read_csv: unparsable cells are errors instead
                               of being filled (loadtxt: always errors) */
    bool ragged_fill;       /* rows with too few fields are padded with missing cells and
                               extra fields dropped (counted in nragged); default: ND_EPARSE
                               naming the line and the expected and found field counts */
    bool numeric;           /* read_csv: every column numeric (text cells → missing) */
    bool keep_text;         /* read_csv: keep the raw text of numeric columns too */
    int ndmin;              /* loadtxt: minimum dimensions of the result (0, 1 or 2) */
    nd_csv_stats *stats;    /* if non-NULL, receives what the reader found */
    nd_array **missing;     /* genfromtxt/loadtxt: if non-NULL, receives a new bool array of
                               the result's shape, true where a cell was missing (filled):
                               empty, a missing token or ragged_fill padding. Unparsable
                               cells that were filled are not marked, as NumPy's
                               genfromtxt(usemask=True) does not mask them. NULL on failure */
    int dates;              /* read_csv: 0 → a text column whose every cell is a date
                               (nd_datetime_sniff_loose: ISO dates and date-times, YYYY/MM/DD,
                               YYYYMMDD, YYYY-MM, quarters 2020Q1; blank, "NaT" and "NA"-like
                               cells are NaT) becomes a datetime64 column; -1 → never */
    const nd_dtype *dtypes; /* read_csv: per selected column (ndtypes of them, the rest
                               automatic): 0 → automatic; a datetime64 dtype → dates (generic
                               datetime64: the values' finest unit; a cell that is no date is
                               ND_EVALUE naming the cell, its row and the position; a numeric
                               column's integers read as YYYYMMDD); ND_STR_OF(0) → text, never
                               dates (a numeric column needs .keep_text). Other dtypes:
                               ND_EDTYPE (numbers take .dtype) */
    int ndtypes;
} nd_csv_opts;

/* numpy.loadtxt: all selected columns as numbers of .dtype in a 2-D (rows × cols) array,
 * squeezed like NumPy (one column or one row → 1-D) unless .ndmin says otherwise.
 * Missing or unparsable cells are errors (ND_EPARSE naming file, line and column). */
ND_API nd_array *nd_loadtxt_(const nd_csv_opts *o);
#define nd_loadtxt(...) nd_loadtxt_(&(nd_csv_opts){ .path = __VA_ARGS__ })
/* numpy.genfromtxt: like loadtxt, but missing and unparsable cells become .filling_value
 * (NaN by default) and are counted in .stats->nmissing. Always 2-D. */
ND_API nd_array *nd_genfromtxt_(const nd_csv_opts *o);
#define nd_genfromtxt(...) nd_genfromtxt_(&(nd_csv_opts){ .path = __VA_ARGS__ })
/* Both, over bytes in memory (o->path names them in messages; o may be NULL). */
ND_API nd_array *nd_loadtxt_buffer(const void *data, size_t n, const nd_csv_opts *o);
ND_API nd_array *nd_genfromtxt_buffer(const void *data, size_t n, const nd_csv_opts *o);

/* A table read from CSV: named columns, each numeric (an nd_array of .dtype) or text. */
typedef struct nd_table nd_table;

/* Read a CSV file into a table. A column is numeric when every cell is a number or
 * missing (filled with NaN, counted per column), text otherwise. UTF-8 with or without
 * BOM; "\n", "\r\n" or "\r" line ends. Free with nd_table_free. */
ND_API nd_table *nd_read_csv_(const nd_csv_opts *o);
#define nd_read_csv(...) nd_read_csv_(&(nd_csv_opts){ .path = __VA_ARGS__ })
/* The same over bytes in memory (o may be NULL). */
ND_API nd_table *nd_read_csv_buffer(const void *data, size_t n, const nd_csv_opts *o);
ND_API void nd_table_free(nd_table *t);

ND_API ptrdiff_t nd_table_nrows(const nd_table *t);
ND_API int nd_table_ncols(const nd_table *t);
/* Column name from the header, or "0", "1", ... without one. NULL for a bad index. */
ND_API const char *nd_table_colname(const nd_table *t, int col);
/* Index of the first column called `name` (exact match), or -1 with ND_EINDEX "no column
 * named 'realgpd'; did you mean 'realgdp'?" (the closest name within about one edit per
 * three characters, case ignored; no suggestion when none is that close). */
ND_API int nd_table_find(const nd_table *t, const char *name);
/* A column kept as text. A date column found among the text columns (.dates) stays a
 * text column too: nd_table_text gives each cell's own text. */
ND_API bool nd_table_is_text(const nd_table *t, int col);
/* A column of dates (detected or forced through .dtypes): nd_table_column gives it as a
 * 1-D datetime64 array, in unit D when every cell is a plain date, else the finest unit
 * its cells spell (numpy.array(cells, 'M8')), NaT for blank and missing cells. */
ND_API bool nd_table_is_date(const nd_table *t, int col);
/* A numeric or date column as a 1-D array (a new reference on the table's data, so the
 * table may be freed first). Other text columns give NULL with ND_EDTYPE (their 'U' array
 * is nd_table_text_column, strings.h). */
ND_API nd_array *nd_table_column(const nd_table *t, int col);
ND_API nd_array *nd_table_column_by_name(const nd_table *t, const char *name);
/* The text of cell (row, col), unquoted: always for text columns, for numeric columns
 * only with .keep_text (else NULL with ND_EVALUE). Valid until nd_table_free. */
ND_API const char *nd_table_text(const nd_table *t, ptrdiff_t row, int col);
/* Missing (filled) cells of a column. */
ND_API ptrdiff_t nd_table_nmissing(const nd_table *t, int col);
/* All numeric columns side by side as a 2-D (rows × numeric columns) array of dt. */
ND_API nd_array *nd_table_to_array(const nd_table *t, nd_dtype dt);
/* The first nrows rows (all when nrows < 0 or larger than the table) as text, laid out
 * like pandas' print(df.head(nrows)): a header of column names, the row labels (0, 1, 2
 * ... or describe's statistic names) left-aligned, every column right-aligned, numbers
 * in the column's common NumPy format ("1959." written "1959.0"), and
 * "[203 rows x 14 columns]" when rows were left out. Free with nd_free_mem; NULL with
 * the error set on failure. */
ND_API char *nd_table_str(const nd_table *t, ptrdiff_t nrows);
/* nd_table_str written to f (stdout when NULL); ND_EIO when the write fails. */
ND_API nd_status nd_table_print(const nd_table *t, ptrdiff_t nrows, FILE *f);
/* pandas' df.describe(): a new table with one float64 column per numeric column of t
 * (same names; text columns are left out) and the 8 rows count, mean, std (ddof 1),
 * min, 25%, 50%, 75%, max over the values that are not NaN (quartiles by linear
 * interpolation; NaN where undefined). Print it with nd_table_print(d, -1, NULL), read a
 * statistic with nd_table_column_by_name; free with nd_table_free. */
ND_API nd_table *nd_table_describe(const nd_table *t);

/* Options of nd_savetxt. */
typedef struct nd_savetxt_opts {
    const nd_array *array;  /* 1-D or 2-D array to write */
    const char *fmt;        /* printf conversion per element (NULL → "%.18e"; "%d", "%.3f",
                               "%10.5g", ...), or a whole-row format with one conversion per
                               column ("%d: %.2f"). Complex values print as (re+imj). */
    const char *delimiter;  /* NULL → " " */
    const char *newline;    /* NULL → "\n" */
    const char *header;     /* written first, each line prefixed with `comments` */
    const char *footer;     /* written last, likewise */
    const char *comments;   /* NULL → "# " */
} nd_savetxt_opts;

/* numpy.savetxt: a 1-D (one value per line) or 2-D array as text. */
ND_API nd_status nd_savetxt_(const char *path, const nd_savetxt_opts *o);
#define nd_savetxt(path, ...) nd_savetxt_((path), &(nd_savetxt_opts){ .array = __VA_ARGS__ })

/* ==== Memory-mapped .npy: numpy.lib.format.open_memmap ================================= */

typedef enum nd_memmap_mode {
    ND_MEMMAP_R_PLUS = 0, /* 'r+' (NumPy's default): read-write, writes reach the file */
    ND_MEMMAP_R,          /* 'r': read-only */
    ND_MEMMAP_W_PLUS,     /* 'w+': create (or truncate) the file with dtype / shape */
    ND_MEMMAP_C           /* 'c': copy-on-write; writes change memory only */
} nd_memmap_mode;
typedef struct nd_open_memmap_opts {
    const char *path;
    nd_memmap_mode mode;
    int dtype;              /* w+: 0 → float64; any nd_dtype except bool ... */
    bool bool_dtype;        /* ... which is asked for with this */
    int ndim;               /* w+: the shape (ND_SHAPE-style pair: .ndim, .shape) */
    const ptrdiff_t *shape;
    bool fortran_order;     /* w+: column-major data */
    int version;            /* w+: 0 → automatic (1.0, or 2.0 for a huge header), 1, 2, 3 */
} nd_open_memmap_opts;
/* numpy.lib.format.open_memmap(path, mode, dtype, shape, fortran_order, version): an
 * array whose buffer is the file's mapping (r: read-only; r+ / w+: writes go to the file;
 * c: private). The mapping lives until the last view is freed; writable shared maps are
 * flushed then. Errors: ND_EIO (open, map), ND_EPARSE (bad header, file shorter than the
 * header says), ND_EDTYPE (non-native byte order with r / r+, object dtype), ND_EVALUE
 * (shape given when opening, missing with w+). w+ truncates an existing file.
 *     nd_open_memmap("big.npy", .mode = ND_MEMMAP_W_PLUS, .dtype = ND_FLOAT32,
 *                    .ndim = 2, .shape = (const ptrdiff_t[]){ 1000, 1000 }) */
ND_API nd_array *nd_open_memmap_(const nd_open_memmap_opts *o);
#define nd_open_memmap(...) nd_open_memmap_(&(nd_open_memmap_opts){ .path = __VA_ARGS__ })
/* memmap.flush(): write a shared mapping's changes to the file now (msync). ND_EVALUE
 * for an array (or view) that is not from nd_open_memmap. */
ND_API nd_status nd_memmap_flush(const nd_array *a);

/* ==== Raw files: ndarray.tofile / numpy.fromfile ====================================== */

typedef struct nd_tofile_opts {
    const nd_array *array;  /* the array to write (any layout; written in C order) */
    const char *sep;        /* NULL or "" → binary (native byte order, no header);
                               otherwise text with sep between items (none at the end) */
    const char *format;     /* text only: a %-format with one conversion applied to each
                               item (NULL → "%s": str() of the item, "1.5", "True",
                               "(1+2j)"); "%.3f", "%5d", "%x" as Python's format % item */
} nd_tofile_opts;
/* ndarray.tofile(path, sep, format). The file is replaced atomically: a failed write
 * leaves an existing file unchanged. Errors: ND_EIO (naming the path), ND_EVALUE (a
 * format without exactly one conversion, an integer format for complex or non-finite
 * values). nd_tofile("a.bin", a) or nd_tofile("a.txt", a, .sep = ", ", .format = "%.3f") */
ND_API nd_status nd_tofile_(const char *path, const nd_tofile_opts *o);
#define nd_tofile(path, ...) nd_tofile_((path), &(nd_tofile_opts){ .array = __VA_ARGS__ })

typedef struct nd_fromfile_opts {
    const char *path;
    int dtype;              /* 0 → float64 (NumPy's default); any nd_dtype except bool ... */
    bool bool_dtype;        /* ... which is asked for with this (dtype left 0) */
    ptrdiff_t count;        /* items to read; 0 or negative → all (NumPy's -1) */
    const char *sep;        /* NULL or "" → binary; else text: whitespace in sep matches any
                               run of whitespace (or none), blanks around sep are allowed */
    ptrdiff_t offset;       /* binary only: bytes skipped at the start */
} nd_fromfile_opts;
/* numpy.fromfile(path, dtype, count, sep, offset): a new 1-D array. Binary: the items that
 * fit after offset (a trailing partial item is ignored and a count beyond the end gives
 * what is there, as NumPy). Text: items parsed until the end or count; text that does
 * not match the separator is ND_EPARSE (NumPy 1.24 warns and NumPy 2 raises). Errors:
 * ND_EIO for an unreadable file, ND_EVALUE (offset < 0, past the end, or with sep). */
ND_API nd_array *nd_fromfile_(const nd_fromfile_opts *o);
#define nd_fromfile(...) nd_fromfile_(&(nd_fromfile_opts){ .path = __VA_ARGS__ })

/* ==== numpy.fromstring (text mode) / numpy.fromregex ================================== */

typedef struct nd_fromstring_opts {
    int _;            /* reserved: leave it out (lets an empty option list compile) */
    int dtype;        /* 0 → float64 (NumPy's default); any nd_dtype except bool ... */
    bool bool_dtype;  /* ... which is asked for with this (dtype left 0) */
    ptrdiff_t count;  /* items to read; 0 or negative → all (NumPy's -1) */
    const char *sep;  /* required: the text separator, as nd_fromfile's ("1 2 3" with " ",
                         "1,2,3" with ","); whitespace in it matches any run of blanks */
} nd_fromstring_opts;
/* numpy.fromstring(string, dtype, count, sep): the items of a C string as a new 1-D array.
 * NumPy's binary mode (sep='') is deprecated: it is ND_EVALUE here, pointing to
 * nd_frombuffer. ND_EPARSE for text that does not match sep (NumPy 1.24 warns), ND_EVALUE
 * for a count beyond the items there, ND_EDTYPE for an invalid dtype. */
ND_API nd_array *nd_fromstring_(const char *string, const nd_fromstring_opts *o);
#define nd_fromstring(...) \
    nd_fromstring_(ND__RH(__VA_ARGS__, ), &(nd_fromstring_opts){ ._ = 0, ND__T1(__VA_ARGS__, ) })

typedef struct nd_fromregex_opts {
    int _;           /* reserved: leave it out (lets an empty option list compile) */
    int dtype;       /* every column's dtype; 0 → float64; any nd_dtype except bool ... */
    bool bool_dtype; /* ... which is asked for with this (a non-empty match is True) */
} nd_fromregex_opts;
/* numpy.fromregex(file, regexp, dtype) with a POSIX extended expression (regcomp
 * REG_EXTENDED, not Python's re syntax): every non-overlapping match in the file, each
 * group converted as int() / float() / complex() would and cast to the dtype. One group
 * (or none: the whole match) gives a 1-D array of the matches, k groups a (matches, k)
 * array. ND_EIO for an unreadable file, ND_EVALUE for a bad expression, ND_EPARSE for a
 * group that is not a number (naming the match and group). */
ND_API nd_array *nd_fromregex_(const char *path, const char *regexp, const nd_fromregex_opts *o);
#define nd_fromregex(path, ...)                                                            \
    nd_fromregex_((path), ND__RH(__VA_ARGS__, ),                                           \
                  &(nd_fromregex_opts){ ._ = 0, ND__T1(__VA_ARGS__, ) })
/* fromregex with a dtype per group (NumPy's structured dtype, one field per group):
 * columns[g] gets a new 1-D array of dtypes[g] for each of the ncolumns groups (NULL on
 * failure, all freed). ND_EVALUE when ncolumns differs from the expression's groups. */
ND_API nd_status nd_fromregex_columns(const char *path, const char *regexp, int ncolumns,
                                      const nd_dtype *dtypes, nd_array **columns);

/* ==== Writing files: nothing destroyed, nothing lost ==================================
 * The writer behind every save above (and numc_plot's savefig), for libraries built on
 * numc. Rules, whatever the target:
 *  - a symbolic link is followed: its target is written and the link stays a link;
 *  - a regular file (or a new one) is written to a temporary file in the same directory
 *    ("<target>.tmp<pid>.<n>") that commit renames over the target, keeping the old
 *    file's permission bits (and owner, where allowed); on any failure the temporary is removed and an existing
 *    file is left exactly as it was. A read-only existing file is refused (ND_EIO),
 *    as open(path, "wb") would. There is no fsync: after a system crash the file may be
 *    the old or the new one (or, on file systems without rename ordering, empty);
 *  - anything else (a character device such as /dev/null, a FIFO, a socket), and links
 *    under /proc (/dev/stdout → /proc/self/fd/1), is opened and written in place, never
 *    replaced. Opening a FIFO waits for a reader, as
 *    numpy.save does; a failed save may have written part of the data to it;
 *  - a directory is refused (ND_EIO, "is a directory").
 * Every write and the final close are checked (a full disk gives ND_EIO naming the path
 * and "no space left on device"). Writes are buffered; the first failure is kept and
 * returned by every later call, so a caller may check only at commit. */
typedef struct nd_file_writer nd_file_writer;

/* Start writing `path`. `who` (a function name, static storage; NULL →
 * "nd_file_writer_open") starts error messages. NULL on failure with the error set. */
ND_API nd_file_writer *nd_file_writer_open(const char *path, const char *who);
/* Append n bytes. ND_OK, or the (first) failure's status. */
ND_API nd_status nd_file_writer_write(nd_file_writer *w, const void *data, size_t n);
/* Finish: flush, close and (for a regular file) rename over the target. Always frees w;
 * on failure nothing was replaced. */
ND_API nd_status nd_file_writer_commit(nd_file_writer *w);
/* Give up: close and remove the temporary file; the target is untouched. Frees w; NULL
 * is a no-op. */
ND_API void nd_file_writer_abort(nd_file_writer *w);

#ifdef __cplusplus
}
#endif
#endif
