/* Fixed-width string arrays: UTF-8 in and out, creation, element access, Unicode
 * properties. */
#include "str_internal.h"

#include <numc/io.h>
#include <numc/strings.h>

#include "str_unicode_tables.h"

/* ---- UTF-8 ---------------------------------------------------------------------------- */

bool nd__utf8_next(const unsigned char *s, size_t len, size_t *i, uint32_t *cp)
{
    size_t k = *i;
    unsigned c = s[k];
    if (c < 0x80) {
        *cp = c;
        *i = k + 1;
        return true;
    }
    int n;
    uint32_t v, min;
    if (c >= 0xc2 && c <= 0xdf) n = 1, v = c & 0x1f, min = 0x80;
    else if (c >= 0xe0 && c <= 0xef) n = 2, v = c & 0x0f, min = 0x800;
    else if (c >= 0xf0 && c <= 0xf4) n = 3, v = c & 0x07, min = 0x10000;
    else return false;
    if (len - k <= (size_t)n) return false;
    for (int j = 1; j <= n; j++) {
        unsigned d = s[k + (size_t)j];
        if ((d & 0xc0) != 0x80) return false;
        v = v << 6 | (d & 0x3f);
    }
    if (v < min || v > 0x10ffff || (v >= 0xd800 && v <= 0xdfff)) return false;
    *cp = v;
    *i = k + (size_t)n + 1;
    return true;
}

void nd__utf8_put(nd__strbuf *b, uint32_t c)
{
    char t[4];
    size_t n;
    if (c < 0x80) {
        t[0] = (char)c, n = 1;
    } else if (c < 0x800) {
        t[0] = (char)(0xc0 | c >> 6), t[1] = (char)(0x80 | (c & 0x3f)), n = 2;
    } else if (c < 0x10000) {
        t[0] = (char)(0xe0 | c >> 12), t[1] = (char)(0x80 | (c >> 6 & 0x3f));
        t[2] = (char)(0x80 | (c & 0x3f)), n = 3;
    } else {
        t[0] = (char)(0xf0 | c >> 18), t[1] = (char)(0x80 | (c >> 12 & 0x3f));
        t[2] = (char)(0x80 | (c >> 6 & 0x3f)), t[3] = (char)(0x80 | (c & 0x3f)), n = 4;
    }
    nd__sb_putn(b, t, n);
}

size_t nd__str_columns(const char *s, size_t len)
{
    size_t n = 0;
    for (size_t i = 0; i < len; i++) n += ((unsigned char)s[i] & 0xc0) != 0x80;
    return n;
}

/* The code points of NUL-terminated UTF-8 text (ND_EVALUE with the byte offset of the first
 * bad byte, naming string `k`); *n gets their count, cps (when not NULL) the first `cap`. */
static nd_status utf8_decode(const char *s, ptrdiff_t k, uint32_t *cps, size_t cap, size_t *n,
                             const char *who)
{
    const unsigned char *u = (const unsigned char *)s;
    size_t len = strlen(s), i = 0, m = 0;
    while (i < len) {
        uint32_t c;
        if (!nd__utf8_next(u, len, &i, &c))
            return nd_set_error(ND_EVALUE, "%s: string %td is not valid UTF-8: byte 0x%02x at "
                                "offset %zu cannot start or continue a character", who, k,
                                u[i], i);
        if (cps && m < cap) cps[m] = c;
        m++;
    }
    *n = m;
    return ND_OK;
}

/* ---- Unicode properties --------------------------------------------------------------- */

int nd__uc_category(uint32_t c)
{
    size_t lo = 0, hi = sizeof nd__uc_cat_runs / sizeof nd__uc_cat_runs[0];
    if (c > 0x10ffff) return ND__UC_Cn;
    while (hi - lo > 1) {
        size_t mid = lo + (hi - lo) / 2;
        if (nd__uc_cat_runs[mid] >> 5 <= c) lo = mid;
        else hi = mid;
    }
    return (int)(nd__uc_cat_runs[lo] & 31);
}

bool nd__uc_isspace(uint32_t c)
{
    for (size_t k = 0; k < sizeof nd__uc_space / sizeof nd__uc_space[0]; k++)
        if (nd__uc_space[k] == c) return true;
    return false;
}

