/* Cookbook: log and symlog scales with minor ticks and a grid.
 * Usage: plot_logscale [output-directory] */
#include <numc/plot.h>
#include <math.h>
#include <stdio.h>

int main(int argc, char **argv)
{
    enum { N = 400 };
    double x[N], y[N], xs[N], ys[N];
    for (int i = 0; i < N; i++) {
        x[i] = 0.01 + 20.0 * i / (N - 1);
        y[i] = exp(x[i] / 2) * (1.2 + sin(x[i]));
        xs[i] = -50 + 100.0 * i / (N - 1);
        ys[i] = xs[i] * xs[i] * xs[i] / 10;
    }
    nplot_figure *fig = nplot_figure_new(.width = 10, .height = 4);
    nplot_axes *axs[3];
    nplot_subplots(fig, 1, 3, axs);
    nplot_plot_xy(axs[0], x, y, N);
    nplot_set_yscale(axs[0], "log");
    nplot_grid(axs[0], .which = "both", .alpha = 0.4);
    nplot_set_title(axs[0], "semilogy");

    nplot_plot_xy(axs[1], x, y, N, .color = "C1");
    nplot_set_xscale(axs[1], "log");
    nplot_set_yscale(axs[1], "log", .base = 2);
    nplot_set_title(axs[1], "loglog, base 2 on y");

    nplot_plot_xy(axs[2], xs, ys, N, .color = "C2");
    nplot_set_yscale(axs[2], "symlog", .linthresh = 10);
    nplot_grid(axs[2]);
    nplot_set_title(axs[2], "symlog");
    nplot_tight_layout(fig);

    char path[1024];
    snprintf(path, sizeof path, "%s%splot_logscale.png", argc > 1 ? argv[1] : "", argc > 1 ? "/" : "");
    nd_status st = nplot_savefig(fig, path);
    if (st) fprintf(stderr, "plot_logscale: %s\n", nd_errmsg());
    nplot_figure_free(fig);
    return st ? 1 : 0;
}
