/* libnumc_plot plot kinds: bar, barh, hist, categorical axes, imshow, matshow, colorbar
 * (pie, boxplot, hexbin, pcolormesh and 3-D are in test_plot_kinds3d.c). Structural,
 * font-independent checks on rendered pixels, limits and SVG output. */
#include <numc/numc.h>
#include <numc/plot.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "plot_image.h"
#include "testutil.h"

/* Pixels of color (r, g, b) in column x (rows) or row y (columns). */
static int run_in_column(const img *m, double x, int r, int g, int b)
{
    int n = 0;
    for (int y = 0; y < m->h; y++) n += near(at(m, x, y), r, g, b, 8);
    return n;
}

static int run_in_row(const img *m, double y, int r, int g, int b)
{
    int n = 0;
    for (int x = 0; x < m->w; x++) n += near(at(m, x, y), r, g, b, 8);
    return n;
}

/* ---- bar / barh ------------------------------------------------------------------------------- */
static void test_bar_heights_proportional_in_pixels(void)
{
    double x[3] = { 0, 1, 2 }, h[3] = { 1, 2, 4 };
    nplot_figure *fig = nplot_figure_new(.width = 4, .height = 4);
    nplot_axes *ax = bare_axes(fig, -0.5, 2.5, 0, 5);
    CU_ASSERT_EQUAL(nplot_bar_xy(ax, x, h, 3, .color = "red"), ND_OK);
    img m = render(fig);
    CU_ASSERT_PTR_NOT_NULL_FATAL(m.px);
    int px[3];
    for (int i = 0; i < 3; i++) {
        double cx, cy;
        nplot_data_to_pixel(ax, x[i], 0, &cx, &cy);
        px[i] = run_in_column(&m, cx, 255, 0, 0);
    }
    double unit = (400 * 0.9) / 5; /* pixels per data unit */
    CU_ASSERT(abs(px[0] - (int)(unit * 1 + 0.5)) <= 1);
    CU_ASSERT(abs(px[1] - (int)(unit * 2 + 0.5)) <= 1);
    CU_ASSERT(abs(px[2] - (int)(unit * 4 + 0.5)) <= 1);
    /* width 0.8 by default: the gap between bars is background */
    CU_ASSERT(near(at_data(&m, ax, 0.5, 0.5), 255, 255, 255, 8));
    CU_ASSERT(near(at_data(&m, ax, 0.35, 0.5), 255, 0, 0, 8));
    free(m.px);
    nplot_figure_free(fig);
}

static void test_bar_no_kwargs_and_sticky_bottom(void)
{
    double h[2] = { 1, 3 };
    nplot_figure *fig = nplot_figure_new();
    nplot_axes *ax = nplot_subplot(fig, 1, 1, 1);
    CU_ASSERT_EQUAL(nplot_bar_xy(ax, NULL, h, 2), ND_OK);
    double lo, hi;
    nplot_get_ylim(ax, &lo, &hi);
    CU_ASSERT_EQUAL(lo, 0.0); /* sticky edge: no margin below the bars */
    ND_ASSERT_CLOSE(hi, 3.15, 1e-12);
    nplot_get_xlim(ax, &lo, &hi);
    ND_ASSERT_CLOSE(lo, -0.4 - 0.09, 1e-12); /* x keeps its 5 % margins */
    ND_ASSERT_CLOSE(hi, 1.4 + 0.09, 1e-12);
    nplot_figure_free(fig);
}

static void test_bar_negative_heights_stick_at_top(void)
{
    double h[2] = { -1, -2 };
    nplot_figure *fig = nplot_figure_new();
    nplot_axes *ax = nplot_subplot(fig, 1, 1, 1);
    nplot_bar_xy(ax, NULL, h, 2);
    double lo, hi;
    nplot_get_ylim(ax, &lo, &hi);
    CU_ASSERT_EQUAL(hi, 0.0);
    ND_ASSERT_CLOSE(lo, -2.1, 1e-12);
    nplot_figure_free(fig);
}

