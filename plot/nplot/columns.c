/* Column specs: names, 1-based indices, ranges, and suggestions for names that do not
 * exist (a misspelt column is the most common nplot mistake). */
#include "nplot_cli.h"

#include <ctype.h>
#include <errno.h>
#include <limits.h>
#include <stdarg.h>
#include <stdlib.h>
#include <string.h>

static int lower(int c) { return tolower((unsigned char)c); }

static bool ieq(const char *a, const char *b)
{
    while (*a && *b && lower(*a) == lower(*b)) a++, b++;
    return *a == *b;
}

int cli_edit_distance(const char *a, const char *b)
{
    size_t n = strlen(a), m = strlen(b);
    /* Three rolling rows are enough for the transposition case. */
    int *buf = malloc(3 * (m + 1) * sizeof *buf);
    if (!buf) return INT_MAX;
    int *pp = buf, *p = buf + m + 1, *c = buf + 2 * (m + 1);
    for (size_t j = 0; j <= m; j++) p[j] = (int)j;
    for (size_t i = 1; i <= n; i++) {
        c[0] = (int)i;
        for (size_t j = 1; j <= m; j++) {
            int cost = lower(a[i - 1]) != lower(b[j - 1]);
            int v = p[j - 1] + cost;
            if (p[j] + 1 < v) v = p[j] + 1;
            if (c[j - 1] + 1 < v) v = c[j - 1] + 1;
            if (i > 1 && j > 1 && lower(a[i - 1]) == lower(b[j - 2]) &&
                lower(a[i - 2]) == lower(b[j - 1]) && pp[j - 2] + 1 < v)
                v = pp[j - 2] + 1;
            c[j] = v;
        }
        int *t = pp;
        pp = p;
        p = c;
        c = t;
    }
    int d = p[m];
    free(buf);
    return d;
}

static bool icontains(const char *hay, const char *needle)
{
    size_t n = strlen(needle);
    if (n == 0) return false;
    for (; *hay; hay++) {
        size_t i = 0;
        while (i < n && hay[i] && lower(hay[i]) == lower(needle[i])) i++;
        if (i == n) return true;
    }
    return false;
}

int cli_suggest(const char *name, const char *const *names, int ncols, int *out, int cap)
{
    int count = 0;
    int score[8];
    if (cap > 8) cap = 8;
    size_t len = strlen(name);
    for (int k = 0; k < ncols; k++) {
        if (!names[k] || !names[k][0]) continue;
        int d = cli_edit_distance(name, names[k]);
        size_t l2 = strlen(names[k]);
        size_t longest = len > l2 ? len : l2;
        /* About one edit per three characters, and always at least two; a name that
         * contains the other (date ↔ datetime) also qualifies, ranked after close ones. */
        int limit = (int)(longest / 3) < 2 ? 2 : (int)(longest / 3);
        int s;
        if (d <= limit)
            s = d;
        else if ((len >= 2 && icontains(names[k], name)) || (l2 >= 2 && icontains(name, names[k])))
            s = limit + 1;
        else
            continue;
        /* Insertion into the sorted top list (stable: equal scores keep column order). */
        int pos = count;
        while (pos > 0 && score[pos - 1] > s) pos--;
        if (pos >= cap) continue;
        int last = count < cap ? count : cap - 1;
        for (int i = last; i > pos; i--) {
            score[i] = score[i - 1];
            out[i] = out[i - 1];
        }
        score[pos] = s;
        out[pos] = k;
        if (count < cap) count++;
    }
    return count;
}

static void append(char *err, size_t cap, const char *fmt, ...)
{
    size_t used = strlen(err);
    if (used + 1 >= cap) return;
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(err + used, cap - used, fmt, ap);
    va_end(ap);
}

/* The message for a column that is not there: the closest names, or the whole list. */
static void not_found(const char *spec, const char *const *names, int ncols, const char *file,
                      char *err, size_t errcap)
{
    if (!err || !errcap) return;
    err[0] = '\0';
    append(err, errcap, "%s: no column '%s'", file, spec);
    int sug[3];
    int ns = cli_suggest(spec, names, ncols, sug, 3);
    for (int i = 0; i < ns; i++)
        append(err, errcap, "%s'%s'", i == 0 ? "; did you mean " : i == ns - 1 ? " or " : ", ",
               names[sug[i]]);
    if (ns) append(err, errcap, "?");
    append(err, errcap, " (columns:");
    for (int k = 0; k < ncols && k < 40; k++) append(err, errcap, " %d=%s", k + 1, names[k]);
    if (ncols > 40) append(err, errcap, " ...");
    append(err, errcap, ")");
}

