/* Artists changed after the fact (matplotlib's set_data / set_color / set_visible /
 * set_linewidth / set_alpha / set_zorder / set_label / set_text, Artist.remove, Axes.relim,
 * Axes.cla, Figure.delaxes): handles, the pixels they change, the limits relim computes
 * (matplotlib's numbers: the 5 % margins of the new data), stale handles and bad input. */
#define PLOT_UPDATE_NO_MAIN
#include "../examples/plot_update.c"

#include <numc/plot.h>
#include <math.h>
#include <stdio.h>
#include <string.h>

#include "plot_image.h"
#include "testutil.h"

#define RED 255, 0, 0
#define BLUE 0, 0, 255

/* A 200 x 200 px figure with one bare axes over [0, 10] x [0, 10] and a thick horizontal red
 * line at y = 3 (artist 0), a blue one at y = 7 (artist 1). */
static nplot_figure *two_lines(nplot_axes **ax)
{
    nplot_figure *fig = nplot_figure_new(.width = 2, .height = 2, .dpi = 100);
    *ax = bare_axes(fig, 0, 10, 0, 10);
    double x[2] = { 0, 10 }, y0[2] = { 3, 3 }, y1[2] = { 7, 7 };
    nplot_plot_xy(*ax, x, y0, 2, .color = "red", .linewidth = 6);
    nplot_plot_xy(*ax, x, y1, 2, .color = "blue", .linewidth = 6);
    return fig;
}

static void test_count_get_kind(void)
{
    nplot_axes *ax;
    nplot_figure *fig = two_lines(&ax);
    double x[3] = { 1, 2, 3 };
    nplot_scatter_xy(ax, x, x, 3);
    nplot_text(ax, 5, 5, "hi");
    CU_ASSERT_EQUAL(nplot_artist_count(ax), 4);
    CU_ASSERT_STRING_EQUAL(nplot_artist_kind(nplot_get_artist(ax, 0)), "line");
    CU_ASSERT_STRING_EQUAL(nplot_artist_kind(nplot_get_artist(ax, 2)), "scatter");
    CU_ASSERT_STRING_EQUAL(nplot_artist_kind(nplot_get_artist(ax, -1)), "text");
    CU_ASSERT_PTR_EQUAL(nplot_get_artist(ax, -4), nplot_get_artist(ax, 0));
    CU_ASSERT_PTR_EQUAL(nplot_artist_axes(nplot_get_artist(ax, 1)), ax);
    CU_ASSERT_PTR_NULL(nplot_get_artist(ax, 4));
    CU_ASSERT_EQUAL(nd_last_error(), ND_EINDEX);
    CU_ASSERT_PTR_NULL(nplot_get_artist(ax, -5));
    CU_ASSERT_EQUAL(nplot_artist_count(NULL), -1);
    CU_ASSERT_PTR_NULL(nplot_artist_kind(NULL));
    nplot_figure_free(fig);
}

static void test_visible_color_width_zorder(void)
{
    nplot_axes *ax;
    nplot_figure *fig = two_lines(&ax);
    nplot_artist *red = nplot_get_artist(ax, 0), *blue = nplot_get_artist(ax, 1);
    img m = render(fig);
    CU_ASSERT_TRUE(near(at_data(&m, ax, 5, 3), RED, 30));
    free(m.px);
    CU_ASSERT_EQUAL(nplot_artist_set_visible(red, false), ND_OK);
    CU_ASSERT_FALSE(nplot_artist_get_visible(red));
    m = render(fig);
    CU_ASSERT_TRUE(near(at_data(&m, ax, 5, 3), 255, 255, 255, 10));
    CU_ASSERT_TRUE(near(at_data(&m, ax, 5, 7), BLUE, 30));
    free(m.px);
    nplot_artist_set_visible(red, true);
    CU_ASSERT_EQUAL(nplot_artist_set_color(red, "green"), ND_OK);
    m = render(fig);
    CU_ASSERT_TRUE(near(at_data(&m, ax, 5, 3), 0, 128, 0, 30));
    free(m.px);
    /* 6 pt = 8.3 px thick; at 30 pt (41.7 px) the line covers y = 3 +- 1.16 (18 px a unit) */
    m = render(fig);
    CU_ASSERT_TRUE(near(at_data(&m, ax, 5, 3.9), 255, 255, 255, 10));
    free(m.px);
    CU_ASSERT_EQUAL(nplot_artist_set_linewidth(red, 30), ND_OK);
    m = render(fig);
    CU_ASSERT_TRUE(near(at_data(&m, ax, 5, 3.9), 0, 128, 0, 30));
    free(m.px);
    /* the thick green line now overlaps y = 5 with a moved blue one: zorder decides */
    double x[2] = { 0, 10 }, y[2] = { 3.9, 3.9 };
    nplot_artist_set_data(blue, x, y, 2);
    m = render(fig);
    CU_ASSERT_TRUE(near(at_data(&m, ax, 5, 3.9), BLUE, 30)); /* added later: on top */
    free(m.px);
    CU_ASSERT_EQUAL(nplot_artist_set_zorder(red, 3), ND_OK);
    m = render(fig);
    CU_ASSERT_TRUE(near(at_data(&m, ax, 5, 3.9), 0, 128, 0, 30));
    free(m.px);
    /* alpha 0.5 over white: half green */
    CU_ASSERT_EQUAL(nplot_artist_set_alpha(red, 0.5), ND_OK);
    m = render(fig);
    CU_ASSERT_TRUE(near(at_data(&m, ax, 5, 2), 128, 191, 128, 6));
    free(m.px);
    nplot_figure_free(fig);
}

