/* libnumc_plot artists and axes features: structural checks on rendered pixels and SVG. */
#include <numc/plot.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "plot_image.h"
#include "testutil.h"

static size_t last_len;

/* Occurrences of needle in the first last_len bytes of s (binary safe, for PDF). */
static int count_bytes(const char *s, const char *needle)
{
    size_t m = strlen(needle);
    int n = 0;
    for (size_t i = 0; i + m <= last_len; i++)
        if (memcmp(s + i, needle, m) == 0) n++;
    return n;
}

static char *svg_of(nplot_figure *fig, const char *path)
{
    if (nplot_savefig(fig, path) != ND_OK) return NULL;
    char *b = read_file(path, &last_len);
    remove(path);
    return b;
}

/* ---- artists ------------------------------------------------------------------------------------ */
static void test_step_where_pre_and_post(void)
{
    double x[3] = { 0, 1, 2 }, y[3] = { 0, 1, 0 };
    for (int k = 0; k < 2; k++) {
        nplot_figure *fig = nplot_figure_new(.width = 3, .height = 3);
        nplot_axes *ax = bare_axes(fig, -0.5, 2.5, -0.5, 1.5);
        nplot_step_xy(ax, x, y, 3, .where = k ? "post" : "pre", .color = "black", .linewidth = 3);
        img m = render(fig);
        CU_ASSERT_PTR_NOT_NULL_FATAL(m.px);
        /* pre: the value changes at the start of each interval, so (0.5, 1) is on the
         * line; post: it changes at the end, so (0.5, 0) is */
        const unsigned char *hi = at_data(&m, ax, 0.5, 1), *lo = at_data(&m, ax, 0.5, 0);
        CU_ASSERT(near(k ? lo : hi, 0, 0, 0, 60));
        CU_ASSERT(near(k ? hi : lo, 255, 255, 255, 10));
        free(m.px);
        nplot_figure_free(fig);
    }
}

static void test_fill_between_where_and_baseline(void)
{
    double x[5] = { 0, 1, 2, 3, 4 }, y[5] = { 1, 1, 1, 1, 1 };
    bool where[5] = { true, true, false, false, true };
    nplot_figure *fig = nplot_figure_new(.width = 4, .height = 3);
    nplot_axes *ax = bare_axes(fig, 0, 4, -1, 2);
    nplot_fill_between_xy(ax, x, y, NULL, 5, .where_b = where, .color = "blue");
    img m = render(fig);
    CU_ASSERT_PTR_NOT_NULL_FATAL(m.px);
    CU_ASSERT(near(at_data(&m, ax, 0.5, 0.5), 0, 0, 255, 10));  /* masked in: filled */
    CU_ASSERT(near(at_data(&m, ax, 2.5, 0.5), 255, 255, 255, 10)); /* masked out */
    CU_ASSERT(near(at_data(&m, ax, 0.5, -0.5), 255, 255, 255, 10)); /* below the 0 baseline */
    CU_ASSERT(near(at_data(&m, ax, 0.5, 1.5), 255, 255, 255, 10)); /* above y1 */
    free(m.px);
    nplot_figure_free(fig);
}

static void test_scatter_colors_follow_colormap(void)
{
    double x[2] = { 1, 3 }, y[2] = { 1, 1 }, c[2] = { 5, 10 };
    nplot_figure *fig = nplot_figure_new(.width = 4, .height = 2);
    nplot_axes *ax = bare_axes(fig, 0, 4, 0, 2);
    nplot_scatter_xy(ax, x, y, 2, .c_f64 = NPLOT_F64_ARRAY(c, 2), .cmap = "viridis", .s = 400);
    img m = render(fig);
    CU_ASSERT_PTR_NOT_NULL_FATAL(m.px);
    nplot_rgba lo, hi;
    nplot_cmap_color("viridis", 0, &lo);
    nplot_cmap_color("viridis", 1, &hi);
    CU_ASSERT(near(at_data(&m, ax, 1, 1), (int)(lo.r * 255 + .5), (int)(lo.g * 255 + .5), (int)(lo.b * 255 + .5), 3));
    CU_ASSERT(near(at_data(&m, ax, 3, 1), (int)(hi.r * 255 + .5), (int)(hi.g * 255 + .5), (int)(hi.b * 255 + .5), 3));
    CU_ASSERT(near(at_data(&m, ax, 2, 1), 255, 255, 255, 5));
    free(m.px);
    nplot_figure_free(fig);
}

