/* Text through pango: layout, a mathtext subset, alignment and rotation.
 *
 * Mathtext becomes pango markup; its fractions and limits (\frac, \binom, \sum_{}^{}) are
 * stacked boxes drawn by a pango shape renderer, each part a layout of its own.
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
/* A stacked piece of math: a fraction (\frac, \binom, \genfrac...) or an operator with its
 * limits over and under (\sum_{i=0}^{n}). It stands in the markup as one U+FFFC, which the
 * layout replaces by a pango shape as big as the stack (stack_attach). */
typedef struct mt_box mt_box;
typedef struct mt_part {
    char *markup;  /* pango markup, a U+FFFC for each of its own boxes (NULL: no part) */
    mt_box *boxes; /* those boxes, in order */
    size_t nbox;
} mt_part;
struct mt_box {
    bool limits;              /* an operator with limits, else a fraction */
    bool side;                /* with limits: \int's scripts beside it, dropped to its ends */
    int shrink;               /* times the over/under parts shrink by 0.7 (\dfrac 0, \tfrac 2) */
    double rule;              /* rule thickness in points; < 0: the font's underline thickness */
    char delim[2][8];         /* \binom's and \genfrac's delimiters ("" for none) */
    mt_part part[3];          /* over (numerator), middle (the operator), under */
};

typedef struct sbuf {
    char *p;
    size_t len, cap;
    bool oom;
    bool too_deep;    /* groups nested past MATH_MAX_DEPTH */
    bool stack;       /* fractions and limits become boxes (else they are set inline) */
    mt_box *boxes;    /* the boxes of this markup */
    size_t nbox, capbox;
    const char *text; /* the math being parsed (binary operators look back in it) */
    char unknown[40]; /* the first \command mathtext does not know */
} sbuf;

static void part_free(mt_part *pt)
{
    for (size_t i = 0; i < pt->nbox; i++)
        for (int k = 0; k < 3; k++) part_free(&pt->boxes[i].part[k]);
    nd_free_mem(pt->boxes);
    nd_free_mem(pt->markup);
    memset(pt, 0, sizeof *pt);
}

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

/* The failures of a part parsed on its own carried to the text it belongs to. */
static void sb_absorb(sbuf *b, const sbuf *sub)
{
    if (sub->oom) b->oom = true;
    if (sub->too_deep) b->too_deep = true;
    if (sub->unknown[0] && !b->unknown[0]) memcpy(b->unknown, sub->unknown, sizeof b->unknown);
}

/* The next atom parsed on its own into *pt. */
static void sub_atom(sbuf *b, mt_part *pt, const char **ps, const char *end, int font, int depth)
{
    sbuf sub = { .text = b->text, .stack = b->stack };
    sb_puts(&sub, "");
    math_atom(&sub, ps, end, font, depth + 1);
    sb_absorb(b, &sub);
    *pt = (mt_part){ sub.p, sub.boxes, sub.nbox };
}

/* Appends a box (its parts then belong to b) and its placeholder. */
static void sb_box(sbuf *b, mt_box *box)
{
    mt_box *q = nplot__grow(b->boxes, &b->capbox, b->nbox, b->nbox + 1, sizeof *q, "nplot mathtext");
    if (!q) {
        b->oom = true;
        for (int k = 0; k < 3; k++) part_free(&box->part[k]);
        return;
    }
    b->boxes = q;
    b->boxes[b->nbox++] = *box;
    sb_puts(b, "\uFFFC");
}

/* matplotlib's _overunder_symbols and _overunder_functions: their scripts are limits set over
 * and under them, in text as in display style. */
static bool overunder(const char *cmd)
{
    static const char *const names[] = { "sum", "prod", "coprod", "bigcap", "bigcup", "bigsqcup",
                                         "bigvee", "bigwedge", "bigodot", "bigotimes", "bigoplus",
                                         "biguplus", "lim", "liminf", "limsup", "sup", "max", "min" };
    for (size_t i = 0; i < sizeof names / sizeof *names; i++)
        if (!strcmp(cmd, names[i])) return true;
    return false;
}

