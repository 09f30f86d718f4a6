/* bench_chart: the ratio table of a benchmark run (out/bench.csv, written by peer.py) as
 * a chart drawn with numc's own plot library.
 *
 *     bench_chart out/bench.csv out/bench.png
 *
 * One horizontal bar per row that has a ratio (numc time / peer time), on a log x axis,
 * rows grouped by their "area" column (bench area, in the order areas first appear; rows
 * keep their order inside an area), one color per area; a dashed line at 1.0 (as fast as
 * the peer) and a red tick per bar at that row's target; labels read "name (area)". The figure grows with the row
 * count so the row labels never overlap. Exit status 0 on success, 1 with a message on
 * stderr otherwise. */
#include <numc/io.h>
#include <numc/numc.h>
#include <numc/plot.h>

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* Height of one row and the fixed part (title, x axis), in inches. */
#define ROW_INCHES 0.22
#define FIXED_INCHES 1.4

/* The tab10 cycle without its red: red marks the targets. */
static const char *const AREA_COLORS[] = {
    "tab:blue", "tab:orange", "tab:green", "tab:purple", "tab:brown",
    "tab:pink", "tab:gray",   "tab:olive", "tab:cyan",
};
#define N_AREA_COLORS (sizeof AREA_COLORS / sizeof AREA_COLORS[0])

typedef struct chart_row {
    const char *name, *area;
    double ratio, target;
    size_t area_rank; /* first appearance of the area: the sort key */
    size_t order;     /* position in the CSV: keeps rows stable inside an area */
    char label[128];  /* "name (area)" */
} chart_row;

static int by_area(const void *pa, const void *pb)
{
    const chart_row *a = pa, *b = pb;
    if (a->area_rank != b->area_rank) return a->area_rank < b->area_rank ? -1 : 1;
    return a->order < b->order ? -1 : a->order > b->order;
}

static int fail(const char *what)
{
    fprintf(stderr, "bench_chart: %s: %s\n", what, nd_errmsg());
    return 1;
}

/* A numeric column's value, NaN when the column or the cell is missing. */
static double cell(const nd_array *col, ptrdiff_t i)
{
    return col ? ((const double *)nd_data(col))[i] : NAN;
}

static int draw(chart_row *rows, size_t n, const char *out)
{
    double *y = malloc((n ? n : 1) * sizeof *y), *w = malloc((n ? n : 1) * sizeof *w);
    double *ty = malloc((n ? n : 1) * sizeof *ty), *tx = malloc((n ? n : 1) * sizeof *tx);
    const char **labels = malloc((n ? n : 1) * sizeof *labels);
    const char **colors = malloc((n ? n : 1) * sizeof *colors);
    int rc = 1;
    if (!y || !w || !ty || !tx || !labels || !colors) {
        fprintf(stderr, "bench_chart: out of memory\n");
        goto done;
    }
    /* Bars start at the axis' left edge: the decade below the smallest ratio or target. */
    double lo = 1.0, hi = 1.0;
    for (size_t i = 0; i < n; i++) {
        lo = fmin(lo, rows[i].ratio);
        hi = fmax(hi, rows[i].ratio);
        if (isfinite(rows[i].target) && rows[i].target > 0) {
            lo = fmin(lo, rows[i].target);
            hi = fmax(hi, rows[i].target);
        }
    }
    double left = pow(10.0, floor(log10(lo * 0.95))); /* a tick at a power of 10 stays inside */
    double right = pow(10.0, ceil(log10(hi * 1.05)));
    size_t nt = 0, area_rank = 0;
    for (size_t i = 0; i < n; i++) {
        y[i] = (double)i;
        w[i] = rows[i].ratio - left;
        labels[i] = rows[i].label;
        if (i > 0 && rows[i].area_rank != rows[i - 1].area_rank) area_rank++;
        colors[i] = AREA_COLORS[area_rank % N_AREA_COLORS];
        if (isfinite(rows[i].target) && rows[i].target > 0) {
            tx[nt] = rows[i].target;
            ty[nt++] = (double)i;
        }
    }
    nplot_figure *fig = nplot_figure_new(.width = 9.0,
                                         .height = FIXED_INCHES + ROW_INCHES * (double)(n ? n : 1));
    if (!fig) {
        rc = fail("figure");
        goto done;
    }
    nplot_axes *ax = nplot_subplot(fig, 1, 1, 1);
    if (ax) {
        nplot_barh_xy(ax, y, w, n, .left = left, .height = 0.7,
                      .colors = NPLOT_STR_ARRAY(colors, n));
        nplot_axvline(ax, 1.0, .color = "black", .linestyle = "--", .linewidth = 1.0);
        if (nt)
            nplot_scatter_xy(ax, tx, ty, nt, .marker = "|", .color = "red", .s = 80,
                             .linewidths = 2.0, .zorder = 3, .label = "target");
        nplot_set_xscale(ax, "log");
        nplot_set_xlim(ax, left, right);
        nplot_set_ylim(ax, -0.6, (double)n - 0.4);
        nplot_set_yticks(ax, y, (int)n, .labels = NPLOT_STR_ARRAY(labels, n), .fontsize = 8);
        nplot_invert_yaxis(ax); /* the first row on top */
        nplot_set_xlabel(ax, "numc time / peer time (log; < 1: numc faster)");
        nplot_set_title(ax, "numc benchmark ratios (dashed: 1.0, red tick: target)");
        nplot_tight_layout(fig);
    }
    if (!ax || nplot_savefig(fig, out) != ND_OK)
        rc = fail(out);
    else
        rc = 0;
    nplot_figure_free(fig);
done:
    free(y);
    free(w);
    free(ty);
    free(tx);
    free(labels);
    free(colors);
    return rc;
}

