/* Colors by name (CSS4, single letters, tab:, xkcd:, C0..C9, hex, gray levels) and colormaps. */
#include "plot_model.h"

#include <ctype.h>
#include <errno.h>
#include <math.h>
#include <pthread.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

/* A colormap as matplotlib defines it (tables.inc holds every built-in one):
 *  - listed: n colors, 8-bit RGB (built-in) or double RGBA (nplot_colormap_listed);
 *  - segmented: per channel r, g, b (and a), nseg (x, y0, y1) triples as matplotlib's
 *    segmentdata, or where seg is NULL the function fn of _cm.py; alpha NULL is opaque.
 * The lookup table of n entries is evaluated entry by entry from this, as matplotlib's
 * _create_lookup_table does, so a resampled map is the same as matplotlib's. */
enum cmap_fn {
    F_NONE = 0,
    F_G0, F_G1, F_G2, F_G3, F_G4, F_G5, F_G6, F_G7, F_G8, F_G9, F_G10, F_G11, F_G12, F_G13,
    F_G14, F_G15, F_G16, F_G17, F_G18, F_G19, F_G20, F_G21, F_G22, F_G23, F_G24, F_G25,
    F_G26, F_G27, F_G28, F_G29, F_G30, F_G31, F_G32, F_G33, F_G34, F_G35, F_G36,
    F_CUBEHELIX_RED, F_CUBEHELIX_GREEN, F_CUBEHELIX_BLUE, F_FLAG_RED, F_FLAG_GREEN,
    F_FLAG_BLUE, F_PRISM_RED, F_PRISM_GREEN, F_PRISM_BLUE, F_GIST_HEAT_RED, F_GIST_HEAT_GREEN,
    F_GIST_HEAT_BLUE, F_GIST_YARG
};

typedef struct cmap_def {
    const char *name;
    int n;
    const unsigned char (*rgb)[3];
    const double (*rgba)[4];
    const double *seg[4];
    int nseg[4];
    unsigned char fn[3];
} cmap_def;

#include "tables.inc"
#include "xkcd_colors.inc"

static rgba from_hex24(unsigned v)
{
    return (rgba){ ((v >> 16) & 255) / 255.0, ((v >> 8) & 255) / 255.0, (v & 255) / 255.0, 1.0 };
}

/* matplotlib's base colors: the letters keep their classic (not tab10) values. */
static const struct { char c; double r, g, b; } base_colors[] = {
    { 'b', 0, 0, 1 }, { 'g', 0, 0.5, 0 }, { 'r', 1, 0, 0 }, { 'c', 0, 0.75, 0.75 },
    { 'm', 0.75, 0, 0.75 }, { 'y', 0.75, 0.75, 0 }, { 'k', 0, 0, 0 }, { 'w', 1, 1, 1 },
};

static const struct { const char *name; unsigned rgb; } tab_colors[] = {
    { "blue", 0x1f77b4 }, { "orange", 0xff7f0e }, { "green", 0x2ca02c }, { "red", 0xd62728 },
    { "purple", 0x9467bd }, { "brown", 0x8c564b }, { "pink", 0xe377c2 }, { "gray", 0x7f7f7f },
    { "grey", 0x7f7f7f }, { "olive", 0xbcbd22 }, { "cyan", 0x17becf },
};

static const unsigned tab10[10] = { 0x1f77b4, 0xff7f0e, 0x2ca02c, 0xd62728, 0x9467bd,
                                     0x8c564b, 0xe377c2, 0x7f7f7f, 0xbcbd22, 0x17becf };

static int hexval(int c)
{
    if (c >= '0' && c <= '9') return c - '0';
    c = tolower(c);
    if (c >= 'a' && c <= 'f') return c - 'a' + 10;
    return -1;
}

static bool parse_hex(const char *s, size_t len, rgba *out)
{
    int d[8];
    if (len != 3 && len != 4 && len != 6 && len != 8) return false;
    for (size_t i = 0; i < len; i++)
        if ((d[i] = hexval((unsigned char)s[i])) < 0) return false;
    if (len <= 4) {
        out->r = d[0] * 17 / 255.0;
        out->g = d[1] * 17 / 255.0;
        out->b = d[2] * 17 / 255.0;
        out->a = len == 4 ? d[3] * 17 / 255.0 : 1.0;
    } else {
        out->r = (d[0] * 16 + d[1]) / 255.0;
        out->g = (d[2] * 16 + d[3]) / 255.0;
        out->b = (d[4] * 16 + d[5]) / 255.0;
        out->a = len == 8 ? (d[6] * 16 + d[7]) / 255.0 : 1.0;
    }
    return true;
}

static int css_cmp(const void *key, const void *elem)
{
    const char *name = *(const char *const *)elem;
    return strcasecmp((const char *)key, name);
}

