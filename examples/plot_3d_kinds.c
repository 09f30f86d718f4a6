/* Cookbook: the rest of Axes3D's plot kinds, after matplotlib's mplot3d gallery — voxels,
 * stem, errorbar, text / text2D, bars at zs, tricontour / tricontourf, polygons placed with
 * add_collection3d, a 2-D contour set placed in 3-D. Usage: plot_3d_kinds [output-directory] */
#include <numc/numc.h>
#include <numc/plot.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>

static const double PI = 3.14159265358979323846;

static void voxels_panel(nplot_axes *ax, nd_array *filled, const char **colors)
{
    /* gallery voxels.py: two cubes and a link between them */
    double *f = nd_data(filled);
    static const char *names[3] = { "blue", "green", "red" };
    for (int i = 0; i < 8; i++)
        for (int j = 0; j < 8; j++)
            for (int k = 0; k < 8; k++) {
                int c = i * 64 + j * 8 + k;
                bool cube1 = i < 3 && j < 3 && k < 3, cube2 = i >= 5 && j >= 5 && k >= 5;
                bool link = abs(i - j) + abs(j - k) + abs(k - i) <= 2;
                f[c] = cube1 || cube2 || link;
                colors[c] = cube1 ? names[0] : cube2 ? names[1] : names[2]; /* matplotlib: later assignments win */
            }
    nplot_voxels(ax, filled, .facecolors = NPLOT_STR_ARRAY(colors, 512), .edgecolor = "k");
    nplot_set_title(ax, "voxels");
}

