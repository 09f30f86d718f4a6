/* numpy.char: Python's str methods on every element of a 'U' array (Unicode rules, from
 * str_unicode_tables.h) and bytes methods on an 'S' array (ASCII rules), with NumPy's
 * result widths. */
#include "str_internal.h"

#include <numc/strings.h>
#include <stdint.h>

#include "str_unicode_tables.h"

/* ---- code point buffers --------------------------------------------------------------------- */

typedef struct cps {
    uint32_t *p;
    size_t n, cap;
    bool failed;
} cps;

static void cps_push(cps *b, uint32_t c)
{
    if (b->failed) return;
    if (b->n == b->cap) {
        size_t cap = b->cap;
        if (nd__buf_reserve(&b->p, b->n * sizeof *b->p, &cap, (b->n + 1) * sizeof *b->p, 64,
                            "numpy.char") < 0) {
            b->failed = true;
            return;
        }
        b->cap = cap / sizeof *b->p;
    }
    b->p[b->n++] = c;
}

static void cps_append(cps *b, const uint32_t *s, size_t n)
{
    for (size_t k = 0; k < n; k++) cps_push(b, s[k]);
}

/* ---- Unicode properties and case mappings ---------------------------------------------------- */

static unsigned flags(uint32_t c)
{
    size_t lo = 0, hi = sizeof nd__uc_flag_runs / sizeof nd__uc_flag_runs[0];
    if (c > 0x10ffff) return 0;
    while (hi - lo > 1) {
        size_t mid = lo + (hi - lo) / 2;
        if (nd__uc_flag_runs[mid] >> 9 <= c) lo = mid;
        else hi = mid;
    }
    return nd__uc_flag_runs[lo] & 0x1ff;
}

/* A property of c: Unicode's for 'U', ASCII's for 'S' (bytes methods). */
static bool has(uint32_t c, bool u, unsigned f)
{
    if (u) return (flags(c) & f) != 0;
    bool lower = c >= 'a' && c <= 'z', upper = c >= 'A' && c <= 'Z', digit = c >= '0' && c <= '9';
    switch (f) {
    case ND__UF_ALPHA: return lower || upper;
    case ND__UF_LOWER: return lower;
    case ND__UF_UPPER: return upper;
    case ND__UF_CASED: return lower || upper;
    case ND__UF_DIGIT: case ND__UF_DECIMAL: case ND__UF_NUMERIC: return digit;
    default: return false;
    }
}

static bool is_space(uint32_t c, bool u)
{
    if (u) return nd__uc_isspace(c);
    return c == ' ' || (c >= '\t' && c <= '\r');
}

/* Full case mapping of c (str.upper / lower / title of one code point) appended to out. */
static void map_case(const uint32_t (*keys)[2], size_t nkeys, const uint32_t *pool, uint32_t c,
                     cps *out)
{
    size_t lo = 0, hi = nkeys;
    while (lo < hi) {
        size_t mid = lo + (hi - lo) / 2;
        if (keys[mid][0] < c) lo = mid + 1;
        else hi = mid;
    }
    if (lo < nkeys && keys[lo][0] == c) {
        cps_append(out, pool + (keys[lo][1] >> 2), keys[lo][1] & 3);
        return;
    }
    cps_push(out, c);
}

#define NKEYS(t) (sizeof t / sizeof t[0])

static void to_upper(uint32_t c, bool u, cps *out)
{
    if (!u) cps_push(out, c >= 'a' && c <= 'z' ? c - 32 : c);
    else map_case(nd__uc_upper_keys, NKEYS(nd__uc_upper_keys), nd__uc_upper_pool, c, out);
}

static void to_title(uint32_t c, bool u, cps *out)
{
    if (!u) cps_push(out, c >= 'a' && c <= 'z' ? c - 32 : c);
    else map_case(nd__uc_title_keys, NKEYS(nd__uc_title_keys), nd__uc_title_pool, c, out);
}

/* str.lower of s[i] in its string: a capital sigma at the end of a word becomes the final
 * sigma (CPython's handle_capital_sigma). */
