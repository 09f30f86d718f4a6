/* The 'logit' scale: a logistic curve over x in -5..5 on a logit y axis (ticks 10^-2,
 * 10^-1, 1/2, 1-10^-1, 1-10^-2 with minor ticks and a grid), and the same zoomed to
 * 0.2..0.8 where the ticks become linear ones.
 * Usage: plot_scales2 [output-directory]  (scripts/mpl_logit_reference.py draws the same) */
#include <numc/numc.h>
#include <numc/plot.h>
#include <math.h>
#include <stdio.h>

/* the figure; NULL on error */
static nplot_figure *logit_figure(void)
{
    enum { N = 200 };
    double x[N], p[N];
    for (int i = 0; i < N; i++) {
        x[i] = -5 + 10.0 * i / (N - 1);
        p[i] = 1 / (1 + exp(-x[i]));
    }
    nplot_figure *fig = nplot_figure_new(.width = 6, .height = 4, .dpi = 100);
    nplot_axes *axs[2];
    if (nplot_subplots(fig, 1, 2, axs) ||
        nplot_plot_xy(axs[0], x, p, N) ||
        nplot_set_yscale(axs[0], "logit") ||
        nplot_set_title(axs[0], "logit") ||
        nplot_grid(axs[0], .visible = true) ||
        nplot_plot_xy(axs[1], x, p, N) ||
        nplot_set_yscale(axs[1], "logit") ||
        nplot_set_ylim(axs[1], 0.2, 0.8) ||
        nplot_tight_layout(fig)) {
        nplot_figure_free(fig);
        return NULL;
    }
    return fig;
}

#ifndef SCALES2_NO_MAIN
int main(int argc, char **argv)
{
    nplot_figure *fig = logit_figure();
    char path[1024];
    snprintf(path, sizeof path, "%s%splot_scales2.png", argc > 1 ? argv[1] : "", argc > 1 ? "/" : "");
    nd_status st = fig ? nplot_savefig(fig, path) : ND_EVALUE;
    if (st) fprintf(stderr, "plot_scales2: %s\n", nd_errmsg());
    nplot_figure_free(fig);
    return st ? 1 : 0;
}
#endif
