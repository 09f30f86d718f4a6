/* Internal interfaces of the I/O module (core/io_*.c, core/numparse.c). Not installed. */
#ifndef NUMC_IO_INTERNAL_H
#define NUMC_IO_INTERNAL_H

#include "internal.h"

#include <numc/io.h>
#include <stdint.h>

/* ---- number parsing (numparse.c) ----------------------------------------------------
 * Each parser reads one number starting exactly at p (no leading blanks) and never reads
 * at or past `end`. It returns the position after the number, or NULL when no number of
 * that kind starts at p (or an integer overflows). Doubles are correctly rounded (the
 * same bits as strtod in the C locale) for every input. */
ND_INTERNAL const char *nd__parse_f64(const char *p, const char *end, double *out);
ND_INTERNAL const char *nd__parse_i64(const char *p, const char *end, int64_t *out);
ND_INTERNAL const char *nd__parse_u64(const char *p, const char *end, uint64_t *out);
/* Python / NumPy complex syntax: "1+2j", "(1-2.5e3j)", "3j", "-j", "1+-2j", "4". */
ND_INTERNAL const char *nd__parse_c128(const char *p, const char *end, double *re, double *im);
/* Parse the whole span [p, end) (surrounding spaces and tabs allowed) as one value of
 * dtype dt and store it at dst. Returns false when the span is not such a number. */
ND_INTERNAL bool nd__parse_cell(const char *p, const char *end, nd_dtype dt, void *dst);
/* The shortest "%.17g"-style text that parses back to v ("%.{15,16,17}g"). Returns the
 * length written (buf should hold 32 bytes). */
ND_INTERNAL int nd__format_f64(char *buf, size_t cap, double v);

/* ---- .npy header (io_npy.c) ---------------------------------------------------------- */
typedef struct nd_npy_header {
    int major, minor;          /* format version */
    nd_dtype dtype;
    bool swap;                 /* data is in the other byte order */
    bool fortran_order;
    int ndim;
    ptrdiff_t shape[ND_MAXDIMS];
    size_t header_len;         /* bytes before the data (magic + length + dict) */
    size_t data_len;           /* bytes of element data the header promises */
} nd_npy_header;

/* Parse the header at the start of buf[0, n). `who` and `name` prefix error messages
 * ("nd_load: data.npy: ..."). Fails with ND_EPARSE (bad magic, malformed dict), ND_EDTYPE
 * (unknown or object dtype) or ND_EVALUE (huge shape). Needs the whole header in buf. */
ND_INTERNAL ND_WARN_UNUSED
nd_status nd__npy_parse_header(const void *buf, size_t n, nd_npy_header *h, const char *who,
                               const char *name);
/* Reads exactly n bytes into dst, or fails with the error set. */
typedef nd_status (*nd__source_fn)(void *ctx, void *dst, size_t n);
/* Array from a .npy stream of `avail` bytes (UINT64_MAX: unknown). Lying headers (data
 * longer than avail) are refused before anything is allocated. */
ND_INTERNAL ND_WARN_UNUSED
nd_array *nd__npy_read(nd__source_fn src, void *ctx, uint64_t avail, const char *who,
                       const char *name);
/* Array from a complete .npy image (copies the data). */
ND_INTERNAL ND_WARN_UNUSED
nd_array *nd__npy_from_memory(const void *buf, size_t n, const char *who, const char *name);
/* The .npy header for `a` (C or Fortran order as `fortran` says) in a new buffer of
 * *len bytes; byteorder '<', '>' or '=' (native). version 0 picks like NumPy. */
ND_INTERNAL ND_WARN_UNUSED
unsigned char *nd__npy_make_header(const nd_array *a, bool fortran, char byteorder, int version,
                                   size_t *len, const char *who);
/* Append the element data of `a` (in C or F order, byte order as asked) to a sink. */
typedef nd_status (*nd__sink_fn)(void *ctx, const void *data, size_t n);
ND_INTERNAL ND_WARN_UNUSED
nd_status nd__npy_write_data(const nd_array *a, bool fortran, bool swap, nd__sink_fn sink,
                             void *ctx, const char *who);

/* ---- files (io_file.c) --------------------------------------------------------------- */
/* open(2) of `path` for reading, fstat(2) into *st: the descriptor (the caller closes it),
 * or -1 with the error set for a NULL path, an open or stat failure, or a directory. */
