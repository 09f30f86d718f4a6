/* Tick locators and formatters (issue 20): MultipleLocator with AutoMinorLocator(4),
 * EngFormatter, PercentFormatter, FixedLocator with a NullFormatter for the minor ticks,
 * tick_params direction/length on the side panels, and the 'asinh' and 'function' scales.
 * Usage: ticks_scales [output-directory]   (scripts/mpl_ticks_scales_reference.py draws
 * the same figure with matplotlib) */
#include <math.h>
#include <numc/plot.h>
#include <stdio.h>

#define N 200

/* the 'function' scale of the last panel: linear in sqrt(y) */
static double fwd_sqrt(double v, void *ctx)
{
    (void)ctx;
    return sqrt(v);
}

static double inv_square(double t, void *ctx)
{
    (void)ctx;
    return t * t;
}

/* the figure: four panels, one locator/formatter pair each; NULL on error */
static nplot_figure *ticks_figure(void)
{
    static double x[N], f[N], p[N], s[N], a[N], q[N];
    for (int i = 0; i < N; i++) {
        x[i] = 10.0 * i / (N - 1);
        f[i] = 2e3 + 1.5e3 * sin(x[i]);           /* a frequency in Hz */
        p[i] = 0.5 + 0.4 * sin(x[i] / 2);          /* a fraction */
        s[i] = exp(-x[i] / 4) * cos(2 * x[i]);
        a[i] = pow(x[i] - 4, 5);                   /* -1024 .. 7776 */
        q[i] = x[i] * x[i];
    }
    static const double fixed[] = { 0, 3.14159265358979, 6.28318530717959, 9.42477796076938 };
    nplot_figure *fig = nplot_figure_new(.width = 12, .height = 6);
    nplot_axes *ax[6];
    if (nplot_subplots(fig, 2, 3, ax) ||
        /* MultipleLocator(2.5) with AutoMinorLocator(4), ticks inside */
        nplot_plot_xy(ax[0], x, s, N) ||
        nplot_set_xlocator(ax[0], .kind = "multiple", .base = 2.5) ||
        nplot_set_xlocator(ax[0], .kind = "autominor", .n = 4, .minor = true) ||
        nplot_set_ylocator(ax[0], .kind = "autominor", .minor = true) ||
        nplot_tick_params(ax[0], .which = "both", .direction = "in") ||
        nplot_set_title(ax[0], "MultipleLocator(2.5), AutoMinorLocator(4)") ||
        /* EngFormatter(unit='Hz') */
        nplot_plot_xy(ax[1], x, f, N) ||
        nplot_set_yformatter(ax[1], .kind = "eng", .unit = "Hz") ||
        nplot_set_title(ax[1], "EngFormatter(unit='Hz')") ||
        /* PercentFormatter(xmax=1) */
        nplot_plot_xy(ax[2], x, p, N) ||
        nplot_set_yformatter(ax[2], .kind = "percent", .xmax = 1) ||
        nplot_tick_params(ax[2], .length = 8, .width = 1.5) ||
        nplot_set_title(ax[2], "PercentFormatter(xmax=1)") ||
        /* FixedLocator at multiples of pi, minor ticks every 0.5 without labels */
        nplot_plot_xy(ax[3], x, s, N) ||
        nplot_set_xlocator(ax[3], .kind = "fixed", .ticks = fixed, .nticks = 4) ||
        nplot_set_xlocator(ax[3], .kind = "multiple", .base = 0.5, .minor = true) ||
        nplot_set_xformatter(ax[3], .kind = "printf", .fmt = "%.2f") ||
        nplot_set_ylocator(ax[3], .kind = "null") ||
        nplot_set_title(ax[3], "FixedLocator, NullLocator on y") ||
        /* asinh: linear near zero, logarithmic beyond linear_width */
        nplot_plot_xy(ax[4], x, a, N) ||
        nplot_set_yscale(ax[4], "asinh", .linear_width = 1) ||
        nplot_set_title(ax[4], "yscale('asinh')") ||
        /* function: linear in sqrt(y) */
        nplot_plot_xy(ax[5], x, q, N) ||
        nplot_set_yscale(ax[5], "function", .forward = fwd_sqrt, .inverse = inv_square) ||
        nplot_set_title(ax[5], "yscale('function', sqrt)") ||
        nplot_tight_layout(fig)) {
        nplot_figure_free(fig);
        return NULL;
    }
    return fig;
}

#ifndef TICKS_SCALES_NO_MAIN
int main(int argc, char **argv)
{
    nplot_figure *fig = ticks_figure();
    char path[1024];
    snprintf(path, sizeof path, "%s%sticks_scales.png", argc > 1 ? argv[1] : "",
             argc > 1 ? "/" : "");
    nd_status st = fig ? nplot_savefig(fig, path) : ND_EVALUE;
    if (st) fprintf(stderr, "ticks_scales: %s\n", nd_errmsg());
    nplot_figure_free(fig);
    return st ? 1 : 0;
}
#endif
