/* Cookbook: scatter with per-point sizes and colors through a colormap.
 * Usage: plot_scatter [output-directory] */
#include <numc/plot.h>
#include <math.h>
#include <stdint.h>
#include <stdio.h>

/* a small deterministic generator so the picture is the same everywhere */
static double uniform(uint64_t *s)
{
    *s = *s * 6364136223846793005ULL + 1442695040888963407ULL;
    return (double)(*s >> 11) / 9007199254740992.0;
}

int main(int argc, char **argv)
{
    enum { N = 300 };
    double x[N], y[N], size[N], color[N];
    uint64_t seed = 42;
    for (int i = 0; i < N; i++) {
        double r = sqrt(-2 * log(uniform(&seed) + 1e-12)), t = 2 * 3.14159265358979 * uniform(&seed);
        x[i] = r * cos(t);
        y[i] = r * sin(t) * 0.6 + 0.3 * x[i];
        size[i] = 10 + 190 * uniform(&seed);
        color[i] = hypot(x[i], y[i]);
    }
    nplot_figure *fig = nplot_figure_new();
    nplot_axes *ax = nplot_subplot(fig, 1, 1, 1);
    nplot_scatter_xy(ax, x, y, N, .sizes_f64 = NPLOT_F64_ARRAY(size, N),
                     .c_f64 = NPLOT_F64_ARRAY(color, N), .cmap = "viridis",
                     .alpha = 0.7, .edgecolors = "k", .linewidths = 0.5);
    nplot_set_title(ax, "scatter: size and color per point");
    nplot_set_xlabel(ax, "x");
    nplot_set_ylabel(ax, "y");
    nplot_grid(ax, .alpha = 0.3);

    char path[1024];
    snprintf(path, sizeof path, "%s%splot_scatter.png", argc > 1 ? argv[1] : "", argc > 1 ? "/" : "");
    nd_status st = nplot_savefig(fig, path);
    if (st) fprintf(stderr, "plot_scatter: %s\n", nd_errmsg());
    nplot_figure_free(fig);
    return st ? 1 : 0;
}
