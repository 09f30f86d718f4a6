/* Cookbook: every norm of matplotlib.colors on the same kind of data, each with its
 * colorbar (log and symlog axes, the norm-scaled axis of TwoSlopeNorm, extend triangles,
 * BoundaryNorm segments, NoNorm indices).
 * Usage: norms [output-directory] */
#include <numc/numc.h>
#include <numc/plot.h>
#include <math.h>
#include <stdio.h>

enum { H = 30, W = 40 };

int main(int argc, char **argv)
{
    /* pos: 0.5 .. 1000, three decades across; sig: the same shifted to -20 .. 980;
     * idx: integer stripes 0..9 for NoNorm */
    static double pos[H * W], sig[H * W], idx[H * W];
    for (int i = 0; i < H; i++)
        for (int j = 0; j < W; j++) {
            pos[i * W + j] = pow(10, 3.0 * j / (W - 1)) * (0.5 + 0.5 * i / (H - 1));
            sig[i * W + j] = pos[i * W + j] - 20;
            idx[i * W + j] = (double)((i + j) / 7 % 10);
        }
    nd_array *P = nd_from_buffer(pos, 2, (ptrdiff_t[]){ H, W }, ND_FLOAT64);
    nd_array *S = nd_from_buffer(sig, 2, (ptrdiff_t[]){ H, W }, ND_FLOAT64);
    nd_array *I = nd_from_buffer(idx, 2, (ptrdiff_t[]){ H, W }, ND_FLOAT64);
    if (!P || !S || !I) return 1;

    nplot_figure *fig = nplot_figure_new(.width = 14, .height = 10);
    nplot_axes *ax[9];
    nplot_subplots(fig, 3, 3, ax);
    nplot_pcolormesh(ax[0], P);
    nplot_colorbar(ax[0]);
    nplot_set_title(ax[0], "Normalize");
    nplot_pcolormesh(ax[1], P, .norm = NPLOT_LOGNORM());
    nplot_colorbar(ax[1]);
    nplot_set_title(ax[1], "LogNorm");
    nplot_pcolormesh(ax[2], S, .cmap = "RdBu_r", .norm = NPLOT_SYMLOGNORM(.linthresh = 10, .vmin = -1000, .vmax = 1000));
    nplot_colorbar(ax[2]);
    nplot_set_title(ax[2], "SymLogNorm(linthresh=10)");
    nplot_pcolormesh(ax[3], P, .norm = NPLOT_POWERNORM(.gamma = 0.3));
    nplot_colorbar(ax[3]);
    nplot_set_title(ax[3], "PowerNorm(gamma=0.3)");
    nplot_pcolormesh(ax[4], S, .cmap = "RdBu_r", .norm = NPLOT_TWOSLOPENORM(.vcenter = 0, .vmin = -10, .vmax = 500));
    nplot_colorbar(ax[4], .extend = "both");
    nplot_set_title(ax[4], "TwoSlopeNorm(vcenter=0), extend both");
    nplot_pcolormesh(ax[5], S, .cmap = "RdBu_r", .norm = NPLOT_CENTEREDNORM(.halfrange = 100));
    nplot_colorbar(ax[5], .extend = "both");
    nplot_set_title(ax[5], "CenteredNorm(halfrange=100)");
    nplot_pcolormesh(ax[6], S, .cmap = "RdBu_r", .norm = NPLOT_ASINHNORM(.linear_width = 5));
    nplot_colorbar(ax[6]);
    nplot_set_title(ax[6], "AsinhNorm(linear_width=5)");
    nplot_pcolormesh(ax[7], P, .norm = NPLOT_BOUNDARYNORM(.boundaries = NPLOT_F64S(1, 2, 5, 10, 20, 50, 100, 200, 500),
                                                          .ncolors = 256, .extend = "both"));
    nplot_colorbar(ax[7], .drawedges = true);
    nplot_set_title(ax[7], "BoundaryNorm, extend both");
    nplot_pcolormesh(ax[8], I, .cmap = "tab10", .norm = NPLOT_NONORM());
    nplot_colorbar(ax[8], .location = "bottom");
    nplot_set_title(ax[8], "NoNorm (tab10 indices)");
    nplot_tight_layout(fig);

    char path[1024];
    snprintf(path, sizeof path, "%s%snorms.png", argc > 1 ? argv[1] : "", argc > 1 ? "/" : "");
    nd_status st = nplot_savefig(fig, path);
    if (st) fprintf(stderr, "norms: %s\n", nd_errmsg());
    nplot_figure_free(fig);
    nd_free(P);
    nd_free(S);
    nd_free(I);
    return st ? 1 : 0;
}
