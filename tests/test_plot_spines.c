/* Spines: set_position ('zero', 'center', 'outward', 'axes', 'data') with the ticks
 * following, set_color / set_linewidth / set_bounds by their pixels; ax.axis() modes'
 * limits and boxes against matplotlib 3.6 (values from the snippet in
 * scripts/mpl_spines_reference.py's docstring neighbour below); set_axisbelow and the
 * default grid order (over bars, under lines); bad input; the golden of
 * examples/spines_axis.c against scripts/mpl_spines_reference.py. */
#define SPINES_NO_MAIN
#include "../examples/spines_axis.c"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "plot_image.h"
#include "testutil.h"

#define GOLDEN NUMC_TEST_DATA "/plot"

/* a dark pixel (a spine or tick in black) */
static bool dark(const unsigned char *p) { return p[0] < 100 && p[1] < 100 && p[2] < 100; }
static bool white(const unsigned char *p) { return p[0] > 245 && p[1] > 245 && p[2] > 245; }

/* an axes over x -2..8, y -1..3 with ticks, 400x300 pixels */
static nplot_axes *crossing_axes(nplot_figure **fig)
{
    *fig = nplot_figure_new(.width = 4, .height = 3, .dpi = 100);
    nplot_axes *ax = nplot_add_axes(*fig, 0.1, 0.1, 0.8, 0.8);
    nplot_set_xlim(ax, -2, 8);
    nplot_set_ylim(ax, -1, 3);
    return ax;
}

static void test_position_zero_moves_spines_and_ticks(void)
{
    nplot_figure *fig;
    nplot_axes *ax = crossing_axes(&fig);
    CU_ASSERT_EQUAL(nplot_spines_set_position(ax, "left,bottom", "zero", 0), ND_OK);
    CU_ASSERT_EQUAL(nplot_spines_set_visible(ax, "right,top", false), ND_OK);
    img m = render(fig);
    CU_ASSERT_PTR_NOT_NULL_FATAL(m.px);
    double x0, y0, x1, y1, zx, zy;
    nplot_axes_pixel_box(ax, &x0, &y0, &x1, &y1);
    nplot_data_to_pixel(ax, 0, 0, &zx, &zy);
    CU_ASSERT(zx > x0 + 50 && zy < y1 - 50);
    /* the left spine runs along x = 0, the bottom one along y = 0 */
    CU_ASSERT(dark(at(&m, zx, (y0 + zy) / 2)));
    CU_ASSERT(dark(at(&m, (zx + x1) / 2, zy)));
    /* nothing on the old edges (away from tick marks), nor on the hidden right/top */
    CU_ASSERT(white(at(&m, x0, (y0 + y1) / 2 + 7)));
    CU_ASSERT(white(at(&m, x0 + 7, y1 + 0.5)));
    CU_ASSERT(white(at(&m, x1, (y0 + y1) / 2 + 7)));
    /* the x tick at 4 hangs below the moved bottom spine (3.5 points = 4.9 px long) */
    double tx, ty;
    nplot_data_to_pixel(ax, 4, 0, &tx, &ty);
    CU_ASSERT(dark(at(&m, tx, zy + 2.5)));
    CU_ASSERT(white(at(&m, tx, y1 + 2.5)));
    /* the y tick at 2 sticks out left of the moved left spine */
    nplot_data_to_pixel(ax, 0, 2, &tx, &ty);
    CU_ASSERT(dark(at(&m, zx - 2.5, ty)));
    CU_ASSERT(white(at(&m, x0 - 2.5, ty)));
    free(m.px);
    nplot_figure_free(fig);
}

