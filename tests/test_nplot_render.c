/* nplot in process: what the loader decides (x, y, dates, categories, groups, European
 * numbers, errors) and what the figures contain (ticks, and structural pixel checks that
 * do not depend on fonts), plus a few golden images. They link the nplot_cli library.
 *
 * Golden images live in tests/data/nplot/; to regenerate them after a reviewed change:
 *     NPLOT_REGEN=1 ./test_nplot_render   (from the build directory) */
#define _GNU_SOURCE
#include "render.h"

#include "plot_image.h"
#include "testutil.h"

#include <stdio.h>
#include <string.h>
#include <unistd.h>

#define SHARED NUMC_SHARED_DATA
#define GOLDEN NUMC_TEST_DATA "/nplot"

static char tmpdir[64];

static const char *tmp_csv(const char *name, const char *content)
{
    static char path[8][128];
    static int slot;
    char *p = path[slot++ % 8];
    snprintf(p, sizeof path[0], "%s/%s", tmpdir, name);
    FILE *f = fopen(p, "wb");
    CU_ASSERT_PTR_NOT_NULL_FATAL(f);
    fputs(content, f);
    fclose(f);
    return p;
}

/* Parse a command line (words split at spaces; '~' stands for a space inside a word). */
static int parse(cli_opts *o, const char *line)
{
    static char copy[1024];
    snprintf(copy, sizeof copy, "%s", line);
    static char *argv[64];
    int argc = 0;
    argv[argc++] = "nplot";
    for (char *t = strtok(copy, " "); t && argc < 63; t = strtok(NULL, " ")) {
        for (char *c = t; *c; c++)
            if (*c == '~') *c = ' ';
        argv[argc++] = t;
    }
    argv[argc] = NULL;
    FILE *devnull = fopen("/dev/null", "w");
    int rc = cli_parse_args(argc, argv, o, devnull, devnull);
    fclose(devnull);
    return rc;
}

/* Load (and apply nplot's default kind for text x, as main does). */
static int load(cli_opts *o, cli_data *d, const char *line)
{
    int rc = parse(o, line);
    CU_ASSERT_EQUAL_FATAL(rc, CLI_EXIT_OK);
    rc = cli_data_load(o, d);
    if (rc == CLI_EXIT_OK && !o->kind_set && d->xtype == CLI_X_CATEGORY) o->kind = CLI_BAR;
    return rc;
}

typedef struct fig_run {
    cli_opts o;
    cli_data d;
    nplot_figure *fig;
    nplot_axes *ax;
    nd_array *img; /* (h, w, 4) uint8 */
    int w, h;
} fig_run;

static void build(fig_run *r, const char *line)
{
    memset(r, 0, sizeof *r);
    CU_ASSERT_EQUAL_FATAL(load(&r->o, &r->d, line), CLI_EXIT_OK);
    char err[2048] = "";
    int rc = cli_figure_build(&r->o, &r->d, &r->fig, &r->ax, err, sizeof err);
    if (rc) fprintf(stderr, "build '%s': %s\n", line, err);
    CU_ASSERT_EQUAL_FATAL(rc, CLI_EXIT_OK);
    CU_ASSERT_EQUAL_FATAL(nplot_figure_draw(r->fig), ND_OK);
    r->img = nplot_figure_to_array(r->fig);
    CU_ASSERT_PTR_NOT_NULL_FATAL(r->img);
    r->h = (int)nd_shape(r->img)[0];
    r->w = (int)nd_shape(r->img)[1];
}

static void done(fig_run *r)
{
    nd_free(r->img);
    nplot_figure_free(r->fig);
    cli_data_free(&r->d);
}

/* A tick label, or "" when there is none (so a missing label fails an assertion). */
static const char *xtl(nplot_axes *ax, int i)
{
    const char *s = nplot_get_xticklabel(ax, i);
    return s ? s : "";
}

static const char *ytl(nplot_axes *ax, int i)
{
    const char *s = nplot_get_yticklabel(ax, i);
    return s ? s : "";
}

static const unsigned char *px(const fig_run *r, int x, int y)
{
    return (const unsigned char *)nd_data(r->img) + ((size_t)y * (size_t)r->w + (size_t)x) * 4;
}

static long count_color(const fig_run *r, unsigned rgb, int tol)
{
    long n = 0;
    for (int y = 0; y < r->h; y++)
        for (int x = 0; x < r->w; x++) n += near_rgb(px(r, x, y), rgb, tol);
    return n;
}

enum { C0 = 0x1f77b4, C1 = 0xff7f0e, C2 = 0x2ca02c };

/* ---- loading ---------------------------------------------------------------------------------- */
static void test_monotonic_first_column_is_x(void)
{
    cli_opts o;
    cli_data d;
    CU_ASSERT_EQUAL_FATAL(load(&o, &d, SHARED "/sunspots.csv"), CLI_EXIT_OK);
    CU_ASSERT_EQUAL(d.xcol, 0);
    CU_ASSERT_EQUAL(d.xtype, CLI_X_NUMBER);
    CU_ASSERT_EQUAL(d.ny, 1);
    CU_ASSERT_EQUAL(d.ycols[0], 1);
    CU_ASSERT_EQUAL(d.nrows, 309);
    CU_ASSERT_EQUAL(d.x[0], 1700);
    CU_ASSERT_EQUAL(d.y[0][1], 11);
    CU_ASSERT_STRING_EQUAL(d.names[1], "SUNACTIVITY");
    cli_data_free(&d);
}

