/* Cookbook: every matplotlib arrow style, connection style and text box style, drawn as
 * matplotlib's FancyArrowPatch / FancyBboxPatch (scripts/mpl_annot_reference.py draws the
 * same figures with matplotlib 3.6).
 * Usage: plot_annotations2 [output-directory]
 *   writes annot_arrowstyles.png, annot_connectionstyles.png, annot_boxstyles.png and
 *   annot_table.png (a stacked bar chart with its table below, matplotlib's table_demo) */
#include <numc/plot.h>
#include <stdio.h>
#include <string.h>

/* a 4 x 4 grid: each arrow style from its name to a point */
static nplot_figure *arrowstyles_figure(void)
{
    static const char *styles[16] = { "-", "<-", "->", "<->", "<|-", "-|>", "<|-|>", "]-",
                                      "-[", "]-[", "|-|", "]->", "<-[", "simple", "fancy", "wedge" };
    nplot_figure *fig = nplot_figure_new(.width = 8, .height = 5);
    nplot_axes *ax = nplot_add_axes(fig, 0, 0, 1, 1);
    nplot_set_xlim(ax, 0, 4);
    nplot_set_ylim(ax, 0, 4);
    nplot_axis(ax, "off");
    for (int i = 0; i < 16; i++) {
        double x = i % 4, y = 3 - i / 4;
        nplot_annotate(ax, styles[i], x + 0.2, y + 0.8, .xytext = NPLOT_F64S(x + 0.75, y + 0.25),
                       .arrowstyle = styles[i], .connectionstyle = "arc3,rad=-0.05",
                       .text = { .fontsize = 12, .ha = "center", .va = "center" });
    }
    return fig;
}

/* 3 x 3 panels: each connection style between two points, its name in the corner */
static nplot_figure *connectionstyles_figure(void)
{
    static const char *styles[9] = {
        "arc3,rad=0.", "arc3,rad=0.3", "angle3,angleA=90,angleB=0", "angle3,angleA=0,angleB=90",
        "angle,angleA=-90,angleB=180,rad=0", "angle,angleA=-90,angleB=180,rad=5",
        "arc,angleA=-90,angleB=0,armA=30,armB=30,rad=0", "arc,angleA=-90,angleB=0,armA=0,armB=40,rad=0",
        "bar,fraction=0.3",
    };
    nplot_figure *fig = nplot_figure_new(.width = 8, .height = 8);
    nplot_axes *axs[9];
    nplot_subplots(fig, 3, 3, axs);
    for (int i = 0; i < 9; i++) {
        nplot_axes *ax = axs[i];
        double x[2] = { 0.3, 0.8 }, y[2] = { 0.2, 0.6 };
        nplot_plot_xy(ax, x, y, 2, .fmt = ".");
        nplot_annotate(ax, "", 0.3, 0.2, .xytext = NPLOT_F64S(0.8, 0.6), .arrowstyle = "->",
                       .arrowcolor = "0.5", .shrinkA = 5, .shrinkB = 5, .connectionstyle = styles[i]);
        /* the style's parameters one per line */
        char label[96];
        size_t k = 0;
        for (const char *p = styles[i]; *p && k + 2 < sizeof label; p++) {
            label[k++] = *p;
            if (*p == ',') label[k++] = '\n';
        }
        label[k] = '\0';
        nplot_text(ax, 0.05, 0.95, label, .coords = "axes", .ha = "left", .va = "top",
                   .fontsize = 9);
        nplot_set_xlim(ax, 0, 1);
        nplot_set_ylim(ax, 0, 1.25);
        nplot_set_xticks(ax, NULL, 0);
        nplot_set_yticks(ax, NULL, 0);
    }
    nplot_tight_layout(fig, .pad = 0.2);
    return fig;
}

