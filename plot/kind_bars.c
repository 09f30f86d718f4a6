/* bar / barh (numeric or categorical positions) and hist (bar, step, stepfilled). */
#include "plot_model.h"
#include "dates.h"

#include <numc/stats.h>

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* What a bar container keeps per bar for bar_label (in the artist's z, BAR_INFO values a
 * bar): the data value, the rectangle and the far end of its error bar (NaN: none). */
enum { BI_VALUE = 0, BI_X0, BI_X1, BI_Y0, BI_Y1, BI_ERR, BAR_INFO };

/* bar(xerr=, yerr=): error bars through the bar ends (matplotlib: errorbar(fmt='none'),
 * ecolor black, no caps unless capsize), and each bar's error end noted in info. */
static nd_status bar_errors(nplot_axes *ax, bool horiz, double *info, size_t n,
                            const nplot_bar_opts *o, const char *who)
{
    if (!o->xerr.v && !o->yerr.v) return ND_OK;
    nplot_figure *fig = ax->fig;
    nd_status st = ND_OK;
    double *buf = nd_malloc(sizeof(double) * (6 * n + 1), who);
    if (!buf) return nplot__fail(fig, ND_ENOMEM, "%s: out of memory", who);
    double *ex = buf, *ey = buf + n, *xlo = buf + 2 * n, *xhi = buf + 3 * n, *ylo = buf + 4 * n,
           *yhi = buf + 5 * n;
    for (size_t i = 0; i < n; i++) {
        const double *bi = info + BAR_INFO * i;
        /* the bar end: the centre of the far side along the value axis */
        double v1 = horiz ? bi[BI_X1] : bi[BI_Y1];
        double pc = horiz ? (bi[BI_Y0] + bi[BI_Y1]) / 2 : (bi[BI_X0] + bi[BI_X1]) / 2;
        ex[i] = horiz ? v1 : pc;
        ey[i] = horiz ? pc : v1;
        for (int e = 0; e < 2; e++) {
            const nplot_f64s *er = e ? &o->yerr : &o->xerr;
            double *lo = e ? ylo : xlo, *hi = e ? yhi : xhi;
            if (!er->v) continue;
            lo[i] = er->v[i];
            hi[i] = er->n == 2 * n ? er->v[n + i] : er->v[i];
        }
    }
    nplot_errorbar_opts eo = { .fmt = "none", .ecolor = o->ecolor ? o->ecolor : "black",
                               .capsize = o->capsize, .alpha = o->alpha };
    st = nplot__errorbar(ax, ex, ey, n, o->xerr.v ? xlo : NULL, o->xerr.v ? xhi : NULL,
                         o->yerr.v ? ylo : NULL, o->yerr.v ? yhi : NULL, &eo, who);
    /* matplotlib's bar_label: the label sits past the error bar along the value axis */
    for (size_t i = 0; !st && i < n; i++) {
        double *bi = info + BAR_INFO * i;
        const nplot_f64s *er = horiz ? &o->xerr : &o->yerr;
        if (!er->v) continue;
        double end = horiz ? ex[i] : ey[i];
        double lo = er->v[i], hi = er->n == 2 * n ? er->v[n + i] : er->v[i];
        bi[BI_ERR] = bi[BI_VALUE] >= 0 ? end + hi : end - lo;
    }
    nd_free_mem(buf);
    return st;
}

/* The bars of one call. pos (or cats) gives the positions along the category axis, len
 * the extent along the value axis. `face` overrides the color options when non-NULL
 * (hist picks its color from the line cycle, as matplotlib does). */
static nd_status bars_draw(nplot_axes *ax, bool horiz, const double *pos, const char *const *cats,
                           const double *len, size_t n, const nplot_bar_opts *o, const rgba *face,
                           const char *who);

/* matplotlib's BarContainer: the bars (with their error bars) registered on the axes */
static nd_status bars(nplot_axes *ax, bool horiz, const double *pos, const char *const *cats,
                      const double *len, size_t n, const nplot_bar_opts *o, const rgba *face,
                      const char *who)
{
    CHECK_AX(ax, who);
    artist *before = ax->last_artist;
    nd_status st = bars_draw(ax, horiz, pos, cats, len, n, o, face, who);
    artist *first = before ? before->next : ax->artists;
    /* bar's errorbar call registers its ErrorbarContainer first (the artists after the bars) */
    if (!st && first && (o->xerr.n || o->yerr.n)) st = nplot__container_note(ax, first, CONT_ERRORBAR, who);
    return st ? st : nplot__container_note(ax, before, CONT_BAR, who);
}