bool nd__uc_isprintable(uint32_t c)
{
    if (c == ' ') return true;
    int g = nd__uc_category(c);
    return !(g == ND__UC_Cc || g == ND__UC_Cf || g == ND__UC_Cs || g == ND__UC_Co ||
             g == ND__UC_Cn || g == ND__UC_Zl || g == ND__UC_Zp || g == ND__UC_Zs);
}

int nd__uc_decimal(uint32_t c)
{
    if (c >= '0' && c <= '9') return (int)(c - '0');
    if (c < 0x80) return -1;
    size_t lo = 0, hi = sizeof nd__uc_zeros / sizeof nd__uc_zeros[0];
    if (c < nd__uc_zeros[0]) return -1;
    while (hi - lo > 1) {
        size_t mid = lo + (hi - lo) / 2;
        if (nd__uc_zeros[mid] <= c) lo = mid;
        else hi = mid;
    }
    return c - nd__uc_zeros[lo] < 10 ? (int)(c - nd__uc_zeros[lo]) : -1;
}

/* ---- elements ----------------------------------------------------------------------------- */

size_t nd__str_len(const char *p, bool u, size_t width)
{
    while (width > 0 && nd__str_at(p, u, width - 1) == 0) width--;
    return width;
}

nd_status nd__str_elem(const nd_array *a, int nidx, const ptrdiff_t *idx, char **p,
                       const char *who)
{
    if (!a) return nd_set_error(ND_EVALUE, "%s: the array is NULL", who);
    if (!nd_dtype_is_string(a->dtype))
        return nd_set_error(ND_EDTYPE, "%s: the array is %s, not a string array", who,
                            nd_dtype_name(a->dtype));
    if (nidx != a->ndim)
        return nd_set_error(ND_EINDEX, "%s: %d indices for a %d-dimensional array", who, nidx,
                            a->ndim);
    if (nidx > 0 && !idx) return nd_set_error(ND_EINDEX, "%s: the index list is NULL", who);
    char *q = a->data;
    for (int d = 0; d < nidx; d++) {
        ptrdiff_t i = idx[d] < 0 ? idx[d] + a->shape[d] : idx[d];
        if (i < 0 || i >= a->shape[d])
            return nd_set_error(ND_EINDEX, "%s: index %td is out of bounds for axis %d with "
                                "size %td", who, idx[d], d, a->shape[d]);
        q += i * a->strides[d];
    }
    *p = q;
    return ND_OK;
}

/* Store code points (or bytes) into an element of width w, cut and zero padded. */
static void store_cps(char *p, bool u, size_t w, const uint32_t *c, size_t n)
{
    size_t k = 0;
    for (; k < n && k < w; k++) nd__str_put(p, u, k, c[k]);
    if (k < w) memset(p + (u ? 4 : 1) * k, 0, (u ? 4 : 1) * (w - k));
}

/* Store NUL-terminated UTF-8 text into element p of dtype dt (non-ASCII into 'S' is the
 * ascii codec's error, with the character's position). */
static nd_status store_utf8(char *p, nd_dtype dt, const char *s, ptrdiff_t k, const char *who)
{
    size_t w = nd_dtype_width(dt), n = 0;
    bool u = nd__str_is_u(dt);
    if (utf8_decode(s, k, NULL, 0, &n, who) < 0) return nd_last_error();
    uint32_t *c = nd__malloc_n((ptrdiff_t)(n ? n : 1), sizeof *c, who);
    if (!c) return ND_ENOMEM;
    if (utf8_decode(s, k, c, n, &n, who) < 0) goto fail;
    if (!u) {
        for (size_t j = 0; j < n; j++) {
            if (c[j] >= 0x80) {
                nd_set_error(ND_EVALUE, "%s: 'ascii' codec can't encode character U+%04X in "
                             "position %zu of string %td (an 'S' array holds bytes)", who,
                             (unsigned)c[j], j, k);
                goto fail;
            }
        }
    }
    store_cps(p, u, w, c, n);
    nd_free_mem(c);
    return ND_OK;
fail:
    nd_free_mem(c);
    return nd_last_error();
}

