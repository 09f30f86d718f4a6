/* Cookbook: histograms — bars with density, step outlines, a cumulative distribution.
 * Usage: plot_hist [output-directory] */
#include <numc/numc.h>
#include <numc/plot.h>
#include <stdio.h>

int main(int argc, char **argv)
{
    nd_rng *rng = nd_rng_new(19680801);
    nd_array *a = nd_rng_normal(rng, 100, 15, ND_SHAPE(2000));
    nd_array *b = nd_rng_normal(rng, 90, 20, ND_SHAPE(2000));
    nd_rng_free(rng);
    if (!a || !b) {
        fprintf(stderr, "plot_hist: %s\n", nd_errmsg());
        return 1;
    }
    nplot_figure *fig = nplot_figure_new(.width = 10, .height = 4);
    nplot_axes *axs[3];
    nplot_subplots(fig, 1, 3, axs);
    nplot_hist(axs[0], a, .bins = 50, .density = true, .alpha = 0.75, .label = "IQ");
    nplot_set_xlabel(axs[0], "IQ");
    nplot_set_ylabel(axs[0], "Probability density");
    nplot_set_title(axs[0], "density=True");

    nplot_hist(axs[1], a, .bins = 30, .histtype = "stepfilled", .alpha = 0.5, .label = "A");
    nplot_hist(axs[1], b, .bins = 30, .histtype = "step", .linewidth = 1.5, .label = "B");
    nplot_legend(axs[1]);
    nplot_set_title(axs[1], "step and stepfilled");

    nplot_hist(axs[2], a, .bins = 100, .density = true, .cumulative = 1, .histtype = "step",
               .label = "cumulative");
    nplot_hist(axs[2], a, .bins = 100, .density = true, .cumulative = -1, .histtype = "step",
               .label = "reversed");
    nplot_legend(axs[2], .loc = "center right");
    nplot_set_title(axs[2], "cumulative");
    nplot_tight_layout(fig);

    char path[1024];
    snprintf(path, sizeof path, "%s%splot_hist.png", argc > 1 ? argv[1] : "", argc > 1 ? "/" : "");
    nd_status st = nplot_savefig(fig, path);
    if (st) fprintf(stderr, "plot_hist: %s\n", nd_errmsg());
    nplot_figure_free(fig);
    nd_free(a);
    nd_free(b);
    return st ? 1 : 0;
}
