/* What the CSV reader cannot know by itself: European files (';' between fields and a
 * decimal comma in "1,5"), and whether a column runs in one direction. */
#include "nplot_cli.h"

#include <ctype.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>

enum { SNIFF_LINES = 50 };

/* Number written with a decimal comma: [+-] digits (or 1-3 digits then ".ddd" groups)
 * ',' digits [e[+-]digits], blanks around. Thousands dots alone ("1.234") do not count. */
static bool comma_number(const char *s, const char *e)
{
    while (s < e && (*s == ' ' || *s == '\t')) s++;
    while (e > s && (e[-1] == ' ' || e[-1] == '\t' || e[-1] == '\r')) e--;
    if (s < e && (*s == '+' || *s == '-')) s++;
    const char *start = s;
    int run = 0, groups = 0;
    bool first = true;
    while (s < e && (isdigit((unsigned char)*s) || *s == '.')) {
        if (*s == '.') {
            /* A thousands dot needs 1-3 digits before the first one and 3 between. */
            if ((first && (run < 1 || run > 3)) || (!first && run != 3)) return false;
            first = false;
            groups++;
            run = 0;
        } else {
            run++;
        }
        s++;
    }
    if (groups && run != 3) return false;
    if (s == start || s >= e || *s != ',') return false;
    s++;
    if (s >= e || !isdigit((unsigned char)*s)) return false;
    while (s < e && isdigit((unsigned char)*s)) s++;
    if (s < e && (*s == 'e' || *s == 'E')) {
        s++;
        if (s < e && (*s == '+' || *s == '-')) s++;
        if (s >= e || !isdigit((unsigned char)*s)) return false;
        while (s < e && isdigit((unsigned char)*s)) s++;
    }
    return s == e;
}

/* A number with a decimal point that cannot be a thousands group ("1.5", "0.25"). */
static bool dot_number(const char *s, const char *e)
{
    while (s < e && (*s == ' ' || *s == '\t')) s++;
    while (e > s && (e[-1] == ' ' || e[-1] == '\t' || e[-1] == '\r')) e--;
    if (s < e && (*s == '+' || *s == '-')) s++;
    const char *d0 = s;
    while (s < e && isdigit((unsigned char)*s)) s++;
    size_t before = (size_t)(s - d0);
    if (s >= e || *s != '.') return false;
    s++;
    const char *f0 = s;
    while (s < e && isdigit((unsigned char)*s)) s++;
    size_t after = (size_t)(s - f0);
    if (after == 0 && before == 0) return false;
    if (s < e && (*s == 'e' || *s == 'E')) return true;
    if (s != e) return false;
    return !(after == 3 && before >= 1 && before <= 3); /* "1.234": ambiguous */
}

/* Split the line [s, e) at delimiter d outside double quotes; calls back per field. */
typedef struct field_count {
    int comma, dot;
} field_count;

static int count_fields(const char *s, const char *e, char d, field_count *fc)
{
    int n = 1;
    bool q = false;
    const char *f = s;
    for (const char *p = s; p <= e; p++) {
        if (p < e && *p == '"') q = !q;
        if (p == e || (!q && *p == d)) {
            if (fc) {
                fc->comma += comma_number(f, p);
                fc->dot += dot_number(f, p);
            }
            if (p < e) n++;
            f = p + 1;
        }
    }
    return n;
}

