/* Cookbook: polar axes — a line and markers, a scatter sized and coloured by radius, a
 * rose (bars as annular sectors) with fill_between, and a clockwise sector from north
 * (the scene of tests/test_plot_polar.c's golden image and
 * tests/data/plot/mpl_polar_reference.py).
 * Usage: polar [output-directory] */
#include <numc/numc.h>
#include <numc/plot.h>
#include <math.h>
#include <stdio.h>

int main(int argc, char **argv)
{
    const double pi = 3.14159265358979323846;
    nplot_figure *fig = nplot_figure_new(.width = 9, .height = 8, .dpi = 80);
    nplot_axes *ax[4];
    for (int i = 0; i < 4; i++) ax[i] = nplot_subplot_polar(fig, 2, 2, i + 1);

    /* plot: a three-petal curve and a few marked points */
    double t[121], r[121];
    for (int i = 0; i < 121; i++) {
        t[i] = 2 * pi * i / 120;
        r[i] = 1.5 + cos(3 * t[i]);
    }
    nd_array *T = nd_from_f64(t, 121), *R = nd_from_f64(r, 121);
    nplot_plot(ax[0], T, R, .label = "1.5 + cos 3t");
    double mt[4] = { 0, pi / 2, pi, 1.5 * pi }, mr[4] = { 2, 1, 2, 1 };
    nd_array *MT = nd_from_f64(mt, 4), *MR = nd_from_f64(mr, 4);
    nplot_plot(ax[0], MT, MR, .fmt = "ro--", .label = "points");
    nplot_set_title(ax[0], "plot");

    /* scatter: size and colour grow with the radius */
    double st[60], sr[60], ss[60];
    for (int i = 0; i < 60; i++) {
        st[i] = fmod(i * 2.39996, 2 * pi);
        sr[i] = 0.2 + 0.05 * i;
        ss[i] = 20 + 3 * i;
    }
    nd_array *ST = nd_from_f64(st, 60), *SR = nd_from_f64(sr, 60), *SS = nd_from_f64(ss, 60);
    nplot_scatter(ax[1], ST, SR, .sizes = SS, .c = SR, .cmap = "hsv", .alpha = 0.75);
    nplot_set_rlabel_position(ax[1], 112.5);
    nplot_set_title(ax[1], "scatter");

    /* a rose: 12 bars with their own radii, and a band between r 0.5 and 1 */
    double bt[12], bh[12];
    for (int i = 0; i < 12; i++) {
        bt[i] = 2 * pi * i / 12;
        bh[i] = 2 + 1.5 * sin(1.7 * i) + (i % 3);
    }
    nd_array *BT = nd_from_f64(bt, 12), *BH = nd_from_f64(bh, 12);
    nplot_bar(ax[2], BT, BH, .width = 2 * pi / 12 * 0.9, .alpha = 0.7, .edgecolor = "k",
              .linewidth = 0.5);
    double ft[25], f1[25], f2[25];
    for (int i = 0; i < 25; i++) {
        ft[i] = pi / 2 * i / 24;
        f1[i] = 0.5;
        f2[i] = 1;
    }
    nd_array *FT = nd_from_f64(ft, 25), *F1 = nd_from_f64(f1, 25), *F2 = nd_from_f64(f2, 25);
    nplot_fill_between(ax[2], FT, F1, F2, .color = "C2", .alpha = 0.8);
    double rt[4] = { 1, 2, 3, 4 };
    nplot_rgrids(ax[2], rt, 4, .fmt = "%.0f");
    nplot_set_title(ax[2], "bar (rose) and fill_between");

    /* a sector: 0..135 degrees clockwise from north, r from 1 */
    double qt[50], qr[50];
    for (int i = 0; i < 50; i++) {
        qt[i] = 0.75 * pi * i / 49;
        qr[i] = 2 + sin(4 * qt[i]);
    }
    nd_array *QT = nd_from_f64(qt, 50), *QR = nd_from_f64(qr, 50);
    nplot_set_theta_zero_location(ax[3], "N", 0);
    nplot_set_theta_direction(ax[3], -1);
    nplot_set_thetalim(ax[3], 0, 135);
    nplot_plot(ax[3], QT, QR, .color = "C3", .linewidth = 2);
    double pt[3] = { 0.3, 1.2, 2.0 }, pr[3] = { 1.5, 2.5, 3 };
    nd_array *PT = nd_from_f64(pt, 3), *PR = nd_from_f64(pr, 3);
    nplot_fill(ax[3], PT, PR, .color = "C0", .alpha = 0.4);
    nplot_set_rlim(ax[3], 1, 3.2);
    nplot_set_title(ax[3], "sector, zero N, clockwise");

    char path[1024];
    snprintf(path, sizeof path, "%s%spolar.png", argc > 1 ? argv[1] : "", argc > 1 ? "/" : "");
    nd_status st2 = nplot_savefig(fig, path);
    if (st2) fprintf(stderr, "polar: %s\n", nd_errmsg());
    nplot_figure_free(fig);
    nd_free(T), nd_free(R), nd_free(MT), nd_free(MR), nd_free(ST), nd_free(SR), nd_free(SS);
    nd_free(BT), nd_free(BH), nd_free(FT), nd_free(F1), nd_free(F2), nd_free(QT), nd_free(QR);
    nd_free(PT), nd_free(PR);
    return st2 ? 1 : 0;
}
