/* libnumc_plot's masked forms (nplot_*_ma): numpy.ma arrays drawn as matplotlib draws them.
 * Structural checks on rendered pixels and limits (a line breaks at a masked point, masked
 * cells show the bad color, hist/boxplot and autoscale see only valid values, data under
 * the mask never shows), errors naming the _ma function, and two golden images
 * (tests/data/plot/masked_line.png, masked_image.png; scripts/mpl_masked_reference.py
 * renders matplotlib's version of the same figures for review). */
#define _POSIX_C_SOURCE 200809L /* posix_memalign in faultsim.h */
#include <numc/numc.h>
#include <numc/ma.h>
#include <numc/plot.h>

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "faultsim.h"
#include "plot_image.h"
#include "testutil.h"

#define DATA NUMC_TEST_DATA "/plot"

/* A 1-D masked array of n doubles; mask NULL → nomask. */
static nd_marray *ma1(const double *v, const bool *mask, ptrdiff_t n)
{
    nd_array *d = nd_from_f64(v, n);
    nd_array *m = mask ? nd_from_buffer(mask, 1, &n, ND_BOOL) : NULL;
    nd_marray *out = d && (m || !mask) ? nd_ma_array(d, m) : NULL; /* NULL: out of memory */
    nd_free(d);
    nd_free(m);
    return out;
}

/* A (h, w) masked array. */
static nd_marray *ma2(const double *v, const bool *mask, ptrdiff_t h, ptrdiff_t w)
{
    ptrdiff_t sh[2] = { h, w };
    nd_array *d = nd_from_buffer(v, 2, sh, ND_FLOAT64);
    nd_array *m = mask ? nd_from_buffer(mask, 2, sh, ND_BOOL) : NULL;
    nd_marray *out = d && (m || !mask) ? nd_ma_array(d, m) : NULL;
    nd_free(d);
    nd_free(m);
    return out;
}

#define RED 255, 0, 0
#define RGB(c) (int)((c).r * 255 + 0.5), (int)((c).g * 255 + 0.5), (int)((c).b * 255 + 0.5)

/* Red pixels on the horizontal row of data y = yv between data x = x0 and x1. */
static int red_between(const img *m, nplot_axes *ax, double x0, double x1, double yv)
{
    double px0, px1, py;
    nplot_data_to_pixel(ax, x0, yv, &px0, &py);
    nplot_data_to_pixel(ax, x1, yv, &px1, &py);
    int n = 0;
    for (double x = px0; x <= px1; x += 1) n += near(at(m, x, py), RED, 60);
    return n;
}

/* ---- lines -------------------------------------------------------------------------------------- */
/* y = 5 everywhere; masked: 5 (a gap between 4 and 6), 1 and 3 (2 is isolated). The data
 * under the mask is far away: if it were drawn, segments would leave the row. */
static const double flat_y[10] = { 5, 1e6, 5, -1e6, 5, 1e6, 5, 5, 5, 5 };
static const bool flat_m[10] = { 0, 1, 0, 1, 0, 1, 0, 0, 0, 0 };

static void test_line_breaks_at_masked_points(void)
{
    nplot_figure *fig = nplot_figure_new(.width = 4, .height = 3);
    nplot_axes *ax = bare_axes(fig, -0.5, 9.5, 0, 10);
    nd_marray *y = ma1(flat_y, flat_m, 10);
    CU_ASSERT_EQUAL(nplot_plot_ma(ax, NULL, y, .color = "red", .linewidth = 3), ND_OK);
    img m = render(fig);
    CU_ASSERT_PTR_NOT_NULL_FATAL(m.px);
    CU_ASSERT(red_between(&m, ax, 6.2, 8.8, 5) > 50);   /* the run 6..9 is drawn */
    CU_ASSERT_EQUAL(red_between(&m, ax, 4.15, 5.85, 5), 0); /* nothing into or out of 5 */
    CU_ASSERT_EQUAL(red_between(&m, ax, 0.15, 3.85, 5), 0); /* 0 and 2 are isolated: no line */
    /* no segment toward the data under the mask anywhere */
    double px, py;
    nplot_data_to_pixel(ax, 5, 8, &px, &py);
    CU_ASSERT(!near(at(&m, px, py), RED, 60));
    free(m.px);

    /* with markers the isolated valid point shows its marker, the masked ones none */
    nplot_figure *fig2 = nplot_figure_new(.width = 4, .height = 3);
    nplot_axes *ax2 = bare_axes(fig2, -0.5, 9.5, 0, 10);
    CU_ASSERT_EQUAL(nplot_plot_ma(ax2, NULL, y, .fmt = "o-", .color = "red"), ND_OK);
    m = render(fig2);
    CU_ASSERT_PTR_NOT_NULL_FATAL(m.px);
    CU_ASSERT(near(at_data(&m, ax2, 2, 5), RED, 60));
    CU_ASSERT(!near(at_data(&m, ax2, 1, 5), RED, 60));
    CU_ASSERT(!near(at_data(&m, ax2, 5, 5), RED, 60));
    free(m.px);
    nplot_figure_free(fig);
    nplot_figure_free(fig2);
    nd_ma_free(y);
}