static void test_position_kinds(void)
{
    nplot_figure *fig;
    nplot_axes *ax = crossing_axes(&fig);
    /* center = axes 0.5; outward 20 points; data 6; axes 0.25 */
    CU_ASSERT_EQUAL(nplot_spines_set_position(ax, "left", "center", 0), ND_OK);
    CU_ASSERT_EQUAL(nplot_spines_set_position(ax, "bottom", "outward", 20), ND_OK);
    CU_ASSERT_EQUAL(nplot_spines_set_position(ax, "right", "data", 6), ND_OK);
    CU_ASSERT_EQUAL(nplot_spines_set_position(ax, "top", "axes", 0.25), ND_OK);
    nplot_set_xticks(ax, NULL, 0);
    nplot_set_yticks(ax, NULL, 0);
    img m = render(fig);
    CU_ASSERT_PTR_NOT_NULL_FATAL(m.px);
    double x0, y0, x1, y1, sx, sy;
    nplot_axes_pixel_box(ax, &x0, &y0, &x1, &y1);
    double cx = (x0 + x1) / 2;
    CU_ASSERT(dark(at(&m, cx, y0 + 10)));            /* left spine at the middle */
    CU_ASSERT(white(at(&m, x0, y0 + 10)));
    CU_ASSERT(dark(at(&m, x0 + 30, y1 + 20 * 100 / 72.0))); /* 20 points below */
    CU_ASSERT(white(at(&m, x0 + 30, y1 - 0.5)));
    nplot_data_to_pixel(ax, 6, 0, &sx, &sy);
    CU_ASSERT(dark(at(&m, sx, y0 + 10)));            /* right spine at x = 6 */
    CU_ASSERT(white(at(&m, x1, y0 + 10)));
    double ty = y1 - 0.25 * (y1 - y0);
    CU_ASSERT(dark(at(&m, x0 + 30, ty)));            /* top spine a quarter up */
    free(m.px);
    nplot_figure_free(fig);
}

static void test_color_linewidth_bounds(void)
{
    nplot_figure *fig;
    nplot_axes *ax = crossing_axes(&fig);
    nplot_set_xticks(ax, NULL, 0);
    nplot_set_yticks(ax, NULL, 0);
    CU_ASSERT_EQUAL(nplot_spines_set_color(ax, "left", "red"), ND_OK);
    CU_ASSERT_EQUAL(nplot_spines_set_linewidth(ax, "left", 6), ND_OK);
    CU_ASSERT_EQUAL(nplot_spines_set_bounds(ax, "bottom", 0, 4), ND_OK);
    CU_ASSERT_EQUAL(nplot_spines_set_linewidth(ax, "top", 0), ND_OK);
    img m = render(fig);
    CU_ASSERT_PTR_NOT_NULL_FATAL(m.px);
    double x0, y0, x1, y1, ax0, ay, ax4;
    nplot_axes_pixel_box(ax, &x0, &y0, &x1, &y1);
    double my = (y0 + y1) / 2;
    /* 6 points = 8.3 px of red across the left edge */
    CU_ASSERT(near_rgb(at(&m, x0 - 2, my), 0xff0000, 10));
    CU_ASSERT(near_rgb(at(&m, x0 + 2, my), 0xff0000, 10));
    CU_ASSERT(!near_rgb(at(&m, x0 + 5, my), 0xff0000, 60));
    /* the bottom spine only from x = 0 to x = 4 */
    nplot_data_to_pixel(ax, 0, -1, &ax0, &ay);
    nplot_data_to_pixel(ax, 4, -1, &ax4, &ay);
    CU_ASSERT(dark(at(&m, (ax0 + ax4) / 2, y1)));
    CU_ASSERT(white(at(&m, ax0 - 10, y1)));
    CU_ASSERT(white(at(&m, ax4 + 10, y1)));
    /* a zero-width top spine is not drawn */
    CU_ASSERT(white(at(&m, (x0 + x1) / 2, y0)));
    CU_ASSERT(dark(at(&m, x1, my)));                 /* the right one still is */
    free(m.px);
    nplot_figure_free(fig);
}

