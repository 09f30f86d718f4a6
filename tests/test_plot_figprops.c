/* Figure properties (plot/figprops.c, draw_figimage.c) against matplotlib 3.6
 * (scripts/mpl_figprops_reference.py writes tests/data/plot/figprops/ref.txt and
 * mpl_golden.png): getters after setters, the layout engine and its pads, align_labels'
 * label positions, autofmt_xdate, figimage pixels, clf leaving a reusable figure, children,
 * findobj and the current axes, bad input, and a golden image with a structural check. */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "numc/numc.h"
#include "numc/plot.h"
#include "plot_image.h"
#include "testutil.h"

#define REF NUMC_TEST_DATA "/plot/figprops/ref.txt"
#define GOLDEN NUMC_TEST_DATA "/plot/figprops"

static int ref(const char *name, double *out, int cap) { return test_ref_values(REF, name, out, cap); }

static double ref1(const char *name)
{
    double v[1] = { NAN };
    ref(name, v, 1);
    return v[0];
}

static void check_rgba(const char *name, const double got[4])
{
    double want[4];
    CU_ASSERT_EQUAL_FATAL(ref(name, want, 4), 4);
    for (int k = 0; k < 4; k++) {
        if (fabs(got[k] - want[k]) > 1e-9) fprintf(stderr, "%s[%d]: %g, want %g\n", name, k, got[k], want[k]);
        CU_ASSERT_DOUBLE_EQUAL(got[k], want[k], 1e-9);
    }
}

static void test_getters_after_setters(void)
{
    nplot_figure *fig = nplot_figure_new(.width = 6.4, .height = 4.8, .dpi = 100);
    CU_ASSERT_PTR_NOT_NULL_FATAL(fig);
    double c[4], sz[2];
    CU_ASSERT_EQUAL(nplot_figure_get_facecolor(fig, c), ND_OK);
    check_rgba("default_face", c);
    CU_ASSERT_EQUAL(nplot_figure_get_edgecolor(fig, c), ND_OK);
    check_rgba("default_edge", c);
    CU_ASSERT_DOUBLE_EQUAL(nplot_figure_get_linewidth(fig), ref1("default_lw"), 0);
    CU_ASSERT_EQUAL(nplot_figure_get_frameon(fig), ref1("default_frameon") == 1);
    CU_ASSERT_DOUBLE_EQUAL(nplot_figure_get_zorder(fig), ref1("default_zorder"), 0);
    CU_ASSERT_EQUAL(nplot_figure_get_clip_on(fig), ref1("default_clip_on") == 1);
    CU_ASSERT_EQUAL(nplot_figure_get_in_layout(fig), ref1("default_in_layout") == 1);
    CU_ASSERT_EQUAL(nplot_figure_get_tight_layout(fig), ref1("default_tight") == 1);
    CU_ASSERT_EQUAL(nplot_figure_get_constrained_layout(fig), ref1("default_constrained") == 1);
    CU_ASSERT(isnan(nplot_figure_get_alpha(fig))); /* None */
    CU_ASSERT_TRUE(nplot_figure_get_visible(fig));
    CU_ASSERT_EQUAL(nplot_figure_get_snap(fig), NPLOT_SNAP_AUTO);
    CU_ASSERT_STRING_EQUAL(nplot_figure_get_label(fig), "");
    CU_ASSERT_PTR_NULL(nplot_figure_get_gid(fig));

    CU_ASSERT_EQUAL(nplot_figure_set_facecolor(fig, "tab:orange"), ND_OK);
    CU_ASSERT_EQUAL(nplot_figure_set_edgecolor(fig, "0.5"), ND_OK);
    CU_ASSERT_EQUAL(nplot_figure_set_linewidth(fig, 3), ND_OK);
    CU_ASSERT_EQUAL(nplot_figure_set_figwidth(fig, 5), ND_OK);
    CU_ASSERT_EQUAL(nplot_figure_set_dpi(fig, 80), ND_OK);
    CU_ASSERT_EQUAL(nplot_figure_set_alpha(fig, 0.25), ND_OK);
    CU_ASSERT_EQUAL(nplot_figure_set_zorder(fig, 2.5), ND_OK);
    CU_ASSERT_EQUAL(nplot_figure_get_facecolor(fig, c), ND_OK);
    check_rgba("set_face", c);
    CU_ASSERT_EQUAL(nplot_figure_get_edgecolor(fig, c), ND_OK);
    check_rgba("set_edge", c);
    CU_ASSERT_DOUBLE_EQUAL(nplot_figure_get_linewidth(fig), ref1("set_lw"), 0);
    double want[2];
    ref("set_size", want, 2);
    CU_ASSERT_EQUAL(nplot_figure_get_size_inches(fig, sz), ND_OK);
    CU_ASSERT_DOUBLE_EQUAL(sz[0], want[0], 1e-12);
    CU_ASSERT_DOUBLE_EQUAL(sz[1], want[1], 1e-12);
    CU_ASSERT_DOUBLE_EQUAL(nplot_figure_get_figwidth(fig), want[0], 1e-12);
    CU_ASSERT_DOUBLE_EQUAL(nplot_figure_get_figheight(fig), want[1], 1e-12);
    CU_ASSERT_DOUBLE_EQUAL(nplot_figure_get_dpi(fig), ref1("set_dpi"), 0);
    CU_ASSERT_DOUBLE_EQUAL(nplot_figure_get_alpha(fig), ref1("set_alpha"), 0);
    CU_ASSERT_DOUBLE_EQUAL(nplot_figure_get_zorder(fig), ref1("set_zorder"), 0);
    int w, h;
    nplot_figure_pixel_size(fig, &w, &h);
    CU_ASSERT_EQUAL(w, 400);
    CU_ASSERT_EQUAL(h, 384);
    CU_ASSERT_EQUAL(nplot_figure_set_figheight(fig, 2), ND_OK);
    CU_ASSERT_DOUBLE_EQUAL(nplot_figure_get_figheight(fig), 2, 0);
    CU_ASSERT_EQUAL(nplot_figure_set_alpha(fig, NAN), ND_OK);
    CU_ASSERT(isnan(nplot_figure_get_alpha(fig)));

    CU_ASSERT_EQUAL(nplot_figure_set_label(fig, "fig one"), ND_OK);
    CU_ASSERT_STRING_EQUAL(nplot_figure_get_label(fig), "fig one");
    CU_ASSERT_EQUAL(nplot_figure_set_gid(fig, "g1"), ND_OK);
    CU_ASSERT_STRING_EQUAL(nplot_figure_get_gid(fig), "g1");
    CU_ASSERT_EQUAL(nplot_figure_set_url(fig, "https://example.org"), ND_OK);
    CU_ASSERT_STRING_EQUAL(nplot_figure_get_url(fig), "https://example.org");
    CU_ASSERT_EQUAL(nplot_figure_set_url(fig, NULL), ND_OK);
    CU_ASSERT_PTR_NULL(nplot_figure_get_url(fig));
    CU_ASSERT_EQUAL(nplot_figure_set_snap(fig, NPLOT_SNAP_FALSE), ND_OK);
    CU_ASSERT_EQUAL(nplot_figure_get_snap(fig), NPLOT_SNAP_FALSE);
    CU_ASSERT_EQUAL(nplot_figure_set_rasterized(fig, true), ND_OK);
    CU_ASSERT_TRUE(nplot_figure_get_rasterized(fig));
    CU_ASSERT_EQUAL(nplot_figure_set_clip_on(fig, false), ND_OK);
    CU_ASSERT_FALSE(nplot_figure_get_clip_on(fig));
    CU_ASSERT_EQUAL(nplot_figure_set_in_layout(fig, false), ND_OK);
    CU_ASSERT_FALSE(nplot_figure_get_in_layout(fig));
    CU_ASSERT_EQUAL(nplot_figure_set_frameon(fig, false), ND_OK);
    CU_ASSERT_FALSE(nplot_figure_get_frameon(fig));
    CU_ASSERT_EQUAL(nplot_figure_status(fig), ND_OK);
    nplot_figure_free(fig);
}

