/* Raster fast paths (plot/stamp.c, issue 23): stamped scatter markers against cairo's own
 * path rendering (NUMC_PLOT_NO_STAMP), and large imshow images averaged in data space
 * before colour mapping (matplotlib's order). */
#define _POSIX_C_SOURCE 200809L /* setenv */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "plot_image.h"
#include "testutil.h"

/* 600 points of a fixed pseudo-random cloud in a 400 x 300 px axes: several marker
 * classes (sizes, colour-mapped faces, alpha, an edge colour), some points off the axes. */
static img scatter_figure(const char *marker, bool stamp)
{
    if (stamp) unsetenv("NUMC_PLOT_NO_STAMP");
    else setenv("NUMC_PLOT_NO_STAMP", "1", 1);
    enum { N = 600 };
    static double x[N], y[N], c[N], s[N];
    unsigned r = 12345;
    for (int i = 0; i < N; i++) {
        r = r * 1103515245u + 12345u;
        x[i] = (r >> 8) / 16777216.0 * 1.2 - 0.1;
        r = r * 1103515245u + 12345u;
        y[i] = (r >> 8) / 16777216.0 * 1.2 - 0.1;
        c[i] = i % 5;
        s[i] = 10 + 20 * (i % 3);
    }
    nplot_figure *fig = nplot_figure_new(.width = 4, .height = 3, .dpi = 100);
    nplot_axes *ax = nplot_add_axes(fig, 0, 0, 1, 1);
    nplot_set_xlim(ax, 0, 1);
    nplot_set_ylim(ax, 0, 1);
    nplot_axis(ax, "off");
    CU_ASSERT_EQUAL(nplot_scatter_xy(ax, x, y, N / 2, .sizes_f64 = { N / 2, s }, .c_f64 = { N / 2, c },
                                     .marker = marker, .alpha = 0.6),
                    ND_OK);
    CU_ASSERT_EQUAL(nplot_scatter_xy(ax, x + N / 2, y + N / 2, N / 2, .s = 25, .color = "C1",
                                     .edgecolors = "k", .linewidths = 1, .marker = marker),
                    ND_OK);
    img m = render(fig);
    nplot_figure_free(fig);
    unsetenv("NUMC_PLOT_NO_STAMP");
    return m;
}

/* RMS over RGB (0-255) of the images averaged over blocks of b x b pixels (b = 1: the
 * pixels themselves), and the counts of inked (not white) pixels */
static double rms_rgb(const img *a, const img *c, int b)
{
    double s = 0;
    long n = 0;
    for (int y = 0; y + b <= a->h; y += b)
        for (int x = 0; x + b <= a->w; x += b)
            for (int k = 0; k < 3; k++) {
                double d = 0;
                for (int u = 0; u < b; u++)
                    for (int v = 0; v < b; v++) {
                        size_t i = 4 * ((size_t)(y + u) * a->w + x + v) + k;
                        d += (double)a->px[i] - c->px[i];
                    }
                d /= b * b;
                s += d * d;
                n++;
            }
    return sqrt(s / n);
}

static long ink(const img *a)
{
    long n = 0;
    for (size_t i = 0; i < (size_t)a->w * a->h; i++)
        if (a->px[4 * i] < 250 || a->px[4 * i + 1] < 250 || a->px[4 * i + 2] < 250) n++;
    return n;
}

static void test_stamp_matches_cairo(void)
{
    const char *markers[] = { "o", "s", "^", "+", "x", "*" };
    for (int k = 0; k < 6; k++) {
        img st = scatter_figure(markers[k], true), ca = scatter_figure(markers[k], false);
        CU_ASSERT_PTR_NOT_NULL_FATAL(st.px);
        CU_ASSERT_PTR_NOT_NULL_FATAL(ca.px);
        CU_ASSERT(st.w == ca.w && st.h == ca.h);
        double rms = rms_rgb(&st, &ca, 1), rms4 = rms_rgb(&st, &ca, 4);
        long is = ink(&st), ic = ink(&ca);
        double rel = fabs((double)is - ic) / ic;
        if (getenv("NUMC_TEST_VERBOSE") || !(rms > 0 && rms4 < 8 && rel < 0.06))
            fprintf(stderr, "marker %s: stamped vs cairo RMS %.3f (4x4 blocks %.3f), ink %ld vs %ld\n",
                    markers[k], rms, rms4, is, ic);
        /* not the same pixels: stamps sit on whole pixels, as Agg's markers, up to half a
         * pixel from cairo's exact position, which moves every edge pixel; over 4 x 4
         * blocks that shift mostly averages out (measured 3.2-6.7 here), and the ink
         * covers the same area (within 5%: '+' is the widest, its thin arms) */
        CU_ASSERT(rms > 0);
        CU_ASSERT(rms4 < 8);
        CU_ASSERT(rel < 0.06);
        CU_ASSERT(ic > 10000);
        free(st.px);
        free(ca.px);
    }
}

