/* Path effects and sketch on patches and text, Axes/Figure path effects and sketch params,
 * layout="compressed": pixels and positions checked against matplotlib 3.6's
 * (scripts/mpl_effects2_reference.py measures them on matplotlib's Agg rendering of the
 * same figures: tests/data/plot/effects2_expected.h). */
#define PLOT_EFFECTS2_NO_MAIN
#include "../examples/plot_effects2.c"

#include <numc/plot.h>
#include <math.h>
#include <stdio.h>
#include <string.h>

#include "plot_image.h"
#include "testutil.h"
#include "data/plot/effects2_expected.h"

/* A w x h inch (dpi 100) figure with one axes filling it over [0, 1]^2, axis off. */
static nplot_figure *bare_fig(double w, double h, nplot_axes **ax)
{
    nplot_figure *fig = nplot_figure_new(.width = w, .height = h, .dpi = 100);
    *ax = nplot_add_axes(fig, 0, 0, 1, 1);
    nplot_set_xlim(*ax, 0, 1);
    nplot_set_ylim(*ax, 0, 1);
    nplot_axis(*ax, "off");
    return fig;
}

static bool is_ink(const unsigned char *p) { return p[0] < 100 && p[1] < 100; }
static bool is_red(const unsigned char *p) { return p[0] > 150 && p[1] < 110; }

/* withStroke(linewidth=8, foreground='red') on 40 pt black text: a red halo of 4 pt
 * (5.6 px) beyond the ink on every side, as matplotlib's text-as-path rendering. */
static void test_text_halo(void)
{
    nplot_axes *ax;
    nplot_figure *fig = bare_fig(4, 1.5, &ax);
    CU_ASSERT_EQUAL(nplot_text(ax, 0.5, 0.5, "HIH", .fontsize = 40, .color = "black",
                               .ha = "center", .va = "center",
                               .path_effects = NPLOT_PATH_EFFECTS({ .kind = NPLOT_PE_WITH_STROKE,
                                                                    .linewidth = 8,
                                                                    .foreground = "red" })),
                    ND_OK);
    img m = render(fig);
    CU_ASSERT_PTR_NOT_NULL_FATAL(m.px);
    int ix0 = m.w, ix1 = -1, iy0 = m.h, iy1 = -1, ax0 = m.w, ax1 = -1, ay0 = m.h, ay1 = -1;
    long nred = 0, nink = 0;
    for (int y = 0; y < m.h; y++)
        for (int x = 0; x < m.w; x++) {
            const unsigned char *p = at(&m, x, y);
            bool ink = is_ink(p), red = is_red(p);
            nink += ink;
            nred += red;
            if (ink) ix0 = x < ix0 ? x : ix0, ix1 = x > ix1 ? x : ix1, iy0 = y < iy0 ? y : iy0,
                iy1 = y > iy1 ? y : iy1;
            if (ink || red) ax0 = x < ax0 ? x : ax0, ax1 = x > ax1 ? x : ax1, ay0 = y < ay0 ? y : ay0,
                            ay1 = y > ay1 ? y : ay1;
        }
    fprintf(stderr, "halo: left %d right %d top %d bottom %d (matplotlib %g %g %g %g), red %ld "
            "ink %ld (matplotlib %d %d)\n", ix0 - ax0, ax1 - ix1, iy0 - ay0, ay1 - iy1, MPL_HALO_LEFT,
            MPL_HALO_RIGHT, MPL_HALO_TOP, MPL_HALO_BOTTOM, nred, nink, MPL_HALO_RED_PX, MPL_HALO_INK_PX);
    CU_ASSERT(fabs(ix0 - ax0 - MPL_HALO_LEFT) <= 1);
    CU_ASSERT(fabs(ax1 - ix1 - MPL_HALO_RIGHT) <= 1);
    CU_ASSERT(fabs(iy0 - ay0 - MPL_HALO_TOP) <= 1);
    CU_ASSERT(fabs(ay1 - iy1 - MPL_HALO_BOTTOM) <= 1);
    CU_ASSERT(fabs((double)nred - MPL_HALO_RED_PX) <= 0.08 * MPL_HALO_RED_PX);
    CU_ASSERT(fabs((double)nink - MPL_HALO_INK_PX) <= 0.15 * MPL_HALO_INK_PX); /* pango hints */
    free(m.px);
    /* the artist's effects read back, and cleared: no red left */
    nplot_artist *t = nplot_get_artist(ax, 0);
    nplot_path_effect back[2];
    CU_ASSERT_EQUAL(nplot_artist_get_path_effects(t, back, 2), 1);
    CU_ASSERT_EQUAL(back[0].kind, NPLOT_PE_WITH_STROKE);
    CU_ASSERT_DOUBLE_EQUAL(back[0].linewidth, 8, 1e-12);
    CU_ASSERT_STRING_EQUAL(back[0].foreground, "#ff0000ff");
    CU_ASSERT_EQUAL(nplot_artist_set_path_effects(t, NULL, 0), ND_OK);
    m = render(fig);
    CU_ASSERT_PTR_NOT_NULL_FATAL(m.px);
    nred = 0;
    for (int i = 0; i < m.w * m.h; i++) nred += is_red(m.px + 4 * i);
    CU_ASSERT_EQUAL(nred, 0);
    free(m.px);
    nplot_figure_free(fig);
}