static void test_scatter_per_point_sizes(void)
{
    double x[2] = { 1, 3 }, y[2] = { 1, 1 }, s[2] = { 100, 2500 };
    nplot_figure *fig = nplot_figure_new(.width = 4, .height = 2);
    nplot_axes *ax = bare_axes(fig, 0, 4, 0, 2);
    nplot_scatter_xy(ax, x, y, 2, .sizes_f64 = NPLOT_F64_ARRAY(s, 2), .color = "red",
                     .marker = "s");
    img m = render(fig);
    CU_ASSERT_PTR_NOT_NULL_FATAL(m.px);
    /* s is an area in pt²: side 10 pt vs 50 pt (x 100/72 px per pt) */
    double px, py;
    nplot_data_to_pixel(ax, 3, 1, &px, &py);
    CU_ASSERT(near(at(&m, px + 30, py), 255, 0, 0, 10));  /* inside the big square */
    nplot_data_to_pixel(ax, 1, 1, &px, &py);
    CU_ASSERT(near(at(&m, px + 4, py), 255, 0, 0, 10));
    CU_ASSERT(near(at(&m, px + 12, py), 255, 255, 255, 10)); /* outside the small one */
    free(m.px);
    nplot_figure_free(fig);
}

static void test_errorbar_structure_in_svg(void)
{
    double x[5] = { 0, 1, 2, 3, 4 }, y[5] = { 1, 2, 3, 2, 1 };
    nplot_figure *fig = nplot_figure_new();
    nplot_axes *ax = nplot_add_axes(fig, 0.1, 0.1, 0.8, 0.8);
    nplot_axis(ax, "off");
    CU_ASSERT_EQUAL(nplot_errorbar_xy(ax, x, y, 5, .yerr_value = 0.5, .capsize = 3), ND_OK);
    char *svg = svg_of(fig, "plot_test_errorbar.svg");
    CU_ASSERT_PTR_NOT_NULL_FATAL(svg);
    /* the data line, one path with all bars, the caps (2 per point): one cap shape
     * defined once and one path placing it at the 10 cap positions (lean SVG), and the
     * axes clip rectangle around them */
    CU_ASSERT_EQUAL(count_substr(svg, "<path"), 1 + 1 + 1 + 1 + 1);
    CU_ASSERT_EQUAL(count_substr(svg, "<marker id"), 1);
    /* in PDF the cap marker is one form XObject placed 10 times */
    char *pdf = svg_of(fig, "plot_test_errorbar.pdf");
    CU_ASSERT_PTR_NOT_NULL_FATAL(pdf);
    CU_ASSERT_EQUAL(count_bytes(pdf, "/Subtype /Form"), 1);
    free(pdf);
    free(svg);
    double lo, hi;
    nplot_get_ylim(ax, &lo, &hi); /* the bars take part in autoscaling */
    ND_ASSERT_CLOSE(lo, 0.5 - 0.15, 1e-9);
    ND_ASSERT_CLOSE(hi, 3.5 + 0.15, 1e-9);
    CU_ASSERT_EQUAL(nplot_errorbar_xy(ax, x, y, 5, .capsize = -1), ND_EVALUE);
    nplot_figure_free(fig);
}