static void test_layout_engine(void)
{
    nplot_figure *fig = nplot_figure_new(.width = 6.4, .height = 4.8, .dpi = 100);
    CU_ASSERT_PTR_NOT_NULL_FATAL(fig);
    double p[4], want[4];
    CU_ASSERT_STRING_EQUAL(nplot_figure_get_layout_engine(fig), "none");
    CU_ASSERT_EQUAL(nplot_figure_set_figwidth(fig, 5), ND_OK);
    CU_ASSERT_EQUAL(nplot_figure_set_dpi(fig, 80), ND_OK);
    CU_ASSERT_EQUAL(nplot_figure_set_layout_engine(fig, "constrained"), ND_OK);
    CU_ASSERT_STRING_EQUAL(nplot_figure_get_layout_engine(fig), "constrained");
    CU_ASSERT_TRUE(nplot_figure_get_constrained_layout(fig));
    CU_ASSERT_FALSE(nplot_figure_get_tight_layout(fig));
    /* matplotlib's pads (absolute) after the engine is set, then after setting two */
    CU_ASSERT_EQUAL(nplot_figure_get_constrained_layout_pads(fig, p), ND_OK);
    CU_ASSERT_EQUAL_FATAL(ref("cl_pads", want, 4), 4);
    for (int i = 0; i < 4; i++) CU_ASSERT_DOUBLE_EQUAL(p[i], want[i], 1e-4);
    CU_ASSERT_EQUAL(nplot_figure_set_constrained_layout_pads(fig, 0.1, -1, -1, 0.05), ND_OK);
    CU_ASSERT_EQUAL(nplot_figure_get_constrained_layout_pads(fig, p), ND_OK);
    CU_ASSERT_EQUAL_FATAL(ref("cl_pads_set", want, 4), 4);
    for (int i = 0; i < 4; i++) CU_ASSERT_DOUBLE_EQUAL(p[i], want[i], 1e-4);
    CU_ASSERT_EQUAL(nplot_figure_set_layout_engine(fig, "tight"), ND_OK);
    double ta[2];
    ref("tight_after", ta, 2);
    CU_ASSERT_EQUAL(nplot_figure_get_tight_layout(fig), ta[0] == 1);
    CU_ASSERT_EQUAL(nplot_figure_get_constrained_layout(fig), ta[1] == 1);
    CU_ASSERT_EQUAL(nplot_figure_set_tight_layout(fig, false), ND_OK);
    CU_ASSERT_STRING_EQUAL(nplot_figure_get_layout_engine(fig), "none");
    CU_ASSERT_EQUAL(nplot_tight_layout(fig), ND_OK); /* the one-call form is the tight engine */
    CU_ASSERT_STRING_EQUAL(nplot_figure_get_layout_engine(fig), "tight");
    CU_ASSERT_EQUAL(nplot_figure_set_constrained_layout(fig, true), ND_OK);
    CU_ASSERT_STRING_EQUAL(nplot_figure_get_layout_engine(fig), "constrained");
    CU_ASSERT_EQUAL(nplot_figure_set_layout_engine(fig, "compressed"), ND_OK); /* effects2 */
    CU_ASSERT_STRING_EQUAL(nplot_figure_get_layout_engine(fig), "compressed");
    CU_ASSERT_EQUAL(nplot_figure_set_layout_engine(fig, "constrained"), ND_OK);
    CU_ASSERT_EQUAL(nplot_figure_set_layout_engine(fig, "compresed"), ND_EVALUE);
    CU_ASSERT_STRING_EQUAL(nplot_figure_get_layout_engine(fig), "constrained");
    nplot_figure_free(fig);

    /* a colorbar pins the engine family (matplotlib's RuntimeError) */
    fig = nplot_figure_new();
    nplot_axes *ax = nplot_subplot(fig, 1, 1, 1);
    double z[4] = { 0, 1, 2, 3 };
    CU_ASSERT_EQUAL(nplot_imshow_data(ax, z, 2, 2), ND_OK);
    CU_ASSERT_PTR_NOT_NULL(nplot_colorbar(ax));
    CU_ASSERT_EQUAL(nplot_figure_set_layout_engine(fig, "tight"), ND_OK);
    CU_ASSERT_EQUAL(nplot_figure_set_layout_engine(fig, "constrained"), ND_EVALUE);
    CU_ASSERT_PTR_NOT_NULL(strstr(nd_errmsg(), "a colorbar has been created"));
    nplot_figure_free(fig);
}

