/* libnumc_plot array options carry their length (nplot_f64s / nplot_strs): the right
 * length takes effect, a short or long one is ND_EVALUE naming the option (never a read
 * past the end), and the error sticks to the figure like every other plot error. */
#include <numc/numc.h>
#include <numc/plot.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "plot_image.h"
#include "testutil.h"

/* Values valid for every option below (positive, increasing) and color / label strings;
 * a case takes the first n of them, so a long array is still readable memory. */
static const double V[8] = { 1, 2, 3, 4, 5, 6, 7, 8 };
static const char *const S[8] = { "red", "blue", "green", "black", "red", "blue", "green", "k" };
static const double X[4] = { 1, 2, 3, 4 }, Y[4] = { 1, 2, 3, 4 };

/* One option: call with an array of n values; `want` is the length that fits. */
typedef struct arr_case {
    const char *name; /* the option named in the message */
    size_t want;
    nd_status (*call)(nplot_figure *fig, nplot_axes *ax, size_t n);
} arr_case;

/* Counts the warnings a failed call says at once (and keeps the test output quiet). */
static void count_warning(const char *msg, unsigned bits, void *ctx)
{
    (void)msg;
    (void)bits;
    ++*(int *)ctx;
}

#define F(n) NPLOT_F64_ARRAY(V, n)
#define STR(n) NPLOT_STR_ARRAY(S, n)