static nd_array *str_array(int ndim, const ptrdiff_t *shape, const char *const *utf8,
                           nd_dtype dt, const char *who)
{
    if (!nd_dtype_is_string(dt))
        return ND_FAIL(ND_EDTYPE, "%s: dtype %s is not a string dtype ('S' or 'U')", who,
                       nd_dtype_name(dt));
    if (ndim < 0 || ndim > ND_MAXDIMS || (ndim > 0 && !shape))
        return ND_FAIL(ND_EVALUE, "%s: bad shape", who);
    ptrdiff_t n = nd__shape_size(ndim, shape, who);
    if (n < 0) return NULL;
    if (n > 0 && !utf8) return ND_FAIL(ND_EVALUE, "%s: the string list is NULL", who);
    size_t w = nd_dtype_width(dt);
    if (w == 0) {
        w = 1;
        for (ptrdiff_t k = 0; k < n; k++) {
            size_t m = 0;
            if (!utf8[k]) return ND_FAIL(ND_EVALUE, "%s: string %td is NULL", who, k);
            if (utf8_decode(utf8[k], k, NULL, 0, &m, who) < 0) return NULL;
            if (m > w) w = m;
        }
        if (w > ND_STR_MAXWIDTH)
            return ND_FAIL(ND_EVALUE, "%s: a string of %zu characters is longer than the "
                           "widest dtype", who, w);
        dt = nd__str_is_u(dt) ? ND_STR_OF(w) : ND_BYTES_OF(w);
    }
    nd_array *a = nd__alloc(ndim, shape, dt, false, who);
    if (!a) return NULL;
    size_t isz = nd_dtype_size(dt);
    for (ptrdiff_t k = 0; k < n; k++) {
        if (!utf8[k]) {
            nd_set_error(ND_EVALUE, "%s: string %td is NULL", who, k);
            goto fail;
        }
        if (store_utf8(a->data + (size_t)k * isz, dt, utf8[k], k, who) < 0) goto fail;
    }
    return a;
fail:
    nd_free(a);
    return NULL;
}

nd_array *nd_str_array(ptrdiff_t n, const char *const *utf8, nd_dtype dt)
{
    if (n < 0) return ND_FAIL(ND_EVALUE, "nd_str_array: negative count %td", n);
    return str_array(1, &n, utf8, dt, "nd_str_array");
}

nd_array *nd_str_array_nd(int ndim, const ptrdiff_t *shape, const char *const *utf8,
                          nd_dtype dt)
{
    return str_array(ndim, shape, utf8, dt, "nd_str_array_nd");
}

nd_array *nd_bytes_array(ptrdiff_t n, const char *const *bytes, const size_t *lens,
                         size_t width)
{
    const char *who = "nd_bytes_array";
    if (n < 0) return ND_FAIL(ND_EVALUE, "%s: negative count %td", who, n);
    if (n > 0 && !bytes) return ND_FAIL(ND_EVALUE, "%s: the string list is NULL", who);
    if (width > ND_STR_MAXWIDTH) return ND_FAIL(ND_EVALUE, "%s: width %zu is too large", who, width);
    for (ptrdiff_t k = 0; k < n; k++)
        if (!bytes[k]) return ND_FAIL(ND_EVALUE, "%s: string %td is NULL", who, k);
    if (width == 0) {
        width = 1;
        for (ptrdiff_t k = 0; k < n; k++) {
            size_t m = lens ? lens[k] : strlen(bytes[k]);
            if (m > width) width = m;
        }
        if (width > ND_STR_MAXWIDTH)
            return ND_FAIL(ND_EVALUE, "%s: a string of %zu bytes is longer than the widest "
                           "dtype", who, width);
    }
    nd_array *a = nd__alloc(1, &n, ND_BYTES_OF(width), false, who);
    if (!a) return NULL;
    for (ptrdiff_t k = 0; k < n; k++) {
        size_t m = lens ? lens[k] : strlen(bytes[k]);
        char *p = a->data + (size_t)k * width;
        memcpy(p, bytes[k], m < width ? m : width);
        if (m < width) memset(p + m, 0, width - m);
    }
    return a;
}

/* The element at p as UTF-8 ('U') or bytes ('S'), trailing zeros dropped. */
static void elem_text(const char *p, nd_dtype dt, nd__strbuf *b)
{
    bool u = nd__str_is_u(dt);
    size_t n = nd__str_len(p, u, nd_dtype_width(dt));
    if (!u) {
        nd__sb_putn(b, p, n);
        return;
    }
    for (size_t k = 0; k < n; k++) {
        uint32_t c = nd__str_at(p, true, k);
        /* a code point no UTF-8 holds (a surrogate or beyond U+10FFFF, from a raw buffer)
         * comes out as U+FFFD */
        nd__utf8_put(b, c > 0x10ffff || (c >= 0xd800 && c <= 0xdfff) ? 0xfffd : c);
    }
}