static void test_masked_x_breaks_the_line_and_plain_arrays_wrap(void)
{
    double xv[6] = { 0, 1, 2, 3, 4, 5 }, yv[6] = { 5, 5, 5, 5, 5, 5 };
    bool xm[6] = { 0, 0, 0, 1, 0, 0 };
    nd_marray *x = ma1(xv, xm, 6), *y = ma1(yv, NULL, 6); /* y: a plain array, nomask */
    nplot_figure *fig = nplot_figure_new(.width = 4, .height = 3);
    nplot_axes *ax = bare_axes(fig, -0.5, 5.5, 0, 10);
    CU_ASSERT_EQUAL(nplot_plot_ma(ax, x, y, .color = "red", .linewidth = 3), ND_OK);
    img m = render(fig);
    CU_ASSERT_PTR_NOT_NULL_FATAL(m.px);
    CU_ASSERT(red_between(&m, ax, 0.2, 1.8, 5) > 30);
    CU_ASSERT_EQUAL(red_between(&m, ax, 2.15, 3.85, 5), 0);
    CU_ASSERT(red_between(&m, ax, 4.2, 4.8, 5) > 10);
    free(m.px);
    nplot_figure_free(fig);
    nd_ma_free(x);
    nd_ma_free(y);
}

static void test_autoscale_ignores_masked_values(void)
{
    double yv[5] = { 1, 2, 1e6, 3, -1e6 };
    bool ym[5] = { 0, 0, 1, 0, 1 };
    nd_marray *y = ma1(yv, ym, 5);
    nplot_figure *fig = nplot_figure_new();
    nplot_axes *ax = nplot_subplot(fig, 1, 1, 1);
    CU_ASSERT_EQUAL(nplot_plot_ma(ax, NULL, y), ND_OK);
    double lo, hi;
    nplot_get_ylim(ax, &lo, &hi);
    ND_ASSERT_CLOSE(lo, 0.9, 1e-9); /* 1..3 with 5% margins */
    ND_ASSERT_CLOSE(hi, 3.1, 1e-9);
    nplot_figure_free(fig);

    /* integer data: masked elements leave the float64 conversion as NaN, not as 999999 */
    int64_t iv[4] = { 2, 999999, 4, 6 };
    bool im[4] = { 0, 1, 0, 0 };
    nd_array *ia = nd_from_i64(iv, 4), *imk = nd_from_buffer(im, 1, (ptrdiff_t[]){ 4 }, ND_BOOL);
    nd_marray *yi = nd_ma_array(ia, imk);
    fig = nplot_figure_new();
    ax = nplot_subplot(fig, 1, 1, 1);
    CU_ASSERT_EQUAL(nplot_plot_ma(ax, NULL, yi), ND_OK);
    nplot_get_ylim(ax, &lo, &hi);
    ND_ASSERT_CLOSE(lo, 1.8, 1e-9);
    ND_ASSERT_CLOSE(hi, 6.2, 1e-9);
    nplot_figure_free(fig);
    nd_ma_free(yi);
    nd_free(ia);
    nd_free(imk);

    fig = nplot_figure_new();
    ax = nplot_subplot(fig, 1, 1, 1);
    CU_ASSERT_EQUAL(nplot_scatter_ma(ax, y, y), ND_OK);
    nplot_get_xlim(ax, &lo, &hi);
    CU_ASSERT(lo > 0 && hi < 4);
    nplot_get_ylim(ax, &lo, &hi);
    CU_ASSERT(lo > 0 && hi < 4);
    nplot_figure_free(fig);
    nd_ma_free(y);
}

