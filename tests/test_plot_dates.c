/* Date axes and string arrays in the plot library against matplotlib 3.6: AutoDateLocator
 * ticks with AutoDateFormatter and ConciseDateFormatter labels (and offset text) for view
 * ranges from microseconds to millennia (tests/data/plot/dates/ranges.txt), line plots of
 * datetime64 data in the units D, s, ms and ns with a NaT gap (plots.txt; both written by
 * scripts/mpl_dates_reference.py), limits by dates, 'U' / 'S' arrays as categories equal
 * to the C-string category functions and as tick labels, bad input (matplotlib's
 * ConversionError / TypeError as ND_EDTYPE), then the golden of examples/plot_dates.c,
 * reviewed next to matplotlib's rendering of the same figure. */
#define DATES_NO_MAIN
#include "../examples/plot_dates.c"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "plot_image.h"
#include "testutil.h"

#define GOLDEN NUMC_TEST_DATA "/plot"
#define DATA NUMC_TEST_DATA "/plot/dates"

static void quiet(const char *m, unsigned k, void *c) { (void)m, (void)k, (void)c; }

/* The rest of a "key " line: copies after the first space (without the newline). */
static void rest(const char *line, char *out, size_t cap)
{
    const char *p = strchr(line, ' ');
    p = p ? p + 1 : line + strlen(line);
    snprintf(out, cap, "%s", p);
    out[strcspn(out, "\n")] = '\0';
}

static bool close_days(double a, double b) { return fabs(a - b) <= 2e-11 * fmax(1, fabs(b)); }

/* ---- locator and formatters over view ranges ------------------------------------------------- */
static void test_ranges_match_matplotlib(void)
{
    FILE *f = fopen(DATA "/ranges.txt", "r");
    CU_ASSERT_PTR_NOT_NULL_FATAL(f);
    char line[512], fmt[32], a[64], b[64], want_off[128] = "";
    double lo = 0, hi = 0, want_t[64];
    char want_l[64][NPLOT_DATE_LABEL];
    int nw = 0, blocks = 0, concise = 0;
    while (fgets(line, sizeof line, f)) {
        if (!strncmp(line, "range ", 6)) {
            CU_ASSERT_EQUAL_FATAL(sscanf(line, "range %lf %lf %31s %63s %63s", &lo, &hi, fmt, a, b), 5);
            nw = 0;
        } else if (!strncmp(line, "offset", 6)) {
            rest(line, want_off, sizeof want_off);
        } else if (!strncmp(line, "tick ", 5) && nw < 64) {
            want_t[nw] = strtod(line + 5, NULL);
            rest(line + 5, want_l[nw], NPLOT_DATE_LABEL);
            nw++;
        } else if (!strncmp(line, "end", 3)) {
            double t[64];
            char l[64][NPLOT_DATE_LABEL], off[128];
            int n = nplot_date_ticks(lo, hi, fmt, t, l, 64, off, sizeof off);
            bool ok = n == nw && !strcmp(off, want_off);
            for (int i = 0; ok && i < n; i++) ok = close_days(t[i], want_t[i]) && !strcmp(l[i], want_l[i]);
            if (!ok) {
                fprintf(stderr, "\n%s .. %s (%s): %d ticks, matplotlib %d; offset '%s' vs '%s'\n", a, b, fmt,
                        n, nw, off, want_off);
                for (int i = 0; i < n || i < nw; i++)
                    fprintf(stderr, "  %.12f '%s' | %.12f '%s'\n", i < n ? t[i] : 0, i < n ? l[i] : "",
                            i < nw ? want_t[i] : 0, i < nw ? want_l[i] : "");
            }
            CU_ASSERT(ok);
            blocks++;
            concise += !strcmp(fmt, "concise");
        }
    }
    fclose(f);
    CU_ASSERT(blocks >= 24); /* at least 12 ranges, each with both formatters */
    CU_ASSERT_EQUAL(concise * 2, blocks);
}

