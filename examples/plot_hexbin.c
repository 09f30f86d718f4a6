/* Cookbook: hexagonal binning and pcolormesh, each with a colorbar.
 * Usage: plot_hexbin [output-directory] */
#include <numc/numc.h>
#include <numc/plot.h>
#include <math.h>
#include <stdio.h>

int main(int argc, char **argv)
{
    enum { N = 100000 };
    nd_rng *rng = nd_rng_new(19680801);
    nd_array *x = nd_rng_normal(rng, 0, 1, ND_SHAPE(N));
    nd_array *e = nd_rng_normal(rng, 0, 1, ND_SHAPE(N));
    nd_rng_free(rng);
    if (!x || !e) return 1;
    double *xv = nd_data(x), *y = nd_data(e);
    for (int i = 0; i < N; i++) y[i] = 1.2 * xv[i] + y[i] / 3;

    static double c[30 * 40];
    for (int i = 0; i < 30; i++)
        for (int j = 0; j < 40; j++) c[i * 40 + j] = sin(j / 6.0) * cos(i / 5.0);
    nd_array *ca = nd_from_buffer(c, 2, (ptrdiff_t[]){ 30, 40 }, ND_FLOAT64);

    nplot_figure *fig = nplot_figure_new(.width = 11, .height = 4.2);
    nplot_axes *axs[2];
    nplot_subplots(fig, 1, 2, axs);
    nplot_hexbin(axs[0], x, e, .gridsize = 50, .cmap = "inferno");
    nplot_colorbar(axs[0], .label = "counts");
    nplot_set_title(axs[0], "hexbin");
    nplot_pcolormesh(axs[1], ca, .cmap = "RdBu", .vmin = -1, .vmax = 1);
    nplot_colorbar(axs[1]);
    nplot_set_title(axs[1], "pcolormesh");
    nplot_tight_layout(fig);

    char path[1024];
    snprintf(path, sizeof path, "%s%splot_hexbin.png", argc > 1 ? argv[1] : "", argc > 1 ? "/" : "");
    nd_status st = nplot_savefig(fig, path);
    if (st) fprintf(stderr, "plot_hexbin: %s\n", nd_errmsg());
    nplot_figure_free(fig);
    nd_free(x);
    nd_free(e);
    nd_free(ca);
    return st ? 1 : 0;
}