static void test_scatter_skips_masked_points(void)
{
    double xv[3] = { 2, 5, 8 }, yv[3] = { 5, 5, 5 };
    bool ym[3] = { 0, 1, 0 };
    nd_marray *x = ma1(xv, NULL, 3), *y = ma1(yv, ym, 3);
    nplot_figure *fig = nplot_figure_new(.width = 4, .height = 3);
    nplot_axes *ax = bare_axes(fig, 0, 10, 0, 10);
    CU_ASSERT_EQUAL(nplot_scatter_ma(ax, x, y, .color = "red", .s = 200), ND_OK);
    img m = render(fig);
    CU_ASSERT_PTR_NOT_NULL_FATAL(m.px);
    CU_ASSERT(near(at_data(&m, ax, 2, 5), RED, 40));
    CU_ASSERT(!near(at_data(&m, ax, 5, 5), RED, 60));
    CU_ASSERT(near(at_data(&m, ax, 8, 5), RED, 40));
    free(m.px);
    nplot_figure_free(fig);

    /* the color range comes from the points that are drawn (matplotlib's _combine_masks) */
    double cv[3] = { 0, 100, 1 };
    nd_array *c = nd_from_f64(cv, 3);
    fig = nplot_figure_new(.width = 4, .height = 3);
    ax = bare_axes(fig, 0, 10, 0, 10);
    CU_ASSERT_EQUAL(nplot_scatter_ma(ax, x, y, .c = c, .s = 200), ND_OK);
    m = render(fig);
    CU_ASSERT_PTR_NOT_NULL_FATAL(m.px);
    nplot_rgba top;
    nplot_cmap_color("viridis", 1, &top);
    CU_ASSERT(near(at_data(&m, ax, 8, 5), RGB(top), 3));
    free(m.px);
    nplot_figure_free(fig);
    nd_free(c);
    nd_ma_free(x);
    nd_ma_free(y);
}

static void test_step_breaks_at_masked_points(void)
{
    double yv[8] = { 5, 5, 5, 5, 5, 5, 5, 5 };
    bool ym[8] = { 0, 0, 0, 0, 1, 0, 0, 0 };
    nd_marray *y = ma1(yv, ym, 8);
    nplot_figure *fig = nplot_figure_new(.width = 4, .height = 3);
    nplot_axes *ax = bare_axes(fig, -0.5, 7.5, 0, 10);
    CU_ASSERT_EQUAL(nplot_step_ma(ax, NULL, y, .color = "red", .linewidth = 3, .where = "post"), ND_OK);
    img m = render(fig);
    CU_ASSERT_PTR_NOT_NULL_FATAL(m.px);
    CU_ASSERT(red_between(&m, ax, 0.2, 2.8, 5) > 40);
    /* post, as matplotlib's vertices (x3, y3) (x4, y3) (x4, y4) (x5, y4) (x5, y5): the
     * tread 3 → 4 is at y3 and stays; the riser to y4 and the tread 4 → 5 are gone */
    CU_ASSERT(red_between(&m, ax, 3.2, 3.8, 5) > 10);
    CU_ASSERT_EQUAL(red_between(&m, ax, 4.15, 4.85, 5), 0);
    CU_ASSERT(red_between(&m, ax, 5.2, 6.8, 5) > 40);
    free(m.px);
    nplot_figure_free(fig);
    nd_ma_free(y);
}