static void test_strftime_codes(void)
{
    char buf[128];
    double d;
    CU_ASSERT_EQUAL_FATAL(nplot_datestr2num("2008-02-29T13:05:09.250", &d), ND_OK);
    CU_ASSERT(fabs(d - (13938 + (13 * 3600 + 5 * 60 + 9.25) / 86400)) < 1e-9);
    nplot_date_format(d, "%Y-%m-%d %H:%M:%S.%f %j %b %B %a %A %y %I%p %%", buf, sizeof buf);
    CU_ASSERT_STRING_EQUAL(buf, "2008-02-29 13:05:09.250000 060 Feb February Fri Friday 08 01PM %");
    /* cut like snprintf, full length returned */
    CU_ASSERT_EQUAL(nplot_date_format(0, "%Y-%m-%d", buf, 5), 10u);
    CU_ASSERT_STRING_EQUAL(buf, "1970");
    CU_ASSERT_EQUAL(nplot_date_format(NAN, "%Y", buf, sizeof buf), 0u);
    CU_ASSERT_STRING_EQUAL(buf, "");
}

/* views far from the epoch (years up to ±1,000,000) tick whole years without overflow */
static void test_far_views(void)
{
    static double t[512];
    static char l[512][NPLOT_DATE_LABEL];
    int n = nplot_date_ticks(-NPLOT_DATE_MAX_DAYS, NPLOT_DATE_MAX_DAYS, NULL, t, l, 512, NULL, 0);
    CU_ASSERT(n >= 150 && n <= 512);
    char b[32];
    for (int i = 0; i < n && i < 512; i++) {
        CU_ASSERT_EQUAL(atoll(l[i]) % 10000, 0);
        nplot_date_format(t[i], "%m-%d", b, sizeof b);
        CU_ASSERT_STRING_EQUAL(b, "01-01");
    }
    /* a day far away: no calendar ticks finer than years there, the view's ends */
    CU_ASSERT_EQUAL(nplot_date_ticks(2e8, 2e8 + 1, NULL, t, l, 512, NULL, 0), 2);
    CU_ASSERT_EQUAL(t[0], 2e8);
    nplot_date_format(-NPLOT_DATE_MAX_DAYS, "%Y", b, sizeof b);
    CU_ASSERT_STRING_EQUAL(b, "-998030"); /* proleptic Gregorian, astronomical years */
}

/* ---- datetime64 arrays through plot ------------------------------------------------------------ */
static void test_units_give_the_same_axis(void)
{
    FILE *f = fopen(DATA "/plots.txt", "r");
    CU_ASSERT_PTR_NOT_NULL_FATAL(f);
    char line[256], unit[8];
    double want_lo = 0, want_hi = 0, want_x0 = 0, want_x59 = 0, want_t[32];
    char want_l[32][NPLOT_DATE_LABEL];
    int nnan = 0, nw = 0, units = 0;
    while (fgets(line, sizeof line, f)) {
        if (!strncmp(line, "plot ", 5)) {
            CU_ASSERT_EQUAL_FATAL(sscanf(line, "plot %7s %lf %lf %d %lf %lf", unit, &want_lo, &want_hi, &nnan,
                                         &want_x0, &want_x59), 6);
            nw = 0;
        } else if (!strncmp(line, "tick ", 5) && nw < 32) {
            want_t[nw] = strtod(line + 5, NULL);
            rest(line + 5, want_l[nw], NPLOT_DATE_LABEL);
            nw++;
        } else if (!strncmp(line, "end", 3)) {
            nd_dtype dt = nd_dtype_datetime(ND_DATETIME64, nd_dtunit_from_name(unit), 1);
            nd_array *d = nd_datetime_arange("2008-01-01", "2008-03-01", ND_I64(1), ND_DATETIME64_OF(ND_DT_D));
            nd_array *du = d ? nd_astype(d, dt, ND_CAST_UNSAFE) : NULL;
            CU_ASSERT_PTR_NOT_NULL_FATAL(du);
            ((int64_t *)nd_data(du))[10] = ND_NAT;
            nd_array *y = nd_arange(0, 60, 1, ND_FLOAT64);
            nplot_figure *fig = nplot_figure_new();
            nplot_axes *ax = nplot_subplot(fig, 1, 1, 1);
            CU_ASSERT_EQUAL(nplot_plot(ax, du, y), ND_OK);
            double x[60];
            CU_ASSERT_EQUAL(nplot_date2num(du, x), ND_OK);
            CU_ASSERT(isnan(x[10]) && nnan == 1);
            CU_ASSERT(close_days(x[0], want_x0) && close_days(x[59], want_x59));
            CU_ASSERT_EQUAL(nplot_figure_draw(fig), ND_OK);
            double lo, hi, t[32];
            nplot_get_xlim(ax, &lo, &hi);
            CU_ASSERT(fabs(lo - want_lo) < 1e-9 && fabs(hi - want_hi) < 1e-9);
            int n = nplot_get_xticks(ax, t, 32);
            CU_ASSERT_EQUAL(n, nw);
            for (int i = 0; i < n && i < nw; i++) {
                CU_ASSERT(close_days(t[i], want_t[i]));
                CU_ASSERT_STRING_EQUAL(nplot_get_xticklabel(ax, i), want_l[i]);
            }
            nplot_figure_free(fig);
            nd_free(d);
            nd_free(du);
            nd_free(y);
            units++;
        }
    }
    fclose(f);
    CU_ASSERT_EQUAL(units, 4);
}