static void to_lower(const uint32_t *s, size_t n, size_t i, bool u, cps *out)
{
    uint32_t c = s[i];
    if (!u) {
        cps_push(out, c >= 'A' && c <= 'Z' ? c + 32 : c);
        return;
    }
    if (c == 0x3a3) {
        size_t j = i;
        while (j > 0 && has(s[j - 1], true, ND__UF_CASE_IGNORABLE)) j--;
        bool final = j > 0 && has(s[j - 1], true, ND__UF_CASED);
        if (final) {
            j = i + 1;
            while (j < n && has(s[j], true, ND__UF_CASE_IGNORABLE)) j++;
            final = j == n || !has(s[j], true, ND__UF_CASED);
        }
        cps_push(out, final ? 0x3c2 : 0x3c3);
        return;
    }
    map_case(nd__uc_lower_keys, NKEYS(nd__uc_lower_keys), nd__uc_lower_pool, c, out);
}

/* ---- the element loop ----------------------------------------------------------------------- */

/* A string-to-string function of one element (s, n code points or bytes) into out. */
typedef void (*map_fn)(const uint32_t *s, size_t n, bool u, cps *out, const void *ctx);

static nd_status check_str(const nd_array *a, const char *who)
{
    if (!a) return nd_set_error(ND_EVALUE, "%s: the array is NULL", who);
    if (!nd_dtype_is_string(a->dtype))
        return nd_set_error(ND_EDTYPE, "%s: string operation on non-string array (%s)", who,
                            nd_dtype_name(a->dtype));
    return ND_OK;
}

/* The elements of a, C order, each loaded as code points into `in` (its logical length). */
typedef struct elems {
    nd_array *c;
    size_t isz, w;
    bool u;
    uint32_t *in;
} elems;

static nd_status elems_open(elems *e, const nd_array *a, const char *who)
{
    memset(e, 0, sizeof *e);
    e->c = nd_ascontiguousarray(a);
    if (!e->c) return nd_last_error();
    e->isz = nd_dtype_size(a->dtype);
    e->w = nd_dtype_width(a->dtype);
    e->u = nd__str_is_u(a->dtype);
    e->in = nd__malloc_n((ptrdiff_t)e->w + 1, sizeof *e->in, who);
    if (!e->in) {
        nd_free(e->c);
        return ND_ENOMEM;
    }
    return ND_OK;
}

static size_t elems_load(const elems *e, ptrdiff_t k)
{
    const char *p = e->c->data + (size_t)k * e->isz;
    size_t n = nd__str_len(p, e->u, e->w);
    for (size_t j = 0; j < n; j++) e->in[j] = nd__str_at(p, e->u, j);
    return n;
}

static void elems_close(elems *e)
{
    nd_free(e->c);
    nd_free_mem(e->in);
}

/* Apply fn to every element: the result has a's shape and kind, width `width` (0: a's
 * width; -1: the longest result, at least 1, as NumPy's _to_bytes_or_str_array). */
static nd_array *char_map(const nd_array *a, ptrdiff_t width, map_fn fn, const void *ctx,
                          const char *who)
{
    if (check_str(a, who) < 0) return NULL;
    elems e;
    if (elems_open(&e, a, who) < 0) return NULL;
    ptrdiff_t n = a->size;
    cps pool = { 0 };
    size_t *off = nd__malloc_n(n + 1, sizeof *off, who);
    nd_array *out = NULL;
    if (!off) goto done;
    off[0] = 0;
    size_t longest = 0;
    for (ptrdiff_t k = 0; k < n; k++) {
        size_t m = elems_load(&e, k);
        fn(e.in, m, e.u, &pool, ctx);
        if (pool.failed) goto done;
        off[k + 1] = pool.n;
        if (pool.n - off[k] > longest) longest = pool.n - off[k];
    }
    size_t w = width == 0 ? e.w : width < 0 ? (longest ? longest : 1) : (size_t)width;
    if (w > ND_STR_MAXWIDTH) {
        nd_set_error(ND_EVALUE, "%s: results of %zu characters are wider than numc's strings", who, w);
        goto done;
    }
    nd_dtype dt = e.u ? ND_STR_OF(w) : ND_BYTES_OF(w);
    out = nd__alloc(a->ndim, a->shape, dt, false, who);
    if (!out) goto done;
    for (ptrdiff_t k = 0; k < n; k++) {
        char *p = out->data + (size_t)k * nd_dtype_size(dt);
        size_t len = off[k + 1] - off[k];
        for (size_t j = 0; j < w; j++) {
            uint32_t c = j < len ? pool.p[off[k] + j] : 0;
            if (!e.u && c > 0xff) c = '?'; /* no ASCII method makes one: a guard */
            nd__str_put(p, e.u, j, c);
        }
    }
done:
    elems_close(&e);
    nd_free_mem(off);
    nd_free_mem(pool.p);
    return out;
}

