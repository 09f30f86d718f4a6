/* rcParams and style sheets: one figure under a few of matplotlib's sheets, the same with
 * rc values set by name inside an rc_context, and with a matplotlibrc file
 * (plot_rc_<name>.png). Usage: plot_rc [output-directory] */
#include <numc/plot.h>
#include <math.h>
#include <stdio.h>

static int draw(const char *dir, const char *name)
{
    enum { N = 100 };
    double x[N], y[N];
    nplot_figure *fig = nplot_figure_new(.width = 5, .height = 3.5);
    nplot_axes *ax = nplot_subplot(fig, 1, 1, 1);
    for (int k = 0; k < 4; k++) {
        for (int i = 0; i < N; i++) {
            x[i] = 10.0 * i / (N - 1);
            y[i] = sin(x[i] + k * 0.6) + 0.4 * k - 0.5;
        }
        char label[16];
        snprintf(label, sizeof label, "phase %d", k);
        nplot_plot_xy(ax, x, y, N, .label = label);
    }
    nplot_set_title(ax, name);
    nplot_set_xlabel(ax, "x");
    nplot_set_ylabel(ax, "signal");
    nplot_legend(ax, .loc = "upper right");
    char path[1024];
    snprintf(path, sizeof path, "%s%splot_rc_%s.png", dir, *dir ? "/" : "", name);
    nd_status st = nplot_savefig(fig, path);
    if (st != ND_OK) fprintf(stderr, "plot_rc: %s\n", nd_errmsg());
    nplot_figure_free(fig);
    return st != ND_OK;
}

int main(int argc, char **argv)
{
    const char *dir = argc > 1 ? argv[1] : "";
    static const char *const sheets[] = { "classic", "fivethirtyeight", "Solarize_Light2",
                                          "tableau-colorblind10", "seaborn-v0_8-darkgrid",
                                          "grayscale" };
    int rc = 0;
    for (size_t i = 0; i < sizeof sheets / sizeof *sheets; i++) {
        nplot_rc_context_push();
        rc |= nplot_style_use(sheets[i]) != ND_OK || draw(dir, sheets[i]);
        nplot_rc_context_pop();
    }

    /* rc values by name, undone by the pop */
    nplot_rc_context_push();
    nplot_rc_set_float("font.size", 12);
    nplot_rc_set_float("lines.linewidth", 2.5);
    nplot_rc_set("lines.linestyle", "--");
    nplot_rc_set("axes.prop_cycle",
                 "cycler('color', ['xkcd:cerulean', 'xkcd:tomato', 'xkcd:grass green', 'k'])");
    nplot_rc_set_bool("axes.grid", true);
    nplot_rc_set_bool("axes.spines.top", false);
    nplot_rc_set_bool("axes.spines.right", false);
    nplot_rc_set("xtick.direction", "in");
    nplot_rc_set("ytick.direction", "in");
    nplot_rc_set_bool("axes.unicode_minus", false);
    rc |= draw(dir, "by_name");
    nplot_rc_context_pop();

    /* a matplotlibrc file */
    char path[1024];
    snprintf(path, sizeof path, "%s%splot_rc_example.rc", dir, *dir ? "/" : "");
    FILE *f = fopen(path, "w");
    if (!f) return 1;
    fputs("# a matplotlibrc\n"
          "axes.facecolor : \"#f4f0e8\"   # quoted, so '#' is part of the value\n"
          "axes.edgecolor : 0.3\n"
          "axes.titlesize : x-large\n"
          "axes.titleweight: bold\n"
          "grid.color     : white\n"
          "axes.grid      : True\n"
          "axes.axisbelow : True\n"
          "axes.prop_cycle: cycler('color', ['8c510a', '01665e', 'c51b7d', '4d9221'])\n"
          "patch.antialiased: True        # matplotlib's, not drawn by numc: skipped\n",
          f);
    fclose(f);
    nplot_rc_context_push();
    if (nplot_rc_file(path) != ND_OK) {
        fprintf(stderr, "plot_rc: %s\n", nd_errmsg());
        rc = 1;
    } else {
        rc |= draw(dir, "file");
    }
    nplot_rc_context_pop();
    remove(path);
    return rc;
}