static void test_fill_between_splits_at_masked_points(void)
{
    double xv[10], y1v[10], y2v[10];
    bool m1[10] = { 0 }, m2[10] = { 0 };
    for (int i = 0; i < 10; i++) xv[i] = i, y1v[i] = 8, y2v[i] = 2;
    y1v[3] = 1e6, m1[3] = true; /* y1 masked at 3 */
    y2v[7] = -1e6, m2[7] = true; /* y2 masked at 7 */
    nd_marray *x = ma1(xv, NULL, 10), *y1 = ma1(y1v, m1, 10), *y2 = ma1(y2v, m2, 10);
    nplot_figure *fig = nplot_figure_new(.width = 4, .height = 3);
    nplot_axes *ax = bare_axes(fig, -0.5, 9.5, 0, 10);
    CU_ASSERT_EQUAL(nplot_fill_between_ma(ax, x, y1, y2, .color = "red"), ND_OK);
    img m = render(fig);
    CU_ASSERT_PTR_NOT_NULL_FATAL(m.px);
    CU_ASSERT(near(at_data(&m, ax, 1, 5), RED, 10));
    CU_ASSERT(!near(at_data(&m, ax, 2.5, 5), RED, 60)); /* 2..4 is cut out by 3 */
    CU_ASSERT(!near(at_data(&m, ax, 3.5, 5), RED, 60));
    CU_ASSERT(near(at_data(&m, ax, 5, 5), RED, 10));
    CU_ASSERT(!near(at_data(&m, ax, 6.5, 5), RED, 60)); /* 6..8 is cut out by 7 */
    CU_ASSERT(!near(at_data(&m, ax, 7.5, 5), RED, 60));
    CU_ASSERT(near(at_data(&m, ax, 8.5, 5), RED, 10));
    CU_ASSERT(!near(at_data(&m, ax, 5, 9), RED, 60)); /* nothing drawn toward 1e6 */
    double lo, hi;
    nplot_get_ylim(ax, &lo, &hi);
    CU_ASSERT_EQUAL(hi, 10);
    free(m.px);
    nplot_figure_free(fig);

    /* y2 NULL: the constant .y2 */
    fig = nplot_figure_new(.width = 4, .height = 3);
    ax = bare_axes(fig, -0.5, 9.5, 0, 10);
    CU_ASSERT_EQUAL(nplot_fill_between_ma(ax, x, y1, NULL, .color = "red", .y2 = 4), ND_OK);
    m = render(fig);
    CU_ASSERT_PTR_NOT_NULL_FATAL(m.px);
    CU_ASSERT(near(at_data(&m, ax, 1, 6), RED, 10));
    CU_ASSERT(!near(at_data(&m, ax, 1, 3), RED, 60));
    CU_ASSERT(!near(at_data(&m, ax, 3, 6), RED, 60));
    free(m.px);
    nplot_figure_free(fig);
    nd_ma_free(x);
    nd_ma_free(y1);
    nd_ma_free(y2);
}

/* ---- images ------------------------------------------------------------------------------------- */
/* 3 x 3, values 0..8, the centre masked over a huge value: vmin/vmax are 0 and 8. */
static const double img_v[9] = { 0, 1, 2, 3, 1000, 5, 6, 7, 8 };
static const bool img_m[9] = { 0, 0, 0, 0, 1, 0, 0, 0, 0 };

static void test_imshow_masked_cells_show_bad_color(void)
{
    nd_marray *z = ma2(img_v, img_m, 3, 3);
    nplot_rgba c0, c1;
    nplot_cmap_color("viridis", 0, &c0);
    nplot_cmap_color("viridis", 1, &c1);
    for (int k = 0; k < 2; k++) {
        nplot_figure *fig = nplot_figure_new(.width = 3, .height = 3);
        nplot_axes *ax = nplot_add_axes(fig, 0.05, 0.05, 0.9, 0.9);
        nplot_set_facecolor(ax, "red");
        CU_ASSERT_EQUAL(nplot_imshow_ma(ax, z, .interpolation = "nearest", .bad = k ? "gray" : NULL),
                        ND_OK);
        img m = render(fig);
        CU_ASSERT_PTR_NOT_NULL_FATAL(m.px);
        CU_ASSERT(near(at_data(&m, ax, 0, 0), RGB(c0), 2)); /* 0: vmin */
        CU_ASSERT(near(at_data(&m, ax, 2, 2), RGB(c1), 2)); /* 8: vmax, not 1000 */
        /* bad = gray, or transparent (the default): the facecolor */
        CU_ASSERT(k ? near(at_data(&m, ax, 1, 1), 128, 128, 128, 2) : near(at_data(&m, ax, 1, 1), RED, 2));
        free(m.px);
        nplot_figure_free(fig);
    }
    /* .bad is cmap.set_bad for the plain forms too: NaN is a bad cell */
    double nv[4] = { 0, NAN, 1, 2 };
    nplot_figure *fig = nplot_figure_new(.width = 3, .height = 3);
    nplot_axes *ax = nplot_add_axes(fig, 0.05, 0.05, 0.9, 0.9);
    CU_ASSERT_EQUAL(nplot_imshow_data(ax, nv, 2, 2, .interpolation = "nearest", .bad = "blue"), ND_OK);
    img m = render(fig);
    CU_ASSERT_PTR_NOT_NULL_FATAL(m.px);
    CU_ASSERT(near(at_data(&m, ax, 1, 0), 0, 0, 255, 2));
    free(m.px);
    CU_ASSERT_EQUAL(nplot_imshow_ma(ax, z, .bad = "nocolor"), ND_EVALUE);
    CU_ASSERT(strstr(nd_errmsg(), "nocolor") != NULL);
    nplot_figure_free(fig);
    nd_ma_free(z);
}

