/* Style sheets (an rcParams subset), line styles, format strings and dashes. */
#include "plot_model.h"

#include <math.h>
#include <pthread.h>
#include <string.h>
#include <strings.h>

#define HEX(v) { (((v) >> 16) & 255) / 255.0, (((v) >> 8) & 255) / 255.0, ((v) & 255) / 255.0, 1 }
#define GRAY(g) { (g), (g), (g), 1 }

/* matplotlib's default rcParams (2.0+ style). */
#define DEFAULT_FIELDS                                                                     \
    .fig_face = GRAY(1), .axes_face = GRAY(1), .axes_edge = GRAY(0), .text_color = GRAY(0), \
    .tick_color = GRAY(0), .label_color = GRAY(0), .grid_color = HEX(0xb0b0b0),             \
    .grid_alpha = 1, .grid_linewidth = 0.8, .grid_dash = LS_SOLID, .grid_on = false,        \
    .grid_behind = false, .axes_linewidth = 0.8, .spine_top = true, .spine_right = true,     \
    .spine_left = true, .spine_bottom = true, .font_size = 10, .title_size = 12,            \
    .label_size = 10, .tick_label_size = 10, .legend_size = 10, .title_weight = "normal",   \
    .major_size = 3.5, .major_width = 0.8, .minor_size = 2, .minor_width = 0.6,             \
    .tick_pad = 3.5, .tick_dir = 0, .linewidth = 1.5, .markersize = 6,                      \
    .cycle = { HEX(0x1f77b4), HEX(0xff7f0e), HEX(0x2ca02c), HEX(0xd62728), HEX(0x9467bd),   \
               HEX(0x8c564b), HEX(0xe377c2), HEX(0x7f7f7f), HEX(0xbcbd22), HEX(0x17becf) }, \
    .ncycle = 10, .patch_face = HEX(0x1f77b4), .legend_face = GRAY(1),                      \
    .legend_edge = GRAY(0.8), .legend_alpha = 0.8, .legend_frame = true,                    \
    .font_family = "DejaVu Sans"

static const nplot__style default_style = { .name = "default", DEFAULT_FIELDS };

#define C(v) (rgba) HEX(v)
#define G(g) (rgba) GRAY(g)
enum { N_STYLES = 6 };
static nplot__style styles[N_STYLES];
static pthread_once_t styles_once = PTHREAD_ONCE_INIT;

/* Each sheet starts from the defaults and changes what matplotlib's sheet changes. */
static void styles_init(void)
{
    for (int i = 0; i < N_STYLES; i++) styles[i] = default_style;
    nplot__style *s = &styles[1];
    s->name = "ggplot";
    s->axes_face = C(0xe5e5e5), s->axes_edge = G(1), s->axes_linewidth = 1;
    s->grid_on = true, s->grid_color = G(1), s->tick_color = C(0x555555);
    s->label_color = C(0x555555);
    const unsigned gg[] = { 0xe24a33, 0x348abd, 0x988ed5, 0x777777, 0xfbc15e, 0x8eba42, 0xffb5b8 };
    for (int i = 0; i < 7; i++) s->cycle[i] = C(gg[i]);
    s->ncycle = 7, s->patch_face = C(0x348abd);
    s->grid_behind = true; /* axes.axisbelow: True */

    s = &styles[2];
    s->name = "seaborn-whitegrid";
    s->axes_edge = G(0.8), s->axes_linewidth = 1.25, s->grid_on = true, s->grid_color = G(0.8);
    s->grid_linewidth = 1, s->text_color = G(0.15), s->tick_color = G(0.15);
    s->label_color = G(0.15), s->major_size = 0, s->minor_size = 0, s->linewidth = 1.75;
    s->legend_frame = false, s->grid_behind = true; /* axes.axisbelow: True */

    s = &styles[3];
    s->name = "dark_background";
    s->fig_face = G(0), s->axes_face = G(0), s->axes_edge = G(1), s->text_color = G(1);
    s->tick_color = G(1), s->label_color = G(1), s->grid_color = G(1);
    const unsigned dk[] = { 0x8dd3c7, 0xfeffb3, 0xbfbbd9, 0xfa8174, 0x81b1d2,
                            0xfdb462, 0xb3de69, 0xbc82bd, 0xccebc4, 0xffed6f };
    for (int i = 0; i < 10; i++) s->cycle[i] = C(dk[i]);
    s->patch_face = C(0x8dd3c7), s->legend_face = G(0), s->legend_edge = G(1);

    s = &styles[4];
    s->name = "bmh";
    s->axes_face = C(0xeeeeee), s->axes_edge = C(0xbcbcbc), s->grid_on = true;
    s->grid_color = C(0xb2b2b2), s->grid_dash = LS_DOTTED, s->grid_linewidth = 0.5;
    const unsigned bm[] = { 0x348abd, 0xa60628, 0x7a68a6, 0x467821, 0xd55e00,
                            0xcc79a7, 0x56b4e9, 0x009e73, 0xf0e442, 0x0072b2 };
    for (int i = 0; i < 10; i++) s->cycle[i] = C(bm[i]);
    s->patch_face = C(0x348abd);

    s = &styles[5];
    s->name = "grayscale";
    const double gs[] = { 0, 0.4, 0.6, 0.2, 0.8 };
    for (int i = 0; i < 5; i++) s->cycle[i] = G(gs[i]);
    s->ncycle = 5, s->patch_face = G(0.75), s->grid_color = G(0.75);
}