static nd_status c_scatter_c(nplot_figure *f, nplot_axes *ax, size_t n)
{
    (void)f;
    return nplot_scatter_xy(ax, X, Y, 4, .c_f64 = F(n));
}
static nd_status c_scatter_sizes(nplot_figure *f, nplot_axes *ax, size_t n)
{
    (void)f;
    return nplot_scatter_xy(ax, X, Y, 4, .sizes_f64 = F(n));
}
static nd_status c_scatter_arr_c(nplot_figure *f, nplot_axes *ax, size_t n)
{
    (void)f;
    nd_array *x = nd_from_f64(X, 4), *y = nd_from_f64(Y, 4);
    nd_status st = nplot_scatter(ax, x, y, .c_f64 = F(n));
    nd_free(x);
    nd_free(y);
    return st;
}
static nd_status c_yerr(nplot_figure *f, nplot_axes *ax, size_t n)
{
    (void)f;
    return nplot_errorbar_xy(ax, X, Y, 4, .yerr_f64 = F(n));
}
static nd_status c_xerr(nplot_figure *f, nplot_axes *ax, size_t n)
{
    (void)f;
    return nplot_errorbar_xy(ax, X, Y, 4, .xerr_f64 = F(n));
}
static nd_status c_bar_widths(nplot_figure *f, nplot_axes *ax, size_t n)
{
    (void)f;
    return nplot_bar_xy(ax, X, Y, 4, .widths = F(n));
}
static nd_status c_bar_bottoms(nplot_figure *f, nplot_axes *ax, size_t n)
{
    (void)f;
    return nplot_bar_xy(ax, X, Y, 4, .bottoms = F(n));
}
static nd_status c_bar_colors(nplot_figure *f, nplot_axes *ax, size_t n)
{
    (void)f;
    return nplot_barh_xy(ax, X, Y, 4, .colors = STR(n));
}
static nd_status c_bar_tick_labels(nplot_figure *f, nplot_axes *ax, size_t n)
{
    (void)f;
    return nplot_bar_xy(ax, X, Y, 4, .tick_labels = STR(n));
}
static nd_status c_pie_labels(nplot_figure *f, nplot_axes *ax, size_t n)
{
    (void)f;
    return nplot_pie_xy(ax, X, 4, .labels = STR(n));
}
static nd_status c_pie_colors(nplot_figure *f, nplot_axes *ax, size_t n)
{
    (void)f;
    return nplot_pie_xy(ax, X, 4, .colors = STR(n));
}
static nd_status c_pie_explode(nplot_figure *f, nplot_axes *ax, size_t n)
{
    (void)f;
    return nplot_pie_xy(ax, X, 4, .explode = F(n));
}
static nd_status c_box_positions(nplot_figure *f, nplot_axes *ax, size_t n)
{
    (void)f;
    const double *d[2] = { X, Y };
    const size_t lens[2] = { 4, 4 };
    return nplot_boxplot_xy(ax, d, lens, 2, .positions = F(n));
}
static nd_status c_box_labels(nplot_figure *f, nplot_axes *ax, size_t n)
{
    (void)f;
    const double *d[2] = { X, Y };
    const size_t lens[2] = { 4, 4 };
    return nplot_boxplot_xy(ax, d, lens, 2, .labels = STR(n));
}
static nd_status c_width_ratios(nplot_figure *f, nplot_axes *ax, size_t n)
{
    (void)ax;
    nplot_gridspec *g = nplot_gridspec_new(f, 2, 3, .width_ratios = F(n));
    return g ? ND_OK : nplot_figure_status(f);
}
static nd_status c_height_ratios(nplot_figure *f, nplot_axes *ax, size_t n)
{
    (void)ax;
    nplot_gridspec *g = nplot_gridspec_new(f, 2, 3, .height_ratios = F(n));
    return g ? ND_OK : nplot_figure_status(f);
}
static nd_status c_xytext(nplot_figure *f, nplot_axes *ax, size_t n)
{
    (void)f;
    return nplot_annotate(ax, "a", 1, 1, .xytext = F(n));
}
static nd_status c_hist_range(nplot_figure *f, nplot_axes *ax, size_t n)
{
    (void)f;
    return nplot_hist_xy(ax, X, 4, .range = F(n));
}
static nd_status c_hist_weights(nplot_figure *f, nplot_axes *ax, size_t n)
{
    (void)f;
    return nplot_hist_xy(ax, X, 4, .weights = F(n));
}
static nd_status c_hist_arr_weights(nplot_figure *f, nplot_axes *ax, size_t n)
{
    (void)f;
    nd_array *x = nd_from_f64(X, 4);
    nd_status st = nplot_hist(ax, x, .weights = F(n));
    nd_free(x);
    return st;
}
static nd_status c_imshow_extent(nplot_figure *f, nplot_axes *ax, size_t n)
{
    (void)f;
    const double z[4] = { 0, 1, 2, 3 };
    return nplot_imshow_data(ax, z, 2, 2, .extent = F(n));
}
static nd_status c_hexbin_extent(nplot_figure *f, nplot_axes *ax, size_t n)
{
    (void)f;
    return nplot_hexbin_xy(ax, X, Y, 4, .extent = F(n));
}
static nd_status c_bbox_to_anchor(nplot_figure *f, nplot_axes *ax, size_t n)
{
    (void)f;
    nplot_plot_xy(ax, X, Y, 4, .label = "a");
    return nplot_legend(ax, .bbox_to_anchor = F(n));
}
static nd_status c_xticks_labels(nplot_figure *f, nplot_axes *ax, size_t n)
{
    (void)f;
    return nplot_set_xticks(ax, X, 3, .labels = STR(n));
}
static nd_status c_yticks_labels(nplot_figure *f, nplot_axes *ax, size_t n)
{
    (void)f;
    return nplot_set_yticks(ax, X, 3, .labels = STR(n));
}

static const arr_case CASES[] = {
    { "c", 4, c_scatter_c },
    { "sizes", 4, c_scatter_sizes },
    { "c", 4, c_scatter_arr_c },
    { "yerr", 4, c_yerr },
    { "xerr", 4, c_xerr },
    { "widths", 4, c_bar_widths },
    { "bottoms", 4, c_bar_bottoms },
    { "colors", 4, c_bar_colors },
    { "tick_labels", 4, c_bar_tick_labels },
    { "labels", 4, c_pie_labels },
    { "colors", 4, c_pie_colors },
    { "explode", 4, c_pie_explode },
    { "positions", 2, c_box_positions },
    { "labels", 2, c_box_labels },
    { "width_ratios", 3, c_width_ratios },
    { "height_ratios", 2, c_height_ratios },
    { "xytext", 2, c_xytext },
    { "range", 2, c_hist_range },
    { "weights", 4, c_hist_weights },
    { "weights", 4, c_hist_arr_weights },
    { "extent", 4, c_imshow_extent },
    { "extent", 4, c_hexbin_extent },
    { "bbox_to_anchor", 2, c_bbox_to_anchor },
    { "labels", 3, c_xticks_labels },
    { "labels", 3, c_yticks_labels },
};

