/* savefig's other formats and options, and imsave: a figure with its legend outside the
 * axes saved with bbox_inches="tight" (the legend is kept), as JPEG (quality 90), EPS and
 * a PDF with a title in its metadata; a 2-D ramp written by imsave through 'plasma'.
 * Usage: plot_savefig [output-directory] */
#include <numc/numc.h>
#include <numc/plot.h>
#include <stdio.h>

int main(int argc, char **argv)
{
    const char *dir = argc > 1 ? argv[1] : ".";
    double x[50], y[50], z[48 * 64];
    for (int i = 0; i < 50; i++) x[i] = i / 49.0 * 4, y[i] = x[i] * x[i];
    for (int i = 0; i < 48 * 64; i++) z[i] = (i % 64) / 63.0 + (i / 64) / 47.0;
    nplot_figure *fig = nplot_figure_new(.width = 5, .height = 3.5);
    nplot_axes *ax = nplot_subplot(fig, 1, 1, 1);
    static const char *const md[] = { "Title", "savefig options", "Author", "numc", NULL };
    char p[4][1024];
    const char *names[4] = { "plot_savefig_tight.png", "plot_savefig.jpg", "plot_savefig.eps",
                             "plot_savefig.pdf" };
    for (int i = 0; i < 4; i++) snprintf(p[i], sizeof p[i], "%s/%s", dir, names[i]);
    char ims[1024];
    snprintf(ims, sizeof ims, "%s/plot_savefig_imsave.png", dir);
    nd_array *a = nd_from_buffer(z, 2, (ptrdiff_t[]){ 48, 64 }, ND_FLOAT64);
    nd_status st = nplot_plot_xy(ax, x, y, 50, .label = "x squared") ||
                   nplot_set_title(ax, "bbox_inches='tight'") ||
                   nplot_legend(ax, .loc = "upper left", .bbox_to_anchor = NPLOT_F64S(1.02, 1)) ||
                   nplot_savefig(fig, p[0], .bbox_inches = "tight", .metadata = md) ||
                   nplot_savefig(fig, p[1], .quality = 90) ||
                   nplot_savefig(fig, p[2], .bbox_inches = "tight") ||
                   nplot_savefig(fig, p[3], .metadata = md) ||
                   nplot_imsave(ims, a, .cmap = "plasma", .origin = "lower");
    if (st) fprintf(stderr, "plot_savefig: %s\n", nd_errmsg());
    nd_free(a);
    nplot_figure_free(fig);
    return st ? 1 : 0;
}
