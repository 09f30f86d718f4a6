/* bar / barh (grouped), hist (shared bins), box and pie through the library's
 * nplot_bar / nplot_hist / nplot_boxplot / nplot_pie. */
#include "render.h"

#include <numc/stats.h>

#include <math.h>
#include <stdlib.h>
#include <string.h>

enum { MAX_BARS = 200000, MAX_WEDGES = 200 };

static bool dark(const cli_plot *p)
{
    const char *s = p->o->theme ? p->o->theme : p->o->style;
    return s && (strcmp(s, "dark_background") == 0 || strcmp(s, "dark") == 0);
}

/* ---- bar / barh ------------------------------------------------------------------------------------ */
int cli_kind_bar(cli_plot *p, nplot_axes *ax, int first, int count, bool horizontal)
{
    size_t total = 0;
    for (int i = 0; i < count; i++) total += p->series[first + i].n;
    if (total > MAX_BARS)
        return cli_plot_fail(p, CLI_EXIT_DATA,
                             "%s: %zu bars are too many for a bar chart (at most %d); try "
                             "--kind line or --kind hist", p->d->file, total, MAX_BARS);
    /* Groups of `count` bars share 0.8 of the distance between categories; the library's
     * bars stand on a sticky edge at zero. */
    double w = 0.8 / count;
    char cb[8];
    for (int i = 0; i < count; i++) {
        const cli_series *s = &p->series[first + i];
        double off = (i - (count - 1) / 2.0) * w;
        double *at = malloc((s->n ? s->n : 1) * sizeof *at);
        if (!at) return cli_plot_fail(p, CLI_EXIT_DATA, "%s: out of memory", p->d->file);
        for (size_t r = 0; r < s->n; r++) at[r] = s->x[r] + off;
        const char *col = cli_series_color(p, s->color, cb);
        if (horizontal)
            nplot_barh_xy(ax, at, s->y, s->n, .height = w, .color = col, .label = s->label,
                          .alpha = p->o->alpha);
        else
            nplot_bar_xy(ax, at, s->y, s->n, .width = w, .color = col, .label = s->label,
                         .alpha = p->o->alpha);
        free(at);
        int rc = cli_plot_status(p);
        if (rc) return rc;
    }
    return cli_plot_status(p);
}

/* ---- hist -------------------------------------------------------------------------------------------- */
int cli_kind_hist(cli_plot *p, nplot_axes *ax, int first, int count)
{
    const cli_opts *o = p->o;
    /* Shared bins over every series of the panel: numpy's 'auto' rule (or --bins) on all
     * the finite values. */
    size_t ntot = 0;
    for (int i = 0; i < count; i++) ntot += p->series[first + i].n;
    double *all = malloc((ntot ? ntot : 1) * sizeof *all);
    if (!all) return cli_plot_fail(p, CLI_EXIT_DATA, "%s: out of memory", p->d->file);
    size_t m = 0;
    for (int i = 0; i < count; i++) {
        const cli_series *s = &p->series[first + i];
        for (size_t r = 0; r < s->n; r++)
            if (isfinite(s->y[r])) all[m++] = s->y[r];
    }
    if (m == 0) {
        free(all);
        return cli_plot_fail(p, CLI_EXIT_DATA, "%s: no finite values to histogram", p->d->file);
    }
    nd_array *va = nd_from_f64(all, (ptrdiff_t)m);
    free(all);
    /* numpy's 'auto' may ask for very many bins on heavy-tailed data (integers up to
     * 2^60: ~3e8 bins); a chart shows at most 1000, capped before the edges exist */
    nd_hist_opts ho = { .bins = o->bins, .rule = o->bins ? ND_BINS_COUNT : ND_BINS_AUTO,
                        .max_bins = 1000 };
    nd_array *ea = va ? nd_histogram_bin_edges_(va, &ho) : NULL;
    nd_free(va);
    ptrdiff_t ne = ea ? nd_size(ea) : 0;
    if (!ea) return cli_plot_fail(p, CLI_EXIT_DATA, "%s: %s", p->d->file, nd_errmsg());
    const double *edges = nd_data(ea);
    double alpha = o->alpha > 0 ? o->alpha : count > 1 ? 0.5 : 0;
    char cb[8];
    int rc = CLI_EXIT_OK;
    for (int i = 0; i < count && !rc; i++) {
        const cli_series *s = &p->series[first + i];
        /* the masked path, as the line kinds: empty cells are masked, not counted */
        nd_marray *ym = cli_series_ma(s->y, s->n);
        if (!ym) {
            rc = cli_plot_fail(p, CLI_EXIT_DATA, "%s: out of memory", p->d->file);
            break;
        }
        nplot_hist_ma(ax, ym, .edges = NPLOT_F64_ARRAY(edges, ne), .density = o->density,
                      .color = cli_series_color(p, s->color, cb), .label = s->label, .alpha = alpha);
        nd_ma_free(ym);
        rc = cli_plot_status(p);
    }
    nd_free(ea);
    return rc;
}

