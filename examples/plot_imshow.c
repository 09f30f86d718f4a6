/* Cookbook: images — a color-mapped field with a colorbar, origin and extent, an RGB
 * image, and matshow. Usage: plot_imshow [output-directory] */
#include <numc/numc.h>
#include <numc/plot.h>
#include <math.h>
#include <stdio.h>

enum { N = 120 };

int main(int argc, char **argv)
{
    static double z[N * N], rgb[64 * 64 * 3];
    for (int i = 0; i < N; i++)
        for (int j = 0; j < N; j++) {
            double x = -3 + 6.0 * j / (N - 1), y = -3 + 6.0 * i / (N - 1);
            z[i * N + j] = exp(-x * x - y * y) - exp(-(x - 1) * (x - 1) - (y - 1) * (y - 1));
        }
    for (int i = 0; i < 64; i++)
        for (int j = 0; j < 64; j++) {
            double *p = rgb + (i * 64 + j) * 3;
            p[0] = i / 63.0, p[1] = j / 63.0, p[2] = 1 - (i + j) / 126.0;
        }
    nd_array *zi = nd_from_buffer(z, 2, (ptrdiff_t[]){ N, N }, ND_FLOAT64);
    nd_array *ci = nd_from_buffer(rgb, 3, (ptrdiff_t[]){ 64, 64, 3 }, ND_FLOAT64);
    double m[8 * 8];
    for (int i = 0; i < 64; i++) m[i] = (i % 8) * (i / 8) - 12;
    nd_array *mi = nd_from_buffer(m, 2, (ptrdiff_t[]){ 8, 8 }, ND_FLOAT64);

    nplot_figure *fig = nplot_figure_new(.width = 11, .height = 3.6);
    nplot_axes *axs[3];
    nplot_subplots(fig, 1, 3, axs);
    nplot_imshow(axs[0], zi, .cmap = "RdBu", .origin = "lower", .extent = NPLOT_F64S(-3, 3, -3, 3),
                 .vmin = -1, .vmax = 1, .interpolation = "bilinear");
    nplot_colorbar(axs[0], .label = "difference of Gaussians");
    nplot_set_title(axs[0], "imshow + colorbar");
    nplot_imshow(axs[1], ci);
    nplot_set_title(axs[1], "RGB array");
    nplot_matshow(axs[2], mi, .cmap = "viridis");
    nplot_colorbar(axs[2]);
    nplot_set_title(axs[2], "matshow");
    nplot_tight_layout(fig);

    char path[1024];
    snprintf(path, sizeof path, "%s%splot_imshow.png", argc > 1 ? argv[1] : "", argc > 1 ? "/" : "");
    nd_status st = nplot_savefig(fig, path);
    if (st) fprintf(stderr, "plot_imshow: %s\n", nd_errmsg());
    nplot_figure_free(fig);
    nd_free(zi);
    nd_free(ci);
    nd_free(mi);
    return st ? 1 : 0;
}
