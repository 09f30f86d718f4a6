/* Several legends (issue 20): two legends on one axes through nplot_legend_add_artist,
 * figure legends (nplot_fig_legend), bbox_to_anchor with 4 values and mode 'expand', and the
 * errorbar handle drawn with its bars and caps. The legend frames of examples/legends_multi.c
 * and of a small figure are found in the rendering and checked against matplotlib 3.6's
 * window extents of the same figures (scripts/mpl_legends_multi_reference.py); the handles
 * by their pixels; then the figure against its reviewed rendering; bad input last. */
#define _GNU_SOURCE
#define LEGENDS_MULTI_NO_MAIN
#include "../examples/legends_multi.c"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "faultsim.h"
#include "plot_image.h"
#include "testutil.h"

#define GOLDEN NUMC_TEST_DATA "/plot"

/* scripts/mpl_legends_multi_reference.py: frame extents x0, y0 (top), w, h in pixels at
 * 100 dpi; the example figure (10 x 5.5 in) ... */
static const double MPL_LEG_A[4] = { 131.94, 116.94, 88.75, 67.00 };  /* kept, upper left */
static const double MPL_LEG_B[4] = { 367.20, 365.00, 103.12, 46.06 }; /* current, lower right */
static const double MPL_LEG_C[4] = { 547.73, 72.42, 352.27, 25.11 };  /* 'expand' recipe */
static const double MPL_FIG_A[4] = { 271.25, 497.00, 457.50, 46.06 }; /* figure, lower center */
static const double MPL_FIG_B[4] = { 16.94, 12.44, 131.88, 46.06 };   /* figure, point anchor */
/* ... and the small one (6 x 4 in) */
static const double MPL_POINT[4] = { 207.68, 208.94, 92.88, 46.06 };   /* axes, point anchor */
static const double MPL_EXPAND[4] = { 81.94, 323.94, 451.11, 25.11 };  /* 'expand', no anchor */
static const double MPL_FIGBEST[4] = { 500.18, 6.94, 92.88, 46.06 };   /* figure, default loc */
static const double MPL_POINTBEST[4] = { 314.44, 208.94, 92.88, 46.06 }; /* 'best' at a point */

/* How much of a default legend frame's edge (0.8 gray at alpha 0.8 over white: 214) a
 * pixel holds, by its darkness: 0 for white and for anything not that gray (lines, text). */
static int frame_px(const img *m, int x, int y)
{
    const unsigned char *p = at(m, x, y);
    bool gray = p[0] >= 205 && abs(p[0] - p[1]) <= 2 && abs(p[1] - p[2]) <= 2;
    return gray ? 255 - p[0] : 0;
}

/* The frame edges found near ref (x0, y0, w, h): in a window of +-6 px around each side, the
 * row / column darkest with edge pixels. got: x0, y0, x1, y1. */
static void find_frame(const img *m, const double ref[4], int got[4])
{
    int x0 = (int)ref[0], y0 = (int)ref[1], x1 = (int)(ref[0] + ref[2]), y1 = (int)(ref[1] + ref[3]);
    for (int side = 0; side < 4; side++) {
        bool horiz = side == 1 || side == 3; /* top / bottom: count along a row */
        int c = side == 0 ? x0 : side == 1 ? y0 : side == 2 ? x1 : y1;
        int best = -1, at_best = c;
        for (int d = -6; d <= 6; d++) {
            int cnt = 0;
            if (horiz)
                for (int x = x0 + 8; x <= x1 - 8; x++) cnt += frame_px(m, x, c + d);
            else
                for (int y = y0 + 5; y <= y1 - 5; y++) cnt += frame_px(m, c + d, y);
            if (cnt > best) {
                best = cnt;
                at_best = c + d;
            }
        }
        got[side == 0 ? 0 : side == 1 ? 1 : side == 2 ? 2 : 3] = at_best;
    }
}

