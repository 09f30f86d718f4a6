/* Cookbook: more everyday plot kinds in a 2 x 4 grid — stackplot, stairs, fill_betweenx,
 * hlines, vlines, axline, eventplot, broken_barh, ecdf (the scene of tests/test_plot_more.c's golden
 * image and scripts/mpl_more_kinds_reference.py).
 * Usage: more_kinds [output-directory] */
#include <numc/numc.h>
#include <numc/plot.h>
#include <math.h>
#include <stdio.h>

int main(int argc, char **argv)
{
    nplot_figure *fig = nplot_figure_new(.width = 12, .height = 5.5, .dpi = 80);
    nplot_axes *ax[8];
    for (int i = 0; i < 8; i++) ax[i] = nplot_subplot(fig, 2, 4, i + 1);

    /* stackplot: three layers on a symmetric baseline */
    double x[10], ys[30];
    for (int j = 0; j < 10; j++) {
        x[j] = j;
        for (int i = 0; i < 3; i++) ys[i * 10 + j] = 1 + 0.8 * sin(0.6 * j + 1.3 * i) + 0.2 * i;
    }
    nd_array *X = nd_from_f64(x, 10), *YS = nd_from_buffer(ys, 2, (const ptrdiff_t[]){ 3, 10 }, ND_FLOAT64);
    nplot_stackplot(ax[0], X, YS, .baseline = "sym", .labels = NPLOT_STRS("a", "b", "c"), .alpha = 0.9);
    nplot_legend(ax[0], .loc = "upper left");
    nplot_set_title(ax[0], "stackplot (sym)");

    /* stairs: an outline and a filled histogram-like patch */
    double v[5] = { 1, 3, 2, 4, 2 }, half[5];
    for (int i = 0; i < 5; i++) half[i] = v[i] / 2;
    nd_array *V = nd_from_f64(v, 5), *H = nd_from_f64(half, 5);
    nplot_stairs(ax[1], V, .linewidth = 2, .label = "outline");
    nplot_stairs(ax[1], H, .fill = true, .alpha = 0.6, .label = "filled");
    nplot_set_title(ax[1], "stairs");

    /* fill_betweenx: a curve of y */
    double yy[50], xx[50];
    for (int i = 0; i < 50; i++) {
        yy[i] = i / 49.0;
        xx[i] = sin(2 * 3.14159265358979 * yy[i]);
    }
    nd_array *YY = nd_from_f64(yy, 50), *XX = nd_from_f64(xx, 50);
    nplot_fill_betweenx(ax[2], YY, XX, NULL, .alpha = 0.5);
    nplot_set_title(ax[2], "fill_betweenx");

    /* hlines and vlines */
    double pos[4] = { 1, 2, 3, 4 }, zero = 0, ends[4] = { 1, 3, 2, 4 };
    nd_array *P = nd_from_f64(pos, 4), *Z = nd_from_f64(&zero, 1), *E = nd_from_f64(ends, 4);
    nplot_hlines(ax[3], P, Z, E, .colors = NPLOT_STRS("C1"), .linewidth = 3);
    nplot_vlines(ax[3], E, Z, P, .colors = NPLOT_STRS("C0", "C2", "C3", "C4"), .linestyle = "--");
    nplot_set_title(ax[3], "hlines, vlines");

    /* axline: through two points and through a point with a slope, across any limits */
    nplot_axline(ax[4], 0, 0, 1, 2, .label = "(0,0)-(1,2)");
    nplot_axline_slope(ax[4], 0, 1, -0.5, .color = "C1", .linestyle = "--", .label = "slope -0.5");
    nplot_set_xlim(ax[4], -2, 3);
    nplot_set_ylim(ax[4], -1, 4);
    nplot_legend(ax[4], .loc = "lower right");
    nplot_set_title(ax[4], "axline");

    /* eventplot: three rows of events */
    double ev[30];
    for (int i = 0; i < 3; i++)
        for (int j = 0; j < 10; j++) ev[i * 10 + j] = fmod(j * (1.7 + 0.9 * i) + 0.3 * i, 10);
    nd_array *EV = nd_from_buffer(ev, 2, (const ptrdiff_t[]){ 3, 10 }, ND_FLOAT64);
    nplot_eventplot(ax[5], EV, .colors = NPLOT_STRS("C0", "C1", "C2"), .linelengths = NPLOT_F64S(0.8));
    nplot_set_title(ax[5], "eventplot");

    /* broken_barh: two rows of ranges */
    double r1[6] = { 1, 2, 4, 1, 6, 3 }, r2[2] = { 2, 3 };
    nd_array *R1 = nd_from_buffer(r1, 2, (const ptrdiff_t[]){ 3, 2 }, ND_FLOAT64);
    nd_array *R2 = nd_from_buffer(r2, 2, (const ptrdiff_t[]){ 1, 2 }, ND_FLOAT64);
    nplot_broken_barh(ax[6], R1, 1, 2);
    nplot_broken_barh(ax[6], R2, 4, 1.5, .facecolors = NPLOT_STRS("tab:orange"));
    nplot_set_title(ax[6], "broken_barh");

    /* ecdf and its complement */
    double d[20];
    for (int i = 0; i < 20; i++) d[i] = fmod(i * 7.3, 11) - 5;
    nd_array *D = nd_from_f64(d, 20);
    nplot_ecdf(ax[7], D, .label = "ecdf");
    nplot_ecdf(ax[7], D, .complementary = true, .label = "1 - ecdf");
    nplot_legend(ax[7]);
    nplot_set_title(ax[7], "ecdf");
    nplot_tight_layout(fig);

    char path[1024];
    snprintf(path, sizeof path, "%s%smore_kinds.png", argc > 1 ? argv[1] : "", argc > 1 ? "/" : "");
    nd_status st = nplot_savefig(fig, path);
    if (st) fprintf(stderr, "more_kinds: %s\n", nd_errmsg());
    nplot_figure_free(fig);
    nd_free(X), nd_free(YS), nd_free(V), nd_free(H), nd_free(YY), nd_free(XX), nd_free(P), nd_free(Z);
    nd_free(E), nd_free(EV), nd_free(R1), nd_free(R2), nd_free(D);
    return st ? 1 : 0;
}
