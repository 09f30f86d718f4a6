/* The full marker chart: every matplotlib marker, filled ones in the top rows, unfilled
 * ones (tri, plus, x, lines, ticks, carets) below, 12 points, color C0 with a black edge
 * for the filled, axes off. The tick and caret markers (matplotlib's integers 0..11) go by
 * their names: "tickleft" .. "caretdownbase".
 * Usage: plot_markers [output-directory]  (scripts/mpl_markers_reference.py draws the same) */
#include <numc/numc.h>
#include <numc/plot.h>
#include <stdio.h>

static const char *const FILLED[] = { ".", ",", "o", "v", "^", "<", ">", "8", "s",
                                      "p", "P", "*", "h", "H", "D", "d", "X" };
static const char *const UNFILLED[] = { "1", "2", "3", "4", "+", "x", "|", "_",
                                        "tickleft", "tickright", "tickup", "tickdown",
                                        "caretleft", "caretright", "caretup", "caretdown",
                                        "caretleftbase", "caretrightbase", "caretupbase",
                                        "caretdownbase" };

/* the chart; NULL on error */
static nplot_figure *markers_figure(void)
{
    nplot_figure *fig = nplot_figure_new(.width = 6, .height = 3);
    nplot_axes *ax = nplot_add_axes(fig, 0, 0, 1, 1);
    nd_status st = nplot_set_xlim(ax, -0.5, 9.5) || nplot_set_ylim(ax, 4.5, -0.5) || nplot_axis(ax, "off");
    for (int i = 0; i < 37 && !st; i++) {
        bool filled = i < 17;
        int k = filled ? i : i - 17, row = filled ? k / 9 : 2 + k / 10, col = filled ? k % 9 : k % 10;
        double x = col, y = row;
        st = filled ? nplot_plot_xy(ax, &x, &y, 1, .marker = FILLED[k], .markersize = 12, .color = "C0",
                                    .markeredgecolor = "black")
                    : nplot_plot_xy(ax, &x, &y, 1, .marker = UNFILLED[k], .markersize = 12, .color = "C0",
                                    .markeredgewidth = 1.5);
    }
    if (st) {
        nplot_figure_free(fig);
        return NULL;
    }
    return fig;
}

#ifndef MARKERS_NO_MAIN
int main(int argc, char **argv)
{
    nplot_figure *fig = markers_figure();
    char path[1024];
    snprintf(path, sizeof path, "%s%splot_markers.png", argc > 1 ? argv[1] : "", argc > 1 ? "/" : "");
    nd_status st = fig ? nplot_savefig(fig, path) : ND_EVALUE;
    if (st) fprintf(stderr, "plot_markers: %s\n", nd_errmsg());
    nplot_figure_free(fig);
    return st ? 1 : 0;
}
#endif
