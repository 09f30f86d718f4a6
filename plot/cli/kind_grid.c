/* Color-mapped grids: heatmap (a numeric table through nplot_imshow + nplot_colorbar, with
 * row and column labels) and hexbin (matplotlib's two offset lattices, binned in the
 * scale the axes shows) with its colorbar. Hexagons are grouped by colormap entry, so a
 * grid of any size costs at most 256 fills. */
#include "render.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

enum { NCOLORS = 256, MAX_CELLS = 1000000 };

typedef struct cells {
    double *x, *y;
    size_t n, cap;
} cells;

static bool push(cells *c, const double *xs, const double *ys, int k)
{
    if (c->n + (size_t)k + 1 > c->cap) {
        size_t nc = c->cap ? c->cap * 2 : 64;
        while (nc < c->n + (size_t)k + 1) nc *= 2;
        double *nx = realloc(c->x, nc * sizeof *nx);
        if (!nx) return false;
        c->x = nx;
        double *ny = realloc(c->y, nc * sizeof *ny);
        if (!ny) return false;
        c->y = ny;
        c->cap = nc;
    }
    for (int i = 0; i < k; i++) c->x[c->n] = xs[i], c->y[c->n++] = ys[i];
    c->x[c->n] = NAN, c->y[c->n++] = NAN;
    return true;
}

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

static void hex_color(const char *cmap, double v, char buf[16])
{
    nplot_rgba c = { 0, 0, 0, 1 };
    nplot_cmap_color(cmap, v, &c);
    snprintf(buf, 16, "#%02x%02x%02x", (int)lround(c.r * 255), (int)lround(c.g * 255),
             (int)lround(c.b * 255));
}

static int color_index(double v, double lo, double hi)
{
    if (!(hi > lo)) return NCOLORS / 2;
    int k = (int)((v - lo) / (hi - lo) * NCOLORS);
    return k < 0 ? 0 : k >= NCOLORS ? NCOLORS - 1 : k;
}

/* Fill each color class as one artist; frees the classes. */
static int fill_classes(cli_plot *p, nplot_axes *ax, cells *cl, const char *cmap)
{
    int rc = CLI_EXIT_OK;
    for (int k = 0; k < NCOLORS; k++) {
        if (cl[k].n && !rc) {
            char col[16];
            hex_color(cmap, (k + 0.5) / NCOLORS, col);
            /* A hairline edge of the same color hides the seams between cells. */
            nplot_fill_xy(ax, cl[k].x, cl[k].y, cl[k].n, .color = col, .edgecolor = col,
                          .linewidth = 0.3);
            rc = cli_plot_status(p);
        }
        free(cl[k].x);
        free(cl[k].y);
    }
    return rc;
}

int cli_colorbar(cli_plot *p, nplot_axes *cax, const char *cmap, double vmin, double vmax,
                 const char *label)
{
    if (!(vmax > vmin)) vmin -= 0.5, vmax += 0.5;
    double h = (vmax - vmin) / NCOLORS;
    /* Each step runs to the top and the next one covers it: no antialiased seams. */
    for (int k = 0; k < NCOLORS; k++) {
        char col[16];
        hex_color(cmap, (k + 0.5) / NCOLORS, col);
        double y0 = vmin + k * h;
        const double xs[4] = { 0, 1, 1, 0 }, ys[4] = { y0, y0, vmax, vmax };
        nplot_fill_xy(cax, xs, ys, 4, .color = col);
    }
    nplot_set_xlim(cax, 0, 1);
    nplot_set_ylim(cax, vmin, vmax);
    nplot_set_xticks(cax, NULL, 0);
    nplot_tick_params(cax, .axis = "y", .left = NPLOT_OFF, .labelleft = NPLOT_OFF,
                      .right = NPLOT_ON, .labelright = NPLOT_ON);
    if (label) nplot_set_title(cax, label, .fontsize = 9);
    return cli_plot_status(p);
}