static void test_unordered_first_column_gives_row_numbers(void)
{
    cli_opts o;
    cli_data d;
    const char *f = tmp_csv("unordered.csv", "a,b\n3,1\n1,2\n2,3\n");
    char line[256];
    snprintf(line, sizeof line, "%s", f);
    CU_ASSERT_EQUAL_FATAL(load(&o, &d, line), CLI_EXIT_OK);
    CU_ASSERT_EQUAL(d.xtype, CLI_X_ROW);
    CU_ASSERT_EQUAL(d.ny, 2);
    CU_ASSERT_EQUAL(d.x[2], 2);
    cli_data_free(&d);
    /* Scatter takes it as x anyway: order does not matter there. */
    snprintf(line, sizeof line, "-k scatter %s", f);
    CU_ASSERT_EQUAL_FATAL(load(&o, &d, line), CLI_EXIT_OK);
    CU_ASSERT_EQUAL(d.xcol, 0);
    CU_ASSERT_EQUAL(d.ny, 1);
    cli_data_free(&d);
}

static void test_yyyymmdd_column_becomes_dates_with_gaps(void)
{
    cli_opts o;
    cli_data d;
    CU_ASSERT_EQUAL_FATAL(load(&o, &d, SHARED "/co2.csv"), CLI_EXIT_OK);
    CU_ASSERT_EQUAL(d.xtype, CLI_X_DATE);
    CU_ASSERT_EQUAL(d.x[0], -4296); /* 1958-03-29 */
    int nan = 0;
    for (ptrdiff_t r = 0; r < d.nrows; r++) nan += isnan(d.y[0][r]);
    CU_ASSERT_EQUAL(nan, 59);
    cli_data_free(&d);
    CU_ASSERT_EQUAL_FATAL(load(&o, &d, "--no-dates " SHARED "/co2.csv"), CLI_EXIT_OK);
    CU_ASSERT_EQUAL(d.xtype, CLI_X_NUMBER);
    CU_ASSERT_EQUAL(d.x[0], 19580329);
    cli_data_free(&d);
}

static void test_text_dates_and_times(void)
{
    cli_opts o;
    cli_data d;
    const char *f = tmp_csv("dates.csv", "when,v\n2020-01-01,1\n2020-01-02,\n2020-01-03T12:00,3\n");
    CU_ASSERT_EQUAL_FATAL(load(&o, &d, f), CLI_EXIT_OK);
    CU_ASSERT_EQUAL(d.xtype, CLI_X_DATE);
    CU_ASSERT_EQUAL(d.xdate_what, CLI_DT_DATE | CLI_DT_TIME);
    double day = (double)cli_days_from_civil(2020, 1, 1);
    CU_ASSERT_EQUAL(d.x[0], day);
    CU_ASSERT_EQUAL(d.x[2], day + 2.5);
    CU_ASSERT(isnan(d.y[0][1]));
    char b[48];
    cli_x_label(&d, 2, b, sizeof b);
    CU_ASSERT_STRING_EQUAL(b, "2020-01-03 12:00");
    cli_data_free(&d);
}

static void test_text_x_is_categorical(void)
{
    cli_opts o;
    cli_data d;
    CU_ASSERT_EQUAL_FATAL(load(&o, &d, SHARED "/statecrime.csv"), CLI_EXIT_OK);
    CU_ASSERT_EQUAL(d.xtype, CLI_X_CATEGORY);
    CU_ASSERT_EQUAL(d.ncats, 51);
    CU_ASSERT_STRING_EQUAL(d.cats[0], "Alabama");
    CU_ASSERT_EQUAL(d.x[50], 50);
    CU_ASSERT_EQUAL(d.ny, 7);
    CU_ASSERT_EQUAL(o.kind, CLI_BAR); /* the default for text x */
    cli_data_free(&d);
}

static void test_year_and_quarter_make_dates(void)
{
    cli_opts o;
    cli_data d;
    CU_ASSERT_EQUAL_FATAL(load(&o, &d, SHARED "/macrodata.csv"), CLI_EXIT_OK);
    CU_ASSERT_EQUAL(d.xtype, CLI_X_DATE);
    CU_ASSERT_EQUAL(d.xcol, 0);
    CU_ASSERT_EQUAL(d.xcol2, 1);
    CU_ASSERT_EQUAL(d.x[1], cli_days_from_civil(1959, 4, 1));
    CU_ASSERT_EQUAL(d.ny, 12); /* year and quarter are not series */
    CU_ASSERT_EQUAL(d.ycols[0], 2);
    cli_data_free(&d);
}

static void test_european_numbers(void)
{
    cli_opts o;
    cli_data d;
    const char *f = tmp_csv("eu.csv", "Datum;Temp;Regen\n2020-01-01;1,5;0\n2020-01-02;-2,25;1.234,5\n");
    CU_ASSERT_EQUAL_FATAL(load(&o, &d, f), CLI_EXIT_OK);
    CU_ASSERT_EQUAL(d.ny, 2);
    CU_ASSERT_EQUAL(d.y[0][0], 1.5);
    CU_ASSERT_EQUAL(d.y[0][1], -2.25);
    CU_ASSERT_EQUAL(d.y[1][1], 1234.5);
    CU_ASSERT_EQUAL(d.xtype, CLI_X_DATE);
    cli_data_free(&d);
    /* --decimal . keeps the commas as text: "1,5" is then not a number. */
    char line[256];
    snprintf(line, sizeof line, "--decimal . -y Temp %s", f);
    CU_ASSERT_EQUAL(load(&o, &d, line), CLI_EXIT_DATA);
    CU_ASSERT_PTR_NOT_NULL(strstr(d.err, "line 2, column 2 (Temp): '1,5' is not a number"));
    cli_data_free(&d);
}

static void test_groups(void)
{
    cli_opts o;
    cli_data d;
    const char *f = tmp_csv("g.csv", "t,sex,h\n0,m,170\n1,f,160\n2,f,161\n3,m,172\n");
    char line[256];
    snprintf(line, sizeof line, "--sep sex %s", f);
    CU_ASSERT_EQUAL_FATAL(load(&o, &d, line), CLI_EXIT_OK);
    CU_ASSERT_EQUAL(d.ngroups, 2);
    CU_ASSERT_STRING_EQUAL(d.groups[0], "m");
    CU_ASSERT_STRING_EQUAL(d.groups[1], "f");
    CU_ASSERT(d.group[0] == 0 && d.group[1] == 1 && d.group[3] == 0);
    CU_ASSERT_EQUAL(d.ny, 1); /* h: t is x, sex is the group */
    cli_data_free(&d);
}

