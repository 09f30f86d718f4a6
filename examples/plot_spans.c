/* Cookbook: reference lines and shaded spans (axhline, axvline, axhspan, axvspan).
 * Usage: plot_spans [output-directory] */
#include <numc/plot.h>
#include <math.h>
#include <stdio.h>

int main(int argc, char **argv)
{
    enum { N = 400 };
    double t[N], s[N];
    for (int i = 0; i < N; i++) {
        t[i] = -1 + 3.0 * i / (N - 1);
        s[i] = sin(2 * 3.14159265358979 * t[i]) + 0.3 * t[i];
    }
    nplot_figure *fig = nplot_figure_new();
    nplot_axes *ax = nplot_subplot(fig, 1, 1, 1);
    nplot_plot_xy(ax, t, s, N, .label = "signal");
    nplot_axhline(ax, 0, .color = "black", .linewidth = 0.8);
    nplot_axhline(ax, 1, .color = "tab:red", .linestyle = "--", .label = "threshold");
    nplot_axvline(ax, 0.5, .color = "tab:green", .min = 0.1, .max = 0.9);
    nplot_axhspan(ax, -0.5, -0.25, .facecolor = "0.5", .alpha = 0.4);
    nplot_axvspan(ax, 1.25, 1.55, .facecolor = "tab:orange", .alpha = 0.4, .label = "window");
    nplot_set_title(ax, "axhline, axvline and spans");
    nplot_legend(ax, .loc = "upper left");

    char path[1024];
    snprintf(path, sizeof path, "%s%splot_spans.png", argc > 1 ? argv[1] : "", argc > 1 ? "/" : "");
    nd_status st = nplot_savefig(fig, path);
    if (st) fprintf(stderr, "plot_spans: %s\n", nd_errmsg());
    nplot_figure_free(fig);
    return st ? 1 : 0;
}
