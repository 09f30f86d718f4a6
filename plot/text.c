/* Text through pango: layout, a mathtext subset, alignment and rotation.
 *
 * Fonts come from fontconfig, so glyphs missing in DejaVu Sans (CJK) fall back to any
 * installed font. Hinting is off and glyph positions are not rounded, so text scales
 * linearly with dpi and looks like matplotlib's Agg output. */
#include "plot_render.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* ---- mathtext -------------------------------------------------------------------------------- */
typedef struct sbuf {
    char *p;
    size_t len, cap;
    bool oom;
    bool too_deep;    /* groups nested past MATH_MAX_DEPTH */
    const char *text; /* the math being parsed (binary operators look back in it) */
    char unknown[40]; /* the first \command mathtext does not know */
} sbuf;

/* Deepest {group} / ^ / _ / \command nesting the parser follows: TeX itself has no
 * practical limit, but a label 200,000 braces deep must not overflow the stack. */
enum { MATH_MAX_DEPTH = 100 };

static void sb_putn(sbuf *b, const char *s, size_t n)
{
    if (b->oom) return;
    if (b->len + n + 1 > b->cap) {
        char *q = nplot__grow(b->p, &b->cap, b->len, b->len + n + 1, 1, "nplot mathtext");
        if (!q) {
            b->oom = true;
            return;
        }
        b->p = q;
    }
    memcpy(b->p + b->len, s, n);
    b->len += n;
    b->p[b->len] = '\0';
}

static void sb_puts(sbuf *b, const char *s) { sb_putn(b, s, strlen(s)); }

static void sb_escaped(sbuf *b, const char *s, size_t n)
{
    for (size_t i = 0; i < n; i++) {
        switch (s[i]) {
        case '<': sb_puts(b, "&lt;"); break;
        case '>': sb_puts(b, "&gt;"); break;
        case '&': sb_puts(b, "&amp;"); break;
        case '\'': sb_puts(b, "&apos;"); break;
        case '"': sb_puts(b, "&quot;"); break;
        default: sb_putn(b, s + i, 1);
        }
    }
}

/* Every \symbol of matplotlib's mathtext (scripts/gen_mathtext_symbols.py) with its spacing
 * class: binary operators and relations get 0.2 em on each side, punctuation after. */
typedef enum { MT_ORD, MT_BIN, MT_REL, MT_PUNCT } mt_class;
typedef struct mt_symbol {
    const char *name, *utf8;
    mt_class cls;
} mt_symbol;
static const mt_symbol mt_symbols[] = {
#include "mathtext_symbols.inc"
};

static int mt_cmp(const void *key, const void *elem)
{
    return strcmp(key, ((const mt_symbol *)elem)->name);
}

static const mt_symbol *mt_find(const char *cmd)
{
    return bsearch(cmd, mt_symbols, sizeof mt_symbols / sizeof *mt_symbols, sizeof *mt_symbols,
                   mt_cmp);
}

/* Commands that are not glyphs: mathtext's spaces (matplotlib's _space_widths in em, as the
 * nearest Unicode space) and its function names, set upright. */
static const struct { const char *cmd, *utf8; } tex_words[] = {
    { ",", "\u2009" }, { "/", "\u2009" }, { "thinspace", "\u2009" }, { ":", "\u2005" },
    { ">", "\u2005" }, { ";", "\u2005" }, { " ", "\u2004" }, { "enspace", "\u2002" },
    { "quad", "\u2003" }, { "qquad", "\u2003\u2003" }, { "!", "" },
    { "arccos", "arccos" }, { "arcsin", "arcsin" }, { "arctan", "arctan" }, { "arg", "arg" },
    { "cos", "cos" }, { "cosh", "cosh" }, { "cot", "cot" }, { "coth", "coth" }, { "csc", "csc" },
    { "deg", "deg" }, { "det", "det" }, { "dim", "dim" }, { "exp", "exp" }, { "gcd", "gcd" },
    { "hom", "hom" }, { "inf", "inf" }, { "ker", "ker" }, { "lg", "lg" }, { "lim", "lim" },
    { "liminf", "liminf" }, { "limsup", "limsup" }, { "ln", "ln" }, { "log", "log" },
    { "max", "max" }, { "min", "min" }, { "Pr", "Pr" }, { "sec", "sec" }, { "sin", "sin" },
    { "sinh", "sinh" }, { "sup", "sup" }, { "tan", "tan" }, { "tanh", "tanh" },
};