static bool lookup_name(const char *s, const nplot__style *st, rgba *out)
{
    size_t len = strlen(s);
    if (len == 1) {
        for (size_t i = 0; i < sizeof base_colors / sizeof *base_colors; i++)
            if (base_colors[i].c == s[0]) {
                *out = (rgba){ base_colors[i].r, base_colors[i].g, base_colors[i].b, 1 };
                return true;
            }
        return false;
    }
    if (s[0] == '#') return parse_hex(s + 1, len - 1, out);
    if ((s[0] == 'C' || s[0] == 'c') && len >= 2 && isdigit((unsigned char)s[1])) {
        char *end;
        long k = strtol(s + 1, &end, 10);
        if (*end) return false;
        if (st && st->ncycle) *out = st->cycle[k % st->ncycle];
        else *out = from_hex24(tab10[k % 10]);
        return true;
    }
    if (strncasecmp(s, "tab:", 4) == 0) {
        for (size_t i = 0; i < sizeof tab_colors / sizeof *tab_colors; i++)
            if (strcasecmp(s + 4, tab_colors[i].name) == 0) {
                *out = from_hex24(tab_colors[i].rgb);
                return true;
            }
        return false;
    }
    if (strncasecmp(s, "xkcd:", 5) == 0) {
        /* the 949 xkcd colour survey names (xkcd_colors.inc, sorted), any case */
        for (size_t lo = 0, hi = sizeof xkcd_colors / sizeof *xkcd_colors; lo < hi;) {
            size_t mid = lo + (hi - lo) / 2;
            int c = strcasecmp(s + 5, xkcd_colors[mid].name);
            if (!c) return *out = from_hex24(xkcd_colors[mid].rgb), true;
            if (c < 0) hi = mid;
            else lo = mid + 1;
        }
        return false;
    }
    if (strcasecmp(s, "none") == 0 || strcasecmp(s, "transparent") == 0) {
        *out = (rgba){ 0, 0, 0, 0 };
        return true;
    }
    /* A gray level "0.0".."1.0". */
    char *end;
    double g = strtod(s, &end);
    if (end != s && *end == '\0') {
        if (!(g >= 0 && g <= 1)) return false;
        *out = (rgba){ g, g, g, 1 };
        return true;
    }
    /* CSS4 names; matplotlib also accepts spaces ("dark red") — drop them. */
    char key[64];
    size_t k = 0;
    for (const char *p = s; *p && k + 1 < sizeof key; p++)
        if (*p != ' ') key[k++] = *p;
    key[k] = '\0';
    const void *hit = bsearch(key, css4_colors, sizeof css4_colors / sizeof *css4_colors,
                              sizeof *css4_colors, css_cmp);
    if (!hit) return false;
    size_t idx = (size_t)((const char *)hit - (const char *)css4_colors) / sizeof *css4_colors;
    *out = from_hex24(css4_colors[idx].rgb);
    return true;
}

nd_status nplot__color(const char *spec, const nplot__style *st, rgba *out, const char *who)
{
    if (!spec) return nd_set_error(ND_EVALUE, "%s: color is NULL", who);
    char buf[96];
    size_t len = strlen(spec);
    if (len == 0 || len >= sizeof buf)
        return nd_set_error(ND_EVALUE, "%s: '%s' is not a valid color", who, spec);
    memcpy(buf, spec, len + 1);
    double alpha = -1;
    char *comma = strrchr(buf, ',');
    if (comma) {
        char *end;
        alpha = strtod(comma + 1, &end);
        if (end == comma + 1 || *end || !(alpha >= 0 && alpha <= 1))
            return nd_set_error(ND_EVALUE, "%s: bad alpha in color '%s'", who, spec);
        *comma = '\0';
    }
    /* trim */
    char *s = buf;
    while (*s == ' ') s++;
    for (char *e = s + strlen(s); e > s && e[-1] == ' ';) *--e = '\0';
    if (!lookup_name(s, st, out))
        return nd_set_error(ND_EVALUE, "%s: '%s' is not a valid color", who, spec);
    if (alpha >= 0) out->a = alpha;
    return ND_OK;
}

nd_status nplot_color_parse(const char *spec, nplot_rgba *out)
{
    rgba c;
    nd_status st = nplot__color(spec, NULL, &c, "nplot_color_parse");
    if (st == ND_OK && out) *out = c;
    return st;
}

/* ---- colormaps ------------------------------------------------------------------- */

enum { NBUILTIN = sizeof cmap_table / sizeof *cmap_table, KIND_LUT_MAX = 256 };

/* matplotlib's _cm.py channel functions (gfunc, cubehelix with its default parameters,
 * flag, prism, gist_heat, gist_yarg), the same formulas in the same order of operations. */
