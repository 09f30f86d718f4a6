/* Cookbook: more 3-D axes — bar3d with per-bar colors and matplotlib's shading, an
 * orthographic view with a custom box aspect, a 3-D quiver field. Usage: plot_3d_more [output-directory] */
#include <numc/numc.h>
#include <numc/plot.h>
#include <math.h>
#include <stdio.h>

int main(int argc, char **argv)
{
    double x[12], y[12], z[12] = { 0 }, dz[12];
    const char *colors[12];
    static const char *cyc[4] = { "C0", "C1", "C2", "C3" };
    for (int i = 0; i < 12; i++) {
        x[i] = i % 4, y[i] = i / 4;
        dz[i] = 1 + (i * 7) % 5;
        colors[i] = cyc[i / 4 + (i % 4 == 3)];
    }
    nd_array *X = nd_from_f64(x, 12), *Y = nd_from_f64(y, 12), *Z = nd_from_f64(z, 12);
    nd_array *DZ = nd_from_f64(dz, 12), *D = nd_from_f64((double[]){ 0.6 }, 1);

    nplot_figure *fig = nplot_figure_new(.width = 15, .height = 4.5);
    nplot_axes *a1 = nplot_subplot_3d(fig, 1, 3, 1);
    nplot_bar3d(a1, X, Y, Z, D, D, DZ, .colors = colors, .ncolors = 12);
    nplot_set_title(a1, "bar3d, shade=True");
    nplot_set_xlabel(a1, "x");
    nplot_set_ylabel(a1, "y");
    nplot_set_zlabel(a1, "height");

    nplot_axes *a2 = nplot_subplot_3d(fig, 1, 3, 2);
    nplot_bar3d(a2, X, Y, Z, D, D, DZ, .color = "C4", .no_shade = true, .alpha = 0.8);
    nplot_set_proj_type(a2, "ortho", 0);
    nplot_set_box_aspect3d(a2, 2, 1, 1, 0);
    nplot_view_init_roll(a2, 25, -50, 0);
    nplot_set_title(a2, "ortho, box aspect (2, 1, 1)");

    /* a swirl: u, v, w at a 4 x 4 x 3 grid */
    const double PI = 3.14159265358979323846;
    enum { Q = 48 };
    double qx[Q], qy[Q], qz[Q], qu[Q], qv[Q], qw[Q];
    for (int i = 0; i < Q; i++) {
        qx[i] = -0.8 + 0.533 * (i % 4), qy[i] = -0.8 + 0.533 * (i / 4 % 4), qz[i] = -0.8 + 0.8 * (i / 16);
        qu[i] = sin(PI * qx[i]) * cos(PI * qy[i]) * cos(PI * qz[i]);
        qv[i] = -cos(PI * qx[i]) * sin(PI * qy[i]) * cos(PI * qz[i]);
        qw[i] = sqrt(2.0 / 3.0) * cos(PI * qx[i]) * cos(PI * qy[i]) * sin(PI * qz[i]);
    }
    nd_array *QX = nd_from_f64(qx, Q), *QY = nd_from_f64(qy, Q), *QZ = nd_from_f64(qz, Q);
    nd_array *QU = nd_from_f64(qu, Q), *QV = nd_from_f64(qv, Q), *QW = nd_from_f64(qw, Q);
    nplot_axes *a3 = nplot_subplot_3d(fig, 1, 3, 3);
    nplot_quiver3d(a3, QX, QY, QZ, QU, QV, QW, .length = 0.3, .normalize = true);
    nplot_set_title(a3, "quiver, length=0.3, normalize=True");

    char path[1024];
    snprintf(path, sizeof path, "%s%splot_3d_more.png", argc > 1 ? argv[1] : "", argc > 1 ? "/" : "");
    nd_status st = nplot_savefig(fig, path);
    if (st) fprintf(stderr, "plot_3d_more: %s\n", nd_errmsg());
    nplot_figure_free(fig);
    nd_array *all[] = { X, Y, Z, DZ, D, QX, QY, QZ, QU, QV, QW };
    for (size_t i = 0; i < sizeof all / sizeof *all; i++) nd_free(all[i]);
    return st ? 1 : 0;
}
