/* Cookbook: an inset axes zooming into a detail of a curve (inset_axes, indicate_inset_zoom),
 * arrows (FancyArrow: full, half heads, overhang), and tick labels under ticklabel_format
 * (scientific notation always, mathtext offset) and locator_params (the scene of
 * tests/test_plot_axesmore.c's golden image and of scripts/mpl_plot_inset_reference.py,
 * matplotlib's rendering of the same figure).
 * Usage: plot_inset [output-directory] */
#include <numc/numc.h>
#include <numc/plot.h>
#include <math.h>
#include <stdio.h>

int main(int argc, char **argv)
{
    nplot_figure *fig = nplot_figure_new(.width = 10, .height = 4.5, .dpi = 72);
    nplot_axes *ax = nplot_subplot(fig, 1, 2, 1);
    nplot_axes *bx = nplot_subplot(fig, 1, 2, 2);

    /* a damped wave and an inset on its first wiggles */
    double x[400], y[400];
    for (int i = 0; i < 400; i++) {
        x[i] = i * 10.0 / 399;
        y[i] = exp(-x[i] / 3) * sin(3 * x[i]) * 1000;
    }
    nplot_plot_xy(ax, x, y, 400);
    nplot_set_xlim(ax, 0, 10);
    nplot_set_ylim(ax, -1000, 1500);
    nplot_axes *in = nplot_inset_axes(ax, 0.5, 0.55, 0.45, 0.4);
    nplot_plot_xy(in, x, y, 400);
    nplot_set_xlim(in, 0.2, 1.4);
    nplot_set_ylim(in, 300, 900);
    nplot_indicate_inset_zoom(ax, in, .edgecolor = "black");
    nplot_ticklabel_format(ax, .axis = "y", .style = "sci", .scilimits_set = true,
                           .scilimits = { 0, 0 }, .use_mathtext = NPLOT_ON);
    nplot_locator_params(ax, .axis = "x", .nbins = 4);
    nplot_set_title(ax, "inset_axes + indicate_inset_zoom");

    /* arrows */
    nplot_arrow(bx, 0, 0, 3, 2, .width = 0.1);
    nplot_arrow(bx, 0, 3, 3, 0, .width = 0.2, .head_width = 0.6, .shape = "left", .color = "C1");
    nplot_arrow(bx, 4, 0, 0, 3, .width = 0.15, .overhang = 0.5, .length_includes_head = true,
                .facecolor = "C2", .edgecolor = "black");
    nplot_arrow(bx, 5, 3.5, -1, -3, .width = 0.05, .head_width = 0.4, .shape = "right",
                .color = "C3", .alpha = 0.7);
    nplot_set_title(bx, "arrow (FancyArrow)");

    char path[512];
    snprintf(path, sizeof path, "%s/plot_inset.png", argc > 1 ? argv[1] : ".");
    nd_status st = nplot_savefig(fig, path);
    if (st) fprintf(stderr, "plot_inset: %s\n", nd_errmsg());
    nplot_figure_free(fig);
    return st ? 1 : 0;
}
