/* Legend options beyond the default (issue 20): explicit handles and labels, labels= alone,
 * reverse, frame colours and shadow, spacing options, title size, markerscale and
 * scatterpoints. The legend boxes of examples/legends.c are measured in pixels against
 * matplotlib 3.6's window extents of the same figure (scripts/mpl_legends_reference.py),
 * then the figure is compared with its reviewed rendering; bad input last. */
#define _GNU_SOURCE
#define LEGENDS_NO_MAIN
#include "../examples/legends.c"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "faultsim.h"
#include "plot_image.h"
#include "testutil.h"

#define GOLDEN NUMC_TEST_DATA "/plot"

/* scripts/mpl_legends_reference.py: frame extents x0, y0 (top), w, h in pixels at 100 dpi */
static const double MPL_LEG0[4] = { 119.44, 54.94, 118.03, 98.56 };
static const double MPL_LEG1[4] = { 545.64, 54.94, 211.68, 25.11 };

static bool is_rgb(const img *m, int x, int y, unsigned rgb, int tol)
{
    return near_rgb(at(m, x, y), rgb, tol);
}

/* The bounding box of the pixels of colour rgb inside the window [x0, x1) x [y0, y1). */
static void color_bbox(const img *m, unsigned rgb, int x0, int y0, int x1, int y1, int *bx0,
                       int *by0, int *bx1, int *by1)
{
    *bx0 = *by0 = 1 << 30;
    *bx1 = *by1 = -1;
    for (int y = y0; y < y1; y++)
        for (int x = x0; x < x1; x++)
            if (is_rgb(m, x, y, rgb, 3)) {
                if (x < *bx0) *bx0 = x;
                if (x > *bx1) *bx1 = x;
                if (y < *by0) *by0 = y;
                if (y > *by1) *by1 = y;
            }
}

/* Left: legend(lines[:2], ['first', 'second']) in a light yellow frame with a black edge
 * and a shadow. Its face spans matplotlib's extent less the half-pixel edge. */
static void test_explicit_handles_box_and_colors(void)
{
    nplot_figure *fig = legends_figure();
    CU_ASSERT_PTR_NOT_NULL_FATAL(fig);
    img m = render(fig);
    CU_ASSERT_PTR_NOT_NULL_FATAL(m.px);
    int x0, y0, x1, y1;
    color_bbox(&m, 0xFFFFE0, 60, 20, 420, 380, &x0, &y0, &x1, &y1);
    CU_ASSERT_FATAL(x1 > x0 && y1 > y0);
    CU_ASSERT(fabs(x0 - (MPL_LEG0[0] + 1)) <= 2);
    CU_ASSERT(fabs(y0 - (MPL_LEG0[1] + 1)) <= 2);
    CU_ASSERT(fabs((x1 - x0 + 1) - (MPL_LEG0[2] - 1)) <= 2);
    /* rows as tall as matplotlib's: the ink of "lp" per text, not the font's line height */
    CU_ASSERT(fabs((y1 - y0 + 1) - (MPL_LEG0[3] - 1)) <= 2);
    /* two entries: C0 and C1 handles inside the frame, not C2 / C3 */
    int c0 = 0, c1 = 0, c2 = 0, c3 = 0;
    for (int y = y0; y <= y1; y++)
        for (int x = x0; x <= x1; x++) {
            c0 += is_rgb(&m, x, y, 0x1f77b4, 8);
            c1 += is_rgb(&m, x, y, 0xff7f0e, 8);
            c2 += is_rgb(&m, x, y, 0x2ca02c, 8);
            c3 += is_rgb(&m, x, y, 0xd62728, 8);
        }
    CU_ASSERT(c0 > 20 && c1 > 20);
    CU_ASSERT_EQUAL(c2, 0);
    CU_ASSERT_EQUAL(c3, 0);
    /* black edge just outside the face; the shadow 2 px right of and below the frame */
    CU_ASSERT(at(&m, x0 - 1, (y0 + y1) / 2)[0] < 100);
    const unsigned char *sh = at(&m, x1 + 3, (y0 + y1) / 2);
    CU_ASSERT(near(sh, 165, 165, 161, 6)); /* 0.3 x light yellow at alpha 0.5 over white */
    CU_ASSERT(near(at(&m, x1 + 3, y0 - 2), 255, 255, 255, 2)); /* shifted down too */
    free(m.px);
    nplot_figure_free(fig);
}

/* Right: two scatters, ncols 2, reversed, 3 scatterpoints at markerscale 1.5, upper center.
 * The frame (0.8 gray at alpha 0.8 over white) found by scanning from the box's middle. */
