/* numpy.char, the rest: partition / rpartition, expandtabs, join, encode / decode and mod
 * (Python's printf-style % with one number per element). */
#include "str_internal.h"

#include <inttypes.h>
#include <math.h>
#include <numc/strings.h>
#include <stdio.h>

#include "print_internal.h"

/* Element k of a contiguous string array as code points (its logical length). */
static size_t load(const nd_array *c, ptrdiff_t k, uint32_t *out)
{
    bool u = nd__str_is_u(c->dtype);
    size_t w = nd_dtype_width(c->dtype);
    const char *p = c->data + (size_t)k * nd_dtype_size(c->dtype);
    size_t n = nd__str_len(p, u, w);
    for (size_t j = 0; j < n; j++) out[j] = nd__str_at(p, u, j);
    return n;
}

/* Results gathered as pieces of code points, then stored with the longest width (>= 1). */
typedef struct pieces {
    uint32_t *p;
    size_t n, cap;
    size_t *off; /* npieces + 1 */
    ptrdiff_t npieces;
    bool failed;
    const char *who;
} pieces;

static void pc_push(pieces *b, uint32_t c)
{
    if (b->failed) return;
    if (b->n == b->cap) {
        size_t cap = b->cap * sizeof *b->p;
        if (nd__buf_reserve(&b->p, b->n * sizeof *b->p, &cap, (b->n + 1) * sizeof *b->p, 256, b->who) < 0) {
            b->failed = true;
            return;
        }
        b->cap = cap / sizeof *b->p;
    }
    b->p[b->n++] = c;
}

static void pc_end(pieces *b, ptrdiff_t k) { b->off[k + 1] = b->n; }

/* The array of npieces results (shape ndim/shape), 'U' when u else 'S'. */
static nd_array *pc_array(pieces *b, int ndim, const ptrdiff_t *shape, bool u)
{
    if (b->failed) return NULL;
    size_t w = 1;
    for (ptrdiff_t k = 0; k < b->npieces; k++)
        if (b->off[k + 1] - b->off[k] > w) w = b->off[k + 1] - b->off[k];
    if (w > ND_STR_MAXWIDTH) return ND_FAIL(ND_EVALUE, "%s: results are wider than numc's strings", b->who);
    nd_dtype dt = u ? ND_STR_OF(w) : ND_BYTES_OF(w);
    nd_array *out = nd__alloc(ndim, shape, dt, false, b->who);
    if (!out) return NULL;
    for (ptrdiff_t k = 0; k < b->npieces; k++) {
        char *p = out->data + (size_t)k * nd_dtype_size(dt);
        size_t len = b->off[k + 1] - b->off[k];
        for (size_t j = 0; j < w; j++) nd__str_put(p, u, j, j < len ? b->p[b->off[k] + j] : 0);
    }
    return out;
}

/* Common start: a contiguous copy, a buffer of its width, the pieces for n results. */
typedef struct job {
    nd_array *c;
    uint32_t *in;
    pieces pc;
    bool u;
} job;

static nd_status job_open(job *j, const nd_array *a, ptrdiff_t npieces, const char *who)
{
    memset(j, 0, sizeof *j);
    j->pc.who = who;
    if (!a) return nd_set_error(ND_EVALUE, "%s: the array is NULL", who);
    if (!nd_dtype_is_string(a->dtype))
        return nd_set_error(ND_EDTYPE, "%s: string operation on non-string array (%s)", who,
                            nd_dtype_name(a->dtype));
    j->u = nd__str_is_u(a->dtype);
    j->c = nd_ascontiguousarray(a);
    j->in = j->c ? nd__malloc_n((ptrdiff_t)nd_dtype_width(a->dtype) + 1, sizeof *j->in, who) : NULL;
    j->pc.off = j->in ? nd__malloc_n(npieces + 1, sizeof *j->pc.off, who) : NULL;
    if (!j->pc.off) return nd_last_error();
    j->pc.off[0] = 0;
    j->pc.npieces = npieces;
    return ND_OK;
}