/* Titles, axis labels and tick labels take effects too (structure: red around the title). */
static void test_axes_text_effects(void)
{
    nplot_figure *fig = nplot_figure_new(.width = 3, .height = 4, .dpi = 100);
    nplot_axes *ax = nplot_subplot(fig, 1, 1, 1);
    nplot_path_effect red[] = { { .kind = NPLOT_PE_WITH_STROKE, .linewidth = 4, .foreground = "red" } };
    CU_ASSERT_EQUAL(nplot_set_title(ax, "Title", .path_effects = NPLOT_PATH_EFFECT_ARRAY(red, 1)), ND_OK);
    img m = render(fig);
    CU_ASSERT_PTR_NOT_NULL_FATAL(m.px);
    long top = 0, rest = 0;
    for (int y = 0; y < m.h; y++)
        for (int x = 0; x < m.w; x++) *(y < 48 ? &top : &rest) += is_red(at(&m, x, y));
    CU_ASSERT(top > 50);
    CU_ASSERT_EQUAL(rest, 0);
    free(m.px);
    CU_ASSERT_EQUAL(nplot_axes_set_text_path_effects(ax, "yticklabels", red, 1), ND_OK);
    CU_ASSERT_EQUAL(nplot_set_xlabel(ax, "x", .path_effects = NPLOT_PATH_EFFECT_ARRAY(red, 1)), ND_OK);
    m = render(fig);
    CU_ASSERT_PTR_NOT_NULL_FATAL(m.px);
    long left = 0, bottom = 0;
    for (int y = 48; y < m.h; y++)
        for (int x = 0; x < m.w; x++) {
            if (!is_red(at(&m, x, y))) continue;
            if (x < 35) left++;
            else if (y > m.h - 40) bottom++;
        }
    CU_ASSERT(left > 50);   /* the y tick labels */
    CU_ASSERT(bottom > 10); /* the x label */
    free(m.px);
    CU_ASSERT_EQUAL(nplot_axes_set_text_path_effects(ax, "zlabel", red, 1), ND_EVALUE);
    nplot_figure_free(fig);
}