/* Right length: ND_OK and a clean figure; one short and one long: ND_EVALUE, the message
 * names the option as 'name', and the figure keeps the error. */
static void test_every_array_option_checks_its_length(void)
{
    int warned = 0, failed = 0;
    nd_seterrcall(count_warning, &warned);
    for (size_t i = 0; i < sizeof CASES / sizeof CASES[0]; i++) {
        const arr_case *k = &CASES[i];
        char quoted[64];
        snprintf(quoted, sizeof quoted, "'%s'", k->name);
        for (int d = -1; d <= 1; d++) {
            nplot_figure *fig = nplot_figure_new();
            nplot_axes *ax = nplot_subplot(fig, 1, 1, 1);
            nd_status st = k->call(fig, ax, k->want + (size_t)d);
            if (d == 0) {
                if (st != ND_OK) printf("\n%s (%zu values): %s\n", k->name, k->want, nd_errmsg());
                CU_ASSERT_EQUAL(st, ND_OK);
                CU_ASSERT_EQUAL(nplot_figure_status(fig), ND_OK);
            } else {
                if (st != ND_EVALUE || !strstr(nplot_figure_errmsg(fig), quoted))
                    printf("\n%s (%zu values): %d %s\n", k->name, k->want + (size_t)d, st,
                           nplot_figure_errmsg(fig));
                CU_ASSERT_EQUAL(st, ND_EVALUE);
                CU_ASSERT_EQUAL(nplot_figure_status(fig), ND_EVALUE);
                CU_ASSERT_PTR_NOT_NULL(strstr(nplot_figure_errmsg(fig), quoted));
                failed++;
            }
            nplot_figure_free(fig);
        }
    }
    CU_ASSERT_EQUAL(warned, failed); /* each wrong length said once, right ones silent */
    nd_seterrcall(NULL, NULL);
}

static void test_message_is_matplotlib_like_and_sticky(void)
{
    int warned = 0;
    nd_seterrcall(count_warning, &warned);
    nplot_figure *fig = nplot_figure_new();
    nplot_axes *ax = nplot_subplot(fig, 1, 1, 1);
    const double x[5] = { 1, 2, 3, 4, 5 };
    CU_ASSERT_EQUAL(nplot_scatter_xy(ax, x, x, 5, .c_f64 = NPLOT_F64S(1, 2, 3)), ND_EVALUE);
    CU_ASSERT_STRING_EQUAL(nplot_figure_errmsg(fig),
                           "nplot_scatter: 'c' has 3 values, but x and y have 5");
    /* a later good call re-raises the first error */
    CU_ASSERT_EQUAL(nplot_plot_xy(ax, x, x, 5), ND_EVALUE);
    CU_ASSERT_EQUAL(nplot_figure_status(fig), ND_EVALUE);
    CU_ASSERT_PTR_NOT_NULL(strstr(nplot_figure_errmsg(fig), "'c' has 3 values"));
    nplot_figure_free(fig);

    fig = nplot_figure_new();
    ax = nplot_subplot(fig, 1, 1, 1);
    CU_ASSERT_EQUAL(nplot_hist_xy(ax, x, 5, .range = NPLOT_F64S(0, 1, 2)), ND_EVALUE);
    CU_ASSERT_STRING_EQUAL(nplot_figure_errmsg(fig),
                           "nplot_hist: 'range' has 3 values, but it takes 2");
    nplot_figure_free(fig);

    /* a count without data is refused too */
    fig = nplot_figure_new();
    ax = nplot_subplot(fig, 1, 1, 1);
    CU_ASSERT_EQUAL(nplot_scatter_xy(ax, x, x, 5, .c_f64 = NPLOT_F64_ARRAY(NULL, 5)), ND_EVALUE);
    CU_ASSERT_PTR_NOT_NULL(strstr(nplot_figure_errmsg(fig), "'c'"));
    nplot_figure_free(fig);
    nd_seterrcall(NULL, NULL);
}