static void job_close(job *j)
{
    nd_free(j->c);
    nd_free_mem(j->in);
    nd_free_mem(j->pc.p);
    nd_free_mem(j->pc.off);
}

/* A string argument as code points (UTF-8 for 'U', raw bytes for 'S'); NULL on error. */
static uint32_t *arg_cps(bool u, const char *s, size_t *n, const char *name, const char *who)
{
    if (!s) return ND_FAIL(ND_EVALUE, "%s: %s is NULL", who, name);
    size_t len = strlen(s), i = 0;
    uint32_t *p = nd__malloc_n((ptrdiff_t)len + 1, sizeof *p, who);
    if (!p) return NULL;
    *n = 0;
    while (i < len) {
        if (!u) {
            p[(*n)++] = (unsigned char)s[i++];
        } else if (!nd__utf8_next((const unsigned char *)s, len, &i, &p[*n])) {
            nd_free_mem(p);
            return ND_FAIL(ND_EVALUE, "%s: %s is not valid UTF-8 (byte offset %zu)", who, name, i);
        } else {
            (*n)++;
        }
    }
    return p;
}

/* ---- partition -------------------------------------------------------------------------------- */

static nd_array *partition(const nd_array *a, const char *sep, bool right, const char *who)
{
    job j;
    nd_array *out = NULL;
    uint32_t *sp = NULL;
    size_t m = 0;
    if (job_open(&j, a, a ? 3 * a->size : 0, who) < 0) goto done;
    if (!(sp = arg_cps(j.u, sep, &m, "sep", who))) goto done;
    if (m == 0) {
        nd_set_error(ND_EVALUE, "%s: empty separator", who);
        goto done;
    }
    for (ptrdiff_t k = 0; k < a->size; k++) {
        size_t n = load(j.c, k, j.in);
        ptrdiff_t at = -1;
        for (size_t i = 0; i + m <= n && at < 0; i++) {
            size_t s = right ? n - m - i : i;
            if (!memcmp(j.in + s, sp, m * sizeof *sp)) at = (ptrdiff_t)s;
        }
        size_t a0 = 0, a1 = 0, c0 = 0, c1 = 0; /* the parts before and after sep */
        if (at >= 0) a1 = (size_t)at, c0 = (size_t)at + m, c1 = n;
        else if (right) c1 = n;
        else a1 = n;
        for (size_t i = a0; i < a1; i++) pc_push(&j.pc, j.in[i]);
        pc_end(&j.pc, 3 * k);
        if (at >= 0)
            for (size_t i = 0; i < m; i++) pc_push(&j.pc, sp[i]);
        pc_end(&j.pc, 3 * k + 1);
        for (size_t i = c0; i < c1; i++) pc_push(&j.pc, j.in[i]);
        pc_end(&j.pc, 3 * k + 2);
    }
    ptrdiff_t shape[ND_MAXDIMS];
    if (a->ndim >= ND_MAXDIMS) {
        nd_set_error(ND_EVALUE, "%s: the result would have more than %d dimensions", who, ND_MAXDIMS);
        goto done;
    }
    memcpy(shape, a->shape, (size_t)a->ndim * sizeof *shape);
    shape[a->ndim] = 3;
    out = pc_array(&j.pc, a->ndim + 1, shape, j.u);
done:
    nd_free_mem(sp);
    job_close(&j);
    return out;
}

nd_array *nd_char_partition(const nd_array *a, const char *sep) { return partition(a, sep, false, "nd_char_partition"); }
nd_array *nd_char_rpartition(const nd_array *a, const char *sep) { return partition(a, sep, true, "nd_char_rpartition"); }

/* ---- expandtabs, join --------------------------------------------------------------------------- */