static double cmap_function(int fn, double x)
{
    const double pi = 3.14159265358979323846;
    switch (fn) {
    case F_G0: return 0;
    case F_G1: return 0.5;
    case F_G2: return 1;
    case F_G3: return x;
    case F_G4: return x * x;
    case F_G5: return x * x * x;
    case F_G6: return pow(x, 4);
    case F_G7: return sqrt(x);
    case F_G8: return sqrt(sqrt(x));
    case F_G9: return sin(x * pi / 2);
    case F_G10: return cos(x * pi / 2);
    case F_G11: return fabs(x - 0.5);
    case F_G12: return (2 * x - 1) * (2 * x - 1);
    case F_G13: return sin(x * pi);
    case F_G14: return fabs(cos(x * pi));
    case F_G15: return sin(x * 2 * pi);
    case F_G16: return cos(x * 2 * pi);
    case F_G17: return fabs(sin(x * 2 * pi));
    case F_G18: return fabs(cos(x * 2 * pi));
    case F_G19: return fabs(sin(x * 4 * pi));
    case F_G20: return fabs(cos(x * 4 * pi));
    case F_G21: return 3 * x;
    case F_G22: return 3 * x - 1;
    case F_G23: return 3 * x - 2;
    case F_G24: return fabs(3 * x - 1);
    case F_G25: return fabs(3 * x - 2);
    case F_G26: return (3 * x - 1) / 2;
    case F_G27: return (3 * x - 2) / 2;
    case F_G28: return fabs((3 * x - 1) / 2);
    case F_G29: return fabs((3 * x - 2) / 2);
    case F_G30: return x / 0.32 - 0.78125;
    case F_G31: return 2 * x - 0.84;
    case F_G32: return x < 0.25 ? 4 * x : x < 0.92 ? -2 * x + 1.84 : x / 0.08 - 11.5;
    case F_G33: return fabs(2 * x - 0.5);
    case F_G34: return 2 * x;
    case F_G35: return 2 * x - 0.5;
    case F_G36: return 2 * x - 1;
    case F_CUBEHELIX_RED:
    case F_CUBEHELIX_GREEN:
    case F_CUBEHELIX_BLUE: {
        /* cubehelix(gamma=1, s=0.5, r=-1.5, h=1) */
        static const double p[3][2] = { { -0.14861, 1.78277 }, { -0.29227, -0.90649 },
                                        { 1.97294, 0.0 } };
        const double *pc = p[fn - F_CUBEHELIX_RED];
        double a = 1.0 * x * (1 - x) / 2;
        double phi = 2 * pi * (0.5 / 3 + -1.5 * x);
        return x + a * (pc[0] * cos(phi) + pc[1] * sin(phi));
    }
    case F_FLAG_RED: return 0.75 * sin((x * 31.5 + 0.25) * pi) + 0.5;
    case F_FLAG_GREEN: return sin(x * 31.5 * pi);
    case F_FLAG_BLUE: return 0.75 * sin((x * 31.5 - 0.25) * pi) + 0.5;
    case F_PRISM_RED: return 0.75 * sin((x * 20.9 + 0.25) * pi) + 0.67;
    case F_PRISM_GREEN: return 0.75 * sin((x * 20.9 - 0.25) * pi) + 0.33;
    case F_PRISM_BLUE: return -1.1 * sin((x * 20.9) * pi);
    case F_GIST_HEAT_RED: return 1.5 * x;
    case F_GIST_HEAT_GREEN: return 2 * x - 1;
    case F_GIST_HEAT_BLUE: return 4 * x - 3;
    case F_GIST_YARG: return 1 - x;
    }
    return 0; /* F_NONE never reaches here: a channel has segments or a function */
}

/* numpy.linspace(0, 1, n)[i]: i * (1 / (n - 1)), the last exactly 1, and 0 when n == 1. */
static double linspace01(int i, int n)
{
    if (n == 1) return 0;
    return i == n - 1 ? 1.0 : i * (1.0 / (n - 1));
}

/* Triple k of a segment channel of m triples; reversed as LinearSegmentedColormap.reversed
 * makes it: [(1 - x, y1, y0) for x, y0, y1 in reversed(data)]. */
static void seg_triple(const double *seg, int m, int k, bool rev, double t[3])
{
    if (!rev) {
        memcpy(t, seg + 3 * k, sizeof(double) * 3);
        return;
    }
    const double *s = seg + 3 * (m - 1 - k);
    t[0] = 1.0 - s[0];
    t[1] = s[2];
    t[2] = s[1];
}