/* The frame near ref is within 2 px of matplotlib's on every side. */
static void check_frame(const img *m, const double ref[4], const char *name)
{
    int g[4];
    find_frame(m, ref, g);
    double want[4] = { ref[0], ref[1], ref[0] + ref[2], ref[1] + ref[3] };
    bool ok = true;
    for (int i = 0; i < 4; i++) ok &= fabs(g[i] - want[i]) <= 2;
    if (!ok)
        printf("\n  %s: frame %d %d %d %d, matplotlib %.1f %.1f %.1f %.1f\n", name, g[0], g[1],
               g[2], g[3], want[0], want[1], want[2], want[3]);
    CU_ASSERT(ok);
}

/* The bounding box of the pixels within tol of rgb inside [x0, x1) x [y0, y1); false when
 * there are none. */
static bool color_bbox(const img *m, unsigned rgb, int tol, int x0, int y0, int x1, int y1,
                       int b[4])
{
    b[0] = b[1] = 1 << 30;
    b[2] = b[3] = -1;
    for (int y = y0; y < y1; y++)
        for (int x = x0; x < x1; x++)
            if (near_rgb(at(m, x, y), rgb, tol)) {
                if (x < b[0]) b[0] = x;
                if (x > b[2]) b[2] = x;
                if (y < b[1]) b[1] = y;
                if (y > b[3]) b[3] = y;
            }
    return b[2] >= 0;
}

static int count_rgb(const img *m, unsigned rgb, int tol, int x0, int y0, int x1, int y1)
{
    int n = 0;
    for (int y = y0; y < y1; y++)
        for (int x = x0; x < x1; x++) n += near_rgb(at(m, x, y), rgb, tol);
    return n;
}

/* Two legends on the left axes (the kept one and the current one), the 'expand' legend over
 * the right axes, two figure legends: every frame where matplotlib has it. */
static void test_frames_match_matplotlib(void)
{
    nplot_figure *fig = legends_multi_figure();
    CU_ASSERT_PTR_NOT_NULL_FATAL(fig);
    img m = render(fig);
    CU_ASSERT_PTR_NOT_NULL_FATAL(m.px);
    CU_ASSERT_EQUAL(m.w, 1000);
    CU_ASSERT_EQUAL(m.h, 550);
    check_frame(&m, MPL_LEG_A, "kept legend");
    check_frame(&m, MPL_LEG_B, "current legend");
    check_frame(&m, MPL_LEG_C, "expand");
    check_frame(&m, MPL_FIG_A, "figure legend");
    check_frame(&m, MPL_FIG_B, "figure legend at a point");
    /* the kept legend holds alpha and beta (C0, C1), the current one gamma and delta */
    const double *a = MPL_LEG_A, *b = MPL_LEG_B;
    int ax0 = (int)a[0] + 2, ay0 = (int)a[1] + 2, ax1 = (int)(a[0] + a[2]) - 2, ay1 = (int)(a[1] + a[3]) - 2;
    int bx0 = (int)b[0] + 2, by0 = (int)b[1] + 2, bx1 = (int)(b[0] + b[2]) - 2, by1 = (int)(b[1] + b[3]) - 2;
    CU_ASSERT(count_rgb(&m, 0x1f77b4, 8, ax0, ay0, ax1, ay1) > 20);
    CU_ASSERT(count_rgb(&m, 0xff7f0e, 8, ax0, ay0, ax1, ay1) > 20);
    CU_ASSERT(count_rgb(&m, 0x2ca02c, 8, bx0, by0, bx1, by1) > 20);
    CU_ASSERT(count_rgb(&m, 0xd62728, 8, bx0, by0, bx1, by1) > 20);
    /* the figure legend collects all seven entries: the four lines' colours and the gray
     * of the bars-only errorbar */
    const double *f = MPL_FIG_A;
    int fx0 = (int)f[0] + 2, fy0 = (int)f[1] + 2, fx1 = (int)(f[0] + f[2]) - 2, fy1 = (int)(f[1] + f[3]) - 2;
    static const unsigned cols[4] = { 0x1f77b4, 0xff7f0e, 0x2ca02c, 0xd62728 };
    for (int k = 0; k < 4; k++) CU_ASSERT(count_rgb(&m, cols[k], 8, fx0, fy0, fx1, fy1) > 20);
    CU_ASSERT(count_rgb(&m, 0x808080, 8, fx0, fy0, fx1, fy1) > 10);
    free(m.px);
    nplot_figure_free(fig);
}

