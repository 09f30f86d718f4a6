/* rcParams: the thread's parameter table with matplotlib's key names, rc_context, matplotlibrc
 * files, the style sheets matplotlib ships (compiled in as rc text) and the resolution of
 * the table into the nplot__style a new figure keeps. */
#include "plot_model.h"

#include <ctype.h>
#include <errno.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "rc_tables.inc"

/* ---- the keys --------------------------------------------------------------------------- */
typedef enum rc_type {
    T_FLOAT,     /* any finite number */
    T_NNFLOAT,   /* a number >= 0 */
    T_POSFLOAT,  /* a number > 0 */
    T_BOOL,      /* True/False (and matplotlib's yes/no/on/off/1/0) */
    T_COLOR,     /* a colour ("white", "#b0b0b0", "b0b0b0", "0.8", "C0", "xkcd:sky blue") */
    T_COLOR_INH, /* a colour or 'inherit' */
    T_CYCLE,     /* cycler('color', [...]) */
    T_FONTSIZE,  /* points or xx-small ... xx-large, smaller, larger */
    T_LINESTYLE, /* -, --, -., :, solid, dashed, dashdot, dotted, None */
    T_TICKDIR,   /* in, out, inout */
    T_FIGSIZE,   /* width, height (inches, > 0) */
    T_AXISBELOW, /* a bool or 'line' */
    T_FONTLIST,  /* comma-separated font names */
    T_WEIGHT,    /* normal, bold, ... or 100..900 */
    T_DPI,       /* 'figure' or a number > 0 */
    T_CMAP,      /* a colormap name */
    T_ALPHA,     /* a number in [0, 1] or None (an opaque frame: 1) */
    T_UNIT,      /* a number in [0, 1] */
    T_COLOR_AUTO, /* a colour or 'auto' */
    T_SKETCH,    /* None or scale, length, randomness (numbers >= 0) */
    T_EFFECTS,   /* [] or [withStroke(linewidth=N, foreground='color')] */
} rc_type;

static const char *const type_names[] = {
    "a number", "a number >= 0", "a number > 0", "a bool (True or False)", "a color",
    "a color or 'inherit'", "a color cycle: cycler('color', [...])",
    ("a font size (points or xx-small, x-small, small, medium, large, x-large, xx-large, "
     "smaller, larger)"),
    "a line style (-, --, -., :, solid, dashed, dashdot, dotted, None)",
    "a tick direction (in, out, inout)", "a figure size: width, height (inches > 0)",
    "a bool or 'line'", "a comma-separated list of font names",
    "a font weight (normal, bold, light, ..., or 100-900)", "'figure' or a number > 0",
    "a colormap name", "a number in [0, 1] or None", "a number in [0, 1]",
    "a color or 'auto'", "None or 3 numbers >= 0: scale, length, randomness",
    "[] or [withStroke(linewidth=N, foreground='color')]",
};

#define TAB10                                                                                   \
    "cycler('color', ['#1f77b4', '#ff7f0e', '#2ca02c', '#d62728', '#9467bd', '#8c564b', "    \
    "'#e377c2', '#7f7f7f', '#bcbd22', '#17becf'])"

/* Every key numc draws, sorted, with matplotlib 3.6's default (rcParamsDefault) as rc text;
 * tests/data/plot/rc/defaults.txt (scripts/mpl_rc_reference.py) checks them. */