static nd_status bars_draw(nplot_axes *ax, bool horiz, const double *pos, const char *const *cats,
                           const double *len, size_t n, const nplot_bar_opts *o, const rgba *face,
                           const char *who)
{
    CHECK_AX(ax, who);
    nplot_figure *fig = ax->fig;
    const nplot__style *st = fig->style;
    if (n > 0 && !len)
        return nplot__fail(fig, ND_EVALUE, "%s: heights are NULL", who);
    double thick = horiz ? o->height : o->width;
    if (!isfinite(thick)) return nplot__fail(fig, ND_EVALUE, "%s: bar width %g is not finite", who, thick);
    if (thick == 0) thick = 0.8;
    double base0 = horiz ? o->left : o->bottom;
    if (!isfinite(base0)) return nplot__fail(fig, ND_EVALUE, "%s: bottom %g is not finite", who, base0);
    bool edge_align = false;
    if (o->align) {
        if (!strcmp(o->align, "edge")) edge_align = true;
        else if (strcmp(o->align, "center"))
            return nplot__fail(fig, ND_EVALUE, "%s: align must be 'center' or 'edge', got '%s'", who, o->align);
    }
    if (o->alpha < 0 || o->alpha > 1 || o->linewidth < 0 || !isfinite(o->linewidth))
        return nplot__fail(fig, ND_EVALUE, "%s: alpha must be in [0, 1] and linewidth >= 0", who);
    const char *against = horiz ? "y and width have" : "x and height have";
    nd_status bad;
    if ((bad = NPLOT__CHECK_LEN(fig, who, "widths", o->widths, n, against)) ||
        (bad = NPLOT__CHECK_LEN(fig, who, "bottoms", o->bottoms, n, against)) ||
        (bad = NPLOT__CHECK_LEN(fig, who, "colors", o->colors, n, against)) ||
        (bad = NPLOT__CHECK_LEN(fig, who, "tick_labels", o->tick_labels, n, against)))
        return bad;
    const nplot_f64s *errs[2] = { &o->xerr, &o->yerr };
    for (int e = 0; e < 2; e++) {
        const nplot_f64s *er = errs[e];
        if (!er->v && !er->n) continue;
        if (!er->v || (er->n != n && er->n != 2 * n))
            return nplot__fail(fig, ND_ESHAPE, "%s: '%s' has %zu values, but %s %zu bars (give n "
                                               "or 2n)", who, e ? "yerr" : "xerr", er->n,
                               horiz ? "barh has" : "bar has", n);
        for (size_t i = 0; i < er->n; i++)
            if (er->v[i] < 0)
                return nplot__fail(fig, ND_EVALUE, "%s: '%s' values must be >= 0, got %g", who,
                                   e ? "yerr" : "xerr", er->v[i]);
    }
    if (!(o->capsize >= 0) || !isfinite(o->capsize))
        return nplot__fail(fig, ND_EVALUE, "%s: capsize must be >= 0, got %g", who, o->capsize);
    hatch_spec hs;
    if ((bad = nplot__hatch_parse(fig, o->hatch, &hs, who))) return bad;
    rgba one;
    if (face) one = *face;
    else if (o->color) {
        if (nplot__color(o->color, st, &one, who)) return nplot__fail(fig, ND_EVALUE, "%s", nd_errmsg());
    } else if (!o->colors.v) {
        one = nplot__next_patch_color(ax);
    } else {
        one = (rgba){ 0, 0, 0, 1 };
    }
    rgba edge = { 0, 0, 0, 1 };
    if (o->edgecolor && nplot__color(o->edgecolor, st, &edge, who))
        return nplot__fail(fig, ND_EVALUE, "%s", nd_errmsg());
    double *vx = nd_malloc(sizeof(double) * (5 * n + 1), who);
    double *vy = nd_malloc(sizeof(double) * (5 * n + 1), who);
    double *at = nd_malloc(sizeof(double) * (n + 1), who);
    rgba *cols = nd_malloc(sizeof(rgba) * (n + 1), who);
    double *info = nd_malloc(sizeof(double) * (BAR_INFO * n + 1), who);
    nd_status rc = ND_OK;
    if (!vx || !vy || !at || !cols || !info) {
        rc = nplot__fail(fig, ND_ENOMEM, "%s: out of memory for %zu bars", who, n);
        goto done;
    }
    for (size_t i = 0; i < n; i++) {
        if (cats) {
            double p = nplot__category(ax, !horiz, cats[i], who);
            if (p < 0) {
                rc = fig->status;
                goto done;
            }
            at[i] = p;
        } else {
            at[i] = pos ? pos[i] : (double)i;
        }
    }
    size_t k = 0, nb = 0;
    for (size_t i = 0; i < n; i++) {
        double w = o->widths.v ? o->widths.v[i] : thick;
        double b = o->bottoms.v ? o->bottoms.v[i] : base0;
        double p0 = edge_align ? at[i] : at[i] - w / 2, p1 = p0 + w;
        double v0 = b, v1 = b + len[i];
        rgba c = one;
        if (o->colors.v) {
            if (!o->colors.v[i]) {
                rc = nplot__fail(fig, ND_EVALUE, "%s: colors[%zu] is NULL", who, i);
                goto done;
            }
            if (nplot__color(o->colors.v[i], st, &c, who)) {
                rc = nplot__fail(fig, ND_EVALUE, "%s", nd_errmsg());
                goto done;
            }
        }
        double *bi = info + BAR_INFO * i;
        bi[BI_VALUE] = len[i];
        bi[BI_X0] = horiz ? v0 : p0, bi[BI_X1] = horiz ? v1 : p1;
        bi[BI_Y0] = horiz ? p0 : v0, bi[BI_Y1] = horiz ? p1 : v1;
        bi[BI_ERR] = NAN;
        if (!(isfinite(p0) && isfinite(p1) && isfinite(v0) && isfinite(v1))) continue;
        double px[4] = { p0, p1, p1, p0 }, py[4] = { v0, v0, v1, v1 };
        if (k) vx[k] = vy[k] = NAN, k++;
        for (int j = 0; j < 4; j++, k++) {
            vx[k] = horiz ? py[j] : px[j];
            vy[k] = horiz ? px[j] : py[j];
        }
        cols[nb++] = c;
        if ((rc = nplot__add_sticky(ax, horiz, b, who))) goto done;
    }
    artist *a = nplot__patches_new(ax, vx, vy, k, nb, cols, who);
    if (!a) {
        rc = fig->status;
        goto done;
    }
    if (!nb) a->face = one;
    if ((rc = nplot__artist_fx_opt(a, o->path_effects, who))) goto done;
    a->snap = true;
    a->has_edge = o->edgecolor != NULL;
    a->edge = edge;
    a->edge_lw = NPLOT_OPT(o->linewidth, 1.0);
    a->alpha = NPLOT_OPT(o->alpha, 1);
    a->zorder = o->zorder ? o->zorder : 1;
    a->hatch = hs;
    a->hatch_lw = NPLOT_OPT(o->hatch_linewidth, 1.0);
    if (o->label && !(a->label = nplot__strdup(fig, o->label, who))) {
        rc = fig->status;
        goto done;
    }
    nplot__update_datalim(ax, a);
    if ((rc = bar_errors(ax, horiz, info, n, o, who))) goto done;
    a->bars = horiz ? 2 : 1;
    a->nbars = n;
    a->z = info; /* the container bar_label reads */
    info = NULL;
    if (o->log && (rc = horiz ? nplot_set_xscale_(ax, "log", NULL) : nplot_set_yscale_(ax, "log", NULL)))
        goto done;
    if (o->tick_labels.v && n > 0) {
        nplot_ticks_opts to = { .labels = o->tick_labels };
        rc = horiz ? nplot_set_yticks_(ax, at, (int)n, &to) : nplot_set_xticks_(ax, at, (int)n, &to);
    }
done:
    nd_free_mem(vx);
    nd_free_mem(vy);
    nd_free_mem(at);
    nd_free_mem(cols);
    nd_free_mem(info);
    return rc;
}

static const nplot_bar_opts *bar_defaults(const nplot_bar_opts *o)
{
    static const nplot_bar_opts d = { 0 };
    return o ? o : &d;
}