/* matplotlib's accents: the combining mark put after the accented atom. */
static const struct { const char *cmd, *mark; } tex_accents[] = {
    { "hat", "\u0302" }, { "widehat", "\u0302" }, { "breve", "\u0306" }, { "bar", "\u0304" },
    { "widebar", "\u0305" }, { "grave", "\u0300" }, { "acute", "\u0301" }, { "tilde", "\u0303" },
    { "widetilde", "\u0303" }, { "dot", "\u0307" }, { "ddot", "\u0308" }, { "dddot", "\u20db" },
    { "ddddot", "\u20dc" }, { "vec", "\u20d7" }, { "\"", "\u0308" }, { "`", "\u0300" },
    { "'", "\u0301" }, { "~", "\u0303" }, { ".", "\u0307" }, { "^", "\u0302" },
    { "overrightarrow", "\u20d7" }, { "overleftarrow", "\u20d6" }, { "mathring", "\u030a" },
};

/* The font of a math atom: italic letters (the default), upright, bold, bold italic, sans,
 * typewriter, or a Unicode mathematical alphabet (blackboard, calligraphic, fraktur). */
enum { MF_IT = 0, MF_RM, MF_BF, MF_BFIT, MF_SF, MF_TT, MF_BB, MF_CAL, MF_FRAK };

/* The code point of letter/digit c in one of the mathematical alphabets (letterlike
 * exceptions included); 0 when it has none. */
static unsigned math_alphabet(int font, char c)
{
    static const char *holes[3] = { "CHNPQRZ", "BEFHILMRego", "CHIRZ" };
    static const unsigned hole_cp[3][11] = {
        { 0x2102, 0x210d, 0x2115, 0x2119, 0x211a, 0x211d, 0x2124 },
        { 0x212c, 0x2130, 0x2131, 0x210b, 0x2110, 0x2112, 0x2133, 0x211b, 0x212f, 0x210a, 0x2134 },
        { 0x212d, 0x210c, 0x2111, 0x211c, 0x2128 },
    };
    static const unsigned base[3] = { 0x1d538, 0x1d49c, 0x1d504 }; /* A of each alphabet */
    int k = font == MF_BB ? 0 : font == MF_CAL ? 1 : 2;
    const char *h = strchr(holes[k], c);
    if (c && h) return hole_cp[k][h - holes[k]];
    if (c >= 'A' && c <= 'Z') return base[k] + (unsigned)(c - 'A');
    if (c >= 'a' && c <= 'z') return base[k] + 26 + (unsigned)(c - 'a');
    if (font == MF_BB && c >= '0' && c <= '9') return 0x1d7d8 + (unsigned)(c - '0');
    return 0;
}

static void sb_codepoint(sbuf *b, unsigned cp)
{
    char u[4];
    size_t n = cp < 0x800 ? 2 : cp < 0x10000 ? 3 : 4;
    if (n == 2) u[0] = (char)(0xc0 | cp >> 6);
    else if (n == 3) u[0] = (char)(0xe0 | cp >> 12), u[1] = (char)(0x80 | (cp >> 6 & 0x3f));
    else u[0] = (char)(0xf0 | cp >> 18), u[1] = (char)(0x80 | (cp >> 12 & 0x3f)),
         u[2] = (char)(0x80 | (cp >> 6 & 0x3f));
    u[n - 1] = (char)(0x80 | (cp & 0x3f));
    sb_putn(b, u, n);
}