/* 'expand': the three columns spread over the box, the first at its left, the last entry's
 * text ending near its right (matplotlib's HPacker mode 'expand'). */
static void test_expand_spreads_columns(void)
{
    nplot_figure *fig = legends_multi_figure();
    CU_ASSERT_PTR_NOT_NULL_FATAL(fig);
    img m = render(fig);
    CU_ASSERT_PTR_NOT_NULL_FATAL(m.px);
    const double *c = MPL_LEG_C;
    int x0 = (int)c[0] + 2, y0 = (int)c[1] + 2, x1 = (int)(c[0] + c[2]) - 2, y1 = (int)(c[1] + c[3]) - 2;
    int b0[4], b1[4], b2[4];
    CU_ASSERT_FATAL(color_bbox(&m, 0x1f77b4, 30, x0, y0, x1, y1, b0));
    CU_ASSERT_FATAL(color_bbox(&m, 0xff7f0e, 30, x0, y0, x1, y1, b1));
    CU_ASSERT_FATAL(color_bbox(&m, 0x808080, 10, 760, y0, 822, y1, b2));
    /* where matplotlib's pixels of the same colours are: the first handle at borderpad from
     * the frame's left edge (x 552), the second column's at 663, the bars-only handle's
     * caps over x 802 .. 808 (its column spread to the right) */
    if (abs(b0[0] - 552) > 2 || abs(b1[0] - 663) > 2 || abs(b2[0] - 802) > 2 || abs(b2[2] - 808) > 2)
        printf("\n  expand columns at %d, %d, caps %d .. %d\n", b0[0], b1[0], b2[0], b2[2]);
    CU_ASSERT(abs(b0[0] - 552) <= 2);
    CU_ASSERT(abs(b1[0] - 663) <= 2);
    CU_ASSERT(abs(b2[0] - 802) <= 2 && abs(b2[2] - 808) <= 2);
    /* dark text pixels reach the frame's right edge less borderpad (matplotlib's at 892):
     * the last column is flush right */
    int rightmost = -1;
    for (int y = y0; y < y1; y++)
        for (int x = x0; x < x1; x++)
            if (at(&m, x, y)[0] < 100 && at(&m, x, y)[1] < 100 && at(&m, x, y)[2] < 100 && x > rightmost)
                rightmost = x;
    CU_ASSERT(abs(rightmost - 892) <= 2);
    free(m.px);
    nplot_figure_free(fig);
}

/* The errorbar handle: bars 0.5 font sizes each way from the centre, caps of 2 x capsize
 * across their ends; xerr bars horizontal; the line and its marker over them. */
