/* Cookbook: 3-D axes — a colormapped surface with a colorbar, a wireframe, and a 3-D line
 * with a scatter. Usage: plot_surface3d [output-directory] */
#include <numc/numc.h>
#include <numc/plot.h>
#include <math.h>
#include <stdio.h>

enum { N = 60 };

int main(int argc, char **argv)
{
    static double xs[N], ys[N], z[N * N], w[N * N];
    for (int i = 0; i < N; i++) xs[i] = ys[i] = -5 + 10.0 * i / (N - 1);
    for (int i = 0; i < N; i++)
        for (int j = 0; j < N; j++) {
            double r = hypot(xs[j], ys[i]);
            z[i * N + j] = sin(r);
            w[i * N + j] = exp(-(xs[j] * xs[j] + ys[i] * ys[i]) / 8) * cos(xs[j]);
        }
    nd_array *X = nd_from_f64(xs, N), *Y = nd_from_f64(ys, N);
    nd_array *Z = nd_from_buffer(z, 2, (ptrdiff_t[]){ N, N }, ND_FLOAT64);
    nd_array *W = nd_from_buffer(w, 2, (ptrdiff_t[]){ N, N }, ND_FLOAT64);
    enum { M = 200 };
    double tx[M], ty[M], tz[M];
    for (int i = 0; i < M; i++) {
        double t = -4 * 3.14159265358979 + 8 * 3.14159265358979 * i / (M - 1);
        tz[i] = -2 + 4.0 * i / (M - 1);
        double r = tz[i] * tz[i] + 1;
        tx[i] = r * sin(t), ty[i] = r * cos(t);
    }
    nd_array *lx = nd_from_f64(tx, M), *ly = nd_from_f64(ty, M), *lz = nd_from_f64(tz, M);
    nd_array *px = nd_from_f64(tx, 20), *py = nd_from_f64(ty, 20), *pz = nd_from_f64(tz, 20);

    nplot_figure *fig = nplot_figure_new(.width = 14, .height = 4.5);
    nplot_axes *a1 = nplot_subplot_3d(fig, 1, 3, 1);
    nplot_plot_surface(a1, X, Y, Z, .cmap = "viridis");
    nplot_colorbar(a1, .shrink = 0.6, .pad = 0.12);
    nplot_set_title(a1, "plot_surface, cmap='viridis'");
    nplot_set_xlabel(a1, "x");
    nplot_set_ylabel(a1, "y");
    nplot_set_zlabel(a1, "z");

    nplot_axes *a2 = nplot_subplot_3d(fig, 1, 3, 2);
    nplot_plot_wireframe(a2, X, Y, W, .rstride = 4, .cstride = 4);
    nplot_view_init(a2, 20, -35);
    nplot_set_title(a2, "plot_wireframe, view_init(20, -35)");

    nplot_axes *a3 = nplot_subplot_3d(fig, 1, 3, 3);
    nplot_plot3d(a3, lx, ly, lz, .label = "parametric curve");
    nplot_scatter3d(a3, px, py, pz, .color = "C1", .label = "samples");
    nplot_plot_surface(a3, X, Y, W, .color = "C2", .alpha = 0.6);
    nplot_legend(a3);
    nplot_set_title(a3, "plot + scatter + shaded surface");

    char path[1024];
    snprintf(path, sizeof path, "%s%splot_surface3d.png", argc > 1 ? argv[1] : "", argc > 1 ? "/" : "");
    nd_status st = nplot_savefig(fig, path);
    if (st) fprintf(stderr, "plot_surface3d: %s\n", nd_errmsg());
    nplot_figure_free(fig);
    nd_array *all[] = { X, Y, Z, W, lx, ly, lz, px, py, pz };
    for (size_t i = 0; i < sizeof all / sizeof *all; i++) nd_free(all[i]);
    return st ? 1 : 0;
}
