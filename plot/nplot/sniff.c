/* What the CSV reader cannot know by itself: European files (';' between fields and a
 * decimal comma in "1,5"), and whether a column runs in one direction. */
#include "nplot_cli.h"

#include <ctype.h>
#include <math.h>
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