/* A sketched bar: its left edge wobbles as matplotlib's (Agg's Sketch with its seed 0). */
static void test_patch_sketch_edge(void)
{
    nplot_axes *ax;
    nplot_figure *fig = bare_fig(3, 3, &ax);
    double x[1] = { 0.5 }, h[1] = { 0.8 };
    CU_ASSERT_EQUAL(nplot_bar_xy(ax, x, h, 1, .width = 0.4, .bottom = 0.1, .color = "black"), ND_OK);
    nplot_artist *bar = nplot_get_artist(ax, 0);
    CU_ASSERT_EQUAL(nplot_artist_set_sketch_params(bar, 6, 60, 4), ND_OK);
    double sk[3];
    CU_ASSERT(nplot_artist_get_sketch_params(bar, sk));
    CU_ASSERT(sk[0] == 6 && sk[1] == 60 && sk[2] == 4);
    img m = render(fig);
    CU_ASSERT_PTR_NOT_NULL_FATAL(m.px);
    int lo = 1000, hi = -1, worst = 0;
    for (int y = 60; y < 240; y++) {
        int e = -1;
        for (int x = 0; x < m.w && e < 0; x++)
            if (at(&m, x, y)[0] < 128) e = x;
        lo = e < lo ? e : lo;
        hi = e > hi ? e : hi;
        int d = abs(e - MPL_SKETCH_EDGE[y - 60]);
        worst = d > worst ? d : worst;
    }
    fprintf(stderr, "sketch edge: spread %d (matplotlib %d), worst row %d px off\n", hi - lo,
            MPL_SKETCH_EDGE_SPREAD, worst);
    CU_ASSERT(abs(hi - lo - MPL_SKETCH_EDGE_SPREAD) <= 1);
    CU_ASSERT(worst <= 1);
    free(m.px);
    /* text takes no sketch (matplotlib's Text ignores it) */
    nplot_text(ax, 0.5, 0.5, "t");
    CU_ASSERT_EQUAL(nplot_artist_set_sketch_params(nplot_get_artist(ax, 1), 1, 0, 0), ND_EVALUE);
    nplot_figure_free(fig);
}

/* withSimplePatchShadow: rho x the face at alpha 0.3, offset (2, -2) pt. */
static void test_patch_shadow(void)
{
    nplot_axes *ax;
    nplot_figure *fig = bare_fig(3, 3, &ax);
    double x[1] = { 0.5 }, h[1] = { 0.8 };
    CU_ASSERT_EQUAL(nplot_bar_xy(ax, x, h, 1, .width = 0.4, .bottom = 0.1, .color = "tab:red",
                                 .path_effects = NPLOT_PATH_EFFECTS({ .kind = NPLOT_PE_WITH_SIMPLE_PATCH_SHADOW })),
                    ND_OK);
    img m = render(fig);
    CU_ASSERT_PTR_NOT_NULL_FATAL(m.px);
    double px, py;
    nplot_data_to_pixel(ax, 0.7, 0.5, &px, &py);
    int right = (int)px, reach = 0;
    for (int x = right - 2; x < m.w; x++) {
        const unsigned char *p = at(&m, x, 150);
        if (abs(p[0] - 255) > 8 && !(p[0] > 200 && p[1] < 80)) reach = x - right + 1;
    }
    const unsigned char *s = at(&m, right + 1, 150);
    fprintf(stderr, "shadow: reach %d px, colour %d %d %d (matplotlib %d, %d %d %d)\n", reach, s[0],
            s[1], s[2], MPL_SHADOW_REACH, MPL_SHADOW_R, MPL_SHADOW_G, MPL_SHADOW_B);
    CU_ASSERT(abs(reach - MPL_SHADOW_REACH) <= 1);
    CU_ASSERT(near(s, MPL_SHADOW_R, MPL_SHADOW_G, MPL_SHADOW_B, 6));
    free(m.px);
    nplot_figure_free(fig);
}

/* Axes.set_path_effects / set_sketch_params reach the axes patch (matplotlib's
 * ax.patch.set_path_effects draws the same); Figure's reach the figure patch. */
