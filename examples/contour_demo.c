/* Cookbook: contour lines with inline labels, filled contours with a colorbar, a field with
 * a masked hole, and 3-D contours projected onto a pane (matplotlib's contour demos).
 * Usage: contour_demo [output-directory] */
#include <numc/numc.h>
#include <numc/plot.h>
#include <math.h>
#include <stdio.h>

enum { NX = 240, NY = 160, N3 = 40 };

int main(int argc, char **argv)
{
    /* matplotlib's contour_demo field: two Gaussian bumps of opposite sign */
    static double xs[NX], ys[NY], z[NY * NX], h[NY * NX];
    for (int j = 0; j < NX; j++) xs[j] = -3 + 0.025 * j;
    for (int i = 0; i < NY; i++) ys[i] = -2 + 0.025 * i;
    for (int i = 0; i < NY; i++)
        for (int j = 0; j < NX; j++) {
            double x = xs[j], y = ys[i];
            double z1 = exp(-x * x - y * y), z2 = exp(-(x - 1) * (x - 1) - (y - 1) * (y - 1));
            z[i * NX + j] = (z1 - z2) * 2;
            /* the same with a hole: NaN inside a disc */
            h[i * NX + j] = hypot(x + 0.5, y + 0.5) < 0.6 ? NAN : z[i * NX + j];
        }
    nd_array *X = nd_from_f64(xs, NX), *Y = nd_from_f64(ys, NY);
    nd_array *Z = nd_from_buffer(z, 2, (ptrdiff_t[]){ NY, NX }, ND_FLOAT64);
    nd_array *H = nd_from_buffer(h, 2, (ptrdiff_t[]){ NY, NX }, ND_FLOAT64);
    static double x3[N3], z3[N3 * N3];
    for (int i = 0; i < N3; i++) x3[i] = -3 + 6.0 * i / (N3 - 1);
    for (int i = 0; i < N3; i++)
        for (int j = 0; j < N3; j++)
            z3[i * N3 + j] = exp(-(x3[j] * x3[j] + x3[i] * x3[i]) / 3) * cos(x3[j]);
    nd_array *X3 = nd_from_f64(x3, N3), *Z3 = nd_from_buffer(z3, 2, (ptrdiff_t[]){ N3, N3 }, ND_FLOAT64);

    nplot_figure *fig = nplot_figure_new(.width = 12, .height = 9);
    nplot_axes *a1 = nplot_subplot(fig, 2, 2, 1);
    nplot_contour(a1, X, Y, Z, .colors = NPLOT_STRS("k"));
    nplot_clabel(a1, .fontsize = 9);
    nplot_set_title(a1, "contour, colors='k' + clabel (negative levels dashed)");

    nplot_axes *a2 = nplot_subplot(fig, 2, 2, 2);
    nplot_contourf(a2, X, Y, Z, .nlevels = 10, .cmap = "RdBu_r", .extend = "both");
    nplot_contour(a2, X, Y, Z, .nlevels = 10, .colors = NPLOT_STRS("k"), .linewidths = NPLOT_F64S(0.5));
    nplot_colorbar(a2);
    nplot_set_title(a2, "contourf(extend='both') + contour + colorbar");

    nplot_axes *a3 = nplot_subplot(fig, 2, 2, 3);
    nplot_contourf(a3, X, Y, H, .levels = NPLOT_F64S(-2, -1.5, -1, -0.5, 0, 0.5, 1, 1.5, 2));
    nplot_contour(a3, X, Y, H, .levels = NPLOT_F64S(-1, 0, 1), .colors = NPLOT_STRS("w"));
    nplot_colorbar(a3);
    nplot_set_title(a3, "NaN disc left out (corner_mask)");

    nplot_axes *a4 = nplot_subplot_3d(fig, 2, 2, 4);
    nplot_plot_surface(a4, X3, X3, Z3, .cmap = "coolwarm", .alpha = 0.4);
    nplot_contourf3d(a4, X3, X3, Z3, .cmap = "coolwarm", .offset = -1);
    nplot_contour3d(a4, X3, X3, Z3, .cmap = "coolwarm");
    nplot_set_zlim(a4, -1, 1);
    nplot_set_title(a4, "contour3D + contourf3D(offset=-1)");

    char path[1024];
    snprintf(path, sizeof path, "%s%scontour_demo.png", argc > 1 ? argv[1] : "", argc > 1 ? "/" : "");
    nd_status st = nplot_savefig(fig, path);
    if (st) fprintf(stderr, "contour_demo: %s\n", nd_errmsg());
    else printf("wrote %s\n", path);
    nplot_figure_free(fig);
    nd_array *all[] = { X, Y, Z, H, X3, Z3 };
    for (size_t i = 0; i < sizeof all / sizeof *all; i++) nd_free(all[i]);
    return st ? 1 : 0;
}