nd_status nplot_bar_xy_(nplot_axes *ax, const double *x, const double *height, size_t n,
                             const nplot_bar_opts *o)
{
    return bars(ax, false, x, NULL, height, n, bar_defaults(o), NULL, "nplot_bar");
}

nd_status nplot_barh_xy_(nplot_axes *ax, const double *y, const double *width, size_t n,
                              const nplot_bar_opts *o)
{
    return bars(ax, true, y, NULL, width, n, bar_defaults(o), NULL, "nplot_barh");
}

nd_status nplot_bar_cat_(nplot_axes *ax, const char *const *x, const double *height,
                              size_t n, const nplot_bar_opts *o)
{
    if (ax && n > 0 && !x) return nplot__fail(ax->fig, ND_EVALUE, "nplot_bar: category labels are NULL");
    return bars(ax, false, NULL, x, height, n, bar_defaults(o), NULL, "nplot_bar");
}

nd_status nplot_barh_cat_(nplot_axes *ax, const char *const *y, const double *width,
                               size_t n, const nplot_bar_opts *o)
{
    if (ax && n > 0 && !y) return nplot__fail(ax->fig, ND_EVALUE, "nplot_barh: category labels are NULL");
    return bars(ax, true, NULL, y, width, n, bar_defaults(o), NULL, "nplot_barh");
}

static nd_status bar_arrays(nplot_axes *ax, bool horiz, const nd_array *x, const nd_array *h,
                            const nplot_bar_opts *o, const char *who)
{
    CHECK_AX(ax, who);
    if (!h) return nplot__fail(ax->fig, ND_EVALUE, "%s: heights are NULL", who);
    double *xs, *hs;
    size_t n;
    nd_status st = nplot__axis_xy_f64(ax, horiz, true, x, h, &xs, &hs, &n, horiz ? "y" : "x",
                                 horiz ? "width" : "height", who);
    if (!st) st = bars(ax, horiz, xs, NULL, hs, n, bar_defaults(o), NULL, who);
    nd_free_mem(xs);
    nd_free_mem(hs);
    return st;
}

nd_status nplot_bar_(nplot_axes *ax, const nd_array *x, const nd_array *height,
                          const nplot_bar_opts *o)
{
    return bar_arrays(ax, false, x, height, o, "nplot_bar");
}

nd_status nplot_barh_(nplot_axes *ax, const nd_array *y, const nd_array *width,
                           const nplot_bar_opts *o)
{
    return bar_arrays(ax, true, y, width, o, "nplot_barh");
}

/* ---- bar_label ------------------------------------------------------------------------------- */
/* Python's str(float): the shortest text that reads back as v, with ".0" on whole numbers. */
static void py_repr(double v, char *buf, size_t cap)
{
    if (!isfinite(v)) {
        snprintf(buf, cap, "%s", isnan(v) ? "nan" : v > 0 ? "inf" : "-inf");
        return;
    }
    for (int p = 1; p <= 17; p++) {
        snprintf(buf, cap, "%.*g", p, v);
        if (strtod(buf, NULL) == v) break;
    }
    /* Python switches to exponent form at 1e16 and below 1e-4, as %g does */
    if (!strpbrk(buf, ".en")) snprintf(buf + strlen(buf), cap - strlen(buf), ".0");
}

/* Insert thousands separators into the digits before the decimal point of s. */
static void group_thousands(char *s, size_t cap)
{
    char *p = s + (*s == '-' || *s == '+' || *s == ' ');
    size_t nd = strspn(p, "0123456789");
    size_t ncomma = nd > 0 ? (nd - 1) / 3 : 0;
    if (!ncomma || strlen(s) + ncomma + 1 > cap) return;
    memmove(p + nd + ncomma, p + nd, strlen(p + nd) + 1);
    for (size_t i = nd, out = nd + ncomma; i > 0;) {
        for (int k = 0; k < 3 && i > 0; k++) p[--out] = p[--i];
        if (i > 0) p[--out] = ',';
    }
}

/* The label text of value v through fmt: printf style with one conversion ("%g", "%.1f",
 * "%d" truncating as Python's % does, "%%" escapes) or str.format style with one field
 * ("{}", "{:.2f}", "{:,.0f}", "{:.1%}", "{:g}", "{:d}" on whole values). cbook's
 * _auto_format_str: printf first, then format. false for anything else. */