/* Entry i of matplotlib's _create_lookup_table(n, data) for one segment channel. */
static double seg_entry(const double *seg, int m, bool rev, int i, int n)
{
    double a[3], b[3];
    if (n == 1 || i == n - 1) {
        seg_triple(seg, m, m - 1, rev, a);
        return a[1];
    }
    seg_triple(seg, m, 0, rev, a);
    if (i == 0) return a[2];
    /* searchsorted(x * (n - 1), xind): the first breakpoint at or right of xind */
    double xind = (n - 1) * linspace01(i, n);
    int k = 1;
    for (; k < m - 1; k++) {
        seg_triple(seg, m, k, rev, b);
        if (b[0] * (n - 1) >= xind) break;
    }
    seg_triple(seg, m, k - 1, rev, a);
    seg_triple(seg, m, k, rev, b);
    double x0 = a[0] * (n - 1), x1 = b[0] * (n - 1);
    double distance = (xind - x0) / (x1 - x0);
    return distance * (b[1] - a[2]) + a[2];
}

/* Entry i of the definition's table at n entries (reversed first when rev): a listed map
 * resampled as ListedColormap.resampled does, self(linspace(0, 1, n)). */
static rgba def_entry(const cmap_def *d, int i, int n, bool rev)
{
    if (d->rgb || d->rgba) {
        int j = i;
        if (n != d->n) {
            double xa = linspace01(i, n) * d->n;
            j = xa >= d->n ? d->n - 1 : (int)xa;
        }
        if (rev) j = d->n - 1 - j;
        if (d->rgba) return (rgba){ d->rgba[j][0], d->rgba[j][1], d->rgba[j][2], d->rgba[j][3] };
        return (rgba){ d->rgb[j][0] / 255.0, d->rgb[j][1] / 255.0, d->rgb[j][2] / 255.0, 1.0 };
    }
    double c[4] = { 0, 0, 0, 1 };
    for (int ch = 0; ch < 4; ch++) {
        if (d->seg[ch]) c[ch] = seg_entry(d->seg[ch], d->nseg[ch], rev, i, n);
        else if (ch < 3) c[ch] = cmap_function(d->fn[ch], rev ? 1 - linspace01(i, n) : linspace01(i, n));
        c[ch] = nplot__clampd(c[ch], 0, 1);
    }
    return (rgba){ c[0], c[1], c[2], c[3] };
}

rgba nplot__cmap_at(const cmap_ref *cm, double v)
{
    if (isnan(v)) return cm->bad;
    /* Colormap.__call__: xa = v * N, N itself is the last entry, beyond it is over. */
    double xa = v * cm->n;
    if (xa < 0) return cm->has_under ? cm->under : def_entry(cm->def, 0, cm->n, cm->reversed);
    if (xa == cm->n) xa = cm->n - 1;
    if (xa >= cm->n)
        return cm->has_over ? cm->over : def_entry(cm->def, cm->n - 1, cm->n, cm->reversed);
    return def_entry(cm->def, (int)xa, cm->n, cm->reversed);
}

static void ref_reverse(cmap_ref *r)
{
    r->reversed = !r->reversed;
    rgba u = r->under;
    bool hu = r->has_under;
    r->under = r->over, r->has_under = r->has_over;
    r->over = u, r->has_over = hu;
}

/* A colormap object: its reference and, for a user map, its own definition and data, all
 * in one block (`size` bytes) so that copying it is a memcpy and a rebase of pointers. */
struct nplot_colormap {
    cmap_ref ref;
    cmap_def def;            /* a user map's definition (ref.def points here) */
    const char *name;        /* inside the block */
    size_t size;
    struct nplot_colormap *next; /* the registry's list */
    double data[];           /* a user map's colors or segments, then the name */
};

static pthread_mutex_t registry_mutex = PTHREAD_MUTEX_INITIALIZER;
static nplot_colormap *registry; /* copies, kept until the program exits */

static const cmap_def *builtin(const char *name, size_t len)
{
    for (size_t i = 0; i < NBUILTIN; i++)
        if (strlen(cmap_table[i].name) == len && strncmp(cmap_table[i].name, name, len) == 0)
            return &cmap_table[i];
    return NULL;
}

/* A built-in map, or a registered one, exactly called name[0..len). */
static bool lookup_exact(const char *name, size_t len, cmap_ref *out)
{
    const cmap_def *d = builtin(name, len);
    if (d) {
        *out = (cmap_ref){ .def = d, .n = d->n };
        return true;
    }
    bool found = false;
    pthread_mutex_lock(&registry_mutex);
    for (const nplot_colormap *r = registry; r && !found; r = r->next)
        if (strlen(r->name) == len && strncmp(r->name, name, len) == 0) {
            *out = r->ref;
            found = true;
        }
    pthread_mutex_unlock(&registry_mutex);
    return found;
}

/* Spellings later matplotlib versions also accept for a 3.6 map. */
static const struct { const char *alias, *name; } cmap_aliases[] = {
    { "grey", "gray" }, { "gist_grey", "gist_gray" }, { "gist_yerg", "gist_yarg" },
    { "Grays", "Greys" },
};