static void test_no_header_names_are_indices(void)
{
    cli_opts o;
    cli_data d;
    const char *f = tmp_csv("nohdr.csv", "1,10,5\n2,20,6\n3,30,7\n");
    char line[256];
    snprintf(line, sizeof line, "--no-header -y 3 %s", f);
    CU_ASSERT_EQUAL_FATAL(load(&o, &d, line), CLI_EXIT_OK);
    CU_ASSERT_STRING_EQUAL(d.names[2], "3");
    CU_ASSERT_EQUAL(d.ycols[0], 2);
    CU_ASSERT_EQUAL(d.y[0][2], 7);
    cli_data_free(&d);
}

static void test_load_errors_name_file_line_column(void)
{
    cli_opts o;
    cli_data d;
    char line[256];
    const char *f = tmp_csv("bad.csv", "a,b\n1,2\n2,oops\n");
    snprintf(line, sizeof line, "-y b %s", f);
    CU_ASSERT_EQUAL(load(&o, &d, line), CLI_EXIT_DATA);
    CU_ASSERT_PTR_NOT_NULL(strstr(d.err, "bad.csv: line 3, column 2 (b): 'oops' is not a number"));
    cli_data_free(&d);
    /* Blank and comment lines do not shift the line number. */
    f = tmp_csv("bad2.csv", "# notes\na,b\n\n1,2\n# more\n2,oops\n");
    snprintf(line, sizeof line, "-y 2 %s", f);
    CU_ASSERT_EQUAL(load(&o, &d, line), CLI_EXIT_DATA);
    CU_ASSERT_PTR_NOT_NULL(strstr(d.err, "line 6, column 2"));
    cli_data_free(&d);
    CU_ASSERT_EQUAL(load(&o, &d, "-x yaer " SHARED "/macrodata.csv"), CLI_EXIT_DATA);
    CU_ASSERT_PTR_NOT_NULL(strstr(d.err, "no column 'yaer'; did you mean 'year'?"));
    cli_data_free(&d);
    f = tmp_csv("hdr.csv", "a,b\n");
    CU_ASSERT_EQUAL(load(&o, &d, f), CLI_EXIT_DATA);
    CU_ASSERT_PTR_NOT_NULL(strstr(d.err, "no data rows (only a header)"));
    cli_data_free(&d);
    f = tmp_csv("empty.csv", "");
    CU_ASSERT_EQUAL(load(&o, &d, f), CLI_EXIT_DATA);
    CU_ASSERT_PTR_NOT_NULL(strstr(d.err, "empty.csv"));
    CU_ASSERT_PTR_NULL(strstr(d.err, "nd_read_csv")); /* no library function names */
    cli_data_free(&d);
    f = tmp_csv("ragged.csv", "a,b\n1,2\n3\n");
    CU_ASSERT_EQUAL(load(&o, &d, f), CLI_EXIT_DATA);
    CU_ASSERT_PTR_NOT_NULL(strstr(d.err, "line 3: expected 2 fields, found 1"));
    cli_data_free(&d);
    f = tmp_csv("text.csv", "name,kind\nx,y\nz,w\n");
    CU_ASSERT_EQUAL(load(&o, &d, f), CLI_EXIT_DATA);
    CU_ASSERT_PTR_NOT_NULL(strstr(d.err, "no numeric column to plot"));
    cli_data_free(&d);
}

/* ---- figures ------------------------------------------------------------------------------------ */
/* The leftmost and rightmost pixel columns holding color c: the mean row of each. */
static void ends_of(const fig_run *r, unsigned c, double *yl, double *yr)
{
    int xl = -1, xr = -1;
    for (int x = 0; x < r->w && xl < 0; x++)
        for (int y = 0; y < r->h; y++)
            if (near_rgb(px(r, x, y), c, 8)) {
                xl = x;
                *yl = y;
                break;
            }
    for (int x = r->w - 1; x >= 0 && xr < 0; x--)
        for (int y = 0; y < r->h; y++)
            if (near_rgb(px(r, x, y), c, 8)) {
                xr = x;
                *yr = y;
                break;
            }
    CU_ASSERT(xl >= 0 && xr > xl);
}

static void test_line_goes_where_the_data_goes(void)
{
    const char *f = tmp_csv("rise.csv", "x,y\n0,0\n1,1\n2,2\n3,3\n4,4\n");
    fig_run r;
    char line[256];
    snprintf(line, sizeof line, "%s", f);
    build(&r, line);
    CU_ASSERT(count_color(&r, C0, 8) > 300);
    double yl = 0, yr = 0;
    ends_of(&r, C0, &yl, &yr);
    CU_ASSERT(yl > yr + 300); /* rises to the right: image rows grow downwards */
    /* The data corners map to those pixels (5% margins). */
    double px0, py0, px1, py1;
    nplot_data_to_pixel(r.ax, 0, 0, &px0, &py0);
    nplot_data_to_pixel(r.ax, 4, 4, &px1, &py1);
    CU_ASSERT(fabs(py0 - yl) < 4 && fabs(py1 - yr) < 4);
    done(&r);
}

/* Height in pixels of the color-c run through column x. */
static int run_height(const fig_run *r, int x, unsigned c)
{
    int n = 0;
    for (int y = 0; y < r->h; y++) n += near_rgb(px(r, x, y), c, 4);
    return n;
}