static void test_axes_figure_patch(void)
{
    nplot_figure *fig = nplot_figure_new(.width = 3, .height = 3, .dpi = 100);
    nplot_axes *ax = nplot_add_axes(fig, 0.2, 0.2, 0.6, 0.6);
    nplot_set_xticks(ax, NULL, 0);
    nplot_set_yticks(ax, NULL, 0);
    nplot_spines_set_visible(ax, "all", false);
    nplot_path_effect blue[] = { { .kind = NPLOT_PE_WITH_STROKE, .linewidth = 6, .foreground = "blue" } };
    CU_ASSERT_EQUAL(nplot_axes_get_path_effects(ax, NULL, 0), 0);
    CU_ASSERT_EQUAL(nplot_axes_set_path_effects(ax, blue, 1), ND_OK);
    nplot_path_effect back[1];
    CU_ASSERT_EQUAL(nplot_axes_get_path_effects(ax, back, 1), 1);
    CU_ASSERT_STRING_EQUAL(back[0].foreground, "#0000ffff");
    img m = render(fig);
    CU_ASSERT_PTR_NOT_NULL_FATAL(m.px);
    int n = 0;
    for (int x = 0; x < 60; x++) {
        const unsigned char *p = at(&m, x, 150);
        n += p[2] > 150 && p[0] < 120;
    }
    fprintf(stderr, "axes patch stroke: %d px left of the box (matplotlib %d)\n", n,
            MPL_AXES_STROKE_LEFT_PX);
    CU_ASSERT(abs(n - MPL_AXES_STROKE_LEFT_PX) <= 1);
    free(m.px);
    double sk[3];
    CU_ASSERT(!nplot_axes_get_sketch_params(ax, sk));
    CU_ASSERT_EQUAL(nplot_axes_set_sketch_params(ax, 2, 0, 0), ND_OK);
    CU_ASSERT(nplot_axes_get_sketch_params(ax, sk) && sk[0] == 2 && sk[1] == 128 && sk[2] == 16);
    CU_ASSERT_EQUAL(nplot_axes_set_sketch_params(ax, -1, 0, 0), ND_EVALUE);
    nplot_figure_free(fig);

    /* the figure patch: a SimplePatchShadow alone paints a grey offset copy, no white face */
    fig = nplot_figure_new(.width = 2, .height = 2, .dpi = 100);
    nplot_path_effect sh[] = { { .kind = NPLOT_PE_SIMPLE_PATCH_SHADOW, .offset = { 10, -10 } } };
    CU_ASSERT_EQUAL(nplot_figure_set_path_effects(fig, sh, 1), ND_OK);
    CU_ASSERT_EQUAL(nplot_figure_get_path_effects(fig, NULL, 0), 1);
    m = render(fig);
    CU_ASSERT_PTR_NOT_NULL_FATAL(m.px);
    CU_ASSERT(at(&m, 2, 2)[3] == 0);          /* top left: uncovered */
    CU_ASSERT(at(&m, 100, 100)[3] > 60);      /* the shadow, alpha 0.3 */
    free(m.px);
    CU_ASSERT(!nplot_figure_get_sketch_params(fig, sk));
    CU_ASSERT_EQUAL(nplot_figure_set_sketch_params(fig, 1, 50, 2), ND_OK);
    CU_ASSERT(nplot_figure_get_sketch_params(fig, sk) && sk[1] == 50);
    CU_ASSERT_EQUAL(nplot_figure_set_sketch_params(fig, NAN, 0, 0), ND_EVALUE);
    nplot_figure_free(fig);
}

/* plt.xkcd(): bars sketched (their edges wobble), text halos in white */
static void test_xkcd_patches(void)
{
    nplot_rc_context_push();
    CU_ASSERT_EQUAL(nplot_xkcd(0, 0, 0), ND_OK);
    nplot_axes *ax;
    nplot_figure *fig = bare_fig(3, 3, &ax);
    nplot_rc_context_pop();
    double x[1] = { 0.5 }, h[1] = { 0.8 };
    nplot_bar_xy(ax, x, h, 1, .width = 0.4, .bottom = 0.1, .color = "black");
    nplot_artist *bar = nplot_get_artist(ax, 0);
    double sk[3];
    CU_ASSERT(nplot_artist_get_sketch_params(bar, sk) && sk[0] == 1 && sk[1] == 100 && sk[2] == 2);
    nplot_path_effect e[1];
    CU_ASSERT_EQUAL(nplot_artist_get_path_effects(bar, e, 1), 1);
    CU_ASSERT_EQUAL(e[0].kind, NPLOT_PE_WITH_STROKE);
    CU_ASSERT_STRING_EQUAL(e[0].foreground, "#ffffffff");
    img m = render(fig);
    CU_ASSERT_PTR_NOT_NULL_FATAL(m.px);
    int lo = 1000, hi = -1;
    for (int y = 60; y < 240; y++) {
        int edge = -1;
        for (int xx = 0; xx < m.w && edge < 0; xx++)
            if (at(&m, xx, y)[0] < 128) edge = xx;
        lo = edge < lo ? edge : lo;
        hi = edge > hi ? edge : hi;
    }
    CU_ASSERT(hi - lo >= 1 && hi - lo <= 4); /* scale 1: a px or two either way */
    free(m.px);
    nplot_figure_free(fig);
    /* the spines wobble too (matplotlib's Spine patches take the rc sketch) */
    fig = effects2_xkcd_figure();
    CU_ASSERT_EQUAL(nplot_figure_get_axes(fig, &ax, 1), 1);
    m = render(fig);
    CU_ASSERT_PTR_NOT_NULL_FATAL(m.px);
    lo = 1000, hi = -1;
    for (int k = 1; k < 5; k++) { /* between the y ticks: the spine's darkest column */
        double sx, ya, yb;
        nplot_data_to_pixel(ax, -0.4, k + 0.8, &sx, &ya);
        nplot_data_to_pixel(ax, -0.4, k + 0.2, &sx, &yb);
        for (int y = (int)ya; y < (int)yb; y++) {
            int best = -1, bv = 256;
            for (int xx = 50; xx < 80; xx++)
                if (at(&m, xx, y)[0] < bv) bv = at(&m, xx, y)[0], best = xx;
            lo = best < lo ? best : lo;
            hi = best > hi ? best : hi;
        }
    }
    CU_ASSERT(hi - lo >= 1);
    free(m.px);
    nplot_figure_free(fig);
}