/* plt.xlim(datetime(2008, 1, 1), datetime(2010, 12, 31)) and ConciseDateFormatter's offset */
static void test_xlim_dates_and_concise_offset(void)
{
    nplot_figure *fig = nplot_figure_new();
    nplot_axes *ax = nplot_subplot(fig, 1, 1, 1);
    CU_ASSERT_EQUAL(nplot_set_xlim_dates(ax, "2008-01-01", "2010-12-31"), ND_OK);
    double lo, hi, t[32];
    nplot_get_xlim(ax, &lo, &hi);
    CU_ASSERT_EQUAL(lo, 13879);
    CU_ASSERT_EQUAL(hi, 14974);
    CU_ASSERT_EQUAL(nplot_figure_draw(fig), ND_OK);
    /* matplotlib: 2008-01, 2008-05, ... 2010-09 (MONTHLY, interval 4) */
    CU_ASSERT_EQUAL(nplot_get_xticks(ax, t, 32), 9);
    CU_ASSERT_STRING_EQUAL(nplot_get_xticklabel(ax, 0), "2008-01");
    CU_ASSERT_STRING_EQUAL(nplot_get_xticklabel(ax, 8), "2010-09");
    CU_ASSERT_STRING_EQUAL(nplot_get_xoffset_text(ax), "");
    CU_ASSERT_EQUAL(nplot_set_date_formatter(ax, "x", "concise"), ND_OK);
    CU_ASSERT_EQUAL(nplot_figure_draw(fig), ND_OK);
    CU_ASSERT_STRING_EQUAL(nplot_get_xticklabel(ax, 0), "2008");
    CU_ASSERT_STRING_EQUAL(nplot_get_xticklabel(ax, 1), "May");
    CU_ASSERT_STRING_EQUAL(nplot_get_xoffset_text(ax), "");
    CU_ASSERT_EQUAL(nplot_set_xlim_dates(ax, "2009-01-20", "2009-03-31"), ND_OK);
    CU_ASSERT_EQUAL(nplot_figure_draw(fig), ND_OK);
    CU_ASSERT_STRING_EQUAL(nplot_get_xoffset_text(ax), "2009-Mar");
    CU_ASSERT_EQUAL(nplot_set_date_formatter(ax, "x", "%d %b"), ND_OK);
    CU_ASSERT_EQUAL(nplot_figure_draw(fig), ND_OK);
    CU_ASSERT_STRING_EQUAL(nplot_get_xticklabel(ax, 1), "01 Feb");
    CU_ASSERT_STRING_EQUAL(nplot_get_xoffset_text(ax), "");
    /* one side automatic (NULL), as matplotlib's None */
    CU_ASSERT_EQUAL(nplot_set_ylim_dates(ax, NULL, "1970-01-02"), ND_OK);
    nplot_get_ylim(ax, &lo, &hi);
    CU_ASSERT_EQUAL(hi, 1);
    nplot_figure_free(fig);
}

/* one date: AutoDateLocator.nonsingular widens by two years, then the margins */
static void test_single_date_widens_two_years(void)
{
    static const char *const one[] = { "2008-06-01" };
    nd_array *d = nd_datetime64_from_strings(1, one, ND_DATETIME64_OF(ND_DT_D));
    nd_array *y = nd_arange(1, 2, 1, ND_FLOAT64);
    CU_ASSERT_PTR_NOT_NULL_FATAL(d);
    nplot_figure *fig = nplot_figure_new();
    nplot_axes *ax = nplot_subplot(fig, 1, 1, 1);
    CU_ASSERT_EQUAL(nplot_plot(ax, d, y, .fmt = "o"), ND_OK);
    CU_ASSERT_EQUAL(nplot_figure_draw(fig), ND_OK);
    double lo, hi, t[16];
    nplot_get_xlim(ax, &lo, &hi);
    CU_ASSERT(fabs(lo - 13228) < 1e-9 && fabs(hi - 14834) < 1e-9); /* matplotlib's */
    CU_ASSERT_EQUAL(nplot_get_xticks(ax, t, 16), 9);
    CU_ASSERT_STRING_EQUAL(nplot_get_xticklabel(ax, 0), "2006-07");
    CU_ASSERT_STRING_EQUAL(nplot_get_xticklabel(ax, 8), "2010-07");
    nplot_figure_free(fig);
    nd_free(d);
    nd_free(y);
}