/* the align scene of the script: 2 x 2, big y tick labels top left, rotated x tick labels
 * bottom left */
static nplot_figure *align_scene(nplot_axes *axs[4], bool align)
{
    nplot_figure *fig = nplot_figure_new(.width = 6.4, .height = 4.8, .dpi = 100);
    CU_ASSERT_EQUAL(nplot_subplots(fig, 2, 2, axs), ND_OK);
    double big[20], x01[2] = { 0, 1 }, y01[2] = { 0, 1 };
    for (int i = 0; i < 20; i++) big[i] = 50.0 * i;
    CU_ASSERT_EQUAL(nplot_plot_xy(axs[0], NULL, big, 20), ND_OK);
    for (int i = 1; i < 4; i++) CU_ASSERT_EQUAL(nplot_plot_xy(axs[i], x01, y01, 2), ND_OK);
    CU_ASSERT_EQUAL(nplot_tick_params(axs[2], .axis = "x", .labelrotation = 55), ND_OK);
    CU_ASSERT_EQUAL(nplot_set_ylabel(axs[0], "YLabel 0"), ND_OK);
    CU_ASSERT_EQUAL(nplot_set_ylabel(axs[2], "YLabel 1"), ND_OK);
    CU_ASSERT_EQUAL(nplot_set_xlabel(axs[2], "XLabel 0"), ND_OK);
    CU_ASSERT_EQUAL(nplot_set_xlabel(axs[3], "XLabel 1"), ND_OK);
    if (align) CU_ASSERT_EQUAL(nplot_align_labels(fig, NULL, 0), ND_OK);
    CU_ASSERT_EQUAL(nplot_figure_draw(fig), ND_OK);
    return fig;
}

static void test_align_labels(void)
{
    for (int al = 0; al < 2; al++) {
        nplot_axes *axs[4];
        nplot_figure *fig = align_scene(axs, al);
        double y0[4], y1[4], x0[4], x1[4], m[4];
        char name[64];
        CU_ASSERT_EQUAL(nplot_axis_label_pixel_box(axs[0], "y", y0), ND_OK);
        CU_ASSERT_EQUAL(nplot_axis_label_pixel_box(axs[2], "y", y1), ND_OK);
        CU_ASSERT_EQUAL(nplot_axis_label_pixel_box(axs[2], "x", x0), ND_OK);
        CU_ASSERT_EQUAL(nplot_axis_label_pixel_box(axs[3], "x", x1), ND_OK);
        /* y labels: the right edge (beside the tick labels); x labels: the top edge */
        snprintf(name, sizeof name, "align%d_ylabel0", al);
        ref(name, m, 4);
        fprintf(stderr, "%s: numc %.2f, matplotlib %.2f\n", name, y0[2], m[2]);
        CU_ASSERT_DOUBLE_EQUAL(y0[2], m[2], 1.0);
        snprintf(name, sizeof name, "align%d_ylabel1", al);
        ref(name, m, 4);
        fprintf(stderr, "%s: numc %.2f, matplotlib %.2f\n", name, y1[2], m[2]);
        CU_ASSERT_DOUBLE_EQUAL(y1[2], m[2], 1.0);
        snprintf(name, sizeof name, "align%d_xlabel0", al);
        ref(name, m, 4);
        fprintf(stderr, "%s: numc %.2f, matplotlib %.2f\n", name, x0[1], m[1]);
        CU_ASSERT_DOUBLE_EQUAL(x0[1], m[1], 1.0);
        snprintf(name, sizeof name, "align%d_xlabel1", al);
        ref(name, m, 4);
        fprintf(stderr, "%s: numc %.2f, matplotlib %.2f\n", name, x1[1], m[1]);
        /* unaligned, beside flat tick labels: numc's flat tick label boxes sit ~2 px lower
         * than matplotlib's (issue 20's text metrics), not this feature */
        CU_ASSERT_DOUBLE_EQUAL(x1[1], m[1], al ? 1.0 : 2.5);
        if (al) { /* aligned to each other exactly */
            CU_ASSERT_DOUBLE_EQUAL(y0[2], y1[2], 1e-9);
            CU_ASSERT_DOUBLE_EQUAL(x0[1], x1[1], 1e-9);
        } else {
            CU_ASSERT(fabs(y0[2] - y1[2]) > 3);
            CU_ASSERT(fabs(x0[1] - x1[1]) > 10);
        }
        nplot_figure_free(fig);
    }
    /* fig.get_tightbbox() of the aligned figure, inches: within 4 px (savefig's tight box
     * measures numc's text ink, 2 px wider left of the y tick labels and 3 px lower under
     * the rotated x tick labels than matplotlib's text extents) */
    {
        nplot_axes *ta[4];
        nplot_figure *tf = align_scene(ta, true);
        double tb[4], m[4];
        CU_ASSERT_EQUAL(nplot_figure_get_tightbbox(tf, tb), ND_OK);
        CU_ASSERT_EQUAL_FATAL(ref("align1_tightbbox", m, 4), 4);
        for (int k = 0; k < 4; k++) {
            fprintf(stderr, "tightbbox[%d]: numc %.4f, matplotlib %.4f\n", k, tb[k], m[k]);
            CU_ASSERT_DOUBLE_EQUAL(tb[k], m[k], 0.04);
        }
        nplot_figure_free(tf);
    }
    /* only the given axes, and only x */
    nplot_axes *axs[4];
    nplot_figure *fig = align_scene(axs, false);
    nplot_axes *bottom[2] = { axs[2], axs[3] };
    CU_ASSERT_EQUAL(nplot_align_xlabels(fig, bottom, 2), ND_OK);
    CU_ASSERT_EQUAL(nplot_figure_draw(fig), ND_OK);
    double a[4], b[4];
    nplot_axis_label_pixel_box(axs[2], "x", a);
    nplot_axis_label_pixel_box(axs[3], "x", b);
    CU_ASSERT_DOUBLE_EQUAL(a[1], b[1], 1e-9);
    nplot_axis_label_pixel_box(axs[0], "y", a);
    nplot_axis_label_pixel_box(axs[2], "y", b);
    CU_ASSERT(fabs(a[2] - b[2]) > 3); /* y labels left alone */
    CU_ASSERT_EQUAL(nplot_axis_label_pixel_box(axs[1], "y", a), ND_EVALUE); /* no label */
    nplot_figure_free(fig);
}

