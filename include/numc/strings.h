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

#ifdef __cplusplus
}
#endif
#endif
