/* numc — fixed-width string arrays: NumPy's 'S' (bytes) and 'U' (UCS-4 code points) dtypes.
 *
 * A 'U<w>' element holds w code points (native-endian uint32), an 'S<w>' element w bytes;
 * both are zero padded, and trailing zeros are not part of the value (NumPy's rule: b'a\0'
 * reads back as b'a'). Text goes in and comes out as UTF-8; invalid UTF-8 is ND_EVALUE with
 * the byte offset in the message. Strings longer than the width are cut to it, as NumPy's
 * assignment does. Results are new arrays owned by the caller (nd_free); NULL or a negative
 * nd_status on error.
 *
 * Elsewhere the string dtypes work through the ordinary functions: nd_astype between 'S'
 * and 'U' of any width and to/from numbers (width 0 sizes the result as NumPy does: 'U21'
 * for int64, 'U32' for float64), nd_copy / views / transposes, the comparison ufuncs
 * (nd_equal ... nd_greater_equal, code-point order with trailing zeros ignored), nd_sort /
 * nd_argsort / nd_searchsorted / nd_unique / nd_isin, nd_repr / nd_str / nd_print, and
 * nd_save / nd_load (.npy '<U5', '|S3'). */
#ifndef NUMC_STRINGS_H
#define NUMC_STRINGS_H

#include <stddef.h>
#include <stdint.h>

#include "array.h"
#include "dtype.h"
#include "error.h"
#include "export.h"

