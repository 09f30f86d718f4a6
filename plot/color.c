/* Colors by name (CSS4, single letters, tab:, C0..C9, hex, gray levels) and colormaps. */
#include "plot_model.h"

#include <ctype.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "tables.inc"

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

nd_status nplot__cmap_find(const char *name, cmap_ref *out, const char *who)
{
    if (!name) name = "viridis";
    size_t len = strlen(name);
    bool rev = len > 2 && strcmp(name + len - 2, "_r") == 0;
    size_t base_len = rev ? len - 2 : len;
    /* matplotlib's aliases */
    if (base_len == 4 && strncmp(name, "grey", 4) == 0) name = rev ? "gray_r" : "gray";
    for (size_t i = 0; i < sizeof cmap_table / sizeof *cmap_table; i++) {
        if (strlen(cmap_table[i].name) == base_len &&
            strncmp(cmap_table[i].name, name, base_len) == 0) {
            out->rgb = cmap_table[i].rgb;
            out->n = cmap_table[i].n;
            out->reversed = rev;
            return ND_OK;
        }
    }
    return nd_set_error(ND_EVALUE, "%s: '%s' is not a known colormap", who, name);
}

rgba nplot__cmap_at(const cmap_ref *cm, double v)
{
    if (isnan(v)) return (rgba){ 0, 0, 0, 0 };
    v = nplot__clampd(v, 0, 1);
    if (cm->reversed) v = 1 - v;
    /* matplotlib: index = floor(v * N), with v == 1 mapped to the last entry. */
    int i = (int)(v * cm->n);
    if (i >= cm->n) i = cm->n - 1;
    const unsigned char *c = cm->rgb[i];
    return (rgba){ c[0] / 255.0, c[1] / 255.0, c[2] / 255.0, 1.0 };
}

nd_status nplot_cmap_color(const char *name, double v, nplot_rgba *out)
{
    cmap_ref cm;
    nd_status st = nplot__cmap_find(name, &cm, "nplot_cmap_color");
    if (st) return st;
    if (out) *out = nplot__cmap_at(&cm, v);
    return ND_OK;
}