/* The big operators (sums, products, integrals, n-ary unions...) matplotlib takes from DejaVu
 * Sans Display, whose glyphs are DejaVu Sans's scaled by sqrt(2): set 141.42 % as big. */
static bool display_glyph(const char *u)
{
    const unsigned char *q = (const unsigned char *)u;
    if (q[0] != 0xe2 || !q[1] || !q[2] || q[3]) return false;
    unsigned cp = (unsigned)(q[0] & 0x0f) << 12 | (unsigned)(q[1] & 0x3f) << 6 | (q[2] & 0x3f);
    return (cp >= 0x220f && cp <= 0x2211) || (cp >= 0x222b && cp <= 0x2233) ||
           (cp >= 0x22c0 && cp <= 0x22c3) || (cp >= 0x2a00 && cp <= 0x2a1c);
}

/* The operator `nucleus` (markup) with the ^ and _ scripts that follow it as limits (or, with
 * side, as \int's scripts); false (nothing consumed) when no script follows. */
static bool take_limits(sbuf *b, const char *nucleus, bool side, const char **ps, const char *end,
                        int font, int depth)
{
    const char *q = *ps;
    while (q < end && *q == ' ') q++;
    if (!b->stack || q >= end || (*q != '_' && *q != '^')) return false;
    mt_box box = { .limits = true, .side = side, .shrink = 1, .rule = 0 };
    for (int k = 0; k < 2; k++) {
        while (q < end && *q == ' ') q++;
        if (q >= end || (*q != '_' && *q != '^')) break;
        mt_part *pt = &box.part[*q == '^' ? 0 : 2];
        q++;
        part_free(pt); /* a second script of the same kind replaces the first */
        sub_atom(b, pt, &q, end, font, depth);
    }
    sbuf nb = { .text = b->text };
    sb_puts(&nb, nucleus);
    sb_absorb(b, &nb);
    box.part[1].markup = nb.p;
    *ps = q;
    sb_box(b, &box);
    return true;
}

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
        /* matplotlib's _genfrac: \frac and \binom shrink their parts once, \dfrac never,
         * \tfrac twice; \binom has parentheses and no rule */
        bool binom = !strcmp(cmd, "binom");
        mt_box box = { .rule = binom ? 0 : -1, .shrink = cmd[0] == 'd' ? 0 : cmd[0] == 't' ? 2 : 1 };
        if (binom) strcpy(box.delim[0], "("), strcpy(box.delim[1], ")");
        if (!strcmp(cmd, "genfrac")) { /* left, right delimiters, rule thickness, style */
            mt_part arg[4];
            for (int k = 0; k < 4; k++) sub_atom(b, &arg[k], ps, end, MF_RM, depth);
            for (int k = 0; k < 2; k++)
                if (arg[k].markup && strcmp(arg[k].markup, ".") &&
                    strlen(arg[k].markup) < sizeof box.delim[k])
                    strcpy(box.delim[k], arg[k].markup);
            if (arg[2].markup && *arg[2].markup) box.rule = fmax(0, atof(arg[2].markup));
            if (arg[3].markup && *arg[3].markup) box.shrink = atoi(arg[3].markup) & 3;
            for (int k = 0; k < 4; k++) part_free(&arg[k]);
        }
        sub_atom(b, &box.part[0], ps, end, font, depth);
        sub_atom(b, &box.part[2], ps, end, font, depth);
        if (b->stack) {
            sb_box(b, &box);
            return;
        }
        /* inline: a/b, (n k) */
        const char *num = box.part[0].markup ? box.part[0].markup : "";
        const char *den = box.part[2].markup ? box.part[2].markup : "";
        sb_puts(b, box.delim[0]);
        sb_puts(b, num);
        sb_puts(b, binom ? " " : box.delim[0][0] ? " " : "/");
        sb_puts(b, den);
        sb_puts(b, box.delim[1]);
        part_free(&box.part[0]);
        part_free(&box.part[2]);
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
        sb_absorb(b, &small);
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
            if (overunder(cmd) && take_limits(b, tex_words[i].utf8, false, ps, end, font, depth))
                return;
            sb_puts(b, tex_words[i].utf8);
            return;
        }
    const mt_symbol *sym = mt_find(cmd);
    if (sym && display_glyph(sym->utf8)) { /* matplotlib's DejaVu Sans Display glyph */
        char big[64];
        snprintf(big, sizeof big, "<span size=\"141.42%%\">%s</span>", sym->utf8);
        /* matplotlib's _dropsub_symbols: scripts beside them, dropped to their ends */
        bool side = !strcmp(cmd, "int") || !strcmp(cmd, "oint");
        if (!((overunder(cmd) || side) && take_limits(b, big, side, ps, end, font, depth)))
            sb_puts(b, big);
        return;
    }
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

