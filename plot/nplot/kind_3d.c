/* surface / wireframe of a grid: the y columns are the grid's columns (X), the rows are Y
 * (the x column's values), the cells are Z — drawn by the library's 3-D axes
 * (nplot_subplot_3d + nplot_plot_surface / nplot_plot_wireframe) at matplotlib's default
 * view, with the column names and row labels as tick labels. */
#include "render.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

enum { MAX_QUADS = 500000, MAXT = 16 };

/* Tick positions (data) and labels for one box axis. */
typedef struct ticks {
    int n;
    double t[MAXT];
    char l[MAXT][48];
} ticks;

static void numeric_ticks(double lo, double hi, ticks *T)
{
    double t[32];
    int n = nplot_maxn_ticks(lo, hi, 5, t, 32);
    T->n = 0;
    for (int i = 0; i < n && i < 32 && T->n < MAXT; i++) {
        if (t[i] < lo - 1e-9 * (hi - lo) || t[i] > hi + 1e-9 * (hi - lo)) continue;
        T->t[T->n] = t[i];
        snprintf(T->l[T->n], sizeof T->l[0], "%g", fabs(t[i]) < 1e-12 * (hi - lo) ? 0 : t[i]);
        T->n++;
    }
}

static void row_ticks(const cli_data *d, double lo, double hi, ticks *T)
{
    if (d->xtype == CLI_X_DATE) {
        char lab[MAXT][NPLOT_DATE_LABEL];
        int n = nplot_date_ticks(lo, hi, NULL, T->t, lab, MAXT, NULL, 0);
        T->n = n < 0 ? 0 : n < MAXT ? n : MAXT;
        for (int i = 0; i < T->n; i++) snprintf(T->l[i], sizeof T->l[0], "%.47s", lab[i]);
    } else if (d->xtype == CLI_X_CATEGORY) {
        int step = (d->ncats + 5) / 6;
        T->n = 0;
        for (int i = 0; i < d->ncats && T->n < MAXT; i += step ? step : 1) {
            T->t[T->n] = i;
            snprintf(T->l[T->n++], sizeof T->l[0], "%s", d->cats[i]);
        }
    } else {
        numeric_ticks(lo, hi, T);
    }
}

int cli_kind_surface(cli_plot *p, bool wireframe)
{
    cli_data *d = p->d;
    const cli_opts *o = p->o;
    ptrdiff_t R = d->nrows;
    int C = d->ny;
    if (R < 2 || C < 2)
        return cli_plot_fail(p, CLI_EXIT_DATA,
                             "%s: a %s needs a grid: at least 2 rows and 2 y columns (have %td x %d)",
                             d->file, wireframe ? "wireframe" : "surface", R, C);
    if ((double)(R - 1) * (C - 1) > MAX_QUADS)
        return cli_plot_fail(p, CLI_EXIT_DATA, "%s: %td x %d is too large a grid for a surface",
                             d->file, R, C);
    const char *cmap = o->cmap ? o->cmap : "viridis";
    nplot_rgba probe;
    if (nplot_cmap_color(cmap, 0.5, &probe) != ND_OK)
        return cli_plot_fail(p, CLI_EXIT_USAGE, "unknown colormap '%s'", cmap);
    double ylo = INFINITY, yhi = -INFINITY;
    bool any = false;
    for (ptrdiff_t r = 0; r < R; r++)
        if (isfinite(d->x[r])) ylo = fmin(ylo, d->x[r]), yhi = fmax(yhi, d->x[r]);
    for (int c = 0; c < C && !any; c++)
        for (ptrdiff_t r = 0; r < R && !any; r++) any = isfinite(d->y[c][r]);
    if (!(ylo <= yhi) || !any)
        return cli_plot_fail(p, CLI_EXIT_DATA, "%s: no finite values for a surface", d->file);
    nplot_axes *ax = p->main_ax = nplot_subplot_3d(p->fig, 1, 1, 1);
    if (!ax) return cli_plot_status(p);
    /* Z is (rows, columns) in C order; X the column index, Y the row values */
    double *z = malloc((size_t)R * (size_t)C * sizeof *z), *xs = malloc((size_t)C * sizeof *xs);
    nd_array *X = NULL, *Y = NULL, *Z = NULL;
    int rc = CLI_EXIT_OK;
    if (!z || !xs) {
        rc = cli_plot_fail(p, CLI_EXIT_DATA, "%s: out of memory", d->file);
        goto done;
    }
    for (ptrdiff_t r = 0; r < R; r++)
        for (int c = 0; c < C; c++) z[r * C + c] = d->y[c][r];
    for (int c = 0; c < C; c++) xs[c] = c;
    X = nd_from_f64(xs, C);
    Y = nd_from_f64(d->x, R);
    Z = nd_from_buffer(z, 2, (ptrdiff_t[]){ R, C }, ND_FLOAT64);
    if (!X || !Y || !Z) {
        rc = cli_plot_fail(p, CLI_EXIT_DATA, "%s: %s", d->file, nd_errmsg());
        goto done;
    }
    if (wireframe) {
        char cb[8];
        nplot_plot_wireframe(ax, X, Y, Z, .color = cli_series_color(p, 0, cb), .linewidth = o->linewidth,
                             .alpha = o->alpha);
    } else {
        nplot_plot_surface(ax, X, Y, Z, .cmap = cmap, .alpha = o->alpha);
    }
    if ((rc = cli_plot_status(p))) goto done;
    /* column names along x (at most 8), row labels (dates, categories) along y */
    ticks TX = { 0 }, TY;
    int step = (C + 7) / 8;
    for (int c = 0; c < C && TX.n < MAXT; c += step) {
        TX.t[TX.n] = c;
        snprintf(TX.l[TX.n++], sizeof TX.l[0], "%s", d->names[d->ycols[c]]);
    }
    row_ticks(d, ylo, yhi, &TY);
    const char *lx[MAXT], *ly[MAXT];
    for (int i = 0; i < TX.n; i++) lx[i] = TX.l[i];
    for (int i = 0; i < TY.n; i++) ly[i] = TY.l[i];
    nplot_set_xticks(ax, TX.t, TX.n, .labels = NPLOT_STR_ARRAY(lx, TX.n));
    nplot_set_yticks(ax, TY.t, TY.n, .labels = NPLOT_STR_ARRAY(ly, TY.n));
    if (o->xlabel) nplot_set_xlabel(ax, o->xlabel);
    const char *yl = o->ylabel ? o->ylabel : d->xcol >= 0 ? d->names[d->xcol] : NULL;
    if (yl) nplot_set_ylabel(ax, yl);
    if (o->title) nplot_set_title(ax, o->title);
    rc = cli_plot_status(p);
done:
    free(z);
    free(xs);
    nd_free(X);
    nd_free(Y);
    nd_free(Z);
    return rc;
}
