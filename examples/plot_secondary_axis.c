/* Secondary axes, after matplotlib's gallery example (secondary_axis.py): a sine in degrees
 * with radians on top and a percent scale at 1.12 of the width on the right (red, its
 * label read downward), and a log-log spectrum with the period 1/f on top.
 * scripts/mpl_secondary_axis_reference.py draws the same figure with matplotlib. */
#include <numc/numc.h>
#include <numc/plot.h>

#include <math.h>
#include <stdio.h>

static const double PI = 3.14159265358979323846;

static double deg2rad(double x, void *ctx) { (void)ctx; return x * PI / 180; }
static double rad2deg(double x, void *ctx) { (void)ctx; return x * 180 / PI; }

/* 1/x, with x near 0 sent to infinity as the gallery's one_over (its own inverse) */
static double one_over(double x, void *ctx)
{
    (void)ctx;
    return fabs(x) < 1e-8 ? INFINITY : 1 / x;
}

static nplot_figure *secondary_figure(void)
{
    nplot_figure *fig = nplot_figure_new(.width = 10, .height = 4.2, .dpi = 100);
    nplot_axes *axs[2];
    if (nplot_subplots(fig, 1, 2, axs)) {
        nplot_figure_free(fig);
        return NULL;
    }
    double x[360], y[360], f[49], p[49];
    for (int i = 0; i < 360; i++) {
        x[i] = i;
        y[i] = sin(2 * i * PI / 180);
    }
    for (int i = 0; i < 49; i++) {
        f[i] = 0.02 * (i + 1);
        p[i] = f[i] * f[i] + 0.01;
    }
    nplot_plot_xy(axs[0], x, y, 360);
    nplot_set_xlabel(axs[0], "angle [degrees]");
    nplot_set_ylabel(axs[0], "signal");
    nplot_set_title(axs[0], "Sine wave");
    nplot_axes *rad = nplot_secondary_xaxis(axs[0], .location = "top", .forward = deg2rad,
                                            .inverse = rad2deg);
    nplot_set_xlabel(rad, "angle [rad]");
    nplot_axes *pct = nplot_secondary_yaxis(axs[0], .at = 1.12, .scale = 100, .color = "tab:red");
    nplot_set_ylabel(pct, "signal [%]", .rotation = -90, .va = "bottom");

    nplot_plot_xy(axs[1], f, p, 49);
    nplot_set_xscale(axs[1], "log");
    nplot_set_yscale(axs[1], "log");
    nplot_set_xlabel(axs[1], "f [Hz]");
    nplot_set_ylabel(axs[1], "PSD");
    nplot_set_title(axs[1], "Random spectrum");
    nplot_axes *per = nplot_secondary_xaxis(axs[1], .forward = one_over, .inverse = one_over);
    nplot_set_xlabel(per, "period [s]");
    nplot_tight_layout(fig);
    if (nplot_figure_status(fig)) {
        nplot_figure_free(fig);
        return NULL;
    }
    return fig;
}

#ifndef SECONDARY_NO_MAIN
int main(int argc, char **argv)
{
    nplot_figure *fig = secondary_figure();
    char path[1024];
    snprintf(path, sizeof path, "%s%ssecondary_axis.png", argc > 1 ? argv[1] : "",
             argc > 1 ? "/" : "");
    nd_status st = fig ? nplot_savefig(fig, path) : ND_EVALUE;
    if (st) fprintf(stderr, "plot_secondary_axis: %s\n", nd_errmsg());
    nplot_figure_free(fig);
    return st ? 1 : 0;
}
#endif