/* ax.axis(mode) on plot([0, 10], [0, 2]) in a 6x4 figure, axes [0.1, 0.1, 0.8, 0.8]:
 * matplotlib 3.6's limits and axes box (fig fractions) */
static void check_axis_mode(const char *mode, const double want[8])
{
    static const double xs[2] = { 0, 10 }, ys[2] = { 0, 2 };
    nplot_figure *fig = nplot_figure_new(.width = 6, .height = 4, .dpi = 100);
    nplot_axes *ax = nplot_add_axes(fig, 0.1, 0.1, 0.8, 0.8);
    CU_ASSERT_EQUAL(nplot_plot_xy(ax, xs, ys, 2), ND_OK);
    CU_ASSERT_EQUAL(nplot_axis(ax, mode), ND_OK);
    CU_ASSERT_EQUAL(nplot_figure_draw(fig), ND_OK);
    double l[4], b[4], p0[2], p1[2];
    nplot_axes_pixel_box(ax, &b[0], &b[1], &b[2], &b[3]);
    /* the drawn view limits: where the box edges fall in data units */
    nplot_data_to_pixel(ax, 0, 0, &p0[0], &p0[1]);
    nplot_data_to_pixel(ax, 10, 2, &p1[0], &p1[1]);
    double sx = (p1[0] - p0[0]) / 10, sy = (p1[1] - p0[1]) / 2;
    l[0] = (b[0] - p0[0]) / sx;
    l[1] = (b[2] - p0[0]) / sx;
    l[2] = (b[3] - p0[1]) / sy;
    l[3] = (b[1] - p0[1]) / sy;
    /* pixel box → figure fractions (x0, y0, w, h) as get_position().bounds */
    double pos[4] = { b[0] / 600, 1 - b[3] / 400, (b[2] - b[0]) / 600, (b[3] - b[1]) / 400 };
    bool ok = true;
    for (int i = 0; i < 4; i++) ok = ok && fabs(l[i] - want[i]) < 1e-9 * (1 + fabs(want[i]));
    for (int i = 0; i < 4; i++) ok = ok && fabs(pos[i] - want[4 + i]) < 0.004;
    if (!ok)
        printf("\n  axis('%s'): lim %g %g %g %g box %g %g %g %g\n", mode, l[0], l[1], l[2], l[3],
               pos[0], pos[1], pos[2], pos[3]);
    CU_ASSERT(ok);
    nplot_figure_free(fig);
}

static void test_axis_modes_match_matplotlib(void)
{
    static const double equal[8] = { -0.5, 10.5, -2.6666666666666665, 4.666666666666666,
                                     0.1, 0.1, 0.8, 0.8 };
    static const double scaled[8] = { -0.5, 10.5, -0.1, 2.1, 0.1, 0.38, 0.8, 0.24 };
    static const double tight[8] = { -0.5, 10.5, -0.1, 2.1, 0.1, 0.1, 0.8, 0.8 };
    static const double square[8] = { -0.5, 10.5, -0.1, 10.9, 0.23333333333333336, 0.1,
                                      0.5333333333333332, 0.8 };
    static const double image[8] = { -0.5, 10.5, -0.1, 2.1, 0.1, 0.38, 0.8, 0.24 };
    check_axis_mode("equal", equal);
    check_axis_mode("scaled", scaled);
    check_axis_mode("tight", tight);
    check_axis_mode("square", square);
    check_axis_mode("image", image);
}

/* a bar 0..4 high over x -0.4..0.4, a thick black line at y = 1, the grid on: which one
 * shows where the y = 2 grid line crosses the bar, and where the grid meets the line */