/* Exact, then as an alias. */
static bool lookup_base(const char *name, size_t len, cmap_ref *out)
{
    if (lookup_exact(name, len, out)) return true;
    for (size_t i = 0; i < sizeof cmap_aliases / sizeof *cmap_aliases; i++)
        if (strlen(cmap_aliases[i].alias) == len && !strncmp(cmap_aliases[i].alias, name, len))
            return lookup_exact(cmap_aliases[i].name, strlen(cmap_aliases[i].name), out);
    return false;
}

/* Name lookup without a ":N" suffix: the name itself, else "name_r" as the reversed map. */
static bool lookup(const char *name, size_t len, cmap_ref *out)
{
    if (lookup_base(name, len, out)) return true;
    if (len <= 2 || strncmp(name + len - 2, "_r", 2) != 0 || !lookup_base(name, len - 2, out))
        return false;
    ref_reverse(out);
    return true;
}

/* Edit distance, letters compared without case, for the close matches of an error. */
size_t nplot__edit_distance(const char *a, const char *b)
{
    size_t la = strlen(a), lb = strlen(b), row[64];
    if (la >= 63 || lb >= 63) return (size_t)-1;
    for (size_t j = 0; j <= lb; j++) row[j] = j;
    for (size_t i = 1; i <= la; i++) {
        size_t diag = row[0];
        row[0] = i;
        for (size_t j = 1; j <= lb; j++) {
            size_t up = row[j];
            size_t same = tolower((unsigned char)a[i - 1]) == tolower((unsigned char)b[j - 1]);
            size_t best = diag + !same;
            if (up + 1 < best) best = up + 1;
            if (row[j - 1] + 1 < best) best = row[j - 1] + 1;
            row[j] = best;
            diag = up;
        }
    }
    return row[lb];
}

/* The up to three known names closest to `name` (a few edits away), for an error. */
typedef struct cmap_matches {
    char name[3][80];
    size_t dist[3];
} cmap_matches;

static void consider(cmap_matches *m, const char *name, const char *cand, const char *suffix)
{
    char full[80];
    snprintf(full, sizeof full, "%s%s", cand, suffix);
    size_t d = nplot__edit_distance(name, full);
    if (d > 1 + strlen(name) / 4) return;
    for (int k = 0; k < 3; k++)
        if (!m->name[k][0] || d < m->dist[k]) {
            memmove(m->name + k + 1, m->name + k, sizeof m->name[0] * (size_t)(2 - k));
            memmove(m->dist + k + 1, m->dist + k, sizeof m->dist[0] * (size_t)(2 - k));
            memcpy(m->name[k], full, sizeof full);
            m->dist[k] = d;
            return;
        }
}

static nd_status unknown_cmap(const char *name, size_t len, const char *who)
{
    char base[80];
    snprintf(base, sizeof base, "%.*s", (int)(len < 79 ? len : 79), name);
    cmap_matches m = { 0 };
    for (size_t i = 0; i < NBUILTIN; i++) {
        consider(&m, base, cmap_table[i].name, "");
        consider(&m, base, cmap_table[i].name, "_r");
    }
    pthread_mutex_lock(&registry_mutex);
    for (const nplot_colormap *r = registry; r; r = r->next) {
        consider(&m, base, r->name, "");
        consider(&m, base, r->name, "_r");
    }
    pthread_mutex_unlock(&registry_mutex);
    if (!m.name[0][0])
        return nd_set_error(ND_EVALUE, "%s: '%s' is not a known colormap (docs/plot.md lists them)",
                            who, name);
    return nd_set_error(ND_EVALUE, "%s: '%s' is not a known colormap; close matches: %s%s%s%s%s", who,
                        name, m.name[0], m.name[1][0] ? ", " : "", m.name[1],
                        m.name[2][0] ? ", " : "", m.name[2]);
}

enum { CMAP_N_MAX = 1 << 20 };

/* The map called name, "name_r" and "name:N" forms included, at its full size. */
static nd_status cmap_resolve(const char *name, cmap_ref *out, const char *who)
{
    if (!name) name = "viridis";
    const char *colon = strchr(name, ':');
    size_t len = colon ? (size_t)(colon - name) : strlen(name);
    long n = 0;
    if (colon) {
        char *end = (char *)colon;
        errno = 0;
        if (isdigit((unsigned char)colon[1])) n = strtol(colon + 1, &end, 10);
        if (n < 1 || n > CMAP_N_MAX || errno || *end)
            return nd_set_error(ND_EVALUE, "%s: '%s': the count after ':' must be a whole "
                                "number of entries from 1 to %d", who, name, CMAP_N_MAX);
    }
    if (!lookup(name, len, out)) return unknown_cmap(name, len, who);
    if (n) out->n = (int)n;
    return ND_OK;
}

