/* Line styles, format strings and dashes (style sheets and rcParams: rc.c). */
#include "plot_model.h"

#include <math.h>
#include <pthread.h>
#include <string.h>
#include <strings.h>

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