static void test_set_data_and_relim(void)
{
    nplot_figure *fig = nplot_figure_new(.width = 4, .height = 3);
    nplot_axes *ax = nplot_subplot(fig, 1, 1, 1);
    double x[11], y[11];
    for (int i = 0; i <= 10; i++) x[i] = i, y[i] = i * i;
    nplot_plot_xy(ax, x, y, 11);
    nplot_artist *l = nplot_get_artist(ax, -1);
    double lo, hi;
    nplot_get_xlim(ax, &lo, &hi);
    CU_ASSERT_DOUBLE_EQUAL(lo, -0.5, 1e-12);
    CU_ASSERT_DOUBLE_EQUAL(hi, 10.5, 1e-12);
    double nx[3] = { 0, 50, 100 };
    CU_ASSERT_EQUAL(nplot_artist_set_data(l, nx, NULL, 3), ND_ESHAPE); /* keeps y of 11 */
    nd_clear_error();
    nplot_figure *fig2 = nplot_figure_new();
    nplot_axes *ax2 = nplot_subplot(fig2, 1, 1, 1);
    nplot_plot_xy(ax2, x, y, 11);
    double ny[3] = { 1, 2, 3 };
    CU_ASSERT_EQUAL(nplot_artist_set_data(nplot_get_artist(ax2, 0), nx, ny, 3), ND_OK);
    /* matplotlib: set_data alone keeps the limits; relim + autoscale_view follows the data */
    nplot_get_xlim(ax2, &lo, &hi);
    CU_ASSERT_DOUBLE_EQUAL(lo, -0.5, 1e-12);
    CU_ASSERT_DOUBLE_EQUAL(hi, 10.5, 1e-12);
    CU_ASSERT_EQUAL(nplot_relim(ax2), ND_OK);
    nplot_get_xlim(ax2, &lo, &hi);
    CU_ASSERT_DOUBLE_EQUAL(lo, -5, 1e-12);
    CU_ASSERT_DOUBLE_EQUAL(hi, 105, 1e-12);
    nplot_get_ylim(ax2, &lo, &hi);
    CU_ASSERT_DOUBLE_EQUAL(lo, 0.9, 1e-12);
    CU_ASSERT_DOUBLE_EQUAL(hi, 3.1, 1e-12);
    /* y only (same count) */
    double y3[3] = { 10, 20, 30 };
    CU_ASSERT_EQUAL(nplot_artist_set_data(nplot_get_artist(ax2, 0), NULL, y3, 3), ND_OK);
    nplot_relim(ax2);
    nplot_get_ylim(ax2, &lo, &hi);
    CU_ASSERT_DOUBLE_EQUAL(lo, 9, 1e-12);
    CU_ASSERT_DOUBLE_EQUAL(hi, 31, 1e-12);
    nplot_figure_free(fig2);
    nplot_figure_free(fig);
}

