/* Cookbook: 2-D histograms and meshes (issue 19). A curvilinear pcolormesh with flat
 * shading, the same grid with gouraud shading, hist2d with cmin, and a small image with
 * bicubic interpolation and a per-pixel alpha.
 * Usage: meshes [output-directory] */
#include <numc/numc.h>
#include <numc/plot.h>
#include <math.h>
#include <stdio.h>

enum { NR = 8, NT = 24, NPTS = 4000 };
static const double PI = 3.14159265358979323846;

int main(int argc, char **argv)
{
    /* an annulus sector: rows along the radius, columns along the angle */
    static double X[NR + 1][NT + 1], Y[NR + 1][NT + 1], C[NR][NT], G[NR + 1][NT + 1];
    for (int i = 0; i <= NR; i++)
        for (int j = 0; j <= NT; j++) {
            double r = 1 + i / (double)NR, t = PI * j / NT;
            X[i][j] = r * cos(t);
            Y[i][j] = r * sin(t);
            G[i][j] = sin(3 * t) * r;
            if (i < NR && j < NT) C[i][j] = sin(3 * (t + PI / NT / 2)) * (r + 0.5 / NR);
        }
    nd_array *xa = nd_from_buffer(X, 2, (ptrdiff_t[]){ NR + 1, NT + 1 }, ND_FLOAT64);
    nd_array *ya = nd_from_buffer(Y, 2, (ptrdiff_t[]){ NR + 1, NT + 1 }, ND_FLOAT64);
    nd_array *ca = nd_from_buffer(C, 2, (ptrdiff_t[]){ NR, NT }, ND_FLOAT64);
    nd_array *ga = nd_from_buffer(G, 2, (ptrdiff_t[]){ NR + 1, NT + 1 }, ND_FLOAT64);

    /* correlated normal points from two low-discrepancy sequences (Box-Muller) */
    static double px[NPTS], py[NPTS];
    for (int i = 0; i < NPTS; i++) {
        double u = fmod((i + 1) * 0.6180339887498949, 1), v = fmod((i + 1) * 0.7548776662466927, 1);
        double rr = sqrt(-2 * log(u)), a = 2 * PI * v;
        px[i] = rr * cos(a);
        py[i] = 0.6 * px[i] + 0.8 * rr * sin(a);
    }
    nd_array *pxa = nd_from_f64(px, NPTS), *pya = nd_from_f64(py, NPTS);

    static double img[6][6], alpha[6][6];
    for (int i = 0; i < 6; i++)
        for (int j = 0; j < 6; j++) {
            img[i][j] = (i * 7 + j * 3) % 5 + (i == j ? 3 : 0);
            alpha[i][j] = 0.25 + 0.75 * j / 5.0;
        }
    nd_array *ia = nd_from_buffer(img, 2, (ptrdiff_t[]){ 6, 6 }, ND_FLOAT64);
    nd_array *aa = nd_from_buffer(alpha, 2, (ptrdiff_t[]){ 6, 6 }, ND_FLOAT64);

    nplot_figure *fig = nplot_figure_new(.width = 10, .height = 8);
    nplot_axes *axs[4];
    nplot_subplots(fig, 2, 2, axs);
    nplot_pcolormesh(axs[0], ca, .x = xa, .y = ya, .cmap = "RdBu", .edgecolors = "k", .linewidths = 0.3);
    nplot_set_title(axs[0], "pcolormesh, curvilinear, flat");
    nplot_pcolormesh(axs[1], ga, .x = xa, .y = ya, .shading = "gouraud", .cmap = "RdBu");
    nplot_colorbar(axs[1]);
    nplot_set_title(axs[1], "shading='gouraud'");
    nd_array *counts = NULL;
    nplot_hist2d(axs[2], pxa, pya, .bins = 30, .cmin = 3, .cmap = "viridis", .counts_out = &counts);
    nplot_colorbar(axs[2], .label = "counts");
    nplot_set_title(axs[2], "hist2d, bins=30, cmin=3");
    nplot_imshow(axs[3], ia, .interpolation = "bicubic", .alpha_array = aa, .cmap = "magma");
    nplot_set_title(axs[3], "imshow bicubic, alpha array");
    nplot_tight_layout(fig);

    char path[1024];
    snprintf(path, sizeof path, "%s%smeshes.png", argc > 1 ? argv[1] : "", argc > 1 ? "/" : "");
    nd_status st = nplot_savefig(fig, path);
    if (st) fprintf(stderr, "meshes: %s\n", nd_errmsg());
    else if (counts) printf("hist2d: %td x %td cells\n", nd_shape(counts)[0], nd_shape(counts)[1]);
    nplot_figure_free(fig);
    nd_free(xa);
    nd_free(ya);
    nd_free(ca);
    nd_free(ga);
    nd_free(pxa);
    nd_free(pya);
    nd_free(ia);
    nd_free(aa);
    nd_free(counts);
    return st ? 1 : 0;
}