/* shared x: dates on the second axes tick the whole group, as matplotlib's shared units */
static void test_shared_axes_share_the_date_ticks(void)
{
    static const char *const two[] = { "2008-01-01", "2008-12-31" };
    nd_array *d = nd_datetime64_from_strings(2, two, ND_DATETIME64_OF(ND_DT_D));
    nd_array *y = nd_arange(1, 3, 1, ND_FLOAT64);
    nplot_figure *fig = nplot_figure_new();
    nplot_axes *axs[2];
    CU_ASSERT_EQUAL_FATAL(nplot_subplots(fig, 2, 1, axs, .sharex = true), ND_OK);
    CU_ASSERT_EQUAL(nplot_plot(axs[1], d, y), ND_OK);
    CU_ASSERT_EQUAL(nplot_figure_draw(fig), ND_OK);
    double t[16];
    int n = nplot_get_xticks(axs[0], t, 16);
    CU_ASSERT_EQUAL(n, nplot_get_xticks(axs[1], t, 16));
    CU_ASSERT(n > 0);
    for (int i = 0; i < n && i < 16; i++)
        CU_ASSERT_STRING_EQUAL(nplot_get_xticklabel(axs[0], i), nplot_get_xticklabel(axs[1], i));
    CU_ASSERT_STRING_EQUAL(nplot_get_xticklabel(axs[1], 0), "2008-01");
    nplot_figure_free(fig);
    nd_free(d);
    nd_free(y);
}

/* timedelta64 plots as plain counts (matplotlib has no timedelta converter) */
static void test_timedelta_as_numbers(void)
{
    nd_array *i64 = nd_arange(1, 4, 1, ND_INT64);
    nd_array *td = nd_astype(i64, ND_TIMEDELTA64_OF(ND_DT_D), ND_CAST_UNSAFE);
    nd_array *y = nd_arange(1, 4, 1, ND_FLOAT64);
    CU_ASSERT_PTR_NOT_NULL_FATAL(td);
    nplot_figure *fig = nplot_figure_new();
    nplot_axes *ax = nplot_subplot(fig, 1, 1, 1);
    CU_ASSERT_EQUAL(nplot_plot(ax, td, y), ND_OK);
    double lo, hi;
    nplot_get_xlim(ax, &lo, &hi);
    CU_ASSERT(fabs(lo - 0.9) < 1e-12 && fabs(hi - 3.1) < 1e-12); /* matplotlib: (0.9, 3.1) */
    CU_ASSERT_EQUAL(nplot_figure_draw(fig), ND_OK);
    CU_ASSERT_STRING_EQUAL(nplot_get_xticklabel(ax, 0), "1.00"); /* matplotlib: 1.00, 1.25, ... */
    nplot_figure_free(fig);
    nd_free(y);
    nd_free(td);
    nd_free(i64);
}

/* ---- string arrays ------------------------------------------------------------------------------- */
static void same_axes(nplot_figure *fa, nplot_axes *a, nplot_figure *fb, nplot_axes *b)
{
    CU_ASSERT_EQUAL(nplot_figure_draw(fa), ND_OK);
    CU_ASSERT_EQUAL(nplot_figure_draw(fb), ND_OK);
    double la, ha, lb, hb, ta[16], tb[16];
    nplot_get_xlim(a, &la, &ha);
    nplot_get_xlim(b, &lb, &hb);
    CU_ASSERT(la == lb && ha == hb);
    nplot_get_ylim(a, &la, &ha);
    nplot_get_ylim(b, &lb, &hb);
    CU_ASSERT(la == lb && ha == hb);
    int na = nplot_get_xticks(a, ta, 16), nb = nplot_get_xticks(b, tb, 16);
    CU_ASSERT_EQUAL(na, nb);
    for (int i = 0; i < na && i < nb && i < 16; i++) {
        CU_ASSERT_EQUAL(ta[i], tb[i]);
        CU_ASSERT_STRING_EQUAL(nplot_get_xticklabel(a, i), nplot_get_xticklabel(b, i));
    }
    na = nplot_get_yticks(a, ta, 16), nb = nplot_get_yticks(b, tb, 16);
    CU_ASSERT_EQUAL(na, nb);
    for (int i = 0; i < na && i < nb && i < 16; i++)
        CU_ASSERT_STRING_EQUAL(nplot_get_yticklabel(a, i), nplot_get_yticklabel(b, i));
}