static void test_imshow_masked_rgb_uint8(void)
{
    unsigned char px[2 * 2 * 3] = { 255, 0, 0, 0, 255, 0, 0, 0, 255, 255, 255, 0 };
    bool mk[2 * 2 * 3] = { 0, 0, 0, 0, 0, 0, 1, 1, 1, 0, 0, 0 };
    ptrdiff_t sh[3] = { 2, 2, 3 };
    nd_array *d = nd_from_buffer(px, 3, sh, ND_UINT8), *mm = nd_from_buffer(mk, 3, sh, ND_BOOL);
    nd_marray *z = nd_ma_array(d, mm);
    nplot_figure *fig = nplot_figure_new(.width = 2, .height = 2);
    nplot_axes *ax = nplot_add_axes(fig, 0, 0, 1, 1);
    nplot_set_facecolor(ax, "black");
    CU_ASSERT_EQUAL(nplot_imshow_ma(ax, z, .interpolation = "nearest"), ND_OK);
    img m = render(fig);
    CU_ASSERT_PTR_NOT_NULL_FATAL(m.px);
    CU_ASSERT(near(at_data(&m, ax, 0, 0), 255, 0, 0, 2)); /* bytes scaled as uint8 */
    CU_ASSERT(near(at_data(&m, ax, 1, 1), 255, 255, 0, 2));
    CU_ASSERT(near(at_data(&m, ax, 0, 1), 0, 0, 0, 2)); /* masked pixel: transparent */
    free(m.px);
    nplot_figure_free(fig);
    nd_ma_free(z);
    nd_free(d);
    nd_free(mm);
}

static void test_pcolormesh_masked_cells(void)
{
    nd_marray *c = ma2(img_v, img_m, 3, 3);
    nplot_rgba c0, c1;
    nplot_cmap_color("viridis", 0, &c0);
    nplot_cmap_color("viridis", 1, &c1);
    for (int k = 0; k < 2; k++) {
        nplot_figure *fig = nplot_figure_new(.width = 3, .height = 3);
        nplot_axes *ax = bare_axes(fig, 0, 3, 0, 3);
        nplot_set_facecolor(ax, "red");
        CU_ASSERT_EQUAL(nplot_pcolormesh_ma(ax, c, .bad = k ? "gray" : NULL), ND_OK);
        img m = render(fig);
        CU_ASSERT_PTR_NOT_NULL_FATAL(m.px);
        CU_ASSERT(near(at_data(&m, ax, 0.5, 0.5), RGB(c0), 2)); /* row 0 at the bottom */
        CU_ASSERT(near(at_data(&m, ax, 2.5, 2.5), RGB(c1), 2)); /* 8 is vmax, not 1000 */
        CU_ASSERT(k ? near(at_data(&m, ax, 1.5, 1.5), 128, 128, 128, 2)
                    : near(at_data(&m, ax, 1.5, 1.5), RED, 2));
        free(m.px);
        nplot_figure_free(fig);
    }
    nd_ma_free(c);
}