static const struct rc_key { const char *name; rc_type type; const char *def; } keys[] = {
    { "axes.axisbelow", T_AXISBELOW, "line" },
    { "axes.edgecolor", T_COLOR, "black" },
    { "axes.facecolor", T_COLOR, "white" },
    { "axes.grid", T_BOOL, "False" },
    { "axes.labelcolor", T_COLOR, "black" },
    { "axes.labelpad", T_FLOAT, "4.0" },
    { "axes.labelsize", T_FONTSIZE, "medium" },
    { "axes.linewidth", T_NNFLOAT, "0.8" },
    { "axes.prop_cycle", T_CYCLE, TAB10 },
    { "axes.spines.bottom", T_BOOL, "True" },
    { "axes.spines.left", T_BOOL, "True" },
    { "axes.spines.right", T_BOOL, "True" },
    { "axes.spines.top", T_BOOL, "True" },
    { "axes.titlepad", T_FLOAT, "6.0" },
    { "axes.titlesize", T_FONTSIZE, "large" },
    { "axes.titleweight", T_WEIGHT, "normal" },
    { "axes.unicode_minus", T_BOOL, "True" },
    { "axes.xmargin", T_NNFLOAT, "0.05" },
    { "axes.ymargin", T_NNFLOAT, "0.05" },
    { "figure.dpi", T_POSFLOAT, "100.0" },
    { "figure.facecolor", T_COLOR, "white" },
    { "figure.figsize", T_FIGSIZE, "6.4, 4.8" },
    { "font.family", T_FONTLIST, "sans-serif" },
    { "font.monospace", T_FONTLIST,
      "DejaVu Sans Mono, Bitstream Vera Sans Mono, Computer Modern Typewriter, Andale Mono, "
      "Nimbus Mono L, Courier New, Courier, Fixed, Terminal, monospace" },
    { "font.sans-serif", T_FONTLIST,
      "DejaVu Sans, Bitstream Vera Sans, Computer Modern Sans Serif, Lucida Grande, Verdana, "
      "Geneva, Lucid, Arial, Helvetica, Avant Garde, sans-serif" },
    { "font.serif", T_FONTLIST,
      "DejaVu Serif, Bitstream Vera Serif, Computer Modern Roman, New Century Schoolbook, "
      "Century Schoolbook L, Utopia, ITC Bookman, Bookman, Nimbus Roman No9 L, "
      "Times New Roman, Times, Palatino, Charter, serif" },
    { "font.size", T_POSFLOAT, "10.0" },
    { "grid.alpha", T_UNIT, "1.0" },
    { "grid.color", T_COLOR, "#b0b0b0" },
    { "grid.linestyle", T_LINESTYLE, "-" },
    { "grid.linewidth", T_NNFLOAT, "0.8" },
    { "image.cmap", T_CMAP, "viridis" },
    { "legend.edgecolor", T_COLOR_INH, "0.8" },
    { "legend.facecolor", T_COLOR_INH, "inherit" },
    { "legend.fontsize", T_FONTSIZE, "medium" },
    { "legend.framealpha", T_ALPHA, "0.8" },
    { "legend.frameon", T_BOOL, "True" },
    { "lines.linestyle", T_LINESTYLE, "-" },
    { "lines.linewidth", T_NNFLOAT, "1.5" },
    { "lines.markersize", T_NNFLOAT, "6.0" },
    { "patch.facecolor", T_COLOR, "C0" },
    { "path.effects", T_EFFECTS, "[]" },
    { "path.sketch", T_SKETCH, "None" },
    { "savefig.dpi", T_DPI, "figure" },
    { "savefig.facecolor", T_COLOR_AUTO, "auto" },
    { "text.color", T_COLOR, "black" },
    { "xtick.bottom", T_BOOL, "True" },
    { "xtick.color", T_COLOR, "black" },
    { "xtick.direction", T_TICKDIR, "out" },
    { "xtick.labelbottom", T_BOOL, "True" },
    { "xtick.labelsize", T_FONTSIZE, "medium" },
    { "xtick.labeltop", T_BOOL, "False" },
    { "xtick.major.pad", T_FLOAT, "3.5" },
    { "xtick.major.size", T_NNFLOAT, "3.5" },
    { "xtick.major.width", T_NNFLOAT, "0.8" },
    { "xtick.minor.pad", T_FLOAT, "3.4" },
    { "xtick.minor.size", T_NNFLOAT, "2.0" },
    { "xtick.minor.width", T_NNFLOAT, "0.6" },
    { "xtick.top", T_BOOL, "False" },
    { "ytick.color", T_COLOR, "black" },
    { "ytick.direction", T_TICKDIR, "out" },
    { "ytick.labelleft", T_BOOL, "True" },
    { "ytick.labelright", T_BOOL, "False" },
    { "ytick.labelsize", T_FONTSIZE, "medium" },
    { "ytick.left", T_BOOL, "True" },
    { "ytick.major.pad", T_FLOAT, "3.5" },
    { "ytick.major.size", T_NNFLOAT, "3.5" },
    { "ytick.major.width", T_NNFLOAT, "0.8" },
    { "ytick.minor.pad", T_FLOAT, "3.4" },
    { "ytick.minor.size", T_NNFLOAT, "2.0" },
    { "ytick.minor.width", T_NNFLOAT, "0.6" },
    { "ytick.right", T_BOOL, "False" },
};
enum { NKEYS = sizeof keys / sizeof *keys, RC_VAL_MAX = 320 };
_Static_assert(sizeof ((nplot__style *)0)->image_cmap == RC_VAL_MAX, "image.cmap fits");

static int key_cmp(const void *k, const void *e)
{
    return strcmp((const char *)k, ((const struct rc_key *)e)->name);
}

static int key_index(const char *name)
{
    const struct rc_key *k = bsearch(name, keys, NKEYS, sizeof *keys, key_cmp);
    return k ? (int)(k - keys) : -1;
}

static int str_cmp(const void *k, const void *e)
{
    return strcmp((const char *)k, *(const char *const *)e);
}

static bool is_mpl_key(const char *name)
{
    return bsearch(name, mpl_rc_keys, sizeof mpl_rc_keys / sizeof *mpl_rc_keys,
                   sizeof *mpl_rc_keys, str_cmp) != NULL;
}

/* ---- close matches (Levenshtein distance) ---------------------------------------------------- */
static size_t edit_distance(const char *a, const char *b)
{
    size_t la = strlen(a), lb = strlen(b);
    if (la > 63 || lb > 63) return (size_t)-1;
    size_t row[64];
    for (size_t j = 0; j <= lb; j++) row[j] = j;
    for (size_t i = 1; i <= la; i++) {
        size_t diag = row[0];
        row[0] = i;
        for (size_t j = 1; j <= lb; j++) {
            size_t up = row[j];
            size_t best = diag + (a[i - 1] != b[j - 1]);
            if (row[j] + 1 < best) best = row[j] + 1;
            if (row[j - 1] + 1 < best) best = row[j - 1] + 1;
            row[j] = best;
            diag = up;
        }
    }
    return row[lb];
}

/* Up to 3 names of `names` closest to `s` (distance <= max(2, len/4)) as "'a', 'b'" in buf;
 * "" when none is close. Names of the same component ("font.") count as close too. */
static void close_matches(const char *s, const char *(*name_at)(size_t), size_t n, char *buf,
                          size_t cap)
{
    size_t limit = strlen(s) / 4 > 2 ? strlen(s) / 4 : 2;
    const char *best[3] = { 0 };
    size_t bd[3] = { (size_t)-1, (size_t)-1, (size_t)-1 };
    for (size_t i = 0; i < n; i++) {
        const char *c = name_at(i);
        size_t d = edit_distance(s, c);
        if (d > limit) continue;
        for (int k = 0; k < 3; k++)
            if (d < bd[k]) {
                for (int m = 2; m > k; m--) best[m] = best[m - 1], bd[m] = bd[m - 1];
                best[k] = c, bd[k] = d;
                break;
            }
    }
    buf[0] = '\0';
    size_t o = 0;
    for (int k = 0; k < 3 && best[k]; k++) {
        int w = snprintf(buf + o, cap - o, "%s'%s'", k ? ", " : "", best[k]);
        if (w < 0 || (size_t)w >= cap - o) break;
        o += (size_t)w;
    }
}

static const char *key_name_at(size_t i)
{
    return keys[i].name;
}

static const char *sheet_name_at(size_t i)
{
    return i == 0 ? "default" : style_sheets[i - 1].name;
}