static void test_scatter_offsets_and_text(void)
{
    nplot_figure *fig = nplot_figure_new(.width = 2, .height = 2, .dpi = 100);
    nplot_axes *ax = bare_axes(fig, 0, 10, 0, 10);
    double x[1] = { 2 }, y[1] = { 2 };
    nplot_scatter_xy(ax, x, y, 1, .s = 400, .color = "red");
    nplot_artist *sc = nplot_get_artist(ax, -1);
    double nx[2] = { 8, 5 }, ny[2] = { 8, 5 };
    CU_ASSERT_EQUAL(nplot_artist_set_data(sc, nx, ny, 2), ND_OK);
    img m = render(fig);
    CU_ASSERT_TRUE(near(at_data(&m, ax, 2, 2), 255, 255, 255, 10));
    CU_ASSERT_TRUE(near(at_data(&m, ax, 8, 8), RED, 30));
    CU_ASSERT_TRUE(near(at_data(&m, ax, 5, 5), RED, 30));
    free(m.px);
    nplot_text(ax, 1, 1, "a");
    nplot_artist *t = nplot_get_artist(ax, -1);
    CU_ASSERT_EQUAL(nplot_artist_set_text(t, "changed"), ND_OK);
    CU_ASSERT_EQUAL(nplot_artist_set_text(sc, "x"), ND_EVALUE); /* a scatter has no text */
    nplot_figure_free(fig);
}

static void test_remove(void)
{
    nplot_axes *ax;
    nplot_figure *fig = two_lines(&ax);
    nplot_artist *red = nplot_get_artist(ax, 0), *blue = nplot_get_artist(ax, 1);
    CU_ASSERT_EQUAL(nplot_artist_remove(red), ND_OK);
    CU_ASSERT_EQUAL(nplot_artist_count(ax), 1);
    CU_ASSERT_PTR_EQUAL(nplot_get_artist(ax, 0), blue);
    CU_ASSERT_PTR_NULL(nplot_artist_axes(red));
    CU_ASSERT_FALSE(nplot_artist_get_visible(red));
    img m = render(fig);
    CU_ASSERT_PTR_NOT_NULL_FATAL(m.px);
    CU_ASSERT_TRUE(near(at_data(&m, ax, 5, 3), 255, 255, 255, 10));
    CU_ASSERT_TRUE(near(at_data(&m, ax, 5, 7), BLUE, 30));
    free(m.px);
    /* a stale handle is an error naming what happened; the figure stays usable */
    CU_ASSERT_EQUAL(nplot_artist_set_color(red, "black"), ND_EVALUE);
    CU_ASSERT_PTR_NOT_NULL(strstr(nd_errmsg(), "was removed"));
    CU_ASSERT_EQUAL(nplot_artist_remove(red), ND_EVALUE);
    CU_ASSERT_EQUAL(nplot_artist_set_color(blue, "black"), ND_OK);
    /* the last artist removed: new ones append after the remaining list */
    CU_ASSERT_EQUAL(nplot_artist_remove(blue), ND_OK);
    CU_ASSERT_EQUAL(nplot_artist_count(ax), 0);
    double x[2] = { 0, 10 }, y[2] = { 5, 5 };
    nplot_plot_xy(ax, x, y, 2, .color = "red", .linewidth = 6);
    CU_ASSERT_EQUAL(nplot_artist_count(ax), 1);
    m = render(fig);
    CU_ASSERT_TRUE(near(at_data(&m, ax, 5, 5), RED, 30));
    free(m.px);
    nplot_figure_free(fig);
}

/* legend(handles=[0, 2]) keeps pointing at the same lines after line 1 is removed, and an
 * entry whose line was removed is left out. */
static void test_remove_keeps_legend_entries(void)
{
    nplot_figure *fig = nplot_figure_new(.width = 3, .height = 3, .dpi = 100);
    nplot_axes *ax = bare_axes(fig, 0, 10, 0, 10);
    double x[2] = { 0, 1 }, y[2] = { 0, 0 };
    const char *colors[3] = { "red", "green", "blue" };
    for (int i = 0; i < 3; i++) nplot_plot_xy(ax, x, y, 2, .color = colors[i], .linewidth = 8);
    nplot_legend(ax, .handles = NPLOT_INTS(0, 2), .labels = NPLOT_STRS("r", "b"), .loc = "center");
    nplot_artist_remove(nplot_get_artist(ax, 1));
    img m = render(fig);
    CU_ASSERT_PTR_NOT_NULL_FATAL(m.px);
    int red = 0, green = 0, blue = 0;
    for (int py = 0; py < m.h; py++)
        for (int px = m.w / 3; px < 2 * m.w / 3; px++) {
            const unsigned char *p = at(&m, px, py);
            red += near(p, RED, 40);
            green += near(p, 0, 128, 0, 40);
            blue += near(p, BLUE, 40);
        }
    CU_ASSERT_TRUE(red > 20);
    CU_ASSERT_TRUE(blue > 20);
    CU_ASSERT_EQUAL(green, 0);
    free(m.px);
    /* removing the red line drops its entry; the blue one stays */
    nplot_artist_remove(nplot_get_artist(ax, 0));
    m = render(fig);
    red = blue = 0;
    for (int py = 0; py < m.h; py++)
        for (int px = m.w / 3; px < 2 * m.w / 3; px++) {
            red += near(at(&m, px, py), RED, 40);
            blue += near(at(&m, px, py), BLUE, 40);
        }
    CU_ASSERT_EQUAL(red, 0);
    CU_ASSERT_TRUE(blue > 20);
    free(m.px);
    nplot_figure_free(fig);
}

