/* Artists changed after they were drawn, as matplotlib's `line, = ax.plot(...)` idiom: a
 * damped wave is updated in place (set_data + relim), a reference line recoloured and
 * thickened, a helper line hidden, a marker removed, and a scratch axes deleted.
 * Usage: plot_update [output-directory]  (default: the current directory) */
#include <numc/plot.h>
#include <math.h>
#include <stdio.h>

static nplot_figure *update_figure(void)
{
    enum { N = 200 };
    double x[N], y[N];
    for (int i = 0; i < N; i++) {
        x[i] = 10.0 * i / (N - 1);
        y[i] = sin(x[i]);
    }
    nplot_figure *fig = nplot_figure_new(.width = 8, .height = 3.5);
    nplot_axes *ax = nplot_subplot(fig, 1, 2, 1), *bx = nplot_subplot(fig, 1, 2, 2);
    nplot_axes *scratch = nplot_add_axes(fig, 0.4, 0.4, 0.2, 0.2);

    /* left: the wave as first drawn, then damped and stretched in place */
    nplot_plot_xy(ax, x, y, N, .label = "wave");
    nplot_artist *wave = nplot_get_artist(ax, -1);
    for (int i = 0; i < N; i++) {
        x[i] *= 2;
        y[i] = 3 * exp(-x[i] / 8) * sin(x[i]);
    }
    nplot_artist_set_data(wave, x, y, N);
    nplot_relim(ax);
    nplot_axhline(ax, 0);
    nplot_artist *zero = nplot_get_artist(ax, -1);
    nplot_artist_set_color(zero, "0.3");
    nplot_artist_set_linewidth(zero, 0.8);
    nplot_artist_set_zorder(zero, 0.5);
    nplot_set_title(ax, "set_data + relim");
    nplot_legend(ax);

    /* right: three lines; one hidden, one recoloured and relabelled, a marker removed */
    const char *names[3] = { "a", "b", "c" };
    for (int k = 0; k < 3; k++) {
        double yk[N];
        for (int i = 0; i < N; i++) yk[i] = (k + 1) * sqrt(x[i]);
        nplot_plot_xy(bx, x, yk, N, .label = names[k]);
    }
    double mx = 10, my = 5;
    nplot_plot_xy(bx, &mx, &my, 1, .fmt = "k*", .markersize = 15);
    nplot_artist_remove(nplot_get_artist(bx, -1));
    nplot_artist_set_visible(nplot_get_artist(bx, 0), false);
    nplot_artist *c = nplot_get_artist(bx, 2);
    nplot_artist_set_color(c, "tab:purple");
    nplot_artist_set_linewidth(c, 3);
    nplot_artist_set_label(c, "c (thick)");
    nplot_set_title(bx, "hidden, recoloured, removed");
    nplot_legend(bx, .loc = "upper left");

    nplot_fig_delaxes(fig, scratch);
    nplot_tight_layout(fig);
    return fig;
}

#ifndef PLOT_UPDATE_NO_MAIN
int main(int argc, char **argv)
{
    nplot_figure *fig = update_figure();
    char path[1024];
    snprintf(path, sizeof path, "%s%splot_update.png", argc > 1 ? argv[1] : "", argc > 1 ? "/" : "");
    nd_status st = nplot_savefig(fig, path);
    if (st) fprintf(stderr, "plot_update: %s\n", nd_errmsg());
    nplot_figure_free(fig);
    return st ? 1 : 0;
}
#endif
