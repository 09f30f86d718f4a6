/* Axes properties (issue 20): aspect / anchor / adjustable / box aspect positions, data
 * ratios, bounds with inverted axes, contains_point, transforms and autoscale switches
 * against matplotlib 3.6 (tests/axesprops_expected.h from scripts/gen_axesprops_expected.py);
 * the drawing effects of visible, zorder, frame_on, set_position, in_layout, gid and
 * rasterized checked in pixels and SVG text; the stored properties; bad input. */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "axesprops_expected.h"
#include "plot_image.h"
#include "testutil.h"

static const char *ANCH[] = { "C", "SW", "S", "SE", "E", "NE", "N", "NW", "W" };

static nplot_axes *unit_axes(nplot_figure **fig, double w, double h)
{
    *fig = nplot_figure_new(.width = w, .height = h, .dpi = 100);
    nplot_axes *ax = nplot_add_axes(*fig, 0.1, 0.1, 0.8, 0.8);
    nplot_set_xlim(ax, 0, 1);
    nplot_set_ylim(ax, 0, 1);
    return ax;
}

/* positions are laid out on whole pixels: 1 px of 400 / 600 */
static bool near_bounds(const double *got, const double *want, double tol)
{
    for (int i = 0; i < 4; i++)
        if (!(fabs(got[i] - want[i]) <= tol)) {
            fprintf(stderr, "bounds %d: %g, matplotlib %g\n", i, got[i], want[i]);
            return false;
        }
    return true;
}

static void test_aspect_anchor_positions(void)
{
    for (int t = 0; t < 4; t++) {
        const double *want = t == 0 ? ASPECT_BOX_WIDE : t == 1 ? ASPECT_BOX_TALL
                           : t == 2 ? BOX_ASPECT_HALF : BOX_ASPECT_TWO;
        for (int i = 0; i < 9; i++) {
            nplot_figure *fig;
            nplot_axes *ax = unit_axes(&fig, t == 1 ? 4 : 6, t == 1 ? 6 : 4);
            nd_status st = t < 2 ? nplot_set_aspect(ax, 1) : nplot_axes_set_box_aspect(ax, t == 2 ? 0.5 : 2);
            CU_ASSERT_EQUAL(st, ND_OK);
            CU_ASSERT_EQUAL(nplot_axes_set_anchor(ax, ANCH[i]), ND_OK);
            double fx, fy;
            CU_ASSERT_STRING_EQUAL(nplot_axes_get_anchor(ax, &fx, &fy), ANCH[i]);
            double b[4], orig[4];
            CU_ASSERT_EQUAL(nplot_axes_get_active_position(ax, b), ND_OK);
            CU_ASSERT(near_bounds(b, want + 4 * i, 0.004));
            /* the original position stays the add_axes rectangle */
            CU_ASSERT_EQUAL(nplot_axes_get_position(ax, orig), ND_OK);
            CU_ASSERT(fabs(orig[0] - 0.1) < 1e-12 && fabs(orig[2] - 0.8) < 1e-12);
            if (t >= 2) CU_ASSERT_STRING_EQUAL(nplot_axes_get_adjustable(ax), "datalim");
            nplot_figure_free(fig);
        }
    }
    /* anchor as fractions */
    nplot_figure *fig;
    nplot_axes *ax = unit_axes(&fig, 6, 4);
    nplot_set_aspect(ax, 1);
    CU_ASSERT_EQUAL(nplot_axes_set_anchor_xy(ax, 0, 0.5), ND_OK);
    double b[4];
    nplot_axes_get_active_position(ax, b);
    CU_ASSERT(near_bounds(b, ASPECT_BOX_WIDE + 4 * 8, 0.004)); /* same as "W" */
    CU_ASSERT_STRING_EQUAL(nplot_axes_get_anchor(ax, NULL, NULL), "");
    CU_ASSERT_EQUAL(nplot_axes_get_aspect(ax), 1);
    nplot_figure_free(fig);
}