static void test_autofmt_xdate(void)
{
    nplot_figure *fig = nplot_figure_new(.width = 6.4, .height = 4.8, .dpi = 100);
    nplot_axes *axs[2];
    CU_ASSERT_EQUAL(nplot_subplots(fig, 2, 1, axs), ND_OK);
    double x[2] = { 0, 1000 }, y[2] = { 0, 1 };
    for (int i = 0; i < 2; i++) {
        CU_ASSERT_EQUAL(nplot_plot_xy(axs[i], x, y, 2), ND_OK);
        CU_ASSERT_EQUAL(nplot_set_xlabel(axs[i], "time"), ND_OK);
    }
    CU_ASSERT_EQUAL(nplot_autofmt_xdate(fig), ND_OK);
    CU_ASSERT_EQUAL(nplot_figure_draw(fig), ND_OK);
    double m[4], b[4];
    /* subplots_adjust(bottom=0.2): the bottom axes' box as matplotlib's */
    CU_ASSERT_DOUBLE_EQUAL(ref1("autofmt_bottom"), 0.2, 1e-12);
    ref("autofmt_ax1_box", m, 4);
    CU_ASSERT_EQUAL(nplot_axes_pixel_box(axs[1], &b[0], &b[1], &b[2], &b[3]), ND_OK);
    for (int k = 0; k < 4; k++) CU_ASSERT_DOUBLE_EQUAL(b[k], m[k], 0.5);
    /* the top axes lost its x label (and tick labels); the bottom one's x label sits below
     * tick labels rotated 30 degrees, ha right (taller than flat ones) */
    CU_ASSERT_EQUAL(ref1("autofmt_top_xlabel_len"), 0);
    CU_ASSERT_EQUAL(nplot_axis_label_pixel_box(axs[0], "x", b), ND_EVALUE);
    CU_ASSERT_EQUAL(nplot_axis_label_pixel_box(axs[1], "x", b), ND_OK);
    ref("autofmt_xlabel1", m, 4);
    fprintf(stderr, "autofmt x label top: numc %.2f, matplotlib %.2f\n", b[1], m[1]);
    CU_ASSERT_DOUBLE_EQUAL(b[1], m[1], 2.5); /* 1.8 px: the text metrics of issue 20 */
    CU_ASSERT_EQUAL(ref1("autofmt_ha_right"), 1);
    CU_ASSERT_DOUBLE_EQUAL(ref1("autofmt_rotation"), 30, 0);
    /* no tick labels under the top axes: the strip between the axes is background */
    nd_array *img = nplot_figure_to_array(fig);
    CU_ASSERT_PTR_NOT_NULL_FATAL(img);
    double top[4];
    nplot_axes_pixel_box(axs[0], &top[0], &top[1], &top[2], &top[3]);
    const unsigned char *px = nd_data(img);
    int dark = 0;
    for (int r = (int)top[3] + 6; r < (int)top[3] + 20; r++)
        for (int c = (int)top[0] + 5; c < (int)top[2] - 5; c++)
            dark += px[((size_t)r * 640 + c) * 4] < 128;
    CU_ASSERT_EQUAL(dark, 0);
    nd_free(img);
    nplot_figure_free(fig);

    /* one axes: bottom, rotation and ha given */
    fig = nplot_figure_new(.width = 6.4, .height = 4.8, .dpi = 100);
    nplot_axes *ax = nplot_subplot(fig, 1, 1, 1);
    CU_ASSERT_EQUAL(nplot_plot_xy(ax, x, y, 2), ND_OK);
    CU_ASSERT_EQUAL(nplot_autofmt_xdate(fig, .bottom = 0.3, .rotation = 45, .ha = "left"), ND_OK);
    CU_ASSERT_EQUAL(nplot_figure_draw(fig), ND_OK);
    CU_ASSERT_EQUAL(nplot_axes_pixel_box(ax, &b[0], &b[1], &b[2], &b[3]), ND_OK);
    CU_ASSERT_DOUBLE_EQUAL(b[3], 480 * (1 - ref1("autofmt1_bottom")), 0.5);
    CU_ASSERT_DOUBLE_EQUAL(ref1("autofmt1_rotation"), 45, 0);
    CU_ASSERT_EQUAL(nplot_autofmt_xdate(fig, .ha = "middle"), ND_EVALUE);
    CU_ASSERT_PTR_NOT_NULL(strstr(nd_errmsg(), "nplot_autofmt_xdate: ha must be"));
    nplot_figure_free(fig);
}