int main(int argc, char **argv)
{
    nplot_figure *fig = nplot_figure_new(.width = 16, .height = 12);
    nd_array *filled = nd_zeros(ND_SHAPE(8, 8, 8));
    const char **vcolors = malloc(sizeof(char *) * 512);
    voxels_panel(nplot_subplot_3d(fig, 3, 4, 1), filled, vcolors);

    /* stem3d_demo.py */
    double th[40], sx[40], sy[40];
    for (int i = 0; i < 40; i++) {
        th[i] = 2 * PI * i / 39;
        sx[i] = cos(th[i] - PI / 2), sy[i] = sin(th[i] - PI / 2);
    }
    nd_array *SX = nd_from_f64(sx, 40), *SY = nd_from_f64(sy, 40), *ST = nd_from_f64(th, 40);
    nplot_axes *a2 = nplot_subplot_3d(fig, 3, 4, 2);
    nplot_stem3d(a2, SX, SY, ST, .label = "stem");
    nplot_legend(a2);
    nplot_set_title(a2, "stem");
    nplot_axes *a3 = nplot_subplot_3d(fig, 3, 4, 3);
    nplot_stem3d(a3, SX, SY, ST, .bottom = -1, .orientation = "x", .linefmt = "grey", .markerfmt = "D",
                 .basefmt = "C1-");
    nplot_set_title(a3, "stem, orientation='x', bottom=-1");

    /* errorbar3d.py */
    enum { NE = 60 };
    double ex[NE], ey[NE], ez[NE];
    for (int i = 0; i < NE; i++) {
        double t = 2 * PI * i / (NE - 1);
        ex[i] = sin(t), ey[i] = cos(3 * t), ez[i] = sin(5 * t);
    }
    nd_array *EX = nd_from_f64(ex, NE), *EY = nd_from_f64(ey, NE), *EZ = nd_from_f64(ez, NE);
    nplot_axes *a4 = nplot_subplot_3d(fig, 3, 4, 4);
    nplot_errorbar3d(a4, EX, EY, EZ, .zerr_value = 0.2, .xerr_value = 0.1, .errorevery = 5, .capsize = 2,
                     .ecolor = "purple", .fmt = "o-", .label = "data");
    nplot_legend(a4, .loc = "upper left");
    nplot_set_title(a4, "errorbar, zerr=0.2, xerr=0.1");

    /* text3d.py */
    nplot_axes *a5 = nplot_subplot_3d(fig, 3, 4, 5);
    static const char *zdirs[6] = { NULL, "x", "y", "z", "(1,1,0)", "(1,1,1)" };
    static const double tx[6] = { 1, 4, 4, 9, 4, 1 }, ty[6] = { 2, 5, 8, 10, 1, 2 }, tz[6] = { 10, 3, 8, 9, 1, 8 };
    for (int i = 0; i < 6; i++) {
        char label[64];
        snprintf(label, sizeof label, "(%g, %g, %g), dir=%s", tx[i], ty[i], tz[i], zdirs[i] ? zdirs[i] : "None");
        nplot_text3d(a5, tx[i], ty[i], tz[i], label, zdirs[i]);
    }
    nplot_text3d(a5, 9, 0, 0, "red", NULL, .color = "red");
    nplot_text2d(a5, 0.05, 0.95, "2D Text");
    nplot_set_xlim(a5, 0, 10);
    nplot_set_ylim(a5, 0, 10);
    nplot_set_zlim(a5, 0, 10);
    nplot_set_title(a5, "text, zdir; text2D");

    /* bars3d.py */
    nplot_axes *a6 = nplot_subplot_3d(fig, 3, 4, 6);
    static const char *bcolors[4] = { "r", "g", "b", "y" };
    double bx[20], bh[20];
    for (int k = 3; k >= 0; k--) {
        for (int i = 0; i < 20; i++) bx[i] = i, bh[i] = 0.5 + 0.5 * sin(0.6 * i + k) + 0.1 * k;
        nd_array *BX = nd_from_f64(bx, 20), *BH = nd_from_f64(bh, 20);
        nplot_bar_zs(a6, BX, BH, .zs_value = k, .zdir = "y", .color = bcolors[3 - k], .alpha = 0.8);
        nd_free(BX);
        nd_free(BH);
    }
    nplot_set_title(a6, "bar, zs=k, zdir='y'");

    /* tricontour3d.py: rings of points, z = cos(r) cos(3 angle) */
    enum { NA = 48, NR = 8, NP = NA * NR };
    double px[NP], py[NP], pz[NP];
    for (int r = 0; r < NR; r++)
        for (int a = 0; a < NA; a++) {
            double rad = 0.25 + (0.95 - 0.25) * r / (NR - 1), ang = 2 * PI * a / NA + (r % 2) * PI / NA;
            int i = r * NA + a;
            px[i] = rad * cos(ang), py[i] = rad * sin(ang), pz[i] = cos(rad) * cos(3 * ang);
        }
    nplot_triangulation *tri = nplot_triangulation_new_xy(px, py, NP, NULL, 0);
    nd_array *PZ = nd_from_f64(pz, NP);
    nplot_axes *a7 = nplot_subplot_3d(fig, 3, 4, 7);
    nplot_tricontour3d(a7, tri, PZ, .tri.cmap = "CMRmap", .tri.nlevels = 12);
    nplot_view_init(a7, 45, -60);
    nplot_set_title(a7, "tricontour");
    nplot_axes *a8 = nplot_subplot_3d(fig, 3, 4, 8);
    nplot_tricontourf3d(a8, tri, PZ, .tri.cmap = "CMRmap");
    nplot_view_init(a8, 45, -60);
    nplot_set_title(a8, "tricontourf");

    /* polys3d.py: add_collection3d of filled curves at y = 1..4 */
    nplot_axes *a9 = nplot_subplot_3d(fig, 3, 4, 9);
    enum { NV = 32 };
    double vx[4 * (NV + 3)], vy[4 * (NV + 3)];
    int m = 0;
    for (int k = 0; k < 4; k++) {
        double lam = k + 1;
        vx[m] = 0, vy[m++] = 0;
        for (int i = 0; i < NV; i++) {
            double x = 10.0 * i / (NV - 1);
            vx[m] = x, vy[m++] = pow(lam, x) * exp(-lam) / tgamma(x + 1);
        }
        vx[m] = 10, vy[m++] = 0;
        vx[m] = vy[m] = NAN, m++;
    }
    nd_array *VX = nd_from_f64(vx, m), *VY = nd_from_f64(vy, m), *VZ = nd_from_f64((double[]){ 1, 2, 3, 4 }, 4);
    nplot_add_collection3d(a9, VX, VY, .zs = VZ, .zdir = "y", .alpha = 0.6,
                           .facecolors = NPLOT_STRS("tab:blue", "tab:orange", "tab:green", "tab:red"));
    nplot_set_xlim(a9, 0, 10);
    nplot_set_ylim(a9, 1, 4);
    nplot_set_zlim(a9, 0, 0.35);
    nplot_set_title(a9, "add_collection3d, zdir='y'");

    /* a 2-D contourf and contour set, placed in 3-D (add_contourf_set / add_contour_set) */
    enum { G = 40 };
    double gx[G], gz[G * G];
    for (int i = 0; i < G; i++) gx[i] = -3 + 6.0 * i / (G - 1);
    for (int i = 0; i < G; i++)
        for (int j = 0; j < G; j++)
            gz[i * G + j] = exp(-(gx[j] * gx[j] + gx[i] * gx[i]) / 2) - 0.6 * exp(-((gx[j] - 1) * (gx[j] - 1) + (gx[i] - 1) * (gx[i] - 1)));
    nd_array *GX = nd_from_f64(gx, G), *GZ = nd_from_f64(gz, G * G), *GZ2 = nd_reshape(GZ, ND_SHAPE(G, G));
    nplot_axes *a10 = nplot_subplot(fig, 3, 4, 10);
    nplot_contourf(a10, GX, GX, GZ2, .nlevels = 8, .cmap = "coolwarm");
    nplot_set_title(a10, "2-D contourf");
    nplot_axes *a11 = nplot_subplot(fig, 3, 4, 11);
    nplot_contour(a11, GX, GX, GZ2, .nlevels = 8, .cmap = "coolwarm");
    nplot_set_title(a11, "2-D contour");
    nplot_axes *a12 = nplot_subplot_3d(fig, 3, 4, 12);
    nplot_add_contourf_set(a12, a10, .has_offset = true, .offset = -1);
    nplot_add_contour_set(a12, a11);
    nplot_clabel(a12, .fontsize = 7); /* labels on the projected lines (matplotlib draws none) */
    nplot_set_zlim(a12, -1, 1);
    nplot_set_title(a12, "add_contourf_set (offset -1), add_contour_set");

    char path[1024];
    snprintf(path, sizeof path, "%s%splot_3d_kinds.png", argc > 1 ? argv[1] : "", argc > 1 ? "/" : "");
    nd_status st = nplot_savefig(fig, path);
    if (st) fprintf(stderr, "plot_3d_kinds: %s\n", nd_errmsg());
    nplot_figure_free(fig);
    nplot_triangulation_free(tri);
    free(vcolors);
    nd_array *all[] = { filled, SX, SY, ST, EX, EY, EZ, PZ, VX, VY, VZ, GX, GZ, GZ2 };
    for (size_t i = 0; i < sizeof all / sizeof *all; i++) nd_free(all[i]);
    return st ? 1 : 0;
}