void cli_sniff(const char *buf, size_t n, char *delimiter, bool *decimal_comma)
{
    static const char cands[] = { '\t', ';', '|', ',' };
    enum { NC = sizeof cands };
    int first[NC], consistent[NC];
    for (int c = 0; c < NC; c++) first[c] = -1, consistent[c] = 1;
    const char *p = buf, *end = buf + n;
    int lines = 0;
    /* A UTF-8 byte order mark is not part of the first field. */
    if (n >= 3 && (unsigned char)p[0] == 0xEF && (unsigned char)p[1] == 0xBB &&
        (unsigned char)p[2] == 0xBF)
        p += 3;
    const char *sample_end = p;
    while (p < end && lines < SNIFF_LINES) {
        const char *e = memchr(p, '\n', (size_t)(end - p));
        if (!e) e = end;
        const char *s = p;
        p = e < end ? e + 1 : end;
        while (s < e && (*s == ' ' || *s == '\t' || *s == '\r')) s++;
        if (s == e || *s == '#') continue;
        const char *le = e;
        if (le > s && le[-1] == '\r') le--;
        for (int c = 0; c < NC; c++) {
            int k = count_fields(s, le, cands[c], NULL) - 1;
            if (first[c] < 0) first[c] = k;
            else if (k != first[c]) consistent[c] = 0;
        }
        lines++;
        sample_end = p;
    }
    *delimiter = 0;
    *decimal_comma = false;
    if (!lines) return;
    int pick = -1;
    for (int c = 0; c < NC; c++)
        if (consistent[c] && first[c] > 0) {
            pick = c;
            break;
        }
    if (pick < 0 || cands[pick] == ',') return; /* the reader's own detection is right */
    /* Among ';', tab and '|' files, look at the fields for decimal commas. */
    field_count fc = { 0, 0 };
    const char *q = buf;
    while (q < sample_end) {
        const char *e = memchr(q, '\n', (size_t)(sample_end - q));
        if (!e) e = sample_end;
        const char *le = e > q && e[-1] == '\r' ? e - 1 : e;
        if (le > q && *q != '#') count_fields(q, le, cands[pick], &fc);
        q = e + 1;
    }
    *delimiter = cands[pick];
    *decimal_comma = fc.comma > 0 && fc.comma >= fc.dot;
}

size_t cli_decimal_comma_to_dot(char *buf, size_t n, char delimiter)
{
    size_t r = 0, w = 0;
    while (r < n) {
        /* One field: [r, fe). Quoted fields are copied as they are. */
        if (buf[r] == '"') {
            size_t s = r++;
            while (r < n) {
                if (buf[r] == '"') {
                    if (r + 1 < n && buf[r + 1] == '"') r += 2;
                    else {
                        r++;
                        break;
                    }
                } else {
                    r++;
                }
            }
            while (r < n && buf[r] != delimiter && buf[r] != '\n') r++;
            memmove(buf + w, buf + s, r - s);
            w += r - s;
        } else {
            size_t s = r;
            while (r < n && buf[r] != delimiter && buf[r] != '\n') r++;
            if (delimiter != ',' && comma_number(buf + s, buf + r)) {
                for (size_t i = s; i < r; i++) {
                    if (buf[i] == '.') continue;
                    buf[w++] = buf[i] == ',' ? '.' : buf[i];
                }
            } else {
                memmove(buf + w, buf + s, r - s);
                w += r - s;
            }
        }
        if (r < n) buf[w++] = buf[r++]; /* the delimiter or newline */
    }
    return w;
}

int cli_monotonic(const double *v, size_t n)
{
    bool up = true, down = true;
    size_t valid = 0;
    double prev = NAN, first = NAN;
    for (size_t i = 0; i < n && (up || down); i++) {
        double x = v[i];
        if (isnan(x)) continue;
        if (valid++) {
            if (x < prev) up = false;
            if (x > prev) down = false;
        } else {
            first = x;
        }
        prev = x;
    }
    if (valid < 2 || prev == first) return 0;
    return up ? 1 : down ? -1 : 0;
}

ptrdiff_t cli_row_line(const char *buf, size_t n, bool header, ptrdiff_t row)
{
    ptrdiff_t line = 1, want = row + (header ? 1 : 0), seen = 0;
    size_t i = 0;
    if (n >= 3 && (unsigned char)buf[0] == 0xEF && (unsigned char)buf[1] == 0xBB &&
        (unsigned char)buf[2] == 0xBF)
        i = 3;
    while (i < n) {
        size_t s = i;
        while (s < n && (buf[s] == ' ' || buf[s] == '\t' || buf[s] == '\r')) s++;
        bool skip = s >= n || buf[s] == '\n' || buf[s] == '#';
        if (!skip && seen++ == want) return line;
        /* To the end of this record; newlines inside quotes belong to it. */
        bool q = false;
        for (; i < n; i++) {
            if (buf[i] == '"') q = !q;
            else if (buf[i] == '\n') {
                line++;
                if (!q || skip) break;
            }
        }
        i++;
    }
    return line;
}

/* ---- encodings and shape limits ------------------------------------------------------------- */
bool cli_find_nul(const char *buf, size_t n, size_t *line, size_t *col)
{
    const char *z = memchr(buf, '\0', n);
    if (!z) return false;
    size_t l = 1;
    const char *start = buf;
    for (const char *p = buf; p < z; p++)
        if (*p == '\n') l++, start = p + 1;
    *line = l;
    *col = (size_t)(z - start) + 1;
    return true;
}