/* The markup of s (its text outside $...$ escaped); with stack, fractions and limits become
 * boxes, returned in *boxes. NULL with the error set on failure. */
static char *mathtext_parse(const char *s, bool stack, mt_part *boxes)
{
    sbuf b = { .text = s, .stack = stack };
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
    mt_part got = { b.p, b.boxes, b.nbox };
    b.p = NULL;
    if (b.oom) {
        part_free(&got);
        return NULL; /* nd_malloc set ND_ENOMEM */
    }
    if (b.too_deep) {
        part_free(&got);
        nd_set_error(ND_EVALUE, "nplot: mathtext nested deeper than %d levels in \"%.40s...\"",
                     MATH_MAX_DEPTH, s);
        return NULL;
    }
    if (b.unknown[0]) { /* matplotlib's ValueError at draw time */
        part_free(&got);
        nd_set_error(ND_EVALUE, "nplot: Unknown symbol: %s in mathtext \"%.60s\"", b.unknown, s);
        return NULL;
    }
    if (boxes) *boxes = got; /* without stack there are no boxes */
    return got.markup;
}

char *nplot__mathtext_markup(const char *s) { return mathtext_parse(s, false, NULL); }

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

/* ---- stacked math: fractions and limits drawn as pango shapes -------------------------------- */
/* A laid-out box: its parts with their top-left corners relative to the shape's origin (on
 * the baseline, at its left), and the rule. Shared by the copies pango makes of its attribute. */
typedef struct stack_shape {
    int refs;
    PangoLayout *part[5]; /* over, middle, under, left and right delimiter */
    double x[5], y[5];
    double rule[4]; /* x, y, width, height (height 0: no rule) */
} stack_shape;

static gpointer shape_ref(gconstpointer data)
{
    stack_shape *sh = (stack_shape *)data;
    sh->refs++;
    return sh;
}

static void shape_unref(gpointer data)
{
    stack_shape *sh = data;
    if (--sh->refs) return;
    for (int k = 0; k < 5; k++)
        if (sh->part[k]) g_object_unref(sh->part[k]);
    nd_free_mem(sh);
}

/* pango's callback for a shape, the current point on its baseline origin: its parts as
 * glyphs (or their outlines, for path effects) and the rule, which Agg's mathtext snaps to
 * whole pixels (one row at least): so in raster output when the text is not rotated. */