static void test_bar_categorical_axis(void)
{
    const char *c1[3] = { "banana", "apple", "banana" };
    const char *c2[2] = { "cherry", "apple" };
    double h1[3] = { 1, 2, 3 }, h2[2] = { 4, 5 };
    nplot_figure *fig = nplot_figure_new();
    nplot_axes *ax = nplot_subplot(fig, 1, 1, 1);
    CU_ASSERT_EQUAL(nplot_bar_cat(ax, c1, h1, 3), ND_OK);
    CU_ASSERT_EQUAL(nplot_bar_cat(ax, c2, h2, 2), ND_OK);
    CU_ASSERT_EQUAL(nplot_figure_draw(fig), ND_OK);
    double t[8];
    CU_ASSERT_EQUAL(nplot_get_xticks(ax, t, 8), 3);
    CU_ASSERT_EQUAL(t[0], 0);
    CU_ASSERT_EQUAL(t[2], 2);
    CU_ASSERT_STRING_EQUAL(nplot_get_xticklabel(ax, 0), "banana");
    CU_ASSERT_STRING_EQUAL(nplot_get_xticklabel(ax, 1), "apple");
    CU_ASSERT_STRING_EQUAL(nplot_get_xticklabel(ax, 2), "cherry");
    nplot_figure_free(fig);
}

static void test_barh_widths_and_per_bar_colors(void)
{
    double y[2] = { 0, 1 }, w[2] = { 2, 4 };
    const char *colors[2] = { "blue", "lime" };
    nplot_figure *fig = nplot_figure_new(.width = 4, .height = 4);
    nplot_axes *ax = bare_axes(fig, 0, 5, -0.5, 1.5);
    CU_ASSERT_EQUAL(nplot_barh_xy(ax, y, w, 2, .colors = NPLOT_STR_ARRAY(colors, 2), .height = 0.5),
                    ND_OK);
    img m = render(fig);
    CU_ASSERT_PTR_NOT_NULL_FATAL(m.px);
    double cx, cy0, cy1;
    nplot_data_to_pixel(ax, 0, 0, &cx, &cy0);
    nplot_data_to_pixel(ax, 0, 1, &cx, &cy1);
    int b = run_in_row(&m, cy0, 0, 0, 255), g = run_in_row(&m, cy1, 0, 255, 0);
    double unit = 400 * 0.9 / 5;
    /* the left spine (0.8 px, antialiased) covers the first two columns of each bar */
    CU_ASSERT(abs(b - (int)(2 * unit + 0.5)) <= 3);
    CU_ASSERT(abs(g - (int)(4 * unit + 0.5)) <= 3);
    /* thickness 0.5: y = 0.35 is outside the first bar */
    CU_ASSERT(near(at_data(&m, ax, 1, 0.35), 255, 255, 255, 8));
    free(m.px);
    nplot_figure_free(fig);
}

static void test_bar_edge_align_bottoms_and_nan(void)
{
    double x[3] = { 0, 1, 2 }, h[3] = { 1, NAN, 1 }, bot[3] = { 1, 1, 2 };
    const char *colors[3] = { "red", "green", "blue" };
    nplot_figure *fig = nplot_figure_new(.width = 4, .height = 4);
    nplot_axes *ax = bare_axes(fig, 0, 3, 0, 4);
    CU_ASSERT_EQUAL(nplot_bar_xy(ax, x, h, 3, .align = "edge", .width = 1,
                                 .bottoms = NPLOT_F64_ARRAY(bot, 3),
                                 .colors = NPLOT_STR_ARRAY(colors, 3)), ND_OK);
    img m = render(fig);
    CU_ASSERT_PTR_NOT_NULL_FATAL(m.px);
    CU_ASSERT(near(at_data(&m, ax, 0.5, 1.5), 255, 0, 0, 8));   /* from the bottom 1 */
    CU_ASSERT(near(at_data(&m, ax, 0.5, 0.5), 255, 255, 255, 8));
    CU_ASSERT(near(at_data(&m, ax, 1.5, 1.5), 255, 255, 255, 8)); /* NaN: skipped */
    CU_ASSERT(near(at_data(&m, ax, 2.5, 2.5), 0, 0, 255, 8));   /* keeps its own color */
    free(m.px);
    nplot_figure_free(fig);
}