/* An int64 (or bool) result per element. */
typedef int64_t (*scan_fn)(const uint32_t *s, size_t n, bool u, const void *ctx);

static nd_array *char_scan(const nd_array *a, nd_dtype rt, scan_fn fn, const void *ctx,
                           const char *who)
{
    if (check_str(a, who) < 0) return NULL;
    elems e;
    if (elems_open(&e, a, who) < 0) return NULL;
    nd_array *out = nd__alloc(a->ndim, a->shape, rt, false, who);
    for (ptrdiff_t k = 0; out && k < a->size; k++) {
        int64_t v = fn(e.in, elems_load(&e, k), e.u, ctx);
        if (rt == ND_BOOL) ((bool *)out->data)[k] = v != 0;
        else ((int64_t *)out->data)[k] = v;
    }
    elems_close(&e);
    return out;
}

/* A string argument (UTF-8 for a 'U' array, raw bytes for an 'S' one) as code points. */
typedef struct arg {
    uint32_t *p;
    size_t n;
} arg;

static nd_status arg_of(const nd_array *a, const char *s, const char *name, arg *out,
                        const char *who)
{
    out->p = NULL, out->n = 0;
    if (!s) return nd_set_error(ND_EVALUE, "%s: %s is NULL", who, name);
    size_t len = strlen(s);
    out->p = nd__malloc_n((ptrdiff_t)len + 1, sizeof *out->p, who);
    if (!out->p) return ND_ENOMEM;
    const unsigned char *b = (const unsigned char *)s;
    size_t i = 0;
    while (i < len) {
        if (!nd__str_is_u(a->dtype)) {
            out->p[out->n++] = b[i++];
            continue;
        }
        if (!nd__utf8_next(b, len, &i, &out->p[out->n])) {
            nd_free_mem(out->p);
            out->p = NULL;
            return nd_set_error(ND_EVALUE, "%s: %s is not valid UTF-8 (byte offset %zu)", who,
                                name, i);
        }
        out->n++;
    }
    return ND_OK;
}

/* ---- case ------------------------------------------------------------------------------------ */

static void m_upper(const uint32_t *s, size_t n, bool u, cps *out, const void *ctx)
{
    (void)ctx;
    for (size_t i = 0; i < n; i++) to_upper(s[i], u, out);
}

static void m_lower(const uint32_t *s, size_t n, bool u, cps *out, const void *ctx)
{
    (void)ctx;
    for (size_t i = 0; i < n; i++) to_lower(s, n, i, u, out);
}

static void m_swapcase(const uint32_t *s, size_t n, bool u, cps *out, const void *ctx)
{
    (void)ctx;
    for (size_t i = 0; i < n; i++) {
        if (has(s[i], u, ND__UF_UPPER)) to_lower(s, n, i, u, out);
        else if (has(s[i], u, ND__UF_LOWER)) to_upper(s[i], u, out);
        else cps_push(out, s[i]);
    }
}

static void m_capitalize(const uint32_t *s, size_t n, bool u, cps *out, const void *ctx)
{
    (void)ctx;
    for (size_t i = 0; i < n; i++) {
        if (i == 0) to_title(s[0], u, out);
        else to_lower(s, n, i, u, out);
    }
}

static void m_title(const uint32_t *s, size_t n, bool u, cps *out, const void *ctx)
{
    (void)ctx;
    bool prev = false;
    for (size_t i = 0; i < n; i++) {
        if (prev) to_lower(s, n, i, u, out);
        else to_title(s[i], u, out);
        prev = has(s[i], u, ND__UF_CASED) || (u && (flags(s[i]) & ND__UF_TITLE));
    }
}

nd_array *nd_char_upper(const nd_array *a) { return char_map(a, 0, m_upper, NULL, "nd_char_upper"); }
nd_array *nd_char_lower(const nd_array *a) { return char_map(a, 0, m_lower, NULL, "nd_char_lower"); }
nd_array *nd_char_swapcase(const nd_array *a)
{
    return char_map(a, 0, m_swapcase, NULL, "nd_char_swapcase");
}
nd_array *nd_char_capitalize(const nd_array *a)
{
    return char_map(a, 0, m_capitalize, NULL, "nd_char_capitalize");
}
nd_array *nd_char_title(const nd_array *a) { return char_map(a, 0, m_title, NULL, "nd_char_title"); }

