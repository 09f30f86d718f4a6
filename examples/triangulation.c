/* Cookbook: irregular meshes — the Delaunay triangulation of scattered points (qhull),
 * masked, drawn with triplot, tripcolor (flat and gouraud), tricontourf with tricontour
 * lines, and plot_trisurf. Usage: triangulation [output-directory] */
#include <numc/numc.h>
#include <numc/plot.h>
#include <math.h>
#include <stdbool.h>
#include <stdint.h>
#include <stdio.h>

enum { NA = 36, NR = 8, NP = NA * NR };

int main(int argc, char **argv)
{
    /* rings of points, every other ring turned half a step; z = cos(r) cos(3 a) */
    static double x[NP], y[NP], z[NP];
    const double pi = 3.14159265358979323846;
    for (int i = 0; i < NA; i++)
        for (int j = 0; j < NR; j++) {
            double r = 0.25 + 0.7 * j / (NR - 1), a = 2 * pi * i / NA + (j % 2 ? pi / NA : 0);
            x[i * NR + j] = r * cos(a);
            y[i * NR + j] = r * sin(a);
            z[i * NR + j] = cos(r) * cos(3 * a);
        }
    nplot_triangulation *tri = nplot_triangulation_new_xy(x, y, NP, NULL, 0);
    if (!tri) {
        fprintf(stderr, "%s\n", nd_errmsg());
        return 1;
    }
    /* hide the triangles across the hole in the middle */
    nd_array *T = nplot_triangulation_triangles(tri);
    size_t nt = nplot_triangulation_ntri(tri);
    nd_array *mask = nd_empty(ND_SHAPE((ptrdiff_t)nt), ND_BOOL);
    const int32_t *v = nd_data(T);
    bool *m = nd_data(mask);
    for (size_t k = 0; k < nt; k++) {
        const int32_t *p = v + 3 * k;
        m[k] = hypot((x[p[0]] + x[p[1]] + x[p[2]]) / 3, (y[p[0]] + y[p[1]] + y[p[2]]) / 3) < 0.25;
    }
    nplot_triangulation_set_mask(tri, mask);
    nd_array *Z = nd_from_f64(z, NP);

    nplot_figure *fig = nplot_figure_new(.width = 15, .height = 8);
    nplot_axes *a1 = nplot_subplot(fig, 2, 3, 1);
    nplot_triplot(a1, tri, .fmt = "bo-", .linewidth = 0.8, .markersize = 2);
    nplot_set_title(a1, "triplot (Delaunay, masked)");
    nplot_axes *a2 = nplot_subplot(fig, 2, 3, 2);
    nplot_tripcolor(a2, tri, Z, .cmap = "viridis");
    nplot_colorbar(a2);
    nplot_set_title(a2, "tripcolor, shading='flat'");
    nplot_axes *a3 = nplot_subplot(fig, 2, 3, 3);
    nplot_tripcolor(a3, tri, Z, .shading = "gouraud", .cmap = "viridis");
    nplot_colorbar(a3);
    nplot_set_title(a3, "tripcolor, shading='gouraud'");
    nplot_axes *a4 = nplot_subplot(fig, 2, 3, 4);
    nplot_tricontourf(a4, tri, Z, .nlevels = 10, .cmap = "RdBu_r");
    nplot_colorbar(a4);
    nplot_tricontour(a4, tri, Z, .nlevels = 10, .colors = "k", .linewidths = 0.5);
    nplot_set_title(a4, "tricontourf + tricontour");
    nplot_axes *a5 = nplot_subplot(fig, 2, 3, 5);
    nplot_tricontour(a5, tri, Z, .levels = NPLOT_F64S(-0.6, -0.3, 0, 0.3, 0.6), .cmap = "plasma");
    nplot_set_title(a5, "tricontour, explicit levels");
    for (int k = 0; k < 5; k++) nplot_set_aspect((nplot_axes *[]){ a1, a2, a3, a4, a5 }[k], 1);
    nplot_axes *a6 = nplot_subplot_3d(fig, 2, 3, 6);
    nplot_plot_trisurf(a6, tri, Z, .cmap = "viridis", .linewidth = 0.2, .edgecolor = "k");
    nplot_set_title(a6, "plot_trisurf");
    nplot_tight_layout(fig);

    char path[512];
    snprintf(path, sizeof path, "%s/triangulation.png", argc > 1 ? argv[1] : ".");
    int rc = 0;
    if (nplot_savefig(fig, path) != ND_OK) {
        fprintf(stderr, "%s\n", nd_errmsg());
        rc = 1;
    } else {
        printf("wrote %s (%zu triangles)\n", path, nt);
    }
    nplot_figure_free(fig);
    nplot_triangulation_free(tri);
    nd_free(Z);
    nd_free(T);
    nd_free(mask);
    return rc;
}