static nd_status unknown_key(const char *key, const char *who)
{
    if (is_mpl_key(key))
        return nd_set_error(ND_EVALUE, "%s: '%s' is a matplotlib rc parameter numc does not use",
                            who, key);
    char near[256];
    close_matches(key, key_name_at, NKEYS, near, sizeof near);
    if (near[0])
        return nd_set_error(ND_EVALUE, "%s: '%s' is not a valid rc parameter; did you mean %s?",
                            who, key, near);
    return nd_set_error(ND_EVALUE, "%s: '%s' is not a valid rc parameter (nplot_rc_key lists "
                                   "them)", who, key);
}

/* ---- value parsing ---------------------------------------------------------------------------- */
typedef struct rc_parsed {
    double v[3];
    bool b;
    int i;
    rgba c;
    rgba cyc[NPLOT__MAX_CYCLE];
    int nc;
} rc_parsed;

static bool parse_num(const char *s, double *out)
{
    char *end;
    errno = 0;
    double v = strtod(s, &end);
    while (isspace((unsigned char)*end)) end++;
    if (end == s || *end || !isfinite(v)) return false;
    *out = v;
    return true;
}

static bool parse_bool(const char *s, bool *out)
{
    static const char *const yes[] = { "t", "y", "yes", "on", "true", "1" };
    static const char *const no[] = { "f", "n", "no", "off", "false", "0" };
    for (size_t i = 0; i < 6; i++) {
        if (!strcasecmp(s, yes[i])) return *out = true, true;
        if (!strcasecmp(s, no[i])) return *out = false, true;
    }
    return false;
}

/* A colour as matplotlib's validate_color: also 6 or 8 hex digits without '#'. */
static bool parse_color(const char *s, rgba *out)
{
    if (!*s) return false;
    size_t n = strlen(s);
    if ((n == 6 || n == 8) && strspn(s, "0123456789abcdefABCDEF") == n) {
        char hex[10] = "#";
        memcpy(hex + 1, s, n + 1);
        return nplot__color(hex, NULL, out, "rc") == ND_OK;
    }
    if (nplot__color(s, NULL, out, "rc") == ND_OK) return true;
    nd_clear_error();
    return false;
}

static const char *skip_ws(const char *p)
{
    while (isspace((unsigned char)*p)) p++;
    return p;
}

/* A quoted string at p ('..' or ".."): copies it into buf, returns the position after it. */
static const char *quoted(const char *p, char *buf, size_t cap)
{
    char q = *p;
    if (q != '\'' && q != '"') return NULL;
    const char *e = strchr(p + 1, q);
    if (!e || (size_t)(e - p - 1) >= cap) return NULL;
    memcpy(buf, p + 1, (size_t)(e - p - 1));
    buf[e - p - 1] = '\0';
    return e + 1;
}

/* cycler('color', ['#1f77b4', ...]), cycler(color=[...]) or cycler('color', 'bgrcmyk'). */
static bool parse_cycle(const char *s, rgba *out, int *n)
{
    char item[64];
    const char *p = skip_ws(s);
    if (strncmp(p, "cycler", 6)) return false;
    p = skip_ws(p + 6);
    if (*p++ != '(') return false;
    p = skip_ws(p);
    if (!strncmp(p, "color", 5)) {
        p = skip_ws(p + 5);
        if (*p++ != '=') return false;
    } else {
        if (!(p = quoted(p, item, sizeof item)) || strcmp(item, "color")) return false;
        p = skip_ws(p);
        if (*p++ != ',') return false;
    }
    p = skip_ws(p);
    *n = 0;
    if (*p == '[' || *p == '(') {
        char close = *p == '[' ? ']' : ')';
        p = skip_ws(p + 1);
        while (*p != close) {
            if (!(p = quoted(p, item, sizeof item))) return false;
            if (*n >= NPLOT__MAX_CYCLE || !parse_color(item, &out[*n])) return false;
            (*n)++;
            p = skip_ws(p);
            if (*p == ',') p = skip_ws(p + 1);
            else if (*p != close) return false;
        }
        p++;
    } else {
        /* a string of single-letter colours */
        if (!(p = quoted(p, item, sizeof item)) || !item[0]) return false;
        for (const char *c = item; *c; c++) {
            char one[2] = { *c, 0 };
            if (*n >= NPLOT__MAX_CYCLE || !parse_color(one, &out[*n])) return false;
            (*n)++;
        }
    }
    p = skip_ws(p);
    if (*p++ != ')') return false;
    return *skip_ws(p) == '\0' && *n > 0;
}

static const struct { const char *name; double scale; } font_scalings[] = {
    { "xx-small", 0.579 }, { "x-small", 0.694 }, { "small", 0.833 }, { "medium", 1.0 },
    { "large", 1.2 }, { "x-large", 1.44 }, { "xx-large", 1.728 }, { "larger", 1.2 },
    { "smaller", 0.833 },
};

static const struct { const char *name; int w; } weights[] = {
    { "ultralight", 200 }, { "light", 300 }, { "normal", 400 }, { "regular", 400 },
    { "book", 400 }, { "roman", 400 }, { "medium", 500 }, { "semibold", 600 },
    { "demibold", 600 }, { "demi", 600 }, { "bold", 700 }, { "heavy", 800 },
    { "extra bold", 800 }, { "black", 900 },
};

