/* Cookbook: masked data (numpy.ma) in plots — a sensor series whose -999 "no reading"
 * codes are masked, so the line breaks there instead of diving to -999; the histogram of
 * the valid readings; and a sea-temperature grid with the land masked, painted in the
 * colormap's "bad" color. Usage: masked_data [output-directory] */
#include <numc/numc.h>
#include <numc/ma.h>
#include <numc/plot.h>
#include <math.h>
#include <stdio.h>

enum { HOURS = 96, H = 40, W = 60 };

int main(int argc, char **argv)
{
    /* hourly temperatures; the logger writes -999 when the sensor gives no reading */
    double t[HOURS], hours[HOURS];
    for (int i = 0; i < HOURS; i++) {
        hours[i] = i;
        t[i] = 12 + 6 * sin((i - 9) * 6.283185307179586 / 24) + 1.5 * sin(i * 0.7) * cos(i * 0.31);
    }
    const int dropouts[] = { 20, 21, 22, 23, 24, 25, 47, 60, 62, 80, 81 };
    for (size_t k = 0; k < sizeof dropouts / sizeof *dropouts; k++) t[dropouts[k]] = -999;

    nd_array *raw = nd_from_f64(t, HOURS), *hx = nd_from_f64(hours, HOURS);
    nd_marray *temp = nd_ma_masked_values(raw, -999.0, 1e-5, 1e-8, true); /* the -999 codes masked */
    nd_marray *x = nd_ma_array(hx, NULL);           /* a plain x: no mask */

    /* a sea-surface field over a grid, the "land" masked */
    static double sst[H * W];
    static bool land[H * W];
    for (int i = 0; i < H; i++)
        for (int j = 0; j < W; j++) {
            double u = j / (double)W, v = i / (double)H;
            sst[i * W + j] = 28 - 18 * v + 2 * sin(6 * u) * cos(4 * v);
            land[i * W + j] = (u - 0.3) * (u - 0.3) / 0.02 + (v - 0.6) * (v - 0.6) / 0.05 < 1 ||
                              (u > 0.75 && v < 0.35 + 0.2 * sin(9 * u));
        }
    ptrdiff_t sh[2] = { H, W };
    nd_array *field = nd_from_buffer(sst, 2, sh, ND_FLOAT64);
    nd_array *landm = nd_from_buffer(land, 2, sh, ND_BOOL);
    nd_marray *sea = nd_ma_array(field, landm);

    printf("readings: %td of %d hours valid, %td masked\n", (ptrdiff_t)HOURS - nd_ma_count_masked(temp),
           HOURS, nd_ma_count_masked(temp));
    printf("grid: %td of %d cells are land (masked)\n", nd_ma_count_masked(sea), H * W);

    nplot_figure *fig = nplot_figure_new(.width = 13, .height = 3.8);
    nplot_axes *axs[3];
    nplot_subplots(fig, 1, 3, axs);
    nplot_plot_ma(axs[0], x, temp, .fmt = ".-");
    nplot_set_title(axs[0], "sensor series, -999 codes masked");
    nplot_set_xlabel(axs[0], "hour");
    nplot_set_ylabel(axs[0], "temperature (°C)");

    nplot_hist_ma(axs[1], temp, .bins = 12, .edgecolor = "white");
    nplot_set_title(axs[1], "histogram of the valid readings");

    nplot_imshow_ma(axs[2], sea, .cmap = "coolwarm", .origin = "lower", .bad = "0.8");
    nplot_colorbar(axs[2], .label = "°C");
    nplot_set_title(axs[2], "land masked (bad = light gray)");
    nplot_tight_layout(fig);

    char path[1024];
    snprintf(path, sizeof path, "%s%smasked_data.png", argc > 1 ? argv[1] : "", argc > 1 ? "/" : "");
    nd_status st = nplot_savefig(fig, path);
    if (st) fprintf(stderr, "masked_data: %s\n", nd_errmsg());
    nplot_figure_free(fig);
    nd_ma_free(temp);
    nd_ma_free(x);
    nd_ma_free(sea);
    nd_free(raw);
    nd_free(hx);
    nd_free(field);
    nd_free(landm);
    return st ? 1 : 0;
}