static void shape_render(cairo_t *cr, PangoAttrShape *attr, gboolean do_path, gpointer unused)
{
    (void)unused;
    const stack_shape *sh = attr->data;
    if (!sh || !cairo_has_current_point(cr)) return;
    double x0, y0;
    cairo_get_current_point(cr, &x0, &y0);
    for (int k = 0; k < 5; k++) {
        if (!sh->part[k]) continue;
        cairo_move_to(cr, x0 + sh->x[k], y0 + sh->y[k]);
        if (do_path) pango_cairo_layout_path(cr, sh->part[k]);
        else pango_cairo_show_layout(cr, sh->part[k]);
    }
    if (sh->rule[3] <= 0) return;
    double rx = x0 + sh->rule[0], ry = y0 + sh->rule[1], rw = sh->rule[2], rh = sh->rule[3];
    if (do_path) {
        cairo_rectangle(cr, rx, ry, rw, rh);
        return;
    }
    cairo_save(cr);
    cairo_matrix_t m;
    cairo_get_matrix(cr, &m);
    bool raster = cairo_surface_get_type(cairo_get_target(cr)) == CAIRO_SURFACE_TYPE_IMAGE;
    if (raster && m.xy == 0 && m.yx == 0 && m.xx > 0 && m.yy > 0) { /* to whole pixel rows */
        double ax = rx, ay = ry + rh / 2, bx = rx + rw, by = ry + rh / 2;
        cairo_user_to_device(cr, &ax, &ay);
        cairo_user_to_device(cr, &bx, &by);
        double rows = fmax(1, round(rh * m.yy)), top = floor(ay - rows / 2 + 0.5);
        cairo_identity_matrix(cr);
        cairo_new_path(cr);
        cairo_rectangle(cr, floor(ax), top, ceil(bx) - floor(ax), rows);
    } else {
        cairo_new_path(cr);
        cairo_rectangle(cr, rx, ry, rw, rh);
    }
    cairo_fill(cr);
    cairo_restore(cr);
}

static bool stack_attach(render_ctx *rc, const text_style *ts, double scale, PangoLayout *l,
                         const mt_part *pt);

/* A layout of markup at scale times the text's size (NULL on allocation failure). */
static PangoLayout *part_layout(render_ctx *rc, const text_style *ts, double scale,
                                const char *markup, const mt_part *pt)
{
    PangoLayout *l = pango_layout_new(rc->pctx);
    PangoFontDescription *d = font_desc(ts, rc->scale * scale);
    pango_layout_set_font_description(l, d);
    pango_font_description_free(d);
    pango_layout_set_markup(l, markup ? markup : "", -1);
    if (pt && !stack_attach(rc, ts, scale, l, pt)) {
        g_object_unref(l);
        return NULL;
    }
    return l;
}

/* A layout's ink in pixels (pango's y down from its top). */
typedef struct ink_px {
    double x, y, w, h, base;
    double lx, lw; /* the logical (advance) extent */
} ink_px;

static ink_px layout_ink(PangoLayout *l)
{
    PangoRectangle ink, lg;
    pango_layout_get_extents(l, &ink, &lg);
    return (ink_px){ (double)ink.x / PANGO_SCALE, (double)ink.y / PANGO_SCALE,
                     (double)ink.width / PANGO_SCALE, (double)ink.height / PANGO_SCALE,
                     (double)pango_layout_get_baseline(l) / PANGO_SCALE,
                     (double)lg.x / PANGO_SCALE, (double)lg.width / PANGO_SCALE };
}

/* Lays out box as matplotlib's mathtext does (_genfrac for fractions, subsuper for limits);
 * its ink and logical rectangles from the origin in *ink, *logical. NULL when out of memory. */