nd_array *nd_char_expandtabs(const nd_array *a, ptrdiff_t tabsize)
{
    const char *who = "nd_char_expandtabs";
    job j;
    nd_array *out = NULL;
    if (job_open(&j, a, a ? a->size : 0, who) < 0) goto done;
    for (ptrdiff_t k = 0; k < a->size; k++) {
        size_t n = load(j.c, k, j.in);
        ptrdiff_t col = 0;
        for (size_t i = 0; i < n; i++) {
            uint32_t c = j.in[i];
            if (c == '\t') {
                if (tabsize > 0) {
                    ptrdiff_t pad = tabsize - col % tabsize;
                    if (pad > ND_STR_MAXWIDTH) {
                        nd_set_error(ND_EVALUE, "%s: tabsize %td is too large", who, tabsize);
                        goto done;
                    }
                    for (ptrdiff_t s = 0; s < pad; s++) pc_push(&j.pc, ' ');
                    col += pad;
                }
            } else {
                pc_push(&j.pc, c);
                col = c == '\n' || c == '\r' ? 0 : col + 1;
            }
        }
        pc_end(&j.pc, k);
    }
    out = pc_array(&j.pc, a->ndim, a->shape, j.u);
done:
    job_close(&j);
    return out;
}

nd_array *nd_char_join(const char *sep, const nd_array *a)
{
    const char *who = "nd_char_join";
    job j;
    nd_array *out = NULL;
    uint32_t *sp = NULL;
    size_t m = 0;
    if (job_open(&j, a, a ? a->size : 0, who) < 0) goto done;
    if (!j.u) { /* b'-'.join(b'abc') joins ints: Python's TypeError */
        nd_set_error(ND_EDTYPE, "%s: join takes a 'U' array (bytes elements are sequences of "
                     "ints), not %s", who, nd_dtype_name(a->dtype));
        goto done;
    }
    if (!(sp = arg_cps(j.u, sep, &m, "sep", who))) goto done;
    for (ptrdiff_t k = 0; k < a->size; k++) {
        size_t n = load(j.c, k, j.in);
        for (size_t i = 0; i < n; i++) {
            if (i)
                for (size_t s = 0; s < m; s++) pc_push(&j.pc, sp[s]);
            pc_push(&j.pc, j.in[i]);
        }
        pc_end(&j.pc, k);
    }
    out = pc_array(&j.pc, a->ndim, a->shape, j.u);
done:
    nd_free_mem(sp);
    job_close(&j);
    return out;
}

/* ---- encode / decode ---------------------------------------------------------------------------- */

/* 0 utf-8, 1 ascii, 2 latin-1 (Python's spellings of them), -1 unknown. */
static int codec(const char *e)
{
    static const struct { const char *name; int c; } names[] = {
        { "utf-8", 0 }, { "utf8", 0 }, { "utf_8", 0 }, { "ascii", 1 }, { "us-ascii", 1 },
        { "latin-1", 2 }, { "latin1", 2 }, { "latin_1", 2 }, { "iso-8859-1", 2 },
        { "iso8859-1", 2 }, { "l1", 2 },
    };
    if (!e) return 0; /* NumPy's None: the default, utf-8 */
    char low[16];
    size_t n = strlen(e);
    if (n >= sizeof low) return -1;
    for (size_t i = 0; i <= n; i++) low[i] = (char)(e[i] >= 'A' && e[i] <= 'Z' ? e[i] + 32 : e[i]);
    for (size_t i = 0; i < sizeof names / sizeof names[0]; i++)
        if (!strcmp(low, names[i].name)) return names[i].c;
    return -1;
}

static const char *const codec_names[] = { "utf-8", "ascii", "latin-1" };

/* job_open for encode (want_u: a 'U' array) or decode (an 'S' array), then the codec cd
 * (codec(encoding)) checked. */
