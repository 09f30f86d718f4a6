/* Cookbook: spines moved and styled, and the grid between bars and lines.
 * Left: sin(x) on [-pi, pi] with the left and bottom spines through the origin ('zero'),
 * top and right hidden. Right: bars and a line with the grid on (axisbelow 'line': over
 * the bars, under the line), the left spine 10 points outward, red and bounded to 0..4,
 * the bottom spine thick.
 * Usage: spines_axis [output-directory]  (scripts/mpl_spines_reference.py draws the same) */
#include <numc/numc.h>
#include <numc/plot.h>
#include <math.h>
#include <stdio.h>

/* the figure; NULL on error */
static nplot_figure *spines_figure(void)
{
    enum { N = 101 };
    double x[N], y[N];
    for (int i = 0; i < N; i++) {
        x[i] = -3.14159265358979 + 2 * 3.14159265358979 * i / (N - 1);
        y[i] = sin(x[i]);
    }
    static const double bx[4] = { 0, 1, 2, 3 }, bh[4] = { 3, 4.5, 2, 3.5 };
    static const double lx[2] = { -0.5, 3.5 }, ly[2] = { 1, 4 };
    nplot_figure *fig = nplot_figure_new(.width = 8, .height = 3.5);
    nplot_axes *axs[2];
    if (nplot_subplots(fig, 1, 2, axs) ||
        nplot_plot_xy(axs[0], x, y, N) ||
        nplot_spines_set_position(axs[0], "left,bottom", "zero", 0) ||
        nplot_spines_set_visible(axs[0], "right,top", false) ||
        nplot_set_title(axs[0], "set_position('zero')") ||
        nplot_bar_xy(axs[1], bx, bh, 4) ||
        nplot_plot_xy(axs[1], lx, ly, 2, .color = "black", .linewidth = 3) ||
        nplot_grid(axs[1], .visible = true) ||
        nplot_set_axisbelow(axs[1], NPLOT_AXISBELOW_LINE) ||
        nplot_spines_set_position(axs[1], "left", "outward", 10) ||
        nplot_spines_set_color(axs[1], "left", "red") ||
        nplot_spines_set_bounds(axs[1], "left", 0, 4) ||
        nplot_spines_set_linewidth(axs[1], "bottom", 2) ||
        nplot_set_title(axs[1], "outward, bounds, axisbelow='line'") ||
        nplot_tight_layout(fig)) {
        nplot_figure_free(fig);
        return NULL;
    }
    return fig;
}

#ifndef SPINES_NO_MAIN
int main(int argc, char **argv)
{
    nplot_figure *fig = spines_figure();
    char path[1024];
    snprintf(path, sizeof path, "%s%sspines_axis.png", argc > 1 ? argv[1] : "", argc > 1 ? "/" : "");
    nd_status st = fig ? nplot_savefig(fig, path) : ND_EVALUE;
    if (st) fprintf(stderr, "spines_axis: %s\n", nd_errmsg());
    nplot_figure_free(fig);
    return st ? 1 : 0;
}
#endif