static void test_errorbar_asymmetric_array(void)
{
    nplot_figure *fig = nplot_figure_new();
    nplot_axes *ax = nplot_subplot(fig, 1, 1, 1);
    double xv[3] = { 1, 2, 3 }, yv[3] = { 0, 0, 0 }, ev[6] = { 1, 1, 1, 2, 2, 2 };
    nd_array *x = nd_from_f64(xv, 3), *y = nd_from_f64(yv, 3);
    nd_array *e = nd_from_buffer(ev, ND_SHAPE(2, 3), ND_FLOAT64);
    nd_array *bad = nd_from_buffer(ev, ND_SHAPE(3, 2), ND_FLOAT64);
    CU_ASSERT_EQUAL(nplot_errorbar(ax, x, y, .yerr = e), ND_OK);
    double lo, hi;
    nplot_get_ylim(ax, &lo, &hi);
    ND_ASSERT_CLOSE(lo, -1 - 0.15, 1e-9); /* lower errors 1, upper 2 */
    ND_ASSERT_CLOSE(hi, 2 + 0.15, 1e-9);
    nplot_figure *f2 = nplot_figure_new();
    CU_ASSERT_EQUAL(nplot_errorbar(nplot_subplot(f2, 1, 1, 1), x, y, .yerr = bad), ND_ESHAPE);
    CU_ASSERT(strstr(nd_errmsg(), "(2, 3)") != NULL);
    nplot_figure_free(f2);
    nd_free(x), nd_free(y), nd_free(e), nd_free(bad);
    nplot_figure_free(fig);
}

static void test_stem_draws_stems_and_baseline(void)
{
    double x[3] = { 1, 2, 3 }, y[3] = { 1, -1, 2 };
    nplot_figure *fig = nplot_figure_new(.width = 3, .height = 3);
    nplot_axes *ax = bare_axes(fig, 0, 4, -2, 3);
    CU_ASSERT_EQUAL(nplot_stem_xy(ax, x, y, 3), ND_OK);
    img m = render(fig);
    CU_ASSERT_PTR_NOT_NULL_FATAL(m.px);
    /* stems in C0 halfway up, baseline in C3 between stems, nothing elsewhere */
    CU_ASSERT(near(at_data(&m, ax, 1, 0.5), 0x1f, 0x77, 0xb4, 30));
    CU_ASSERT(near(at_data(&m, ax, 2, -0.5), 0x1f, 0x77, 0xb4, 30));
    CU_ASSERT(near(at_data(&m, ax, 1.5, 0), 0xd6, 0x27, 0x28, 30));
    CU_ASSERT(near(at_data(&m, ax, 1.5, 1), 255, 255, 255, 5));
    free(m.px);
    nplot_figure_free(fig);
}

static void test_spans_and_reference_lines(void)
{
    nplot_figure *fig = nplot_figure_new(.width = 3, .height = 3);
    nplot_axes *ax = bare_axes(fig, 0, 10, 0, 10);
    nplot_axhspan(ax, 2, 4, .facecolor = "red");
    nplot_axvline(ax, 7, .color = "blue", .linewidth = 3);
    img m = render(fig);
    CU_ASSERT_PTR_NOT_NULL_FATAL(m.px);
    CU_ASSERT(near(at_data(&m, ax, 1, 3), 255, 0, 0, 5));
    CU_ASSERT(near(at_data(&m, ax, 9, 3), 255, 0, 0, 5)); /* spans the full width */
    CU_ASSERT(near(at_data(&m, ax, 1, 5), 255, 255, 255, 5));
    CU_ASSERT(near(at_data(&m, ax, 7, 8), 0, 0, 255, 30));
    free(m.px);
    /* reference lines do not move the other axis' autoscaling */
    nplot_figure *f2 = nplot_figure_new();
    nplot_axes *b = nplot_subplot(f2, 1, 1, 1);
    double xs[2] = { 0, 1 };
    nplot_plot_xy(b, xs, xs, 2);
    nplot_axhline(b, 5);
    double lo, hi;
    nplot_get_xlim(b, &lo, &hi);
    ND_ASSERT_CLOSE(hi, 1.05, 1e-12);
    nplot_get_ylim(b, &lo, &hi);
    ND_ASSERT_CLOSE(hi, 5.25, 1e-12);
    nplot_figure_free(f2);
    nplot_figure_free(fig);
}