static img grid_order(int below, nplot_axes **axp)
{
    static const double bx[1] = { 0 }, bh[1] = { 4 }, lx[2] = { -1, 1 }, ly[2] = { 1, 1 };
    nplot_figure *fig = nplot_figure_new(.width = 4, .height = 3, .dpi = 100);
    nplot_axes *ax = nplot_add_axes(fig, 0.1, 0.1, 0.8, 0.8);
    nplot_bar_xy(ax, bx, bh, 1, .width = 0.8);
    nplot_plot_xy(ax, lx, ly, 2, .color = "black", .linewidth = 6);
    nplot_set_xlim(ax, -1, 1);
    nplot_set_ylim(ax, 0, 5);
    static const double xt[1] = { 0 }, yt[2] = { 1, 2 };
    nplot_set_xticks(ax, xt, 1);
    nplot_set_yticks(ax, yt, 2);
    nplot_grid(ax, .visible = true, .color = "red", .linewidth = 2);
    if (below) CU_ASSERT_EQUAL(nplot_set_axisbelow(ax, below), ND_OK);
    img m = render(fig);
    *axp = ax;
    nplot_figure_free(fig);
    return m;
}

static void test_grid_between_patches_and_lines(void)
{
    nplot_axes *ax;
    double px, py;
    /* the default (matplotlib's 'line'), then the explicit 'line' */
    int modes[2] = { 0, NPLOT_AXISBELOW_LINE };
    for (int k = 0; k < 2; k++) {
        img m = grid_order(modes[k], &ax);
        CU_ASSERT_PTR_NOT_NULL_FATAL(m.px);
        (void)ax;
        /* figure geometry is fixed: x = 0 at the centre, y = 2 at 0.1 + 0.8 * 3/5 from the top */
        px = 200.5 + 40;
        py = 300 - (30 + 240 * 2.0 / 5);
        CU_ASSERT(near_rgb(at(&m, px, py), 0xff0000, 40));       /* grid over the bar */
        double ly = 300 - (30 + 240 * 1.0 / 5);
        CU_ASSERT(near_rgb(at(&m, 200 + 40, ly), 0x000000, 40));  /* line over the grid */
        free(m.px);
    }
    /* True: the bar hides the grid */
    img m = grid_order(NPLOT_ON, &ax);
    CU_ASSERT_PTR_NOT_NULL_FATAL(m.px);
    CU_ASSERT(near_rgb(at(&m, 240.5, 300 - (30 + 240 * 2.0 / 5)), 0x1f77b4, 40));
    free(m.px);
    /* ggplot and seaborn-whitegrid set axes.axisbelow True: the bar hides the grid */
    CU_ASSERT_EQUAL(nplot_style_use("ggplot"), ND_OK);
    m = grid_order(0, &ax);
    CU_ASSERT_EQUAL(nplot_style_use("default"), ND_OK);
    CU_ASSERT_PTR_NOT_NULL_FATAL(m.px);
    CU_ASSERT(!near_rgb(at(&m, 240.5, 300 - (30 + 240 * 2.0 / 5)), 0xff0000, 60));
    free(m.px);
    /* False: the grid over the line too */
    m = grid_order(NPLOT_OFF, &ax);
    CU_ASSERT_PTR_NOT_NULL_FATAL(m.px);
    CU_ASSERT(near_rgb(at(&m, 240.5, 300 - (30 + 240 * 1.0 / 5)), 0xff0000, 40));
    free(m.px);
}

static void quiet(const char *msg, unsigned bits, void *ctx)
{
    (void)msg, (void)bits, (void)ctx;
}

/* each bad call on a fresh figure (a failed call poisons its figure, as every nplot call) */
static nplot_axes *fresh(nplot_figure **fig)
{
    nplot_figure_free(*fig);
    return crossing_axes(fig);
}

