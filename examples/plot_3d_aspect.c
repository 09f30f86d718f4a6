/* Axes3D's state calls (matplotlib 3.6): a helix drawn with set_aspect('equal') next to the
 * same helix with the default aspect, their z axes shared (sharez), red z tick labels
 * (tick_params(axis='z')), and the z ticks and the axes' sides printed.
 * Writes plot_3d_aspect.png. */
#include <numc/numc.h>
#include <numc/plot.h>
#include <math.h>
#include <stdio.h>

int main(void)
{
    enum { N = 300 };
    double x[N], y[N], z[N];
    for (int i = 0; i < N; i++) {
        double t = 4 * 3.14159265358979323846 * i / (N - 1);
        x[i] = cos(t), y[i] = 2 * sin(t), z[i] = t / 2;
    }
    nd_array *X = nd_from_f64(x, N), *Y = nd_from_f64(y, N), *Z = nd_from_f64(z, N);
    nplot_figure *fig = nplot_figure_new(.width = 9, .height = 4.5);
    nplot_axes *a1 = nplot_subplot_3d(fig, 1, 2, 1), *a2 = nplot_subplot_3d(fig, 1, 2, 2);
    nplot_plot3d(a1, X, Y, Z);
    nplot_plot3d(a2, X, Y, Z, .color = "C1");
    nplot_sharez(a2, a1);
    nplot_set3d(a1, .zlabel = "z", .aspect = "equal");
    nplot_set_title(a1, "set_aspect('equal')");
    nplot_set_title(a2, "aspect 'auto', z shared");
    nplot_tick_params(a2, .axis = "z", .colors = "red", .labelsize = 8);
    nplot_margins3d(a2, 0, 0, NAN);
    double t[16];
    int n = nplot_get_zticks(a1, t, 16);
    printf("z ticks:");
    for (int i = 0; i < n && i < 16; i++) printf(" %s", nplot_get_zticklabel(a1, i));
    bool high[3];
    nplot_get_axis_position(a1, high);
    printf("\naxes drawn high: x %d, y %d, z %d\n", high[0], high[1], high[2]);
    nd_status st = nplot_savefig(fig, "plot_3d_aspect.png");
    if (st) fprintf(stderr, "%s\n", nd_errmsg());
    nplot_figure_free(fig);
    nd_free(X), nd_free(Y), nd_free(Z);
    return st != ND_OK;
}
