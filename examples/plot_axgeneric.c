/* The Artist protocol on Axes and Figure (docs/plot.md "The Artist protocol"): axes set up
 * by property name (ax.set / ax.update), a category converted to its x position to place
 * an annotation (ax.convert_xunits), an inset kept square by an axes locator, a second axes
 * taking the first one's artist properties (update_from). Writes plot_axgeneric.png; the
 * same figure in matplotlib: scripts/mpl_axgeneric_reference.py --png. */
#include <numc/numc.h>
#include <numc/plot.h>
#include <stdio.h>

/* the inset stays square in inches whatever the figure's size: its height follows its width,
 * its top stays where the layout put it (ctx: the figure's width over height) */
static nd_status square(nplot_axes *ax, double rect[4], void *ctx)
{
    (void)ax;
    double top = rect[1] + rect[3];
    rect[3] = rect[2] * *(const double *)ctx;
    rect[1] = top - rect[3];
    return ND_OK;
}

int main(void)
{
    nplot_figure *fig = nplot_figure_new(.width = 8, .height = 3.6, .dpi = 100);
    nplot_figure_set(fig, "facecolor='0.97', edgecolor=0.6, linewidth=1, layout_engine=tight");
    nplot_axes *left = nplot_subplot(fig, 1, 2, 1), *right = nplot_subplot(fig, 1, 2, 2);

    const char *fruit[] = { "apple", "banana", "cherry", "date" };
    const double kg[] = { 3, 1.2, 2.4, 0.8 };
    nplot_bar_cat(left, fruit, kg, 4, .color = "C2");
    nplot_axes_set(left, "title='Fruit, by weight', ylabel=kg, ylim=(0, 4), "
                         "facecolor=(0.96, 0.96, 0.9), axisbelow=True");
    nplot_grid(left, .axis = "y");
    double x;
    nplot_axes_convert_xunits(left, "cherry", &x);
    nplot_annotate(left, "ripe", x, 2.4, .xytext = NPLOT_F64S(x + 0.6, 3.4), .arrowstyle = "->");

    nd_array *t = nd_linspace(0, 6.283185307179586, 200);
    nd_array *s = nd_sin(t);
    nplot_plot(right, t, s, .label = "sin");
    const char *names[] = { "title", "xlim", "ylim", "xlabel" };
    const char *values[] = { "update() and a locator", "(0, 6.3)", "(-1.2, 1.6)", "t" };
    nplot_axes_update(right, names, values, 4);

    nplot_axes *inset = nplot_add_axes(fig, 0.73, 0.5, 0.14, 0.3);
    nplot_plot(inset, t, s, .color = "C1");
    nplot_axes_set(inset, "xlim=(0, 1.6), ylim=(0, 1.05), facecolor='0.9'");
    double aspect = 8 / 3.6;
    nplot_axes_set_axes_locator(inset, square, &aspect);
    nplot_axes_update_from(inset, right); /* visible, alpha, clip, label */

    char buf[4096];
    nplot_axes_get_prop(right, "title", buf, sizeof buf);
    printf("right title: %s\n", buf);
    nplot_figure_properties(fig, buf, sizeof buf);
    fputs(buf, stdout);
    nd_status st = nplot_savefig(fig, "plot_axgeneric.png");
    if (st) fprintf(stderr, "%s\n", nd_errmsg());
    nd_free(t);
    nd_free(s);
    nplot_figure_free(fig);
    return st ? 1 : 0;
}