/* ---- strip, padding, repetition ------------------------------------------------------------------ */

typedef struct strip_ctx {
    const arg *chars; /* NULL: whitespace */
    int sides;        /* 1 left, 2 right, 3 both */
} strip_ctx;

static bool in_set(uint32_t c, bool u, const arg *chars)
{
    if (!chars) return is_space(c, u);
    for (size_t k = 0; k < chars->n; k++)
        if (chars->p[k] == c) return true;
    return false;
}

static void m_strip(const uint32_t *s, size_t n, bool u, cps *out, const void *ctx)
{
    const strip_ctx *x = ctx;
    size_t a = 0, b = n;
    if (x->sides & 1)
        while (a < b && in_set(s[a], u, x->chars)) a++;
    if (x->sides & 2)
        while (b > a && in_set(s[b - 1], u, x->chars)) b--;
    cps_append(out, s + a, b - a);
}

static nd_array *strip(const nd_array *a, const char *chars, int sides, const char *who)
{
    if (check_str(a, who) < 0) return NULL;
    arg c = { 0 };
    if (chars && arg_of(a, chars, "chars", &c, who) < 0) return NULL;
    strip_ctx x = { chars ? &c : NULL, sides };
    nd_array *r = char_map(a, 0, m_strip, &x, who);
    nd_free_mem(c.p);
    return r;
}

nd_array *nd_char_strip(const nd_array *a, const char *chars) { return strip(a, chars, 3, "nd_char_strip"); }
nd_array *nd_char_lstrip(const nd_array *a, const char *chars) { return strip(a, chars, 1, "nd_char_lstrip"); }
nd_array *nd_char_rstrip(const nd_array *a, const char *chars) { return strip(a, chars, 2, "nd_char_rstrip"); }

typedef struct pad_ctx {
    ptrdiff_t width;
    uint32_t fill;
    int how; /* 0 center, 1 ljust, 2 rjust, 3 zfill */
} pad_ctx;

static void m_pad(const uint32_t *s, size_t n, bool u, cps *out, const void *ctx)
{
    (void)u;
    const pad_ctx *x = ctx;
    ptrdiff_t marg = x->width - (ptrdiff_t)n, left;
    if (marg <= 0) {
        cps_append(out, s, n);
        return;
    }
    switch (x->how) {
    case 0: left = marg / 2 + (marg & x->width & 1); break; /* CPython's str.center */
    case 1: left = 0; break;
    default: left = marg; break;
    }
    size_t from = 0;
    if (x->how == 3 && n > 0 && (s[0] == '+' || s[0] == '-')) { /* the sign stays in front */
        cps_push(out, s[0]);
        from = 1;
    }
    for (ptrdiff_t k = 0; k < left; k++) cps_push(out, x->fill);
    cps_append(out, s + from, n - from);
    for (ptrdiff_t k = left; k < marg; k++) cps_push(out, x->fill);
}

static nd_array *pad(const nd_array *a, ptrdiff_t width, const char *fillchar, int how,
                     const char *who)
{
    if (check_str(a, who) < 0) return NULL;
    pad_ctx x = { width, how == 3 ? '0' : ' ', how };
    if (fillchar) {
        arg f;
        if (arg_of(a, fillchar, "fillchar", &f, who) < 0) return NULL;
        bool one = f.n == 1;
        if (one) x.fill = f.p[0];
        nd_free_mem(f.p);
        if (!one) return ND_FAIL(ND_EVALUE, "%s: the fill character must be exactly one character long", who);
    }
    if (width > ND_STR_MAXWIDTH) return ND_FAIL(ND_EVALUE, "%s: width %td is too large", who, width);
    return char_map(a, width > 1 ? width : 1, m_pad, &x, who);
}

nd_array *nd_char_center(const nd_array *a, ptrdiff_t width, const char *fillchar)
{
    return pad(a, width, fillchar, 0, "nd_char_center");
}
nd_array *nd_char_ljust(const nd_array *a, ptrdiff_t width, const char *fillchar)
{
    return pad(a, width, fillchar, 1, "nd_char_ljust");
}
nd_array *nd_char_rjust(const nd_array *a, ptrdiff_t width, const char *fillchar)
{
    return pad(a, width, fillchar, 2, "nd_char_rjust");
}
nd_array *nd_char_zfill(const nd_array *a, ptrdiff_t width)
{
    return pad(a, width, NULL, 3, "nd_char_zfill");
}