static stack_shape *stack_build(render_ctx *rc, const text_style *ts, double scale,
                                const mt_box *box, PangoRectangle *ink, PangoRectangle *logical)
{
    stack_shape *sh = nd_malloc(sizeof *sh, "nplot mathtext");
    if (!sh) return NULL;
    memset(sh, 0, sizeof *sh);
    sh->refs = 1;
    double t = 0.75 / 12 * ts->size * rc->scale * scale; /* matplotlib's underline thickness */
    double shrink = pow(0.7, box->limits ? 1 : box->shrink), w = 0;
    ink_px in[5] = { { 0 } };
    for (int k = 0; k < 3; k++) {
        if (!box->part[k].markup) continue;
        sh->part[k] = part_layout(rc, ts, k == 1 ? scale : scale * shrink, box->part[k].markup,
                                  &box->part[k]);
        if (!sh->part[k]) goto fail;
        in[k] = layout_ink(sh->part[k]);
        if (!box->limits) in[k].x = in[k].lx, in[k].w = in[k].lw; /* a fraction's parts are
                                                   Hlists, as wide as their advances */
        w = fmax(w, in[k].w);
    }
    if (box->side) { /* subsuper for a slanted dropsub nucleus, FontConstantsBase's numbers */
        PangoLayout *xl = part_layout(rc, ts, scale, "x", NULL);
        double xh = layout_ink(xl).h, h = in[1].base - in[1].y, d = in[1].y + in[1].h - in[1].base;
        g_object_unref(xl);
        double up = h - 0.4 * xh, down = d + 0.4 * xh, kern[3] = { 0.175 * h, 0, -0.025 * h };
        if (sh->part[0] && sh->part[2]) { /* 2 thicknesses between them at least */
            double clr = 2 * t - ((up - (in[0].y + in[0].h - in[0].base)) - (in[2].base - in[2].y - down));
            if (clr > 0) up += clr;
        }
        double right = in[1].w, x = right, y0 = in[1].y - in[1].base, y1 = y0 + in[1].h;
        sh->x[1] = -in[1].x;
        sh->y[1] = -in[1].base;
        for (int k = 0; k < 3; k += 2) {
            if (!sh->part[k]) continue;
            sh->x[k] = right + kern[k] - in[k].x;
            sh->y[k] = (k ? down : -up) - in[k].base;
            x = fmax(x, right + kern[k] + in[k].lw);
            y0 = fmin(y0, sh->y[k] + in[k].y);
            y1 = fmax(y1, sh->y[k] + in[k].y + in[k].h);
        }
        *ink = (PangoRectangle){ 0, (int)floor(y0 * PANGO_SCALE), (int)ceil(x * PANGO_SCALE),
                                 (int)ceil((y1 - y0) * PANGO_SCALE) };
        *logical = *ink;
        return sh;
    }
    /* tops and bottoms of the inks, y down from the baseline */
    double top[3] = { 0 }, bottom[3] = { 0 };
    if (box->limits) { /* the operator on the baseline, limits 3 rule thicknesses away */
        top[1] = in[1].y - in[1].base;
        bottom[1] = top[1] + in[1].h;
        bottom[0] = top[1] - 3 * t;
        top[2] = bottom[1] + 3 * t;
    } else { /* the rule on the math axis (the middle of '='), 2 thicknesses clear of each part */
        PangoLayout *eq = part_layout(rc, ts, scale, "=", NULL);
        ink_px e = layout_ink(eq);
        g_object_unref(eq);
        double axis = e.base - (e.y + e.h / 2), r = box->rule < 0 ? t : box->rule * rc->scale;
        top[2] = 3 * t - axis;
        sh->rule[1] = top[2] - 2 * t - r;
        sh->rule[3] = r;
        bottom[0] = sh->rule[1] - 2 * t;
    }
    top[0] = bottom[0] - in[0].h;
    bottom[2] = top[2] + in[2].h;
    double y0 = sh->part[0] ? top[0] : box->limits ? top[1] : sh->rule[1];
    double y1 = sh->part[2] ? bottom[2] : box->limits ? bottom[1] : sh->rule[1] + sh->rule[3];
    /* delimiters: the glyph scaled (both ways, as matplotlib's AutoHeightChar with one size)
     * to the stack's height, its bottom on the stack's */
    double x = 0;
    for (int k = 3; k < 5; k++) {
        const char *dl = box->delim[k - 3];
        if (!*dl) continue;
        PangoLayout *probe = part_layout(rc, ts, scale, dl, NULL);
        ink_px p = layout_ink(probe);
        g_object_unref(probe);
        double f = p.h > 0 ? (y1 - y0) / p.h : 1;
        sh->part[k] = part_layout(rc, ts, scale * f, dl, NULL);
        in[k] = layout_ink(sh->part[k]);
        sh->y[k] = y1 - (in[k].y + in[k].h);
    }
    if (sh->part[3]) {
        sh->x[3] = -in[3].x;
        x = in[3].w;
    }
    for (int k = 0; k < 3; k++) {
        sh->x[k] = x + (w - in[k].w) / 2 - in[k].x;
        sh->y[k] = k == 1 ? -in[1].base : top[k] - in[k].y;
    }
    sh->rule[0] = x;
    sh->rule[2] = w;
    x += w + (box->limits ? 0 : 2 * t); /* _genfrac's Hbox(2 thicknesses) after the stack */
    if (sh->part[4]) {
        sh->x[4] = x - in[4].x;
        x += in[4].w;
    }
    double iy0 = y0, iy1 = y1;
    for (int k = 3; k < 5; k++)
        if (sh->part[k]) {
            iy0 = fmin(iy0, sh->y[k] + in[k].y);
            iy1 = fmax(iy1, sh->y[k] + in[k].y + in[k].h);
        }
    *ink = (PangoRectangle){ 0, (int)floor(iy0 * PANGO_SCALE), (int)ceil(x * PANGO_SCALE),
                             (int)ceil((iy1 - iy0) * PANGO_SCALE) };
    *logical = *ink;
    return sh;
fail:
    shape_unref(sh);
    return NULL;
}