ptrdiff_t nd_str_get(const nd_array *a, int nidx, const ptrdiff_t *idx, char *buf, size_t cap)
{
    char *p;
    if (nd__str_elem(a, nidx, idx, &p, "nd_str_get") < 0) return nd_last_error();
    if (!buf && cap > 0) return nd_set_error(ND_EVALUE, "nd_str_get: buf is NULL with cap %zu", cap);
    nd__strbuf b = { .who = "nd_str_get" };
    elem_text(p, a->dtype, &b);
    if (b.failed) return ND_ENOMEM;
    if (cap > 0) {
        size_t m = b.len < cap - 1 ? b.len : cap - 1;
        if (m) memcpy(buf, b.p, m);
        buf[m] = '\0';
    }
    ptrdiff_t len = (ptrdiff_t)b.len;
    nd__sb_release(&b);
    return len;
}

char *nd_str_get_alloc(const nd_array *a, int nidx, const ptrdiff_t *idx, size_t *len)
{
    char *p;
    if (nd__str_elem(a, nidx, idx, &p, "nd_str_get_alloc") < 0) return NULL;
    nd__strbuf b = { .who = "nd_str_get_alloc" };
    elem_text(p, a->dtype, &b);
    nd__sb_putn(&b, "", 0);
    if (b.failed) return NULL;
    if (len) *len = b.len;
    return b.p;
}

nd_status nd_str_set(nd_array *a, int nidx, const ptrdiff_t *idx, const char *utf8)
{
    char *p;
    if (nd__str_elem(a, nidx, idx, &p, "nd_str_set") < 0) return nd_last_error();
    if (!nd_is_writeable(a)) return nd_set_error(ND_EVALUE, "nd_str_set: the array is read-only");
    if (!utf8) return nd_set_error(ND_EVALUE, "nd_str_set: the string is NULL");
    return store_utf8(p, a->dtype, utf8, 0, "nd_str_set");
}

nd_status nd_bytes_set(nd_array *a, int nidx, const ptrdiff_t *idx, const void *bytes,
                       size_t len)
{
    char *p;
    if (nd__str_elem(a, nidx, idx, &p, "nd_bytes_set") < 0) return nd_last_error();
    if (!nd_is_writeable(a)) return nd_set_error(ND_EVALUE, "nd_bytes_set: the array is read-only");
    if (!bytes && len > 0) return nd_set_error(ND_EVALUE, "nd_bytes_set: the bytes are NULL");
    bool u = nd__str_is_u(a->dtype);
    size_t w = nd_dtype_width(a->dtype);
    const unsigned char *s = bytes;
    if (u)
        for (size_t k = 0; k < len; k++)
            if (s[k] >= 0x80)
                return nd_set_error(ND_EVALUE, "nd_bytes_set: 'ascii' codec can't decode byte "
                                    "0x%02x in position %zu (a 'U' array holds text)", s[k], k);
    size_t k = 0;
    for (; k < len && k < w; k++) nd__str_put(p, u, k, s[k]);
    if (k < w) memset(p + (u ? 4 : 1) * k, 0, (u ? 4 : 1) * (w - k));
    return ND_OK;
}

/* ---- text columns of CSV tables ------------------------------------------------------------- */

nd_array *nd_table_text_column(const struct nd_table *t, int col)
{
    const char *who = "nd_table_text_column";
    if (!t) return ND_FAIL(ND_EVALUE, "%s: the table is NULL", who);
    ptrdiff_t n = nd_table_nrows(t);
    if (n < 0) return NULL;
    const char **cells = nd__malloc_n(n + 1, sizeof *cells, who);
    if (!cells) return NULL;
    nd_array *a = NULL;
    for (ptrdiff_t r = 0; r < n; r++)
        if (!(cells[r] = nd_table_text(t, r, col))) goto done;
    a = str_array(1, &n, cells, ND_STR_OF(0), who);
done:
    nd_free_mem(cells);
    return a;
}