static void m_repeat(const uint32_t *s, size_t n, bool u, cps *out, const void *ctx)
{
    (void)u;
    for (ptrdiff_t k = 0; k < *(const ptrdiff_t *)ctx; k++) cps_append(out, s, n);
}

nd_array *nd_char_multiply(const nd_array *a, ptrdiff_t i)
{
    ptrdiff_t times = i > 0 ? i : 0;
    if (check_str(a, "nd_char_multiply") < 0) return NULL;
    if (times > 0 && nd_dtype_width(a->dtype) > (size_t)ND_STR_MAXWIDTH / (size_t)times)
        return ND_FAIL(ND_EVALUE, "nd_char_multiply: %td repeats are wider than numc's strings", i);
    return char_map(a, -1, m_repeat, &times, "nd_char_multiply");
}

nd_array *nd_char_add(const nd_array *a, const nd_array *b)
{
    const char *who = "nd_char_add";
    if (check_str(a, who) < 0 || check_str(b, who) < 0) return NULL;
    bool u = nd__str_is_u(a->dtype);
    if (u != nd__str_is_u(b->dtype))
        return ND_FAIL(ND_EDTYPE, "%s: cannot add %s and %s", who, nd_dtype_name(a->dtype),
                       nd_dtype_name(b->dtype));
    size_t wa = nd_dtype_width(a->dtype), wb = nd_dtype_width(b->dtype);
    if (wa + wb > ND_STR_MAXWIDTH) return ND_FAIL(ND_EVALUE, "%s: the sum is too wide", who);
    nd_dtype dt = u ? ND_STR_OF(wa + wb) : ND_BYTES_OF(wa + wb);
    int ndims[2] = { a->ndim, b->ndim }, ndim;
    const ptrdiff_t *shapes[2] = { a->shape, b->shape };
    ptrdiff_t shape[ND_MAXDIMS];
    if (nd__broadcast(2, ndims, shapes, &ndim, shape, who) < 0) return NULL;
    nd_array *out = nd__alloc(ndim, shape, dt, false, who);
    if (!out) return NULL;
    nd_array *ops[3] = { out, (nd_array *)a, (nd_array *)b };
    nd_iter it;
    if (nd_iter_init(&it, 3, ops, ndim, shape) < 0) {
        nd_free(out);
        return NULL;
    }
    if (it.size > 0) {
        do {
            for (ptrdiff_t i = 0; i < it.inner_size; i++) {
                char *po = it.ptrs[0] + i * it.inner_strides[0];
                const char *pa = it.ptrs[1] + i * it.inner_strides[1];
                const char *pb = it.ptrs[2] + i * it.inner_strides[2];
                size_t na = nd__str_len(pa, u, wa), nb = nd__str_len(pb, u, wb), j = 0;
                for (size_t k = 0; k < na; k++) nd__str_put(po, u, j++, nd__str_at(pa, u, k));
                for (size_t k = 0; k < nb; k++) nd__str_put(po, u, j++, nd__str_at(pb, u, k));
                while (j < wa + wb) nd__str_put(po, u, j++, 0);
            }
        } while (nd_iter_next(&it));
    }
    return out;
}

/* ---- searching ------------------------------------------------------------------------------------ */

typedef struct find_ctx {
    const arg *sub;
    ptrdiff_t start, end;
    int mode; /* 0 find, 1 rfind, 2 count, 3 startswith, 4 endswith */
} find_ctx;

/* CPython's ADJUST_INDICES: slice bounds of a string of n characters. */
static void adjust(ptrdiff_t *start, ptrdiff_t *end, ptrdiff_t n)
{
    if (*end > n) *end = n;
    else if (*end < 0 && (*end += n) < 0) *end = 0;
    if (*start < 0 && (*start += n) < 0) *start = 0;
}

static bool match_at(const uint32_t *s, const arg *sub, ptrdiff_t i)
{
    for (size_t k = 0; k < sub->n; k++)
        if (s[(size_t)i + k] != sub->p[k]) return false;
    return true;
}

