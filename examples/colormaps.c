/* Colormap reference: every colormap numc knows, one chart per group, drawn as
 * matplotlib's colormap reference draws them (a gradient per map, its name on the left).
 * scripts/colormaps_reference.py draws the same charts with matplotlib.
 * Usage: colormaps [output-directory]   writes colormaps_<group>.png */
#include <numc/numc.h>
#include <numc/plot.h>
#include <stdio.h>
#include <string.h>

typedef struct group {
    const char *slug, *title;
    const char *maps[20];
} group;

/* matplotlib's colormap reference, group by group. */
static const group groups[] = {
    { "perceptual", "Perceptually Uniform Sequential",
      { "viridis", "plasma", "inferno", "magma", "cividis" } },
    { "sequential", "Sequential",
      { "Greys", "Purples", "Blues", "Greens", "Oranges", "Reds", "YlOrBr", "YlOrRd", "OrRd",
        "PuRd", "RdPu", "BuPu", "GnBu", "PuBu", "YlGnBu", "PuBuGn", "BuGn", "YlGn" } },
    { "sequential2", "Sequential (2)",
      { "binary", "gist_yarg", "gist_gray", "gray", "bone", "pink", "spring", "summer",
        "autumn", "winter", "cool", "Wistia", "hot", "afmhot", "gist_heat", "copper" } },
    { "diverging", "Diverging",
      { "PiYG", "PRGn", "BrBG", "PuOr", "RdGy", "RdBu", "RdYlBu", "RdYlGn", "Spectral",
        "coolwarm", "bwr", "seismic" } },
    { "cyclic", "Cyclic", { "twilight", "twilight_shifted", "hsv" } },
    { "qualitative", "Qualitative",
      { "Pastel1", "Pastel2", "Paired", "Accent", "Dark2", "Set1", "Set2", "Set3", "tab10",
        "tab20", "tab20b", "tab20c" } },
    { "misc", "Miscellaneous",
      { "flag", "prism", "ocean", "gist_earth", "terrain", "gist_stern", "gnuplot",
        "gnuplot2", "CMRmap", "cubehelix", "brg", "gist_rainbow", "rainbow", "jet", "turbo",
        "nipy_spectral", "gist_ncar" } },
};

enum { NG = 256 };

/* One group's chart; the layout is the reference's: rows 0.22 in tall, 0.1 of that apart. */
static nd_status draw_group(const group *g, const double *gradient, const char *dir)
{
    int nrows = 0;
    while (nrows < 20 && g->maps[nrows]) nrows++;
    double figh = 0.35 + 0.15 + (nrows + (nrows - 1) * 0.1) * 0.22;
    nplot_figure *fig = nplot_figure_new(.width = 6.4, .height = figh);
    nplot_axes *axs[20];
    nplot_subplots(fig, nrows, 1, axs);
    nplot_subplots_adjust(fig, .top = 1 - 0.35 / figh, .bottom = 0.15 / figh, .left = 0.2,
                          .right = 0.99);
    char title[96];
    snprintf(title, sizeof title, "%s colormaps", g->title);
    nplot_set_title(axs[0], title, .fontsize = 14);
    for (int i = 0; i < nrows; i++) {
        nplot_imshow_data(axs[i], gradient, 2, NG, .aspect = "auto", .cmap = g->maps[i]);
        nplot_text(axs[i], -0.01, 0.5, g->maps[i], .va = "center", .ha = "right", .fontsize = 10,
                   .coords = "axes");
        nplot_axis(axs[i], "off");
    }
    char path[1024];
    snprintf(path, sizeof path, "%s%scolormaps_%s.png", dir, *dir ? "/" : "", g->slug);
    nd_status st = nplot_savefig(fig, path);
    if (st) fprintf(stderr, "colormaps: %s\n", nd_errmsg());
    else printf("colormaps: %d maps -> %s\n", nrows, path);
    nplot_figure_free(fig);
    return st;
}

int main(int argc, char **argv)
{
    /* np.vstack((gradient, gradient)) of np.linspace(0, 1, 256) */
    static double gradient[2 * NG];
    for (int j = 0; j < NG; j++) gradient[j] = gradient[NG + j] = j / (double)(NG - 1);
    const char *dir = argc > 1 ? argv[1] : "";
    int shown = 0, rc = 0;
    for (size_t i = 0; i < sizeof groups / sizeof *groups; i++) {
        rc |= draw_group(&groups[i], gradient, dir) != ND_OK;
        for (int k = 0; k < 20 && groups[i].maps[k]; k++) shown++;
    }
    /* every built-in map is in one group */
    int known = 0;
    while (nplot_colormap_builtin((size_t)known)) known++;
    printf("colormaps: %d of %d built-in maps drawn\n", shown, known);
    return rc || shown != known;
}