static void test_bar_bad_input(void)
{
    double h[2] = { 1, 2 };
    nplot_figure *fig = nplot_figure_new();
    nplot_axes *ax = nplot_subplot(fig, 1, 1, 1);
    CU_ASSERT_EQUAL(nplot_bar_xy(ax, NULL, h, 2, .align = "middle"), ND_EVALUE);
    CU_ASSERT_PTR_NOT_NULL(strstr(nd_errmsg(), "middle"));
    nplot_figure_free(fig);
    fig = nplot_figure_new();
    ax = nplot_subplot(fig, 1, 1, 1);
    CU_ASSERT_EQUAL(nplot_bar_xy(ax, NULL, h, 2, .color = "notacolor"), ND_EVALUE);
    nplot_figure_free(fig);
    fig = nplot_figure_new();
    ax = nplot_subplot(fig, 1, 1, 1);
    nd_array *x = nd_from_f64((double[]){ 0, 1, 2 }, 3), *y = nd_from_f64(h, 2);
    CU_ASSERT_EQUAL(nplot_bar(ax, x, y), ND_ESHAPE);
    nplot_figure_free(fig);
    fig = nplot_figure_new();
    ax = nplot_subplot(fig, 1, 1, 1);
    CU_ASSERT_EQUAL(nplot_bar(ax, NULL, y, .label = "ok"), ND_OK);
    CU_ASSERT_EQUAL(nplot_bar_xy(ax, NULL, NULL, 0), ND_OK); /* empty is fine */
    CU_ASSERT_EQUAL(nplot_savefig(fig, "plot_kinds_bar.svg"), ND_OK);
    remove("plot_kinds_bar.svg");
    nplot_figure_free(fig);
    nd_free(x);
    nd_free(y);
}

static void test_bars_on_a_log_axis_reach_the_bottom(void)
{
    double h[2] = { 10, 1000 };
    nplot_figure *fig = nplot_figure_new(.width = 4, .height = 4);
    nplot_axes *ax = bare_axes(fig, -0.5, 1.5, 1, 10000);
    nplot_set_yscale(ax, "log");
    CU_ASSERT_EQUAL(nplot_bar_xy(ax, NULL, h, 2, .color = "red"), ND_OK);
    img m = render(fig);
    CU_ASSERT_PTR_NOT_NULL_FATAL(m.px);
    /* a bar from 0 is clipped like matplotlib's nonpositive='clip': it fills to the bottom */
    CU_ASSERT(near(at_data(&m, ax, 0, 2), 255, 0, 0, 8));
    CU_ASSERT(near(at_data(&m, ax, 1, 500), 255, 0, 0, 8));
    CU_ASSERT(near(at_data(&m, ax, 0, 50), 255, 255, 255, 8));
    CU_ASSERT_EQUAL(nplot_figure_status(fig), ND_OK);
    free(m.px);
    nplot_figure_free(fig);
}

/* ---- hist ------------------------------------------------------------------------------------ */
static void test_hist_counts_match_histogram(void)
{
    double x[10] = { 0, 1, 2, 3, 4, 5, 6, 7, 8, NAN };
    nplot_figure *fig = nplot_figure_new();
    nplot_axes *ax = nplot_subplot(fig, 1, 1, 1);
    nd_array *c = NULL, *e = NULL;
    CU_ASSERT_EQUAL(nplot_hist_xy(ax, x, 10, .bins = 4, .counts_out = &c, .edges_out = &e), ND_OK);
    CU_ASSERT_PTR_NOT_NULL_FATAL(c);
    CU_ASSERT_EQUAL(nd_size(c), 4);
    CU_ASSERT_EQUAL(nd_size(e), 5);
    double cv[4], ev[5];
    nd_to_f64(c, cv);
    nd_to_f64(e, ev);
    /* numpy.histogram(range(9), 4): edges 0, 2, 4, 6, 8; the last bin is closed */
    CU_ASSERT_EQUAL(cv[0], 2);
    CU_ASSERT_EQUAL(cv[3], 3);
    CU_ASSERT_EQUAL(ev[0], 0);
    CU_ASSERT_EQUAL(ev[4], 8);
    double lo, hi;
    nplot_get_ylim(ax, &lo, &hi);
    CU_ASSERT_EQUAL(lo, 0.0);
    nd_free(c);
    nd_free(e);
    nplot_figure_free(fig);
}