/* Parse `s` as key k's type into *out (NULL: check only). false: not of the type. */
static bool parse_value(const struct rc_key *k, const char *s, rc_parsed *out)
{
    rc_parsed tmp;
    if (!out) out = &tmp;
    memset(out, 0, sizeof *out);
    switch (k->type) {
    case T_FLOAT: return parse_num(s, &out->v[0]);
    case T_NNFLOAT: return parse_num(s, &out->v[0]) && out->v[0] >= 0;
    case T_POSFLOAT: return parse_num(s, &out->v[0]) && out->v[0] > 0;
    case T_BOOL: return parse_bool(s, &out->b);
    case T_COLOR: return parse_color(s, &out->c);
    case T_COLOR_INH:
        if (!strcmp(s, "inherit")) return out->i = 1, true;
        return parse_color(s, &out->c);
    case T_COLOR_AUTO:
        if (!strcmp(s, "auto")) return out->i = 1, true;
        return parse_color(s, &out->c);
    case T_CYCLE: return parse_cycle(s, out->cyc, &out->nc);
    case T_FONTSIZE:
        for (size_t i = 0; i < sizeof font_scalings / sizeof *font_scalings; i++)
            if (!strcmp(s, font_scalings[i].name)) return out->i = 1, out->v[0] = font_scalings[i].scale, true;
        return parse_num(s, &out->v[0]) && out->v[0] > 0;
    case T_LINESTYLE: {
        int ls = nplot__linestyle_parse(s);
        return ls >= 0 && (out->i = ls, true);
    }
    case T_TICKDIR:
        if (!strcmp(s, "out")) return out->i = 0, true;
        if (!strcmp(s, "in")) return out->i = 1, true;
        if (!strcmp(s, "inout")) return out->i = 2, true;
        return false;
    case T_FIGSIZE: {
        char buf[RC_VAL_MAX];
        const char *p = skip_ws(s);
        char close = 0;
        if (*p == '(' || *p == '[') close = *p == '(' ? ')' : ']', p++;
        snprintf(buf, sizeof buf, "%s", p);
        if (close) {
            char *e = strrchr(buf, close);
            if (!e || *skip_ws(e + 1)) return false;
            *e = '\0';
        }
        char *comma = strchr(buf, ',');
        if (!comma) return false;
        *comma = '\0';
        return parse_num(buf, &out->v[0]) && parse_num(comma + 1, &out->v[1]) &&
               out->v[0] > 0 && out->v[1] > 0;
    }
    case T_AXISBELOW:
        if (!strcmp(s, "line")) return out->i = 2, true;
        if (!parse_bool(s, &out->b)) return false;
        out->i = out->b ? 1 : 3;
        return true;
    case T_FONTLIST: {
        const char *p = s;
        while (*p) {
            size_t len = strcspn(p, ",");
            const char *q = p;
            size_t l = len;
            while (l && isspace((unsigned char)*q)) q++, l--;
            if (!l) return false;
            p += len;
            if (*p == ',') p++;
        }
        return *s != '\0';
    }
    case T_WEIGHT:
        for (size_t i = 0; i < sizeof weights / sizeof *weights; i++)
            if (!strcmp(s, weights[i].name)) return out->i = weights[i].w, true;
        if (parse_num(s, &out->v[0]) && out->v[0] >= 100 && out->v[0] <= 1000) {
            out->i = (int)out->v[0];
            return true;
        }
        return false;
    case T_DPI:
        if (!strcmp(s, "figure")) return out->v[0] = 0, true;
        return parse_num(s, &out->v[0]) && out->v[0] > 0 && out->v[0] <= 10000;
    case T_ALPHA:
        if (!strcmp(s, "None")) return out->v[0] = 1, true;
        return parse_num(s, &out->v[0]) && out->v[0] >= 0 && out->v[0] <= 1;
    case T_UNIT: return parse_num(s, &out->v[0]) && out->v[0] >= 0 && out->v[0] <= 1;
    case T_SKETCH: {
        if (!strcmp(s, "None")) return true;
        char tail;
        /* "1, 100, 2" or a Python tuple's text "(1, 100, 2)" */
        const char *q = s + strspn(s, " (");
        int got = sscanf(q, "%lf , %lf , %lf %c", &out->v[0], &out->v[1], &out->v[2], &tail);
        return (got == 3 || (got == 4 && tail == ')' && *s == '(')) &&
               out->v[0] >= 0 && out->v[1] >= 0 && out->v[2] >= 0 && isfinite(out->v[0]) &&
               isfinite(out->v[1]) && isfinite(out->v[2]);
    }
    case T_EFFECTS: {
        if (!strcmp(s, "[]")) return true;
        char col[64], tail;
        const char *p = s + (*s == '[');
        if (sscanf(p, "withStroke(linewidth=%lf, foreground=%63[^)])%c", &out->v[0], col,
                   &tail) < 2 || !(out->v[0] > 0) || !isfinite(out->v[0]))
            return false;
        size_t n = strlen(col);
        if (n >= 2 && (col[0] == '\'' || col[0] == '"') && col[n - 1] == col[0]) {
            memmove(col, col + 1, n - 2);
            col[n - 2] = '\0';
        }
        return parse_color(col, &out->c);
    }
    case T_CMAP: {
        cmap_ref cm;
        if (nplot__cmap_find(s, &cm, "rc") == ND_OK) return true;
        nd_clear_error();
        return false;
    }
    }
    return false;
}

/* ---- the thread's table ------------------------------------------------------------------------- */
typedef struct rc_table { char val[NKEYS][RC_VAL_MAX]; } rc_table;
typedef struct rc_frame { rc_table t; struct rc_frame *prev; } rc_frame;

static _Thread_local rc_table cur;
static _Thread_local bool cur_init;
static _Thread_local rc_frame *frames;

static void table_defaults(rc_table *t)
{
    for (int i = 0; i < NKEYS; i++) snprintf(t->val[i], RC_VAL_MAX, "%s", keys[i].def);
}

static rc_table *table(void)
{
    if (!cur_init) {
        table_defaults(&cur);
        cur_init = true;
    }
    return &cur;
}

/* Trim, drop one pair of enclosing double quotes; ND_EVALUE if it does not fit. */
static nd_status normalize(const char *key, const char *value, char *buf, const char *who)
{
    const char *p = skip_ws(value);
    size_t n = strlen(p);
    while (n && isspace((unsigned char)p[n - 1])) n--;
    if (n >= 2 && p[0] == '"' && p[n - 1] == '"') p++, n -= 2;
    if (n >= RC_VAL_MAX)
        return nd_set_error(ND_EVALUE, "%s: the value of '%s' is longer than %d characters",
                            who, key, RC_VAL_MAX - 1);
    memcpy(buf, p, n);
    buf[n] = '\0';
    return ND_OK;
}