static void test_errorbar_handle(void)
{
    nplot_figure *fig = nplot_figure_new(.width = 4, .height = 3);
    nplot_axes *ax = nplot_subplot(fig, 1, 1, 1);
    CU_ASSERT_PTR_NOT_NULL_FATAL(ax);
    double x[3] = { 1, 2, 3 }, y[3] = { 1, 2, 3 }, y2[3] = { 4, 5, 6 };
    CU_ASSERT_EQUAL(nplot_errorbar_xy(ax, x, y, 3, .yerr_value = 0.2, .fmt = "none", .capsize = 4,
                                      .ecolor = "red", .label = "y caps"),
                    ND_OK);
    CU_ASSERT_EQUAL(nplot_errorbar_xy(ax, x, y2, 3, .xerr_value = 0.2, .fmt = "none", .capsize = 3,
                                      .ecolor = "blue", .label = "x caps"),
                    ND_OK);
    CU_ASSERT_EQUAL(nplot_legend(ax, .loc = "upper left"), ND_OK);
    img m = render(fig);
    CU_ASSERT_PTR_NOT_NULL_FATAL(m.px);
    int r[4], bl[4];
    /* the legend sits in the upper left quarter; the data bars are elsewhere */
    CU_ASSERT_FATAL(color_bbox(&m, 0xff0000, 60, 0, 0, m.w / 3, m.h / 3, r));
    CU_ASSERT_FATAL(color_bbox(&m, 0x0000ff, 60, 0, 0, m.w / 3, m.h / 3, bl));
    double fs = 10 * 100 / 72.0; /* legend font size in pixels */
    int rw = r[2] - r[0] + 1, rh = r[3] - r[1] + 1, bw = bl[2] - bl[0] + 1, bh = bl[3] - bl[1] + 1;
    /* yerr: vertical bar fs tall (plus the caps' width), caps 8 pt = 11.1 px wide */
    if (!(fabs(rh - (fs + 1.5)) <= 2.5 && fabs(rw - 8 * 100 / 72.0) <= 2.5))
        printf("\n  yerr handle %d x %d\n", rw, rh);
    CU_ASSERT(fabs(rh - (fs + 1.5)) <= 2.5);
    CU_ASSERT(fabs(rw - 8 * 100 / 72.0) <= 2.5);
    /* xerr: horizontal, caps 6 pt = 8.3 px tall */
    if (!(fabs(bw - (fs + 1.5)) <= 2.5 && fabs(bh - 6 * 100 / 72.0) <= 2.5))
        printf("\n  xerr handle %d x %d\n", bw, bh);
    CU_ASSERT(fabs(bw - (fs + 1.5)) <= 2.5);
    CU_ASSERT(fabs(bh - 6 * 100 / 72.0) <= 2.5);
    /* centred on the handle box: both at the same x */
    CU_ASSERT(abs((r[0] + r[2]) - (bl[0] + bl[2])) <= 2);
    free(m.px);
    nplot_figure_free(fig);
}

/* The small figure: an axes legend at a point (moved borderaxespad away from it), 'expand'
 * over the whole axes, and a figure legend at its default place. */
static nplot_figure *small_figure(void)
{
    nplot_figure *fig = nplot_figure_new(.width = 6, .height = 4);
    nplot_axes *ax = nplot_subplot(fig, 1, 1, 1);
    double x[2] = { 0, 1 }, up[2] = { 0, 1 }, down[2] = { 1, 0 };
    nplot_plot_xy(ax, x, up, 2, .label = "rising");
    nplot_plot_xy(ax, x, down, 2, .label = "falling");
    nplot_legend(ax, .loc = "upper right", .bbox_to_anchor = NPLOT_F64S(0.5, 0.5));
    nplot_legend_add_artist(ax);
    nplot_legend(ax, .loc = "lower left", .mode = "expand", .ncol = 2);
    nplot_fig_legend(fig);
    return fig;
}

static void test_point_anchor_expand_and_figure_default(void)
{
    nplot_figure *fig = small_figure();
    CU_ASSERT_EQUAL_FATAL(nplot_figure_status(fig), ND_OK);
    img m = render(fig);
    CU_ASSERT_PTR_NOT_NULL_FATAL(m.px);
    check_frame(&m, MPL_POINT, "point anchor");
    check_frame(&m, MPL_EXPAND, "expand without anchor");
    check_frame(&m, MPL_FIGBEST, "figure legend, default loc");
    free(m.px);
    nplot_figure_free(fig);
}

/* loc 'best' with a point anchor: matplotlib tries the ten placements around the point
 * (borderaxespad away from it) and takes the one over the least data: here below right. */