static long count_red(nplot_figure *fig)
{
    img m = render(fig);
    long n = 0;
    for (int i = 0; m.px && i < m.w * m.h; i++) n += is_red(m.px + 4 * i);
    free(m.px);
    return n;
}

/* pie wedges and fill_between take .path_effects (a red withStroke outlines them) */
static void test_pie_fill_between(void)
{
    nplot_figure *fig = nplot_figure_new(.width = 3, .height = 3, .dpi = 100);
    nplot_axes *ax = nplot_subplot(fig, 1, 1, 1);
    double v[3] = { 1, 2, 3 };
    nplot_path_effects red = NPLOT_PATH_EFFECTS({ .kind = NPLOT_PE_WITH_STROKE, .linewidth = 3,
                                                  .foreground = "red" });
    CU_ASSERT_EQUAL(nplot_pie_xy(ax, v, 3, .colors = NPLOT_STRS("0.5", "0.6", "0.7")), ND_OK);
    CU_ASSERT_EQUAL(count_red(fig), 0);
    nplot_figure_free(fig);
    fig = nplot_figure_new(.width = 3, .height = 3, .dpi = 100);
    ax = nplot_subplot(fig, 1, 1, 1);
    CU_ASSERT_EQUAL(nplot_pie_xy(ax, v, 3, .colors = NPLOT_STRS("0.5", "0.6", "0.7"),
                                 .path_effects = red), ND_OK);
    long pie = count_red(fig);
    nplot_figure_free(fig);
    fig = nplot_figure_new(.width = 3, .height = 3, .dpi = 100);
    ax = nplot_subplot(fig, 1, 1, 1);
    double x[3] = { 0, 1, 2 }, y1[3] = { 0, 1, 0 }, y2[3] = { 2, 2, 2 };
    CU_ASSERT_EQUAL(nplot_fill_between_xy(ax, x, y1, y2, 3, .color = "0.5", .path_effects = red),
                    ND_OK);
    long fb = count_red(fig);
    nplot_figure_free(fig);
    fprintf(stderr, "red: pie %ld, fill_between %ld\n", pie, fb);
    CU_ASSERT(pie > 300); /* three wedges' outlines, ~4 px wide */
    CU_ASSERT(fb > 300);
}

