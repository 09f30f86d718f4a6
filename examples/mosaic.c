/* Cookbook: subplot_mosaic with a nested layout, axes sharing with any axes, and the
 * figure-level labels supxlabel / supylabel.
 * A wide "signal" axes over a "zoom" that shares its y axis, a tall "hist" of the values,
 * and four small multiples nested in one cell, all four sharing x and y with the first.
 * Usage: mosaic [output-directory]  (scripts/mpl_mosaic_reference.py --draw draws the same) */
#include <numc/plot.h>
#include <math.h>
#include <stdio.h>

#define MOSAIC_LAYOUT "[['signal', 'signal', 'hist'], ['zoom', [['f1', 'f2'], ['f3', 'f4']], 'hist']]"

/* the figure; NULL on error */
static nplot_figure *mosaic_figure(void)
{
    enum { N = 400 };
    static double x[N], y[N], f[4][N];
    for (int i = 0; i < N; i++) {
        x[i] = 10.0 * i / (N - 1);
        y[i] = sin(2 * x[i]) * exp(-x[i] / 6) + 0.3 * sin(9 * x[i]);
        for (int k = 0; k < 4; k++) f[k][i] = sin((k + 1) * x[i]) * (1 - 0.15 * k);
    }
    static const double bx[6] = { -1.25, -0.75, -0.25, 0.25, 0.75, 1.25 };
    static const double bh[6] = { 14, 52, 101, 118, 75, 40 };
    nplot_figure *fig = nplot_figure_new(.width = 8, .height = 5.5);
    nplot_mosaic *m = nplot_subplot_mosaic(fig, MOSAIC_LAYOUT, .wspace = 0.3, .hspace = 0.35);
    if (!m) {
        nplot_figure_free(fig);
        return NULL;
    }
    nplot_axes *sig = nplot_mosaic_get(m, "signal"), *zoom = nplot_mosaic_get(m, "zoom");
    nplot_axes *hist = nplot_mosaic_get(m, "hist");
    const char *fn[4] = { "f1", "f2", "f3", "f4" };
    nd_status st = nplot_plot_xy(sig, x, y, N) || nplot_set_title(sig, "signal") ||
                   nplot_plot_xy(zoom, x, y, N, .color = "C1") || nplot_sharey(zoom, sig) ||
                   nplot_set_xlim(zoom, 2, 4) || nplot_set_title(zoom, "zoom (shares y)") ||
                   nplot_bar_xy(hist, bx, bh, 6, .width = 0.45, .color = "C2") ||
                   nplot_set_title(hist, "values");
    for (int k = 0; k < 4 && !st; k++) {
        nplot_axes *a = nplot_mosaic_get(m, fn[k]);
        st = nplot_plot_xy(a, x, f[k], N, .color = "C3", .linewidth = 1) ||
             (k > 0 && (nplot_sharex(a, nplot_mosaic_get(m, "f1")) ||
                        nplot_sharey(a, nplot_mosaic_get(m, "f1"))));
    }
    if (st || nplot_supxlabel(fig, "time [s]") || nplot_supylabel(fig, "amplitude") ||
        nplot_suptitle(fig, "subplot_mosaic, sharing and figure labels")) {
        nplot_figure_free(fig);
        return NULL;
    }
    return fig;
}

#ifndef MOSAIC_NO_MAIN
int main(int argc, char **argv)
{
    nplot_figure *fig = mosaic_figure();
    char path[1024];
    snprintf(path, sizeof path, "%s%smosaic.png", argc > 1 ? argv[1] : "", argc > 1 ? "/" : "");
    nd_status st = fig ? nplot_savefig(fig, path) : ND_EVALUE;
    if (st) fprintf(stderr, "mosaic: %s\n", nd_errmsg());
    nplot_figure_free(fig);
    return st ? 1 : 0;
}
#endif