static void test_point_anchor_best(void)
{
    nplot_figure *fig = nplot_figure_new(.width = 6, .height = 4);
    nplot_axes *ax = nplot_subplot(fig, 1, 1, 1);
    double x[2] = { 0, 1 }, up[2] = { 0, 1 }, x2[2] = { 0, 0.5 }, down[2] = { 1, 0.5 };
    nplot_plot_xy(ax, x, up, 2, .label = "rising");
    nplot_plot_xy(ax, x2, down, 2, .label = "falling");
    CU_ASSERT_EQUAL(nplot_legend(ax, .bbox_to_anchor = NPLOT_F64S(0.5, 0.5)), ND_OK);
    img m = render(fig);
    CU_ASSERT_PTR_NOT_NULL_FATAL(m.px);
    check_frame(&m, MPL_POINTBEST, "best at a point");
    free(m.px);
    nplot_figure_free(fig);
}

/* Without nplot_legend_add_artist the second call replaces the first; keeping twice keeps
 * once; a kept legend lists the labelled artists of the time it was kept. */
static void test_replace_keep_and_freeze(void)
{
    double x[2] = { 0, 1 }, y0[2] = { 0, 0.1 }, y1[2] = { 0.2, 0.3 }, y2[2] = { 0.4, 0.5 };
    for (int keep = 0; keep < 2; keep++) {
        nplot_figure *fig = nplot_figure_new(.width = 4, .height = 3);
        nplot_axes *ax = nplot_subplot(fig, 1, 1, 1);
        CU_ASSERT_PTR_NOT_NULL_FATAL(ax);
        nplot_set_ylim(ax, -1, 0.6);
        nplot_plot_xy(ax, x, y0, 2, .label = "one");
        CU_ASSERT_EQUAL(nplot_legend(ax, .loc = "lower left"), ND_OK);
        if (keep) {
            CU_ASSERT_EQUAL(nplot_legend_add_artist(ax), ND_OK);
            CU_ASSERT_EQUAL(nplot_legend_add_artist(ax), ND_OK); /* the same legend: once */
        }
        nplot_plot_xy(ax, x, y1, 2, .label = "two");
        nplot_plot_xy(ax, x, y2, 2, .label = "three");
        CU_ASSERT_EQUAL(nplot_legend(ax, .handles = NPLOT_INTS(2), .labels = NPLOT_STRS("three"),
                                     .loc = "lower right"),
                        ND_OK);
        img m = render(fig);
        CU_ASSERT_PTR_NOT_NULL_FATAL(m.px);
        /* the lower left quarter: the kept legend with 'one' (C0) only, not 'two' (C1) */
        int lower = m.h * 6 / 10;
        int c0 = count_rgb(&m, 0x1f77b4, 8, 0, lower, m.w / 2, m.h);
        int c1 = count_rgb(&m, 0xff7f0e, 8, 0, lower, m.w / 2, m.h);
        int c2 = count_rgb(&m, 0x2ca02c, 8, m.w / 2, lower, m.w, m.h);
        CU_ASSERT(keep ? c0 > 15 : c0 == 0);
        CU_ASSERT_EQUAL(c1, 0);
        CU_ASSERT(c2 > 15);
        free(m.px);
        nplot_figure_free(fig);
    }
}