static nd_status codec_job_open(job *j, const nd_array *a, bool want_u, int cd,
                                const char *encoding, const char *who)
{
    nd_status st = job_open(j, a, a ? a->size : 0, who);
    if (st < 0) return st;
    if (j->u != want_u)
        return nd_set_error(ND_EDTYPE, "%s: %s, not %s", who,
                            want_u ? "encode takes a 'U' array" : "decode takes an 'S' array",
                            nd_dtype_name(a->dtype));
    if (cd < 0)
        return nd_set_error(ND_EVALUE, "%s: unknown encoding '%s' (utf-8, ascii, latin-1)", who,
                            encoding);
    return ND_OK;
}

nd_array *nd_char_encode(const nd_array *a, const char *encoding)
{
    const char *who = "nd_char_encode";
    job j;
    nd_array *out = NULL;
    int cd = codec(encoding);
    if (codec_job_open(&j, a, true, cd, encoding, who) < 0) goto done;
    for (ptrdiff_t k = 0; k < a->size; k++) {
        size_t n = load(j.c, k, j.in);
        for (size_t i = 0; i < n; i++) {
            uint32_t c = j.in[i];
            if (cd == 0) {
                if (c > 0x10ffff || (c >= 0xd800 && c <= 0xdfff)) goto bad;
                nd__strbuf t = { .who = who };
                nd__utf8_put(&t, c);
                if (t.failed) goto done;
                for (size_t b = 0; b < t.len; b++) pc_push(&j.pc, (unsigned char)t.p[b]);
                nd__sb_release(&t);
            } else {
                if (c >= (cd == 1 ? 0x80u : 0x100u)) {
                bad:
                    nd_set_error(ND_EVALUE, "%s: '%s' codec can't encode character U+%04X in "
                                 "position %zu of element %td", who, codec_names[cd], (unsigned)c, i, k);
                    goto done;
                }
                pc_push(&j.pc, c);
            }
        }
        pc_end(&j.pc, k);
    }
    out = pc_array(&j.pc, a->ndim, a->shape, false);
done:
    job_close(&j);
    return out;
}

nd_array *nd_char_decode(const nd_array *a, const char *encoding)
{
    const char *who = "nd_char_decode";
    job j;
    nd_array *out = NULL;
    int cd = codec(encoding);
    if (codec_job_open(&j, a, false, cd, encoding, who) < 0) goto done;
    for (ptrdiff_t k = 0; k < a->size; k++) {
        size_t n = load(j.c, k, j.in);
        unsigned char *bytes = (unsigned char *)j.in; /* bytes are < 256: pack them in place */
        for (size_t i = 0; i < n; i++) bytes[i] = (unsigned char)j.in[i];
        size_t i = 0;
        while (i < n) {
            uint32_t c = bytes[i];
            if (cd == 0) {
                if (!nd__utf8_next(bytes, n, &i, &c)) {
                    nd_set_error(ND_EVALUE, "%s: 'utf-8' codec can't decode byte 0x%02x in "
                                 "position %zu of element %td", who, bytes[i], i, k);
                    goto done;
                }
            } else {
                if (cd == 1 && c >= 0x80) {
                    nd_set_error(ND_EVALUE, "%s: 'ascii' codec can't decode byte 0x%02x in "
                                 "position %zu of element %td", who, (unsigned)c, i, k);
                    goto done;
                }
                i++;
            }
            pc_push(&j.pc, c);
        }
        pc_end(&j.pc, k);
    }
    out = pc_array(&j.pc, a->ndim, a->shape, true);
done:
    job_close(&j);
    return out;
}

/* ---- mod ----------------------------------------------------------------------------------------- */

typedef struct spec {
    bool minus, plus, space, zero, alt;
    ptrdiff_t width, prec; /* -1: none */
    char conv;
} spec;