static void test_hist_density_cumulative_weights(void)
{
    double x[6] = { 0.1, 0.2, 0.3, 1.5, 1.6, 2.9 }, w[6] = { 1, 1, 1, 1, 1, 5 };
    double edges[4] = { 0, 1, 2, 3 };
    nplot_figure *fig = nplot_figure_new();
    nplot_axes *ax = nplot_subplot(fig, 1, 1, 1);
    nd_array *c = NULL;
    double v[3];
    CU_ASSERT_EQUAL(nplot_hist_xy(ax, x, 6, .edges = NPLOT_F64_ARRAY(edges, 4), .density = true,
                                  .cumulative = 1, .counts_out = &c), ND_OK);
    nd_to_f64(c, v);
    ND_ASSERT_CLOSE(v[0], 0.5, 1e-12);
    ND_ASSERT_CLOSE(v[2], 1.0, 1e-12); /* cumulative density ends at 1 */
    nd_free(c);
    CU_ASSERT_EQUAL(nplot_hist_xy(ax, x, 6, .edges = NPLOT_F64_ARRAY(edges, 4), .cumulative = -1,
                                  .weights = NPLOT_F64_ARRAY(w, 6), .counts_out = &c,
                                  .histtype = "step"), ND_OK);
    nd_to_f64(c, v);
    CU_ASSERT_EQUAL(v[0], 10); /* reversed: everything at or right of bin 0 */
    CU_ASSERT_EQUAL(v[2], 5);
    nd_free(c);
    nd_array *xa = nd_from_f64(x, 6), *wa = nd_from_f64(w, 6);
    CU_ASSERT_EQUAL(nplot_hist(ax, xa, .bins = 3, .range = NPLOT_F64S(0, 3), .weights_arr = wa,
                               .counts_out = &c, .histtype = "stepfilled"), ND_OK);
    nd_to_f64(c, v);
    CU_ASSERT_EQUAL(v[1], 2);
    CU_ASSERT_EQUAL(v[2], 5);
    nd_free(c);
    nd_free(xa);
    nd_free(wa);
    CU_ASSERT_EQUAL(nplot_figure_draw(fig), ND_OK);
    nplot_figure_free(fig);
}

static void test_hist_bar_pixels(void)
{
    double x[7] = { 0.5, 1.5, 1.5, 2.5, 2.5, 2.5, 2.5 };
    double edges[4] = { 0, 1, 2, 3 };
    nplot_figure *fig = nplot_figure_new(.width = 4, .height = 4);
    nplot_axes *ax = bare_axes(fig, 0, 3, 0, 5);
    CU_ASSERT_EQUAL(nplot_hist_xy(ax, x, 7, .edges = NPLOT_F64_ARRAY(edges, 4), .color = "red"),
                    ND_OK);
    img m = render(fig);
    CU_ASSERT_PTR_NOT_NULL_FATAL(m.px);
    double unit = 400 * 0.9 / 5;
    for (int i = 0; i < 3; i++) {
        double cx, cy;
        nplot_data_to_pixel(ax, i + 0.5, 0, &cx, &cy);
        int want[3] = { 1, 2, 4 };
        CU_ASSERT(abs(run_in_column(&m, cx, 255, 0, 0) - (int)(want[i] * unit + 0.5)) <= 1);
    }
    /* rwidth 1: adjacent bins touch (no background between them) */
    CU_ASSERT(near(at_data(&m, ax, 1.0, 0.5), 255, 0, 0, 8));
    free(m.px);
    nplot_figure_free(fig);
}