static int64_t s_find(const uint32_t *s, size_t n, bool u, const void *ctx)
{
    (void)u;
    const find_ctx *x = ctx;
    ptrdiff_t start = x->start, end = x->end, m = (ptrdiff_t)x->sub->n;
    adjust(&start, &end, (ptrdiff_t)n);
    switch (x->mode) {
    case 0:
        if (end - start < m) return -1;
        for (ptrdiff_t i = start; i + m <= end; i++)
            if (match_at(s, x->sub, i)) return i;
        return -1;
    case 1:
        if (end - start < m) return -1;
        for (ptrdiff_t i = end - m; i >= start; i--)
            if (match_at(s, x->sub, i)) return i;
        return -1;
    case 2: {
        if (end - start < m) return 0;
        if (m == 0) return end - start + 1;
        int64_t c = 0;
        for (ptrdiff_t i = start; i + m <= end;) {
            if (match_at(s, x->sub, i)) c++, i += m;
            else i++;
        }
        return c;
    }
    case 3: /* CPython's tailmatch */
        if (end - m < start) return 0;
        return match_at(s, x->sub, start);
    default:
        if (end - m < start) return 0;
        return match_at(s, x->sub, end - m);
    }
}

static nd_array *find(const nd_array *a, const char *sub, ptrdiff_t start, ptrdiff_t end,
                      int mode, bool must, const char *who)
{
    if (check_str(a, who) < 0) return NULL;
    arg s;
    if (arg_of(a, sub, mode >= 3 ? (mode == 3 ? "prefix" : "suffix") : "sub", &s, who) < 0)
        return NULL;
    find_ctx x = { &s, start, end, mode };
    nd_array *r = char_scan(a, mode >= 3 ? ND_BOOL : ND_INT64, s_find, &x, who);
    if (r && must) {
        for (ptrdiff_t k = 0; k < r->size; k++) {
            if (((int64_t *)r->data)[k] < 0) {
                nd_free(r);
                r = ND_FAIL(ND_EVALUE, "%s: substring not found (element %td)", who, k);
                break;
            }
        }
    }
    nd_free_mem(s.p);
    return r;
}

nd_array *nd_char_find(const nd_array *a, const char *sub, ptrdiff_t start, ptrdiff_t end)
{
    return find(a, sub, start, end, 0, false, "nd_char_find");
}
nd_array *nd_char_rfind(const nd_array *a, const char *sub, ptrdiff_t start, ptrdiff_t end)
{
    return find(a, sub, start, end, 1, false, "nd_char_rfind");
}
nd_array *nd_char_index(const nd_array *a, const char *sub, ptrdiff_t start, ptrdiff_t end)
{
    return find(a, sub, start, end, 0, true, "nd_char_index");
}
nd_array *nd_char_rindex(const nd_array *a, const char *sub, ptrdiff_t start, ptrdiff_t end)
{
    return find(a, sub, start, end, 1, true, "nd_char_rindex");
}
nd_array *nd_char_count(const nd_array *a, const char *sub, ptrdiff_t start, ptrdiff_t end)
{
    return find(a, sub, start, end, 2, false, "nd_char_count");
}
nd_array *nd_char_startswith(const nd_array *a, const char *prefix, ptrdiff_t start, ptrdiff_t end)
{
    return find(a, prefix, start, end, 3, false, "nd_char_startswith");
}
nd_array *nd_char_endswith(const nd_array *a, const char *suffix, ptrdiff_t start, ptrdiff_t end)
{
    return find(a, suffix, start, end, 4, false, "nd_char_endswith");
}

static int64_t s_len(const uint32_t *s, size_t n, bool u, const void *ctx)
{
    (void)s, (void)u, (void)ctx;
    return (int64_t)n;
}

nd_array *nd_char_str_len(const nd_array *a) { return char_scan(a, ND_INT64, s_len, NULL, "nd_char_str_len"); }

/* ---- replace --------------------------------------------------------------------------------- */

typedef struct replace_ctx {
    const arg *old, *new_;
    ptrdiff_t count;
} replace_ctx;