static void test_bars_are_proportional_and_stand_on_zero(void)
{
    const char *f = tmp_csv("bars.csv", "k,v\na,1\nb,2\nc,3\n");
    fig_run r;
    build(&r, f);
    CU_ASSERT_EQUAL(r.o.kind, CLI_BAR);
    double x0, y0, x1, y1;
    int h[3];
    for (int i = 0; i < 3; i++) {
        nplot_data_to_pixel(r.ax, i, 0, &x0, &y0);
        h[i] = run_height(&r, (int)lround(x0), C0);
    }
    /* Heights grow by the same step from a base at zero (antialiased tops lose a pixel). */
    CU_ASSERT(h[0] > 50);
    CU_ASSERT(abs((h[2] - h[1]) - (h[1] - h[0])) <= 2);
    CU_ASSERT(abs((h[1] - h[0]) - h[0]) <= 3);
    double lo, hi;
    nplot_get_ylim(r.ax, &lo, &hi);
    CU_ASSERT_EQUAL(lo, 0);
    /* The category labels are the tick labels. */
    CU_ASSERT_STRING_EQUAL(xtl(r.ax, 1), "b");
    nplot_data_to_pixel(r.ax, 0, 3, &x1, &y1);
    CU_ASSERT(y1 < y0);
    done(&r);
}

static void test_hist_of_uniform_data_is_flat(void)
{
    char csv[4096] = "v\n";
    for (int i = 0; i < 200; i++) snprintf(csv + strlen(csv), sizeof csv - strlen(csv), "%d\n", i % 100);
    const char *f = tmp_csv("uniform.csv", csv);
    fig_run r;
    char line[256];
    snprintf(line, sizeof line, "-k hist --bins 10 %s", f);
    build(&r, line);
    int h0 = -1;
    for (int b = 0; b < 10; b++) {
        double x, y;
        nplot_data_to_pixel(r.ax, 4.95 + 9.9 * b, 0, &x, &y);
        int h = run_height(&r, (int)lround(x), C0);
        if (h0 < 0) h0 = h;
        CU_ASSERT(h > 100 && abs(h - h0) <= 1);
    }
    double lo, hi;
    nplot_get_ylim(r.ax, &lo, &hi);
    CU_ASSERT_EQUAL(lo, 0);
    CU_ASSERT(hi > 20 && hi < 22); /* 20 per bin + 5% */
    done(&r);
}

static void test_pie_areas_follow_values(void)
{
    const char *f = tmp_csv("pie.csv", "k,v\na,1\nb,1\nc,2\n");
    fig_run r;
    char line[256];
    snprintf(line, sizeof line, "-k pie %s", f);
    build(&r, line);
    long a = count_color(&r, C0, 2), b = count_color(&r, C1, 2), c = count_color(&r, C2, 2);
    CU_ASSERT(a > 5000);
    ND_ASSERT_CLOSE(b, a, 0.05);
    ND_ASSERT_CLOSE(c, 2.0 * a, 0.05);
    done(&r);
}

/* Empty cells are masked (cli_series_ma) and drawn through the masked forms: the line
 * breaks there as matplotlib breaks a numpy.ma column, the area splits, and a heatmap
 * cell shows the axes background (the colormap's transparent bad color). */
static int c0_on_row(const fig_run *r, double x0, double x1, double yv)
{
    double px0, px1, py;
    nplot_data_to_pixel(r->ax, x0, yv, &px0, &py);
    nplot_data_to_pixel(r->ax, x1, yv, &px1, &py);
    int n = 0;
    for (int x = (int)px0; x <= (int)px1; x++) n += near_rgb(px(r, x, (int)py), C0, 40);
    return n;
}

static void test_empty_cells_are_masked_gaps(void)
{
    const char *f = tmp_csv("gap.csv", "x,y\n0,5\n1,5\n2,5\n3,\n4,5\n5,5\n6,4\n");
    fig_run r;
    char line[256];
    snprintf(line, sizeof line, "%s", f);
    build(&r, line);
    CU_ASSERT(c0_on_row(&r, 0.2, 1.8, 5) > 50);
    CU_ASSERT_EQUAL(c0_on_row(&r, 2.15, 3.85, 5), 0); /* no segment into or out of row 3 */
    CU_ASSERT(c0_on_row(&r, 4.2, 4.8, 5) > 10);
    double lo, hi;
    nplot_get_xlim(r.ax, &lo, &hi);
    CU_ASSERT(lo < 0 && hi > 6);
    done(&r);

    snprintf(line, sizeof line, "-k area %s", f);
    build(&r, line);
    double x, y;
    nplot_data_to_pixel(r.ax, 1, 2.5, &x, &y);
    CU_ASSERT(!near(px(&r, (int)x, (int)y), 255, 255, 255, 10)); /* filled */
    nplot_data_to_pixel(r.ax, 3, 2.5, &x, &y);
    CU_ASSERT(near(px(&r, (int)x, (int)y), 255, 255, 255, 2)); /* the split at row 3 */
    done(&r);

    f = tmp_csv("gapgrid.csv", "a,b,c\n3,2,1\n1,,6\n7,8,9\n");
    snprintf(line, sizeof line, "-k heatmap %s", f);
    build(&r, line);
    nplot_data_to_pixel(r.ax, 1, 1, &x, &y);
    CU_ASSERT(near(px(&r, (int)x, (int)y), 255, 255, 255, 2)); /* the empty cell */
    nplot_data_to_pixel(r.ax, 0, 1, &x, &y);
    CU_ASSERT(!near(px(&r, (int)x, (int)y), 255, 255, 255, 10));
    done(&r);
}

