/* Color-mapped grids with colorbars: heatmap (a numeric table through nplot_imshow, with
 * row and column labels) and hexbin (nplot_hexbin, binned in the scale the axes shows). */
#include "render.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

enum { MAX_CELLS = 1000000 };

static const char *cmap_name(const cli_plot *p) { return p->o->cmap ? p->o->cmap : "viridis"; }

static int check_cmap(cli_plot *p)
{
    nplot_rgba c;
    if (nplot_cmap_color(cmap_name(p), 0.5, &c) != ND_OK)
        return cli_plot_fail(p, CLI_EXIT_USAGE,
                             "unknown colormap '%s' (viridis, plasma, inferno, magma, cividis, "
                             "gray, Blues, RdBu, coolwarm, ...; '_r' reverses)", cmap_name(p));
    return CLI_EXIT_OK;
}

static void finite_range(const double *v, size_t n, double *lo, double *hi)
{
    for (size_t i = 0; i < n; i++)
        if (isfinite(v[i])) *lo = fmin(*lo, v[i]), *hi = fmax(*hi, v[i]);
}

/* ---- heatmap ------------------------------------------------------------------------------------ */
int cli_kind_heatmap(cli_plot *p)
{
    cli_data *d = p->d;
    int rc = check_cmap(p);
    if (rc) return rc;
    if ((double)d->nrows * d->ny > MAX_CELLS)
        return cli_plot_fail(p, CLI_EXIT_DATA,
                             "%s: %td x %d cells are too many for a heatmap (at most %d)",
                             d->file, d->nrows, d->ny, MAX_CELLS);
    double lo = INFINITY, hi = -INFINITY;
    for (int c = 0; c < d->ny; c++) finite_range(d->y[c], (size_t)d->nrows, &lo, &hi);
    if (!(lo <= hi)) return cli_plot_fail(p, CLI_EXIT_DATA, "%s: no finite values", d->file);
    /* the table as an image: column c at x = c, row r at y = r with row 0 on top */
    nplot_axes *ax = p->main_ax = nplot_subplot(p->fig, 1, 1, 1);
    if (!ax) return cli_plot_status(p);
    size_t R = (size_t)d->nrows, C = (size_t)d->ny;
    double *z = malloc((R * C + 1) * sizeof *z);
    if (!z) return cli_plot_fail(p, CLI_EXIT_DATA, "%s: out of memory", d->file);
    for (size_t r = 0; r < R; r++)
        for (size_t c = 0; c < C; c++) z[r * C + c] = d->y[c][r];
    /* through the masked path: empty cells are masked, drawn in the colormap's bad color
     * (transparent), as matplotlib draws a numpy.ma table */
    nd_marray *flat = cli_series_ma(z, R * C);
    nd_marray *zm = flat ? nd_ma_reshape(flat, 2, (ptrdiff_t[]){ (ptrdiff_t)R, (ptrdiff_t)C }) : NULL;
    if (zm)
        nplot_imshow_ma(ax, zm, .cmap = cmap_name(p), .vmin = lo, .vmax = hi, .aspect = "auto",
                        .interpolation = "nearest");
    nd_ma_free(zm);
    nd_ma_free(flat);
    free(z);
    if (!zm) return cli_plot_fail(p, CLI_EXIT_DATA, "%s: out of memory", d->file);
    if ((rc = cli_plot_status(p))) return rc;
    if (!nplot_colorbar(ax)) return cli_plot_status(p);
    const char **cols = malloc((size_t)d->ny * sizeof *cols);
    if (!cols) return cli_plot_fail(p, CLI_EXIT_DATA, "%s: out of memory", d->file);
    for (int c = 0; c < d->ny; c++) cols[c] = d->names[d->ycols[c]];
    rc = cli_category_ticks(p, ax, false, cols, d->ny, NULL);
    free(cols);
    if (rc) return rc;
    if (d->xcol >= 0) {
        char **rows = malloc((size_t)d->nrows * sizeof *rows);
        char *store = malloc((size_t)d->nrows * 48);
        if (!rows || !store) {
            free(rows);
            free(store);
            return cli_plot_fail(p, CLI_EXIT_DATA, "%s: out of memory", d->file);
        }
        for (ptrdiff_t r = 0; r < d->nrows; r++) {
            rows[r] = store + r * 48;
            cli_x_label(d, r, rows[r], 48);
        }
        rc = cli_category_ticks(p, ax, true, (const char *const *)rows, (int)d->nrows, NULL);
        free(rows);
        free(store);
        if (rc) return rc;
        nplot_set_ylabel(ax, p->o->ylabel ? p->o->ylabel : d->names[d->xcol]);
    } else if (p->o->ylabel) {
        nplot_set_ylabel(ax, p->o->ylabel);
    }
    if (p->o->xlabel) nplot_set_xlabel(ax, p->o->xlabel);
    if (p->o->title) nplot_set_title(ax, p->o->title);
    return cli_plot_status(p);
}

/* ---- hexbin ---------------------------------------------------------------------------------------- */
int cli_kind_hexbin(cli_plot *p)
{
    cli_data *d = p->d;
    const cli_opts *o = p->o;
    int rc = check_cmap(p);
    if (rc) return rc;
    if (p->nseries > 1 && !o->quiet)
        fprintf(stderr, "nplot: hexbin uses the first y column (%s) only\n", p->series[0].label);
    const cli_series *s = &p->series[0];
    size_t used = 0;
    for (size_t i = 0; i < s->n; i++)
        used += isfinite(s->x[i]) && isfinite(s->y[i]) && (!o->logx || s->x[i] > 0) && (!o->logy || s->y[i] > 0);
    if (!used) return cli_plot_fail(p, CLI_EXIT_DATA, "%s: no finite (x, y) pairs", d->file);
    /* about two points per hexagon across, 10 to 100 hexagons; only occupied cells */
    int nx = o->bins ? o->bins : (int)fmin(100, fmax(10, sqrt((double)used) / 2));
    nplot_axes *ax = p->main_ax = nplot_subplot(p->fig, 1, 1, 1);
    if (!ax) return cli_plot_status(p);
    nplot_hexbin_xy(ax, s->x, s->y, s->n, .gridsize = nx, .mincnt = 1, .cmap = cmap_name(p),
                    .xscale = o->logx ? "log" : NULL, .yscale = o->logy ? "log" : NULL);
    if ((rc = cli_plot_status(p))) return rc;
    if (!nplot_colorbar(ax, .label = "count")) return cli_plot_status(p);
    cli_apply_limits(p, ax, d->xtype == CLI_X_DATE);
    if (o->grid) nplot_grid(ax);
    const char *xl = o->xlabel ? o->xlabel : d->xcol >= 0 ? d->names[d->xcol] : NULL;
    if (xl) nplot_set_xlabel(ax, xl);
    nplot_set_ylabel(ax, o->ylabel ? o->ylabel : s->label);
    if (o->title) nplot_set_title(ax, o->title);
    if ((rc = cli_plot_status(p))) return rc;
    if (d->xtype == CLI_X_DATE && !o->logx && (rc = cli_date_axis(p, ax, false, p->width_pt * 0.68)))
        return rc;
    if (d->xtype == CLI_X_CATEGORY && (rc = cli_category_ticks(p, ax, false, d->cats, d->ncats, NULL)))
        return rc;
    return cli_plot_status(p);
}
