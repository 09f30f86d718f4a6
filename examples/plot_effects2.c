/* Path effects and sketch on patches and text, and layout="compressed": bars with a patch
 * shadow and a sketch, a fill stroked in black, text and a title with halos
 * (plot_effects2.png), an xkcd bar chart (plot_effects2_xkcd.png) and a 2 x 2 grid of images
 * packed by the compressed layout (plot_effects2_compressed.png). Written into argv[1] when
 * given. */
#include <numc/plot.h>
#include <stdio.h>

nplot_figure *effects2_figure(nplot_axes **out_ax);
nplot_figure *effects2_xkcd_figure(void);
nplot_figure *effects2_compressed_figure(nplot_axes *axs[4]);

nplot_figure *effects2_figure(nplot_axes **out_ax)
{
    nplot_figure *fig = nplot_figure_new(.width = 6, .height = 4, .dpi = 100);
    nplot_axes *ax = nplot_subplot(fig, 1, 1, 1);
    double x[4] = { 1, 2, 3, 4 }, h[4] = { 3, 5, 2, 4 };
    nplot_bar_xy(ax, x, h, 4, .color = "tab:orange",
                 .path_effects = NPLOT_PATH_EFFECTS({ .kind = NPLOT_PE_WITH_SIMPLE_PATCH_SHADOW,
                                                      .offset = { 4, -4 } }));
    nplot_artist_set_sketch_params(nplot_get_artist(ax, 0), 3, 0, 0);
    double fx[3] = { 0.5, 1.5, 1.0 }, fy[3] = { 5, 5, 6 };
    nplot_fill_xy(ax, fx, fy, 3, .facecolor = "tab:green", .edgecolor = "tab:green",
                  .path_effects = NPLOT_PATH_EFFECTS({ .kind = NPLOT_PE_WITH_STROKE, .linewidth = 5,
                                                       .foreground = "k" }));
    nplot_text(ax, 2.5, 5.5, "Halo text", .fontsize = 20, .color = "white",
               .path_effects = NPLOT_PATH_EFFECTS({ .kind = NPLOT_PE_WITH_STROKE, .linewidth = 4,
                                                    .foreground = "black" }));
    nplot_set_title(ax, "Title with halo",
                    .path_effects = NPLOT_PATH_EFFECTS({ .kind = NPLOT_PE_WITH_STROKE, .linewidth = 3,
                                                         .foreground = "yellow" }));
    if (out_ax) *out_ax = ax;
    return fig;
}

nplot_figure *effects2_xkcd_figure(void)
{
    /* plt.xkcd(): patches sketched and stroked in white, text with a white halo */
    nplot_rc_context_push();
    nplot_xkcd(0, 0, 0);
    nplot_figure *fig = nplot_figure_new(.width = 5, .height = 3.5, .dpi = 100);
    nplot_axes *ax = nplot_subplot(fig, 1, 1, 1);
    double x[3] = { 0, 1, 2 }, h[3] = { 3, 5, 2 };
    nplot_bar_xy(ax, x, h, 3, .color = "tab:blue");
    nplot_set_title(ax, "Bars, xkcd style");
    nplot_set_xlabel(ax, "x label");
    nplot_annotate(ax, "the peak", 1, 5, .xytext = NPLOT_F64S(1.6, 4.5), .arrowstyle = "->");
    nplot_rc_context_pop();
    return fig;
}

nplot_figure *effects2_compressed_figure(nplot_axes *axs[4])
{
    double z[100];
    for (int i = 0; i < 100; i++) z[i] = i;
    nplot_figure *fig = nplot_figure_new(.width = 5, .height = 3, .dpi = 100, .layout = "compressed");
    nplot_subplots(fig, 2, 2, axs);
    for (int i = 0; i < 4; i++) nplot_imshow_data(axs[i], z, 10, 10);
    return fig;
}

#ifndef PLOT_EFFECTS2_NO_MAIN
static int save(nplot_figure *fig, const char *dir, const char *name)
{
    char path[1024];
    snprintf(path, sizeof path, "%s%s%s", dir ? dir : "", dir ? "/" : "", name);
    nd_status st = nplot_savefig(fig, path);
    if (st) fprintf(stderr, "plot_effects2: %s\n", nd_errmsg());
    nplot_figure_free(fig);
    return st ? 1 : 0;
}

int main(int argc, char **argv)
{
    const char *dir = argc > 1 ? argv[1] : NULL;
    nplot_axes *axs[4];
    int bad = save(effects2_figure(NULL), dir, "plot_effects2.png");
    bad |= save(effects2_xkcd_figure(), dir, "plot_effects2_xkcd.png");
    bad |= save(effects2_compressed_figure(axs), dir, "plot_effects2_compressed.png");
    return bad;
}
#endif