/* 40000 points of one class (the accumulated path: counted per pixel, composited once)
 * with alpha 0.3, so that the overlaps count: the same picture as cairo drawing them one
 * by one. */
static img dense_figure(bool stamp)
{
    if (stamp) unsetenv("NUMC_PLOT_NO_STAMP");
    else setenv("NUMC_PLOT_NO_STAMP", "1", 1);
    enum { N = 40000 };
    static double x[N], y[N];
    unsigned r = 777;
    for (int i = 0; i < N; i++) {
        r = r * 1103515245u + 12345u;
        double u = (r >> 8) / 16777216.0;
        r = r * 1103515245u + 12345u;
        double v = (r >> 8) / 16777216.0;
        x[i] = 0.5 + 0.3 * u * cos(6.2831853 * v);
        y[i] = 0.5 + 0.3 * u * sin(6.2831853 * v);
    }
    nplot_figure *fig = nplot_figure_new(.width = 4, .height = 3, .dpi = 100);
    nplot_axes *ax = nplot_add_axes(fig, 0, 0, 1, 1);
    nplot_set_xlim(ax, 0, 1);
    nplot_set_ylim(ax, 0, 1);
    nplot_axis(ax, "off");
    CU_ASSERT_EQUAL(nplot_scatter_xy(ax, x, y, N, .s = 4, .color = "C0", .alpha = 0.3), ND_OK);
    img m = render(fig);
    nplot_figure_free(fig);
    unsetenv("NUMC_PLOT_NO_STAMP");
    return m;
}

static void test_stamp_accumulated(void)
{
    img st = dense_figure(true), ca = dense_figure(false);
    CU_ASSERT_PTR_NOT_NULL_FATAL(st.px);
    CU_ASSERT_PTR_NOT_NULL_FATAL(ca.px);
    double rms = rms_rgb(&st, &ca, 1), rms4 = rms_rgb(&st, &ca, 4);
    long is = ink(&st), ic = ink(&ca);
    double rel = fabs((double)is - ic) / ic;
    if (getenv("NUMC_TEST_VERBOSE") || !(rms > 0 && rms4 < 4 && rel < 0.03))
        fprintf(stderr, "dense: stamped vs cairo RMS %.3f (4x4 blocks %.3f), ink %ld vs %ld\n", rms, rms4,
                is, ic);
    CU_ASSERT(rms > 0);
    CU_ASSERT(rms4 < 4);
    CU_ASSERT(rel < 0.03);
    /* the centre is covered many times over: nearly C0 (#1f77b4) */
    CU_ASSERT(near_rgb(at(&st, 200, 150), 0x1f77b4, 12));
    CU_ASSERT(near_rgb(at(&ca, 200, 150), 0x1f77b4, 12));
    free(st.px);
    free(ca.px);
}

/* A stamped marker stays inside the axes: nothing is inked outside its clip rectangle. */
static void test_stamp_clipped(void)
{
    nplot_figure *fig = nplot_figure_new(.width = 4, .height = 3, .dpi = 100);
    nplot_axes *ax = nplot_add_axes(fig, 0.25, 0.25, 0.5, 0.5); /* pixels 100..300 x 75..225 */
    nplot_set_xlim(ax, 0, 1);
    nplot_set_ylim(ax, 0, 1);
    nplot_axis(ax, "off");
    double x[4] = { 0, 1, 0, 1 }, y[4] = { 0, 0, 1, 1 };
    CU_ASSERT_EQUAL(nplot_scatter_xy(ax, x, y, 4, .s = 400, .color = "k"), ND_OK);
    img m = render(fig);
    nplot_figure_free(fig);
    CU_ASSERT_PTR_NOT_NULL_FATAL(m.px);
    long outside = 0, inside = 0;
    for (int py = 0; py < m.h; py++)
        for (int px = 0; px < m.w; px++) {
            const unsigned char *p = m.px + 4 * ((size_t)py * m.w + px);
            bool inked = p[0] < 250;
            bool in = px >= 100 && px < 300 && py >= 75 && py < 225;
            if (inked && in) inside++;
            else if (inked) outside++;
        }
    CU_ASSERT_EQUAL(outside, 0);
    if (getenv("NUMC_TEST_VERBOSE")) fprintf(stderr, "clip: %ld inked inside\n", inside);
    /* four quarter discs of radius 10 pt = 13.9 px and half the 1.5 pt edge (1 px): about
     * pi * 14.9^2 = 697 px, a ring of antialiasing more */
    CU_ASSERT(inside > 650 && inside < 850);
    free(m.px);
}