/* Python's %-formatting of one number v under spec s, appended as ASCII to out. */
static nd_status format_one(const spec *s, nd_scalar v, bool u, nd__strbuf *out, const char *who)
{
    char kind = nd_dtype_kind(v.dtype);
    bool isint = kind == 'b' || kind == 'i' || kind == 'u';
    double f = kind == 'f' ? v.v.f : kind == 'b' ? v.v.b : kind == 'i' ? (double)v.v.i : (double)v.v.u;
    char body[512], prefix[3] = "";
    bool neg = false;
    nd__strbuf t = { .who = who };
    switch (s->conv) {
    case 'd': case 'i': case 'u': case 'x': case 'X': case 'o': case 'c': {
        if (!isint && s->conv != 'd' && s->conv != 'i' && s->conv != 'u')
            return nd_set_error(ND_EDTYPE, "%s: %%%c format: an integer is required, not %s", who,
                                s->conv, nd_dtype_name(v.dtype));
        if (!isint && !isfinite(f))
            return nd_set_error(ND_EVALUE, "%s: cannot convert float %s to integer", who,
                                isnan(f) ? "NaN" : "infinity");
        uint64_t mag = 0;
        if (kind == 'u') mag = v.v.u;
        else if (kind == 'b') mag = v.v.b;
        else if (kind == 'i') neg = v.v.i < 0, mag = neg ? 0 - (uint64_t)v.v.i : (uint64_t)v.v.i;
        else if (fabs(trunc(f)) >= 0x1p63) { /* Python's int(f) is exact: all its digits */
            neg = f < 0;
            int prec = (int)(s->prec < 0 ? 1 : s->prec > 400 ? 400 : s->prec);
            int len = snprintf(body, sizeof body, "%.0f", fabs(trunc(f)));
            for (int z = len; z < prec; z++) nd__sb_putc(&t, '0');
            nd__sb_puts(&t, body);
            break;
        } else {
            double tr = trunc(f);
            neg = tr < 0, mag = (uint64_t)fabs(tr);
        }
        if (s->conv == 'c') {
            if (neg || mag > 0x10ffff || (!u && mag > 0xff))
                return nd_set_error(ND_EVALUE, "%s: %%c arg not in range", who);
            nd__utf8_put(&t, (uint32_t)mag);
            break;
        }
        const char *fmt = s->conv == 'x' ? "%.*" PRIx64 : s->conv == 'X' ? "%.*" PRIX64
                        : s->conv == 'o' ? "%.*" PRIo64 : "%.*" PRIu64;
        snprintf(body, sizeof body, fmt, (int)(s->prec < 0 ? 1 : s->prec > 400 ? 400 : s->prec), mag);
        if (s->alt && (s->conv == 'x' || s->conv == 'X' || s->conv == 'o'))
            prefix[0] = '0', prefix[1] = s->conv == 'o' ? 'o' : s->conv;
        nd__sb_puts(&t, body);
        break;
    }
    case 'e': case 'E': case 'f': case 'F': case 'g': case 'G': {
        neg = signbit(f) && !isnan(f);
        double m = fabs(f);
        if (!isfinite(m)) {
            bool up = s->conv == 'E' || s->conv == 'F' || s->conv == 'G';
            nd__sb_puts(&t, isnan(m) ? (up ? "NAN" : "nan") : (up ? "INF" : "inf"));
        } else {
            char fmt[8] = "%";
            size_t k = 1;
            if (s->alt) fmt[k++] = '#';
            fmt[k++] = '.', fmt[k++] = '*', fmt[k++] = s->conv, fmt[k] = '\0';
            int prec = (int)(s->prec < 0 ? 6 : s->prec > 300 ? 300 : s->prec);
            int len = snprintf(NULL, 0, fmt, prec, m);
            char *b = nd_malloc((size_t)len + 1, who);
            if (!b) return ND_ENOMEM;
            snprintf(b, (size_t)len + 1, fmt, prec, m);
            nd__sb_puts(&t, b);
            nd_free_mem(b);
        }
        break;
    }
    case 's': case 'r': case 'a':
        if (!u) return nd_set_error(ND_EDTYPE, "%s: %%%c of a number needs a 'U' format ('S' "
                                    "formats take bytes there)", who, s->conv);
        if (kind == 'b') nd__sb_puts(&t, v.v.b ? "True" : "False");
        else if (kind == 'i') snprintf(body, sizeof body, "%" PRId64, v.v.i), nd__sb_puts(&t, body);
        else if (kind == 'u') snprintf(body, sizeof body, "%" PRIu64, v.v.u), nd__sb_puts(&t, body);
        else nd__float_scalar_str(f, v.dtype == ND_FLOAT32, false, &t);
        if (s->prec >= 0 && t.len > (size_t)s->prec) t.len = (size_t)s->prec;
        break;
    default:
        return nd_set_error(ND_EVALUE, "%s: unsupported format character '%c'", who, s->conv);
    }
    if (t.failed) return ND_ENOMEM;
    /* sign, prefix, padding as Python's formatter places them */
    bool numeric = s->conv != 's' && s->conv != 'r' && s->conv != 'a' && s->conv != 'c';
    const char *sign = !numeric ? "" : neg ? "-" : s->plus ? "+" : s->space ? " " : "";
    size_t body_cols = nd__str_columns(t.p ? t.p : "", t.len);
    size_t used = strlen(sign) + strlen(prefix) + body_cols;
    ptrdiff_t pad = s->width > (ptrdiff_t)used ? s->width - (ptrdiff_t)used : 0;
    bool zeros = numeric && s->zero; /* Python pads nan and inf with zeros too */
    if (!s->minus && !zeros) nd__sb_spaces(out, pad);
    nd__sb_puts(out, sign);
    nd__sb_puts(out, prefix);
    if (!s->minus && zeros)
        for (ptrdiff_t k = 0; k < pad; k++) nd__sb_putc(out, '0');
    nd__sb_putn(out, t.p ? t.p : "", t.len);
    if (s->minus) nd__sb_spaces(out, pad);
    nd__sb_release(&t);
    return ND_OK;
}

