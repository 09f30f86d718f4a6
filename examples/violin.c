/* Cookbook: violins (Gaussian KDE bodies with means, medians and quartile lines) next to
 * notched box plots of the same four datasets, as matplotlib's violinplot / boxplot(notch=True).
 * Usage: violin [output-directory]   (scripts/mpl_violin_reference.py draws the same figure) */
#include <numc/numc.h>
#include <numc/plot.h>
#include <stdio.h>

/* default_rng(19680801).normal(0, 1, (100, 4)), column j scaled by 1 + j and shifted 2j */
static nd_array *violin_data(void)
{
    nd_rng *rng = nd_rng_new(19680801);
    nd_array *data = nd_rng_normal(rng, 0, 1, ND_SHAPE(100, 4));
    nd_rng_free(rng);
    if (!data) return NULL;
    double *d = nd_data(data);
    for (int i = 0; i < 100; i++)
        for (int j = 0; j < 4; j++) d[i * 4 + j] = d[i * 4 + j] * (1 + j) + 2 * j;
    return data;
}

/* the figure: violins left, notched boxes right; NULL on error */
static nplot_figure *violin_figure(const nd_array *data)
{
    static const double q[2] = { 0.25, 0.75 };
    nplot_f64s qs[4];
    for (int i = 0; i < 4; i++) qs[i] = NPLOT_F64_ARRAY(q, 2);
    nplot_figure *fig = nplot_figure_new(.width = 9, .height = 4);
    nplot_axes *axs[2];
    if (nplot_subplots(fig, 1, 2, axs) ||
        nplot_violinplot(axs[0], data, .showmeans = true, .showmedians = true, .quantiles = qs) ||
        nplot_set_title(axs[0], "violinplot") ||
        nplot_boxplot(axs[1], data, .notch = true) ||
        nplot_set_title(axs[1], "boxplot(notch=True)") ||
        nplot_tight_layout(fig)) {
        nplot_figure_free(fig);
        return NULL;
    }
    return fig;
}

#ifndef VIOLIN_NO_MAIN
int main(int argc, char **argv)
{
    nd_array *data = violin_data();
    nplot_figure *fig = data ? violin_figure(data) : NULL;
    char path[1024];
    snprintf(path, sizeof path, "%s%sviolin.png", argc > 1 ? argv[1] : "", argc > 1 ? "/" : "");
    nd_status st = fig ? nplot_savefig(fig, path) : ND_EVALUE;
    if (st) fprintf(stderr, "violin: %s\n", nd_errmsg());
    nplot_figure_free(fig);
    nd_free(data);
    return st ? 1 : 0;
}
#endif