static void pixel_at(const unsigned char *px, int W, int r, int c, int out[4])
{
    for (int k = 0; k < 4; k++) out[k] = px[((size_t)r * W + c) * 4 + k];
}

static void check_pixel(const unsigned char *px, const char *name)
{
    double m[6];
    CU_ASSERT_EQUAL_FATAL(ref(name, m, 6), 6);
    int got[4];
    pixel_at(px, 200, (int)m[0], (int)m[1], got);
    for (int k = 0; k < 4; k++) {
        if (abs(got[k] - (int)m[2 + k]) > 1)
            fprintf(stderr, "%s (row %g col %g)[%d]: %d, want %g\n", name, m[0], m[1], k, got[k],
                    m[2 + k]);
        CU_ASSERT(abs(got[k] - (int)m[2 + k]) <= 1);
    }
}

static void test_figimage_pixels(void)
{
    nplot_figure *fig = nplot_figure_new(.width = 2, .height = 2, .dpi = 100, .facecolor = "white");
    double z[200];
    for (int i = 0; i < 200; i++) z[i] = i;
    nd_array *Z = nd_from_buffer(z, 2, (const ptrdiff_t[]){ 10, 20 }, ND_FLOAT64);
    CU_ASSERT_EQUAL(nplot_figimage(fig, Z, .xo = 50, .yo = 30, .cmap = "gray"), ND_OK);
    CU_ASSERT_EQUAL(nplot_figimage(fig, Z, .xo = 50, .yo = 120, .cmap = "viridis",
                                   .origin = "lower", .alpha = 0.5), ND_OK);
    unsigned char rgb[4 * 6 * 3];
    for (int i = 0; i < 24; i++) rgb[3 * i] = 200, rgb[3 * i + 1] = rgb[3 * i + 2] = 0;
    rgb[3 * (1 * 6 + 2)] = 10, rgb[3 * (1 * 6 + 2) + 1] = 20, rgb[3 * (1 * 6 + 2) + 2] = 30;
    nd_array *R = nd_from_buffer(rgb, 3, (const ptrdiff_t[]){ 4, 6, 3 }, ND_UINT8);
    CU_ASSERT_EQUAL(nplot_figimage(fig, R, .xo = 150, .yo = 150), ND_OK);
    nd_array *img = nplot_figure_to_array(fig);
    CU_ASSERT_PTR_NOT_NULL_FATAL(img);
    const unsigned char *px = nd_data(img);
    char name[64];
    for (int k = 0; k < 5; k++) {
        snprintf(name, sizeof name, "figimage_gray_%d", k);
        check_pixel(px, name);
        snprintf(name, sizeof name, "figimage_lower_%d", k);
        check_pixel(px, name);
    }
    check_pixel(px, "figimage_rgb");
    check_pixel(px, "figimage_outside");
    /* the gray image covers exactly 20 x 10 pixels: count the non-white ones in its rows */
    int dark = 0;
    for (int r = 200 - 40; r < 200 - 30; r++)
        for (int c = 0; c < 200; c++) dark += px[((size_t)r * 200 + c) * 4] < 255;
    CU_ASSERT_EQUAL(dark, 20 * 10 - 1); /* its last pixel is white (value 199 of 0..199) */
    nd_free(img);
    /* figure images do not count in the tight box: the whole figure, as matplotlib */
    double tb[4], tm[4];
    CU_ASSERT_EQUAL(nplot_figure_get_tightbbox(fig, tb), ND_OK);
    ref("figimage_tightbbox", tm, 4);
    for (int k = 0; k < 4; k++) CU_ASSERT_DOUBLE_EQUAL(tb[k], tm[k], 1e-9);
    /* children: the patch and three images */
    CU_ASSERT_EQUAL(nplot_figure_get_children(fig, NULL, 0), 4);
    nplot_figure_free(fig);

    fig = nplot_figure_new(.width = 2, .height = 2, .dpi = 100);
    nd_array *Zr = nd_zeros(ND_SHAPE(30, 40));
    CU_ASSERT_EQUAL(nplot_figimage(fig, Zr, .resize = true), ND_OK);
    double sz[2], m[2];
    nplot_figure_get_size_inches(fig, sz);
    ref("figimage_resize", m, 2);
    CU_ASSERT_DOUBLE_EQUAL(sz[0], m[0], 1e-12);
    CU_ASSERT_DOUBLE_EQUAL(sz[1], m[1], 1e-12);
    nplot_figure_free(fig);
    nd_free(Zr);
    nd_free(Z);
    nd_free(R);
}

/* set_frameon(False): no background (transparent PNG pixels outside the axes);
 * set_visible(False): an empty canvas; the frame line along the edges */