static void test_heatmap_labels_and_colorbar(void)
{
    fig_run r;
    build(&r, "-k heatmap " SHARED "/elnino.csv");
    CU_ASSERT_STRING_EQUAL(ytl(r.ax, 0), "1950");
    CU_ASSERT_STRING_EQUAL(xtl(r.ax, 0), "JAN");
    CU_ASSERT_EQUAL(nplot_get_xticks(r.ax, NULL, 0), 12);
    /* viridis from #440154 to #fde725 appears (cells and colorbar). */
    CU_ASSERT(count_color(&r, 0x440154, 6) > 50);
    CU_ASSERT(count_color(&r, 0xfde725, 6) > 50);
    /* The top-left cell (1950, JAN) is 23.11 °C: a mid-blue of viridis, not yellow. */
    double x, y;
    nplot_data_to_pixel(r.ax, 0, 0, &x, &y);
    const unsigned char *p = px(&r, (int)x, (int)y);
    CU_ASSERT(p[2] > p[0] && p[2] > 100);
    done(&r);
}

static void test_date_axis_ticks_are_years(void)
{
    fig_run r;
    build(&r, SHARED "/co2.csv");
    double t[32];
    int n = nplot_get_xticks(r.ax, t, 32);
    CU_ASSERT(n >= 4 && n <= 10);
    int prev = 0;
    for (int i = 0; i < n && i < 32; i++) {
        const char *l = xtl(r.ax, i);
        CU_ASSERT_EQUAL(strlen(l), 4);
        int year = atoi(l);
        CU_ASSERT(year >= 1958 && year <= 2002);
        CU_ASSERT_EQUAL(t[i], cli_days_from_civil(year, 1, 1));
        if (i > 1) CU_ASSERT_EQUAL(year - prev, atoi(xtl(r.ax, 1)) - atoi(xtl(r.ax, 0)));
        prev = year;
    }
    done(&r);
    build(&r, "--xlim 1970:1980 " SHARED "/co2.csv");
    double lo, hi;
    nplot_get_xlim(r.ax, &lo, &hi);
    CU_ASSERT_EQUAL(lo, cli_days_from_civil(1970, 1, 1));
    CU_ASSERT_EQUAL(hi, cli_days_from_civil(1980, 1, 1));
    done(&r);
}

/* A header of years with a few rows: each row is a series over the years (a date axis). */
static void test_wide_years_rows_become_series(void)
{
    cli_opts o;
    cli_data d;
    CU_ASSERT_EQUAL_FATAL(load(&o, &d, NUMC_TEST_DATA "/nplot/wide_years.csv -q"), CLI_EXIT_OK);
    CU_ASSERT(d.transposed);
    CU_ASSERT_EQUAL(d.nrows, 6);
    CU_ASSERT_EQUAL(d.xtype, CLI_X_DATE);
    CU_ASSERT_EQUAL(d.x[0], cli_days_from_civil(1990, 1, 1));
    CU_ASSERT_EQUAL(d.x[5], cli_days_from_civil(1995, 1, 1));
    CU_ASSERT_EQUAL_FATAL(d.ny, 3);
    CU_ASSERT_STRING_EQUAL(d.names[d.ycols[0]], "Norway");
    CU_ASSERT_STRING_EQUAL(d.names[d.ycols[2]], "Finland");
    CU_ASSERT_EQUAL(d.y[1][0], 5.14);
    CU_ASSERT_EQUAL(d.y[2][5], 5.11);
    cli_data_free(&d);
    /* Twelve rows stay as they are without --transpose. */
    CU_ASSERT_EQUAL_FATAL(load(&o, &d, NUMC_TEST_DATA "/nplot/wide_years_12rows.csv -q"), CLI_EXIT_OK);
    CU_ASSERT(!d.transposed);
    cli_data_free(&d);
    CU_ASSERT_EQUAL_FATAL(load(&o, &d, NUMC_TEST_DATA "/nplot/wide_years_12rows.csv -q --transpose"),
                          CLI_EXIT_OK);
    CU_ASSERT(d.transposed);
    CU_ASSERT_EQUAL(d.ny, 12);
    CU_ASSERT_EQUAL(d.nrows, 11);
    CU_ASSERT_STRING_EQUAL(d.names[d.ycols[11]], "region 12");
    cli_data_free(&d);
}

/* --xlim without --ylim: y fits the points inside the window (gnuplot), not the file. */
static void test_xlim_refits_y(void)
{
    fig_run r;
    build(&r, "--xlim 1900:1910 " SHARED "/sunspots.csv");
    double lo, hi;
    nplot_get_ylim(r.ax, &lo, &hi);
    /* 1901 has 2.7, 1905 has 63.5; the whole file reaches 190.2. */
    ND_ASSERT_CLOSE(lo, 2.7 - 0.05 * 60.8, 1e-9);
    ND_ASSERT_CLOSE(hi, 63.5 + 0.05 * 60.8, 1e-9);
    done(&r);
    build(&r, "--xlim 1900:1910 --ylim 0:300 " SHARED "/sunspots.csv");
    nplot_get_ylim(r.ax, &lo, &hi);
    CU_ASSERT_EQUAL(lo, 0);
    CU_ASSERT_EQUAL(hi, 300);
    done(&r);
    build(&r, SHARED "/sunspots.csv");
    nplot_get_ylim(r.ax, &lo, &hi);
    CU_ASSERT(hi > 190.2);
    done(&r);
    /* Dates: co2 between 1970 and 1971 stays within 323..330 ppm. */
    build(&r, "--xlim 1970:1971 " SHARED "/co2.csv");
    nplot_get_ylim(r.ax, &lo, &hi);
    CU_ASSERT(lo > 320 && hi < 332);
    done(&r);
}