/* Python's fmt % value for one element: fmt holds exactly one conversion (and any %%). */
static nd_status mod_one(const uint32_t *f, size_t n, nd_scalar v, bool u, nd__strbuf *out,
                         const char *who)
{
    int used = 0;
    for (size_t i = 0; i < n; i++) {
        if (f[i] != '%') {
            if (u) nd__utf8_put(out, f[i]);
            else nd__sb_putc(out, (char)f[i]);
            continue;
        }
        if (++i >= n) return nd_set_error(ND_EVALUE, "%s: incomplete format", who);
        if (f[i] == '%') {
            nd__sb_putc(out, '%');
            continue;
        }
        spec s = { .width = 0, .prec = -1 };
        for (;; i++) {
            if (i >= n) return nd_set_error(ND_EVALUE, "%s: incomplete format", who);
            if (f[i] == '-') s.minus = true;
            else if (f[i] == '+') s.plus = true;
            else if (f[i] == ' ') s.space = true;
            else if (f[i] == '0') s.zero = true;
            else if (f[i] == '#') s.alt = true;
            else break;
        }
        if (f[i] == '(' || f[i] == '*')
            return nd_set_error(ND_EVALUE, "%s: %s needs a mapping or a tuple of values", who,
                                f[i] == '(' ? "%(name)" : "a '*' width");
        while (i < n && f[i] >= '0' && f[i] <= '9' && s.width < 100000) s.width = s.width * 10 + (f[i++] - '0');
        if (i < n && f[i] == '.') {
            s.prec = 0;
            for (i++; i < n && f[i] >= '0' && f[i] <= '9' && s.prec < 100000; i++) s.prec = s.prec * 10 + (f[i] - '0');
        }
        while (i < n && (f[i] == 'l' || f[i] == 'h' || f[i] == 'L')) i++; /* Python skips them */
        if (i >= n) return nd_set_error(ND_EVALUE, "%s: incomplete format", who);
        if (f[i] > 0x7f) return nd_set_error(ND_EVALUE, "%s: unsupported format character U+%04X", who, (unsigned)f[i]);
        s.conv = (char)f[i];
        if (used++) return nd_set_error(ND_EVALUE, "%s: not enough arguments for format string", who);
        nd_status st = format_one(&s, v, u, out, who);
        if (st < 0) return st;
    }
    if (!used) return nd_set_error(ND_EVALUE, "%s: not all arguments converted during string formatting", who);
    return ND_OK;
}