static void test_scatter_legend_reverse_points_box(void)
{
    nplot_figure *fig = legends_figure();
    CU_ASSERT_PTR_NOT_NULL_FATAL(fig);
    img m = render(fig);
    CU_ASSERT_PTR_NOT_NULL_FATAL(m.px);
    int cx = (int)(MPL_LEG1[0] + MPL_LEG1[2] / 2), cy = (int)(MPL_LEG1[1] + MPL_LEG1[3] / 2);
    int top = cy, bot = cy, left = (int)MPL_LEG1[0] + 8, right = (int)(MPL_LEG1[0] + MPL_LEG1[2]) - 8;
    int col = (int)MPL_LEG1[0] + 40; /* a column between handles and text: white inside */
    while (top > 0 && at(&m, col, top)[0] > 240) top--;
    while (bot < m.h - 1 && at(&m, col, bot)[0] > 240) bot++;
    while (left > 0 && at(&m, left, top + 3)[0] > 240) left--;
    while (right < m.w - 1 && at(&m, right, top + 3)[0] > 240) right++;
    CU_ASSERT(fabs(top - MPL_LEG1[1]) <= 2);
    CU_ASSERT(fabs(left - MPL_LEG1[0]) <= 2);
    CU_ASSERT(fabs(right - (MPL_LEG1[0] + MPL_LEG1[2])) <= 2);
    CU_ASSERT(fabs(bot - (MPL_LEG1[1] + MPL_LEG1[3])) <= 2);
    (void)cx;
    /* reverse: the orange entry ('falling', added second) comes first */
    int ox0, oy0, ox1, oy1, bx0, by0, bx1, by1;
    color_bbox(&m, 0xff7f0e, left + 1, top + 1, right, bot, &ox0, &oy0, &ox1, &oy1);
    color_bbox(&m, 0x1f77b4, left + 1, top + 1, right, bot, &bx0, &by0, &bx1, &by1);
    CU_ASSERT_FATAL(ox1 > ox0 && bx1 > bx0);
    CU_ASSERT(ox1 < bx0);
    /* three markers per handle, each 1.5 x the plotted marker's 6 px (sqrt(36) pt) wide */
    int runs = 0, widest = 0, run = 0;
    for (int x = ox0 - 1; x <= ox1 + 1; x++) {
        bool in = false;
        for (int y = oy0; y <= oy1 && !in; y++) in = is_rgb(&m, x, y, 0xff7f0e, 40);
        if (in) run++;
        if (!in && run) {
            runs++;
            widest = run > widest ? run : widest;
            run = 0;
        }
    }
    CU_ASSERT(runs >= 2); /* neighbours may touch: check the span instead */
    CU_ASSERT(ox1 - ox0 > 3 * 8);
    CU_ASSERT(oy1 - oy0 >= 8); /* 1.5 x 6 px, and the points sit at different heights */
    free(m.px);
    nplot_figure_free(fig);
}

/* labels= alone renames the labelled artists; reverse and explicit handles of any kind */
static void test_labels_override_and_handles(void)
{
    double x[3] = { 0, 1, 2 }, y[3] = { 1, 2, 3 }, y2[3] = { 3, 2, 1 };
    nplot_figure *fig = nplot_figure_new(.width = 3, .height = 3);
    nplot_axes *ax = nplot_subplot(fig, 1, 1, 1);
    CU_ASSERT_PTR_NOT_NULL_FATAL(ax);
    CU_ASSERT_EQUAL(nplot_plot_xy(ax, x, y, 3, .label = "a"), ND_OK);
    CU_ASSERT_EQUAL(nplot_plot_xy(ax, x, y2, 3, .label = "_hidden"), ND_OK);
    CU_ASSERT_EQUAL(nplot_legend(ax, .labels = NPLOT_STRS("renamed")), ND_OK);
    img m = render(fig);
    CU_ASSERT_PTR_NOT_NULL(m.px);
    free(m.px);
    /* the hidden line by index: explicit handles ignore the '_' rule */
    CU_ASSERT_EQUAL(nplot_legend(ax, .handles = NPLOT_INTS(1, 0), .labels = NPLOT_STRS("two", "one"),
                                 .reverse = NPLOT_ON, .loc = "lower right", .fancybox = NPLOT_OFF,
                                 .shadow = NPLOT_ON),
                    ND_OK);
    m = render(fig);
    CU_ASSERT_PTR_NOT_NULL_FATAL(m.px);
    /* lower right, square corners: both line colours inside the bottom right quarter */
    int b = 0, o = 0;
    for (int yy = m.h / 2; yy < m.h; yy++)
        for (int xx = m.w / 2; xx < m.w; xx++) {
            b += is_rgb(&m, xx, yy, 0x1f77b4, 8);
            o += is_rgb(&m, xx, yy, 0xff7f0e, 8);
        }
    CU_ASSERT(b > 10 && o > 10);
    free(m.px);
    CU_ASSERT_EQUAL(nplot_savefig(fig, "plot_test_legend_more.svg"), ND_OK);
    remove("plot_test_legend_more.svg");
    nplot_figure_free(fig);
}

/* examples/legends.c's figure against its reviewed rendering (tests/data/plot/legends.png,
 * checked next to scripts/mpl_legends_reference.py's matplotlib output) */