/* Puts pt's boxes on the U+FFFC of l's text, in order; false when out of memory. */
static bool stack_attach(render_ctx *rc, const text_style *ts, double scale, PangoLayout *l,
                         const mt_part *pt)
{
    if (!pt->nbox) return true;
    pango_cairo_context_set_shape_renderer(rc->pctx, shape_render, NULL, NULL);
    const char *text = pango_layout_get_text(l), *at = text;
    PangoAttrList *have = pango_layout_get_attributes(l);
    PangoAttrList *al = have ? pango_attr_list_copy(have) : pango_attr_list_new();
    bool ok = true;
    for (size_t i = 0; i < pt->nbox && (at = strstr(at, "\xef\xbf\xbc")); i++, at += 3) {
        PangoRectangle ink, logical;
        stack_shape *sh = stack_build(rc, ts, scale, &pt->boxes[i], &ink, &logical);
        if (!sh) {
            ok = false;
            break;
        }
        PangoAttribute *a = pango_attr_shape_new_with_data(&ink, &logical, sh, shape_ref, shape_unref);
        a->start_index = (guint)(at - text);
        a->end_index = a->start_index + 3;
        pango_attr_list_insert(al, a);
    }
    pango_layout_set_attributes(l, al);
    pango_attr_list_unref(al);
    return ok;
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
    mt_part math = { 0 };
    char *markup = mathtext_parse(s, true, &math); /* the whole text: its nesting is checked */
    if (markup && strlen(s) > TEXT_MAX_BYTES) {
        part_free(&math);
        char *c = cut_long(s, &cut);
        if (converted) nd_free_mem(s);
        if (!c) {
            nplot__fail(rc->fig, ND_ENOMEM, "nplot: out of memory laying out text");
            return tb;
        }
        s = c;
        converted = true; /* s is a block of its own */
        markup = mathtext_parse(s, true, &math);
    }
    if (!markup) {
        nplot__fail(rc->fig, nd_last_error(), "%s", nd_errmsg());
        if (converted) nd_free_mem(s);
        return tb;
    }
    PangoLayout *l;
    if (strchr(s, '$')) {
        l = part_layout(rc, ts, 1, markup, &math);
    } else {
        l = part_layout(rc, ts, 1, NULL, NULL);
        pango_layout_set_text(l, s, -1);
    }
    part_free(&math);
    if (converted) nd_free_mem(s);
    if (!l) {
        nplot__fail(rc->fig, ND_ENOMEM, "nplot: out of memory laying out text");
        return tb;
    }
    pango_layout_set_alignment(l, PANGO_ALIGN_CENTER);
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