/* The main axes and a slim colorbar axes beside it. */
static int axes_with_colorbar(cli_plot *p, nplot_axes **ax, nplot_axes **cax)
{
    static const double ratios[2] = { 20, 1 };
    nplot_gridspec *gs = nplot_gridspec_new(p->fig, 1, 2, .width_ratios = ratios, .wspace = 0.05);
    if (!gs) return cli_plot_status(p);
    *ax = p->main_ax = nplot_gridspec_subplot(gs, "0, 0");
    *cax = nplot_gridspec_subplot(gs, "0, 1");
    return cli_plot_status(p);
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
    nplot_imshow_data(ax, z, (int)R, (int)C, .cmap = cmap_name(p), .vmin = lo, .vmax = hi,
                      .aspect = "auto", .interpolation = "nearest");
    free(z);
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
    /* Bin in the scale the axes will show: log axes bin log10 of the values. */
    size_t n = s->n;
    double xlo = INFINITY, xhi = -INFINITY, ylo = INFINITY, yhi = -INFINITY;
    size_t used = 0;
    for (size_t i = 0; i < n; i++) {
        double x = o->logx ? log10(s->x[i]) : s->x[i], y = o->logy ? log10(s->y[i]) : s->y[i];
        if (!isfinite(x) || !isfinite(y)) continue;
        xlo = fmin(xlo, x), xhi = fmax(xhi, x), ylo = fmin(ylo, y), yhi = fmax(yhi, y);
        used++;
    }
    if (!used) return cli_plot_fail(p, CLI_EXIT_DATA, "%s: no finite (x, y) pairs", d->file);
    if (xhi == xlo) xlo -= 0.5, xhi += 0.5;
    if (yhi == ylo) ylo -= 0.5, yhi += 0.5;
    int nx = o->bins ? o->bins : (int)fmin(100, fmax(10, sqrt((double)used) / 2));
    int ny = (int)(nx / sqrt(3.0));
    if (ny < 1) ny = 1;
    double sx = (xhi - xlo) / nx, sy = (yhi - ylo) / ny;
    size_t n1 = (size_t)(nx + 1) * (size_t)(ny + 1), n2 = (size_t)nx * (size_t)ny;
    double *cnt = calloc(n1 + n2, sizeof *cnt);
    if (!cnt) return cli_plot_fail(p, CLI_EXIT_DATA, "%s: out of memory", d->file);
    for (size_t i = 0; i < n; i++) {
        double x = o->logx ? log10(s->x[i]) : s->x[i], y = o->logy ? log10(s->y[i]) : s->y[i];
        if (!isfinite(x) || !isfinite(y)) continue;
        double ix = (x - xlo) / sx, iy = (y - ylo) / sy;
        /* The nearer of the two lattice points (the second is offset by half a cell). */
        double i1 = floor(ix + 0.5), j1 = floor(iy + 0.5), i2 = floor(ix), j2 = floor(iy);
        double d1 = (ix - i1) * (ix - i1) + 3 * (iy - j1) * (iy - j1);
        double d2 = (ix - i2 - 0.5) * (ix - i2 - 0.5) + 3 * (iy - j2 - 0.5) * (iy - j2 - 0.5);
        if (d1 < d2 || i2 >= nx || j2 >= ny)
            cnt[(size_t)j1 * (size_t)(nx + 1) + (size_t)i1]++;
        else
            cnt[n1 + (size_t)j2 * (size_t)nx + (size_t)i2]++;
    }
    double cmax = 0;
    for (size_t k = 0; k < n1 + n2; k++) cmax = fmax(cmax, cnt[k]);
    nplot_axes *ax = NULL, *cax = NULL;
    if ((rc = axes_with_colorbar(p, &ax, &cax))) {
        free(cnt);
        return rc;
    }
    cells *cl = calloc(NCOLORS, sizeof *cl);
    bool ok = cl != NULL;
    static const double hx[6] = { 0.5, 0.5, 0, -0.5, -0.5, 0 };
    static const double hy[6] = { -0.5, 0.5, 1, 0.5, -0.5, -1 };
    for (size_t k = 0; k < n1 + n2 && ok; k++) {
        if (cnt[k] < 1) continue;
        double cx, cy;
        if (k < n1) cx = xlo + (double)(k % (size_t)(nx + 1)) * sx, cy = ylo + (double)(k / (size_t)(nx + 1)) * sy;
        else cx = xlo + ((double)((k - n1) % (size_t)nx) + 0.5) * sx, cy = ylo + ((double)((k - n1) / (size_t)nx) + 0.5) * sy;
        double xs[6], ys[6];
        for (int v = 0; v < 6; v++) {
            xs[v] = cx + hx[v] * sx;
            ys[v] = cy + hy[v] * sy / 3;
            if (o->logx) xs[v] = pow(10, xs[v]);
            if (o->logy) ys[v] = pow(10, ys[v]);
        }
        ok = push(&cl[color_index(cnt[k], 1, cmax)], xs, ys, 6);
    }
    free(cnt);
    if (!ok) {
        if (cl)
            for (int k = 0; k < NCOLORS; k++) free(cl[k].x), free(cl[k].y);
        free(cl);
        return cli_plot_fail(p, CLI_EXIT_DATA, "%s: out of memory", d->file);
    }
    rc = fill_classes(p, ax, cl, cmap_name(p));
    free(cl);
    if (rc) return rc;
    if (o->logx) nplot_set_xscale(ax, "log");
    if (o->logy) nplot_set_yscale(ax, "log");
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
    return cli_colorbar(p, cax, cmap_name(p), 1, cmax > 1 ? cmax : 2, "count");
}
