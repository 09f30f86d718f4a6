/* What the string-taking fuzz targets share: the first byte of the input chooses where the
 * string goes, the rest becomes a NUL-terminated string of its own allocation (so ASan sees
 * reads past its end). */
#ifndef NUMC_FUZZ_INPUT_H
#define NUMC_FUZZ_INPUT_H

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

/* The bytes after the first as a string the caller frees; the first byte in *how. NULL for
 * an empty input or when the copy cannot be allocated. */
static inline char *fuzz_string(const uint8_t *data, size_t size, uint8_t *how)
{
    if (size < 1) return NULL;
    char *s = malloc(size);
    if (!s) return NULL;
    memcpy(s, data + 1, size - 1);
    s[size - 1] = '\0';
    *how = data[0];
    return s;
}

#endif
