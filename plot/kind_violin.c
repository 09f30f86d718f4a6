/* Axes.violin: violins drawn from precomputed statistics (matplotlib's vpstats: the KDE's
 * coordinates and densities, mean, median, extrema, quantiles). violinplot (kind_stats.c)
 * computes the statistics and draws through here, as boxplot draws through bxp. */
#include "plot_model.h"

#include <math.h>
#include <string.h>

nd_status nplot__seg_line(nplot_axes *ax, bool vert, const double *p, const double *v, size_t n,
                         rgba color, double lw, double zorder, const char *who)
{
    double xs[11], ys[11];
    for (size_t i = 0; i < n; i++) {
        xs[i] = vert ? p[i] : v[i];
        ys[i] = vert ? v[i] : p[i];
    }
    artist *a = nplot__artist_add(ax, ART_LINE, who);
    if (!a) return ax->fig->status;
    a->n = n;
    if (!(a->x = nplot__copy_or_index(ax->fig, xs, n, who)) || !(a->y = nplot__copy_or_index(ax->fig, ys, n, who)))
        return ax->fig->status;
    a->lp = (line_props){ .color = color, .lw = lw, .ls = LS_SOLID, .marker = MK_NONE, .markevery = 1 };
    a->zorder = zorder;
    nplot__update_datalim(ax, a);
    return ND_OK;
}

/* the body: fill_betweenx(coords, pos - vals, pos + vals), vals scaled to width/2 at the peak */
static nd_status violin_body(nplot_axes *ax, const nplot_violin_stats *s, double pos, double width,
                             bool vert, rgba face, const char *who)
{
    nplot_figure *fig = ax->fig;
    size_t points = s->n;
    double vmax = 0;
    for (size_t j = 0; j < points; j++) vmax = fmax(vmax, s->vals[j]);
    size_t nv = 2 * points;
    double *px = nd_malloc(sizeof(double) * nv, who), *py = nd_malloc(sizeof(double) * nv, who);
    if (!px || !py) {
        nd_free_mem(px);
        nd_free_mem(py);
        return nplot__fail(fig, ND_ENOMEM, "%s: out of memory", who);
    }
    for (size_t j = 0; j < points; j++) {
        double h = vmax > 0 ? 0.5 * width * s->vals[j] / vmax : 0;
        px[j] = pos - h, py[j] = s->coords[j];
        px[nv - 1 - j] = pos + h, py[nv - 1 - j] = s->coords[j];
    }
    artist *b = nplot__patches_new(ax, vert ? px : py, vert ? py : px, nv, 1, &face, who);
    nd_free_mem(px);
    nd_free_mem(py);
    if (!b) return fig->status;
    /* fill_betweenx's PolyCollection: no edge (patch.force_edgecolor is off), alpha 0.3 */
    b->has_edge = false;
    b->alpha = 0.3;
    b->zorder = 1;
    nplot__update_datalim(ax, b);
    return ND_OK;
}

static nd_status check_stats(nplot_figure *fig, const nplot_violin_stats *vs, int k,
                             const nplot_violin_draw_opts *o, const char *who)
{
    if (k < 0 || (k > 0 && !vs))
        return nplot__fail(fig, ND_EVALUE, "%s: need k >= 0 violin statistics", who);
    nd_status bad;
    if ((bad = NPLOT__CHECK_LEN(fig, who, "positions", o->positions, (size_t)k,
                                "the list of violinplot statistics has")) ||
        (bad = NPLOT__CHECK_LEN(fig, who, "widths_each", o->widths_each, (size_t)k,
                                "the list of violinplot statistics has")))
        return bad;
    if (!(o->widths >= 0) || !isfinite(o->widths))
        return nplot__fail(fig, ND_EVALUE, "%s: widths must be finite and >= 0, got %g", who, o->widths);
    for (int i = 0; i < k; i++) {
        const nplot_violin_stats *s = &vs[i];
        double p = o->positions.v ? o->positions.v[i] : i + 1;
        double w = o->widths_each.v ? o->widths_each.v[i] : 0;
        if (!isfinite(p) || !isfinite(w) || w < 0)
            return nplot__fail(fig, ND_EVALUE, "%s: positions must be finite and widths >= 0 (violin %d)",
                               who, i);
        if (s->n == 0 || !s->coords || !s->vals)
            return nplot__fail(fig, ND_EVALUE, "%s: violin %d has no coords / vals", who, i);
        if (s->quantiles.n && !s->quantiles.v)
            return nplot__fail(fig, ND_EVALUE, "%s: violin %d has a quantile count but no values", who, i);
    }
    return ND_OK;
}

nd_status nplot__violin_draw(nplot_axes *ax, const nplot_violin_stats *vs, int k,
                             const nplot_violin_draw_opts *o, const char *who)
{
    nd_status s = check_stats(ax->fig, vs, k, o, who);
    if (s || k == 0) return s;
    bool vert = o->vert != NPLOT_OFF, extrema = o->showextrema != NPLOT_OFF;
#define POS(i) (o->positions.v ? o->positions.v[i] : (i) + 1)
#define WIDTH(i) (o->widths_each.v ? o->widths_each.v[i] : NPLOT_OPT(o->widths, 0.5))
    /* one color for the whole call: the next line color, bodies at alpha 0.3 */
    rgba c = nplot__next_line_color(ax);
    for (int i = 0; i < k && !s; i++) s = violin_body(ax, &vs[i], POS(i), WIDTH(i), vert, c, who);
    /* the lines in matplotlib's order: means, maxes, mins, bars, medians, quantiles; the
     * perpendicular ones span widths / 4 either side */
    for (int pass = 0; pass < 6 && !s; pass++) {
        for (int i = 0; i < k && !s; i++) {
            const nplot_violin_stats *v = &vs[i];
            double p = POS(i), w = WIDTH(i);
            double ends[2] = { p - 0.25 * w, p + 0.25 * w };
            double at = NAN;
            if (pass == 0 && o->showmeans) at = v->mean;
            if (pass == 1 && extrema) at = v->max;
            if (pass == 2 && extrema) at = v->min;
            if (pass == 4 && o->showmedians) at = v->median;
            if (!isnan(at)) s = nplot__seg_line(ax, vert, ends, (double[]){ at, at }, 2, c, 1.5, 2, who);
            if (!s && pass == 3 && extrema)
                s = nplot__seg_line(ax, vert, (double[]){ p, p }, (double[]){ v->min, v->max }, 2, c, 1.5, 2, who);
            size_t nq = pass == 5 ? v->quantiles.n : 0;
            for (size_t j = 0; j < nq && !s; j++)
                s = nplot__seg_line(ax, vert, ends, (double[]){ v->quantiles.v[j], v->quantiles.v[j] }, 2, c,
                                    1.5, 2, who);
        }
    }
#undef POS
#undef WIDTH
    return s;
}

nd_status nplot_violin_(nplot_axes *ax, const nplot_violin_stats *vpstats, int k,
                        const nplot_violin_draw_opts *o)
{
    static const char *who = "nplot_violin";
    CHECK_AX(ax, who);
    return nplot__violin_draw(ax, vpstats, k, NPLOT__OPTS(o, nplot_violin_draw_opts), who);
}