/* Lowercase Greek (and its variants) is italic in math, like Latin letters (matplotlib). */
static bool greek_lower(const char *u)
{
    const unsigned char *q = (const unsigned char *)u;
    if (q[0] != 0xce && q[0] != 0xcf) return false;
    unsigned cp = (unsigned)(q[0] & 0x1f) << 6 | (q[1] & 0x3f);
    return (cp >= 0x3b1 && cp <= 0x3c9) || cp == 0x3d1 || cp == 0x3d5 || cp == 0x3d6 ||
           cp == 0x3f1 || cp == 0x3f5;
}

/* The last non-space character before `at` in the text (0 at its start): matplotlib leaves a
 * binary operator unspaced after '{' or an opening delimiter, or at the very start. */
static char prev_char(const char *at, const char *text)
{
    while (at > text && at[-1] == ' ') at--;
    return at > text ? at[-1] : 0;
}

/* A symbol with matplotlib's spacing: 0.2 em both sides of binary operators (unless unary)
 * and relations, after punctuation. */
static void put_symbol(sbuf *b, const char *utf8, mt_class cls, const char *at)
{
    char pc = prev_char(at, b->text);
    bool space = cls == MT_REL || (cls == MT_BIN && pc && !strchr("{([<", pc));
    if (space) sb_puts(b, "\u2009");
    sb_escaped(b, utf8, strlen(utf8));
    if (space || cls == MT_PUNCT) sb_puts(b, "\u2009");
}

static void math_group(sbuf *b, const char **ps, const char *end, int font, int depth);
static void math_atom(sbuf *b, const char **ps, const char *end, int font, int depth);

