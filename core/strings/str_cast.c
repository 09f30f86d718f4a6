/* Casts with the string dtypes: 'S' <-> 'U' of any width, numbers -> text (NumPy's str of
 * the value), text -> numbers (Python's int() / float() / complex() syntax, as NumPy calls
 * them), and the copy / astype paths built on them. */
#include "str_internal.h"

#include <errno.h>
#include <inttypes.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>

#include "print_internal.h"

/* 128-bit integers for int() parsing (no overflow while checking the range). */
__extension__ typedef __int128 i128;

/* numpy's itemsize for astype(number -> 'U' / 'S') with an unsized target. */
static size_t number_width(nd_dtype t)
{
    switch (t) {
    case ND_BOOL: return 5;
    case ND_INT8: return 4;
    case ND_UINT8: return 3;
    case ND_INT16: return 6;
    case ND_UINT16: return 5;
    case ND_INT32: return 11;
    case ND_UINT32: return 10;
    case ND_INT64: return 21;
    case ND_UINT64: return 20;
    case ND_FLOAT32: case ND_FLOAT64: return 32;
    default: return 64; /* complex */
    }
}

/* ---- numbers to text -------------------------------------------------------------------- */

static void number_text(const char *p, nd_dtype t, nd__strbuf *b)
{
    nd_scalar s = nd__scalar_load(p, t);
    char tmp[32];
    switch (nd_dtype_kind(t)) {
    case 'b': nd__sb_puts(b, s.v.b ? "True" : "False"); break;
    case 'i': snprintf(tmp, sizeof tmp, "%" PRId64, s.v.i), nd__sb_puts(b, tmp); break;
    case 'u': snprintf(tmp, sizeof tmp, "%" PRIu64, s.v.u), nd__sb_puts(b, tmp); break;
    case 'f': nd__float_scalar_str(s.v.f, t == ND_FLOAT32, false, b); break;
    default: nd__complex_scalar_str(s.v.c[0], s.v.c[1], t == ND_COMPLEX64, b); break;
    }
}

/* ---- text to numbers --------------------------------------------------------------------- */

/* The element's text as ASCII for the number scanners: surrounding whitespace stripped
 * (str.strip / bytes.strip), Unicode decimal digits as their ASCII digit (Python's int()
 * and float() accept them), any other non-ASCII character a '?' (which no number holds). */
static size_t number_chars(const char *p, bool u, size_t w, char *out)
{
    size_t n = nd__str_len(p, u, w), a = 0;
    while (a < n && (u ? nd__uc_isspace(nd__str_at(p, u, a))
                       : memchr(" \t\n\r\v\f", (int)nd__str_at(p, u, a), 6) != NULL))
        a++;
    while (n > a && (u ? nd__uc_isspace(nd__str_at(p, u, n - 1))
                       : memchr(" \t\n\r\v\f", (int)nd__str_at(p, u, n - 1), 6) != NULL))
        n--;
    size_t m = 0;
    for (size_t k = a; k < n; k++) {
        uint32_t c = nd__str_at(p, u, k);
        if (c == 0) c = '?';
        else if (c >= 0x80) c = u && nd__uc_decimal(c) >= 0 ? (uint32_t)('0' + nd__uc_decimal(c)) : '?';
        out[m++] = (char)c;
    }
    out[m] = '\0';
    return m;
}

static bool isdig(char c) { return c >= '0' && c <= '9'; }

/* Digits with single underscores between them, from s[*i]: copied to *o without the
 * underscores; false when an underscore is not between two digits. */
static bool scan_digits(const char *s, size_t n, size_t *i, char **o)
{
    size_t k = *i;
    while (k < n && (isdig(s[k]) || s[k] == '_')) {
        if (s[k] == '_' && (k == *i || !isdig(s[k - 1]) || k + 1 >= n || !isdig(s[k + 1])))
            return false;
        if (s[k] != '_') *(*o)++ = s[k];
        k++;
    }
    *i = k;
    return true;
}

static bool ieq(const char *s, size_t n, const char *w)
{
    size_t m = strlen(w);
    if (n < m) return false;
    for (size_t k = 0; k < m; k++)
        if ((s[k] | 0x20) != w[k]) return false;
    return true;
}

/* A Python float literal at s[0..n) (float()'s grammar): the bytes it takes (0: none) and
 * its value. buf holds n + 1 bytes. */
