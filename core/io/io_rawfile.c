/* numpy.ndarray.tofile and numpy.fromfile: raw binary element data, or text with a
 * separator (and a %-format for writing). Writes go through nd_file_writer, so a failed
 * tofile leaves an existing file as it was. */
#include "io_internal.h"
#include "print_internal.h"

#include <ctype.h>
#include <errno.h>
#include <fcntl.h>
#include <inttypes.h>
#include <math.h>
#include <stdio.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

/* ---- tofile ------------------------------------------------------------------------- */
static nd_status sink_writer(void *ctx, const void *data, size_t n)
{
    return nd_file_writer_write((nd_file_writer *)ctx, data, n);
}

/* A %-format with exactly one conversion: the conversion letter and where it is. */
typedef struct conv {
    const char *pre;      /* text before the '%' of the conversion */
    size_t npre;
    char spec[32];        /* "%", flags, width, precision (no length modifier) */
    char letter;
    const char *post;     /* text after the conversion */
} conv;

static nd_status parse_format(const char *fmt, conv *c, const char *who)
{
    memset(c, 0, sizeof *c);
    const char *p = fmt, *start = NULL;
    while (*p) {
        if (*p != '%') { p++; continue; }
        if (p[1] == '%') { p += 2; continue; }
        if (start) goto bad;
        start = p++;
        while (*p && strchr("-+ #0", *p)) p++;
        while (isdigit((unsigned char)*p)) p++;
        if (*p == '.') {
            p++;
            while (isdigit((unsigned char)*p)) p++;
        }
        if (!*p || !strchr("diouxXeEfFgGaAcsr", *p) || (size_t)(p - start) >= sizeof c->spec - 4)
            goto bad;
        memcpy(c->spec, start, (size_t)(p - start));
        c->letter = *p++;
        c->pre = fmt;
        c->npre = (size_t)(start - fmt);
        c->post = p;
    }
    if (start) return ND_OK;
bad:
    return nd_set_error(ND_EVALUE, "%s: format '%s' must hold exactly one %%-conversion "
                                   "(d i o u x X e E f F g G a A c s r) and literal %%%%",
                        who, fmt);
}

/* Literal text of a format part, with "%%" → "%". */
static void put_literal(nd__strbuf *b, const char *s, size_t n)
{
    for (size_t i = 0; i < n; i++) {
        nd__sb_putc(b, s[i]);
        if (s[i] == '%' && i + 1 < n && s[i + 1] == '%') i++;
    }
}

/* str(item) of element i, as Python prints a NumPy scalar's .item(). */
static void item_str(const nd_scalar *s, nd_dtype dt, nd__strbuf *b)
{
    char buf[32];
    switch (nd_dtype_kind(dt)) {
    case 'b': nd__sb_puts(b, s->v.b ? "True" : "False"); break;
    case 'i': snprintf(buf, sizeof buf, "%" PRId64, s->v.i); nd__sb_puts(b, buf); break;
    case 'u': snprintf(buf, sizeof buf, "%" PRIu64, s->v.u); nd__sb_puts(b, buf); break;
    case 'f': nd__float_scalar_str(s->v.f, false, false, b); break;
    default: nd__complex_scalar_str(s->v.c[0], s->v.c[1], false, b); break;
    }
}

