/* matplotlib's Artist protocol on an Axes and a Figure (issue 20): properties by name
 * (set / update / getp / properties) and the unit converters, which read the same Python
 * literals (the other Artist calls: plot/artist_generic.c). Each property is one
 * row of a table (its name, a parser routing to the setter, a printer of the getter's value
 * as matplotlib's str() shows it); the rows are made by a macro per value type. */
#include "plot_model.h"

#include <ctype.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

enum { VAL_CAP = 1024 }; /* a printed value; a value to parse is copied into one too */

/* ---- printing values as Python's str() ------------------------------------------------------ */
/* repr(float): the shortest digits that read back, fixed notation for exponents in [-4, 16) */
static void fmt_float(char *out, size_t cap, double v)
{
    if (isnan(v)) {
        snprintf(out, cap, "nan");
        return;
    }
    if (isinf(v)) {
        snprintf(out, cap, v > 0 ? "inf" : "-inf");
        return;
    }
    int p = 1;
    char tmp[64];
    for (; p < 17; p++) {
        snprintf(tmp, sizeof tmp, "%.*e", p - 1, v);
        if (strtod(tmp, NULL) == v) break;
    }
    snprintf(tmp, sizeof tmp, "%.*e", p - 1, v); /* the exponent of the rounded digits */
    int e = atoi(strchr(tmp, 'e') + 1);
    if (e >= -4 && e < 16) {
        int dec = p - 1 - e;
        snprintf(out, cap, "%.*f", dec > 0 ? dec : 0, v);
        if (!strchr(out, '.') && strlen(out) + 3 <= cap) strcat(out, ".0");
    } else {
        snprintf(out, cap, "%s", tmp);
        char *m = strchr(out, 'e');
        if (m && p == 1) { /* "1e+16", not "1.e+16" */
            char *dot = strchr(out, '.');
            if (dot && dot < m) memmove(dot, m, strlen(m) + 1);
        }
    }
}

/* "(a, b, ...)" of n floats (open / close: the brackets) */
static void fmt_floats(char *out, const double *v, int n, const char *open, const char *sep,
                       const char *close)
{
    size_t len = (size_t)snprintf(out, VAL_CAP, "%s", open);
    for (int i = 0; i < n && len < VAL_CAP; i++) {
        char f[64];
        fmt_float(f, sizeof f, v[i]);
        len += (size_t)snprintf(out + len, VAL_CAP - len, "%s%s", i ? sep : "", f);
    }
    if (len < VAL_CAP) snprintf(out + len, VAL_CAP - len, "%s", close);
}

static void fmt_bool(char *out, bool b) { snprintf(out, VAL_CAP, "%s", b ? "True" : "False"); }

static void fmt_str(char *out, const char *s, const char *none)
{
    snprintf(out, VAL_CAP, "%s", s ? s : none);
}

static void fmt_bbox(char *out, const double b[4])
{
    char f[4][64];
    for (int i = 0; i < 4; i++) fmt_float(f[i], sizeof f[i], b[i]);
    snprintf(out, VAL_CAP, "Bbox(x0=%s, y0=%s, x1=%s, y1=%s)", f[0], f[1], f[2], f[3]);
}

/* ---- parsing Python literals ------------------------------------------------------------- */
/* v without surrounding blanks and one pair of matching quotes, into buf (VAL_CAP) */
static const char *unquote(const char *v, char *buf)
{
    while (isspace((unsigned char)*v)) v++;
    size_t n = strlen(v);
    while (n && isspace((unsigned char)v[n - 1])) n--;
    if (n >= 2 && (v[0] == '\'' || v[0] == '"') && v[n - 1] == v[0]) v++, n -= 2;
    if (n >= VAL_CAP) n = VAL_CAP - 1;
    memcpy(buf, v, n);
    buf[n] = 0;
    return buf;
}

static bool is_none(const char *v)
{
    char b[VAL_CAP];
    return strcmp(unquote(v, b), "None") == 0;
}

typedef struct pctx {
    nplot_figure *fig;
    const char *who, *name;
} pctx;

static nd_status bad_value(const pctx *c, const char *v, const char *want)
{
    return nplot__fail(c->fig, ND_EVALUE, "%s: '%s' wants %s, got '%s'", c->who, c->name, want, v);
}

static nd_status parse_bool(const pctx *c, const char *v, bool *b)
{
    char buf[VAL_CAP];
    const char *s = unquote(v, buf);
    if (!strcmp(s, "True") || !strcmp(s, "true") || !strcmp(s, "1")) *b = true;
    else if (!strcmp(s, "False") || !strcmp(s, "false") || !strcmp(s, "0")) *b = false;
    else return bad_value(c, v, "True or False");
    return ND_OK;
}

static bool to_double(const char *s, double *d)
{
    char *end;
    while (isspace((unsigned char)*s)) s++;
    if (!*s) return false;
    *d = strtod(s, &end);
    while (isspace((unsigned char)*end)) end++;
    return *end == 0;
}

/* a number; "None" gives none */
static nd_status parse_num(const pctx *c, const char *v, double *d, double none)
{
    if (is_none(v)) {
        *d = none;
        return ND_OK;
    }
    char buf[VAL_CAP];
    if (!to_double(unquote(v, buf), d)) return bad_value(c, v, "a number");
    return ND_OK;
}