static void test_annotate_arrow_reaches_point(void)
{
    nplot_figure *fig = nplot_figure_new(.width = 4, .height = 3);
    nplot_axes *ax = bare_axes(fig, 0, 10, 0, 10);
    CU_ASSERT_EQUAL(nplot_annotate(ax, "peak", 7, 7, .xytext = NPLOT_F64S(2, 2), .arrowstyle = "-",
                                   .arrowcolor = "red", .arrow_linewidth = 3), ND_OK);
    img m = render(fig);
    CU_ASSERT_PTR_NOT_NULL_FATAL(m.px);
    /* a straight arc3 (rad 0) passes through the middle of text and point */
    double tx, ty;
    nplot_data_to_pixel(ax, 2, 2, &tx, &ty);
    double px, py;
    nplot_data_to_pixel(ax, 7, 7, &px, &py);
    int red = 0;
    for (int dx = -3; dx <= 3; dx++)
        for (int dy = -3; dy <= 3; dy++)
            if (near(at(&m, (tx + 3 * px) / 4 + dx, (ty + 3 * py) / 4 + dy), 255, 0, 0, 40)) red++;
    CU_ASSERT(red > 0);
    free(m.px);
    CU_ASSERT_EQUAL(nplot_annotate(ax, "x", 1, 1, .arrowstyle = "=>"), ND_EVALUE);
    CU_ASSERT(strstr(nd_errmsg(), "=>") != NULL);
    nplot_figure_free(fig);
}

/* ---- axes ------------------------------------------------------------------------------------ */
static void test_subplots_share_limits(void)
{
    nplot_figure *fig = nplot_figure_new();
    nplot_axes *axs[4];
    CU_ASSERT_EQUAL(nplot_subplots(fig, 2, 2, axs, .sharex = NPLOT_SHARE_COL, .sharey = NPLOT_SHARE_ROW), ND_OK);
    double a[2] = { 0, 1 }, b[2] = { 0, 100 };
    nplot_plot_xy(axs[0], a, a, 2);
    nplot_plot_xy(axs[2], b, b, 2); /* same column as axs[0], other row */
    double lo0, hi0, lo2, hi2, lo1, hi1;
    nplot_get_xlim(axs[0], &lo0, &hi0);
    nplot_get_xlim(axs[2], &lo2, &hi2);
    CU_ASSERT(lo0 == lo2 && hi0 == hi2);
    ND_ASSERT_CLOSE(hi0, 105, 1e-12);
    nplot_get_xlim(axs[1], &lo1, &hi1); /* other column: independent (empty → 0..1) */
    CU_ASSERT(lo1 == 0 && hi1 == 1);
    nplot_get_ylim(axs[1], &lo1, &hi1); /* same row as axs[0]: shares y */
    nplot_get_ylim(axs[0], &lo0, &hi0);
    CU_ASSERT(lo0 == lo1 && hi0 == hi1);
    nplot_figure_free(fig);
}

static void test_twinx_shares_x_only(void)
{
    nplot_figure *fig = nplot_figure_new();
    nplot_axes *ax = nplot_subplot(fig, 1, 1, 1);
    nplot_axes *tw = nplot_twinx(ax);
    CU_ASSERT_PTR_NOT_NULL_FATAL(tw);
    double x[2] = { 0, 10 }, y1[2] = { 0, 1 }, y2[2] = { 100, 300 };
    nplot_plot_xy(ax, x, y1, 2);
    nplot_plot_xy(tw, x, y2, 2, .color = "C1");
    double a0, a1, b0, b1;
    nplot_get_xlim(ax, &a0, &a1);
    nplot_get_xlim(tw, &b0, &b1);
    CU_ASSERT(a0 == b0 && a1 == b1);
    nplot_get_ylim(tw, &b0, &b1);
    ND_ASSERT_CLOSE(b0, 90, 1e-12);
    ND_ASSERT_CLOSE(b1, 310, 1e-12);
    double p0, p1, q0, q1;
    nplot_axes_pixel_box(ax, &p0, NULL, &p1, NULL);
    nplot_axes_pixel_box(tw, &q0, NULL, &q1, NULL);
    CU_ASSERT(p0 == q0 && p1 == q1);
    CU_ASSERT_EQUAL(nplot_savefig(fig, "plot_test_twin.png"), ND_OK);
    remove("plot_test_twin.png");
    nplot_figure_free(fig);
}

