/* surface / wireframe of a grid: the y columns are the grid's columns (X), the rows are Y
 * (the x column's values), the cells are Z. Drawn like matplotlib's Axes3D at its default
 * view (azimuth -60°, elevation 30°, box aspect 4:4:3), orthographic, on a 2-D axes whose
 * data coordinates are the screen: back panes with grid lines, tick labels on the front
 * edges, quads filled back to front (painter's algorithm, per quad). */
#include "render.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

enum { MAX_QUADS = 500000, MAXT = 16 };

typedef struct view {
    double ca, sa, ce, se;        /* cos/sin of azimuth and elevation */
    double x0, x1, y0, y1, z0, z1; /* data ranges */
} view;

/* Data → box coordinates u, v ∈ [-.5, .5], w ∈ [-.375, .375]. */
static void to_box(const view *V, double x, double y, double z, double b[3])
{
    b[0] = V->x1 > V->x0 ? (x - V->x0) / (V->x1 - V->x0) - 0.5 : 0;
    b[1] = V->y1 > V->y0 ? (y - V->y0) / (V->y1 - V->y0) - 0.5 : 0;
    b[2] = (V->z1 > V->z0 ? (z - V->z0) / (V->z1 - V->z0) - 0.5 : 0) * 0.75;
}

static void project(const view *V, const double b[3], double *sx, double *sy, double *depth)
{
    *sx = -V->sa * b[0] + V->ca * b[1];
    *sy = -V->se * V->ca * b[0] - V->se * V->sa * b[1] + V->ce * b[2];
    if (depth) *depth = V->ce * V->ca * b[0] + V->ce * V->sa * b[1] + V->se * b[2];
}

static void proj_box(const view *V, double u, double v, double w, double *sx, double *sy)
{
    const double b[3] = { u, v, w };
    project(V, b, sx, sy, NULL);
}

typedef struct quad {
    double depth, z;
    int r, c;
} quad;

static int by_depth(const void *a, const void *b)
{
    double da = ((const quad *)a)->depth, db = ((const quad *)b)->depth;
    return (da > db) - (da < db);
}

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
        const char *fmt;
        int n = cli_date_ticks(lo, hi, 5, T->t, MAXT, &fmt);
        T->n = n < MAXT ? n : MAXT;
        for (int i = 0; i < T->n; i++) cli_format_date(T->t[i], fmt, T->l[i], sizeof T->l[0]);
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