static nd_status set_in(rc_table *t, const char *key, const char *value, const char *who)
{
    if (!key || !value) return nd_set_error(ND_EVALUE, "%s: key and value must not be NULL", who);
    int i = key_index(key);
    if (i < 0) return unknown_key(key, who);
    char buf[RC_VAL_MAX];
    if (normalize(key, value, buf, who)) return ND_EVALUE;
    if (!parse_value(&keys[i], buf, NULL))
        return nd_set_error(ND_EVALUE, "%s: rc parameter '%s' expects %s, got '%s'", who, key,
                            type_names[keys[i].type], buf);
    memcpy(t->val[i], buf, sizeof buf);
    return ND_OK;
}

nd_status nplot_rc_set(const char *key, const char *value)
{
    return set_in(table(), key, value, "nplot_rc_set");
}

nd_status nplot_rc_set_float(const char *key, double value)
{
    static const char *who = "nplot_rc_set_float";
    if (!key) return nd_set_error(ND_EVALUE, "%s: key must not be NULL", who);
    int i = key_index(key);
    if (i < 0) return unknown_key(key, who);
    rc_type t = keys[i].type;
    if (t != T_FLOAT && t != T_NNFLOAT && t != T_POSFLOAT && t != T_FONTSIZE && t != T_DPI &&
        t != T_ALPHA && t != T_UNIT)
        return nd_set_error(ND_EVALUE, "%s: rc parameter '%s' expects %s, not a number", who,
                            key, type_names[t]);
    char buf[64];
    snprintf(buf, sizeof buf, "%.17g", value);
    return set_in(table(), key, buf, who);
}

nd_status nplot_rc_set_bool(const char *key, bool value)
{
    static const char *who = "nplot_rc_set_bool";
    if (!key) return nd_set_error(ND_EVALUE, "%s: key must not be NULL", who);
    int i = key_index(key);
    if (i < 0) return unknown_key(key, who);
    if (keys[i].type != T_BOOL && keys[i].type != T_AXISBELOW)
        return nd_set_error(ND_EVALUE, "%s: rc parameter '%s' expects %s, not a bool", who, key,
                            type_names[keys[i].type]);
    return set_in(table(), key, value ? "True" : "False", who);
}

static int lookup(const char *key, const char *who)
{
    if (!key) {
        nd_set_error(ND_EVALUE, "%s: key must not be NULL", who);
        return -1;
    }
    int i = key_index(key);
    if (i < 0) unknown_key(key, who);
    return i;
}

nd_status nplot_rc_get(const char *key, char *buf, size_t cap)
{
    static const char *who = "nplot_rc_get";
    int i = lookup(key, who);
    if (i < 0) return ND_EVALUE;
    const char *v = table()->val[i];
    if (!buf || cap <= strlen(v))
        return nd_set_error(ND_EVALUE, "%s: buffer of %zu bytes too small for '%s' (%zu needed)",
                            who, buf ? cap : 0, key, strlen(v) + 1);
    memcpy(buf, v, strlen(v) + 1);
    return ND_OK;
}

/* Font size in points: relative names scale font.size (as matplotlib draws them). */
static double font_size_of(const rc_table *t, int i)
{
    rc_parsed p;
    parse_value(&keys[i], t->val[i], &p);
    if (!p.i) return p.v[0];
    rc_parsed base;
    parse_value(&keys[key_index("font.size")], t->val[key_index("font.size")], &base);
    return p.v[0] * base.v[0];
}

nd_status nplot_rc_get_float(const char *key, double *out)
{
    static const char *who = "nplot_rc_get_float";
    int i = lookup(key, who);
    if (i < 0) return ND_EVALUE;
    if (!out) return nd_set_error(ND_EVALUE, "%s: out must not be NULL", who);
    rc_type t = keys[i].type;
    rc_table *tb = table();
    if (t == T_FONTSIZE) return *out = font_size_of(tb, i), ND_OK;
    if (t != T_FLOAT && t != T_NNFLOAT && t != T_POSFLOAT && t != T_DPI && t != T_ALPHA &&
        t != T_UNIT)
        return nd_set_error(ND_EVALUE, "%s: rc parameter '%s' is %s, not a number", who, key,
                            type_names[t]);
    rc_parsed p;
    parse_value(&keys[i], tb->val[i], &p);
    if (t == T_DPI && p.v[0] == 0) parse_value(&keys[key_index("figure.dpi")],
                                               tb->val[key_index("figure.dpi")], &p);
    *out = p.v[0];
    return ND_OK;
}

nd_status nplot_rc_get_floats(const char *key, double *out, size_t cap, size_t *n)
{
    static const char *who = "nplot_rc_get_floats";
    int i = lookup(key, who);
    if (i < 0) return ND_EVALUE;
    if (!out || !n) return nd_set_error(ND_EVALUE, "%s: out and n must not be NULL", who);
    if (keys[i].type != T_FIGSIZE) {
        if (cap < 1) return nd_set_error(ND_EVALUE, "%s: cap must be >= 1", who);
        if (nplot_rc_get_float(key, out)) return ND_EVALUE;
        *n = 1;
        return ND_OK;
    }
    if (cap < 2) return nd_set_error(ND_EVALUE, "%s: '%s' has 2 values, cap is %zu", who, key, cap);
    rc_parsed p;
    parse_value(&keys[i], table()->val[i], &p);
    out[0] = p.v[0], out[1] = p.v[1], *n = 2;
    return ND_OK;
}

nd_status nplot_rc_get_bool(const char *key, bool *out)
{
    static const char *who = "nplot_rc_get_bool";
    int i = lookup(key, who);
    if (i < 0) return ND_EVALUE;
    if (!out) return nd_set_error(ND_EVALUE, "%s: out must not be NULL", who);
    if (keys[i].type != T_BOOL)
        return nd_set_error(ND_EVALUE, "%s: rc parameter '%s' is %s, not a bool", who, key,
                            type_names[keys[i].type]);
    rc_parsed p;
    parse_value(&keys[i], table()->val[i], &p);
    *out = p.b;
    return ND_OK;
}

