/* Cookbook: hatching, bar_label, error bars on bars, log bars, several datasets in one
 * histogram (side by side, stacked, horizontal), a donut pie and string categories, in a
 * 3 x 3 grid (the scene of tests/test_plot_bars_more.c's golden image and of
 * scripts/mpl_bars_hatches_reference.py, matplotlib's rendering of the same figure).
 * Usage: bars_hatches [output-directory] */
#include <numc/numc.h>
#include <numc/plot.h>
#include <math.h>
#include <stdio.h>

int main(int argc, char **argv)
{
    nplot_figure *fig = nplot_figure_new(.width = 12, .height = 10, .dpi = 72);
    nplot_axes *ax[9];
    for (int i = 0; i < 9; i++) ax[i] = nplot_subplot(fig, 3, 3, i + 1);

    /* stacked, hatched bars with error bars, labelled in the middle and at the top */
    double x[4] = { 0, 1, 2, 3 }, men[4] = { 20, 35, 30, 35 }, women[4] = { 25, 32, 34, 20 };
    double merr[4] = { 2, 3, 4, 1 }, werr[4] = { 3, 5, 2, 3 };
    nplot_bar_xy(ax[0], x, men, 4, .yerr = NPLOT_F64_ARRAY(merr, 4), .capsize = 4, .hatch = "//",
                 .label = "men");
    nplot_bar_xy(ax[0], x, women, 4, .bottoms = NPLOT_F64_ARRAY(men, 4), .yerr = NPLOT_F64_ARRAY(werr, 4),
                 .capsize = 4, .hatch = "x", .edgecolor = "black", .label = "women");
    nplot_bar_label(ax[0], .container = 1, .label_type = "center");
    nplot_bar_label(ax[0], .container = 2, .fmt = "%.1f", .padding = 3);
    nplot_legend(ax[0], .loc = "upper left");
    nplot_set_title(ax[0], "bar: hatch, yerr, bar_label");

    /* horizontal bars over string categories on a log axis */
    static const char *const names[4] = { "alpha", "beta", "gamma", "delta" };
    double w[4] = { 5, 50, 500, 5000 };
    nplot_barh_cat(ax[1], names, w, 4, .log = true, .hatch = "\\\\", .color = "C1", .edgecolor = "C3");
    nplot_bar_label(ax[1], .fmt = "%d", .padding = 2);
    nplot_set_title(ax[1], "barh: log, categories");

    /* three datasets side by side */
    double d[3][200];
    const double *dp[3] = { d[0], d[1], d[2] };
    size_t dn[3] = { 200, 200, 200 };
    for (int k = 0; k < 3; k++)
        for (int i = 0; i < 200; i++)
            d[k][i] = fmod(i * 0.618034, 1) * 4 + fmod(i * 0.4142136 + 0.3 * k, 1) * 2 + k;
    nplot_hist_sets_xy(ax[2], dp, dn, 3, .bins = 8, .hatch = "/",
                       .labels = NPLOT_STRS("a", "b", "c"));
    nplot_legend(ax[2]);
    nplot_set_title(ax[2], "hist: 3 datasets");

    /* stacked outlines, filled and hatched */
    nplot_hist_sets_xy(ax[3], dp, dn, 2, .bins = 10, .histtype = "stepfilled", .stacked = true,
                       .hatch = "..", .alpha = 0.8);
    nplot_hist_sets_xy(ax[3], dp, dn, 2, .bins = 10, .histtype = "step", .stacked = true,
                       .colors = NPLOT_STRS("black", "black"));
    nplot_set_title(ax[3], "hist: stacked stepfilled + step");

    /* horizontal stacked bars on a log count axis */
    nplot_hist_sets_xy(ax[4], dp, dn, 3, .bins = 6, .histtype = "barstacked", .orientation = "horizontal",
                       .log = true, .edgecolor = "white");
    nplot_set_title(ax[4], "hist: barstacked, horizontal, log");

    /* a donut with percentages that round exact halves as Python does */
    double sizes[4] = { 12.5, 25, 37.5, 25 };
    nplot_pie_xy(ax[5], sizes, 4, .labels = NPLOT_STRS("frogs", "hogs", "dogs", "logs"),
                 .autopct = "%1.0f%%", .pctdistance = 0.8, .startangle = 90, .counterclock = NPLOT_OFF,
                 .wedge_width = 0.4, .edgecolor = "white", .hatch = "o",
                 .textprops = { .color = "dimgray", .weight = "bold" });
    nplot_set_title(ax[5], "pie: donut, hatch, textprops");

    /* string categories, first-seen order across calls */
    static const char *const days[4] = { "mon", "tue", "wed", "thu" };
    static const char *const more[2] = { "tue", "fri" };
    double y1[4] = { 3, 1, 4, 1.5 }, y2[2] = { 2, 3.5 };
    nplot_plot_cat(ax[6], days, y1, 4, .fmt = "ko-");
    nplot_scatter_cat(ax[6], more, y2, 2, .color = "C3");
    nplot_set_title(ax[6], "plot / scatter: categories");

    /* contourf with a hatch per band */
    double zz[30 * 30];
    for (int i = 0; i < 30; i++)
        for (int j = 0; j < 30; j++) {
            double u = -3 + 6.0 * j / 29, v = -2 + 4.0 * i / 29;
            zz[i * 30 + j] = exp(-u * u / 4 - v * v) - 0.5 * exp(-(u - 1.5) * (u - 1.5) - (v + 1) * (v + 1));
        }
    nd_array *Z = nd_from_buffer(zz, 2, (const ptrdiff_t[]){ 30, 30 }, ND_FLOAT64);
    nplot_contourf(ax[7], NULL, NULL, Z, .nlevels = 4, .cmap = "Greys",
                   .hatches = NPLOT_STRS("-", "/", "\\\\", "//", "x", NULL));
    nplot_set_title(ax[7], "contourf: hatches");

    /* fill_between and broken_barh hatched */
    double fx[40], fy[40];
    for (int i = 0; i < 40; i++) fx[i] = i / 39.0 * 6, fy[i] = 1 + sin(fx[i]);
    nplot_fill_between_xy(ax[8], fx, fy, NULL, 40, .hatch = "++", .facecolor = "none", .edgecolor = "C2",
                          .linewidth = 1);
    double rr[4] = { 0.5, 1.5, 3, 2 };
    nd_array *RR = nd_from_buffer(rr, 2, (const ptrdiff_t[]){ 2, 2 }, ND_FLOAT64);
    nplot_broken_barh(ax[8], RR, 2.3, 0.5, .facecolors = NPLOT_STRS("C4"), .hatch = "*");
    nplot_set_title(ax[8], "fill_between, broken_barh");
    nplot_tight_layout(fig);

    char path[1024];
    snprintf(path, sizeof path, "%s%sbars_hatches.png", argc > 1 ? argv[1] : "", argc > 1 ? "/" : "");
    nd_status st = nplot_savefig(fig, path);
    if (st) fprintf(stderr, "bars_hatches: %s\n", nd_errmsg());
    nplot_figure_free(fig);
    nd_free(Z), nd_free(RR);
    return st ? 1 : 0;
}