#ifdef __cplusplus
extern "C" {
#endif

/* numpy.array(list_of_str, dtype): a 1-D array of the n NUL-terminated UTF-8 strings.
 * dt is ND_STR_OF(w) or ND_BYTES_OF(w); width 0 sizes it to the longest string (at least
 * 1, as NumPy's 'U1' for ['', '']). An 'S' array takes ASCII text only (NumPy encodes with
 * the ascii codec): another character is ND_EVALUE. A NULL string, a negative n or a
 * non-string dtype are ND_EVALUE / ND_EDTYPE; invalid UTF-8 is ND_EVALUE naming the string
 * and the byte offset. nd_str_array(3, (const char *[]){ "a", "bc", "é" }, ND_STR_OF(0)). */
ND_API nd_array *nd_str_array(ptrdiff_t n, const char *const *utf8, nd_dtype dt);
/* The same with a shape: the strings fill it in C order (prod(shape) of them). */
ND_API nd_array *nd_str_array_nd(int ndim, const ptrdiff_t *shape, const char *const *utf8,
                                 nd_dtype dt);
/* numpy.array(list_of_bytes): a 1-D 'S' array of n byte strings of lens[i] bytes each
 * (lens NULL: NUL-terminated), raw bytes with no encoding. width 0 sizes it to the longest
 * (at least 1); longer strings are cut. */
ND_API nd_array *nd_bytes_array(ptrdiff_t n, const char *const *bytes, const size_t *lens,
                                size_t width);

/* Column col of a CSV table (nd_read_csv) as a 1-D 'U' array sized to its longest cell: a
 * text column, or a numeric one read with .keep_text (pandas' df[col].to_numpy(str)).
 * Cells are UTF-8 (invalid UTF-8: ND_EVALUE with the row as the string number and the byte
 * offset); a bad column is ND_EINDEX, a numeric column without its text ND_EVALUE. */
struct nd_table;
ND_API nd_array *nd_table_text_column(const struct nd_table *t, int col);

/* Element idx (ND_IDX(i, j); negatives count from the end) as UTF-8 ('U') or as its bytes
 * ('S'), trailing zeros dropped, into buf of cap bytes, NUL-terminated and cut to fit like
 * snprintf. Returns the full length in bytes (without the NUL), or a negative nd_status:
 * ND_EINDEX for a bad index, ND_EDTYPE for a non-string array. buf may be NULL with cap 0
 * to ask for the length. */
ND_API ptrdiff_t nd_str_get(const nd_array *a, int nidx, const ptrdiff_t *idx, char *buf,
                            size_t cap);
/* The same in a new NUL-terminated buffer (free with nd_free_mem); *len (when not NULL)
 * gets its length, which for 'S' may count inner NUL bytes. NULL on error. */
ND_API char *nd_str_get_alloc(const nd_array *a, int nidx, const ptrdiff_t *idx, size_t *len);
/* a[idx] = utf8 (NUL-terminated), cut to the width as NumPy's assignment does. An 'S'
 * array takes ASCII only (ND_EVALUE otherwise, NumPy's UnicodeEncodeError); invalid UTF-8
 * is ND_EVALUE with the byte offset; a read-only array ND_EVALUE. */
ND_API nd_status nd_str_set(nd_array *a, int nidx, const ptrdiff_t *idx, const char *utf8);
/* a[idx] = bytes (len raw bytes), cut to the width. For an 'S' array any bytes; for a 'U'
 * array the bytes must be ASCII (NumPy decodes bytes with the ascii codec). */
ND_API nd_status nd_bytes_set(nd_array *a, int nidx, const ptrdiff_t *idx, const void *bytes,
                              size_t len);

/* ---- numpy.char ---------------------------------------------------------------------------
 * Python's str methods on every element of a 'U' array (Unicode rules of Python's
 * unicodedata: full case mappings, the final sigma, str.isspace's whitespace) and bytes
 * methods on an 'S' array (ASCII rules). String arguments are UTF-8 for a 'U' array and
 * raw bytes for an 'S' one. Result widths are NumPy's: the input's width for the case
 * functions and strip, `width` for center / ljust / rjust / zfill (longer strings are cut
 * to it), the sum of the widths for add, the longest result (at least 1) for multiply and
 * replace. A non-string array is ND_EDTYPE; results are the caller's. */
ND_API nd_array *nd_char_upper(const nd_array *a);
ND_API nd_array *nd_char_lower(const nd_array *a);
ND_API nd_array *nd_char_swapcase(const nd_array *a);
ND_API nd_array *nd_char_capitalize(const nd_array *a); /* first character in title case */
ND_API nd_array *nd_char_title(const nd_array *a);
/* strip / lstrip / rstrip the characters of `chars` (NULL: whitespace). */
ND_API nd_array *nd_char_strip(const nd_array *a, const char *chars);
ND_API nd_array *nd_char_lstrip(const nd_array *a, const char *chars);
ND_API nd_array *nd_char_rstrip(const nd_array *a, const char *chars);
/* Pad to `width` with fillchar (one character; NULL: a space) as str.center / ljust /
 * rjust; zfill pads with '0' after a leading sign. */
ND_API nd_array *nd_char_center(const nd_array *a, ptrdiff_t width, const char *fillchar);
ND_API nd_array *nd_char_ljust(const nd_array *a, ptrdiff_t width, const char *fillchar);
ND_API nd_array *nd_char_rjust(const nd_array *a, ptrdiff_t width, const char *fillchar);
ND_API nd_array *nd_char_zfill(const nd_array *a, ptrdiff_t width);
/* numpy.char.add (broadcasting; both 'U' or both 'S') and multiply (i < 1 gives ''). */
ND_API nd_array *nd_char_add(const nd_array *a, const nd_array *b);
ND_API nd_array *nd_char_multiply(const nd_array *a, ptrdiff_t i);
/* str.replace(old, new, count); count < 0 replaces all. */
ND_API nd_array *nd_char_replace(const nd_array *a, const char *old, const char *new_,
                                 ptrdiff_t count);
/* int64 results. start / end are Python slice bounds (negatives from the end); ND_CHAR_END
 * is NumPy's end=None. find / rfind give -1 when absent; index / rindex make that
 * ND_EVALUE ("substring not found"). */
#define ND_CHAR_END PTRDIFF_MAX
ND_API nd_array *nd_char_find(const nd_array *a, const char *sub, ptrdiff_t start, ptrdiff_t end);
ND_API nd_array *nd_char_rfind(const nd_array *a, const char *sub, ptrdiff_t start, ptrdiff_t end);
ND_API nd_array *nd_char_index(const nd_array *a, const char *sub, ptrdiff_t start, ptrdiff_t end);
ND_API nd_array *nd_char_rindex(const nd_array *a, const char *sub, ptrdiff_t start, ptrdiff_t end);
ND_API nd_array *nd_char_count(const nd_array *a, const char *sub, ptrdiff_t start, ptrdiff_t end);
ND_API nd_array *nd_char_str_len(const nd_array *a);
/* bool results. */
ND_API nd_array *nd_char_startswith(const nd_array *a, const char *prefix, ptrdiff_t start,
                                    ptrdiff_t end);
ND_API nd_array *nd_char_endswith(const nd_array *a, const char *suffix, ptrdiff_t start,
                                  ptrdiff_t end);
ND_API nd_array *nd_char_isalpha(const nd_array *a);
ND_API nd_array *nd_char_isalnum(const nd_array *a);
ND_API nd_array *nd_char_isdigit(const nd_array *a);
ND_API nd_array *nd_char_isdecimal(const nd_array *a); /* 'U' only (ND_EDTYPE for 'S') */
ND_API nd_array *nd_char_isnumeric(const nd_array *a); /* 'U' only */
ND_API nd_array *nd_char_isspace(const nd_array *a);
ND_API nd_array *nd_char_islower(const nd_array *a);
ND_API nd_array *nd_char_isupper(const nd_array *a);
ND_API nd_array *nd_char_istitle(const nd_array *a);
/* numpy.char.equal ... less: comparisons with trailing whitespace ignored (NumPy's
 * compare_chararrays(a, b, op, rstrip=True)); op is "==", "!=", "<", "<=", ">", ">=". */
ND_API nd_array *nd_char_compare(const nd_array *a, const nd_array *b, const char *op);
ND_API nd_array *nd_char_equal(const nd_array *a, const nd_array *b);
ND_API nd_array *nd_char_not_equal(const nd_array *a, const nd_array *b);
ND_API nd_array *nd_char_less(const nd_array *a, const nd_array *b);
ND_API nd_array *nd_char_less_equal(const nd_array *a, const nd_array *b);
ND_API nd_array *nd_char_greater(const nd_array *a, const nd_array *b);
ND_API nd_array *nd_char_greater_equal(const nd_array *a, const nd_array *b);
/* str.partition / rpartition(sep) of every element: a.shape + (3,) (before, sep, after),
 * the longest part's width; an empty sep is ND_EVALUE. */
ND_API nd_array *nd_char_partition(const nd_array *a, const char *sep);
ND_API nd_array *nd_char_rpartition(const nd_array *a, const char *sep);
/* str.expandtabs(tabsize) (NumPy's default 8); sep.join(element) — the element's characters
 * joined by sep ('U' only: NumPy's join of bytes is a TypeError). Widths: the longest result. */
ND_API nd_array *nd_char_expandtabs(const nd_array *a, ptrdiff_t tabsize);
ND_API nd_array *nd_char_join(const char *sep, const nd_array *a);
/* numpy.char.encode ('U' -> 'S') / decode ('S' -> 'U') with "utf-8" (NULL: the default),
 * "ascii" or "latin-1" (Python's spellings), strict: a character the codec cannot take is
 * ND_EVALUE naming it and its position. Width: the longest result. */
ND_API nd_array *nd_char_encode(const nd_array *a, const char *encoding);
ND_API nd_array *nd_char_decode(const nd_array *a, const char *encoding);
/* numpy.char.mod(a, values): Python's a % value for every pair (broadcasting), each format
 * holding one conversion (%d %i %u %x %X %o %c %e %E %f %F %g %G %s %r, flags - + space 0 #,
 * width, precision) and any %%; values a real numeric array. Python's errors are ND_EVALUE
 * (a bad format, NaN into %d) or ND_EDTYPE (a float into %x). Width: the longest result. */
ND_API nd_array *nd_char_mod(const nd_array *a, const nd_array *values);

#ifdef __cplusplus
}
#endif
#endif