nd_status nplot_rc_get_colors(const char *key, nplot_rgba *out, size_t cap, size_t *n)
{
    static const char *who = "nplot_rc_get_colors";
    int i = lookup(key, who);
    if (i < 0) return ND_EVALUE;
    if (!out || !n) return nd_set_error(ND_EVALUE, "%s: out and n must not be NULL", who);
    rc_type t = keys[i].type;
    rc_table *tb = table();
    rc_parsed p;
    parse_value(&keys[i], tb->val[i], &p);
    if (t == T_CYCLE) {
        if (cap < (size_t)p.nc)
            return nd_set_error(ND_EVALUE, "%s: '%s' has %d colors, cap is %zu", who, key, p.nc, cap);
        memcpy(out, p.cyc, (size_t)p.nc * sizeof *out);
        *n = (size_t)p.nc;
        return ND_OK;
    }
    if (t != T_COLOR && t != T_COLOR_INH && t != T_COLOR_AUTO)
        return nd_set_error(ND_EVALUE, "%s: rc parameter '%s' is %s, not a color", who, key,
                            type_names[t]);
    if (cap < 1) return nd_set_error(ND_EVALUE, "%s: cap must be >= 1", who);
    const char *v = tb->val[i];
    if (t != T_COLOR && p.i) {
        /* 'inherit': legend.facecolor → axes.facecolor, legend.edgecolor → axes.edgecolor;
         * 'auto': savefig.facecolor → figure.facecolor */
        int j = key_index(t == T_COLOR_AUTO ? "figure.facecolor"
                          : strstr(key, "face") ? "axes.facecolor" : "axes.edgecolor");
        v = tb->val[j];
        parse_value(&keys[j], v, &p);
    }
    /* "C0".."C9" name the current cycle's colours */
    if ((v[0] == 'C' || v[0] == 'c') && isdigit((unsigned char)v[1])) {
        rc_parsed cyc;
        int j = key_index("axes.prop_cycle");
        parse_value(&keys[j], tb->val[j], &cyc);
        p.c = cyc.cyc[atoi(v + 1) % cyc.nc];
    }
    out[0] = p.c;
    *n = 1;
    return ND_OK;
}

const char *nplot_rc_key(size_t i)
{
    return i < NKEYS ? keys[i].name : NULL;
}

void nplot_rc_defaults(void)
{
    table_defaults(table());
}

nd_status nplot_rc_context_push(void)
{
    rc_frame *f = nd_malloc(sizeof *f, "nplot_rc_context_push");
    if (!f) return ND_ENOMEM;
    f->t = *table();
    f->prev = frames;
    frames = f;
    return ND_OK;
}

nd_status nplot_rc_context_pop(void)
{
    rc_frame *f = frames;
    if (!f)
        return nd_set_error(ND_EVALUE, "nplot_rc_context_pop: no nplot_rc_context_push to undo "
                                       "on this thread");
    cur = f->t;
    cur_init = true;
    frames = f->prev;
    nd_free_mem(f);
    return ND_OK;
}

/* ---- matplotlibrc text ---------------------------------------------------------------------------- */
/* Apply one matplotlibrc line (NUL-terminated, may be modified) onto t. `where` and lineno
 * name the source in messages ("file.rc:3"). A key matplotlib knows but numc does not draw
 * is skipped; any other unknown key is an error. */
static nd_status load_line(rc_table *t, char *line, const char *where, int lineno,
                           const char *who)
{
    /* '#' outside double quotes starts a comment (cbook._strip_comment) */
    bool inq = false;
    for (char *c = line; *c; c++) {
        if (*c == '"') inq = !inq;
        else if (*c == '#' && !inq) {
            *c = '\0';
            break;
        }
    }
    if (inq) return nd_set_error(ND_EVALUE, "%s: %s:%d: missing closing quote", who, where, lineno);
    char *s = line;
    while (isspace((unsigned char)*s)) s++;
    if (!*s) return ND_OK;
    char *colon = strchr(s, ':');
    if (!colon)
        return nd_set_error(ND_EVALUE, "%s: %s:%d: missing colon in \"%s\"", who, where, lineno, s);
    *colon = '\0';
    char *e = colon;
    while (e > s && isspace((unsigned char)e[-1])) *--e = '\0';
    if (key_index(s) < 0 && is_mpl_key(s)) return ND_OK;
    char sub[160];
    snprintf(sub, sizeof sub, "%s: %s:%d", who, where, lineno);
    return set_in(t, s, colon + 1, sub);
}

/* Apply "key: value" lines (text separated by newlines) onto t. */
static nd_status load_text(rc_table *t, const char *text, const char *where, const char *who)
{
    int lineno = 0;
    const char *p = text;
    char line[1024];
    while (*p) {
        size_t len = strcspn(p, "\n");
        lineno++;
        if (len >= sizeof line)
            return nd_set_error(ND_EVALUE, "%s: %s:%d: line longer than %zu characters", who,
                                where, lineno, sizeof line - 1);
        memcpy(line, p, len);
        line[len] = '\0';
        p += len;
        if (*p == '\n') p++;
        if (load_line(t, line, where, lineno, who)) return ND_EVALUE;
    }
    return ND_OK;
}

nd_status nplot_rc_load_text(const char *text)
{
    static const char *who = "nplot_rc_load_text";
    if (!text) return nd_set_error(ND_EVALUE, "%s: text must not be NULL", who);
    rc_table *t = nd_malloc(sizeof *t, who);
    if (!t) return ND_ENOMEM;
    *t = *table();
    nd_status st = load_text(t, text, "<text>", who);
    if (!st) cur = *t;
    nd_free_mem(t);
    return st;
}