static void test_string_arrays_are_categories(void)
{
    static const char *const c1[] = { "b", "a", "ü", "a" }, *const c2[] = { "c", "b" };
    static const double v1[] = { 1, 2, 3, 4 }, v2[] = { 5, 6 };
    nd_array *u1 = nd_str_array(4, c1, ND_STR_OF(0)), *u2 = nd_str_array(2, c2, ND_STR_OF(0));
    nd_array *s2 = nd_bytes_array(2, c2, NULL, 0);
    nd_array *y1 = nd_from_f64(v1, 4), *y2 = nd_from_f64(v2, 2);
    CU_ASSERT_PTR_NOT_NULL_FATAL(u1);
    CU_ASSERT_PTR_NOT_NULL_FATAL(s2);
    for (int kind = 0; kind < 4; kind++) {
        nplot_figure *fa = nplot_figure_new(), *fb = nplot_figure_new();
        nplot_axes *a = nplot_subplot(fa, 1, 1, 1), *b = nplot_subplot(fb, 1, 1, 1);
        if (kind == 0) { /* plot, then scatter of an 'S' array on the same axis */
            CU_ASSERT_EQUAL(nplot_plot(a, u1, y1), ND_OK);
            CU_ASSERT_EQUAL(nplot_scatter(a, s2, y2), ND_OK);
            CU_ASSERT_EQUAL(nplot_plot_cat(b, c1, v1, 4), ND_OK);
            CU_ASSERT_EQUAL(nplot_scatter_cat(b, c2, v2, 2), ND_OK);
        } else if (kind == 1) { /* categories on y */
            CU_ASSERT_EQUAL(nplot_plot(a, y1, u1), ND_OK);
            CU_ASSERT_EQUAL(nplot_plot_caty(b, v1, c1, 4), ND_OK);
        } else if (kind == 2) { /* bar */
            CU_ASSERT_EQUAL(nplot_bar(a, u2, y2), ND_OK);
            CU_ASSERT_EQUAL(nplot_bar_cat(b, c2, v2, 2), ND_OK);
        } else { /* both axes */
            CU_ASSERT_EQUAL(nplot_plot(a, u2, s2), ND_OK);
            CU_ASSERT_EQUAL(nplot_plot_cats(b, c2, c2, 2), ND_OK);
        }
        same_axes(fa, a, fb, b);
        nplot_figure_free(fa);
        nplot_figure_free(fb);
    }
    /* first-seen order on the axis: b, a, ü then c */
    nplot_figure *fig = nplot_figure_new();
    nplot_axes *ax = nplot_subplot(fig, 1, 1, 1);
    CU_ASSERT_EQUAL(nplot_plot(ax, u1, y1), ND_OK);
    CU_ASSERT_EQUAL(nplot_plot(ax, u2, y2), ND_OK);
    CU_ASSERT_EQUAL(nplot_figure_draw(fig), ND_OK);
    double t[8];
    CU_ASSERT_EQUAL(nplot_get_xticks(ax, t, 8), 4);
    CU_ASSERT_STRING_EQUAL(nplot_get_xticklabel(ax, 0), "b");
    CU_ASSERT_STRING_EQUAL(nplot_get_xticklabel(ax, 2), "ü");
    CU_ASSERT_STRING_EQUAL(nplot_get_xticklabel(ax, 3), "c");
    nplot_figure_free(fig);
    /* barh: categories on y */
    fig = nplot_figure_new();
    ax = nplot_subplot(fig, 1, 1, 1);
    CU_ASSERT_EQUAL(nplot_barh(ax, u2, y2), ND_OK);
    CU_ASSERT_EQUAL(nplot_figure_draw(fig), ND_OK);
    CU_ASSERT_EQUAL(nplot_get_yticks(ax, t, 8), 2);
    CU_ASSERT_STRING_EQUAL(nplot_get_yticklabel(ax, 1), "b");
    nplot_figure_free(fig);
    nd_free(u1);
    nd_free(u2);
    nd_free(s2);
    nd_free(y1);
    nd_free(y2);
}