static bool format_label(const char *fmt, double v, char *out, size_t cap)
{
    char spec[32], conv = 0;
    const char *pct = NULL;
    size_t nconv = 0;
    for (const char *p = fmt; *p; p++) {
        if (*p != '%') continue;
        if (p[1] == '%') {
            p++;
            continue;
        }
        const char *q = p + 1;
        while (*q && strchr("-+ #0", *q)) q++;
        while (*q && strchr("0123456789.", *q)) q++;
        if (!*q || !strchr("fFeEgGdi", *q) || (size_t)(q - p) + 2 > sizeof spec) {
            nconv = 2; /* not printf: try str.format below */
            break;
        }
        conv = *q, pct = p, nconv++;
        p = q;
    }
    if (nconv == 1) {
        /* copy fmt with the conversion made C's: %d on a double becomes %lld of trunc(v) */
        char cf[256];
        if (strlen(fmt) + 4 > sizeof cf) return false;
        size_t pre = (size_t)(pct - fmt);
        const char *end = strpbrk(pct + 1, "fFeEgGdi");
        memcpy(cf, fmt, pre);
        size_t k = pre;
        memcpy(cf + k, pct, (size_t)(end - pct));
        k += (size_t)(end - pct);
        if (conv == 'd' || conv == 'i') {
            if (!isfinite(v) || fabs(v) > 9e18) return false;
            memcpy(cf + k, "lld", 3), k += 3;
            strcpy(cf + k, end + 1);
            snprintf(out, cap, cf, (long long)trunc(v));
        } else {
            cf[k++] = conv;
            strcpy(cf + k, end + 1);
            snprintf(out, cap, cf, v);
        }
        return true;
    }
    /* str.format: literal text with {{ }} escapes and one {} field */
    size_t k = 0;
    int fields = 0;
    for (const char *p = fmt; *p; p++) {
        if ((*p == '{' && p[1] == '{') || (*p == '}' && p[1] == '}')) {
            if (k + 1 < cap) out[k++] = *p;
            p++;
            continue;
        }
        if (*p == '}') return false;
        if (*p != '{') {
            if (k + 1 < cap) out[k++] = *p;
            continue;
        }
        const char *close = strchr(p, '}');
        if (!close || fields++) return false;
        const char *f = p + 1;
        if (*f == '0') f++; /* an explicit index 0 */
        char piece[128];
        if (f == close) {
            py_repr(v, piece, sizeof piece);
        } else {
            if (*f != ':') return false;
            f++;
            bool comma = false, plus = false;
            int prec = -1;
            char type = 0;
            if (*f == '+') plus = true, f++;
            if (*f == ',') comma = true, f++;
            if (*f == '.') {
                char *e;
                long pr = strtol(f + 1, &e, 10);
                if (e == f + 1 || pr > 50) return false;
                prec = (int)pr, f = e;
            }
            if (f < close && strchr("fFeEgG%d", *f)) type = *f++;
            if (f != close) return false;
            double val = type == '%' ? v * 100 : v;
            if (type == 'd') {
                if (v != trunc(v) || fabs(v) > 9e18 || prec >= 0) return false;
                snprintf(piece, sizeof piece, plus ? "%+lld" : "%lld", (long long)v);
            } else if (!type && prec < 0) {
                py_repr(val, piece, sizeof piece);
                if (plus && val >= 0) memmove(piece + 1, piece, strlen(piece) + 1), piece[0] = '+';
            } else {
                char c = !type || type == '%' ? (type ? 'f' : 'g') : type;
                int pr = prec < 0 ? 6 : prec;
                switch (c) {
                case 'f': case 'F': snprintf(piece, sizeof piece, "%.*f", pr, val); break;
                case 'e': snprintf(piece, sizeof piece, "%.*e", pr, val); break;
                case 'E': snprintf(piece, sizeof piece, "%.*E", pr, val); break;
                case 'G': snprintf(piece, sizeof piece, "%.*G", pr, val); break;
                default: snprintf(piece, sizeof piece, "%.*g", pr, val); break;
                }
                if (plus && val >= 0) memmove(piece + 1, piece, strlen(piece) + 1), piece[0] = '+';
            }
            if (comma) group_thousands(piece, sizeof piece);
            if (type == '%') strncat(piece, "%", sizeof piece - strlen(piece) - 1);
        }
        for (const char *c = piece; *c && k + 1 < cap; c++) out[k++] = *c;
        p = close;
    }
    out[k] = '\0';
    return fields == 1;
}

nd_status nplot_bar_label_(nplot_axes *ax, const nplot_bar_label_opts *o)
{
    static const char *who = "nplot_bar_label";
    CHECK_AX(ax, who);
    nplot_figure *fig = ax->fig;
    o = NPLOT__OPTS(o, nplot_bar_label_opts);
    if (o->container < 0)
        return nplot__fail(fig, ND_EVALUE, "%s: container must be >= 0, got %d", who, o->container);
    artist *bars = NULL;
    int seen = 0;
    for (artist *a = ax->artists; a; a = a->next) {
        if (!a->bars) continue;
        seen++;
        if (!o->container || seen == o->container) bars = a;
        if (seen == o->container) break;
    }
    if (!bars)
        return nplot__fail(fig, ND_EVALUE, o->container ? "%s: the axes has %d bar containers, "
                                                          "asked for number %d"
                                                        : "%s: the axes has no bars (%d), call "
                                                          "nplot_bar first%.0d",
                           who, seen, o->container);
    size_t n = bars->nbars;
    nd_status st = NPLOT__CHECK_LEN(fig, who, "labels", o->labels, n, "the bars are");
    if (st) return st;
    bool center = false;
    if (o->label_type) {
        if (!strcmp(o->label_type, "center")) center = true;
        else if (strcmp(o->label_type, "edge"))
            return nplot__fail(fig, ND_EVALUE, "%s: label_type must be 'edge' or 'center', got '%s'",
                               who, o->label_type);
    }
    if (!isfinite(o->padding))
        return nplot__fail(fig, ND_EVALUE, "%s: padding must be finite, got %g", who, o->padding);
    const char *fmt = o->fmt ? o->fmt : "%g";
    char probe[64];
    if (!o->labels.v && !o->fmt_fn && !format_label(fmt, 1, probe, sizeof probe))
        return nplot__fail(fig, ND_EVALUE, "%s: fmt '%s' must hold one conversion, printf style "
                                           "('%%.1f', '%%d') or format style ('{:.2f}', '{:,.0f}')",
                           who, fmt);
    bool horiz = bars->bars == 2;
    const axis_state *va = horiz ? &ax->xa : &ax->ya;
    bool inverted = va->inverted || (va->set_lo && va->set_hi && va->lo_fixed > va->hi_fixed);
    for (size_t i = 0; i < n && !st; i++) {
        const double *bi = bars->z + BAR_INFO * i;
        double dat = bi[BI_VALUE];
        double sgn = dat > 0 ? 1 : dat < 0 ? -1 : 0;
        double lo = horiz ? bi[BI_X0] : bi[BI_Y0], hi = horiz ? bi[BI_X1] : bi[BI_Y1];
        double extrema = dat >= 0 ? fmax(lo, hi) : fmin(lo, hi), length = fabs(hi - lo);
        double endpt = isnan(bi[BI_ERR]) ? extrema : bi[BI_ERR];
        double value = center ? sgn * length : extrema;
        char text[256];
        if (isnan(dat)) text[0] = '\0';
        else if (o->labels.v) snprintf(text, sizeof text, "%s", o->labels.v[i] ? o->labels.v[i] : "");
        else if (o->fmt_fn) {
            text[0] = '\0';
            o->fmt_fn(value, (int)i, text, sizeof text, o->fmt_ctx);
            text[sizeof text - 1] = '\0';
        } else format_label(fmt, value, text, sizeof text);
        double xc = (bi[BI_X0] + bi[BI_X1]) / 2, yc = (bi[BI_Y0] + bi[BI_Y1]) / 2;
        if (center) {
            /* the middle of the bar as drawn: halfway in the scaled space */
            const axis_state *xs = &ax->xa, *ys = &ax->ya;
            xc = nplot__scale_inv(xs, (nplot__scale_fwd(xs, bi[BI_X0]) + nplot__scale_fwd(xs, bi[BI_X1])) / 2);
            yc = nplot__scale_inv(ys, (nplot__scale_fwd(ys, bi[BI_Y0]) + nplot__scale_fwd(ys, bi[BI_Y1])) / 2);
        }
        double px = horiz ? (center ? xc : endpt) : xc, py = horiz ? yc : (center ? yc : endpt);
        if (!isfinite(px) || !isfinite(py)) continue;
        double dir = (inverted ? -1 : 1) * sgn * o->padding;
        double off[2] = { horiz ? dir : 0, horiz ? 0 : dir };
        nplot_annotate_opts ao = { .xytext = NPLOT_F64_ARRAY(off, 2), .textcoords = "offset points",
                                   .text = o->text };
        if (center) {
            ao.text.ha = "center", ao.text.va = "center";
        } else if (!horiz) {
            ao.text.ha = "center";
            ao.text.va = inverted ? (dat > 0 ? "top" : "bottom") : (dat < 0 ? "top" : "bottom");
        } else {
            ao.text.ha = inverted ? (dat > 0 ? "right" : "left") : (dat < 0 ? "right" : "left");
            ao.text.va = "center";
        }
        st = nplot_annotate_(ax, text, px, py, &ao);
    }
    return st;
}