static void test_bad_input(void)
{
    nplot_figure *fig = NULL;
    nd_seterrcall(quiet, NULL);
    CU_ASSERT_EQUAL(nplot_spines_set_position(fresh(&fig), "middle", "zero", 0), ND_EVALUE);
    CU_ASSERT_PTR_NOT_NULL(strstr(nd_errmsg(), "unknown spine 'middle'"));
    CU_ASSERT_EQUAL(nplot_spines_set_position(fresh(&fig), "left", "inward", 3), ND_EVALUE);
    CU_ASSERT_PTR_NOT_NULL(strstr(nd_errmsg(), "unknown position kind 'inward'"));
    CU_ASSERT_EQUAL(nplot_spines_set_position(fresh(&fig), "left", NULL, 3), ND_EVALUE);
    CU_ASSERT_EQUAL(nplot_spines_set_position(fresh(&fig), "left", "data", NAN), ND_EVALUE);
    CU_ASSERT_PTR_NOT_NULL(strstr(nd_errmsg(), "must be finite"));
    CU_ASSERT_EQUAL(nplot_spines_set_color(fresh(&fig), "left,bottom,x", "red"), ND_EVALUE);
    CU_ASSERT_PTR_NOT_NULL(strstr(nd_errmsg(), "unknown spine 'x'"));
    CU_ASSERT_EQUAL(nplot_spines_set_color(fresh(&fig), "left", "notacolor"), ND_EVALUE);
    CU_ASSERT_EQUAL(nplot_spines_set_linewidth(fresh(&fig), "top", -1), ND_EVALUE);
    CU_ASSERT_EQUAL(nplot_spines_set_linewidth(fresh(&fig), "top", INFINITY), ND_EVALUE);
    CU_ASSERT_EQUAL(nplot_spines_set_bounds(fresh(&fig), "top", 0, NAN), ND_EVALUE);
    CU_ASSERT_EQUAL(nplot_spines_set_bounds(fresh(&fig), "sideways", 0, 1), ND_EVALUE);
    CU_ASSERT_EQUAL(nplot_set_axisbelow(fresh(&fig), 7), ND_EVALUE);
    CU_ASSERT_PTR_NOT_NULL(strstr(nd_errmsg(), "got 7"));
    CU_ASSERT_EQUAL(nplot_axis(fresh(&fig), "sideways"), ND_EVALUE);
    CU_ASSERT_EQUAL(nplot_spines_set_position(NULL, "left", "zero", 0), ND_EVALUE);
    CU_ASSERT_EQUAL(nplot_set_axisbelow(NULL, NPLOT_ON), ND_EVALUE);
    /* the poisoned figure refuses to draw, with the first error */
    CU_ASSERT_EQUAL(nplot_spines_set_bounds(fresh(&fig), "top", NAN, 1), ND_EVALUE);
    CU_ASSERT_EQUAL(nplot_figure_draw(fig), ND_EVALUE);
    nplot_figure_free(fig);
    nd_seterrcall(NULL, NULL);
}

static void test_golden_spines(void)
{
    nplot_figure *fig = spines_figure();
    CU_ASSERT_PTR_NOT_NULL_FATAL(fig);
    char out[256];
    bool regen = golden_output(out, sizeof out, GOLDEN, ".", "spines_axis");
    CU_ASSERT_EQUAL_FATAL(nplot_savefig(fig, out), ND_OK);
    nplot_figure_free(fig);
    if (regen) return;
    double rms = image_rms(GOLDEN "/spines_axis.png", out);
    if (!(rms >= 0 && rms <= 2.0)) fprintf(stderr, "golden spines_axis: RMS %g\n", rms);
    CU_ASSERT(rms >= 0 && rms <= 2.0);
    if (rms >= 0 && rms <= 2.0) remove(out);
}

static const ND_TEST tests[] = {
    ND_T(test_position_zero_moves_spines_and_ticks),
    ND_T(test_position_kinds),
    ND_T(test_color_linewidth_bounds),
    ND_T(test_axis_modes_match_matplotlib),
    ND_T(test_grid_between_patches_and_lines),
    ND_T(test_bad_input),
    ND_T(test_golden_spines),
    { 0 },
};

ND_TEST_MAIN("plot_spines", tests)