nd_array *nd_char_mod(const nd_array *a, const nd_array *values)
{
    const char *who = "nd_char_mod";
    if (!a || !values) return ND_FAIL(ND_EVALUE, "%s: an array is NULL", who);
    if (!nd_dtype_is_string(a->dtype))
        return ND_FAIL(ND_EDTYPE, "%s: the formats are %s, not strings", who, nd_dtype_name(a->dtype));
    char vk = nd_dtype_kind(values->dtype);
    if (vk != 'b' && vk != 'i' && vk != 'u' && vk != 'f')
        return ND_FAIL(ND_EDTYPE, "%s: values must be real numbers, not %s", who, nd_dtype_name(values->dtype));
    int ndims[2] = { a->ndim, values->ndim }, ndim;
    const ptrdiff_t *shapes[2] = { a->shape, values->shape };
    ptrdiff_t shape[ND_MAXDIMS];
    if (nd__broadcast(2, ndims, shapes, &ndim, shape, who) < 0) return NULL;
    nd_array *fa = nd__broadcast_view(a, ndim, shape, who);
    nd_array *va = fa ? nd__broadcast_view(values, ndim, shape, who) : NULL;
    nd_array *fc = va ? nd_ascontiguousarray(fa) : NULL, *vc = fc ? nd_ascontiguousarray(va) : NULL;
    nd_array *out = NULL;
    bool u = nd__str_is_u(a->dtype);
    uint32_t *in = vc ? nd__malloc_n((ptrdiff_t)nd_dtype_width(a->dtype) + 1, sizeof *in, who) : NULL;
    ptrdiff_t n = vc ? vc->size : 0;
    size_t *off = in ? nd__malloc_n(n + 1, sizeof *off, who) : NULL;
    nd__strbuf text = { .who = who };
    if (!off) goto done;
    off[0] = 0;
    for (ptrdiff_t k = 0; k < n; k++) {
        size_t m = load(fc, k, in);
        nd_scalar v = nd__scalar_load(vc->data + (size_t)k * nd_dtype_size(vc->dtype), vc->dtype);
        if (mod_one(in, m, v, u, &text, who) < 0) goto done;
        off[k + 1] = text.len;
    }
    if (text.failed) goto done;
    /* the results are UTF-8 ('U') or bytes ('S'): back to elements of the longest width */
    size_t w = 1;
    for (ptrdiff_t k = 0; k < n; k++) {
        size_t c = u ? nd__str_columns(text.p + off[k], off[k + 1] - off[k]) : off[k + 1] - off[k];
        if (c > w) w = c;
    }
    if (w > ND_STR_MAXWIDTH) {
        nd_set_error(ND_EVALUE, "%s: results are wider than numc's strings", who);
        goto done;
    }
    nd_dtype dt = u ? ND_STR_OF(w) : ND_BYTES_OF(w);
    out = nd__alloc(ndim, shape, dt, false, who);
    if (!out) goto done;
    for (ptrdiff_t k = 0; k < n; k++) {
        char *p = out->data + (size_t)k * nd_dtype_size(dt);
        const unsigned char *s = (const unsigned char *)text.p + off[k];
        size_t len = off[k + 1] - off[k], i = 0, j = 0;
        while (i < len) {
            uint32_t c = s[i];
            if (!u || !nd__utf8_next(s, len, &i, &c)) i++;
            nd__str_put(p, u, j++, c);
        }
        while (j < w) nd__str_put(p, u, j++, 0);
    }
done:
    nd__sb_release(&text);
    nd_free_mem(off);
    nd_free_mem(in);
    nd_free(fa), nd_free(va), nd_free(fc), nd_free(vc);
    return out;
}