/* "(a, b, ...)", "[a, b]" or "a, b": exactly n numbers (or, when nmin < n, at least nmin);
 * the count read into *got */
static nd_status parse_nums(const pctx *c, const char *v, double *d, int nmin, int n, int *got)
{
    char buf[VAL_CAP];
    char *s = (char *)unquote(v, buf);
    size_t len = strlen(s);
    if (len >= 2 && ((s[0] == '(' && s[len - 1] == ')') || (s[0] == '[' && s[len - 1] == ']'))) {
        s[len - 1] = 0;
        s++;
    }
    int k = 0;
    for (char *tok = s, *next; tok; tok = next) {
        next = strchr(tok, ',');
        if (next) *next++ = 0;
        if (!next && k >= nmin && !*tok) break; /* a trailing comma */
        if (k == n || !to_double(tok, &d[k])) k = n + 1;
        if (k > n) break;
        k++;
    }
    if (k < nmin || k > n) {
        char want[64];
        if (nmin == n) snprintf(want, sizeof want, "a tuple of %d numbers", n);
        else snprintf(want, sizeof want, "a tuple of %d to %d numbers", nmin, n);
        return bad_value(c, v, want);
    }
    if (got) *got = k;
    return ND_OK;
}

/* a colour name, or an RGB(A) tuple of floats in [0, 1]: "#rrggbbaa" for the setter's
 * checks and the exact values in *exact (exact->a < 0 for a name) */
static nd_status parse_color(const pctx *c, const char *v, char *buf, rgba *exact)
{
    char tmp[VAL_CAP];
    const char *s = unquote(v, tmp);
    exact->a = -1;
    if (s[0] != '(' && s[0] != '[') {
        memcpy(buf, s, strlen(s) + 1);
        return ND_OK;
    }
    double d[4] = { 0, 0, 0, 1 };
    int n;
    nd_status st = parse_nums(c, v, d, 3, 4, &n);
    if (st) return st;
    for (int i = 0; i < 4; i++)
        if (!(d[i] >= 0 && d[i] <= 1)) return bad_value(c, v, "RGB(A) values in 0-1");
    snprintf(buf, VAL_CAP, "#%02x%02x%02x%02x", (int)lround(d[0] * 255), (int)lround(d[1] * 255),
             (int)lround(d[2] * 255), (int)lround(d[3] * 255));
    *exact = (rgba){ d[0], d[1], d[2], d[3] };
    return ND_OK;
}

/* ---- the rows: one macro per value type ---------------------------------------------------- */
typedef struct ax_prop {
    const char *name;
    nd_status (*set)(nplot_axes *ax, const char *v, const pctx *c); /* NULL: read only */
    void (*get)(nplot_axes *ax, char *out);
} ax_prop;
typedef struct fig_prop {
    const char *name;
    nd_status (*set)(nplot_figure *fig, const char *v, const pctx *c);
    void (*get)(nplot_figure *fig, char *out);
} fig_prop;

#define P_BOOL(T, pre, id, setf, getf)                                            \
    static nd_status pre##set_##id(T *o, const char *v, const pctx *c)            \
    {                                                                             \
        bool b;                                                                   \
        nd_status st = parse_bool(c, v, &b);                                      \
        return st ? st : setf(o, b);                                              \
    }                                                                             \
    static void pre##get_##id(T *o, char *out) { fmt_bool(out, getf(o)); }
/* a number; none: what "None" means to the setter (NAN), shown as None by the getter */
#define P_NUM(T, pre, id, setf, getf, none)                                       \
    static nd_status pre##set_##id(T *o, const char *v, const pctx *c)            \
    {                                                                             \
        double d;                                                                 \
        nd_status st = parse_num(c, v, &d, none);                                 \
        return st ? st : setf(o, d);                                              \
    }                                                                             \
    static void pre##get_##id(T *o, char *out)                                    \
    {                                                                             \
        double d = getf(o);                                                       \
        if (isnan(d) && isnan(none)) fmt_str(out, NULL, "None");                  \
        else fmt_float(out, VAL_CAP, d);                                          \
    }
/* a string; none: how a NULL value prints ("None" or "") */
#define P_STR(T, pre, id, setf, getf, none)                                       \
    static nd_status pre##set_##id(T *o, const char *v, const pctx *c)            \
    {                                                                             \
        (void)c;                                                                  \
        char buf[VAL_CAP];                                                        \
        return setf(o, is_none(v) ? NULL : unquote(v, buf));                      \
    }                                                                             \
    static void pre##get_##id(T *o, char *out) { fmt_str(out, getf(o), none); }
#define P_PAIR(T, pre, id, setf, getf)                                            \
    static nd_status pre##set_##id(T *o, const char *v, const pctx *c)            \
    {                                                                             \
        double d[2];                                                              \
        nd_status st = parse_nums(c, v, d, 2, 2, NULL);                           \
        return st ? st : setf(o, d[0], d[1]);                                     \
    }                                                                             \
    static void pre##get_##id(T *o, char *out)                                    \
    {                                                                             \
        double d[2] = { NAN, NAN };                                               \
        getf(o, &d[0], &d[1]);                                                    \
        fmt_floats(out, d, 2, "(", ", ", ")");                                    \
    }