/* Ten colours, then the same colours dashed, dash-dot, dotted; one --color: solid. */
static void test_line_styles_cycle_after_ten_colours(void)
{
    cli_opts o;
    CU_ASSERT_EQUAL_FATAL(parse(&o, "x.csv"), CLI_EXIT_OK);
    cli_plot p = { .o = &o };
    char cb[8];
    CU_ASSERT_STRING_EQUAL(cli_series_linestyle(&p, 0), "-");
    CU_ASSERT_STRING_EQUAL(cli_series_linestyle(&p, 9), "-");
    CU_ASSERT_STRING_EQUAL(cli_series_linestyle(&p, 10), "--");
    CU_ASSERT_STRING_EQUAL(cli_series_color(&p, 10, cb), "C0");
    CU_ASSERT_STRING_EQUAL(cli_series_linestyle(&p, 20), "-.");
    CU_ASSERT_STRING_EQUAL(cli_series_linestyle(&p, 30), ":");
    CU_ASSERT_STRING_EQUAL(cli_series_linestyle(&p, 40), "-");
    CU_ASSERT_EQUAL_FATAL(parse(&o, "--color red x.csv"), CLI_EXIT_OK);
    CU_ASSERT_PTR_NULL(cli_series_linestyle(&p, 12));
}

/* Category labels: all of them when they fit, smaller then rotated, thinned last. */
static void test_category_labels_fit_before_thinning(void)
{
    const char *three[] = { "apple", "banana", "cherry" };
    cli_label_fit f = cli_category_fit(three, 3, 432, false);
    CU_ASSERT_EQUAL(f.fontsize, 10);
    CU_ASSERT_EQUAL(f.rotation, 0);
    CU_ASSERT_EQUAL(f.step, 1);
    const char *nine[] = { "label_01", "label_02", "label_03", "label_04", "label_05",
                           "label_06", "label_07", "label_08", "label_09" };
    f = cli_category_fit(nine, 9, 432, false);
    CU_ASSERT_EQUAL(f.fontsize, 8);
    CU_ASSERT_EQUAL(f.rotation, 0);
    CU_ASSERT_EQUAL(f.step, 1);
    f = cli_category_fit(nine, 9, 160, false);
    CU_ASSERT_EQUAL(f.rotation, 45);
    CU_ASSERT_EQUAL(f.step, 1);
    f = cli_category_fit(nine, 9, 100, false);
    CU_ASSERT_EQUAL(f.rotation, 90);
    CU_ASSERT_EQUAL(f.step, 1);
    f = cli_category_fit(nine, 9, 40, false);
    CU_ASSERT_EQUAL(f.rotation, 90);
    CU_ASSERT(f.step > 1);
    f = cli_category_fit(nine, 9, 90, true); /* y: smaller, then thinned */
    CU_ASSERT_EQUAL(f.fontsize, 8);
    CU_ASSERT_EQUAL(f.step, 1);
    f = cli_category_fit(nine, 9, 50, true);
    CU_ASSERT(f.step > 1);
    /* The 51 states of statecrime on an 800-pixel bar chart: every one is labelled. */
    fig_run r;
    build(&r, "-y murder " SHARED "/statecrime.csv");
    CU_ASSERT_EQUAL(nplot_get_xticks(r.ax, NULL, 0), 51);
    CU_ASSERT_STRING_EQUAL(xtl(r.ax, 1), "Alaska");
    CU_ASSERT_STRING_EQUAL(xtl(r.ax, 50), "Wyoming");
    done(&r);
}

static void test_barh_categories_on_y(void)
{
    fig_run r;
    build(&r, "-k barh -y murder " SHARED "/statecrime.csv");
    CU_ASSERT_STRING_EQUAL(ytl(r.ax, 0), "Alabama");
    double lo, hi;
    nplot_get_xlim(r.ax, &lo, &hi);
    CU_ASSERT_EQUAL(lo, 0);
    CU_ASSERT(hi > 24.2); /* District of Columbia's 24.2 fits */
    done(&r);
}

static void test_box_median_and_dark_theme(void)
{
    /* The first column is not monotonic, so both columns are boxes. */
    const char *f = tmp_csv("box.csv", "a,b\n5,10\n1,20\n4,30\n2,40\n3,50\n");
    fig_run r;
    char line[256];
    snprintf(line, sizeof line, "-k box --theme dark %s", f);
    build(&r, line);
    /* Medians are C1 of the style's cycle: #feffb3 in dark_background (orange by default). */
    CU_ASSERT(count_color(&r, 0xfeffb3, 10) > 20);
    CU_ASSERT(near_rgb(px(&r, 2, 2), 0x000000, 2)); /* dark background */
    CU_ASSERT_STRING_EQUAL(xtl(r.ax, 1), "b");
    done(&r);
    snprintf(line, sizeof line, "-k box %s", f);
    build(&r, line);
    CU_ASSERT(count_color(&r, C1, 10) > 20);
    CU_ASSERT(near_rgb(px(&r, 2, 2), 0xffffff, 2));
    done(&r);
}

static void test_surface_and_hexbin_draw_colormaps(void)
{
    fig_run r;
    build(&r, "-k surface " SHARED "/elnino.csv");
    CU_ASSERT(count_color(&r, 0xf2f2f2, 1) > 2000); /* the panes */
    done(&r);
    build(&r, "-k wireframe " SHARED "/elnino.csv");
    CU_ASSERT(count_color(&r, C0, 10) > 1000);
    done(&r);
    build(&r, "-k hexbin -x realgdp -y realcons " SHARED "/macrodata.csv");
    CU_ASSERT(count_color(&r, 0x440154, 10) > 100); /* single-count hexes */
    done(&r);
}