static void test_bad_input(void)
{
    nplot_axes *ax;
    nplot_figure *fig = bare_fig(2, 2, &ax);
    nplot_path_effect bad[] = { { .kind = NPLOT_PE_WITH_STROKE, .foreground = "nocolour" } };
    CU_ASSERT_EQUAL(nplot_text(ax, 0.5, 0.5, "x", .path_effects = NPLOT_PATH_EFFECT_ARRAY(bad, 1)),
                    ND_EVALUE);
    nplot_figure_free(fig);
    fig = bare_fig(2, 2, &ax);
    double fx[3] = { 0, 1, 1 }, fy[3] = { 0, 0, 1 };
    CU_ASSERT_EQUAL(nplot_fill_xy(ax, fx, fy, 3, .path_effects = NPLOT_PATH_EFFECT_ARRAY(NULL, 2)),
                    ND_EVALUE);
    nplot_figure_free(fig);
    CU_ASSERT(nplot_artist_get_path_effects(NULL, NULL, 0) < 0);
    CU_ASSERT(!nplot_artist_get_sketch_params(NULL, NULL));
    CU_ASSERT_EQUAL(nplot_axes_set_path_effects(NULL, NULL, 0), ND_EVALUE);
    CU_ASSERT_EQUAL(nplot_figure_set_path_effects(NULL, NULL, 0), ND_EVALUE);
    CU_ASSERT_EQUAL(nplot_axes_set_text_path_effects(NULL, "title", NULL, 0), ND_EVALUE);
    CU_ASSERT(nplot_figure_get_path_effects(NULL, NULL, 0) < 0);
    CU_ASSERT(nplot_axes_get_path_effects(NULL, NULL, 0) < 0);
    CU_ASSERT_PTR_NULL(nplot_figure_new(.layout = "compresed"));
}

/* layout="compressed": positions within 6 px of matplotlib's (the constrained engine's own
 * margins differ by up to 5 px), the packing itself (gap between the columns, centre of
 * the pair) within 1 px. */
static void test_compressed_2x2(void)
{
    nplot_axes *axs[4];
    nplot_figure *fig = effects2_compressed_figure(axs);
    CU_ASSERT_STRING_EQUAL(nplot_figure_get_layout_engine(fig), "compressed");
    double b[4][4];
    for (int i = 0; i < 4; i++) CU_ASSERT_EQUAL(nplot_axes_get_active_position(axs[i], b[i]), ND_OK);
    const double W = 500, H = 300;
    for (int i = 0; i < 4; i++) {
        fprintf(stderr, "compressed ax%d: %.4f %.4f %.4f %.4f (matplotlib %.4f %.4f %.4f %.4f)\n", i,
                b[i][0], b[i][1], b[i][2], b[i][3], MPL_COMPRESSED_2X2[i][0], MPL_COMPRESSED_2X2[i][1],
                MPL_COMPRESSED_2X2[i][2], MPL_COMPRESSED_2X2[i][3]);
        for (int k = 0; k < 4; k++)
            CU_ASSERT(fabs(b[i][k] - MPL_COMPRESSED_2X2[i][k]) * (k % 2 ? H : W) <= 6);
    }
    const double(*M)[4] = MPL_COMPRESSED_2X2;
    double gap = b[1][0] - b[0][0] - b[0][2], mgap = M[1][0] - M[0][0] - M[0][2];
    double mid = (b[0][0] + b[1][0] + b[1][2]) / 2, mmid = (M[0][0] + M[1][0] + M[1][2]) / 2;
    CU_ASSERT(fabs(gap - mgap) * W <= 1);
    CU_ASSERT(fabs(mid - mmid) * W <= 1);
    /* plain constrained leaves the pair far apart */
    nplot_figure_set_layout_engine(fig, "constrained");
    double c[4];
    nplot_axes_get_active_position(axs[1], c);
    CU_ASSERT(c[0] - b[0][0] - b[0][2] > gap + 0.04); /* 20 px more */
    nplot_figure_free(fig);
}