nd_status nplot__cmap_find(const char *name, cmap_ref *out, const char *who)
{
    nd_status st = cmap_resolve(name, out, who);
    if (st == ND_OK && out->n > KIND_LUT_MAX) out->n = KIND_LUT_MAX;
    return st;
}

nd_status nplot_cmap_color(const char *name, double v, nplot_rgba *out)
{
    cmap_ref cm;
    nd_status st = cmap_resolve(name, &cm, "nplot_cmap_color");
    if (st) return st;
    if (out) *out = nplot__cmap_at(&cm, v);
    return ND_OK;
}

const char *nplot_colormap_builtin(size_t i)
{
    return i < NBUILTIN ? cmap_table[i].name : NULL;
}

/* ---- colormap objects ---- */

/* A block for a map of ndata doubles called name; the caller fills ref and def. */
static nplot_colormap *cmap_alloc(const char *name, size_t ndata, const char *who)
{
    size_t len = strlen(name);
    size_t size = sizeof(nplot_colormap) + sizeof(double) * ndata + len + 1;
    nplot_colormap *cm = nd_malloc(size, who);
    if (!cm) return NULL;
    memset(cm, 0, sizeof *cm);
    cm->size = size;
    char *nm = (char *)(cm->data + ndata);
    memcpy(nm, name, len + 1);
    cm->name = nm;
    return cm;
}

/* Move a pointer into the block `from` to the same place in the block at `to`. */
static const void *rebase(const void *p, const nplot_colormap *from, nplot_colormap *to)
{
    /* compared as integers: p may point into another object (a built-in table) */
    uintptr_t c = (uintptr_t)p, f = (uintptr_t)from;
    if (!p || c < f || c - f >= from->size) return p;
    return (const char *)to + (c - f);
}

/* A copy of cm called name (NULL: the same name); the name ends the block. */
static nplot_colormap *cmap_copy(const nplot_colormap *cm, const char *name, const char *who)
{
    if (!name) name = cm->name;
    size_t keep = (size_t)(cm->name - (const char *)cm), len = strlen(name);
    nplot_colormap *r = nd_malloc(keep + len + 1, who);
    if (!r) return NULL;
    memcpy(r, cm, keep);
    memcpy((char *)r + keep, name, len + 1);
    r->size = keep + len + 1;
    r->name = (char *)r + keep;
    r->ref.def = rebase(cm->ref.def, cm, r);
    r->def.name = r->name;
    r->def.rgba = (const double (*)[4])rebase(cm->def.rgba, cm, r);
    for (int ch = 0; ch < 4; ch++) r->def.seg[ch] = rebase(cm->def.seg[ch], cm, r);
    r->next = NULL;
    return r;
}

nplot_colormap *nplot_colormap_get(const char *name)
{
    const char *who = "nplot_colormap_get";
    cmap_ref ref;
    if (cmap_resolve(name, &ref, who)) return NULL;
    if (!name) name = "viridis";
    char base[128];
    snprintf(base, sizeof base, "%.*s", (int)strcspn(name, ":"), name);
    nplot_colormap *cm = cmap_alloc(base, 0, who);
    if (cm) cm->ref = ref;
    return cm;
}

/* The colors of a listed or from_list map: given as strings or as values, one of the two. */
static nd_status opts_colors(const nplot_colormap_opts *o, size_t min, rgba **out, size_t *count,
                             const char *who)
{
    *out = NULL;
    if (!o) return nd_set_error(ND_EVALUE, "%s: options are NULL", who);
    if (o->colors.n && o->rgba)
        return nd_set_error(ND_EVALUE, "%s: give .colors or .rgba, not both", who);
    size_t n = o->rgba ? o->nrgba : o->colors.n;
    if ((o->colors.n && !o->colors.v) || (!o->rgba && o->nrgba))
        return nd_set_error(ND_EVALUE, "%s: a color count without colors", who);
    if (n < min)
        return nd_set_error(ND_EVALUE, "%s: %zu colors given; it needs at least %zu", who, n, min);
    rgba *c = nd_malloc(sizeof *c * n, who);
    if (!c) return ND_ENOMEM;
    for (size_t i = 0; i < n; i++) {
        if (!o->rgba) {
            nd_status st = nplot__color(o->colors.v[i], NULL, &c[i], who);
            if (st) {
                nd_free_mem(c);
                return st;
            }
            continue;
        }
        c[i] = o->rgba[i];
        double v[4] = { c[i].r, c[i].g, c[i].b, c[i].a };
        for (int k = 0; k < 4; k++)
            if (!(v[k] >= 0 && v[k] <= 1)) {
                nd_free_mem(c);
                return nd_set_error(ND_EVALUE, "%s: color %zu (%g, %g, %g, %g) is outside 0..1",
                                    who, i, v[0], v[1], v[2], v[3]);
            }
    }
    *out = c;
    *count = n;
    return ND_OK;
}