/* handle_axes: an axes legend with entries of its twin (the usual combined legend) */
static void test_handles_from_twin(void)
{
    nplot_figure *fig = nplot_figure_new(.width = 4, .height = 3);
    nplot_axes *ax = nplot_subplot(fig, 1, 1, 1);
    nplot_axes *tw = nplot_twinx(ax);
    CU_ASSERT_PTR_NOT_NULL_FATAL(tw);
    double x[2] = { 0, 1 }, y[2] = { 0, 1 };
    nplot_plot_xy(ax, x, y, 2, .label = "left", .color = "red");
    nplot_plot_xy(tw, x, y, 2, .label = "right", .color = "blue");
    CU_ASSERT_EQUAL(nplot_legend(ax, .handles = NPLOT_INTS(0, 0),
                                 .handle_axes = (nplot_axes *const[]){ ax, tw },
                                 .labels = NPLOT_STRS("left", "right"), .loc = "upper left"),
                    ND_OK);
    img m = render(fig);
    CU_ASSERT_PTR_NOT_NULL_FATAL(m.px);
    /* both colours in the legend (upper left, away from the diagonal's start) */
    CU_ASSERT(count_rgb(&m, 0xff0000, 8, 0, 0, m.w / 3, m.h / 3) > 15);
    CU_ASSERT(count_rgb(&m, 0x0000ff, 8, 0, 0, m.w / 3, m.h / 3) > 15);
    free(m.px);
    nplot_figure_free(fig);
}

/* examples/legends_multi.c's figure against its reviewed rendering
 * (tests/data/plot/legends_multi.png, checked next to matplotlib's) */
static void test_golden_legends_multi(void)
{
    nplot_figure *fig = legends_multi_figure();
    CU_ASSERT_PTR_NOT_NULL_FATAL(fig);
    char out[256];
    bool regen = golden_output(out, sizeof out, GOLDEN, ".", "legends_multi");
    CU_ASSERT_EQUAL_FATAL(nplot_savefig(fig, out), ND_OK);
    nplot_figure_free(fig);
    if (regen) return;
    double rms = image_rms(GOLDEN "/legends_multi.png", out);
    if (!(rms >= 0 && rms <= 2.0)) fprintf(stderr, "golden legends_multi: RMS %g\n", rms);
    CU_ASSERT(rms >= 0 && rms <= 2.0);
    if (rms >= 0 && rms <= 2.0) remove(out);
}

/* one bad axes legend on a fresh two-line axes: ND_EVALUE with a message containing want */
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
    CU_ASSERT_EQUAL(nplot_figure_status(fig), ND_EVALUE);
    nplot_figure_free(fig);
}

/* the same for a figure legend over two axes of one line each */
static void expect_bad_fig(const nplot_legend_opts *o, bool other_fig, const char *want)
{
    double x[2] = { 0, 1 };
    nplot_figure *fig = nplot_figure_new(), *other = nplot_figure_new();
    nplot_axes *a = nplot_subplot(fig, 1, 2, 1), *b = nplot_subplot(fig, 1, 2, 2);
    nplot_axes *c = nplot_subplot(other, 1, 1, 1);
    CU_ASSERT_FATAL(a && b && c);
    nplot_plot_xy(a, x, x, 2, .label = "a");
    nplot_plot_xy(b, x, x, 2, .label = "b");
    nplot_plot_xy(c, x, x, 2, .label = "c");
    nplot_legend_opts oo = *o;
    nplot_axes *hax[2] = { a, other_fig ? c : b };
    if (other_fig) oo.handle_axes = hax;
    CU_ASSERT_EQUAL(nplot_fig_legend_(fig, &oo), ND_EVALUE);
    if (!strstr(nd_errmsg(), want)) printf("\n  message '%s' lacks '%s'\n", nd_errmsg(), want);
    CU_ASSERT_PTR_NOT_NULL(strstr(nd_errmsg(), want));
    nplot_figure_free(fig);
    nplot_figure_free(other);
}