/* Length of the valid UTF-8 sequence at s (1-4), or 0 (overlong forms, surrogates and
 * code points past U+10FFFF are invalid, as in RFC 3629). */
size_t cli_utf8_seq(const unsigned char *s, size_t n)
{
    unsigned c = s[0];
    if (c < 0x80) return 1;
    size_t len = c >= 0xC2 && c <= 0xDF ? 2 : c >= 0xE0 && c <= 0xEF ? 3 : c >= 0xF0 && c <= 0xF4 ? 4 : 0;
    if (!len || len > n) return 0;
    for (size_t i = 1; i < len; i++)
        if ((s[i] & 0xC0) != 0x80) return 0;
    if (c == 0xE0 && s[1] < 0xA0) return 0;
    if (c == 0xED && s[1] >= 0xA0) return 0;
    if (c == 0xF0 && s[1] < 0x90) return 0;
    if (c == 0xF4 && s[1] >= 0x90) return 0;
    return len;
}

size_t cli_utf8_invalid(const char *s, size_t n)
{
    const unsigned char *u = (const unsigned char *)s;
    for (size_t i = 0; i < n;) {
        size_t k = cli_utf8_seq(u + i, n - i);
        if (!k) return i;
        i += k;
    }
    return (size_t)-1;
}

char *cli_latin1_to_utf8(const char *s, size_t n, size_t *outn)
{
    if (n > (SIZE_MAX - 1) / 2) return NULL;
    char *out = malloc(2 * n + 1);
    if (!out) return NULL;
    size_t k = 0;
    for (size_t i = 0; i < n; i++) {
        unsigned char c = (unsigned char)s[i];
        if (c < 0x80) {
            out[k++] = (char)c;
        } else {
            out[k++] = (char)(0xC0 | (c >> 6));
            out[k++] = (char)(0x80 | (c & 0x3F));
        }
    }
    out[k] = '\0';
    *outn = k;
    return out;
}

static size_t put_utf8(char *o, uint32_t cp)
{
    if (cp < 0x80) {
        o[0] = (char)cp;
        return 1;
    }
    if (cp < 0x800) {
        o[0] = (char)(0xC0 | (cp >> 6));
        o[1] = (char)(0x80 | (cp & 0x3F));
        return 2;
    }
    if (cp < 0x10000) {
        o[0] = (char)(0xE0 | (cp >> 12));
        o[1] = (char)(0x80 | ((cp >> 6) & 0x3F));
        o[2] = (char)(0x80 | (cp & 0x3F));
        return 3;
    }
    o[0] = (char)(0xF0 | (cp >> 18));
    o[1] = (char)(0x80 | ((cp >> 12) & 0x3F));
    o[2] = (char)(0x80 | ((cp >> 6) & 0x3F));
    o[3] = (char)(0x80 | (cp & 0x3F));
    return 4;
}

int cli_utf16_bom(const char *buf, size_t n)
{
    const unsigned char *u = (const unsigned char *)buf;
    if (n >= 2 && u[0] == 0xFF && u[1] == 0xFE) return 1; /* little-endian */
    if (n >= 2 && u[0] == 0xFE && u[1] == 0xFF) return 2; /* big-endian */
    return 0;
}

char *cli_utf16_to_utf8(const char *buf, size_t n, bool big_endian, size_t *outn)
{
    const unsigned char *u = (const unsigned char *)buf;
    size_t units = n / 2;
    /* Each 16-bit unit becomes at most 3 bytes (a surrogate pair, 2 units, 4 bytes). */
    if (units > (SIZE_MAX - 4) / 3) return NULL;
    char *out = malloc(units * 3 + 4);
    if (!out) return NULL;
    size_t k = 0;
    for (size_t i = 0; i < units; i++) {
        uint32_t c = big_endian ? (uint32_t)u[2 * i] << 8 | u[2 * i + 1]
                                : (uint32_t)u[2 * i + 1] << 8 | u[2 * i];
        if (c >= 0xD800 && c <= 0xDBFF && i + 1 < units) {
            uint32_t d = big_endian ? (uint32_t)u[2 * i + 2] << 8 | u[2 * i + 3]
                                    : (uint32_t)u[2 * i + 3] << 8 | u[2 * i + 2];
            if (d >= 0xDC00 && d <= 0xDFFF) {
                c = 0x10000 + ((c - 0xD800) << 10) + (d - 0xDC00);
                i++;
            } else {
                c = 0xFFFD;
            }
        } else if (c >= 0xD800 && c <= 0xDFFF) {
            c = 0xFFFD;
        }
        k += put_utf8(out + k, c);
    }
    out[k] = '\0';
    *outn = k;
    return out;
}

