/* Cookbook: annotate the maximum of a curve with an arrow.
 * Usage: plot_annotate [output-directory] */
#include <numc/plot.h>
#include <math.h>
#include <stdio.h>

int main(int argc, char **argv)
{
    enum { N = 500 };
    double t[N], s[N];
    for (int i = 0; i < N; i++) {
        t[i] = 5.0 * i / (N - 1);
        s[i] = cos(2 * 3.14159265358979 * t[i]) * exp(-t[i] / 3);
    }
    /* the highest point after the first trough */
    int imax = N / 10;
    for (int i = N / 10; i < N; i++)
        if (s[i] > s[imax]) imax = i;

    nplot_figure *fig = nplot_figure_new();
    nplot_axes *ax = nplot_subplot(fig, 1, 1, 1);
    nplot_plot_xy(ax, t, s, N, .linewidth = 2);
    char label[64];
    snprintf(label, sizeof label, "local max (%.2f, %.2f)", t[imax], s[imax]);
    nplot_annotate(ax, label, t[imax], s[imax], .xytext = NPLOT_F64S(t[imax] + 0.8, s[imax] + 0.35),
                   .arrowstyle = "->", .connectionstyle = "arc3,rad=0.2");
    nplot_annotate(ax, "start", t[0], s[0], .xytext = NPLOT_F64S(1.0, -0.8), .arrowstyle = "-|>",
                   .arrowcolor = "tab:red");
    nplot_set_ylim(ax, -1.2, 1.6);
    nplot_set_title(ax, "Annotating the maximum");

    char path[1024];
    snprintf(path, sizeof path, "%s%splot_annotate.png", argc > 1 ? argv[1] : "", argc > 1 ? "/" : "");
    nd_status st = nplot_savefig(fig, path);
    if (st) fprintf(stderr, "plot_annotate: %s\n", nd_errmsg());
    nplot_figure_free(fig);
    return st ? 1 : 0;
}
