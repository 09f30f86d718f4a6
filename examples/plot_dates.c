/* Date axes: a datetime64 array as x gives a date axis, as in matplotlib. Top: daily data
 * over three years (2008-01-01 .. 2010-12-31 as the cookbook's plt.xlim(datetime(2008, 1, 1),
 * datetime(2010, 12, 31))) with AutoDateLocator / AutoDateFormatter, a NaT gap and a
 * vertical line at a date. Bottom left: ten weeks of the same data with
 * ConciseDateFormatter (its offset text "2009-Mar" at the axis end). Bottom right: a bar
 * chart over string categories from a 'U' array.
 * scripts/mpl_dates_reference.py --figure draws the same figure with matplotlib. */
#include <numc/numc.h>
#include <numc/plot.h>

#include <math.h>
#include <stdio.h>

static const double PI = 3.14159265358979323846;

static nplot_figure *dates_figure(void)
{
    nplot_figure *fig = nplot_figure_new(.width = 9, .height = 6, .dpi = 100);
    nplot_axes *top = nplot_subplot(fig, 2, 1, 1);
    nplot_axes *bottom = nplot_subplot(fig, 2, 2, 3);
    nplot_axes *right = nplot_subplot(fig, 2, 2, 4);
    nd_array *days = nd_datetime_arange("2007-10-01", "2011-03-01", ND_I64(1), ND_DATETIME64_OF(ND_DT_D));
    ptrdiff_t n = days ? nd_size(days) : 0;
    nd_array *y = nd_empty(1, (ptrdiff_t[]){ n }, ND_FLOAT64);
    nd_status st = days && y ? ND_OK : nd_last_error();
    if (!st) {
        double *v = nd_data(y);
        int64_t *d = nd_data(days);
        for (ptrdiff_t i = 0; i < n; i++)
            v[i] = 10 + 3 * sin(2 * PI * (double)i / 365.25) + sin(2 * PI * (double)i / 29.5) + 0.004 * (double)i;
        d[500] = ND_NAT; /* a gap: NaT, as NaN in numbers */
        double x0;
        if (!(st = nplot_plot(top, days, y, .color = "C0", .label = "daily")) &&
            !(st = nplot_set_xlim_dates(top, "2008-01-01", "2010-12-31")) &&
            !(st = nplot_datestr2num("2009-06-15", &x0)))
            st = nplot_axvline(top, x0, .color = "C3", .linestyle = "--");
        nplot_set_title(top, "AutoDateLocator, AutoDateFormatter");
    }
    if (!st && !(st = nplot_plot(bottom, days, y, .color = "C1", .marker = "o", .markersize = 3)) &&
        !(st = nplot_set_xlim_dates(bottom, "2009-01-20", "2009-03-31")))
        st = nplot_set_date_formatter(bottom, "x", "concise");
    if (!st) nplot_set_title(bottom, "ConciseDateFormatter");
    nd_array *names = nd_str_array(4, (const char *[]){ "Oslo", "Zürich", "Lyon", "Bern" }, ND_STR_OF(0));
    nd_array *temp = nd_from_f64((double[]){ 6.2, 9.3, 12.4, 10.1 }, 4);
    if (!st && !(names && temp)) st = nd_last_error();
    if (!st && !(st = nplot_bar(right, names, temp, .color = "C2")))
        nplot_set_title(right, "bar of a 'U' array");
    if (!st) st = nplot_tight_layout(fig); /* the top row's date labels clear the titles below */
    nd_free(days);
    nd_free(y);
    nd_free(names);
    nd_free(temp);
    if (st) {
        nplot_figure_free(fig);
        return NULL;
    }
    return fig;
}

#ifndef DATES_NO_MAIN
int main(int argc, char **argv)
{
    nplot_figure *fig = dates_figure();
    char path[1024];
    snprintf(path, sizeof path, "%s%sdates.png", argc > 1 ? argv[1] : "", argc > 1 ? "/" : "");
    nd_status st = fig ? nplot_savefig(fig, path) : nd_last_error();
    if (st) fprintf(stderr, "plot_dates: %s\n", nd_errmsg());
    nplot_figure_free(fig);
    return st ? 1 : 0;
}
#endif