/* the nine box styles, with their default parameters and one variant each of pad */
static nplot_figure *boxstyles_figure(void)
{
    static const char *styles[9] = { "square", "circle", "larrow", "rarrow", "darrow", "round",
                                     "round4", "sawtooth", "roundtooth" };
    nplot_figure *fig = nplot_figure_new(.width = 8, .height = 4.5);
    nplot_axes *ax = nplot_add_axes(fig, 0, 0, 1, 1);
    nplot_axis(ax, "off");
    for (int i = 0; i < 9; i++) {
        double x = 0.18 + 0.32 * (i % 3), y = 0.82 - 0.3 * (i / 3);
        nplot_text(ax, x, y, styles[i], .coords = "axes", .ha = "center", .va = "center",
                   .fontsize = 14, .bbox = styles[i], .bbox_color = "#bfe0ff", .bbox_edgecolor = "C0");
    }
    nplot_text(ax, 0.5, 0.07, "round,pad=0.6,rounding_size=0.8 (rotated 10 degrees)", .coords = "axes",
               .ha = "center", .va = "center", .fontsize = 11, .rotation = 10,
               .bbox = "round,pad=0.6,rounding_size=0.8", .bbox_color = "wheat", .bbox_alpha = 0.7,
               .bbox_linestyle = "--");
    return fig;
}

/* losses per disaster stacked by return period, the cumulative values in a table under
 * the bars (rows labelled and colored like the bars, columns labelled) */
static nplot_figure *table_figure(void)
{
    static const double data[4][5] = { { 66386, 174296, 75131, 577908, 32015 },
                                       { 58230, 381139, 78045, 99308, 160454 },
                                       { 89135, 80552, 152558, 497981, 603535 },
                                       { 78415, 81858, 150656, 193263, 69638 } };
    static const char *rows[4] = { "50 year", "20 year", "10 year", "5 year" };
    static const char *colors[4] = { "#f7fcfd", "#d6e4f0", "#a9c4de", "#8c95c6" };
    static const char *columns[5] = { "Freeze", "Wind", "Flood", "Quake", "Hail" };
    nplot_figure *fig = nplot_figure_new(.width = 6.4, .height = 4.8);
    nplot_axes *ax = nplot_subplot(fig, 1, 1, 1);
    nplot_subplots_adjust(fig, .left = 0.2, .bottom = 0.2);
    double x[5], bottom[5] = { 0 };
    static char text[4][5][16];
    const char *cells[4 * 5], *row_colors[4], *row_labels[4];
    for (int j = 0; j < 5; j++) x[j] = j + 0.3;
    for (int r = 0; r < 4; r++) {
        nplot_bar_xy(ax, x, data[r], 5, .width = 0.4, .bottoms = NPLOT_F64_ARRAY(bottom, 5),
                     .color = colors[r]);
        for (int j = 0; j < 5; j++) {
            bottom[j] += data[r][j];
            snprintf(text[r][j], sizeof text[r][j], "%.1f", bottom[j] / 1000.0);
        }
    }
    /* the table lists the rows top-down: last (largest) first */
    for (int r = 0; r < 4; r++) {
        for (int j = 0; j < 5; j++) cells[r * 5 + j] = text[3 - r][j];
        row_colors[r] = colors[3 - r];
        row_labels[r] = rows[3 - r];
    }
    nplot_table(ax, 4, 5, .cellText = NPLOT_STR_ARRAY(cells, 20), .rowLabels = NPLOT_STR_ARRAY(row_labels, 4),
                .rowColours = NPLOT_STR_ARRAY(row_colors, 4), .colLabels = NPLOT_STR_ARRAY(columns, 5),
                .loc = "bottom");
    nplot_set_ylabel(ax, "Loss in $1000's");
    static const double yt[5] = { 0, 500000, 1000000, 1500000, 2000000 };
    nplot_set_yticks(ax, yt, 5, .labels = NPLOT_STRS("0", "500", "1000", "1500", "2000"));
    nplot_set_xticks(ax, NULL, 0);
    nplot_set_title(ax, "Loss by Disaster");
    return fig;
}

#ifndef ANNOT2_NO_MAIN
static int save(nplot_figure *fig, const char *dir, const char *name)
{
    char path[1024];
    snprintf(path, sizeof path, "%s%s%s.png", dir ? dir : "", dir ? "/" : "", name);
    nd_status st = fig ? nplot_savefig(fig, path) : ND_EVALUE;
    if (st) fprintf(stderr, "plot_annotations2: %s: %s\n", name, nd_errmsg());
    nplot_figure_free(fig);
    return st ? 1 : 0;
}

int main(int argc, char **argv)
{
    const char *dir = argc > 1 ? argv[1] : NULL;
    int bad = save(arrowstyles_figure(), dir, "annot_arrowstyles");
    bad |= save(connectionstyles_figure(), dir, "annot_connectionstyles");
    bad |= save(boxstyles_figure(), dir, "annot_boxstyles");
    bad |= save(table_figure(), dir, "annot_table");
    return bad;
}
#endif
