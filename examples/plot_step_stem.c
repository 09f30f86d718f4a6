/* Cookbook: step (pre, mid, post) and stem plots side by side.
 * Usage: plot_step_stem [output-directory] */
#include <numc/plot.h>
#include <math.h>
#include <stdio.h>

int main(int argc, char **argv)
{
    enum { N = 12 };
    double x[N], y[N], y2[N], y3[N];
    for (int i = 0; i < N; i++) {
        x[i] = i;
        y[i] = sin(i / 2.0);
        y2[i] = y[i] + 1;
        y3[i] = y[i] + 2;
    }
    nplot_figure *fig = nplot_figure_new(.width = 10, .height = 4);
    nplot_axes *axs[2];
    nplot_subplots(fig, 1, 2, axs);
    nplot_step_xy(axs[0], x, y3, N, .where = "pre", .label = "pre (default)");
    nplot_plot_xy(axs[0], x, y3, N, .fmt = "o--", .color = "grey", .alpha = 0.3);
    nplot_step_xy(axs[0], x, y2, N, .where = "mid", .label = "mid");
    nplot_plot_xy(axs[0], x, y2, N, .fmt = "o--", .color = "grey", .alpha = 0.3);
    nplot_step_xy(axs[0], x, y, N, .where = "post", .label = "post");
    nplot_plot_xy(axs[0], x, y, N, .fmt = "o--", .color = "grey", .alpha = 0.3);
    nplot_legend(axs[0], .title = "where");
    nplot_set_title(axs[0], "step");

    nplot_stem_xy(axs[1], x, y, N, .label = "stem");
    nplot_set_title(axs[1], "stem");
    nplot_tight_layout(fig);

    char path[1024];
    snprintf(path, sizeof path, "%s%splot_step_stem.png", argc > 1 ? argv[1] : "", argc > 1 ? "/" : "");
    nd_status st = nplot_savefig(fig, path);
    if (st) fprintf(stderr, "plot_step_stem: %s\n", nd_errmsg());
    nplot_figure_free(fig);
    return st ? 1 : 0;
}