static void test_adjustable_datalim(void)
{
    nplot_figure *fig = nplot_figure_new(.width = 6, .height = 4, .dpi = 100);
    nplot_axes *ax = nplot_add_axes(fig, 0.1, 0.1, 0.8, 0.8);
    double x[] = { 0, 1 }, y[] = { 0, 1 };
    nplot_plot_xy(ax, x, y, 2);
    CU_ASSERT_STRING_EQUAL(nplot_axes_get_adjustable(ax), "box");
    CU_ASSERT_EQUAL(nplot_axes_set_adjustable(ax, "datalim"), ND_OK);
    CU_ASSERT_EQUAL(nplot_set_aspect(ax, 1), ND_OK); /* keeps the adjustable */
    CU_ASSERT_STRING_EQUAL(nplot_axes_get_adjustable(ax), "datalim");
    CU_ASSERT_EQUAL(nplot_figure_draw(fig), ND_OK);
    double l, h, b[4];
    nplot_get_xlim(ax, &l, &h);
    CU_ASSERT_DOUBLE_EQUAL(l, DATALIM_WIDE[0], 1e-9);
    CU_ASSERT_DOUBLE_EQUAL(h, DATALIM_WIDE[1], 1e-9);
    nplot_get_ylim(ax, &l, &h);
    CU_ASSERT_DOUBLE_EQUAL(l, DATALIM_WIDE[2], 1e-9);
    CU_ASSERT_DOUBLE_EQUAL(h, DATALIM_WIDE[3], 1e-9);
    nplot_axes_get_active_position(ax, b);
    CU_ASSERT(near_bounds(b, DATALIM_WIDE + 4, 0.004));
    nplot_figure_free(fig);
}

static void test_ratio_bounds_inversion(void)
{
    nplot_figure *fig;
    nplot_axes *ax = unit_axes(&fig, 6, 4);
    nplot_set_xlim(ax, 0, 10);
    nplot_set_ylim(ax, 0, 5);
    CU_ASSERT_DOUBLE_EQUAL(nplot_axes_get_data_ratio(ax), DATA_RATIO[0], 1e-12);
    nplot_set_yscale(ax, "log");
    nplot_set_ylim(ax, 1, 1000);
    nplot_set_xlim(ax, 0, 3);
    CU_ASSERT_DOUBLE_EQUAL(nplot_axes_get_data_ratio(ax), DATA_RATIO[1], 1e-12);
    nplot_set_xlim(ax, 3, 0);
    CU_ASSERT_DOUBLE_EQUAL(nplot_axes_get_data_ratio(ax), DATA_RATIO[2], 1e-12);
    CU_ASSERT_STRING_EQUAL(nplot_axes_get_yscale(ax), "log");
    CU_ASSERT_STRING_EQUAL(nplot_axes_get_xscale(ax), "linear");
    nplot_figure_free(fig);

    ax = unit_axes(&fig, 6, 4);
    nplot_set_xlim(ax, 5, 1);
    double lo, hi;
    CU_ASSERT_EQUAL(nplot_axes_get_xbound(ax, &lo, &hi), ND_OK);
    CU_ASSERT_EQUAL(lo, BOUNDS[0]);
    CU_ASSERT_EQUAL(hi, BOUNDS[1]);
    CU_ASSERT_EQUAL(nplot_axes_xaxis_inverted(ax), BOUNDS[2] != 0);
    CU_ASSERT_EQUAL(nplot_axes_set_xbound(ax, 2, 8), ND_OK);
    nplot_get_xlim(ax, &lo, &hi);
    CU_ASSERT(lo == BOUNDS[3] && hi == BOUNDS[4]);
    CU_ASSERT_EQUAL(nplot_axes_set_xbound(ax, NAN, 9), ND_OK);
    nplot_get_xlim(ax, &lo, &hi);
    CU_ASSERT(lo == BOUNDS[5] && hi == BOUNDS[6]);
    CU_ASSERT_EQUAL(nplot_axes_set_ybound(ax, -1, 3), ND_OK);
    nplot_get_ylim(ax, &lo, &hi);
    CU_ASSERT(lo == BOUNDS[7] && hi == BOUNDS[8]);
    CU_ASSERT_EQUAL(nplot_axes_yaxis_inverted(ax), BOUNDS[9] != 0);
    nplot_figure_free(fig);
}

