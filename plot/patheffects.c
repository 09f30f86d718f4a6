/* Path effects (matplotlib.patheffects), sketch (Artist.set_sketch_params) and plt.xkcd:
 * the setters and getters of artists, axes patches, axes texts and figure patches, and the
 * effective effects / sketch an artist is drawn with (fx_paint.c paints them and holds
 * Agg's sketcher). */
#include "plot_model.h"

#include <math.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>

typedef struct nplot__fx fx_item;

/* Path effects reach lines, patches, fills and text; a sketch lines, patches and fills
 * (matplotlib's Text ignores its sketch params). */
static nd_status check_kind(artist *a, const char *who, bool sketch)
{
    if (!a) return nd_set_error(ND_EVALUE, "%s: artist is NULL", who);
    if (nplot__check(a->ax->fig)) return a->ax->fig->status;
    if (a->removed)
        return nd_set_error(ND_EVALUE, "%s: the %s was removed", who, nplot__class_of(a->kind)->name);
    bool ok = a->kind == ART_LINE || a->kind == ART_PATCHES || a->kind == ART_POLY ||
              (!sketch && (a->kind == ART_TEXT || a->kind == ART_ANNOTATE));
    if (!ok)
        return nplot__fail(a->ax->fig, ND_EVALUE,
                           "%s: numc draws %s on lines, patches, fills%s, not on an artist of "
                           "type %s", who, sketch ? "sketches" : "path effects",
                           sketch ? "" : " and text", nplot__class_of(a->kind)->name);
    return ND_OK;
}

static nd_status check_sketch(nplot_figure *fig, double scale, double length, double randomness,
                              const char *who)
{
    if (!(scale >= 0 && length >= 0 && randomness >= 0) || !isfinite(scale) || !isfinite(length) ||
        !isfinite(randomness))
        return nplot__fail(fig, ND_EVALUE, "%s: scale %g, length %g and randomness %g must be "
                           "finite numbers >= 0", who, scale, length, randomness);
    return ND_OK;
}

static void store_sketch(double dst[3], double scale, double length, double randomness)
{
    dst[0] = scale;
    dst[1] = length ? length : 128.0;
    dst[2] = randomness ? randomness : 16.0;
}

/* The effective sketch: own (when set) else the rc path.sketch; false when none. */
static bool sketch_out(const nplot_figure *fig, bool set, const double own[3], double out[3])
{
    return nplot__sketch_rc(fig->style, set ? own : NULL, out);
}

nd_status nplot_artist_set_path_effects(nplot_artist *h, const nplot_path_effect *fx, size_t n)
{
    static const char *who = "nplot_artist_set_path_effects";
    artist *a = (artist *)(void *)h;
    nd_status st = check_kind(a, who, false);
    if (st) return st;
    if ((st = nplot__fx_parse(a->ax->fig, fx, n, a->fx, who))) return st;
    a->nfx = (int)n;
    a->fx_set = true;
    nplot__mark_dirty(a->ax->fig);
    return ND_OK;
}

nd_status nplot__artist_fx_opt(artist *a, nplot_path_effects pe, const char *who)
{
    fx_list l = { 0 };
    nd_status st = nplot__fx_opt(a->ax->fig, pe, &l, who);
    if (st || !l.set) return st;
    memcpy(a->fx, l.fx, sizeof a->fx);
    a->nfx = l.n;
    a->fx_set = true;
    return ND_OK;
}

nd_status nplot_artist_set_sketch_params(nplot_artist *h, double scale, double length,
                                         double randomness)
{
    static const char *who = "nplot_artist_set_sketch_params";
    artist *a = (artist *)(void *)h;
    nd_status st = check_kind(a, who, true);
    if (st) return st;
    if ((st = check_sketch(a->ax->fig, scale, length, randomness, who))) return st;
    store_sketch(a->sketch, scale, length, randomness);
    a->sketch_set = true;
    nplot__mark_dirty(a->ax->fig);
    return ND_OK;
}

int nplot__fx_of(const artist *a, const struct nplot__fx **fx)
{
    if (a->fx_set) {
        *fx = a->fx;
        return a->nfx;
    }
    /* rcParams path.effects, read per thread at draw */
    static _Thread_local fx_item rc_fx[1];
    *fx = rc_fx;
    return nplot__fx_rc(a->ax->fig->style, rc_fx);
}

bool nplot__sketch_of(const artist *a, double out[3])
{
    return sketch_out(a->ax->fig, a->sketch_set, a->sketch, out);
}