/* A \command: fonts, fractions, roots, accents, spaces, functions, then the symbols. */
static void math_command(sbuf *b, const char *cmd, const char *at, const char **ps,
                         const char *end, int font, int depth)
{
    static const struct { const char *cmd; int font; } fonts[] = {
        { "mathrm", MF_RM }, { "mathdefault", MF_RM }, { "mathregular", MF_RM }, { "text", MF_RM },
        { "rm", MF_RM }, { "operatorname", MF_RM }, { "mathbf", MF_BF }, { "bf", MF_BF },
        { "mathit", MF_IT }, { "it", MF_IT }, { "boldsymbol", MF_BFIT }, { "mathsf", MF_SF },
        { "sf", MF_SF }, { "mathtt", MF_TT }, { "tt", MF_TT }, { "mathbb", MF_BB }, { "bb", MF_BB },
        { "mathcal", MF_CAL }, { "cal", MF_CAL }, { "mathscr", MF_CAL }, { "scr", MF_CAL },
        { "mathfrak", MF_FRAK }, { "frak", MF_FRAK },
    };
    for (size_t i = 0; i < sizeof fonts / sizeof *fonts; i++)
        if (!strcmp(cmd, fonts[i].cmd)) {
            static const char *open[] = { [MF_BF] = "<b>", [MF_BFIT] = "<b>",
                                          [MF_TT] = "<span font_family=\"monospace\">" };
            static const char *close[] = { [MF_BF] = "</b>", [MF_BFIT] = "</b>", [MF_TT] = "</span>" };
            int f = fonts[i].font;
            int inner = f == MF_BF || f == MF_SF || f == MF_TT ? MF_RM : f == MF_BFIT ? MF_IT : f;
            if (f < (int)(sizeof open / sizeof *open) && open[f]) sb_puts(b, open[f]);
            math_atom(b, ps, end, inner, depth + 1);
            if (f < (int)(sizeof close / sizeof *close) && close[f]) sb_puts(b, close[f]);
            return;
        }
    if (!strcmp(cmd, "frac") || !strcmp(cmd, "dfrac") || !strcmp(cmd, "tfrac") ||
        !strcmp(cmd, "genfrac") || !strcmp(cmd, "binom")) {
        bool binom = !strcmp(cmd, "binom");
        if (!strcmp(cmd, "genfrac")) /* left, right delimiters, rule thickness, style */
            for (int k = 0; k < 4; k++) {
                sbuf skip = { .text = b->text };
                math_atom(&skip, ps, end, font, depth + 1);
                nd_free_mem(skip.p);
                if (skip.unknown[0] && !b->unknown[0]) memcpy(b->unknown, skip.unknown, sizeof b->unknown);
            }
        if (binom) sb_puts(b, "(");
        math_atom(b, ps, end, font, depth + 1);
        sb_puts(b, binom ? " " : "/");
        math_atom(b, ps, end, font, depth + 1);
        if (binom) sb_puts(b, ")");
        return;
    }
    if (!strcmp(cmd, "sqrt")) {
        sb_puts(b, "√");
        if (*ps < end && **ps == '{') {
            sb_puts(b, "<span overline=\"single\">");
            math_atom(b, ps, end, font, depth + 1);
            sb_puts(b, "</span>");
        }
        return;
    }
    if (!strcmp(cmd, "overline")) {
        sb_puts(b, "<span overline=\"single\">");
        math_atom(b, ps, end, font, depth + 1);
        sb_puts(b, "</span>");
        return;
    }
    if (!strcmp(cmd, "stackrel") || !strcmp(cmd, "overset") || !strcmp(cmd, "underset")) {
        /* the small text over (under) the base: set as its superscript (subscript) */
        sbuf small = { .text = b->text };
        math_atom(&small, ps, end, font, depth + 1);
        math_atom(b, ps, end, font, depth + 1);
        bool under = cmd[0] == 'u';
        sb_puts(b, under ? "<sub>" : "<sup>");
        if (small.p) sb_puts(b, small.p);
        sb_puts(b, under ? "</sub>" : "</sup>");
        if (small.oom) b->oom = true;
        if (small.too_deep) b->too_deep = true;
        if (small.unknown[0] && !b->unknown[0]) memcpy(b->unknown, small.unknown, sizeof b->unknown);
        nd_free_mem(small.p);
        return;
    }
    if (!strcmp(cmd, "left") || !strcmp(cmd, "right") || !strcmp(cmd, "middle")) return;
    for (size_t i = 0; i < sizeof tex_accents / sizeof *tex_accents; i++)
        if (!strcmp(cmd, tex_accents[i].cmd)) {
            math_atom(b, ps, end, font, depth + 1);
            sb_puts(b, tex_accents[i].mark);
            return;
        }
    for (size_t i = 0; i < sizeof tex_words / sizeof *tex_words; i++)
        if (!strcmp(cmd, tex_words[i].cmd)) {
            sb_puts(b, tex_words[i].utf8);
            return;
        }
    const mt_symbol *sym = mt_find(cmd);
    if (sym) {
        bool it = font == MF_IT && greek_lower(sym->utf8);
        if (it) sb_puts(b, "<i>");
        put_symbol(b, sym->utf8, sym->cls, at);
        if (it) sb_puts(b, "</i>");
        return;
    }
    /* matplotlib: ValueError "Unknown symbol: \foo"; the first one is reported */
    if (!b->unknown[0]) snprintf(b->unknown, sizeof b->unknown, "\\%s", cmd);
}