static void test_contains_and_transforms(void)
{
    nplot_figure *fig;
    nplot_axes *ax = unit_axes(&fig, 6, 4);
    nplot_set_xlim(ax, 0, 10);
    nplot_set_ylim(ax, -1, 1);
    for (int i = 0; i < 7; i++)
        CU_ASSERT_EQUAL(nplot_axes_contains_point(ax, CONTAINS_PTS[2 * i], CONTAINS_PTS[2 * i + 1]),
                        CONTAINS[i] != 0);
    const double *T = TRANSFORMS;
    double ox, oy;
    const double dpts[3][2] = { { 0, -1 }, { 2.5, 0.5 }, { 10, 1 } };
    for (int i = 0; i < 3; i++) {
        CU_ASSERT_EQUAL(nplot_axes_transform(ax, "data", "display", dpts[i][0], dpts[i][1], &ox, &oy), ND_OK);
        CU_ASSERT(fabs(ox - T[2 * i]) <= 0.5 && fabs(oy - T[2 * i + 1]) <= 0.5);
    }
    nplot_axes_transform(ax, "axes", "display", 0.25, 0.75, &ox, &oy);
    CU_ASSERT(fabs(ox - T[6]) <= 0.5 && fabs(oy - T[7]) <= 0.5);
    nplot_axes_transform(ax, "axes", "data", 0.25, 0.75, &ox, &oy);
    CU_ASSERT(fabs(ox - T[8]) <= 1e-9 && fabs(oy - T[9]) <= 1e-9);
    nplot_axes_transform(ax, "xaxis", "display", 5, 0.5, &ox, &oy);
    CU_ASSERT(fabs(ox - T[10]) <= 0.5 && fabs(oy - T[11]) <= 0.5);
    nplot_axes_transform(ax, "yaxis", "display", 0.5, 0.5, &ox, &oy);
    CU_ASSERT(fabs(ox - T[12]) <= 0.5 && fabs(oy - T[13]) <= 0.5);
    nplot_axes_transform(ax, "display", "data", 150, 300, &ox, &oy);
    CU_ASSERT(fabs(ox - T[14]) <= 0.02 && fabs(oy - T[15]) <= 0.01);
    /* figure fractions round trip */
    nplot_axes_transform(ax, "data", "figure", 0, -1, &ox, &oy);
    CU_ASSERT(fabs(ox - 0.1) < 0.002 && fabs(oy - 0.1) < 0.003);
    /* data → display agrees with nplot_data_to_pixel (origin top-left) */
    double px, py;
    int W, H;
    nplot_figure_pixel_size(fig, &W, &H);
    nplot_data_to_pixel(ax, 2.5, 0.5, &px, &py);
    nplot_axes_transform(ax, "data", "display", 2.5, 0.5, &ox, &oy);
    CU_ASSERT(fabs(px - ox) < 1e-9 && fabs((H - py) - oy) < 1e-9);
    CU_ASSERT_EQUAL(nplot_axes_transform(ax, "data", "pixels", 0, 0, &ox, &oy), ND_EVALUE);
    nplot_figure_free(fig);
}

