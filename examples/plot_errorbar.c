/* Cookbook: error bars (symmetric y errors, asymmetric x errors via (2, n) arrays).
 * Usage: plot_errorbar [output-directory] */
#include <numc/numc.h>
#include <numc/plot.h>
#include <math.h>
#include <stdio.h>

int main(int argc, char **argv)
{
    enum { N = 10 };
    double x[N], y[N], yerr[N], xerr[2 * N];
    for (int i = 0; i < N; i++) {
        x[i] = 0.5 + i;
        y[i] = exp(-x[i] / 4);
        yerr[i] = 0.05 + 0.02 * i;
        xerr[i] = 0.1;          /* lower */
        xerr[N + i] = 0.25;     /* upper */
    }
    nd_array *ax_ = nd_from_f64(x, N), *ay = nd_from_f64(y, N), *ey = nd_from_f64(yerr, N);
    nd_array *ex = nd_from_buffer(xerr, ND_SHAPE(2, N), ND_FLOAT64);

    nplot_figure *fig = nplot_figure_new();
    nplot_axes *ax = nplot_subplot(fig, 1, 1, 1);
    nplot_errorbar(ax, ax_, ay, .yerr = ey, .fmt = "o", .capsize = 3, .label = "measured");
    nplot_errorbar(ax, ax_, ay, .xerr = ex, .yerr_value = 0.02, .fmt = "s--", .capsize = 2,
                   .ecolor = "0.4", .label = "shifted", .alpha = 0.6);
    nplot_set_title(ax, "errorbar");
    nplot_legend(ax);

    char path[1024];
    snprintf(path, sizeof path, "%s%splot_errorbar.png", argc > 1 ? argv[1] : "", argc > 1 ? "/" : "");
    nd_status st = nplot_savefig(fig, path);
    if (st) fprintf(stderr, "plot_errorbar: %s\n", nd_errmsg());
    nplot_figure_free(fig);
    nd_free(ax_);
    nd_free(ay);
    nd_free(ey);
    nd_free(ex);
    return st ? 1 : 0;
}