/* ---- box ----------------------------------------------------------------------------------------------- */
int cli_kind_box(cli_plot *p, nplot_axes *ax, int first, int count)
{
    const char *fg = p->o->color ? p->o->color : dark(p) ? "white" : "black";
    const char **labels = malloc((size_t)(count ? count : 1) * sizeof *labels);
    const double **data = malloc((size_t)(count ? count : 1) * sizeof *data);
    size_t *lens = malloc((size_t)(count ? count : 1) * sizeof *lens);
    double *pos = malloc((size_t)(count ? count : 1) * sizeof *pos);
    int rc = CLI_EXIT_OK;
    if (!labels || !data || !lens || !pos) {
        rc = cli_plot_fail(p, CLI_EXIT_DATA, "%s: out of memory", p->d->file);
        goto done;
    }
    for (int i = 0; i < count; i++) {
        const cli_series *s = &p->series[first + i];
        labels[i] = s->label;
        data[i] = s->y;
        lens[i] = s->n;
        pos[i] = i + 1;
    }
    /* matplotlib's boxplot: quartiles, 1.5 IQR whiskers, open-circle fliers, C1 medians */
    nplot_boxplot_xy(ax, data, lens, count, .labels = NPLOT_STR_ARRAY(labels, count), .color = fg);
    rc = cli_plot_status(p);
    if (!rc) rc = cli_category_ticks(p, ax, false, labels, count, pos);
done:
    free(labels);
    free(data);
    free(lens);
    free(pos);
    return rc;
}

/* ---- pie ------------------------------------------------------------------------------------------------- */
int cli_kind_pie(cli_plot *p, nplot_axes *ax)
{
    cli_data *d = p->d;
    if (p->nseries == 0 || d->ny == 0)
        return cli_plot_fail(p, CLI_EXIT_DATA, "%s: no values for a pie", d->file);
    if (d->ny > 1 && !p->o->quiet)
        fprintf(stderr, "nplot: pie uses the first y column (%s) only\n", d->names[d->ycols[0]]);
    /* Wedges: one per --sep group (its values summed), otherwise one per row. */
    int nw = d->ngroups ? d->ngroups : (int)(d->nrows < MAX_WEDGES + 1 ? d->nrows : MAX_WEDGES + 1);
    if (nw > MAX_WEDGES)
        return cli_plot_fail(p, CLI_EXIT_DATA,
                             "%s: %td rows are too many wedges for a pie (at most %d); use --sep "
                             "COL to sum the values of each group", d->file, d->nrows, MAX_WEDGES);
    double val[MAX_WEDGES] = { 0 };
    char lab[MAX_WEDGES][48];
    const double *y = d->y[0];
    for (ptrdiff_t r = 0; r < d->nrows; r++) {
        if (isnan(y[r])) continue;
        if (y[r] < 0)
            return cli_plot_fail(p, CLI_EXIT_DATA,
                                 "%s: line %td, column %d (%s): a pie needs values >= 0, not %g",
                                 d->file, cli_row_line(d->buf, d->len, d->header, r),
                                 d->ycols[0] + 1, d->names[d->ycols[0]], y[r]);
        val[d->ngroups ? d->group[r] : r] += y[r];
    }
    for (int w = 0; w < nw; w++) {
        if (d->ngroups) snprintf(lab[w], sizeof lab[w], "%s", d->groups[w]);
        else cli_x_label(d, w, lab[w], sizeof lab[w]);
    }
    double total = 0;
    for (int w = 0; w < nw; w++) total += val[w];
    if (!(total > 0))
        return cli_plot_fail(p, CLI_EXIT_DATA, "%s: the values of %s sum to zero; nothing to draw",
                             d->file, d->names[d->ycols[0]]);
    /* matplotlib's pie: labels outside, percentages inside; tiny wedges keep quiet. */
    const char *labp[MAX_WEDGES];
    for (int w = 0; w < nw; w++) labp[w] = val[w] / total >= 0.01 || nw <= 12 ? lab[w] : NULL;
    nplot_pie_xy(ax, val, (size_t)nw, .labels = NPLOT_STR_ARRAY(labp, nw), .autopct = "%.1f%%",
                 .alpha = p->o->alpha);
    return cli_plot_status(p);
}