/* One math atom: a {group}, a \command, a script, or a character. */
static void math_atom(sbuf *b, const char **ps, const char *end, int font, int depth)
{
    const char *s = *ps;
    if (s >= end || b->too_deep || b->oom) {
        *ps = end;
        return;
    }
    if (depth > MATH_MAX_DEPTH) {
        b->too_deep = true;
        *ps = end;
        return;
    }
    if (*s == '{') {
        *ps = s + 1;
        math_group(b, ps, end, font, depth + 1);
        if (*ps < end && **ps == '}') (*ps)++;
        return;
    }
    if (*s == '\\') {
        const char *p = s + 1;
        char cmd[32];
        size_t n = 0;
        if (p < end && ((*p >= 'a' && *p <= 'z') || (*p >= 'A' && *p <= 'Z'))) {
            while (p < end && ((*p >= 'a' && *p <= 'z') || (*p >= 'A' && *p <= 'Z')) && n < 31)
                cmd[n++] = *p++;
        } else if (p < end) {
            cmd[n++] = *p++;
        }
        cmd[n] = '\0';
        *ps = p;
        math_command(b, cmd, s, ps, end, font, depth);
        return;
    }
    if (*s == '^' || *s == '_') {
        *ps = s + 1;
        sb_puts(b, *s == '^' ? "<sup>" : "<sub>");
        math_atom(b, ps, end, font, depth + 1);
        sb_puts(b, *s == '^' ? "</sup>" : "</sub>");
        return;
    }
    *ps = s + 1;
    char c = *s;
    if (c == ' ') return; /* TeX ignores spaces in math */
    if (c == '~') {       /* a non-breaking 1/3 em */
        sb_puts(b, "\u2004");
        return;
    }
    if (c == '-' || c == '+' || c == '*') {
        put_symbol(b, c == '-' ? "−" : c == '+' ? "+" : "∗", MT_BIN, s);
        return;
    }
    if (c == '=' || c == '<' || c == '>' || c == ':') {
        const char one[2] = { c, 0 };
        put_symbol(b, one, MT_REL, s);
        return;
    }
    if (c == ',' || c == ';' || c == '.' || c == '!') {
        /* punctuation takes 0.2 em after it, but not a decimal point or a comma in {,} */
        char pc = prev_char(s, b->text), nc = 0;
        for (const char *q = s + 1; q < end && !nc; q++)
            if (*q != ' ') nc = *q;
        bool plain = (c == '.' && pc >= '0' && pc <= '9' && nc >= '0' && nc <= '9') ||
                     (c == ',' && pc == '{' && nc == '}');
        const char one[2] = { c, 0 };
        put_symbol(b, one, plain ? MT_ORD : MT_PUNCT, s);
        return;
    }
    bool letter = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
    bool digit = c >= '0' && c <= '9';
    if ((letter || digit) && font >= MF_BB) {
        unsigned cp = math_alphabet(font, c);
        if (cp) {
            sb_codepoint(b, cp);
            return;
        }
    }
    if (letter && (font == MF_IT || font == MF_BFIT)) {
        sb_puts(b, "<i>");
        sb_putn(b, s, 1);
        sb_puts(b, "</i>");
        return;
    }
    /* copy a whole UTF-8 sequence */
    size_t len = 1;
    if ((unsigned char)c >= 0xc0) {
        while (s + len < end && ((unsigned char)s[len] & 0xc0) == 0x80) len++;
        *ps = s + len;
    }
    if (len == 3 && !memcmp(s, "−", 3)) { /* U+2212 typed: matplotlib's binary minus */
        put_symbol(b, "−", MT_BIN, s);
        return;
    }
    sb_escaped(b, s, len);
}

static void math_group(sbuf *b, const char **ps, const char *end, int font, int depth)
{
    while (*ps < end && **ps != '}') math_atom(b, ps, end, font, depth);
}

char *nplot__mathtext_markup(const char *s)
{
    sbuf b = { .text = s };
    sb_puts(&b, "");
    const char *p = s ? s : "";
    while (*p) {
        /* text up to an unescaped '$' */
        const char *q = p;
        while (*q && !(*q == '$' && (q == s || q[-1] != '\\'))) q++;
        /* "\$" outside math is a literal dollar */
        for (const char *r = p; r < q; r++) {
            if (*r == '\\' && r[1] == '$') continue;
            sb_escaped(&b, r, 1);
        }
        if (!*q) break;
        const char *close = q + 1;
        while (*close && !(*close == '$' && close[-1] != '\\')) close++;
        if (!*close) { /* unbalanced: keep the dollar literally */
            sb_escaped(&b, q, strlen(q));
            break;
        }
        const char *m = q + 1;
        b.text = m; /* matplotlib looks back within the math only */
        while (m < close) math_atom(&b, &m, close, 0, 0);
        p = close + 1;
    }
    if (b.oom) {
        nd_free_mem(b.p);
        return NULL; /* nd_malloc set ND_ENOMEM */
    }
    if (b.too_deep) {
        nd_free_mem(b.p);
        nd_set_error(ND_EVALUE, "nplot: mathtext nested deeper than %d levels in \"%.40s...\"",
                     MATH_MAX_DEPTH, s);
        return NULL;
    }
    if (b.unknown[0]) { /* matplotlib's ValueError at draw time */
        nd_free_mem(b.p);
        nd_set_error(ND_EVALUE, "nplot: Unknown symbol: %s in mathtext \"%.60s\"", b.unknown, s);
        return NULL;
    }
    return b.p;
}