/* A listed map of n entries (colors, c[i % nc]) called name, under/over/bad from `from`. */
static nplot_colormap *listed_new(const char *name, const rgba *c, size_t nc, int n,
                                  const cmap_ref *from, const char *who)
{
    nplot_colormap *cm = cmap_alloc(name, 4 * (size_t)n, who);
    if (!cm) return NULL;
    double (*tab)[4] = (double (*)[4])cm->data;
    for (int i = 0; i < n; i++) {
        const rgba *e = &c[(size_t)i % nc];
        tab[i][0] = e->r, tab[i][1] = e->g, tab[i][2] = e->b, tab[i][3] = e->a;
    }
    cm->def = (cmap_def){ .name = cm->name, .n = n, .rgba = (const double (*)[4])tab };
    cm->ref = from ? *from : (cmap_ref){ .bad = { 0, 0, 0, 0 } };
    cm->ref.def = &cm->def;
    cm->ref.n = n;
    cm->ref.reversed = false;
    return cm;
}

static nd_status check_count(long n, const char *what, const char *who)
{
    if (n < 0 || n > CMAP_N_MAX)
        return nd_set_error(ND_EVALUE, "%s: %s %ld is outside 1..%d", who, what, n, CMAP_N_MAX);
    return ND_OK;
}

nplot_colormap *nplot_colormap_listed_(const char *name, const nplot_colormap_opts *o)
{
    const char *who = "nplot_colormap_listed";
    rgba *c;
    size_t nc;
    if (opts_colors(o, 1, &c, &nc, who)) return NULL;
    nplot_colormap *cm = NULL;
    if (o->values.n)
        nd_set_error(ND_EVALUE, "%s: .values place colors of nplot_colormap_from_list only", who);
    else if (nc > CMAP_N_MAX) check_count((long)nc, "the color count", who);
    else if (!check_count(o->n, ".n", who))
        cm = listed_new(name ? name : "from_list", c, nc, o->n ? o->n : (int)nc, NULL, who);
    nd_free_mem(c);
    return cm;
}

nplot_colormap *nplot_colormap_from_list_(const char *name, const nplot_colormap_opts *o)
{
    const char *who = "nplot_colormap_from_list";
    rgba *c;
    size_t m;
    if (opts_colors(o, 2, &c, &m, who)) return NULL;
    nplot_colormap *cm = NULL;
    const double *x = o->values.v;
    if (o->values.n && (o->values.n != m || !x)) {
        nd_set_error(ND_EVALUE, "%s: %zu values for %zu colors", who, o->values.n, m);
        goto done;
    }
    if (x && (x[0] != 0 || x[m - 1] != 1)) {
        nd_set_error(ND_EVALUE, "%s: the values must start at 0 and end at 1 (%g .. %g)", who,
                     x[0], x[m - 1]);
        goto done;
    }
    for (size_t i = 1; x && i < m; i++)
        if (!(x[i] >= x[i - 1])) {
            nd_set_error(ND_EVALUE, "%s: the values must rise (value %zu is %g after %g)", who,
                         i, x[i], x[i - 1]);
            goto done;
        }
    if (m > CMAP_N_MAX || check_count(o->n, ".n", who)) {
        if (m > CMAP_N_MAX) check_count((long)m, "the color count", who);
        goto done;
    }
    /* segmentdata as from_list builds it: per channel (value, c, c) at each color */
    if (!(cm = cmap_alloc(name ? name : "from_list", 12 * m, who))) goto done;
    cm->def = (cmap_def){ .name = cm->name, .n = o->n ? o->n : 256 };
    for (int ch = 0; ch < 4; ch++) {
        double *seg = cm->data + ch * 3 * m;
        for (size_t i = 0; i < m; i++) {
            double v[4] = { c[i].r, c[i].g, c[i].b, c[i].a };
            seg[3 * i] = x ? x[i] : linspace01((int)i, (int)m);
            seg[3 * i + 1] = seg[3 * i + 2] = v[ch];
        }
        cm->def.seg[ch] = seg;
        cm->def.nseg[ch] = (int)m;
    }
    cm->ref = (cmap_ref){ .def = &cm->def, .n = cm->def.n };
done:
    nd_free_mem(c);
    return cm;
}

