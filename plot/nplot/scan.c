/* The whole-file checks of nplot's input at memory speed: the answers of
 * cli_utf8_invalid and cli_max_fields (sniff.c), which look at every byte one at a time,
 * from a scan that skips what cannot change them (ASCII runs; lines too short to hold
 * too many fields). */
#include "nplot_cli.h"

#include <string.h>

size_t cli_scan_utf8_invalid(const char *s, size_t n)
{
    const unsigned char *u = (const unsigned char *)s;
    const uint64_t highs = UINT64_C(0x8080808080808080);
    size_t i = 0;
    while (i < n) {
        /* 32 bytes of ASCII at a time (what a CSV of numbers is made of). */
        while (n - i >= 32) {
            uint64_t w[4];
            memcpy(w, u + i, sizeof w);
            if ((w[0] | w[1] | w[2] | w[3]) & highs) break;
            i += 32;
        }
        if (i >= n) break;
        size_t k = cli_utf8_seq(u + i, n - i);
        if (!k) return i;
        i += k;
    }
    return (size_t)-1;
}

size_t cli_max_fields_over(const char *buf, size_t n, char delimiter, size_t limit,
                           size_t *line)
{
    if (limit == 0 || memchr(buf, '"', n)) return cli_max_fields(buf, n, delimiter, line);
    return cli_max_fields_unquoted(buf, n, delimiter, limit, line);
}

size_t cli_max_fields_unquoted(const char *buf, size_t n, char delimiter, size_t limit,
                               size_t *line)
{
    if (limit == 0) return cli_max_fields(buf, n, delimiter, line);
    /* No quotes: lines end at '\n', and a line of len bytes has at most len + 1 fields,
     * so only lines of at least `limit` bytes can exceed it. A window of `limit` bytes
     * from a line start that holds a '\n' holds only such short lines up to its last
     * '\n'; the next line start is one past it. */
    const char *p = buf, *end = buf + n, *best_at = NULL;
    size_t best = 0;
    while (p < end) {
        size_t avail = (size_t)(end - p), win = avail < limit ? avail : limit;
        const char *q = memrchr(p, '\n', win);
        if (q) {
            p = q + 1;
            continue;
        }
        if (avail < limit) break; /* the last line, without a line end, is short */
        const char *nl = memchr(p, '\n', avail);
        size_t len = (size_t)((nl ? nl : end) - p), l;
        size_t f = cli_max_fields(p, len, delimiter, &l);
        if (f > best) {
            best = f;
            best_at = p;
        }
        if (!nl) break;
        p = nl + 1;
    }
    if (best <= limit) {
        if (line) *line = 1;
        return best;
    }
    size_t l = 1;
    for (const char *s = buf; (s = memchr(s, '\n', (size_t)(best_at - s))) != NULL; s++) l++;
    if (line) *line = l;
    return best;
}