/* A whole-string integer (blanks around allowed). */
static bool parse_int(const char *s, long *v)
{
    while (isspace((unsigned char)*s)) s++;
    if (!*s) return false;
    char *end;
    errno = 0;
    long x = strtol(s, &end, 10);
    if (end == s || errno) return false;
    while (isspace((unsigned char)*end)) end++;
    if (*end) return false;
    *v = x;
    return true;
}

int cli_column_find(const char *spec, const char *const *names, int ncols, const char *file,
                    char *err, size_t errcap)
{
    /* Trim blanks: "-y 'a, b'" is common. */
    while (isspace((unsigned char)*spec)) spec++;
    size_t n = strlen(spec);
    while (n && isspace((unsigned char)spec[n - 1])) n--;
    char tmp[256];
    if (n >= sizeof tmp) n = sizeof tmp - 1;
    memcpy(tmp, spec, n);
    tmp[n] = '\0';
    for (int k = 0; k < ncols; k++)
        if (names[k] && strcmp(names[k], tmp) == 0) return k;
    long v;
    if (parse_int(tmp, &v)) {
        if (v >= 1 && v <= ncols) return (int)v - 1;
        if (v < 0 && -v <= ncols) return ncols + (int)v;
        if (err && errcap)
            snprintf(err, errcap, "%s: column %ld is out of range (the file has %d column%s)",
                     file, v, ncols, ncols == 1 ? "" : "s");
        return -1;
    }
    for (int k = 0; k < ncols; k++)
        if (names[k] && ieq(names[k], tmp)) return k;
    not_found(tmp, names, ncols, file, err, errcap);
    return -1;
}

int cli_columns_parse(const char *spec, const char *const *names, int ncols,
                      const char *file, int *out, int cap, char *err, size_t errcap)
{
    for (int k = 0; k < ncols; k++)
        if (names[k] && strcmp(names[k], spec) == 0) {
            if (cap < 1) goto too_many;
            out[0] = k;
            return 1;
        }
    int count = 0;
    const char *p = spec;
    char item[256];
    for (;;) {
        const char *comma = strchr(p, ',');
        size_t len = comma ? (size_t)(comma - p) : strlen(p);
        if (len >= sizeof item) len = sizeof item - 1;
        memcpy(item, p, len);
        item[len] = '\0';
        int lo, hi;
        char *colon = strchr(item, ':');
        bool is_name = false;
        for (int k = 0; k < ncols && !is_name; k++) is_name = names[k] && strcmp(names[k], item) == 0;
        if (colon && !is_name) {
            *colon = '\0';
            /* "a:" and ":b" run to the last / from the first column. */
            const char *a = item, *b = colon + 1;
            bool ea = strspn(a, " \t") == strlen(a), eb = strspn(b, " \t") == strlen(b);
            lo = ea ? 0 : cli_column_find(a, names, ncols, file, err, errcap);
            if (lo < 0) return -1;
            hi = eb ? ncols - 1 : cli_column_find(b, names, ncols, file, err, errcap);
            if (hi < 0) return -1;
        } else {
            if (strspn(item, " \t") == strlen(item)) {
                if (err && errcap) snprintf(err, errcap, "empty column name in '%s'", spec);
                return -1;
            }
            lo = hi = cli_column_find(item, names, ncols, file, err, errcap);
            if (lo < 0) return -1;
        }
        int step = lo <= hi ? 1 : -1;
        for (int k = lo;; k += step) {
            if (count >= cap) goto too_many;
            out[count++] = k;
            if (k == hi) break;
        }
        if (!comma) break;
        p = comma + 1;
    }
    return count;
too_many:
    if (err && errcap) snprintf(err, errcap, "too many columns in '%s' (at most %d)", spec, cap);
    return -1;
}