/* ---- hist ------------------------------------------------------------------------------------ */
enum { HT_BAR = 0, HT_STEP, HT_STEPFILLED };

/* counts / edges via nd_histogram on the finite values; *nbins set. */
static nd_status hist_counts(nplot_figure *fig, const double *x, const double *w, size_t n,
                             const nplot_hist_opts *o, double **counts, double **edges,
                             size_t *nbins, const char *who)
{
    nd_status st = ND_OK;
    double *fx = NULL, *fw = NULL;
    nd_array *ax = NULL, *aw = NULL, *ae = NULL, *h = NULL, *e = NULL;
    *counts = *edges = NULL;
    size_t m = 0;
    while (m < n && isfinite(x[m])) m++;
    const double *ux = x, *uw = w;
    if (m < n) {
        /* matplotlib drops NaN (numpy.histogram would refuse them without a range) */
        fx = nd_malloc(sizeof(double) * n, who);
        fw = w ? nd_malloc(sizeof(double) * n, who) : NULL;
        if (!fx || (w && !fw)) {
            st = nplot__fail(fig, ND_ENOMEM, "%s: out of memory", who);
            goto done;
        }
        m = 0;
        for (size_t i = 0; i < n; i++) {
            if (!isfinite(x[i])) continue;
            if (w) fw[m] = w[i];
            fx[m++] = x[i];
        }
        ux = fx, uw = fw;
    }
    if ((st = NPLOT__CHECK_LEN(fig, who, "range", o->range, 2, "it takes"))) goto done;
    nd_hist_opts ho = { .bins = NPLOT_OPT(o->bins, 10), .range = o->range.v,
                        .density = o->density };
    if (o->bins < 0) {
        st = nplot__fail(fig, ND_EVALUE, "%s: bins must be positive, got %d", who, o->bins);
        goto done;
    }
    if (o->bins_rule) {
        int r = nd_bin_rule_from_name(o->bins_rule);
        if (r < 0) {
            st = nplot__fail(fig, ND_EVALUE, "%s: unknown bins rule '%s' (auto, fd, sturges, scott, "
                                             "rice, sqrt, doane)", who, o->bins_rule);
            goto done;
        }
        ho.rule = (nd_bin_rule)r;
    }
    if (o->edges.v || o->edges.n) {
        if (!o->edges.v || o->edges.n < 2) {
            st = nplot__fail(fig, ND_EVALUE, "%s: 'edges' needs at least 2 bin edges, got %zu", who,
                             o->edges.n);
            goto done;
        }
        if (!(ae = nd_from_f64(o->edges.v, (ptrdiff_t)o->edges.n))) goto nd_fail;
        ho.edges = ae;
    }
    /* the values are only read: wrap them instead of copying (a million values are 8 MB) */
    ptrdiff_t len = (ptrdiff_t)m;
    static double none[1];
    if (!ux) ux = none; /* nd_wrap wants a buffer even for no values */
    if (w && !uw) uw = none;
    if (!(ax = nd_wrap((void *)ux, 1, &len, NULL, ND_FLOAT64, NULL, NULL))) goto nd_fail;
    if (w) {
        if (!(aw = nd_wrap((void *)uw, 1, &len, NULL, ND_FLOAT64, NULL, NULL))) goto nd_fail;
        ho.weights = aw;
    }
    if (nd_histogram_(ax, &h, &e, &ho)) goto nd_fail;
    size_t nb = (size_t)nd_size(h);
    *counts = nd_malloc(sizeof(double) * (nb ? nb : 1), who);
    *edges = nd_malloc(sizeof(double) * (nb + 1), who);
    if (!*counts || !*edges) {
        st = nplot__fail(fig, ND_ENOMEM, "%s: out of memory", who);
        goto done;
    }
    if ((nb && nd_to_f64(h, *counts)) || nd_to_f64(e, *edges)) goto nd_fail;
    *nbins = nb;
    goto done;
nd_fail:
    st = nplot__fail(fig, nd_last_error() ? nd_last_error() : ND_EVALUE, "%s: %s", who, nd_errmsg());
done:
    if (st) {
        nd_free_mem(*counts);
        nd_free_mem(*edges);
        *counts = *edges = NULL;
    }
    nd_free_mem(fx);
    nd_free_mem(fw);
    nd_free(ax);
    nd_free(aw);
    nd_free(ae);
    nd_free(h);
    nd_free(e);
    return st;
}

enum { HT_BARSTACKED = HT_STEPFILLED + 1 };

/* The polygons of histtype step / stepfilled for k datasets of nb bins (matplotlib's hist):
 * 4 nb + 1 vertices each, the top (bottom + tops) forward and the previous dataset's top
 * (stacked) or the bottom backward; the step line is the first 2 nb + 2 of them. */