static int draw_box(cli_plot *p, nplot_axes *ax, const view *V, const ticks *TX,
                    const ticks *TY, const ticks *TZ, const char *labels[3], bool dark)
{
    /* The viewer's side of each box axis; the panes sit on the other side. */
    double vu = V->ce * V->ca, vv = V->ce * V->sa;
    double bu = vu > 0 ? -0.5 : 0.5, bv = vv > 0 ? -0.5 : 0.5, bw = -0.375;
    const char *pane = dark ? "#2a2a2a" : "#f2f2f2", *gridc = dark ? "#555555" : "#cccccc";
    const char *fg = dark ? "white" : "black";
    double px[5], py[5];
    /* Panes: u = bu, v = bv, w = bw. */
    const double pu[3][4][3] = {
        { { bu, -0.5, -0.375 }, { bu, 0.5, -0.375 }, { bu, 0.5, 0.375 }, { bu, -0.5, 0.375 } },
        { { -0.5, bv, -0.375 }, { 0.5, bv, -0.375 }, { 0.5, bv, 0.375 }, { -0.5, bv, 0.375 } },
        { { -0.5, -0.5, bw }, { 0.5, -0.5, bw }, { 0.5, 0.5, bw }, { -0.5, 0.5, bw } },
    };
    for (int k = 0; k < 3; k++) {
        for (int i = 0; i < 4; i++) proj_box(V, pu[k][i][0], pu[k][i][1], pu[k][i][2], &px[i], &py[i]);
        nplot_fill_xy(ax, px, py, 4, .color = pane, .edgecolor = gridc, .linewidth = 0.8, .zorder = 0.5);
    }
    /* Grid lines on the panes and tick labels on the front edges. */
    const ticks *T[3] = { TX, TY, TZ };
    for (int a = 0; a < 3; a++)
        for (int i = 0; i < T[a]->n; i++) {
            double b[3];
            to_box(V, a == 0 ? T[a]->t[i] : V->x0, a == 1 ? T[a]->t[i] : V->y0,
                   a == 2 ? T[a]->t[i] : V->z0, b);
            double g = b[a];
            double lx[5], ly[5];
            if (a == 0) { /* on the floor and on the v pane */
                proj_box(V, g, -0.5, bw, &lx[0], &ly[0]);
                proj_box(V, g, 0.5, bw, &lx[1], &ly[1]);
                proj_box(V, g, bv, bw, &lx[2], &ly[2]);
                proj_box(V, g, bv, 0.375, &lx[3], &ly[3]);
            } else if (a == 1) {
                proj_box(V, -0.5, g, bw, &lx[0], &ly[0]);
                proj_box(V, 0.5, g, bw, &lx[1], &ly[1]);
                proj_box(V, bu, g, bw, &lx[2], &ly[2]);
                proj_box(V, bu, g, 0.375, &lx[3], &ly[3]);
            } else {
                proj_box(V, bu, -0.5, g, &lx[0], &ly[0]);
                proj_box(V, bu, 0.5, g, &lx[1], &ly[1]);
                proj_box(V, -0.5, bv, g, &lx[2], &ly[2]);
                proj_box(V, 0.5, bv, g, &lx[3], &ly[3]);
            }
            lx[4] = lx[3], ly[4] = ly[3];
            lx[3] = lx[2], ly[3] = ly[2];
            lx[2] = ly[2] = NAN;
            nplot_plot_xy(ax, lx, ly, 5, .color = gridc, .linewidth = 0.8, .zorder = 0.6);
            double tx, ty;
            if (a == 0) proj_box(V, g, -bv * 1.3, bw - 0.03, &tx, &ty);
            else if (a == 1) proj_box(V, -bu * 1.3, g, bw - 0.03, &tx, &ty);
            else {
                proj_box(V, bu, -bv, g, &tx, &ty);
                tx -= 0.04;
            }
            nplot_text(ax, tx, ty, T[a]->l[i], .ha = a == 2 ? "right" : a == 0 ? "right" : "left",
                       .va = a == 2 ? "center" : "top", .fontsize = 8, .color = fg);
        }
    /* Axis labels beyond the tick labels. */
    double tx, ty;
    if (labels[0]) {
        proj_box(V, 0, -bv * 1.8, bw - 0.1, &tx, &ty);
        nplot_text(ax, tx, ty, labels[0], .ha = "center", .va = "top", .color = fg);
    }
    if (labels[1]) {
        proj_box(V, -bu * 1.8, 0, bw - 0.1, &tx, &ty);
        nplot_text(ax, tx, ty, labels[1], .ha = "center", .va = "top", .color = fg);
    }
    if (labels[2]) {
        proj_box(V, bu, -bv, 0, &tx, &ty);
        nplot_text(ax, tx - 0.22, ty, labels[2], .ha = "center", .va = "center", .rotation = 90,
                   .color = fg);
    }
    return cli_plot_status(p);
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
    view V = { cos(-60 * M_PI / 180), sin(-60 * M_PI / 180), cos(30 * M_PI / 180),
               sin(30 * M_PI / 180), 0, C - 1, INFINITY, -INFINITY, INFINITY, -INFINITY };
    for (ptrdiff_t r = 0; r < R; r++)
        if (isfinite(d->x[r])) V.y0 = fmin(V.y0, d->x[r]), V.y1 = fmax(V.y1, d->x[r]);
    for (int c = 0; c < C; c++)
        for (ptrdiff_t r = 0; r < R; r++)
            if (isfinite(d->y[c][r])) V.z0 = fmin(V.z0, d->y[c][r]), V.z1 = fmax(V.z1, d->y[c][r]);
    if (!(V.y0 <= V.y1) || !(V.z0 <= V.z1))
        return cli_plot_fail(p, CLI_EXIT_DATA, "%s: no finite values for a surface", d->file);
    nplot_axes *ax = p->main_ax = nplot_subplot(p->fig, 1, 1, 1);
    if (!ax) return cli_plot_status(p);
    /* Screen coordinates of every grid point. */
    size_t np = (size_t)R * (size_t)C;
    double *sx = malloc(np * sizeof *sx), *sy = malloc(np * sizeof *sy), *dz = malloc(np * sizeof *dz);
    quad *q = malloc((size_t)(R - 1) * (size_t)(C - 1) * sizeof *q);
    int rc = CLI_EXIT_OK;
    if (!sx || !sy || !dz || !q) {
        rc = cli_plot_fail(p, CLI_EXIT_DATA, "%s: out of memory", d->file);
        goto done;
    }
    for (ptrdiff_t r = 0; r < R; r++)
        for (int c = 0; c < C; c++) {
            double b[3];
            size_t k = (size_t)r * (size_t)C + (size_t)c;
            to_box(&V, c, d->x[r], d->y[c][r], b);
            project(&V, b, &sx[k], &sy[k], &dz[k]);
            if (!isfinite(d->y[c][r]) || !isfinite(d->x[r])) sx[k] = sy[k] = NAN;
        }
    ticks TX = { 0 }, TY, TZ;
    int step = (C + 7) / 8;
    for (int c = 0; c < C && TX.n < MAXT; c += step) {
        TX.t[TX.n] = c;
        snprintf(TX.l[TX.n++], sizeof TX.l[0], "%s", d->names[d->ycols[c]]);
    }
    row_ticks(d, V.y0, V.y1, &TY);
    numeric_ticks(V.z0, V.z1, &TZ);
    const char *labels[3] = { o->xlabel, o->ylabel ? o->ylabel : d->xcol >= 0 ? d->names[d->xcol] : NULL,
                              NULL };
    const char *style = o->theme ? o->theme : o->style;
    bool dark = style && strcmp(style, "dark_background") == 0;
    if ((rc = draw_box(p, ax, &V, &TX, &TY, &TZ, labels, dark))) goto done;
    if (wireframe) {
        /* Rows then columns as one NaN-separated line. */
        size_t n = 0, cap = (size_t)R * (size_t)(C + 1) + (size_t)C * (size_t)(R + 1);
        double *lx = malloc(cap * sizeof *lx), *ly = malloc(cap * sizeof *ly);
        if (!lx || !ly) {
            free(lx);
            free(ly);
            rc = cli_plot_fail(p, CLI_EXIT_DATA, "%s: out of memory", d->file);
            goto done;
        }
        for (ptrdiff_t r = 0; r < R; r++) {
            for (int c = 0; c < C; c++) lx[n] = sx[r * C + c], ly[n++] = sy[r * C + c];
            lx[n] = ly[n] = NAN, n++;
        }
        for (int c = 0; c < C; c++) {
            for (ptrdiff_t r = 0; r < R; r++) lx[n] = sx[r * C + c], ly[n++] = sy[r * C + c];
            lx[n] = ly[n] = NAN, n++;
        }
        char cb[8];
        nplot_plot_xy(ax, lx, ly, n, .color = cli_series_color(p, 0, cb),
                      .linewidth = o->linewidth > 0 ? o->linewidth : 1);
        free(lx);
        free(ly);
    } else {
        size_t nq = 0;
        for (ptrdiff_t r = 0; r + 1 < R; r++)
            for (int c = 0; c + 1 < C; c++) {
                size_t k[4] = { (size_t)(r * C + c), (size_t)(r * C + c + 1),
                                (size_t)((r + 1) * C + c + 1), (size_t)((r + 1) * C + c) };
                if (isnan(sx[k[0]]) || isnan(sx[k[1]]) || isnan(sx[k[2]]) || isnan(sx[k[3]])) continue;
                q[nq].depth = (dz[k[0]] + dz[k[1]] + dz[k[2]] + dz[k[3]]) / 4;
                q[nq].z = (d->y[c][r] + d->y[c + 1][r] + d->y[c + 1][r + 1] + d->y[c][r + 1]) / 4;
                q[nq].r = (int)r;
                q[nq].c = c;
                nq++;
            }
        qsort(q, nq, sizeof *q, by_depth);
        /* Runs of quads with one color are one fill; the order between runs is kept. */
        double *fx = malloc(nq * 5 * sizeof *fx + 1), *fy = malloc(nq * 5 * sizeof *fy + 1);
        if (!fx || !fy) {
            free(fx);
            free(fy);
            rc = cli_plot_fail(p, CLI_EXIT_DATA, "%s: out of memory", d->file);
            goto done;
        }
        size_t n = 0;
        int cur = -1;
        for (size_t i = 0; i <= nq && !rc; i++) {
            int ci = -1;
            if (i < nq) {
                double t = V.z1 > V.z0 ? (q[i].z - V.z0) / (V.z1 - V.z0) : 0.5;
                ci = (int)(t * 255.999);
            }
            if ((ci != cur || i == nq) && n) {
                nplot_rgba c;
                nplot_cmap_color(cmap, (cur + 0.5) / 256, &c);
                char col[16];
                snprintf(col, sizeof col, "#%02x%02x%02x", (int)lround(c.r * 255),
                         (int)lround(c.g * 255), (int)lround(c.b * 255));
                nplot_fill_xy(ax, fx, fy, n, .color = col, .edgecolor = col, .linewidth = 0.3,
                              .alpha = o->alpha);
                rc = cli_plot_status(p);
                n = 0;
            }
            if (i == nq) break;
            cur = ci;
            int r = q[i].r, c = q[i].c;
            size_t k[4] = { (size_t)(r * C + c), (size_t)(r * C + c + 1),
                            (size_t)((r + 1) * C + c + 1), (size_t)((r + 1) * C + c) };
            for (int j = 0; j < 4; j++) fx[n] = sx[k[j]], fy[n++] = sy[k[j]];
            fx[n] = fy[n] = NAN, n++;
        }
        free(fx);
        free(fy);
    }
    if (rc || (rc = cli_plot_status(p))) goto done;
    nplot_set_aspect(ax, 1);
    nplot_set_xlim(ax, -0.95, 0.95);
    nplot_set_ylim(ax, -0.78, 0.72);
    nplot_axis(ax, "off");
    if (o->title) nplot_set_title(ax, o->title);
    rc = cli_plot_status(p);
done:
    free(sx);
    free(sy);
    free(dz);
    free(q);
    return rc;
}