static void test_frame_and_visible(void)
{
    nplot_figure *fig = nplot_figure_new(.width = 2, .height = 1, .dpi = 100);
    nplot_axes *ax = nplot_subplot(fig, 1, 1, 1);
    CU_ASSERT_PTR_NOT_NULL_FATAL(ax);
    CU_ASSERT_EQUAL(nplot_figure_set_frameon(fig, false), ND_OK);
    nd_array *img = nplot_figure_to_array(fig);
    CU_ASSERT_PTR_NOT_NULL_FATAL(img);
    const unsigned char *px = nd_data(img);
    CU_ASSERT_EQUAL(px[3], 0);                           /* corner: transparent */
    CU_ASSERT_EQUAL(px[((size_t)50 * 200 + 100) * 4 + 3], 255); /* axes face */
    nd_free(img);
    CU_ASSERT_EQUAL(nplot_figure_set_frameon(fig, true), ND_OK);
    CU_ASSERT_EQUAL(nplot_figure_set_visible(fig, false), ND_OK);
    img = nplot_figure_to_array(fig);
    CU_ASSERT_PTR_NOT_NULL_FATAL(img);
    px = nd_data(img);
    int opaque = 0;
    for (size_t i = 0; i < 200 * 100; i++) opaque += px[4 * i + 3] != 0;
    CU_ASSERT_EQUAL(opaque, 0);
    nd_free(img);
    CU_ASSERT_EQUAL(nplot_figure_set_visible(fig, true), ND_OK);
    CU_ASSERT_EQUAL(nplot_figure_set_edgecolor(fig, "red"), ND_OK);
    CU_ASSERT_EQUAL(nplot_figure_set_linewidth(fig, 7.2), ND_OK); /* 10 px, 5 inside */
    img = nplot_figure_to_array(fig);
    CU_ASSERT_PTR_NOT_NULL_FATAL(img);
    px = nd_data(img);
    int p[4];
    pixel_at(px, 200, 2, 100, p);
    CU_ASSERT(p[0] == 255 && p[1] == 0 && p[2] == 0 && p[3] == 255);
    pixel_at(px, 200, 50, 197, p);
    CU_ASSERT(p[0] == 255 && p[1] == 0 && p[2] == 0);
    pixel_at(px, 200, 7, 100, p); /* the face inside the line */
    CU_ASSERT(p[0] == 255 && p[1] == 255 && p[2] == 255);
    nd_free(img);
    nplot_figure_free(fig);
}

static void test_clf_reuse(void)
{
    nplot_figure *fig = nplot_figure_new(.width = 6.4, .height = 4.8, .dpi = 100);
    nplot_axes *axs[2];
    CU_ASSERT_EQUAL(nplot_subplots(fig, 1, 2, axs), ND_OK);
    double y[3] = { 1, 3, 2 };
    CU_ASSERT_EQUAL(nplot_plot_xy(axs[0], NULL, y, 3), ND_OK);
    nplot_artist *line = nplot_get_artist(axs[0], -1);
    CU_ASSERT_EQUAL(nplot_suptitle(fig, "t"), ND_OK);
    CU_ASSERT_EQUAL(nplot_fig_text(fig, 0.1, 0.1, "x"), ND_OK);
    CU_ASSERT_EQUAL(nplot_figure_get_children(fig, NULL, 0), 5); /* patch, 2 axes, 2 texts */
    CU_ASSERT_EQUAL(nplot_clf(fig), ND_OK);
    CU_ASSERT_EQUAL(nplot_figure_get_axes(fig, NULL, 0), (int)ref1("clf_axes"));
    CU_ASSERT_EQUAL(nplot_figure_get_children(fig, NULL, 0), (int)ref1("clf_children"));
    CU_ASSERT_EQUAL(nplot_findobj(fig, NULL, NULL, 0), 0);
    CU_ASSERT_EQUAL(nplot_artist_set_color(line, "red"), ND_EVALUE); /* handle still valid */
    /* an empty figure draws only its face; then it takes new axes */
    nd_array *img = nplot_figure_to_array(fig);
    CU_ASSERT_PTR_NOT_NULL_FATAL(img);
    const unsigned char *px = nd_data(img);
    int other = 0;
    for (size_t i = 0; i < 640 * 480; i++) other += px[4 * i] != 255;
    CU_ASSERT_EQUAL(other, 0);
    nd_free(img);
    nplot_axes *ax = nplot_subplot(fig, 1, 1, 1);
    CU_ASSERT_PTR_NOT_NULL_FATAL(ax);
    CU_ASSERT_EQUAL(nplot_plot_xy(ax, NULL, y, 3), ND_OK);
    CU_ASSERT_EQUAL(nplot_figure_get_axes(fig, NULL, 0), (int)ref1("clf_reuse_axes"));
    CU_ASSERT_EQUAL(nplot_figure_draw(fig), ND_OK);
    double b[4], m[4];
    nplot_axes_pixel_box(ax, &b[0], &b[1], &b[2], &b[3]);
    ref("clf_reuse_box", m, 4);
    for (int k = 0; k < 4; k++) CU_ASSERT_DOUBLE_EQUAL(b[k], m[k], 0.5);
    CU_ASSERT_PTR_EQUAL(nplot_gca(fig), ax);
    nplot_figure_free(fig);
}