/* ---- decimation of long lines --------------------------------------------------------------------- */
static void test_decimate_keeps_extremes_and_gaps(void)
{
    size_t n = 200000;
    double *x = malloc(n * sizeof *x), *y = malloc(n * sizeof *y);
    double *ox = malloc((4 * 1000 + 64) * sizeof *ox), *oy = malloc((4 * 1000 + 64) * sizeof *oy);
    for (size_t i = 0; i < n; i++) x[i] = (double)i, y[i] = sin(i * 0.001);
    y[12345] = 7;     /* a one-point spike */
    y[150001] = -9;
    y[100000] = NAN;  /* a gap */
    size_t m = cli_decimate(x, y, n, 1000, ox, oy);
    CU_ASSERT(m > 1000 && m <= 4 * 1000 + 2);
    bool spike = false, dip = false, gap = false;
    for (size_t i = 0; i < m; i++) {
        spike |= oy[i] == 7 && ox[i] == 12345;
        dip |= oy[i] == -9 && ox[i] == 150001;
        gap |= isnan(oy[i]) && i > 0 && ox[i - 1] == 99999 && ox[i + 1] == 100001;
        if (i && !isnan(ox[i]) && !isnan(ox[i - 1])) CU_ASSERT(ox[i] > ox[i - 1]);
    }
    CU_ASSERT(spike && dip && gap);
    CU_ASSERT_EQUAL(ox[0], 0);
    CU_ASSERT_EQUAL(ox[m - 1], (double)(n - 1));
    free(x), free(y), free(ox), free(oy);
}

/* M4 as its definition reads, one point at a time: the reference cli_decimate's runs and
 * blocks must match point for point. */
static size_t decimate_ref(const double *x, const double *y, size_t n, int buckets, double *ox,
                           double *oy)
{
    double lo = NAN, hi = NAN;
    for (size_t i = 0; i < n; i++)
        if (isfinite(x[i])) {
            if (isnan(lo)) lo = x[i];
            hi = x[i];
        }
    if (isnan(lo)) return 0;
    double scale = hi > lo ? buckets / (hi - lo) : 0;
    size_t m = 0, k[4] = { 0 };
    long cur = -1;
    bool open = false;
    for (size_t i = 0; i <= n; i++) {
        bool fin = i < n && isfinite(x[i]) && isfinite(y[i]);
        long b = fin ? (long)((x[i] - lo) * scale) : -1;
        if (open && (!fin || b != cur)) { /* the run ends: first, min, max, last */
            const size_t at[4] = { k[0], k[1] < k[2] ? k[1] : k[2], k[1] < k[2] ? k[2] : k[1], k[3] };
            for (int j = 0; j < 4; j++)
                if (j == 0 || at[j] != at[j - 1]) ox[m] = x[at[j]], oy[m++] = y[at[j]];
            open = false;
        }
        if (i == n) break;
        if (!fin) {
            if (m && !isnan(oy[m - 1])) ox[m] = NAN, oy[m++] = NAN;
            continue;
        }
        if (!open) {
            k[0] = k[1] = k[2] = k[3] = i;
            cur = b;
            open = true;
            continue;
        }
        k[3] = i;
        if (y[i] < y[k[1]]) k[1] = i;
        if (y[i] > y[k[2]]) k[2] = i;
    }
    return m;
}

/* The block-wise run search gives the reference's points on inputs made to hit its edges:
 * lengths around the block size, gaps (NaN, inf) in x or y at every offset, ties of
 * extremes (0 and -0 too), x on slice edges, x that repeats, steps back (to the edge
 * below slice 0, which holds -1 < t < 1) or is all one value. */
static void test_decimate_equals_pointwise_m4(void)
{
    enum { N = 3000, BUCKETS = 50 };
    double *x = malloc(N * sizeof *x), *y = malloc(N * sizeof *y);
    size_t cap = 4 * BUCKETS + 2 * N + 4;
    double *ax = malloc(cap * sizeof *ax), *ay = malloc(cap * sizeof *ay);
    double *bx = malloc(cap * sizeof *bx), *by = malloc(cap * sizeof *by);
    CU_ASSERT_PTR_NOT_NULL_FATAL(by);
    /* 401 and 1601 whole x: 8 and 32 points a slice, the next slice's first x exactly on
     * the edge a block ends at. N + 1 ends the loop. */
    const size_t more[] = { 120, 401, 1080, 1601, N, N + 1 };
    uint64_t seed = 12345;
    int cases = 0;
    for (int shape = 0; shape < 7; shape++)
        for (size_t n = 1, j = 0; n <= N; n = n < 40 ? n + 1 : more[j++]) {
            for (size_t i = 0; i < n; i++) {
                seed = seed * 6364136223846793005ull + 1442695040888963407ull;
                unsigned r = (unsigned)(seed >> 33);
                x[i] = shape == 3 ? 5.0 : shape == 4 ? (double)(r % 97) : shape < 2 ? (double)i : (double)i / 3;
                y[i] = shape == 5 ? (double)(r % 3) - 1 : sin(i * 0.05) + (r % 5) * 0.01;
                if (shape == 5 && y[i] == 0 && (r & 1)) y[i] = -0.0;
                if (shape == 1 && r % 11 == 0) y[i] = r % 3 ? NAN : -INFINITY;
                if (shape == 2 && r % 13 == 0) x[i] = r % 3 ? NAN : INFINITY;
                if (shape == 6) /* steps back to t = -1, just out of slice 0 */
                    x[i] = i % 16 == 5 ? -(double)(n - 1) / BUCKETS : (double)i;
            }
            if (shape == 2 && n > 2) x[0] = x[n - 1] = NAN; /* the slices from inner x */
            size_t ma = decimate_ref(x, y, n, BUCKETS, ax, ay);
            size_t mb = cli_decimate(x, y, n, BUCKETS, bx, by);
            bool same = ma == mb && memcmp(ax, bx, ma * sizeof *ax) == 0 &&
                        memcmp(ay, by, ma * sizeof *ay) == 0;
            if (!same) fprintf(stderr, "decimate: shape %d, n %zu: %zu vs %zu points\n", shape, n,
                               mb, ma);
            CU_ASSERT(same);
            cases++;
        }
    CU_ASSERT(cases > 200);
    free(x), free(y), free(ax), free(ay), free(bx), free(by);
}

/* A long line drawn from its decimation looks like the line drawn from all points
 * (--xlim turns decimation off; the limits equal the automatic ones). */
