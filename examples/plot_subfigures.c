/* Cookbook: subfigures (matplotlib's fig.subfigures). The figure is split 2 : 1 into a
 * grey left subfigure holding two stacked subplots with its own suptitle and supxlabel, and
 * a framed blue right subfigure with one subplot and its own suptitle. Each subfigure lays
 * out its subplots with its own subplot params inside its box.
 * Usage: plot_subfigures [output-directory]  (scripts/mpl_subfig_reference.py draws the same) */
#include <numc/plot.h>
#include <stdio.h>

/* the figure; NULL on error (nd_errmsg says why) */
static nplot_figure *subfig_figure(void)
{
    static const double x[3] = { 0, 1, 2 }, y0[3] = { 0, 1, 4 }, y1[3] = { 3, 1, 2 };
    static const double bx[3] = { 1, 2, 3 }, by[3] = { 3, 1, 2 };
    nplot_figure *fig = nplot_figure_new(.width = 6.4, .height = 4.8, .dpi = 100);
    nplot_subfigure *sf[2];
    nplot_axes *left[2], *right;
    if (nplot_subfigures(fig, 1, 2, sf, .width_ratios = { 2, (double[]){ 2, 1 } }) ||
        nplot_subfig_subplots(sf[0], 2, 1, left) || nplot_subfig_subplots(sf[1], 1, 1, &right))
        goto fail;
    nplot_plot_xy(left[0], x, y0, 3);
    nplot_plot_xy(left[1], x, y1, 3);
    nplot_plot_xy(right, bx, by, 3, .fmt = "o-");
    nplot_subfig_set_facecolor(sf[0], "0.9");
    nplot_subfig_set_facecolor(sf[1], "#d0e0ff");
    nplot_subfig_set_edgecolor(sf[1], "k");
    nplot_subfig_set_linewidth(sf[1], 2);
    nplot_subfig_suptitle(sf[0], "left");
    nplot_subfig_supxlabel(sf[0], "time");
    nplot_subfig_suptitle(sf[1], "right");
    if (nplot_figure_status(fig)) goto fail;
    return fig;
fail:
    nplot_figure_free(fig);
    return NULL;
}

#ifndef SUBFIG_NO_MAIN
int main(int argc, char **argv)
{
    nplot_figure *fig = subfig_figure();
    char path[1024];
    snprintf(path, sizeof path, "%s%ssubfigures.png", argc > 1 ? argv[1] : "", argc > 1 ? "/" : "");
    nd_status st = fig ? nplot_savefig(fig, path) : ND_EVALUE;
    if (st) fprintf(stderr, "plot_subfigures: %s\n", nd_errmsg());
    nplot_figure_free(fig);
    return st ? 1 : 0;
}
#endif
