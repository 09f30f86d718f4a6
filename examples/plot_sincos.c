/* Cookbook: sine and cosine with a legend, saved as PNG and SVG.
 * Usage: plot_sincos [output-directory]  (default: the current directory) */
#include <numc/numc.h>
#include <numc/plot.h>
#include <math.h>
#include <stdio.h>

static const char *out_path(int argc, char **argv, const char *name, char *buf, size_t cap)
{
    if (argc > 1) snprintf(buf, cap, "%s/%s", argv[1], name);
    else snprintf(buf, cap, "%s", name);
    return buf;
}

int main(int argc, char **argv)
{
    enum { N = 256 };
    double s[N], c[N];
    nd_array *x = nd_linspace(-3.14159265358979, 3.14159265358979, N);
    if (!x) return 1;
    const double *xs = nd_data(x);
    for (int i = 0; i < N; i++) {
        s[i] = sin(xs[i]);
        c[i] = cos(xs[i]);
    }
    nd_array *sx = nd_from_f64(s, N), *cx = nd_from_f64(c, N);

    nplot_figure *fig = nplot_figure_new();
    nplot_axes *ax = nplot_subplot(fig, 1, 1, 1);
    nplot_plot(ax, x, cx, .color = "tab:blue", .linewidth = 2.5, .label = "cosine");
    nplot_plot(ax, x, sx, .color = "tab:red", .linewidth = 2.5, .linestyle = "--", .label = "sine");
    nplot_set_title(ax, "$\\sin(x)$ and $\\cos(x)$ on $[-\\pi, \\pi]$");
    nplot_set_xlabel(ax, "x");
    nplot_legend(ax, .loc = "upper left");

    char path[1024];
    nplot_savefig(fig, out_path(argc, argv, "plot_sincos.png", path, sizeof path));
    nd_status st = nplot_savefig(fig, out_path(argc, argv, "plot_sincos.svg", path, sizeof path));
    if (st) fprintf(stderr, "plot_sincos: %s\n", nd_errmsg());
    nplot_figure_free(fig);
    nd_free(x);
    nd_free(sx);
    nd_free(cx);
    return st ? 1 : 0;
}
