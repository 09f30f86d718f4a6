/* Casts between the date dtypes and the string dtypes, as NumPy 1.24's astype:
 * datetime64 -> 'U'/'S' writes the ISO text in the dtype's unit ('2008-01-01', 'NaT'),
 * timedelta64 -> text its str() ('1 seconds'); 'U'/'S' -> datetime64 parses ISO 8601
 * (nd_datetime_parse: an empty string is NaT), -> timedelta64 reads an integer count of
 * ticks (or 'NaT'). A text that does not fit the target width or does not parse is an
 * error, as NumPy's. */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "dt_internal.h"

static bool is_date(nd_dtype t) { return nd_dtype_is_datetime(t) || nd_dtype_is_timedelta(t); }

bool nd__dt_text_cast_applies(nd_dtype from, nd_dtype to)
{
    return (is_date(from) && nd_dtype_is_string(to)) || (nd_dtype_is_string(from) && is_date(to));
}

/* The text of one date element into buf (ND_DATETIME_STRLEN bytes); its length or -1. */
static ptrdiff_t date_text(const char *p, nd_dtype t, char *buf, const char *who)
{
    if (nd_dtype_is_timedelta(t)) {
        char tmp[ND_DATETIME_STRLEN + 2];
        size_t n = nd__dt_elem_text(p, t, false, tmp);
        if (n >= ND_DATETIME_STRLEN) n = ND_DATETIME_STRLEN - 1;
        memcpy(buf, tmp, n);
        buf[n] = '\0';
        return (ptrdiff_t)n;
    }
    int64_t v;
    memcpy(&v, p, sizeof v);
    if (nd_datetime_format(v, t, NULL, buf, ND_DATETIME_STRLEN) < 0) {
        nd_set_error(nd_last_error(), "%s: %s", who, nd_errmsg());
        return -1;
    }
    return (ptrdiff_t)strlen(buf);
}

/* Element at p of a string dtype of w characters (ucs4: 'U', else 'S') as an ASCII C
 * string (dates are ASCII text); false with ND_EVALUE for a code point past ASCII. */
static bool elem_ascii(const char *p, size_t w, bool ucs4, char *buf, size_t cap, const char *who)
{
    size_t n = 0;
    for (size_t i = 0; i < w && n + 1 < cap; i++) {
        uint32_t c;
        if (ucs4) memcpy(&c, p + 4 * i, 4);
        else c = (unsigned char)p[i];
        if (c == 0) break;
        if (c >= 128) {
            nd_set_error(ND_EVALUE, "%s: the string element holds a non-ASCII character (U+%04X); "
                         "dates and times are ASCII", who, (unsigned)c);
            return false;
        }
        buf[n++] = (char)c;
    }
    buf[n] = '\0';
    return true;
}

/* 'NaT' (any case), the empty string and an integer of ticks (no blanks), as NumPy's
 * timedelta64(str). */
static nd_status parse_ticks(const char *s, int64_t *v, const char *who)
{
    size_t n = strlen(s);
    if (n == 0 || (n == 3 && strncasecmp(s, "nat", 3) == 0)) {
        *v = ND_NAT;
        return ND_OK;
    }
    char *end;
    errno = 0;
    long long x = strtoll(s, &end, 10);
    if (end != s + n || errno == ERANGE || x == ND_NAT)
        return nd_set_error(ND_EVALUE, "%s: could not convert '%.*s' to timedelta64 (an integer "
                            "count of ticks or 'NaT')", who, (int)n, s);
    *v = x;
    return ND_OK;
}

/* nd_datetime_parse(text, dt, v, NULL) with dt's unit and count looked up by the caller
 * (errors name nd_datetime_parse, as its do). */
static nd_status parse_date(const char *text, nd_dtype dt, nd_dtunit u, int count, int64_t *v)
{
    static const char who[] = "nd_datetime_parse";
    if (u == ND_DT_GENERIC) return nd_datetime_parse(text, dt, v, NULL);
    nd_datetimestruct dts;
    nd_dtunit best;
    nd_status st = nd__dt_parse_struct(text, &dts, &best, who);
    return st < 0 ? st : nd__dt_from_struct_unit(&dts, dt, u, count, v, who);
}

/* The dtype queries are made once, not per element: they were half the time of parsing
 * a million dates. */