static void test_autoscale_switches_and_datalim(void)
{
    nplot_figure *fig = nplot_figure_new();
    nplot_axes *ax = nplot_subplot(fig, 1, 1, 1);
    double x[] = { 0, 10 }, y[] = { 0, 20 };
    nplot_plot_xy(ax, x, y, 2);
    CU_ASSERT(nplot_axes_get_autoscale_on(ax));
    CU_ASSERT_EQUAL(nplot_axes_set_autoscalex_on(ax, false), ND_OK);
    double lo, hi;
    nplot_get_xlim(ax, &lo, &hi);
    CU_ASSERT(lo == AUTOSCALE[0] && hi == AUTOSCALE[1]);
    nplot_get_ylim(ax, &lo, &hi);
    CU_ASSERT_DOUBLE_EQUAL(lo, AUTOSCALE[2], 1e-9);
    CU_ASSERT_DOUBLE_EQUAL(hi, AUTOSCALE[3], 1e-9);
    CU_ASSERT_EQUAL(nplot_axes_get_autoscalex_on(ax), AUTOSCALE[4] != 0);
    CU_ASSERT_EQUAL(nplot_axes_get_autoscaley_on(ax), AUTOSCALE[5] != 0);
    nplot_set_ylim(ax, 0, 5);
    CU_ASSERT_EQUAL(nplot_axes_get_autoscaley_on(ax), AUTOSCALE[6] != 0);
    CU_ASSERT_EQUAL(nplot_axes_get_autoscale_on(ax), AUTOSCALE[7] != 0);
    CU_ASSERT_EQUAL(nplot_axes_set_autoscale_on(ax, true), ND_OK);
    nplot_get_xlim(ax, &lo, &hi);
    CU_ASSERT_DOUBLE_EQUAL(hi, 10.5, 1e-9);
    nplot_figure_free(fig);

    fig = nplot_figure_new();
    ax = nplot_subplot(fig, 1, 1, 1);
    CU_ASSERT(!nplot_axes_has_data(ax));
    double x2[] = { 0, 1 };
    nplot_plot_xy(ax, x2, x2, 2);
    CU_ASSERT(nplot_axes_has_data(ax));
    double ux[] = { 5, NAN }, uy[] = { -2, 9 };
    CU_ASSERT_EQUAL(nplot_axes_update_datalim(ax, ux, uy, 2), ND_OK);
    nplot_get_xlim(ax, &lo, &hi);
    CU_ASSERT(fabs(lo - DATALIM_UPDATE[0]) < 1e-9 && fabs(hi - DATALIM_UPDATE[1]) < 1e-9);
    nplot_get_ylim(ax, &lo, &hi);
    CU_ASSERT(fabs(lo - DATALIM_UPDATE[2]) < 1e-9 && fabs(hi - DATALIM_UPDATE[3]) < 1e-9);
    nplot_figure_free(fig);
}

