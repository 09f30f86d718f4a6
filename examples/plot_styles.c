/* Cookbook: the same figure in each style sheet (plot_style_<name>.png).
 * Usage: plot_styles [output-directory] */
#include <numc/plot.h>
#include <math.h>
#include <stdio.h>

int main(int argc, char **argv)
{
    static const char *const styles[] = { "default", "ggplot", "seaborn-v0_8-whitegrid",
                                          "dark_background", "bmh", "grayscale" };
    enum { N = 100 };
    double x[N], y[5][N];
    for (int i = 0; i < N; i++) {
        x[i] = 10.0 * i / (N - 1);
        for (int k = 0; k < 5; k++) y[k][i] = sin(x[i] + k * 0.6) + 0.4 * k;
    }
    int rc = 0;
    for (size_t s = 0; s < sizeof styles / sizeof *styles; s++) {
        nplot_figure *fig = nplot_figure_new(.width = 5, .height = 3.5, .style = styles[s]);
        nplot_axes *ax = nplot_subplot(fig, 1, 1, 1);
        for (int k = 0; k < 5; k++) {
            char label[16];
            snprintf(label, sizeof label, "phase %d", k);
            nplot_plot_xy(ax, x, y[k], N, .label = label);
        }
        nplot_set_title(ax, styles[s]);
        nplot_legend(ax, .loc = "upper right", .fontsize = 7);
        nplot_tight_layout(fig);
        char path[1024];
        snprintf(path, sizeof path, "%s%splot_style_%s.png", argc > 1 ? argv[1] : "",
                 argc > 1 ? "/" : "", styles[s]);
        if (nplot_savefig(fig, path) != ND_OK) {
            fprintf(stderr, "plot_styles: %s\n", nd_errmsg());
            rc = 1;
        }
        nplot_figure_free(fig);
    }
    return rc;
}
