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

/* One row of a string array through a savetxt row format (Python's fmt % tuple(row)):
 * each conversion takes the next element, %[-][width][.precision]s of its str() (text for
 * 'U', b'...' for 'S', as Python prints bytes); %% is a percent sign. */
nd_status nd__str_format_row(const char *fmt, const char *row, ptrdiff_t stride, ptrdiff_t ncols,
                             nd_dtype dt, nd__strbuf *out, const char *who)
{
    ptrdiff_t k = 0;
    nd__strbuf cell = { .who = who };
    nd_status st = ND_OK;
    for (const char *s = fmt; *s && st == ND_OK; s++) {
        if (*s != '%') {
            nd__sb_putc(out, *s);
            continue;
        }
        if (s[1] == '%') {
            nd__sb_putc(out, '%');
            s++;
            continue;
        }
        bool left = false;
        ptrdiff_t width = 0, prec = -1;
        for (s++; *s == '-' || *s == '+' || *s == ' ' || *s == '#' || *s == '0'; s++) left = left || *s == '-';
        while (*s >= '0' && *s <= '9' && width < 100000) width = width * 10 + (*s++ - '0');
        if (*s == '.')
            for (prec = 0, s++; *s >= '0' && *s <= '9' && prec < 100000; s++) prec = prec * 10 + (*s - '0');
        if (*s != 's') {
            st = nd_set_error(ND_EVALUE, "%s: format '%%%c' needs a number; the elements of %s "
                              "arrays are text (use %%s)", who, *s ? *s : '?', nd_dtype_name(dt));
            break;
        }
        if (k >= ncols) {
            st = nd_set_error(ND_EVALUE, "%s: fmt \"%s\" has more conversions than the %td columns",
                              who, fmt, ncols);
            break;
        }
        cell.len = 0;
        nd__str_put_elem(row + k++ * stride, dt, nd_dtype_base(dt) == ND_BYTES, &cell);
        if (cell.failed) {
            st = ND_ENOMEM;
            break;
        }
        size_t len = cell.len;
        if (prec >= 0) { /* the first prec characters (code points of the UTF-8) */
            size_t b = 0, c = 0;
            while (b < len && c < (size_t)prec) {
                b++;
                while (b < len && ((unsigned char)cell.p[b] & 0xc0) == 0x80) b++;
                c++;
            }
            len = b;
        }
        ptrdiff_t pad = width - (ptrdiff_t)nd__str_columns(cell.p ? cell.p : "", len);
        if (!left) nd__sb_spaces(out, pad);
        nd__sb_putn(out, cell.p ? cell.p : "", len);
        if (left) nd__sb_spaces(out, pad);
    }
    if (st == ND_OK && k != ncols)
        st = nd_set_error(ND_EVALUE, "%s: fmt \"%s\" has %td conversions for %td columns", who,
                          fmt, k, ncols);
    nd__sb_release(&cell);
    if (st == ND_OK && out->failed) st = ND_ENOMEM;
    return st;
}