static void test_gridspec_spans(void)
{
    nplot_figure *fig = nplot_figure_new();
    nplot_gridspec *gs = nplot_gridspec_new(fig, 3, 3, .wspace = NPLOT_ZERO, .hspace = NPLOT_ZERO);
    nplot_axes *top = nplot_gridspec_subplot(gs, "0, :");
    nplot_axes *side = nplot_gridspec_subplot(gs, "1:, -1");
    nplot_axes *cell = nplot_gridspec_subplot(gs, "2, 0");
    CU_ASSERT_PTR_NOT_NULL_FATAL(top);
    CU_ASSERT_PTR_NOT_NULL_FATAL(side);
    CU_ASSERT_PTR_NOT_NULL_FATAL(cell);
    double t[4], s[4], c[4];
    nplot_axes_pixel_box(top, &t[0], &t[1], &t[2], &t[3]);
    nplot_axes_pixel_box(side, &s[0], &s[1], &s[2], &s[3]);
    nplot_axes_pixel_box(cell, &c[0], &c[1], &c[2], &c[3]);
    /* no spacing: cells tile the default subplot area 80..576 x 58..427 */
    ND_ASSERT_CLOSE(t[0], 80, 1e-9);
    ND_ASSERT_CLOSE(t[2], 576, 1e-9);
    ND_ASSERT_CLOSE(s[2], 576, 1e-9);
    ND_ASSERT_CLOSE(s[3], 427, 1e-9);
    CU_ASSERT(fabs(s[1] - t[3]) <= 1);             /* side starts where top ends */
    CU_ASSERT(fabs((s[2] - s[0]) - (c[2] - c[0])) <= 1); /* one column wide */
    CU_ASSERT(fabs((s[3] - s[1]) - 2 * (c[3] - c[1])) <= 2); /* two rows tall */
    CU_ASSERT_PTR_NULL(nplot_gridspec_subplot(gs, "3, 0"));
    CU_ASSERT_EQUAL(nd_last_error(), ND_EINDEX);
    CU_ASSERT(strstr(nd_errmsg(), "'3, 0'") != NULL);
    nplot_figure_free(fig);
}

static void test_tight_layout_keeps_labels_inside(void)
{
    for (int tight = 0; tight < 2; tight++) {
        nplot_figure *fig = nplot_figure_new(.width = 4, .height = 3);
        nplot_axes *ax = nplot_subplot(fig, 1, 1, 1);
        double x[2] = { 0, 123456 };
        nplot_plot_xy(ax, x, x, 2);
        nplot_set_ylabel(ax, "a big label", .fontsize = 30);
        if (tight) nplot_tight_layout(fig);
        img m = render(fig);
        CU_ASSERT_PTR_NOT_NULL_FATAL(m.px);
        /* is anything dark in the leftmost pixel column (a clipped label)? */
        int dark = 0;
        for (int y = 0; y < m.h; y++)
            if (at(&m, 0, y)[0] < 128) dark++;
        if (tight) {
            CU_ASSERT_EQUAL(dark, 0);
        } else {
            CU_ASSERT(dark > 0);
        }
        free(m.px);
        nplot_figure_free(fig);
    }
}