static size_t scan_float(const char *s, size_t n, double *v, char *buf)
{
    size_t i = 0;
    char *o = buf;
    if (i < n && (s[i] == '+' || s[i] == '-')) *o++ = s[i++];
    if (ieq(s + i, n - i, "infinity")) i += 8, memcpy(o, "inf", 3), o += 3;
    else if (ieq(s + i, n - i, "inf")) i += 3, memcpy(o, "inf", 3), o += 3;
    else if (ieq(s + i, n - i, "nan")) i += 3, memcpy(o, "nan", 3), o += 3;
    else {
        size_t d0 = i;
        if (!scan_digits(s, n, &i, &o)) return 0;
        bool digits = i > d0;
        if (i < n && s[i] == '.') {
            *o++ = s[i++];
            size_t f0 = i;
            if (!scan_digits(s, n, &i, &o)) return 0;
            digits = digits || i > f0;
        }
        if (!digits) return 0;
        if (i < n && (s[i] == 'e' || s[i] == 'E')) {
            size_t save = i;
            char *osave = o;
            *o++ = s[i++];
            if (i < n && (s[i] == '+' || s[i] == '-')) *o++ = s[i++];
            size_t e0 = i;
            if (!scan_digits(s, n, &i, &o) || i == e0) i = save, o = osave;
        }
    }
    *o = '\0';
    *v = strtod(buf, NULL);
    return i;
}

/* Python's complex(): "1+2j", "(1-1j)", "2j", "-j", "3". */
static bool parse_complex(const char *s, size_t n, double *re, double *im, char *buf)
{
    if (n >= 2 && s[0] == '(' && s[n - 1] == ')') {
        s++, n -= 2;
        while (n && memchr(" \t\n\r\v\f", s[0], 6)) s++, n--;
        while (n && memchr(" \t\n\r\v\f", s[n - 1], 6)) n--;
    }
    double a = 0, b = 0;
    size_t i = scan_float(s, n, &a, buf);
    if (i == n) return n > 0 && (*re = a, *im = 0, true);
    if (s[i] == 'j' || s[i] == 'J') { /* "2j" */
        if (i == 0 || i + 1 != n) return false;
        *re = 0, *im = a;
        return true;
    }
    if (i == 0) { /* "j", "+j", "-j" */
        if (n == 1 && (s[0] | 0x20) == 'j') return *re = 0, *im = 1, true;
        if (n == 2 && (s[0] == '+' || s[0] == '-') && (s[1] | 0x20) == 'j')
            return *re = 0, *im = s[0] == '-' ? -1 : 1, true;
        return false;
    }
    if (s[i] != '+' && s[i] != '-') return false;
    size_t k = scan_float(s + i, n - i, &b, buf);
    if (k == 0) { /* "1+j" */
        if (i + 2 != n || (s[i + 1] | 0x20) != 'j') return false;
        b = s[i] == '-' ? -1 : 1;
        k = 1;
    }
    if (i + k + 1 != n || (s[i + k] | 0x20) != 'j') return false;
    *re = a, *im = b;
    return true;
}

/* Python's int() (base 10) into [lo, hi] as a 128-bit value. */
static bool parse_int(const char *s, size_t n, i128 *v, char *buf)
{
    size_t i = 0;
    bool neg = false;
    if (i < n && (s[i] == '+' || s[i] == '-')) neg = s[i++] == '-';
    char *o = buf;
    size_t d0 = i;
    if (!scan_digits(s, n, &i, &o) || i == d0 || i != n) return false;
    i128 x = 0;
    for (char *q = buf; q < o; q++) {
        x = x * 10 + (*q - '0');
        if (x > ((i128)1 << 66)) x = (i128)1 << 66; /* already out of every range */
    }
    *v = neg ? -x : x;
    return true;
}

/* Parse one element into a number of dtype t at d. */
static nd_status text_number(char *d, nd_dtype t, const char *p, nd_dtype st, char *chars,
                             char *buf, const char *who)
{
    bool u = nd__str_is_u(st);
    size_t n = number_chars(p, u, nd_dtype_width(st), chars);
    char kind = nd_dtype_kind(t);
    if (kind == 'f' || kind == 'c') {
        double re = 0, im = 0;
        bool ok = kind == 'f' ? n > 0 && scan_float(chars, n, &re, buf) == n
                              : parse_complex(chars, n, &re, &im, buf);
        if (!ok) goto bad;
        double c[2] = { re, im };
        if (kind == 'f') nd_cast_strided(d, t, 0, &re, ND_FLOAT64, 0, 1);
        else nd_cast_strided(d, t, 0, c, ND_COMPLEX128, 0, 1);
        return ND_OK;
    }
    i128 v;
    if (!parse_int(chars, n, &v, buf)) goto bad;
    if (t == ND_UINT64 ? (v < INT64_MIN || v > (i128)UINT64_MAX) : (v < INT64_MIN || v > INT64_MAX))
        return nd_set_error(ND_EVALUE, "%s: %s is too large for %s", who, chars, nd_dtype_name(t));
    if (v > INT64_MAX) {
        uint64_t x = (uint64_t)v;
        nd_cast_strided(d, t, 0, &x, ND_UINT64, 0, 1);
    } else {
        int64_t x = (int64_t)v;
        nd_cast_strided(d, t, 0, &x, ND_INT64, 0, 1);
    }
    return ND_OK;
bad:
    return nd_set_error(ND_EVALUE, "%s: could not convert string '%s' to %s", who, chars,
                        nd_dtype_name(t));
}