static void test_compressed_colorbar(void)
{
    double z[100];
    for (int i = 0; i < 100; i++) z[i] = i;
    nplot_figure *fig = nplot_figure_new(.width = 6, .height = 4, .dpi = 100, .layout = "compressed");
    nplot_axes *axs[3];
    nplot_subplots(fig, 1, 2, axs);
    for (int i = 0; i < 2; i++) nplot_imshow_data(axs[i], z, 10, 10);
    axs[2] = nplot_colorbar(axs[1]);
    CU_ASSERT_PTR_NOT_NULL_FATAL(axs[2]);
    for (int i = 0; i < 3; i++) {
        double b[4];
        CU_ASSERT_EQUAL(nplot_axes_get_active_position(axs[i], b), ND_OK);
        fprintf(stderr, "compressed cbar ax%d: %.4f %.4f %.4f %.4f (matplotlib %.4f %.4f %.4f %.4f)\n",
                i, b[0], b[1], b[2], b[3], MPL_COMPRESSED_CBAR[i][0], MPL_COMPRESSED_CBAR[i][1],
                MPL_COMPRESSED_CBAR[i][2], MPL_COMPRESSED_CBAR[i][3]);
        for (int k = 0; k < 4; k++)
            CU_ASSERT(fabs(b[k] - MPL_COMPRESSED_CBAR[i][k]) * (k % 2 ? 400 : 600) <= 3);
    }
    nplot_figure_free(fig);
    /* axes from two gridspecs cannot be compressed (matplotlib's ValueError) */
    fig = nplot_figure_new(.width = 4, .height = 3, .layout = "compressed");
    nplot_gridspec *g1 = nplot_gridspec_new(fig, 1, 2), *g2 = nplot_gridspec_new(fig, 2, 1);
    nplot_axes *a1 = nplot_gridspec_subplot(g1, "0, 0");
    nplot_axes *a2 = nplot_gridspec_subplot(g2, "1, 0");
    nplot_imshow_data(a1, z, 10, 10);
    nplot_imshow_data(a2, z, 10, 10);
    img m = render(fig);
    CU_ASSERT_PTR_NULL(m.px);
    CU_ASSERT(strstr(nd_errmsg(), "same gridspec") != NULL);
    free(m.px);
    nplot_figure_free(fig);
}

/* examples/plot_effects2.c next to matplotlib's rendering of the same calls
 * (tests/data/plot/effects2/effects_mpl.png, compressed_mpl.png, xkcd_mpl.png; reviewed:
 * the same wobbles, shadows, halos and packing; under xkcd the same bars, sketched spines
 * and haloed arrow). */
static void test_goldens(void)
{
    struct {
        nplot_figure *fig;
        const char *name;
    } g[3];
    nplot_axes *axs[4];
    g[0].fig = effects2_figure(NULL), g[0].name = "effects";
    g[1].fig = effects2_compressed_figure(axs), g[1].name = "compressed";
    g[2].fig = effects2_xkcd_figure(), g[2].name = "xkcd";
    for (int i = 0; i < 3; i++) {
        char out[1024];
        bool regen = golden_output(out, sizeof out, NUMC_TEST_DATA "/plot/effects2", ".", g[i].name);
        CU_ASSERT_EQUAL(nplot_savefig(g[i].fig, out), ND_OK);
        nplot_figure_free(g[i].fig);
        if (regen) continue;
        char ref[1024];
        snprintf(ref, sizeof ref, NUMC_TEST_DATA "/plot/effects2/%s.png", g[i].name);
        double rms = image_rms(ref, out);
        if (!(rms >= 0 && rms <= 2.0)) fprintf(stderr, "golden %s: RMS %g\n", g[i].name, rms);
        CU_ASSERT(rms >= 0 && rms <= 2.0);
    }
    /* SVG and PDF take the same effects (vector paths: the text halo is a stroked outline) */
    nplot_figure *fig = effects2_figure(NULL);
    CU_ASSERT_EQUAL(nplot_savefig(fig, "effects2.svg"), ND_OK);
    CU_ASSERT_EQUAL(nplot_savefig(fig, "effects2.pdf"), ND_OK);
    nplot_figure_free(fig);
    size_t len = 0;
    char *svg = read_file("effects2.svg", &len);
    CU_ASSERT_PTR_NOT_NULL_FATAL(svg);
    CU_ASSERT(strstr(svg, "rgb(100%,100%,0%)") != NULL); /* the title's yellow halo */
    free(svg);
}

static const ND_TEST tests[] = {
    ND_T(test_text_halo),        ND_T(test_axes_text_effects), ND_T(test_patch_sketch_edge),
    ND_T(test_patch_shadow),     ND_T(test_axes_figure_patch), ND_T(test_xkcd_patches),
    ND_T(test_pie_fill_between), ND_T(test_bad_input),        ND_T(test_compressed_2x2),    ND_T(test_compressed_colorbar),
    ND_T(test_goldens),          { 0 },
};
ND_TEST_MAIN("plot_effects2", tests)