size_t cli_max_fields(const char *buf, size_t n, char delimiter, size_t *line_out)
{
    static const char cands[] = { ',', ';', '\t', '|' };
    size_t best = 0, line = 1, best_line = 1;
    size_t counts[4] = { 0 };
    bool quoted = false, in_blank = true;
    size_t blanks = 0;
    for (size_t i = 0; i <= n; i++) {
        char c = i < n ? buf[i] : '\n';
        if (c == '"') quoted = !quoted;
        if (quoted && i < n) continue;
        if (c == '\n') {
            size_t f = 0;
            if (delimiter == ' ') {
                f = blanks + 1;
            } else if (delimiter) {
                f = counts[0] + 1;
            } else {
                for (int k = 0; k < 4; k++)
                    if (counts[k] + 1 > f) f = counts[k] + 1;
            }
            if (f > best) best = f, best_line = line;
            memset(counts, 0, sizeof counts);
            blanks = 0;
            in_blank = true;
            line++;
            continue;
        }
        if (delimiter == ' ') {
            bool b = c == ' ' || c == '\t';
            if (b && !in_blank) blanks++;
            in_blank = b;
        } else if (delimiter) {
            counts[0] += c == delimiter;
        } else {
            for (int k = 0; k < 4; k++) counts[k] += c == cands[k];
        }
    }
    if (line_out) *line_out = best_line;
    return best;
}

/* Fields of one line (quotes stripped, no escapes): count and which are numbers. */
static int line_fields(const char *s, const char *end, char delim, bool *numeric, int cap)
{
    int n = 0;
    while (s <= end && n < cap) {
        const char *f = s;
        while (s < end && *s != delim) s++;
        const char *fe = s;
        while (f < fe && (*f == ' ' || *f == '"')) f++;
        while (fe > f && (fe[-1] == ' ' || fe[-1] == '"' || fe[-1] == '\r')) fe--;
        char tmp[64];
        size_t len = (size_t)(fe - f);
        bool num = false;
        if (len > 0 && len < sizeof tmp) {
            memcpy(tmp, f, len);
            tmp[len] = '\0';
            char *e;
            strtod(tmp, &e);
            num = *e == '\0';
        }
        numeric[n++] = num;
        s++;
    }
    return n;
}

size_t cli_preamble(const char *buf, size_t n, char delimiter)
{
    enum { MAXF = 64, BODY = 3 };
    char delim = delimiter ? delimiter : ',';
    if (delim == ' ') return 0;
    const char *line[BODY + 1], *lend[BODY + 1];
    const char *p = buf, *end = buf + n;
    int got = 0;
    while (p < end && got < BODY + 1) {
        const char *e = memchr(p, '\n', (size_t)(end - p));
        if (!e) e = end;
        if (e > p && *p != '#' && !(e - p == 1 && *p == '\r')) {
            if (memchr(p, '"', (size_t)(e - p)) && got == 0) return 0; /* quoted: leave it */
            line[got] = p;
            lend[got] = e;
            got++;
        }
        p = e + 1;
    }
    if (got < BODY + 1 || line[0] != buf) return 0;
    bool num[BODY + 1][MAXF];
    int nf[BODY + 1];
    for (int i = 0; i <= BODY; i++) nf[i] = line_fields(line[i], lend[i], delim, num[i], MAXF);
    /* The body must agree with itself (its own header, if any, is line 1). */
    for (int i = 2; i <= BODY; i++)
        if (nf[i] != nf[1]) return 0;
    size_t len = (size_t)(lend[0] - buf) + (lend[0] < end);
    if (nf[0] != nf[1]) return nf[1] >= 2 ? len : 0;
    /* Same count: a preamble mixes numbers and text where the body is all numbers (a
     * header is all text): "150,4,setosa,versicolor,virginica" over rows of numbers. */
    int first_num = 0, first_text_over_num = 0;
    for (int f = 0; f < nf[0]; f++) {
        bool body_num = true;
        for (int i = 1; i <= BODY; i++) body_num &= num[i][f];
        if (!body_num) return 0;
        first_num += num[0][f];
        first_text_over_num += !num[0][f];
    }
    return first_num > 0 && first_text_over_num > 0 ? len : 0;
}