/* ---- the cast --------------------------------------------------------------------------- */

/* One text element into another: cut or zero padded; ASCII checks of NumPy's codecs. */
static nd_status text_text(char *d, nd_dtype dt, const char *s, nd_dtype st, uint32_t *tmp,
                           const char *who)
{
    bool us = nd__str_is_u(st), ud = nd__str_is_u(dt);
    size_t ws = nd_dtype_width(st), wd = nd_dtype_width(dt);
    size_t n = nd__str_len(s, us, ws);
    for (size_t k = 0; k < n; k++) {
        tmp[k] = nd__str_at(s, us, k);
        if (us != ud && tmp[k] >= 0x80)
            return us ? nd_set_error(ND_EVALUE, "%s: 'ascii' codec can't encode character "
                                     "U+%04X in position %zu (an 'S' array holds bytes)",
                                     who, (unsigned)tmp[k], k)
                      : nd_set_error(ND_EVALUE, "%s: 'ascii' codec can't decode byte 0x%02x in "
                                     "position %zu", who, (unsigned)tmp[k], k);
    }
    for (size_t k = 0; k < wd; k++) nd__str_put(d, ud, k, k < n ? tmp[k] : 0);
    return ND_OK;
}

nd_status nd__str_cast(void *dstv, nd_dtype dt, ptrdiff_t ds, const void *srcv, nd_dtype st,
                       ptrdiff_t ss, ptrdiff_t n, const char *who)
{
    char *dst = dstv;
    const char *src = srcv;
    bool sd = nd_dtype_is_string(dt), sst = nd_dtype_is_string(st);
    if ((!sd && !nd_dtype_is_numeric((int)dt)) || (!sst && !nd_dtype_is_numeric((int)st)) ||
        (sd && nd_dtype_width(dt) == 0) || (sst && nd_dtype_width(st) == 0))
        return nd_set_error(ND_EDTYPE, "%s: no cast from %s to %s", who, nd_dtype_name(st),
                            nd_dtype_name(dt));
    if (n <= 0) return ND_OK;
    size_t ws = sst ? nd_dtype_width(st) : 0;
    nd_status rc = ND_OK;
    uint32_t *tmp = NULL;
    char *chars = NULL;
    nd__strbuf b = { .who = who };
    if (sst) {
        tmp = nd__malloc_n((ptrdiff_t)ws + 1, sizeof *tmp, who);
        chars = nd__malloc_n(2 * (ptrdiff_t)ws + 2, 1, who);
        if (!tmp || !chars) {
            rc = ND_ENOMEM;
            goto done;
        }
    }
    for (ptrdiff_t i = 0; i < n && rc == ND_OK; i++, dst += ds, src += ss) {
        if (sst && sd) {
            rc = text_text(dst, dt, src, st, tmp, who);
        } else if (sst) {
            rc = text_number(dst, dt, src, st, chars, chars + ws + 1, who);
        } else {
            b.len = 0;
            number_text(src, st, &b);
            if (b.failed) {
                rc = ND_ENOMEM;
                break;
            }
            bool u = nd__str_is_u(dt);
            size_t w = nd_dtype_width(dt);
            for (size_t k = 0; k < w; k++)
                nd__str_put(dst, u, k, k < b.len ? (unsigned char)b.p[k] : 0);
        }
    }
done:
    nd__sb_release(&b);
    nd_free_mem(tmp);
    nd_free_mem(chars);
    return rc;
}

nd_array *nd__str_astype(const nd_array *a, nd_dtype dt, nd_casting c)
{
    if (!nd_dtype_is_valid((int)dt))
        return ND_FAIL(ND_EDTYPE, "nd_astype: invalid dtype %d", (int)dt);
    if (nd_dtype_is_string(dt) && nd_dtype_width(dt) == 0) {
        size_t w = nd_dtype_is_string(a->dtype) ? nd_dtype_width(a->dtype)
                 : nd_dtype_is_numeric((int)a->dtype) ? number_width(a->dtype) : 0;
        if (w == 0)
            return ND_FAIL(ND_EDTYPE, "nd_astype: no cast from %s to %s",
                           nd_dtype_name(a->dtype), nd_dtype_name(dt));
        dt = nd__str_is_u(dt) ? ND_STR_OF(w) : ND_BYTES_OF(w);
    }
    if (c == ND_CAST_DEFAULT) c = ND_CAST_UNSAFE;
    if (!nd_can_cast(a->dtype, dt, c))
        return ND_FAIL(ND_EDTYPE, "nd_astype: cannot cast array data from dtype('%s') to "
                       "dtype('%s') according to the rule '%s'", nd_dtype_name(a->dtype),
                       nd_dtype_name(dt), nd_casting_name(c));
    nd_array *out = nd__alloc(a->ndim, a->shape, dt, false, "nd_astype");
    if (!out) return NULL;
    if (nd__copy_into(out, a) < 0) {
        nd_free(out);
        return NULL;
    }
    return out;
}
