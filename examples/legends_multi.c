/* Several legends at once: two on one axes (matplotlib's leg = ax.legend(...);
 * ax.add_artist(leg); ax.legend(...)), the 'expand' recipe above an axes of error bars
 * (legend(loc='upper left', bbox_to_anchor=(0, 1.02, 1, .102), mode='expand', ncols=3,
 * borderaxespad=0)) whose entries show the bars and caps, and two figure legends: one
 * collecting every axes' entries, one with handles picked from both axes.
 * Usage: legends_multi [output-directory]
 * (scripts/mpl_legends_multi_reference.py draws the same figure with matplotlib) */
#include <numc/plot.h>
#include <math.h>
#include <stdio.h>

#define LM_N 50

/* the figure; NULL on error (nd_errmsg says why) */
static nplot_figure *legends_multi_figure(void)
{
    static const char *names[4] = { "alpha", "beta", "gamma", "delta" };
    double x[LM_N], y[4][LM_N], ex[5], ey[3][5];
    for (int i = 0; i < LM_N; i++) {
        x[i] = 10.0 * i / (LM_N - 1);
        for (int k = 0; k < 4; k++) y[k][i] = sin(x[i] + k) + 2.5 * k;
    }
    for (int i = 0; i < 5; i++) {
        ex[i] = i + 1;
        for (int k = 0; k < 3; k++) ey[k][i] = 0.8 * ex[i] + 2 * k;
    }
    nplot_figure *fig = nplot_figure_new(.width = 10, .height = 5.5);
    if (!fig) return NULL;
    nplot_axes *axs[2];
    nd_status st = nplot_subplots(fig, 1, 2, axs);
    if (!st) st = nplot_subplots_adjust(fig, .bottom = 0.24, .top = 0.8);
    /* left: four curves, two legends (artists 0, 1 and 2, 3) */
    for (int k = 0; !st && k < 4; k++) st = nplot_plot_xy(axs[0], x, y[k], LM_N, .label = names[k]);
    if (!st) st = nplot_set_ylim(axs[0], -3, 12);
    if (!st)
        st = nplot_legend(axs[0], .handles = NPLOT_INTS(0, 1), .labels = NPLOT_STRS("alpha", "beta"),
                          .loc = "upper left", .title = "first two");
    if (!st) st = nplot_legend_add_artist(axs[0]); /* kept: the next legend is a second one */
    if (!st)
        st = nplot_legend(axs[0], .handles = NPLOT_INTS(2, 3), .labels = NPLOT_STRS("gamma", "delta"),
                          .loc = "lower right");
    /* right: error bars (each errorbar adds its line, its bars and its caps as artists) */
    if (!st)
        st = nplot_errorbar_xy(axs[1], ex, ey[0], 5, .yerr_value = 0.4, .fmt = "o-", .capsize = 4,
                               .label = "caps");
    if (!st)
        st = nplot_errorbar_xy(axs[1], ex, ey[1], 5, .xerr_value = 0.2, .yerr_value = 0.3,
                               .fmt = "s--", .label = "x and y");
    if (!st)
        st = nplot_errorbar_xy(axs[1], ex, ey[2], 5, .yerr_value = 0.5, .fmt = "none", .capsize = 3,
                               .ecolor = "gray", .label = "bars only");
    if (!st)
        st = nplot_legend(axs[1], .loc = "upper left", .bbox_to_anchor = NPLOT_F64S(0, 1.02, 1, 0.102),
                          .mode = "expand", .ncol = 3, .borderaxespad = NPLOT_ZERO);
    /* the figure's legends: every labelled artist, then two picked from both axes */
    if (!st) st = nplot_fig_legend(fig, .loc = "lower center", .ncol = 4);
    if (!st)
        st = nplot_fig_legend(fig, .handles = NPLOT_INTS(0, 0),
                              .handle_axes = (nplot_axes *const[]){ axs[0], axs[1] },
                              .labels = NPLOT_STRS("alpha again", "caps again"), .loc = "upper left",
                              .bbox_to_anchor = NPLOT_F64S(0.01, 0.99));
    if (st) {
        nplot_figure_free(fig);
        return NULL;
    }
    return fig;
}

#ifndef LEGENDS_MULTI_NO_MAIN
int main(int argc, char **argv)
{
    nplot_figure *fig = legends_multi_figure();
    char path[1024];
    snprintf(path, sizeof path, "%s%slegends_multi.png", argc > 1 ? argv[1] : "", argc > 1 ? "/" : "");
    nd_status st = fig ? nplot_savefig(fig, path) : ND_EVALUE;
    if (st) fprintf(stderr, "legends_multi: %s\n", nd_errmsg());
    nplot_figure_free(fig);
    return st ? 1 : 0;
}
#endif