static void step_polygon(const double *edges, size_t nb, const double *top, const double *prev,
                         double bottom, double *x, double *y)
{
    size_t ne = nb + 1, nv = 4 * ne - 3;
    for (size_t i = 0; i < 2 * ne - 1; i++) x[i] = edges[i / 2];
    for (size_t i = 0; i + 1 < 2 * ne - 1; i++) {
        /* y[1 + 2j] = y[2 + 2j] = top of bin j */
        size_t j = i / 2;
        y[1 + i] = top[j] + bottom;
    }
    for (size_t i = 2 * ne - 1; i < nv; i++) {
        size_t src = 2 * ne - 2 - (i - (2 * ne - 1)); /* x[1 : 2 ne - 1] reversed */
        x[i] = x[src];
        size_t j = (src - 1) / 2;
        y[i] = prev ? prev[j] + bottom : bottom;
    }
    y[0] = y[nv - 1];
}

/* hist over k datasets (xs[d], ws[d] of ns[d] values; ws NULL or ws[d] NULL: no weights). */
static nd_status hist_sets(nplot_axes *ax, size_t k, const double *const *xs,
                           const double *const *ws, const size_t *ns, const nplot_hist_opts *o,
                           const char *who)
{
    CHECK_AX(ax, who);
    nplot_figure *fig = ax->fig;
    for (size_t d = 0; d < k; d++)
        if (ns[d] > 0 && !xs[d]) return nplot__fail(fig, ND_EVALUE, "%s: x is NULL", who);
    int type = HT_BAR;
    if (o->histtype) {
        if (!strcmp(o->histtype, "step")) type = HT_STEP;
        else if (!strcmp(o->histtype, "stepfilled")) type = HT_STEPFILLED;
        else if (!strcmp(o->histtype, "barstacked")) type = HT_BARSTACKED;
        else if (strcmp(o->histtype, "bar"))
            return nplot__fail(fig, ND_EVALUE, "%s: histtype must be 'bar', 'barstacked', 'step' or "
                                               "'stepfilled', got '%s'", who, o->histtype);
    }
    bool stacked = o->stacked || type == HT_BARSTACKED;
    bool horiz = false;
    if (o->orientation) {
        if (!strcmp(o->orientation, "horizontal")) horiz = true;
        else if (strcmp(o->orientation, "vertical"))
            return nplot__fail(fig, ND_EVALUE, "%s: orientation must be 'vertical' or 'horizontal', "
                                               "got '%s'", who, o->orientation);
    }
    if (o->rwidth < 0 || o->rwidth > 1 || !isfinite(o->bottom))
        return nplot__fail(fig, ND_EVALUE, "%s: rwidth must be in [0, 1] and bottom finite", who);
    if (o->alpha < 0 || o->alpha > 1 || o->linewidth < 0)
        return nplot__fail(fig, ND_EVALUE, "%s: alpha must be in [0, 1] and linewidth >= 0", who);
    nd_status st;
    if ((st = NPLOT__CHECK_LEN(fig, who, "colors", o->colors, k, "the datasets are")) ||
        (st = NPLOT__CHECK_LEN(fig, who, "labels", o->labels, k, "the datasets are")))
        return st;
    if (o->color && k > 1)
        return nplot__fail(fig, ND_EVALUE, "%s: 'color' is one color, but there are %zu datasets: "
                                           "give 'colors' with one per dataset", who, k);
    hatch_spec hs;
    if ((st = nplot__hatch_parse(fig, o->hatch, &hs, who))) return st;
    rgba edge = { 0, 0, 0, 1 };
    if (o->edgecolor && nplot__color(o->edgecolor, fig->style, &edge, who))
        return nplot__fail(fig, ND_EVALUE, "%s", nd_errmsg());
    rgba *color = nd_malloc(sizeof(rgba) * (k + 1), who);
    if (!color) return nplot__fail(fig, ND_ENOMEM, "%s: out of memory", who);
    for (size_t d = 0; d < k; d++) {
        const char *c = o->colors.v ? o->colors.v[d] : o->color;
        if (o->colors.v && !c) {
            nd_free_mem(color);
            return nplot__fail(fig, ND_EVALUE, "%s: colors[%zu] is NULL", who, d);
        }
        if (c && nplot__color(c, fig->style, &color[d], who)) {
            nd_free_mem(color);
            return nplot__fail(fig, ND_EVALUE, "%s", nd_errmsg());
        }
    }
    /* the bins: from all datasets together (matplotlib's histogram_bin_edges of the
     * concatenation), then each dataset counted in them */
    double *edges = NULL, *tops = NULL, *cat = NULL, *catw = NULL, *vx = NULL, *vy = NULL,
           *bpos = NULL, *bwid = NULL, *bbot = NULL, *bhgt = NULL;
    size_t nb = 0, total = 0;
    bool any_w = false;
    for (size_t d = 0; d < k; d++) total += ns[d], any_w |= ws && ws[d];
    {
        const double *ux = k ? xs[0] : NULL, *uw = ws && k ? ws[0] : NULL;
        if (k > 1) {
            cat = nd_malloc(sizeof(double) * (total + 1), who);
            catw = any_w ? nd_malloc(sizeof(double) * (total + 1), who) : NULL;
            if (!cat || (any_w && !catw)) {
                st = nplot__fail(fig, ND_ENOMEM, "%s: out of memory", who);
                goto done;
            }
            size_t m = 0;
            for (size_t d = 0; d < k; d++)
                for (size_t i = 0; i < ns[d]; i++, m++) {
                    cat[m] = xs[d][i];
                    if (catw) catw[m] = ws[d] ? ws[d][i] : 1;
                }
            ux = cat, uw = catw;
        }
        nplot_hist_opts bo = *o;
        bo.density = k > 1 ? false : o->density && !stacked;
        double *c0;
        if ((st = hist_counts(fig, ux, uw, k > 1 ? total : (k ? ns[0] : 0), &bo, &c0, &edges, &nb, who)))
            goto done;
        tops = nd_malloc(sizeof(double) * (k * nb + 1), who);
        if (!tops) {
            nd_free_mem(c0);
            st = nplot__fail(fig, ND_ENOMEM, "%s: out of memory", who);
            goto done;
        }
        if (k == 1) memcpy(tops, c0, sizeof(double) * nb);
        nd_free_mem(c0);
        for (size_t d = 0; k > 1 && d < k; d++) {
            bo = *o;
            bo.edges = NPLOT_F64_ARRAY(edges, nb + 1);
            bo.bins = 0, bo.bins_rule = NULL, bo.range = (nplot_f64s){ 0 };
            bo.density = o->density && !stacked;
            double *cd, *ed;
            size_t nbd;
            if ((st = hist_counts(fig, xs[d], ws ? ws[d] : NULL, ns[d], &bo, &cd, &ed, &nbd, who)))
                goto done;
            memcpy(tops + d * nb, cd, sizeof(double) * nb);
            nd_free_mem(cd);
            nd_free_mem(ed);
        }
    }
    if (stacked) {
        for (size_t d = 1; d < k; d++)
            for (size_t i = 0; i < nb; i++) tops[d * nb + i] += tops[(d - 1) * nb + i];
        if (o->density && k > 0) {
            double sum = 0;
            for (size_t i = 0; i < nb; i++) sum += tops[(k - 1) * nb + i];
            for (size_t d = 0; d < k; d++)
                for (size_t i = 0; i < nb; i++)
                    tops[d * nb + i] = tops[d * nb + i] / (edges[i + 1] - edges[i]) / sum;
        }
    }
    if (o->cumulative) {
        for (size_t d = 0; d < k; d++) {
            double *t = tops + d * nb;
            if (o->density)
                for (size_t i = 0; i < nb; i++) t[i] *= edges[i + 1] - edges[i];
            if (o->cumulative > 0)
                for (size_t i = 1; i < nb; i++) t[i] += t[i - 1];
            else if (nb > 0)
                for (size_t i = nb - 1; i-- > 0;) t[i] += t[i + 1];
        }
    }
    for (size_t d = 0; d < k; d++)
        if (!o->color && !o->colors.v) color[d] = nplot__next_line_color(ax); /* the line cycle */
    if (type == HT_BAR || type == HT_BARSTACKED) {
        double dr = o->rwidth > 0 ? o->rwidth : (k > 1 && !stacked ? 0.8 : 1.0);
        bpos = nd_malloc(sizeof(double) * (nb + 1), who);
        bwid = nd_malloc(sizeof(double) * (nb + 1), who);
        bbot = nd_malloc(sizeof(double) * (nb + 1), who);
        bhgt = nd_malloc(sizeof(double) * (nb + 1), who);
        if (!bpos || !bwid || !bbot || !bhgt) {
            st = nplot__fail(fig, ND_ENOMEM, "%s: out of memory", who);
            goto done;
        }
        for (size_t i = 0; i < nb; i++) bbot[i] = o->bottom;
        for (size_t d = 0; d < k; d++) {
            const double *m = tops + d * nb;
            for (size_t i = 0; i < nb; i++) {
                double tw = edges[i + 1] - edges[i];
                double width = stacked ? dr * tw : dr * tw / (double)k;
                double boff = (stacked ? 0 : -0.5 * dr * tw * (1 - 1.0 / (double)k)) + 0.5 * tw;
                bpos[i] = edges[i] + boff + (stacked ? 0 : (double)d * width);
                bwid[i] = width;
                bhgt[i] = stacked ? m[i] - bbot[i] : m[i];
            }
            const char *lab = o->labels.v ? o->labels.v[d] : d == 0 ? o->label : NULL;
            nplot_bar_opts bo = { .widths = NPLOT_F64_ARRAY(bwid, nb), .bottoms = NPLOT_F64_ARRAY(bbot, nb),
                                  .edgecolor = o->edgecolor, .linewidth = o->linewidth,
                                  .label = lab, .alpha = o->alpha, .zorder = o->zorder,
                                  .hatch = o->hatch, .hatch_linewidth = o->hatch_linewidth,
                                  .log = o->log };
            if ((st = bars(ax, horiz, bpos, NULL, bhgt, nb, &bo, &color[d], who))) goto done;
            if (stacked) memcpy(bbot, m, sizeof(double) * nb);
        }
    } else {
        size_t nv = 4 * (nb + 1) - 3;
        vx = nd_malloc(sizeof(double) * nv, who);
        vy = nd_malloc(sizeof(double) * nv, who);
        if (!vx || !vy) {
            st = nplot__fail(fig, ND_ENOMEM, "%s: out of memory", who);
            goto done;
        }
        /* added in reverse, so that lower datasets of a stack are drawn over higher ones */
        for (size_t dd = k; dd-- > 0;) {
            step_polygon(edges, nb, tops + dd * nb, stacked && dd > 0 ? tops + (dd - 1) * nb : NULL,
                         o->bottom, vx, vy);
            size_t nk = type == HT_STEPFILLED ? nv - 1 : 2 * (nb + 1);
            double *px = horiz ? vy : vx, *py = horiz ? vx : vy;
            /* a patch in both cases (matplotlib's Polygon): filled and closed, or an open
             * outline (zorder 2, as a line's); rectilinear, so snapped to pixels */
            artist *a = nplot__patches_new(ax, px, py, nk, 1, &color[dd], who);
            if (!a) {
                st = fig->status;
                goto done;
            }
            a->snap = true;
            a->hatch = hs;
            a->hatch_lw = NPLOT_OPT(o->hatch_linewidth, 1.0);
            if (type == HT_STEPFILLED) {
                a->has_edge = o->edgecolor != NULL;
                a->edge = edge;
                a->edge_lw = NPLOT_OPT(o->linewidth, 1.0);
                a->zorder = o->zorder ? o->zorder : 1;
            } else {
                a->has_face = false;
                a->open_path = true;
                a->has_edge = true;
                a->edge = color[dd];
                a->edge_lw = NPLOT_OPT(o->linewidth, 1.0);
                a->zorder = o->zorder ? o->zorder : 2;
            }
            a->alpha = NPLOT_OPT(o->alpha, 1);
            const char *lab = o->labels.v ? o->labels.v[dd] : dd == 0 ? o->label : NULL;
            if (lab && !(a->label = nplot__strdup(fig, lab, who))) {
                st = fig->status;
                goto done;
            }
            if ((st = nplot__add_sticky(ax, horiz, 0, who))) goto done;
            nplot__update_datalim(ax, a);
        }
        if (o->log && (st = horiz ? nplot_set_xscale_(ax, "log", NULL) : nplot_set_yscale_(ax, "log", NULL)))
            goto done;
    }
    if (o->counts_out) {
        ptrdiff_t shp[2] = { (ptrdiff_t)k, (ptrdiff_t)nb };
        nd_array *c = k == 1 ? nd_from_f64(tops, (ptrdiff_t)nb) : nd_from_f64(tops, (ptrdiff_t)(k * nb));
        if (c && k != 1) {
            nd_array *r = nd_reshape(c, 2, shp);
            nd_free(c);
            c = r;
        }
        if (!(*o->counts_out = c)) st = nplot__fail(fig, ND_ENOMEM, "%s: out of memory", who);
    }
    if (!st && o->edges_out && !(*o->edges_out = nd_from_f64(edges, (ptrdiff_t)nb + 1)))
        st = nplot__fail(fig, ND_ENOMEM, "%s: out of memory", who);
done:
    nd_free_mem(color);
    nd_free_mem(edges);
    nd_free_mem(tops);
    nd_free_mem(cat);
    nd_free_mem(catw);
    nd_free_mem(vx);
    nd_free_mem(vy);
    nd_free_mem(bpos);
    nd_free_mem(bwid);
    nd_free_mem(bbot);
    nd_free_mem(bhgt);
    return st;
}