static nd_status format_item(const conv *c, const nd_scalar *s, nd_dtype dt, nd__strbuf *b,
                             const char *fmt)
{
    char spec[40], out[512];
    char kind = nd_dtype_kind(dt);
    put_literal(b, c->pre, c->npre);
    int n = -1;
    if (c->letter == 's' || c->letter == 'r') {
        nd__strbuf t = { .who = "nd_tofile" };
        item_str(s, dt, &t);
        snprintf(spec, sizeof spec, "%ss", c->spec);
        if (!t.failed) n = snprintf(out, sizeof out, spec, t.p ? t.p : "");
        nd_free_mem(t.p);
    } else if (kind == 'c') {
        return nd_set_error(ND_EVALUE, "nd_tofile: format '%s' cannot print complex values "
                                       "(use %%s)", fmt);
    } else if (strchr("diouxXc", c->letter)) {
        /* Python's %d of a float truncates toward zero; %x of a negative is "-1a" */
        int64_t iv = 0;
        uint64_t uv = 0;
        bool unsig = kind == 'u';
        if (kind == 'f') {
            if (!isfinite(s->v.f))
                return nd_set_error(ND_EVALUE, "nd_tofile: format '%s' cannot print %g as an "
                                               "integer", fmt, s->v.f);
            double t = trunc(s->v.f);
            if (t >= 9223372036854775808.0 || t < -9223372036854775808.0)
                return nd_set_error(ND_EVALUE, "nd_tofile: %g is out of range for format '%s'",
                                    s->v.f, fmt);
            iv = (int64_t)t;
        } else if (kind == 'b') {
            iv = s->v.b;
        } else if (unsig) {
            uv = s->v.u;
        } else {
            iv = s->v.i;
        }
        char L = c->letter == 'i' || c->letter == 'u' ? 'd' : c->letter;
        if (L == 'c') {
            snprintf(spec, sizeof spec, "%sc", c->spec);
            n = snprintf(out, sizeof out, spec, (int)(unsig ? uv : (uint64_t)iv));
        } else if (!unsig && iv < 0 && L != 'd') {
            /* magnitude with the sign in front, as Python */
            snprintf(spec, sizeof spec, "-%%ll%c", L);
            char mag[40];
            snprintf(mag, sizeof mag, spec, (unsigned long long)(0 - (uint64_t)iv));
            snprintf(spec, sizeof spec, "%ss", c->spec);
            n = snprintf(out, sizeof out, spec, mag);
        } else if (unsig || L != 'd') {
            snprintf(spec, sizeof spec, "%sll%c", c->spec, L);
            n = snprintf(out, sizeof out, spec, (unsigned long long)(unsig ? uv : (uint64_t)iv));
        } else {
            snprintf(spec, sizeof spec, "%slld", c->spec);
            n = snprintf(out, sizeof out, spec, (long long)iv);
        }
    } else {
        double v = kind == 'b' ? (double)s->v.b : kind == 'i' ? (double)s->v.i
                 : kind == 'u' ? (double)s->v.u : s->v.f;
        snprintf(spec, sizeof spec, "%s%c", c->spec, c->letter);
        n = snprintf(out, sizeof out, spec, v);
    }
    if (n < 0 || (size_t)n >= sizeof out)
        return nd_set_error(ND_EVALUE, "nd_tofile: format '%s' gives more than %zu characters",
                            fmt, sizeof out - 1);
    nd__sb_putn(b, out, (size_t)n);
    put_literal(b, c->post, strlen(c->post));
    return ND_OK;
}

nd_status nd_tofile_(const char *path, const nd_tofile_opts *o)
{
    const char *who = "nd_tofile";
    if (!o || !o->array) return nd_set_error(ND_EVALUE, "%s: NULL array", who);
    if (!path) return nd_set_error(ND_EVALUE, "%s: NULL path", who);
    const nd_array *a = o->array;
    bool text = o->sep && *o->sep;
    conv c;
    const char *fmt = o->format ? o->format : "%s";
    if (text && parse_format(fmt, &c, who) < 0) return nd_last_error();
    nd_file_writer *w = nd_file_writer_open(path, who);
    if (!w) return nd_last_error();
    nd_status st = ND_OK;
    if (!text) {
        nd__file_writer_reserve(w, nd_nbytes(a));
        st = nd__npy_write_data(a, false, false, sink_writer, w, who);
    } else {
        nd__strbuf b = { .who = who };
        size_t seplen = strlen(o->sep);
        for (ptrdiff_t i = 0; i < a->size && st == ND_OK; i++) {
            nd_scalar s;
            if ((st = nd_get_flat(a, i, &s)) < 0) break;
            if (i) nd__sb_putn(&b, o->sep, seplen);
            if ((st = format_item(&c, &s, a->dtype, &b, fmt)) < 0) break;
            if (b.failed) {
                st = ND_ENOMEM;
                break;
            }
            if (b.len >= 1 << 16 || i + 1 == a->size) {
                st = nd_file_writer_write(w, b.p, b.len);
                b.len = 0;
            }
        }
        nd_free_mem(b.p);
    }
    if (st < 0) {
        nd_file_writer_abort(w);
        return st;
    }
    return nd_file_writer_commit(w);
}

/* ---- fromfile ----------------------------------------------------------------------- */
/* NumPy's swab_separator: a leading blank wildcard unless sep starts with one, runs of
 * whitespace collapse to one ' ' wildcard (matching any amount, or none). */
static char *clean_separator(const char *sep, const char *who)
{
    size_t n = strlen(sep);
    char *s = nd_malloc(n + 3, who), *o = s;
    if (!s) return NULL;
    if (!isspace((unsigned char)*sep)) *o++ = ' ';
    bool skip = false;
    for (; *sep; sep++) {
        if (isspace((unsigned char)*sep)) {
            if (!skip) *o++ = ' ';
            skip = true;
        } else {
            *o++ = *sep;
            skip = false;
        }
    }
    if (o != s && o[-1] == ' ') *o++ = ' ';
    *o = 0;
    return s;
}

