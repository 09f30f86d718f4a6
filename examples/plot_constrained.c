/* Cookbook: layout='constrained'. A 2 x 2 grid, two of its axes with a pcolormesh and a
 * colorbar: constrained layout sizes each row and column's margins from the tick labels,
 * titles and colorbars of the axes on it, places the colorbars beside their axes and splits
 * the rest of the figure evenly, so nothing overlaps and nothing leaves the figure.
 * Usage: plot_constrained [output-directory]
 * (scripts/mpl_constrained_reference.py draws the same figure with matplotlib) */
#include <numc/plot.h>
#include <stdio.h>

/* the figure; NULL on error (nd_errmsg says why) */
static nplot_figure *constrained_figure(void)
{
    static const double x[4] = { 0, 1, 2, 4 }, y[4] = { 0, 3, 1, 4 };
    nplot_figure *fig = nplot_figure_new(.layout = "constrained");
    nplot_axes *axs[4];
    nd_array *c = nd_arange(0, 12, 1, ND_FLOAT64);
    nd_array *c2 = c ? nd_reshape(c, 2, (const ptrdiff_t[]){ 3, 4 }) : NULL;
    if (!fig || !c2 || nplot_subplots(fig, 2, 2, axs)) goto fail;
    for (int i = 0; i < 4; i++) {
        if (i == 0 || i == 3) {
            nplot_pcolormesh(axs[i], c2);
            nplot_colorbar(axs[i]);
        } else {
            nplot_plot_xy(axs[i], x, y, 4);
        }
    }
    nplot_set_title(axs[0], "mesh");
    if (nplot_figure_status(fig)) goto fail;
    nd_free(c2);
    nd_free(c);
    return fig;
fail:
    nd_free(c2);
    nd_free(c);
    nplot_figure_free(fig);
    return NULL;
}

#ifndef CONSTRAINED_NO_MAIN
int main(int argc, char **argv)
{
    nplot_figure *fig = constrained_figure();
    char path[1024];
    snprintf(path, sizeof path, "%s%sconstrained.png", argc > 1 ? argv[1] : "", argc > 1 ? "/" : "");
    nd_status st = fig ? nplot_savefig(fig, path) : ND_EVALUE;
    if (st) fprintf(stderr, "plot_constrained: %s\n", nd_errmsg());
    nplot_figure_free(fig);
    return st ? 1 : 0;
}
#endif