/* the cookbook's heatmap labels: np.array(list("ABCDEFG")) as tick labels */
static void test_string_array_tick_labels(void)
{
    static const char *const abc[] = { "A", "B", "C", "D", "E", "F", "G" };
    nd_array *l = nd_str_array(7, abc, ND_STR_OF(0));
    nplot_figure *fig = nplot_figure_new();
    nplot_axes *ax = nplot_subplot(fig, 1, 1, 1);
    double pos[7] = { 0, 1, 2, 3, 4, 5, 6 };
    nplot_set_xlim(ax, -0.5, 6.5);
    CU_ASSERT_EQUAL(nplot_set_xticks(ax, pos, 7), ND_OK);
    CU_ASSERT_EQUAL(nplot_set_xticklabels_arr(ax, l), ND_OK);
    CU_ASSERT_EQUAL(nplot_set_yticks(ax, pos, 7), ND_OK);
    CU_ASSERT_EQUAL(nplot_set_yticklabels_arr(ax, l, .rotation = 90), ND_OK);
    CU_ASSERT_EQUAL(nplot_figure_draw(fig), ND_OK);
    CU_ASSERT_STRING_EQUAL(nplot_get_xticklabel(ax, 6), "G");
    CU_ASSERT_STRING_EQUAL(nplot_get_yticklabel(ax, 0), "A");
    nd_seterrcall(quiet, NULL);
    nd_array *num = nd_arange(0, 7, 1, ND_FLOAT64);
    CU_ASSERT_EQUAL(nplot_set_xticklabels_arr(ax, num), ND_EDTYPE);
    nplot_figure_free(fig); /* a failed figure keeps its first error */
    fig = nplot_figure_new();
    ax = nplot_subplot(fig, 1, 1, 1);
    CU_ASSERT_EQUAL(nplot_set_xticklabels_arr(ax, NULL), ND_EVALUE);
    nd_seterrcall(NULL, NULL);
    nd_free(num);
    nd_free(l);
    nplot_figure_free(fig);
}