static void test_cla(void)
{
    nplot_figure *fig = nplot_figure_new();
    nplot_axes *ax = nplot_subplot(fig, 1, 1, 1);
    double x[3] = { 1, 2, 3 }, y[3] = { 10, 20, 30 };
    nplot_plot_xy(ax, x, y, 3, .label = "a");
    nplot_artist *l = nplot_get_artist(ax, 0);
    nplot_set_title(ax, "title");
    nplot_set_xlim(ax, 5, 6);
    nplot_set_yscale(ax, "log");
    nplot_legend(ax);
    CU_ASSERT_EQUAL(nplot_cla(ax), ND_OK);
    CU_ASSERT_EQUAL(nplot_artist_count(ax), 0);
    CU_ASSERT_EQUAL(nplot_artist_set_color(l, "red"), ND_EVALUE);
    double lo, hi;
    nplot_get_xlim(ax, &lo, &hi); /* matplotlib: (0, 1) for an empty axes */
    CU_ASSERT_DOUBLE_EQUAL(lo, 0, 1e-12);
    CU_ASSERT_DOUBLE_EQUAL(hi, 1, 1e-12);
    /* the colour cycle restarts and the scale is linear again: limits of the new data */
    double y2[3] = { -1, 0, 1 };
    nplot_plot_xy(ax, x, y2, 3);
    nplot_get_ylim(ax, &lo, &hi);
    CU_ASSERT_DOUBLE_EQUAL(lo, -1.1, 1e-12);
    CU_ASSERT_DOUBLE_EQUAL(hi, 1.1, 1e-12);
    CU_ASSERT_EQUAL(nplot_figure_draw(fig), ND_OK);
    /* a colorbar axes is cleared with its parent */
    nplot_figure_free(fig);
    CU_ASSERT_EQUAL(nplot_cla(NULL), ND_EVALUE);
}

static void test_cla_polar_and_twin(void)
{
    nplot_figure *fig = nplot_figure_new();
    nplot_axes *ax = nplot_subplot(fig, 1, 2, 1);
    nplot_set_projection(ax, "polar");
    double t[3] = { 0, 1, 2 }, r[3] = { 1, 2, 3 };
    nplot_plot_xy(ax, t, r, 3);
    CU_ASSERT_EQUAL(nplot_cla(ax), ND_OK);
    nplot_plot_xy(ax, t, r, 3); /* still polar: theta spans the full circle */
    double lo, hi;
    nplot_get_xlim(ax, &lo, &hi);
    CU_ASSERT_DOUBLE_EQUAL(lo, 0, 1e-12);
    CU_ASSERT_DOUBLE_EQUAL(hi, 2 * 3.14159265358979323846, 1e-12);
    nplot_axes *b = nplot_subplot(fig, 1, 2, 2);
    nplot_axes *tw = nplot_twinx(b);
    nplot_plot_xy(tw, t, r, 3);
    CU_ASSERT_EQUAL(nplot_cla(tw), ND_OK);
    CU_ASSERT_EQUAL(nplot_figure_draw(fig), ND_OK);
    nplot_figure_free(fig);
}