int main(int argc, char **argv)
{
    if (argc != 3) {
        fprintf(stderr, "usage: bench_chart BENCH.csv OUT.png\n");
        return 2;
    }
    nd_table *t = nd_read_csv(argv[1]);
    if (!t) return fail(argv[1]);
    int c_name = nd_table_find(t, "name"), c_ratio = nd_table_find(t, "ratio");
    if (c_name < 0 || c_ratio < 0 || nd_table_is_text(t, c_ratio)) {
        fprintf(stderr, "bench_chart: %s: needs a text column 'name' and a numeric 'ratio'\n",
                argv[1]);
        nd_table_free(t);
        return 1;
    }
    int c_area = nd_table_find(t, "area"), c_target = nd_table_find(t, "target");
    nd_array *ratio = nd_table_column(t, c_ratio);
    nd_array *target = c_target >= 0 && !nd_table_is_text(t, c_target)
                           ? nd_table_column(t, c_target) : NULL;
    ptrdiff_t nrows = nd_table_nrows(t);
    chart_row *rows = calloc(nrows > 0 ? (size_t)nrows : 1, sizeof *rows);
    int rc = 1;
    if (!ratio || !rows) {
        rc = fail("columns");
        goto done;
    }
    size_t n = 0;
    for (ptrdiff_t i = 0; i < nrows; i++) {
        double r = cell(ratio, i);
        if (!(isfinite(r) && r > 0)) continue; /* no peer, or a failed side: nothing to draw */
        const char *area = c_area >= 0 && nd_table_is_text(t, c_area) ? nd_table_text(t, i, c_area)
                                                                       : "";
        size_t rank = n;
        for (size_t j = 0; j < n; j++)
            if (strcmp(rows[j].area, area ? area : "") == 0) {
                rank = rows[j].area_rank;
                break;
            }
        rows[n] = (chart_row){ nd_table_text(t, i, c_name), area ? area : "", r, cell(target, i),
                               rank, n, "" };
        const char *name = rows[n].name ? rows[n].name : "?";
        if (*rows[n].area)
            snprintf(rows[n].label, sizeof rows[n].label, "%s (%s)", name, rows[n].area);
        else
            snprintf(rows[n].label, sizeof rows[n].label, "%s", name);
        n++;
    }
    qsort(rows, n, sizeof *rows, by_area);
    rc = draw(rows, n, argv[2]);
done:
    free(rows);
    nd_free(ratio);
    nd_free(target);
    nd_table_free(t);
    return rc;
}
