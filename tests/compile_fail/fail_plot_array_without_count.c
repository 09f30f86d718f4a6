/* Array options of the plot API carry their length (nplot_f64s), so a bare pointer of
 * unknown length can no longer be passed and read past.
 * expect: incompatible types|invalid initializer */
#include <numc/plot.h>

int main(void)
{
    nplot_figure *fig = nplot_figure_new();
    nplot_axes *ax = nplot_subplot(fig, 1, 1, 1);
    const double x[5] = { 1, 2, 3, 4, 5 }, c[3] = { 1, 2, 3 };
    nd_status st = nplot_scatter_xy(ax, x, x, 5, .c_f64 = c);
    nplot_figure_free(fig);
    return st != ND_OK;
}
