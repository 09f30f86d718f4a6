/* Colouring after the fact, fast grids, violins from statistics, an axes' own property
 * cycle, collections and containers: plot_imgcol.png (scripts/mpl_imgcol_reference.py --png
 * draws matplotlib's). */
#include <numc/numc.h>
#include <numc/plot.h>

#include <math.h>
#include <stdio.h>

int main(void)
{
    nplot_figure *fig = nplot_figure_new(.width = 13, .height = 7);
    nd_status st = ND_OK;
    /* an image coloured again with new limits: its colorbar follows (plt.clim) */
    nplot_axes *a1 = nplot_subplot(fig, 2, 3, 1);
    double z[48 * 64];
    for (int i = 0; i < 48; i++)
        for (int j = 0; j < 64; j++) z[i * 64 + j] = sin(j / 8.0) * cos(i / 6.0);
    nd_array *flat = nd_from_f64(z, 48 * 64), *Z = nd_reshape(flat, ND_SHAPE(48, 64));
    st = nplot_imshow(a1, Z, .cmap = "RdBu_r");
    if (!st && !nplot_colorbar(a1)) st = nplot_figure_status(fig);
    if (!st) st = nplot_clim(fig, -0.5, 0.5);
    if (!st) st = nplot_set_title(a1, "imshow, then clim(-0.5, 0.5)");
    /* pcolorfast on unevenly spaced edges: one rectangle per cell */
    nplot_axes *a2 = nplot_subplot(fig, 2, 3, 2);
    double c[12] = { 0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11 };
    nd_array *c1 = nd_from_f64(c, 12), *C = nd_reshape(c1, ND_SHAPE(3, 4));
    nd_array *x = nd_from_f64((double[]){ 0, 1, 3, 6, 10 }, 5), *y = nd_from_f64((double[]){ 0, 1, 3, 4 }, 4);
    const char *style = NULL;
    if (!st && !nplot_pcolorfast(a2, C, .x = x, .y = y, .cmap = "magma", .style = &style))
        st = nplot_figure_status(fig);
    if (!st) st = nplot_set_title(a2, style);
    /* violins from precomputed statistics */
    nplot_axes *a3 = nplot_subplot(fig, 2, 3, 4);
    double co[41], v1[41], v2[41];
    for (int i = 0; i < 41; i++) {
        co[i] = -4 + 0.2 * i;
        v1[i] = exp(-co[i] * co[i] / 2);
        v2[i] = exp(-(co[i] - 1) * (co[i] - 1)) + 0.5 * exp(-(co[i] + 2) * (co[i] + 2) * 2);
    }
    nplot_violin_stats vs[2] = {
        { co, v1, 41, 0, 0, -4, 4, NPLOT_F64S(-1, 1) },
        { co, v2, 41, 0.4, 0.8, -4, 4, { 0 } },
    };
    if (!st) st = nplot_violin(a3, vs, 2, .showmeans = true, .showmedians = true);
    if (!st) st = nplot_set_title(a3, "violin(vpstats)");
    /* an axes' own property cycle */
    nplot_axes *a4 = nplot_subplot(fig, 2, 3, 5);
    if (!st) st = nplot_set_prop_cycle(a4, .color = NPLOT_STRS("r", "g", "b", "y"),
                                      .linestyle = NPLOT_STRS("-", "--", ":", "-."));
    double xs[50];
    const double pi = 3.141592653589793;
    for (int i = 0; i < 50; i++) xs[i] = i / 49.0 * 2 * pi;
    for (int k = 0; k < 4 && !st; k++) {
        double ys[50];
        for (int i = 0; i < 50; i++) ys[i] = sin(xs[i] + k * pi / 4);
        st = nplot_plot_xy(a4, xs, ys, 50, .linewidth = 2);
    }
    if (!st) st = nplot_set_title(a4, "set_prop_cycle(color, linestyle)");
    /* a LineCollection: a color and a width per segment */
    nplot_axes *a5 = nplot_subplot(fig, 2, 3, 3);
    double lx[7] = { 0, 4, 0, 4, 1, 2, 3 }, ly[7] = { 0, 1, 2, 2, 3, 5, 3 };
    size_t lens[3] = { 2, 2, 3 };
    if (!st && !nplot_add_collection(a5, lx, ly, lens, 3, .colors = NPLOT_STRS("r", "g", "b"),
                                     .linewidths = NPLOT_F64S(1, 3, 6)))
        st = nplot_figure_status(fig);
    if (!st) st = nplot_set_title(a5, "add_collection(LineCollection)");
    /* bars and a line grouped as one container: one legend entry */
    nplot_axes *a6 = nplot_subplot(fig, 2, 3, 6);
    double bx[3] = { 1, 2, 3 }, bh[3] = { 3, 1, 2 };
    if (!st) st = nplot_bar_xy(a6, bx, bh, 3);
    if (!st) st = nplot_plot_xy(a6, bx, bh, 3, .fmt = "k.-");
    if (!st) {
        nplot_artist *parts[2] = { nplot_get_artist(a6, 0), nplot_get_artist(a6, 1) };
        if (nplot_add_container(a6, parts, 2, "bars + line") < 0) st = nd_last_error();
    }
    if (!st) st = nplot_legend(a6);
    if (!st) st = nplot_set_title(a6, "add_container");
    if (!st) st = nplot_tight_layout(fig);
    if (!st) st = nplot_savefig(fig, "plot_imgcol.png");
    printf("%s\n", st ? nd_errmsg() : "plot_imgcol.png");
    nd_free(flat);
    nd_free(Z);
    nd_free(c1);
    nd_free(C);
    nd_free(x);
    nd_free(y);
    nplot_figure_free(fig);
    return st ? 1 : 0;
}