static void test_axis_equal_gives_equal_units(void)
{
    nplot_figure *fig = nplot_figure_new();
    nplot_axes *ax = nplot_subplot(fig, 1, 1, 1);
    double x[2] = { 0, 10 }, y[2] = { 0, 1 };
    nplot_plot_xy(ax, x, y, 2);
    CU_ASSERT_EQUAL(nplot_axis(ax, "equal"), ND_OK);
    double x0, y0, x1, y1;
    nplot_data_to_pixel(ax, 0, 0, &x0, &y0);
    nplot_data_to_pixel(ax, 1, 1, &x1, &y1);
    ND_ASSERT_CLOSE(x1 - x0, y0 - y1, 1e-9);
    CU_ASSERT_EQUAL(nplot_axis(ax, "sideways"), ND_EVALUE);
    nplot_figure_free(fig);
}

static void test_ticks_labels_and_formatters(void)
{
    nplot_figure *fig = nplot_figure_new();
    nplot_axes *ax = nplot_subplot(fig, 1, 1, 1);
    nplot_set_xlim(ax, 0, 3);
    nplot_set_ylim(ax, 0, 1);
    const char *lab[3] = { "low", "mid", "high" };
    const double pos[3] = { 0.5, 1.5, 2.5 };
    CU_ASSERT_EQUAL(nplot_set_xticks(ax, pos, 3, .labels = NPLOT_STR_ARRAY(lab, 3), .rotation = 45,
                                     .ha = "right"), ND_OK);
    CU_ASSERT_EQUAL(nplot_set_yformatter(ax, .kind = "percent", .xmax = 1), ND_OK);
    double t[8];
    CU_ASSERT_EQUAL(nplot_get_xticks(ax, t, 8), 3);
    CU_ASSERT_STRING_EQUAL(nplot_get_xticklabel(ax, 2), "high");
    CU_ASSERT_EQUAL(nplot_get_yticks(ax, t, 8), 6);
    CU_ASSERT_STRING_EQUAL(nplot_get_yticklabel(ax, 1), "20%");
    CU_ASSERT_EQUAL(nplot_set_yformatter(ax, .fmt = "%.1f m"), ND_OK);
    nplot_figure_draw(fig);
    CU_ASSERT_STRING_EQUAL(nplot_get_yticklabel(ax, 1), "0.2 m");
    CU_ASSERT_EQUAL(nplot_set_yformatter(ax, .fmt = "%s"), ND_EVALUE); /* would crash snprintf */
    nplot_figure_free(fig);
}

static size_t fmt_roman(double v, int i, char *buf, size_t cap, void *ctx)
{
    (void)i;
    const char *const *names = ctx;
    int k = (int)v;
    return (size_t)snprintf(buf, cap, "%s", k >= 0 && k < 4 ? names[k] : "?");
}

static void test_callback_formatter(void)
{
    static const char *const names[] = { "I", "II", "III", "IV" };
    nplot_figure *fig = nplot_figure_new();
    nplot_axes *ax = nplot_subplot(fig, 1, 1, 1);
    nplot_set_xlim(ax, 0, 3);
    const double pos[4] = { 0, 1, 2, 3 };
    nplot_set_xticks(ax, pos, 4);
    CU_ASSERT_EQUAL(nplot_set_xformatter(ax, .fn = fmt_roman, .ctx = (void *)names), ND_OK);
    nplot_figure_draw(fig);
    CU_ASSERT_STRING_EQUAL(nplot_get_xticklabel(ax, 3), "IV");
    nplot_figure_free(fig);
}