/* ---- hist and boxplot ---------------------------------------------------------------------------- */
static void test_hist_ignores_masked_values(void)
{
    /* matplotlib: plt.hist(np.ma.array([1, 2, 3, 100, 4], mask=[0, 0, 0, 1, 0]))
     * → counts [1 0 0 1 0 0 1 0 0 1], edges 1.0, 1.3, ..., 4.0 */
    double xv[5] = { 1, 2, 3, 100, 4 };
    bool xm[5] = { 0, 0, 0, 1, 0 };
    nd_marray *x = ma1(xv, xm, 5);
    nd_array *counts = NULL, *edges = NULL;
    nplot_figure *fig = nplot_figure_new();
    nplot_axes *ax = nplot_subplot(fig, 1, 1, 1);
    CU_ASSERT_EQUAL_FATAL(nplot_hist_ma(ax, x, .counts_out = &counts, .edges_out = &edges), ND_OK);
    CU_ASSERT_EQUAL_FATAL(nd_size(counts), 10);
    const double *cn = nd_data(counts), *ed = nd_data(edges);
    const double want[10] = { 1, 0, 0, 1, 0, 0, 1, 0, 0, 1 };
    for (int i = 0; i < 10; i++) CU_ASSERT_EQUAL(cn[i], want[i]);
    ND_ASSERT_CLOSE(ed[0], 1, 1e-12);
    ND_ASSERT_CLOSE(ed[10], 4, 1e-12);
    nd_free(counts);
    nd_free(edges);

    /* weights of masked values are dropped with them */
    double wv[5] = { 1, 1, 1, 50, 2 };
    nd_array *w = nd_from_f64(wv, 5);
    CU_ASSERT_EQUAL_FATAL(nplot_hist_ma(ax, x, .bins = 3, .weights_arr = w, .counts_out = &counts), ND_OK);
    cn = nd_data(counts);
    CU_ASSERT_EQUAL(cn[0] + cn[1] + cn[2], 5);
    nd_free(counts);
    nd_free(w);
    nplot_figure_free(fig);
    nd_ma_free(x);
}

static void test_boxplot_ignores_masked_values(void)
{
    /* the masked 100 would be a flier far above the box */
    double xv[6] = { 1, 2, 3, 100, 4, 5 };
    bool xm[6] = { 0, 0, 0, 1, 0, 0 };
    nd_marray *x = ma1(xv, xm, 6);
    nplot_figure *fig = nplot_figure_new();
    nplot_axes *ax = nplot_subplot(fig, 1, 1, 1);
    CU_ASSERT_EQUAL(nplot_boxplot_ma(ax, x), ND_OK);
    double lo, hi;
    nplot_get_ylim(ax, &lo, &hi);
    CU_ASSERT(lo > 0.5 && lo < 1 && hi > 5 && hi < 6);
    nplot_figure_free(fig);

    /* 2-D: one box per column, each column's own mask */
    double v2[8] = { 1, 10, 2, 20, 1000, 30, 3, 40 };
    bool m2[8] = { 0, 0, 0, 0, 1, 0, 0, 0 };
    nd_marray *d2 = ma2(v2, m2, 4, 2);
    fig = nplot_figure_new();
    ax = nplot_subplot(fig, 1, 1, 1);
    CU_ASSERT_EQUAL(nplot_boxplot_ma(ax, d2), ND_OK);
    nplot_get_ylim(ax, &lo, &hi);
    CU_ASSERT(hi > 40 && hi < 50);
    nplot_figure_free(fig);
    nd_ma_free(d2);
    nd_ma_free(x);
}

/* ---- errors ----------------------------------------------------------------------------------------- */
static void test_errors_name_the_masked_function(void)
{
    double v[3] = { 1, 2, 3 };
    nd_marray *a = ma1(v, NULL, 3), *b = ma1(v, NULL, 2);
    CU_ASSERT_EQUAL(nplot_plot_ma(NULL, NULL, a), ND_EVALUE);
    CU_ASSERT(strstr(nd_errmsg(), "nplot_plot_ma") != NULL);

    nplot_figure *fig = nplot_figure_new();
    nplot_axes *ax = nplot_subplot(fig, 1, 1, 1);
    CU_ASSERT_EQUAL(nplot_plot_ma(ax, a, b), ND_ESHAPE);
    CU_ASSERT(strstr(nd_errmsg(), "nplot_plot_ma") != NULL);
    CU_ASSERT(strstr(nplot_figure_errmsg(fig), "3 and 2") != NULL);
    nplot_figure_free(fig);

    struct {
        const char *name;
        nd_status got;
    } nulls[8];
    int k = 0;
    fig = nplot_figure_new();
    ax = nplot_subplot(fig, 1, 1, 1);
#define NULL_ARG(call, fn) (nulls[k].name = fn, nulls[k].got = (call), nplot_figure_free(fig), \
                            fig = nplot_figure_new(), ax = nplot_subplot(fig, 1, 1, 1), k++)
    NULL_ARG(nplot_plot_ma(ax, NULL, NULL), "nplot_plot_ma");
    NULL_ARG(nplot_step_ma(ax, NULL, NULL), "nplot_step_ma");
    NULL_ARG(nplot_scatter_ma(ax, a, NULL), "nplot_scatter_ma");
    NULL_ARG(nplot_fill_between_ma(ax, NULL, a, NULL), "nplot_fill_between_ma");
    NULL_ARG(nplot_imshow_ma(ax, NULL), "nplot_imshow_ma");
    NULL_ARG(nplot_pcolormesh_ma(ax, NULL), "nplot_pcolormesh_ma");
    NULL_ARG(nplot_hist_ma(ax, NULL), "nplot_hist_ma");
    NULL_ARG(nplot_boxplot_ma(ax, NULL), "nplot_boxplot_ma");