/* A 1000 x 1000 checkerboard of 0 and 1 minified onto 180 px: matplotlib averages the
 * values (about 0.5: viridis' middle, #21918c; a box of 5 x 5 cells averages 0.48 or
 * 0.52) before the colormap; averaging the colours would give the mix of its ends
 * (#440154 and #fde725: about #a0743c). A NaN cell makes
 * its output pixel the bad colour (transparent here: the white axes shows). */
static void test_imshow_minified_in_data_space(void)
{
    enum { S = 1000 };
    double *z = malloc(sizeof(double) * S * S);
    CU_ASSERT_PTR_NOT_NULL_FATAL(z);
    for (int i = 0; i < S; i++)
        for (int j = 0; j < S; j++) z[i * S + j] = (i + j) % 2;
    z[0] = NAN; /* the top-left output pixel */
    nplot_figure *fig = nplot_figure_new(.width = 3, .height = 3, .dpi = 100);
    nplot_axes *ax = nplot_add_axes(fig, 0, 0, 0.6, 0.6); /* 180 x 180 px at the bottom left */
    nplot_axis(ax, "off");
    CU_ASSERT_EQUAL(nplot_imshow_data(ax, z, S, S, .vmin = 0, .vmax = 1), ND_OK);
    img m = render(fig);
    nplot_figure_free(fig);
    CU_ASSERT_PTR_NOT_NULL_FATAL(m.px);
    /* the axes spans x 0..180, y 120..300 */
    if (getenv("NUMC_TEST_VERBOSE")) {
        const unsigned char *p = at(&m, 90, 210), *q = at(&m, 0, 120);
        fprintf(stderr, "centre %02x%02x%02x corner %02x%02x%02x\n", p[0], p[1], p[2], q[0], q[1], q[2]);
    }
    CU_ASSERT(near_rgb(at(&m, 90, 210), 0x21918c, 12));
    CU_ASSERT(near_rgb(at(&m, 20, 280), 0x21918c, 12));
    CU_ASSERT(near_rgb(at(&m, 170, 130), 0x21918c, 12));
    CU_ASSERT(near_rgb(at(&m, 0, 120), 0xffffff, 60));
    free(m.px);
    /* nearest interpolation keeps colouring every cell first: the same checkerboard
     * shows both ends of the colormap */
    fig = nplot_figure_new(.width = 3, .height = 3, .dpi = 100);
    ax = nplot_add_axes(fig, 0, 0, 1, 1);
    nplot_axis(ax, "off");
    CU_ASSERT_EQUAL(nplot_imshow_data(ax, z, S, S, .vmin = 0, .vmax = 1, .interpolation = "nearest"),
                    ND_OK);
    m = render(fig);
    nplot_figure_free(fig);
    CU_ASSERT_PTR_NOT_NULL_FATAL(m.px);
    int ends = 0;
    for (int px = 100; px < 200; px++) {
        const unsigned char *p = at(&m, px, 150);
        if (near_rgb(p, 0x440154, 3) || near_rgb(p, 0xfde725, 3)) ends++;
    }
    CU_ASSERT(ends > 90);
    free(m.px);
    free(z);
}

static const ND_TEST tests[] = {
    ND_T(test_stamp_matches_cairo),
    ND_T(test_stamp_accumulated),
    ND_T(test_stamp_clipped),
    ND_T(test_imshow_minified_in_data_space),
    { 0 },
};

ND_TEST_MAIN("plot_stamp", tests)
