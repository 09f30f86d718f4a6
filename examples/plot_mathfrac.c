/* Cookbook: stacked mathtext — fractions, binomials and sum limits in a title, legend,
 * axis label, annotation and logit tick labels, saved as PNG, SVG and PDF.
 * Usage: plot_mathfrac [output-directory]  (default: the current directory) */
#include <numc/plot.h>
#include <math.h>
#include <stdio.h>

int main(int argc, char **argv)
{
    enum { N = 200 };
    double x[N], sig[N], half[N];
    for (int i = 0; i < N; i++) {
        x[i] = -6 + 12.0 * i / (N - 1);
        sig[i] = 1 / (1 + exp(-x[i]));
        half[i] = 1 / (1 + exp(-x[i] / 2));
    }
    nplot_figure *fig = nplot_figure_new(.width = 8, .height = 4, .layout = "tight");
    nplot_axes *ax = nplot_subplot(fig, 1, 2, 1);
    nplot_plot_xy(ax, x, sig, N, .label = "$\\sigma(x) = \\frac{1}{1+e^{-x}}$");
    nplot_plot_xy(ax, x, half, N, .label = "$\\frac{1}{1+e^{-\\frac{x}{2}}}$");
    nplot_set_title(ax, "$\\dfrac{d\\sigma}{dx} = \\sigma\\,(1-\\sigma)$");
    nplot_set_ylabel(ax, "$\\sum_{i=0}^{n} \\binom{n}{i} p^i$");
    nplot_annotate(ax, "$\\frac{1}{2}$ at $x = 0$", 0, 0.5, .xytext = NPLOT_F64S(1.5, 0.3),
                   .arrowstyle = "->");
    nplot_legend(ax, .loc = "upper left");
    nplot_axes *lg = nplot_subplot(fig, 1, 2, 2);
    nplot_plot_xy(lg, x, sig, N);
    nplot_set_yscale(lg, "logit"); /* the 1/2 tick label is \frac{1}{2} */
    nplot_set_title(lg, "logit scale: $\\frac{1}{2}$ stacks too");

    const char *ext[3] = { "png", "svg", "pdf" };
    for (int i = 0; i < 3; i++) {
        char path[1024];
        snprintf(path, sizeof path, "%s%splot_mathfrac.%s", argc > 1 ? argv[1] : "",
                 argc > 1 ? "/" : "", ext[i]);
        if (nplot_savefig(fig, path) != ND_OK) {
            fprintf(stderr, "plot_mathfrac: %s\n", nplot_figure_errmsg(fig));
            nplot_figure_free(fig);
            return 1;
        }
    }
    nplot_figure_free(fig);
    return 0;
}