/* ---- layout ------------------------------------------------------------------------------------ */
static PangoFontDescription *font_desc(const text_style *ts, double scale)
{
    PangoFontDescription *d = pango_font_description_new();
    pango_font_description_set_family(d, ts->family ? ts->family : "DejaVu Sans");
    pango_font_description_set_weight(d, ts->weight ? (PangoWeight)ts->weight : PANGO_WEIGHT_NORMAL);
    pango_font_description_set_style(d, (PangoStyle)ts->style);
    pango_font_description_set_absolute_size(d, ts->size * scale * PANGO_SCALE);
    return d;
}

/* s as UTF-8: itself when valid, else a copy decoded as Latin-1 (each byte one code
 * point), which is what a non-UTF-8 label almost always is. NULL on allocation failure. */
static char *utf8_or_latin1(const char *s, bool *converted)
{
    *converted = false;
    if (g_utf8_validate(s, -1, NULL)) return (char *)s;
    size_t n = strlen(s), k = 0;
    char *out = nd_malloc(2 * n + 1, "nplot text");
    if (!out) return NULL;
    for (const unsigned char *p = (const unsigned char *)s; *p; p++) {
        if (*p < 0x80) out[k++] = (char)*p;
        else {
            out[k++] = (char)(0xc0 | (*p >> 6));
            out[k++] = (char)(0x80 | (*p & 0x3f));
        }
    }
    out[k] = '\0';
    *converted = true;
    return out;
}

/* Longest text laid out: pango keeps ~100 bytes per character, so a 10 MB column name
 * would take a gigabyte and most of a minute. Longer texts are cut (with a note). */
enum { TEXT_MAX_BYTES = 16384 };

/* s cut to TEXT_MAX_BYTES at a character boundary, with an ellipsis, in a new block when
 * it is longer (s itself otherwise); NULL on allocation failure. */
static char *cut_long(char *s, bool *cut)
{
    size_t n = strlen(s), k = TEXT_MAX_BYTES;
    *cut = n > k;
    if (!*cut) return s;
    while (k > 0 && ((unsigned char)s[k] & 0xc0) == 0x80) k--;
    char *out = nd_malloc(k + 4, "nplot text");
    if (!out) return NULL;
    memcpy(out, s, k);
    memcpy(out + k, "\xe2\x80\xa6", 4); /* U+2026 and the terminator */
    nd_warn("nplot: a text of %zu bytes is cut to %zu for layout (\"%.40s...\")", n, k, out);
    return out;
}

text_box nplot__text_layout(render_ctx *rc, const char *s_in, const text_style *ts)
{
    text_box tb = { 0 };
    if (!s_in || !*s_in) return tb;
    bool converted, cut;
    char *s = utf8_or_latin1(s_in, &converted);
    if (!s) {
        nplot__fail(rc->fig, ND_ENOMEM, "nplot: out of memory laying out text");
        return tb;
    }
    if (converted)
        nd_warn("nplot: text \"%.40s\" is not valid UTF-8; decoded as Latin-1", s);
    char *markup = nplot__mathtext_markup(s); /* the whole text: its nesting is checked */
    if (markup && strlen(s) > TEXT_MAX_BYTES) {
        nd_free_mem(markup);
        char *c = cut_long(s, &cut);
        if (converted) nd_free_mem(s);
        if (!c) {
            nplot__fail(rc->fig, ND_ENOMEM, "nplot: out of memory laying out text");
            return tb;
        }
        s = c;
        converted = true; /* s is a block of its own */
        markup = nplot__mathtext_markup(s);
    }
    if (!markup) {
        nplot__fail(rc->fig, nd_last_error(), "%s", nd_errmsg());
        if (converted) nd_free_mem(s);
        return tb;
    }
    PangoLayout *l = pango_layout_new(rc->pctx);
    PangoFontDescription *d = font_desc(ts, rc->scale);
    pango_layout_set_font_description(l, d);
    pango_font_description_free(d);
    pango_layout_set_alignment(l, PANGO_ALIGN_CENTER);
    if (strchr(s, '$')) {
        pango_layout_set_markup(l, markup, -1);
    } else {
        pango_layout_set_text(l, s, -1);
    }
    nd_free_mem(markup);
    if (converted) nd_free_mem(s);
    PangoRectangle ink, logical;
    pango_layout_get_extents(l, &ink, &logical);
    tb.layout = l;
    tb.w = (double)logical.width / PANGO_SCALE;
    tb.h = (double)logical.height / PANGO_SCALE;
    tb.baseline = (double)pango_layout_get_baseline(l) / PANGO_SCALE;
    return tb;
}