static void test_tick_labels_never_overlap(void)
{
    /* a narrow axis with long labels: matplotlib would overlap them */
    nplot_figure *fig = nplot_figure_new(.width = 2.5, .height = 2);
    nplot_axes *ax = nplot_add_axes(fig, 0.1, 0.2, 0.85, 0.7);
    nplot_set_xlim(ax, 0, 123456789);
    nplot_set_xformatter(ax, .kind = "plain");
    double t[16];
    int n = nplot_get_xticks(ax, t, 16);
    CU_ASSERT(n >= 2);
    for (int i = 1; i < n && i < 16; i++) {
        double a, b, dummy;
        nplot_data_to_pixel(ax, t[i - 1], 0, &a, &dummy);
        nplot_data_to_pixel(ax, t[i], 0, &b, &dummy);
        size_t la = strlen(nplot_get_xticklabel(ax, i - 1)), lb = strlen(nplot_get_xticklabel(ax, i));
        /* DejaVu Sans digits are 0.636 em: 10 pt at 100 dpi ≈ 8.8 px per digit */
        CU_ASSERT(b - a >= (la + lb) / 2.0 * 8.8);
    }
    nplot_figure_free(fig);
}

static void test_styles_change_colors(void)
{
    CU_ASSERT_EQUAL(nplot_style_use("ggplot"), ND_OK);
    nplot_figure *fig = nplot_figure_new(.width = 3, .height = 3);
    nplot_axes *ax = nplot_subplot(fig, 1, 1, 1);
    CU_ASSERT_EQUAL(nplot_style_use("default"), ND_OK);
    img m = render(fig);
    CU_ASSERT_PTR_NOT_NULL_FATAL(m.px);
    double x0, y0, x1, y1;
    nplot_axes_pixel_box(ax, &x0, &y0, &x1, &y1);
    CU_ASSERT(near(at(&m, (x0 + x1) / 2 + 3, (y0 + y1) / 2 + 3), 0xe5, 0xe5, 0xe5, 2));
    free(m.px);
    nplot_figure_free(fig);
    fig = nplot_figure_new(.width = 3, .height = 3, .style = "dark_background");
    m = render(fig);
    CU_ASSERT(near(at(&m, 1, 1), 0, 0, 0, 1));
    free(m.px);
    nplot_figure_free(fig);
    CU_ASSERT_EQUAL(nplot_style_use("nonexistent"), ND_EVALUE);
    CU_ASSERT(strstr(nd_errmsg(), "nonexistent") != NULL);
    CU_ASSERT_PTR_NULL(nplot_figure_new(.style = "xkcd-ish"));
}

static void test_any_dtype_and_2d_y(void)
{
    nplot_figure *fig = nplot_figure_new();
    nplot_axes *ax = nplot_add_axes(fig, 0.1, 0.1, 0.8, 0.8);
    nplot_axis(ax, "off");
    nd_array *x = nd_arange(0, 10, 1, ND_INT32);
    nd_array *y = nd_arange(0, 30, 1, ND_FLOAT32);
    nd_array *y2 = nd_reshape(y, ND_SHAPE(10, 3));
    CU_ASSERT_EQUAL(nplot_plot(ax, x, y2, .label = "three"), ND_OK);
    char *svg = svg_of(fig, "plot_test_2d.svg");
    CU_ASSERT_PTR_NOT_NULL_FATAL(svg);
    CU_ASSERT_EQUAL(count_substr(svg, "<path"), 3);
    free(svg);
    double lo, hi;
    nplot_get_ylim(ax, &lo, &hi);
    ND_ASSERT_CLOSE(hi, 29 + 1.45, 1e-6);
    nplot_figure *f2 = nplot_figure_new();
    nd_array *z = nd_zeros(ND_SHAPE(2, 2, 2), ND_FLOAT64);
    CU_ASSERT_EQUAL(nplot_plot(nplot_subplot(f2, 1, 1, 1), NULL, z), ND_ESHAPE);
    nplot_figure_free(f2);
    nd_free(x), nd_free(y), nd_free(y2), nd_free(z);
    nplot_figure_free(fig);
}

