/* Cookbook: grouped and stacked bar charts with categorical labels, horizontal bars.
 * Usage: plot_bar [output-directory] */
#include <numc/plot.h>
#include <stdio.h>

int main(int argc, char **argv)
{
    const char *species[] = { "Adelie", "Chinstrap", "Gentoo" };
    const double males[] = { 73, 34, 61 }, females[] = { 73, 34, 58 };
    const double depth[] = { 18.35, 18.43, 14.98 }, length[] = { 38.79, 48.83, 47.50 },
                 flipper[] = { 189.95, 195.82, 217.19 };
    const double x[] = { 0, 1, 2 };

    nplot_figure *fig = nplot_figure_new(.width = 10, .height = 4);
    nplot_axes *axs[2];
    nplot_subplots(fig, 1, 2, axs);

    /* grouped bars: three series side by side, tick labels from strings */
    const double w = 0.25;
    double x0[3], x1[3], x2[3];
    for (int i = 0; i < 3; i++) x0[i] = x[i] - w, x1[i] = x[i], x2[i] = x[i] + w;
    nplot_bar_xy(axs[0], x0, depth, 3, .width = w, .label = "Bill depth");
    nplot_bar_xy(axs[0], x1, length, 3, .width = w, .label = "Bill length",
                 .tick_labels = NPLOT_STR_ARRAY(species, 3));
    nplot_bar_xy(axs[0], x2, flipper, 3, .width = w, .label = "Flipper length");
    nplot_set_ylabel(axs[0], "Length (mm)");
    nplot_set_title(axs[0], "Penguin attributes by species");
    nplot_legend(axs[0], .loc = "upper left");

    /* stacked bars on a categorical axis */
    nplot_bar_cat(axs[1], species, males, 3, .label = "Male", .edgecolor = "black");
    nplot_bar_cat(axs[1], species, females, 3, .bottoms = NPLOT_F64_ARRAY(males, 3),
                  .label = "Female", .edgecolor = "black");
    nplot_set_title(axs[1], "Number of penguins by sex");
    nplot_legend(axs[1]);
    nplot_tight_layout(fig);

    char path[1024];
    const char *dir = argc > 1 ? argv[1] : "", *sep = argc > 1 ? "/" : "";
    snprintf(path, sizeof path, "%s%splot_bar.png", dir, sep);
    nd_status st = nplot_savefig(fig, path);
    nplot_figure_free(fig);

    /* horizontal bars with per-bar colors */
    if (!st) {
        const char *people[] = { "Tom", "Dick", "Harry", "Slim", "Jim" };
        const double perf[] = { 12.9, 8.3, 6.1, 11.7, 3.4 };
        const char *colors[] = { "tab:blue", "tab:orange", "tab:green", "tab:red", "tab:purple" };
        fig = nplot_figure_new();
        nplot_axes *ax = nplot_subplot(fig, 1, 1, 1);
        nplot_barh_cat(ax, people, perf, 5, .colors = NPLOT_STR_ARRAY(colors, 5));
        nplot_invert_yaxis(ax);
        nplot_set_xlabel(ax, "Performance");
        nplot_set_title(ax, "How fast do you want to go today?");
        snprintf(path, sizeof path, "%s%splot_barh.png", dir, sep);
        st = nplot_savefig(fig, path);
        nplot_figure_free(fig);
    }
    if (st) fprintf(stderr, "plot_bar: %s\n", nd_errmsg());
    return st ? 1 : 0;
}