static void test_golden_legends(void)
{
    nplot_figure *fig = legends_figure();
    CU_ASSERT_PTR_NOT_NULL_FATAL(fig);
    char out[256];
    bool regen = golden_output(out, sizeof out, GOLDEN, ".", "legends");
    CU_ASSERT_EQUAL_FATAL(nplot_savefig(fig, out), ND_OK);
    nplot_figure_free(fig);
    if (regen) return;
    double rms = image_rms(GOLDEN "/legends.png", out);
    if (!(rms >= 0 && rms <= 2.0)) fprintf(stderr, "golden legends: RMS %g\n", rms);
    CU_ASSERT(rms >= 0 && rms <= 2.0);
    if (rms >= 0 && rms <= 2.0) remove(out);
}

/* one bad call on a fresh two-line axes: ND_EVALUE with a message containing want */
static void expect_bad(const nplot_legend_opts *o, const char *want)
{
    double x[2] = { 0, 1 };
    nplot_figure *fig = nplot_figure_new();
    nplot_axes *ax = nplot_subplot(fig, 1, 1, 1);
    CU_ASSERT_PTR_NOT_NULL_FATAL(ax);
    CU_ASSERT_EQUAL(nplot_plot_xy(ax, x, x, 2, .label = "a"), ND_OK);
    CU_ASSERT_EQUAL(nplot_plot_xy(ax, x, x, 2, .label = "b"), ND_OK);
    CU_ASSERT_EQUAL(nplot_legend_(ax, o), ND_EVALUE);
    if (!strstr(nd_errmsg(), want)) printf("\n  message '%s' lacks '%s'\n", nd_errmsg(), want);
    CU_ASSERT_PTR_NOT_NULL(strstr(nd_errmsg(), want));
    nplot_figure_free(fig);
}

static void test_bad_input(void)
{
    expect_bad(&(nplot_legend_opts){ .handles = NPLOT_INTS(0, 1), .labels = NPLOT_STRS("a", "b", "c") },
               "2 handles but 3 labels");
    expect_bad(&(nplot_legend_opts){ .handles = NPLOT_INTS(0, 1) }, "handles need labels");
    expect_bad(&(nplot_legend_opts){ .handles = NPLOT_INTS(2), .labels = NPLOT_STRS("x") },
               "handle 2 is not an artist index");
    expect_bad(&(nplot_legend_opts){ .handles = NPLOT_INTS(-1), .labels = NPLOT_STRS("x") },
               "handle -1");
    expect_bad(&(nplot_legend_opts){ .labels = NPLOT_STRS("x") }, "1 labels but the axes has 2");
    expect_bad(&(nplot_legend_opts){ .handles = { 2, NULL } }, "count but no values");
    expect_bad(&(nplot_legend_opts){ .facecolor = "notacolor" }, "notacolor");
    expect_bad(&(nplot_legend_opts){ .edgecolor = "" }, "color");
    expect_bad(&(nplot_legend_opts){ .borderpad = -1 }, "borderpad");
    expect_bad(&(nplot_legend_opts){ .scatterpoints = -2 }, "scatterpoints");
    expect_bad(&(nplot_legend_opts){ .title_fontsize = -2 }, "title_fontsize");
}

/* every allocation failing once in a figure with the example's legends rendered: a clean
 * ND_ENOMEM, no leak (ASan) */
static nd_status fault_body(void *ctx)
{
    (void)ctx;
    nplot_figure *fig = legends_figure();
    if (!fig) return nd_last_error() ? nd_last_error() : nd_set_error(ND_ENOMEM, "fault_body: setup");
    unsigned char *rgba = NULL;
    int wd, ht;
    nd_status st = nplot_figure_status(fig);
    if (!st) st = nplot_figure_pixel_size(fig, &wd, &ht);
    if (!st && !(rgba = malloc((size_t)wd * ht * 4))) st = ND_ENOMEM;
    if (!st) st = nplot_figure_render_rgba(fig, rgba, wd, ht, wd * 4);
    if (st) nd_set_error(st, "%s", nplot_figure_errmsg(fig)[0] ? nplot_figure_errmsg(fig) : nd_errmsg());
    free(rgba);
    nplot_figure_free(fig);
    return st;
}

static void test_allocation_failures(void)
{
    faultsim_report r = faultsim_run("legend_more", fault_body, NULL);
    CU_ASSERT(r.ok);
    if (!r.ok) printf("\n%s\n", r.why);
    CU_ASSERT(r.runs > 20);
}

static const ND_TEST tests[] = {
    ND_T(test_explicit_handles_box_and_colors),
    ND_T(test_scatter_legend_reverse_points_box),
    ND_T(test_labels_override_and_handles),
    ND_T(test_golden_legends),
    ND_T(test_bad_input),
    ND_T(test_allocation_failures),
    { 0 },
};

ND_TEST_MAIN("plot_legend_more", tests)