static void test_stored_properties(void)
{
    nplot_figure *fig = nplot_figure_new();
    nplot_axes *a = nplot_subplot(fig, 1, 2, 1), *b = nplot_subplot(fig, 1, 2, 2);
    CU_ASSERT(isnan(nplot_axes_get_alpha(a)));
    CU_ASSERT_EQUAL(nplot_axes_set_alpha(a, 0.25), ND_OK);
    CU_ASSERT_EQUAL(nplot_axes_get_alpha(a), 0.25);
    CU_ASSERT(nplot_axes_get_clip_on(a));
    nplot_axes_set_clip_on(a, false);
    CU_ASSERT(!nplot_axes_get_clip_on(a));
    nplot_axes_set_snap(a, NPLOT_ON);
    CU_ASSERT_EQUAL(nplot_axes_get_snap(a), NPLOT_ON);
    CU_ASSERT_PTR_NULL(nplot_axes_get_label(a));
    nplot_axes_set_label(a, "left");
    CU_ASSERT_STRING_EQUAL(nplot_axes_get_label(a), "left");
    nplot_axes_set_url(a, "https://numc.org");
    CU_ASSERT_STRING_EQUAL(nplot_axes_get_url(a), "https://numc.org");
    CU_ASSERT_EQUAL(nplot_axes_get_zorder(a), 0);
    CU_ASSERT(nplot_axes_get_visible(a) && nplot_axes_get_in_layout(a) && nplot_axes_get_frame_on(a));
    CU_ASSERT(!nplot_axes_get_rasterized(a));
    CU_ASSERT(isnan(nplot_axes_get_rasterization_zorder(a)));
    nplot_axes_set_rasterization_zorder(a, 1.5);
    CU_ASSERT_EQUAL(nplot_axes_get_rasterization_zorder(a), 1.5);
    double c[4];
    nplot_set_facecolor(a, "red");
    CU_ASSERT_EQUAL(nplot_axes_get_facecolor(a, c), ND_OK);
    CU_ASSERT(c[0] == 1 && c[1] == 0 && c[2] == 0 && c[3] == 1);
    CU_ASSERT_EQUAL(nplot_axes_get_axisbelow(a), NPLOT_AXISBELOW_LINE); /* matplotlib's 'line' */
    nplot_set_axisbelow(a, NPLOT_ON);
    CU_ASSERT_EQUAL(nplot_axes_get_axisbelow(a), NPLOT_ON);
    nplot_set_title(a, "mid");
    nplot_set_title(a, "L", .loc = "left");
    CU_ASSERT_STRING_EQUAL(nplot_axes_get_title(a, NULL), "mid");
    CU_ASSERT_STRING_EQUAL(nplot_axes_get_title(a, "left"), "L");
    CU_ASSERT_STRING_EQUAL(nplot_axes_get_title(a, "right"), "");
    CU_ASSERT_PTR_NULL(nplot_axes_get_title(a, "top"));
    nplot_set_xlabel(a, "time");
    CU_ASSERT_STRING_EQUAL(nplot_axes_get_xlabel(a), "time");
    CU_ASSERT_STRING_EQUAL(nplot_axes_get_ylabel(a), "");
    /* sharing */
    CU_ASSERT(!nplot_axes_shares_x(a, b));
    CU_ASSERT(nplot_axes_shares_x(a, a));
    nplot_sharex(b, a);
    CU_ASSERT(nplot_axes_shares_x(a, b) && nplot_axes_shares_x(b, a));
    CU_ASSERT(!nplot_axes_shares_y(a, b));
    /* legend handles and labels */
    double x[] = { 0, 1 };
    nplot_plot_xy(a, x, x, 2, .label = "one");
    nplot_plot_xy(a, x, x, 2);
    nplot_plot_xy(a, x, x, 2, .label = "_hidden");
    nplot_plot_xy(a, x, x, 2, .label = "two");
    int idx[4];
    const char *lab[4];
    CU_ASSERT_EQUAL(nplot_axes_get_legend_handles_labels(a, idx, lab, 4), 2);
    CU_ASSERT(idx[0] == 0 && idx[1] == 3);
    CU_ASSERT_STRING_EQUAL(lab[0], "one");
    CU_ASSERT_STRING_EQUAL(lab[1], "two");
    CU_ASSERT(!nplot_axes_has_legend(a));
    nplot_legend(a);
    CU_ASSERT(nplot_axes_has_legend(a));
    nplot_figure_free(fig);
}

static void test_bad_input(void)
{
    nplot_figure *fig = nplot_figure_new();
    nplot_axes *ax = nplot_subplot(fig, 1, 1, 1);
    CU_ASSERT_EQUAL(nplot_axes_set_anchor(ax, "X"), ND_EVALUE);
    CU_ASSERT_PTR_NOT_NULL(strstr(nd_errmsg(), "nplot_axes_set_anchor"));
    nplot_figure_free(fig);
    fig = nplot_figure_new();
    ax = nplot_subplot(fig, 1, 1, 1);
    CU_ASSERT_EQUAL(nplot_axes_set_adjustable(ax, "both"), ND_EVALUE);
    nplot_figure_free(fig);
    fig = nplot_figure_new();
    ax = nplot_subplot(fig, 1, 1, 1);
    CU_ASSERT_EQUAL(nplot_axes_set_alpha(ax, 2), ND_EVALUE);
    nplot_figure_free(fig);
    fig = nplot_figure_new();
    ax = nplot_subplot(fig, 1, 1, 1);
    CU_ASSERT_EQUAL(nplot_axes_set_gid(ax, "a\"b"), ND_EVALUE);
    nplot_figure_free(fig);
    fig = nplot_figure_new();
    ax = nplot_subplot(fig, 1, 1, 1);
    CU_ASSERT_EQUAL(nplot_axes_set_box_aspect(ax, -1), ND_EVALUE);
    nplot_figure_free(fig);
    fig = nplot_figure_new();
    ax = nplot_subplot(fig, 1, 1, 1);
    const double r[4] = { 0.1, 0.1, -1, 0.5 };
    CU_ASSERT_EQUAL(nplot_axes_set_position(ax, r, NULL), ND_EVALUE);
    nplot_figure_free(fig);
    CU_ASSERT_EQUAL(nplot_axes_set_zorder(NULL, 1), ND_EVALUE);
    CU_ASSERT(!nplot_axes_get_visible(NULL));
}

