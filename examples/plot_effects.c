/* Path effects, sketch and xkcd (matplotlib.patheffects, set_sketch_params, plt.xkcd): a
 * stroked label-like line, a shadowed line, a ticked constraint line and a sketched curve,
 * all in an xkcd rc context. Writes plot_effects.png (into argv[1] when given). */
#include <numc/plot.h>
#include <math.h>
#include <stdio.h>

nplot_figure *effects_figure(nplot_axes **out_ax);

nplot_figure *effects_figure(nplot_axes **out_ax)
{
    enum { N = 60 };
    double x[N], s[N], c[N], w[N];
    for (int i = 0; i < N; i++) {
        x[i] = 10.0 * i / (N - 1);
        s[i] = 3 + 2 * sin(x[i]);
        c[i] = 5 + 0.3 * x[i];
        w[i] = 8.5 - 0.05 * (x[i] - 5) * (x[i] - 5);
    }
    nplot_rc_context_push();
    nplot_xkcd(1, 100, 2);
    nplot_figure *fig = nplot_figure_new(.width = 6.4, .height = 4.8, .dpi = 100);
    nplot_axes *ax = nplot_subplot(fig, 1, 1, 1);
    nplot_set_xlim(ax, 0, 10);
    nplot_set_ylim(ax, 0, 10);
    nplot_set_title(ax, "path effects");
    /* xkcd's defaults: withStroke(4, 'w') and the sketch */
    nplot_plot_xy(ax, x, s, N, .color = "C0");
    /* a shadow under the line */
    nplot_plot_xy(ax, x, c, N, .color = "C1", .linewidth = 3);
    nplot_path_effect shadow[] = { { .kind = NPLOT_PE_WITH_SIMPLE_LINE_SHADOW, .offset = { 3, -3 } } };
    nplot_artist_set_path_effects(nplot_get_artist(ax, -1), shadow, 1);
    /* a constraint: ticks on the infeasible side */
    nplot_plot_xy(ax, x, w, N, .color = "C2");
    nplot_path_effect ticks[] = { { .kind = NPLOT_PE_WITH_TICKED_STROKE, .spacing = 8, .angle = -135 } };
    nplot_artist_set_path_effects(nplot_get_artist(ax, -1), ticks, 1);
    /* a thick black halo and no sketch */
    double hx[2] = { 1, 9 }, hy[2] = { 1, 1 };
    nplot_plot_xy(ax, hx, hy, 2, .color = "gold", .linewidth = 3);
    nplot_path_effect halo[] = { { .kind = NPLOT_PE_STROKE, .linewidth = 8, .foreground = "k" },
                                 { .kind = NPLOT_PE_NORMAL } };
    nplot_artist_set_path_effects(nplot_get_artist(ax, -1), halo, 2);
    nplot_artist_set_sketch_params(nplot_get_artist(ax, -1), 0, 0, 0);
    nplot_rc_context_pop();
    if (out_ax) *out_ax = ax;
    return fig;
}

#ifndef PLOT_EFFECTS_NO_MAIN
int main(int argc, char **argv)
{
    nplot_figure *fig = effects_figure(NULL);
    char path[1024];
    snprintf(path, sizeof path, "%s%splot_effects.png", argc > 1 ? argv[1] : "", argc > 1 ? "/" : "");
    nd_status st = nplot_savefig(fig, path);
    if (st) fprintf(stderr, "plot_effects: %s\n", nd_errmsg());
    nplot_figure_free(fig);
    return st ? 1 : 0;
}
#endif