static void test_bad_input(void)
{
    expect_bad(&(nplot_legend_opts){ .bbox_to_anchor = NPLOT_F64S(0, 1, 2) },
               "'bbox_to_anchor' has 3 values, but it takes 2 (x, y) or 4 (x, y, width, height)");
    expect_bad(&(nplot_legend_opts){ .bbox_to_anchor = NPLOT_F64S(0, 1, 2, 3, 4) },
               "'bbox_to_anchor' has 5 values");
    expect_bad(&(nplot_legend_opts){ .bbox_to_anchor = NPLOT_F64S(0, NAN, 1, 1) }, "not finite");
    expect_bad(&(nplot_legend_opts){ .bbox_to_anchor = { 4, NULL } }, "has 4 values but no data");
    expect_bad(&(nplot_legend_opts){ .mode = "fill" }, "unknown mode 'fill'");
    expect_bad(&(nplot_legend_opts){ .mode = "expand", .bbox_to_anchor = NPLOT_F64S(0, 1) },
               "needs a box");
    expect_bad(&(nplot_legend_opts){ .borderaxespad = -1 }, "borderaxespad");
    expect_bad(&(nplot_legend_opts){ .handle_axes = (nplot_axes *const[]){ NULL } },
               "handle_axes without handles");
    expect_bad(&(nplot_legend_opts){ .handles = NPLOT_INTS(0), .labels = NPLOT_STRS("x"),
                                     .handle_axes = (nplot_axes *const[]){ NULL } },
               "handle_axes[0] is NULL");
    expect_bad_fig(&(nplot_legend_opts){ .handles = NPLOT_INTS(0), .labels = NPLOT_STRS("x") },
                   false, "handles need handle_axes");
    expect_bad_fig(&(nplot_legend_opts){ .handles = NPLOT_INTS(0, 0), .labels = NPLOT_STRS("x", "y") },
                   true, "handle_axes[1] is an axes of another figure");
    expect_bad_fig(&(nplot_legend_opts){ .labels = NPLOT_STRS("x") }, false,
                   "1 labels but the figure's axes have 2 labelled artists");
    expect_bad_fig(&(nplot_legend_opts){ .loc = "top" }, false, "unknown loc 'top'");
    /* keeping a legend the axes does not have; NULLs */
    nplot_figure *fig = nplot_figure_new();
    nplot_axes *ax = nplot_subplot(fig, 1, 1, 1);
    CU_ASSERT_EQUAL(nplot_legend_add_artist(ax), ND_EVALUE);
    CU_ASSERT_PTR_NOT_NULL(strstr(nd_errmsg(), "has no legend"));
    nplot_figure_free(fig);
    CU_ASSERT_EQUAL(nplot_legend_add_artist(NULL), ND_EVALUE);
    CU_ASSERT_EQUAL(nplot_fig_legend(NULL), ND_EVALUE);
    /* a failed figure refuses further legends with its first error */
    fig = nplot_figure_new();
    ax = nplot_subplot(fig, 1, 1, 1);
    CU_ASSERT_EQUAL(nplot_legend(ax, .mode = "wide"), ND_EVALUE);
    CU_ASSERT_EQUAL(nplot_fig_legend(fig), ND_EVALUE);
    CU_ASSERT_PTR_NOT_NULL(strstr(nd_errmsg(), "unknown mode 'wide'"));
    nplot_figure_free(fig);
}

/* every allocation failing once in the example's figure, rendered: a clean ND_ENOMEM, no
 * leak (ASan) */
static nd_status fault_body(void *ctx)
{
    (void)ctx;
    nplot_figure *fig = legends_multi_figure();
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
    faultsim_report r = faultsim_run("legends_multi", fault_body, NULL);
    CU_ASSERT(r.ok);
    if (!r.ok) printf("\n%s\n", r.why);
    CU_ASSERT(r.runs > 20);
}

static const ND_TEST tests[] = {
    ND_T(test_frames_match_matplotlib),
    ND_T(test_expand_spreads_columns),
    ND_T(test_errorbar_handle),
    ND_T(test_point_anchor_expand_and_figure_default),
    ND_T(test_point_anchor_best),
    ND_T(test_replace_keep_and_freeze),
    ND_T(test_handles_from_twin),
    ND_T(test_golden_legends_multi),
    ND_T(test_bad_input),
    ND_T(test_allocation_failures),
    { 0 },
};

ND_TEST_MAIN("plot_legends_multi", tests)