double nplot__text_ascent(render_ctx *rc, const text_box *tb, const text_style *ts)
{
    text_box lp = nplot__text_layout(rc, "lp", ts);
    double asc = 0;
    const text_box *b[2] = { tb, &lp };
    for (int i = 0; i < 2; i++) {
        if (!b[i]->layout) continue;
        /* the first line's ink above its baseline */
        PangoLayoutIter *it = pango_layout_get_iter(b[i]->layout);
        int base = pango_layout_iter_get_baseline(it);
        PangoRectangle link;
        pango_layout_iter_get_line_extents(it, &link, NULL);
        pango_layout_iter_free(it);
        asc = fmax(asc, (double)(base - link.y) / PANGO_SCALE);
    }
    nplot__text_free(&lp);
    return asc; /* unrounded: the ink of unhinted glyphs then starts where Agg's does */
}

void nplot__text_free(text_box *tb)
{
    if (tb->layout) g_object_unref(tb->layout);
    tb->layout = NULL;
}

int nplot__parse_ha(const char *s)
{
    if (!s || !strcmp(s, "left")) return HA_LEFT;
    if (!strcmp(s, "center") || !strcmp(s, "centre")) return HA_CENTER;
    if (!strcmp(s, "right")) return HA_RIGHT;
    return -1;
}

int nplot__parse_va(const char *s)
{
    if (!s || !strcmp(s, "baseline")) return VA_BASELINE;
    if (!strcmp(s, "bottom")) return VA_BOTTOM;
    if (!strcmp(s, "center") || !strcmp(s, "centre")) return VA_CENTER;
    if (!strcmp(s, "top")) return VA_TOP;
    if (!strcmp(s, "center_baseline")) return VA_CENTER_BASELINE;
    return -1;
}

/* Paint (when draw) the text box with its unrotated top-left corner at (ox, oy) rotated
 * by th about that corner; returns the rotated box's bounds. */
/* One placed text: the layout with its top-left at (ox, oy), rotated by th. */
typedef struct glyphs {
    const text_box *tb;
    double ox, oy, th;
    const rgba *color;
} glyphs;

static void show_glyphs(render_ctx *rc, void *ctx)
{
    const glyphs *g = ctx;
    cairo_t *cr = rc->cr;
    cairo_save(cr);
    cairo_new_path(cr);
    cairo_translate(cr, g->ox, g->oy);
    if (g->th != 0) cairo_rotate(cr, -g->th);
    cairo_set_source_rgba(cr, g->color->r, g->color->g, g->color->b, g->color->a);
    pango_cairo_update_context(cr, rc->pctx);
    pango_layout_context_changed(g->tb->layout);
    cairo_move_to(cr, 0, 0);
    pango_cairo_show_layout(cr, g->tb->layout);
    cairo_restore(cr);
}