/* ---- bad input ------------------------------------------------------------------------------------ */
static void test_bad_input(void)
{
    nd_seterrcall(quiet, NULL);
    static const char *const ds[] = { "2008-01-01", "2008-02-01" }, *const cs[] = { "a", "b" };
    nd_array *d = nd_datetime64_from_strings(2, ds, ND_DATETIME64_OF(ND_DT_D));
    nd_array *u = nd_str_array(2, cs, ND_STR_OF(0));
    nd_array *y = nd_arange(0, 2, 1, ND_FLOAT64);
    CU_ASSERT_PTR_NOT_NULL_FATAL(d);
    /* matplotlib: dates then strings → ConversionError; strings then dates → TypeError */
    nplot_figure *fig = nplot_figure_new();
    nplot_axes *ax = nplot_subplot(fig, 1, 1, 1);
    CU_ASSERT_EQUAL(nplot_plot(ax, d, y), ND_OK);
    CU_ASSERT_EQUAL(nplot_plot(ax, u, y), ND_EDTYPE);
    nplot_figure_free(fig);
    fig = nplot_figure_new();
    ax = nplot_subplot(fig, 1, 1, 1);
    CU_ASSERT_EQUAL(nplot_plot(ax, u, y), ND_OK);
    CU_ASSERT_EQUAL(nplot_plot(ax, d, y), ND_EDTYPE);
    CU_ASSERT_EQUAL(nplot_axis_date(ax, "x"), ND_EDTYPE);
    nplot_figure_free(fig);
    fig = nplot_figure_new();
    ax = nplot_subplot(fig, 1, 1, 1);
    CU_ASSERT_EQUAL(nplot_axis_date(ax, "y"), ND_OK);
    static const double one_two[] = { 1, 2 };
    CU_ASSERT_EQUAL(nplot_plot_caty(ax, one_two, cs, 2), ND_EDTYPE);
    nplot_figure_free(fig);
    /* numbers then dates: the numbers are date numbers, as in matplotlib */
    fig = nplot_figure_new();
    ax = nplot_subplot(fig, 1, 1, 1);
    static const double nx[] = { 13900, 14000 }, ny[] = { 1, 2 };
    CU_ASSERT_EQUAL(nplot_plot_xy(ax, nx, ny, 2), ND_OK);
    CU_ASSERT_EQUAL(nplot_plot(ax, d, y), ND_OK);
    double lo, hi;
    nplot_get_xlim(ax, &lo, &hi);
    CU_ASSERT(fabs(lo - 13872.95) < 1e-9 && fabs(hi - 14006.05) < 1e-9); /* matplotlib's */
    /* strings where no categories are taken; dates as sizes */
    nplot_figure_free(fig);
    /* each failure on a fresh figure (a failed figure keeps its first error) */
#define FRESH(call, want)                              \
    do {                                               \
        fig = nplot_figure_new();                      \
        ax = nplot_subplot(fig, 1, 1, 1);              \
        CU_ASSERT_EQUAL(call, want);                   \
        nplot_figure_free(fig);                        \
    } while (0)
    FRESH(nplot_fill_between(ax, u, y, NULL), ND_EDTYPE);
    FRESH(nplot_scatter(ax, d, y, .sizes = d), ND_EDTYPE);
    FRESH(nplot_set_date_formatter(ax, "x", "fancy"), ND_EVALUE);
    FRESH(nplot_set_date_formatter(ax, "z", "auto"), ND_EVALUE);
    FRESH(nplot_set_date_formatter(NULL, "x", "auto"), ND_EVALUE);
    FRESH(nplot_set_xlim_dates(ax, "2008-13-01", NULL), ND_EVALUE);
    FRESH(nplot_set_xlim_dates(ax, "NaT", NULL), ND_EVALUE);
#undef FRESH
    double v;
    CU_ASSERT_EQUAL(nplot_datestr2num("2011-01-01 x", &v), ND_EVALUE);
    CU_ASSERT_EQUAL(nplot_datestr2num(NULL, &v), ND_EVALUE);
    CU_ASSERT_EQUAL(nplot_date2num(y, &v), ND_EDTYPE);
    double t[4];
    CU_ASSERT_EQUAL(nplot_date_ticks(0, INFINITY, NULL, t, NULL, 4, NULL, 0), ND_EVALUE);
    CU_ASSERT_EQUAL(nplot_date_ticks(0, 1e12, NULL, t, NULL, 4, NULL, 0), ND_EVALUE);
    CU_ASSERT_EQUAL(nplot_date_ticks(0, 1, "%", NULL, NULL, 4, NULL, 0), ND_EVALUE);
    CU_ASSERT_EQUAL(nplot_date_ticks(0, 1, "bad", t, NULL, 4, NULL, 0), ND_EVALUE);
    /* only counting: cap 0 */
    CU_ASSERT_EQUAL(nplot_date_ticks(0, 1, NULL, NULL, NULL, 0, NULL, 0), 9); /* every 3 hours, as matplotlib */
    nd_seterrcall(NULL, NULL);
    nd_free(d);
    nd_free(u);
    nd_free(y);
}

/* ---- golden ------------------------------------------------------------------------------ */
static void test_golden_dates(void)
{
    nplot_figure *fig = dates_figure();
    CU_ASSERT_PTR_NOT_NULL_FATAL(fig);
    char out[1024];
    bool regen = golden_output(out, sizeof out, GOLDEN, ".", "dates");
    CU_ASSERT_EQUAL(nplot_savefig(fig, out), ND_OK);
    nplot_figure_free(fig);
    if (regen) return;
    double rms = image_rms(GOLDEN "/dates.png", out);
    if (!(rms >= 0 && rms <= 2.0)) fprintf(stderr, "golden dates: RMS %g\n", rms);
    CU_ASSERT(rms >= 0 && rms <= 2.0);
}

static const ND_TEST tests[] = {
    ND_T(test_ranges_match_matplotlib),
    ND_T(test_strftime_codes),
    ND_T(test_far_views),
    ND_T(test_units_give_the_same_axis),
    ND_T(test_xlim_dates_and_concise_offset),
    ND_T(test_single_date_widens_two_years),
    ND_T(test_shared_axes_share_the_date_ticks),
    ND_T(test_timedelta_as_numbers),
    ND_T(test_string_arrays_are_categories),
    ND_T(test_string_array_tick_labels),
    ND_T(test_bad_input),
    ND_T(test_golden_dates),
    { 0 },
};

ND_TEST_MAIN("plot_dates", tests)
