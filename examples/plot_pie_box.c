/* Cookbook: a pie chart with percentages and an exploded wedge, and box plots
 * (vertical with means, horizontal filled). Usage: plot_pie_box [output-directory] */
#include <numc/numc.h>
#include <numc/plot.h>
#include <stdio.h>

int main(int argc, char **argv)
{
    const char *labels[] = { "Frogs", "Hogs", "Dogs", "Logs" };
    const double sizes[] = { 15, 30, 45, 10 }, explode[] = { 0, 0.1, 0, 0 };

    nd_rng *rng = nd_rng_new(19680801);
    nd_array *data = nd_rng_normal(rng, 0, 1, ND_SHAPE(100, 4));
    nd_rng_free(rng);
    if (!data) return 1;
    double *d = nd_data(data);
    for (int i = 0; i < 100; i++)
        for (int j = 0; j < 4; j++) d[i * 4 + j] = d[i * 4 + j] * (1 + j) + 2 * j;
    d[5 * 4 + 0] = 7; /* an outlier */

    nplot_figure *fig = nplot_figure_new(.width = 12, .height = 4);
    nplot_axes *axs[3];
    nplot_subplots(fig, 1, 3, axs);
    nplot_pie_xy(axs[0], sizes, 4, .labels = NPLOT_STR_ARRAY(labels, 4),
                 .explode = NPLOT_F64_ARRAY(explode, 4), .autopct = "%1.1f%%", .startangle = 90);
    nplot_set_title(axs[0], "pie");
    const char *names[] = { "A", "B", "C", "D" };
    nplot_boxplot(axs[1], data, .labels = NPLOT_STR_ARRAY(names, 4), .showmeans = true);
    nplot_set_title(axs[1], "boxplot");
    nplot_boxplot(axs[2], data, .vert = NPLOT_OFF, .patch_artist = true);
    nplot_set_title(axs[2], "horizontal, patch_artist");
    nplot_tight_layout(fig);

    char path[1024];
    snprintf(path, sizeof path, "%s%splot_pie_box.png", argc > 1 ? argv[1] : "", argc > 1 ? "/" : "");
    nd_status st = nplot_savefig(fig, path);
    if (st) fprintf(stderr, "plot_pie_box: %s\n", nd_errmsg());
    nplot_figure_free(fig);
    nd_free(data);
    return st ? 1 : 0;
}