/* ---- drawing effects ------------------------------------------------------------------- */
static void test_visible_zorder_frame(void)
{
    /* two overlapping axes: red below blue by creation order, then red on top by zorder */
    for (int k = 0; k < 4; k++) {
        nplot_figure *fig = nplot_figure_new(.width = 4, .height = 3, .dpi = 100);
        nplot_axes *r = nplot_add_axes(fig, 0.1, 0.1, 0.5, 0.5);
        nplot_axes *b = nplot_add_axes(fig, 0.3, 0.3, 0.5, 0.5);
        nplot_set_facecolor(r, "#ff0000");
        nplot_set_facecolor(b, "#0000ff");
        if (k == 1) nplot_axes_set_zorder(r, 1);
        if (k == 2) nplot_axes_set_visible(b, false);
        if (k == 3) nplot_axes_set_frame_on(b, false);
        img m = render(fig);
        CU_ASSERT_PTR_NOT_NULL_FATAL(m.px);
        /* overlap centre at figure fraction (0.45, 0.45): pixel (180, 165) */
        const unsigned char *p = at(&m, 180, 165);
        if (k == 0) CU_ASSERT(near(p, 0, 0, 255, 10));
        if (k == 1 || k == 2 || k == 3) CU_ASSERT(near(p, 255, 0, 0, 10));
        /* blue-only corner (0.75, 0.75): pixel (300, 75) */
        p = at(&m, 300, 75);
        if (k <= 1) CU_ASSERT(near(p, 0, 0, 255, 10));
        if (k >= 2) CU_ASSERT(near(p, 255, 255, 255, 10));
        free(m.px);
        nplot_figure_free(fig);
    }
}

static void test_set_position_figure(void)
{
    nplot_figure *fig = nplot_figure_new(.width = 4, .height = 3, .dpi = 100);
    nplot_axes *ax = nplot_subplot(fig, 1, 1, 1);
    nplot_set_facecolor(ax, "#00ff00");
    const double rect[4] = { 0.5, 0.5, 0.4, 0.4 };
    CU_ASSERT_EQUAL(nplot_axes_set_position(ax, rect, "both"), ND_OK);
    CU_ASSERT(!nplot_axes_get_in_layout(ax));
    double b[4];
    nplot_axes_get_position(ax, b);
    CU_ASSERT(near_bounds(b, rect, 1e-12));
    nplot_axes_get_active_position(ax, b);
    CU_ASSERT(near_bounds(b, rect, 0.004));
    img m = render(fig);
    CU_ASSERT_PTR_NOT_NULL_FATAL(m.px);
    CU_ASSERT(near(at(&m, 280, 80), 0, 255, 0, 10));    /* inside the new box */
    CU_ASSERT(near(at(&m, 100, 200), 255, 255, 255, 10)); /* the old cell's area: empty */
    free(m.px);
    CU_ASSERT_EQUAL(nplot_axes_reset_position(ax), ND_OK);
    nplot_axes_get_active_position(ax, b);
    CU_ASSERT(near_bounds(b, rect, 0.004)); /* the original is the new rectangle */
    nplot_figure_free(fig);
}

static void test_in_layout_tight(void)
{
    double left[2];
    for (int k = 0; k < 2; k++) {
        nplot_figure *fig = nplot_figure_new(.width = 6, .height = 3, .dpi = 100);
        nplot_axes *a = nplot_subplot(fig, 1, 2, 1);
        nplot_subplot(fig, 1, 2, 2);
        nplot_set_ylabel(a, "a long\nthree line\ny label");
        if (k) nplot_axes_set_in_layout(a, false);
        nplot_tight_layout(fig);
        double b[4];
        nplot_axes_get_position(a, b);
        left[k] = b[0];
        nplot_figure_free(fig);
    }
    /* left out, tight_layout makes no room for its label */
    CU_ASSERT(left[1] < left[0] - 0.02);
}