nd_status nplot_rc_file(const char *path)
{
    static const char *who = "nplot_rc_file";
    if (!path) return nd_set_error(ND_EVALUE, "%s: path must not be NULL", who);
    FILE *f = fopen(path, "rb");
    if (!f) return nd_set_error(ND_EIO, "%s: cannot open '%s': %s", who, path, strerror(errno));
    size_t cap = 4096, n = 0;
    char *buf = nd_malloc(cap, who);
    nd_status st = buf ? ND_OK : ND_ENOMEM;
    while (!st) {
        if (n + 1 >= cap) {
            if (cap >= ((size_t)16 << 20)) {
                st = nd_set_error(ND_EVALUE, "%s: '%s' is larger than 16 MiB", who, path);
                break;
            }
            char *nb = nd_malloc(cap * 2, who);
            if (!nb) {
                st = ND_ENOMEM;
                break;
            }
            memcpy(nb, buf, n);
            nd_free_mem(buf);
            buf = nb, cap *= 2;
        }
        size_t got = fread(buf + n, 1, cap - 1 - n, f);
        n += got;
        if (got == 0) {
            if (ferror(f)) st = nd_set_error(ND_EIO, "%s: error reading '%s'", who, path);
            break;
        }
    }
    fclose(f);
    if (!st) {
        buf[n] = '\0';
        if (strlen(buf) != n)
            st = nd_set_error(ND_EVALUE, "%s: '%s' contains a NUL byte", who, path);
    }
    rc_table *t = st ? NULL : nd_malloc(sizeof *t, who);
    if (!st && !t) st = ND_ENOMEM;
    if (!st) {
        *t = *table();
        const char *base = strrchr(path, '/');
        st = load_text(t, buf, base ? base + 1 : path, who);
        if (!st) cur = *t;
    }
    nd_free_mem(t);
    nd_free_mem(buf);
    return st;
}

/* ---- style sheets ------------------------------------------------------------------------------------ */
static const struct { const char *alias, *name; } style_aliases[] = {
    { "classic-default", "default" },
    { "seaborn_whitegrid", "seaborn-v0_8-whitegrid" },
    { "whitegrid", "seaborn-v0_8-whitegrid" },
    { "dark", "dark_background" },
};

/* The sheet called name (matplotlib 3.6's deprecated "seaborn-X" names too): its index in
 * style_sheets, -1 for "default", -2 if unknown. */
static int sheet_index(const char *name)
{
    for (size_t i = 0; i < sizeof style_aliases / sizeof *style_aliases; i++)
        if (!strcmp(name, style_aliases[i].alias)) name = style_aliases[i].name;
    if (!strcmp(name, "default")) return -1;
    char buf[96];
    if (!strncmp(name, "seaborn", 7) && strncmp(name, "seaborn-v0_8", 12) && strlen(name) < 64) {
        snprintf(buf, sizeof buf, "seaborn-v0_8%s", name + 7);
        name = buf;
    }
    for (size_t i = 0; i < sizeof style_sheets / sizeof *style_sheets; i++)
        if (!strcmp(name, style_sheets[i].name)) return (int)i;
    return -2;
}

/* Apply style `name` onto t ("default" resets t to the defaults). */
static nd_status apply_style(rc_table *t, const char *name, const char *who)
{
    int k = sheet_index(name);
    if (k == -1) {
        table_defaults(t);
        return ND_OK;
    }
    if (k < 0) {
        char near[256];
        close_matches(name, sheet_name_at, 1 + sizeof style_sheets / sizeof *style_sheets, near,
                      sizeof near);
        return nd_set_error(ND_EVALUE, "%s: unknown style '%s'%s%s%s (nplot_style_name lists "
                                       "the styles)", who, name, near[0] ? "; did you mean " : "",
                            near, near[0] ? "?" : "");
    }
    char line[1024];
    for (int i = 0; style_sheets[k].lines[i]; i++) {
        snprintf(line, sizeof line, "%s", style_sheets[k].lines[i]);
        if (load_line(t, line, style_sheets[k].name, i + 1, who)) return ND_EVALUE;
    }
    return ND_OK;
}

nd_status nplot_style_use(const char *name)
{
    static const char *who = "nplot_style_use";
    rc_table *t = nd_malloc(sizeof *t, who);
    if (!t) return ND_ENOMEM;
    *t = *table();
    nd_status st = apply_style(t, name ? name : "default", who);
    if (!st) cur = *t;
    nd_free_mem(t);
    return st;
}

const char *nplot_style_name(size_t i)
{
    if (i == 0) return "default";
    return i - 1 < sizeof style_sheets / sizeof *style_sheets ? style_sheets[i - 1].name : NULL;
}

/* ---- resolution into a figure's style ------------------------------------------------------------ */
static rc_parsed get(const rc_table *t, const char *name)
{
    rc_parsed p;
    int i = key_index(name);
    parse_value(&keys[i], t->val[i], &p);
    return p;
}

static rgba color_of(const rc_table *t, const char *name, const nplot__style *st)
{
    int i = key_index(name);
    const char *v = t->val[i];
    if ((v[0] == 'C' || v[0] == 'c') && isdigit((unsigned char)v[1]))
        return st->cycle[atoi(v + 1) % st->ncycle];
    return get(t, name).c;
}

/* font.family with generic names ("sans-serif") replaced by their font.<generic> lists,
 * joined by commas for pango. */
static void font_families(const rc_table *t, char *out, size_t cap)
{
    static const char *const generic[] = { "sans-serif", "serif", "monospace" };
    static const char *const list_key[] = { "font.sans-serif", "font.serif", "font.monospace" };
    size_t o = 0;
    out[0] = '\0';
    const char *p = t->val[key_index("font.family")];
    while (*p) {
        size_t len = strcspn(p, ",");
        char name[RC_VAL_MAX];
        const char *q = p;
        size_t l = len;
        while (l && isspace((unsigned char)*q)) q++, l--;
        while (l && isspace((unsigned char)q[l - 1])) l--;
        memcpy(name, q, l);
        name[l] = '\0';
        p += len;
        if (*p == ',') p++;
        const char *add = name;
        for (int g = 0; g < 3; g++)
            if (!strcmp(name, generic[g])) add = t->val[key_index(list_key[g])];
        int w = snprintf(out + o, cap - o, "%s%s", o ? "," : "", add);
        if (w < 0 || (size_t)w >= cap - o) break;
        o += (size_t)w;
    }
}