static void test_gca_children_findobj(void)
{
    nplot_figure *fig = nplot_figure_new();
    nplot_axes *ax = nplot_gca(fig); /* none yet: add_subplot(1, 1, 1) */
    CU_ASSERT_PTR_NOT_NULL_FATAL(ax);
    CU_ASSERT_EQUAL(nplot_figure_get_axes(fig, NULL, 0), 1);
    CU_ASSERT_PTR_EQUAL(nplot_gca(fig), ax);
    nplot_axes *b = nplot_add_axes(fig, 0.6, 0.6, 0.3, 0.3);
    CU_ASSERT_PTR_EQUAL(nplot_gca(fig), b); /* the last created */
    CU_ASSERT_EQUAL(nplot_sca(fig, ax), ND_OK);
    CU_ASSERT_PTR_EQUAL(nplot_gca(fig), ax);
    double z[4] = { 0, 1, 2, 3 }, y[3] = { 1, 2, 3 };
    CU_ASSERT_EQUAL(nplot_imshow_data(ax, z, 2, 2), ND_OK);
    CU_ASSERT_PTR_NOT_NULL(nplot_colorbar(ax));
    CU_ASSERT_PTR_EQUAL(nplot_gca(fig), ax); /* a colorbar never becomes current */
    nplot_axes *c = nplot_add_axes(fig, 0.1, 0.6, 0.2, 0.2);
    CU_ASSERT_PTR_EQUAL(nplot_gca(fig), c);
    CU_ASSERT_EQUAL(nplot_plot_xy(b, NULL, y, 3), ND_OK);
    CU_ASSERT_EQUAL(nplot_plot_xy(c, NULL, y, 3), ND_OK);
    nplot_axes *all[8];
    CU_ASSERT_EQUAL(nplot_figure_get_axes(fig, all, 8), 4);
    CU_ASSERT_PTR_EQUAL(all[0], ax);
    CU_ASSERT_PTR_EQUAL(all[1], b);
    CU_ASSERT_PTR_EQUAL(all[3], c);
    nplot_artist *arts[8];
    CU_ASSERT_EQUAL(nplot_findobj(fig, "line", arts, 8), 2);
    CU_ASSERT_PTR_EQUAL(nplot_artist_axes(arts[0]), b);
    CU_ASSERT_PTR_EQUAL(nplot_artist_axes(arts[1]), c);
    CU_ASSERT_EQUAL(nplot_findobj(fig, "image", arts, 8), 1);
    CU_ASSERT(nplot_findobj(fig, NULL, NULL, 0) >= 3);
    CU_ASSERT_EQUAL(nplot_fig_legend(fig), ND_OK);
    nplot_fig_child ch[8];
    CU_ASSERT_EQUAL(nplot_figure_get_children(fig, ch, 8), 6); /* patch, 4 axes, legend */
    CU_ASSERT_STRING_EQUAL(ch[0].kind, "patch");
    CU_ASSERT_STRING_EQUAL(ch[1].kind, "axes");
    CU_ASSERT_PTR_EQUAL(ch[1].axes, ax);
    CU_ASSERT_STRING_EQUAL(ch[5].kind, "legend");
    CU_ASSERT_EQUAL(nplot_fig_delaxes(fig, c), ND_OK);
    /* the current one was deleted: the last made current (matplotlib's axes stack: sca(ax)
     * came after b was created) */
    CU_ASSERT_PTR_EQUAL(nplot_gca(fig), ax);
    nplot_figure *other = nplot_figure_new();
    nplot_axes *oa = nplot_subplot(other, 1, 1, 1);
    CU_ASSERT_EQUAL(nplot_sca(fig, oa), ND_EVALUE);
    CU_ASSERT_PTR_NOT_NULL(strstr(nd_errmsg(), "nplot_sca: the axes is not in this figure"));
    nplot_figure_free(other);
    nplot_figure_free(fig);
}

static void test_bad_input(void)
{
    nplot_figure *fig = nplot_figure_new();
    CU_ASSERT_EQUAL(nplot_figure_set_facecolor(fig, "notacolor"), ND_EVALUE);
    nplot_figure_free(fig);
    fig = nplot_figure_new();
    CU_ASSERT_EQUAL(nplot_figure_set_linewidth(fig, -1), ND_EVALUE);
    CU_ASSERT_PTR_NOT_NULL(strstr(nd_errmsg(), "nplot_figure_set_linewidth: linewidth must be >= 0"));
    nplot_figure_free(fig);
    fig = nplot_figure_new();
    CU_ASSERT_EQUAL(nplot_figure_set_alpha(fig, 1.5), ND_EVALUE);
    CU_ASSERT_PTR_NOT_NULL(strstr(nd_errmsg(), "alpha (1.5) is outside 0-1 range"));
    nplot_figure_free(fig);
    fig = nplot_figure_new();
    CU_ASSERT_EQUAL(nplot_figure_set_figwidth(fig, 0), ND_EVALUE);
    nplot_figure_free(fig);
    fig = nplot_figure_new();
    CU_ASSERT_EQUAL(nplot_figure_set_layout_engine(fig, "tighter"), ND_EVALUE);
    CU_ASSERT_PTR_NOT_NULL(strstr(nd_errmsg(), "'tighter'"));
    nplot_figure_free(fig);
    fig = nplot_figure_new();
    CU_ASSERT_EQUAL(nplot_figure_set_constrained_layout_pads(fig, NAN, -1, -1, -1), ND_EVALUE);
    nplot_figure_free(fig);
    fig = nplot_figure_new();
    nd_array *bad = nd_zeros(ND_SHAPE(2, 2, 5));
    CU_ASSERT_EQUAL(nplot_figimage(fig, bad), ND_ESHAPE);
    nplot_figure_free(fig);
    nd_free(bad);
    fig = nplot_figure_new();
    nd_array *ok = nd_zeros(ND_SHAPE(2, 2));
    CU_ASSERT_EQUAL(nplot_figimage(fig, ok, .origin = "middle"), ND_EVALUE);
    CU_ASSERT_PTR_NOT_NULL(strstr(nd_errmsg(), "origin must be 'upper' or 'lower'"));
    nplot_figure_free(fig);
    fig = nplot_figure_new();
    CU_ASSERT_EQUAL(nplot_figimage(fig, ok, .cmap = "nosuchmap"), ND_EVALUE);
    nplot_figure_free(fig);
    nd_free(ok);
    fig = nplot_figure_new();
    CU_ASSERT_EQUAL(nplot_autofmt_xdate(fig, .which = "all"), ND_EVALUE);
    nplot_figure_free(fig);
    fig = nplot_figure_new();
    CU_ASSERT_EQUAL(nplot_align_labels(fig, NULL, -1), ND_EVALUE);
    nplot_figure_free(fig);
    /* NULL figures */
    CU_ASSERT_EQUAL(nplot_clf(NULL), ND_EVALUE);
    CU_ASSERT_PTR_NULL(nplot_gca(NULL));
    CU_ASSERT(isnan(nplot_figure_get_dpi(NULL)));
    CU_ASSERT_EQUAL(nplot_figure_get_axes(NULL, NULL, 0), -1);
    CU_ASSERT_EQUAL(nplot_findobj(NULL, NULL, NULL, 0), -1);
    CU_ASSERT_PTR_NULL(nplot_figure_get_layout_engine(NULL));
    CU_ASSERT_EQUAL(nplot_axis_label_pixel_box(NULL, "x", NULL), ND_EVALUE);
}