/* ---- getters, the axes and figure patches, an axes' texts (effects2) ---- */
int nplot__fx_list_of(const nplot_figure *fig, const fx_list *l, struct nplot__fx *rc_fx,
                      const struct nplot__fx **out)
{
    if (l->set) {
        *out = l->fx;
        return l->n;
    }
    *out = rc_fx;
    return nplot__fx_rc(fig->style, rc_fx);
}

/* Copy effects fx[0..n) back to the public form, at most cap; returns n. */
static int fx_export(const struct nplot__fx *fx, int n, nplot_path_effect *out, size_t cap)
{
    for (int i = 0; out && i < n && (size_t)i < cap; i++) {
        const struct nplot__fx *f = &fx[i];
        out[i] = (nplot_path_effect){ .kind = (nplot_effect_kind)f->kind, .linewidth = f->lw,
                                      .foreground = f->fg_set ? f->fg_name : NULL, .alpha = f->alpha,
                                      .rho = f->rho, .offset = { f->off[0], f->off[1] },
                                      .spacing = f->spacing, .angle = f->angle, .length = f->length };
    }
    return n;
}

int nplot_artist_get_path_effects(const nplot_artist *h, nplot_path_effect *out, size_t cap)
{
    const artist *a = (const artist *)(const void *)h;
    if (!a) return nd_set_error(ND_EVALUE, "nplot_artist_get_path_effects: artist is NULL");
    const struct nplot__fx *fx;
    int n = nplot__fx_of(a, &fx);
    return fx_export(fx, n, out, cap);
}

bool nplot_artist_get_sketch_params(const nplot_artist *h, double out[3])
{
    const artist *a = (const artist *)(const void *)h;
    if (!a) {
        if (out) out[0] = out[1] = out[2] = 0;
        return false;
    }
    return sketch_out(a->ax->fig, a->sketch_set, a->sketch, out);
}

nd_status nplot_axes_set_path_effects(nplot_axes *ax, const nplot_path_effect *fx, size_t n)
{
    static const char *who = "nplot_axes_set_path_effects";
    if (!ax) return nd_set_error(ND_EVALUE, "%s: axes is NULL", who);
    nd_status st = nplot__check(ax->fig);
    if (st) return st;
    if ((st = nplot__fx_parse(ax->fig, fx, n, ax->patch_fx.fx, who))) return st;
    ax->patch_fx.n = (int)n;
    ax->patch_fx.set = true;
    nplot__mark_dirty(ax->fig);
    return ND_OK;
}

int nplot_axes_get_path_effects(const nplot_axes *ax, nplot_path_effect *out, size_t cap)
{
    if (!ax) return nd_set_error(ND_EVALUE, "nplot_axes_get_path_effects: axes is NULL");
    static _Thread_local struct nplot__fx rc_fx[1];
    const struct nplot__fx *fx;
    int n = nplot__fx_list_of(ax->fig, &ax->patch_fx, rc_fx, &fx);
    return fx_export(fx, n, out, cap);
}

nd_status nplot_axes_set_sketch_params(nplot_axes *ax, double scale, double length, double randomness)
{
    static const char *who = "nplot_axes_set_sketch_params";
    if (!ax) return nd_set_error(ND_EVALUE, "%s: axes is NULL", who);
    nd_status st = nplot__check(ax->fig);
    if (st || (st = check_sketch(ax->fig, scale, length, randomness, who))) return st;
    store_sketch(ax->patch_sketch, scale, length, randomness);
    ax->patch_sketch_set = true;
    nplot__mark_dirty(ax->fig);
    return ND_OK;
}

bool nplot_axes_get_sketch_params(const nplot_axes *ax, double out[3])
{
    if (!ax) {
        if (out) out[0] = out[1] = out[2] = 0;
        return false;
    }
    return sketch_out(ax->fig, ax->patch_sketch_set, ax->patch_sketch, out);
}

nd_status nplot_figure_set_path_effects(nplot_figure *fig, const nplot_path_effect *fx, size_t n)
{
    static const char *who = "nplot_figure_set_path_effects";
    if (!fig) return nd_set_error(ND_EVALUE, "%s: figure is NULL", who);
    nd_status st = nplot__check(fig);
    if (st) return st;
    if ((st = nplot__fx_parse(fig, fx, n, fig->patch_fx.fx, who))) return st;
    fig->patch_fx.n = (int)n;
    fig->patch_fx.set = true;
    nplot__mark_dirty(fig);
    return ND_OK;
}

