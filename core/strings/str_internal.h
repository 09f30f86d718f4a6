/* Internal: shared helpers of the string module (core/strings). Not installed. */
#ifndef NUMC_STR_INTERNAL_H
#define NUMC_STR_INTERNAL_H

#include <stdint.h>
#include <string.h>

#include "internal.h"

/* An element of a string dtype: 'U' elements are code points, 'S' elements bytes; both
 * read through nd__str_at, which copies (elements of wrapped buffers may be unaligned). */
static inline bool nd__str_is_u(nd_dtype t) { return nd_dtype_base(t) == ND_STR; }

static inline uint32_t nd__str_at(const char *p, bool u, size_t k)
{
    if (!u) return ((const unsigned char *)p)[k];
    uint32_t c;
    memcpy(&c, p + 4 * k, 4);
    return c;
}

static inline void nd__str_put(char *p, bool u, size_t k, uint32_t c)
{
    if (u) memcpy(p + 4 * k, &c, 4);
    else ((unsigned char *)p)[k] = (unsigned char)c;
}

/* The length of an element without its trailing zeros. */
ND_INTERNAL size_t nd__str_len(const char *p, bool u, size_t width);

/* Decode one UTF-8 sequence at s[*i] (len bytes in all): the code point in *cp and *i moved
 * past it; false (and *i unchanged) for an invalid sequence (overlong, surrogate, beyond
 * U+10FFFF, truncated, a stray continuation byte), as Python's strict decoder. */
ND_INTERNAL bool nd__utf8_next(const unsigned char *s, size_t len, size_t *i, uint32_t *cp);
/* Append code point c as UTF-8. */
ND_INTERNAL void nd__utf8_put(nd__strbuf *b, uint32_t c);

/* Unicode properties of code points (Python's unicodedata): general category (ND__UC_*
 * of str_unicode_tables.h), str.isspace(), str.isprintable(), the decimal digit value
 * (-1 when none). */
ND_INTERNAL int nd__uc_category(uint32_t c);
ND_INTERNAL bool nd__uc_isspace(uint32_t c);
ND_INTERNAL bool nd__uc_isprintable(uint32_t c);
ND_INTERNAL int nd__uc_decimal(uint32_t c);

/* Three-way comparison of two elements of the same kind (u), zero padded to the longer
 * width: NumPy's order (code points / unsigned bytes, trailing zeros ignored). */
static inline int nd__str_cmp(const char *a, size_t wa, const char *b, size_t wb, bool u)
{
    size_t n = wa < wb ? wa : wb;
    if (!u) {
        int r = memcmp(a, b, n);
        if (r) return r < 0 ? -1 : 1;
    } else {
        for (size_t k = 0; k < n; k++) {
            uint32_t x = nd__str_at(a, true, k), y = nd__str_at(b, true, k);
            if (x != y) return x < y ? -1 : 1;
        }
    }
    for (size_t k = n; k < wa; k++)
        if (nd__str_at(a, u, k)) return 1;
    for (size_t k = n; k < wb; k++)
        if (nd__str_at(b, u, k)) return -1;
    return 0;
}

/* Resolve an element index as the public accessors do (ND_EINDEX naming who). */
ND_INTERNAL ND_WARN_UNUSED
nd_status nd__str_elem(const nd_array *a, int nidx, const ptrdiff_t *idx, char **p,
                       const char *who);

#endif