/* The right length takes effect: pixels, tick labels and returned counts. */
static void test_right_length_takes_effect(void)
{
    nplot_figure *fig = nplot_figure_new(.width = 4, .height = 4);
    nplot_axes *ax = bare_axes(fig, -0.5, 1.5, 0, 2);
    const double x[2] = { 0, 1 }, h[2] = { 1, 1 };
    CU_ASSERT_EQUAL(nplot_bar_xy(ax, x, h, 2, .colors = NPLOT_STRS("red", "blue")), ND_OK);
    img m = render(fig);
    CU_ASSERT_PTR_NOT_NULL_FATAL(m.px);
    CU_ASSERT_TRUE(near(at_data(&m, ax, 0, 0.5), 255, 0, 0, 8));
    CU_ASSERT_TRUE(near(at_data(&m, ax, 1, 0.5), 0, 0, 255, 8));
    free(m.px);
    nplot_figure_free(fig);

    fig = nplot_figure_new();
    ax = nplot_subplot(fig, 1, 1, 1);
    CU_ASSERT_EQUAL(nplot_set_xticks(ax, x, 2, .labels = NPLOT_STRS("lo", "hi")), ND_OK);
    CU_ASSERT_STRING_EQUAL(nplot_get_xticklabel(ax, 1), "hi");
    const double v[4] = { 0.5, 1.5, 1.5, 9 };
    nd_array *c = NULL;
    CU_ASSERT_EQUAL(nplot_hist_xy(ax, v, 4, .edges = NPLOT_F64S(0, 1, 2),
                                  .weights = NPLOT_F64S(1, 2, 3, 4), .counts_out = &c), ND_OK);
    double got[2] = { 0, 0 };
    CU_ASSERT_EQUAL(nd_to_f64(c, got), ND_OK);
    CU_ASSERT_EQUAL(got[0], 1);
    CU_ASSERT_EQUAL(got[1], 5);
    nd_free(c);
    CU_ASSERT_EQUAL(nplot_figure_status(fig), ND_OK);
    nplot_figure_free(fig);
}

static void test_dashes_and_edges_counts(void)
{
    int warned = 0;
    nd_seterrcall(count_warning, &warned);
    nplot_figure *fig = nplot_figure_new();
    nplot_axes *ax = nplot_subplot(fig, 1, 1, 1);
    CU_ASSERT_EQUAL(nplot_plot_xy(ax, X, Y, 4, .dashes = NPLOT_F64S(4, 2)), ND_OK);
    nplot_figure_free(fig);
    fig = nplot_figure_new();
    ax = nplot_subplot(fig, 1, 1, 1);
    CU_ASSERT_EQUAL(nplot_plot_xy(ax, X, Y, 4, .dashes = NPLOT_F64S(4, 2, 1)), ND_EVALUE);
    CU_ASSERT_PTR_NOT_NULL(strstr(nplot_figure_errmsg(fig), "'dashes'"));
    nplot_figure_free(fig);
    fig = nplot_figure_new();
    ax = nplot_subplot(fig, 1, 1, 1);
    CU_ASSERT_EQUAL(nplot_hist_xy(ax, X, 4, .edges = NPLOT_F64S(1)), ND_EVALUE);
    CU_ASSERT_PTR_NOT_NULL(strstr(nplot_figure_errmsg(fig), "'edges'"));
    nplot_figure_free(fig);
    CU_ASSERT_EQUAL(warned, 2);
    nd_seterrcall(NULL, NULL);
}

static const ND_TEST tests[] = {
    ND_T(test_every_array_option_checks_its_length),
    ND_T(test_message_is_matplotlib_like_and_sticky),
    ND_T(test_right_length_takes_effect),
    ND_T(test_dashes_and_edges_counts),
    { 0 },
};

ND_TEST_MAIN("plot_arrays", tests)