nplot_colormap *nplot_colormap_resampled(const nplot_colormap *cm, int n)
{
    const char *who = "nplot_colormap_resampled";
    if (!cm) {
        nd_set_error(ND_EVALUE, "%s: colormap is NULL", who);
        return NULL;
    }
    if (n < 1 || n > CMAP_N_MAX) {
        nd_set_error(ND_EVALUE, "%s: %d entries is outside 1..%d", who, n, CMAP_N_MAX);
        return NULL;
    }
    if (!cm->ref.def->rgb && !cm->ref.def->rgba) {
        /* LinearSegmentedColormap.resampled: the same definition at n entries */
        nplot_colormap *r = cmap_copy(cm, NULL, who);
        if (r) r->ref.n = n;
        return r;
    }
    /* ListedColormap.resampled: the colors self(linspace(0, 1, n)) */
    rgba *c = nd_malloc(sizeof *c * (size_t)n, who);
    if (!c) return NULL;
    for (int i = 0; i < n; i++) c[i] = nplot__cmap_at(&cm->ref, linspace01(i, n));
    nplot_colormap *r = listed_new(cm->name, c, (size_t)n, n, &cm->ref, who);
    nd_free_mem(c);
    return r;
}

nplot_colormap *nplot_colormap_reversed(const nplot_colormap *cm)
{
    const char *who = "nplot_colormap_reversed";
    if (!cm) {
        nd_set_error(ND_EVALUE, "%s: colormap is NULL", who);
        return NULL;
    }
    char name[160];
    if ((size_t)snprintf(name, sizeof name, "%s_r", cm->name) >= sizeof name) {
        nd_set_error(ND_EVALUE, "%s: the name '%s' is too long", who, cm->name);
        return NULL;
    }
    nplot_colormap *r = cmap_copy(cm, name, who);
    if (r) ref_reverse(&r->ref);
    return r;
}

/* set_under / set_over / set_bad: the color of values below 0, above 1, NaN. */
static nd_status set_extreme(nplot_colormap *cm, const char *color, rgba *slot, bool *flag,
                             const char *who)
{
    if (!cm) return nd_set_error(ND_EVALUE, "%s: colormap is NULL", who);
    rgba c;
    nd_status st = nplot__color(color, NULL, &c, who);
    if (st) return st;
    *slot = c;
    if (flag) *flag = true;
    return ND_OK;
}

nd_status nplot_colormap_set_under(nplot_colormap *cm, const char *color)
{
    return set_extreme(cm, color, cm ? &cm->ref.under : NULL, cm ? &cm->ref.has_under : NULL,
                       "nplot_colormap_set_under");
}

nd_status nplot_colormap_set_over(nplot_colormap *cm, const char *color)
{
    return set_extreme(cm, color, cm ? &cm->ref.over : NULL, cm ? &cm->ref.has_over : NULL,
                       "nplot_colormap_set_over");
}

nd_status nplot_colormap_set_bad(nplot_colormap *cm, const char *color)
{
    return set_extreme(cm, color, cm ? &cm->ref.bad : NULL, NULL, "nplot_colormap_set_bad");
}

nd_status nplot_colormap_color(const nplot_colormap *cm, double v, nplot_rgba *out)
{
    if (!cm) return nd_set_error(ND_EVALUE, "nplot_colormap_color: colormap is NULL");
    if (out) *out = nplot__cmap_at(&cm->ref, v);
    return ND_OK;
}

const char *nplot_colormap_name(const nplot_colormap *cm) { return cm ? cm->name : NULL; }

int nplot_colormap_n(const nplot_colormap *cm) { return cm ? cm->ref.n : 0; }

nd_status nplot_colormap_register(const nplot_colormap *cm, const char *name)
{
    const char *who = "nplot_colormap_register";
    if (!cm) return nd_set_error(ND_EVALUE, "%s: colormap is NULL", who);
    if (!name) name = cm->name;
    cmap_ref taken;
    if (!*name || strchr(name, ':') || strlen(name) >= 80)
        return nd_set_error(ND_EVALUE, "%s: '%s' cannot name a colormap (empty, over 79 "
                            "characters or with ':')", who, name);
    if (lookup(name, strlen(name), &taken))
        return nd_set_error(ND_EVALUE, "%s: a colormap named '%s' is already known", who, name);
    nplot_colormap *r = cmap_copy(cm, name, who);
    if (!r) return ND_ENOMEM;
    pthread_mutex_lock(&registry_mutex);
    bool dup = false;
    for (const nplot_colormap *e = registry; e && !dup; e = e->next) dup = !strcmp(e->name, name);
    if (!dup) {
        r->next = registry;
        registry = r;
    }
    pthread_mutex_unlock(&registry_mutex);
    if (dup) {
        nd_free_mem(r);
        return nd_set_error(ND_EVALUE, "%s: a colormap named '%s' is already known", who, name);
    }
    return ND_OK;
}

void nplot_colormap_free(nplot_colormap *cm) { nd_free_mem(cm); }