static void m_replace(const uint32_t *s, size_t n, bool u, cps *out, const void *ctx)
{
    (void)u;
    const replace_ctx *x = ctx;
    ptrdiff_t left = x->count < 0 ? PTRDIFF_MAX : x->count;
    size_t m = x->old->n, i = 0;
    if (m == 0) { /* Python: new before every character and at the end, count times */
        for (; i <= n; i++) {
            if (left > 0) cps_append(out, x->new_->p, x->new_->n), left--;
            if (i < n) cps_push(out, s[i]);
        }
        return;
    }
    while (i < n) {
        if (left > 0 && i + m <= n && match_at(s, x->old, (ptrdiff_t)i)) {
            cps_append(out, x->new_->p, x->new_->n);
            i += m;
            left--;
        } else {
            cps_push(out, s[i++]);
        }
    }
}

nd_array *nd_char_replace(const nd_array *a, const char *old, const char *new_, ptrdiff_t count)
{
    const char *who = "nd_char_replace";
    if (check_str(a, who) < 0) return NULL;
    arg o = { 0 }, w = { 0 };
    nd_array *r = NULL;
    if (arg_of(a, old, "old", &o, who) == ND_OK && arg_of(a, new_, "new", &w, who) == ND_OK) {
        replace_ctx x = { &o, &w, count };
        r = char_map(a, -1, m_replace, &x, who);
    }
    nd_free_mem(o.p);
    nd_free_mem(w.p);
    return r;
}

/* ---- predicates ------------------------------------------------------------------------------- */

/* str.isalnum: a flag value of its own (alpha, decimal, digit or numeric) */
enum { ALNUM = 1 << 12 };

static int64_t s_all(const uint32_t *s, size_t n, bool u, const void *ctx)
{
    unsigned f = *(const unsigned *)ctx;
    if (n == 0) return 0;
    for (size_t i = 0; i < n; i++) {
        bool ok = f == 0 ? is_space(s[i], u)
                : f == ALNUM ? (has(s[i], u, ND__UF_ALPHA) || has(s[i], u, ND__UF_DECIMAL) ||
                                          has(s[i], u, ND__UF_DIGIT) || has(s[i], u, ND__UF_NUMERIC))
                : has(s[i], u, f);
        if (!ok) return 0;
    }
    return 1;
}

/* str.islower / isupper (CPython's loops): some cased character, none of the other case. */
static int64_t s_case(const uint32_t *s, size_t n, bool u, const void *ctx)
{
    bool lower = *(const unsigned *)ctx == ND__UF_LOWER, cased = false;
    unsigned other = lower ? ND__UF_UPPER : ND__UF_LOWER, same = lower ? ND__UF_LOWER : ND__UF_UPPER;
    for (size_t i = 0; i < n; i++) {
        if (has(s[i], u, other) || (u && (flags(s[i]) & ND__UF_TITLE))) return 0;
        if (has(s[i], u, same)) cased = true;
    }
    return cased;
}

static int64_t s_istitle(const uint32_t *s, size_t n, bool u, const void *ctx)
{
    (void)ctx;
    bool cased = false, prev = false;
    for (size_t i = 0; i < n; i++) {
        if (has(s[i], u, ND__UF_UPPER) || (u && (flags(s[i]) & ND__UF_TITLE))) {
            if (prev) return 0;
            prev = cased = true;
        } else if (has(s[i], u, ND__UF_LOWER)) {
            if (!prev) return 0;
            prev = cased = true;
        } else {
            prev = false;
        }
    }
    return cased;
}

static nd_array *pred(const nd_array *a, unsigned f, scan_fn fn, bool unicode_only, const char *who)
{
    if (check_str(a, who) < 0) return NULL;
    if (unicode_only && !nd__str_is_u(a->dtype))
        return ND_FAIL(ND_EDTYPE, "%s: only available for unicode ('U') arrays, not %s", who,
                       nd_dtype_name(a->dtype));
    return char_scan(a, ND_BOOL, fn, &f, who);
}

nd_array *nd_char_isalpha(const nd_array *a) { return pred(a, ND__UF_ALPHA, s_all, false, "nd_char_isalpha"); }
nd_array *nd_char_isalnum(const nd_array *a) { return pred(a, ALNUM, s_all, false, "nd_char_isalnum"); }
nd_array *nd_char_isdigit(const nd_array *a) { return pred(a, ND__UF_DIGIT, s_all, false, "nd_char_isdigit"); }
nd_array *nd_char_isdecimal(const nd_array *a) { return pred(a, ND__UF_DECIMAL, s_all, true, "nd_char_isdecimal"); }
nd_array *nd_char_isnumeric(const nd_array *a) { return pred(a, ND__UF_NUMERIC, s_all, true, "nd_char_isnumeric"); }
nd_array *nd_char_isspace(const nd_array *a) { return pred(a, 0, s_all, false, "nd_char_isspace"); }
nd_array *nd_char_islower(const nd_array *a) { return pred(a, ND__UF_LOWER, s_case, false, "nd_char_islower"); }
nd_array *nd_char_isupper(const nd_array *a) { return pred(a, ND__UF_UPPER, s_case, false, "nd_char_isupper"); }
nd_array *nd_char_istitle(const nd_array *a) { return pred(a, 0, s_istitle, false, "nd_char_istitle"); }