static void test_hist_bad_input_and_empty(void)
{
    double x[3] = { 1, 2, 3 };
    nplot_figure *fig = nplot_figure_new();
    nplot_axes *ax = nplot_subplot(fig, 1, 1, 1);
    CU_ASSERT_EQUAL(nplot_hist_xy(ax, x, 3, .histtype = "barstacked!"), ND_EVALUE);
    nplot_figure_free(fig);
    fig = nplot_figure_new();
    ax = nplot_subplot(fig, 1, 1, 1);
    CU_ASSERT_EQUAL(nplot_hist_xy(ax, x, 3, .bins = -2), ND_EVALUE);
    nplot_figure_free(fig);
    fig = nplot_figure_new();
    ax = nplot_subplot(fig, 1, 1, 1);
    CU_ASSERT_EQUAL(nplot_hist_xy(ax, x, 3, .bins_rule = "magic"), ND_EVALUE);
    nplot_figure_free(fig);
    fig = nplot_figure_new();
    ax = nplot_subplot(fig, 1, 1, 1);
    nd_array *c = NULL;
    CU_ASSERT_EQUAL(nplot_hist_xy(ax, NULL, 0, .counts_out = &c), ND_OK);
    CU_ASSERT_EQUAL(nd_size(c), 10);
    nd_free(c);
    CU_ASSERT_EQUAL(nplot_hist_xy(ax, x, 3), ND_OK);
    CU_ASSERT_EQUAL(nplot_hist_xy(ax, x, 3, .orientation = "horizontal", .bins_rule = "auto"), ND_OK);
    CU_ASSERT_EQUAL(nplot_figure_draw(fig), ND_OK);
    nplot_figure_free(fig);
}

/* ---- imshow / colorbar ------------------------------------------------------------------------ */
static nplot_axes *full_axes(nplot_figure *fig)
{
    nplot_axes *ax = nplot_add_axes(fig, 0, 0, 1, 1);
    nplot_axis(ax, "off");
    return ax;
}

static void test_imshow_pixel_colors_and_origin(void)
{
    double z[4] = { 0, 1, 2, 3 }; /* [[0, 1], [2, 3]] */
    for (int lower = 0; lower < 2; lower++) {
        nplot_figure *fig = nplot_figure_new(.width = 2, .height = 2);
        nplot_axes *ax = full_axes(fig);
        CU_ASSERT_EQUAL(nplot_imshow_data(ax, z, 2, 2, .cmap = "gray",
                                          .origin = lower ? "lower" : "upper"), ND_OK);
        img m = render(fig);
        CU_ASSERT_PTR_NOT_NULL_FATAL(m.px);
        /* upper: row 0 (values 0, 1) on top; gray maps 0 to black and 3 to white */
        const unsigned char *tl = at(&m, 50, 50), *br = at(&m, 150, 150);
        const unsigned char *bl = at(&m, 50, 150), *tr = at(&m, 150, 50);
        CU_ASSERT(near(lower ? bl : tl, 0, 0, 0, 2));
        CU_ASSERT(near(lower ? tr : br, 255, 255, 255, 2));
        /* value 1 is a third of the way: gray level floor(1/3 * 256) */
        nplot_rgba c;
        nplot_cmap_color("gray", 1.0 / 3, &c);
        CU_ASSERT(near(at(&m, 150, lower ? 150 : 50), (int)(c.r * 255 + 0.5), (int)(c.g * 255 + 0.5),
                       (int)(c.b * 255 + 0.5), 2));
        double lo, hi;
        nplot_get_ylim(ax, &lo, &hi);
        CU_ASSERT_EQUAL(lo, lower ? -0.5 : 1.5); /* upper inverts y */
        CU_ASSERT_EQUAL(hi, lower ? 1.5 : -0.5);
        free(m.px);
        nplot_figure_free(fig);
    }
}