static nd_status hist_impl(nplot_axes *ax, const double *x, const double *w, size_t n,
                           const nplot_hist_opts *o, const char *who)
{
    const double *ws[1] = { w };
    return hist_sets(ax, 1, &x, ws, &n, o, who);
}

nd_status nplot_hist_xy_(nplot_axes *ax, const double *x, size_t n, const nplot_hist_opts *o)
{
    o = NPLOT__OPTS(o, nplot_hist_opts);
    if (ax && o->weights_arr)
        return nplot__fail(ax->fig, ND_EVALUE, "nplot_hist_xy: use weights (a C array) with C arrays");
    nd_status st;
    if (ax && (st = NPLOT__CHECK_LEN(ax->fig, "nplot_hist", "weights", o->weights, n, "x has")))
        return st;
    return hist_impl(ax, x, o->weights.v, n, o, "nplot_hist");
}

static nd_status hist_array(nplot_axes *ax, const nd_array *x, const nplot_hist_opts *o,
                            const char *who)
{
    CHECK_AX(ax, who);
    o = NPLOT__OPTS(o, nplot_hist_opts);
    if (!x) return nplot__fail(ax->fig, ND_EVALUE, "%s: x is NULL", who);
    double *xs = NULL, *ws = NULL;
    size_t nx = 0, nw = 0;
    const double *ux;
    nd_status st = ND_OK;
    if (nd_dtype_of(x) == ND_FLOAT64 && nd_is_c_contiguous(x)) {
        ux = nd_data(x); /* read in place */
        nx = (size_t)nd_size(x);
    } else {
        st = nplot__to_f64(ax->fig, x, &xs, &nx, "x", who);
        ux = xs;
    }
    if (!st) st = nplot__to_f64(ax->fig, o->weights_arr, &ws, &nw, "weights", who);
    if (!st && o->weights_arr && nw != nx)
        st = nplot__fail(ax->fig, ND_ESHAPE, "%s: weights must have the same length as x, got %zu "
                                             "and %zu", who, nw, nx);
    if (!st && !o->weights_arr)
        st = NPLOT__CHECK_LEN(ax->fig, who, "weights", o->weights, nx, "x has");
    if (!st && nd_ndim(x) == 2) {
        /* matplotlib: a 2-D x is one dataset per column (weights of the same shape) */
        const ptrdiff_t *shp = nd_shape(x);
        size_t rows = (size_t)shp[0], k = (size_t)shp[1];
        double *cols = nd_malloc(sizeof(double) * (2 * nx + 1), who);
        const double **xp = nd_malloc(sizeof(double *) * (2 * k + 1), who);
        size_t *ns = nd_malloc(sizeof(size_t) * (k + 1), who);
        if (!cols || !xp || !ns) {
            st = nplot__fail(ax->fig, ND_ENOMEM, "%s: out of memory", who);
        } else {
            const double *uw = ws ? ws : o->weights.v;
            for (size_t d = 0; d < k; d++) {
                for (size_t r = 0; r < rows; r++) {
                    cols[d * rows + r] = ux[r * k + d];
                    if (uw) cols[nx + d * rows + r] = uw[r * k + d];
                }
                xp[d] = cols + d * rows;
                xp[k + d] = uw ? cols + nx + d * rows : NULL;
                ns[d] = rows;
            }
            st = hist_sets(ax, k, xp, xp + k, ns, o, who);
        }
        nd_free_mem(cols);
        nd_free_mem(xp);
        nd_free_mem(ns);
    } else if (!st) {
        st = hist_impl(ax, ux, ws ? ws : o->weights.v, nx, o, who);
    }
    nd_free_mem(xs);
    nd_free_mem(ws);
    return st;
}