/* ---- comparisons with trailing whitespace ignored ------------------------------------------------ */

nd_array *nd_char_compare(const nd_array *a, const nd_array *b, const char *op)
{
    const char *who = "nd_char_compare";
    static const char *const ops[] = { "==", "!=", "<", "<=", ">", ">=" };
    int o = -1;
    for (int k = 0; op && k < 6; k++)
        if (!strcmp(op, ops[k])) o = k;
    if (o < 0) return ND_FAIL(ND_EVALUE, "%s: op must be one of == != < <= > >=, not '%s'", who, op ? op : "NULL");
    if (check_str(a, who) < 0 || check_str(b, who) < 0) return NULL;
    bool u = nd__str_is_u(a->dtype);
    if (u != nd__str_is_u(b->dtype))
        return ND_FAIL(ND_EDTYPE, "%s: cannot compare %s with %s", who, nd_dtype_name(a->dtype),
                       nd_dtype_name(b->dtype));
    size_t wa = nd_dtype_width(a->dtype), wb = nd_dtype_width(b->dtype);
    int ndims[2] = { a->ndim, b->ndim }, ndim;
    const ptrdiff_t *shapes[2] = { a->shape, b->shape };
    ptrdiff_t shape[ND_MAXDIMS];
    if (nd__broadcast(2, ndims, shapes, &ndim, shape, who) < 0) return NULL;
    nd_array *out = nd__alloc(ndim, shape, ND_BOOL, false, who);
    if (!out) return NULL;
    nd_array *opsv[3] = { out, (nd_array *)a, (nd_array *)b };
    nd_iter it;
    if (nd_iter_init(&it, 3, opsv, ndim, shape) < 0) {
        nd_free(out);
        return NULL;
    }
    if (it.size > 0) {
        do {
            for (ptrdiff_t i = 0; i < it.inner_size; i++) {
                const char *pa = it.ptrs[1] + i * it.inner_strides[1];
                const char *pb = it.ptrs[2] + i * it.inner_strides[2];
                size_t na = nd__str_len(pa, u, wa), nb = nd__str_len(pb, u, wb);
                while (na > 0 && is_space(nd__str_at(pa, u, na - 1), u)) na--;
                while (nb > 0 && is_space(nd__str_at(pb, u, nb - 1), u)) nb--;
                size_t m = na < nb ? na : nb;
                int c = 0;
                for (size_t k = 0; k < m && !c; k++) {
                    uint32_t x = nd__str_at(pa, u, k), y = nd__str_at(pb, u, k);
                    c = x < y ? -1 : x > y;
                }
                if (!c) c = na < nb ? -1 : na > nb;
                bool r = o == 0 ? c == 0 : o == 1 ? c != 0 : o == 2 ? c < 0 : o == 3 ? c <= 0
                       : o == 4 ? c > 0 : c >= 0;
                *(it.ptrs[0] + i * it.inner_strides[0]) = r;
            }
        } while (nd_iter_next(&it));
    }
    return out;
}

nd_array *nd_char_equal(const nd_array *a, const nd_array *b) { return nd_char_compare(a, b, "=="); }
nd_array *nd_char_not_equal(const nd_array *a, const nd_array *b) { return nd_char_compare(a, b, "!="); }
nd_array *nd_char_less(const nd_array *a, const nd_array *b) { return nd_char_compare(a, b, "<"); }
nd_array *nd_char_less_equal(const nd_array *a, const nd_array *b) { return nd_char_compare(a, b, "<="); }
nd_array *nd_char_greater(const nd_array *a, const nd_array *b) { return nd_char_compare(a, b, ">"); }
nd_array *nd_char_greater_equal(const nd_array *a, const nd_array *b) { return nd_char_compare(a, b, ">="); }