/* NumPy's fromfile_skip_separator over [*pp, end): 0 matched, -1 end of data, -2 no match. */
static int skip_separator(const char **pp, const char *end, const char *sep)
{
    const char *p = *pp, *sep_start = sep;
    int result;
    for (;;) {
        if (p >= end) {
            result = -1;
            break;
        }
        int c = (unsigned char)*p++;
        if (*sep == '\0') {
            p--;
            result = sep != sep_start ? 0 : -2;
            break;
        } else if (*sep == ' ') {
            if (!isspace(c)) {
                sep++;
                sep_start++;
                p--;
            } else if (sep == sep_start) {
                sep_start--;
            }
        } else if (*sep != c) {
            p--;
            result = -2;
            break;
        } else {
            sep++;
        }
    }
    *pp = p;
    return result;
}

/* fscanf("%lld") / ("%llu"): sign and decimal digits, saturating like strtoll/strtoull. */
static const char *scan_int(const char *p, const char *end, bool unsig, uint64_t *out)
{
    bool neg = false;
    if (p < end && (*p == '+' || *p == '-')) neg = *p++ == '-';
    if (p >= end || !isdigit((unsigned char)*p)) return NULL;
    uint64_t m = 0;
    bool over = false;
    for (; p < end && isdigit((unsigned char)*p); p++) {
        unsigned d = (unsigned)(*p - '0');
        if (m > (UINT64_MAX - d) / 10) over = true;
        else m = m * 10 + d;
    }
    if (unsig) {
        if (over) m = UINT64_MAX;
        *out = neg ? 0 - m : m;
    } else {
        int64_t v;
        if (neg) v = over || m > (uint64_t)INT64_MAX + 1 ? INT64_MIN : (int64_t)(0 - m);
        else v = over || m > (uint64_t)INT64_MAX ? INT64_MAX : (int64_t)m;
        memcpy(out, &v, sizeof v);
    }
    return p;
}

/* One element (NumPy's scanfunc): leading whitespace skipped; 0 read, -1 end, -2 no number. */
static int scan_element(const char **pp, const char *end, char kind, void *dst)
{
    const char *p = *pp;
    while (p < end && isspace((unsigned char)*p)) p++;
    if (p >= end) return -1;
    const char *q;
    if (kind == 'f') q = nd__parse_f64(p, end, (double *)dst);
    else if (kind == 'c') q = nd__parse_c128(p, end, (double *)dst, (double *)dst + 1);
    else q = scan_int(p, end, kind == 'u', (uint64_t *)dst);
    if (!q) return -2;
    *pp = q;
    return 0;
}

static nd_array *from_text(const char *buf, size_t n, nd_dtype dt, ptrdiff_t count,
                           const char *sep, const char *who, const char *path)
{
    char kind = nd_dtype_kind(dt);
    nd_dtype wide = kind == 'f' ? ND_FLOAT64 : kind == 'c' ? ND_COMPLEX128
                  : kind == 'u' ? ND_UINT64 : ND_INT64;
    size_t wsz = nd_dtype_size(wide);
    char *clean = clean_separator(sep, who);
    if (!clean) return NULL;
    char *vals = NULL;
    size_t cap = 0;
    ptrdiff_t got = 0;
    int flag = 0;
    const char *p = buf, *end = buf + n;
    nd_array *out = NULL;
    for (ptrdiff_t i = 0; count < 0 || i < count; i++) {
        unsigned char tmp[16];
        flag = scan_element(&p, end, kind, tmp);
        if (flag < 0) break;
        if (nd__buf_reserve(&vals, (size_t)got * wsz, &cap, (size_t)(got + 1) * wsz, 4096, who) < 0)
            goto done;
        memcpy(vals + (size_t)got * wsz, tmp, wsz);
        got++;
        flag = skip_separator(&p, end, clean);
        if (flag < 0) {
            if (count == i + 1) flag = -1;   /* the separator after the last asked item is optional */
            break;
        }
    }
    if (flag == -2) {
        size_t at = (size_t)(p - buf);
        nd_set_error(ND_EPARSE, "%s: %s%sstring or file could not be read to its end due to "
                                "unmatched data (after %td items, at byte %zu: separator '%s')",
                     who, path ? path : "", path ? ": " : "", got, at, sep);
        goto done;
    }
    nd_array *w = nd__alloc(1, &got, wide, false, who);
    if (!w) goto done;
    if (got) memcpy(w->data, vals, (size_t)got * wsz);
    if (wide == dt) {
        out = w;
    } else {
        out = nd_astype(w, dt, ND_CAST_UNSAFE);
        nd_free(w);
    }
done:
    nd_free_mem(clean);
    nd_free_mem(vals);
    return out;
}