/* slot: where the setter keeps the colour (a tuple is stored exactly, not as 8-bit hex) */
#define P_COLOR(T, pre, id, setf, getf, slot)                                     \
    static nd_status pre##set_##id(T *o, const char *v, const pctx *c)            \
    {                                                                             \
        char buf[VAL_CAP];                                                        \
        rgba exact;                                                               \
        nd_status st = parse_color(c, v, buf, &exact);                            \
        if (!st) st = setf(o, buf);                                               \
        if (!st && exact.a >= 0) *(slot) = exact;                                 \
        return st;                                                                \
    }                                                                             \
    static void pre##get_##id(T *o, char *out)                                    \
    {                                                                             \
        double d[4] = { 0 };                                                      \
        getf(o, d);                                                               \
        fmt_floats(out, d, 4, "(", ", ", ")");                                    \
    }
#define P_CLIP(T, pre)                                                            \
    static nd_status pre##set_clip_box(T *o, const char *v, const pctx *c)        \
    {                                                                             \
        if (is_none(v)) return nplot_##pre##set_clip_box(o, NULL);               \
        double d[4];                                                              \
        nd_status st = parse_nums(c, v, d, 4, 4, NULL);                           \
        return st ? st : nplot_##pre##set_clip_box(o, d);                        \
    }                                                                             \
    static void pre##get_clip_box(T *o, char *out)                                \
    {                                                                             \
        double b[4];                                                              \
        if (nplot_##pre##get_clip_box(o, b)) fmt_bbox(out, b);                    \
        else fmt_str(out, NULL, "None");                                          \
    }                                                                             \
    static void pre##get_clip_path(T *o, char *out)                               \
    {                                                                             \
        size_t n = nplot_##pre##get_clip_path(o, NULL, 0);                        \
        if (n) snprintf(out, VAL_CAP, "Path(%zu vertices)", n);                   \
        else fmt_str(out, NULL, "None");                                          \
    }
#define P_FIGURE(T, pre, figof)                                                   \
    static void pre##get_figure(T *o, char *out)                                  \
    {                                                                             \
        const nplot_figure *f = figof;                                            \
        snprintf(out, VAL_CAP, "Figure(%.0fx%.0f)", f->width * f->dpi,           \
                 f->height * f->dpi);                                             \
    }

/* ---- Axes ------------------------------------------------------------------------------------ */
static nd_status ax_title_set(nplot_axes *ax, const char *s) { return nplot_set_title(ax, s); }
static nd_status ax_xlabel_set(nplot_axes *ax, const char *s) { return nplot_set_xlabel(ax, s); }
static nd_status ax_ylabel_set(nplot_axes *ax, const char *s) { return nplot_set_ylabel(ax, s); }
static nd_status ax_xscale_set(nplot_axes *ax, const char *s) { return nplot_set_xscale(ax, s); }
static nd_status ax_yscale_set(nplot_axes *ax, const char *s) { return nplot_set_yscale(ax, s); }
static const char *ax_title_get(nplot_axes *ax) { return nplot_axes_get_title(ax, NULL); }
static double ax_box_aspect_val(nplot_axes *ax)
{
    double a = nplot_axes_get_box_aspect(ax);
    return a > 0 ? a : NAN;
}
static nd_status ax_box_aspect_set(nplot_axes *ax, double a) { return nplot_axes_set_box_aspect(ax, isnan(a) ? 0 : a); }

P_STR(nplot_axes, ax_, adjustable, nplot_axes_set_adjustable, nplot_axes_get_adjustable, "None")
P_NUM(nplot_axes, ax_, alpha, nplot_axes_set_alpha, nplot_axes_get_alpha, NAN)
P_BOOL(nplot_axes, ax_, autoscale_on, nplot_axes_set_autoscale_on, nplot_axes_get_autoscale_on)
P_BOOL(nplot_axes, ax_, autoscalex_on, nplot_axes_set_autoscalex_on, nplot_axes_get_autoscalex_on)
P_BOOL(nplot_axes, ax_, autoscaley_on, nplot_axes_set_autoscaley_on, nplot_axes_get_autoscaley_on)
P_NUM(nplot_axes, ax_, box_aspect, ax_box_aspect_set, ax_box_aspect_val, NAN)
P_BOOL(nplot_axes, ax_, clip_on, nplot_axes_set_clip_on, nplot_axes_get_clip_on)
P_COLOR(nplot_axes, ax_, facecolor, nplot_set_facecolor, nplot_axes_get_facecolor, &o->face)
P_BOOL(nplot_axes, ax_, frame_on, nplot_axes_set_frame_on, nplot_axes_get_frame_on)
P_STR(nplot_axes, ax_, gid, nplot_axes_set_gid, nplot_axes_get_gid, "None")
P_BOOL(nplot_axes, ax_, in_layout, nplot_axes_set_in_layout, nplot_axes_get_in_layout)
P_STR(nplot_axes, ax_, label, nplot_axes_set_label, nplot_axes_get_label, "")
P_NUM(nplot_axes, ax_, rasterization_zorder, nplot_axes_set_rasterization_zorder,
      nplot_axes_get_rasterization_zorder, NAN)
P_BOOL(nplot_axes, ax_, rasterized, nplot_axes_set_rasterized, nplot_axes_get_rasterized)
P_STR(nplot_axes, ax_, title, ax_title_set, ax_title_get, "")
P_STR(nplot_axes, ax_, url, nplot_axes_set_url, nplot_axes_get_url, "None")
P_BOOL(nplot_axes, ax_, visible, nplot_axes_set_visible, nplot_axes_get_visible)
P_PAIR(nplot_axes, ax_, xbound, nplot_axes_set_xbound, nplot_axes_get_xbound)
P_STR(nplot_axes, ax_, xlabel, ax_xlabel_set, nplot_axes_get_xlabel, "")
P_PAIR(nplot_axes, ax_, xlim, nplot_set_xlim, nplot_get_xlim)
P_STR(nplot_axes, ax_, xscale, ax_xscale_set, nplot_axes_get_xscale, "")
P_PAIR(nplot_axes, ax_, ybound, nplot_axes_set_ybound, nplot_axes_get_ybound)
P_STR(nplot_axes, ax_, ylabel, ax_ylabel_set, nplot_axes_get_ylabel, "")
P_PAIR(nplot_axes, ax_, ylim, nplot_set_ylim, nplot_get_ylim)
P_STR(nplot_axes, ax_, yscale, ax_yscale_set, nplot_axes_get_yscale, "")
P_NUM(nplot_axes, ax_, zorder, nplot_axes_set_zorder, nplot_axes_get_zorder, 0.0)
P_CLIP(nplot_axes, axes_)
P_FIGURE(nplot_axes, ax_, o->fig)
static nd_status ax_set_anchor(nplot_axes *ax, const char *v, const pctx *c)
{
    char buf[VAL_CAP];
    const char *s = unquote(v, buf);
    if (s[0] != '(' && s[0] != '[') return nplot_axes_set_anchor(ax, s);
    double d[2];
    nd_status st = parse_nums(c, v, d, 2, 2, NULL);
    return st ? st : nplot_axes_set_anchor_xy(ax, d[0], d[1]);
}
static void ax_get_anchor(nplot_axes *ax, char *out)
{
    double f[2];
    const char *code = nplot_axes_get_anchor(ax, &f[0], &f[1]);
    if (code && code[0]) fmt_str(out, code, "");
    else fmt_floats(out, f, 2, "(", ", ", ")");
}
static nd_status ax_set_aspect(nplot_axes *ax, const char *v, const pctx *c)
{
    char buf[VAL_CAP];
    const char *s = unquote(v, buf);
    if (!strcmp(s, "auto")) return nplot_set_aspect(ax, 0);
    if (!strcmp(s, "equal")) return nplot_set_aspect(ax, 1);
    double d;
    if (!to_double(s, &d) || !(d > 0) || !isfinite(d))
        return bad_value(c, v, "'auto', 'equal' or a positive number");
    return nplot_set_aspect(ax, d);
}
static void ax_get_aspect(nplot_axes *ax, char *out)
{
    double a = nplot_axes_get_aspect(ax);
    if (a == 0) fmt_str(out, "auto", "");
    else fmt_float(out, VAL_CAP, a < 0 ? 1.0 : a); /* axis('square'): 'equal' */
}
static nd_status ax_set_axisbelow(nplot_axes *ax, const char *v, const pctx *c)
{
    char buf[VAL_CAP];
    if (!strcmp(unquote(v, buf), "line")) return nplot_set_axisbelow(ax, NPLOT_AXISBELOW_LINE);
    bool b;
    nd_status st = parse_bool(c, v, &b);
    return st ? st : nplot_set_axisbelow(ax, b ? NPLOT_ON : NPLOT_OFF);
}
static void ax_get_axisbelow(nplot_axes *ax, char *out)
{
    int b = nplot_axes_get_axisbelow(ax);
    fmt_str(out, b == NPLOT_AXISBELOW_LINE ? "line" : b == NPLOT_ON ? "True" : "False", "");
}
static void ax_get_axes_locator(nplot_axes *ax, char *out)
{
    fmt_str(out, ax->pr.locator ? "<C function>" : NULL, "None");
}
static void ax_get_data_ratio(nplot_axes *ax, char *out)
{
    fmt_float(out, VAL_CAP, nplot_axes_get_data_ratio(ax));
}
static nd_status ax_set_position(nplot_axes *ax, const char *v, const pctx *c)
{
    double d[4];
    nd_status st = parse_nums(c, v, d, 4, 4, NULL);
    return st ? st : nplot_axes_set_position(ax, d, NULL);
}
static void ax_get_position(nplot_axes *ax, char *out)
{
    double b[4];
    if (nplot_axes_get_active_position(ax, b) != ND_OK) {
        fmt_str(out, NULL, "None");
        return;
    }
    b[2] += b[0], b[3] += b[1];
    fmt_bbox(out, b);
}
/* snap: None, True or False as 0, 1, -1 */
static nd_status parse_snap(const pctx *c, const char *v, int *tri)
{
    bool b = false;
    nd_status st = is_none(v) ? ND_OK : parse_bool(c, v, &b);
    *tri = is_none(v) ? 0 : b ? 1 : -1;
    return st;
}
static void fmt_snap(char *out, int tri) { fmt_str(out, tri > 0 ? "True" : tri < 0 ? "False" : NULL, "None"); }
static nd_status ax_set_snap(nplot_axes *ax, const char *v, const pctx *c)
{
    int t;
    nd_status st = parse_snap(c, v, &t);
    return st ? st : nplot_axes_set_snap(ax, t > 0 ? NPLOT_ON : t < 0 ? NPLOT_OFF : NPLOT_DEFAULT);
}
static void ax_get_snap(nplot_axes *ax, char *out)
{
    int s = nplot_axes_get_snap(ax);
    fmt_snap(out, s == NPLOT_ON ? 1 : s == NPLOT_OFF ? -1 : 0);
}

#define RW(pre, id) { #id, pre##set_##id, pre##get_##id }
#define RO(pre, id) { #id, NULL, pre##get_##id }
static const ax_prop AX_PROPS[] = { /* sorted by name: properties() lists them in this order */
    RW(ax_, adjustable), RW(ax_, alpha), RW(ax_, anchor), RW(ax_, aspect),
    RW(ax_, autoscale_on), RW(ax_, autoscalex_on), RW(ax_, autoscaley_on),
    RO(ax_, axes_locator), RW(ax_, axisbelow), RW(ax_, box_aspect),
    { "clip_box", axes_set_clip_box, axes_get_clip_box }, RW(ax_, clip_on),
    { "clip_path", NULL, axes_get_clip_path }, RO(ax_, data_ratio), RW(ax_, facecolor),
    RO(ax_, figure), RW(ax_, frame_on), RW(ax_, gid), RW(ax_, in_layout), RW(ax_, label),
    RW(ax_, position), RW(ax_, rasterization_zorder), RW(ax_, rasterized), RW(ax_, snap),
    RW(ax_, title), RW(ax_, url), RW(ax_, visible), RW(ax_, xbound), RW(ax_, xlabel),
    RW(ax_, xlim), RW(ax_, xscale), RW(ax_, ybound), RW(ax_, ylabel), RW(ax_, ylim),
    RW(ax_, yscale), RW(ax_, zorder),
};

/* ---- Figure ------------------------------------------------------------------------------ */
static nd_status fig_size_set(nplot_figure *f, double w, double h) { return nplot_figure_set_size_inches(f, w, h); }
static double fig_zorder_val(nplot_figure *f) { return nplot_figure_get_zorder(f); }
static double fig_alpha_val(nplot_figure *f) { return nplot_figure_get_alpha(f); }

P_NUM(nplot_figure, fig_, alpha, nplot_figure_set_alpha, fig_alpha_val, NAN)
P_BOOL(nplot_figure, fig_, clip_on, nplot_figure_set_clip_on, nplot_figure_get_clip_on)
P_BOOL(nplot_figure, fig_, constrained_layout, nplot_figure_set_constrained_layout,
       nplot_figure_get_constrained_layout)
P_NUM(nplot_figure, fig_, dpi, nplot_figure_set_dpi, nplot_figure_get_dpi, 0.0)
P_COLOR(nplot_figure, fig_, edgecolor, nplot_figure_set_edgecolor, nplot_figure_get_edgecolor,
        &o->edge)
P_COLOR(nplot_figure, fig_, facecolor, nplot_figure_set_facecolor, nplot_figure_get_facecolor,
        &o->face)
P_NUM(nplot_figure, fig_, figheight, nplot_figure_set_figheight, nplot_figure_get_figheight, 0.0)
P_NUM(nplot_figure, fig_, figwidth, nplot_figure_set_figwidth, nplot_figure_get_figwidth, 0.0)
P_BOOL(nplot_figure, fig_, frameon, nplot_figure_set_frameon, nplot_figure_get_frameon)
P_STR(nplot_figure, fig_, gid, nplot_figure_set_gid, nplot_figure_get_gid, "None")
P_BOOL(nplot_figure, fig_, in_layout, nplot_figure_set_in_layout, nplot_figure_get_in_layout)
P_STR(nplot_figure, fig_, label, nplot_figure_set_label, nplot_figure_get_label, "")
P_NUM(nplot_figure, fig_, linewidth, nplot_figure_set_linewidth, nplot_figure_get_linewidth, 0.0)
P_BOOL(nplot_figure, fig_, rasterized, nplot_figure_set_rasterized, nplot_figure_get_rasterized)
P_BOOL(nplot_figure, fig_, tight_layout, nplot_figure_set_tight_layout, nplot_figure_get_tight_layout)
P_STR(nplot_figure, fig_, url, nplot_figure_set_url, nplot_figure_get_url, "None")
P_BOOL(nplot_figure, fig_, visible, nplot_figure_set_visible, nplot_figure_get_visible)
P_NUM(nplot_figure, fig_, zorder, nplot_figure_set_zorder, fig_zorder_val, 0.0)
P_CLIP(nplot_figure, figure_)
P_FIGURE(nplot_figure, fig_, o)
static nd_status fig_set_layout_engine(nplot_figure *f, const char *v, const pctx *c)
{
    (void)c;
    char buf[VAL_CAP];
    return nplot_figure_set_layout_engine(f, is_none(v) ? NULL : unquote(v, buf));
}
static void fig_get_layout_engine(nplot_figure *f, char *out)
{
    const char *e = nplot_figure_get_layout_engine(f);
    fmt_str(out, e && strcmp(e, "none") ? e : NULL, "None");
}
static void fig_get_constrained_layout_pads(nplot_figure *f, char *out)
{
    double p[4];
    if (!nplot_figure_get_constrained_layout(f) || nplot_figure_get_constrained_layout_pads(f, p))
        fmt_str(out, "(None, None, None, None)", "");
    else fmt_floats(out, p, 4, "(", ", ", ")");
}
static nd_status fig_set_size_inches(nplot_figure *f, const char *v, const pctx *c)
{
    double d[2];
    nd_status st = parse_nums(c, v, d, 2, 2, NULL);
    return st ? st : fig_size_set(f, d[0], d[1]);
}
static void fig_get_size_inches(nplot_figure *f, char *out) /* numpy's str of a float array */
{
    double d[2] = { NAN, NAN };
    nplot_figure_get_size_inches(f, d);
    fmt_floats(out, d, 2, "[", " ", "]");
}
static nd_status fig_set_snap(nplot_figure *f, const char *v, const pctx *c)
{
    int t;
    nd_status st = parse_snap(c, v, &t);
    return st ? st
              : nplot_figure_set_snap(f, t > 0 ? NPLOT_SNAP_TRUE : t < 0 ? NPLOT_SNAP_FALSE : NPLOT_SNAP_AUTO);
}
static void fig_get_snap(nplot_figure *f, char *out)
{
    nplot_snap s = nplot_figure_get_snap(f);
    fmt_snap(out, s == NPLOT_SNAP_TRUE ? 1 : s == NPLOT_SNAP_FALSE ? -1 : 0);
}

static const fig_prop FIG_PROPS[] = { /* sorted by name */
    RW(fig_, alpha), { "clip_box", figure_set_clip_box, figure_get_clip_box }, RW(fig_, clip_on),
    { "clip_path", NULL, figure_get_clip_path }, RW(fig_, constrained_layout),
    RO(fig_, constrained_layout_pads), RW(fig_, dpi), RW(fig_, edgecolor), RW(fig_, facecolor),
    RW(fig_, figheight), RO(fig_, figure), RW(fig_, figwidth), RW(fig_, frameon), RW(fig_, gid),
    RW(fig_, in_layout), RW(fig_, label), RW(fig_, layout_engine), RW(fig_, linewidth),
    RW(fig_, rasterized), RW(fig_, size_inches), RW(fig_, snap), RW(fig_, tight_layout),
    RW(fig_, url), RW(fig_, visible), RW(fig_, zorder),
};
#undef RW
#undef RO

/* ---- lookup, with matplotlib's aliases and close matches for a typo ------------------------ */
static const char *const ALIASES[][2] = { { "fc", "facecolor" }, { "ec", "edgecolor" },
                                          { "lw", "linewidth" } };

static const char *dealias(const char *name)
{
    for (size_t i = 0; i < sizeof ALIASES / sizeof *ALIASES; i++)
        if (!strcmp(name, ALIASES[i][0])) return ALIASES[i][1];
    return name;
}

/* " (did you mean 'a', 'b'?)": the (up to 3) names closest to a typo, or "" */
static void close_matches(const char *name, const char *const *names, size_t n, char hint[256])
{
    size_t len = 0, found = 0, lim = strlen(name) / 3 + 1;
    hint[0] = 0;
    for (size_t d = 0; d <= lim && found < 3; d++)
        for (size_t i = 0; i < n && found < 3 && len < 200; i++)
            if (nplot__edit_distance(name, names[i]) == d) {
                len += (size_t)snprintf(hint + len, 256 - len, "%s'%s'",
                                        found ? ", " : " (did you mean ", names[i]);
                found++;
            }
    if (found) snprintf(hint + len, 256 - len, "?)");
}

static const ax_prop *ax_find(const char *name)
{
    name = dealias(name);
    for (size_t i = 0; i < sizeof AX_PROPS / sizeof *AX_PROPS; i++)
        if (!strcmp(AX_PROPS[i].name, name)) return &AX_PROPS[i];
    return NULL;
}

static const fig_prop *fig_find(const char *name)
{
    name = dealias(name);
    for (size_t i = 0; i < sizeof FIG_PROPS / sizeof *FIG_PROPS; i++)
        if (!strcmp(FIG_PROPS[i].name, name)) return &FIG_PROPS[i];
    return NULL;
}

enum { PROP_ROWS_MAX = 64 };
_Static_assert(sizeof AX_PROPS / sizeof *AX_PROPS <= PROP_ROWS_MAX, "AX_PROPS: raise PROP_ROWS_MAX");
_Static_assert(sizeof FIG_PROPS / sizeof *FIG_PROPS <= PROP_ROWS_MAX, "FIG_PROPS: raise PROP_ROWS_MAX");

/* an unknown name: a setter fails the figure (matplotlib's AttributeError from set()), a
 * getter only sets the error (getp's AttributeError). rows: n property rows of `stride`
 * bytes, each starting with its name (ax_prop, fig_prop). */
static nd_status unknown_prop(nplot_figure *fig, const char *cls, const void *rows, size_t n,
                              size_t stride, const char *who, const char *name, bool set)
{
    const char *names[PROP_ROWS_MAX];
    char hint[256];
    for (size_t i = 0; i < n; i++)
        names[i] = *(const char *const *)(const void *)((const char *)rows + i * stride);
    close_matches(name, names, n, hint);
    if (!set) return nd_set_error(ND_EVALUE, "%s: %s has no property '%s'%s", who, cls, name, hint);
    return nplot__fail(fig, ND_EVALUE, "%s: %s.set() got an unexpected keyword argument "
                       "'%s'%s", who, cls, name, hint);
}

static nd_status ax_unknown(nplot_axes *ax, const char *who, const char *name, bool set)
{
    return unknown_prop(ax->fig, "Axes", AX_PROPS, sizeof AX_PROPS / sizeof *AX_PROPS,
                        sizeof *AX_PROPS, who, name, set);
}

static nd_status fig_unknown(nplot_figure *fig, const char *who, const char *name, bool set)
{
    return unknown_prop(fig, "Figure", FIG_PROPS, sizeof FIG_PROPS / sizeof *FIG_PROPS,
                        sizeof *FIG_PROPS, who, name, set);
}

static nd_status read_only(nplot_figure *fig, const char *who, const char *name)
{
    return nplot__fail(fig, ND_EVALUE, "%s: '%s' is read only (it has a getter, no setter)", who,
                       name);
}

/* ---- set / update / getp / properties ------------------------------------------------------ */
nd_status nplot_axes_set_prop(nplot_axes *ax, const char *name, const char *value)
{
    static const char *who = "nplot_axes_set_prop";
    CHECK_AX(ax, who);
    if (!name || !value) return nplot__fail(ax->fig, ND_EVALUE, "%s: name or value is NULL", who);
    const ax_prop *p = ax_find(name);
    if (!p) return ax_unknown(ax, who, name, true);
    if (!p->set) return read_only(ax->fig, who, name);
    pctx c = { ax->fig, who, p->name };
    return p->set(ax, value, &c);
}

nd_status nplot_figure_set_prop(nplot_figure *fig, const char *name, const char *value)
{
    static const char *who = "nplot_figure_set_prop";
    if (!fig) return nd_set_error(ND_EVALUE, "%s: figure is NULL", who);
    nd_status st = nplot__check(fig);
    if (st) return st;
    if (!name || !value) return nplot__fail(fig, ND_EVALUE, "%s: name or value is NULL", who);
    const fig_prop *p = fig_find(name);
    if (!p) return fig_unknown(fig, who, name, true);
    if (!p->set) return read_only(fig, who, name);
    pctx c = { fig, who, p->name };
    return p->set(fig, value, &c);
}

/* Splits "a=1, b=(1, 2), c='x, y'" at its top-level commas and sets each pair through
 * set_one (the axes' or the figure's). */
static nd_status set_pairs(nplot_figure *fig, void *obj, const char *props, const char *who,
                           nd_status (*set_one)(void *obj, const char *name, const char *value))
{
    if (!props) return nplot__fail(fig, ND_EVALUE, "%s: props is NULL", who);
    const char *s = props;
    while (*s) {
        while (isspace((unsigned char)*s) || *s == ',') s++;
        if (!*s) break;
        const char *start = s;
        int depth = 0;
        char quote = 0;
        for (; *s; s++) {
            if (quote) {
                if (*s == quote) quote = 0;
            } else if (*s == '\'' || *s == '"') quote = *s;
            else if (*s == '(' || *s == '[') depth++;
            else if (*s == ')' || *s == ']') depth--;
            else if (*s == ',' && depth == 0) break;
        }
        size_t n = (size_t)(s - start);
        char item[VAL_CAP];
        if (n >= VAL_CAP) return nplot__fail(fig, ND_EVALUE, "%s: a value longer than %d bytes", who, VAL_CAP - 1);
        memcpy(item, start, n);
        item[n] = 0;
        char *eq = strchr(item, '=');
        if (!eq) return nplot__fail(fig, ND_EVALUE, "%s: '%s' is not name=value", who, item);
        *eq = 0;
        char name[VAL_CAP];
        unquote(item, name);
        nd_status st = set_one(obj, name, eq + 1);
        if (st) return st;
    }
    return ND_OK;
}

static nd_status ax_set_one(void *o, const char *n, const char *v) { return nplot_axes_set_prop(o, n, v); }
static nd_status fig_set_one(void *o, const char *n, const char *v) { return nplot_figure_set_prop(o, n, v); }

nd_status nplot_axes_set(nplot_axes *ax, const char *props)
{
    CHECK_AX(ax, "nplot_axes_set");
    return set_pairs(ax->fig, ax, props, "nplot_axes_set", ax_set_one);
}

nd_status nplot_figure_set(nplot_figure *fig, const char *props)
{
    if (!fig) return nd_set_error(ND_EVALUE, "nplot_figure_set: figure is NULL");
    nd_status st = nplot__check(fig);
    return st ? st : set_pairs(fig, fig, props, "nplot_figure_set", fig_set_one);
}

static nd_status update(nplot_figure *fig, void *obj, const char *const *names,
                        const char *const *values, int n, const char *who,
                        nd_status (*set_one)(void *obj, const char *name, const char *value))
{
    if (n < 0 || (n > 0 && (!names || !values)))
        return nplot__fail(fig, ND_EVALUE, "%s: %d properties with NULL names or values", who, n);
    for (int i = 0; i < n; i++) {
        nd_status st = set_one(obj, names[i], values[i]);
        if (st) return st;
    }
    return ND_OK;
}

nd_status nplot_axes_update(nplot_axes *ax, const char *const *names, const char *const *values,
                            int n)
{
    CHECK_AX(ax, "nplot_axes_update");
    return update(ax->fig, ax, names, values, n, "nplot_axes_update", ax_set_one);
}

nd_status nplot_figure_update(nplot_figure *fig, const char *const *names,
                              const char *const *values, int n)
{
    if (!fig) return nd_set_error(ND_EVALUE, "nplot_figure_update: figure is NULL");
    nd_status st = nplot__check(fig);
    return st ? st : update(fig, fig, names, values, n, "nplot_figure_update", fig_set_one);
}

static ptrdiff_t put(char *buf, size_t cap, const char *s)
{
    size_t n = strlen(s);
    if (buf && cap) {
        size_t k = n < cap - 1 ? n : cap - 1;
        memcpy(buf, s, k);
        buf[k] = 0;
    }
    return (ptrdiff_t)n;
}

ptrdiff_t nplot_axes_get_prop(nplot_axes *ax, const char *name, char *buf, size_t cap)
{
    static const char *who = "nplot_axes_get_prop";
    CHECK_AX(ax, who);
    if (!name) return nplot__fail(ax->fig, ND_EVALUE, "%s: name is NULL", who);
    const ax_prop *p = ax_find(name);
    if (!p) return ax_unknown(ax, who, name, false);
    char v[VAL_CAP];
    p->get(ax, v);
    return put(buf, cap, v);
}

ptrdiff_t nplot_figure_get_prop(nplot_figure *fig, const char *name, char *buf, size_t cap)
{
    static const char *who = "nplot_figure_get_prop";
    if (!fig) return nd_set_error(ND_EVALUE, "%s: figure is NULL", who);
    nd_status st = nplot__check(fig);
    if (st) return st;
    if (!name) return nplot__fail(fig, ND_EVALUE, "%s: name is NULL", who);
    const fig_prop *p = fig_find(name);
    if (!p) return fig_unknown(fig, who, name, false);
    char v[VAL_CAP];
    p->get(fig, v);
    return put(buf, cap, v);
}

/* "name = value" lines of a table (T: ax_prop / fig_prop), sorted as the table is */
#define PROPERTIES(TABLE, obj, buf, cap)                                              \
    do {                                                                              \
        size_t len = 0;                                                               \
        if (buf && cap) buf[0] = 0;                                                   \
        for (size_t i = 0; i < sizeof TABLE / sizeof *TABLE; i++) {                   \
            char v[VAL_CAP], line[VAL_CAP + 64];                                      \
            TABLE[i].get(obj, v);                                                     \
            int k = snprintf(line, sizeof line, "%s = %s\n", TABLE[i].name, v);       \
            if (buf && len + 1 < cap) put(buf + len, cap - len, line);               \
            len += (size_t)k;                                                         \
        }                                                                             \
        return (ptrdiff_t)len;                                                        \
    } while (0)

ptrdiff_t nplot_axes_properties(nplot_axes *ax, char *buf, size_t cap)
{
    CHECK_AX(ax, "nplot_axes_properties");
    PROPERTIES(AX_PROPS, ax, buf, cap);
}

ptrdiff_t nplot_figure_properties(nplot_figure *fig, char *buf, size_t cap)
{
    if (!fig) return nd_set_error(ND_EVALUE, "nplot_figure_properties: figure is NULL");
    nd_status st = nplot__check(fig);
    if (st) return st;
    PROPERTIES(FIG_PROPS, fig, buf, cap);
}

/* ---- units ------------------------------------------------------------------------------------- */
bool nplot_axes_have_units(nplot_axes *ax)
{
    if (!ax) return nd_set_error(ND_EVALUE, "nplot_axes_have_units: axes is NULL"), false;
    return ax->xa.ncats > 0 || ax->ya.ncats > 0 || ax->xa.date || ax->ya.date;
}

/* axis 0, 1, 2: x, y, z (z only on 3-D axes, which have no z categories) */
static nd_status convert_units(nplot_axes *ax, int axis, const char *value, double *out,
                               const char *who)
{
    if (axis == 2) CHECK_3D(ax, who);
    else CHECK_AX(ax, who);
    if (!value || !out) return nplot__fail(ax->fig, ND_EVALUE, "%s: value or out is NULL", who);
    const axis_state *a = axis == 0 ? &ax->xa : axis == 1 ? &ax->ya : &ax->za;
    bool x = axis == 0;
    char buf[VAL_CAP];
    const char *s = unquote(value, buf);
    if (a->ncats > 0) { /* StrCategoryConverter: a new string becomes the next category */
        double v = nplot__category(ax, x, s, who);
        if (v < 0) return (nd_status)v;
        *out = v;
        return ND_OK;
    }
    if (to_double(s, out)) return ND_OK;
    if (a->date) {
        nd_status st = nplot_datestr2num(s, out);
        return st ? nplot__fail(ax->fig, st, "%s: %s", who, nd_errmsg()) : ND_OK;
    }
    return nd_set_error(ND_EVALUE, "%s: Failed to convert value(s) to axis units: '%s' (the %c "
                        "axis has no categories or dates)", who, s, "xyz"[axis]);
}

nd_status nplot_axes_convert_xunits(nplot_axes *ax, const char *value, double *out)
{
    return convert_units(ax, 0, value, out, "nplot_axes_convert_xunits");
}

nd_status nplot_axes_convert_yunits(nplot_axes *ax, const char *value, double *out)
{
    return convert_units(ax, 1, value, out, "nplot_axes_convert_yunits");
}

nd_status nplot_axes_convert_zunits(nplot_axes *ax, const char *value, double *out)
{
    return convert_units(ax, 2, value, out, "nplot_axes_convert_zunits");
}
