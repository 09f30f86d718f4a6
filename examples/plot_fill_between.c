/* Cookbook: fill_between with a `where` mask and interpolation, and a confidence band.
 * Usage: plot_fill_between [output-directory] */
#include <numc/plot.h>
#include <math.h>
#include <stdbool.h>
#include <stdio.h>

int main(int argc, char **argv)
{
    enum { N = 200 };
    double x[N], y1[N], y2[N], lo[N], hi[N];
    bool above[N], below[N];
    for (int i = 0; i < N; i++) {
        x[i] = 4 * 3.14159265358979 * i / (N - 1);
        y1[i] = sin(x[i]);
        y2[i] = 0.5 * sin(1.7 * x[i]);
        above[i] = y1[i] >= y2[i];
        below[i] = !above[i];
        lo[i] = y1[i] - 0.2 - 0.05 * x[i];
        hi[i] = y1[i] + 0.2 + 0.05 * x[i];
    }
    nplot_figure *fig = nplot_figure_new(.width = 6.4, .height = 6.4);
    nplot_axes *axs[2];
    nplot_subplots(fig, 2, 1, axs, .sharex = true);
    nplot_plot_xy(axs[0], x, y1, N, .color = "black", .linewidth = 1);
    nplot_plot_xy(axs[0], x, y2, N, .color = "black", .linewidth = 1, .linestyle = ":");
    nplot_fill_between_xy(axs[0], x, y1, y2, N, .where_b = above, .interpolate = true,
                          .color = "tab:green", .alpha = 0.5, .label = "y1 ≥ y2");
    nplot_fill_between_xy(axs[0], x, y1, y2, N, .where_b = below, .interpolate = true,
                          .color = "tab:red", .alpha = 0.5, .label = "y1 < y2");
    nplot_legend(axs[0], .loc = "lower left", .ncol = 2);
    nplot_set_title(axs[0], "fill_between(where=..., interpolate=True)");

    nplot_fill_between_xy(axs[1], x, lo, hi, N, .alpha = 0.3, .label = "band");
    nplot_plot_xy(axs[1], x, y1, N, .label = "mean");
    nplot_fill_between_xy(axs[1], x, y2, NULL, N, .y2 = -1.5, .step = "mid", .alpha = 0.4,
                          .color = "tab:purple", .label = "steps to −1.5");
    nplot_legend(axs[1], .loc = "upper right");
    nplot_set_xlabel(axs[1], "x");
    nplot_tight_layout(fig);

    char path[1024];
    snprintf(path, sizeof path, "%s%splot_fill_between.png", argc > 1 ? argv[1] : "", argc > 1 ? "/" : "");
    nd_status st = nplot_savefig(fig, path);
    if (st) fprintf(stderr, "plot_fill_between: %s\n", nd_errmsg());
    nplot_figure_free(fig);
    return st ? 1 : 0;
}