nd_array *nd_fromfile_(const nd_fromfile_opts *o)
{
    const char *who = "nd_fromfile";
    if (!o || !o->path) return ND_FAIL(ND_EVALUE, "%s: NULL path", who);
    nd_dtype dt = o->bool_dtype ? ND_BOOL : o->dtype ? (nd_dtype)o->dtype : ND_FLOAT64;
    if (!nd_dtype_is_numeric((int)dt) || (o->bool_dtype && o->dtype))
        return ND_FAIL(ND_EDTYPE, "%s: invalid dtype %d", who, o->dtype);
    if (o->offset < 0)
        return ND_FAIL(ND_EVALUE, "%s: offset = %td < 0", who, o->offset);
    bool text = o->sep && *o->sep;
    if (text && o->offset)
        return ND_FAIL(ND_EVALUE, "%s: 'offset' argument only permitted for binary files", who);
    ptrdiff_t count = o->count > 0 ? o->count : -1;
    if (text) {
        size_t n;
        char *buf = nd__read_file(o->path, &n, 1, who);
        if (!buf) return NULL;
        nd_array *a = from_text(buf, n, dt, count, o->sep, who, o->path);
        nd_free_mem(buf);
        return a;
    }
    struct stat st;
    int fd = nd__open_read(o->path, &st, who);
    if (fd < 0) return NULL;
    size_t isz = nd_dtype_size(dt);
    nd_array *a = NULL;
    off_t size = S_ISREG(st.st_mode) ? st.st_size : 0;
    if (o->offset > size) {
        /* NumPy: seeking past the end leaves a negative item count */
        nd_set_error(ND_EVALUE, "%s: %s: offset %td is past the end of the file (%lld bytes)",
                     who, o->path, o->offset, (long long)size);
        goto done;
    }
    /* Items that fit; a trailing partial item is ignored, and asking for more than the
     * file holds gives what it holds, both as NumPy. */
    ptrdiff_t avail = (ptrdiff_t)((uint64_t)(size - o->offset) / isz);
    ptrdiff_t num = count < 0 || count > avail ? avail : count;
    a = nd__alloc(1, &num, dt, false, who);
    if (!a) goto done;
    size_t want = (size_t)num * isz, have = 0;
    while (have < want) {
        ssize_t k = pread(fd, (char *)a->data + have, want - have > ((size_t)1 << 30)
                                                          ? (size_t)1 << 30 : want - have,
                          (off_t)(o->offset + (ptrdiff_t)have));
        if (k < 0 && errno == EINTR) continue;
        if (k <= 0) {
            nd__io_errno(k < 0 ? errno : EIO, who, "read", o->path);
            nd_free(a);
            a = NULL;
            goto done;
        }
        have += (size_t)k;
    }
done:
    close(fd);
    return a;
}

/* ---- fromstring ------------------------------------------------------------------------ */
nd_array *nd_fromstring_(const char *string, const nd_fromstring_opts *o)
{
    const char *who = "nd_fromstring";
    nd_fromstring_opts d = { 0 };
    if (!o) o = &d;
    if (!string) return ND_FAIL(ND_EVALUE, "%s: the string is NULL", who);
    nd_dtype dt = o->bool_dtype ? ND_BOOL : o->dtype ? (nd_dtype)o->dtype : ND_FLOAT64;
    if (!nd_dtype_is_numeric((int)dt) || (o->bool_dtype && o->dtype))
        return ND_FAIL(ND_EDTYPE, "%s: invalid dtype %d", who, o->dtype);
    if (!o->sep || !*o->sep)
        return ND_FAIL(ND_EVALUE, "%s: the binary mode of fromstring (sep='') is deprecated "
                                  "in NumPy; use nd_frombuffer for bytes, or give .sep for text",
                       who);
    ptrdiff_t count = o->count > 0 ? o->count : -1;
    nd_array *a = from_text(string, strlen(string), dt, count, o->sep, who, NULL);
    if (a && count > 0 && nd_size(a) < count) {
        ptrdiff_t got = nd_size(a);
        nd_free(a);
        return ND_FAIL(ND_EVALUE, "%s: string is smaller than requested size (%td items "
                                  "asked, %td found)", who, count, got);
    }
    return a;
}
