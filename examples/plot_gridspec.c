/* Cookbook: GridSpec spans, twinx, add_axes inset, text and a rotated label.
 * Usage: plot_gridspec [output-directory] */
#include <numc/plot.h>
#include <math.h>
#include <stdio.h>

int main(int argc, char **argv)
{
    enum { N = 300 };
    double t[N], a[N], b[N], h[N];
    for (int i = 0; i < N; i++) {
        t[i] = 12.0 * i / (N - 1);
        a[i] = sin(t[i]) * exp(-t[i] / 10);
        b[i] = 200 + 150 * cos(t[i] / 2);
        h[i] = sin(t[i] * 3) + 0.5 * sin(t[i] * 7);
    }
    nplot_figure *fig = nplot_figure_new(.width = 8, .height = 6);
    nplot_gridspec *gs = nplot_gridspec_new(fig, 3, 3);
    nplot_axes *top = nplot_gridspec_subplot(gs, "0, :");
    nplot_axes *left = nplot_gridspec_subplot(gs, "1:, :2");
    nplot_axes *side = nplot_gridspec_subplot(gs, "1:, 2");

    nplot_plot_xy(top, t, h, N, .color = "C4");
    nplot_set_title(top, "gs[0, :]");

    nplot_plot_xy(left, t, a, N, .label = "damped sine");
    nplot_set_ylabel(left, "amplitude", .color = "C0");
    nplot_axes *right = nplot_twinx(left);
    nplot_plot_xy(right, t, b, N, .color = "C1", .linestyle = "--");
    nplot_set_ylabel(right, "pressure [hPa]", .color = "C1");
    nplot_set_title(left, "gs[1:, :2] with twinx");
    nplot_text(left, 0.05, 0.08, "annotated in axes coordinates", .coords = "axes",
               .fontsize = 9, .style = "italic", .bbox = "round", .bbox_color = "0.95");

    nplot_scatter_xy(side, a, h, N, .c_f64 = NPLOT_F64_ARRAY(t, N), .cmap = "plasma", .s = 12);
    nplot_set_title(side, "gs[1:, 2]");
    nplot_set_xlabel(side, "a");
    nplot_tick_params(side, .direction = "in", .top = NPLOT_ON, .right = NPLOT_ON);

    nplot_axes *inset = nplot_add_axes(fig, 0.43, 0.44, 0.12, 0.12);
    nplot_plot_xy(inset, t, a, N, .linewidth = 0.8);
    nplot_set_xlim(inset, 0, 3);
    nplot_tick_params(inset, .labelsize = 6);
    nplot_tight_layout(fig);

    char path[1024];
    snprintf(path, sizeof path, "%s%splot_gridspec.png", argc > 1 ? argv[1] : "", argc > 1 ? "/" : "");
    nd_status st = nplot_savefig(fig, path);
    if (st) fprintf(stderr, "plot_gridspec: %s\n", nd_errmsg());
    nplot_figure_free(fig);
    return st ? 1 : 0;
}