static void tick_of(const rc_table *t, const char *ax, nplot__tick_style *tk, double fs)
{
    char k[48];
#define TK(suffix) (snprintf(k, sizeof k, "%s.%s", ax, suffix), get(t, k))
    tk->color = TK("color").c;
    tk->major_size = TK("major.size").v[0];
    tk->major_width = TK("major.width").v[0];
    tk->minor_size = TK("minor.size").v[0];
    tk->minor_width = TK("minor.width").v[0];
    tk->major_pad = TK("major.pad").v[0];
    tk->minor_pad = TK("minor.pad").v[0];
    rc_parsed ls = TK("labelsize");
    tk->label_size = ls.i ? ls.v[0] * fs : ls.v[0];
    tk->dir = TK("direction").i;
    bool x = ax[0] == 'x';
    tk->side[0] = TK(x ? "bottom" : "left").b;
    tk->side[1] = TK(x ? "top" : "right").b;
    tk->label_side[0] = TK(x ? "labelbottom" : "labelleft").b;
    tk->label_side[1] = TK(x ? "labeltop" : "labelright").b;
#undef TK
}

static void resolve(const rc_table *t, nplot__style *s)
{
    memset(s, 0, sizeof *s);
    rc_parsed cyc = get(t, "axes.prop_cycle");
    memcpy(s->cycle, cyc.cyc, sizeof s->cycle);
    s->ncycle = cyc.nc;
    double fs = get(t, "font.size").v[0];
    s->font_size = fs;
#define FS(name) (get(t, name).i ? get(t, name).v[0] * fs : get(t, name).v[0])
    s->title_size = FS("axes.titlesize");
    s->label_size = FS("axes.labelsize");
    s->legend_size = FS("legend.fontsize");
#undef FS
    s->fig_face = color_of(t, "figure.facecolor", s);
    s->axes_face = color_of(t, "axes.facecolor", s);
    s->axes_edge = color_of(t, "axes.edgecolor", s);
    s->text_color = color_of(t, "text.color", s);
    s->label_color = color_of(t, "axes.labelcolor", s);
    s->grid_color = color_of(t, "grid.color", s);
    s->grid_alpha = get(t, "grid.alpha").v[0];
    s->grid_linewidth = get(t, "grid.linewidth").v[0];
    s->grid_dash = get(t, "grid.linestyle").i;
    s->grid_on = get(t, "axes.grid").b;
    s->axisbelow = get(t, "axes.axisbelow").i;
    s->axes_linewidth = get(t, "axes.linewidth").v[0];
    s->spine_top = get(t, "axes.spines.top").b;
    s->spine_right = get(t, "axes.spines.right").b;
    s->spine_left = get(t, "axes.spines.left").b;
    s->spine_bottom = get(t, "axes.spines.bottom").b;
    s->title_weight = get(t, "axes.titleweight").i;
    tick_of(t, "xtick", &s->tick[0], fs);
    tick_of(t, "ytick", &s->tick[1], fs);
    s->tick_label_size = s->tick[0].label_size;
    s->linewidth = get(t, "lines.linewidth").v[0];
    s->markersize = get(t, "lines.markersize").v[0];
    s->linestyle = get(t, "lines.linestyle").i;
    s->patch_face = color_of(t, "patch.facecolor", s);
    rc_parsed lf = get(t, "legend.facecolor"), le = get(t, "legend.edgecolor");
    s->legend_face = lf.i ? s->axes_face : color_of(t, "legend.facecolor", s);
    s->legend_edge = le.i ? s->axes_edge : color_of(t, "legend.edgecolor", s);
    s->legend_alpha = get(t, "legend.framealpha").v[0];
    rc_parsed sf = get(t, "savefig.facecolor");
    s->savefig_face_set = !sf.i;
    if (!sf.i) s->savefig_face = color_of(t, "savefig.facecolor", s);
    s->legend_frame = get(t, "legend.frameon").b;
    s->unicode_minus = get(t, "axes.unicode_minus").b;
    rc_parsed fig = get(t, "figure.figsize");
    s->fig_width = fig.v[0], s->fig_height = fig.v[1];
    s->fig_dpi = get(t, "figure.dpi").v[0];
    s->savefig_dpi = get(t, "savefig.dpi").v[0];
    s->title_pad = get(t, "axes.titlepad").v[0];
    s->label_pad = get(t, "axes.labelpad").v[0];
    s->xmargin = get(t, "axes.xmargin").v[0];
    s->ymargin = get(t, "axes.ymargin").v[0];
    snprintf(s->image_cmap, sizeof s->image_cmap, "%s", t->val[key_index("image.cmap")]);
    font_families(t, s->font_family, sizeof s->font_family);
    rc_parsed sk = get(t, "path.sketch"), fx = get(t, "path.effects");
    for (int k = 0; k < 3; k++) s->sketch[k] = sk.v[k];
    s->fx_stroke_lw = fx.v[0];
    s->fx_stroke_fg = fx.c;
}

nd_status nplot__style_snapshot(const char *name, nplot__style *out, const char *who)
{
    if (!name) {
        resolve(table(), out);
        return ND_OK;
    }
    rc_table *t = nd_malloc(sizeof *t, who);
    if (!t) return ND_ENOMEM;
    *t = *table();
    nd_status st = apply_style(t, name, who);
    if (!st) resolve(t, out);
    nd_free_mem(t);
    return st;
}

void nplot__ascii_minus(char *s)
{
    char *o = s;
    for (const char *p = s; *p;) {
        if (!strncmp(p, "\xe2\x88\x92", 3)) {
            *o++ = '-';
            p += 3;
        } else {
            *o++ = *p++;
        }
    }
    *o = '\0';
}
