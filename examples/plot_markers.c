/* The full marker chart: every matplotlib marker, filled ones in the top rows, unfilled
 * ones (tri, plus, x, lines, ticks, carets) below, 12 points, color C0 with a black edge
 * for the filled, axes off. The tick and caret markers (matplotlib's integers 0..11) go by
 * their names: "tickleft" .. "caretdownbase".
 * A second chart (plot_markers2.png) shows mathtext, tuple and vertex markers and the fill
 * styles. Usage: plot_markers [output-directory]  (scripts/mpl_markers_reference.py and
 * mpl_markers2_reference.py draw the same) */
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
#ifdef MARKERS_NO_MAIN
__attribute__((unused))
#endif
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

/* The rest of the chart: '$...$' mathtext markers, (numsides, style, angle) tuples, custom
 * vertex markers, the fill styles with markerfacecoloralt on lines, and scatter's half
 * markers (scripts/mpl_markers2_reference.py --png draws the same). NULL on error. */
static const char *const MATH[] = { "$\\alpha$", "$f$", "$\\clubsuit$", "$xy$", "$\\sum$" };
static const char *const TUPLES[] = { "(3, 0, 0)", "(5, 0)", "(6, 1, 30)", "(4, 2)", "(4, 0, 45)", "(7, 1)" };
static const char *const FILLS[] = { "full", "left", "right", "bottom", "top", "none" };
static const char *const HALFM[] = { "^", "v", "s", "p", "*", "D", "h", "P", "X" };
static const double ARROW[] = { -1, -1, 2, 0, -1, 1, -0.4, 0 };
static const double ELL[] = { 0, 0, 0, 3, 1, 3, 1, 1, 2, 1, 2, 0 };

#ifdef MARKERS_NO_MAIN
__attribute__((unused))
#endif
static nplot_figure *markers2_figure(void)
{
    nplot_figure *fig = nplot_figure_new(.width = 6, .height = 3);
    nplot_axes *ax = nplot_add_axes(fig, 0, 0, 1, 1);
    nd_status st = nplot_set_xlim(ax, -0.5, 9.5) || nplot_set_ylim(ax, 4.5, -0.5) || nplot_axis(ax, "off");
    double x, y;
    for (int k = 0; k < 5 && !st; k++) {
        x = k, y = 0;
        st = nplot_plot_xy(ax, &x, &y, 1, .marker = MATH[k], .markersize = 16, .color = "C0",
                           .markeredgecolor = "black", .markeredgewidth = 0.5);
    }
    for (int k = 0; k < 6 && !st; k++) {
        x = k, y = 1;
        st = nplot_plot_xy(ax, &x, &y, 1, .marker = TUPLES[k], .markersize = 14, .color = "C0",
                           .markeredgecolor = "black");
    }
    for (int k = 0; k < 2 && !st; k++) {
        x = 7 + k, y = 1;
        st = nplot_plot_xy(ax, &x, &y, 1, .marker_verts = { k ? 12 : 8, k ? ELL : ARROW },
                           .markersize = 14, .color = "C2", .markeredgecolor = "black");
    }
    for (int k = 0; k < 6 && !st; k++) {
        x = k, y = 2;
        st = nplot_plot_xy(ax, &x, &y, 1, .marker = "o", .markersize = 14, .color = "C0",
                           .fillstyle = FILLS[k], .markerfacecoloralt = "C1", .markeredgecolor = "black");
    }
    for (int k = 0; k < 9 && !st; k++) {
        x = k, y = 3;
        st = nplot_plot_xy(ax, &x, &y, 1, .marker = HALFM[k], .markersize = 14, .color = "C0",
                           .fillstyle = FILLS[1 + k % 4], .markerfacecoloralt = "C3",
                           .markeredgecolor = "black");
    }
    for (int k = 0; k < 6 && !st; k++) {
        x = k, y = 4;
        st = nplot_scatter_xy(ax, &x, &y, 1, .s = 150, .marker = "o", .fillstyle = FILLS[k],
                              .color = "C4", .edgecolors = "black");
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
    nplot_figure_free(fig);
    if (!st) {
        fig = markers2_figure();
        snprintf(path, sizeof path, "%s%splot_markers2.png", argc > 1 ? argv[1] : "", argc > 1 ? "/" : "");
        st = fig ? nplot_savefig(fig, path) : ND_EVALUE;
        nplot_figure_free(fig);
    }
    if (st) fprintf(stderr, "plot_markers: %s\n", nd_errmsg());
    return st ? 1 : 0;
}
#endif