static void test_decimated_line_renders_like_the_full_line(void)
{
    char path[128];
    snprintf(path, sizeof path, "%s/long.csv", tmpdir);
    FILE *f = fopen(path, "w");
    CU_ASSERT_PTR_NOT_NULL_FATAL(f);
    fputs("t,v\n", f);
    for (int i = 0; i < 100000; i++) fprintf(f, "%d,%.6g\n", i, sin(i * 0.0007) + 0.3 * sin(i * 0.37) + (i % 997 == 0 ? 2 : 0));
    fclose(f);
    char a[128], b[128], line[512];
    snprintf(a, sizeof a, "%s/dec.png", tmpdir);
    snprintf(b, sizeof b, "%s/full.png", tmpdir);
    double lo = -0.05 * 99999, hi = 99999 * 1.05;
    for (int k = 0; k < 2; k++) {
        if (k == 0) snprintf(line, sizeof line, "-q -o %s %s", a, path);
        else snprintf(line, sizeof line, "-q -o %s --xlim %.17g:%.17g %s", b, lo, hi, path);
        cli_opts o;
        cli_data d;
        CU_ASSERT_EQUAL_FATAL(load(&o, &d, line), CLI_EXIT_OK);
        char err[512];
        CU_ASSERT_EQUAL(cli_render(&o, &d, err, sizeof err), CLI_EXIT_OK);
        cli_data_free(&d);
    }
    /* Antialiasing inside the dense band differs a little; the extremes may not. */
    double rms = -1;
    CU_ASSERT_EQUAL(nplot_compare_images(b, a, &rms), ND_OK);
    if (!(rms >= 0 && rms < 5)) fprintf(stderr, "decimated vs full: RMS %g\n", rms);
    CU_ASSERT(rms >= 0 && rms < 5);
    nd_array *ia = nplot_imread(a), *ib = nplot_imread(b);
    CU_ASSERT_PTR_NOT_NULL_FATAL(ia);
    CU_ASSERT_PTR_NOT_NULL_FATAL(ib);
    int top[2] = { -1, -1 }, bottom[2] = { -1, -1 };
    for (int k = 0; k < 2; k++) {
        fig_run r = { .img = k ? ib : ia };
        r.h = (int)nd_shape(r.img)[0];
        r.w = (int)nd_shape(r.img)[1];
        for (int y = 0; y < r.h; y++)
            for (int x = 0; x < r.w; x++)
                if (near_rgb(px(&r, x, y), C0, 40)) {
                    if (top[k] < 0) top[k] = y;
                    bottom[k] = y;
                }
    }
    CU_ASSERT(top[0] > 0 && top[0] == top[1] && bottom[0] == bottom[1]);
    nd_free(ia);
    nd_free(ib);
}

/* ---- golden images ---------------------------------------------------------------------------------- */
static void golden(const char *name, const char *args)
{
    char ref[256], out[256], line[512];
    snprintf(ref, sizeof ref, GOLDEN "/%s.png", name);
    bool regen = golden_output(out, sizeof out, GOLDEN, tmpdir, name);
    snprintf(line, sizeof line, "-q --size 480x360 -o %s %s", out, args);
    cli_opts o;
    cli_data d;
    CU_ASSERT_EQUAL_FATAL(load(&o, &d, line), CLI_EXIT_OK);
    char err[1024];
    CU_ASSERT_EQUAL_FATAL(cli_render(&o, &d, err, sizeof err), CLI_EXIT_OK);
    cli_data_free(&d);
    if (regen) return;
    double rms = image_rms(ref, out);
    if (!(rms >= 0 && rms <= 4.0)) fprintf(stderr, "golden %s: RMS %g\n", name, rms);
    CU_ASSERT(rms >= 0 && rms <= 4.0);
}

static void test_golden_images(void)
{
    golden("sunspots_line", SHARED "/sunspots.csv");
    golden("co2_dates", SHARED "/co2.csv");
    golden("elnino_heatmap", "-k heatmap " SHARED "/elnino.csv");
    golden("statecrime_barh", "-k barh -y murder,poverty " SHARED "/statecrime.csv");
}

static const ND_TEST tests[] = {
    ND_T(test_monotonic_first_column_is_x),
    ND_T(test_unordered_first_column_gives_row_numbers),
    ND_T(test_yyyymmdd_column_becomes_dates_with_gaps),
    ND_T(test_text_dates_and_times),
    ND_T(test_text_x_is_categorical),
    ND_T(test_year_and_quarter_make_dates),
    ND_T(test_european_numbers),
    ND_T(test_groups),
    ND_T(test_no_header_names_are_indices),
    ND_T(test_load_errors_name_file_line_column),
    ND_T(test_line_goes_where_the_data_goes),
    ND_T(test_bars_are_proportional_and_stand_on_zero),
    ND_T(test_hist_of_uniform_data_is_flat),
    ND_T(test_pie_areas_follow_values),
    ND_T(test_heatmap_labels_and_colorbar),
    ND_T(test_empty_cells_are_masked_gaps),
    ND_T(test_date_axis_ticks_are_years),
    ND_T(test_wide_years_rows_become_series),
    ND_T(test_line_styles_cycle_after_ten_colours),
    ND_T(test_xlim_refits_y),
    ND_T(test_category_labels_fit_before_thinning),
    ND_T(test_barh_categories_on_y),
    ND_T(test_box_median_and_dark_theme),
    ND_T(test_surface_and_hexbin_draw_colormaps),
    ND_T(test_decimate_keeps_extremes_and_gaps),
    ND_T(test_decimate_equals_pointwise_m4),
    ND_T(test_decimated_line_renders_like_the_full_line),
    ND_T(test_golden_images),
    { 0 },
};

ND_TEST_MAIN_TMPDIR("nplot_render", tests, tmpdir, "nplot-render")