static void test_bad_arguments_are_named(void)
{
    nplot_figure *fig = nplot_figure_new();
    CU_ASSERT_PTR_NULL(nplot_subplot(fig, 2, 2, 5));
    CU_ASSERT(strstr(nd_errmsg(), "5") != NULL);
    nplot_figure_free(fig);
    fig = nplot_figure_new();
    nplot_axes *ax = nplot_subplot(fig, 1, 1, 1);
    double x[2] = { 0, 1 };
    CU_ASSERT_EQUAL(nplot_plot_xy(ax, x, x, 2, .marker = "Q"), ND_EVALUE);
    CU_ASSERT(strstr(nd_errmsg(), "'Q'") != NULL);
    nplot_figure_free(fig);
    fig = nplot_figure_new();
    ax = nplot_subplot(fig, 1, 1, 1);
    CU_ASSERT_EQUAL(nplot_legend(ax, .loc = "top middle"), ND_EVALUE);
    CU_ASSERT(strstr(nd_errmsg(), "top middle") != NULL);
    nplot_figure_free(fig);
    fig = nplot_figure_new();
    ax = nplot_subplot(fig, 1, 1, 1);
    CU_ASSERT_EQUAL(nplot_set_xscale(ax, "probit"), ND_EVALUE);
    CU_ASSERT(strstr(nd_errmsg(), "probit") != NULL);
    nplot_figure_free(fig);
    fig = nplot_figure_new();
    ax = nplot_subplot(fig, 1, 1, 1);
    CU_ASSERT_EQUAL(nplot_plot_xy(ax, x, x, 2, .linestyle = "~~"), ND_EVALUE);
    CU_ASSERT(strstr(nd_errmsg(), "~~") != NULL);
    nplot_figure_free(fig);
    CU_ASSERT_EQUAL(nplot_plot_xy(NULL, x, x, 2), ND_EVALUE);
}

static void test_legend_renders_all_handle_kinds(void)
{
    nplot_figure *fig = nplot_figure_new();
    nplot_axes *ax = nplot_subplot(fig, 1, 1, 1);
    double x[3] = { 0, 1, 2 }, y[3] = { 0, 1, 0 };
    nplot_plot_xy(ax, x, y, 3, .fmt = "ko--", .label = "line+marker");
    nplot_scatter_xy(ax, x, y, 3, .label = "scatter", .marker = "^");
    nplot_fill_between_xy(ax, x, y, NULL, 3, .alpha = 0.3, .label = "patch");
    nplot_errorbar_xy(ax, x, y, 3, .yerr_value = 0.1, .label = "errorbar");
    nplot_plot_xy(ax, x, y, 3, .label = "_hidden");
    CU_ASSERT_EQUAL(nplot_legend(ax, .ncol = 2, .title = "kinds", .loc = "best"), ND_OK);
    CU_ASSERT_EQUAL(nplot_savefig(fig, "plot_test_legend.png"), ND_OK);
    CU_ASSERT_EQUAL(nplot_savefig(fig, "plot_test_legend.svg"), ND_OK);
    remove("plot_test_legend.png");
    remove("plot_test_legend.svg");
    nplot_figure_free(fig);
}

static const ND_TEST tests[] = {
    ND_T(test_step_where_pre_and_post),
    ND_T(test_fill_between_where_and_baseline),
    ND_T(test_scatter_colors_follow_colormap),
    ND_T(test_scatter_per_point_sizes),
    ND_T(test_errorbar_structure_in_svg),
    ND_T(test_errorbar_asymmetric_array),
    ND_T(test_stem_draws_stems_and_baseline),
    ND_T(test_spans_and_reference_lines),
    ND_T(test_annotate_arrow_reaches_point),
    ND_T(test_subplots_share_limits),
    ND_T(test_twinx_shares_x_only),
    ND_T(test_gridspec_spans),
    ND_T(test_tight_layout_keeps_labels_inside),
    ND_T(test_axis_equal_gives_equal_units),
    ND_T(test_ticks_labels_and_formatters),
    ND_T(test_callback_formatter),
    ND_T(test_tick_labels_never_overlap),
    ND_T(test_styles_change_colors),
    ND_T(test_any_dtype_and_2d_y),
    ND_T(test_bad_arguments_are_named),
    ND_T(test_legend_renders_all_handle_kinds),
    { 0 },
};
ND_TEST_MAIN("plot_artists", tests)