static bbox place_at(render_ctx *rc, const text_box *tb, double ox, double oy, double th,
                     const rgba *color, bool draw)
{
    double c = cos(th), s = sin(th);
    /* corners of the unrotated box relative to its top-left, rotated (y down) */
    double cx[4] = { 0, tb->w, tb->w, 0 }, cy[4] = { 0, 0, tb->h, tb->h };
    bbox bb = { INFINITY, INFINITY, -INFINITY, -INFINITY };
    for (int i = 0; i < 4; i++) {
        double rx = cx[i] * c + cy[i] * s, ry = -cx[i] * s + cy[i] * c;
        bb.x0 = fmin(bb.x0, ox + rx);
        bb.x1 = fmax(bb.x1, ox + rx);
        bb.y0 = fmin(bb.y0, oy + ry);
        bb.y1 = fmax(bb.y1, oy + ry);
    }
    if (draw) {
        glyphs g = { tb, ox, oy, th, color };
        struct nplot__fx rc_fx[1];
        const struct nplot__fx *fx = rc->text_fx;
        int nfx = rc->text_nfx;
        if (!rc->text_fx_set) {
            fx = rc_fx;
            nfx = nplot__fx_rc(rc->fig ? rc->fig->style : NULL, rc_fx);
        }
        if (!nfx) {
            show_glyphs(rc, &g);
            return bb;
        }
        /* matplotlib draws text with path effects as its outline path, filled in the text
         * colour with a gc line width of 0 (PathEffectRenderer._draw_text_as_path) */
        cairo_t *cr = rc->cr;
        cairo_save(cr);
        cairo_translate(cr, ox, oy);
        if (th != 0) cairo_rotate(cr, -th);
        pango_cairo_update_context(cr, rc->pctx);
        pango_layout_context_changed(tb->layout);
        cairo_new_path(cr);
        cairo_move_to(cr, 0, 0);
        pango_cairo_layout_path(cr, tb->layout);
        cairo_restore(cr);
        fx_style st = { .fx = fx, .nfx = nfx, .has_face = true, .face = *color, .edge = *color,
                        .alpha = 1, .lw = 0, .join = CAIRO_LINE_JOIN_ROUND, .normal = show_glyphs,
                        .ctx = &g };
        nplot__fx_paint(rc, &st);
    }
    return bb;
}

bbox nplot__text_place(render_ctx *rc, const text_box *tb, double x, double y, int ha, int va,
                       double rotation, const rgba *color, bool draw)
{
    bbox bb = { x, y, x, y };
    if (!tb->layout) return bb;
    double th = rotation * M_PI / 180, c = cos(th);
    /* extent of the rotated box relative to its unrotated top-left corner */
    bbox r = place_at(rc, tb, 0, 0, th, color, false);
    double minx = r.x0, maxx = r.x1, miny = r.y0, maxy = r.y1;
    /* matplotlib's rotation_mode='default': align the rotated bounding box. For an
     * unrotated text baseline alignment uses the baseline itself. */
    double ox, oy;
    if (ha == HA_LEFT) ox = x - minx;
    else if (ha == HA_RIGHT) ox = x - maxx;
    else ox = x - (minx + maxx) / 2;
    if (rotation == 0 && va == VA_BASELINE) oy = y - tb->baseline;
    else if (rotation == 0 && va == VA_CENTER_BASELINE) oy = y - tb->baseline + tb->h * 0.3;
    else if (va == VA_TOP) oy = y - miny;
    else if (va == VA_BOTTOM) oy = y - maxy;
    else if (va == VA_BASELINE) oy = y - tb->baseline * c;
    else oy = y - (miny + maxy) / 2;
    return place_at(rc, tb, ox, oy, th, color, draw);
}

bbox nplot__text_place_anchor(render_ctx *rc, const text_box *tb, double x, double y, int ha,
                              int va, double rotation, const rgba *color, bool draw)
{
    bbox bb = { x, y, x, y };
    if (!tb->layout) return bb;
    double th = rotation * M_PI / 180, c = cos(th), s = sin(th);
    /* the alignment point in the unrotated box (from its top-left), which must land on
     * (x, y) once the box is rotated about it */
    double px = ha == HA_LEFT ? 0 : ha == HA_RIGHT ? tb->w : tb->w / 2;
    double py = va == VA_TOP ? 0 : va == VA_BOTTOM ? tb->h : va == VA_BASELINE ? tb->baseline
              : va == VA_CENTER_BASELINE ? tb->baseline - tb->h * 0.3 : tb->h / 2;
    double ox = x - (px * c + py * s), oy = y - (-px * s + py * c);
    return place_at(rc, tb, ox, oy, th, color, draw);
}