static char *svg_of(nplot_figure *fig, const char *name)
{
    char path[256];
    snprintf(path, sizeof path, "/tmp/numc_axesprops_%d_%s.svg", (int)getpid(), name);
    if (nplot_savefig(fig, path) != ND_OK) return NULL;
    char *s = read_file(path, NULL);
    remove(path);
    return s;
}

static void test_svg_gid_rasterized(void)
{
    nplot_figure *fig = nplot_figure_new(.width = 3, .height = 2);
    nplot_axes *a = nplot_subplot(fig, 1, 2, 1), *b = nplot_subplot(fig, 1, 2, 2);
    double x[] = { 0, 1, 2 }, y[] = { 1, 0, 1 };
    nplot_plot_xy(a, x, y, 3, .marker = "o");
    nplot_plot_xy(b, x, y, 3);
    CU_ASSERT_EQUAL(nplot_axes_set_gid(a, "left_axes"), ND_OK);
    CU_ASSERT_STRING_EQUAL(nplot_axes_get_gid(a), "left_axes");
    char *s = svg_of(fig, "gid");
    CU_ASSERT_PTR_NOT_NULL_FATAL(s);
    CU_ASSERT_EQUAL(count_substr(s, "<g id=\"left_axes\">"), 1);
    CU_ASSERT_EQUAL(count_substr(s, "<g"), count_substr(s, "</g>"));
    CU_ASSERT_EQUAL(count_substr(s, "<image"), 0);
    /* the group holds the left axes' drawing: its markers come after the open tag */
    const char *g = strstr(s, "<g id=\"left_axes\">");
    CU_ASSERT(g && strstr(g, "xlink:href=\"#nm"));
    free(s);
    /* the whole right axes as one image */
    CU_ASSERT_EQUAL(nplot_axes_set_rasterized(b, true), ND_OK);
    s = svg_of(fig, "rast");
    CU_ASSERT_PTR_NOT_NULL_FATAL(s);
    CU_ASSERT_EQUAL(count_substr(s, "<image"), 1);
    free(s);
    nplot_axes_set_rasterized(b, false);
    /* only the artists below zorder 2.1 (the lines, 2) */
    nplot_axes_set_rasterization_zorder(a, 2.1);
    s = svg_of(fig, "rz");
    CU_ASSERT_PTR_NOT_NULL_FATAL(s);
    CU_ASSERT_EQUAL(count_substr(s, "<image"), 1);
    CU_ASSERT_EQUAL(count_substr(s, "xlink:href=\"#nm"), 0); /* the markers are in the image */
    free(s);
    /* the PNG is the same either way */
    img m = render(fig);
    CU_ASSERT_PTR_NOT_NULL(m.px);
    free(m.px);
    nplot_figure_free(fig);
}

static void test_minor_ticks(void)
{
    nplot_figure *fig = nplot_figure_new();
    nplot_axes *ax = nplot_subplot(fig, 1, 1, 1);
    nplot_set_xscale(ax, "log");
    nplot_set_xlim(ax, 1, 100);
    double t[32];
    int n = nplot_get_xminorticks(ax, t, 32);
    /* matplotlib: 2..9 and 20..90 */
    CU_ASSERT_EQUAL(n, 16);
    if (n == 16) CU_ASSERT(fabs(t[0] - 2) < 1e-9 && fabs(t[15] - 90) < 1e-9);
    CU_ASSERT_EQUAL(nplot_get_yminorticks(ax, NULL, 0), 0);
    nplot_figure_free(fig);
}

static const ND_TEST tests[] = {
    ND_T(test_aspect_anchor_positions),
    ND_T(test_adjustable_datalim),
    ND_T(test_ratio_bounds_inversion),
    ND_T(test_contains_and_transforms),
    ND_T(test_autoscale_switches_and_datalim),
    ND_T(test_stored_properties),
    ND_T(test_bad_input),
    ND_T(test_visible_zorder_frame),
    ND_T(test_set_position_figure),
    ND_T(test_in_layout_tight),
    ND_T(test_svg_gid_rasterized),
    ND_T(test_minor_ticks),
    { 0 },
};

ND_TEST_MAIN("plot_axesprops", tests)