static void test_imshow_extent_vmin_vmax_nan(void)
{
    double z[4] = { -5, 0.5, NAN, 10 };
    nplot_figure *fig = nplot_figure_new(.width = 2, .height = 2);
    nplot_axes *ax = full_axes(fig);
    nplot_set_facecolor(ax, "red");
    nplot_axis(ax, "on");
    nplot_set_xticks(ax, NULL, 0);
    nplot_set_yticks(ax, NULL, 0);
    CU_ASSERT_EQUAL(nplot_imshow_data(ax, z, 2, 2, .cmap = "viridis", .vmin = 0, .vmax = 1,
                                      .extent = NPLOT_F64S(10, 20, 0, 5), .aspect = "auto",
                                      .interpolation = "nearest"), ND_OK);
    double lo, hi;
    nplot_get_xlim(ax, &lo, &hi);
    CU_ASSERT_EQUAL(lo, 10);
    CU_ASSERT_EQUAL(hi, 20);
    nplot_get_ylim(ax, &lo, &hi);
    CU_ASSERT_EQUAL(lo, 0);
    CU_ASSERT_EQUAL(hi, 5);
    img m = render(fig);
    CU_ASSERT_PTR_NOT_NULL_FATAL(m.px);
    nplot_rgba c0, c1, cm;
    nplot_cmap_color("viridis", 0, &c0);
    nplot_cmap_color("viridis", 1, &c1);
    nplot_cmap_color("viridis", 0.5, &cm);
#define RGB(c) (int)((c).r * 255 + 0.5), (int)((c).g * 255 + 0.5), (int)((c).b * 255 + 0.5)
    CU_ASSERT(near(at_data(&m, ax, 12.5, 3.75), RGB(c0), 2)); /* -5 clips to vmin */
    CU_ASSERT(near(at_data(&m, ax, 17.5, 3.75), RGB(cm), 2));
    CU_ASSERT(near(at_data(&m, ax, 17.5, 1.25), RGB(c1), 2)); /* 10 clips to vmax */
    CU_ASSERT(near(at_data(&m, ax, 12.5, 1.25), 255, 0, 0, 2)); /* NaN: transparent */
    free(m.px);
    nplot_figure_free(fig);
}

static void test_imshow_rgb_uint8_and_svg(void)
{
    unsigned char px[2 * 2 * 3] = { 255, 0, 0, 0, 255, 0, 0, 0, 255, 255, 255, 0 };
    nd_array *a = nd_from_buffer(px, 3, (ptrdiff_t[]){ 2, 2, 3 }, ND_UINT8);
    nplot_figure *fig = nplot_figure_new(.width = 2, .height = 2);
    nplot_axes *ax = full_axes(fig);
    CU_ASSERT_EQUAL(nplot_imshow(ax, a), ND_OK);
    img m = render(fig);
    CU_ASSERT_PTR_NOT_NULL_FATAL(m.px);
    CU_ASSERT(near(at(&m, 50, 50), 255, 0, 0, 2));
    CU_ASSERT(near(at(&m, 150, 50), 0, 255, 0, 2));
    CU_ASSERT(near(at(&m, 50, 150), 0, 0, 255, 2));
    CU_ASSERT(near(at(&m, 150, 150), 255, 255, 0, 2));
    free(m.px);
    CU_ASSERT_EQUAL(nplot_savefig(fig, "plot_kinds_img.svg"), ND_OK);
    char *svg = read_file("plot_kinds_img.svg", NULL);
    CU_ASSERT_PTR_NOT_NULL_FATAL(svg);
    CU_ASSERT_EQUAL(count_substr(svg, "<image"), 1);
    free(svg);
    remove("plot_kinds_img.svg");
    CU_ASSERT_EQUAL(nplot_savefig(fig, "plot_kinds_img.pdf"), ND_OK);
    remove("plot_kinds_img.pdf");
    nplot_figure_free(fig);
    nd_free(a);
}

