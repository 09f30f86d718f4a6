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
    bool too_deep; /* groups nested past MATH_MAX_DEPTH */
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

static const struct { const char *cmd, *utf8; } tex_symbols[] = {
    { "alpha", "α" }, { "beta", "β" }, { "gamma", "γ" }, { "delta", "δ" },
    { "epsilon", "ε" }, { "varepsilon", "ε" }, { "zeta", "ζ" }, { "eta", "η" },
    { "theta", "θ" }, { "vartheta", "ϑ" }, { "iota", "ι" }, { "kappa", "κ" },
    { "lambda", "λ" }, { "mu", "μ" }, { "nu", "ν" }, { "xi", "ξ" }, { "pi", "π" },
    { "varpi", "ϖ" }, { "rho", "ρ" }, { "varrho", "ϱ" }, { "sigma", "σ" },
    { "varsigma", "ς" }, { "tau", "τ" }, { "upsilon", "υ" }, { "phi", "ϕ" },
    { "varphi", "φ" }, { "chi", "χ" }, { "psi", "ψ" }, { "omega", "ω" },
    { "Gamma", "Γ" }, { "Delta", "Δ" }, { "Theta", "Θ" }, { "Lambda", "Λ" }, { "Xi", "Ξ" },
    { "Pi", "Π" }, { "Sigma", "Σ" }, { "Upsilon", "Υ" }, { "Phi", "Φ" }, { "Psi", "Ψ" },
    { "Omega", "Ω" }, { "times", "×" }, { "cdot", "·" }, { "pm", "±" }, { "mp", "∓" },
    { "div", "÷" }, { "leq", "≤" }, { "le", "≤" }, { "geq", "≥" }, { "ge", "≥" },
    { "neq", "≠" }, { "ne", "≠" }, { "approx", "≈" }, { "sim", "∼" }, { "simeq", "≃" },
    { "equiv", "≡" }, { "propto", "∝" }, { "infty", "∞" }, { "partial", "∂" },
    { "nabla", "∇" }, { "sum", "∑" }, { "prod", "∏" }, { "int", "∫" }, { "sqrt", "√" },
    { "rightarrow", "→" }, { "to", "→" }, { "leftarrow", "←" }, { "Rightarrow", "⇒" },
    { "leftrightarrow", "↔" }, { "uparrow", "↑" }, { "downarrow", "↓" }, { "circ", "∘" },
    { "degree", "°" }, { "prime", "′" }, { "ell", "ℓ" }, { "hbar", "ħ" }, { "AA", "Å" },
    { "in", "∈" }, { "notin", "∉" }, { "subset", "⊂" }, { "cup", "∪" }, { "cap", "∩" },
    { "forall", "∀" }, { "exists", "∃" }, { "langle", "⟨" }, { "rangle", "⟩" },
    { "ldots", "…" }, { "cdots", "⋯" }, { "star", "⋆" }, { "bullet", "∙" },
    { "{", "{" }, { "}", "}" }, { "$", "$" }, { "%", "%" }, { "_", "_" }, { "#", "#" },
    { "&", "&amp;" }, { "backslash", "\\" }, { ",", "\u2009" }, { ";", "\u2005" },
    { ":", "\u2005" }, { "!", "" }, { " ", " " }, { "quad", "\u2003" }, { "qquad", "\u2003\u2003" },
    { "log", "log" }, { "ln", "ln" }, { "exp", "exp" }, { "sin", "sin" }, { "cos", "cos" },
    { "tan", "tan" }, { "max", "max" }, { "min", "min" }, { "lim", "lim" },
};

enum { N_LOWER_GREEK = 29 }; /* the first entries of tex_symbols */

static void math_group(sbuf *b, const char **ps, const char *end, int font, int depth);

/* One math atom: a {group}, a \command, or a character. font: 0 italic letters, 1 roman,
 * 2 bold. */
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
        int f = -1;
        if (strcmp(cmd, "mathrm") == 0 || strcmp(cmd, "mathdefault") == 0 ||
            strcmp(cmd, "text") == 0 || strcmp(cmd, "rm") == 0 || strcmp(cmd, "mathregular") == 0)
            f = 1;
        else if (strcmp(cmd, "mathbf") == 0 || strcmp(cmd, "bf") == 0) f = 2;
        else if (strcmp(cmd, "mathit") == 0 || strcmp(cmd, "it") == 0) f = 0;
        if (f >= 0) {
            if (f == 2) sb_puts(b, "<b>");
            math_atom(b, ps, end, f, depth + 1);
            if (f == 2) sb_puts(b, "</b>");
            return;
        }
        if (strcmp(cmd, "frac") == 0 || strcmp(cmd, "dfrac") == 0 || strcmp(cmd, "tfrac") == 0) {
            math_atom(b, ps, end, font, depth + 1);
            sb_puts(b, "/");
            math_atom(b, ps, end, font, depth + 1);
            return;
        }
        if (strcmp(cmd, "sqrt") == 0) {
            sb_puts(b, "√");
            if (*ps < end && **ps == '{') {
                sb_puts(b, "<span overline=\"single\">");
                math_atom(b, ps, end, font, depth + 1);
                sb_puts(b, "</span>");
            }
            return;
        }
        if (strcmp(cmd, "left") == 0 || strcmp(cmd, "right") == 0) return;
        for (size_t i = 0; i < sizeof tex_symbols / sizeof *tex_symbols; i++)
            if (strcmp(cmd, tex_symbols[i].cmd) == 0) {
                /* lowercase Greek is italic in math, like letters (matplotlib) */
                bool greek_lower = i < N_LOWER_GREEK && font == 0;
                if (greek_lower) sb_puts(b, "<i>");
                sb_puts(b, tex_symbols[i].utf8);
                if (greek_lower) sb_puts(b, "</i>");
                return;
            }
        /* unknown command: show it literally, like a typo would read */
        sb_puts(b, "\\");
        sb_escaped(b, cmd, n);
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
    if (c == '-') {
        sb_puts(b, "−");
        return;
    }
    if (c == '*') {
        sb_puts(b, "∗");
        return;
    }
    if (c == ',') { /* TeX's punctuation spacing */
        sb_puts(b, ",\u2009");
        return;
    }
    bool letter = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
    if (letter && font == 0) {
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
    sb_escaped(b, s, len);
}

static void math_group(sbuf *b, const char **ps, const char *end, int font, int depth)
{
    while (*ps < end && **ps != '}') math_atom(b, ps, end, font, depth);
}

char *nplot__mathtext_markup(const char *s)
{
    sbuf b = { 0 };
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
        cairo_t *cr = rc->cr;
        cairo_save(cr);
        cairo_translate(cr, ox, oy);
        if (th != 0) cairo_rotate(cr, -th);
        cairo_set_source_rgba(cr, color->r, color->g, color->b, color->a);
        pango_cairo_update_context(cr, rc->pctx);
        pango_layout_context_changed(tb->layout);
        cairo_move_to(cr, 0, 0);
        pango_cairo_show_layout(cr, tb->layout);
        cairo_restore(cr);
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