static const struct { const char *alias, *name; } style_aliases[] = {
    { "classic-default", "default" },
    { "seaborn-v0_8-whitegrid", "seaborn-whitegrid" },
    { "seaborn_whitegrid", "seaborn-whitegrid" },
    { "whitegrid", "seaborn-whitegrid" },
    { "dark", "dark_background" },
};

static _Thread_local const nplot__style *current_style;

const nplot__style *nplot__style_get(const char *name)
{
    pthread_once(&styles_once, styles_init);
    if (!name) return nplot__style_current();
    for (size_t i = 0; i < sizeof style_aliases / sizeof *style_aliases; i++)
        if (strcmp(name, style_aliases[i].alias) == 0) name = style_aliases[i].name;
    for (int i = 0; i < N_STYLES; i++)
        if (strcmp(name, styles[i].name) == 0) return &styles[i];
    return NULL;
}

const nplot__style *nplot__style_current(void)
{
    pthread_once(&styles_once, styles_init);
    return current_style ? current_style : &styles[0];
}

nd_status nplot_style_use(const char *name)
{
    const nplot__style *s = nplot__style_get(name ? name : "default");
    if (!s)
        return nd_set_error(ND_EVALUE, "nplot_style_use: unknown style '%s' (try 'default', "
                                    "'ggplot', 'seaborn-whitegrid', 'dark_background', "
                                    "'bmh', 'grayscale')", name);
    current_style = s;
    return ND_OK;
}

/* ---- line styles ------------------------------------------------------------------------- */
int nplot__linestyle_parse(const char *s)
{
    if (!s) return -1;
    static const struct { const char *name; int ls; } t[] = {
        { "-", LS_SOLID }, { "solid", LS_SOLID }, { "--", LS_DASHED }, { "dashed", LS_DASHED },
        { "-.", LS_DASHDOT }, { "dashdot", LS_DASHDOT }, { ":", LS_DOTTED },
        { "dotted", LS_DOTTED }, { "None", LS_NONE }, { "none", LS_NONE }, { " ", LS_NONE },
        { "", LS_NONE },
    };
    for (size_t i = 0; i < sizeof t / sizeof *t; i++)
        if (strcmp(s, t[i].name) == 0) return t[i].ls;
    return -1;
}

/* ---- format strings ------------------------------------------------------------------------ */
static const char marker_chars[] = ".,ov^<>1234sp*hH+xXDd|_P8";

nd_status nplot__parse_fmt(const char *fmt, const nplot__style *st, fmt_spec *out,
                           const char *who)
{
    *out = (fmt_spec){ false, { 0, 0, 0, 1 }, -1, -1 };
    if (!fmt || !*fmt) return ND_OK;
    /* The whole string may be a color ("red", "#ff8800", "tab:blue", "0.5"). */
    if (strlen(fmt) > 1 && nplot__color(fmt, st, &out->color, who) == ND_OK) {
        bool plain_number = fmt[0] >= '0' && fmt[0] <= '9' && strchr(fmt, '.') == NULL;
        if (!plain_number) {
            out->has_color = true;
            return ND_OK;
        }
    }
    nd_clear_error();
    const char *p = fmt;
    while (*p) {
        int ls = -1;
        size_t adv = 1;
        if (strncmp(p, "--", 2) == 0) ls = LS_DASHED, adv = 2;
        else if (strncmp(p, "-.", 2) == 0) ls = LS_DASHDOT, adv = 2;
        else if (*p == '-') ls = LS_SOLID;
        else if (*p == ':') ls = LS_DOTTED;
        if (ls >= 0) {
            if (out->linestyle >= 0)
                return nd_set_error(ND_EVALUE, "%s: illegal format string \"%s\"; two linestyle "
                                            "symbols", who, fmt);
            out->linestyle = ls;
            p += adv;
            continue;
        }
        if (*p == 'C' && p[1] >= '0' && p[1] <= '9') {
            if (out->has_color)
                return nd_set_error(ND_EVALUE, "%s: illegal format string \"%s\"; two color "
                                            "symbols", who, fmt);
            char cbuf[8] = { 'C', p[1], 0 };
            nplot__color(cbuf, st, &out->color, who);
            out->has_color = true;
            p += 2;
            continue;
        }
        if (strchr("bgrcmykw", *p)) {
            if (out->has_color)
                return nd_set_error(ND_EVALUE, "%s: illegal format string \"%s\"; two color "
                                            "symbols", who, fmt);
            char cbuf[2] = { *p, 0 };
            nplot__color(cbuf, st, &out->color, who);
            out->has_color = true;
            p++;
            continue;
        }
        if (strchr(marker_chars, *p)) {
            if (out->marker >= 0)
                return nd_set_error(ND_EVALUE, "%s: illegal format string \"%s\"; two marker "
                                            "symbols", who, fmt);
            char mbuf[2] = { *p, 0 };
            out->marker = nplot__marker_parse(mbuf);
            p++;
            continue;
        }
        return nd_set_error(ND_EVALUE, "%s: unrecognized character '%c' in format string \"%s\"",
                         who, *p, fmt);
    }
    if (out->marker >= 0 && out->marker != MK_NONE && out->linestyle < 0)
        out->linestyle = LS_NONE;
    return ND_OK;
}