#undef NULL_ARG
    for (int i = 0; i < k; i++) CU_ASSERT_EQUAL(nulls[i].got, ND_EVALUE);
    nplot_figure_free(fig);

    /* complex data is refused, as by the plain forms */
    nd_array *zc = nd_zeros(1, (ptrdiff_t[]){ 3 }, ND_COMPLEX128);
    nd_marray *mc = nd_ma_array(zc, NULL);
    fig = nplot_figure_new();
    ax = nplot_subplot(fig, 1, 1, 1);
    CU_ASSERT_EQUAL(nplot_plot_ma(ax, NULL, mc), ND_EDTYPE);
    CU_ASSERT(strstr(nd_errmsg(), "nplot_plot_ma: y is complex") != NULL);
    /* the figure's sticky error: later calls do nothing and say so */
    CU_ASSERT_EQUAL(nplot_plot_ma(ax, NULL, a), ND_EDTYPE);
    nplot_figure_free(fig);
    nd_ma_free(mc);
    nd_free(zc);
    nd_ma_free(a);
    nd_ma_free(b);
}

/* ---- out of memory ----------------------------------------------------------------------------- */
/* Every masked form on one figure, rendered, with each allocation failing in turn: each
 * run succeeds or fails with ND_ENOMEM (the figure's sticky status), leaking nothing. The
 * masked arrays are made before counting starts: the plot forms are what is tested. */
typedef struct masked_inputs {
    nd_marray *y, *z;
} masked_inputs;

static nd_status masked_faults_body(void *ctx)
{
    const masked_inputs *in = ctx;
    nd_status rc = ND_OK;
    nd_array *px = NULL;
    nplot_axes *ax[4] = { NULL };
    nplot_figure *fig = nplot_figure_new(.width = 3, .height = 2, .dpi = 30);
    if (!fig) return nd_last_error();
    if ((rc = nplot_subplots(fig, 2, 2, ax)) != ND_OK) goto out;
    nplot_plot_ma(ax[0], NULL, in->y, .fmt = "o-");
    nplot_step_ma(ax[0], NULL, in->y);
    nplot_scatter_ma(ax[0], in->y, in->y);
    nplot_fill_between_ma(ax[1], in->y, in->y, NULL);
    nplot_imshow_ma(ax[2], in->z, .bad = "gray");
    nplot_pcolormesh_ma(ax[3], in->z, .bad = "gray");
    nplot_hist_ma(ax[1], in->y);
    /* nplot_boxplot_ma is left out: nd_percentile ignores a failed nd_to_f64 of its qs
     * (core/stats/stats_quantile.c) and then reports garbage percentiles, not ND_ENOMEM */
    if ((rc = nplot_figure_status(fig)) != ND_OK) goto out;
    if (!(px = nplot_figure_to_array(fig))) rc = nd_last_error();
out:
    nd_free(px);
    nplot_figure_free(fig);
    return rc;
}

static void test_masked_forms_out_of_memory(void)
{
    masked_inputs in = { ma1(flat_y, flat_m, 10), ma2(img_v, img_m, 3, 3) };
    CU_ASSERT_FATAL(in.y && in.z);
    faultsim_report r = faultsim_run("masked plot", masked_faults_body, &in);
    if (!r.ok) fprintf(stderr, "\nfaultsim: %s\n", r.why);
    else printf("(%ld allocations, each failed once) ", r.allocs);
    CU_ASSERT(r.ok);
    CU_ASSERT(r.runs > 20);
    nd_ma_free(in.y);
    nd_ma_free(in.z);
}