static void test_imshow_minified_checkerboard_averages_to_gray(void)
{
    enum { S = 400 };
    static double z[S * S];
    for (int i = 0; i < S; i++)
        for (int j = 0; j < S; j++) z[i * S + j] = (i + j) % 2;
    nplot_figure *fig = nplot_figure_new(.width = 1, .height = 1); /* 100 x 100 pixels */
    nplot_axes *ax = full_axes(fig);
    CU_ASSERT_EQUAL(nplot_imshow_data(ax, z, S, S, .cmap = "gray"), ND_OK);
    img m = render(fig);
    CU_ASSERT_PTR_NOT_NULL_FATAL(m.px);
    /* 'antialiased' minification averages: mid-gray everywhere, no aliasing pattern */
    int bad = 0;
    for (int y = 5; y < 95; y += 7)
        for (int x = 5; x < 95; x += 7) bad += !near(at(&m, x, y), 128, 128, 128, 6);
    CU_ASSERT_EQUAL(bad, 0);
    free(m.px);
    nplot_figure_free(fig);
}

static void test_imshow_bad_input(void)
{
    double z[4] = { 0, 1, 2, 3 };
    nplot_figure *fig = nplot_figure_new();
    nplot_axes *ax = nplot_subplot(fig, 1, 1, 1);
    CU_ASSERT_EQUAL(nplot_imshow_data(ax, z, 2, 2, .cmap = "no_such_map"), ND_EVALUE);
    CU_ASSERT_PTR_NOT_NULL(strstr(nd_errmsg(), "no_such_map"));
    nplot_figure_free(fig);
    fig = nplot_figure_new();
    ax = nplot_subplot(fig, 1, 1, 1);
    CU_ASSERT_EQUAL(nplot_imshow_data(ax, z, 0, 2), ND_ESHAPE);
    nplot_figure_free(fig);
    fig = nplot_figure_new();
    ax = nplot_subplot(fig, 1, 1, 1);
    nd_array *bad = nd_zeros(ND_SHAPE(2, 2, 2), ND_FLOAT64);
    CU_ASSERT_EQUAL(nplot_imshow(ax, bad), ND_ESHAPE);
    nplot_figure_free(fig);
    fig = nplot_figure_new();
    ax = nplot_subplot(fig, 1, 1, 1);
    CU_ASSERT_EQUAL(nplot_imshow_data(ax, z, 2, 2, .origin = "middle"), ND_EVALUE);
    nplot_figure_free(fig);
    fig = nplot_figure_new();
    ax = nplot_subplot(fig, 1, 1, 1);
    CU_ASSERT_PTR_NULL(nplot_colorbar(ax)); /* nothing color-mapped */
    CU_ASSERT_EQUAL(nd_last_error(), ND_EVALUE);
    nplot_figure_free(fig);
    nd_free(bad);
}

