/* Cookbook: a 2x2 grid of subplots sharing x, with tight_layout and a suptitle.
 * Usage: plot_subplots [output-directory] */
#include <numc/plot.h>
#include <math.h>
#include <stdio.h>

int main(int argc, char **argv)
{
    enum { N = 300 };
    double x[N], y[4][N];
    for (int i = 0; i < N; i++) {
        x[i] = 10.0 * i / (N - 1);
        y[0][i] = sin(x[i]);
        y[1][i] = exp(-x[i] / 3) * cos(3 * x[i]);
        y[2][i] = x[i] * x[i];
        y[3][i] = sqrt(x[i]) * 1000;
    }
    const char *titles[4] = { "sin", "damped cosine", "square", "root (x1000)" };
    const char *fmts[4] = { "C0-", "C1--", "C2-.", "C3:" };
    nplot_figure *fig = nplot_figure_new(.width = 8, .height = 6);
    nplot_axes *axs[4];
    nplot_subplots(fig, 2, 2, axs, .sharex = NPLOT_SHARE_COL);
    for (int k = 0; k < 4; k++) {
        nplot_plot_xy(axs[k], x, y[k], N, .fmt = fmts[k]);
        nplot_set_title(axs[k], titles[k]);
        nplot_grid(axs[k]);
    }
    nplot_set_xlabel(axs[2], "x");
    nplot_set_xlabel(axs[3], "x");
    nplot_set_ylabel(axs[0], "y");
    nplot_set_ylabel(axs[2], "y");
    nplot_suptitle(fig, "Four functions");
    nplot_tight_layout(fig);

    char path[1024];
    snprintf(path, sizeof path, "%s%splot_subplots.png", argc > 1 ? argv[1] : "", argc > 1 ? "/" : "");
    nd_status st = nplot_savefig(fig, path);
    if (st) fprintf(stderr, "plot_subplots: %s\n", nd_errmsg());
    nplot_figure_free(fig);
    return st ? 1 : 0;
}