nd_status nd__dt_text_cast(void *dst, nd_dtype dt, ptrdiff_t ds, const void *src, nd_dtype st,
                           ptrdiff_t ss, ptrdiff_t n, const char *who)
{
    const char *s = src;
    char *d = dst;
    if (is_date(st)) { /* date -> text */
        char buf[ND_DATETIME_STRLEN + 1];
        const size_t w = nd_dtype_width(dt);
        const bool bytes = nd_dtype_base(dt) == ND_BYTES;
        for (ptrdiff_t i = 0; i < n; i++, s += ss, d += ds) {
            ptrdiff_t len = date_text(s, st, buf, who);
            if (len < 0) return nd_last_error();
            if ((size_t)len > w)
                return nd_set_error(ND_EVALUE, "%s: '%s' does not fit %s (the text of a %s value "
                                    "needs %td characters)", who, buf, nd_dtype_name(dt),
                                    nd_dtype_name(st), len);
            if (bytes) {
                memset(d, 0, w);
                memcpy(d, buf, (size_t)len);
            } else {
                memset(d, 0, 4 * w);
                for (ptrdiff_t k = 0; k < len; k++) {
                    uint32_t c = (unsigned char)buf[k];
                    memcpy(d + 4 * k, &c, 4);
                }
            }
        }
        return ND_OK;
    }
    /* text -> date */
    char text[256];
    const size_t w = nd_dtype_width(st);
    const bool ucs4 = nd_dtype_base(st) == ND_STR, delta = nd_dtype_is_timedelta(dt);
    const nd_dtunit u = nd_dtype_unit(dt);
    const int count = nd_dtype_unit_count(dt);
    if (n > 0 && w >= sizeof text)
        return nd_set_error(ND_EVALUE, "%s: a %s element is too long for a date", who,
                            nd_dtype_name(st));
    for (ptrdiff_t i = 0; i < n; i++, s += ss, d += ds) {
        if (!elem_ascii(s, w, ucs4, text, sizeof text, who)) return ND_EVALUE;
        int64_t v;
        nd_status rc = delta ? parse_ticks(text, &v, who) : parse_date(text, dt, u, count, &v);
        if (rc < 0) return nd_set_error(rc, "%s: %s", who, nd_errmsg());
        memcpy(d, &v, sizeof v);
    }
    return ND_OK;
}

/* NumPy's get_datetime_iso_8601_strlen(local=0, unit) + 1: the width astype gives an
 * unsized text target of a datetime64 (timedelta64: 21, an int64 and its sign). */
static size_t iso_width(nd_dtype t)
{
    if (nd_dtype_is_timedelta(t)) return 21;
    static const unsigned char add[ND_DT_NUNITS] = {
        [ND_DT_Y] = 21, [ND_DT_M] = 3, [ND_DT_W] = 0, [ND_DT_D] = 3, [ND_DT_h] = 3, [ND_DT_m] = 3,
        [ND_DT_s] = 3, [ND_DT_ms] = 4, [ND_DT_us] = 3, [ND_DT_ns] = 3, [ND_DT_ps] = 3, [ND_DT_fs] = 3,
        [ND_DT_as] = 3,
    };
    nd_dtunit u = nd_dtype_unit(t);
    if (u == ND_DT_GENERIC) return 4; /* 'NaT' */
    size_t len = 0;
    for (int k = 0; k <= (int)u; k++) len += add[k];
    if (u == ND_DT_W) len += 3; /* weeks print as days */
    if (u >= ND_DT_h) len += 1; /* room for a 'Z' */
    return len + 1;
}

nd_status nd__dt_text_astype_target(const nd_array *a, nd_dtype *to)
{
    static const char who[] = "nd_astype";
    if (nd_dtype_is_string(*to)) {
        if (nd_dtype_width(*to) == 0)
            *to = nd_dtype_base(*to) == ND_STR ? ND_STR_OF(iso_width(a->dtype)) : ND_BYTES_OF(iso_width(a->dtype));
        return ND_OK;
    }
    if (!nd_dtype_is_datetime(*to) || nd_dtype_unit(*to) != ND_DT_GENERIC) return ND_OK;
    /* generic datetime64: the finest unit any element spells, as np.array(..., 'M8') */
    nd_array *c = nd_ascontiguousarray(a);
    if (!c) return nd_last_error();
    int best = -1;
    char text[256];
    nd_status st = ND_OK;
    for (ptrdiff_t i = 0; i < c->size && st == ND_OK; i++) {
        if (nd_dtype_width(c->dtype) >= sizeof text) {
            st = nd_set_error(ND_EVALUE, "%s: a %s element is too long for a date", who, nd_dtype_name(c->dtype));
            break;
        }
        if (!elem_ascii(c->data + i * (ptrdiff_t)nd_dtype_size(c->dtype), nd_dtype_width(c->dtype),
                        nd_dtype_base(c->dtype) == ND_STR, text, sizeof text, who)) {
            st = ND_EVALUE;
            break;
        }
        int64_t v;
        nd_dtype got;
        if ((st = nd_datetime_parse(text, *to, &v, &got)) < 0) {
            st = nd_set_error(st, "%s: %s", who, nd_errmsg());
            break;
        }
        if (nd_dtype_unit(got) != ND_DT_GENERIC && (int)nd_dtype_unit(got) > best) best = (int)nd_dtype_unit(got);
    }
    nd_free(c);
    if (st == ND_OK && best >= 0) *to = ND_DATETIME64_OF(best);
    return st;
}