static void test_delaxes(void)
{
    nplot_figure *fig = nplot_figure_new(.width = 4, .height = 2, .dpi = 100);
    nplot_axes *a = nplot_subplot(fig, 1, 2, 1), *b = nplot_subplot(fig, 1, 2, 2);
    nplot_set_facecolor(a, "red");
    nplot_set_facecolor(b, "blue");
    img m = render(fig);
    CU_ASSERT_TRUE(near(at(&m, 300, 100), BLUE, 10));
    free(m.px);
    CU_ASSERT_EQUAL(nplot_fig_delaxes(fig, b), ND_OK);
    m = render(fig);
    CU_ASSERT_TRUE(near(at(&m, 300, 100), 255, 255, 255, 10));
    CU_ASSERT_TRUE(near(at(&m, 100, 100), RED, 10));
    free(m.px);
    /* twice, or an axes of another figure: not in this figure */
    CU_ASSERT_EQUAL(nplot_fig_delaxes(fig, b), ND_EVALUE);
    nplot_figure *other = nplot_figure_new();
    nplot_axes *c = nplot_subplot(other, 1, 1, 1);
    nplot_axes *tw = nplot_twinx(c);
    CU_ASSERT_EQUAL(nplot_fig_delaxes(other, c), ND_EVALUE);
    CU_ASSERT_PTR_NOT_NULL(strstr(nd_errmsg(), "twin"));
    nplot_figure_free(other);
    other = nplot_figure_new();
    c = nplot_subplot(other, 1, 1, 1);
    tw = nplot_twinx(c);
    CU_ASSERT_EQUAL(nplot_fig_delaxes(other, tw), ND_OK);
    CU_ASSERT_EQUAL(nplot_fig_delaxes(other, c), ND_OK);
    CU_ASSERT_EQUAL(nplot_figure_draw(other), ND_OK);
    nplot_figure_free(other);
    nplot_figure_free(fig);
}

static void test_bad_input(void)
{
    nplot_axes *ax;
    nplot_figure *fig = two_lines(&ax);
    nplot_artist *l = nplot_get_artist(ax, 0);
    CU_ASSERT_EQUAL(nplot_artist_set_color(NULL, "red"), ND_EVALUE);
    CU_ASSERT_EQUAL(nplot_artist_set_visible(NULL, true), ND_EVALUE);
    CU_ASSERT_EQUAL(nplot_artist_remove(NULL), ND_EVALUE);
    CU_ASSERT_EQUAL(nplot_artist_set_alpha(l, 1.5), ND_EVALUE);
    nplot_figure_free(fig);
    fig = two_lines(&ax);
    l = nplot_get_artist(ax, 0);
    CU_ASSERT_EQUAL(nplot_artist_set_color(l, "notacolour"), ND_EVALUE);
    nplot_figure_free(fig);
    fig = two_lines(&ax);
    l = nplot_get_artist(ax, 0);
    CU_ASSERT_EQUAL(nplot_artist_set_linewidth(l, -1), ND_EVALUE);
    nplot_figure_free(fig);
    fig = two_lines(&ax);
    double z[4] = { 0, 1, 2, 3 };
    nplot_imshow_data(ax, z, 2, 2);
    CU_ASSERT_EQUAL(nplot_artist_set_color(nplot_get_artist(ax, -1), "red"), ND_EVALUE);
    nplot_figure_free(fig);
    fig = two_lines(&ax);
    nplot_imshow_data(ax, z, 2, 2);
    CU_ASSERT_EQUAL(nplot_artist_set_data(nplot_get_artist(ax, -1), z, z, 2), ND_EVALUE);
    nplot_figure_free(fig);
}

/* examples/plot_update.c next to matplotlib's rendering of the same calls (reviewed): the
 * hidden line keeps its legend label without a sample, as matplotlib's handle copies the
 * artist's visibility. */
static void test_golden_update(void)
{
    nplot_figure *fig = update_figure();
    CU_ASSERT_PTR_NOT_NULL_FATAL(fig);
    char out[1024];
    bool regen = golden_output(out, sizeof out, NUMC_TEST_DATA "/plot", ".", "plot_update");
    CU_ASSERT_EQUAL(nplot_savefig(fig, out), ND_OK);
    nplot_figure_free(fig);
    if (regen) return;
    double rms = image_rms(NUMC_TEST_DATA "/plot/plot_update.png", out);
    if (!(rms >= 0 && rms <= 2.0)) fprintf(stderr, "golden plot_update: RMS %g\n", rms);
    CU_ASSERT(rms >= 0 && rms <= 2.0);
}

static const ND_TEST tests[] = {
    ND_T(test_count_get_kind), ND_T(test_visible_color_width_zorder),
    ND_T(test_set_data_and_relim), ND_T(test_scatter_offsets_and_text), ND_T(test_remove),
    ND_T(test_remove_keeps_legend_entries), ND_T(test_cla), ND_T(test_cla_polar_and_twin),
    ND_T(test_delaxes), ND_T(test_bad_input), ND_T(test_golden_update), { 0 },
};
ND_TEST_MAIN("plot_artist_edit", tests)
