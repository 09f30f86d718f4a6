/* Legends beyond the default: explicit handles and labels (matplotlib's
 * legend(lines[:2], ['first', 'second'])), the frame's colours and shadow, spacing options,
 * title size, reversed order, scatter handles with several enlarged markers.
 * Usage: legends [output-directory]   (scripts/mpl_legends_reference.py draws the same figure) */
#include <numc/plot.h>
#include <math.h>
#include <stdio.h>

#define LEG_N 50

/* the figure: four curves with a two-entry legend left, two scatters right; NULL on error */
static nplot_figure *legends_figure(void)
{
    double x[LEG_N], y[4][LEG_N], sx[8], sy[2][8];
    for (int i = 0; i < LEG_N; i++) {
        x[i] = 10.0 * i / (LEG_N - 1);
        for (int k = 0; k < 4; k++) y[k][i] = sin(x[i] + k) + 2.5 * k;
    }
    for (int i = 0; i < 8; i++) {
        sx[i] = i;
        sy[0][i] = 0.5 * i;
        sy[1][i] = 4 - 0.3 * i;
    }
    nplot_figure *fig = nplot_figure_new(.width = 9, .height = 4);
    if (!fig) return NULL;
    nplot_axes *axs[2];
    nd_status st = nplot_subplots(fig, 1, 2, axs);
    for (int k = 0; !st && k < 4; k++) st = nplot_plot_xy(axs[0], x, y[k], LEG_N);
    if (!st)
        st = nplot_legend(axs[0], .handles = NPLOT_INTS(0, 1), .labels = NPLOT_STRS("first", "second"),
                          .loc = "upper left", .shadow = NPLOT_ON, .facecolor = "lightyellow",
                          .edgecolor = "black", .framealpha = 1, .title = "two of four",
                          .title_fontsize = 12, .borderpad = 1, .labelspacing = 1);
    if (!st) st = nplot_scatter_xy(axs[1], sx, sy[0], 8, .label = "rising");
    if (!st) st = nplot_scatter_xy(axs[1], sx, sy[1], 8, .label = "falling");
    if (!st)
        st = nplot_legend(axs[1], .loc = "upper center", .ncol = 2, .reverse = NPLOT_ON,
                          .scatterpoints = 3, .markerscale = 1.5, .handlelength = 3,
                          .columnspacing = 1);
    if (st) {
        nplot_figure_free(fig);
        return NULL;
    }
    return fig;
}

#ifndef LEGENDS_NO_MAIN
int main(int argc, char **argv)
{
    nplot_figure *fig = legends_figure();
    char path[1024];
    snprintf(path, sizeof path, "%s%slegends.png", argc > 1 ? argv[1] : "", argc > 1 ? "/" : "");
    nd_status st = fig ? nplot_savefig(fig, path) : ND_EVALUE;
    if (st) fprintf(stderr, "legends: %s\n", nd_errmsg());
    nplot_figure_free(fig);
    return st ? 1 : 0;
}
#endif