/* ---- golden images ---------------------------------------------------------------------------------- */
/* scripts/mpl_masked_reference.py draws the same two figures with matplotlib. */
static nplot_figure *masked_line_figure(void)
{
    enum { N = 50 };
    double xv[N], yv[N];
    bool ym[N] = { 0 };
    for (int i = 0; i < N; i++) {
        xv[i] = i * 0.25;
        yv[i] = sin(xv[i]);
    }
    const int masked[] = { 10, 11, 12, 25, 30, 32, 41 };
    for (size_t k = 0; k < sizeof masked / sizeof *masked; k++) {
        ym[masked[k]] = true;
        yv[masked[k]] = -999; /* a sensor's "no reading" code under the mask */
    }
    nd_marray *x = ma1(xv, NULL, N), *y = ma1(yv, ym, N);
    double y2v[N];
    for (int i = 0; i < N; i++) y2v[i] = yv[i] - 1.5;
    nd_marray *y2 = ma1(y2v, ym, N);
    nplot_figure *fig = nplot_figure_new(.width = 5, .height = 3.5);
    nplot_axes *ax = nplot_subplot(fig, 1, 1, 1);
    nplot_plot_ma(ax, x, y, .label = "line");
    nplot_plot_ma(ax, x, y2, .fmt = "o-", .markersize = 4, .label = "line + markers");
    nplot_set_title(ax, "masked points break the line");
    nplot_legend(ax, .loc = "lower left");
    nd_ma_free(x);
    nd_ma_free(y);
    nd_ma_free(y2);
    return fig;
}

static nplot_figure *masked_image_figure(void)
{
    enum { H = 8, W = 10 };
    double v[H * W];
    bool mk[H * W];
    for (int i = 0; i < H; i++)
        for (int j = 0; j < W; j++) {
            double dx = j - 4.5, dy = i - 3.5;
            v[i * W + j] = sin(j / 2.0) * cos(i / 3.0);
            mk[i * W + j] = dx * dx + dy * dy < 5; /* a masked disc in the middle */
            if (mk[i * W + j]) v[i * W + j] = 1e3;
        }
    nd_marray *z = ma2(v, mk, H, W);
    nplot_figure *fig = nplot_figure_new(.width = 7, .height = 3);
    nplot_axes *a1 = nplot_subplot(fig, 1, 2, 1), *a2 = nplot_subplot(fig, 1, 2, 2);
    nplot_imshow_ma(a1, z, .interpolation = "nearest");
    nplot_set_title(a1, "imshow (bad: transparent)");
    nplot_pcolormesh_ma(a2, z, .cmap = "RdBu", .bad = "gray");
    nplot_set_title(a2, "pcolormesh (bad = gray)");
    nplot_colorbar(a2);
    nd_ma_free(z);
    return fig;
}

static void golden(const char *name, nplot_figure *(*make)(void))
{
    char ref[256], out[256];
    snprintf(ref, sizeof ref, DATA "/%s.png", name);
    bool regen = golden_output(out, sizeof out, DATA, ".", name);
    nplot_figure *fig = make();
    CU_ASSERT_EQUAL_FATAL(nplot_figure_status(fig), ND_OK);
    CU_ASSERT_EQUAL_FATAL(nplot_savefig(fig, out), ND_OK);
    nplot_figure_free(fig);
    if (regen) return;
    double rms = image_rms(ref, out);
    CU_ASSERT(rms >= 0 && rms < 2.0);
    if (rms >= 0 && rms < 2.0) remove(out); /* keep it for inspection otherwise */
    else printf("\n%s rms = %g (kept %s)\n", name, rms, out);
}

static void test_golden_masked_line(void) { golden("masked_line", masked_line_figure); }
static void test_golden_masked_image(void) { golden("masked_image", masked_image_figure); }

static const ND_TEST tests[] = {
    ND_T(test_line_breaks_at_masked_points),
    ND_T(test_masked_x_breaks_the_line_and_plain_arrays_wrap),
    ND_T(test_autoscale_ignores_masked_values),
    ND_T(test_scatter_skips_masked_points),
    ND_T(test_step_breaks_at_masked_points),
    ND_T(test_fill_between_splits_at_masked_points),
    ND_T(test_imshow_masked_cells_show_bad_color),
    ND_T(test_imshow_masked_rgb_uint8),
    ND_T(test_pcolormesh_masked_cells),
    ND_T(test_hist_ignores_masked_values),
    ND_T(test_boxplot_ignores_masked_values),
    ND_T(test_errors_name_the_masked_function),
    ND_T(test_masked_forms_out_of_memory),
    ND_T(test_golden_masked_line),
    ND_T(test_golden_masked_image),
    { 0 },
};

ND_TEST_MAIN("plot_masked", tests)