nd_status nplot_hist_sets_xy_(nplot_axes *ax, const double *const *x, const size_t *n, size_t k,
                              const nplot_hist_opts *o)
{
    static const char *who = "nplot_hist_sets_xy";
    CHECK_AX(ax, who);
    o = NPLOT__OPTS(o, nplot_hist_opts);
    if (k > 0 && (!x || !n)) return nplot__fail(ax->fig, ND_EVALUE, "%s: x and n are required", who);
    if (o->weights_arr)
        return nplot__fail(ax->fig, ND_EVALUE, "%s: use weights (a C array) with C arrays", who);
    size_t total = 0;
    for (size_t d = 0; d < k; d++) total += n[d];
    nd_status st = NPLOT__CHECK_LEN(ax->fig, who, "weights", o->weights, total, "the datasets have");
    if (st) return st;
    const double **wp = nd_malloc(sizeof(double *) * (k + 1), who);
    if (!wp) return nplot__fail(ax->fig, ND_ENOMEM, "%s: out of memory", who);
    for (size_t d = 0, off = 0; d < k; off += n[d], d++) wp[d] = o->weights.v ? o->weights.v + off : NULL;
    st = hist_sets(ax, k, x, wp, n, o, who);
    nd_free_mem(wp);
    return st;
}

nd_status nplot_hist_(nplot_axes *ax, const nd_array *x, const nplot_hist_opts *o)
{
    return hist_array(ax, x, o, "nplot_hist");
}

/* masked form: masked values are NaN, which hist_impl drops together with their weights */
nd_status nplot_hist_ma_(nplot_axes *ax, const nd_marray *x, const nplot_hist_opts *o)
{
    static const char *who = "nplot_hist_ma";
    CHECK_AX(ax, who);
    nd_array *xa;
    nd_status st = nplot__ma_nan(ax->fig, x, &xa, "x", who);
    if (!st) st = hist_array(ax, xa, o, who);
    nd_free(xa);
    return st;
}