static void test_colorbar_ends_and_parent_shrinks(void)
{
    double z[4] = { 0, 1, 2, 3 };
    nplot_figure *fig = nplot_figure_new();
    nplot_axes *ax = nplot_subplot(fig, 1, 1, 1);
    nplot_imshow_data(ax, z, 2, 2, .aspect = "auto");
    nplot_figure_draw(fig);
    double x0, y0, x1, y1;
    nplot_axes_pixel_box(ax, &x0, &y0, &x1, &y1);
    double full_w = x1 - x0;
    nplot_axes *cax = nplot_colorbar(ax, .label = "level");
    CU_ASSERT_PTR_NOT_NULL_FATAL(cax);
    img m = render(fig);
    CU_ASSERT_PTR_NOT_NULL_FATAL(m.px);
    nplot_axes_pixel_box(ax, &x0, &y0, &x1, &y1);
    ND_ASSERT_CLOSE(x1 - x0, full_w * 0.8, 0.01); /* 1 - fraction - pad */
    double c0, r0, c1, r1;
    nplot_axes_pixel_box(cax, &c0, &r0, &c1, &r1);
    CU_ASSERT(c0 >= x1 + full_w * 0.04);
    ND_ASSERT_CLOSE((r1 - r0) / (c1 - c0), 20, 0.06); /* aspect 20 */
    nplot_rgba lo, hi;
    nplot_cmap_color("viridis", 0, &lo);
    nplot_cmap_color("viridis", 1, &hi);
    double cx = (c0 + c1) / 2;
    CU_ASSERT(near(at(&m, cx, r1 - 2), RGB(lo), 2)); /* bottom: vmin */
    CU_ASSERT(near(at(&m, cx, r0 + 2), RGB(hi), 2)); /* top: vmax */
    /* ticks from the locator, inside [vmin, vmax] */
    double t[16];
    int n = nplot_get_yticks(cax, t, 16);
    CU_ASSERT(n >= 3);
    for (int i = 0; i < n && i < 16; i++) CU_ASSERT(t[i] >= 0 && t[i] <= 3);
    CU_ASSERT_EQUAL(nplot_get_xticks(cax, t, 16), 0);
    free(m.px);
    /* horizontal, and with tight_layout */
    nplot_axes *ax2 = nplot_add_axes(fig, 0.1, 0.1, 0.3, 0.3);
    nplot_imshow_data(ax2, z, 2, 2, .cmap = "plasma");
    CU_ASSERT_PTR_NOT_NULL(nplot_colorbar(ax2, .orientation = "horizontal", .shrink = 0.5));
    CU_ASSERT_PTR_NULL(nplot_colorbar(ax2, .orientation = "diagonal"));
    nplot_figure_free(fig);
    fig = nplot_figure_new();
    ax = nplot_subplot(fig, 1, 1, 1);
    nplot_imshow_data(ax, z, 2, 2);
    CU_ASSERT_PTR_NOT_NULL(nplot_colorbar(ax));
    nplot_tight_layout(fig);
    CU_ASSERT_EQUAL(nplot_figure_draw(fig), ND_OK);
    nplot_figure_free(fig);
}

static void test_matshow_ticks_on_top(void)
{
    double z[6] = { 1, 2, 3, 4, 5, 6 };
    nd_array *a = nd_from_buffer(z, 2, (ptrdiff_t[]){ 2, 3 }, ND_FLOAT64);
    nplot_figure *fig = nplot_figure_new();
    nplot_axes *ax = nplot_subplot(fig, 1, 1, 1);
    CU_ASSERT_EQUAL(nplot_matshow(ax, a), ND_OK);
    CU_ASSERT_EQUAL(nplot_figure_draw(fig), ND_OK);
    double x0, y0, x1, y1;
    nplot_axes_pixel_box(ax, &x0, &y0, &x1, &y1);
    ND_ASSERT_CLOSE((x1 - x0) / (y1 - y0), 1.5, 0.01); /* square pixels */
    nplot_figure_free(fig);
    nd_free(a);
}


static const ND_TEST tests[] = {
    ND_T(test_bar_heights_proportional_in_pixels),
    ND_T(test_bar_no_kwargs_and_sticky_bottom),
    ND_T(test_bar_negative_heights_stick_at_top),
    ND_T(test_bar_categorical_axis),
    ND_T(test_barh_widths_and_per_bar_colors),
    ND_T(test_bar_edge_align_bottoms_and_nan),
    ND_T(test_bar_bad_input),
    ND_T(test_bars_on_a_log_axis_reach_the_bottom),
    ND_T(test_hist_counts_match_histogram),
    ND_T(test_hist_density_cumulative_weights),
    ND_T(test_hist_bar_pixels),
    ND_T(test_hist_bad_input_and_empty),
    ND_T(test_imshow_pixel_colors_and_origin),
    ND_T(test_imshow_extent_vmin_vmax_nan),
    ND_T(test_imshow_rgb_uint8_and_svg),
    ND_T(test_imshow_minified_checkerboard_averages_to_gray),
    ND_T(test_imshow_bad_input),
    ND_T(test_colorbar_ends_and_parent_shrinks),
    ND_T(test_matshow_ticks_on_top),
    { 0 },
};

ND_TEST_MAIN("plot_kinds", tests)