/* The golden scene (mpl_figprops_reference.py's golden()): face, a 6 pt blue frame, aligned
 * labels, a figure image over the bottom right corner. */
static nplot_figure *golden_figure(void)
{
    nplot_figure *fig = nplot_figure_new(.width = 6.4, .height = 4.8, .dpi = 100);
    nplot_axes *axs[4];
    nplot_subplots(fig, 2, 2, axs);
    nplot_figure_set_facecolor(fig, "#f4f4ec");
    nplot_figure_set_edgecolor(fig, "tab:blue");
    nplot_figure_set_linewidth(fig, 6);
    double big[20], x01[2] = { 0, 1 }, y10[2] = { 1, 0 }, yh[2] = { 0.5, 0.5 };
    for (int i = 0; i < 20; i++) big[i] = 50.0 * i;
    nplot_plot_xy(axs[0], NULL, big, 20);
    nplot_plot_xy(axs[1], x01, y10, 2, .fmt = "r");
    nplot_plot_xy(axs[2], x01, x01, 2, .fmt = "g");
    nplot_plot_xy(axs[3], x01, yh, 2, .fmt = "k");
    nplot_tick_params(axs[2], .axis = "x", .labelrotation = 55);
    nplot_set_ylabel(axs[0], "YLabel 0");
    nplot_set_ylabel(axs[2], "YLabel 1");
    nplot_set_xlabel(axs[2], "XLabel 0");
    nplot_set_xlabel(axs[3], "XLabel 1");
    nplot_align_labels(fig, NULL, 0);
    double z[40 * 60];
    for (int r = 0; r < 40; r++)
        for (int c = 0; c < 60; c++) z[r * 60 + c] = r + c;
    nd_array *Z = nd_from_buffer(z, 2, (const ptrdiff_t[]){ 40, 60 }, ND_FLOAT64);
    nplot_figimage(fig, Z, .xo = 560, .yo = 420, .cmap = "plasma");
    nd_free(Z);
    return fig;
}

static void test_golden(void)
{
    nplot_figure *fig = golden_figure();
    CU_ASSERT_EQUAL_FATAL(nplot_figure_status(fig), ND_OK);
    /* structural: the frame's blue (tab:blue 31,119,180) along the edges, 3 px inside
     * (6 pt = 8.33 px wide, half outside); the image's corners; face elsewhere */
    nd_array *img = nplot_figure_to_array(fig);
    CU_ASSERT_PTR_NOT_NULL_FATAL(img);
    const unsigned char *px = nd_data(img);
    int p[4];
    pixel_at(px, 640, 240, 1, p);
    CU_ASSERT(p[0] == 31 && p[1] == 119 && p[2] == 180);
    pixel_at(px, 640, 478, 320, p);
    CU_ASSERT(p[0] == 31 && p[1] == 119 && p[2] == 180);
    pixel_at(px, 640, 240, 8, p); /* face just inside the frame */
    CU_ASSERT(p[0] == 0xf4 && p[1] == 0xf4 && p[2] == 0xec);
    /* plasma(0) at the image's top-left pixel (row 0: origin upper), yellow at the far end */
    pixel_at(px, 640, 480 - 420 - 40, 560, p);
    CU_ASSERT(p[0] == 13 && p[1] == 8 && p[2] == 135);
    pixel_at(px, 640, 480 - 420 - 1, 599, p);
    CU_ASSERT(p[0] > 200 && p[1] > 150 && p[2] < 100);
    nd_free(img);
    char out[512];
    bool regen = golden_output(out, sizeof out, GOLDEN, ".", "figprops");
    CU_ASSERT_EQUAL(nplot_savefig(fig, out), ND_OK);
    nplot_figure_free(fig);
    if (regen) return;
    double rms = image_rms(GOLDEN "/figprops.png", out);
    if (!(rms >= 0 && rms <= 2.0)) fprintf(stderr, "golden figprops: RMS %g\n", rms);
    CU_ASSERT(rms >= 0 && rms <= 2.0);
    if (rms >= 0 && rms <= 2.0) remove(out);
    double mrms = image_rms(GOLDEN "/mpl_golden.png", GOLDEN "/figprops.png");
    fprintf(stderr, "figprops golden vs matplotlib: RMS %g\n", mrms);
    CU_ASSERT(mrms >= 0 && mrms <= 25);
}

static const ND_TEST tests[] = {
    ND_T(test_getters_after_setters),
    ND_T(test_layout_engine),
    ND_T(test_align_labels),
    ND_T(test_autofmt_xdate),
    ND_T(test_figimage_pixels),
    ND_T(test_frame_and_visible),
    ND_T(test_clf_reuse),
    ND_T(test_gca_children_findobj),
    ND_T(test_bad_input),
    ND_T(test_golden),
    { 0 },
};

ND_TEST_MAIN("plot_figprops", tests)