int nplot_figure_get_path_effects(const nplot_figure *fig, nplot_path_effect *out, size_t cap)
{
    if (!fig) return nd_set_error(ND_EVALUE, "nplot_figure_get_path_effects: figure is NULL");
    static _Thread_local struct nplot__fx rc_fx[1];
    const struct nplot__fx *fx;
    int n = nplot__fx_list_of(fig, &fig->patch_fx, rc_fx, &fx);
    return fx_export(fx, n, out, cap);
}

nd_status nplot_figure_set_sketch_params(nplot_figure *fig, double scale, double length,
                                         double randomness)
{
    static const char *who = "nplot_figure_set_sketch_params";
    if (!fig) return nd_set_error(ND_EVALUE, "%s: figure is NULL", who);
    nd_status st = nplot__check(fig);
    if (st || (st = check_sketch(fig, scale, length, randomness, who))) return st;
    store_sketch(fig->patch_sketch, scale, length, randomness);
    fig->patch_sketch_set = true;
    nplot__mark_dirty(fig);
    return ND_OK;
}

bool nplot_figure_get_sketch_params(const nplot_figure *fig, double out[3])
{
    if (!fig) {
        if (out) out[0] = out[1] = out[2] = 0;
        return false;
    }
    return sketch_out(fig, fig->patch_sketch_set, fig->patch_sketch, out);
}

nd_status nplot_axes_set_text_path_effects(nplot_axes *ax, const char *which,
                                           const nplot_path_effect *fx, size_t n)
{
    static const char *who = "nplot_axes_set_text_path_effects";
    static const char *const names[] = { "title", "xlabel", "ylabel", "xticklabels", "yticklabels" };
    static const int first[] = { AXT_TITLE, AXT_XLABEL, AXT_YLABEL, AXT_XTICKS, AXT_YTICKS };
    if (!ax) return nd_set_error(ND_EVALUE, "%s: axes is NULL", who);
    nd_status st = nplot__check(ax->fig);
    if (st) return st;
    int k = -1;
    for (int i = 0; which && i < 5; i++)
        if (!strcmp(which, names[i])) k = i;
    if (k < 0)
        return nplot__fail(ax->fig, ND_EVALUE, "%s: which must be 'title', 'xlabel', 'ylabel', "
                           "'xticklabels' or 'yticklabels', got '%s'", who, which ? which : "(null)");
    fx_list l = { .n = (int)n, .set = true };
    if ((st = nplot__fx_parse(ax->fig, fx, n, l.fx, who))) return st;
    for (int i = first[k]; i < (k ? first[k] + 1 : AXT_XLABEL); i++) ax->text_fx[i] = l;
    nplot__mark_dirty(ax->fig);
    return ND_OK;
}

nd_status nplot_xkcd(double scale, double length, double randomness)
{
    static const char *who = "nplot_xkcd";
    if (!(scale >= 0 && length >= 0 && randomness >= 0) || !isfinite(scale) || !isfinite(length) ||
        !isfinite(randomness))
        return nd_set_error(ND_EVALUE, "%s: scale %g, length %g and randomness %g must be finite "
                            "numbers >= 0", who, scale, length, randomness);
    char sketch[128];
    snprintf(sketch, sizeof sketch, "%.17g, %.17g, %.17g", scale ? scale : 1.0,
             length ? length : 100.0, randomness ? randomness : 2.0);
    static const char *const kv[][2] = {
        { "font.family", "xkcd, xkcd Script, Humor Sans, Comic Neue, Comic Sans MS" },
        { "font.size", "14.0" },
        { "path.effects", "[withStroke(linewidth=4, foreground='w')]" },
        { "axes.linewidth", "1.5" },
        { "lines.linewidth", "2.0" },
        { "figure.facecolor", "white" },
        { "grid.linewidth", "0.0" },
        { "axes.grid", "False" },
        { "axes.unicode_minus", "False" },
        { "axes.edgecolor", "black" },
        { "xtick.major.size", "8" },
        { "xtick.major.width", "3" },
        { "ytick.major.size", "8" },
        { "ytick.major.width", "3" },
    };
    nd_status st = nplot_rc_set("path.sketch", sketch);
    for (size_t i = 0; !st && i < sizeof kv / sizeof *kv; i++) st = nplot_rc_set(kv[i][0], kv[i][1]);
    return st;
}
