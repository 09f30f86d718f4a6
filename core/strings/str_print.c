/* Element text of the string dtypes for nd_repr / nd_str: Python's repr of a str or bytes
 * value, which NumPy's printer uses for string arrays. */
#include "str_internal.h"

#include <stdio.h>

static void hex_escape(nd__strbuf *b, uint32_t c)
{
    char t[12];
    if (c < 0x100) snprintf(t, sizeof t, "\\x%02x", (unsigned)c);
    else if (c < 0x10000) snprintf(t, sizeof t, "\\u%04x", (unsigned)c);
    else snprintf(t, sizeof t, "\\U%08x", (unsigned)c);
    nd__sb_puts(b, t);
}

void nd__str_put_elem(const char *p, nd_dtype dt, bool quoted, nd__strbuf *out)
{
    bool u = nd__str_is_u(dt);
    size_t n = nd__str_len(p, u, nd_dtype_width(dt));
    if (!quoted && u) {
        for (size_t k = 0; k < n; k++) {
            uint32_t c = nd__str_at(p, true, k);
            nd__utf8_put(out, c > 0x10ffff || (c >= 0xd800 && c <= 0xdfff) ? 0xfffd : c);
        }
        return;
    }
    /* Python's repr: single quotes unless the text holds ' and no " */
    bool sq = false, dq = false;
    for (size_t k = 0; k < n; k++) {
        uint32_t c = nd__str_at(p, u, k);
        sq = sq || c == '\'';
        dq = dq || c == '"';
    }
    char q = sq && !dq ? '"' : '\'';
    if (!u) nd__sb_putc(out, 'b');
    nd__sb_putc(out, q);
    for (size_t k = 0; k < n; k++) {
        uint32_t c = nd__str_at(p, u, k);
        if (c == (uint32_t)q || c == '\\') {
            nd__sb_putc(out, '\\');
            nd__sb_putc(out, (char)c);
        } else if (c == '\t') {
            nd__sb_puts(out, "\\t");
        } else if (c == '\n') {
            nd__sb_puts(out, "\\n");
        } else if (c == '\r') {
            nd__sb_puts(out, "\\r");
        } else if (c < 0x20 || c == 0x7f || (!u && c >= 0x80) ||
                   (u && c >= 0x80 && !nd__uc_isprintable(c))) {
            hex_escape(out, c);
        } else {
            nd__utf8_put(out, c);
        }
    }
    nd__sb_putc(out, q);
}