struct stat;
ND_INTERNAL ND_WARN_UNUSED
int nd__open_read(const char *path, struct stat *st, const char *who);
/* The whole file in a new buffer with `pad` zero bytes after it (not counted in *n). */
ND_INTERNAL ND_WARN_UNUSED
char *nd__read_file(const char *path, size_t *n, size_t pad, const char *who);

/* The whole file: a regular file of 4 MiB or more read by every thread at once into a
 * huge-page block (NUL after it), a smaller one memory-mapped, anything else read; release
 * with nd__unmap_file. Errors name `who` and the path. */
typedef struct nd__mapped {
    void *map;
    size_t len;
    char *buf;
} nd__mapped;
ND_INTERNAL ND_WARN_UNUSED
const char *nd__map_file(const char *path, size_t *n, nd__mapped *m, const char *who);
ND_INTERNAL void nd__unmap_file(nd__mapped *m);

/* nd_file_writer (public, io.h) extras for writers that patch what they wrote (.npz
 * local headers): whether the output can be rewritten in place (false for a FIFO), and
 * pwrite of n bytes at offset `off` (flushing the buffer first). */
ND_INTERNAL bool nd__file_writer_seekable(const nd_file_writer *w);
ND_INTERNAL ND_WARN_UNUSED
nd_status nd__file_writer_patch(nd_file_writer *w, uint64_t off, const void *data, size_t n);
/* Tell the file system that `n` more bytes are coming (Linux fallocate with
 * FALLOC_FL_KEEP_SIZE, as ndarray.tofile does): the blocks are allocated now, so ext4 has
 * no delayed allocation left to flush when commit renames the temporary file over an
 * existing one. A hint only: ignored for in-place outputs and where unsupported; a
 * shortage of space still shows up as the write's error. */
ND_INTERNAL void nd__file_writer_reserve(nd_file_writer *w, uint64_t n);

/* Message for errno `e` opening `path` ("No such file or directory", ...). Sets the error
 * and returns its code, like nd_set_error (so no ND_WARN_UNUSED). */
ND_INTERNAL nd_status nd__io_errno(int e, const char *who, const char *what, const char *path);

/* ---- CSV (io_csv.c) -------------------------------------------------------------------- */
typedef enum nd__csv_mode {
    ND__CSV_LOADTXT,    /* every column numeric; bad cells are errors; row-major matrix */
    ND__CSV_GENFROMTXT, /* every column numeric; bad cells filled; row-major matrix */
    ND__CSV_TABLE       /* numeric or text per column; one buffer per column */
} nd__csv_mode;

typedef struct nd__csv_col {
    char *name;          /* header name, or the column's index */
    bool text;           /* a text column */
    char *data;          /* TABLE: numeric values, nrows × itemsize (NULL for text) */
    char *tbuf;          /* text cells, NUL-terminated, one after another ... */
    size_t tlen, tcap;
    size_t *toff;        /* ... starting at tbuf + toff[row] (NULL: no text kept) */
    ptrdiff_t nmissing;
} nd__csv_col;

typedef struct nd__csv_result {
    int ncols;           /* selected columns */
    nd__csv_col *cols;
    ptrdiff_t nrows;
    nd_dtype dtype;      /* of the numeric values */
    char *matrix;        /* LOADTXT / GENFROMTXT: nrows × ncols values, row-major */
    char *missing;       /* ... and with o->missing, nrows × ncols flags (1: missing cell) */
} nd__csv_result;

/* Parse n bytes (need not be NUL-terminated). On failure returns a negative status with
 * the error set (naming `who`, `name`, line and column) and leaves *res empty. */
ND_INTERNAL ND_WARN_UNUSED
nd_status nd__csv_parse(const char *buf, size_t n, const nd_csv_opts *o, nd__csv_mode mode,
                        const char *who, const char *name, nd__csv_result *res,
                        nd_csv_stats *stats);
ND_INTERNAL void nd__csv_result_free(nd__csv_result *r);
/* Tables read by the parallel pass (line-aligned chunks, one per thread) since the
 * process started; the serial pass reads everything else. For tests. */
ND_INTERNAL long nd__csv_parallel_reads(void);

#endif
